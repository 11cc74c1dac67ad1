/*
 * report.c: the rows of the report to Cabinet (see report.h).
 *
 * Each recommendation's impact ratings come with its row, packed by one
 * correlated subquery on the impact table's primary key as
 * "heading:rating:LENGTH:comment" repeated, the comment's length in
 * bytes, so any text in a comment reads back exactly.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "coopcom/store/priv.h"
#include "coopcom/store/report.h"
#include "coopcom/util/xalloc.h"

#define REPORT_WHERE "FROM recommendation r JOIN subgroup s ON s.id = " \
	"r.subgroup_id JOIN commission c ON c.id = s.commission_id WHERE " \
	"r.archived = 0 AND (:cid IS NULL OR c.id = :cid) AND " \
	"instr(:stages, ',' || r.stage || ',') > 0"

static const char rows_sql[] =
    "SELECT r.id, c.code, c.name, s.code, s.name, r.term, r.ref, r.title, "
    "r.body, r.stage, r.target_date, r.equality_impact, r.savings_pence, "
    "r.upfront_cost_pence, (SELECT group_concat(i.heading || ':' || "
    "i.rating || ':' || length(CAST(i.comment AS BLOB)) || ':' || "
    "i.comment, '') FROM impact i WHERE i.recommendation_id = r.id) "
    REPORT_WHERE " ORDER BY c.code, s.code, CASE r.term WHEN 'short' THEN "
    "1 WHEN 'medium' THEN 2 WHEN 'long' THEN 3 ELSE 4 END, length(r.ref), "
    "r.ref";
static const char count_sql[] = "SELECT count(*) " REPORT_WHERE;

struct store_report {
	struct store *st;
	sqlite3_stmt *q;
	struct report_item item;
	struct buf arena;		/* the impact comments, NUL-separated */
};

static bool
positive(const struct workflow_transition *t)
{
	return t->decision_outcome == NULL ||
	    strcmp(t->decision_outcome, "approved") == 0 ||
	    strcmp(t->decision_outcome, "accepted") == 0 ||
	    strcmp(t->decision_outcome, "adopted") == 0;
}

static bool
in_set(const struct buf *set, const char *id)
{
	const char *p = buf_str(set);
	size_t n = strlen(id);

	while ((p = strstr(p, id)) != NULL) {
		if (p[-1] == ',' && p[n] == ',')
			return true;
		p += n;
	}
	return false;
}

char *
store_report_stages(const struct store *st)
{
	const struct workflow *wf = st->workflow;
	const struct workflow_transition *t;
	struct buf set;
	bool grew = true;
	size_t i, k;

	buf_init(&set);
	buf_addc(&set, ',');
	for (i = 0; wf != NULL && i < wf->ntransitions; i++) {
		t = &wf->transitions[i];
		if (t->decision_body != NULL &&
		    strcmp(t->decision_body, "assembly") == 0 &&
		    strcmp(t->decision_outcome, "approved") == 0 &&
		    !in_set(&set, t->to))
			buf_printf(&set, "%s,", t->to);
	}
	while (grew && wf != NULL) {
		grew = false;
		for (i = 0; i < wf->ntransitions; i++) {
			t = &wf->transitions[i];
			if (!positive(t) || in_set(&set, t->to))
				continue;
			for (k = 0; k < t->nfrom; k++) {
				if (in_set(&set, t->from[k])) {
					buf_printf(&set, "%s,", t->to);
					grew = true;
					break;
				}
			}
		}
	}
	return buf_steal(&set);
}

static void
bind_scope(struct store *st, sqlite3_stmt *q, int64_t cid)
{
	char *stages = store_report_stages(st);

	if (cid != 0)
		db_bind_int(q, ":cid", cid);
	db_bind_text(q, ":stages", stages);
	free(stages);
}

int
store_report_open(struct store *st, int64_t commission_id,
    struct store_report **out, int64_t *total, struct err *e)
{
	struct store_report *r;
	sqlite3_stmt *q;
	int rc;

	*out = NULL;
	if ((q = db_prepare(st->db, count_sql, e)) == NULL)
		return -1;
	bind_scope(st, q, commission_id);
	if ((rc = db_step(st->db, q, e)) < 0)
		return -1;
	*total = rc == 1 ? sqlite3_column_int64(q, 0) : 0;
	sqlite3_reset(q);
	if ((q = db_prepare(st->db, rows_sql, e)) == NULL)
		return -1;
	bind_scope(st, q, commission_id);
	r = x_calloc(1, sizeof *r);
	r->st = st;
	r->q = q;
	buf_init(&r->arena);
	*out = r;
	return 0;
}

