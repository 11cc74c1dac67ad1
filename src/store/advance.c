/*
 * advance.c: moving a recommendation through the workflow.
 *
 * store_advance is the one write path for stage changes, used by the CLI,
 * the TUI and meeting mode alike: rules are checked here, not in front
 * ends. The workflow module (core) decides; this file gathers the facts
 * it decides on (roles, what the record states, the meeting's decision)
 * and writes the result.
 */
#include <inttypes.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "coopcom/core/date.h"
#include "coopcom/store/priv.h"
#include "coopcom/util/text.h"
#include "coopcom/util/xalloc.h"

/* The meeting named for a decision, as the workflow needs to know it. */
struct meeting_facts {
	int64_t id;
	char *body;
	char *held_on;		/* ISO date of the meeting */
	int64_t commission_id;	/* 0 when the meeting belongs to none */
	int64_t decision_id;	/* an existing decision on the recommendation */
	char *outcome;		/* that decision's outcome */
};

static void
meeting_facts_done(struct meeting_facts *m)
{
	free(m->body);
	free(m->held_on);
	free(m->outcome);
}

static int
load_meeting(struct store *st, int64_t meeting_id, int64_t rec_id,
    struct meeting_facts *m, struct err *e)
{
	static const char sql[] =
	    "SELECT m.body, coalesce(m.commission_id, s.commission_id, 0), "
	    "(SELECT d.id FROM decision d WHERE d.meeting_id = m.id AND "
	    "d.recommendation_id = :rec ORDER BY d.id DESC LIMIT 1), (SELECT "
	    "d.outcome FROM decision d WHERE d.meeting_id = m.id AND "
	    "d.recommendation_id = :rec ORDER BY d.id DESC LIMIT 1), "
	    "m.held_on FROM "
	    "meeting m LEFT JOIN subgroup s ON s.id = m.subgroup_id "
	    "WHERE m.id = :id";
	sqlite3_stmt *q = db_prepare(st->db, sql, e);
	int rc;

	memset(m, 0, sizeof *m);
	if (q == NULL)
		return -1;
	db_bind_int(q, ":id", meeting_id);
	db_bind_int(q, ":rec", rec_id);
	if ((rc = db_step(st->db, q, e)) < 0)
		return -1;
	if (rc == 0)
		return err_set(e, ERR_NOTFOUND, "there is no meeting %" PRId64
		    " (coopcom list meetings)", meeting_id);
	m->id = meeting_id;
	m->body = db_column_dup(q, 0);
	m->commission_id = sqlite3_column_int64(q, 1);
	m->decision_id = sqlite3_column_int64(q, 2);
	m->outcome = db_column_dup(q, 3);
	m->held_on = db_column_dup(q, 4);
	sqlite3_reset(q);
	return 0;
}

static const char *
rec_text(const struct record *r, const char *name)
{
	const char *v = record_get(r, name);

	return v != NULL ? v : "";
}

static void
gather_facts(const struct record *rec, unsigned roles, const char *note,
    const struct meeting_facts *m, struct workflow_facts *f)
{
	memset(f, 0, sizeof *f);
	f->roles = roles;
	f->has_term = record_get(rec, "term") != NULL;
	f->has_savings = record_get(rec, "savings") != NULL;
	f->has_upfront_cost = record_get(rec, "upfront-cost") != NULL;
	f->has_equality_impact = !text_is_blank(rec_text(rec,
	    "equality-impact"));
	f->note = note;
	if (m != NULL && m->id != 0) {
		f->has_decision = true;
		f->decision_body = m->body;
	}
}

/* A stage put in by hand, or left by an older workflow file. */
static int
unknown_stage(const struct record *rec, struct err *e)
{
	return err_set(e, ERR_INVALID, "%s is at the stage \"%s\", which the "
	    "workflow in use does not have, so it cannot move: an "
	    "administrator must restore that stage in the workflow file "
	    "(coopcom check lists every such record)", rec_text(rec, "ref"),
	    rec_text(rec, "stage"));
}

