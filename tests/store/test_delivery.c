/*
 * test_delivery.c: progress updates, delivery fields and the "delivery"
 * list's red/amber/green at boundary dates.
 */
#include <check.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "../check.h"
#include "coopcom/core/date.h"
#include "coopcom/store/delivery.h"
#include "coopcom/store/list.h"
#include "coopcom/util/xalloc.h"
#include "fixture.h"

/* A recommendation of CC-LCL, put at STAGE by hand, due on TARGET. */
static int64_t
rec_at(const char *stage, const char *target)
{
	int64_t id = fx_add(fx.st, ENT_RECOMMENDATION, FX_VALS(
	    { "subgroup", "CC-LCL" }, { "title", "Open on Sundays" }));

	char *sql = x_printf("UPDATE recommendation SET stage = '%s', "
	    "target_date = %s%s%s WHERE id = %" PRId64, stage,
	    target ? "'" : "", target ? target : "NULL", target ? "'" : "",
	    id);

	fx_sql(sql);
	free(sql);
	return id;
}

static void
today(const char *iso)
{
	struct date d;
	struct err e;

	ck_assert_int_eq(date_parse_iso(iso, &d, &e), 0);
	date_set_today(d);
}

static int
update_as(const char *login, int64_t id, const char *pct, const char *note,
    struct err *e)
{
	struct store *st = strcmp(login, FX_ADMIN) == 0 ? fx.st :
	    fx_open_as(login);

	err_clear(e);
	return store_progress_update(st, id, 0, pct, note, e);
}

static int64_t
updates(int64_t id)
{
	return fx_sql_intf("SELECT count(*) FROM progress_update WHERE "
	    "recommendation_id = %" PRId64, id);
}

START_TEST(test_update_writes)
{
	int64_t id = rec_at("adopted", "2013-06-30"), audits;
	struct err e;
	char *s, *want;

	today("2013-05-01");
	audits = fx_audit_count();
	ck_assert_int_eq(update_as(FX_LCL_MEMBER, id, "40%", "Board set up",
	    &e), 0);
	s = fx_sql_textf("SELECT at || ' ' || percent_complete || ' ' || note "
	    "|| ' ' || person_id FROM progress_update WHERE "
	    "recommendation_id = %" PRId64, id);
	want = x_printf("2013-05-01 40 Board set up %" PRId64, fx.lcl_member);
	ck_assert_str_eq(s, want);
	free(want);
	free(s);
	ck_assert_int_eq(fx_sql_intf("SELECT percent_complete FROM "
	    "recommendation WHERE id = %" PRId64, id), 40);
	ck_assert_int_eq(fx_sql_intf("SELECT version FROM recommendation "
	    "WHERE id = %" PRId64, id), 2);
	ck_assert_int_eq(fx_audit_count(), audits + 1);
	s = fx_sql_text("SELECT action || ' ' || note || ' ' || changes FROM "
	    "audit ORDER BY id DESC LIMIT 1");
	ck_assert_str_eq(s, "progress Board set up {\"percent\":[null,\"40\"],"
	    "\"progress_update\":1}");
	free(s);
	/* A note alone keeps the percent. */
	ck_assert_int_eq(update_as(FX_SECRETARY, id, NULL, "Waiting on the "
	    "lease", &e), 0);
	ck_assert_int_eq(fx_sql_intf("SELECT percent_complete FROM "
	    "recommendation WHERE id = %" PRId64, id), 40);
	ck_assert_int_eq(updates(id), 2);
}
END_TEST

static const struct {
	const char *login;
	int ok;
} who_cases[] = {
	{ FX_ADMIN, 1 },
	{ FX_SECRETARY, 1 },
	{ FX_LCL_CHAIR, 1 },
	{ FX_LCL_MEMBER, 1 },
	{ FX_BRK_CHAIR, 0 },
	{ FX_OBSERVER, 0 },
	{ FX_CITIZEN, 0 },
	{ FX_NOBODY, 0 },
};

START_TEST(test_update_who)
{
	int64_t id = rec_at("in_delivery", "2013-06-30");
	struct err e;
	int rc = update_as(who_cases[_i].login, id, "10", NULL, &e);

	if (who_cases[_i].ok) {
		ck_assert_msg(rc == 0, "%s: %s", who_cases[_i].login, e.msg);
		ck_assert_int_eq(updates(id), 1);
		return;
	}
	ck_assert_int_eq(rc, -1);
	ck_assert_int_eq(e.code, ERR_DENIED);
	ck_assert_int_eq(updates(id), 0);
	if (strcmp(who_cases[_i].login, FX_NOBODY) == 0) {
		fx_assert_has(e.msg, "not a person in this database");
		return;
	}
	fx_assert_has(e.msg, "only the responsible person, the accountable "
	    "person, a member of sub-group CC-LCL, the commission's secretary "
	    "or an administrator can record progress on CC-LCL-01");
}
END_TEST

