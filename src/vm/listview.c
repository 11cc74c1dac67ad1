/*
 * listview.c: paged list panels (see listview.h).
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "coopcom/util/xalloc.h"
#include "coopcom/vm/listview.h"

/* Rows loaded on each side of the visible ones. */
#define WINDOW_SCREENS 1
/*
 * A kept cursor (slide) on a list SQLite sorts reads on for this many
 * times the rows before it: far enough that paging down opens few of
 * them (each pays its OFFSET once), while its sorter holds at most this
 * many times the rows a plain page's would. One on a list read in an
 * index's order reads on to the end (store_list_open_kept).
 */
#define KEPT_GROWTH 8

void
listview_init(struct listview *lv, const char *list,
    const struct lv_column *columns, size_t ncolumns)
{
	memset(lv, 0, sizeof *lv);
	lv->list = list;
	lv->columns = columns;
	lv->ncolumns = ncolumns;
	/* Until the UI sets it: a 24-line terminal's worth, more than its
	 * lists show, so that setting it reads nothing again at start. */
	lv->height = 24;
}

static void
drop_kept(struct listview *lv)
{
	store_cursor_close(lv->kept);
	lv->kept = NULL;
}

/* Frees the first N rows held. */
static void
drop_rows(struct listview *lv, size_t n)
{
	size_t i;

	for (i = 0; i < n * lv->nsource; i++)
		free(lv->cells[i]);
}

static void
drop_window(struct listview *lv)
{
	drop_kept(lv);
	drop_rows(lv, lv->win_n);
	free(lv->cells);
	free(lv->ids);
	lv->cells = NULL;
	lv->ids = NULL;
	lv->win_n = 0;
}

/* The filter's strings, which a listview owns copies of. */
static const size_t filter_texts[] = {
	offsetof(struct list_filter, commission),
	offsetof(struct list_filter, subgroup),
	offsetof(struct list_filter, stage),
	offsetof(struct list_filter, term),
	offsetof(struct list_filter, rag),
	offsetof(struct list_filter, search),
	offsetof(struct list_filter, from),
	offsetof(struct list_filter, to),
	offsetof(struct list_filter, sort),
};
#define NTEXTS (sizeof filter_texts / sizeof filter_texts[0])

static const char **
filter_text(struct list_filter *f, size_t i)
{
	return (const char **)(void *)((char *)f + filter_texts[i]);
}

static void
filter_free(struct list_filter *f)
{
	size_t i;

	for (i = 0; i < NTEXTS; i++)
		free((char *)*filter_text(f, i));
	memset(f, 0, sizeof *f);
}

void
listview_done(struct listview *lv)
{
	drop_window(lv);
	free(lv->source);
	filter_free(&lv->filter);
	filter_free(&lv->count_filter);
	memset(lv, 0, sizeof *lv);
}

void
listview_set(struct listview *lv, const char **field, const char *value)
{
	free((char *)*field);
	*field = value != NULL && *value != '\0' ? x_strdup(value) : NULL;
	drop_kept(lv);
	lv->sel = 0;
	lv->top = 0;
}

void
listview_set_id(struct listview *lv, int64_t *field, int64_t value)
{
	if (*field == value)
		return;
	*field = value;
	drop_kept(lv);
	lv->sel = 0;
	lv->top = 0;
}

/* Maps the panel's columns to the store list's, once. */
static int
map_columns(struct listview *lv, struct store_cursor *c, struct err *e)
{
	const char *const *names = store_cursor_columns(c, &lv->nsource);
	size_t i, j;

	if (lv->source != NULL)
		return 0;
	lv->names = names;
	lv->source = x_calloc(lv->ncolumns, sizeof *lv->source);
	for (i = 0; i < lv->ncolumns; i++) {
		for (j = 0; j < lv->nsource; j++)
			if (strcmp(names[j], lv->columns[i].source) == 0)
				break;
		if (j == lv->nsource)
			return err_set(e, ERR_INVALID, "list %s has no column "
			    "%s", lv->list, lv->columns[i].source);
		lv->source[i] = j;
	}
	return 0;
}

