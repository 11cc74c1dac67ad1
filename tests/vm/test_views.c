/*
 * test_views.c: the stage board, my work, filters, the status line and
 * the detail's history, driven as a person would (actions and keys into
 * an app on a fresh database) and checked by the app's state.
 *
 * The world is the store fixture's (CC with sub-groups LCL and BRK, a
 * person per role) with five recommendations:
 *
 *   CC-LCL-01  draft          target 2012-01-01 (overdue)
 *   CC-LCL-02  submitted
 *   CC-LCL-03  referred_back  by the Assembly of 2011-12-14, with a note
 *   CC-BRK-01  tested         term short
 *   CC-BRK-02  withdrawn      target 2012-01-01 (final: not overdue)
 *
 * Today is 2012-06-01 and the time zone UTC, so dates and times are the
 * same everywhere.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../check.h"
#include "../store/fixture.h"
#include "coopcom/core/date.h"
#include "coopcom/util/xalloc.h"
#include "coopcom/vm/app.h"
#include "keys.h"

static struct session session;
static struct app app;
static int64_t lcl1, lcl2, lcl3, brk1, brk2;

static int64_t
add_recommendation(const char *sg, const char *title)
{
	return fx_add(fx.st, ENT_RECOMMENDATION, FX_VALS({ "subgroup", sg },
	    { "title", title }, { "term", "medium" }, { "savings", "1000" },
	    { "upfront-cost", "0" }));
}

static void
advance(const char *login, int64_t id, const char *to, const char *note,
    int64_t meeting)
{
	struct store *st = fx_open_as(login);
	struct err e;

	err_clear(&e);
	ck_assert_msg(store_advance(st, id, to, 0, note, meeting, &e) == 0,
	    "%s moving %lld to %s: %s", login, (long long)id, to, e.msg);
	fx_close(st);
}

static void
setup(void)
{
	int64_t assembly;

	setenv("TZ", "UTC", 1);
	tzset();
	fx_setup_world();
	date_set_today((struct date){ 2012, 6, 1 });
	lcl1 = add_recommendation("LCL", "Open libraries for longer");
	lcl2 = add_recommendation("LCL", "Library volunteers");
	lcl3 = add_recommendation("LCL", "A mobile library");
	brk1 = add_recommendation("BRK", "Kerbside glass collection");
	brk2 = add_recommendation("BRK", "Café culture in parks");
	fx_edit(fx.st, ENT_RECOMMENDATION, brk1, FX_VALS({ "term", "short" }));
	fx_edit(fx.st, ENT_RECOMMENDATION, lcl3, FX_VALS(
	    { "title", "A mobile library for the villages" }));
	assembly = fx_add(fx.st, ENT_MEETING, FX_VALS({ "body", "assembly" },
	    { "commission", "CC" }, { "date", "2011-12-14" }));
	advance(FX_LCL_CHAIR, lcl2, "submitted", NULL, 0);
	advance(FX_LCL_CHAIR, lcl3, "submitted", NULL, 0);
	advance(FX_SECRETARY, lcl3, "referred_back", "More evidence, please",
	    assembly);
	advance(FX_BRK_CHAIR, brk1, "tested", NULL, 0);
	advance(FX_BRK_CHAIR, brk2, "withdrawn", NULL, 0);
	fx_sql("UPDATE recommendation SET target_date = '2012-01-01' "
	    "WHERE ref IN ('CC-LCL-01', 'CC-BRK-02')");
}

/* The app as LOGIN, on a screen with room for 10 rows a list. */
static void
start_as(const char *login)
{
	keys_start(&app, &session, login, false);
	app_set_heights(&app, 10, 60, 20);
}

static void
press(const char *keys)
{
	keys_press(&app, keys);
}

/* The board column of stage ID. */
static struct board_column *
column(const char *id)
{
	size_t i;

	for (i = 0; i < app.views.board.n; i++)
		if (strcmp(app.views.board.cols[i].stage->id, id) == 0)
			return &app.views.board.cols[i];
	ck_abort_msg("no board column %s", id);
	return NULL;
}

/* Whether row ROW of LV is the recommendation REF. */
static const char *
ref_at(const struct listview *lv, int64_t row)
{
	const char *ref = listview_value(lv, row, "ref");

	ck_assert_msg(ref != NULL, "row %lld of %s not loaded", (long long)row,
	    lv->list);
	return ref;
}

