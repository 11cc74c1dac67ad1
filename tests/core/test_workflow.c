/*
 * test_workflow.c: the workflow model on a small workflow built in C: name
 * tables, lookups, the rule check and its messages, every validation
 * mistake with its exact "source:line: reason", and the description.
 * The default workflow file itself is tested with its loader
 * (tests/conf/test_workflow_file.c).
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "coopcom/core/workflow.h"
#include "coopcom/util/xalloc.h"

Suite *workflow_suite(void);

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))
#define ROLE(r) WORKFLOW_ROLE_BIT(WORKFLOW_ROLE_##r)
#define GUARD(g) WORKFLOW_GUARD_BIT(WORKFLOW_GUARD_##g)

/*
 * The sample, as if written in a file "test" (the numbers are its lines):
 *   stages on line 1; draft 2, submitted 3, approved 4, rejected 5,
 *   withdrawn 6, delivered 7; transitions on lines 10 to 14.
 */
static struct workflow *
sample(void)
{
	static const struct workflow_stage stages[] = {
		{ "draft", "Draft", true, false, true, false, 2 },
		{ "submitted", "Submitted", false, false, false, false, 3 },
		{ "approved", "Approved", false, false, false, false, 4 },
		{ "rejected", "Rejected", false, true, false, false, 5 },
		{ "withdrawn", "Withdrawn", false, true, false, false, 6 },
		{ "delivered", "Delivered", false, true, false, true, 7 },
	};
	static char *from_draft[] = { "draft" };
	static char *from_submitted[] = { "submitted" };
	static char *from_either[] = { "draft", "submitted" };
	static char *from_approved[] = { "approved" };
	const struct workflow_transition transitions[] = {
		{ from_draft, 1, "submitted",
		    "agree and submit it to the commission",
		    ROLE(SUBGROUP_CHAIR) | ROLE(ADMIN),
		    GUARD(TERM) | GUARD(SAVINGS) | GUARD(UPFRONT_COST) |
		    GUARD(EQUALITY_IMPACT), NULL, NULL, false, 10 },
		{ from_submitted, 1, "approved",
		    "record the Assembly's approval",
		    ROLE(SECRETARY) | ROLE(ADMIN),
		    GUARD(DECISION) | GUARD(NOTE), "assembly", "approved",
		    false, 11 },
		{ from_submitted, 1, "rejected", NULL, ROLE(SECRETARY),
		    GUARD(DECISION), "assembly", "rejected", false, 12 },
		{ from_either, 2, "withdrawn", "withdraw it",
		    ROLE(SUBGROUP_CHAIR) | ROLE(ADMIN), 0, NULL, NULL, false,
		    13 },
		{ from_approved, 1, "delivered", "mark it delivered",
		    ROLE(SECRETARY), 0, NULL, NULL, true, 14 },
	};
	struct workflow *wf = workflow_new("test");
	size_t i;

	wf->line = 1;
	for (i = 0; i < NELEM(stages); i++)
		workflow_add_stage(wf, &stages[i]);
	for (i = 0; i < NELEM(transitions); i++)
		workflow_add_transition(wf, &transitions[i]);
	return wf;
}

/* Facts that meet every guard of T, for a person holding ROLES. */
static struct workflow_facts
all_met(const struct workflow_transition *t, unsigned roles)
{
	struct workflow_facts f = {
		.roles = roles,
		.has_term = true,
		.has_savings = true,
		.has_upfront_cost = true,
		.has_equality_impact = true,
		.note = "agreed at the meeting",
		.has_decision = true,
		.decision_body = t->decision_body,
		.decision_outcome = t->decision_outcome,
	};

	return f;
}

