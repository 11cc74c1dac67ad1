/*
 * progress_report.c: the six-monthly progress report (see
 * progress_report.h).
 *
 * The period's facts are loaded (store/period.h); each item is judged
 * once (due, done, late, its red/amber/green) with core/rag.h as at the
 * report's date; the groups are gathered from all three lists, counted
 * for the summary, and written one after the other, each with its five
 * sections. Tables come from doc.h, as in the report to Cabinet.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "coopcom/core/date.h"
#include "coopcom/store/period.h"
#include "coopcom/util/csv.h"
#include "coopcom/util/xalloc.h"
#include "coopcom/vm/progress_report.h"

/* The day number of an ISO date; RAG_NO_DATE for none. */
#define DAY(iso) date_days_of((iso), RAG_NO_DATE)

/* What the report says of one item. */
struct verdict {
	bool due, done, late;
	bool stale;			/* recommendations: no recent update */
	char rag[24];			/* "red", "amber", "overdue"... */
	char why[160];			/* rag_explain, or the days overdue */
};

/* One group, and its counts for the summary. */
struct group {
	const char *key, *label;	/* borrowed from the period */
	int64_t due, done, late, moved, silent;
	int64_t n;			/* entries of the three lists in it */
};

struct pw {
	struct store *st;
	const struct progress_options *o;
	FILE *fp;
	bool html, csv;
	int32_t from, to, as_at;	/* day numbers */
	struct period p;
	struct verdict *v;		/* one per item */
	struct group *groups;
	size_t ngroups;
	struct buf b;			/* a CSV row */
	int64_t written, total;		/* entries, for progress */
};

/* ---- checking what was typed ---- */

/* WHICH is "first" or "last", OPT its option. */
static int
day(const char *iso, const char *which, const char *opt, int32_t *out,
    struct err *e)
{
	struct date d;

	if (iso == NULL)
		return err_set(e, ERR_INVALID, "the %s day of the period (%s) "
		    "is missing: the period is --from YYYY-MM-DD --to "
		    "YYYY-MM-DD", which, opt);
	if (date_parse_iso(iso, &d, e) < 0)
		return err_prefix(e, "the %s day of the period (%s)", which,
		    opt);
	*out = date_to_days(d);
	return 0;
}

static int
period_days(const char *from, const char *to, int32_t *f, int32_t *t,
    struct err *e)
{
	if (day(from, "first", "--from", f, e) < 0 ||
	    day(to, "last", "--to", t, e) < 0)
		return -1;
	if (*f > *t)
		return err_set(e, ERR_INVALID, "the period runs backwards: "
		    "its first day, %s, is after its last, %s", from, to);
	return 0;
}

int
progress_report_period(const char *from, const char *to, struct err *e)
{
	int32_t f, t;

	return period_days(from, to, &f, &t, e);
}

int
progress_report_by(const char *text, bool *by_theme, struct err *e)
{
	if (text == NULL || strcmp(text, "subgroup") == 0)
		*by_theme = false;
	else if (strcmp(text, "theme") == 0)
		*by_theme = true;
	else
		return err_set(e, ERR_INVALID, "\"%s\": --by is subgroup or "
		    "theme", text);
	return 0;
}

/* ---- judging ---- */

static bool
within(int32_t d, int32_t from, int32_t to)
{
	return d != RAG_NO_DATE && d >= from && d <= to;
}

static void
judge_milestone(const struct pw *w, const struct period_item *it,
    bool done_by, struct verdict *v)
{
	int32_t first = DAY(it->earliest), last = DAY(it->latest);
	enum rag_due d = rag_due(first, last, done_by, it->cancelled,
	    w->as_at, w->o->rules.amber_days);

	v->due = first <= w->to && last >= w->from;
	v->late = d == DUE_OVERDUE;
	snprintf(v->rag, sizeof v->rag, "%s", rag_due_name(d));
	if (v->late)
		snprintf(v->why, sizeof v->why, "overdue by %d day%s",
		    (int)(w->as_at - last), w->as_at - last == 1 ? "" : "s");
}

