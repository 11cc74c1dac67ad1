/*
 * session.c: configuration, workflow, identity and database for one run.
 */
#include <errno.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "coopcom/conf/workflow_file.h"
#include "coopcom/core/date.h"
#include "coopcom/store/delivery.h"
#include "coopcom/store/demo.h"
#include "coopcom/store/meeting.h"
#include "coopcom/util/buf.h"
#include "coopcom/util/xalloc.h"
#include "coopcom/vm/session.h"

char *
session_unix_login(void)
{
	struct passwd *pw = getpwuid(geteuid());

	return pw != NULL ? x_strdup(pw->pw_name) : NULL;
}

/*
 * trust_as lets the caller pick who they are, so it counts only from a
 * file that nobody but root could have written: owned by root and not
 * writable by group or others. A person with their own account cannot
 * make such a file, so they cannot grant themselves --as.
 */
static int
check_trust_source(const struct config *c, struct err *e)
{
	struct stat sb;

	if (c->source == NULL || stat(c->source, &sb) < 0)
		return err_set(e, ERR_DENIED, "--as needs trust_as = true in "
		    "the system configuration");
	if (sb.st_uid != 0 || (sb.st_mode & (S_IWGRP | S_IWOTH)))
		return err_set(e, ERR_DENIED, "%s sets trust_as, but --as is "
		    "honoured only from a configuration file owned by root "
		    "and writable by root alone", c->source);
	return 0;
}

static int
pick_login(struct session *s, const struct session_options *o, struct err *e)
{
	if (o->as_login != NULL) {
		if (!s->config.trust_as)
			return err_set(e, ERR_DENIED, "--as %s is refused: it "
			    "is honoured only when the system configuration "
			    "sets trust_as = true (for a shared service "
			    "account whose SSH keys force --as)", o->as_login);
		if (check_trust_source(&s->config, e) < 0)
			return -1;
		s->login = x_strdup(o->as_login);
		/* A person on a forced key reaches the host through coopcom
		 * only: files there are the service account's, not theirs. */
		s->remote = getenv("SSH_CONNECTION") != NULL;
		return 0;
	}
	if ((s->login = session_unix_login()) == NULL)
		return err_set(e, ERR_DENIED, "cannot tell who you are: user "
		    "id %u has no login name", (unsigned)geteuid());
	return 0;
}

static int
make_dirs(const char *path, struct err *e)
{
	char *dir = x_strdup(path), *p;

	for (p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0700) < 0 && errno != EEXIST) {
			err_set(e, ERR_IO, "cannot create the folder %s: %s",
			    dir, strerror(errno));
			free(dir);
			return -1;
		}
		*p = '/';
	}
	free(dir);
	return 0;
}

static char *
data_home_path(const char *file)
{
	const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");

	if (xdg != NULL && xdg[0] == '/')
		return x_printf("%s/coopcom/%s", xdg, file);
	if (home == NULL || home[0] != '/')
		return NULL;
	return x_printf("%s/.local/share/coopcom/%s", home, file);
}

static int
pick_db(struct session *s, const struct session_options *o, struct err *e)
{
	const char *env = getenv("COOPCOM_DB");

	s->db_is_default = false;
	s->demo = o->demo;
	if (o->demo)
		s->db_path = data_home_path("demo.db");
	else if (o->db_path != NULL)
		s->db_path = x_strdup(o->db_path);
	else if (env != NULL && *env != '\0')
		s->db_path = x_strdup(env);
	else if (*s->config.database != '\0')
		s->db_path = x_strdup(s->config.database);
	else {
		s->db_path = data_home_path("coopcom.db");
		s->db_is_default = true;
	}
	if (s->db_path == NULL)
		return err_set(e, ERR_INVALID, "no database given and no home "
		    "folder to keep one in: use --db PATH or COOPCOM_DB");
	return 0;
}

static int
load_config(struct session *s, const struct session_options *o,
    struct err *e)
{
	if (o->config_path != NULL)
		return config_load(&s->config, o->config_path, e);
	return config_load_default(&s->config, e);
}

static int
load_workflow(struct session *s, struct err *e)
{
	if (*s->config.workflow != '\0')
		s->workflow = workflow_file_load(s->config.workflow, e);
	else
		s->workflow = workflow_file_load_default(e);
	return s->workflow != NULL ? 0 : -1;
}

static int
fix_today(const char *today, struct err *e)
{
	struct date d;

	if (today == NULL)
		return 0;
	if (date_parse_iso(today, &d, e) < 0)
		return err_prefix(e, "--today");
	date_set_today(d);
	return 0;
}

int
session_init(struct session *s, const struct session_options *o,
    struct err *e)
{
	memset(s, 0, sizeof *s);
	config_defaults(&s->config);
	if (fix_today(o->today, e) < 0 || load_config(s, o, e) < 0 ||
	    load_workflow(s, e) < 0 || pick_login(s, o, e) < 0 ||
	    pick_db(s, o, e) < 0)
		return -1;
	return 0;
}

/* The demo database is made on first use, with the person as its admin. */
static int
fill_demo(struct session *s, struct err *e)
{
	if (store_bootstrap_admin(s->store, s->login, s->login, e) < 0 ||
	    demo_build(s->store, e) < 0) {
		store_close(s->store);
		s->store = NULL;
		unlink(s->db_path);
		return err_prefix(e, "making the demo database");
	}
	return 0;
}

/* The store enforces the quorum; the numbers are the configuration's. */
static int
set_quorum(struct session *s, struct err *e)
{
	const struct config_quorum *q = &s->config.quorum;
	const int n[] = { q->assembly, q->subgroup, q->citizens_group,
		q->cabinet, q->council, q->scrutiny };
	size_t i;

	for (i = 0; store_bodies[i] != NULL && i < sizeof n / sizeof n[0]; i++)
		if (store_set_quorum(s->store, store_bodies[i], n[i], e) < 0)
			return -1;
	return 0;
}

int
session_open_store(struct session *s, bool create, struct err *e)
{
	struct store_options so = { .path = s->db_path, .login = s->login,
		.busy_ms = s->config.busy_timeout_ms,
		.workflow = s->workflow };

	if (create || s->db_is_default || s->demo) {
		so.flags |= STORE_CREATE;
		if (make_dirs(s->db_path, e) < 0)
			return -1;
	}
	if (store_open(&s->store, &so, e) < 0 || set_quorum(s, e) < 0)
		return -1;
	store_set_rag_rules(s->store, &(struct rag_rules){
	    s->config.amber_days, s->config.stale_update_days });
	if (s->demo && store_created(s->store))
		return fill_demo(s, e);
	return 0;
}

void
session_done(struct session *s)
{
	store_close(s->store);
	workflow_free(s->workflow);
	config_done(&s->config);
	free(s->db_path);
	free(s->login);
	memset(s, 0, sizeof *s);
}
