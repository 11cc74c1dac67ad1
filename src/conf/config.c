/*
 * config.c: the settings table and the libconfig file reader (see config.h).
 *
 * Everything about a setting lives in the options table below, in the
 * manner of tmux's options-table.c: its name, type, where it is stored in
 * struct config, its range, default and documentation. Defaults, loading,
 * validation, the listing and the man page text are loops over the table.
 *
 * A file is read in three steps: read the bytes ourselves (so a directory,
 * a missing file and an unreadable one get their own messages), scan the
 * text (refuse @include, make big integers 64-bit for libconfig 1.5), then
 * let libconfig parse it and walk the tree, checking each setting against
 * the table. The settings are applied to a copy that replaces c only when
 * the whole file was good.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libconfig.h>

#include "coopcom/conf/config.h"
#include "coopcom/util/buf.h"
#include "coopcom/util/err.h"
#include "coopcom/util/xalloc.h"

#ifndef COOPCOM_SYSCONFDIR
#define COOPCOM_SYSCONFDIR "/etc"
#endif

/* A config file longer than this is surely the wrong file. */
#define CONFIG_FILE_MAX (1024 * 1024)

enum opt_type {
	OPT_PATH,  /* char *: absolute or ~/, or "" */
	OPT_BOOL,  /* bool */
	OPT_INT,   /* int */
	OPT_INT64, /* int64_t */
	OPT_GROUP, /* a name for the "group.member" entries after it */
	OPT_KEYS   /* the key bindings, struct config_key */
};

struct opt {
	const char *name; /* "refresh_ms", or "quorum.cabinet" */
	enum opt_type type;
	size_t off;  /* where in struct config; 0 for groups */
	int64_t min; /* range of an integer, inclusive */
	int64_t max;
	int64_t def;	  /* default of a bool or integer */
	const char *noun; /* a group's word for its members */
	const char *doc;  /* one line, no final full stop */
};

