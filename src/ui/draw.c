/*
 * draw.c: the screen: top line, panels, status line, prompt.
 *
 * Layout: line 0 names the view and the keys that switch views; the
 * panels fill the middle; the second-last line is the status line (who
 * you are, the database, the message); the last line is the prompt or
 * the hints. At 80 columns the main view shows three panels, the focused
 * one and its neighbours; from 140 columns all four.
 */
#include <curses.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "coopcom/core/money.h"
#include "coopcom/ui/draw.h"
#include "coopcom/ui/drawmeeting.h"
#include "coopcom/ui/drawtimeline.h"
#include "coopcom/ui/drawviews.h"
#include "coopcom/ui/formdraw.h"
#include "coopcom/ui/screen.h"
#include "coopcom/util/buf.h"
#include "coopcom/util/text.h"
#include "coopcom/util/xalloc.h"

#define WIDE 140
#define MIN_COLS 20
#define MIN_LINES 5
#define HELP_TEXT_X 36		/* keys (16), a space, name (18), a space */
#define HELP_MIN_WIDTH 20

struct area {
	int y, x, h, w;
};

/* The panels on screen in the main view, and where. */
static struct {
	int first, count;
	struct area areas[PANEL_COUNT];
} layout;

static const char *const panel_titles[PANEL_COUNT] = { "Commissions",
	"Sub-groups", "Recommendations", "Detail" };
static const char *const view_titles[VIEW_COUNT] = {
	[VIEW_MAIN] = "Commission", [VIEW_BOARD] = "Stage board",
	[VIEW_MINE] = "My work", [VIEW_TIMELINE] = "Timeline",
	[VIEW_PEOPLE] = "People", [VIEW_DELIVERY] = "Delivery",
	[VIEW_ACTIVITY] = "Activity",
	[VIEW_MEETING] = "Meeting", [VIEW_HELP] = "Help" };

/* A delivery colour as its symbol and style: the symbol alone says it. */
static const struct {
	const char *name, *symbol;
	enum screen_style style;
} rag_marks[] = {
	{ "red", "R", STYLE_RAG_RED },
	{ "amber", "A", STYLE_RAG_AMBER },
	{ "green", "G", STYLE_RAG_GREEN },
	{ "done", "✓", STYLE_RAG_DONE },
	{ "none", "-", STYLE_NORMAL },
};
#define NRAG_MARKS (sizeof rag_marks / sizeof rag_marks[0])

/* Writes S (any text) at y, x in exactly WIDTH columns, escaped. */
static void
put(int y, int x, int width, const char *s, int attr)
{
	char *safe, *fitted;

	if (width <= 0)
		return;
	safe = text_escape(s ? s : "", 0);
	fitted = text_fit(safe, width, TEXT_PAD);
	attron(attr);
	mvaddstr(y, x, fitted);
	attroff(attr);
	free(fitted);
	free(safe);
}

static void
put_right(int y, int x, int width, const char *s, int attr)
{
	char *safe = text_escape(s ? s : "", 0);
	int w = text_width(safe), pad = width - w;

	if (pad > 0) {
		put(y, x, pad, "", attr);
		put(y, x + pad, w, safe, attr);
	} else {
		put(y, x, width, safe, attr);
	}
	free(safe);
}

static int
main_panels_visible(int cols)
{
	if (cols >= WIDE)
		return PANEL_COUNT;
	return cols >= 60 ? 3 : 1;
}

/*
 * A focused detail takes half the width: the panels on its left are
 * the recommendations, then the sub-groups (26 columns and a separator)
 * and the commissions (22 and one) while the recommendations keep 40.
 */
static int
detail_panels_visible(int cols)
{
	int left = cols - cols / 2 - 1, count = 2;

	if (cols < 60)
		return 1;
	if (left - 27 >= 40) {
		count++;
		if (left - 27 - 23 >= 40)
			count++;
	}
	return count;
}

static void
widen_detail(void)
{
	struct area *r = &layout.areas[PANEL_RECOMMENDATIONS];
	struct area *d = &layout.areas[PANEL_DETAIL];
	int grow = COLS / 2 - d->w;

	if (grow <= 0 || r->w - grow < 1)
		return;
	r->w -= grow;
	d->x -= grow;
	d->w += grow;
}

/* Commissions and sub-groups have fixed widths; the rest share the room. */
static int
panel_width(int panel, int count, int room, int nflex)
{
	static const int fixed[PANEL_COUNT] = { 22, 26, 0, 0 };

	if (count == 1)
		return room;
	return fixed[panel] ? fixed[panel] : room / nflex;
}

