/* check_vm.c: the view-model layer's tests: actions in, state out. */
#include "check.h"

CHECK_MAIN(input_suite, views_suite, form_suite, draft_suite, writer_suite,
    report_suite, import_suite, meetingview_suite, timeline_suite, idle_suite,
    vm_delivery_suite, activity_suite, ical_suite, calendar_suite,
    progress_report_suite, exportjob_suite, listview_suite)
