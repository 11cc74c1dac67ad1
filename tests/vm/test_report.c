/*
 * test_report.c: the report to Cabinet and the minutes, written into
 * memory and read back: totals exact to the penny on amounts chosen to
 * trip floating point, the CSV read back with util/csv, the Markdown's
 * structure, key decisions, escaping, and the minutes of a meeting.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../check.h"
#include "../store/fixture.h"
#include "coopcom/store/impact.h"
#include "coopcom/store/meeting.h"
#include "coopcom/util/csv.h"
#include "coopcom/vm/minutes.h"
#include "coopcom/vm/report.h"

static int64_t
rec(const char *sg, const char *title, const char *term, const char *savings,
    const char *cost, const char *stage)
{
	int64_t id = fx_add(fx.st, ENT_RECOMMENDATION, FX_VALS(
	    { "subgroup", sg }, { "title", title }, { "term", term },
	    { "savings", savings }, { "upfront-cost", cost }));

	fx_sql_intf("UPDATE recommendation SET stage = '%s' WHERE id = %lld "
	    "RETURNING id", stage, (long long)id);
	return id;
}

/* Amounts whose sum in binary floating point is not exact. */
static void
world(void)
{
	fx_setup_world();
	rec("CC-LCL", "Ten pence", "short", "£0.10", "£0.20", "approved");
	rec("CC-LCL", "Twenty pence", "short", "£0.20", "£0.10", "in_report");
	rec("CC-LCL", "A long one", "long", "£1,000,000.01", "£0.07",
	    "adopted");
	rec("CC-BRK", "<b>Bins</b> & *more*", "medium", "£33.33", "£66.67",
	    "delivered");
	rec("CC-BRK", "Not stated", NULL, "£0.01", "0", "accepted");
	/* Not in the report: not approved, or refused later. */
	rec("CC-LCL", "Still a draft", "short", "£999", "£999", "draft");
	rec("CC-BRK", "Turned down", "short", "£999", "£999", "not_accepted");
	rec("CC-BRK", "Rejected", "short", "£999", "£999", "rejected");
}

static char *
write_report(enum doc_format f, int64_t key_pence)
{
	struct report_options o = { 0 };
	struct fx_mem m;
	struct err e;

	o.format = f;
	o.key_decision_pence = key_pence;
	ck_assert_msg(report_write(fx.st, &o, fx_mem_open(&m), &e) == 0, "%s",
	    e.msg);
	return fx_mem_text(&m, NULL);
}

static size_t
col(const struct csv_row *head, const char *name)
{
	size_t i;

	for (i = 0; i < head->n; i++)
		if (strcmp(head->fields[i], name) == 0)
			return i;
	ck_abort_msg("no column %s", name);
	return 0;
}

/* The CSV row whose first cells are ROW, SUBGROUP and TERM. */
static void
find_total(const char *csv, const char *row, const char *subgroup,
    const char *term, const char *savings, const char *cost,
    const char *count)
{
	struct csv_reader r;
	struct csv_row head = { 0 }, line = { 0 };
	struct err e;
	bool found = false;

	csv_reader_init(&r, csv, strlen(csv));
	ck_assert_int_eq(csv_read_row(&r, &head, &e), 1);
	while (csv_read_row(&r, &line, &e) == 1) {
		if (strcmp(line.fields[col(&head, "row")], row) != 0 ||
		    strcmp(line.fields[col(&head, "subgroup")], subgroup) != 0 ||
		    strcmp(line.fields[col(&head, "term")], term) != 0)
			continue;
		ck_assert_str_eq(line.fields[col(&head, "savings_pence")],
		    savings);
		ck_assert_str_eq(line.fields[col(&head, "upfront_cost_pence")],
		    cost);
		ck_assert_str_eq(line.fields[col(&head, "recommendations")],
		    count);
		found = true;
	}
	csv_row_done(&head);
	csv_row_done(&line);
	ck_assert_msg(found, "no %s row for \"%s\" \"%s\"", row, subgroup,
	    term);
}

START_TEST(test_csv_totals_to_the_penny)
{
	char *csv = write_report(DOC_CSV, 50000000);

	find_total(csv, "total", "", "", "100003365", "6704", "5");
	find_total(csv, "subgroup_total", "CC-LCL", "", "100000031", "37", "3");
	find_total(csv, "subgroup_total", "CC-BRK", "", "3334", "6667", "2");
	find_total(csv, "term_total", "", "short", "30", "30", "2");
	find_total(csv, "term_total", "", "long", "100000001", "7", "1");
	find_total(csv, "term_total", "", "not_stated", "1", "0", "1");
	free(csv);
}
END_TEST

