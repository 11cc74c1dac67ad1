/*
 * db.c: the SQLite connection, migrations, transactions and statements.
 *
 * Fossil's db.c is the model: a thin wrapper that makes the common case
 * short and the error case impossible to ignore. Unlike Fossil, an SQL
 * error is never fatal here: it comes back as a struct err.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <time.h>
#include <unistd.h>

#include "coopcom/store/db.h"
#include "coopcom/util/buf.h"
#include "coopcom/util/xalloc.h"

/* 'Coop' in ASCII: marks the file as coopcom's in the SQLite header. */
#define DB_APPLICATION_ID 0x436f6f70

struct cached_stmt {
	const char *sql;	/* the caller's text, compared by pointer first */
	sqlite3_stmt *stmt;
};

struct db {
	sqlite3 *handle;
	char *path;
	int depth;			/* open transaction levels */
	unsigned long epoch;		/* see db_epoch */
	int busy_ms;			/* how long to wait for a writer */
	struct timespec busy_since;	/* when the present wait began */
	bool busy_told;			/* the notice went out for this wait */
	void (*busy_notify)(void *, int); /* see db_set_busy_notify */
	void *busy_arg;
	struct cached_stmt *cache;
	size_t ncache, capcache;
};

static const char version_marker[] = "-- version ";

int
db_schema_version(void)
{
	const char *p = schema_sql;
	int last = 0;

	while ((p = strstr(p, version_marker)) != NULL) {
		p += sizeof version_marker - 1;
		last = atoi(p);
	}
	return last;
}

/* The text of section VERSION (from its marker to the next), or NULL. */
static char *
schema_section(int version)
{
	const char *p = schema_sql, *start = NULL, *end;

	while ((p = strstr(p, version_marker)) != NULL) {
		p += sizeof version_marker - 1;
		if (atoi(p) == version) {
			start = p;
			break;
		}
	}
	if (start == NULL)
		return NULL;
	start += strcspn(start, "\n");
	end = strstr(start, version_marker);
	return end ? x_strndup(start, (size_t)(end - start)) : x_strdup(start);
}

/*
 * "UNIQUE constraint failed: commission.name" as a person would say it:
 * "there is already a commission with that name".
 */
static int
constraint_error(int rc, const char *msg, const char *context, struct err *e)
{
	static const char unique[] = "UNIQUE constraint failed: ";
	const char *what, *dot;
	int tlen;

	if (rc != SQLITE_CONSTRAINT_UNIQUE || strncmp(msg, unique,
	    sizeof unique - 1) != 0)
		return err_set(e, ERR_INVALID, "%s: %s", context, msg);
	what = msg + sizeof unique - 1;
	dot = strchr(what, '.');
	tlen = dot ? (int)(dot - what) : (int)strlen(what);
	(void)context;
	return err_set(e, ERR_INVALID, "there is already a %.*s with that %s",
	    tlen, what, dot ? dot + 1 : "value");
}

int
db_error(struct db *db, int rc, const char *context, struct err *e)
{
	const char *msg = db && db->handle ? sqlite3_errmsg(db->handle) :
	    sqlite3_errstr(rc);
	const char *path = db && db->path ? db->path : "database";

	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return err_set(e, ERR_BUSY, "%s: %s is busy: another person's "
		    "change is still being saved; nothing was changed, try "
		    "again", context, path);
	case SQLITE_READONLY:
		return err_set(e, ERR_READONLY, "%s: %s cannot be written "
		    "(read-only file or folder); nothing was changed", context,
		    path);
	case SQLITE_FULL:
		return err_set(e, ERR_IO, "%s: the disk holding %s is full; "
		    "nothing was changed", context, path);
	case SQLITE_IOERR:
	case SQLITE_CANTOPEN:
		if (db && db->handle && sqlite3_system_errno(db->handle) ==
		    ENOSPC)
			return err_set(e, ERR_IO, "%s: the disk holding %s is "
			    "full; nothing was changed", context, path);
		if (rc == SQLITE_IOERR_SHMSIZE || rc == SQLITE_IOERR_SHMOPEN ||
		    rc == SQLITE_IOERR_SHMMAP)
			return err_set(e, ERR_IO, "%s: cannot make the file "
			    "%s-shm that SQLite keeps beside the database: is "
			    "the disk full, or the folder not writable?",
			    context, path);
		return err_set(e, ERR_IO, "%s: cannot use %s: %s", context,
		    path, msg);
	case SQLITE_NOTADB:
	case SQLITE_CORRUPT:
		return err_set(e, ERR_CORRUPT, "%s: %s is not a usable "
		    "coopcom database: %s", context, path, msg);
	case SQLITE_CONSTRAINT:
		return constraint_error(rc, msg, context, e);
	case SQLITE_NOMEM:
		return err_set(e, ERR_NOMEM, "%s: out of memory", context);
	default:
		return err_set(e, ERR_DB, "%s: %s", context, msg);
	}
}

