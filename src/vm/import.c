/*
 * import.c: rows of a spreadsheet into the store (see import.h).
 *
 * Each cell is checked here first, with the field table's own
 * normalisation and the store's resolver, so that an error can name its
 * column; then the row is written with store_create or store_update, so
 * every rule of the store (who may, versions, audit) holds for imported
 * rows exactly as for typed ones.
 */
#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coopcom/util/csv.h"
#include "coopcom/util/text.h"
#include "coopcom/util/xalloc.h"
#include "coopcom/vm/import.h"

static const struct {
	const char *name, *singular;
	enum entity_kind ent;
	const char *key;		/* the column that finds a record */
	bool anycase;			/* the store finds it in any case */
} kinds[] = {
	[IMPORT_RECOMMENDATIONS] = { "recommendations", "recommendation",
	    ENT_RECOMMENDATION, "ref", true },
	[IMPORT_MILESTONES] = { "milestones", "milestone", ENT_MILESTONE,
	    "id", false },
	[IMPORT_PEOPLE] = { "people", "person", ENT_PERSON, "login", false },
};

int
import_parse_kind(const char *text, enum import_kind *k, struct err *e)
{
	size_t i;

	for (i = 0; text != NULL && i < sizeof kinds / sizeof kinds[0]; i++) {
		if (strcmp(text, kinds[i].name) == 0 ||
		    strcmp(text, kinds[i].singular) == 0) {
			*k = (enum import_kind)i;
			return 0;
		}
	}
	return err_set(e, ERR_INVALID, "import takes recommendations, "
	    "milestones or people, not \"%s\"", text ? text : "");
}

const char *
import_action_name(enum import_action a)
{
	static const char *const names[IMPORT_ACTIONS] = { "new", "update",
		"unchanged", "error" };

	return (unsigned)a < IMPORT_ACTIONS ? names[a] : "";
}

void
import_result_done(struct import_result *r)
{
	size_t i;

	for (i = 0; i < r->n; i++) {
		free(r->rows[i].key);
		free(r->rows[i].message);
	}
	free(r->rows);
	memset(r, 0, sizeof *r);
}

/* The file's columns: a field each, or the key "id" (field NULL). */
struct header {
	const struct entity *ent;
	const struct field **fields;
	size_t n;
	long key;			/* the key column, or -1 */
};

/* One row being imported. */
struct row {
	const struct csv_row *csv;
	struct store_value *vals;	/* what will be written */
	char **owned;			/* texts made here, freed after */
	size_t nvals, nowned;
	int64_t id;			/* the record it updates, or 0 */
	char *key;
};

static const char *
cell(const struct row *r, size_t i)
{
	return i < r->csv->n ? r->csv->fields[i] : "";
}

static int
read_header(const struct csv_row *csv, enum import_kind kind,
    struct header *h, struct err *e)
{
	const struct field *f;
	size_t i, k;

	h->ent = entity_get(kinds[kind].ent);
	h->fields = x_calloc(csv->n, sizeof *h->fields);
	h->n = csv->n;
	h->key = -1;
	for (i = 0; i < csv->n; i++) {
		const char *name = csv->fields[i];

		if (strcmp(name, kinds[kind].key) == 0)
			h->key = (long)i;
		f = entity_field(h->ent, name);
		if (f != NULL && strcmp(f->name, name) == 0 &&
		    !(f->flags & FIELD_WORKFLOW))
			h->fields[i] = f;
		else if (strcmp(name, "id") != 0 || kind != IMPORT_MILESTONES)
			return err_set(e, ERR_INVALID, "line %ld, column %zu: "
			    "a %s has no field \"%s\" (coopcom fields %s lists "
			    "them)", csv->line, i + 1, h->ent->name, name,
			    h->ent->name);
		for (k = 0; k < i; k++)
			if (strcmp(csv->fields[k], name) == 0)
				return err_set(e, ERR_INVALID, "line %ld: the "
				    "column \"%s\" is named twice (columns %zu "
				    "and %zu)", csv->line, name, k + 1, i + 1);
	}
	return 0;
}

