/*
 * meetingview.c: meeting mode (see meetingview.h).
 *
 * A decision takes four steps, each a chooser or a prompt, so an item is
 * decided in a handful of keys: the outcome, the vote, the reasons and
 * the actions. Escape at any of them records nothing. The write is
 * store_decide's, which checks the quorum, the workflow and the rights
 * again however the screen got there.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coopcom/store/list.h"
#include "coopcom/util/text.h"
#include "coopcom/util/xalloc.h"
#include "coopcom/vm/app.h"
#include "coopcom/vm/meetingview.h"

static const struct lv_column agenda_cols[] = {
	{ "ref", "Ref", 10, 0 },
	{ "decision", "Decision", 13, LV_LABEL },
	{ "stage", "Stage", 13, LV_LABEL },
	{ "title", "Title", 0, 0 },
};

/* The decisions, with the key that chooses each. */
static const struct {
	const char *id, *label, *key;
} outcomes[] = {
	{ "approved", "Approve", "a" },
	{ "accepted", "Accept into the draft Settlement and Delivery Plan",
	    "a" },
	{ "adopted", "Adopt", "a" },
	{ "rejected", "Reject", "r" },
	{ "referred_back", "Refer back to the sub-group", "b" },
	{ "not_accepted", "Do not accept", "x" },
	{ "deferred", "Defer to a later meeting", "d" },
	{ "noted", "Note", "n" },
};

#define NOUTCOMES (int)(sizeof outcomes / sizeof outcomes[0])
#define MOVES (NOUTCOMES - 2)	/* the last two move nothing */

static struct meetingview *
mv_of(struct app *app)
{
	if (app->meeting == NULL) {
		app->meeting = x_calloc(1, sizeof *app->meeting);
		listview_init(&app->meeting->agenda, "agenda", agenda_cols,
		    sizeof agenda_cols / sizeof agenda_cols[0]);
	}
	return app->meeting;
}

static void
people_free(struct meetingview *mv)
{
	while (mv->npeople > 0)
		free(mv->people[--mv->npeople]);
	free(mv->people);
	mv->people = NULL;
}

static void
decision_clear(struct meetingview *mv)
{
	free(mv->ref);
	free(mv->reason);
	mv->ref = mv->reason = NULL;
	mv->rec = 0;
}

static void
close_chooser(struct meetingview *mv)
{
	if (mv->open != MV_CLOSED)
		chooser_done(&mv->chooser);
	mv->open = MV_CLOSED;
}

void
meetingview_free(struct meetingview *mv)
{
	if (mv == NULL)
		return;
	close_chooser(mv);
	listview_done(&mv->agenda);
	store_meeting_done(&mv->facts);
	decision_clear(mv);
	people_free(mv);
	free(mv);
}

struct chooser *
meetingview_chooser(struct app *app)
{
	return app->meeting && app->meeting->open != MV_CLOSED ?
	    &app->meeting->chooser : NULL;
}

struct listview *
meetingview_list(struct app *app)
{
	return app->meeting && app->meeting->id ? &app->meeting->agenda : NULL;
}

void
meetingview_set_height(struct app *app, int rows)
{
	struct err e;
	int h = rows - 3 - MEETINGVIEW_SUMMARY;

	listview_set_height(&mv_of(app)->agenda, app->store, h > 1 ? h : 1,
	    &e);
}

int
meetingview_reload(struct app *app, struct err *e)
{
	struct meetingview *mv = app->meeting;

	if (mv == NULL || mv->id == 0)
		return 0;
	store_meeting_done(&mv->facts);
	if (store_meeting_get(app->store, mv->id, &mv->facts, e) < 0)
		return -1;
	return listview_reload(&mv->agenda, app->store, e);
}

static unsigned
fail(struct app *app, const struct err *e)
{
	app_message(app, true, "%s", e->msg);
	return REACT_REDRAW;
}

/* ---- choosing the meeting ---- */

