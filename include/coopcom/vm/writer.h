/*
 * writer.h: everything in the full-screen interface that changes data.
 *
 * Adding (a), editing (e), joining a sub-group (J), moving a
 * recommendation to another stage (m) and archiving or withdrawing (d),
 * and the drafts kept when the connection drops. Forms and choosers are
 * view-models (form.h, chooser.h): while one is open it takes every key,
 * and the UI draws it over the screen. Every write goes through the
 * store's one write path for it; a refusal is shown and the session
 * carries on, with anything typed still in its form.
 */
#ifndef COOPCOM_VM_WRITER_H
#define COOPCOM_VM_WRITER_H

#include <stdbool.h>

#include "coopcom/util/err.h"
#include "coopcom/vm/action.h"
#include "coopcom/vm/chooser.h"
#include "coopcom/vm/form.h"

struct app;
struct writer;

/* Frees what app->writer holds (NULL is fine). */
void writer_free(struct writer *w);

/* Whether a form or a chooser is open: it then takes every key. */
bool writer_busy(const struct app *app);
/* The open form, or NULL; the UI may set its scroll fields. */
struct form *writer_form(struct app *app);
/* The open chooser, or NULL (drawn over the form when both are open). */
struct chooser *writer_chooser(struct app *app);

/* A key (keymap.h name) for the open chooser or form; reaction flags. */
unsigned writer_key(struct app *app, const char *key);

/* ACTION_ADD, ACTION_EDIT, ACTION_JOIN, ACTION_ADVANCE, ACTION_ARCHIVE,
 * ACTION_PROGRESS. */
unsigned writer_action(struct app *app, enum action a);

/*
 * At the start of a session: offers back a draft kept by an earlier one
 * on the same database as the same person (restore, discard or later),
 * or says that the draft file is damaged.
 */
unsigned writer_offer_draft(struct app *app);

/*
 * When the session ends on a signal: keeps the open form, if anything
 * in it was typed, as a draft. 1 when written (*path, the caller's, says
 * where), 0 when there was nothing to keep, -1 on error. A draft that was
 * offered at the start and kept for later is first moved aside (its name
 * gets ".TIME" added), so no draft is written over.
 */
int writer_keep_draft(struct app *app, char **path, struct err *e);

#endif
