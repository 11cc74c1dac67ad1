/*
 * report.h: the commission's report to Cabinet, written from the store.
 *
 * The approved recommendations (store/report.h) grouped by sub-group and
 * by term, each with its reference, text, savings, up-front cost, the
 * Citizens' Group's equality impact comments and the integrated impact
 * assessment grid, key decisions flagged; totals per sub-group, per term
 * and overall, exact to the penny; where negative impacts accumulate;
 * the membership of the commission and its sub-groups; the engagement
 * carried out; and an appendix of timescales (the milestones).
 *
 * Markdown and HTML are the whole report; HTML is one self-contained,
 * print-ready page. CSV is the recommendations, one row each, then the
 * totals, for a spreadsheet. Everything is written as it is read, in one
 * pass over each query: the memory used does not grow with the number of
 * recommendations.
 */
#ifndef COOPCOM_VM_REPORT_H
#define COOPCOM_VM_REPORT_H

#include <stdint.h>
#include <stdio.h>

#include "coopcom/store/store.h"
#include "coopcom/vm/doc.h"

struct report_options {
	int64_t commission_id;		/* 0: every commission */
	enum doc_format format;
	int64_t key_decision_pence;	/* savings or cost at or above this
					   make a key decision */
	/* Called every so often with how many of TOTAL recommendations are
	 * written, and once at the end; may be NULL. */
	void (*progress)(void *arg, int64_t done, int64_t total);
	void *arg;
};

/* Writes the report to FP; 0, or -1 (ERR_IO when FP failed). */
int report_write(struct store *st, const struct report_options *o, FILE *fp,
    struct err *e);

/* "Short term (6 months)", ... "Term not stated" for NULL; static. */
const char *report_term_label(const char *term);

#endif
