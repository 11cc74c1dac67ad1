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
#include "coopcom/ui/tui.h"

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

int
main(int argc, char **argv)
{
	struct session_options o = { 0 };
	int i;

	setlocale(LC_ALL, "");
	if ((i = global_options(argc, argv, &o)) == -2)
		return 0;
	if (i < 0)
		return 2;
	if (i == argc)
		return tui_run(&o);
	return cli_run(&o, argc - i, argv + i);
}
