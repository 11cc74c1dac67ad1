/*
 * test_writer.c: the keys that change data, through the whole app.
 *
 * An app is started on the fixture's world as the administrator and
 * driven by key names, as the UI drives it: a, e, J, m, d, then what
 * the forms, choosers and prompts ask. The database is checked after.
 */
#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "keys.h"
#include "../check.h"
#include "../store/fixture.h"
#include "coopcom/util/text.h"
#include "coopcom/util/xalloc.h"
#include "coopcom/vm/app.h"
#include "coopcom/vm/writer.h"

static struct session ses;
static struct app app;
static char *state;

static void
start(struct store *st, const char *login)
{
	struct err e;

	memset(&ses, 0, sizeof ses);
	config_defaults(&ses.config);
	ses.store = st;
	ses.db_path = fx.path;
	ses.login = (char *)login;
	err_clear(&e);
	ck_assert_msg(app_init(&app, &ses, &e) == 0, "%s", e.msg);
	app_set_heights(&app, 20, 60, 20);
}

static void
stop(void)
{
	app_done(&app);
	config_done(&ses.config);
}

static void
setup(void)
{
	fx_setup_world();
	state = fx_file("state");
	setenv("XDG_STATE_HOME", state, 1);
	start(fx.st, FX_ADMIN);
}

static void
teardown(void)
{
	stop();
	unsetenv("XDG_STATE_HOME");
	free(state);
	fx_teardown();
}

/* Key names separated by spaces; "Space" for a space. */
static void
press(const char *keys)
{
	keys_press(&app, keys);
}

/* Types TEXT one character at a time. */
static void
type(const char *text)
{
	keys_type(&app, text);
}

static const char *
typed(const char *field)
{
	struct form *fm = writer_form(&app);

	ck_assert_ptr_nonnull(fm);
	return lineedit_text(&form_field(fm, field)->edit);
}

/* Brings the main view back in line with the database. */
static void
reload(void)
{
	struct err e;

	ck_assert_int_eq(app_reload(&app, &e), 0);
}

static int64_t
add_rec(const char *subgroup, const char *title)
{
	int64_t id = fx_add(fx.st, ENT_RECOMMENDATION, FX_VALS(
	    { "subgroup", subgroup }, { "title", title }));

	reload();
	return id;
}

static char *
stage_of(int64_t id)
{
	return fx_sql_textf("SELECT stage FROM recommendation WHERE id = %lld",
	    (long long)id);
}

START_TEST(test_add_subgroup_in_commission)
{
	int64_t id;

	press("l a");
	ck_assert_ptr_nonnull(writer_form(&app));
	ck_assert_int_eq(writer_form(&app)->ent->kind, ENT_SUBGROUP);
	ck_assert_str_eq(typed("commission"), "CC");
	type("ZOE");
	press("Tab");
	type("Zoë’s work-stream");
	press("C-x");
	ck_assert_ptr_null(writer_form(&app));
	id = fx_sql_int("SELECT id FROM subgroup WHERE code = 'ZOE'");
	ck_assert_int_gt(id, 0);
	fx_assert_has(app.message, "Added sub-group ZOE");
	ck_assert_int_eq(listview_selected_id(&app.lists[PANEL_SUBGROUPS]),
	    id);
}
END_TEST

START_TEST(test_add_recommendation_in_subgroup)
{
	char *s;

	press("l l a");
	ck_assert_int_eq(writer_form(&app)->ent->kind, ENT_RECOMMENDATION);
	ck_assert_str_eq(typed("subgroup"), "CC-BRK");	/* first by code */
	type("Bins collected by residents");
	press("Enter");				/* Enter: on to the text */
	type("Line one");
	press("Enter");
	type("line two");
	press("C-x");
	ck_assert_ptr_null(writer_form(&app));
	s = fx_sql_text("SELECT ref || '|' || body FROM recommendation WHERE "
	    "title = 'Bins collected by residents'");
	ck_assert_str_eq(s, "CC-BRK-01|Line one\nline two");
	free(s);
}
END_TEST

