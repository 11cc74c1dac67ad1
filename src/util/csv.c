/*
 * csv.c: RFC 4180 writer and reader (see csv.h).
 *
 * The reader is a small hand-written scanner over memory. Files come from
 * spreadsheets and from people, so it is strict about what RFC 4180 leaves
 * ambiguous (stray quotes, text after a closing quote) and says exactly
 * where the problem is rather than guessing what was meant.
 */
#include <stdlib.h>
#include <string.h>

#include "coopcom/util/buf.h"
#include "coopcom/util/csv.h"
#include "coopcom/util/err.h"
#include "coopcom/util/text.h"
#include "coopcom/util/xalloc.h"

static int
needs_quotes(const char *s, size_t n)
{
	if (n == 0)
		return 0;
	if (s[0] == ' ' || s[n - 1] == ' ')
		return 1;
	/* A field starting with a byte order mark, first in a file, would
	 * be taken for the file's own mark and lose it (found by fuzzing). */
	if (strncmp(s, "\xef\xbb\xbf", 3) == 0)
		return 1;
	return strpbrk(s, ",\"\r\n") != NULL;
}

void
csv_write_field(struct buf *out, const char *field, unsigned flags)
{
	const char *p;
	size_t n;
	int formula;

	if (field == NULL)
		field = "";
	n = strlen(field);
	if (out->len == 0 || out->data[out->len - 1] == '\n') {
		if (n == 0) {
			buf_add(out, "\"\"");
			return;
		}
	} else
		buf_addc(out, ',');
	formula = (flags & CSV_SAFE_FORMULAS) && n > 0 &&
	    strchr("=+-@\t\r", field[0]) != NULL;
	if (!needs_quotes(field, n)) {
		if (formula)
			buf_addc(out, '\'');
		buf_addn(out, field, n);
		return;
	}
	buf_addc(out, '"');
	if (formula)
		buf_addc(out, '\'');
	while ((p = strchr(field, '"')) != NULL) {
		buf_addn(out, field, (size_t)(p - field) + 1);
		buf_addc(out, '"');
		field = p + 1;
	}
	buf_add(out, field);
	buf_addc(out, '"');
}

void
csv_end_row(struct buf *out)
{
	buf_add(out, "\r\n");
}

void
csv_write_row(
    struct buf *out, const char *const *fields, size_t n, unsigned flags)
{
	size_t i;

	for (i = 0; i < n; i++)
		csv_write_field(out, fields[i], flags);
	csv_end_row(out);
}

void
csv_reader_init(struct csv_reader *r, const char *data, size_t len)
{
	r->data = data;
	r->len = len;
	r->pos = 0;
	r->line = 1;
	r->failed = 0;
	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		r->pos = 3;
}

void
csv_row_init(struct csv_row *row)
{
	row->fields = NULL;
	row->n = 0;
	row->cap = 0;
	row->line = 0;
}

static void
row_clear(struct csv_row *row)
{
	size_t i;

	for (i = 0; i < row->n; i++)
		free(row->fields[i]);
	row->n = 0;
}

void
csv_row_done(struct csv_row *row)
{
	row_clear(row);
	free(row->fields);
	csv_row_init(row);
}

int
csv_row_blank(const struct csv_row *row)
{
	size_t i;

	for (i = 0; i < row->n; i++) {
		if (!text_is_blank(row->fields[i]))
			return 0;
	}
	return 1;
}

/* Where a field is, for messages. */
struct spot {
	long line;    /* the line the row starts on */
	size_t field; /* 1-based */
};

_Static_assert(CSV_FIELD_MAX == 1048576 && CSV_FIELDS_MAX == 10000,
    "the messages below name the limits");

static const char too_long[] =
    "the field is longer than 1048576 bytes (1 MiB), which is more than "
    "any cell should hold; is this the right file?";
static const char has_nul[] =
    "the file contains a NUL byte, so it is not a text file; export it "
    "again as CSV";
static const char stray_quote[] =
    "a quote (\") appears in a field that does not start with one; put "
    "the whole field in quotes and write the inner quote twice (\"\")";
static const char unclosed[] =
    "the quoted field that starts here is never closed; add the missing "
    "closing quote (\"), and write any quote inside the field twice (\"\")";
static const char after_quote[] =
    "there is text after the closing quote; a quoted field must end at its "
    "closing quote (write a quote inside it twice: \"\")";
static const char not_utf8[] =
    "the text is not UTF-8; save the file as \"CSV UTF-8\" and try again";
static const char too_many[] =
    "the row has more than 10000 fields; is this the right file?";

