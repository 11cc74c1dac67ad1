/*
 * test_record.c: creating, editing, archiving, finding and listing
 * records through the store, as each person in the fixture's world.
 *
 * Every test starts from a fresh world (fixture.h). In it the ids are
 * those of the order it is built in; the tests name records by code or
 * login, and read results back with raw SQL so that a store that reports
 * success without writing (or writes without reporting) is caught.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coopcom/core/date.h"
#include "coopcom/store/list.h"
#include "coopcom/util/buf.h"
#include "coopcom/util/xalloc.h"
#include "fixture.h"

Suite *record_suite(void);

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))
#define MAXV 6

/* Values in a table row: up to MAXV, the rest { NULL, NULL }. */
struct vals {
	struct store_value v[MAXV];
};

static size_t
nvals(const struct vals *v)
{
	size_t n = 0;

	while (n < MAXV && v->v[n].name != NULL)
		n++;
	return n;
}

static int
try_create(struct store *st, enum entity_kind kind, const struct vals *v,
    int64_t *id, struct err *e)
{
	err_clear(e);
	return store_create(st, kind, v->v, nvals(v), id, e);
}

static const char *
table_of(enum entity_kind kind)
{
	return entity_get(kind)->table;
}

/* SQL expression EXPR on row ID of KIND's table, as text (NULL for NULL). */
static char *
row_value(enum entity_kind kind, int64_t id, const char *expr)
{
	return fx_sql_textf("SELECT %s FROM %s WHERE id = %lld", expr,
	    table_of(kind), (long long)id);
}

static int64_t
row_version(enum entity_kind kind, int64_t id)
{
	return fx_sql_intf("SELECT version FROM %s WHERE id = %lld",
	    table_of(kind), (long long)id);
}

static int64_t
row_count(enum entity_kind kind)
{
	return fx_sql_intf("SELECT count(*) FROM %s", table_of(kind));
}

static void
assert_row(enum entity_kind kind, int64_t id, const char *expr,
    const char *want)
{
	char *got = row_value(kind, id, expr);

	ck_assert_msg((got == NULL && want == NULL) ||
	    (got != NULL && want != NULL && strcmp(got, want) == 0),
	    "%s %lld: %s is %s, expected %s", table_of(kind), (long long)id,
	    expr, got ? got : "NULL", want ? want : "NULL");
	free(got);
}

static int64_t
add_rec(struct store *st, const char *subgroup, const char *title)
{
	return fx_add(st, ENT_RECOMMENDATION, FX_VALS({ "subgroup", subgroup },
	    { "title", title }));
}

static void
add_meeting(void)
{
	ck_assert_int_eq(fx_add(fx.st, ENT_MEETING, FX_VALS(
	    { "body", "assembly" }, { "commission", "CC" },
	    { "date", "2011-09-14" })), 1);
}

static void
add_meeting_and_rec(void)
{
	add_meeting();
	add_rec(fx.st, "LCL", "Open libraries for longer");
}

/*
 * One record of each kind, with values as people type them, and what
 * must be stored (an SQL expression on the new row and its text).
 */
static const struct {
	enum entity_kind kind;
	void (*before)(void);
	struct vals v;
	struct {
		const char *expr, *want;
	} check[3];
} creates[] = {
	{ ENT_PERSON, NULL, { { { "name", "Ann Other" },
	    { "kind", "Community Leader" },
	    { "organisation", " Wrekin Housing " } } },
	    { { "kind", "community_leader" },
	    { "organisation", "Wrekin Housing" }, { "login", NULL } } },
	{ ENT_COMMISSION, NULL, { { { "code", "EC" },
	    { "name", "Employee Commission" },
	    { "established", "2011-08-31" } } },
	    { { "established", "2011-08-31" }, { "kind", "commission" },
	    { "report_due", NULL } } },
	{ ENT_COMMISSION_MEMBER, NULL, { { { "commission",
	    "Co-operative Commission" }, { "person", "citizen" },
	    { "role", "Lead Cabinet" } } },
	    { { "role", "lead_cabinet" },
	    { "(SELECT code FROM commission WHERE id = commission_id)", "CC" },
	    { "(SELECT login FROM person WHERE id = person_id)",
	    "citizen" } } },
	{ ENT_SUBGROUP, NULL, { { { "commission", "cc" }, { "code", "ENG" },
	    { "name", "Engagement" }, { "lead-cabinet", "Lee Chair" },
	    { "cmt-lead", "" } } },
	    { { "(SELECT login FROM person WHERE id = lead_cabinet_id)",
	    "lclchair" }, { "cmt_lead_id", NULL }, { "remit", "" } } },
	{ ENT_SUBGROUP_MEMBER, NULL, { { { "subgroup", "cc-brk" },
	    { "person", "Lou Member" }, { "role", "Coopted" },
	    { "joined", "2011-09-01" } } },
	    { { "role", "coopted" }, { "joined_on", "2011-09-01" },
	    { "(SELECT code FROM subgroup WHERE id = subgroup_id)",
	    "BRK" } } },
	{ ENT_ENGAGEMENT, NULL, { { { "subgroup", "LCL" },
	    { "date", "2011-10-12" }, { "method", "Drop-in" },
	    { "reach", "118" } } },
	    { { "reach", "118" }, { "typeof(reach)", "integer" },
	    { "method", "Drop-in" } } },
	{ ENT_RECOMMENDATION, NULL, { { { "subgroup", "CC-LCL" },
	    { "title", "Open libraries for longer" },
	    { "savings", "£1,234.50" }, { "upfront-cost", "£0" },
	    { "term", "Medium" } } },
	    { { "savings_pence", "123450" }, { "upfront_cost_pence", "0" },
	    { "ref || ' ' || stage || ' ' || term",
	    "CC-LCL-01 draft medium" } } },
	{ ENT_MEETING, NULL, { { { "body", "Assembly" },
	    { "commission", "CC" }, { "date", "2011-09-14" },
	    { "title", "Second meeting of the Assembly" } } },
	    { { "body", "assembly" }, { "held_on", "2011-09-14" },
	    { "subgroup_id", NULL } } },
	{ ENT_DECISION, add_meeting_and_rec, { { { "meeting", "1" },
	    { "recommendation", "cc-lcl-01" }, { "outcome", "Referred back" },
	    { "for", "12" }, { "against", "3" } } },
	    { { "outcome", "referred_back" },
	    { "votes_for || '-' || votes_against", "12-3" },
	    { "votes_abstain", NULL } } },
	{ ENT_MILESTONE, NULL, { { { "commission", "CC" },
	    { "title", "Recruit and brief Employee Commission" },
	    { "timescale", "End August 2011" } } },
	    { { "timescale", "End August 2011" },
	    { "dating || ' ' || earliest || ' ' || latest",
	    "range 2011-08-21 2011-08-31" }, { "state", "planned" } } },
};

START_TEST(test_create_each_kind)
{
	enum entity_kind kind = creates[_i].kind;
	int64_t id, audits;
	struct err e;
	size_t c;

	if (creates[_i].before != NULL)
		creates[_i].before();
	audits = fx_audit_count();
	ck_assert_msg(try_create(fx.st, kind, &creates[_i].v, &id, &e) == 0,
	    "%s: %s", entity_get(kind)->name, e.msg);
	for (c = 0; c < NELEM(creates[_i].check); c++)
		if (creates[_i].check[c].expr != NULL)
			assert_row(kind, id, creates[_i].check[c].expr,
			    creates[_i].check[c].want);
	ck_assert_int_eq(row_version(kind, id), 1);
	ck_assert_int_eq(fx_sql_intf("SELECT updated_by FROM %s WHERE id = "
	    "%lld", table_of(kind), (long long)id), fx.admin);
	ck_assert_int_eq(fx_audit_count(), audits + 1);
}
END_TEST

START_TEST(test_create_bool_and_get)
{
	struct record r;
	struct err e;
	int64_t id;

	id = fx_add(fx.st, ENT_PERSON, FX_VALS({ "name", "Ian Admin" },
	    { "login", "ian" }, { "admin", "yes" }));
	assert_row(ENT_PERSON, id, "is_admin", "1");
	id = fx_add(fx.st, ENT_PERSON, FX_VALS({ "name", "Nia Notadmin" },
	    { "admin", "No" }));
	assert_row(ENT_PERSON, id, "is_admin", "0");

	id = fx_add(fx.st, ENT_RECOMMENDATION, FX_VALS({ "subgroup", "LCL" },
	    { "title", "Open libraries for longer" },
	    { "savings", "£1,234.50" }, { "term", "short" }));
	err_clear(&e);
	ck_assert_msg(store_get(fx.st, ENT_RECOMMENDATION, id, &r, &e) == 0,
	    "%s", e.msg);
	ck_assert_int_eq(r.id, id);
	ck_assert_int_eq(r.version, 1);
	ck_assert_pstr_eq(record_get(&r, "savings"), "123450");
	ck_assert_pstr_eq(record_get(&r, "ref"), "CC-LCL-01");
	ck_assert_pstr_eq(record_get(&r, "stage"), "draft");
	ck_assert_ptr_null(record_get(&r, "upfront-cost"));
	ck_assert_ptr_null(record_get(&r, "no-such-field"));
	ck_assert_str_eq(r.shown[5], "£1,234.50");	/* savings */
	ck_assert_str_eq(r.shown[0], "CC-LCL");		/* subgroup */
	ck_assert_str_eq(r.shown[6], "not stated");	/* upfront cost */
	ck_assert_str_eq(r.updated_by, FX_ADMIN_NAME);
	ck_assert_int_eq(strlen(r.updated_at), 19);
	record_done(&r);

	err_clear(&e);
	ck_assert_int_eq(store_get(fx.st, ENT_RECOMMENDATION, 999, &r, &e),
	    -1);
	ck_assert_int_eq(e.code, ERR_NOTFOUND);
	fx_assert_has(e.msg, "there is no recommendation with id 999");
	record_done(&r);
}
END_TEST

