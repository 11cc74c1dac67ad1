/*
 * rag.c: red/amber/green and due states (see rag.h).
 *
 * Kept free of the database and the clock: the caller passes today, so
 * the same inputs give the same colour in a test, a report and the chart.
 */
#include <stdarg.h>
#include <stdio.h>

#include "coopcom/core/date.h"
#include "coopcom/core/rag.h"

static bool
is_set(int32_t day)
{
	return day != RAG_NO_DATE;
}

static void
due_and_slip(const struct rag_delivery_in *in, struct rag_result *r)
{
	r->due = is_set(in->revised) ? in->revised : in->target;
	r->slipped = is_set(in->revised) && is_set(in->target) &&
	    in->revised > in->target;
}

static void
staleness(const struct rag_delivery_in *in, int32_t today,
    const struct rag_rules *rules, struct rag_result *r)
{
	if (!is_set(in->last_update)) {
		r->since_update = -1;
		r->stale = true;
		return;
	}
	r->since_update = today - in->last_update;
	r->stale = r->since_update > rules->stale_days;
}

struct rag_result
rag_delivery(const struct rag_delivery_in *in, int32_t today,
    const struct rag_rules *rules)
{
	struct rag_result r = { RAG_NONE, false, false, RAG_NO_DATE,
	    RAG_NO_DATE, 0, -1 };

	due_and_slip(in, &r);
	if (is_set(in->actual)) {
		r.rag = RAG_DONE;
		r.done_on = in->actual;
		r.since_update = is_set(in->last_update) ?
		    today - in->last_update : -1;
		return r;
	}
	staleness(in, today, rules, &r);
	if (!is_set(r.due)) {
		r.rag = r.stale ? RAG_AMBER : RAG_NONE;
		return r;
	}
	r.days_left = r.due - today;
	if (r.days_left < 0)
		r.rag = RAG_RED;
	else if (r.days_left <= rules->amber_days || r.slipped || r.stale)
		r.rag = RAG_AMBER;
	else
		r.rag = RAG_GREEN;
	return r;
}

/* Appends "; " (unless first) and the formatted text; clips at size. */
static unsigned put(char *, unsigned, unsigned, const char *, ...)
    __attribute__((format(printf, 4, 5)));

static unsigned
put(char *out, unsigned size, unsigned at, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (at > 0 && at < size) {
		n = snprintf(out + at, size - at, "; ");
		at += n > 0 ? (unsigned)n : 0;
	}
	if (at >= size)
		return size;
	va_start(ap, fmt);
	n = vsnprintf(out + at, size - at, fmt, ap);
	va_end(ap);
	at += n > 0 ? (unsigned)n : 0;
	return at < size ? at : size;
}

static const char *
plural(long n)
{
	return n == 1 || n == -1 ? "" : "s";
}

static unsigned
explain_due(struct rag_result r, char *out, unsigned size, unsigned at)
{
	long d = r.days_left;

	if (d < 0)
		return put(out, size, at, "overdue by %ld day%s", -d,
		    plural(d));
	if (d == 0)
		return put(out, size, at, "due today");
	return put(out, size, at, "%sdue in %ld day%s",
	    r.rag == RAG_GREEN ? "on track, " : "", d, plural(d));
}

void
rag_explain(struct rag_result r, char *out, unsigned size)
{
	char iso[DATE_ISO_SIZE];
	unsigned at = 0;

	if (size == 0)
		return;
	out[0] = '\0';
	if (r.rag == RAG_DONE) {
		date_format_iso(date_from_days(r.done_on), iso);
		put(out, size, at, "delivered %s", iso);
		return;
	}
	if (r.due == RAG_NO_DATE)
		at = put(out, size, at, "no target date");
	else
		at = explain_due(r, out, size, at);
	if (r.slipped) {
		date_format_iso(date_from_days(r.due), iso);
		at = put(out, size, at, "target revised to %s", iso);
	}
	if (r.stale && r.since_update < 0)
		put(out, size, at, "no update yet");
	else if (r.stale)
		put(out, size, at, "no update for %ld days",
		    (long)r.since_update);
}

const char *
rag_name(enum rag rag)
{
	static const char *const names[] = { "none", "green", "amber", "red",
	    "done" };

	return (unsigned)rag < sizeof names / sizeof names[0] ? names[rag] :
	    "none";
}

enum rag_due
rag_due(int32_t earliest, int32_t latest, bool done, bool cancelled,
    int32_t today, int amber_days)
{
	if (done)
		return DUE_DONE;
	if (cancelled)
		return DUE_CANCELLED;
	if (!is_set(earliest) || !is_set(latest))
		return DUE_UNDATED;
	if (latest < today)
		return DUE_OVERDUE;
	if (earliest - today <= amber_days)
		return DUE_SOON;
	return DUE_LATER;
}

const char *
rag_due_name(enum rag_due due)
{
	static const char *const names[] = { "later", "soon", "overdue",
	    "undated", "done", "cancelled" };

	return (unsigned)due < sizeof names / sizeof names[0] ? names[due] :
	    "undated";
}
