/*
 * drawmeeting.c: meeting mode and the impact grid on the screen (see
 * drawmeeting.h). Everything from the database goes through draw_text,
 * which escapes it.
 */
#include <curses.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "coopcom/core/money.h"
#include "coopcom/ui/draw.h"
#include "coopcom/ui/drawmeeting.h"
#include "coopcom/ui/formdraw.h"
#include "coopcom/ui/screen.h"
#include "coopcom/util/xalloc.h"
#include "coopcom/vm/impactgrid.h"
#include "coopcom/vm/meetingview.h"

#define GRID_MAX_WIDTH 96

static void
facts(const struct meetingview *mv, int y)
{
	const struct store_meeting *m = &mv->facts;
	char *line;

	line = x_printf("Meeting %" PRId64 ": %s  (%s%s%s, %s%s%s)", m->id,
	    *m->title ? m->title : workflow_body_label(m->body),
	    workflow_body_label(m->body), *m->scope ? " of " : "", m->scope,
	    m->held_on, *m->place ? ", " : "", m->place);
	draw_text(y, 0, COLS, line, screen_attr(STYLE_TITLE));
	free(line);
	if (m->quorum == 0)
		line = x_printf("Present %d, apologies %d, absent %d; no quorum "
		    "is set.  Enter decide  P roll call  I impact  Esc back",
		    m->present, m->apologies, m->absent);
	else
		line = x_printf("Present %d, apologies %d, absent %d; quorum "
		    "%d: %s.  Enter decide  P roll call  I impact  Esc back",
		    m->present, m->apologies, m->absent, m->quorum, m->quorate ?
		    "quorate" : "NOT QUORATE, it can only defer or note");
	draw_text(y + 1, 0, COLS, line, m->quorate ? (int)A_NORMAL :
	    screen_attr(STYLE_ERROR));
	free(line);
}

static const char *
value(const struct listview *lv, const char *column)
{
	const char *v = listview_value(lv, lv->sel, column);

	return v ? v : "";
}

static char *
money(const char *pence)
{
	char m[MONEY_FORMAT_MAX];

	if (*pence == '\0')
		return x_strdup("not stated");
	money_format(strtoll(pence, NULL, 10), m, sizeof m);
	return x_strdup(m);
}

/* The selected item in full, under the agenda. */
static void
summary(const struct listview *lv, int y, int h)
{
	char *line, *s, *c;
	int i;

	for (i = 0; i < h; i++)
		draw_text(y + i, 0, COLS, "", A_NORMAL);
	if (lv->total == 0 || h < 3)
		return;
	draw_text(y, 0, COLS, value(lv, "title"), A_BOLD);
	s = money(value(lv, "savings_pence"));
	c = money(value(lv, "upfront_cost_pence"));
	line = x_printf("Savings %s, up-front cost %s, term %s", s, c,
	    *value(lv, "term") ? value(lv, "term") : "not stated");
	draw_text(y + 1, 0, COLS, line, A_NORMAL);
	free(line);
	free(s);
	free(c);
	if (*value(lv, "decision") == '\0') {
		draw_text(y + 2, 0, COLS, "No decision yet.", screen_attr(
		    STYLE_DIM));
		return;
	}
	line = *value(lv, "for") ? x_printf("Decision: %s (%s for, %s against, "
	    "%s abstaining)", value(lv, "decision"), value(lv, "for"),
	    value(lv, "against"), value(lv, "abstain")) :
	    x_printf("Decision: %s", value(lv, "decision"));
	draw_text(y + 2, 0, COLS, line, A_BOLD);
	free(line);
	if (h > 3 && *value(lv, "reason")) {
		line = x_printf("Reasons: %s", value(lv, "reason"));
		draw_text(y + 3, 0, COLS, line, A_NORMAL);
		free(line);
	}
	if (h > 4 && *value(lv, "actions")) {
		line = x_printf("Actions: %s", value(lv, "actions"));
		draw_text(y + 4, 0, COLS, line, A_NORMAL);
		free(line);
	}
}

