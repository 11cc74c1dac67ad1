/*
 * text.c: terminal-safe text, display width, cutting and wrapping (see
 * text.h).
 *
 * Everything walks the string in "units": a valid UTF-8 sequence, or one
 * byte that does not start one. Working in units means no function here can
 * split a character, and invalid bytes are handled the same way everywhere.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "coopcom/util/buf.h"
#include "coopcom/util/text.h"
#include "coopcom/util/xalloc.h"

#ifndef __STDC_ISO_10646__
#error "wchar_t must hold Unicode code points for wcwidth()"
#endif

#define ELLIPSIS "\xe2\x80\xa6" /* U+2026, one column */

/* Invisible or reordering characters that a terminal would act on or hide. */
static const struct range {
	uint32_t lo, hi;
} hidden[] = {
    {0x00ad, 0x00ad},	/* soft hyphen: width differs by terminal */
    {0x061c, 0x061c},	/* Arabic letter mark */
    {0x115f, 0x1160},	/* Hangul fillers: blank "letters" */
    {0x180e, 0x180e},	/* Mongolian vowel separator */
    {0x200b, 0x200f},	/* zero-width space, joiners, LRM, RLM */
    {0x2028, 0x202e},	/* line/paragraph separators, bidi embeds */
    {0x2060, 0x2064},	/* word joiner, invisible operators */
    {0x2066, 0x206f},	/* bidi isolates, deprecated format chars */
    {0x3164, 0x3164},	/* Hangul filler */
    {0xfeff, 0xfeff},	/* byte order mark, zero-width no-break */
    {0xffa0, 0xffa0},	/* halfwidth Hangul filler */
    {0xfff9, 0xfffb},	/* interlinear annotation */
    {0x1bca0, 0x1bca3}, /* shorthand format controls */
    {0x1d173, 0x1d17a}, /* musical format controls */
    {0xe0000, 0xe007f}, /* tags: can smuggle invisible ASCII */
};

static const char *
orempty(const char *s)
{
	return s != NULL ? s : "";
}

