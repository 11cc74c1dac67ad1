/*
 * timescale.c: target dates as councils write them (see timescale.h).
 *
 * Two passes. A scanner cuts the text into tokens: numbers, words, dashes,
 * and the forms that only make sense whole (2011-07-26, 26/07/2011,
 * 2012/13, Q3). A parser then walks the tokens, picks out every date
 * expression and skips every token that does not start one, which is how
 * labels, remarks and stray numbers are ignored. Each expression becomes
 * an item: a year (perhaps not yet known), a first month, a number of
 * months and the first and last day. Years are then lent between items,
 * and the timescale spans all of them.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "coopcom/core/date.h"
#include "coopcom/core/timescale.h"
#include "coopcom/util/err.h"
#include "coopcom/util/text.h"
#include "coopcom/util/xalloc.h"

#define QUOTE_MAX 60   /* bytes of the text a message repeats */
#define NUM_CAP 100000 /* numbers above this are all alike */

enum tok_kind {
	TOK_NUM,  /* a run of digits */
	TOK_WORD, /* a run of ASCII letters */
	TOK_DASH, /* - and the Unicode dashes */
	TOK_SLASH,
	TOK_OTHER,  /* any other character: , . ( ) ‘ ’ ... */
	TOK_DATE,   /* 2011-07-26 or 26/07/2011 */
	TOK_FY,	    /* 2012/13 */
	TOK_QUARTER /* Q1 .. Q4 */
};

enum word {
	W_NONE,
	W_MONTH,
	W_EARLY,
	W_MID,
	W_LATE,
	W_SEASON,
	W_OF,
	W_TO,
	W_BE,
	W_PENDING, /* "confirmed", "agreed" ... after "to be" */
	W_TBC	   /* "tbc", "tba", "tbd" */
};

struct tok {
	enum tok_kind kind;
	enum word word;	  /* TOK_WORD: what the word means here */
	int val;	  /* number (capped), month, a season's first
			     month, a financial year's first year, or
			     quarter */
	int ndigits;	  /* TOK_NUM: digits as written */
	int weak;	  /* "may" in lower case: a month only with help */
	struct date date; /* TOK_DATE */
	size_t off, len;  /* its bytes in the text */
};

struct item {
	int year;	 /* 0 until known */
	int month;	 /* first month, 1..12 */
	int nmonths;	 /* months covered, from the first */
	int first;	 /* first day, in the first month */
	int last;	 /* last day, in the last month; 0: its end */
	size_t from, to; /* its tokens: [from, to) */
};

struct scan {
	const char *text;
	struct err *e;
	struct tok *toks;
	size_t ntoks, tokcap;
	struct item *items;
	size_t nitems, itemcap;
};

static const struct {
	const char *name;
	enum word word;
	int val;
} words[] = {
    {"early", W_EARLY, 0},
    {"beginning", W_EARLY, 0},
    {"start", W_EARLY, 0},
    {"mid", W_MID, 0},
    {"middle", W_MID, 0},
    {"late", W_LATE, 0},
    {"end", W_LATE, 0},
    {"spring", W_SEASON, 3},
    {"summer", W_SEASON, 6},
    {"autumn", W_SEASON, 9},
    {"winter", W_SEASON, 12},
    {"of", W_OF, 0},
    {"to", W_TO, 0},
    {"be", W_BE, 0},
    {"confirmed", W_PENDING, 0},
    {"agreed", W_PENDING, 0},
    {"arranged", W_PENDING, 0},
    {"announced", W_PENDING, 0},
    {"decided", W_PENDING, 0},
    {"determined", W_PENDING, 0},
    {"tbc", W_TBC, 0},
    {"tba", W_TBC, 0},
    {"tbd", W_TBC, 0},
};

/* Quotes the bad part of the text in front of the reason. */
static int __attribute__((format(printf, 4, 5)))
fail(struct scan *sc, size_t off, size_t len, const char *fmt, ...)
{
	const char *s = sc->text + off;
	size_t n = utf8_clip(s, len, QUOTE_MAX);
	char why[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, sizeof why, fmt, ap);
	va_end(ap);
	return err_set(sc->e, ERR_INVALID, "\"%.*s%s\": %s", (int)n, s,
	    n < len ? "\xe2\x80\xa6" : "", why);
}

