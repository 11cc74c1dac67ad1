/*
 * report.c: the report to Cabinet (see report.h).
 *
 * One pass: the recommendations arrive in report order (store/report.h);
 * a change of sub-group closes the last one's section with its totals, a
 * change of term opens a new heading, and the totals per sub-group, per
 * term and overall are added up in integer pence as the rows go by, to
 * be printed in the financial summary after them. The lists that follow
 * (membership, engagement, timescales) are the store's named lists.
 */
#include <inttypes.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "coopcom/core/date.h"
#include "coopcom/core/impact.h"
#include "coopcom/core/money.h"
#include "coopcom/store/impact.h"
#include "coopcom/store/list.h"
#include "coopcom/store/report.h"
#include "coopcom/util/csv.h"
#include "coopcom/util/xalloc.h"
#include "coopcom/vm/report.h"

/* Progress is reported every this many recommendations. */
#define PROGRESS_EVERY 2048

enum { TERM_SHORT, TERM_MEDIUM, TERM_LONG, TERM_NONE, NTERMS };

static const char *const term_ids[NTERMS] = { "short", "medium", "long",
	NULL };
static const char *const term_labels[NTERMS] = { "Short term (6 months)",
	"Medium term (18 months)", "Long term (3 years and more)",
	"Term not stated" };

struct totals {
	int64_t n;			/* recommendations */
	int64_t savings, cost;		/* pence */
	int64_t key;			/* key decisions */
};

/* A sub-group's totals, kept for the summary. */
struct sg_totals {
	char *name;			/* "CC-LCL Leisure, ..." */
	char *code;			/* "CC-LCL" */
	char *title;			/* "Leisure, ..." */
	struct totals t;
};

struct rw {
	struct store *st;
	const struct report_options *o;
	FILE *fp;
	bool md, html, csv;
	char *sg;			/* the sub-group being written */
	int term;			/* its term being written, or -1 */
	struct totals all, terms[NTERMS];
	struct sg_totals *sgs;
	size_t nsg, sgcap;
	struct buf csv_row;
};

const char *
report_term_label(const char *term)
{
	int i;

	for (i = 0; i < TERM_NONE; i++)
		if (term != NULL && strcmp(term, term_ids[i]) == 0)
			return term_labels[i];
	return term_labels[TERM_NONE];
}

static int
term_index(const char *term)
{
	int i;

	for (i = 0; i < TERM_NONE; i++)
		if (term != NULL && strcmp(term, term_ids[i]) == 0)
			return i;
	return TERM_NONE;
}

static void
cell(struct rw *w, const char *s)
{
	doc_cell(w->fp, w->html, s);
}

static void
money(struct rw *w, int64_t pence)
{
	char m[MONEY_FORMAT_MAX];

	doc_money(pence, m);
	fputs(m, w->fp);
}

/* ---- tables: the same calls make HTML or Markdown (doc.h) ---- */

static void
table_start(struct rw *w, const char *const *heads, size_t n,
    unsigned numeric)
{
	doc_table_start(w->fp, w->html, heads, n, numeric);
}

static void
table_end(struct rw *w)
{
	doc_table_end(w->fp, w->html);
}

static void
row_start(struct rw *w, bool total)
{
	doc_row_start(w->fp, w->html, total);
}

static void
row_end(struct rw *w)
{
	doc_row_end(w->fp, w->html);
}

static void
td(struct rw *w, const char *s)
{
	doc_td(w->fp, w->html, s);
}

static void
td_num(struct rw *w, int64_t n)
{
	doc_td_num(w->fp, w->html, n);
}

static void
td_money(struct rw *w, int64_t pence)
{
	fputs(w->html ? "<td class=\"n\">" : " ", w->fp);
	money(w, pence);
	fputs(w->html ? "</td>" : " |", w->fp);
}

static void
heading(struct rw *w, int level, const char *id, const char *s)
{
	doc_heading(w->fp, w->html, level, id, s);
}

static void
para_start(struct rw *w)
{
	doc_para_start(w->fp, w->html);
}

static void
para_end(struct rw *w)
{
	doc_para_end(w->fp, w->html);
}

