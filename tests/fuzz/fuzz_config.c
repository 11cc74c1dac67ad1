/*
 * fuzz_config.c: the settings file loader over any text. The loader's
 * entry point takes a path, so the input is written to a private file
 * first; an error must leave the settings as they were (the defaults).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "coopcom/conf/config.h"
#include "fuzz.h"

static char path[64];

static const char *
no_env(const char *name)
{
	(void)name;
	return NULL;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct config c;
	struct err e;
	FILE *fp;
	int fd;

	if (path[0] == '\0') {
		snprintf(path, sizeof path, "/tmp/coopcom-fuzz-config.XXXXXX");
		if ((fd = mkstemp(path)) < 0)
			abort();
		close(fd);
	}
	if ((fp = fopen(path, "wb")) == NULL)
		abort();
	if (size > 0 && fwrite(data, 1, size, fp) != size)
		abort();
	fclose(fp);
	config_defaults(&c);
	c.env = no_env;
	if (config_load(&c, path, &e) < 0 && (c.source != NULL ||
	    c.trust_as || c.busy_timeout_ms != 5000))
		abort();
	config_done(&c);
	return 0;
}
