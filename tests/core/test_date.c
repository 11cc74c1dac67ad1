/*
 * test_date.c: civil dates, day numbers, ISO text, months and today.
 */
#include <check.h>
#include <string.h>

#include "coopcom/core/date.h"
#include "coopcom/util/err.h"

Suite *date_suite(void);

static int
same(struct date a, struct date b)
{
	return a.year == b.year && a.month == b.month && a.day == b.day;
}

/* Day numbers worked out independently, with Python's datetime. */
static const struct {
	struct date d;
	int32_t days;
} known_days[] = {
    {{1970, 1, 1}, 0},
    {{1969, 12, 31}, -1},
    {{2000, 2, 29}, 11016},
    {{2000, 3, 1}, 11017},
    {{2011, 7, 26}, 15181},
    {{2012, 2, 29}, 15399},
    {{1900, 3, 1}, -25508},
    {{1000, 1, 1}, -354285},
    {{9999, 12, 31}, 2932896},
    {{1600, 1, 1}, -135140},
};

START_TEST(test_known_days)
{
	char iso[DATE_ISO_SIZE];
	struct date back;

	date_format_iso(known_days[_i].d, iso);
	ck_assert_msg(date_to_days(known_days[_i].d) == known_days[_i].days,
	    "%s: got %d, want %d", iso, date_to_days(known_days[_i].d),
	    known_days[_i].days);
	back = date_from_days(known_days[_i].days);
	ck_assert_msg(same(back, known_days[_i].d), "%d: came back as %d-%d-%d",
	    known_days[_i].days, back.year, back.month, back.day);
}
END_TEST

/*
 * Every day from 1000 to 9999 survives the round trip and follows the one
 * before. Plain ifs: a Check assertion per day would take too long.
 */
START_TEST(test_round_trip_all_days)
{
	int32_t lo = date_to_days((struct date){1000, 1, 1});
	int32_t hi = date_to_days((struct date){9999, 12, 31});
	struct date prev = date_from_days(lo), d;
	int32_t n, bad = 0;

	for (n = lo + 1; n <= hi && bad == 0; n++) {
		d = date_from_days(n);
		if (!date_is_valid(d) || date_to_days(d) != n)
			bad = n;
		else if (d.day != 1 &&
		    (d.day != prev.day + 1 || d.month != prev.month))
			bad = n;
		else if (d.day == 1 &&
		    prev.day != date_days_in_month(prev.year, prev.month))
			bad = n;
		prev = d;
	}
	ck_assert_msg(
	    bad == 0, "day %d: %d-%d-%d", bad, d.year, d.month, d.day);
	ck_assert_int_eq(n, hi + 1);
}
END_TEST

/* Far outside the years people write, the conversions still agree. */
START_TEST(test_extreme_days)
{
	static const int32_t days[] = {INT32_MIN, INT32_MIN + 1, -719468,
	    -719469, -1, 0, 1, INT32_MAX - 1, INT32_MAX};
	size_t i;

	for (i = 0; i < sizeof days / sizeof days[0]; i++)
		ck_assert_int_eq(
		    date_to_days(date_from_days(days[i])), days[i]);
	ck_assert(same(date_from_days(-719468), (struct date){0, 3, 1}));
}
END_TEST

START_TEST(test_leap_years)
{
	ck_assert(date_is_leap(2012));
	ck_assert(date_is_leap(2000));
	ck_assert(date_is_leap(1600));
	ck_assert(!date_is_leap(2011));
	ck_assert(!date_is_leap(1900));
	ck_assert(!date_is_leap(2100));
	ck_assert_int_eq(date_days_in_month(2012, 2), 29);
	ck_assert_int_eq(date_days_in_month(2011, 2), 28);
	ck_assert_int_eq(date_days_in_month(1900, 2), 28);
	ck_assert_int_eq(date_days_in_month(2000, 2), 29);
	ck_assert_int_eq(date_days_in_month(2011, 4), 30);
	ck_assert_int_eq(date_days_in_month(2011, 12), 31);
	ck_assert_int_eq(date_days_in_month(2011, 0), 0);
	ck_assert_int_eq(date_days_in_month(2011, 13), 0);
	ck_assert(date_is_valid((struct date){2012, 2, 29}));
	ck_assert(!date_is_valid((struct date){2011, 2, 29}));
	ck_assert(!date_is_valid((struct date){999, 1, 1}));
	ck_assert(!date_is_valid((struct date){2011, 6, 31}));
}
END_TEST

static const struct {
	const char *text;
	struct date d;
} good_iso[] = {
    {"2011-07-26", {2011, 7, 26}},
    {"2012-02-29", {2012, 2, 29}},
    {"2000-02-29", {2000, 2, 29}},
    {"1000-01-01", {1000, 1, 1}},
    {"9999-12-31", {9999, 12, 31}},
};