int
db_exec(struct db *db, const char *sql, struct err *e)
{
	int rc = sqlite3_exec(db->handle, sql, NULL, NULL, NULL);

	if (rc != SQLITE_OK)
		return db_error(db, rc, "database", e);
	return 0;
}

static int
pragma_int(struct db *db, const char *sql, int64_t *out, struct err *e)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->handle, sql, -1, &st, NULL);

	if (rc != SQLITE_OK)
		return db_error(db, rc, "cannot read the database", e);
	rc = sqlite3_step(st);
	*out = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_error(db, rc, "cannot read the database", e);
	return 0;
}

int
db_migrate(struct db *db, int from, int to, struct err *e)
{
	char *section, pragma[64];
	int v;

	for (v = from + 1; v <= to; v++) {
		if ((section = schema_section(v)) == NULL)
			return err_set(e, ERR_DB, "schema version %d is "
			    "missing from the built-in schema", v);
		if (db_exec(db, section, e) < 0) {
			free(section);
			return err_prefix(e, "migrating to schema version %d",
			    v);
		}
		free(section);
	}
	snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", to);
	if (db_exec(db, pragma, e) < 0)
		return -1;
	snprintf(pragma, sizeof pragma, "PRAGMA application_id = %d",
	    DB_APPLICATION_ID);
	return db_exec(db, pragma, e);
}

/* Refuses files that are not ours, or are newer; reports the version. */
static int
check_identity(struct db *db, unsigned flags, int64_t *version,
    struct err *e)
{
	int64_t app, tables;

	if (pragma_int(db, "PRAGMA user_version", version, e) < 0 ||
	    pragma_int(db, "PRAGMA application_id", &app, e) < 0 ||
	    pragma_int(db, "SELECT count(*) FROM sqlite_schema", &tables,
	    e) < 0)
		return -1;
	if (app != DB_APPLICATION_ID && (tables > 0 || *version > 0))
		return err_set(e, ERR_CORRUPT, "%s is an SQLite database, but "
		    "not a coopcom one; it was left untouched", db->path);
	if (*version > db_schema_version())
		return err_set(e, ERR_VERSION, "%s has schema version %lld, "
		    "newer than this coopcom understands (%d): upgrade "
		    "coopcom; the file was left untouched", db->path,
		    (long long)*version, db_schema_version());
	/* An empty file is no more a database than a missing one: only
	 * init (or the default path) makes it one. */
	if (tables == 0 && *version == 0 && !(flags & DB_CREATE))
		return err_set(e, ERR_NOTFOUND, "%s is empty, not a coopcom "
		    "database (create one with: coopcom --db %s init); it was "
		    "left untouched", db->path, db->path);
	return 0;
}

static int
bring_up_to_date(struct db *db, int64_t version, bool *created,
    struct err *e)
{
	int latest = db_schema_version();

	*created = version == 0;
	if (version == latest)
		return 0;
	if (db_begin(db, e) < 0)
		return -1;
	if (pragma_int(db, "PRAGMA user_version", &version, e) < 0)
		goto fail;
	*created = version == 0;
	if (version < latest && db_migrate(db, (int)version, latest, e) < 0)
		goto fail;
	if (db_commit(db, e) == 0)
		return 0;
fail:
	db_rollback(db);
	return -1;
}

