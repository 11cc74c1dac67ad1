/*
 * test_list_reverse.c: every list read backwards from its end
 * (store_list_open_reversed), turned round, is row for row what a
 * forward OFFSET read gives at the same places, on the demo database
 * with rows that tie on every sort key but the last (equal names, equal
 * and missing dates, archived rows). A term left unflipped, or an order
 * that is not total, reads the ties the wrong way round and fails here.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "../check.h"
#include "fixture.h"
#include "coopcom/store/demo.h"
#include "coopcom/store/list.h"
#include "coopcom/util/buf.h"
#include "coopcom/util/xalloc.h"

/* Rows that tie, added to the demo's: people of one name in one
 * sub-group and at the last meeting, milestones, engagements, meetings and
 * progress updates on one day or none, recommendations in delivery due
 * on one day or none, some archived; commissions archived. */
static const char ties[] =
	"INSERT INTO commission (code, name, archived, updated_at) VALUES "
	"('ZA', 'Archived A', 1, '2012-01-01'), ('ZB', 'Archived B', 1, "
	"'2012-01-01');"
	"UPDATE recommendation SET stage = 'in_delivery', revised_date = "
	"NULL, target_date = CASE WHEN id % 3 <> 0 THEN '2013-03-01' END "
	"WHERE stage IN ('draft', 'submitted', 'tested', 'approved', "
	"'accepted');"
	"WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k "
	"WHERE i < 6) INSERT INTO progress_update (recommendation_id, at, "
	"percent_complete) SELECT (SELECT recommendation_id FROM "
	"progress_update GROUP BY 1 ORDER BY count(*) DESC LIMIT 1), "
	"'2013-03-01 10:00:00', 50 FROM k;"
	"WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k "
	"WHERE i < 9) INSERT INTO person (login, name, archived, updated_at) "
	"SELECT 'same' || i, 'Pat Same', i % 4 = 0, '2012-01-01 00:00:00' "
	"FROM k;"
	"INSERT INTO subgroup_member (subgroup_id, person_id, role, "
	"joined_on, updated_at) SELECT (SELECT min(id) FROM subgroup), id, "
	"'member', '2012-01-01', '2012-01-01 00:00:00' FROM person WHERE "
	"name = 'Pat Same';"
	"INSERT INTO attendance (meeting_id, person_id, status) SELECT "
	"(SELECT id FROM meeting ORDER BY held_on DESC, id DESC LIMIT 1), "
	"id, 'present' FROM person WHERE name = 'Pat Same';"
	"WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k "
	"WHERE i < 12) INSERT INTO milestone (commission_id, subgroup_id, "
	"title, timescale, dating, earliest, latest, archived, updated_at) "
	"SELECT (SELECT min(id) FROM commission), CASE WHEN i % 2 = 0 THEN "
	"(SELECT min(id) FROM subgroup) END, 'Same', 'x', CASE WHEN i % 3 = "
	"0 THEN 'undated' ELSE 'exact' END, CASE WHEN i % 3 <> 0 THEN "
	"'2013-03-01' END, CASE WHEN i % 3 <> 0 THEN '2013-03-01' END, "
	"i % 5 = 0, '2012-01-01 00:00:00' FROM k;"
	"WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k "
	"WHERE i < 6) INSERT INTO engagement (subgroup_id, held_on, method, "
	"archived, updated_at) SELECT (SELECT min(id) FROM subgroup), "
	"'2013-03-01', 'survey', i = 6, '2012-01-01 00:00:00' FROM k;"
	"WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k "
	"WHERE i < 5) INSERT INTO meeting (body, commission_id, held_on, "
	"archived, updated_at) SELECT 'assembly', (SELECT min(id) FROM "
	"commission), '2013-03-01', i = 5, '2012-01-01 00:00:00' FROM k;";

/* What each list is read under: the filter picks its versions
 * ("recommendations:stuck"...); QUERY, where set, gives F's id field. */
struct reverse_case {
	const char *list;
	const char *sort, *search;
	int64_t *id;			/* the filter field QUERY fills */
	const char *query;
	bool reversible;
};

static struct list_filter f;

static const struct reverse_case cases[] = {
	{ "commissions", NULL, NULL, NULL, NULL, true },
	{ "subgroups", NULL, NULL, NULL, NULL, true },
	{ "recommendations", NULL, NULL, NULL, NULL, true },
	{ "recommendations", "stuck", NULL, &f.commission_id,
	    "SELECT min(id) FROM commission", true },
	{ "recommendations", "stuck", NULL, NULL, NULL, true },
	/* Its page is sorted again outside the LIMIT: read forwards. */
	{ "recommendations", NULL, "a", NULL, NULL, false },
	{ "mywork", NULL, NULL, NULL, NULL, true },
	{ "milestones", NULL, NULL, NULL, NULL, true },
	{ "people", NULL, NULL, NULL, NULL, true },
	{ "members", NULL, NULL, NULL, NULL, true },
	{ "members", NULL, NULL, &f.subgroup_id,
	    "SELECT min(id) FROM subgroup", true },
	{ "engagement", NULL, NULL, NULL, NULL, true },
	{ "meetings", NULL, NULL, NULL, NULL, true },
	{ "history", NULL, NULL, &f.record, "SELECT entity_id FROM audit "
	    "WHERE entity = 'recommendation' GROUP BY entity_id ORDER BY "
	    "count(*) DESC, entity_id LIMIT 1", true },
	{ "activity", NULL, NULL, NULL, NULL, true },
	{ "activity", NULL, NULL, &f.person, "SELECT person_id FROM audit "
	    "GROUP BY person_id ORDER BY count(*) DESC LIMIT 1", true },
	{ "activity", NULL, NULL, &f.commission_id,
	    "SELECT min(id) FROM commission", true },
	{ "attendance", NULL, NULL, NULL, NULL, true },
	{ "delivery", NULL, NULL, NULL, NULL, true },
	{ "updates", NULL, NULL, &f.record, "SELECT recommendation_id FROM "
	    "progress_update GROUP BY 1 ORDER BY count(*) DESC LIMIT 1",
	    true },
	{ "timeline", NULL, NULL, NULL, NULL, true },
	{ "timeline_themes", NULL, NULL, NULL, NULL, true },
	{ "agenda", NULL, NULL, &f.record, "SELECT meeting_id FROM decision "
	    "GROUP BY 1 ORDER BY count(*) DESC LIMIT 1", true },
	{ "decisions", NULL, NULL, NULL, NULL, true },
};
#define NCASES (sizeof cases / sizeof cases[0])

