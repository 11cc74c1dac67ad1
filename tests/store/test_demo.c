/*
 * test_demo.c: `init --demo` on a fresh database. What the demo holds
 * (the report's commissions, work-streams and timescales exactly as
 * written, recommendations spread over the stages by genuine decisions),
 * that the record then checks out, and that building it a second time
 * fails whole, leaving the database as it was.
 */
#include <check.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "coopcom/conf/workflow_file.h"
#include "coopcom/store/demo.h"
#include "coopcom/store/list.h"
#include "coopcom/store/store.h"
#include "coopcom/util/xalloc.h"

Suite *demo_suite(void);

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static struct workflow *wf;
static struct store *st;
static char *dir, *path;

static void
open_store(const char *login, const char *name)
{
	struct store_options o;
	struct err e;

	dir = x_strdup("/tmp/coopcom-demo-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	path = x_printf("%s/demo.db", dir);
	wf = workflow_file_load_default(&e);
	ck_assert_msg(wf != NULL, "%s", e.msg);
	memset(&o, 0, sizeof o);
	o.path = path;
	o.login = login;
	o.flags = STORE_CREATE;
	o.busy_ms = 1000;
	o.workflow = wf;
	ck_assert_msg(store_open(&st, &o, &e) == 0, "%s", e.msg);
	ck_assert_msg(store_bootstrap_admin(st, login, name, &e) == 0, "%s",
	    e.msg);
}

static void
setup(void)
{
	struct err e;

	open_store("tester", "Test Administrator");
	ck_assert_msg(demo_build(st, &e) == 0, "%s", e.msg);
}

static void
teardown(void)
{
	static const char *const suffixes[] = { "", "-wal", "-shm",
		"-journal" };
	char *f;
	size_t i;

	store_close(st);
	workflow_free(wf);
	for (i = 0; i < NELEM(suffixes); i++) {
		f = x_printf("%s%s", path, suffixes[i]);
		unlink(f);
		free(f);
	}
	rmdir(dir);
	free(path);
	free(dir);
	st = NULL;
	wf = NULL;
}

/* For facts the store has no function for: one number from SQL. */
static long long
sql_count(const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *q;
	long long n;

	ck_assert_int_eq(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY,
	    NULL), SQLITE_OK);
	ck_assert_msg(sqlite3_prepare_v2(db, sql, -1, &q, NULL) == SQLITE_OK,
	    "%s: %s", sql, sqlite3_errmsg(db));
	ck_assert_int_eq(sqlite3_step(q), SQLITE_ROW);
	n = sqlite3_column_int64(q, 0);
	sqlite3_finalize(q);
	sqlite3_close(db);
	return n;
}

static size_t
column(struct store_cursor *c, const char *name)
{
	const char *const *cols;
	size_t i, n;

	cols = store_cursor_columns(c, &n);
	for (i = 0; i < n; i++)
		if (strcmp(cols[i], name) == 0)
			return i;
	ck_abort_msg("no column \"%s\"", name);
	return 0;
}

static bool
same(const char *a, const char *b)
{
	return (a == NULL && b == NULL) ||
	    (a != NULL && b != NULL && strcmp(a, b) == 0);
}

/*
 * The rows of list NAME whose column KEY holds VALUE: how many there are;
 * *out (the caller's, may be NULL) gets column WANT of the first.
 */
static int
list_find(const char *name, const char *key, const char *value,
    const char *want, char **out)
{
	struct list_filter f;
	struct store_cursor *c;
	struct err e;
	size_t k, w;
	int rc, n = 0;

	memset(&f, 0, sizeof f);
	if (out != NULL)
		*out = NULL;
	ck_assert_msg(store_list_open(st, name, &f, &c, &e) == 0, "%s", e.msg);
	k = column(c, key);
	w = column(c, want);
	while ((rc = store_cursor_next(c, &e)) == 1) {
		if (!same(store_cursor_text(c, k), value))
			continue;
		if (n++ == 0 && out != NULL)
			*out = x_strdup(store_cursor_text(c, w));
	}
	ck_assert_msg(rc == 0, "%s", e.msg);
	store_cursor_close(c);
	return n;
}

static void
get(enum entity_kind kind, const char *name, struct record *r)
{
	struct err e;
	int64_t id;

	ck_assert_msg(store_resolve(st, kind, name, &id, &e) == 0, "%s",
	    e.msg);
	ck_assert_msg(store_get(st, kind, id, r, &e) == 0, "%s", e.msg);
}

