/*
 * test_activity.c: the audit timeline ("activity", and the filters of
 * "history") and time in stage ("days_in_stage", sort "stuck").
 *
 * Entries at chosen times are written straight into the audit table
 * (its triggers stop only updates and deletes): the lists read the
 * trail, they do not check its chain, and the store stamps its own
 * entries with the clock.
 */
#include <check.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coopcom/core/date.h"
#include "coopcom/store/list.h"
#include "coopcom/util/buf.h"
#include "coopcom/util/xalloc.h"
#include "../check.h"
#include "fixture.h"

/* fx_sql, printf-style. */
static void __attribute__((format(printf, 1, 2)))
sqlf(const char *fmt, ...)
{
	va_list ap;
	char *sql;

	va_start(ap, fmt);
	ck_assert_int_ge(vasprintf(&sql, fmt, ap), 0);
	va_end(ap);
	fx_sql(sql);
	free(sql);
}

/* An audit entry by PERSON at AT about recommendation REC. */
static void
entry(int64_t person, const char *at, int64_t rec)
{
	static int n;

	n++;
	sqlf("INSERT INTO audit(at, person_id, login, entity, "
	    "entity_id, action, changes, prev_hash, hash) VALUES ('%s', "
	    "%lld, (SELECT login FROM person WHERE id = %lld), "
	    "'recommendation', %lld, 'update', '{\"title\":[\"Old\","
	    "\"New\"]}', 'test', 'test-%d-%s')", at, (long long)person,
	    (long long)person, (long long)rec, n, at);
}

/* Column COL of every row of list NAME, space-separated ("-" for NULL). */
static char *
column_of(const char *name, const struct list_filter *f, const char *col)
{
	struct store_cursor *c;
	const char *cell;
	struct buf b;
	struct err e;
	size_t i;
	int rc;

	err_clear(&e);
	ck_assert_msg(store_list_open(fx.st, name, f, &c, &e) == 0, "%s: %s",
	    name, e.msg);
	i = store_cursor_column(c, col);
	buf_init(&b);
	while ((rc = store_cursor_next(c, &e)) == 1) {
		cell = store_cursor_text(c, i);
		buf_printf(&b, "%s%s", b.len ? " " : "", cell ? cell : "-");
	}
	ck_assert_msg(rc == 0, "%s", e.msg);
	store_cursor_close(c);
	return buf_steal(&b);
}

/* " a b c ": every word between spaces, so " b " finds a whole one. */
static char *
padded(char *words)
{
	char *out = x_printf(" %s ", words);

	free(words);
	return out;
}

static int64_t
count_of(const char *name, const struct list_filter *f)
{
	struct err e;
	int64_t n = -1;

	err_clear(&e);
	ck_assert_msg(store_list_count(fx.st, name, f, &n, &e) == 0, "%s",
	    e.msg);
	return n;
}

static int64_t
recommendation(const char *subgroup, const char *title)
{
	return fx_add(fx.st, ENT_RECOMMENDATION, FX_VALS(
	    { "subgroup", subgroup }, { "title", title }));
}

static void
teardown(void)
{
	date_set_today((struct date){ 0, 0, 0 });
	fx_teardown();
}

START_TEST(test_newest_first)
{
	int64_t rec = recommendation("LCL", "Libraries open late");
	struct list_filter f = { 0 };
	char *at, *ids;

	entry(fx.secretary, "2030-01-02 10:00:00", rec);
	entry(fx.lcl_chair, "2030-01-03 09:00:00", rec);
	entry(fx.lcl_member, "2030-01-02 10:00:00", rec);
	f.limit = 3;
	at = column_of("activity", &f, "at");
	ck_assert_str_eq(at, "2030-01-03 09:00:00 2030-01-02 10:00:00 "
	    "2030-01-02 10:00:00");
	free(at);
	/* Two at one time: the later entry first. */
	ids = column_of("activity", &f, "login");
	ck_assert_str_eq(ids, FX_LCL_CHAIR " " FX_LCL_MEMBER " " FX_SECRETARY);
	free(ids);
	at = column_of("activity", &f, "what");
	ck_assert_str_eq(at, "CC-LCL-01 Libraries open late CC-LCL-01 "
	    "Libraries open late CC-LCL-01 Libraries open late");
	free(at);
	at = column_of("activity", &f, "summary");
	ck_assert_str_eq(at, "title Old → New title Old → New title Old → "
	    "New");
	free(at);
}
END_TEST

START_TEST(test_by_person)
{
	int64_t rec = recommendation("LCL", "Libraries open late");
	struct list_filter f = { .person = fx.lcl_chair };
	char *who;

	entry(fx.lcl_chair, "2030-01-01 10:00:00", rec);
	entry(fx.secretary, "2030-01-02 10:00:00", rec);
	entry(fx.lcl_chair, "2030-01-03 10:00:00", rec);
	who = column_of("activity", &f, "at");
	ck_assert_str_eq(who, "2030-01-03 10:00:00 2030-01-01 10:00:00");
	free(who);
	ck_assert_int_eq(count_of("activity", &f), 2);
	/* The same filter on one recommendation's own trail. */
	f.record = rec;
	who = column_of("history", &f, "at");
	ck_assert_str_eq(who, "2030-01-01 10:00:00 2030-01-03 10:00:00");
	free(who);
}
END_TEST

