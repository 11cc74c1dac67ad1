/*
 * form.c: creating and editing records through forms (see form.h).
 *
 * A form shows every field of the entity's table except those the
 * workflow changes. Values travel as the person typed them: the store
 * normalises and resolves them on save, exactly as for the CLI, so the
 * form's own checks (field_normalise when a field is left) only give the
 * same answer earlier. An edit sends only the fields whose text changed,
 * so the audit trail records what the person changed and nothing else,
 * and a save against an old version can tell whose change is whose.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "coopcom/store/delivery.h"
#include "coopcom/util/buf.h"
#include "coopcom/util/text.h"
#include "coopcom/util/xalloc.h"
#include "coopcom/vm/form.h"

static const char *const mode_names[] = { "create", "edit", "join",
	"progress" };

/* "Sub-group membership" -> "sub-group membership". */
static char *
lower_label(const struct entity *ent)
{
	char *s = x_strdup(ent->label);

	s[0] = (char)tolower((unsigned char)s[0]);
	return s;
}

/* DELIVERY: the record is at a delivery stage, where those fields are. */
static bool
field_shown(const struct field *f, enum form_mode mode, bool delivery)
{
	if (f->flags & FIELD_WORKFLOW)
		return false;
	if ((f->flags & FIELD_DELIVERY) && !delivery)
		return false;
	if (mode == FORM_JOIN)
		return strcmp(f->name, "subgroup") == 0 ||
		    strcmp(f->name, "person") == 0 ||
		    strcmp(f->name, "role") == 0;
	return true;
}

static void
fields_init(struct form *fm, struct store *st, bool delivery)
{
	const struct entity *ent = fm->ent;
	struct form_field *ff;
	bool admin = store_me(st)->admin;
	size_t i;

	fm->fields = x_calloc(ent->nfields, sizeof *fm->fields);
	for (i = 0; i < ent->nfields; i++) {
		if (!field_shown(&ent->fields[i], fm->mode, delivery))
			continue;
		ff = &fm->fields[fm->n++];
		ff->f = &ent->fields[i];
		lineedit_init(&ff->edit, "", ff->f->type == FIELD_LONGTEXT ?
		    LINEEDIT_MULTILINE : 0);
		ff->original = x_strdup("");
		ff->readonly = (ff->f->flags & FIELD_ADMIN) && !admin;
		if (fm->mode == FORM_EDIT && (ff->f->flags & FIELD_FIXED))
			ff->readonly = true;
	}
}

/* Where typing starts: in a new record the first required field still
 * blank, else the first blank one; else the first that can be edited. */
static void
focus_first(struct form *fm)
{
	const struct form_field *ff;
	size_t i, pass;

	fm->focus = 0;
	for (pass = fm->mode == FORM_EDIT ? 2 : 0; pass < 3; pass++) {
		for (i = 0; i < fm->n; i++) {
			ff = &fm->fields[i];
			if (ff->readonly || (pass < 2 &&
			    !text_is_blank(lineedit_text(&ff->edit))) ||
			    (pass == 0 && !(ff->f->flags & FIELD_REQUIRED)))
				continue;
			fm->focus = i;
			return;
		}
	}
}

void
form_init_create(struct form *fm, struct store *st, enum entity_kind kind,
    enum form_mode mode)
{
	char *label;

	memset(fm, 0, sizeof *fm);
	fm->ent = entity_get(mode == FORM_JOIN ? ENT_SUBGROUP_MEMBER : kind);
	fm->mode = mode == FORM_EDIT ? FORM_CREATE : mode;
	label = lower_label(fm->ent);
	fm->what = mode == FORM_JOIN ? x_strdup("a new member of a sub-group") :
	    x_printf("a new %s", label);
	free(label);
	fields_init(fm, st, false);
	focus_first(fm);
}

/* The text a person would type for a stored value. */
static char *
typed_text(const struct field *f, const char *stored, const char *shown)
{
	if (stored == NULL)
		return x_strdup("");
	switch (f->type) {
	case FIELD_REF:
		return x_strdup(shown && *shown ? shown : stored);
	case FIELD_MONEY:
	case FIELD_BOOL:
	case FIELD_CHOICE:
		return field_display(f, stored);
	default:
		return x_strdup(stored);
	}
}

