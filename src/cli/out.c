/*
 * out.c: lists and records as tables, CSV or JSON (see out.h).
 *
 * A table needs every row before it knows its column widths. Rows are
 * read in pages of TABLE_PAGE: each page is measured and printed on its
 * own, so memory stays bounded however long the list.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "coopcom/cli/out.h"
#include "coopcom/util/buf.h"
#include "coopcom/util/csv.h"
#include "coopcom/util/text.h"
#include "coopcom/util/xalloc.h"

#define TABLE_PAGE 500
#define MAX_CELL 60

int
out_parse_format(const char *text, enum out_format *f, struct err *e)
{
	if (text == NULL || strcmp(text, "table") == 0)
		*f = OUT_TABLE;
	else if (strcmp(text, "csv") == 0)
		*f = OUT_CSV;
	else if (strcmp(text, "json") == 0)
		*f = OUT_JSON;
	else
		return err_set(e, ERR_INVALID, "unknown format \"%s\": use "
		    "table, csv or json", text);
	return 0;
}

bool
out_is_terminal(FILE *fp)
{
	return isatty(fileno(fp)) == 1;
}

/* A cell as it may be written: escaped for terminals, never NULL. */
static char *
cell(const char *s, bool terminal, unsigned flags)
{
	if (s == NULL)
		return x_strdup("");
	if (terminal || !utf8_valid(s, strlen(s)))
		return text_escape(s, flags);
	return x_strdup(s);
}

void
out_text(FILE *fp, const char *s)
{
	char *safe = cell(s, out_is_terminal(fp), TEXT_KEEP_NEWLINE |
	    TEXT_KEEP_TAB);

	fputs(safe, fp);
	free(safe);
}

struct table_page {
	char **cells;		/* rows x columns, escaped and fitted */
	size_t rows, cap;
	int *width;
};

static void
page_print(FILE *fp, struct table_page *p, size_t ncol)
{
	size_t r, c;
	char *fitted;

	for (r = 0; r < p->rows; r++) {
		for (c = 0; c < ncol; c++) {
			fitted = text_fit(p->cells[r * ncol + c], p->width[c],
			    c + 1 < ncol ? TEXT_PAD : 0);
			fprintf(fp, "%s%s", fitted, c + 1 < ncol ? "  " : "\n");
			free(fitted);
			free(p->cells[r * ncol + c]);
		}
	}
	p->rows = 0;
}

static void
page_add(struct table_page *p, const char *const *vals, size_t ncol)
{
	size_t c;
	int w;

	p->cells = x_grow(p->cells, &p->cap, (p->rows + 1) * ncol,
	    sizeof *p->cells);
	for (c = 0; c < ncol; c++) {
		p->cells[p->rows * ncol + c] = cell(vals[c], true, 0);
		w = text_width(p->cells[p->rows * ncol + c]);
		if (w > MAX_CELL)
			w = MAX_CELL;
		if (w > p->width[c])
			p->width[c] = w;
	}
	p->rows++;
}

static int
out_table(FILE *fp, struct store_cursor *cur, struct err *e)
{
	struct table_page p = { 0 };
	const char *const *cols;
	const char **vals;
	size_t ncol, c;
	int rc;

	cols = store_cursor_columns(cur, &ncol);
	p.width = x_calloc(ncol, sizeof *p.width);
	vals = x_calloc(ncol, sizeof *vals);
	page_add(&p, cols, ncol);
	while ((rc = store_cursor_next(cur, e)) == 1) {
		for (c = 0; c < ncol; c++)
			vals[c] = store_cursor_text(cur, c);
		page_add(&p, vals, ncol);
		if (p.rows == TABLE_PAGE)
			page_print(fp, &p, ncol);
	}
	page_print(fp, &p, ncol);
	free(p.cells);
	free(p.width);
	free(vals);
	return rc;
}

static int
out_csv(FILE *fp, struct store_cursor *cur, struct err *e)
{
	bool term = out_is_terminal(fp);
	const char *const *cols;
	struct buf b;
	size_t ncol, c;
	char *v;
	int rc;

	buf_init(&b);
	cols = store_cursor_columns(cur, &ncol);
	csv_write_row(&b, cols, ncol, 0);
	while ((rc = store_cursor_next(cur, e)) == 1) {
		for (c = 0; c < ncol; c++) {
			v = cell(store_cursor_text(cur, c), term,
			    TEXT_KEEP_NEWLINE | TEXT_KEEP_TAB);
			csv_write_field(&b, v, 0);
			free(v);
		}
		csv_end_row(&b);
		fputs(buf_str(&b), fp);
		buf_reset(&b);
	}
	fputs(buf_str(&b), fp);
	buf_done(&b);
	return rc;
}

static json_t *
json_cell(struct store_cursor *cur, size_t c, bool term)
{
	char *v;
	json_t *j;

	switch (store_cursor_type(cur, c)) {
	case CELL_NULL:
		return json_null();
	case CELL_INT:
		return json_integer(strtoll(store_cursor_text(cur, c), NULL,
		    10));
	default:
		v = cell(store_cursor_text(cur, c), term, 0);
		j = json_string(v);
		free(v);
		return j;
	}
}

static int
out_json(FILE *fp, struct store_cursor *cur, struct err *e)
{
	bool term = out_is_terminal(fp), first = true;
	const char *const *cols;
	size_t ncol, c;
	json_t *row;
	int rc;

	cols = store_cursor_columns(cur, &ncol);
	fputs("[", fp);
	while ((rc = store_cursor_next(cur, e)) == 1) {
		row = json_object();
		for (c = 0; c < ncol; c++)
			json_object_set_new(row, cols[c],
			    json_cell(cur, c, term));
		fputs(first ? "\n  " : ",\n  ", fp);
		json_dumpf(row, fp, JSON_COMPACT | JSON_PRESERVE_ORDER);
		json_decref(row);
		first = false;
	}
	fputs(first ? "]\n" : "\n]\n", fp);
	return rc;
}

int
out_cursor(FILE *fp, struct store_cursor *c, enum out_format f,
    struct err *e)
{
	switch (f) {
	case OUT_CSV:
		return out_csv(fp, c, e);
	case OUT_JSON:
		return out_json(fp, c, e);
	default:
		return out_table(fp, c, e);
	}
}

void
out_record(FILE *fp, const struct record *r)
{
	const struct field *f;
	int w = 0, lw;
	size_t i;
	char *label, *val;

	for (i = 0; i < r->ent->nfields; i++)
		if ((lw = text_width(r->ent->fields[i].label)) > w)
			w = lw;
	fprintf(fp, "%-*s  %lld\n", w, "Id", (long long)r->id);
	for (i = 0; i < r->ent->nfields; i++) {
		f = &r->ent->fields[i];
		label = text_fit(f->label, w, TEXT_PAD);
		val = text_escape(r->shown[i], TEXT_KEEP_NEWLINE);
		fprintf(fp, "%s  %s\n", label, val);
		free(label);
		free(val);
	}
	val = text_escape(r->updated_by, 0);
	fprintf(fp, "%-*s  %lld, changed %s UTC by %s\n", w, "Version",
	    (long long)r->version, r->updated_at, *val ? val : "nobody");
	free(val);
}
