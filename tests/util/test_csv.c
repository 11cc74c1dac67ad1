/*
 * test_csv.c: CSV writer and reader (csv.h).
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "coopcom/util/buf.h"
#include "coopcom/util/csv.h"
#include "coopcom/util/err.h"
#include "coopcom/util/xalloc.h"

Suite *csv_suite(void);

#define BOM "\xef\xbb\xbf"
#define POUND "\xc2\xa3"
#define EACUTE "\xc3\xa9"
#define ZHONG "\xe4\xb8\xad"

#define NELEM(a) ((int)(sizeof(a) / sizeof((a)[0])))

static const struct write_case {
	const char *field;
	unsigned flags;
	const char *out;
} write_cases[] = {
    {"plain", 0, "plain"},
    {"", 0, "\"\""},
    {NULL, 0, "\"\""},
    {"a,b", 0, "\"a,b\""},
    {"say \"hi\"", 0, "\"say \"\"hi\"\"\""},
    {"\"", 0, "\"\"\"\""},
    {"line1\nline2", 0, "\"line1\nline2\""},
    {"line1\r\nline2", 0, "\"line1\r\nline2\""},
    {"cr\r", 0, "\"cr\r\""},
    {" lead", 0, "\" lead\""},
    {"trail ", 0, "\"trail \""},
    {"in side", 0, "in side"},
    {POUND "5 caf" EACUTE, 0, POUND "5 caf" EACUTE},
    {"=1+1", 0, "=1+1"},
    {"-5", 0, "-5"},
    {"=1+1", CSV_SAFE_FORMULAS, "'=1+1"},
    {"+44 1234", CSV_SAFE_FORMULAS, "'+44 1234"},
    {"-5", CSV_SAFE_FORMULAS, "'-5"},
    {"@SUM(A1)", CSV_SAFE_FORMULAS, "'@SUM(A1)"},
    {"\tx", CSV_SAFE_FORMULAS, "'\tx"},
    {"\rx", CSV_SAFE_FORMULAS, "\"'\rx\""},
    {"=HYPERLINK(\"x\",\"y\")", CSV_SAFE_FORMULAS,
	"\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\""},
    {"a=b", CSV_SAFE_FORMULAS, "a=b"},
    {"", CSV_SAFE_FORMULAS, "\"\""},
};

START_TEST(test_write_field)
{
	const struct write_case *c = &write_cases[_i];
	struct buf b;

	buf_init(&b);
	csv_write_field(&b, c->field, c->flags);
	ck_assert_str_eq(buf_str(&b), c->out);
	buf_done(&b);
}
END_TEST

START_TEST(test_write_rows)
{
	static const char *const r1[] = {"", "x", ""};
	static const char *const r2[] = {""};
	static const char *const r3[] = {"a", "b,c"};
	struct buf b;

	buf_init(&b);
	csv_write_row(&b, r1, 3, 0);
	csv_write_row(&b, r2, 1, 0);
	csv_write_row(&b, r3, 2, 0);
	csv_write_row(&b, NULL, 0, 0);
	ck_assert_str_eq(buf_str(&b), "\"\",x,\r\n\"\"\r\na,\"b,c\"\r\n\r\n");
	buf_done(&b);
}
END_TEST

/* Reads all of data; returns the rows as "f1|f2/f1|f2" with line numbers
 * as "@N:" in front of each row. Fails the test on a read error. */
static char *
read_all(const char *data, size_t len)
{
	struct csv_reader r;
	struct csv_row row = {0};
	struct err e;
	struct buf b;
	size_t i;
	int rc;

	err_clear(&e);
	buf_init(&b);
	csv_reader_init(&r, data, len);
	while ((rc = csv_read_row(&r, &row, &e)) == 1) {
		if (b.len > 0)
			buf_addc(&b, '/');
		buf_printf(&b, "@%ld:", row.line);
		for (i = 0; i < row.n; i++)
			buf_printf(&b, "%s%s", i > 0 ? "|" : "", row.fields[i]);
	}
	ck_assert_msg(rc == 0, "read failed: %s", e.msg);
	ck_assert_int_eq(csv_read_row(&r, &row, &e), 0);
	csv_row_done(&row);
	return buf_steal(&b);
}

