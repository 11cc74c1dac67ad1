/*
 * test_workflow_file.c: the workflow loader and the default workflow.
 *
 * The default workflow (data/workflow.cfg) is checked rule by rule: every
 * transition against every role, and every guard missing on its own. The
 * loader is checked on one fixture per mistake (tests/conf/data/workflow),
 * each with its exact "file:line: reason", and on small inline texts.
 *
 * Files are found under $top_srcdir, which the test harness exports (".",
 * the current directory, when it is not set).
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "coopcom/conf/workflow_file.h"
#include "coopcom/util/xalloc.h"

Suite *workflow_file_suite(void);

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))
#define ROLE(r) WORKFLOW_ROLE_BIT(WORKFLOW_ROLE_##r)
#define GUARD(g) WORKFLOW_GUARD_BIT(WORKFLOW_GUARD_##g)

#define TESTERS (ROLE(SUBGROUP_CHAIR) | ROLE(SUBGROUP_MEMBER) | \
    ROLE(CITIZENS_REP) | ROLE(SECRETARY) | ROLE(ADMIN))
#define CHAIRS (ROLE(SUBGROUP_CHAIR) | ROLE(ADMIN))
#define CLERKS (ROLE(SECRETARY) | ROLE(ADMIN))
#define COSTED (GUARD(TERM) | GUARD(SAVINGS) | GUARD(UPFRONT_COST))

/* Every move the default workflow allows, written out independently. */
static const struct {
	const char *from, *to;
	unsigned roles;
	unsigned guards;
	const char *body, *outcome;
	bool sets_target;
} moves[] = {
	{ "draft", "tested", TESTERS, 0, NULL, NULL, false },
	{ "referred_back", "tested", TESTERS, 0, NULL, NULL, false },
	{ "draft", "submitted", CHAIRS, COSTED, NULL, NULL, false },
	{ "referred_back", "submitted", CHAIRS, COSTED, NULL, NULL, false },
	{ "tested", "submitted", CHAIRS, COSTED | GUARD(EQUALITY_IMPACT),
	    NULL, NULL, false },
	{ "submitted", "approved", CLERKS, GUARD(DECISION), "assembly",
	    "approved", false },
	{ "submitted", "rejected", CLERKS, GUARD(DECISION) | GUARD(NOTE),
	    "assembly", "rejected", false },
	{ "submitted", "referred_back", CLERKS, GUARD(DECISION) | GUARD(NOTE),
	    "assembly", "referred_back", false },
	{ "draft", "withdrawn", CHAIRS, 0, NULL, NULL, false },
	{ "tested", "withdrawn", CHAIRS, 0, NULL, NULL, false },
	{ "referred_back", "withdrawn", CHAIRS, 0, NULL, NULL, false },
	{ "approved", "in_report", CLERKS, 0, NULL, NULL, false },
	{ "in_report", "accepted", CLERKS, GUARD(DECISION), "cabinet",
	    "accepted", false },
	{ "in_report", "not_accepted", CLERKS, GUARD(DECISION), "cabinet",
	    "not_accepted", false },
	{ "accepted", "adopted", CLERKS, GUARD(DECISION), "council",
	    "adopted", true },
	{ "adopted", "in_delivery", CLERKS, 0, NULL, NULL, false },
	{ "in_delivery", "delivered", CLERKS, 0, NULL, NULL, false },
};

static const char *const stage_ids[] = {
	"draft", "tested", "submitted", "approved", "rejected",
	"referred_back", "withdrawn", "in_report", "accepted", "not_accepted",
	"adopted", "in_delivery", "delivered",
};

/* The path of REL, relative to the top of the source tree; caller frees. */
static char *
srcpath(const char *rel)
{
	const char *top = getenv("top_srcdir");

	return x_printf("%s/%s", top != NULL && top[0] != '\0' ? top : ".",
	    rel);
}

static char *
fixture(const char *name)
{
	char *rel = x_printf("tests/conf/data/workflow/%s", name);
	char *path = srcpath(rel);

	free(rel);
	return path;
}

static struct workflow *
load_default(void)
{
	char *path = srcpath("data/workflow.cfg");
	struct workflow *wf;
	struct err e;

	err_clear(&e);
	wf = workflow_file_load(path, &e);
	free(path);
	ck_assert_msg(wf != NULL, "%s", e.msg);
	return wf;
}

