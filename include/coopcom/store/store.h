/*
 * store.h: the data layer: every rule, every write, every query.
 *
 * The CLI and the TUI both work through these functions, so a rule enforced
 * for one is enforced for the other. Every write is one short transaction
 * (BEGIN IMMEDIATE) that checks who may make it, checks the row's version,
 * changes the row and appends a hash-chained audit entry. A struct store is
 * opened as one person (the Unix login, or --as when trusted); a login the
 * database does not know can read but changes nothing.
 */
#ifndef COOPCOM_STORE_STORE_H
#define COOPCOM_STORE_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "coopcom/core/entity.h"
#include "coopcom/core/workflow.h"
#include "coopcom/util/buf.h"
#include "coopcom/util/err.h"

struct store;

struct store_options {
	const char *path;		/* database file */
	const char *login;		/* who is acting */
	unsigned flags;			/* DB_CREATE, DB_READONLY (db.h) */
	int busy_ms;			/* wait this long for another writer */
	const struct workflow *workflow; /* borrowed for the store's life */
};

#define STORE_CREATE 1u
#define STORE_READONLY 2u

/* The person acting. */
struct store_person {
	int64_t id;			/* 0 when the login is unknown */
	char *login;
	char *name;			/* the login again when unknown */
	bool admin;
};

int store_open(struct store **out, const struct store_options *o,
    struct err *e);
void store_close(struct store *st);
/* Borrowed for the store's life. */
const struct store_person *store_me(const struct store *st);
const struct workflow *store_workflow(const struct store *st);
const char *store_path(const struct store *st);
/* Whether the schema was created by this open. */
bool store_created(const struct store *st);
/*
 * FN is called once whenever a write has been waiting a moment (150 ms)
 * for another person's save to finish, with ARG and the time waited; the
 * write then goes on waiting up to the busy timeout. NULL for none.
 */
void store_set_busy_notify(struct store *st,
    void (*fn)(void *arg, int waited_ms), void *arg);

/* Changes whenever anything is written, by this process or another
 * (PRAGMA data_version and the connection's own changes). */
int64_t store_data_version(struct store *st);

/*
 * Makes LOGIN a known person and an administrator (for init): creates the
 * person when missing. Allowed only while the database has no
 * administrator, or for an administrator.
 */
int store_bootstrap_admin(struct store *st, const char *login,
    const char *name, struct err *e);

/*
 * Groups several writes into one transaction (they nest): used where a
 * set of records must appear whole or not at all (init --demo, import).
 * When store_commit fails, call store_rollback.
 */
int store_begin(struct store *st, struct err *e);
int store_commit(struct store *st, struct err *e);
void store_rollback(struct store *st);

/* A field value as a person typed it, by field name. */
struct store_value {
	const char *name;
	const char *text;
};

/* A record as stored, with reference fields also shown by name. */
struct record {
	const struct entity *ent;
	int64_t id;
	int64_t version;
	char **stored;			/* per field: stored text or NULL */
	char **shown;			/* per field: field_display or ref name */
	char *updated_at;		/* UTC "YYYY-MM-DD HH:MM:SS" */
	char *updated_by;		/* a name, or "" */
};

void record_done(struct record *r);
/* The stored text of field NAME, or NULL (no field or SQL NULL). */
const char *record_get(const struct record *r, const char *name);

/*
 * Creates a record from typed values. Missing optional fields take their
 * defaults. *id receives the new id. Refuses with ERR_DENIED when the
 * person may not, ERR_INVALID naming the bad field.
 */
int store_create(struct store *st, enum entity_kind kind,
    const struct store_value *vals, size_t n, int64_t *id, struct err *e);

/*
 * Changes the fields given. VERSION is the version the person started
 * from: when the row has moved on, nothing is changed and the error
 * (ERR_CONFLICT) says who changed it and when. VERSION 0 means "whatever
 * is current" (for scripts that do not care).
 */
