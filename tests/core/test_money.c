/*
 * test_money.c: reading and writing amounts of money.
 */
#include <check.h>
#include <stdint.h>
#include <string.h>

#include "coopcom/core/money.h"
#include "coopcom/util/err.h"

Suite *money_suite(void);

static const struct {
	const char *text;
	unsigned flags;
	int64_t pence;
} good[] = {
    {"£15,000", 0, 1500000},
    {"15000", 0, 1500000},
    {"£1,234.50", 0, 123450},
    {"£0.99", 0, 99},
    {"1234.5", 0, 123450},
    {"1234.05", 0, 123405},
    {"0", 0, 0},
    {"0.00", 0, 0},
    {"7", 0, 700},
    {"007", 0, 700},
    {"  £5 \t", 0, 500},
    {"\n12.34\r\n", 0, 1234},
    {"1,000", 0, 100000},
    {"12,345,678.90", 0, 1234567890},
    {"£999,999,999,999,999.99", 0, MONEY_MAX_PENCE},
    {"999999999999999.99", 0, MONEY_MAX_PENCE},
    {"-5", MONEY_ALLOW_NEGATIVE, -500},
    {"-£5.00", MONEY_ALLOW_NEGATIVE, -500},
    {" -£1,234.5 ", MONEY_ALLOW_NEGATIVE, -123450},
    {"-0", MONEY_ALLOW_NEGATIVE, 0},
    {"-£999,999,999,999,999.99", MONEY_ALLOW_NEGATIVE, -MONEY_MAX_PENCE},
    {"5", MONEY_ALLOW_NEGATIVE, 500},
};

START_TEST(test_parse_good)
{
	int64_t pence = -42;
	struct err e;

	err_clear(&e);
	ck_assert_msg(
	    money_parse(good[_i].text, &pence, good[_i].flags, &e) == 0,
	    "\"%s\": %s", good[_i].text, e.msg);
	ck_assert_int_eq(pence, good[_i].pence);
}
END_TEST

#define NOT_MONEY "not an amount of money; write it like £1,234.50 or 1234.50"
#define COMMAS "commas go between groups of three digits, as in £1,234"
#define TOO_LARGE "too large; the largest amount is £999,999,999,999,999.99"
#define NEGATIVE "the amount cannot be negative here"

static const struct {
	const char *text;
	unsigned flags;
	const char *msg;
} bad[] = {
    {"", 0, "no amount given"},
    {" \t ", 0, "no amount given"},
    {"12.345", 0, "\"12.345\": money has at most two decimal places (pence)"},
    {"£1,23", 0, "\"£1,23\": " COMMAS},
    {"1,2345", 0, "\"1,2345\": " COMMAS},
    {",100", 0, "\",100\": " COMMAS},
    {"1234,567", 0, "\"1234,567\": " COMMAS},
    {"1,234,56", 0, "\"1,234,56\": " COMMAS},
    {"1,", 0, "\"1,\": " COMMAS},
    {"12.", 0,
	"\"12.\": put one or two digits after the decimal point, as in 12.50"},
    {".5", 0, "\".5\": put a digit before the decimal point, as in 0.50"},
    {"abc", 0, "\"abc\": " NOT_MONEY},
    {"£", 0, "\"£\": " NOT_MONEY},
    {"1 000", 0, "\"1 000\": " NOT_MONEY},
    {"£15k", 0, "\"£15k\": " NOT_MONEY},
    {"GBP 10", 0, "\"GBP 10\": " NOT_MONEY},
    {"10 GBP", 0, "\"10 GBP\": " NOT_MONEY},
    {"1.2.3", 0, "\"1.2.3\": " NOT_MONEY},
    {"5£", 0, "\"5£\": " NOT_MONEY},
    {"$5", 0, "\"$5\": " NOT_MONEY},
    {"+5", 0, "\"+5\": leave out the plus sign"},
    {"£+5", 0, "\"£+5\": leave out the plus sign"},
    {"-5", 0, "\"-5\": " NEGATIVE},
    {"-£5.00", 0, "\"-£5.00\": " NEGATIVE},
    {"£-5", 0, "\"£-5\": " NEGATIVE},
    {"£-5", MONEY_ALLOW_NEGATIVE,
	"\"£-5\": put the minus sign before the £, as in -£5.00"},
    {"--5", MONEY_ALLOW_NEGATIVE, "\"--5\": " NOT_MONEY},
    {"-", MONEY_ALLOW_NEGATIVE, "\"-\": " NOT_MONEY},
    {"1000000000000000", 0, "\"1000000000000000\": " TOO_LARGE},
    {"1,000,000,000,000,000", 0, "\"1,000,000,000,000,000\": " TOO_LARGE},
    {"99999999999999999999999", 0, "\"99999999999999999999999\": " TOO_LARGE},
    {"-9223372036854775808", MONEY_ALLOW_NEGATIVE,
	"\"-9223372036854775808\": " TOO_LARGE},
    /* Long text is quoted in part, cut between characters. */
    {"1££££££££££££££££££££££££", 0, "\"1£££££££££££££££££££…\": " NOT_MONEY},
    {"x1234567890123456789012345678901234567890", 0,
	"\"x123456789012345678901234567890123456789…\": " NOT_MONEY},
};

START_TEST(test_parse_bad)
{
	int64_t pence = -42;
	struct err e;

	err_clear(&e);
	ck_assert_int_eq(
	    money_parse(bad[_i].text, &pence, bad[_i].flags, &e), -1);
	ck_assert_int_eq(e.code, ERR_INVALID);
	ck_assert_str_eq(e.msg, bad[_i].msg);
	ck_assert_int_eq(pence, -42);
}
END_TEST

