/*
 * test_text.c: terminal safety, width, cutting and wrapping (text.h).
 */
#include <check.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coopcom/util/buf.h"
#include "coopcom/util/text.h"

Suite *text_suite(void);

#define POUND "\xc2\xa3"	 /* £ */
#define EACUTE "\xc3\xa9"	 /* é, precomposed */
#define EGRAVE "\xc3\xa8"	 /* è */
#define UCIRC "\xc3\xbb"	 /* û */
#define ACUTE "\xcc\x81"	 /* combining acute */
#define C1_CSI "\xc2\x9b"	 /* U+009B as UTF-8 */
#define RAW_CSI "\x9b"		 /* the same as one raw byte */
#define ZHONG "\xe4\xb8\xad"	 /* 中, 2 columns */
#define WEN "\xe6\x96\x87"	 /* 文 */
#define ZI "\xe5\xad\x97"	 /* 字 */
#define SMILE "\xf0\x9f\x98\x80" /* 😀, 2 columns */
#define ELL "\xe2\x80\xa6"	 /* … */

static void
utf8_locale(void)
{
	ck_assert_ptr_nonnull(setlocale(LC_CTYPE, "C.UTF-8"));
}

/* Every dangerous class, with the exact visible form it must take. */
static const struct esc_case {
	const char *in;
	unsigned flags;
	const char *out;
} esc_cases[] = {
    /* escape sequences */
    {"\x1b[31mred\x1b[0m", 0, "\\e[31mred\\e[0m"},
    {"\x1b]52;c;ZGF0YQ==\x07", 0, "\\e]52;c;ZGF0YQ==\\x07"},
    {"\x1b]0;title\x1b\\", 0, "\\e]0;title\\e\\"},
    {"\x1bP1$r\x1b\\", 0, "\\eP1$r\\e\\"},
    /* C0 */
    {"a\ab", 0, "a\\x07b"},
    {"a\bb", 0, "a\\x08b"},
    {"a\rb", 0, "a\\x0db"},
    {"a\rb", TEXT_KEEP_NEWLINE, "a\\x0db"},
    {"a\x01\x1f", 0, "a\\x01\\x1f"},
    {"a\nb", 0, "a\\nb"},
    {"a\nb", TEXT_KEEP_NEWLINE, "a\nb"},
    {"a\r\nb", 0, "a\\x0d\\nb"},
    {"a\r\nb", TEXT_KEEP_NEWLINE, "a\nb"},
    {"a\tb", 0, "a\\tb"},
    {"a\tb", TEXT_KEEP_TAB, "a\tb"},
    {"a\tb\n", TEXT_KEEP_TAB, "a\tb\\n"},
    /* DEL and C1, as UTF-8 and as raw bytes */
    {"a\x7f", 0, "a\\x7f"},
    {"\xc2\x80", 0, "\\u0080"},
    {"\xc2\x85", 0, "\\u0085"},
    {C1_CSI "31m", 0, "\\u009b31m"},
    {"\xc2\x9f", 0, "\\u009f"},
    {RAW_CSI "31m", 0, "\\x9b31m"},
    {"\x85", 0, "\\x85"},
    /* invalid UTF-8 */
    {"\xc0\xaf", 0, "\\xc0\\xaf"},
    {"\xc1\xbf", 0, "\\xc1\\xbf"},
    {"\xe0\x80\xaf", 0, "\\xe0\\x80\\xaf"},
    {"\xf0\x80\x80\xaf", 0, "\\xf0\\x80\\x80\\xaf"},
    {"\xed\xa0\x80", 0, "\\xed\\xa0\\x80"},
    {"\xed\xbf\xbf", 0, "\\xed\\xbf\\xbf"},
    {"x\xe2\x82", 0, "x\\xe2\\x82"},
    {"\xe2\x82Z", 0, "\\xe2\\x82Z"},
    {"\xf0\x9f\x98", 0, "\\xf0\\x9f\\x98"},
    {"\xf4\x90\x80\x80", 0, "\\xf4\\x90\\x80\\x80"},
    {"\xf5\x80\x80\x80", 0, "\\xf5\\x80\\x80\\x80"},
    {"\xfe\xff", 0, "\\xfe\\xff"},
    {"\x80z", 0, "\\x80z"},
    /* noncharacters, unassigned, tags */
    {"\xef\xbf\xbe", 0, "\\ufffe"},
    {"\xef\xb7\x90", 0, "\\ufdd0"},
    {"\xcd\xb8", 0, "\\u0378"},
    {"\xf3\xa0\x80\x81", 0, "\\ue0001"},
    /* kept */
    {"", 0, ""},
    {"plain ASCII ~!", 0, "plain ASCII ~!"},
    {POUND "5 caf" EACUTE, 0, POUND "5 caf" EACUTE},
    {"e\xcc\x81", 0, "e\xcc\x81"},
    {"\xe4\xb8\xad\xe6\x96\x87", 0, "\xe4\xb8\xad\xe6\x96\x87"},
    {"\xf0\x9f\x98\x80", 0, "\xf0\x9f\x98\x80"},
    {"\xef\xbf\xbd", 0, "\xef\xbf\xbd"},
    {"\xf4\x8f\xbf\xbd", 0, "\xf4\x8f\xbf\xbd"},
    {"a\\b\\e", 0, "a\\b\\e"},
};

