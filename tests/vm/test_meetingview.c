/*
 * test_meetingview.c: meeting mode end to end, driven by key names as
 * the UI drives it: M picks the meeting, the quorum greys the decisions
 * until the roll call (P) has enough present, then each item is decided
 * in a few keys (approve with a vote and actions, refer back with the
 * reasons it insists on, defer), the impact grid (I) is rated and
 * commented, and the report (R) is written with its progress shown.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "keys.h"
#include "../check.h"
#include "../store/fixture.h"
#include "coopcom/store/meeting.h"
#include "coopcom/util/text.h"
#include "coopcom/vm/app.h"
#include "coopcom/vm/impactgrid.h"
#include "coopcom/vm/meetingview.h"
#include "coopcom/vm/reportjob.h"

static struct session ses;
static struct app app;
static int64_t meeting, recs[3];
static int64_t progress_calls, progress_done;

static void
setup(void)
{
	static const char *const titles[] = { "Open on Sundays",
		"Close the annexe", "Share the vans" };
	struct err e;
	size_t i;

	fx_setup_world();
	meeting = fx_add(fx.st, ENT_MEETING, FX_VALS({ "body", "assembly" },
	    { "commission", "CC" }, { "date", "2012-01-17" },
	    { "title", "Second meeting" }));
	for (i = 0; i < 3; i++) {
		recs[i] = fx_add(fx.st, ENT_RECOMMENDATION, FX_VALS(
		    { "subgroup", "CC-LCL" }, { "title", titles[i] },
		    { "term", "short" }, { "savings", "£100" },
		    { "upfront-cost", "0" }));
		fx_sql_intf("UPDATE recommendation SET stage = 'submitted' "
		    "WHERE id = %lld RETURNING id", (long long)recs[i]);
	}
	ck_assert_int_eq(store_set_quorum(fx.st, "assembly", 2, &e), 0);
	memset(&ses, 0, sizeof ses);
	config_defaults(&ses.config);
	ses.store = fx.st;
	ses.db_path = fx.path;
	ses.login = (char *)FX_ADMIN;
	err_clear(&e);
	ck_assert_msg(app_init(&app, &ses, &e) == 0, "%s", e.msg);
	app_set_heights(&app, 20, 60, 20);
}

static void
teardown(void)
{
	app_done(&app);
	config_done(&ses.config);
	fx_teardown();
}

static void
press(const char *keys)
{
	keys_press(&app, keys);
}

static void
type(const char *text)
{
	keys_type(&app, text);
}

static char *
stage_of(int64_t id)
{
	return fx_sql_textf("SELECT stage FROM recommendation WHERE id = %lld",
	    (long long)id);
}

static void
assert_stage(int64_t id, const char *want)
{
	char *s = stage_of(id);

	ck_assert_str_eq(s, want);
	free(s);
}

/* Starts meeting mode on the test's meeting. */
static void
run_meeting(void)
{
	press("M");
	ck_assert_ptr_nonnull(meetingview_chooser(&app));
	press("Enter");
	ck_assert_ptr_null(meetingview_chooser(&app));
	ck_assert_int_eq(app.view, VIEW_MEETING);
	ck_assert_int_eq(app.meeting->id, meeting);
	ck_assert_int_eq(meetingview_list(&app)->total, 3);
}

START_TEST(test_quorum_greys_until_roll_call)
{
	run_meeting();
	ck_assert(!app.meeting->facts.quorate);
	press("Enter");
	ck_assert_int_eq(app.meeting->open, MV_OUTCOME);
	press("a");
	fx_assert_has(app.message, "not quorate");
	ck_assert_int_eq(app.meeting->open, MV_OUTCOME);
	press("Escape");
	ck_assert_ptr_null(meetingview_chooser(&app));
	assert_stage(recs[0], "submitted");
	/* The roll call: the observer, then the secretary, present. */
	press("P");
	ck_assert_int_eq(app.meeting->open, MV_ROLL);
	ck_assert_uint_eq(app.meeting->chooser.n, 2);
	press("Enter Down Enter");
	fx_assert_has(app.meeting->chooser.items[1].label, "present");
	press("Escape");
	ck_assert_int_eq(app.meeting->facts.present, 2);
	ck_assert(app.meeting->facts.quorate);
	ck_assert_int_eq(fx_sql_intf("SELECT count(*) FROM attendance WHERE "
	    "meeting_id = %lld AND status = 'present'", (long long)meeting), 2);
	/* Enter again on a present person: apologies, then absent. */
	press("P Enter");
	ck_assert_int_eq(app.meeting->facts.present, 1);
	ck_assert_int_eq(app.meeting->facts.apologies, 1);
	press("Enter Escape");
	ck_assert_int_eq(app.meeting->facts.absent, 1);
}
END_TEST

