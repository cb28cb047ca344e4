/*
 * fuzz_csv.c - libFuzzer target for the CSV reader (csv_open_mem and
 * csv_next until the end or an error), differential: the same bytes are
 * streamed through csv_open_read() with a tiny window and short reads, and
 * every record, position and error must be the same.
 *
 * The first byte picks the reader's settings, so that forced delimiters,
 * a small field limit and the window and read sizes are fuzzed too; the
 * rest is the file.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "csv.h"
#include "banned.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct src {
	const char *data;
	size_t len, pos, chunk;
};

static long src_read(void *ctx, char *buf, size_t n)
{
	struct src *s = ctx;

	if (n > s->chunk)
		n = s->chunk;
	if (n > s->len - s->pos)
		n = s->len - s->pos;
	memcpy(buf, s->data + s->pos, n);
	s->pos += n;
	return (long)n;
}

static void setup(struct csv_reader *r, unsigned mode)
{
	if (mode & 1)
		csv_set_delimiter(r, (mode & 2) ? ';' : ',');
	if (mode & 4)
		csv_set_max_field(r, 16);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct csv_reader *r, *s;
	struct csv_row row, srow;
	struct src src;
	unsigned mode = 0;
	int rc, src_rc;

	if (size > 0) {
		mode = data[0];
		data++;
		size--;
	}
	src = (struct src){ (const char *)data, size, 0, ((mode >> 6) & 3) * 3 + 1 };
	r = csv_open_mem((const char *)data, size, "fuzz.csv");
	s = csv_open_read(src_read, &src, "fuzz.csv", ((mode >> 3) & 7) + 1);
	if (!r || !s)
		abort();
	setup(r, mode);
	setup(s, mode);
	if (csv_delimiter(r) != csv_delimiter(s))
		abort();
	do {
		rc = csv_next(r, &row);
		src_rc = csv_next(s, &srow);
		if (rc != src_rc)
			abort();
		if (rc <= 0)
			break;
		if (row.nfields != srow.nfields || row.row != srow.row || row.line != srow.line ||
		    row.all_empty != srow.all_empty)
			abort();
		/* Every field must be as long as it says and NUL-terminated. */
		for (size_t i = 0; i < row.nfields; i++)
			if (strlen(row.fields[i]) != row.lens[i] || row.lens[i] != srow.lens[i] ||
			    memcmp(row.fields[i], srow.fields[i], row.lens[i] + 1))
				abort();
	} while (rc > 0);
	if (rc < 0 && (!csv_error(r) || csv_error_row(r) < 0))
		abort();
	if (rc < 0 && (strcmp(csv_error(r), csv_error(s)) || csv_error_row(r) != csv_error_row(s) ||
		       csv_error_col(r) != csv_error_col(s) || csv_error_line(r) != csv_error_line(s)))
		abort();
	csv_close(r);
	csv_close(s);
	return 0;
}
