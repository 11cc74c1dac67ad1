/*
 * timeline.c: the timeline chart's model (see timeline.h).
 *
 * Periods have different lengths (a month of 28 or 31 days) but the
 * same width on screen, so a day's cell is found from its period and its
 * place in the period, never from a fixed number of days per cell.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coopcom/core/date.h"
#include "coopcom/vm/app.h"
#include "coopcom/vm/timeline.h"

static const char *const list_of[TIMELINE_GROUPS] = { "timeline",
	"timeline", "timeline_themes" };

int
timeline_period_cells(enum timeline_zoom zoom)
{
	static const int cells[] = { 4, 7, 6 };

	return cells[zoom];
}

/* Months since year 0 of the month holding DAY. */
static int
month_index(int32_t day)
{
	struct date d = date_from_days(day);

	return d.year * 12 + d.month - 1;
}

static int32_t
month_start(int index)
{
	return date_to_days((struct date){ index / 12, index % 12 + 1, 1 });
}

static int
months_per(enum timeline_zoom zoom)
{
	return zoom == TIMELINE_QUARTERS ? 3 : 1;
}

int32_t
timeline_period_start(enum timeline_zoom zoom, int32_t day)
{
	int m;

	if (zoom == TIMELINE_WEEKS)	/* day 0, 1970-01-01, was a Thursday */
		return day - ((day % 7 + 7 + 3) % 7);
	m = month_index(day);
	return month_start(m - m % months_per(zoom));
}

int32_t
timeline_period_add(enum timeline_zoom zoom, int32_t start, int n)
{
	if (zoom == TIMELINE_WEEKS)
		return start + 7 * n;
	return month_start(month_index(start) + n * months_per(zoom));
}

/* Periods from the chart's first to the one holding DAY. */
static int
period_of(const struct timeline *t, int32_t day)
{
	if (t->zoom == TIMELINE_WEEKS)
		return (int)((timeline_period_start(t->zoom, day) - t->first) /
		    7);
	return (month_index(day) / months_per(t->zoom)) -
	    (month_index(t->first) / months_per(t->zoom));
}

int
timeline_cell_of(const struct timeline *t, int32_t day)
{
	int w = timeline_period_cells(t->zoom), p = period_of(t, day);
	int32_t start = timeline_period_add(t->zoom, t->first, p);
	int32_t len = timeline_period_add(t->zoom, start, 1) - start;

	return p * w + (int)((day - start) * w / len);
}

int32_t
timeline_cell_day(const struct timeline *t, int cell)
{
	int w = timeline_period_cells(t->zoom);
	int p = cell >= 0 ? cell / w : -((-cell + w - 1) / w);
	int32_t start = timeline_period_add(t->zoom, t->first, p);
	int32_t len = timeline_period_add(t->zoom, start, 1) - start;
	int k = cell - p * w;

	/* The first day whose cell is k: ceil(k * len / w). */
	return start + (k * len + w - 1) / w;
}

void
timeline_today(struct timeline *t, int32_t today)
{
	int periods = t->cells / timeline_period_cells(t->zoom);

	t->first = timeline_period_add(t->zoom,
	    timeline_period_start(t->zoom, today), -(periods / 4));
	t->placed = true;
}

void
timeline_scroll(struct timeline *t, int n)
{
	t->first = timeline_period_add(t->zoom, t->first, n);
}

bool
timeline_zoom(struct timeline *t, bool in)
{
	static const enum timeline_zoom finer[] = { TIMELINE_WEEKS,
	    TIMELINE_MONTHS, TIMELINE_QUARTERS };
	int32_t middle = timeline_cell_day(t, t->cells / 2);
	int i;

	for (i = 0; finer[i] != t->zoom; i++)
		;
	i += in ? -1 : 1;
	if (i < 0 || i > 2)
		return false;
	t->zoom = finer[i];
	t->first = timeline_period_start(t->zoom, middle);
	t->first = timeline_period_add(t->zoom, t->first,
	    -(t->cells / timeline_period_cells(t->zoom) / 2));
	return true;
}

const char *
timeline_list(const struct timeline *t)
{
	return list_of[t->group];
}

const char *
timeline_next_group(struct timeline *t)
{
	t->group = (enum timeline_group)((t->group + 1) % TIMELINE_GROUPS);
	return timeline_list(t);
}

const char *
timeline_group_name(enum timeline_group g)
{
	static const char *const names[] = { "commission", "sub-group",
	    "theme" };

	return names[g];
}

const char *
timeline_zoom_name(enum timeline_zoom z)
{
	static const char *const names[] = { "months", "weeks", "quarters" };

	return names[z];
}