static void
judge(const struct pw *w, const struct period_item *it, struct verdict *v)
{
	int32_t done_on = DAY(it->done_on);
	bool done_by = it->done && (done_on == RAG_NO_DATE ||
	    done_on <= w->as_at);
	struct rag_delivery_in in;
	struct rag_result r;

	memset(v, 0, sizeof *v);
	v->done = done_by && within(done_on, w->from, w->to);
	if (it->milestone) {
		judge_milestone(w, it, done_by, v);
		return;
	}
	in.target = DAY(it->target);
	in.revised = DAY(it->revised);
	in.actual = done_by ? done_on : RAG_NO_DATE;
	in.last_update = DAY(it->last_update);
	r = rag_delivery(&in, w->as_at, &w->o->rules);
	v->due = within(DAY(it->earliest), w->from, w->to);
	v->late = r.rag == RAG_RED && !it->cancelled;
	v->stale = r.stale && !it->cancelled && r.rag != RAG_DONE;
	snprintf(v->rag, sizeof v->rag, "%s", it->cancelled ? "cancelled" :
	    rag_name(r.rag));
	rag_explain(r, v->why, sizeof v->why);
}

/* ---- groups ---- */

/* By key, the empty key ("no theme stated") last. */
static int
group_order(const void *a, const void *b)
{
	const struct group *x = a, *y = b;

	if (*x->key == '\0' || *y->key == '\0')
		return (*x->key == '\0') - (*y->key == '\0');
	return strcmp(x->key, y->key);
}

static void
add_group(struct pw *w, size_t *cap, const struct period_group *g)
{
	size_t i;

	for (i = 0; i < w->ngroups; i++)
		if (strcmp(w->groups[i].key, g->key) == 0)
			return;
	w->groups = x_grow(w->groups, cap, w->ngroups + 1,
	    sizeof w->groups[0]);
	memset(&w->groups[w->ngroups], 0, sizeof w->groups[0]);
	w->groups[w->ngroups].key = g->key;
	w->groups[w->ngroups++].label = *g->label ? g->label :
	    "No theme stated";
}

static struct group *
group_of(struct pw *w, const struct period_group *g)
{
	size_t i;

	for (i = 0; i < w->ngroups; i++)
		if (strcmp(w->groups[i].key, g->key) == 0)
			return &w->groups[i];
	return NULL;
}

/* Gathers the groups of every list, judges the items and counts. */
static void
gather(struct pw *w)
{
	size_t cap = 0, i;
	struct group *g;

	for (i = 0; i < w->p.nitems; i++)
		add_group(w, &cap, &w->p.items[i].group);
	for (i = 0; i < w->p.nmoves; i++)
		add_group(w, &cap, &w->p.moves[i].group);
	for (i = 0; i < w->p.nsilences; i++)
		add_group(w, &cap, &w->p.silences[i].group);
	qsort(w->groups, w->ngroups, sizeof w->groups[0], group_order);
	w->v = x_calloc(w->p.nitems + 1, sizeof w->v[0]);
	for (i = 0; i < w->p.nitems; i++) {
		judge(w, &w->p.items[i], &w->v[i]);
		g = group_of(w, &w->p.items[i].group);
		g->n++;
		g->due += w->v[i].due;
		g->done += w->v[i].done;
		g->late += w->v[i].late;
	}
	for (i = 0; i < w->p.nmoves; i++) {
		g = group_of(w, &w->p.moves[i].group);
		g->n++;
		g->moved++;
	}
	for (i = 0; i < w->p.nsilences; i++) {
		g = group_of(w, &w->p.silences[i].group);
		g->n++;
		g->silent++;
	}
	w->total = (int64_t)(w->p.nitems + w->p.nmoves + w->p.nsilences);
}

static void
progressed(struct pw *w, int64_t n)
{
	w->written += n;
	if (w->o->progress)
		w->o->progress(w->o->arg, w->written, w->total);
}

/* ---- words ---- */

