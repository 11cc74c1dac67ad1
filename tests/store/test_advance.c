/*
 * test_advance.c: store_advance and store_moves on a real database:
 * who may make each move (from memberships), every guard, decisions of
 * meetings, target dates on adoption, resubmission links, versions, and
 * two processes racing to advance one recommendation.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../check.h"
#include "coopcom/core/date.h"
#include "coopcom/util/buf.h"
#include "fixture.h"

/* A complete recommendation in CC-LCL, at STAGE (set directly). */
static int64_t
rec_at(const char *stage)
{
	int64_t id = fx_add(fx.st, ENT_RECOMMENDATION, FX_VALS(
	    { "subgroup", "CC-LCL" }, { "title", "Open on Sundays" },
	    { "term", "medium" }, { "savings", "£15,000" },
	    { "upfront-cost", "0" }, { "equality-impact", "Positive" }));

	fx_sql_intf("UPDATE recommendation SET stage = '%s' WHERE id = %lld "
	    "RETURNING id", stage, (long long)id);
	return id;
}

static int64_t
meeting(const char *body, const char *commission, const char *date)
{
	return fx_add(fx.st, ENT_MEETING, FX_VALS({ "body", body },
	    { "commission", commission }, { "date", date }));
}

static char *
stage_of(int64_t id)
{
	return fx_sql_textf("SELECT stage FROM recommendation WHERE id = %lld",
	    (long long)id);
}

static void
assert_stage(int64_t id, const char *want)
{
	char *s = stage_of(id);

	ck_assert_str_eq(s, want);
	free(s);
}

/* Who may make which move, by real memberships (no decision guards). */
struct who_case {
	const char *login, *from, *to;
	enum err_code want;
};

static const struct who_case who_cases[] = {
	{ FX_LCL_CHAIR, "draft", "tested", ERR_OK },
	{ FX_LCL_MEMBER, "draft", "tested", ERR_OK },
	{ FX_CITIZEN, "draft", "tested", ERR_OK },
	{ FX_SECRETARY, "draft", "tested", ERR_OK },
	{ FX_BRK_CHAIR, "draft", "tested", ERR_DENIED },
	{ FX_OBSERVER, "draft", "tested", ERR_DENIED },
	{ FX_NOBODY, "draft", "tested", ERR_DENIED },
	{ FX_LCL_CHAIR, "draft", "submitted", ERR_OK },
	{ FX_LCL_MEMBER, "draft", "submitted", ERR_DENIED },
	{ FX_SECRETARY, "draft", "submitted", ERR_DENIED },
	{ FX_ADMIN, "draft", "submitted", ERR_OK },
	{ FX_LCL_CHAIR, "draft", "withdrawn", ERR_OK },
	{ FX_LCL_MEMBER, "draft", "withdrawn", ERR_DENIED },
	{ FX_SECRETARY, "approved", "in_report", ERR_OK },
	{ FX_LCL_CHAIR, "approved", "in_report", ERR_DENIED },
	{ FX_SECRETARY, "adopted", "in_delivery", ERR_OK },
	{ FX_SECRETARY, "in_delivery", "delivered", ERR_OK },
	{ FX_LCL_CHAIR, "in_delivery", "delivered", ERR_DENIED },
	{ FX_ADMIN, "delivered", "in_delivery", ERR_INVALID },
	{ FX_ADMIN, "draft", "approved", ERR_INVALID },
};

START_TEST(test_who_may)
{
	const struct who_case *c = &who_cases[_i];
	int64_t id = rec_at(c->from);
	struct store *as = fx_open_as(c->login);
	struct err e;
	int rc;

	err_clear(&e);
	rc = store_advance(as, id, c->to, 0, NULL, 0, &e);
	ck_assert_msg(c->want == ERR_OK ? rc == 0 : rc == -1 &&
	    e.code == c->want, "%s %s -> %s: rc %d code %d (%s)", c->login,
	    c->from, c->to, rc, e.code, e.msg);
	assert_stage(id, c->want == ERR_OK ? c->to : c->from);
}
END_TEST

