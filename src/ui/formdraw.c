/*
 * formdraw.c: forms and choosers drawn over the screen (see formdraw.h).
 *
 * Measuring is done on escaped text, the same text that is drawn, so a
 * control character typed into a field takes the columns its escape
 * takes and the cursor still lands after it. Long text is wrapped a
 * paragraph at a time with text_wrap; each wrapped line is found again
 * in the paragraph (text_wrap only drops the spaces at a break), which
 * gives the byte where each line starts and so the line and column of
 * the cursor.
 */
#include <ctype.h>
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "coopcom/ui/formdraw.h"
#include "coopcom/ui/screen.h"
#include "coopcom/util/buf.h"
#include "coopcom/util/text.h"
#include "coopcom/util/xalloc.h"
#include "coopcom/vm/app.h"
#include "coopcom/vm/writer.h"

#define FORM_MAX_WIDTH 78
#define CHOOSER_MAX_WIDTH 72
#define ERROR_LINES 3
#define MESSAGE_LINES 3

struct box {
	int y, x, h, w;
};

/* One field as laid out: its value lines and the rows under them. */
struct field_view {
	struct text_lines lines;	/* value, safe text, one per row */
	size_t *starts;			/* byte in the escaped text of each */
	int cur_line, cur_col;		/* the cursor among the lines */
	int rows;			/* value rows shown */
	struct text_lines err;		/* what is wrong, wrapped */
	char *other;			/* the other version, safe, or NULL */
	int top;			/* first row of the field in the form */
	int height;			/* rows the field takes */
};

/* Writes safe text S at y, x in exactly WIDTH columns. */
static void
put(int y, int x, int width, const char *s, int attr)
{
	char *fitted;

	if (width <= 0)
		return;
	fitted = text_fit(s, width, TEXT_PAD);
	attron(attr);
	mvaddstr(y, x, fitted);
	attroff(attr);
	free(fitted);
}

/* Any text: escaped first. */
static void
put_text(int y, int x, int width, const char *s, int attr)
{
	char *safe = text_escape(s ? s : "", 0);

	put(y, x, width, safe, attr);
	free(safe);
}

static void
frame(const struct box *b, const char *title)
{
	char *safe, *t, *fitted;
	int y;

	for (y = b->y; y < b->y + b->h; y++)
		mvhline(y, b->x, ' ', b->w);
	mvaddch(b->y, b->x, ACS_ULCORNER);
	mvhline(b->y, b->x + 1, ACS_HLINE, b->w - 2);
	mvaddch(b->y, b->x + b->w - 1, ACS_URCORNER);
	mvvline(b->y + 1, b->x, ACS_VLINE, b->h - 2);
	mvvline(b->y + 1, b->x + b->w - 1, ACS_VLINE, b->h - 2);
	mvaddch(b->y + b->h - 1, b->x, ACS_LLCORNER);
	mvhline(b->y + b->h - 1, b->x + 1, ACS_HLINE, b->w - 2);
	mvaddch(b->y + b->h - 1, b->x + b->w - 1, ACS_LRCORNER);
	if (*title == '\0')
		return;
	safe = text_escape(title, 0);
	t = x_printf(" %s ", safe);
	fitted = text_fit(t, b->w - 4, 0);
	attron(screen_attr(STYLE_TITLE));
	mvaddstr(b->y, b->x + 2, fitted);
	attroff(screen_attr(STYLE_TITLE));
	free(fitted);
	free(t);
	free(safe);
}

static void
lines_push(struct text_lines *tl, const char *s)
{
	tl->lines = x_grow(tl->lines, &tl->cap, tl->n + 1, sizeof *tl->lines);
	tl->lines[tl->n++] = x_strdup(s);
}

/* The width of the N bytes of safe text at S. */
static int
width_n(const char *s, size_t n)
{
	char *part = x_strndup(s, n);
	int w = text_width(part);

	free(part);
	return w;
}