/* Values a store must refuse, each naming the field and the problem. */
static const struct {
	enum entity_kind kind;
	struct vals v;
	const char *words[2];
	enum err_code code;
} refusals[] = {
	{ ENT_PERSON, { { { "organisation", "Wrekin Housing" } } },
	    { "Name is required (--name)", NULL }, ERR_INVALID },
	{ ENT_PERSON, { { { "name", "   " } } },
	    { "Name is required", NULL }, ERR_INVALID },
	{ ENT_RECOMMENDATION, { { { "subgroup", "LCL" } } },
	    { "Title is required (--title)", NULL }, ERR_INVALID },
	{ ENT_RECOMMENDATION, { { { "title", "Orphan" } } },
	    { "Sub-group is required (--subgroup)", NULL }, ERR_INVALID },
	{ ENT_MILESTONE, { { { "commission", "CC" }, { "title", "Launch" } } },
	    { "Timescale is required (--timescale)", NULL }, ERR_INVALID },
	{ ENT_ENGAGEMENT, { { { "subgroup", "LCL" }, { "method", "survey" } } },
	    { "Date is required (--date)", NULL }, ERR_INVALID },
	{ ENT_COMMISSION_MEMBER, { { { "commission", "CC" },
	    { "person", "citizen" } } },
	    { "Role is required (--role)", NULL }, ERR_INVALID },
	{ ENT_RECOMMENDATION, { { { "subgroup", "LCL" }, { "title", "T" },
	    { "savings", "12.345" } } },
	    { "Savings: \"12.345\"", "at most two decimal places" },
	    ERR_INVALID },
	{ ENT_RECOMMENDATION, { { { "subgroup", "LCL" }, { "title", "T" },
	    { "savings", "£15k" } } },
	    { "Savings: \"£15k\"", NULL }, ERR_INVALID },
	{ ENT_RECOMMENDATION, { { { "subgroup", "LCL" }, { "title", "T" },
	    { "upfront-cost", "-£5" } } },
	    { "Up-front cost: \"-£5\"", NULL }, ERR_INVALID },
	{ ENT_RECOMMENDATION, { { { "subgroup", "LCL" }, { "title", "T" },
	    { "term", "sometime" } } },
	    { "Term: \"sometime\" is not one of: short, medium, long", NULL },
	    ERR_INVALID },
	{ ENT_COMMISSION, { { { "code", "EC" }, { "name", "Employee" },
	    { "established", "31/07/2011" } } },
	    { "Established: ", "31/07/2011" }, ERR_INVALID },
	{ ENT_COMMISSION, { { { "code", "C C" }, { "name", "Spaced" } } },
	    { "Code: \"C C\" may hold only letters, digits", NULL },
	    ERR_INVALID },
	{ ENT_ENGAGEMENT, { { { "subgroup", "LCL" }, { "method", "survey" },
	    { "date", "2011-02-30" } } },
	    { "Date: ", "2011-02-30" }, ERR_INVALID },
	{ ENT_ENGAGEMENT, { { { "subgroup", "LCL" }, { "method", "survey" },
	    { "date", "2011-10-12" }, { "reach", "many" } } },
	    { "Reach: \"many\" is not a whole number", NULL }, ERR_INVALID },
	{ ENT_PERSON, { { { "name", "Pat" }, { "admin", "perhaps" } } },
	    { "Administrator: \"perhaps\" is not yes or no", NULL },
	    ERR_INVALID },
	{ ENT_COMMISSION_MEMBER, { { { "commission", "CC" },
	    { "person", "zed" }, { "role", "chair" } } },
	    { "Person: there is no person \"zed\"", NULL }, ERR_NOTFOUND },
	{ ENT_MILESTONE, { { { "title", "Floating" },
	    { "timescale", "End August 2011" } } },
	    { "belongs to a commission or a sub-group", NULL }, ERR_INVALID },
	{ ENT_MEETING, { { { "body", "subgroup" }, { "commission", "CC" },
	    { "date", "2011-10-01" } } },
	    { "a sub-group meeting needs --subgroup", NULL }, ERR_INVALID },
	{ ENT_PERSON, { { { "name", "Dup" }, { "login", "lclchair" } } },
	    { "cannot add the person", "already a person with that login" },
	    ERR_INVALID },
};

START_TEST(test_create_refused)
{
	enum entity_kind kind = refusals[_i].kind;
	int64_t id = 0, rows = row_count(kind), audits = fx_audit_count();
	struct err e;
	size_t w;

	ck_assert_int_eq(try_create(fx.st, kind, &refusals[_i].v, &id, &e),
	    -1);
	ck_assert_msg(e.code == refusals[_i].code, "code %s: %s",
	    err_code_name(e.code), e.msg);
	for (w = 0; w < NELEM(refusals[_i].words); w++)
		if (refusals[_i].words[w] != NULL)
			fx_assert_has(e.msg, refusals[_i].words[w]);
	ck_assert_int_eq(row_count(kind), rows);
	ck_assert_int_eq(fx_audit_count(), audits);
}
END_TEST

START_TEST(test_unknown_field)
{
	struct err e;
	int64_t id;

	err_clear(&e);
	ck_assert_int_eq(store_create(fx.st, ENT_PERSON, FX_VALS(
	    { "name", "Ann" }, { "colour", "red" }), &id, &e), -1);
	ck_assert_int_eq(e.code, ERR_INVALID);
	ck_assert_str_eq(e.msg, "a person has no field \"colour\" (it has: "
	    "login, name, organisation, kind, email, admin)");

	/* The list leaves out what only the workflow changes. */
	err_clear(&e);
	ck_assert_int_eq(store_create(fx.st, ENT_RECOMMENDATION, FX_VALS(
	    { "subgroup", "LCL" }, { "title", "T" }, { "cost", "£5" }), &id,
	    &e), -1);
	ck_assert_str_eq(e.msg, "a recommendation has no field \"cost\" (it "
	    "has: subgroup, ref, title, text, term, savings, upfront-cost, "
	    "equality-impact, target, revised, actual, percent, responsible, "
	    "accountable, consulted, informed)");
}
END_TEST

START_TEST(test_update_refusals)
{
	int64_t rec = add_rec(fx.st, "LCL", "Open libraries for longer");
	struct store *sec = fx_open_as(FX_SECRETARY);
	int64_t audits = fx_audit_count(), id;
	struct err e;

	err_clear(&e);
	ck_assert_int_eq(store_update(fx.st, ENT_RECOMMENDATION, rec, 0,
	    FX_VALS({ "subgroup", "BRK" }), &e), -1);
	ck_assert_int_eq(e.code, ERR_INVALID);
	ck_assert_str_eq(e.msg, "Sub-group is set when the recommendation is "
	    "created and cannot be changed");
	ck_assert_int_eq(store_update(fx.st, ENT_RECOMMENDATION, rec, 0,
	    FX_VALS({ "ref", "CC-LCL-01" }), &e), -1);
	fx_assert_has(e.msg, "Reference is set when the recommendation is "
	    "created");
	ck_assert_int_eq(store_update(fx.st, ENT_COMMISSION, fx.cc, 0,
	    FX_VALS({ "kind", "citizens_group" }), &e), -1);
	fx_assert_has(e.msg, "Kind is set when the commission is created");

	ck_assert_int_eq(store_update(fx.st, ENT_RECOMMENDATION, rec, 0,
	    FX_VALS({ "stage", "approved" }), &e), -1);
	ck_assert_int_eq(e.code, ERR_INVALID);
	fx_assert_has(e.msg, "Stage is changed through the workflow");
	ck_assert_int_eq(store_create(fx.st, ENT_RECOMMENDATION, FX_VALS(
	    { "subgroup", "LCL" }, { "title", "T" }, { "stage", "approved" }),
	    &id, &e), -1);
	fx_assert_has(e.msg, "Stage is changed through the workflow");

	/* Administrators only: the administrator flag. */
	ck_assert_int_eq(store_create(sec, ENT_PERSON, FX_VALS(
	    { "name", "Pat" }, { "admin", "no" }), &id, &e), -1);
	ck_assert_int_eq(e.code, ERR_DENIED);
	ck_assert_str_eq(e.msg, "only an administrator can set Administrator");
	ck_assert_int_eq(store_update(sec, ENT_PERSON, fx.lcl_chair, 0,
	    FX_VALS({ "admin", "yes" }), &e), -1);
	ck_assert_int_eq(e.code, ERR_DENIED);
	ck_assert_str_eq(e.msg, "only an administrator can set Administrator");
	assert_row(ENT_PERSON, fx.lcl_chair, "is_admin", "0");
	ck_assert_int_eq(fx_audit_count(), audits);
}
END_TEST

START_TEST(test_logins_are_identity)
{
	struct store *sec = fx_open_as(FX_SECRETARY);
	int64_t audits, pat;
	struct err e;

	/* A secretary adds people, with logins. */
	pat = fx_add(sec, ENT_PERSON, FX_VALS({ "name", "Pat Smith" },
	    { "login", "pat" }));
	fx_edit(sec, ENT_PERSON, pat, FX_VALS({ "login", "pat" },
	    { "email", "pat@example.org" }));
	audits = fx_audit_count();

	/* But moving a login would let its new holder act as that person:
	 * taking the administrator's would make the secretary one. */
	err_clear(&e);
	ck_assert_int_eq(store_update(sec, ENT_PERSON, fx.secretary, 0,
	    FX_VALS({ "login", "sam" }), &e), -1);
	ck_assert_int_eq(e.code, ERR_DENIED);
	fx_assert_has(e.msg, "only an administrator can change the login");
	ck_assert_int_eq(store_update(sec, ENT_PERSON, pat, 0, FX_VALS(
	    { "login", "" }), &e), -1);
	ck_assert_int_eq(e.code, ERR_DENIED);
	ck_assert_int_eq(store_update(sec, ENT_PERSON, fx.admin, 0, FX_VALS(
	    { "login", "sec2" }), &e), -1);
	ck_assert_int_eq(e.code, ERR_DENIED);
	ck_assert_str_eq(e.msg, "only an administrator can change an "
	    "administrator's record");
	/* Nor may the last administrator be archived from under them, so
	 * that the secretary could then bootstrap themselves. */
	ck_assert_int_eq(store_archive(sec, ENT_PERSON, fx.admin, 0, &e), -1);
	ck_assert_int_eq(e.code, ERR_DENIED);
	ck_assert_int_eq(store_bootstrap_admin(sec, FX_SECRETARY, "Sam", &e),
	    -1);
	ck_assert_int_eq(e.code, ERR_DENIED);
	ck_assert_int_eq(fx_audit_count(), audits);
	assert_row(ENT_PERSON, fx.admin, "login || archived", "admin0");
	assert_row(ENT_PERSON, fx.secretary, "login || is_admin", "sec0");

	/* An administrator may. */
	fx_edit(fx.st, ENT_PERSON, fx.lcl_chair, FX_VALS({ "login", "lee" }));
	assert_row(ENT_PERSON, fx.lcl_chair, "login", "lee");
}
END_TEST

