/*
 * test_activity.c: the audit timeline view (key 7: filters, title,
 * Enter) and the stuck-longest-first order (key s), driven by keys.
 *
 * The world is the store fixture's with three recommendations: CC-LCL-01
 * and CC-LCL-02 in draft since 2012-03-01 and 2012-02-01, CC-BRK-01
 * withdrawn (final) since 2012-01-01. Today is 2012-06-01, so the audit
 * entries the store writes are of that day; two more are written at
 * fixed times in 2011.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../check.h"
#include "../store/fixture.h"
#include "coopcom/core/date.h"
#include "coopcom/util/xalloc.h"
#include "coopcom/vm/app.h"
#include "keys.h"

static struct session session;
static struct app app;
static int64_t lcl2;

static int64_t
add(const char *sg, const char *title, const char *since)
{
	int64_t id = fx_add(fx.st, ENT_RECOMMENDATION, FX_VALS(
	    { "subgroup", sg }, { "title", title }));
	char *sql = x_printf("UPDATE recommendation SET stage_since = '%s' "
	    "WHERE id = %lld", since, (long long)id);

	fx_sql(sql);
	free(sql);
	return id;
}

static void
setup(void)
{
	char *sql;

	date_set_today((struct date){ 2012, 6, 1 });
	fx_setup_world();
	add("LCL", "Open libraries for longer", "2012-03-01 09:00:00");
	lcl2 = add("LCL", "Library volunteers", "2012-02-01 09:00:00");
	add("BRK", "Kerbside glass", "2012-01-01 09:00:00");
	fx_sql("UPDATE recommendation SET stage = 'withdrawn' WHERE ref = "
	    "'CC-BRK-01'");
	sql = x_printf("INSERT INTO audit(at, person_id, login, entity, "
	    "entity_id, action, prev_hash, hash) VALUES ('2011-10-05 "
	    "10:00:00', %lld, '" FX_LCL_CHAIR "', 'subgroup', %lld, 'update', "
	    "'test', 'test-1'), ('2011-10-06 10:00:00', %lld, '" FX_SECRETARY
	    "', 'commission', %lld, 'update', 'test', 'test-2')",
	    (long long)fx.lcl_chair, (long long)fx.lcl,
	    (long long)fx.secretary, (long long)fx.cc);
	fx_sql(sql);
	free(sql);
	keys_start(&app, &session, FX_SECRETARY, false);
	app_set_heights(&app, 10, 100, 20);
}

static const char *
cell(const struct listview *lv, int64_t row, const char *col)
{
	const char *v = listview_value(lv, row, col);

	ck_assert_msg(v != NULL, "row %lld of %s has no %s", (long long)row,
	    lv->list, col);
	return v;
}

START_TEST(test_stuck_toggle)
{
	struct listview *r = &app.lists[PANEL_RECOMMENDATIONS];
	char *words;

	keys_press(&app, "Tab Down Enter");
	ck_assert_int_eq(r->total, 2);
	ck_assert_str_eq(cell(r, 0, "ref"), "CC-LCL-01");
	ck_assert_str_eq(cell(r, 0, "days_in_stage"), "92");
	keys_press(&app, "s");
	ck_assert_str_eq(r->filter.sort, "stuck");
	ck_assert_str_eq(cell(r, 0, "ref"), "CC-LCL-02");
	ck_assert_str_eq(cell(r, 1, "ref"), "CC-LCL-01");
	words = views_filter_text(&app, &r->filter);
	ck_assert_str_eq(words, "stuck longest first");
	free(words);
	ck_assert_ptr_nonnull(strstr(app.message, "stuck longest first"));
	/* The board follows, but for its final columns. */
	keys_press(&app, "2");
	ck_assert_int_eq(app.view, VIEW_BOARD);
	ck_assert_str_eq(app.views.board.cols[0].lv.filter.sort, "stuck");
	ck_assert_ptr_null(app.views.board.cols[app.views.board.n - 1]
	    .lv.filter.sort);
	keys_press(&app, "s");
	ck_assert_ptr_null(r->filter.sort);
	ck_assert_ptr_null(app.views.board.cols[0].lv.filter.sort);
	/* Not in a view without recommendations. */
	keys_press(&app, "5 s");
	ck_assert(app.message_error);
	ck_assert_ptr_nonnull(strstr(app.message, "s sorts the "
	    "recommendations"));
}
END_TEST

START_TEST(test_detail_in_stage)
{
	char *text;

	keys_press(&app, "Tab Down Enter Down");
	ck_assert_int_eq(app.detail.id, lcl2);
	text = keys_lines(&app.detail.lines);
	fx_assert_has(text, "\n                In this stage since 2012-02-01 "
	    "(121 days)\n");
	free(text);
}
END_TEST