START_TEST(test_csv_rows_read_back)
{
	char *csv = write_report(DOC_CSV, 50000000);
	struct csv_reader r;
	struct csv_row head = { 0 }, line = { 0 };
	struct err e;
	int rows = 0, recs = 0;

	csv_reader_init(&r, csv, strlen(csv));
	ck_assert_int_eq(csv_read_row(&r, &head, &e), 1);
	ck_assert_str_eq(head.fields[0], "row");
	ck_assert_str_eq(head.fields[head.n - 1], "impact_comments");
	ck_assert_str_eq(head.fields[col(&head, "impact_finance")],
	    "impact_finance");
	while (csv_read_row(&r, &line, &e) == 1) {
		ck_assert_uint_eq(line.n, head.n);
		rows++;
		if (strcmp(line.fields[0], "recommendation") != 0)
			continue;
		recs++;
		if (strcmp(line.fields[col(&head, "ref")], "CC-BRK-01") == 0) {
			ck_assert_str_eq(line.fields[col(&head, "title")],
			    "<b>Bins</b> & *more*");
			ck_assert_str_eq(line.fields[col(&head, "savings")],
			    "£33.33");
		}
	}
	/* 5 recommendations, 2 sub-groups, 4 terms, 1 total. */
	ck_assert_int_eq(recs, 5);
	ck_assert_int_eq(rows, 12);
	csv_row_done(&head);
	csv_row_done(&line);
	free(csv);
}
END_TEST

START_TEST(test_markdown_structure)
{
	char *md;

	fx_add(fx.st, ENT_ENGAGEMENT, FX_VALS({ "subgroup", "CC-LCL" },
	    { "date", "2011-10-10" }, { "method", "Survey" }));
	fx_sql("UPDATE recommendation SET equality_impact = 'Step-free "
	    "access first', body = 'Charge ten pence less.' WHERE id = 1");
	md = write_report(DOC_MD, 100000000);
	fx_assert_has(md, "##### CC-LCL-01 Ten pence\n\nCharge ten pence "
	    "less.\n");
	fx_assert_has(md, "| Savings | £0.10 |\n| Up-front cost | £0.20 |");
	fx_assert_has(md, "**Equality impact (Citizens' Group):** Step-free "
	    "access first");
	ck_assert(strncmp(md, "# Report to Cabinet", 19) == 0);
	fx_assert_has(md, "### CC-BRK Bins, Recycling and Kerbside");
	fx_assert_has(md, "#### Short term (6 months)");
	fx_assert_has(md, "#### Term not stated");
	/* The heading escapes what would format. */
	fx_assert_has(md, "CC-BRK-01 \\<b\\>Bins\\</b\\> & \\*more\\*");
	fx_assert_has(md, "| All sub-groups | 5 | £1,000,033.65 | £67.04 | 1 |");
	fx_assert_has(md, "| Long term (3 years and more) | 1 | "
	    "£1,000,000.01 | £0.07 | 1 |");
	fx_assert_has(md, "CC-LCL-03 A long one (key decision)");
	fx_assert_has(md, "## Membership of the commission and its "
	    "sub-groups");
	fx_assert_has(md, "| Sam Secretary | secretary |");
	fx_assert_has(md, "## Engagement carried out");
	fx_assert_has(md, "| Survey |");
	fx_assert_has(md, "## Appendix: timescales");
	ck_assert_ptr_null(strstr(md, "Still a draft"));
	ck_assert_ptr_null(strstr(md, "Turned down"));
	free(md);
}
END_TEST

START_TEST(test_impact_grid_in_report)
{
	struct err e;
	char *md;

	ck_assert_int_eq(store_impact_set(fx.st, 1, 14, IMPACT_NEGATIVE,
	    "More | landfill", 0, &e), 0);
	md = write_report(DOC_MD, 50000000);
	fx_assert_has(md, "| Waste minimisation & resource use |  |  | x | "
	    "More \\| landfill |");
	fx_assert_has(md, "| **Environmental** |");
	fx_assert_has(md, "| Waste minimisation & resource use | 1 | 0 | 0 | "
	    "4 | CC-LCL-01 |");
	fx_assert_has(md, "**Integrated impact assessment:** not yet carried "
	    "out.");
	free(md);
}
END_TEST

