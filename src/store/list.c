/*
 * list.c: the named lists (see list.h).
 *
 * Filters are bound parameters that are NULL when unused ("(:x IS NULL OR
 * col = :x)"), so each list is one cached statement whatever the filter.
 */
#include <stdlib.h>
#include <string.h>

#include "coopcom/store/list.h"
#include "coopcom/store/priv.h"
#include "coopcom/util/xalloc.h"

struct list_def {
	const char *name;
	const char *columns[16];
	const char *sql;
};

/*
 * "SELECT count(*) FROM (sql)" per list, made on first use, without the
 * list's ORDER BY and LIMIT: with them SQLite would compute every column
 * of every row and sort them all just to count them; without them it
 * flattens the query and reads only what the WHERE needs.
 */
static char *count_sql[16];

#define PAGE " LIMIT :limit OFFSET :offset"
/* :finals, :sg_stages ... are ",id,id," sets made from the workflow. */
#define NOT_FINAL "instr(:finals, ',' || r.stage || ',') = 0"
#define MY_SUBGROUPS "(SELECT subgroup_id FROM subgroup_member WHERE " \
	"person_id = :me AND left_on IS NULL)"
/* The sub-groups a list is narrowed to, as a set the recommendations'
 * index on subgroup_id can look up (an "(:x IS NULL OR ...)" on the
 * joined tables would make SQLite read every recommendation). */
#define IN_SCOPE "(SELECT id FROM subgroup WHERE (:cid IS NULL OR " \
	"commission_id = :cid) AND (:sgid IS NULL OR id = :sgid))"
#define I_AM_ADMIN "coalesce((SELECT is_admin FROM person WHERE id = :me), 0)"

