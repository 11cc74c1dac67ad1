/*
 * calendar.h: the timeline exported: iCalendar, CSV or Markdown.
 *
 * The milestones and the recommendations' due dates (store/calendar.h),
 * in date order, the undated last.
 *
 * ICS is a VCALENDAR an administrator can subscribe to from an ordinary
 * calendar program. Each dated item is an all-day VEVENT: an exact day
 * has a DTSTART alone; a range (a loose timescale such as "End July
 * 2011") runs from DTSTART to DTEND, the day after its last (RFC 5545:
 * DTEND is not part of the event). Undated items ("To be confirmed") are
 * left out, a calendar having nowhere to put them. An event's UID is
 * "milestone-ID@DATABASE" or "recommendation-ID@DATABASE", from the
 * database's identity (store_database_id) and the record's id, so it
 * never changes when the title, the dates or the order do, and a second
 * export updates the events of the first instead of adding to them; its
 * SEQUENCE is the record's version and DTSTAMP and LAST-MODIFIED its last
 * change, so a calendar sees which changed. STATUS is CANCELLED for a
 * cancelled milestone or a dropped recommendation, CONFIRMED otherwise.
 * Nothing in the file depends on the day it is written: two exports of
 * an unchanged database are the same bytes.
 *
 * CSV and Markdown list every item, the undated too (dating "tbc" or
 * "undated"), with its due state today (core/rag.h: later, soon,
 * overdue, undated, done, cancelled). CSV columns: id, kind, ref,
 * commission, subgroup, theme, title, timescale, earliest, latest,
 * dating, state, done_on, due.
 */
#ifndef COOPCOM_VM_CALENDAR_H
#define COOPCOM_VM_CALENDAR_H

#include <stdint.h>
#include <stdio.h>

#include "coopcom/store/store.h"

enum calendar_format { CALENDAR_ICS, CALENDAR_CSV, CALENDAR_MD };

/* "ics", "csv" or "md" (or "markdown"); anything else, or NULL, is an
 * error saying which are allowed. */
int calendar_parse_format(const char *text, enum calendar_format *f,
    struct err *e);

struct calendar_options {
	int64_t commission_id;		/* 0: every commission */
	int64_t subgroup_id;		/* 0: every sub-group */
	enum calendar_format format;
	int amber_days;			/* the config's: "soon" */
	/* Called every so often with how many of TOTAL items are written,
	 * and once at the end; may be NULL. */
	void (*progress)(void *arg, int64_t done, int64_t total);
	void *arg;
};

/* Writes the timeline to FP; 0, or -1 (ERR_IO when FP failed). */
int calendar_write(struct store *st, const struct calendar_options *o,
    FILE *fp, struct err *e);

#endif