void
draw_layout(struct app *app)
{
	int body = LINES - 4, x = 0, i, room, nflex = 0, w;

	layout.count = app->focus == PANEL_DETAIL ?
	    detail_panels_visible(COLS) : main_panels_visible(COLS);
	layout.first = (int)app->focus - (layout.count > 1 ? 1 : 0);
	if (layout.first > PANEL_COUNT - layout.count)
		layout.first = PANEL_COUNT - layout.count;
	if (layout.first < 0)
		layout.first = 0;
	room = COLS - (layout.count - 1);
	for (i = layout.first; i < layout.first + layout.count; i++) {
		if (i <= PANEL_SUBGROUPS && layout.count > 1)
			room -= panel_width(i, layout.count, 0, 1);
		else
			nflex++;
	}
	memset(layout.areas, 0, sizeof layout.areas);
	for (i = layout.first; i < layout.first + layout.count; i++) {
		w = panel_width(i, layout.count, room, nflex);
		if (i == layout.first + layout.count - 1)
			w = COLS - x;
		layout.areas[i] = (struct area){ 1, x, body + 1, w };
		x += w + 1;
	}
	if (app->focus == PANEL_DETAIL && layout.count > 1)
		widen_detail();
	drawviews_layout(app);
	app_set_heights(app, body > 1 ? body - 1 : 1,
	    layout.areas[PANEL_DETAIL].w > 0 ? layout.areas[PANEL_DETAIL].w :
	    COLS, body);
}

static char *
cell_text(const struct lv_column *col, const char *v)
{
	char money[MONEY_FORMAT_MAX];
	char *s, *p;
	size_t i;

	if (v == NULL)
		return x_strdup("");
	if ((col->flags & LV_MONEY) &&
	    money_format(strtoll(v, NULL, 10), money, sizeof money) > 0)
		return x_strdup(money);
	if (col->flags & LV_MARK)
		return x_strdup(strcmp(v, "1") == 0 ? "!" : "");
	for (i = 0; (col->flags & LV_RAG) && i < NRAG_MARKS; i++)
		if (strcmp(v, rag_marks[i].name) == 0)
			return x_strdup(rag_marks[i].symbol);
	s = x_strdup(v);
	if (col->flags & LV_LABEL)
		for (p = s; *p; p++)
			if (*p == '_')
				*p = ' ';
	return s;
}

/* A delivery colour keeps its colour on any row but the selected one. */
static int
cell_attr(const struct lv_column *col, const char *v, int attr)
{
	size_t i;

	if (!(col->flags & LV_RAG) || v == NULL || attr != (int)A_NORMAL)
		return attr;
	for (i = 0; i < NRAG_MARKS; i++)
		if (strcmp(v, rag_marks[i].name) == 0)
			return screen_attr(rag_marks[i].style);
	return attr;
}

static void
draw_row(const struct listview *lv, int64_t row, int y, const struct area *a,
    int attr)
{
	const struct lv_column *col;
	int x = a->x, w, fixed = 0;
	size_t c;
	char *s;

	for (c = 0; c < lv->ncolumns; c++)
		fixed += lv->columns[c].width ? lv->columns[c].width + 1 : 0;
	for (c = 0; c < lv->ncolumns && x < a->x + a->w; c++) {
		col = &lv->columns[c];
		w = col->width ? col->width : a->w - fixed;
		if (w < 1)
			w = 1;
		if (x + w > a->x + a->w)
			w = a->x + a->w - x;
		s = row < 0 ? x_strdup(col->header) :
		    cell_text(col, listview_cell(lv, row, c));
		if (col->flags & LV_RIGHT)
			put_right(y, x, w, s, attr);
		else
			put(y, x, w, s, row < 0 ? attr : cell_attr(col,
			    listview_cell(lv, row, c), attr));
		free(s);
		x += w;
		if (x < a->x + a->w)
			put(y, x++, 1, " ", attr);
	}
}

static void
draw_list(const struct listview *lv, const struct area *a, const char *title,
    bool focused)
{
	char head[160];
	int64_t row;
	int y, attr;

	snprintf(head, sizeof head, "%s (%" PRId64 ")%s%s", title, lv->total,
	    lv->filter.search ? " search: " : "",
	    lv->filter.search ? lv->filter.search : "");
	put(a->y, a->x, a->w, head, screen_attr(STYLE_TITLE) |
	    (focused ? A_UNDERLINE : 0));
	draw_row(lv, -1, a->y + 1, a, screen_attr(STYLE_HEADER));
	for (y = 0; y < lv->height && y + 2 < a->h; y++) {
		row = lv->top + y;
		if (row >= lv->total) {
			put(a->y + 2 + y, a->x, a->w, "", A_NORMAL);
			continue;
		}
		attr = row != lv->sel ? (int)A_NORMAL : focused ?
		    screen_attr(STYLE_SELECTED) :
		    screen_attr(STYLE_SELECTED_DIM);
		draw_row(lv, row, a->y + 2 + y, a, attr);
	}
	if (lv->total == 0)
		put(a->y + 2, a->x, a->w, "(none)", screen_attr(STYLE_DIM));
}

