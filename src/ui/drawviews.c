/*
 * drawviews.c: the board, my work, the recommendations panel, the filter
 * menu and the status line (see drawviews.h).
 *
 * Every state is marked by a symbol or words as well as by an attribute,
 * so it reads on a vt100, without colour and under NO_COLOR: "!" for
 * overdue, "*" for a filter that is on, "(not here: ...)" for a choice
 * that cannot be made, reverse video for the cursor, "<" and ">" for
 * board columns off the screen.
 */
#include <curses.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coopcom/core/date.h"
#include "coopcom/ui/draw.h"
#include "coopcom/ui/drawviews.h"
#include "coopcom/ui/screen.h"
#include "coopcom/util/buf.h"
#include "coopcom/util/xalloc.h"

#define BOARD_COLUMN 24		/* the narrowest board column */
#define MARK 2			/* the mark column and its space */
#define FLEX_MIN 12		/* the narrowest title worth showing */

/* Where the board columns were drawn, for clicks. */
static struct {
	int y, h, width;
} board_at;

void
drawviews_layout(struct app *app)
{
	views_board_fit(app, (size_t)((COLS + 1) / (BOARD_COLUMN + 1)));
}

static char *
cell_text(const struct lv_column *col, const char *v)
{
	char age[DATE_AGE_SIZE];
	char *s, *p;

	if ((col->flags & LV_DAYS) && v != NULL) {
		date_format_age((int32_t)strtol(v, NULL, 10), age);
		return x_strdup(age);
	}
	s = x_strdup(v ? v : "");
	if (col->flags & LV_LABEL)
		for (p = s; *p; p++)
			if (*p == '_')
				*p = ' ';
	return s;
}

/*
 * Which columns of LV to show across W: all, unless the flexible ones
 * (titles) would get fewer than FLEX_MIN columns; then fixed ones after
 * the first go, from the right.
 */
static unsigned
shown_columns(const struct listview *lv, int w, int *fixed, int *nflex)
{
	unsigned shown = 0;
	size_t c;

	*fixed = 0;
	*nflex = 0;
	for (c = 0; c < lv->ncolumns && c < 32; c++) {
		shown |= 1u << c;
		if (lv->columns[c].width)
			*fixed += lv->columns[c].width + 1;
		else
			(*nflex)++;
	}
	for (c = lv->ncolumns; c-- > 1 && *nflex > 0 &&
	    w - *fixed < FLEX_MIN * *nflex;) {
		if (lv->columns[c].width == 0)
			continue;
		shown &= ~(1u << c);
		*fixed -= lv->columns[c].width + 1;
	}
	return shown;
}

/* The columns of LV across W: fixed widths as given, the flexible ones
 * share the rest. ROW -1 draws the headers. */
static void
draw_cells(const struct listview *lv, int64_t row, int y, int x, int w,
    int attr)
{
	const struct lv_column *col;
	int fixed, nflex, end = x + w, cw;
	unsigned shown = shown_columns(lv, w, &fixed, &nflex);
	size_t c;
	char *s;

	for (c = 0; c < lv->ncolumns && x < end; c++) {
		if (!(shown & (1u << c)))
			continue;
		col = &lv->columns[c];
		cw = col->width ? col->width :
		    (w - fixed) / (nflex ? nflex : 1) - (c + 1 < lv->ncolumns);
		if (c + 1 == lv->ncolumns || x + cw > end)
			cw = end - x;
		if (cw < 1)
			cw = 1;
		s = row < 0 ? x_strdup(col->header) :
		    cell_text(col, listview_cell(lv, row, c));
		draw_text(y, x, cw, s, attr);
		free(s);
		x += cw;
		if (x < end)
			draw_text(y, x++, 1, " ", attr);
	}
	if (x < end)
		draw_text(y, x, end - x, "", attr);
}

static void
draw_rec_row(const struct app *app, const struct listview *lv, int64_t row,
    int y, int x, int w, bool focused)
{
	bool sel = row == lv->sel, late = views_row_overdue(app, lv, row);
	int attr = !sel ? (int)A_NORMAL : focused ?
	    screen_attr(STYLE_SELECTED) : screen_attr(STYLE_SELECTED_DIM);

	draw_text(y, x, MARK, late ? "! " : "  ", late && !sel ?
	    screen_attr(STYLE_ERROR) : attr);
	draw_cells(lv, row, y, x + MARK, w - MARK, attr);
}