/* Facts that meet every guard of move M, for a person holding ROLES. */
static struct workflow_facts
all_met(size_t m, unsigned roles)
{
	struct workflow_facts f = {
		.roles = roles,
		.has_term = true,
		.has_savings = true,
		.has_upfront_cost = true,
		.has_equality_impact = true,
		.note = "as minuted",
		.has_decision = true,
		.decision_body = moves[m].body,
		.decision_outcome = moves[m].outcome,
	};

	return f;
}

START_TEST(test_default_loads)
{
	struct workflow *wf = load_default();
	char *path = srcpath("data/workflow.cfg");
	const struct workflow_stage *s;
	size_t i;

	ck_assert_str_eq(wf->source, path);
	free(path);
	ck_assert_int_eq(workflow_validate(wf, NULL), 0);
	ck_assert_uint_eq(wf->nstages, NELEM(stage_ids));
	for (i = 0; i < NELEM(stage_ids); i++) {
		s = &wf->stages[i];
		ck_assert_str_eq(s->id, stage_ids[i]);
		ck_assert(s->label != NULL && s->label[0] != '\0');
		ck_assert_int_gt(s->line, 0);
	}
	ck_assert_str_eq(workflow_initial(wf)->id, "draft");
	workflow_free(wf);
}
END_TEST

START_TEST(test_default_flags)
{
	static const char *const finals[] = { "rejected", "withdrawn",
	    "not_accepted", "delivered" };
	static const char *const editables[] = { "draft", "tested",
	    "referred_back" };
	static const char *const deliveries[] = { "adopted", "in_delivery",
	    "delivered" };
	struct workflow *wf = load_default();
	size_t i, nfinal = 0, nedit = 0, ndelivery = 0;

	for (i = 0; i < NELEM(finals); i++)
		ck_assert_msg(workflow_stage(wf, finals[i])->final, "%s",
		    finals[i]);
	for (i = 0; i < NELEM(editables); i++)
		ck_assert_msg(workflow_stage(wf, editables[i])->editable, "%s",
		    editables[i]);
	for (i = 0; i < wf->nstages; i++) {
		nfinal += wf->stages[i].final;
		nedit += wf->stages[i].editable;
		ndelivery += wf->stages[i].delivery;
	}
	for (i = 0; i < NELEM(deliveries); i++)
		ck_assert_msg(workflow_stage(wf, deliveries[i])->delivery,
		    "%s", deliveries[i]);
	ck_assert_uint_eq(nfinal, NELEM(finals));
	ck_assert_uint_eq(nedit, NELEM(editables));
	ck_assert_uint_eq(ndelivery, NELEM(deliveries));
	workflow_free(wf);
}
END_TEST

START_TEST(test_builtin_is_the_file)
{
	struct workflow *file = load_default(), *builtin;
	struct buf a, b;
	struct err e;

	err_clear(&e);
	builtin = workflow_file_load_default(&e);
	ck_assert_msg(builtin != NULL, "%s", e.msg);
	ck_assert_str_eq(builtin->source, "built-in workflow");
	buf_init(&a);
	buf_init(&b);
	workflow_describe(file, &a);
	workflow_describe(builtin, &b);
	ck_assert_msg(strcmp(buf_str(&a), buf_str(&b)) == 0, "the built-in "
	    "workflow differs from data/workflow.cfg; rebuild it");
	buf_done(&a);
	buf_done(&b);
	workflow_free(file);
	workflow_free(builtin);
}
END_TEST

/* The table above names every transition, and nothing else is allowed. */
START_TEST(test_default_moves_complete)
{
	struct workflow *wf = load_default();
	size_t i, j, m, pairs = 0;
	bool listed;

	for (i = 0; i < wf->ntransitions; i++)
		pairs += wf->transitions[i].nfrom;
	ck_assert_uint_eq(pairs, NELEM(moves));
	for (i = 0; i < NELEM(stage_ids); i++) {
		for (j = 0; j < NELEM(stage_ids); j++) {
			listed = false;
			for (m = 0; m < NELEM(moves); m++)
				if (strcmp(moves[m].from, stage_ids[i]) == 0 &&
				    strcmp(moves[m].to, stage_ids[j]) == 0)
					listed = true;
			ck_assert_msg((workflow_find(wf, stage_ids[i],
			    stage_ids[j]) != NULL) == listed, "%s -> %s",
			    stage_ids[i], stage_ids[j]);
		}
	}
	workflow_free(wf);
}
END_TEST