static const struct list_def lists[] = {
	{ "commissions", { "id", "code", "name", "kind", "established",
	    "report_due", "subgroups", NULL },
	    "SELECT c.id, c.code, c.name, c.kind, c.established, c.report_due, "
	    "(SELECT count(*) FROM subgroup s WHERE s.commission_id = c.id AND "
	    "s.archived = 0) FROM commission c WHERE (:archived OR "
	    "c.archived = 0) AND (:cid IS NULL OR c.id = :cid) "
	    "ORDER BY c.kind = 'citizens_group', c.name" PAGE },
	{ "subgroups", { "id", "commission", "code", "name", "theme", "chair",
	    "members", "recommendations", NULL },
	    "SELECT s.id, c.code, s.code, s.name, s.theme, (SELECT p.login "
	    "FROM subgroup_member m JOIN person p ON p.id = m.person_id WHERE "
	    "m.subgroup_id = s.id AND m.role = 'chair' AND m.left_on IS NULL), "
	    "(SELECT count(*) FROM subgroup_member m WHERE m.subgroup_id = s.id "
	    "AND m.left_on IS NULL), (SELECT count(*) FROM recommendation r "
	    "WHERE r.subgroup_id = s.id AND r.archived = 0) FROM subgroup s "
	    "JOIN commission c ON c.id = s.commission_id WHERE (:archived OR "
	    "s.archived = 0) AND (:cid IS NULL OR c.id = :cid) AND (:sgid IS "
	    "NULL OR s.id = :sgid) ORDER BY c.code, s.code" PAGE },
	{ "recommendations", { "id", "ref", "title", "commission", "subgroup",
	    "stage", "term", "savings_pence", "upfront_cost_pence", "target",
	    NULL },
	    "SELECT r.id, r.ref, r.title, c.code, s.code, r.stage, r.term, "
	    "r.savings_pence, r.upfront_cost_pence, r.target_date FROM "
	    "recommendation r JOIN subgroup s ON s.id = r.subgroup_id JOIN "
	    "commission c ON c.id = s.commission_id WHERE (:archived OR "
	    "r.archived = 0) AND r.subgroup_id IN " IN_SCOPE " "
	    "AND (:stage IS NULL OR r.stage = :stage) "
	    "AND (:term IS NULL OR r.term = :term) AND (NOT :overdue OR "
	    "(r.target_date < :today AND " NOT_FINAL ")) AND (NOT :mine OR "
	    "r.created_by = :me OR s.id IN " MY_SUBGROUPS ") "
	    "AND (:search IS NULL OR r.id IN (SELECT rowid FROM "
	    "recommendation_fts WHERE recommendation_fts MATCH :search)) "
	    "ORDER BY c.code, s.code, length(r.ref), r.ref" PAGE },
	{ "mywork", { "id", "ref", "title", "commission", "subgroup", "stage",
	    "target", "why", NULL },
	    "SELECT id, ref, title, commission, subgroup, stage, target, "
	    "substr(coalesce('; ' || work, '') || coalesce('; ' || decide, '') "
	    "|| coalesce('; ' || late, ''), 3) FROM (SELECT r.id AS id, r.ref "
	    "AS ref, r.title AS title, c.code AS commission, s.code AS "
	    "subgroup, r.stage AS stage, r.target_date AS target, CASE WHEN "
	    "instr(:sg_stages, ',' || r.stage || ',') > 0 AND s.id IN "
	    MY_SUBGROUPS " THEN CASE r.stage WHEN 'referred_back' THEN "
	    "'referred back to your sub-group ' || s.code ELSE "
	    "replace(r.stage, '_', ' ') || ' in your sub-group ' || s.code END "
	    "END AS work, coalesce((SELECT 'awaiting your decision (' || "
	    "m.role || ' of ' || c.code || ')' FROM commission_member m WHERE "
	    "m.commission_id = c.id AND m.person_id = :me AND "
	    "m.left_on IS NULL AND ((m.role = 'secretary' AND "
	    "instr(:sec_stages, ',' || r.stage || ',') > 0) OR (m.role = "
	    "'chair' AND instr(:chair_stages, ',' || r.stage || ',') > 0))), "
	    "CASE WHEN instr(:admin_stages, ',' || "
	    "r.stage || ',') > 0 AND " I_AM_ADMIN " THEN 'awaiting your "
	    "decision (admin)' END) AS decide, CASE WHEN "
	    "r.target_date < :today AND " NOT_FINAL " AND (" I_AM_ADMIN " OR "
	    "s.id IN " MY_SUBGROUPS " OR c.id IN (SELECT commission_id FROM "
	    "commission_member WHERE person_id = :me AND left_on IS NULL AND "
	    "role IN ('secretary', 'chair'))) THEN 'overdue since ' || "
	    "r.target_date END AS late FROM recommendation r JOIN subgroup s "
	    "ON s.id = r.subgroup_id JOIN commission c ON c.id = "
	    "s.commission_id WHERE (:archived OR r.archived = 0) AND (:cid IS "
	    "NULL OR c.id = :cid)) WHERE coalesce(work, decide, late) IS NOT "
	    "NULL ORDER BY late IS NULL, stage <> 'referred_back', decide IS "
	    "NULL, commission, length(ref), ref" PAGE },
	{ "milestones", { "id", "commission", "subgroup", "theme", "title",
	    "timescale", "earliest", "latest", "dating", "status", "state",
	    NULL },
	    "SELECT m.id, coalesce(c.code, c2.code), s.code, m.theme, m.title, "
	    "m.timescale, m.earliest, m.latest, m.dating, m.status, m.state "
	    "FROM milestone m LEFT JOIN subgroup s ON s.id = m.subgroup_id "
	    "LEFT JOIN commission c ON c.id = m.commission_id LEFT JOIN "
	    "commission c2 ON c2.id = s.commission_id WHERE (:archived OR "
	    "m.archived = 0) AND (:cid IS NULL OR coalesce(m.commission_id, "
	    "s.commission_id) = :cid) AND (:sgid IS NULL OR m.subgroup_id = "
	    ":sgid) ORDER BY m.earliest IS NULL, m.earliest, m.latest, m.id"
	    PAGE },
	{ "people", { "id", "login", "name", "organisation", "kind", "admin",
	    NULL },
	    "SELECT p.id, p.login, p.name, p.organisation, p.kind, p.is_admin "
	    "FROM person p WHERE (:archived OR p.archived = 0) AND (:cid IS "
	    "NULL OR p.id IN (SELECT person_id FROM commission_member WHERE "
	    "commission_id = :cid AND left_on IS NULL UNION SELECT m.person_id "
	    "FROM subgroup_member m JOIN subgroup s ON s.id = m.subgroup_id "
	    "WHERE s.commission_id = :cid AND m.left_on IS NULL)) AND (:sgid IS "
	    "NULL OR p.id IN (SELECT person_id FROM subgroup_member WHERE "
	    "subgroup_id = :sgid AND left_on IS NULL)) ORDER BY p.name" PAGE },
	{ "members", { "id", "commission", "subgroup", "login", "name", "role",
	    "joined", "left", NULL },
	    "SELECT m.id, c.code, NULL, p.login, p.name, m.role, m.joined_on, "
	    "m.left_on FROM commission_member m JOIN commission c ON c.id = "
	    "m.commission_id JOIN person p ON p.id = m.person_id WHERE "
	    "(:archived OR m.left_on IS NULL) AND (:cid IS NULL OR c.id = :cid) "
	    "AND (:pid IS NULL OR p.id = :pid) AND :sgid IS NULL UNION ALL "
	    "SELECT m.id, c.code, s.code, p.login, p.name, m.role, "
	    "m.joined_on, m.left_on FROM subgroup_member m "
	    "JOIN subgroup s ON s.id = m.subgroup_id JOIN commission c ON c.id "
	    "= s.commission_id JOIN person p ON p.id = m.person_id WHERE "
	    "(:archived OR m.left_on IS NULL) AND (:cid IS NULL OR c.id = :cid) "
	    "AND (:sgid IS NULL OR s.id = :sgid) AND (:pid IS NULL OR p.id = "
	    ":pid) ORDER BY 2, 3, 6, 5" PAGE },
	{ "engagement", { "id", "commission", "subgroup", "date", "method",
	    "audience", "reach", NULL },
	    "SELECT x.id, c.code, s.code, x.held_on, x.method, x.audience, "
	    "x.reach FROM engagement x JOIN subgroup s ON s.id = x.subgroup_id "
	    "JOIN commission c ON c.id = s.commission_id WHERE (:archived OR "
	    "x.archived = 0) AND (:cid IS NULL OR c.id = :cid) AND (:sgid IS "
	    "NULL OR s.id = :sgid) ORDER BY x.held_on, x.id" PAGE },
	{ "meetings", { "id", "body", "commission", "subgroup", "date",
	    "title", "place", NULL },
	    "SELECT m.id, m.body, coalesce(c.code, c2.code), s.code, "
	    "m.held_on, m.title, m.place FROM meeting m LEFT JOIN subgroup s "
	    "ON s.id = m.subgroup_id LEFT JOIN commission c ON c.id = "
	    "m.commission_id LEFT JOIN commission c2 ON c2.id = "
	    "s.commission_id WHERE (:archived OR m.archived = 0) AND (:cid IS "
	    "NULL OR coalesce(m.commission_id, s.commission_id) = :cid) AND "
	    "(:sgid IS NULL OR m.subgroup_id = :sgid) ORDER BY m.held_on, m.id"
	    PAGE },
	{ "history", { "id", "at", "login", "name", "action", "changes",
	    "note", "meeting", "decision", "from_stage", "to_stage", "fields",
	    "body", "held", NULL },
	    "SELECT a.id, a.at, a.login, p.name, a.action, a.changes, a.note, "
	    "m.held_on || ' ' || m.body || coalesce(': ' || nullif(m.title, "
	    "''), ''), d.outcome, json_extract(a.changes, '$.stage[0]'), "
	    "json_extract(a.changes, '$.stage[1]'), (SELECT group_concat(key, "
	    "',') FROM json_each(a.changes)), m.body, m.held_on FROM audit a "
	    "LEFT JOIN person p ON p.id = a.person_id LEFT JOIN decision d ON "
	    "d.id = a.decision_id LEFT "
	    "JOIN meeting m ON m.id = d.meeting_id WHERE a.entity = "
	    "'recommendation' AND a.entity_id = :rid AND :archived >= 0 "
	    "ORDER BY a.id" PAGE },
	{ "attendance", { "meeting", "date", "body", "login", "name", "status",
	    NULL },
	    "SELECT m.id, m.held_on, m.body, p.login, p.name, a.status FROM "
	    "attendance a JOIN meeting m ON m.id = a.meeting_id JOIN person p "
	    "ON p.id = a.person_id WHERE (:rid IS NULL OR m.id = :rid) AND "
	    ":archived >= 0 ORDER BY m.held_on, m.id, a.status, p.name" PAGE },
	/* :awaiting is ",body:stage," for each stage a body decides from. */
	{ "agenda", { "id", "ref", "title", "subgroup", "stage", "term",
	    "savings_pence", "upfront_cost_pence", "decision", "for",
	    "against", "abstain", "reason", "actions", "version", NULL },
	    "SELECT r.id, r.ref, r.title, s.code, r.stage, r.term, "
	    "r.savings_pence, r.upfront_cost_pence, d.outcome, d.votes_for, "
	    "d.votes_against, d.votes_abstain, d.reason, d.actions, r.version "
	    "FROM meeting m JOIN recommendation r JOIN subgroup s ON s.id = "
	    "r.subgroup_id LEFT JOIN decision d ON d.id = (SELECT max(x.id) "
	    "FROM decision x WHERE x.meeting_id = m.id AND "
	    "x.recommendation_id = r.id) WHERE m.id = :rid AND r.archived = 0 "
	    "AND :archived >= 0 AND (m.body = 'citizens_group' OR "
	    "s.commission_id = coalesce(m.commission_id, (SELECT "
	    "commission_id FROM subgroup WHERE id = m.subgroup_id), "
	    "s.commission_id)) AND (m.subgroup_id IS NULL OR r.subgroup_id = "
	    "m.subgroup_id) AND (instr(:awaiting, ',' || m.body || ':' || "
	    "r.stage || ',') > 0 OR d.id IS NOT NULL) ORDER BY s.code, "
	    "length(r.ref), r.ref" PAGE },
	{ "decisions", { "id", "meeting", "date", "body", "ref", "title",
	    "decision", "for", "against", "abstain", "reason", "actions",
	    NULL },
	    "SELECT d.id, m.id, m.held_on, m.body, r.ref, r.title, d.outcome, "
	    "d.votes_for, d.votes_against, d.votes_abstain, d.reason, "
	    "d.actions FROM decision d JOIN meeting m ON m.id = d.meeting_id "
	    "LEFT JOIN recommendation r ON r.id = d.recommendation_id LEFT "
	    "JOIN subgroup s ON s.id = m.subgroup_id WHERE (:rid IS NULL OR "
	    "m.id = :rid) AND (:cid IS NULL OR coalesce(m.commission_id, "
	    "s.commission_id) = :cid) AND :archived >= 0 ORDER BY m.held_on, "
	    "m.id, d.id" PAGE },
};

