/*
 * test_audit.c: the audit trail: one entry per write, with what changed,
 * and a hash chain that names the first entry edited, inserted or deleted
 * behind the program's back.
 *
 * Tampering is done as a person with the sqlite3 shell would do it: a
 * second, raw connection to the file, dropping the append-only triggers
 * first where the schema would stop it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coopcom/core/date.h"
#include "coopcom/store/priv.h"
#include "coopcom/util/buf.h"
#include "coopcom/util/xalloc.h"
#include "fixture.h"

Suite *audit_suite(void);

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* The world's writes: bootstrap, 2 commissions, 2 sub-groups, 6 people,
 * 3 commission and 3 sub-group memberships. */
#define WORLD_ENTRIES 17

static const char zero_hash[] =
    "0000000000000000000000000000000000000000000000000000000000000000";

/* TEXT with {LCL}, {BRK}, {CC}, {CITIZEN}, {LCL_CHAIR} as the world's
 * ids, so expected changes need not know the order the world was built,
 * and {TODAY} as today's date. */
static char *
expand(const char *text)
{
	static const struct {
		const char *name;
		const int64_t *id;
	} ids[] = {
		{ "{LCL}", &fx.lcl }, { "{BRK}", &fx.brk }, { "{CC}", &fx.cc },
		{ "{CITIZEN}", &fx.citizen }, { "{LCL_CHAIR}", &fx.lcl_chair },
	};
	char today[DATE_ISO_SIZE];
	struct buf b;
	size_t i, n;

	date_format_iso(date_today(), today);
	buf_init(&b);
	while (*text) {
		if (strncmp(text, "{TODAY}", 7) == 0) {
			buf_add(&b, today);
			text += 7;
			continue;
		}
		for (i = 0; i < NELEM(ids); i++) {
			n = strlen(ids[i].name);
			if (strncmp(text, ids[i].name, n) == 0)
				break;
		}
		if (i < NELEM(ids)) {
			buf_printf(&b, "%lld", (long long)*ids[i].id);
			text += n;
		} else
			buf_addc(&b, *text++);
	}
	return buf_steal(&b);
}

static int64_t
add_rec(struct store *st, const char *subgroup, const char *title,
    const char *savings)
{
	return fx_add(st, ENT_RECOMMENDATION, FX_VALS({ "subgroup", subgroup },
	    { "title", title }, { "savings", savings }));
}

static int64_t
membership_of(int64_t person)
{
	return fx_sql_intf("SELECT id FROM subgroup_member WHERE person_id = "
	    "%lld AND left_on IS NULL", (long long)person);
}

/* Writes, each made by one person after an optional preparation. */
static int64_t rec;	/* made by prep_rec */

static void
prep_rec(void)
{
	rec = add_rec(fx.st, "LCL", "Open libraries for longer", "£1,234.50");
}

static void
prep_meeting(void)
{
	fx_add(fx.st, ENT_MEETING, FX_VALS({ "body", "assembly" },
	    { "commission", "CC" }, { "date", "2011-09-14" }));
}

static int64_t
w_create_person(struct store *st)
{
	return fx_add(st, ENT_PERSON, FX_VALS({ "name", "Ann Other" },
	    { "kind", "Resident" }));
}

static int64_t
w_edit_person(struct store *st)
{
	fx_edit(st, ENT_PERSON, fx.lcl_chair, FX_VALS(
	    { "name", FX_LCL_CHAIR_NAME },
	    { "organisation", "Wrekin Housing" }));
	return fx.lcl_chair;
}

static int64_t
w_create_rec(struct store *st)
{
	return add_rec(st, "LCL", "Open libraries for longer", "£1,234.50");
}

static int64_t
w_edit_rec(struct store *st)
{
	fx_edit(st, ENT_RECOMMENDATION, rec, FX_VALS({ "savings", "£2,000" },
	    { "term", "Short" }, { "title", "Open libraries for longer" }));
	return rec;
}