/* The table reads best laid out by hand, one setting to a block. */
/* clang-format off */
#define PATH(n, d) \
	{ #n, OPT_PATH, offsetof(struct config, n), 0, 0, 0, NULL, d }
#define BOOL(n, v, d) \
	{ #n, OPT_BOOL, offsetof(struct config, n), 0, 1, v, NULL, d }
#define INT(n, lo, hi, v, d) \
	{ #n, OPT_INT, offsetof(struct config, n), lo, hi, v, NULL, d }
#define QUORUM(m, v, d) \
	{ "quorum." #m, OPT_INT, offsetof(struct config, quorum.m), \
	  0, 1000, v, NULL, d }

static const struct opt opts[] = {
	PATH(database,
	    "the SQLite database file; empty means the built-in path"),
	PATH(workflow,
	    "the workflow definition file; empty means the built-in one"),
	BOOL(trust_as, 0,
	    "honour coopcom --as LOGIN (for a service account whose SSH keys "
	    "force --as)"),
	INT(busy_timeout_ms, 1, 600000, 5000,
	    "how long to wait for another user's write to finish, in "
	    "milliseconds"),
	INT(stale_update_days, 1, 3650, 60,
	    "flag a recommendation in delivery with no update for longer "
	    "than this many days"),
	INT(amber_days, 0, 3650, 30,
	    "show an item amber when it is due within this many days"),
	{ "key_decision_pence", OPT_INT64,
	    offsetof(struct config, key_decision_pence),
	    0, INT64_C(1000000000000000), 50000000, NULL,
	    "savings or cost at or above this many pence make a key decision; "
	    "50000000 is 500,000 pounds" },
	{ "quorum", OPT_GROUP, 0, 0, 0, 0, "body",
	    "the minimum number of members present for a meeting to be "
	    "quorate, per body" },
	QUORUM(assembly, 5, "Assembly of Commissioners"),
	QUORUM(subgroup, 3, "a sub-group (work-stream)"),
	QUORUM(citizens_group, 3, "the Citizens' Group"),
	QUORUM(cabinet, 4, "Cabinet"),
	QUORUM(council, 20, "full Council"),
	QUORUM(scrutiny, 3, "a scrutiny committee"),
	BOOL(colour, 1,
	    "use colour in the terminal (NO_COLOR in the environment turns "
	    "it off)"),
	INT(refresh_ms, 100, 10000, 500,
	    "how often the screen looks for other people's changes, in "
	    "milliseconds"),
	{ "keys", OPT_KEYS, 0, 0, 0, 0, NULL,
	    "key bindings, action = [\"key\", ...]; each action named "
	    "replaces that action's built-in keys" },
};
/* clang-format on */

#undef PATH
#undef BOOL
#undef INT
#undef QUORUM

#define NOPTS (sizeof opts / sizeof opts[0])

/* What loading one file needs to hand around. */
struct load {
	struct config *c; /* the copy being filled */
	const char *path; /* the file, for messages */
	struct err *e;
};

static const char *
env_get(const char *name)
{
	return getenv(name);
}

static int *
int_at(struct config *c, const struct opt *o)
{
	return (int *)((char *)c + o->off);
}

static int64_t *
int64_at(struct config *c, const struct opt *o)
{
	return (int64_t *)((char *)c + o->off);
}

static bool *
bool_at(struct config *c, const struct opt *o)
{
	return (bool *)((char *)c + o->off);
}

static char **
path_at(struct config *c, const struct opt *o)
{
	return (char **)((char *)c + o->off);
}

/* The same, for reading only. */
static const void *
field(const struct config *c, const struct opt *o)
{
	return (const char *)c + o->off;
}

void
config_defaults(struct config *c)
{
	const struct opt *o;

	memset(c, 0, sizeof *c);
	for (o = opts; o < opts + NOPTS; o++) {
		switch (o->type) {
		case OPT_PATH:
			*path_at(c, o) = x_strdup("");
			break;
		case OPT_BOOL:
			*bool_at(c, o) = o->def != 0;
			break;
		case OPT_INT:
			*int_at(c, o) = (int)o->def;
			break;
		case OPT_INT64:
			*int64_at(c, o) = o->def;
			break;
		case OPT_GROUP:
		case OPT_KEYS:
			break;
		}
	}
	c->env = env_get;
	c->system_file = COOPCOM_SYSCONFDIR "/coopcom.conf";
}

static void
key_free(struct config_key *k)
{
	free(k->action);
	free(k->key);
	free(k->file);
}

void
config_done(struct config *c)
{
	const struct opt *o;
	size_t i;

	for (o = opts; o < opts + NOPTS; o++) {
		if (o->type == OPT_PATH)
			free(*path_at(c, o));
	}
	for (i = 0; i < c->nkeys; i++)
		key_free(&c->keys[i]);
	free(c->keys);
	free(c->source);
	memset(c, 0, sizeof *c);
}

/* A deep copy, so a file can be applied to it and thrown away on error. */
static void
copy(struct config *dst, const struct config *src)
{
	const struct opt *o;
	size_t i;

	*dst = *src;
	for (o = opts; o < opts + NOPTS; o++) {
		if (o->type == OPT_PATH)
			*path_at(dst, o) = x_strdup(*path_at(dst, o));
	}
	dst->keys = NULL;
	dst->keys_cap = 0;
	if (src->nkeys > 0) {
		dst->keys =
		    x_grow(NULL, &dst->keys_cap, src->nkeys, sizeof *dst->keys);
	}
	for (i = 0; i < src->nkeys; i++) {
		dst->keys[i].action = x_strdup(src->keys[i].action);
		dst->keys[i].key = x_strdup(src->keys[i].key);
		dst->keys[i].file = x_strdup(src->keys[i].file);
		dst->keys[i].line = src->keys[i].line;
	}
	dst->source = x_strdup(src->source);
}

/* Table lookups. */

static size_t
member_len(const char *group)
{
	return group == NULL ? 0 : strlen(group) + 1;
}

/* Is o a direct child of group (NULL for the top level)? */
static bool
in_group(const struct opt *o, const char *group)
{
	size_t n;

	if (group == NULL)
		return strchr(o->name, '.') == NULL;
	n = strlen(group);
	return strncmp(o->name, group, n) == 0 && o->name[n] == '.';
}

static const struct opt *
find(const char *group, const char *name)
{
	const struct opt *o;

	for (o = opts; o < opts + NOPTS; o++) {
		if (in_group(o, group) &&
		    strcmp(o->name + member_len(group), name) == 0)
			return o;
	}
	return NULL;
}

static const struct opt *
find_full(const char *name)
{
	const struct opt *o;

	for (o = opts; o < opts + NOPTS; o++) {
		if (strcmp(o->name, name) == 0)
			return o;
	}
	return NULL;
}

/*
 * Edit distance counting a swap of two neighbours as one edit, which is
 * the commonest typing slip. Names longer than the rows are never near.
 */
static size_t
distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j, best;
	size_t rows[3][65], *prev2 = rows[0], *prev = rows[1], *cur = rows[2];
	size_t *t;

	if (la > 64 || lb > 64)
		return SIZE_MAX;
	for (j = 0; j <= lb; j++)
		prev[j] = j;
	for (i = 1; i <= la; i++) {
		cur[0] = i;
		for (j = 1; j <= lb; j++) {
			best = prev[j - 1] + (a[i - 1] != b[j - 1]);
			if (prev[j] + 1 < best)
				best = prev[j] + 1;
			if (cur[j - 1] + 1 < best)
				best = cur[j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && prev2[j - 2] + 1 < best)
				best = prev2[j - 2] + 1;
			cur[j] = best;
		}
		t = prev2;
		prev2 = prev;
		prev = cur;
		cur = t;
	}
	return prev[lb];
}

/* The known name nearest to name within the group, if within 2 edits. */
static const char *
nearest(const char *group, const char *name, bool dotted)
{
	const struct opt *o;
	const char *best = NULL, *candidate;
	size_t d, bestd = 3;

	for (o = opts; o < opts + NOPTS; o++) {
		if (!dotted && !in_group(o, group))
			continue;
		candidate = dotted ? o->name : o->name + member_len(group);
		d = distance(name, candidate);
		if (d < bestd) {
			bestd = d;
			best = candidate;
		}
	}
	return best;
}

/* ", "-separated names of the group's members. */
static void
add_names(struct buf *b, const char *group)
{
	const struct opt *o;
	const char *sep = "";

	for (o = opts; o < opts + NOPTS; o++) {
		if (in_group(o, group)) {
			buf_printf(b, "%s%s", sep, o->name + member_len(group));
			sep = ", ";
		}
	}
}

static int
unknown(struct load *l, const config_setting_t *s, const char *group,
    const char *noun)
{
	const char *name = config_setting_name(s), *near;
	struct buf b;
	int rc;

	buf_init(&b);
	if (group == NULL)
		buf_add(&b, "setting");
	else
		buf_printf(&b, "%s %s", group, noun);
	buf_printf(&b, " \"%s\"", name);
	near = nearest(group, name, false);
	if (near != NULL)
		buf_printf(&b, " (did you mean \"%s\"?)", near);
	else {
		buf_add(&b, "; it must be one of ");
		add_names(&b, group);
	}
	rc = err_set(l->e, ERR_INVALID, "%s:%u: unknown %s", l->path,
	    config_setting_source_line(s), buf_str(&b));
	buf_done(&b);
	return rc;
}

/* Checking and storing one setting. */

static int bad(struct load *l, const config_setting_t *s, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int
bad(struct load *l, const config_setting_t *s, const char *fmt, ...)
{
	char what[ERR_MSG_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof what, fmt, ap);
	va_end(ap);
	return err_set(l->e, ERR_INVALID, "%s:%u: %s", l->path,
	    config_setting_source_line(s), what);
}

/* Stores an absolute path, expanding a leading "~/" against $HOME. */
static int
set_path(struct load *l, const struct opt *o, const config_setting_t *s)
{
	const char *v, *home;
	char **dst = path_at(l->c, o);

	if (config_setting_type(s) != CONFIG_TYPE_STRING)
		return bad(l, s,
		    "%s must be a string (a file path in double quotes)",
		    o->name);
	v = config_setting_get_string(s);
	if (strncmp(v, "~/", 2) == 0) {
		home = l->c->env("HOME");
		if (home == NULL || home[0] == '\0')
			return bad(l, s,
			    "%s \"%s\" starts with ~/ but HOME is "
			    "not set; write the full path",
			    o->name, v);
		free(*dst);
		*dst = x_printf("%s%s%s", home,
		    home[strlen(home) - 1] == '/' ? "" : "/", v + 2);
		return 0;
	}
	if (v[0] != '\0' && v[0] != '/')
		return bad(l, s,
		    "%s must be a full path starting with / or ~/, not \"%s\"",
		    o->name, v);
	free(*dst);
	*dst = x_strdup(v);
	return 0;
}

static int
set_int(struct load *l, const struct opt *o, const config_setting_t *s)
{
	long long v;

	switch (config_setting_type(s)) {
	case CONFIG_TYPE_INT:
	case CONFIG_TYPE_INT64:
		break;
	case CONFIG_TYPE_FLOAT:
		return bad(
		    l, s, "%s must be an integer, not a fraction", o->name);
	default:
		return bad(l, s, "%s must be an integer", o->name);
	}
	v = config_setting_get_int64(s);
	if (v < o->min || v > o->max)
		return bad(l, s,
		    "%s must be between %" PRId64 " and %" PRId64 ", not %lld",
		    o->name, o->min, o->max, v);
	if (o->type == OPT_INT)
		*int_at(l->c, o) = (int)v;
	else
		*int64_at(l->c, o) = v;
	return 0;
}

static int
set_scalar(struct load *l, const struct opt *o, const config_setting_t *s)
{
	switch (o->type) {
	case OPT_PATH:
		return set_path(l, o, s);
	case OPT_BOOL:
		if (config_setting_type(s) != CONFIG_TYPE_BOOL)
			return bad(l, s, "%s must be true or false", o->name);
		*bool_at(l->c, o) = config_setting_get_bool(s) != 0;
		return 0;
	case OPT_INT:
	case OPT_INT64:
		return set_int(l, o, s);
	case OPT_GROUP:
	case OPT_KEYS:
		break;
	}
	return bad(l, s, "%s cannot be set here", o->name);
}

static int
set_group(struct load *l, const struct opt *g, const config_setting_t *s)
{
	const config_setting_t *m;
	const struct opt *o;
	int i;

	if (!config_setting_is_group(s))
		return bad(l, s,
		    "%s must be a group in braces, e.g. "
		    "%s = { %s = %" PRId64 "; }",
		    g->name, g->name, g[1].name + strlen(g->name) + 1,
		    g[1].def);
	for (i = 0; i < config_setting_length(s); i++) {
		m = config_setting_get_elem(s, (unsigned int)i);
		o = find(g->name, config_setting_name(m));
		if (o == NULL)
			return unknown(l, m, g->name, g->noun);
		if (set_scalar(l, o, m) == -1)
			return -1;
	}
	return 0;
}

/* Drops the bindings of action that an earlier file made. */
static void
keys_forget(struct config *c, const char *action)
{
	size_t i, j = 0;

	for (i = 0; i < c->nkeys; i++) {
		if (strcmp(c->keys[i].action, action) == 0)
			key_free(&c->keys[i]);
		else
			c->keys[j++] = c->keys[i];
	}
	c->nkeys = j;
}

static void
keys_add(struct load *l, const char *action, const config_setting_t *k)
{
	struct config *c = l->c;
	struct config_key *p;

	c->keys = x_grow(c->keys, &c->keys_cap, c->nkeys + 1, sizeof *c->keys);
	p = &c->keys[c->nkeys++];
	p->action = x_strdup(action);
	p->key = x_strdup(config_setting_get_string(k));
	p->file = x_strdup(l->path);
	p->line = (int)config_setting_source_line(k);
}

static int
not_keys(struct load *l, const config_setting_t *s, const char *action)
{
	return bad(l, s,
	    "keys.%s must be a key name or a list of key names "
	    "in double quotes, e.g. %s = [\"j\", \"Down\"]",
	    action, action);
}

/* Checks one "action = ..." binding: a key name or a list of them. */
static int
check_binding(struct load *l, const config_setting_t *b)
{
	const char *action = config_setting_name(b);
	const config_setting_t *k;
	int i, n = 1;

	if (config_setting_is_group(b))
		return not_keys(l, b, action);
	if (config_setting_is_aggregate(b)) {
		n = config_setting_length(b);
		if (n == 0)
			return bad(l, b,
			    "keys.%s needs at least one key "
			    "name, e.g. %s = [\"q\"]",
			    action, action);
	}
	for (i = 0; i < n; i++) {
		k = config_setting_is_aggregate(b)
		    ? config_setting_get_elem(b, (unsigned int)i)
		    : b;
		if (config_setting_type(k) != CONFIG_TYPE_STRING)
			return not_keys(l, k, action);
		if (config_setting_get_string(k)[0] == '\0')
			return bad(l, k, "keys.%s: a key name cannot be empty",
			    action);
	}
	return 0;
}

static int
set_keys(struct load *l, const struct opt *o, const config_setting_t *s)
{
	const config_setting_t *b;
	int i, j;

	if (!config_setting_is_group(s))
		return bad(l, s,
		    "%s must be a group of bindings in braces, "
		    "e.g. keys = { quit = [\"q\"]; }",
		    o->name);
	for (i = 0; i < config_setting_length(s); i++) {
		b = config_setting_get_elem(s, (unsigned int)i);
		if (check_binding(l, b) == -1)
			return -1;
		keys_forget(l->c, config_setting_name(b));
		if (!config_setting_is_aggregate(b)) {
			keys_add(l, config_setting_name(b), b);
			continue;
		}
		for (j = 0; j < config_setting_length(b); j++) {
			keys_add(l, config_setting_name(b),
			    config_setting_get_elem(b, (unsigned int)j));
		}
	}
	return 0;
}

static int
apply(struct load *l, const config_setting_t *root)
{
	const config_setting_t *s;
	const struct opt *o;
	int i, rc;

	for (i = 0; i < config_setting_length(root); i++) {
		s = config_setting_get_elem(root, (unsigned int)i);
		o = find(NULL, config_setting_name(s));
		if (o == NULL)
			return unknown(l, s, NULL, NULL);
		if (o->type == OPT_GROUP)
			rc = set_group(l, o, s);
		else if (o->type == OPT_KEYS)
			rc = set_keys(l, o, s);
		else
			rc = set_scalar(l, o, s);
		if (rc == -1)
			return -1;
	}
	return 0;
}

/* Scanning the text before libconfig does. */

/* How far a number-like token runs: digits, letters, '.', exponent signs. */
static size_t
number_len(const char *p)
{
	size_t n = 0;
	bool hex = p[0] == '0' && (p[1] == 'x' || p[1] == 'X');

	if (p[0] == '-' || p[0] == '+')
		n++;
	for (;; n++) {
		if (isalnum((unsigned char)p[n]) || p[n] == '.')
			continue;
		if ((p[n] == '-' || p[n] == '+') && !hex &&
		    (p[n - 1] == 'e' || p[n - 1] == 'E'))
			continue;
		return n;
	}
}

static bool
all_of(const char *s, size_t n, const char *set)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] == '\0' || strchr(set, s[i]) == NULL)
			return false;
	}
	return n > 0;
}