/* _i runs over every move times every role. */
START_TEST(test_default_matrix)
{
	size_t m = (size_t)_i / WORKFLOW_ROLE_COUNT;
	int role = _i % WORKFLOW_ROLE_COUNT;
	struct workflow *wf = load_default();
	const struct workflow_transition *t;
	struct workflow_facts f = all_met(m, WORKFLOW_ROLE_BIT(role));
	bool allowed = moves[m].roles & WORKFLOW_ROLE_BIT(role);
	struct buf why;

	buf_init(&why);
	t = workflow_find(wf, moves[m].from, moves[m].to);
	ck_assert_msg(t != NULL, "%s -> %s", moves[m].from, moves[m].to);
	ck_assert_uint_eq(t->guards, moves[m].guards);
	ck_assert_pstr_eq(t->decision_body, moves[m].body);
	ck_assert_pstr_eq(t->decision_outcome, moves[m].outcome);
	ck_assert_int_eq(t->sets_target, moves[m].sets_target);
	ck_assert_msg(workflow_check(wf, t, &f, &why) == (allowed ? 0 : -1),
	    "%s -> %s by %s: %s", moves[m].from, moves[m].to,
	    workflow_role_name(role), buf_str(&why));
	if (allowed)
		ck_assert_str_eq(buf_str(&why), "");
	else {
		ck_assert(strncmp(buf_str(&why), "Only ", 5) == 0);
		ck_assert_ptr_null(strstr(buf_str(&why), "needs"));
	}
	buf_done(&why);
	workflow_free(wf);
}
END_TEST

/* What workflow_check says when only guard G is missing. */
static const char *
needs_phrase(enum workflow_guard g)
{
	switch (g) {
	case WORKFLOW_GUARD_TERM:
		return "it needs the term (short, medium or long).";
	case WORKFLOW_GUARD_SAVINGS:
		return "it needs the savings (state £0 if none).";
	case WORKFLOW_GUARD_UPFRONT_COST:
		return "it needs the up-front cost (state £0 if none).";
	case WORKFLOW_GUARD_EQUALITY_IMPACT:
		return "it needs the equality impact (assessed with the "
		    "Citizens' Group).";
	case WORKFLOW_GUARD_NOTE:
		return "it needs a note giving the reason.";
	default:
		return "recorded at a meeting with the outcome";
	}
}

/* For move _i, each of its guards missing alone, by a person who may. */
START_TEST(test_default_guards)
{
	struct workflow *wf = load_default();
	const struct workflow_transition *t =
	    workflow_find(wf, moves[_i].from, moves[_i].to);
	struct workflow_facts f;
	struct buf why;
	int g;

	buf_init(&why);
	for (g = 0; g < WORKFLOW_GUARD_COUNT; g++) {
		if (!(moves[_i].guards & WORKFLOW_GUARD_BIT(g)))
			continue;
		f = all_met((size_t)_i, moves[_i].roles);
		f.has_term = g != WORKFLOW_GUARD_TERM;
		f.has_savings = g != WORKFLOW_GUARD_SAVINGS;
		f.has_upfront_cost = g != WORKFLOW_GUARD_UPFRONT_COST;
		f.has_equality_impact = g != WORKFLOW_GUARD_EQUALITY_IMPACT;
		if (g == WORKFLOW_GUARD_NOTE)
			f.note = "   ";
		f.has_decision = g != WORKFLOW_GUARD_DECISION;
		buf_reset(&why);
		ck_assert_int_eq(workflow_check(wf, t, &f, &why), -1);
		ck_assert_uint_eq(workflow_unmet(t, &f), WORKFLOW_GUARD_BIT(g));
		ck_assert(strncmp(buf_str(&why), "Cannot ", 7) == 0);
		ck_assert_msg(strstr(buf_str(&why), needs_phrase(g)) != NULL,
		    "%s", buf_str(&why));
	}
	buf_done(&why);
	workflow_free(wf);
}
END_TEST

