/*
 * writers.c: coopcom-writers, concurrent stage changes for `make bench`.
 *
 *   coopcom-writers DB WRITERS SECONDS
 *
 * WRITERS processes each open DB as the person running it (an
 * administrator in the generated database) and, for SECONDS, move
 * recommendations round a loop of real transitions through the one
 * write path, store_advance: tested -> submitted -> referred back (a
 * decision of the Assembly, with a note) -> tested. They share a pool
 * of recommendations, so they collide: each move names the version it
 * read, and a move that lost the race is refused (a conflict), never
 * applied twice or lost. At the end the audit trail and the versions are
 * checked against what the writers say they did.
 *
 * Prints: "writers N moves M per_second R conflicts C busy B lost L
 * errors E" and exits 1 when anything was lost or failed.
 */
#include <inttypes.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "coopcom/store/list.h"
#include "coopcom/vm/session.h"

#define POOL 256

struct pool_rec {
	int64_t id, meeting;
};

struct tally {
	long moves, conflicts, busy, errors;
};

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int
open_session(struct session *s, const char *db)
{
	struct session_options o = { .db_path = db };
	struct err e;

	if (session_init(s, &o, &e) < 0 || session_open_store(s, false,
	    &e) < 0) {
		fprintf(stderr, "coopcom-writers: %s\n", e.msg);
		return -1;
	}
	return 0;
}

/* An Assembly meeting of the recommendation's commission. */
static int64_t
assembly_of(struct store *st, int64_t rec)
{
	struct list_filter f = { 0 };
	struct store_cursor *c;
	struct record r;
	struct err e;
	int64_t sg, id = 0;

	if (store_get(st, ENT_RECOMMENDATION, rec, &r, &e) < 0)
		return 0;
	sg = strtoll(record_get(&r, "subgroup"), NULL, 10);
	record_done(&r);
	if (store_get(st, ENT_SUBGROUP, sg, &r, &e) < 0)
		return 0;
	f.commission_id = strtoll(record_get(&r, "commission"), NULL, 10);
	record_done(&r);
	if (store_list_open(st, "meetings", &f, &c, &e) < 0)
		return 0;
	while (store_cursor_next(c, &e) == 1)
		if (strcmp(store_cursor_text(c, 1), "assembly") == 0)
			id = strtoll(store_cursor_text(c, 0), NULL, 10);
	store_cursor_close(c);
	return id;
}

/* Recommendations in the loop's stages, with their meetings. */
static size_t
fill_pool(struct store *st, struct pool_rec *pool)
{
	static const char *const stages[] = { "tested", "submitted",
		"referred_back" };
	struct list_filter f = { .limit = POOL / 3 };
	struct store_cursor *c;
	struct err e;
	size_t n = 0, i;

	for (i = 0; i < 3; i++) {
		f.stage = stages[i];
		if (store_list_open(st, "recommendations", &f, &c, &e) < 0)
			return 0;
		while (n < POOL && store_cursor_next(c, &e) == 1)
			pool[n++].id = strtoll(store_cursor_text(c, 0), NULL,
			    10);
		store_cursor_close(c);
	}
	for (i = 0; i < n; i++)
		pool[i].meeting = assembly_of(st, pool[i].id);
	return n;
}

static const char *
next_stage(const char *stage)
{
	if (strcmp(stage, "tested") == 0)
		return "submitted";
	if (strcmp(stage, "submitted") == 0)
		return "referred_back";
	return "tested";
}

static void
one_move(struct store *st, const struct pool_rec *p, struct tally *t)
{
	struct record r;
	struct err e;
	const char *to;
	int64_t version;
	int rc;

	if (store_get(st, ENT_RECOMMENDATION, p->id, &r, &e) < 0) {
		t->errors++;
		return;
	}
	to = next_stage(record_get(&r, "stage"));
	version = r.version;
	rc = store_advance(st, p->id, to, version, strcmp(to,
	    "referred_back") == 0 ? "Needs a costed business case" : NULL,
	    strcmp(to, "referred_back") == 0 ? p->meeting : 0, &e);
	record_done(&r);
	if (rc == 0)
		t->moves++;
	else if (e.code == ERR_CONFLICT)
		t->conflicts++;
	else if (e.code == ERR_BUSY)
		t->busy++;
	else if (t->errors++ == 0)
		fprintf(stderr, "coopcom-writers: %s\n", e.msg);
}

static void
writer(const char *db, const struct pool_rec *pool, size_t n, double until,
    unsigned seed, int out)
{
	struct session s;
	struct tally t = { 0 };

	if (open_session(&s, db) < 0)
		_exit(1);
	srand(seed);
	while (now() < until)
		one_move(s.store, &pool[(size_t)rand() % n], &t);
	session_done(&s);
	if (write(out, &t, sizeof t) != sizeof t)
		_exit(1);
	_exit(0);
}

