/*
 * reportjob.c: writing the report to Cabinet, and any document, from
 * the full-screen interface (see reportjob.h).
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "coopcom/util/xalloc.h"
#include "coopcom/vm/app.h"
#include "coopcom/vm/report.h"
#include "coopcom/vm/reportjob.h"

#define BUFFER (1 << 20)

int
reportjob_format(const char *path, enum doc_format *f, struct err *e)
{
	const char *dot = strrchr(path, '.');

	if (dot != NULL && strcmp(dot, ".md") == 0)
		*f = DOC_MD;
	else if (dot != NULL && (strcmp(dot, ".html") == 0 ||
	    strcmp(dot, ".htm") == 0))
		*f = DOC_HTML;
	else if (dot != NULL && strcmp(dot, ".csv") == 0)
		*f = DOC_CSV;
	else
		return err_set(e, ERR_INVALID, "\"%s\": the name ends in .md, "
		    ".html or .csv, for the format", path);
	return 0;
}

/* The process's umask: mkstemp makes files 0600, a report is as any file. */
static mode_t
umask_now(void)
{
	mode_t m = umask(022);

	umask(m);
	return m;
}

struct job {
	struct app *app;
	int64_t done;
};

static void
progress(void *arg, int64_t done, int64_t total)
{
	struct job *j = arg;

	j->done = done;
	if (j->app->progress != NULL)
		j->app->progress(j->app, done, total);
}

int
reportjob_file(struct app *app, const char *path,
    int (*write)(struct app *app, FILE *fp, void (*progress)(void *parg,
    int64_t done, int64_t total), void *parg, void *arg, struct err *e),
    void *arg, int64_t *done, struct err *e)
{
	struct job j = { app, 0 };
	char *tmp = x_printf("%s.tmp-XXXXXX", path), *buffer;
	FILE *fp = NULL;
	int fd, rc;

	if (app->session->remote) {
		free(tmp);
		return err_set(e, ERR_DENIED, "over SSH coopcom writes no "
		    "file on the host, so %s was not written: ask someone "
		    "at the host for it", path);
	}
	if ((fd = mkstemp(tmp)) < 0 || fchmod(fd, 0666 & ~umask_now()) < 0 ||
	    (fp = fdopen(fd, "w")) == NULL) {
		err_set(e, ERR_IO, "cannot write beside %s: %s", path,
		    strerror(errno));
		if (fd >= 0) {
			close(fd);
			unlink(tmp);
		}
		free(tmp);
		return -1;
	}
	buffer = x_malloc(BUFFER);
	setvbuf(fp, buffer, _IOFBF, BUFFER);
	rc = write(app, fp, progress, &j, arg, e);
	if (fclose(fp) != 0 && rc == 0)
		rc = err_set(e, ERR_IO, "cannot write %s: %s", path,
		    strerror(errno));
	if (rc == 0 && rename(tmp, path) < 0)
		rc = err_set(e, ERR_IO, "cannot write %s: %s", path,
		    strerror(errno));
	if (rc < 0)
		unlink(tmp);
	*done = j.done;
	free(buffer);
	free(tmp);
	return rc;
}

static int
write_report(struct app *app, FILE *fp, void (*prog)(void *, int64_t,
    int64_t), void *parg, void *arg, struct err *e)
{
	struct report_options *o = arg;

	o->key_decision_pence = app->session->config.key_decision_pence;
	o->progress = prog;
	o->arg = parg;
	return report_write(app->store, o, fp, e);
}

int
reportjob_write(struct app *app, const char *path, int64_t commission_id,
    struct err *e)
{
	struct report_options o = { 0 };
	int64_t done;

	if (reportjob_format(path, &o.format, e) < 0)
		return -1;
	o.commission_id = commission_id;
	if (reportjob_file(app, path, write_report, &o, &done, e) < 0)
		return -1;
	app_message(app, false, "The report to Cabinet is in %s (%lld "
	    "recommendation%s)", path, (long long)done, done == 1 ? "" : "s");
	return 0;
}

static unsigned
path_done(struct app *app, bool ok)
{
	char *path;
	struct err e;

	if (!ok)
		return REACT_REDRAW;
	path = x_strdup(lineedit_text(&app->prompt.edit));
	if (reportjob_write(app, path, listview_selected_id(
	    &app->lists[PANEL_COMMISSIONS]), &e) < 0)
		app_message(app, true, "%s", e.msg);
	free(path);
	return REACT_REDRAW | REACT_LAYOUT;
}

unsigned
reportjob_ask(struct app *app, const char *label, const char *initial,
    unsigned (*done)(struct app *app, bool ok))
{
	struct prompt *p = &app->prompt;

	p->kind = PROMPT_LINE;
	snprintf(p->label, sizeof p->label, "%s", label);
	lineedit_set(&p->edit, initial);
	p->on_change = NULL;
	p->on_done = done;
	return REACT_REDRAW | REACT_LAYOUT;
}

bool
reportjob_action(struct app *app, enum action a, unsigned *react)
{
	if (a != ACTION_REPORT)
		return false;
	*react = reportjob_ask(app, "Write the report to Cabinet to (.md, "
	    ".html or .csv): ", "report-to-cabinet.html", path_done);
	return true;
}