static size_t
window_rows(const struct listview *lv)
{
	return (size_t)lv->height * (2 * WINDOW_SCREENS + 1);
}

/*
 * Appends C's next rows to those held until the window is full: 1 when
 * it is, 0 at C's end, -1 on error.
 */
static int
read_rows(struct listview *lv, struct store_cursor *c, struct err *e)
{
	size_t i, base, cap = lv->win_n > window_rows(lv) ? lv->win_n :
	    window_rows(lv);
	int rc = 1;

	lv->ids = x_realloc(lv->ids, cap * sizeof *lv->ids);
	lv->cells = x_realloc(lv->cells, cap * lv->nsource * sizeof *lv->cells);
	while (lv->win_n < window_rows(lv) &&
	    (rc = store_cursor_next(c, e)) == 1) {
		base = lv->win_n * lv->nsource;
		for (i = 0; i < lv->nsource; i++)
			lv->cells[base + i] = x_strdup(store_cursor_text(c, i));
		lv->ids[lv->win_n++] = strtoll(store_cursor_text(c, 0) ?
		    store_cursor_text(c, 0) : "0", NULL, 10);
	}
	return rc;
}

static bool same_filter(const struct list_filter *a,
    const struct list_filter *b);

/* Whether TOTAL is the list's under its filter as the data stand now. */
static bool
total_current(const struct listview *lv, struct store *st)
{
	return lv->counted && lv->count_version == store_data_version(st) &&
	    same_filter(&lv->count_filter, &lv->filter);
}

/* Puts the rows held the other way round. */
static void
reverse_rows(struct listview *lv)
{
	size_t i, j, k;
	int64_t id;
	char *cell;

	for (i = 0, j = lv->win_n - 1; i < j; i++, j--) {
		id = lv->ids[i];
		lv->ids[i] = lv->ids[j];
		lv->ids[j] = id;
		for (k = 0; k < lv->nsource; k++) {
			cell = lv->cells[i * lv->nsource + k];
			lv->cells[i * lv->nsource + k] =
			    lv->cells[j * lv->nsource + k];
			lv->cells[j * lv->nsource + k] = cell;
		}
	}
}

/* Where the window from START ends: a window's rows on, or the list's end. */
static int64_t
window_end(const struct listview *lv, int64_t start)
{
	int64_t end = start + (int64_t)window_rows(lv);

	return end < lv->total ? end : lv->total;
}

/*
 * Whether the window from START is nearer the list's end than its top,
 * as the data stand: then read backwards from the end, OFFSET skips
 * fewer rows.
 */
static bool
nearer_end(const struct listview *lv, struct store *st, int64_t start)
{
	int64_t end = window_end(lv, start);

	return end > start && lv->total - end < start &&
	    total_current(lv, st);
}

/*
 * Reads the window from START backwards from the list's end, when that
 * is the shorter way there: 1 when it did, 0 when it did not (see
 * nearer_end; or the list cannot be read backwards: read it forwards),
 * -1 on error. The rows' places come from the total, so they are kept
 * only when the data did not change while they were read.
 */
static int
load_reversed(struct listview *lv, struct store *st, int64_t start,
    struct err *e)
{
	struct list_filter f = lv->filter;
	struct store_cursor *c;
	int64_t end = window_end(lv, start);
	int rc;

	if (!nearer_end(lv, st, start))
		return 0;
	f.offset = lv->total - end;
	f.limit = end - start;
	if (store_list_open_reversed(st, lv->list, &f, &c, e) < 0)
		return -1;
	if (c == NULL)
		return 0;
	if ((rc = map_columns(lv, c, e)) == 0)
		rc = read_rows(lv, c, e);
	store_cursor_close(c);
	if (rc < 0)
		return -1;
	if ((int64_t)lv->win_n != end - start || !total_current(lv, st)) {
		drop_window(lv);
		return 0;
	}
	reverse_rows(lv);
	lv->win_start = start;
	return 1;
}

