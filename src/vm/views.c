/*
 * views.c: the stage board, my work, filters, status and detail (views.h).
 *
 * Every list here is a store list paged by a listview, never a table
 * loaded whole: a board column is "recommendations" filtered by one stage,
 * my work is "mywork" (store/list.c says why each row is there, so the CLI
 * shows the same). The workflow gives the board its columns and the
 * detail its stage labels, so a council's own stages show as it wrote
 * them.
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "coopcom/core/date.h"
#include "coopcom/store/delivery.h"
#include "coopcom/util/buf.h"
#include "coopcom/util/xalloc.h"
#include "coopcom/vm/app.h"

static const struct lv_column board_cols[] = {
	{ "ref", "Ref", 10, 0 },
	{ "title", "Title", 0, 0 },
};
static const struct lv_column mywork_cols[] = {
	{ "ref", "Ref", 10, 0 },
	{ "stage", "Stage", 13, LV_LABEL },
	{ "why", "Why it is yours", 0, 0 },
	{ "title", "Title", 0, 0 },
};

#define NCOLS(a) (sizeof a / sizeof a[0])

static struct listview *
recs(struct app *app)
{
	return &app->lists[PANEL_RECOMMENDATIONS];
}

/* Sets a filter string only when it changes, so a reload keeps the
 * selection where it was. */
static void
set_text(struct listview *lv, const char **field, const char *value)
{
	if (value != NULL && *value == '\0')
		value = NULL;
	if ((*field == NULL) != (value == NULL) ||
	    (value != NULL && strcmp(*field, value) != 0))
		listview_set(lv, field, value);
}

static void
set_flag(struct listview *lv, bool *field, bool value)
{
	if (*field == value)
		return;
	*field = value;
	lv->sel = 0;
	lv->top = 0;
}

/* "referred_back" as "referred back". */
static char *
human(const char *id)
{
	char *s = x_strdup(id ? id : ""), *p;

	for (p = s; *p; p++)
		if (*p == '_')
			*p = ' ';
	return s;
}

const char *
views_stage_label(const struct app *app, const char *id)
{
	const struct workflow *wf = store_workflow(app->store);
	const struct workflow_stage *s;

	if (id == NULL)
		return "";
	s = wf ? workflow_stage(wf, id) : NULL;
	return s ? s->label : id;
}

static bool
stage_final(const struct app *app, const char *id)
{
	const struct workflow *wf = store_workflow(app->store);
	const struct workflow_stage *s;

	s = wf && id ? workflow_stage(wf, id) : NULL;
	return s != NULL && s->final;
}

static bool
overdue(const struct app *app, const char *stage, const char *target)
{
	char today[DATE_ISO_SIZE];

	if (target == NULL || *target == '\0' || stage_final(app, stage))
		return false;
	date_format_iso(date_today(), today);
	return strcmp(target, today) < 0;
}

bool
views_row_overdue(const struct app *app, const struct listview *lv,
    int64_t row)
{
	const char *due = listview_value(lv, row, "due");

	/* "due" is the revised date when there is one, else the target. */
	return overdue(app, listview_value(lv, row, "stage"),
	    due ? due : listview_value(lv, row, "target"));
}

/* The board. */

void
views_init(struct app *app)
{
	const struct workflow *wf = store_workflow(app->store);
	struct board *b = &app->views.board;
	struct board_column *col;
	size_t i;
	int final;

	memset(&app->views, 0, sizeof app->views);
	if (wf != NULL)
		b->cols = x_calloc(wf->nstages, sizeof *b->cols);
	for (final = 0; final < 2 && wf != NULL; final++) {
		for (i = 0; i < wf->nstages; i++) {
			if (wf->stages[i].final != (final == 1))
				continue;
			col = &b->cols[b->n++];
			col->stage = &wf->stages[i];
			listview_init(&col->lv, "recommendations", board_cols,
			    NCOLS(board_cols));
			listview_set(&col->lv, &col->lv.filter.stage,
			    col->stage->id);
		}
		if (final == 0)
			b->nopen = b->n;
	}
	listview_init(&app->views.mywork, "mywork", mywork_cols,
	    NCOLS(mywork_cols));
}

void
views_done(struct app *app)
{
	struct views *v = &app->views;
	size_t i;

	for (i = 0; i < v->board.n; i++)
		listview_done(&v->board.cols[i].lv);
	free(v->board.cols);
	listview_done(&v->mywork);
	chooser_done(&v->menu);
	free(v->status.who);
	memset(v, 0, sizeof *v);
}

size_t
views_board_shown(const struct app *app)
{
	const struct board *b = &app->views.board;

	return b->show_final ? b->n : b->nopen;
}

/* Keeps the focused column on screen. */
static void
board_keep(struct app *app)
{
	struct board *b = &app->views.board;
	size_t shown = views_board_shown(app), fit = b->fit ? b->fit : 1;

	if (shown == 0) {
		b->focus = b->first = 0;
		return;
	}
	if (b->focus >= shown)
		b->focus = shown - 1;
	if (b->focus < b->first)
		b->first = b->focus;
	if (b->focus >= b->first + fit)
		b->first = b->focus - fit + 1;
	if (b->first + fit > shown)
		b->first = shown > fit ? shown - fit : 0;
}

void
views_board_fit(struct app *app, size_t fit)
{
	app->views.board.fit = fit > 0 ? fit : 1;
	board_keep(app);
}

