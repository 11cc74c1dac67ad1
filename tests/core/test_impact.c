/*
 * test_impact.c: the headings of the integrated impact assessment grid
 * and reading ratings and headings as people type them.
 */
#include <check.h>
#include <string.h>

#include "coopcom/core/impact.h"

Suite *impact_suite(void);

START_TEST(test_headings_in_grid_order)
{
	ck_assert_str_eq(impact_heading(0)->label, "Finance (value for money)");
	ck_assert_str_eq(impact_heading(18)->label, "Risk management");
	ck_assert_ptr_null(impact_heading(IMPACT_HEADINGS));
	ck_assert_int_eq(impact_heading(4)->group, IMPACT_ECONOMIC);
	ck_assert_int_eq(impact_heading(5)->group, IMPACT_SOCIAL);
	ck_assert_int_eq(impact_heading(9)->group, IMPACT_EQUALITY);
	ck_assert_int_eq(impact_heading(12)->group, IMPACT_ENVIRONMENTAL);
	ck_assert_int_eq(impact_heading(18)->group, IMPACT_RISK);
	ck_assert_str_eq(impact_group_label(IMPACT_EQUALITY),
	    "Equality and diversity");
}
END_TEST

static const struct {
	const char *typed;
	int want;
} heading_cases[] = {
	{ "finance", 0 }, { "FINANCE", 0 }, { " cohesion ", 9 },
	{ "Relations between groups (cohesion)", 9 }, { "1", 0 },
	{ "19", 18 }, { "risk", 18 }, { "energy_climate", 17 },
	{ "0", -1 }, { "20", -1 }, { "", -1 }, { "money", -1 },
	{ "1x", -1 }, { "-1", -1 },
};

START_TEST(test_heading_find)
{
	struct err e;
	int got = impact_heading_find(heading_cases[_i].typed, &e);

	ck_assert_msg(got == heading_cases[_i].want, "\"%s\": got %d",
	    heading_cases[_i].typed, got);
	if (got < 0)
		ck_assert_ptr_nonnull(strstr(e.msg, "finance, other_departments"));
}
END_TEST

static const struct {
	const char *typed;
	int want;		/* -1: refused */
} rating_cases[] = {
	{ "neutral", IMPACT_NEUTRAL }, { "Positive", IMPACT_POSITIVE },
	{ " negative ", IMPACT_NEGATIVE }, { "neg", IMPACT_NEGATIVE },
	{ "+", IMPACT_POSITIVE }, { "-", IMPACT_NEGATIVE },
	{ "0", IMPACT_NEUTRAL }, { "", -1 }, { "bad", -1 }, { "x", -1 },
};

START_TEST(test_rating_parse)
{
	enum impact_rating r = IMPACT_UNRATED;
	struct err e;
	int rc = impact_rating_parse(rating_cases[_i].typed, &r, &e);

	if (rating_cases[_i].want < 0) {
		ck_assert_int_eq(rc, -1);
		ck_assert_int_eq(e.code, ERR_INVALID);
		ck_assert_ptr_nonnull(strstr(e.msg, "neutral, positive or "
		    "negative"));
	} else {
		ck_assert_int_eq(rc, 0);
		ck_assert_int_eq(r, rating_cases[_i].want);
	}
}
END_TEST

START_TEST(test_rating_names)
{
	ck_assert_str_eq(impact_rating_name(IMPACT_NEGATIVE), "negative");
	ck_assert_str_eq(impact_rating_name(IMPACT_UNRATED), "");
}
END_TEST

Suite *
impact_suite(void)
{
	Suite *s = suite_create("impact");
	TCase *tc = tcase_create("impact");

	tcase_add_test(tc, test_headings_in_grid_order);
	tcase_add_loop_test(tc, test_heading_find, 0,
	    sizeof heading_cases / sizeof heading_cases[0]);
	tcase_add_loop_test(tc, test_rating_parse, 0,
	    sizeof rating_cases / sizeof rating_cases[0]);
	tcase_add_test(tc, test_rating_names);
	suite_add_tcase(s, tc);
	return s;
}
