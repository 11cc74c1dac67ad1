/*
 * app.c: what each key does in the full-screen interface (see app.h).
 *
 * The main view is a row of panels, each narrowing the next: a
 * commission's sub-groups, a sub-group's recommendations, one
 * recommendation in full. Moving in one panel reloads those to its
 * right. Others' changes are noticed by polling PRAGMA data_version and
 * every list is reloaded keeping the selected row.
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coopcom/util/xalloc.h"
#include "coopcom/vm/app.h"
#include "coopcom/vm/exportjob.h"
#include "coopcom/vm/impactgrid.h"
#include "coopcom/vm/meetingview.h"
#include "coopcom/vm/reportjob.h"
#include "coopcom/vm/writer.h"

static const struct lv_column commission_cols[] = {
	{ "code", "Code", 5, 0 },
	{ "name", "Commission", 0, 0 },
};
static const struct lv_column subgroup_cols[] = {
	{ "code", "Code", 5, 0 },
	{ "name", "Sub-group", 0, 0 },
};
static const struct lv_column recommendation_cols[] = {
	{ "ref", "Ref", 10, 0 },
	{ "stage", "Stage", 13, LV_LABEL },
	{ "days_in_stage", "In stage", 8, LV_DAYS | LV_RIGHT },
	{ "title", "Title", 0, 0 },
};
static const struct lv_column timeline_cols[] = {
	{ "label", "Item", 0, 0 },
	{ "timescale", "Timescale as written", 28, 0 },
};
static const struct lv_column delivery_cols[] = {
	{ "rag", "", 1, LV_RAG },
	{ "stale", "", 1, LV_MARK },
	{ "ref", "Ref", 10, 0 },
	{ "revised", "Revised", 10, 0 },
	{ "target", "Target", 10, 0 },
	{ "percent", "%", 3, LV_RIGHT },
	{ "last_update", "Updated", 10, 0 },
	{ "responsible", "Responsible", 11, 0 },
	{ "title", "Title", 0, 0 },
};
static const struct lv_column people_cols[] = {
	{ "login", "Login", 10, 0 },
	{ "name", "Name", 24, 0 },
	{ "kind", "Kind", 16, LV_LABEL },
	{ "organisation", "Organisation", 0, 0 },
};

#define NCOLS(a) (sizeof a / sizeof a[0])

void
app_message(struct app *app, bool error, const char *fmt, ...)
{
	char raw[sizeof app->message], *safe;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(raw, sizeof raw, fmt, ap);
	va_end(ap);
	safe = text_escape(raw, 0);
	snprintf(app->message, sizeof app->message, "%s", safe);
	free(safe);
	app->message_error = error;
}

static unsigned
report(struct app *app, const struct err *e)
{
	app_message(app, true, "%s", e->msg);
	return REACT_REDRAW;
}

struct listview *
app_current_list(struct app *app)
{
	switch (app->view) {
	case VIEW_MAIN:
		return app->focus < PANEL_DETAIL ? &app->lists[app->focus] :
		    NULL;
	case VIEW_TIMELINE:
		return &app->timeline;
	case VIEW_PEOPLE:
		return &app->people;
	case VIEW_ACTIVITY:
		return &app->activity.lv;
	case VIEW_DELIVERY:
		return &app->delivery;
	case VIEW_BOARD:
	case VIEW_MINE:
		return views_current_list(app);
	case VIEW_MEETING:
		return meetingview_list(app);
	default:
		return NULL;
	}
}

/* The detail panel's text comes from views.c (history in words). */
static int
detail_build(struct app *app, struct err *e)
{
	app->detail.stale = false;
	return views_detail(app, e);
}

/*
 * Reads the detail again: with app->defer only once input rests
 * (app_idle), unless it has the cursor, so that holding a key down sends
 * the list's rows and not the detail's.
 */
static int
detail_reread(struct app *app, struct err *e)
{
	if (app->defer && app->focus != PANEL_DETAIL) {
		app->detail.stale = true;
		return 0;
	}
	return detail_build(app, e);
}

/* After a move: the detail is read again only for another record. */
int
app_detail_follow(struct app *app, struct err *e)
{
	int64_t id = listview_selected_id(&app->lists[PANEL_RECOMMENDATIONS]);

	if (id == app->detail.id && !app->detail.stale)
		return 0;
	return detail_reread(app, e);
}