/* Every column: the selected commission, the panel's other filters. */
static int
board_reload(struct app *app, struct err *e)
{
	struct board *b = &app->views.board;
	const struct list_filter *rf = &recs(app)->filter;
	struct listview *lv;
	size_t i;

	b->commission = listview_selected_id(&app->lists[PANEL_COMMISSIONS]);
	for (i = 0; i < b->n; i++) {
		lv = &b->cols[i].lv;
		listview_set_id(lv, &lv->filter.commission_id,
		    b->commission ? b->commission : -1);
		set_text(lv, &lv->filter.term, rf->term);
		set_text(lv, &lv->filter.search, rf->search);
		set_text(lv, &lv->filter.sort, b->cols[i].stage->final ?
		    NULL : rf->sort);
		set_flag(lv, &lv->filter.overdue, rf->overdue);
		set_flag(lv, &lv->filter.mine, rf->mine);
		if (listview_reload(lv, app->store, e) < 0)
			return -1;
	}
	return 0;
}

/* Status. */

static const struct {
	const char *id, *words;
} role_words[] = {
	{ "lead_cabinet", "lead Cabinet member" },
	{ "coopted", "co-opted member" },
};

static void
add_role(struct buf *b, const char *role, const char *commission,
    const char *subgroup)
{
	const char *words = role;
	size_t i;

	for (i = 0; i < NCOLS(role_words); i++)
		if (strcmp(role, role_words[i].id) == 0)
			words = role_words[i].words;
	buf_printf(b, ", %s of %s%s%s", words, commission,
	    subgroup ? "-" : "", subgroup ? subgroup : "");
}

/* "fmercer, secretary of CC, officer of CC-ENG", from the memberships. */
static int
who_text(struct app *app, struct buf *b, struct err *e)
{
	const struct store_person *me = store_me(app->store);
	struct list_filter f = { .person = me->id };
	struct store_cursor *c;
	bool reads_only = true;
	int rc;

	buf_add(b, me->login);
	if (me->id == 0) {
		buf_add(b, " (read only: not a person in this database)");
		return 0;
	}
	if (me->admin)
		buf_add(b, ", admin");
	if (store_list_open(app->store, "members", &f, &c, e) < 0)
		return -1;
	while ((rc = store_cursor_next(c, e)) == 1) {
		add_role(b, store_cursor_text(c, 5), store_cursor_text(c, 1),
		    store_cursor_text(c, 2));
		if (strcmp(store_cursor_text(c, 5), "observer") != 0)
			reads_only = false;
	}
	store_cursor_close(c);
	if (reads_only && !me->admin)
		buf_add(b, " (read only)");
	return rc;
}

int
views_count(struct app *app, struct err *e)
{
	struct views_status *s = &app->views.status;
	struct list_filter late = { .overdue = true };

	if (!s->stale)
		return 0;
	s->stale = false;	/* after an error, again at the next change */
	/* My work, when shown, was counted as it was read. */
	if ((app->view != VIEW_MINE && listview_count(&app->views.mywork,
	    app->store, e) < 0) ||
	    store_list_count(app->store, "recommendations", &late,
	    &s->overdue, e) < 0)
		return -1;
	s->needs_me = app->views.mywork.total;
	s->counted = true;
	return 1;
}

static int
status_reload(struct app *app, struct err *e)
{
	struct views_status *s = &app->views.status;
	int64_t version = store_data_version(app->store);
	struct buf who;

	if (s->counted)
		s->needs_me = app->views.mywork.total;
	if (s->who != NULL && s->version == version)
		return 0;		/* nothing was written since */
	buf_init(&who);
	if (who_text(app, &who, e) < 0) {
		buf_done(&who);
		return -1;
	}
	free(s->who);
	s->who = buf_steal(&who);
	s->version = version;
	s->stale = true;
	return app->defer || views_count(app, e) >= 0 ? 0 : -1;
}

char *
views_status_line(const struct app *app)
{
	const struct views_status *s = &app->views.status;
	char *line, *safe;

	if (!s->counted)
		line = x_printf("%s | … need you | … overdue | %s",
		    s->who ? s->who : "", store_path(app->store));
	else if (s->needs_me > 0)
		line = x_printf("%s | %" PRId64 " need%s you | %" PRId64
		    " overdue | %s", s->who ? s->who : "", s->needs_me,
		    s->needs_me == 1 ? "s" : "", s->overdue,
		    store_path(app->store));
	else
		line = x_printf("%s | nothing needs you | %" PRId64
		    " overdue | %s", s->who ? s->who : "", s->overdue,
		    store_path(app->store));
	safe = text_escape(line, 0);
	free(line);
	return safe;
}

/*
 * The board is read only while it is shown, my work only counted for the
 * status line while it is not (show() reads a view on entry).
 */
int
views_reload(struct app *app, struct err *e)
{
	struct listview *mine = &app->views.mywork;

	if ((app->view == VIEW_BOARD && board_reload(app, e) < 0) ||
	    (app->view == VIEW_MINE ? listview_reload(mine, app->store, e) :
	    app->defer ? 0 : listview_count(mine, app->store, e)) < 0)
		return -1;
	return status_reload(app, e);
}

void
views_set_heights(struct app *app, int rows)
{
	struct views *v = &app->views;
	struct err e;
	size_t i;

	for (i = 0; i < v->board.n; i++)
		listview_set_height(&v->board.cols[i].lv, app->store, rows,
		    &e);
	listview_set_height(&v->mywork, app->store, rows, &e);
}