START_TEST(test_escape)
{
	const struct esc_case *c = &esc_cases[_i];
	char *got = text_escape(c->in, c->flags);

	ck_assert_str_eq(got, c->out);
	ck_assert_int_eq(
	    text_is_safe(c->in, c->flags), strcmp(c->in, c->out) == 0);
	ck_assert_int_eq(text_is_safe(got, c->flags), 1);
	free(got);
}
END_TEST

/* Bidi controls and invisible format characters, one by one. */
static const uint32_t hidden_cps[] = {
    0x202a,
    0x202b,
    0x202c,
    0x202d,
    0x202e,
    0x2066,
    0x2067,
    0x2068,
    0x2069,
    0x200e,
    0x200f,
    0x061c,
    0x200b,
    0x200c,
    0x200d,
    0xfeff,
    0x2028,
    0x2029,
    0x2060,
    0x00ad,
    0x3164,
    0x115f,
    0x180e,
    0xfff9,
    0xe0041,
    0xe007f,
};

START_TEST(test_escape_hidden)
{
	char in[16], want[32], *got;
	int n;

	n = utf8_encode(hidden_cps[_i], in + 1);
	ck_assert_int_gt(n, 0);
	in[0] = 'a';
	in[n + 1] = 'b';
	in[n + 2] = '\0';
	snprintf(want, sizeof want, "a\\u%04xb", (unsigned)hidden_cps[_i]);
	got = text_escape(in, TEXT_KEEP_NEWLINE | TEXT_KEEP_TAB);
	ck_assert_str_eq(got, want);
	ck_assert_int_eq(text_is_safe(in, 0), 0);
	free(got);
}
END_TEST

START_TEST(test_escape_to)
{
	struct buf b;
	size_t n;

	buf_init(&b);
	buf_add(&b, "name: ");
	n = text_escape_to(&b, "a\0b\x1b", 4, 0);
	ck_assert_str_eq(buf_str(&b), "name: a\\x00b\\e");
	ck_assert_uint_eq(n, strlen("a\\x00b\\e"));
	n = text_escape_to(&b, "", 0, 0);
	ck_assert_uint_eq(n, 0);
	ck_assert_str_eq(buf_str(&b), "name: a\\x00b\\e");
	buf_done(&b);
}
END_TEST

START_TEST(test_escape_null)
{
	char *got = text_escape(NULL, 0);

	ck_assert_str_eq(got, "");
	ck_assert_int_eq(text_is_safe(NULL, 0), 1);
	free(got);
}
END_TEST

