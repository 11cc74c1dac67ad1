/*
 * session.h: everything a run of coopcom needs before its first command.
 *
 * Reads the configuration, loads the workflow, works out who is acting
 * and which database to use, and opens the store. The CLI and the TUI
 * both start here, so they agree on identity, paths and rules.
 */
#ifndef COOPCOM_VM_SESSION_H
#define COOPCOM_VM_SESSION_H

#include <stdbool.h>

#include "coopcom/conf/config.h"
#include "coopcom/core/workflow.h"
#include "coopcom/store/store.h"
#include "coopcom/util/err.h"

struct session_options {
	const char *db_path;		/* --db, or NULL */
	const char *config_path;	/* --config, or NULL */
	const char *as_login;		/* --as, or NULL */
	const char *today;		/* --today YYYY-MM-DD, or NULL */
	bool demo;			/* --demo: the demo database */
	bool create;			/* create a missing database (init) */
};

struct session {
	struct config config;
	struct workflow *workflow;	/* owned */
	struct store *store;		/* owned; NULL until session_open_store */
	char *db_path;			/* owned: the database chosen */
	char *login;			/* owned: who is acting */
	bool db_is_default;		/* no path was given: the built-in one */
	bool demo;			/* the demo database, built on first use */
	bool remote;			/* --as over SSH (a forced key): the
					   person may write no file on the host */
};

/* Reads config and workflow, fixes today and identity; no database yet. */
int session_init(struct session *s, const struct session_options *o,
    struct err *e);
/*
 * Opens the store, creating the file when asked, when it is the default
 * path, or for the demo (which is then filled; a failed fill removes the
 * new file, so a half-made demo is never left behind).
 */
int session_open_store(struct session *s, bool create, struct err *e);
void session_done(struct session *s);

/* The Unix login of this process (caller frees), or NULL. */
char *session_unix_login(void);

#endif