/* A record is named by its reference, code, login, name... */
char *
form_record_name(const struct record *r)
{
	static const char *const namers[] = { "ref", "code", "login", "name",
		"title", "person", "date", NULL };
	const struct field *f;
	char *label = lower_label(r->ent), *s;
	size_t i, k;

	for (i = 0; namers[i] != NULL; i++) {
		if ((f = entity_field(r->ent, namers[i])) == NULL)
			continue;
		k = entity_field_index(r->ent, f);
		if (r->shown[k] != NULL && *r->shown[k] != '\0' &&
		    r->stored[k] != NULL) {
			s = x_printf("%s %s", label, r->shown[k]);
			free(label);
			return s;
		}
	}
	s = x_printf("%s #%lld", label, (long long)r->id);
	free(label);
	return s;
}

static void
set_original(struct form_field *ff, const char *text)
{
	free(ff->original);
	ff->original = x_strdup(text);
}

/*
 * A recommendation past the editable stages keeps only its target (and,
 * once adopted, its delivery fields) open.
 */
static void
freeze_if_settled(struct form *fm, struct store *st, const struct record *r)
{
	const struct workflow *wf = store_workflow(st);
	const struct workflow_stage *stage;
	size_t i;

	if (fm->ent->kind != ENT_RECOMMENDATION || wf == NULL ||
	    (stage = workflow_stage(wf, record_get(r, "stage"))) == NULL ||
	    stage->editable)
		return;
	for (i = 0; i < fm->n; i++)
		if (strcmp(fm->fields[i].f->name, "target") != 0 &&
		    !(fm->fields[i].f->flags & FIELD_DELIVERY))
			fm->fields[i].readonly = true;
	focus_first(fm);
	form_message(fm, false, "It is at the stage \"%s\": only its target "
	    "date%s can be changed now.", stage->label, stage->delivery ?
	    " and its delivery (revised date, responsible...)" : "");
}

int
form_init_edit(struct form *fm, struct store *st, enum entity_kind kind,
    int64_t id, struct err *e)
{
	struct form_field *ff;
	struct record r;
	size_t i, k;
	char *text;

	memset(fm, 0, sizeof *fm);
	if (store_get(st, kind, id, &r, e) < 0)
		return -1;
	fm->ent = entity_get(kind);
	fm->mode = FORM_EDIT;
	fm->id = id;
	fm->version = r.version;
	fm->what = form_record_name(&r);
	fields_init(fm, st, store_delivery_stage(st, record_get(&r, "stage")));
	for (i = 0; i < fm->n; i++) {
		ff = &fm->fields[i];
		k = entity_field_index(fm->ent, ff->f);
		text = typed_text(ff->f, r.stored[k], r.shown[k]);
		lineedit_set(&ff->edit, text);
		set_original(ff, text);
		free(text);
	}
	focus_first(fm);
	freeze_if_settled(fm, st, &r);
	record_done(&r);
	return 0;
}

int
form_init_progress(struct form *fm, struct store *st, int64_t id,
    struct err *e)
{
	struct record r;
	char *name;

	memset(fm, 0, sizeof *fm);
	if (store_get(st, ENT_RECOMMENDATION, id, &r, e) < 0)
		return -1;
	fm->ent = entity_progress();
	fm->mode = FORM_PROGRESS;
	fm->id = id;
	fm->version = r.version;
	name = form_record_name(&r);
	fm->what = x_printf("progress on %s", name);
	free(name);
	fields_init(fm, st, false);
	form_prefill(fm, "percent", record_get(&r, "percent"));
	fm->focus = 0;
	record_done(&r);
	return 0;
}

void
form_done(struct form *fm)
{
	size_t i;

	for (i = 0; i < fm->n; i++) {
		lineedit_done(&fm->fields[i].edit);
		free(fm->fields[i].original);
		free(fm->fields[i].error);
		free(fm->fields[i].theirs);
		free(fm->fields[i].yours);
	}
	free(fm->fields);
	free(fm->what);
	free(fm->message);
	memset(fm, 0, sizeof *fm);
}

struct form_field *
form_field(struct form *fm, const char *name)
{
	size_t i;

	for (i = 0; i < fm->n; i++)
		if (strcmp(fm->fields[i].f->name, name) == 0)
			return &fm->fields[i];
	return NULL;
}

void
form_prefill(struct form *fm, const char *name, const char *text)
{
	struct form_field *ff = form_field(fm, name);

	if (ff == NULL)
		return;
	lineedit_set(&ff->edit, text ? text : "");
	set_original(ff, text ? text : "");
	focus_first(fm);
}

