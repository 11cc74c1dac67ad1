/*
 * meetingview.h: meeting mode, where the secretary runs a meeting.
 *
 * M picks a meeting; its agenda (store list "agenda") fills the screen
 * with the attendance and whether the meeting is quorate above it. Enter
 * on an item asks the decision (a single key: a approve, accept or
 * adopt, r reject, b refer back, x not accept, d defer, n note), then the
 * vote ("9 2 1", or Enter for none), the reasons and the actions, and
 * records it through store_decide; the cursor goes on to the next item.
 * P is the roll call: Enter on a person marks them present, then
 * apologies, then absent. Outcomes the quorum forbids are shown greyed
 * with the reason, and the store refuses them whatever the screen says.
 */
#ifndef COOPCOM_VM_MEETINGVIEW_H
#define COOPCOM_VM_MEETINGVIEW_H

#include <stdbool.h>
#include <stdint.h>

#include "coopcom/store/meeting.h"
#include "coopcom/vm/action.h"
#include "coopcom/vm/chooser.h"
#include "coopcom/vm/listview.h"

struct app;

/* What the chooser of meeting mode is open for. */
enum meetingview_choice {
	MV_CLOSED,
	MV_PICK,		/* which meeting */
	MV_OUTCOME,		/* which decision on the selected item */
	MV_ROLL			/* the roll call */
};

struct meetingview {
	int64_t id;			/* the meeting run; 0 before one */
	struct store_meeting facts;	/* its attendance and quorum */
	struct listview agenda;
	struct chooser chooser;
	enum meetingview_choice open;
	/* The decision being put together. */
	int64_t rec;			/* the item */
	int64_t version;		/* its version as shown */
	char *ref;
	int outcome;			/* index into the outcomes */
	bool needs_reason;		/* the move asks for one */
	bool voted;
	int64_t votes[3];		/* for, against, abstaining */
	char *reason;
	char **people;			/* the roll call's logins or names */
	size_t npeople;
};

void meetingview_free(struct meetingview *mv);

/* ACTION_MEETING, ACTION_ROLL_CALL, and Enter in meeting mode: true,
 * with the reaction in *react, when the action is meeting mode's. */
bool meetingview_action(struct app *app, enum action a, unsigned *react);
/* A key while meeting mode's chooser is open: true when it took it. */
bool meetingview_key(struct app *app, const char *key, unsigned *react);

/* The open chooser, for the UI to draw; NULL when none. */
struct chooser *meetingview_chooser(struct app *app);
/* The agenda, when a meeting is being run; NULL otherwise. */
struct listview *meetingview_list(struct app *app);
/* Reads the meeting's facts and its agenda again. */
int meetingview_reload(struct app *app, struct err *e);
/* The UI's rows for the view; the agenda takes what the facts and the
 * summary leave. */
void meetingview_set_height(struct app *app, int rows);

/* Rows under the agenda for the selected item's summary. */
#define MEETINGVIEW_SUMMARY 6

#endif
