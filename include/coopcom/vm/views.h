/*
 * views.h: the reading side of the full-screen interface.
 *
 * The stage board (a commission's recommendations in a column per
 * stage), "my work" (what the person acting can act on now, and why),
 * the filters of the recommendations panel, the status line's counts and
 * the detail panel's text. Like app.h it knows nothing of curses: the app
 * calls these hooks, the UI reads the state, and the tests feed actions
 * and look at the state.
 */
#ifndef COOPCOM_VM_VIEWS_H
#define COOPCOM_VM_VIEWS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "coopcom/core/workflow.h"
#include "coopcom/util/err.h"
#include "coopcom/vm/action.h"
#include "coopcom/vm/chooser.h"
#include "coopcom/vm/listview.h"

struct app;

/* One column of the stage board: the recommendations at one stage. */
struct board_column {
	const struct workflow_stage *stage;	/* borrowed from the workflow */
	struct listview lv;
};

struct board {
	struct board_column *cols;	/* open stages in the workflow's
					   order, then the final ones */
	size_t n;			/* columns */
	size_t nopen;			/* the first nopen are not final */
	bool show_final;		/* final stages shown, at the right */
	size_t focus;			/* the column with the cursor */
	size_t first;			/* the first column on screen */
	size_t fit;			/* columns the screen has room for */
	int64_t commission;		/* whose recommendations; 0 for none */
};

/* What the filter menu (a chooser's purpose) is asking. */
enum menu_kind {
	MENU_NONE,		/* closed */
	MENU_FILTER,		/* which filter */
	MENU_STAGE,		/* which stage */
	MENU_TERM,		/* which term */
	MENU_ACTIVITY		/* which filter of the activity (activity.h) */
};

struct views_status {
	char *who;		/* owned: "fmercer, secretary of CC" */
	int64_t needs_me;	/* rows of "my work" */
	int64_t overdue;	/* overdue recommendations, everywhere */
	int64_t version;	/* store_data_version they were read at */
	bool counted;		/* needs_me and overdue were counted once */
	bool stale;		/* they are to be counted again: at once, or
				   when input is idle (app->defer) */
};

struct views {
	struct board board;
	struct listview mywork;
	struct chooser menu;	/* the filter menu; purpose MENU_NONE when
				   closed. Items that cannot be picked here
				   are disabled, their detail says why */
	bool whole;		/* the recommendations panel shows the whole
				   commission rather than one sub-group */
	struct views_status status;
};

/* Called by app_init (after the lists are made) and app_done. */
void views_init(struct app *app);
void views_done(struct app *app);

/*
 * Reloads the board, my work and the status counts (after a change). With
 * app->defer the counts, which read the whole database, are left stale
 * for views_count.
 */
int views_reload(struct app *app, struct err *e);
/* Counts the status line's figures when stale: 1 when it did, 0, or -1. */
int views_count(struct app *app, struct err *e);

/* The UI's list height, passed on by app_set_heights. */
void views_set_heights(struct app *app, int rows);

/*
 * Handles action A when it belongs to these views (the board, my work,
 * filters, clearing them): true, with the reaction in *react. False for
 * an action the app handles itself.
 */
bool views_action(struct app *app, enum action a, unsigned *react);

/* A key while the menu is open: true when the menu took it. */
bool views_key(struct app *app, const char *key, unsigned *react);

/* The list with the cursor in the board, my work or the delivery
 * tracker (Enter opens its recommendation); NULL elsewhere. */
struct listview *views_current_list(struct app *app);

/*
 * Points the recommendations panel at the selected sub-group, or at the
 * whole commission (the scope filter, or while searching). The caller
 * reloads it.
 */
void views_scope(struct app *app);

/*
 * Fills app->detail with the selected recommendation: every field (the
 * stage by its label, the target date marked when overdue), who owns it
 * (the sub-group's chair), and its history in words.
 */
int views_detail(struct app *app, struct err *e);

struct detail;
/*
 * Fills D with milestone ID: every field (the timescale as written,
 * then the dates derived from it and their kind, and its due state
 * today), when it last changed, and its history in words. D's width
 * is the caller's.
 */
int views_milestone_detail(struct app *app, struct detail *d, int64_t id,
    struct err *e);

/* A click: selects ROW of the board's shown column COLUMN (0 in my
 * work); the reaction. */
unsigned views_select(struct app *app, size_t column, int64_t row);
/* Shows recommendation ID in the main view's detail panel (the timeline's
 * Enter); the reaction. */
unsigned views_open_recommendation(struct app *app, int64_t id);

/* The UI says how many board columns fit across the screen. */
void views_board_fit(struct app *app, size_t fit);
/* Columns the board shows now (open ones, and final ones when shown). */
size_t views_board_shown(const struct app *app);

/*
 * The filters of F in words for a panel title ("stage draft, term short,
 * overdue, search \"lib\""), "" for none; safe text, caller frees.
 */
char *views_filter_text(const struct app *app, const struct list_filter *f);

/* Whether row ROW of a recommendation list is past its target date and
 * not in a final stage (drawn with a mark). */
bool views_row_overdue(const struct app *app, const struct listview *lv,
    int64_t row);

/* The label of stage ID in the workflow, or ID itself; borrowed. */
const char *views_stage_label(const struct app *app, const char *id);

/* The status line without the message: safe text, caller frees. */
char *views_status_line(const struct app *app);

#endif
