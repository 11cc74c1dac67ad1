/*
 * draft.h: an unsaved form kept on disk, to be offered back later.
 *
 * When the connection drops (SIGHUP) or coopcom is told to stop
 * (SIGTERM) while a form is open, what was typed is written to a small
 * file, one per database and login, under
 * $XDG_STATE_HOME/coopcom/drafts/ (or ~/.local/state/coopcom/drafts/).
 * The next full-screen session on the same database as the same person
 * offers it back. The file is JSON, readable by its owner only (0600),
 * and written whole or not at all (a temporary file renamed over it). A
 * damaged file is reported, never silently removed.
 */
#ifndef COOPCOM_VM_DRAFT_H
#define COOPCOM_VM_DRAFT_H

#include <stddef.h>
#include <stdint.h>

#include "coopcom/util/err.h"

struct draft_field {
	char *name;		/* the entity field's name */
	char *typed;		/* what was typed */
	char *original;		/* what the form was opened with */
};

struct draft {
	char *entity;		/* entity name: "recommendation" */
	char *mode;		/* "create", "edit" or "join" */
	int64_t id;		/* the record edited; 0 otherwise */
	int64_t version;	/* the version the form was opened at */
	char *what;		/* "recommendation CC-LCL-03", for the offer */
	char *saved_at;		/* local time "YYYY-MM-DD HH:MM" (on load) */
	char *db;		/* the database it belongs to */
	char *login;		/* and the person */
	struct draft_field *fields;
	size_t n;
	size_t cap;		/* allocated, for x_grow */
};

/* An empty draft; zero-initialising works as well. */
void draft_init(struct draft *d);
void draft_done(struct draft *d);
/* Appends a field (the strings are copied; NULL is taken as ""). */
void draft_add(struct draft *d, const char *name, const char *typed,
    const char *original);

/*
 * The draft file of DB_PATH and LOGIN (caller frees), or NULL with E set
 * when there is neither XDG_STATE_HOME nor HOME. The database path is
 * made absolute first, so "x.db" and "./x.db" share a draft.
 */
char *draft_path(const char *db_path, const char *login, struct err *e);

/*
 * Writes D to PATH (creating its folders, mode 0700) through a
 * temporary file in the same folder: a crash leaves the old file or the
 * new one, never half of one. The time written is now.
 */
int draft_save(const char *path, const struct draft *d, struct err *e);

/*
 * Reads PATH into D (initialised here, whatever it held): 1 when read,
 * 0 when there is no draft, -1 when the file cannot be read or is
 * damaged (E says how; the file is left where it is).
 */
int draft_load(const char *path, struct draft *d, struct err *e);

/* Removes PATH; a missing file is not an error. */
int draft_remove(const char *path, struct err *e);

#endif