START_TEST(test_by_subgroup)
{
	int64_t lcl = recommendation("LCL", "Libraries open late");
	int64_t brk = recommendation("BRK", "Brookside caretaker");
	struct list_filter f = { .subgroup = "CC-LCL" };
	char *sg, *kinds;

	entry(fx.lcl_chair, "2030-01-01 10:00:00", lcl);
	entry(fx.brk_chair, "2030-01-01 11:00:00", brk);
	sg = column_of("activity", &f, "subgroup");
	kinds = padded(column_of("activity", &f, "kind"));
	ck_assert_msg(strstr(sg, "BRK") == NULL && strstr(sg, "-") == NULL,
	    "%s", sg);
	/* The recommendation's entries, the sub-group's own and its
	 * memberships'. */
	ck_assert_msg(strncmp(kinds, " recommendation recommendation ", 31)
	    == 0, "%s", kinds);
	ck_assert_ptr_nonnull(strstr(kinds, " subgroup-member "));
	ck_assert_ptr_nonnull(strstr(kinds, " subgroup "));
	ck_assert_int_eq(count_of("activity", &f), fx_sql_intf("SELECT "
	    "count(*) FROM audit WHERE (entity = 'recommendation' AND "
	    "entity_id = %lld) OR (entity = 'subgroup' AND entity_id = %lld) "
	    "OR (entity = 'subgroup-member' AND entity_id IN (SELECT id FROM "
	    "subgroup_member WHERE subgroup_id = %lld))", (long long)lcl,
	    (long long)fx.lcl, (long long)fx.lcl));
	free(sg);
	free(kinds);
}
END_TEST

START_TEST(test_by_commission)
{
	struct list_filter f = { .commission = "CC" };
	char *codes, *kinds;

	recommendation("BRK", "Brookside caretaker");
	codes = column_of("activity", &f, "commission");
	kinds = padded(column_of("activity", &f, "kind"));
	ck_assert_msg(strstr(codes, "CG") == NULL && strstr(codes, "-") ==
	    NULL, "%s", codes);
	ck_assert_ptr_nonnull(strstr(kinds, " commission "));
	ck_assert_ptr_nonnull(strstr(kinds, " commission-member "));
	ck_assert_ptr_nonnull(strstr(kinds, " recommendation "));
	ck_assert_ptr_null(strstr(kinds, " person "));
	free(codes);
	free(kinds);
}
END_TEST

/* Entries just inside and just outside October 2030. */
static const char *const times[] = { "2030-09-30 23:59:59",
	"2030-10-01 00:00:00", "2030-10-31 23:59:59", "2030-11-01 00:00:00" };

static const struct {
	const char *from, *to, *today, *want;
} periods[] = {
	{ "2030-10-01", "2030-10-31", NULL,
	    "2030-10-31 23:59:59 2030-10-01 00:00:00" },
	{ "2030-10-01", "2030-10-01", NULL, "2030-10-01 00:00:00" },
	{ "2030-10-01", NULL, "2030-10-31",
	    "2030-10-31 23:59:59 2030-10-01 00:00:00" },
	{ "2030-09-30", NULL, "2030-11-01", "2030-11-01 00:00:00 "
	    "2030-10-31 23:59:59 2030-10-01 00:00:00 2030-09-30 23:59:59" },
	{ NULL, "2030-09-30", NULL, "2030-09-30 23:59:59" },
	{ "2030-11-02", "2030-12-31", NULL, "" },
};

START_TEST(test_period)
{
	int64_t rec = recommendation("LCL", "Libraries open late");
	struct list_filter f = { .from = periods[_i].from,
		.to = periods[_i].to, .person = fx.lcl_chair };
	struct date today;
	struct err e;
	size_t i;
	char *at;

	for (i = 0; i < sizeof times / sizeof times[0]; i++)
		entry(fx.lcl_chair, times[i], rec);
	if (periods[_i].today) {
		ck_assert_int_eq(date_parse_iso(periods[_i].today, &today, &e),
		    0);
		date_set_today(today);
	}
	at = column_of("activity", &f, "at");
	ck_assert_str_eq(at, periods[_i].want);
	free(at);
}
END_TEST

static const struct {
	const char *from, *to, *want;
} bad_periods[] = {
	{ "2030-02-30", NULL, "the period's first day: \"2030-02-30\": the "
	    "day must be 01 to 28" },
	{ NULL, "yesterday", "the period's last day: \"yesterday\": write "
	    "the date as YYYY-MM-DD" },
	{ "2030-10-31", "2030-10-01", "the period runs backwards: it starts "
	    "on 2030-10-31, after its last day, 2030-10-01" },
	{ "2030-11-01", NULL, "the period runs backwards: it starts on "
	    "2030-11-01, after today, 2030-10-31" },
};