static const struct dec_case {
	const char *in;
	size_t n;
	int len;
	uint32_t cp;
} dec_cases[] = {
    {"A", 1, 1, 0x41}, {"", 1, 1, 0}, {"\xc2\xa3", 2, 2, 0xa3},
    {"\xdf\xbf", 2, 2, 0x7ff}, {"\xe0\xa0\x80", 3, 3, 0x800},
    {"\xe2\x80\xa6", 3, 3, 0x2026}, {"\xed\x9f\xbf", 3, 3, 0xd7ff},
    {"\xee\x80\x80", 3, 3, 0xe000}, {"\xef\xbf\xbf", 3, 3, 0xffff},
    {"\xf0\x90\x80\x80", 4, 4, 0x10000}, {"\xf4\x8f\xbf\xbf", 4, 4, 0x10ffff},
    {"\xc2\xa3", 1, -1, 0}, /* n too short */
    {"A", 0, -1, 0}, {"\x80", 1, -1, 0}, {"\xbf", 1, -1, 0},
    {"\xc0\x80", 2, -1, 0},				/* overlong NUL */
    {"\xc1\xbf", 2, -1, 0}, {"\xe0\x9f\xbf", 3, -1, 0}, /* overlong */
    {"\xf0\x8f\xbf\xbf", 4, -1, 0},			/* overlong */
    {"\xed\xa0\x80", 3, -1, 0},				/* surrogate */
    {"\xed\xbf\xbf", 3, -1, 0}, {"\xf4\x90\x80\x80", 4, -1, 0}, /* > U+10FFFF */
    {"\xf8\x88\x80\x80\x80", 5, -1, 0},
    {"\xe2\x28\xa1", 3, -1, 0}, /* bad continuation */
    {"\xe2\x82", 2, -1, 0},	/* truncated */
};

START_TEST(test_utf8_decode)
{
	const struct dec_case *c = &dec_cases[_i];
	uint32_t cp = 0xdeadbeef;

	ck_assert_int_eq(utf8_decode(c->in, c->n, &cp), c->len);
	if (c->len > 0)
		ck_assert_uint_eq(cp, c->cp);
	else
		ck_assert_uint_eq(cp, 0xdeadbeef);
	if (c->n > 0)
		ck_assert_int_eq(utf8_valid(c->in, c->n), c->len == (int)c->n);
}
END_TEST

START_TEST(test_utf8_encode)
{
	static const uint32_t cps[] = {0, 0x41, 0x7f, 0x80, 0xa3, 0x7ff, 0x800,
	    0x2026, 0xd7ff, 0xe000, 0xffff, 0x10000, 0x1f600, 0x10ffff};
	static const int lens[] = {1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3, 4, 4, 4};
	char out[4];
	uint32_t cp;
	size_t i;
	int n;

	for (i = 0; i < sizeof cps / sizeof cps[0]; i++) {
		n = utf8_encode(cps[i], out);
		ck_assert_int_eq(n, lens[i]);
		ck_assert_int_eq(utf8_decode(out, (size_t)n, &cp), n);
		ck_assert_uint_eq(cp, cps[i]);
	}
	ck_assert_int_eq(utf8_encode(0xa3, out), 2);
	ck_assert_mem_eq(out, "\xc2\xa3", 2);
	ck_assert_int_eq(utf8_encode(0xd800, out), -1);
	ck_assert_int_eq(utf8_encode(0xdfff, out), -1);
	ck_assert_int_eq(utf8_encode(0x110000, out), -1);
}
END_TEST

START_TEST(test_utf8_clip)
{
	const char *s = "ab\xc2\xa3" "cd";	/* "ab£cd" */

	ck_assert_uint_eq(utf8_clip(s, 6, 10), 6);
	ck_assert_uint_eq(utf8_clip(s, 6, 6), 6);
	ck_assert_uint_eq(utf8_clip(s, 6, 4), 4);
	ck_assert_uint_eq(utf8_clip(s, 6, 3), 2);	/* not half of £ */
	ck_assert_uint_eq(utf8_clip(s, 6, 0), 0);
}
END_TEST

