/*
 * test_rag.c: red/amber/green of delivery and the due state of a date
 * range, at the boundary days, with a fixed "today".
 */
#include <check.h>
#include <string.h>

#include "coopcom/core/date.h"
#include "coopcom/core/rag.h"

Suite *rag_suite(void);

#define NO RAG_NO_DATE

static int32_t
day(int y, int m, int d)
{
	return date_to_days((struct date){ y, m, d });
}

static const struct rag_rules rules = { 30, 60 };

/* Today is 2026-11-22 throughout; T is today's day number. */
#define T day(2026, 11, 22)

static const struct {
	const char *what;
	int target_off, revised_off, actual_off, update_off; /* from T */
	bool target_set, revised_set, actual_set, update_set;
	enum rag want;
	bool stale;
} delivery_cases[] = {
	{ "due in 31 days, recent update", 31, 0, 0, -1, 1, 0, 0, 1,
	    RAG_GREEN, 0 },
	{ "due in 30 days is amber", 30, 0, 0, -1, 1, 0, 0, 1, RAG_AMBER, 0 },
	{ "due today is amber", 0, 0, 0, -1, 1, 0, 0, 1, RAG_AMBER, 0 },
	{ "due yesterday is red", -1, 0, 0, -1, 1, 0, 0, 1, RAG_RED, 0 },
	{ "revised later: amber though far", 100, 200, 0, -1, 1, 1, 0, 1,
	    RAG_AMBER, 0 },
	{ "revised earlier: green", 200, 100, 0, -1, 1, 1, 0, 1, RAG_GREEN,
	    0 },
	{ "revised date passed: red", 10, -2, 0, -1, 1, 1, 0, 1, RAG_RED, 0 },
	{ "target passed but revised ahead", -10, 90, 0, -1, 1, 1, 0, 1,
	    RAG_AMBER, 0 },
	{ "update 60 days ago is not stale", 100, 0, 0, -60, 1, 0, 0, 1,
	    RAG_GREEN, 0 },
	{ "update 61 days ago is stale", 100, 0, 0, -61, 1, 0, 0, 1,
	    RAG_AMBER, 1 },
	{ "never updated is stale", 100, 0, 0, 0, 1, 0, 0, 0, RAG_AMBER, 1 },
	{ "delivered late is done", -50, 0, -5, -70, 1, 0, 1, 1, RAG_DONE,
	    0 },
	{ "no dates, recent update", 0, 0, 0, -3, 0, 0, 0, 1, RAG_NONE, 0 },
	{ "no dates, never updated", 0, 0, 0, 0, 0, 0, 0, 0, RAG_AMBER, 1 },
	{ "overdue and stale stays red", -1, 0, 0, -200, 1, 0, 0, 1, RAG_RED,
	    1 },
};

static struct rag_delivery_in
input_of(int i)
{
	struct rag_delivery_in in;

	in.target = delivery_cases[i].target_set ?
	    T + delivery_cases[i].target_off : NO;
	in.revised = delivery_cases[i].revised_set ?
	    T + delivery_cases[i].revised_off : NO;
	in.actual = delivery_cases[i].actual_set ?
	    T + delivery_cases[i].actual_off : NO;
	in.last_update = delivery_cases[i].update_set ?
	    T + delivery_cases[i].update_off : NO;
	return in;
}

START_TEST(test_delivery)
{
	struct rag_delivery_in in = input_of(_i);
	struct rag_result r = rag_delivery(&in, T, &rules);

	ck_assert_msg(r.rag == delivery_cases[_i].want, "%s: got %s",
	    delivery_cases[_i].what, rag_name(r.rag));
	ck_assert_msg(r.stale == delivery_cases[_i].stale, "%s: stale %d",
	    delivery_cases[_i].what, r.stale);
}
END_TEST

