/*
 * doc.c: escaping and page furniture for documents (see doc.h).
 *
 * The escapers run over every string of a report that may hold 100,000
 * recommendations, so they write runs of plain bytes at once and only
 * allocate for text that holds control characters.
 */
#include <inttypes.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "coopcom/core/date.h"
#include "coopcom/core/money.h"
#include "coopcom/util/text.h"
#include "coopcom/util/xalloc.h"
#include "coopcom/vm/doc.h"

int
doc_parse_format(const char *text, unsigned allowed, enum doc_format *f,
    struct err *e)
{
	static const struct {
		const char *name;
		enum doc_format f;
	} names[] = { { "md", DOC_MD }, { "markdown", DOC_MD },
		{ "html", DOC_HTML }, { "csv", DOC_CSV } };
	size_t i;

	for (i = 0; text != NULL && i < sizeof names / sizeof names[0]; i++) {
		if (strcmp(text, names[i].name) == 0 &&
		    (allowed & DOC_ALLOW(names[i].f))) {
			*f = names[i].f;
			return 0;
		}
	}
	return err_set(e, ERR_INVALID, "%s%s%s: the format is md, html%s",
	    text ? "\"" : "no --format given", text ? text : "",
	    text ? "\" is not a format" : "",
	    (allowed & DOC_ALLOW(DOC_CSV)) ? " or csv" : "");
}

/* Whether C must be shown in its backslash form (text_escape). */
static bool
control(unsigned char c)
{
	return (c < 0x20 && c != '\n' && c != '\t') || c == 0x7f;
}

/*
 * Writes S with each byte that SPECIAL marks replaced by what REPLACE
 * gives for the byte at P (START is the text's beginning). Text holding a
 * control character is first shown as on a terminal.
 */
static void
write_escaped(FILE *fp, const char *s, const bool special[256],
    const char *(*replace)(const char *p, const char *start))
{
	const char *start = s ? s : "", *p, *run;
	char *copy = NULL;
	unsigned char c;

	for (p = start; *p; p++) {
		if (control((unsigned char)*p)) {
			copy = text_escape(start, TEXT_KEEP_NEWLINE |
			    TEXT_KEEP_TAB);
			start = copy;
			break;
		}
	}
	for (p = run = start; (c = (unsigned char)*p) != '\0'; p++) {
		if (!special[c])
			continue;
		fwrite(run, 1, (size_t)(p - run), fp);
		fputs(replace(p, start), fp);
		run = p + 1;
	}
	fwrite(run, 1, (size_t)(p - run), fp);
	free(copy);
}

static const char *
html_entity(const char *p, const char *start)
{
	(void)start;
	switch (*p) {
	case '&':
		return "&amp;";
	case '<':
		return "&lt;";
	case '>':
		return "&gt;";
	case '"':
		return "&quot;";
	default:
		return "&#39;";
	}
}

static const bool html_special[256] = { ['&'] = true, ['<'] = true,
	['>'] = true, ['"'] = true, ['\''] = true };

void
doc_html(FILE *fp, const char *s)
{
	write_escaped(fp, s, html_special, html_entity);
}

#define MD_SPECIAL "\\`*_[]<>#|~"

/* A line end inside a paragraph is a hard break; a blank line stays. */
static const char *
md_escape(const char *p, const char *start)
{
	static const char *const esc[] = { "\\\\", "\\`", "\\*", "\\_", "\\[",
		"\\]", "\\<", "\\>", "\\#", "\\|", "\\~" };

	if (*p == '\n')
		return p[1] == '\n' || p[1] == '\0' || (p > start &&
		    p[-1] == '\n') ? "\n" : "\\\n";
	return esc[strchr(MD_SPECIAL, *p) - MD_SPECIAL];
}

static const char *
md_cell_escape(const char *p, const char *start)
{
	if (*p == '\n' || *p == '\r' || *p == '\t')
		return " ";
	return md_escape(p, start);
}

#define MD_TABLE ['\\'] = true, ['`'] = true, ['*'] = true, ['_'] = true, \
	['['] = true, [']'] = true, ['<'] = true, ['>'] = true, ['#'] = true, \
	['|'] = true, ['~'] = true, ['\n'] = true
static const bool md_special[256] = { MD_TABLE };
static const bool md_cell_special[256] = { MD_TABLE, ['\r'] = true,
	['\t'] = true };

void
doc_md(FILE *fp, const char *s)
{
	write_escaped(fp, s, md_special, md_escape);
}

void
doc_md_cell(FILE *fp, const char *s)
{
	write_escaped(fp, s, md_cell_special, md_cell_escape);
}

