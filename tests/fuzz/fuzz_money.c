/*
 * fuzz_money.c: money_parse on any text; whatever it accepts must format
 * and read back to the same number of pence.
 */
#include <stdlib.h>

#include "coopcom/core/money.h"
#include "coopcom/util/err.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_string(data, size), out[MONEY_FORMAT_MAX];
	int64_t pence, again;
	struct err e;

	if (money_parse(text, &pence, MONEY_ALLOW_NEGATIVE, &e) == 0) {
		if (money_format(pence, out, sizeof out) < 0 ||
		    money_parse(out, &again, MONEY_ALLOW_NEGATIVE, &e) < 0 ||
		    again != pence)
			abort();
		if (money_format_plain(pence, out, sizeof out) < 0 ||
		    money_parse(out, &again, MONEY_ALLOW_NEGATIVE, &e) < 0 ||
		    again != pence)
			abort();
	}
	money_parse(text, &pence, 0, &e);
	free(text);
	return 0;
}