/* A decision of the wrong body or outcome is no decision for the move. */
START_TEST(test_default_wrong_decision)
{
	struct workflow *wf = load_default();
	const struct workflow_transition *t;
	struct workflow_facts f;
	size_t m;

	for (m = 0; m < NELEM(moves); m++) {
		if (moves[m].body == NULL)
			continue;
		t = workflow_find(wf, moves[m].from, moves[m].to);
		f = all_met(m, moves[m].roles);
		f.decision_body = strcmp(moves[m].body, "assembly") == 0 ?
		    "cabinet" : "assembly";
		ck_assert_int_eq(workflow_check(wf, t, &f, NULL), -1);
		f = all_met(m, moves[m].roles);
		f.decision_outcome = "deferred";
		ck_assert_int_eq(workflow_check(wf, t, &f, NULL), -1);
	}
	workflow_free(wf);
}
END_TEST

static const struct {
	const char *from, *to;
	unsigned roles;
	const char *why;
} default_messages[] = {
	{ "draft", "submitted", ROLE(SUBGROUP_MEMBER),
	    "Only the sub-group chair or an administrator can agree and "
	    "submit it to the commission; you are a sub-group member. It "
	    "also needs the term (short, medium or long), the savings (state "
	    "£0 if none) and the up-front cost (state £0 if none)." },
	{ "tested", "submitted", ROLE(SUBGROUP_CHAIR),
	    "Cannot agree and submit it to the commission yet: it needs the "
	    "term (short, medium or long), the savings (state £0 if none), "
	    "the up-front cost (state £0 if none) and the equality impact "
	    "(assessed with the Citizens' Group)." },
	{ "submitted", "approved", ROLE(SECRETARY),
	    "Cannot record the Assembly's approval yet: it needs a decision of "
	    "the Assembly recorded at a meeting with the outcome "
	    "\"approved\"." },
	{ "submitted", "referred_back", ROLE(COMMISSION_CHAIR),
	    "Only the commission secretary or an administrator can record the "
	    "Assembly's referral back to the sub-group; you are the "
	    "commission chair. It also needs a note giving the reason and a "
	    "decision of the Assembly recorded at a meeting with the outcome "
	    "\"referred back\"." },
	{ "accepted", "adopted", ROLE(ADMIN),
	    "Cannot record its adoption by full Council yet: it needs a "
	    "decision of full Council recorded at a meeting with the outcome "
	    "\"adopted\"." },
	{ "tested", "withdrawn", ROLE(CITIZENS_REP),
	    "Only the sub-group chair or an administrator can withdraw it; "
	    "you are a Citizens' Group representative." },
};

/* The messages people read, on the default workflow, with nothing given. */
START_TEST(test_default_messages)
{
	struct workflow *wf = load_default();
	const struct workflow_transition *t = workflow_find(wf,
	    default_messages[_i].from, default_messages[_i].to);
	struct workflow_facts f = { .roles = default_messages[_i].roles };
	struct buf why;

	buf_init(&why);
	ck_assert_int_eq(workflow_check(wf, t, &f, &why), -1);
	ck_assert_str_eq(buf_str(&why), default_messages[_i].why);
	buf_done(&why);
	workflow_free(wf);
}
END_TEST

START_TEST(test_default_describe)
{
	struct workflow *wf = load_default();
	struct buf out;

	buf_init(&out);
	workflow_describe(wf, &out);
	ck_assert_ptr_nonnull(strstr(buf_str(&out),
	    "  draft          Draft [initial, editable]\n"));
	ck_assert_ptr_nonnull(strstr(buf_str(&out),
	    "  draft, tested, referred_back -> withdrawn: withdraw it\n"
	    "    who: sub-group chair, administrator\n"
	    "    needs: nothing\n"));
	ck_assert_ptr_nonnull(strstr(buf_str(&out),
	    "    needs: decision of full Council (adopted)\n"
	    "    then: the target date is set from the term"));
	buf_done(&out);
	workflow_free(wf);
}
END_TEST

