/*
 * lineedit.h: one line of text being typed, edited by key names.
 *
 * Used by every prompt and form field. Works on UTF-8 characters, never
 * bytes: the cursor never lands inside a character, Backspace removes a
 * whole "é" or "£". Keys are the names of keymap.h; a printable
 * character arrives as itself ("é" is the key name of é).
 */
#ifndef COOPCOM_VM_LINEEDIT_H
#define COOPCOM_VM_LINEEDIT_H

#include <stddef.h>

#include "coopcom/util/buf.h"

enum lineedit_result {
	LE_IGNORED,	/* not an editing key */
	LE_CHANGED,	/* the text changed */
	LE_MOVED,	/* only the cursor moved */
	LE_ENTER,	/* Enter: accept */
	LE_CANCEL	/* Escape: give up */
};

#define LINEEDIT_MAX 65536	/* bytes; longer input is refused */

struct lineedit {
	struct buf text;	/* the text, UTF-8 */
	size_t cursor;		/* byte offset, on a character boundary */
	unsigned flags;		/* LINEEDIT_MULTILINE */
};

/* Enter inserts a newline and C-x accepts; Up/Down (C-p/C-n) move a
 * line, keeping the column, and are ignored on the first/last line;
 * Home/End (C-a/C-e) go to the start/end of the line. */
#define LINEEDIT_MULTILINE 1u

void lineedit_init(struct lineedit *le, const char *text, unsigned flags);
void lineedit_done(struct lineedit *le);
void lineedit_set(struct lineedit *le, const char *text);
enum lineedit_result lineedit_key(struct lineedit *le, const char *key);
const char *lineedit_text(const struct lineedit *le);

#endif