static void
draw_detail(const struct app *app, const struct area *a, bool focused)
{
	const struct detail *d = &app->detail;
	int y;
	size_t i;

	put(a->y, a->x, a->w, d->id ? "Detail" : "Detail (nothing selected)",
	    screen_attr(STYLE_TITLE) | (focused ? A_UNDERLINE : 0));
	for (y = 1; y < a->h; y++) {
		i = (size_t)(d->scroll + y - 1);
		put(a->y + y, a->x, a->w, i < d->lines.n ? d->lines.lines[i] :
		    "", A_NORMAL);
	}
}

static void
draw_separators(void)
{
	int i, x;

	for (i = layout.first; i < layout.first + layout.count - 1; i++) {
		x = layout.areas[i].x + layout.areas[i].w;
		mvvline(1, x, ACS_VLINE, LINES - 3);
	}
}

static void
draw_main(struct app *app)
{
	int i;

	for (i = layout.first; i < layout.first + layout.count; i++) {
		if (i == PANEL_DETAIL)
			draw_detail(app, &layout.areas[i],
			    app->focus == PANEL_DETAIL);
		else if (i == PANEL_RECOMMENDATIONS)
			drawviews_recommendations(app, layout.areas[i].y,
			    layout.areas[i].x, layout.areas[i].h,
			    layout.areas[i].w, app->focus == (enum panel)i);
		else
			draw_list(&app->lists[i], &layout.areas[i],
			    panel_titles[i], app->focus == (enum panel)i);
	}
	draw_separators();
}

/* The help of action A, wrapped to what is left of the screen. */
static void
help_lines(int a, struct text_lines *tl)
{
	text_lines_done(tl);
	text_lines_init(tl);
	text_wrap(action_info((enum action)a)->help, COLS - HELP_TEXT_X <
	    HELP_MIN_WIDTH ? HELP_MIN_WIDTH : COLS - HELP_TEXT_X, tl);
}

/*
 * Every action, its keys and its help, wrapped; help_scroll is the first
 * action shown, kept where the last one still ends at the bottom.
 */
static void
draw_help(struct app *app)
{
	struct text_lines tl;
	struct buf keys;
	char line[256];
	int a, last, n = 0, y = 1;
	size_t i;

	text_lines_init(&tl);
	for (last = ACTION_COUNT; last > 0; last--) {
		help_lines(last - 1, &tl);
		if ((n += tl.n ? (int)tl.n : 1) > LINES - 3)
			break;
	}
	if (app->help_scroll > last)
		app->help_scroll = last;
	buf_init(&keys);
	for (a = app->help_scroll; a < ACTION_COUNT && y < LINES - 2; a++) {
		buf_reset(&keys);
		keymap_keys_of(&app->keys, (enum action)a, &keys);
		help_lines(a, &tl);
		for (i = 0; i < tl.n || i == 0; i++) {
			snprintf(line, sizeof line, "%-16s %-18s %s",
			    i ? "" : buf_str(&keys), i ? "" :
			    action_info((enum action)a)->name,
			    i < tl.n ? tl.lines[i] : "");
			if (y < LINES - 2)
				put(y++, 0, COLS, line, A_NORMAL);
		}
	}
	buf_done(&keys);
	text_lines_done(&tl);
}

/*
 * The keys the top line offers, each with a brief label for a narrower
 * screen. Where even the brief ones do not fit, keys are left out from
 * the right (quit first, help never): the line never wraps or cuts a
 * word, and ? lists every key.
 */
static const struct {
	const char *key, *label, *brief;
} top_keys[] = {
	{ "1", "main", "main" }, { "2", "board", "board" },
	{ "3", "my work", "mine" }, { "4", "timeline", "time" },
	{ "5", "people", "people" }, { "6", "delivery", "track" },
	{ "7", "activity", "log" }, { "?", "help", "help" },
	{ "q", "quit", "quit" },
};
#define TOP_KEYS (sizeof top_keys / sizeof top_keys[0])
#define TOP_HELP (TOP_KEYS - 2)