/* The detail's lines as one text, a line per '\n'. */
static char *
detail_text(void)
{
	return keys_lines(&app.detail.lines);
}

START_TEST(test_board_columns)
{
	static const char *const open[] = { "draft", "tested", "submitted",
		"approved", "referred_back", "in_report", "accepted",
		"adopted", "in_delivery" };
	struct board *b = &app.views.board;
	size_t i;

	start_as(FX_SECRETARY);
	press("2");
	ck_assert_int_eq(app.view, VIEW_BOARD);
	ck_assert_uint_eq(b->n, 13);
	ck_assert_uint_eq(b->nopen, 9);
	for (i = 0; i < 9; i++)
		ck_assert_str_eq(b->cols[i].stage->id, open[i]);
	for (i = 9; i < b->n; i++)
		ck_assert(b->cols[i].stage->final);
	ck_assert_int_eq(column("draft")->lv.total, 1);
	ck_assert_str_eq(ref_at(&column("draft")->lv, 0), "CC-LCL-01");
	ck_assert_int_eq(column("submitted")->lv.total, 1);
	ck_assert_int_eq(column("referred_back")->lv.total, 1);
	ck_assert_int_eq(column("tested")->lv.total, 1);
	ck_assert_int_eq(column("withdrawn")->lv.total, 1);
	ck_assert_int_eq(column("approved")->lv.total, 0);
	ck_assert_uint_eq(views_board_shown(&app), 9);
	press("F");
	ck_assert_uint_eq(views_board_shown(&app), 13);
	press("F");
	ck_assert_uint_eq(views_board_shown(&app), 9);
}
END_TEST

START_TEST(test_board_scrolls_sideways)
{
	struct board *b = &app.views.board;

	start_as(FX_SECRETARY);
	press("2");
	views_board_fit(&app, 3);
	press("Right Right Right Right");
	ck_assert_uint_eq(b->focus, 4);
	ck_assert_uint_eq(b->first, 2);
	press("Left Left Left");
	ck_assert_uint_eq(b->focus, 1);
	ck_assert_uint_eq(b->first, 1);
	press("Left Left Left");
	ck_assert_uint_eq(b->focus, 0);
	ck_assert_uint_eq(b->first, 0);
	press("End Right Right Right Right Right Right Right Right Right");
	ck_assert_uint_eq(b->focus, 8);
	ck_assert_uint_eq(b->first, 6);
	press("F");
	press("Right Right Right Right");
	ck_assert_uint_eq(b->focus, 12);
	ck_assert_uint_eq(b->first, 10);
	/* Hiding the final stages brings the cursor back to an open one. */
	press("F");
	ck_assert_uint_eq(b->focus, 8);
}
END_TEST

START_TEST(test_board_opens_in_detail)
{
	start_as(FX_SECRETARY);
	press("2 Right Right Right Right");
	ck_assert_str_eq(app.views.board.cols[app.views.board.focus].stage->id,
	    "referred_back");
	press("Enter");
	ck_assert_int_eq(app.view, VIEW_MAIN);
	ck_assert_int_eq(app.focus, PANEL_DETAIL);
	ck_assert_int_eq(app.detail.id, lcl3);
	ck_assert_int_eq(listview_selected_id(&app.lists[PANEL_SUBGROUPS]),
	    fx.lcl);
}
END_TEST

START_TEST(test_board_follows_filters)
{
	start_as(FX_SECRETARY);
	press("f t 1");
	ck_assert_str_eq(app.lists[PANEL_RECOMMENDATIONS].filter.term,
	    "short");
	press("2");
	ck_assert_int_eq(column("tested")->lv.total, 1);
	ck_assert_int_eq(column("draft")->lv.total, 0);
	/* The board shows every stage: the stage filter is greyed there. */
	press("f s");
	ck_assert_int_eq(app.views.menu.purpose, MENU_FILTER);
	ck_assert_ptr_nonnull(strstr(app.message, "not here"));
	press("Escape c");
	ck_assert_int_eq(app.views.menu.purpose, MENU_NONE);
	ck_assert_int_eq(column("draft")->lv.total, 1);
}
END_TEST

