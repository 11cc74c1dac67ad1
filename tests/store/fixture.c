/*
 * fixture.c: fresh databases and a small world for the store tests.
 *
 * Each test gets its own folder from mkdtemp, so tests can run in any
 * order, forked or not (CK_FORK=no), and a failure leaves nothing behind
 * for the next test to trip on.
 */
#include <errno.h>
#include <ftw.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coopcom/conf/workflow_file.h"
#include "coopcom/core/date.h"
#include "coopcom/util/xalloc.h"
#include "fixture.h"

struct fixture fx;

void
fx_setup_empty(void)
{
	const char *tmp = getenv("TMPDIR");
	char *tmpl;
	struct err e;

	memset(&fx, 0, sizeof fx);
	tmpl = x_printf("%s/coopcom-test-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	ck_assert_msg(mkdtemp(tmpl) != NULL, "mkdtemp %s: %s", tmpl,
	    strerror(errno));
	fx.dir = tmpl;
	fx.path = fx_file("coopcom.db");
	err_clear(&e);
	fx.wf = workflow_file_load_default(&e);
	ck_assert_msg(fx.wf != NULL, "default workflow: %s", e.msg);
}

void
fx_setup_admin(void)
{
	struct store_options o;
	struct err e;

	fx_setup_empty();
	memset(&o, 0, sizeof o);
	o.path = fx.path;
	o.login = FX_ADMIN;
	o.flags = STORE_CREATE;
	o.busy_ms = 10000;
	o.workflow = fx.wf;
	err_clear(&e);
	ck_assert_msg(store_open(&fx.st, &o, &e) == 0, "store_open: %s",
	    e.msg);
	fx.open[fx.nopen++] = fx.st;
	ck_assert_msg(store_bootstrap_admin(fx.st, FX_ADMIN, FX_ADMIN_NAME,
	    &e) == 0, "bootstrap: %s", e.msg);
	fx.admin = store_me(fx.st)->id;
	ck_assert(fx.admin > 0);
	ck_assert(store_me(fx.st)->admin);
}

static int64_t
add_person(const char *login, const char *name)
{
	return fx_add(fx.st, ENT_PERSON, FX_VALS({ "login", login },
	    { "name", name }));
}

static void
add_commission_member(int64_t commission, int64_t person, const char *role)
{
	char c[24], p[24];

	snprintf(c, sizeof c, "%lld", (long long)commission);
	snprintf(p, sizeof p, "%lld", (long long)person);
	fx_add(fx.st, ENT_COMMISSION_MEMBER, FX_VALS({ "commission", c },
	    { "person", p }, { "role", role }));
}

static void
add_subgroup_member(int64_t subgroup, int64_t person, const char *role)
{
	char s[24], p[24];

	snprintf(s, sizeof s, "%lld", (long long)subgroup);
	snprintf(p, sizeof p, "%lld", (long long)person);
	fx_add(fx.st, ENT_SUBGROUP_MEMBER, FX_VALS({ "subgroup", s },
	    { "person", p }, { "role", role }));
}

