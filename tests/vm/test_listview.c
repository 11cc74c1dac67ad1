/*
 * test_listview.c: a list panel paged down reads on from a kept cursor
 * (listview.c slide) rather than by OFFSET; every row it shows must be
 * the row a fresh OFFSET read gives at that place, at every depth, after
 * another person's change and after a new filter.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "../check.h"
#include "../store/fixture.h"
#include "keys.h"
#include "coopcom/store/list.h"
#include "coopcom/vm/listview.h"

/* Lists paged in these tests: the timeline (four ordered parts merged)
 * and two plain ones, one sorted by SQLite. */
static const char *const lists[] = { "timeline", "timeline_themes",
	"milestones" };

/* Each list's first column, the one a row's id is read from. */
static const struct lv_column by_key[] = { { "key", "Key", 6, 0 } };
static const struct lv_column by_id[] = { { "id", "Id", 6, 0 } };
static const struct lv_column *const cols[] = { by_key, by_key, by_id };

/*
 * N milestones over CC's own and its two sub-groups', dated so that
 * many share a day (the order's tie-breaks) and every tenth undated.
 */
static void
add_milestones(int n, const char *title)
{
	char *sql = NULL;
	int len;

	len = snprintf(NULL, 0, "%d %s %lld %lld %lld", n, title,
	    (long long)fx.cc, (long long)fx.lcl, (long long)fx.brk);
	sql = malloc((size_t)len + 600);
	ck_assert_ptr_nonnull(sql);
	snprintf(sql, (size_t)len + 600, "WITH RECURSIVE k(i) AS (SELECT 1 "
	    "UNION ALL SELECT i + 1 FROM k WHERE i < %d) INSERT INTO "
	    "milestone (commission_id, subgroup_id, title, timescale, "
	    "dating, earliest, latest, updated_at) SELECT CASE WHEN i %% 3 "
	    "= 0 THEN %lld END, CASE i %% 3 WHEN 1 THEN %lld WHEN 2 THEN "
	    "%lld END, '%s ' || i, 'x', CASE WHEN i %% 10 = 0 THEN "
	    "'undated' ELSE 'exact' END, CASE WHEN i %% 10 <> 0 THEN "
	    "date('2012-01-01', '+' || (i %% 17) || ' days') END, CASE WHEN "
	    "i %% 10 <> 0 THEN date('2012-01-01', '+' || (i %% 17 + i %% 2) "
	    "|| ' days') END, '2012-01-01 00:00:00' FROM k", n,
	    (long long)fx.cc, (long long)fx.lcl, (long long)fx.brk, title);
	fx_sql(sql);
	free(sql);
}

/* The id of ROW of LIST under F, read afresh by OFFSET; 0 past the end. */
static int64_t
fresh_id(struct store *st, const char *list, const struct list_filter *f0,
    int64_t row)
{
	struct list_filter f = *f0;
	struct store_cursor *c;
	struct err e;
	int64_t id = 0;

	f.offset = row;
	f.limit = 1;
	ck_assert_msg(store_list_open(st, list, &f, &c, &e) == 0, "%s", e.msg);
	if (store_cursor_next(c, &e) == 1)
		id = strtoll(store_cursor_text(c, 0), NULL, 10);
	store_cursor_close(c);
	return id;
}

/* Every visible row is the fresh read's. */
static void
assert_screen(struct listview *lv, struct store *st)
{
	int64_t row, want;
	const char *got;

	for (row = lv->top; row < lv->top + lv->height && row < lv->total;
	    row++) {
		want = fresh_id(st, lv->list, &lv->filter, row);
		got = listview_value(lv, row, lv->names[0]);
		ck_assert_msg(got != NULL && strtoll(got, NULL, 10) == want,
		    "%s row %lld: %s, a fresh read gives %lld", lv->list,
		    (long long)row, got ? got : "(none)", (long long)want);
	}
	ck_assert_int_eq(listview_selected_id(lv),
	    fresh_id(st, lv->list, &lv->filter, lv->sel));
}

static void
open_list(struct listview *lv, struct store *st, int i)
{
	struct err e;

	listview_init(lv, lists[i], cols[i], 1);
	ck_assert_msg(listview_set_height(lv, st, 7, &e) == 0, "%s", e.msg);
	ck_assert_msg(listview_reload(lv, st, &e) == 0, "%s", e.msg);
}