static void
strong(struct rw *w, const char *s)
{
	doc_strong(w->fp, w->html, s);
}

/* ---- the recommendations ---- */

static bool
is_key(const struct rw *w, const struct report_item *it)
{
	return (it->has_savings && it->savings >= w->o->key_decision_pence) ||
	    (it->has_cost && it->cost >= w->o->key_decision_pence);
}

static void
add(struct totals *t, const struct report_item *it, bool key)
{
	t->n++;
	t->savings += it->savings;
	t->cost += it->cost;
	t->key += key;
}

static void
totals_row(struct rw *w, const char *label, const struct totals *t,
    bool total)
{
	row_start(w, total);
	td(w, label);
	td_num(w, t->n);
	td_money(w, t->savings);
	td_money(w, t->cost);
	td_num(w, t->key);
	row_end(w);
}

static const char *const totals_heads[] = { "", "Recommendations",
	"Savings", "Up-front costs", "Key decisions" };
#define TOTALS_NUMERIC 0x1e

static void
close_subgroup(struct rw *w)
{
	struct sg_totals *s;
	char *label;

	if (w->sg == NULL)
		return;
	s = &w->sgs[w->nsg - 1];
	if (w->csv)
		return;
	label = x_printf("Total of %s", s->name);
	table_start(w, totals_heads, 5, TOTALS_NUMERIC);
	totals_row(w, label, &s->t, true);
	table_end(w);
	free(label);
}

static void
open_subgroup(struct rw *w, const struct report_item *it)
{
	char *name = x_printf("%s-%s %s", it->commission, it->subgroup,
	    it->subgroup_name);
	char *id = x_printf("%s-%s", it->commission, it->subgroup);

	close_subgroup(w);
	free(w->sg);
	w->sg = id;
	w->term = -1;
	w->sgs = x_grow(w->sgs, &w->sgcap, w->nsg + 1, sizeof *w->sgs);
	memset(&w->sgs[w->nsg], 0, sizeof w->sgs[w->nsg]);
	w->sgs[w->nsg].code = x_strdup(id);
	w->sgs[w->nsg].title = x_strdup(it->subgroup_name);
	w->sgs[w->nsg++].name = name;
	if (!w->csv)
		heading(w, 3, id, name);
}

static void
grid_mark(struct rw *w, bool on)
{
	if (w->html)
		fputs(on ? "<td class=\"x\">x</td>" : "<td class=\"x\"></td>",
		    w->fp);
	else
		fputs(on ? " x |" : "  |", w->fp);
}

static void
impact_grid(struct rw *w, const struct report_item *it)
{
	static const char *const heads[] = { "Integrated impact assessment",
		"Neutral", "Positive", "Negative", "Comments" };
	int group = -1;
	size_t i;

	if (!it->assessed) {
		para_start(w);
		strong(w, "Integrated impact assessment:");
		doc_text(w->fp, w->html, " not yet carried out.");
		para_end(w);
		return;
	}
	table_start(w, heads, 5, 0);
	for (i = 0; i < IMPACT_HEADINGS; i++) {
		if ((int)impact_heading(i)->group != group) {
			group = (int)impact_heading(i)->group;
			fputs(w->html ? "<tr class=\"group\"><th colspan=\"5\">" :
			    "| **", w->fp);
			cell(w, impact_group_label((enum impact_group)group));
			fputs(w->html ? "</th></tr>\n" : "** | | | | |\n", w->fp);
		}
		row_start(w, false);
		td(w, impact_heading(i)->label);
		grid_mark(w, it->impacts[i].rating == IMPACT_NEUTRAL);
		grid_mark(w, it->impacts[i].rating == IMPACT_POSITIVE);
		grid_mark(w, it->impacts[i].rating == IMPACT_NEGATIVE);
		td(w, it->impacts[i].comment);
		row_end(w);
	}
	table_end(w);
}

static const char *
stage_label(struct rw *w, const char *id)
{
	const struct workflow_stage *s = workflow_stage(
	    store_workflow(w->st), id);

	return s ? s->label : id;
}

