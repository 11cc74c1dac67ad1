/*
 * test_timescale.c: timescales as councils write them.
 *
 * Most rows are the real timescales of the Telford & Wrekin report of
 * 26 July 2011 (seeds/001_59e56a5498953d8d.txt, section 5.3 and
 * Appendix 1), each with the range it must give.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "coopcom/core/date.h"
#include "coopcom/core/timescale.h"
#include "coopcom/util/err.h"

Suite *timescale_suite(void);

#define EXACT TIMESCALE_EXACT
#define RANGE TIMESCALE_RANGE

static const struct {
	const char *text;
	int context_year;
	enum timescale_kind kind;
	const char *earliest, *latest;
} dated[] = {
    /* Section 5.3, next steps and timescales. */
    {"26 July 2011", 0, EXACT, "2011-07-26", "2011-07-26"},
    {"After Cabinet, date to be confirmed – late July/early September", 2011,
	RANGE, "2011-07-21", "2011-09-10"},
    {"End August 2011", 0, RANGE, "2011-08-21", "2011-08-31"},
    {"September 2011", 0, RANGE, "2011-09-01", "2011-09-30"},
    {"October/November 2011", 0, RANGE, "2011-10-01", "2011-11-30"},
    {"End November 2011", 0, RANGE, "2011-11-21", "2011-11-30"},
    {"December 2011", 0, RANGE, "2011-12-01", "2011-12-31"},
    {"End December 2011", 0, RANGE, "2011-12-21", "2011-12-31"},
    {"January 2012", 0, RANGE, "2012-01-01", "2012-01-31"},
    {"End January 2012", 0, RANGE, "2012-01-21", "2012-01-31"},
    {"End February 2012 (coincide with publication of final budget/new vision "
     "and priorities)",
	0, RANGE, "2012-02-21", "2012-02-29"},
    {"March 2012", 0, RANGE, "2012-03-01", "2012-03-31"},
    /* Appendix 1, the Early Adopter Programme. */
    {"Phase 1 – End July 2011", 0, RANGE, "2011-07-21", "2011-07-31"},
    {"End July 2011", 0, RANGE, "2011-07-21", "2011-07-31"},
    {"Launch 31 October 2011", 0, EXACT, "2011-10-31", "2011-10-31"},
    {"New approach agreed 21 June 2011", 0, EXACT, "2011-06-21", "2011-06-21"},
    {"Went live on 1 July 2011 – 118 suggestions received 1-14 July", 0, RANGE,
	"2011-07-01", "2011-07-14"},
    {"Launch 27 July 2011", 0, EXACT, "2011-07-27", "2011-07-27"},
    {"Recruitment started – impact to be reviewed September 2011", 0, RANGE,
	"2011-09-01", "2011-09-30"},
    {"Engagement started – draft vision by mid-November 2011", 0, RANGE,
	"2011-11-11", "2011-11-20"},
    {"Portal populated and promoted by November 2011", 0, RANGE, "2011-11-01",
	"2011-11-30"},
    {"Agree action plan – early October 2011", 0, RANGE, "2011-10-01",
	"2011-10-10"},
    {"Agree governance arrangements and service objectives/targets – end "
     "September 2011",
	0, RANGE, "2011-09-21", "2011-09-30"},
    {"Feasibility study – end July 2011", 0, RANGE, "2011-07-21", "2011-07-31"},
    {"End October 2011", 0, RANGE, "2011-10-21", "2011-10-31"},
    {"Delivered 1-7 June 2011 (262 letters of thanks, 10 community events held "
     "and wide media coverage)",
	0, RANGE, "2011-06-01", "2011-06-07"},
    {"Internal campaign to promote Fair-trade vending machines  – end of "
     "August 2011, Fair-trade event in a school with link to global Fair-trade "
     "school programme – October 2011",
	0, RANGE, "2011-08-21", "2011-10-31"},
    {"October 2011", 0, RANGE, "2011-10-01", "2011-10-31"},
    {"Sept 2011", 0, RANGE, "2011-09-01", "2011-09-30"},
    {"Pilot ‘Cost Challenge’ 15 July 2011", 0, EXACT, "2011-07-15",
	"2011-07-15"},
    /* The other documented forms. */
    {"1-7 June 2011", 0, RANGE, "2011-06-01", "2011-06-07"},
    {"1 - 7 June 2011", 0, RANGE, "2011-06-01", "2011-06-07"},
    {"1—7 June 2011", 0, RANGE, "2011-06-01", "2011-06-07"},
    {"1st to 7th June 2011", 0, RANGE, "2011-06-01", "2011-06-07"},
    {"1st-7th of June 2011", 0, RANGE, "2011-06-01", "2011-06-07"},
    {"1st July 2011", 0, EXACT, "2011-07-01", "2011-07-01"},
    {"1 July, 2011", 0, EXACT, "2011-07-01", "2011-07-01"},
    {"July 26, 2011", 0, EXACT, "2011-07-26", "2011-07-26"},
    {"end of August 2011", 0, RANGE, "2011-08-21", "2011-08-31"},
    {"late August 2011", 0, RANGE, "2011-08-21", "2011-08-31"},
    {"early October 2011", 0, RANGE, "2011-10-01", "2011-10-10"},
    {"beginning of March 2012", 0, RANGE, "2012-03-01", "2012-03-10"},
    {"start of May 2012", 0, RANGE, "2012-05-01", "2012-05-10"},
    {"mid-November 2011", 0, RANGE, "2011-11-11", "2011-11-20"},
    {"mid November", 2011, RANGE, "2011-11-11", "2011-11-20"},
    {"middle of June 2012", 0, RANGE, "2012-06-11", "2012-06-20"},
    {"late July/early September", 2011, RANGE, "2011-07-21", "2011-09-10"},
    {"Sept. 2011", 0, RANGE, "2011-09-01", "2011-09-30"},
    {"2011-07-26", 0, EXACT, "2011-07-26", "2011-07-26"},
    {"26/07/2011", 0, EXACT, "2011-07-26", "2011-07-26"},
    {"26-07-2011", 0, EXACT, "2011-07-26", "2011-07-26"},
    {"1/7/2011", 0, EXACT, "2011-07-01", "2011-07-01"},
    {"1 June – 7 July 2011", 0, RANGE, "2011-06-01", "2011-07-07"},
    {"December 2011/January 2012", 0, RANGE, "2011-12-01", "2012-01-31"},
    {"December/January 2012", 0, RANGE, "2011-12-01", "2012-01-31"},
    {"December/January", 2011, RANGE, "2011-12-01", "2012-01-31"},
    {"November to February 2012", 0, RANGE, "2011-11-01", "2012-02-29"},
    {"December 2011 – review in January", 0, RANGE, "2011-12-01", "2012-01-31"},
    {"Spring 2012", 0, RANGE, "2012-03-01", "2012-05-31"},
    {"Summer 2012", 0, RANGE, "2012-06-01", "2012-08-31"},
    {"Autumn 2012", 0, RANGE, "2012-09-01", "2012-11-30"},
    {"Winter 2012", 0, RANGE, "2012-12-01", "2013-02-28"},
    {"Winter 2011", 0, RANGE, "2011-12-01", "2012-02-29"},
    {"Winter/Spring 2013", 0, RANGE, "2012-12-01", "2013-05-31"},
    {"Q1 2012", 0, RANGE, "2012-01-01", "2012-03-31"},
    {"Q2 2012", 0, RANGE, "2012-04-01", "2012-06-30"},
    {"Q3 2012", 0, RANGE, "2012-07-01", "2012-09-30"},
    {"q4 2012", 0, RANGE, "2012-10-01", "2012-12-31"},
    {"2012", 0, RANGE, "2012-01-01", "2012-12-31"},
    {"2011-2012", 0, RANGE, "2011-01-01", "2012-12-31"},
    {"end 2012", 0, RANGE, "2012-01-01", "2012-12-31"},
    {"2012/13", 0, RANGE, "2012-04-01", "2013-03-31"},
    {"2012-13", 0, RANGE, "2012-04-01", "2013-03-31"},
    {"1999/00", 0, RANGE, "1999-04-01", "2000-03-31"},
    {"29 February 2012", 0, EXACT, "2012-02-29", "2012-02-29"},
    {"29 February", 2012, EXACT, "2012-02-29", "2012-02-29"},
    /* "may" in lower case needs a day, a qualifier or a year. */
    {"may 2012", 0, RANGE, "2012-05-01", "2012-05-31"},
    {"by 5 may 2012", 0, EXACT, "2012-05-05", "2012-05-05"},
    {"end may 2012", 0, RANGE, "2012-05-21", "2012-05-31"},
    {"this may slip to June 2012", 0, RANGE, "2012-06-01", "2012-06-30"},
    {"May", 2011, RANGE, "2011-05-01", "2011-05-31"},
    /* A year in the text wins over the context year. */
    {"26 July 2011", 2015, EXACT, "2011-07-26", "2011-07-26"},
    {"late July/early September 2012", 2011, RANGE, "2012-07-21", "2012-09-10"},
    /* Stray numbers are not dates. */
    {"Phase 2 of 3 – see Section 4.2 – by 10.30 on 5 March 2012", 0, EXACT,
	"2012-03-05", "2012-03-05"},
    {"£15,000 allocated, spend by March 2012", 0, RANGE, "2012-03-01",
	"2012-03-31"},
    {"\xc2\xa0 26 July 2011 \t", 0, EXACT, "2011-07-26", "2011-07-26"},
};

