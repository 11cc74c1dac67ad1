/*
 * commands.h: the command table's row type and each command's handler.
 *
 * A handler reads its words and options from args, works through the
 * session's store, prints its result on stdout and returns 0, or -1 with
 * e filled (cli_run prints it and picks the exit status).
 */
#ifndef COOPCOM_CLI_COMMANDS_H
#define COOPCOM_CLI_COMMANDS_H

#include <stdint.h>

#include "coopcom/cli/args.h"
#include "coopcom/vm/session.h"

enum command_needs {
	CMD_STORE = 1 << 0,	/* open the database first */
	CMD_CREATE = 1 << 1,	/* ... creating it when missing */
	CMD_FIELDS = 1 << 2	/* takes --FIELD for the KIND in its first word */
};

struct command {
	const char *name;
	const char *usage;		/* for help and errors */
	const char *help;		/* one line */
	int (*run)(struct session *s, struct args *a, struct err *e);
	unsigned needs;			/* enum command_needs */
	const char *options;		/* args.h spec: "format= archived" */
};

/* Helpers shared by the handlers. */
const char *cmd_word(struct args *a, size_t i, const char *what,
    struct err *e);
const struct entity *cmd_entity(struct args *a, size_t i, struct err *e);
/* --expect-version N, or 0 when not given. */
int cmd_expect_version(struct args *a, int64_t *version, struct err *e);

int cmd_init(struct session *s, struct args *a, struct err *e);
int cmd_list(struct session *s, struct args *a, struct err *e);
int cmd_show(struct session *s, struct args *a, struct err *e);
int cmd_add(struct session *s, struct args *a, struct err *e);
int cmd_edit(struct session *s, struct args *a, struct err *e);
int cmd_archive(struct session *s, struct args *a, struct err *e);
int cmd_join(struct session *s, struct args *a, struct err *e);
int cmd_fields(struct session *s, struct args *a, struct err *e);
int cmd_attend(struct session *s, struct args *a, struct err *e);
int cmd_whoami(struct session *s, struct args *a, struct err *e);
int cmd_check(struct session *s, struct args *a, struct err *e);
int cmd_config(struct session *s, struct args *a, struct err *e);
int cmd_stages(struct session *s, struct args *a, struct err *e);
int cmd_advance(struct session *s, struct args *a, struct err *e);
int cmd_transitions(struct session *s, struct args *a, struct err *e);
int cmd_history(struct session *s, struct args *a, struct err *e);
int cmd_agenda(struct session *s, struct args *a, struct err *e);
int cmd_decide(struct session *s, struct args *a, struct err *e);
int cmd_minutes(struct session *s, struct args *a, struct err *e);
int cmd_report(struct session *s, struct args *a, struct err *e);
int cmd_impact(struct session *s, struct args *a, struct err *e);
int cmd_import(struct session *s, struct args *a, struct err *e);
int cmd_backup(struct session *s, struct args *a, struct err *e);

#endif