START_TEST(test_utf8_steps)
{
	/* A, £, invalid 0xff, €, stray continuation, 😀, truncated €, Z */
	static const char s[] =
	    "A\xc2\xa3\xff\xe2\x82\xac\x80\xf0\x9f\x98\x80\xe2\x82Z";
	static const size_t want[] = {0, 1, 3, 4, 7, 8, 12, 13, 14};
	size_t len = sizeof s - 1, pos, i;

	for (pos = 0, i = 0; pos < len; pos = utf8_next(s, len, pos), i++)
		ck_assert_uint_eq(pos, want[i]);
	ck_assert_uint_eq(pos, len);
	ck_assert_uint_eq(i, sizeof want / sizeof want[0]);
	ck_assert_uint_eq(utf8_next(s, len, len), len);
	for (i = sizeof want / sizeof want[0]; pos > 0;) {
		pos = utf8_prev(s, pos);
		ck_assert_uint_eq(pos, want[--i]);
	}
	ck_assert_uint_eq(i, 0);
	ck_assert_uint_eq(utf8_prev(s, 0), 0);
	ck_assert_int_eq(utf8_valid(s, 4), 0);
	ck_assert_int_eq(utf8_valid(s, 3), 1);
}
END_TEST

static const struct width_case {
	const char *s;
	int w;
} width_cases[] = {
    {"", 0},
    {"abc", 3},
    {POUND "10", 3},
    {"caf\xc3\xa9", 4},
    {"cafe\xcc\x81", 4},
    {"e\xcc\x81\xcc\xa3", 1},
    {"\xe4\xb8\xad\xe6\x96\x87", 4},
    {"\xf0\x9f\x98\x80!", 3},
    {"\xe2\x80\xa6", 1},
    {"\xff", 1},
};

START_TEST(test_width)
{
	ck_assert_int_eq(text_width(width_cases[_i].s), width_cases[_i].w);
}
END_TEST

static const struct fit_case {
	const char *s;
	int width;
	unsigned flags;
	const char *out;
} fit_cases[] = {
    {"hello", 10, 0, "hello"},
    {"hello", 10, TEXT_PAD, "hello     "},
    {"hello", 5, TEXT_PAD, "hello"},
    {"hello world", 5, 0, "hell" ELL},
    {"hello world", 5, TEXT_PAD, "hell" ELL},
    {"hello", 4, 0, "hel" ELL},
    {"hello", 1, 0, ELL},
    {"hello", 0, 0, ""},
    {"hello", -3, TEXT_PAD, ""},
    {"", 3, TEXT_PAD, "   "},
    {POUND POUND POUND POUND, 3, 0, POUND POUND ELL},
    {"caf\xc3\xa9 au lait", 5, 0, "caf\xc3\xa9" ELL},
    {"cafe" ACUTE " au", 5, 0, "cafe" ACUTE ELL},
    {"e" ACUTE "e" ACUTE "e" ACUTE, 2, 0, "e" ACUTE ELL},
    {"e" ACUTE "e" ACUTE "e" ACUTE, 3, 0, "e" ACUTE "e" ACUTE "e" ACUTE},
    {ZHONG WEN ZI, 6, 0, ZHONG WEN ZI},
    {ZHONG WEN ZI, 7, TEXT_PAD, ZHONG WEN ZI " "},
    {ZHONG WEN ZI, 5, 0, ZHONG WEN ELL},
    {ZHONG WEN ZI, 4, 0, ZHONG " " ELL},
    {ZHONG WEN ZI, 3, 0, ZHONG ELL},
    {ZHONG WEN ZI, 2, 0, " " ELL},
    {ZHONG WEN ZI, 1, 0, ELL},
    {"a" ZHONG "b", 3, 0, "a " ELL},
    {SMILE SMILE SMILE, 4, 0, SMILE " " ELL},
    {SMILE SMILE SMILE, 5, 0, SMILE SMILE ELL},
    {"/home/user/docs/file.txt", 10, TEXT_ELLIPSIS_LEFT, ELL "/file.txt"},
    {"/home/user/docs/file.txt", 1, TEXT_ELLIPSIS_LEFT, ELL},
    {"ab", 4, TEXT_ELLIPSIS_LEFT | TEXT_PAD, "ab  "},
    {ZHONG WEN ZI, 4, TEXT_ELLIPSIS_LEFT, ELL " " ZI},
    {ZHONG WEN ZI, 5, TEXT_ELLIPSIS_LEFT, ELL WEN ZI},
    {"xe" ACUTE "y", 2, TEXT_ELLIPSIS_LEFT, ELL "y"},
    {"xe" ACUTE "y", 3, TEXT_ELLIPSIS_LEFT, "xe" ACUTE "y"},
    {"wxe" ACUTE "y", 3, TEXT_ELLIPSIS_LEFT, ELL "e" ACUTE "y"},
    {"caf\xc3\xa9s", 4, TEXT_ELLIPSIS_LEFT, ELL "f\xc3\xa9s"},
};

