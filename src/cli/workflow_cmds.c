/*
 * workflow_cmds.c: stages, advance, transitions and history.
 *
 * Thin: the rules live in the store (store_advance, store_moves); these
 * commands parse what was typed, add the command-line hints and print.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coopcom/cli/commands.h"
#include "coopcom/cli/out.h"
#include "coopcom/store/list.h"
#include "coopcom/util/buf.h"

static int
which_recommendation(struct session *s, struct args *a, int64_t *id,
    struct err *e)
{
	const char *which = cmd_word(a, 0, "the recommendation (its reference, "
	    "e.g. CC-LCL-03, or id)", e);

	if (which == NULL)
		return -1;
	return store_resolve(s->store, ENT_RECOMMENDATION, which, id, e);
}

int
cmd_stages(struct session *s, struct args *a, struct err *e)
{
	struct buf out;

	(void)a;
	(void)e;
	buf_init(&out);
	workflow_describe(s->workflow, &out);
	out_text(stdout, buf_str(&out));
	buf_done(&out);
	return 0;
}

static int
meeting_option(struct session *s, struct args *a, int64_t *meeting,
    struct err *e)
{
	const char *v = args_get(a, "decision");

	*meeting = 0;
	if (v == NULL)
		return 0;
	if (store_resolve(s->store, ENT_MEETING, v, meeting, e) < 0)
		return err_prefix(e, "--decision takes the id of the meeting "
		    "that decided (coopcom list meetings)");
	return 0;
}

int
cmd_advance(struct session *s, struct args *a, struct err *e)
{
	const char *to, *note = args_get(a, "note");
	int64_t id, meeting, version;

	if (which_recommendation(s, a, &id, e) < 0 ||
	    (to = cmd_word(a, 1, "the stage to move it to (coopcom "
	    "transitions ID lists them)", e)) == NULL ||
	    meeting_option(s, a, &meeting, e) < 0 ||
	    cmd_expect_version(a, &version, e) < 0)
		return -1;
	if (store_advance(s->store, id, to, version, note, meeting, e) < 0) {
		if (e->code == ERR_GUARD && strstr(e->msg, "meeting") != NULL &&
		    meeting == 0)
			snprintf(e->msg + strlen(e->msg), sizeof e->msg -
			    strlen(e->msg), " (--decision MEETING_ID)");
		return -1;
	}
	printf("%s is now at %s\n", a->words[0], to);
	return 0;
}

/* Why a recommendation has no moves: a final stage, or one the workflow
 * does not have (put in by hand, or left by an older workflow file). */
static int
no_moves(struct session *s, int64_t id, struct err *e)
{
	struct record r;
	const char *stage;
	int rc = 0;

	if (store_get(s->store, ENT_RECOMMENDATION, id, &r, e) < 0)
		return -1;
	stage = record_get(&r, "stage");
	if (stage != NULL && workflow_stage(s->workflow, stage) == NULL)
		rc = err_set(e, ERR_INVALID, "%s is at the stage \"%s\", which "
		    "the workflow in use does not have, so it cannot move "
		    "(coopcom check lists every such record)",
		    record_get(&r, "ref"), stage);
	else
		printf("no moves: the recommendation is at a final stage\n");
	record_done(&r);
	return rc;
}

int
cmd_transitions(struct session *s, struct args *a, struct err *e)
{
	struct store_move *moves;
	size_t n, i;
	int64_t id;

	if (which_recommendation(s, a, &id, e) < 0 ||
	    store_moves(s->store, id, &moves, &n, e) < 0)
		return -1;
	if (n == 0 && no_moves(s, id, e) < 0) {
		store_moves_free(moves, n);
		return -1;
	}
	for (i = 0; i < n; i++) {
		printf("%s %-14s ", moves[i].allowed ? "yes" : "no ",
		    moves[i].t->to);
		out_text(stdout, moves[i].t->label ? moves[i].t->label : "");
		if (*moves[i].needs)
			printf("; needs %s", moves[i].needs);
		if (!moves[i].allowed) {
			fputs("\n      ", stdout);
			out_text(stdout, moves[i].why);
		}
		putchar('\n');
	}
	store_moves_free(moves, n);
	return 0;
}

/*
 * One recommendation's trail ("history"), or the whole log ("activity"),
 * narrowed to what the options name.
 */
int
cmd_history(struct session *s, struct args *a, struct err *e)
{
	struct list_filter f = { 0 };
	const char *person = args_get(a, "person"), *list = "activity";
	struct store_cursor *c;
	enum out_format fmt;
	int rc;

	f.from = args_get(a, "from");
	f.to = args_get(a, "to");
	f.subgroup = args_get(a, "subgroup");
	f.commission = args_get(a, "commission");
	if (a->nwords > 0 && (f.subgroup || f.commission))
		return err_set(e, ERR_INVALID, "a recommendation's history "
		    "is all in its own sub-group: leave out --subgroup and "
		    "--commission, or the recommendation to see the whole "
		    "log");
	if (a->nwords > 0) {
		if (which_recommendation(s, a, &f.record, e) < 0)
			return -1;
		list = "history";
	}
	if (out_parse_format(args_get(a, "format"), &fmt, e) < 0 ||
	    (person && store_resolve(s->store, ENT_PERSON, person, &f.person,
	    e) < 0) || store_list_open(s->store, list, &f, &c, e) < 0)
		return -1;
	rc = out_cursor(stdout, c, fmt, e);
	store_cursor_close(c);
	return rc;
}