START_TEST(test_names)
{
	int i;

	for (i = 0; i < WORKFLOW_ROLE_COUNT; i++) {
		ck_assert_ptr_nonnull(workflow_role_label(i));
		ck_assert_int_eq(workflow_role_parse(workflow_role_name(i)), i);
	}
	for (i = 0; i < WORKFLOW_GUARD_COUNT; i++) {
		ck_assert_ptr_nonnull(workflow_guard_label(i));
		ck_assert_int_eq(workflow_guard_parse(workflow_guard_name(i)),
		    i);
	}
	ck_assert_str_eq(workflow_role_name(WORKFLOW_ROLE_CITIZENS_REP),
	    "citizens_rep");
	ck_assert_str_eq(workflow_role_label(WORKFLOW_ROLE_SUBGROUP_CHAIR),
	    "sub-group chair");
	ck_assert_str_eq(workflow_guard_name(WORKFLOW_GUARD_UPFRONT_COST),
	    "upfront_cost");
	ck_assert_str_eq(workflow_guard_label(WORKFLOW_GUARD_UPFRONT_COST),
	    "up-front cost");
	ck_assert_ptr_null(workflow_role_name(WORKFLOW_ROLE_COUNT));
	ck_assert_ptr_null(workflow_guard_label(WORKFLOW_GUARD_COUNT));
	ck_assert_int_eq(workflow_role_parse("chair"), -1);
	ck_assert_int_eq(workflow_role_parse("Admin"), -1);
	ck_assert_int_eq(workflow_role_parse(""), -1);
	ck_assert_int_eq(workflow_role_parse(NULL), -1);
	ck_assert_int_eq(workflow_guard_parse("upfront-cost"), -1);
	ck_assert_int_eq(workflow_guard_parse(NULL), -1);
}
END_TEST

START_TEST(test_bodies_outcomes)
{
	ck_assert(workflow_body_known("assembly"));
	ck_assert(workflow_body_known("council"));
	ck_assert(!workflow_body_known("Assembly"));
	ck_assert(!workflow_body_known(NULL));
	ck_assert_str_eq(workflow_body_label("cabinet"), "Cabinet");
	ck_assert_str_eq(workflow_body_label("council"), "full Council");
	ck_assert_str_eq(workflow_body_label("board"), "board");
	ck_assert(workflow_outcome_known("referred_back"));
	ck_assert(workflow_outcome_known("not_accepted"));
	ck_assert(!workflow_outcome_known("referred back"));
	ck_assert(!workflow_outcome_known(NULL));
}
END_TEST

static const struct {
	const char *term;
	int months;
} term_cases[] = {
	{ "short", 6 }, { "medium", 18 }, { "long", 36 }, { "Short", -1 },
	{ "", -1 }, { "long ", -1 }, { "3 years", -1 }, { NULL, -1 },
};

START_TEST(test_term_months)
{
	ck_assert_int_eq(workflow_term_months(term_cases[_i].term),
	    term_cases[_i].months);
}
END_TEST

START_TEST(test_lookups)
{
	struct workflow *wf = sample();
	const struct workflow_transition *t;
	const char *to[4];
	size_t n = 0;

	ck_assert_str_eq(workflow_stage(wf, "approved")->label, "Approved");
	ck_assert_ptr_null(workflow_stage(wf, "aproved"));
	ck_assert_ptr_null(workflow_stage(wf, NULL));
	ck_assert_str_eq(workflow_initial(wf)->id, "draft");
	t = workflow_find(wf, "submitted", "withdrawn");
	ck_assert_ptr_eq(t, &wf->transitions[3]);
	ck_assert_ptr_eq(workflow_find(wf, "draft", "withdrawn"), t);
	ck_assert_ptr_null(workflow_find(wf, "draft", "approved"));
	ck_assert_ptr_null(workflow_find(wf, "withdrawn", "draft"));
	for (t = workflow_transitions_from(wf, "submitted", NULL); t != NULL;
	    t = workflow_transitions_from(wf, "submitted", t))
		to[n++] = t->to;
	ck_assert_uint_eq(n, 3);
	ck_assert_str_eq(to[0], "approved");
	ck_assert_str_eq(to[1], "rejected");
	ck_assert_str_eq(to[2], "withdrawn");
	ck_assert_ptr_null(workflow_transitions_from(wf, "delivered", NULL));
	ck_assert_int_eq(workflow_validate(wf, NULL), 0);
	workflow_free(wf);
}
END_TEST

