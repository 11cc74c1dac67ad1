/*
 * calendar.h: the dated things of the timeline, a row at a time, for the
 * calendar export (vm/calendar.h) and the progress report.
 *
 * The timeline holds the milestones (with their timescales as written and
 * the range of days derived from them) and the recommendations that have a
 * due date: the revised date when there is one, else the target. Rows come
 * in date order: by earliest day, then latest, milestones before
 * recommendations on the same days, then by id; the undated come last,
 * "to be confirmed" before the rest.
 *
 * Also here: the database's identity, which the calendar's UIDs are made
 * from, and the sets of stages that say whether a recommendation is being
 * delivered, was delivered or was dropped, from the workflow's flags.
 */
#ifndef COOPCOM_STORE_CALENDAR_H
#define COOPCOM_STORE_CALENDAR_H

#include <stdbool.h>
#include <stdint.h>

#include "coopcom/store/store.h"

/* One item of the timeline. Strings are borrowed until the next
 * store_calendar_next; none is NULL unless said. */
struct calendar_item {
	bool milestone;			/* else a recommendation */
	int64_t id;
	const char *commission;		/* code: "CC" */
	const char *subgroup;		/* code: "LCL"; "" for none */
	const char *theme;		/* the milestone's, else the
					   sub-group's; "" for none */
	const char *ref;		/* recommendation: "CC-LCL-03";
					   milestone: "" */
	const char *title;
	const char *timescale;		/* milestone: as written;
					   recommendation: "" */
	const char *target, *revised;	/* recommendation: ISO or NULL */
	const char *earliest, *latest;	/* ISO, or both NULL: undated */
	const char *dating;		/* exact, range, tbc, undated */
	const char *status;		/* milestone's status line, or "" */
	const char *state;		/* milestone: planned, done,
					   cancelled; recommendation: stage */
	bool done, cancelled;
	const char *done_on;		/* ISO, or NULL */
	int64_t version;		/* bumped by every change */
	const char *updated_at;		/* UTC "YYYY-MM-DD HH:MM:SS" */
};

struct store_calendar;

/*
 * Opens the timeline of COMMISSION_ID and SUBGROUP_ID (0: all); *TOTAL is
 * how many items it holds. A recommendation is done when it has an actual
 * date or has reached a final delivery stage (done_on is then the actual
 * date, else the day it reached that stage); cancelled when it is in a
 * final stage that is not a delivery stage (rejected, withdrawn...). A
 * milestone is done or cancelled by its state.
 */
int store_calendar_open(struct store *st, int64_t commission_id,
    int64_t subgroup_id, struct store_calendar **out, int64_t *total,
    struct err *e);
/* 1 with *ITEM set, 0 at the end, -1 on error. */
int store_calendar_next(struct store_calendar *c,
    const struct calendar_item **item, struct err *e);
void store_calendar_close(struct store_calendar *c);

/*
 * The database's identity, made once when its schema reached version 3:
 * a UUID in lower-case hex. Caller frees *ID.
 */
int store_database_id(struct store *st, char **id, struct err *e);

enum store_stage_set {
	STAGES_DELIVERY,		/* delivery is tracked there */
	STAGES_DELIVERED,		/* final delivery stages */
	STAGES_DROPPED			/* final, not delivery: refused or
					   withdrawn */
};

/* The workflow's stages of the set, as ",id,id,"; caller frees. */
char *store_stage_set(const struct store *st, enum store_stage_set which);

#endif