/* What people type for a record, and which record it must find. */
static const struct {
	enum entity_kind kind;
	const char *text;
	const int64_t *want;
} finds[] = {
	{ ENT_PERSON, "lclmember", &fx.lcl_member },
	{ ENT_PERSON, "Lou Member", &fx.lcl_member },
	{ ENT_PERSON, "lou member", &fx.lcl_member },
	{ ENT_PERSON, "sec", &fx.secretary },
	{ ENT_COMMISSION, "CC", &fx.cc },
	{ ENT_COMMISSION, "cg", &fx.cg },
	{ ENT_COMMISSION, "Co-operative Commission", &fx.cc },
	{ ENT_COMMISSION, "citizens' group", &fx.cg },
	{ ENT_SUBGROUP, "CC-LCL", &fx.lcl },
	{ ENT_SUBGROUP, "cc-brk", &fx.brk },
	{ ENT_SUBGROUP, "LCL", &fx.lcl },
	{ ENT_SUBGROUP, "Bins, Recycling and Kerbside", &fx.brk },
};

START_TEST(test_resolve)
{
	struct err e;
	int64_t id = -1;

	err_clear(&e);
	ck_assert_msg(store_resolve(fx.st, finds[_i].kind, finds[_i].text, &id,
	    &e) == 0, "%s: %s", finds[_i].text, e.msg);
	ck_assert_int_eq(id, *finds[_i].want);
}
END_TEST

START_TEST(test_resolve_ids_and_misses)
{
	static const struct {
		enum entity_kind kind;
		const char *text, *words;
	} misses[] = {
		{ ENT_PERSON, "zed", "there is no person \"zed\"" },
		{ ENT_PERSON, "999", "there is no person \"999\"" },
		{ ENT_SUBGROUP, "CG-LCL", "there is no subgroup \"CG-LCL\"" },
		{ ENT_COMMISSION, "", "there is no commission \"\"" },
		{ ENT_RECOMMENDATION, "CC-LCL-09",
		    "there is no recommendation \"CC-LCL-09\"" },
	};
	int64_t rec = add_rec(fx.st, "LCL", "Open libraries for longer"), id;
	char text[32];
	struct err e;
	size_t i;

	err_clear(&e);
	snprintf(text, sizeof text, "%lld", (long long)fx.observer);
	ck_assert_int_eq(store_resolve(fx.st, ENT_PERSON, text, &id, &e), 0);
	ck_assert_int_eq(id, fx.observer);
	snprintf(text, sizeof text, "%lld", (long long)fx.brk);
	ck_assert_int_eq(store_resolve(fx.st, ENT_SUBGROUP, text, &id, &e), 0);
	ck_assert_int_eq(id, fx.brk);
	ck_assert_int_eq(store_resolve(fx.st, ENT_RECOMMENDATION, "cc-lcl-01",
	    &id, &e), 0);
	ck_assert_int_eq(id, rec);
	for (i = 0; i < NELEM(misses); i++) {
		err_clear(&e);
		ck_assert_int_eq(store_resolve(fx.st, misses[i].kind,
		    misses[i].text, &id, &e), -1);
		ck_assert_int_eq(e.code, ERR_NOTFOUND);
		fx_assert_has(e.msg, misses[i].words);
	}
}
END_TEST

START_TEST(test_resolve_ambiguous)
{
	int64_t pat1, pat2, cg_lcl, id;
	char text[32];
	struct err e;

	pat1 = fx_add(fx.st, ENT_PERSON, FX_VALS({ "name", "Pat Smith" }));
	pat2 = fx_add(fx.st, ENT_PERSON, FX_VALS({ "name", "Pat Smith" },
	    { "organisation", "Telford Library" }));
	err_clear(&e);
	ck_assert_int_eq(store_resolve(fx.st, ENT_PERSON, "pat smith", &id, &e),
	    -1);
	ck_assert_int_eq(e.code, ERR_INVALID);
	ck_assert_str_eq(e.msg, "\"pat smith\" matches more than one person: "
	    "use its id or full code");
	snprintf(text, sizeof text, "%lld", (long long)pat2);
	ck_assert_int_eq(store_resolve(fx.st, ENT_PERSON, text, &id, &e), 0);
	ck_assert_int_eq(id, pat2);
	ck_assert_int_ne(pat1, pat2);

	/* Writing with an ambiguous reference writes nothing. */
	ck_assert_int_eq(store_create(fx.st, ENT_SUBGROUP_MEMBER, FX_VALS(
	    { "subgroup", "LCL" }, { "person", "Pat Smith" },
	    { "role", "member" }), &id, &e), -1);
	ck_assert_int_eq(e.code, ERR_INVALID);
	fx_assert_has(e.msg, "Person: \"Pat Smith\" matches more than one");

	/* A second LCL, in the Citizens' Group: the code alone is ambiguous,
	 * the full code is not. */
	cg_lcl = fx_add(fx.st, ENT_SUBGROUP, FX_VALS({ "commission", "CG" },
	    { "code", "LCL" }, { "name", "Listening to Local Communities" }));
	ck_assert_int_eq(store_resolve(fx.st, ENT_SUBGROUP, "LCL", &id, &e),
	    -1);
	fx_assert_has(e.msg, "\"LCL\" matches more than one subgroup");
	ck_assert_int_eq(store_resolve(fx.st, ENT_SUBGROUP, "CG-LCL", &id, &e),
	    0);
	ck_assert_int_eq(id, cg_lcl);
	ck_assert_int_eq(store_resolve(fx.st, ENT_SUBGROUP, "CC-LCL", &id, &e),
	    0);
	ck_assert_int_eq(id, fx.lcl);
}
END_TEST

/* A recommendation with its reference given by hand. */
static int64_t
add_ref(const char *subgroup, const char *ref, const char *title)
{
	return fx_add(fx.st, ENT_RECOMMENDATION, FX_VALS(
	    { "subgroup", subgroup }, { "ref", ref }, { "title", title }));
}

/* Recommendations IDS have the references WANT. */
static void
assert_refs(const int64_t *ids, const char *const *want, size_t n)
{
	size_t i;
	char *ref;

	for (i = 0; i < n; i++) {
		ref = row_value(ENT_RECOMMENDATION, ids[i], "ref");
		ck_assert_pstr_eq(ref, want[i]);
		free(ref);
	}
}

START_TEST(test_automatic_references)
{
	static const char *const want[] = { "CC-LCL-01", "CC-LCL-02",
		"CC-BRK-01", "CC-LCL-05", "CC-LCL-06", "CC-LCL-07" };
	int64_t ids[NELEM(want)];
	struct err e;

	ids[0] = add_rec(fx.st, "LCL", "First");
	ids[1] = add_rec(fx.st, "LCL", "Second");
	ids[2] = add_rec(fx.st, "BRK", "Bins first");
	/* A reference given by hand leaves a gap: the numbers go on after
	 * it, never back into the gap. */
	ids[3] = add_ref("LCL", "CC-LCL-05", "Fifth");
	ids[4] = add_rec(fx.st, "LCL", "After the gap");
	/* An archived recommendation keeps its number. */
	err_clear(&e);
	ck_assert_int_eq(store_archive(fx.st, ENT_RECOMMENDATION, ids[4], 0,
	    &e), 0);
	ids[5] = add_rec(fx.st, "LCL", "After the archived one");
	assert_refs(ids, want, NELEM(want));
}
END_TEST

/*
 * The numbers handed out within one transaction, where the highest in
 * use is remembered between new recommendations (an import), are those
 * of one at a time: after references given by hand in the sub-group or
 * elsewhere, after a rollback and after the sub-group is renamed.
 */
START_TEST(test_references_in_one_transaction)
{
	static const char *const want[] = { "CC-LCL-01", "CC-LCL-02",
		"CC-LCL-10", "CC-LCL-11", "CC-LCL-20", "CC-BRK-01",
		"cc-lcl-40", "CC-LCL-21", "CC-LCL-22", "CC-LIB-01" };
	int64_t ids[NELEM(want)];
	struct err e;

	err_clear(&e);
	ck_assert_int_eq(store_begin(fx.st, &e), 0);
	ids[0] = add_rec(fx.st, "LCL", "First");
	ids[1] = add_rec(fx.st, "LCL", "Second");
	ids[2] = add_ref("LCL", "CC-LCL-10", "Tenth");
	ids[3] = add_rec(fx.st, "LCL", "After the tenth");
	ids[4] = add_ref("BRK", "CC-LCL-20", "Elsewhere, with the prefix");
	ids[5] = add_rec(fx.st, "BRK", "Bins");
	/* Written otherwise in another sub-group: not one of its numbers. */
	ids[6] = add_ref("BRK", "cc-lcl-40", "Elsewhere, written otherwise");
	ids[7] = add_rec(fx.st, "LCL", "After the twentieth");
	/* Two rows undone: their numbers are free again. */
	ck_assert_int_eq(store_begin(fx.st, &e), 0);
	add_rec(fx.st, "LCL", "Undone");
	add_rec(fx.st, "LCL", "Undone too");
	store_rollback(fx.st);
	ids[8] = add_rec(fx.st, "LCL", "After the undone");
	fx_edit(fx.st, ENT_SUBGROUP, fx.lcl, FX_VALS({ "code", "LIB" }));
	ids[9] = add_rec(fx.st, "LIB", "Renamed");
	ck_assert_msg(store_commit(fx.st, &e) == 0, "%s", e.msg);
	assert_refs(ids, want, NELEM(want));
}
END_TEST