static void
setup(void)
{
	struct err e;

	fx_setup_admin();
	ck_assert_msg(demo_build(fx.st, &e) == 0, "%s", e.msg);
	fx_sql(ties);
}

/* Case I's filter, with every archived row. */
static void
filter_for(size_t i)
{
	memset(&f, 0, sizeof f);
	f.archived = true;
	f.sort = cases[i].sort;
	f.search = cases[i].search;
	if (cases[i].id != NULL)
		*cases[i].id = fx_sql_int(cases[i].query);
}

/* Each row of C as one string: its cells, NULL marked apart from "". */
static char **
read_all(struct store_cursor *c, size_t *n)
{
	size_t ncols, k, cap = 0;
	char **rows = NULL;
	struct buf b;
	struct err e;
	int rc;

	store_cursor_columns(c, &ncols);
	*n = 0;
	buf_init(&b);
	while ((rc = store_cursor_next(c, &e)) == 1) {
		buf_reset(&b);
		for (k = 0; k < ncols; k++)
			buf_printf(&b, "%s|", store_cursor_text(c, k) ?
			    store_cursor_text(c, k) : "(null)");
		rows = x_grow(rows, &cap, *n + 1, sizeof *rows);
		rows[(*n)++] = x_strdup(buf_str(&b));
	}
	ck_assert_msg(rc == 0, "%s", e.msg);
	buf_done(&b);
	store_cursor_close(c);
	return rows;
}

static void
free_rows(char **rows, size_t n)
{
	while (n > 0)
		free(rows[--n]);
	free(rows);
}

/* The N rows from START (fewer at the end): forwards by OFFSET, and
 * backwards from the end, turned round. */
static void
assert_window(const char *list, int64_t total, int64_t start, int64_t n)
{
	struct store_cursor *c;
	struct list_filter w = f;
	char **fwd, **rev;
	size_t nf, nr, k;
	struct err e;

	if (n > total - start)
		n = total - start;
	w.offset = start;
	w.limit = n;
	ck_assert_msg(store_list_open(fx.st, list, &w, &c, &e) == 0, "%s",
	    e.msg);
	fwd = read_all(c, &nf);
	w.offset = total - start - n;
	ck_assert_msg(store_list_open_reversed(fx.st, list, &w, &c, &e) == 0,
	    "%s", e.msg);
	ck_assert_ptr_nonnull(c);
	rev = read_all(c, &nr);
	ck_assert_uint_eq(nf, (size_t)n);
	ck_assert_uint_eq(nr, nf);
	for (k = 0; k < nf; k++)
		ck_assert_msg(strcmp(fwd[k], rev[nf - 1 - k]) == 0, "%s row "
		    "%lld: forwards %s, backwards %s", list,
		    (long long)start + (long long)k, fwd[k], rev[nf - 1 - k]);
	free_rows(fwd, nf);
	free_rows(rev, nr);
}

START_TEST(test_reverse_matches_offset)
{
	const struct reverse_case *t = &cases[_i];
	struct store_cursor *c;
	int64_t total, half;
	struct err e;

	filter_for((size_t)_i);
	ck_assert_msg(store_list_count(fx.st, t->list, &f, &total, &e) == 0,
	    "%s", e.msg);
	if (!t->reversible) {
		ck_assert_int_eq(store_list_open_reversed(fx.st, t->list, &f,
		    &c, &e), 0);
		ck_assert_ptr_null(c);
		return;
	}
	ck_assert_msg(total >= 5, "%s: only %lld rows", t->list,
	    (long long)total);
	half = total / 2;
	assert_window(t->list, total, half, total - half);
	assert_window(t->list, total, half, 3);
	assert_window(t->list, total, half + 1, (total - half) / 2);
	assert_window(t->list, total, total - 3, 3);
	assert_window(t->list, total, total - 1, 1);
}
END_TEST

/* The cases name every list. */
START_TEST(test_every_list)
{
	size_t i, k;

	for (i = 0; store_list_names[i] != NULL; i++) {
		for (k = 0; k < NCASES; k++)
			if (strcmp(cases[k].list, store_list_names[i]) == 0)
				break;
		ck_assert_msg(k < NCASES, "no case reads %s backwards",
		    store_list_names[i]);
	}
}
END_TEST

Suite *
list_reverse_suite(void)
{
	Suite *s = suite_create("list_reverse");
	TCase *tc = tcase_create("reverse");

	tcase_add_checked_fixture(tc, setup, fx_teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_loop_test(tc, test_reverse_matches_offset, 0, (int)NCASES);
	suite_add_tcase(s, tc);
	tc = tcase_create("names");
	tcase_add_test(tc, test_every_list);
	suite_add_tcase(s, tc);
	return s;
}