/* The top line with the first N keys but help (always there). */
static void
top_line(char *line, size_t size, const char *title, bool brief, size_t n)
{
	size_t i, len;

	snprintf(line, size, "coopcom: %-11s", title);
	for (i = 0; i < TOP_KEYS; i++) {
		if (i >= n && i != TOP_HELP)
			continue;
		len = strlen(line);
		snprintf(line + len, size - len, " %s %s", top_keys[i].key,
		    brief ? top_keys[i].brief : top_keys[i].label);
	}
}

static void
draw_top(const struct app *app)
{
	const char *title = view_titles[app->view];
	char line[256];
	size_t n = TOP_KEYS;

	top_line(line, sizeof line, title, false, n);
	if (text_width(line) > COLS)
		top_line(line, sizeof line, title, true, n);
	while (text_width(line) > COLS && n > 0) {
		n -= n == TOP_KEYS ? 1 : n == TOP_HELP + 1 ? 2 : 1;
		top_line(line, sizeof line, title, true, n);
	}
	put(0, 0, COLS, line, screen_attr(STYLE_TITLE));
}

static void
draw_bottom(const struct app *app)
{
	const struct prompt *p = &app->prompt;
	char *text;
	int lw;

	if (p->kind == PROMPT_NONE) {
		put(LINES - 1, 0, COLS, app->message, app->message_error ?
		    screen_attr(STYLE_ERROR) : (int)A_NORMAL);
		return;
	}
	lw = text_width(p->label);
	put(LINES - 1, 0, COLS, p->label, A_BOLD);
	if (p->kind == PROMPT_LINE) {
		text = text_escape(lineedit_text(&p->edit), 0);
		put(LINES - 1, lw, COLS - lw, text, A_NORMAL);
		free(text);
	}
}

/* Below 20x5 only this, wrapped to say as much of it as fits. */
static void
too_small(void)
{
	struct text_lines tl;
	char *msg = x_printf("Too small: coopcom needs %dx%d", MIN_COLS,
	    MIN_LINES);
	int y;

	text_lines_init(&tl);
	text_wrap(msg, COLS, &tl);
	for (y = 0; y < LINES && y < (int)tl.n; y++)
		put(y, 0, COLS, tl.lines[y], A_BOLD);
	text_lines_done(&tl);
	free(msg);
	curs_set(0);
}

void
draw_screen(struct app *app)
{
	char *title;

	erase();
	if (COLS < MIN_COLS || LINES < MIN_LINES) {
		too_small();
		return;
	}
	draw_top(app);
	switch (app->view) {
	case VIEW_MAIN:
		draw_main(app);
		break;
	case VIEW_TIMELINE:
		drawtimeline_view(app, 1, LINES - 3);
		break;
	case VIEW_PEOPLE:
		draw_list(&app->people, &(struct area){ 1, 0, LINES - 3,
		    COLS }, "People", true);
		break;
	case VIEW_ACTIVITY:
		title = activity_title(app);
		draw_list(&app->activity.lv, &(struct area){ 1, 0, LINES - 3,
		    COLS }, title, true);
		free(title);
		break;
	case VIEW_DELIVERY:
		draw_list(&app->delivery, &(struct area){ 1, 0, LINES - 3,
		    COLS }, "Delivery: adopted recommendations, red first; "
		    "! no recent update; Enter opens, u records progress",
		    true);
		break;
	case VIEW_BOARD:
		drawviews_board(app, 1, LINES - 3);
		break;
	case VIEW_MINE:
		drawviews_mine(app, 1, LINES - 3);
		break;
	case VIEW_MEETING:
		drawmeeting_view(app, 1, LINES - 3);
		break;
	default:
		draw_help(app);
		break;
	}
	drawviews_status(app, LINES - 2);
	drawviews_menu(app);
	drawmeeting_overlay(app);
	draw_bottom(app);
	formdraw_overlay(app);
}

void
draw_text(int y, int x, int width, const char *s, int attr)
{
	put(y, x, width, s, attr);
}

void
draw_listview(const struct listview *lv, int y, int x, int h, int w,
    const char *title, bool focused)
{
	draw_list(lv, &(struct area){ y, x, h, w }, title, focused);
}

int
draw_hit(struct app *app, int y, int x, int64_t *row)
{
	const struct area *a;
	int i;

	if (app->view != VIEW_MAIN)
		return -1;
	for (i = layout.first; i < layout.first + layout.count; i++) {
		a = &layout.areas[i];
		if (x < a->x || x >= a->x + a->w || y < a->y + 2 ||
		    y >= a->y + a->h || i == PANEL_DETAIL)
			continue;
		*row = app->lists[i].top + (y - a->y - 2);
		return i;
	}
	return -1;
}
