/*
 * impactgrid.h: the integrated impact assessment of one recommendation,
 * edited as the grid councils fill in.
 *
 * I opens it for the selected recommendation (in any view, meeting mode
 * too): the nineteen headings in their groups, each with its rating and
 * comment. j and k move; n, p and x rate the heading neutral, positive
 * or negative at once; Enter edits its comment; Escape closes. Each
 * change is saved through store_impact_set against the version shown,
 * so someone else's change in between is reported, not overwritten.
 */
#ifndef COOPCOM_VM_IMPACTGRID_H
#define COOPCOM_VM_IMPACTGRID_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "coopcom/store/impact.h"
#include "coopcom/vm/action.h"

struct app;

struct impactgrid {
	int64_t rec;			/* the recommendation */
	char *ref;			/* its reference */
	struct store_impact grid[IMPACT_HEADINGS];
	size_t sel;			/* the heading with the cursor */
	int scroll;			/* first heading shown: the UI's */
};

void impactgrid_free(struct impactgrid *g);

/* The open grid, for the UI to draw; NULL when closed. */
struct impactgrid *impactgrid_open(struct app *app);

/* ACTION_IMPACT: true, with the reaction in *react. */
bool impactgrid_action(struct app *app, enum action a, unsigned *react);
/* A key while the grid is open: true when it took it. */
bool impactgrid_key(struct app *app, const char *key, unsigned *react);

#endif
