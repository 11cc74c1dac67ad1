/*
 * test_screen.c: the screens, drawn by the real drawing code into a
 * headless curses screen, compared with golden screens.
 *
 * curses writes to /dev/null; the test reads back what it drew with
 * mvinnwstr. The database is the demo, made afresh in a temporary folder
 * and opened by a relative path, so the status line is the same on every
 * machine; today is fixed. UPDATE_GOLDEN=1 rewrites the golden files
 * (then read the diff before committing them).
 */
#include <check.h>
#include <curses.h>
#include <errno.h>
#include <fcntl.h>
#include <pty.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>

#include "../check.h"
#include "coopcom/conf/workflow_file.h"
#include "coopcom/core/date.h"
#include "coopcom/store/demo.h"
#include "coopcom/ui/draw.h"
#include "coopcom/ui/screen.h"
#include "coopcom/util/buf.h"
#include "coopcom/util/xalloc.h"
#include "coopcom/vm/app.h"

static char *dir;
static struct session session;
static struct app app;
static SCREEN *screen;
static FILE *devnull_out, *devnull_in;

static void
open_session(void)
{
	struct store_options o = { .path = "screen.db", .login = "fmercer",
		.flags = STORE_CREATE, .busy_ms = 5000 };
	struct err e;

	memset(&session, 0, sizeof session);
	config_defaults(&session.config);
	session.workflow = workflow_file_load_default(&e);
	ck_assert_ptr_nonnull(session.workflow);
	o.workflow = session.workflow;
	session.login = x_strdup("fmercer");
	session.db_path = x_strdup("screen.db");
	ck_assert_msg(store_open(&session.store, &o, &e) == 0, "%s", e.msg);
	ck_assert_msg(store_bootstrap_admin(session.store, "fmercer",
	    "Felicity Mercer", &e) == 0, "%s", e.msg);
	ck_assert_msg(demo_build(session.store, &e) == 0, "%s", e.msg);
}

