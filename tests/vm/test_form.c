/*
 * test_form.c: forms driven by key names against a fresh database.
 *
 * Every kind of record is created through a form, as a person would:
 * moving between fields with Tab, typing characters one key at a time,
 * cycling choices, saving with C-x. Then the things that must not go
 * wrong: bad values marked in place, nothing typed lost when a save is
 * refused, and a save against an old version showing both versions.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../check.h"
#include "../store/fixture.h"
#include "coopcom/util/text.h"
#include "coopcom/vm/form.h"

/* Types TEXT one key at a time ("\n" is Enter, " " is Space). */
static void
type(struct form *fm, const char *text)
{
	char key[8];
	uint32_t cp;
	int n;

	while (*text) {
		n = utf8_decode(text, strlen(text), &cp);
		ck_assert_int_gt(n, 0);
		if (*text == '\n')
			snprintf(key, sizeof key, "Enter");
		else if (*text == ' ')
			snprintf(key, sizeof key, "Space");
		else
			snprintf(key, sizeof key, "%.*s", n, text);
		form_key(fm, key);
		text += n;
	}
}

static size_t
index_of(struct form *fm, const char *name)
{
	struct form_field *ff = form_field(fm, name);

	ck_assert_msg(ff != NULL, "the form has no field %s", name);
	return (size_t)(ff - fm->fields);
}

/* Moves to NAME with Tab (as a person would), clears it, types TEXT. */
static void
fill(struct form *fm, const char *name, const char *text)
{
	size_t want = index_of(fm, name), tries;

	for (tries = 0; fm->focus != want && tries <= fm->n; tries++)
		form_key(fm, "Tab");
	ck_assert_msg(fm->focus == want, "Tab never reached %s", name);
	form_key(fm, "End");
	form_key(fm, "C-u");
	type(fm, text);
}

static const char *
text_of(struct form *fm, const char *name)
{
	return lineedit_text(&form_field(fm, name)->edit);
}

static int64_t
save(struct form *fm)
{
	struct err e;
	int64_t id = -1;

	err_clear(&e);
	ck_assert_int_eq(form_key(fm, "C-x"), FORM_SUBMIT);
	ck_assert_msg(form_submit(fm, fx.st, &id, &e) == 0, "saving %s: %s",
	    fm->what, e.msg);
	return id;
}

/* One kind of record, created through its form. */
struct create_case {
	enum entity_kind kind;
	enum form_mode mode;
	const char *values[8][2];	/* field, as typed */
	const char *check_field;	/* a stored value to check */
	const char *check_value;
};

static const struct create_case creates[] = {
	{ ENT_COMMISSION, FORM_CREATE, { { "code", "EC" },
	    { "name", "Employee Commission" },
	    { "remit", "Workforce settlement\nand flexible work" },
	    { "established", "2011-09-01" } }, "remit",
	    "Workforce settlement\nand flexible work" },
	{ ENT_COMMISSION_MEMBER, FORM_CREATE, { { "commission", "CC" },
	    { "person", FX_LCL_MEMBER }, { "role", "commissioner" } },
	    "role", "commissioner" },
	{ ENT_SUBGROUP, FORM_CREATE, { { "commission", "CC" },
	    { "code", "ZOE" }, { "name", "Zoë’s work-stream 漢字" },
	    { "lead-cabinet", FX_LCL_CHAIR } }, "name",
	    "Zoë’s work-stream 漢字" },
	{ ENT_SUBGROUP_MEMBER, FORM_JOIN, { { "subgroup", "CC-BRK" },
	    { "person", FX_LCL_MEMBER }, { "role", "coopted" } }, "role",
	    "coopted" },
	{ ENT_PERSON, FORM_CREATE, { { "login", "zoe" },
	    { "name", "Zoë Ng" }, { "kind", "community leader" } }, "kind",
	    "community_leader" },
	{ ENT_RECOMMENDATION, FORM_CREATE, { { "subgroup", "CC-LCL" },
	    { "title", "Libraries run with residents" },
	    { "text", "First paragraph.\n\nSecond, with £5 and 漢字." },
	    { "term", "short" }, { "savings", "£1,234.50" },
	    { "upfront-cost", "0" } }, "savings", "123450" },
	{ ENT_ENGAGEMENT, FORM_CREATE, { { "subgroup", "LCL" },
	    { "date", "2011-10-01" }, { "method", "survey" },
	    { "reach", "120" } }, "reach", "120" },
	{ ENT_MEETING, FORM_CREATE, { { "body", "assembly" },
	    { "commission", "CC" }, { "date", "2011-09-06" },
	    { "title", "First meeting" } }, "body", "assembly" },
	{ ENT_DECISION, FORM_CREATE, { { "meeting", "MEETING" },
	    { "outcome", "noted" }, { "reason", "Noted with thanks" } },
	    "outcome", "noted" },
	{ ENT_MILESTONE, FORM_CREATE, { { "commission", "CC" },
	    { "title", "Launch" }, { "timescale", "End August 2011" } },
	    "timescale", "End August 2011" },
};

