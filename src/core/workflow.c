/*
 * workflow.c: the approval stages of a recommendation, as data (see
 * workflow.h).
 *
 * The rules live in a workflow file, so this module is mostly about saying
 * no well: validation names the line of the mistake, and a refused move says
 * who could make it and exactly what is missing, in words a commission
 * secretary or sub-group chair would use.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "coopcom/core/workflow.h"
#include "coopcom/util/xalloc.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static const struct {
	const char *name;	/* in workflow files */
	const char *label;	/* on its own: "sub-group chair" */
	const char *who;	/* in a sentence: "the sub-group chair" */
} roles[] = {
	[WORKFLOW_ROLE_SUBGROUP_CHAIR] = { "subgroup_chair", "sub-group chair",
	    "the sub-group chair" },
	[WORKFLOW_ROLE_SUBGROUP_MEMBER] = { "subgroup_member",
	    "sub-group member", "a sub-group member" },
	[WORKFLOW_ROLE_CITIZENS_REP] = { "citizens_rep",
	    "Citizens' Group representative",
	    "a Citizens' Group representative" },
	[WORKFLOW_ROLE_SECRETARY] = { "secretary", "commission secretary",
	    "the commission secretary" },
	[WORKFLOW_ROLE_COMMISSION_CHAIR] = { "commission_chair",
	    "commission chair", "the commission chair" },
	[WORKFLOW_ROLE_ADMIN] = { "admin", "administrator",
	    "an administrator" },
};

static const struct {
	const char *name;	/* in workflow files */
	const char *label;	/* on its own: "up-front cost" */
	const char *need;	/* what is missing, in a sentence */
} guards[] = {
	[WORKFLOW_GUARD_TERM] = { "term", "term",
	    "the term (short, medium or long)" },
	[WORKFLOW_GUARD_SAVINGS] = { "savings", "savings",
	    "the savings (state £0 if none)" },
	[WORKFLOW_GUARD_UPFRONT_COST] = { "upfront_cost", "up-front cost",
	    "the up-front cost (state £0 if none)" },
	[WORKFLOW_GUARD_EQUALITY_IMPACT] = { "equality_impact",
	    "equality impact",
	    "the equality impact (assessed with the Citizens' Group)" },
	[WORKFLOW_GUARD_NOTE] = { "note", "note", "a note giving the reason" },
	[WORKFLOW_GUARD_DECISION] = { "decision", "decision", NULL },
};

/* As the database's meeting.body and decision.outcome allow. */
static const struct {
	const char *name;
	const char *label;
} bodies[] = {
	{ "assembly", "the Assembly" },
	{ "subgroup", "the sub-group" },
	{ "citizens_group", "the Citizens' Group" },
	{ "cabinet", "Cabinet" },
	{ "council", "full Council" },
	{ "scrutiny", "the scrutiny committee" },
};

static const char *const outcomes[] = {
	"approved", "rejected", "referred_back", "deferred", "accepted",
	"not_accepted", "adopted", "noted",
};

static const struct {
	const char *term;
	int months;
} terms[] = {
	{ "short", 6 },
	{ "medium", 18 },
	{ "long", 36 },
};

const char *
workflow_role_name(enum workflow_role r)
{
	return (unsigned)r < NELEM(roles) ? roles[r].name : NULL;
}

const char *
workflow_role_label(enum workflow_role r)
{
	return (unsigned)r < NELEM(roles) ? roles[r].label : NULL;
}

int
workflow_role_parse(const char *name)
{
	size_t i;

	for (i = 0; name != NULL && i < NELEM(roles); i++)
		if (strcmp(name, roles[i].name) == 0)
			return (int)i;
	return -1;
}

const char *
workflow_guard_name(enum workflow_guard g)
{
	return (unsigned)g < NELEM(guards) ? guards[g].name : NULL;
}

const char *
workflow_guard_label(enum workflow_guard g)
{
	return (unsigned)g < NELEM(guards) ? guards[g].label : NULL;
}

int
workflow_guard_parse(const char *name)
{
	size_t i;

	for (i = 0; name != NULL && i < NELEM(guards); i++)
		if (strcmp(name, guards[i].name) == 0)
			return (int)i;
	return -1;
}

bool
workflow_body_known(const char *name)
{
	size_t i;

	for (i = 0; name != NULL && i < NELEM(bodies); i++)
		if (strcmp(name, bodies[i].name) == 0)
			return true;
	return false;
}