static int
no_such_move(const struct workflow *wf, const struct record *rec,
    const char *to, struct err *e)
{
	const char *from = rec_text(rec, "stage");
	const struct workflow_transition *t;
	const struct workflow_stage *s = workflow_stage(wf, from);
	struct buf ways;

	if (workflow_stage(wf, to) == NULL)
		return err_set(e, ERR_INVALID, "the workflow has no stage "
		    "\"%s\" (coopcom stages lists them)", to);
	if (s == NULL)
		return unknown_stage(rec, e);
	/* Most often two people made the same move at once. */
	if (strcmp(from, to) == 0)
		return err_set(e, ERR_CONFLICT, "%s is already at \"%s\" (last "
		    "changed by %s at %s UTC): nothing was saved",
		    rec_text(rec, "ref"), s->label, *rec->updated_by ?
		    rec->updated_by : "someone", rec->updated_at);
	buf_init(&ways);
	for (t = workflow_transitions_from(wf, from, NULL); t != NULL;
	    t = workflow_transitions_from(wf, from, t))
		buf_printf(&ways, "%s%s", ways.len ? ", " : "", t->to);
	err_set(e, ERR_INVALID, "%s is at \"%s\"; from there it can go to: %s",
	    rec_text(rec, "ref"), s ? s->label : from,
	    ways.len ? buf_str(&ways) : "nowhere (it is final)");
	buf_done(&ways);
	return -1;
}

/* The meeting must be of the right body and commission, its decision fit. */
static int
check_meeting(const struct workflow_transition *t,
    const struct meeting_facts *m, int64_t cid, struct err *e)
{
	if (m->id == 0)
		return 0;
	if (!(t->guards & WORKFLOW_GUARD_BIT(WORKFLOW_GUARD_DECISION)))
		return err_set(e, ERR_INVALID, "this move is not decided at a "
		    "meeting: leave out the meeting");
	if (strcmp(m->body, t->decision_body) != 0)
		return err_set(e, ERR_GUARD, "meeting %" PRId64 " is a meeting "
		    "of %s, but this move needs a decision of %s", m->id,
		    workflow_body_label(m->body),
		    workflow_body_label(t->decision_body));
	if (m->commission_id != 0 && m->commission_id != cid)
		return err_set(e, ERR_GUARD, "meeting %" PRId64 " belongs to "
		    "another commission", m->id);
	if (m->outcome != NULL && strcmp(m->outcome, t->decision_outcome) != 0)
		return err_set(e, ERR_GUARD, "meeting %" PRId64 " already "
		    "recorded the decision \"%s\" on this recommendation, not "
		    "\"%s\"", m->id, m->outcome, t->decision_outcome);
	return 0;
}

/*
 * Names the people who hold the single-person roles that may make the
 * move (chairs, secretary, administrators), so that a refusal says whom
 * to ask; members and the Citizens' Group are too many to list.
 */
