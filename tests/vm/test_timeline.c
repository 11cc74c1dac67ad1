/*
 * test_timeline.c: the timeline chart's model: days to cells at each
 * zoom, clipping at the edges, symbols, the axis; then the view's keys
 * on the store fixture's world (CC with sub-groups LCL and BRK) with a
 * few milestones and dated recommendations, today 2011-09-15.
 */
#include <check.h>
#include <string.h>

#include "../check.h"
#include "../store/fixture.h"
#include "keys.h"
#include "coopcom/core/date.h"
#include "coopcom/vm/app.h"
#include "coopcom/vm/timeline.h"

static int32_t
D(int y, int m, int d)
{
	return date_to_days((struct date){ y, m, d });
}

/* A chart of 56 cells starting at the period holding 2011-07-14. */
static struct timeline
chart(enum timeline_zoom zoom)
{
	struct timeline t = { .zoom = zoom, .cells = 56 };

	t.first = timeline_period_start(zoom, D(2011, 7, 14));
	return t;
}

static const struct {
	enum timeline_zoom zoom;
	int y, m, d;
	int cell;
} cells[] = {
	/* Weeks: a day a cell; 2011-07-11 was a Monday. */
	{ TIMELINE_WEEKS, 2011, 7, 11, 0 },
	{ TIMELINE_WEEKS, 2011, 7, 17, 6 },
	{ TIMELINE_WEEKS, 2011, 7, 18, 7 },
	{ TIMELINE_WEEKS, 2011, 7, 10, -1 },
	/* Months: four cells a month, by the day of the month. */
	{ TIMELINE_MONTHS, 2011, 7, 1, 0 },
	{ TIMELINE_MONTHS, 2011, 7, 31, 3 },
	{ TIMELINE_MONTHS, 2011, 8, 1, 4 },
	{ TIMELINE_MONTHS, 2011, 9, 15, 9 },
	{ TIMELINE_MONTHS, 2012, 2, 29, 31 },
	{ TIMELINE_MONTHS, 2011, 6, 30, -1 },
	/* Quarters: six cells a quarter. */
	{ TIMELINE_QUARTERS, 2011, 7, 1, 0 },
	{ TIMELINE_QUARTERS, 2011, 10, 1, 6 },
	{ TIMELINE_QUARTERS, 2012, 1, 1, 12 },
	{ TIMELINE_QUARTERS, 2011, 6, 30, -1 },
};

START_TEST(test_cell_of)
{
	struct timeline t = chart(cells[_i].zoom);

	ck_assert_int_eq(timeline_cell_of(&t, D(cells[_i].y, cells[_i].m,
	    cells[_i].d)), cells[_i].cell);
	/* The cell's first day falls in the cell. */
	ck_assert_int_eq(timeline_cell_of(&t, timeline_cell_day(&t,
	    cells[_i].cell)), cells[_i].cell);
}
END_TEST

START_TEST(test_period_start)
{
	ck_assert_int_eq(timeline_period_start(TIMELINE_WEEKS,
	    D(2011, 9, 15)), D(2011, 9, 12));
	ck_assert_int_eq(timeline_period_start(TIMELINE_MONTHS,
	    D(2011, 9, 15)), D(2011, 9, 1));
	ck_assert_int_eq(timeline_period_start(TIMELINE_QUARTERS,
	    D(2011, 9, 15)), D(2011, 7, 1));
	ck_assert_int_eq(timeline_period_add(TIMELINE_QUARTERS,
	    D(2011, 10, 1), 1), D(2012, 1, 1));
}
END_TEST

static void
row(const struct timeline *t, int32_t from, int32_t to, int32_t today,
    char *out)
{
	enum timeline_cell c[56];
	static const char code[] = " |=*<>";
	int i;

	timeline_row(t, from, to, today, c);
	for (i = 0; i < t->cells; i++)
		out[i] = code[c[i]];
	out[t->cells] = '\0';
}

