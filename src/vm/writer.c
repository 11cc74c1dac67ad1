/*
 * writer.c: the keys that change data, and drafts (see writer.h).
 *
 * What a key acts on comes from where the person is: the focused panel
 * says what kind of record to add, the selection what to edit, move or
 * archive, and the panels to its left what to fill in (a new sub-group
 * is in the selected commission). Rights are the store's: before a form
 * is opened the store is asked whether the person may write there at
 * all, so nobody types a page only to be told no; the save itself is
 * checked again, whatever the form said.
 */
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "coopcom/store/delivery.h"
#include "coopcom/store/list.h"
#include "coopcom/util/buf.h"
#include "coopcom/util/text.h"
#include "coopcom/util/xalloc.h"
#include "coopcom/vm/app.h"
#include "coopcom/vm/writer.h"

/* What a chooser was opened for. */
enum purpose {
	FOR_KIND = 1,		/* what to add */
	FOR_MOVE,		/* which stage to move a recommendation to */
	FOR_MEETING,		/* which meeting decided it */
	FOR_WITHDRAW,		/* withdraw or archive a recommendation */
	FOR_DRAFT,		/* restore, discard or keep a draft */
	FOR_DAMAGED,		/* leave or delete a damaged draft */
	FOR_EDIT_KIND,		/* what kind of record to edit (E) */
	FOR_EDIT_RECORD		/* which record of that kind */
};

/* What the meeting chooser's answer is for. */
enum meeting_use {
	MEETING_FOR_MOVE,
	MEETING_FOR_DECISION
};

/* The kind chooser's value for a person joining a sub-group. */
#define ADD_JOIN ENT_COUNT

/* A stage change being put together: the move, then what it needs. */
struct pending_move {
	int64_t rec;			/* the recommendation */
	int64_t version;		/* as shown when the move was chosen */
	char *ref;			/* its reference, for messages */
	char *commission;		/* its commission's code */
	const struct workflow_transition *t;	/* borrowed from workflow */
	char *note;			/* the reason given, or NULL */
	int64_t meeting;		/* the meeting that decided it, or 0 */
};

/* The record a confirmation is about. */
struct target {
	enum entity_kind kind;
	int64_t id;
	int64_t version;		/* as shown when asked */
	char *what;			/* "sub-group CC-LCL" */
};

struct writer {
	bool form_open;
	struct form form;
	bool chooser_open;
	struct chooser chooser;
	struct store_move *moves;	/* while the move chooser is open */
	size_t nmoves;
	struct pending_move move;
	enum meeting_use meeting_use;
	char *decision_rec;		/* the decision form's recommendation */
	struct target target;
	enum entity_kind edit_kind;	/* while the E choosers are open */
	struct draft draft;		/* offered at the start */
	char *draft_path;		/* where drafts of this session go */
	bool draft_pending;		/* the file was offered, and kept */
	bool form_from_draft;		/* saving or dropping it ends it */
};

static struct writer *
writer_of(struct app *app)
{
	if (app->writer == NULL)
		app->writer = x_calloc(1, sizeof *app->writer);
	return app->writer;
}

static void
move_clear(struct pending_move *m)
{
	free(m->ref);
	free(m->commission);
	free(m->note);
	memset(m, 0, sizeof *m);
}

static void
target_clear(struct target *t)
{
	free(t->what);
	memset(t, 0, sizeof *t);
}

static void
chooser_close(struct writer *w)
{
	if (w->chooser_open)
		chooser_done(&w->chooser);
	w->chooser_open = false;
	store_moves_free(w->moves, w->nmoves);
	w->moves = NULL;
	w->nmoves = 0;
}

void
writer_free(struct writer *w)
{
	if (w == NULL)
		return;
	chooser_close(w);
	if (w->form_open)
		form_done(&w->form);
	move_clear(&w->move);
	target_clear(&w->target);
	draft_done(&w->draft);
	free(w->decision_rec);
	free(w->draft_path);
	free(w);
}

bool
writer_busy(const struct app *app)
{
	return app->writer != NULL && (app->writer->form_open ||
	    app->writer->chooser_open);
}

struct form *
writer_form(struct app *app)
{
	return app->writer && app->writer->form_open ? &app->writer->form :
	    NULL;
}

struct chooser *
writer_chooser(struct app *app)
{
	return app->writer && app->writer->chooser_open ?
	    &app->writer->chooser : NULL;
}

static unsigned
fail(struct app *app, const struct err *e)
{
	app_message(app, true, "%s", e->msg);
	return REACT_REDRAW;
}

static unsigned
open_chooser(struct app *app)
{
	writer_of(app)->chooser_open = true;
	return REACT_REDRAW | REACT_LAYOUT;
}

/* Asks a y/n question on the bottom line. */
static unsigned
confirm(struct app *app, unsigned (*done)(struct app *, bool),
    const char *fmt, const char *what)
{
	struct prompt *p = &app->prompt;
	char *safe = text_escape(what, 0);

	p->kind = PROMPT_CONFIRM;
	snprintf(p->label, sizeof p->label, fmt, safe);
	p->on_change = NULL;
	p->on_done = done;
	free(safe);
	return REACT_REDRAW | REACT_LAYOUT;
}

static unsigned
ask_line(struct app *app, unsigned (*done)(struct app *, bool),
    const char *fmt, const char *what)
{
	unsigned r = confirm(app, done, fmt, what);

	app->prompt.kind = PROMPT_LINE;
	lineedit_set(&app->prompt.edit, "");
	return r;
}

/* ---- where the person is ---- */

static const struct {
	const char *list;
	enum entity_kind kind;
} list_kinds[] = {
	{ "commissions", ENT_COMMISSION },
	{ "subgroups", ENT_SUBGROUP },
	{ "recommendations", ENT_RECOMMENDATION },
	{ "mywork", ENT_RECOMMENDATION },
	{ "delivery", ENT_RECOMMENDATION },
	{ "milestones", ENT_MILESTONE },
	{ "people", ENT_PERSON },
	{ "meetings", ENT_MEETING },
	{ "engagement", ENT_ENGAGEMENT },
};