/* Narrows each panel to the selection of the one on its left. */
static int
cascade(struct app *app, enum panel from, struct err *e)
{
	struct listview *c = &app->lists[PANEL_COMMISSIONS];
	struct listview *s = &app->lists[PANEL_SUBGROUPS];
	struct listview *r = &app->lists[PANEL_RECOMMENDATIONS];
	int64_t id;

	if (from <= PANEL_COMMISSIONS) {
		id = listview_selected_id(c);
		listview_set_id(s, &s->filter.commission_id, id ? id : -1);
		if (listview_reload(s, app->store, e) < 0)
			return -1;
	}
	if (from <= PANEL_SUBGROUPS) {
		views_scope(app);
		if (listview_reload(r, app->store, e) < 0)
			return -1;
	}
	return app_detail_follow(app, e);
}

/* The timeline or the people, when shown; others wait to be shown. */
static int
reload_shown(struct app *app, struct err *e)
{
	if (app->view == VIEW_TIMELINE)
		return listview_reload(&app->timeline, app->store, e);
	if (app->view == VIEW_PEOPLE)
		return listview_reload(&app->people, app->store, e);
	if (app->view == VIEW_ACTIVITY)
		return listview_reload(&app->activity.lv, app->store, e);
	if (app->view == VIEW_DELIVERY)
		return listview_reload(&app->delivery, app->store, e);
	if (app->view == VIEW_MEETING)
		return meetingview_reload(app, e);
	return 0;
}

/*
 * Every list that is shown (a list with nothing new is not read again,
 * listview.h); a hidden view's lists are read when it is next shown.
 */
static int
reload_all(struct app *app, struct err *e)
{
	enum panel p;

	for (p = PANEL_COMMISSIONS; p < PANEL_DETAIL; p++)
		if (listview_reload(&app->lists[p], app->store, e) < 0)
			return -1;
	if (reload_shown(app, e) < 0 || views_reload(app, e) < 0)
		return -1;
	return detail_reread(app, e);
}

static int
init(struct app *app, struct session *s, bool defer, struct err *e)
{
	memset(app, 0, sizeof *app);
	app->defer = defer;
	app->search_ready = !defer;
	app->session = s;
	app->store = s->store;
	keymap_defaults(&app->keys);
	if (keymap_apply(&app->keys, &s->config, e) < 0)
		return -1;
	listview_init(&app->lists[PANEL_COMMISSIONS], "commissions",
	    commission_cols, NCOLS(commission_cols));
	listview_init(&app->lists[PANEL_SUBGROUPS], "subgroups",
	    subgroup_cols, NCOLS(subgroup_cols));
	app->lists[PANEL_SUBGROUPS].filter.brief = true;
	listview_init(&app->lists[PANEL_RECOMMENDATIONS], "recommendations",
	    recommendation_cols, NCOLS(recommendation_cols));
	listview_init(&app->timeline, timeline_list(&app->chart), timeline_cols,
	    NCOLS(timeline_cols));
	listview_init(&app->people, "people", people_cols, NCOLS(people_cols));
	activity_init(&app->activity);
	listview_init(&app->delivery, "delivery", delivery_cols,
	    NCOLS(delivery_cols));
	views_init(app);
	text_lines_init(&app->detail.lines);
	lineedit_init(&app->prompt.edit, "", 0);
	app->data_version = store_data_version(app->store);
	if (listview_reload(&app->lists[PANEL_COMMISSIONS], app->store, e) < 0)
		return -1;
	/* Narrowed first, so no panel is ever read whole. */
	return cascade(app, PANEL_COMMISSIONS, e) < 0 ? -1 : reload_all(app, e);
}

int
app_init(struct app *app, struct session *s, struct err *e)
{
	return init(app, s, false, e);
}

int
app_init_deferred(struct app *app, struct session *s, struct err *e)
{
	return init(app, s, true, e);
}

void
app_done(struct app *app)
{
	enum panel p;

	for (p = PANEL_COMMISSIONS; p < PANEL_DETAIL; p++)
		listview_done(&app->lists[p]);
	listview_done(&app->timeline);
	listview_done(&app->people);
	activity_done(&app->activity);
	listview_done(&app->delivery);
	views_done(app);
	writer_free(app->writer);
	meetingview_free(app->meeting);
	impactgrid_free(app->grid);
	text_lines_done(&app->detail.lines);
	text_lines_done(&app->milestone.lines);
	lineedit_done(&app->prompt.edit);
}

