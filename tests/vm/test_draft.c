/*
 * test_draft.c: unsaved forms kept on disk and offered back.
 *
 * The file's place, its round trip (newlines, quotes, UTF-8), its mode
 * and the atomic write; a damaged file reported and left alone; and a
 * form put back from a draft, which still sees a change someone else
 * made in between.
 */
#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../check.h"
#include "../store/fixture.h"
#include "coopcom/vm/draft.h"
#include "coopcom/vm/form.h"

static char *state;		/* XDG_STATE_HOME for the test */

static void
setup(void)
{
	fx_setup_world();
	state = fx_file("state");
	setenv("XDG_STATE_HOME", state, 1);
}

static void
teardown(void)
{
	unsetenv("XDG_STATE_HOME");
	free(state);
	state = NULL;
	fx_teardown();
}

static char *
path_for(const char *db, const char *login)
{
	struct err e;
	char *p;

	err_clear(&e);
	p = draft_path(db, login, &e);
	ck_assert_msg(p != NULL, "%s", e.msg);
	return p;
}

START_TEST(test_path)
{
	char *a, *b, *c, *d, *cwd = getcwd(NULL, 0), *prefix, *home;

	a = path_for(fx.path, "lee");
	prefix = fx_file("state/coopcom/drafts/lee-coopcom.db-");
	ck_assert_msg(strncmp(a, prefix, strlen(prefix)) == 0, "%s", a);
	ck_assert_str_eq(a + strlen(a) - 5, ".json");
	ck_assert_int_eq(chdir(fx.dir), 0);
	b = path_for("coopcom.db", "lee");
	c = path_for("./coopcom.db", "lee");
	ck_assert_str_eq(a, b);		/* one draft per database... */
	ck_assert_str_eq(a, c);
	d = path_for(fx.path, "lou");
	ck_assert_str_ne(a, d);		/* ... and person */
	ck_assert_int_eq(chdir(cwd), 0);
	free(a);
	free(b);
	free(c);
	free(d);
	home = getenv("HOME") ? strdup(getenv("HOME")) : NULL;
	unsetenv("XDG_STATE_HOME");
	setenv("HOME", fx.dir, 1);
	a = path_for(fx.path, "lee");
	if (home != NULL)
		setenv("HOME", home, 1);
	free(prefix);
	prefix = fx_file(".local/state/coopcom/drafts/");
	ck_assert_msg(strncmp(a, prefix, strlen(prefix)) == 0, "%s", a);
	free(a);
	free(prefix);
	free(home);
	free(cwd);
}
END_TEST

static size_t
files_in(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	size_t n = 0;

	ck_assert_ptr_nonnull(d);
	while ((de = readdir(d)) != NULL)
		if (de->d_name[0] != '.')
			n++;
	closedir(d);
	return n;
}