START_TEST(test_update_versions)
{
	int64_t rec = add_rec(fx.st, "LCL", "Open libraries for longer");
	struct store *chair = fx_open_as(FX_LCL_CHAIR);
	struct store *sec = fx_open_as(FX_SECRETARY);
	int64_t audits;
	char *at, *title;
	struct err e;

	err_clear(&e);
	ck_assert_msg(store_update(chair, ENT_RECOMMENDATION, rec, 1, FX_VALS(
	    { "title", "Open libraries on Sundays" }), &e) == 0, "%s", e.msg);
	ck_assert_int_eq(row_version(ENT_RECOMMENDATION, rec), 2);
	assert_row(ENT_RECOMMENDATION, rec, "title",
	    "Open libraries on Sundays");
	ck_assert_int_eq(fx_sql_intf("SELECT updated_by FROM recommendation "
	    "WHERE id = %lld", (long long)rec), fx.lcl_chair);

	/* The secretary started from version 1: refused, and told who. */
	audits = fx_audit_count();
	at = row_value(ENT_RECOMMENDATION, rec, "updated_at");
	ck_assert_int_eq(store_update(sec, ENT_RECOMMENDATION, rec, 1, FX_VALS(
	    { "title", "Close libraries on Sundays" }), &e), -1);
	ck_assert_int_eq(e.code, ERR_CONFLICT);
	fx_assert_has(e.msg, FX_LCL_CHAIR_NAME);
	fx_assert_has(e.msg, at);
	fx_assert_has(e.msg, "version 2; you started from version 1");
	fx_assert_has(e.msg, "nothing was saved");
	ck_assert_int_eq(row_version(ENT_RECOMMENDATION, rec), 2);
	title = row_value(ENT_RECOMMENDATION, rec, "title");
	ck_assert_pstr_eq(title, "Open libraries on Sundays");
	ck_assert_int_eq(fx_audit_count(), audits);

	/* Archiving from a stale version is refused the same way. */
	ck_assert_int_eq(store_archive(sec, ENT_RECOMMENDATION, rec, 1, &e),
	    -1);
	ck_assert_int_eq(e.code, ERR_CONFLICT);
	assert_row(ENT_RECOMMENDATION, rec, "archived", "0");

	/* From the right version it goes through. */
	ck_assert_int_eq(store_update(sec, ENT_RECOMMENDATION, rec, 2, FX_VALS(
	    { "title", "Close libraries on Sundays" }), &e), 0);
	ck_assert_int_eq(row_version(ENT_RECOMMENDATION, rec), 3);
	free(at);
	free(title);
}
END_TEST

START_TEST(test_update_nothing_changes)
{
	int64_t rec = fx_add(fx.st, ENT_RECOMMENDATION, FX_VALS(
	    { "subgroup", "LCL" }, { "title", "Open libraries for longer" },
	    { "savings", "1234.5" }, { "term", "short" }));
	int64_t audits = fx_audit_count();
	char *before, *after;

	before = row_value(ENT_RECOMMENDATION, rec, "updated_at");
	/* The same values, typed differently. */
	fx_edit(fx.st, ENT_RECOMMENDATION, rec, FX_VALS(
	    { "title", "  Open libraries for longer " },
	    { "savings", "£1,234.50" }, { "term", "Short" }));
	ck_assert_int_eq(row_version(ENT_RECOMMENDATION, rec), 1);
	ck_assert_int_eq(fx_audit_count(), audits);
	after = row_value(ENT_RECOMMENDATION, rec, "updated_at");
	ck_assert_pstr_eq(after, before);
	/* Nothing at all is also nothing. */
	fx_edit(fx.st, ENT_RECOMMENDATION, rec, NULL, 0);
	ck_assert_int_eq(row_version(ENT_RECOMMENDATION, rec), 1);
	ck_assert_int_eq(fx_audit_count(), audits);
	free(before);
	free(after);
}
END_TEST

/*
 * Who may write what. Each row is one person trying one write; the
 * recommendations CC-LCL-01 and CC-BRK-01 exist beforehand.
 */
enum op {
	ADD_REC_LCL, ADD_REC_BRK, EDIT_REC_LCL, EDIT_REC_BRK, ARCHIVE_REC_LCL,
	ADD_ENGAGEMENT_LCL, ADD_MILESTONE_LCL, ADD_MILESTONE_CC,
	ADD_MEMBER_LCL, ADD_SUBGROUP_CC, EDIT_SUBGROUP_LCL, ADD_PERSON,
	ADD_COMMISSION, EDIT_COMMISSION_CC, ADD_COMMISSION_MEMBER_CC
};

static int
do_op(struct store *st, enum op op, struct err *e)
{
	int64_t id, rec_lcl = 1, rec_brk = 2;

	switch (op) {
	case ADD_REC_LCL:
		return store_create(st, ENT_RECOMMENDATION, FX_VALS(
		    { "subgroup", "LCL" }, { "title", "New" }), &id, e);
	case ADD_REC_BRK:
		return store_create(st, ENT_RECOMMENDATION, FX_VALS(
		    { "subgroup", "BRK" }, { "title", "New" }), &id, e);
	case EDIT_REC_LCL:
		return store_update(st, ENT_RECOMMENDATION, rec_lcl, 0, FX_VALS(
		    { "title", "Edited" }), e);
	case EDIT_REC_BRK:
		return store_update(st, ENT_RECOMMENDATION, rec_brk, 0, FX_VALS(
		    { "title", "Edited" }), e);
	case ARCHIVE_REC_LCL:
		return store_archive(st, ENT_RECOMMENDATION, rec_lcl, 0, e);
	case ADD_ENGAGEMENT_LCL:
		return store_create(st, ENT_ENGAGEMENT, FX_VALS(
		    { "subgroup", "LCL" }, { "date", "2011-10-12" },
		    { "method", "survey" }), &id, e);
	case ADD_MILESTONE_LCL:
		return store_create(st, ENT_MILESTONE, FX_VALS(
		    { "subgroup", "LCL" }, { "title", "Report" },
		    { "timescale", "End December 2011" }), &id, e);
	case ADD_MILESTONE_CC:
		return store_create(st, ENT_MILESTONE, FX_VALS(
		    { "commission", "CC" }, { "title", "Report" },
		    { "timescale", "End January 2012" }), &id, e);
	case ADD_MEMBER_LCL:
		return store_create(st, ENT_SUBGROUP_MEMBER, FX_VALS(
		    { "subgroup", "LCL" }, { "person", "citizen" },
		    { "role", "coopted" }), &id, e);
	case ADD_SUBGROUP_CC:
		return store_create(st, ENT_SUBGROUP, FX_VALS(
		    { "commission", "CC" }, { "code", "HSG" },
		    { "name", "Housing" }), &id, e);
	case EDIT_SUBGROUP_LCL:
		return store_update(st, ENT_SUBGROUP, fx.lcl, 0, FX_VALS(
		    { "remit", "Libraries" }), e);
	case ADD_PERSON:
		return store_create(st, ENT_PERSON, FX_VALS(
		    { "name", "Rhys Resident" }, { "kind", "resident" }), &id,
		    e);
	case ADD_COMMISSION:
		return store_create(st, ENT_COMMISSION, FX_VALS(
		    { "code", "EC" }, { "name", "Employee Commission" }), &id,
		    e);
	case EDIT_COMMISSION_CC:
		return store_update(st, ENT_COMMISSION, fx.cc, 0, FX_VALS(
		    { "remit", "Co-operative council" }), e);
	case ADD_COMMISSION_MEMBER_CC:
		return store_create(st, ENT_COMMISSION_MEMBER, FX_VALS(
		    { "commission", "CC" }, { "person", "citizen" },
		    { "role", "commissioner" }), &id, e);
	}
	return -1;
}

#define REC_WHO "an administrator, the commission's secretary or chair, " \
    "or a member of the sub-group"
#define CHAIR_WHO "an administrator, the commission's secretary or chair, " \
    "or the sub-group's chair"
#define RUNS_WHO "an administrator or the commission's secretary or chair"

static const struct {
	const char *login;
	enum op op;
	const char *denied;	/* NULL when allowed, else words refusing */
} rights[] = {
	{ FX_ADMIN, ADD_REC_LCL, NULL },
	{ FX_ADMIN, EDIT_REC_BRK, NULL },
	{ FX_ADMIN, ADD_COMMISSION, NULL },
	{ FX_SECRETARY, ADD_REC_LCL, NULL },
	{ FX_SECRETARY, ADD_REC_BRK, NULL },
	{ FX_SECRETARY, EDIT_REC_LCL, NULL },
	{ FX_SECRETARY, EDIT_REC_BRK, NULL },
	{ FX_SECRETARY, ADD_SUBGROUP_CC, NULL },
	{ FX_SECRETARY, EDIT_SUBGROUP_LCL, NULL },
	{ FX_SECRETARY, ADD_PERSON, NULL },
	{ FX_SECRETARY, ADD_MILESTONE_CC, NULL },
	{ FX_SECRETARY, ADD_COMMISSION_MEMBER_CC, NULL },
	{ FX_SECRETARY, EDIT_COMMISSION_CC, NULL },
	{ FX_SECRETARY, ADD_COMMISSION,
	    "only an administrator can set up a commission" },
	{ FX_LCL_CHAIR, ADD_REC_LCL, NULL },
	{ FX_LCL_CHAIR, EDIT_REC_LCL, NULL },
	{ FX_LCL_CHAIR, ARCHIVE_REC_LCL, NULL },
	{ FX_LCL_CHAIR, ADD_ENGAGEMENT_LCL, NULL },
	{ FX_LCL_CHAIR, ADD_MILESTONE_LCL, NULL },
	{ FX_LCL_CHAIR, ADD_MEMBER_LCL, NULL },
	{ FX_LCL_CHAIR, ADD_REC_BRK, "only " REC_WHO " can change this "
	    "Recommendation; you (lclchair) are not one" },
	{ FX_LCL_CHAIR, EDIT_REC_BRK, REC_WHO },
	{ FX_LCL_CHAIR, ADD_MILESTONE_CC, RUNS_WHO },
	{ FX_LCL_CHAIR, ADD_SUBGROUP_CC, RUNS_WHO },
	{ FX_LCL_CHAIR, EDIT_SUBGROUP_LCL, RUNS_WHO },
	{ FX_LCL_CHAIR, ADD_PERSON, "only an administrator or a commission "
	    "secretary can change this Person" },
	{ FX_LCL_MEMBER, ADD_REC_LCL, NULL },
	{ FX_LCL_MEMBER, EDIT_REC_LCL, NULL },
	{ FX_LCL_MEMBER, ADD_ENGAGEMENT_LCL, NULL },
	{ FX_LCL_MEMBER, ADD_REC_BRK, REC_WHO },
	{ FX_LCL_MEMBER, EDIT_REC_BRK, REC_WHO },
	{ FX_LCL_MEMBER, ADD_MILESTONE_LCL, CHAIR_WHO },
	{ FX_LCL_MEMBER, ADD_MEMBER_LCL, CHAIR_WHO },
	{ FX_BRK_CHAIR, ADD_REC_BRK, NULL },
	{ FX_BRK_CHAIR, EDIT_REC_BRK, NULL },
	{ FX_BRK_CHAIR, ADD_REC_LCL, REC_WHO },
	{ FX_BRK_CHAIR, EDIT_REC_LCL, REC_WHO },
	{ FX_BRK_CHAIR, ARCHIVE_REC_LCL, REC_WHO },
	{ FX_BRK_CHAIR, ADD_MEMBER_LCL, CHAIR_WHO },
	{ FX_OBSERVER, ADD_REC_LCL, "you (observer) are not one" },
	{ FX_OBSERVER, EDIT_REC_LCL, REC_WHO },
	{ FX_OBSERVER, ADD_MILESTONE_CC, RUNS_WHO },
	{ FX_OBSERVER, EDIT_COMMISSION_CC, RUNS_WHO },
	{ FX_OBSERVER, ADD_PERSON, "a commission secretary" },
	{ FX_CITIZEN, ADD_REC_LCL, REC_WHO },
	{ FX_CITIZEN, EDIT_REC_LCL, REC_WHO },
	{ FX_CITIZEN, ADD_COMMISSION_MEMBER_CC, RUNS_WHO },
	{ FX_CITIZEN, ADD_COMMISSION,
	    "only an administrator can set up a commission" },
};

