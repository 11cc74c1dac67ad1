/*
 * test_search.c: search within a commission or sub-group from the search
 * index's scope words (schema version 8) finds the rows, in the order
 * they were added and with the count, that the words and the scope
 * select in the tables, alone and with a stage filter: as made, after a
 * recommendation changes sub-group, is archived or retitled, after a
 * sub-group changes commission, and after a database at version 6 is
 * migrated. And a sub-group's members, which a detail reads at each new
 * selection (a query of their own).
 */
#include <check.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "../check.h"
#include "coopcom/store/db.h"
#include "coopcom/store/list.h"
#include "coopcom/util/buf.h"
#include "coopcom/util/err.h"
#include "coopcom/util/xalloc.h"
#include "fixture.h"

static const char *const titles[] = {
	"Open libraries on Sundays", "Library volunteers", "Kerbside glass",
	"Open a community cafe", "Libraries share a van", "Cafe volunteers",
	"Glass collection in the library", "Sunday opening for the tip",
};
#define NTITLES (sizeof titles / sizeof titles[0])

/* Words searched for, as typed: prefixes, two words, none found. */
static const char *const words[] = { "lib", "libr op", "VOL", "caf",
	"glass sun", "zzz", "open" };
#define NWORDS (sizeof words / sizeof words[0])

static int64_t pnl;	/* a sub-group of the Citizens' Group */
static int64_t rec[3 * NTITLES];

static void
make_recommendations(void)
{
	const char *sg[] = { "LCL", "BRK", "PNL" };
	size_t i;

	pnl = fx_add(fx.st, ENT_SUBGROUP, FX_VALS({ "commission", "CG" },
	    { "code", "PNL" }, { "name", "Residents' panel" }));
	for (i = 0; i < 3 * NTITLES; i++)
		rec[i] = fx_add(fx.st, ENT_RECOMMENDATION, FX_VALS(
		    { "subgroup", sg[i % 3] },
		    { "title", titles[i % NTITLES] },
		    { "text", titles[(i * 5 + 3) % NTITLES] }));
}

/* fx_sql with the statement made as printf would. */
static void __attribute__((format(printf, 1, 2)))
sqlf(const char *fmt, ...)
{
	struct buf sql;
	va_list ap;

	buf_init(&sql);
	va_start(ap, fmt);
	buf_vprintf(&sql, fmt, ap);
	va_end(ap);
	fx_sql(buf_str(&sql));
	buf_done(&sql);
}

static void
setup(void)
{
	fx_setup_world();
	make_recommendations();
}

/*
 * The refs the words select in the tables, in the order they were added:
 * each word the start of a word of the title or text (the test's words
 * and texts have no punctuation), within the scope, archived ones if
 * asked, at STAGE if not NULL.
 */
static char *
expected(sqlite3 *h, const char *typed, int64_t cid, int64_t sgid,
    bool archived, const char *stage)
{
	struct buf sql;
	char *copy = x_strdup(typed), *w, *save = NULL, *got;
	sqlite3_stmt *q;

	buf_init(&sql);
	buf_printf(&sql, "SELECT group_concat(ref, ' ') FROM (SELECT r.ref "
	    "FROM recommendation r JOIN subgroup s ON s.id = r.subgroup_id "
	    "JOIN commission c ON c.id = s.commission_id WHERE (%d OR "
	    "r.archived = 0) AND (%" PRId64 " = 0 OR c.id = %" PRId64 ") AND "
	    "(%" PRId64 " = 0 OR s.id = %" PRId64 ")", archived, cid, cid,
	    sgid, sgid);
	if (stage != NULL)
		buf_printf(&sql, " AND r.stage = '%s'", stage);
	for (w = strtok_r(copy, " ", &save); w != NULL;
	    w = strtok_r(NULL, " ", &save))
		buf_printf(&sql, " AND ' ' || lower(r.title || ' ' || r.body) "
		    "LIKE '%% %s%%'", w);
	buf_add(&sql, " ORDER BY r.id)");
	ck_assert_int_eq(sqlite3_prepare_v2(h, buf_str(&sql), -1, &q, NULL),
	    SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(q), SQLITE_ROW);
	got = x_strdup(sqlite3_column_text(q, 0) ?
	    (const char *)sqlite3_column_text(q, 0) : "");
	sqlite3_finalize(q);
	buf_done(&sql);
	free(copy);
	return got;
}