static void
who_can(struct store *st, const struct workflow_transition *t, int64_t cid,
    int64_t sgid, struct buf *why)
{
	static const char sql[] =
	    "SELECT p.name, p.login, 'sub-group chair', 1 FROM subgroup_member "
	    "m JOIN person p ON p.id = m.person_id WHERE :sgchair AND "
	    "m.subgroup_id = :sg AND m.role = 'chair' AND m.left_on IS NULL "
	    "UNION ALL SELECT p.name, p.login, 'commission ' || m.role, 2 FROM "
	    "commission_member m JOIN person p ON p.id = m.person_id WHERE "
	    "m.commission_id = :cid AND m.left_on IS NULL AND ((:secretary AND "
	    "m.role = 'secretary') OR (:chair AND m.role = 'chair')) "
	    "UNION ALL SELECT * FROM (SELECT name, login, 'administrator', 3 "
	    "FROM person WHERE :admin AND is_admin = 1 AND archived = 0 "
	    "ORDER BY id LIMIT 3) ORDER BY 4, 1";
	sqlite3_stmt *q;
	struct err e;
	int n = 0;

	if ((q = db_prepare(st->db, sql, &e)) == NULL)
		return;
	db_bind_int(q, ":sg", sgid);
	db_bind_int(q, ":cid", cid);
	db_bind_int(q, ":sgchair", (t->roles &
	    WORKFLOW_ROLE_BIT(WORKFLOW_ROLE_SUBGROUP_CHAIR)) != 0);
	db_bind_int(q, ":secretary", (t->roles &
	    WORKFLOW_ROLE_BIT(WORKFLOW_ROLE_SECRETARY)) != 0);
	db_bind_int(q, ":chair", (t->roles &
	    WORKFLOW_ROLE_BIT(WORKFLOW_ROLE_COMMISSION_CHAIR)) != 0);
	db_bind_int(q, ":admin", (t->roles &
	    WORKFLOW_ROLE_BIT(WORKFLOW_ROLE_ADMIN)) != 0);
	while (db_step(st->db, q, &e) == 1) {
		buf_printf(why, "%s%s", n++ ? "; " : " Ask ",
		    sqlite3_column_text(q, 0));
		if (sqlite3_column_type(q, 1) != SQLITE_NULL)
			buf_printf(why, " (%s)", sqlite3_column_text(q, 1));
		buf_printf(why, ", %s", sqlite3_column_text(q, 2));
	}
	if (n > 0)
		buf_addc(why, '.');
}

static int
refuse(struct store *st, const struct workflow_transition *t,
    const struct workflow_facts *f, const struct record *rec, int64_t cid,
    int64_t sgid, struct err *e)
{
	struct buf why;
	unsigned unmet = workflow_unmet(t, f);
	bool denied = !workflow_role_allowed(t, f->roles);

	buf_init(&why);
	workflow_check(st->workflow, t, f, &why);
	if (unmet & WORKFLOW_GUARD_BIT(WORKFLOW_GUARD_DECISION))
		buf_add(&why, " Name the meeting that decided it.");
	if (denied)
		who_can(st, t, cid, sgid, &why);
	err_set(e, denied ? ERR_DENIED : ERR_GUARD, "%s: %s",
	    rec_text(rec, "ref"), buf_str(&why));
	buf_done(&why);
	return -1;
}

static int
record_decision(struct store *st, const struct workflow_transition *t,
    struct meeting_facts *m, int64_t rec_id, const char *note,
    struct err *e)
{
	char meeting[32], rec[32];
	struct store_value v[4] = { { "meeting", meeting },
		{ "recommendation", rec }, { "outcome", t->decision_outcome },
		{ "reason", note ? note : "" } };

	if (m->id == 0 || m->decision_id != 0)
		return 0;
	snprintf(meeting, sizeof meeting, "%" PRId64, m->id);
	snprintf(rec, sizeof rec, "%" PRId64, rec_id);
	return store_create(st, ENT_DECISION, v, 4, &m->decision_id, e);
}

/* The audit id of the last move of the recommendation to stage TO, or 0. */
static int64_t
last_move_to(struct store *st, int64_t rec_id, const char *to)
{
	static const char sql[] =
	    "SELECT max(id) FROM audit WHERE entity = 'recommendation' AND "
	    "entity_id = :id AND action = 'advance' AND "
	    "json_extract(changes, '$.stage[1]') = :to";
	sqlite3_stmt *q;
	struct err e;
	int64_t id = 0;

	if ((q = db_prepare(st->db, sql, &e)) == NULL)
		return 0;
	db_bind_int(q, ":id", rec_id);
	db_bind_text(q, ":to", to);
	if (db_step(st->db, q, &e) == 1) {
		id = sqlite3_column_int64(q, 0);
		sqlite3_reset(q);
	}
	return id;
}

/*
 * The new target date on adoption: the term's months from the date of the
 * meeting that adopted it, or from today when no meeting is named.
 */