START_TEST(test_create_each_kind)
{
	const struct create_case *c = &creates[_i];
	struct form fm;
	struct record r;
	struct err e;
	char meeting[24];
	int64_t id, mid;
	size_t i;

	mid = fx_add(fx.st, ENT_MEETING, FX_VALS({ "body", "assembly" },
	    { "commission", "CC" }, { "date", "2011-09-06" }));
	snprintf(meeting, sizeof meeting, "%lld", (long long)mid);
	form_init_create(&fm, fx.st, c->kind, c->mode);
	for (i = 0; i < 8 && c->values[i][0] != NULL; i++)
		fill(&fm, c->values[i][0], strcmp(c->values[i][1],
		    "MEETING") == 0 ? meeting : c->values[i][1]);
	id = save(&fm);
	if (c->mode == FORM_JOIN)
		id = fx_sql_intf("SELECT max(id) FROM subgroup_member");
	err_clear(&e);
	ck_assert_msg(store_get(fx.st, c->kind, id, &r, &e) == 0, "%s",
	    e.msg);
	ck_assert_str_eq(record_get(&r, c->check_field), c->check_value);
	record_done(&r);
	form_done(&fm);
}
END_TEST

START_TEST(test_choice_cycles)
{
	struct form fm;

	form_init_create(&fm, fx.st, ENT_RECOMMENDATION, FORM_CREATE);
	fill(&fm, "term", "");
	form_key(&fm, "Right");
	ck_assert_str_eq(text_of(&fm, "term"), "short");
	form_key(&fm, "Right");
	form_key(&fm, "Right");
	ck_assert_str_eq(text_of(&fm, "term"), "long");
	form_key(&fm, "Right");
	ck_assert_str_eq(text_of(&fm, "term"), "");	/* nullable: blank */
	form_key(&fm, "Left");
	ck_assert_str_eq(text_of(&fm, "term"), "long");
	type(&fm, "x");		/* typing still works */
	ck_assert_str_eq(text_of(&fm, "term"), "longx");
	form_done(&fm);

	form_init_create(&fm, fx.st, ENT_SUBGROUP_MEMBER, FORM_JOIN);
	fill(&fm, "role", "");
	form_key(&fm, "Left");		/* required: no blank, wraps */
	ck_assert_str_eq(text_of(&fm, "role"), "officer");
	form_key(&fm, "Right");
	ck_assert_str_eq(text_of(&fm, "role"), "chair");
	form_done(&fm);
}
END_TEST

