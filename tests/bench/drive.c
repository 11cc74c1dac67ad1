/*
 * drive.c: coopcom-drive runs a full-screen program on a pseudo-terminal
 * and times its keystrokes, for `make bench`.
 *
 *   coopcom-drive [--quiet MS] [--cols N] [--lines N] SCRIPT -- PROGRAM ARGS
 *
 * The program runs on a pseudo-terminal of 80x24 (by default) whose other
 * end is read here, so every byte it sends to the terminal is counted.
 * A keystroke is done when the screen is complete: by default, when the
 * program writes a line to the file descriptor named by COOPCOM_TRACE_FD
 * (coopcom does after each screen update; the line's monotonic time is
 * the end of the keystroke); with --quiet MS, for a program without such
 * a trace (calcurse), when its output has been quiet for MS milliseconds,
 * the end being its last byte (at start-up, once 500 bytes came).
 *
 * The script has one command a line:
 *   start              start the program; time to its first complete screen
 *   key LABEL KEYS     send KEYS and time them under LABEL ("-": untimed)
 *   settle LABEL MS    send nothing; time the next screen (work left
 *                      for idle input, e.g. a search) from the last one,
 *                      less the MS that input must first be idle
 *   quit KEYS          send KEYS and wait for the program to end
 * KEYS take C escapes: \e (Escape), \r, \t, \xHH, \\.
 *
 * It prints one line per label: "LABEL N MEDIAN_US P99_US BYTES_MEDIAN
 * BYTES_MAX", the start-ups as label "startup", and the peak resident
 * memory of the program as "maxrss_kb KB".
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define TRACE_FD 3
#define MAX_LABELS 32
#define TIMEOUT_MS 60000

struct series {
	char label[32];
	double *us;
	long *bytes;
	size_t n, cap;
};

static struct series series[MAX_LABELS];
static size_t nseries;
static int master = -1, trace = -1, quiet_ms;
static double last_screen;	/* the time of the last screen waited for */
static pid_t child;
static long maxrss_kb;
static char *const *program;
static unsigned short cols = 80, lines = 24;

static void
die(const char *what)
{
	fprintf(stderr, "coopcom-drive: %s: %s\n", what, strerror(errno));
	if (child > 0)
		kill(child, SIGKILL);
	exit(1);
}

static double
now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

static struct series *
find_series(const char *label)
{
	size_t i;

	for (i = 0; i < nseries; i++)
		if (strcmp(series[i].label, label) == 0)
			return &series[i];
	if (nseries == MAX_LABELS) {
		fprintf(stderr, "coopcom-drive: too many labels\n");
		exit(1);
	}
	snprintf(series[nseries].label, sizeof series[nseries].label, "%s",
	    label);
	return &series[nseries++];
}

static void
record(const char *label, double us, long bytes)
{
	struct series *s = find_series(label);

	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 64;
		s->us = realloc(s->us, s->cap * sizeof *s->us);
		s->bytes = realloc(s->bytes, s->cap * sizeof *s->bytes);
		if (s->us == NULL || s->bytes == NULL)
			die("memory");
	}
	s->us[s->n] = us;
	s->bytes[s->n++] = bytes;
}

/* Reads what the terminal has for us; the bytes read, -1 at its end. */
static long
drain(int timeout_ms)
{
	struct pollfd p = { master, POLLIN, 0 };
	char buf[65536];
	long total = 0;
	ssize_t n;

	while (poll(&p, 1, timeout_ms) > 0) {
		n = read(master, buf, sizeof buf);
		if (n <= 0)
			return total ? total : -1;
		total += n;
		timeout_ms = 0;
	}
	return total;
}

