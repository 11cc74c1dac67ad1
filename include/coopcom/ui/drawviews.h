/*
 * drawviews.h: painting the reading views (vm/views.h): the stage board,
 * my work, the recommendations panel, the filter menu and the status
 * line.
 *
 * Recommendation lists share one renderer: a mark column ("!" for
 * overdue, drawn in the error style as well, so it reads without
 * colour), then the list's columns, the selected row in reverse video
 * when its panel has the focus and underlined when not.
 */
#ifndef COOPCOM_UI_DRAWVIEWS_H
#define COOPCOM_UI_DRAWVIEWS_H

#include <stdbool.h>

#include "coopcom/vm/app.h"

/* Tells the app how many board columns fit across COLS. */
void drawviews_layout(struct app *app);

/* The board and my work fill lines Y .. Y+H-1 of the whole width. */
void drawviews_board(struct app *app, int y, int h);
void drawviews_mine(struct app *app, int y, int h);

/* The main view's recommendations panel, with its scope and filters. */
void drawviews_recommendations(struct app *app, int y, int x, int h, int w,
    bool focused);

/* The filter menu over the screen, when it is open. */
void drawviews_menu(struct app *app);

/* The status line at Y: who, counts, database; "small screen" first
 * below 80x24. */
void drawviews_status(struct app *app, int y);

/* A click at (Y, X) on the board or my work: selects the row (and the
 * column) under it; the reaction. */
unsigned drawviews_click(struct app *app, int y, int x);

#endif
