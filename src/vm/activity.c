/*
 * activity.c: the audit timeline view (see activity.h).
 *
 * A filter is asked for on the prompt line and checked before it is
 * set: a person or sub-group the database lacks, a date that is not
 * one or a period that runs backwards is refused with the store's own
 * message, and the filters that were on stay on.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coopcom/util/buf.h"
#include "coopcom/util/xalloc.h"
#include "coopcom/vm/app.h"

static const struct lv_column activity_cols[] = {
	{ "at", "When (UTC)", 19, 0 },
	{ "login", "Who", 10, 0 },
	{ "kind", "Kind", 14, LV_LABEL },
	{ "what", "What", 0, 0 },
	{ "action", "Action", 8, 0 },
	{ "summary", "Change", 0, 0 },
};

void
activity_init(struct activity *a)
{
	memset(a, 0, sizeof *a);
	listview_init(&a->lv, "activity", activity_cols,
	    sizeof activity_cols / sizeof activity_cols[0]);
}

void
activity_done(struct activity *a)
{
	listview_done(&a->lv);
	free(a->login);
	memset(a, 0, sizeof *a);
}

static unsigned
report(struct app *app, const struct err *e)
{
	app_message(app, true, "%s", e->msg);
	return REACT_REDRAW;
}

/* "person fmercer, sub-group CC-LCL, 2026-10-01 to today", or nothing. */
static void
filter_words(const struct activity *a, struct buf *b)
{
	const struct list_filter *f = &a->lv.filter;
	const char *sep = "";

	if (a->login) {
		buf_printf(b, "person %s", a->login);
		sep = ", ";
	}
	if (f->subgroup) {
		buf_printf(b, "%ssub-group %s", sep, f->subgroup);
		sep = ", ";
	}
	if (f->from)
		buf_printf(b, "%s%s to %s", sep, f->from, f->to ? f->to :
		    "today");
	else if (f->to)
		buf_printf(b, "%sup to %s", sep, f->to);
}

char *
activity_title(const struct app *app)
{
	struct buf words;
	char *title, *safe;

	buf_init(&words);
	filter_words(&app->activity, &words);
	title = x_printf("Who changed what, newest first%s%s",
	    words.len ? ": " : "", buf_str(&words));
	safe = text_escape(title, 0);
	free(title);
	buf_done(&words);
	return safe;
}

/* After a filter changed: the rows, and the count in words. */
static unsigned
refilter(struct app *app)
{
	struct listview *lv = &app->activity.lv;
	struct err e;
	struct buf b;

	if (listview_reload(lv, app->store, &e) < 0)
		return report(app, &e);
	buf_init(&b);
	filter_words(&app->activity, &b);
	app_message(app, false, "%" PRId64 " entr%s%s%s", lv->total,
	    lv->total == 1 ? "y" : "ies", b.len ? ": " : ", no filters",
	    buf_str(&b));
	buf_done(&b);
	return REACT_REDRAW | REACT_LAYOUT;
}

static void
menu_add(struct chooser *m, const char *key, bool on, const char *label,
    const char *value)
{
	char *text = x_printf("%s %s: %s", on ? "*" : " ", label,
	    value ? value : "any");

	chooser_add(m, text, NULL, true, key, key[0]);
	free(text);
}

static unsigned
open_menu(struct app *app)
{
	const struct activity *a = &app->activity;
	struct chooser *m = &app->views.menu;
	char *period = NULL;

	if (a->lv.filter.from || a->lv.filter.to)
		period = x_printf("%s to %s", a->lv.filter.from ?
		    a->lv.filter.from : "the start", a->lv.filter.to ?
		    a->lv.filter.to : "today");
	chooser_done(m);
	chooser_init(m, "Filter the activity", MENU_ACTIVITY);
	menu_add(m, "p", a->login != NULL, "Person", a->login);
	menu_add(m, "s", a->lv.filter.subgroup != NULL, "Sub-group",
	    a->lv.filter.subgroup);
	menu_add(m, "d", period != NULL, "Period", period);
	chooser_add(m, "  Clear every filter", NULL, true, "c", 'c');
	free(period);
	return REACT_REDRAW;
}

static void
clear_all(struct activity *a)
{
	listview_set_id(&a->lv, &a->lv.filter.person, 0);
	listview_set(&a->lv, &a->lv.filter.subgroup, NULL);
	listview_set(&a->lv, &a->lv.filter.from, NULL);
	listview_set(&a->lv, &a->lv.filter.to, NULL);
	free(a->login);
	a->login = NULL;
}