void
form_message(struct form *fm, bool error, const char *fmt, ...)
{
	struct buf b;
	va_list ap;

	buf_init(&b);
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	free(fm->message);
	fm->message = buf_steal(&b);
	fm->message_error = error;
}

static bool
field_changed(const struct form_field *ff)
{
	return strcmp(lineedit_text(&ff->edit), ff->original) != 0;
}

bool
form_modified(const struct form *fm)
{
	size_t i;

	for (i = 0; i < fm->n; i++)
		if (field_changed(&fm->fields[i]))
			return true;
	return false;
}

/*
 * Whether the field's text goes to the store: on an edit, when it
 * changed; on a create, when something is typed (a blank optional
 * field takes its default) or the field is required.
 */
static bool
field_sent(const struct form *fm, const struct form_field *ff)
{
	if (ff->readonly)
		return false;
	if (fm->mode == FORM_EDIT)
		return field_changed(ff);
	return !text_is_blank(lineedit_text(&ff->edit)) ||
	    (ff->f->flags & FIELD_REQUIRED);
}

static bool
check_field(struct form *fm, struct form_field *ff)
{
	struct err e;
	char *out;

	free(ff->error);
	ff->error = NULL;
	if (!field_sent(fm, ff))
		return true;
	err_clear(&e);
	if (field_normalise(ff->f, lineedit_text(&ff->edit), &out, &e) < 0) {
		ff->error = x_strdup(e.msg);
		return false;
	}
	free(out);
	return true;
}

/* Leaving a field checks it, except a required one left blank for now. */
static void
leave_field(struct form *fm)
{
	struct form_field *ff = &fm->fields[fm->focus];

	if (fm->mode != FORM_EDIT && text_is_blank(lineedit_text(&ff->edit)))
		return;
	check_field(fm, ff);
}

void
form_focus(struct form *fm, size_t i)
{
	if (fm->n == 0 || i >= fm->n)
		return;
	leave_field(fm);
	fm->focus = i;
}

/* The next field that can be edited, DIR = 1 or -1; WRAP round the ends. */
static enum form_result
step(struct form *fm, int dir, bool wrap)
{
	size_t i = fm->focus, k;

	for (k = 0; k < fm->n; k++) {
		if (dir > 0 && i + 1 >= fm->n) {
			if (!wrap)
				return FORM_NONE;
			i = 0;
		} else if (dir < 0 && i == 0) {
			if (!wrap)
				return FORM_NONE;
			i = fm->n - 1;
		} else {
			i = dir > 0 ? i + 1 : i - 1;
		}
		if (!fm->fields[i].readonly) {
			form_focus(fm, i);
			return FORM_CHANGED;
		}
	}
	return FORM_NONE;
}

static bool
last_editable(const struct form *fm)
{
	size_t i;

	for (i = fm->focus + 1; i < fm->n; i++)
		if (!fm->fields[i].readonly)
			return false;
	return true;
}

/* Left and Right walk a choice (or yes/no) field through its values. */
static enum form_result
cycle(struct form_field *ff, int dir)
{
	static const char *const yes_no[] = { "yes", "no", NULL };
	const char *const *choices = ff->f->type == FIELD_BOOL ? yes_no :
	    ff->f->choices;
	char *now, *label;
	int n = 0, at = -1, i;
	bool blank_ok = !(ff->f->flags & FIELD_REQUIRED);

	now = text_trim(lineedit_text(&ff->edit));
	for (i = 0; choices[i] != NULL; i++) {
		label = field_choice_label(choices[i]);
		if (strcasecmp(now, choices[i]) == 0 ||
		    strcasecmp(now, label) == 0)
			at = i;
		free(label);
		n++;
	}
	free(now);
	/* Position n stands for "blank", when blank is allowed. */
	if (at < 0)
		at = blank_ok ? n : (dir > 0 ? -1 : 0);
	at += dir;
	if (at < 0)
		at = blank_ok ? n : n - 1;
	if (at > n || (at == n && !blank_ok))
		at = 0;
	if (at == n) {
		lineedit_set(&ff->edit, "");
	} else {
		label = field_choice_label(choices[at]);
		lineedit_set(&ff->edit, label);
		free(label);
	}
	free(ff->error);
	ff->error = NULL;
	return FORM_CHANGED;
}