/* Bytes of the text that the tokens [from, to) span. */
static size_t
toks_len(const struct scan *sc, size_t from, size_t to)
{
	return sc->toks[to - 1].off + sc->toks[to - 1].len - sc->toks[from].off;
}

/*
 * Checks that days first..last exist in month (of year, when it is known)
 * and run forwards; off and len are the bytes of the text to quote.
 */
static int
check_days(struct scan *sc, size_t off, size_t len, int year, int month,
    int first, int last)
{
	int max = date_days_in_month(2000, month);

	if (first == 0 || last == 0)
		return fail(sc, off, len, "there is no day 0");
	if (first > max || last > max)
		return fail(sc, off, len, "there is no %d %s",
		    first > max ? first : last, date_month_name(month));
	if (year != 0 && last > date_days_in_month(year, month))
		return fail(sc, off, len,
		    "%d is not a leap year, so February has 28 days", year);
	if (first > last)
		return fail(sc, off, len,
		    "the days run backwards; write the earlier day first, "
		    "as in 1-7 %s",
		    date_month_name(month));
	return 0;
}

static int
check_year(struct scan *sc, size_t off, size_t len, int year)
{
	if (year < DATE_YEAR_MIN || year > DATE_YEAR_MAX)
		return fail(sc, off, len, "the year must be between %d and %d",
		    DATE_YEAR_MIN, DATE_YEAR_MAX);
	return 0;
}

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int
is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Bytes of the blank at s (a no-break space too), or 0. */
static size_t
blank_len(const char *s)
{
	if (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
		return 1;
	return (unsigned char)s[0] == 0xc2 && (unsigned char)s[1] == 0xa0 ? 2
									  : 0;
}

/* Bytes of the dash at s: - ‐ ‑ ‒ – — (U+2010..2014) or − (U+2212); or 0. */
static size_t
dash_len(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;

	if (*u == '-')
		return 1;
	if (u[0] == 0xe2 && u[1] == 0x80 && u[2] >= 0x90 && u[2] <= 0x94)
		return 3;
	if (u[0] == 0xe2 && u[1] == 0x88 && u[2] == 0x92)
		return 3;
	return 0;
}

/* Bytes of the UTF-8 character at s, never past its end. */
static size_t
char_len(const char *s)
{
	size_t n = 1;

	if ((unsigned char)*s < 0xc0)
		return 1;
	while (((unsigned char)s[n] & 0xc0) == 0x80 && n < 4)
		n++;
	return n;
}

/* Reads the digits at s into *val (capped); returns how many there are. */
static size_t
digit_run(const char *s, int *val)
{
	size_t n = 0;

	*val = 0;
	for (; is_digit(s[n]); n++)
		if (*val < NUM_CAP)
			*val = *val * 10 + (s[n] - '0');
	return n;
}

/* Whether s starts with "st", "nd", "rd" or "th" and then a non-letter. */
static int
is_ordinal(const char *s)
{
	static const char *const suffixes[] = {"st", "nd", "rd", "th"};
	size_t i;

	for (i = 0; i < 4; i++)
		if (strncasecmp(s, suffixes[i], 2) == 0 && !is_alpha(s[2]))
			return 1;
	return 0;
}

/* A whole-day token from its parts, checked. */
static int
make_date(struct scan *sc, struct tok *t, int y, int m, int d)
{
	t->kind = TOK_DATE;
	if (check_year(sc, t->off, t->len, y) < 0)
		return -1;
	if (m < 1 || m > 12)
		return fail(sc, t->off, t->len, "there is no month %d", m);
	t->date = (struct date){y, m, d};
	return check_days(sc, t->off, t->len, y, m, d, d);
}

/*
 * Reads the token that starts with the digit at s: 2011-07-26, 26/07/2011
 * or 26-07-2011 (the year in full), 2012/13 or 2012-13 (a financial year),
 * or a number with any ordinal suffix (1st, 2nd, 3rd, 4th) taken in.
 */
static int
scan_number(struct scan *sc, const char *s, struct tok *t)
{
	int a, b = 0, c = 0;
	size_t na = digit_run(s, &a), nb = 0, nc = 0;
	const char *p = s + na;

	if (*p == '-' || *p == '/')
		nb = digit_run(p + 1, &b);
	if (nb >= 1 && nb <= 2 && p[1 + nb] == *p)
		nc = digit_run(p + 2 + nb, &c);
	t->len = na;
	if (na == 4 && *p == '-' && nc >= 1 && nc <= 2) {
		t->len = na + 2 + nb + nc;
		return make_date(sc, t, a, b, c);
	}
	if (na <= 2 && nc >= 1 && (*p == '/' || nc == 4)) {
		t->len = na + 2 + nb + nc;
		if (nc != 4)
			return fail(sc, t->off, t->len,
			    "write the year in full, as in 26/07/2011");
		return make_date(sc, t, c, b, a);
	}
	if (na == 4 && a >= 1000 && nb == 2 && nc == 0 &&
	    (*p == '/' || b == (a + 1) % 100)) {
		t->kind = TOK_FY;
		t->val = a;
		t->len = 7;
		if (b != (a + 1) % 100)
			return fail(sc, t->off, t->len,
			    "a financial year runs into the next year, "
			    "as in %d/%02d",
			    a, (a + 1) % 100);
		return 0;
	}
	t->kind = TOK_NUM;
	t->val = a;
	t->ndigits = (int)(na < 9 ? na : 9);
	if (is_ordinal(p))
		t->len += 2;
	return 0;
}

/* Reads the word at s: a month, a known word, or Q1..Q4. */
static void
scan_word(const char *s, struct tok *t)
{
	size_t n = 0, i;

	while (is_alpha(s[n]))
		n++;
	t->kind = TOK_WORD;
	t->len = n;
	if (n == 1 && (*s == 'q' || *s == 'Q') && s[1] >= '1' && s[1] <= '4' &&
	    !is_digit(s[2]) && !is_alpha(s[2])) {
		t->kind = TOK_QUARTER;
		t->val = s[1] - '0';
		t->len = 2;
		return;
	}
	if ((t->val = date_month_from_name(s, n)) != 0) {
		t->word = W_MONTH;
		t->weak = n == 3 && memcmp(s, "may", 3) == 0;
		return;
	}
	for (i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strlen(words[i].name) == n &&
		    strncasecmp(s, words[i].name, n) == 0) {
			t->word = words[i].word;
			t->val = words[i].val;
			return;
		}
}

static int
tokenise(struct scan *sc)
{
	const char *s = sc->text;
	size_t n;

	while (*s != '\0') {
		struct tok t = {.off = (size_t)(s - sc->text)};

		if ((n = blank_len(s)) > 0) {
			s += n;
			continue;
		}
		if (is_digit(*s)) {
			if (scan_number(sc, s, &t) < 0)
				return -1;
		} else if (is_alpha(*s))
			scan_word(s, &t);
		else if ((t.len = dash_len(s)) > 0)
			t.kind = TOK_DASH;
		else {
			t.kind = *s == '/' ? TOK_SLASH : TOK_OTHER;
			t.len = char_len(s);
		}
		sc->toks = x_grow(
		    sc->toks, &sc->tokcap, sc->ntoks + 1, sizeof *sc->toks);
		sc->toks[sc->ntoks++] = t;
		s += t.len;
	}
	return 0;
}

static int
tok_is(const struct scan *sc, size_t i, enum tok_kind kind)
{
	return i < sc->ntoks && sc->toks[i].kind == kind;
}

static int
tok_word(const struct scan *sc, size_t i, enum word word)
{
	return tok_is(sc, i, TOK_WORD) && sc->toks[i].word == word;
}

/* A number that could be a day of the month. */
static int
tok_day(const struct scan *sc, size_t i)
{
	return tok_is(sc, i, TOK_NUM) && sc->toks[i].ndigits <= 2;
}

static size_t
add_item(struct scan *sc, size_t from, size_t to, struct item it)
{
	it.from = from;
	it.to = to;
	sc->items =
	    x_grow(sc->items, &sc->itemcap, sc->nitems + 1, sizeof *sc->items);
	sc->items[sc->nitems++] = it;
	return to - from;
}

/*
 * Reads a year after a month or season: a four-digit number, perhaps
 * after a comma or full stop. Returns the tokens read (0 when there is no
 * year) or -1 when a number there is a year out of range.
 */
static int
parse_year(struct scan *sc, size_t i, int *year)
{
	size_t j = i;
	const struct tok *t;

	if (tok_is(sc, j, TOK_OTHER) && strchr(",.", sc->text[sc->toks[j].off]))
		j++;
	if (!tok_is(sc, j, TOK_NUM) || sc->toks[j].ndigits < 4)
		return 0;
	t = &sc->toks[j];
	if (j > i && (t->ndigits > 4 || t->val < 1000))
		return 0;
	if (check_year(sc, t->off, t->len, t->ndigits > 4 ? 0 : t->val) < 0)
		return -1;
	*year = t->val;
	return (int)(j - i + 1);
}

/*
 * The month name at token i and what follows it ("July", "July 2011",
 * "July 26, 2011"); the expression began at token from. first..last are
 * the days before it (last 0: to the month's end), 0..0 for the whole
 * month; digits says they were written as numbers, so must be checked.
 */
static int
parse_month(
    struct scan *sc, size_t i, size_t from, int first, int last, int digits)
{
	struct item it = {.month = sc->toks[i].val, .nmonths = 1};
	size_t j = i + 1;
	int n;

	if (!digits && first == 0 && tok_day(sc, j)) {
		if ((n = parse_year(sc, j + 1, &it.year)) < 0)
			return -1;
		if (n > 0) {
			first = last = sc->toks[j].val;
			digits = 1;
			j += 1 + (size_t)n;
		}
	}
	if (it.year == 0) {
		if ((n = parse_year(sc, j, &it.year)) < 0)
			return -1;
		j += (size_t)n;
	}
	if (sc->toks[i].weak && first == 0 && it.year == 0)
		return 0;
	if (digits &&
	    check_days(sc, sc->toks[from].off, toks_len(sc, from, j), 0,
		it.month, first, last) < 0)
		return -1;
	it.first = first != 0 ? first : 1;
	it.last = last;
	return (int)add_item(sc, from, j, it);
}

/* "1 July", "1-7 June", "1st to 7th of June", each maybe with a year. */
static int
parse_days(struct scan *sc, size_t i)
{
	int first = sc->toks[i].val, last = first;
	size_t j = i + 1;

	if ((tok_is(sc, j, TOK_DASH) || tok_word(sc, j, W_TO)) &&
	    tok_day(sc, j + 1)) {
		last = sc->toks[j + 1].val;
		j += 2;
	}
	if (tok_word(sc, j, W_OF))
		j++;
	if (!tok_word(sc, j, W_MONTH))
		return 0;
	return parse_month(sc, j, i, first, last, 1);
}

/* "early October", "mid-November", "end of August": first..last days. */
static int
parse_qualified(struct scan *sc, size_t i, int first, int last)
{
	size_t j = i + 1;

	if (tok_is(sc, j, TOK_DASH))
		j++;
	if (tok_word(sc, j, W_OF))
		j++;
	if (!tok_word(sc, j, W_MONTH))
		return 0;
	return parse_month(sc, j, i, first, last, 0);
}

/* Three months from month, with an optional year: a season or quarter. */
static int
parse_quarter(struct scan *sc, size_t i, int month)
{
	struct item it = {.month = month, .nmonths = 3, .first = 1};
	int n;

	if ((n = parse_year(sc, i + 1, &it.year)) < 0)
		return -1;
	return (int)add_item(sc, i, i + 1 + (size_t)n, it);
}

/* A whole year from month: a calendar or a financial year. */
static int
parse_whole_year(struct scan *sc, size_t i, int year, int month)
{
	struct item it = {year, month, 12, 1, 0, 0, 0};

	return (int)add_item(sc, i, i + 1, it);
}

/* The date expression at token i: tokens read, 0 if none, -1 on error. */
static int
parse_item(struct scan *sc, size_t i)
{
	const struct tok *t = &sc->toks[i];
	struct item it;

	switch (t->kind) {
	case TOK_DATE:
		it = (struct item){t->date.year, t->date.month, 1, t->date.day,
		    t->date.day, 0, 0};
		return (int)add_item(sc, i, i + 1, it);
	case TOK_FY:
		return parse_whole_year(sc, i, t->val, 4);
	case TOK_QUARTER:
		return parse_quarter(sc, i, 3 * t->val - 2);
	case TOK_NUM:
		if (t->ndigits <= 2)
			return parse_days(sc, i);
		if (t->ndigits == 4 && t->val >= 1000)
			return parse_whole_year(sc, i, t->val, 1);
		return 0;
	case TOK_WORD:
		break;
	default:
		return 0;
	}
	switch (t->word) {
	case W_MONTH:
		return parse_month(sc, i, i, 0, 0, 0);
	case W_SEASON:
		return parse_quarter(sc, i, t->val);
	case W_EARLY:
		return parse_qualified(sc, i, 1, 10);
	case W_MID:
		return parse_qualified(sc, i, 11, 20);
	case W_LATE:
		return parse_qualified(sc, i, 21, 0);
	default:
		return 0;
	}
}

/*
 * The year for it, borrowed from a neighbour: the text reads in date
 * order, so a month later in the year than a later neighbour's is in the
 * year before, and one earlier than an earlier neighbour's the year after.
 */
static int
borrow_year(const struct item *it, const struct item *from, int later)
{
	if (from->nmonths == 12)
		return from->year;
	if (later && it->month > from->month)
		return from->year - 1;
	if (!later && it->month < from->month)
		return from->year + 1;
	return from->year;
}

/* Gives every item a year; 0 when no year can be known. */
static int
lend_years(struct scan *sc, int context_year)
{
	struct item *it = sc->items;
	size_t i, n = sc->nitems;

	for (i = n - 1; i-- > 0;)
		if (it[i].year == 0 && it[i + 1].year != 0)
			it[i].year = borrow_year(&it[i], &it[i + 1], 1);
	if (it[0].year == 0)
		it[0].year = context_year;
	for (i = 1; i < n; i++)
		if (it[i].year == 0 && it[i - 1].year != 0)
			it[i].year = borrow_year(&it[i], &it[i - 1], 0);
	return it[0].year != 0;
}

/* The first and last day of an item whose year is known. */
static int
item_days(struct scan *sc, const struct item *it, int32_t *lo, int32_t *hi)
{
	struct date a = {it->year, it->month, it->first};
	struct date b = date_add_months(
	    (struct date){it->year, it->month, 1}, it->nmonths - 1);
	size_t off = sc->toks[it->from].off;
	size_t len = toks_len(sc, it->from, it->to);

	if (check_year(sc, off, len, a.year) < 0 ||
	    check_year(sc, off, len, b.year) < 0)
		return -1;
	if (it->last != 0 &&
	    check_days(sc, off, len, b.year, b.month, it->first, it->last) < 0)
		return -1;
	b.day = it->last != 0 ? it->last : date_days_in_month(b.year, b.month);
	*lo = date_to_days(a);
	*hi = date_to_days(b);
	return 0;
}

/* Whether item i follows item i - 1 across a single dash, "/" or "to". */
static int
joined(const struct scan *sc, size_t i)
{
	size_t gap = sc->items[i - 1].to;

	return sc->items[i].from == gap + 1 &&
	    (tok_is(sc, gap, TOK_DASH) || tok_is(sc, gap, TOK_SLASH) ||
		tok_word(sc, gap, W_TO));
}

/* The span of all items, checking that joined ones run forwards. */
static int
span(struct scan *sc, struct timescale *ts)
{
	int32_t lo, hi, prev_lo = 0;
	size_t i, from;

	for (i = 0; i < sc->nitems; i++) {
		if (item_days(sc, &sc->items[i], &lo, &hi) < 0)
			return -1;
		if (i > 0 && joined(sc, i) && hi < prev_lo) {
			from = sc->items[i - 1].from;
			return fail(sc, sc->toks[from].off,
			    toks_len(sc, from, sc->items[i].to),
			    "the range ends before it starts; write the "
			    "earlier date first");
		}
		if (i == 0 || lo < ts->earliest)
			ts->earliest = lo;
		if (i == 0 || hi > ts->latest)
			ts->latest = hi;
		prev_lo = lo;
	}
	ts->kind =
	    ts->earliest == ts->latest ? TIMESCALE_EXACT : TIMESCALE_RANGE;
	return 0;
}

/* Whether the text says the date is still to be settled. */
static int
says_tbc(const struct scan *sc)
{
	size_t i;

	for (i = 0; i < sc->ntoks; i++)
		if (tok_word(sc, i, W_TBC) ||
		    (tok_word(sc, i, W_TO) && tok_word(sc, i + 1, W_BE) &&
			tok_word(sc, i + 2, W_PENDING)))
			return 1;
	return 0;
}

static int
scan_text(struct scan *sc, int context_year, struct timescale *ts)
{
	size_t i = 0;
	int n;

	if (tokenise(sc) < 0)
		return -1;
	while (i < sc->ntoks) {
		if ((n = parse_item(sc, i)) < 0)
			return -1;
		i += n > 0 ? (size_t)n : 1;
	}
	if (sc->nitems == 0 || !lend_years(sc, context_year)) {
		ts->kind =
		    says_tbc(sc) ? TIMESCALE_TBC : TIMESCALE_UNRECOGNISED;
		return 0;
	}
	return span(sc, ts);
}

int
timescale_parse(
    const char *text, int context_year, struct timescale *ts, struct err *e)
{
	struct scan sc = {.text = text, .e = e};
	const char *s = text;
	int rc;

	ts->kind = TIMESCALE_UNRECOGNISED;
	ts->earliest = ts->latest = 0;
	if (context_year != 0 &&
	    (context_year < DATE_YEAR_MIN || context_year > DATE_YEAR_MAX))
		return err_set(e, ERR_INVALID,
		    "the year to assume, %d, must be between %d and %d",
		    context_year, DATE_YEAR_MIN, DATE_YEAR_MAX);
	while (blank_len(s) > 0)
		s += blank_len(s);
	if (*s == '\0')
		return err_set(e, ERR_INVALID, "no timescale given");
	rc = scan_text(&sc, context_year, ts);
	if (rc < 0) {
		ts->kind = TIMESCALE_UNRECOGNISED;
		ts->earliest = ts->latest = 0;
	}
	free(sc.toks);
	free(sc.items);
	return rc;
}

int
timescale_compare(const struct timescale *a, const struct timescale *b)
{
	int da = a->kind == TIMESCALE_EXACT || a->kind == TIMESCALE_RANGE;
	int db = b->kind == TIMESCALE_EXACT || b->kind == TIMESCALE_RANGE;

	if (da != db)
		return da ? -1 : 1;
	if (!da)
		return (a->kind > b->kind) - (a->kind < b->kind);
	if (a->earliest != b->earliest)
		return a->earliest < b->earliest ? -1 : 1;
	return (a->latest > b->latest) - (a->latest < b->latest);
}

const char *
timescale_kind_name(enum timescale_kind kind)
{
	switch (kind) {
	case TIMESCALE_EXACT:
		return "exact";
	case TIMESCALE_RANGE:
		return "range";
	case TIMESCALE_TBC:
		return "tbc";
	default:
		return "undated";
	}
}