/*
 * The total from the page just read by C, where the list counts in its
 * page or the page held the whole list (ALL: read from the top to the
 * end), so no query of its own counts it again; says so in *COUNTED.
 */
static void
count_from(struct listview *lv, struct store_cursor *c, bool all,
    bool *counted)
{
	if (store_cursor_total(c) >= 0)
		lv->total = store_cursor_total(c);
	else if (all)
		lv->total = (int64_t)lv->win_n;
	else
		return;
	*counted = true;
}

/*
 * Reads the rows from START; with COUNTED, also the total where the
 * page can tell it (count_from), saying so in *COUNTED.
 */
static int
load_window(struct listview *lv, struct store *st, int64_t start,
    bool *counted, struct err *e)
{
	struct list_filter f = lv->filter;
	struct store_cursor *c;
	int rc;

	drop_window(lv);
	lv->win_version = store_data_version(st);
	if (counted == NULL && (rc = load_reversed(lv, st, start, e)) != 0)
		return rc < 0 ? -1 : 0;
	f.offset = start;
	/* At the top (a new filter, each search) there is no screen above
	 * to hold: the one shown and the next. */
	f.limit = counted ? (1 + WINDOW_SCREENS) * (int64_t)lv->height :
	    (int64_t)window_rows(lv);
	if ((counted ? store_list_open_counted : store_list_open)(st,
	    lv->list, &f, &c, e) < 0)
		return -1;
	if (map_columns(lv, c, e) < 0) {
		store_cursor_close(c);
		return -1;
	}
	lv->win_start = start;
	rc = read_rows(lv, c, e);
	if (rc >= 0 && counted != NULL)
		count_from(lv, c, start == 0 && (int64_t)lv->win_n < f.limit,
		    counted);
	store_cursor_close(c);
	return rc < 0 ? -1 : 0;
}

static bool
visible_loaded(const struct listview *lv)
{
	int64_t end = lv->top + lv->height;

	if (end > lv->total)
		end = lv->total;
	return lv->top >= lv->win_start &&
	    end <= lv->win_start + (int64_t)lv->win_n;
}

/* Opens a kept cursor (store_list_open_kept) at row FROM. */
static int
keep_from(struct listview *lv, struct store *st, int64_t from, struct err *e)
{
	struct list_filter f = lv->filter;

	drop_kept(lv);
	f.offset = from;
	f.limit = KEPT_GROWTH * (from + (int64_t)window_rows(lv));
	lv->kept_at = from;
	if (store_list_open_kept(st, lv->list, &f, &lv->kept, e) < 0)
		return -1;
	lv->kept_end = store_cursor_end(lv->kept);
	return 0;
}

/*
 * Fills the window from the kept cursor, first stepping over the rows
 * before START (a jump forward past the window), and on to a new one
 * where it reached its LIMIT rather than the list's end.
 */
static int
read_kept(struct listview *lv, struct store *st, int64_t start,
    struct err *e)
{
	size_t before;
	int rc;

	for (;;) {
		rc = 1;
		while (lv->kept_at < start &&
		    (rc = store_cursor_next(lv->kept, e)) == 1)
			lv->kept_at++;
		before = lv->win_n;
		if (rc == 1)
			rc = read_rows(lv, lv->kept, e);
		lv->kept_at += (int64_t)(lv->win_n - before);
		if (rc != 0 || lv->kept_end < 0 || lv->kept_at < lv->kept_end)
			break;
		if (keep_from(lv, st, lv->kept_at > start ? lv->kept_at :
		    start, e) < 0)
			return -1;
	}
	if (rc <= 0)
		drop_kept(lv);
	return rc < 0 ? -1 : 0;
}

