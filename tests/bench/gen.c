/*
 * gen.c: coopcom-gen, a large and realistic database for the benchmark.
 *
 *   coopcom-gen [--seed N] [--recommendations N] [--admin LOGIN] PATH
 *
 * The same seed and size always give the same database. The default size
 * is a council's record after years of use: 20 commissions, 1,000
 * sub-groups, 100,000 recommendations spread over every stage of the
 * workflow, 1,000,000 audit entries, 20,000 milestones and 5,000 people;
 * a smaller --recommendations scales everything down with it.
 *
 * It writes with plain SQL in one transaction (the store's one-write-at-
 * a-time path would take hours), but everything it writes is what the
 * program itself would have written: each recommendation's audit entries
 * are the moves of a real path through the workflow, with the decisions
 * of real meetings, and the audit chain is hashed by the store's own
 * function, so `coopcom check` passes on the result. LOGIN (default: the
 * Unix login running it) is the administrator, secretary of the first
 * commission, so "my work" has work in it.
 */
#include <inttypes.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "coopcom/core/date.h"
#include "coopcom/core/timescale.h"
#include "coopcom/store/audit.h"
#include "coopcom/store/db.h"
#include "coopcom/util/buf.h"
#include "coopcom/util/xalloc.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))
#define DAY 86400
#define MONTHS 36			/* the record spans three years */

/* ---- Words ---- */

static const char *const first_names[] = { "Alice", "Ben", "Chloe", "Dev",
	"Ellen", "Farid", "Grace", "Hugh", "Imran", "Jane", "Kofi", "Lena",
	"Marek", "Nia", "Owen", "Priya", "Quinn", "Rosa", "Sam", "Tariq",
	"Una", "Victor", "Wendy", "Yusuf", "Zoe", "Bronwen", "Callum",
	"Delyth", "Emrys", "Fatima" };
static const char *const last_names[] = { "Adams", "Begum", "Carter",
	"Davies", "Evans", "Fraser", "Green", "Hughes", "Iqbal", "Jones",
	"Khan", "Lewis", "Morgan", "Nowak", "Owens", "Patel", "Price",
	"Roberts", "Singh", "Taylor", "Vaughan", "Walker", "Wright", "Young",
	"Mercer", "Okafor", "Pritchard", "Rees", "Shah", "Thomas" };
static const char *const kinds[] = { "councillor", "community_leader",
	"business_leader", "officer", "resident", "employee_rep", "other" };
static const char *const organisations[] = { "Borough Council",
	"Community Trust", "Chamber of Commerce", "Housing Co-operative",
	"Unison", "Youth Forum", "Parish Council", "Credit Union", "" };
static const char *const places[] = { "Telford", "Wrekin", "Oakengates",
	"Wellington", "Madeley", "Dawley", "Newport", "Ironbridge",
	"Donnington", "Hadley", "Ketley", "Lawley", "Priorslee", "Shifnal",
	"Broseley", "Stirchley", "Trench", "Brookside", "Sutton Hill",
	"Woodside" };
static const char *const themes[] = { "Leisure, Culture and Libraries",
	"Youth Services", "Adult Social Care", "Housing", "Environment",
	"Transport", "Economy and Jobs", "Community Safety", "Health",
	"Education", "Energy", "Food" };
static const char *const verbs[] = { "Open", "Share", "Merge", "Co-produce",
	"Transfer", "Review", "Pilot", "Expand", "Reduce", "Set up", "Combine",
	"Fund" };
static const char *const objects[] = { "community libraries",
	"leisure centres", "youth clubs", "school meals", "street lighting",
	"parks maintenance", "an energy co-operative", "care at home",
	"recycling rounds", "housing repairs", "bus routes", "food growing",
	"allotments", "children's centres", "day centres", "museum opening" };
static const char *const qualifiers[] = { "with residents",
	"through a mutual", "on Sundays", "in every ward", "with volunteers",
	"by 2013", "as a co-operative", "with local businesses",
	"across the borough", "with the voluntary sector" };
static const char *const sentences[] = {
	"Residents told the sub-group they would run it themselves. ",
	"The saving comes from shared premises and fewer managers. ",
	"Staff would transfer under TUPE to the new mutual. ",
	"The Citizens' Group asked for evening opening as well. ",
	"Costs are based on the 2010/11 outturn. ",
	"A one-year pilot in two wards comes first. ",
	"Town and parish councils have offered buildings. ",
	"Users with disabilities were consulted at three events. " };
static const char *const impacts[] = { "No adverse impact found",
	"Positive for older people; monitor access by bus",
	"Mitigation needed for people without cars",
	"Positive for young people and carers" };
static const char *const notes[] = { "Needs a costed business case",
	"Savings not evidenced", "Overlaps with another recommendation",
	"Legal advice needed first" };
static const char *const methods[] = { "public meeting", "survey",
	"drop-in session", "focus group", "online consultation" };

/* ---- The random stream: splitmix64, the same everywhere ---- */

static uint64_t rng_state;

