/*
 * cli.h: the non-interactive commands (coopcom COMMAND ...).
 *
 * Every command is one row of a table that also generates `coopcom help`
 * and the usage lines; each works through the store, so the rules are
 * those of the TUI.
 */
#ifndef COOPCOM_CLI_CLI_H
#define COOPCOM_CLI_CLI_H

#include <stdio.h>

#include "coopcom/vm/session.h"

/*
 * Runs COMMAND (argv[0]) with its arguments, for the session options
 * given; returns the process exit status. Messages go to stderr.
 */
int cli_run(const struct session_options *o, int argc, char **argv);

/* Writes the command list, one "  usage  help" line each. */
void cli_usage(FILE *fp);

/* Whether NAME is a command. */
int cli_is_command(const char *name);

#endif