START_TEST(test_round_trip)
{
	struct draft d, back;
	struct stat sb;
	struct err e;
	char *path = path_for(fx.path, "lee"), *dir;

	draft_init(&d);
	d.entity = strdup("recommendation");
	d.mode = strdup("edit");
	d.id = 7;
	d.version = 3;
	d.what = strdup("recommendation CC-LCL-03");
	d.db = strdup(fx.path);
	d.login = strdup("lee");
	draft_add(&d, "title", "Zoë’s \"plan\" 漢字", "Old \\ title");
	draft_add(&d, "text", "line one\nline two\ttab", "");
	err_clear(&e);
	ck_assert_msg(draft_save(path, &d, &e) == 0, "%s", e.msg);
	ck_assert_int_eq(stat(path, &sb), 0);
	ck_assert_int_eq(sb.st_mode & 0777, 0600);
	dir = fx_file("state/coopcom/drafts");
	ck_assert_int_eq(stat(dir, &sb), 0);
	ck_assert_int_eq(sb.st_mode & 0777, 0700);
	ck_assert_uint_eq(files_in(dir), 1);	/* no temporary file left */
	ck_assert_int_eq(draft_load(path, &back, &e), 1);
	ck_assert_str_eq(back.entity, "recommendation");
	ck_assert_str_eq(back.mode, "edit");
	ck_assert_int_eq(back.id, 7);
	ck_assert_int_eq(back.version, 3);
	ck_assert_str_eq(back.what, "recommendation CC-LCL-03");
	ck_assert_str_eq(back.login, "lee");
	ck_assert_int_eq((int)strlen(back.saved_at), 16);
	ck_assert_uint_eq(back.n, 2);
	ck_assert_str_eq(back.fields[0].name, "title");
	ck_assert_str_eq(back.fields[0].typed, "Zoë’s \"plan\" 漢字");
	ck_assert_str_eq(back.fields[0].original, "Old \\ title");
	ck_assert_str_eq(back.fields[1].typed, "line one\nline two\ttab");
	/* Saving again replaces it whole. */
	draft_add(&d, "term", "short", "");
	ck_assert_int_eq(draft_save(path, &d, &e), 0);
	draft_done(&back);
	ck_assert_int_eq(draft_load(path, &back, &e), 1);
	ck_assert_uint_eq(back.n, 3);
	ck_assert_uint_eq(files_in(dir), 1);
	ck_assert_int_eq(draft_remove(path, &e), 0);
	draft_done(&back);
	ck_assert_int_eq(draft_load(path, &back, &e), 0);	/* none */
	ck_assert_int_eq(draft_remove(path, &e), 0);	/* missing is fine */
	draft_done(&back);
	draft_done(&d);
	free(dir);
	free(path);
}
END_TEST

/* Damaged files: a clear message naming the file, and the file stays. */
static const char *const damaged[][2] = {
	{ "{\"format\": \"coopcom-draft\", \"format_", "line 1" },
	{ "", "line" },
	{ "[1, 2, 3]", "not a coopcom draft" },
	{ "{\"format\": \"something-else\"}", "not a coopcom draft" },
	{ "{\"format\": \"coopcom-draft\", \"format_version\": 9}",
	    "another version" },
	{ "{\"format\": \"coopcom-draft\", \"format_version\": 1, "
	    "\"entity\": \"recommendation\"}", "missing" },
	{ "{\"format\": \"coopcom-draft\", \"format_version\": 1, "
	    "\"entity\": \"x\", \"mode\": \"edit\", \"what\": \"w\", "
	    "\"saved_at\": \"s\", \"db\": \"d\", \"login\": \"l\", \"id\": 1, "
	    "\"version\": 1, \"fields\": [{\"name\": 3}]}", "a field" },
	{ "{\"format\": \"coopcom-draft\", \"format_version\": 1, "
	    "\"entity\": \"x\", \"mode\": \"edit\", \"what\": \"w\", "
	    "\"saved_at\": \"s\", \"db\": \"d\", \"login\": \"l\", \"id\": 1, "
	    "\"version\": 1, \"fields\": 5}", "not a list" },
};

START_TEST(test_damaged)
{
	char *path = path_for(fx.path, "lee"), *dir = fx_file("state");
	struct draft d;
	struct err e;

	ck_assert_int_eq(mkdir(dir, 0700), 0);
	free(dir);
	dir = fx_file("state/coopcom");
	ck_assert_int_eq(mkdir(dir, 0700), 0);
	free(dir);
	dir = fx_file("state/coopcom/drafts");
	ck_assert_int_eq(mkdir(dir, 0700), 0);
	fx_write_file(path, damaged[_i][0], strlen(damaged[_i][0]));
	err_clear(&e);
	ck_assert_int_eq(draft_load(path, &d, &e), -1);
	ck_assert_int_eq(e.code, ERR_INVALID);
	fx_assert_has(e.msg, path);
	fx_assert_has(e.msg, "damaged");
	fx_assert_has(e.msg, damaged[_i][1]);
	ck_assert_int_eq(access(path, F_OK), 0);	/* left alone */
	ck_assert_ptr_null(d.entity);
	free(dir);
	free(path);
}
END_TEST

