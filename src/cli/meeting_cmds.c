/*
 * meeting_cmds.c: agenda, decide, minutes, report, impact and import.
 *
 * Thin, as the other commands: the rules are the store's (quorum,
 * workflow, rights) and the documents are the view-model's (report.c,
 * minutes.c, import.c); these parse what was typed and print. A document
 * written to --output FILE goes to a temporary file beside it first and
 * is renamed into place when whole, so a failed run never leaves half a
 * report where the last good one was.
 */
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "coopcom/cli/commands.h"
#include "coopcom/cli/out.h"
#include "coopcom/core/impact.h"
#include "coopcom/store/impact.h"
#include "coopcom/store/list.h"
#include "coopcom/store/meeting.h"
#include "coopcom/util/csv.h"
#include "coopcom/util/text.h"
#include "coopcom/util/xalloc.h"
#include "coopcom/vm/import.h"
#include "coopcom/vm/minutes.h"
#include "coopcom/vm/report.h"

/* Output is buffered in blocks this large: a report is written fast. */
#define OUT_BUFFER (1 << 20)
/* The largest file import reads. */
#define IMPORT_MAX (256L * 1024 * 1024)

/* The process's umask: mkstemp makes files 0600, a report is as any file. */
static mode_t
umask_now(void)
{
	mode_t m = umask(022);

	umask(m);
	return m;
}

int
cmd_output_open(struct output *o, const char *path, struct err *e)
{
	int fd;

	memset(o, 0, sizeof o[0]);
	o->buffer = x_malloc(OUT_BUFFER);
	if (path == NULL) {
		fflush(stdout);
		if ((fd = dup(STDOUT_FILENO)) < 0 ||
		    (o->fp = fdopen(fd, "w")) == NULL) {
			err_set(e, ERR_IO, "cannot write the output: %s",
			    strerror(errno));
			if (fd >= 0)
				close(fd);
			free(o->buffer);
			return -1;
		}
		setvbuf(o->fp, o->buffer, _IOFBF, OUT_BUFFER);
		return 0;
	}
	o->path = x_strdup(path);
	o->tmp = x_printf("%s.tmp-XXXXXX", path);
	if ((fd = mkstemp(o->tmp)) < 0 || fchmod(fd, 0666 & ~umask_now()) < 0 ||
	    (o->fp = fdopen(fd, "w")) == NULL) {
		err_set(e, ERR_IO, "cannot write beside %s: %s", path,
		    strerror(errno));
		if (fd >= 0) {
			close(fd);
			unlink(o->tmp);
		}
		free(o->buffer);
		free(o->path);
		free(o->tmp);
		return -1;
	}
	setvbuf(o->fp, o->buffer, _IOFBF, OUT_BUFFER);
	return 0;
}

int
cmd_output_close(struct output *o, int ok, struct err *e)
{
	int rc = ok;

	if (o->path == NULL) {
		if (fclose(o->fp) != 0 && rc == 0)
			rc = err_set(e, ERR_IO, "cannot write the output: %s",
			    strerror(errno));
	} else {
		if (fclose(o->fp) != 0 && rc == 0)
			rc = err_set(e, ERR_IO, "cannot write %s: %s", o->path,
			    strerror(errno));
		if (rc == 0 && rename(o->tmp, o->path) < 0)
			rc = err_set(e, ERR_IO, "cannot write %s: %s", o->path,
			    strerror(errno));
		if (rc < 0)
			unlink(o->tmp);
	}
	free(o->buffer);
	free(o->path);
	free(o->tmp);
	return rc;
}

static int
which(struct session *s, struct args *a, size_t i, enum entity_kind kind,
    const char *what, int64_t *id, struct err *e)
{
	const char *w = cmd_word(a, i, what, e);

	if (w == NULL)
		return -1;
	return store_resolve(s->store, kind, w, id, e);
}

/* --NAME N: a whole number 0 or more; *set says whether it was given. */
static int
number(struct args *a, const char *name, int64_t *n, bool *set,
    struct err *e)
{
	const char *v = args_get(a, name);
	char *end;

	if (v == NULL)
		return 0;
	errno = 0;
	*n = strtoll(v, &end, 10);
	if (*v == '\0' || *end != '\0' || *n < 0 || errno != 0)
		return err_set(e, ERR_INVALID, "--%s takes a count (0 or "
		    "more), not \"%s\"", name, v);
	*set = true;
	return 0;
}