START_TEST(test_cancel_asks_first)
{
	press("l l a");
	type("Half typed");
	press("Escape");
	ck_assert_int_eq(app.prompt.kind, PROMPT_CONFIRM);
	fx_assert_has(app.prompt.label, "Discard");
	press("n");
	ck_assert_ptr_nonnull(writer_form(&app));
	ck_assert_str_eq(typed("title"), "Half typed");
	press("Escape y");
	ck_assert_ptr_null(writer_form(&app));
	ck_assert_int_eq(fx_sql_int("SELECT count(*) FROM recommendation"), 0);
	/* Nothing typed: Escape just closes. */
	press("a Escape");
	ck_assert_ptr_null(writer_form(&app));
	ck_assert_int_eq(app.prompt.kind, PROMPT_NONE);
}
END_TEST

START_TEST(test_join_subgroup)
{
	press("l J");
	ck_assert_int_eq(writer_form(&app)->mode, FORM_JOIN);
	ck_assert_str_eq(typed("subgroup"), "CC-BRK");
	ck_assert_str_eq(typed("role"), "member");
	type(FX_LCL_MEMBER);
	press("C-x");
	ck_assert_ptr_null(writer_form(&app));
	ck_assert_int_eq(fx_sql_intf("SELECT count(*) FROM subgroup_member "
	    "WHERE subgroup_id = %lld AND person_id = %lld AND role = "
	    "'member'", (long long)fx.brk, (long long)fx.lcl_member), 1);
	/* On the commissions panel, J adds a commission member. */
	press("h J");
	ck_assert_int_eq(writer_form(&app)->ent->kind, ENT_COMMISSION_MEMBER);
	ck_assert_str_eq(typed("commission"), "CC");
	press("Escape");
}
END_TEST

START_TEST(test_edit_and_conflict)
{
	struct store *other = fx_open_as(FX_BRK_CHAIR);
	int64_t id = add_rec("BRK", "Before");

	press("l l e");
	ck_assert_int_eq(writer_form(&app)->mode, FORM_EDIT);
	ck_assert_str_eq(typed("title"), "Before");
	press("End C-u");
	type("Mine");
	fx_edit(other, ENT_RECOMMENDATION, id, FX_VALS({ "title", "Theirs" }));
	press("C-x");
	ck_assert_ptr_nonnull(writer_form(&app));	/* still open */
	ck_assert_str_eq(typed("title"), "Mine");
	fx_assert_has(app.message, "saved it first");
	fx_assert_has(writer_form(&app)->message, FX_BRK_CHAIR_NAME);
	press("C-x");
	ck_assert_ptr_null(writer_form(&app));
	fx_assert_has(app.message, "Saved recommendation CC-BRK-01");
	ck_assert_int_eq(fx_sql_intf("SELECT count(*) FROM recommendation "
	    "WHERE id = %lld AND title = 'Mine'", (long long)id), 1);
}
END_TEST

START_TEST(test_advance_simple)
{
	int64_t id = add_rec("BRK", "To test");
	struct chooser *c;
	char *s;

	press("l l m");
	c = writer_chooser(&app);
	ck_assert_ptr_nonnull(c);
	fx_assert_has(c->title, "CC-BRK-01");
	fx_assert_has(c->title, "Draft");
	ck_assert_uint_eq(c->n, 3);	/* tested, submitted, withdrawn */
	ck_assert(c->items[0].enabled);
	ck_assert(!c->items[1].enabled);	/* no term, savings, cost yet */
	fx_assert_has(c->items[1].detail, "term");
	ck_assert_uint_eq(c->sel, 0);
	press("Down Enter");			/* greyed: refused, said why */
	ck_assert_ptr_nonnull(writer_chooser(&app));
	ck_assert(app.message_error);
	fx_assert_has(app.message, "term");
	press("Up Enter");
	ck_assert_ptr_null(writer_chooser(&app));
	s = stage_of(id);
	ck_assert_str_eq(s, "tested");
	free(s);
	fx_assert_has(app.message, "CC-BRK-01 is now: Tested");
	/* The selection stays on the recommendation. */
	ck_assert_int_eq(listview_selected_id(
	    &app.lists[PANEL_RECOMMENDATIONS]), id);
}
END_TEST