static unsigned
pick_meeting(struct app *app)
{
	struct meetingview *mv = mv_of(app);
	struct list_filter f = { 0 };
	struct store_cursor *c;
	struct err e;
	char **labels = NULL;
	int64_t *ids = NULL;
	size_t n = 0, cap = 0, cap2 = 0;
	int rc;

	if (store_list_open(app->store, "meetings", &f, &c, &e) < 0)
		return fail(app, &e);
	while ((rc = store_cursor_next(c, &e)) == 1) {
		labels = x_grow(labels, &cap, n + 1, sizeof *labels);
		ids = x_grow(ids, &cap2, n + 1, sizeof *ids);
		ids[n] = strtoll(store_cursor_text(c, 0), NULL, 10);
		labels[n++] = x_printf("%s  %s %s  %s",
		    store_cursor_text(c, 4), workflow_body_label(
		    store_cursor_text(c, 1)), store_cursor_text(c, 3) ?
		    store_cursor_text(c, 3) : store_cursor_text(c, 2) ?
		    store_cursor_text(c, 2) : "", store_cursor_text(c, 5));
	}
	store_cursor_close(c);
	close_chooser(mv);
	chooser_init(&mv->chooser, "Run which meeting? (the latest first)",
	    MV_PICK);
	while (n > 0) {
		n--;
		if (rc == 0)
			chooser_add(&mv->chooser, labels[n], NULL, true, NULL,
			    ids[n]);
		free(labels[n]);
	}
	free(labels);
	free(ids);
	if (rc < 0) {
		chooser_done(&mv->chooser);
		return fail(app, &e);
	}
	if (mv->chooser.n == 0) {
		chooser_done(&mv->chooser);
		app_message(app, true, "There are no meetings yet: add one "
		    "(a, then m)");
		return REACT_REDRAW;
	}
	mv->open = MV_PICK;
	return REACT_REDRAW | REACT_LAYOUT;
}

static unsigned
run_meeting(struct app *app, int64_t id)
{
	struct meetingview *mv = mv_of(app);
	struct err e;

	mv->id = id;
	listview_set_id(&mv->agenda, &mv->agenda.filter.record, id);
	if (meetingview_reload(app, &e) < 0)
		return fail(app, &e);
	app->view = VIEW_MEETING;
	app_message(app, false, "Enter decides the selected item; P is the "
	    "roll call; I the impact assessment; Escape leaves");
	return REACT_REDRAW | REACT_LAYOUT;
}

/* ---- deciding an item ---- */

static const char *
selected_text(struct meetingview *mv, const char *column)
{
	const char *v = listview_value(&mv->agenda, mv->agenda.sel, column);

	return v ? v : "";
}

static unsigned
choose_outcome(struct app *app)
{
	struct meetingview *mv = mv_of(app);
	const char *stage = selected_text(mv, "stage");
	const struct store_meeting *m = &mv->facts;
	char *title, *why = NULL, *label;
	int i;

	decision_clear(mv);
	if ((mv->rec = listview_selected_id(&mv->agenda)) == 0) {
		app_message(app, true, "Nothing on the agenda to decide");
		return REACT_REDRAW;
	}
	mv->ref = x_strdup(selected_text(mv, "ref"));
	mv->version = strtoll(selected_text(mv, "version"), NULL, 10);
	if (!m->quorate)
		why = x_printf("The meeting is not quorate: %d present, %s "
		    "needs %d. P records who is present.", m->present,
		    workflow_body_label(m->body), m->quorum);
	title = x_printf("%s: what did the meeting decide?", mv->ref);
	close_chooser(mv);
	chooser_init(&mv->chooser, title, MV_OUTCOME);
	free(title);
	for (i = 0; i < NOUTCOMES; i++) {
		if (i < MOVES && store_decision_stage(app->store, m->body,
		    stage, outcomes[i].id) == NULL)
			continue;
		label = x_printf("%s  %s", outcomes[i].key, outcomes[i].label);
		chooser_add(&mv->chooser, label, i < MOVES ? why : NULL,
		    i >= MOVES || m->quorate, outcomes[i].key, i);
		free(label);
	}
	free(why);
	mv->open = MV_OUTCOME;
	return REACT_REDRAW | REACT_LAYOUT;
}

