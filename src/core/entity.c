/*
 * entity.c: the field tables of every entity, and field validation.
 */
#include <ctype.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "coopcom/core/date.h"
#include "coopcom/core/entity.h"
#include "coopcom/core/money.h"
#include "coopcom/util/buf.h"
#include "coopcom/util/text.h"
#include "coopcom/util/xalloc.h"

#define REQ FIELD_REQUIRED
#define NUL FIELD_NULLABLE
#define DEL FIELD_DELIVERY

static const char *const person_kinds[] = { "councillor", "community_leader",
	"business_leader", "officer", "resident", "employee_rep", "other",
	NULL };
static const char *const commission_kinds[] = { "commission",
	"citizens_group", NULL };
static const char *const commission_roles[] = { "chair", "commissioner",
	"secretary", "lead_cabinet", "observer", NULL };
static const char *const subgroup_roles[] = { "chair", "member", "coopted",
	"officer", NULL };
static const char *const terms[] = { "short", "medium", "long", NULL };
static const char *const bodies[] = { "assembly", "subgroup",
	"citizens_group", "cabinet", "council", "scrutiny", NULL };
static const char *const outcomes[] = { "approved", "rejected",
	"referred_back", "deferred", "accepted", "not_accepted", "adopted",
	"noted", NULL };
static const char *const milestone_states[] = { "planned", "done",
	"cancelled", NULL };

static const struct field person_fields[] = {
	{ "login", "login", "Login", FIELD_LOGIN, NUL, NULL, 0,
	    "Unix login name; leave blank for someone who never logs in" },
	{ "name", "name", "Name", FIELD_TEXT, REQ, NULL, 0, "Full name" },
	{ "organisation", "organisation", "Organisation", FIELD_TEXT, 0, NULL,
	    0, "Organisation or group they come from" },
	{ "kind", "kind", "Kind", FIELD_CHOICE, 0, person_kinds, 0,
	    "councillor, community leader, business leader, officer, "
	    "resident, employee rep or other" },
	{ "email", "email", "Email", FIELD_TEXT, 0, NULL, 0, "Contact email" },
	{ "admin", "is_admin", "Administrator", FIELD_BOOL, FIELD_ADMIN, NULL,
	    0, "May do everything (yes/no)" },
};

static const struct field commission_fields[] = {
	{ "code", "code", "Code", FIELD_CODE, REQ, NULL, 0,
	    "Short code used in references, e.g. CC" },
	{ "name", "name", "Name", FIELD_TEXT, REQ, NULL, 0,
	    "e.g. Co-operative Commission" },
	{ "kind", "kind", "Kind", FIELD_CHOICE, FIELD_FIXED, commission_kinds,
	    0, "commission or citizens_group" },
	{ "remit", "remit", "Remit", FIELD_LONGTEXT, 0, NULL, 0,
	    "What the commission is asked to do" },
	{ "established", "established", "Established", FIELD_DATE, NUL, NULL,
	    0, "Date set up (YYYY-MM-DD)" },
	{ "report-due", "report_due", "Report due", FIELD_DATE, NUL, NULL, 0,
	    "When its report to Cabinet is due (YYYY-MM-DD)" },
};

static const struct field commission_member_fields[] = {
	{ "commission", "commission_id", "Commission", FIELD_REF,
	    REQ | FIELD_FIXED, NULL, ENT_COMMISSION, "Commission code or id" },
	{ "person", "person_id", "Person", FIELD_REF, REQ | FIELD_FIXED, NULL,
	    ENT_PERSON, "Login, id or exact name" },
	{ "role", "role", "Role", FIELD_CHOICE, REQ, commission_roles, 0,
	    "chair, commissioner, secretary, lead_cabinet or observer" },
	{ "joined", "joined_on", "Joined", FIELD_DATE, 0, NULL, 0,
	    "Date joined (default today)" },
	{ "left", "left_on", "Left", FIELD_DATE, NUL, NULL, 0,
	    "Date left; membership ends" },
};