static void
fact(struct rw *w, const char *label, const char *value, bool money_set,
    int64_t pence)
{
	fputs(w->html ? "<tr><th>" : "| ", w->fp);
	cell(w, label);
	fputs(w->html ? "</th><td>" : " | ", w->fp);
	if (money_set)
		money(w, pence);
	else
		cell(w, value);
	fputs(w->html ? "</td></tr>\n" : " |\n", w->fp);
}

static void
item_facts(struct rw *w, const struct report_item *it)
{
	char *target = it->target ? doc_date(it->target) : NULL;

	if (w->html)
		fputs("<table class=\"facts\">\n", w->fp);
	else
		fputs("| | |\n| --- | --- |\n", w->fp);
	fact(w, "Savings", "not stated", it->has_savings, it->savings);
	fact(w, "Up-front cost", "not stated", it->has_cost, it->cost);
	fact(w, "Stage", stage_label(w, it->stage), false, 0);
	if (target != NULL)
		fact(w, "Target date", target, false, 0);
	fputs(w->html ? "</table>\n" : "\n", w->fp);
	free(target);
}

static void
write_item(struct rw *w, const struct report_item *it, bool key)
{
	if (w->html) {
		fputs("<div class=\"rec\">\n<h4 id=\"", w->fp);
		doc_html(w->fp, it->ref);
		fputs("\">", w->fp);
		doc_html(w->fp, it->ref);
		fputc(' ', w->fp);
		doc_html(w->fp, it->title);
		if (key)
			fputs(" <span class=\"key\">Key decision</span>", w->fp);
		fputs("</h4>\n", w->fp);
	} else {
		fputs("##### ", w->fp);
		doc_md_cell(w->fp, it->ref);
		fputc(' ', w->fp);
		doc_md_cell(w->fp, it->title);
		fputs(key ? " (key decision)\n\n" : "\n\n", w->fp);
	}
	if (*it->text) {
		fputs(w->html ? "<p class=\"text\">" : "", w->fp);
		doc_text(w->fp, w->html, it->text);
		para_end(w);
	}
	item_facts(w, it);
	para_start(w);
	strong(w, "Equality impact (Citizens' Group):");
	fputc(' ', w->fp);
	doc_text(w->fp, w->html, it->equality_impact ? it->equality_impact : "none recorded.");
	para_end(w);
	impact_grid(w, it);
	if (w->html)
		fputs("</div>\n", w->fp);
}

/* Money twice: integer pence for programs, "£1,234.50" for people. */
static void
csv_money(struct buf *b, bool set, int64_t pence)
{
	char m[MONEY_FORMAT_MAX];

	if (!set) {
		csv_write_field(b, "", 0);
		csv_write_field(b, "", 0);
		return;
	}
	snprintf(m, sizeof m, "%" PRId64, pence);
	csv_write_field(b, m, 0);
	doc_money(pence, m);
	csv_write_field(b, m, 0);
}

static const char *const csv_heads[] = { "row", "commission", "subgroup",
	"subgroup_name", "term", "ref", "title", "text", "stage",
	"recommendations", "savings_pence", "savings", "upfront_cost_pence",
	"upfront_cost", "key_decision", "equality_impact" };
#define CSV_HEADS (sizeof csv_heads / sizeof csv_heads[0])

static void
csv_header(struct rw *w)
{
	struct buf *b = &w->csv_row;
	char *h;
	size_t i;

	for (i = 0; i < CSV_HEADS; i++)
		csv_write_field(b, csv_heads[i], 0);
	for (i = 0; i < IMPACT_HEADINGS; i++) {
		h = x_printf("impact_%s", impact_heading(i)->id);
		csv_write_field(b, h, 0);
		free(h);
	}
	csv_write_field(b, "impact_comments", 0);
	csv_end_row(b);
	fputs(buf_str(b), w->fp);
	buf_reset(b);
}

static void
csv_int(struct buf *b, int64_t n)
{
	char s[24];

	snprintf(s, sizeof s, "%" PRId64, n);
	csv_write_field(b, s, 0);
}