/* A move that needs a reason and the meeting that decided it. */
START_TEST(test_advance_reason_and_meeting)
{
	int64_t id, old, newer;
	struct chooser *c;
	struct err e;
	size_t i, want = 0;
	char *s;

	id = fx_add(fx.st, ENT_RECOMMENDATION, FX_VALS({ "subgroup", "BRK" },
	    { "title", "Costed" }, { "term", "short" }, { "savings", "0" },
	    { "upfront-cost", "0" }));
	err_clear(&e);
	ck_assert_int_eq(store_advance(fx.st, id, "submitted", 0, NULL, 0, &e),
	    0);
	old = fx_add(fx.st, ENT_MEETING, FX_VALS({ "body", "assembly" },
	    { "commission", "CC" }, { "date", "2011-09-06" },
	    { "title", "First" }));
	newer = fx_add(fx.st, ENT_MEETING, FX_VALS({ "body", "assembly" },
	    { "commission", "CC" }, { "date", "2011-12-06" },
	    { "title", "Second" }));
	fx_add(fx.st, ENT_MEETING, FX_VALS({ "body", "cabinet" },
	    { "date", "2012-01-10" }));
	reload();
	press("l l m");
	c = writer_chooser(&app);
	for (i = 0; i < c->n; i++)
		if (strstr(c->items[i].label, "Rejected") != NULL)
			want = i;
	fx_assert_has(c->items[want].detail, "a reason");
	while (c->sel < want)
		press("Down");
	press("Enter");
	ck_assert_int_eq(app.prompt.kind, PROMPT_LINE);
	fx_assert_has(app.prompt.label, "Reason");
	press("Enter");				/* blank: asked again */
	ck_assert_int_eq(app.prompt.kind, PROMPT_LINE);
	fx_assert_has(app.message, "needs a reason");
	type("Not costed well enough");
	press("Enter");
	c = writer_chooser(&app);
	ck_assert_ptr_nonnull(c);
	ck_assert_uint_eq(c->n, 2);	/* the Assembly's, newest first */
	ck_assert_int_eq(c->items[0].value, newer);
	ck_assert_int_eq(c->items[1].value, old);
	press("Enter");
	s = stage_of(id);
	ck_assert_str_eq(s, "rejected");
	free(s);
	ck_assert_int_eq(fx_sql_intf("SELECT count(*) FROM decision WHERE "
	    "recommendation_id = %lld AND meeting_id = %lld AND outcome = "
	    "'rejected'", (long long)id, (long long)newer), 1);
	s = fx_sql_textf("SELECT note FROM audit WHERE entity_id = %lld AND "
	    "action = 'advance' ORDER BY id DESC LIMIT 1", (long long)id);
	ck_assert_str_eq(s, "Not costed well enough");
	free(s);
}
END_TEST

START_TEST(test_withdraw_instead_of_archive)
{
	int64_t id = add_rec("BRK", "Second thoughts");
	char *s;

	press("l l d");
	ck_assert_ptr_nonnull(writer_chooser(&app));
	fx_assert_has(writer_chooser(&app)->title, "Withdrawing");
	press("w");
	s = stage_of(id);
	ck_assert_str_eq(s, "withdrawn");
	free(s);
	ck_assert_int_eq(fx_sql_intf("SELECT archived FROM recommendation "
	    "WHERE id = %lld", (long long)id), 0);
	/* Escape keeps it as it is. */
	id = add_rec("BRK", "Keep me");
	press("d Escape");
	s = stage_of(id);
	ck_assert_str_eq(s, "draft");
	free(s);
}
END_TEST

START_TEST(test_archive_asks)
{
	press("l d");
	ck_assert_int_eq(app.prompt.kind, PROMPT_CONFIRM);
	fx_assert_has(app.prompt.label, "Archive sub-group BRK? y/n");
	press("n");
	ck_assert_int_eq(fx_sql_intf("SELECT archived FROM subgroup WHERE "
	    "id = %lld", (long long)fx.brk), 0);
	press("d y");
	ck_assert_int_eq(fx_sql_intf("SELECT archived FROM subgroup WHERE "
	    "id = %lld", (long long)fx.brk), 1);
	fx_assert_has(app.message, "Archived sub-group BRK");
	/* The panels follow: the next sub-group, and its recommendations. */
	ck_assert_int_eq(listview_selected_id(&app.lists[PANEL_SUBGROUPS]),
	    fx.lcl);
	ck_assert_int_eq(app.lists[PANEL_RECOMMENDATIONS].filter.subgroup_id,
	    fx.lcl);
	ck_assert_int_eq(fx_sql_intf("SELECT count(*) FROM audit WHERE "
	    "entity = 'subgroup' AND entity_id = %lld AND action = 'archive'",
	    (long long)fx.brk), 1);
}
END_TEST

/* The field the keys go to in the open form. */
static const char *
focused(void)
{
	struct form *fm = writer_form(&app);

	return fm->fields[fm->focus].f->name;
}