static enum form_result
take_version(struct form *fm, struct form_field *ff, bool theirs)
{
	if (ff->theirs == NULL) {
		form_message(fm, true, "%s has only one version: nobody else "
		    "changed it", ff->f->label);
		return FORM_CHANGED;
	}
	lineedit_set(&ff->edit, theirs ? ff->theirs : ff->yours);
	free(ff->error);
	ff->error = NULL;
	return FORM_CHANGED;
}

/* Moving about a read-only field is fine; changing it is refused. */
static enum form_result
readonly_key(struct form *fm, struct form_field *ff, const char *key)
{
	struct lineedit probe;
	enum lineedit_result r;

	lineedit_init(&probe, lineedit_text(&ff->edit), ff->edit.flags);
	probe.cursor = ff->edit.cursor;
	r = lineedit_key(&probe, key);
	if (r == LE_MOVED)
		ff->edit.cursor = probe.cursor;
	lineedit_done(&probe);
	if (r != LE_CHANGED)
		return r == LE_MOVED ? FORM_CHANGED : FORM_NONE;
	form_message(fm, true, "%s cannot be changed here", ff->f->label);
	return FORM_CHANGED;
}

static enum form_result
edit_key(struct form *fm, struct form_field *ff, const char *key)
{
	bool choice = ff->f->type == FIELD_CHOICE || ff->f->type == FIELD_BOOL;

	if (choice && (strcmp(key, "Left") == 0 || strcmp(key, "Right") == 0))
		return ff->readonly ? FORM_NONE :
		    cycle(ff, strcmp(key, "Right") == 0 ? 1 : -1);
	if (ff->readonly)
		return readonly_key(fm, ff, key);
	switch (lineedit_key(&ff->edit, key)) {
	case LE_CHANGED:
		free(ff->error);
		ff->error = NULL;
		return FORM_CHANGED;
	case LE_MOVED:
		return FORM_CHANGED;
	case LE_ENTER:
		return FORM_SUBMIT;
	case LE_CANCEL:
		return FORM_CANCEL;
	default:
		return FORM_NONE;
	}
}

enum form_result
form_key(struct form *fm, const char *key)
{
	struct form_field *ff;
	bool multi;

	if (strcmp(key, "Escape") == 0)
		return FORM_CANCEL;
	if (strcmp(key, "C-x") == 0) {
		if (fm->n > 0)
			leave_field(fm);
		return FORM_SUBMIT;
	}
	if (fm->n == 0)
		return FORM_NONE;
	ff = &fm->fields[fm->focus];
	multi = ff->edit.flags & LINEEDIT_MULTILINE;
	if (strcmp(key, "Tab") == 0)
		return step(fm, 1, true);
	if (strcmp(key, "BackTab") == 0)
		return step(fm, -1, true);
	/* In long text Up and Down move a line, then to the next field. */
	if ((strcmp(key, "Down") == 0 || strcmp(key, "Up") == 0) && multi &&
	    !ff->readonly && lineedit_key(&ff->edit, key) == LE_MOVED)
		return FORM_CHANGED;
	if (strcmp(key, "Down") == 0)
		return step(fm, 1, false);
	if (strcmp(key, "Up") == 0)
		return step(fm, -1, false);
	if (strcmp(key, "Enter") == 0 && (!multi || ff->readonly)) {
		if (!last_editable(fm))
			return step(fm, 1, false);
		leave_field(fm);
		return FORM_SUBMIT;
	}
	if (strcmp(key, "C-t") == 0 || strcmp(key, "C-r") == 0)
		return take_version(fm, ff, strcmp(key, "C-t") == 0);
	return edit_key(fm, ff, key);
}

bool
form_validate(struct form *fm)
{
	size_t i, first = fm->n;

	for (i = 0; i < fm->n; i++)
		if (!check_field(fm, &fm->fields[i]) && first == fm->n)
			first = i;
	if (first == fm->n)
		return true;
	fm->focus = first;
	return false;
}

/*
 * The field a store message is about: the one whose label starts it,
 * else a reference field whose text it quotes ("there is no person
 * \"lee\"").
 */