static void
add_line(struct import_result *r, long line, enum import_action a,
    const char *key, char *message)
{
	struct import_line *l;

	r->rows = x_grow(r->rows, &r->cap, r->n + 1, sizeof *r->rows);
	l = &r->rows[r->n++];
	l->line = line;
	l->action = a;
	l->key = x_strdup(key ? key : "");
	l->message = message ? message : x_strdup("");
	r->count[a]++;
}

static const char *
keep(struct row *r, char *text)
{
	r->owned[r->nowned++] = text;
	return text;
}

static void
put(struct row *r, const char *name, const char *text)
{
	r->vals[r->nvals].name = name;
	r->vals[r->nvals++].text = text;
}

/* Finds the record the row's key names: *id 0 when it is new. */
static int
find(struct store *st, enum import_kind kind, const struct header *h,
    struct row *r, struct err *e)
{
	const char *key = h->key >= 0 ? cell(r, (size_t)h->key) : "";
	char *trimmed = text_trim(key);

	r->id = 0;
	r->key = trimmed;
	if (*trimmed == '\0')
		return 0;
	if (store_resolve(st, kinds[kind].ent, trimmed, &r->id, e) == 0)
		return 0;
	if (e->code != ERR_NOTFOUND)
		return err_prefix(e, "column \"%s\"", kinds[kind].key);
	r->id = 0;
	if (kind == IMPORT_MILESTONES)
		return err_set(e, ERR_NOTFOUND, "column \"id\": there is no "
		    "milestone %s (leave the id blank for a new one)", trimmed);
	return 0;
}

/* The row's text for field F as it would be stored; -1 naming the column. */
static int
normalise(struct store *st, const struct field *f, const char *text,
    char **out, struct err *e)
{
	int64_t id;

	if (field_normalise(f, text, out, e) < 0)
		return err_prefix(e, "column \"%s\"", f->name);
	if (f->type != FIELD_REF || *out == NULL)
		return 0;
	if (store_resolve(st, f->ref, *out, &id, e) < 0) {
		free(*out);
		*out = NULL;
		return err_prefix(e, "column \"%s\"", f->name);
	}
	free(*out);
	*out = x_printf("%" PRId64, id);
	return 0;
}

static bool
same(const char *a, const char *b)
{
	return a == NULL ? b == NULL : b != NULL && strcmp(a, b) == 0;
}

static int
check_required(const struct header *h, const struct row *r, struct err *e)
{
	const struct field *f;
	size_t i, k;

	for (i = 0; i < h->ent->nfields; i++) {
		f = &h->ent->fields[i];
		if (!(f->flags & FIELD_REQUIRED))
			continue;
		for (k = 0; k < h->n && h->fields[k] != f; k++)
			;
		if (k == h->n)
			return err_set(e, ERR_INVALID, "column \"%s\": a new %s "
			    "needs its %s, and the file has no \"%s\" column",
			    f->name, h->ent->name, f->label, f->name);
		if (text_is_blank(cell(r, k)))
			return err_set(e, ERR_INVALID, "column \"%s\": a new %s "
			    "needs its %s", f->name, h->ent->name, f->label);
	}
	return 0;
}

/* The values to write: the cells that are not blank, and in an update
 * only those that differ from what is stored. */
static int
gather(struct store *st, const struct header *h, struct row *r,
    const struct record *old, struct err *e)
{
	const struct field *f;
	char *norm;
	size_t i;

	if (old == NULL && check_required(h, r, e) < 0)
		return -1;
	for (i = 0; i < h->n; i++) {
		if ((f = h->fields[i]) == NULL)
			continue;
		if (text_is_blank(cell(r, i)))
			continue;
		if (normalise(st, f, cell(r, i), &norm, e) < 0)
			return -1;
		if (old != NULL && same(norm, record_get(old, f->name))) {
			free(norm);
			continue;
		}
		if (f->type == FIELD_REF && norm != NULL)
			put(r, f->name, keep(r, norm));
		else {
			free(norm);
			put(r, f->name, cell(r, i));
		}
	}
	return 0;
}

