/*
 * ical.h: iCalendar (RFC 5545) content lines, for the timeline export.
 *
 * A calendar program subscribed to the export must read every line, so
 * the rules of section 3.1 are kept exactly: each line ends in CRLF; a
 * line longer than 75 octets is folded (CRLF and one space, the space
 * counting towards the next line's 75), and never inside a UTF-8
 * character; TEXT values escape backslash, semicolon, comma and line
 * breaks (\\ \; \, \n). A control character other than a line break or a
 * tab is first shown in its backslash form (text_escape, as on a
 * terminal) and that is escaped in turn, so no control byte from the
 * database reaches the file.
 *
 * Everything appends to a growable string, which the caller writes out.
 */
#ifndef COOPCOM_VM_ICAL_H
#define COOPCOM_VM_ICAL_H

#include <stddef.h>

#include "coopcom/util/buf.h"

/* Lines are folded after this many octets (CRLF not counted). */
#define ICAL_LINE_MAX 75

/* The LEN bytes at LINE as one content line, folded, CRLF at the end. */
void ical_fold(struct buf *out, const char *line, size_t len);

/* S (NULL as "") escaped as a TEXT value; CRLF, CR and LF become \n. */
void ical_escape(struct buf *out, const char *s);

/* The content line NAME:VALUE, VALUE as it is (a date, a number...). */
void ical_prop(struct buf *out, const char *name, const char *value);

/* The content line NAME:TEXT, TEXT escaped (ical_escape). */
void ical_prop_text(struct buf *out, const char *name, const char *text);

/*
 * An ISO date "2011-07-26" as "20110726", or a UTC time "2011-07-26
 * 10:00:00" as "20110726T100000Z", into OUT (room for 17 bytes). Returns
 * 0, or -1 when ISO is neither.
 */
#define ICAL_TIME_SIZE 17
int ical_time(const char *iso, char out[ICAL_TIME_SIZE]);

#endif