/* Done, cancelled or neither, from the row's state and stage. */
static void
closed(const struct listview *lv, int64_t row, const struct workflow *wf,
    bool *done, bool *cancelled)
{
	const char *state = listview_value(lv, row, "state");
	const char *stage = listview_value(lv, row, "stage");
	const struct workflow_stage *s = NULL;

	*done = state != NULL && strcmp(state, "done") == 0;
	*cancelled = state != NULL && strcmp(state, "cancelled") == 0;
	if (stage != NULL && wf != NULL)
		s = workflow_stage(wf, stage);
	if (s != NULL && s->final && !*done) {
		*done = s->delivery;
		*cancelled = !s->delivery;
	}
}

bool
timeline_item(const struct timeline *t, const struct listview *lv,
    int64_t row, const struct workflow *wf, int32_t today, int amber_days,
    struct timeline_item *it)
{
	const char *kind = listview_value(lv, row, "kind");
	const char *id = listview_value(lv, row, "id");
	bool done, cancelled;

	if (kind == NULL || id == NULL)
		return false;
	memset(it, 0, sizeof *it);
	it->milestone = strcmp(kind, "milestone") == 0;
	it->id = strtoll(id, NULL, 10);
	it->label = listview_value(lv, row, "label");
	it->timescale = listview_value(lv, row, "timescale");
	it->earliest = date_days_of(listview_value(lv, row, "earliest"),
	    RAG_NO_DATE);
	it->latest = date_days_of(listview_value(lv, row, "latest"),
	    RAG_NO_DATE);
	if (it->earliest == RAG_NO_DATE || it->latest == RAG_NO_DATE)
		it->earliest = it->latest = RAG_NO_DATE;
	else
		it->heading = listview_value(lv, row,
		    t->group == TIMELINE_BY_THEME ? "theme" : "commission");
	closed(lv, row, wf, &done, &cancelled);
	it->due = rag_due(it->earliest, it->latest, done, cancelled, today,
	    amber_days);
	return true;
}

void
timeline_row(const struct timeline *t, int32_t earliest, int32_t latest,
    int32_t today, enum timeline_cell *out)
{
	int from, to, c, now = timeline_cell_of(t, today);

	for (c = 0; c < t->cells; c++)
		out[c] = c == now ? TL_TODAY : TL_EMPTY;
	if (earliest == RAG_NO_DATE || t->cells < 1)
		return;
	from = timeline_cell_of(t, earliest);
	to = timeline_cell_of(t, latest);
	if (to < 0) {
		out[0] = TL_MORE_LEFT;
		return;
	}
	if (from >= t->cells) {
		out[t->cells - 1] = TL_MORE_RIGHT;
		return;
	}
	if (earliest == latest) {
		out[from] = TL_MARK;
		return;
	}
	for (c = from < 0 ? 0 : from; c <= to && c < t->cells; c++)
		out[c] = TL_BAR;
	if (from < 0)
		out[0] = TL_MORE_LEFT;
	if (to >= t->cells)
		out[t->cells - 1] = TL_MORE_RIGHT;
}

const char *
timeline_glyph(enum timeline_cell c, bool utf8)
{
	static const char *const glyphs[TL_CELLS][2] = {
		[TL_EMPTY] = { " ", " " },
		[TL_TODAY] = { "|", "\u2502" },
		[TL_BAR] = { "=", "\u2501" },
		[TL_MARK] = { "*", "\u25c6" },
		[TL_MORE_LEFT] = { "<", "\u25c0" },
		[TL_MORE_RIGHT] = { ">", "\u25b6" },
	};

	return glyphs[c][utf8];
}

const char *
timeline_symbol(enum rag_due due, bool utf8)
{
	static const char *const symbols[][2] = {
		[DUE_LATER] = { " ", " " },
		[DUE_SOON] = { "~", "~" },
		[DUE_OVERDUE] = { "!", "!" },
		[DUE_UNDATED] = { "?", "?" },
		[DUE_DONE] = { "v", "\u2713" },
		[DUE_CANCELLED] = { "x", "\u2717" },
	};

	return symbols[due][utf8];
}

/*
 * Writes S into LINE at column AT if it fits between *FROM (the first
 * column after the last label and a space) and the end.
 */
static void
put_at(char *line, int cells, int at, const char *s, int *from)
{
	size_t n = strlen(s);

	if (n == 0 || at < *from || at + (int)n > cells)
		return;
	memcpy(line + at, s, n);
	*from = at + (int)n + 1;
}

/*
 * By weeks, the month over the week it starts in, with the year where
 * it changes; the first week carries its month only when the next week
 * is in the same month, or the next month's name would not fit.
 */
