/*
 * impact.c: reading and rating the integrated impact assessment (see
 * impact.h), and the matrix of where negative impacts accumulate.
 */
#include <inttypes.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "coopcom/store/impact.h"
#include "coopcom/store/priv.h"
#include "coopcom/store/report.h"
#include "coopcom/util/xalloc.h"

/* References named per heading in the matrix before "and N more". */
#define MATRIX_REFS 10

static int
heading_index(const char *id)
{
	size_t i;

	for (i = 0; id != NULL && i < IMPACT_HEADINGS; i++)
		if (strcmp(impact_heading(i)->id, id) == 0)
			return (int)i;
	return -1;
}

static enum impact_rating
rating_of(const char *name)
{
	int r;

	for (r = IMPACT_NEUTRAL; name != NULL && r < IMPACT_RATING_COUNT; r++)
		if (strcmp(impact_rating_name((enum impact_rating)r), name) == 0)
			return (enum impact_rating)r;
	return IMPACT_UNRATED;
}

void
store_impact_free(struct store_impact grid[IMPACT_HEADINGS])
{
	size_t i;

	for (i = 0; i < IMPACT_HEADINGS; i++) {
		free(grid[i].comment);
		grid[i].comment = NULL;
	}
}

int
store_impact_get(struct store *st, int64_t rec_id,
    struct store_impact grid[IMPACT_HEADINGS], struct err *e)
{
	static const char sql[] = "SELECT heading, rating, comment, version "
	    "FROM impact WHERE recommendation_id = :id";
	sqlite3_stmt *q;
	size_t i;
	int rc, h;

	for (i = 0; i < IMPACT_HEADINGS; i++) {
		grid[i].rating = IMPACT_UNRATED;
		grid[i].comment = x_strdup("");
		grid[i].version = 0;
	}
	if ((q = db_prepare(st->db, sql, e)) == NULL)
		return -1;
	db_bind_int(q, ":id", rec_id);
	while ((rc = db_step(st->db, q, e)) == 1) {
		if ((h = heading_index((const char *)sqlite3_column_text(q,
		    0))) < 0)
			continue;
		grid[h].rating = rating_of((const char *)
		    sqlite3_column_text(q, 1));
		free(grid[h].comment);
		grid[h].comment = db_column_dup(q, 2);
		grid[h].version = sqlite3_column_int64(q, 3);
	}
	return rc;
}

/* Editors of the recommendation while it is editable; after, the
 * secretary or an administrator. */
static int
may_rate(struct store *st, const struct record *rec, struct err *e)
{
	const struct workflow_stage *s = workflow_stage(st->workflow,
	    record_get(rec, "stage"));
	int64_t cid, sgid;
	unsigned roles;

	if (store_scope_of(st, ENT_RECOMMENDATION, rec->id, &cid, &sgid,
	    e) < 0 || store_may_write(st, ENT_RECOMMENDATION, cid, sgid, e) < 0)
		return -1;
	if (s == NULL || s->editable)
		return 0;
	if (store_roles_for(st, rec->id, &roles, e) < 0)
		return -1;
	if (roles & (WORKFLOW_ROLE_BIT(WORKFLOW_ROLE_SECRETARY) |
	    WORKFLOW_ROLE_BIT(WORKFLOW_ROLE_ADMIN)))
		return 0;
	return err_set(e, ERR_DENIED, "%s is at the stage \"%s\": only the "
	    "commission's secretary or an administrator can change its impact "
	    "assessment now", record_get(rec, "ref"), s->label);
}

struct impact_row {
	bool exists;
	char *rating, *comment, *updated_at;
	int64_t version, updated_by;
};

static void
impact_row_done(struct impact_row *r)
{
	free(r->rating);
	free(r->comment);
	free(r->updated_at);
}

static int
read_row(struct store *st, int64_t rec_id, const char *heading,
    struct impact_row *r, struct err *e)
{
	static const char sql[] = "SELECT rating, comment, version, "
	    "updated_at, updated_by FROM impact WHERE recommendation_id = :id "
	    "AND heading = :h";
	sqlite3_stmt *q = db_prepare(st->db, sql, e);
	int rc;

	memset(r, 0, sizeof *r);
	if (q == NULL)
		return -1;
	db_bind_int(q, ":id", rec_id);
	db_bind_text(q, ":h", heading);
	if ((rc = db_step(st->db, q, e)) == 1) {
		r->exists = true;
		r->rating = db_column_dup(q, 0);
		r->comment = db_column_dup(q, 1);
		r->version = sqlite3_column_int64(q, 2);
		r->updated_at = db_column_dup(q, 3);
		r->updated_by = sqlite3_column_int64(q, 4);
		sqlite3_reset(q);
	}
	return rc < 0 ? -1 : 0;
}