static const char *
stage_label(const struct pw *w, const char *id)
{
	const struct workflow_stage *s = workflow_stage(store_workflow(w->st),
	    id);

	return s != NULL ? s->label : id;
}

/* "CC-LCL-01", or "Milestone 30". */
static char *
item_name(const struct period_item *it)
{
	return it->milestone ? x_printf("Milestone %" PRId64, it->id) :
	    x_strdup(it->ref);
}

/* When it is due, in words: the timescale as written, or the date. */
static char *
due_text(const struct period_item *it)
{
	char *a, *b, *s;

	if (it->milestone)
		return x_strdup(it->timescale);
	a = doc_date(it->earliest);
	if (it->revised == NULL || it->target == NULL)
		return a;
	b = doc_date(it->target);
	s = x_printf("%s (revised; the target was %s)", a, b);
	free(a);
	free(b);
	return s;
}

/* ---- Markdown and HTML ---- */

static void
td_owned(struct pw *w, char *s)
{
	doc_td(w->fp, w->html, s);
	free(s);
}

static void
none(struct pw *w, const char *text)
{
	doc_para_start(w->fp, w->html);
	doc_text(w->fp, w->html, text);
	doc_para_end(w->fp, w->html);
}

enum which { W_DUE, W_DONE, W_LATE };

static bool
chosen(const struct verdict *v, enum which which)
{
	return which == W_DUE ? v->due : which == W_DONE ? v->done : v->late;
}

static void
item_row(struct pw *w, const struct period_item *it, const struct verdict *v)
{
	doc_row_start(w->fp, w->html, false);
	td_owned(w, item_name(it));
	doc_td(w->fp, w->html, it->title);
	td_owned(w, due_text(it));
	td_owned(w, doc_date(it->done_on));
	doc_td(w->fp, w->html, it->milestone ? it->state :
	    stage_label(w, it->state));
	doc_td(w->fp, w->html, it->responsible);
	doc_td(w->fp, w->html, v->rag);
	doc_td(w->fp, w->html, v->why);
	doc_row_end(w->fp, w->html);
}

static void
items_section(struct pw *w, const struct group *g, enum which which,
    const char *title, const char *empty)
{
	static const char *const heads[] = { "Item", "Title", "Due",
		"Done on", "Stage or state", "Responsible", "RAG",
		"Why" };
	size_t i, n = 0;

	doc_heading(w->fp, w->html, 4, NULL, title);
	for (i = 0; i < w->p.nitems; i++) {
		if (strcmp(w->p.items[i].group.key, g->key) != 0 ||
		    !chosen(&w->v[i], which))
			continue;
		if (n++ == 0)
			doc_table_start(w->fp, w->html, heads, 8, 0);
		item_row(w, &w->p.items[i], &w->v[i]);
	}
	if (n > 0)
		doc_table_end(w->fp, w->html);
	else
		none(w, empty);
}

static void
moves_section(struct pw *w, const struct group *g)
{
	static const char *const heads[] = { "Recommendation", "Title",
		"When (UTC)", "Who", "From", "To", "Note" };
	const struct period_move *m;
	size_t i, n = 0;

	doc_heading(w->fp, w->html, 4, NULL, "Changed stage in the period");
	for (i = 0; i < w->p.nmoves; i++) {
		m = &w->p.moves[i];
		if (strcmp(m->group.key, g->key) != 0)
			continue;
		if (n++ == 0)
			doc_table_start(w->fp, w->html, heads, 7, 0);
		doc_row_start(w->fp, w->html, false);
		doc_td(w->fp, w->html, m->ref);
		doc_td(w->fp, w->html, m->title);
		doc_td(w->fp, w->html, m->at);
		doc_td(w->fp, w->html, m->who);
		doc_td(w->fp, w->html, stage_label(w, m->from));
		doc_td(w->fp, w->html, stage_label(w, m->to));
		doc_td(w->fp, w->html, m->note);
		doc_row_end(w->fp, w->html);
	}
	if (n > 0)
		doc_table_end(w->fp, w->html);
	else
		none(w, "No recommendation changed stage.");
}