START_TEST(test_add_copies)
{
	struct workflow *wf = workflow_new(NULL);
	char id[] = "draft", from[] = "draft", to[] = "done";
	char *froms[] = { from };
	struct workflow_stage s = { id, "Draft", true, false, false, false, 1 };
	struct workflow_transition t = { .from = froms, .nfrom = 1, .to = to,
	    .roles = ROLE(ADMIN) };

	workflow_add_stage(wf, &s);
	workflow_add_transition(wf, &t);
	id[0] = from[0] = to[0] = 'X';
	ck_assert_str_eq(wf->stages[0].id, "draft");
	ck_assert_str_eq(wf->transitions[0].from[0], "draft");
	ck_assert_str_eq(wf->transitions[0].to, "done");
	ck_assert_ptr_null(wf->transitions[0].label);
	workflow_free(wf);
	workflow_free(NULL);
}
END_TEST

START_TEST(test_check_allowed)
{
	struct workflow *wf = sample();
	struct workflow_facts f;
	struct buf why;
	size_t i;

	buf_init(&why);
	for (i = 0; i < wf->ntransitions; i++) {
		f = all_met(&wf->transitions[i], wf->transitions[i].roles);
		ck_assert_int_eq(workflow_check(wf, &wf->transitions[i], &f,
		    &why), 0);
		ck_assert_uint_eq(workflow_unmet(&wf->transitions[i], &f), 0);
	}
	ck_assert_str_eq(buf_str(&why), "");
	/* One role among several is enough. */
	f = all_met(&wf->transitions[0], ROLE(SUBGROUP_MEMBER) | ROLE(ADMIN));
	ck_assert_int_eq(workflow_check(wf, &wf->transitions[0], &f, NULL), 0);
	/* No guards: nothing else is looked at. */
	memset(&f, 0, sizeof f);
	f.roles = ROLE(SUBGROUP_CHAIR);
	ck_assert_int_eq(workflow_check(wf, &wf->transitions[3], &f, &why), 0);
	buf_done(&why);
	workflow_free(wf);
}
END_TEST

static const struct {
	size_t transition;
	unsigned roles;
	const char *why;
} role_cases[] = {
	{ 0, ROLE(SUBGROUP_MEMBER),
	    "Only the sub-group chair or an administrator can agree and "
	    "submit it to the commission; you are a sub-group member." },
	{ 0, 0,
	    "Only the sub-group chair or an administrator can agree and "
	    "submit it to the commission; you hold no role on this "
	    "recommendation." },
	{ 0, ROLE(SUBGROUP_MEMBER) | ROLE(CITIZENS_REP) | ROLE(SECRETARY),
	    "Only the sub-group chair or an administrator can agree and "
	    "submit it to the commission; you are a sub-group member, a "
	    "Citizens' Group representative and the commission secretary." },
	{ 1, ROLE(SUBGROUP_CHAIR) | ROLE(COMMISSION_CHAIR),
	    "Only the commission secretary or an administrator can record "
	    "the Assembly's approval; you are the sub-group chair and the "
	    "commission chair." },
	/* Without a label the move is named by its stage. */
	{ 2, ROLE(ADMIN),
	    "Only the commission secretary can move it to Rejected; you are "
	    "an administrator." },
	/* Bits outside the known roles count for nothing. */
	{ 4, 1u << 20,
	    "Only the commission secretary can mark it delivered; you hold "
	    "no role on this recommendation." },
};

START_TEST(test_check_role)
{
	struct workflow *wf = sample();
	const struct workflow_transition *t =
	    &wf->transitions[role_cases[_i].transition];
	struct workflow_facts f = all_met(t, role_cases[_i].roles);
	struct buf why;

	buf_init(&why);
	ck_assert(!workflow_role_allowed(t, role_cases[_i].roles));
	ck_assert_int_eq(workflow_check(wf, t, &f, &why), -1);
	ck_assert_str_eq(buf_str(&why), role_cases[_i].why);
	ck_assert_int_eq(workflow_check(wf, t, &f, NULL), -1);
	buf_done(&why);
	workflow_free(wf);
}
END_TEST

enum spoil {
	NO_TERM, NO_SAVINGS, NO_UPFRONT, NO_EQUALITY, NO_NOTE, BLANK_NOTE,
	NO_DECISION, WRONG_BODY, WRONG_OUTCOME, DECISION_NO_OUTCOME
};