static void
csv_item(struct rw *w, const struct report_item *it, bool key)
{
	struct buf *b = &w->csv_row, comments;
	const unsigned f = CSV_SAFE_FORMULAS;
	size_t i;

	buf_init(&comments);
	csv_write_field(b, "recommendation", 0);
	csv_write_field(b, it->commission, f);
	csv_write_field(b, it->subgroup, f);
	csv_write_field(b, it->subgroup_name, f);
	csv_write_field(b, it->term ? it->term : "", 0);
	csv_write_field(b, it->ref, f);
	csv_write_field(b, it->title, f);
	csv_write_field(b, it->text, f);
	csv_write_field(b, it->stage, 0);
	csv_write_field(b, "1", 0);
	csv_money(b, it->has_savings, it->savings);
	csv_money(b, it->has_cost, it->cost);
	csv_write_field(b, key ? "yes" : "no", 0);
	csv_write_field(b, it->equality_impact, f);
	for (i = 0; i < IMPACT_HEADINGS; i++) {
		csv_write_field(b, impact_rating_name(it->impacts[i].rating), 0);
		if (*it->impacts[i].comment)
			buf_printf(&comments, "%s%s: %s", comments.len ? "; " :
			    "", impact_heading(i)->id, it->impacts[i].comment);
	}
	csv_write_field(b, buf_str(&comments), f);
	csv_end_row(b);
	fputs(buf_str(b), w->fp);
	buf_reset(b);
	buf_done(&comments);
}

/* A totals row of the CSV: KIND, with a sub-group or term named. */
static void
csv_totals(struct rw *w, const char *kind, const struct sg_totals *sg,
    const char *term, const struct totals *t)
{
	struct buf *b = &w->csv_row;
	char s[24];
	size_t i;

	csv_write_field(b, kind, 0);
	csv_write_field(b, "", 0);
	csv_write_field(b, sg ? sg->code : "", CSV_SAFE_FORMULAS);
	csv_write_field(b, sg ? sg->title : "", CSV_SAFE_FORMULAS);
	csv_write_field(b, term ? term : "", 0);
	for (i = 0; i < 4; i++)
		csv_write_field(b, "", 0);
	csv_int(b, t->n);
	csv_money(b, true, t->savings);
	csv_money(b, true, t->cost);
	snprintf(s, sizeof s, "%" PRId64, t->key);
	csv_write_field(b, s, 0);
	for (i = 0; i < IMPACT_HEADINGS + 2; i++)
		csv_write_field(b, "", 0);
	csv_end_row(b);
	fputs(buf_str(b), w->fp);
	buf_reset(b);
}

/* Whether the sub-group being written is IT's ("CC-LCL"). */
static bool
same_subgroup(const struct rw *w, const struct report_item *it)
{
	size_t n = strlen(it->commission);

	return w->sg != NULL && strncmp(w->sg, it->commission, n) == 0 &&
	    w->sg[n] == '-' && strcmp(w->sg + n + 1, it->subgroup) == 0;
}

static void
item(struct rw *w, const struct report_item *it)
{
	bool key = is_key(w, it);
	int t = term_index(it->term);

	if (!same_subgroup(w, it))
		open_subgroup(w, it);
	if (t != w->term && !w->csv)
		heading(w, 4, NULL, term_labels[t]);
	w->term = t;
	add(&w->all, it, key);
	add(&w->terms[t], it, key);
	add(&w->sgs[w->nsg - 1].t, it, key);
	if (w->csv)
		csv_item(w, it, key);
	else
		write_item(w, it, key);
}

static int
recommendations(struct rw *w, struct err *e)
{
	const struct report_item *it;
	struct store_report *r;
	int64_t total, done = 0;
	int rc;

	if (store_report_open(w->st, w->o->commission_id, &r, &total, e) < 0)
		return -1;
	if (!w->csv)
		heading(w, 2, "recommendations", "Recommendations");
	while ((rc = store_report_next(r, &it, e)) == 1) {
		item(w, it);
		if (++done % PROGRESS_EVERY == 0 && w->o->progress)
			w->o->progress(w->o->arg, done, total);
	}
	store_report_close(r);
	if (rc < 0)
		return -1;
	close_subgroup(w);
	if (done == 0 && !w->csv) {
		para_start(w);
		doc_text(w->fp, w->html, "No recommendation has been approved by the Assembly "
		    "yet.");
		para_end(w);
	}
	if (w->o->progress)
		w->o->progress(w->o->arg, done, total);
	return 0;
}