static unsigned ask_votes(struct app *app, const char *text);
static unsigned ask_reason(struct app *app, const char *text);
static unsigned ask_actions(struct app *app);

static unsigned
ask(struct app *app, const char *label, const char *text,
    unsigned (*done)(struct app *, bool))
{
	struct prompt *p = &app->prompt;

	p->kind = PROMPT_LINE;
	snprintf(p->label, sizeof p->label, "%s", label);
	lineedit_set(&p->edit, text ? text : "");
	p->on_change = NULL;
	p->on_done = done;
	return REACT_REDRAW | REACT_LAYOUT;
}

static unsigned
cancelled(struct app *app)
{
	decision_clear(app->meeting);
	app_message(app, false, "Nothing was recorded");
	return REACT_REDRAW;
}

/* "9 2 1", "9,2,1" or "9-2-1": for, against, abstaining; blank: no vote. */
static int
parse_votes(const char *text, struct meetingview *mv)
{
	const char *p = text;
	char *end;
	int n = 0;

	mv->voted = false;
	mv->votes[0] = mv->votes[1] = mv->votes[2] = 0;
	while (*p) {
		if (strchr(" ,/-\t", *p) != NULL) {
			p++;
			continue;
		}
		if (n == 3 || *p < '0' || *p > '9')
			return -1;
		mv->votes[n++] = strtoll(p, &end, 10);
		if (mv->votes[n - 1] > 100000)
			return -1;
		p = end;
	}
	mv->voted = n > 0;
	return 0;
}

static unsigned
votes_done(struct app *app, bool ok)
{
	struct meetingview *mv = app->meeting;
	char *typed = x_strdup(lineedit_text(&app->prompt.edit));
	unsigned r;

	if (!ok) {
		free(typed);
		return cancelled(app);
	}
	if (parse_votes(typed, mv) < 0) {
		app_message(app, true, "Give the votes for, against and "
		    "abstaining as numbers, e.g. 9 2 1, or nothing if no vote "
		    "was taken");
		r = ask_votes(app, typed);
	} else
		r = ask_reason(app, NULL);
	free(typed);
	return r;
}

static unsigned
ask_votes(struct app *app, const char *text)
{
	return ask(app, "Votes for, against, abstaining (e.g. 9 2 1; Enter "
	    "if no vote): ", text, votes_done);
}

static unsigned
reason_done(struct app *app, bool ok)
{
	struct meetingview *mv = app->meeting;
	const char *typed = lineedit_text(&app->prompt.edit);

	if (!ok)
		return cancelled(app);
	if (mv->needs_reason && text_is_blank(typed)) {
		app_message(app, true, "To %s, the meeting's reasons are "
		    "needed", outcomes[mv->outcome].label);
		return ask_reason(app, NULL);
	}
	free(mv->reason);
	mv->reason = x_strdup(typed);
	return ask_actions(app);
}

static unsigned
ask_reason(struct app *app, const char *text)
{
	return ask(app, app->meeting->needs_reason ? "Reasons (needed): " :
	    "Reasons (Enter for none): ", text, reason_done);
}

static void
after_decision(struct app *app)
{
	struct meetingview *mv = app->meeting;
	struct err e;

	if (meetingview_reload(app, &e) < 0 ||
	    listview_move(&mv->agenda, app->store, 1, &e) < 0)
		fail(app, &e);
}

