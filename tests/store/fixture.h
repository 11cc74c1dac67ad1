/*
 * fixture.h: a fresh database in a temporary folder for each store test.
 *
 * Three levels, for tcase_add_checked_fixture (so they run in the test's
 * own process, forked or not):
 *
 *   fx_setup_empty   a temporary folder and the default workflow, no file
 *   fx_setup_admin   + a new database, opened as FX_ADMIN, who is made
 *                    the administrator (fx.st)
 *   fx_setup_world   + a small world: the Co-operative Commission CC with
 *                    sub-groups LCL and BRK, the Citizens' Group CG, and
 *                    one person with a login for each role below
 *
 * fx_teardown closes every store the test opened and removes the folder.
 * The helpers assert (ck_assert) rather than return errors: a failing
 * helper fails the test that called it, with the store's message.
 */
#ifndef COOPCOM_TESTS_STORE_FIXTURE_H
#define COOPCOM_TESTS_STORE_FIXTURE_H

#include <check.h>
#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "coopcom/core/workflow.h"
#include "coopcom/store/store.h"

/* The logins of the world, and what each of them is. */
#define FX_ADMIN	"admin"		/* the administrator */
#define FX_SECRETARY	"sec"		/* secretary of CC */
#define FX_LCL_CHAIR	"lclchair"	/* chair of CC-LCL */
#define FX_LCL_MEMBER	"lclmember"	/* member of CC-LCL */
#define FX_BRK_CHAIR	"brkchair"	/* chair of CC-BRK */
#define FX_OBSERVER	"observer"	/* observer of CC */
#define FX_CITIZEN	"citizen"	/* commissioner of CG */
#define FX_NOBODY	"nobody"	/* a login the database lacks */

/* Their names, as the world stores them. */
#define FX_ADMIN_NAME		"Ada Admin"
#define FX_SECRETARY_NAME	"Sam Secretary"
#define FX_LCL_CHAIR_NAME	"Lee Chair"
#define FX_LCL_MEMBER_NAME	"Lou Member"
#define FX_BRK_CHAIR_NAME	"Bea Chair"
#define FX_OBSERVER_NAME	"Olive Observer"
#define FX_CITIZEN_NAME		"Cy Citizen"

#define FX_MAX_STORES 16

struct fixture {
	char *dir;			/* the temporary folder */
	char *path;			/* dir/coopcom.db */
	struct workflow *wf;		/* the default workflow */
	struct store *st;		/* opened as FX_ADMIN */
	struct store *open[FX_MAX_STORES]; /* every store to close */
	size_t nopen;
	/* The world's ids (0 below fx_setup_world). */
	int64_t cc, cg, lcl, brk;
	int64_t admin, secretary, lcl_chair, lcl_member, brk_chair, observer,
	    citizen;
};

extern struct fixture fx;

void fx_setup_empty(void);
void fx_setup_admin(void);
void fx_setup_world(void);
void fx_teardown(void);

/* A path in the temporary folder; caller frees. */
char *fx_file(const char *name);

/* Opens the fixture's database as LOGIN (closed by fx_teardown). */
struct store *fx_open_as(const char *login);
/* Closes ST, one of the fixture's stores, now (fx.st becomes NULL if it
 * was ST): before a fork, no connection may be open. */
void fx_close(struct store *st);

/* Values as typed, for store_create and store_update: the array and its
 * length, so FX_VALS({ "name", "Ann" }, { "kind", "resident" }) fills
 * both arguments. */
#define FX_VALS(...)							\
	((const struct store_value[]){ __VA_ARGS__ }),			\
	(sizeof((const struct store_value[]){ __VA_ARGS__ }) /		\
	    sizeof(struct store_value))

/* store_create that must succeed; the new id. */
int64_t fx_add(struct store *st, enum entity_kind kind,
    const struct store_value *vals, size_t n);
/* store_update (from the current version) that must succeed. */
void fx_edit(struct store *st, enum entity_kind kind, int64_t id,
    const struct store_value *vals, size_t n);

/* A raw connection to the fixture's database (closed by the caller with
 * sqlite3_close), with a busy timeout, as the sqlite3 shell would be. */
sqlite3 *fx_raw(void);
/* Runs SQL on a fresh raw connection; it must succeed. */
void fx_sql(const char *sql);
/* The first column of the first row of SQL as an integer (0 for none). */
int64_t fx_sql_int(const char *sql);
/* ... as text, or NULL for SQL NULL or no row; caller frees. */
char *fx_sql_text(const char *sql);
/* printf-style forms of the above. */
int64_t fx_sql_intf(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));
char *fx_sql_textf(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));

/* The number of audit entries. */
int64_t fx_audit_count(void);

/* The whole content of a file (*len bytes, NUL added); caller frees. */
char *fx_slurp(const char *path, size_t *len);
/* Writes LEN bytes to PATH, replacing it. */
void fx_write_file(const char *path, const char *data, size_t len);

/* A FILE that keeps in memory what a writer under test writes to it:
 * fx_mem_open, write to the FILE, then fx_mem_text. */
struct fx_mem {
	FILE *fp;
	char *text;
	size_t len;
};

FILE *fx_mem_open(struct fx_mem *m);
/* Closes M's FILE; what was written to it (*len bytes if LEN is not
 * NULL); caller frees. */
char *fx_mem_text(struct fx_mem *m, size_t *len);

/* Asserts that the message MSG contains WANT. */
#define fx_assert_has(msg, want)					\
	ck_assert_msg(strstr((msg), (want)) != NULL,			\
	    "expected \"%s\" in: %s", (want), (msg))

#endif