/* My work: who sees which rows, and why. */
static const struct {
	const char *login;
	int64_t rows;
	const char *ref[4];
	const char *why[4];
} work[] = {
	{ FX_LCL_CHAIR, 2, { "CC-LCL-01", "CC-LCL-03" },
	    { "draft in your sub-group LCL; overdue since 2012-01-01",
	    "referred back to your sub-group LCL" } },
	{ FX_LCL_MEMBER, 2, { "CC-LCL-01", "CC-LCL-03" },
	    { "draft in your sub-group LCL; overdue since 2012-01-01",
	    "referred back to your sub-group LCL" } },
	{ FX_BRK_CHAIR, 1, { "CC-BRK-01" },
	    { "tested in your sub-group BRK" } },
	{ FX_SECRETARY, 2, { "CC-LCL-01", "CC-LCL-02" },
	    { "overdue since 2012-01-01",
	    "awaiting your decision (secretary of CC)" } },
	{ FX_ADMIN, 2, { "CC-LCL-01", "CC-LCL-02" },
	    { "overdue since 2012-01-01",
	    "awaiting your decision (admin)" } },
	{ FX_OBSERVER, 0, { NULL }, { NULL } },
	{ FX_CITIZEN, 0, { NULL }, { NULL } },
	{ FX_NOBODY, 0, { NULL }, { NULL } },
};

START_TEST(test_mywork)
{
	const struct listview *lv = &app.views.mywork;
	int64_t i;

	start_as(work[_i].login);
	press("3");
	ck_assert_int_eq(app.view, VIEW_MINE);
	ck_assert_msg(lv->total == work[_i].rows, "%s: %lld rows, not %lld",
	    work[_i].login, (long long)lv->total, (long long)work[_i].rows);
	for (i = 0; i < work[_i].rows; i++) {
		ck_assert_str_eq(ref_at(lv, i), work[_i].ref[i]);
		ck_assert_str_eq(listview_value(lv, i, "why"),
		    work[_i].why[i]);
	}
	ck_assert_int_eq(app.views.status.needs_me, work[_i].rows);
}
END_TEST

START_TEST(test_mywork_opens_in_detail)
{
	start_as(FX_LCL_CHAIR);
	press("3 Down Enter");
	ck_assert_int_eq(app.view, VIEW_MAIN);
	ck_assert_int_eq(app.focus, PANEL_DETAIL);
	ck_assert_int_eq(app.detail.id, lcl3);
}
END_TEST

START_TEST(test_mywork_from_the_cli_list)
{
	struct list_filter f = { .person = fx.secretary };
	int64_t n;
	struct err e;

	/* The same list, asked by an administrator for someone else. */
	ck_assert_int_eq(store_list_count(fx.st, "mywork", &f, &n, &e), 0);
	ck_assert_int_eq(n, 2);
	f.person = fx.observer;
	ck_assert_int_eq(store_list_count(fx.st, "mywork", &f, &n, &e), 0);
	ck_assert_int_eq(n, 0);
}
END_TEST

START_TEST(test_filter_stage)
{
	struct listview *r = &app.lists[PANEL_RECOMMENDATIONS];
	char *words;

	start_as(FX_SECRETARY);
	press("f g");
	ck_assert(app.views.whole);
	ck_assert_int_eq(r->total, 5);
	press("f s");
	ck_assert_int_eq(app.views.menu.purpose, MENU_STAGE);
	ck_assert_ptr_nonnull(strstr(app.views.menu.items[1].label,
	    "Draft (1)"));
	press("1");
	ck_assert_int_eq(app.views.menu.purpose, MENU_NONE);
	ck_assert_str_eq(r->filter.stage, "draft");
	ck_assert_int_eq(r->total, 1);
	words = views_filter_text(&app, &r->filter);
	ck_assert_str_eq(words, "stage draft");
	free(words);
	press("f s 0");
	ck_assert_ptr_null(r->filter.stage);
	ck_assert_int_eq(r->total, 5);
}
END_TEST