/* Wraps ESC a paragraph at a time, noting where each line starts. */
static void
wrap_offsets(const char *esc, int width, struct field_view *fv)
{
	const char *p = esc, *nl;
	size_t cap = 0, pn, pos, first, i, len;
	char *para;

	for (;;) {
		nl = strchr(p, '\n');
		pn = nl ? (size_t)(nl - p) : strlen(p);
		para = x_strndup(p, pn);
		first = fv->lines.n;
		if (text_wrap(para, width, &fv->lines) == 0)
			lines_push(&fv->lines, "");
		fv->starts = x_grow(fv->starts, &cap, fv->lines.n,
		    sizeof *fv->starts);
		for (i = first, pos = 0; i < fv->lines.n; i++) {
			len = strlen(fv->lines.lines[i]);
			while (pos < pn && para[pos] == ' ' &&
			    strncmp(para + pos, fv->lines.lines[i], len) != 0)
				pos++;
			fv->starts[i] = (size_t)(p - esc) + pos;
			pos += len;
		}
		free(para);
		if (nl == NULL)
			break;
		p = nl + 1;
	}
}

/* The line and column of byte CPOS of ESC among the wrapped lines. */
static void
locate(struct field_view *fv, const char *esc, size_t cpos, int width)
{
	size_t i, li = 0, end;
	int col;

	for (i = 0; i < fv->lines.n; i++)
		if (fv->starts[i] <= cpos)
			li = i;
	end = fv->starts[li] + strlen(fv->lines.lines[li]);
	col = width_n(esc + fv->starts[li], (cpos < end ? cpos : end) -
	    fv->starts[li]) + (cpos > end ? (int)(cpos - end) : 0);
	if (col >= width) {
		/* Past the edge: the start of the next line of the same
		 * paragraph, a new line at the end, or the last column. */
		if (li + 1 == fv->lines.n ||
		    memchr(esc + cpos, '\n', fv->starts[li + 1] - cpos) ==
		    NULL) {
			li++;
			col = 0;
		} else {
			col = width - 1;
		}
	}
	fv->cur_line = (int)li;
	fv->cur_col = col;
}

/* One line: the part around the cursor that fits in WIDTH columns. */
static void
scroll_line(struct field_view *fv, const char *esc, size_t cpos, int width)
{
	size_t s = 0, next;
	int w = width_n(esc, cpos);

	while (w > width - 1 && s < cpos) {
		next = utf8_next(esc, cpos, s);
		w -= width_n(esc + s, next - s);
		s = next;
	}
	lines_push(&fv->lines, esc + s);
	fv->cur_line = 0;
	fv->cur_col = w;
}

/* The keys bound to action A, for the hints. Caller frees. */
static char *
keys_of(const struct keymap *km, enum action a)
{
	struct buf b;

	buf_init(&b);
	keymap_keys_of(km, a, &b);
	if (b.len == 0)
		buf_add(&b, "(no key)");
	return buf_steal(&b);
}

static void
conflict_line(struct field_view *fv, const struct form_field *ff,
    const struct keymap *km)
{
	bool theirs_in = strcmp(lineedit_text(&ff->edit), ff->theirs) == 0;
	char *safe = text_escape(theirs_in ? ff->yours : ff->theirs, 0);
	char *key = keys_of(km, theirs_in ? ACTION_KEEP_YOURS :
	    ACTION_TAKE_THEIRS);

	fv->other = x_printf("%s: %s  (%s %s)", theirs_in ? "yours" :
	    "theirs", safe, key, theirs_in ? "keeps yours" : "takes theirs");
	free(key);
	free(safe);
}