/*
 * Moves the window forward to START, keeping the rows it holds from
 * there and reading the rest from the kept cursor when it stands where
 * the window ends, else from a new one: 1 when it did, 0 when the
 * window cannot move so (backwards, or the filter or the data changed
 * since it was read: its rows and the new ones would not be one list),
 * -1 on error.
 */
static int
slide(struct listview *lv, struct store *st, int64_t start, struct err *e)
{
	int64_t end = lv->win_start + (int64_t)lv->win_n;
	size_t gone;
	bool opened;

	if (lv->cells == NULL || start <= lv->win_start || !lv->counted ||
	    !same_filter(&lv->count_filter, &lv->filter) ||
	    store_data_version(st) != lv->win_version)
		return 0;
	/* A jump of more than a window is left to OFFSET, which skips
	 * rows without making them. */
	opened = !store_cursor_live(lv->kept) || lv->kept_at != end ||
	    start - end > (int64_t)window_rows(lv);
	/* A new cursor would skip more rows than reading backwards. */
	if (opened && nearer_end(lv, st, start))
		return 0;
	if (opened && keep_from(lv, st, start > end ? start : end, e) < 0)
		return -1;
	gone = start < end ? (size_t)(start - lv->win_start) : lv->win_n;
	drop_rows(lv, gone);
	memmove(lv->cells, lv->cells + gone * lv->nsource,
	    (lv->win_n - gone) * lv->nsource * sizeof *lv->cells);
	memmove(lv->ids, lv->ids + gone, (lv->win_n - gone) * sizeof *lv->ids);
	lv->win_n -= gone;
	lv->win_start = start;
	if (read_kept(lv, st, start, e) < 0) {
		drop_window(lv);
		return -1;
	}
	/* A new cursor's snapshot began at its first row: a change made
	 * before then is seen now, and its rows are read afresh. */
	if (opened && store_data_version(st) != lv->win_version)
		return load_window(lv, st, start, NULL, e) < 0 ? -1 : 1;
	return 1;
}

static int
ensure_visible(struct listview *lv, struct store *st, struct err *e)
{
	int64_t start;
	int rc;

	if (visible_loaded(lv) && lv->cells != NULL)
		return 0;
	start = lv->top - (int64_t)lv->height * WINDOW_SCREENS;
	if (start < 0)
		start = 0;
	if ((rc = slide(lv, st, start, e)) != 0)
		return rc < 0 ? -1 : 0;
	return load_window(lv, st, start, NULL, e);
}

/*
 * Keeps the selection inside the list and on screen. Past an edge the
 * list jumps by half a screen rather than a row: holding a key down then
 * redraws the whole panel once every half screen, not on every row.
 */
static void
clamp(struct listview *lv)
{
	if (lv->sel >= lv->total)
		lv->sel = lv->total - 1;
	if (lv->sel < 0)
		lv->sel = 0;
	if (lv->top > lv->sel)
		lv->top = lv->sel - lv->height / 2;
	if (lv->sel >= lv->top + lv->height)
		lv->top = lv->sel - lv->height + 1 + lv->height / 2;
	if (lv->top > lv->total - lv->height)
		lv->top = lv->total - lv->height;
	if (lv->top < 0)
		lv->top = 0;
}

static void
find_kept(struct listview *lv, int64_t id)
{
	size_t i;

	if (id == 0)
		return;
	for (i = 0; i < lv->win_n; i++) {
		if (lv->ids[i] == id) {
			lv->sel = lv->win_start + (int64_t)i;
			clamp(lv);
			return;
		}
	}
}