START_TEST(test_activity_view)
{
	struct listview *lv;
	int64_t all;

	keys_press(&app, "7");
	ck_assert_int_eq(app.view, VIEW_ACTIVITY);
	lv = app_current_list(&app);
	ck_assert_ptr_eq(lv, &app.activity.lv);
	all = lv->total;
	ck_assert_int_gt(all, 5);
	/* Newest first: the two of 2011 are the oldest (at the end). */
	keys_press(&app, "G");
	ck_assert_str_eq(cell(lv, all - 1, "at"), "2011-10-05 10:00:00");
	ck_assert_str_eq(cell(lv, all - 2, "at"), "2011-10-06 10:00:00");
	keys_press(&app, "g");
	ck_assert_str_eq(cell(lv, 0, "kind"), "recommendation");
	/* Person. */
	keys_press(&app, "f p");
	ck_assert_int_eq(app.prompt.kind, PROMPT_LINE);
	keys_type(&app, FX_LCL_CHAIR);
	keys_press(&app, "Enter");
	ck_assert_int_eq(lv->total, 1);
	ck_assert_str_eq(cell(lv, 0, "login"), FX_LCL_CHAIR);
	ck_assert_ptr_nonnull(strstr(app.message, "1 entry: person "
	    FX_LCL_CHAIR));
	/* Period: both days, then one (to today). */
	keys_press(&app, "c f d");
	keys_type(&app, "2011-10-06 2011-10-06");
	keys_press(&app, "Enter");
	ck_assert_int_eq(lv->total, 1);
	ck_assert_str_eq(cell(lv, 0, "login"), FX_SECRETARY);
	date_set_today((struct date){ 2011, 10, 31 });
	keys_press(&app, "f d");
	keys_press(&app, "C-u");
	keys_type(&app, "2011-10-05");
	keys_press(&app, "Enter");
	ck_assert_str_eq(lv->filter.from, "2011-10-05");
	ck_assert_ptr_null(lv->filter.to);
	ck_assert_int_eq(lv->total, 2);
	ck_assert_ptr_nonnull(strstr(app.message, "2011-10-05 to today"));
	/* Clear. */
	date_set_today((struct date){ 2012, 6, 1 });
	keys_press(&app, "c");
	ck_assert_int_eq(lv->total, all);
}
END_TEST

/* Refusals keep the filters that were on, and say what is wrong. */
static const struct {
	const char *menu, *typed, *want;
} refusals[] = {
	{ "p", "zed", "there is no person \"zed\"" },
	{ "s", "NOPE", "there is no subgroup \"NOPE\"" },
	{ "d", "2011-13-01", "the month must be 01 to 12" },
	{ "d", "2011-10-06 2011-10-05", "the period runs backwards" },
	{ "d", "2011-10-05 2011-10-06 2011-10-07", "a period is one or two "
	    "days" },
};

START_TEST(test_activity_refusals)
{
	struct listview *lv = &app.activity.lv;
	char *keys = x_printf("7 f %s", refusals[_i].menu);
	int64_t all;

	keys_press(&app, keys);
	free(keys);
	all = lv->total;
	keys_type(&app, refusals[_i].typed);
	keys_press(&app, "Enter");
	ck_assert(app.message_error);
	ck_assert_msg(strstr(app.message, refusals[_i].want) != NULL, "%s",
	    app.message);
	ck_assert_int_eq(lv->total, all);
	ck_assert_ptr_null(lv->filter.from);
	ck_assert_ptr_null(lv->filter.subgroup);
	ck_assert_int_eq(lv->filter.person, 0);
}
END_TEST

START_TEST(test_activity_sub_group_and_open)
{
	struct listview *lv = &app.activity.lv;
	char *title;

	keys_press(&app, "7 f s");
	keys_type(&app, "CC-LCL");
	keys_press(&app, "Enter");
	ck_assert_str_eq(lv->filter.subgroup, "CC-LCL");
	title = activity_title(&app);
	ck_assert_str_eq(title, "Who changed what, newest first: sub-group "
	    "CC-LCL");
	free(title);
	ck_assert_str_eq(cell(lv, 0, "subgroup"), "LCL");
	ck_assert_str_eq(cell(lv, lv->total - 1, "kind"), "subgroup");
	/* Enter on a recommendation's entry opens it in the detail. */
	ck_assert_int_eq(strtoll(cell(lv, 0, "recommendation"), NULL, 10),
	    lcl2);
	keys_press(&app, "Enter");
	ck_assert_int_eq(app.view, VIEW_MAIN);
	ck_assert_int_eq(app.focus, PANEL_DETAIL);
	ck_assert_int_eq(app.detail.id, lcl2);
	/* An entry about no recommendation says so. */
	keys_press(&app, "7 G Enter");
	ck_assert_int_eq(app.view, VIEW_ACTIVITY);
	ck_assert(app.message_error);
	ck_assert_ptr_nonnull(strstr(app.message, "about a subgroup"));
}
END_TEST

Suite *
activity_suite(void)
{
	Suite *s = suite_create("activityview");
	TCase *tc = tcase_create("activityview");

	tcase_add_checked_fixture(tc, setup, keys_teardown);
	tcase_add_test(tc, test_stuck_toggle);
	tcase_add_test(tc, test_detail_in_stage);
	tcase_add_test(tc, test_activity_view);
	tcase_add_loop_test(tc, test_activity_refusals, 0,
	    sizeof refusals / sizeof refusals[0]);
	tcase_add_test(tc, test_activity_sub_group_and_open);
	suite_add_tcase(s, tc);
	return s;
}