static void
assert_field(const struct record *r, const char *field, const char *want)
{
	const char *got = record_get(r, field);

	ck_assert_msg(same(got, want), "%s: got %s, want %s", field,
	    got ? got : "NULL", want ? want : "NULL");
}

static const struct {
	const char *code, *name, *kind, *established, *report_due;
} commissions[] = {
	{ "CC", "Co-operative Commission", "commission", "2011-07-26",
	    "2012-01-31" },
	{ "EC", "Employee Commission", "commission", "2011-07-26",
	    "2012-01-31" },
	{ "CG", "Citizens' Group", "citizens_group", "2011-07-26", NULL },
};

START_TEST(test_commissions)
{
	struct record r;

	get(ENT_COMMISSION, commissions[_i].code, &r);
	assert_field(&r, "name", commissions[_i].name);
	assert_field(&r, "kind", commissions[_i].kind);
	assert_field(&r, "established", commissions[_i].established);
	assert_field(&r, "report-due", commissions[_i].report_due);
	record_done(&r);
}
END_TEST

START_TEST(test_subgroups)
{
	char *chair;

	ck_assert_int_eq(list_find("subgroups", "commission", "CC", "code",
	    NULL), 4);
	ck_assert_int_eq(list_find("subgroups", "commission", "EC", "code",
	    NULL), 1);
	ck_assert_int_eq(list_find("subgroups", "code", "BRK", "chair",
	    &chair), 1);
	ck_assert_str_eq(chair, "bkeogh");
	free(chair);
	ck_assert_int_eq(sql_count("SELECT count(*) FROM subgroup"), 5);
	ck_assert_int_eq(sql_count("SELECT count(*) FROM subgroup s WHERE "
	    "(SELECT count(*) FROM subgroup_member m WHERE m.subgroup_id = "
	    "s.id AND m.role = 'chair' AND m.left_on IS NULL) <> 1"), 0);
	/* Each has a co-opted member, an officer and its two leads. */
	ck_assert_int_eq(sql_count("SELECT count(*) FROM subgroup s WHERE "
	    "s.lead_cabinet_id IS NOT NULL AND s.cmt_lead_id IS NOT NULL AND "
	    "EXISTS (SELECT 1 FROM subgroup_member m WHERE m.subgroup_id = "
	    "s.id AND m.role = 'coopted') AND EXISTS (SELECT 1 FROM "
	    "subgroup_member m WHERE m.subgroup_id = s.id AND m.role = "
	    "'officer')"), 5);
	/* Every CC sub-group engaged in October/November 2011 (5.3). */
	ck_assert_int_eq(sql_count("SELECT count(DISTINCT e.subgroup_id) "
	    "FROM engagement e JOIN subgroup s ON s.id = e.subgroup_id JOIN "
	    "commission c ON c.id = s.commission_id WHERE c.code = 'CC' AND "
	    "e.held_on BETWEEN '2011-10-01' AND '2011-11-30'"), 4);
}
END_TEST

/* Every timescale of 5.3 and Appendix 1, as the report writes it. */
static const char *const timescales[] = {
	"26 July 2011",
	"After Cabinet, date to be confirmed – late July/early September",
	"End August 2011",
	"September 2011",
	"October/November 2011",
	"End November 2011",
	"December 2011",
	"End December 2011",
	"January 2012",
	"End January 2012",
	"End February 2012 (coincide with publication of final budget/new "
	    "vision and priorities)",
	"March 2012",
	"Phase 1 – End July 2011",
	"End July 2011",
	"Launch 31 October 2011",
	"New approach agreed 21 June 2011",
	"Went live on 1 July 2011 – 118 suggestions received 1-14 July",
	"Launch 27 July 2011",
	"Recruitment started – impact to be reviewed September 2011",
	"Engagement started – draft vision by mid-November 2011",
	"Portal populated and promoted by November 2011",
	"Agree action plan – early October 2011",
	"Agree governance arrangements and service objectives/targets – end "
	    "September 2011",
	"Feasibility study – end July 2011",
	"To be confirmed",
	"End October 2011",
	"Delivered 1-7 June 2011 (262 letters of thanks, 10 community events "
	    "held and wide media coverage)",
	"Internal campaign to promote Fair-trade vending machines  – end of "
	    "August 2011, Fair-trade event in a school with link to global "
	    "Fair-trade school programme – October 2011",
	"October 2011",
	"Sept 2011",
	"Pilot ‘Cost Challenge’ 15 July 2011",
};