/* Named responsible or accountable, one outside the sub-group may. */
START_TEST(test_update_raci)
{
	int64_t id = rec_at("adopted", "2013-06-30");
	struct err e;

	ck_assert_int_eq(update_as(FX_BRK_CHAIR, id, "5", NULL, &e), -1);
	fx_assert_has(e.msg, "you (brkchair) are none of these");
	fx_edit(fx.st, ENT_RECOMMENDATION, id, FX_VALS(
	    { "responsible", FX_BRK_CHAIR }, { "accountable", FX_OBSERVER }));
	ck_assert_int_eq(update_as(FX_BRK_CHAIR, id, "5", NULL, &e), 0);
	ck_assert_int_eq(update_as(FX_OBSERVER, id, NULL, "checked", &e), 0);
	ck_assert_int_eq(update_as(FX_CITIZEN, id, "6", NULL, &e), -1);
	fx_assert_has(e.msg, "the responsible person (" FX_BRK_CHAIR_NAME
	    "), the accountable person (" FX_OBSERVER_NAME ")");
}
END_TEST

START_TEST(test_update_refused)
{
	int64_t draft = rec_at("draft", NULL);
	int64_t id = rec_at("adopted", "2013-06-30"), audits = fx_audit_count();
	struct err e;

	ck_assert_int_eq(update_as(FX_ADMIN, id, NULL, "  ", &e), -1);
	ck_assert_int_eq(e.code, ERR_INVALID);
	fx_assert_has(e.msg, "a percent complete, a note, or both");
	ck_assert_int_eq(update_as(FX_ADMIN, id, "101", NULL, &e), -1);
	ck_assert_int_eq(e.code, ERR_INVALID);
	fx_assert_has(e.msg, "from 0 to 100");
	ck_assert_int_eq(update_as(FX_ADMIN, id, "-3", "x", &e), -1);
	ck_assert_int_eq(e.code, ERR_INVALID);
	ck_assert_int_eq(update_as(FX_ADMIN, draft, "10", NULL, &e), -1);
	ck_assert_int_eq(e.code, ERR_GUARD);
	fx_assert_has(e.msg, "CC-LCL-01 is at the stage \"Draft\": progress is "
	    "recorded only once it is adopted, at: Adopted by full Council, "
	    "In delivery, Delivered");
	ck_assert_int_eq(updates(id) + updates(draft), 0);
	ck_assert_int_eq(fx_audit_count(), audits);
}
END_TEST

START_TEST(test_update_stale_version)
{
	int64_t id = rec_at("adopted", "2013-06-30");
	struct err e;

	fx_edit(fx.st, ENT_RECOMMENDATION, id, FX_VALS({ "revised",
	    "2013-09-30" }));
	err_clear(&e);
	ck_assert_int_eq(store_progress_update(fx_open_as(FX_LCL_CHAIR), id,
	    1, "50", "late", &e), -1);
	ck_assert_int_eq(e.code, ERR_CONFLICT);
	fx_assert_has(e.msg, "was changed by " FX_ADMIN_NAME);
	fx_assert_has(e.msg, "nothing was saved");
	ck_assert_int_eq(updates(id), 0);
	ck_assert_int_eq(store_progress_update(fx.st, id, 2, "50", NULL, &e),
	    0);
}
END_TEST

/* A failing audit append leaves no update and no new percent. */
START_TEST(test_update_atomic)
{
	int64_t id = rec_at("adopted", "2013-06-30");
	struct err e;

	fx_sql("CREATE TRIGGER no_audit BEFORE INSERT ON audit BEGIN "
	    "SELECT RAISE(ABORT, 'audit refused'); END");
	ck_assert_int_eq(update_as(FX_ADMIN, id, "70", "nearly", &e), -1);
	ck_assert_int_eq(updates(id), 0);
	ck_assert_int_eq(fx_sql_intf("SELECT coalesce(percent_complete, -1) "
	    "FROM recommendation WHERE id = %" PRId64, id), -1);
	ck_assert_int_eq(fx_sql_intf("SELECT version FROM recommendation "
	    "WHERE id = %" PRId64, id), 1);
}
END_TEST

