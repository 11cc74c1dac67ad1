/*
 * fuzz_workflow.c: the workflow loader (workflow_file_load_string) over
 * any text: a workflow it accepts has been validated, so looking up each
 * of its stages must work.
 */
#include <stdlib.h>

#include "coopcom/conf/workflow_file.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_string(data, size);
	struct workflow *w;
	struct err e;
	size_t i;

	if ((w = workflow_file_load_string(text, "fuzz.cfg", &e)) != NULL) {
		if (workflow_initial(w) == NULL)
			abort();
		for (i = 0; i < w->nstages; i++)
			if (workflow_stage(w, w->stages[i].id) == NULL)
				abort();
		workflow_free(w);
	}
	free(text);
	return 0;
}