/* "2026-10-01 2026-10-31", "2026-10-01" (to today) or "": the period. */
static int
set_period(struct app *app, const char *text, struct err *e)
{
	struct listview *lv = &app->activity.lv;
	struct list_filter f = lv->filter;
	char first[32] = "", last[32] = "", extra[2] = "";
	int64_t n;

	if (sscanf(text, "%31s %31s %1s", first, last, extra) == 3)
		return err_set(e, ERR_INVALID, "a period is one or two days: "
		    "2026-10-01 2026-10-31, or 2026-10-01 for up to today");
	f.from = *first ? first : NULL;
	f.to = *last ? last : NULL;
	if (store_list_count(app->store, lv->list, &f, &n, e) < 0)
		return -1;
	listview_set(lv, &lv->filter.from, f.from);
	listview_set(lv, &lv->filter.to, f.to);
	return 0;
}

/* The answer to the prompt for filter ASKING. */
static int
set_filter(struct app *app, int asking, const char *text, struct err *e)
{
	struct activity *a = &app->activity;
	int64_t id = 0;

	if (asking == 'd')
		return set_period(app, text, e);
	if (*text && store_resolve(app->store, asking == 'p' ? ENT_PERSON :
	    ENT_SUBGROUP, text, &id, e) < 0)
		return -1;
	if (asking == 's') {
		listview_set(&a->lv, &a->lv.filter.subgroup, text);
		return 0;
	}
	listview_set_id(&a->lv, &a->lv.filter.person, id);
	free(a->login);
	a->login = *text ? x_strdup(text) : NULL;
	return 0;
}

static unsigned
answered(struct app *app, bool ok)
{
	struct err e;

	if (!ok)
		return REACT_REDRAW;
	if (set_filter(app, app->activity.asking,
	    lineedit_text(&app->prompt.edit), &e) < 0)
		return report(app, &e);
	return refilter(app);
}

static unsigned
ask(struct app *app, int which)
{
	const struct list_filter *f = &app->activity.lv.filter;
	struct prompt *p = &app->prompt;
	char now[64];

	app->activity.asking = which;
	p->kind = PROMPT_LINE;
	p->on_change = NULL;
	p->on_done = answered;
	if (which == 'p') {
		snprintf(p->label, sizeof p->label, "Person (login; empty "
		    "for anyone): ");
		lineedit_set(&p->edit, app->activity.login);
	} else if (which == 's') {
		snprintf(p->label, sizeof p->label, "Sub-group (code, e.g. "
		    "CC-LCL; empty for every one): ");
		lineedit_set(&p->edit, f->subgroup);
	} else {
		snprintf(p->label, sizeof p->label, "Period (first and last "
		    "day, YYYY-MM-DD; one day: to today; empty: all): ");
		snprintf(now, sizeof now, "%s%s%s", f->from ? f->from : "",
		    f->to ? " " : "", f->to ? f->to : "");
		lineedit_set(&p->edit, now);
	}
	return REACT_REDRAW | REACT_LAYOUT;
}

unsigned
activity_chosen(struct app *app, const struct chooser_item *it)
{
	int which = (int)it->value;

	chooser_done(&app->views.menu);
	if (which != 'c')
		return ask(app, which);
	clear_all(&app->activity);
	return refilter(app);
}

static unsigned
open_entry(struct app *app)
{
	const struct listview *lv = &app->activity.lv;
	const char *rec = listview_value(lv, lv->sel, "recommendation");
	const char *kind = listview_value(lv, lv->sel, "kind");

	if (lv->total == 0)
		return REACT_NONE;
	if (rec == NULL) {
		app_message(app, true, "this entry is about a %s: only "
		    "recommendations open in the detail panel",
		    kind ? kind : "record");
		return REACT_REDRAW;
	}
	return views_open_recommendation(app, strtoll(rec, NULL, 10));
}

bool
activity_action(struct app *app, enum action a, unsigned *react)
{
	if (app->view != VIEW_ACTIVITY)
		return false;
	switch (a) {
	case ACTION_FILTER:
		*react = open_menu(app);
		return true;
	case ACTION_CLEAR:
		clear_all(&app->activity);
		*react = refilter(app);
		return true;
	case ACTION_OPEN:
		*react = open_entry(app);
		return true;
	default:
		return false;
	}
}