const char *
workflow_body_label(const char *name)
{
	size_t i;

	for (i = 0; name != NULL && i < NELEM(bodies); i++)
		if (strcmp(name, bodies[i].name) == 0)
			return bodies[i].label;
	return name;
}

bool
workflow_outcome_known(const char *name)
{
	size_t i;

	for (i = 0; name != NULL && i < NELEM(outcomes); i++)
		if (strcmp(name, outcomes[i]) == 0)
			return true;
	return false;
}

int
workflow_term_months(const char *term)
{
	size_t i;

	for (i = 0; term != NULL && i < NELEM(terms); i++)
		if (strcmp(term, terms[i].term) == 0)
			return terms[i].months;
	return -1;
}

struct workflow *
workflow_new(const char *source)
{
	struct workflow *wf = x_calloc(1, sizeof *wf);

	wf->source = x_strdup(source);
	return wf;
}

static void
transition_done(struct workflow_transition *t)
{
	size_t i;

	for (i = 0; i < t->nfrom; i++)
		free(t->from[i]);
	free(t->from);
	free(t->to);
	free(t->label);
	free(t->decision_body);
	free(t->decision_outcome);
}

void
workflow_free(struct workflow *wf)
{
	size_t i;

	if (wf == NULL)
		return;
	for (i = 0; i < wf->nstages; i++) {
		free(wf->stages[i].id);
		free(wf->stages[i].label);
	}
	free(wf->stages);
	for (i = 0; i < wf->ntransitions; i++)
		transition_done(&wf->transitions[i]);
	free(wf->transitions);
	free(wf->source);
	free(wf);
}

void
workflow_add_stage(struct workflow *wf, const struct workflow_stage *s)
{
	struct workflow_stage *copy;

	wf->stages = x_grow(wf->stages, &wf->stages_cap, wf->nstages + 1,
	    sizeof *wf->stages);
	copy = &wf->stages[wf->nstages++];
	*copy = *s;
	copy->id = x_strdup(s->id);
	copy->label = x_strdup(s->label);
}

void
workflow_add_transition(struct workflow *wf,
    const struct workflow_transition *t)
{
	struct workflow_transition *copy;
	size_t i;

	wf->transitions = x_grow(wf->transitions, &wf->transitions_cap,
	    wf->ntransitions + 1, sizeof *wf->transitions);
	copy = &wf->transitions[wf->ntransitions++];
	*copy = *t;
	copy->from = x_calloc(t->nfrom, sizeof *copy->from);
	for (i = 0; i < t->nfrom; i++)
		copy->from[i] = x_strdup(t->from[i]);
	copy->to = x_strdup(t->to);
	copy->label = x_strdup(t->label);
	copy->decision_body = x_strdup(t->decision_body);
	copy->decision_outcome = x_strdup(t->decision_outcome);
}

static bool
same(const char *a, const char *b)
{
	return a != NULL && b != NULL && strcmp(a, b) == 0;
}

const struct workflow_stage *
workflow_stage(const struct workflow *wf, const char *id)
{
	size_t i;

	for (i = 0; i < wf->nstages; i++)
		if (same(wf->stages[i].id, id))
			return &wf->stages[i];
	return NULL;
}

const struct workflow_stage *
workflow_initial(const struct workflow *wf)
{
	size_t i;

	for (i = 0; i < wf->nstages; i++)
		if (wf->stages[i].initial)
			return &wf->stages[i];
	return NULL;
}

bool
workflow_transition_from(const struct workflow_transition *t,
    const char *from)
{
	size_t i;

	for (i = 0; i < t->nfrom; i++)
		if (same(t->from[i], from))
			return true;
	return false;
}

const struct workflow_transition *
workflow_find(const struct workflow *wf, const char *from, const char *to)
{
	const struct workflow_transition *t;

	for (t = workflow_transitions_from(wf, from, NULL); t != NULL;
	    t = workflow_transitions_from(wf, from, t))
		if (same(t->to, to))
			return t;
	return NULL;
}

const struct workflow_transition *
workflow_transitions_from(const struct workflow *wf, const char *from,
    const struct workflow_transition *prev)
{
	size_t i = prev == NULL ? 0 : (size_t)(prev - wf->transitions) + 1;

	for (; i < wf->ntransitions; i++)
		if (workflow_transition_from(&wf->transitions[i], from))
			return &wf->transitions[i];
	return NULL;
}

bool
workflow_role_allowed(const struct workflow_transition *t, unsigned mask)
{
	return (t->roles & mask & WORKFLOW_ROLE_ALL) != 0;
}

