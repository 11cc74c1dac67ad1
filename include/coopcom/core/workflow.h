/*
 * workflow.h: the approval stages of a recommendation, as data.
 *
 * A workflow is a set of stages (draft, tested, submitted, ...) and the
 * transitions between them. Each transition says which roles may make it and
 * which guards (facts about the recommendation or the move) must hold. The
 * default workflow lives in data/workflow.cfg and is loaded by the conf layer
 * (conf/workflow_file.h); this module only holds, validates, checks and
 * describes it. It does no I/O: the store works out which roles the current
 * person holds relative to one recommendation and which facts are true, and
 * asks workflow_check whether the move is allowed and, if not, why.
 *
 * Stage and transition records carry the line of the workflow file they were
 * written on, so that every validation error can point at it.
 */
#ifndef COOPCOM_CORE_WORKFLOW_H
#define COOPCOM_CORE_WORKFLOW_H

#include <stdbool.h>
#include <stddef.h>

#include "coopcom/util/buf.h"
#include "coopcom/util/err.h"

/*
 * Roles a person can hold relative to one recommendation. A closed set: the
 * store knows how to compute each one. Passed around as a bitmask of
 * WORKFLOW_ROLE_BIT(role).
 */
enum workflow_role {
	WORKFLOW_ROLE_SUBGROUP_CHAIR,	/* chair of its sub-group */
	WORKFLOW_ROLE_SUBGROUP_MEMBER,	/* member, co-opted or officer of it */
	WORKFLOW_ROLE_CITIZENS_REP,	/* a member of a Citizens' Group */
	WORKFLOW_ROLE_SECRETARY,	/* secretary of its commission */
	WORKFLOW_ROLE_COMMISSION_CHAIR,	/* chair of its commission */
	WORKFLOW_ROLE_ADMIN,		/* an administrator of the program */
	WORKFLOW_ROLE_COUNT
};

#define WORKFLOW_ROLE_BIT(r)	(1u << (r))
#define WORKFLOW_ROLE_ALL	((1u << WORKFLOW_ROLE_COUNT) - 1)

/*
 * Guards: what must be true before a transition may be made. A closed set;
 * a transition lists those it requires as a bitmask of WORKFLOW_GUARD_BIT.
 */
enum workflow_guard {
	WORKFLOW_GUARD_TERM,		/* term (short/medium/long) stated */
	WORKFLOW_GUARD_SAVINGS,		/* savings stated: £0 is, empty not */
	WORKFLOW_GUARD_UPFRONT_COST,	/* up-front cost stated, likewise */
	WORKFLOW_GUARD_EQUALITY_IMPACT,	/* an equality impact is recorded */
	WORKFLOW_GUARD_NOTE,		/* a non-blank reason with the move */
	WORKFLOW_GUARD_DECISION,	/* a matching decision of a meeting */
	WORKFLOW_GUARD_COUNT
};

#define WORKFLOW_GUARD_BIT(g)	(1u << (g))
#define WORKFLOW_GUARD_ALL	((1u << WORKFLOW_GUARD_COUNT) - 1)

struct workflow_stage {
	char *id;		/* "draft": lower-case letters, digits and _ */
	char *label;		/* "Draft", shown to people */
	bool initial;		/* where recommendations start (just one) */
	bool final;		/* nothing leaves it */
	bool editable;		/* the content may be edited while here */
	bool delivery;		/* adopted (or later): its delivery is
				   tracked (dates, progress, red/amber/
				   green) */
	int line;		/* where it was written; 0 when unknown */
};

struct workflow_transition {
	char **from;		/* the stage ids it may be made from */
	size_t nfrom;		/* at least one */
	char *to;		/* the stage id it leads to */
	char *label;		/* a verb phrase to follow "Only ... can":
				   "agree and submit it to the commission";
				   NULL to say "move it to <stage label>" */
	unsigned roles;		/* WORKFLOW_ROLE_BIT of each role that may */
	unsigned guards;	/* WORKFLOW_GUARD_BIT of each guard required */
	char *decision_body;	/* with the decision guard: "assembly" */
	char *decision_outcome;	/* with the decision guard: "approved" */
	bool sets_target;	/* the store sets the target date from
				   the term (workflow_term_months) */
	int line;		/* where it was written; 0 when unknown */
};

struct workflow {
	char *source;		/* file name for messages, or NULL */
	int line;		/* where the stages were written, or 0 */
	struct workflow_stage *stages;	/* in the order written */
	size_t nstages;
	size_t stages_cap;		/* allocated, for x_grow */
	struct workflow_transition *transitions; /* in the order written */
	size_t ntransitions;
	size_t transitions_cap;		/* allocated, for x_grow */
};

/*
 * What the store knows about the person, the recommendation and the move
 * when it asks whether a transition is allowed. Strings are borrowed for the
 * call only.
 */