START_TEST(test_parse_iso_good)
{
	struct date d = {0, 0, 0};
	struct err e;
	char back[DATE_ISO_SIZE];

	err_clear(&e);
	ck_assert_int_eq(date_parse_iso(good_iso[_i].text, &d, &e), 0);
	ck_assert(same(d, good_iso[_i].d));
	date_format_iso(d, back);
	ck_assert_str_eq(back, good_iso[_i].text);
}
END_TEST

#define FORM ": write the date as YYYY-MM-DD, e.g. 2011-07-26"

static const struct {
	const char *text;
	const char *msg;
} bad_iso[] = {
    {"", "\"\"" FORM},
    {"2011-7-26", "\"2011-7-26\"" FORM},
    {"26/07/2011", "\"26/07/2011\"" FORM},
    {" 2011-07-26", "\" 2011-07-26\"" FORM},
    {"2011-07-26 ", "\"2011-07-26 \"" FORM},
    {"2011-07-2x", "\"2011-07-2x\"" FORM},
    {"+011-07-26", "\"+011-07-26\"" FORM},
    {"0999-12-31", "\"0999-12-31\": the year must be between 1000 and 9999"},
    {"2011-13-01", "\"2011-13-01\": the month must be 01 to 12"},
    {"2011-00-01", "\"2011-00-01\": the month must be 01 to 12"},
    {"2011-02-29", "\"2011-02-29\": the day must be 01 to 28 in February 2011"},
    {"2012-02-30", "\"2012-02-30\": the day must be 01 to 29 in February 2012"},
    {"1900-02-29", "\"1900-02-29\": the day must be 01 to 28 in February 1900"},
    {"2011-06-31", "\"2011-06-31\": the day must be 01 to 30 in June 2011"},
    {"2011-07-00", "\"2011-07-00\": the day must be 01 to 31 in July 2011"},
};

START_TEST(test_parse_iso_bad)
{
	struct date d = {1, 2, 3};
	struct err e;

	err_clear(&e);
	ck_assert_int_eq(date_parse_iso(bad_iso[_i].text, &d, &e), -1);
	ck_assert_int_eq(e.code, ERR_INVALID);
	ck_assert_str_eq(e.msg, bad_iso[_i].msg);
	ck_assert(same(d, (struct date){1, 2, 3}));
}
END_TEST

static const struct {
	struct date from;
	int months;
	struct date to;
} add_months[] = {
    {{2011, 8, 31}, 6, {2012, 2, 29}},
    {{2010, 8, 31}, 6, {2011, 2, 28}},
    {{2011, 1, 31}, 1, {2011, 2, 28}},
    {{2011, 3, 31}, 1, {2011, 4, 30}},
    {{2011, 7, 26}, 0, {2011, 7, 26}},
    {{2011, 7, 26}, 18, {2013, 1, 26}},
    {{2011, 7, 26}, 36, {2014, 7, 26}},
    {{2011, 12, 15}, 1, {2012, 1, 15}},
    {{2012, 1, 15}, -1, {2011, 12, 15}},
    {{2012, 3, 31}, -1, {2012, 2, 29}},
    {{2012, 2, 29}, -12, {2011, 2, 28}},
    {{2012, 2, 29}, 48, {2016, 2, 29}},
    {{2011, 1, 1}, -25, {2008, 12, 1}},
};

START_TEST(test_add_months)
{
	struct date got =
	    date_add_months(add_months[_i].from, add_months[_i].months);
	char a[DATE_ISO_SIZE], b[DATE_ISO_SIZE];

	date_format_iso(got, a);
	date_format_iso(add_months[_i].to, b);
	ck_assert_str_eq(a, b);
}
END_TEST

static const struct {
	const char *name;
	int month;
} month_names[] = {
    {"January", 1},
    {"jan", 1},
    {"FEB", 2},
    {"February", 2},
    {"Mar", 3},
    {"march", 3},
    {"Apr", 4},
    {"April", 4},
    {"May", 5},
    {"may", 5},
    {"Jun", 6},
    {"JUNE", 6},
    {"Jul", 7},
    {"July", 7},
    {"Aug", 8},
    {"August", 8},
    {"Sep", 9},
    {"Sept", 9},
    {"sept", 9},
    {"September", 9},
    {"Oct", 10},
    {"October", 10},
    {"Nov", 11},
    {"November", 11},
    {"Dec", 12},
    {"December", 12},
    {"", 0},
    {"J", 0},
    {"Ju", 0},
    {"Janu", 0},
    {"Septem", 0},
    {"Octobers", 0},
    {"Mon", 0},
    {"TBC", 0},
    {"Augustus", 0},
};