/*
 * Copies one number token to out. An integer without an L suffix that does
 * not fit an int gets one, because libconfig 1.5 would wrap it; an integer
 * that does not fit 64 bits is refused, because libconfig would clamp or
 * wrap it. Anything else (floats, nonsense) goes through for libconfig.
 */
static int
number(const char *path, int line, const char *p, size_t n, struct buf *out,
    struct err *e)
{
	char digits[64];
	size_t core = n, skip = (p[0] == '-' || p[0] == '+');
	bool hex, has_l = false;
	unsigned long long u;
	long long v;

	while (core > 0 && p[core - 1] == 'L' && n - core < 2) {
		core--;
		has_l = true;
	}
	hex = core > 2 && p[0] == '0' && (p[1] == 'x' || p[1] == 'X') &&
	    all_of(p + 2, core - 2, "0123456789abcdefABCDEF");
	if (!hex && !all_of(p + skip, core - skip, "0123456789")) {
		buf_addn(out, p, n);
		return 0;
	}
	if (core >= sizeof digits)
		goto too_large;
	memcpy(digits, p, core);
	digits[core] = '\0';
	errno = 0;
	if (hex) {
		u = strtoull(digits, NULL, 16);
		if (errno == ERANGE || u > INT64_MAX)
			goto too_large;
		v = (long long)u;
		has_l = has_l || v > 0x7fffffff;
	} else {
		v = strtoll(digits, NULL, 10);
		if (errno == ERANGE)
			goto too_large;
		has_l = has_l || v > INT_MAX || v < INT_MIN;
	}
	buf_addn(out, p, core);
	if (has_l)
		buf_addc(out, 'L');
	return 0;

too_large:
	return err_set(e, ERR_INVALID, "%s:%d: the number %.*s is too large",
	    path, line, (int)n, p);
}

