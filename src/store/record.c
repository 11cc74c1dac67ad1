/*
 * record.c: generic create, edit, archive and read of every entity.
 *
 * Driven by the field tables of core/entity.c: values arrive as typed,
 * are normalised and resolved into a draft row, checked against the
 * person's rights and the row's version, written, and audited with the
 * old and new value of every field that changed, all in one transaction.
 * What is particular to one entity (a recommendation's reference and
 * stage, a milestone's derived dates) is in the derive step.
 */
#include <inttypes.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coopcom/core/date.h"
#include "coopcom/core/timescale.h"
#include "coopcom/store/priv.h"
#include "coopcom/util/xalloc.h"

#define MAX_EXTRA 6

struct draft {
	const struct entity *ent;
	char **vals;			/* per field: text to store, or NULL */
	bool *set;			/* per field: given (or defaulted) */
	const char *xcol[MAX_EXTRA];	/* derived columns */
	char *xval[MAX_EXTRA];
	size_t nx;
};

static void
draft_init(struct draft *d, const struct entity *ent)
{
	memset(d, 0, sizeof *d);
	d->ent = ent;
	d->vals = x_calloc(ent->nfields, sizeof *d->vals);
	d->set = x_calloc(ent->nfields, sizeof *d->set);
}

static void
draft_done(struct draft *d)
{
	size_t i;

	for (i = 0; i < d->ent->nfields; i++)
		free(d->vals[i]);
	for (i = 0; i < d->nx; i++)
		free(d->xval[i]);
	free(d->vals);
	free(d->set);
}

static void
draft_put(struct draft *d, const char *name, char *value)
{
	const struct field *f = entity_field(d->ent, name);
	size_t i = entity_field_index(d->ent, f);

	free(d->vals[i]);
	d->vals[i] = value;
	d->set[i] = true;
}

static const char *
draft_get(const struct draft *d, const char *name)
{
	const struct field *f = entity_field(d->ent, name);

	return f ? d->vals[entity_field_index(d->ent, f)] : NULL;
}

static bool
draft_has(const struct draft *d, const char *name)
{
	const struct field *f = entity_field(d->ent, name);

	return f != NULL && d->set[entity_field_index(d->ent, f)];
}

static void
draft_extra(struct draft *d, const char *column, char *value)
{
	if (d->nx == MAX_EXTRA)
		fatal("too many derived columns for %s", d->ent->name);
	d->xcol[d->nx] = column;
	d->xval[d->nx++] = value;
}

static int64_t
draft_int(const struct draft *d, const char *name)
{
	const char *v = draft_get(d, name);

	return v ? strtoll(v, NULL, 10) : 0;
}

static int
unknown_field(const struct entity *ent, const char *name, struct err *e)
{
	struct buf all;
	size_t i;

	buf_init(&all);
	for (i = 0; i < ent->nfields; i++)
		if (!(ent->fields[i].flags & FIELD_WORKFLOW))
			buf_printf(&all, "%s%s", i ? ", " : "",
			    ent->fields[i].name);
	err_set(e, ERR_INVALID, "a %s has no field \"%s\" (it has: %s)",
	    ent->name, name, buf_str(&all));
	buf_done(&all);
	return -1;
}

static int
fill_one(struct store *st, struct draft *d, const struct store_value *v,
    bool creating, struct err *e)
{
	const struct field *f = entity_field(d->ent, v->name);
	char *stored;
	int64_t id;

	if (f == NULL)
		return unknown_field(d->ent, v->name, e);
	if (f->flags & FIELD_WORKFLOW)
		return err_set(e, ERR_INVALID, "%s is changed through the "
		    "workflow (coopcom advance), not by editing", f->label);
	if ((f->flags & FIELD_FIXED) && !creating)
		return err_set(e, ERR_INVALID, "%s is set when the %s is "
		    "created and cannot be changed", f->label, d->ent->name);
	if ((f->flags & FIELD_ADMIN) && !st->me.admin)
		return err_set(e, ERR_DENIED, "only an administrator can set "
		    "%s", f->label);
	if (field_normalise(f, v->text ? v->text : "", &stored, e) < 0)
		return -1;
	if (f->type == FIELD_REF && stored != NULL) {
		if (store_resolve(st, f->ref, stored, &id, e) < 0) {
			free(stored);
			return err_prefix(e, "%s", f->label);
		}
		free(stored);
		stored = x_printf("%" PRId64, id);
	}
	draft_put(d, f->name, stored);
	return 0;
}

