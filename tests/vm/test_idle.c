/*
 * test_idle.c: what the full-screen loop leaves for idle input
 * (app_init_deferred, app_idle), how a list scrolls past its edge and
 * when searching starts and runs: the choices made for speed
 * (tests/bench).
 *
 * The world is the store fixture's, with 30 recommendations in CC-BRK,
 * the first past its target date; today is 2012-06-01.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../check.h"
#include "../store/fixture.h"
#include "keys.h"
#include "coopcom/core/date.h"
#include "coopcom/vm/app.h"

static struct session session;
static struct app app;

static void
setup(void)
{
	char title[32];
	int i;

	fx_setup_world();
	date_set_today((struct date){ 2012, 6, 1 });
	for (i = 0; i < 30; i++) {
		snprintf(title, sizeof title, "Item %02d", i);
		fx_add(fx.st, ENT_RECOMMENDATION, FX_VALS({ "subgroup", "BRK" },
		    { "title", title }));
	}
	fx_sql("UPDATE recommendation SET target_date = '2012-01-01' "
	    "WHERE ref = 'CC-BRK-01'");
}

/*
 * The app as the secretary, DEFERRED as the full-screen loop starts it
 * or not, as the tests and the CLI do; 10 rows a list.
 */
static void
start(bool deferred)
{
	keys_start(&app, &session, FX_SECRETARY, deferred);
	app_set_heights(&app, 10, 60, 20);
}

static void
press(const char *keys)
{
	keys_press(&app, keys);
}

static void
assert_status(const char *want)
{
	char *line = views_status_line(&app);

	ck_assert_msg(strstr(line, want) != NULL, "\"%s\" not in \"%s\"",
	    want, line);
	free(line);
}

START_TEST(test_counts_wait_for_idle)
{
	start(true);
	assert_status("sec, secretary of CC | … need you | … overdue |");
	ck_assert(!app.search_ready);
	ck_assert_int_eq(app_idle_ms(&app), 0);
	ck_assert(app_idle(&app) & REACT_REDRAW);
	assert_status("sec, secretary of CC | 1 needs you | 1 overdue");
	ck_assert(app.search_ready);
	ck_assert_int_eq(app_idle_ms(&app), -1);
	/* Another's change: the old figures stay until counted again. */
	fx_sql("UPDATE recommendation SET target_date = '2012-01-01' "
	    "WHERE ref = 'CC-BRK-02'");
	app_tick(&app);
	assert_status("| 1 overdue");
	ck_assert_int_eq(app_idle_ms(&app), 0);
	app_idle(&app);
	assert_status("| 2 overdue");
}
END_TEST

/* The detail still shows SHOWN, until input rests: then the selected. */
static void
assert_detail_waits(int64_t shown)
{
	ck_assert_int_eq(app.detail.id, shown);
	ck_assert(app.detail.stale);
	ck_assert_int_eq(app_idle_ms(&app), APP_IDLE_DETAIL_MS);
	app_idle(&app);
	ck_assert_int_eq(app.detail.id,
	    listview_selected_id(&app.lists[PANEL_RECOMMENDATIONS]));
	ck_assert(!app.detail.stale);
}

START_TEST(test_detail_waits_for_idle)
{
	struct listview *r = &app.lists[PANEL_RECOMMENDATIONS];
	int64_t first;

	start(true);
	app_idle(&app);
	press("l l");
	first = listview_selected_id(r);
	ck_assert_int_eq(app.detail.id, first);
	ck_assert(!app.detail.stale);
	press("j j");
	ck_assert_int_eq(r->sel, 2);
	assert_detail_waits(first);
	ck_assert_int_eq(app_idle_ms(&app), -1);
	/* A key that may use the detail brings it up to date first. */
	press("j l");
	ck_assert_int_eq(app.focus, PANEL_DETAIL);
	ck_assert_int_eq(app.detail.id, listview_selected_id(r));
	ck_assert(!app.detail.stale);
}
END_TEST

/* After a filter the detail follows once input rests, as after a move. */
START_TEST(test_detail_after_filter_waits)
{
	struct listview *r = &app.lists[PANEL_RECOMMENDATIONS];
	int64_t third;

	start(true);
	app_idle(&app);
	press("l l j j");
	app_idle(&app);
	third = listview_selected_id(r);
	ck_assert_int_eq(app.detail.id, third);
	press("f o");
	ck_assert_int_eq(r->total, 1);
	ck_assert_int_ne(listview_selected_id(r), third);
	assert_detail_waits(third);
}
END_TEST