START_TEST(test_timescale_as_written)
{
	ck_assert_msg(list_find("milestones", "timescale", timescales[_i],
	    "timescale", NULL) >= 1, "not stored as written: %s",
	    timescales[_i]);
}
END_TEST

START_TEST(test_milestone_count)
{
	/* 15 rows of 5.3 and 19 of Appendix 1. */
	ck_assert_int_eq(sql_count("SELECT count(*) FROM milestone"), 34);
	ck_assert_int_eq(sql_count("SELECT count(*) FROM milestone WHERE "
	    "theme = 'Next steps and timescales'"), 15);
	ck_assert_int_eq(sql_count("SELECT count(DISTINCT theme) FROM "
	    "milestone WHERE theme <> 'Next steps and timescales'"), 5);
	ck_assert_int_eq(sql_count("SELECT count(*) FROM milestone WHERE "
	    "state = 'done' AND theme <> 'Next steps and timescales'"), 3);
	ck_assert_int_eq(list_find("milestones", "theme",
	    "Joining up Services", "title", NULL), 3);
}
END_TEST

static const struct {
	const char *timescale, *dating, *earliest, *latest;
} datings[] = {
	{ "To be confirmed", "tbc", NULL, NULL },
	{ "After Cabinet, date to be confirmed – late July/early September",
	    "range", "2011-07-21", "2011-09-10" },
	{ "26 July 2011", "exact", "2011-07-26", "2011-07-26" },
	{ "Phase 1 – End July 2011", "range", "2011-07-21", "2011-07-31" },
	{ "October/November 2011", "range", "2011-10-01", "2011-11-30" },
	{ "Sept 2011", "range", "2011-09-01", "2011-09-30" },
	{ "Launch 31 October 2011", "exact", "2011-10-31", "2011-10-31" },
	{ "Went live on 1 July 2011 – 118 suggestions received 1-14 July",
	    "range", "2011-07-01", "2011-07-14" },
	{ "Delivered 1-7 June 2011 (262 letters of thanks, 10 community "
	    "events held and wide media coverage)", "range", "2011-06-01",
	    "2011-06-07" },
	{ "End February 2012 (coincide with publication of final budget/new "
	    "vision and priorities)", "range", "2012-02-21", "2012-02-29" },
};

START_TEST(test_dating)
{
	const char *ts = datings[_i].timescale;
	char *dating, *earliest, *latest;

	ck_assert_int_ge(list_find("milestones", "timescale", ts, "dating",
	    &dating), 1);
	list_find("milestones", "timescale", ts, "earliest", &earliest);
	list_find("milestones", "timescale", ts, "latest", &latest);
	ck_assert_msg(same(dating, datings[_i].dating), "%s: dating %s", ts,
	    dating);
	ck_assert_msg(same(earliest, datings[_i].earliest), "%s: earliest %s",
	    ts, earliest ? earliest : "NULL");
	ck_assert_msg(same(latest, datings[_i].latest), "%s: latest %s", ts,
	    latest ? latest : "NULL");
	free(dating);
	free(earliest);
	free(latest);
}
END_TEST

static const struct {
	const char *ref, *stage;
} stages[] = {
	{ "CC-LCL-01", "in_delivery" },
	{ "CC-LCL-02", "adopted" },
	{ "CC-LCL-03", "rejected" },
	{ "CC-LCL-04", "submitted" },
	{ "CC-ENG-01", "delivered" },
	{ "CC-ENG-02", "approved" },
	{ "CC-ENG-03", "draft" },
	{ "CC-BRK-01", "adopted" },
	{ "CC-BRK-02", "not_accepted" },
	{ "CC-BRK-03", "tested" },
	{ "CC-EMP-01", "in_report" },
	{ "CC-EMP-02", "accepted" },
	{ "CC-EMP-03", "draft" },
	{ "CC-EMP-04", "withdrawn" },
};

START_TEST(test_stage)
{
	struct record r;

	get(ENT_RECOMMENDATION, stages[_i].ref, &r);
	assert_field(&r, "stage", stages[_i].stage);
	record_done(&r);
}
END_TEST

START_TEST(test_stages_spread)
{
	ck_assert_int_ge(sql_count("SELECT count(DISTINCT stage) FROM "
	    "recommendation"), 8);
	ck_assert_int_eq(sql_count("SELECT count(*) FROM recommendation"),
	    (long long)NELEM(stages));
}
END_TEST