static int
draft_fill(struct store *st, struct draft *d, const struct store_value *vals,
    size_t n, bool creating, struct err *e)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (fill_one(st, d, &vals[i], creating, e) < 0)
			return -1;
	return 0;
}

static int
require_fields(const struct draft *d, struct err *e)
{
	const struct field *f;
	size_t i;

	for (i = 0; i < d->ent->nfields; i++) {
		f = &d->ent->fields[i];
		if ((f->flags & FIELD_REQUIRED) && d->vals[i] == NULL)
			return err_set(e, ERR_INVALID, "%s is required (--%s)",
			    f->label, f->name);
	}
	return 0;
}

/* The commission and sub-group a new row will belong to. */
static int
draft_scope(struct store *st, const struct draft *d, int64_t *cid,
    int64_t *sgid, struct err *e)
{
	int64_t c2;

	*cid = draft_int(d, "commission");
	*sgid = draft_int(d, "subgroup");
	if (d->ent->kind == ENT_DECISION)
		return store_scope_of(st, ENT_MEETING, draft_int(d, "meeting"),
		    cid, sgid, e);
	if (d->ent->kind == ENT_COMMISSION)
		*cid = 0;
	if (*sgid && store_scope_of(st, ENT_SUBGROUP, *sgid, &c2, sgid, e) < 0)
		return -1;
	if (*sgid)
		*cid = c2;
	return 0;
}

static int
commission_year(struct store *st, int64_t cid, int64_t sgid)
{
	static const char sql[] =
	    "SELECT CAST(substr(established, 1, 4) AS INTEGER) FROM commission "
	    "WHERE id = coalesce(nullif(:cid, 0), (SELECT commission_id FROM "
	    "subgroup WHERE id = :sgid))";
	sqlite3_stmt *q;
	struct err e;
	int year = 0;

	if ((q = db_prepare(st->db, sql, &e)) == NULL)
		return 0;
	db_bind_int(q, ":cid", cid);
	db_bind_int(q, ":sgid", sgid);
	if (db_step(st->db, q, &e) == 1) {
		year = sqlite3_column_int(q, 0);
		sqlite3_reset(q);
	}
	return year;
}

static int
derive_timescale(struct store *st, struct draft *d, int64_t cid, int64_t sgid,
    struct err *e)
{
	struct timescale ts;
	char a[11], b[11];
	bool dated;

	if (!draft_has(d, "timescale"))
		return 0;
	if (timescale_parse(draft_get(d, "timescale"),
	    commission_year(st, cid, sgid), &ts, e) < 0)
		return err_prefix(e, "Timescale");
	dated = ts.kind == TIMESCALE_EXACT || ts.kind == TIMESCALE_RANGE;
	draft_extra(d, "dating", x_strdup(timescale_kind_name(ts.kind)));
	if (dated) {
		date_format_iso(date_from_days(ts.earliest), a);
		date_format_iso(date_from_days(ts.latest), b);
	}
	draft_extra(d, "earliest", dated ? x_strdup(a) : NULL);
	draft_extra(d, "latest", dated ? x_strdup(b) : NULL);
	return 0;
}

/*
 * The next free reference for a sub-group: CODE-SUBCODE-NN, numbered on
 * from the highest NN in use, so a number skipped (a reference given by
 * hand) is never handed out later, out of order. The numbers looked at
 * are the sub-group's own references and any other starting with the
 * prefix as it is written (REF_NUMBERED over the columns SG and REF:
 * written +r.subgroup_id and +r.ref, they keep SQLite off those indexes
 * and on the row ids when only the rows added since are wanted).
 *
 * Reading them all for each new recommendation made an import of
 * thousands into one sub-group quadratic, so the highest is remembered
 * (st->refs) with the last row id it covers, and the next reference of
 * the same sub-group in the same transaction reads only the rows added
 * since, by id. A recommendation's reference and sub-group are fixed
 * when it is made, so only new rows change the answer, and a rollback
 * or a new transaction (db_epoch) forgets it.
 */