static const struct read_case {
	const char *in;
	const char *rows;
} read_cases[] = {
    {"", ""},
    {"\xef\xbb\xbf", ""},
    {"\r\n\n\r\n", ""},
    {"a,b\r\n", "@1:a|b"},
    {BOM "a,b\r\n", "@1:a|b"},
    {"\xef\xbb\xbf\xef\xbb\xbf", "@1:\xef\xbb\xbf"},
    {"a,b\r\nc,d\ne,f", "@1:a|b/@2:c|d/@3:e|f"},
    {"a\rb\r", "@1:a/@2:b"},
    {"\r\n\na\n\n\nb\n", "@3:a/@6:b"},
    {",,", "@1:||"},
    {"a,", "@1:a|"},
    {"a,\r\n", "@1:a|"},
    {" , ", "@1: | "},
    {"\"\"", "@1:"},
    {"\"\",\"\"", "@1:|"},
    {"\"a,b\",c", "@1:a,b|c"},
    {"\"he said \"\"hi\"\"\"", "@1:he said \"hi\""},
    {"\"x\ny\",z\r\nnext\r\n", "@1:x\ny|z/@3:next"},
    {"\"x\r\ny\r\n\",z\nnext", "@1:x\r\ny\r\n|z/@4:next"},
    {"\"a\rb\"\nc", "@1:a\rb/@3:c"},
    {POUND "5,caf" EACUTE "," ZHONG, "@1:" POUND "5|caf" EACUTE "|" ZHONG},
    {"'=1+1,-5", "@1:'=1+1|-5"},
};

START_TEST(test_read)
{
	const struct read_case *c = &read_cases[_i];
	char *got = read_all(c->in, strlen(c->in));

	ck_assert_str_eq(got, c->rows);
	free(got);
}
END_TEST

START_TEST(test_row_blank)
{
	static const struct {
		const char *in;
		int blank;
	} cases[] = {
	    {",,", 1},
	    {" , \t", 1},
	    {"\"\"", 1},
	    {"a,,", 0},
	    {",\" x\"", 0},
	};
	struct csv_reader r;
	struct csv_row row;
	struct err e;
	size_t i;

	csv_row_init(&row);
	ck_assert_int_eq(csv_row_blank(&row), 1);
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		csv_reader_init(&r, cases[i].in, strlen(cases[i].in));
		ck_assert_int_eq(csv_read_row(&r, &row, &e), 1);
		ck_assert_int_eq(csv_row_blank(&row), cases[i].blank);
	}
	csv_row_done(&row);
}
END_TEST

/* Awkward rows: what is written must read back the same. */
static const char *const trip[][4] = {
    {"name", "amount", "notes", NULL},
    {"", "", "", NULL},
    {"a,b", "say \"hi\"", "two\nlines", NULL},
    {"crlf\r\ninside", " lead", "trail ", NULL},
    {"\"", "\"\"", ",", NULL},
    {"=SUM(A1)", "-5", "@x", NULL},
    {POUND "12.50", "caf\xc3\xa9 cr\xc3\xa8me",
	"\xe4\xb8\xad\xe6\x96\x87 \xf0\x9f\x98\x80", NULL},
    {"", NULL},
    {"only", NULL},
    {"\r", "\n", "", NULL},
};

static size_t
trip_len(size_t i)
{
	size_t n = 0;

	while (trip[i][n] != NULL)
		n++;
	return n;
}

START_TEST(test_round_trip)
{
	struct csv_reader r;
	struct csv_row row;
	struct err e;
	struct buf b;
	size_t i, j, nrows = sizeof trip / sizeof trip[0];
	long line = 1;
	const char *p;

	buf_init(&b);
	for (i = 0; i < nrows; i++)
		csv_write_row(&b, trip[i], trip_len(i), 0);
	csv_row_init(&row);
	csv_reader_init(&r, b.data, b.len);
	for (i = 0; i < nrows; i++) {
		ck_assert_msg(
		    csv_read_row(&r, &row, &e) == 1, "row %zu: %s", i, e.msg);
		ck_assert_uint_eq(row.n, trip_len(i));
		ck_assert_int_eq(row.line, line);
		for (j = 0; j < row.n; j++) {
			ck_assert_str_eq(row.fields[j], trip[i][j]);
			/* Later rows start after each line end inside. */
			for (p = trip[i][j]; *p != '\0'; p++) {
				if (*p == '\n' || (*p == '\r' && p[1] != '\n'))
					line++;
			}
		}
		line++;
	}
	ck_assert_int_eq(csv_read_row(&r, &row, &e), 0);
	csv_row_done(&row);
	buf_done(&b);
}
END_TEST

