/* check_store.c: the store layer's unit tests, each on a fresh database. */
#include "check.h"

CHECK_MAIN(db_suite, record_suite, audit_suite, demo_suite,
    advance_suite, attend_suite, meeting_suite, store_impact_suite,
    busy_suite, delivery_suite, store_activity_suite,
    timeline_order_suite, search_suite, list_reverse_suite)