/*
 * E edits what has no list panel: a kind, then a record of the selected
 * commission, sub-group or recommendation; e on a timeline milestone.
 */
START_TEST(test_edit_other_kinds)
{
	int64_t eng, mid, ms;
	char meeting[24];

	eng = fx_add(fx.st, ENT_ENGAGEMENT, FX_VALS({ "subgroup", "BRK" },
	    { "date", "2011-10-15" }, { "method", "Door-knocking" }));
	fx_add(fx.st, ENT_ENGAGEMENT, FX_VALS({ "subgroup", "LCL" },
	    { "date", "2011-10-16" }, { "method", "Elsewhere" }));
	add_rec("BRK", "Decided");
	mid = fx_add(fx.st, ENT_MEETING, FX_VALS({ "body", "assembly" },
	    { "commission", "CC" }, { "date", "2011-09-06" }));
	snprintf(meeting, sizeof meeting, "%lld", (long long)mid);
	fx_add(fx.st, ENT_DECISION, FX_VALS({ "meeting", meeting },
	    { "recommendation", "CC-BRK-01" }, { "outcome", "noted" }));
	ms = fx_add(fx.st, ENT_MILESTONE, FX_VALS({ "commission", "CC" },
	    { "title", "Launch" }, { "timescale", "End August 2011" }));
	reload();
	press("l l E");
	ck_assert_str_eq(writer_chooser(&app)->title, "Edit what?");
	press("e");				/* BRK's engagement only */
	ck_assert_int_eq(writer_chooser(&app)->n, 1);
	fx_assert_has(writer_chooser(&app)->items[0].label, "Door-knocking");
	press("Enter");
	ck_assert_int_eq(writer_form(&app)->ent->kind, ENT_ENGAGEMENT);
	ck_assert_int_eq(writer_form(&app)->mode, FORM_EDIT);
	ck_assert_int_eq(writer_form(&app)->id, eng);
	while (strcmp(focused(), "method") != 0)
		press("Tab");
	press("End C-u");
	type("Door-knocking, Zoë’s round");
	press("C-x");
	ck_assert_ptr_null(writer_form(&app));
	ck_assert_int_eq(fx_sql_intf("SELECT count(*) FROM engagement WHERE "
	    "id = %lld AND method = 'Door-knocking, Zoë’s round'",
	    (long long)eng), 1);
	press("E u Enter");			/* BRK's chair */
	ck_assert_int_eq(writer_form(&app)->ent->kind, ENT_SUBGROUP_MEMBER);
	ck_assert_str_eq(typed("role"), "chair");
	press("Escape");
	press("E m Enter");
	ck_assert_int_eq(writer_form(&app)->ent->kind, ENT_MEETING);
	ck_assert_int_eq(writer_form(&app)->id, mid);
	press("Escape");
	press("E d Enter");			/* CC-BRK-01's decision */
	ck_assert_int_eq(writer_form(&app)->ent->kind, ENT_DECISION);
	press("Escape");
	press("E t Enter");
	ck_assert_int_eq(writer_form(&app)->ent->kind, ENT_MILESTONE);
	ck_assert_int_eq(writer_form(&app)->id, ms);
	press("Escape");
	press("E n");			/* CC's own members, not BRK's chair */
	ck_assert_int_eq(writer_chooser(&app)->n, 2);
	fx_assert_has(writer_chooser(&app)->items[0].label, "observer");
	fx_assert_has(writer_chooser(&app)->items[1].label, "secretary");
	press("Escape");
	press("4 e");				/* the timeline's milestone */
	ck_assert_ptr_nonnull(writer_form(&app));
	ck_assert_int_eq(writer_form(&app)->ent->kind, ENT_MILESTONE);
	ck_assert_int_eq(writer_form(&app)->id, ms);
	ck_assert_str_eq(typed("title"), "Launch");
	press("Escape d");			/* and d archives it, asking */
	ck_assert_int_eq(app.prompt.kind, PROMPT_CONFIRM);
	fx_assert_has(app.prompt.label, "Archive milestone");
	press("y");
	ck_assert_int_eq(fx_sql_intf("SELECT archived FROM milestone WHERE "
	    "id = %lld", (long long)ms), 1);
}
END_TEST