/* Copies a comment or string starting at p; returns its length. */
static size_t
skip_text(const char *p, int *line)
{
	const char *q = p;

	if (*q == '#' || (q[0] == '/' && q[1] == '/')) {
		while (*q != '\0' && *q != '\n')
			q++;
		return (size_t)(q - p);
	}
	if (q[0] == '/' && q[1] == '*') {
		for (q += 2; *q != '\0' && !(q[0] == '*' && q[1] == '/'); q++)
			*line += *q == '\n';
		return (size_t)(q - p) + (*q != '\0' ? 2 : 0);
	}
	if (*q == '"') {
		for (q++; *q != '\0' && *q != '"'; q++) {
			if (q[0] == '\\' && q[1] != '\0')
				q++;
			*line += *q == '\n';
		}
		return (size_t)(q - p) + (*q != '\0');
	}
	return 0;
}

static bool
starts_number(const char *p)
{
	if (p[0] == '-' || p[0] == '+')
		p++;
	return isdigit((unsigned char)p[0]);
}

static int
scan(const char *path, const char *text, struct buf *out, struct err *e)
{
	const char *p = text;
	int line = 1;
	size_t n;

	/* Skip the byte order mark some editors write. */
	if (strncmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	while (*p != '\0') {
		if ((n = skip_text(p, &line)) > 0) {
			buf_addn(out, p, n);
			p += n;
		} else if (strncmp(p, "@include", 8) == 0) {
			return err_set(e, ERR_INVALID,
			    "%s:%d: @include is not "
			    "allowed in a coopcom config file; copy the "
			    "settings into this file instead",
			    path, line);
		} else if (isalpha((unsigned char)*p) || *p == '*') {
			n = 1;
			while (p[n] != '\0' &&
			    (isalnum((unsigned char)p[n]) ||
				strchr("-_*", p[n]) != NULL))
				n++;
			buf_addn(out, p, n);
			p += n;
		} else if (starts_number(p)) {
			n = number_len(p);
			if (number(path, line, p, n, out, e) == -1)
				return -1;
			p += n;
		} else {
			line += *p == '\n';
			buf_addc(out, *p++);
		}
	}
	return 0;
}

/* Reading the file. */

/*
 * Reads path into *text. Returns 1 without touching *text when the file is
 * missing and missing_ok, 0 when read, -1 on error.
 */
static int
read_file(const char *path, bool missing_ok, char **text, struct err *e)
{
	struct buf b;
	struct stat st;
	char chunk[8192];
	ssize_t got;
	int fd;

	fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
	if (fd == -1) {
		if (missing_ok && (errno == ENOENT || errno == ENOTDIR))
			return 1;
		if (errno == ENOENT)
			return err_set(
			    e, ERR_NOTFOUND, "%s: no such config file", path);
		return err_set(e, ERR_IO, "%s: cannot open the config file: %s",
		    path, strerror(errno));
	}
	if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		close(fd);
		return err_set(e, ERR_INVALID,
		    "%s: is a directory, not a config file", path);
	}
	buf_init(&b);
	buf_add(&b, "");
	for (;;) {
		got = read(fd, chunk, sizeof chunk);
		if (got == -1 && errno == EINTR)
			continue;
		if (got <= 0)
			break;
		if (memchr(chunk, '\0', (size_t)got) != NULL) {
			err_set(e, ERR_INVALID,
			    "%s: contains a NUL byte; a "
			    "config file is plain text",
			    path);
			goto fail;
		}
		buf_addn(&b, chunk, (size_t)got);
		if (b.len > CONFIG_FILE_MAX) {
			err_set(e, ERR_INVALID,
			    "%s: is larger than %d bytes; "
			    "is it the right file?",
			    path, CONFIG_FILE_MAX);
			goto fail;
		}
	}
	if (got == -1) {
		err_set(e, ERR_IO, "%s: cannot read the config file: %s", path,
		    strerror(errno));
		goto fail;
	}
	close(fd);
	*text = buf_steal(&b);
	return 0;

fail:
	close(fd);
	buf_done(&b);
	return -1;
}

