/*
 * test_impact.c: the integrated impact assessment in the store: ratings
 * set and changed with versions and audit, who may rate at which stage,
 * and the matrix of where negative ratings accumulate.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "../check.h"
#include "coopcom/store/impact.h"
#include "fixture.h"

static int64_t
rec_at(const char *title, const char *stage)
{
	int64_t id = fx_add(fx.st, ENT_RECOMMENDATION, FX_VALS(
	    { "subgroup", "CC-LCL" }, { "title", title }));

	fx_sql_intf("UPDATE recommendation SET stage = '%s' WHERE id = %lld "
	    "RETURNING id", stage, (long long)id);
	return id;
}

static void
rate(struct store *st, int64_t rec, const char *heading,
    enum impact_rating r, const char *comment)
{
	struct err e;
	int h = impact_heading_find(heading, &e);

	ck_assert_int_ge(h, 0);
	ck_assert_msg(store_impact_set(st, rec, (size_t)h, r, comment, 0,
	    &e) == 0, "%s", e.msg);
}

START_TEST(test_set_and_get)
{
	struct store_impact grid[IMPACT_HEADINGS];
	int64_t rec = rec_at("Open on Sundays", "draft");
	int64_t audits = fx_audit_count();
	struct err e;

	rate(fx.st, rec, "finance", IMPACT_POSITIVE, "Saves £15,000");
	rate(fx.st, rec, "cohesion", IMPACT_NEGATIVE, "Fewer staffed hours");
	/* The same again writes nothing; a NULL comment keeps it. */
	rate(fx.st, rec, "finance", IMPACT_POSITIVE, "Saves £15,000");
	rate(fx.st, rec, "cohesion", IMPACT_NEUTRAL, NULL);
	ck_assert_int_eq(fx_audit_count(), audits + 3);
	ck_assert_int_eq(store_impact_get(fx.st, rec, grid, &e), 0);
	ck_assert_int_eq(grid[0].rating, IMPACT_POSITIVE);
	ck_assert_str_eq(grid[0].comment, "Saves £15,000");
	ck_assert_int_eq(grid[0].version, 1);
	ck_assert_int_eq(grid[9].rating, IMPACT_NEUTRAL);
	ck_assert_str_eq(grid[9].comment, "Fewer staffed hours");
	ck_assert_int_eq(grid[9].version, 2);
	ck_assert_int_eq(grid[18].rating, IMPACT_UNRATED);
	ck_assert_str_eq(grid[18].comment, "");
	store_impact_free(grid);
	/* The change shows in the recommendation's history. */
	ck_assert_int_eq(fx_sql_intf("SELECT count(*) FROM audit WHERE entity "
	    "= 'recommendation' AND entity_id = %lld AND action = 'impact' AND "
	    "json_extract(changes, '$.rating[0]') = 'negative' AND "
	    "json_extract(changes, '$.rating[1]') = 'neutral'",
	    (long long)rec), 1);
}
END_TEST

START_TEST(test_versions)
{
	int64_t rec = rec_at("Open on Sundays", "draft");
	struct err e;

	rate(fx.st, rec, "risk", IMPACT_NEUTRAL, "Low");
	ck_assert_int_eq(store_impact_set(fx.st, rec, 18, IMPACT_NEGATIVE,
	    "High", 1, &e), 0);
	/* Someone started from version 1 too: refused, naming who. */
	ck_assert_int_eq(store_impact_set(fx.st, rec, 18, IMPACT_POSITIVE,
	    "None", 1, &e), -1);
	ck_assert_int_eq(e.code, ERR_CONFLICT);
	fx_assert_has(e.msg, FX_ADMIN_NAME);
	ck_assert_int_eq(store_impact_set(fx.st, rec, 19, IMPACT_POSITIVE,
	    "", 0, &e), -1);
	ck_assert_int_eq(store_impact_set(fx.st, rec, 0, IMPACT_UNRATED,
	    "", 0, &e), -1);
}
END_TEST

START_TEST(test_rights)
{
	struct store *chair = fx_open_as(FX_LCL_CHAIR);
	struct store *sec = fx_open_as(FX_SECRETARY);
	struct store *other = fx_open_as(FX_BRK_CHAIR);
	int64_t draft = rec_at("Draft", "draft");
	int64_t approved = rec_at("Approved", "approved");
	struct err e;

	rate(chair, draft, "ict", IMPACT_NEUTRAL, "");
	ck_assert_int_eq(store_impact_set(other, draft, 2, IMPACT_NEGATIVE,
	    "", 0, &e), -1);
	ck_assert_int_eq(e.code, ERR_DENIED);
	/* Past the editable stages: the secretary, not the sub-group. */
	ck_assert_int_eq(store_impact_set(chair, approved, 2, IMPACT_NEGATIVE,
	    "", 0, &e), -1);
	ck_assert_int_eq(e.code, ERR_DENIED);
	fx_assert_has(e.msg, "secretary");
	rate(sec, approved, "ict", IMPACT_NEGATIVE, "New servers");
	rate(fx.st, approved, "waste", IMPACT_POSITIVE, "");
}
END_TEST

START_TEST(test_matrix)
{
	struct store_impact_count m[IMPACT_HEADINGS];
	int64_t a = rec_at("One", "approved"), b = rec_at("Two", "in_report");
	int64_t c = rec_at("Three", "draft");
	int64_t recs;
	struct err e;

	rate(fx.st, a, "pollution", IMPACT_NEGATIVE, "");
	rate(fx.st, b, "pollution", IMPACT_NEGATIVE, "");
	rate(fx.st, c, "pollution", IMPACT_NEGATIVE, "");
	rate(fx.st, b, "finance", IMPACT_POSITIVE, "");
	ck_assert_int_eq(store_impact_matrix(fx.st, 0, false, m, &recs, &e),
	    0);
	ck_assert_int_eq(recs, 3);
	ck_assert_int_eq(m[15].count[IMPACT_NEGATIVE], 3);
	ck_assert_str_eq(m[15].negative, "CC-LCL-01 CC-LCL-02 CC-LCL-03");
	ck_assert_int_eq(m[0].count[IMPACT_POSITIVE], 1);
	ck_assert_int_eq(m[0].count[IMPACT_UNRATED], 2);
	ck_assert_str_eq(m[0].negative, "");
	store_impact_matrix_free(m);
	/* Only those in the report to Cabinet. */
	ck_assert_int_eq(store_impact_matrix(fx.st, fx.cc, true, m, &recs, &e),
	    0);
	ck_assert_int_eq(recs, 2);
	ck_assert_int_eq(m[15].count[IMPACT_NEGATIVE], 2);
	ck_assert_str_eq(m[15].negative, "CC-LCL-01 CC-LCL-02");
	store_impact_matrix_free(m);
}
END_TEST

Suite *
store_impact_suite(void)
{
	Suite *s = suite_create("store_impact");
	TCase *tc = tcase_create("impact");

	tcase_add_checked_fixture(tc, fx_setup_world, fx_teardown);
	tcase_add_test(tc, test_set_and_get);
	tcase_add_test(tc, test_versions);
	tcase_add_test(tc, test_rights);
	tcase_add_test(tc, test_matrix);
	suite_add_tcase(s, tc);
	return s;
}
