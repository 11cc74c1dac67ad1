/*
 * test_timeline_order.c: the order of the timeline and the due state of
 * each item, over every form of timescale the store accepts.
 *
 * Milestones are made through store_create with one timescale of each
 * form timescale.h lists, read back through the "milestones" and
 * "timeline" lists and the calendar (the CSV and iCalendar exports'
 * source), and their due state is taken at the days where it changes,
 * as the chart and the exports take it: rag_due over the listed range.
 * Recommendations' due dates (the target, or the revised date over it)
 * sort among them, and `list recommendations --overdue` turns at the
 * day after the due date.
 */
#include <check.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "../check.h"
#include "coopcom/core/date.h"
#include "coopcom/core/rag.h"
#include "coopcom/store/calendar.h"
#include "coopcom/store/list.h"
#include "coopcom/util/xalloc.h"
#include "fixture.h"

#define AMBER 30	/* the config's default amber_days */

/*
 * One timescale of each form, as a milestone of CC-LCL (CC was
 * established in 2011: the year of a text with none), and the range
 * and dating the store derives.
 */
static const struct form {
	const char *text, *earliest, *latest, *dating;
} forms[] = {
	/* A single day, in every notation. */
	{ "26 July 2011", "2011-07-26", "2011-07-26", "exact" },
	{ "1st July 2011", "2011-07-01", "2011-07-01", "exact" },
	{ "July 26, 2011", "2011-07-26", "2011-07-26", "exact" },
	{ "2011-07-27", "2011-07-27", "2011-07-27", "exact" },
	{ "28/07/2011", "2011-07-28", "2011-07-28", "exact" },
	{ "29-07-2011", "2011-07-29", "2011-07-29", "exact" },
	{ "Launch 31 October 2011", "2011-10-31", "2011-10-31", "exact" },
	/* Days of a month. */
	{ "1-7 June 2011", "2011-06-01", "2011-06-07", "range" },
	{ "1st to 7th June 2011", "2011-06-01", "2011-06-07", "range" },
	/* Months. */
	{ "September 2011", "2011-09-01", "2011-09-30", "range" },
	{ "Sept 2011", "2011-09-01", "2011-09-30", "range" },
	{ "by November 2011", "2011-11-01", "2011-11-30", "range" },
	/* Early, mid, late and end of a month. */
	{ "early October 2011", "2011-10-01", "2011-10-10", "range" },
	{ "beginning of October 2011", "2011-10-01", "2011-10-10", "range" },
	{ "start of October 2011", "2011-10-01", "2011-10-10", "range" },
	{ "mid-November 2011", "2011-11-11", "2011-11-20", "range" },
	{ "middle of November 2011", "2011-11-11", "2011-11-20", "range" },
	{ "late July 2011", "2011-07-21", "2011-07-31", "range" },
	{ "End July 2011", "2011-07-21", "2011-07-31", "range" },
	{ "end of July 2011", "2011-07-21", "2011-07-31", "range" },
	{ "Phase 1 – End July 2011", "2011-07-21", "2011-07-31", "range" },
	{ "End February 2012 (coincide with the budget)", "2012-02-21",
	    "2012-02-29", "range" },
	/* Seasons; the winter that begins in 2011 ends in leap February. */
	{ "Spring 2012", "2012-03-01", "2012-05-31", "range" },
	{ "Summer 2012", "2012-06-01", "2012-08-31", "range" },
	{ "Autumn 2012", "2012-09-01", "2012-11-30", "range" },
	{ "Winter 2011", "2011-12-01", "2012-02-29", "range" },
	/* Quarters, a bare year, financial years. */
	{ "Q1 2012", "2012-01-01", "2012-03-31", "range" },
	{ "Q4 2012", "2012-10-01", "2012-12-31", "range" },
	{ "2012", "2012-01-01", "2012-12-31", "range" },
	{ "end 2012", "2012-01-01", "2012-12-31", "range" },
	{ "2012/13", "2012-04-01", "2013-03-31", "range" },
	{ "2011-12", "2011-04-01", "2012-03-31", "range" },
	/* Several expressions: from the earliest to the latest day. */
	{ "1 June – 7 July 2011", "2011-06-01", "2011-07-07", "range" },
	{ "October/November 2011", "2011-10-01", "2011-11-30", "range" },
	{ "December 2011/January 2012", "2011-12-01", "2012-01-31", "range" },
	{ "December/January 2012", "2011-12-01", "2012-01-31", "range" },
	{ "Internal campaign – end of August 2011, event in a school – "
	    "October 2011", "2011-08-21", "2011-10-31", "range" },
	{ "Went live on 1 July 2011 – 118 suggestions received 1-14 July",
	    "2011-07-01", "2011-07-14", "range" },
	/* The year from the commission's. */
	{ "late July/early September", "2011-07-21", "2011-09-10", "range" },
	{ "December/January", "2011-12-01", "2012-01-31", "range" },
	{ "mid November", "2011-11-11", "2011-11-20", "range" },
	{ "date to be confirmed – late July", "2011-07-21", "2011-07-31",
	    "range" },
	/* No usable date. */
	{ "To be confirmed", NULL, NULL, "tbc" },
	{ "when funding allows", NULL, NULL, "undated" },
	{ "TBC", NULL, NULL, "tbc" },
	{ "to be agreed", NULL, NULL, "tbc" },
	{ "this may slip", NULL, NULL, "undated" },
};