START_TEST(test_bad_money_in_place)
{
	struct form fm;
	struct err e;
	int64_t id, before = fx_sql_int("SELECT count(*) FROM recommendation");

	form_init_create(&fm, fx.st, ENT_RECOMMENDATION, FORM_CREATE);
	form_prefill(&fm, "subgroup", "CC-LCL");
	fill(&fm, "title", "A title");
	fill(&fm, "savings", "12.345");
	ck_assert_ptr_null(form_field(&fm, "savings")->error);
	form_key(&fm, "Tab");			/* leaving checks it */
	ck_assert_ptr_nonnull(form_field(&fm, "savings")->error);
	fx_assert_has(form_field(&fm, "savings")->error, "Savings");
	fx_assert_has(form_field(&fm, "savings")->error, "two decimal");
	fill(&fm, "upfront-cost", "£1,23");
	form_key(&fm, "BackTab");
	fx_assert_has(form_field(&fm, "upfront-cost")->error, "Up-front");
	ck_assert_int_eq(form_key(&fm, "C-x"), FORM_SUBMIT);
	err_clear(&e);
	ck_assert_int_eq(form_submit(&fm, fx.st, &id, &e), -1);
	ck_assert_int_eq(e.code, ERR_INVALID);
	ck_assert_uint_eq(fm.focus, index_of(&fm, "savings"));
	ck_assert_str_eq(text_of(&fm, "savings"), "12.345");	/* kept */
	ck_assert_int_eq(fx_sql_int("SELECT count(*) FROM recommendation"),
	    before);
	/* Typing again clears the mark; a good value saves. */
	fill(&fm, "savings", "£15,000");
	ck_assert_ptr_null(form_field(&fm, "savings")->error);
	fill(&fm, "upfront-cost", "2500");
	id = save(&fm);
	ck_assert_int_eq(fx_sql_intf("SELECT savings_pence FROM "
	    "recommendation WHERE id = %lld", (long long)id), 1500000);
	form_done(&fm);
}
END_TEST

START_TEST(test_missing_required)
{
	struct form fm;
	struct err e;
	int64_t id;

	form_init_create(&fm, fx.st, ENT_RECOMMENDATION, FORM_CREATE);
	form_prefill(&fm, "subgroup", "CC-LCL");
	ck_assert_uint_eq(fm.focus, index_of(&fm, "title"));
	form_key(&fm, "Tab");		/* left blank: no mark yet */
	ck_assert_ptr_null(form_field(&fm, "title")->error);
	fill(&fm, "text", "Some text\non two lines");
	err_clear(&e);
	ck_assert_int_eq(form_key(&fm, "C-x"), FORM_SUBMIT);
	ck_assert_int_eq(form_submit(&fm, fx.st, &id, &e), -1);
	ck_assert_str_eq(form_field(&fm, "title")->error, "Title is required");
	ck_assert_uint_eq(fm.focus, index_of(&fm, "title"));
	ck_assert_str_eq(text_of(&fm, "text"), "Some text\non two lines");
	ck_assert_ptr_nonnull(fm.message);
	form_done(&fm);
}
END_TEST

/* What the store refuses is marked on the field it is about. */
START_TEST(test_store_error_in_place)
{
	struct form fm;
	struct err e;
	int64_t id;

	form_init_create(&fm, fx.st, ENT_SUBGROUP_MEMBER, FORM_JOIN);
	fill(&fm, "subgroup", "CC-LCL");
	fill(&fm, "person", "nobody-at-all");
	fill(&fm, "role", "member");
	err_clear(&e);
	form_key(&fm, "C-x");
	ck_assert_int_eq(form_submit(&fm, fx.st, &id, &e), -1);
	ck_assert_int_eq(e.code, ERR_NOTFOUND);
	ck_assert_uint_eq(fm.focus, index_of(&fm, "person"));
	fx_assert_has(fm.message, "nobody-at-all");
	ck_assert_str_eq(text_of(&fm, "person"), "nobody-at-all");
	form_done(&fm);
}
END_TEST

