/*
 * keymap.c: key names to actions (see keymap.h).
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "coopcom/util/text.h"
#include "coopcom/vm/keymap.h"

static const char *const named_keys[] = { "Enter", "Escape", "Tab",
	"BackTab", "Space", "Backspace", "Delete", "Insert", "Up", "Down",
	"Left", "Right", "PageUp", "PageDown", "Home", "End", NULL };

int
keymap_key_valid(const char *name)
{
	size_t i, n = strlen(name);
	uint32_t cp;
	int f;

	for (i = 0; named_keys[i] != NULL; i++)
		if (strcmp(named_keys[i], name) == 0)
			return 1;
	if (n == 3 && name[0] == 'C' && name[1] == '-' &&
	    islower((unsigned char)name[2]))
		return 1;
	if ((n == 2 || n == 3) && name[0] == 'F' && sscanf(name + 1, "%d",
	    &f) == 1 && f >= 1 && f <= 12)
		return 1;
	if (n == 1)
		return isgraph((unsigned char)name[0]);
	return n > 1 && n <= 4 && utf8_decode(name, n, &cp) == (int)n;
}

static void
bind(struct keymap *km, const char *key, size_t len, enum action a)
{
	struct keymap_entry *en;
	size_t i;

	if (len == 0 || len >= sizeof km->entries[0].key)
		return;
	for (i = 0; i < km->n; i++) {
		en = &km->entries[i];
		if (strlen(en->key) == len && strncmp(en->key, key, len) == 0) {
			en->action = a;
			return;
		}
	}
	if (km->n == KEYMAP_MAX)
		return;
	en = &km->entries[km->n++];
	memcpy(en->key, key, len);
	en->key[len] = '\0';
	en->action = a;
}

static void
bind_list(struct keymap *km, const char *keys, enum action a)
{
	const char *p = keys;
	size_t len;

	while (*p) {
		len = strcspn(p, " ");
		bind(km, p, len, a);
		p += len;
		p += strspn(p, " ");
	}
}

void
keymap_defaults(struct keymap *km)
{
	int a;

	km->n = 0;
	for (a = 0; a < ACTION_COUNT; a++)
		bind_list(km, action_info((enum action)a)->keys,
		    (enum action)a);
}

static void
unbind_action(struct keymap *km, enum action a)
{
	size_t i, j = 0;

	for (i = 0; i < km->n; i++)
		if (km->entries[i].action != a)
			km->entries[j++] = km->entries[i];
	km->n = j;
}

/*
 * A form's own keys (save, take_theirs, keep_yours) act while a field
 * has the keys, so they must be ones no field types or edits with: a
 * function key, or a control key the line editor leaves alone.
 */
static bool
form_key_ok(enum action a, const char *key)
{
	if (a != ACTION_SAVE && a != ACTION_TAKE_THEIRS &&
	    a != ACTION_KEEP_YOURS)
		return true;
	if (key[0] == 'F' && isdigit((unsigned char)key[1]))
		return true;
	return strncmp(key, "C-", 2) == 0 && strchr("abdefhknpuw",
	    key[2]) == NULL;
}

int
keymap_apply(struct keymap *km, const struct config *c, struct err *e)
{
	const struct config_key *k;
	bool cleared[ACTION_COUNT] = { false };
	enum action a;
	size_t i;

	for (i = 0; i < c->nkeys; i++) {
		k = &c->keys[i];
		if ((a = action_parse(k->action)) == ACTION_NONE)
			return err_set(e, ERR_INVALID, "%s:%d: unknown action "
			    "\"%s\" in keys (the help screen, ?, lists them)",
			    k->file, k->line, k->action);
		if (!keymap_key_valid(k->key))
			return err_set(e, ERR_INVALID, "%s:%d: unknown key "
			    "\"%s\" for %s", k->file, k->line, k->key,
			    k->action);
		if (!form_key_ok(a, k->key))
			return err_set(e, ERR_INVALID, "%s:%d: %s is a key of "
			    "forms, where \"%s\" types or edits: give it a "
			    "function key (F2) or a control key (C-s), but "
			    "not C-a, C-b, C-d, C-e, C-f, C-h, C-k, C-n, C-p, "
			    "C-u or C-w", k->file, k->line, k->action, k->key);
		if (!cleared[a]) {
			unbind_action(km, a);
			cleared[a] = true;
		}
		bind(km, k->key, strlen(k->key), a);
	}
	return 0;
}

enum action
keymap_lookup(const struct keymap *km, const char *key)
{
	size_t i;

	for (i = 0; i < km->n; i++)
		if (strcmp(km->entries[i].key, key) == 0)
			return km->entries[i].action;
	return ACTION_NONE;
}

void
keymap_keys_of(const struct keymap *km, enum action a, struct buf *out)
{
	size_t i;
	bool first = true;

	for (i = 0; i < km->n; i++) {
		if (km->entries[i].action != a)
			continue;
		buf_printf(out, "%s%s", first ? "" : " ", km->entries[i].key);
		first = false;
	}
}