START_TEST(test_dated)
{
	struct timescale ts;
	char lo[DATE_ISO_SIZE], hi[DATE_ISO_SIZE];
	struct err e;

	err_clear(&e);
	ck_assert_msg(timescale_parse(
			  dated[_i].text, dated[_i].context_year, &ts, &e) == 0,
	    "\"%s\": %s", dated[_i].text, e.msg);
	date_format_iso(date_from_days(ts.earliest), lo);
	date_format_iso(date_from_days(ts.latest), hi);
	ck_assert_msg(strcmp(lo, dated[_i].earliest) == 0 &&
		strcmp(hi, dated[_i].latest) == 0,
	    "\"%s\": got %s..%s, want %s..%s", dated[_i].text, lo, hi,
	    dated[_i].earliest, dated[_i].latest);
	ck_assert_int_eq(ts.kind, dated[_i].kind);
}
END_TEST

static const struct {
	const char *text;
	int context_year;
	enum timescale_kind kind;
} undated[] = {
    {"To be confirmed", 0, TIMESCALE_TBC},
    {"To be confirmed", 2011, TIMESCALE_TBC},
    {"TBC", 0, TIMESCALE_TBC},
    {"tbc", 0, TIMESCALE_TBC},
    {"TBA", 0, TIMESCALE_TBC},
    {"to be agreed", 0, TIMESCALE_TBC},
    {"To be arranged", 0, TIMESCALE_TBC},
    {"date to be confirmed", 0, TIMESCALE_TBC},
    {"Start date to be determined", 0, TIMESCALE_TBC},
    /* Dates are there, but no year can be known. */
    {"After Cabinet, date to be confirmed – late July/early September", 0,
	TIMESCALE_TBC},
    {"when funding allows", 0, TIMESCALE_UNRECOGNISED},
    {"when funding allows", 2011, TIMESCALE_UNRECOGNISED},
    {"ongoing", 0, TIMESCALE_UNRECOGNISED},
    {"mid November", 0, TIMESCALE_UNRECOGNISED},
    {"late July/early September", 0, TIMESCALE_UNRECOGNISED},
    {"29 February", 0, TIMESCALE_UNRECOGNISED},
    {"1-14 July", 0, TIMESCALE_UNRECOGNISED},
    {"this may slip", 0, TIMESCALE_UNRECOGNISED},
    {"this may slip", 2011, TIMESCALE_UNRECOGNISED},
    {"Phase 1", 0, TIMESCALE_UNRECOGNISED},
    {"See Section 4.2 of report", 0, TIMESCALE_UNRECOGNISED},
    {"118 suggestions received", 0, TIMESCALE_UNRECOGNISED},
    {"Q5", 0, TIMESCALE_UNRECOGNISED},
    {"to be reviewed", 0, TIMESCALE_UNRECOGNISED},
    {"–", 0, TIMESCALE_UNRECOGNISED},
};

