/*
 * list.c: the named lists (see list.h).
 *
 * Filters are bound parameters that are NULL when unused ("(:x IS NULL OR
 * col = :x)"), so each list is one cached statement whatever the filter.
 * Where no one statement can be served by an index under every filter
 * (the audit's million entries, recommendations stuck longest first),
 * the list has versions, "name:variant", and the filter picks one.
 */
#include <ctype.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "coopcom/core/date.h"
#include "coopcom/store/list.h"
#include "coopcom/store/priv.h"
#include "coopcom/util/xalloc.h"

struct list_def {
	const char *name;
	const char *columns[20];
	const char *sql;
};

#define PAGE " LIMIT :limit OFFSET :offset"
/* How long the reader (store_list_open_kept) waits for a lock: only a
 * checkpoint or recovery in another process holds one against readers. */
#define READER_BUSY_MS 5000
/* :finals, :sg_stages ... are ",id,id," sets made from the workflow. */
#define NOT_FINAL "instr(:finals, ',' || r.stage || ',') = 0"
#define MY_SUBGROUPS "(SELECT subgroup_id FROM subgroup_member WHERE " \
	"person_id = :me AND left_on IS NULL)"
/* The sub-groups a list is narrowed to, as a set the recommendations'
 * index on subgroup_id can look up (an "(:x IS NULL OR ...)" on the
 * joined tables would make SQLite read every recommendation). */
#define IN_SCOPE "(SELECT id FROM subgroup WHERE (:cid IS NULL OR " \
	"commission_id = :cid) AND (:sgid IS NULL OR id = :sgid))"
/* One person's memberships, tested on each membership row before its
 * sub-group, commission and person are looked up (as "p.id = :pid" was
 * not): the status line reads them at every start. */
#define ONE_PERSON "(:pid IS NULL OR m.person_id IN (SELECT :pid))"
#define I_AM_ADMIN "coalesce((SELECT is_admin FROM person WHERE id = :me), 0)"
/* Whole days since the stage was entered (stage_since is a UTC time). */
#define DAYS_IN_STAGE "CAST(max(0, julianday(:today) - " \
	"julianday(substr(r.stage_since, 1, 10))) AS INTEGER)"
#define RECS_COLUMNS { "id", "ref", "title", "commission", "subgroup", \
	"stage", "term", "savings_pence", "upfront_cost_pence", "target", \
	"days_in_stage", "due", NULL }
#define RECS_SELECT "SELECT r.id, r.ref, r.title, c.code, s.code, " \
	"r.stage, r.term, r.savings_pence, r.upfront_cost_pence, " \
	"r.target_date, " DAYS_IN_STAGE ", " REC_DUE
#define RECS_FROM " FROM recommendation r JOIN subgroup s ON s.id = " \
	"r.subgroup_id JOIN commission c ON c.id = s.commission_id WHERE " \
	"(:archived OR r.archived = 0) "
#define RECS_FILTERS "AND (:stage IS NULL OR r.stage = :stage) " \
	"AND (:term IS NULL OR r.term = :term) AND (NOT :overdue OR " \
	"(" REC_DUE " < :today AND " NOT_FINAL \
	")) AND (NOT :mine OR " \
	"r.created_by = :me OR s.id IN " MY_SUBGROUPS ") "
/*
 * The words searched for. Within a commission or sub-group, "+r.id"
 * keeps SQLite from looking up every match's row by its id (12,500 for
 * two letters, scattered over the table: 20-70 ms) rather than reading
 * the scope's few thousand through the sub-group index and testing each
 * against the matches (2-3 ms).
 */
#define SEARCH(by) "AND (:search IS NULL OR " by "r.id IN (SELECT rowid " \
	"FROM recommendation_fts WHERE recommendation_fts MATCH :search)) "
#define RECS_SCOPED "AND r.subgroup_id IN " IN_SCOPE " " RECS_FILTERS \
	SEARCH("+")
#define RECS_ORDER "ORDER BY c.code, s.code, length(r.ref), r.ref" PAGE
/*
 * A search with no filter but the scope ("recommendations:search"): the
 * search index holds each row's commission and sub-group, and whether it
 * is archived, as words (:scoped, scoped_query), so it finds the matches
 * in the scope itself, in the order they were added (its own rowids;
 * backwards it is slower: 0.8 ms against 0.1): a page is the first
 * matches it yields and their count reads no table (schema version 8;
 * 2,000 matches sorted as the list is: 2.5 ms).
 */
#define HITS_FROM "FROM recommendation_fts f WHERE f.recommendation_fts " \
	"MATCH :scoped "
#define HITS_PAGE RECS_SELECT " FROM (SELECT f.rowid AS id " HITS_FROM \
	"ORDER BY f.rowid" PAGE ") p CROSS JOIN recommendation r " \
	"CROSS JOIN subgroup s CROSS JOIN commission c WHERE r.id = p.id " \
	"AND s.id = r.subgroup_id AND c.id = s.commission_id ORDER BY p.id"
/*
 * Stuck longest first: not final, the oldest stage_since first. Over
 * the whole database the index on stage_since gives the order; within a
 * commission or sub-group the sub-group index finds the few rows and
 * they are sorted.
 */
#define STUCK "AND " NOT_FINAL " ORDER BY r.stage_since, r.id" PAGE

/*
 * The audit trail as a timeline: each entry with what it is about (a
 * recommendation's ref and title, a meeting, a person...) and the
 * sub-group and commission of that record. :from and :upto are always
 * bound (to "" and "~" when open), so the index on at gives both the
 * period and the order, newest first.
 */
#define ACTIVITY_COLUMNS { "id", "at", "login", "name", "kind", "record", \
	"what", "subgroup", "commission", "action", "summary", "note", \
	"recommendation", NULL }