#define NLISTS (sizeof lists / sizeof lists[0])
_Static_assert(NLISTS <= sizeof count_sql / sizeof count_sql[0],
    "count_sql has a slot per list");

const char *const store_list_names[] = { "commissions", "subgroups",
	"recommendations", "milestones", "people", "members", "engagement",
	"meetings", "history", "mywork", "attendance", "agenda", "decisions",
	NULL };

struct store_cursor {
	struct store *st;
	const struct list_def *def;
	sqlite3_stmt *stmt;
	size_t ncolumns;
};

/* The last occurrence of NEEDLE in S, which has one. */
static const char *
strrstr(const char *s, const char *needle)
{
	const char *last = NULL, *p;

	for (p = s; (p = strstr(p, needle)) != NULL; p++)
		last = p;
	if (last == NULL)
		fatal("a list query without %s", needle);
	return last;
}

static const struct list_def *
find_list(const char *name)
{
	size_t i;

	for (i = 0; i < NLISTS; i++)
		if (strcmp(lists[i].name, name) == 0)
			return &lists[i];
	return NULL;
}

static void
bind_if(sqlite3_stmt *q, const char *name, int64_t id)
{
	if (sqlite3_bind_parameter_index(q, name) > 0 && id != 0)
		db_bind_int(q, name, id);
}