/* Rows of LV from line Y, H lines (the header first when HEADER). */
static void
draw_rows(const struct app *app, const struct listview *lv, int y, int x,
    int h, int w, bool focused, bool header)
{
	int64_t row;
	int i;

	if (header && h > 0) {
		draw_text(y, x, MARK, "", screen_attr(STYLE_HEADER));
		draw_cells(lv, -1, y, x + MARK, w - MARK,
		    screen_attr(STYLE_HEADER));
		y++;
		h--;
	}
	for (i = 0; i < h; i++) {
		row = lv->top + i;
		if (row < lv->total)
			draw_rec_row(app, lv, row, y + i, x, w, focused);
		else
			draw_text(y + i, x, w, "", A_NORMAL);
	}
	if (lv->total == 0 && h > 0)
		draw_text(y, x, w, "  (none)", screen_attr(STYLE_DIM));
}

static const char *
selected_code(const struct listview *lv)
{
	const char *code = listview_value(lv, lv->sel, "code");

	return code ? code : "?";
}

void
drawviews_recommendations(struct app *app, int y, int x, int h, int w,
    bool focused)
{
	const struct listview *r = &app->lists[PANEL_RECOMMENDATIONS];
	char *words = views_filter_text(app, &r->filter), *scope, *title;

	if (r->filter.subgroup_id > 0)
		scope = x_printf("%s (%" PRId64 ")",
		    selected_code(&app->lists[PANEL_SUBGROUPS]), r->total);
	else
		scope = x_printf("all of %s (%" PRId64 ")",
		    selected_code(&app->lists[PANEL_COMMISSIONS]), r->total);
	title = x_printf("Recommendations: %s%s%s", scope, *words ? " " : "",
	    words);
	if (text_width(title) > w) {
		free(title);
		title = x_printf("%s%s%s", scope, *words ? " " : "", words);
	}
	draw_text(y, x, w, title, screen_attr(STYLE_TITLE) |
	    (focused ? A_UNDERLINE : 0));
	free(title);
	free(scope);
	free(words);
	draw_rows(app, r, y + 1, x, h - 1, w, focused, true);
}

void
drawviews_mine(struct app *app, int y, int h)
{
	const struct listview *lv = &app->views.mywork;
	char *title;

	title = x_printf("My work: what %s can act on now (%" PRId64 ")  "
	    "Enter opens it", store_me(app->store)->login, lv->total);
	draw_text(y, 0, COLS, title, screen_attr(STYLE_TITLE));
	free(title);
	draw_rows(app, lv, y + 1, 0, h - 1, COLS, true, true);
}

/* "Draft  (2)": the label cut to leave the count whole. */
static void
draw_column_head(const struct board_column *col, int y, int x, int w,
    int attr)
{
	char *count = x_printf(" (%" PRId64 "%s)", col->lv.total,
	    col->stage->final ? ", final" : "");
	int cw = text_width(count);

	draw_text(y, x, w > cw ? w - cw : w, col->stage->label, attr);
	if (w > cw)
		draw_text(y, x + w - cw, cw, count, attr);
	free(count);
}

static void
draw_board_title(struct app *app, int y)
{
	const struct board *b = &app->views.board;
	const struct listview *r = &app->lists[PANEL_RECOMMENDATIONS];
	size_t shown = views_board_shown(app), last = b->first + b->fit;
	struct list_filter f = r->filter;
	struct buf t;
	char *words;

	f.stage = NULL;
	words = views_filter_text(app, &f);

	buf_init(&t);
	if (b->first > 0)
		buf_printf(&t, "< %zu more  ", b->first);
	buf_printf(&t, "Stage board: %s", b->commission ?
	    selected_code(&app->lists[PANEL_COMMISSIONS]) : "no commission");
	if (*words)
		buf_printf(&t, " (%s)", words);
	buf_printf(&t, "  F: final stages %s", b->show_final ? "shown" :
	    "hidden");
	draw_text(y, 0, COLS, buf_str(&t), screen_attr(STYLE_TITLE));
	buf_reset(&t);
	if (last < shown) {
		buf_printf(&t, "  %zu more >", shown - last);
		draw_text(y, COLS - text_width(buf_str(&t)),
		    text_width(buf_str(&t)), buf_str(&t),
		    screen_attr(STYLE_TITLE));
	}
	buf_done(&t);
	free(words);
}