static const struct {
	size_t transition;
	enum spoil spoil;
	unsigned unmet;
	const char *why;
} guard_cases[] = {
	{ 0, NO_TERM, GUARD(TERM),
	    "Cannot agree and submit it to the commission yet: it needs the "
	    "term (short, medium or long)." },
	{ 0, NO_SAVINGS, GUARD(SAVINGS),
	    "Cannot agree and submit it to the commission yet: it needs the "
	    "savings (state £0 if none)." },
	{ 0, NO_UPFRONT, GUARD(UPFRONT_COST),
	    "Cannot agree and submit it to the commission yet: it needs the "
	    "up-front cost (state £0 if none)." },
	{ 0, NO_EQUALITY, GUARD(EQUALITY_IMPACT),
	    "Cannot agree and submit it to the commission yet: it needs the "
	    "equality impact (assessed with the Citizens' Group)." },
	{ 1, NO_NOTE, GUARD(NOTE),
	    "Cannot record the Assembly's approval yet: it needs a note "
	    "giving the reason." },
	{ 1, BLANK_NOTE, GUARD(NOTE),
	    "Cannot record the Assembly's approval yet: it needs a note "
	    "giving the reason." },
	{ 1, NO_DECISION, GUARD(DECISION),
	    "Cannot record the Assembly's approval yet: it needs a decision "
	    "of the Assembly recorded at a meeting with the outcome "
	    "\"approved\"." },
	{ 1, WRONG_BODY, GUARD(DECISION),
	    "Cannot record the Assembly's approval yet: it needs a decision "
	    "of the Assembly recorded at a meeting with the outcome "
	    "\"approved\" (the decision given is of Cabinet, \"approved\")." },
	{ 1, WRONG_OUTCOME, GUARD(DECISION),
	    "Cannot record the Assembly's approval yet: it needs a decision "
	    "of the Assembly recorded at a meeting with the outcome "
	    "\"approved\" (the decision given is of the Assembly, \"referred "
	    "back\")." },
	{ 2, DECISION_NO_OUTCOME, GUARD(DECISION),
	    "Cannot move it to Rejected yet: it needs a decision of the "
	    "Assembly recorded at a meeting with the outcome \"rejected\"." },
};

static void
spoil(struct workflow_facts *f, enum spoil how)
{
	switch (how) {
	case NO_TERM:
		f->has_term = false;
		break;
	case NO_SAVINGS:
		f->has_savings = false;
		break;
	case NO_UPFRONT:
		f->has_upfront_cost = false;
		break;
	case NO_EQUALITY:
		f->has_equality_impact = false;
		break;
	case NO_NOTE:
		f->note = NULL;
		break;
	case BLANK_NOTE:
		f->note = " \t\n ";
		break;
	case NO_DECISION:
		/* The body and outcome mean nothing without a decision. */
		f->has_decision = false;
		break;
	case WRONG_BODY:
		f->decision_body = "cabinet";
		break;
	case WRONG_OUTCOME:
		f->decision_outcome = "referred_back";
		break;
	case DECISION_NO_OUTCOME:
		f->decision_outcome = NULL;
		break;
	}
}

START_TEST(test_check_guard)
{
	struct workflow *wf = sample();
	const struct workflow_transition *t =
	    &wf->transitions[guard_cases[_i].transition];
	struct workflow_facts f = all_met(t, t->roles);
	struct buf why;

	buf_init(&why);
	spoil(&f, guard_cases[_i].spoil);
	ck_assert_uint_eq(workflow_unmet(t, &f), guard_cases[_i].unmet);
	ck_assert_int_eq(workflow_check(wf, t, &f, &why), -1);
	ck_assert_str_eq(buf_str(&why), guard_cases[_i].why);
	buf_done(&why);
	workflow_free(wf);
}
END_TEST