static char *
describe(struct store *st, enum entity_kind kind, int64_t id, char **key)
{
	struct record rec;
	struct err e;
	const char *what;
	char *s;

	if (store_get(st, kind, id, &rec, &e) < 0)
		return x_strdup("");
	if (kind == ENT_RECOMMENDATION && **key == '\0') {
		free(*key);
		*key = x_strdup(record_get(&rec, "ref"));
	} else if (kind == ENT_MILESTONE) {
		free(*key);
		*key = x_printf("%" PRId64, id);
	}
	what = record_get(&rec, kind == ENT_PERSON ? "name" : "title");
	s = x_strdup(what ? what : "");
	record_done(&rec);
	return s;
}

static int
write_row(struct store *st, const struct header *h, struct row *r,
    enum import_action *a, struct err *e)
{
	struct record old;
	int rc;

	if (r->id == 0) {
		*a = IMPORT_NEW;
		if (gather(st, h, r, NULL, e) < 0)
			return -1;
		return store_create(st, h->ent->kind, r->vals, r->nvals, &r->id,
		    e);
	}
	if (store_get(st, h->ent->kind, r->id, &old, e) < 0)
		return -1;
	rc = gather(st, h, r, &old, e);
	record_done(&old);
	if (rc < 0)
		return -1;
	*a = r->nvals == 0 ? IMPORT_SAME : IMPORT_UPDATE;
	if (r->nvals == 0)
		return 0;
	return store_update(st, h->ent->kind, r->id, 0, r->vals, r->nvals, e);
}

/* A key met in the file, for telling duplicates. */
struct seen {
	char *key;			/* NULL: a free slot */
	long line;
};

struct run {
	struct store *st;
	enum import_kind kind;
	struct header h;
	struct import_result *res;
	/* The keys met so far, in a hash table (open addressing), so that
	 * a file of thousands of rows is checked in linear time. */
	struct seen *seen;
	size_t nseen, seencap;
};

static size_t
key_hash(const char *key)
{
	size_t h = 2166136261u;

	for (; *key; key++)
		h = (h ^ (unsigned char)*key) * 16777619u;
	return h;
}

/* The slot of KEY in SEEN (CAP slots, a power of two): its own or free. */
static struct seen *
seen_slot(struct seen *seen, size_t cap, const char *key)
{
	size_t i = key_hash(key) & (cap - 1);

	while (seen[i].key != NULL && strcmp(seen[i].key, key) != 0)
		i = (i + 1) & (cap - 1);
	return &seen[i];
}

static void
seen_grow(struct run *run)
{
	struct seen *old = run->seen;
	size_t i, cap = run->seencap;

	run->seencap = cap ? 2 * cap : 64;
	run->seen = x_calloc(run->seencap, sizeof *run->seen);
	for (i = 0; i < cap; i++)
		if (old[i].key != NULL)
			*seen_slot(run->seen, run->seencap, old[i].key) = old[i];
	free(old);
}

/*
 * The line KEY was first seen on, or 0; remembers it when new. A key the
 * store matches in any case (a reference) is compared in any case too:
 * "cc-lcl-07" and "CC-LCL-07" are the same recommendation.
 */
static long
seen_before(struct run *run, const char *key, long line)
{
	struct seen *s;
	char *k = x_strdup(key), *p;

	if (kinds[run->kind].anycase)
		for (p = k; *p; p++)
			*p = (char)tolower((unsigned char)*p);
	if (2 * (run->nseen + 1) > run->seencap)
		seen_grow(run);
	s = seen_slot(run->seen, run->seencap, k);
	if (s->key != NULL) {
		free(k);
		return s->line;
	}
	s->key = k;
	s->line = line;
	run->nseen++;
	return 0;
}

