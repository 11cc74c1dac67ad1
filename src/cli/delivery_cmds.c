/*
 * delivery_cmds.c: update, progress on an adopted recommendation.
 *
 * Thin, as the other commands: who may, when and how it is written are
 * the store's (store_progress_update). The delivery and updates lists
 * are read with `coopcom list`.
 */
#include <stdio.h>
#include <stdlib.h>

#include "coopcom/cli/commands.h"
#include "coopcom/cli/out.h"
#include "coopcom/core/rag.h"
#include "coopcom/store/delivery.h"

int
cmd_update(struct session *s, struct args *a, struct err *e)
{
	const char *which = cmd_word(a, 0, "the recommendation (its reference, "
	    "e.g. CC-LCL-03, or id)", e);
	const char *percent = args_get(a, "percent"), *note = args_get(a,
	    "note");
	struct rag_result r;
	int64_t id, version;
	char why[160];

	if (which == NULL || cmd_expect_version(a, &version, e) < 0)
		return -1;
	if (percent == NULL && note == NULL)
		return err_set(e, ERR_INVALID, "update needs --percent N, "
		    "--note TEXT, or both");
	if (store_resolve(s->store, ENT_RECOMMENDATION, which, &id, e) < 0 ||
	    store_progress_update(s->store, id, version, percent, note,
	    e) < 0 || store_delivery_rag(s->store, id, &r, e) < 0)
		return -1;
	rag_explain(r, why, sizeof why);
	printf("recorded progress on ");
	out_text(stdout, which);
	printf(": %s (%s)\n", rag_name(r.rag), why);
	return 0;
}