#define NFORMS (sizeof forms / sizeof forms[0])

static int64_t
milestone(const char *parent, const char *title, const char *timescale)
{
	return fx_add(fx.st, ENT_MILESTONE, FX_VALS({ parent[2] == '-' ?
	    "subgroup" : "commission", parent }, { "title", title },
	    { "timescale", timescale }));
}

/* Every form, in the table's order: ids[i] is forms[i]'s milestone. */
static void
add_forms(int64_t *ids)
{
	char title[16];
	size_t i;

	for (i = 0; i < NFORMS; i++) {
		snprintf(title, sizeof title, "form %02zu", i);
		ids[i] = milestone("CC-LCL", title, forms[i].text);
	}
}

static void
set_today(const char *iso)
{
	struct date d;
	struct err e;

	ck_assert_int_eq(date_parse_iso(iso, &d, &e), 0);
	date_set_today(d);
}

/* Dated before undated; by earliest, then latest day; then by id. */
static int
form_order(const void *a, const void *b)
{
	const struct form *x = &forms[*(const size_t *)a];
	const struct form *y = &forms[*(const size_t *)b];
	int c;

	if ((x->earliest == NULL) != (y->earliest == NULL))
		return x->earliest == NULL ? 1 : -1;
	if (x->earliest != NULL && (c = strcmp(x->earliest, y->earliest)))
		return c;
	if (x->latest != NULL && (c = strcmp(x->latest, y->latest)))
		return c;
	return (*(const size_t *)a > *(const size_t *)b) -
	    (*(const size_t *)a < *(const size_t *)b);
}

/* The table's indexes in the order a list must give. */
static void
expected_order(size_t *order)
{
	size_t i;

	for (i = 0; i < NFORMS; i++)
		order[i] = i;
	qsort(order, NFORMS, sizeof *order, form_order);
}

/* The index in forms of the milestone with id ID. */
static size_t
form_of(const int64_t *ids, int64_t id)
{
	size_t i;

	for (i = 0; i < NFORMS && ids[i] != id; i++)
		;
	ck_assert_msg(i < NFORMS, "milestone %" PRId64 " is not a form", id);
	return i;
}

static const char *
cell(struct store_cursor *c, const char *name)
{
	return store_cursor_text(c, store_cursor_column(c, name));
}

static void
assert_text(const char *got, const char *want, const char *what,
    const char *text)
{
	ck_assert_msg((got == NULL && want == NULL) || (got && want &&
	    strcmp(got, want) == 0), "%s of \"%s\": got %s, want %s", what,
	    text, got ? got : "NULL", want ? want : "NULL");
}

/* The row's range and dating are those of its form. */
static void
assert_form(struct store_cursor *c, const struct form *f)
{
	assert_text(cell(c, "earliest"), f->earliest, "earliest", f->text);
	assert_text(cell(c, "latest"), f->latest, "latest", f->text);
	assert_text(cell(c, "dating"), f->dating, "dating", f->text);
	assert_text(cell(c, "timescale"), f->text, "timescale", f->text);
}

