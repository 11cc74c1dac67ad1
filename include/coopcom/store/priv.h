/*
 * priv.h: state and helpers shared by the store's own modules.
 *
 * Only files under src/store include this header; everything above the
 * store sees struct store as opaque (store.h).
 */
#ifndef COOPCOM_STORE_PRIV_H
#define COOPCOM_STORE_PRIV_H

#include <jansson.h>

#include "coopcom/core/rag.h"
#include "coopcom/store/db.h"
#include "coopcom/store/meeting.h"
#include "coopcom/store/store.h"

struct store {
	struct db *db;
	struct store_person me;
	const struct workflow *workflow;	/* borrowed */
	bool created;
	struct db *reader;		/* for kept cursors (list.c), or NULL */
	struct store_cursor *kept;	/* the kept cursors open (list.c) */
	int quorum[STORE_NBODIES];	/* per store_bodies[]: present needed
					   for a meeting to decide; 0 not
					   checked (meeting.c) */
	struct rag_rules rag;		/* red/amber/green (delivery.c) */
	struct {			/* what next_ref last found (record.c) */
		int64_t sgid;		/* its sub-group; 0 for nothing */
		char *prefix;		/* the sub-group's CODE-SUBCODE then */
		int64_t high;		/* the highest number in use among */
		int64_t seen;		/* the rows with ids up to this */
		unsigned long epoch;	/* db_epoch while it holds */
	} refs;
};

/*
 * SQL over a recommendation aliased r, written once so that the timeline
 * (calendar.c) and the progress report (period.c) mean the same: its due
 * date (the revised date, else the target); whether its stage is in SET,
 * a parameter bound to a store_stage_set text; the day it was done on
 * (its actual date, else the day it entered a stage of :delivered), or
 * NULL while it is not done.
 */
#define REC_DUE "coalesce(r.revised_date, r.target_date)"
#define REC_IN_SET(set) "instr(" set ", ',' || r.stage || ',') > 0"
#define REC_DONE_ON "coalesce(r.actual_date, CASE WHEN " \
	REC_IN_SET(":delivered") " THEN substr(r.stage_since, 1, 10) END)"

/* The current UTC time as "YYYY-MM-DD HH:MM:SS" into out; under --today
 * (date_today_is_fixed) the day fixed, at the clock's time of day. */
void store_now(char out[20]);
/* Today's date (date_today(), so --today applies) as ISO into out. */
void store_today(char out[11]);

/*
 * Appends an audit entry inside the caller's transaction. CHANGES is a
 * JSON object text ({"field":[old,new],...}); NOTE may be NULL;
 * DECISION_ID 0 for none.
 */
int audit_append(struct store *st, const char *entity, int64_t entity_id,
    const char *action, const char *changes, const char *note,
    int64_t decision_id, struct err *e);

/*
 * Walks the whole chain; on the first bad entry appends a line naming it
 * to OUT and returns 1; 0 when the chain verifies; -1 when it cannot run.
 */
int audit_verify(struct store *st, struct buf *out, struct err *e);

/*
 * Runs Q, an UPDATE of record REC's row ending in STORE_STAMP (record.c):
 * binds its four parameters (:me only for a person) and refuses with
 * ERR_CONFLICT when the row is no longer at REC's version (another
 * session saved it first). The caller binds the rest.
 */
#define STORE_STAMP "version = version + 1, updated_at = :now, " \
	"updated_by = :me WHERE id = :id AND version = :version"
int store_run_update(struct store *st, sqlite3_stmt *q,
    const struct record *rec, struct err *e);

/*
 * The text of O, a change for the audit trail (audit_append's CHANGES):
 * compact, its keys sorted (record.c). Takes O; caller frees the text.
 */
char *store_changes_text(json_t *o);

/* The name of a person by id ("" when 0 or unknown); caller frees. */
char *store_person_name(struct store *st, int64_t id);

/* The commission and sub-group a KIND row belongs to (0 when none). */
int store_scope_of(struct store *st, enum entity_kind kind, int64_t id,
    int64_t *commission_id, int64_t *subgroup_id, struct err *e);

/*
 * Refuses (ERR_GUARD) an OUTCOME other than "deferred" or "noted" at
 * meeting MEETING_ID while fewer people are recorded present than its
 * body's quorum (meeting.c).
 */
int store_check_quorum(struct store *st, int64_t meeting_id,
    const char *outcome, struct err *e);

/*
 * Registers the SQL functions rag, rag_stale and rag_why (delivery.h)
 * on the store's connection and sets the default rules (delivery.c).
 */
int delivery_register(struct store *st, struct err *e);
/* The functions delivery_register defines, on another connection DB. */
int delivery_functions(struct store *st, struct db *db, struct err *e);
/* Ends the kept cursors and closes the reader (list.c; store_close). */
void list_done(struct store *st);

/*
 * store_progress_update dated AT (ISO) rather than today and credited to
 * person BY (0: the person acting): for the demo, whose history happened
 * on its own dates, reported by its own people.
 */
int store_progress_at(struct store *st, int64_t rec_id, int64_t version,
    const char *percent, const char *note, const char *at, int64_t by,
    struct err *e);

#endif