START_TEST(test_html_escaped)
{
	char *html = write_report(DOC_HTML, 50000000);

	ck_assert(strncmp(html, "<!DOCTYPE html>", 15) == 0);
	fx_assert_has(html, "@media print");
	fx_assert_has(html, "&lt;b&gt;Bins&lt;/b&gt; &amp; *more*");
	/* The overall totals, to the penny, as in the other formats. */
	fx_assert_has(html, "£1,000,033.65");
	fx_assert_has(html, "£67.04");
	ck_assert_ptr_null(strstr(html, "<b>Bins"));
	ck_assert_ptr_null(strstr(html, "src="));
	ck_assert_ptr_null(strstr(html, "href="));
	ck_assert(strstr(html, "</html>\n") != NULL);
	free(html);
}
END_TEST

static void
progress(void *arg, int64_t done, int64_t total)
{
	int64_t *seen = arg;

	ck_assert_int_le(done, total);
	seen[0] = done;
	seen[1] = total;
}

START_TEST(test_progress)
{
	struct report_options o = { 0 };
	int64_t seen[2] = { -1, -1 };
	struct err e;
	FILE *fp = fopen("/dev/null", "w");

	o.format = DOC_HTML;
	o.progress = progress;
	o.arg = seen;
	ck_assert_int_eq(report_write(fx.st, &o, fp, &e), 0);
	fclose(fp);
	ck_assert_int_eq(seen[0], 5);
	ck_assert_int_eq(seen[1], 5);
}
END_TEST

START_TEST(test_minutes)
{
	struct store_decision d = { .outcome = "referred_back",
		.reason = "Cost it first", .voted = true, .votes_for = 7,
		.votes_against = 2, .actions = "Chair to write" };
	int64_t m = fx_add(fx.st, ENT_MEETING, FX_VALS({ "body", "assembly" },
	    { "commission", "CC" }, { "date", "2012-01-17" },
	    { "place", "Civic Offices" }, { "title", "Second meeting" }));
	int64_t r = rec("CC-LCL", "Sundays", "short", "0", "0", "submitted");
	struct fx_mem mem;
	struct err e;
	char *text;

	ck_assert_int_eq(store_attend(fx.st, m, FX_SECRETARY, "present", &e),
	    0);
	ck_assert_int_eq(store_attend(fx.st, m, FX_OBSERVER, "apologies", &e),
	    0);
	ck_assert_msg(store_decide(fx.st, m, r, &d, NULL, &e) == 0, "%s",
	    e.msg);
	ck_assert_int_eq(minutes_write(fx.st, m, DOC_MD, fx_mem_open(&mem),
	    &e), 0);
	text = fx_mem_text(&mem, NULL);
	fx_assert_has(text, "# Minutes (draft): Second meeting");
	fx_assert_has(text, "17 January 2012, Civic Offices");
	fx_assert_has(text, "**Present:** Sam Secretary");
	fx_assert_has(text, "**Apologies:** Olive Observer");
	fx_assert_has(text, "no quorum is set");
	fx_assert_has(text, "### 1. CC-LCL-05 Sundays");
	fx_assert_has(text, "**Decision:** Referred back");
	fx_assert_has(text, "**Vote:** 7 for, 2 against, 0 abstaining.");
	fx_assert_has(text, "**Reasons:** Cost it first");
	fx_assert_has(text, "**Actions:** Chair to write");
	free(text);
	ck_assert_int_eq(minutes_write(fx.st, 999, DOC_MD, stdout, &e), -1);
	ck_assert_int_eq(e.code, ERR_NOTFOUND);
}
END_TEST

Suite *
report_suite(void)
{
	Suite *s = suite_create("report");
	TCase *tc = tcase_create("report");

	tcase_add_checked_fixture(tc, world, fx_teardown);
	tcase_add_test(tc, test_csv_totals_to_the_penny);
	tcase_add_test(tc, test_csv_rows_read_back);
	tcase_add_test(tc, test_markdown_structure);
	tcase_add_test(tc, test_impact_grid_in_report);
	tcase_add_test(tc, test_html_escaped);
	tcase_add_test(tc, test_progress);
	tcase_add_test(tc, test_minutes);
	suite_add_tcase(s, tc);
	return s;
}