static struct form_field *
blame(struct form *fm, const char *msg)
{
	struct form_field *best = NULL;
	size_t i, n, bestn = 0;
	char *quoted;

	for (i = 0; i < fm->n; i++) {
		n = strlen(fm->fields[i].f->label);
		if (strncmp(msg, fm->fields[i].f->label, n) == 0 &&
		    (msg[n] == ':' || msg[n] == ' ') && n > bestn) {
			best = &fm->fields[i];
			bestn = n;
		}
	}
	for (i = 0; best == NULL && i < fm->n; i++) {
		if (fm->fields[i].f->type != FIELD_REF)
			continue;
		quoted = x_printf("\"%s\"", lineedit_text(&fm->fields[i].edit));
		if (strstr(msg, quoted) != NULL)
			best = &fm->fields[i];
		free(quoted);
	}
	return best;
}

static int
conflict(struct form *fm, struct store *st, struct err *e)
{
	struct form_field *ff;
	struct record now;
	struct err e2;
	const char *mine;
	size_t i, k, differ = 0;
	char *their, *label;

	err_clear(&e2);
	if (store_get(st, fm->ent->kind, fm->id, &now, &e2) < 0) {
		form_message(fm, true, "%s; it cannot be read again: %s",
		    e->msg, e2.msg);
		return -1;
	}
	for (i = 0; i < fm->n; i++) {
		ff = &fm->fields[i];
		k = entity_field_index(fm->ent, ff->f);
		their = typed_text(ff->f, now.stored[k], now.shown[k]);
		mine = lineedit_text(&ff->edit);
		if (strcmp(their, ff->original) == 0 ||
		    strcmp(their, mine) == 0) {
			set_original(ff, their);
			free(their);
			continue;
		}
		free(ff->theirs);
		free(ff->yours);
		ff->yours = x_strdup(mine);
		/* What they changed and you did not is theirs already. */
		if (strcmp(mine, ff->original) == 0)
			lineedit_set(&ff->edit, their);
		set_original(ff, their);
		ff->theirs = their;
		differ++;
	}
	fm->version = now.version;
	fm->conflict = true;
	label = lower_label(fm->ent);
	form_message(fm, true, "%s saved this %s at %s UTC, after you opened "
	    "it; nothing of yours is saved yet. %zu field%s differ%s: under "
	    "each are both versions, with the keys that take theirs or keep "
	    "yours. Saving again saves over their version.",
	    *now.updated_by ? now.updated_by :
	    "Someone", label, now.updated_at, differ,
	    differ == 1 ? "" : "s", differ == 1 ? "s" : "");
	free(label);
	record_done(&now);
	return -1;
}

static int
failed(struct form *fm, struct store *st, struct err *e)
{
	struct form_field *ff;

	if (e->code == ERR_CONFLICT && fm->mode == FORM_EDIT)
		return conflict(fm, st, e);
	if ((e->code == ERR_INVALID || e->code == ERR_NOTFOUND ||
	    e->code == ERR_DENIED) && (ff = blame(fm, e->msg)) != NULL) {
		free(ff->error);
		ff->error = x_strdup(e->msg);
		fm->focus = (size_t)(ff - fm->fields);
	}
	if (e->code == ERR_READONLY || e->code == ERR_IO ||
	    e->code == ERR_BUSY)
		form_message(fm, true, "%s. Nothing was saved; what you typed "
		    "is still here.", e->msg);
	else
		form_message(fm, true, "%s", e->msg);
	return -1;
}

static int
join(struct form *fm, struct store *st, struct err *e)
{
	struct form_field *role = form_field(fm, "role");
	char *id;
	int rc;

	if (field_normalise(role->f, lineedit_text(&role->edit), &id, e) < 0)
		return -1;
	rc = store_join_subgroup(st,
	    lineedit_text(&form_field(fm, "subgroup")->edit),
	    lineedit_text(&form_field(fm, "person")->edit), id, e);
	free(id);
	return rc;
}

/*
 * A progress update is a new row, not an edit: after someone else's
 * change it is shown the new version and saved against it when asked
 * again, typing kept.
 */
static int
progress(struct form *fm, struct store *st, struct err *e)
{
	struct form_field *pct = form_field(fm, "percent");
	struct record now;
	struct err e2;

	if (store_progress_update(st, fm->id, fm->version,
	    lineedit_text(&pct->edit), lineedit_text(&form_field(fm,
	    "note")->edit), e) == 0)
		return 0;
	if (e->code != ERR_CONFLICT)
		return -1;
	err_clear(&e2);
	if (store_get(st, ENT_RECOMMENDATION, fm->id, &now, &e2) == 0) {
		fm->version = now.version;
		record_done(&now);
	}
	err_set(e, ERR_CONFLICT, "%s was changed by someone else after you "
	    "opened this form (the detail panel shows how); nothing was "
	    "saved. C-x records your update on its new version", fm->what);
	return -1;
}