static bool
list_kind(const struct listview *lv, enum entity_kind *kind)
{
	size_t i;

	for (i = 0; lv != NULL && i < sizeof list_kinds / sizeof list_kinds[0];
	    i++) {
		if (strcmp(lv->list, list_kinds[i].list) == 0) {
			*kind = list_kinds[i].kind;
			return true;
		}
	}
	return false;
}

/* A timeline row is a milestone or a dated recommendation. */
static bool
timeline_pick(const struct listview *lv, enum entity_kind *kind, int64_t *id)
{
	const char *k = listview_value(lv, lv->sel, "kind");
	const char *v = listview_value(lv, lv->sel, "id");

	if (k == NULL || v == NULL || lv->total == 0)
		return false;
	*kind = strcmp(k, "milestone") == 0 ? ENT_MILESTONE :
	    ENT_RECOMMENDATION;
	*id = strtoll(v, NULL, 10);
	return *id != 0;
}

/* The record the cursor is on: a list's row, or the detail panel's. */
static bool
selected(struct app *app, enum entity_kind *kind, int64_t *id)
{
	struct listview *lv;

	if (app->view == VIEW_MAIN && app->focus == PANEL_DETAIL) {
		*kind = ENT_RECOMMENDATION;
		*id = app->detail.id;
		return *id != 0;
	}
	lv = app_current_list(app);
	if (lv != NULL && strncmp(lv->list, "timeline", 8) == 0)
		return timeline_pick(lv, kind, id);
	if (!list_kind(lv, kind))
		return false;
	*id = listview_selected_id(lv);
	return *id != 0;
}

static int64_t
selected_in(struct app *app, enum panel p)
{
	return listview_selected_id(&app->lists[p]);
}

static int64_t
stored_id(const struct record *r, const char *name)
{
	const char *v = record_get(r, name);

	return v ? strtoll(v, NULL, 10) : 0;
}

/* What a person would type to name record ID of KIND; NULL if none. */
static char *
name_for_typing(struct store *st, enum entity_kind kind, int64_t id)
{
	struct record r;
	struct err e;
	const char *v;
	char *s = NULL;

	if (id == 0 || store_get(st, kind, id, &r, &e) < 0)
		return NULL;
	switch (kind) {
	case ENT_COMMISSION:
		s = x_strdup(record_get(&r, "code"));
		break;
	case ENT_SUBGROUP:
		s = x_printf("%s-%s", r.shown[entity_field_index(r.ent,
		    entity_field(r.ent, "commission"))],
		    record_get(&r, "code"));
		break;
	case ENT_PERSON:
		v = record_get(&r, "login");
		s = x_strdup(v ? v : record_get(&r, "name"));
		break;
	case ENT_RECOMMENDATION:
		s = x_strdup(record_get(&r, "ref"));
		break;
	default:
		s = x_printf("%" PRId64, id);
		break;
	}
	record_done(&r);
	return s;
}

/* The commission and sub-group a record belongs to, for the rights. */
static int
scope_of(struct store *st, enum entity_kind kind, int64_t id, int64_t *cid,
    int64_t *sgid, struct err *e)
{
	struct record r;

	*cid = *sgid = 0;
	if (kind == ENT_PERSON)
		return 0;
	if (store_get(st, kind, id, &r, e) < 0)
		return -1;
	*cid = kind == ENT_COMMISSION ? id : stored_id(&r, "commission");
	*sgid = kind == ENT_SUBGROUP ? id : stored_id(&r, "subgroup");
	record_done(&r);
	if (*sgid == 0 || *cid != 0)
		return 0;
	if (store_get(st, ENT_SUBGROUP, *sgid, &r, e) < 0)
		return -1;
	*cid = stored_id(&r, "commission");
	record_done(&r);
	return 0;
}

static bool
may_write(struct app *app, enum entity_kind kind, int64_t cid, int64_t sgid)
{
	struct err e;

	err_clear(&e);
	if (store_may_write(app->store, kind, cid, sgid, &e) == 0)
		return true;
	fail(app, &e);
	return false;
}

/* ---- forms ---- */

static unsigned
open_form(struct app *app)
{
	writer_of(app)->form_open = true;
	return REACT_REDRAW | REACT_LAYOUT;
}

static void
form_close(struct app *app)
{
	struct writer *w = writer_of(app);
	struct err e;

	if (w->form_open)
		form_done(&w->form);
	w->form_open = false;
	if (w->form_from_draft && w->draft_path != NULL &&
	    draft_remove(w->draft_path, &e) < 0)
		app_message(app, true, "%s", e.msg);
	w->form_from_draft = false;
}

static void
prefill_ref(struct app *app, const char *field, enum entity_kind kind,
    int64_t id)
{
	char *text = name_for_typing(app->store, kind, id);

	if (text != NULL)
		form_prefill(&writer_of(app)->form, field, text);
	free(text);
}

/* A new record of KIND, filled in from the panels' selections. */
static unsigned
add_kind(struct app *app, enum entity_kind kind)
{
	struct writer *w = writer_of(app);
	int64_t cid = selected_in(app, PANEL_COMMISSIONS);
	int64_t sgid = selected_in(app, PANEL_SUBGROUPS);

	switch (kind) {
	case ENT_COMMISSION:
	case ENT_PERSON:
		if (!may_write(app, kind, 0, 0))
			return REACT_REDRAW;
		break;
	case ENT_SUBGROUP:
		if (!may_write(app, kind, cid, 0))
			return REACT_REDRAW;
		break;
	case ENT_RECOMMENDATION:
	case ENT_ENGAGEMENT:
		if (!may_write(app, kind, cid, sgid))
			return REACT_REDRAW;
		break;
	default:
		if (store_me(app->store)->id == 0 &&
		    !may_write(app, kind, 0, 0))
			return REACT_REDRAW;
		break;
	}
	form_init_create(&w->form, app->store, kind, FORM_CREATE);
	if (kind == ENT_RECOMMENDATION || kind == ENT_ENGAGEMENT)
		prefill_ref(app, "subgroup", ENT_SUBGROUP, sgid);
	else if (kind != ENT_COMMISSION)
		prefill_ref(app, "commission", ENT_COMMISSION, cid);
	return open_form(app);
}