#define ACTIVITY_FROM "SELECT a.id, a.at, a.login, p.name, a.entity, " \
	"a.entity_id, coalesce(CASE a.entity WHEN 'recommendation' THEN " \
	"r.ref || ' ' || r.title WHEN 'decision' THEN coalesce(dr.ref || " \
	"' ', '') || replace(d.outcome, '_', ' ') || ', ' || " \
	"replace(mt.body, '_', ' ') || ' ' || mt.held_on WHEN 'meeting' " \
	"THEN replace(mt.body, '_', ' ') || ' ' || mt.held_on || " \
	"coalesce(': ' || nullif(mt.title, ''), '') WHEN 'milestone' THEN " \
	"ms.title WHEN 'engagement' THEN x.method || ' ' || x.held_on WHEN " \
	"'subgroup' THEN s.code || ' ' || s.name WHEN 'commission' THEN " \
	"c.code || ' ' || c.name WHEN 'person' THEN who.name || " \
	"coalesce(' (' || who.login || ')', '') WHEN 'subgroup-member' THEN " \
	"who.name || ' in ' || s.code WHEN 'commission-member' THEN " \
	"who.name || ' in ' || c.code END, a.entity || ' ' || a.entity_id), " \
	"s.code, c.code, a.action, " CHANGES ", a.note, coalesce(r.id, " \
	"dr.id) FROM audit a LEFT JOIN person p ON p.id = a.person_id " \
	"LEFT JOIN recommendation r ON a.entity = 'recommendation' AND " \
	"r.id = a.entity_id LEFT JOIN decision d ON a.entity = 'decision' " \
	"AND d.id = a.entity_id LEFT JOIN recommendation dr ON dr.id = " \
	"d.recommendation_id LEFT JOIN meeting mt ON mt.id = CASE a.entity " \
	"WHEN 'meeting' THEN a.entity_id WHEN 'decision' THEN d.meeting_id " \
	"END LEFT JOIN milestone ms ON a.entity = 'milestone' AND ms.id = " \
	"a.entity_id LEFT JOIN engagement x ON a.entity = 'engagement' AND " \
	"x.id = a.entity_id LEFT JOIN subgroup_member sm ON a.entity = " \
	"'subgroup-member' AND sm.id = a.entity_id LEFT JOIN " \
	"commission_member cm ON a.entity = 'commission-member' AND cm.id = " \
	"a.entity_id LEFT JOIN person who ON who.id = CASE a.entity WHEN " \
	"'person' THEN a.entity_id WHEN 'subgroup-member' THEN sm.person_id " \
	"WHEN 'commission-member' THEN cm.person_id END LEFT JOIN subgroup " \
	"s ON s.id = CASE a.entity WHEN 'subgroup' THEN a.entity_id ELSE " \
	"coalesce(r.subgroup_id, dr.subgroup_id, mt.subgroup_id, " \
	"ms.subgroup_id, x.subgroup_id, sm.subgroup_id) END LEFT JOIN " \
	"commission c ON c.id = coalesce(s.commission_id, CASE a.entity " \
	"WHEN 'commission' THEN a.entity_id END, cm.commission_id, " \
	"mt.commission_id, ms.commission_id) WHERE :archived >= 0 "
/* "stage draft → submitted; title (none) → Libraries" from the JSON. */
#define CHANGES "(SELECT group_concat(j.key || ' ' || CASE WHEN j.type " \
	"<> 'array' THEN coalesce(j.value, '') WHEN nullif(json_extract(" \
	"j.value, '$[0]'), '') IS NULL THEN coalesce(json_extract(j.value, '$[1]'), '') " \
	"ELSE json_extract(j.value, '$[0]') || ' → ' || " \
	"coalesce(json_extract(j.value, '$[1]'), '(none)') END, '; ') FROM " \
	"json_each(a.changes) j)"
#define ACTIVITY_WHEN "AND a.at >= :from AND a.at < :upto ORDER BY a.at " \
	"DESC, a.id DESC" PAGE
/*
 * The entries about records of the sub-groups in scope (or of the
 * commission, for its own records), each kind looked up through the
 * audit's (entity, entity_id) index: SQLite joins the terms of the OR,
 * then sorts only the entries found.
 */
#define KIND_IN(kind, ids) "(a.entity = '" kind "' AND a.entity_id IN " ids ")"
#define BY_COMMISSION "(:sgid IS NULL AND commission_id = :cid)"
#define ACTIVITY_SCOPE "AND (" \
	KIND_IN("recommendation", "(SELECT id FROM recommendation WHERE " \
	    "subgroup_id IN " IN_SCOPE ")") " OR " \
	KIND_IN("decision", "(SELECT id FROM decision WHERE " \
	    "recommendation_id IN (SELECT id FROM recommendation WHERE " \
	    "subgroup_id IN " IN_SCOPE ") OR meeting_id IN (SELECT id FROM " \
	    "meeting WHERE subgroup_id IN " IN_SCOPE "))") " OR " \
	KIND_IN("subgroup", IN_SCOPE) " OR " \
	KIND_IN("subgroup-member", "(SELECT id FROM subgroup_member WHERE " \
	    "subgroup_id IN " IN_SCOPE ")") " OR " \
	KIND_IN("engagement", "(SELECT id FROM engagement WHERE " \
	    "subgroup_id IN " IN_SCOPE ")") " OR " \
	KIND_IN("milestone", "(SELECT id FROM milestone WHERE subgroup_id " \
	    "IN " IN_SCOPE " OR " BY_COMMISSION ")") " OR " \
	KIND_IN("meeting", "(SELECT id FROM meeting WHERE subgroup_id IN " \
	    IN_SCOPE " OR " BY_COMMISSION ")") " OR " \
	"(a.entity = 'commission' AND :sgid IS NULL AND a.entity_id = :cid) " \
	"OR " KIND_IN("commission-member", "(SELECT id FROM " \
	    "commission_member WHERE " BY_COMMISSION ")") ") " \
	"AND (:pid IS NULL OR a.person_id = :pid) "
/* A recommendation's dates and last update, as rag() and friends take
 * them (store/delivery.h). */
#define RAG_ARGS "(r.target_date, r.revised_date, r.actual_date, (SELECT " \
	"max(at) FROM progress_update WHERE recommendation_id = r.id), :today)"

/*
 * The timeline (vm/timeline.h): milestones and recommendations' due dates
 * in one list. Each arm walks commissions (or sub-groups, by theme) in
 * order and the items of each through an index by date, so SQLite merges
 * the arms without sorting the whole table (items that start on the
 * same day are sorted among themselves: by their last day, milestones
 * before recommendations, as the calendar has them). "band" is an
 * equality-bound
 * column (0, or NULL for the undated) that puts the undated last: a
 * constant there would make SQLite sort every arm.
 */