START_TEST(test_keys_move_and_submit)
{
	struct form fm;
	size_t last;

	form_init_create(&fm, fx.st, ENT_MILESTONE, FORM_CREATE);
	ck_assert_uint_eq(fm.focus, index_of(&fm, "title"));
	ck_assert_int_eq(form_key(&fm, "Up"), FORM_CHANGED);
	ck_assert_uint_eq(fm.focus, index_of(&fm, "theme"));
	form_key(&fm, "Down");
	type(&fm, "Launch");
	ck_assert_int_eq(form_key(&fm, "Enter"), FORM_CHANGED);	/* next */
	ck_assert_uint_eq(fm.focus, index_of(&fm, "timescale"));
	fill(&fm, "notes", "one\ntwo");		/* Enter: a new line */
	ck_assert_str_eq(text_of(&fm, "notes"), "one\ntwo");
	last = fm.n - 1;
	ck_assert_uint_eq(fm.focus, last);
	ck_assert_int_eq(form_key(&fm, "Down"), FORM_NONE);	/* no wrap */
	ck_assert_int_eq(form_key(&fm, "Tab"), FORM_CHANGED);	/* wraps */
	ck_assert_uint_eq(fm.focus, 0);
	ck_assert_int_eq(form_key(&fm, "Escape"), FORM_CANCEL);
	ck_assert(form_modified(&fm));
	form_focus(&fm, index_of(&fm, "done"));
	ck_assert_int_eq(form_key(&fm, "Enter"), FORM_CHANGED);
	ck_assert_uint_eq(fm.focus, index_of(&fm, "notes"));
	ck_assert_int_eq(form_key(&fm, "Enter"), FORM_CHANGED); /* new line */
	form_done(&fm);
	/* Enter on the last field, when it is one line, saves. */
	form_init_create(&fm, fx.st, ENT_COMMISSION_MEMBER, FORM_CREATE);
	form_focus(&fm, index_of(&fm, "joined"));
	ck_assert_int_eq(form_key(&fm, "Enter"), FORM_CHANGED);
	ck_assert_int_eq(form_key(&fm, "Enter"), FORM_SUBMIT);
	form_done(&fm);
}
END_TEST

START_TEST(test_utf8_editing)
{
	struct form fm;
	struct form_field *ff;

	form_init_create(&fm, fx.st, ENT_PERSON, FORM_CREATE);
	fill(&fm, "name", "Zoë 漢字 £5");
	ff = form_field(&fm, "name");
	form_key(&fm, "Backspace");
	form_key(&fm, "Backspace");
	ck_assert_str_eq(text_of(&fm, "name"), "Zoë 漢字 ");
	form_key(&fm, "Left");
	form_key(&fm, "Backspace");		/* the whole 字 */
	ck_assert_str_eq(text_of(&fm, "name"), "Zoë 漢 ");
	form_key(&fm, "Home");
	form_key(&fm, "Right");
	form_key(&fm, "Right");
	form_key(&fm, "Delete");		/* the whole ë */
	ck_assert_str_eq(text_of(&fm, "name"), "Zo 漢 ");
	type(&fm, "é");
	ck_assert_str_eq(text_of(&fm, "name"), "Zoé 漢 ");
	ck_assert_uint_eq(ff->edit.cursor, strlen("Zoé"));
	form_done(&fm);
}
END_TEST

static int64_t
add_rec(const char *title)
{
	return fx_add(fx.st, ENT_RECOMMENDATION, FX_VALS(
	    { "subgroup", "CC-LCL" }, { "title", title },
	    { "text", "Original text" }, { "term", "short" },
	    { "savings", "100" }, { "upfront-cost", "0" }));
}

/* In long text Up and Down move a line, then on to the next field. */
START_TEST(test_long_text_lines)
{
	struct form fm;

	form_init_create(&fm, fx.st, ENT_RECOMMENDATION, FORM_CREATE);
	fill(&fm, "text", "First line.\nSecond, with £5.");
	form_key(&fm, "Up");
	ck_assert_str_eq(fm.fields[fm.focus].f->name, "text");
	type(&fm, "!");
	ck_assert_str_eq(text_of(&fm, "text"),
	    "First line.!\nSecond, with £5.");
	form_key(&fm, "Up");				/* the field above */
	ck_assert_str_eq(fm.fields[fm.focus].f->name, "title");
	form_key(&fm, "Down");
	form_key(&fm, "Down");
	form_key(&fm, "Down");				/* past its last line */
	ck_assert_str_ne(fm.fields[fm.focus].f->name, "text");
	form_done(&fm);
}
END_TEST