static bool
week_label(const struct timeline *t, int p, int *year, char *s, size_t n)
{
	struct date d = date_from_days(timeline_period_add(t->zoom, t->first,
	    p));
	struct date next = date_from_days(timeline_period_add(t->zoom,
	    t->first, p + 1));
	struct date before = date_from_days(timeline_period_add(t->zoom,
	    t->first, p - 1));

	if (p == 0 ? next.month != d.month : before.month == d.month)
		return false;
	snprintf(s, n, d.year != *year ? "%.3s %d" : "%.3s",
	    date_month_name(d.month), d.year);
	*year = d.year;
	return true;
}

void
timeline_axis(const struct timeline *t, char *line1, char *line2)
{
	int w = timeline_period_cells(t->zoom), p, year = 0;
	int from1 = 0, from2 = 0;
	struct date d;
	char s[16];

	memset(line1, ' ', (size_t)t->cells);
	memset(line2, ' ', (size_t)t->cells);
	line1[t->cells] = line2[t->cells] = '\0';
	for (p = 0; p * w < t->cells; p++) {
		d = date_from_days(timeline_period_add(t->zoom, t->first, p));
		if (t->zoom == TIMELINE_WEEKS)
			snprintf(s, sizeof s, "%02d", d.day);
		else if (t->zoom == TIMELINE_MONTHS)
			snprintf(s, sizeof s, "%.3s", date_month_name(d.month));
		else
			snprintf(s, sizeof s, "Q%d", (d.month + 2) / 3);
		put_at(line2, t->cells, p * w, s, &from2);
		if (t->zoom == TIMELINE_WEEKS) {
			if (week_label(t, p, &year, s, sizeof s))
				put_at(line1, t->cells, p * w, s, &from1);
		} else if (d.year != year) {
			snprintf(s, sizeof s, "%d", d.year);
			put_at(line1, t->cells, p * w, s, &from1);
			year = d.year;
		}
	}
}

/* The group a row goes under: the undated have their own, last. */
static void
group_of(const struct timeline *t, const struct listview *lv, int64_t row,
    char *out, unsigned size)
{
	const char *c = listview_value(lv, row, "commission");
	const char *s = listview_value(lv, row, "subgroup");
	const char *theme = listview_value(lv, row, "theme");

	if (listview_value(lv, row, "earliest") == NULL)
		snprintf(out, size, "Undated (to be confirmed)");
	else if (t->group == TIMELINE_BY_THEME)
		snprintf(out, size, "%s", theme && *theme ? theme :
		    "(no theme)");
	else if (t->group == TIMELINE_BY_SUBGROUP && s != NULL)
		snprintf(out, size, "%s / %s", c ? c : "", s);
	else if (t->group == TIMELINE_BY_SUBGROUP)
		snprintf(out, size, "%s (the commission's own)", c ? c : "");
	else
		snprintf(out, size, "%s", c ? c : "");
}

bool
timeline_heading(const struct timeline *t, const struct listview *lv,
    int64_t row, bool first_shown, char *out, unsigned size)
{
	char before[256];

	group_of(t, lv, row, out, size);
	if (first_shown || row == 0)
		return true;
	group_of(t, lv, row - 1, before, sizeof before);
	return strcmp(before, out) != 0;
}

int
timeline_line_of(const struct timeline *t, const struct listview *lv,
    int64_t row)
{
	char heading[256];
	int64_t r;
	int line = 0;

	for (r = lv->top; r <= row; r++)
		line += 1 + timeline_heading(t, lv, r, r == lv->top, heading,
		    sizeof heading);
	return line - 1;
}

void
timeline_follow(const struct timeline *t, struct listview *lv, int lines)
{
	while (lv->top < lv->sel &&
	    timeline_line_of(t, lv, lv->sel) >= lines)
		lv->top++;
}

void
timeline_set_cells(struct timeline *t, int cells, int32_t today)
{
	t->cells = cells > 0 ? cells : 1;
	if (!t->placed)
		timeline_today(t, today);
}

/* Moves the selection, keeping it below its headings on screen. */
static unsigned
move(struct app *app, int64_t delta)
{
	struct listview *lv = &app->timeline;
	struct err e;

	if (listview_move(lv, app->store, delta, &e) < 0) {
		app_message(app, true, "%s", e.msg);
		return REACT_REDRAW;
	}
	timeline_follow(&app->chart, lv, lv->height);
	return REACT_REDRAW;
}

