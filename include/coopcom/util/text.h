/*
 * text.h: text from the database made safe and measurable for a terminal.
 *
 * Names, titles and notes are typed by one person and shown to another. Any
 * of them may carry escape sequences (colours, OSC 52 clipboard writes, DCS),
 * bells, backspaces, carriage returns, C1 controls, bidi overrides, invisible
 * format characters or bytes that are not UTF-8. text_escape() turns every
 * such character into a visible backslash form, so nothing a person typed
 * can move the cursor, recolour, retitle, reorder or write to the clipboard
 * of someone else's terminal.
 *
 * The pipeline for every string on its way to the screen is: escape, then
 * measure (text_width), cut (text_fit) or wrap (text_wrap). The measuring
 * functions take "safe text", meaning text for which text_is_safe() is true
 * with the same flags; on other text their results are well defined (no
 * crash, never half a character) but do not match what a terminal shows.
 *
 * Width comes from wcwidth(3), so the caller must have set an UTF-8
 * LC_CTYPE (setlocale(LC_CTYPE, "") in a UTF-8 environment, or "C.UTF-8").
 * Under a non-UTF-8 locale every non-ASCII character is escaped, which is
 * safe but ugly.
 *
 * Every returned char * is a new string owned by the caller (free(3) it).
 * Arguments named s may be NULL, which is taken as "".
 */
#ifndef COOPCOM_UTIL_TEXT_H
#define COOPCOM_UTIL_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "coopcom/util/buf.h"

/* Flags; each function says which it reads and ignores the others. */
enum text_flag {
	TEXT_KEEP_NEWLINE = 1 << 0, /* escape: keep '\n' (and CRLF as '\n') */
	TEXT_KEEP_TAB = 1 << 1,	    /* escape: keep '\t' */
	TEXT_PAD = 1 << 2,	    /* fit: pad with spaces to the width */
	TEXT_ELLIPSIS_LEFT = 1 << 3 /* fit: keep the end, "…" in front */
};

/*
 * What text_escape() does, character by character:
 *
 *   printable UTF-8         kept as it is
 *   ESC (0x1b)              \e      so ESC [31m shows as \e[31m
 *   '\n', '\t'              \n, \t  unless TEXT_KEEP_NEWLINE / TEXT_KEEP_TAB
 *   CR LF                   a single '\n' under TEXT_KEEP_NEWLINE
 *   other C0 and DEL        \x07, \x0d, \x7f ... (two lower-case hex digits)
 *   C1 (U+0080..U+009F)     \u0085 ...
 *   bidi and invisible      \u202e, \u200b, \ufeff, \u2028 ... (below)
 *   format characters
 *   code points wcwidth(3)  \u0378, \ufffe ... (unassigned in the C
 *   calls non-printable     library's Unicode tables, noncharacters)
 *   bytes that are not      \xNN for each such byte: overlong forms,
 *   UTF-8                   surrogates, truncated sequences, stray
 *                           continuation bytes, raw C1 bytes, > U+10FFFF
 *
 * \u takes at least four lower-case hex digits (\ue0001 for tags).
 *
 * The escaped characters besides controls are the bidi controls (U+061C,
 * U+200E, U+200F, U+202A..U+202E, U+2066..U+2069), zero-width and joining
 * characters (U+200B..U+200D, U+2060..U+2064, U+FEFF), the line and
 * paragraph separators (U+2028, U+2029), the soft hyphen (U+00AD), the
 * Hangul fillers (U+115F, U+1160, U+3164, U+FFA0) and U+180E, the other
 * deprecated format characters (U+206A..U+206F), interlinear annotation
 * (U+FFF9..U+FFFB), shorthand and musical format controls, and the tag
 * characters (U+E0000..U+E007F). An emoji joined with U+200D therefore shows
 * as its parts with \u200d between them: joiners can hide text, so they go.
 *
 * A backslash already in the text stays a single backslash: this is for
 * showing text, not for round-tripping it, so "\e" in the output may have
 * been typed as a backslash and an e. The text in the database is never
 * changed.
 *
 * The result is never NULL.
 */