static void
meeting_line(const struct store_meeting *m)
{
	char *line;

	line = x_printf("Meeting %" PRId64 ": %s\n%s%s%s, %s%s%s\n"
	    "Attendance: %d present, %d apologies, %d absent; ", m->id,
	    *m->title ? m->title : workflow_body_label(m->body),
	    workflow_body_label(m->body), *m->scope ? " of " : "", m->scope,
	    m->held_on, *m->place ? ", " : "", m->place, m->present,
	    m->apologies, m->absent);
	out_text(stdout, line);
	free(line);
	if (m->quorum == 0)
		printf("no quorum is set\n\n");
	else
		printf("quorum %d: %s\n\n", m->quorum, m->quorate ? "quorate" :
		    "NOT quorate (it can defer items, not decide them)");
}

int
cmd_agenda(struct session *s, struct args *a, struct err *e)
{
	struct list_filter f = { 0 };
	struct store_meeting m;
	struct store_cursor *c;
	enum out_format fmt;
	int rc;

	if (which(s, a, 0, ENT_MEETING, "the meeting (its id: coopcom list "
	    "meetings)", &f.record, e) < 0 ||
	    out_parse_format(args_get(a, "format"), &fmt, e) < 0 ||
	    store_meeting_get(s->store, f.record, &m, e) < 0)
		return -1;
	if (fmt == OUT_TABLE)
		meeting_line(&m);
	store_meeting_done(&m);
	if (store_list_open(s->store, "agenda", &f, &c, e) < 0)
		return -1;
	rc = out_cursor(stdout, c, fmt, e);
	store_cursor_close(c);
	return rc;
}

/* "referred back" and "Referred-Back" are referred_back. */
static char *
outcome_id(const char *typed)
{
	char *id = text_trim(typed), *p;

	for (p = id; *p; p++)
		*p = *p == ' ' || *p == '-' ? '_' :
		    (char)tolower((unsigned char)*p);
	return id;
}

static int
votes(struct args *a, struct store_decision *d, struct err *e)
{
	bool set = false;

	if (number(a, "for", &d->votes_for, &set, e) < 0 ||
	    number(a, "against", &d->votes_against, &set, e) < 0 ||
	    number(a, "abstain", &d->votes_abstain, &set, e) < 0)
		return -1;
	d->voted = set;
	return 0;
}

int
cmd_decide(struct session *s, struct args *a, struct err *e)
{
	struct store_decision d = { 0 };
	const struct workflow_stage *stage;
	const char *typed;
	int64_t meeting, rec;
	struct record r;
	char *outcome, *line;
	int rc;

	if (which(s, a, 0, ENT_MEETING, "the meeting (its id)", &meeting,
	    e) < 0 || which(s, a, 1, ENT_RECOMMENDATION, "the recommendation "
	    "(its reference)", &rec, e) < 0 || (typed = cmd_word(a, 2,
	    "the decision (approved, rejected, referred_back, deferred, "
	    "accepted, not_accepted, adopted or noted)", e)) == NULL ||
	    votes(a, &d, e) < 0 || cmd_expect_version(a, &d.version, e) < 0)
		return -1;
	outcome = outcome_id(typed);
	d.outcome = outcome;
	d.reason = args_get(a, "note");
	d.actions = args_get(a, "actions");
	rc = store_decide(s->store, meeting, rec, &d, NULL, e);
	free(outcome);
	if (rc < 0)
		return -1;
	if (store_get(s->store, ENT_RECOMMENDATION, rec, &r, e) < 0)
		return -1;
	stage = workflow_stage(s->workflow, record_get(&r, "stage"));
	line = x_printf("%s: %s at meeting %" PRId64 "; it is now at: %s\n",
	    record_get(&r, "ref"), typed, meeting, stage ? stage->label :
	    record_get(&r, "stage"));
	out_text(stdout, line);
	free(line);
	record_done(&r);
	return 0;
}

static int
format_of(struct args *a, unsigned allowed, enum doc_format *f,
    struct err *e)
{
	const char *v = args_get(a, "format");

	return doc_parse_format(v ? v : "md", allowed, f, e);
}

int
cmd_minutes(struct session *s, struct args *a, struct err *e)
{
	struct output o;
	enum doc_format f;
	int64_t meeting;

	if (which(s, a, 0, ENT_MEETING, "the meeting (its id)", &meeting,
	    e) < 0 || format_of(a, DOC_ALLOW(DOC_MD) | DOC_ALLOW(DOC_HTML), &f,
	    e) < 0 || cmd_output_open(&o, args_get(a, "output"), e) < 0)
		return -1;
	return cmd_output_close(&o, minutes_write(s->store, meeting, f, o.fp,
	    e), e);
}