static unsigned
actions_done(struct app *app, bool ok)
{
	struct meetingview *mv = app->meeting;
	struct store_decision d = { 0 };
	struct err e;
	char votes[96] = "";

	if (!ok)
		return cancelled(app);
	d.outcome = outcomes[mv->outcome].id;
	d.reason = mv->reason;
	d.actions = lineedit_text(&app->prompt.edit);
	d.voted = mv->voted;
	d.votes_for = mv->votes[0];
	d.votes_against = mv->votes[1];
	d.votes_abstain = mv->votes[2];
	d.version = mv->version;
	err_clear(&e);
	if (store_decide(app->store, mv->id, mv->rec, &d, NULL, &e) < 0) {
		fail(app, &e);
		decision_clear(mv);
		return REACT_REDRAW;
	}
	if (mv->voted)
		snprintf(votes, sizeof votes, " (%" PRId64 " for, %" PRId64
		    " against, %" PRId64 " abstaining)", mv->votes[0],
		    mv->votes[1], mv->votes[2]);
	app_message(app, false, "%s: %s%s", mv->ref, d.outcome, votes);
	decision_clear(mv);
	after_decision(app);
	return REACT_REDRAW | REACT_LAYOUT;
}

static unsigned
ask_actions(struct app *app)
{
	return ask(app, "Actions agreed (Enter for none): ", NULL,
	    actions_done);
}

static unsigned
outcome_chosen(struct app *app, int i)
{
	struct meetingview *mv = app->meeting;
	const char *stage = selected_text(mv, "stage"), *to;
	const struct workflow_transition *t;

	mv->outcome = i;
	mv->needs_reason = false;
	to = store_decision_stage(app->store, mv->facts.body, stage,
	    outcomes[i].id);
	if (to != NULL && (t = workflow_find(store_workflow(app->store),
	    stage, to)) != NULL)
		mv->needs_reason = (t->guards &
		    WORKFLOW_GUARD_BIT(WORKFLOW_GUARD_NOTE)) != 0;
	return ask_votes(app, NULL);
}

/* ---- the roll call ---- */

static const char *const statuses[] = { "present", "apologies", "absent" };

/* The status of NAME (login or name) in the attendance list, or NULL. */
static const char *
status_of(struct store_cursor *att, const char *key)
{
	int rc;
	struct err e;

	while ((rc = store_cursor_next(att, &e)) == 1) {
		const char *login = store_cursor_text(att, 3);
		const char *name = store_cursor_text(att, 4);

		if ((login && strcmp(login, key) == 0) ||
		    (name && strcmp(name, key) == 0))
			return store_cursor_text(att, 5);
	}
	return NULL;
}

static void
add_person(struct app *app, struct meetingview *mv, const char *key,
    const char *name, size_t cap[1])
{
	struct list_filter f = { 0 };
	struct store_cursor *att;
	const char *status = NULL;
	struct err e;
	char *label;
	size_t i;

	for (i = 0; i < mv->npeople; i++)
		if (strcmp(mv->people[i], key) == 0)
			return;
	f.record = mv->id;
	if (store_list_open(app->store, "attendance", &f, &att, &e) == 0) {
		status = status_of(att, key);
		label = x_printf("%-10s %s", status ? status : "-", name);
		store_cursor_close(att);
	} else
		label = x_printf("%-10s %s", "?", name);
	mv->people = x_grow(mv->people, cap, mv->npeople + 1,
	    sizeof *mv->people);
	mv->people[mv->npeople] = x_strdup(key);
	chooser_add(&mv->chooser, label, NULL, true, NULL,
	    (int64_t)mv->npeople++);
	free(label);
}