START_TEST(test_rights)
{
	struct store *st;
	int64_t audits;
	struct err e;
	int rc;

	ck_assert_int_eq(add_rec(fx.st, "LCL", "Libraries"), 1);
	ck_assert_int_eq(add_rec(fx.st, "BRK", "Bins"), 2);
	st = fx_open_as(rights[_i].login);
	audits = fx_audit_count();
	err_clear(&e);
	rc = do_op(st, rights[_i].op, &e);
	if (rights[_i].denied == NULL) {
		ck_assert_msg(rc == 0, "%s, op %d: %s", rights[_i].login,
		    rights[_i].op, e.msg);
		ck_assert_int_eq(fx_audit_count(), audits + 1);
	} else {
		ck_assert_msg(rc == -1, "%s may do op %d", rights[_i].login,
		    rights[_i].op);
		ck_assert_msg(e.code == ERR_DENIED, "%s, op %d: %s: %s",
		    rights[_i].login, rights[_i].op, err_code_name(e.code),
		    e.msg);
		fx_assert_has(e.msg, rights[_i].denied);
		ck_assert_int_eq(fx_audit_count(), audits);
	}
}
END_TEST

START_TEST(test_unknown_login_writes_nothing)
{
	struct store *st = fx_open_as(FX_NOBODY);
	int64_t rec = add_rec(fx.st, "LCL", "Libraries"), id, audits;
	struct err e;
	size_t i;

	ck_assert_int_eq(store_me(st)->id, 0);
	ck_assert_str_eq(store_me(st)->name, FX_NOBODY);
	ck_assert(!store_me(st)->admin);
	add_meeting();
	audits = fx_audit_count();
	for (i = 0; i < NELEM(creates); i++) {
		err_clear(&e);
		ck_assert_int_eq(try_create(st, creates[i].kind,
		    &creates[i].v, &id, &e), -1);
		ck_assert_msg(e.code == ERR_DENIED, "%s: %s",
		    entity_get(creates[i].kind)->name, e.msg);
		fx_assert_has(e.msg, "you (login nobody) are not a person in "
		    "this database");
	}
	err_clear(&e);
	ck_assert_int_eq(store_update(st, ENT_RECOMMENDATION, rec, 0, FX_VALS(
	    { "title", "Mine now" }), &e), -1);
	ck_assert_int_eq(e.code, ERR_DENIED);
	fx_assert_has(e.msg, "not a person in this database");
	ck_assert_int_eq(store_archive(st, ENT_RECOMMENDATION, rec, 0, &e), -1);
	ck_assert_int_eq(e.code, ERR_DENIED);
	ck_assert_int_eq(store_bootstrap_admin(st, FX_NOBODY, "Nobody", &e),
	    -1);
	ck_assert_int_eq(e.code, ERR_DENIED);
	fx_assert_has(e.msg, "already has an administrator");
	ck_assert_int_eq(fx_audit_count(), audits);
	assert_row(ENT_RECOMMENDATION, rec, "title || archived", "Libraries0");
}
END_TEST

START_TEST(test_frozen_stage)
{
	int64_t rec = add_rec(fx.st, "LCL", "Open libraries for longer");
	struct store *chair = fx_open_as(FX_LCL_CHAIR);
	struct store *sec = fx_open_as(FX_SECRETARY);
	struct err e;

	fx_sql("UPDATE recommendation SET stage = 'submitted' WHERE ref = "
	    "'CC-LCL-01'");
	err_clear(&e);
	ck_assert_int_eq(store_update(chair, ENT_RECOMMENDATION, rec, 0,
	    FX_VALS({ "title", "Open libraries on Sundays" }), &e), -1);
	ck_assert_int_eq(e.code, ERR_DENIED);
	ck_assert_str_eq(e.msg, "CC-LCL-01 is at the stage \"Submitted to the "
	    "commission\", where its Title can no longer be edited (only its "
	    "target date can)");
	ck_assert_int_eq(store_update(sec, ENT_RECOMMENDATION, rec, 0, FX_VALS(
	    { "savings", "£5" }), &e), -1);
	fx_assert_has(e.msg, "where its Savings can no longer be edited");
	ck_assert_int_eq(store_update(sec, ENT_RECOMMENDATION, rec, 0, FX_VALS(
	    { "target", "2012-06-30" }, { "text", "More" }), &e), -1);
	ck_assert_int_eq(row_version(ENT_RECOMMENDATION, rec), 1);

	ck_assert_msg(store_update(sec, ENT_RECOMMENDATION, rec, 0, FX_VALS(
	    { "target", "2012-06-30" }), &e) == 0, "%s", e.msg);
	assert_row(ENT_RECOMMENDATION, rec, "target_date || ' ' || title",
	    "2012-06-30 Open libraries for longer");
	ck_assert_int_eq(row_version(ENT_RECOMMENDATION, rec), 2);

	/* Back in an editable stage, it can be edited again. */
	fx_sql("UPDATE recommendation SET stage = 'referred_back'");
	fx_edit(chair, ENT_RECOMMENDATION, rec, FX_VALS(
	    { "title", "Open libraries on Sundays" }));
	assert_row(ENT_RECOMMENDATION, rec, "title",
	    "Open libraries on Sundays");
}
END_TEST

START_TEST(test_archive_and_end)
{
	static const struct date today = { 2011, 12, 1 };
	int64_t rec = add_rec(fx.st, "LCL", "Open libraries for longer");
	int64_t mid, audits;
	struct store *member;
	struct record r;
	struct err e;

	err_clear(&e);
	ck_assert_int_eq(store_archive(fx.st, ENT_RECOMMENDATION, rec, 1, &e),
	    0);
	assert_row(ENT_RECOMMENDATION, rec, "archived || ' ' || version ||' '||"
	    "title", "1 2 Open libraries for longer");
	ck_assert_int_eq(store_get(fx.st, ENT_RECOMMENDATION, rec, &r, &e), 0);
	ck_assert_pstr_eq(record_get(&r, "title"), "Open libraries for longer");
	record_done(&r);

	/* Ending a membership dates it (today, as --today sets it) and
	 * takes the person's rights with it. */
	date_set_today(today);
	mid = fx_sql_intf("SELECT id FROM subgroup_member WHERE person_id = "
	    "%lld", (long long)fx.lcl_member);
	ck_assert_int_eq(store_archive(fx.st, ENT_SUBGROUP_MEMBER, mid, 0, &e),
	    0);
	assert_row(ENT_SUBGROUP_MEMBER, mid, "left_on", "2011-12-01");
	ck_assert_int_eq(row_count(ENT_SUBGROUP_MEMBER), 3);
	member = fx_open_as(FX_LCL_MEMBER);
	ck_assert_int_eq(store_create(member, ENT_RECOMMENDATION, FX_VALS(
	    { "subgroup", "LCL" }, { "title", "Too late" }), &rec, &e), -1);
	ck_assert_int_eq(e.code, ERR_DENIED);

	/* Ending it again keeps the first date. */
	date_set_today((struct date){ 2012, 1, 5 });
	ck_assert_int_eq(store_archive(fx.st, ENT_SUBGROUP_MEMBER, mid, 0, &e),
	    0);
	assert_row(ENT_SUBGROUP_MEMBER, mid, "left_on", "2011-12-01");

	/* A decision is part of its meeting's record. */
	add_meeting();
	mid = fx_add(fx.st, ENT_DECISION, FX_VALS({ "meeting", "1" },
	    { "outcome", "noted" }));
	audits = fx_audit_count();
	ck_assert_int_eq(store_archive(fx.st, ENT_DECISION, mid, 0, &e), -1);
	ck_assert_int_eq(e.code, ERR_INVALID);
	fx_assert_has(e.msg, "cannot be archived");
	ck_assert_int_eq(fx_audit_count(), audits);
	ck_assert_int_eq(store_archive(fx.st, ENT_ENGAGEMENT, 42, 0, &e), -1);
	ck_assert_int_eq(e.code, ERR_NOTFOUND);
}
END_TEST

static char *
subgroup_roles(int64_t sg)
{
	return fx_sql_textf("SELECT group_concat(p.login || ':' || m.role, "
	    "' ') FROM (SELECT * FROM subgroup_member WHERE subgroup_id = %lld "
	    "AND left_on IS NULL ORDER BY person_id) m JOIN person p ON p.id = "
	    "m.person_id", (long long)sg);
}

static void
assert_roles(int64_t sg, const char *want)
{
	char *got = subgroup_roles(sg);

	ck_assert_pstr_eq(got, want);
	free(got);
}