static int
parse(struct config *c, const char *path, const char *text, struct err *e)
{
	struct load l = {NULL, path, e};
	struct config tmp;
	struct buf fixed;
	config_t lc;
	int rc = -1;

	buf_init(&fixed);
	buf_add(&fixed, "");
	config_init(&lc);
	if (scan(path, text, &fixed, e) == -1)
		goto out;
	if (config_read_string(&lc, buf_str(&fixed)) != CONFIG_TRUE) {
		err_set(e, ERR_INVALID, "%s:%d: %s", path,
		    config_error_line(&lc), config_error_text(&lc));
		goto out;
	}
	copy(&tmp, c);
	l.c = &tmp;
	if (apply(&l, config_root_setting(&lc)) == -1) {
		config_done(&tmp);
		goto out;
	}
	free(tmp.source);
	tmp.source = x_strdup(path);
	config_done(c);
	*c = tmp;
	rc = 0;
out:
	config_destroy(&lc);
	buf_done(&fixed);
	return rc;
}

/* Returns 1 when the file is missing and missing_ok. */
static int
load(struct config *c, const char *path, bool missing_ok, struct err *e)
{
	char *text;
	int rc;

	rc = read_file(path, missing_ok, &text, e);
	if (rc != 0)
		return rc;
	rc = parse(c, path, text, e);
	free(text);
	return rc;
}

