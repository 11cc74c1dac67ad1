/*
 * ical.c: iCalendar content lines: folding, TEXT escaping, times (see
 * ical.h).
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "coopcom/util/text.h"
#include "coopcom/vm/ical.h"

/* A UTF-8 continuation byte: a fold must not come before one. */
static bool
continuation(unsigned char c)
{
	return (c & 0xc0) == 0x80;
}

void
ical_fold(struct buf *out, const char *line, size_t len)
{
	size_t room = ICAL_LINE_MAX, n;

	while (len > room) {
		/* A UTF-8 character is at most four bytes: when more
		 * continuation bytes than that run together, the text is
		 * not UTF-8 and any place will do. */
		for (n = room; n > room - 4 && continuation(
		    (unsigned char)line[n]); n--)
			;
		if (continuation((unsigned char)line[n]))
			n = room;
		buf_addn(out, line, n);
		buf_add(out, "\r\n ");
		line += n;
		len -= n;
		room = ICAL_LINE_MAX - 1;
	}
	buf_addn(out, line, len);
	buf_add(out, "\r\n");
}

/* Whether S holds a control character a calendar must not receive raw. */
static bool
has_control(const char *s)
{
	const unsigned char *p;

	for (p = (const unsigned char *)s; *p; p++)
		if ((*p < 0x20 && *p != '\n' && *p != '\r' && *p != '\t') ||
		    *p == 0x7f)
			return true;
	return false;
}

void
ical_escape(struct buf *out, const char *s)
{
	char *shown = NULL;
	const char *p;

	s = s != NULL ? s : "";
	if (has_control(s))
		s = shown = text_escape(s, TEXT_KEEP_NEWLINE | TEXT_KEEP_TAB);
	for (p = s; *p; p++) {
		switch (*p) {
		case '\\':
		case ';':
		case ',':
			buf_addc(out, '\\');
			buf_addc(out, *p);
			break;
		case '\r':
			if (p[1] == '\n')
				p++;
			/* FALLTHROUGH */
		case '\n':
			buf_add(out, "\\n");
			break;
		default:
			buf_addc(out, *p);
			break;
		}
	}
	free(shown);
}

static void
prop(struct buf *out, const char *name, const char *value, bool text)
{
	struct buf line;

	buf_init(&line);
	buf_add(&line, name);
	buf_addc(&line, ':');
	if (text)
		ical_escape(&line, value);
	else
		buf_add(&line, value);
	ical_fold(out, buf_str(&line), line.len);
	buf_done(&line);
}

void
ical_prop(struct buf *out, const char *name, const char *value)
{
	prop(out, name, value, false);
}

void
ical_prop_text(struct buf *out, const char *name, const char *text)
{
	prop(out, name, text, true);
}

/* Copies the digits of S at the offsets in AT (N of them) to OUT. */
static bool
digits(const char *s, const int *at, size_t n, char *out)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[at[i]] < '0' || s[at[i]] > '9')
			return false;
		out[i] = s[at[i]];
	}
	return true;
}

int
ical_time(const char *iso, char out[ICAL_TIME_SIZE])
{
	static const int date[] = { 0, 1, 2, 3, 5, 6, 8, 9 };
	static const int time[] = { 11, 12, 14, 15, 17, 18 };
	size_t len = iso != NULL ? strlen(iso) : 0;

	if ((len != 10 && len != 19) || iso[4] != '-' || iso[7] != '-' ||
	    !digits(iso, date, 8, out))
		return -1;
	if (len == 10) {
		out[8] = '\0';
		return 0;
	}
	if (iso[10] != ' ' || iso[13] != ':' || iso[16] != ':' ||
	    !digits(iso, time, 6, out + 9))
		return -1;
	out[8] = 'T';
	out[15] = 'Z';
	out[16] = '\0';
	return 0;
}