static const struct field subgroup_fields[] = {
	{ "commission", "commission_id", "Commission", FIELD_REF,
	    REQ | FIELD_FIXED, NULL, ENT_COMMISSION, "Commission code or id" },
	{ "code", "code", "Code", FIELD_CODE, REQ, NULL, 0,
	    "Short code used in references, e.g. LCL" },
	{ "name", "name", "Name", FIELD_TEXT, REQ, NULL, 0,
	    "Work-stream name" },
	{ "remit", "remit", "Remit", FIELD_LONGTEXT, 0, NULL, 0,
	    "Scope of the work-stream" },
	{ "theme", "theme", "Theme", FIELD_TEXT, 0, NULL, 0,
	    "Service area or cross-cutting theme" },
	{ "lead-cabinet", "lead_cabinet_id", "Lead Cabinet member", FIELD_REF,
	    NUL, NULL, ENT_PERSON, "Login, id or exact name" },
	{ "cmt-lead", "cmt_lead_id", "CMT lead", FIELD_REF, NUL, NULL,
	    ENT_PERSON, "Corporate Management Team lead" },
};

static const struct field subgroup_member_fields[] = {
	{ "subgroup", "subgroup_id", "Sub-group", FIELD_REF, REQ | FIELD_FIXED,
	    NULL, ENT_SUBGROUP, "Sub-group code (CC-LCL or LCL) or id" },
	{ "person", "person_id", "Person", FIELD_REF, REQ | FIELD_FIXED, NULL,
	    ENT_PERSON, "Login, id or exact name" },
	{ "role", "role", "Role", FIELD_CHOICE, REQ, subgroup_roles, 0,
	    "chair, member, coopted or officer" },
	{ "joined", "joined_on", "Joined", FIELD_DATE, 0, NULL, 0,
	    "Date joined (default today)" },
	{ "left", "left_on", "Left", FIELD_DATE, NUL, NULL, 0,
	    "Date left; membership ends" },
};

static const struct field engagement_fields[] = {
	{ "subgroup", "subgroup_id", "Sub-group", FIELD_REF, REQ | FIELD_FIXED,
	    NULL, ENT_SUBGROUP, "Sub-group code or id" },
	{ "date", "held_on", "Date", FIELD_DATE, REQ, NULL, 0,
	    "When it took place (YYYY-MM-DD)" },
	{ "method", "method", "Method", FIELD_TEXT, REQ, NULL, 0,
	    "e.g. survey, workshop, focus group, drop-in" },
	{ "audience", "audience", "Audience", FIELD_TEXT, 0, NULL, 0,
	    "Residents, service users, employees..." },
	{ "reach", "reach", "Reach", FIELD_INT, NUL, NULL, 0,
	    "How many people took part" },
	{ "summary", "summary", "Summary", FIELD_LONGTEXT, 0, NULL, 0,
	    "What was learnt" },
};