static void
move(struct listview *lv, struct store *st, int64_t delta)
{
	struct err e;

	ck_assert_msg(listview_move(lv, st, delta, &e) == 0, "%s", e.msg);
}

/* Pages down N times; with CHECK, each screen against fresh reads. */
static void
page_down(struct listview *lv, struct store *st, int n, bool check)
{
	int i;

	for (i = 0; i < n; i++) {
		move(lv, st, lv->height);
		if (check)
			assert_screen(lv, st);
	}
}

/* List I over 300 milestones, paged down N times: a cursor kept. */
static void
start_paged(struct listview *lv, int i, int n)
{
	add_milestones(300, "M");
	open_list(lv, fx.st, i);
	page_down(lv, fx.st, n, false);
	ck_assert(store_list_holding(fx.st));
}

/* Page down to the end and a row at a time, as a held key. */
START_TEST(test_pages_match_offset)
{
	struct listview lv;
	int64_t last = -1;
	bool kept = false;

	/* More than a kept cursor on the sorted list reads (KEPT_GROWTH),
	 * so that it opens another on the way. */
	add_milestones(600, "M");
	open_list(&lv, fx.st, _i);
	ck_assert_int_ge(lv.total, 600);
	/* At the top, the screen shown and the next are read, no more. */
	ck_assert_int_eq((int64_t)lv.win_n, 2 * (int64_t)lv.height);
	while (lv.sel != last) {
		last = lv.sel;
		move(&lv, fx.st, lv.height);
		assert_screen(&lv, fx.st);
		kept = kept || store_list_holding(fx.st);
	}
	ck_assert_int_eq(lv.sel, lv.total - 1);
	ck_assert_msg(kept, "paging down never kept a cursor");
	listview_done(&lv);
	open_list(&lv, fx.st, _i);
	while (lv.sel < lv.total - 1) {
		move(&lv, fx.st, 1);
		ck_assert_int_eq(listview_selected_id(&lv),
		    fresh_id(fx.st, lv.list, &lv.filter, lv.sel));
	}
	listview_done(&lv);
	ck_assert(!store_list_holding(fx.st));
}
END_TEST

/*
 * End, then up a row at a time and a page at a time, as G, k and PageUp:
 * windows in the list's second half are read backwards from its end
 * (listview.c load_reversed), and must be the rows a forward OFFSET read
 * gives; no cursor is kept for them, and paging down from there again
 * reads the same rows.
 */
START_TEST(test_end_then_up)
{
	struct listview lv;
	struct err e;
	int64_t n;
	int i;

	add_milestones(600, "M");
	open_list(&lv, fx.st, _i);
	ck_assert_msg(listview_goto(&lv, fx.st, lv.total - 1, &e) == 0, "%s",
	    e.msg);
	assert_screen(&lv, fx.st);
	for (i = 0; i < 3 * lv.height; i++) {
		move(&lv, fx.st, -1);
		assert_screen(&lv, fx.st);
	}
	ck_assert(!store_list_holding(fx.st));
	for (i = 0; i < 12; i++) {
		move(&lv, fx.st, -lv.height);
		assert_screen(&lv, fx.st);
	}
	ck_assert_msg(listview_goto(&lv, fx.st, lv.total * 3 / 5, &e) == 0,
	    "%s", e.msg);
	assert_screen(&lv, fx.st);
	page_down(&lv, fx.st, 12, true);
	ck_assert_msg(store_list_count(fx.st, lv.list, &lv.filter, &n,
	    &e) == 0, "%s", e.msg);
	ck_assert_int_eq(lv.total, n);
	listview_done(&lv);
}
END_TEST

/*
 * Another person adds rows that sort before the window while a cursor
 * is kept: the pages read after it are the new list's (the rows already
 * held stay until the app's poll reloads the list), the reload keeps the
 * selection on its row and counts the new ones; a write of this store's
 * own is not refused meanwhile (the kept snapshot is on its reader).
 */
