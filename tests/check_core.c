/* check_core.c: the core layer's unit tests. */
#include "check.h"

CHECK_MAIN(money_suite, date_suite, timescale_suite, workflow_suite,
    entity_suite, impact_suite, rag_suite)
