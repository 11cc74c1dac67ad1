/*
 * test_ical.c: iCalendar content lines: folding at 75 octets without
 * cutting a UTF-8 character, TEXT escaping (and control characters never
 * reaching the file raw), and dates and times.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "../check.h"
#include "coopcom/util/xalloc.h"
#include "coopcom/vm/ical.h"

#define A10 "aaaaaaaaaa"
#define A70 A10 A10 A10 A10 A10 A10 A10

static const struct {
	const char *in;
	const char *want;
} folds[] = {
	{ "", "\r\n" },
	{ A70 "bcdef", A70 "bcdef\r\n" },			/* 75: kept */
	{ A70 "bcdefg", A70 "bcdef\r\n g\r\n" },		/* 76 */
	/* é is two bytes at 74..75: it goes whole to the next line. */
	{ A70 "bcde" "é" "z", A70 "bcde\r\n éz\r\n" },
	/* € is three bytes at 73..75. */
	{ A70 "bcd" "€" "z", A70 "bcd\r\n €z\r\n" },
	/* An emoji of four bytes at 72..75. */
	{ A70 "bc" "😀" "z", A70 "bc\r\n 😀z\r\n" },
	/* Two bytes ending at 74: the fold comes after them. */
	{ A70 "bcd" "é" "yz", A70 "bcdé\r\n yz\r\n" },
	/* The next line holds 74 octets after its space. */
	{ A70 "bcdef" A70 "bcde" "XY", A70 "bcdef\r\n " A70 "bcde\r\n XY\r\n" },
	/* Stray continuation bytes (not UTF-8): folded at 75 all the same. */
	{ A70 "b\x80\x80\x80\x80\x80\x80", A70 "b\x80\x80\x80\x80\r\n "
	    "\x80\x80\r\n" },
};

START_TEST(test_fold)
{
	struct buf b;

	buf_init(&b);
	ical_fold(&b, folds[_i].in, strlen(folds[_i].in));
	ck_assert_str_eq(buf_str(&b), folds[_i].want);
	buf_done(&b);
}
END_TEST

/* Whether the LEN bytes at S are whole UTF-8 characters. */
static int
whole_utf8(const char *s, size_t len)
{
	size_t i = 0, n;
	unsigned char c;

	while (i < len) {
		c = (unsigned char)s[i];
		n = c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
		if ((c & 0xc0) == 0x80 || i + n > len)
			return 0;
		i += n;
	}
	return 1;
}

/*
 * Text of every length from 1 to 400 bytes made of characters of one to
 * four bytes: every physical line is at most 75 octets of whole
 * characters, and unfolding gives the text back.
 */
START_TEST(test_fold_any_length)
{
	static const char *const chars[] = { "a", "é", "€", "😀" };
	struct buf text, out, back;
	const char *p, *end;
	size_t k = 0, line;

	buf_init(&text);
	while (text.len < (size_t)_i)
		buf_add(&text, chars[(k++ + (size_t)_i) % 4]);
	buf_init(&out);
	buf_init(&back);
	ical_fold(&out, buf_str(&text), text.len);
	for (p = buf_str(&out); *p; p = end + 2) {
		end = strstr(p, "\r\n");
		ck_assert_ptr_nonnull(end);
		line = (size_t)(end - p);
		ck_assert_uint_le(line, ICAL_LINE_MAX);
		if (p != buf_str(&out)) {
			ck_assert_int_eq(*p, ' ');
			p++;
			line--;
		}
		ck_assert_msg(whole_utf8(p, line), "a character was cut at "
		    "length %d", _i);
		buf_addn(&back, p, line);
	}
	ck_assert_str_eq(buf_str(&back), buf_str(&text));
	buf_done(&text);
	buf_done(&out);
	buf_done(&back);
}
END_TEST

static const struct {
	const char *in;
	const char *want;
} escapes[] = {
	{ "plain text", "plain text" },
	{ "a,b;c\\d", "a\\,b\\;c\\\\d" },
	{ "one\ntwo", "one\\ntwo" },
	{ "one\r\ntwo", "one\\ntwo" },
	{ "one\rtwo", "one\\ntwo" },
	{ "tab\there", "tab\there" },
	{ "Zoë’s “café”", "Zoë’s “café”" },
	/* Controls show in their backslash form, escaped in turn. */
	{ "bell\x07", "bell\\\\x07" },
	{ "\x1b[31mred", "\\\\e[31mred" },
	{ "del\x7f", "del\\\\x7f" },
	{ NULL, "" },
};

START_TEST(test_escape)
{
	struct buf b;
	const char *p;

	buf_init(&b);
	ical_escape(&b, escapes[_i].in);
	ck_assert_str_eq(buf_str(&b), escapes[_i].want);
	for (p = buf_str(&b); *p; p++)
		ck_assert_msg((unsigned char)*p >= 0x20 || *p == '\t',
		    "a control character in \"%s\"", buf_str(&b));
	buf_done(&b);
}
END_TEST

START_TEST(test_prop_text_folds_escaped)
{
	struct buf b;
	char *want;

	buf_init(&b);
	ical_prop_text(&b, "SUMMARY", A70 ",é");
	/* "SUMMARY:" is 8 octets; the escaped comma takes two. */
	want = x_printf("SUMMARY:%.67s\r\n %s\\,é\r\n", A70, A70 + 67);
	ck_assert_str_eq(buf_str(&b), want);
	free(want);
	buf_reset(&b);
	ical_prop(&b, "UID", "milestone-1@x");
	ck_assert_str_eq(buf_str(&b), "UID:milestone-1@x\r\n");
	buf_done(&b);
}
END_TEST

static const struct {
	const char *in;
	const char *want;		/* NULL: refused */
} times[] = {
	{ "2011-07-26", "20110726" },
	{ "2026-11-22 15:45:30", "20261122T154530Z" },
	{ "2011-7-26", NULL },
	{ "2011-07-26T15:45:30", NULL },
	{ "2011-07-26 15:45", NULL },
	{ "", NULL },
	{ NULL, NULL },
	{ "abcd-ef-gh", NULL },
};

START_TEST(test_time)
{
	char out[ICAL_TIME_SIZE];

	if (times[_i].want == NULL) {
		ck_assert_int_eq(ical_time(times[_i].in, out), -1);
		return;
	}
	ck_assert_int_eq(ical_time(times[_i].in, out), 0);
	ck_assert_str_eq(out, times[_i].want);
}
END_TEST

Suite *
ical_suite(void)
{
	Suite *s = suite_create("ical");
	TCase *tc = tcase_create("lines");

	tcase_add_loop_test(tc, test_fold, 0, sizeof folds / sizeof folds[0]);
	tcase_add_loop_test(tc, test_fold_any_length, 1, 400);
	tcase_add_loop_test(tc, test_escape, 0,
	    sizeof escapes / sizeof escapes[0]);
	tcase_add_test(tc, test_prop_text_folds_escaped);
	tcase_add_loop_test(tc, test_time, 0, sizeof times / sizeof times[0]);
	suite_add_tcase(s, tc);
	return s;
}
