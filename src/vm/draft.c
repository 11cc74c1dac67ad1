/*
 * draft.c: unsaved forms kept on disk (see draft.h).
 *
 * The file is written when the terminal has gone away, so it is written
 * with plain system calls and checked at every step; it is read at the
 * next start, where anything wrong with it becomes a message naming the
 * file and what is wrong, and the file stays for the person to look at.
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <jansson.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "coopcom/util/buf.h"
#include "coopcom/util/xalloc.h"
#include "coopcom/vm/draft.h"

#define DRAFT_FORMAT "coopcom-draft"
#define DRAFT_VERSION 1

void
draft_init(struct draft *d)
{
	memset(d, 0, sizeof *d);
}

void
draft_done(struct draft *d)
{
	size_t i;

	for (i = 0; i < d->n; i++) {
		free(d->fields[i].name);
		free(d->fields[i].typed);
		free(d->fields[i].original);
	}
	free(d->fields);
	free(d->entity);
	free(d->mode);
	free(d->what);
	free(d->saved_at);
	free(d->db);
	free(d->login);
	memset(d, 0, sizeof *d);
}

void
draft_add(struct draft *d, const char *name, const char *typed,
    const char *original)
{
	struct draft_field *f;

	d->fields = x_grow(d->fields, &d->cap, d->n + 1, sizeof *d->fields);
	f = &d->fields[d->n++];
	f->name = x_strdup(name ? name : "");
	f->typed = x_strdup(typed ? typed : "");
	f->original = x_strdup(original ? original : "");
}

/* FNV-1a: a stable short name for a long path; not for security. */
static uint64_t
fnv1a(const char *s, uint64_t h)
{
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= UINT64_C(1099511628211);
	}
	return h;
}

/* Letters, digits, '.', '-' and '_' of S, at most MAX of them. */
static void
add_tame(struct buf *b, const char *s, size_t max)
{
	size_t n = 0;

	for (; *s && n < max; s++, n++) {
		if ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		    (*s >= '0' && *s <= '9') || *s == '.' || *s == '-' ||
		    *s == '_')
			buf_addn(b, s, 1);
		else
			buf_add(b, "_");
	}
}

static char *
absolute(const char *path)
{
	char resolved[PATH_MAX], cwd[PATH_MAX];

	if (realpath(path, resolved) != NULL)
		return x_strdup(resolved);
	if (path[0] == '/' || getcwd(cwd, sizeof cwd) == NULL)
		return x_strdup(path);
	return x_printf("%s/%s", cwd, path);
}

char *
draft_path(const char *db_path, const char *login, struct err *e)
{
	const char *xdg = getenv("XDG_STATE_HOME"), *home = getenv("HOME");
	const char *base;
	char *abs = absolute(db_path);
	struct buf b;
	uint64_t h;

	buf_init(&b);
	if (xdg != NULL && xdg[0] == '/')
		buf_printf(&b, "%s/coopcom/drafts/", xdg);
	else if (home != NULL && home[0] == '/')
		buf_printf(&b, "%s/.local/state/coopcom/drafts/", home);
	else {
		free(abs);
		buf_done(&b);
		err_set(e, ERR_IO, "no place to keep drafts: set HOME or "
		    "XDG_STATE_HOME");
		return NULL;
	}
	h = fnv1a(login, fnv1a("\n", fnv1a(abs,
	    UINT64_C(14695981039346656037))));
	base = strrchr(abs, '/') ? strrchr(abs, '/') + 1 : abs;
	add_tame(&b, login, 32);
	buf_add(&b, "-");
	add_tame(&b, base, 40);
	buf_printf(&b, "-%016" PRIx64 ".json", h);
	free(abs);
	return buf_steal(&b);
}

static int
make_dirs(const char *path, struct err *e)
{
	char *dir = x_strdup(path), *p;
	int rc = 0;

	for (p = dir + 1; *p && rc == 0; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0700) < 0 && errno != EEXIST)
			rc = err_set(e, ERR_IO, "cannot create the folder %s "
			    "for drafts: %s", dir, strerror(errno));
		*p = '/';
	}
	free(dir);
	return rc;
}

static json_t *
draft_json(const struct draft *d)
{
	json_t *o, *fields = json_array();
	char when[32];
	struct tm tm;
	time_t now = time(NULL);
	size_t i;

	if (localtime_r(&now, &tm) == NULL ||
	    strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm) == 0)
		snprintf(when, sizeof when, "unknown time");
	for (i = 0; i < d->n; i++) {
		o = json_pack("{s:s, s:s, s:s}", "name", d->fields[i].name,
		    "typed", d->fields[i].typed, "original",
		    d->fields[i].original);
		if (o == NULL || json_array_append_new(fields, o) < 0) {
			json_decref(fields);
			return NULL;
		}
	}
	o = json_pack("{s:s, s:i, s:s, s:s, s:s, s:s, s:I, s:I, s:s, s:s, "
	    "s:o}", "format", DRAFT_FORMAT, "format_version", DRAFT_VERSION,
	    "saved_at", when, "db", d->db ? d->db : "", "login",
	    d->login ? d->login : "", "entity", d->entity ? d->entity : "",
	    "id", (json_int_t)d->id, "version", (json_int_t)d->version,
	    "mode", d->mode ? d->mode : "create", "what",
	    d->what ? d->what : "", "fields", fields);
	return o;
}