static char *
target_from_term(const struct record *rec, const struct meeting_facts *m)
{
	int months = workflow_term_months(record_get(rec, "term"));
	struct date from = date_today();
	struct err e;
	char iso[11];

	if (months < 0)
		return NULL;
	if (m->held_on != NULL)
		date_parse_iso(m->held_on, &from, &e);
	date_format_iso(date_add_months(from, months), iso);
	return x_strdup(iso);
}

struct stage_change {
	const char *from, *to;
	char *target;		/* new target date, or NULL to keep */
	bool resubmission;
	int64_t follows;	/* audit id of the referral it answers */
};

static int
write_stage(struct store *st, const struct record *rec,
    const struct stage_change *c, struct err *e)
{
	static const char sql[] =
	    "UPDATE recommendation SET stage = :to, stage_since = :now, "
	    "round = round + :resub, target_date = coalesce(:target, "
	    "target_date), " STORE_STAMP;
	sqlite3_stmt *q = db_prepare(st->db, sql, e);

	if (q == NULL)
		return -1;
	db_bind_text(q, ":to", c->to);
	db_bind_int(q, ":resub", c->resubmission);
	db_bind_text(q, ":target", c->target);
	return store_run_update(st, q, rec, e);
}

static char *
change_json(const struct record *rec, const struct stage_change *c)
{
	json_t *o = json_object();

	json_object_set_new(o, "stage", json_pack("[s,s]", c->from, c->to));
	if (c->target != NULL)
		json_object_set_new(o, "target", json_pack("[s?,s]",
		    record_get(rec, "target"), c->target));
	if (c->resubmission)
		json_object_set_new(o, "resubmits", json_integer(c->follows));
	return store_changes_text(o);
}

static int
apply_move(struct store *st, const struct record *rec,
    const struct workflow_transition *t, const char *note,
    const struct meeting_facts *m, struct err *e)
{
	struct stage_change c = { .from = rec_text(rec, "stage"), .to = t->to };
	char *changes;
	int rc;

	/* Submitted again after a referral back, tested again or not. */
	if (strcmp(t->to, "submitted") == 0) {
		c.follows = last_move_to(st, rec->id, "referred_back");
		c.resubmission = c.follows > last_move_to(st, rec->id,
		    "submitted");
	}
	if (t->sets_target)
		c.target = target_from_term(rec, m);
	changes = change_json(rec, &c);
	rc = write_stage(st, rec, &c, e) < 0 || audit_append(st,
	    "recommendation", rec->id, "advance", changes, note,
	    m->decision_id, e) < 0 ? -1 : 0;
	free(changes);
	free(c.target);
	return rc;
}

static int
advance(struct store *st, const struct record *rec, const char *to,
    const char *note, struct meeting_facts *m, struct err *e)
{
	const struct workflow *wf = st->workflow;
	const struct workflow_transition *t;
	struct workflow_facts f;
	int64_t cid, sgid;
	unsigned roles;

	t = workflow_find(wf, rec_text(rec, "stage"), to);
	if (t == NULL)
		return no_such_move(wf, rec, to, e);
	if (store_scope_of(st, ENT_RECOMMENDATION, rec->id, &cid, &sgid, e) < 0 ||
	    store_roles_for(st, rec->id, &roles, e) < 0)
		return -1;
	if (st->me.id == 0)
		return store_may_write(st, ENT_RECOMMENDATION, cid, sgid, e);
	gather_facts(rec, roles, note, m, &f);
	if (f.has_decision)
		f.decision_outcome = m->outcome ? m->outcome :
		    t->decision_outcome;
	if (workflow_check(wf, t, &f, NULL) < 0)
		return refuse(st, t, &f, rec, cid, sgid, e);
	if (check_meeting(t, m, cid, e) < 0 || (m->id != 0 &&
	    store_check_quorum(st, m->id, t->decision_outcome, e) < 0) ||
	    record_decision(st, t, m, rec->id, note, e) < 0)
		return -1;
	return apply_move(st, rec, t, note, m, e);
}

