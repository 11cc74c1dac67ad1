/*
 * period.c: the facts of a progress report's period (see period.h).
 *
 * Three queries, each giving its rows' group first (key and label) so
 * that one function reads the group of any of them. A recommendation's
 * due date and "done on" date are priv.h's, as in the timeline.
 */
#include <stdlib.h>
#include <string.h>

#include "coopcom/store/calendar.h"
#include "coopcom/store/period.h"
#include "coopcom/store/priv.h"
#include "coopcom/util/xalloc.h"

#define GROUP(theme) "CASE WHEN :by_theme THEN " theme " ELSE c.code || " \
	"' ' || coalesce(s.code, '') END, CASE WHEN :by_theme THEN " theme \
	" WHEN s.id IS NULL THEN c.code || ' ' || c.name || ' (the whole " \
	"commission)' ELSE c.code || '-' || s.code || ' ' || s.name END"
#define REC_FROM "FROM recommendation r JOIN subgroup s ON s.id = " \
	"r.subgroup_id JOIN commission c ON c.id = s.commission_id "
#define SCOPE "(:cid IS NULL OR c.id = :cid)"
#define UPDATE_DAY "substr(u.at, 1, 10)"

static const char items_sql[] = "SELECT * FROM (SELECT "
    GROUP("CASE WHEN m.theme <> '' THEN m.theme ELSE coalesce(s.theme, '') "
    "END") " AS k, 1 AS milestone, m.id AS id, '', m.title, m.timescale, "
    "m.earliest AS earliest, m.latest AS latest, NULL, NULL, m.done_on, "
    "m.state = 'done', m.state = 'cancelled', NULL, NULL, m.state FROM "
    "milestone m LEFT JOIN subgroup s ON s.id = m.subgroup_id JOIN "
    "commission c ON c.id = coalesce(m.commission_id, s.commission_id) "
    "WHERE m.archived = 0 AND " SCOPE " AND m.earliest IS NOT NULL AND "
    "((m.earliest <= :to AND (m.latest >= :from OR m.state = 'planned' OR "
    "m.done_on >= :from)) OR m.done_on BETWEEN :from AND :to) "
    "UNION ALL SELECT " GROUP("s.theme") ", 0, r.id, r.ref, r.title, '', "
    REC_DUE ", " REC_DUE ", r.target_date, r.revised_date, " REC_DONE_ON
    ", r.actual_date IS NOT NULL OR " REC_IN_SET(":delivered") ", "
    "r.actual_date IS NULL AND " REC_IN_SET(":dropped") ", (SELECT max("
    UPDATE_DAY ") FROM progress_update u WHERE u.recommendation_id = r.id "
    "AND " UPDATE_DAY " <= :as_at), p.name, r.stage " REC_FROM "LEFT JOIN "
    "person p ON p.id = r.responsible_id WHERE r.archived = 0 AND " SCOPE
    " AND " REC_DUE " IS NOT NULL AND ((" REC_DUE " <= :to AND (" REC_DUE
    " >= :from OR " REC_DONE_ON " IS NULL OR " REC_DONE_ON " >= :from)) OR "
    REC_DONE_ON " BETWEEN :from AND :to)) ORDER BY k, earliest, latest, "
    "milestone DESC, id";

static const char moves_sql[] = "SELECT " GROUP("s.theme") ", r.id, "
    "r.ref, r.title, a.at, coalesce(p.name, a.login), "
    "json_extract(a.changes, '$.stage[0]'), json_extract(a.changes, "
    "'$.stage[1]'), a.note FROM audit a JOIN recommendation r ON r.id = "
    "a.entity_id JOIN subgroup s ON s.id = r.subgroup_id JOIN commission "
    "c ON c.id = s.commission_id LEFT JOIN person p ON p.id = a.person_id "
    "WHERE a.entity = 'recommendation' AND json_type(a.changes, '$.stage') "
    "= 'array' AND substr(a.at, 1, 10) BETWEEN :from AND :to AND " SCOPE
    " ORDER BY 1, a.at, a.id";

static const char silences_sql[] = "SELECT " GROUP("s.theme") ", p.id, "
    "p.name, r.id, r.ref, r.title, (SELECT max(" UPDATE_DAY ") FROM "
    "progress_update u WHERE u.recommendation_id = r.id AND " UPDATE_DAY
    " <= :to) " REC_FROM "JOIN person p ON p.id = r.responsible_id WHERE "
    "r.archived = 0 AND " SCOPE " AND " REC_IN_SET(":delivery") " AND ("
    REC_DONE_ON " IS NULL OR " REC_DONE_ON " >= :from) AND NOT EXISTS "
    "(SELECT 1 FROM progress_update u WHERE u.recommendation_id = r.id AND "
    UPDATE_DAY " BETWEEN :from AND :to) ORDER BY 1, p.name, p.id, "
    "length(r.ref), r.ref";

