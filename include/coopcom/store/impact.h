/*
 * impact.h: each recommendation's integrated impact assessment.
 *
 * One row per rated heading (core/impact.h) per recommendation, with a
 * comment, a version and who changed it last. A rating is set by the
 * people who may edit the recommendation while it is still editable;
 * once it has gone on (submitted, approved...), only the commission's
 * secretary or an administrator may, since assessments are often
 * finished for the report to Cabinet. Every change is audited on the
 * recommendation, so it shows in its history.
 */
#ifndef COOPCOM_STORE_IMPACT_H
#define COOPCOM_STORE_IMPACT_H

#include <stdbool.h>
#include <stdint.h>

#include "coopcom/core/impact.h"
#include "coopcom/store/store.h"

/* One heading of one recommendation's assessment. */
struct store_impact {
	enum impact_rating rating;	/* IMPACT_UNRATED when none */
	char *comment;			/* owned; "" when none */
	int64_t version;		/* 0 when none was recorded */
};

/* The whole grid of REC_ID, by heading index; free with
 * store_impact_free. */
int store_impact_get(struct store *st, int64_t rec_id,
    struct store_impact grid[IMPACT_HEADINGS], struct err *e);
void store_impact_free(struct store_impact grid[IMPACT_HEADINGS]);

/*
 * Rates heading HEADING (an index) of REC_ID as RATING with COMMENT
 * (NULL keeps the comment there is). VERSION is the heading's version as
 * the person saw it (0 = whatever is current, or none yet); when it has
 * moved on, nothing is saved (ERR_CONFLICT naming who changed it).
 */
int store_impact_set(struct store *st, int64_t rec_id, size_t heading,
    enum impact_rating rating, const char *comment, int64_t version,
    struct err *e);

/* Where the ratings of many recommendations fall, per heading. */
struct store_impact_count {
	int64_t count[IMPACT_RATING_COUNT];	/* by rating; [IMPACT_UNRATED]
						   counts those not rated */
	char *negative;			/* owned: the first references rated
					   negative, "CC-LCL-01 CC-BRK-02",
					   with "and N more" */
};

/*
 * The matrix across the recommendations of COMMISSION_ID (0 for all):
 * when REPORT_ONLY, those that go in the report to Cabinet
 * (store_report_stages), else every one not archived. *RECS is how many
 * recommendations that is. Free with store_impact_matrix_free.
 */
int store_impact_matrix(struct store *st, int64_t commission_id,
    bool report_only, struct store_impact_count m[IMPACT_HEADINGS],
    int64_t *recs, struct err *e);
void store_impact_matrix_free(struct store_impact_count m[IMPACT_HEADINGS]);

#endif
