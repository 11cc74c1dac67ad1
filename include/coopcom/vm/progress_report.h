/*
 * progress_report.h: the six-monthly progress report on delivery.
 *
 * For a period (FROM to TO, both days included), per sub-group or per
 * theme, it says (store/period.h gives the facts):
 *
 *   due      the recommendations whose due date (the revised date, else
 *            the target) falls in the period, and the milestones whose
 *            range of days overlaps it;
 *   done     those delivered (actual date) or done (milestone's done on
 *            date) on a day of the period, by the report's date;
 *   late     those late at the report's date: a recommendation whose
 *            red/amber/green is red (rag_delivery), a milestone whose
 *            due state is overdue (rag_due); never a cancelled one;
 *   moved    the recommendations that changed stage in the period: who,
 *            when, from which stage to which;
 *   silent   the people responsible for a recommendation being delivered
 *            who sent no progress update in the period, with those
 *            recommendations;
 *
 * and a summary table of the counts at the top. Every red/amber/green
 * and due state is core/rag.h's, computed as at the REPORT'S DATE: the
 * end of the period, or today (date_today(), which --today fixes) when
 * the period has not ended yet. A delivery or an update dated after the
 * report's date is not counted as made by then.
 *
 * Markdown and HTML are the whole report (HTML one self-contained,
 * print-ready page, as the report to Cabinet). CSV is one row per entry
 * of a section, the section named in the first column: due, done, late,
 * stage_change, no_update. The whole period is loaded, then written.
 */
#ifndef COOPCOM_VM_PROGRESS_REPORT_H
#define COOPCOM_VM_PROGRESS_REPORT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "coopcom/core/rag.h"
#include "coopcom/store/store.h"
#include "coopcom/vm/doc.h"

struct progress_options {
	const char *from, *to;		/* ISO dates, as typed */
	int64_t commission_id;		/* 0: every commission */
	bool by_theme;			/* else by sub-group */
	enum doc_format format;
	struct rag_rules rules;		/* the config's amber and stale days */
	/* Called every so often with how many of TOTAL entries are
	 * written, and once at the end; may be NULL. */
	void (*progress)(void *arg, int64_t done, int64_t total);
	void *arg;
};

/*
 * Checks a period as typed: FROM and TO real days (YYYY-MM-DD), FROM on
 * or before TO. 0, or -1 with ERR_INVALID saying what is wrong.
 */
int progress_report_period(const char *from, const char *to, struct err *e);

/*
 * "subgroup" or "theme" (NULL: subgroup) into *BY_THEME; anything else
 * is an error.
 */
int progress_report_by(const char *text, bool *by_theme, struct err *e);

/* Writes the report to FP; 0, or -1 (ERR_INVALID for a bad period,
 * ERR_IO when FP failed). */
int progress_report_write(struct store *st, const struct progress_options *o,
    FILE *fp, struct err *e);

#endif