void
fx_setup_world(void)
{
	fx_setup_admin();
	fx.cc = fx_add(fx.st, ENT_COMMISSION, FX_VALS({ "code", "CC" },
	    { "name", "Co-operative Commission" },
	    { "established", "2011-07-26" }));
	fx.cg = fx_add(fx.st, ENT_COMMISSION, FX_VALS({ "code", "CG" },
	    { "name", "Citizens' Group" }, { "kind", "citizens_group" }));
	fx.lcl = fx_add(fx.st, ENT_SUBGROUP, FX_VALS({ "commission", "CC" },
	    { "code", "LCL" }, { "name", "Libraries and Community Learning" },
	    { "theme", "Joining up Services" }));
	fx.brk = fx_add(fx.st, ENT_SUBGROUP, FX_VALS({ "commission", "CC" },
	    { "code", "BRK" }, { "name", "Bins, Recycling and Kerbside" }));

	fx.secretary = add_person(FX_SECRETARY, FX_SECRETARY_NAME);
	fx.lcl_chair = add_person(FX_LCL_CHAIR, FX_LCL_CHAIR_NAME);
	fx.lcl_member = add_person(FX_LCL_MEMBER, FX_LCL_MEMBER_NAME);
	fx.brk_chair = add_person(FX_BRK_CHAIR, FX_BRK_CHAIR_NAME);
	fx.observer = add_person(FX_OBSERVER, FX_OBSERVER_NAME);
	fx.citizen = add_person(FX_CITIZEN, FX_CITIZEN_NAME);

	add_commission_member(fx.cc, fx.secretary, "secretary");
	add_commission_member(fx.cc, fx.observer, "observer");
	add_commission_member(fx.cg, fx.citizen, "commissioner");
	add_subgroup_member(fx.lcl, fx.lcl_chair, "chair");
	add_subgroup_member(fx.lcl, fx.lcl_member, "member");
	add_subgroup_member(fx.brk, fx.brk_chair, "chair");
}

static int
remove_one(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	return remove(path);
}

void
fx_teardown(void)
{
	static const struct date clock = { 0, 0, 0 };
	size_t i;

	for (i = 0; i < fx.nopen; i++)
		store_close(fx.open[i]);
	workflow_free(fx.wf);
	if (fx.dir != NULL)
		nftw(fx.dir, remove_one, 8, FTW_DEPTH | FTW_PHYS);
	free(fx.path);
	free(fx.dir);
	date_set_today(clock);
	memset(&fx, 0, sizeof fx);
}

char *
fx_file(const char *name)
{
	return x_printf("%s/%s", fx.dir, name);
}

struct store *
fx_open_as(const char *login)
{
	struct store_options o;
	struct store *st;
	struct err e;

	ck_assert_msg(fx.nopen < FX_MAX_STORES, "too many stores open");
	memset(&o, 0, sizeof o);
	o.path = fx.path;
	o.login = login;
	o.busy_ms = 10000;
	o.workflow = fx.wf;
	err_clear(&e);
	ck_assert_msg(store_open(&st, &o, &e) == 0, "store_open as %s: %s",
	    login, e.msg);
	fx.open[fx.nopen++] = st;
	return st;
}

void
fx_close(struct store *st)
{
	size_t i;

	for (i = 0; i < fx.nopen; i++) {
		if (fx.open[i] == st) {
			fx.open[i] = fx.open[--fx.nopen];
			break;
		}
	}
	if (fx.st == st)
		fx.st = NULL;
	store_close(st);
}

int64_t
fx_add(struct store *st, enum entity_kind kind, const struct store_value *vals,
    size_t n)
{
	struct err e;
	int64_t id = 0;

	err_clear(&e);
	ck_assert_msg(store_create(st, kind, vals, n, &id, &e) == 0,
	    "adding a %s as %s: %s", entity_get(kind)->name,
	    store_me(st)->login, e.msg);
	ck_assert(id > 0);
	return id;
}

void
fx_edit(struct store *st, enum entity_kind kind, int64_t id,
    const struct store_value *vals, size_t n)
{
	struct err e;

	err_clear(&e);
	ck_assert_msg(store_update(st, kind, id, 0, vals, n, &e) == 0,
	    "editing %s %lld as %s: %s", entity_get(kind)->name,
	    (long long)id, store_me(st)->login, e.msg);
}

sqlite3 *
fx_raw(void)
{
	sqlite3 *db = NULL;
	int rc;

	rc = sqlite3_open_v2(fx.path, &db, SQLITE_OPEN_READWRITE, NULL);
	ck_assert_msg(rc == SQLITE_OK, "raw open %s: %s", fx.path,
	    sqlite3_errstr(rc));
	sqlite3_busy_timeout(db, 10000);
	return db;
}

