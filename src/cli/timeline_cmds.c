/*
 * timeline_cmds.c: progress (the six-monthly progress report) and
 * timeline (the timeline as iCalendar, CSV or Markdown).
 *
 * Thin, as the other commands: the documents are the view-model's
 * (progress_report.c, calendar.c); these read what was typed and write
 * to standard output or, with --output, to a file that appears whole.
 */
#include "coopcom/cli/commands.h"
#include "coopcom/vm/calendar.h"
#include "coopcom/vm/progress_report.h"

/* --NAME, when given, resolved to the id of a KIND record; else 0. */
static int
scope(struct session *s, struct args *a, const char *name,
    enum entity_kind kind, int64_t *id, struct err *e)
{
	const char *v = args_get(a, name);

	*id = 0;
	return v != NULL ? store_resolve(s->store, kind, v, id, e) : 0;
}

int
cmd_progress(struct session *s, struct args *a, struct err *e)
{
	struct progress_options po = { 0 };
	const char *f = args_get(a, "format");
	struct output o;

	po.from = args_get(a, "from");
	po.to = args_get(a, "to");
	po.rules.amber_days = s->config.amber_days;
	po.rules.stale_days = s->config.stale_update_days;
	if (progress_report_period(po.from, po.to, e) < 0 ||
	    doc_parse_format(f ? f : "md", DOC_ALLOW(DOC_MD) |
	    DOC_ALLOW(DOC_HTML) | DOC_ALLOW(DOC_CSV), &po.format, e) < 0 ||
	    progress_report_by(args_get(a, "by"), &po.by_theme, e) < 0 ||
	    scope(s, a, "commission", ENT_COMMISSION, &po.commission_id,
	    e) < 0 || cmd_output_open(&o, args_get(a, "output"), e) < 0)
		return -1;
	return cmd_output_close(&o, progress_report_write(s->store, &po, o.fp,
	    e), e);
}

int
cmd_timeline(struct session *s, struct args *a, struct err *e)
{
	struct calendar_options co = { 0 };
	const char *f = args_get(a, "format");
	struct output o;

	co.amber_days = s->config.amber_days;
	if (calendar_parse_format(f ? f : "md", &co.format, e) < 0 ||
	    scope(s, a, "commission", ENT_COMMISSION, &co.commission_id,
	    e) < 0 || scope(s, a, "subgroup", ENT_SUBGROUP, &co.subgroup_id,
	    e) < 0 || cmd_output_open(&o, args_get(a, "output"), e) < 0)
		return -1;
	return cmd_output_close(&o, calendar_write(s->store, &co, o.fp, e),
	    e);
}
