/*
 * fuzz_csv.c: the CSV reader over any bytes (the input is not
 * NUL-terminated, as a file in memory would not be); every row it
 * returns is written out again and must read back the same.
 */
#include <stdlib.h>
#include <string.h>

#include "coopcom/util/csv.h"
#include "fuzz.h"

static void
round_trip(const struct csv_row *row)
{
	struct csv_reader r;
	struct csv_row back = { 0 };
	struct buf out;
	struct err e;
	size_t i;

	buf_init(&out);
	csv_write_row(&out, (const char *const *)row->fields, row->n, 0);
	csv_reader_init(&r, buf_str(&out), out.len);
	if (csv_read_row(&r, &back, &e) != 1 || back.n != row->n)
		abort();
	for (i = 0; i < row->n; i++)
		if (strcmp(back.fields[i], row->fields[i]) != 0)
			abort();
	csv_row_done(&back);
	buf_done(&out);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct csv_reader r;
	struct csv_row row;
	struct err e;
	int rc;

	csv_row_init(&row);
	csv_reader_init(&r, (const char *)data, size);
	while ((rc = csv_read_row(&r, &row, &e)) == 1)
		if (!csv_row_blank(&row))
			round_trip(&row);
	csv_row_done(&row);
	return 0;
}
