/*
 * date.h: civil (Gregorian) dates as day numbers.
 *
 * Milestones, meetings and decisions carry dates; the database stores them
 * as ISO text (YYYY-MM-DD) and the program compares and shifts them as day
 * numbers: days since 1970-01-01, negative before it. The conversions are
 * Howard Hinnant's days_from_civil and civil_from_days, exact for every
 * year an int32_t day number can reach.
 *
 * Everything here is pure except date_today(), which reads the clock unless
 * date_set_today() fixed the date (the --today option, and tests).
 */
#ifndef COOPCOM_CORE_DATE_H
#define COOPCOM_CORE_DATE_H

#include <stddef.h>
#include <stdint.h>

struct err;

/* The years a date written by a person may have (date_parse_iso, timescale). */
#define DATE_YEAR_MIN 1000
#define DATE_YEAR_MAX 9999

/* Room for "YYYY-MM-DD" and its NUL. */
#define DATE_ISO_SIZE 11

struct date {
	int year;  /* e.g. 2011 */
	int month; /* 1 (January) .. 12 */
	int day;   /* 1 .. date_days_in_month(year, month) */
};

/* 1 when year is a Gregorian leap year, else 0. */
int date_is_leap(int year);

/* Days in the month (28..31); 0 when month is not 1..12. */
int date_days_in_month(int year, int month);

/* 1 when d names a real day with a year in DATE_YEAR_MIN..DATE_YEAR_MAX. */
int date_is_valid(struct date d);

/* Day number of d (1970-01-01 is 0). d must be a real day. */
int32_t date_to_days(struct date d);

/* The date of a day number; the inverse of date_to_days. */
struct date date_from_days(int32_t days);

/*
 * Parses exactly "YYYY-MM-DD": four-digit year 1000..9999, two-digit month
 * and day, a real calendar day (29 February only in leap years), nothing
 * before or after. Returns 0 and fills *d, or -1 with ERR_INVALID in *e.
 */
int date_parse_iso(const char *s, struct date *d, struct err *e);

/* The day number of ISO ("YYYY-MM-DD"), or NONE when ISO is NULL or not
 * such a date (a column that may be empty). */
int32_t date_days_of(const char *iso, int32_t none);

/* Writes "YYYY-MM-DD" and a NUL into out; d's year must be 0..9999. */
void date_format_iso(struct date d, char out[DATE_ISO_SIZE]);

/* Room for a span of days in short ("12d", "3mo", "2y") and its NUL. */
#define DATE_AGE_SIZE 16

/*
 * A span of days, short, for a list column: "0d" to "59d", then whole
 * months of 30 days ("2mo" to "23mo"), then whole years of 365 days
 * ("2y"). A negative span (a date after a --today in the past) is "0d".
 */
void date_format_age(int32_t days, char out[DATE_AGE_SIZE]);

/*
 * d moved by a number of calendar months (negative moves back). The day is
 * kept, or clamped to the last day of a shorter month: 31 August 2011 plus
 * six months is 29 February 2012, and 28 February 2011 in a common year.
 */
struct date date_add_months(struct date d, int months);

/*
 * The month (1..12) that the len bytes at name spell in English, ignoring
 * case: full names ("September") or the abbreviations Jan, Feb, Mar, Apr,
 * Jun, Jul, Aug, Sep, Sept, Oct, Nov, Dec ("May" is both). 0 when it is
 * none of them. name need not be NUL-terminated.
 */
int date_month_from_name(const char *name, size_t len);

/* The English name of month 1..12 ("January"); "?" for anything else. */
const char *date_month_name(int month);

/*
 * Today's local date, or the date fixed by date_set_today(). The only
 * function in core that reads the clock.
 */
struct date date_today(void);

/*
 * Fixes what date_today() returns, for --today and for tests. A date with
 * year 0 ({0, 0, 0}) goes back to reading the clock.
 */
void date_set_today(struct date d);

/* Whether date_set_today() has fixed the date (1) or the clock is read
 * (0). */
int date_today_is_fixed(void);

#endif
