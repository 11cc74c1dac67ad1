/*
 * test_config.c: tests for the settings table and config file reader.
 *
 * Each test writes its config files into a fresh directory made with
 * mkdtemp under /tmp and removed afterwards. The environment is faked
 * through c.env, so no test calls setenv.
 */
#include <check.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libconfig.h>

#include "coopcom/conf/config.h"
#include "coopcom/util/buf.h"
#include "coopcom/util/err.h"
#include "coopcom/util/xalloc.h"

Suite *config_suite(void);

/* The source tree, as make check exports it (VPATH builds included). */
static const char *
top_srcdir(void)
{
	const char *top = getenv("top_srcdir");

	return top != NULL && *top != '\0' ? top : ".";
}

#define DIR_TEMPLATE "/tmp/coopcom-config-XXXXXX"

static char dir[sizeof DIR_TEMPLATE];

/* The fake environment: NULL values are unset. */
static const char *fake_home;
static const char *fake_xdg;

static const char *
fake_env(const char *name)
{
	if (strcmp(name, "HOME") == 0)
		return fake_home;
	if (strcmp(name, "XDG_CONFIG_HOME") == 0)
		return fake_xdg;
	return NULL;
}

static void
setup(void)
{
	memcpy(dir, DIR_TEMPLATE, sizeof dir);
	ck_assert_ptr_nonnull(mkdtemp(dir));
	fake_home = NULL;
	fake_xdg = NULL;
}

static int
rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