static const struct {
	int64_t pence;
	const char *pretty;
	const char *plain;
} formats[] = {
    {0, "£0.00", "0.00"},
    {1, "£0.01", "0.01"},
    {99, "£0.99", "0.99"},
    {100, "£1.00", "1.00"},
    {123450, "£1,234.50", "1234.50"},
    {1500000, "£15,000.00", "15000.00"},
    {99999, "£999.99", "999.99"},
    {100000, "£1,000.00", "1000.00"},
    {10000000, "£100,000.00", "100000.00"},
    {123456789, "£1,234,567.89", "1234567.89"},
    {-500, "-£5.00", "-5.00"},
    {-1, "-£0.01", "-0.01"},
    {-123450, "-£1,234.50", "-1234.50"},
    {MONEY_MAX_PENCE, "£999,999,999,999,999.99", "999999999999999.99"},
    {INT64_MAX, "£92,233,720,368,547,758.07", "92233720368547758.07"},
    {INT64_MIN, "-£92,233,720,368,547,758.08", "-92233720368547758.08"},
    {INT64_MIN + 1, "-£92,233,720,368,547,758.07", "-92233720368547758.07"},
};

START_TEST(test_format)
{
	char out[MONEY_FORMAT_MAX];
	size_t len;

	len = strlen(formats[_i].pretty);
	ck_assert_int_eq(
	    money_format(formats[_i].pence, out, sizeof out), (int)len);
	ck_assert_str_eq(out, formats[_i].pretty);
	len = strlen(formats[_i].plain);
	ck_assert_int_eq(
	    money_format_plain(formats[_i].pence, out, sizeof out), (int)len);
	ck_assert_str_eq(out, formats[_i].plain);
}
END_TEST

START_TEST(test_format_small_buffer)
{
	char out[16];

	/* "£1,234.50" is 10 bytes: needs 11 with the NUL. */
	memset(out, 'x', sizeof out);
	ck_assert_int_eq(money_format(123450, out, 10), -1);
	ck_assert_str_eq(out, "");
	ck_assert_int_eq(money_format(123450, out, 11), 10);
	ck_assert_str_eq(out, "£1,234.50");
	ck_assert_int_eq(money_format_plain(123450, out, 7), -1);
	ck_assert_str_eq(out, "");
	ck_assert_int_eq(money_format_plain(123450, out, 8), 7);
	ck_assert_str_eq(out, "1234.50");
	out[0] = 'x';
	ck_assert_int_eq(money_format(0, out, 0), -1);
	ck_assert_int_eq(out[0], 'x');
	ck_assert_int_eq(money_format(0, out, 1), -1);
	ck_assert_str_eq(out, "");
}
END_TEST

/* INT64_MIN and INT64_MAX format, but are beyond what may be typed. */
START_TEST(test_extremes_not_parsed)
{
	char out[MONEY_FORMAT_MAX];
	int64_t pence = 7;
	struct err e;

	ck_assert_int_gt(money_format(INT64_MIN, out, sizeof out), 0);
	ck_assert_int_eq(
	    money_parse(out, &pence, MONEY_ALLOW_NEGATIVE, &e), -1);
	ck_assert_int_gt(money_format_plain(INT64_MAX, out, sizeof out), 0);
	ck_assert_int_eq(money_parse(out, &pence, 0, &e), -1);
	ck_assert_int_eq(pence, 7);
	ck_assert_int_eq(money_format(MONEY_MAX_PENCE + 1, out, sizeof out),
	    (int)strlen("£1,000,000,000,000,000.00"));
	ck_assert_int_eq(money_parse(out, &pence, 0, &e), -1);
}
END_TEST

/* parse(format(x)) == x across the accepted range, both ways of writing. */
START_TEST(test_round_trip)
{
	static const int64_t some[] = {0, 1, 9, 10, 99, 100, 101, 999, 1000,
	    99999, 100000, 100001, 123456789, 1500000, MONEY_MAX_PENCE,
	    MONEY_MAX_PENCE - 1, -1, -99, -100, -123450, -MONEY_MAX_PENCE};
	char out[MONEY_FORMAT_MAX];
	int64_t x, back;
	struct err e;
	size_t i;
	int k;

	for (i = 0; i < sizeof some / sizeof some[0]; i++) {
		x = some[i];
		money_format(x, out, sizeof out);
		ck_assert_msg(
		    money_parse(out, &back, MONEY_ALLOW_NEGATIVE, &e) == 0 &&
			back == x,
		    "%s: %s", out, e.msg);
		money_format_plain(x, out, sizeof out);
		ck_assert_msg(
		    money_parse(out, &back, MONEY_ALLOW_NEGATIVE, &e) == 0 &&
			back == x,
		    "%s: %s", out, e.msg);
	}
	/* Powers of ten and their neighbours, where separators move. */
	for (x = 1, k = 0; k < 17; k++, x *= 10) {
		money_format(x - 1, out, sizeof out);
		ck_assert(money_parse(out, &back, 0, &e) == 0 && back == x - 1);
		money_format(x + 1, out, sizeof out);
		ck_assert(money_parse(out, &back, 0, &e) == 0 && back == x + 1);
	}
}
END_TEST

Suite *
money_suite(void)
{
	Suite *s = suite_create("money");
	TCase *tc = tcase_create("money");

	tcase_add_loop_test(
	    tc, test_parse_good, 0, sizeof good / sizeof good[0]);
	tcase_add_loop_test(tc, test_parse_bad, 0, sizeof bad / sizeof bad[0]);
	tcase_add_loop_test(
	    tc, test_format, 0, sizeof formats / sizeof formats[0]);
	tcase_add_test(tc, test_format_small_buffer);
	tcase_add_test(tc, test_extremes_not_parsed);
	tcase_add_test(tc, test_round_trip);
	suite_add_tcase(s, tc);
	return s;
}