static int
configure(struct db *db, unsigned flags, struct err *e)
{
	sqlite3_extended_result_codes(db->handle, 1);
	/*
	 * A fixed page cache of 1 MiB rather than SQLite's 2: the TUI
	 * touches a few pages per screen, and the counts that read whole
	 * tables would fill any cache, so memory stays the same on a small
	 * database and a large one (make bench).
	 */
	if (db_exec(db, "PRAGMA foreign_keys = ON", e) < 0 ||
	    db_exec(db, "PRAGMA cache_size = -1024", e) < 0)
		return -1;
	if (flags & DB_READONLY)
		return 0;
	/*
	 * A checkpoint once the WAL holds 10,000 pages (40 MB), not
	 * SQLite's 1,000: each copies the pages changed since the last and
	 * syncs twice, and a move changes about ten pages, so at 1,000 a
	 * writer checkpointed every hundred moves. One writer went from
	 * 2,450-2,700 moves a second to 3,000-3,400, sixteen from
	 * 1,840-2,030 to 2,100-2,200 (make bench's writers, paired runs).
	 */
	if (db_exec(db, "PRAGMA journal_mode = WAL", e) < 0 ||
	    db_exec(db, "PRAGMA synchronous = NORMAL", e) < 0 ||
	    db_exec(db, "PRAGMA wal_autocheckpoint = 10000", e) < 0)
		return -1;
	return 0;
}

/*
 * In a folder with the setgid bit (the shared-group deployment), a new
 * database is made 0660 whatever the umask, so everyone in the folder's
 * group can write it. SQLite gives the -wal and -shm files the mode of
 * the database file, so they follow. Elsewhere SQLite's default (0644
 * less the umask) stands.
 */
static int
create_shared(const char *path, struct err *e)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash == NULL ? x_strdup(".") : slash == path ?
	    x_strdup("/") : x_strndup(path, (size_t)(slash - path));
	struct stat sb;
	int fd, rc = 0;

	if (stat(dir, &sb) < 0 || !(sb.st_mode & S_ISGID)) {
		free(dir);
		return 0;
	}
	free(dir);
	if ((fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
	    0660)) < 0) {
		if (errno == EEXIST)
			return 0;
		return err_set(e, ERR_IO, "cannot create the database %s: %s",
		    path, strerror(errno));
	}
	if (fchmod(fd, 0660) < 0)
		rc = err_set(e, ERR_IO, "cannot make %s writable by its "
		    "group: %s", path, strerror(errno));
	close(fd);
	return rc;
}

/*
 * On a read-only filesystem SQLite cannot make the -shm file a WAL
 * database needs, so it could not even read. Nobody can write there
 * either, so the file is opened as immutable: read without locks or
 * -shm, and every write is refused as read-only.
 */
static bool
on_readonly_fs(const char *path)
{
	struct statvfs sv;

	return statvfs(path, &sv) == 0 && (sv.f_flag & ST_RDONLY);
}

/* "file:PATH?immutable=1", PATH percent-encoded as a URI needs. */
static char *
immutable_uri(const char *path)
{
	struct buf b;
	const unsigned char *p;

	buf_init(&b);
	buf_add(&b, "file:");
	for (p = (const unsigned char *)path; *p; p++) {
		if (strchr("?#%", *p) != NULL || *p < 0x20 || *p >= 0x7f)
			buf_printf(&b, "%%%02X", *p);
		else
			buf_addc(&b, (char)*p);
	}
	buf_add(&b, "?immutable=1");
	return buf_steal(&b);
}

/*
 * Waits for another writer for up to busy_ms. SQLite's own handler sleeps
 * 1, 2, 5, 10 ... 100 ms between tries, so with many short writers most
 * of the wait is spent asleep after the lock came free; this tries again
 * every 3 ms. Not more often: on two cores, 16 writers trying every
 * millisecond took the CPU from the one holding the lock (1,600
 * transitions a second, against 2,250-2,450 at 3 ms and 2,350 at 5 ms;
 * make bench's writers), and a person never notices 3 ms.
 */
static int
busy_wait(void *arg, int tries)
{
	struct db *db = arg;
	struct timespec now, pause = { 0, 3000000 };
	int64_t waited;

	clock_gettime(CLOCK_MONOTONIC, &now);
	if (tries == 0) {
		db->busy_since = now;
		db->busy_told = false;
	}
	waited = (int64_t)(now.tv_sec - db->busy_since.tv_sec) * 1000 +
	    (now.tv_nsec - db->busy_since.tv_nsec) / 1000000;
	if (waited >= db->busy_ms)
		return 0;
	if (waited >= DB_BUSY_NOTICE_MS && !db->busy_told &&
	    db->busy_notify != NULL) {
		db->busy_told = true;
		db->busy_notify(db->busy_arg, (int)waited);
	}
	nanosleep(&pause, NULL);
	return 1;
}