static int
write_row(struct store *st, int64_t rec_id, const char *heading,
    const struct impact_row *old, const char *rating, const char *comment,
    struct err *e)
{
	static const char ins[] = "INSERT INTO impact(recommendation_id, "
	    "heading, rating, comment, updated_at, updated_by) VALUES (:id, "
	    ":h, :r, :c, :now, :me)";
	static const char upd[] = "UPDATE impact SET rating = :r, comment = "
	    ":c, version = version + 1, updated_at = :now, updated_by = :me "
	    "WHERE recommendation_id = :id AND heading = :h AND version = :v";
	sqlite3_stmt *q = db_prepare(st->db, old->exists ? upd : ins, e);
	char now[20];

	if (q == NULL)
		return -1;
	store_now(now);
	db_bind_int(q, ":id", rec_id);
	db_bind_text(q, ":h", heading);
	db_bind_text(q, ":r", rating);
	db_bind_text(q, ":c", comment);
	db_bind_text(q, ":now", now);
	if (st->me.id)
		db_bind_int(q, ":me", st->me.id);
	if (old->exists)
		db_bind_int(q, ":v", old->version);
	if (db_run(st->db, q, e) < 0)
		return err_prefix(e, "cannot save the impact assessment");
	if (db_changes(st->db) != 1)
		return err_set(e, ERR_CONFLICT, "the impact assessment changed "
		    "while it was being saved; nothing was saved");
	return 0;
}

static char *
change_json(const char *heading, const struct impact_row *old,
    const char *rating, const char *comment)
{
	return store_changes_text(json_pack("{s:s,s:[s?,s],s:[s?,s]}",
	    "impact", heading, "rating", old->rating, rating, "comment",
	    old->comment, comment));
}

static int
conflict(struct store *st, const struct impact_row *r, int64_t version,
    struct err *e)
{
	char *who = store_person_name(st, r->updated_by);

	err_set(e, ERR_CONFLICT, "this impact rating was changed by %s at %s "
	    "UTC (version %" PRId64 "; you started from version %" PRId64
	    "): nothing was saved", *who ? who : "someone", r->updated_at,
	    r->version, version);
	free(who);
	return -1;
}

static int
rate(struct store *st, const struct record *rec, const char *heading,
    const char *rating, const char *comment, int64_t version, struct err *e)
{
	struct impact_row old;
	char *changes;
	int rc;

	if (may_rate(st, rec, e) < 0 ||
	    read_row(st, rec->id, heading, &old, e) < 0)
		return -1;
	if (version != 0 && version != old.version) {
		rc = conflict(st, &old, version, e);
		impact_row_done(&old);
		return rc;
	}
	if (comment == NULL)
		comment = old.comment ? old.comment : "";
	if (old.exists && strcmp(old.rating, rating) == 0 &&
	    strcmp(old.comment, comment) == 0) {
		impact_row_done(&old);
		return 0;
	}
	changes = change_json(heading, &old, rating, comment);
	rc = write_row(st, rec->id, heading, &old, rating, comment, e) < 0 ||
	    audit_append(st, "recommendation", rec->id, "impact", changes,
	    NULL, 0, e) < 0 ? -1 : 0;
	free(changes);
	impact_row_done(&old);
	return rc;
}

int
store_impact_set(struct store *st, int64_t rec_id, size_t heading,
    enum impact_rating rating, const char *comment, int64_t version,
    struct err *e)
{
	struct record rec;

	if (heading >= IMPACT_HEADINGS)
		return err_set(e, ERR_INVALID, "there is no impact heading %zu",
		    heading + 1);
	if (rating == IMPACT_UNRATED || rating >= IMPACT_RATING_COUNT)
		return err_set(e, ERR_INVALID, "an impact is rated neutral, "
		    "positive or negative");
	if (st->me.id == 0)
		return store_may_write(st, ENT_RECOMMENDATION, 0, 0, e);
	if (db_begin(st->db, e) < 0)
		return -1;
	if (store_get(st, ENT_RECOMMENDATION, rec_id, &rec, e) < 0) {
		db_rollback(st->db);
		return -1;
	}
	if (rate(st, &rec, impact_heading(heading)->id,
	    impact_rating_name(rating), comment, version, e) < 0 ||
	    db_commit(st->db, e) < 0) {
		record_done(&rec);
		db_rollback(st->db);
		return -1;
	}
	record_done(&rec);
	return 0;
}

void
store_impact_matrix_free(struct store_impact_count m[IMPACT_HEADINGS])
{
	size_t i;

	for (i = 0; i < IMPACT_HEADINGS; i++) {
		free(m[i].negative);
		m[i].negative = NULL;
	}
}

