/*
 * calendar.c: the timeline as iCalendar, CSV or Markdown (see
 * calendar.h).
 *
 * One pass over the store's timeline in date order. Each item is made
 * into a buffer (an event, a CSV row) and written out; Markdown starts a
 * second table, of the undated, when the first undated item arrives.
 */
#include <inttypes.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "coopcom/core/date.h"
#include "coopcom/core/rag.h"
#include "coopcom/store/calendar.h"
#include "coopcom/util/csv.h"
#include "coopcom/util/xalloc.h"
#include "coopcom/vm/calendar.h"
#include "coopcom/vm/doc.h"
#include "coopcom/vm/ical.h"

/* The day number of an ISO date; RAG_NO_DATE for none. */
#define DAY(iso) date_days_of((iso), RAG_NO_DATE)

/* Progress is reported every this many items. */
#define PROGRESS_EVERY 2048

struct cw {
	struct store *st;
	const struct calendar_options *o;
	FILE *fp;
	char *dbid;			/* the database's identity (ICS) */
	int32_t today;
	bool undated;			/* Markdown: the undated table began */
	int64_t rows;			/* Markdown: rows in the open table */
	struct buf b;
};

int
calendar_parse_format(const char *text, enum calendar_format *f,
    struct err *e)
{
	if (text != NULL && strcmp(text, "ics") == 0)
		*f = CALENDAR_ICS;
	else if (text != NULL && strcmp(text, "csv") == 0)
		*f = CALENDAR_CSV;
	else if (text != NULL && (strcmp(text, "md") == 0 ||
	    strcmp(text, "markdown") == 0))
		*f = CALENDAR_MD;
	else if (text == NULL)
		return err_set(e, ERR_INVALID, "no --format given: the format "
		    "is ics, csv or md");
	else
		return err_set(e, ERR_INVALID, "\"%s\" is not a format: the "
		    "format is ics, csv or md", text);
	return 0;
}

static const char *
due_name(const struct cw *w, const struct calendar_item *it)
{
	return rag_due_name(rag_due(DAY(it->earliest), DAY(it->latest),
	    it->done, it->cancelled, w->today, w->o->amber_days));
}

static bool
dated(const struct calendar_item *it)
{
	return it->earliest != NULL && it->latest != NULL;
}

/* A recommendation's dates in words, for the timescale column. */
static char *
rec_timescale(const struct calendar_item *it)
{
	if (it->revised != NULL && it->target != NULL)
		return x_printf("target %s, revised to %s", it->target,
		    it->revised);
	if (it->revised != NULL)
		return x_printf("revised to %s", it->revised);
	return x_printf("target %s", it->target ? it->target : "");
}

static char *
timescale_of(const struct calendar_item *it)
{
	return it->milestone ? x_strdup(it->timescale) : rec_timescale(it);
}

static const char *
stage_label(const struct cw *w, const char *id)
{
	const struct workflow_stage *s = workflow_stage(store_workflow(w->st),
	    id);

	return s != NULL ? s->label : id;
}

/* ---- iCalendar ---- */

static void
ics_start(struct cw *w)
{
	buf_reset(&w->b);
	ical_prop(&w->b, "BEGIN", "VCALENDAR");
	ical_prop(&w->b, "VERSION", "2.0");
	ical_prop(&w->b, "PRODID", "-//coopcom//Timeline//EN");
	ical_prop(&w->b, "CALSCALE", "GREGORIAN");
	ical_prop_text(&w->b, "X-WR-CALNAME", "Co-operative commission "
	    "timeline");
	fputs(buf_str(&w->b), w->fp);
}

static void
ics_date(struct buf *b, const char *name, int32_t day)
{
	struct date d = date_from_days(day);
	char t[ICAL_TIME_SIZE], *line;

	snprintf(t, sizeof t, "%04d%02d%02d", d.year, d.month, d.day);
	line = x_printf("%s;VALUE=DATE", name);
	ical_prop(b, line, t);
	free(line);
}

static void
ics_description(struct cw *w, const struct calendar_item *it, struct buf *d)
{
	if (it->milestone) {
		buf_printf(d, "Timescale: %s\n", it->timescale);
		if (*it->status)
			buf_printf(d, "Status: %s\n", it->status);
		buf_printf(d, "State: %s", it->state);
	} else {
		if (it->target != NULL)
			buf_printf(d, "Target date: %s\n", it->target);
		if (it->revised != NULL)
			buf_printf(d, "Revised date: %s\n", it->revised);
		buf_printf(d, "Stage: %s", stage_label(w, it->state));
	}
	if (it->done && it->done_on != NULL)
		buf_printf(d, "\nDone on: %s", it->done_on);
	buf_printf(d, "\nCommission: %s", it->commission);
	if (*it->subgroup)
		buf_printf(d, "\nSub-group: %s", it->subgroup);
	if (*it->theme)
		buf_printf(d, "\nTheme: %s", it->theme);
}

