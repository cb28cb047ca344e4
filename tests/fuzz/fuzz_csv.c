/*
 * fuzz_csv.c - libFuzzer target for the CSV reader (csv_open_mem and
 * csv_next until the end or an error).
 *
 * The first byte picks the reader's settings, so that forced delimiters
 * and a small field limit are fuzzed too; the rest is the file.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "csv.h"
#include "banned.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct csv_reader *r;
	struct csv_row row;
	unsigned mode = 0;
	int rc;

	if (size > 0) {
		mode = data[0];
		data++;
		size--;
	}
	r = csv_open_mem((const char *)data, size, "fuzz.csv");
	if (!r)
		return 0;
	if (mode & 1)
		csv_set_delimiter(r, (mode & 2) ? ';' : ',');
	if (mode & 4)
		csv_set_max_field(r, 16);
	while ((rc = csv_next(r, &row)) > 0) {
		/* Every field must be as long as it says and NUL-terminated. */
		for (size_t i = 0; i < row.nfields; i++)
			if (strlen(row.fields[i]) != row.lens[i])
				abort();
	}
	if (rc < 0 && (!csv_error(r) || csv_error_row(r) < 0))
		abort();
	csv_close(r);
	return 0;
}