struct listview *
views_current_list(struct app *app)
{
	struct board *b = &app->views.board;

	if (app->view == VIEW_MINE)
		return &app->views.mywork;
	if (app->view == VIEW_DELIVERY)
		return &app->delivery;
	if (app->view == VIEW_BOARD && views_board_shown(app) > 0)
		return &b->cols[b->focus].lv;
	return NULL;
}

/* Scope and filters of the recommendations panel. */

void
views_scope(struct app *app)
{
	struct listview *s = &app->lists[PANEL_SUBGROUPS], *r = recs(app);
	int64_t sg = listview_selected_id(s);

	if (app->views.whole || r->filter.search != NULL || sg == 0) {
		listview_set_id(r, &r->filter.subgroup_id, 0);
		listview_set_id(r, &r->filter.commission_id,
		    s->filter.commission_id);
	} else {
		listview_set_id(r, &r->filter.commission_id, 0);
		listview_set_id(r, &r->filter.subgroup_id, sg);
	}
}

char *
views_filter_text(const struct app *app, const struct list_filter *f)
{
	struct buf b;
	char *out;

	(void)app;
	buf_init(&b);
	if (f->stage)
		buf_printf(&b, ", stage %s", f->stage);
	if (f->term)
		buf_printf(&b, ", term %s", f->term);
	if (f->overdue)
		buf_add(&b, ", overdue");
	if (f->mine)
		buf_add(&b, ", mine");
	if (f->search)
		buf_printf(&b, ", search \"%s\"", f->search);
	if (f->sort)
		buf_add(&b, ", stuck longest first");
	out = text_escape(b.len > 2 ? buf_str(&b) + 2 : "", 0);
	buf_done(&b);
	return out;
}

static unsigned
report(struct app *app, const struct err *e)
{
	app_message(app, true, "%s", e->msg);
	return REACT_REDRAW;
}

/* After a filter changed: the panel, the detail and the board follow. */
static unsigned
refilter(struct app *app)
{
	struct listview *r = recs(app);
	struct err e;
	char *words;

	views_scope(app);
	if (listview_reload(r, app->store, &e) < 0 ||
	    app_detail_follow(app, &e) < 0 || (app->view == VIEW_BOARD &&
	    board_reload(app, &e) < 0))
		return report(app, &e);
	words = views_filter_text(app, &r->filter);
	if (*words)
		app_message(app, false, "%" PRId64 " recommendation%s: %s",
		    r->total, r->total == 1 ? "" : "s", words);
	else
		app_message(app, false, "no filters: %" PRId64
		    " recommendation%s", r->total, r->total == 1 ? "" : "s");
	free(words);
	return REACT_REDRAW | REACT_LAYOUT;
}

static void
clear_all(struct app *app)
{
	struct listview *r = recs(app);

	set_text(r, &r->filter.stage, NULL);
	set_text(r, &r->filter.term, NULL);
	set_text(r, &r->filter.search, NULL);
	set_text(r, &r->filter.sort, NULL);
	set_flag(r, &r->filter.overdue, false);
	set_flag(r, &r->filter.mine, false);
	app->views.whole = false;
}

/* The menu. */

/* An item: "* " marks a filter that is on, or the current value. */
static void
menu_add(struct chooser *m, const char *key, int64_t value, bool on,
    const char *why_not, const char *label)
{
	char *text = x_printf("%s %s", on ? "*" : " ", label);

	chooser_add(m, text, why_not, why_not == NULL, key, value);
	free(text);
}

static void
menu_filter(struct app *app)
{
	const struct listview *r = recs(app), *s = &app->lists[PANEL_SUBGROUPS];
	struct chooser *m = &app->views.menu;
	const char *sg = listview_value(s, s->sel, "code");
	bool board = app->view == VIEW_BOARD;
	const char *scope_no = board ? "the board shows the whole commission" :
	    r->filter.search ? "a search covers the whole commission" :
	    sg == NULL ? "no sub-group is selected" : NULL;
	char *label;

	chooser_done(m);
	chooser_init(m, "Filter the recommendations", MENU_FILTER);
	label = x_printf("Stage: %s", r->filter.stage ?
	    views_stage_label(app, r->filter.stage) : "any");
	menu_add(m, "s", 's', r->filter.stage != NULL, board ? "the board "
	    "shows every stage" : NULL, label);
	free(label);
	label = x_printf("Term: %s", r->filter.term ? r->filter.term : "any");
	menu_add(m, "t", 't', r->filter.term != NULL, NULL, label);
	free(label);
	label = x_printf("Whole commission, not only sub-group %s",
	    sg ? sg : "");
	menu_add(m, "g", 'g', app->views.whole, scope_no, label);
	free(label);
	menu_add(m, "o", 'o', r->filter.overdue, NULL, "Overdue only: past "
	    "the target date, not final");
	menu_add(m, "m", 'm', r->filter.mine, store_me(app->store)->id == 0 ?
	    "you are not a person in this database" : NULL, "Mine only: your "
	    "sub-groups, and what you added");
	menu_add(m, "c", 'c', false, NULL, "Clear every filter and the "
	    "search");
}