int store_update(struct store *st, enum entity_kind kind, int64_t id,
    int64_t version, const struct store_value *vals, size_t n,
    struct err *e);

/* Archives (or, for memberships, ends) a record; it stays in history. */
int store_archive(struct store *st, enum entity_kind kind, int64_t id,
    int64_t version, struct err *e);

int store_get(struct store *st, enum entity_kind kind, int64_t id,
    struct record *out, struct err *e);

/*
 * Finds the id of a KIND record from what a person typed: an id number,
 * a code ("CC", "CC-LCL", "LCL" when unique), a reference ("CC-LCL-03"),
 * a login, or an exact name.
 */
int store_resolve(struct store *st, enum entity_kind kind, const char *text,
    int64_t *id, struct err *e);

/*
 * Whether the person may create or change a KIND record in the scope of
 * a commission and/or sub-group (0 for none); 0, or -1 with ERR_DENIED
 * saying who could.
 */
int store_may_write(struct store *st, enum entity_kind kind,
    int64_t commission_id, int64_t subgroup_id, struct err *e);

/*
 * The person's current roles as phrases ("secretary of CC", "chair of
 * CC-LCL"), separated by "; ", appended to OUT; "administrator" first when
 * they are one. Nothing is appended for someone with no role.
 */
int store_describe_roles(struct store *st, struct buf *out, struct err *e);

/* Roles the person holds relative to one recommendation (workflow.h). */
int store_roles_for(struct store *st, int64_t recommendation_id,
    unsigned *roles, struct err *e);

/*
 * Joins (or changes the role of) a person in a sub-group: one write,
 * audited. ROLE is chair, member, coopted or officer.
 */
int store_join_subgroup(struct store *st, const char *subgroup,
    const char *person, const char *role, struct err *e);

/*
 * Moves a recommendation to stage TO: the one write path for every stage
 * change. In one transaction it checks the row's VERSION (0 = current),
 * that the workflow has a move from the current stage to TO, that the
 * person holds a role allowed to make it and that its guards hold; then
 * changes the stage (and, on adoption, the target date from the term),
 * and appends the audit entry with NOTE and the decision. A move that
 * needs a decision takes MEETING_ID (0 = none): the decision of that
 * meeting on this recommendation is recorded (or reused) with the outcome
 * the move needs. A refusal says what is missing and who could do it:
 * ERR_DENIED for the person, ERR_GUARD for what is missing.
 */
int store_advance(struct store *st, int64_t rec_id, const char *to,
    int64_t version, const char *note, int64_t meeting_id, struct err *e);

/* One move open to a recommendation, for `coopcom transitions`. */
struct store_move {
	const struct workflow_transition *t;	/* borrowed from the workflow */
	bool allowed;		/* the person may make it now */
	char *why;		/* owned: why not, or "" when allowed */
	char *needs;		/* owned: what the move asks for ("" for none) */
};

/*
 * Every move from the recommendation's current stage, allowed or not.
 * *moves is the caller's: free with store_moves_free.
 */
int store_moves(struct store *st, int64_t rec_id, struct store_move **moves,
    size_t *n, struct err *e);
void store_moves_free(struct store_move *moves, size_t n);

/*
 * Records that PERSON (login, id or name) was present, sent apologies or
 * was absent at a meeting: one row per person, changed in place, audited.
 * Whoever may change the meeting may record its attendance.
 */
int store_attend(struct store *st, int64_t meeting_id, const char *person,
    const char *status, struct err *e);

/* Checks the database: integrity, foreign keys, invariants, audit chain.
 * Appends one line per problem to OUT; returns the number of problems, or
 * -1 when the check itself could not run. */
int store_check(struct store *st, struct buf *out, struct err *e);

/*
 * Copies the database to a new file PATH with SQLite's online backup API:
 * one consistent moment, while others go on working. PATH must not exist;
 * the copy is checked and appears there whole or not at all.
 */
int store_backup(struct store *st, const char *path, struct err *e);

#endif