START_TEST(test_join_subgroup)
{
	struct store *chair = fx_open_as(FX_LCL_CHAIR);
	int64_t audits = fx_audit_count();
	struct err e;

	assert_roles(fx.lcl, "lclchair:chair lclmember:member");
	err_clear(&e);
	ck_assert_msg(store_join_subgroup(fx.st, "LCL", "lclmember", "chair",
	    &e) == 0, "%s", e.msg);
	assert_roles(fx.lcl, "lclchair:member lclmember:chair");
	ck_assert_int_eq(fx_audit_count(), audits + 2);
	/* Making the chair chair again changes nothing. */
	ck_assert_msg(store_join_subgroup(fx.st, "LCL", "lclmember", "chair",
	    &e) == 0, "%s", e.msg);
	assert_roles(fx.lcl, "lclchair:member lclmember:chair");
	ck_assert_int_eq(fx_audit_count(), audits + 2);

	/* A new person joins: a new membership. */
	ck_assert_msg(store_join_subgroup(fx.st, "CC-LCL", "Cy Citizen",
	    "coopted", &e) == 0, "%s", e.msg);
	assert_roles(fx.lcl, "lclchair:member lclmember:chair citizen:coopted");
	/* A new person as chair: one write demotes, one adds. */
	ck_assert_msg(store_join_subgroup(fx.st, "LCL", "observer", "chair",
	    &e) == 0, "%s", e.msg);
	assert_roles(fx.lcl, "lclchair:member lclmember:member "
	    "observer:chair citizen:coopted");
	ck_assert_int_eq(fx_sql_intf("SELECT count(*) FROM subgroup_member "
	    "WHERE subgroup_id = %lld AND role = 'chair' AND left_on IS NULL",
	    (long long)fx.lcl), 1);

	/* The old chair of LCL is now a member and cannot hand over BRK. */
	ck_assert_int_eq(store_join_subgroup(chair, "BRK", "lclchair", "chair",
	    &e), -1);
	ck_assert_int_eq(e.code, ERR_DENIED);
	assert_roles(fx.brk, "brkchair:chair");

	ck_assert_int_eq(store_join_subgroup(fx.st, "LCL", "lclchair", "boss",
	    &e), -1);
	ck_assert_int_eq(e.code, ERR_INVALID);
	fx_assert_has(e.msg, "\"boss\" is not one of");
	ck_assert_int_eq(store_join_subgroup(fx.st, "XYZ", "lclchair", "member",
	    &e), -1);
	ck_assert_int_eq(e.code, ERR_NOTFOUND);
}
END_TEST

START_TEST(test_join_typed_role)
{
	struct err e;

	/* Roles are typed as people type them, chair included. */
	err_clear(&e);
	ck_assert_msg(store_join_subgroup(fx.st, "LCL", "lclmember", "Chair",
	    &e) == 0, "%s", e.msg);
	assert_roles(fx.lcl, "lclchair:member lclmember:chair");
}
END_TEST

START_TEST(test_join_is_one_step)
{
	int64_t audits = fx_audit_count();
	struct err e;

	/* Make the second write fail after the demotion has been made. */
	fx_sql("CREATE TRIGGER no_joining BEFORE INSERT ON subgroup_member "
	    "BEGIN SELECT RAISE(ABORT, 'joining is closed'); END");
	err_clear(&e);
	ck_assert_int_eq(store_join_subgroup(fx.st, "LCL", "citizen", "chair",
	    &e), -1);
	fx_assert_has(e.msg, "joining is closed");
	assert_roles(fx.lcl, "lclchair:chair lclmember:member");
	ck_assert_int_eq(fx_audit_count(), audits);
	ck_assert_int_eq(row_version(ENT_SUBGROUP_MEMBER, fx_sql_intf(
	    "SELECT id FROM subgroup_member WHERE person_id = %lld",
	    (long long)fx.lcl_chair)), 1);
}
END_TEST

/* Timescales as written, and the dates the store must derive. */
static const struct {
	const char *scope, *scope_value, *timescale;
	const char *dating, *earliest, *latest;
} timescales[] = {
	{ "commission", "CC", "End August 2011", "range", "2011-08-21",
	    "2011-08-31" },
	{ "commission", "CC", "To be confirmed", "tbc", NULL, NULL },
	{ "commission", "CC", "26 July 2011", "exact", "2011-07-26",
	    "2011-07-26" },
	{ "commission", "CC", "October/November 2011", "range", "2011-10-01",
	    "2011-11-30" },
	{ "commission", "CC", "Phase 1 – End July 2011", "range", "2011-07-21",
	    "2011-07-31" },
	{ "commission", "CC", "when funding allows", "undated", NULL, NULL },
	/* No year: the commission's (established 2011-07-26) is used. */
	{ "commission", "CC", "late July/early September", "range",
	    "2011-07-21", "2011-09-10" },
	{ "subgroup", "LCL", "late July/early September", "range",
	    "2011-07-21", "2011-09-10" },
	/* The Citizens' Group has no date established: no year to use. */
	{ "commission", "CG", "late July/early September", "undated", NULL,
	    NULL },
};

static void
assert_dates(int64_t id, const char *dating, const char *earliest,
    const char *latest)
{
	assert_row(ENT_MILESTONE, id, "dating", dating);
	assert_row(ENT_MILESTONE, id, "earliest", earliest);
	assert_row(ENT_MILESTONE, id, "latest", latest);
}

START_TEST(test_milestone_dates)
{
	int64_t id;

	id = fx_add(fx.st, ENT_MILESTONE, FX_VALS(
	    { timescales[_i].scope, timescales[_i].scope_value },
	    { "title", "Milestone" },
	    { "timescale", timescales[_i].timescale }));
	assert_row(ENT_MILESTONE, id, "timescale", timescales[_i].timescale);
	assert_dates(id, timescales[_i].dating, timescales[_i].earliest,
	    timescales[_i].latest);
}
END_TEST

START_TEST(test_milestone_refused_and_edited)
{
	static const char *const bad[] = { "31 February 2012", "7-1 June 2011",
		"December 2012/January 2012" };
	int64_t id, audits = fx_audit_count();
	struct err e;
	size_t i;

	for (i = 0; i < NELEM(bad); i++) {
		err_clear(&e);
		ck_assert_int_eq(store_create(fx.st, ENT_MILESTONE, FX_VALS(
		    { "commission", "CC" }, { "title", "Impossible" },
		    { "timescale", bad[i] }), &id, &e), -1);
		ck_assert_int_eq(e.code, ERR_INVALID);
		ck_assert_msg(strncmp(e.msg, "Timescale: ", 11) == 0, "%s",
		    e.msg);
		fx_assert_has(e.msg, bad[i]);
	}
	fx_assert_has(e.msg, "ends before it starts");
	ck_assert_int_eq(row_count(ENT_MILESTONE), 0);
	ck_assert_int_eq(fx_audit_count(), audits);

	id = fx_add(fx.st, ENT_MILESTONE, FX_VALS({ "commission", "CC" },
	    { "title", "First meeting" }, { "timescale", "September 2011" }));
	assert_dates(id, "range", "2011-09-01", "2011-09-30");
	fx_edit(fx.st, ENT_MILESTONE, id, FX_VALS({ "timescale",
	    "14 September 2011" }));
	assert_dates(id, "exact", "2011-09-14", "2011-09-14");
	fx_edit(fx.st, ENT_MILESTONE, id, FX_VALS({ "timescale", "TBC" }));
	assert_dates(id, "tbc", NULL, NULL);
	ck_assert_int_eq(store_update(fx.st, ENT_MILESTONE, id, 0, FX_VALS(
	    { "timescale", "31 February 2012" }), &e), -1);
	fx_assert_has(e.msg, "Timescale: ");
	assert_row(ENT_MILESTONE, id, "timescale || ' ' || version", "TBC 3");
	/* Other edits leave the dates alone. */
	fx_edit(fx.st, ENT_MILESTONE, id, FX_VALS({ "state", "Done" }));
	assert_dates(id, "tbc", NULL, NULL);
	assert_row(ENT_MILESTONE, id, "state", "done");
}
END_TEST

/* Lists: a world with content, on a fixed day. */
static void
setup_lists(void)
{
	date_set_today((struct date){ 2011, 7, 27 });
	fx_setup_world();
	fx_add(fx.st, ENT_RECOMMENDATION, FX_VALS({ "subgroup", "LCL" },
	    { "title", "Open libraries for longer" },
	    { "text", "Longer opening hours in branch libraries" },
	    { "term", "short" }, { "savings", "£1,000" },
	    { "upfront-cost", "£250.50" }));
	add_rec(fx.st, "LCL", "Library volunteers");
	fx_add(fx.st, ENT_RECOMMENDATION, FX_VALS({ "subgroup", "BRK" },
	    { "title", "Kerbside glass collection" }, { "savings", "£15,000" }));
	add_rec(fx.st, "BRK", "Café culture in parks");
	fx_sql("UPDATE recommendation SET stage = 'submitted' "
	    "WHERE ref = 'CC-LCL-02'");
	fx_add(fx.st, ENT_MILESTONE, FX_VALS({ "commission", "CC" },
	    { "title", "Recruit and brief Employee Commission" },
	    { "timescale", "End August 2011" }));
	fx_add(fx.st, ENT_MILESTONE, FX_VALS({ "subgroup", "LCL" },
	    { "theme", "Joining up Services" },
	    { "title", "Library consultation" },
	    { "timescale", "To be confirmed" }));
	fx_add(fx.st, ENT_MILESTONE, FX_VALS({ "commission", "CC" },
	    { "title", "Launch" }, { "timescale", "26 July 2011" }));
	fx_add(fx.st, ENT_ENGAGEMENT, FX_VALS({ "subgroup", "LCL" },
	    { "date", "2011-10-12" }, { "method", "Drop-in" },
	    { "audience", "Residents" }, { "reach", "118" }));
	fx_add(fx.st, ENT_MEETING, FX_VALS({ "body", "assembly" },
	    { "commission", "CC" }, { "date", "2011-09-14" },
	    { "title", "Second meeting of the Assembly" },
	    { "place", "Civic Offices" }));
}

/*
 * A list as text: the column names, then one line per row, cells
 * separated by "|", NULL as "-". With ONLY >= 0, just that column's
 * cells, separated by spaces. The id column (0) is left out.
 */
static char *
render(struct store *st, const char *name, const struct list_filter *f,
    int only)
{
	struct store_cursor *c;
	const char *const *cols;
	const char *cell;
	struct buf b;
	struct err e;
	size_t n, i;
	int rc;

	err_clear(&e);
	ck_assert_msg(store_list_open(st, name, f, &c, &e) == 0, "%s: %s",
	    name, e.msg);
	cols = store_cursor_columns(c, &n);
	buf_init(&b);
	if (only < 0)
		for (i = 0; i < n; i++)
			buf_printf(&b, "%s%s", cols[i], i + 1 < n ? "," : "\n");
	while ((rc = store_cursor_next(c, &e)) == 1) {
		if (only >= 0) {
			cell = store_cursor_text(c, (size_t)only);
			buf_printf(&b, "%s%s", b.len ? " " : "",
			    cell ? cell : "-");
			continue;
		}
		for (i = 1; i < n; i++) {
			cell = store_cursor_text(c, i);
			buf_printf(&b, "%s%s", cell ? cell : "-",
			    i + 1 < n ? "|" : "\n");
		}
	}
	ck_assert_msg(rc == 0, "%s: %s", name, e.msg);
	store_cursor_close(c);
	return buf_steal(&b);
}

