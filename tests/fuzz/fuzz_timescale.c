/*
 * fuzz_timescale.c: timescale_parse on any text, with and without a
 * context year; a dated result must be ordered (earliest <= latest).
 */
#include <stdlib.h>

#include "coopcom/core/timescale.h"
#include "coopcom/util/err.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const int years[] = { 0, 2011, 1000, 9999 };
	char *text = fuzz_string(data, size);
	struct timescale ts;
	struct err e;
	size_t i;

	for (i = 0; i < sizeof years / sizeof years[0]; i++) {
		if (timescale_parse(text, years[i], &ts, &e) < 0)
			continue;
		if ((ts.kind == TIMESCALE_EXACT || ts.kind == TIMESCALE_RANGE)
		    && ts.earliest > ts.latest)
			abort();
		if (timescale_compare(&ts, &ts) != 0)
			abort();
	}
	free(text);
	return 0;
}