/* Item keys of the stage and term lists; none of the chooser's own. */
static const char *
menu_key(size_t i)
{
	static const char *const keys[] = { "1", "2", "3", "4", "5", "6",
		"7", "8", "9", "a", "b", "c", "d", "e", "f", "h", "i", "l",
		"m", "n", "o", "p", "r", "s", "t", "u", "v", "w", "x", "y",
		"z" };

	return i < NCOLS(keys) ? keys[i] : NULL;
}

/* Each stage with how many the other filters leave in it; an item's
 * value is the stage's index + 1, 0 for any. */
static int
menu_stages(struct app *app, struct err *e)
{
	const struct workflow *wf = store_workflow(app->store);
	struct listview *r = recs(app);
	struct chooser *m = &app->views.menu;
	struct list_filter f = r->filter;
	const struct workflow_stage *st;
	char *label;
	int64_t n;
	size_t i;

	chooser_done(m);
	chooser_init(m, "Filter by stage", MENU_STAGE);
	menu_add(m, "0", 0, r->filter.stage == NULL, NULL, "any stage");
	for (i = 0; wf != NULL && i < wf->nstages; i++) {
		st = &wf->stages[i];
		f.stage = st->id;
		if (store_list_count(app->store, r->list, &f, &n, e) < 0)
			return -1;
		label = x_printf("%s (%" PRId64 ")", st->label, n);
		menu_add(m, menu_key(i), (int64_t)i + 1, r->filter.stage &&
		    strcmp(r->filter.stage, st->id) == 0, NULL, label);
		free(label);
	}
	return 0;
}

static const char *const terms[][2] = {
	{ "short", "short: 6 months" },
	{ "medium", "medium: 18 months" },
	{ "long", "long: 3 years and more" },
};

static void
menu_terms(struct app *app)
{
	const char *now = recs(app)->filter.term;
	struct chooser *m = &app->views.menu;
	size_t i;

	chooser_done(m);
	chooser_init(m, "Filter by term", MENU_TERM);
	menu_add(m, "0", 0, now == NULL, NULL, "any term");
	for (i = 0; i < NCOLS(terms); i++)
		menu_add(m, menu_key(i), (int64_t)i + 1, now &&
		    strcmp(now, terms[i][0]) == 0, NULL, terms[i][1]);
}

static unsigned
pick_filter(struct app *app, int64_t which)
{
	struct listview *r = recs(app);
	struct err e;

	chooser_done(&app->views.menu);
	switch (which) {
	case 's':
		if (menu_stages(app, &e) < 0) {
			chooser_done(&app->views.menu);
			return report(app, &e);
		}
		return REACT_REDRAW;
	case 't':
		menu_terms(app);
		return REACT_REDRAW;
	case 'g':
		app->views.whole = !app->views.whole;
		break;
	case 'o':
		set_flag(r, &r->filter.overdue, !r->filter.overdue);
		break;
	case 'm':
		set_flag(r, &r->filter.mine, !r->filter.mine);
		break;
	default:
		clear_all(app);
		break;
	}
	return refilter(app);
}

static unsigned
menu_chosen(struct app *app, const struct chooser_item *it)
{
	const struct workflow *wf = store_workflow(app->store);
	struct listview *r = recs(app);
	int kind = app->views.menu.purpose;
	int64_t v = it->value;

	if (kind == MENU_FILTER)
		return pick_filter(app, v);
	if (kind == MENU_ACTIVITY)
		return activity_chosen(app, it);
	chooser_done(&app->views.menu);
	if (kind == MENU_STAGE)
		set_text(r, &r->filter.stage, v > 0 && wf != NULL &&
		    (size_t)v <= wf->nstages ? wf->stages[v - 1].id : NULL);
	else
		set_text(r, &r->filter.term, v > 0 && (size_t)v <=
		    NCOLS(terms) ? terms[v - 1][0] : NULL);
	return refilter(app);
}

bool
views_key(struct app *app, const char *key, unsigned *react)
{
	struct chooser *m = &app->views.menu;
	const struct chooser_item *it;

	if (m->purpose == MENU_NONE)
		return false;
	*react = REACT_REDRAW;
	switch (chooser_key(m, key)) {
	case CHOOSER_CHOSEN:
		*react = menu_chosen(app, chooser_selected(m));
		break;
	case CHOOSER_REFUSED:
		it = chooser_selected(m);
		app_message(app, true, "not here: %s", it->detail);
		break;
	case CHOOSER_CANCEL:
		chooser_done(m);
		break;
	case CHOOSER_MOVED:
		break;
	default:
		if (keymap_lookup(&app->keys, key) == ACTION_FILTER ||
		    keymap_lookup(&app->keys, key) == ACTION_BACK)
			chooser_done(m);
		else
			app_message(app, true, "%s: pick with its key or "
			    "Enter; Escape closes", m->title);
		break;
	}
	return true;
}

/* Opening a recommendation in the main view. */

/* The row of id ID in LV's list, stepping a cursor (never loading the
 * list whole); -1 when the filter leaves it out. */
static int
row_of(struct app *app, const struct listview *lv, int64_t id, int64_t *row,
    struct err *e)
{
	struct list_filter f = lv->filter;
	struct store_cursor *c;
	int64_t n = 0;
	int rc;

	f.limit = 0;
	f.offset = 0;
	*row = -1;
	if (store_list_open(app->store, lv->list, &f, &c, e) < 0)
		return -1;
	while ((rc = store_cursor_next(c, e)) == 1) {
		if (strtoll(store_cursor_text(c, 0), NULL, 10) == id) {
			*row = n;
			break;
		}
		n++;
	}
	store_cursor_close(c);
	return rc < 0 ? -1 : 0;
}

