/*
 * resolve.c: finding a record from what a person typed.
 *
 * People name things as they know them: a sub-group as "LCL" or
 * "CC-LCL", a person by login or full name, a recommendation by its
 * reference. Each kind has an ordered list of lookups; the first that
 * finds exactly one row wins, and one that finds several says so rather
 * than guess.
 */
#include <ctype.h>
#include <inttypes.h>
#include <stdlib.h>

#include "coopcom/store/priv.h"

#define MAX_LOOKUPS 3

static const char *const lookups[ENT_COUNT][MAX_LOOKUPS] = {
	[ENT_PERSON] = {
	    "SELECT id FROM person WHERE login = :t LIMIT 2",
	    "SELECT id FROM person WHERE name = :t COLLATE NOCASE LIMIT 2" },
	[ENT_COMMISSION] = {
	    "SELECT id FROM commission WHERE code = :t COLLATE NOCASE LIMIT 2",
	    "SELECT id FROM commission WHERE name = :t COLLATE NOCASE "
	    "LIMIT 2" },
	[ENT_SUBGROUP] = {
	    "SELECT s.id FROM subgroup s JOIN commission c ON c.id = "
	    "s.commission_id WHERE c.code || '-' || s.code = :t COLLATE "
	    "NOCASE LIMIT 2",
	    "SELECT id FROM subgroup WHERE code = :t COLLATE NOCASE LIMIT 2",
	    "SELECT id FROM subgroup WHERE name = :t COLLATE NOCASE LIMIT 2" },
	[ENT_RECOMMENDATION] = {
	    "SELECT id FROM recommendation WHERE ref = :t COLLATE NOCASE "
	    "LIMIT 2" },
};

static const char *const by_id[ENT_COUNT] = {
	[ENT_PERSON] = "SELECT id FROM person WHERE id = :t",
	[ENT_COMMISSION] = "SELECT id FROM commission WHERE id = :t",
	[ENT_COMMISSION_MEMBER] = "SELECT id FROM commission_member "
	    "WHERE id = :t",
	[ENT_SUBGROUP] = "SELECT id FROM subgroup WHERE id = :t",
	[ENT_SUBGROUP_MEMBER] = "SELECT id FROM subgroup_member WHERE id = :t",
	[ENT_ENGAGEMENT] = "SELECT id FROM engagement WHERE id = :t",
	[ENT_RECOMMENDATION] = "SELECT id FROM recommendation WHERE id = :t",
	[ENT_MEETING] = "SELECT id FROM meeting WHERE id = :t",
	[ENT_DECISION] = "SELECT id FROM decision WHERE id = :t",
	[ENT_MILESTONE] = "SELECT id FROM milestone WHERE id = :t",
};

static bool
all_digits(const char *s)
{
	if (*s == '\0')
		return false;
	for (; *s; s++)
		if (!isdigit((unsigned char)*s))
			return false;
	return true;
}

/* Runs one lookup: the number of rows found (0, 1, 2 = several). */
static int
lookup(struct store *st, const char *sql, const char *text, int64_t *id,
    struct err *e)
{
	sqlite3_stmt *q = db_prepare(st->db, sql, e);
	int rc, found = 0;

	if (q == NULL)
		return -1;
	db_bind_text(q, ":t", text);
	while ((rc = db_step(st->db, q, e)) == 1) {
		*id = sqlite3_column_int64(q, 0);
		found++;
	}
	return rc < 0 ? -1 : found;
}

int
store_resolve(struct store *st, enum entity_kind kind, const char *text,
    int64_t *id, struct err *e)
{
	const char *what = entity_get(kind)->name;
	size_t i;
	int n;

	if (all_digits(text)) {
		if ((n = lookup(st, by_id[kind], text, id, e)) < 0)
			return -1;
		if (n == 1)
			return 0;
	}
	for (i = 0; i < MAX_LOOKUPS && lookups[kind][i] != NULL; i++) {
		if ((n = lookup(st, lookups[kind][i], text, id, e)) < 0)
			return -1;
		if (n == 1)
			return 0;
		if (n > 1)
			return err_set(e, ERR_INVALID, "\"%s\" matches more "
			    "than one %s: use its id or full code", text, what);
	}
	return err_set(e, ERR_NOTFOUND, "there is no %s \"%s\"", what, text);
}