static void
view_field(struct field_view *fv, struct form_field *ff, bool focused,
    int vw, int rows, const struct keymap *km)
{
	bool multi = ff->edit.flags & LINEEDIT_MULTILINE;
	unsigned flags = multi ? TEXT_KEEP_NEWLINE : 0;
	const char *text = lineedit_text(&ff->edit);
	char *esc = text_escape(text, flags);
	char *pre = x_strndup(text, ff->edit.cursor);
	char *epre = text_escape(pre, flags);
	size_t cpos = strlen(epre) < strlen(esc) ? strlen(epre) : strlen(esc);
	int total;

	memset(fv, 0, sizeof *fv);
	if (multi) {
		wrap_offsets(esc, vw, fv);
		locate(fv, esc, cpos, vw);
		fv->rows = rows;
		total = (int)fv->lines.n + (fv->cur_line >= (int)fv->lines.n);
		if (focused && fv->cur_line < ff->scroll)
			ff->scroll = fv->cur_line;
		if (focused && fv->cur_line >= ff->scroll + rows)
			ff->scroll = fv->cur_line - rows + 1;
		if (ff->scroll > total - rows)
			ff->scroll = total - rows;
		if (ff->scroll < 0)
			ff->scroll = 0;
	} else {
		/* Others show their start; the focused one, its cursor. */
		scroll_line(fv, esc, focused ? cpos : 0, vw);
		fv->rows = 1;
	}
	if (ff->error != NULL) {
		free(esc);
		esc = text_escape(ff->error, 0);
		text_wrap(esc, vw + 1, &fv->err);
	}
	if (ff->theirs != NULL)
		conflict_line(fv, ff, km);
	fv->height = fv->rows + (int)(fv->err.n < ERROR_LINES ? fv->err.n :
	    ERROR_LINES) + (fv->other != NULL);
	free(epre);
	free(pre);
	free(esc);
}

static void
view_done(struct field_view *fv)
{
	text_lines_done(&fv->lines);
	text_lines_done(&fv->err);
	free(fv->starts);
	free(fv->other);
}

static int
label_width(const struct form *fm, int inner)
{
	int w = 0, lw;
	size_t i;

	for (i = 0; i < fm->n; i++)
		if ((lw = text_width(fm->fields[i].f->label) + 2) > w)
			w = lw;
	if (w > inner / 3)
		w = inner / 3;
	return w < 4 ? 4 : w;
}

/* Keeps the focused field (at least its cursor row) in the rows shown. */
static void
scroll_form(struct form *fm, const struct field_view *fv, int area)
{
	const struct field_view *f = &fv[fm->focus];
	int cursor = f->top + f->cur_line -
	    fm->fields[fm->focus].scroll;

	if (f->top + f->height > fm->scroll + area)
		fm->scroll = f->top + f->height - area;
	if (f->top < fm->scroll)
		fm->scroll = f->top;
	if (cursor >= fm->scroll + area)
		fm->scroll = cursor - area + 1;
	if (cursor < fm->scroll)
		fm->scroll = cursor;
}

/* Draws field I at row Y (which may be partly outside LO..HI). */
static void
draw_field(struct form *fm, size_t i, const struct field_view *fv, int y,
    int lo, int hi, int x, int lw, int vw, int *cy, int *cx)
{
	struct form_field *ff = &fm->fields[i];
	bool focused = i == fm->focus;
	int attr, row, k;
	char *label;

	label = x_printf("%s%s", ff->f->label,
	    (ff->f->flags & FIELD_REQUIRED) && !ff->readonly ? "*" : "");
	if (y >= lo && y < hi)
		put_text(y, x, lw, label, focused ?
		    screen_attr(STYLE_SELECTED) : screen_attr(STYLE_HEADER));
	free(label);
	attr = ff->readonly ? screen_attr(STYLE_DIM) : (int)A_UNDERLINE;
	for (row = 0; row < fv->rows; row++) {
		if (y + row < lo || y + row >= hi)
			continue;
		k = fv->rows == 1 ? 0 : ff->scroll + row;
		put(y + row, x + lw + 1, vw, k < (int)fv->lines.n ?
		    fv->lines.lines[k] : "", attr);
	}
	if (focused) {
		*cy = y + (fv->rows == 1 ? 0 : fv->cur_line - ff->scroll);
		*cx = x + lw + 1 + fv->cur_col;
	}
	row = y + fv->rows;
	for (k = 0; k < (int)fv->err.n && k < ERROR_LINES; k++, row++)
		if (row >= lo && row < hi)
			put(row, x + lw + 1, vw, fv->err.lines[k],
			    screen_attr(STYLE_ERROR));
	if (fv->other != NULL && row >= lo && row < hi)
		put(row, x + lw + 1, vw, fv->other, A_BOLD);
}