int
utf8_decode(const char *s, size_t n, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	uint32_t c, min;
	int len, i;

	if (n == 0)
		return -1;
	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	if (u[0] < 0xc2) /* continuation byte, or overlong 2-byte lead */
		return -1;
	if (u[0] < 0xe0) {
		len = 2;
		c = u[0] & 0x1f;
		min = 0x80;
	} else if (u[0] < 0xf0) {
		len = 3;
		c = u[0] & 0x0f;
		min = 0x800;
	} else if (u[0] < 0xf5) {
		len = 4;
		c = u[0] & 0x07;
		min = 0x10000;
	} else
		return -1;
	if ((size_t)len > n)
		return -1;
	for (i = 1; i < len; i++) {
		if ((u[i] & 0xc0) != 0x80)
			return -1;
		c = c << 6 | (u[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return -1;
	*cp = c;
	return len;
}

int
utf8_encode(uint32_t cp, char out[4])
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xc0 | cp >> 6);
		out[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp >= 0xd800 && cp <= 0xdfff)
		return -1;
	if (cp < 0x10000) {
		out[0] = (char)(0xe0 | cp >> 12);
		out[1] = (char)(0x80 | (cp >> 6 & 0x3f));
		out[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	if (cp > 0x10ffff)
		return -1;
	out[0] = (char)(0xf0 | cp >> 18);
	out[1] = (char)(0x80 | (cp >> 12 & 0x3f));
	out[2] = (char)(0x80 | (cp >> 6 & 0x3f));
	out[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

int
utf8_valid(const char *s, size_t n)
{
	size_t i = 0;
	uint32_t cp;
	int k;

	while (i < n) {
		if ((k = utf8_decode(s + i, n - i, &cp)) < 0)
			return 0;
		i += (size_t)k;
	}
	return 1;
}

size_t
utf8_next(const char *s, size_t len, size_t pos)
{
	uint32_t cp;
	int k;

	if (pos >= len)
		return len;
	k = utf8_decode(s + pos, len - pos, &cp);
	return pos + (k < 0 ? 1 : (size_t)k);
}

/*
 * A valid sequence ending at pos is always one forward step too: its lead
 * byte cannot be the inside of another valid sequence, and forward stepping
 * from any byte before it lands on that lead. So the two directions agree.
 */
size_t
utf8_prev(const char *s, size_t pos)
{
	uint32_t cp;
	size_t k;

	if (pos == 0)
		return 0;
	if ((unsigned char)s[pos - 1] < 0x80)
		return pos - 1;
	for (k = 2; k <= 4 && k <= pos; k++) {
		if (utf8_decode(s + pos - k, k, &cp) == (int)k)
			return pos - k;
	}
	return pos - 1;
}

static int
hidden_char(uint32_t cp)
{
	size_t i;

	for (i = 0; i < sizeof hidden / sizeof hidden[0]; i++) {
		if (cp >= hidden[i].lo && cp <= hidden[i].hi)
			return 1;
	}
	return 0;
}

static int
needs_escape(uint32_t cp)
{
	if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f))
		return 1;
	if ((cp & 0xfffe) == 0xfffe || (cp >= 0xfdd0 && cp <= 0xfdef))
		return 1; /* noncharacters */
	if (hidden_char(cp))
		return 1;
	return wcwidth((wchar_t)cp) < 0;
}

/*
 * Looks at the unit at s: sets *step to its length and returns 0 when it
 * is kept, or 1 with its replacement in rep (possibly "").
 */
static int
classify(const char *s, size_t n, unsigned flags, size_t *step, char rep[16])
{
	unsigned char b = (unsigned char)s[0];
	uint32_t cp;
	int k;

	*step = 1;
	if (b >= 0x20 && b < 0x7f)
		return 0;
	if (b == '\n' && (flags & TEXT_KEEP_NEWLINE))
		return 0;
	if (b == '\t' && (flags & TEXT_KEEP_TAB))
		return 0;
	if (b == '\r' && (flags & TEXT_KEEP_NEWLINE) && n > 1 && s[1] == '\n') {
		rep[0] = '\0';
		return 1;
	}
	if (b == '\n' || b == '\t' || b == 0x1b) {
		rep[0] = '\\';
		rep[1] = b == '\n' ? 'n' : b == '\t' ? 't' : 'e';
		rep[2] = '\0';
		return 1;
	}
	if (b < 0x80 || (k = utf8_decode(s, n, &cp)) < 0) {
		snprintf(rep, 16, "\\x%02x", b);
		return 1;
	}
	*step = (size_t)k;
	if (!needs_escape(cp))
		return 0;
	snprintf(rep, 16, "\\u%04x", (unsigned)cp);
	return 1;
}

size_t
text_escape_to(struct buf *out, const char *s, size_t n, unsigned flags)
{
	size_t start = out->len, kept = 0, i = 0, step;
	char rep[16];

	if (s == NULL)
		return 0;
	while (i < n) {
		if (classify(s + i, n - i, flags, &step, rep)) {
			buf_addn(out, s + kept, i - kept);
			buf_add(out, rep);
			kept = i + step;
		}
		i += step;
	}
	buf_addn(out, s + kept, n - kept);
	return out->len - start;
}

char *
text_escape(const char *s, unsigned flags)
{
	struct buf b;

	s = orempty(s);
	buf_init(&b);
	text_escape_to(&b, s, strlen(s), flags);
	return buf_steal(&b);
}

int
text_is_safe(const char *s, unsigned flags)
{
	size_t n, i = 0, step;
	char rep[16];

	s = orempty(s);
	n = strlen(s);
	while (i < n) {
		if (classify(s + i, n - i, flags, &step, rep))
			return 0;
		i += step;
	}
	return 1;
}

/* The length of the unit at s, with its width in *w. */
static size_t
unit(const char *s, size_t n, int *w)
{
	uint32_t cp;
	int k;

	if ((unsigned char)s[0] >= 0x20 && (unsigned char)s[0] < 0x7f) {
		*w = 1;
		return 1;
	}
	if ((k = utf8_decode(s, n, &cp)) < 0) {
		*w = 1;
		return 1;
	}
	*w = wcwidth((wchar_t)cp);
	if (*w < 0)
		*w = 1;
	return (size_t)k;
}

static int
width_n(const char *s, size_t n)
{
	size_t i = 0;
	int w, total = 0;

	while (i < n) {
		i += unit(s + i, n - i, &w);
		total += w;
	}
	return total;
}

int
text_width(const char *s)
{
	s = orempty(s);
	return width_n(s, strlen(s));
}

static void
add_spaces(struct buf *b, int n)
{
	while (n-- > 0)
		buf_addc(b, ' ');
}

/* The longest head of s within budget columns, then the pad and "…". */
static void
fit_right(struct buf *b, const char *s, size_t n, int budget)
{
	size_t i = 0, k;
	int w, used = 0;

	while (i < n) {
		k = unit(s + i, n - i, &w);
		if (used + w > budget)
			break;
		used += w;
		i += k;
	}
	buf_addn(b, s, i);
	add_spaces(b, budget - used);
	buf_add(b, ELLIPSIS);
}

/*
 * "…", the pad, then the longest tail of s within budget columns. Marks at
 * the start of the tail belonged to the character cut off, so they go too.
 */
static void
fit_left(struct buf *b, const char *s, size_t n, int budget)
{
	size_t j = n, p;
	int w, used = 0;

	while (j > 0) {
		p = utf8_prev(s, j);
		unit(s + p, n - p, &w);
		if (used + w > budget)
			break;
		used += w;
		j = p;
	}
	while (j < n) {
		p = unit(s + j, n - j, &w);
		if (w > 0)
			break;
		j += p;
	}
	buf_add(b, ELLIPSIS);
	add_spaces(b, budget - used);
	buf_addn(b, s + j, n - j);
}

char *
text_fit(const char *s, int width, unsigned flags)
{
	struct buf b;
	size_t n;
	int w;

	s = orempty(s);
	n = strlen(s);
	buf_init(&b);
	if (width <= 0)
		return buf_steal(&b);
	w = width_n(s, n);
	if (w <= width) {
		buf_addn(&b, s, n);
		if (flags & TEXT_PAD)
			add_spaces(&b, width - w);
	} else if (flags & TEXT_ELLIPSIS_LEFT)
		fit_left(&b, s, n, width - 1);
	else
		fit_right(&b, s, n, width - 1);
	return buf_steal(&b);
}

void
text_lines_init(struct text_lines *tl)
{
	tl->lines = NULL;
	tl->n = 0;
	tl->cap = 0;
}

void
text_lines_done(struct text_lines *tl)
{
	size_t i;

	for (i = 0; i < tl->n; i++)
		free(tl->lines[i]);
	free(tl->lines);
	text_lines_init(tl);
}

/* The line being filled by text_wrap(). */
struct wrapper {
	struct text_lines *out;
	struct buf line; /* text of the current line */
	int w;		 /* its width in columns */
	int width;	 /* the most columns a line may take */
	int count;	 /* lines appended so far */
};

static void
emit(struct wrapper *wr)
{
	struct text_lines *tl = wr->out;

	tl->lines = x_grow(tl->lines, &tl->cap, tl->n + 1, sizeof *tl->lines);
	tl->lines[tl->n++] = buf_steal(&wr->line);
	wr->w = 0;
	wr->count++;
}

/*
 * Adds a word unit by unit, starting a new line whenever the next unit
 * would not fit. A line that is still empty takes the unit anyway, so a
 * wide character at width 1 cannot stall the loop.
 */
static void
place_word(struct wrapper *wr, const char *s, size_t n)
{
	size_t i = 0, k;
	int w;

	while (i < n) {
		k = unit(s + i, n - i, &w);
		if (w > 0 && wr->w > 0 && wr->w + w > wr->width)
			emit(wr);
		buf_addn(&wr->line, s + i, k);
		wr->w += w;
		i += k;
	}
}

static void
wrap_paragraph(struct wrapper *wr, const char *s, size_t n)
{
	size_t i = 0, sp, word;
	int spaces, ww, first = 1;

	while (i < n) {
		for (sp = i; i < n && s[i] == ' '; i++)
			;
		spaces = (int)(i - sp);
		if (i == n)
			break;
		for (word = i; i < n && s[i] != ' '; i++)
			;
		ww = width_n(s + word, i - word);
		if (!first && wr->w + spaces + ww <= wr->width) {
			add_spaces(&wr->line, spaces);
			wr->w += spaces;
		} else {
			if (!first)
				emit(wr);
			else if (spaces + ww <= wr->width) {
				add_spaces(&wr->line, spaces);
				wr->w += spaces;
			}
		}
		place_word(wr, s + word, i - word);
		first = 0;
	}
	emit(wr);
}

int
text_wrap(const char *s, int width, struct text_lines *out)
{
	struct wrapper wr;
	const char *nl;
	size_t n;

	s = orempty(s);
	if (*s == '\0')
		return 0;
	wr.out = out;
	buf_init(&wr.line);
	wr.w = 0;
	wr.width = width < 1 ? 1 : width;
	wr.count = 0;
	for (;;) {
		nl = strchr(s, '\n');
		n = nl != NULL ? (size_t)(nl - s) : strlen(s);
		wrap_paragraph(&wr, s, n);
		if (nl == NULL)
			break;
		s = nl + 1;
	}
	buf_done(&wr.line);
	return wr.count;
}

static int
ascii_space(char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

char *
text_trim(const char *s)
{
	size_t n;

	s = orempty(s);
	while (ascii_space(*s))
		s++;
	n = strlen(s);
	while (n > 0 && ascii_space(s[n - 1]))
		n--;
	return x_strndup(s, n);
}

int
text_is_blank(const char *s)
{
	s = orempty(s);
	while (ascii_space(*s))
		s++;
	return *s == '\0';
}

size_t
utf8_clip(const char *s, size_t len, size_t max)
{
	if (len <= max)
		return len;
	while (max > 0 && ((unsigned char)s[max] & 0xc0) == 0x80)
		max--;
	return max;
}