static unsigned
roll_call(struct app *app, size_t sel)
{
	struct meetingview *mv = mv_of(app);
	struct list_filter f = { 0 };
	struct store_cursor *c;
	const char *login, *sg;
	struct err e;
	size_t cap = 0;
	int rc;

	if (mv->id == 0 || app->view != VIEW_MEETING) {
		app_message(app, true, "The roll call is for the meeting being "
		    "run: M runs one");
		return REACT_REDRAW;
	}
	f.commission_id = mv->facts.commission_id ? mv->facts.commission_id :
	    -1;
	f.subgroup_id = mv->facts.subgroup_id;
	if (store_list_open(app->store, "members", &f, &c, &e) < 0)
		return fail(app, &e);
	close_chooser(mv);
	people_free(mv);
	chooser_init(&mv->chooser, "Who is at the meeting? Enter marks present, "
	    "then apologies, then absent; Escape when done", MV_ROLL);
	while ((rc = store_cursor_next(c, &e)) == 1) {
		sg = store_cursor_text(c, 2);
		if ((sg != NULL) != (mv->facts.subgroup_id != 0))
			continue;
		login = store_cursor_text(c, 3);
		add_person(app, mv, login ? login : store_cursor_text(c, 4),
		    store_cursor_text(c, 4), &cap);
	}
	store_cursor_close(c);
	if (rc < 0 || mv->chooser.n == 0) {
		chooser_done(&mv->chooser);
		if (rc < 0)
			return fail(app, &e);
		app_message(app, true, "The meeting's body has no members to "
		    "call: coopcom attend records anyone");
		return REACT_REDRAW;
	}
	mv->chooser.sel = sel < mv->chooser.n ? sel : 0;
	mv->open = MV_ROLL;
	return REACT_REDRAW | REACT_LAYOUT;
}

static unsigned
mark(struct app *app, size_t i)
{
	struct meetingview *mv = app->meeting;
	const char *label = mv->chooser.items[i].label;
	struct err e;
	size_t k, next = 0;

	for (k = 0; k < 3; k++)
		if (strncmp(label, statuses[k], strlen(statuses[k])) == 0)
			next = (k + 1) % 3;
	if (store_attend(app->store, mv->id, mv->people[i], statuses[next],
	    &e) < 0)
		return fail(app, &e);
	if (meetingview_reload(app, &e) < 0)
		return fail(app, &e);
	return roll_call(app, i);
}

/* ---- keys ---- */

static unsigned
chosen(struct app *app, const struct chooser_item *it)
{
	struct meetingview *mv = app->meeting;
	enum meetingview_choice what = mv->open;
	size_t sel = mv->chooser.sel;
	int64_t value = it->value;	/* the item goes with the chooser */

	if (what == MV_ROLL)
		return mark(app, sel);
	close_chooser(mv);
	if (what == MV_PICK)
		return run_meeting(app, value);
	return outcome_chosen(app, (int)value);
}

bool
meetingview_key(struct app *app, const char *key, unsigned *react)
{
	struct meetingview *mv = app->meeting;
	const struct chooser_item *it;

	if (mv == NULL || mv->open == MV_CLOSED)
		return false;
	*react = REACT_REDRAW;
	switch (chooser_key(&mv->chooser, key)) {
	case CHOOSER_CHOSEN:
		it = chooser_selected(&mv->chooser);
		*react = chosen(app, it);
		break;
	case CHOOSER_REFUSED:
		it = chooser_selected(&mv->chooser);
		app_message(app, true, "%s", it && it->detail ? it->detail :
		    "That cannot be chosen now");
		break;
	case CHOOSER_CANCEL:
		if (mv->open == MV_OUTCOME)
			cancelled(app);
		close_chooser(mv);
		*react |= REACT_LAYOUT;
		break;
	default:
		break;
	}
	return true;
}

bool
meetingview_action(struct app *app, enum action a, unsigned *react)
{
	switch (a) {
	case ACTION_MEETING:
		*react = pick_meeting(app);
		return true;
	case ACTION_ROLL_CALL:
		*react = roll_call(app, 0);
		return true;
	case ACTION_OPEN:
		if (app->view != VIEW_MEETING || meetingview_list(app) == NULL)
			return false;
		*react = choose_outcome(app);
		return true;
	default:
		return false;
	}
}