#define TL_MILESTONE(band, subgroup, theme) "SELECT -m.id AS key, " \
	"'milestone' AS kind, m.id AS id, " band " AS band, c.code AS " \
	"commission, " subgroup " AS subgroup, " theme " AS theme, m.title " \
	"AS label, m.title AS title, m.timescale AS timescale, m.earliest " \
	"AS earliest, m.latest AS latest, m.dating AS dating, m.state AS " \
	"state, NULL AS stage "
#define TL_RECOMMENDATION(band) "SELECT r.id, 'recommendation', r.id, " \
	band ", c.code, s.code, s.theme, r.ref, r.title, " REC_DUE ", " \
	REC_DUE ", " REC_DUE ", 'exact', CASE WHEN r.actual_date IS NOT NULL " \
	"THEN 'done' ELSE 'planned' END, r.stage "
#define TL_SCOPE "(:cid IS NULL OR c.id = :cid) AND (:sgid IS NULL OR " \
	"s.id = :sgid)"
#define TL_COLUMNS "key", "kind", "id", "band", "commission", "subgroup", \
	"theme", "label", "title", "timescale", "earliest", "latest", \
	"dating", "state", "stage", NULL
/*
 * CROSS JOIN fixes the order of the loops (outer to inner), which SQLite
 * would otherwise choose by table statistics a database may not have.
 * "> ''" (a set date) rather than IS NOT NULL lets the date indexes skip
 * the undated.
 */
#define TL_OWN_MILESTONES "FROM commission c CROSS JOIN milestone m " \
	"WHERE m.commission_id = c.id AND c.archived = 0 AND " \
	"+m.subgroup_id IS NULL AND m.archived = 0 AND m.earliest > '' AND " \
	"(:cid IS NULL OR c.id = :cid) AND :sgid IS NULL "
#define TL_BY_COMMISSION(table, t) "FROM commission c CROSS JOIN " \
	"subgroup s CROSS JOIN " table " WHERE s.commission_id = c.id AND " \
	t ".subgroup_id = s.id AND " TL_LIVE
#define TL_BY_THEME(table, t) "FROM subgroup s CROSS JOIN commission c " \
	"CROSS JOIN " table " WHERE c.id = s.commission_id AND " t \
	".subgroup_id = s.id AND " TL_LIVE
#define TL_LIVE "s.archived = 0 AND c.archived = 0 AND " TL_SCOPE " AND "
#define TL_DATED_MILESTONE "m.archived = 0 AND m.earliest > '' "
#define TL_DATED_RECOMMENDATION "r.archived = 0 AND " REC_DUE " > '' "
/* Archived items never show on the chart (:archived is not read). */
#define TL_UNDATED_WHERE "FROM milestone m WHERE m.earliest IS NULL AND " \
	"m.latest IS NULL AND m.archived = 0 AND (:cid IS NULL OR " \
	"coalesce(m.commission_id, (SELECT commission_id FROM subgroup " \
	"WHERE id = m.subgroup_id)) = :cid) AND (:sgid IS NULL OR " \
	"m.subgroup_id = :sgid) AND :archived >= 0 "
#define TL_UNDATED " UNION ALL SELECT -m.id, 'milestone', m.id, " \
	"m.earliest, m.earliest, m.latest, m.earliest, m.title, m.title, " \
	"m.timescale, m.earliest, m.latest, m.dating, m.state, NULL " \
	TL_UNDATED_WHERE
/* SQLite cannot count a UNION ALL without making each row: so by arm
 * (own_count). */
#define TL_COUNT "SELECT (SELECT count(*) " TL_OWN_MILESTONES ") + " \
	"(SELECT count(*) " TL_BY_COMMISSION("milestone m", "m") \
	TL_DATED_MILESTONE ") + (SELECT count(*) " \
	TL_BY_COMMISSION("recommendation r", "r") TL_DATED_RECOMMENDATION \
	") + (SELECT count(*) " TL_UNDATED_WHERE ")"

