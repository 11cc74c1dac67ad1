/*
 * chooser.h: pick one of a few things from a list, without curses.
 *
 * Used where a key asks "which?": the moves a recommendation may make,
 * the meeting that decided it, what kind of record to add, what to do
 * with a saved draft. Items that cannot be chosen now stay in the list,
 * greyed, with the reason shown when selected: people see what exists
 * and what is missing, not just what they may do.
 */
#ifndef COOPCOM_VM_CHOOSER_H
#define COOPCOM_VM_CHOOSER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct chooser_item {
	char *label;		/* one line; any text (escaped when drawn) */
	char *detail;		/* shown for the selected item, or NULL */
	bool enabled;		/* false: greyed, cannot be chosen */
	char key[8];		/* a key name that chooses it at once, or "" */
	int64_t value;		/* what choosing it means, for the caller */
};

struct chooser {
	char *title;		/* the question */
	struct chooser_item *items;
	size_t n;
	size_t cap;		/* allocated, for x_grow */
	size_t sel;		/* the selected item */
	int scroll;		/* first item shown: the UI's */
	int purpose;		/* what the caller opened it for */
};

enum chooser_result {
	CHOOSER_NONE,		/* the key means nothing here */
	CHOOSER_MOVED,		/* the selection moved */
	CHOOSER_CHOSEN,		/* an enabled item was chosen */
	CHOOSER_REFUSED,	/* a greyed item was chosen: say why */
	CHOOSER_CANCEL		/* Escape or q */
};

/* TITLE is copied. */
void chooser_init(struct chooser *c, const char *title, int purpose);
void chooser_done(struct chooser *c);
/* Appends an item (strings copied; DETAIL and KEY may be NULL). The
 * first enabled item is selected. */
void chooser_add(struct chooser *c, const char *label, const char *detail,
    bool enabled, const char *key, int64_t value);

/*
 * A key by name: Up/Down/k/j, Home/End/g/G, PageUp/PageDown move; Enter
 * (or an item's own key) chooses; Escape or q cancels.
 */
enum chooser_result chooser_key(struct chooser *c, const char *key);

/* The selected item, or NULL when the list is empty. */
const struct chooser_item *chooser_selected(const struct chooser *c);

#endif
