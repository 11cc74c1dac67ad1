/*
 * check.h: the suites of every layer and the one runner they share.
 *
 * Each tests/LAYER/test_MODULE.c exports MODULE_suite(); each
 * tests/check_LAYER.c lists its layer's suites and calls check_main.
 */
#ifndef COOPCOM_TESTS_CHECK_H
#define COOPCOM_TESTS_CHECK_H

#include <check.h>
#include <locale.h>
#include <stdlib.h>

Suite *buf_suite(void);
Suite *text_suite(void);
Suite *csv_suite(void);
Suite *money_suite(void);
Suite *date_suite(void);
Suite *timescale_suite(void);
Suite *rag_suite(void);
Suite *workflow_suite(void);
Suite *entity_suite(void);
Suite *config_suite(void);
Suite *workflow_file_suite(void);
Suite *db_suite(void);
Suite *record_suite(void);
Suite *audit_suite(void);
Suite *demo_suite(void);
Suite *advance_suite(void);
Suite *attend_suite(void);
Suite *busy_suite(void);
Suite *meeting_suite(void);
Suite *store_impact_suite(void);
Suite *delivery_suite(void);
Suite *store_activity_suite(void);
Suite *timeline_order_suite(void);
Suite *search_suite(void);
Suite *list_reverse_suite(void);
Suite *vm_delivery_suite(void);
Suite *impact_suite(void);
Suite *report_suite(void);
Suite *import_suite(void);
Suite *meetingview_suite(void);
Suite *input_suite(void);
Suite *screen_suite(void);
Suite *views_suite(void);
Suite *timeline_suite(void);
Suite *idle_suite(void);
Suite *activity_suite(void);
Suite *ical_suite(void);
Suite *calendar_suite(void);
Suite *progress_report_suite(void);
Suite *exportjob_suite(void);
Suite *listview_suite(void);

Suite *form_suite(void);
Suite *draft_suite(void);
Suite *writer_suite(void);

typedef Suite *(*suite_fn)(void);

static inline int
check_main(const suite_fn *suites, size_t n)
{
	SRunner *sr;
	size_t i;
	int failed;

	setlocale(LC_ALL, "C.UTF-8");
	sr = srunner_create(suites[0]());
	for (i = 1; i < n; i++)
		srunner_add_suite(sr, suites[i]());
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

#define CHECK_MAIN(...)							\
	int								\
	main(void)							\
	{								\
		static const suite_fn suites[] = { __VA_ARGS__ };	\
		return check_main(suites, sizeof suites / sizeof suites[0]); \
	}

#endif