START_TEST(test_row_clipping)
{
	struct timeline t = chart(TIMELINE_MONTHS);
	char s[57];

	t.cells = 16;		/* July .. October 2011 */
	row(&t, D(2011, 8, 1), D(2011, 8, 31), D(2011, 7, 1), s);
	ck_assert_str_eq(s, "|   ====        ");
	row(&t, D(2011, 9, 15), D(2011, 9, 15), D(2011, 7, 1), s);
	ck_assert_str_eq(s, "|        *      ");
	ck_assert_int_eq((int)strlen(s), 16);
	/* Runs off the left, off the right, lies wholly before or after. */
	row(&t, D(2011, 5, 1), D(2011, 7, 20), D(2012, 1, 1), s);
	ck_assert_str_eq(s, "<==             ");
	row(&t, D(2011, 10, 20), D(2012, 3, 1), D(2012, 1, 1), s);
	ck_assert_str_eq(s, "              =>");
	row(&t, D(2010, 1, 1), D(2010, 2, 1), D(2012, 1, 1), s);
	ck_assert_str_eq(s, "<               ");
	row(&t, D(2013, 1, 1), D(2013, 1, 1), D(2012, 1, 1), s);
	ck_assert_str_eq(s, "               >");
	/* Undated: only today's line. */
	row(&t, RAG_NO_DATE, RAG_NO_DATE, D(2011, 8, 20), s);
	ck_assert_str_eq(s, "      |         ");
}
END_TEST

START_TEST(test_symbols)
{
	int32_t today = D(2011, 9, 15);

	/* From rag_due: the one definition. */
	ck_assert_str_eq(timeline_symbol(rag_due(D(2011, 9, 1),
	    D(2011, 9, 14), false, false, today, 30), false), "!");
	ck_assert_str_eq(timeline_symbol(rag_due(D(2011, 10, 1),
	    D(2011, 10, 1), false, false, today, 30), false), "~");
	ck_assert_str_eq(timeline_symbol(rag_due(D(2012, 1, 1),
	    D(2012, 1, 1), false, false, today, 30), false), " ");
	ck_assert_str_eq(timeline_symbol(rag_due(RAG_NO_DATE, RAG_NO_DATE,
	    false, false, today, 30), false), "?");
	ck_assert_str_eq(timeline_symbol(DUE_DONE, true), "\u2713");
	ck_assert_str_eq(timeline_symbol(DUE_DONE, false), "v");
	ck_assert_str_eq(timeline_glyph(TL_MARK, false), "*");
	ck_assert_str_eq(timeline_glyph(TL_BAR, true), "\u2501");
}
END_TEST

START_TEST(test_axis)
{
	struct timeline t = chart(TIMELINE_MONTHS);
	char a[57], b[57];

	t.cells = 28;
	timeline_axis(&t, a, b);
	ck_assert_str_eq(a, "2011                    2012");
	ck_assert_str_eq(b, "Jul Aug Sep Oct Nov Dec Jan ");
	t = chart(TIMELINE_QUARTERS);
	t.cells = 24;
	timeline_axis(&t, a, b);
	ck_assert_str_eq(a, "2011        2012        ");
	ck_assert_str_eq(b, "Q3    Q4    Q1    Q2    ");
	t = chart(TIMELINE_WEEKS);
	t.cells = 28;
	timeline_axis(&t, a, b);
	ck_assert_str_eq(a, "Jul 2011             Aug    ");
	ck_assert_str_eq(b, "11     18     25     01     ");
	/* A first week whose month ends at once gives way to the next. */
	t.first = D(2011, 8, 29);
	timeline_axis(&t, a, b);
	ck_assert_str_eq(a, "       Sep 2011             ");
	ck_assert_str_eq(b, "29     05     12     19     ");
}
END_TEST

START_TEST(test_zoom_today_group)
{
	struct timeline t = chart(TIMELINE_MONTHS);

	timeline_today(&t, D(2011, 9, 15));
	/* 14 months across: today's month is the fourth. */
	ck_assert_int_eq(t.first, D(2011, 6, 1));
	ck_assert_int_eq(timeline_cell_of(&t, D(2011, 9, 15)) / 4, 3);
	timeline_scroll(&t, 14);
	ck_assert_int_eq(t.first, D(2012, 8, 1));
	timeline_scroll(&t, -14);
	ck_assert(timeline_zoom(&t, false));
	ck_assert_int_eq(t.zoom, TIMELINE_QUARTERS);
	ck_assert(!timeline_zoom(&t, false));
	ck_assert(timeline_zoom(&t, true));
	ck_assert(timeline_zoom(&t, true));
	ck_assert_int_eq(t.zoom, TIMELINE_WEEKS);
	ck_assert(!timeline_zoom(&t, true));
	ck_assert_int_eq(t.first % 7, D(2011, 9, 12) % 7);
	ck_assert_str_eq(timeline_list(&t), "timeline");
	ck_assert_str_eq(timeline_next_group(&t), "timeline");
	ck_assert_int_eq(t.group, TIMELINE_BY_SUBGROUP);
	ck_assert_str_eq(timeline_next_group(&t), "timeline_themes");
	ck_assert_str_eq(timeline_next_group(&t), "timeline");
	ck_assert_int_eq(t.group, TIMELINE_BY_COMMISSION);
}
END_TEST