static int64_t
w_clear_savings(struct store *st)
{
	fx_edit(st, ENT_RECOMMENDATION, rec, FX_VALS({ "savings", " " }));
	return rec;
}

static int64_t
w_archive_rec(struct store *st)
{
	struct err e;

	err_clear(&e);
	ck_assert_msg(store_archive(st, ENT_RECOMMENDATION, rec, 1, &e) == 0,
	    "%s", e.msg);
	return rec;
}

static int64_t
w_end_membership(struct store *st)
{
	int64_t mid = membership_of(fx.lcl_member);
	struct err e;

	err_clear(&e);
	ck_assert_msg(store_archive(st, ENT_SUBGROUP_MEMBER, mid, 0, &e) == 0,
	    "%s", e.msg);
	return mid;
}

static int64_t
w_grant_admin(struct store *st)
{
	struct err e;

	err_clear(&e);
	ck_assert_msg(store_bootstrap_admin(st, FX_CITIZEN, "ignored", &e) == 0,
	    "%s", e.msg);
	return fx.citizen;
}

static int64_t
w_create_milestone(struct store *st)
{
	return fx_add(st, ENT_MILESTONE, FX_VALS({ "commission", "CC" },
	    { "title", "Recruit and brief" },
	    { "timescale", "End August 2011" }));
}

static int64_t
w_join_new(struct store *st)
{
	struct err e;

	err_clear(&e);
	ck_assert_msg(store_join_subgroup(st, "BRK", "Cy Citizen", "Coopted",
	    &e) == 0, "%s", e.msg);
	return membership_of(fx.citizen);
}

static int64_t
w_change_role(struct store *st)
{
	struct err e;

	err_clear(&e);
	ck_assert_msg(store_join_subgroup(st, "LCL", "lclmember", "officer",
	    &e) == 0, "%s", e.msg);
	return membership_of(fx.lcl_member);
}

static int64_t
w_create_decision(struct store *st)
{
	return fx_add(st, ENT_DECISION, FX_VALS({ "meeting", "1" },
	    { "outcome", "Noted" }, { "reason", "For information" }));
}

static int64_t
w_edit_subgroup(struct store *st)
{
	fx_edit(st, ENT_SUBGROUP, fx.lcl, FX_VALS(
	    { "lead-cabinet", "Lee Chair" }, { "remit", "" }));
	return fx.lcl;
}

static const struct {
	const char *login;
	void (*prepare)(void);
	int64_t (*write)(struct store *);
	const char *entity, *action, *changes, *note;
} writes[] = {
	{ FX_SECRETARY, NULL, w_create_person, "person", "create",
	    "{\"kind\":[null,\"resident\"],\"name\":[null,\"Ann Other\"]}",
	    "" },
	{ FX_ADMIN, NULL, w_edit_person, "person", "update",
	    "{\"organisation\":[\"\",\"Wrekin Housing\"]}", "" },
	{ FX_LCL_CHAIR, NULL, w_create_rec, "recommendation", "create",
	    "{\"ref\":[null,\"CC-LCL-01\"],\"savings\":[null,\"123450\"],"
	    "\"subgroup\":[null,\"{LCL}\"],\"title\":[null,"
	    "\"Open libraries for longer\"]}", "" },
	{ FX_LCL_MEMBER, prep_rec, w_edit_rec, "recommendation", "update",
	    "{\"savings\":[\"123450\",\"200000\"],\"term\":[null,\"short\"]}",
	    "" },
	{ FX_LCL_CHAIR, prep_rec, w_clear_savings, "recommendation", "update",
	    "{\"savings\":[\"123450\",null]}", "" },
	{ FX_SECRETARY, prep_rec, w_archive_rec, "recommendation", "archive",
	    "{}", "" },
	{ FX_LCL_CHAIR, NULL, w_end_membership, "subgroup-member", "end", "{}",
	    "" },
	{ FX_ADMIN, NULL, w_grant_admin, "person", "grant-admin",
	    "{\"admin\":[\"0\",\"1\"]}", FX_CITIZEN },
	{ FX_SECRETARY, NULL, w_create_milestone, "milestone", "create",
	    "{\"commission\":[null,\"{CC}\"],\"timescale\":[null,"
	    "\"End August 2011\"],\"title\":[null,\"Recruit and brief\"]}",
	    "" },
	{ FX_BRK_CHAIR, NULL, w_join_new, "subgroup-member", "create",
	    "{\"joined\":[null,\"{TODAY}\"],\"person\":[null,\"{CITIZEN}\"],"
	    "\"role\":[null,\"coopted\"],"
	    "\"subgroup\":[null,\"{BRK}\"]}", "" },
	{ FX_LCL_CHAIR, NULL, w_change_role, "subgroup-member", "update",
	    "{\"role\":[\"member\",\"officer\"]}", "" },
	{ FX_SECRETARY, prep_meeting, w_create_decision, "decision", "create",
	    "{\"meeting\":[null,\"1\"],\"outcome\":[null,\"noted\"],"
	    "\"reason\":[null,\"For information\"]}", "" },
	{ FX_SECRETARY, NULL, w_edit_subgroup, "subgroup", "update",
	    "{\"lead-cabinet\":[null,\"{LCL_CHAIR}\"]}", "" },
};