/* The refs of the list's rows under F, and its count. */
static char *
listed(struct list_filter *f, int64_t *count)
{
	struct store_cursor *c;
	struct buf b;
	struct err e;
	int rc;

	err_clear(&e);
	ck_assert_msg(store_list_count(fx.st, "recommendations", f, count,
	    &e) == 0, "%s", e.msg);
	ck_assert_msg(store_list_open(fx.st, "recommendations", f, &c, &e) ==
	    0, "%s", e.msg);
	buf_init(&b);
	while ((rc = store_cursor_next(c, &e)) == 1)
		buf_printf(&b, "%s%s", b.len ? " " : "",
		    store_cursor_text(c, 1));
	ck_assert_msg(rc == 0, "%s", e.msg);
	store_cursor_close(c);
	return buf_steal(&b);
}

/* The second and third of the refs in ALL ("" if fewer). */
static char *
second_and_third(const char *all)
{
	const char *p = strchr(all, ' '), *end;

	if (p == NULL)
		return x_strdup("");
	p++;
	end = strchr(p, ' ');
	if (end != NULL && (end = strchr(end + 1, ' ')) != NULL)
		return x_strndup(p, (size_t)(end - p));
	return x_strdup(p);
}

static size_t
nrefs(const char *refs)
{
	size_t n = *refs != '\0';

	for (; *refs; refs++)
		n += *refs == ' ';
	return n;
}

/* Every word in every scope, archived ones left out and shown, at
 * STAGE if not NULL. */
static void
assert_at_stage(const char *stage)
{
	const int64_t scopes[][2] = { { 0, 0 }, { fx.cc, 0 }, { fx.cg, 0 },
	    { 0, fx.lcl }, { 0, fx.brk }, { 0, pnl }, { fx.cc, fx.lcl },
	    { fx.cg, fx.lcl }, { -1, 0 } };
	struct list_filter f;
	char *want, *got, *page, *want_page;
	int64_t count;
	sqlite3 *h = fx_raw();
	size_t s, w;
	int archived;

	for (s = 0; s < sizeof scopes / sizeof scopes[0]; s++)
	for (w = 0; w < NWORDS; w++)
	for (archived = 0; archived <= 1; archived++) {
		memset(&f, 0, sizeof f);
		f.commission_id = scopes[s][0];
		f.subgroup_id = scopes[s][1];
		f.search = words[w];
		f.archived = archived;
		f.stage = stage;
		want = expected(h, words[w], scopes[s][0], scopes[s][1],
		    archived, stage);
		got = listed(&f, &count);
		ck_assert_msg(strcmp(got, want) == 0, "\"%s\" in scope %zu%s: "
		    "got \"%s\", expected \"%s\"", words[w], s, archived ?
		    " with archived" : "", got, want);
		ck_assert_int_eq(count, (int64_t)nrefs(want));
		f.limit = 2;
		f.offset = 1;
		page = listed(&f, &count);
		want_page = second_and_third(want);
		ck_assert_str_eq(page, want_page);
		ck_assert_int_eq(count, (int64_t)nrefs(want));
		free(want_page);
		free(page);
		free(got);
		free(want);
	}
	sqlite3_close(h);
}

/* Alone (the search index's own list) and with a filter, which only
 * some rows pass (the list with the words as one filter of several). */
static void
assert_all_as_tables(void)
{
	sqlf("UPDATE recommendation SET stage = 'tested' WHERE id %% 3 = 1");
	assert_at_stage(NULL);
	assert_at_stage("tested");
}

START_TEST(test_search_as_made)
{
	assert_all_as_tables();
}
END_TEST

/* The scope's words are not searched: "c1" finds no commission's rows. */
START_TEST(test_scope_words_not_searched)
{
	struct list_filter f;
	char word[32];
	int64_t count;
	char *got;

	memset(&f, 0, sizeof f);
	f.search = word;
	snprintf(word, sizeof word, "c%" PRId64, fx.cc);
	got = listed(&f, &count);
	ck_assert_str_eq(got, "");
	ck_assert_int_eq(count, 0);
	free(got);
	snprintf(word, sizeof word, "s%" PRId64, fx.lcl);
	f.commission_id = fx.cc;
	got = listed(&f, &count);
	ck_assert_str_eq(got, "");
	free(got);
	ck_assert_int_eq(fx_sql_intf("SELECT count(*) FROM recommendation_fts "
	    "WHERE recommendation_fts MATCH 'scope : \"c%" PRId64 "\"'",
	    fx.cc), 2 * (int64_t)NTITLES);
}
END_TEST

