/*
 * driver.c: runs a fuzzing harness over its seed corpus, without
 * libFuzzer, for make check.
 *
 * With no arguments the corpus is $top_srcdir/tests/fuzz/corpus/NAME,
 * NAME being the program's name less "fuzz_"; with arguments, each is a
 * file or a folder of files. Any crash or sanitizer report ends the run
 * with the input's name already printed.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"

static int
run_file(const char *path)
{
	FILE *fp = fopen(path, "rb");
	uint8_t *data = NULL;
	size_t len = 0, cap = 0, n;

	if (fp == NULL) {
		fprintf(stderr, "%s: %s\n", path, strerror(errno));
		return -1;
	}
	do {
		if (len == cap) {
			cap = cap ? cap * 2 : 4096;
			if ((data = realloc(data, cap)) == NULL)
				abort();
		}
		n = fread(data + len, 1, cap - len, fp);
		len += n;
	} while (n > 0);
	fclose(fp);
	fprintf(stderr, "  %s\n", path);
	LLVMFuzzerTestOneInput(data, len);
	free(data);
	return 0;
}

static int
cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A folder's files in name order, so a run is repeatable. */
static int
run_dir(const char *dir, int *count)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char **names = NULL, *path;
	size_t n = 0, i;
	int rc = 0;

	if (d == NULL) {
		fprintf(stderr, "%s: %s\n", dir, strerror(errno));
		return -1;
	}
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		if ((names = realloc(names, (n + 1) * sizeof *names)) == NULL ||
		    (names[n++] = strdup(de->d_name)) == NULL)
			abort();
	}
	closedir(d);
	if (n > 0)
		qsort(names, n, sizeof *names, cmp);
	for (i = 0; i < n; i++) {
		if ((path = malloc(strlen(dir) + strlen(names[i]) + 2)) == NULL)
			abort();
		snprintf(path, strlen(dir) + strlen(names[i]) + 2, "%s/%s", dir,
		    names[i]);
		if (run_file(path) < 0)
			rc = -1;
		else
			++*count;
		free(path);
		free(names[i]);
	}
	free(names);
	return rc;
}

static int
run_path(const char *path, int *count)
{
	struct stat sb;

	if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode))
		return run_dir(path, count);
	if (run_file(path) < 0)
		return -1;
	++*count;
	return 0;
}

int
main(int argc, char **argv)
{
	const char *base = strrchr(argv[0], '/'), *top = getenv("top_srcdir");
	char corpus[4096];
	int i, count = 0, rc = 0;

	base = base ? base + 1 : argv[0];
	if (strncmp(base, "fuzz_", 5) == 0)
		base += 5;
	if (argc < 2) {
		snprintf(corpus, sizeof corpus, "%s/tests/fuzz/corpus/%s",
		    top ? top : ".", base);
		rc = run_path(corpus, &count);
	}
	for (i = 1; i < argc; i++)
		if (run_path(argv[i], &count) < 0)
			rc = -1;
	printf("fuzz-%s: %d seed inputs ran without a crash%s\n", base, count,
	    rc < 0 ? ", but some could not be read" : "");
	return rc < 0 ? 1 : count > 0 ? 0 : 77;
}
