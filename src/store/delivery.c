/*
 * delivery.c: progress updates and red/amber/green in SQL (delivery.h).
 *
 * The colour is core/rag.c's, computed where it is read: the SQL
 * functions below call rag_delivery on a row's dates, so a list can sort
 * and filter by a colour nobody typed in. Today is an argument (bound as
 * :today from date_today()), which keeps the functions deterministic
 * within a statement and makes --today reach them.
 */
#include <inttypes.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "coopcom/core/date.h"
#include "coopcom/store/delivery.h"
#include "coopcom/store/priv.h"
#include "coopcom/util/text.h"

static struct rag_result
rag_of(const struct store *st, const char *target, const char *revised,
    const char *actual, const char *last, int32_t today)
{
	struct rag_delivery_in in = { date_days_of(target, RAG_NO_DATE),
	    date_days_of(revised, RAG_NO_DATE),
	    date_days_of(actual, RAG_NO_DATE),
	    date_days_of(last, RAG_NO_DATE) };

	return rag_delivery(&in, today, &st->rag);
}

static const char *
arg_text(sqlite3_value **argv, int i)
{
	return (const char *)sqlite3_value_text(argv[i]);
}

/* The row's red/amber/green from the five arguments (delivery.h). */
static struct rag_result
row_rag(sqlite3_context *ctx, sqlite3_value **argv)
{
	const struct store *st = sqlite3_user_data(ctx);
	int32_t today = date_days_of(arg_text(argv, 4), RAG_NO_DATE);

	if (today == RAG_NO_DATE)
		today = date_to_days(date_today());
	return rag_of(st, arg_text(argv, 0), arg_text(argv, 1),
	    arg_text(argv, 2), arg_text(argv, 3), today);
}

static void
sql_rag(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	sqlite3_result_text(ctx, rag_name(row_rag(ctx, argv).rag), -1,
	    SQLITE_STATIC);
}

/* Stale matters only while there is something left to deliver. */
static void
sql_rag_stale(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct rag_result r = row_rag(ctx, argv);

	(void)argc;
	sqlite3_result_int(ctx, r.rag != RAG_DONE && r.stale);
}

static void
sql_rag_why(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	char why[160];

	(void)argc;
	rag_explain(row_rag(ctx, argv), why, sizeof why);
	sqlite3_result_text(ctx, why, -1, SQLITE_TRANSIENT);
}

int
delivery_register(struct store *st, struct err *e)
{
	st->rag.amber_days = DELIVERY_AMBER_DAYS;
	st->rag.stale_days = DELIVERY_STALE_DAYS;
	return delivery_functions(st, st->db, e);
}

int
delivery_functions(struct store *st, struct db *db, struct err *e)
{
	static const struct {
		const char *name;
		void (*fn)(sqlite3_context *, int, sqlite3_value **);
	} fns[] = {
		{ "rag", sql_rag },
		{ "rag_stale", sql_rag_stale },
		{ "rag_why", sql_rag_why },
	};
	size_t i;
	int rc;

	for (i = 0; i < sizeof fns / sizeof fns[0]; i++) {
		rc = sqlite3_create_function(db_handle(db), fns[i].name, 5,
		    SQLITE_UTF8 | SQLITE_DETERMINISTIC, st, fns[i].fn, NULL,
		    NULL);
		if (rc != SQLITE_OK)
			return db_error(db, rc, fns[i].name, e);
	}
	return 0;
}

void
store_set_rag_rules(struct store *st, const struct rag_rules *rules)
{
	st->rag = *rules;
}

const struct rag_rules *
store_rag_rules(const struct store *st)
{
	return &st->rag;
}

bool
store_delivery_stage(const struct store *st, const char *id)
{
	const struct workflow_stage *s;

	s = st->workflow && id ? workflow_stage(st->workflow, id) : NULL;
	return s != NULL && s->delivery;
}

/* What was typed, checked as the progress form's fields are. */
struct progress {
	char *percent;		/* "60", or NULL when not given */
	char *note;		/* "" when none */
};

static int
progress_check(const char *percent, const char *note, struct progress *p,
    struct err *e)
{
	const struct entity *ent = entity_progress();

	memset(p, 0, sizeof p[0]);
	if (field_normalise(entity_field(ent, "percent"), percent ? percent :
	    "", &p->percent, e) < 0 ||
	    field_normalise(entity_field(ent, "note"), note ? note : "",
	    &p->note, e) < 0)
		return -1;
	if (p->percent == NULL && text_is_blank(p->note))
		return err_set(e, ERR_INVALID, "a progress update needs a "
		    "percent complete, a note, or both");
	return 0;
}

