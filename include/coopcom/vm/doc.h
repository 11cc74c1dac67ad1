/*
 * doc.h: writing documents people print or read: Markdown, HTML, CSV.
 *
 * The report to Cabinet and the minutes of a meeting are written with
 * these. Text from the database goes out escaped for the format, so a
 * title holding "<script>" or "**" prints as typed and does nothing; any
 * control character is first shown in its backslash form (text_escape),
 * as on a terminal. HTML pages are one self-contained file: the styles
 * are in the page (with print rules for paper or PDF), and nothing is
 * fetched from anywhere.
 */
#ifndef COOPCOM_VM_DOC_H
#define COOPCOM_VM_DOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "coopcom/util/err.h"

enum doc_format { DOC_MD, DOC_HTML, DOC_CSV };

#define DOC_ALLOW(f) (1u << (f))

/* "md" (or "markdown"), "html" or "csv", when ALLOWED (DOC_ALLOW bits)
 * has it; NULL is an error saying which are allowed. */
int doc_parse_format(const char *text, unsigned allowed, enum doc_format *f,
    struct err *e);

/* Text for HTML: & < > " ' as entities; newlines kept. */
void doc_html(FILE *fp, const char *s);
/* Text for a Markdown paragraph: punctuation that would format is
 * backslashed; a line break is kept as a hard break ("\\" at the end). */
void doc_md(FILE *fp, const char *s);
/* S as text of an HTML or a Markdown document: doc_html or doc_md. */
void doc_text(FILE *fp, bool html, const char *s);
/* Text for a Markdown table cell: as doc_md, "|" escaped, line ends as
 * spaces. */
void doc_md_cell(FILE *fp, const char *s);

/*
 * Tables, headings and paragraphs, written by the same calls as HTML
 * (HTML true) or Markdown, their text escaped. In a table, bit i of
 * NUMERIC aligns column i right (numbers); a TOTAL row is set in bold.
 * A cell is S as table text (doc_html or doc_md_cell), NULL as empty.
 */
void doc_cell(FILE *fp, bool html, const char *s);
void doc_table_start(FILE *fp, bool html, const char *const *heads,
    size_t n, unsigned numeric);
void doc_table_end(FILE *fp, bool html);
void doc_row_start(FILE *fp, bool html, bool total);
void doc_row_end(FILE *fp, bool html);
void doc_td(FILE *fp, bool html, const char *s);
void doc_td_num(FILE *fp, bool html, int64_t n);
/* A heading of LEVEL (1..6); ID, when not NULL, is its HTML anchor. */
void doc_heading(FILE *fp, bool html, int level, const char *id,
    const char *s);
void doc_para_start(FILE *fp, bool html);
void doc_para_end(FILE *fp, bool html);
void doc_strong(FILE *fp, bool html, const char *s);

/* The start of an HTML page titled TITLE (escaped here), its styles
 * included; and its end. */
void doc_html_start(FILE *fp, const char *title);
void doc_html_end(FILE *fp);

/* PENCE as "£1,234.50" into OUT (room for MONEY_FORMAT_MAX bytes). */
void doc_money(int64_t pence, char *out);

/* A date "2012-01-17" as "17 January 2012"; anything else as it is. Caller
 * frees. */
char *doc_date(const char *iso);

#endif