/*
 * The generated meetings have no attendance; the Assembly decides only
 * when quorate (store/meeting.c), so the pool's Assemblies are given
 * twelve people present, as a secretary would record before deciding.
 */
static int
make_quorate(const char *db, const struct pool_rec *pool, size_t n)
{
	sqlite3 *h;
	sqlite3_stmt *q;
	size_t i;
	int rc;

	if (sqlite3_open_v2(db, &h, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
		return -1;
	sqlite3_busy_timeout(h, 5000);
	rc = sqlite3_prepare_v2(h, "INSERT OR IGNORE INTO attendance "
	    "(meeting_id, person_id, status) SELECT ?, id, 'present' FROM "
	    "person ORDER BY id LIMIT 12", -1, &q, NULL);
	for (i = 0; rc == SQLITE_OK && i < n; i++) {
		sqlite3_bind_int64(q, 1, pool[i].meeting);
		if (sqlite3_step(q) != SQLITE_DONE)
			rc = SQLITE_ERROR;
		sqlite3_reset(q);
	}
	sqlite3_finalize(q);
	sqlite3_close(h);
	return rc == SQLITE_OK ? 0 : -1;
}

/*
 * The audit entries that are not the decisions' own (a move's decision is
 * made once and audited as such) and the pool's versions, read directly.
 */
static int
snapshot(const char *db, const struct pool_rec *pool, size_t n,
    int64_t *audit, int64_t *versions)
{
	sqlite3 *h;
	sqlite3_stmt *q;
	size_t i;

	if (sqlite3_open_v2(db, &h, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		return -1;
	sqlite3_prepare_v2(h, "SELECT count(*) FROM audit WHERE entity <> "
	    "'decision'", -1, &q, NULL);
	sqlite3_step(q);
	*audit = sqlite3_column_int64(q, 0);
	sqlite3_finalize(q);
	*versions = 0;
	sqlite3_prepare_v2(h, "SELECT version FROM recommendation WHERE id = ?",
	    -1, &q, NULL);
	for (i = 0; i < n; i++) {
		sqlite3_bind_int64(q, 1, pool[i].id);
		if (sqlite3_step(q) == SQLITE_ROW)
			*versions += sqlite3_column_int64(q, 0);
		sqlite3_reset(q);
	}
	sqlite3_finalize(q);
	sqlite3_close(h);
	return 0;
}

int
main(int argc, char **argv)
{
	struct pool_rec pool[POOL];
	struct tally t, all = { 0 };
	struct session s;
	int64_t audit0, audit1, ver0, ver1, lost;
	double start, seconds;
	int nwriters, i, fds[2], status, failed = 0;
	size_t n;

	if (argc != 4 || (nwriters = atoi(argv[2])) < 1 ||
	    (seconds = atof(argv[3])) <= 0) {
		fprintf(stderr, "usage: coopcom-writers DB WRITERS SECONDS\n");
		return 2;
	}
	if (open_session(&s, argv[1]) < 0)
		return 1;
	n = fill_pool(s.store, pool);
	session_done(&s);
	if (n == 0 || make_quorate(argv[1], pool, n) < 0 ||
	    snapshot(argv[1], pool, n, &audit0, &ver0) < 0) {
		fprintf(stderr, "coopcom-writers: no recommendations to move "
		    "in %s\n", argv[1]);
		return 1;
	}
	if (pipe(fds) < 0)
		return 1;
	start = now();
	for (i = 0; i < nwriters; i++)
		if (fork() == 0)
			writer(argv[1], pool, n, start + seconds,
			    (unsigned)i * 7919u + 1, fds[1]);
	close(fds[1]);
	for (i = 0; i < nwriters; i++) {
		if (read(fds[0], &t, sizeof t) != sizeof t) {
			failed = 1;
			continue;
		}
		all.moves += t.moves;
		all.conflicts += t.conflicts;
		all.busy += t.busy;
		all.errors += t.errors;
	}
	while (wait(&status) > 0)
		if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
			failed = 1;
	seconds = now() - start;
	snapshot(argv[1], pool, n, &audit1, &ver1);
	/* Each move is one audit entry and one version: none may be
	 * missing, none doubled. */
	lost = llabs((audit1 - audit0) - all.moves) +
	    llabs((ver1 - ver0) - all.moves);
	printf("writers %d moves %ld per_second %.0f conflicts %ld busy %ld "
	    "lost %" PRId64 " errors %ld\n", nwriters, all.moves,
	    (double)all.moves / seconds, all.conflicts, all.busy, lost,
	    all.errors);
	return failed || lost || all.errors || all.busy ? 1 : 0;
}