/*
 * Every list's order is total, ending in something unique (an id, a
 * ref), so that pages neither repeat nor skip rows that tie and
 * store_list_open_reversed reads the exact reverse. In the members,
 * column 1 (the membership's id) is unique within each part of the
 * UNION, and column 3 (NULL for a commission's) tells the parts apart.
 */
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
	/* What the full-screen panel shows: at start-up the chair and two
	 * counts of each sub-group read 98 pages, against 13 without. */
	{ "subgroups:brief", { "id", "commission", "code", "name", "theme",
	    NULL }, "SELECT s.id, c.code, s.code, s.name, s.theme FROM "
	    "subgroup s JOIN commission c ON c.id = s.commission_id WHERE "
	    "(:archived OR s.archived = 0) AND (:cid IS NULL OR c.id = :cid) "
	    "AND (:sgid IS NULL OR s.id = :sgid) ORDER BY c.code, s.code"
	    PAGE },
	{ "recommendations", RECS_COLUMNS, RECS_SELECT RECS_FROM RECS_SCOPED
	    RECS_ORDER },
	/* Versions of a list are named "list:variant" (variant_of). */
	{ "recommendations:stuck", RECS_COLUMNS, RECS_SELECT RECS_FROM
	    RECS_SCOPED STUCK },
	{ "recommendations:stuck everywhere", RECS_COLUMNS, RECS_SELECT
	    RECS_FROM RECS_FILTERS SEARCH("") STUCK },
	{ "recommendations:search", RECS_COLUMNS, HITS_PAGE },
	/* A search with filters, in the order they were added as well. */
	{ "recommendations:found", RECS_COLUMNS, RECS_SELECT RECS_FROM
	    RECS_SCOPED "ORDER BY r.id" PAGE },
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
	    REC_DUE " < :today AND " NOT_FINAL " AND (" I_AM_ADMIN " OR "
	    "s.id IN " MY_SUBGROUPS " OR c.id IN (SELECT commission_id FROM "
	    "commission_member WHERE person_id = :me AND left_on IS NULL AND "
	    "role IN ('secretary', 'chair'))) THEN 'overdue since ' || "
	    REC_DUE " END AS late FROM recommendation r JOIN subgroup s "
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
	    ":sgid) AND (:rid IS NULL OR m.id = :rid) "
	    "ORDER BY m.earliest IS NULL, m.earliest, m.latest, m.id"
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
	    "subgroup_id = :sgid AND left_on IS NULL)) ORDER BY p.name, p.id"
	    PAGE },
	{ "members", { "id", "commission", "subgroup", "login", "name", "role",
	    "joined", "left", NULL },
	    "SELECT m.id, c.code, NULL, p.login, p.name, m.role, m.joined_on, "
	    "m.left_on FROM commission_member m JOIN commission c ON c.id = "
	    "m.commission_id JOIN person p ON p.id = m.person_id WHERE "
	    "(:archived OR m.left_on IS NULL) AND (:cid IS NULL OR c.id = :cid) "
	    "AND " ONE_PERSON " AND :sgid IS NULL UNION ALL "
	    "SELECT m.id, c.code, s.code, p.login, p.name, m.role, "
	    "m.joined_on, m.left_on FROM subgroup_member m "
	    "JOIN subgroup s ON s.id = m.subgroup_id JOIN commission c ON c.id "
	    "= s.commission_id JOIN person p ON p.id = m.person_id WHERE "
	    "(:archived OR m.left_on IS NULL) AND (:cid IS NULL OR c.id = :cid) "
	    "AND (:sgid IS NULL OR s.id = :sgid) AND " ONE_PERSON " "
	    "ORDER BY 2, 3, 6, 5, 1" PAGE },
	/* A sub-group's present members (a detail's owner, at each new
	 * selection): through the index of present members, not every
	 * membership (0.4 ms warm). */
	{ "members:subgroup", { "id", "commission", "subgroup", "login",
	    "name", "role", "joined", "left", NULL },
	    "SELECT m.id, c.code, s.code, p.login, p.name, m.role, "
	    "m.joined_on, m.left_on FROM subgroup_member m JOIN subgroup s ON "
	    "s.id = m.subgroup_id JOIN commission c ON c.id = s.commission_id "
	    "JOIN person p ON p.id = m.person_id WHERE m.subgroup_id = :sgid "
	    "AND m.left_on IS NULL AND (:cid IS NULL OR c.id = :cid) AND "
	    ":archived >= 0 ORDER BY 2, 3, 6, 5, 1" PAGE },
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
	    "JOIN meeting m ON m.id = d.meeting_id WHERE a.entity = :entity "
	    "AND a.entity_id = :rid AND :archived >= 0 "
	    "AND (:pid IS NULL OR a.person_id = :pid) AND a.at >= :from AND "
	    "a.at < :upto ORDER BY a.id" PAGE },
	{ "activity", ACTIVITY_COLUMNS, ACTIVITY_FROM ACTIVITY_WHEN },
	{ "activity:person", ACTIVITY_COLUMNS, ACTIVITY_FROM "AND "
	    "a.person_id = :pid " ACTIVITY_WHEN },
	{ "activity:scope", ACTIVITY_COLUMNS, ACTIVITY_FROM ACTIVITY_SCOPE
	    ACTIVITY_WHEN },
	{ "attendance", { "meeting", "date", "body", "login", "name", "status",
	    NULL },
	    "SELECT m.id, m.held_on, m.body, p.login, p.name, a.status FROM "
	    "attendance a JOIN meeting m ON m.id = a.meeting_id JOIN person p "
	    "ON p.id = a.person_id WHERE (:rid IS NULL OR m.id = :rid) AND "
	    ":archived >= 0 ORDER BY m.held_on, m.id, a.status, p.name, p.id"
	    PAGE },
	/* Delivery: red first, then amber, green, none, done; then by due
	 * date. :delivery is the set of stages the workflow tracks. */
	{ "delivery", { "id", "ref", "title", "commission", "subgroup",
	    "stage", "target", "revised", "actual", "percent", "last_update",
	    "responsible", "accountable", "rag", "stale", "why", NULL },
	    "SELECT * FROM (SELECT r.id, r.ref, r.title, c.code AS commission, "
	    "s.code AS subgroup, r.stage, r.target_date AS target, "
	    "r.revised_date AS revised, r.actual_date AS actual, "
	    "r.percent_complete AS percent, (SELECT max(at) FROM "
	    "progress_update WHERE recommendation_id = r.id) AS last_update, "
	    "coalesce(pr.login, pr.name) AS responsible, coalesce(pa.login, "
	    "pa.name) AS accountable, rag" RAG_ARGS " AS rag, rag_stale"
	    RAG_ARGS " AS stale, rag_why" RAG_ARGS " AS why FROM "
	    "recommendation r JOIN subgroup s ON s.id = r.subgroup_id JOIN "
	    "commission c ON c.id = s.commission_id LEFT JOIN person pr ON "
	    "pr.id = r.responsible_id LEFT JOIN person pa ON pa.id = "
	    "r.accountable_id WHERE (:archived OR r.archived = 0) AND "
	    "r.subgroup_id IN " IN_SCOPE " AND instr(:delivery, ',' || "
	    "r.stage || ',') > 0) WHERE (:rag IS NULL OR rag = :rag) "
	    "ORDER BY CASE rag WHEN 'red' THEN 0 WHEN 'amber' THEN 1 WHEN "
	    "'green' THEN 2 WHEN 'none' THEN 3 ELSE 4 END, coalesce(revised, "
	    "target) IS NULL, coalesce(revised, target), length(ref), ref"
	    PAGE },
	/* A recommendation's progress updates, newest first. */
	{ "updates", { "id", "at", "login", "name", "percent", "note", NULL },
	    "SELECT u.id, u.at, p.login, p.name, u.percent_complete, u.note "
	    "FROM progress_update u LEFT JOIN person p ON p.id = u.person_id "
	    "WHERE u.recommendation_id = :rid AND :archived >= 0 "
	    "ORDER BY u.at DESC, u.id DESC" PAGE },
	/* By commission, sub-group (its own milestones first), date. */
	{ "timeline", { TL_COLUMNS },
	    TL_MILESTONE("c.archived", "NULL", "m.theme") TL_OWN_MILESTONES
	    "UNION ALL " TL_MILESTONE("c.archived", "s.code", "CASE WHEN "
	    "m.theme <> '' THEN m.theme ELSE s.theme END")
	    TL_BY_COMMISSION("milestone m", "m") TL_DATED_MILESTONE
	    "UNION ALL " TL_RECOMMENDATION("c.archived")
	    TL_BY_COMMISSION("recommendation r", "r") TL_DATED_RECOMMENDATION
	    TL_UNDATED "ORDER BY band DESC, commission, subgroup, earliest, "
	    "latest, kind, id" PAGE },
	/* By theme (a sub-group's milestones under the sub-group's), date. */
	{ "timeline_themes", { TL_COLUMNS },
	    TL_MILESTONE("m.archived", "NULL", "m.theme") TL_OWN_MILESTONES
	    "UNION ALL " TL_MILESTONE("s.archived", "s.code", "s.theme")
	    TL_BY_THEME("milestone m", "m") TL_DATED_MILESTONE
	    "UNION ALL " TL_RECOMMENDATION("s.archived")
	    TL_BY_THEME("recommendation r", "r") TL_DATED_RECOMMENDATION
	    TL_UNDATED "ORDER BY band DESC, theme, earliest, latest, kind, id"
	    PAGE },
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

