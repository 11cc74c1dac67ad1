/*
 * config.h: coopcom's settings, read from a libconfig file.
 *
 * One table in config.c names every setting with its type, default, range
 * and a line of documentation. Loading, `coopcom config --list`, the man
 * page section and `coopcom config NAME` are all driven by it, so a setting
 * is added in one place. The list of settings is closed: a name the table
 * does not know is an error, with the nearest known name suggested.
 *
 * The file format is libconfig's (`name = value;` or `name: value`); see
 * data/coopcom.conf.example. Two restrictions on top of libconfig:
 *
 *  - @include is refused. The file may be read by a service account whose
 *    SSH keys force `coopcom --as LOGIN`, and an include would let the file
 *    pull in text from anywhere the account can read. libconfig 1.5 (Debian
 *    12) has no switch to turn includes off, so the text is checked before
 *    libconfig sees it.
 *  - Paths must be absolute or start with "~/" (expanded against $HOME), so
 *    a setting means the same whatever the working directory.
 *
 * libconfig 1.5 silently wraps a plain integer above 2147483647 (only
 * "3000000000L" is read correctly). The loader appends the L itself, so
 * key_decision_pence = 3000000000; works, and it refuses a number too large
 * for 64 bits instead of wrapping it.
 *
 * Nothing from <libconfig.h> appears here: callers see plain C types.
 */
#ifndef COOPCOM_CONF_CONFIG_H
#define COOPCOM_CONF_CONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "coopcom/util/buf.h"
#include "coopcom/util/err.h"

/* Minimum number of members present for a meeting of each body to count. */
struct config_quorum {
	int assembly;	    /* the Assembly of Commissioners */
	int subgroup;	    /* a sub-group (work-stream) */
	int citizens_group; /* the Citizens' Group */
	int cabinet;
	int council;  /* full Council */
	int scrutiny; /* a scrutiny committee */
};

/*
 * One key binding from the keys group, e.g. move_down = ["j", "Down"] gives
 * two. The action name and key name are as written: the view-model layer
 * owns the action table and checks both, reporting file:line from here.
 */
struct config_key {
	char *action; /* owned */
	char *key;    /* owned; never empty */
	char *file;   /* owned; the file it was read from */
	int line;     /* line of the key name in that file */
};

struct config {
	char *database;		    /* owned, not NULL; "" = built-in path */
	char *workflow;		    /* owned, not NULL; "" = built-in one */
	bool trust_as;		    /* honour coopcom --as LOGIN */
	int busy_timeout_ms;	    /* SQLite busy timeout */
	int stale_update_days;	    /* flag delivery not updated for longer */
	int amber_days;		    /* due within this many days: amber */
	int64_t key_decision_pence; /* savings or cost from here: key */
	struct config_quorum quorum;
	bool colour;	/* NO_COLOR is the UI's business */
	int refresh_ms; /* how often the TUI polls for changes */

	/*
	 * Bindings in file order. When a file binds an action, that action's
	 * bindings from earlier files are dropped, so each action's pairs
	 * come from one file.
	 */
	struct config_key *keys;
	size_t nkeys;
	size_t keys_cap; /* allocated slots; internal */

	char *source; /* owned; the file last loaded, or NULL */

	/*
	 * Where this module looks things up; config_defaults sets them and a
	 * test may replace them. env returns a variable or NULL (getenv by
	 * default); system_file is borrowed for the life of the struct.
	 */
	const char *(*env)(const char *name);
	const char *system_file; /* SYSCONFDIR/coopcom.conf */
};

/* Sets every setting to its default; no keys, no source. */
void config_defaults(struct config *c);

/* Frees what c owns. config_defaults makes it usable again. */
void config_done(struct config *c);

/*
 * Reads the file at path over the current settings and sets c->source to
 * path. A missing file is an error (ERR_NOTFOUND): the user named it.
 * Every error says "PATH:LINE: what is wrong" (or "PATH: ..." when the file
 * cannot be read at all). On error c is left exactly as it was.
 */
int config_load(struct config *c, const char *path, struct err *e);

/*
 * Loads the first config file that exists of $XDG_CONFIG_HOME/coopcom/config
 * (or ~/.config/coopcom/config when XDG_CONFIG_HOME is unset, empty or not
 * absolute) and c->system_file. Missing files are skipped; when none exists
 * this returns 0 with c->source unchanged. A file that exists but cannot be
 * read, or has an error, is an error.
 */
int config_load_default(struct config *c, struct err *e);

/*
 * Appends one line per setting to out, "name  type  default  doc", in
 * columns, for `coopcom config --list`. Group members are "quorum.council".
 */
void config_describe(struct buf *out);

/* The same as an mdoc list (.Bl -tag ... .El) for the coopcom(1) man page. */
void config_describe_mdoc(struct buf *out);

/*
 * Appends the effective value of one setting ("busy_timeout_ms",
 * "quorum.council", or the whole of "quorum" or "keys") to out, for
 * `coopcom config NAME`. Scalars are written bare (a path without quotes);
 * a group as "member = value;" lines. No trailing newline.
 * ERR_NOTFOUND for an unknown name.
 */
int config_get_text(
    const struct config *c, const char *name, struct buf *out, struct err *e);

/*
 * The name of the i-th setting of the table in order (groups, then their
 * members as "quorum.assembly"), or NULL when i is past the end. The string
 * is static.
 */
const char *config_name(size_t i);

#endif