START_TEST(test_undated)
{
	struct timescale ts = {TIMESCALE_EXACT, 5, 6};
	struct err e;

	err_clear(&e);
	ck_assert_msg(timescale_parse(undated[_i].text,
			  undated[_i].context_year, &ts, &e) == 0,
	    "\"%s\": %s", undated[_i].text, e.msg);
	ck_assert_msg(ts.kind == undated[_i].kind, "\"%s\": got %s",
	    undated[_i].text, timescale_kind_name(ts.kind));
	ck_assert_int_eq(ts.earliest, 0);
	ck_assert_int_eq(ts.latest, 0);
}
END_TEST

#define BACKWARDS                                                              \
	"the range ends before it starts; write the earlier date first"
#define YEAR_RANGE "the year must be between 1000 and 9999"

static const struct {
	const char *text;
	int context_year;
	const char *msg;
} bad[] = {
    {"", 0, "no timescale given"},
    {" \t\xc2\xa0 ", 2011, "no timescale given"},
    {"31 February 2012", 0, "\"31 February 2012\": there is no 31 February"},
    {"31 February", 0, "\"31 February\": there is no 31 February"},
    {"32 July 2011", 0, "\"32 July 2011\": there is no 32 July"},
    {"1-40 June 2011", 0, "\"1-40 June 2011\": there is no 40 June"},
    {"31 June", 2011, "\"31 June\": there is no 31 June"},
    {"7-1 June 2011", 0,
	"\"7-1 June 2011\": the days run backwards; write the earlier day "
	"first, as in 1-7 June"},
    {"0 July 2011", 0, "\"0 July 2011\": there is no day 0"},
    {"0-5 July 2011", 0, "\"0-5 July 2011\": there is no day 0"},
    {"July 0, 2011", 0, "\"July 0, 2011\": there is no day 0"},
    {"July 32 2011", 0, "\"July 32 2011\": there is no 32 July"},
    {"29 February 2011", 0,
	"\"29 February 2011\": 2011 is not a leap year, so February has 28 "
	"days"},
    {"29 February", 2011,
	"\"29 February\": 2011 is not a leap year, so February has 28 days"},
    {"1900-02-29", 0,
	"\"1900-02-29\": 1900 is not a leap year, so February has 28 days"},
    {"Launch 2011-02-30", 0, "\"2011-02-30\": there is no 30 February"},
    {"2011-13-01", 0, "\"2011-13-01\": there is no month 13"},
    {"0999-12-01", 0, "\"0999-12-01\": " YEAR_RANGE},
    {"31/13/2011", 0, "\"31/13/2011\": there is no month 13"},
    {"31/04/2011", 0, "\"31/04/2011\": there is no 31 April"},
    {"26/07/11", 0, "\"26/07/11\": write the year in full, as in 26/07/2011"},
    {"July 20111", 0, "\"20111\": " YEAR_RANGE},
    {"July 0999", 0, "\"0999\": " YEAR_RANGE},
    {"Summer 0999", 0, "\"0999\": " YEAR_RANGE},
    {"December/January 1000", 0, "\"December\": " YEAR_RANGE},
    {"Winter 9999", 0, "\"Winter 9999\": " YEAR_RANGE},
    {"2012/14", 0,
	"\"2012/14\": a financial year runs into the next year, as in 2012/13"},
    {"December 2012/January 2012", 0,
	"\"December 2012/January 2012\": " BACKWARDS},
    {"2012-2011", 0, "\"2012-2011\": " BACKWARDS},
    {"2012 – 2011", 0, "\"2012 – 2011\": " BACKWARDS},
    {"7 June to 1 June 2011", 0, "\"7 June to 1 June 2011\": " BACKWARDS},
    {"mid November", 999,
	"the year to assume, 999, must be between 1000 and 9999"},
    {"mid November", 10000,
	"the year to assume, 10000, must be between 1000 and 9999"},
    {"mid November", -2011,
	"the year to assume, -2011, must be between 1000 and 9999"},
    /* A long bad part is quoted in part, cut between characters. */
    {"July 20111111111111111111111111111111111111111111111111111111111111111",
	0,
	"\"201111111111111111111111111111111111111111111111111111111111…\":"
	" " YEAR_RANGE},
};