static void
assert_verifies(struct store *st)
{
	struct buf out;
	struct err e;
	int rc;

	buf_init(&out);
	err_clear(&e);
	rc = audit_verify(st, &out, &e);
	ck_assert_msg(rc == 0, "audit_verify %d: %s%s", rc, buf_str(&out),
	    e.msg);
	rc = store_check(st, &out, &e);
	ck_assert_msg(rc == 0, "store_check %d: %s%s", rc, buf_str(&out),
	    e.msg);
	ck_assert_str_eq(buf_str(&out), "");
	buf_done(&out);
}

START_TEST(test_one_entry_per_write)
{
	struct store *st = fx_open_as(writes[_i].login);
	int64_t before, id, last;
	char *changes, *want, *text;

	if (writes[_i].prepare != NULL)
		writes[_i].prepare();
	before = fx_audit_count();
	id = writes[_i].write(st);
	ck_assert_int_eq(fx_audit_count(), before + 1);
	last = fx_sql_int("SELECT max(id) FROM audit");
	ck_assert_int_eq(last, before + 1);	/* ids run 1, 2, ... */

	text = fx_sql_textf("SELECT entity || ' ' || entity_id || ' ' || "
	    "action || ' ' || login || ' ' || coalesce(person_id, 'NULL') || "
	    "' [' || note || ']' FROM audit WHERE id = %lld", (long long)last);
	want = x_printf("%s %lld %s %s %lld [%s]", writes[_i].entity,
	    (long long)id, writes[_i].action, writes[_i].login,
	    (long long)store_me(st)->id, writes[_i].note);
	ck_assert_pstr_eq(text, want);
	free(text);
	free(want);

	changes = fx_sql_textf("SELECT changes FROM audit WHERE id = %lld",
	    (long long)last);
	want = expand(writes[_i].changes);
	ck_assert_pstr_eq(changes, want);
	free(changes);
	free(want);

	/* It is chained to the entry before it, and the head is on it. */
	ck_assert_int_eq(fx_sql_intf("SELECT a.prev_hash = b.hash FROM audit a "
	    "JOIN audit b ON b.id = a.id - 1 WHERE a.id = %lld",
	    (long long)last), 1);
	ck_assert_int_eq(fx_sql_intf("SELECT value = '%lld:' || (SELECT hash "
	    "FROM audit WHERE id = %lld) FROM meta WHERE key = 'audit_head'",
	    (long long)last, (long long)last), 1);
	ck_assert_int_eq(fx_sql_intf("SELECT length(at) = 19 AND at GLOB "
	    "'2[0-9][0-9][0-9]-[01][0-9]-[0-3][0-9] [0-2][0-9]:*' FROM audit "
	    "WHERE id = %lld", (long long)last), 1);
	assert_verifies(st);
}
END_TEST