static void
csv_summary(struct rw *w)
{
	size_t i;
	int t;

	for (i = 0; i < w->nsg; i++)
		csv_totals(w, "subgroup_total", &w->sgs[i], NULL,
		    &w->sgs[i].t);
	for (t = 0; t < NTERMS; t++)
		if (w->terms[t].n > 0)
			csv_totals(w, "term_total", NULL, t < TERM_NONE ?
			    term_ids[t] : "not_stated", &w->terms[t]);
	csv_totals(w, "total", NULL, NULL, &w->all);
}

static void
summary(struct rw *w)
{
	char m[MONEY_FORMAT_MAX];
	size_t i;
	int t;

	heading(w, 2, "summary", "Financial summary");
	para_start(w);
	doc_money(w->o->key_decision_pence, m);
	doc_text(w->fp, w->html, "Savings and up-front costs as each sub-group stated them, "
	    "added up exactly. A recommendation is a key decision when its "
	    "savings or its up-front cost is ");
	doc_text(w->fp, w->html, m);
	doc_text(w->fp, w->html, " or more.");
	para_end(w);
	heading(w, 3, NULL, "By sub-group");
	table_start(w, totals_heads, 5, TOTALS_NUMERIC);
	for (i = 0; i < w->nsg; i++)
		totals_row(w, w->sgs[i].name, &w->sgs[i].t, false);
	totals_row(w, "All sub-groups", &w->all, true);
	table_end(w);
	heading(w, 3, NULL, "By term");
	table_start(w, totals_heads, 5, TOTALS_NUMERIC);
	for (t = 0; t < NTERMS; t++)
		if (w->terms[t].n > 0 || t < TERM_NONE)
			totals_row(w, term_labels[t], &w->terms[t], false);
	totals_row(w, "All terms", &w->all, true);
	table_end(w);
}

static int
matrix(struct rw *w, struct err *e)
{
	static const char *const heads[] = { "Heading", "Negative",
		"Neutral", "Positive", "Not assessed", "Rated negative" };
	struct store_impact_count m[IMPACT_HEADINGS];
	int64_t recs;
	size_t i;

	if (store_impact_matrix(w->st, w->o->commission_id, true, m, &recs,
	    e) < 0)
		return -1;
	heading(w, 2, "impacts", "Integrated impact assessment: where "
	    "negative impacts fall");
	table_start(w, heads, 6, 0x1e);
	for (i = 0; i < IMPACT_HEADINGS; i++) {
		row_start(w, false);
		td(w, impact_heading(i)->label);
		td_num(w, m[i].count[IMPACT_NEGATIVE]);
		td_num(w, m[i].count[IMPACT_NEUTRAL]);
		td_num(w, m[i].count[IMPACT_POSITIVE]);
		td_num(w, m[i].count[IMPACT_UNRATED]);
		td(w, m[i].negative);
		row_end(w);
	}
	table_end(w);
	store_impact_matrix_free(m);
	return 0;
}

/*
 * Writes a store list as a table: HEADS over the list's COLS, with
 * NONE said when it is empty.
 */
static int
list_table(struct rw *w, const char *list, const char *const *heads,
    const char *const *cols, size_t n, const char *none, struct err *e)
{
	struct list_filter f = { 0 };
	struct store_cursor *c;
	size_t idx[8], i;
	int64_t rows = 0;
	int rc;

	f.commission_id = w->o->commission_id;
	if (store_list_open(w->st, list, &f, &c, e) < 0)
		return -1;
	for (i = 0; i < n; i++)
		idx[i] = store_cursor_column(c, cols[i]);
	while ((rc = store_cursor_next(c, e)) == 1) {
		if (rows++ == 0)
			table_start(w, heads, n, 0);
		row_start(w, false);
		for (i = 0; i < n; i++)
			td(w, store_cursor_text(c, idx[i]));
		row_end(w);
	}
	store_cursor_close(c);
	if (rc < 0)
		return -1;
	if (rows > 0) {
		table_end(w);
	} else {
		para_start(w);
		doc_text(w->fp, w->html, none);
		para_end(w);
	}
	return 0;
}