static const struct field recommendation_fields[] = {
	{ "subgroup", "subgroup_id", "Sub-group", FIELD_REF, REQ | FIELD_FIXED,
	    NULL, ENT_SUBGROUP, "Sub-group code or id" },
	{ "ref", "ref", "Reference", FIELD_CODE, FIELD_FIXED, NULL, 0,
	    "e.g. CC-LCL-03 (made from the sub-group when blank)" },
	{ "title", "title", "Title", FIELD_TEXT, REQ, NULL, 0,
	    "One line" },
	{ "text", "body", "Text", FIELD_LONGTEXT, 0, NULL, 0,
	    "The recommendation in full" },
	{ "term", "term", "Term", FIELD_CHOICE, NUL, terms, 0,
	    "short (6 months), medium (18 months) or long (3 years+)" },
	{ "savings", "savings_pence", "Savings", FIELD_MONEY, NUL, NULL, 0,
	    "Associated savings, e.g. £15,000 (0 if none)" },
	{ "upfront-cost", "upfront_cost_pence", "Up-front cost", FIELD_MONEY,
	    NUL, NULL, 0, "Up-front cost, e.g. £2,500.00 (0 if none)" },
	{ "equality-impact", "equality_impact", "Equality impact",
	    FIELD_LONGTEXT, NUL, NULL, 0,
	    "The Citizens' Group's equality impact assessment" },
	{ "target", "target_date", "Target date", FIELD_DATE, NUL, NULL, 0,
	    "Delivery target (YYYY-MM-DD); set from the term on adoption" },
	{ "revised", "revised_date", "Revised date", FIELD_DATE, NUL | DEL,
	    NULL, 0, "New delivery date, when the target cannot be met "
	    "(YYYY-MM-DD)" },
	{ "actual", "actual_date", "Delivered on", FIELD_DATE, NUL | DEL, NULL,
	    0, "Date it was actually delivered (YYYY-MM-DD)" },
	{ "percent", "percent_complete", "Percent done", FIELD_PERCENT,
	    NUL | DEL, NULL, 0, "How far delivery has got, 0 to 100 "
	    "(coopcom update records it with a note)" },
	{ "responsible", "responsible_id", "Responsible", FIELD_REF, NUL | DEL,
	    NULL, ENT_PERSON, "Who does the work and reports progress: "
	    "login, id or exact name" },
	{ "accountable", "accountable_id", "Accountable", FIELD_REF, NUL | DEL,
	    NULL, ENT_PERSON, "Who answers for its delivery, e.g. the lead "
	    "officer: login, id or exact name" },
	{ "consulted", "consulted", "Consulted", FIELD_TEXT, DEL, NULL, 0,
	    "Who is asked before decisions, e.g. the Citizens' Group" },
	{ "informed", "informed", "Informed", FIELD_TEXT, DEL, NULL, 0,
	    "Who is kept up to date, e.g. ward members" },
	{ "stage", "stage", "Stage", FIELD_TEXT, FIELD_WORKFLOW, NULL, 0,
	    "Approval stage: changed with advance" },
};

static const struct field meeting_fields[] = {
	{ "body", "body", "Body", FIELD_CHOICE, REQ | FIELD_FIXED, bodies, 0,
	    "assembly, subgroup, citizens_group, cabinet, council, scrutiny" },
	{ "commission", "commission_id", "Commission", FIELD_REF, NUL, NULL,
	    ENT_COMMISSION, "Commission code or id" },
	{ "subgroup", "subgroup_id", "Sub-group", FIELD_REF, NUL, NULL,
	    ENT_SUBGROUP, "For a sub-group meeting" },
	{ "title", "title", "Title", FIELD_TEXT, 0, NULL, 0,
	    "e.g. Second meeting of the Assembly" },
	{ "date", "held_on", "Date", FIELD_DATE, REQ, NULL, 0,
	    "YYYY-MM-DD" },
	{ "place", "place", "Place", FIELD_TEXT, 0, NULL, 0, "Where" },
};

static const struct field decision_fields[] = {
	{ "meeting", "meeting_id", "Meeting", FIELD_REF, REQ | FIELD_FIXED,
	    NULL, ENT_MEETING, "Meeting id" },
	{ "recommendation", "recommendation_id", "Recommendation", FIELD_REF,
	    NUL | FIELD_FIXED, NULL, ENT_RECOMMENDATION,
	    "Reference (CC-LCL-03) or id" },
	{ "outcome", "outcome", "Outcome", FIELD_CHOICE, REQ, outcomes, 0,
	    "approved, rejected, referred_back, deferred, accepted, "
	    "not_accepted, adopted or noted" },
	{ "reason", "reason", "Reason", FIELD_LONGTEXT, 0, NULL, 0,
	    "Reasons, e.g. for a referral back" },
	{ "for", "votes_for", "Votes for", FIELD_INT, NUL, NULL, 0, "" },
	{ "against", "votes_against", "Votes against", FIELD_INT, NUL, NULL, 0,
	    "" },
	{ "abstain", "votes_abstain", "Abstentions", FIELD_INT, NUL, NULL, 0,
	    "" },
	{ "actions", "actions", "Actions", FIELD_LONGTEXT, 0, NULL, 0,
	    "Actions agreed" },
};