static void
progress_done(struct progress *p)
{
	free(p->percent);
	free(p->note);
}

static const char *
rec_text(const struct record *r, const char *name)
{
	const char *v = record_get(r, name);

	return v != NULL ? v : "";
}

static bool
is_me(const struct store *st, const struct record *r, const char *field)
{
	const char *v = record_get(r, field);

	return v != NULL && strtoll(v, NULL, 10) == st->me.id;
}

static void
add_person(struct buf *b, const struct record *r, const char *field,
    const char *role)
{
	size_t i = entity_field_index(r->ent, entity_field(r->ent, field));

	if (r->stored[i] != NULL)
		buf_printf(b, "the %s person (%s), ", role, r->shown[i]);
	else
		buf_printf(b, "the %s person, ", role);
}

/*
 * The people of the delivery: whoever the record names responsible or
 * accountable, the sub-group that wrote it, the commission's secretary.
 */
static int
may_report(struct store *st, const struct record *r, struct err *e)
{
	const unsigned ok = WORKFLOW_ROLE_BIT(WORKFLOW_ROLE_SUBGROUP_CHAIR) |
	    WORKFLOW_ROLE_BIT(WORKFLOW_ROLE_SUBGROUP_MEMBER) |
	    WORKFLOW_ROLE_BIT(WORKFLOW_ROLE_SECRETARY) |
	    WORKFLOW_ROLE_BIT(WORKFLOW_ROLE_ADMIN);
	struct buf who;
	unsigned roles;

	if (st->me.id == 0)
		return err_set(e, ERR_DENIED, "you (login %s) are not a person "
		    "in this database, so you can look but not record "
		    "progress; ask an administrator or a commission secretary "
		    "to add you", st->me.login);
	if (is_me(st, r, "responsible") || is_me(st, r, "accountable"))
		return 0;
	if (store_roles_for(st, r->id, &roles, e) < 0)
		return -1;
	if (roles & ok)
		return 0;
	buf_init(&who);
	add_person(&who, r, "responsible", "responsible");
	add_person(&who, r, "accountable", "accountable");
	err_set(e, ERR_DENIED, "only %sa member of sub-group %s, the "
	    "commission's secretary or an administrator can record progress "
	    "on %s; you (%s) are none of these", buf_str(&who),
	    r->shown[entity_field_index(r->ent, entity_field(r->ent,
	    "subgroup"))], rec_text(r, "ref"), st->me.login);
	buf_done(&who);
	return -1;
}

static int
not_in_delivery(struct store *st, const struct record *r, struct err *e)
{
	const struct workflow *wf = st->workflow;
	const struct workflow_stage *s = workflow_stage(wf, rec_text(r,
	    "stage"));
	struct buf stages;
	size_t i;

	buf_init(&stages);
	for (i = 0; i < wf->nstages; i++)
		if (wf->stages[i].delivery)
			buf_printf(&stages, "%s%s", stages.len ? ", " : "",
			    wf->stages[i].label);
	err_set(e, ERR_GUARD, "%s is at the stage \"%s\": progress is recorded "
	    "only once it is adopted, at: %s", rec_text(r, "ref"),
	    s ? s->label : rec_text(r, "stage"),
	    stages.len ? buf_str(&stages) : "no stage of this workflow "
	    "(none is marked delivery = true)");
	buf_done(&stages);
	return -1;
}

static int
check_update(struct store *st, const struct record *r, int64_t version,
    struct err *e)
{
	if (version != 0 && r->version != version)
		return err_set(e, ERR_CONFLICT, "%s was changed by %s at %s UTC "
		    "(version %" PRId64 "; you started from version %" PRId64
		    "): nothing was saved; look at it again and repeat your "
		    "update", rec_text(r, "ref"), *r->updated_by ?
		    r->updated_by : "someone", r->updated_at, r->version,
		    version);
	if (may_report(st, r, e) < 0)
		return -1;
	if (!store_delivery_stage(st, record_get(r, "stage")))
		return not_in_delivery(st, r, e);
	return 0;
}

