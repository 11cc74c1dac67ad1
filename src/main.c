/*
 * main.c: coopcom's entry point: global options, then a command.
 *
 * Options before the command word apply to every command (GNU style:
 * --help and --version answer at once). With no command, the full-screen
 * interface starts.
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "coopcom/cli/cli.h"
#include "coopcom/cli/remote.h"
#include "coopcom/ui/tui.h"
#include "coopcom/util/text.h"

static void
usage(FILE *fp)
{
	fprintf(fp,
	    "Usage: coopcom [OPTION]... [COMMAND [ARG]...]\n"
	    "Run a council's co-operative commission: commissions, sub-groups,\n"
	    "members, engagement, meetings, milestones and the approval of\n"
	    "recommendations from a sub-group's draft to delivery.\n"
	    "\n"
	    "Options:\n"
	    "  --db PATH        use the database at PATH\n"
	    "  --config PATH    read settings from PATH\n"
	    "  --as LOGIN       act as LOGIN (only where trust_as = true)\n"
	    "  --today DATE     take DATE (YYYY-MM-DD) as today\n"
	    "  --demo           use the demo database (made when missing)\n"
	    "  --help           show this help and exit\n"
	    "  --version        show the version and exit\n"
	    "\n"
	    "Commands:\n");
	cli_usage(fp);
	fprintf(fp,
	    "\n"
	    "Environment: COOPCOM_DB (database path), XDG_DATA_HOME,\n"
	    "XDG_CONFIG_HOME, NO_COLOR. See coopcom(1).\n"
	    "Exit status: 0 ok, 1 error, 2 bad input, 3 not found, 4 conflict,\n"
	    "5 not allowed.\n");
}

static int
take_value(int argc, char **argv, int *i, const char **out)
{
	const char *opt = argv[*i], *eq = strchr(opt, '=');

	if (eq != NULL) {
		*out = eq + 1;
		return 0;
	}
	if (*i + 1 >= argc) {
		fprintf(stderr, "coopcom: %s needs a value\n", opt);
		return -1;
	}
	*out = argv[++*i];
	return 0;
}

static bool
is_opt(const char *arg, const char *name)
{
	size_t n = strlen(name);

	return strncmp(arg, name, n) == 0 && (arg[n] == '\0' || arg[n] == '=');
}

/* Parses global options; returns the index of the command, or -1/-2. */
static int
global_options(int argc, char **argv, struct session_options *o)
{
	int i;

	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		if (strcmp(argv[i], "--help") == 0) {
			usage(stdout);
			return -2;
		} else if (strcmp(argv[i], "--version") == 0) {
			printf("coopcom %s\n", PACKAGE_VERSION);
			return -2;
		} else if (strcmp(argv[i], "--demo") == 0) {
			o->demo = true;
		} else if (is_opt(argv[i], "--db")) {
			if (take_value(argc, argv, &i, &o->db_path) < 0)
				return -1;
		} else if (is_opt(argv[i], "--config")) {
			if (take_value(argc, argv, &i, &o->config_path) < 0)
				return -1;
		} else if (is_opt(argv[i], "--as")) {
			if (take_value(argc, argv, &i, &o->as_login) < 0)
				return -1;
		} else if (is_opt(argv[i], "--today")) {
			if (take_value(argc, argv, &i, &o->today) < 0)
				return -1;
		} else {
			fprintf(stderr, "coopcom: unknown option %s (coopcom "
			    "--help lists them)\n", argv[i]);
			return -1;
		}
	}
	return i;
}

/*
 * Under a forced SSH command (coopcom --as LOGIN in authorized_keys) the
 * person's own command line arrives in SSH_ORIGINAL_COMMAND: run it only
 * if it is one of the commands allowed over SSH (cli/remote.h).
 */
static int
remote_run(const struct session_options *o, const char *text)
{
	struct remote_words w;
	struct err e;
	char *safe;
	int rc;

	err_clear(&e);
	if (remote_split(text, &w, &e) < 0)
		goto refuse;
	if (w.argc == 0) {
		remote_words_done(&w);
		return tui_run(o);
	}
	if (remote_check(&w, &e) < 0) {
		remote_words_done(&w);
		goto refuse;
	}
	rc = cli_run(o, w.argc, w.argv);
	remote_words_done(&w);
	return rc;
refuse:
	safe = text_escape(e.msg, TEXT_KEEP_NEWLINE);
	fprintf(stderr, "coopcom: %s\n", safe);
	free(safe);
	return err_exit_status(e.code);
}

int
main(int argc, char **argv)
{
	struct session_options o = { 0 };
	const char *ssh;
	int i;

	setlocale(LC_ALL, "");
	if ((i = global_options(argc, argv, &o)) == -2)
		return 0;
	if (i < 0)
		return 2;
	if (i == argc && (ssh = getenv("SSH_ORIGINAL_COMMAND")) != NULL)
		return remote_run(&o, ssh);
	if (i == argc)
		return tui_run(&o);
	return cli_run(&o, argc - i, argv + i);
}