static const char *
text(sqlite3_stmt *q, int i)
{
	const char *s = (const char *)sqlite3_column_text(q, i);

	return s != NULL ? s : "";
}

static const char *
text_or_null(sqlite3_stmt *q, int i)
{
	return (const char *)sqlite3_column_text(q, i);
}

static int
heading_index(const char *id, size_t n)
{
	size_t i;

	for (i = 0; i < IMPACT_HEADINGS; i++)
		if (strlen(impact_heading(i)->id) == n &&
		    memcmp(impact_heading(i)->id, id, n) == 0)
			return (int)i;
	return -1;
}

static enum impact_rating
rating_of(const char *s, size_t n)
{
	int r;

	for (r = IMPACT_NEUTRAL; r < IMPACT_RATING_COUNT; r++)
		if (strlen(impact_rating_name((enum impact_rating)r)) == n &&
		    memcmp(impact_rating_name((enum impact_rating)r), s,
		    n) == 0)
			return (enum impact_rating)r;
	return IMPACT_UNRATED;
}

/* The next ':' from P, before END; NULL when none. */
static const char *
colon(const char *p, const char *end)
{
	return memchr(p, ':', (size_t)(end - p));
}

/* Reads the packed ratings into the item; comments go into the arena. */
static void
unpack_impacts(struct store_report *r, const char *p, size_t len)
{
	const char *end = p + len, *a, *b, *c;
	size_t offs[IMPACT_HEADINGS], n, i;
	int h;

	buf_reset(&r->arena);
	buf_addc(&r->arena, '\0');
	for (i = 0; i < IMPACT_HEADINGS; i++)
		offs[i] = 0;
	while (p < end) {
		if ((a = colon(p, end)) == NULL ||
		    (b = colon(a + 1, end)) == NULL ||
		    (c = colon(b + 1, end)) == NULL)
			break;
		n = (size_t)strtoull(b + 1, NULL, 10);
		if (n > (size_t)(end - (c + 1)))
			break;
		if ((h = heading_index(p, (size_t)(a - p))) >= 0) {
			r->item.impacts[h].rating = rating_of(a + 1,
			    (size_t)(b - a - 1));
			offs[h] = r->arena.len;
			buf_addn(&r->arena, c + 1, n);
			buf_addc(&r->arena, '\0');
			r->item.assessed = true;
		}
		p = c + 1 + n;
	}
	for (i = 0; i < IMPACT_HEADINGS; i++)
		r->item.impacts[i].comment = buf_str(&r->arena) + offs[i];
}

int
store_report_next(struct store_report *r, const struct report_item **item,
    struct err *e)
{
	struct report_item *it = &r->item;
	sqlite3_stmt *q = r->q;
	const char *packed;
	size_t i;
	int rc;

	if ((rc = db_step(r->st->db, q, e)) != 1)
		return rc;
	memset(it, 0, sizeof *it);
	it->id = sqlite3_column_int64(q, 0);
	it->commission = text(q, 1);
	it->commission_name = text(q, 2);
	it->subgroup = text(q, 3);
	it->subgroup_name = text(q, 4);
	it->term = text_or_null(q, 5);
	it->ref = text(q, 6);
	it->title = text(q, 7);
	it->text = text(q, 8);
	it->stage = text(q, 9);
	it->target = text_or_null(q, 10);
	it->equality_impact = text_or_null(q, 11);
	it->has_savings = sqlite3_column_type(q, 12) != SQLITE_NULL;
	it->savings = sqlite3_column_int64(q, 12);
	it->has_cost = sqlite3_column_type(q, 13) != SQLITE_NULL;
	it->cost = sqlite3_column_int64(q, 13);
	for (i = 0; i < IMPACT_HEADINGS; i++)
		it->impacts[i].rating = IMPACT_UNRATED;
	packed = text(q, 14);
	unpack_impacts(r, packed, (size_t)sqlite3_column_bytes(q, 14));
	*item = it;
	return 1;
}

void
store_report_close(struct store_report *r)
{
	if (r == NULL)
		return;
	sqlite3_reset(r->q);
	buf_done(&r->arena);
	free(r);
}
