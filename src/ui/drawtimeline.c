/*
 * drawtimeline.c: the timeline chart on screen (see drawtimeline.h).
 *
 * Overdue rows are drawn in the error style, done and cancelled ones
 * dimmed, due-soon ones in bold: each also has its symbol, so the chart
 * reads without colour. Glyphs are UTF-8 only under a UTF-8 locale.
 */
#include <curses.h>
#include <langinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coopcom/core/date.h"
#include "coopcom/ui/draw.h"
#include "coopcom/ui/drawtimeline.h"
#include "coopcom/ui/screen.h"
#include "coopcom/util/xalloc.h"

#define LABEL_WIDTH 22

static bool
utf8_locale(void)
{
	return strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
}

static int
due_attr(enum rag_due due)
{
	switch (due) {
	case DUE_OVERDUE:
		return screen_attr(STYLE_ERROR);
	case DUE_SOON:
		return A_BOLD;
	case DUE_DONE:
	case DUE_CANCELLED:
		return screen_attr(STYLE_DIM);
	default:
		return A_NORMAL;
	}
}

static void
draw_cells(const struct app *app, const enum timeline_cell *cells, int y,
    int attr, bool utf8)
{
	const struct timeline *t = &app->chart;
	int c;

	for (c = 0; c < t->cells; c++) {
		if (cells[c] == TL_EMPTY)
			continue;
		attron(cells[c] == TL_TODAY ? (int)A_NORMAL : attr);
		mvaddstr(y, LABEL_WIDTH + c, timeline_glyph(cells[c], utf8));
		attroff(cells[c] == TL_TODAY ? (int)A_NORMAL : attr);
	}
}

static void
draw_item(struct app *app, int64_t row, int y, enum timeline_cell *cells,
    bool utf8)
{
	const struct session *s = app->session;
	int32_t today = date_to_days(date_today());
	struct timeline_item it;
	char *label;
	int attr;

	if (!timeline_item(&app->chart, &app->timeline, row, s->workflow,
	    today, s->config.amber_days, &it))
		return;
	attr = due_attr(it.due);
	if (row == app->timeline.sel)
		attr = screen_attr(STYLE_SELECTED);
	attron(attr);
	mvaddstr(y, 0, timeline_symbol(it.due, utf8));
	attroff(attr);
	label = x_printf(" %s", it.label ? it.label : "");
	draw_text(y, 1, LABEL_WIDTH - 2, label, attr);
	free(label);
	if (it.earliest == RAG_NO_DATE) {
		draw_text(y, LABEL_WIDTH, app->chart.cells, it.timescale,
		    screen_attr(STYLE_DIM));
		return;
	}
	timeline_row(&app->chart, it.earliest, it.latest, today, cells);
	draw_cells(app, cells, y, due_attr(it.due), utf8);
}

static void
draw_axis(struct app *app, int y)
{
	struct timeline *t = &app->chart;
	char *a = x_malloc((size_t)t->cells + 1);
	char *b = x_malloc((size_t)t->cells + 1);
	char head[160];

	timeline_axis(t, a, b);
	snprintf(head, sizeof head, "Timeline (%lld)",
	    (long long)app->timeline.total);
	draw_text(y, 0, LABEL_WIDTH, head, screen_attr(STYLE_TITLE));
	draw_text(y, LABEL_WIDTH, t->cells, a, screen_attr(STYLE_HEADER));
	snprintf(head, sizeof head, "by %s", timeline_group_name(t->group));
	draw_text(y + 1, 0, LABEL_WIDTH, head, A_NORMAL);
	draw_text(y + 1, LABEL_WIDTH, t->cells, b, screen_attr(STYLE_HEADER));
	free(a);
	free(b);
}

/* A milestone's detail, in place of the chart. */
static void
draw_detail(struct app *app, int y, int h)
{
	const struct detail *d = &app->milestone;
	int i;
	size_t at;

	draw_text(y, 0, COLS, "Milestone (Escape: back to the timeline)",
	    screen_attr(STYLE_TITLE));
	for (i = 1; i < h; i++) {
		at = (size_t)(d->scroll + i - 1);
		draw_text(y + i, 0, COLS, at < d->lines.n ? d->lines.lines[at] :
		    "", A_NORMAL);
	}
}

void
drawtimeline_view(struct app *app, int y, int h)
{
	struct listview *lv = &app->timeline;
	enum timeline_cell *cells;
	bool utf8 = utf8_locale();
	char heading[256];
	int line = y + 2;
	int64_t row;

	timeline_detail_size(app, COLS, h - 1);
	if (app->chart.open != 0) {
		draw_detail(app, y, h);
		return;
	}
	timeline_set_cells(&app->chart, COLS - LABEL_WIDTH,
	    date_to_days(date_today()));
	draw_axis(app, y);
	cells = x_calloc((size_t)app->chart.cells, sizeof *cells);
	for (row = lv->top; row < lv->total && line < y + h; row++) {
		if (timeline_heading(&app->chart, lv, row, row == lv->top,
		    heading, sizeof heading)) {
			draw_text(line++, 0, COLS, heading, A_BOLD |
			    A_UNDERLINE);
			if (line >= y + h)
				break;
		}
		draw_item(app, row, line++, cells, utf8);
	}
	if (lv->total == 0)
		draw_text(line, 0, COLS, "(nothing dated)",
		    screen_attr(STYLE_DIM));
	free(cells);
}
