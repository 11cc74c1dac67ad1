/*
 * form.h: a form to create or edit one record, without curses.
 *
 * The fields come from the entity's field table (core/entity.h), so a
 * field added there appears in the form, is validated the same way as on
 * the command line and is saved by the same store functions. Each field
 * is a line editor (a multi-line one for long text); a field is checked
 * with field_normalise when the person leaves it and again on submit,
 * and what is wrong is kept beside the field, to be shown in place.
 *
 * Nothing typed is ever thrown away by the form: a refused save (a bad
 * value, no right, a read-only database) leaves every field as it was;
 * a save refused because someone else saved first reloads the record and
 * keeps both versions of every field that differs, for the person to
 * choose (C-t theirs, C-r yours) before saving against the new version.
 */
#ifndef COOPCOM_VM_FORM_H
#define COOPCOM_VM_FORM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "coopcom/core/entity.h"
#include "coopcom/store/store.h"
#include "coopcom/util/err.h"
#include "coopcom/vm/draft.h"
#include "coopcom/vm/lineedit.h"

enum form_mode {
	FORM_CREATE,	/* store_create */
	FORM_EDIT,	/* store_update against the version opened */
	FORM_JOIN,	/* a person joins a sub-group: store_join_subgroup */
	FORM_PROGRESS	/* a progress update (entity_progress):
			   store_progress_update on recommendation id */
};

struct form_field {
	const struct field *f;		/* borrowed from the entity table */
	struct lineedit edit;		/* what is typed */
	char *original;			/* the text it was opened (or last
					   reloaded) with: "changed" is from it */
	char *error;			/* what is wrong with it, or NULL */
	char *theirs;			/* after a conflict: the text someone
					   else saved, or NULL when it agrees */
	char *yours;			/* after a conflict: the text the form
					   held before theirs arrived */
	bool readonly;			/* shown, not editable */
	int scroll;			/* first wrapped line shown: the UI's */
};

struct form {
	const struct entity *ent;	/* borrowed */
	enum form_mode mode;
	int64_t id;			/* the record edited; 0 otherwise */
	int64_t version;		/* the version a save is made against */
	char *what;			/* "recommendation CC-LCL-03" or "a new
					   recommendation", for messages */
	struct form_field *fields;	/* the fields shown, in table order */
	size_t n;
	size_t focus;			/* the field the keys go to */
	char *message;			/* about the whole form, or NULL */
	bool message_error;
	bool conflict;			/* both versions are being shown */
	int scroll;			/* first row shown: the UI's */
};

enum form_result {
	FORM_NONE,	/* the key did nothing */
	FORM_CHANGED,	/* something to redraw */
	FORM_SUBMIT,	/* save asked for: call form_submit */
	FORM_CANCEL	/* the person wants to give up (ask if modified) */
};

/*
 * A form for a new KIND record (FORM_CREATE), or for a person joining
 * a sub-group (FORM_JOIN, kind ENT_SUBGROUP_MEMBER: sub-group, person,
 * role). Fields only an administrator may set are read-only for others.
 */
void form_init_create(struct form *fm, struct store *st,
    enum entity_kind kind, enum form_mode mode);
/*
 * A form holding record ID as stored now; -1 when it cannot be read. A
 * recommendation's delivery fields are shown only at a delivery stage.
 */
int form_init_edit(struct form *fm, struct store *st, enum entity_kind kind,
    int64_t id, struct err *e);
/*
 * A progress update (percent, note) on recommendation ID, the percent
 * filled in from the recommendation; saved against its version now.
 */
int form_init_progress(struct form *fm, struct store *st, int64_t id,
    struct err *e);
void form_done(struct form *fm);

/* How record R is named in messages: "recommendation CC-LCL-03". Caller
 * frees; plain text, to be escaped for a terminal. */
char *form_record_name(const struct record *r);

/* The field called NAME (entity field name), or NULL. */
struct form_field *form_field(struct form *fm, const char *name);
/* Pre-fills NAME (typed and original): the form is not "modified" by it. */
void form_prefill(struct form *fm, const char *name, const char *text);

/* Whether anything typed differs from what the form was opened with. */
bool form_modified(const struct form *fm);

/*
 * A key by name (keymap.h): Tab/Down next field, BackTab/Up previous
 * (in long text Up/Down move a line first), Enter next (a new line in
 * long text; submit on the last field), C-x
 * submit, Escape cancel, Left/Right cycle a choice, C-t/C-r take theirs
 * or keep yours after a conflict; anything else edits the field.
 */
enum form_result form_key(struct form *fm, const char *key);

/* Moves the focus to field I (checking the field left). */
void form_focus(struct form *fm, size_t i);

/*
 * Checks every field; true when all are fine. Otherwise the errors are
 * set in place and the focus is on the first bad field.
 */
bool form_validate(struct form *fm);

/*
 * Saves the form. 0 on success (*id is the record's id; 0 for a join).
 * On -1 every typed text is kept and E says why: a bad field is marked
 * in place; on ERR_CONFLICT the record is reloaded, both versions of
 * each field that differs are kept, and the next submit is made against
 * the new version.
 */
int form_submit(struct form *fm, struct store *st, int64_t *id,
    struct err *e);

/* Sets the form's message (printf-style; plain text, escaped when drawn). */
void form_message(struct form *fm, bool error, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* The form as a draft (typed and original text of every field). */
void form_to_draft(const struct form *fm, struct draft *d);
/*
 * The form a draft was made from, with what was typed in it. An edit
 * form keeps the draft's version, so a save after someone else's change
 * shows both versions. -1 when the draft names no known kind or field,
 * or the record cannot be read.
 */
int form_from_draft(struct form *fm, struct store *st, const struct draft *d,
    struct err *e);

#endif