static bool
blank(const char *s)
{
	if (s == NULL)
		return true;
	for (; *s != '\0'; s++)
		if (!isspace((unsigned char)*s))
			return false;
	return true;
}

static bool
decision_matches(const struct workflow_transition *t,
    const struct workflow_facts *f)
{
	return f->has_decision && same(f->decision_body, t->decision_body) &&
	    same(f->decision_outcome, t->decision_outcome);
}

unsigned
workflow_unmet(const struct workflow_transition *t,
    const struct workflow_facts *f)
{
	bool met[WORKFLOW_GUARD_COUNT];
	unsigned unmet = 0;
	int g;

	met[WORKFLOW_GUARD_TERM] = f->has_term;
	met[WORKFLOW_GUARD_SAVINGS] = f->has_savings;
	met[WORKFLOW_GUARD_UPFRONT_COST] = f->has_upfront_cost;
	met[WORKFLOW_GUARD_EQUALITY_IMPACT] = f->has_equality_impact;
	met[WORKFLOW_GUARD_NOTE] = !blank(f->note);
	met[WORKFLOW_GUARD_DECISION] = decision_matches(t, f);
	for (g = 0; g < WORKFLOW_GUARD_COUNT; g++)
		if ((t->guards & WORKFLOW_GUARD_BIT(g)) && !met[g])
			unmet |= WORKFLOW_GUARD_BIT(g);
	return unmet;
}

/*
 * Appends the role phrases of MASK joined for a sentence: "A", "A or B",
 * "A, B or C" (CONJ is " or " or " and ").
 */
static void
add_roles(struct buf *out, unsigned mask, const char *conj)
{
	size_t n = 0, total = 0, i;

	for (i = 0; i < NELEM(roles); i++)
		if (mask & WORKFLOW_ROLE_BIT(i))
			total++;
	for (i = 0; i < NELEM(roles); i++) {
		if (!(mask & WORKFLOW_ROLE_BIT(i)))
			continue;
		if (n > 0)
			buf_add(out, n + 1 == total ? conj : ", ");
		buf_add(out, roles[i].who);
		n++;
	}
}

/* What the move is called in a sentence: "agree and submit to ...". */
static void
add_action(struct buf *out, const struct workflow *wf,
    const struct workflow_transition *t)
{
	const struct workflow_stage *to;

	if (!blank(t->label)) {
		buf_add(out, t->label);
		return;
	}
	to = workflow_stage(wf, t->to);
	buf_printf(out, "move it to %s", to != NULL && !blank(to->label) ?
	    to->label : t->to);
}

static const char *
outcome_words(const char *outcome, struct buf *tmp)
{
	const char *p;

	buf_reset(tmp);
	for (p = outcome != NULL ? outcome : ""; *p != '\0'; p++)
		buf_addc(tmp, *p == '_' ? ' ' : *p);
	return buf_str(tmp);
}

static void
add_decision_need(struct buf *out, const struct workflow_transition *t,
    const struct workflow_facts *f)
{
	struct buf tmp;

	buf_init(&tmp);
	buf_printf(out, "a decision of %s recorded at a meeting",
	    workflow_body_label(t->decision_body));
	buf_printf(out, " with the outcome \"%s\"",
	    outcome_words(t->decision_outcome, &tmp));
	if (f->has_decision && f->decision_body != NULL &&
	    f->decision_outcome != NULL)
		buf_printf(out, " (the decision given is of %s, \"%s\")",
		    workflow_body_label(f->decision_body),
		    outcome_words(f->decision_outcome, &tmp));
	buf_done(&tmp);
}

static void
add_needs(struct buf *out, const struct workflow_transition *t,
    const struct workflow_facts *f, unsigned unmet)
{
	size_t n = 0, total = 0, g;

	for (g = 0; g < NELEM(guards); g++)
		if (unmet & WORKFLOW_GUARD_BIT(g))
			total++;
	for (g = 0; g < NELEM(guards); g++) {
		if (!(unmet & WORKFLOW_GUARD_BIT(g)))
			continue;
		if (n > 0)
			buf_add(out, n + 1 == total ? " and " : ", ");
		if (g == WORKFLOW_GUARD_DECISION)
			add_decision_need(out, t, f);
		else
			buf_add(out, guards[g].need);
		n++;
	}
}

int
workflow_check(const struct workflow *wf,
    const struct workflow_transition *t, const struct workflow_facts *f,
    struct buf *why)
{
	bool role_ok = workflow_role_allowed(t, f->roles);
	unsigned unmet = workflow_unmet(t, f);