START_TEST(test_world_chain)
{
	char *head;

	ck_assert_int_eq(fx_audit_count(), WORLD_ENTRIES);
	ck_assert_int_eq(fx_sql_int("SELECT count(*) FROM audit WHERE "
	    "length(hash) = 64 AND hash NOT GLOB '*[^0-9a-f]*'"),
	    WORLD_ENTRIES);
	head = fx_sql_text("SELECT prev_hash FROM audit WHERE id = 1");
	ck_assert_pstr_eq(head, zero_hash);
	free(head);
	ck_assert_int_eq(fx_sql_int("SELECT count(*) FROM audit a JOIN audit b "
	    "ON b.id = a.id - 1 WHERE a.prev_hash <> b.hash"), 0);
	/* The first entry is the bootstrap, by the administrator. */
	head = fx_sql_text("SELECT action || ' ' || person_id || ' ' || "
	    "changes || ' ' || note FROM audit WHERE id = 1");
	ck_assert_pstr_eq(head,
	    "create-admin 1 {\"admin\":[null,\"1\"]} admin");
	free(head);
	assert_verifies(fx.st);
}
END_TEST

START_TEST(test_refused_and_rolled_back_write_nothing)
{
	struct store *observer = fx_open_as(FX_OBSERVER);
	char *head = fx_sql_text("SELECT value FROM meta WHERE key = "
	    "'audit_head'"), *after;
	struct err e;
	int64_t id;

	err_clear(&e);
	ck_assert_int_eq(store_create(observer, ENT_RECOMMENDATION, FX_VALS(
	    { "subgroup", "LCL" }, { "title", "Observed" }), &id, &e), -1);

	/* Several writes grouped and then abandoned leave no trace. */
	ck_assert_int_eq(store_begin(fx.st, &e), 0);
	add_rec(fx.st, "LCL", "One", "£1");
	add_rec(fx.st, "LCL", "Two", "£2");
	ck_assert_int_eq(fx_sql_int("SELECT count(*) FROM recommendation"), 0);
	store_rollback(fx.st);

	ck_assert_int_eq(fx_audit_count(), WORLD_ENTRIES);
	after = fx_sql_text("SELECT value FROM meta WHERE key = 'audit_head'");
	ck_assert_pstr_eq(after, head);
	free(after);

	/* Grouped and committed: one entry each, chained. */
	ck_assert_int_eq(store_begin(fx.st, &e), 0);
	add_rec(fx.st, "LCL", "One", "£1");
	add_rec(fx.st, "BRK", "Two", "£2");
	ck_assert_int_eq(store_commit(fx.st, &e), 0);
	ck_assert_int_eq(fx_audit_count(), WORLD_ENTRIES + 2);
	assert_verifies(fx.st);
	free(head);
}
END_TEST

/*
 * Tampering, on a world with a few more entries (18 to 21): the SQL run
 * from a raw connection, and the words the check must say.
 */
#define DROP_UPDATE "DROP TRIGGER audit_no_update; "
#define DROP_DELETE "DROP TRIGGER audit_no_delete; "