static const char style[] =
    "body{font-family:Georgia,'Times New Roman',serif;max-width:60em;"
    "margin:2em auto;padding:0 1em;color:#111;line-height:1.4}\n"
    "h1,h2,h3,h4{font-family:Arial,Helvetica,sans-serif;"
    "page-break-after:avoid}\n"
    "h1{font-size:1.7em;border-bottom:2px solid #333}\n"
    "h2{font-size:1.35em;border-bottom:1px solid #999;margin-top:2em}\n"
    "table{border-collapse:collapse;width:100%;margin:.6em 0;"
    "font-size:.92em}\n"
    "th,td{border:1px solid #777;padding:.25em .45em;text-align:left;"
    "vertical-align:top}\n"
    "th{background:#eee}\n"
    "td.n,th.n{text-align:right;white-space:nowrap}\n"
    "td.x{text-align:center;font-weight:bold}\n"
    "tr.group th{background:#ddd}\n"
    "tr.total td{font-weight:bold;border-top:2px solid #333}\n"
    ".rec{border:1px solid #bbb;padding:.4em .9em;margin:1em 0;"
    "page-break-inside:avoid}\n"
    ".key{border:1px solid #900;color:#900;padding:0 .3em;"
    "font-size:.8em;font-family:Arial,sans-serif}\n"
    ".meta{color:#444}\n"
    ".text{white-space:pre-wrap}\n"
    "@media print{body{margin:0;max-width:none;font-size:10.5pt}"
    "h2{page-break-before:always}h2.first{page-break-before:avoid}"
    "a{color:inherit;text-decoration:none}"
    "thead{display:table-header-group}tr{page-break-inside:avoid}"
    "@page{margin:18mm 15mm}}\n";

void
doc_html_start(FILE *fp, const char *title)
{
	fputs("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n<title>", fp);
	doc_html(fp, title);
	fputs("</title>\n<style>\n", fp);
	fputs(style, fp);
	fputs("</style>\n</head>\n<body>\n", fp);
}

void
doc_html_end(FILE *fp)
{
	fputs("</body>\n</html>\n", fp);
}

void
doc_money(int64_t pence, char *out)
{
	if (money_format(pence, out, MONEY_FORMAT_MAX) < 0)
		fatal("money_format: no room for %lld", (long long)pence);
}

char *
doc_date(const char *iso)
{
	static const char *const months[] = { "January", "February", "March",
		"April", "May", "June", "July", "August", "September",
		"October", "November", "December" };
	struct date d;
	struct err e;

	if (iso == NULL)
		return x_strdup("");
	if (date_parse_iso(iso, &d, &e) < 0)
		return x_strdup(iso);
	return x_printf("%d %s %d", d.day, months[d.month - 1], d.year);
}

void
doc_text(FILE *fp, bool html, const char *s)
{
	if (html)
		doc_html(fp, s);
	else
		doc_md(fp, s);
}

void
doc_cell(FILE *fp, bool html, const char *s)
{
	if (html)
		doc_html(fp, s);
	else
		doc_md_cell(fp, s);
}

void
doc_table_start(FILE *fp, bool html, const char *const *heads, size_t n,
    unsigned numeric)
{
	size_t i;

	if (html) {
		fputs("<table>\n<thead><tr>", fp);
		for (i = 0; i < n; i++) {
			fputs(numeric & (1u << i) ? "<th class=\"n\">" : "<th>",
			    fp);
			doc_html(fp, heads[i]);
			fputs("</th>", fp);
		}
		fputs("</tr></thead>\n<tbody>\n", fp);
		return;
	}
	fputc('|', fp);
	for (i = 0; i < n; i++) {
		fputc(' ', fp);
		doc_md_cell(fp, heads[i]);
		fputs(" |", fp);
	}
	fputs("\n|", fp);
	for (i = 0; i < n; i++)
		fputs(numeric & (1u << i) ? " ---: |" : " --- |", fp);
	fputc('\n', fp);
}

void
doc_table_end(FILE *fp, bool html)
{
	fputs(html ? "</tbody>\n</table>\n" : "\n", fp);
}

void
doc_row_start(FILE *fp, bool html, bool total)
{
	fputs(html ? (total ? "<tr class=\"total\">" : "<tr>") : "|", fp);
}

void
doc_row_end(FILE *fp, bool html)
{
	fputs(html ? "</tr>\n" : "\n", fp);
}

void
doc_td(FILE *fp, bool html, const char *s)
{
	fputs(html ? "<td>" : " ", fp);
	doc_cell(fp, html, s ? s : "");
	fputs(html ? "</td>" : " |", fp);
}

void
doc_td_num(FILE *fp, bool html, int64_t n)
{
	fprintf(fp, html ? "<td class=\"n\">%" PRId64 "</td>" :
	    " %" PRId64 " |", n);
}

void
doc_heading(FILE *fp, bool html, int level, const char *id, const char *s)
{
	int i;

	if (html) {
		fprintf(fp, "<h%d", level);
		if (id != NULL) {
			fputs(" id=\"", fp);
			doc_html(fp, id);
			fputc('"', fp);
		}
		fputc('>', fp);
		doc_html(fp, s);
		fprintf(fp, "</h%d>\n", level);
		return;
	}
	for (i = 0; i < level; i++)
		fputc('#', fp);
	fputc(' ', fp);
	doc_md_cell(fp, s);
	fputs("\n\n", fp);
}

void
doc_para_start(FILE *fp, bool html)
{
	fputs(html ? "<p>" : "", fp);
}

void
doc_para_end(FILE *fp, bool html)
{
	fputs(html ? "</p>\n" : "\n\n", fp);
}

void
doc_strong(FILE *fp, bool html, const char *s)
{
	fputs(html ? "<strong>" : "**", fp);
	doc_text(fp, html, s);
	fputs(html ? "</strong>" : "**", fp);
}
