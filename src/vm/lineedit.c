/*
 * lineedit.c: editing a line of UTF-8 text by key names (see lineedit.h).
 */
#include <stdint.h>
#include <string.h>

#include "coopcom/util/text.h"
#include "coopcom/vm/lineedit.h"

void
lineedit_init(struct lineedit *le, const char *text, unsigned flags)
{
	buf_init(&le->text);
	le->flags = flags;
	lineedit_set(le, text);
}

void
lineedit_done(struct lineedit *le)
{
	buf_done(&le->text);
}

void
lineedit_set(struct lineedit *le, const char *text)
{
	buf_reset(&le->text);
	buf_add(&le->text, text ? text : "");
	le->cursor = le->text.len;
}

const char *
lineedit_text(const struct lineedit *le)
{
	return buf_str(&le->text);
}

static enum lineedit_result
insert(struct lineedit *le, const char *s, size_t n)
{
	struct buf after;

	if (le->text.len + n > LINEEDIT_MAX)
		return LE_IGNORED;
	buf_init(&after);
	buf_add(&after, buf_str(&le->text) + le->cursor);
	le->text.len = le->cursor;
	buf_addn(&le->text, s, n);
	buf_add(&le->text, buf_str(&after));
	buf_done(&after);
	le->cursor += n;
	return LE_CHANGED;
}

/* Removes bytes [from, to) of the text. */
static enum lineedit_result
cut(struct lineedit *le, size_t from, size_t to)
{
	char *d = le->text.data;

	if (from >= to)
		return LE_IGNORED;
	memmove(d + from, d + to, le->text.len - to + 1);
	le->text.len -= to - from;
	le->cursor = from;
	return LE_CHANGED;
}

static size_t
word_start(const struct lineedit *le)
{
	const char *d = buf_str(&le->text);
	size_t p = le->cursor;

	while (p > 0 && d[p - 1] == ' ')
		p--;
	while (p > 0 && d[p - 1] != ' ')
		p--;
	return p;
}

static enum lineedit_result
move_to(struct lineedit *le, size_t pos)
{
	le->cursor = pos;
	return LE_MOVED;
}

static enum lineedit_result
control_key(struct lineedit *le, const char *key)
{
	const char *d = buf_str(&le->text);

	if (strcmp(key, "Backspace") == 0)
		return cut(le, utf8_prev(d, le->cursor), le->cursor);
	if (strcmp(key, "Delete") == 0 || strcmp(key, "C-d") == 0)
		return cut(le, le->cursor, utf8_next(d, le->text.len,
		    le->cursor));
	if (strcmp(key, "Left") == 0 || strcmp(key, "C-b") == 0)
		return move_to(le, utf8_prev(d, le->cursor));
	if (strcmp(key, "Right") == 0 || strcmp(key, "C-f") == 0)
		return move_to(le, utf8_next(d, le->text.len, le->cursor));
	if (strcmp(key, "Home") == 0 || strcmp(key, "C-a") == 0)
		return move_to(le, 0);
	if (strcmp(key, "End") == 0 || strcmp(key, "C-e") == 0)
		return move_to(le, le->text.len);
	if (strcmp(key, "C-u") == 0)
		return cut(le, 0, le->cursor);
	if (strcmp(key, "C-k") == 0)
		return cut(le, le->cursor, le->text.len);
	if (strcmp(key, "C-w") == 0)
		return cut(le, word_start(le), le->cursor);
	return LE_IGNORED;
}

enum lineedit_result
lineedit_key(struct lineedit *le, const char *key)
{
	size_t n = strlen(key);
	uint32_t cp;

	if (strcmp(key, "Enter") == 0) {
		if (le->flags & LINEEDIT_MULTILINE)
			return insert(le, "\n", 1);
		return LE_ENTER;
	}
	if (strcmp(key, "Escape") == 0)
		return LE_CANCEL;
	if (strcmp(key, "C-x") == 0 && (le->flags & LINEEDIT_MULTILINE))
		return LE_ENTER;
	if (strcmp(key, "Space") == 0)
		return insert(le, " ", 1);
	if (strcmp(key, "Tab") == 0 && (le->flags & LINEEDIT_MULTILINE))
		return insert(le, "\t", 1);
	if (n >= 1 && n <= 4 && utf8_decode(key, n, &cp) == (int)n &&
	    (n > 1 || (key[0] >= 0x20 && key[0] < 0x7f)))
		return insert(le, key, n);
	return control_key(le, key);
}
