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
#include <stdio.h>

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

/*
 * Where a document goes: standard output (through a stream of its own
 * on a copy of the descriptor, so its large buffer is never stdout's),
 * or a temporary file beside PATH renamed into place when whole, so a
 * failed run never leaves half a document where the last good one was.
 */
struct output {
	FILE *fp;
	char *path;			/* the file asked for, or NULL */
	char *tmp;			/* where it is written first */
	char *buffer;
};

/* Opens the output: PATH, or standard output when NULL. */
int cmd_output_open(struct output *o, const char *path, struct err *e);
/* Finishes it with OK (the writer's 0 or -1): renamed into place when
 * 0, removed when not; returns OK, or -1 when closing failed. */
int cmd_output_close(struct output *o, int ok, struct err *e);

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
int cmd_update(struct session *s, struct args *a, struct err *e);
int cmd_history(struct session *s, struct args *a, struct err *e);
int cmd_agenda(struct session *s, struct args *a, struct err *e);
int cmd_decide(struct session *s, struct args *a, struct err *e);
int cmd_minutes(struct session *s, struct args *a, struct err *e);
int cmd_report(struct session *s, struct args *a, struct err *e);
int cmd_progress(struct session *s, struct args *a, struct err *e);
int cmd_timeline(struct session *s, struct args *a, struct err *e);
int cmd_impact(struct session *s, struct args *a, struct err *e);
int cmd_import(struct session *s, struct args *a, struct err *e);
int cmd_backup(struct session *s, struct args *a, struct err *e);

#endif