START_TEST(test_delivery_fields)
{
	int64_t draft = rec_at("draft", NULL);
	int64_t id = rec_at("in_delivery", "2013-06-30");
	struct err e;
	int64_t out;

	err_clear(&e);
	ck_assert_int_eq(store_update(fx.st, ENT_RECOMMENDATION, draft, 0,
	    FX_VALS({ "responsible", FX_LCL_CHAIR }), &e), -1);
	ck_assert_int_eq(e.code, ERR_GUARD);
	fx_assert_has(e.msg, "Responsible is for tracking delivery, which "
	    "starts once a recommendation is adopted; CC-LCL-01 is at "
	    "\"Draft\"");
	ck_assert_int_eq(store_create(fx.st, ENT_RECOMMENDATION, FX_VALS(
	    { "subgroup", "CC-LCL" }, { "title", "x" }, { "revised",
	    "2013-01-01" }), &out, &e), -1);
	fx_assert_has(e.msg, "a new recommendation is at \"Draft\"");
	fx_edit(fx.st, ENT_RECOMMENDATION, id, FX_VALS(
	    { "revised", "2013-09-30" }, { "percent", "35 %" },
	    { "responsible", FX_LCL_CHAIR }, { "consulted", "Citizens' Group" },
	    { "informed", "Ward members" }));
	ck_assert_int_eq(fx_sql_intf("SELECT percent_complete FROM "
	    "recommendation WHERE id = %" PRId64, id), 35);
	ck_assert_int_eq(fx_sql_intf("SELECT responsible_id FROM "
	    "recommendation WHERE id = %" PRId64, id), fx.lcl_chair);
	ck_assert_int_eq(store_update(fx.st, ENT_RECOMMENDATION, id, 0,
	    FX_VALS({ "percent", "110" }), &e), -1);
	fx_assert_has(e.msg, "Percent done: \"110\" is not a percentage");
	ck_assert_int_eq(store_update(fx.st, ENT_RECOMMENDATION, id, 0,
	    FX_VALS({ "title", "Another" }), &e), -1);
	fx_assert_has(e.msg, "only its target date and delivery fields can");
}
END_TEST

/* The row of recommendation ID in the delivery list: its rag and stale. */
static void
delivery_row(int64_t id, const char *rag, int stale)
{
	struct list_filter f = { 0 };
	struct store_cursor *c;
	struct err e;
	int rc, found = 0;

	err_clear(&e);
	ck_assert_int_eq(store_list_open(fx.st, "delivery", &f, &c, &e), 0);
	while ((rc = store_cursor_next(c, &e)) == 1) {
		if (strtoll(store_cursor_text(c, 0), NULL, 10) != id)
			continue;
		found = 1;
		ck_assert_str_eq(store_cursor_text(c, store_cursor_column(c,
		    "rag")), rag);
		ck_assert_int_eq(atoi(store_cursor_text(c,
		    store_cursor_column(c, "stale"))), stale);
	}
	ck_assert_int_eq(rc, 0);
	store_cursor_close(c);
	ck_assert_msg(found, "recommendation %" PRId64 " not listed", id);
}

/* Target 2013-06-30, last update 2013-05-01; amber 30, stale 60 days. */
static const struct {
	const char *today;
	const char *rag;
	int stale;
} boundary[] = {
	{ "2013-05-30", "green", 0 },	/* due in 31 days */
	{ "2013-05-31", "amber", 0 },	/* due in 30 */
	{ "2013-06-30", "amber", 0 },	/* due today; update 60 days old */
	{ "2013-07-01", "red", 1 },	/* a day late; 61 days */
};

START_TEST(test_rag_boundaries)
{
	int64_t id = rec_at("in_delivery", "2013-06-30");
	struct err e;

	today("2013-05-01");
	ck_assert_int_eq(update_as(FX_ADMIN, id, "20", NULL, &e), 0);
	today(boundary[_i].today);
	delivery_row(id, boundary[_i].rag, boundary[_i].stale);
}
END_TEST

