/*
 * entity.h: what each kind of record is made of, as data.
 *
 * One table per entity lists its fields: name (the CLI option and the
 * word people type), column, label (on screen), type, flags and help.
 * The store's generic create/edit, the CLI's add/edit options and the
 * TUI's forms are all driven from these tables, so a field added here is
 * validated, stored, audited, offered in forms and documented at once.
 */
#ifndef COOPCOM_CORE_ENTITY_H
#define COOPCOM_CORE_ENTITY_H

#include <stddef.h>

#include "coopcom/util/err.h"

enum entity_kind {
	ENT_PERSON,
	ENT_COMMISSION,
	ENT_COMMISSION_MEMBER,
	ENT_SUBGROUP,
	ENT_SUBGROUP_MEMBER,
	ENT_ENGAGEMENT,
	ENT_RECOMMENDATION,
	ENT_MEETING,
	ENT_DECISION,
	ENT_MILESTONE,
	ENT_COUNT
};

enum field_type {
	FIELD_TEXT,		/* one line */
	FIELD_LONGTEXT,		/* paragraphs */
	FIELD_CODE,		/* short code: letters, digits, '-', '_' */
	FIELD_LOGIN,		/* a Unix login name */
	FIELD_INT,		/* a whole number >= 0 */
	FIELD_PERCENT,		/* a whole number 0..100 ("40" or "40%") */
	FIELD_MONEY,		/* typed as pounds, stored as integer pence */
	FIELD_DATE,		/* ISO YYYY-MM-DD */
	FIELD_TIMESCALE,	/* kept as written; the store derives dates */
	FIELD_CHOICE,		/* one of choices[] */
	FIELD_BOOL,		/* stored 0 or 1 */
	FIELD_REF		/* another record: by id, code, login or name */
};

enum field_flag {
	FIELD_REQUIRED = 1 << 0,	/* must be given on create, never blank */
	FIELD_FIXED = 1 << 1,		/* set on create only */
	FIELD_ADMIN = 1 << 2,		/* only an administrator sets it */
	FIELD_NULLABLE = 1 << 3,	/* blank is stored as NULL ("not stated") */
	FIELD_WORKFLOW = 1 << 4,	/* changed by the workflow, not by edit */
	FIELD_DELIVERY = 1 << 5		/* delivery tracking: set only at a
					   delivery stage (workflow.h), when
					   the rest is frozen */
};

struct field {
	const char *name;		/* CLI option and form key */
	const char *column;		/* database column */
	const char *label;		/* on screen */
	enum field_type type;
	unsigned flags;			/* enum field_flag */
	const char *const *choices;	/* FIELD_CHOICE: NULL-terminated ids */
	enum entity_kind ref;		/* FIELD_REF: the kind referred to */
	const char *help;		/* one line for forms and --help */
};

struct entity {
	enum entity_kind kind;
	const char *name;		/* CLI word: "recommendation" */
	const char *table;		/* database table */
	const char *label;		/* "Recommendation" */
	const struct field *fields;
	size_t nfields;
};

/*
 * A progress update on an adopted recommendation (percent, note): not a
 * record of its own (it is never edited or archived, and is written only
 * by store_progress_update), but its fields are checked and offered in a
 * form like any other. Its kind is ENT_RECOMMENDATION, the record it
 * belongs to.
 */
const struct entity *entity_progress(void);

/* Every entity, by kind; never NULL for a valid kind. */
const struct entity *entity_get(enum entity_kind kind);
/* By CLI word ("subgroup" or "sub-group"); NULL when unknown. */
const struct entity *entity_find(const char *name);
/* A field by name or column; NULL when the entity has none. */
const struct field *entity_field(const struct entity *ent, const char *name);
/* The index of F in its entity's table. */
size_t entity_field_index(const struct entity *ent, const struct field *f);

/*
 * Checks TEXT as typed for field F and returns in *out the text to store
 * (money as pence digits, a choice as its id, a bool as "0"/"1", dates as
 * ISO), or NULL for a blank nullable field. FIELD_REF text is passed
 * through trimmed: only the store can resolve it. *out is the caller's.
 */
int field_normalise(const struct field *f, const char *text, char **out,
    struct err *e);

/*
 * The stored text of F as a person reads it ("£1,234.50", "yes", "not
 * stated" for NULL, a choice with spaces for underscores). Caller frees.
 * The result may hold anything the database held: escape it for a
 * terminal.
 */
char *field_display(const struct field *f, const char *stored);

/* A choice id as words ("community_leader" -> "community leader"). */
char *field_choice_label(const char *id);

#endif
