/*
 * meeting.c: the quorum, one meeting's facts, and recording a decision
 * on an agenda item (see meeting.h).
 *
 * A decision that moves a recommendation goes through store_advance, the
 * one write path for stage changes: the decision row is written first,
 * with its votes and actions, and store_advance finds it there as the
 * meeting's decision and makes the move, checking the workflow's rules.
 * Both happen in one transaction, so a refused move leaves no decision.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coopcom/store/meeting.h"
#include "coopcom/store/priv.h"
#include "coopcom/util/xalloc.h"

const char *const store_bodies[STORE_NBODIES + 1] = { "assembly",
	"subgroup", "citizens_group", "cabinet", "council", "scrutiny", NULL };

static int
body_index(const char *body)
{
	int i;

	for (i = 0; body != NULL && i < STORE_NBODIES; i++)
		if (strcmp(store_bodies[i], body) == 0)
			return i;
	return -1;
}

int
store_set_quorum(struct store *st, const char *body, int present,
    struct err *e)
{
	int i = body_index(body);

	if (i < 0)
		return err_set(e, ERR_INVALID, "there is no meeting body "
		    "\"%s\"", body ? body : "");
	if (present < 0)
		return err_set(e, ERR_INVALID, "a quorum is 0 or more people, "
		    "not %d", present);
	st->quorum[i] = present;
	return 0;
}

int
store_quorum(const struct store *st, const char *body)
{
	int i = body_index(body);

	return i < 0 ? 0 : st->quorum[i];
}

void
store_meeting_done(struct store_meeting *m)
{
	free(m->body);
	free(m->title);
	free(m->held_on);
	free(m->place);
	free(m->scope);
	memset(m, 0, sizeof *m);
}

int
store_meeting_get(struct store *st, int64_t id, struct store_meeting *m,
    struct err *e)
{
	static const char sql[] =
	    "SELECT m.body, m.title, m.held_on, m.place, coalesce(c.code || "
	    "'-' || s.code, c2.code, ''), coalesce(m.commission_id, "
	    "s.commission_id, 0), coalesce(m.subgroup_id, 0), (SELECT "
	    "count(*) FROM attendance a WHERE a.meeting_id = m.id AND "
	    "a.status = 'present'), (SELECT count(*) FROM attendance a WHERE "
	    "a.meeting_id = m.id AND a.status = 'apologies'), (SELECT "
	    "count(*) FROM attendance a WHERE a.meeting_id = m.id AND "
	    "a.status = 'absent') FROM meeting m LEFT JOIN subgroup s ON "
	    "s.id = m.subgroup_id LEFT JOIN commission c ON c.id = "
	    "s.commission_id LEFT JOIN commission c2 ON c2.id = "
	    "m.commission_id WHERE m.id = :id";
	sqlite3_stmt *q = db_prepare(st->db, sql, e);
	int rc;

	memset(m, 0, sizeof *m);
	if (q == NULL)
		return -1;
	db_bind_int(q, ":id", id);
	if ((rc = db_step(st->db, q, e)) < 0)
		return -1;
	if (rc == 0)
		return err_set(e, ERR_NOTFOUND, "there is no meeting %" PRId64
		    " (coopcom list meetings)", id);
	m->id = id;
	m->body = db_column_dup(q, 0);
	m->title = db_column_dup(q, 1);
	m->held_on = db_column_dup(q, 2);
	m->place = db_column_dup(q, 3);
	m->scope = db_column_dup(q, 4);
	m->commission_id = sqlite3_column_int64(q, 5);
	m->subgroup_id = sqlite3_column_int64(q, 6);
	m->present = sqlite3_column_int(q, 7);
	m->apologies = sqlite3_column_int(q, 8);
	m->absent = sqlite3_column_int(q, 9);
	sqlite3_reset(q);
	m->quorum = store_quorum(st, m->body);
	m->quorate = m->quorum == 0 || m->present >= m->quorum;
	return 0;
}

/* Deferring and noting are what an inquorate meeting may still do. */
static bool
needs_quorum(const char *outcome)
{
	return strcmp(outcome, "deferred") != 0 &&
	    strcmp(outcome, "noted") != 0;
}

int
store_check_quorum(struct store *st, int64_t meeting_id, const char *outcome,
    struct err *e)
{
	struct store_meeting m;

	if (outcome == NULL || !needs_quorum(outcome))
		return 0;
	if (store_meeting_get(st, meeting_id, &m, e) < 0)
		return -1;
	if (!m.quorate) {
		err_set(e, ERR_GUARD, "meeting %" PRId64 " (%s, %s) was not "
		    "quorate: %d present, and %s needs %d (quorum.%s); it can "
		    "defer items or note them, not decide \"%s\". Record who "
		    "was there with coopcom attend", m.id,
		    workflow_body_label(m.body), m.held_on, m.present,
		    workflow_body_label(m.body), m.quorum, m.body, outcome);
		store_meeting_done(&m);
		return -1;
	}
	store_meeting_done(&m);
	return 0;
}

const char *
store_decision_stage(const struct store *st, const char *body,
    const char *from, const char *outcome)
{
	const struct workflow_transition *t = NULL;

	if (st->workflow == NULL)
		return NULL;
	while ((t = workflow_transitions_from(st->workflow, from, t)) != NULL)
		if (t->decision_body != NULL &&
		    strcmp(t->decision_body, body) == 0 &&
		    strcmp(t->decision_outcome, outcome) == 0)
			return t->to;
	return NULL;
}