void
app_set_heights(struct app *app, int list_rows, int detail_width,
    int detail_rows)
{
	struct err e;
	enum panel p;

	for (p = PANEL_COMMISSIONS; p < PANEL_DETAIL; p++)
		listview_set_height(&app->lists[p], app->store, list_rows, &e);
	listview_set_height(&app->timeline, app->store, list_rows, &e);
	listview_set_height(&app->people, app->store, list_rows, &e);
	listview_set_height(&app->activity.lv, app->store, list_rows, &e);
	listview_set_height(&app->delivery, app->store, list_rows, &e);
	views_set_heights(app, list_rows);
	meetingview_set_height(app, list_rows);
	if (detail_width != app->detail.width) {
		app->detail.width = detail_width;
		detail_reread(app, &e);
	}
	app->detail.height = detail_rows;
}

static unsigned
move(struct app *app, int64_t delta)
{
	struct listview *lv = app_current_list(app);
	struct err e;

	if (app->view == VIEW_HELP) {
		delta += app->help_scroll;
		app->help_scroll = delta < 0 ? 0 : delta >= ACTION_COUNT ?
		    ACTION_COUNT - 1 : (int)delta;
		return REACT_REDRAW;
	}
	if (lv == NULL) {
		app->detail.scroll += (int)delta;
		if (app->detail.scroll > (int)app->detail.lines.n -
		    app->detail.height)
			app->detail.scroll = (int)app->detail.lines.n -
			    app->detail.height;
		if (app->detail.scroll < 0)
			app->detail.scroll = 0;
		return REACT_REDRAW;
	}
	if (listview_move(lv, app->store, delta, &e) < 0)
		return report(app, &e);
	if (app->view == VIEW_MAIN && cascade(app, app->focus, &e) < 0)
		return report(app, &e);
	return REACT_REDRAW;
}

static unsigned
page(struct app *app, int direction)
{
	struct listview *lv = app_current_list(app);
	int rows = lv ? lv->height : app->detail.height;

	return move(app, (int64_t)direction * (rows > 1 ? rows - 1 : 1));
}

static unsigned
focus(struct app *app, int delta)
{
	int f = (int)app->focus + delta;

	if (app->view != VIEW_MAIN)
		return REACT_NONE;
	if (f < 0 || f >= PANEL_COUNT)
		return REACT_NONE;
	app->focus = (enum panel)f;
	return REACT_REDRAW | REACT_LAYOUT;
}

static unsigned
show_view(struct app *app, enum view v)
{
	struct err e;

	if (v == VIEW_HELP && app->view != VIEW_HELP) {
		app->back = app->view;
		app->help_scroll = 0;
	}
	app->view = v;
	if (reload_shown(app, &e) < 0)
		return report(app, &e) | REACT_LAYOUT;
	return REACT_REDRAW | REACT_LAYOUT;
}

/*
 * The words typed less those of one letter: the full-text index keeps
 * prefixes of two and three letters, and one letter would make it read
 * every entry, so a word is searched for from its second letter.
 */
static char *
search_words(const char *typed)
{
	const char *p = typed, *start;
	size_t letters;
	struct buf b;

	buf_init(&b);
	while (*p != '\0') {
		while (*p == ' ' || *p == '\t')
			p++;
		for (start = p, letters = 0; *p && *p != ' ' && *p != '\t'; p++)
			letters += ((unsigned char)*p & 0xc0) != 0x80;
		if (letters < 2)
			continue;
		if (b.len > 0)
			buf_addc(&b, ' ');
		buf_addn(&b, start, (size_t)(p - start));
	}
	return buf_steal(&b);
}

static unsigned
search_run(struct app *app)
{
	struct listview *r = &app->lists[PANEL_RECOMMENDATIONS];
	const char *typed = lineedit_text(&app->prompt.edit);
	char *words = search_words(typed);
	struct err e;

	app->search_stale = false;
	listview_set(r, &r->filter.search, words);
	views_scope(app);
	if (listview_reload(r, app->store, &e) < 0 ||
	    app_detail_follow(app, &e) < 0) {
		free(words);
		return report(app, &e);
	}
	if (*words == '\0' && typed[strspn(typed, " \t")] != '\0')
		app_message(app, false, "type a second letter to search");
	else
		app_message(app, false, "%" PRId64 " recommendation%s match",
		    r->total, r->total == 1 ? "" : "s");
	free(words);
	return REACT_REDRAW;
}

/*
 * Each letter typed shows at once; with app->defer the search itself
 * waits until typing pauses for APP_IDLE_SEARCH_MS (app_idle), so that
 * letters typed or pasted faster than that are searched for once.
 */
static unsigned
search_changed(struct app *app)
{
	if (!app->defer)
		return search_run(app);
	app->search_stale = true;
	return REACT_REDRAW;
}

static unsigned
search_done(struct app *app, bool ok)
{
	if (!ok) {
		lineedit_set(&app->prompt.edit, "");
		return search_run(app);
	}
	return app->search_stale ? search_run(app) : REACT_REDRAW;
}