START_TEST(test_search_after_changes)
{
	struct err e;

	/* A recommendation moves from LCL to the Citizens' Group's PNL. */
	sqlf("UPDATE recommendation SET subgroup_id = %" PRId64
	    " WHERE id = %" PRId64, pnl, rec[0]);
	assert_all_as_tables();
	err_clear(&e);
	ck_assert_int_eq(store_archive(fx.st, ENT_RECOMMENDATION, rec[1], 0,
	    &e), 0);
	ck_assert_int_eq(store_archive(fx.st, ENT_RECOMMENDATION, rec[5], 0,
	    &e), 0);
	assert_all_as_tables();
	fx_edit(fx.st, ENT_RECOMMENDATION, rec[3], FX_VALS(
	    { "title", "Sunday glass for libraries" }, { "text", "zzzz" }));
	assert_all_as_tables();
	/* BRK, sub-group and all, moves to the Citizens' Group. */
	sqlf("UPDATE subgroup SET commission_id = %" PRId64
	    " WHERE id = %" PRId64, fx.cg, fx.brk);
	assert_all_as_tables();
	sqlf("DELETE FROM recommendation WHERE id = %" PRId64,
	    rec[4]);
	assert_all_as_tables();
	fx_sql("INSERT INTO recommendation_fts(recommendation_fts, rank) "
	    "VALUES ('integrity-check', 1)");
}
END_TEST

/* The members' commission, sub-group, login, role and end, ", "
 * between. */
static char *
members(const struct list_filter *f)
{
	struct store_cursor *c;
	const char *left;
	struct buf b;
	struct err e;
	int rc;

	err_clear(&e);
	ck_assert_msg(store_list_open(fx.st, "members", f, &c, &e) == 0, "%s",
	    e.msg);
	buf_init(&b);
	while ((rc = store_cursor_next(c, &e)) == 1) {
		left = store_cursor_text(c, 7);
		buf_printf(&b, "%s%s %s %s %s %s", b.len ? ", " : "",
		    store_cursor_text(c, 1), store_cursor_text(c, 2),
		    store_cursor_text(c, 3), store_cursor_text(c, 5),
		    left ? left : "-");
	}
	ck_assert_msg(rc == 0, "%s", e.msg);
	store_cursor_close(c);
	return buf_steal(&b);
}

/* Version 6's search index, as it was, in place of version 8's. */
static const char version6[] =
    "DROP TRIGGER subgroup_fts_au; DROP TRIGGER recommendation_fts_ai;"
    "DROP TRIGGER recommendation_fts_ad; DROP TRIGGER recommendation_fts_au;"
    "DROP TABLE recommendation_fts; DROP VIEW recommendation_search;"
    "DROP INDEX recommendation_ref_nocase;"
    "CREATE VIRTUAL TABLE recommendation_fts USING fts5(ref, title, body,"
    " content = 'recommendation', content_rowid = 'id',"
    " tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');"
    "INSERT INTO recommendation_fts(recommendation_fts) VALUES ('rebuild');"
    "CREATE TRIGGER recommendation_fts_ai AFTER INSERT ON recommendation"
    " BEGIN INSERT INTO recommendation_fts(rowid, ref, title, body)"
    " VALUES (new.id, new.ref, new.title, new.body); END;"
    "CREATE TRIGGER recommendation_fts_ad AFTER DELETE ON recommendation"
    " BEGIN INSERT INTO recommendation_fts(recommendation_fts, rowid, ref,"
    " title, body) VALUES ('delete', old.id, old.ref, old.title,"
    " old.body); END;"
    "CREATE TRIGGER recommendation_fts_au AFTER UPDATE OF ref, title, body"
    " ON recommendation BEGIN INSERT INTO recommendation_fts("
    "recommendation_fts, rowid, ref, title, body) VALUES ('delete',"
    " old.id, old.ref, old.title, old.body); INSERT INTO"
    " recommendation_fts(rowid, ref, title, body) VALUES (new.id, new.ref,"
    " new.title, new.body); END;"
    "PRAGMA user_version = 6;";