static const struct field milestone_fields[] = {
	{ "commission", "commission_id", "Commission", FIELD_REF, NUL, NULL,
	    ENT_COMMISSION, "Commission code or id" },
	{ "subgroup", "subgroup_id", "Sub-group", FIELD_REF, NUL, NULL,
	    ENT_SUBGROUP, "For a sub-group's milestone" },
	{ "theme", "theme", "Theme", FIELD_TEXT, 0, NULL, 0,
	    "Group heading, e.g. Joining up Services" },
	{ "title", "title", "Title", FIELD_TEXT, REQ, NULL, 0,
	    "What is to happen" },
	{ "timescale", "timescale", "Timescale", FIELD_TIMESCALE, REQ, NULL, 0,
	    "As written: 'End August 2011', 'To be confirmed'..." },
	{ "status", "status", "Status", FIELD_TEXT, 0, NULL, 0,
	    "Status line as written" },
	{ "state", "state", "State", FIELD_CHOICE, 0, milestone_states, 0,
	    "planned, done or cancelled" },
	{ "done", "done_on", "Done on", FIELD_DATE, NUL, NULL, 0,
	    "Date completed" },
	{ "notes", "notes", "Notes", FIELD_LONGTEXT, 0, NULL, 0, "" },
};

static const struct field progress_fields[] = {
	{ "percent", "percent_complete", "Percent done", FIELD_PERCENT,
	    NUL, NULL, 0, "How far delivery has got now, 0 to 100" },
	{ "note", "note", "Note", FIELD_LONGTEXT, 0, NULL, 0,
	    "What was done, what is next, what is in the way" },
};

#define ENTITY(k, n, t, l, f) \
	[k] = { k, n, t, l, f, sizeof f / sizeof f[0] }

static const struct entity entities[ENT_COUNT] = {
	ENTITY(ENT_PERSON, "person", "person", "Person", person_fields),
	ENTITY(ENT_COMMISSION, "commission", "commission", "Commission",
	    commission_fields),
	ENTITY(ENT_COMMISSION_MEMBER, "commission-member", "commission_member",
	    "Commission membership", commission_member_fields),
	ENTITY(ENT_SUBGROUP, "subgroup", "subgroup", "Sub-group",
	    subgroup_fields),
	ENTITY(ENT_SUBGROUP_MEMBER, "subgroup-member", "subgroup_member",
	    "Sub-group membership", subgroup_member_fields),
	ENTITY(ENT_ENGAGEMENT, "engagement", "engagement", "Engagement",
	    engagement_fields),
	ENTITY(ENT_RECOMMENDATION, "recommendation", "recommendation",
	    "Recommendation", recommendation_fields),
	ENTITY(ENT_MEETING, "meeting", "meeting", "Meeting", meeting_fields),
	ENTITY(ENT_DECISION, "decision", "decision", "Decision",
	    decision_fields),
	ENTITY(ENT_MILESTONE, "milestone", "milestone", "Milestone",
	    milestone_fields),
};

static const struct entity progress = { ENT_RECOMMENDATION,
	"progress-update", "progress_update", "Progress update",
	progress_fields, sizeof progress_fields / sizeof progress_fields[0] };

const struct entity *
entity_progress(void)
{
	return &progress;
}

const struct entity *
entity_get(enum entity_kind kind)
{
	if ((unsigned)kind >= ENT_COUNT)
		return NULL;
	return &entities[kind];
}

const struct entity *
entity_find(const char *name)
{
	size_t i;

	if (strcmp(name, "sub-group") == 0)
		name = "subgroup";
	for (i = 0; i < ENT_COUNT; i++)
		if (strcmp(entities[i].name, name) == 0)
			return &entities[i];
	return NULL;
}

