/*
 * args.h: a command's words and --options, as typed.
 *
 * "--name value" and "--name=value" both work; a word after "--" is
 * positional even if it starts with "--". Flags (options without a
 * value) are declared by the caller. Nothing is interpreted here.
 */
#ifndef COOPCOM_CLI_ARGS_H
#define COOPCOM_CLI_ARGS_H

#include <stdbool.h>
#include <stddef.h>

#include "coopcom/util/err.h"

struct arg_opt {
	const char *name;	/* without the dashes; borrowed from argv */
	const char *value;	/* NULL for a flag */
	bool used;		/* set by args_get: to report unknown options */
};

struct args {
	const char **words;	/* positional arguments, borrowed */
	size_t nwords;
	struct arg_opt *opts;
	size_t nopts;
};

/* FLAGS is a NULL-terminated list of option names that take no value. */
int args_parse(struct args *a, int argc, char **argv,
    const char *const *flags, struct err *e);
void args_done(struct args *a);

/* The value of --NAME (the last one given), or NULL; marks it used. */
const char *args_get(struct args *a, const char *name);
bool args_flag(struct args *a, const char *name);
/* The first option nobody asked for, or NULL. */
const char *args_unused(const struct args *a);

#endif