/* What the body may decide from the stage, for the refusal. */
static int
no_decision(struct store *st, const struct store_meeting *m,
    const struct record *rec, const char *outcome, struct err *e)
{
	const struct workflow_transition *t = NULL;
	const struct workflow_stage *s;
	const char *from = record_get(rec, "stage");
	struct buf can;

	buf_init(&can);
	while ((t = workflow_transitions_from(st->workflow, from, t)) != NULL)
		if (t->decision_body != NULL &&
		    strcmp(t->decision_body, m->body) == 0)
			buf_printf(&can, "%s, ", t->decision_outcome);
	s = workflow_stage(st->workflow, from);
	err_set(e, ERR_GUARD, "%s is at \"%s\", where %s cannot decide "
	    "\"%s\"; it can decide: %sdeferred or noted",
	    record_get(rec, "ref"), s ? s->label : from,
	    workflow_body_label(m->body), outcome, buf_str(&can));
	buf_done(&can);
	return -1;
}

static int
check_decision(const struct store_decision *d, struct err *e)
{
	if (d->outcome == NULL || !workflow_outcome_known(d->outcome))
		return err_set(e, ERR_INVALID, "\"%s\" is not a decision: use "
		    "approved, rejected, referred_back, deferred, accepted, "
		    "not_accepted, adopted or noted",
		    d->outcome ? d->outcome : "");
	if (d->voted && (d->votes_for < 0 || d->votes_against < 0 ||
	    d->votes_abstain < 0))
		return err_set(e, ERR_INVALID, "votes are counted from 0 up");
	return 0;
}

/* The recommendation must belong to the meeting's commission. */
static int
check_scope(struct store *st, const struct store_meeting *m,
    const struct record *rec, struct err *e)
{
	int64_t cid, sgid;

	if (store_scope_of(st, ENT_RECOMMENDATION, rec->id, &cid, &sgid,
	    e) < 0)
		return -1;
	if (strcmp(m->body, "citizens_group") == 0 || m->commission_id == 0 ||
	    (m->commission_id == cid && (m->subgroup_id == 0 ||
	    m->subgroup_id == sgid)))
		return 0;
	return err_set(e, ERR_INVALID, "%s is not the business of meeting %"
	    PRId64 " (%s %s)", record_get(rec, "ref"), m->id, m->scope,
	    workflow_body_label(m->body));
}

static int
write_decision(struct store *st, const struct store_meeting *m,
    int64_t rec_id, const struct store_decision *d, int64_t *id,
    struct err *e)
{
	char meeting[24], rec[24], f[24], a[24], x[24];
	struct store_value v[8] = { { "meeting", meeting },
		{ "recommendation", rec }, { "outcome", d->outcome },
		{ "reason", d->reason ? d->reason : "" },
		{ "actions", d->actions ? d->actions : "" },
		{ "for", f }, { "against", a }, { "abstain", x } };

	snprintf(meeting, sizeof meeting, "%" PRId64, m->id);
	snprintf(rec, sizeof rec, "%" PRId64, rec_id);
	snprintf(f, sizeof f, "%" PRId64, d->votes_for);
	snprintf(a, sizeof a, "%" PRId64, d->votes_against);
	snprintf(x, sizeof x, "%" PRId64, d->votes_abstain);
	return store_create(st, ENT_DECISION, v, d->voted ? 8 : 5, id, e);
}

static int
decide(struct store *st, const struct store_meeting *m,
    const struct record *rec, const struct store_decision *d, int64_t *id,
    struct err *e)
{
	const char *to = NULL;

	if (d->version != 0 && rec->version != d->version)
		return err_set(e, ERR_CONFLICT, "%s was changed by %s at %s UTC "
		    "(version %" PRId64 "; you started from version %" PRId64
		    "): nothing was saved", record_get(rec, "ref"),
		    *rec->updated_by ? rec->updated_by : "someone",
		    rec->updated_at, rec->version, d->version);
	if (check_scope(st, m, rec, e) < 0)
		return -1;
	if (needs_quorum(d->outcome) && (to = store_decision_stage(st,
	    m->body, record_get(rec, "stage"), d->outcome)) == NULL)
		return no_decision(st, m, rec, d->outcome, e);
	/* store_create checks the quorum for the decision. */
	if (write_decision(st, m, rec->id, d, id, e) < 0)
		return -1;
	if (to == NULL)
		return 0;
	return store_advance(st, rec->id, to, rec->version, d->reason, m->id,
	    e);
}

int
store_decide(struct store *st, int64_t meeting_id, int64_t rec_id,
    const struct store_decision *d, int64_t *decision_id, struct err *e)
{
	struct store_meeting m;
	struct record rec;
	int64_t id = 0;

	memset(&rec, 0, sizeof rec);
	if (check_decision(d, e) < 0)
		return -1;
	if (st->workflow == NULL)
		return err_set(e, ERR_INVALID, "no workflow is loaded");
	if (db_begin(st->db, e) < 0)
		return -1;
	if (store_meeting_get(st, meeting_id, &m, e) < 0)
		goto fail;
	if (store_get(st, ENT_RECOMMENDATION, rec_id, &rec, e) < 0 ||
	    decide(st, &m, &rec, d, &id, e) < 0 || db_commit(st->db, e) < 0)
		goto fail;
	if (decision_id != NULL)
		*decision_id = id;
	store_meeting_done(&m);
	record_done(&rec);
	return 0;
fail:
	store_meeting_done(&m);
	record_done(&rec);
	db_rollback(st->db);
	return -1;
}
