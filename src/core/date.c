/*
 * date.c: civil dates and day numbers (see date.h).
 *
 * The day-number conversions follow Howard Hinnant's "chrono-Compatible
 * Low-Level Date Algorithms": shifting the year to start on 1 March puts
 * the leap day last, so the day of the year follows from the month by one
 * linear formula, and 400-year eras make the rest plain arithmetic. The
 * arithmetic is done in int64_t so no int32_t day number can overflow it.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "coopcom/core/date.h"
#include "coopcom/util/err.h"

static const char *const month_names[] = {"January", "February", "March",
    "April", "May", "June", "July", "August", "September", "October",
    "November", "December"};

/* The date fixed by date_set_today(); year 0 when the clock is used. */
static struct date fixed_today;

int
date_is_leap(int year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int
date_days_in_month(int year, int month)
{
	static const int days[] = {
	    31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (month < 1 || month > 12)
		return 0;
	if (month == 2 && date_is_leap(year))
		return 29;
	return days[month - 1];
}

int
date_is_valid(struct date d)
{
	if (d.year < DATE_YEAR_MIN || d.year > DATE_YEAR_MAX)
		return 0;
	return d.day >= 1 && d.day <= date_days_in_month(d.year, d.month);
}

int32_t
date_to_days(struct date d)
{
	int64_t y = d.year - (d.month <= 2);
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy =
	    (153 * (d.month + (d.month > 2 ? -3 : 9)) + 2) / 5 + d.day - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return (int32_t)(era * 146097 + doe - 719468);
}

struct date
date_from_days(int32_t days)
{
	int64_t z = (int64_t)days + 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	struct date d;

	d.day = (int)(doy - (153 * mp + 2) / 5 + 1);
	d.month = (int)(mp < 10 ? mp + 3 : mp - 9);
	d.year = (int)(yoe + era * 400 + (d.month <= 2));
	return d;
}

/* The value of n ASCII digits at s, or -1 if any of them is not a digit. */
static int
digits(const char *s, int n)
{
	int v = 0;

	for (; n > 0; n--, s++) {
		if (*s < '0' || *s > '9')
			return -1;
		v = v * 10 + (*s - '0');
	}
	return v;
}

int
date_parse_iso(const char *s, struct date *d, struct err *e)
{
	struct date t;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-' ||
	    (t.year = digits(s, 4)) < 0 || (t.month = digits(s + 5, 2)) < 0 ||
	    (t.day = digits(s + 8, 2)) < 0)
		return err_set(e, ERR_INVALID,
		    "\"%s\": write the date as YYYY-MM-DD, e.g. 2011-07-26", s);
	if (t.year < DATE_YEAR_MIN)
		return err_set(e, ERR_INVALID,
		    "\"%s\": the year must be between %d and %d", s,
		    DATE_YEAR_MIN, DATE_YEAR_MAX);
	if (t.month < 1 || t.month > 12)
		return err_set(
		    e, ERR_INVALID, "\"%s\": the month must be 01 to 12", s);
	if (t.day < 1 || t.day > date_days_in_month(t.year, t.month))
		return err_set(e, ERR_INVALID,
		    "\"%s\": the day must be 01 to %02d in %s %d", s,
		    date_days_in_month(t.year, t.month),
		    month_names[t.month - 1], t.year);
	*d = t;
	return 0;
}

int32_t
date_days_of(const char *iso, int32_t none)
{
	struct date d;
	struct err e;

	if (iso == NULL || date_parse_iso(iso, &d, &e) < 0)
		return none;
	return date_to_days(d);
}

void
date_format_iso(struct date d, char out[DATE_ISO_SIZE])
{
	unsigned y = (unsigned)d.year % 10000;
	unsigned m = (unsigned)d.month % 100, dd = (unsigned)d.day % 100;

	out[0] = (char)('0' + y / 1000);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[7] = '-';
	out[8] = (char)('0' + dd / 10);
	out[9] = (char)('0' + dd % 10);
	out[10] = '\0';
}

/* Days before a span is counted in months, and in years. */
#define AGE_MONTHS 60
#define AGE_YEARS 730

void
date_format_age(int32_t days, char out[DATE_AGE_SIZE])
{
	if (days < 0)
		days = 0;
	if (days < AGE_MONTHS)
		snprintf(out, DATE_AGE_SIZE, "%" PRId32 "d", days);
	else if (days < AGE_YEARS)
		snprintf(out, DATE_AGE_SIZE, "%" PRId32 "mo", days / 30);
	else
		snprintf(out, DATE_AGE_SIZE, "%" PRId32 "y", days / 365);
}

struct date
date_add_months(struct date d, int months)
{
	int64_t index = (int64_t)d.year * 12 + (d.month - 1) + months;
	int64_t year = (index >= 0 ? index : index - 11) / 12;
	int last;

	d.year = (int)year;
	d.month = (int)(index - year * 12) + 1;
	last = date_days_in_month(d.year, d.month);
	if (d.day > last)
		d.day = last;
	return d;
}

int
date_month_from_name(const char *name, size_t len)
{
	int m;

	if (len == 4 && strncasecmp(name, "sept", 4) == 0)
		return 9;
	for (m = 1; m <= 12; m++) {
		const char *full = month_names[m - 1];

		if ((len == 3 || len == strlen(full)) &&
		    strncasecmp(name, full, len) == 0)
			return m;
	}
	return 0;
}

const char *
date_month_name(int month)
{
	if (month < 1 || month > 12)
		return "?";
	return month_names[month - 1];
}

/* The one clock read in core. */
struct date
date_today(void)
{
	struct date d = fixed_today;
	struct tm tm;
	time_t now;

	if (d.year != 0)
		return d;
	now = time(NULL);
	if (localtime_r(&now, &tm) == NULL)
		return date_from_days((int32_t)(now / 86400));
	d.year = tm.tm_year + 1900;
	d.month = tm.tm_mon + 1;
	d.day = tm.tm_mday;
	return d;
}

void
date_set_today(struct date d)
{
	fixed_today = d;
}

int
date_today_is_fixed(void)
{
	return fixed_today.year != 0;
}