static int
parent_of(struct app *app, enum entity_kind kind, int64_t id,
    const char *field, int64_t *parent, struct err *e)
{
	struct record r;

	if (store_get(app->store, kind, id, &r, e) < 0)
		return -1;
	*parent = strtoll(record_get(&r, field) ? record_get(&r, field) : "0",
	    NULL, 10);
	record_done(&r);
	return 0;
}

/* Selects the row of ID in PANEL; false when the panel does not show it. */
static int
select_in(struct app *app, enum panel panel, int64_t id, bool *found,
    struct err *e)
{
	int64_t row;

	if (row_of(app, &app->lists[panel], id, &row, e) < 0)
		return -1;
	*found = row >= 0;
	if (*found)
		app_select(app, panel, row);
	return 0;
}

static unsigned
open_recommendation(struct app *app, int64_t id)
{
	struct err e;
	int64_t sg, cid;
	bool found;

	if (id == 0)
		return REACT_NONE;
	if (parent_of(app, ENT_RECOMMENDATION, id, "subgroup", &sg, &e) < 0 ||
	    parent_of(app, ENT_SUBGROUP, sg, "commission", &cid, &e) < 0)
		return report(app, &e);
	app->view = VIEW_MAIN;
	if (select_in(app, PANEL_COMMISSIONS, cid, &found, &e) < 0 ||
	    select_in(app, PANEL_SUBGROUPS, sg, &found, &e) < 0 ||
	    select_in(app, PANEL_RECOMMENDATIONS, id, &found, &e) < 0)
		return report(app, &e);
	if (!found) {
		clear_all(app);
		refilter(app);
		if (select_in(app, PANEL_RECOMMENDATIONS, id, &found, &e) < 0)
			return report(app, &e);
		app_message(app, false, "filters cleared to show it");
	}
	app->focus = PANEL_DETAIL;
	return REACT_REDRAW | REACT_LAYOUT;
}

/* Actions. */

unsigned
views_select(struct app *app, size_t column, int64_t row)
{
	struct board *b = &app->views.board;
	struct listview *lv;
	struct err e;

	if (app->view == VIEW_BOARD && column < views_board_shown(app)) {
		b->focus = column;
		board_keep(app);
	}
	if ((lv = views_current_list(app)) == NULL || row >= lv->total)
		return REACT_REDRAW;
	if (listview_goto(lv, app->store, row, &e) < 0)
		return report(app, &e);
	return REACT_REDRAW;
}

static unsigned
show(struct app *app, enum view v)
{
	struct err e;

	app->view = v;
	chooser_done(&app->views.menu);
	if (views_reload(app, &e) < 0)
		return report(app, &e);
	board_keep(app);
	return REACT_REDRAW | REACT_LAYOUT;
}

static unsigned
board_move(struct app *app, int delta)
{
	struct board *b = &app->views.board;

	if (delta < 0 && b->focus == 0)
		return REACT_NONE;
	if (delta > 0 && b->focus + 1 >= views_board_shown(app))
		return REACT_NONE;
	b->focus = (size_t)((int)b->focus + delta);
	board_keep(app);
	return REACT_REDRAW;
}

static unsigned
toggle_final(struct app *app)
{
	struct board *b = &app->views.board;

	if (app->view != VIEW_BOARD) {
		app_message(app, true, "final stages are shown or hidden on "
		    "the stage board (2)");
		return REACT_REDRAW;
	}
	b->show_final = !b->show_final;
	board_keep(app);
	app_message(app, false, "final stages %s", b->show_final ?
	    "shown at the right" : "hidden");
	return REACT_REDRAW | REACT_LAYOUT;
}

/* Stuck longest first, or the usual order: the panel and the board. */
static unsigned
toggle_stuck(struct app *app)
{
	struct listview *r = recs(app);

	if (app->view != VIEW_MAIN && app->view != VIEW_BOARD) {
		app_message(app, true, "s sorts the recommendations (1) and "
		    "the stage board (2)");
		return REACT_REDRAW;
	}
	set_text(r, &r->filter.sort, r->filter.sort ? NULL : "stuck");
	return refilter(app);
}

static unsigned
open_filters(struct app *app)
{
	if (app->view == VIEW_HELP || app->view == VIEW_TIMELINE ||
	    app->view == VIEW_PEOPLE || app->view == VIEW_MINE ||
	    app->view == VIEW_DELIVERY) {
		app_message(app, true, "filters apply to the recommendations "
		    "(1) and the stage board (2)");
		return REACT_REDRAW;
	}
	menu_filter(app);
	return REACT_REDRAW;
}

static unsigned
clear_filters(struct app *app)
{
	clear_all(app);
	refilter(app);
	app_message(app, false, "search and filters cleared");
	return REACT_REDRAW | REACT_LAYOUT;
}