static const struct bad_case {
	const char *in;
	size_t len;	   /* 0: strlen(in) */
	const char *where; /* the message starts with this */
	const char *what;  /* and contains this */
	int good_rows;	   /* rows read before the error */
} bad_cases[] = {
    {"a\n\"unterminated,b\n", 0, "line 2, field 1: ", "never closed", 1},
    {"\"a\nb\",\"c\nd", 0, "line 1, field 2: ", "never closed", 0},
    {"\"", 0, "line 1, field 1: ", "never closed", 0},
    {"a,b\nc,\"x\"y\n", 0, "line 2, field 2: ", "after the closing", 1},
    {"\"x\" ,y", 0, "line 1, field 1: ", "after the closing", 0},
    {"a,b\"c\n", 0, "line 1, field 2: ", "does not start", 0},
    {" \"a\"", 0, "line 1, field 1: ", "does not start", 0},
    {"x\n\"a\nb\nc\",d\"e", 0, "line 2, field 2: ", "does not start", 1},
    {"ok\nx,\xff\n", 0, "line 2, field 2: ", "not UTF-8", 1},
    {"ok\nx,\xc0\xaf", 0, "line 2, field 2: ", "not UTF-8", 1},
    {"\xed\xa0\x80", 0, "line 1, field 1: ", "not UTF-8", 0},
    {"\"\xe2\x82\",x", 0, "line 1, field 1: ", "not UTF-8", 0},
    {"\xef\xbb\xbf\xfe", 0, "line 1, field 1: ", "not UTF-8", 0},
    {"a,b\0c", 5, "line 1, field 2: ", "NUL byte", 0},
    {"a\n\n\"x\0\"", 7, "line 3, field 1: ", "NUL byte", 1},
    {"\0", 1, "line 1, field 1: ", "NUL byte", 0},
};

START_TEST(test_read_errors)
{
	const struct bad_case *c = &bad_cases[_i];
	struct csv_reader r;
	struct csv_row row;
	struct err e;
	int rc, rows = 0;

	err_clear(&e);
	csv_row_init(&row);
	csv_reader_init(&r, c->in, c->len > 0 ? c->len : strlen(c->in));
	while ((rc = csv_read_row(&r, &row, &e)) == 1)
		rows++;
	ck_assert_int_eq(rc, -1);
	ck_assert_int_eq(rows, c->good_rows);
	ck_assert_int_eq(e.code, ERR_INVALID);
	ck_assert_msg(strncmp(e.msg, c->where, strlen(c->where)) == 0,
	    "message \"%s\" should start \"%s\"", e.msg, c->where);
	ck_assert_msg(strstr(e.msg, c->what) != NULL,
	    "message \"%s\" should say \"%s\"", e.msg, c->what);
	ck_assert_uint_eq(row.n, 0);
	err_clear(&e);
	ck_assert_int_eq(csv_read_row(&r, &row, &e), -1);
	ck_assert_int_eq(e.code, ERR_INVALID);
	csv_row_done(&row);
}
END_TEST

/* n copies of c, with head and tail around them. */
static char *
repeat(const char *head, char c, size_t n, const char *tail, size_t *len)
{
	size_t h = strlen(head), t = strlen(tail);
	char *s = x_malloc(h + n + t + 1);

	memcpy(s, head, h);
	memset(s + h, c, n);
	memcpy(s + h + n, tail, t + 1);
	*len = h + n + t;
	return s;
}

