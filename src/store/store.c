/*
 * store.c: opening the store as a person, and the shared helpers.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "coopcom/core/date.h"
#include "coopcom/store/priv.h"
#include "coopcom/util/xalloc.h"

/*
 * Under --today the date is the one fixed and the time of day the
 * clock's, so what is written on a day of a test's (or a demo's) history
 * is dated that day, as its progress updates and target dates are.
 */
void
store_now(char out[20])
{
	time_t t = time(NULL);
	struct date d = date_today();
	struct tm tm;

	gmtime_r(&t, &tm);
	if (date_today_is_fixed()) {
		tm.tm_year = d.year - 1900;
		tm.tm_mon = d.month - 1;
		tm.tm_mday = d.day;
	}
	strftime(out, 20, "%Y-%m-%d %H:%M:%S", &tm);
}

void
store_today(char out[11])
{
	date_format_iso(date_today(), out);
}

static int
load_me(struct store *st, const char *login, struct err *e)
{
	static const char sql[] =
	    "SELECT id, name, is_admin FROM person "
	    "WHERE login = :login AND archived = 0";
	sqlite3_stmt *q = db_prepare(st->db, sql, e);
	int rc;
	char *copy = x_strdup(login);	/* login may be st->me.login */

	if (q == NULL) {
		free(copy);
		return -1;
	}
	free(st->me.login);
	free(st->me.name);
	st->me.login = copy;
	st->me.name = x_strdup(copy);
	st->me.id = 0;
	st->me.admin = false;
	db_bind_text(q, ":login", copy);
	if ((rc = db_step(st->db, q, e)) == 1) {
		st->me.id = sqlite3_column_int64(q, 0);
		free(st->me.name);
		st->me.name = db_column_dup(q, 1);
		st->me.admin = sqlite3_column_int(q, 2) != 0;
		sqlite3_reset(q);
	}
	return rc < 0 ? -1 : 0;
}

int
store_open(struct store **out, const struct store_options *o, struct err *e)
{
	struct store *st = x_calloc(1, sizeof *st);
	unsigned flags = 0;

	if (o->flags & STORE_CREATE)
		flags |= DB_CREATE;
	if (o->flags & STORE_READONLY)
		flags |= DB_READONLY;
	st->workflow = o->workflow;
	if (db_open(&st->db, o->path, flags, o->busy_ms, &st->created, e) < 0 ||
	    delivery_register(st, e) < 0 || load_me(st, o->login, e) < 0) {
		store_close(st);
		*out = NULL;
		return -1;
	}
	*out = st;
	return 0;
}

void
store_close(struct store *st)
{
	if (st == NULL)
		return;
	list_done(st);
	db_close(st->db);
	free(st->refs.prefix);
	free(st->me.login);
	free(st->me.name);
	free(st);
}

const struct store_person *
store_me(const struct store *st)
{
	return &st->me;
}

const struct workflow *
store_workflow(const struct store *st)
{
	return st->workflow;
}

const char *
store_path(const struct store *st)
{
	return db_path(st->db);
}

bool
store_created(const struct store *st)
{
	return st->created;
}

int64_t
store_data_version(struct store *st)
{
	return db_data_version(st->db);
}

char *
store_person_name(struct store *st, int64_t id)
{
	static const char sql[] = "SELECT name FROM person WHERE id = :id";
	sqlite3_stmt *q;
	struct err e;
	char *name = NULL;

	if (id == 0 || (q = db_prepare(st->db, sql, &e)) == NULL)
		return x_strdup("");
	db_bind_int(q, ":id", id);
	if (db_step(st->db, q, &e) == 1) {
		name = db_column_dup(q, 0);
		sqlite3_reset(q);
	}
	return name != NULL ? name : x_strdup("");
}

static int
count_admins(struct store *st, int64_t *n, struct err *e)
{
	static const char sql[] =
	    "SELECT count(*) FROM person WHERE is_admin = 1 AND archived = 0";
	sqlite3_stmt *q = db_prepare(st->db, sql, e);
	int rc;

	if (q == NULL)
		return -1;
	if ((rc = db_step(st->db, q, e)) == 1) {
		*n = sqlite3_column_int64(q, 0);
		sqlite3_reset(q);
	}
	return rc < 0 ? -1 : 0;
}

static int
make_admin(struct store *st, const char *login, const char *name,
    struct err *e)
{
	static const char upd[] =
	    "UPDATE person SET is_admin = 1, version = version + 1, "
	    "updated_at = :now WHERE login = :login";
	static const char ins[] =
	    "INSERT INTO person(login, name, is_admin, updated_at) "
	    "VALUES (:login, :name, 1, :now)";
	sqlite3_stmt *q;
	char now[20], changes[160];
	int64_t id;
	bool existed;

	store_now(now);
	if ((q = db_prepare(st->db, upd, e)) == NULL)
		return -1;
	db_bind_text(q, ":now", now);
	db_bind_text(q, ":login", login);
	if (db_run(st->db, q, e) < 0)
		return -1;
	existed = db_changes(st->db) > 0;
	if (!existed) {
		if ((q = db_prepare(st->db, ins, e)) == NULL)
			return -1;
		db_bind_text(q, ":login", login);
		db_bind_text(q, ":name", name);
		db_bind_text(q, ":now", now);
		if (db_run(st->db, q, e) < 0)
			return -1;
	}
	if (load_me(st, st->me.login, e) < 0 ||
	    store_resolve(st, ENT_PERSON, login, &id, e) < 0)
		return -1;
	snprintf(changes, sizeof changes, "{\"admin\":[%s,\"1\"]}",
	    existed ? "\"0\"" : "null");
	return audit_append(st, "person", id, existed ? "grant-admin" :
	    "create-admin", changes, login, 0, e);
}

int
store_bootstrap_admin(struct store *st, const char *login, const char *name,
    struct err *e)
{
	int64_t admins = 0;

	if (db_begin(st->db, e) < 0)
		return -1;
	if (count_admins(st, &admins, e) < 0)
		goto fail;
	if (admins > 0 && !st->me.admin) {
		err_set(e, ERR_DENIED, "this database already has an "
		    "administrator; only an administrator can make another");
		goto fail;
	}
	if (make_admin(st, login, name, e) < 0 || db_commit(st->db, e) < 0)
		goto fail;
	return 0;
fail:
	db_rollback(st->db);
	return -1;
}

int
store_begin(struct store *st, struct err *e)
{
	return db_begin(st->db, e);
}

int
store_commit(struct store *st, struct err *e)
{
	return db_commit(st->db, e);
}

void
store_rollback(struct store *st)
{
	db_rollback(st->db);
}

void
store_set_busy_notify(struct store *st, void (*fn)(void *arg, int waited_ms),
    void *arg)
{
	db_set_busy_notify(st->db, fn, arg);
}