/* What is made of each list on first use, by its place in lists[]. */
static struct {
	/*
	 * "SELECT count(*) FROM (sql)", without the list's ORDER BY and
	 * LIMIT: with them SQLite would compute every column of every row
	 * and sort them all just to count them; without them it flattens
	 * the query and reads only what the WHERE needs.
	 */
	char *count;
	/* The query read backwards (store_list_open_reversed, reverse_of):
	 * "" where it cannot be. */
	char *reverse;
	/* sorts_all: 0 not asked yet, 1 read in an index's order, 2 every
	 * row sorted first. */
	signed char sorts;
} made[NLISTS];

const char *const store_list_names[] = { "commissions", "subgroups",
	"recommendations", "milestones", "people", "members", "engagement",
	"meetings", "history", "activity", "mywork", "attendance", "agenda",
	"decisions", "delivery", "updates", "timeline", "timeline_themes",
	NULL };

struct store_cursor {
	struct store *st;
	const struct list_def *def;
	sqlite3_stmt *stmt;
	size_t ncolumns;
	bool counted;		/* column ncolumns is the rows in all */
	int64_t total;		/* its value on the last row read */
	bool kept;		/* store_list_open_kept: its own statement
				   on st->reader, NULL once released */
	int64_t end;		/* store_cursor_end */
	struct store_cursor *next_kept;	/* the store's other kept ones */
};

/*
 * Lists whose page can carry the count of all the rows under the filter
 * (store_list_open_counted): their query sorts every row it selects for
 * the page anyway, so counting them there costs little, where a count
 * of its own would find them all again (search as you type).
 */
static const struct {
	const char *name;
	const char *sql;
} counted[] = {
	{ "recommendations", RECS_SELECT ", count(*) OVER ()" RECS_FROM
	    RECS_SCOPED RECS_ORDER },
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

static bool
scoped(const struct list_filter *f)
{
	return f->commission || f->subgroup || f->commission_id ||
	    f->subgroup_id;
}

/* Words to search for, in the usual order (no sort asked for). */
static bool
has_words(const struct list_filter *f)
{
	return f->search != NULL && f->search[strspn(f->search, " \t")] &&
	    f->sort == NULL;
}

/* Words to search for and no filter the search index cannot serve. */
static bool
searched(const struct list_filter *f)
{
	return has_words(f) && f->stage == NULL && f->term == NULL &&
	    !f->overdue && !f->mine;
}

/*
 * The version of list NAME that F needs: in the activity, the one whose
 * index serves the filters; in the recommendations, the sort asked for,
 * stuck ones over the whole database from the index on stage_since, a
 * search from the search index alone, or with filters as well in the
 * same order; a sub-group's present members; sub-groups as a screen
 * list shows them.
 */
static const char *
variant_of(const char *name, const struct list_filter *f)
{
	if (strcmp(name, "activity") == 0)
		return scoped(f) ? "scope" : f->person ? "person" : NULL;
	if (strcmp(name, "subgroups") == 0 && f->brief)
		return "brief";
	if (strcmp(name, "members") == 0)
		return (f->subgroup || f->subgroup_id) && !f->archived &&
		    !f->person ? "subgroup" : NULL;
	if (strcmp(name, "recommendations") == 0 && searched(f))
		return "search";
	if (strcmp(name, "recommendations") == 0 && has_words(f))
		return "found";
	if (f->sort != NULL && !scoped(f))
		return "stuck everywhere";
	return f->sort;
}

static int no_list(const char *name, struct err *e);

static int
find_list(const char *name, const struct list_filter *f,
    const struct list_def **def, struct err *e)
{
	const char *v;
	char *key;
	size_t i;

	if (strchr(name, ':') != NULL)
		return no_list(name, e);
	if (f->sort != NULL && strcmp(f->sort, "stuck") != 0)
		return err_set(e, ERR_INVALID, "there is no sort \"%s\" (the "
		    "one there is: stuck, the longest in their stage first)",
		    f->sort);
	if (f->sort != NULL && strcmp(name, "recommendations") != 0)
		return err_set(e, ERR_INVALID, "only the recommendations "
		    "sort stuck longest first, not the %s", name);
	v = variant_of(name, f);
	key = v ? x_printf("%s:%s", name, v) : x_strdup(name);
	for (i = 0; i < NLISTS && strcmp(lists[i].name, key) != 0; i++)
		;
	free(key);
	if (i == NLISTS)
		return no_list(name, e);
	*def = &lists[i];
	return 0;
}

static void
bind_if(sqlite3_stmt *q, const char *name, int64_t id)
{
	if (sqlite3_bind_parameter_index(q, name) > 0 && id != 0)
		db_bind_int(q, name, id);
}

/*
 * Words typed into a search box as an FTS5 prefix query on the columns
 * typed words are found in (not the scope): {ref title body} : ("lib"*
 * "open"*).
 */
static char *
fts_query(const char *words)
{
	struct buf b;
	const char *p = words, *start;
	bool any = false;

	buf_init(&b);
	buf_add(&b, "{ref title body} : (");
	while (*p) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '\0')
			break;
		for (start = p; *p && *p != ' ' && *p != '\t'; p++)
			;
		any = true;
		buf_addc(&b, '"');
		for (; start < p; start++) {
			if (*start == '"')
				buf_addc(&b, '"');
			buf_addc(&b, *start);
		}
		buf_add(&b, "\"* ");
	}
	if (!any) {
		buf_done(&b);
		return NULL;
	}
	buf_addc(&b, ')');
	return buf_steal(&b);
}