void
db_set_busy_notify(struct db *db, void (*fn)(void *arg, int waited_ms),
    void *arg)
{
	db->busy_notify = fn;
	db->busy_arg = arg;
}

/* Whether this process may read PATH; SQLite would only say "unable to
 * open database file". */
static int
readable(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return -1;
	close(fd);
	return 0;
}

static int
open_handle(struct db *db, const char *path, unsigned flags, int busy_ms,
    struct err *e)
{
	struct stat sb;
	char *uri;
	int oflags, rc;

	if (stat(path, &sb) == 0) {
		if (S_ISDIR(sb.st_mode))
			return err_set(e, ERR_IO, "%s is a folder, not a "
			    "database file", path);
		if (readable(path) < 0)
			return err_set(e, ERR_IO, "cannot read the database "
			    "%s: %s", path, strerror(errno));
	} else if (errno != ENOENT)
		return err_set(e, ERR_IO, "cannot reach the database %s: %s",
		    path, strerror(errno));
	else if (!(flags & DB_CREATE))
		return err_set(e, ERR_NOTFOUND, "no database at %s: %s (create "
		    "one with: coopcom --db %s init)", path, strerror(errno),
		    path);
	if ((flags & DB_CREATE) && !(flags & DB_READONLY) &&
	    create_shared(path, e) < 0)
		return -1;
	oflags = flags & DB_READONLY ? SQLITE_OPEN_READONLY :
	    SQLITE_OPEN_READWRITE | (flags & DB_CREATE ? SQLITE_OPEN_CREATE :
	    0);
	if (flags & DB_READONLY && on_readonly_fs(path)) {
		uri = immutable_uri(path);
		rc = sqlite3_open_v2(uri, &db->handle, SQLITE_OPEN_READONLY |
		    SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
		free(uri);
	} else {
		rc = sqlite3_open_v2(path, &db->handle, oflags |
		    SQLITE_OPEN_NOMUTEX, NULL);
	}
	if (rc != SQLITE_OK)
		return db_error(db, rc, "cannot open the database", e);
	/* Before the first read: another process may be opening or
	 * committing at this very moment. */
	db->busy_ms = busy_ms;
	sqlite3_busy_handler(db->handle, busy_wait, db);
	return 0;
}

int
db_open(struct db **out, const char *path, unsigned flags, int busy_ms,
    bool *created, struct err *e)
{
	struct db *db = x_calloc(1, sizeof *db);
	int64_t version;
	bool made = false;

	db->path = x_strdup(path);
	if (on_readonly_fs(path))
		flags = (flags & ~(unsigned)DB_CREATE) | DB_READONLY;
	if (open_handle(db, path, flags, busy_ms, e) < 0 ||
	    check_identity(db, flags, &version, e) < 0 ||
	    configure(db, flags, e) < 0)
		goto fail;
	if (flags & DB_READONLY) {
		if (version < db_schema_version()) {
			err_set(e, ERR_READONLY, "%s has an older schema and is "
			    "read-only, so it cannot be brought up to date",
			    path);
			goto fail;
		}
	} else if (bring_up_to_date(db, version, &made, e) < 0)
		goto fail;
	if (created != NULL)
		*created = made;
	*out = db;
	return 0;
fail:
	db_close(db);
	*out = NULL;
	return -1;
}

void
db_close(struct db *db)
{
	size_t i;

	if (db == NULL)
		return;
	for (i = 0; i < db->ncache; i++)
		sqlite3_finalize(db->cache[i].stmt);
	free(db->cache);
	sqlite3_close(db->handle);
	free(db->path);
	free(db);
}

sqlite3 *
db_handle(struct db *db)
{
	return db->handle;
}

const char *
db_path(const struct db *db)
{
	return db->path;
}

int
db_begin(struct db *db, struct err *e)
{
	const char *sql = db->depth == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT nest";

	if (db_exec(db, sql, e) < 0)
		return -1;
	if (db->depth++ == 0)
		db->epoch++;
	return 0;
}

int
db_commit(struct db *db, struct err *e)
{
	const char *sql = db->depth == 1 ? "COMMIT" : "RELEASE nest";

	if (db->depth <= 0)
		fatal("db_commit without db_begin");
	if (db_exec(db, sql, e) < 0)
		return -1;	/* still open: the caller rolls back */
	db->depth--;
	return 0;
}

void
db_rollback(struct db *db)
{
	if (db->depth <= 0)
		fatal("db_rollback without db_begin");
	db->depth--;
	db->epoch++;
	if (db->depth == 0) {
		if (sqlite3_get_autocommit(db->handle) == 0)
			sqlite3_exec(db->handle, "ROLLBACK", NULL, NULL, NULL);
	} else {
		sqlite3_exec(db->handle, "ROLLBACK TO nest; RELEASE nest",
		    NULL, NULL, NULL);
	}
}

unsigned long
db_epoch(const struct db *db)
{
	return db->epoch;
}

sqlite3_stmt *
db_prepare(struct db *db, const char *sql, struct err *e)
{
	struct cached_stmt *c;
	sqlite3_stmt *st;
	size_t i;
	int rc;

	for (i = 0; i < db->ncache; i++) {
		c = &db->cache[i];
		if (c->sql == sql || strcmp(c->sql, sql) == 0) {
			sqlite3_reset(c->stmt);
			sqlite3_clear_bindings(c->stmt);
			return c->stmt;
		}
	}
	rc = sqlite3_prepare_v3(db->handle, sql, -1, SQLITE_PREPARE_PERSISTENT,
	    &st, NULL);
	if (rc != SQLITE_OK) {
		db_error(db, rc, "preparing a query", e);
		return NULL;
	}
	db->cache = x_grow(db->cache, &db->capcache, db->ncache + 1,
	    sizeof *db->cache);
	db->cache[db->ncache].sql = sqlite3_sql(st);
	db->cache[db->ncache].stmt = st;
	db->ncache++;
	return st;
}

static int
param_index(sqlite3_stmt *st, const char *name)
{
	int i = sqlite3_bind_parameter_index(st, name);

	if (i == 0)
		fatal("no parameter %s in: %s", name, sqlite3_sql(st));
	return i;
}

void
db_bind_text(sqlite3_stmt *st, const char *name, const char *s)
{
	int i = param_index(st, name);

	if (s == NULL)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
}

void
db_bind_int(sqlite3_stmt *st, const char *name, int64_t v)
{
	sqlite3_bind_int64(st, param_index(st, name), v);
}

void
db_bind_null(sqlite3_stmt *st, const char *name)
{
	sqlite3_bind_null(st, param_index(st, name));
}

int
db_step(struct db *db, sqlite3_stmt *st, struct err *e)
{
	int rc = sqlite3_step(st);

	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE) {
		sqlite3_reset(st);
		return 0;
	}
	sqlite3_reset(st);
	return db_error(db, rc, "database", e);
}

int
db_run(struct db *db, sqlite3_stmt *st, struct err *e)
{
	int rc;

	while ((rc = db_step(db, st, e)) == 1)
		;
	return rc;
}

char *
db_column_dup(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);

	if (s == NULL)
		return NULL;
	return x_strndup((const char *)s, (size_t)sqlite3_column_bytes(st, i));
}

int
db_changes(struct db *db)
{
	return sqlite3_changes(db->handle);
}

int64_t
db_last_id(struct db *db)
{
	return sqlite3_last_insert_rowid(db->handle);
}

int64_t
db_data_version(struct db *db)
{
	sqlite3_stmt *q;
	int64_t v = 0;
	struct err e;

	/* Asked several times a key: prepared once, and reset at once so
	 * that it holds no read snapshot. */
	if ((q = db_prepare(db, "PRAGMA data_version", &e)) != NULL) {
		if (sqlite3_step(q) == SQLITE_ROW)
			v = sqlite3_column_int64(q, 0);
		sqlite3_reset(q);
	}
	/* data_version moves on others' commits only; total_changes on this
	 * connection's own changes: the sum moves on either. */
	return v + sqlite3_total_changes64(db->handle);
}