START_TEST(test_recommendation_facts)
{
	struct record r;

	/* The key decision, adopted: its target follows from its term. */
	get(ENT_RECOMMENDATION, "CC-LCL-02", &r);
	assert_field(&r, "term", "long");
	assert_field(&r, "upfront-cost", "60000000");
	ck_assert_ptr_nonnull(record_get(&r, "target"));
	ck_assert_ptr_nonnull(record_get(&r, "equality-impact"));
	record_done(&r);
	/* Nothing stated yet. */
	get(ENT_RECOMMENDATION, "CC-ENG-03", &r);
	assert_field(&r, "term", NULL);
	assert_field(&r, "savings", NULL);
	assert_field(&r, "upfront-cost", NULL);
	assert_field(&r, "target", NULL);
	record_done(&r);
	/* Referred back, tested again, resubmitted, approved. */
	get(ENT_RECOMMENDATION, "CC-ENG-02", &r);
	ck_assert_ptr_nonnull(strstr(record_get(&r, "text"), "by post"));
	ck_assert_ptr_nonnull(record_get(&r, "equality-impact"));
	record_done(&r);
	ck_assert_int_eq(sql_count("SELECT count(*) FROM audit a JOIN "
	    "recommendation r ON r.id = a.entity_id WHERE a.entity = "
	    "'recommendation' AND r.ref = 'CC-ENG-02' AND a.action = "
	    "'advance' AND json_extract(a.changes, '$.stage[1]') = "
	    "'submitted'"), 2);
}
END_TEST

START_TEST(test_decisions)
{
	/* Every move that needs a decision has one, at the right body. */
	ck_assert_int_eq(sql_count("SELECT count(*) FROM audit a JOIN "
	    "decision d ON d.id = a.decision_id JOIN meeting m ON m.id = "
	    "d.meeting_id WHERE a.action = 'advance' AND "
	    "d.recommendation_id = a.entity_id AND m.body = CASE "
	    "json_extract(a.changes, '$.stage[1]') WHEN 'accepted' THEN "
	    "'cabinet' WHEN 'not_accepted' THEN 'cabinet' WHEN 'adopted' "
	    "THEN 'council' ELSE 'assembly' END"), sql_count("SELECT count(*) "
	    "FROM audit WHERE action = 'advance' AND json_extract(changes, "
	    "'$.stage[1]') IN ('approved', 'rejected', 'referred_back', "
	    "'accepted', 'not_accepted', 'adopted')"));
	ck_assert_int_eq(sql_count("SELECT count(*) FROM audit WHERE "
	    "action = 'advance' AND json_extract(changes, '$.stage[1]') IN "
	    "('approved', 'rejected', 'referred_back', 'accepted', "
	    "'not_accepted', 'adopted') AND decision_id IS NULL"), 0);
	/* A rejection and a referral back say why. */
	ck_assert_int_eq(sql_count("SELECT count(*) FROM decision WHERE "
	    "outcome IN ('rejected', 'referred_back', 'not_accepted') AND "
	    "length(reason) > 20"), 3);
	ck_assert_int_eq(sql_count("SELECT votes_against FROM decision d "
	    "JOIN recommendation r ON r.id = d.recommendation_id WHERE "
	    "r.ref = 'CC-LCL-03'"), 11);
}
END_TEST

START_TEST(test_people)
{
	struct record r;
	struct err e;
	int64_t by_login, by_name;

	ck_assert_int_ge(sql_count("SELECT count(*) FROM person"), 20);
	ck_assert_int_eq(store_resolve(st, ENT_PERSON, "zwhitfield",
	    &by_login, &e), 0);
	ck_assert_int_eq(store_resolve(st, ENT_PERSON, "Zoë Whitfield",
	    &by_name, &e), 0);
	ck_assert_int_eq(by_login, by_name);
	get(ENT_PERSON, "fmercer", &r);
	assert_field(&r, "name", "Felicity Mercer");
	assert_field(&r, "kind", "officer");
	record_done(&r);
	ck_assert_int_eq(sql_count("SELECT count(*) FROM commission_member m "
	    "JOIN person p ON p.id = m.person_id JOIN commission c ON c.id = "
	    "m.commission_id WHERE c.code = 'CC' AND m.role = 'secretary' AND "
	    "p.login = 'fmercer'"), 1);
	ck_assert_int_eq(sql_count("SELECT count(DISTINCT role) FROM "
	    "commission_member"), 5);
	/* Memberships are dated in 2011, not the day the demo was made. */
	ck_assert_int_eq(sql_count("SELECT count(*) FROM subgroup_member "
	    "WHERE joined_on NOT LIKE '2011-%'"), 0);
}
END_TEST