/* A chooser lists no whole table: past 500 it says there are more. */
START_TEST(test_edit_other_lists_500)
{
	char title[32];
	int i;

	for (i = 0; i < 501; i++) {
		snprintf(title, sizeof title, "Milestone %03d", i);
		fx_add(fx.st, ENT_MILESTONE, FX_VALS({ "commission", "CC" },
		    { "title", title }, { "timescale", "2012" }));
	}
	press("E t");
	ck_assert_uint_eq(writer_chooser(&app)->n, 501);
	ck_assert(!writer_chooser(&app)->items[500].enabled);
	fx_assert_has(writer_chooser(&app)->items[500].detail,
	    "first 500");
	press("Escape");
}
END_TEST

/* The form's keys are in the action table: bound in the config, the
 * new key saves and the default one no longer does. */
START_TEST(test_form_keys_from_config)
{
	struct config c;
	struct err e;
	int64_t id = add_rec("BRK", "Before");

	config_defaults(&c);
	c.keys = x_calloc(1, sizeof *c.keys);
	c.keys[0].action = x_strdup("save");
	c.keys[0].key = x_strdup("F2");
	c.keys[0].file = x_strdup("my.conf");
	c.keys[0].line = 1;
	c.nkeys = c.keys_cap = 1;
	ck_assert_msg(keymap_apply(&app.keys, &c, &e) == 0, "%s", e.msg);
	config_done(&c);
	press("l l e End C-u");
	type("After");
	press("C-x");
	ck_assert_ptr_nonnull(writer_form(&app));
	ck_assert_str_eq(typed("title"), "After");
	press("F2");
	ck_assert_ptr_null(writer_form(&app));
	ck_assert_int_eq(fx_sql_intf("SELECT count(*) FROM recommendation "
	    "WHERE id = %lld AND title = 'After'", (long long)id), 1);
}
END_TEST

START_TEST(test_add_other_kinds_from_detail)
{
	struct form *fm;

	add_rec("BRK", "Decided");
	press("l l l a");
	ck_assert_ptr_nonnull(writer_chooser(&app));
	press("m");				/* a meeting */
	fm = writer_form(&app);
	ck_assert_int_eq(fm->ent->kind, ENT_MEETING);
	ck_assert_str_eq(typed("commission"), "CC");
	press("Escape");
	fx_add(fx.st, ENT_MEETING, FX_VALS({ "body", "assembly" },
	    { "commission", "CC" }, { "date", "2011-09-06" }));
	press("a d");				/* a decision: which meeting? */
	ck_assert_ptr_nonnull(writer_chooser(&app));
	press("Enter");
	fm = writer_form(&app);
	ck_assert_int_eq(fm->ent->kind, ENT_DECISION);
	ck_assert_str_eq(typed("recommendation"), "CC-BRK-01");
	type("noted");
	press("C-x");
	ck_assert_ptr_null(writer_form(&app));
	ck_assert_int_eq(fx_sql_int("SELECT count(*) FROM decision WHERE "
	    "outcome = 'noted'"), 1);
}
END_TEST

START_TEST(test_reader_cannot_open_forms)
{
	stop();
	start(fx_open_as(FX_NOBODY), FX_NOBODY);
	press("a");
	ck_assert_ptr_null(writer_form(&app));
	ck_assert(app.message_error);
	fx_assert_has(app.message, "not a person");
	stop();
	start(fx_open_as(FX_LCL_MEMBER), FX_LCL_MEMBER);
	press("l a");			/* a sub-group: not theirs to add */
	ck_assert_ptr_null(writer_form(&app));
	fx_assert_has(app.message, "only");
}
END_TEST

static size_t
count_files(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	size_t n = 0;

	ck_assert_ptr_nonnull(d);
	while ((de = readdir(d)) != NULL)
		if (de->d_name[0] != '.')
			n++;
	closedir(d);
	return n;
}

/* Puts the draft moved aside (PATH.TIME) back at PATH. */
static int
rename_back(const char *path)
{
	char *dir = fx_file("state/coopcom/drafts"), *from = NULL;
	const char *base = strrchr(path, '/') + 1;
	DIR *d = opendir(dir);
	struct dirent *de;
	int rc;

	while ((de = readdir(d)) != NULL)
		if (strncmp(de->d_name, base, strlen(base)) == 0 &&
		    de->d_name[strlen(base)] == '.')
			from = x_printf("%s/%s", dir, de->d_name);
	closedir(d);
	ck_assert_ptr_nonnull(from);
	rc = rename(from, path);
	free(from);
	free(dir);
	return rc;
}