START_TEST(test_search_after_migration)
{
	struct err e;

	err_clear(&e);
	ck_assert_int_eq(store_archive(fx.st, ENT_RECOMMENDATION, rec[2], 0,
	    &e), 0);
	fx_close(fx.st);
	fx_sql(version6);
	ck_assert_int_eq(fx_sql_int("PRAGMA user_version"), 6);
	/* Rows added at version 6 are indexed without scope words. */
	sqlf("INSERT INTO recommendation(subgroup_id, ref, title, "
	    "body, stage, stage_since, created_at, updated_at) VALUES (%"
	    PRId64 ", 'CC-LCL-99', 'Late library idea', 'open late', "
	    "'draft', '2026-01-01 00:00:00', '2026-01-01 00:00:00', "
	    "'2026-01-01 00:00:00')", fx.lcl);
	fx.st = fx_open_as(FX_ADMIN);
	ck_assert_int_eq(fx_sql_int("PRAGMA user_version"),
	    db_schema_version());
	assert_all_as_tables();
	fx_sql("INSERT INTO recommendation_fts(recommendation_fts, rank) "
	    "VALUES ('integrity-check', 1)");
}
END_TEST

/* Readying the search finds nothing and changes nothing; without a
 * search index it fails, saying so. */
START_TEST(test_search_warm)
{
	struct list_filter f;
	sqlite3 *h = fx_raw();
	struct err e;
	int64_t count;
	char *got, *want = expected(h, "lib", 0, 0, false, NULL);

	sqlite3_close(h);
	err_clear(&e);
	ck_assert_msg(store_search_warm(fx.st, &e) == 0, "%s", e.msg);
	memset(&f, 0, sizeof f);
	f.search = "lib";
	got = listed(&f, &count);
	ck_assert_str_eq(got, want);
	ck_assert_int_eq(count, (int64_t)nrefs(want));
	free(got);
	free(want);
	fx_close(fx.st);
	fx_sql("DROP TABLE recommendation_fts");
	fx.st = fx_open_as(FX_ADMIN);
	ck_assert_int_eq(store_search_warm(fx.st, &e), -1);
	ck_assert_msg(strstr(e.msg, "recommendation_fts") != NULL, "%s",
	    e.msg);
}
END_TEST

/*
 * A sub-group's members as a detail asks for them (their own, quicker
 * query): the present ones; those who left too when archived ones are
 * shown; none for no sub-group (-1).
 */
START_TEST(test_subgroup_members)
{
	struct list_filter f;
	char *got;

	fx_sql("UPDATE subgroup_member SET left_on = '2026-01-01' WHERE "
	    "person_id = (SELECT id FROM person WHERE login = 'lclmember')");
	memset(&f, 0, sizeof f);
	f.subgroup_id = fx.lcl;
	got = members(&f);
	ck_assert_str_eq(got, "CC LCL lclchair chair -");
	free(got);
	f.archived = true;
	got = members(&f);
	ck_assert_str_eq(got, "CC LCL lclchair chair -, "
	    "CC LCL lclmember member 2026-01-01");
	free(got);
	f.archived = false;
	f.subgroup_id = 0;
	f.subgroup = "BRK";
	f.commission_id = fx.cg;
	got = members(&f);
	ck_assert_str_eq(got, "");
	free(got);
	f.commission_id = 0;
	got = members(&f);
	ck_assert_str_eq(got, "CC BRK brkchair chair -");
	free(got);
	f.subgroup = NULL;
	f.subgroup_id = -1;
	got = members(&f);
	ck_assert_str_eq(got, "");
	free(got);
}
END_TEST

Suite *
search_suite(void)
{
	Suite *s = suite_create("search");
	TCase *tc = tcase_create("scope");

	tcase_add_checked_fixture(tc, setup, fx_teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_search_as_made);
	tcase_add_test(tc, test_scope_words_not_searched);
	tcase_add_test(tc, test_search_after_changes);
	tcase_add_test(tc, test_search_after_migration);
	tcase_add_test(tc, test_search_warm);
	suite_add_tcase(s, tc);

	tc = tcase_create("members");
	tcase_add_checked_fixture(tc, fx_setup_world, fx_teardown);
	tcase_add_test(tc, test_subgroup_members);
	suite_add_tcase(s, tc);
	return s;
}
