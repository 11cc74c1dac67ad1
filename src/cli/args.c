/*
 * args.c: splitting a command line into words and options.
 */
#include <stdlib.h>
#include <string.h>

#include "coopcom/cli/args.h"
#include "coopcom/util/xalloc.h"

/* Finds NAME in SPEC; *value tells whether it was declared "name=". */
static bool
spec_find(const char *spec, const char *name, bool *value)
{
	size_t len = strlen(name), n;
	const char *p = spec;

	while (p != NULL && *p) {
		n = strcspn(p, " =");
		if (n == len && strncmp(p, name, len) == 0) {
			*value = p[n] == '=';
			return true;
		}
		p += strcspn(p, " ");
		p += strspn(p, " ");
	}
	return false;
}

bool
args_spec_has(const char *spec, const char *name)
{
	bool value;

	return spec_find(spec, name, &value);
}

static bool
is_flag(const char *spec, const char *name)
{
	bool value;

	return spec_find(spec, name, &value) && !value;
}

static void
add_opt(struct args *a, const char *name, const char *value)
{
	a->opts = x_realloc(a->opts, (a->nopts + 1) * sizeof *a->opts);
	a->opts[a->nopts++] = (struct arg_opt){ name, value };
}

int
args_parse(struct args *a, int argc, char **argv, const char *spec,
    struct err *e)
{
	bool words_only = false;
	char *eq;
	int i;

	memset(a, 0, sizeof *a);
	a->words = x_calloc((size_t)argc + 1, sizeof *a->words);
	for (i = 0; i < argc; i++) {
		if (words_only || strncmp(argv[i], "--", 2) != 0 ||
		    argv[i][2] == '\0') {
			if (!words_only && strcmp(argv[i], "--") == 0)
				words_only = true;
			else
				a->words[a->nwords++] = argv[i];
			continue;
		}
		if ((eq = strchr(argv[i], '=')) != NULL) {
			*eq = '\0';
			add_opt(a, argv[i] + 2, eq + 1);
		} else if (is_flag(spec, argv[i] + 2)) {
			add_opt(a, argv[i] + 2, NULL);
		} else if (i + 1 < argc) {
			add_opt(a, argv[i] + 2, argv[i + 1]);
			i++;
		} else {
			return err_set(e, ERR_INVALID, "%s needs a value",
			    argv[i]);
		}
	}
	return 0;
}

void
args_done(struct args *a)
{
	free(a->words);
	free(a->opts);
	memset(a, 0, sizeof *a);
}

static struct arg_opt *
find(struct args *a, const char *name)
{
	struct arg_opt *found = NULL;
	size_t i;

	for (i = 0; i < a->nopts; i++) {
		if (strcmp(a->opts[i].name, name) == 0)
			found = &a->opts[i];
	}
	return found;
}

const char *
args_get(struct args *a, const char *name)
{
	struct arg_opt *o = find(a, name);

	return o ? o->value : NULL;
}

bool
args_flag(struct args *a, const char *name)
{
	return find(a, name) != NULL;
}
