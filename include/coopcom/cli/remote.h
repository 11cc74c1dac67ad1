/*
 * remote.h: a command given over SSH to a forced `coopcom --as LOGIN`.
 *
 * When an SSH key forces coopcom, sshd ignores the command the person
 * typed and puts it in SSH_ORIGINAL_COMMAND. coopcom runs it only when
 * it is one of the commands that work on the database alone (list, show,
 * edit, advance...), never one that reads or writes a file on the host
 * (init, backup, config) and never with global options (--db, --as,
 * --config), so a forced key gives the person coopcom and nothing else.
 * No shell is involved: the text is split into words here.
 */
#ifndef COOPCOM_CLI_REMOTE_H
#define COOPCOM_CLI_REMOTE_H

#include <stdbool.h>

#include "coopcom/util/err.h"

#define REMOTE_WORDS_MAX 64

struct remote_words {
	char **argv;	/* argc words, then NULL; owned */
	int argc;
};

/*
 * Splits TEXT into words as a POSIX shell would split a simple command:
 * blanks separate words; '...' keeps everything literally; "..." keeps
 * all but \" and \\; a backslash outside quotes takes the next character
 * literally. Nothing is expanded ($, `, *, ~ are plain characters).
 * ERR_INVALID for an unterminated quote, or more than
 * REMOTE_WORDS_MAX words. On success free with remote_words_done.
 */
int remote_split(const char *text, struct remote_words *w, struct err *e);
void remote_words_done(struct remote_words *w);

/* Whether command NAME may be run over SSH. */
bool remote_allowed(const char *name);

/*
 * Checks a split command line: not empty, the first word an allowed
 * command (so no global option). ERR_DENIED naming what may be run.
 */
int remote_check(const struct remote_words *w, struct err *e);

#endif