static int
insert_update(struct store *st, int64_t rec_id, const struct progress *p,
    const char *at, int64_t by, int64_t *id, struct err *e)
{
	static const char sql[] =
	    "INSERT INTO progress_update(recommendation_id, at, person_id, "
	    "percent_complete, note) VALUES (:rec, :at, :me, :pct, :note)";
	sqlite3_stmt *q = db_prepare(st->db, sql, e);

	if (q == NULL)
		return -1;
	db_bind_int(q, ":rec", rec_id);
	db_bind_text(q, ":at", at);
	db_bind_int(q, ":me", by ? by : st->me.id);
	db_bind_text(q, ":pct", p->percent);
	db_bind_text(q, ":note", p->note);
	if (db_run(st->db, q, e) < 0)
		return -1;
	*id = db_last_id(st->db);
	return 0;
}

static int
write_percent(struct store *st, const struct record *r,
    const struct progress *p, struct err *e)
{
	static const char sql[] =
	    "UPDATE recommendation SET percent_complete = coalesce(:pct, "
	    "percent_complete), " STORE_STAMP;
	sqlite3_stmt *q = db_prepare(st->db, sql, e);

	if (q == NULL)
		return -1;
	db_bind_text(q, ":pct", p->percent);
	return store_run_update(st, q, r, e);
}

/* {"percent":[old,new],"progress_update":ID}; percent when given. */
static char *
changes_json(const struct record *r, const struct progress *p, int64_t id)
{
	json_t *o = json_object();

	if (p->percent != NULL)
		json_object_set_new(o, "percent", json_pack("[s?,s]",
		    record_get(r, "percent"), p->percent));
	json_object_set_new(o, "progress_update", json_integer(id));
	return store_changes_text(o);
}

static int
record_progress(struct store *st, const struct record *r,
    const struct progress *p, const char *at, int64_t by, struct err *e)
{
	char *changes;
	int64_t id;
	int rc;

	if (insert_update(st, r->id, p, at, by, &id, e) < 0 ||
	    write_percent(st, r, p, e) < 0)
		return -1;
	changes = changes_json(r, p, id);
	rc = audit_append(st, "recommendation", r->id, "progress", changes,
	    *p->note ? p->note : NULL, 0, e);
	free(changes);
	return rc;
}

int
store_progress_at(struct store *st, int64_t rec_id, int64_t version,
    const char *percent, const char *note, const char *at, int64_t by,
    struct err *e)
{
	struct progress p;
	struct record r;

	memset(&r, 0, sizeof r);
	if (st->workflow == NULL)
		return err_set(e, ERR_INVALID, "no workflow is loaded");
	if (progress_check(percent, note, &p, e) < 0) {
		progress_done(&p);
		return -1;
	}
	if (db_begin(st->db, e) < 0) {
		progress_done(&p);
		return -1;
	}
	if (store_get(st, ENT_RECOMMENDATION, rec_id, &r, e) < 0 ||
	    check_update(st, &r, version, e) < 0 ||
	    record_progress(st, &r, &p, at, by, e) < 0 ||
	    db_commit(st->db, e) < 0) {
		db_rollback(st->db);
		record_done(&r);
		progress_done(&p);
		return -1;
	}
	record_done(&r);
	progress_done(&p);
	return 0;
}

int
store_progress_update(struct store *st, int64_t rec_id, int64_t version,
    const char *percent, const char *note, struct err *e)
{
	char today[11];

	store_today(today);
	return store_progress_at(st, rec_id, version, percent, note, today, 0,
	    e);
}

int
store_delivery_rag(struct store *st, int64_t rec_id, struct rag_result *out,
    struct err *e)
{
	static const char sql[] =
	    "SELECT target_date, revised_date, actual_date, (SELECT max(at) "
	    "FROM progress_update WHERE recommendation_id = r.id) FROM "
	    "recommendation r WHERE r.id = :id";
	sqlite3_stmt *q = db_prepare(st->db, sql, e);
	int rc;

	if (q == NULL)
		return -1;
	db_bind_int(q, ":id", rec_id);
	if ((rc = db_step(st->db, q, e)) < 0)
		return -1;
	if (rc == 0)
		return err_set(e, ERR_NOTFOUND, "there is no recommendation "
		    "with id %" PRId64, rec_id);
	*out = rag_of(st, (const char *)sqlite3_column_text(q, 0),
	    (const char *)sqlite3_column_text(q, 1),
	    (const char *)sqlite3_column_text(q, 2),
	    (const char *)sqlite3_column_text(q, 3),
	    date_to_days(date_today()));
	sqlite3_reset(q);
	return 0;
}