static void
ics_event(struct cw *w, const struct calendar_item *it)
{
	struct buf *b = &w->b, text;
	char t[ICAL_TIME_SIZE], *s;
	int32_t first = DAY(it->earliest), last = DAY(it->latest);

	buf_reset(b);
	buf_init(&text);
	ical_prop(b, "BEGIN", "VEVENT");
	s = x_printf("%s-%" PRId64 "@%s", it->milestone ? "milestone" :
	    "recommendation", it->id, w->dbid);
	ical_prop(b, "UID", s);
	free(s);
	if (ical_time(it->updated_at, t) == 0) {
		ical_prop(b, "DTSTAMP", t);
		ical_prop(b, "LAST-MODIFIED", t);
	}
	s = x_printf("%" PRId64, it->version);
	ical_prop(b, "SEQUENCE", s);
	free(s);
	ics_date(b, "DTSTART", first);
	if (last != first)
		ics_date(b, "DTEND", last + 1);
	if (!it->milestone)
		buf_printf(&text, "%s: ", it->ref);
	buf_add(&text, it->title);
	ical_prop_text(b, "SUMMARY", buf_str(&text));
	buf_reset(&text);
	ics_description(w, it, &text);
	ical_prop_text(b, "DESCRIPTION", buf_str(&text));
	ical_prop(b, "CATEGORIES", it->milestone ? "Milestone" :
	    "Recommendation");
	ical_prop(b, "STATUS", it->cancelled ? "CANCELLED" : "CONFIRMED");
	ical_prop(b, "TRANSP", "TRANSPARENT");
	ical_prop(b, "END", "VEVENT");
	fputs(buf_str(b), w->fp);
	buf_done(&text);
}

static void
ics_end(struct cw *w)
{
	buf_reset(&w->b);
	ical_prop(&w->b, "END", "VCALENDAR");
	fputs(buf_str(&w->b), w->fp);
}

/* ---- CSV ---- */

static const char *const csv_heads[] = { "id", "kind", "ref",
	"commission", "subgroup", "theme", "title", "timescale", "earliest",
	"latest", "dating", "state", "done_on", "due" };
#define NHEADS (sizeof csv_heads / sizeof csv_heads[0])

static void
csv_row(struct cw *w, const struct calendar_item *it)
{
	const unsigned f = CSV_SAFE_FORMULAS;
	struct buf *b = &w->b;
	char id[24], *ts = timescale_of(it);

	buf_reset(b);
	snprintf(id, sizeof id, "%" PRId64, it->id);
	csv_write_field(b, id, 0);
	csv_write_field(b, it->milestone ? "milestone" : "recommendation", 0);
	csv_write_field(b, it->ref, f);
	csv_write_field(b, it->commission, f);
	csv_write_field(b, it->subgroup, f);
	csv_write_field(b, it->theme, f);
	csv_write_field(b, it->title, f);
	csv_write_field(b, ts, f);
	csv_write_field(b, it->earliest, 0);
	csv_write_field(b, it->latest, 0);
	csv_write_field(b, it->dating, 0);
	csv_write_field(b, it->state, f);
	csv_write_field(b, it->done_on, 0);
	csv_write_field(b, due_name(w, it), 0);
	csv_end_row(b);
	fputs(buf_str(b), w->fp);
	free(ts);
}

/* ---- Markdown ---- */

static const char *const md_heads[] = { "When", "Kind", "Ref",
	"Commission", "Sub-group", "Theme", "Title", "Timescale", "Dating",
	"State", "Due" };
#define MD_HEADS (sizeof md_heads / sizeof md_heads[0])

static void
md_start(struct cw *w)
{
	char iso[DATE_ISO_SIZE], *today;

	date_format_iso(date_from_days(w->today), iso);
	today = doc_date(iso);
	fputs("# Timeline\n\n", w->fp);
	doc_md(w->fp, "Milestones and the due dates of recommendations, in "
	    "date order; the undated at the end. Due as at ");
	doc_md(w->fp, today);
	fputs(".\n\n", w->fp);
	doc_heading(w->fp, false, 2, NULL, "Dated");
	free(today);
}