START_TEST(test_bad)
{
	struct timescale ts = {TIMESCALE_EXACT, 5, 6};
	struct err e;

	err_clear(&e);
	ck_assert_msg(
	    timescale_parse(bad[_i].text, bad[_i].context_year, &ts, &e) == -1,
	    "\"%s\" was accepted", bad[_i].text);
	ck_assert_int_eq(e.code, ERR_INVALID);
	ck_assert_str_eq(e.msg, bad[_i].msg);
	ck_assert_int_eq(ts.kind, TIMESCALE_UNRECOGNISED);
	ck_assert_int_eq(ts.earliest, 0);
	ck_assert_int_eq(ts.latest, 0);
}
END_TEST

static struct timescale
parse(const char *text)
{
	struct timescale ts;
	struct err e;

	ck_assert_msg(timescale_parse(text, 2011, &ts, &e) == 0, "%s", e.msg);
	return ts;
}

static int
by_timescale(const void *a, const void *b)
{
	return timescale_compare(a, b);
}

START_TEST(test_compare)
{
	/* Shuffled; sorted they must come back in the order of want. */
	static const char *const texts[] = {
	    "when funding allows",
	    "End August 2011",
	    "TBC",
	    "September 2011",
	    "26 July 2011",
	    "1 September 2011",
	    "late July/early September",
	    "2011",
	    "25 July 2011",
	};
	static const char *const want[] = {
	    "2011",
	    "late July/early September",
	    "25 July 2011",
	    "26 July 2011",
	    "End August 2011",
	    "1 September 2011",
	    "September 2011",
	    "TBC",
	    "when funding allows",
	};
	struct timescale ts[9], w;
	size_t i;

	for (i = 0; i < 9; i++)
		ts[i] = parse(texts[i]);
	qsort(ts, 9, sizeof ts[0], by_timescale);
	for (i = 0; i < 9; i++) {
		w = parse(want[i]);
		ck_assert_msg(
		    timescale_compare(&ts[i], &w) == 0, "%zu: %s", i, want[i]);
	}
	w = parse("26 July 2011");
	ck_assert_int_eq(timescale_compare(&w, &w), 0);
	ts[0] = parse("TBC");
	ts[1] = parse("ongoing");
	ck_assert_int_lt(timescale_compare(&w, &ts[0]), 0);
	ck_assert_int_gt(timescale_compare(&ts[0], &w), 0);
	ck_assert_int_lt(timescale_compare(&ts[0], &ts[1]), 0);
	ck_assert_int_gt(timescale_compare(&ts[1], &ts[0]), 0);
	ck_assert_int_eq(timescale_compare(&ts[1], &ts[1]), 0);
}
END_TEST

START_TEST(test_kind_names)
{
	ck_assert_str_eq(timescale_kind_name(TIMESCALE_EXACT), "exact");
	ck_assert_str_eq(timescale_kind_name(TIMESCALE_RANGE), "range");
	ck_assert_str_eq(timescale_kind_name(TIMESCALE_TBC), "tbc");
	ck_assert_str_eq(
	    timescale_kind_name(TIMESCALE_UNRECOGNISED), "undated");
}
END_TEST

Suite *
timescale_suite(void)
{
	Suite *s = suite_create("timescale");
	TCase *tc = tcase_create("timescale");

	tcase_add_loop_test(tc, test_dated, 0, sizeof dated / sizeof dated[0]);
	tcase_add_loop_test(
	    tc, test_undated, 0, sizeof undated / sizeof undated[0]);
	tcase_add_loop_test(tc, test_bad, 0, sizeof bad / sizeof bad[0]);
	tcase_add_test(tc, test_compare);
	tcase_add_test(tc, test_kind_names);
	suite_add_tcase(s, tc);
	return s;
}
