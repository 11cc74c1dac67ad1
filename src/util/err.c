/*
 * err.c: errors as values (see err.h).
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "coopcom/util/err.h"

void
err_clear(struct err *e)
{
	e->code = ERR_OK;
	e->msg[0] = '\0';
}

int
err_set(struct err *e, enum err_code code, const char *fmt, ...)
{
	va_list ap;

	if (e == NULL)
		return -1;
	e->code = code;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	va_end(ap);
	return -1;
}

int
err_prefix(struct err *e, const char *fmt, ...)
{
	char head[ERR_MSG_MAX], old[ERR_MSG_MAX];
	va_list ap;

	if (e == NULL)
		return -1;
	va_start(ap, fmt);
	vsnprintf(head, sizeof head, fmt, ap);
	va_end(ap);
	memcpy(old, e->msg, sizeof old);
	if (snprintf(e->msg, sizeof e->msg, "%s: %s", head, old) >=
	    (int)sizeof e->msg)
		memcpy(e->msg + sizeof e->msg - 4, "...", 4);
	return -1;
}

static const char *const names[] = {
	[ERR_OK] = "ok",
	[ERR_INVALID] = "invalid",
	[ERR_NOTFOUND] = "not found",
	[ERR_CONFLICT] = "conflict",
	[ERR_DENIED] = "denied",
	[ERR_GUARD] = "not ready",
	[ERR_IO] = "i/o",
	[ERR_DB] = "database",
	[ERR_BUSY] = "busy",
	[ERR_READONLY] = "read-only",
	[ERR_CORRUPT] = "corrupt",
	[ERR_VERSION] = "version",
	[ERR_NOMEM] = "out of memory",
};

const char *
err_code_name(enum err_code code)
{
	if ((size_t)code >= sizeof names / sizeof names[0] || names[code] == NULL)
		return "error";
	return names[code];
}

int
err_exit_status(enum err_code code)
{
	switch (code) {
	case ERR_OK:
		return 0;
	case ERR_INVALID:
		return 2;
	case ERR_NOTFOUND:
		return 3;
	case ERR_CONFLICT:
		return 4;
	case ERR_DENIED:
	case ERR_GUARD:
		return 5;
	default:
		return 1;
	}
}