START_TEST(test_rag_rules_and_done)
{
	int64_t id = rec_at("in_delivery", "2013-06-30");
	int64_t none = rec_at("adopted", NULL);
	struct rag_result r;
	struct err e;
	char why[160];

	today("2013-05-01");
	ck_assert_int_eq(update_as(FX_ADMIN, none, NULL, "started", &e), 0);
	ck_assert_int_eq(update_as(FX_ADMIN, id, "20", NULL, &e), 0);
	today("2013-05-30");
	delivery_row(id, "green", 0);
	delivery_row(none, "none", 0);
	store_set_rag_rules(fx.st, &(struct rag_rules){ 31, 10 });
	delivery_row(id, "amber", 1);
	delivery_row(none, "amber", 1);
	ck_assert_int_eq(store_delivery_rag(fx.st, id, &r, &e), 0);
	rag_explain(r, why, sizeof why);
	ck_assert_str_eq(why, "due in 31 days; no update for 29 days");
	fx_edit(fx.st, ENT_RECOMMENDATION, id, FX_VALS({ "actual",
	    "2013-05-20" }));
	delivery_row(id, "done", 0);
}
END_TEST

static char *
column_of(const char *list, const struct list_filter *f, const char *col)
{
	struct store_cursor *c;
	struct buf b;
	struct err e;
	int rc;

	err_clear(&e);
	buf_init(&b);
	ck_assert_int_eq(store_list_open(fx.st, list, f, &c, &e), 0);
	while ((rc = store_cursor_next(c, &e)) == 1) {
		buf_printf(&b, "%s%s", b.len ? " " : "",
		    store_cursor_text(c, store_cursor_column(c, col)));
	}
	ck_assert_int_eq(rc, 0);
	store_cursor_close(c);
	return buf_steal(&b);
}

START_TEST(test_delivery_list)
{
	int64_t green = rec_at("adopted", "2014-01-01");
	int64_t red = rec_at("in_delivery", "2013-01-01");
	int64_t done = rec_at("delivered", "2013-01-01");
	struct list_filter f = { 0 };
	struct err e;
	int64_t n;
	char *s;

	rec_at("approved", "2013-01-01");	/* not adopted: not listed */
	today("2013-05-01");
	ck_assert_int_eq(update_as(FX_ADMIN, green, "10", NULL, &e), 0);
	ck_assert_int_eq(update_as(FX_ADMIN, red, "10", NULL, &e), 0);
	fx_edit(fx.st, ENT_RECOMMENDATION, done, FX_VALS({ "actual",
	    "2013-02-01" }));
	s = column_of("delivery", &f, "rag");
	ck_assert_str_eq(s, "red green done");
	free(s);
	f.rag = "green";
	s = column_of("delivery", &f, "ref");
	ck_assert_str_eq(s, "CC-LCL-01");
	free(s);
	f.rag = "purple";
	err_clear(&e);
	ck_assert_int_eq(store_list_count(fx.st, "delivery", &f, &n, &e), -1);
	fx_assert_has(e.msg, "use red, amber, green, none or done");
	f.rag = NULL;
	f.subgroup = "CC-BRK";
	ck_assert_int_eq(store_list_count(fx.st, "delivery", &f, &n, &e), 0);
	ck_assert_int_eq(n, 0);
}
END_TEST

START_TEST(test_updates_list)
{
	int64_t id = rec_at("adopted", "2014-01-01");
	struct list_filter f = { .record = id };
	struct err e;
	char *s;

	today("2013-03-01");
	ck_assert_int_eq(update_as(FX_LCL_CHAIR, id, "10", "first", &e), 0);
	today("2013-04-01");
	ck_assert_int_eq(update_as(FX_LCL_MEMBER, id, NULL, "second", &e), 0);
	s = column_of("updates", &f, "note");
	ck_assert_str_eq(s, "second first");
	free(s);
	s = column_of("updates", &f, "login");
	ck_assert_str_eq(s, FX_LCL_MEMBER " " FX_LCL_CHAIR);
	free(s);
}
END_TEST

Suite *
delivery_suite(void)
{
	Suite *s = suite_create("delivery");
	TCase *tc = tcase_create("store");

	tcase_add_checked_fixture(tc, fx_setup_world, fx_teardown);
	tcase_add_test(tc, test_update_writes);
	tcase_add_loop_test(tc, test_update_who, 0,
	    sizeof who_cases / sizeof who_cases[0]);
	tcase_add_test(tc, test_update_raci);
	tcase_add_test(tc, test_update_refused);
	tcase_add_test(tc, test_update_stale_version);
	tcase_add_test(tc, test_update_atomic);
	tcase_add_test(tc, test_delivery_fields);
	tcase_add_loop_test(tc, test_rag_boundaries, 0,
	    sizeof boundary / sizeof boundary[0]);
	tcase_add_test(tc, test_rag_rules_and_done);
	tcase_add_test(tc, test_delivery_list);
	tcase_add_test(tc, test_updates_list);
	suite_add_tcase(s, tc);
	return s;
}