int
config_load(struct config *c, const char *path, struct err *e)
{
	return load(c, path, false, e);
}

/* The per-user config file, owned, or NULL when there is no home. */
static char *
user_file(const struct config *c)
{
	const char *dir;

	dir = c->env("XDG_CONFIG_HOME");
	if (dir != NULL && dir[0] == '/')
		return x_printf("%s/coopcom/config", dir);
	dir = c->env("HOME");
	if (dir != NULL && dir[0] != '\0')
		return x_printf("%s/.config/coopcom/config", dir);
	return NULL;
}

int
config_load_default(struct config *c, struct err *e)
{
	char *user;
	int rc = 1;

	user = user_file(c);
	if (user != NULL)
		rc = load(c, user, true, e);
	free(user);
	if (rc == 1 && c->system_file != NULL)
		rc = load(c, c->system_file, true, e);
	return rc == -1 ? -1 : 0;
}

/* Describing the table. */

static const char *
type_name(const struct opt *o)
{
	switch (o->type) {
	case OPT_PATH:
		return "path";
	case OPT_BOOL:
		return "bool";
	case OPT_INT:
	case OPT_INT64:
		return "integer";
	case OPT_GROUP:
		return "group";
	case OPT_KEYS:
		return "keys";
	}
	return "?";
}