#define REF_NUMBERED(sg, ref) \
	"(" sg " = :sg OR (" ref " > :prefix || '-' AND " ref " < :prefix " \
	"|| '.')) AND substr(r.ref, 1, length(:prefix) + 1) = :prefix || " \
	"'-' COLLATE NOCASE AND substr(r.ref, length(:prefix) + 2) GLOB " \
	"'[0-9]*' AND substr(r.ref, length(:prefix) + 2) NOT GLOB " \
	"'*[^0-9]*'"
#define REF_HIGH "SELECT (SELECT max(id) FROM recommendation), " \
	"coalesce(max(CAST(substr(r.ref, length(:prefix) + 2) AS INTEGER)), " \
	"0) FROM recommendation r WHERE "

static int
ref_prefix(struct store *st, int64_t sgid, char **prefix, struct err *e)
{
	static const char sql[] =
	    "SELECT c.code || '-' || s.code FROM subgroup s JOIN commission c "
	    "ON c.id = s.commission_id WHERE s.id = :sg";
	sqlite3_stmt *q = db_prepare(st->db, sql, e);
	int rc;

	if (q == NULL)
		return -1;
	db_bind_int(q, ":sg", sgid);
	if ((rc = db_step(st->db, q, e)) != 1)
		return rc < 0 ? -1 : err_set(e, ERR_NOTFOUND, "there is no "
		    "sub-group with id %" PRId64, sgid);
	*prefix = db_column_dup(q, 0);
	sqlite3_reset(q);
	return 0;
}

/* Brings st->refs up to date for SGID and its PREFIX, which it takes
 * (kept there, or freed); -1 on error. */
static int
ref_high(struct store *st, int64_t sgid, char *prefix, struct err *e)
{
	static const char all[] = REF_HIGH REF_NUMBERED("r.subgroup_id",
	    "r.ref");
	static const char since[] = REF_HIGH "r.id > :seen AND "
	    REF_NUMBERED("+r.subgroup_id", "+r.ref");
	bool known = st->refs.sgid == sgid && st->refs.prefix != NULL &&
	    st->refs.epoch == db_epoch(st->db) &&
	    strcmp(st->refs.prefix, prefix) == 0;
	sqlite3_stmt *q = db_prepare(st->db, known ? since : all, e);
	int64_t high;

	if (q == NULL) {
		free(prefix);
		return -1;
	}
	db_bind_int(q, ":sg", sgid);
	db_bind_text(q, ":prefix", prefix);
	if (known)
		db_bind_int(q, ":seen", st->refs.seen);
	if (db_step(st->db, q, e) != 1) {
		free(prefix);
		return -1;
	}
	high = sqlite3_column_int64(q, 1);
	if (!known || high > st->refs.high)
		st->refs.high = high;
	st->refs.seen = sqlite3_column_int64(q, 0);
	sqlite3_reset(q);
	free(st->refs.prefix);
	st->refs.prefix = prefix;
	st->refs.sgid = sgid;
	st->refs.epoch = db_epoch(st->db);
	return 0;
}

static int
next_ref(struct store *st, int64_t sgid, char **ref, struct err *e)
{
	static const char taken[] =
	    "SELECT 1 FROM recommendation WHERE ref = :ref";
	sqlite3_stmt *t;
	char *prefix = NULL;
	int64_t n;
	int rc;

	if (ref_prefix(st, sgid, &prefix, e) < 0 ||
	    ref_high(st, sgid, prefix, e) < 0 ||
	    (t = db_prepare(st->db, taken, e)) == NULL)
		return -1;
	n = st->refs.high;
	*ref = NULL;
	do {
		free(*ref);
		*ref = x_printf("%s-%02" PRId64, st->refs.prefix, ++n);
		db_bind_text(t, ":ref", *ref);
		rc = db_step(st->db, t, e);
		sqlite3_reset(t);
	} while (rc == 1);
	return rc;
}