const struct field *
entity_field(const struct entity *ent, const char *name)
{
	size_t i;

	for (i = 0; i < ent->nfields; i++)
		if (strcmp(ent->fields[i].name, name) == 0 ||
		    strcmp(ent->fields[i].column, name) == 0)
			return &ent->fields[i];
	return NULL;
}

size_t
entity_field_index(const struct entity *ent, const struct field *f)
{
	return (size_t)(f - ent->fields);
}

/* "Community Leader" and "community-leader" both mean community_leader. */
static char *
choice_id(const char *text)
{
	char *id = x_strdup(text), *p;

	for (p = id; *p; p++) {
		if (*p == ' ' || *p == '-')
			*p = '_';
		else
			*p = (char)tolower((unsigned char)*p);
	}
	return id;
}

/* Equal but for underscores: "co_opted" is "coopted". */
static bool
same_id(const char *a, const char *b)
{
	for (;; a++, b++) {
		while (*a == '_')
			a++;
		while (*b == '_')
			b++;
		if (*a != *b)
			return false;
		if (*a == '\0')
			return true;
	}
}

static int
normalise_choice(const struct field *f, const char *text, char **out,
    struct err *e)
{
	char *id = choice_id(text);
	struct buf all;
	size_t i;

	for (i = 0; f->choices[i] != NULL; i++) {
		if (same_id(f->choices[i], id)) {
			free(id);
			*out = x_strdup(f->choices[i]);
			return 0;
		}
	}
	free(id);
	buf_init(&all);
	for (i = 0; f->choices[i] != NULL; i++)
		buf_printf(&all, "%s%s", i ? ", " : "", f->choices[i]);
	err_set(e, ERR_INVALID, "%s: \"%s\" is not one of: %s", f->label, text,
	    buf_str(&all));
	buf_done(&all);
	return -1;
}

static int
normalise_bool(const struct field *f, const char *text, char **out,
    struct err *e)
{
	static const char *const yes[] = { "yes", "y", "true", "1", "on",
		NULL };
	static const char *const no[] = { "no", "n", "false", "0", "off",
		NULL };
	size_t i;

	for (i = 0; yes[i] != NULL; i++) {
		if (strcasecmp(text, yes[i]) == 0) {
			*out = x_strdup("1");
			return 0;
		}
	}
	for (i = 0; no[i] != NULL; i++) {
		if (strcasecmp(text, no[i]) == 0) {
			*out = x_strdup("0");
			return 0;
		}
	}
	return err_set(e, ERR_INVALID, "%s: \"%s\" is not yes or no",
	    f->label, text);
}

static int
normalise_int(const struct field *f, const char *text, char **out,
    struct err *e)
{
	const char *p;

	for (p = text; *p; p++)
		if (!isdigit((unsigned char)*p))
			return err_set(e, ERR_INVALID, "%s: \"%s\" is not a "
			    "whole number", f->label, text);
	if (strlen(text) > 9)
		return err_set(e, ERR_INVALID, "%s: %s is too large",
		    f->label, text);
	*out = x_printf("%ld", strtol(text, NULL, 10));
	return 0;
}

/* "40", "40%" or "40 %": a share of the work done, 0 to 100. */
static int
normalise_percent(const struct field *f, const char *text, char **out,
    struct err *e)
{
	char *digits = x_strdup(text), *p;
	long n;

	p = digits + strlen(digits);
	if (p > digits && p[-1] == '%')
		*--p = '\0';
	while (p > digits && p[-1] == ' ')
		*--p = '\0';
	for (p = digits; *p && isdigit((unsigned char)*p); p++)
		;
	n = *digits && !*p && p - digits <= 3 ? strtol(digits, NULL, 10) :
	    -1;
	free(digits);
	if (n < 0 || n > 100)
		return err_set(e, ERR_INVALID, "%s: \"%s\" is not a percentage: "
		    "give a whole number from 0 to 100", f->label, text);
	*out = x_printf("%ld", n);
	return 0;
}