/* Searching covers the whole commission, not one sub-group. */
static unsigned
start_search(struct app *app)
{
	struct listview *r = &app->lists[PANEL_RECOMMENDATIONS];
	struct prompt *p = &app->prompt;

	app->view = VIEW_MAIN;
	app->focus = PANEL_RECOMMENDATIONS;
	listview_set_id(r, &r->filter.subgroup_id, 0);
	listview_set_id(r, &r->filter.commission_id,
	    app->lists[PANEL_SUBGROUPS].filter.commission_id);
	p->kind = PROMPT_LINE;
	snprintf(p->label, sizeof p->label, "Search: ");
	lineedit_set(&p->edit, r->filter.search);
	p->on_change = search_changed;
	p->on_done = search_done;
	return search_run(app) | REACT_LAYOUT;
}

static unsigned
go_back(struct app *app)
{
	if (app->view == VIEW_HELP)
		return show_view(app, app->back);
	if (app->view != VIEW_MAIN)
		return show_view(app, VIEW_MAIN);
	return focus(app, -1);
}

static unsigned
open_item(struct app *app)
{
	if (app->view == VIEW_MAIN && app->focus < PANEL_DETAIL)
		return focus(app, 1);
	return REACT_NONE;
}

static unsigned
redraw_all(struct app *app)
{
	struct err e;

	if (reload_all(app, &e) < 0)
		return report(app, &e);
	return REACT_REDRAW | REACT_LAYOUT | REACT_CLEAR;
}

unsigned
app_action(struct app *app, enum action a)
{
	unsigned react;

	if (meetingview_action(app, a, &react) ||
	    timeline_action(app, a, &react) ||
	    impactgrid_action(app, a, &react) ||
	    reportjob_action(app, a, &react) ||
	    exportjob_action(app, a, &react) ||
	    activity_action(app, a, &react) || views_action(app, a, &react))
		return react;
	switch (a) {
	case ACTION_QUIT:
		return REACT_QUIT;
	case ACTION_HELP:
		return show_view(app, VIEW_HELP);
	case ACTION_MOVE_DOWN:
		return move(app, 1);
	case ACTION_MOVE_UP:
		return move(app, -1);
	case ACTION_PAGE_DOWN:
		return page(app, 1);
	case ACTION_PAGE_UP:
		return page(app, -1);
	case ACTION_FIRST:
		return move(app, -INT32_MAX);
	case ACTION_LAST:
		return move(app, INT32_MAX);
	case ACTION_NEXT_PANEL:
		return focus(app, 1);
	case ACTION_PREV_PANEL:
		return focus(app, -1);
	case ACTION_OPEN:
		return open_item(app);
	case ACTION_BACK:
		return go_back(app);
	case ACTION_SEARCH:
		return start_search(app);
	case ACTION_VIEW_MAIN:
		return show_view(app, VIEW_MAIN);
	case ACTION_VIEW_TIMELINE:
		return show_view(app, VIEW_TIMELINE);
	case ACTION_VIEW_PEOPLE:
		return show_view(app, VIEW_PEOPLE);
	case ACTION_VIEW_ACTIVITY:
		return show_view(app, VIEW_ACTIVITY);
	case ACTION_VIEW_DELIVERY:
		return show_view(app, VIEW_DELIVERY);
	case ACTION_REDRAW:
		return redraw_all(app);
	case ACTION_ADD:
	case ACTION_EDIT:
	case ACTION_EDIT_OTHER:
	case ACTION_JOIN:
	case ACTION_ADVANCE:
	case ACTION_ARCHIVE:
	case ACTION_PROGRESS:
		return writer_action(app, a);
	default:
		app_message(app, true, "%s is not available here",
		    action_info(a) ? action_info(a)->help : "that");
		return REACT_REDRAW;
	}
}

static unsigned
prompt_key(struct app *app, const char *key)
{
	struct prompt *p = &app->prompt;
	unsigned (*done)(struct app *, bool) = p->on_done;
	bool yes;

	if (p->kind == PROMPT_CONFIRM) {
		yes = strcmp(key, "y") == 0 || strcmp(key, "Y") == 0;
		if (!yes && strcmp(key, "n") != 0 && strcmp(key, "N") != 0 &&
		    strcmp(key, "Escape") != 0)
			return REACT_NONE;
		p->kind = PROMPT_NONE;
		return (done ? done(app, yes) : 0) | REACT_REDRAW | REACT_LAYOUT;
	}
	switch (lineedit_key(&p->edit, key)) {
	case LE_CHANGED:
		return (p->on_change ? p->on_change(app) : 0) | REACT_REDRAW;
	case LE_MOVED:
		return REACT_REDRAW;
	case LE_ENTER:
	case LE_CANCEL:
		p->kind = PROMPT_NONE;
		return (done ? done(app, strcmp(key, "Escape") != 0) : 0) |
		    REACT_REDRAW | REACT_LAYOUT;
	default:
		return REACT_NONE;
	}
}