START_TEST(test_milestones_list_order)
{
	struct list_filter f = { 0 };
	size_t order[NFORMS], n = 0, i;
	int64_t ids[NFORMS];
	struct store_cursor *c;
	struct err e;
	int rc;

	add_forms(ids);
	expected_order(order);
	err_clear(&e);
	ck_assert_int_eq(store_list_open(fx.st, "milestones", &f, &c, &e), 0);
	while ((rc = store_cursor_next(c, &e)) == 1) {
		ck_assert_uint_lt(n, NFORMS);
		i = form_of(ids, strtoll(cell(c, "id"), NULL, 10));
		ck_assert_msg(i == order[n], "row %zu: \"%s\", want \"%s\"", n,
		    forms[i].text, forms[order[n]].text);
		assert_form(c, &forms[i]);
		n++;
	}
	ck_assert_int_eq(rc, 0);
	store_cursor_close(c);
	ck_assert_uint_eq(n, NFORMS);
}
END_TEST

/* A recommendation of CC-LCL at STAGE, due on TARGET (set by hand). */
static int64_t
recommendation(const char *stage, const char *target)
{
	int64_t id = fx_add(fx.st, ENT_RECOMMENDATION, FX_VALS(
	    { "subgroup", "CC-LCL" }, { "title", "Open on Sundays" }));
	char *sql = x_printf("UPDATE recommendation SET stage = '%s', "
	    "target_date = '%s' WHERE id = %" PRId64, stage, target, id);

	fx_sql(sql);
	free(sql);
	return id;
}

/* "m3 r1 m4 ...": the kinds and ids of a timeline list, in its order. */
static char *
timeline_keys(const char *list)
{
	struct list_filter f = { 0 };
	struct store_cursor *c;
	struct buf b;
	struct err e;
	int rc;

	err_clear(&e);
	buf_init(&b);
	ck_assert_int_eq(store_list_open(fx.st, list, &f, &c, &e), 0);
	while ((rc = store_cursor_next(c, &e)) == 1)
		buf_printf(&b, "%s%c%s", b.len ? " " : "", cell(c, "kind")[0],
		    cell(c, "id"));
	ck_assert_int_eq(rc, 0);
	store_cursor_close(c);
	return buf_steal(&b);
}

/* Whether form F sorts after a recommendation due on DUE: a milestone
 * comes first on the same days. */
static bool
after_due(const struct form *f, const char *due)
{
	int c;

	if (f->earliest == NULL)
		return true;
	c = strcmp(f->earliest, due);
	return c > 0 || (c == 0 && strcmp(f->latest, due) > 0);
}

/*
 * The timeline, both groupings: the forms in date order, and two
 * recommendations among them, one at its target date and one at the
 * revised date that overrides its target; on the same days a milestone
 * comes before a recommendation.
 */
START_TEST(test_timeline_list_order)
{
	static const char *const lists[] = { "timeline", "timeline_themes" };
	static const char *const due[] = { "2011-07-26", "2012-02-29" };
	int64_t ids[NFORMS], recs[2];
	size_t order[NFORMS], i, r, next = 0;
	struct buf want;
	char *got;

	add_forms(ids);
	recs[0] = recommendation("adopted", due[0]);
	recs[1] = recommendation("adopted", "2011-06-01");
	fx_edit(fx.st, ENT_RECOMMENDATION, recs[1], FX_VALS({ "revised",
	    due[1] }));
	expected_order(order);
	buf_init(&want);
	for (i = 0; i < NFORMS; i++) {
		for (r = next; r < 2 && after_due(&forms[order[i]], due[r]);
		    r++)
			buf_printf(&want, " r%" PRId64, recs[r]);
		next = r;
		buf_printf(&want, " m%" PRId64, ids[order[i]]);
	}
	got = timeline_keys(lists[_i]);
	ck_assert_str_eq(got, buf_str(&want) + 1);
	free(got);
	buf_done(&want);
}
END_TEST

/* The calendar (the exports) lists them in the same order, but for the
 * undated: "to be confirmed" before those with no date at all. */