void
drawmeeting_view(struct app *app, int y, int h)
{
	struct meetingview *mv = app->meeting;
	struct listview *lv = meetingview_list(app);
	int list;

	if (lv == NULL) {
		draw_text(y, 0, COLS, "No meeting is being run: M chooses one.",
		    A_NORMAL);
		return;
	}
	facts(mv, y);
	list = lv->height + 2;
	if (list > h - 2)
		list = h - 2;
	draw_listview(lv, y + 2, 0, list, COLS, "Agenda", true);
	summary(lv, y + 2 + list, h - 2 - list);
}

static void
frame(int y, int x, int h, int w, const char *title)
{
	int i;

	for (i = y; i < y + h; i++)
		mvhline(i, x, ' ', w);
	mvaddch(y, x, ACS_ULCORNER);
	mvhline(y, x + 1, ACS_HLINE, w - 2);
	mvaddch(y, x + w - 1, ACS_URCORNER);
	mvvline(y + 1, x, ACS_VLINE, h - 2);
	mvvline(y + 1, x + w - 1, ACS_VLINE, h - 2);
	mvaddch(y + h - 1, x, ACS_LLCORNER);
	mvhline(y + h - 1, x + 1, ACS_HLINE, w - 2);
	mvaddch(y + h - 1, x + w - 1, ACS_LRCORNER);
	draw_text(y, x + 2, w - 4 < (int)strlen(title) + 2 ? w - 4 :
	    (int)strlen(title) + 2, title, screen_attr(STYLE_TITLE));
}

/* Screen line I of the grid: a group heading (*heading -1) or one. */
static void
grid_line(int i, int *heading, const char **group)
{
	int line = 0;
	size_t h;

	for (h = 0; h < IMPACT_HEADINGS; h++) {
		if (h == 0 || impact_heading(h)->group !=
		    impact_heading(h - 1)->group) {
			if (line++ == i) {
				*heading = -1;
				*group = impact_group_label(
				    impact_heading(h)->group);
				return;
			}
		}
		if (line++ == i) {
			*heading = (int)h;
			return;
		}
	}
	*heading = -2;
}

static int
line_of(size_t heading)
{
	int i, h;
	const char *g;

	for (i = 0;; i++) {
		grid_line(i, &h, &g);
		if (h == (int)heading || h == -2)
			return i;
	}
}

static void
draw_grid(struct impactgrid *g)
{
	int w = COLS - 2 < GRID_MAX_WIDTH ? COLS - 2 : GRID_MAX_WIDTH;
	int total = IMPACT_HEADINGS + IMPACT_GROUP_COUNT;
	int h = total + 2 < LINES - 3 ? total + 2 : LINES - 3;
	int x = (COLS - w) / 2, y = 1, rows = h - 2, i, heading, attr, sel;
	const char *group = NULL;
	char *title, *line;

	if (w < 20 || rows < 1)
		return;
	title = x_printf("Integrated impact assessment of %s", g->ref);
	frame(y, x, h, w, title);
	free(title);
	sel = line_of(g->sel);
	if (sel < g->scroll)
		g->scroll = sel;
	if (sel >= g->scroll + rows)
		g->scroll = sel - rows + 1;
	for (i = 0; i < rows; i++) {
		grid_line(g->scroll + i, &heading, &group);
		if (heading == -2)
			break;
		if (heading == -1) {
			draw_text(y + 1 + i, x + 1, w - 2, group,
			    screen_attr(STYLE_HEADER));
			continue;
		}
		line = x_printf("  %-40.40s %-9s %s",
		    impact_heading((size_t)heading)->label,
		    g->grid[heading].rating ? impact_rating_name(
		    g->grid[heading].rating) : "-", g->grid[heading].comment);
		attr = (size_t)heading == g->sel ? screen_attr(STYLE_SELECTED) :
		    g->grid[heading].rating == IMPACT_NEGATIVE ?
		    screen_attr(STYLE_ERROR) : (int)A_NORMAL;
		draw_text(y + 1 + i, x + 1, w - 2, line, attr);
		free(line);
	}
}

void
drawmeeting_overlay(struct app *app)
{
	struct chooser *c = meetingview_chooser(app);
	struct impactgrid *g = impactgrid_open(app);

	if (g != NULL)
		draw_grid(g);
	if (c != NULL)
		formdraw_chooser(c);
}
