/*
 * list.h: named lists of records, read a row at a time.
 *
 * Each list is one SQL query with fixed columns (the CLI's `list` output
 * and the TUI's panels use the same ones). A cursor steps through the rows
 * without loading the table; LIMIT and OFFSET page it.
 */
#ifndef COOPCOM_STORE_LIST_H
#define COOPCOM_STORE_LIST_H

#include <stddef.h>
#include <stdint.h>

#include "coopcom/store/store.h"

enum cell_type { CELL_NULL, CELL_INT, CELL_TEXT };

/* Which rows: every field optional (NULL / 0 for any). */
struct list_filter {
	const char *commission;		/* as typed: code, name or id */
	const char *subgroup;		/* as typed */
	int64_t commission_id;		/* by id instead: 0 any, -1 none */
	int64_t subgroup_id;		/* likewise */
	const char *stage;		/* a stage id */
	const char *term;		/* short, medium or long */
	const char *rag;		/* delivery: red, amber, green, none
					   or done */
	const char *search;		/* words, matched by the full-text index */
	bool overdue;			/* only those past their due date (the
					   revised date, else the target) and
					   not in a final stage */
	bool mine;			/* only those of the person's sub-groups
					   or added by them */
	int64_t person;			/* whose work ("mywork", "mine") and
					   memberships ("members"); 0 for the
					   person acting in "mywork" and "mine",
					   for anyone in "members"; who made
					   the change in "history" and
					   "activity" (0 for anyone) */
	int64_t record;			/* history, updates: the
					   recommendation's id (history: the
					   record's, of kind entity);
					   attendance: the meeting's id;
					   milestones: only that one */
	const char *entity;		/* history: the kind of record, as
					   entity.h names it ("milestone");
					   NULL for a recommendation */
	const char *from;		/* history, activity: the period's
					   first day, YYYY-MM-DD */
	const char *to;			/* ... and its last (inclusive); with
					   a first day and no last, today */
	const char *sort;		/* recommendations: NULL for the usual
					   order, "stuck" for the longest in
					   their stage first, final stages
					   left out */
	bool archived;			/* include archived rows */
	int64_t limit;			/* 0 for no limit */
	int64_t offset;
};

struct store_cursor;

/* The list names, NULL-terminated: "commissions", "subgroups", ... */
extern const char *const store_list_names[];

int store_list_open(struct store *st, const char *name,
    const struct list_filter *f, struct store_cursor **out, struct err *e);
/*
 * As store_list_open, for a page that may also say how many rows the
 * list has under F in all (store_cursor_total): one query where a list
 * can count in it, rather than a count and a page.
 */
int store_list_open_counted(struct store *st, const char *name,
    const struct list_filter *f, struct store_cursor **out, struct err *e);
/* How many rows the list has under filter F (limit and offset ignored). */
int store_list_count(struct store *st, const char *name,
    const struct list_filter *f, int64_t *n, struct err *e);

/* The column names: static, valid for the program's life. */
const char *const *store_cursor_columns(const struct store_cursor *c,
    size_t *n);
/* The index of column NAME; a name the list lacks is a bug (fatal). */
size_t store_cursor_column(const struct store_cursor *c, const char *name);

/* 1 for a row, 0 at the end, -1 on error. */
int store_cursor_next(struct store_cursor *c, struct err *e);
/* Column I of the current row: borrowed until the next step; NULL for NULL. */
const char *store_cursor_text(struct store_cursor *c, size_t i);
enum cell_type store_cursor_type(struct store_cursor *c, size_t i);
/*
 * For a cursor from store_list_open_counted: the rows under the filter
 * in all, whatever the limit and offset, as of the last row read (0
 * before one is read, so 0 rows at offset 0 is 0 in all); -1 when the
 * list cannot count in its page (store_list_count then counts).
 */
int64_t store_cursor_total(const struct store_cursor *c);
void store_cursor_close(struct store_cursor *c);

#endif
