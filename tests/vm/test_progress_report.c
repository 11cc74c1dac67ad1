/*
 * test_progress_report.c: the six-monthly progress report over a period
 * of 2012 with items due, done and late on the days either side of its
 * boundaries: which section each lands in, with the report's date after
 * the period, inside it, and a period of one day; stage changes by the
 * audit trail's date; the people who sent no update; the summary; and
 * the refusal of a bad period.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../check.h"
#include "../store/fixture.h"
#include "coopcom/core/date.h"
#include "coopcom/util/csv.h"
#include "coopcom/util/xalloc.h"
#include "coopcom/vm/progress_report.h"

static int64_t
rec(const char *title, const char *stage, const char *target,
    const char *revised, const char *actual, int64_t responsible)
{
	int64_t id = fx_add(fx.st, ENT_RECOMMENDATION, FX_VALS({ "subgroup",
	    "CC-LCL" }, { "title", title }));

	fx_sql_intf("UPDATE recommendation SET stage = '%s', target_date = "
	    "%s%s%s, revised_date = %s%s%s, actual_date = %s%s%s, "
	    "responsible_id = nullif(%lld, 0) WHERE id = %lld RETURNING id",
	    stage, target ? "'" : "", target ? target : "NULL",
	    target ? "'" : "", revised ? "'" : "", revised ? revised : "NULL",
	    revised ? "'" : "", actual ? "'" : "", actual ? actual : "NULL",
	    actual ? "'" : "", (long long)responsible, (long long)id);
	return id;
}

static void
update(int64_t id, const char *at)
{
	fx_sql_intf("INSERT INTO progress_update(recommendation_id, at, "
	    "note) VALUES (%lld, '%s', 'on track') RETURNING id",
	    (long long)id, at);
}

static int64_t
milestone(const char *title, const char *timescale)
{
	return fx_add(fx.st, ENT_MILESTONE, FX_VALS({ "commission", "CC" },
	    { "title", title }, { "timescale", timescale }));
}

/* A draft moved to tested on DAY, as the audit trail will date it. */
static void
moved_on(const char *title, struct date day)
{
	int64_t id = fx_add(fx.st, ENT_RECOMMENDATION, FX_VALS({ "subgroup",
	    "CC-LCL" }, { "title", title }));
	struct err e;

	date_set_today(day);
	ck_assert_msg(store_advance(fx.st, id, "tested", 0, NULL, 0, &e) == 0,
	    "%s", e.msg);
}

/*
 * The period is 2012-01-01 to 2012-06-30. Recommendations A to K and
 * milestones M1 to M6 sit on the days either side of its ends.
 */
static void
world(void)
{
	int64_t id;

	fx_setup_world();
	rec("A", "adopted", "2011-12-31", NULL, NULL, 0);
	id = rec("B", "in_delivery", "2012-01-01", NULL, NULL, fx.lcl_member);
	update(id, "2011-12-31");
	id = rec("C", "adopted", "2012-06-30", NULL, NULL, fx.brk_chair);
	update(id, "2012-06-30");
	rec("D", "adopted", "2012-07-01", NULL, NULL, fx.brk_chair);
	id = rec("E", "delivered", "2012-03-01", NULL, "2012-06-30",
	    fx.lcl_member);
	update(id, "2012-01-01");
	rec("F", "delivered", "2012-03-01", NULL, "2012-07-01", fx.brk_chair);
	rec("G", "in_delivery", "2012-02-01", "2012-08-01", NULL, 0);
	rec("K", "rejected", "2012-05-01", NULL, NULL, fx.brk_chair);
	milestone("M1", "End December 2011");
	milestone("M2", "End June 2012");
	milestone("M3", "December 2011/January 2012");
	milestone("M4", "July 2012");
	id = milestone("M5", "End December 2011");
	fx_edit(fx.st, ENT_MILESTONE, id, FX_VALS({ "state", "done" },
	    { "done", "2012-01-01" }));
	id = milestone("M6", "1 January 2012");
	fx_edit(fx.st, ENT_MILESTONE, id, FX_VALS({ "state", "cancelled" }));
	moved_on("S1", (struct date){ 2011, 12, 31 });
	moved_on("S2", (struct date){ 2012, 6, 30 });
	moved_on("S3", (struct date){ 2012, 7, 1 });
	date_set_today((struct date){ 2012, 7, 15 });
}

static char *
report(const char *from, const char *to, enum doc_format f, bool by_theme)
{
	struct progress_options o = { 0 };
	struct fx_mem m;
	struct err e;

	o.from = from;
	o.to = to;
	o.format = f;
	o.by_theme = by_theme;
	o.rules.amber_days = 30;
	o.rules.stale_days = 60;
	ck_assert_msg(progress_report_write(fx.st, &o, fx_mem_open(&m), &e) ==
	    0, "%s", e.msg);
	return fx_mem_text(&m, NULL);
}

/* "section:title ..." for each row of the CSV, in its order. */
static char *
sections(const char *from, const char *to)
{
	char *csv = report(from, to, DOC_CSV, false);
	struct csv_reader r;
	struct csv_row row = { 0 };
	struct buf b;
	struct err e;

	buf_init(&b);
	csv_reader_init(&r, csv, strlen(csv));
	ck_assert_int_eq(csv_read_row(&r, &row, &e), 1);
	ck_assert_str_eq(row.fields[0], "section");
	ck_assert_str_eq(row.fields[5], "title");
	while (csv_read_row(&r, &row, &e) == 1)
		buf_printf(&b, "%s%s:%s", b.len ? " " : "", row.fields[0],
		    row.fields[5]);
	csv_row_done(&row);
	free(csv);
	return buf_steal(&b);
}