int
form_submit(struct form *fm, struct store *st, int64_t *id, struct err *e)
{
	struct store_value *vals;
	size_t i, n = 0;
	int rc;

	*id = 0;
	if (!form_validate(fm)) {
		form_message(fm, true, "Please correct what is marked: %s",
		    fm->fields[fm->focus].error);
		return err_set(e, ERR_INVALID, "%s",
		    fm->fields[fm->focus].error);
	}
	vals = x_calloc(fm->n + 1, sizeof *vals);
	for (i = 0; i < fm->n; i++) {
		if (!field_sent(fm, &fm->fields[i]))
			continue;
		vals[n].name = fm->fields[i].f->name;
		vals[n++].text = lineedit_text(&fm->fields[i].edit);
	}
	if (fm->mode == FORM_JOIN)
		rc = join(fm, st, e);
	else if (fm->mode == FORM_PROGRESS)
		rc = progress(fm, st, e);
	else if (fm->mode == FORM_CREATE)
		rc = store_create(st, fm->ent->kind, vals, n, id, e);
	else if (n == 0)
		rc = 0;
	else
		rc = store_update(st, fm->ent->kind, fm->id, fm->version, vals,
		    n, e);
	free(vals);
	if (rc < 0)
		return failed(fm, st, e);
	if (fm->mode == FORM_EDIT || fm->mode == FORM_PROGRESS)
		*id = fm->id;
	return 0;
}

void
form_to_draft(const struct form *fm, struct draft *d)
{
	const struct form_field *ff;
	size_t i;

	free(d->entity);
	free(d->mode);
	free(d->what);
	d->entity = x_strdup(fm->ent->name);
	d->mode = x_strdup(mode_names[fm->mode]);
	d->what = x_strdup(fm->what);
	d->id = fm->id;
	d->version = fm->version;
	for (i = 0; i < fm->n; i++) {
		ff = &fm->fields[i];
		draft_add(d, ff->f->name, lineedit_text(&ff->edit),
		    ff->original);
	}
}

static int
parse_mode(const char *s, enum form_mode *mode)
{
	size_t i;

	for (i = 0; i < sizeof mode_names / sizeof mode_names[0]; i++) {
		if (strcmp(s, mode_names[i]) == 0) {
			*mode = (enum form_mode)i;
			return 0;
		}
	}
	return -1;
}

static int
fill_from_draft(struct form *fm, const struct draft *d, struct err *e)
{
	struct form_field *ff;
	size_t i;

	for (i = 0; i < d->n; i++) {
		if ((ff = form_field(fm, d->fields[i].name)) == NULL)
			return err_set(e, ERR_INVALID, "the draft has a field "
			    "\"%s\" that a %s does not have in this version "
			    "of coopcom", d->fields[i].name, fm->ent->name);
		lineedit_set(&ff->edit, d->fields[i].typed);
		set_original(ff, d->fields[i].original);
	}
	return 0;
}

int
form_from_draft(struct form *fm, struct store *st, const struct draft *d,
    struct err *e)
{
	const struct entity *ent = entity_find(d->entity ? d->entity : "");
	enum form_mode mode;

	if (ent == NULL && d->entity != NULL &&
	    strcmp(d->entity, entity_progress()->name) == 0)
		ent = entity_progress();

	memset(fm, 0, sizeof *fm);
	if (ent == NULL || parse_mode(d->mode ? d->mode : "", &mode) < 0)
		return err_set(e, ERR_INVALID, "the draft is of a kind of form "
		    "this version of coopcom does not have (%s, %s)",
		    d->entity ? d->entity : "?", d->mode ? d->mode : "?");
	if (mode == FORM_EDIT || mode == FORM_PROGRESS) {
		if ((mode == FORM_EDIT ? form_init_edit(fm, st, ent->kind,
		    d->id, e) : form_init_progress(fm, st, d->id, e)) < 0)
			return err_prefix(e, "the draft's %s", ent->name);
		fm->version = d->version;
	} else {
		form_init_create(fm, st, ent->kind, mode);
	}
	if (fill_from_draft(fm, d, e) < 0) {
		form_done(fm);
		return -1;
	}
	focus_first(fm);
	return 0;
}
