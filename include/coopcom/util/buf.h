/*
 * buf.h: a growable, always NUL-terminated string buffer.
 *
 * Embedded: buf_init/buf_done. Running out of memory is fatal (see xalloc.h),
 * so appends cannot fail. buf_steal hands the string to the caller, who
 * frees it, and leaves the buffer empty and reusable.
 */
#ifndef COOPCOM_UTIL_BUF_H
#define COOPCOM_UTIL_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct buf {
	char *data;	/* NUL-terminated; NULL only before the first append */
	size_t len;	/* bytes used, not counting the NUL */
	size_t cap;	/* bytes allocated */
};

void buf_init(struct buf *b);
void buf_done(struct buf *b);
void buf_reset(struct buf *b);			/* len = 0, keeps memory */
void buf_add(struct buf *b, const char *s);
void buf_addn(struct buf *b, const char *s, size_t n);
void buf_addc(struct buf *b, char c);
void buf_printf(struct buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void buf_vprintf(struct buf *b, const char *fmt, va_list ap);
/* The contents ("" when empty); borrowed until the next change. */
const char *buf_str(const struct buf *b);
/* The contents as a heap string owned by the caller; the buffer is emptied. */
char *buf_steal(struct buf *b);

#endif