START_TEST(test_check_several)
{
	struct workflow *wf = sample();
	const struct workflow_transition *t = &wf->transitions[0];
	struct workflow_facts f = all_met(t, ROLE(SUBGROUP_CHAIR));
	struct buf why;

	buf_init(&why);
	f.has_savings = f.has_upfront_cost = false;
	ck_assert_int_eq(workflow_check(wf, t, &f, &why), -1);
	ck_assert_str_eq(buf_str(&why), "Cannot agree and submit it to the "
	    "commission yet: it needs the savings (state £0 if none) and the "
	    "up-front cost (state £0 if none).");
	buf_reset(&why);
	f.has_term = false;
	ck_assert_int_eq(workflow_check(wf, t, &f, &why), -1);
	ck_assert_str_eq(buf_str(&why), "Cannot agree and submit it to the "
	    "commission yet: it needs the term (short, medium or long), the "
	    "savings (state £0 if none) and the up-front cost (state £0 if "
	    "none).");
	buf_done(&why);
	workflow_free(wf);
}
END_TEST

START_TEST(test_check_role_and_guards)
{
	struct workflow *wf = sample();
	const struct workflow_transition *t = &wf->transitions[1];
	struct workflow_facts f = all_met(t, ROLE(SUBGROUP_CHAIR));
	struct buf why;

	buf_init(&why);
	f.note = "";
	f.has_decision = false;
	ck_assert_uint_eq(workflow_unmet(t, &f), GUARD(NOTE) | GUARD(DECISION));
	ck_assert_int_eq(workflow_check(wf, t, &f, &why), -1);
	ck_assert_str_eq(buf_str(&why), "Only the commission secretary or an "
	    "administrator can record the Assembly's approval; you are the "
	    "sub-group chair. It also needs a note giving the reason and a "
	    "decision of the Assembly recorded at a meeting with the outcome "
	    "\"approved\".");
	buf_done(&why);
	workflow_free(wf);
}
END_TEST

static void
set(char **p, const char *v)
{
	free(*p);
	*p = x_strdup(v);
}

static void
add_stage(struct workflow *wf, const char *id, bool final, int line)
{
	struct workflow_stage s = { (char *)id, "Extra", false, final, false,
	    false, line };

	workflow_add_stage(wf, &s);
}

static void
add_transition(struct workflow *wf, const char *from, const char *to,
    int line)
{
	char *froms[] = { (char *)from };
	struct workflow_transition t = { .from = froms, .nfrom = 1,
	    .to = (char *)to, .roles = ROLE(ADMIN), .line = line };

	workflow_add_transition(wf, &t);
}

/* Each mistake, made on the sample, and what validation says of it. */
static const struct {
	const char *what;
	const char *msg;
} mistakes[] = {
	{ "no stages", "test:1: no stages are defined" },
	{ "no id", "test:3: stage has no id" },
	{ "bad id", "test:7: stage id \"Delivered\" is not valid: use "
	    "lower-case letters, digits and _, starting with a letter" },
	{ "no label", "test:4: stage \"approved\" has no label" },
	{ "duplicate stage", "test:8: stage \"submitted\" is defined twice "
	    "(first on line 3)" },
	{ "no initial", "test:1: no stage is marked initial; exactly one "
	    "stage must be (usually draft)" },
	{ "two initial", "test:3: stage \"submitted\" is marked initial, but "
	    "so is \"draft\" (line 2); exactly one stage must be initial" },
	{ "no to", "test:11: transition has no to stage" },
	{ "no from", "test:11: transition to \"approved\" has no from "
	    "stage" },
	{ "unknown from", "test:10: transition from unknown stage "
	    "\"drat\"" },
	{ "unknown to", "test:11: transition to unknown stage "
	    "\"aproved\"" },
	{ "from final", "test:15: transition from final stage \"rejected\": "
	    "nothing may leave a final stage" },
	{ "to itself", "test:15: transition from \"draft\" to itself" },
	{ "from twice", "test:13: stage \"draft\" is listed twice in from" },
	{ "duplicate transition", "test:15: transition from \"submitted\" to "
	    "\"withdrawn\" is defined twice (first on line 13)" },
	{ "no role", "test:10: transition draft -> submitted names no role; "
	    "say who may make it" },
	{ "unknown role", "test:13: transition draft, submitted -> withdrawn "
	    "names an unknown role" },
	{ "unknown guard", "test:10: transition draft -> submitted names an "
	    "unknown guard" },
	{ "decision without body", "test:11: transition submitted -> "
	    "approved requires a decision but names no decision_body "
	    "(assembly, cabinet, council, ...)" },
	{ "unknown body", "test:11: unknown decision body \"assemby\"; use "
	    "assembly, subgroup, citizens_group, cabinet, council or "
	    "scrutiny" },
	{ "decision without outcome", "test:12: transition submitted -> "
	    "rejected requires a decision but names no decision_outcome "
	    "(approved, rejected, ...)" },
	{ "unknown outcome", "test:12: unknown decision outcome \"reject\"; "
	    "use approved, rejected, referred_back, deferred, accepted, "
	    "not_accepted, adopted or noted" },
	{ "body without decision", "test:14: transition approved -> "
	    "delivered names a decision body or outcome but does not require "
	    "the decision guard; add \"decision\" to its guards" },
	{ "unreachable", "test:8: stage \"orphan\" cannot be reached from "
	    "the initial stage \"draft\"; add a transition to it or remove "
	    "it" },
	{ "dead end", "test:7: stage \"delivered\" is not final but no "
	    "transition leaves it; add one, or mark it final" },
	{ "no source", "line 7: stage \"delivered\" is not final but no "
	    "transition leaves it; add one, or mark it final" },
	{ "no line", "test: stage \"delivered\" is not final but no "
	    "transition leaves it; add one, or mark it final" },
};

