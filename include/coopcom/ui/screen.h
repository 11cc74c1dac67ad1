/*
 * screen.h: the terminal: starting and restoring curses, colours, keys.
 *
 * The terminal is restored on every way out: a normal quit, SIGTERM,
 * SIGHUP or SIGINT (the handlers only set a flag; the loop acts on it),
 * and a fatal error (fatal() calls screen_restore through its hook).
 */
#ifndef COOPCOM_UI_SCREEN_H
#define COOPCOM_UI_SCREEN_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>

/* Attributes by meaning; colour when the terminal and settings allow. */
enum screen_style {
	STYLE_NORMAL,
	STYLE_HEADER,		/* column headers, panel titles */
	STYLE_SELECTED,		/* the selected row of the focused panel */
	STYLE_SELECTED_DIM,	/* the selected row of another panel */
	STYLE_STATUS,		/* the status line */
	STYLE_ERROR,		/* an error message */
	STYLE_DIM,		/* greyed: not allowed now */
	STYLE_TITLE,		/* the top line */
	STYLE_RAG_RED,		/* delivery red/amber/green/done: beside */
	STYLE_RAG_AMBER,	/* a symbol (R A G ✓), never alone */
	STYLE_RAG_GREEN,
	STYLE_RAG_DONE,
	STYLE_COUNT
};

/* Set by the signal handlers; the loop quits when it is non-zero. */
extern volatile sig_atomic_t screen_quit_signal;

/* Starts curses on the terminal; COLOUR false (or NO_COLOR) for none. */
int screen_start(bool colour);
/* Writes TEXT (safe text) on the bottom line and shows it at once. */
void screen_notice(const char *text);

/* Restores the terminal; safe to call twice, and from the fatal hook. */
void screen_restore(void);
int screen_attr(enum screen_style s);

/*
 * Reads one key, waiting at most TIMEOUT_MS; writes its name (keymap.h)
 * into NAME. Returns 1 for a key, 0 on timeout, 2 for a resize, 3 for a
 * mouse click (its position in *y, *x), -1 when input is gone.
 */
int screen_read_key(int timeout_ms, char *name, size_t size, int *y, int *x);

#endif