int
store_advance(struct store *st, int64_t rec_id, const char *to,
    int64_t version, const char *note, int64_t meeting_id, struct err *e)
{
	struct meeting_facts m;
	struct record rec;

	memset(&m, 0, sizeof m);
	memset(&rec, 0, sizeof rec);
	if (st->workflow == NULL)
		return err_set(e, ERR_INVALID, "no workflow is loaded");
	if (db_begin(st->db, e) < 0)
		return -1;
	if (store_get(st, ENT_RECOMMENDATION, rec_id, &rec, e) < 0)
		goto fail;
	if (version != 0 && rec.version != version) {
		err_set(e, ERR_CONFLICT, "%s was changed by %s at %s UTC "
		    "(version %" PRId64 "; you started from version %" PRId64
		    "): nothing was saved", rec_text(&rec, "ref"),
		    *rec.updated_by ? rec.updated_by : "someone",
		    rec.updated_at, rec.version, version);
		goto fail;
	}
	if ((meeting_id && load_meeting(st, meeting_id, rec_id, &m, e) < 0) ||
	    advance(st, &rec, to, note, &m, e) < 0 || db_commit(st->db, e) < 0)
		goto fail;
	meeting_facts_done(&m);
	record_done(&rec);
	return 0;
fail:
	meeting_facts_done(&m);
	record_done(&rec);
	db_rollback(st->db);
	return -1;
}

/* What a move asks for beyond the record: a reason, a meeting's decision. */
static char *
move_needs(const struct workflow_transition *t)
{
	struct buf b;

	buf_init(&b);
	if (t->guards & WORKFLOW_GUARD_BIT(WORKFLOW_GUARD_NOTE))
		buf_add(&b, "a reason");
	if (t->guards & WORKFLOW_GUARD_BIT(WORKFLOW_GUARD_DECISION))
		buf_printf(&b, "%sthe meeting of %s that decided it (%s)",
		    b.len ? " and " : "", workflow_body_label(t->decision_body),
		    t->decision_outcome);
	return buf_steal(&b);
}

static void
judge_move(const struct workflow *wf, const struct record *rec,
    unsigned roles, bool known, struct store_move *mv)
{
	struct workflow_facts f;
	struct buf why;

	gather_facts(rec, roles, "(given with the move)", NULL, &f);
	f.has_decision = true;
	f.decision_body = mv->t->decision_body;
	f.decision_outcome = mv->t->decision_outcome;
	buf_init(&why);
	if (!known)
		buf_add(&why, "You are not a person in this database.");
	mv->allowed = known && workflow_check(wf, mv->t, &f, &why) == 0;
	mv->why = buf_steal(&why);
	mv->needs = move_needs(mv->t);
}

int
store_moves(struct store *st, int64_t rec_id, struct store_move **moves,
    size_t *n, struct err *e)
{
	const struct workflow_transition *t;
	const char *from;
	struct record rec;
	unsigned roles;
	size_t cap = 0;

	*moves = NULL;
	*n = 0;
	if (store_get(st, ENT_RECOMMENDATION, rec_id, &rec, e) < 0)
		return -1;
	if (store_roles_for(st, rec_id, &roles, e) < 0) {
		record_done(&rec);
		return -1;
	}
	from = rec_text(&rec, "stage");
	for (t = workflow_transitions_from(st->workflow, from, NULL); t != NULL;
	    t = workflow_transitions_from(st->workflow, from, t)) {
		*moves = x_grow(*moves, &cap, *n + 1, sizeof **moves);
		(*moves)[*n].t = t;
		judge_move(st->workflow, &rec, roles, st->me.id != 0,
		    &(*moves)[(*n)++]);
	}
	record_done(&rec);
	return 0;
}

void
store_moves_free(struct store_move *moves, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(moves[i].why);
		free(moves[i].needs);
	}
	free(moves);
}
