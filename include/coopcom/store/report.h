/*
 * report.h: the recommendations that go into the report to Cabinet, a
 * row at a time.
 *
 * The report holds the recommendations the Assembly approved and those
 * that went on from there (with the default workflow: approved,
 * in_report, accepted, adopted, in_delivery and delivered), in the order
 * the report prints them: by commission, sub-group, term (short, medium,
 * long, then not stated) and reference. Each row carries its impact
 * assessment, so the whole report is one pass over one query: nothing is
 * loaded whole, however many recommendations there are.
 */
#ifndef COOPCOM_STORE_REPORT_H
#define COOPCOM_STORE_REPORT_H

#include <stdbool.h>
#include <stdint.h>

#include "coopcom/core/impact.h"
#include "coopcom/store/store.h"

/*
 * The stages whose recommendations go in the report, as ",id,id,": the
 * stages the Assembly's approval leads to and every stage reached from
 * them by a move that is not a refusal (no decision, or one approving,
 * accepting or adopting). Caller frees.
 */
char *store_report_stages(const struct store *st);

/* One recommendation of the report. Strings are borrowed until the next
 * store_report_next; NULL only where said. */
struct report_item {
	int64_t id;
	const char *commission;		/* code: "CC" */
	const char *commission_name;
	const char *subgroup;		/* code: "LCL" */
	const char *subgroup_name;
	const char *term;		/* short, medium, long; NULL: not stated */
	const char *ref;
	const char *title;
	const char *text;		/* "" when none */
	const char *stage;		/* stage id */
	const char *target;		/* ISO date, or NULL */
	const char *equality_impact;	/* NULL when none recorded */
	bool has_savings, has_cost;	/* stated (£0 is stated) */
	int64_t savings, cost;		/* pence; 0 when not stated */
	bool assessed;			/* some heading is rated */
	struct {
		enum impact_rating rating;
		const char *comment;	/* "" when none */
	} impacts[IMPACT_HEADINGS];
};

struct store_report;

/*
 * Opens the report of COMMISSION_ID (0: every commission); *TOTAL is how
 * many recommendations it holds (for a progress indicator).
 */
int store_report_open(struct store *st, int64_t commission_id,
    struct store_report **out, int64_t *total, struct err *e);
/* 1 with *ITEM set, 0 at the end, -1 on error. */
int store_report_next(struct store_report *r, const struct report_item **item,
    struct err *e);
void store_report_close(struct store_report *r);

#endif
