/*
 * xlsx_cell.h - the values of a list's cells, prepared cheaply.
 *
 * Every cell of an exported list goes through text_clean() (text.h) and
 * is measured for the row's height (textfit.h): 651,558 cells for the
 * largest list of the small benchmark, 6 million at national size.  The
 * book's values were cleaned when they were stored, so the renderer first
 * asks text_is_clean() whether a value is already clean, which needs no
 * copy and no ICU (issue 8).
 * The rows of a list are prepared (read, cleaned, numbers
 * read, lines counted) by a thread of their own a few batches ahead of
 * the writing, so that reading the book and writing the file share the
 * machine's two cores.
 */
#ifndef XLSX_CELL_H
#define XLSX_CELL_H

#include <stddef.h>

struct ds_cursor;

/* "123" -> 123: an integer written as a number, or 0 (left as text). */
int cell_number(const char *s, double *out);
/* "0.5747" -> 0.5747 (a decimal point, as SQLite writes it), or 0. */
int cell_decimal(const char *s, double *out);

/* One column of a list: what stays the same from row to row. */
struct cell_col {
	int field;		/* column of the table; -1: no value */
	int numbered;		/* the "#" column: the row's number */
	int numeric;		/* written as a number when it is an integer */
	int percent;		/* written as a number when it is a decimal number */
	double width;		/* text area in points, for the row's lines */
	double size;		/* font size */
	int bold;
};

/* One row, ready to write. */
struct cell_row {
	const char **text;	/* per column, cleaned; valid until the next cell_rows_next() */
	const int *is_number;
	const double *number;
	int lines;		/* lines of its fullest cell (textfit.h), at least 1 */
};

struct cell_rows;

/*
 * The rows of `cur` (ds_open, dataset.h), with `mcol` >= 0 only those
 * whose column mcol equals `want`, prepared for writing: each value
 * cleaned (text_clean() when text_is_clean() says no), integers of
 * numeric columns read, the row's lines counted.  With `ahead`, a thread
 * of its own prepares them (the cursor, the book's connection and
 * textfit are then that thread's until cell_rows_close()); when no thread
 * can be started, or without `ahead`, cell_rows_next() prepares each row.
 */
struct cell_rows *cell_rows_open(struct ds_cursor *cur, const struct cell_col *cols, int ncols, int mcol,
				 const char *want, int ahead);
/* The next row: 1, 0 at the end, -1 after a read error (reported). */
int cell_rows_next(struct cell_rows *rs, struct cell_row *row);
/* Stop (a thread ahead is stopped and waited for) and free. */
void cell_rows_close(struct cell_rows *rs);

#endif
