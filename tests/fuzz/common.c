/*
 * common.c: helpers shared by the fuzzing harnesses.
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

char *
fuzz_string(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);

	if (s == NULL)
		abort();
	if (size > 0)
		memcpy(s, data, size);
	s[size] = '\0';
	return s;
}
