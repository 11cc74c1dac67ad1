/*
 * timescale.h: target dates as councils write them.
 *
 * A milestone's timescale is kept exactly as written ("End August 2011",
 * "late July/early September"). timescale_parse derives from that text a
 * range of days, earliest to latest, which orders milestones and tells
 * which are overdue. It never guesses: text with no date in it is kept and
 * marked undated.
 *
 * DATE EXPRESSIONS, found anywhere in the text (case does not matter):
 *
 *   26 July 2011, 1st July 2011,   that day
 *     July 26, 2011
 *   2011-07-26, 26/07/2011,        that day (ISO, or UK day/month/year
 *     26-07-2011                   with the year in full)
 *   1-7 June 2011,                 those days
 *     1st to 7th June 2011
 *   September 2011, Sept 2011      the whole month
 *   early October 2011             1-10 October ("beginning of", "start of"
 *                                  also mean early)
 *   mid-November 2011,             11-20 November ("middle of" also)
 *     mid November 2011
 *   late July 2011, End July 2011, 21-31 July: "late" and "end" both mean
 *     end of July 2011             the last days from the 21st
 *   Spring 2012                    1 March - 31 May 2012
 *   Summer 2012                    1 June - 31 August 2012
 *   Autumn 2012                    1 September - 30 November 2012
 *   Winter 2012                    1 December 2012 - 28 February 2013
 *                                  (the winter that begins in 2012)
 *   Q3 2012                        calendar quarter: Q1 January-March,
 *                                  Q2 April-June, Q3 July-September,
 *                                  Q4 October-December
 *   2012                           1 January - 31 December 2012
 *   2012/13, 2012-13               financial year: 1 April 2012 -
 *                                  31 March 2013
 *
 * A month name is English, in full or abbreviated (Jan, Feb, Mar, Apr, Jun,
 * Jul, Aug, Sep, Sept, Oct, Nov, Dec). "may" in lower case is a month only
 * with a day, a qualifier or a year ("by 5 may", "end may", "may 2012"), so
 * "this may slip" has no date in it. A qualifier ("early", "end"...) before
 * a year alone is ignored: "end 2012" is the whole of 2012.
 *
 * THE RANGE of a text runs from the earliest day of any expression in it to
 * the latest day of any. So:
 *
 *   1 June – 7 July 2011               1 June - 7 July 2011
 *   October/November 2011              1 October - 30 November 2011
 *   late July/early September          21 July - 10 September (context year)
 *   December 2011/January 2012,        1 December 2011 - 31 January 2012
 *     December/January 2012
 *   Internal campaign – end of August  21 August - 31 October 2011
 *     2011, event in a school –
 *     October 2011
 *   Went live on 1 July 2011 – 118     1 July - 14 July 2011
 *     suggestions received 1-14 July
 *
 * Other words are ignored: labels before a dash ("Phase 1 – End July
 * 2011"), words before the date ("Launch 31 October 2011", "by November
 * 2011": the month), and remarks in parentheses ("End February 2012
 * (coincide with ...)"). A number counts only as a day written next to a
 * month name, or as a four-digit year: in "Phase 1" or "118 suggestions"
 * it is not a date, but any four-digit number from 1000 standing alone is
 * read as a year ("Local Government Act 2000" gives the whole of 2000).
 * The dashes - (hyphen), – (en) and — (em) separate ranges and labels
 * alike; so do "/" and "to" between expressions.
 *
 * YEARS. An expression without a year takes the year of the nearest later
 * expression that has one, else of the nearest earlier one; when the text
 * has no year at all, the first expression takes context_year and the
 * others follow from it ("December/January" with 2011: December 2011 to
 * January 2012).
 * The text is taken to read in date order: a month later in the year than
 * the one it borrows from falls in the year before ("December/January
 * 2012" is December 2011), and an earlier month after a dated one falls in
 * the year after. Years borrowed from a bare year or a financial year are
 * taken as they are. When no year can be known (none in the text and
 * context_year 0), the text is undated: "mid November" alone is
 * TIMESCALE_UNRECOGNISED.
 *
 * KINDS:
 *   TIMESCALE_EXACT         a single day (earliest == latest)
 *   TIMESCALE_RANGE         more than one day
 *   TIMESCALE_TBC           no usable date, but "to be confirmed", "to be
 *                           agreed", "to be arranged", "to be announced",
 *                           "to be decided", "to be determined", "TBC",
 *                           "TBA" or "TBD" ("date to be confirmed – late
 *                           July" with no year known is TBC; with one it
 *                           is a range)
 *   TIMESCALE_UNRECOGNISED  no usable date ("when funding allows"): kept,
 *                           shown as undated
 *
 * ERRORS (-1, ERR_INVALID, the message quoting the bad part): empty or
 * blank text; a day the month does not have ("31 February 2012", "32 July
 * 2011", "1-40 June 2011", "29 February 2011", "0 July 2011"; "31
 * February" even with no year known); a day range that runs
 * backwards ("7-1 June 2011"); a range that ends before it starts
 * ("December 2012/January 2012", "2012-2011"); a year outside 1000..9999
 * written next to a month or in a date ("July 20111", "26/07/11"); an
 * impossible ISO or UK date ("2011-02-30", "31/13/2011"); a financial year
 * whose years do not follow on ("2012/14").
 */
#ifndef COOPCOM_CORE_TIMESCALE_H
#define COOPCOM_CORE_TIMESCALE_H

#include <stdint.h>

struct err;

enum timescale_kind {
	TIMESCALE_EXACT,
	TIMESCALE_RANGE,
	TIMESCALE_TBC,
	TIMESCALE_UNRECOGNISED
};

struct timescale {
	enum timescale_kind kind;
	int32_t earliest; /* day numbers (date.h), for EXACT and RANGE; */
	int32_t latest;	  /* both 0 for TBC and UNRECOGNISED */
};

/*
 * Derives *ts from text as described above. context_year is the year to
 * assume when the text has none (e.g. the year of the report), or 0 for
 * none. Returns 0, or -1 with ERR_INVALID in *e and *ts set to
 * UNRECOGNISED. A context_year other than 0 or 1000..9999 is an error.
 */
int timescale_parse(
    const char *text, int context_year, struct timescale *ts, struct err *e);

/*
 * Orders for sorting (qsort-style <0, 0, >0): dated timescales by earliest
 * day, then latest; then TBC; then UNRECOGNISED.
 */
int timescale_compare(const struct timescale *a, const struct timescale *b);

/* "exact", "range", "tbc" or "undated". */
const char *timescale_kind_name(enum timescale_kind kind);

#endif
