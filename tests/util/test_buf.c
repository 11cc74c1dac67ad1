/* test_buf.c: growable strings and errors as values. */
#include <check.h>
#include <string.h>

#include "../check.h"
#include "coopcom/util/buf.h"
#include "coopcom/util/err.h"
#include "coopcom/util/xalloc.h"

START_TEST(test_buf_grows)
{
	struct buf b;
	int i;

	buf_init(&b);
	ck_assert_str_eq(buf_str(&b), "");
	for (i = 0; i < 1000; i++)
		buf_printf(&b, "%d,", i % 10);
	ck_assert_uint_eq(b.len, 2000);
	ck_assert(strncmp(buf_str(&b), "0,1,2,", 6) == 0);
	buf_reset(&b);
	ck_assert_str_eq(buf_str(&b), "");
	buf_addn(&b, "abcdef", 3);
	buf_addc(&b, '!');
	ck_assert_str_eq(buf_str(&b), "abc!");
	buf_done(&b);
}
END_TEST

START_TEST(test_buf_steal)
{
	struct buf b;
	char *s;

	buf_init(&b);
	s = buf_steal(&b);
	ck_assert_str_eq(s, "");
	free(s);
	buf_add(&b, "kept");
	s = buf_steal(&b);
	ck_assert_str_eq(s, "kept");
	ck_assert_ptr_null(b.data);
	free(s);
}
END_TEST

START_TEST(test_err_prefix)
{
	struct err e;

	err_clear(&e);
	ck_assert_int_eq(e.code, ERR_OK);
	ck_assert_int_eq(err_set(&e, ERR_CONFLICT, "changed by %s", "Ann"),
	    -1);
	ck_assert_int_eq(err_prefix(&e, "saving %d", 3), -1);
	ck_assert_str_eq(e.msg, "saving 3: changed by Ann");
	ck_assert_int_eq(e.code, ERR_CONFLICT);
	ck_assert_str_eq(err_code_name(ERR_CONFLICT), "conflict");
	ck_assert_int_eq(err_exit_status(ERR_CONFLICT), 4);
	ck_assert_int_eq(err_exit_status(ERR_OK), 0);
}
END_TEST

START_TEST(test_err_prefix_truncates)
{
	struct err e;
	char big[2000];

	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	err_set(&e, ERR_INVALID, "%s", big);
	err_prefix(&e, "context");
	ck_assert_uint_eq(strlen(e.msg), ERR_MSG_MAX - 1);
	ck_assert(strncmp(e.msg, "context: xxx", 12) == 0);
	ck_assert_str_eq(e.msg + ERR_MSG_MAX - 4, "...");
}
END_TEST

START_TEST(test_x_printf)
{
	char *s = x_printf("%s-%02d", "CC", 3);

	ck_assert_str_eq(s, "CC-03");
	free(s);
	ck_assert_ptr_null(x_strdup(NULL));
}
END_TEST

Suite *
buf_suite(void)
{
	Suite *s = suite_create("buf");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_buf_grows);
	tcase_add_test(tc, test_buf_steal);
	tcase_add_test(tc, test_err_prefix);
	tcase_add_test(tc, test_err_prefix_truncates);
	tcase_add_test(tc, test_x_printf);
	suite_add_tcase(s, tc);
	return s;
}