/*
 * Delivery tracking (revised date, responsible...) starts at a delivery
 * stage; before it there is nothing yet to deliver. REF names the
 * recommendation, STAGE is where it is.
 */
static int
check_delivery_fields(const struct draft *d, const char *ref,
    const struct workflow_stage *stage, struct err *e)
{
	size_t i;

	if (d->ent->kind != ENT_RECOMMENDATION || stage->delivery)
		return 0;
	for (i = 0; i < d->ent->nfields; i++)
		if (d->set[i] && (d->ent->fields[i].flags & FIELD_DELIVERY))
			return err_set(e, ERR_GUARD, "%s is for tracking "
			    "delivery, which starts once a recommendation is "
			    "adopted; %s is at \"%s\"", d->ent->fields[i].label,
			    ref, stage->label);
	return 0;
}

static int
derive_create(struct store *st, struct draft *d, int64_t cid, int64_t sgid,
    struct err *e)
{
	const struct workflow_stage *initial;
	char now[20], today[11], *ref;

	store_now(now);
	store_today(today);
	switch (d->ent->kind) {
	case ENT_RECOMMENDATION:
		if (st->workflow == NULL ||
		    (initial = workflow_initial(st->workflow)) == NULL)
			return err_set(e, ERR_INVALID, "no workflow is loaded");
		if (check_delivery_fields(d, "a new recommendation", initial,
		    e) < 0)
			return -1;
		if (draft_get(d, "ref") == NULL) {
			if (next_ref(st, sgid, &ref, e) < 0)
				return -1;
			draft_put(d, "ref", ref);
		}
		draft_extra(d, "stage", x_strdup(initial->id));
		draft_extra(d, "stage_since", x_strdup(now));
		draft_extra(d, "created_at", x_strdup(now));
		draft_extra(d, "created_by", st->me.id ?
		    x_printf("%" PRId64, st->me.id) : NULL);
		return 0;
	case ENT_COMMISSION_MEMBER:
	case ENT_SUBGROUP_MEMBER:
		if (!draft_has(d, "joined"))
			draft_put(d, "joined", x_strdup(today));
		return 0;
	case ENT_MILESTONE:
		if (cid == 0 && sgid == 0)
			return err_set(e, ERR_INVALID, "a milestone belongs to "
			    "a commission or a sub-group: give --commission "
			    "or --subgroup");
		return derive_timescale(st, d, cid, sgid, e);
	case ENT_DECISION:
		return store_check_quorum(st, draft_int(d, "meeting"),
		    draft_get(d, "outcome"), e);
	case ENT_MEETING:
		if (strcmp(draft_get(d, "body"), "subgroup") == 0 && sgid == 0)
			return err_set(e, ERR_INVALID, "a sub-group meeting "
			    "needs --subgroup");
		return 0;
	default:
		return 0;
	}
}

static void
bind_value(sqlite3_stmt *q, size_t i, const char *v)
{
	char name[32];

	snprintf(name, sizeof name, ":v%zu", i);
	db_bind_text(q, name, v);
}

/* Binds who and when (:now, :me) and the draft's values (:v0, :v1...). */
static void
bind_draft(struct store *st, sqlite3_stmt *q, const struct draft *d)
{
	char now[20];
	size_t i, n = 0;

	store_now(now);
	db_bind_text(q, ":now", now);
	if (st->me.id)
		db_bind_int(q, ":me", st->me.id);
	for (i = 0; i < d->ent->nfields; i++, n++)
		if (d->set[i])
			bind_value(q, n, d->vals[i]);
	for (i = 0; i < d->nx; i++, n++)
		bind_value(q, n, d->xval[i]);
}

static int
insert_draft(struct store *st, const struct draft *d, int64_t *id,
    struct err *e)
{
	struct buf sql, vals;
	sqlite3_stmt *q;
	size_t i, n = 0;

