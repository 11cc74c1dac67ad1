/*
 * test_exportjob.c: p and x from the full-screen interface, by keys: the
 * questions asked and what they offer, the files written through the
 * report's path with the progress hook called, and a bad period or file
 * name refused with a message; both reachable from the timeline view.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "../check.h"
#include "../store/fixture.h"
#include "coopcom/core/date.h"
#include "coopcom/vm/app.h"
#include "keys.h"

static struct session ses;
static struct app app;
static int64_t calls;

static void
progress(struct app *a, int64_t done, int64_t total)
{
	ck_assert_ptr_eq(a, &app);
	ck_assert_int_le(done, total);
	calls++;
}

static void
setup(void)
{
	fx_setup_world();
	fx_add(fx.st, ENT_MILESTONE, FX_VALS({ "commission", "CC" },
	    { "title", "Plan published" }, { "timescale", "End June 2012" }));
	keys_start(&app, &ses, FX_ADMIN, false);
	app_set_heights(&app, 20, 60, 20);
	app.progress = progress;
	calls = 0;
	date_set_today((struct date){ 2012, 6, 30 });
}

/* Replaces what the prompt offers with TEXT and presses Enter. */
static void
answer(const char *text)
{
	ck_assert_int_eq(app.prompt.kind, PROMPT_LINE);
	lineedit_set(&app.prompt.edit, text);
	keys_press(&app, "Enter");
}

START_TEST(test_progress_report_by_keys)
{
	char *path = fx_file("progress.csv"), *csv;
	size_t len;

	keys_press(&app, "p");
	fx_assert_has(app.prompt.label, "period");
	ck_assert_str_eq(lineedit_text(&app.prompt.edit),
	    "2011-12-31 2012-06-30");
	answer("2012-01-01 to 2012-06-30");
	fx_assert_has(app.prompt.label, ".md, .html or .csv");
	ck_assert_str_eq(lineedit_text(&app.prompt.edit),
	    "progress-2012-01-01-to-2012-06-30.html");
	answer(path);
	ck_assert_msg(!app.message_error, "%s", app.message);
	fx_assert_has(app.message, "progress report for 2012-01-01 to "
	    "2012-06-30 is in");
	ck_assert_int_ge(calls, 1);
	csv = fx_slurp(path, &len);
	ck_assert_int_eq(strncmp(csv, "section,group,", 14), 0);
	fx_assert_has(csv, "due,CC Co-operative Commission (the whole "
	    "commission),milestone,");
	free(csv);
	free(path);
}
END_TEST

START_TEST(test_bad_period_refused)
{
	keys_press(&app, "p");
	answer("2012-06-30 2012-01-01");
	ck_assert(app.message_error);
	fx_assert_has(app.message, "runs backwards");
	ck_assert_int_eq(app.prompt.kind, PROMPT_NONE);
	keys_press(&app, "p");
	answer("last June");
	ck_assert(app.message_error);
	fx_assert_has(app.message, "the first day of the period");
	keys_press(&app, "p");
	answer("2012-01-01");
	ck_assert(app.message_error);
	fx_assert_has(app.message, "two dates");
}
END_TEST

START_TEST(test_timeline_by_keys_from_the_timeline_view)
{
	char *path = fx_file("timeline.ics"), *ics;
	size_t len;

	keys_press(&app, "4");
	ck_assert_int_eq(app.view, VIEW_TIMELINE);
	keys_press(&app, "x");
	fx_assert_has(app.prompt.label, ".ics, .csv or .md");
	ck_assert_str_eq(lineedit_text(&app.prompt.edit), "timeline.ics");
	answer(path);
	ck_assert_msg(!app.message_error, "%s", app.message);
	fx_assert_has(app.message, "(1 item)");
	ck_assert_int_ge(calls, 1);
	ics = fx_slurp(path, &len);
	ck_assert_int_eq(strncmp(ics, "BEGIN:VCALENDAR\r\n", 17), 0);
	fx_assert_has(ics, "SUMMARY:Plan published\r\n");
	free(ics);
	keys_press(&app, "x");
	answer("timeline.pdf");
	ck_assert(app.message_error);
	fx_assert_has(app.message, "ends in .ics, .csv or .md");
	free(path);
}
END_TEST

Suite *
exportjob_suite(void)
{
	Suite *s = suite_create("exportjob");
	TCase *tc = tcase_create("keys");

	tcase_add_checked_fixture(tc, setup, keys_teardown);
	tcase_add_test(tc, test_progress_report_by_keys);
	tcase_add_test(tc, test_bad_period_refused);
	tcase_add_test(tc, test_timeline_by_keys_from_the_timeline_view);
	suite_add_tcase(s, tc);
	return s;
}