/* Words typed into a search box as an FTS5 prefix query: "lib" "open"*. */
static char *
fts_query(const char *words)
{
	struct buf b;
	const char *p = words, *start;

	buf_init(&b);
	while (*p) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '\0')
			break;
		for (start = p; *p && *p != ' ' && *p != '\t'; p++)
			;
		buf_addc(&b, '"');
		for (; start < p; start++) {
			if (*start == '"')
				buf_addc(&b, '"');
			buf_addc(&b, *start);
		}
		buf_add(&b, "\"* ");
	}
	if (b.len == 0) {
		buf_done(&b);
		return NULL;
	}
	return buf_steal(&b);
}

enum stage_set { SET_FINAL, SET_SUBGROUP, SET_SECRETARY, SET_CHAIR,
	SET_ADMIN, SET_AWAITING };

/* The roles that may move a recommendation on from stage ID. */
static unsigned
movers(const struct workflow *wf, const char *id)
{
	const struct workflow_transition *t = NULL;
	unsigned roles = 0;

	while ((t = workflow_transitions_from(wf, id, t)) != NULL)
		roles |= t->roles;
	return roles;
}

/*
 * A set of stages as ",id,id," for instr() in SQL, from the workflow, so
 * "my work" follows a council's own stages. The sub-group's stages are
 * those it edits or moves on; the others that are not final wait for the
 * commission, and are someone's decision when their role may move them.
 */
