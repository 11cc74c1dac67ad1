/*
 * backup.c: a consistent copy of the live database, taken while others
 * work.
 *
 * SQLite's online backup API copies every page under one read
 * transaction; in WAL mode a reader never blocks a writer, so nobody
 * waits for a backup and the copy is one moment's state. The copy is
 * written to a temporary file beside the destination, turned into a
 * plain single file (rollback journal, no -wal to carry along), checked
 * with quick_check, and only then linked into place under the name
 * asked for, so an interrupted or failed backup never leaves a file
 * there, and an existing file is never overwritten.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "coopcom/store/priv.h"
#include "coopcom/util/xalloc.h"

/* How often to retry a step that met a lock, and for how long. */
#define BACKUP_RETRY_MS 20
#define BACKUP_RETRIES 500

static int
dest_error(sqlite3 *dest, int rc, const char *path, struct err *e)
{
	if ((rc & 0xff) == SQLITE_FULL)
		return err_set(e, ERR_IO, "the disk holding %s is full; no "
		    "backup was written", path);
	return err_set(e, ERR_IO, "cannot write the backup %s: %s", path,
	    dest != NULL ? sqlite3_errmsg(dest) : sqlite3_errstr(rc));
}

static int
copy_pages(struct store *st, sqlite3 *dest, const char *path,
    struct err *e)
{
	sqlite3_backup *b;
	int rc, tries = 0;

	if ((b = sqlite3_backup_init(dest, "main", db_handle(st->db),
	    "main")) == NULL)
		return dest_error(dest, sqlite3_errcode(dest), path, e);
	do {
		rc = sqlite3_backup_step(b, -1);
		if ((rc == SQLITE_BUSY || rc == SQLITE_LOCKED) &&
		    ++tries < BACKUP_RETRIES)
			sqlite3_sleep(BACKUP_RETRY_MS);
		else
			break;
	} while (1);
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE)
		return dest_error(dest, rc, path, e);
	return 0;
}

/* The copy as one self-contained file, and sound. */
static int
finish_copy(sqlite3 *dest, const char *path, struct err *e)
{
	sqlite3_stmt *q;
	const char *msg;
	int rc;

	rc = sqlite3_exec(dest, "PRAGMA journal_mode = DELETE", NULL, NULL,
	    NULL);
	if (rc != SQLITE_OK)
		return dest_error(dest, rc, path, e);
	if ((rc = sqlite3_prepare_v2(dest, "PRAGMA quick_check", -1, &q,
	    NULL)) != SQLITE_OK)
		return dest_error(dest, rc, path, e);
	rc = sqlite3_step(q);
	msg = rc == SQLITE_ROW ? (const char *)sqlite3_column_text(q, 0) :
	    NULL;
	if (msg == NULL || strcmp(msg, "ok") != 0) {
		err_set(e, ERR_CORRUPT, "the backup %s did not check out "
		    "(%s); it was not kept", path, msg ? msg :
		    sqlite3_errmsg(dest));
		sqlite3_finalize(q);
		return -1;
	}
	sqlite3_finalize(q);
	return 0;
}

int
store_backup(struct store *st, const char *path, struct err *e)
{
	struct stat sb;
	sqlite3 *dest = NULL;
	char *tmp;
	int rc;

	if (stat(path, &sb) == 0)
		return err_set(e, ERR_INVALID, "%s already exists; a backup "
		    "never replaces a file: name a new one", path);
	tmp = x_printf("%s.partial-%ld", path, (long)getpid());
	unlink(tmp);
	rc = sqlite3_open_v2(tmp, &dest, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE, NULL);
	if (rc != SQLITE_OK)
		rc = dest_error(dest, rc, path, e);
	else if ((rc = copy_pages(st, dest, path, e)) == 0)
		rc = finish_copy(dest, path, e);
	if (sqlite3_close(dest) != SQLITE_OK && rc == 0)
		rc = err_set(e, ERR_IO, "cannot finish the backup %s", path);
	/* Readable by those who may read the database, and no more. */
	if (rc == 0 && stat(store_path(st), &sb) == 0 &&
	    chmod(tmp, sb.st_mode & 0666) < 0)
		rc = err_set(e, ERR_IO, "cannot set the permissions of the "
		    "backup %s: %s", path, strerror(errno));
	if (rc == 0 && link(tmp, path) < 0)
		rc = err_set(e, ERR_IO, "cannot write the backup %s: %s", path,
		    strerror(errno));
	unlink(tmp);
	free(tmp);
	return rc < 0 ? -1 : 0;
}