/* The keys of the form, as bound (the action table). Caller frees. */
static char *
hint(const struct form *fm, const struct keymap *km, int width)
{
	const struct form_field *ff = fm->n ? &fm->fields[fm->focus] : NULL;
	char *save = keys_of(km, ACTION_SAVE), *t, *r, *out;

	if (ff != NULL && ff->theirs != NULL) {
		t = keys_of(km, ACTION_TAKE_THEIRS);
		r = keys_of(km, ACTION_KEEP_YOURS);
		out = x_printf(width >= 60 ? "%s theirs  %s yours  Tab next  "
		    "%s save  Esc cancel" : "%s theirs  %s yours  %s save", t,
		    r, save);
		free(t);
		free(r);
	} else if (ff != NULL && (ff->edit.flags & LINEEDIT_MULTILINE)) {
		out = x_printf(width >= 69 ? "Enter new line  Up/Down line or "
		    "field  Tab next  %s save  Esc cancel" : "Tab/Up move  %s "
		    "save  Esc cancel", save);
	} else {
		out = x_printf(width >= 73 ? "Tab/Down next  Up previous  "
		    "Enter next (last saves)  %s save  Esc cancel" :
		    "Tab/Up move  %s save  Esc cancel", save);
	}
	free(save);
	return out;
}

/* The focused field's help; for a choice, its values. */
static char *
field_help(const struct form_field *ff)
{
	struct buf b;
	size_t i;
	char *label;

	if (ff->readonly)
		return x_printf("%s: set when it is created", ff->f->help);
	if (ff->f->type != FIELD_CHOICE && ff->f->type != FIELD_BOOL)
		return x_strdup(ff->f->help);
	buf_init(&b);
	buf_add(&b, "Left/Right: ");
	for (i = 0; ff->f->type == FIELD_CHOICE && ff->f->choices[i]; i++) {
		label = field_choice_label(ff->f->choices[i]);
		buf_printf(&b, "%s%s", i ? ", " : "", label);
		free(label);
	}
	if (ff->f->type == FIELD_BOOL)
		buf_add(&b, "yes, no");
	return buf_steal(&b);
}

/* Safe LINE cut to leave room for "…", which says there is more. */
static char *
more(const char *line, int width)
{
	char *fitted = text_fit(line, width - 1, 0);
	char *s = x_printf("%s…", fitted);

	free(fitted);
	return s;
}

/* The message, help and keys at the foot of the form; returns its rows. */
static int
draw_foot(struct form *fm, const struct keymap *km, const struct box *b,
    bool draw)
{
	struct text_lines msg;
	int inner = b->w - 2, rows = 1, y = b->y + b->h - 2, i, n, max;
	char *safe, *help, *cut, *keys;

	text_lines_init(&msg);
	if (fm->message != NULL) {
		safe = text_escape(fm->message, 0);
		text_wrap(safe, inner, &msg);
		free(safe);
	}
	/* The fields come first: a small screen gets less of the message. */
	max = b->h - 2 >= 16 ? MESSAGE_LINES : b->h - 2 >= 10 ? 2 : 1;
	if (b->h - 2 < 4)
		max = 0;
	n = (int)msg.n < max ? (int)msg.n : max;
	rows += n + (b->h >= 10 && fm->n > 0);
	if (draw) {
		keys = hint(fm, km, inner);
		put(y--, b->x + 1, inner, keys, screen_attr(STYLE_DIM));
		free(keys);
		if (b->h >= 10 && fm->n > 0) {
			help = field_help(&fm->fields[fm->focus]);
			put_text(y--, b->x + 1, inner, help,
			    screen_attr(STYLE_DIM));
			free(help);
		}
		for (i = n - 1; i >= 0; i--) {
			cut = i == n - 1 && n < (int)msg.n ?
			    more(msg.lines[i], inner) : NULL;
			put(y--, b->x + 1, inner, cut ? cut : msg.lines[i],
			    fm->message_error ? screen_attr(STYLE_ERROR) :
			    (int)A_BOLD);
			free(cut);
		}
	}
	text_lines_done(&msg);
	return rows;
}