static const struct {
	const char *what, *sql, *words[2];
} tampering[] = {
	{ "a note edited", DROP_UPDATE "UPDATE audit SET note = "
	    "'nothing to see' WHERE id = 9",
	    { "audit entry 9 (", "was altered after it was written" } },
	{ "changes edited", DROP_UPDATE "UPDATE audit SET changes = "
	    "'{\"name\":[null,\"Someone Else\"]}' WHERE id = 9",
	    { "audit entry 9 (", "create person" } },
	{ "the time edited", DROP_UPDATE "UPDATE audit SET at = "
	    "'2011-01-01 00:00:00' WHERE id = 12",
	    { "audit entry 12 (2011-01-01 00:00:00", "was altered" } },
	{ "the login edited", DROP_UPDATE "UPDATE audit SET login = 'sec' "
	    "WHERE id = 20", { "audit entry 20 (", "was altered" } },
	{ "the record edited", DROP_UPDATE "UPDATE audit SET entity_id = 2 "
	    "WHERE id = 19", { "audit entry 19 (", "was altered" } },
	{ "the action edited", DROP_UPDATE "UPDATE audit SET action = "
	    "'create' WHERE id = 21", { "audit entry 21 (", "was altered" } },
	{ "a hash replaced", DROP_UPDATE "UPDATE audit SET hash = "
	    "CASE WHEN hash LIKE 'ab%' THEN 'cd' ELSE 'ab' END || "
	    "substr(hash, 3) WHERE id = 5",
	    { "audit entry 5 (", "was altered" } },
	{ "the chain relinked", DROP_UPDATE "UPDATE audit SET prev_hash = "
	    "(SELECT hash FROM audit WHERE id = 3) WHERE id = 5",
	    { "audit entry 5 does not follow entry 4", NULL } },
	{ "an entry deleted", DROP_DELETE "DELETE FROM audit WHERE id = 9",
	    { "audit entry 9 is missing (the next entry is 10)",
	    "entries were deleted" } },
	{ "the first entry deleted", DROP_DELETE
	    "DELETE FROM audit WHERE id = 1",
	    { "audit entry 1 is missing (the next entry is 2)", NULL } },
	{ "an entry inserted", DROP_UPDATE
	    "UPDATE audit SET id = id + 1000 WHERE id >= 9; "
	    "UPDATE audit SET id = id - 999 WHERE id >= 1000; "
	    "INSERT INTO audit(id, at, person_id, login, entity, entity_id, "
	    "action, changes, note, prev_hash, hash) SELECT 9, at, person_id, "
	    "login, 'person', 3, 'grant-admin', '{\"admin\":[\"0\",\"1\"]}', "
	    "'', hash, 'forged' FROM audit WHERE id = 8",
	    { "audit entry 9 (", "grant-admin person 3) was altered" } },
	{ "an entry appended", "INSERT INTO audit(id, at, person_id, login, "
	    "entity, entity_id, action, changes, note, prev_hash, hash) SELECT "
	    "id + 1, at, person_id, login, 'person', 3, 'grant-admin', '{}', "
	    "'', hash, 'forged' FROM audit WHERE id = 21",
	    { "audit entry 22 (", "comes after the last entry coopcom wrote "
	    "(21): it was inserted" } },
	{ "an entry inserted far ahead", "INSERT INTO audit(id, at, person_id, "
	    "login, entity, entity_id, action, changes, note, prev_hash, hash) "
	    "SELECT 500, at, person_id, login, 'person', 3, 'grant-admin', "
	    "'{}', '', hash, 'forged' FROM audit WHERE id = 21",
	    { "audit entry 22 is missing (the next entry is 500)",
	    "or entry 500 was inserted" } },
	{ "the last entries deleted", DROP_DELETE
	    "DELETE FROM audit WHERE id > 19",
	    { "the audit trail ends at entry 19 but its recorded head is "
	    "entry 21", "deleted from the end" } },
};

static void
setup_more(void)
{
	int64_t id;

	fx_setup_world();
	id = add_rec(fx.st, "LCL", "Open libraries for longer", "£1,000");
	fx_edit(fx.st, ENT_RECOMMENDATION, id, FX_VALS({ "term", "short" }));
	fx_add(fx.st, ENT_MILESTONE, FX_VALS({ "commission", "CC" },
	    { "title", "Launch" }, { "timescale", "26 July 2011" }));
	fx_edit(fx.st, ENT_PERSON, fx.observer, FX_VALS(
	    { "organisation", "Telford Library" }));
	ck_assert_int_eq(fx_audit_count(), 21);
}