static void
make_mistake(struct workflow *wf, const char *what)
{
	struct workflow_transition *t = wf->transitions;
	struct workflow_stage *s = wf->stages;

	if (strcmp(what, "no id") == 0)
		set(&s[1].id, "");
	else if (strcmp(what, "bad id") == 0)
		set(&s[5].id, "Delivered");
	else if (strcmp(what, "no label") == 0)
		set(&s[2].label, " ");
	else if (strcmp(what, "duplicate stage") == 0)
		add_stage(wf, "submitted", false, 8);
	else if (strcmp(what, "no initial") == 0)
		s[0].initial = false;
	else if (strcmp(what, "two initial") == 0)
		s[1].initial = true;
	else if (strcmp(what, "no to") == 0) {
		free(t[1].to);
		t[1].to = NULL;
	} else if (strcmp(what, "no from") == 0) {
		free(t[1].from[0]);
		t[1].nfrom = 0;
	} else if (strcmp(what, "unknown from") == 0)
		set(&t[0].from[0], "drat");
	else if (strcmp(what, "unknown to") == 0)
		set(&t[1].to, "aproved");
	else if (strcmp(what, "from final") == 0)
		add_transition(wf, "rejected", "draft", 15);
	else if (strcmp(what, "to itself") == 0)
		add_transition(wf, "draft", "draft", 15);
	else if (strcmp(what, "from twice") == 0)
		set(&t[3].from[1], "draft");
	else if (strcmp(what, "duplicate transition") == 0)
		add_transition(wf, "submitted", "withdrawn", 15);
	else if (strcmp(what, "no role") == 0)
		t[0].roles = 0;
	else if (strcmp(what, "unknown role") == 0)
		t[3].roles |= 1u << 20;
	else if (strcmp(what, "unknown guard") == 0)
		t[0].guards |= 1u << 20;
	else if (strcmp(what, "decision without body") == 0) {
		free(t[1].decision_body);
		t[1].decision_body = NULL;
	} else if (strcmp(what, "unknown body") == 0)
		set(&t[1].decision_body, "assemby");
	else if (strcmp(what, "decision without outcome") == 0) {
		free(t[2].decision_outcome);
		t[2].decision_outcome = NULL;
	} else if (strcmp(what, "unknown outcome") == 0)
		set(&t[2].decision_outcome, "reject");
	else if (strcmp(what, "body without decision") == 0)
		set(&t[4].decision_body, "council");
	else if (strcmp(what, "unreachable") == 0)
		add_stage(wf, "orphan", true, 8);
	else if (strcmp(what, "dead end") == 0)
		s[5].final = false;
	else if (strcmp(what, "no source") == 0) {
		s[5].final = false;
		free(wf->source);
		wf->source = NULL;
	} else if (strcmp(what, "no line") == 0) {
		s[5].final = false;
		s[5].line = 0;
	} else
		ck_abort_msg("no such mistake: %s", what);
}