START_TEST(test_refusal_names_who)
{
	int64_t id = rec_at("draft");
	struct store *as = fx_open_as(FX_LCL_MEMBER);
	struct err e;

	ck_assert_int_eq(store_advance(as, id, "submitted", 0, NULL, 0, &e),
	    -1);
	fx_assert_has(e.msg, "sub-group chair");
	fx_assert_has(e.msg, "CC-LCL-01");
	/* By name: the people who hold the roles that may. */
	fx_assert_has(e.msg, "Ask " FX_LCL_CHAIR_NAME " (" FX_LCL_CHAIR
	    "), sub-group chair; " FX_ADMIN_NAME " (" FX_ADMIN
	    "), administrator.");
	ck_assert_ptr_null(strstr(e.msg, FX_BRK_CHAIR_NAME));
	ck_assert_ptr_null(strstr(e.msg, FX_SECRETARY_NAME));
	as = fx_open_as(FX_LCL_CHAIR);
	ck_assert_int_eq(store_advance(as, rec_at("approved"), "in_report", 0,
	    NULL, 0, &e), -1);
	fx_assert_has(e.msg, "Ask " FX_SECRETARY_NAME " (" FX_SECRETARY
	    "), commission secretary; " FX_ADMIN_NAME);
	as = fx_open_as(FX_NOBODY);
	ck_assert_int_eq(store_advance(as, id, "tested", 0, NULL, 0, &e), -1);
	fx_assert_has(e.msg, "not a person");
}
END_TEST

START_TEST(test_submission_guards)
{
	int64_t id = fx_add(fx.st, ENT_RECOMMENDATION, FX_VALS(
	    { "subgroup", "LCL" }, { "title", "Nothing stated" }));
	struct err e;

	ck_assert_int_eq(store_advance(fx.st, id, "submitted", 0, NULL, 0,
	    &e), -1);
	ck_assert_int_eq(e.code, ERR_GUARD);
	fx_assert_has(e.msg, "term");
	fx_assert_has(e.msg, "savings");
	fx_assert_has(e.msg, "up-front cost");
	fx_edit(fx.st, ENT_RECOMMENDATION, id, FX_VALS({ "term", "short" },
	    { "savings", "0" }, { "upfront-cost", "0" }));
	ck_assert_int_eq(store_advance(fx.st, id, "submitted", 0, NULL, 0,
	    &e), 0);
	assert_stage(id, "submitted");
}
END_TEST

START_TEST(test_equality_impact_guard)
{
	int64_t id = fx_add(fx.st, ENT_RECOMMENDATION, FX_VALS(
	    { "subgroup", "LCL" }, { "title", "T" }, { "term", "long" },
	    { "savings", "0" }, { "upfront-cost", "£5" }));
	struct err e;

	ck_assert_int_eq(store_advance(fx.st, id, "tested", 0, NULL, 0, &e), 0);
	ck_assert_int_eq(store_advance(fx.st, id, "submitted", 0, NULL, 0,
	    &e), -1);
	fx_assert_has(e.msg, "equality impact");
	fx_edit(fx.st, ENT_RECOMMENDATION, id, FX_VALS(
	    { "equality-impact", "Neutral for all groups" }));
	ck_assert_int_eq(store_advance(fx.st, id, "submitted", 0, NULL, 0,
	    &e), 0);
}
END_TEST

START_TEST(test_decision_guards)
{
	int64_t id = rec_at("submitted");
	int64_t cabinet = meeting("cabinet", "CC", "2012-02-20");
	int64_t other = meeting("assembly", "CG", "2012-01-17");
	int64_t assembly = meeting("assembly", "CC", "2012-01-17");
	struct store *sec = fx_open_as(FX_SECRETARY);
	struct err e;

	ck_assert_int_eq(store_advance(sec, id, "approved", 0, NULL, 0, &e),
	    -1);
	ck_assert_int_eq(e.code, ERR_GUARD);
	fx_assert_has(e.msg, "Assembly");
	ck_assert_int_eq(store_advance(sec, id, "approved", 0, NULL, cabinet,
	    &e), -1);
	fx_assert_has(e.msg, "Cabinet");
	ck_assert_int_eq(store_advance(sec, id, "approved", 0, NULL, other,
	    &e), -1);
	fx_assert_has(e.msg, "another commission");
	ck_assert_int_eq(store_advance(sec, id, "rejected", 0, NULL, assembly,
	    &e), -1);
	fx_assert_has(e.msg, "reason");
	ck_assert_int_eq(store_advance(sec, id, "approved", 0, "Agreed",
	    assembly, &e), 0);
	assert_stage(id, "approved");
	ck_assert_int_eq(fx_sql_intf("SELECT count(*) FROM decision WHERE "
	    "meeting_id = %lld AND recommendation_id = %lld AND outcome = "
	    "'approved'", (long long)assembly, (long long)id), 1);
	ck_assert_int_eq(fx_sql_intf("SELECT decision_id IS NOT NULL FROM "
	    "audit WHERE entity = 'recommendation' AND entity_id = %lld AND "
	    "action = 'advance'", (long long)id), 1);
}
END_TEST

