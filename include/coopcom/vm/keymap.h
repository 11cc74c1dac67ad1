/*
 * keymap.h: which key does what.
 *
 * Keys are named as people write them in the config: a printable
 * character ("j", "?", "/"), "C-a".."C-z", "Enter", "Escape", "Tab",
 * "BackTab", "Space", "Backspace", "Delete", "Up", "Down", "Left",
 * "Right", "PageUp", "PageDown", "Home", "End", "F1".."F12". The UI turns
 * a keypress into such a name; the keymap turns the name into an action.
 */
#ifndef COOPCOM_VM_KEYMAP_H
#define COOPCOM_VM_KEYMAP_H

#include <stddef.h>

#include "coopcom/conf/config.h"
#include "coopcom/util/buf.h"
#include "coopcom/util/err.h"
#include "coopcom/vm/action.h"

#define KEYMAP_MAX 160

struct keymap {
	struct keymap_entry {
		char key[16];		/* a key name */
		enum action action;
	} entries[KEYMAP_MAX];
	size_t n;
};

/* Whether NAME is a key name this program knows. */
int keymap_key_valid(const char *name);

/* The default bindings from the action table. */
void keymap_defaults(struct keymap *km);

/*
 * Applies the config's keys group: an action named there loses its
 * default keys and gets the ones given. An unknown action or key name is
 * an error naming FILE:LINE.
 */
int keymap_apply(struct keymap *km, const struct config *c, struct err *e);

/* The action of a key name, or ACTION_NONE. */
enum action keymap_lookup(const struct keymap *km, const char *key);

/* The keys of an action, space-separated, into OUT (for help and hints). */
void keymap_keys_of(const struct keymap *km, enum action a, struct buf *out);

#endif