static int
write_all(int fd, const char *s, size_t n)
{
	ssize_t w;

	while (n > 0) {
		if ((w = write(fd, s, n)) < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		s += w;
		n -= (size_t)w;
	}
	return 0;
}

int
draft_save(const char *path, const struct draft *d, struct err *e)
{
	json_t *o;
	char *text, *tmp;
	int fd, rc = 0;

	if (make_dirs(path, e) < 0)
		return -1;
	if ((o = draft_json(d)) == NULL)
		return err_set(e, ERR_INVALID, "the draft holds text that is "
		    "not UTF-8 and cannot be kept");
	text = json_dumps(o, JSON_INDENT(1) | JSON_SORT_KEYS);
	json_decref(o);
	if (text == NULL)
		return err_set(e, ERR_NOMEM, "cannot write the draft out");
	tmp = x_printf("%s.XXXXXX", path);
	if ((fd = mkstemp(tmp)) < 0) {
		rc = err_set(e, ERR_IO, "cannot write the draft %s: %s", tmp,
		    strerror(errno));
	} else {
		if (fchmod(fd, 0600) < 0 || write_all(fd, text,
		    strlen(text)) < 0 || write_all(fd, "\n", 1) < 0 ||
		    fsync(fd) < 0)
			rc = err_set(e, ERR_IO, "cannot write the draft %s: "
			    "%s", tmp, strerror(errno));
		if (close(fd) < 0 && rc == 0)
			rc = err_set(e, ERR_IO, "cannot write the draft %s: "
			    "%s", tmp, strerror(errno));
		if (rc == 0 && rename(tmp, path) < 0)
			rc = err_set(e, ERR_IO, "cannot put the draft in place "
			    "as %s: %s", path, strerror(errno));
		if (rc < 0)
			unlink(tmp);
	}
	free(tmp);
	free(text);
	return rc;
}

static int
damaged(const char *path, const char *why, struct err *e)
{
	return err_set(e, ERR_INVALID, "the draft file %s is damaged (%s); "
	    "it has been left as it is", path, why);
}

/* A string member of O, copied; NULL when missing or not a string. */
static char *
member(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);

	return json_is_string(v) ? x_strdup(json_string_value(v)) : NULL;
}

static int
read_fields(const char *path, json_t *fields, struct draft *d, struct err *e)
{
	json_t *f;
	char *name, *typed, *original;
	size_t i;
	int ok;

	if (!json_is_array(fields))
		return damaged(path, "\"fields\" is missing or not a list", e);
	json_array_foreach(fields, i, f) {
		name = member(f, "name");
		typed = member(f, "typed");
		original = member(f, "original");
		ok = name != NULL && typed != NULL && original != NULL;
		if (ok)
			draft_add(d, name, typed, original);
		free(name);
		free(typed);
		free(original);
		if (!ok)
			return damaged(path, "a field has no name, typed or "
			    "original text", e);
	}
	return 0;
}

static int
read_draft(const char *path, json_t *o, struct draft *d, struct err *e)
{
	json_t *id = json_object_get(o, "id");
	json_t *version = json_object_get(o, "version");
	const char *format = json_string_value(json_object_get(o, "format"));

	if (!json_is_object(o) || format == NULL ||
	    strcmp(format, DRAFT_FORMAT) != 0)
		return damaged(path, "it is not a coopcom draft", e);
	if (json_integer_value(json_object_get(o, "format_version")) !=
	    DRAFT_VERSION)
		return damaged(path, "it was written by another version of "
		    "coopcom", e);
	d->entity = member(o, "entity");
	d->mode = member(o, "mode");
	d->what = member(o, "what");
	d->saved_at = member(o, "saved_at");
	d->db = member(o, "db");
	d->login = member(o, "login");
	if (d->entity == NULL || d->mode == NULL || d->what == NULL ||
	    d->saved_at == NULL || d->db == NULL || d->login == NULL ||
	    !json_is_integer(id) || !json_is_integer(version))
		return damaged(path, "a part of it is missing", e);
	d->id = json_integer_value(id);
	d->version = json_integer_value(version);
	return read_fields(path, json_object_get(o, "fields"), d, e);
}

int
draft_load(const char *path, struct draft *d, struct err *e)
{
	json_error_t jerr;
	json_t *o;
	char why[300];
	int rc;

	draft_init(d);
	if (access(path, F_OK) < 0) {
		if (errno == ENOENT)
			return 0;
		return err_set(e, ERR_IO, "cannot look at the draft file %s: "
		    "%s", path, strerror(errno));
	}
	if ((o = json_load_file(path, JSON_REJECT_DUPLICATES, &jerr)) ==
	    NULL) {
		if (access(path, R_OK) < 0)
			return err_set(e, ERR_IO, "cannot read the draft file "
			    "%s: %s", path, strerror(errno));
		snprintf(why, sizeof why, "line %d: %s", jerr.line, jerr.text);
		return damaged(path, why, e);
	}
	rc = read_draft(path, o, d, e);
	json_decref(o);
	if (rc < 0) {
		draft_done(d);
		return -1;
	}
	return 1;
}

int
draft_remove(const char *path, struct err *e)
{
	if (unlink(path) < 0 && errno != ENOENT)
		return err_set(e, ERR_IO, "cannot remove the draft file %s: %s",
		    path, strerror(errno));
	return 0;
}