START_TEST(test_fit)
{
	const struct fit_case *c = &fit_cases[_i];
	char *got = text_fit(c->s, c->width, c->flags);
	int cut = text_width(c->s) > c->width;

	ck_assert_str_eq(got, c->out);
	ck_assert_int_eq(utf8_valid(got, strlen(got)), 1);
	if (c->width > 0 && (cut || (c->flags & TEXT_PAD)))
		ck_assert_int_eq(text_width(got), c->width);
	free(got);
}
END_TEST

/* Expected lines joined with '|'. */
static const struct wrap_case {
	const char *s;
	int width;
	int n;
	const char *lines;
} wrap_cases[] = {
    {"the quick brown fox", 10, 2, "the quick|brown fox"},
    {"the quick brown fox", 9, 2, "the quick|brown fox"},
    {"the quick brown fox", 5, 4, "the|quick|brown|fox"},
    {"the quick brown fox", 80, 1, "the quick brown fox"},
    {"abcdefghij", 4, 3, "abcd|efgh|ij"},
    {"ab abcdefghij", 4, 4, "ab|abcd|efgh|ij"},
    {"a\n\nb", 10, 3, "a||b"},
    {"a\n", 10, 2, "a|"},
    {"\n", 10, 2, "|"},
    {"", 10, 0, ""},
    {"  indented text", 20, 1, "  indented text"},
    {"  indented text", 9, 2, "indented|text"},
    {"a   b", 10, 1, "a   b"},
    {"a    b", 3, 2, "a|b"},
    {"word   ", 10, 1, "word"},
    {"   ", 10, 1, ""},
    {"ab", 0, 2, "a|b"},
    {ZHONG WEN ZI ZHONG WEN, 4, 3, ZHONG WEN "|" ZI ZHONG "|" WEN},
    {ZHONG WEN ZI, 3, 3, ZHONG "|" WEN "|" ZI},
    {ZHONG WEN, 1, 2, ZHONG "|" WEN},
    {"caf" EACUTE " cr" EGRAVE "me br" UCIRC "l" EACUTE "e", 10, 2,
	"caf" EACUTE " cr" EGRAVE "me|br" UCIRC "l" EACUTE "e"},
    {POUND "100 to " POUND "200", 6, 3, POUND "100|to|" POUND "200"},
    {"e" ACUTE "e" ACUTE "e" ACUTE, 2, 2, "e" ACUTE "e" ACUTE "|e" ACUTE},
    {SMILE SMILE SMILE " hi", 4, 3, SMILE SMILE "|" SMILE "|hi"},
    {"one two\nthree four", 9, 3, "one two|three|four"},
};

