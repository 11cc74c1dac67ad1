/*
 * args.h: a command's words and --options, as typed.
 *
 * "--name value" and "--name=value" both work; a word after "--" is
 * positional even if it starts with "--". A command's options are
 * declared in a spec, space-separated names, "name=" for one that takes
 * a value and plain "name" for a flag: "format= limit= archived".
 */
#ifndef COOPCOM_CLI_ARGS_H
#define COOPCOM_CLI_ARGS_H

#include <stdbool.h>
#include <stddef.h>

#include "coopcom/util/err.h"

struct arg_opt {
	const char *name;	/* without the dashes; borrowed from argv */
	const char *value;	/* NULL for a flag */
};

struct args {
	const char **words;	/* positional arguments, borrowed */
	size_t nwords;
	struct arg_opt *opts;
	size_t nopts;
};

/* Splits argv; SPEC says which options are flags (take no value). */
int args_parse(struct args *a, int argc, char **argv, const char *spec,
    struct err *e);
/* Whether SPEC declares option NAME (as a flag or with a value). */
bool args_spec_has(const char *spec, const char *name);
void args_done(struct args *a);

/* The value of --NAME (the last one given), or NULL. */
const char *args_get(struct args *a, const char *name);
bool args_flag(struct args *a, const char *name);

#endif
