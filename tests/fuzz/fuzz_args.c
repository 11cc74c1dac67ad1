/*
 * fuzz_args.c: the command line as the CLI parses it. The input is
 * split as a command arriving over SSH is (remote_split), vetted
 * (remote_check), then parsed against a command's option spec
 * (args_parse), as cli_run does.
 */
#include <stdlib.h>

#include "coopcom/cli/args.h"
#include "coopcom/cli/remote.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char spec[] = "format= commission= subgroup= archived "
	    "limit= expect-version= note=";
	char *text = fuzz_string(data, size);
	struct remote_words w;
	struct args a;
	struct err e;

	if (remote_split(text, &w, &e) == 0) {
		remote_check(&w, &e);
		if (w.argc > 0) {
			args_parse(&a, w.argc - 1, w.argv + 1, spec, &e);
			args_done(&a);
		}
		remote_words_done(&w);
	}
	free(text);
	return 0;
}
