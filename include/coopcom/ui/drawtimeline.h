/*
 * drawtimeline.h: painting the timeline chart (vm/timeline.h).
 *
 * A label column (the state's symbol, then the reference or title) and
 * the chart to its right: two axis lines (years, then periods), a
 * heading line above each group, one line per item. Everything the chart
 * shows comes from the model; this only makes curses calls.
 */
#ifndef COOPCOM_UI_DRAWTIMELINE_H
#define COOPCOM_UI_DRAWTIMELINE_H

#include "coopcom/vm/app.h"

/* The chart in lines Y .. Y+H-1 of the whole width. */
void drawtimeline_view(struct app *app, int y, int h);

#endif