	buf_init(&sql);
	buf_init(&vals);
	buf_printf(&sql, "INSERT INTO %s(updated_at, updated_by", d->ent->table);
	buf_add(&vals, ":now, :me");
	for (i = 0; i < d->ent->nfields; i++, n++)
		if (d->set[i]) {
			buf_printf(&sql, ", %s", d->ent->fields[i].column);
			buf_printf(&vals, ", :v%zu", n);
		}
	for (i = 0; i < d->nx; i++, n++) {
		buf_printf(&sql, ", %s", d->xcol[i]);
		buf_printf(&vals, ", :v%zu", n);
	}
	buf_printf(&sql, ") VALUES (%s)", buf_str(&vals));
	q = db_prepare(st->db, buf_str(&sql), e);
	buf_done(&sql);
	buf_done(&vals);
	if (q == NULL)
		return -1;
	bind_draft(st, q, d);
	if (db_run(st->db, q, e) < 0)
		return err_prefix(e, "cannot add the %s", d->ent->name);
	*id = db_last_id(st->db);
	return 0;
}

static json_t *
jstr(const char *s)
{
	return s ? json_string(s) : json_null();
}

/* {"field":[old,new],...} for the fields whose value changes; NULL if none. */
static char *
changes_json(const struct draft *d, const struct record *old)
{
	json_t *o = json_object();
	const char *was;
	char *text = NULL;
	size_t i;

	for (i = 0; i < d->ent->nfields; i++) {
		if (!d->set[i])
			continue;
		was = old ? old->stored[i] : NULL;
		if (old && ((was == NULL && d->vals[i] == NULL) ||
		    (was && d->vals[i] && strcmp(was, d->vals[i]) == 0)))
			continue;
		json_object_set_new(o, d->ent->fields[i].name,
		    json_pack("[o,o]", jstr(was), jstr(d->vals[i])));
	}
	if (json_object_size(o) > 0 || old == NULL)
		text = json_dumps(o, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(o);
	return text;
}

static int
finish_write(struct store *st, const struct draft *d, int64_t id,
    const char *action, const char *changes, struct err *e)
{
	if (audit_append(st, d->ent->name, id, action, changes, NULL, 0, e) < 0)
		return -1;
	return db_commit(st->db, e);
}

int
store_create(struct store *st, enum entity_kind kind,
    const struct store_value *vals, size_t n, int64_t *id, struct err *e)
{
	struct draft d;
	int64_t cid, sgid;
	char *changes = NULL;

	draft_init(&d, entity_get(kind));
	if (db_begin(st->db, e) < 0) {
		draft_done(&d);
		return -1;
	}
	if (draft_fill(st, &d, vals, n, true, e) < 0 ||
	    require_fields(&d, e) < 0 ||
	    draft_scope(st, &d, &cid, &sgid, e) < 0 ||
	    store_may_write(st, kind, cid, sgid, e) < 0 ||
	    derive_create(st, &d, cid, sgid, e) < 0 ||
	    insert_draft(st, &d, id, e) < 0 ||
	    (changes = changes_json(&d, NULL)) == NULL ||
	    finish_write(st, &d, *id, "create", changes, e) < 0)
		goto fail;
	free(changes);
	draft_done(&d);
	return 0;
fail:
	free(changes);
	draft_done(&d);
	db_rollback(st->db);
	return -1;
}

/* How a row of KIND is named on screen, for reference fields. */
static const char *const label_sql[ENT_COUNT] = {
	[ENT_PERSON] = "SELECT name FROM person WHERE id = :id",
	[ENT_COMMISSION] = "SELECT code FROM commission WHERE id = :id",
	[ENT_SUBGROUP] = "SELECT c.code || '-' || s.code FROM subgroup s "
	    "JOIN commission c ON c.id = s.commission_id WHERE s.id = :id",
	[ENT_RECOMMENDATION] = "SELECT ref FROM recommendation WHERE id = :id",
	[ENT_MEETING] = "SELECT held_on || ' ' || body FROM meeting "
	    "WHERE id = :id",
};

static char *
ref_label(struct store *st, enum entity_kind kind, const char *id)
{
	sqlite3_stmt *q;
	struct err e;
	char *label = NULL;

	if (id == NULL)
		return x_strdup("");
	if (label_sql[kind] == NULL ||
	    (q = db_prepare(st->db, label_sql[kind], &e)) == NULL)
		return x_strdup(id);
	db_bind_int(q, ":id", strtoll(id, NULL, 10));
	if (db_step(st->db, q, &e) == 1) {
		label = db_column_dup(q, 0);
		sqlite3_reset(q);
	}
	return label ? label : x_strdup(id);
}

void
record_done(struct record *r)
{
	size_t i;

	if (r->ent != NULL) {
		for (i = 0; i < r->ent->nfields; i++) {
			free(r->stored[i]);
			free(r->shown[i]);
		}
	}
	free(r->stored);
	free(r->shown);
	free(r->updated_at);
	free(r->updated_by);
	memset(r, 0, sizeof *r);
}

const char *
record_get(const struct record *r, const char *name)
{
	const struct field *f = entity_field(r->ent, name);

	return f ? r->stored[entity_field_index(r->ent, f)] : NULL;
}

static void
record_fill(struct store *st, struct record *r, sqlite3_stmt *q)
{
	const struct field *f;
	size_t i;

	r->id = sqlite3_column_int64(q, 0);
	r->version = sqlite3_column_int64(q, 1);
	r->updated_at = db_column_dup(q, 2);
	r->updated_by = store_person_name(st, sqlite3_column_int64(q, 3));
	r->stored = x_calloc(r->ent->nfields, sizeof *r->stored);
	r->shown = x_calloc(r->ent->nfields, sizeof *r->shown);
	for (i = 0; i < r->ent->nfields; i++)
		r->stored[i] = db_column_dup(q, (int)i + 4);
	sqlite3_reset(q);
	for (i = 0; i < r->ent->nfields; i++) {
		f = &r->ent->fields[i];
		r->shown[i] = f->type == FIELD_REF ?
		    ref_label(st, f->ref, r->stored[i]) :
		    field_display(f, r->stored[i]);
	}
}

int
store_get(struct store *st, enum entity_kind kind, int64_t id,
    struct record *out, struct err *e)
{
	const struct entity *ent = entity_get(kind);
	struct buf sql;
	sqlite3_stmt *q;
	size_t i;
	int rc;

	memset(out, 0, sizeof *out);
	buf_init(&sql);
	buf_add(&sql, "SELECT id, version, updated_at, updated_by");
	for (i = 0; i < ent->nfields; i++)
		buf_printf(&sql, ", %s", ent->fields[i].column);
	buf_printf(&sql, " FROM %s WHERE id = :id", ent->table);
	q = db_prepare(st->db, buf_str(&sql), e);
	buf_done(&sql);
	if (q == NULL)
		return -1;
	db_bind_int(q, ":id", id);
	if ((rc = db_step(st->db, q, e)) < 0)
		return -1;
	if (rc == 0)
		return err_set(e, ERR_NOTFOUND, "there is no %s with id %"
		    PRId64, ent->name, id);
	out->ent = ent;
	record_fill(st, out, q);
	return 0;
}

static int
conflict(const struct record *now, int64_t version, struct err *e)
{
	return err_set(e, ERR_CONFLICT, "this %s was changed by %s at %s UTC "
	    "(version %" PRId64 "; you started from version %" PRId64 "): "
	    "nothing was saved; look at the new version and apply your "
	    "change again", now->ent->name, *now->updated_by ?
	    now->updated_by : "someone", now->updated_at, now->version,
	    version);
}

/*
 * A recommendation's content is frozen once it leaves the editable
 * stages; its target date, and at a delivery stage its delivery fields,
 * stay open.
 */
static int
check_editable(struct store *st, const struct draft *d,
    const struct record *old, struct err *e)
{
	const struct workflow_stage *stage;
	const char *id = record_get(old, "stage");
	const struct field *f;
	size_t i;

	if (d->ent->kind != ENT_RECOMMENDATION || st->workflow == NULL)
		return 0;
	if ((stage = workflow_stage(st->workflow, id)) == NULL)
		return 0;
	if (check_delivery_fields(d, record_get(old, "ref"), stage, e) < 0)
		return -1;
	if (stage->editable)
		return 0;
	for (i = 0; i < d->ent->nfields; i++) {
		f = &d->ent->fields[i];
		if (d->set[i] && strcmp(f->name, "target") != 0 &&
		    !(f->flags & FIELD_DELIVERY))
			return err_set(e, ERR_DENIED, "%s is at the stage \"%s\", "
			    "where its %s can no longer be edited (only its "
			    "target date%s can)", record_get(old, "ref"),
			    stage->label, f->label, stage->delivery ?
			    " and delivery fields" : "");
	}
	return 0;
}

/*
 * Who a person is and whether they run the program are not a secretary's
 * to change: moving a login lets its new holder act as that person, and
 * archiving the last administrator lets anyone bootstrap themselves.
 */
static int
check_person(struct store *st, const struct draft *d,
    const struct record *old, struct err *e)
{
	const char *was, *now;

	if (old->ent->kind != ENT_PERSON || st->me.admin)
		return 0;
	was = record_get(old, "admin");
	if (was != NULL && strcmp(was, "1") == 0)
		return err_set(e, ERR_DENIED, "only an administrator can change "
		    "an administrator's record");
	if (d == NULL || !draft_has(d, "login"))
		return 0;
	was = record_get(old, "login");
	now = draft_get(d, "login");
	if (was == NULL ? now == NULL : now != NULL && strcmp(was, now) == 0)
		return 0;
	return err_set(e, ERR_DENIED, "only an administrator can change the "
	    "login of someone already in the database (whoever has a login "
	    "acts as its person)");
}

static int
update_draft(struct store *st, const struct draft *d, int64_t id,
    int64_t version, struct err *e)
{
	struct buf sql;
	sqlite3_stmt *q;
	size_t i, n = 0;

	buf_init(&sql);
	buf_printf(&sql, "UPDATE %s SET version = version + 1, updated_at = "
	    ":now, updated_by = :me", d->ent->table);
	for (i = 0; i < d->ent->nfields; i++, n++)
		if (d->set[i])
			buf_printf(&sql, ", %s = :v%zu",
			    d->ent->fields[i].column, n);
	for (i = 0; i < d->nx; i++, n++)
		buf_printf(&sql, ", %s = :v%zu", d->xcol[i], n);
	buf_add(&sql, " WHERE id = :id AND version = :version");
	q = db_prepare(st->db, buf_str(&sql), e);
	buf_done(&sql);
	if (q == NULL)
		return -1;
	bind_draft(st, q, d);
	db_bind_int(q, ":id", id);
	db_bind_int(q, ":version", version);
	if (db_run(st->db, q, e) < 0)
		return err_prefix(e, "cannot save the %s", d->ent->name);
	if (db_changes(st->db) != 1)
		return err_set(e, ERR_CONFLICT, "the %s changed while it was "
		    "being saved; nothing was saved", d->ent->name);
	return 0;
}

static int
prepare_update(struct store *st, struct draft *d, const struct record *old,
    int64_t version, const struct store_value *vals, size_t n,
    struct err *e)
{
	int64_t cid, sgid;

	if (version != 0 && old->version != version)
		return conflict(old, version, e);
	if (draft_fill(st, d, vals, n, false, e) < 0 ||
	    store_scope_of(st, d->ent->kind, old->id, &cid, &sgid, e) < 0 ||
	    store_may_write(st, d->ent->kind, cid, sgid, e) < 0 ||
	    check_person(st, d, old, e) < 0 ||
	    check_editable(st, d, old, e) < 0)
		return -1;
	if (d->ent->kind == ENT_MILESTONE)
		return derive_timescale(st, d, cid, sgid, e);
	return 0;
}

int
store_update(struct store *st, enum entity_kind kind, int64_t id,
    int64_t version, const struct store_value *vals, size_t n,
    struct err *e)
{
	struct record old;
	struct draft d;
	char *changes = NULL;

	draft_init(&d, entity_get(kind));
	memset(&old, 0, sizeof old);
	if (db_begin(st->db, e) < 0) {
		draft_done(&d);
		return -1;
	}
	if (store_get(st, kind, id, &old, e) < 0 ||
	    prepare_update(st, &d, &old, version, vals, n, e) < 0)
		goto fail;
	if ((changes = changes_json(&d, &old)) != NULL &&
	    (update_draft(st, &d, id, old.version, e) < 0 ||
	    audit_append(st, d.ent->name, id, "update", changes, NULL, 0,
	    e) < 0))
		goto fail;
	if (db_commit(st->db, e) < 0)
		goto fail;
	free(changes);
	record_done(&old);
	draft_done(&d);
	return 0;
fail:
	free(changes);
	record_done(&old);
	draft_done(&d);
	db_rollback(st->db);
	return -1;
}

char *
store_changes_text(json_t *o)
{
	char *text = json_dumps(o, JSON_COMPACT | JSON_SORT_KEYS);

	json_decref(o);
	if (text == NULL)
		fatal("out of memory");
	return text;
}

int
store_run_update(struct store *st, sqlite3_stmt *q, const struct record *rec,
    struct err *e)
{
	char now[20];

	store_now(now);
	db_bind_text(q, ":now", now);
	if (st->me.id)
		db_bind_int(q, ":me", st->me.id);
	db_bind_int(q, ":id", rec->id);
	db_bind_int(q, ":version", rec->version);
	if (db_run(st->db, q, e) < 0)
		return -1;
	if (db_changes(st->db) != 1)
		return err_set(e, ERR_CONFLICT, "the %s changed while it was "
		    "being saved; nothing was saved", rec->ent->name);
	return 0;
}

static int
archive_row(struct store *st, const struct entity *ent, int64_t id,
    int64_t version, const char **action, struct err *e)
{
	struct buf sql;
	sqlite3_stmt *q;
	char now[20], today[11];
	bool membership = ent->kind == ENT_COMMISSION_MEMBER ||
	    ent->kind == ENT_SUBGROUP_MEMBER;

	if (ent->kind == ENT_DECISION)
		return err_set(e, ERR_INVALID, "a decision is part of the "
		    "record of its meeting and cannot be archived");
	*action = membership ? "end" : "archive";
	buf_init(&sql);
	buf_printf(&sql, "UPDATE %s SET %s, version = version + 1, "
	    "updated_at = :now, updated_by = :me WHERE id = :id AND "
	    "version = :version", ent->table, membership ?
	    "left_on = coalesce(left_on, :today)" : "archived = 1");
	q = db_prepare(st->db, buf_str(&sql), e);
	buf_done(&sql);
	if (q == NULL)
		return -1;
	store_now(now);
	store_today(today);
	db_bind_text(q, ":now", now);
	if (membership)
		db_bind_text(q, ":today", today);
	if (st->me.id)
		db_bind_int(q, ":me", st->me.id);
	db_bind_int(q, ":id", id);
	db_bind_int(q, ":version", version);
	return db_run(st->db, q, e);
}

int
store_archive(struct store *st, enum entity_kind kind, int64_t id,
    int64_t version, struct err *e)
{
	struct record old;
	const char *action = "archive";
	int64_t cid, sgid;

	memset(&old, 0, sizeof old);
	if (db_begin(st->db, e) < 0)
		return -1;
	if (store_get(st, kind, id, &old, e) < 0)
		goto fail;
	if (version != 0 && old.version != version) {
		conflict(&old, version, e);
		goto fail;
	}
	if (store_scope_of(st, kind, id, &cid, &sgid, e) < 0 ||
	    store_may_write(st, kind, cid, sgid, e) < 0 ||
	    check_person(st, NULL, &old, e) < 0 ||
	    archive_row(st, old.ent, id, old.version, &action, e) < 0 ||
	    audit_append(st, old.ent->name, id, action, "{}", NULL, 0, e) < 0 ||
	    db_commit(st->db, e) < 0)
		goto fail;
	record_done(&old);
	return 0;
fail:
	record_done(&old);
	db_rollback(st->db);
	return -1;
}