bool
views_action(struct app *app, enum action a, unsigned *react)
{
	struct listview *lv = views_current_list(app);

	switch (a) {
	case ACTION_VIEW_BOARD:
		*react = show(app, VIEW_BOARD);
		return true;
	case ACTION_VIEW_MINE:
		*react = show(app, VIEW_MINE);
		return true;
	case ACTION_FINAL_STAGES:
		*react = toggle_final(app);
		return true;
	case ACTION_SORT_STUCK:
		*react = toggle_stuck(app);
		return true;
	case ACTION_FILTER:
		*react = open_filters(app);
		return true;
	case ACTION_CLEAR:
		*react = clear_filters(app);
		return true;
	case ACTION_OPEN:
		if (lv == NULL)
			return false;
		*react = open_recommendation(app, listview_selected_id(lv));
		return true;
	case ACTION_NEXT_PANEL:
	case ACTION_PREV_PANEL:
		if (app->view != VIEW_BOARD)
			return false;
		*react = board_move(app, a == ACTION_NEXT_PANEL ? 1 : -1);
		return true;
	default:
		return false;
	}
}

/* The detail panel. */

#define LABEL_WIDTH 16	/* "Equality impact " */
#define NO_WRAP (1 << 20)	/* a width no line reaches */

/*
 * TEXT wrapped to the panel, every line after INDENT spaces but the
 * first, which starts with HEAD (safe text) padded to INDENT columns,
 * or at the margin when HEAD is NULL.
 */
static void
detail_wrap(struct detail *d, const char *head, int indent, const char *text)
{
	int width = d->width > 20 ? d->width : 20;
	char *safe = text_escape(text ? text : "", TEXT_KEEP_NEWLINE), *line;
	struct text_lines tl;
	size_t i;

	text_lines_init(&tl);
	text_wrap(safe, width - indent, &tl);
	for (i = 0; i == 0 || i < tl.n; i++) {
		line = x_printf("%-*s%s", i > 0 || head ? indent : 0,
		    i > 0 || !head ? "" : head, i < tl.n ? tl.lines[i] : "");
		text_wrap(*line ? line : " ", NO_WRAP, &d->lines);
		free(line);
	}
	text_lines_done(&tl);
	free(safe);
}

/* "Label           value", the value's lines aligned; on a narrow panel
 * the label on a line of its own. */
static void
detail_add(struct detail *d, const char *label, const char *value)
{
	if (d->width >= 2 * LABEL_WIDTH + 4) {
		detail_wrap(d, label, LABEL_WIDTH, value);
	} else {
		detail_wrap(d, label, 0, "");
		detail_wrap(d, "", 2, value);
	}
}

/* "2012-01-17 14:03" in local time, from the audit's UTC time. */
static void
local_time(const char *utc, char *out, size_t size)
{
	struct tm tm;
	time_t t;

	memset(&tm, 0, sizeof tm);
	if (utc == NULL || sscanf(utc, "%d-%d-%d %d:%d:%d", &tm.tm_year,
	    &tm.tm_mon, &tm.tm_mday, &tm.tm_hour, &tm.tm_min,
	    &tm.tm_sec) != 6) {
		snprintf(out, size, "%.16s", utc ? utc : "");
		return;
	}
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	t = timegm(&tm);
	if (localtime_r(&t, &tm) == NULL ||
	    strftime(out, size, "%Y-%m-%d %H:%M", &tm) == 0)
		snprintf(out, size, "%.16s", utc);
}

static bool
has_word(const char *list, const char *word)
{
	size_t n = strlen(word);
	const char *p;

	for (p = list; p && (p = strstr(p, word)) != NULL; p += n)
		if ((p == list || p[-1] == ',') && (p[n] == ',' ||
		    p[n] == '\0'))
			return true;
	return false;
}

/* "title, term changed", by the labels of ENT's fields. */
static void
changed_fields(struct buf *b, const struct entity *ent, const char *fields)
{
	const char *label;
	bool first = true;
	size_t i;

	for (i = 0; i < ent->nfields; i++) {
		if (!has_word(fields, ent->fields[i].name))
			continue;
		label = ent->fields[i].label;
		buf_printf(b, "%s%c%s", first ? "" : ", ",
		    label[0] >= 'A' && label[0] <= 'Z' ? label[0] - 'A' + 'a' :
		    label[0], label + 1);
		first = false;
	}
	buf_add(b, first ? "edited" : " changed");
}

static const char *
column(struct store_cursor *c, const char *name)
{
	const char *const *names;
	size_t n, i;

	names = store_cursor_columns(c, &n);
	for (i = 0; i < n; i++)
		if (strcmp(names[i], name) == 0)
			return store_cursor_text(c, i);
	return NULL;
}

static void
history_advance(struct buf *b, struct store_cursor *c)
{
	const char *fields = column(c, "fields"), *body = column(c, "body");
	char *from = human(column(c, "from_stage"));
	char *to = human(column(c, "to_stage"));
	char *outcome = human(column(c, "decision"));

	buf_printf(b, "stage %s → %s", from, to);
	if (body != NULL)
		buf_printf(b, " (%s, %s: %s)", workflow_body_label(body),
		    column(c, "held"), outcome);
	if (has_word(fields, "target"))
		buf_add(b, "; target date set");
	if (has_word(fields, "resubmits"))
		buf_add(b, "; resubmitted after its referral back");
	free(from);
	free(to);
	free(outcome);
}

