/*
 * check.c: `coopcom check`: can the record be trusted?
 *
 * SQLite's own integrity and foreign-key checks, then the rules the
 * schema cannot express (every stage known to the workflow, at least one
 * administrator, money in whole pence), then the audit chain and the
 * search index. Each
 * problem is one line naming what and where.
 */
#include <inttypes.h>
#include <string.h>

#include "coopcom/store/priv.h"

static int
integrity(struct store *st, struct buf *out, struct err *e)
{
	sqlite3_stmt *q = db_prepare(st->db, "PRAGMA integrity_check", e);
	const char *msg;
	int rc, n = 0;

	if (q == NULL)
		return -1;
	while ((rc = db_step(st->db, q, e)) == 1) {
		msg = (const char *)sqlite3_column_text(q, 0);
		if (msg != NULL && strcmp(msg, "ok") != 0) {
			buf_printf(out, "integrity: %s\n", msg);
			n++;
		}
	}
	return rc < 0 ? -1 : n;
}

static int
foreign_keys(struct store *st, struct buf *out, struct err *e)
{
	sqlite3_stmt *q = db_prepare(st->db, "PRAGMA foreign_key_check", e);
	int rc, n = 0;

	if (q == NULL)
		return -1;
	while ((rc = db_step(st->db, q, e)) == 1) {
		buf_printf(out, "foreign key: %s row %lld refers to a missing "
		    "%s\n", sqlite3_column_text(q, 0),
		    (long long)sqlite3_column_int64(q, 1),
		    sqlite3_column_text(q, 2));
		n++;
	}
	return rc < 0 ? -1 : n;
}

static int
stages(struct store *st, struct buf *out, struct err *e)
{
	static const char sql[] =
	    "SELECT stage, count(*), min(ref) FROM recommendation GROUP BY stage";
	sqlite3_stmt *q = db_prepare(st->db, sql, e);
	const char *stage;
	int rc, n = 0;

	if (q == NULL)
		return -1;
	while ((rc = db_step(st->db, q, e)) == 1) {
		stage = (const char *)sqlite3_column_text(q, 0);
		if (st->workflow && workflow_stage(st->workflow, stage))
			continue;
		buf_printf(out, "workflow: %lld recommendation(s), e.g. %s, "
		    "are at stage \"%s\", which the workflow does not have\n",
		    (long long)sqlite3_column_int64(q, 1),
		    sqlite3_column_text(q, 2), stage);
		n++;
	}
	return rc < 0 ? -1 : n;
}

static int
admins(struct store *st, struct buf *out, struct err *e)
{
	static const char sql[] = "SELECT count(*) FROM person WHERE "
	    "is_admin = 1 AND archived = 0";
	sqlite3_stmt *q = db_prepare(st->db, sql, e);
	int64_t n;

	if (q == NULL || db_step(st->db, q, e) != 1)
		return -1;
	n = sqlite3_column_int64(q, 0);
	sqlite3_reset(q);
	if (n > 0)
		return 0;
	buf_add(out, "people: nobody is an administrator (coopcom init "
	    "makes you one)\n");
	return 1;
}

/*
 * Money is whole pence. SQLite would keep 12.5 or '£5' typed in with the
 * sqlite3 shell (the column only prefers integers), and the program would
 * then read a different amount from the one stored.
 */
static int
money(struct store *st, struct buf *out, struct err *e)
{
	static const char sql[] =
	    "SELECT ref, 'savings', quote(savings_pence) FROM recommendation "
	    "WHERE typeof(savings_pence) NOT IN ('integer', 'null') UNION ALL "
	    "SELECT ref, 'up-front cost', quote(upfront_cost_pence) FROM "
	    "recommendation WHERE typeof(upfront_cost_pence) NOT IN "
	    "('integer', 'null') ORDER BY 1";
	sqlite3_stmt *q = db_prepare(st->db, sql, e);
	int rc, n = 0;

	if (q == NULL)
		return -1;
	while ((rc = db_step(st->db, q, e)) == 1) {
		buf_printf(out, "money: recommendation %s: the %s is %s, not a "
		    "whole number of pence\n", sqlite3_column_text(q, 0),
		    sqlite3_column_text(q, 1), sqlite3_column_text(q, 2));
		n++;
	}
	return rc < 0 ? -1 : n;
}

/*
 * The search index against the recommendations it indexes (SQLite's
 * integrity_check does not look inside FTS5). FTS5's check is an INSERT,
 * so it runs in a write transaction of its own that is always rolled
 * back; a database opened read-only is not checked.
 */
static int
search_index(struct store *st, struct buf *out, struct err *e)
{
	struct err found;

	if (sqlite3_db_readonly(db_handle(st->db), "main") != 0)
		return 0;
	if (db_begin(st->db, e) < 0)
		return -1;
	err_clear(&found);
	if (db_exec(st->db, "INSERT INTO recommendation_fts("
	    "recommendation_fts, rank) VALUES ('integrity-check', 1)",
	    &found) == 0) {
		db_rollback(st->db);
		return 0;
	}
	db_rollback(st->db);
	buf_printf(out, "search index: out of step with the recommendations "
	    "(%s); rebuild it with: sqlite3 DB \"INSERT INTO "
	    "recommendation_fts(recommendation_fts) VALUES ('rebuild')\"\n",
	    found.msg);
	return 1;
}

int
store_check(struct store *st, struct buf *out, struct err *e)
{
	int (*const checks[])(struct store *, struct buf *, struct err *) = {
		integrity, foreign_keys, stages, admins, money, audit_verify };
	size_t i;
	int n, total = 0;

	/* One read transaction: every check sees the same moment, however
	 * many people write meanwhile (in WAL, a reader blocks no one).
	 * Without it a commit between reading the audit head and walking
	 * the entries looks like entries deleted from the end. */
	if (db_exec(st->db, "BEGIN DEFERRED", e) < 0)
		return -1;
	for (i = 0; i < sizeof checks / sizeof checks[0]; i++) {
		if ((n = checks[i](st, out, e)) < 0) {
			db_exec(st->db, "ROLLBACK", e);
			return -1;
		}
		total += n;
	}
	if (db_exec(st->db, "COMMIT", e) < 0 ||
	    (n = search_index(st, out, e)) < 0)
		return -1;
	return total + n;
}