START_TEST(test_check_clean)
{
	struct buf out;
	struct err e;

	buf_init(&out);
	ck_assert_msg(store_check(st, &out, &e) == 0, "%s%s", buf_str(&out),
	    e.msg);
	buf_done(&out);
}
END_TEST

#define ALL_ROWS "SELECT (SELECT count(*) FROM person) + (SELECT count(*) " \
	"FROM commission) + (SELECT count(*) FROM commission_member) + "  \
	"(SELECT count(*) FROM subgroup) + (SELECT count(*) FROM "	   \
	"subgroup_member) + (SELECT count(*) FROM engagement) + (SELECT " \
	"count(*) FROM recommendation) + (SELECT count(*) FROM meeting) + " \
	"(SELECT count(*) FROM decision) + (SELECT count(*) FROM "	   \
	"milestone) + (SELECT count(*) FROM audit)"

START_TEST(test_twice_fails_whole)
{
	struct store_value v[] = { { "name", "After the demo" } };
	long long before = sql_count(ALL_ROWS);
	struct buf out;
	struct err e;
	int64_t id;

	ck_assert_int_eq(demo_build(st, &e), -1);
	ck_assert_ptr_nonnull(strstr(e.msg, "\"CC\""));
	ck_assert_int_eq(sql_count(ALL_ROWS), before);
	buf_init(&out);
	ck_assert_msg(store_check(st, &out, &e) == 0, "%s", buf_str(&out));
	buf_done(&out);
	/* No transaction was left open: the next write is its own. */
	ck_assert_msg(store_create(st, ENT_PERSON, v, 1, &id, &e) == 0, "%s",
	    e.msg);
	ck_assert_int_eq(sql_count(ALL_ROWS), before + 2);
}
END_TEST

/*
 * An administrator with one of the demo's logins takes that person's
 * place, even when their name is another demo person's.
 */
START_TEST(test_admin_takes_place)
{
	struct record r;
	struct err e;

	open_store("fmercer", "Raj Patel");
	ck_assert_msg(demo_build(st, &e) == 0, "%s", e.msg);
	get(ENT_PERSON, "fmercer", &r);
	assert_field(&r, "name", "Raj Patel");
	assert_field(&r, "admin", "1");
	record_done(&r);
	ck_assert_int_eq(sql_count("SELECT count(*) FROM person WHERE name = "
	    "'Felicity Mercer'"), 0);
	ck_assert_int_eq(sql_count("SELECT count(*) FROM person WHERE name = "
	    "'Raj Patel'"), 2);
	ck_assert_int_eq(sql_count("SELECT count(*) FROM commission_member m "
	    "JOIN person p ON p.id = m.person_id WHERE m.role = 'secretary' "
	    "AND p.login = 'fmercer'"), 1);
	ck_assert_int_eq(sql_count("SELECT count(*) FROM subgroup s JOIN "
	    "person p ON p.id = s.cmt_lead_id WHERE s.code = 'EMP' AND "
	    "p.login IS NULL AND p.name = 'Raj Patel'"), 1);
}
END_TEST

Suite *
demo_suite(void)
{
	Suite *s = suite_create("demo");
	TCase *tc = tcase_create("built");
	TCase *bare = tcase_create("bare");

	tcase_set_timeout(tc, 60);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_loop_test(tc, test_commissions, 0, NELEM(commissions));
	tcase_add_test(tc, test_subgroups);
	tcase_add_loop_test(tc, test_timescale_as_written, 0,
	    NELEM(timescales));
	tcase_add_test(tc, test_milestone_count);
	tcase_add_loop_test(tc, test_dating, 0, NELEM(datings));
	tcase_add_loop_test(tc, test_stage, 0, NELEM(stages));
	tcase_add_test(tc, test_stages_spread);
	tcase_add_test(tc, test_recommendation_facts);
	tcase_add_test(tc, test_decisions);
	tcase_add_test(tc, test_people);
	tcase_add_test(tc, test_check_clean);
	tcase_add_test(tc, test_twice_fails_whole);
	suite_add_tcase(s, tc);
	tcase_set_timeout(bare, 60);
	tcase_add_checked_fixture(bare, NULL, teardown);
	tcase_add_test(bare, test_admin_takes_place);
	suite_add_tcase(s, bare);
	return s;
}
