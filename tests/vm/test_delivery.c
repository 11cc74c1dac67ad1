/*
 * test_delivery.c: the delivery tracker (key 6) and progress updates
 * (key u) driven by keys, on the store fixture's world with three
 * recommendations of CC-LCL: CC-LCL-01 in delivery and overdue, CC-LCL-02
 * adopted and due in a year, CC-LCL-03 a draft. Today is 2013-05-01.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "../check.h"
#include "../store/fixture.h"
#include "coopcom/core/date.h"
#include "coopcom/vm/app.h"
#include "coopcom/vm/writer.h"
#include "keys.h"

static struct session session;
static struct app app;
static int64_t late, adopted, draft;

/* A recommendation of CC-LCL titled TITLE, then SQL (its stage, its
 * target), or NULL to leave it a draft. */
static int64_t
rec(const char *title, const char *sql)
{
	int64_t id = fx_add(fx.st, ENT_RECOMMENDATION, FX_VALS(
	    { "subgroup", "LCL" }, { "title", title }));

	if (sql != NULL)
		fx_sql(sql);
	return id;
}

static void
setup(void)
{
	fx_setup_world();
	date_set_today((struct date){ 2013, 5, 1 });
	late = rec("Open on Sundays", "UPDATE recommendation SET stage = "
	    "'in_delivery', target_date = '2013-01-31' WHERE ref = "
	    "'CC-LCL-01'");
	adopted = rec("A mobile library", "UPDATE recommendation SET stage = "
	    "'adopted', target_date = '2014-05-01' WHERE ref = 'CC-LCL-02'");
	draft = rec("Café in the library", NULL);
}

static void
start_as(const char *login)
{
	keys_start(&app, &session, login, false);
	app_set_heights(&app, 10, 60, 30);
}

static char *
detail_text(void)
{
	return keys_lines(&app.detail.lines);
}

START_TEST(test_key_6_lists_red_first)
{
	start_as(FX_LCL_MEMBER);
	keys_press(&app, "6");
	ck_assert_int_eq(app.view, VIEW_DELIVERY);
	ck_assert_ptr_eq(app_current_list(&app), &app.delivery);
	ck_assert_int_eq(app.delivery.total, 2);
	ck_assert_str_eq(listview_value(&app.delivery, 0, "ref"), "CC-LCL-01");
	ck_assert_str_eq(listview_value(&app.delivery, 0, "rag"), "red");
	ck_assert_str_eq(listview_value(&app.delivery, 0, "stale"), "1");
	ck_assert_str_eq(listview_value(&app.delivery, 1, "rag"), "amber");
	keys_press(&app, "j Enter");
	ck_assert_int_eq(app.view, VIEW_MAIN);
	ck_assert_int_eq(app.focus, PANEL_DETAIL);
	ck_assert_int_eq(app.detail.id, adopted);
}
END_TEST

START_TEST(test_detail_shows_delivery)
{
	char *text;

	start_as(FX_LCL_MEMBER);
	keys_press(&app, "6 Enter");
	ck_assert_int_eq(app.detail.id, late);
	text = detail_text();
	fx_assert_has(text, "Delivery        red: overdue by 90 days; no "
	    "update yet");
	fx_assert_has(text, "Revised date    not stated");
	fx_assert_has(text, "Latest progress updates");
	fx_assert_has(text, "(u adds one)\nnone yet\n");
	free(text);
}
END_TEST

START_TEST(test_key_u_records_progress)
{
	struct form *fm;
	char *text;

	start_as(FX_LCL_MEMBER);
	keys_press(&app, "6 u");
	ck_assert(writer_busy(&app));
	fm = writer_form(&app);
	ck_assert_int_eq(fm->mode, FORM_PROGRESS);
	ck_assert_uint_eq(fm->n, 2);
	ck_assert_str_eq(fm->fields[0].f->name, "percent");
	keys_type(&app, "101");
	keys_press(&app, "C-x");
	ck_assert(writer_busy(&app));
	fx_assert_has(fm->message, "from 0 to 100");
	keys_press(&app, "Backspace Backspace Backspace");
	keys_type(&app, "30");
	keys_press(&app, "Tab");
	keys_type(&app, "Sunday staff recruited");
	keys_press(&app, "C-x");
	ck_assert(!writer_busy(&app));
	fx_assert_has(app.message, "Recorded progress on recommendation "
	    "CC-LCL-01");
	ck_assert_int_eq(fx_sql_int("SELECT percent_complete FROM "
	    "recommendation WHERE ref = 'CC-LCL-01'"), 30);
	ck_assert_int_eq(fx_sql_int("SELECT count(*) FROM progress_update"),
	    1);
	ck_assert_str_eq(listview_value(&app.delivery, 0, "stale"), "0");
	keys_press(&app, "Enter");
	text = detail_text();
	fx_assert_has(text, "2013-05-01 " FX_LCL_MEMBER_NAME ": 30%");
	fx_assert_has(text, "Sunday staff recruited");
	free(text);
}
END_TEST

START_TEST(test_key_u_refused)
{
	start_as(FX_BRK_CHAIR);
	keys_press(&app, "6 u");
	keys_type(&app, "50");
	keys_press(&app, "C-x");
	ck_assert(writer_busy(&app));
	fx_assert_has(writer_form(&app)->message, "only the responsible "
	    "person");
	keys_press(&app, "Escape y");
	ck_assert(!writer_busy(&app));
	ck_assert_int_eq(fx_sql_int("SELECT count(*) FROM progress_update"),
	    0);
	/* A draft has no delivery yet: no form. */
	keys_press(&app, "1 l j l G u");
	ck_assert_int_eq(app.detail.id, draft);
	ck_assert(!writer_busy(&app));
	fx_assert_has(app.message, "progress is recorded once it is adopted");
}
END_TEST

/* The edit form of an adopted recommendation offers the delivery
 * fields, a draft's does not. */
START_TEST(test_edit_form_fields)
{
	start_as(FX_ADMIN);
	keys_press(&app, "6 e");
	ck_assert_ptr_nonnull(form_field(writer_form(&app), "revised"));
	ck_assert(!form_field(writer_form(&app), "revised")->readonly);
	ck_assert(form_field(writer_form(&app), "title")->readonly);
	keys_press(&app, "Escape");
	keys_press(&app, "1 l j l G e");
	ck_assert_ptr_null(form_field(writer_form(&app), "revised"));
	ck_assert_ptr_nonnull(form_field(writer_form(&app), "title"));
}
END_TEST

Suite *
vm_delivery_suite(void)
{
	Suite *s = suite_create("vm_delivery");
	TCase *tc = tcase_create("keys");

	tcase_add_checked_fixture(tc, setup, keys_teardown);
	tcase_add_test(tc, test_key_6_lists_red_first);
	tcase_add_test(tc, test_detail_shows_delivery);
	tcase_add_test(tc, test_key_u_records_progress);
	tcase_add_test(tc, test_key_u_refused);
	tcase_add_test(tc, test_edit_form_fields);
	suite_add_tcase(s, tc);
	return s;
}