void
drawviews_board(struct app *app, int y, int h)
{
	const struct board *b = &app->views.board;
	size_t shown = views_board_shown(app), i, n;
	int width, x, w, head;
	bool focused;

	draw_board_title(app, y);
	n = shown - b->first < b->fit ? shown - b->first : b->fit;
	board_at.y = y + 1;
	board_at.h = h - 1;
	board_at.width = 0;
	if (n == 0 || h < 2) {
		draw_text(y + 1, 0, COLS, "  (the workflow has no stages)",
		    screen_attr(STYLE_DIM));
		return;
	}
	width = (COLS - (int)(n - 1)) / (int)n;
	board_at.width = width;
	for (i = 0; i < n; i++) {
		x = (int)i * (width + 1);
		w = i + 1 == n ? COLS - x : width;
		focused = b->first + i == b->focus;
		head = screen_attr(STYLE_HEADER) | (focused ? A_UNDERLINE : 0);
		draw_column_head(&b->cols[b->first + i], y + 1, x, w, head);
		draw_rows(app, &b->cols[b->first + i].lv, y + 2, x, h - 2, w,
		    focused, false);
		if (i + 1 < n)
			mvvline(y + 1, x + w, ACS_VLINE, h - 1);
	}
}

unsigned
drawviews_click(struct app *app, int y, int x)
{
	const struct board *b = &app->views.board;
	const struct listview *lv;
	size_t column = 0;

	if (app->view == VIEW_MINE) {
		lv = &app->views.mywork;
		if (y < 3)
			return REACT_NONE;
		return views_select(app, 0, lv->top + (y - 3));
	}
	if (app->view != VIEW_BOARD || board_at.width <= 0 ||
	    y < board_at.y + 1 || y >= board_at.y + board_at.h)
		return REACT_NONE;
	column = b->first + (size_t)(x / (board_at.width + 1));
	if (column >= views_board_shown(app))
		column = views_board_shown(app) - 1;
	lv = &b->cols[column].lv;
	return views_select(app, column, lv->top + (y - board_at.y - 1));
}

/* " s * Stage: any", and why it cannot be picked when it cannot. */
static char *
menu_line(const struct chooser_item *it)
{
	return x_printf(" %-2s%s%s%s%s", it->key, it->label, it->enabled ? "" :
	    "  (not here: ", it->enabled ? "" : it->detail,
	    it->enabled ? "" : ")");
}

/* The menu: a box in the middle, the items that fit around the cursor. */
void
drawviews_menu(struct app *app)
{
	const struct chooser *m = &app->views.menu;
	const struct chooser_item *it;
	int w = 0, y0, x0, rows, attr, i, first;
	char *line;

	if (m->purpose == MENU_NONE || m->n == 0)
		return;
	for (i = 0; i < (int)m->n; i++) {
		line = menu_line(&m->items[i]);
		if (text_width(line) > w)
			w = text_width(line);
		free(line);
	}
	w = w + 2 > COLS ? COLS : w + 2;
	rows = (int)m->n > LINES - 4 ? LINES - 4 : (int)m->n;
	if (rows < 1)
		rows = 1;
	y0 = (LINES - rows - 2) / 2 > 0 ? (LINES - rows - 2) / 2 : 0;
	x0 = (COLS - w) / 2;
	first = (int)m->sel >= rows ? (int)m->sel - rows + 1 : 0;
	draw_text(y0, x0, w, m->title, screen_attr(STYLE_SELECTED));
	for (i = 0; i < rows && first + i < (int)m->n; i++) {
		it = &m->items[first + i];
		line = menu_line(it);
		attr = first + i == (int)m->sel ? screen_attr(STYLE_SELECTED) :
		    !it->enabled ? screen_attr(STYLE_DIM) : (int)A_NORMAL;
		draw_text(y0 + 1 + i, x0, w, line, attr);
		free(line);
	}
	draw_text(y0 + 1 + rows, x0, w, " key or Enter: pick  Escape: close",
	    screen_attr(STYLE_SELECTED_DIM));
}

void
drawviews_status(struct app *app, int y)
{
	char *status = views_status_line(app), *line;

	line = x_printf(" %s%s", COLS < 80 || LINES < 24 ?
	    "small screen: some things hidden | " : "", status);
	draw_text(y, 0, COLS, line, screen_attr(STYLE_STATUS));
	free(line);
	free(status);
}