static unsigned meetings_chooser(struct app *app, const char *title,
    const char *body, const char *commission, enum meeting_use use);
static unsigned edit_record(struct app *app, enum entity_kind kind,
    int64_t id);
static bool cell_is(struct store_cursor *cur, size_t col, const char *want);
static size_t column(struct store_cursor *cur, const char *name);

static unsigned
add_decision(struct app *app)
{
	struct writer *w = writer_of(app);
	int64_t rec = app->detail.id;
	char *code = name_for_typing(app->store, ENT_COMMISSION,
	    selected_in(app, PANEL_COMMISSIONS));
	unsigned r;

	free(w->decision_rec);
	w->decision_rec = name_for_typing(app->store, ENT_RECOMMENDATION,
	    rec);
	r = meetings_chooser(app, "The decision was made at which meeting?",
	    NULL, code, MEETING_FOR_DECISION);
	free(code);
	return r;
}

static unsigned
decision_form(struct app *app, int64_t meeting)
{
	struct writer *w = writer_of(app);
	char id[24];

	form_init_create(&w->form, app->store, ENT_DECISION, FORM_CREATE);
	snprintf(id, sizeof id, "%" PRId64, meeting);
	form_prefill(&w->form, "meeting", id);
	if (w->decision_rec != NULL)
		form_prefill(&w->form, "recommendation", w->decision_rec);
	return open_form(app);
}

static unsigned
join_form(struct app *app)
{
	struct writer *w = writer_of(app);
	int64_t cid = selected_in(app, PANEL_COMMISSIONS);
	int64_t sgid = selected_in(app, PANEL_SUBGROUPS);
	enum entity_kind kind;
	int64_t person = 0;

	if (sgid == 0) {
		app_message(app, true, "Select a sub-group first: J adds a "
		    "member to the selected sub-group");
		return REACT_REDRAW;
	}
	if (!may_write(app, ENT_SUBGROUP_MEMBER, cid, sgid))
		return REACT_REDRAW;
	if (app->view != VIEW_MAIN && selected(app, &kind, &person) &&
	    kind != ENT_PERSON)
		person = 0;
	form_init_create(&w->form, app->store, ENT_SUBGROUP_MEMBER, FORM_JOIN);
	prefill_ref(app, "subgroup", ENT_SUBGROUP, sgid);
	prefill_ref(app, "person", ENT_PERSON, person);
	form_prefill(&w->form, "role", "member");
	return open_form(app);
}

static unsigned
join(struct app *app)
{
	if (app->view == VIEW_MAIN && app->focus == PANEL_COMMISSIONS)
		return add_kind(app, ENT_COMMISSION_MEMBER);
	return join_form(app);
}

/* An item chosen by KEY, shown as "KEY  LABEL". */
static void
add_keyed(struct chooser *c, const char *key, const char *label,
    int64_t value)
{
	char *text = x_printf("%s  %s", key, label);

	chooser_add(c, text, NULL, true, key, value);
	free(text);
}

