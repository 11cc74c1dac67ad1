/* check_vm.c: the view-model layer's tests: actions in, state out. */
#include "check.h"

CHECK_MAIN(input_suite, views_suite, form_suite, draft_suite, writer_suite,
    report_suite, import_suite, meetingview_suite)