START_TEST(test_existing_decision_must_agree)
{
	int64_t id = rec_at("submitted");
	int64_t assembly = meeting("assembly", "CC", "2012-01-17");
	char m[32], r[32];
	struct err e;

	snprintf(m, sizeof m, "%lld", (long long)assembly);
	snprintf(r, sizeof r, "%lld", (long long)id);
	fx_add(fx.st, ENT_DECISION, FX_VALS({ "meeting", m },
	    { "recommendation", r }, { "outcome", "deferred" }));
	ck_assert_int_eq(store_advance(fx.st, id, "approved", 0, NULL,
	    assembly, &e), -1);
	fx_assert_has(e.msg, "deferred");
	assert_stage(id, "submitted");
}
END_TEST

START_TEST(test_adoption_sets_target)
{
	int64_t id = rec_at("accepted");
	int64_t council = meeting("council", "CC", "2012-03-22");
	char *target;
	struct err e;

	ck_assert_int_eq(store_advance(fx.st, id, "adopted", 0, NULL, council,
	    &e), 0);
	target = fx_sql_textf("SELECT target_date FROM recommendation WHERE "
	    "id = %lld", (long long)id);
	ck_assert_str_eq(target, "2013-09-22");
	free(target);
	ck_assert_int_eq(fx_sql_intf("SELECT json_extract(changes, "
	    "'$.target[1]') = '2013-09-22' FROM audit WHERE action = 'advance' "
	    "AND entity_id = %lld", (long long)id), 1);
}
END_TEST

START_TEST(test_target_editable_after_adoption)
{
	int64_t id = rec_at("adopted");
	struct store *sec = fx_open_as(FX_SECRETARY);
	struct store *chair = fx_open_as(FX_LCL_CHAIR);
	struct err e;

	ck_assert_int_eq(store_update(sec, ENT_RECOMMENDATION, id, 0,
	    FX_VALS({ "target", "2014-01-31" }), &e), 0);
	ck_assert_int_eq(store_update(chair, ENT_RECOMMENDATION, id, 0,
	    FX_VALS({ "title", "Changed" }), &e), -1);
	fx_assert_has(e.msg, "can no longer be edited");
	ck_assert_int_eq(fx_sql_intf("SELECT count(*) FROM audit WHERE "
	    "entity_id = %lld AND action = 'update' AND json_extract(changes, "
	    "'$.target[1]') = '2014-01-31'", (long long)id), 1);
}
END_TEST

START_TEST(test_resubmission_links_referral)
{
	int64_t id = rec_at("submitted");
	int64_t assembly = meeting("assembly", "CC", "2012-01-17");
	struct err e;
	int64_t referral;

	ck_assert_int_eq(store_advance(fx.st, id, "referred_back", 0,
	    "Cost the volunteers", assembly, &e), 0);
	referral = fx_sql_intf("SELECT max(id) FROM audit WHERE action = "
	    "'advance' AND entity_id = %lld", (long long)id);
	ck_assert_int_eq(store_advance(fx.st, id, "tested", 0, NULL, 0, &e), 0);
	ck_assert_int_eq(store_advance(fx.st, id, "submitted", 0, NULL, 0, &e),
	    0);
	ck_assert_int_eq(fx_sql_intf("SELECT round FROM recommendation WHERE "
	    "id = %lld", (long long)id), 2);
	ck_assert_int_eq(fx_sql_intf("SELECT json_extract(changes, "
	    "'$.resubmits') FROM audit WHERE id = (SELECT max(id) FROM audit)"),
	    referral);
}
END_TEST

START_TEST(test_stale_version)
{
	int64_t id = rec_at("draft");
	int64_t v = fx_sql_intf("SELECT version FROM recommendation WHERE id = "
	    "%lld", (long long)id);
	struct store *chair = fx_open_as(FX_LCL_CHAIR);
	struct err e;

	fx_edit(fx.st, ENT_RECOMMENDATION, id, FX_VALS({ "title", "New" }));
	ck_assert_int_eq(store_advance(chair, id, "tested", v, NULL, 0, &e), -1);
	ck_assert_int_eq(e.code, ERR_CONFLICT);
	fx_assert_has(e.msg, FX_ADMIN_NAME);
	assert_stage(id, "draft");
	ck_assert_int_eq(store_advance(chair, id, "tested", v + 1, NULL, 0, &e),
	    0);
}
END_TEST

