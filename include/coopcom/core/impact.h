/*
 * impact.h: the integrated impact assessment, as data.
 *
 * A council report carries a grid (Norwich, Cabinet 13 February 2013)
 * that rates a proposal neutral, positive or negative under nineteen
 * headings, in five groups: economic, social, equality and diversity,
 * environmental, and risk. The headings here are that grid's, in its
 * order; the database keeps each heading by its id ("finance"), so a
 * label can be reworded without touching stored ratings.
 */
#ifndef COOPCOM_CORE_IMPACT_H
#define COOPCOM_CORE_IMPACT_H

#include <stddef.h>

#include "coopcom/util/err.h"

enum impact_group {
	IMPACT_ECONOMIC,
	IMPACT_SOCIAL,
	IMPACT_EQUALITY,
	IMPACT_ENVIRONMENTAL,
	IMPACT_RISK,
	IMPACT_GROUP_COUNT
};

enum impact_rating {
	IMPACT_UNRATED,		/* nothing recorded */
	IMPACT_NEUTRAL,
	IMPACT_POSITIVE,
	IMPACT_NEGATIVE,
	IMPACT_RATING_COUNT
};

struct impact_heading {
	const char *id;			/* as stored and typed: "finance" */
	const char *label;		/* as the grid writes it */
	enum impact_group group;
};

/* The number of headings in the grid. */
#define IMPACT_HEADINGS 19

/* Heading I (0 <= I < IMPACT_HEADINGS), in the grid's order; static. */
const struct impact_heading *impact_heading(size_t i);

/*
 * The index of the heading a person typed: its id, its label (case
 * ignored) or its number in the grid (1 to 19). -1 with ERR_INVALID
 * listing the ids when there is none.
 */
int impact_heading_find(const char *text, struct err *e);

/* "Economic", "Social", "Equality and diversity", ...; static. */
const char *impact_group_label(enum impact_group g);

/* "neutral", "positive", "negative" ("" for unrated); static. */
const char *impact_rating_name(enum impact_rating r);

/*
 * Reads a rating as typed ("negative", "Neg", "-", "+", "0"...): 0, or
 * -1 with ERR_INVALID saying what is accepted.
 */
int impact_rating_parse(const char *text, enum impact_rating *r,
    struct err *e);

#endif