char *text_escape(const char *s, unsigned flags);

/*
 * As text_escape() for the n bytes at s (which may include NUL bytes, shown
 * as \x00), appended to out. Returns the number of bytes appended.
 */
size_t text_escape_to(struct buf *out, const char *s, size_t n, unsigned flags);

/* 1 when text_escape(s, flags) would return s unchanged, else 0. */
int text_is_safe(const char *s, unsigned flags);

/*
 * The number of terminal columns safe text s occupies on one line:
 * combining marks and other zero-width characters 0, East Asian wide
 * characters and most emoji 2, everything else 1. Input must be safe text;
 * a control character or an invalid byte counts as 1 column.
 */
int text_width(const char *s);

/*
 * A new string of safe text s that occupies at most width columns.
 *
 * When s fits it is returned unchanged (padded with spaces to exactly
 * width columns under TEXT_PAD). Otherwise it is cut at a character
 * boundary and "…" (U+2026, one column) marks the cut, at the end or, under
 * TEXT_ELLIPSIS_LEFT, at the start, keeping the end of s (for paths). A cut
 * result always occupies exactly width columns: when a two-column
 * character would straddle the edge, a space takes its place. Combining
 * marks stay with their base character. width <= 0 gives "".
 */
char *text_fit(const char *s, int width, unsigned flags);

/* Lines made by text_wrap(); zero-initialising works as text_lines_init. */
struct text_lines {
	char **lines; /* n lines, each owned by the array, no '\n' */
	size_t n;     /* lines in use */
	size_t cap;   /* lines allocated */
};

void text_lines_init(struct text_lines *tl);
/* Frees every line and the array; tl is empty and reusable after. */
void text_lines_done(struct text_lines *tl);

/*
 * Word-wraps safe text s (escaped with TEXT_KEEP_NEWLINE at most) to lines
 * of at most width columns and appends them to out. Returns the number of
 * lines appended.
 *
 * Lines break at spaces, and the spaces at a break are dropped; spaces
 * inside a line and at the start of a paragraph are kept. A word wider
 * than width is broken at a character boundary. Each '\n' ends a
 * paragraph, so "a\n\nb" gives "a", "", "b" and "a\n" gives "a", "". An
 * empty s gives no lines. width < 1 is taken as 1; a line always holds at
 * least one character, so at width 1 a wide character overflows by one.
 */
int text_wrap(const char *s, int width, struct text_lines *out);

/* A copy of s without leading and trailing ASCII whitespace. */
char *text_trim(const char *s);

/* 1 when s is empty or only ASCII whitespace, else 0. */
int text_is_blank(const char *s);

/*
 * Strict UTF-8: no overlong forms, no surrogates (U+D800..U+DFFF), nothing
 * above U+10FFFF. NUL is a valid character.
 *
 * utf8_decode: the length (1..4) of the valid sequence at s[0], looking at
 * no more than n bytes, with its code point in *cp; -1 when s[0] does not
 * start a valid sequence (or n is 0), leaving *cp alone.
 */
int utf8_decode(const char *s, size_t n, uint32_t *cp);

/* Writes cp to out and returns its length (1..4); -1 for a surrogate or a
 * value above U+10FFFF, writing nothing. */
int utf8_encode(uint32_t cp, char out[4]);

/* 1 when all n bytes at s are valid UTF-8, else 0. */
int utf8_valid(const char *s, size_t n);

/*
 * Stepping through a string of len bytes, for line editors. Each valid
 * sequence is one step; each byte that does not start one is a step of its
 * own, so both directions agree on any input. utf8_next returns the start
 * of the character after the one at pos (len at the end); utf8_prev the
 * start of the character before pos (0 at the start).
 */
size_t utf8_next(const char *s, size_t len, size_t pos);
/* LEN cut to at most MAX bytes without splitting a UTF-8 character. */
size_t utf8_clip(const char *s, size_t len, size_t max);
size_t utf8_prev(const char *s, size_t pos);

#endif