/*
 * The words as fts_query has them, within commission CID and sub-group
 * SGID where not 0, by the scope words the index holds (schema version
 * 8): (... AND scope : "c12" AND scope : "s345") NOT scope : "archived",
 * the last part unless ARCHIVED rows are wanted.
 */
static char *
scoped_query(const char *words, int64_t cid, int64_t sgid, bool archived)
{
	char *match = fts_query(words);
	struct buf b;

	if (match == NULL)
		return NULL;
	buf_init(&b);
	buf_printf(&b, "(%s", match);
	free(match);
	if (cid != 0)
		buf_printf(&b, " AND scope : \"c%" PRId64 "\"", cid);
	if (sgid != 0)
		buf_printf(&b, " AND scope : \"s%" PRId64 "\"", sgid);
	buf_addc(&b, ')');
	if (!archived)
		buf_add(&b, " NOT scope : \"archived\"");
	return buf_steal(&b);
}

enum stage_set { SET_FINAL, SET_SUBGROUP, SET_SECRETARY, SET_CHAIR,
	SET_ADMIN, SET_AWAITING, SET_DELIVERY };

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
		else if (which == SET_DELIVERY)
			in = s->delivery;
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
	bind_set(st, q, ":delivery", SET_DELIVERY);
}

/* A colour as rag_name gives it; anything else is refused. */
static int
bind_rag(sqlite3_stmt *q, const char *rag, struct err *e)
{
	enum rag r;

	for (r = RAG_NONE; rag != NULL && r <= RAG_DONE; r++)
		if (strcmp(rag, rag_name(r)) == 0)
			break;
	if (rag != NULL && r > RAG_DONE)
		return err_set(e, ERR_INVALID, "\"%s\" is not a delivery "
		    "colour: use red, amber, green, none or done", rag);
	db_bind_text(q, ":rag", rag);
	return 0;
}

static int
period_day(const char *which, const char *text, struct date *d,
    struct err *e)
{
	if (date_parse_iso(text, d, e) < 0)
		return err_prefix(e, "the period's %s day", which);
	return 0;
}

/*
 * The period as the audit's times compare: from its first day (or "")
 * up to, not including, the day after its last (or "~", after every
 * time). A first day with no last runs to today.
 */
