/*
 * test_meeting.c: meetings as the secretary runs them: the quorum (a
 * meeting with too few present cannot decide, through any write path),
 * decisions recorded with votes and actions that move recommendations,
 * deferral without a move, and the agenda built from what awaits the
 * meeting's body.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../check.h"
#include "coopcom/store/list.h"
#include "coopcom/store/meeting.h"
#include "fixture.h"

static int64_t
rec_at(const char *title, const char *stage)
{
	int64_t id = fx_add(fx.st, ENT_RECOMMENDATION, FX_VALS(
	    { "subgroup", "CC-LCL" }, { "title", title },
	    { "term", "medium" }, { "savings", "£15,000" },
	    { "upfront-cost", "0" }));

	fx_sql_intf("UPDATE recommendation SET stage = '%s' WHERE id = %lld "
	    "RETURNING id", stage, (long long)id);
	return id;
}

static int64_t
assembly(void)
{
	return fx_add(fx.st, ENT_MEETING, FX_VALS({ "body", "assembly" },
	    { "commission", "CC" }, { "date", "2012-01-17" }));
}

/* The secretary's store, with an Assembly quorum of 3. */
static struct store *
secretary(void)
{
	struct store *st = fx_open_as(FX_SECRETARY);
	struct err e;

	ck_assert_int_eq(store_set_quorum(st, "assembly", 3, &e), 0);
	return st;
}

static void
present(int64_t m, const char *login)
{
	struct err e;

	ck_assert_msg(store_attend(fx.st, m, login, "present", &e) == 0, "%s",
	    e.msg);
}

static void
assert_stage(int64_t id, const char *want)
{
	char *s = fx_sql_textf("SELECT stage FROM recommendation WHERE id = "
	    "%lld", (long long)id);

	ck_assert_str_eq(s, want);
	free(s);
}

START_TEST(test_quorum_settings)
{
	struct store *st = secretary();
	struct err e;

	ck_assert_int_eq(store_quorum(st, "assembly"), 3);
	ck_assert_int_eq(store_quorum(st, "council"), 0);
	ck_assert_int_eq(store_set_quorum(st, "parliament", 3, &e), -1);
	fx_assert_has(e.msg, "parliament");
	ck_assert_int_eq(store_set_quorum(st, "cabinet", -1, &e), -1);
	ck_assert_int_eq(store_quorum(st, "cabinet"), 0);
}
END_TEST

/* Too few present: no approval by any path, and nothing is written. */
START_TEST(test_quorum_refuses)
{
	struct store_decision d = { .outcome = "approved" };
	struct store *st = secretary();
	int64_t m = assembly(), rec = rec_at("Open on Sundays", "submitted");
	int64_t audits;
	char mid[24], rid[24];
	struct err e;

	snprintf(mid, sizeof mid, "%lld", (long long)m);
	snprintf(rid, sizeof rid, "%lld", (long long)rec);
	present(m, FX_SECRETARY);
	present(m, FX_OBSERVER);
	audits = fx_audit_count();
	ck_assert_int_eq(store_decide(st, m, rec, &d, NULL, &e), -1);
	ck_assert_int_eq(e.code, ERR_GUARD);
	fx_assert_has(e.msg, "not quorate");
	fx_assert_has(e.msg, "2 present");
	fx_assert_has(e.msg, "needs 3");
	ck_assert_int_eq(store_advance(st, rec, "approved", 0, NULL, m, &e),
	    -1);
	fx_assert_has(e.msg, "not quorate");
	ck_assert_int_eq(store_create(st, ENT_DECISION, FX_VALS(
	    { "meeting", mid }, { "recommendation", rid },
	    { "outcome", "approved" }), NULL, &e), -1);
	fx_assert_has(e.msg, "not quorate");
	assert_stage(rec, "submitted");
	ck_assert_int_eq(fx_sql_int("SELECT count(*) FROM decision"), 0);
	ck_assert_int_eq(fx_audit_count(), audits);
	/* Deferring is what an inquorate meeting can do. */
	d.outcome = "deferred";
	d.reason = "Not quorate";
	ck_assert_msg(store_decide(st, m, rec, &d, NULL, &e) == 0, "%s",
	    e.msg);
	assert_stage(rec, "submitted");
	/* With a third person present, it approves. */
	present(m, FX_LCL_CHAIR);
	d.outcome = "approved";
	ck_assert_msg(store_decide(st, m, rec, &d, NULL, &e) == 0, "%s",
	    e.msg);
	assert_stage(rec, "approved");
}
END_TEST

START_TEST(test_decide_moves_with_votes)
{
	struct store_decision d = { .outcome = "approved", .voted = true,
		.votes_for = 9, .votes_against = 2, .votes_abstain = 1,
		.actions = "Write to the trust" };
	struct store *st = secretary();
	int64_t m = assembly(), rec = rec_at("Open on Sundays", "submitted");
	int64_t did = 0;
	char *s;
	struct err e;

	present(m, FX_SECRETARY);
	present(m, FX_OBSERVER);
	present(m, FX_LCL_CHAIR);
	ck_assert_msg(store_decide(st, m, rec, &d, &did, &e) == 0, "%s",
	    e.msg);
	ck_assert_int_gt(did, 0);
	assert_stage(rec, "approved");
	ck_assert_int_eq(fx_sql_intf("SELECT votes_for * 10000 + "
	    "votes_against * 100 + votes_abstain FROM decision WHERE id = "
	    "%lld", (long long)did), 90201);
	s = fx_sql_textf("SELECT actions FROM decision WHERE id = %lld",
	    (long long)did);
	ck_assert_str_eq(s, "Write to the trust");
	free(s);
	/* The move names the decision: the meeting is its reference. */
	ck_assert_int_eq(fx_sql_intf("SELECT decision_id FROM audit WHERE "
	    "action = 'advance' AND entity_id = %lld", (long long)rec), did);
	ck_assert_int_eq(fx_sql_int("SELECT count(*) FROM decision"), 1);
}
END_TEST