static struct session session;
static struct app app;
static int64_t rec;

static void
setup(void)
{
	fx_setup_world();
	date_set_today((struct date){ 2011, 9, 15 });
	fx_add(fx.st, ENT_MILESTONE, FX_VALS({ "commission", "CC" },
	    { "title", "Launch" }, { "theme", "Next steps" },
	    { "timescale", "26 July 2011" }));
	fx_add(fx.st, ENT_MILESTONE, FX_VALS({ "subgroup", "LCL" },
	    { "title", "Libraries scoped" }, { "theme", "Libraries" },
	    { "timescale", "End September 2011" }));
	fx_add(fx.st, ENT_MILESTONE, FX_VALS({ "commission", "CC" },
	    { "title", "Schools" }, { "timescale", "To be confirmed" }));
	rec = fx_add(fx.st, ENT_RECOMMENDATION, FX_VALS({ "subgroup", "BRK" },
	    { "title", "Glass collection" }));
	fx_sql("UPDATE recommendation SET target_date = '2012-03-31'");
	keys_start(&app, &session, FX_ADMIN, false);
	app_set_heights(&app, 10, 60, 20);
	app.chart.cells = 56;
}

static void
press(const char *keys)
{
	keys_press(&app, keys);
}

/* The label of the selected row and its group heading. */
static void
assert_selected(const char *label, const char *heading)
{
	const struct listview *lv = &app.timeline;
	char h[256];

	ck_assert_str_eq(listview_value(lv, lv->sel, "label"), label);
	timeline_heading(&app.chart, lv, lv->sel, true, h, sizeof h);
	ck_assert_str_eq(h, heading);
}

START_TEST(test_keys)
{
	struct timeline_item it;

	press("4");
	ck_assert_int_eq(app.view, VIEW_TIMELINE);
	/* By commission: CC's own first, then BRK, LCL; the undated last. */
	ck_assert_int_eq(app.timeline.total, 4);
	assert_selected("Launch", "CC");
	press("j");
	assert_selected("CC-BRK-01", "CC");
	ck_assert(!timeline_heading(&app.chart, &app.timeline, 1, false,
	    (char[64]){ 0 }, 64));
	press("G");
	assert_selected("Schools", "Undated (to be confirmed)");
	ck_assert(timeline_item(&app.chart, &app.timeline, app.timeline.sel,
	    fx.wf, D(2011, 9, 15), 30, &it));
	ck_assert_int_eq(it.due, DUE_UNDATED);
	ck_assert_str_eq(it.timescale, "To be confirmed");
	/* Overdue and soon by rag_due with the config's amber_days. */
	press("g");
	ck_assert(timeline_item(&app.chart, &app.timeline, 0, fx.wf,
	    D(2011, 9, 15), session.config.amber_days, &it));
	ck_assert_int_eq(it.due, DUE_OVERDUE);
	/* Time and zoom. */
	ck_assert_int_eq(app.chart.first, D(2011, 6, 1));
	press("] ]");
	ck_assert_int_eq(app.chart.first, D(2011, 8, 1));
	press("[");
	ck_assert_int_eq(app.chart.first, D(2011, 7, 1));
	press("+");
	ck_assert_int_eq(app.chart.zoom, TIMELINE_WEEKS);
	press("- -");
	ck_assert_int_eq(app.chart.zoom, TIMELINE_QUARTERS);
	press("-");
	ck_assert_ptr_nonnull(strstr(app.message, "already by quarters"));
	press("t");
	ck_assert_int_eq(timeline_cell_of(&app.chart, D(2011, 9, 15)) / 6, 2);
	/* Grouped by sub-group, then by theme, then back. */
	press("b");
	assert_selected("Launch", "CC (the commission's own)");
	press("j j");
	assert_selected("Libraries scoped", "CC / LCL");
	press("b");
	ck_assert_str_eq(app.timeline.list, "timeline_themes");
	ck_assert_int_eq(app.timeline.total, 4);
	press("b");
	ck_assert_str_eq(app.timeline.list, "timeline");
	/* Enter on a recommendation opens its detail in the main view. */
	press("j");
	assert_selected("CC-BRK-01", "CC");
	press("Enter");
	ck_assert_int_eq(app.view, VIEW_MAIN);
	ck_assert_int_eq(app.focus, PANEL_DETAIL);
	ck_assert_int_eq(app.detail.id, rec);
}
END_TEST

