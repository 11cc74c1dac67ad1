/*
 * screen.c: curses set-up and tear-down, colours, signals and key names.
 */
#include <curses.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "coopcom/ui/screen.h"
#include "coopcom/util/text.h"
#include "coopcom/util/xalloc.h"

volatile sig_atomic_t screen_quit_signal;
static bool started;
static int attrs[STYLE_COUNT];

static void
on_signal(int sig)
{
	screen_quit_signal = sig;
}

static void
catch_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);
}

/* Monochrome attributes always mark state; colour is only added. */
static void
set_styles(bool colour)
{
	attrs[STYLE_NORMAL] = A_NORMAL;
	attrs[STYLE_HEADER] = A_BOLD;
	attrs[STYLE_SELECTED] = A_REVERSE;
	attrs[STYLE_SELECTED_DIM] = A_UNDERLINE;
	attrs[STYLE_STATUS] = A_REVERSE;
	attrs[STYLE_ERROR] = A_BOLD;
	attrs[STYLE_DIM] = A_DIM;
	attrs[STYLE_TITLE] = A_BOLD;
	attrs[STYLE_RAG_RED] = A_BOLD;
	attrs[STYLE_RAG_AMBER] = A_BOLD;
	attrs[STYLE_RAG_GREEN] = A_NORMAL;
	attrs[STYLE_RAG_DONE] = A_DIM;
	if (!colour || !has_colors() || start_color() == ERR)
		return;
	use_default_colors();
	init_pair(1, COLOR_CYAN, -1);
	init_pair(2, COLOR_RED, -1);
	init_pair(3, COLOR_BLACK, COLOR_CYAN);
	attrs[STYLE_HEADER] |= COLOR_PAIR(1);
	attrs[STYLE_ERROR] |= COLOR_PAIR(2);
	attrs[STYLE_STATUS] = COLOR_PAIR(3);
	attrs[STYLE_TITLE] |= COLOR_PAIR(1);
	init_pair(4, COLOR_WHITE, COLOR_RED);
	init_pair(5, COLOR_BLACK, COLOR_YELLOW);
	init_pair(6, COLOR_BLACK, COLOR_GREEN);
	attrs[STYLE_RAG_RED] = A_BOLD | COLOR_PAIR(4);
	attrs[STYLE_RAG_AMBER] = COLOR_PAIR(5);
	attrs[STYLE_RAG_GREEN] = COLOR_PAIR(6);
}

int
screen_start(bool colour)
{
	const char *no_color = getenv("NO_COLOR");

	catch_signals();
	if (initscr() == NULL)
		return -1;
	started = true;
	fatal_set_hook(screen_restore);
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	curs_set(0);
	mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED, NULL);
	mouseinterval(0);
	set_styles(colour && (no_color == NULL || *no_color == '\0'));
	return 0;
}

void
screen_restore(void)
{
	if (!started)
		return;
	started = false;
	curs_set(1);
	endwin();
	fflush(stdout);
}

void
screen_notice(const char *text)
{
	if (!started)
		return;
	move(LINES - 1, 0);
	clrtoeol();
	attron(A_BOLD);
	addnstr(text, COLS > 1 ? COLS - 1 : 1);
	attroff(A_BOLD);
	refresh();
}

int
screen_attr(enum screen_style s)
{
	return attrs[s];
}

static const struct {
	int code;
	const char *name;
} keys[] = {
	{ KEY_UP, "Up" }, { KEY_DOWN, "Down" }, { KEY_LEFT, "Left" },
	{ KEY_RIGHT, "Right" }, { KEY_PPAGE, "PageUp" },
	{ KEY_NPAGE, "PageDown" }, { KEY_HOME, "Home" }, { KEY_END, "End" },
	{ KEY_BACKSPACE, "Backspace" }, { KEY_DC, "Delete" },
	{ KEY_IC, "Insert" }, { KEY_BTAB, "BackTab" }, { KEY_ENTER, "Enter" },
};

static void
name_function_key(int code, char *name, size_t size)
{
	size_t i;

	for (i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		if (keys[i].code == code) {
			snprintf(name, size, "%s", keys[i].name);
			return;
		}
	}
	if (code >= KEY_F(1) && code <= KEY_F(12))
		snprintf(name, size, "F%d", code - KEY_F(0));
	else
		snprintf(name, size, "Key%d", code);
}

static void
name_char(wint_t ch, char *name, size_t size)
{
	char utf8[4];
	int n;

	if (ch == '\r' || ch == '\n')
		snprintf(name, size, "Enter");
	else if (ch == 27)
		snprintf(name, size, "Escape");
	else if (ch == '\t')
		snprintf(name, size, "Tab");
	else if (ch == ' ')
		snprintf(name, size, "Space");
	else if (ch == 127 || ch == 8)
		snprintf(name, size, "Backspace");
	else if (ch >= 1 && ch <= 26)
		snprintf(name, size, "C-%c", 'a' + (int)ch - 1);
	else if ((n = utf8_encode((uint32_t)ch, utf8)) > 0 && ch >= 0x20)
		snprintf(name, size, "%.*s", n, utf8);
	else
		snprintf(name, size, "Char%u", (unsigned)ch);
}

int
screen_read_key(int timeout_ms, char *name, size_t size, int *y, int *x)
{
	MEVENT ev;
	wint_t ch;
	int rc;

	timeout(timeout_ms);
	rc = get_wch(&ch);
	if (rc == ERR)
		return screen_quit_signal ? -1 : 0;
	if (rc == KEY_CODE_YES) {
		if (ch == KEY_RESIZE)
			return 2;
		if (ch == KEY_MOUSE) {
			if (getmouse(&ev) != OK)
				return 0;
			*y = ev.y;
			*x = ev.x;
			return 3;
		}
		name_function_key((int)ch, name, size);
		return 1;
	}
	name_char(ch, name, size);
	return 1;
}
