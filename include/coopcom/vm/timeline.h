/*
 * timeline.h: the timeline chart's model, without curses.
 *
 * The chart has a label column and, to its right, CELLS character cells
 * of time. Time is cut into periods (weeks, months or quarters: the
 * zoom), each a fixed number of cells wide; a date falls in the cell of
 * its period that its day of the period leads to. The rows are those of
 * a store list ("timeline", or "timeline_themes" by theme) paged by a
 * listview; this module turns one row into cells (a bar for a range, a
 * mark for an exact date, an arrow where a range runs off the chart,
 * the line of today) and its due state into a symbol, and says where the
 * group headings go. The UI only turns the result into curses calls.
 *
 * Symbols and cells have a UTF-8 glyph and an ASCII one (timeline_glyph)
 * so the chart reads without colour and on a terminal that is not UTF-8.
 */
#ifndef COOPCOM_VM_TIMELINE_H
#define COOPCOM_VM_TIMELINE_H

#include <stdbool.h>
#include <stdint.h>

#include "coopcom/core/rag.h"
#include "coopcom/core/workflow.h"
#include "coopcom/vm/action.h"
#include "coopcom/vm/listview.h"

/* Months first: the zero value, so a new chart is by months. */
enum timeline_zoom { TIMELINE_MONTHS, TIMELINE_WEEKS, TIMELINE_QUARTERS };

enum timeline_group {
	TIMELINE_BY_COMMISSION,
	TIMELINE_BY_SUBGROUP,
	TIMELINE_BY_THEME,
	TIMELINE_GROUPS
};

/* What one cell of a row shows. */
enum timeline_cell {
	TL_EMPTY,
	TL_TODAY,		/* the line of today, where nothing else is */
	TL_BAR,			/* inside a range */
	TL_MARK,		/* an exact date */
	TL_MORE_LEFT,		/* the item goes on (or lies) before the chart */
	TL_MORE_RIGHT,		/* ... after it */
	TL_CELLS
};

struct timeline {
	enum timeline_zoom zoom;
	enum timeline_group group;
	int32_t first;		/* the first day of the first period shown */
	int cells;		/* chart width (the UI sets it) */
	bool placed;		/* first is set: on first show, around today */
	int64_t open;		/* the milestone whose detail (app->milestone)
				   is shown in place of the chart, or 0 */
};

/* One row of the list, as the chart needs it. */
struct timeline_item {
	bool milestone;		/* else a recommendation */
	int64_t id;		/* the milestone's or recommendation's id */
	const char *label;	/* borrowed from the listview, raw text */
	const char *timescale;	/* as written (a due date for a
				   recommendation); borrowed, raw */
	const char *heading;	/* the group it goes under; borrowed, raw;
				   NULL for the undated */
	int32_t earliest, latest; /* day numbers, RAG_NO_DATE when undated */
	enum rag_due due;
};

/* Cells per period: 4 a month, 7 a week (a day each), 6 a quarter. */
int timeline_period_cells(enum timeline_zoom zoom);
/* The first day of the period that holds DAY. */
int32_t timeline_period_start(enum timeline_zoom zoom, int32_t day);
/* The first day of the period N periods after the one starting at START. */
int32_t timeline_period_add(enum timeline_zoom zoom, int32_t start, int n);

/* The cell DAY falls in: may be < 0 (before) or >= cells (after). */
int timeline_cell_of(const struct timeline *t, int32_t day);
/* The day a cell starts on (the first day the cell covers). */
int32_t timeline_cell_day(const struct timeline *t, int cell);

/* Puts today a quarter of the way across (key t). */
void timeline_today(struct timeline *t, int32_t today);
/* Moves by N periods, earlier when negative ([ and ]). */
void timeline_scroll(struct timeline *t, int n);
/* Zooms in (finer) or out by one step around the middle of the chart;
 * false when already at the end. */
bool timeline_zoom(struct timeline *t, bool in);
/* Goes to the next grouping, cycling; returns the store list it needs. */
const char *timeline_next_group(struct timeline *t);
/* The store list of the current grouping. */
const char *timeline_list(const struct timeline *t);
/* "commission", "sub-group", "theme"; "weeks", "months", "quarters". */
const char *timeline_group_name(enum timeline_group g);
const char *timeline_zoom_name(enum timeline_zoom z);

/*
 * Reads row ROW of LV (a "timeline" list) into IT. Done and cancelled
 * come from the row's state and, for a recommendation, the workflow (a
 * final stage where delivery is tracked is done, another final stage
 * is cancelled). false when the row is not held.
 */
bool timeline_item(const struct timeline *t, const struct listview *lv,
    int64_t row, const struct workflow *wf, int32_t today, int amber_days,
    struct timeline_item *it);

/*
 * The cells of an item: OUT gets t->cells entries. A range is a bar
 * from its first to its last cell, an exact date a mark; what lies off
 * the chart shows as an arrow at that edge; today's cell shows the line
 * where the item leaves it empty.
 */
void timeline_row(const struct timeline *t, int32_t earliest,
    int32_t latest, int32_t today, enum timeline_cell *out);

/* The glyph of a cell or of a due state: UTF-8 or ASCII. */
const char *timeline_glyph(enum timeline_cell c, bool utf8);
const char *timeline_symbol(enum rag_due due, bool utf8);

/*
 * The axis: LINE1 gets the year where it changes (and, by weeks, the
 * month), LINE2 the period names, each t->cells columns of ASCII and
 * NUL-terminated (both at least t->cells + 1 bytes).
 */
void timeline_axis(const struct timeline *t, char *line1, char *line2);

/*
 * Whether row ROW of LV starts a new group (a heading goes above it):
 * the first row shown always does. The heading text (raw) goes in OUT.
 */
bool timeline_heading(const struct timeline *t, const struct listview *lv,
    int64_t row, bool first_shown, char *out, unsigned size);

/*
 * The screen line (from 0) of row ROW below the headings from lv->top,
 * and the move of lv->top that keeps the selection on LINES lines.
 */
int timeline_line_of(const struct timeline *t, const struct listview *lv,
    int64_t row);
void timeline_follow(const struct timeline *t, struct listview *lv,
    int lines);

/* The UI tells the milestone detail its size (rebuilt for a new width). */
void timeline_detail_size(struct app *app, int width, int height);

/* The UI tells the chart its width; the first time, today is placed. */
void timeline_set_cells(struct timeline *t, int cells, int32_t today);

struct app;
/*
 * The timeline view's keys ([ ] + - t b, moves and Enter) when it is
 * shown: true when the action was its own, with the reaction in REACT.
 * Enter on a recommendation opens it in the main view; on a milestone
 * it shows the milestone's detail (views_milestone_detail) in place of
 * the chart, where the moves scroll it and Escape (or any other key)
 * goes back to the chart, at the same row.
 */
bool timeline_action(struct app *app, enum action a, unsigned *react);

#endif