START_TEST(test_decide_refusals)
{
	struct store_decision d = { .outcome = "referred_back" };
	struct store *st = secretary();
	struct store *chair = fx_open_as(FX_LCL_CHAIR);
	int64_t m = assembly(), rec = rec_at("Open on Sundays", "submitted");
	int64_t draft = rec_at("Not yet", "draft");
	struct err e;

	present(m, FX_SECRETARY);
	present(m, FX_OBSERVER);
	present(m, FX_LCL_CHAIR);
	/* A referral back needs its reasons. */
	ck_assert_int_eq(store_decide(st, m, rec, &d, NULL, &e), -1);
	ck_assert_int_eq(e.code, ERR_GUARD);
	fx_assert_has(e.msg, "reason");
	/* A draft is not the Assembly's to approve. */
	d.outcome = "approved";
	ck_assert_int_eq(store_decide(st, m, draft, &d, NULL, &e), -1);
	fx_assert_has(e.msg, "cannot decide \"approved\"");
	/* Not a decision at all. */
	d.outcome = "maybe";
	ck_assert_int_eq(store_decide(st, m, rec, &d, NULL, &e), -1);
	ck_assert_int_eq(e.code, ERR_INVALID);
	/* A sub-group chair may not record the Assembly's decision. */
	d.outcome = "approved";
	ck_assert_int_eq(store_decide(chair, m, rec, &d, NULL, &e), -1);
	ck_assert_int_eq(e.code, ERR_DENIED);
	/* Someone moved it on since it was seen. */
	d.version = 99;
	ck_assert_int_eq(store_decide(st, m, rec, &d, NULL, &e), -1);
	ck_assert_int_eq(e.code, ERR_CONFLICT);
	ck_assert_int_eq(fx_sql_int("SELECT count(*) FROM decision"), 0);
	assert_stage(rec, "submitted");
}
END_TEST

static int
agenda_refs(int64_t meeting, char *out, size_t n)
{
	struct list_filter f = { 0 };
	struct store_cursor *c;
	struct err e;
	int rows = 0;

	f.record = meeting;
	out[0] = '\0';
	ck_assert_msg(store_list_open(fx.st, "agenda", &f, &c, &e) == 0, "%s",
	    e.msg);
	while (store_cursor_next(c, &e) == 1) {
		snprintf(out + strlen(out), n - strlen(out), "%s%s:%s", rows ?
		    " " : "", store_cursor_text(c, 1), store_cursor_text(c, 8) ?
		    store_cursor_text(c, 8) : "-");
		rows++;
	}
	store_cursor_close(c);
	return rows;
}

START_TEST(test_agenda)
{
	struct store_decision d = { .outcome = "approved" };
	int64_t m = assembly(), cab;
	char refs[256];
	struct err e;

	rec_at("Submitted one", "submitted");
	rec_at("A draft", "draft");
	rec_at("Submitted two", "submitted");
	rec_at("In the report", "in_report");
	cab = fx_add(fx.st, ENT_MEETING, FX_VALS({ "body", "cabinet" },
	    { "commission", "CC" }, { "date", "2012-02-23" }));
	ck_assert_int_eq(agenda_refs(m, refs, sizeof refs), 2);
	ck_assert_str_eq(refs, "CC-LCL-01:- CC-LCL-03:-");
	ck_assert_int_eq(agenda_refs(cab, refs, sizeof refs), 1);
	ck_assert_str_eq(refs, "CC-LCL-04:-");
	/* A decided item stays on its meeting's agenda, with the decision. */
	ck_assert_msg(store_decide(fx.st, m, 1, &d, NULL, &e) == 0, "%s",
	    e.msg);
	ck_assert_int_eq(agenda_refs(m, refs, sizeof refs), 2);
	ck_assert_str_eq(refs, "CC-LCL-01:approved CC-LCL-03:-");
}
END_TEST

START_TEST(test_meeting_facts)
{
	struct store *st = secretary();
	struct store_meeting m;
	int64_t id = assembly();
	struct err e;

	present(id, FX_SECRETARY);
	ck_assert_int_eq(store_attend(fx.st, id, FX_OBSERVER, "apologies", &e),
	    0);
	ck_assert_int_eq(store_meeting_get(st, id, &m, &e), 0);
	ck_assert_str_eq(m.body, "assembly");
	ck_assert_str_eq(m.scope, "CC");
	ck_assert_int_eq(m.present, 1);
	ck_assert_int_eq(m.apologies, 1);
	ck_assert_int_eq(m.quorum, 3);
	ck_assert(!m.quorate);
	store_meeting_done(&m);
	ck_assert_int_eq(store_meeting_get(st, 999, &m, &e), -1);
	ck_assert_int_eq(e.code, ERR_NOTFOUND);
}
END_TEST

Suite *
meeting_suite(void)
{
	Suite *s = suite_create("meeting");
	TCase *tc = tcase_create("meeting");

	tcase_add_checked_fixture(tc, fx_setup_world, fx_teardown);
	tcase_add_test(tc, test_quorum_settings);
	tcase_add_test(tc, test_quorum_refuses);
	tcase_add_test(tc, test_decide_moves_with_votes);
	tcase_add_test(tc, test_decide_refusals);
	tcase_add_test(tc, test_agenda);
	tcase_add_test(tc, test_meeting_facts);
	suite_add_tcase(s, tc);
	return s;
}