#define SCOPE "FROM recommendation r JOIN subgroup s ON s.id = " \
	"r.subgroup_id WHERE r.archived = 0 AND (:cid IS NULL OR " \
	"s.commission_id = :cid) AND (:stages IS NULL OR instr(:stages, " \
	"',' || r.stage || ',') > 0)"

static sqlite3_stmt *
scoped(struct store *st, const char *sql, int64_t cid, const char *stages,
    struct err *e)
{
	sqlite3_stmt *q = db_prepare(st->db, sql, e);

	if (q == NULL)
		return NULL;
	if (cid != 0)
		db_bind_int(q, ":cid", cid);
	db_bind_text(q, ":stages", stages);
	return q;
}

static int
count_ratings(struct store *st, int64_t cid, const char *stages,
    struct store_impact_count m[IMPACT_HEADINGS], int64_t recs,
    struct err *e)
{
	static const char sql[] = "SELECT i.heading, i.rating, count(*) FROM "
	    "impact i WHERE i.recommendation_id IN (SELECT r.id " SCOPE ") "
	    "GROUP BY i.heading, i.rating";
	sqlite3_stmt *q = scoped(st, sql, cid, stages, e);
	int rc, h;
	size_t i;

	if (q == NULL)
		return -1;
	for (i = 0; i < IMPACT_HEADINGS; i++)
		m[i].count[IMPACT_UNRATED] = recs;
	while ((rc = db_step(st->db, q, e)) == 1) {
		if ((h = heading_index((const char *)sqlite3_column_text(q,
		    0))) < 0)
			continue;
		m[h].count[rating_of((const char *)sqlite3_column_text(q,
		    1))] += sqlite3_column_int64(q, 2);
		m[h].count[IMPACT_UNRATED] -= sqlite3_column_int64(q, 2);
	}
	return rc;
}

static int
name_negatives(struct store *st, int64_t cid, const char *stages,
    struct store_impact_count m[IMPACT_HEADINGS], struct err *e)
{
	static const char sql[] = "SELECT heading, ref FROM (SELECT "
	    "i.heading AS heading, r.ref AS ref, row_number() OVER (PARTITION "
	    "BY i.heading ORDER BY length(r.ref), r.ref) AS n FROM impact i "
	    "JOIN recommendation r ON r.id = i.recommendation_id WHERE "
	    "i.rating = 'negative' AND r.id IN (SELECT r.id " SCOPE ")) "
	    "WHERE n <= 10";
	sqlite3_stmt *q = scoped(st, sql, cid, stages, e);
	struct buf b[IMPACT_HEADINGS];
	int64_t more;
	size_t i;
	int rc, h;

	_Static_assert(MATRIX_REFS == 10, "the query names 10 references");
	if (q == NULL)
		return -1;
	for (i = 0; i < IMPACT_HEADINGS; i++)
		buf_init(&b[i]);
	while ((rc = db_step(st->db, q, e)) == 1)
		if ((h = heading_index((const char *)sqlite3_column_text(q,
		    0))) >= 0)
			buf_printf(&b[h], "%s%s", b[h].len ? " " : "",
			    sqlite3_column_text(q, 1));
	for (i = 0; i < IMPACT_HEADINGS; i++) {
		more = m[i].count[IMPACT_NEGATIVE] - MATRIX_REFS;
		if (more > 0)
			buf_printf(&b[i], " and %" PRId64 " more", more);
		m[i].negative = buf_steal(&b[i]);
	}
	return rc;
}

static int
count_recs(struct store *st, int64_t cid, const char *stages, int64_t *n,
    struct err *e)
{
	static const char sql[] = "SELECT count(*) " SCOPE;
	sqlite3_stmt *q = scoped(st, sql, cid, stages, e);
	int rc;

	*n = 0;
	if (q == NULL)
		return -1;
	if ((rc = db_step(st->db, q, e)) == 1) {
		*n = sqlite3_column_int64(q, 0);
		sqlite3_reset(q);
	}
	return rc < 0 ? -1 : 0;
}

int
store_impact_matrix(struct store *st, int64_t commission_id,
    bool report_only, struct store_impact_count m[IMPACT_HEADINGS],
    int64_t *recs, struct err *e)
{
	char *stages = report_only ? store_report_stages(st) : NULL;
	int rc;

	memset(m, 0, sizeof *m * IMPACT_HEADINGS);
	rc = count_recs(st, commission_id, stages, recs, e) < 0 ||
	    count_ratings(st, commission_id, stages, m, *recs, e) < 0 ||
	    name_negatives(st, commission_id, stages, m, e) < 0 ? -1 : 0;
	free(stages);
	return rc;
}