START_TEST(test_draft_offered_back)
{
	struct err e;
	char *path, *other, *aside;

	press("l l a");
	type("Typed when the line dropped");
	err_clear(&e);
	ck_assert_int_eq(writer_keep_draft(&app, &path, &e), 1);
	ck_assert_int_eq(access(path, F_OK), 0);
	stop();					/* the next session */
	start(fx.st, FX_ADMIN);
	writer_offer_draft(&app);
	ck_assert_ptr_nonnull(writer_chooser(&app));
	fx_assert_has(writer_chooser(&app)->title, "a new recommendation");
	press("l");				/* later: kept */
	ck_assert_ptr_null(writer_chooser(&app));
	ck_assert_int_eq(access(path, F_OK), 0);
	/* Kept for later, it is not written over by the next draft. */
	press("l l a");
	type("Another one");
	ck_assert_int_eq(writer_keep_draft(&app, &other, &e), 1);
	ck_assert_str_eq(other, path);
	free(other);
	aside = fx_file("state/coopcom/drafts");
	ck_assert_uint_eq(count_files(aside), 2);
	free(aside);
	press("Escape y");
	stop();
	start(fx.st, FX_ADMIN);
	writer_offer_draft(&app);
	fx_assert_has(writer_chooser(&app)->title, "a new recommendation");
	press("r");
	ck_assert_str_eq(typed("title"), "Another one");
	press("Escape y");
	writer_offer_draft(&app);		/* discarded: none now */
	ck_assert_ptr_null(writer_chooser(&app));
	ck_assert_int_eq(rename_back(path), 0);
	writer_offer_draft(&app);
	press("r");
	ck_assert_str_eq(typed("title"), "Typed when the line dropped");
	ck_assert_str_eq(typed("subgroup"), "CC-BRK");
	press("C-x");
	ck_assert_ptr_null(writer_form(&app));
	ck_assert_int_eq(fx_sql_int("SELECT count(*) FROM recommendation "
	    "WHERE title = 'Typed when the line dropped'"), 1);
	ck_assert_int_eq(access(path, F_OK), -1);	/* done with */
	free(path);
	/* Nothing typed: nothing kept. */
	press("a");
	ck_assert_int_eq(writer_keep_draft(&app, &path, &e), 0);
	ck_assert_ptr_null(path);
	press("Escape");
}
END_TEST

START_TEST(test_damaged_draft_offered)
{
	struct err e;
	char *path, *dir;

	err_clear(&e);
	press("l l a");
	type("x");
	ck_assert_int_eq(writer_keep_draft(&app, &path, &e), 1);
	press("Escape y");
	fx_write_file(path, "{ broken", 8);
	writer_offer_draft(&app);
	ck_assert_ptr_nonnull(writer_chooser(&app));
	fx_assert_has(writer_chooser(&app)->title, "damaged");
	press("l");
	ck_assert_int_eq(access(path, F_OK), 0);
	writer_offer_draft(&app);
	press("d");
	ck_assert_int_eq(access(path, F_OK), -1);
	dir = fx_file("state/coopcom/drafts");
	ck_assert_int_eq(access(dir, F_OK), 0);
	free(dir);
	free(path);
}
END_TEST

Suite *
writer_suite(void)
{
	Suite *s = suite_create("writer");
	TCase *tc = tcase_create("writer");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_add_subgroup_in_commission);
	tcase_add_test(tc, test_add_recommendation_in_subgroup);
	tcase_add_test(tc, test_cancel_asks_first);
	tcase_add_test(tc, test_join_subgroup);
	tcase_add_test(tc, test_edit_and_conflict);
	tcase_add_test(tc, test_advance_simple);
	tcase_add_test(tc, test_advance_reason_and_meeting);
	tcase_add_test(tc, test_withdraw_instead_of_archive);
	tcase_add_test(tc, test_archive_asks);
	tcase_add_test(tc, test_add_other_kinds_from_detail);
	tcase_add_test(tc, test_edit_other_kinds);
	tcase_add_test(tc, test_edit_other_lists_500);
	tcase_add_test(tc, test_form_keys_from_config);
	tcase_add_test(tc, test_reader_cannot_open_forms);
	tcase_add_test(tc, test_draft_offered_back);
	tcase_add_test(tc, test_damaged_draft_offered);
	suite_add_tcase(s, tc);
	return s;
}