START_TEST(test_items_decided_at_keyboard_speed)
{
	char *s;

	fx_sql_intf("INSERT INTO attendance(meeting_id, person_id, status) "
	    "SELECT %lld, id, 'present' FROM person RETURNING 1",
	    (long long)meeting);
	run_meeting();
	/* Approve, with a vote and an action. */
	press("Enter a");
	type("9 2 1");
	press("Enter Enter");
	type("Write to the trust");
	press("Enter");
	assert_stage(recs[0], "approved");
	ck_assert_int_eq(fx_sql_intf("SELECT votes_for * 10000 + votes_against "
	    "* 100 + votes_abstain FROM decision WHERE recommendation_id = "
	    "%lld", (long long)recs[0]), 90201);
	s = fx_sql_textf("SELECT actions FROM decision WHERE "
	    "recommendation_id = %lld", (long long)recs[0]);
	ck_assert_str_eq(s, "Write to the trust");
	free(s);
	fx_assert_has(app.message, "approved (9 for, 2 against, 1 abstaining)");
	/* The cursor went on to the next item: refer it back. */
	ck_assert_int_eq(meetingview_list(&app)->sel, 1);
	press("Enter b Enter Enter");
	fx_assert_has(app.message, "reasons are needed");
	ck_assert_int_eq(app.prompt.kind, PROMPT_LINE);
	type("Cost the staffing first");
	press("Enter Enter");
	assert_stage(recs[1], "referred_back");
	s = fx_sql_textf("SELECT reason FROM decision WHERE "
	    "recommendation_id = %lld", (long long)recs[1]);
	ck_assert_str_eq(s, "Cost the staffing first");
	free(s);
	/* Defer the third: a decision, no move. */
	press("Enter d Enter Enter Enter");
	assert_stage(recs[2], "submitted");
	ck_assert_int_eq(fx_sql_intf("SELECT count(*) FROM decision WHERE "
	    "recommendation_id = %lld AND outcome = 'deferred' AND "
	    "votes_for IS NULL", (long long)recs[2]), 1);
	/* Escape at a step records nothing. */
	press("Enter d Escape");
	fx_assert_has(app.message, "Nothing was recorded");
	ck_assert_int_eq(fx_sql_int("SELECT count(*) FROM decision"), 3);
	/* The agenda keeps the decided items, with their decisions. */
	ck_assert_int_eq(meetingview_list(&app)->total, 3);
	ck_assert_str_eq(listview_value(meetingview_list(&app), 0,
	    "decision"), "approved");
	press("Escape");
	ck_assert_int_eq(app.view, VIEW_MAIN);
}
END_TEST

START_TEST(test_impact_grid)
{
	char *s;

	run_meeting();
	press("I");
	ck_assert_ptr_nonnull(impactgrid_open(&app));
	ck_assert_str_eq(app.grid->ref, "CC-LCL-01");
	press("Enter");
	fx_assert_has(app.message, "Rate the heading first");
	press("x j p");
	press("Enter");
	type("Fewer vans");
	press("Enter");
	ck_assert_int_eq(app.grid->grid[0].rating, IMPACT_NEGATIVE);
	ck_assert_int_eq(app.grid->grid[1].rating, IMPACT_POSITIVE);
	press("Escape");
	ck_assert_ptr_null(impactgrid_open(&app));
	s = fx_sql_textf("SELECT group_concat(heading || ':' || rating || ':' "
	    "|| comment, ' ') FROM impact WHERE recommendation_id = %lld",
	    (long long)recs[0]);
	ck_assert_str_eq(s, "finance:negative: other_departments:positive:"
	    "Fewer vans");
	free(s);
}
END_TEST

static void
progress(struct app *a, int64_t done, int64_t total)
{
	ck_assert_ptr_eq(a, &app);
	ck_assert_int_le(done, total);
	progress_calls++;
	progress_done = done;
}

START_TEST(test_report_from_the_screen)
{
	char *path = fx_file("report.html"), *html;
	size_t len;
	struct err e;

	fx_sql("UPDATE recommendation SET stage = 'approved'");
	progress_calls = 0;
	app.progress = progress;
	ck_assert_msg(reportjob_write(&app, path, 0, &e) == 0, "%s", e.msg);
	ck_assert_int_ge(progress_calls, 1);
	ck_assert_int_eq(progress_done, 3);
	fx_assert_has(app.message, "3 recommendations");
	html = fx_slurp(path, &len);
	fx_assert_has(html, "Open on Sundays");
	free(html);
	ck_assert_int_eq(reportjob_write(&app, "report.pdf", 0, &e), -1);
	fx_assert_has(e.msg, ".md, .html or .csv");
	/* The key asks for the file name, then writes it. */
	ck_assert_int_eq(chdir(fx.dir), 0);
	press("R");
	ck_assert_int_eq(app.prompt.kind, PROMPT_LINE);
	press("Enter");
	ck_assert_int_eq(access("report-to-cabinet.html", R_OK), 0);
	free(path);
}
END_TEST

Suite *
meetingview_suite(void)
{
	Suite *s = suite_create("meetingview");
	TCase *tc = tcase_create("meetingview");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_quorum_greys_until_roll_call);
	tcase_add_test(tc, test_items_decided_at_keyboard_speed);
	tcase_add_test(tc, test_impact_grid);
	tcase_add_test(tc, test_report_from_the_screen);
	suite_add_tcase(s, tc);
	return s;
}