static void
add_default(struct buf *b, const struct opt *o)
{
	switch (o->type) {
	case OPT_PATH:
		buf_add(b, "\"\"");
		break;
	case OPT_BOOL:
		buf_add(b, o->def ? "true" : "false");
		break;
	case OPT_INT:
	case OPT_INT64:
		buf_printf(b, "%" PRId64, o->def);
		break;
	case OPT_GROUP:
		buf_add(b, "-");
		break;
	case OPT_KEYS:
		buf_add(b, "built-in");
		break;
	}
}

/* The doc and range; from the second byte when the caller wrote the first. */
static void
add_doc(struct buf *b, const struct opt *o, size_t from)
{
	buf_add(b, o->doc + from);
	if (o->type == OPT_INT || o->type == OPT_INT64)
		buf_printf(b, " (%" PRId64 " to %" PRId64 ")", o->min, o->max);
}

void
config_describe(struct buf *out)
{
	const struct opt *o;
	struct buf def;
	size_t wname = 0, wtype = 0, wdef = 0;

	buf_init(&def);
	for (o = opts; o < opts + NOPTS; o++) {
		buf_reset(&def);
		add_default(&def, o);
		if (strlen(o->name) > wname)
			wname = strlen(o->name);
		if (strlen(type_name(o)) > wtype)
			wtype = strlen(type_name(o));
		if (def.len > wdef)
			wdef = def.len;
	}
	for (o = opts; o < opts + NOPTS; o++) {
		buf_reset(&def);
		add_default(&def, o);
		buf_printf(out, "%-*s  %-*s  %-*s  ", (int)wname, o->name,
		    (int)wtype, type_name(o), (int)wdef, buf_str(&def));
		add_doc(out, o, 0);
		buf_addc(out, '\n');
	}
	buf_done(&def);
}