int
cmd_report(struct session *s, struct args *a, struct err *e)
{
	struct report_options ro = { 0 };
	const char *c = args_get(a, "commission");
	struct output o;

	if (format_of(a, DOC_ALLOW(DOC_MD) | DOC_ALLOW(DOC_HTML) |
	    DOC_ALLOW(DOC_CSV), &ro.format, e) < 0 || (c != NULL &&
	    store_resolve(s->store, ENT_COMMISSION, c, &ro.commission_id,
	    e) < 0))
		return -1;
	ro.key_decision_pence = s->config.key_decision_pence;
	if (cmd_output_open(&o, args_get(a, "output"), e) < 0)
		return -1;
	return cmd_output_close(&o, report_write(s->store, &ro, o.fp, e), e);
}

/* ---- impact ---- */

static void
matrix_csv(const struct store_impact_count *m)
{
	static const char *const heads[] = { "heading", "label", "negative",
		"neutral", "positive", "not_assessed", "rated_negative" };
	char n[4][24];
	const char *row[7];
	struct buf b;
	size_t i;

	buf_init(&b);
	csv_write_row(&b, heads, 7, 0);
	for (i = 0; i < IMPACT_HEADINGS; i++) {
		snprintf(n[0], sizeof n[0], "%" PRId64,
		    m[i].count[IMPACT_NEGATIVE]);
		snprintf(n[1], sizeof n[1], "%" PRId64,
		    m[i].count[IMPACT_NEUTRAL]);
		snprintf(n[2], sizeof n[2], "%" PRId64,
		    m[i].count[IMPACT_POSITIVE]);
		snprintf(n[3], sizeof n[3], "%" PRId64,
		    m[i].count[IMPACT_UNRATED]);
		row[0] = impact_heading(i)->id;
		row[1] = impact_heading(i)->label;
		row[2] = n[0];
		row[3] = n[1];
		row[4] = n[2];
		row[5] = n[3];
		row[6] = m[i].negative;
		csv_write_row(&b, row, 7, 0);
	}
	fputs(buf_str(&b), stdout);
	buf_done(&b);
}

static void
matrix_table(const struct store_impact_count *m, int64_t recs)
{
	char *label;
	size_t i;

	printf("%-40s %8s %8s %8s %12s  %s\n", "heading", "negative",
	    "neutral", "positive", "not assessed", "rated negative");
	for (i = 0; i < IMPACT_HEADINGS; i++) {
		label = text_fit(impact_heading(i)->label, 40, TEXT_PAD);
		printf("%s %8" PRId64 " %8" PRId64 " %8" PRId64 " %12" PRId64
		    "  ", label, m[i].count[IMPACT_NEGATIVE],
		    m[i].count[IMPACT_NEUTRAL], m[i].count[IMPACT_POSITIVE],
		    m[i].count[IMPACT_UNRATED]);
		out_text(stdout, m[i].negative);
		putchar('\n');
		free(label);
	}
	printf("(%" PRId64 " recommendation%s)\n", recs, recs == 1 ? "" : "s");
}

static int
impact_matrix(struct session *s, struct args *a, struct err *e)
{
	struct store_impact_count m[IMPACT_HEADINGS];
	const char *c = args_get(a, "commission"), *fmt = args_get(a,
	    "format");
	int64_t cid = 0, recs;

	if (fmt != NULL && strcmp(fmt, "table") != 0 && strcmp(fmt, "csv") !=
	    0)
		return err_set(e, ERR_INVALID, "the matrix is written as table "
		    "or csv, not \"%s\"", fmt);
	if ((c != NULL && store_resolve(s->store, ENT_COMMISSION, c, &cid,
	    e) < 0) || store_impact_matrix(s->store, cid, args_flag(a,
	    "report"), m, &recs, e) < 0)
		return -1;
	if (fmt != NULL && strcmp(fmt, "csv") == 0)
		matrix_csv(m);
	else
		matrix_table(m, recs);
	store_impact_matrix_free(m);
	return 0;
}

static int
impact_show(struct session *s, int64_t rec, struct err *e)
{
	struct store_impact grid[IMPACT_HEADINGS];
	char *label;
	size_t i;

	if (store_impact_get(s->store, rec, grid, e) < 0) {
		store_impact_free(grid);
		return -1;
	}
	for (i = 0; i < IMPACT_HEADINGS; i++) {
		if (i == 0 || impact_heading(i)->group !=
		    impact_heading(i - 1)->group)
			printf("%s\n", impact_group_label(
			    impact_heading(i)->group));
		label = text_fit(impact_heading(i)->label, 42, TEXT_PAD);
		printf("  %2zu %-20s %s %-8s v%" PRId64 "  ", i + 1,
		    impact_heading(i)->id, label, grid[i].rating ?
		    impact_rating_name(grid[i].rating) : "-", grid[i].version);
		out_text(stdout, grid[i].comment);
		putchar('\n');
		free(label);
	}
	store_impact_free(grid);
	return 0;
}