static int
normalise_code(const struct field *f, const char *text, char **out,
    struct err *e)
{
	const char *p;
	size_t max = f->type == FIELD_LOGIN ? 32 : 40;

	for (p = text; *p; p++)
		if (!isalnum((unsigned char)*p) && *p != '-' && *p != '_' &&
		    !(f->type == FIELD_LOGIN && *p == '.'))
			return err_set(e, ERR_INVALID, "%s: \"%s\" may hold "
			    "only letters, digits, '-' and '_'", f->label,
			    text);
	if (strlen(text) > max)
		return err_set(e, ERR_INVALID, "%s: \"%s\" is longer than %zu "
		    "characters", f->label, text, max);
	*out = x_strdup(text);
	return 0;
}

static int
normalise_typed(const struct field *f, const char *text, char **out,
    struct err *e)
{
	struct date d;
	char iso[11];
	int64_t pence;

	switch (f->type) {
	case FIELD_MONEY:
		if (money_parse(text, &pence, 0, e) < 0)
			return err_prefix(e, "%s", f->label);
		*out = x_printf("%" PRId64, pence);
		return 0;
	case FIELD_DATE:
		if (date_parse_iso(text, &d, e) < 0)
			return err_prefix(e, "%s", f->label);
		date_format_iso(d, iso);
		*out = x_strdup(iso);
		return 0;
	case FIELD_CHOICE:
		return normalise_choice(f, text, out, e);
	case FIELD_BOOL:
		return normalise_bool(f, text, out, e);
	case FIELD_INT:
		return normalise_int(f, text, out, e);
	case FIELD_PERCENT:
		return normalise_percent(f, text, out, e);
	case FIELD_CODE:
	case FIELD_LOGIN:
		return normalise_code(f, text, out, e);
	default:
		*out = x_strdup(text);
		return 0;
	}
}

int
field_normalise(const struct field *f, const char *text, char **out,
    struct err *e)
{
	char *trimmed;
	int rc;

	*out = NULL;
	if (!utf8_valid(text, strlen(text)))
		return err_set(e, ERR_INVALID, "%s: the text is not valid "
		    "UTF-8", f->label);
	trimmed = f->type == FIELD_LONGTEXT ? x_strdup(text) : text_trim(text);
	if (text_is_blank(trimmed)) {
		free(trimmed);
		if (f->flags & FIELD_REQUIRED)
			return err_set(e, ERR_INVALID, "%s is required",
			    f->label);
		if (f->flags & FIELD_NULLABLE)
			return 0;
		if (f->type == FIELD_BOOL || f->type == FIELD_CHOICE ||
		    f->type == FIELD_DATE || f->type == FIELD_INT ||
		    f->type == FIELD_PERCENT)
			return err_set(e, ERR_INVALID, "%s cannot be blank",
			    f->label);
		*out = x_strdup("");
		return 0;
	}
	rc = normalise_typed(f, trimmed, out, e);
	free(trimmed);
	return rc;
}

char *
field_choice_label(const char *id)
{
	char *s = x_strdup(id), *p;

	for (p = s; *p; p++)
		if (*p == '_')
			*p = ' ';
	return s;
}

char *
field_display(const struct field *f, const char *stored)
{
	char money[64];

	if (stored == NULL)
		return x_strdup(f->type == FIELD_REF ? "" : "not stated");
	switch (f->type) {
	case FIELD_MONEY:
		if (money_format(strtoll(stored, NULL, 10), money,
		    sizeof money) < 0)
			return x_strdup(stored);
		return x_strdup(money);
	case FIELD_BOOL:
		return x_strdup(strcmp(stored, "1") == 0 ? "yes" : "no");
	case FIELD_PERCENT:
		return x_printf("%s%%", stored);
	case FIELD_CHOICE:
		return field_choice_label(stored);
	default:
		return x_strdup(stored);
	}
}