/* Another grouping is another list (or the same list, headed anew). */
static unsigned
regroup(struct app *app)
{
	struct listview *lv = &app->timeline;
	const struct lv_column *cols = lv->columns;
	size_t n = lv->ncolumns;
	int height = lv->height;
	struct err e;

	listview_done(lv);
	listview_init(lv, timeline_next_group(&app->chart), cols, n);
	lv->height = height;
	if (listview_reload(lv, app->store, &e) < 0) {
		app_message(app, true, "%s", e.msg);
		return REACT_REDRAW;
	}
	app_message(app, false, "grouped by %s",
	    timeline_group_name(app->chart.group));
	return REACT_REDRAW;
}

/* Shows milestone ID's detail in place of the chart. */
static unsigned
open_milestone(struct app *app, int64_t id)
{
	struct err e;

	if (views_milestone_detail(app, &app->milestone, id, &e) < 0) {
		app_message(app, true, "%s", e.msg);
		return REACT_REDRAW;
	}
	app->chart.open = id;
	app_message(app, false, "j and k scroll; Escape returns to the "
	    "timeline");
	return REACT_REDRAW;
}

static unsigned
open_selected(struct app *app)
{
	struct session *s = app->session;
	struct timeline_item it;

	if (!timeline_item(&app->chart, &app->timeline, app->timeline.sel,
	    s->workflow, date_to_days(date_today()), s->config.amber_days,
	    &it))
		return REACT_NONE;
	if (!it.milestone)
		return views_open_recommendation(app, it.id);
	return open_milestone(app, it.id);
}

void
timeline_detail_size(struct app *app, int width, int height)
{
	struct detail *d = &app->milestone;
	int64_t open = app->chart.open;
	struct err e;

	d->height = height > 1 ? height : 1;
	if (width == d->width)
		return;
	d->width = width;
	if (open != 0 && views_milestone_detail(app, d, open, &e) < 0) {
		app->chart.open = 0;
		app_message(app, true, "%s", e.msg);
	}
}

/* Scrolls the open detail by DELTA lines, within its text. */
static unsigned
scroll(struct app *app, int64_t delta)
{
	struct detail *d = &app->milestone;
	int64_t last = (int64_t)d->lines.n - d->height, at = d->scroll + delta;

	if (at > last)
		at = last;
	d->scroll = at < 0 ? 0 : (int)at;
	return REACT_REDRAW;
}

/* How far a move action goes over HEIGHT lines; false for another. */
static bool
move_by(enum action a, int height, int64_t *delta)
{
	int page = height > 1 ? height - 1 : 1;

	switch (a) {
	case ACTION_MOVE_DOWN:
	case ACTION_MOVE_UP:
		*delta = a == ACTION_MOVE_DOWN ? 1 : -1;
		return true;
	case ACTION_PAGE_DOWN:
	case ACTION_PAGE_UP:
		*delta = a == ACTION_PAGE_DOWN ? page : -page;
		return true;
	case ACTION_FIRST:
	case ACTION_LAST:
		*delta = a == ACTION_LAST ? INT32_MAX : -INT32_MAX;
		return true;
	default:
		return false;
	}
}

/* The keys of an open milestone detail; others close it first. */
static bool
detail_action(struct app *app, enum action a, unsigned *react)
{
	int64_t delta;

	*react = REACT_REDRAW;
	if (move_by(a, app->milestone.height, &delta)) {
		*react = scroll(app, delta);
		return true;
	}
	switch (a) {
	case ACTION_OPEN:
		*react = REACT_NONE;
		return true;
	case ACTION_BACK:
		app->chart.open = 0;
		app_message(app, false, "%s", "");
		return true;
	default:
		app->chart.open = 0;
		return false;
	}
}

bool
timeline_action(struct app *app, enum action a, unsigned *react)
{
	struct timeline *t = &app->chart;
	int64_t delta;

	if (app->view != VIEW_TIMELINE)
		return false;
	if (!t->placed)
		timeline_today(t, date_to_days(date_today()));
	if (t->open != 0 && detail_action(app, a, react))
		return true;
	*react = REACT_REDRAW;
	if (move_by(a, app->timeline.height, &delta)) {
		*react = move(app, delta);
		return true;
	}
	switch (a) {
	case ACTION_TIME_EARLIER:
	case ACTION_TIME_LATER:
		timeline_scroll(t, a == ACTION_TIME_LATER ? 1 : -1);
		return true;
	case ACTION_ZOOM_IN:
	case ACTION_ZOOM_OUT:
		if (!timeline_zoom(t, a == ACTION_ZOOM_IN))
			app_message(app, false, "already by %s",
			    timeline_zoom_name(t->zoom));
		return true;
	case ACTION_TODAY:
		timeline_today(t, date_to_days(date_today()));
		return true;
	case ACTION_GROUP_BY:
		*react = regroup(app);
		return true;
	case ACTION_OPEN:
		*react = open_selected(app);
		return true;
	default:
		return false;
	}
}