static unsigned
kinds_chooser(struct app *app)
{
	struct writer *w = writer_of(app);
	static const struct {
		const char *key, *label;
		int kind;
	} kinds[] = {
		{ "r", "Recommendation of the selected sub-group",
		    ENT_RECOMMENDATION },
		{ "e", "Engagement by the selected sub-group", ENT_ENGAGEMENT },
		{ "m", "Meeting", ENT_MEETING },
		{ "d", "Decision of a meeting on the selected recommendation",
		    ENT_DECISION },
		{ "t", "Milestone on the timeline", ENT_MILESTONE },
		{ "u", "Member of the selected sub-group", ADD_JOIN },
		{ "n", "Member of the selected commission",
		    ENT_COMMISSION_MEMBER },
		{ "s", "Sub-group of the selected commission", ENT_SUBGROUP },
		{ "c", "Commission", ENT_COMMISSION },
		{ "p", "Person", ENT_PERSON },
	};
	size_t i;

	chooser_init(&w->chooser, "Add what?", FOR_KIND);
	for (i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		add_keyed(&w->chooser, kinds[i].key, kinds[i].label,
		    kinds[i].kind);
	return open_chooser(app);
}

static unsigned
add(struct app *app)
{
	enum entity_kind kind;

	if (app->view == VIEW_MAIN) {
		switch (app->focus) {
		case PANEL_COMMISSIONS:
			return add_kind(app, ENT_COMMISSION);
		case PANEL_SUBGROUPS:
			return add_kind(app, ENT_SUBGROUP);
		case PANEL_RECOMMENDATIONS:
			return add_kind(app, ENT_RECOMMENDATION);
		default:
			return kinds_chooser(app);
		}
	}
	if (list_kind(app_current_list(app), &kind))
		return add_kind(app, kind);
	return kinds_chooser(app);
}

static unsigned
edit(struct app *app)
{
	enum entity_kind kind;
	int64_t id;

	if (!selected(app, &kind, &id)) {
		app_message(app, true, "Nothing is selected to edit");
		return REACT_REDRAW;
	}
	return edit_record(app, kind, id);
}

static unsigned
edit_record(struct app *app, enum entity_kind kind, int64_t id)
{
	struct writer *w = writer_of(app);
	int64_t cid, sgid;
	struct err e;

	err_clear(&e);
	if (scope_of(app->store, kind, id, &cid, &sgid, &e) < 0)
		return fail(app, &e);
	if (!may_write(app, kind, cid, sgid))
		return REACT_REDRAW;
	if (form_init_edit(&w->form, app->store, kind, id, &e) < 0)
		return fail(app, &e);
	return open_form(app);
}

/*
 * E: the records that have no list panel of their own (members,
 * engagement, meetings, decisions, milestones) are picked in two
 * choosers, kind then record, from the selected commission, sub-group
 * or recommendation.
 */
static const struct other {
	const char *key, *label, *list;
	enum entity_kind kind;
	const char *shown[3];		/* the list's columns in the label */
} others[] = {
	{ "u", "Member of the selected sub-group", "members",
	    ENT_SUBGROUP_MEMBER, { "name", "role", "joined" } },
	{ "n", "Member of the selected commission", "members",
	    ENT_COMMISSION_MEMBER, { "name", "role", "joined" } },
	{ "e", "Engagement by the selected sub-group", "engagement",
	    ENT_ENGAGEMENT, { "date", "method", "audience" } },
	{ "m", "Meeting of the selected commission", "meetings",
	    ENT_MEETING, { "date", "body", "title" } },
	{ "d", "Decision on the selected recommendation", "decisions",
	    ENT_DECISION, { "date", "body", "decision" } },
	{ "t", "Milestone of the selected commission", "milestones",
	    ENT_MILESTONE, { "title", "timescale", NULL } },
};

/* A chooser is no place for a whole table: it lists this many. */
#define OTHERS_MAX 500

static const struct other *
other_of(enum entity_kind kind)
{
	size_t i;

	for (i = 0; i < sizeof others / sizeof others[0]; i++)
		if (others[i].kind == kind)
			return &others[i];
	return NULL;
}

static unsigned
edit_other(struct app *app)
{
	struct writer *w = writer_of(app);
	size_t i;

	chooser_init(&w->chooser, "Edit what?", FOR_EDIT_KIND);
	for (i = 0; i < sizeof others / sizeof others[0]; i++)
		add_keyed(&w->chooser, others[i].key, others[i].label,
		    others[i].kind);
	return open_chooser(app);
}

/* Whether the row belongs to what was selected (lists filter the rest). */
static bool
other_row(struct store_cursor *cur, enum entity_kind kind, const char *ref)
{
	const char *sg;

	if (kind == ENT_COMMISSION_MEMBER) {
		sg = store_cursor_text(cur, column(cur, "subgroup"));
		return sg == NULL || *sg == '\0';
	}
	if (kind == ENT_DECISION)
		return ref != NULL && cell_is(cur, column(cur, "ref"), ref);
	return true;
}

static void
add_other_item(struct chooser *c, struct store_cursor *cur,
    const struct other *o)
{
	struct buf b;
	const char *v;
	size_t i;

	buf_init(&b);
	for (i = 0; i < 3 && o->shown[i] != NULL; i++) {
		v = store_cursor_text(cur, column(cur, o->shown[i]));
		if (v != NULL && *v != '\0')
			buf_printf(&b, "%s%s", b.len ? "  " : "", v);
	}
	chooser_add(c, buf_str(&b), NULL, true, NULL,
	    strtoll(store_cursor_text(cur, column(cur, "id")), NULL, 10));
	buf_done(&b);
}

static unsigned
other_chooser(struct app *app, enum entity_kind kind)
{
	struct writer *w = writer_of(app);
	const struct other *o = other_of(kind);
	struct list_filter f;
	struct store_cursor *cur;
	struct err e;
	char *ref, *title;
	int rc = 0;

	memset(&f, 0, sizeof f);
	err_clear(&e);
	f.commission_id = selected_in(app, PANEL_COMMISSIONS);
	if (kind == ENT_SUBGROUP_MEMBER || kind == ENT_ENGAGEMENT)
		f.subgroup_id = selected_in(app, PANEL_SUBGROUPS);
	if (f.commission_id == 0 || (f.subgroup_id == 0 &&
	    (kind == ENT_SUBGROUP_MEMBER || kind == ENT_ENGAGEMENT))) {
		app_message(app, true, "Select a %s first", f.commission_id ?
		    "sub-group" : "commission");
		return REACT_REDRAW;
	}
	if (store_list_open(app->store, o->list, &f, &cur, &e) < 0)
		return fail(app, &e);
	ref = name_for_typing(app->store, ENT_RECOMMENDATION,
	    selected_in(app, PANEL_RECOMMENDATIONS));
	title = x_printf("Edit which? (%s)", o->label);
	chooser_init(&w->chooser, title, FOR_EDIT_RECORD);
	free(title);
	while (w->chooser.n < OTHERS_MAX && (rc = store_cursor_next(cur,
	    &e)) == 1)
		if (other_row(cur, kind, ref))
			add_other_item(&w->chooser, cur, o);
	if (rc == 1 && (rc = store_cursor_next(cur, &e)) == 1) {
		title = x_printf("Only the first %d are listed here",
		    OTHERS_MAX);
		chooser_add(&w->chooser, "... and more", title, false, NULL, 0);
		free(title);
	}
	store_cursor_close(cur);
	free(ref);
	if (rc < 0 || w->chooser.n == 0) {
		chooser_done(&w->chooser);
		if (rc < 0)
			return fail(app, &e);
		app_message(app, true, "None is recorded: %s", o->label);
		return REACT_REDRAW;
	}
	w->edit_kind = kind;
	return open_chooser(app);
}

/* u: a progress update on the selected recommendation, once adopted. */
static unsigned
progress_form(struct app *app)
{
	struct writer *w = writer_of(app);
	enum entity_kind kind;
	struct record r;
	struct err e;
	int64_t id;
	bool adopted;

	err_clear(&e);
	if (!selected(app, &kind, &id) || kind != ENT_RECOMMENDATION) {
		app_message(app, true, "Select an adopted recommendation first: "
		    "u records progress on it (6 lists them)");
		return REACT_REDRAW;
	}
	if (store_get(app->store, kind, id, &r, &e) < 0)
		return fail(app, &e);
	adopted = store_delivery_stage(app->store, record_get(&r, "stage"));
	if (!adopted)
		app_message(app, true, "%s is at \"%s\": progress is recorded "
		    "once it is adopted (6 lists those that are)",
		    record_get(&r, "ref"), views_stage_label(app, record_get(&r,
		    "stage")));
	record_done(&r);
	if (!adopted)
		return REACT_REDRAW;
	if (form_init_progress(&w->form, app->store, id, &e) < 0)
		return fail(app, &e);
	return open_form(app);
}

/* After a save: the lists again, with the new record selected if shown. */
static void
show_saved(struct app *app, enum entity_kind kind, int64_t id)
{
	static const struct {
		enum entity_kind kind;
		enum panel panel;
	} panels[] = {
		{ ENT_COMMISSION, PANEL_COMMISSIONS },
		{ ENT_SUBGROUP, PANEL_SUBGROUPS },
		{ ENT_RECOMMENDATION, PANEL_RECOMMENDATIONS },
	};
	struct listview *lv;
	struct err e;
	size_t i, k;

	if (app_reload(app, &e) < 0) {
		fail(app, &e);
		return;
	}
	for (i = 0; i < sizeof panels / sizeof panels[0]; i++) {
		if (panels[i].kind != kind || app->view != VIEW_MAIN)
			continue;
		lv = &app->lists[panels[i].panel];
		for (k = 0; k < lv->win_n; k++) {
			if (lv->ids[k] == id) {
				app_select(app, panels[i].panel,
				    lv->win_start + (int64_t)k);
				return;
			}
		}
	}
}

static unsigned
save(struct app *app)
{
	struct writer *w = writer_of(app);
	enum form_mode mode = w->form.mode;
	enum entity_kind kind = w->form.ent->kind;
	struct record r;
	struct err e;
	int64_t id;
	char *name;

	err_clear(&e);
	if (mode == FORM_EDIT && !form_modified(&w->form)) {
		form_close(app);
		app_message(app, false, "Nothing was changed");
		return REACT_REDRAW | REACT_LAYOUT;
	}
	if (form_submit(&w->form, app->store, &id, &e) < 0) {
		app_message(app, true, "%s", e.code == ERR_CONFLICT ?
		    "Someone saved it first: both versions are in the form" :
		    e.msg);
		return REACT_REDRAW;
	}
	if (mode == FORM_PROGRESS)
		name = x_strdup(w->form.what);
	else if (mode == FORM_JOIN)
		name = x_printf("%s is now a %s of %s",
		    lineedit_text(&form_field(&w->form, "person")->edit),
		    lineedit_text(&form_field(&w->form, "role")->edit),
		    lineedit_text(&form_field(&w->form, "subgroup")->edit));
	else if (store_get(app->store, kind, id, &r, &e) == 0) {
		name = form_record_name(&r);
		record_done(&r);
	} else
		name = x_strdup(w->form.what);
	form_close(app);
	show_saved(app, kind, id);
	app_message(app, false, "%s%s", mode == FORM_CREATE ? "Added " :
	    mode == FORM_EDIT ? "Saved " : mode == FORM_PROGRESS ?
	    "Recorded " : "", name);
	free(name);
	return REACT_REDRAW | REACT_LAYOUT;
}

static unsigned
discard_done(struct app *app, bool ok)
{
	if (!ok) {
		app_message(app, false, "Back to the form");
		return REACT_REDRAW;
	}
	form_close(app);
	app_message(app, false, "Nothing was saved");
	return REACT_REDRAW | REACT_LAYOUT;
}

/*
 * The form's own keys come from the action table, so they can be bound
 * in the config: a key bound to one of them is passed on as its default
 * key, and a default key bound to something else does nothing here.
 */
static const char *
form_key_name(struct app *app, const char *key)
{
	static const enum action own[] = { ACTION_SAVE, ACTION_TAKE_THEIRS,
		ACTION_KEEP_YOURS };
	enum action a = keymap_lookup(&app->keys, key);
	size_t i;

	for (i = 0; i < sizeof own / sizeof own[0]; i++) {
		if (a == own[i])
			return action_info(a)->keys;
		if (strcmp(key, action_info(own[i])->keys) == 0)
			return NULL;
	}
	return key;
}

static unsigned
form_keyed(struct app *app, const char *key)
{
	struct writer *w = writer_of(app);

	if ((key = form_key_name(app, key)) == NULL)
		return REACT_NONE;
	switch (form_key(&w->form, key)) {
	case FORM_SUBMIT:
		return save(app);
	case FORM_CANCEL:
		if (form_modified(&w->form))
			return confirm(app, discard_done, "Discard what you "
			    "typed in this form (%s)? y/n ", w->form.what);
		form_close(app);
		app_message(app, false, "Nothing was changed");
		return REACT_REDRAW | REACT_LAYOUT;
	case FORM_CHANGED:
		return REACT_REDRAW;
	default:
		return REACT_NONE;
	}
}

/* ---- stage changes ---- */

static const char *
stage_label(struct app *app, const char *id)
{
	const struct workflow_stage *s = workflow_stage(
	    store_workflow(app->store), id);

	return s ? s->label : id;
}

static unsigned
advance(struct app *app)
{
	struct writer *w = writer_of(app);
	struct pending_move *m = &w->move;
	struct err e;
	int rc;

	err_clear(&e);
	rc = store_advance(app->store, m->rec, m->t->to, m->version, m->note,
	    m->meeting, &e);
	if (rc == 0)
		app_message(app, false, "%s is now: %s", m->ref,
		    stage_label(app, m->t->to));
	else
		app_message(app, true, "%s", e.msg);
	move_clear(m);
	target_clear(&w->target);
	if (app_reload(app, &e) < 0)
		return fail(app, &e);
	return REACT_REDRAW | REACT_LAYOUT;
}

static unsigned
after_note(struct app *app)
{
	struct pending_move *m = &writer_of(app)->move;
	char *title, *outcome;
	unsigned r;

	if (!(m->t->guards & WORKFLOW_GUARD_BIT(WORKFLOW_GUARD_DECISION)))
		return advance(app);
	outcome = field_choice_label(m->t->decision_outcome);
	title = x_printf("Which meeting of %s decided it (%s)?",
	    workflow_body_label(m->t->decision_body), outcome);
	free(outcome);
	r = meetings_chooser(app, title, m->t->decision_body, m->commission,
	    MEETING_FOR_MOVE);
	free(title);
	return r;
}

static unsigned
note_done(struct app *app, bool ok)
{
	struct pending_move *m = &writer_of(app)->move;
	const char *text = lineedit_text(&app->prompt.edit);

	if (!ok) {
		move_clear(m);
		app_message(app, false, "Nothing was moved");
		return REACT_REDRAW;
	}
	if (text_is_blank(text)) {
		app_message(app, true, "This move needs a reason: type one, "
		    "or Escape to leave it");
		/* The prompt has the bottom line: the question says it. */
		return ask_line(app, note_done, "This move needs a reason "
		    "(Escape leaves it). Reason for moving %s: ", m->ref);
	}
	free(m->note);
	m->note = x_strdup(text);
	return after_note(app);
}

static unsigned
start_move(struct app *app, const struct workflow_transition *t)
{
	struct pending_move *m = &writer_of(app)->move;

	m->t = t;
	if (t->guards & WORKFLOW_GUARD_BIT(WORKFLOW_GUARD_NOTE))
		return ask_line(app, note_done, "Reason for moving %s: ",
		    m->ref);
	return after_note(app);
}

/* The recommendation's version, reference and commission, for a move. */
static void
move_begin(struct app *app, const struct record *r)
{
	struct pending_move *m = &writer_of(app)->move;
	struct record sg;
	struct err e;

	move_clear(m);
	m->rec = r->id;
	m->version = r->version;
	m->ref = x_strdup(record_get(r, "ref"));
	if (store_get(app->store, ENT_SUBGROUP, stored_id(r, "subgroup"), &sg,
	    &e) == 0) {
		m->commission = x_strdup(sg.shown[entity_field_index(sg.ent,
		    entity_field(sg.ent, "commission"))]);
		record_done(&sg);
	}
}

static char *
move_detail(const struct store_move *mv)
{
	if (!mv->allowed)
		return x_strdup(mv->why);
	if (*mv->needs)
		return x_printf("You may %s. It asks for %s.", mv->t->label ?
		    mv->t->label : "make this move", mv->needs);
	return x_printf("You may %s.", mv->t->label ? mv->t->label :
	    "make this move");
}

static unsigned
moves_chooser(struct app *app)
{
	struct writer *w = writer_of(app);
	enum entity_kind kind;
	struct record r;
	struct err e;
	char *title, *label, *detail;
	int64_t rec;
	size_t i;

	err_clear(&e);
	if (!selected(app, &kind, &rec) || kind != ENT_RECOMMENDATION) {
		app_message(app, true, "Select a recommendation first: m "
		    "moves it to another stage");
		return REACT_REDRAW;
	}
	if (store_get(app->store, ENT_RECOMMENDATION, rec, &r, &e) < 0)
		return fail(app, &e);
	move_begin(app, &r);
	chooser_close(w);
	if (store_moves(app->store, rec, &w->moves, &w->nmoves, &e) < 0) {
		record_done(&r);
		return fail(app, &e);
	}
	if (w->nmoves == 0) {
		app_message(app, true, "%s is at the stage \"%s\": nothing "
		    "moves on from there", w->move.ref,
		    stage_label(app, record_get(&r, "stage")));
		record_done(&r);
		return REACT_REDRAW;
	}
	title = x_printf("Move %s (now: %s) to:", w->move.ref,
	    stage_label(app, record_get(&r, "stage")));
	chooser_init(&w->chooser, title, FOR_MOVE);
	free(title);
	for (i = 0; i < w->nmoves; i++) {
		label = x_printf("%s%s", stage_label(app, w->moves[i].t->to),
		    w->moves[i].allowed ? "" : "  (not now)");
		detail = move_detail(&w->moves[i]);
		chooser_add(&w->chooser, label, detail, w->moves[i].allowed,
		    NULL, (int64_t)i);
		free(label);
		free(detail);
	}
	record_done(&r);
	return open_chooser(app);
}

static void
add_meeting_item(struct chooser *c, struct store_cursor *cur,
    const size_t *col)
{
	const char *title = store_cursor_text(cur, col[3]);
	const char *place = store_cursor_text(cur, col[4]);
	char *label, *detail;

	label = x_printf("%s  %s%s%s", store_cursor_text(cur, col[1]),
	    store_cursor_text(cur, col[2]), title && *title ? ": " : "",
	    title ? title : "");
	detail = place && *place ? x_printf("At %s", place) : NULL;
	chooser_add(c, label, detail, true, NULL,
	    strtoll(store_cursor_text(cur, col[0]), NULL, 10));
	free(label);
	free(detail);
}

static void
reverse_items(struct chooser *c)
{
	struct chooser_item tmp;
	size_t i;

	for (i = 0; i < c->n / 2; i++) {
		tmp = c->items[i];
		c->items[i] = c->items[c->n - 1 - i];
		c->items[c->n - 1 - i] = tmp;
	}
	c->sel = 0;
}

static bool
cell_is(struct store_cursor *cur, size_t col, const char *want)
{
	const char *v = store_cursor_text(cur, col);

	return want == NULL || v == NULL || strcmp(v, want) == 0;
}

/* Which column of the cursor is called NAME. */
static size_t
column(struct store_cursor *cur, const char *name)
{
	const char *const *names;
	size_t i, n;

	names = store_cursor_columns(cur, &n);
	for (i = 0; i < n; i++)
		if (strcmp(names[i], name) == 0)
			return i;
	fatal("the list has no column %s", name);
}

/* Meetings of BODY (any when NULL) of COMMISSION or of none, newest first. */
static unsigned
meetings_chooser(struct app *app, const char *title, const char *body,
    const char *commission, enum meeting_use use)
{
	struct writer *w = writer_of(app);
	struct list_filter f;
	struct store_cursor *cur;
	struct err e;
	size_t col[5];
	int rc;

	memset(&f, 0, sizeof f);
	err_clear(&e);
	if (store_list_open(app->store, "meetings", &f, &cur, &e) < 0)
		return fail(app, &e);
	col[0] = column(cur, "id");
	col[1] = column(cur, "date");
	col[2] = column(cur, "body");
	col[3] = column(cur, "title");
	col[4] = column(cur, "place");
	chooser_close(w);
	chooser_init(&w->chooser, title, FOR_MEETING);
	while ((rc = store_cursor_next(cur, &e)) == 1)
		if (cell_is(cur, col[2], body) &&
		    cell_is(cur, column(cur, "commission"), commission))
			add_meeting_item(&w->chooser, cur, col);
	store_cursor_close(cur);
	if (rc < 0 || w->chooser.n == 0) {
		chooser_done(&w->chooser);
		if (rc < 0)
			return fail(app, &e);
		app_message(app, true, "No meeting%s%s is recorded%s%s: add "
		    "the meeting first (a on the detail panel, then m)",
		    body ? " of " : "", body ? workflow_body_label(body) :
		    "", commission ? " for " : "", commission ? commission :
		    "");
		move_clear(&w->move);
		return REACT_REDRAW;
	}
	reverse_items(&w->chooser);
	w->meeting_use = use;
	return open_chooser(app);
}

/* ---- archiving ---- */

static unsigned
archive_done(struct app *app, bool ok)
{
	struct writer *w = writer_of(app);
	struct target *t = &w->target;
	struct err e;
	bool membership = t->kind == ENT_SUBGROUP_MEMBER ||
	    t->kind == ENT_COMMISSION_MEMBER;

	err_clear(&e);
	if (!ok) {
		app_message(app, false, "Nothing was archived");
	} else if (store_archive(app->store, t->kind, t->id, t->version,
	    &e) < 0) {
		fail(app, &e);
	} else {
		app_message(app, false, "%s %s: it stays in the history",
		    membership ? "Ended" : "Archived", t->what);
		if (app_reload(app, &e) < 0)
			fail(app, &e);
	}
	target_clear(t);
	return REACT_REDRAW | REACT_LAYOUT;
}

/* A recommendation still being drafted is withdrawn, not archived. */
static unsigned
withdraw_chooser(struct app *app, const struct record *r)
{
	struct writer *w = writer_of(app);
	const struct store_move *mv = NULL;
	struct err e;
	char *title;
	size_t i;

	err_clear(&e);
	chooser_close(w);
	if (store_moves(app->store, r->id, &w->moves, &w->nmoves, &e) < 0)
		return fail(app, &e);
	for (i = 0; i < w->nmoves; i++)
		if (strcmp(w->moves[i].t->to, "withdrawn") == 0)
			mv = &w->moves[i];
	title = x_printf("%s is at the stage \"%s\". Withdrawing it is the "
	    "workflow's way to drop it:", w->target.what,
	    stage_label(app, record_get(r, "stage")));
	title[0] = (char)toupper((unsigned char)title[0]);
	chooser_init(&w->chooser, title, FOR_WITHDRAW);
	free(title);
	if (mv != NULL)
		chooser_add(&w->chooser, "w  Withdraw it: its stage becomes "
		    "Withdrawn, with its history", mv->allowed ? NULL :
		    mv->why, mv->allowed, "w", (int64_t)(mv - w->moves));
	chooser_add(&w->chooser, "a  Archive it instead: hidden from the "
	    "lists, kept in the history", NULL, true, "a", -1);
	chooser_add(&w->chooser, "n  Keep it as it is", NULL, true, "n", -2);
	return open_chooser(app);
}

static unsigned
archive(struct app *app)
{
	struct writer *w = writer_of(app);
	const struct workflow_stage *stage;
	enum entity_kind kind;
	struct record r;
	struct err e;
	int64_t id;
	unsigned react;

	err_clear(&e);
	if (!selected(app, &kind, &id)) {
		app_message(app, true, "Nothing is selected to archive");
		return REACT_REDRAW;
	}
	if (store_get(app->store, kind, id, &r, &e) < 0)
		return fail(app, &e);
	target_clear(&w->target);
	w->target = (struct target){ kind, id, r.version,
	    form_record_name(&r) };
	stage = kind == ENT_RECOMMENDATION ? workflow_stage(
	    store_workflow(app->store), record_get(&r, "stage")) : NULL;
	if (stage != NULL && stage->editable) {
		move_begin(app, &r);
		react = withdraw_chooser(app, &r);
	} else {
		react = confirm(app, archive_done, "Archive %s? y/n ",
		    w->target.what);
	}
	record_done(&r);
	return react;
}

/* ---- drafts ---- */

static unsigned
restore_draft(struct app *app)
{
	struct writer *w = writer_of(app);
	struct err e;

	err_clear(&e);
	if (form_from_draft(&w->form, app->store, &w->draft, &e) < 0) {
		app_message(app, true, "%s; the draft is kept in %s", e.msg,
		    w->draft_path);
		return REACT_REDRAW;
	}
	w->form_from_draft = true;
	w->draft_pending = false;
	form_message(&w->form, false, "Your draft is back as you left it: "
	    "C-x saves it, Escape gives it up.");
	return open_form(app);
}

static unsigned
drop_draft(struct app *app)
{
	struct writer *w = writer_of(app);
	struct err e;

	if (draft_remove(w->draft_path, &e) < 0)
		return fail(app, &e);
	w->draft_pending = false;
	app_message(app, false, "The draft was discarded");
	return REACT_REDRAW;
}

unsigned
writer_offer_draft(struct app *app)
{
	struct writer *w = writer_of(app);
	struct err e;
	char *title;
	int rc;

	err_clear(&e);
	free(w->draft_path);
	w->draft_path = draft_path(app->session->db_path,
	    app->session->login, &e);
	if (w->draft_path == NULL)
		return REACT_NONE;
	draft_done(&w->draft);
	if ((rc = draft_load(w->draft_path, &w->draft, &e)) == 0)
		return REACT_NONE;
	w->draft_pending = true;
	chooser_close(w);
	if (rc < 0) {
		chooser_init(&w->chooser, e.msg, FOR_DAMAGED);
		chooser_add(&w->chooser, "l  Leave the file as it is (you "
		    "will be asked again)", NULL, true, "l", 0);
		chooser_add(&w->chooser, "d  Delete the file", NULL, true,
		    "d", 1);
		return open_chooser(app);
	}
	title = x_printf("You have an unsaved draft of %s from %s:",
	    w->draft.what, w->draft.saved_at);
	chooser_init(&w->chooser, title, FOR_DRAFT);
	free(title);
	chooser_add(&w->chooser, "r  Restore it", NULL, true, "r", 0);
	chooser_add(&w->chooser, "d  Discard it", NULL, true, "d", 1);
	chooser_add(&w->chooser, "l  Later: keep it and ask next time", NULL,
	    true, "l", 2);
	return open_chooser(app);
}

int
writer_keep_draft(struct app *app, char **path, struct err *e)
{
	struct writer *w = app->writer;
	struct draft d;
	char *target, *aside;
	int rc;

	*path = NULL;
	if (w == NULL || !w->form_open || !form_modified(&w->form))
		return 0;
	if (w->draft_path == NULL && (w->draft_path = draft_path(
	    app->session->db_path, app->session->login, e)) == NULL)
		return -1;
	target = x_strdup(w->draft_path);
	/* A draft kept for later is moved aside, never written over. */
	if (w->draft_pending) {
		aside = x_printf("%s.%lld", target, (long long)time(NULL));
		if (rename(target, aside) < 0 && errno != ENOENT) {
			free(target);
			target = aside;
			aside = NULL;
		}
		free(aside);
		w->draft_pending = false;
	}
	draft_init(&d);
	form_to_draft(&w->form, &d);
	d.db = x_strdup(app->session->db_path);
	d.login = x_strdup(app->session->login);
	rc = draft_save(target, &d, e);
	draft_done(&d);
	if (rc < 0) {
		free(target);
		return -1;
	}
	*path = target;
	return 1;
}

/* ---- keys ---- */

static unsigned
cancelled(struct app *app, int purpose)
{
	struct writer *w = writer_of(app);

	switch (purpose) {
	case FOR_MOVE:
	case FOR_MEETING:
		app_message(app, false, "Nothing was %s",
		    w->move.rec ? "moved" : "added");
		break;
	case FOR_WITHDRAW:
		app_message(app, false, "Nothing was changed");
		break;
	case FOR_DRAFT:
		app_message(app, false, "The draft is kept for next time");
		break;
	case FOR_DAMAGED:
		app_message(app, false, "The draft file is left in %s",
		    w->draft_path);
		break;
	default:
		break;
	}
	move_clear(&w->move);
	target_clear(&w->target);
	return REACT_REDRAW;
}

static unsigned
chosen(struct app *app, int purpose, int64_t value)
{
	struct writer *w = writer_of(app);

	switch (purpose) {
	case FOR_KIND:
		if (value == ADD_JOIN)
			return join_form(app);
		if (value == ENT_DECISION)
			return add_decision(app);
		return add_kind(app, (enum entity_kind)value);
	case FOR_MOVE:
		return start_move(app, w->move.t);
	case FOR_WITHDRAW:
		if (value >= 0)
			return start_move(app, w->move.t);
		if (value == -1)
			return archive_done(app, true);
		return cancelled(app, purpose);
	case FOR_MEETING:
		if (w->meeting_use == MEETING_FOR_DECISION)
			return decision_form(app, value);
		w->move.meeting = value;
		return advance(app);
	case FOR_DRAFT:
		if (value == 0)
			return restore_draft(app);
		if (value == 1)
			return drop_draft(app);
		return cancelled(app, purpose);
	case FOR_DAMAGED:
		if (value == 1)
			return drop_draft(app);
		return cancelled(app, purpose);
	case FOR_EDIT_KIND:
		return other_chooser(app, (enum entity_kind)value);
	case FOR_EDIT_RECORD:
		return edit_record(app, w->edit_kind, value);
	default:
		return REACT_NONE;
	}
}

static unsigned
chooser_keyed(struct app *app, const char *key)
{
	struct writer *w = writer_of(app);
	const struct chooser_item *it;
	int purpose = w->chooser.purpose;
	int64_t value;

	switch (chooser_key(&w->chooser, key)) {
	case CHOOSER_MOVED:
		return REACT_REDRAW;
	case CHOOSER_REFUSED:
		it = chooser_selected(&w->chooser);
		app_message(app, true, "%s", it && it->detail ? it->detail :
		    "That cannot be chosen now");
		return REACT_REDRAW;
	case CHOOSER_CANCEL:
		chooser_close(w);
		return cancelled(app, purpose) | REACT_LAYOUT;
	case CHOOSER_CHOSEN:
		value = chooser_selected(&w->chooser)->value;
		/* The transition is the workflow's: it outlives the list. */
		if ((purpose == FOR_MOVE || purpose == FOR_WITHDRAW) &&
		    value >= 0)
			w->move.t = w->moves[value].t;
		chooser_close(w);
		return chosen(app, purpose, value) | REACT_REDRAW |
		    REACT_LAYOUT;
	default:
		return REACT_NONE;
	}
}

unsigned
writer_key(struct app *app, const char *key)
{
	struct writer *w = app->writer;

	if (w == NULL)
		return REACT_NONE;
	if (w->chooser_open)
		return chooser_keyed(app, key);
	if (w->form_open)
		return form_keyed(app, key);
	return REACT_NONE;
}

unsigned
writer_action(struct app *app, enum action a)
{
	switch (a) {
	case ACTION_ADD:
		return add(app);
	case ACTION_EDIT:
		return edit(app);
	case ACTION_EDIT_OTHER:
		return edit_other(app);
	case ACTION_JOIN:
		return join(app);
	case ACTION_ADVANCE:
		return moves_chooser(app);
	case ACTION_ARCHIVE:
		return archive(app);
	case ACTION_PROGRESS:
		return progress_form(app);
	default:
		return REACT_NONE;
	}
}
