/*
 * csv.h: comma-separated values (RFC 4180) for export and import.
 *
 * The writer appends to a struct buf; the reader walks a buffer already in
 * memory. Both work in UTF-8; the reader rejects anything else, naming the
 * line and field, so a secretary can find the cell in the spreadsheet.
 */
#ifndef COOPCOM_UTIL_CSV_H
#define COOPCOM_UTIL_CSV_H

#include <stddef.h>

#include "coopcom/util/buf.h"
#include "coopcom/util/err.h"

/* Hostile-input limits: going past either is an error, not a crash. */
#define CSV_FIELD_MAX (1024 * 1024) /* bytes in one field */
#define CSV_FIELDS_MAX 10000	    /* fields in one row */

enum csv_flag {
	/*
	 * Put a ' in front of a field that starts with = + - @, a tab or a
	 * CR. Spreadsheets run such a cell as a formula, so a member's name
	 * like =HYPERLINK(...) could act when the export is opened ("CSV
	 * injection"). Off by default because it changes the data: "-5"
	 * becomes "'-5" and no longer reads back as a number. Use it for
	 * files meant for a spreadsheet, never for files meant for import.
	 */
	CSV_SAFE_FORMULAS = 1 << 0
};

/*
 * Appends one field to the row being written in out. A comma goes first
 * unless out is empty or ends with '\n' (the start of a row). The field is
 * quoted when it holds a comma, a quote, CR or LF, or starts or ends with a
 * space, and its quotes are doubled. An empty first field is written as ""
 * so that a row is never mistaken for a blank line. field NULL is taken as
 * "".
 */
void csv_write_field(struct buf *out, const char *field, unsigned flags);

/* Ends the row with "\r\n", the line end RFC 4180 asks for (spreadsheets
 * and the reader below take "\n" as well). */
void csv_end_row(struct buf *out);

/* csv_write_field for each of the n fields, then csv_end_row. */
void csv_write_row(
    struct buf *out, const char *const *fields, size_t n, unsigned flags);

/* A reader over len bytes at data, which are borrowed for its lifetime. */
struct csv_reader {
	const char *data; /* the whole file */
	size_t len;	  /* its length in bytes */
	size_t pos;	  /* where the next row starts */
	long line;	  /* the 1-based physical line at pos */
	int failed;	  /* a row failed; reading stops there */
};

/* One row; zero-initialising works as csv_row_init. */
struct csv_row {
	char **fields; /* n fields owned by the row, UTF-8, never NULL */
	size_t n;      /* fields in this row */
	size_t cap;    /* fields allocated */
	long line;     /* the physical line the row starts on, 1-based */
};

/* A UTF-8 byte order mark at the start of data is skipped. The reader
 * owns no memory, so it needs no cleanup. */
void csv_reader_init(struct csv_reader *r, const char *data, size_t len);

/*
 * Reads the next row into row, replacing what it held (the fields of the
 * previous row are freed; take one by setting its pointer to NULL).
 * Returns 1 for a row, 0 at the end, -1 with e filled and row emptied.
 *
 * Quoted fields may hold commas, doubled quotes and line ends (kept as
 * written: CRLF stays CRLF). Rows end with CRLF, LF or a lone CR; the last
 * row may have none. Lines that are completely empty are skipped, because
 * editors and spreadsheets leave them at the end of files; a line of only
 * commas is a row of empty fields (see csv_row_blank).
 *
 * Errors (ERR_INVALID), each naming the line where the row starts and the
 * field number (1-based): a quoted field that is never closed, text after
 * a closing quote, a quote inside a field that does not start with one,
 * text that is not UTF-8, a NUL byte, a field over CSV_FIELD_MAX bytes, a
 * row over CSV_FIELDS_MAX fields. After an error every call returns -1.
 */
int csv_read_row(struct csv_reader *r, struct csv_row *row, struct err *e);

void csv_row_init(struct csv_row *row);
void csv_row_done(struct csv_row *row);

/* 1 when every field of row is empty or ASCII whitespace (or it has none). */
int csv_row_blank(const struct csv_row *row);

#endif