/* The time in the trace line, or -1 when it did not come in time. */
static double
wait_trace(long *bytes)
{
	struct pollfd p[2] = { { trace, POLLIN, 0 }, { master, POLLIN, 0 } };
	double deadline = now_us() + TIMEOUT_MS * 1e3;
	char line[128];
	long sec, nsec, n;
	ssize_t got;

	while (now_us() < deadline) {
		if (poll(p, 2, 100) < 0 && errno != EINTR)
			die("poll");
		if (p[1].revents & POLLIN && (n = drain(0)) > 0)
			*bytes += n;
		if (!(p[0].revents & (POLLIN | POLLHUP)))
			continue;
		got = read(trace, line, sizeof line - 1);
		if (got <= 0)
			return -1;
		line[got] = '\0';
		if (sscanf(line, "screen %ld.%ld", &sec, &nsec) != 2)
			continue;
		/* The terminal may still be passing on the last bytes. */
		while ((n = drain(2)) > 0)
			*bytes += n;
		return (double)sec * 1e6 + (double)nsec / 1e3;
	}
	return -1;
}

/*
 * The time of the last byte before QUIET_MS of silence, once at least
 * MIN_BYTES came (a program may pause between setting up the terminal and
 * drawing its first screen).
 */
static double
wait_quiet(long *bytes, long min_bytes)
{
	double last = -1, deadline = now_us() + TIMEOUT_MS * 1e3;
	long n;

	while (now_us() < deadline) {
		n = drain(quiet_ms);
		if (n < 0 || (n == 0 && *bytes >= min_bytes))
			return last;
		if (n == 0)
			continue;
		*bytes += n;
		last = now_us();
	}
	return last;
}

/* Drops trace lines of screens before this keystroke (a refresh). */
static void
drain_trace(void)
{
	struct pollfd p = { trace, POLLIN, 0 };
	char buf[512];

	while (poll(&p, 1, 0) > 0 && read(trace, buf, sizeof buf) > 0)
		;
}

static double
wait_screen(long *bytes, long min_bytes)
{
	return quiet_ms ? wait_quiet(bytes, min_bytes) : wait_trace(bytes);
}

static void
start(void)
{
	struct winsize ws = { .ws_row = lines, .ws_col = cols };
	int fds[2];
	double t0, t1;
	long bytes = 0;
	char fd[8];

	if (pipe(fds) < 0)
		die("pipe");
	t0 = now_us();
	child = forkpty(&master, NULL, NULL, &ws);
	if (child < 0)
		die("forkpty");
	if (child == 0) {
		if (dup2(fds[1], TRACE_FD) < 0)
			_exit(127);
		if (fds[0] != TRACE_FD)
			close(fds[0]);
		if (fds[1] != TRACE_FD)
			close(fds[1]);
		snprintf(fd, sizeof fd, "%d", TRACE_FD);
		setenv("COOPCOM_TRACE_FD", fd, 1);
		execvp(program[0], program);
		_exit(127);
	}
	close(fds[1]);
	trace = fds[0];
	t1 = wait_screen(&bytes, 500);
	if (t1 < 0) {
		fprintf(stderr, "coopcom-drive: %s showed no screen\n",
		    program[0]);
		exit(1);
	}
	record("startup", t1 - t0, bytes);
}

static size_t
unescape(const char *s, char *out, size_t size)
{
	size_t n = 0;
	unsigned v;

	for (; *s && n < size; s++) {
		if (*s != '\\' || s[1] == '\0') {
			out[n++] = *s;
			continue;
		}
		switch (*++s) {
		case 'e': out[n++] = 27; break;
		case 'r': out[n++] = '\r'; break;
		case 't': out[n++] = '\t'; break;
		case 'x':
			if (sscanf(s + 1, "%2x", &v) == 1) {
				out[n++] = (char)v;
				s += 2;
			}
			break;
		default: out[n++] = *s; break;
		}
	}
	return n;
}

static void
send_keys(const char *label, const char *keys)
{
	char buf[256];
	size_t n = unescape(keys, buf, sizeof buf);
	double t0, t1;
	long bytes = 0;

	drain(0);
	drain_trace();
	t0 = now_us();
	if (write(master, buf, n) != (ssize_t)n)
		die("write");
	t1 = wait_screen(&bytes, 0);
	if (t1 < 0) {
		fprintf(stderr, "coopcom-drive: no screen after \"%s\" (%s)\n",
		    keys, label);
		return;
	}
	last_screen = t1;
	if (strcmp(label, "-") != 0)
		record(label, t1 - t0, bytes);
}