void
fx_sql(const char *sql)
{
	sqlite3 *db = fx_raw();
	char *msg = NULL;
	int rc = sqlite3_exec(db, sql, NULL, NULL, &msg);

	ck_assert_msg(rc == SQLITE_OK, "%s: %s", sql, msg ? msg : "?");
	sqlite3_free(msg);
	sqlite3_close(db);
}

/* Runs SQL on a fresh raw connection and hands its first row to FN. */
static void
first_cell(const char *sql, void (*fn)(sqlite3_stmt *, void *), void *arg)
{
	sqlite3 *db = fx_raw();
	sqlite3_stmt *q;
	int rc;

	rc = sqlite3_prepare_v2(db, sql, -1, &q, NULL);
	ck_assert_msg(rc == SQLITE_OK, "%s: %s", sql, sqlite3_errmsg(db));
	rc = sqlite3_step(q);
	ck_assert_msg(rc == SQLITE_ROW || rc == SQLITE_DONE, "%s: %s", sql,
	    sqlite3_errmsg(db));
	if (rc == SQLITE_ROW)
		fn(q, arg);
	sqlite3_finalize(q);
	sqlite3_close(db);
}

static void
cell_int(sqlite3_stmt *q, void *arg)
{
	*(int64_t *)arg = sqlite3_column_int64(q, 0);
}

static void
cell_text(sqlite3_stmt *q, void *arg)
{
	const unsigned char *s = sqlite3_column_text(q, 0);

	*(char **)arg = s ? x_strdup((const char *)s) : NULL;
}

int64_t
fx_sql_int(const char *sql)
{
	int64_t v = 0;

	first_cell(sql, cell_int, &v);
	return v;
}

char *
fx_sql_text(const char *sql)
{
	char *v = NULL;

	first_cell(sql, cell_text, &v);
	return v;
}

static char *
vformat(const char *fmt, va_list ap)
{
	va_list copy;
	char *s;
	int n;

	va_copy(copy, ap);
	n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	ck_assert(n >= 0);
	s = x_malloc((size_t)n + 1);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	return s;
}

int64_t
fx_sql_intf(const char *fmt, ...)
{
	va_list ap;
	char *sql;
	int64_t v;

	va_start(ap, fmt);
	sql = vformat(fmt, ap);
	va_end(ap);
	v = fx_sql_int(sql);
	free(sql);
	return v;
}

char *
fx_sql_textf(const char *fmt, ...)
{
	va_list ap;
	char *sql, *v;

	va_start(ap, fmt);
	sql = vformat(fmt, ap);
	va_end(ap);
	v = fx_sql_text(sql);
	free(sql);
	return v;
}

int64_t
fx_audit_count(void)
{
	return fx_sql_int("SELECT count(*) FROM audit");
}

char *
fx_slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *data = NULL;
	size_t cap = 0, n = 0, got;

	ck_assert_msg(f != NULL, "%s: %s", path, strerror(errno));
	do {
		data = x_grow(data, &cap, n + 4096 + 1, 1);
		got = fread(data + n, 1, 4096, f);
		n += got;
	} while (got > 0);
	ck_assert_msg(!ferror(f), "reading %s", path);
	fclose(f);
	data[n] = '\0';
	*len = n;
	return data;
}

void
fx_write_file(const char *path, const char *data, size_t len)
{
	FILE *f = fopen(path, "wb");

	ck_assert_msg(f != NULL, "%s: %s", path, strerror(errno));
	ck_assert(fwrite(data, 1, len, f) == len);
	ck_assert(fclose(f) == 0);
}

FILE *
fx_mem_open(struct fx_mem *m)
{
	memset(m, 0, sizeof *m);
	m->fp = open_memstream(&m->text, &m->len);
	ck_assert_ptr_nonnull(m->fp);
	return m->fp;
}

char *
fx_mem_text(struct fx_mem *m, size_t *len)
{
	ck_assert_int_eq(fclose(m->fp), 0);
	if (len != NULL)
		*len = m->len;
	return m->text;
}
