/*
 * drawmeeting.h: painting meeting mode (vm/meetingview.h) and the impact
 * grid (vm/impactgrid.h).
 *
 * Meeting mode: the meeting and its attendance at the top (in the error
 * style when it is not quorate, so it reads without colour), the agenda
 * with each item's decision, and the selected item in full under it. The
 * impact grid is a box over the screen, the headings in their groups,
 * each rating spelt out.
 */
#ifndef COOPCOM_UI_DRAWMEETING_H
#define COOPCOM_UI_DRAWMEETING_H

#include "coopcom/vm/app.h"

/* Meeting mode in lines Y .. Y+H-1 of the whole width. */
void drawmeeting_view(struct app *app, int y, int h);

/* Meeting mode's chooser and the impact grid, when open. */
void drawmeeting_overlay(struct app *app);

#endif