static const char *
explain(int target_off, int revised_off, bool revised, int update_off,
    bool updated)
{
	static char out[160];
	struct rag_delivery_in in = { T + target_off,
	    revised ? T + revised_off : NO, NO,
	    updated ? T + update_off : NO };

	rag_explain(rag_delivery(&in, T, &rules), out, sizeof out);
	return out;
}

START_TEST(test_explain)
{
	struct rag_delivery_in done = { T, NO, day(2026, 3, 1), NO };
	char small[8];

	ck_assert_str_eq(explain(-12, 0, 0, -1, 1), "overdue by 12 days");
	ck_assert_str_eq(explain(-1, 0, 0, -1, 1), "overdue by 1 day");
	ck_assert_str_eq(explain(0, 0, 0, -1, 1), "due today");
	ck_assert_str_eq(explain(3, 0, 0, -1, 1), "due in 3 days");
	ck_assert_str_eq(explain(200, 0, 0, -1, 1),
	    "on track, due in 200 days");
	ck_assert_str_eq(explain(10, 99, 1, -75, 1),
	    "due in 99 days; target revised to 2027-03-01; "
	    "no update for 75 days");
	ck_assert_str_eq(explain(10, 0, 0, 0, 0), "due in 10 days; "
	    "no update yet");
	rag_explain(rag_delivery(&done, T, &rules), small, sizeof small);
	ck_assert_str_eq(small, "deliver");
}
END_TEST

START_TEST(test_explain_no_date)
{
	struct rag_delivery_in in = { NO, NO, NO, T - 2 };
	struct rag_delivery_in done = { T, NO, day(2026, 3, 1), NO };
	char out[64];

	rag_explain(rag_delivery(&in, T, &rules), out, sizeof out);
	ck_assert_str_eq(out, "no target date");
	rag_explain(rag_delivery(&done, T, &rules), out, sizeof out);
	ck_assert_str_eq(out, "delivered 2026-03-01");
}
END_TEST

static const struct {
	int from, to;		/* offsets from T */
	bool dated, done, cancelled;
	enum rag_due want;
} due_cases[] = {
	{ 31, 40, 1, 0, 0, DUE_LATER },
	{ 30, 40, 1, 0, 0, DUE_SOON },
	{ -5, 5, 1, 0, 0, DUE_SOON },
	{ -5, 0, 1, 0, 0, DUE_SOON },
	{ -5, -1, 1, 0, 0, DUE_OVERDUE },
	{ -5, -1, 1, 1, 0, DUE_DONE },
	{ -5, -1, 1, 0, 1, DUE_CANCELLED },
	{ 0, 0, 0, 0, 0, DUE_UNDATED },
};

START_TEST(test_due)
{
	int32_t a = due_cases[_i].dated ? T + due_cases[_i].from : NO;
	int32_t b = due_cases[_i].dated ? T + due_cases[_i].to : NO;
	enum rag_due got = rag_due(a, b, due_cases[_i].done,
	    due_cases[_i].cancelled, T, rules.amber_days);

	ck_assert_msg(got == due_cases[_i].want, "case %d: got %s", _i,
	    rag_due_name(got));
}
END_TEST

START_TEST(test_names)
{
	ck_assert_str_eq(rag_name(RAG_RED), "red");
	ck_assert_str_eq(rag_name((enum rag)99), "none");
	ck_assert_str_eq(rag_due_name(DUE_SOON), "soon");
	ck_assert_str_eq(rag_due_name((enum rag_due)99), "undated");
}
END_TEST

Suite *
rag_suite(void)
{
	Suite *s = suite_create("rag");
	TCase *tc = tcase_create("rag");

	tcase_add_loop_test(tc, test_delivery, 0,
	    sizeof delivery_cases / sizeof delivery_cases[0]);
	tcase_add_test(tc, test_explain);
	tcase_add_test(tc, test_explain_no_date);
	tcase_add_loop_test(tc, test_due, 0,
	    sizeof due_cases / sizeof due_cases[0]);
	tcase_add_test(tc, test_names);
	suite_add_tcase(s, tc);
	return s;
}
