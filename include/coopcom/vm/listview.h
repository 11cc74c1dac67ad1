/*
 * listview.h: a scrolling list of rows paged from SQLite.
 *
 * A list panel holds its selection, its scroll position and a window of
 * rows around what is visible, never the whole table: moving inside the
 * window costs no query, moving past it reloads a window of a few screens.
 * Moving forward past it keeps the rows still in view and reads on from
 * where the last read stopped, on a cursor kept open while nothing
 * changes (store_list_open_kept), so that paging down costs the same at
 * any depth; store_list_release ends such cursors when input rests.
 * It knows nothing of curses: the UI sets its height and draws its cells.
 */
#ifndef COOPCOM_VM_LISTVIEW_H
#define COOPCOM_VM_LISTVIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "coopcom/store/list.h"
#include "coopcom/util/err.h"

enum lv_flags {
	LV_RIGHT = 1 << 0,	/* right-aligned (numbers, money) */
	LV_MONEY = 1 << 1,	/* pence, shown as pounds */
	LV_LABEL = 1 << 2,	/* a choice id, shown with spaces */
	LV_DAYS = 1 << 3,	/* whole days, shown short: "12d", "3mo" */
	LV_RAG = 1 << 4,	/* "red"...: a symbol (R A G ✓ -) in its
				   colour (core/rag.h) */
	LV_MARK = 1 << 5	/* 0 or 1: "!" when 1, else blank */
};

struct lv_column {
	const char *source;	/* the store list's column name */
	const char *header;	/* on screen */
	int width;		/* columns; 0 takes what is left */
	unsigned flags;		/* enum lv_flags */
};

struct listview {
	const char *list;		/* store list name */
	const struct lv_column *columns;
	size_t ncolumns;
	size_t *source;			/* per column: index in the store list */
	const char *const *names;	/* the store list's column names */
	size_t nsource;			/* columns of the store list */
	struct list_filter filter;	/* strings owned: set with listview_set */
	int64_t total;			/* rows under the filter */
	int64_t sel;			/* selected row, 0..total-1 (0 if none) */
	int64_t top;			/* first visible row */
	int height;			/* visible rows (the UI sets it; 24
					   until then) */
	int64_t win_start;		/* first row held in cells */
	size_t win_n;			/* rows held */
	char **cells;			/* win_n * nsource; NULL for SQL NULL */
	int64_t *ids;			/* id (column 0) of each held row */
	int64_t win_version;		/* store_data_version they were read at */
	struct store_cursor *kept;	/* paging down: reads on from */
	int64_t kept_at;		/* this row, */
	int64_t kept_end;		/* up to this one (-1: the end); or
					   NULL */
	bool counted;			/* total is known: */
	struct list_filter count_filter; /* under this filter (owned) */
	int64_t count_version;		/* at this store_data_version */
};

void listview_init(struct listview *lv, const char *list,
    const struct lv_column *columns, size_t ncolumns);
void listview_done(struct listview *lv);

/*
 * Filter fields, copied. Changing a filter resets the selection to the
 * top; call listview_reload afterwards.
 */
void listview_set(struct listview *lv, const char **field, const char *value);

/*
 * An id filter (filter.commission_id, filter.subgroup_id): 0 for any,
 * -1 for none. Resets the selection only when the value changes.
 */
void listview_set_id(struct listview *lv, int64_t *field, int64_t value);

/*
 * Recounts and reloads the visible window, keeping the selection on the
 * same row id when it is still in view (someone else's change must not
 * move the person's cursor). When neither the filter nor the data
 * changed since the last count, nothing is read again: a reload is then
 * free, so callers need not know whether anything changed.
 */
int listview_reload(struct listview *lv, struct store *st, struct err *e);

/*
 * Counts the rows (total), as listview_reload does, without reading any:
 * for a list that is not shown. Its rows are read by the next reload.
 */
int listview_count(struct listview *lv, struct store *st, struct err *e);

/* Moves the selection by DELTA rows (clamped), scrolling as needed. */
int listview_move(struct listview *lv, struct store *st, int64_t delta,
    struct err *e);
int listview_goto(struct listview *lv, struct store *st, int64_t row,
    struct err *e);
/* A list not read yet (not shown) is read by its next reload. */
int listview_set_height(struct listview *lv, struct store *st, int height,
    struct err *e);

/* The id of the selected row, or 0 when the list is empty. */
int64_t listview_selected_id(const struct listview *lv);
/* Cell of a visible row (top <= row < top + height) by column index;
 * NULL for SQL NULL or a row not loaded. Borrowed until the next call. */
const char *listview_cell(const struct listview *lv, int64_t row, size_t col);
/* Cell by store column name, shown or not (for any held row). */
const char *listview_value(const struct listview *lv, int64_t row,
    const char *source);

#endif