static void
one_row(struct run *run, const struct csv_row *csv)
{
	struct row r;
	struct err e;
	enum import_action a = IMPORT_ERROR;
	long first = 0;
	char *msg;
	int rc;

	memset(&r, 0, sizeof r);
	err_clear(&e);
	r.csv = csv;
	r.vals = x_calloc(run->h.n + 1, sizeof *r.vals);
	r.owned = x_calloc(run->h.n + 1, sizeof *r.owned);
	if (csv->n > run->h.n)
		rc = err_set(&e, ERR_INVALID, "the row has %zu cells but the "
		    "first row names %zu columns", csv->n, run->h.n);
	else if ((rc = find(run->st, run->kind, &run->h, &r, &e)) == 0 &&
	    *r.key && (first = seen_before(run, r.key, csv->line)) != 0)
		rc = err_set(&e, ERR_INVALID, "column \"%s\": %s is also on "
		    "line %ld", kinds[run->kind].key, r.key, first);
	if (rc == 0)
		rc = write_row(run->st, &run->h, &r, &a, &e);
	if (rc < 0)
		msg = x_strdup(e.msg);
	else
		msg = describe(run->st, run->h.ent->kind, r.id, &r.key);
	add_line(run->res, csv->line, rc < 0 ? IMPORT_ERROR : a, r.key, msg);
	free(r.key);
	while (r.nowned > 0)
		free(r.owned[--r.nowned]);
	free(r.owned);
	free(r.vals);
}

static void
run_done(struct run *run)
{
	size_t i;

	for (i = 0; i < run->seencap; i++)
		free(run->seen[i].key);
	free(run->seen);
	free(run->h.fields);
}

/* Ends the transaction as the options and the errors say. */
static int
finish(struct run *run, const struct import_options *o, struct err *e)
{
	struct import_result *res = run->res;
	size_t bad = res->count[IMPORT_ERROR];

	if (o->dry_run || (bad > 0 && !o->skip_bad)) {
		store_rollback(run->st);
		if (!o->dry_run)
			return err_set(e, ERR_INVALID, "%zu of %zu rows have "
			    "errors: nothing was imported (correct them, or "
			    "give --skip-bad to import the others)", bad,
			    res->n);
		return 0;
	}
	if (store_commit(run->st, e) < 0) {
		store_rollback(run->st);
		return -1;
	}
	res->kept = true;
	return 0;
}

static int
rows(struct run *run, struct csv_reader *rd, struct err *e)
{
	struct csv_row row;
	int rc;

	csv_row_init(&row);
	while ((rc = csv_read_row(rd, &row, e)) == 1)
		if (!csv_row_blank(&row))
			one_row(run, &row);
	csv_row_done(&row);
	if (rc == 0 && run->res->n == 0)
		return err_set(e, ERR_INVALID, "the file has no rows under its "
		    "first row: nothing to import");
	return rc;
}

int
import_csv(struct store *st, enum import_kind kind, const char *data,
    size_t len, const struct import_options *o, struct import_result *res,
    struct err *e)
{
	struct csv_reader rd;
	struct csv_row head;
	struct run run;
	int rc;

	memset(res, 0, sizeof *res);
	memset(&run, 0, sizeof run);
	run.st = st;
	run.kind = kind;
	run.res = res;
	csv_reader_init(&rd, data, len);
	csv_row_init(&head);
	if ((rc = csv_read_row(&rd, &head, e)) == 0)
		err_set(e, ERR_INVALID, "the file is empty: its first row names "
		    "the columns (coopcom fields %s)", kinds[kind].singular);
	if (rc <= 0 || read_header(&head, kind, &run.h, e) < 0 ||
	    store_begin(st, e) < 0) {
		csv_row_done(&head);
		run_done(&run);
		return -1;
	}
	csv_row_done(&head);
	if (rows(&run, &rd, e) < 0) {
		store_rollback(st);
		run_done(&run);
		return -1;
	}
	rc = finish(&run, o, e);
	run_done(&run);
	return rc;
}