START_TEST(test_calendar_order)
{
	size_t order[NFORMS], undated[NFORMS], n = 0, nu = 0, i, k;
	const struct calendar_item *it;
	struct store_calendar *cal;
	int64_t ids[NFORMS], total;
	struct err e;
	int rc;

	add_forms(ids);
	expected_order(order);
	for (k = 0; k < 2; k++)
		for (i = 0; i < NFORMS; i++)
			if (forms[order[i]].earliest == NULL &&
			    (strcmp(forms[order[i]].dating, "tbc") == 0) ==
			    (k == 0))
				undated[nu++] = order[i];
	memcpy(order + NFORMS - nu, undated, nu * sizeof *undated);
	err_clear(&e);
	ck_assert_int_eq(store_calendar_open(fx.st, 0, 0, &cal, &total, &e),
	    0);
	ck_assert_int_eq(total, (int64_t)NFORMS);
	while ((rc = store_calendar_next(cal, &it, &e)) == 1) {
		ck_assert_uint_lt(n, NFORMS);
		i = form_of(ids, it->id);
		ck_assert_msg(i == order[n], "item %zu: \"%s\", want \"%s\"",
		    n, forms[i].text, forms[order[n]].text);
		assert_text(it->earliest, forms[i].earliest, "earliest",
		    forms[i].text);
		assert_text(it->latest, forms[i].latest, "latest",
		    forms[i].text);
		n++;
	}
	ck_assert_int_eq(rc, 0);
	store_calendar_close(cal);
	ck_assert_uint_eq(n, NFORMS);
}
END_TEST

/* Without a year to borrow (CG has no date of establishment). */
START_TEST(test_no_context_year)
{
	struct list_filter f = { .commission = "CG" };
	static const char *const want[][2] = {
		{ "mid November", "undated" },
		{ "date to be confirmed – late July", "tbc" },
		{ "late July/early September", "undated" },
	};
	struct store_cursor *c;
	struct err e;
	size_t i;

	for (i = 0; i < 3; i++)
		milestone("CG", "no year", want[i][0]);
	err_clear(&e);
	ck_assert_int_eq(store_list_open(fx.st, "milestones", &f, &c, &e), 0);
	for (i = 0; i < 3; i++) {
		ck_assert_int_eq(store_cursor_next(c, &e), 1);
		ck_assert_str_eq(cell(c, "timescale"), want[i][0]);
		ck_assert_str_eq(cell(c, "dating"), want[i][1]);
		ck_assert_ptr_null(cell(c, "earliest"));
	}
	ck_assert_int_eq(store_cursor_next(c, &e), 0);
	store_cursor_close(c);
}
END_TEST

/*
 * The due state at the days it changes: AMBER days before the first
 * day it is due soon, through the last day; overdue from the day after.
 */
static const struct {
	const char *timescale, *today, *due;
} due_at[] = {
	{ "late July 2011", "2011-06-20", "later" },
	{ "late July 2011", "2011-06-21", "soon" },
	{ "late July 2011", "2011-07-21", "soon" },
	{ "late July 2011", "2011-07-31", "soon" },
	{ "late July 2011", "2011-08-01", "overdue" },
	{ "26/07/2011", "2011-06-25", "later" },
	{ "26/07/2011", "2011-06-26", "soon" },
	{ "26/07/2011", "2011-07-26", "soon" },
	{ "26/07/2011", "2011-07-27", "overdue" },
	{ "Winter 2011", "2011-10-31", "later" },
	{ "Winter 2011", "2011-11-01", "soon" },
	{ "Winter 2011", "2011-12-01", "soon" },
	{ "Winter 2011", "2012-02-29", "soon" },
	{ "Winter 2011", "2012-03-01", "overdue" },
	{ "2012/13", "2012-03-01", "later" },
	{ "2012/13", "2012-03-02", "soon" },
	{ "2012/13", "2013-03-31", "soon" },
	{ "2012/13", "2013-04-01", "overdue" },
	{ "December/January", "2012-01-31", "soon" },
	{ "December/January", "2012-02-01", "overdue" },
	{ "To be confirmed", "2011-07-26", "undated" },
	{ "when funding allows", "2011-07-26", "undated" },
};

/* The due state of the single row of LIST, as the chart takes it. */
static const char *
listed_due(const char *list)
{
	struct list_filter f = { 0 };
	struct store_cursor *c;
	const char *state;
	enum rag_due due;
	struct err e;

	err_clear(&e);
	ck_assert_int_eq(store_list_open(fx.st, list, &f, &c, &e), 0);
	ck_assert_int_eq(store_cursor_next(c, &e), 1);
	state = cell(c, "state");
	due = rag_due(date_days_of(cell(c, "earliest"), RAG_NO_DATE),
	    date_days_of(cell(c, "latest"), RAG_NO_DATE),
	    strcmp(state, "done") == 0, strcmp(state, "cancelled") == 0,
	    date_to_days(date_today()), AMBER);
	ck_assert_int_eq(store_cursor_next(c, &e), 0);
	store_cursor_close(c);
	return rag_due_name(due);
}