static const struct {
	const char *name, *want;
} whole_lists[] = {
	{ "commissions",
	    "id,code,name,kind,established,report_due,subgroups\n"
	    "CC|Co-operative Commission|commission|2011-07-26|-|2\n"
	    "CG|Citizens' Group|citizens_group|-|-|0\n" },
	{ "subgroups",
	    "id,commission,code,name,theme,chair,members,recommendations\n"
	    "CC|BRK|Bins, Recycling and Kerbside||brkchair|1|2\n"
	    "CC|LCL|Libraries and Community Learning|Joining up Services|"
	    "lclchair|2|2\n" },
	{ "recommendations",
	    "id,ref,title,commission,subgroup,stage,term,savings_pence,"
	    "upfront_cost_pence,target,days_in_stage,due\n"
	    "CC-BRK-01|Kerbside glass collection|CC|BRK|draft|-|1500000|-|-|"
	    "0|-\n"
	    "CC-BRK-02|Café culture in parks|CC|BRK|draft|-|-|-|-|0|-\n"
	    "CC-LCL-01|Open libraries for longer|CC|LCL|draft|short|100000|"
	    "25050|-|0|-\n"
	    "CC-LCL-02|Library volunteers|CC|LCL|submitted|-|-|-|-|0|-\n" },
	{ "milestones",
	    "id,commission,subgroup,theme,title,timescale,earliest,latest,"
	    "dating,status,state\n"
	    "CC|-||Launch|26 July 2011|2011-07-26|2011-07-26|exact||planned\n"
	    "CC|-||Recruit and brief Employee Commission|End August 2011|"
	    "2011-08-21|2011-08-31|range||planned\n"
	    "CC|LCL|Joining up Services|Library consultation|To be confirmed|"
	    "-|-|tbc||planned\n" },
	{ "people",
	    "id,login,name,organisation,kind,admin\n"
	    "admin|Ada Admin||other|1\n"
	    "brkchair|Bea Chair||other|0\n"
	    "citizen|Cy Citizen||other|0\n"
	    "lclchair|Lee Chair||other|0\n"
	    "lclmember|Lou Member||other|0\n"
	    "observer|Olive Observer||other|0\n"
	    "sec|Sam Secretary||other|0\n" },
	{ "members",
	    "id,commission,subgroup,login,name,role,joined,left\n"
	    "CC|-|observer|Olive Observer|observer|2011-07-27|-\n"
	    "CC|-|sec|Sam Secretary|secretary|2011-07-27|-\n"
	    "CC|BRK|brkchair|Bea Chair|chair|2011-07-27|-\n"
	    "CC|LCL|lclchair|Lee Chair|chair|2011-07-27|-\n"
	    "CC|LCL|lclmember|Lou Member|member|2011-07-27|-\n"
	    "CG|-|citizen|Cy Citizen|commissioner|2011-07-27|-\n" },
	{ "engagement",
	    "id,commission,subgroup,date,method,audience,reach\n"
	    "CC|LCL|2011-10-12|Drop-in|Residents|118\n" },
	{ "meetings",
	    "id,body,commission,subgroup,date,title,place\n"
	    "assembly|CC|-|2011-09-14|Second meeting of the Assembly|"
	    "Civic Offices\n" },
};

START_TEST(test_list_whole)
{
	struct list_filter f;
	char *got;

	memset(&f, 0, sizeof f);
	got = render(fx.st, whole_lists[_i].name, &f, -1);
	ck_assert_str_eq(got, whole_lists[_i].want);
	free(got);
}
END_TEST

START_TEST(test_list_names)
{
	struct list_filter f;
	struct store_cursor *c;
	struct err e;
	size_t i, j, n;

	/* Every list named opens, and those above are all named. */
	memset(&f, 0, sizeof f);
	for (i = 0; store_list_names[i] != NULL; i++) {
		err_clear(&e);
		ck_assert_msg(store_list_open(fx.st, store_list_names[i], &f,
		    &c, &e) == 0, "%s: %s", store_list_names[i], e.msg);
		store_cursor_columns(c, &n);
		ck_assert_uint_gt(n, 1);
		store_cursor_close(c);
	}
	for (j = 0; j < NELEM(whole_lists); j++) {
		for (i = 0; store_list_names[i] != NULL; i++)
			if (strcmp(store_list_names[i],
			    whole_lists[j].name) == 0)
				break;
		ck_assert_msg(store_list_names[i] != NULL, "%s is not named",
		    whole_lists[j].name);
	}
}
END_TEST

START_TEST(test_list_count)
{
	struct list_filter f;
	struct err e;
	int64_t n = -1;

	memset(&f, 0, sizeof f);
	f.limit = 1;
	f.offset = 1;
	err_clear(&e);
	ck_assert_int_eq(store_list_count(fx.st, "recommendations", &f, &n,
	    &e), 0);
	ck_assert_int_eq(n, 4);
	f.subgroup = "LCL";
	ck_assert_int_eq(store_list_count(fx.st, "recommendations", &f, &n,
	    &e), 0);
	ck_assert_int_eq(n, 2);
	f.subgroup = NULL;
	f.search = "libr";
	f.stage = "draft";
	ck_assert_int_eq(store_list_count(fx.st, "recommendations", &f, &n,
	    &e), 0);
	ck_assert_int_eq(n, 1);
	memset(&f, 0, sizeof f);
	ck_assert_int_eq(store_list_count(fx.st, "people", &f, &n, &e), 0);
	ck_assert_int_eq(n, 7);
	ck_assert_int_eq(store_list_count(fx.st, "widgets", &f, &n, &e), -1);
	ck_assert_int_eq(e.code, ERR_INVALID);
}
END_TEST

/*
 * A page that counts: the rows under the filter in all, whatever its
 * limit and offset, as the count has them; -1 from a list that cannot:
 * a search, which the search index counts by itself without the table
 * (its own count, below), does not count in its page.
 */
static const struct {
	struct list_filter f;
	bool counts;
} counted_filters[] = {
	{ { .limit = 2 }, true },
	{ { .limit = 1, .offset = 2 }, true },
	{ { .subgroup = "LCL", .stage = "draft" }, true },
	{ { .search = "libr" }, false },
	{ { .commission = "CC", .search = "libr open", .limit = 1 }, false },
	{ { .subgroup = "LCL", .stage = "draft", .search = "libr" }, false },
	{ { .search = "zzz" }, false },
};

START_TEST(test_list_open_counted)
{
	const struct list_filter *f = &counted_filters[_i].f;
	struct store_cursor *c;
	struct err e;
	int64_t n, rows = 0;

	err_clear(&e);
	ck_assert_int_eq(store_list_count(fx.st, "recommendations", f, &n,
	    &e), 0);
	ck_assert_int_eq(store_list_open_counted(fx.st, "recommendations", f,
	    &c, &e), 0);
	while (store_cursor_next(c, &e) == 1)
		rows++;
	ck_assert_int_eq(store_cursor_total(c), counted_filters[_i].counts ?
	    n : -1);
	ck_assert_int_le(rows, n);
	if (f->search != NULL && strcmp(f->search, "zzz") != 0)
		ck_assert_int_gt(n, 0);
	store_cursor_close(c);
	ck_assert_int_eq(store_list_open_counted(fx.st, "people", f, &c, &e),
	    0);
	ck_assert_int_eq(store_cursor_total(c), -1);
	store_cursor_close(c);
	ck_assert_int_eq(store_list_open(fx.st, "recommendations", f, &c, &e),
	    0);
	ck_assert_int_eq(store_cursor_total(c), -1);
	store_cursor_close(c);
}
END_TEST

START_TEST(test_list_history)
{
	struct list_filter f;
	int64_t rec;
	char *got;

	rec = fx_sql_int("SELECT id FROM recommendation WHERE ref = "
	    "'CC-LCL-01'");
	fx_edit(fx_open_as(FX_LCL_CHAIR), ENT_RECOMMENDATION, rec, FX_VALS(
	    { "term", "medium" }));
	memset(&f, 0, sizeof f);
	f.record = rec;
	got = render(fx.st, "history", &f, 4);
	ck_assert_str_eq(got, "create update");
	free(got);
	got = render(fx.st, "history", &f, 3);
	ck_assert_str_eq(got, FX_ADMIN_NAME " " FX_LCL_CHAIR_NAME);
	free(got);
	got = render(fx.st, "history", &f, 5);
	ck_assert_str_eq(got, "{\"ref\":[null,\"CC-LCL-01\"],\"savings\":"
	    "[null,\"100000\"],\"subgroup\":[null,\"1\"],\"term\":[null,"
	    "\"short\"],\"text\":[null,\"Longer opening hours in branch "
	    "libraries\"],\"title\":[null,\"Open libraries for longer\"],"
	    "\"upfront-cost\":[null,\"25050\"]} "
	    "{\"term\":[\"short\",\"medium\"]}");
	free(got);
	f.limit = 1;
	f.offset = 1;
	got = render(fx.st, "history", &f, 2);
	ck_assert_str_eq(got, FX_LCL_CHAIR);
	free(got);
}
END_TEST