START_TEST(test_edit_sends_changes_only)
{
	struct form fm;
	struct err e;
	int64_t id = add_rec("Before");
	char *changes;

	err_clear(&e);
	ck_assert_int_eq(form_init_edit(&fm, fx.st, ENT_RECOMMENDATION, id,
	    &e), 0);
	ck_assert_str_eq(text_of(&fm, "savings"), "£100.00");
	ck_assert_str_eq(text_of(&fm, "subgroup"), "CC-LCL");
	ck_assert(form_field(&fm, "subgroup")->readonly);	/* fixed */
	ck_assert(form_field(&fm, "ref")->readonly);
	ck_assert_ptr_null(form_field(&fm, "stage"));	/* the workflow's */
	ck_assert(!form_modified(&fm));
	form_focus(&fm, index_of(&fm, "subgroup"));
	form_key(&fm, "x");			/* refused, said so */
	ck_assert_str_eq(text_of(&fm, "subgroup"), "CC-LCL");
	fx_assert_has(fm.message, "cannot be changed");
	fill(&fm, "title", "After");
	ck_assert(form_modified(&fm));
	ck_assert_int_eq(save(&fm), id);
	changes = fx_sql_text("SELECT changes FROM audit ORDER BY id DESC "
	    "LIMIT 1");
	ck_assert_str_eq(changes, "{\"title\":[\"Before\",\"After\"]}");
	free(changes);
	form_done(&fm);
}
END_TEST

/*
 * Someone saves while the form is open: both versions of what differs
 * are kept, nothing typed is lost, their change to a field left alone is
 * not undone, and the next save is made against their version.
 */
START_TEST(test_conflict_keeps_both)
{
	struct store *other = fx_open_as(FX_LCL_CHAIR);
	struct form fm;
	struct form_field *title, *text;
	struct err e;
	int64_t id = add_rec("Before"), got;
	char *s;

	err_clear(&e);
	ck_assert_int_eq(form_init_edit(&fm, fx.st, ENT_RECOMMENDATION, id,
	    &e), 0);
	fill(&fm, "title", "Mine");
	fill(&fm, "term", "medium");
	fx_edit(other, ENT_RECOMMENDATION, id, FX_VALS({ "title", "Theirs" },
	    { "text", "Their text" }, { "term", "medium" }));
	err_clear(&e);
	form_key(&fm, "C-x");
	ck_assert_int_eq(form_submit(&fm, fx.st, &got, &e), -1);
	ck_assert_int_eq(e.code, ERR_CONFLICT);
	ck_assert(fm.conflict);
	ck_assert_int_eq(fm.version, 2);
	fx_assert_has(fm.message, FX_LCL_CHAIR_NAME);
	title = form_field(&fm, "title");
	text = form_field(&fm, "text");
	ck_assert_str_eq(text_of(&fm, "title"), "Mine");	/* kept */
	ck_assert_str_eq(title->theirs, "Theirs");
	ck_assert_str_eq(title->yours, "Mine");
	ck_assert_str_eq(text_of(&fm, "text"), "Their text");	/* theirs */
	ck_assert_str_eq(text->theirs, "Their text");
	ck_assert_str_eq(text->yours, "Original text");
	ck_assert_ptr_null(form_field(&fm, "term")->theirs);	/* agree */
	/* C-t takes theirs, C-r puts yours back. */
	form_focus(&fm, index_of(&fm, "title"));
	form_key(&fm, "C-t");
	ck_assert_str_eq(text_of(&fm, "title"), "Theirs");
	form_key(&fm, "C-r");
	ck_assert_str_eq(text_of(&fm, "title"), "Mine");
	ck_assert_int_eq(save(&fm), id);
	s = fx_sql_textf("SELECT title || '|' || body || '|' || term FROM "
	    "recommendation WHERE id = %lld", (long long)id);
	ck_assert_str_eq(s, "Mine|Their text|medium");
	free(s);
	form_done(&fm);
}
END_TEST