/* One entry of ENT's audit trail in words. */
static char *
history_line(struct store_cursor *c, const struct entity *ent)
{
	const char *action = column(c, "action"), *name = column(c, "name");
	char when[32], *words;
	struct buf b;

	buf_init(&b);
	local_time(column(c, "at"), when, sizeof when);
	buf_printf(&b, "%s %s: ", when, name ? name : column(c, "login"));
	if (strcmp(action, "create") == 0)
		buf_add(&b, "added");
	else if (strcmp(action, "update") == 0)
		changed_fields(&b, ent, column(c, "fields"));
	else if (strcmp(action, "advance") == 0)
		history_advance(&b, c);
	else if (strcmp(action, "archive") == 0)
		buf_add(&b, "archived");
	else {
		words = human(action);
		buf_add(&b, words);
		free(words);
	}
	return buf_steal(&b);
}

/* The history of the record D shows, of kind ENT. */
static int
detail_history(struct app *app, struct detail *d, const struct entity *ent,
    struct err *e)
{
	struct list_filter f = { .record = d->id, .entity = ent->name };
	struct store_cursor *c;
	const char *note;
	char *line;
	int rc;

	if (store_list_open(app->store, "history", &f, &c, e) < 0)
		return -1;
	detail_wrap(d, NULL, 0, "");
	detail_wrap(d, "History", 0, "");
	while ((rc = store_cursor_next(c, e)) == 1) {
		line = history_line(c, ent);
		detail_wrap(d, NULL, 2, line);
		free(line);
		note = column(c, "note");
		if (note != NULL && *note != '\0')
			detail_wrap(d, "", 4, note);
	}
	store_cursor_close(c);
	return rc;
}

/* "Lee Chair (lclchair), chair of LCL", or who could be. */
static int
detail_owner(struct app *app, struct detail *d, const char *subgroup,
    struct err *e)
{
	struct list_filter f = { .subgroup_id = subgroup ?
	    strtoll(subgroup, NULL, 10) : -1 };
	struct store_cursor *c;
	char *owner = NULL;
	const char *login;
	int rc;

	if (store_list_open(app->store, "members", &f, &c, e) < 0)
		return -1;
	while ((rc = store_cursor_next(c, e)) == 1) {
		if (strcmp(store_cursor_text(c, 5), "chair") != 0)
			continue;
		login = store_cursor_text(c, 3);
		owner = x_printf("%s%s%s%s, chair of %s-%s",
		    store_cursor_text(c, 4), login ? " (" : "",
		    login ? login : "", login ? ")" : "",
		    store_cursor_text(c, 1), store_cursor_text(c, 2));
		break;
	}
	store_cursor_close(c);
	if (rc >= 0)
		detail_add(d, "Owner", owner ? owner : "no chair: the "
		    "sub-group has none yet");
	free(owner);
	return rc < 0 ? -1 : 0;
}

/*
 * "In this stage since 2026-10-01 (52 days)", from the panel's row: the
 * days the store counted to today, so the date is today less them.
 */
static void
detail_in_stage(struct app *app, struct detail *d)
{
	const struct listview *r = recs(app);
	const char *days = listview_value(r, r->sel, "days_in_stage");
	char since[DATE_ISO_SIZE], *line;
	int32_t n;

	if (days == NULL)
		return;
	n = (int32_t)strtol(days, NULL, 10);
	date_format_iso(date_from_days(date_to_days(date_today()) - n), since);
	line = x_printf("In this stage since %s (%" PRId32 " day%s)", since,
	    n, n == 1 ? "" : "s");
	detail_wrap(d, "", d->width >= 2 * LABEL_WIDTH + 4 ? LABEL_WIDTH : 2,
	    line);
	free(line);
}

/* The revised date when set, else the target (field I). */
static const char *
due_date(const struct record *r, size_t i)
{
	const char *revised = record_get(r, "revised");

	return revised && *revised ? revised : r->stored[i];
}

static void
detail_field(struct app *app, struct detail *d, const struct record *r,
    size_t i)
{
	const struct field *fd = &r->ent->fields[i];
	const char *stage = record_get(r, "stage");
	char *value;

	if (strcmp(fd->name, "stage") == 0) {
		value = x_printf("%s (%s)", views_stage_label(app, stage),
		    stage);
	} else if (strcmp(fd->name, "target") == 0 && r->shown[i] &&
	    overdue(app, stage, due_date(r, i))) {
		value = x_printf("%s  ! overdue", r->shown[i]);
	} else {
		detail_add(d, fd->label, r->shown[i]);
		return;
	}
	detail_add(d, fd->label, value);
	free(value);
	if (strcmp(fd->name, "stage") == 0)
		detail_in_stage(app, d);
}

/* "2013-07-01 Zoë Whitfield: 55%" and the note below it. */
static void
detail_update(struct detail *d, struct store_cursor *c)
{
	const char *name = column(c, "name"), *pct = column(c, "percent");
	const char *note = column(c, "note");
	char *line;

	line = x_printf("%s %s%s%s%s", column(c, "at"), name ? name : "",
	    pct ? ": " : "", pct ? pct : "", pct ? "%" : "");
	detail_wrap(d, NULL, 2, line);
	free(line);
	if (note != NULL && *note != '\0')
		detail_wrap(d, "", 4, note);
}

/*
 * An adopted recommendation's delivery: its colour and why (never typed
 * in: store/delivery.h), the delivery fields, the latest updates.
 */
static int
detail_delivery(struct app *app, struct detail *d, const struct record *r,
    struct err *e)
{
	struct list_filter f = { .record = r->id, .limit = 3 };
	struct rag_result rag;
	struct store_cursor *c;
	char why[160], *line;
	size_t i, n = 0;
	int rc;