static int
bind_period(sqlite3_stmt *q, const struct list_filter *f, struct err *e)
{
	char from[DATE_ISO_SIZE], to[DATE_ISO_SIZE], upto[DATE_ISO_SIZE];
	struct date first = { 0, 0, 0 }, last = date_today();

	if ((f->from && period_day("first", f->from, &first, e) < 0) ||
	    (f->to && period_day("last", f->to, &last, e) < 0))
		return -1;
	date_format_iso(first, from);
	date_format_iso(last, to);
	if (f->from && date_to_days(first) > date_to_days(last))
		return err_set(e, ERR_INVALID, "the period runs backwards: "
		    "it starts on %s, after %s%s; give the earlier day "
		    "first", from, f->to ? "its last day, " : "today, ", to);
	date_format_iso(date_from_days(date_to_days(last) + 1), upto);
	db_bind_text(q, ":from", f->from ? from : "");
	db_bind_text(q, ":upto", f->to || f->from ? upto : "~");
	return 0;
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
	if (sqlite3_bind_parameter_index(q, ":archived") > 0)
		db_bind_int(q, ":archived", f->archived);
	bind_if(q, ":cid", cid);
	bind_if(q, ":sgid", sgid);
	bind_if(q, ":rid", f->record);
	if (sqlite3_bind_parameter_index(q, ":entity") > 0)
		db_bind_text(q, ":entity", f->entity ? f->entity :
		    "recommendation");
	if (sqlite3_bind_parameter_index(q, ":stage") > 0)
		db_bind_text(q, ":stage", f->stage);
	if (sqlite3_bind_parameter_index(q, ":rag") > 0 &&
	    bind_rag(q, f->rag, e) < 0)
		return -1;
	if (sqlite3_bind_parameter_index(q, ":search") > 0 && f->search) {
		match = fts_query(f->search);
		db_bind_text(q, ":search", match);
		free(match);
	}
	if (sqlite3_bind_parameter_index(q, ":scoped") > 0) {
		match = scoped_query(f->search, cid, sgid, f->archived);
		db_bind_text(q, ":scoped", match);
		free(match);
	}
	bind_work(st, q, f);
	if (sqlite3_bind_parameter_index(q, ":from") > 0 &&
	    bind_period(q, f, e) < 0)
		return -1;
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

/* A cursor on statement Q, a query of list DEF. */
static struct store_cursor *
cursor_new(struct store *st, const struct list_def *def, sqlite3_stmt *q)
{
	struct store_cursor *c = x_calloc(1, sizeof *c);

	c->st = st;
	c->def = def;
	c->stmt = q;
	while (def->columns[c->ncolumns] != NULL)
		c->ncolumns++;
	return c;
}

/* A cursor on SQL, list DEF's query or a version of it, under F. */
static int
open_sql(struct store *st, const struct list_def *def, const char *sql,
    const struct list_filter *f, struct store_cursor **out, struct err *e)
{
	sqlite3_stmt *q;

	if ((q = db_prepare(st->db, sql, e)) == NULL ||
	    bind_filter(st, q, f, e) < 0)
		return -1;
	*out = cursor_new(st, def, q);
	return 0;
}

static int
list_open(struct store *st, const char *name, const struct list_filter *f,
    bool count, struct store_cursor **out, struct err *e)
{
	const struct list_def *def;
	const char *sql;
	size_t i;

	*out = NULL;
	if (find_list(name, f, &def, e) < 0)
		return -1;
	sql = def->sql;
	for (i = 0; count && i < sizeof counted / sizeof counted[0]; i++)
		if (strcmp(counted[i].name, def->name) == 0)
			sql = counted[i].sql;
	if (open_sql(st, def, sql, f, out, e) < 0)
		return -1;
	(*out)->counted = sql != def->sql;
	return 0;
}

int
store_list_open(struct store *st, const char *name,
    const struct list_filter *f, struct store_cursor **out, struct err *e)
{
	return list_open(st, name, f, false, out, e);
}

int
store_list_open_counted(struct store *st, const char *name,
    const struct list_filter *f, struct store_cursor **out, struct err *e)
{
	return list_open(st, name, f, true, out, e);
}

/* Past the quoted string or name at S, else past its one character;
 * NULL for a quote that does not close. */
static const char *
skip_token(const char *s)
{
	const char *close;

	if (*s != '\'' && *s != '"' && *s != '`' && *s != '[')
		return s + 1;
	/* 'it''s' is two strings back to back: the same to skip. */
	close = strchr(s + 1, *s == '[' ? ']' : *s);
	return close != NULL ? close + 1 : NULL;
}

#define MAX_TERMS 16

/* The ORDER BY of a query: where each term starts, and, at term[n],
 * one past the clause's end. */
struct order {
	const char *term[MAX_TERMS + 1];
	size_t n;
};

/*
 * The terms of the last ORDER BY outside parentheses in SQL up to END
 * (the page's LIMIT), split at the commas outside parentheses and
 * quotes: -1 when there is none, or too many terms, or a parenthesis or
 * quote that does not close.
 */
static int
find_order(const char *sql, const char *end, struct order *o)
{
	const char *p = sql;
	int depth = 0;

	o->n = 0;
	while (p != NULL && p < end) {
		if (*p == '(' || *p == ')')
			depth += *p == '(' ? 1 : -1;
		else if (depth == 0 && strncasecmp(p, " ORDER BY ", 10) == 0) {
			p += 10;
			o->n = 0;
			o->term[o->n++] = p;
			continue;
		} else if (depth == 0 && *p == ',' && o->n > 0) {
			if (o->n == MAX_TERMS)
				return -1;
			o->term[o->n++] = p + 1;
		}
		p = skip_token(p);
	}
	if (p == NULL || depth != 0 || o->n == 0)
		return -1;
	o->term[o->n] = end + 1;
	return 0;
}

static bool
is_word(const char *w, size_t len, const char *word)
{
	return len == strlen(word) && strncasecmp(w, word, len) == 0;
}

/*
 * Appends ORDER BY term T (LEN bytes) sorting the other way: ASC and
 * DESC swapped, DESC added where it has neither. SQLite puts NULLs
 * first in ASC and last in DESC, so that is the exact reverse; a NULLS
 * FIRST or LAST of the term's own is not flipped here: -1.
 */
static int
flip_term(struct buf *b, const char *t, size_t len)
{
	size_t w;

	while (len > 0 && isspace((unsigned char)*t))
		t++, len--;
	while (len > 0 && isspace((unsigned char)t[len - 1]))
		len--;
	for (w = len; w > 0 && isalpha((unsigned char)t[w - 1]); w--)
		;
	if (len == 0)
		return -1;
	buf_addc(b, ' ');
	if (w > 0 && w < len && isspace((unsigned char)t[w - 1])) {
		if (is_word(t + w, len - w, "FIRST") ||
		    is_word(t + w, len - w, "LAST"))
			return -1;
		if (is_word(t + w, len - w, "ASC") ||
		    is_word(t + w, len - w, "DESC")) {
			buf_addn(b, t, w);
			buf_add(b, is_word(t + w, len - w, "ASC") ? "DESC" :
			    "ASC");
			return 0;
		}
	}
	buf_addn(b, t, len);
	buf_add(b, " DESC");
	return 0;
}

/*
 * SQL with its page's ORDER BY (the last outside parentheses, just
 * before the LIMIT) flipped term by term; "" for a query whose page is
 * not so, or whose ORDER BY cannot be flipped (flip_term).
 */
static char *
reverse_of(const char *sql)
{
	size_t len = strlen(sql), page = strlen(PAGE), k;
	struct order o;
	struct buf b;

	if (len < page || strcmp(sql + len - page, PAGE) != 0 ||
	    find_order(sql, sql + len - page, &o) < 0)
		return x_strdup("");
	buf_init(&b);
	buf_addn(&b, sql, (size_t)(o.term[0] - sql - 1));
	for (k = 0; k < o.n; k++) {
		if (k > 0)
			buf_addc(&b, ',');
		if (flip_term(&b, o.term[k],
		    (size_t)(o.term[k + 1] - 1 - o.term[k])) < 0) {
			buf_done(&b);
			return x_strdup("");
		}
	}
	buf_add(&b, PAGE);
	return buf_steal(&b);
}

int
store_list_open_reversed(struct store *st, const char *name,
    const struct list_filter *f, struct store_cursor **out, struct err *e)
{
	const struct list_def *def;
	size_t i;

	*out = NULL;
	if (find_list(name, f, &def, e) < 0)
		return -1;
	i = (size_t)(def - lists);
	if (made[i].reverse == NULL)
		made[i].reverse = reverse_of(def->sql);
	if (*made[i].reverse == '\0')
		return 0;
	return open_sql(st, def, made[i].reverse, f, out, e);
}

/*
 * The second connection, read-only, opened on first use: a kept cursor
 * holds a read snapshot for as long as it is open, and on the store's
 * own connection that snapshot would hide others' changes from
 * store_data_version and make the next write fail as "locked" (its
 * snapshot could not become a write). Its page cache is half the main
 * one's: it only steps on through rows already found.
 */
static int
reader(struct store *st, struct err *e)
{
	if (st->reader != NULL)
		return 0;
	if (db_open(&st->reader, db_path(st->db), DB_READONLY, READER_BUSY_MS,
	    NULL, e) < 0 || db_exec(st->reader, "PRAGMA cache_size = -512",
	    e) < 0 || delivery_functions(st, st->reader, e) < 0) {
		db_close(st->reader);
		st->reader = NULL;
		return -1;
	}
	return 0;
}

/*
 * Whether SQLite sorts every row of list DEF (or of a part of it) before
 * the first, rather than reading them in an index's order: then a kept
 * cursor's LIMIT bounds what its sorter holds. Asked of the plan once.
 */
static int
sorts_all(struct store *st, const struct list_def *def, bool *all,
    struct err *e)
{
	size_t i = (size_t)(def - lists);
	sqlite3_stmt *q;
	char *sql;
	int rc;

	if (made[i].sorts == 0) {
		sql = x_printf("EXPLAIN QUERY PLAN %s", def->sql);
		rc = sqlite3_prepare_v2(db_handle(st->reader), sql, -1, &q,
		    NULL);
		free(sql);
		if (rc != SQLITE_OK)
			return db_error(st->reader, rc, "planning a query", e);
		made[i].sorts = 1;
		while (sqlite3_step(q) == SQLITE_ROW)
			if (strcmp((const char *)sqlite3_column_text(q, 3),
			    "USE TEMP B-TREE FOR ORDER BY") == 0)
				made[i].sorts = 2;
		sqlite3_finalize(q);
	}
	*all = made[i].sorts == 2;
	return 0;
}

int
store_list_open_kept(struct store *st, const char *name,
    const struct list_filter *f, struct store_cursor **out, struct err *e)
{
	const struct list_def *def;
	struct list_filter lf = *f;
	struct store_cursor *c;
	sqlite3_stmt *q;
	bool all = false;
	int rc;

	*out = NULL;
	if (find_list(name, f, &def, e) < 0 || reader(st, e) < 0 ||
	    sorts_all(st, def, &all, e) < 0)
		return -1;
	if (!all)
		lf.limit = 0;
	/* Not the reader's statement cache: two kept cursors of one list
	 * would share, and reset, one statement. */
	rc = sqlite3_prepare_v3(db_handle(st->reader), def->sql, -1, 0, &q,
	    NULL);
	if (rc != SQLITE_OK)
		return db_error(st->reader, rc, "preparing a query", e);
	if (bind_filter(st, q, &lf, e) < 0) {
		sqlite3_finalize(q);
		return -1;
	}
	c = cursor_new(st, def, q);
	c->kept = true;
	c->end = lf.limit > 0 ? lf.offset + lf.limit : -1;
	c->next_kept = st->kept;
	st->kept = c;
	*out = c;
	return 0;
}

int64_t
store_cursor_end(const struct store_cursor *c)
{
	return c->kept ? c->end : -1;
}

bool
store_cursor_live(const struct store_cursor *c)
{
	return c != NULL && (!c->kept || c->stmt != NULL);
}

bool
store_list_holding(const struct store *st)
{
	return st->kept != NULL;
}

void
store_list_release(struct store *st)
{
	struct store_cursor *c;

	for (c = st->kept; c != NULL; c = c->next_kept) {
		sqlite3_finalize(c->stmt);
		c->stmt = NULL;
	}
	st->kept = NULL;
	if (st->reader != NULL)
		sqlite3_db_release_memory(db_handle(st->reader));
}

void
list_done(struct store *st)
{
	store_list_release(st);
	db_close(st->reader);
	st->reader = NULL;
}

/* Takes kept cursor C off the store's list and ends its statement. */
static void
unkeep(struct store_cursor *c)
{
	struct store_cursor **p;

	for (p = &c->st->kept; *p != c; p = &(*p)->next_kept)
		;
	*p = c->next_kept;
	sqlite3_finalize(c->stmt);
}

int64_t
store_cursor_total(const struct store_cursor *c)
{
	return c->counted ? c->total : -1;
}

/* The count of a list that cannot be made from its query, or not from
 * the index alone as its own can, or NULL. */
static const char *
own_count(const char *list)
{
	if (strcmp(list, "timeline") == 0 ||
	    strcmp(list, "timeline_themes") == 0)
		return TL_COUNT;
	if (strcmp(list, "recommendations:search") == 0)
		return "SELECT count(*) " HITS_FROM;
	return NULL;
}

int
store_search_warm(struct store *st, struct err *e)
{
	/* No commission has id -1: the search is made and finds nothing. */
	struct list_filter f = { .commission_id = -1, .search = "warm" };
	struct store_cursor *c;
	int64_t n;
	int rc;

	if (store_list_count(st, "recommendations", &f, &n, e) < 0 ||
	    store_list_open(st, "recommendations", &f, &c, e) < 0)
		return -1;
	while ((rc = store_cursor_next(c, e)) == 1)
		;
	store_cursor_close(c);
	return rc;
}

int
store_list_count(struct store *st, const char *name,
    const struct list_filter *f, int64_t *n, struct err *e)
{
	const struct list_def *def;
	struct list_filter all = *f;
	sqlite3_stmt *q;
	size_t i;
	int rc;

	if (find_list(name, f, &def, e) < 0)
		return -1;
	i = (size_t)(def - lists);
	if (made[i].count == NULL && own_count(def->name) != NULL)
		made[i].count = x_strdup(own_count(def->name));
	else if (made[i].count == NULL)
		made[i].count = x_printf("SELECT count(*) FROM (%.*s)",
		    (int)(strrstr(def->sql, " ORDER BY ") - def->sql),
		    def->sql);
	all.limit = 0;
	all.offset = 0;
	if ((q = db_prepare(st->db, made[i].count, e)) == NULL ||
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
	int rc;

	if (c->kept && c->stmt == NULL)
		return 0;
	rc = db_step(c->kept ? c->st->reader : c->st->db, c->stmt, e);
	if (rc != 1 && c->kept) {
		/* Reset at its end: it must not start again from the top. */
		unkeep(c);
		c->stmt = NULL;
	}

	if (rc == 1 && c->counted)
		c->total = sqlite3_column_int64(c->stmt, (int)c->ncolumns);
	return rc;
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
	if (!c->kept)
		sqlite3_reset(c->stmt);
	else if (c->stmt != NULL)
		unkeep(c);
	free(c);
}
