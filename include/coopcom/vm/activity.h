/*
 * activity.h: the audit timeline view (key 7): who changed what and
 * when, newest first, across the whole database.
 *
 * The rows are the store's "activity" list, paged by a listview. The
 * filter menu (f) narrows it to a person, a sub-group and a period, each
 * asked for on the prompt line; the title says which filters are on.
 * Enter opens the recommendation an entry is about in the main view.
 * Like the rest of vm it knows nothing of curses.
 */
#ifndef COOPCOM_VM_ACTIVITY_H
#define COOPCOM_VM_ACTIVITY_H

#include <stdbool.h>

#include "coopcom/vm/action.h"
#include "coopcom/vm/chooser.h"
#include "coopcom/vm/listview.h"

struct app;

struct activity {
	struct listview lv;	/* the "activity" list and its filter */
	char *login;		/* the person filter as typed, or NULL */
	int asking;		/* the filter the prompt is asking for */
};

/* Called by app_init and app_done. */
void activity_init(struct activity *a);
void activity_done(struct activity *a);

/*
 * Handles action A when the activity view is shown and A is its own
 * (filter, clear, open): true, with the reaction in *react.
 */
bool activity_action(struct app *app, enum action a, unsigned *react);

/* The filter menu's choice (purpose MENU_ACTIVITY): the reaction. */
unsigned activity_chosen(struct app *app, const struct chooser_item *it);

/*
 * "Who changed what, newest first: person fmercer, sub-group CC-LCL,
 * 2026-10-01 to 2026-10-31": the view's title with its filters, safe
 * text; caller frees.
 */
char *activity_title(const struct app *app);

#endif
