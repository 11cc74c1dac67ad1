/*
 * lineedit.c: editing a line of UTF-8 text by key names (see lineedit.h).
 */
#include <stdbool.h>
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

/* Where the line holding byte POS starts, and where it ends. */
static size_t
line_start(const char *d, size_t pos)
{
	while (pos > 0 && d[pos - 1] != '\n')
		pos--;
	return pos;
}

static size_t
line_end(const char *d, size_t len, size_t pos)
{
	const char *nl = memchr(d + pos, '\n', len - pos);

	return nl ? (size_t)(nl - d) : len;
}

/*
 * Up or Down in long text: the same character of the line above or
 * below, or its end when shorter; ignored on the first or last line (the
 * form then moves to the field above or below).
 */
static enum lineedit_result
line_move(struct lineedit *le, int dir)
{
	const char *d = buf_str(&le->text);
	size_t len = le->text.len, start = line_start(d, le->cursor);
	size_t chars = 0, p, end;

	for (p = start; p < le->cursor; p = utf8_next(d, len, p))
		chars++;
	if (dir < 0) {
		if (start == 0)
			return LE_IGNORED;
		p = line_start(d, start - 1);
	} else {
		p = line_end(d, len, le->cursor);
		if (p == len)
			return LE_IGNORED;
		p++;
	}
	end = line_end(d, len, p);
	for (; chars > 0 && p < end; chars--)
		p = utf8_next(d, len, p);
	return move_to(le, p);
}

static enum lineedit_result
control_key(struct lineedit *le, const char *key)
{
	const char *d = buf_str(&le->text);
	bool multi = le->flags & LINEEDIT_MULTILINE;

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
		return move_to(le, multi ? line_start(d, le->cursor) : 0);
	if (strcmp(key, "End") == 0 || strcmp(key, "C-e") == 0)
		return move_to(le, multi ? line_end(d, le->text.len,
		    le->cursor) : le->text.len);
	if (multi && (strcmp(key, "Up") == 0 || strcmp(key, "C-p") == 0))
		return line_move(le, -1);
	if (multi && (strcmp(key, "Down") == 0 || strcmp(key, "C-n") == 0))
		return line_move(le, 1);
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
