/*
 * exportjob.c: the progress report (p) and the timeline export (x) from
 * the full-screen interface (see exportjob.h).
 *
 * The questions, the temporary file, its renaming and the progress
 * shown are those of the report to Cabinet (reportjob.h); only the
 * writers differ.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coopcom/core/date.h"
#include "coopcom/util/xalloc.h"
#include "coopcom/vm/app.h"
#include "coopcom/vm/calendar.h"
#include "coopcom/vm/exportjob.h"
#include "coopcom/vm/progress_report.h"
#include "coopcom/vm/reportjob.h"

static int64_t
selected_commission(struct app *app)
{
	return listview_selected_id(&app->lists[PANEL_COMMISSIONS]);
}

/* ---- p: the progress report ---- */

static int
write_progress(struct app *app, FILE *fp, void (*progress)(void *,
    int64_t, int64_t), void *parg, void *arg, struct err *e)
{
	struct progress_options *o = arg;

	o->rules.amber_days = app->session->config.amber_days;
	o->rules.stale_days = app->session->config.stale_update_days;
	o->progress = progress;
	o->arg = parg;
	return progress_report_write(app->store, o, fp, e);
}

int
exportjob_progress(struct app *app, const char *path, const char *from,
    const char *to, int64_t commission_id, struct err *e)
{
	struct progress_options o = { 0 };
	int64_t done;

	if (progress_report_period(from, to, e) < 0 ||
	    reportjob_format(path, &o.format, e) < 0)
		return -1;
	o.from = from;
	o.to = to;
	o.commission_id = commission_id;
	if (reportjob_file(app, path, write_progress, &o, &done, e) < 0)
		return -1;
	app_message(app, false, "The progress report for %s to %s is in %s",
	    from, to, path);
	return 0;
}

static unsigned
progress_path_done(struct app *app, bool ok)
{
	char *path, from[sizeof app->period], *to;
	struct err e;

	if (!ok)
		return REACT_REDRAW;
	snprintf(from, sizeof from, "%s", app->period);
	to = strchr(from, ' ');
	*to++ = '\0';
	path = x_strdup(lineedit_text(&app->prompt.edit));
	if (exportjob_progress(app, path, from, to, selected_commission(app),
	    &e) < 0)
		app_message(app, true, "%s", e.msg);
	free(path);
	return REACT_REDRAW | REACT_LAYOUT;
}

/* "2012-01-01 2012-06-30" or "2012-01-01 to 2012-06-30": the two days,
 * each into 16 bytes. */
static int
split_period(const char *text, char *from, char *to, struct err *e)
{
	char word[16];
	int n = sscanf(text, " %15s %15s %15s", from, word, to);

	if (n == 2)
		memcpy(to, word, sizeof word);
	else if (n != 3 || strcmp(word, "to") != 0)
		return err_set(e, ERR_INVALID, "\"%s\": give the period as "
		    "two dates, the first day and the last: 2012-01-01 "
		    "2012-06-30", text);
	return progress_report_period(from, to, e);
}

static unsigned
period_done(struct app *app, bool ok)
{
	char from[16], to[16], *name;
	struct err e;
	unsigned react;

	if (!ok)
		return REACT_REDRAW;
	if (split_period(lineedit_text(&app->prompt.edit), from, to, &e) < 0) {
		app_message(app, true, "%s", e.msg);
		return REACT_REDRAW;
	}
	snprintf(app->period, sizeof app->period, "%s %s", from, to);
	name = x_printf("progress-%s-to-%s.html", from, to);
	react = reportjob_ask(app, "Write the progress report to (.md, .html "
	    "or .csv): ", name, progress_path_done);
	free(name);
	return react;
}

/* The last six months to today: "2012-01-01 2012-06-30" for 30 June. */
static char *
last_six_months(void)
{
	struct date today = date_today(), from;
	char a[DATE_ISO_SIZE], b[DATE_ISO_SIZE];

	from = date_from_days(date_to_days(date_add_months(today, -6)) + 1);
	date_format_iso(from, a);
	date_format_iso(today, b);
	return x_printf("%s %s", a, b);
}

/* ---- x: the timeline ---- */

static int
calendar_format_of(const char *path, enum calendar_format *f,
    struct err *e)
{
	const char *dot = strrchr(path, '.');

	if (dot != NULL && strcmp(dot, ".ics") == 0)
		*f = CALENDAR_ICS;
	else if (dot != NULL && strcmp(dot, ".csv") == 0)
		*f = CALENDAR_CSV;
	else if (dot != NULL && strcmp(dot, ".md") == 0)
		*f = CALENDAR_MD;
	else
		return err_set(e, ERR_INVALID, "\"%s\": the name ends in .ics, "
		    ".csv or .md, for the format", path);
	return 0;
}

static int
write_timeline(struct app *app, FILE *fp, void (*progress)(void *,
    int64_t, int64_t), void *parg, void *arg, struct err *e)
{
	struct calendar_options *o = arg;

	o->amber_days = app->session->config.amber_days;
	o->progress = progress;
	o->arg = parg;
	return calendar_write(app->store, o, fp, e);
}

int
exportjob_timeline(struct app *app, const char *path, int64_t commission_id,
    struct err *e)
{
	struct calendar_options o = { 0 };
	int64_t done;

	if (calendar_format_of(path, &o.format, e) < 0)
		return -1;
	o.commission_id = commission_id;
	if (reportjob_file(app, path, write_timeline, &o, &done, e) < 0)
		return -1;
	app_message(app, false, "The timeline is in %s (%lld item%s)", path,
	    (long long)done, done == 1 ? "" : "s");
	return 0;
}

static unsigned
timeline_path_done(struct app *app, bool ok)
{
	char *path;
	struct err e;

	if (!ok)
		return REACT_REDRAW;
	path = x_strdup(lineedit_text(&app->prompt.edit));
	if (exportjob_timeline(app, path, selected_commission(app), &e) < 0)
		app_message(app, true, "%s", e.msg);
	free(path);
	return REACT_REDRAW | REACT_LAYOUT;
}

bool
exportjob_action(struct app *app, enum action a, unsigned *react)
{
	char *period;

	switch (a) {
	case ACTION_PROGRESS_REPORT:
		period = last_six_months();
		*react = reportjob_ask(app, "Progress report for the period "
		    "(first day, last day): ", period, period_done);
		free(period);
		return true;
	case ACTION_EXPORT_TIMELINE:
		*react = reportjob_ask(app, "Export the timeline to (.ics, "
		    ".csv or .md): ", "timeline.ics", timeline_path_done);
		return true;
	default:
		return false;
	}
}
