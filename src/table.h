/*
 * table.h - list output in the three formats of `--format text|csv|json`.
 *
 * A command fills a table with rows of text cells and prints it once:
 *
 *  - text: a header line of the columns' Vietnamese labels, then the rows,
 *    columns aligned by the number of characters (not bytes), two spaces
 *    apart, the last column unpadded; columns marked text_hidden are left
 *    out;
 *  - csv:  a header line of the columns' keys (the same keys the import
 *    commands accept, so a list can be edited and imported again), then
 *    the rows, ',' separated and quoted where needed (sbuf_add_csv);
 *  - json: an array of objects, one per row, keyed by the columns' keys;
 *    an empty cell is null, a numeric column's cell a number (an integer,
 *    or digits with one '.').
 *
 * Cells are copied; table_release() frees them.  NULL cells are empty.
 */
#ifndef TABLE_H
#define TABLE_H

#include <stdio.h>

enum out_format { FMT_TEXT, FMT_CSV, FMT_JSON };

struct column {
	const char *key;	/* csv/json name, e.g. "dob" */
	const char *label;	/* text header, e.g. "Ngày sinh" */
	int numeric;		/* json: print the cell as a number */
	int text_hidden;	/* left out of the text view (csv/json only) */
};

struct table {
	const struct column *cols;	/* borrowed */
	int ncols;
	char **cells;			/* nrows * ncols */
	int nrows, alloc;
};

/*
 * Parse a --format value; NULL gives FMT_TEXT.  Reports a usage error and
 * returns -1 for anything but text, csv and json.
 */
int out_format_parse(const char *s, enum out_format *f);

void table_init(struct table *t, const struct column *cols, int ncols);

/* Append a row of ncols cells (copied). */
void table_add(struct table *t, const char *const *cells);

/* Print the whole table in format f (text, csv or json). */
void table_print(const struct table *t, enum out_format f, FILE *out);

void table_release(struct table *t);

#endif
