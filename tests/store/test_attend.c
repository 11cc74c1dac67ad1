/*
 * test_attend.c: who came to a meeting: recorded, changed in place,
 * audited, refused for people who may not change the meeting.
 */
#include <check.h>
#include <stdlib.h>

#include "../check.h"
#include "fixture.h"

START_TEST(test_attendance_recorded_and_changed)
{
	int64_t m = fx_add(fx.st, ENT_MEETING, FX_VALS({ "body", "assembly" },
	    { "commission", "CC" }, { "date", "2012-01-17" }));
	struct store *sec = fx_open_as(FX_SECRETARY);
	int64_t before = fx_audit_count();
	char *status;
	struct err e;

	ck_assert_int_eq(store_attend(sec, m, FX_LCL_CHAIR, "present", &e), 0);
	ck_assert_int_eq(store_attend(sec, m, FX_LCL_MEMBER, "apologies", &e),
	    0);
	ck_assert_int_eq(store_attend(sec, m, FX_LCL_CHAIR, "absent", &e), 0);
	ck_assert_int_eq(fx_sql_intf("SELECT count(*) FROM attendance WHERE "
	    "meeting_id = %lld", (long long)m), 2);
	status = fx_sql_textf("SELECT status FROM attendance WHERE person_id "
	    "= %lld", (long long)fx.lcl_chair);
	ck_assert_str_eq(status, "absent");
	free(status);
	ck_assert_int_eq(fx_audit_count(), before + 3);
	ck_assert_int_eq(fx_sql_int("SELECT json_extract(changes, "
	    "'$.attendance[0]') = 'present' FROM audit WHERE id = (SELECT "
	    "max(id) FROM audit)"), 1);
}
END_TEST

START_TEST(test_attendance_refused)
{
	int64_t m = fx_add(fx.st, ENT_MEETING, FX_VALS({ "body", "assembly" },
	    { "commission", "CC" }, { "date", "2012-01-17" }));
	struct store *chair = fx_open_as(FX_LCL_CHAIR);
	struct err e;

	ck_assert_int_eq(store_attend(chair, m, FX_LCL_MEMBER, "present", &e),
	    -1);
	ck_assert_int_eq(e.code, ERR_DENIED);
	ck_assert_int_eq(store_attend(fx.st, m, FX_LCL_MEMBER, "late", &e), -1);
	fx_assert_has(e.msg, "present, apologies or absent");
	ck_assert_int_eq(store_attend(fx.st, m, "ghost", "present", &e), -1);
	ck_assert_int_eq(e.code, ERR_NOTFOUND);
	ck_assert_int_eq(fx_sql_int("SELECT count(*) FROM attendance"), 0);
}
END_TEST

Suite *
attend_suite(void)
{
	Suite *s = suite_create("attend");
	TCase *tc = tcase_create("attend");

	tcase_add_checked_fixture(tc, fx_setup_world, fx_teardown);
	tcase_add_test(tc, test_attendance_recorded_and_changed);
	tcase_add_test(tc, test_attendance_refused);
	suite_add_tcase(s, tc);
	return s;
}