START_TEST(test_month_from_name)
{
	const char *n = month_names[_i].name;

	ck_assert_msg(
	    date_month_from_name(n, strlen(n)) == month_names[_i].month,
	    "\"%s\"", n);
}
END_TEST

START_TEST(test_month_from_name_length)
{
	/* Only the first len bytes count: the name sits inside a text. */
	ck_assert_int_eq(date_month_from_name("July 2011", 4), 7);
	ck_assert_int_eq(date_month_from_name("Septembers", 9), 9);
	ck_assert_int_eq(date_month_from_name("Septembers", 10), 0);
	ck_assert_str_eq(date_month_name(1), "January");
	ck_assert_str_eq(date_month_name(12), "December");
	ck_assert_str_eq(date_month_name(0), "?");
	ck_assert_str_eq(date_month_name(13), "?");
}
END_TEST

START_TEST(test_format_iso)
{
	char out[DATE_ISO_SIZE];

	memset(out, 'x', sizeof out);
	date_format_iso((struct date){2011, 7, 6}, out);
	ck_assert_str_eq(out, "2011-07-06");
	date_format_iso((struct date){1000, 12, 31}, out);
	ck_assert_str_eq(out, "1000-12-31");
}
END_TEST

/* Boundaries of each unit: the last day in one and the first in the next. */
static const struct {
	int32_t days;
	const char *text;
} ages[] = {
	{ -3, "0d" }, { 0, "0d" }, { 1, "1d" }, { 12, "12d" }, { 59, "59d" },
	{ 60, "2mo" }, { 89, "2mo" }, { 90, "3mo" }, { 729, "24mo" },
	{ 730, "2y" }, { 1094, "2y" }, { 1095, "3y" },
	{ INT32_MAX, "5883516y" },
};

START_TEST(test_format_age)
{
	char out[DATE_AGE_SIZE];

	memset(out, 'x', sizeof out);
	date_format_age(ages[_i].days, out);
	ck_assert_str_eq(out, ages[_i].text);
}
END_TEST

START_TEST(test_today_override)
{
	struct date real, d;

	ck_assert_int_eq(date_today_is_fixed(), 0);
	date_set_today((struct date){2011, 7, 26});
	ck_assert_int_eq(date_today_is_fixed(), 1);
	d = date_today();
	ck_assert(same(d, (struct date){2011, 7, 26}));
	date_set_today((struct date){2012, 2, 29});
	ck_assert(same(date_today(), (struct date){2012, 2, 29}));
	date_set_today((struct date){0, 0, 0});
	ck_assert_int_eq(date_today_is_fixed(), 0);
	real = date_today();
	ck_assert(date_is_valid(real));
	ck_assert(real.year >= 2020);
}
END_TEST

/* A column that may be empty: NULL and anything but a real ISO day give
 * the caller's "none". */
START_TEST(test_days_of)
{
	ck_assert_int_eq(date_days_of("1970-01-01", -1), 0);
	ck_assert_int_eq(date_days_of("2011-07-26", -1), 15181);
	ck_assert_int_eq(date_days_of(NULL, -7), -7);
	ck_assert_int_eq(date_days_of("", -7), -7);
	ck_assert_int_eq(date_days_of("2011-02-29", -7), -7);
	ck_assert_int_eq(date_days_of("2011-07-26 10:00:00", -7), -7);
}
END_TEST

Suite *
date_suite(void)
{
	Suite *s = suite_create("date");
	TCase *tc = tcase_create("date");

	tcase_add_loop_test(
	    tc, test_known_days, 0, sizeof known_days / sizeof known_days[0]);
	tcase_add_test(tc, test_round_trip_all_days);
	tcase_add_test(tc, test_extreme_days);
	tcase_add_test(tc, test_leap_years);
	tcase_add_loop_test(
	    tc, test_parse_iso_good, 0, sizeof good_iso / sizeof good_iso[0]);
	tcase_add_loop_test(
	    tc, test_parse_iso_bad, 0, sizeof bad_iso / sizeof bad_iso[0]);
	tcase_add_loop_test(
	    tc, test_add_months, 0, sizeof add_months / sizeof add_months[0]);
	tcase_add_loop_test(tc, test_month_from_name, 0,
	    sizeof month_names / sizeof month_names[0]);
	tcase_add_test(tc, test_month_from_name_length);
	tcase_add_test(tc, test_format_iso);
	tcase_add_loop_test(tc, test_format_age, 0, sizeof ages / sizeof ages[0]);
	tcase_add_test(tc, test_today_override);
	tcase_add_test(tc, test_days_of);
	suite_add_tcase(s, tc);
	return s;
}