/* ... and as the calendar export takes it. */
static const char *
calendar_due(void)
{
	const struct calendar_item *it;
	struct store_calendar *cal;
	enum rag_due due;
	int64_t total;
	struct err e;

	err_clear(&e);
	ck_assert_int_eq(store_calendar_open(fx.st, 0, 0, &cal, &total, &e),
	    0);
	ck_assert_int_eq(store_calendar_next(cal, &it, &e), 1);
	due = rag_due(date_days_of(it->earliest, RAG_NO_DATE),
	    date_days_of(it->latest, RAG_NO_DATE), it->done, it->cancelled,
	    date_to_days(date_today()), AMBER);
	store_calendar_close(cal);
	return rag_due_name(due);
}

START_TEST(test_due_at_boundaries)
{
	int64_t id = milestone("CC-LCL", "due", due_at[_i].timescale);

	set_today(due_at[_i].today);
	ck_assert_str_eq(listed_due("timeline"), due_at[_i].due);
	ck_assert_str_eq(listed_due("milestones"), due_at[_i].due);
	ck_assert_str_eq(calendar_due(), due_at[_i].due);
	/* Done or cancelled whatever the day. */
	fx_edit(fx.st, ENT_MILESTONE, id, FX_VALS({ "state", "done" }));
	ck_assert_str_eq(listed_due("timeline"), "done");
	ck_assert_str_eq(calendar_due(), "done");
	fx_edit(fx.st, ENT_MILESTONE, id, FX_VALS({ "state", "cancelled" }));
	ck_assert_str_eq(listed_due("timeline"), "cancelled");
}
END_TEST

/* A recommendation due on DUE, as the timeline shows it. */
START_TEST(test_recommendation_due)
{
	int64_t id = recommendation("adopted", "2011-07-26");

	set_today("2011-07-26");
	ck_assert_str_eq(listed_due("timeline"), "soon");
	set_today("2011-07-27");
	ck_assert_str_eq(listed_due("timeline"), "overdue");
	fx_edit(fx.st, ENT_RECOMMENDATION, id, FX_VALS({ "revised",
	    "2011-09-30" }));
	ck_assert_str_eq(listed_due("timeline"), "later");
	set_today("2011-08-31");
	ck_assert_str_eq(listed_due("timeline"), "soon");
	set_today("2011-08-30");
	ck_assert_str_eq(listed_due("timeline"), "later");
	set_today("2011-10-01");
	ck_assert_str_eq(listed_due("timeline"), "overdue");
}
END_TEST

static int64_t
overdue_count(void)
{
	struct list_filter f = { .overdue = true };
	struct err e;
	int64_t n;

	err_clear(&e);
	ck_assert_int_eq(store_list_count(fx.st, "recommendations", &f, &n,
	    &e), 0);
	return n;
}

/*
 * `list recommendations --overdue`: due yesterday is overdue, due today
 * is not; a revised date is the one that counts; a final stage never is.
 */
START_TEST(test_list_overdue)
{
	int64_t id = recommendation("adopted", "2011-07-26");

	recommendation("delivered", "2011-07-01");
	set_today("2011-07-26");
	ck_assert_int_eq(overdue_count(), 0);
	set_today("2011-07-27");
	ck_assert_int_eq(overdue_count(), 1);
	fx_edit(fx.st, ENT_RECOMMENDATION, id, FX_VALS({ "revised",
	    "2011-09-30" }));
	ck_assert_int_eq(overdue_count(), 0);
	set_today("2011-09-30");
	ck_assert_int_eq(overdue_count(), 0);
	set_today("2011-10-01");
	ck_assert_int_eq(overdue_count(), 1);
}
END_TEST

Suite *
timeline_order_suite(void)
{
	Suite *s = suite_create("timeline_order");
	TCase *tc = tcase_create("timeline_order");

	tcase_add_checked_fixture(tc, fx_setup_world, fx_teardown);
	tcase_add_test(tc, test_milestones_list_order);
	tcase_add_loop_test(tc, test_timeline_list_order, 0, 2);
	tcase_add_test(tc, test_calendar_order);
	tcase_add_test(tc, test_no_context_year);
	tcase_add_loop_test(tc, test_due_at_boundaries, 0,
	    sizeof due_at / sizeof due_at[0]);
	tcase_add_test(tc, test_recommendation_due);
	tcase_add_test(tc, test_list_overdue);
	suite_add_tcase(s, tc);
	return s;
}