/* Whether KEY leaves a stale detail unused: a move in a list, a search. */
static bool
leaves_detail(struct app *app, const char *key)
{
	enum action a;

	if (app->prompt.kind != PROMPT_NONE)
		return app->prompt.on_change == search_changed;
	if (writer_busy(app) || app->grid != NULL ||
	    app->view == VIEW_MEETING || app_current_list(app) == NULL)
		return false;
	a = keymap_lookup(&app->keys, key);
	return a == ACTION_MOVE_DOWN || a == ACTION_MOVE_UP ||
	    a == ACTION_PAGE_DOWN || a == ACTION_PAGE_UP ||
	    a == ACTION_FIRST || a == ACTION_LAST;
}

static unsigned
detail_flush(struct app *app)
{
	struct err e;

	if (!app->detail.stale)
		return REACT_NONE;
	if (detail_build(app, &e) < 0)
		return report(app, &e);
	return REACT_REDRAW;
}

static unsigned
take_key(struct app *app, const char *key)
{
	unsigned react;
	enum action a;

	if (app->prompt.kind != PROMPT_NONE)
		return prompt_key(app, key);
	if (writer_busy(app))
		return writer_key(app, key);
	if (meetingview_key(app, key, &react) ||
	    impactgrid_key(app, key, &react))
		return react;
	app->message[0] = '\0';
	if (views_key(app, key, &react))
		return react | REACT_REDRAW;
	if ((a = keymap_lookup(&app->keys, key)) == ACTION_NONE) {
		app_message(app, true, "%s does nothing here: ? shows every key",
		    key);
		return REACT_REDRAW;
	}
	return app_action(app, a) | REACT_REDRAW;
}

/* A stale detail is brought up to date before any key that may use it. */
unsigned
app_key(struct app *app, const char *name)
{
	unsigned react = leaves_detail(app, name) ? REACT_NONE :
	    detail_flush(app);

	react |= take_key(app, name);
	if (app->view == VIEW_MAIN && app->focus == PANEL_DETAIL)
		react |= detail_flush(app);
	return react;
}

unsigned
app_select(struct app *app, enum panel panel, int64_t row)
{
	struct err e;

	if (app->view != VIEW_MAIN || panel >= PANEL_DETAIL ||
	    writer_busy(app))
		return REACT_NONE;
	app->focus = panel;
	if (listview_goto(&app->lists[panel], app->store, row, &e) < 0 ||
	    cascade(app, panel, &e) < 0)
		return report(app, &e);
	return REACT_REDRAW | REACT_LAYOUT;
}

int
app_reload(struct app *app, struct err *e)
{
	return reload_all(app, e) < 0 ? -1 : cascade(app, PANEL_COMMISSIONS, e);
}

unsigned
app_tick(struct app *app)
{
	int64_t v = store_data_version(app->store);
	struct err e;

	if (v == app->data_version)
		return REACT_NONE;
	app->data_version = v;
	if (reload_all(app, &e) < 0)
		return report(app, &e);
	return REACT_REDRAW;
}

int
app_idle_ms(const struct app *app)
{
	if (app->search_stale)
		return APP_IDLE_SEARCH_MS;
	if (app->views.status.stale || !app->search_ready)
		return 0;
	if (app->detail.stale)
		return APP_IDLE_DETAIL_MS;
	return store_list_holding(app->store) ?
	    app->session->config.refresh_ms : -1;
}

unsigned
app_idle(struct app *app)
{
	struct err e;

	if (app->search_stale)
		return search_run(app);
	if (!app->detail.stale && !app->views.status.stale &&
	    app->search_ready) {
		/* Only kept cursors were left (app_idle_ms); the poll
		 * app_tick would have made meanwhile is made now. */
		store_list_release(app->store);
		return app_tick(app);
	}
	if (app->detail.stale && detail_build(app, &e) < 0)
		return report(app, &e);
	if (views_count(app, &e) < 0)
		return report(app, &e);
	if (!app->search_ready) {
		app->search_ready = true;
		if (store_search_warm(app->store, &e) < 0)
			return report(app, &e);
	}
	return REACT_REDRAW;
}