struct workflow_facts {
	unsigned roles;			/* WORKFLOW_ROLE_BIT of each held */
	bool has_term;
	bool has_savings;		/* a value, £0 included, was stated */
	bool has_upfront_cost;		/* likewise */
	bool has_equality_impact;
	const char *note;		/* the reason given, or NULL */
	bool has_decision;		/* a decision of a meeting is named */
	const char *decision_body;	/* its meeting's body: "assembly" */
	const char *decision_outcome;	/* its outcome: "approved" */
};

/* An empty workflow; SOURCE (may be NULL) names it in messages. */
struct workflow *workflow_new(const char *source);
void workflow_free(struct workflow *wf);

/*
 * Adds a copy of S or T (strings and the from list are copied; the caller
 * keeps its own). Nothing is checked here: call workflow_validate once the
 * workflow is complete. Pointers into the workflow returned by the lookups
 * below stay valid until the next add or workflow_free.
 */
void workflow_add_stage(struct workflow *wf, const struct workflow_stage *s);
void workflow_add_transition(struct workflow *wf,
    const struct workflow_transition *t);

/*
 * Checks the workflow is sound: stage ids well formed and unique; exactly one
 * initial stage; every transition from and to known stages, not from a final
 * stage, not to its own stage, not repeating another (same from and to),
 * with at least one known role, known guards, and a known decision body and
 * outcome exactly when it has the decision guard; every stage reachable from
 * the initial one; every stage that is not final has a way out. Stops at the
 * first mistake: -1 with ERR_INVALID and "SOURCE:LINE: reason".
 */
int workflow_validate(const struct workflow *wf, struct err *e);

/* Lookups; NULL when there is no such thing. Borrowed, see above. */
const struct workflow_stage *workflow_stage(const struct workflow *wf,
    const char *id);
const struct workflow_stage *workflow_initial(const struct workflow *wf);
const struct workflow_transition *workflow_find(const struct workflow *wf,
    const char *from, const char *to);

/*
 * Iterates over the transitions that may be made from stage FROM, in the
 * order written: pass PREV = NULL for the first, then the last one returned.
 *
 *	for (t = workflow_transitions_from(wf, id, NULL); t != NULL;
 *	    t = workflow_transitions_from(wf, id, t))
 */
const struct workflow_transition *workflow_transitions_from(
    const struct workflow *wf, const char *from,
    const struct workflow_transition *prev);

/* True when T may be made from FROM. */
bool workflow_transition_from(const struct workflow_transition *t,
    const char *from);

/* True when one of the ROLES (a bitmask) may make T. */
bool workflow_role_allowed(const struct workflow_transition *t,
    unsigned roles);

/* The guards of T that F does not meet, as a bitmask; 0 when all are met. */
unsigned workflow_unmet(const struct workflow_transition *t,
    const struct workflow_facts *f);

/*
 * Whether the person and facts F allow transition T of WF: 0 when they do.
 * Otherwise -1, and when WHY is not NULL appends to it, in plain sentences,
 * who could make the move (and what the person is) if the role is wrong, and
 * what is missing if guards are unmet; both when both apply. The text names
 * no command-line flag or key: a front end adds its own hint by looking at
 * workflow_unmet (for example "use --decision MEETING").
 */
int workflow_check(const struct workflow *wf,
    const struct workflow_transition *t, const struct workflow_facts *f,
    struct buf *why);

/*
 * Appends a plain-text description of WF, for `coopcom stages`: the stages
 * in order with their labels and flags, then each transition with who may
 * make it and what it requires. WF must have passed workflow_validate.
 */
void workflow_describe(const struct workflow *wf, struct buf *out);

/*
 * Role and guard names. _name gives the identifier used in workflow files
 * ("subgroup_chair"), _label the words for people ("sub-group chair");
 * both NULL when out of range. _parse returns the enum value, or -1.
 */
const char *workflow_role_name(enum workflow_role r);
const char *workflow_role_label(enum workflow_role r);
int workflow_role_parse(const char *name);
const char *workflow_guard_name(enum workflow_guard g);
const char *workflow_guard_label(enum workflow_guard g);
int workflow_guard_parse(const char *name);

/*
 * The meeting bodies a decision can come from ("assembly", "cabinet", ...)
 * and the outcomes a decision can record ("approved", ...), as in the
 * database. True when NAME is one of them.
 */
bool workflow_body_known(const char *name);
bool workflow_outcome_known(const char *name);
/* "the Assembly", "Cabinet", "full Council"; NAME itself when unknown. */
const char *workflow_body_label(const char *name);

/*
 * The months from adoption to the target date for a term: "short" 6,
 * "medium" 18, "long" 36; -1 for anything else (NULL included).
 */
int workflow_term_months(const char *term);

#endif
