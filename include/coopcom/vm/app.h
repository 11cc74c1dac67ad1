/*
 * app.h: the full-screen interface's state, without curses.
 *
 * The app holds every view's panels (list views paged from SQLite), the
 * focus, the pending prompt and the status message. Keys come in as
 * names (keymap.h); each returns reaction flags so the loop knows what
 * to do. The UI only lays out, draws and reads keys: everything a key
 * does is here, and is tested in plain C.
 */
#ifndef COOPCOM_VM_APP_H
#define COOPCOM_VM_APP_H

#include <stdbool.h>
#include <stdint.h>

#include "coopcom/util/text.h"
#include "coopcom/vm/action.h"
#include "coopcom/vm/activity.h"
#include "coopcom/vm/keymap.h"
#include "coopcom/vm/lineedit.h"
#include "coopcom/vm/listview.h"
#include "coopcom/vm/session.h"
#include "coopcom/vm/timeline.h"
#include "coopcom/vm/views.h"

enum reaction {
	REACT_NONE = 0,
	REACT_REDRAW = 1 << 0,	/* something on screen changed */
	REACT_LAYOUT = 1 << 1,	/* panel sizes must be set again */
	REACT_QUIT = 1 << 2,
	REACT_CLEAR = 1 << 3	/* the whole terminal must be drawn again */
};

enum view {
	VIEW_MAIN,		/* commissions | sub-groups | recommendations | detail */
	VIEW_BOARD,		/* a commission's recommendations by stage */
	VIEW_MINE,		/* what the person acting can act on now */
	VIEW_TIMELINE,		/* the timeline chart (timeline.h) */
	VIEW_PEOPLE,
	VIEW_DELIVERY,		/* adopted recommendations, red first */
	VIEW_ACTIVITY,		/* the audit timeline (activity.h) */
	VIEW_MEETING,		/* a meeting's agenda (meetingview.h) */
	VIEW_HELP,		/* every key, from the action table */
	VIEW_COUNT
};

enum panel {
	PANEL_COMMISSIONS,
	PANEL_SUBGROUPS,
	PANEL_RECOMMENDATIONS,
	PANEL_DETAIL,
	PANEL_COUNT
};

enum prompt_kind {
	PROMPT_NONE,
	PROMPT_LINE,		/* one line of text */
	PROMPT_CONFIRM		/* y or n */
};

struct app;
struct impactgrid;
struct meetingview;
struct writer;

/* A question the UI shows at the bottom line; input is data. */
struct prompt {
	enum prompt_kind kind;
	char label[160];		/* the question, safe text */
	struct lineedit edit;		/* PROMPT_LINE: what is typed */
	/* Called after each change (search as you type), or NULL. */
	unsigned (*on_change)(struct app *app);
	/* Called once with ok = accepted (Enter, y) or not (Escape, n). */
	unsigned (*on_done)(struct app *app, bool ok);
};

/* The detail panel: the selected record as wrapped lines. */
struct detail {
	int64_t id;			/* the recommendation shown, 0 for none */
	struct text_lines lines;	/* safe, wrapped text */
	int scroll;			/* first line shown */
	int width, height;
	bool stale;			/* lines are of the last selection but
					   one: rebuilt by app_idle (defer) */
};

struct app {
	struct session *session;	/* borrowed */
	struct store *store;		/* borrowed from the session */
	struct keymap keys;
	enum view view;
	enum view back;			/* the view HELP returns to */
	enum panel focus;
	struct listview lists[PANEL_DETAIL];	/* main view's list panels */
	struct listview timeline;	/* the chart's rows (timeline.h) */
	struct timeline chart;		/* its window of time, zoom, groups */
	struct listview people;
	struct listview delivery;	/* the delivery tracker */
	struct activity activity;	/* the audit timeline */
	struct detail detail;
	struct detail milestone;	/* the timeline's milestone detail
					   (timeline.h) */
	struct views views;		/* board, my work, filters, status */
	struct writer *writer;		/* forms, choosers, drafts (writer.h);
					   NULL until first needed */
	struct meetingview *meeting;	/* meeting mode (meetingview.h), or
					   NULL until first needed */
	struct impactgrid *grid;	/* the impact grid open, or NULL */
	/* Set by the UI: shows how far a long job (the report) is; NULL
	 * for none. */
	void (*progress)(struct app *app, int64_t done, int64_t total);
	struct prompt prompt;
	char period[32];		/* p: the period asked, "FROM TO",
					   until the file is (exportjob.h) */
	int help_scroll;		/* the first action shown; the UI keeps
					   the last one at the bottom */
	char message[512];		/* status message, safe text */
	bool message_error;
	int64_t data_version;		/* to notice others' changes */
	bool defer;			/* app_init_deferred: see app_idle */
	bool search_stale;		/* the search typed is not run yet:
					   app_idle runs it (defer) */
	bool search_ready;		/* store_search_warm was run, or
					   need not be (no defer) */
};

int app_init(struct app *app, struct session *s, struct err *e);
/*
 * As app_init, for the full-screen loop, which then calls app_idle when
 * input is idle: so that the first screen and each key are answered at
 * once, work that can wait is left for then. The status line's counts
 * read the whole database, and show "…" until first counted; after a
 * move in a list, the detail panel keeps the last record's text until
 * input rests for APP_IDLE_DETAIL_MS (a key that uses the detail first
 * brings it up to date). A search typed is run once typing pauses for
 * APP_IDLE_SEARCH_MS, each letter showing at once; the search is readied
 * (store_search_warm) with the first counts. A list paged down
 * keeps its cursor open (listview.h) until input rests for the refresh
 * interval (refresh_ms), when the loop would look for others' changes.
 */
int app_init_deferred(struct app *app, struct session *s, struct err *e);
#define APP_IDLE_DETAIL_MS 60
#define APP_IDLE_SEARCH_MS 60
/* How long input must be idle before app_idle has work, or -1: none. */
int app_idle_ms(const struct app *app);
unsigned app_idle(struct app *app);
void app_done(struct app *app);

/* A keypress, by key name: to the prompt when one is open, else mapped. */
unsigned app_key(struct app *app, const char *key);
unsigned app_action(struct app *app, enum action a);

/* Focuses PANEL and selects ROW in it (a mouse click). */
unsigned app_select(struct app *app, enum panel panel, int64_t row);

/* Polls for others' changes; reloads and keeps selections when there are. */
unsigned app_tick(struct app *app);
/* Reloads every list after a change of one's own, keeping selections. */
int app_reload(struct app *app, struct err *e);

/*
 * The detail follows the selected recommendation after the list changed
 * (a filter): read again only for another record, and with app->defer
 * once input rests, as after a move. 0, or -1 with E.
 */
int app_detail_follow(struct app *app, struct err *e);

/* The UI tells the app how many rows each list panel shows. */
void app_set_heights(struct app *app, int list_rows, int detail_width,
    int detail_rows);

/* The list panel shown for a view's focus, or NULL (help, detail). */
struct listview *app_current_list(struct app *app);
/* Sets the status message (printf-style, escaped for the terminal). */
void app_message(struct app *app, bool error, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