START_TEST(test_validate)
{
	struct workflow *wf = sample();
	struct err e;

	err_clear(&e);
	/* An empty workflow is a mistake of its own, not a change. */
	if (strcmp(mistakes[_i].what, "no stages") == 0) {
		workflow_free(wf);
		wf = workflow_new("test");
		wf->line = 1;
	} else
		make_mistake(wf, mistakes[_i].what);
	ck_assert_int_eq(workflow_validate(wf, &e), -1);
	ck_assert_int_eq(e.code, ERR_INVALID);
	ck_assert_str_eq(e.msg, mistakes[_i].msg);
	workflow_free(wf);
}
END_TEST

START_TEST(test_validate_ok)
{
	struct workflow *wf = sample();
	struct err e;

	err_clear(&e);
	ck_assert_int_eq(workflow_validate(wf, &e), 0);
	ck_assert_int_eq(e.code, ERR_OK);
	/* A stage reached only through a multi-stage from list counts. */
	add_stage(wf, "paused", false, 8);
	add_transition(wf, "approved", "paused", 15);
	add_transition(wf, "paused", "withdrawn", 16);
	ck_assert_int_eq(workflow_validate(wf, &e), 0);
	workflow_free(wf);
}
END_TEST

START_TEST(test_describe)
{
	struct workflow *wf = sample();
	struct buf out;

	buf_init(&out);
	workflow_describe(wf, &out);
	ck_assert_str_eq(buf_str(&out),
	    "Stages:\n"
	    "  draft          Draft [initial, editable]\n"
	    "  submitted      Submitted\n"
	    "  approved       Approved\n"
	    "  rejected       Rejected [final]\n"
	    "  withdrawn      Withdrawn [final]\n"
	    "  delivered      Delivered [delivery, final]\n"
	    "\n"
	    "Transitions:\n"
	    "  draft -> submitted: agree and submit it to the commission\n"
	    "    who: sub-group chair, administrator\n"
	    "    needs: term, savings, up-front cost, equality impact\n"
	    "  submitted -> approved: record the Assembly's approval\n"
	    "    who: commission secretary, administrator\n"
	    "    needs: note, decision of the Assembly (approved)\n"
	    "  submitted -> rejected: move it to Rejected\n"
	    "    who: commission secretary\n"
	    "    needs: decision of the Assembly (rejected)\n"
	    "  draft, submitted -> withdrawn: withdraw it\n"
	    "    who: sub-group chair, administrator\n"
	    "    needs: nothing\n"
	    "  approved -> delivered: mark it delivered\n"
	    "    who: commission secretary\n"
	    "    needs: nothing\n"
	    "    then: the target date is set from the term (short 6 months, "
	    "medium 18 months, long 36 months)\n");
	buf_done(&out);
	workflow_free(wf);
}
END_TEST

Suite *
workflow_suite(void)
{
	Suite *s = suite_create("workflow");
	TCase *tc = tcase_create("model");

	tcase_add_test(tc, test_names);
	tcase_add_test(tc, test_bodies_outcomes);
	tcase_add_loop_test(tc, test_term_months, 0, NELEM(term_cases));
	tcase_add_test(tc, test_lookups);
	tcase_add_test(tc, test_add_copies);
	tcase_add_test(tc, test_describe);
	suite_add_tcase(s, tc);

	tc = tcase_create("check");
	tcase_add_test(tc, test_check_allowed);
	tcase_add_loop_test(tc, test_check_role, 0, NELEM(role_cases));
	tcase_add_loop_test(tc, test_check_guard, 0, NELEM(guard_cases));
	tcase_add_test(tc, test_check_several);
	tcase_add_test(tc, test_check_role_and_guards);
	suite_add_tcase(s, tc);

	tc = tcase_create("validate");
	tcase_add_test(tc, test_validate_ok);
	tcase_add_loop_test(tc, test_validate, 0, NELEM(mistakes));
	suite_add_tcase(s, tc);
	return s;
}