START_TEST(test_moves_explained)
{
	int64_t id = rec_at("draft");
	struct store *member = fx_open_as(FX_LCL_MEMBER);
	struct store_move *moves;
	size_t n, i, allowed = 0;
	struct err e;

	ck_assert_int_eq(store_moves(member, id, &moves, &n, &e), 0);
	ck_assert_uint_eq(n, 3);
	for (i = 0; i < n; i++) {
		if (strcmp(moves[i].t->to, "tested") == 0)
			ck_assert(moves[i].allowed);
		if (strcmp(moves[i].t->to, "submitted") == 0) {
			ck_assert(!moves[i].allowed);
			fx_assert_has(moves[i].why, "sub-group chair");
		}
		allowed += moves[i].allowed;
	}
	ck_assert_uint_eq(allowed, 1);
	store_moves_free(moves, n);
	id = rec_at("submitted");
	ck_assert_int_eq(store_moves(fx.st, id, &moves, &n, &e), 0);
	for (i = 0; i < n; i++)
		if (strcmp(moves[i].t->to, "rejected") == 0)
			fx_assert_has(moves[i].needs, "a reason");
	store_moves_free(moves, n);
}
END_TEST

START_TEST(test_unknown_stage_reported)
{
	int64_t id = rec_at("draft");
	struct store_move *moves;
	struct buf out;
	size_t n;
	struct err e;

	fx_sql("UPDATE recommendation SET stage = 'parked'");
	buf_init(&out);
	ck_assert_int_eq(store_check(fx.st, &out, &e), 1);
	fx_assert_has(buf_str(&out), "\"parked\"");
	buf_done(&out);
	ck_assert_int_eq(store_moves(fx.st, id, &moves, &n, &e), 0);
	ck_assert_uint_eq(n, 0);
	store_moves_free(moves, n);
	ck_assert_int_eq(store_advance(fx.st, id, "tested", 0, NULL, 0, &e),
	    -1);
	fx_assert_has(e.msg, "parked");
}
END_TEST

/*
 * Both children wait at the barrier, then advance the same version, or
 * (version 0, as coopcom advance without --expect-version) make the same
 * move.
 */
static int
racer(const char *login, int64_t id, int64_t version, int barrier)
{
	struct store_options o = { .path = fx.path, .login = login,
		.busy_ms = 5000, .workflow = fx.wf };
	struct store *st;
	struct err e;
	char go;
	int rc;

	if (store_open(&st, &o, &e) < 0)
		return 3;
	if (read(barrier, &go, 1) != 1)
		return 3;
	rc = store_advance(st, id, "tested", version, NULL, 0, &e);
	store_close(st);
	if (rc == 0)
		return 0;
	return e.code == ERR_CONFLICT ? 1 : 2;
}

START_TEST(test_race_one_wins)
{
	int64_t id = rec_at("draft");
	int64_t version = fx_sql_intf("SELECT version FROM recommendation "
	    "WHERE id = %lld", (long long)id);
	int p[2], status, wins = 0, conflicts = 0, i;
	pid_t kids[2];

	if (_i == 1)
		version = 0;
	fx_close(fx.st);
	ck_assert_int_eq(pipe(p), 0);
	for (i = 0; i < 2; i++) {
		if ((kids[i] = fork()) == 0) {
			close(p[1]);
			_exit(racer(i ? FX_LCL_CHAIR : FX_SECRETARY, id,
			    version, p[0]));
		}
	}
	close(p[0]);
	ck_assert_int_eq(write(p[1], "gg", 2), 2);
	close(p[1]);
	for (i = 0; i < 2; i++) {
		waitpid(kids[i], &status, 0);
		ck_assert(WIFEXITED(status));
		wins += WEXITSTATUS(status) == 0;
		conflicts += WEXITSTATUS(status) == 1;
	}
	ck_assert_int_eq(wins, 1);
	ck_assert_int_eq(conflicts, 1);
	ck_assert_int_eq(fx_sql_intf("SELECT count(*) FROM audit WHERE action "
	    "= 'advance' AND entity_id = %lld", (long long)id), 1);
	assert_stage(id, "tested");
}
END_TEST

Suite *
advance_suite(void)
{
	Suite *s = suite_create("advance");
	TCase *tc = tcase_create("advance");

	tcase_add_checked_fixture(tc, fx_setup_world, fx_teardown);
	tcase_add_loop_test(tc, test_who_may, 0,
	    sizeof who_cases / sizeof who_cases[0]);
	tcase_add_test(tc, test_refusal_names_who);
	tcase_add_test(tc, test_submission_guards);
	tcase_add_test(tc, test_equality_impact_guard);
	tcase_add_test(tc, test_decision_guards);
	tcase_add_test(tc, test_existing_decision_must_agree);
	tcase_add_test(tc, test_adoption_sets_target);
	tcase_add_test(tc, test_target_editable_after_adoption);
	tcase_add_test(tc, test_resubmission_links_referral);
	tcase_add_test(tc, test_stale_version);
	tcase_add_test(tc, test_moves_explained);
	tcase_add_test(tc, test_unknown_stage_reported);
	tcase_add_loop_test(tc, test_race_one_wins, 0, 2);
	suite_add_tcase(s, tc);
	return s;
}