static void
settle(const char *label, int idle_ms)
{
	long bytes = 0;
	double t = wait_screen(&bytes, 0);

	if (t < 0) {
		fprintf(stderr, "coopcom-drive: no screen to settle (%s)\n",
		    label);
		return;
	}
	record(label, t - last_screen - idle_ms * 1e3, bytes);
	last_screen = t;
}

static void
quit(const char *keys)
{
	char buf[256];
	size_t n = unescape(keys, buf, sizeof buf);
	struct rusage ru;
	int status;
	pid_t done = 0;

	if (write(master, buf, n) != (ssize_t)n)
		die("write");
	/* Reaped here or below, always with wait4: its rusage is the
	 * program's peak memory. */
	while (drain(100) >= 0)
		if ((done = wait4(child, &status, WNOHANG, &ru)) == child)
			break;
	if (done != child && wait4(child, &status, 0, &ru) < 0)
		die("wait");
	if (ru.ru_maxrss > maxrss_kb)
		maxrss_kb = ru.ru_maxrss;
	close(master);
	close(trace);
	master = trace = -1;
	child = 0;
}

static int
by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static int
by_long(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;

	return x < y ? -1 : x > y;
}

static void
report(void)
{
	struct series *s;
	size_t i, p99;

	for (i = 0; i < nseries; i++) {
		s = &series[i];
		qsort(s->us, s->n, sizeof *s->us, by_value);
		qsort(s->bytes, s->n, sizeof *s->bytes, by_long);
		p99 = (s->n * 99 + 99) / 100 - 1;
		printf("%s %zu %.0f %.0f %ld %ld\n", s->label, s->n,
		    s->us[s->n / 2], s->us[p99 < s->n ? p99 : s->n - 1],
		    s->bytes[s->n / 2], s->bytes[s->n - 1]);
	}
	printf("maxrss_kb %ld\n", maxrss_kb);
}

int
main(int argc, char **argv)
{
	char line[512], *cmd, *label, *keys;
	FILE *script;
	int i = 1;

	for (; i + 1 < argc && argv[i][0] == '-' && argv[i][1] == '-' &&
	    argv[i][2] != '\0'; i += 2) {
		if (strcmp(argv[i], "--quiet") == 0)
			quiet_ms = atoi(argv[i + 1]);
		else if (strcmp(argv[i], "--cols") == 0)
			cols = (unsigned short)atoi(argv[i + 1]);
		else if (strcmp(argv[i], "--lines") == 0)
			lines = (unsigned short)atoi(argv[i + 1]);
	}
	if (i + 2 >= argc || strcmp(argv[i + 1], "--") != 0) {
		fprintf(stderr, "usage: coopcom-drive [--quiet MS] [--cols N] "
		    "[--lines N] SCRIPT -- PROGRAM ARGS\n");
		return 2;
	}
	if ((script = fopen(argv[i], "r")) == NULL)
		die(argv[i]);
	program = argv + i + 2;
	signal(SIGPIPE, SIG_IGN);
	while (fgets(line, sizeof line, script) != NULL) {
		line[strcspn(line, "\n")] = '\0';
		if ((cmd = strtok(line, " ")) == NULL || *cmd == '#')
			continue;
		if (strcmp(cmd, "start") == 0) {
			start();
		} else if (strcmp(cmd, "key") == 0 &&
		    (label = strtok(NULL, " ")) != NULL &&
		    (keys = strtok(NULL, "")) != NULL) {
			send_keys(label, keys);
		} else if (strcmp(cmd, "settle") == 0 &&
		    (label = strtok(NULL, " ")) != NULL &&
		    (keys = strtok(NULL, "")) != NULL) {
			settle(label, atoi(keys));
		} else if (strcmp(cmd, "quit") == 0 &&
		    (keys = strtok(NULL, "")) != NULL) {
			quit(keys);
		} else {
			fprintf(stderr, "coopcom-drive: bad line: %s\n", cmd);
			return 2;
		}
	}
	fclose(script);
	if (child > 0)
		quit("");
	report();
	return 0;
}
