/*
 * db.h: the SQLite connection under every store module.
 *
 * One connection per process: foreign keys on, WAL, a busy timeout, and
 * write transactions that BEGIN IMMEDIATE so two writers never deadlock on
 * a lock upgrade. Transactions nest (inner ones are savepoints). Statements
 * are prepared once and cached by their SQL text; parameters are bound by
 * name and a missing name is a programming error (fatal), as in Fossil.
 *
 * Only the store layer includes this header.
 */
#ifndef COOPCOM_STORE_DB_H
#define COOPCOM_STORE_DB_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stdint.h>

#include "coopcom/util/err.h"

struct db;

enum db_open_flags {
	DB_CREATE = 1 << 0,	/* create the file (and schema) when missing */
	DB_READONLY = 1 << 1	/* open for reading only */
};

/* The schema text compiled in from data/schema.sql. */
extern const char schema_sql[];

/* The schema version this build writes (the last "-- version N"). */
int db_schema_version(void);

/*
 * Opens PATH, refusing a file that is not a coopcom database or is from a
 * newer coopcom (left untouched), and migrates an older one forward in one
 * transaction. *created is set when the schema was made just now.
 */
int db_open(struct db **out, const char *path, unsigned flags, int busy_ms,
    bool *created, struct err *e);
void db_close(struct db *db);
sqlite3 *db_handle(struct db *db);
const char *db_path(const struct db *db);	/* borrowed, as long as db */

/*
 * Migrates from the schema's version FROM to version TO using the sections
 * of schema_sql; FROM 0 builds the schema. Tests use it to make databases
 * of every older version.
 */
int db_migrate(struct db *db, int from, int to, struct err *e);

/*
 * FN is called (once per wait) when a write has waited DB_BUSY_NOTICE_MS
 * for another person's transaction, so a front end can say "waiting for
 * another person's save" instead of looking frozen. NULL for none.
 */
#define DB_BUSY_NOTICE_MS 150
void db_set_busy_notify(struct db *db, void (*fn)(void *arg, int waited_ms),
    void *arg);

/*
 * Nested write transactions: the outermost is BEGIN IMMEDIATE. When
 * db_commit fails the transaction is still open: call db_rollback.
 */
int db_begin(struct db *db, struct err *e);
int db_commit(struct db *db, struct err *e);
void db_rollback(struct db *db);
/*
 * Changes at the start of each outermost transaction and at every
 * rollback: what a caller read under one value stays true, but for its
 * own writes, while the value is unchanged.
 */
unsigned long db_epoch(const struct db *db);

/*
 * A cached prepared statement for SQL (a string literal or other text that
 * lives as long as db). It is reset and its bindings cleared when returned.
 */
sqlite3_stmt *db_prepare(struct db *db, const char *sql, struct err *e);

/* Binds by name (":name"); an unknown name is fatal. NULL text binds NULL. */
void db_bind_text(sqlite3_stmt *st, const char *name, const char *s);
void db_bind_int(sqlite3_stmt *st, const char *name, int64_t v);
void db_bind_null(sqlite3_stmt *st, const char *name);

/*
 * Steps once: returns 1 for a row, 0 when done, -1 on error (e filled with
 * a message a person can act on; the statement is reset).
 */
int db_step(struct db *db, sqlite3_stmt *st, struct err *e);
/* Runs a statement that returns no rows to the end; 0 or -1. */
int db_run(struct db *db, sqlite3_stmt *st, struct err *e);
/* Runs SQL text with no parameters (pragmas, DDL). */
int db_exec(struct db *db, const char *sql, struct err *e);

/* A new copy of column I's text, or NULL when the column is NULL. */
char *db_column_dup(sqlite3_stmt *st, int i);

/* Turns an SQLite result code into an err, with CONTEXT in front. */
int db_error(struct db *db, int rc, const char *context, struct err *e);

/* Number of rows the last statement changed. */
int db_changes(struct db *db);
int64_t db_last_id(struct db *db);

/* PRAGMA data_version: changes when another connection commits. */
int64_t db_data_version(struct db *db);

#endif