/* "21 July 2011 – 31 July 2011", or the one day. */
static char *
md_when(const struct calendar_item *it)
{
	char *a, *b, *s;

	if (!dated(it))
		return x_strdup("");
	a = doc_date(it->earliest);
	if (strcmp(it->earliest, it->latest) == 0)
		return a;
	b = doc_date(it->latest);
	s = x_printf("%s – %s", a, b);
	free(a);
	free(b);
	return s;
}

/* Ends the open table, or says it had no rows. */
static void
md_close(struct cw *w)
{
	if (w->rows > 0)
		doc_table_end(w->fp, false);
	else
		fputs("None.\n\n", w->fp);
	w->rows = 0;
}

static void
md_row(struct cw *w, const struct calendar_item *it)
{
	char *when, *ts;

	if (!dated(it) && !w->undated) {
		md_close(w);
		doc_heading(w->fp, false, 2, NULL, "Undated (to be confirmed, "
		    "or no date given)");
		w->undated = true;
	}
	if (w->rows++ == 0)
		doc_table_start(w->fp, false, md_heads, MD_HEADS, 0);
	when = md_when(it);
	ts = timescale_of(it);
	doc_row_start(w->fp, false, false);
	doc_td(w->fp, false, when);
	doc_td(w->fp, false, it->milestone ? "milestone" : "recommendation");
	doc_td(w->fp, false, it->ref);
	doc_td(w->fp, false, it->commission);
	doc_td(w->fp, false, it->subgroup);
	doc_td(w->fp, false, it->theme);
	doc_td(w->fp, false, it->title);
	doc_td(w->fp, false, ts);
	doc_td(w->fp, false, it->dating);
	doc_td(w->fp, false, it->milestone ? it->state :
	    stage_label(w, it->state));
	doc_td(w->fp, false, due_name(w, it));
	doc_row_end(w->fp, false);
	free(when);
	free(ts);
}

static void
md_end(struct cw *w)
{
	md_close(w);
	if (!w->undated) {
		doc_heading(w->fp, false, 2, NULL, "Undated (to be confirmed, "
		    "or no date given)");
		fputs("None.\n\n", w->fp);
	}
}

/* ---- the pass ---- */

static void
start(struct cw *w)
{
	switch (w->o->format) {
	case CALENDAR_ICS:
		ics_start(w);
		break;
	case CALENDAR_CSV:
		buf_reset(&w->b);
		csv_write_row(&w->b, csv_heads, NHEADS, 0);
		fputs(buf_str(&w->b), w->fp);
		break;
	case CALENDAR_MD:
		md_start(w);
		break;
	}
}

static void
item(struct cw *w, const struct calendar_item *it)
{
	switch (w->o->format) {
	case CALENDAR_ICS:
		if (dated(it))
			ics_event(w, it);
		break;
	case CALENDAR_CSV:
		csv_row(w, it);
		break;
	case CALENDAR_MD:
		md_row(w, it);
		break;
	}
}

static void
end(struct cw *w)
{
	if (w->o->format == CALENDAR_ICS)
		ics_end(w);
	else if (w->o->format == CALENDAR_MD)
		md_end(w);
}

static int
write_all(struct cw *w, struct err *e)
{
	const struct calendar_item *it;
	struct store_calendar *c;
	int64_t total, done = 0;
	int rc;

	if (w->o->format == CALENDAR_ICS &&
	    store_database_id(w->st, &w->dbid, e) < 0)
		return -1;
	if (store_calendar_open(w->st, w->o->commission_id,
	    w->o->subgroup_id, &c, &total, e) < 0)
		return -1;
	start(w);
	while ((rc = store_calendar_next(c, &it, e)) == 1) {
		item(w, it);
		if (++done % PROGRESS_EVERY == 0 && w->o->progress)
			w->o->progress(w->o->arg, done, total);
	}
	store_calendar_close(c);
	if (rc < 0)
		return -1;
	end(w);
	if (w->o->progress)
		w->o->progress(w->o->arg, done, total);
	return 0;
}

int
calendar_write(struct store *st, const struct calendar_options *o, FILE *fp,
    struct err *e)
{
	struct cw w;
	int rc;

	memset(&w, 0, sizeof w);
	w.st = st;
	w.o = o;
	w.fp = fp;
	w.today = date_to_days(date_today());
	buf_init(&w.b);
	rc = write_all(&w, e);
	buf_done(&w.b);
	free(w.dbid);
	if (rc == 0 && (fflush(fp) != 0 || ferror(fp)))
		return err_set(e, ERR_IO, "the timeline could not be written "
		    "out in full");
	return rc;
}