/* One row per person: their recommendations, "; " between. */
static void
silent_row(struct pw *w, size_t first, size_t end)
{
	const struct period_silence *s = &w->p.silences[first];
	struct buf recs, last;
	size_t i;

	buf_init(&recs);
	buf_init(&last);
	for (i = first; i < end; i++) {
		s = &w->p.silences[i];
		buf_printf(&recs, "%s%s %s", i > first ? "; " : "", s->ref,
		    s->title);
		buf_printf(&last, "%s%s: %s", i > first ? "; " : "", s->ref,
		    s->last_update ? s->last_update : "never");
	}
	doc_row_start(w->fp, w->html, false);
	doc_td(w->fp, w->html, s->person);
	doc_td(w->fp, w->html, buf_str(&recs));
	doc_td(w->fp, w->html, buf_str(&last));
	doc_row_end(w->fp, w->html);
	buf_done(&recs);
	buf_done(&last);
}

static void
silent_section(struct pw *w, const struct group *g)
{
	static const char *const heads[] = { "Responsible", "Recommendations",
		"Last update" };
	const struct period_silence *s;
	size_t i, first = 0, n = 0;
	bool open = false;

	doc_heading(w->fp, w->html, 4, NULL, "No progress update in the "
	    "period from the person responsible");
	for (i = 0; i <= w->p.nsilences; i++) {
		s = i < w->p.nsilences ? &w->p.silences[i] : NULL;
		if (open && (s == NULL || strcmp(s->group.key, g->key) != 0 ||
		    s->person_id != w->p.silences[first].person_id)) {
			silent_row(w, first, i);
			open = false;
		}
		if (s == NULL || strcmp(s->group.key, g->key) != 0 || open)
			continue;
		if (n++ == 0)
			doc_table_start(w->fp, w->html, heads, 3, 0);
		first = i;
		open = true;
	}
	if (n > 0)
		doc_table_end(w->fp, w->html);
	else
		none(w, "Everyone responsible sent an update.");
}

static void
summary(struct pw *w)
{
	static const char *const heads[] = { "", "Due", "Done", "Late",
		"Changed stage", "No update" };
	struct group all = { NULL, "All", 0, 0, 0, 0, 0, 0 };
	const struct group *g;
	size_t i;

	doc_heading(w->fp, w->html, 2, "summary", "Summary");
	doc_table_start(w->fp, w->html, heads, 6, 0x3e);
	for (i = 0; i <= w->ngroups; i++) {
		g = i < w->ngroups ? &w->groups[i] : &all;
		doc_row_start(w->fp, w->html, g == &all);
		doc_td(w->fp, w->html, g->label);
		doc_td_num(w->fp, w->html, g->due);
		doc_td_num(w->fp, w->html, g->done);
		doc_td_num(w->fp, w->html, g->late);
		doc_td_num(w->fp, w->html, g->moved);
		doc_td_num(w->fp, w->html, g->silent);
		doc_row_end(w->fp, w->html);
		all.due += g->due;
		all.done += g->done;
		all.late += g->late;
		all.moved += g->moved;
		all.silent += g->silent;
	}
	doc_table_end(w->fp, w->html);
}

static char *
title_of(struct pw *w)
{
	char *a = doc_date(w->o->from), *b = doc_date(w->o->to), *t, *c;
	struct record r;
	struct err e;

	t = x_printf("Progress report, %s to %s", a, b);
	if (w->o->commission_id != 0 && store_get(w->st, ENT_COMMISSION,
	    w->o->commission_id, &r, &e) == 0) {
		c = x_printf("%s: %s", record_get(&r, "name"), t);
		free(t);
		t = c;
		record_done(&r);
	}
	free(a);
	free(b);
	return t;
}