START_TEST(test_filter_scope)
{
	struct listview *r = &app.lists[PANEL_RECOMMENDATIONS];

	start_as(FX_SECRETARY);
	/* Sub-groups are in code order: BRK first. */
	ck_assert_int_eq(r->filter.subgroup_id, fx.brk);
	ck_assert_int_eq(r->total, 2);
	press("f g");
	ck_assert_int_eq(r->filter.subgroup_id, 0);
	ck_assert_int_eq(r->filter.commission_id, fx.cc);
	ck_assert_int_eq(r->total, 5);
	press("f g");
	ck_assert_int_eq(r->filter.subgroup_id, fx.brk);
	/* A commission with no sub-groups shows none, and no error. */
	press("Down");
	ck_assert_int_eq(listview_selected_id(&app.lists[PANEL_COMMISSIONS]),
	    fx.cg);
	ck_assert_int_eq(r->total, 0);
	ck_assert(!app.message_error);
}
END_TEST

START_TEST(test_filter_overdue_term_mine)
{
	struct listview *r = &app.lists[PANEL_RECOMMENDATIONS];

	start_as(FX_LCL_CHAIR);
	press("f g f o");
	ck_assert(r->filter.overdue);
	ck_assert_int_eq(r->total, 1);
	ck_assert_str_eq(ref_at(r, 0), "CC-LCL-01");
	ck_assert(views_row_overdue(&app, r, 0));
	press("f o f t 1");
	ck_assert_int_eq(r->total, 1);
	ck_assert_str_eq(ref_at(r, 0), "CC-BRK-01");
	ck_assert(!views_row_overdue(&app, r, 0));
	press("f t 0 f m");
	ck_assert(r->filter.mine);
	ck_assert_int_eq(r->total, 3);
	ck_assert_str_eq(ref_at(r, 0), "CC-LCL-01");
	press("c");
	ck_assert(!r->filter.mine && !r->filter.overdue);
	ck_assert(!app.views.whole);
	ck_assert_int_eq(r->total, 2);
}
END_TEST

START_TEST(test_filter_mine_greyed_for_strangers)
{
	start_as(FX_NOBODY);
	press("f m");
	ck_assert_int_eq(app.views.menu.purpose, MENU_FILTER);
	ck_assert(!app.lists[PANEL_RECOMMENDATIONS].filter.mine);
	ck_assert_ptr_nonnull(strstr(app.message, "not a person"));
	press("Escape");
	ck_assert_int_eq(app.views.menu.purpose, MENU_NONE);
}
END_TEST

static const struct {
	const char *login;
	const char *who;
	const char *line;
} statuses[] = {
	{ FX_SECRETARY, "sec, secretary of CC", "2 need you | 1 overdue" },
	{ FX_LCL_CHAIR, "lclchair, chair of CC-LCL", "2 need you" },
	{ FX_BRK_CHAIR, "brkchair, chair of CC-BRK", "1 needs you" },
	{ FX_ADMIN, "admin, admin", "2 need you" },
	{ FX_OBSERVER, "observer, observer of CC (read only)",
	    "nothing needs you | 1 overdue" },
	{ FX_NOBODY, "nobody (read only: not a person in this database)",
	    "nothing needs you" },
};

START_TEST(test_status)
{
	char *line;

	start_as(statuses[_i].login);
	ck_assert_str_eq(app.views.status.who, statuses[_i].who);
	ck_assert_int_eq(app.views.status.overdue, 1);
	line = views_status_line(&app);
	ck_assert_msg(strstr(line, statuses[_i].line) != NULL, "%s", line);
	ck_assert_ptr_nonnull(strstr(line, fx.path));
	free(line);
}
END_TEST

START_TEST(test_status_follows_others_on_tick)
{
	struct store *other;

	start_as(FX_LCL_CHAIR);
	ck_assert_int_eq(app.views.status.needs_me, 2);
	other = fx_open_as(FX_LCL_MEMBER);
	fx_add(other, ENT_RECOMMENDATION, FX_VALS({ "subgroup", "LCL" },
	    { "title", "Homework clubs" }));
	ck_assert(app_tick(&app) & REACT_REDRAW);
	ck_assert_int_eq(app.views.status.needs_me, 3);
	ck_assert_int_eq(app.views.mywork.total, 3);
}
END_TEST