START_TEST(test_settled_recommendation)
{
	struct form fm;
	struct err e;
	int64_t id = add_rec("Settled");
	size_t i;

	err_clear(&e);
	ck_assert_msg(store_advance(fx.st, id, "submitted", 0, NULL, 0, &e) ==
	    0, "%s", e.msg);
	ck_assert_int_eq(form_init_edit(&fm, fx.st, ENT_RECOMMENDATION, id,
	    &e), 0);
	for (i = 0; i < fm.n; i++)
		ck_assert_msg(fm.fields[i].readonly ==
		    (strcmp(fm.fields[i].f->name, "target") != 0), "%s",
		    fm.fields[i].f->name);
	ck_assert_uint_eq(fm.focus, index_of(&fm, "target"));
	fx_assert_has(fm.message, "only its target date");
	fill(&fm, "target", "2012-06-30");
	ck_assert_int_eq(save(&fm), id);
	form_done(&fm);
}
END_TEST

/* A read-only database: the message says so, the form keeps its text. */
START_TEST(test_readonly_database)
{
	struct store_options o;
	struct store *ro;
	struct form fm;
	struct err e;
	int64_t id;

	memset(&o, 0, sizeof o);
	o.path = fx.path;
	o.login = FX_ADMIN;
	o.flags = STORE_READONLY;
	o.busy_ms = 1000;
	o.workflow = fx.wf;
	err_clear(&e);
	ck_assert_msg(store_open(&ro, &o, &e) == 0, "%s", e.msg);
	form_init_create(&fm, ro, ENT_COMMISSION, FORM_CREATE);
	fill(&fm, "code", "RO");
	fill(&fm, "name", "Read-only Commission");
	form_key(&fm, "C-x");
	err_clear(&e);
	ck_assert_int_eq(form_submit(&fm, ro, &id, &e), -1);
	ck_assert_int_eq(e.code, ERR_READONLY);
	fx_assert_has(fm.message, "what you typed is still here");
	ck_assert_str_eq(text_of(&fm, "name"), "Read-only Commission");
	ck_assert_int_eq(fx_sql_int("SELECT count(*) FROM commission WHERE "
	    "code = 'RO'"), 0);
	form_done(&fm);
	store_close(ro);
}
END_TEST

/* Someone who may not set a field sees it, but cannot type in it. */
START_TEST(test_admin_fields)
{
	struct store *sec = fx_open_as(FX_SECRETARY);
	struct form fm;

	form_init_create(&fm, sec, ENT_PERSON, FORM_CREATE);
	ck_assert(form_field(&fm, "admin")->readonly);
	ck_assert(!form_field(&fm, "name")->readonly);
	ck_assert_uint_eq(fm.focus, index_of(&fm, "name"));
	form_focus(&fm, index_of(&fm, "admin"));
	form_key(&fm, "Right");			/* no choosing either */
	ck_assert_str_eq(text_of(&fm, "admin"), "");
	form_done(&fm);
	form_init_create(&fm, fx.st, ENT_PERSON, FORM_CREATE);
	ck_assert(!form_field(&fm, "admin")->readonly);
	form_done(&fm);
}
END_TEST

Suite *
form_suite(void)
{
	Suite *s = suite_create("form");
	TCase *tc = tcase_create("form");

	tcase_add_checked_fixture(tc, fx_setup_world, fx_teardown);
	tcase_add_loop_test(tc, test_create_each_kind, 0,
	    (int)(sizeof creates / sizeof creates[0]));
	tcase_add_test(tc, test_choice_cycles);
	tcase_add_test(tc, test_bad_money_in_place);
	tcase_add_test(tc, test_missing_required);
	tcase_add_test(tc, test_store_error_in_place);
	tcase_add_test(tc, test_keys_move_and_submit);
	tcase_add_test(tc, test_utf8_editing);
	tcase_add_test(tc, test_long_text_lines);
	tcase_add_test(tc, test_edit_sends_changes_only);
	tcase_add_test(tc, test_conflict_keeps_both);
	tcase_add_test(tc, test_settled_recommendation);
	tcase_add_test(tc, test_readonly_database);
	tcase_add_test(tc, test_admin_fields);
	suite_add_tcase(s, tc);
	return s;
}
