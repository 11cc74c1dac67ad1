/*
 * impactgrid.c: editing a recommendation's impact assessment (see
 * impactgrid.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coopcom/util/xalloc.h"
#include "coopcom/vm/app.h"
#include "coopcom/vm/impactgrid.h"
#include "coopcom/vm/meetingview.h"

void
impactgrid_free(struct impactgrid *g)
{
	if (g == NULL)
		return;
	store_impact_free(g->grid);
	free(g->ref);
	free(g);
}

struct impactgrid *
impactgrid_open(struct app *app)
{
	return app->grid;
}

/* The recommendation the cursor is on, wherever it is. */
static int64_t
selected_rec(struct app *app)
{
	struct listview *lv = app->view == VIEW_MEETING ?
	    meetingview_list(app) : app_current_list(app);

	if (lv != NULL && (strcmp(lv->list, "recommendations") == 0 ||
	    strcmp(lv->list, "mywork") == 0 || strcmp(lv->list, "agenda") == 0))
		return listview_selected_id(lv);
	return app->view == VIEW_MAIN ? app->detail.id : 0;
}

static int
load(struct app *app, struct impactgrid *g, struct err *e)
{
	store_impact_free(g->grid);
	return store_impact_get(app->store, g->rec, g->grid, e);
}

static unsigned
open_grid(struct app *app)
{
	struct impactgrid *g;
	struct record r;
	struct err e;
	int64_t rec = selected_rec(app);

	if (rec == 0) {
		app_message(app, true, "Select a recommendation first: I shows "
		    "its impact assessment");
		return REACT_REDRAW;
	}
	if (store_get(app->store, ENT_RECOMMENDATION, rec, &r, &e) < 0) {
		app_message(app, true, "%s", e.msg);
		return REACT_REDRAW;
	}
	g = x_calloc(1, sizeof *g);
	g->rec = rec;
	g->ref = x_strdup(record_get(&r, "ref"));
	record_done(&r);
	if (store_impact_get(app->store, rec, g->grid, &e) < 0) {
		impactgrid_free(g);
		app_message(app, true, "%s", e.msg);
		return REACT_REDRAW;
	}
	impactgrid_free(app->grid);
	app->grid = g;
	app_message(app, false, "n neutral, p positive, x negative, Enter "
	    "comment, Escape closes");
	return REACT_REDRAW | REACT_LAYOUT;
}

/* Saves heading SEL as RATING with COMMENT (NULL keeps it). */
static unsigned
save(struct app *app, enum impact_rating rating, const char *comment)
{
	struct impactgrid *g = app->grid;
	struct store_impact *h = &g->grid[g->sel];
	struct err e;

	err_clear(&e);
	if (store_impact_set(app->store, g->rec, g->sel, rating, comment,
	    h->version, &e) < 0) {
		app_message(app, true, "%s", e.msg);
		if (load(app, g, &e) < 0)
			app_message(app, true, "%s", e.msg);
		return REACT_REDRAW;
	}
	if (load(app, g, &e) < 0) {
		app_message(app, true, "%s", e.msg);
		return REACT_REDRAW;
	}
	app_message(app, false, "%s: %s is %s", g->ref,
	    impact_heading(g->sel)->label, impact_rating_name(rating));
	return REACT_REDRAW;
}

static unsigned
comment_done(struct app *app, bool ok)
{
	struct impactgrid *g = app->grid;
	char *typed;
	unsigned r;

	if (!ok || g == NULL)
		return REACT_REDRAW;
	typed = x_strdup(lineedit_text(&app->prompt.edit));
	r = save(app, g->grid[g->sel].rating, typed);
	free(typed);
	return r;
}

static unsigned
ask_comment(struct app *app)
{
	struct impactgrid *g = app->grid;
	struct prompt *p = &app->prompt;

	if (g->grid[g->sel].rating == IMPACT_UNRATED) {
		app_message(app, true, "Rate the heading first (n, p or x), "
		    "then comment on it");
		return REACT_REDRAW;
	}
	p->kind = PROMPT_LINE;
	snprintf(p->label, sizeof p->label, "Comment: ");
	lineedit_set(&p->edit, g->grid[g->sel].comment);
	p->on_change = NULL;
	p->on_done = comment_done;
	return REACT_REDRAW | REACT_LAYOUT;
}

static void
move(struct impactgrid *g, int delta)
{
	int sel = (int)g->sel + delta;

	if (sel < 0)
		sel = 0;
	if (sel >= IMPACT_HEADINGS)
		sel = IMPACT_HEADINGS - 1;
	g->sel = (size_t)sel;
}

static const struct {
	const char *key;
	enum impact_rating rating;
} rating_keys[] = {
	{ "n", IMPACT_NEUTRAL }, { "0", IMPACT_NEUTRAL },
	{ "p", IMPACT_POSITIVE }, { "+", IMPACT_POSITIVE },
	{ "x", IMPACT_NEGATIVE }, { "-", IMPACT_NEGATIVE },
};

bool
impactgrid_key(struct app *app, const char *key, unsigned *react)
{
	struct impactgrid *g = app->grid;
	size_t i;

	if (g == NULL)
		return false;
	*react = REACT_REDRAW;
	for (i = 0; i < sizeof rating_keys / sizeof rating_keys[0]; i++)
		if (strcmp(key, rating_keys[i].key) == 0) {
			*react = save(app, rating_keys[i].rating, NULL);
			return true;
		}
	if (strcmp(key, "j") == 0 || strcmp(key, "Down") == 0)
		move(g, 1);
	else if (strcmp(key, "k") == 0 || strcmp(key, "Up") == 0)
		move(g, -1);
	else if (strcmp(key, "g") == 0 || strcmp(key, "Home") == 0)
		move(g, -IMPACT_HEADINGS);
	else if (strcmp(key, "G") == 0 || strcmp(key, "End") == 0)
		move(g, IMPACT_HEADINGS);
	else if (strcmp(key, "Enter") == 0 || strcmp(key, "c") == 0)
		*react = ask_comment(app);
	else if (strcmp(key, "Escape") == 0 || strcmp(key, "q") == 0) {
		impactgrid_free(g);
		app->grid = NULL;
		app->message[0] = '\0';
		*react |= REACT_LAYOUT;
	} else
		app_message(app, true, "%s does nothing in the impact grid: n, "
		    "p, x rate; Enter comments; Escape closes", key);
	return true;
}

bool
impactgrid_action(struct app *app, enum action a, unsigned *react)
{
	if (a != ACTION_IMPACT)
		return false;
	*react = open_grid(app);
	return true;
}