	if (role_ok && unmet == 0)
		return 0;
	if (why == NULL)
		return -1;
	if (!role_ok) {
		buf_add(why, "Only ");
		add_roles(why, t->roles, " or ");
		buf_add(why, " can ");
		add_action(why, wf, t);
		if ((f->roles & WORKFLOW_ROLE_ALL) == 0)
			buf_add(why, "; you hold no role on this "
			    "recommendation.");
		else {
			buf_add(why, "; you are ");
			add_roles(why, f->roles, " and ");
			buf_add(why, ".");
		}
	}
	if (unmet != 0) {
		if (!role_ok)
			buf_add(why, " It also needs ");
		else {
			buf_add(why, "Cannot ");
			add_action(why, wf, t);
			buf_add(why, " yet: it needs ");
		}
		add_needs(why, t, f, unmet);
		buf_add(why, ".");
	}
	return -1;
}

/*
 * Validation. Each check names the workflow's source and the line of the
 * offending stage or transition, so a mistake in a hand-edited file can be
 * found at once.
 */
static int
fail(const struct workflow *wf, int line, struct err *e, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static int
fail(const struct workflow *wf, int line, struct err *e, const char *fmt, ...)
{
	struct buf b;
	va_list ap;

	buf_init(&b);
	if (wf->source != NULL && line > 0)
		buf_printf(&b, "%s:%d: ", wf->source, line);
	else if (wf->source != NULL)
		buf_printf(&b, "%s: ", wf->source);
	else if (line > 0)
		buf_printf(&b, "line %d: ", line);
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	err_set(e, ERR_INVALID, "%s", buf_str(&b));
	buf_done(&b);
	return -1;
}

/* Ids go into the database and onto command lines: keep them plain ASCII. */
static bool
id_ok(const char *id)
{
	const char *p;

	if (id == NULL || id[0] < 'a' || id[0] > 'z')
		return false;
	for (p = id; *p != '\0'; p++)
		if (!(*p >= 'a' && *p <= 'z') && !(*p >= '0' && *p <= '9') &&
		    *p != '_')
			return false;
	return true;
}

/* "draft, tested -> withdrawn", to name a transition in a message. */
static const char *
transition_name(const struct workflow_transition *t, struct buf *tmp)
{
	size_t i;

	buf_reset(tmp);
	for (i = 0; i < t->nfrom; i++)
		buf_printf(tmp, "%s%s", i > 0 ? ", " : "",
		    t->from[i] != NULL ? t->from[i] : "?");
	buf_printf(tmp, " -> %s", t->to != NULL ? t->to : "?");
	return buf_str(tmp);
}

static int
validate_stages(const struct workflow *wf, struct err *e)
{
	const struct workflow_stage *s, *first = NULL;
	size_t i, j;

	if (wf->nstages == 0)
		return fail(wf, wf->line, e, "no stages are defined");
	for (i = 0; i < wf->nstages; i++) {
		s = &wf->stages[i];
		if (s->id == NULL || s->id[0] == '\0')
			return fail(wf, s->line, e, "stage has no id");
		if (!id_ok(s->id))
			return fail(wf, s->line, e, "stage id \"%s\" is not "
			    "valid: use lower-case letters, digits and _, "
			    "starting with a letter", s->id);
		if (blank(s->label))
			return fail(wf, s->line, e, "stage \"%s\" has no label",
			    s->id);
		for (j = 0; j < i; j++)
			if (strcmp(wf->stages[j].id, s->id) == 0)
				return fail(wf, s->line, e, "stage \"%s\" is "
				    "defined twice (first on line %d)", s->id,
				    wf->stages[j].line);
		if (!s->initial)
			continue;
		if (first != NULL)
			return fail(wf, s->line, e, "stage \"%s\" is marked "
			    "initial, but so is \"%s\" (line %d); exactly one "
			    "stage must be initial", s->id, first->id,
			    first->line);
		first = s;
	}
	if (first == NULL)
		return fail(wf, wf->line, e, "no stage is marked initial; "
		    "exactly one stage must be (usually draft)");
	return 0;
}

static int
validate_decision(const struct workflow *wf,
    const struct workflow_transition *t, struct buf *tmp, struct err *e)
{
	const char *name = transition_name(t, tmp);

	if (!(t->guards & WORKFLOW_GUARD_BIT(WORKFLOW_GUARD_DECISION))) {
		if (t->decision_body != NULL || t->decision_outcome != NULL)
			return fail(wf, t->line, e, "transition %s names a "
			    "decision body or outcome but does not require "
			    "the decision guard; add \"decision\" to its "
			    "guards", name);
		return 0;
	}
	if (t->decision_body == NULL)
		return fail(wf, t->line, e, "transition %s requires a decision "
		    "but names no decision_body (assembly, cabinet, council, "
		    "...)", name);
	if (!workflow_body_known(t->decision_body))
		return fail(wf, t->line, e, "unknown decision body \"%s\"; "
		    "use assembly, subgroup, citizens_group, cabinet, council "
		    "or scrutiny", t->decision_body);
	if (t->decision_outcome == NULL)
		return fail(wf, t->line, e, "transition %s requires a decision "
		    "but names no decision_outcome (approved, rejected, ...)",
		    name);
	if (!workflow_outcome_known(t->decision_outcome))
		return fail(wf, t->line, e, "unknown decision outcome \"%s\"; "
		    "use approved, rejected, referred_back, deferred, "
		    "accepted, not_accepted, adopted or noted",
		    t->decision_outcome);
	return 0;
}

/* Is the pair FROM -> T->to also made by an earlier transition? */
static const struct workflow_transition *
earlier_pair(const struct workflow *wf, const struct workflow_transition *t,
    const char *from)
{
	const struct workflow_transition *u;

	for (u = wf->transitions; u < t; u++)
		if (same(u->to, t->to) && workflow_transition_from(u, from))
			return u;
	return NULL;
}

static int
validate_from(const struct workflow *wf, const struct workflow_transition *t,
    size_t i, struct err *e)
{
	const struct workflow_stage *s = workflow_stage(wf, t->from[i]);
	const struct workflow_transition *u;
	size_t j;

	if (s == NULL)
		return fail(wf, t->line, e, "transition from unknown stage "
		    "\"%s\"", t->from[i] != NULL ? t->from[i] : "");
	if (s->final)
		return fail(wf, t->line, e, "transition from final stage "
		    "\"%s\": nothing may leave a final stage", s->id);
	if (same(t->from[i], t->to))
		return fail(wf, t->line, e, "transition from \"%s\" to itself",
		    s->id);
	for (j = 0; j < i; j++)
		if (same(t->from[j], t->from[i]))
			return fail(wf, t->line, e, "stage \"%s\" is listed "
			    "twice in from", s->id);
	if ((u = earlier_pair(wf, t, t->from[i])) != NULL)
		return fail(wf, t->line, e, "transition from \"%s\" to \"%s\" "
		    "is defined twice (first on line %d)", s->id, t->to,
		    u->line);
	return 0;
}

static int
validate_transition(const struct workflow *wf,
    const struct workflow_transition *t, struct buf *tmp, struct err *e)
{
	size_t i;

	if (t->to == NULL)
		return fail(wf, t->line, e, "transition has no to stage");
	if (t->nfrom == 0)
		return fail(wf, t->line, e, "transition to \"%s\" has no from "
		    "stage", t->to);
	if (workflow_stage(wf, t->to) == NULL)
		return fail(wf, t->line, e, "transition to unknown stage "
		    "\"%s\"", t->to);
	for (i = 0; i < t->nfrom; i++)
		if (validate_from(wf, t, i, e) == -1)
			return -1;
	if ((t->roles & WORKFLOW_ROLE_ALL) == 0)
		return fail(wf, t->line, e, "transition %s names no role; say "
		    "who may make it", transition_name(t, tmp));
	if (t->roles & ~WORKFLOW_ROLE_ALL)
		return fail(wf, t->line, e, "transition %s names an unknown "
		    "role", transition_name(t, tmp));
	if (t->guards & ~WORKFLOW_GUARD_ALL)
		return fail(wf, t->line, e, "transition %s names an unknown "
		    "guard", transition_name(t, tmp));
	return validate_decision(wf, t, tmp, e);
}

static bool
any_from_reached(const struct workflow *wf,
    const struct workflow_transition *t, const bool *reached)
{
	size_t i;

	for (i = 0; i < t->nfrom; i++)
		if (reached[workflow_stage(wf, t->from[i]) - wf->stages])
			return true;
	return false;
}

/*
 * Marks in REACHED every stage a path of transitions leads to from the
 * initial stage. Only called once every from and to is known to exist.
 */
static void
reach(const struct workflow *wf, bool *reached)
{
	const struct workflow_transition *t;
	bool grew = true;
	size_t i, to;

	for (i = 0; i < wf->nstages; i++)
		reached[i] = wf->stages[i].initial;
	while (grew) {
		grew = false;
		for (i = 0; i < wf->ntransitions; i++) {
			t = &wf->transitions[i];
			to = (size_t)(workflow_stage(wf, t->to) - wf->stages);
			if (!reached[to] && any_from_reached(wf, t, reached))
				reached[to] = grew = true;
		}
	}
}

static int
validate_graph(const struct workflow *wf, struct err *e)
{
	const struct workflow_stage *s, *initial = workflow_initial(wf);
	bool *reached = x_calloc(wf->nstages, sizeof *reached);
	int rc = 0;
	size_t i;

	reach(wf, reached);
	for (i = 0; i < wf->nstages && rc == 0; i++) {
		s = &wf->stages[i];
		if (!reached[i])
			rc = fail(wf, s->line, e, "stage \"%s\" cannot be "
			    "reached from the initial stage \"%s\"; add a "
			    "transition to it or remove it", s->id,
			    initial->id);
		else if (!s->final &&
		    workflow_transitions_from(wf, s->id, NULL) == NULL)
			rc = fail(wf, s->line, e, "stage \"%s\" is not final "
			    "but no transition leaves it; add one, or mark it "
			    "final", s->id);
	}
	free(reached);
	return rc;
}

int
workflow_validate(const struct workflow *wf, struct err *e)
{
	struct buf tmp;
	size_t i;
	int rc = 0;

	if (validate_stages(wf, e) == -1)
		return -1;
	buf_init(&tmp);
	for (i = 0; i < wf->ntransitions && rc == 0; i++)
		rc = validate_transition(wf, &wf->transitions[i], &tmp, e);
	buf_done(&tmp);
	if (rc == -1)
		return -1;
	return validate_graph(wf, e);
}

static void
describe_stage(const struct workflow_stage *s, struct buf *out)
{
	const char *flags[4];
	size_t n = 0, i;

	if (s->initial)
		flags[n++] = "initial";
	if (s->editable)
		flags[n++] = "editable";
	if (s->delivery)
		flags[n++] = "delivery";
	if (s->final)
		flags[n++] = "final";
	buf_printf(out, "  %-14s %s", s->id, s->label);
	for (i = 0; i < n; i++)
		buf_printf(out, "%s%s", i == 0 ? " [" : ", ", flags[i]);
	buf_add(out, n > 0 ? "]\n" : "\n");
}

static void
describe_transition(const struct workflow *wf,
    const struct workflow_transition *t, struct buf *out)
{
	struct buf tmp;
	const char *sep = "";
	size_t i;

	buf_init(&tmp);
	buf_printf(out, "  %s: ", transition_name(t, &tmp));
	add_action(out, wf, t);
	buf_add(out, "\n    who: ");
	for (i = 0; i < NELEM(roles); i++) {
		if (t->roles & WORKFLOW_ROLE_BIT(i)) {
			buf_printf(out, "%s%s", sep, roles[i].label);
			sep = ", ";
		}
	}
	buf_add(out, "\n    needs: ");
	sep = "";
	for (i = 0; i < NELEM(guards); i++) {
		if (!(t->guards & WORKFLOW_GUARD_BIT(i)))
			continue;
		buf_printf(out, "%s%s", sep, guards[i].label);
		if (i == WORKFLOW_GUARD_DECISION)
			buf_printf(out, " of %s (%s)",
			    workflow_body_label(t->decision_body),
			    outcome_words(t->decision_outcome, &tmp));
		sep = ", ";
	}
	if (t->guards == 0)
		buf_add(out, "nothing");
	buf_add(out, "\n");
	if (t->sets_target) {
		buf_add(out, "    then: the target date is set from the term");
		for (i = 0; i < NELEM(terms); i++)
			buf_printf(out, "%s%s %d months", i == 0 ? " (" : ", ",
			    terms[i].term, terms[i].months);
		buf_add(out, ")\n");
	}
	buf_done(&tmp);
}

void
workflow_describe(const struct workflow *wf, struct buf *out)
{
	size_t i;

	buf_add(out, "Stages:\n");
	for (i = 0; i < wf->nstages; i++)
		describe_stage(&wf->stages[i], out);
	buf_add(out, "\nTransitions:\n");
	for (i = 0; i < wf->ntransitions; i++)
		describe_transition(wf, &wf->transitions[i], out);
}