	if (store_delivery_rag(app->store, r->id, &rag, e) < 0)
		return -1;
	rag_explain(rag, why, sizeof why);
	line = x_printf("%s: %s", rag_name(rag.rag), why);
	detail_add(d, "Delivery", line);
	free(line);
	for (i = 0; i < r->ent->nfields; i++)
		if (r->ent->fields[i].flags & FIELD_DELIVERY)
			detail_add(d, r->ent->fields[i].label, r->shown[i]);
	if (store_list_open(app->store, "updates", &f, &c, e) < 0)
		return -1;
	detail_wrap(d, NULL, 0, "");
	detail_wrap(d, "Latest progress updates (u adds one)", 0, "");
	while ((rc = store_cursor_next(c, e)) == 1) {
		detail_update(d, c);
		n++;
	}
	store_cursor_close(c);
	if (rc == 0 && n == 0)
		detail_wrap(d, NULL, 2, "none yet");
	return rc;
}

/* "2012-01-17 14:03 by Ada Admin, version 3". */
static void
detail_changed(struct detail *d, const struct record *r)
{
	char when[32], *updated;

	local_time(r->updated_at, when, sizeof when);
	updated = x_printf("%s%s%s, version %" PRId64, when,
	    r->updated_by && *r->updated_by ? " by " : "",
	    r->updated_by ? r->updated_by : "", r->version);
	detail_add(d, "Last changed", updated);
	free(updated);
}

/* Empties D for the record ID, back at the top when it is another. */
static void
detail_reset(struct detail *d, int64_t id)
{
	if (id != d->id)
		d->scroll = 0;
	d->id = id;
	text_lines_done(&d->lines);
	text_lines_init(&d->lines);
}

int
views_detail(struct app *app, struct err *e)
{
	struct detail *d = &app->detail;
	int64_t id = listview_selected_id(recs(app));
	struct record r;
	size_t i;
	int rc;

	detail_reset(d, id);
	if (id == 0)
		return 0;
	if (store_get(app->store, ENT_RECOMMENDATION, id, &r, e) < 0)
		return -1;
	for (i = 0; i < r.ent->nfields; i++)
		if (!(r.ent->fields[i].flags & FIELD_DELIVERY))
			detail_field(app, d, &r, i);
	rc = detail_owner(app, d, record_get(&r, "subgroup"), e);
	if (rc == 0 && store_delivery_stage(app->store, record_get(&r,
	    "stage")))
		rc = detail_delivery(app, d, &r, e);
	detail_changed(d, &r);
	record_done(&r);
	return rc < 0 ? -1 : detail_history(app, d,
	    entity_get(ENT_RECOMMENDATION), e);
}

unsigned
views_open_recommendation(struct app *app, int64_t id)
{
	return open_recommendation(app, id);
}

/*
 * A milestone's dates as the store derived them from its timescale (the
 * "milestones" list has them), and its due state today.
 */
static void
milestone_dates(struct app *app, struct detail *d, struct store_cursor *c,
    const char *state)
{
	const char *earliest = column(c, "earliest"), *latest = column(c,
	    "latest"), *dating = column(c, "dating");
	int32_t today = date_to_days(date_today());
	char iso[DATE_ISO_SIZE], *line;
	enum rag_due due;

	if (earliest == NULL)
		line = x_printf("none (%s: %s)", dating, strcmp(dating,
		    "tbc") == 0 ? "to be confirmed" : "no date in the text");
	else if (strcmp(earliest, latest) == 0)
		line = x_printf("%s (%s)", earliest, dating);
	else
		line = x_printf("%s to %s (%s)", earliest, latest, dating);
	detail_add(d, "Dates", line);
	free(line);
	due = rag_due(date_days_of(earliest, RAG_NO_DATE),
	    date_days_of(latest, RAG_NO_DATE), strcmp(state, "done") == 0,
	    strcmp(state, "cancelled") == 0, today,
	    app->session->config.amber_days);
	date_format_iso(date_from_days(today), iso);
	line = x_printf("%s (today is %s)", rag_due_name(due), iso);
	detail_add(d, "Due", line);
	free(line);
}

int
views_milestone_detail(struct app *app, struct detail *d, int64_t id,
    struct err *e)
{
	struct list_filter f = { .record = id, .archived = true };
	struct store_cursor *c;
	const char *name;
	struct record r;
	size_t i;
	int rc;

	detail_reset(d, id);
	if (store_get(app->store, ENT_MILESTONE, id, &r, e) < 0)
		return -1;
	if (store_list_open(app->store, "milestones", &f, &c, e) < 0) {
		record_done(&r);
		return -1;
	}
	rc = store_cursor_next(c, e);
	for (i = 0; rc >= 0 && i < r.ent->nfields; i++) {
		name = r.ent->fields[i].name;
		/* a sub-group's milestone: the sub-group's commission */
		detail_add(d, r.ent->fields[i].label, rc == 1 && strcmp(name,
		    "commission") == 0 && r.stored[i] == NULL ?
		    column(c, "commission") : r.shown[i]);
		if (rc == 1 && strcmp(name, "timescale") == 0)
			milestone_dates(app, d, c, record_get(&r, "state"));
	}
	store_cursor_close(c);
	if (rc >= 0)
		detail_changed(d, &r);
	record_done(&r);
	return rc < 0 ? -1 : detail_history(app, d,
	    entity_get(ENT_MILESTONE), e);
}
