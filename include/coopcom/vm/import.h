/*
 * import.h: recommendations, milestones and people from a spreadsheet.
 *
 * The file is CSV (util/csv.h: quoted fields, commas and line ends inside
 * quotes, UTF-8, a byte order mark). Its first row names the columns with
 * the field names of `coopcom fields KIND` (milestones may also have an
 * "id" column). A row whose key exists updates that record: the
 * reference for recommendations, the login for people, the id for
 * milestones; any other row is new. An empty cell is left out: a new
 * record takes the field's default, an update leaves it as it is. In an
 * update, only the cells that differ from what is stored are written.
 *
 * Every row is checked and written through the store, in one
 * transaction: a dry run rolls it back and says per row what would
 * happen (new, update, unchanged or error); a real import keeps all of it
 * only when no row has an error, unless skip_bad asks to keep the good
 * rows. Each error names the row (its first line in the file) and, where
 * it is one cell's fault, the column.
 */
#ifndef COOPCOM_VM_IMPORT_H
#define COOPCOM_VM_IMPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "coopcom/store/store.h"

enum import_kind {
	IMPORT_RECOMMENDATIONS,
	IMPORT_MILESTONES,
	IMPORT_PEOPLE
};

enum import_action {
	IMPORT_NEW,
	IMPORT_UPDATE,
	IMPORT_SAME,		/* the key exists and nothing differs */
	IMPORT_ERROR,
	IMPORT_ACTIONS
};

/* "recommendations", "milestones" or "people" (singular too). */
int import_parse_kind(const char *text, enum import_kind *k, struct err *e);
/* "new", "update", "unchanged", "error"; static. */
const char *import_action_name(enum import_action a);

/* What happened (or would) to one row. */
struct import_line {
	long line;			/* the row's first line in the file */
	enum import_action action;
	char *key;			/* owned: ref, login or id; "" if none */
	char *message;			/* owned: the error, or the record's
					   title or name */
};

struct import_result {
	struct import_line *rows;
	size_t n, cap;
	size_t count[IMPORT_ACTIONS];	/* rows by action */
	bool kept;			/* the changes were committed */
};

struct import_options {
	bool dry_run;			/* check and say; change nothing */
	bool skip_bad;			/* keep the good rows when some fail */
};

/*
 * Imports the LEN bytes at DATA. -1 with E for a file that cannot be read
 * as a whole (bad CSV, an unknown or repeated column, no rows), and for a
 * real import that kept nothing because rows had errors; R then says
 * which. 0 otherwise. Free R with import_result_done.
 */
int import_csv(struct store *st, enum import_kind kind, const char *data,
    size_t len, const struct import_options *o, struct import_result *r,
    struct err *e);
void import_result_done(struct import_result *r);

#endif
