/*
 * draw.h: painting the app's state onto the curses screen.
 *
 * Everything drawn from the database goes through text_escape and
 * text_fit first: no control character or escape sequence from the data
 * reaches the terminal, and no UTF-8 character is cut in half. The whole
 * screen is painted each time into curses' buffer; curses then sends
 * only what changed.
 */
#ifndef COOPCOM_UI_DRAW_H
#define COOPCOM_UI_DRAW_H

#include "coopcom/vm/app.h"

/* Works out panel sizes for a LINES x COLS screen and tells the app. */
void draw_layout(struct app *app);
/* Paints the whole screen (into curses' buffer; the caller refreshes). */
void draw_screen(struct app *app);
/* Writes S (any text: escaped here) at Y, X in exactly WIDTH columns,
 * cut with "…" or padded; for the other drawing modules. */
void draw_text(int y, int x, int width, const char *s, int attr);
/* A list panel titled TITLE in H rows and W columns at Y, X: the title,
 * the column headers, then the rows; for the other drawing modules. */
void draw_listview(const struct listview *lv, int y, int x, int h, int w,
    const char *title, bool focused);
/*
 * The row of the list panel at screen position (y, x), for mouse clicks:
 * returns the panel (or -1) and sets *row to the list row.
 */
int draw_hit(struct app *app, int y, int x, int64_t *row);

#endif