static int
impact_set(struct session *s, struct args *a, int64_t rec, struct err *e)
{
	struct store_impact grid[IMPACT_HEADINGS];
	const char *typed = args_get(a, "rating");
	enum impact_rating r;
	int64_t version;
	int h, rc;

	if ((h = impact_heading_find(a->words[1], e)) < 0 ||
	    cmd_expect_version(a, &version, e) < 0)
		return -1;
	if (typed != NULL) {
		if (impact_rating_parse(typed, &r, e) < 0)
			return -1;
	} else {
		if (store_impact_get(s->store, rec, grid, e) < 0) {
			store_impact_free(grid);
			return -1;
		}
		r = grid[h].rating;
		store_impact_free(grid);
		if (r == IMPACT_UNRATED)
			return err_set(e, ERR_INVALID, "give --rating neutral, "
			    "positive or negative");
	}
	rc = store_impact_set(s->store, rec, (size_t)h, r, args_get(a,
	    "comment"), version, e);
	if (rc == 0)
		printf("%s: %s is %s\n", a->words[0], impact_heading(h)->id,
		    impact_rating_name(r));
	return rc;
}

int
cmd_impact(struct session *s, struct args *a, struct err *e)
{
	int64_t rec;

	if (args_flag(a, "matrix"))
		return impact_matrix(s, a, e);
	if (which(s, a, 0, ENT_RECOMMENDATION, "the recommendation (its "
	    "reference), or --matrix", &rec, e) < 0)
		return -1;
	if (a->nwords < 2) {
		if (args_get(a, "rating") || args_get(a, "comment"))
			return err_set(e, ERR_INVALID, "name the heading to "
			    "rate: coopcom impact REF HEADING --rating R");
		return impact_show(s, rec, e);
	}
	return impact_set(s, a, rec, e);
}

/* ---- import ---- */

static int
slurp(const char *path, char **data, size_t *len, struct err *e)
{
	FILE *f = fopen(path, "rb");
	size_t cap = 0, got;

	*data = NULL;
	*len = 0;
	if (f == NULL)
		return err_set(e, errno == ENOENT ? ERR_NOTFOUND : ERR_IO,
		    "cannot read %s: %s", path, strerror(errno));
	do {
		*data = x_grow(*data, &cap, *len + 65536 + 1, 1);
		got = fread(*data + *len, 1, 65536, f);
		*len += got;
	} while (got > 0 && *len <= (size_t)IMPORT_MAX);
	(*data)[*len] = '\0';
	if (ferror(f) || *len > (size_t)IMPORT_MAX) {
		fclose(f);
		free(*data);
		*data = NULL;
		return err_set(e, ERR_IO, "cannot read %s: %s", path,
		    *len > (size_t)IMPORT_MAX ? "the file is too large" :
		    "read error");
	}
	fclose(f);
	return 0;
}

static void
print_rows(const struct import_result *r)
{
	const struct import_line *l;
	char *line;
	size_t i;

	for (i = 0; i < r->n; i++) {
		l = &r->rows[i];
		line = x_printf("line %ld: %-9s %s%s%s\n", l->line,
		    import_action_name(l->action), l->key, *l->key ? "  " : "",
		    l->message);
		out_text(stdout, line);
		free(line);
	}
}

int
cmd_import(struct session *s, struct args *a, struct err *e)
{
	struct import_options o = { args_flag(a, "dry-run"),
		args_flag(a, "skip-bad") };
	struct import_result r;
	enum import_kind kind;
	const char *path;
	size_t len;
	char *data;
	int rc;
	const char *what = cmd_word(a, 0, "what to import (recommendations, "
	    "milestones or people)", e);

	if (what == NULL || import_parse_kind(what, &kind, e) < 0 ||
	    (path = cmd_word(a, 1, "the CSV file", e)) == NULL ||
	    slurp(path, &data, &len, e) < 0)
		return -1;
	rc = import_csv(s->store, kind, data, len, &o, &r, e);
	free(data);
	print_rows(&r);
	printf("%zu new, %zu updated, %zu unchanged, %zu with errors: %s\n",
	    r.count[IMPORT_NEW], r.count[IMPORT_UPDATE], r.count[IMPORT_SAME],
	    r.count[IMPORT_ERROR], o.dry_run ? "a dry run, nothing was "
	    "changed" : r.kept ? "imported" : "nothing was imported");
	if (rc == 0 && o.dry_run && r.count[IMPORT_ERROR] > 0)
		rc = err_set(e, ERR_INVALID, "%zu row%s would fail",
		    r.count[IMPORT_ERROR], r.count[IMPORT_ERROR] == 1 ? "" :
		    "s");
	import_result_done(&r);
	return rc;
}