static void
front(struct pw *w)
{
	char iso[DATE_ISO_SIZE], *title = title_of(w), *as_at, *s;

	date_format_iso(date_from_days(w->as_at), iso);
	as_at = doc_date(iso);
	if (w->html) {
		doc_html_start(w->fp, title);
		doc_heading(w->fp, true, 1, NULL, title);
		fputs("<p class=\"meta\">", w->fp);
	} else {
		doc_heading(w->fp, false, 1, NULL, title);
	}
	s = x_printf("What was due, what was done and what is late, %s; "
	    "which recommendations changed stage; and who sent no progress "
	    "update. Red, amber and green are as at %s: red is past its due "
	    "date (the revised date, else the target); amber is due within "
	    "%d days, revised later than its target, or without an update "
	    "for more than %d days.", w->o->by_theme ? "by theme" :
	    "by sub-group", as_at, w->o->rules.amber_days,
	    w->o->rules.stale_days);
	doc_text(w->fp, w->html, s);
	doc_para_end(w->fp, w->html);
	free(s);
	free(as_at);
	free(title);
}

static void
document(struct pw *w)
{
	const struct group *g;
	char iso[DATE_ISO_SIZE], *late, *head;
	size_t i;

	front(w);
	summary(w);
	date_format_iso(date_from_days(w->as_at), iso);
	late = doc_date(iso);
	head = x_printf("Late at %s", late);
	doc_heading(w->fp, w->html, 2, "groups", w->o->by_theme ?
	    "By theme" : "By sub-group");
	if (w->ngroups == 0)
		none(w, "Nothing was due, done, late, moved or silent in the "
		    "period.");
	for (i = 0; i < w->ngroups; i++) {
		g = &w->groups[i];
		doc_heading(w->fp, w->html, 3, NULL, g->label);
		items_section(w, g, W_DUE, "Due in the period",
		    "Nothing was due.");
		items_section(w, g, W_DONE, "Done in the period",
		    "Nothing was done.");
		items_section(w, g, W_LATE, head, "Nothing is late.");
		moves_section(w, g);
		silent_section(w, g);
		progressed(w, g->n);
	}
	if (w->html)
		doc_html_end(w->fp);
	free(head);
	free(late);
}

/* ---- CSV ---- */

enum col { C_SECTION, C_GROUP, C_KIND, C_ID, C_REF, C_TITLE, C_TIMESCALE,
	C_EARLIEST, C_LATEST, C_TARGET, C_REVISED, C_DONE_ON, C_STATE, C_RAG,
	C_STALE, C_WHY, C_RESPONSIBLE, C_LAST_UPDATE, C_AT, C_WHO, C_FROM,
	C_TO, C_NOTE, NCOLS };

static const char *const csv_heads[NCOLS] = { "section", "group", "kind",
	"id", "ref", "title", "timescale", "earliest", "latest", "target",
	"revised", "done_on", "state", "rag", "stale", "why", "responsible",
	"last_update", "at", "who", "from_stage", "to_stage", "note" };

static void
csv_emit(struct pw *w, const char *const *f)
{
	buf_reset(&w->b);
	csv_write_row(&w->b, f, NCOLS, CSV_SAFE_FORMULAS);
	fputs(buf_str(&w->b), w->fp);
}

/* A row's first columns, the rest empty; ID is room for the id. */
static void
csv_start(const char **f, char id[24], const char *section,
    const struct group *g, bool milestone, int64_t n, const char *ref,
    const char *title)
{
	memset(f, 0, NCOLS * sizeof f[0]);
	snprintf(id, 24, "%" PRId64, n);
	f[C_SECTION] = section;
	f[C_GROUP] = g->label;
	f[C_KIND] = milestone ? "milestone" : "recommendation";
	f[C_ID] = id;
	f[C_REF] = ref;
	f[C_TITLE] = title;
}