static char *
form_title(const struct form *fm)
{
	switch (fm->mode) {
	case FORM_EDIT:
		return x_printf("Edit %s", fm->what);
	case FORM_JOIN:
		return x_strdup("Add a member to a sub-group");
	default:
		return x_printf("New %c%s", tolower((unsigned char)
		    fm->ent->label[0]), fm->ent->label + 1);
	}
}

static void
draw_form(struct form *fm, const struct keymap *km, int *cy, int *cx)
{
	struct box b;
	struct field_view *fv;
	int lw, vw, area, top, y, foot, rows, focused_rows;
	size_t i;
	char *title;

	b.w = COLS - 2 < FORM_MAX_WIDTH ? COLS - 2 : FORM_MAX_WIDTH;
	if (b.w < 24)
		b.w = COLS;
	b.x = (COLS - b.w) / 2;
	b.y = 1;
	b.h = LINES - 3;
	title = form_title(fm);
	if (b.h < 5) {
		put_text(0, 0, COLS, "The form needs a larger terminal "
		    "(Escape cancels)", screen_attr(STYLE_ERROR));
		free(title);
		return;
	}
	/* Nothing of the panels beside the form: it has the person's eye. */
	for (y = b.y; y < b.y + b.h; y++)
		mvhline(y, 0, ' ', COLS);
	frame(&b, title);
	free(title);
	lw = label_width(fm, b.w - 2);
	vw = b.w - 2 - lw - 1;
	foot = draw_foot(fm, km, &b, false);
	area = b.h - 2 - foot;
	rows = LINES >= 24 ? 3 : 2;
	focused_rows = area >= 12 ? 6 : area >= 7 ? 4 : rows;
	fv = x_calloc(fm->n ? fm->n : 1, sizeof *fv);
	for (i = 0, top = 0; i < fm->n; i++) {
		view_field(&fv[i], &fm->fields[i], i == fm->focus, vw,
		    i == fm->focus ? focused_rows : rows, km);
		fv[i].top = top;
		top += fv[i].height;
	}
	if (fm->n > 0 && area > 0)
		scroll_form(fm, fv, area);
	for (i = 0; i < fm->n; i++) {
		y = b.y + 1 + fv[i].top - fm->scroll;
		draw_field(fm, i, &fv[i], y, b.y + 1, b.y + 1 + area, b.x + 1,
		    lw, vw, cy, cx);
		view_done(&fv[i]);
	}
	free(fv);
	if (fm->scroll > 0)
		mvaddch(b.y, b.x + b.w - 3, ACS_UARROW);
	if (top - fm->scroll > area)
		mvaddch(b.y + b.h - 1, b.x + b.w - 3, ACS_DARROW);
	draw_foot(fm, km, &b, true);
	if (*cy < b.y + 1 || *cy >= b.y + 1 + area)
		*cy = -1;
}