static char *
stage_set(const struct workflow *wf, enum stage_set which)
{
	static const enum workflow_role decider[] = {
		[SET_SECRETARY] = WORKFLOW_ROLE_SECRETARY,
		[SET_CHAIR] = WORKFLOW_ROLE_COMMISSION_CHAIR,
		[SET_ADMIN] = WORKFLOW_ROLE_ADMIN,
	};
	const unsigned sg = WORKFLOW_ROLE_BIT(WORKFLOW_ROLE_SUBGROUP_CHAIR) |
	    WORKFLOW_ROLE_BIT(WORKFLOW_ROLE_SUBGROUP_MEMBER);
	const struct workflow_stage *s;
	struct buf b;
	unsigned roles;
	bool subgroup, in;
	size_t i;

	buf_init(&b);
	buf_addc(&b, ',');
	for (i = 0; wf != NULL && i < wf->nstages; i++) {
		s = &wf->stages[i];
		roles = movers(wf, s->id);
		subgroup = !s->final && (s->editable || (roles & sg));
		if (which == SET_FINAL)
			in = s->final;
		else if (which == SET_SUBGROUP)
			in = subgroup;
		else
			in = !s->final && !subgroup &&
			    (roles & WORKFLOW_ROLE_BIT(decider[which]));
		if (in) {
			buf_add(&b, s->id);
			buf_addc(&b, ',');
		}
	}
	return buf_steal(&b);
}

/*
 * The stages each meeting body takes items from, as ",body:stage,": those
 * it decides a move from, and for a sub-group or the Citizens' Group
 * those its members move on themselves.
 */
static char *
awaiting_set(const struct workflow *wf)
{
	const unsigned sg = WORKFLOW_ROLE_BIT(WORKFLOW_ROLE_SUBGROUP_CHAIR) |
	    WORKFLOW_ROLE_BIT(WORKFLOW_ROLE_SUBGROUP_MEMBER);
	const unsigned cg = WORKFLOW_ROLE_BIT(WORKFLOW_ROLE_CITIZENS_REP);
	const struct workflow_transition *t;
	struct buf b;
	size_t i, k;

	buf_init(&b);
	buf_addc(&b, ',');
	for (i = 0; wf != NULL && i < wf->ntransitions; i++) {
		t = &wf->transitions[i];
		for (k = 0; k < t->nfrom; k++) {
			if (t->decision_body != NULL)
				buf_printf(&b, "%s:%s,", t->decision_body,
				    t->from[k]);
			if (t->roles & sg)
				buf_printf(&b, "subgroup:%s,", t->from[k]);
			if (t->roles & cg)
				buf_printf(&b, "citizens_group:%s,",
				    t->from[k]);
		}
	}
	return buf_steal(&b);
}

static void
bind_set(struct store *st, sqlite3_stmt *q, const char *name,
    enum stage_set which)
{
	char *set;

	if (sqlite3_bind_parameter_index(q, name) == 0)
		return;
	set = which == SET_AWAITING ? awaiting_set(st->workflow) :
	    stage_set(st->workflow, which);
	db_bind_text(q, name, set);
	free(set);
}

/* What only some lists ask for: the person, today, stage sets, flags. */
static void
bind_work(struct store *st, sqlite3_stmt *q, const struct list_filter *f)
{
	char today[11];

	bind_if(q, ":me", f->person ? f->person : st->me.id);
	bind_if(q, ":pid", f->person);
	if (sqlite3_bind_parameter_index(q, ":today") > 0) {
		store_today(today);
		db_bind_text(q, ":today", today);
	}
	if (sqlite3_bind_parameter_index(q, ":overdue") > 0) {
		db_bind_int(q, ":overdue", f->overdue);
		db_bind_int(q, ":mine", f->mine);
		db_bind_text(q, ":term", f->term);
	}
	bind_set(st, q, ":finals", SET_FINAL);
	bind_set(st, q, ":sg_stages", SET_SUBGROUP);
	bind_set(st, q, ":sec_stages", SET_SECRETARY);
	bind_set(st, q, ":chair_stages", SET_CHAIR);
	bind_set(st, q, ":admin_stages", SET_ADMIN);
	bind_set(st, q, ":awaiting", SET_AWAITING);
}

static int
bind_filter(struct store *st, sqlite3_stmt *q, const struct list_filter *f,
    struct err *e)
{
	int64_t cid = f->commission_id, sgid = f->subgroup_id;
	char *match;

