/*
 * chooser.c: picking one item from a short list (see chooser.h).
 */
#include <stdlib.h>
#include <string.h>

#include "coopcom/util/xalloc.h"
#include "coopcom/vm/chooser.h"

#define PAGE 10

void
chooser_init(struct chooser *c, const char *title, int purpose)
{
	memset(c, 0, sizeof *c);
	c->title = x_strdup(title ? title : "");
	c->purpose = purpose;
}

void
chooser_done(struct chooser *c)
{
	size_t i;

	for (i = 0; i < c->n; i++) {
		free(c->items[i].label);
		free(c->items[i].detail);
	}
	free(c->items);
	free(c->title);
	memset(c, 0, sizeof *c);
}

static bool
any_enabled(const struct chooser *c)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		if (c->items[i].enabled)
			return true;
	return false;
}

void
chooser_add(struct chooser *c, const char *label, const char *detail,
    bool enabled, const char *key, int64_t value)
{
	struct chooser_item *it;
	bool first_enabled = enabled && !any_enabled(c);

	c->items = x_grow(c->items, &c->cap, c->n + 1, sizeof *c->items);
	it = &c->items[c->n++];
	memset(it, 0, sizeof *it);
	it->label = x_strdup(label ? label : "");
	it->detail = detail && *detail ? x_strdup(detail) : NULL;
	it->enabled = enabled;
	if (key != NULL && strlen(key) < sizeof it->key)
		memcpy(it->key, key, strlen(key) + 1);
	it->value = value;
	if (first_enabled)
		c->sel = c->n - 1;
}

static enum chooser_result
move_to(struct chooser *c, long pos)
{
	if (c->n == 0)
		return CHOOSER_NONE;
	if (pos < 0)
		pos = 0;
	if (pos >= (long)c->n)
		pos = (long)c->n - 1;
	c->sel = (size_t)pos;
	return CHOOSER_MOVED;
}

static enum chooser_result
choose(struct chooser *c, size_t i)
{
	if (i >= c->n)
		return CHOOSER_NONE;
	c->sel = i;
	return c->items[i].enabled ? CHOOSER_CHOSEN : CHOOSER_REFUSED;
}

static bool
is(const char *key, const char *a, const char *b)
{
	return strcmp(key, a) == 0 || (b != NULL && strcmp(key, b) == 0);
}

enum chooser_result
chooser_key(struct chooser *c, const char *key)
{
	long sel = (long)c->sel;
	size_t i;

	for (i = 0; i < c->n; i++)
		if (c->items[i].key[0] && strcmp(c->items[i].key, key) == 0)
			return choose(c, i);
	if (is(key, "Escape", "q"))
		return CHOOSER_CANCEL;
	if (is(key, "Enter", NULL))
		return choose(c, c->sel);
	if (is(key, "Down", "j"))
		return move_to(c, sel + 1);
	if (is(key, "Up", "k"))
		return move_to(c, sel - 1);
	if (is(key, "PageDown", "C-f"))
		return move_to(c, sel + PAGE);
	if (is(key, "PageUp", "C-b"))
		return move_to(c, sel - PAGE);
	if (is(key, "Home", "g"))
		return move_to(c, 0);
	if (is(key, "End", "G"))
		return move_to(c, (long)c->n - 1);
	return CHOOSER_NONE;
}

const struct chooser_item *
chooser_selected(const struct chooser *c)
{
	return c->sel < c->n ? &c->items[c->sel] : NULL;
}