static void
draw_chooser(struct chooser *c)
{
	const struct chooser_item *sel = chooser_selected(c);
	struct text_lines title, detail;
	struct box b;
	int inner, list, y, i, attr;
	char *safe;

	b.w = COLS - 2 < CHOOSER_MAX_WIDTH ? COLS - 2 : CHOOSER_MAX_WIDTH;
	if (b.w < 20)
		b.w = COLS;
	inner = b.w - 2;
	text_lines_init(&title);
	text_lines_init(&detail);
	safe = text_escape(c->title, 0);
	text_wrap(safe, inner, &title);
	free(safe);
	if (sel != NULL && sel->detail != NULL) {
		safe = text_escape(sel->detail, 0);
		text_wrap(safe, inner - 2, &detail);
		free(safe);
	}
	b.h = (int)title.n + (int)c->n + (detail.n ? (int)detail.n + 1 : 0) +
	    2;
	if (b.h > LINES - 3)
		b.h = LINES - 3;
	if (b.h < 4) {
		put_text(0, 0, COLS, c->title, A_BOLD);
		text_lines_done(&title);
		text_lines_done(&detail);
		return;
	}
	b.x = (COLS - b.w) / 2;
	b.y = 1 + (LINES - 3 - b.h) / 2;
	frame(&b, "");
	y = b.y + 1;
	for (i = 0; i < (int)title.n && y < b.y + b.h - 2; i++)
		put(y++, b.x + 1, inner, title.lines[i], A_BOLD);
	list = b.y + b.h - 1 - y - (detail.n ? (int)detail.n + 1 : 0);
	if (list < 1)
		list = b.y + b.h - 1 - y;
	if ((int)c->sel < c->scroll)
		c->scroll = (int)c->sel;
	if (list > 0 && (int)c->sel >= c->scroll + list)
		c->scroll = (int)c->sel - list + 1;
	for (i = 0; i < list && c->scroll + i < (int)c->n; i++) {
		attr = !c->items[c->scroll + i].enabled ?
		    screen_attr(STYLE_DIM) : (int)A_NORMAL;
		if ((size_t)(c->scroll + i) == c->sel)
			attr |= screen_attr(STYLE_SELECTED);
		put_text(y + i, b.x + 1, inner, c->items[c->scroll + i].label,
		    attr);
	}
	y += list + 1;
	for (i = 0; i < (int)detail.n && y < b.y + b.h - 1; i++)
		put(y++, b.x + 3, inner - 2, detail.lines[i],
		    sel->enabled ? (int)A_NORMAL : screen_attr(STYLE_ERROR));
	put(b.y + b.h - 1, b.x + 2, inner - 2 < 38 ? inner - 2 : 38,
	    " Up/Down, Enter chooses, Escape ", A_NORMAL);
	text_lines_done(&title);
	text_lines_done(&detail);
}

void
formdraw_chooser(struct chooser *c)
{
	draw_chooser(c);
}

/* The cursor of a line prompt at the bottom of the screen. */
static void
prompt_cursor(const struct app *app, int *cy, int *cx)
{
	const struct prompt *p = &app->prompt;
	char *pre = x_strndup(lineedit_text(&p->edit), p->edit.cursor);
	char *safe = text_escape(pre, 0);

	*cy = LINES - 1;
	*cx = text_width(p->label) + text_width(safe);
	if (*cx >= COLS)
		*cx = COLS - 1;
	free(safe);
	free(pre);
}

void
formdraw_overlay(struct app *app)
{
	struct form *fm = writer_form(app);
	struct chooser *c = writer_chooser(app);
	int cy = -1, cx = 0;

	if (fm != NULL)
		draw_form(fm, &app->keys, &cy, &cx);
	if (c != NULL) {
		draw_chooser(c);
		cy = -1;
	}
	if (app->prompt.kind == PROMPT_LINE)
		prompt_cursor(app, &cy, &cx);
	else if (app->prompt.kind == PROMPT_CONFIRM)
		cy = -1;
	if (cy < 0 || cy >= LINES || cx >= COLS) {
		curs_set(0);
		return;
	}
	move(cy, cx);
	curs_set(1);
}
