/*
 * rag.h: red/amber/green and "due" states, computed, never typed in.
 *
 * Council delivery trackers are tables where somebody types "Green" by
 * hand. Here the colour follows from dates alone, so two people looking at
 * the same record on the same day see the same colour, and --today makes
 * every answer testable. The timeline chart, the lists, the detail panel
 * and the progress report all ask these two functions.
 *
 * Days are day numbers (date.h); RAG_NO_DATE stands for "not set".
 *
 * DELIVERY of an adopted recommendation (rag_delivery):
 *   done   it has an actual (delivered) date;
 *   red    the due date (the revised date if there is one, else the
 *          target) is before today;
 *   amber  due within amber_days of today (today itself included); or
 *          the target was revised to a later date (it slipped); or it is
 *          stale;
 *   green  otherwise, with a due date;
 *   none   no due date at all (and not stale): nothing to measure against.
 *   stale  (a flag beside the colour) the last update is more than
 *          stale_days before today, or there has been none.
 *
 * DUE STATE of anything with a date range (rag_due), e.g. a milestone:
 *   done, cancelled  as recorded;
 *   undated          no range (TBC or no date in the text);
 *   overdue          the range ended before today;
 *   soon             it starts within amber_days of today or has started;
 *   later            otherwise.
 */
#ifndef COOPCOM_CORE_RAG_H
#define COOPCOM_CORE_RAG_H

#include <stdbool.h>
#include <stdint.h>

#define RAG_NO_DATE INT32_MIN

enum rag { RAG_NONE, RAG_GREEN, RAG_AMBER, RAG_RED, RAG_DONE };

struct rag_rules {
	int amber_days;		/* the config's amber_days */
	int stale_days;		/* the config's stale_update_days */
};

struct rag_delivery_in {
	int32_t target;		/* target date, or RAG_NO_DATE */
	int32_t revised;	/* revised date, or RAG_NO_DATE */
	int32_t actual;		/* actual (delivered) date, or RAG_NO_DATE */
	int32_t last_update;	/* last progress update, or RAG_NO_DATE */
};

struct rag_result {
	enum rag rag;
	bool stale;		/* no update for longer than stale_days */
	bool slipped;		/* revised to later than the target */
	int32_t due;		/* revised, else target, else RAG_NO_DATE */
	int32_t done_on;	/* the actual date, or RAG_NO_DATE */
	int32_t days_left;	/* due - today (negative: overdue); 0 when
				   there is no due date */
	int32_t since_update;	/* days since the last update; -1 never */
};

struct rag_result rag_delivery(const struct rag_delivery_in *in,
    int32_t today, const struct rag_rules *rules);

/*
 * Why R was given, in words for a report or the detail panel: "delivered
 * 2026-03-01", "overdue by 12 days", "due in 3 days; target revised to
 * 2027-03-01; no update for 75 days", "on track, due in 200 days", "no
 * target date". Written into out (size bytes, always terminated).
 */
void rag_explain(struct rag_result r, char *out, unsigned size);

/* "none", "green", "amber", "red", "done". */
const char *rag_name(enum rag rag);

enum rag_due {
	DUE_LATER, DUE_SOON, DUE_OVERDUE, DUE_UNDATED, DUE_DONE,
	DUE_CANCELLED
};

/* earliest/latest as day numbers, or both RAG_NO_DATE when undated. */
enum rag_due rag_due(int32_t earliest, int32_t latest, bool done,
    bool cancelled, int32_t today, int amber_days);

/* "later", "soon", "overdue", "undated", "done", "cancelled". */
const char *rag_due_name(enum rag_due due);

#endif