static const struct {
	const char *file;
	int line;
	const char *reason;
} fixtures[] = {
	{ "unknown_from", 11, "transition from unknown stage \"submited\"" },
	{ "unknown_to", 9, "transition to unknown stage \"submited\"" },
	{ "unreachable", 7, "stage \"orphan\" cannot be reached from the "
	    "initial stage \"draft\"; add a transition to it or remove it" },
	{ "from_final", 16, "transition from final stage \"withdrawn\": "
	    "nothing may leave a final stage" },
	{ "duplicate_stage", 7, "stage \"submitted\" is defined twice (first "
	    "on line 4)" },
	{ "duplicate_transition", 16, "transition from \"submitted\" to "
	    "\"withdrawn\" is defined twice (first on line 14)" },
	{ "unknown_role", 11, "unknown role \"administrator\"; the roles are "
	    "subgroup_chair, subgroup_member, citizens_rep, secretary, "
	    "commission_chair and admin" },
	{ "unknown_guard", 10, "unknown guard \"savngs\"; the guards are "
	    "term, savings, upfront_cost, equality_impact, note and "
	    "decision" },
	{ "decision_no_body", 11, "transition submitted -> approved requires "
	    "a decision but names no decision_body (assembly, cabinet, "
	    "council, ...)" },
	{ "no_initial", 2, "no stage is marked initial; exactly one stage "
	    "must be (usually draft)" },
	{ "two_initial", 4, "stage \"submitted\" is marked initial, but so "
	    "is \"draft\" (line 3); exactly one stage must be initial" },
	{ "dead_end", 5, "stage \"approved\" is not final but no transition "
	    "leaves it; add one, or mark it final" },
	{ "syntax", 11, "syntax error" },
	{ "unknown_key", 12, "unknown setting \"rolse\" in a transition; a "
	    "transition has from, to, label, roles, guards, decision_body, "
	    "decision_outcome and sets_target" },
	{ "unknown_stage_key", 6, "unknown setting \"finale\" in a stage; a "
	    "stage has id, label, initial, final, editable and delivery" },
};

START_TEST(test_fixture_good)
{
	char *path = fixture("good.cfg");
	struct workflow *wf;
	struct err e;

	err_clear(&e);
	wf = workflow_file_load(path, &e);
	free(path);
	ck_assert_msg(wf != NULL, "%s", e.msg);
	ck_assert_uint_eq(wf->nstages, 4);
	ck_assert_uint_eq(wf->ntransitions, 3);
	ck_assert_int_eq(wf->line, 2);
	ck_assert_int_eq(wf->stages[1].line, 4);
	ck_assert_int_eq(wf->transitions[2].line, 14);
	/* One name or a list of them: both work. */
	ck_assert_uint_eq(wf->transitions[1].roles, ROLE(SECRETARY));
	ck_assert_uint_eq(wf->transitions[2].nfrom, 2);
	ck_assert_uint_eq(wf->transitions[0].guards, GUARD(TERM));
	ck_assert_str_eq(wf->transitions[1].decision_body, "assembly");
	ck_assert(wf->stages[0].editable && !wf->stages[1].editable);
	workflow_free(wf);
}
END_TEST

START_TEST(test_fixture_bad)
{
	char *name = x_printf("%s.cfg", fixtures[_i].file);
	char *path = fixture(name);
	char *want = x_printf("%s:%d: %s", path, fixtures[_i].line,
	    fixtures[_i].reason);
	struct err e;

	err_clear(&e);
	ck_assert_ptr_null(workflow_file_load(path, &e));
	ck_assert_int_eq(e.code, ERR_INVALID);
	ck_assert_str_eq(e.msg, want);
	free(name);
	free(path);
	free(want);
}
END_TEST

