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
	bool brief;			/* subgroups: the columns a screen
					   list shows (id, commission, code,
					   name, theme), not the chair and
					   counts, which read other tables */
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
/*
 * As store_list_open, reading the list backwards: its last row first,
 * F's offset counted from the end. A page near the end is then as quick
 * to read as one near the top (OFFSET walks every row it skips). The
 * list's order must be total (end in something unique) for this to be
 * the exact reverse; every list's is. *OUT is NULL, and 0 returned, for
 * a list whose query cannot be turned round (read it forwards).
 */
int store_list_open_reversed(struct store *st, const char *name,
    const struct list_filter *f, struct store_cursor **out, struct err *e);
/*
 * As store_list_open, for a cursor kept open between pages, so that a
 * list panel paging down steps on from where it stopped rather than
 * reading again every row before the page (OFFSET). It reads on a
 * second, read-only connection with its own statement: the store's
 * reads, writes and store_data_version go on as if it were not there.
 * It holds a read snapshot, the data as of its first row, which keeps
 * the WAL from being checkpointed past it: the caller compares
 * store_data_version to the value before it opened and stops using it
 * when they differ, and store_list_release ends them all when input
 * rests. Once released, or at its end or an error, it reads no more
 * (store_cursor_live); close it as any other. F's limit bounds only a
 * list that SQLite sorts before its first row (its sorter holds offset
 * and limit rows); one read in an index's order is read on to its end,
 * each row costing only as it is stepped.
 */
int store_list_open_kept(struct store *st, const char *name,
    const struct list_filter *f, struct store_cursor **out, struct err *e);
/* For a kept cursor: the row after the last it can read (its offset and
 * limit), or -1 when it reads to the list's end. */
int64_t store_cursor_end(const struct store_cursor *c);
/* False for a kept cursor that will read no more rows. */
bool store_cursor_live(const struct store_cursor *c);
/* Whether a kept cursor is open, holding a snapshot. */
bool store_list_holding(const struct store *st);
/* Ends every kept cursor's reading and frees the reader's cache. */
void store_list_release(struct store *st);
/* How many rows the list has under filter F (limit and offset ignored). */
int store_list_count(struct store *st, const char *name,
    const struct list_filter *f, int64_t *n, struct err *e);
/*
 * Readies the search for this connection, finding nothing: FTS5 reads
 * its settings and its index's structure at a connection's first search
 * and the search's queries are prepared then, which made the first
 * search typed some 2.5 ms slower than the next. 0, or -1 with E.
 */
int store_search_warm(struct store *st, struct err *e);

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