START_TEST(test_unreadable)
{
	char *path = fx_file("no-such-folder/x.json");
	struct draft d;
	struct err e;

	err_clear(&e);
	ck_assert_int_eq(draft_load(path, &d, &e), 0);
	free(path);
	/* A folder where the file should be cannot be read as a draft. */
	path = fx_file("state");
	ck_assert_int_eq(mkdir(path, 0700), 0);
	ck_assert_int_eq(draft_load(path, &d, &e), -1);
	fx_assert_has(e.msg, path);
	free(path);
}
END_TEST

/*
 * A form kept as a draft comes back with what was typed, and a change
 * someone saved in between is still seen: the save shows both versions.
 */
START_TEST(test_form_round_trip)
{
	struct form fm, back;
	struct draft d, loaded;
	struct err e;
	int64_t id, got;
	char *path = path_for(fx.path, FX_ADMIN);

	id = fx_add(fx.st, ENT_RECOMMENDATION, FX_VALS({ "subgroup", "LCL" },
	    { "title", "Before" }, { "text", "Body" }));
	err_clear(&e);
	ck_assert_int_eq(form_init_edit(&fm, fx.st, ENT_RECOMMENDATION, id,
	    &e), 0);
	lineedit_set(&form_field(&fm, "title")->edit, "Zoë’s title");
	lineedit_set(&form_field(&fm, "text")->edit, "New\nbody");
	draft_init(&d);
	form_to_draft(&fm, &d);
	d.db = strdup(fx.path);
	d.login = strdup(FX_ADMIN);
	ck_assert_int_eq(draft_save(path, &d, &e), 0);
	form_done(&fm);
	fx_edit(fx.st, ENT_RECOMMENDATION, id, FX_VALS({ "title", "Theirs" }));
	ck_assert_int_eq(draft_load(path, &loaded, &e), 1);
	ck_assert_msg(form_from_draft(&back, fx.st, &loaded, &e) == 0, "%s",
	    e.msg);
	ck_assert_int_eq(back.mode, FORM_EDIT);
	ck_assert_int_eq(back.id, id);
	ck_assert_int_eq(back.version, 1);
	ck_assert_str_eq(lineedit_text(&form_field(&back, "title")->edit),
	    "Zoë’s title");
	ck_assert_str_eq(lineedit_text(&form_field(&back, "text")->edit),
	    "New\nbody");
	ck_assert_str_eq(form_field(&back, "title")->original, "Before");
	ck_assert(form_modified(&back));
	ck_assert_int_eq(form_submit(&back, fx.st, &got, &e), -1);
	ck_assert_int_eq(e.code, ERR_CONFLICT);
	ck_assert_str_eq(form_field(&back, "title")->theirs, "Theirs");
	ck_assert_ptr_null(form_field(&back, "text")->theirs);
	ck_assert_int_eq(form_submit(&back, fx.st, &got, &e), 0);
	form_done(&back);
	draft_done(&loaded);
	/* A draft of a kind this coopcom does not know is refused. */
	free(d.entity);
	d.entity = strdup("spaceship");
	ck_assert_int_eq(form_from_draft(&back, fx.st, &d, &e), -1);
	fx_assert_has(e.msg, "spaceship");
	draft_done(&d);
	free(path);
}
END_TEST

Suite *
draft_suite(void)
{
	Suite *s = suite_create("draft");
	TCase *tc = tcase_create("draft");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_path);
	tcase_add_test(tc, test_round_trip);
	tcase_add_loop_test(tc, test_damaged, 0,
	    (int)(sizeof damaged / sizeof damaged[0]));
	tcase_add_test(tc, test_unreadable);
	tcase_add_test(tc, test_form_round_trip);
	suite_add_tcase(s, tc);
	return s;
}