static const struct {
	const char *text;
	const char *msg;
} inline_cases[] = {
	{ "stage = ();", "inline:1: unknown setting \"stage\"; a workflow "
	    "file has stages and transitions" },
	{ "stages = 3;", "inline:1: stages must be a list in parentheses: "
	    "stages = ( { ... }, { ... } );" },
	{ "stages = ( { id = \"draft\"; } );\ntransitions = {};",
	    "inline:2: transitions must be a list in parentheses: "
	    "transitions = ( { ... }, { ... } );" },
	{ "stages = ( \"draft\" );", "inline:1: each stage must be a group "
	    "in braces: { ... }" },
	{ "stages = ( { id = 3; } );", "inline:1: id must be text in double "
	    "quotes" },
	{ "stages = ( { id = \"a\";\n final = \"yes\"; } );", "inline:2: "
	    "final must be true or false" },
	{ "stages = ( { id = \"a\"; label = \"A\"; initial = true; } );\n"
	    "transitions = (\n { from = \"a\"; to = \"a\"; roles = 3; } );",
	    "inline:3: roles must be a name in double quotes or a list of "
	    "them: [ \"a\", \"b\" ]" },
	{ "stages = ( { id = \"a\"; label = \"A\"; initial = true; } );\n"
	    "transitions = (\n { from = \"a\"; to = \"a\";\n"
	    " roles = ( \"admin\", 3 ); } );",
	    "inline:4: roles must list names in double quotes" },
	{ "stages = ( { id = \"a\"; label = \"A\"; initial = true; } );\n"
	    "transitions = (\n { from = \"a\"; to = \"a\"; roles = \"admin\";"
	    "\n sets_target = 1; } );",
	    "inline:4: sets_target must be true or false" },
	{ "stages = ( { id = \"a\"; id = \"b\"; } );",
	    "inline:1: duplicate setting name" },
	{ "stages = ( { id = \"a\"; label = \"A\"; } );",
	    "inline:1: no stage is marked initial; exactly one stage must be "
	    "(usually draft)" },
	{ "", "inline: no stages are defined" },
	{ "# only a comment\n", "inline: no stages are defined" },
	{ "stages = ( { label = \"A\"; initial = true; } );",
	    "inline:1: stage has no id" },
	{ "stages = ( { id = \"a\"; label = \"A\"; initial = true; },\n"
	    " { id = \"b\"; label = \"B\"; final = true; } );\n"
	    "transitions = (\n { from = \"a\"; to = \"b\"; roles = \"admin\";"
	    " guards = \"decision\";\n decision_body = \"assembly\";"
	    " decision_outcome = \"aproved\"; } );",
	    "inline:4: unknown decision outcome \"aproved\"; use approved, "
	    "rejected, referred_back, deferred, accepted, not_accepted, "
	    "adopted or noted" },
};

START_TEST(test_inline)
{
	struct err e;

	err_clear(&e);
	ck_assert_ptr_null(workflow_file_load_string(inline_cases[_i].text,
	    "inline", &e));
	ck_assert_int_eq(e.code, ERR_INVALID);
	ck_assert_str_eq(e.msg, inline_cases[_i].msg);
}
END_TEST

START_TEST(test_missing_file)
{
	char *absent = fixture("absent.cfg"), *dir = fixture(""), *want;
	struct err e;

	err_clear(&e);
	ck_assert_ptr_null(workflow_file_load(absent, &e));
	ck_assert_int_eq(e.code, ERR_IO);
	want = x_printf("%s: cannot open the workflow file: No such file or "
	    "directory", absent);
	ck_assert_str_eq(e.msg, want);
	free(want);
	err_clear(&e);
	ck_assert_ptr_null(workflow_file_load(dir, &e));
	ck_assert_int_eq(e.code, ERR_IO);
	want = x_printf("%s: cannot read the workflow file: Is a directory",
	    dir);
	ck_assert_str_eq(e.msg, want);
	free(want);
	free(absent);
	free(dir);
}
END_TEST

Suite *
workflow_file_suite(void)
{
	Suite *s = suite_create("workflow_file");
	TCase *tc = tcase_create("default");

	tcase_add_test(tc, test_default_loads);
	tcase_add_test(tc, test_default_flags);
	tcase_add_test(tc, test_builtin_is_the_file);
	tcase_add_test(tc, test_default_moves_complete);
	tcase_add_loop_test(tc, test_default_matrix, 0,
	    (int)NELEM(moves) * WORKFLOW_ROLE_COUNT);
	tcase_add_loop_test(tc, test_default_guards, 0, NELEM(moves));
	tcase_add_test(tc, test_default_wrong_decision);
	tcase_add_loop_test(tc, test_default_messages, 0,
	    NELEM(default_messages));
	tcase_add_test(tc, test_default_describe);
	suite_add_tcase(s, tc);

	tc = tcase_create("loader");
	tcase_add_test(tc, test_fixture_good);
	tcase_add_loop_test(tc, test_fixture_bad, 0, NELEM(fixtures));
	tcase_add_loop_test(tc, test_inline, 0, NELEM(inline_cases));
	tcase_add_test(tc, test_missing_file);
	suite_add_tcase(s, tc);
	return s;
}
