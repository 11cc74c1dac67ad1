/*
 * test_db.c: the SQLite connection: identity, refusals, migrations,
 * nested transactions, the statement cache, and two writers at once.
 *
 * A file coopcom refuses must come out byte for byte as it went in, so
 * each refusal compares the file before and after. Old databases are made
 * the way an older coopcom made them: the sections of the built-in schema
 * up to that version, run on a raw connection.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "coopcom/store/db.h"
#include "coopcom/util/buf.h"
#include "coopcom/util/xalloc.h"
#include "fixture.h"

Suite *db_suite(void);

/* 'Coop' in ASCII, as db.c marks its files. */
#define APPLICATION_ID 0x436f6f70

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static struct db *
open_db(const char *path, unsigned flags, bool *created)
{
	struct db *db = NULL;
	struct err e;

	err_clear(&e);
	ck_assert_msg(db_open(&db, path, flags, 5000, created, &e) == 0,
	    "db_open %s: %s", path, e.msg);
	return db;
}

static int64_t
pragma_int(sqlite3 *h, const char *sql)
{
	sqlite3_stmt *q;
	int64_t v;

	ck_assert_int_eq(sqlite3_prepare_v2(h, sql, -1, &q, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(q), SQLITE_ROW);
	v = sqlite3_column_int64(q, 0);
	sqlite3_finalize(q);
	return v;
}

static char *
pragma_text(sqlite3 *h, const char *sql)
{
	sqlite3_stmt *q;
	char *v;

	ck_assert_int_eq(sqlite3_prepare_v2(h, sql, -1, &q, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(q), SQLITE_ROW);
	v = x_strdup((const char *)sqlite3_column_text(q, 0));
	sqlite3_finalize(q);
	return v;
}

/* Runs SQL on a raw connection to PATH, creating the file if need be. */
static void
raw_exec(const char *path, const char *sql)
{
	sqlite3 *h;
	char *msg = NULL;

	ck_assert_int_eq(sqlite3_open(path, &h), SQLITE_OK);
	ck_assert_msg(sqlite3_exec(h, sql, NULL, NULL, &msg) == SQLITE_OK,
	    "%s: %s", sql, msg ? msg : "?");
	sqlite3_close(h);
}

START_TEST(test_new_database)
{
	struct db *db;
	bool created = false;
	char *mode;

	db = open_db(fx.path, DB_CREATE, &created);
	ck_assert(created);
	ck_assert_int_ge(db_schema_version(), 1);
	ck_assert_int_eq(pragma_int(db_handle(db), "PRAGMA user_version"),
	    db_schema_version());
	ck_assert_int_eq(pragma_int(db_handle(db), "PRAGMA application_id"),
	    APPLICATION_ID);
	ck_assert_int_eq(pragma_int(db_handle(db), "PRAGMA foreign_keys"), 1);
	mode = pragma_text(db_handle(db), "PRAGMA journal_mode");
	ck_assert_str_eq(mode, "wal");
	free(mode);
	ck_assert_str_eq(db_path(db), fx.path);
	db_close(db);

	/* Opening it again creates nothing. */
	db = open_db(fx.path, 0, &created);
	ck_assert(!created);
	ck_assert_int_eq(pragma_int(db_handle(db), "PRAGMA foreign_keys"), 1);
	ck_assert_int_eq(pragma_int(db_handle(db), "PRAGMA synchronous"), 1);
	ck_assert_int_eq(pragma_int(db_handle(db),
	    "PRAGMA wal_autocheckpoint"), 10000);
	db_close(db);
}
END_TEST

START_TEST(test_empty_file_becomes_database)
{
	struct db *db;
	struct err e = { 0 };
	struct stat sb;
	bool created = false;

	fx_write_file(fx.path, "", 0);
	ck_assert_int_eq(db_open(&db, fx.path, 0, 100, NULL, &e), -1);
	ck_assert_int_eq(e.code, ERR_NOTFOUND);
	ck_assert_ptr_nonnull(strstr(e.msg, "is empty"));
	ck_assert_int_eq(stat(fx.path, &sb), 0);
	ck_assert_int_eq(sb.st_size, 0);
	db = open_db(fx.path, DB_CREATE, &created);
	ck_assert(created);
	ck_assert_int_eq(pragma_int(db_handle(db), "PRAGMA user_version"),
	    db_schema_version());
	db_close(db);
}
END_TEST

/* Files coopcom must refuse, each made in the temporary folder. */
static void
make_newer(const char *path)
{
	db_close(open_db(path, DB_CREATE, NULL));
	raw_exec(path, "PRAGMA user_version = 99");
}

static void
make_text(const char *path)
{
	static const char text[] = "Minutes of the Assembly of "
	    "Commissioners, 14 September 2011.\nPresent: all.\n"
	    "This is not a database, though it is long enough to have a "
	    "header of one hundred bytes if it were one. Item 1: apologies.\n";

	fx_write_file(path, text, sizeof text - 1);
}

static void
make_foreign(const char *path)
{
	raw_exec(path, "CREATE TABLE notes(x TEXT); "
	    "INSERT INTO notes VALUES ('not ours')");
}

static void
make_foreign_versioned(const char *path)
{
	raw_exec(path, "PRAGMA user_version = 3");
}

static const struct {
	const char *what;
	void (*make)(const char *);
	enum err_code code;
	const char *words[3];
} refusals[] = {
	{ "newer schema", make_newer, ERR_VERSION,
	    { "schema version 99", "upgrade coopcom", "left untouched" } },
	{ "plain text", make_text, ERR_CORRUPT,
	    { "not a usable coopcom database", "coopcom.db", NULL } },
	{ "another program's database", make_foreign, ERR_CORRUPT,
	    { "an SQLite database, but not a coopcom one", "left untouched",
	    NULL } },
	{ "another program's empty database", make_foreign_versioned,
	    ERR_CORRUPT, { "not a coopcom one", NULL, NULL } },
};

START_TEST(test_refused_untouched)
{
	static const unsigned flags[] = { 0, DB_CREATE, DB_READONLY };
	char *before, *after, *wal;
	size_t nbefore, nafter, i, w;
	struct db *db;
	struct err e;
	int rc;

	refusals[_i].make(fx.path);
	before = fx_slurp(fx.path, &nbefore);
	for (i = 0; i < NELEM(flags); i++) {
		err_clear(&e);
		rc = db_open(&db, fx.path, flags[i], 1000, NULL, &e);
		ck_assert_msg(rc == -1, "%s opened with flags %u",
		    refusals[_i].what, flags[i]);
		ck_assert_ptr_null(db);
		ck_assert_msg(e.code == refusals[_i].code, "%s: code %s: %s",
		    refusals[_i].what, err_code_name(e.code), e.msg);
		for (w = 0; w < NELEM(refusals[_i].words); w++)
			if (refusals[_i].words[w] != NULL)
				fx_assert_has(e.msg, refusals[_i].words[w]);
		after = fx_slurp(fx.path, &nafter);
		ck_assert_msg(nafter == nbefore &&
		    memcmp(before, after, nbefore) == 0,
		    "%s was changed by a refused open (flags %u)",
		    refusals[_i].what, flags[i]);
		free(after);
	}
	/* Nor was a log of changes left beside it. */
	wal = fx_file("coopcom.db-wal");
	if (access(wal, F_OK) == 0) {
		after = fx_slurp(wal, &nafter);
		ck_assert_msg(nafter == 0, "a refused open left %zu bytes of "
		    "write-ahead log", nafter);
		free(after);
	}
	free(wal);
	free(before);
}
END_TEST

START_TEST(test_folder_refused)
{
	char *dir = fx_file("folder");
	struct db *db;
	struct err e;

	ck_assert_int_eq(mkdir(dir, 0700), 0);
	err_clear(&e);
	ck_assert_int_eq(db_open(&db, dir, DB_CREATE, 1000, NULL, &e), -1);
	ck_assert_int_eq(e.code, ERR_IO);
	fx_assert_has(e.msg, "is a folder, not a database file");
	fx_assert_has(e.msg, dir);
	free(dir);
}
END_TEST

START_TEST(test_missing_without_create)
{
	struct db *db;
	struct err e;

	err_clear(&e);
	ck_assert_int_eq(db_open(&db, fx.path, 0, 1000, NULL, &e), -1);
	ck_assert_int_eq(e.code, ERR_NOTFOUND);
	fx_assert_has(e.msg, "no database at");
	fx_assert_has(e.msg, fx.path);
	fx_assert_has(e.msg, "init");
	ck_assert_int_ne(access(fx.path, F_OK), 0);

	/* Read-only cannot create either. */
	err_clear(&e);
	ck_assert_int_eq(db_open(&db, fx.path, DB_READONLY, 1000, NULL, &e),
	    -1);
	ck_assert_int_eq(e.code, ERR_NOTFOUND);
	ck_assert_int_ne(access(fx.path, F_OK), 0);
}
END_TEST

/*
 * The text of schema section V, as an older coopcom ran it: from the line
 * "-- version V" to the next marker. (db.c has the same split, but keeps
 * it to itself: a database at an old version cannot be made through db.h,
 * since db_open always migrates to the latest.)
 */
static char *
section_text(int v)
{
	char marker[32];
	const char *start, *end;

	snprintf(marker, sizeof marker, "-- version %d\n", v);
	start = strstr(schema_sql, marker);
	ck_assert_msg(start != NULL, "no section %d in the schema", v);
	start += strlen(marker);
	end = strstr(start, "\n-- version ");
	return end ? x_strndup(start, (size_t)(end - start)) : x_strdup(start);
}

static void
make_old_database(const char *path, int v)
{
	struct buf sql;
	char *section;
	int i;

	buf_init(&sql);
	for (i = 1; i <= v; i++) {
		section = section_text(i);
		buf_add(&sql, section);
		free(section);
	}
	buf_printf(&sql, ";\nPRAGMA user_version = %d;\n"
	    "PRAGMA application_id = %d;\n", v, APPLICATION_ID);
	if (v >= 1)
		buf_add(&sql, "INSERT INTO meta(key, value) VALUES "
		    "('test_marker', 'kept');\n"
		    "INSERT INTO person(login, name, updated_at) VALUES "
		    "('oldtimer', 'Old Timer', '2011-07-26 10:00:00');\n");
	raw_exec(path, buf_str(&sql));
	buf_done(&sql);
}

/* The schema as text, to compare a migrated database with a new one. */
static char *
schema_dump(const char *path)
{
	sqlite3 *h;
	sqlite3_stmt *q;
	struct buf b;

	buf_init(&b);
	ck_assert_int_eq(sqlite3_open(path, &h), SQLITE_OK);
	ck_assert_int_eq(sqlite3_prepare_v2(h, "SELECT type, name, tbl_name, "
	    "coalesce(sql, '') FROM sqlite_schema ORDER BY type, name", -1, &q,
	    NULL), SQLITE_OK);
	while (sqlite3_step(q) == SQLITE_ROW)
		buf_printf(&b, "%s %s %s\n%s\n", sqlite3_column_text(q, 0),
		    sqlite3_column_text(q, 1), sqlite3_column_text(q, 2),
		    sqlite3_column_text(q, 3));
	sqlite3_finalize(q);
	sqlite3_close(h);
	return buf_steal(&b);
}

START_TEST(test_migrate_from_every_version)
{
	int v = _i;
	char *fresh_path = fx_file("fresh.db"), *fresh, *migrated, *name;
	struct db *db;
	bool created = false;

	db_close(open_db(fresh_path, DB_CREATE, NULL));
	make_old_database(fx.path, v);
	/* Version 0 is an empty file: only a creating open fills it. */
	db = open_db(fx.path, v == 0 ? DB_CREATE : 0, &created);
	ck_assert(created == (v == 0));
	ck_assert_int_eq(pragma_int(db_handle(db), "PRAGMA user_version"),
	    db_schema_version());
	ck_assert_int_eq(pragma_int(db_handle(db), "PRAGMA application_id"),
	    APPLICATION_ID);
	db_close(db);

	fresh = schema_dump(fresh_path);
	migrated = schema_dump(fx.path);
	ck_assert_str_eq(migrated, fresh);
	/* Version 3 gives every database, old or new, its identity. */
	name = fx_sql_text("SELECT value FROM meta WHERE key = "
	    "'database_id'");
	ck_assert_ptr_nonnull(name);
	ck_assert_uint_eq(strlen(name), 36);
	free(name);
	if (v >= 1) {
		name = fx_sql_text("SELECT value FROM meta "
		    "WHERE key = 'test_marker'");
		ck_assert_pstr_eq(name, "kept");
		free(name);
		name = fx_sql_text("SELECT name FROM person "
		    "WHERE login = 'oldtimer'");
		ck_assert_pstr_eq(name, "Old Timer");
		free(name);
	}
	free(fresh);
	free(migrated);
	free(fresh_path);
}
END_TEST

START_TEST(test_failed_migration_rolls_back)
{
	struct db *db;
	struct err e;
	char *sql;

	sql = x_printf("PRAGMA application_id = %d; "
	    "CREATE TABLE person(id INTEGER PRIMARY KEY, nickname TEXT)",
	    APPLICATION_ID);
	raw_exec(fx.path, sql);
	free(sql);
	err_clear(&e);
	ck_assert_int_eq(db_open(&db, fx.path, 0, 1000, NULL, &e), -1);
	ck_assert_ptr_null(db);
	ck_assert_int_eq(e.code, ERR_DB);
	fx_assert_has(e.msg, "migrating to schema version 1");
	fx_assert_has(e.msg, "person already exists");
	ck_assert_int_eq(fx_sql_int("PRAGMA user_version"), 0);
	ck_assert_int_eq(fx_sql_int("SELECT count(*) FROM sqlite_schema"), 1);
	ck_assert_int_eq(fx_sql_int("SELECT count(*) FROM sqlite_schema "
	    "WHERE name = 'person'"), 1);
}
END_TEST

static void
put_meta(struct db *db, const char *key)
{
	static const char sql[] =
	    "INSERT INTO meta(key, value) VALUES (:k, 'x')";
	sqlite3_stmt *q;
	struct err e;

	err_clear(&e);
	q = db_prepare(db, sql, &e);
	ck_assert_msg(q != NULL, "%s", e.msg);
	db_bind_text(q, ":k", key);
	ck_assert_msg(db_run(db, q, &e) == 0, "%s", e.msg);
}

static int64_t
has_meta(const char *key)
{
	return fx_sql_intf("SELECT count(*) FROM meta WHERE key = '%s'", key);
}

START_TEST(test_nested_transactions)
{
	struct db *db = open_db(fx.path, DB_CREATE, NULL);
	struct err e;

	err_clear(&e);
	ck_assert_int_eq(db_begin(db, &e), 0);
	put_meta(db, "outer");
	ck_assert_int_eq(db_begin(db, &e), 0);
	put_meta(db, "inner-undone");
	db_rollback(db);
	ck_assert_int_eq(db_begin(db, &e), 0);
	put_meta(db, "inner-kept");
	ck_assert_int_eq(db_commit(db, &e), 0);
	/* An inner commit is not yet visible to anyone else. */
	ck_assert_int_eq(has_meta("inner-kept"), 0);
	ck_assert_int_eq(db_commit(db, &e), 0);
	ck_assert_int_eq(has_meta("outer"), 1);
	ck_assert_int_eq(has_meta("inner-undone"), 0);
	ck_assert_int_eq(has_meta("inner-kept"), 1);

	/* An outer rollback undoes a committed inner one. */
	ck_assert_int_eq(db_begin(db, &e), 0);
	ck_assert_int_eq(db_begin(db, &e), 0);
	put_meta(db, "lost");
	ck_assert_int_eq(db_commit(db, &e), 0);
	db_rollback(db);
	ck_assert_int_eq(has_meta("lost"), 0);
	db_close(db);
}
END_TEST

START_TEST(test_constraint_is_invalid)
{
	struct db *db = open_db(fx.path, DB_CREATE, NULL);
	sqlite3_stmt *q;
	struct err e;

	put_meta(db, "once");
	err_clear(&e);
	q = db_prepare(db, "INSERT INTO meta(key, value) VALUES (:k, 'x')",
	    &e);
	db_bind_text(q, ":k", "once");
	ck_assert_int_eq(db_run(db, q, &e), -1);
	ck_assert_int_eq(e.code, ERR_INVALID);
	fx_assert_has(e.msg, "UNIQUE constraint failed: meta.key");
	/* The statement was reset: it runs again at once. */
	db_bind_text(q, ":k", "twice");
	ck_assert_int_eq(db_run(db, q, &e), 0);
	db_close(db);
}
END_TEST

START_TEST(test_prepare_caches)
{
	static const char sql[] = "SELECT key FROM meta ORDER BY key";
	struct db *db = open_db(fx.path, DB_CREATE, NULL);
	sqlite3_stmt *a, *b, *c, *other;
	char *copy = x_strdup(sql);
	struct err e;

	put_meta(db, "a");
	put_meta(db, "b");
	err_clear(&e);
	a = db_prepare(db, sql, &e);
	ck_assert_ptr_nonnull(a);
	b = db_prepare(db, sql, &e);
	ck_assert_ptr_eq(a, b);
	/* The same text in another buffer is the same statement. */
	c = db_prepare(db, copy, &e);
	ck_assert_ptr_eq(a, c);
	other = db_prepare(db, "SELECT count(*) FROM meta", &e);
	ck_assert_ptr_nonnull(other);
	ck_assert_ptr_ne(a, other);

	/* A statement handed out again starts from its first row. */
	ck_assert_int_eq(db_step(db, a, &e), 1);
	ck_assert_str_eq((const char *)sqlite3_column_text(a, 0), "a");
	b = db_prepare(db, sql, &e);
	ck_assert_int_eq(db_step(db, b, &e), 1);
	ck_assert_str_eq((const char *)sqlite3_column_text(b, 0), "a");
	sqlite3_reset(b);

	/* A bad statement is an error, not a crash. */
	ck_assert_ptr_null(db_prepare(db, "SELECT nonsense FROM nowhere", &e));
	ck_assert_int_eq(e.code, ERR_DB);
	fx_assert_has(e.msg, "no such table: nowhere");
	free(copy);
	db_close(db);
}
END_TEST

/*
 * Two writers at once: each child process opens its own connection and
 * makes N edits, starting together when the parent closes the pipe. Every
 * edit must land (none lost, none refused as busy) and be audited once.
 */
#define WRITES 200

static int
writer(int go, int64_t id, int who)
{
	struct store_options o = { .path = fx.path, .login = FX_ADMIN,
		.busy_ms = 30000, .workflow = fx.wf };
	struct store *st;
	struct err e;
	char text[64], c;
	int i, failed = 0;

	/* Two people starting coopcom at the same moment, too. */
	while (read(go, &c, 1) < 0 && errno == EINTR)
		;
	err_clear(&e);
	if (store_open(&st, &o, &e) < 0) {
		fprintf(stderr, "writer %d: %s\n", who, e.msg);
		return 3;
	}
	for (i = 0; i < WRITES; i++) {
		struct store_value v = { "organisation", text };

		snprintf(text, sizeof text, "writer %d, edit %d", who, i);
		if (store_update(st, ENT_PERSON, id, 0, &v, 1, &e) < 0) {
			fprintf(stderr, "writer %d, edit %d: %s: %s\n", who, i,
			    err_code_name(e.code), e.msg);
			failed = e.code == ERR_BUSY ? 2 : 1;
		}
	}
	store_close(st);
	return failed;
}

START_TEST(test_two_writers)
{
	bool same_row = _i == 0;
	int64_t rows[2], audits;
	int go[2], status, k;
	pid_t pid[2];
	struct buf out;
	struct err e;

	rows[0] = fx_add(fx.st, ENT_PERSON, FX_VALS({ "name", "Wyn Writer" }));
	rows[1] = same_row ? rows[0] :
	    fx_add(fx.st, ENT_PERSON, FX_VALS({ "name", "Val Writer" }));
	audits = fx_audit_count();
	/* No connection may cross the fork. */
	fx_close(fx.st);
	ck_assert_int_eq(pipe(go), 0);
	for (k = 0; k < 2; k++) {
		pid[k] = fork();
		ck_assert_int_ge(pid[k], 0);
		if (pid[k] == 0) {
			close(go[1]);
			_exit(writer(go[0], rows[k], k));
		}
	}
	close(go[0]);
	close(go[1]);
	for (k = 0; k < 2; k++) {
		ck_assert_int_eq(waitpid(pid[k], &status, 0), pid[k]);
		ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 0,
		    "writer %d: %s (see its message above)", k,
		    !WIFEXITED(status) ? "crashed" :
		    WEXITSTATUS(status) == 3 ? "could not open the database" :
		    WEXITSTATUS(status) == 2 ? "an edit saw ERR_BUSY" :
		    "an edit failed");
	}
	if (same_row)
		ck_assert_int_eq(fx_sql_intf("SELECT version FROM person "
		    "WHERE id = %lld", (long long)rows[0]), 1 + 2 * WRITES);
	else
		ck_assert_int_eq(fx_sql_intf("SELECT sum(version) FROM person "
		    "WHERE id IN (%lld, %lld)", (long long)rows[0],
		    (long long)rows[1]), 2 * (1 + WRITES));
	ck_assert_int_eq(fx_audit_count(), audits + 2 * WRITES);
	ck_assert_int_eq(fx_sql_intf("SELECT count(*) FROM audit WHERE "
	    "action = 'update' AND entity = 'person' AND entity_id IN "
	    "(%lld, %lld)", (long long)rows[0], (long long)rows[1]),
	    2 * WRITES);

	/* The chain the two of them wrote still verifies. */
	fx.st = fx_open_as(FX_ADMIN);
	buf_init(&out);
	err_clear(&e);
	ck_assert_msg(store_check(fx.st, &out, &e) == 0, "check: %s%s",
	    buf_str(&out), e.msg);
	buf_done(&out);
}
END_TEST

Suite *
db_suite(void)
{
	Suite *s = suite_create("db");
	TCase *tc;

	tc = tcase_create("open");
	tcase_add_checked_fixture(tc, fx_setup_empty, fx_teardown);
	tcase_add_test(tc, test_new_database);
	tcase_add_test(tc, test_empty_file_becomes_database);
	tcase_add_loop_test(tc, test_refused_untouched, 0, NELEM(refusals));
	tcase_add_test(tc, test_folder_refused);
	tcase_add_test(tc, test_missing_without_create);
	suite_add_tcase(s, tc);

	tc = tcase_create("migrate");
	tcase_add_checked_fixture(tc, fx_setup_empty, fx_teardown);
	tcase_add_loop_test(tc, test_migrate_from_every_version, 0,
	    db_schema_version());
	tcase_add_test(tc, test_failed_migration_rolls_back);
	suite_add_tcase(s, tc);

	tc = tcase_create("statements");
	tcase_add_checked_fixture(tc, fx_setup_empty, fx_teardown);
	tcase_add_test(tc, test_nested_transactions);
	tcase_add_test(tc, test_constraint_is_invalid);
	tcase_add_test(tc, test_prepare_caches);
	suite_add_tcase(s, tc);

	tc = tcase_create("concurrency");
	tcase_add_checked_fixture(tc, fx_setup_admin, fx_teardown);
	tcase_set_timeout(tc, 120);
	tcase_add_loop_test(tc, test_two_writers, 0, 2);
	suite_add_tcase(s, tc);
	return s;
}