/* Binds whichever of the scope's parameters the statement has. */
static void
bind(struct store *st, sqlite3_stmt *q, const struct period_scope *sc)
{
	static const enum store_stage_set sets[] = { STAGES_DELIVERY,
		STAGES_DELIVERED, STAGES_DROPPED };
	static const char *const names[] = { ":delivery", ":delivered",
		":dropped" };
	char *set;
	size_t i;

	for (i = 0; i < sizeof sets / sizeof sets[0]; i++) {
		if (sqlite3_bind_parameter_index(q, names[i]) == 0)
			continue;
		set = store_stage_set(st, sets[i]);
		db_bind_text(q, names[i], set);
		free(set);
	}
	if (sc->commission_id != 0)
		db_bind_int(q, ":cid", sc->commission_id);
	db_bind_int(q, ":by_theme", sc->by_theme);
	db_bind_text(q, ":from", sc->from);
	db_bind_text(q, ":to", sc->to);
	if (sqlite3_bind_parameter_index(q, ":as_at") != 0)
		db_bind_text(q, ":as_at", sc->as_at);
}

/* Column I's text, copied; "" for NULL. */
static char *
dup(sqlite3_stmt *q, int i)
{
	char *s = db_column_dup(q, i);

	return s != NULL ? s : x_strdup("");
}

static void
read_group(sqlite3_stmt *q, struct period_group *g)
{
	g->key = dup(q, 0);
	g->label = dup(q, 1);
}

static void
free_group(struct period_group *g)
{
	free(g->key);
	free(g->label);
}

static void
read_item(sqlite3_stmt *q, void *row)
{
	struct period_item *it = row;

	read_group(q, &it->group);
	it->milestone = sqlite3_column_int(q, 2) != 0;
	it->id = sqlite3_column_int64(q, 3);
	it->ref = dup(q, 4);
	it->title = dup(q, 5);
	it->timescale = dup(q, 6);
	it->earliest = dup(q, 7);
	it->latest = dup(q, 8);
	it->target = db_column_dup(q, 9);
	it->revised = db_column_dup(q, 10);
	it->done_on = db_column_dup(q, 11);
	it->done = sqlite3_column_int(q, 12) != 0;
	it->cancelled = sqlite3_column_int(q, 13) != 0;
	it->last_update = db_column_dup(q, 14);
	it->responsible = db_column_dup(q, 15);
	it->state = dup(q, 16);
}

static void
read_move(sqlite3_stmt *q, void *row)
{
	struct period_move *m = row;

	read_group(q, &m->group);
	m->id = sqlite3_column_int64(q, 2);
	m->ref = dup(q, 3);
	m->title = dup(q, 4);
	m->at = dup(q, 5);
	m->who = dup(q, 6);
	m->from = dup(q, 7);
	m->to = dup(q, 8);
	m->note = dup(q, 9);
}

static void
read_silence(sqlite3_stmt *q, void *row)
{
	struct period_silence *s = row;

	read_group(q, &s->group);
	s->person_id = sqlite3_column_int64(q, 2);
	s->person = dup(q, 3);
	s->id = sqlite3_column_int64(q, 4);
	s->ref = dup(q, 5);
	s->title = dup(q, 6);
	s->last_update = db_column_dup(q, 7);
}

/*
 * Runs SQL and appends each row, read by READ, to the array at *ROWS
 * (elements of SIZE bytes, *N of them).
 */
static int
load(struct store *st, const char *sql, const struct period_scope *sc,
    void **rows, size_t *n, size_t size, void (*read)(sqlite3_stmt *, void *),
    struct err *e)
{
	sqlite3_stmt *q = db_prepare(st->db, sql, e);
	size_t cap = 0;
	int rc;

	if (q == NULL)
		return -1;
	bind(st, q, sc);
	while ((rc = db_step(st->db, q, e)) == 1) {
		*rows = x_grow(*rows, &cap, *n + 1, size);
		memset((char *)*rows + *n * size, 0, size);
		read(q, (char *)*rows + (*n)++ * size);
	}
	sqlite3_reset(q);
	return rc;
}

int
store_period_load(struct store *st, const struct period_scope *scope,
    struct period *p, struct err *e)
{
	memset(p, 0, sizeof *p);
	if (load(st, items_sql, scope, (void **)&p->items, &p->nitems,
	    sizeof p->items[0], read_item, e) < 0 ||
	    load(st, moves_sql, scope, (void **)&p->moves, &p->nmoves,
	    sizeof p->moves[0], read_move, e) < 0 ||
	    load(st, silences_sql, scope, (void **)&p->silences,
	    &p->nsilences, sizeof p->silences[0], read_silence, e) < 0) {
		store_period_free(p);
		return -1;
	}
	return 0;
}

void
store_period_free(struct period *p)
{
	size_t i;

	for (i = 0; i < p->nitems; i++) {
		struct period_item *it = &p->items[i];

		free_group(&it->group);
		free(it->ref);
		free(it->title);
		free(it->timescale);
		free(it->earliest);
		free(it->latest);
		free(it->target);
		free(it->revised);
		free(it->done_on);
		free(it->last_update);
		free(it->responsible);
		free(it->state);
	}
	for (i = 0; i < p->nmoves; i++) {
		free_group(&p->moves[i].group);
		free(p->moves[i].ref);
		free(p->moves[i].title);
		free(p->moves[i].at);
		free(p->moves[i].who);
		free(p->moves[i].from);
		free(p->moves[i].to);
		free(p->moves[i].note);
	}
	for (i = 0; i < p->nsilences; i++) {
		free_group(&p->silences[i].group);
		free(p->silences[i].person);
		free(p->silences[i].ref);
		free(p->silences[i].title);
		free(p->silences[i].last_update);
	}
	free(p->items);
	free(p->moves);
	free(p->silences);
	memset(p, 0, sizeof *p);
}