static void
setup(void)
{
	struct err e;

	dir = x_strdup("/tmp/coopcom-screen-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	ck_assert_int_eq(chdir(dir), 0);
	date_set_today((struct date){ 2012, 6, 1 });
	open_session();
	ck_assert_msg(app_init(&app, &session, &e) == 0, "%s", e.msg);
	devnull_out = fopen("/dev/null", "w");
	devnull_in = fopen("/dev/null", "r");
	screen = newterm("xterm", devnull_out, devnull_in);
	ck_assert_ptr_nonnull(screen);
}

static void
teardown(void)
{
	char *cmd;

	endwin();
	delscreen(screen);
	fclose(devnull_out);
	fclose(devnull_in);
	app_done(&app);
	session_done(&session);
	date_set_today((struct date){ 0, 0, 0 });
	cmd = x_printf("rm -rf '%s'", dir);
	ck_assert_int_eq(system(cmd), 0);
	free(cmd);
	free(dir);
}

/*
 * Times of day come from the clock (when the demo was built): "2026-11-22
 * 14:03" is compared as "####-##-## ##:##". Dates alone are the demo's.
 */
static void
mask_times(char *s)
{
	static const char shape[] = "dddd-dd-dd dd:dd";
	size_t i, n = sizeof shape - 1;
	char *p;

	for (p = s; strlen(p) >= n; p++) {
		for (i = 0; i < n; i++)
			if ((shape[i] == 'd') != (p[i] >= '0' && p[i] <= '9') ||
			    (shape[i] != 'd' && p[i] != shape[i]))
				break;
		if (i < n)
			continue;
		for (i = 0; i < n; i++)
			if (shape[i] == 'd')
				p[i] = '#';
	}
}

/* What the screen shows, one line per row, trailing blanks removed. */
static char *
dump(void)
{
	wchar_t row[512];
	char line[2048];
	struct buf out;
	size_t n;
	int y;

	buf_init(&out);
	for (y = 0; y < LINES; y++) {
		memset(row, 0, sizeof row);
		mvinnwstr(y, 0, row, COLS);
		n = wcstombs(line, row, sizeof line - 1);
		if (n == (size_t)-1)
			n = 0;
		line[n] = '\0';
		while (n > 0 && line[n - 1] == ' ')
			line[--n] = '\0';
		mask_times(line);
		buf_printf(&out, "%s\n", line);
	}
	return buf_steal(&out);
}

static void
show(int lines, int cols)
{
	resizeterm(lines, cols);
	draw_layout(&app);
	draw_screen(&app);
}

static void
keys(const char *const *names)
{
	for (; *names != NULL; names++)
		app_key(&app, *names);
}

static char *
golden_path(const char *name)
{
	const char *top = getenv("top_srcdir");

	return x_printf("%s/tests/ui/golden/%s.txt", top ? top : ".", name);
}

static char *
read_file(const char *path)
{
	struct buf b;
	char chunk[4096];
	size_t n;
	FILE *fp = fopen(path, "r");

	if (fp == NULL)
		return NULL;
	buf_init(&b);
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		buf_addn(&b, chunk, n);
	fclose(fp);
	return buf_steal(&b);
}

static void
compare(const char *name)
{
	char *got = dump(), *path = golden_path(name), *want;
	FILE *fp;

	if (getenv("UPDATE_GOLDEN") != NULL) {
		fp = fopen(path, "w");
		ck_assert_msg(fp != NULL, "%s: %s", path, strerror(errno));
		fputs(got, fp);
		fclose(fp);
	}
	want = read_file(path);
	ck_assert_msg(want != NULL, "no golden screen %s (UPDATE_GOLDEN=1 "
	    "makes it)", path);
	ck_assert_msg(strcmp(got, want) == 0, "screen %s differs.\n"
	    "--- got ---\n%s--- want ---\n%s", name, got, want);
	free(want);
	free(path);
	free(got);
}

START_TEST(test_main_80x24)
{
	show(24, 80);
	compare("main-80x24");
}
END_TEST

START_TEST(test_recommendations_80x24)
{
	static const char *const k[] = { "l", "j", "l", "j", "l", NULL };

	keys(k);
	show(24, 80);
	compare("recommendations-80x24");
}
END_TEST

START_TEST(test_board_80x24)
{
	static const char *const k[] = { "2", NULL };

	keys(k);
	show(24, 80);
	compare("board-80x24");
}
END_TEST

START_TEST(test_mywork_80x24)
{
	static const char *const k[] = { "3", NULL };

	keys(k);
	show(24, 80);
	compare("mywork-80x24");
}
END_TEST

START_TEST(test_help_80x24)
{
	static const char *const k[] = { "?", NULL };

	keys(k);
	show(24, 80);
	compare("help-80x24");
}
END_TEST

/* The end of the help: the last key at the bottom, none past it. */
START_TEST(test_help_end_80x24)
{
	static const char *const k[] = { "?", "G", "j", NULL };

	keys(k);
	show(24, 80);
	compare("help-end-80x24");
}
END_TEST

/*
 * The timeline chart on a day in the middle of the demo's next steps:
 * by months, then by weeks after ] and + (and t back to today), then
 * grouped by theme after b twice.
 */
static const struct {
	const char *golden;
	const char *keys[6];
} charts[] = {
	{ "timeline-80x24", { "4", NULL } },
	{ "timeline-weeks-80x24", { "4", "]", "]", "+", "t", NULL } },
	{ "timeline-themes-80x24", { "4", "b", "b", "j", NULL } },
};

START_TEST(test_timeline_80x24)
{
	const char *const *k;

	date_set_today((struct date){ 2011, 9, 15 });
	show(24, 80);
	for (k = charts[_i].keys; *k != NULL; k++) {
		app_key(&app, *k);
		show(24, 80);	/* as the loop draws after each key */
	}
	compare(charts[_i].golden);
}
END_TEST

START_TEST(test_small_40x12)
{
	static const char *const k[] = { "l", NULL };

	keys(k);
	show(12, 40);
	compare("main-40x12");
}
END_TEST

START_TEST(test_tiny_20x5)
{
	show(5, 20);
	compare("main-20x5");
	show(4, 10);
	compare("too-small-10x4");
}
END_TEST

START_TEST(test_hostile_text_escaped)
{
	char *got;

	static const char *const k[] = { "5", NULL };

	ck_assert_int_eq(system("sqlite3 screen.db \"UPDATE person SET "
	    "name = 'Evil' || char(27) || '[31m' || char(7) || "
	    "char(8238) || 'x' WHERE login = 'fmercer'\""), 0);
	app_tick(&app);
	keys(k);
	show(24, 200);
	got = dump();
	ck_assert_msg(strstr(got, "Evil\\e[31m\\x07\\u202ex") != NULL,
	    "escaped name not on screen:\n%s", got);
	ck_assert_ptr_null(strchr(got, 27));
	ck_assert_ptr_null(strchr(got, 7));
	ck_assert_ptr_null(strstr(got, "\xe2\x80\xae"));
	free(got);
}
END_TEST

/*
 * A fatal error (out of memory, a broken invariant) with the screen
 * started: the terminal is put back (fatal calls screen_restore) before
 * the message, so the person's shell is usable. The child draws on a
 * pty; its line discipline and the bytes written are checked.
 */
START_TEST(test_fatal_restores_terminal)
{
	struct termios before, after;
	char out[16384];
	size_t len = 0;
	ssize_t n;
	int master, slave, status;
	pid_t pid;

	ck_assert_int_eq(openpty(&master, &slave, NULL, NULL, NULL), 0);
	ck_assert_int_eq(tcgetattr(slave, &before), 0);
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		setsid();
		dup2(slave, 0);
		dup2(slave, 1);
		dup2(slave, 2);
		setenv("TERM", "xterm", 1);
		if (screen_start(false) < 0)
			_exit(1);
		mvaddstr(0, 0, "drawn");
		refresh();
		fatal("a test of the fatal path");
	}
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert(WIFEXITED(status));
	ck_assert_int_eq(WEXITSTATUS(status), 70);
	ck_assert_int_eq(tcgetattr(slave, &after), 0);
	ck_assert_int_eq(after.c_lflag & (ICANON | ECHO),
	    before.c_lflag & (ICANON | ECHO));
	fcntl(master, F_SETFL, O_NONBLOCK);
	while (len < sizeof out - 1 &&
	    (n = read(master, out + len, sizeof out - 1 - len)) > 0)
		len += (size_t)n;
	out[len] = '\0';
	/* The alternate screen was entered, then left before the message. */
	ck_assert_ptr_nonnull(strstr(out, "\033[?1049h"));
	ck_assert_ptr_nonnull(strstr(out, "\033[?1049l"));
	ck_assert_ptr_nonnull(strstr(out, "coopcom: fatal: a test"));
	ck_assert(strstr(out, "\033[?1049l") < strstr(out, "coopcom: fatal"));
	close(master);
	close(slave);
}
END_TEST

Suite *
screen_suite(void)
{
	Suite *s = suite_create("screen");
	TCase *tc = tcase_create("golden");

	tcase_set_timeout(tc, 60);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_main_80x24);
	tcase_add_test(tc, test_recommendations_80x24);
	tcase_add_test(tc, test_board_80x24);
	tcase_add_test(tc, test_mywork_80x24);
	tcase_add_test(tc, test_help_80x24);
	tcase_add_test(tc, test_help_end_80x24);
	tcase_add_loop_test(tc, test_timeline_80x24, 0,
	    sizeof charts / sizeof charts[0]);
	tcase_add_test(tc, test_small_40x12);
	tcase_add_test(tc, test_tiny_20x5);
	tcase_add_test(tc, test_hostile_text_escaped);
	suite_add_tcase(s, tc);
	tc = tcase_create("restore");
	tcase_add_test(tc, test_fatal_restores_terminal);
	suite_add_tcase(s, tc);
	return s;
}