	if (f->commission && store_resolve(st, ENT_COMMISSION, f->commission,
	    &cid, e) < 0)
		return -1;
	if (f->subgroup && store_resolve(st, ENT_SUBGROUP, f->subgroup, &sgid,
	    e) < 0)
		return -1;
	db_bind_int(q, ":archived", f->archived);
	bind_if(q, ":cid", cid);
	bind_if(q, ":sgid", sgid);
	bind_if(q, ":rid", f->record);
	if (sqlite3_bind_parameter_index(q, ":stage") > 0)
		db_bind_text(q, ":stage", f->stage);
	if (sqlite3_bind_parameter_index(q, ":search") > 0 && f->search) {
		match = fts_query(f->search);
		db_bind_text(q, ":search", match);
		free(match);
	}
	bind_work(st, q, f);
	if (sqlite3_bind_parameter_index(q, ":limit") > 0) {
		db_bind_int(q, ":limit", f->limit > 0 ? f->limit : -1);
		db_bind_int(q, ":offset", f->offset);
	}
	return 0;
}

/* Names every list, from store_list_names, so a new one is never left out. */
static int
no_list(const char *name, struct err *e)
{
	struct buf all;
	size_t i;

	buf_init(&all);
	for (i = 0; store_list_names[i] != NULL; i++)
		buf_printf(&all, "%s%s", i ? ", " : "", store_list_names[i]);
	err_set(e, ERR_INVALID, "there is no list \"%s\" (lists: %s)", name,
	    buf_str(&all));
	buf_done(&all);
	return -1;
}

int
store_list_open(struct store *st, const char *name,
    const struct list_filter *f, struct store_cursor **out, struct err *e)
{
	const struct list_def *def = find_list(name);
	struct store_cursor *c;
	sqlite3_stmt *q;

	*out = NULL;
	if (def == NULL)
		return no_list(name, e);
	if ((q = db_prepare(st->db, def->sql, e)) == NULL ||
	    bind_filter(st, q, f, e) < 0)
		return -1;
	c = x_calloc(1, sizeof *c);
	c->st = st;
	c->def = def;
	c->stmt = q;
	while (def->columns[c->ncolumns] != NULL)
		c->ncolumns++;
	*out = c;
	return 0;
}

int
store_list_count(struct store *st, const char *name,
    const struct list_filter *f, int64_t *n, struct err *e)
{
	const struct list_def *def = find_list(name);
	struct list_filter all = *f;
	sqlite3_stmt *q;
	size_t i;
	int rc;

	if (def == NULL)
		return no_list(name, e);
	i = (size_t)(def - lists);
	if (count_sql[i] == NULL)
		count_sql[i] = x_printf("SELECT count(*) FROM (%.*s)",
		    (int)(strrstr(def->sql, " ORDER BY ") - def->sql),
		    def->sql);
	all.limit = 0;
	all.offset = 0;
	if ((q = db_prepare(st->db, count_sql[i], e)) == NULL ||
	    bind_filter(st, q, &all, e) < 0)
		return -1;
	if ((rc = db_step(st->db, q, e)) == 1) {
		*n = sqlite3_column_int64(q, 0);
		sqlite3_reset(q);
	}
	return rc < 0 ? -1 : 0;
}

const char *const *
store_cursor_columns(const struct store_cursor *c, size_t *n)
{
	*n = c->ncolumns;
	return c->def->columns;
}

size_t
store_cursor_column(const struct store_cursor *c, const char *name)
{
	size_t i;

	for (i = 0; i < c->ncolumns; i++)
		if (strcmp(c->def->columns[i], name) == 0)
			return i;
	fatal("list %s has no column %s", c->def->name, name);
}

int
store_cursor_next(struct store_cursor *c, struct err *e)
{
	return db_step(c->st->db, c->stmt, e);
}

const char *
store_cursor_text(struct store_cursor *c, size_t i)
{
	return (const char *)sqlite3_column_text(c->stmt, (int)i);
}

enum cell_type
store_cursor_type(struct store_cursor *c, size_t i)
{
	switch (sqlite3_column_type(c->stmt, (int)i)) {
	case SQLITE_NULL:
		return CELL_NULL;
	case SQLITE_INTEGER:
		return CELL_INT;
	default:
		return CELL_TEXT;
	}
}

void
store_cursor_close(struct store_cursor *c)
{
	if (c == NULL)
		return;
	sqlite3_reset(c->stmt);
	free(c);
}