static char *
join(const struct text_lines *tl, size_t from)
{
	struct buf b;
	size_t i;

	buf_init(&b);
	for (i = from; i < tl->n; i++) {
		if (i > from)
			buf_addc(&b, '|');
		buf_add(&b, tl->lines[i]);
	}
	return buf_steal(&b);
}

START_TEST(test_wrap)
{
	const struct wrap_case *c = &wrap_cases[_i];
	struct text_lines tl;
	char *got;
	size_t i;
	int width = c->width < 1 ? 1 : c->width;

	text_lines_init(&tl);
	ck_assert_int_eq(text_wrap(c->s, c->width, &tl), c->n);
	ck_assert_uint_eq(tl.n, (size_t)c->n);
	got = join(&tl, 0);
	ck_assert_str_eq(got, c->lines);
	for (i = 0; i < tl.n; i++) {
		if (text_width(tl.lines[i]) > width)
			ck_assert_int_eq(width, 1);
	}
	free(got);
	text_lines_done(&tl);
	ck_assert_ptr_null(tl.lines);
	ck_assert_uint_eq(tl.n, 0);
}
END_TEST

START_TEST(test_wrap_appends)
{
	struct text_lines tl = {0};
	char *got;

	ck_assert_int_eq(text_wrap("a b", 1, &tl), 2);
	ck_assert_int_eq(text_wrap("c", 5, &tl), 1);
	ck_assert_int_eq(text_wrap(NULL, 5, &tl), 0);
	got = join(&tl, 0);
	ck_assert_str_eq(got, "a|b|c");
	free(got);
	text_lines_done(&tl);
}
END_TEST

START_TEST(test_trim_blank)
{
	static const struct {
		const char *in, *out;
		int blank;
	} cases[] = {
	    {" \t a b \r\n", "a b", 0},
	    {"", "", 1},
	    {" \t\n\v\f\r", "", 1},
	    {"x", "x", 0},
	    {"\xc2\xa0", "\xc2\xa0", 0}, /* no-break space is not ASCII */
	    {NULL, "", 1},
	};
	size_t i;
	char *got;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		got = text_trim(cases[i].in);
		ck_assert_str_eq(got, cases[i].out);
		ck_assert_int_eq(text_is_blank(cases[i].in), cases[i].blank);
		free(got);
	}
}
END_TEST

#define NELEM(a) ((int)(sizeof(a) / sizeof((a)[0])))

Suite *
text_suite(void)
{
	Suite *s = suite_create("text");
	TCase *tc;

	tc = tcase_create("escape");
	tcase_add_checked_fixture(tc, utf8_locale, NULL);
	tcase_add_loop_test(tc, test_escape, 0, NELEM(esc_cases));
	tcase_add_loop_test(tc, test_escape_hidden, 0, NELEM(hidden_cps));
	tcase_add_test(tc, test_escape_to);
	tcase_add_test(tc, test_escape_null);
	suite_add_tcase(s, tc);

	tc = tcase_create("utf8");
	tcase_add_checked_fixture(tc, utf8_locale, NULL);
	tcase_add_loop_test(tc, test_utf8_decode, 0, NELEM(dec_cases));
	tcase_add_test(tc, test_utf8_encode);
	tcase_add_test(tc, test_utf8_steps);
	tcase_add_test(tc, test_utf8_clip);
	suite_add_tcase(s, tc);

	tc = tcase_create("measure");
	tcase_add_checked_fixture(tc, utf8_locale, NULL);
	tcase_add_loop_test(tc, test_width, 0, NELEM(width_cases));
	tcase_add_loop_test(tc, test_fit, 0, NELEM(fit_cases));
	tcase_add_loop_test(tc, test_wrap, 0, NELEM(wrap_cases));
	tcase_add_test(tc, test_wrap_appends);
	tcase_add_test(tc, test_trim_blank);
	suite_add_tcase(s, tc);
	return s;
}
