/*
 * tui.c: the event loop of the full-screen interface.
 *
 * Waits for a key with a timeout; on a timeout does the work the app
 * left for when input is idle (app_idle), or else polls the database for
 * others' changes (app_tick), so the screen follows them within the
 * refresh interval without a keypress. A signal only sets a flag
 * (screen.c); the loop sees it, leaves, and restores the terminal.
 */
#include <curses.h>
#include <fcntl.h>
#include <limits.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "coopcom/ui/draw.h"
#include "coopcom/ui/drawviews.h"
#include "coopcom/ui/screen.h"
#include "coopcom/ui/tui.h"
#include "coopcom/util/text.h"
#include "coopcom/vm/app.h"
#include "coopcom/vm/writer.h"

/* COOPCOM_TRACE_FD: where to say that a screen is complete, or -1. */
static int trace_fd = -1;

static void
trace_open(void)
{
	const char *s = getenv("COOPCOM_TRACE_FD");
	char *end;
	long fd;

	if (s == NULL || *s == '\0')
		return;
	fd = strtol(s, &end, 10);
	if (*end == '\0' && fd > STDERR_FILENO && fd < INT_MAX &&
	    fcntl((int)fd, F_GETFD) >= 0)
		trace_fd = (int)fd;
}

/* One line per screen update, with its monotonic time (benchmarks). */
static void
trace_screen(void)
{
	struct timespec ts;
	char line[64];
	int n;

	if (trace_fd < 0)
		return;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	n = snprintf(line, sizeof line, "screen %lld.%09ld\n",
	    (long long)ts.tv_sec, ts.tv_nsec);
	if (write(trace_fd, line, (size_t)n) != n)
		trace_fd = -1;
}

static void
paint(struct app *app, unsigned react)
{
	/* What others wrote on the terminal is unknown to curses. */
	if (react & REACT_CLEAR)
		clearok(curscr, TRUE);
	if (react & REACT_LAYOUT)
		draw_layout(app);
	draw_screen(app);
	refresh();
	trace_screen();
}

/* How far a long job (the report) is, on the bottom line, at once. */
static void
progress(struct app *app, int64_t done, int64_t total)
{
	char line[160];

	(void)app;
	snprintf(line, sizeof line, "Writing the report to Cabinet: %lld of "
	    "%lld recommendations (%d%%)", (long long)done, (long long)total,
	    total > 0 ? (int)(done * 100 / total) : 100);
	draw_text(LINES - 1, 0, COLS, line, A_BOLD);
	refresh();
}

static unsigned
click(struct app *app, int y, int x)
{
	int64_t row;
	int panel;

	if (writer_busy(app))		/* a form or chooser has the keys */
		return REACT_NONE;
	if (app->view == VIEW_BOARD || app->view == VIEW_MINE)
		return drawviews_click(app, y, x);
	if ((panel = draw_hit(app, y, x, &row)) < 0)
		return REACT_NONE;
	return app_select(app, (enum panel)panel, row);
}

static void
loop(struct app *app, int refresh_ms)
{
	char key[32];
	unsigned react = REACT_LAYOUT | REACT_REDRAW;
	int rc, idle, y = 0, x = 0;

	while (!(react & REACT_QUIT) && !screen_quit_signal) {
		if (react & (REACT_REDRAW | REACT_LAYOUT))
			paint(app, react);
		idle = app_idle_ms(app);
		rc = screen_read_key(idle >= 0 ? idle : refresh_ms, key,
		    sizeof key, &y, &x);
		if (rc < 0)
			break;
		if (rc == 0)
			react = idle >= 0 ? app_idle(app) : app_tick(app);
		else if (rc == 2)
			react = REACT_LAYOUT | REACT_REDRAW;
		else if (rc == 3)
			react = click(app, y, x);
		else
			react = app_key(app, key);
	}
}

static int
fail(struct err *e)
{
	char *safe = text_escape(e->msg, TEXT_KEEP_NEWLINE);

	fprintf(stderr, "coopcom: %s\n", safe);
	free(safe);
	return err_exit_status(e->code) ? err_exit_status(e->code) : 1;
}

/* After the terminal is restored: where an interrupted form was kept. */
static void
report_draft(int kept, char *path, struct err *e)
{
	if (kept > 0)
		fprintf(stderr, "coopcom: the form you had open is kept as a "
		    "draft (%s); it is offered back at the next start\n", path);
	else if (kept < 0)
		fail(e);
	free(path);
}

/*
 * Another person's save holds the database: say so at once, on the bottom
 * line, rather than look frozen; the save then goes ahead and the next
 * paint replaces the notice.
 */
static void
busy_notice(void *arg, int waited_ms)
{
	(void)arg;
	(void)waited_ms;
	screen_notice("Waiting for another person's save to finish...");
}

/*
 * Each key that changes a list frees its window of rows and reads the
 * next one. By default glibc hands the top of the heap back to the system
 * as soon as 128 KiB of it is free, and takes it again page by page, each
 * page faulted in afresh: 0.6 ms of a 1.4 ms filter key on the large
 * database (make bench). Keeping up to 8 MiB free does not raise the
 * peak, which is what the system has to provide.
 */
static void
keep_heap(void)
{
#ifdef M_TRIM_THRESHOLD
	mallopt(M_TRIM_THRESHOLD, 8 << 20);
	mallopt(M_TOP_PAD, 1 << 20);
#endif
}

int
tui_run(const struct session_options *o)
{
	struct session s;
	struct app app;
	struct err e;
	char *draft = NULL;
	int status = 0, kept;

	err_clear(&e);
	memset(&app, 0, sizeof app);
	keep_heap();
	trace_open();
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		err_set(&e, ERR_INVALID, "the full-screen interface needs a "
		    "terminal; without one, use a command (coopcom --help)");
		return fail(&e);
	}
	if (session_init(&s, o, &e) < 0 || session_open_store(&s, false,
	    &e) < 0 || app_init_deferred(&app, &s, &e) < 0) {
		app_done(&app);
		session_done(&s);
		return fail(&e);
	}
	if (screen_start(s.config.colour) < 0) {
		err_set(&e, ERR_IO, "cannot start the full-screen interface: "
		    "is TERM set to a terminal type this system knows?");
		status = fail(&e);
	} else {
		app.progress = progress;
		store_set_busy_notify(s.store, busy_notice, NULL);
		writer_offer_draft(&app);
		loop(&app, s.config.refresh_ms);
		kept = screen_quit_signal ? writer_keep_draft(&app, &draft,
		    &e) : 0;
		screen_restore();
		report_draft(kept, draft, &e);
	}
	app_done(&app);
	session_done(&s);
	return status;
}