START_TEST(test_concurrent_insert)
{
	struct listview lv;
	struct err e;
	int64_t id, total;

	start_paged(&lv, _i, 12);
	add_milestones(40, "Another");
	fx_add(fx.st, ENT_MILESTONE, FX_VALS({ "commission", "CC" },
	    { "title", "Own" }, { "timescale", "End June 2012" }));
	/* Past every row held (a window is three screens at most). */
	move(&lv, fx.st, 3 * lv.height);
	page_down(&lv, fx.st, 4, true);
	id = listview_selected_id(&lv);
	total = lv.total;
	ck_assert_msg(listview_reload(&lv, fx.st, &e) == 0, "%s", e.msg);
	ck_assert_int_eq(listview_selected_id(&lv), id);
	ck_assert_int_eq(lv.total, total + 41);
	page_down(&lv, fx.st, 4, true);
	listview_done(&lv);
}
END_TEST

/* A new filter while a cursor is kept: its pages are the filter's. */
START_TEST(test_filter_change)
{
	struct listview lv;
	struct err e;
	int64_t n;

	start_paged(&lv, _i, 8);
	listview_set_id(&lv, &lv.filter.subgroup_id, fx.lcl);
	ck_assert(!store_list_holding(fx.st));
	ck_assert_msg(listview_reload(&lv, fx.st, &e) == 0, "%s", e.msg);
	ck_assert_msg(store_list_count(fx.st, lv.list, &lv.filter, &n,
	    &e) == 0, "%s", e.msg);
	ck_assert_int_eq(lv.total, n);
	page_down(&lv, fx.st, 10, true);
	listview_done(&lv);
}
END_TEST

/* Released on idle input: paging on reads the same rows afresh. */
START_TEST(test_release)
{
	struct listview lv;

	start_paged(&lv, _i, 8);
	store_list_release(fx.st);
	ck_assert(!store_list_holding(fx.st));
	page_down(&lv, fx.st, 8, true);
	/* Past the window by less than a window: stepped over; by more:
	 * read from there. */
	move(&lv, fx.st, 4 * lv.height);
	assert_screen(&lv, fx.st);
	move(&lv, fx.st, 5 * lv.height);
	assert_screen(&lv, fx.st);
	listview_done(&lv);
}
END_TEST

/*
 * In the app: paging down the timeline keeps a cursor until input rests
 * for the refresh interval; then app_idle ends it, redrawing nothing.
 */
START_TEST(test_idle_release)
{
	static struct session ses;	/* keys_teardown ends them */
	static struct app app;
	int i;

	add_milestones(300, "M");
	keys_start(&app, &ses, FX_ADMIN, false);
	app_set_heights(&app, 7, 60, 7);
	keys_press(&app, "4");
	ck_assert_int_eq(app.view, VIEW_TIMELINE);
	for (i = 0; i < 10; i++)
		keys_press(&app, "PageDown");
	ck_assert(store_list_holding(app.store));
	while (app_idle_ms(&app) >= 0 && app_idle_ms(&app) !=
	    ses.config.refresh_ms)
		app_idle(&app);
	ck_assert_int_eq(app_idle_ms(&app), ses.config.refresh_ms);
	ck_assert_uint_eq(app_idle(&app), REACT_NONE);
	ck_assert(!store_list_holding(app.store));
	ck_assert_int_eq(app_idle_ms(&app), -1);
	assert_screen(&app.timeline, app.store);
}
END_TEST

Suite *
listview_suite(void)
{
	Suite *s = suite_create("listview");
	TCase *tc = tcase_create("paging");
	int n = (int)(sizeof lists / sizeof lists[0]);

	tcase_add_checked_fixture(tc, fx_setup_world, fx_teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_loop_test(tc, test_pages_match_offset, 0, n);
	tcase_add_loop_test(tc, test_concurrent_insert, 0, n);
	tcase_add_loop_test(tc, test_filter_change, 0, n);
	tcase_add_loop_test(tc, test_release, 0, n);
	tcase_add_loop_test(tc, test_end_then_up, 0, n);
	suite_add_tcase(s, tc);
	tc = tcase_create("idle");
	tcase_add_checked_fixture(tc, fx_setup_world, keys_teardown);
	tcase_add_test(tc, test_idle_release);
	suite_add_tcase(s, tc);
	return s;
}