void
config_describe_mdoc(struct buf *out)
{
	const struct opt *o;

	buf_add(out, ".Bl -tag -width Ds\n");
	for (o = opts; o < opts + NOPTS; o++) {
		buf_printf(out, ".It Ic %s Ar %s\n%c", o->name, type_name(o),
		    toupper((unsigned char)o->doc[0]));
		add_doc(out, o, 1);
		if (o->type != OPT_GROUP && o->type != OPT_KEYS) {
			buf_add(out, "; default ");
			add_default(out, o);
		}
		buf_add(out, ".\n");
	}
	buf_add(out, ".El\n");
}

const char *
config_name(size_t i)
{
	return i < NOPTS ? opts[i].name : NULL;
}

/* Effective values. */

/* Adds s in double quotes with libconfig's escapes. */
static void
add_quoted(struct buf *b, const char *s)
{
	buf_addc(b, '"');
	for (; *s != '\0'; s++) {
		if (*s == '"' || *s == '\\')
			buf_addc(b, '\\');
		buf_addc(b, *s);
	}
	buf_addc(b, '"');
}

static void
add_keys(struct buf *b, const struct config *c)
{
	size_t i, j;
	const char *sep;

	for (i = 0; i < c->nkeys; i++) {
		for (j = 0; j < i; j++) {
			if (strcmp(c->keys[j].action, c->keys[i].action) == 0)
				break;
		}
		if (j < i)
			continue; /* written with its first binding */
		buf_printf(
		    b, "%s%s = [", b->len > 0 ? "\n" : "", c->keys[i].action);
		sep = "";
		for (j = i; j < c->nkeys; j++) {
			if (strcmp(c->keys[j].action, c->keys[i].action) != 0)
				continue;
			buf_add(b, sep);
			add_quoted(b, c->keys[j].key);
			sep = ", ";
		}
		buf_add(b, "];");
	}
}

static void
add_value(
    struct buf *b, const struct config *c, const struct opt *o, bool quoted)
{
	const struct opt *m;

	switch (o->type) {
	case OPT_PATH:
		if (quoted)
			add_quoted(b, *(char *const *)field(c, o));
		else
			buf_add(b, *(char *const *)field(c, o));
		break;
	case OPT_BOOL:
		buf_add(b, *(const bool *)field(c, o) ? "true" : "false");
		break;
	case OPT_INT:
		buf_printf(b, "%d", *(const int *)field(c, o));
		break;
	case OPT_INT64:
		buf_printf(b, "%" PRId64, *(const int64_t *)field(c, o));
		break;
	case OPT_GROUP:
		for (m = o + 1; m < opts + NOPTS && in_group(m, o->name); m++) {
			buf_printf(b, "%s%s = ", m == o + 1 ? "" : "\n",
			    m->name + strlen(o->name) + 1);
			add_value(b, c, m, true);
			buf_addc(b, ';');
		}
		break;
	case OPT_KEYS:
		add_keys(b, c);
		break;
	}
}

int
config_get_text(
    const struct config *c, const char *name, struct buf *out, struct err *e)
{
	const struct opt *o;
	const char *near;
	struct buf tmp;

	o = find_full(name);
	if (o == NULL) {
		near = nearest(NULL, name, true);
		if (near != NULL)
			return err_set(e, ERR_NOTFOUND,
			    "no setting \"%s\" (did you mean \"%s\"?)", name,
			    near);
		return err_set(e, ERR_NOTFOUND, "no setting \"%s\"", name);
	}
	buf_init(&tmp);
	add_value(&tmp, c, o, false);
	buf_add(out, buf_str(&tmp));
	buf_done(&tmp);
	return 0;
}