static int
field_error(struct err *e, struct spot at, const char *what)
{
	return err_set(
	    e, ERR_INVALID, "line %ld, field %zu: %s", at.line, at.field, what);
}

static int
at_line_end(const struct csv_reader *r)
{
	return r->pos < r->len &&
	    (r->data[r->pos] == '\r' || r->data[r->pos] == '\n');
}

/* Steps over CRLF, LF or a lone CR. */
static void
eat_line_end(struct csv_reader *r)
{
	if (r->data[r->pos] == '\r' && r->pos + 1 < r->len &&
	    r->data[r->pos + 1] == '\n')
		r->pos++;
	r->pos++;
	r->line++;
}

static int
add_checked(
    struct buf *f, const char *s, size_t n, struct spot at, struct err *e)
{
	if (f->len + n > CSV_FIELD_MAX)
		return field_error(e, at, too_long);
	buf_addn(f, s, n);
	return 0;
}

static int
read_plain(struct csv_reader *r, struct buf *f, struct spot at, struct err *e)
{
	size_t start = r->pos;
	char c;

	for (; r->pos < r->len; r->pos++) {
		c = r->data[r->pos];
		if (c == ',' || c == '\r' || c == '\n')
			break;
		if (c == '"')
			return field_error(e, at, stray_quote);
		if (c == '\0')
			return field_error(e, at, has_nul);
	}
	return add_checked(f, r->data + start, r->pos - start, at, e);
}

/* The part of a quoted field up to the next quote, line end or NUL. */
static int
read_quoted_span(
    struct csv_reader *r, struct buf *f, struct spot at, struct err *e)
{
	size_t start = r->pos;
	char c;

	for (; r->pos < r->len; r->pos++) {
		c = r->data[r->pos];
		if (c == '"' || c == '\r' || c == '\n' || c == '\0')
			break;
	}
	return add_checked(f, r->data + start, r->pos - start, at, e);
}

static int
read_quoted(struct csv_reader *r, struct buf *f, struct spot at, struct err *e)
{
	size_t before;

	r->pos++;
	for (;;) {
		if (read_quoted_span(r, f, at, e) < 0)
			return -1;
		if (r->pos >= r->len)
			return field_error(e, at, unclosed);
		switch (r->data[r->pos]) {
		case '\0':
			return field_error(e, at, has_nul);
		case '"':
			if (r->pos + 1 < r->len && r->data[r->pos + 1] == '"') {
				if (add_checked(f, "\"", 1, at, e) < 0)
					return -1;
				r->pos += 2;
				continue;
			}
			r->pos++;
			if (r->pos < r->len && r->data[r->pos] != ',' &&
			    !at_line_end(r))
				return field_error(e, at, after_quote);
			return 0;
		default:
			before = r->pos;
			eat_line_end(r);
			if (add_checked(f, r->data + before, r->pos - before,
				at, e) < 0)
				return -1;
		}
	}
}

static void
row_push(struct csv_row *row, const struct buf *f)
{
	row->fields =
	    x_grow(row->fields, &row->cap, row->n + 1, sizeof *row->fields);
	row->fields[row->n++] = x_strndup(buf_str(f), f->len);
}

static int
read_fields(
    struct csv_reader *r, struct csv_row *row, struct buf *f, struct err *e)
{
	struct spot at;
	int rc;

	at.line = row->line;
	for (;;) {
		at.field = row->n + 1;
		if (row->n == CSV_FIELDS_MAX)
			return field_error(e, at, too_many);
		buf_reset(f);
		if (r->pos < r->len && r->data[r->pos] == '"')
			rc = read_quoted(r, f, at, e);
		else
			rc = read_plain(r, f, at, e);
		if (rc < 0)
			return -1;
		if (!utf8_valid(buf_str(f), f->len))
			return field_error(e, at, not_utf8);
		row_push(row, f);
		if (r->pos >= r->len)
			return 0;
		if (r->data[r->pos] != ',') {
			eat_line_end(r);
			return 0;
		}
		r->pos++;
	}
}

int
csv_read_row(struct csv_reader *r, struct csv_row *row, struct err *e)
{
	struct buf f;
	int rc;

	row_clear(row);
	if (r->failed)
		return err_set(e, ERR_INVALID,
		    "reading stopped at the error "
		    "reported before");
	while (at_line_end(r))
		eat_line_end(r);
	if (r->pos >= r->len)
		return 0;
	row->line = r->line;
	buf_init(&f);
	rc = read_fields(r, row, &f, e);
	buf_done(&f);
	if (rc < 0) {
		row_clear(row);
		r->failed = 1;
		return -1;
	}
	return 1;
}