START_TEST(test_detail_history)
{
	char *text;

	start_as(FX_SECRETARY);
	app_set_heights(&app, 10, 140, 20);
	press("Tab Down Enter");
	ck_assert_int_eq(listview_selected_id(&app.lists[PANEL_SUBGROUPS]),
	    fx.lcl);
	press("Down Down");
	ck_assert_int_eq(app.detail.id, lcl3);
	text = detail_text();
	ck_assert_msg(strstr(text, "Stage           Referred back to the "
	    "sub-group (referred_back)\n") != NULL, "%s", text);
	ck_assert_msg(strstr(text, "Owner           Lee Chair (lclchair), "
	    "chair of CC-LCL\n") != NULL, "%s", text);
	ck_assert_msg(strstr(text, " Ada Admin: added\n") != NULL, "%s", text);
	ck_assert_msg(strstr(text, " Ada Admin: title changed\n") != NULL,
	    "%s", text);
	ck_assert_msg(strstr(text, " Lee Chair: stage draft → submitted\n") !=
	    NULL, "%s", text);
	ck_assert_msg(strstr(text, " Sam Secretary: stage submitted → "
	    "referred back (the Assembly, 2011-12-14: referred back)\n"
	    "    More evidence, please\n") != NULL, "%s", text);
	ck_assert_msg(strstr(text, "{") == NULL, "raw JSON: %s", text);
	free(text);
}
END_TEST

START_TEST(test_detail_overdue_and_time)
{
	char *text, *want;
	char now[DATE_ISO_SIZE];

	start_as(FX_SECRETARY);
	app_set_heights(&app, 10, 100, 20);
	press("Tab Down Enter");
	/* Written under a fixed today: the history is dated that day. */
	date_format_iso(date_today(), now);
	text = detail_text();
	ck_assert_msg(strstr(text, "Target date     2012-01-01  ! overdue\n") !=
	    NULL, "%s", text);
	want = x_printf("\n%s ", now);
	ck_assert_msg(strstr(text, want) != NULL, "%s", text);
	free(want);
	free(text);
}
END_TEST

START_TEST(test_detail_narrow)
{
	size_t i;

	start_as(FX_SECRETARY);
	app_set_heights(&app, 10, 24, 20);
	press("Tab Down Enter");
	ck_assert(app.detail.lines.n > 0);
	for (i = 0; i < app.detail.lines.n; i++)
		ck_assert_msg(text_width(app.detail.lines.lines[i]) <= 24,
		    "too wide: \"%s\"", app.detail.lines.lines[i]);
	ck_assert_str_eq(app.detail.lines.lines[0], "Sub-group");
}
END_TEST

Suite *
views_suite(void)
{
	Suite *s = suite_create("views");
	TCase *tc;

	tc = tcase_create("board");
	tcase_add_checked_fixture(tc, setup, keys_teardown);
	tcase_add_test(tc, test_board_columns);
	tcase_add_test(tc, test_board_scrolls_sideways);
	tcase_add_test(tc, test_board_opens_in_detail);
	tcase_add_test(tc, test_board_follows_filters);
	suite_add_tcase(s, tc);

	tc = tcase_create("mywork");
	tcase_add_checked_fixture(tc, setup, keys_teardown);
	tcase_add_loop_test(tc, test_mywork, 0, sizeof work / sizeof work[0]);
	tcase_add_test(tc, test_mywork_opens_in_detail);
	tcase_add_test(tc, test_mywork_from_the_cli_list);
	suite_add_tcase(s, tc);

	tc = tcase_create("filters");
	tcase_add_checked_fixture(tc, setup, keys_teardown);
	tcase_add_test(tc, test_filter_stage);
	tcase_add_test(tc, test_filter_scope);
	tcase_add_test(tc, test_filter_overdue_term_mine);
	tcase_add_test(tc, test_filter_mine_greyed_for_strangers);
	suite_add_tcase(s, tc);

	tc = tcase_create("status");
	tcase_add_checked_fixture(tc, setup, keys_teardown);
	tcase_add_loop_test(tc, test_status, 0,
	    sizeof statuses / sizeof statuses[0]);
	tcase_add_test(tc, test_status_follows_others_on_tick);
	suite_add_tcase(s, tc);

	tc = tcase_create("detail");
	tcase_add_checked_fixture(tc, setup, keys_teardown);
	tcase_add_test(tc, test_detail_history);
	tcase_add_test(tc, test_detail_overdue_and_time);
	tcase_add_test(tc, test_detail_narrow);
	suite_add_tcase(s, tc);
	return s;
}