START_TEST(test_tampering_detected)
{
	struct buf out;
	struct err e;
	size_t w;
	int rc;

	assert_verifies(fx.st);
	fx_sql(tampering[_i].sql);
	buf_init(&out);
	err_clear(&e);
	rc = audit_verify(fx.st, &out, &e);
	ck_assert_msg(rc == 1, "%s: audit_verify %d: %s%s", tampering[_i].what,
	    rc, buf_str(&out), e.msg);
	for (w = 0; w < NELEM(tampering[_i].words); w++)
		if (tampering[_i].words[w] != NULL)
			fx_assert_has(buf_str(&out), tampering[_i].words[w]);
	/* One line, and store_check says the same. */
	ck_assert_ptr_eq(strchr(buf_str(&out), '\n'),
	    buf_str(&out) + out.len - 1);
	buf_reset(&out);
	rc = store_check(fx.st, &out, &e);
	ck_assert_msg(rc == 1, "%s: store_check %d: %s%s", tampering[_i].what,
	    rc, buf_str(&out), e.msg);
	fx_assert_has(buf_str(&out), tampering[_i].words[0]);
	buf_done(&out);
}
END_TEST

/* Puts back a head read earlier, as one who edits the file might. */
static void
set_head(const char *value)
{
	char *sql = x_printf("UPDATE meta SET value = '%s' WHERE key = "
	    "'audit_head'", value);

	fx_sql(sql);
	free(sql);
}

/*
 * Entries that hash correctly (whoever knows the scheme can make them) but
 * that coopcom did not write last: one added after the head, and the last
 * one replaced by another with the same number.
 */
START_TEST(test_valid_hash_appended)
{
	char *head = fx_sql_text("SELECT value FROM meta WHERE key = "
	    "'audit_head'");
	struct buf out;
	struct err e;

	fx_edit(fx.st, ENT_PERSON, fx.observer, FX_VALS({ "organisation",
	    "Nowhere" }));
	set_head(head);
	buf_init(&out);
	ck_assert_int_eq(audit_verify(fx.st, &out, &e), 1);
	fx_assert_has(buf_str(&out), "audit entry 22 (");
	fx_assert_has(buf_str(&out), "(21): it was inserted");
	buf_done(&out);
	free(head);
}
END_TEST

START_TEST(test_last_entry_rewritten)
{
	char *head21 = fx_sql_text("SELECT value FROM meta WHERE key = "
	    "'audit_head'"), *head22;
	struct buf out;
	struct err e;

	fx_edit(fx.st, ENT_PERSON, fx.observer, FX_VALS({ "organisation",
	    "Wellington Library" }));
	head22 = fx_sql_text("SELECT value FROM meta WHERE key = "
	    "'audit_head'");
	fx_sql(DROP_DELETE "DELETE FROM audit WHERE id = 22");
	set_head(head21);
	fx_edit(fx.st, ENT_PERSON, fx.observer, FX_VALS({ "organisation",
	    "Nowhere" }));
	set_head(head22);
	buf_init(&out);
	ck_assert_int_eq(audit_verify(fx.st, &out, &e), 1);
	fx_assert_has(buf_str(&out), "audit entry 22 is not the entry coopcom "
	    "wrote last, though its number is: the trail was rewritten");
	buf_done(&out);
	free(head21);
	free(head22);
}
END_TEST

/* Amounts typed into the file by hand that are not whole pence. */
START_TEST(test_check_money)
{
	struct buf out;
	struct err e;

	fx_sql("UPDATE recommendation SET savings_pence = 12.5, "
	    "upfront_cost_pence = '£5' WHERE id = (SELECT max(id) FROM "
	    "recommendation)");
	buf_init(&out);
	err_clear(&e);
	ck_assert_int_eq(store_check(fx.st, &out, &e), 2);
	fx_assert_has(buf_str(&out), "the savings is 12.5, not a whole number "
	    "of pence");
	fx_assert_has(buf_str(&out), "the up-front cost is '£5', not a whole "
	    "number of pence");
	buf_done(&out);
}
END_TEST