static void
csv_items(struct pw *w, const struct group *g, enum which which,
    const char *section)
{
	const struct period_item *it;
	const char *f[NCOLS];
	char id[24];
	size_t i;

	for (i = 0; i < w->p.nitems; i++) {
		it = &w->p.items[i];
		if (!chosen(&w->v[i], which) || strcmp(it->group.key,
		    g->key) != 0)
			continue;
		csv_start(f, id, section, g, it->milestone, it->id, it->ref,
		    it->title);
		f[C_TIMESCALE] = it->timescale;
		f[C_EARLIEST] = it->earliest;
		f[C_LATEST] = it->latest;
		f[C_TARGET] = it->target;
		f[C_REVISED] = it->revised;
		f[C_DONE_ON] = it->done_on;
		f[C_STATE] = it->state;
		f[C_RAG] = w->v[i].rag;
		f[C_STALE] = it->milestone ? "" : w->v[i].stale ? "yes" : "no";
		f[C_WHY] = w->v[i].why;
		f[C_RESPONSIBLE] = it->responsible;
		f[C_LAST_UPDATE] = it->last_update;
		csv_emit(w, f);
	}
}

static void
csv_moves(struct pw *w, const struct group *g)
{
	const struct period_move *m;
	const char *f[NCOLS];
	char id[24];
	size_t i;

	for (i = 0; i < w->p.nmoves; i++) {
		m = &w->p.moves[i];
		if (strcmp(m->group.key, g->key) != 0)
			continue;
		csv_start(f, id, "stage_change", g, false, m->id, m->ref,
		    m->title);
		f[C_AT] = m->at;
		f[C_WHO] = m->who;
		f[C_FROM] = m->from;
		f[C_TO] = m->to;
		f[C_NOTE] = m->note;
		csv_emit(w, f);
	}
}

static void
csv_silences(struct pw *w, const struct group *g)
{
	const struct period_silence *s;
	const char *f[NCOLS];
	char id[24];
	size_t i;

	for (i = 0; i < w->p.nsilences; i++) {
		s = &w->p.silences[i];
		if (strcmp(s->group.key, g->key) != 0)
			continue;
		csv_start(f, id, "no_update", g, false, s->id, s->ref,
		    s->title);
		f[C_RESPONSIBLE] = s->person;
		f[C_LAST_UPDATE] = s->last_update;
		csv_emit(w, f);
	}
}

/* Section by section, each in the order of the groups. */
static void
csv(struct pw *w)
{
	size_t i, k;

	csv_emit(w, csv_heads);
	for (k = 0; k < 5; k++)
		for (i = 0; i < w->ngroups; i++) {
			if (k < 3)
				csv_items(w, &w->groups[i], (enum which)k,
				    k == W_DUE ? "due" : k == W_DONE ? "done" :
				    "late");
			else if (k == 3)
				csv_moves(w, &w->groups[i]);
			else
				csv_silences(w, &w->groups[i]);
		}
}

/* ---- the whole ---- */

int
progress_report_write(struct store *st, const struct progress_options *o,
    FILE *fp, struct err *e)
{
	struct period_scope scope = { 0 };
	char as_at[DATE_ISO_SIZE];
	int32_t today = date_to_days(date_today());
	struct pw w;

	memset(&w, 0, sizeof w);
	if (period_days(o->from, o->to, &w.from, &w.to, e) < 0)
		return -1;
	w.st = st;
	w.o = o;
	w.fp = fp;
	w.html = o->format == DOC_HTML;
	w.csv = o->format == DOC_CSV;
	w.as_at = today < w.to ? today : w.to;
	date_format_iso(date_from_days(w.as_at), as_at);
	scope.from = o->from;
	scope.to = o->to;
	scope.as_at = as_at;
	scope.commission_id = o->commission_id;
	scope.by_theme = o->by_theme;
	if (store_period_load(st, &scope, &w.p, e) < 0)
		return -1;
	buf_init(&w.b);
	gather(&w);
	if (w.csv)
		csv(&w);
	else
		document(&w);
	progressed(&w, w.total - w.written);
	buf_done(&w.b);
	free(w.v);
	free(w.groups);
	store_period_free(&w.p);
	if (fflush(fp) != 0 || ferror(fp))
		return err_set(e, ERR_IO, "the progress report could not be "
		    "written out in full");
	return 0;
}
