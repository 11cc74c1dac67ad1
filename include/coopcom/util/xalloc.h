/*
 * xalloc.h: allocation that cannot return NULL.
 *
 * Running out of memory is one of the few fatal errors. Before exiting,
 * fatal() calls the hook the front end registered, so the terminal is
 * restored first.
 */
#ifndef COOPCOM_UTIL_XALLOC_H
#define COOPCOM_UTIL_XALLOC_H

#include <stddef.h>
#include <stdnoreturn.h>

void *x_malloc(size_t n);
void *x_calloc(size_t n, size_t size);
void *x_realloc(void *p, size_t n);
/* Grows an array: *cap doubles until it is at least need; returns the array. */
void *x_grow(void *p, size_t *cap, size_t need, size_t size);
char *x_strdup(const char *s);		/* x_strdup(NULL) returns NULL */
char *x_strndup(const char *s, size_t n);
char *x_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Called once by fatal() before it prints and exits; NULL for none. */
void fatal_set_hook(void (*hook)(void));
noreturn void fatal(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