/* A title changed behind the search index's back (its trigger gone). */
START_TEST(test_check_search_index)
{
	struct buf out;
	struct err e;

	buf_init(&out);
	err_clear(&e);
	ck_assert_int_eq(store_check(fx.st, &out, &e), 0);
	fx_sql("DROP TRIGGER recommendation_fts_au; UPDATE recommendation "
	    "SET title = 'Zebra crossings' WHERE id = (SELECT max(id) FROM "
	    "recommendation)");
	ck_assert_int_eq(store_check(fx.st, &out, &e), 1);
	fx_assert_has(buf_str(&out), "search index: out of step");
	buf_done(&out);
}
END_TEST

START_TEST(test_damaged_head)
{
	int64_t rows = fx_sql_int("SELECT count(*) FROM recommendation"), id;
	struct buf out;
	struct err e;

	fx_sql("UPDATE meta SET value = 'garbage' WHERE key = 'audit_head'");
	buf_init(&out);
	err_clear(&e);
	ck_assert_int_eq(audit_verify(fx.st, &out, &e), -1);
	ck_assert_int_eq(e.code, ERR_CORRUPT);
	fx_assert_has(e.msg, "the audit head in the meta table is damaged");
	ck_assert_int_eq(store_check(fx.st, &out, &e), -1);
	buf_done(&out);

	/* Nothing is written onto a chain that cannot be followed. */
	err_clear(&e);
	ck_assert_int_eq(store_create(fx.st, ENT_RECOMMENDATION, FX_VALS(
	    { "subgroup", "LCL" }, { "title", "Unrecorded" }), &id, &e), -1);
	ck_assert_int_eq(e.code, ERR_CORRUPT);
	ck_assert_int_eq(fx_sql_int("SELECT count(*) FROM recommendation"),
	    rows);
	ck_assert_int_eq(fx_audit_count(), 21);
}
END_TEST

START_TEST(test_triggers_refuse)
{
	static const char *const sql[] = {
		"UPDATE audit SET note = 'rewritten' WHERE id = 3",
		"DELETE FROM audit WHERE id = 3",
		"DELETE FROM audit",
	};
	sqlite3 *db = fx_raw();
	char *msg;
	size_t i;
	int rc;

	for (i = 0; i < NELEM(sql); i++) {
		msg = NULL;
		rc = sqlite3_exec(db, sql[i], NULL, NULL, &msg);
		ck_assert_msg(rc == SQLITE_CONSTRAINT, "%s: %d", sql[i], rc);
		ck_assert_pstr_eq(msg, "the audit trail is append-only");
		sqlite3_free(msg);
	}
	sqlite3_close(db);
	ck_assert_int_eq(fx_audit_count(), 21);
	ck_assert_int_eq(fx_sql_int("SELECT count(*) FROM audit WHERE note = "
	    "'rewritten'"), 0);
	assert_verifies(fx.st);
}
END_TEST

Suite *
audit_suite(void)
{
	Suite *s = suite_create("audit");
	TCase *tc;

	tc = tcase_create("entries");
	tcase_add_checked_fixture(tc, fx_setup_world, fx_teardown);
	tcase_add_loop_test(tc, test_one_entry_per_write, 0, NELEM(writes));
	tcase_add_test(tc, test_world_chain);
	tcase_add_test(tc, test_refused_and_rolled_back_write_nothing);
	suite_add_tcase(s, tc);

	tc = tcase_create("chain");
	tcase_add_checked_fixture(tc, setup_more, fx_teardown);
	tcase_add_loop_test(tc, test_tampering_detected, 0, NELEM(tampering));
	tcase_add_test(tc, test_valid_hash_appended);
	tcase_add_test(tc, test_last_entry_rewritten);
	tcase_add_test(tc, test_check_money);
	tcase_add_test(tc, test_check_search_index);
	tcase_add_test(tc, test_damaged_head);
	tcase_add_test(tc, test_triggers_refuse);
	suite_add_tcase(s, tc);
	return s;
}