static void
assert_has(const char *text, const char *want)
{
	ck_assert_msg(strstr(text, want) != NULL, "expected \"%s\" in:\n%s",
	    want, text);
}

/* Enter on a milestone shows its detail in place of the chart; Escape
 * goes back to the chart at the same row. */
START_TEST(test_milestone_detail)
{
	int64_t id = fx_sql_int("SELECT id FROM milestone WHERE title = "
	    "'Libraries scoped'");
	char *text;

	fx_edit(fx.st, ENT_MILESTONE, id, FX_VALS({ "status",
	    "Rooms \x1b[2Jbooked" }, { "notes", "Ask the schools" }));
	press("4 j j");
	assert_selected("Libraries scoped", "CC");
	timeline_detail_size(&app, 80, 6);
	press("Enter");
	ck_assert_int_eq(app.view, VIEW_TIMELINE);
	ck_assert_int_eq(app.chart.open, id);
	text = keys_lines(&app.milestone.lines);
	assert_has(text, "Commission      CC\n");
	assert_has(text, "Sub-group       CC-LCL\n");
	assert_has(text, "Theme           Libraries\n");
	assert_has(text, "Title           Libraries scoped\n");
	assert_has(text, "Timescale       End September 2011\n"
	    "Dates           2011-09-21 to 2011-09-30 (range)\n"
	    "Due             soon (today is 2011-09-15)\n");
	assert_has(text, "State           planned\n");
	assert_has(text, "Done on         not stated\n");
	assert_has(text, "Notes           Ask the schools\n");
	assert_has(text, "version 2\n");
	assert_has(text, "History\n");
	assert_has(text, FX_ADMIN_NAME ": added\n");
	assert_has(text, FX_ADMIN_NAME ": status, notes changed\n");
	/* Database text is escaped like everywhere else. */
	ck_assert_ptr_null(strchr(text, '\x1b'));
	assert_has(text, "Status          Rooms \\e[2Jbooked\n");
	free(text);
	/* Moves scroll it; Enter leaves it open; Escape goes back. */
	press("j j");
	ck_assert_int_eq(app.milestone.scroll, 2);
	press("k Enter");
	ck_assert_int_eq(app.milestone.scroll, 1);
	ck_assert_int_eq(app.chart.open, id);
	press("Escape");
	ck_assert_int_eq(app.chart.open, 0);
	ck_assert_int_eq(app.view, VIEW_TIMELINE);
	assert_selected("Libraries scoped", "CC");
	/* To be confirmed: no dates, undated; another key closes it too. */
	press("j Enter");
	text = keys_lines(&app.milestone.lines);
	assert_has(text, "Dates           none (tbc: to be confirmed)\n"
	    "Due             undated (today is 2011-09-15)\n");
	free(text);
	ck_assert_int_eq(app.milestone.scroll, 0);
	press("t");
	ck_assert_int_eq(app.chart.open, 0);
	assert_selected("Schools", "Undated (to be confirmed)");
}
END_TEST

Suite *
timeline_suite(void)
{
	Suite *s = suite_create("timeline");
	TCase *tc = tcase_create("chart");
	TCase *keys = tcase_create("keys");

	tcase_add_loop_test(tc, test_cell_of, 0, sizeof cells /
	    sizeof cells[0]);
	tcase_add_test(tc, test_period_start);
	tcase_add_test(tc, test_row_clipping);
	tcase_add_test(tc, test_symbols);
	tcase_add_test(tc, test_axis);
	tcase_add_test(tc, test_zoom_today_group);
	suite_add_tcase(s, tc);
	tcase_add_checked_fixture(keys, setup, keys_teardown);
	tcase_add_test(keys, test_keys);
	tcase_add_test(keys, test_milestone_detail);
	suite_add_tcase(s, keys);
	return s;
}
