/*
 * delivery.h: tracking the delivery of adopted recommendations.
 *
 * Once a recommendation reaches a delivery stage (a stage the workflow
 * marks `delivery = true`: adopted, in delivery, delivered) the people
 * responsible record progress updates: a percent complete, a note, or
 * both. Red/amber/green is never stored: it is computed by core/rag.h
 * from the target, revised and actual dates and the last update, with
 * the rules of the configuration (amber_days, stale_update_days). The
 * store registers it as SQL functions, so the "delivery" list (list.h)
 * shows, filters and sorts by it:
 *
 *	rag(target, revised, actual, last_update, today)        "red"...
 *	rag_stale(target, revised, actual, last_update, today)  0 or 1
 *	rag_why(target, revised, actual, last_update, today)    the reason
 *
 * each argument an ISO date or NULL (today is bound as :today).
 */
#ifndef COOPCOM_STORE_DELIVERY_H
#define COOPCOM_STORE_DELIVERY_H

#include <stdbool.h>
#include <stdint.h>

#include "coopcom/core/rag.h"
#include "coopcom/store/store.h"
#include "coopcom/util/err.h"

/* The config's defaults, used until store_set_rag_rules is called. */
#define DELIVERY_AMBER_DAYS 30
#define DELIVERY_STALE_DAYS 60

/* The rules of red/amber/green for this store (copied). */
void store_set_rag_rules(struct store *st, const struct rag_rules *rules);
/* Borrowed for the store's life. */
const struct rag_rules *store_rag_rules(const struct store *st);

/* Whether the workflow in use tracks delivery at stage ID. */
bool store_delivery_stage(const struct store *st, const char *id);

/*
 * Records one progress update on recommendation REC_ID, dated today
 * (date_today(), so --today applies), by the person acting. PERCENT is
 * as typed ("60", "60%"; NULL or blank: not given) and becomes the
 * recommendation's percent complete; NOTE may be NULL or blank; at least
 * one must be given. In one transaction: the VERSION check (0 = current;
 * a newer row is ERR_CONFLICT, saying who changed it), who may (the
 * responsible or accountable person, a member of its sub-group, its
 * commission's secretary, an administrator: ERR_DENIED naming them), the
 * stage (ERR_GUARD outside a delivery stage), the update row, the new
 * percent and version, and an audit entry ("progress", with the note).
 */
int store_progress_update(struct store *st, int64_t rec_id, int64_t version,
    const char *percent, const char *note, struct err *e);

/* Red/amber/green of recommendation REC_ID today, as rag_delivery gives. */
int store_delivery_rag(struct store *st, int64_t rec_id,
    struct rag_result *out, struct err *e);

#endif
