/*
 * err.h: errors as values.
 *
 * A function that can fail returns 0 on success or -1 on failure and fills
 * a caller-owned struct err with a code and a message fit to show a person.
 * Library layers never print and never exit; the caller decides what to do.
 */
#ifndef COOPCOM_UTIL_ERR_H
#define COOPCOM_UTIL_ERR_H

#include <stddef.h>

enum err_code {
	ERR_OK = 0,
	ERR_INVALID,	/* bad input: a value, a file, an argument */
	ERR_NOTFOUND,	/* a named thing does not exist */
	ERR_CONFLICT,	/* someone else changed the row first */
	ERR_DENIED,	/* the person may not do this */
	ERR_GUARD,	/* a workflow precondition is not met */
	ERR_IO,		/* a file could not be read or written */
	ERR_DB,		/* SQLite said no */
	ERR_BUSY,	/* the database stayed locked past the busy timeout */
	ERR_READONLY,	/* the database cannot be written (permissions, disk) */
	ERR_CORRUPT,	/* the file is not a database, or is damaged */
	ERR_VERSION,	/* the database is from a newer coopcom */
	ERR_NOMEM
};

#define ERR_MSG_MAX 1024

struct err {
	enum err_code code;		/* ERR_OK when nothing failed */
	char msg[ERR_MSG_MAX];		/* one or more lines, no trailing newline */
};

/* Resets to ERR_OK with an empty message. */
void err_clear(struct err *e);

/* Sets code and message; always returns -1 so callers can `return err_set(...)`. */
int err_set(struct err *e, enum err_code code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Puts "context: " in front of the current message; returns -1. */
int err_prefix(struct err *e, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* A stable lower-case name for a code ("conflict", "denied", ...). */
const char *err_code_name(enum err_code code);

/* The process exit status the CLI uses for a code (see coopcom(1)). */
int err_exit_status(enum err_code code);

#endif
