/*
 * demo.h: the demo database, from the Telford & Wrekin Cabinet report of
 * 26 July 2011: its commissions, sub-groups, people, timescales, Early
 * Adopter Programme and a dozen recommendations at every stage.
 */
#ifndef COOPCOM_STORE_DEMO_H
#define COOPCOM_STORE_DEMO_H

#include "coopcom/store/store.h"

/*
 * Fills an empty database through the ordinary store functions, as the
 * person the store was opened as (an administrator), in one transaction:
 * all of it or nothing.
 */
int demo_build(struct store *st, struct err *e);

#endif
