/*
 * calendar.c: the timeline's rows, the database's identity and the sets
 * of stages by their workflow flags (see calendar.h).
 *
 * Milestones and recommendations are one UNION ALL query, so the whole
 * timeline is read in one pass in date order, whatever its size.
 */
#include <stdlib.h>
#include <string.h>

#include "coopcom/store/calendar.h"
#include "coopcom/store/priv.h"
#include "coopcom/util/xalloc.h"

#define CALENDAR_UNION \
	"SELECT 1 AS milestone, m.id AS id, coalesce(c.code, c2.code, '') " \
	"AS commission, coalesce(s.code, '') AS subgroup, CASE WHEN m.theme " \
	"<> '' THEN m.theme ELSE coalesce(s.theme, '') END AS theme, '' AS " \
	"ref, m.title AS title, m.timescale AS timescale, NULL AS target, " \
	"NULL AS revised, m.earliest AS earliest, m.latest AS latest, " \
	"m.dating AS dating, m.status AS status, m.state AS state, m.state " \
	"= 'done' AS done, m.state = 'cancelled' AS cancelled, m.done_on AS " \
	"done_on, m.version AS version, m.updated_at AS updated_at FROM " \
	"milestone m LEFT JOIN subgroup s ON s.id = m.subgroup_id LEFT JOIN " \
	"commission c ON c.id = m.commission_id LEFT JOIN commission c2 ON " \
	"c2.id = s.commission_id WHERE m.archived = 0 AND (:cid IS NULL OR " \
	"coalesce(m.commission_id, s.commission_id) = :cid) AND (:sgid IS " \
	"NULL OR m.subgroup_id = :sgid) UNION ALL SELECT 0, r.id, c.code, " \
	"s.code, s.theme, r.ref, r.title, '', r.target_date, r.revised_date, " \
	REC_DUE ", " REC_DUE ", 'exact', '', r.stage, r.actual_date IS NOT " \
	"NULL OR " REC_IN_SET(":delivered") ", r.actual_date IS NULL AND " \
	REC_IN_SET(":dropped") ", " REC_DONE_ON ", r.version, r.updated_at " \
	"FROM recommendation r JOIN subgroup s ON s.id = r.subgroup_id JOIN " \
	"commission c ON c.id = s.commission_id WHERE r.archived = 0 AND " \
	REC_DUE " IS NOT NULL AND (:cid IS NULL OR c.id = :cid) AND (:sgid " \
	"IS NULL OR s.id = :sgid)"

static const char rows_sql[] = "SELECT * FROM (" CALENDAR_UNION ") ORDER "
    "BY earliest IS NULL, earliest, latest, dating <> 'tbc', milestone "
    "DESC, id";
static const char count_sql[] = "SELECT count(*) FROM (" CALENDAR_UNION ")";

struct store_calendar {
	struct store *st;
	sqlite3_stmt *q;
	struct calendar_item item;
};

char *
store_stage_set(const struct store *st, enum store_stage_set which)
{
	const struct workflow *wf = st->workflow;
	const struct workflow_stage *s;
	struct buf set;
	bool in;
	size_t i;

	buf_init(&set);
	buf_addc(&set, ',');
	for (i = 0; wf != NULL && i < wf->nstages; i++) {
		s = &wf->stages[i];
		switch (which) {
		case STAGES_DELIVERY:
			in = s->delivery;
			break;
		case STAGES_DELIVERED:
			in = s->delivery && s->final;
			break;
		default:
			in = !s->delivery && s->final;
			break;
		}
		if (in)
			buf_printf(&set, "%s,", s->id);
	}
	return buf_steal(&set);
}

static void
bind(struct store *st, sqlite3_stmt *q, int64_t cid, int64_t sgid)
{
	char *delivered = store_stage_set(st, STAGES_DELIVERED);
	char *dropped = store_stage_set(st, STAGES_DROPPED);

	if (cid != 0)
		db_bind_int(q, ":cid", cid);
	if (sgid != 0)
		db_bind_int(q, ":sgid", sgid);
	db_bind_text(q, ":delivered", delivered);
	db_bind_text(q, ":dropped", dropped);
	free(delivered);
	free(dropped);
}

int
store_calendar_open(struct store *st, int64_t commission_id,
    int64_t subgroup_id, struct store_calendar **out, int64_t *total,
    struct err *e)
{
	struct store_calendar *c;
	sqlite3_stmt *q;
	int rc;

	*out = NULL;
	if ((q = db_prepare(st->db, count_sql, e)) == NULL)
		return -1;
	bind(st, q, commission_id, subgroup_id);
	if ((rc = db_step(st->db, q, e)) < 0)
		return -1;
	*total = rc == 1 ? sqlite3_column_int64(q, 0) : 0;
	sqlite3_reset(q);
	if ((q = db_prepare(st->db, rows_sql, e)) == NULL)
		return -1;
	bind(st, q, commission_id, subgroup_id);
	c = x_calloc(1, sizeof *c);
	c->st = st;
	c->q = q;
	*out = c;
	return 0;
}

static const char *
text(sqlite3_stmt *q, int i)
{
	const char *s = (const char *)sqlite3_column_text(q, i);

	return s != NULL ? s : "";
}

int
store_calendar_next(struct store_calendar *c,
    const struct calendar_item **item, struct err *e)
{
	struct calendar_item *it = &c->item;
	sqlite3_stmt *q = c->q;
	int rc;

	if ((rc = db_step(c->st->db, q, e)) != 1)
		return rc;
	it->milestone = sqlite3_column_int(q, 0) != 0;
	it->id = sqlite3_column_int64(q, 1);
	it->commission = text(q, 2);
	it->subgroup = text(q, 3);
	it->theme = text(q, 4);
	it->ref = text(q, 5);
	it->title = text(q, 6);
	it->timescale = text(q, 7);
	it->target = (const char *)sqlite3_column_text(q, 8);
	it->revised = (const char *)sqlite3_column_text(q, 9);
	it->earliest = (const char *)sqlite3_column_text(q, 10);
	it->latest = (const char *)sqlite3_column_text(q, 11);
	it->dating = text(q, 12);
	it->status = text(q, 13);
	it->state = text(q, 14);
	it->done = sqlite3_column_int(q, 15) != 0;
	it->cancelled = sqlite3_column_int(q, 16) != 0;
	it->done_on = (const char *)sqlite3_column_text(q, 17);
	it->version = sqlite3_column_int64(q, 18);
	it->updated_at = text(q, 19);
	*item = it;
	return 1;
}

void
store_calendar_close(struct store_calendar *c)
{
	if (c == NULL)
		return;
	sqlite3_reset(c->q);
	free(c);
}

int
store_database_id(struct store *st, char **id, struct err *e)
{
	static const char sql[] =
	    "SELECT value FROM meta WHERE key = 'database_id'";
	sqlite3_stmt *q = db_prepare(st->db, sql, e);
	int rc;

	*id = NULL;
	if (q == NULL || (rc = db_step(st->db, q, e)) < 0)
		return -1;
	if (rc == 1)
		*id = db_column_dup(q, 0);
	sqlite3_reset(q);
	if (*id == NULL)
		return err_set(e, ERR_CORRUPT, "the database has no identity "
		    "(meta.database_id): `coopcom check` looks for damage");
	return 0;
}
