/*
 * test_busy.c: a write that has to wait for another person's save is
 * told so, once, and then goes ahead: no "database is locked".
 */
#include <check.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../check.h"
#include "fixture.h"

static int notices;
static int waited;

static void
count_notice(void *arg, int ms)
{
	(void)arg;
	notices++;
	waited = ms;
}

/* In a child: take the write lock, say so on FD, hold it, commit. */
static void
hold_lock(int fd, int ms)
{
	sqlite3 *db = fx_raw();

	if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
		_exit(1);
	if (write(fd, "x", 1) != 1)
		_exit(1);
	usleep((useconds_t)ms * 1000);
	sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
	sqlite3_close(db);
	_exit(0);
}

START_TEST(test_waiting_write_is_told)
{
	int p[2], status;
	struct err e;
	int64_t id;
	pid_t kid;
	char c;

	store_set_busy_notify(fx.st, count_notice, NULL);
	notices = 0;
	ck_assert_int_eq(pipe(p), 0);
	if ((kid = fork()) == 0)
		hold_lock(p[1], 600);
	ck_assert_int_eq(read(p[0], &c, 1), 1);
	ck_assert_int_eq(store_create(fx.st, ENT_PERSON, FX_VALS(
	    { "name", "Waited" }), &id, &e), 0);
	ck_assert_int_eq(notices, 1);
	ck_assert_int_ge(waited, 150);
	waitpid(kid, &status, 0);
	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	close(p[0]);
	close(p[1]);
}
END_TEST

START_TEST(test_no_notice_without_a_wait)
{
	struct err e;
	int64_t id;

	store_set_busy_notify(fx.st, count_notice, NULL);
	notices = 0;
	ck_assert_int_eq(store_create(fx.st, ENT_PERSON, FX_VALS(
	    { "name", "Quick" }), &id, &e), 0);
	ck_assert_int_eq(notices, 0);
}
END_TEST

Suite *
busy_suite(void)
{
	Suite *s = suite_create("busy");
	TCase *tc = tcase_create("busy");

	tcase_add_checked_fixture(tc, fx_setup_world, fx_teardown);
	tcase_add_test(tc, test_waiting_write_is_told);
	tcase_add_test(tc, test_no_notice_without_a_wait);
	suite_add_tcase(s, tc);
	return s;
}