static void
teardown(void)
{
	nftw(dir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

/* The path of name in the test directory; the caller frees it. */
static char *
path_in(const char *name)
{
	return x_printf("%s/%s", dir, name);
}

/* Makes the directories of a relative path, like mkdir -p. */
static void
make_dirs(const char *rel)
{
	char *p = path_in(rel), *slash;

	for (slash = strchr(p + strlen(dir) + 1, '/'); slash != NULL;
	     slash = strchr(slash + 1, '/')) {
		*slash = '\0';
		mkdir(p, 0700);
		*slash = '/';
	}
	mkdir(p, 0700);
	free(p);
}

/* Writes text to name in the test directory; returns the path to free. */
static char *
write_file(const char *name, const char *text)
{
	char *path = path_in(name);
	FILE *f;

	f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	ck_assert_int_eq(fclose(f), 0);
	return path;
}

static void
init(struct config *c)
{
	config_defaults(c);
	c->env = fake_env;
	c->system_file = NULL;
}

/* Loads text as "coopcom.conf"; returns config_load's result. */
static int
load_text(struct config *c, const char *text, struct err *e)
{
	char *path = write_file("coopcom.conf", text);
	int rc;

	err_clear(e);
	rc = config_load(c, path, e);
	free(path);
	return rc;
}

static void
assert_defaults(const struct config *c)
{
	ck_assert_str_eq(c->database, "");
	ck_assert_str_eq(c->workflow, "");
	ck_assert(!c->trust_as);
	ck_assert_int_eq(c->busy_timeout_ms, 5000);
	ck_assert_int_eq(c->stale_update_days, 60);
	ck_assert_int_eq(c->amber_days, 30);
	ck_assert(c->key_decision_pence == 50000000);
	ck_assert_int_eq(c->quorum.assembly, 5);
	ck_assert_int_eq(c->quorum.subgroup, 3);
	ck_assert_int_eq(c->quorum.citizens_group, 3);
	ck_assert_int_eq(c->quorum.cabinet, 4);
	ck_assert_int_eq(c->quorum.council, 20);
	ck_assert_int_eq(c->quorum.scrutiny, 3);
	ck_assert(c->colour);
	ck_assert_int_eq(c->refresh_ms, 500);
	ck_assert_uint_eq(c->nkeys, 0);
}

START_TEST(test_defaults)
{
	struct config c;

	config_defaults(&c);
	assert_defaults(&c);
	ck_assert_ptr_null(c.source);
	ck_assert_ptr_nonnull(c.env);
	ck_assert_str_eq(c.system_file, "/etc/coopcom.conf");
	config_done(&c);
}
END_TEST

static void
assert_key(const struct config *c, size_t i, const char *action,
    const char *key, int line)
{
	ck_assert_uint_lt(i, c->nkeys);
	ck_assert_str_eq(c->keys[i].action, action);
	ck_assert_str_eq(c->keys[i].key, key);
	ck_assert_str_eq(c->keys[i].file, c->source);
	ck_assert_int_eq(c->keys[i].line, line);
}

START_TEST(test_every_setting)
{
	struct config c;
	struct err e;
	char *path;

	init(&c);
	fake_home = "/home/secretary/";
	ck_assert_int_eq(
	    load_text(&c,
		"database = \"~/council/coopcom.db\";\n"
		"workflow: \"/etc/coopcom/workflow.conf\"\n"
		"trust_as = true;\n"
		"busy_timeout_ms = 600000;\n"
		"stale_update_days = 1;\n"
		"amber_days = 0;\n"
		"key_decision_pence = 1000000000000000;\n"
		"quorum = { assembly = 7; subgroup = 2; citizens_group = 0;\n"
		"    cabinet = 5; council = 1000; scrutiny = 4; };\n"
		"colour = false;\n"
		"refresh_ms = 100;\n"
		"keys = {\n"
		"\tmove_down = [\"j\", \"Down\"];\n"
		"\tquit = \"q\";\n"
		"\thelp = (\"?\",\n"
		"\t\t\"F1\");\n"
		"};\n",
		&e),
	    0);
	ck_assert_str_eq(c.database, "/home/secretary/council/coopcom.db");
	ck_assert_str_eq(c.workflow, "/etc/coopcom/workflow.conf");
	ck_assert(c.trust_as);
	ck_assert_int_eq(c.busy_timeout_ms, 600000);
	ck_assert_int_eq(c.stale_update_days, 1);
	ck_assert_int_eq(c.amber_days, 0);
	ck_assert(c.key_decision_pence == INT64_C(1000000000000000));
	ck_assert_int_eq(c.quorum.assembly, 7);
	ck_assert_int_eq(c.quorum.subgroup, 2);
	ck_assert_int_eq(c.quorum.citizens_group, 0);
	ck_assert_int_eq(c.quorum.cabinet, 5);
	ck_assert_int_eq(c.quorum.council, 1000);
	ck_assert_int_eq(c.quorum.scrutiny, 4);
	ck_assert(!c.colour);
	ck_assert_int_eq(c.refresh_ms, 100);
	ck_assert_uint_eq(c.nkeys, 5);
	path = path_in("coopcom.conf");
	ck_assert_str_eq(c.source, path);
	free(path);
	assert_key(&c, 0, "move_down", "j", 13);
	assert_key(&c, 1, "move_down", "Down", 13);
	assert_key(&c, 2, "quit", "q", 14);
	assert_key(&c, 3, "help", "?", 15);
	assert_key(&c, 4, "help", "F1", 16);
	config_done(&c);
}
END_TEST

/* A group sets only the members it names; the rest keep their values. */
START_TEST(test_partial_group)
{
	struct config c;
	struct err e;

	init(&c);
	ck_assert_int_eq(load_text(&c, "quorum: { council = 12 }\n", &e), 0);
	ck_assert_int_eq(c.quorum.council, 12);
	ck_assert_int_eq(c.quorum.assembly, 5);
	ck_assert_int_eq(c.quorum.cabinet, 4);
	config_done(&c);
}
END_TEST

/*
 * libconfig 1.5 wraps a plain integer above 2147483647; the loader must
 * make it 64-bit first, in decimal and hex, and leave text in strings,
 * comments and names alone.
 */
static const struct {
	const char *text;
	long long pence;
} big[] = {
    {"key_decision_pence = 3000000000;", 3000000000LL},
    {"key_decision_pence = 3000000000L;", 3000000000LL},
    {"key_decision_pence = 2147483647;", 2147483647LL},
    {"key_decision_pence = 2147483648;", 2147483648LL},
    {"key_decision_pence = 4294967296;", 4294967296LL},
    {"key_decision_pence = 0x80000000;", 2147483648LL},
    {"key_decision_pence = 0x100000000;", 4294967296LL},
    {"key_decision_pence = 999999999999999;", 999999999999999LL},
    {"key_decision_pence = +0042;", 42},
    {"key_decision_pence=7", 7},
    {"key_decision_pence = 5LL;", 5},
    {"key_decision_pence = 0;", 0},
};

START_TEST(test_big_integers)
{
	struct config c;
	struct err e;

	init(&c);
	ck_assert_msg(load_text(&c, big[_i].text, &e) == 0, "%s: %s",
	    big[_i].text, e.msg);
	ck_assert_msg(c.key_decision_pence == big[_i].pence, "%s gave %lld",
	    big[_i].text, (long long)c.key_decision_pence);
	config_done(&c);
}
END_TEST

START_TEST(test_scan_leaves_text_alone)
{
	struct config c;
	struct err e;

	init(&c);
	ck_assert_msg(
	    load_text(&c,
		"# @include \"/etc/passwd\" 99999999999999999999\n"
		"/* a block comment\n"
		"@include \"/etc/passwd\"\n"
		"*/ // and @include \"x\"\n"
		"database = \"/srv/99999999999999999999/@include.db\";\n"
		"workflow = \"/srv/a \\\"quoted\\\" \\\\ name\";\n"
		"keys = { page3000000000 = \"Next\"; x-1 = \"1\"; };\n"
		"amber_days = 7;\n",
		&e) == 0,
	    "%s", e.msg);
	ck_assert_str_eq(c.database, "/srv/99999999999999999999/@include.db");
	ck_assert_str_eq(c.workflow, "/srv/a \"quoted\" \\ name");
	ck_assert_uint_eq(c.nkeys, 2);
	ck_assert_str_eq(c.keys[0].action, "page3000000000");
	ck_assert_str_eq(c.keys[1].action, "x-1");
	ck_assert_str_eq(c.keys[1].key, "1");
	ck_assert_int_eq(c.keys[1].line, 7);
	ck_assert_int_eq(c.amber_days, 7);
	config_done(&c);
}
END_TEST

/* Each bad file and the message it must give after "PATH". */
static const struct {
	const char *text;
	const char *msg;
} bad[] = {
    {"colour = true;\nbusy_timeout_ms = ;\n", ":2: syntax error"},
    {"colour = true;\ncolour = false;\n", ":2: duplicate setting name"},
    {"\n\nfoo = 1;\n",
	":3: unknown setting \"foo\"; it must be one of database, workflow, "
	"trust_as, busy_timeout_ms, stale_update_days, amber_days, "
	"key_decision_pence, quorum, colour, refresh_ms, keys"},
    {"colur = false;",
	":1: unknown setting \"colur\" (did you mean \"colour\"?)"},
    {"amber = 3;\namber_dyas = 3;",
	":1: unknown setting \"amber\"; it must be one of database, "
	"workflow, trust_as, busy_timeout_ms, stale_update_days, "
	"amber_days, key_decision_pence, quorum, colour, refresh_ms, keys"},
    {"amber_dyas = 3;",
	":1: unknown setting \"amber_dyas\" (did you mean \"amber_days\"?)"},
    {"assembly = 5;",
	":1: unknown setting \"assembly\"; it must be one of database, "
	"workflow, trust_as, busy_timeout_ms, stale_update_days, "
	"amber_days, key_decision_pence, quorum, colour, refresh_ms, keys"},
    {"\n\n\nbusy_timeout_ms = \"fast\";\n",
	":4: busy_timeout_ms must be an integer"},
    {"busy_timeout_ms = true;", ":1: busy_timeout_ms must be an integer"},
    {"refresh_ms = 1.5;", ":1: refresh_ms must be an integer, not a fraction"},
    {"quorum = {\n  assembly = 0.5;\n};",
	":2: quorum.assembly must be an integer, not a fraction"},
    {"quorum = {\n  assembly = \"half\";\n};",
	":2: quorum.assembly must be an integer"},
    {"colour = 1;", ":1: colour must be true or false"},
    {"trust_as = \"yes\";", ":1: trust_as must be true or false"},
    {"database = 5;",
	":1: database must be a string (a file path in double quotes)"},
    {"workflow = [\"/a\"];",
	":1: workflow must be a string (a file path in double quotes)"},
    {"workflow = \"flow.conf\";",
	":1: workflow must be a full path starting with / or ~/, not "
	"\"flow.conf\""},
    {"database = \"~bob/x.db\";",
	":1: database must be a full path starting with / or ~/, not "
	"\"~bob/x.db\""},
    {"database = \"~/x.db\";",
	":1: database \"~/x.db\" starts with ~/ but HOME is not set; "
	"write the full path"},
    {"busy_timeout_ms = 0;",
	":1: busy_timeout_ms must be between 1 and 600000, not 0"},
    {"busy_timeout_ms = 600001;",
	":1: busy_timeout_ms must be between 1 and 600000, not 600001"},
    {"busy_timeout_ms = 3000000000;",
	":1: busy_timeout_ms must be between 1 and 600000, not 3000000000"},
    {"busy_timeout_ms = -4294962296;",
	":1: busy_timeout_ms must be between 1 and 600000, not -4294962296"},
    {"stale_update_days = 3651;",
	":1: stale_update_days must be between 1 and 3650, not 3651"},
    {"stale_update_days = 0;",
	":1: stale_update_days must be between 1 and 3650, not 0"},
    {"amber_days = -1;", ":1: amber_days must be between 0 and 3650, not -1"},
    {"refresh_ms = 99;",
	":1: refresh_ms must be between 100 and 10000, not 99"},
    {"refresh_ms = 10001;",
	":1: refresh_ms must be between 100 and 10000, not 10001"},
    {"key_decision_pence = -1;",
	":1: key_decision_pence must be between 0 and 1000000000000000, "
	"not -1"},
    {"key_decision_pence = 1000000000000001;",
	":1: key_decision_pence must be between 0 and 1000000000000000, "
	"not 1000000000000001"},
    {"key_decision_pence = 500000.00;",
	":1: key_decision_pence must be an integer, not a fraction"},
    {"key_decision_pence = 99999999999999999999;",
	":1: the number 99999999999999999999 is too large"},
    {"\nkey_decision_pence = 0xffffffffffffffffL;",
	":2: the number 0xffffffffffffffffL is too large"},
    {"quorum = 5;",
	":1: quorum must be a group in braces, e.g. quorum = "
	"{ assembly = 5; }"},
    {"quorum = {\n  cabnet = 4;\n};",
	":2: unknown quorum body \"cabnet\" (did you mean \"cabinet\"?)"},
    {"quorum = { mayor = 1; };",
	":1: unknown quorum body \"mayor\"; it must be one of assembly, "
	"subgroup, citizens_group, cabinet, council, scrutiny"},
    {"quorum = { council = 1001; };",
	":1: quorum.council must be between 0 and 1000, not 1001"},
    {"quorum = { scrutiny = -1; };",
	":1: quorum.scrutiny must be between 0 and 1000, not -1"},
    {"keys = [\"q\"];",
	":1: keys must be a group of bindings in braces, e.g. keys = "
	"{ quit = [\"q\"]; }"},
    {"keys = {\n  quit = 5;\n};",
	":2: keys.quit must be a key name or a list of key names in "
	"double quotes, e.g. quit = [\"j\", \"Down\"]"},
    {"keys = { quit = [1, 2]; };",
	":1: keys.quit must be a key name or a list of key names in "
	"double quotes, e.g. quit = [\"j\", \"Down\"]"},
    {"keys = {\n  quit = (\"q\",\n    5);\n};",
	":3: keys.quit must be a key name or a list of key names in "
	"double quotes, e.g. quit = [\"j\", \"Down\"]"},
    {"keys = { quit = { a = \"q\"; }; };",
	":1: keys.quit must be a key name or a list of key names in "
	"double quotes, e.g. quit = [\"j\", \"Down\"]"},
    {"keys = { quit = {}; };",
	":1: keys.quit must be a key name or a list of key names in "
	"double quotes, e.g. quit = [\"j\", \"Down\"]"},
    {"keys = { quit = []; };",
	":1: keys.quit needs at least one key name, e.g. quit = [\"q\"]"},
    {"keys = { quit = [\"q\", \"\"]; };",
	":1: keys.quit: a key name cannot be empty"},
    {"colour = true;\n@include \"/etc/passwd\"\n",
	":2: @include is not allowed in a coopcom config file; copy the "
	"settings into this file instead"},
    {"\t @include \"coopcom.conf\"\n",
	":1: @include is not allowed in a coopcom config file; copy the "
	"settings into this file instead"},
};

START_TEST(test_bad)
{
	struct config c;
	struct err e;
	char *want;

	init(&c);
	ck_assert_msg(
	    load_text(&c, bad[_i].text, &e) == -1, "%s", bad[_i].text);
	ck_assert_int_eq(e.code, ERR_INVALID);
	want = x_printf("%s/coopcom.conf%s", dir, bad[_i].msg);
	ck_assert_str_eq(e.msg, want);
	free(want);
	/* A bad file changes nothing, not even settings before the error. */
	assert_defaults(&c);
	ck_assert_ptr_null(c.source);
	config_done(&c);
}
END_TEST

START_TEST(test_error_keeps_earlier_file)
{
	struct config c;
	struct err e;
	char *first;

	init(&c);
	ck_assert_int_eq(
	    load_text(&c, "amber_days = 9;\nkeys = { quit = \"q\"; };\n", &e),
	    0);
	first = x_strdup(c.source);
	ck_assert_int_eq(
	    load_text(&c,
		"amber_days = 10;\nkeys = { quit = \"x\"; };\nfoo = 1;\n", &e),
	    -1);
	ck_assert_int_eq(c.amber_days, 9);
	ck_assert_uint_eq(c.nkeys, 1);
	ck_assert_str_eq(c.keys[0].key, "q");
	ck_assert_str_eq(c.source, first);
	free(first);
	config_done(&c);
}
END_TEST

/* A later file's binding of an action replaces that action's keys only. */
START_TEST(test_keys_replace_per_action)
{
	struct config c;
	struct err e;
	char *first, *second;

	init(&c);
	first = write_file("first.conf",
	    "keys = {\n  quit = [\"q\", \"Q\"];\n  help = \"?\";\n};\n");
	second = write_file("second.conf", "\n\nkeys = { quit = \"x\"; };\n");
	ck_assert_int_eq(config_load(&c, first, &e), 0);
	ck_assert_int_eq(config_load(&c, second, &e), 0);
	ck_assert_uint_eq(c.nkeys, 2);
	ck_assert_str_eq(c.keys[0].action, "help");
	ck_assert_str_eq(c.keys[0].file, first);
	ck_assert_int_eq(c.keys[0].line, 3);
	ck_assert_str_eq(c.keys[1].action, "quit");
	ck_assert_str_eq(c.keys[1].key, "x");
	ck_assert_str_eq(c.keys[1].file, second);
	ck_assert_int_eq(c.keys[1].line, 3);
	ck_assert_str_eq(c.source, second);
	free(first);
	free(second);
	config_done(&c);
}
END_TEST

START_TEST(test_empty_file)
{
	struct config c;
	struct err e;

	init(&c);
	ck_assert_int_eq(load_text(&c, "", &e), 0);
	assert_defaults(&c);
	ck_assert_ptr_nonnull(c.source);
	ck_assert_int_eq(load_text(&c, "# only a comment\n\n", &e), 0);
	assert_defaults(&c);
	config_done(&c);
}
END_TEST

START_TEST(test_byte_order_mark)
{
	struct config c;
	struct err e;

	init(&c);
	/* Two literals: "\xbfa" would read as one hex escape. */
	ck_assert_msg(load_text(&c,
			  "\xef\xbb\xbf"
			  "amber_days = 3;\n",
			  &e) == 0,
	    "%s", e.msg);
	ck_assert_int_eq(c.amber_days, 3);
	config_done(&c);
}
END_TEST

START_TEST(test_nul_byte)
{
	struct config c;
	struct err e;
	char *path = path_in("nul.conf"), *want;
	FILE *f;

	f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fwrite("amber_days = 3;\n\0", 1, 17, f);
	fclose(f);
	init(&c);
	ck_assert_int_eq(config_load(&c, path, &e), -1);
	want = x_printf(
	    "%s: contains a NUL byte; a config file is plain text", path);
	ck_assert_str_eq(e.msg, want);
	free(want);
	free(path);
	config_done(&c);
}
END_TEST

START_TEST(test_missing_user_path)
{
	struct config c;
	struct err e;
	char *path = path_in("nothere.conf"), *want;

	init(&c);
	ck_assert_int_eq(config_load(&c, path, &e), -1);
	ck_assert_int_eq(e.code, ERR_NOTFOUND);
	want = x_printf("%s: no such config file", path);
	ck_assert_str_eq(e.msg, want);
	ck_assert_ptr_null(c.source);
	free(want);
	free(path);
	config_done(&c);
}
END_TEST

START_TEST(test_directory)
{
	struct config c;
	struct err e;
	char *want;

	init(&c);
	ck_assert_int_eq(config_load(&c, dir, &e), -1);
	ck_assert_int_eq(e.code, ERR_INVALID);
	want = x_printf("%s: is a directory, not a config file", dir);
	ck_assert_str_eq(e.msg, want);
	free(want);
	config_done(&c);
}
END_TEST

START_TEST(test_unreadable)
{
	struct config c;
	struct err e;
	char *path, *want;

	/* root reads a mode 000 file anyway, so there is nothing to test. */
	if (geteuid() == 0)
		return;
	path = write_file("secret.conf", "colour = false;\n");
	ck_assert_int_eq(chmod(path, 0), 0);
	init(&c);
	ck_assert_int_eq(config_load(&c, path, &e), -1);
	ck_assert_int_eq(e.code, ERR_IO);
	want = x_printf(
	    "%s: cannot open the config file: Permission denied", path);
	ck_assert_str_eq(e.msg, want);
	free(want);
	free(path);
	config_done(&c);
}
END_TEST

/* The example must parse, keep every default and name exactly the table. */
START_TEST(test_example)
{
	struct config c;
	struct err e;
	config_t lc;
	config_setting_t *root, *s, *m;
	const char *name;
	char *path = x_printf("%s/data/coopcom.conf.example", top_srcdir());
	struct buf seen, want;
	int i, j;
	size_t n;

	init(&c);
	ck_assert_msg(config_load(&c, path, &e) == 0, "%s", e.msg);
	assert_defaults(&c);
	config_done(&c);

	buf_init(&seen);
	buf_init(&want);
	config_init(&lc);
	ck_assert(config_read_file(&lc, path) == CONFIG_TRUE);
	root = config_root_setting(&lc);
	for (i = 0; i < config_setting_length(root); i++) {
		s = config_setting_get_elem(root, (unsigned int)i);
		buf_printf(&seen, "%s\n", config_setting_name(s));
		if (!config_setting_is_group(s) ||
		    strcmp(config_setting_name(s), "keys") == 0)
			continue;
		for (j = 0; j < config_setting_length(s); j++) {
			m = config_setting_get_elem(s, (unsigned int)j);
			buf_printf(&seen, "%s.%s\n", config_setting_name(s),
			    config_setting_name(m));
		}
	}
	config_destroy(&lc);
	for (n = 0; (name = config_name(n)) != NULL; n++)
		buf_printf(&want, "%s\n", name);
	ck_assert_uint_eq(n, 17);
	ck_assert_str_eq(buf_str(&seen), buf_str(&want));
	buf_done(&seen);
	buf_done(&want);
	free(path);
}
END_TEST

START_TEST(test_default_xdg_first)
{
	struct config c;
	struct err e;
	char *xdg = path_in("xdg"), *home = path_in("home"), *want;

	make_dirs("xdg/coopcom");
	make_dirs("home/.config/coopcom");
	free(write_file("xdg/coopcom/config", "amber_days = 1;\n"));
	free(write_file("home/.config/coopcom/config", "amber_days = 2;\n"));
	fake_xdg = xdg;
	fake_home = home;
	init(&c);
	c.system_file = "/nonexistent/coopcom.conf";
	ck_assert_int_eq(config_load_default(&c, &e), 0);
	ck_assert_int_eq(c.amber_days, 1);
	want = x_printf("%s/coopcom/config", xdg);
	ck_assert_str_eq(c.source, want);
	free(want);
	free(xdg);
	free(home);
	config_done(&c);
}
END_TEST

/* With no (or a relative) XDG_CONFIG_HOME, ~/.config is used. */
START_TEST(test_default_home)
{
	static const char *const xdgs[] = {NULL, "", "relative/dir"};
	struct config c;
	struct err e;
	char *home = path_in("home"), *want;

	make_dirs("home/.config/coopcom");
	free(write_file("home/.config/coopcom/config", "amber_days = 2;\n"));
	fake_xdg = xdgs[_i];
	fake_home = home;
	init(&c);
	ck_assert_int_eq(config_load_default(&c, &e), 0);
	ck_assert_int_eq(c.amber_days, 2);
	want = x_printf("%s/.config/coopcom/config", home);
	ck_assert_str_eq(c.source, want);
	free(want);
	free(home);
	config_done(&c);
}
END_TEST

/* XDG_CONFIG_HOME set without the file: ~/.config is not consulted. */
START_TEST(test_default_system)
{
	struct config c;
	struct err e;
	char *xdg = path_in("xdg"), *home = path_in("home"), *sys;

	make_dirs("xdg");
	make_dirs("home/.config/coopcom");
	free(write_file("home/.config/coopcom/config", "amber_days = 2;\n"));
	sys = write_file("coopcom.conf", "amber_days = 3;\n");
	fake_xdg = xdg;
	fake_home = home;
	init(&c);
	c.system_file = sys;
	ck_assert_int_eq(config_load_default(&c, &e), 0);
	ck_assert_int_eq(c.amber_days, 3);
	ck_assert_str_eq(c.source, sys);
	free(sys);
	free(xdg);
	free(home);
	config_done(&c);
}
END_TEST

START_TEST(test_default_none)
{
	struct config c;
	struct err e;
	char *sys = path_in("absent.conf");

	fake_home = dir; /* no .config in it */
	init(&c);
	c.system_file = sys;
	ck_assert_int_eq(config_load_default(&c, &e), 0);
	ck_assert_ptr_null(c.source);
	assert_defaults(&c);
	/* No home at all is no error either. */
	fake_home = NULL;
	ck_assert_int_eq(config_load_default(&c, &e), 0);
	ck_assert_ptr_null(c.source);
	free(sys);
	config_done(&c);
}
END_TEST

/* A found file that is bad, or a directory, is an error, not skipped. */
START_TEST(test_default_errors)
{
	struct config c;
	struct err e;
	char *home = path_in("home"), *sys, *want;

	make_dirs("home/.config/coopcom/config");
	sys = write_file("coopcom.conf", "amber_days = 3;\n");
	fake_home = home;
	init(&c);
	c.system_file = sys;
	ck_assert_int_eq(config_load_default(&c, &e), -1);
	want = x_printf("%s/.config/coopcom/config: is a directory, not a "
			"config file",
	    home);
	ck_assert_str_eq(e.msg, want);
	free(want);

	free(write_file("coopcom.conf", "\namber_days = 3\nfoo = 1;\n"));
	fake_home = NULL;
	ck_assert_int_eq(config_load_default(&c, &e), -1);
	want = x_printf("%s:3: unknown setting \"foo\"", sys);
	ck_assert_int_eq(strncmp(e.msg, want, strlen(want)), 0);
	ck_assert_ptr_null(c.source);
	free(want);
	free(sys);
	free(home);
	config_done(&c);
}
END_TEST

START_TEST(test_describe)
{
	struct buf b;
	const char *name, *line;
	size_t i;

	buf_init(&b);
	config_describe(&b);
	line = buf_str(&b);
	for (i = 0; (name = config_name(i)) != NULL; i++) {
		ck_assert_msg(strncmp(line, name, strlen(name)) == 0 &&
			line[strlen(name)] == ' ',
		    "line %zu is not %s", i, name);
		line = strchr(line, '\n');
		ck_assert_ptr_nonnull(line);
		line++;
	}
	ck_assert_str_eq(line, "");
	ck_assert_ptr_nonnull(strstr(buf_str(&b),
	    "\nbusy_timeout_ms        "
	    "integer  5000      how long to wait for another user's write to "
	    "finish, in milliseconds (1 to 600000)\n"));
	ck_assert_ptr_nonnull(strstr(buf_str(&b),
	    "\nquorum.council         "
	    "integer  20        full Council (0 to 1000)\n"));
	ck_assert_ptr_nonnull(strstr(buf_str(&b),
	    "\ncolour                 bool     true      use colour"));
	ck_assert_ptr_nonnull(strstr(buf_str(&b),
	    "database               path     \"\"        the SQLite database"));
	buf_done(&b);
}
END_TEST

START_TEST(test_describe_mdoc)
{
	struct buf b;

	buf_init(&b);
	config_describe_mdoc(&b);
	ck_assert_int_eq(strncmp(buf_str(&b), ".Bl -tag -width Ds\n", 19), 0);
	ck_assert_ptr_nonnull(strstr(buf_str(&b),
	    ".It Ic refresh_ms Ar integer\n"
	    "How often the screen looks for other people's changes, in "
	    "milliseconds (100 to 10000); default 500.\n"));
	ck_assert_ptr_nonnull(strstr(buf_str(&b),
	    ".It Ic quorum Ar group\n"
	    "The minimum number of members present for a meeting to be "
	    "quorate, per body.\n"));
	ck_assert_ptr_nonnull(strstr(buf_str(&b),
	    ".It Ic keys Ar keys\n"
	    "Key bindings, action = [\"key\", ...]; each action named "
	    "replaces that action's built-in keys.\n.El\n"));
	buf_done(&b);
}
END_TEST

static const struct {
	const char *name;
	const char *text;
} values[] = {
    {"database", "/home/sec/c.db"},
    {"workflow", ""},
    {"trust_as", "true"},
    {"busy_timeout_ms", "5000"},
    {"key_decision_pence", "3000000000"},
    {"quorum.council", "12"},
    {"quorum",
	"assembly = 5;\nsubgroup = 3;\ncitizens_group = 3;\n"
	"cabinet = 4;\ncouncil = 12;\nscrutiny = 3;"},
    {"colour", "true"},
    {"keys", "quit = [\"q\", \"\\\"\"];\nhelp = [\"?\"];"},
};

START_TEST(test_get_text)
{
	struct config c;
	struct err e;
	struct buf b;

	init(&c);
	ck_assert_int_eq(
	    load_text(&c,
		"database = \"/home/sec/c.db\";\ntrust_as = true;\n"
		"key_decision_pence = 3000000000;\nquorum = { council = 12; "
		"};\n"
		"keys = { quit = [\"q\", \"\\\"\"]; help = \"?\"; };\n",
		&e),
	    0);
	buf_init(&b);
	buf_add(&b, ">");
	ck_assert_int_eq(config_get_text(&c, values[_i].name, &b, &e), 0);
	ck_assert_str_eq(buf_str(&b) + 1, values[_i].text);
	buf_done(&b);
	config_done(&c);
}
END_TEST

START_TEST(test_get_text_unknown)
{
	struct config c;
	struct err e;
	struct buf b;

	init(&c);
	buf_init(&b);
	ck_assert_int_eq(config_get_text(&c, "quorum.cabnet", &b, &e), -1);
	ck_assert_int_eq(e.code, ERR_NOTFOUND);
	ck_assert_str_eq(e.msg,
	    "no setting \"quorum.cabnet\" (did you mean \"quorum.cabinet\"?)");
	ck_assert_int_eq(config_get_text(&c, "nonsense", &b, &e), -1);
	ck_assert_str_eq(e.msg, "no setting \"nonsense\"");
	ck_assert_str_eq(buf_str(&b), "");
	buf_done(&b);
	config_done(&c);
}
END_TEST

Suite *
config_suite(void)
{
	Suite *s = suite_create("config");
	TCase *tc;

	tc = tcase_create("load");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_defaults);
	tcase_add_test(tc, test_every_setting);
	tcase_add_test(tc, test_partial_group);
	tcase_add_loop_test(
	    tc, test_big_integers, 0, sizeof big / sizeof big[0]);
	tcase_add_test(tc, test_scan_leaves_text_alone);
	tcase_add_loop_test(tc, test_bad, 0, sizeof bad / sizeof bad[0]);
	tcase_add_test(tc, test_error_keeps_earlier_file);
	tcase_add_test(tc, test_keys_replace_per_action);
	tcase_add_test(tc, test_empty_file);
	tcase_add_test(tc, test_byte_order_mark);
	tcase_add_test(tc, test_nul_byte);
	tcase_add_test(tc, test_missing_user_path);
	tcase_add_test(tc, test_directory);
	tcase_add_test(tc, test_unreadable);
	tcase_add_test(tc, test_example);
	suite_add_tcase(s, tc);

	tc = tcase_create("search");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_default_xdg_first);
	tcase_add_loop_test(tc, test_default_home, 0, 3);
	tcase_add_test(tc, test_default_system);
	tcase_add_test(tc, test_default_none);
	tcase_add_test(tc, test_default_errors);
	suite_add_tcase(s, tc);

	tc = tcase_create("describe");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_describe);
	tcase_add_test(tc, test_describe_mdoc);
	tcase_add_loop_test(
	    tc, test_get_text, 0, sizeof values / sizeof values[0]);
	tcase_add_test(tc, test_get_text_unknown);
	suite_add_tcase(s, tc);
	return s;
}