static const struct {
	struct date today;
	const char *from, *to;
	const char *want;
} periods[] = {
	/* After the period: as at its last day. C, due that day, is amber
	 * (not late); F, delivered the day after, is late; E, delivered on
	 * the last day, is done; M2, ending that day, is not overdue. C's
	 * update on the last day counts; D and F never had one, and B's was
	 * the day before the period. */
	{ { 2012, 7, 15 }, "2012-01-01", "2012-06-30",
	    "due:M3 due:M6 due:M2 due:B due:E due:F due:K due:C "
	    "done:M5 done:E "
	    "late:M3 late:M1 late:A late:B late:F "
	    "stage_change:S2 no_update:D no_update:F no_update:B" },
	/* Inside it: as at 15 March, E's delivery has not happened yet. */
	{ { 2012, 3, 15 }, "2012-01-01", "2012-06-30",
	    "due:M3 due:M6 due:M2 due:B due:E due:F due:K due:C "
	    "done:M5 "
	    "late:M3 late:M1 late:A late:B late:E late:F "
	    "stage_change:S2 no_update:D no_update:F no_update:B" },
	/* One day, the last: what falls on it. */
	{ { 2012, 7, 15 }, "2012-06-30", "2012-06-30",
	    "due:M2 due:C done:E "
	    "late:M3 late:M1 late:A late:B late:F "
	    "stage_change:S2 no_update:D no_update:F no_update:B "
	    "no_update:E" },
	/* One day, the first: B is due that day (amber, not late), M3 has
	 * not ended; E's update was that day. */
	{ { 2012, 7, 15 }, "2012-01-01", "2012-01-01",
	    "due:M3 due:M6 due:B done:M5 "
	    "late:M1 late:A "
	    "no_update:C no_update:D no_update:F no_update:B" },
};

START_TEST(test_sections_at_the_boundaries)
{
	char *got;

	date_set_today(periods[_i].today);
	got = sections(periods[_i].from, periods[_i].to);
	ck_assert_str_eq(got, periods[_i].want);
	free(got);
}
END_TEST

START_TEST(test_markdown_summary)
{
	char *md = report("2012-01-01", "2012-06-30", DOC_MD, false);

	fx_assert_has(md, "# Progress report, 1 January 2012 to 30 June "
	    "2012\n");
	fx_assert_has(md, "as at 30 June 2012");
	fx_assert_has(md, "| Due | Done | Late | Changed stage | No update |");
	fx_assert_has(md, "| CC Co-operative Commission (the whole "
	    "commission) | 3 | 1 | 2 | 0 | 0 |");
	fx_assert_has(md, "| All | 8 | 2 | 5 | 1 | 3 |");
	fx_assert_has(md, "#### Late at 30 June 2012");
	fx_assert_has(md, "| Lou Member | CC-LCL-02 B |");
	free(md);
}
END_TEST

START_TEST(test_html_by_theme)
{
	char *html;

	fx_sql("UPDATE subgroup SET theme = 'Service <area>'");
	html = report("2012-01-01", "2012-06-30", DOC_HTML, true);
	ck_assert_int_eq(strncmp(html, "<!DOCTYPE html>", 15), 0);
	fx_assert_has(html, "<h3>Service &lt;area&gt;</h3>");
	fx_assert_has(html, "<h3>No theme stated</h3>");
	ck_assert(strstr(html, "<h3>Service") < strstr(html,
	    "<h3>No theme"));
	fx_assert_has(html, "<tr class=\"total\"><td>All</td>");
	fx_assert_has(html, "</html>\n");
	free(html);
}
END_TEST

static const struct {
	const char *from, *to, *words;
} bad[] = {
	{ "2012-07-01", "2012-06-30", "runs backwards" },
	{ "2012-02-30", "2012-06-30", "--from" },
	{ "2012-01-01", "30/06/2012", "--to" },
	{ NULL, "2012-06-30", "first day of the period (--from) is missing" },
	{ "2012-01-01", NULL, "(--to) is missing" },
};

START_TEST(test_bad_period_refused)
{
	struct progress_options o = { 0 };
	struct fx_mem m;
	struct err e;
	size_t len;

	ck_assert_int_eq(progress_report_period(bad[_i].from, bad[_i].to,
	    &e), -1);
	fx_assert_has(e.msg, bad[_i].words);
	o.from = bad[_i].from;
	o.to = bad[_i].to;
	ck_assert_int_eq(progress_report_write(fx.st, &o, fx_mem_open(&m),
	    &e), -1);
	ck_assert_int_eq(e.code, ERR_INVALID);
	free(fx_mem_text(&m, &len));
	ck_assert_uint_eq(len, 0);
}
END_TEST

START_TEST(test_by)
{
	bool theme = true;
	struct err e;

	ck_assert_int_eq(progress_report_by(NULL, &theme, &e), 0);
	ck_assert(!theme);
	ck_assert_int_eq(progress_report_by("theme", &theme, &e), 0);
	ck_assert(theme);
	ck_assert_int_eq(progress_report_by("colour", &theme, &e), -1);
	fx_assert_has(e.msg, "subgroup or theme");
}
END_TEST

Suite *
progress_report_suite(void)
{
	Suite *s = suite_create("progress_report");
	TCase *tc = tcase_create("period");

	tcase_add_checked_fixture(tc, world, fx_teardown);
	tcase_add_loop_test(tc, test_sections_at_the_boundaries, 0,
	    sizeof periods / sizeof periods[0]);
	tcase_add_test(tc, test_markdown_summary);
	tcase_add_test(tc, test_html_by_theme);
	tcase_add_loop_test(tc, test_bad_period_refused, 0,
	    sizeof bad / sizeof bad[0]);
	tcase_add_test(tc, test_by);
	suite_add_tcase(s, tc);
	return s;
}