static int
appendices(struct rw *w, struct err *e)
{
	static const char *const mh[] = { "Commission", "Sub-group", "Name",
		"Role", "Joined" };
	static const char *const mc[] = { "commission", "subgroup", "name",
		"role", "joined" };
	static const char *const eh[] = { "Date", "Commission", "Sub-group",
		"Method", "Audience", "Reach" };
	static const char *const ec[] = { "date", "commission", "subgroup",
		"method", "audience", "reach" };
	static const char *const th[] = { "Commission", "Sub-group", "Theme",
		"Milestone", "Timescale", "Status", "State" };
	static const char *const tc[] = { "commission", "subgroup", "theme",
		"title", "timescale", "status", "state" };

	heading(w, 2, "membership", "Membership of the commission and its "
	    "sub-groups");
	if (list_table(w, "members", mh, mc, 5, "No members are recorded.",
	    e) < 0)
		return -1;
	heading(w, 2, "engagement", "Engagement carried out");
	if (list_table(w, "engagement", eh, ec, 6, "No engagement is "
	    "recorded.", e) < 0)
		return -1;
	heading(w, 2, "timescales", "Appendix: timescales");
	return list_table(w, "milestones", th, tc, 7, "No milestones are "
	    "recorded.", e);
}

static char *
report_title(struct store *st, int64_t cid)
{
	struct record r;
	struct err e;
	char *t;

	if (cid == 0 || store_get(st, ENT_COMMISSION, cid, &r, &e) < 0)
		return x_strdup("Report to Cabinet");
	t = x_printf("Report to Cabinet: %s", record_get(&r, "name"));
	record_done(&r);
	return t;
}

static void
front(struct rw *w, const char *title)
{
	char iso[11], *today;

	date_format_iso(date_today(), iso);
	today = doc_date(iso);
	if (w->html) {
		doc_html_start(w->fp, title);
		fputs("<h1>", w->fp);
		doc_html(w->fp, title);
		fputs("</h1>\n<p class=\"meta\">", w->fp);
	} else {
		fputs("# ", w->fp);
		doc_md_cell(w->fp, title);
		fputs("\n\n", w->fp);
	}
	doc_text(w->fp, w->html, "The recommendations the Assembly of Commissioners approved, "
	    "brought together into a single report, by sub-group and by "
	    "term, with their savings, up-front costs, equality impact and "
	    "integrated impact assessment. Produced on ");
	doc_text(w->fp, w->html, today);
	doc_text(w->fp, w->html, ".");
	para_end(w);
	free(today);
}

static int
write_all(struct rw *w, struct err *e)
{
	char *title;

	if (w->csv) {
		csv_header(w);
		if (recommendations(w, e) < 0)
			return -1;
		csv_summary(w);
		return 0;
	}
	title = report_title(w->st, w->o->commission_id);
	front(w, title);
	free(title);
	if (recommendations(w, e) < 0)
		return -1;
	summary(w);
	if (matrix(w, e) < 0 || appendices(w, e) < 0)
		return -1;
	if (w->html)
		doc_html_end(w->fp);
	return 0;
}

int
report_write(struct store *st, const struct report_options *o, FILE *fp,
    struct err *e)
{
	struct rw w;
	size_t i;
	int rc;

	memset(&w, 0, sizeof w);
	w.st = st;
	w.o = o;
	w.fp = fp;
	w.md = o->format == DOC_MD;
	w.html = o->format == DOC_HTML;
	w.csv = o->format == DOC_CSV;
	w.term = -1;
	buf_init(&w.csv_row);
	rc = write_all(&w, e);
	for (i = 0; i < w.nsg; i++) {
		free(w.sgs[i].name);
		free(w.sgs[i].code);
		free(w.sgs[i].title);
	}
	free(w.sgs);
	free(w.sg);
	buf_done(&w.csv_row);
	if (rc == 0 && (fflush(fp) != 0 || ferror(fp)))
		return err_set(e, ERR_IO, "the report could not be written "
		    "out in full");
	return rc;
}