static uint64_t
rnd(void)
{
	uint64_t z = (rng_state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static size_t
pick(size_t n)
{
	return (size_t)(rnd() % n);
}

#define ONE_OF(a) ((a)[pick(NELEM(a))])

/* ---- Paths through the workflow ---- */

/*
 * Each recommendation follows one of these paths from draft; a move in
 * capitals is decided at a meeting (assembly, cabinet or council). The
 * weights spread the recommendations over every stage.
 */
struct path {
	int weight;
	const char *moves[12];
};

static const struct path paths[] = {
	{ 14, { NULL } },
	{ 8, { "tested", NULL } },
	{ 5, { "submitted", NULL } },
	{ 5, { "tested", "submitted", NULL } },
	{ 8, { "tested", "submitted", "approved", NULL } },
	{ 4, { "submitted", "rejected", NULL } },
	{ 5, { "submitted", "referred_back", NULL } },
	{ 3, { "withdrawn", NULL } },
	{ 7, { "submitted", "approved", "in_report", NULL } },
	{ 8, { "tested", "submitted", "approved", "in_report", "accepted",
	    NULL } },
	{ 4, { "submitted", "approved", "in_report", "not_accepted", NULL } },
	{ 9, { "submitted", "approved", "in_report", "accepted", "adopted",
	    NULL } },
	{ 5, { "tested", "submitted", "referred_back", "tested", "submitted",
	    "approved", "in_report", "accepted", "adopted", "in_delivery",
	    NULL } },
	{ 6, { "submitted", "approved", "in_report", "accepted", "adopted",
	    "in_delivery", NULL } },
	{ 8, { "submitted", "approved", "in_report", "accepted", "adopted",
	    "in_delivery", "delivered", NULL } },
};

enum body { BODY_NONE, BODY_ASSEMBLY, BODY_CABINET, BODY_COUNCIL };

static enum body
decided_by(const char *to)
{
	if (strcmp(to, "approved") == 0 || strcmp(to, "rejected") == 0 ||
	    strcmp(to, "referred_back") == 0)
		return BODY_ASSEMBLY;
	if (strcmp(to, "accepted") == 0 || strcmp(to, "not_accepted") == 0)
		return BODY_CABINET;
	if (strcmp(to, "adopted") == 0)
		return BODY_COUNCIL;
	return BODY_NONE;
}

static size_t
path_length(const struct path *p)
{
	size_t n = 0;

	while (p->moves[n] != NULL)
		n++;
	return n;
}

/* ---- The plan ---- */

struct sizes {
	int64_t recs, subgroups, commissions, people, milestones, audit;
};

/* What is decided about a recommendation before anything is written. */
struct rec {
	int64_t subgroup;		/* id */
	int64_t created, last, last_move;	/* seconds from the start */
	int64_t referral;		/* audit id of its referral back */
	uint8_t path, updates, term;
	char target[DATE_ISO_SIZE];	/* set on adoption */
};

/* One audit entry of a recommendation: its STEP-th event. */
struct event {
	int64_t at;
	int32_t rec;
	int32_t step;
};

struct gen {
	struct db *db;
	sqlite3 *h;
	struct sizes n;
	char *admin;
	time_t start;			/* 2011-07-26 09:00 UTC */
	int64_t span;			/* seconds the record covers */
	int64_t audit_id;
	char prev[AUDIT_HASH_HEX];
	int64_t setup_at;		/* time of the next set-up entry */
	struct rec *recs;
	struct event *events;
	size_t nevents;
};

static void
die_sql(struct gen *g, const char *what)
{
	fprintf(stderr, "coopcom-gen: %s: %s\n", what, sqlite3_errmsg(g->h));
	exit(1);
}

static sqlite3_stmt *
prep(struct gen *g, const char *sql)
{
	struct err e;
	sqlite3_stmt *q = db_prepare(g->db, sql, &e);

	if (q == NULL) {
		fprintf(stderr, "coopcom-gen: %s\n", e.msg);
		exit(1);
	}
	return q;
}

static void
run(struct gen *g, sqlite3_stmt *q)
{
	if (sqlite3_step(q) != SQLITE_DONE)
		die_sql(g, sqlite3_sql(q));
	sqlite3_reset(q);
	sqlite3_clear_bindings(q);
}

static void
when(const struct gen *g, int64_t at, char out[20])
{
	time_t t = g->start + (time_t)at;
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(out, 20, "%Y-%m-%d %H:%M:%S", &tm);
}

static void
day_of(const struct gen *g, int64_t at, char out[DATE_ISO_SIZE])
{
	char t[20];

	when(g, at, t);
	snprintf(out, DATE_ISO_SIZE, "%.10s", t);
}

/* Appends one entry to the chain, hashed as the store hashes. */
static void
audit(struct gen *g, int64_t at, int64_t person, const char *login,
    const char *entity, int64_t id, const char *action, const char *changes,
    const char *note, int64_t decision)
{
	static const char sql[] = "INSERT INTO audit(id, at, person_id, login, "
	    "entity, entity_id, action, changes, note, decision_id, prev_hash, "
	    "hash) VALUES (:id, :at, :person, :login, :entity, :eid, :action, "
	    ":changes, :note, :decision, :prev, :hash)";
	sqlite3_stmt *q = prep(g, sql);
	char stamp[20], hash[AUDIT_HASH_HEX];
	struct audit_entry en;

	when(g, at, stamp);
	en = (struct audit_entry){ .id = ++g->audit_id, .at = stamp,
		.login = login, .entity = entity, .action = action,
		.changes = changes, .note = note, .prev = g->prev,
		.person_id = person, .entity_id = id, .decision_id = decision };
	audit_entry_hash(&en, hash);
	db_bind_int(q, ":id", en.id);
	db_bind_text(q, ":at", stamp);
	if (person)
		db_bind_int(q, ":person", person);
	db_bind_text(q, ":login", login);
	db_bind_text(q, ":entity", entity);
	db_bind_int(q, ":eid", id);
	db_bind_text(q, ":action", action);
	db_bind_text(q, ":changes", changes);
	db_bind_text(q, ":note", note);
	if (decision)
		db_bind_int(q, ":decision", decision);
	db_bind_text(q, ":prev", g->prev);
	db_bind_text(q, ":hash", hash);
	run(g, q);
	memcpy(g->prev, hash, AUDIT_HASH_HEX);
}

/* A set-up record's "create" entry, by the administrator, early on. */
static void
audit_setup(struct gen *g, const char *entity, int64_t id, const char *json)
{
	audit(g, g->setup_at, 1, g->admin, entity, id, "create", json, "", 0);
	g->setup_at += 20 + (int64_t)pick(40);
}

static const char *
login_of(int64_t person, char buf[24])
{
	snprintf(buf, 24, "p%05" PRId64, person);
	return buf;
}

/* ---- People, commissions, sub-groups ---- */

static void
people(struct gen *g)
{
	static const char sql[] = "INSERT INTO person(id, login, name, "
	    "organisation, kind, email, is_admin, updated_at, updated_by) "
	    "VALUES (:id, :login, :name, :org, :kind, :email, :admin, :at, 1)";
	char name[64], email[80], lb[24], at[20], *json;
	const char *login;
	int64_t i;

	for (i = 1; i <= g->n.people; i++) {
		sqlite3_stmt *q = prep(g, sql);

		login = i == 1 ? g->admin : login_of(i, lb);
		snprintf(name, sizeof name, "%s %s", ONE_OF(first_names),
		    ONE_OF(last_names));
		snprintf(email, sizeof email, "%s@example.org", login);
		when(g, g->setup_at, at);
		db_bind_int(q, ":id", i);
		db_bind_text(q, ":login", login);
		db_bind_text(q, ":name", name);
		db_bind_text(q, ":org", ONE_OF(organisations));
		db_bind_text(q, ":kind", i == 1 ? "officer" : ONE_OF(kinds));
		db_bind_text(q, ":email", email);
		db_bind_int(q, ":admin", i == 1);
		db_bind_text(q, ":at", at);
		run(g, q);
		json = x_printf("{\"login\":[null,\"%s\"],\"name\":[null,\"%s\"]"
		    "}", login, name);
		audit(g, g->setup_at, 1, g->admin, "person", i,
		    i == 1 ? "grant-admin" : "create", json, "", 0);
		g->setup_at += 20 + (int64_t)pick(40);
		free(json);
	}
}

/*
 * The person in role slot SLOT, always the same one (a sub-group's chair
 * is asked for again with each of its recommendations); nearby slots are
 * different people. Person 1, the administrator, is given out by hand.
 */
static int64_t
someone(const struct gen *g, int64_t slot)
{
	return 2 + slot * 7919 % (g->n.people - 1);
}

/*
 * A membership row (SQL inserts one, with :owner, :pid, :role, :joined
 * and :at) and its audit entry with JSON, which this frees. A person
 * drawn twice for one body is left out.
 */
static void
membership(struct gen *g, const char *kind, const char *sql, int64_t owner,
    int64_t person, const char *role, const char *joined, char *json)
{
	sqlite3_stmt *q = prep(g, sql);
	char at[20];

	when(g, g->setup_at, at);
	db_bind_int(q, ":owner", owner);
	db_bind_int(q, ":pid", person);
	db_bind_text(q, ":role", role);
	db_bind_text(q, ":joined", joined);
	db_bind_text(q, ":at", at);
	if (sqlite3_step(q) == SQLITE_DONE)
		audit_setup(g, kind, sqlite3_last_insert_rowid(g->h), json);
	sqlite3_reset(q);
	free(json);
}

static void
commission_member(struct gen *g, int64_t cid, int64_t person,
    const char *role, const char *joined)
{
	static const char sql[] = "INSERT INTO commission_member(commission_id, "
	    "person_id, role, joined_on, updated_at, updated_by) VALUES "
	    "(:owner, :pid, :role, :joined, :at, 1)";

	membership(g, "commission-member", sql, cid, person, role, joined,
	    x_printf("{\"commission\":[null,\"%" PRId64 "\"],\"person\":"
	    "[null,\"%" PRId64 "\"],\"role\":[null,\"%s\"]}", cid, person,
	    role));
}

static void
commissions(struct gen *g)
{
	static const char sql[] = "INSERT INTO commission(id, code, name, kind, "
	    "remit, established, report_due, updated_at, updated_by) VALUES "
	    "(:id, :code, :name, :kind, :remit, :est, :due, :at, 1)";
	static const char *const roles[] = { "chair", "commissioner",
		"commissioner", "commissioner", "commissioner", "lead_cabinet",
		"observer" };
	char code[24], name[96], at[20], est[DATE_ISO_SIZE], due[DATE_ISO_SIZE];
	char *json;
	int64_t c;
	size_t r;

	for (c = 1; c <= g->n.commissions; c++) {
		sqlite3_stmt *q = prep(g, sql);

		snprintf(code, sizeof code, "CC%02" PRId64, c);
		snprintf(name, sizeof name, "%s Co-operative Commission",
		    places[(c - 1) % NELEM(places)]);
		if (c > (int64_t)NELEM(places))
			snprintf(name, sizeof name, "Co-operative Commission "
			    "%" PRId64, c);
		when(g, g->setup_at, at);
		day_of(g, g->setup_at, est);
		day_of(g, g->setup_at + 180 * DAY, due);
		db_bind_int(q, ":id", c);
		db_bind_text(q, ":code", code);
		db_bind_text(q, ":name", name);
		db_bind_text(q, ":kind", c % 10 == 0 ? "citizens_group" :
		    "commission");
		db_bind_text(q, ":remit", "To design co-operative ways of "
		    "running council services with the people who use them.");
		db_bind_text(q, ":est", est);
		db_bind_text(q, ":due", due);
		db_bind_text(q, ":at", at);
		run(g, q);
		json = x_printf("{\"code\":[null,\"%s\"],\"name\":[null,\"%s\"]}",
		    code, name);
		audit_setup(g, "commission", c, json);
		free(json);
		commission_member(g, c, c == 1 ? 1 : someone(g, c),
		    "secretary", est);
		for (r = 0; r < NELEM(roles); r++)
			commission_member(g, c, someone(g, c * 16 + (int64_t)r),
			    roles[r], est);
	}
}

static void
subgroup_member(struct gen *g, int64_t sg, int64_t person, const char *role)
{
	static const char sql[] = "INSERT INTO subgroup_member(subgroup_id, "
	    "person_id, role, joined_on, updated_at, updated_by) VALUES "
	    "(:owner, :pid, :role, :joined, :at, 1)";
	char joined[DATE_ISO_SIZE];

	day_of(g, g->setup_at, joined);
	membership(g, "subgroup-member", sql, sg, person, role, joined,
	    x_printf("{\"person\":[null,\"%" PRId64 "\"],\"role\":[null,"
	    "\"%s\"],\"subgroup\":[null,\"%" PRId64 "\"]}", person, role,
	    sg));
}

static void
engagement(struct gen *g, int64_t sg)
{
	static const char sql[] = "INSERT INTO engagement(subgroup_id, held_on, "
	    "method, audience, reach, summary, updated_at, updated_by) VALUES "
	    "(:sg, :held, :method, :aud, :reach, :sum, :at, 1)";
	sqlite3_stmt *q;
	char at[20], held[DATE_ISO_SIZE], *json;
	const char *method;
	int i;

	for (i = 0; i < 3; i++) {
		q = prep(g, sql);
		method = ONE_OF(methods);
		when(g, g->setup_at, at);
		day_of(g, (int64_t)pick((size_t)g->span / 2), held);
		db_bind_int(q, ":sg", sg);
		db_bind_text(q, ":held", held);
		db_bind_text(q, ":method", method);
		db_bind_text(q, ":aud", "service users and residents");
		db_bind_int(q, ":reach", 10 + (int64_t)pick(400));
		db_bind_text(q, ":sum", ONE_OF(sentences));
		db_bind_text(q, ":at", at);
		run(g, q);
		json = x_printf("{\"date\":[null,\"%s\"],\"method\":[null,"
		    "\"%s\"]}", held, method);
		audit_setup(g, "engagement", sqlite3_last_insert_rowid(g->h),
		    json);
		free(json);
	}
}

static void
subgroups(struct gen *g)
{
	static const char sql[] = "INSERT INTO subgroup(id, commission_id, "
	    "code, name, remit, theme, updated_at, updated_by) VALUES (:id, "
	    ":cid, :code, :name, :remit, :theme, :at, 1)";
	int64_t per = g->n.subgroups / g->n.commissions, s, cid, k, m;
	char code[32], name[96], at[20], *json;
	const char *theme;

	for (s = 1; s <= g->n.subgroups; s++) {
		sqlite3_stmt *q = prep(g, sql);

		cid = (s - 1) / per + 1;
		if (cid > g->n.commissions)
			cid = g->n.commissions;
		k = s - (cid - 1) * per;	/* 1.. within the commission */
		theme = themes[(k - 1) % NELEM(themes)];
		snprintf(code, sizeof code, "%c%c%" PRId64, theme[0],
		    'A' + (int)((k - 1) % NELEM(themes)), k);
		snprintf(name, sizeof name, "%s %" PRId64, theme, k);
		when(g, g->setup_at, at);
		db_bind_int(q, ":id", s);
		db_bind_int(q, ":cid", cid);
		db_bind_text(q, ":code", code);
		db_bind_text(q, ":name", name);
		db_bind_text(q, ":remit", "To look at how the services of this "
		    "theme could be run co-operatively.");
		db_bind_text(q, ":theme", theme);
		db_bind_text(q, ":at", at);
		run(g, q);
		json = x_printf("{\"code\":[null,\"%s\"],\"commission\":[null,"
		    "\"%" PRId64 "\"],\"name\":[null,\"%s\"]}", code, cid, name);
		audit_setup(g, "subgroup", s, json);
		free(json);
		subgroup_member(g, s, someone(g, s * 5), "chair");
		for (m = 1; m < 5; m++)
			subgroup_member(g, s, someone(g, s * 5 + m),
			    m == 4 ? "officer" : "member");
		engagement(g, s);
	}
}

/* ---- Meetings ---- */

/* Meetings are monthly: each commission's assembly, Cabinet, Council. */
static int64_t
meeting_id(const struct gen *g, enum body b, int64_t cid, int64_t month)
{
	if (month >= MONTHS)
		month = MONTHS - 1;
	switch (b) {
	case BODY_ASSEMBLY:
		return (cid - 1) * MONTHS + month + 1;
	case BODY_CABINET:
		return g->n.commissions * MONTHS + month + 1;
	default:
		return (g->n.commissions + 1) * MONTHS + month + 1;
	}
}

static void
meeting_day(const struct gen *g, int64_t month, char out[DATE_ISO_SIZE])
{
	struct date d = date_add_months((struct date){ 2011, 8, 17 },
	    (int)month);

	(void)g;
	date_format_iso(d, out);
}

/* Enough people present for every body's default quorum. */
static void
attendance(struct gen *g, int64_t meeting, int present)
{
	static const char sql[] = "INSERT OR IGNORE INTO attendance("
	    "meeting_id, person_id, status) VALUES (:mid, :pid, 'present')";
	int k;

	for (k = 0; k < present; k++) {
		sqlite3_stmt *q = prep(g, sql);

		db_bind_int(q, ":mid", meeting);
		db_bind_int(q, ":pid", someone(g, meeting * 31 + k));
		run(g, q);
	}
}

static void
meeting(struct gen *g, int64_t id, const char *body, int64_t cid,
    int64_t month)
{
	static const char sql[] = "INSERT INTO meeting(id, body, commission_id, "
	    "title, held_on, place, updated_at, updated_by) VALUES (:id, :body, "
	    ":cid, :title, :held, :place, :at, 1)";
	sqlite3_stmt *q = prep(g, sql);
	char held[DATE_ISO_SIZE], at[20], *json;

	meeting_day(g, month, held);
	when(g, g->setup_at, at);
	db_bind_int(q, ":id", id);
	db_bind_text(q, ":body", body);
	if (cid)
		db_bind_int(q, ":cid", cid);
	db_bind_text(q, ":title", strcmp(body, "assembly") == 0 ?
	    "Assembly of Commissioners" : "");
	db_bind_text(q, ":held", held);
	db_bind_text(q, ":place", "Civic Offices");
	db_bind_text(q, ":at", at);
	run(g, q);
	json = x_printf("{\"body\":[null,\"%s\"],\"date\":[null,\"%s\"]}",
	    body, held);
	audit_setup(g, "meeting", id, json);
	free(json);
	attendance(g, id, strcmp(body, "council") == 0 ? 24 : 9);
}

static void
meetings(struct gen *g)
{
	int64_t c, m;

	for (c = 1; c <= g->n.commissions; c++)
		for (m = 0; m < MONTHS; m++)
			meeting(g, meeting_id(g, BODY_ASSEMBLY, c, m),
			    "assembly", c, m);
	for (m = 0; m < MONTHS; m++) {
		meeting(g, meeting_id(g, BODY_CABINET, 1, m), "cabinet", 0, m);
		meeting(g, meeting_id(g, BODY_COUNCIL, 1, m), "council", 0, m);
	}
}

/* ---- Milestones ---- */

static void
timescale_text(int64_t i, char *out, size_t size)
{
	static const char *const forms[] = { "End %s %d", "%s %d",
		"early %s %d", "mid-%s %d", "late %s %d", "Phase 2 - %s %d" };
	int year = 2011 + (int)pick(4), month = 1 + (int)pick(12);

	switch (i % 9) {
	case 0:
		snprintf(out, size, "Q%d %d", 1 + (int)pick(4), year);
		break;
	case 1:
		snprintf(out, size, "%d %s %d", 1 + (int)pick(28),
		    date_month_name(month), year);
		break;
	case 2:
		snprintf(out, size, "To be confirmed");
		break;
	default:
		snprintf(out, size, forms[pick(NELEM(forms))],
		    date_month_name(month), year);
		break;
	}
}

static void
milestones(struct gen *g)
{
	static const char sql[] = "INSERT INTO milestone(id, commission_id, "
	    "subgroup_id, theme, title, timescale, dating, earliest, latest, "
	    "status, state, updated_at, updated_by) VALUES (:id, :cid, :sg, "
	    ":theme, :title, :ts, :dating, :early, :late, :status, :state, "
	    ":at, 1)";
	char text[64], title[160], early[DATE_ISO_SIZE], late[DATE_ISO_SIZE];
	char at[20], *json;
	struct timescale ts;
	struct err e;
	int64_t i, sg;

	for (i = 1; i <= g->n.milestones; i++) {
		sqlite3_stmt *q = prep(g, sql);

		sg = 1 + (i - 1) % g->n.subgroups;
		timescale_text(i, text, sizeof text);
		timescale_parse(text, 2012, &ts, &e);
		snprintf(title, sizeof title, "%s %s %s", ONE_OF(verbs),
		    ONE_OF(objects), ONE_OF(qualifiers));
		when(g, g->setup_at, at);
		db_bind_int(q, ":id", i);
		if (i % 10 == 0)
			db_bind_int(q, ":cid", 1 + (sg - 1) * g->n.commissions /
			    g->n.subgroups);
		else
			db_bind_int(q, ":sg", sg);
		db_bind_text(q, ":theme", themes[i % NELEM(themes)]);
		db_bind_text(q, ":title", title);
		db_bind_text(q, ":ts", text);
		db_bind_text(q, ":dating", timescale_kind_name(ts.kind));
		if (ts.kind == TIMESCALE_EXACT || ts.kind == TIMESCALE_RANGE) {
			date_format_iso(date_from_days(ts.earliest), early);
			date_format_iso(date_from_days(ts.latest), late);
			db_bind_text(q, ":early", early);
			db_bind_text(q, ":late", late);
		}
		db_bind_text(q, ":status", i % 3 ? "on track" : "");
		db_bind_text(q, ":state", i % 4 == 0 ? "done" : "planned");
		db_bind_text(q, ":at", at);
		run(g, q);
		json = x_printf("{\"timescale\":[null,\"%s\"],\"title\":[null,"
		    "\"%s\"]}", text, title);
		audit_setup(g, "milestone", i, json);
		free(json);
	}
}

/* ---- Recommendations ---- */

static size_t
pick_path(void)
{
	int total = 0, r;
	size_t i;

	for (i = 0; i < NELEM(paths); i++)
		total += paths[i].weight;
	r = (int)pick((size_t)total);
	for (i = 0; r >= paths[i].weight; i++)
		r -= paths[i].weight;
	return i;
}

/* Updates fall evenly between the moves: how many before move M. */
static int
updates_before(const struct rec *r, size_t m)
{
	int gaps = (int)path_length(&paths[r->path]) + 1;

	return r->updates / gaps + ((int)m < r->updates % gaps);
}

static size_t
steps_of(const struct rec *r)
{
	return 1 + path_length(&paths[r->path]) + r->updates;
}

/*
 * Plans each recommendation (its path, its updates, the times of its
 * events) so that the whole trail comes to the audit size asked for.
 */
static void
plan(struct gen *g)
{
	int64_t left = g->n.audit - g->audit_id, budget, i, t, gap;
	size_t s, steps;
	int64_t base = g->setup_at;

	g->recs = x_calloc((size_t)g->n.recs, sizeof *g->recs);
	for (i = 0; i < g->n.recs; i++) {
		g->recs[i].path = (uint8_t)pick_path();
		g->recs[i].term = (uint8_t)pick(3);
		g->recs[i].subgroup = 1 + i * g->n.subgroups / g->n.recs;
		left -= 1 + (int64_t)path_length(&paths[g->recs[i].path]);
	}
	for (i = 0; i < g->n.recs; i++) {
		budget = left > 0 ? left / (g->n.recs - i) : 0;
		if (budget > 2)
			budget += (int64_t)pick(3) - 1;
		if (budget > 200)
			budget = 200;
		g->recs[i].updates = (uint8_t)budget;
		left -= budget;
		g->nevents += steps_of(&g->recs[i]);
	}
	g->events = x_calloc(g->nevents, sizeof *g->events);
	g->nevents = 0;
	for (i = 0; i < g->n.recs; i++) {
		steps = steps_of(&g->recs[i]);
		t = base + (int64_t)pick((size_t)(g->span - base) / 2);
		gap = (g->span - t) / (int64_t)(steps + 1);
		for (s = 0; s < steps; s++) {
			g->events[g->nevents++] = (struct event){ t, (int32_t)i,
				(int32_t)s };
			t += gap / 2 + (int64_t)pick((size_t)gap / 2 + 1);
		}
	}
}

static int
by_time(const void *a, const void *b)
{
	const struct event *x = a, *y = b;

	if (x->at != y->at)
		return x->at < y->at ? -1 : 1;
	if (x->rec != y->rec)
		return x->rec < y->rec ? -1 : 1;
	return x->step < y->step ? -1 : x->step > y->step;
}

/* A move's index in the path, or -1 when step S is an update. */
static int
move_at(const struct rec *r, size_t s)
{
	size_t n = path_length(&paths[r->path]), m, at = 1;

	for (m = 0; m <= n; m++) {
		at += (size_t)updates_before(r, m);
		if (s < at)
			return -1;
		if (m < n && s == at)
			return (int)m;
		at++;
	}
	return -1;
}

static const char *const term_names[] = { "short", "medium", "long" };
static const int term_months[] = { 6, 18, 36 };

static void
title_of(int64_t i, char *out, size_t size)
{
	uint64_t h = (uint64_t)i * 0x9e3779b97f4a7c15ULL;

	snprintf(out, size, "%s %s %s", verbs[(h >> 8) % NELEM(verbs)],
	    objects[(h >> 20) % NELEM(objects)],
	    qualifiers[(h >> 32) % NELEM(qualifiers)]);
}

static void
ref_of(struct gen *g, int64_t i, char *out, size_t size)
{
	static const char sql[] = "SELECT c.code, s.code FROM subgroup s JOIN "
	    "commission c ON c.id = s.commission_id WHERE s.id = :id";
	sqlite3_stmt *q = prep(g, sql);
	const struct rec *r = &g->recs[i];
	int64_t first = (r->subgroup - 1) * g->n.recs / g->n.subgroups;

	while (first > 0 && g->recs[first - 1].subgroup == r->subgroup)
		first--;
	while (g->recs[first].subgroup != r->subgroup)
		first++;
	db_bind_int(q, ":id", r->subgroup);
	if (sqlite3_step(q) != SQLITE_ROW)
		die_sql(g, "sub-group");
	snprintf(out, size, "%s-%s-%02" PRId64, sqlite3_column_text(q, 0),
	    sqlite3_column_text(q, 1), i - first + 1);
	sqlite3_reset(q);
}

static void
chair_of(const struct gen *g, const struct rec *r, int64_t *id, char lb[24])
{
	*id = someone(g, r->subgroup * 5);
	login_of(*id, lb);
}

/* Writes the events in time order: updates, moves and their decisions. */
static void
event(struct gen *g, const struct event *ev)
{
	static const char decision_sql[] = "INSERT INTO decision(meeting_id, "
	    "recommendation_id, outcome, reason, votes_for, votes_against, "
	    "votes_abstain, updated_at, updated_by) VALUES (:mid, :rid, :out, "
	    ":why, :for, :against, :abstain, :at, 1)";
	struct rec *r = &g->recs[ev->rec];
	const struct path *p = &paths[r->path];
	int64_t id = ev->rec + 1, who, decision = 0, cid;
	int m = ev->step == 0 ? -2 : move_at(r, (size_t)ev->step);
	char lb[24], at[20], title[160], *json;
	const char *from, *to, *note = "";
	enum body b;

	chair_of(g, r, &who, lb);
	if (m == -2) {
		title_of(id, title, sizeof title);
		json = x_printf("{\"stage\":[null,\"draft\"],\"subgroup\":[null,"
		    "\"%" PRId64 "\"],\"term\":[null,\"%s\"],\"title\":[null,"
		    "\"%s\"]}", r->subgroup, term_names[r->term], title);
		audit(g, ev->at, who, lb, "recommendation", id, "create", json,
		    "", 0);
		free(json);
		return;
	}
	if (m == -1) {
		json = x_printf("{\"savings\":[\"%" PRId64 "\",\"%" PRId64
		    "\"]}", (int64_t)ev->step * 50000, (int64_t)ev->step *
		    50000 + 25000);
		audit(g, ev->at, who, lb, "recommendation", id, "update", json,
		    "", 0);
		free(json);
		return;
	}
	from = m == 0 ? "draft" : p->moves[m - 1];
	to = p->moves[m];
	/* The sub-group moves its own drafts; the secretary the rest. */
	if (strcmp(to, "tested") != 0 && strcmp(to, "submitted") != 0 &&
	    strcmp(to, "withdrawn") != 0) {
		who = 1;
		snprintf(lb, sizeof lb, "%s", g->admin);
	}
	if ((b = decided_by(to)) != BODY_NONE) {
		sqlite3_stmt *q = prep(g, decision_sql);

		cid = 1 + (r->subgroup - 1) * g->n.commissions / g->n.subgroups;
		when(g, ev->at, at);
		db_bind_int(q, ":mid", meeting_id(g, b, cid, ev->at /
		    (g->span / MONTHS)));
		db_bind_int(q, ":rid", id);
		db_bind_text(q, ":out", to);
		db_bind_text(q, ":why", "");
		db_bind_int(q, ":for", 5 + (int64_t)pick(10));
		db_bind_int(q, ":against", (int64_t)pick(4));
		db_bind_int(q, ":abstain", (int64_t)pick(3));
		db_bind_text(q, ":at", at);
		run(g, q);
		decision = sqlite3_last_insert_rowid(g->h);
	}
	if (strcmp(to, "rejected") == 0 || strcmp(to, "referred_back") == 0)
		note = notes[pick(NELEM(notes))];
	if (strcmp(to, "adopted") == 0) {
		json = x_printf("{\"stage\":[\"%s\",\"%s\"],\"target\":[null,"
		    "\"%s\"]}", from, to, r->target);
	} else if (strcmp(to, "submitted") == 0 && r->referral) {
		json = x_printf("{\"resubmits\":%" PRId64 ",\"stage\":[\"%s\","
		    "\"%s\"]}", r->referral, from, to);
	} else {
		json = x_printf("{\"stage\":[\"%s\",\"%s\"]}", from, to);
	}
	audit(g, ev->at, who, lb, "recommendation", id, "advance", json, note,
	    decision);
	if (strcmp(to, "referred_back") == 0)
		r->referral = g->audit_id;
	r->last_move = ev->at;
	free(json);
}

static void
recommendation(struct gen *g, int64_t i)
{
	static const char sql[] = "INSERT INTO recommendation(id, subgroup_id, "
	    "ref, title, body, term, savings_pence, upfront_cost_pence, "
	    "equality_impact, stage, stage_since, round, target_date, version, "
	    "created_at, created_by, updated_at, updated_by, percent_complete) "
	    "VALUES (:id, :sg, :ref, :title, :body, :term, :savings, :cost, "
	    ":impact, :stage, :since, :round, :target, :version, :created, "
	    ":by, :updated, 1, :pct)";
	sqlite3_stmt *q = prep(g, sql);
	const struct rec *r = &g->recs[i];
	const struct path *p = &paths[r->path];
	size_t n = path_length(p);
	char ref[48], title[160], created[20], updated[20], since[20], lb[24];
	const char *stage = n ? p->moves[n - 1] : "draft";
	struct buf body;
	int64_t who;
	int k;

	buf_init(&body);
	for (k = 0; k < 3; k++)
		buf_add(&body, ONE_OF(sentences));
	title_of(i + 1, title, sizeof title);
	ref_of(g, i, ref, sizeof ref);
	chair_of(g, r, &who, lb);
	when(g, r->created, created);
	when(g, r->last, updated);
	when(g, n ? r->last_move : r->created, since);
	db_bind_int(q, ":id", i + 1);
	db_bind_int(q, ":sg", r->subgroup);
	db_bind_text(q, ":ref", ref);
	db_bind_text(q, ":title", title);
	db_bind_text(q, ":body", buf_str(&body));
	db_bind_text(q, ":term", term_names[r->term]);
	db_bind_int(q, ":savings", 100000 * (1 + (int64_t)pick(500)));
	db_bind_int(q, ":cost", 50000 * (int64_t)pick(100));
	db_bind_text(q, ":impact", ONE_OF(impacts));
	db_bind_text(q, ":stage", stage);
	db_bind_text(q, ":since", since);
	db_bind_int(q, ":round", r->referral ? 2 : 1);
	db_bind_text(q, ":target", r->target[0] ? r->target : NULL);
	db_bind_int(q, ":version", 1 + (int64_t)n + r->updates);
	db_bind_text(q, ":created", created);
	db_bind_int(q, ":by", who);
	db_bind_text(q, ":updated", updated);
	if (strcmp(stage, "in_delivery") == 0)
		db_bind_int(q, ":pct", (int64_t)pick(100));
	else if (strcmp(stage, "delivered") == 0)
		db_bind_int(q, ":pct", 100);
	run(g, q);
	buf_done(&body);
}

/*
 * The rows come first (their final state follows from the plan), then
 * the events in time order, so the audit ids rise with time as the
 * program's own would.
 */
static void
recommendations(struct gen *g)
{
	size_t i;

	plan(g);
	qsort(g->events, g->nevents, sizeof *g->events, by_time);
	for (i = 0; i < g->nevents; i++) {
		struct rec *r = &g->recs[g->events[i].rec];

		if (g->events[i].step == 0)
			r->created = g->events[i].at;
		r->last = g->events[i].at;
		if (move_at(r, (size_t)g->events[i].step) >= 0) {
			r->last_move = g->events[i].at;
			if (strcmp(paths[r->path].moves[move_at(r,
			    (size_t)g->events[i].step)], "referred_back") == 0)
				r->referral = 1;
		}
	}
	/* Targets are set by the adoption event; plan them the same way. */
	for (i = 0; i < g->nevents; i++) {
		struct rec *r = &g->recs[g->events[i].rec];
		int m = g->events[i].step ? move_at(r,
		    (size_t)g->events[i].step) : -1;
		char day[DATE_ISO_SIZE];
		struct date d;

		if (m >= 0 && strcmp(paths[r->path].moves[m], "adopted") == 0) {
			day_of(g, g->events[i].at, day);
			date_parse_iso(day, &d, NULL);
			date_format_iso(date_add_months(d,
			    term_months[r->term]), r->target);
		}
	}
	for (i = 0; i < (size_t)g->n.recs; i++)
		recommendation(g, (int64_t)i);
	for (i = 0; i < (size_t)g->n.recs; i++)
		g->recs[i].referral = 0;
	for (i = 0; i < g->nevents; i++)
		event(g, &g->events[i]);
}

/* ---- Main ---- */

static void
write_head(struct gen *g)
{
	static const char sql[] = "INSERT INTO meta(key, value) VALUES "
	    "('audit_head', :v) ON CONFLICT(key) DO UPDATE SET value = "
	    "excluded.value";
	sqlite3_stmt *q = prep(g, sql);
	char v[AUDIT_HASH_HEX + 32];

	snprintf(v, sizeof v, "%" PRId64 ":%s", g->audit_id, g->prev);
	db_bind_text(q, ":v", v);
	run(g, q);
}

static void
sql_exec(struct gen *g, const char *sql)
{
	struct err e;

	if (db_exec(g->db, sql, &e) < 0) {
		fprintf(stderr, "coopcom-gen: %s: %s\n", sql, e.msg);
		exit(1);
	}
}

static void
sizes(struct sizes *n, int64_t recs)
{
	n->recs = recs;
	n->subgroups = recs / 100 > 0 ? recs / 100 : 1;
	n->commissions = n->subgroups / 50;
	if (n->commissions < 1)
		n->commissions = 1;
	if (n->commissions > 20)
		n->commissions = 20;
	n->people = recs / 20 > 20 ? recs / 20 : 20;
	n->milestones = recs / 5;
	n->audit = recs * 10;
}

static void
usage(void)
{
	fprintf(stderr, "usage: coopcom-gen [--seed N] [--recommendations N] "
	    "[--admin LOGIN] PATH\n");
	exit(2);
}

int
main(int argc, char **argv)
{
	struct gen g;
	struct passwd *pw = getpwuid(geteuid());
	struct tm tm = { .tm_year = 111, .tm_mon = 6, .tm_mday = 26,
		.tm_hour = 9 };
	uint64_t seed = 1;
	int64_t recs = 100000;
	const char *admin = pw ? pw->pw_name : "admin";
	struct err e;
	int i;

	for (i = 1; i + 1 < argc && argv[i][0] == '-'; i += 2) {
		if (strcmp(argv[i], "--seed") == 0)
			seed = strtoull(argv[i + 1], NULL, 10);
		else if (strcmp(argv[i], "--recommendations") == 0)
			recs = strtoll(argv[i + 1], NULL, 10);
		else if (strcmp(argv[i], "--admin") == 0)
			admin = argv[i + 1];
		else
			usage();
	}
	if (i != argc - 1 || recs < 1 || recs > 10000000)
		usage();
	if (access(argv[i], F_OK) == 0) {
		fprintf(stderr, "coopcom-gen: %s exists; remove it first\n",
		    argv[i]);
		return 1;
	}
	memset(&g, 0, sizeof g);
	rng_state = seed;
	sizes(&g.n, recs);
	g.admin = x_strdup(admin);
	g.start = timegm(&tm);
	g.span = (int64_t)MONTHS * 30 * DAY;
	memcpy(g.prev, audit_genesis, AUDIT_HASH_HEX);
	if (db_open(&g.db, argv[i], DB_CREATE, 5000, NULL, &e) < 0) {
		fprintf(stderr, "coopcom-gen: %s\n", e.msg);
		return 1;
	}
	g.h = db_handle(g.db);
	/* Nothing to protect until the end: no journal while writing. */
	sql_exec(&g, "PRAGMA journal_mode = OFF");
	sql_exec(&g, "PRAGMA synchronous = OFF");
	sql_exec(&g, "PRAGMA cache_size = -262144");
	sql_exec(&g, "BEGIN");
	people(&g);
	commissions(&g);
	subgroups(&g);
	meetings(&g);
	milestones(&g);
	recommendations(&g);
	write_head(&g);
	sql_exec(&g, "COMMIT");
	sql_exec(&g, "PRAGMA journal_mode = WAL");
	printf("%s: %" PRId64 " recommendations, %" PRId64 " sub-groups, %"
	    PRId64 " commissions, %" PRId64 " people, %" PRId64 " milestones, %"
	    PRId64 " audit entries\n", argv[i], g.n.recs, g.n.subgroups,
	    g.n.commissions, g.n.people, g.n.milestones, g.audit_id);
	db_close(g.db);
	free(g.recs);
	free(g.events);
	free(g.admin);
	return 0;
}