static bool
same_text(const char *a, const char *b)
{
	return a == b || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

static bool
same_filter(const struct list_filter *a, const struct list_filter *b)
{
	size_t i;

	for (i = 0; i < NTEXTS; i++) {
		if (!same_text(*filter_text((struct list_filter *)a, i),
		    *filter_text((struct list_filter *)b, i)))
			return false;
	}
	return a->commission_id == b->commission_id &&
	    a->subgroup_id == b->subgroup_id && a->overdue == b->overdue &&
	    a->mine == b->mine && a->person == b->person &&
	    a->record == b->record && a->archived == b->archived &&
	    a->brief == b->brief;
}

/* Notes what TOTAL was counted under, so an unchanged list is not read. */
static void
remember_count(struct listview *lv, int64_t version)
{
	struct list_filter *c = &lv->count_filter;
	size_t i;

	filter_free(c);
	*c = lv->filter;
	for (i = 0; i < NTEXTS; i++)
		*filter_text(c, i) = x_strdup(*filter_text(&lv->filter, i));
	lv->count_version = version;
	lv->counted = true;
}

/*
 * Counts again when the filter or the data changed: 1, else 0, or -1.
 * The rows held are then dropped, or with PAGE, when the list shows its
 * top (as after a new filter: each letter of a search), read again with
 * the count in the same query where the list can (store_cursor_total).
 */
static int
recount(struct listview *lv, struct store *st, bool page, struct err *e)
{
	int64_t version = store_data_version(st);
	bool counted = false;

	if (lv->counted && lv->count_version == version &&
	    same_filter(&lv->count_filter, &lv->filter))
		return 0;
	if (page && lv->top == 0) {
		if (load_window(lv, st, 0, &counted, e) < 0)
			return -1;
	} else
		drop_window(lv);
	if (!counted &&
	    store_list_count(st, lv->list, &lv->filter, &lv->total, e) < 0)
		return -1;
	remember_count(lv, version);
	return 1;
}

int
listview_count(struct listview *lv, struct store *st, struct err *e)
{
	return recount(lv, st, false, e) < 0 ? -1 : 0;
}

int
listview_reload(struct listview *lv, struct store *st, struct err *e)
{
	int64_t keep = listview_selected_id(lv);
	int rc;

	if ((rc = recount(lv, st, true, e)) < 0)
		return -1;
	if (rc == 0 && lv->cells != NULL) {
		clamp(lv);
		return ensure_visible(lv, st, e);
	}
	clamp(lv);
	if (ensure_visible(lv, st, e) < 0)
		return -1;
	find_kept(lv, keep);
	return ensure_visible(lv, st, e);
}

int
listview_goto(struct listview *lv, struct store *st, int64_t row,
    struct err *e)
{
	lv->sel = row;
	clamp(lv);
	return ensure_visible(lv, st, e);
}

int
listview_move(struct listview *lv, struct store *st, int64_t delta,
    struct err *e)
{
	return listview_goto(lv, st, lv->sel + delta, e);
}

int
listview_set_height(struct listview *lv, struct store *st, int height,
    struct err *e)
{
	lv->height = height > 0 ? height : 1;
	if (!lv->counted || lv->cells == NULL)
		return 0;
	clamp(lv);
	return ensure_visible(lv, st, e);
}

int64_t
listview_selected_id(const struct listview *lv)
{
	int64_t i = lv->sel - lv->win_start;

	if (lv->total == 0 || i < 0 || i >= (int64_t)lv->win_n)
		return 0;
	return lv->ids[i];
}

const char *
listview_cell(const struct listview *lv, int64_t row, size_t col)
{
	int64_t i = row - lv->win_start;

	if (i < 0 || i >= (int64_t)lv->win_n || col >= lv->ncolumns ||
	    lv->source == NULL)
		return NULL;
	return lv->cells[i * (int64_t)lv->nsource + (int64_t)lv->source[col]];
}

const char *
listview_value(const struct listview *lv, int64_t row, const char *source)
{
	int64_t i = row - lv->win_start;
	size_t n;

	if (i < 0 || i >= (int64_t)lv->win_n || lv->names == NULL)
		return NULL;
	for (n = 0; n < lv->nsource; n++)
		if (strcmp(lv->names[n], source) == 0)
			return lv->cells[i * (int64_t)lv->nsource + (int64_t)n];
	return NULL;
}