START_TEST(test_period_refused)
{
	struct list_filter f = { .from = bad_periods[_i].from,
		.to = bad_periods[_i].to };
	struct store_cursor *c = NULL;
	struct err e;
	int64_t n;

	date_set_today((struct date){ 2030, 10, 31 });
	err_clear(&e);
	ck_assert_int_eq(store_list_open(fx.st, "activity", &f, &c, &e), -1);
	ck_assert_ptr_null(c);
	fx_assert_has(e.msg, bad_periods[_i].want);
	ck_assert_int_eq(store_list_count(fx.st, "history", &f, &n, &e), -1);
	fx_assert_has(e.msg, bad_periods[_i].want);
}
END_TEST

START_TEST(test_days_in_stage)
{
	int64_t rec = recommendation("LCL", "Libraries open late");
	struct list_filter f = { .subgroup = "LCL" };
	char *days;

	sqlf("UPDATE recommendation SET stage_since = '2026-10-01 23:30:00' "
	    "WHERE id = %lld", (long long)rec);
	date_set_today((struct date){ 2026, 11, 22 });
	days = column_of("recommendations", &f, "days_in_stage");
	ck_assert_str_eq(days, "52");
	free(days);
	date_set_today((struct date){ 2026, 10, 1 });
	days = column_of("recommendations", &f, "days_in_stage");
	ck_assert_str_eq(days, "0");
	free(days);
	/* A --today before the stage began counts no days, not fewer. */
	date_set_today((struct date){ 2026, 9, 1 });
	days = column_of("recommendations", &f, "days_in_stage");
	ck_assert_str_eq(days, "0");
	free(days);
}
END_TEST

/*
 * Stuck longest first: the oldest stage_since first, a tie in the order
 * added, a final stage left out; in one commission as over the whole
 * database, where another index serves it.
 */
START_TEST(test_stuck)
{
	static const char *const since[] = { "2026-05-01 10:00:00",
		"2026-03-01 10:00:00", "2026-04-01 10:00:00",
		"2026-03-01 10:00:00", "2026-01-01 10:00:00" };
	struct list_filter f = { .sort = "stuck", .commission = "CC" };
	int64_t ids[5];
	char *refs, *title;
	size_t i;

	for (i = 0; i < 5; i++) {
		title = x_printf("Item %zu", i);
		ids[i] = recommendation(i % 2 ? "BRK" : "LCL", title);
		free(title);
		sqlf("UPDATE recommendation SET stage_since = '%s' WHERE id "
		    "= %lld", since[i], (long long)ids[i]);
	}
	sqlf("UPDATE recommendation SET stage = 'withdrawn' WHERE id = %lld",
	    (long long)ids[4]);
	refs = column_of("recommendations", &f, "title");
	ck_assert_str_eq(refs, "Item 1 Item 3 Item 2 Item 0");
	free(refs);
	ck_assert_int_eq(count_of("recommendations", &f), 4);
	f.commission = NULL;
	refs = column_of("recommendations", &f, "title");
	ck_assert_str_eq(refs, "Item 1 Item 3 Item 2 Item 0");
	free(refs);
	ck_assert_int_eq(count_of("recommendations", &f), 4);
	f.subgroup = "LCL";
	refs = column_of("recommendations", &f, "title");
	ck_assert_str_eq(refs, "Item 2 Item 0");
	free(refs);
	/* The usual order keeps the final one. */
	f.sort = NULL;
	ck_assert_int_eq(count_of("recommendations", &f), 3);
}
END_TEST

static const struct {
	const char *list, *sort, *want;
} bad_sorts[] = {
	{ "recommendations", "oldest", "there is no sort \"oldest\"" },
	{ "people", "stuck", "only the recommendations sort stuck" },
	{ "recommendations:stuck", NULL, "there is no list" },
};

START_TEST(test_sort_refused)
{
	struct list_filter f = { .sort = bad_sorts[_i].sort };
	struct store_cursor *c = NULL;
	struct err e;

	err_clear(&e);
	ck_assert_int_eq(store_list_open(fx.st, bad_sorts[_i].list, &f, &c,
	    &e), -1);
	fx_assert_has(e.msg, bad_sorts[_i].want);
}
END_TEST

Suite *
store_activity_suite(void)
{
	Suite *s = suite_create("activity");
	TCase *tc = tcase_create("activity");

	tcase_add_checked_fixture(tc, fx_setup_world, teardown);
	tcase_add_test(tc, test_newest_first);
	tcase_add_test(tc, test_by_person);
	tcase_add_test(tc, test_by_subgroup);
	tcase_add_test(tc, test_by_commission);
	tcase_add_loop_test(tc, test_period, 0,
	    sizeof periods / sizeof periods[0]);
	tcase_add_loop_test(tc, test_period_refused, 0,
	    sizeof bad_periods / sizeof bad_periods[0]);
	tcase_add_test(tc, test_days_in_stage);
	tcase_add_test(tc, test_stuck);
	tcase_add_loop_test(tc, test_sort_refused, 0,
	    sizeof bad_sorts / sizeof bad_sorts[0]);
	suite_add_tcase(s, tc);
	return s;
}
