/*
 * meeting.h: meetings as the secretary runs them: the quorum, the facts
 * of one meeting, and recording a decision on an agenda item.
 *
 * The quorum is a rule of the store, not of a front end: a meeting of a
 * body with fewer people present than that body's quorum can defer items
 * or note them, but cannot approve, reject, refer back, accept or adopt
 * anything (store_decide, store_advance and store_create of a decision
 * all refuse). The numbers come from whoever opens the store (the
 * session passes config.quorum.*); 0 for a body means "not checked".
 *
 * The agenda of a meeting is the store list "agenda" (list.h, filter
 * .record = the meeting): the recommendations awaiting the meeting's
 * body (those at a stage from which the workflow has a move decided by
 * that body, or moved by its members), with this meeting's decision on
 * each when one was recorded. The list "decisions" is every decision of
 * a meeting, for the minutes.
 */
#ifndef COOPCOM_STORE_MEETING_H
#define COOPCOM_STORE_MEETING_H

#include <stdbool.h>
#include <stdint.h>

#include "coopcom/store/store.h"

/* The bodies a meeting can be of, as stored ("assembly", ...); NULL-ended. */
#define STORE_NBODIES 6
extern const char *const store_bodies[STORE_NBODIES + 1];

/*
 * Sets how many people must be present at a meeting of BODY for it to
 * decide (0 = not checked, the default). ERR_INVALID for an unknown body
 * or a negative number.
 */
int store_set_quorum(struct store *st, const char *body, int present,
    struct err *e);
/* The quorum of BODY; 0 when not checked or unknown. */
int store_quorum(const struct store *st, const char *body);

/* One meeting as the agenda and minutes show it. Strings owned. */
struct store_meeting {
	int64_t id;
	char *body;			/* "assembly" */
	char *title;			/* "" when none */
	char *held_on;			/* ISO date */
	char *place;			/* "" when none */
	char *scope;			/* "CC", "CC-LCL", or "" */
	int64_t commission_id;		/* 0 when none */
	int64_t subgroup_id;		/* 0 when none */
	int present, apologies, absent;	/* attendance recorded */
	int quorum;			/* needed present; 0: not checked */
	bool quorate;			/* quorum == 0 || present >= quorum */
};

int store_meeting_get(struct store *st, int64_t id, struct store_meeting *m,
    struct err *e);
void store_meeting_done(struct store_meeting *m);

/* A decision on one agenda item, as the secretary records it. */
struct store_decision {
	const char *outcome;	/* approved, rejected, referred_back,
				   deferred, accepted, not_accepted,
				   adopted or noted */
	const char *reason;	/* NULL or "" for none; rejecting and
				   referring back need one */
	const char *actions;	/* actions agreed; NULL or "" for none */
	bool voted;		/* a vote was taken: the counts count */
	int64_t votes_for, votes_against, votes_abstain;
	int64_t version;	/* the recommendation's version as seen;
				   0 = whatever is current */
};

/*
 * Records meeting MEETING_ID's decision on recommendation REC_ID, in one
 * transaction. "deferred" and "noted" record the decision and leave the
 * recommendation where it is. Any other outcome must be one the workflow
 * lets the meeting's body decide from the recommendation's stage: the
 * decision is recorded and the recommendation moved (store_advance, with
 * the meeting as its decision reference); the workflow's rules (who may,
 * a reason for a rejection or referral) and the quorum apply.
 * *DECISION_ID (may be NULL) receives the new decision's id.
 */
int store_decide(struct store *st, int64_t meeting_id, int64_t rec_id,
    const struct store_decision *d, int64_t *decision_id, struct err *e);

/*
 * The stage OUTCOME at a meeting of BODY moves a recommendation at stage
 * FROM to, per the workflow; NULL when the workflow has no such move.
 * Borrowed from the workflow.
 */
const char *store_decision_stage(const struct store *st, const char *body,
    const char *from, const char *outcome);

#endif
