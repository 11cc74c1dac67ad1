/*
 * money.c: reading and writing pounds and pence (see money.h).
 *
 * Amounts are typed by secretaries and pasted from council reports, so the
 * parser accepts the ways a report writes money and nothing looser: a
 * half-understood amount ("£15k", "1 000") is refused with a message rather
 * than guessed at, because a wrong saving in a report to Cabinet is worse
 * than a retyped one.
 */
#include <string.h>

#include "coopcom/core/money.h"
#include "coopcom/util/err.h"
#include "coopcom/util/text.h"

#define POUND "\xc2\xa3" /* "£" in UTF-8 */
#define MAX_POUNDS (MONEY_MAX_PENCE / 100)
#define QUOTE_MAX 40 /* bytes of the input a message repeats */

static const char too_large[] =
    "too large; the largest amount is " POUND "999,999,999,999,999.99";
static const char bad_commas[] =
    "commas go between groups of three digits, as in " POUND "1,234";
static const char not_money[] =
    "not an amount of money; write it like " POUND "1,234.50 or 1234.50";
static const char negative[] = "the amount cannot be negative here";
static const char minus_first[] =
    "put the minus sign before the " POUND ", as in -" POUND "5.00";

struct cursor {
	const char *p;	 /* next byte to read */
	const char *end; /* one past the last byte, blanks trimmed */
};

static int
is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int
at(const struct cursor *c, char ch)
{
	return c->p < c->end && *c->p == ch;
}

static int
at_digit(const struct cursor *c)
{
	return c->p < c->end && is_digit(*c->p);
}

/*
 * Fails with the text quoted in front of why. Long text is cut at a
 * character boundary and marked, so the message stays readable.
 */
static int
fail(struct err *e, const char *text, size_t len, const char *why)
{
	size_t n = utf8_clip(text, len, QUOTE_MAX);

	return err_set(e, ERR_INVALID, "\"%.*s%s\": %s", (int)n, text,
	    n < len ? "\xe2\x80\xa6" : "", why);
}

/* Adds the digits at c->p to *pounds; n is how many to read (0: all). */
static int
add_digits(struct cursor *c, int64_t *pounds, int n)
{
	int read = 0;

	while (at_digit(c) && (n == 0 || read < n)) {
		*pounds = *pounds * 10 + (*c->p++ - '0');
		if (*pounds > MAX_POUNDS)
			return -1;
		read++;
	}
	return read;
}

/*
 * Reads whole pounds: plain digits, or a group of one to three digits
 * followed by comma-separated groups of exactly three.
 */
static int
read_pounds(struct cursor *c, int64_t *pounds, const char **why)
{
	int n;

	if (at(c, '.')) {
		*why = "put a digit before the decimal point, as in 0.50";
		return -1;
	}
	if ((n = add_digits(c, pounds, 0)) <= 0) {
		*why = n < 0 ? too_large : at(c, ',') ? bad_commas : not_money;
		return -1;
	}
	if (!at(c, ','))
		return 0;
	if (n > 3)
		goto misplaced;
	while (at(c, ',')) {
		c->p++;
		if ((n = add_digits(c, pounds, 3)) < 0) {
			*why = too_large;
			return -1;
		}
		if (n != 3 || at_digit(c))
			goto misplaced;
	}
	return 0;
misplaced:
	*why = bad_commas;
	return -1;
}

/* Reads ".5" or ".50" (or nothing) into *pennies. */
static int
read_pence(struct cursor *c, int64_t *pennies, const char **why)
{
	int n = 0;

	*pennies = 0;
	if (!at(c, '.'))
		return 0;
	c->p++;
	while (at_digit(c) && n < 2) {
		*pennies = *pennies * 10 + (*c->p++ - '0');
		n++;
	}
	if (n == 0) {
		*why = "put one or two digits after the decimal point, as "
		       "in 12.50";
		return -1;
	}
	if (at_digit(c)) {
		*why = "money has at most two decimal places (pence)";
		return -1;
	}
	if (n == 1)
		*pennies *= 10;
	return 0;
}

/* Reads a leading minus sign and the "£"; *neg is set for the sign. */
static int
read_sign(struct cursor *c, int *neg, unsigned flags, const char **why)
{
	int pound;

	*neg = at(c, '-');
	c->p += *neg;
	pound = c->end - c->p >= 2 && memcmp(c->p, POUND, 2) == 0;
	c->p += pound ? 2 : 0;
	if (!*neg && pound && at(c, '-'))
		*why = flags & MONEY_ALLOW_NEGATIVE ? minus_first : negative;
	else if (at(c, '+'))
		*why = "leave out the plus sign";
	else if (*neg && !(flags & MONEY_ALLOW_NEGATIVE))
		*why = negative;
	return *why == NULL ? 0 : -1;
}

int
money_parse(const char *text, int64_t *pence, unsigned flags, struct err *e)
{
	struct cursor c = {text, text + strlen(text)};
	const char *why = NULL;
	int64_t pounds = 0, pennies;
	int neg;

	while (c.p < c.end && is_blank(*c.p))
		c.p++;
	while (c.end > c.p && is_blank(c.end[-1]))
		c.end--;
	text = c.p;
	if (c.p == c.end)
		return err_set(e, ERR_INVALID, "no amount given");
	if (read_sign(&c, &neg, flags, &why) < 0 ||
	    read_pounds(&c, &pounds, &why) < 0 ||
	    read_pence(&c, &pennies, &why) < 0)
		return fail(e, text, (size_t)(c.end - text), why);
	if (c.p != c.end)
		return fail(e, text, (size_t)(c.end - text), not_money);
	pounds = pounds * 100 + pennies;
	*pence = neg ? -pounds : pounds;
	return 0;
}

/*
 * Builds the text right to left in a local buffer, so the length is known
 * before anything is copied to out. Negating through uint64_t keeps
 * INT64_MIN defined.
 */
static int
format(int64_t pence, char *out, size_t outsz, int pretty)
{
	char tmp[MONEY_FORMAT_MAX];
	char *p = tmp + sizeof tmp;
	uint64_t u = pence < 0 ? -(uint64_t)pence : (uint64_t)pence;
	int ndigits = 0;
	size_t len;

	*--p = '\0';
	*--p = (char)('0' + u % 10);
	u /= 10;
	*--p = (char)('0' + u % 10);
	u /= 10;
	*--p = '.';
	do {
		if (pretty && ndigits > 0 && ndigits % 3 == 0)
			*--p = ',';
		*--p = (char)('0' + u % 10);
		u /= 10;
		ndigits++;
	} while (u > 0);
	if (pretty) {
		p -= 2;
		memcpy(p, POUND, 2);
	}
	if (pence < 0)
		*--p = '-';
	len = (size_t)(tmp + sizeof tmp - 1 - p);
	if (len >= outsz) {
		if (outsz > 0)
			out[0] = '\0';
		return -1;
	}
	memcpy(out, p, len + 1);
	return (int)len;
}

int
money_format(int64_t pence, char *out, size_t outsz)
{
	return format(pence, out, outsz, 1);
}

int
money_format_plain(int64_t pence, char *out, size_t outsz)
{
	return format(pence, out, outsz, 0);
}