/* Without deferring (the tests', the CLI's app) the detail follows. */
START_TEST(test_detail_follows_at_once)
{
	struct listview *r = &app.lists[PANEL_RECOMMENDATIONS];

	start(false);
	assert_status("| 1 needs you | 1 overdue");
	press("l l j");
	ck_assert_int_eq(app.detail.id, listview_selected_id(r));
	ck_assert_int_eq(app_idle_ms(&app), -1);
}
END_TEST

/* Past the bottom or top edge the list jumps by half a screen (10 rows). */
static const struct {
	const char *keys;
	int64_t sel, top;
} jumps[] = {
	{ "j j j j j j j j j", 9, 0 },		/* the last row shown */
	{ "j", 10, 6 },				/* past it: half a screen */
	{ "j j j j j", 15, 6 },
	{ "k k k k k k k k k k", 5, 0 },	/* past the top */
	{ "G", 29, 20 },
};

START_TEST(test_list_jumps_half_a_screen)
{
	struct listview *r = &app.lists[PANEL_RECOMMENDATIONS];
	size_t i;

	start(true);
	press("l l");
	ck_assert_int_eq(r->total, 30);
	for (i = 0; i < sizeof jumps / sizeof jumps[0]; i++) {
		press(jumps[i].keys);
		ck_assert_msg(r->sel == jumps[i].sel && r->top == jumps[i].top,
		    "after %s: row %lld at top %lld, want %lld at %lld",
		    jumps[i].keys, (long long)r->sel, (long long)r->top,
		    (long long)jumps[i].sel, (long long)jumps[i].top);
	}
}
END_TEST

/* One letter alone does not search (it would read the whole index). */
START_TEST(test_search_from_second_letter)
{
	struct listview *r = &app.lists[PANEL_RECOMMENDATIONS];

	start(false);
	press("/ I");
	ck_assert_ptr_null(r->filter.search);
	ck_assert_str_eq(app.message, "type a second letter to search");
	press("t");
	ck_assert_str_eq(r->filter.search, "It");
	ck_assert_int_eq(r->total, 30);
	ck_assert_str_eq(app.message, "30 recommendations match");
	press("Space 0");
	ck_assert_str_eq(r->filter.search, "It");
	press("5");
	ck_assert_str_eq(r->filter.search, "It 05");
	/* "Item 05", and "Item 04" by its reference CC-BRK-05. */
	ck_assert_int_eq(r->total, 2);
	ck_assert_str_eq(listview_value(r, 0, "title"), "Item 04");
	ck_assert_str_eq(listview_value(r, 1, "title"), "Item 05");
}
END_TEST

/*
 * In the full-screen loop the letters show as typed and the search is
 * run once input pauses: once for letters typed faster than that. Enter
 * runs a search not run yet; Escape clears it at once.
 */
START_TEST(test_search_waits_for_pause)
{
	struct listview *r = &app.lists[PANEL_RECOMMENDATIONS];

	start(true);
	app_idle(&app);
	ck_assert_int_eq(app_idle_ms(&app), -1);
	press("/ I t e m Space 0 5");
	ck_assert_str_eq(lineedit_text(&app.prompt.edit), "Item 05");
	ck_assert_ptr_null(r->filter.search);
	ck_assert_int_eq(app_idle_ms(&app), APP_IDLE_SEARCH_MS);
	ck_assert(app_idle(&app) & REACT_REDRAW);
	ck_assert_str_eq(r->filter.search, "Item 05");
	ck_assert_int_eq(r->total, 2);
	ck_assert_str_eq(app.message, "2 recommendations match");
	ck_assert(!app.search_stale);
	press("Backspace 4 Enter");
	ck_assert_int_eq(app.prompt.kind, PROMPT_NONE);
	ck_assert_str_eq(r->filter.search, "Item 04");
	ck_assert_int_eq(r->total, 2);
	press("/ Escape");
	ck_assert_ptr_null(r->filter.search);
	ck_assert_int_eq(r->total, 30);
}
END_TEST

Suite *
idle_suite(void)
{
	Suite *s = suite_create("idle");
	TCase *tc = tcase_create("idle");

	tcase_set_timeout(tc, 60);
	tcase_add_checked_fixture(tc, setup, keys_teardown);
	tcase_add_test(tc, test_counts_wait_for_idle);
	tcase_add_test(tc, test_detail_waits_for_idle);
	tcase_add_test(tc, test_detail_after_filter_waits);
	tcase_add_test(tc, test_detail_follows_at_once);
	tcase_add_test(tc, test_list_jumps_half_a_screen);
	tcase_add_test(tc, test_search_from_second_letter);
	tcase_add_test(tc, test_search_waits_for_pause);
	suite_add_tcase(s, tc);
	return s;
}
