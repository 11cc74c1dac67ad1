/*
 * period.h: the facts a progress report needs about one period.
 *
 * A council reports every six months what was due, what was done, what
 * is late, which recommendations moved on and who has gone quiet
 * (seed 003, 2.11). This module reads, for a period FROM..TO (ISO dates,
 * both days included), three lists, each in the order of its group (the
 * sub-group, or the theme) and then by date:
 *
 *   items     the milestones and recommendations that may be due, done
 *             or late in the period: those whose due days reach into it
 *             or lie before its end, and those done in it. Which of them
 *             were due, done or late is the view-model's to decide (with
 *             core/rag.h), not SQL's.
 *   moves     the stage changes recorded in the audit trail on a day of
 *             the period (the entry's UTC date).
 *   silences  the recommendations being delivered (a delivery stage, not
 *             delivered before FROM) that have a responsible person and
 *             no progress update dated in the period, by whoever it was
 *             written.
 *
 * Groups: by sub-group, the key is "CC LCL" (the commission's own
 * milestones, with no sub-group, are "CC ", sorted before its
 * sub-groups) and the label "CC-LCL Leisure, Culture & Libraries"; by
 * theme, the key and the label are the theme (the milestone's, else its
 * sub-group's), "" when none is stated.
 *
 * Everything is loaded: a period holds a few hundred items, not the
 * whole database.
 */
#ifndef COOPCOM_STORE_PERIOD_H
#define COOPCOM_STORE_PERIOD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "coopcom/store/store.h"

struct period_scope {
	const char *from, *to;		/* ISO, both included */
	const char *as_at;		/* ISO: later updates are not seen */
	int64_t commission_id;		/* 0: every commission */
	bool by_theme;			/* else by sub-group */
};

/* Every string is owned by the struct period it is in; NULL only where
 * said. */
struct period_group {
	char *key;			/* sorts the groups; see above */
	char *label;
};

struct period_item {
	struct period_group group;
	bool milestone;			/* else a recommendation */
	int64_t id;
	char *ref;			/* recommendation's; "" for a
					   milestone */
	char *title;
	char *timescale;		/* milestone's as written, else "" */
	char *earliest, *latest;	/* due days (a recommendation's due
					   date twice); never NULL here */
	char *target, *revised;		/* recommendation: ISO or NULL */
	char *done_on;			/* as calendar.h; NULL when not done */
	bool done, cancelled;		/* as calendar.h */
	char *last_update;		/* last progress update on or before
					   as_at (ISO), or NULL */
	char *responsible;		/* the person's name, or NULL */
	char *state;			/* stage id, or milestone's state */
};

struct period_move {
	struct period_group group;
	int64_t id;			/* the recommendation */
	char *ref, *title;
	char *at;			/* UTC "YYYY-MM-DD HH:MM:SS" */
	char *who;			/* the person's name, else the login */
	char *from, *to;		/* stage ids */
	char *note;			/* "" for none */
};

struct period_silence {
	struct period_group group;
	int64_t person_id;
	char *person;			/* name */
	int64_t id;			/* the recommendation */
	char *ref, *title;
	char *last_update;		/* the last ever, up to the period's
					   end (ISO), or NULL */
};

struct period {
	struct period_item *items;
	size_t nitems;
	struct period_move *moves;
	size_t nmoves;
	struct period_silence *silences;
	size_t nsilences;
};

/* Loads the period's facts into *P (free with store_period_free); 0 or -1. */
int store_period_load(struct store *st, const struct period_scope *scope,
    struct period *p, struct err *e);
void store_period_free(struct period *p);

#endif