/* Filters: a list, a filter, the column to show and what it must hold. */
static const struct {
	const char *name;
	struct list_filter f;
	int column;
	const char *want;
} filtered[] = {
	{ "recommendations", { .commission = "CC" }, 1,
	    "CC-BRK-01 CC-BRK-02 CC-LCL-01 CC-LCL-02" },
	{ "recommendations", { .commission = "CG" }, 1, "" },
	{ "recommendations", { .subgroup = "LCL" }, 1, "CC-LCL-01 CC-LCL-02" },
	{ "recommendations", { .subgroup = "cc-brk" }, 1,
	    "CC-BRK-01 CC-BRK-02" },
	{ "recommendations", { .stage = "draft" }, 1,
	    "CC-BRK-01 CC-BRK-02 CC-LCL-01" },
	{ "recommendations", { .stage = "submitted" }, 1, "CC-LCL-02" },
	{ "recommendations", { .stage = "approved" }, 1, "" },
	{ "recommendations", { .search = "libr" }, 1, "CC-LCL-01 CC-LCL-02" },
	{ "recommendations", { .search = "LIBR open" }, 1, "CC-LCL-01" },
	{ "recommendations", { .search = "kerb glass" }, 1, "CC-BRK-01" },
	{ "recommendations", { .search = "cafe" }, 1, "CC-BRK-02" },
	{ "recommendations", { .search = "branch" }, 1, "CC-LCL-01" },
	{ "recommendations", { .search = "CC-LCL" }, 1,
	    "CC-LCL-01 CC-LCL-02" },
	{ "recommendations", { .search = "li\"b" }, 1, "" },
	{ "recommendations", { .search = "zzz" }, 1, "" },
	{ "recommendations", { .search = "  " }, 1,
	    "CC-BRK-01 CC-BRK-02 CC-LCL-01 CC-LCL-02" },
	{ "recommendations", { .subgroup = "LCL", .search = "volunteer" }, 1,
	    "CC-LCL-02" },
	{ "recommendations", { .limit = 2 }, 1, "CC-BRK-01 CC-BRK-02" },
	{ "recommendations", { .limit = 1, .offset = 1 }, 1, "CC-BRK-02" },
	{ "recommendations", { .offset = 3 }, 1, "CC-LCL-02" },
	{ "recommendations", { .commission = "CC", .stage = "draft",
	    .search = "libraries", .limit = 5 }, 1, "CC-LCL-01" },
	{ "people", { .commission = "CC" }, 1,
	    "brkchair lclchair lclmember observer sec" },
	{ "people", { .commission = "CG" }, 1, "citizen" },
	{ "people", { .subgroup = "LCL" }, 1, "lclchair lclmember" },
	{ "people", { .limit = 2, .offset = 5 }, 1, "observer sec" },
	{ "members", { .subgroup = "BRK" }, 3, "brkchair" },
	{ "members", { .commission = "CG" }, 3, "citizen" },
	{ "milestones", { .subgroup = "LCL" }, 4, "Library consultation" },
	{ "milestones", { .commission = "CC", .limit = 1 }, 4, "Launch" },
	{ "milestones", { .commission = "CG" }, 4, "" },
	{ "subgroups", { .commission = "CG" }, 2, "" },
	{ "subgroups", { .subgroup = "LCL" }, 2, "LCL" },
	{ "engagement", { .subgroup = "BRK" }, 4, "" },
	{ "engagement", { .commission = "CC" }, 4, "Drop-in" },
	{ "meetings", { .commission = "CC" }, 1, "assembly" },
	{ "meetings", { .commission = "CG" }, 1, "" },
	{ "commissions", { .commission = "Citizens' Group" }, 1, "CG" },
};

START_TEST(test_list_filters)
{
	char *got = render(fx.st, filtered[_i].name, &filtered[_i].f,
	    filtered[_i].column);

	ck_assert_msg(strcmp(got, filtered[_i].want) == 0,
	    "%s filter %d: got \"%s\", expected \"%s\"", filtered[_i].name, _i,
	    got, filtered[_i].want);
	free(got);
}
END_TEST

START_TEST(test_list_archived_and_types)
{
	struct list_filter f;
	struct store_cursor *c;
	struct err e;
	char *got;

	err_clear(&e);
	ck_assert_int_eq(store_archive(fx.st, ENT_RECOMMENDATION, 3, 0, &e), 0);
	memset(&f, 0, sizeof f);
	got = render(fx.st, "recommendations", &f, 1);
	ck_assert_str_eq(got, "CC-BRK-02 CC-LCL-01 CC-LCL-02");
	free(got);
	f.archived = true;
	got = render(fx.st, "recommendations", &f, 1);
	ck_assert_str_eq(got, "CC-BRK-01 CC-BRK-02 CC-LCL-01 CC-LCL-02");
	free(got);
	/* The sub-group list counts only what is not archived. */
	memset(&f, 0, sizeof f);
	got = render(fx.st, "subgroups", &f, 7);
	ck_assert_str_eq(got, "1 2");
	free(got);

	f.search = "open";
	err_clear(&e);
	ck_assert_int_eq(store_list_open(fx.st, "recommendations", &f, &c, &e),
	    0);
	ck_assert_int_eq(store_cursor_next(c, &e), 1);
	ck_assert_int_eq(store_cursor_type(c, 0), CELL_INT);
	ck_assert_int_eq(store_cursor_type(c, 2), CELL_TEXT);
	ck_assert_int_eq(store_cursor_type(c, 7), CELL_INT);
	ck_assert_str_eq(store_cursor_text(c, 7), "100000");
	ck_assert_int_eq(store_cursor_type(c, 9), CELL_NULL);
	ck_assert_ptr_null(store_cursor_text(c, 9));
	ck_assert_int_eq(store_cursor_next(c, &e), 0);
	store_cursor_close(c);
}
END_TEST

/* TEXT as render has it, each row cut to its first N cells. */
static char *
cut_columns(const char *text, int n)
{
	const char *line = text, *end, *p;
	struct buf b;
	int cells;

	buf_init(&b);
	while (*line) {
		if ((end = strchr(line, '\n')) == NULL)
			end = line + strlen(line);
		for (p = line, cells = 1; p < end; p++)
			if (*p == '|' && ++cells > n)
				break;
		buf_addn(&b, line, (size_t)(p - line));
		buf_addc(&b, '\n');
		line = *end ? end + 1 : end;
	}
	return buf_steal(&b);
}

/* The sub-groups as a screen list shows them: the same rows and first
 * columns as the whole list, without the chair and counts. */
START_TEST(test_list_subgroups_brief)
{
	static const struct list_filter filters[] = { { .brief = true },
	    { .commission = "CC", .brief = true }, { .subgroup = "LCL",
	    .brief = true }, { .commission = "CG", .brief = true } };
	struct list_filter whole;
	char *brief, *full, *cut;
	size_t i;

	for (i = 0; i < sizeof filters / sizeof filters[0]; i++) {
		whole = filters[i];
		whole.brief = false;
		brief = render(fx.st, "subgroups", &filters[i], -1);
		full = render(fx.st, "subgroups", &whole, -1);
		ck_assert(strncmp(brief, "id,commission,code,name,theme\n",
		    30) == 0);
		ck_assert_ptr_nonnull(strstr(full, ",chair,"));
		cut = cut_columns(full, 4);
		ck_assert_str_eq(strchr(brief, '\n'), strchr(cut, '\n'));
		free(cut);
		free(full);
		free(brief);
	}
}
END_TEST

START_TEST(test_list_refused)
{
	struct list_filter f;
	struct store_cursor *c = (struct store_cursor *)&f;
	struct err e;
	size_t i;

	memset(&f, 0, sizeof f);
	err_clear(&e);
	ck_assert_int_eq(store_list_open(fx.st, "widgets", &f, &c, &e), -1);
	ck_assert_ptr_null(c);
	ck_assert_int_eq(e.code, ERR_INVALID);
	fx_assert_has(e.msg, "there is no list \"widgets\"");
	for (i = 0; store_list_names[i] != NULL; i++)
		fx_assert_has(e.msg, store_list_names[i]);

	f.commission = "ZZ";
	ck_assert_int_eq(store_list_open(fx.st, "recommendations", &f, &c, &e),
	    -1);
	ck_assert_int_eq(e.code, ERR_NOTFOUND);
	fx_assert_has(e.msg, "there is no commission \"ZZ\"");
	/* The list still works after a refused filter. */
	f.commission = NULL;
	c = NULL;
	ck_assert_int_eq(store_list_open(fx.st, "recommendations", &f, &c, &e),
	    0);
	ck_assert_int_eq(store_cursor_next(c, &e), 1);
	store_cursor_close(c);
}
END_TEST

Suite *
record_suite(void)
{
	Suite *s = suite_create("record");
	TCase *tc;

	tc = tcase_create("create");
	tcase_add_checked_fixture(tc, fx_setup_world, fx_teardown);
	tcase_add_loop_test(tc, test_create_each_kind, 0, NELEM(creates));
	tcase_add_test(tc, test_create_bool_and_get);
	tcase_add_loop_test(tc, test_create_refused, 0, NELEM(refusals));
	tcase_add_test(tc, test_unknown_field);
	suite_add_tcase(s, tc);

	tc = tcase_create("resolve");
	tcase_add_checked_fixture(tc, fx_setup_world, fx_teardown);
	tcase_add_loop_test(tc, test_resolve, 0, NELEM(finds));
	tcase_add_test(tc, test_resolve_ids_and_misses);
	tcase_add_test(tc, test_resolve_ambiguous);
	tcase_add_test(tc, test_automatic_references);
	tcase_add_test(tc, test_references_in_one_transaction);
	suite_add_tcase(s, tc);

	tc = tcase_create("update");
	tcase_add_checked_fixture(tc, fx_setup_world, fx_teardown);
	tcase_add_test(tc, test_update_refusals);
	tcase_add_test(tc, test_logins_are_identity);
	tcase_add_test(tc, test_update_versions);
	tcase_add_test(tc, test_update_nothing_changes);
	tcase_add_test(tc, test_frozen_stage);
	tcase_add_test(tc, test_archive_and_end);
	suite_add_tcase(s, tc);

	tc = tcase_create("rights");
	tcase_add_checked_fixture(tc, fx_setup_world, fx_teardown);
	tcase_add_loop_test(tc, test_rights, 0, NELEM(rights));
	tcase_add_test(tc, test_unknown_login_writes_nothing);
	suite_add_tcase(s, tc);

	tc = tcase_create("membership");
	tcase_add_checked_fixture(tc, fx_setup_world, fx_teardown);
	tcase_add_test(tc, test_join_subgroup);
	tcase_add_test(tc, test_join_typed_role);
	tcase_add_test(tc, test_join_is_one_step);
	suite_add_tcase(s, tc);

	tc = tcase_create("milestone");
	tcase_add_checked_fixture(tc, fx_setup_world, fx_teardown);
	tcase_add_loop_test(tc, test_milestone_dates, 0, NELEM(timescales));
	tcase_add_test(tc, test_milestone_refused_and_edited);
	suite_add_tcase(s, tc);

	tc = tcase_create("lists");
	tcase_add_checked_fixture(tc, setup_lists, fx_teardown);
	tcase_add_loop_test(tc, test_list_whole, 0, NELEM(whole_lists));
	tcase_add_test(tc, test_list_names);
	tcase_add_test(tc, test_list_count);
	tcase_add_loop_test(tc, test_list_open_counted, 0,
	    sizeof counted_filters / sizeof counted_filters[0]);
	tcase_add_test(tc, test_list_history);
	tcase_add_loop_test(tc, test_list_filters, 0, NELEM(filtered));
	tcase_add_test(tc, test_list_archived_and_types);
	tcase_add_test(tc, test_list_subgroups_brief);
	tcase_add_test(tc, test_list_refused);
	suite_add_tcase(s, tc);
	return s;
}