START_TEST(test_limits)
{
	static const struct {
		const char *head;
		char c;
		size_t n;
		const char *tail;
		int ok;
		const char *where;
	} cases[] = {
	    {"", 'a', CSV_FIELD_MAX, "\n", 1, NULL},
	    {"x,", 'a', CSV_FIELD_MAX + 1, "\n", 0, "line 1, field 2: "},
	    {"\"", 'a', CSV_FIELD_MAX, "\"", 1, NULL},
	    {"\"", 'a', CSV_FIELD_MAX - 1, "\"\"\"", 1, NULL},
	    {"\"", 'a', CSV_FIELD_MAX, "\"\"\"", 0, "line 1, field 1: "},
	    {"\"", '\n', CSV_FIELD_MAX + 1, "\"", 0, "line 1, field 1: "},
	    {"", ',', CSV_FIELDS_MAX - 1, "\n", 1, NULL},
	    {"h\n", ',', CSV_FIELDS_MAX, "", 0, "line 2, field 10001: "},
	};
	struct csv_reader r;
	struct csv_row row;
	struct err e;
	size_t i, len;
	char *s;
	int rc;

	csv_row_init(&row);
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		s = repeat(
		    cases[i].head, cases[i].c, cases[i].n, cases[i].tail, &len);
		csv_reader_init(&r, s, len);
		do
			rc = csv_read_row(&r, &row, &e);
		while (rc == 1 && strcmp(row.fields[0], "h") == 0);
		if (cases[i].ok) {
			ck_assert_msg(rc == 1, "case %zu: %s", i, e.msg);
			ck_assert_int_eq(csv_read_row(&r, &row, &e), 0);
		} else {
			ck_assert_int_eq(rc, -1);
			ck_assert_msg(strncmp(e.msg, cases[i].where,
					  strlen(cases[i].where)) == 0,
			    "case %zu: %s", i, e.msg);
		}
		free(s);
	}
	csv_row_done(&row);
}
END_TEST

START_TEST(test_limit_messages)
{
	struct csv_reader r;
	struct csv_row row = {0};
	struct err e;
	size_t len;
	char *s;

	s = repeat("", 'a', CSV_FIELD_MAX + 1, "", &len);
	csv_reader_init(&r, s, len);
	ck_assert_int_eq(csv_read_row(&r, &row, &e), -1);
	ck_assert_ptr_nonnull(strstr(e.msg, "longer than 1048576 bytes"));
	free(s);
	s = repeat("", ',', CSV_FIELDS_MAX, "", &len);
	csv_reader_init(&r, s, len);
	ck_assert_int_eq(csv_read_row(&r, &row, &e), -1);
	ck_assert_ptr_nonnull(strstr(e.msg, "more than 10000 fields"));
	free(s);
	csv_row_done(&row);
}
END_TEST

START_TEST(test_row_reuse)
{
	static const char data[] = "a,b,c\nd\n";
	struct csv_reader r;
	struct csv_row row;
	struct err e;
	char *kept;

	csv_row_init(&row);
	csv_reader_init(&r, data, sizeof data - 1);
	ck_assert_int_eq(csv_read_row(&r, &row, &e), 1);
	kept = row.fields[1];
	row.fields[1] = NULL;
	ck_assert_int_eq(csv_read_row(&r, &row, &e), 1);
	ck_assert_uint_eq(row.n, 1);
	ck_assert_str_eq(row.fields[0], "d");
	ck_assert_int_eq(row.line, 2);
	ck_assert_str_eq(kept, "b");
	free(kept);
	csv_row_done(&row);
	ck_assert_ptr_null(row.fields);
}
END_TEST

Suite *
csv_suite(void)
{
	Suite *s = suite_create("csv");
	TCase *tc;

	tc = tcase_create("write");
	tcase_add_loop_test(tc, test_write_field, 0, NELEM(write_cases));
	tcase_add_test(tc, test_write_rows);
	suite_add_tcase(s, tc);

	tc = tcase_create("read");
	tcase_add_loop_test(tc, test_read, 0, NELEM(read_cases));
	tcase_add_test(tc, test_row_blank);
	tcase_add_test(tc, test_round_trip);
	tcase_add_test(tc, test_row_reuse);
	tcase_add_loop_test(tc, test_read_errors, 0, NELEM(bad_cases));
	suite_add_tcase(s, tc);

	tc = tcase_create("limits");
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_limits);
	tcase_add_test(tc, test_limit_messages);
	suite_add_tcase(s, tc);
	return s;
}
