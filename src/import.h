/*
 * import.h - reading a CSV file with a header row, column by column.
 *
 * The import commands (unit import, alloc import, candidate import) each
 * declare the columns they know; this module matches the file's header row
 * against them and hands out each data row's cells, cleaned, by column.
 *
 * Header row.  The first non-empty row.  Each header cell is matched,
 * without regard to case, spacing or Unicode normalisation
 * (text_equal_fold), against a column's ASCII key ("dob") and its
 * Vietnamese headers ("Ngày, tháng, năm sinh", ...).  A footnote marker
 * copied from an official form ("Họ và tên (2)") is ignored.  A column
 * "STT" (row number) is accepted and ignored; so is a column with an empty
 * header, as long as its cells are empty too.  An unknown header, a column
 * given twice and a missing required column are errors.
 *
 * Cells.  Every cell goes through text_clean() (valid UTF-8, NFC, no
 * control characters) and text_trim_collapse() (no leading, trailing or
 * repeated white space).  A row whose cells are all empty is skipped
 * (it still counts as a row).  A cell that is not UTF-8, or a cell to the
 * right of the last header, is an error.
 *
 * Errors are reported as "file:row:column: lỗi: cột 'HEADER': message",
 * the row as a spreadsheet numbers it (the header is row 1) and the column
 * 1-based; every error is counted in im->nerrors and reading goes on, so
 * one pass reports every bad row.  The caller decides that a file with
 * any error changes nothing.
 *
 * Size.  The file is streamed (csv.h), so it may be of any size and the
 * reader holds only the current row.  The flip side: a file broken in its
 * middle (an unclosed quote, a NUL byte, a read error) is found only when
 * reading gets there, after the rows before it were returned and perhaps
 * written; import_next() then returns -1, and the caller must fail (the
 * dispatcher rolls the whole import back).
 */
#ifndef IMPORT_H
#define IMPORT_H

#include <stddef.h>

/*
 * A column an import command knows.  A column with no Vietnamese header
 * (headers[0] == NULL) is one the list commands write for reading only
 * ("nominees", "unit_name"): accepted so that a list can be imported back,
 * never read, and not offered in the "unknown column" message.
 */
struct import_col {
	const char *key;		/* ASCII key: "dob" */
	const char *const *headers;	/* Vietnamese headers, NULL-ended; [0] is used in messages */
	int required;
};

struct hash;
struct xlsx_reader;
struct import_feed;

/* How to open a file (import_open_opts()); every member may be 0/NULL. */
struct import_opts {
	const char *sheet;	/* --sheet: a sheet's name or number (xlsx) */
	/*
	 * Called with the text of every row that is not part of the table:
	 * the titles above the header ("Đơn vị bầu cử số: 2"), and in a
	 * spreadsheet the rows between and after the data rows whose text
	 * spans several columns (sections, totals, signatures).
	 */
	void (*on_note)(void *arg, long row, const char *text);
	void *note_arg;
};

/* A row of the file as read, before cleaning (owned copies in the queue). */
struct import_raw {
	size_t n;
	char **f;
	size_t *len;
	unsigned char *fl;	/* xlsx cell flags, or NULL */
	long row;
};

struct import {
	const char *path;
	const struct import_col *cols;
	int ncols;
	long row;		/* the current row (spreadsheet numbering) */
	long header_row;
	long rows;		/* data rows returned so far */
	int nerrors;		/* errors reported so far */
	int row_errors;		/* errors reported for the current row */

	const char *sheet;	/* the sheet read (xlsx), else NULL */

	/* private */
	struct import_opts opts_;
	struct csv_reader *r_;
	struct xlsx_reader *x_;
	struct import_raw *queue_;	/* rows read ahead while looking for the header */
	size_t nqueue_, qpos_;
	struct import_raw cur_;		/* the current data row */
	struct import_feed *feed_;	/* the file's bytes (import.c) */
	char **hkeys_;			/* the keys of the known headers */
	int *hcols_;			/* their columns (-1: the row number) */
	size_t nhkeys_;
	int *pos_;		/* per column: index in the file, or -1 */
	char **vals_;		/* per column: the current row's cell, or NULL */
	char **names_;		/* per field of the file: its header */
	char **top_;		/* per field: the group heading row above it, or NULL */
	int *ignored_;		/* per field of the file: STT or no header */
	size_t nfile_;
	struct hash *hash_;	/* SHA-256 of the bytes read so far */
	char sha256_[65];	/* its hex form once the whole file is read */
	char *where_;		/* import_where()'s text */
	long long size_, read_;	/* a CSV file's size and the bytes read so far (progress) */
	char what_[256];	/* the progress line's label */
};

/*
 * Open `path` ("-" for standard input) and read its header row.  Returns
 * 0 when the header is good, -1 when the file cannot be read or the
 * header has errors (all reported); import_close() is needed either way.
 *
 * What the file is comes from its first bytes, never its name: an .xlsx
 * workbook (xlsx_read.h; the first sheet, or opts->sheet), UTF-16 text
 * with a byte-order mark (Excel's "Unicode Text", tab-separated, and "CSV
 * UTF-16"), or CSV.  An .xls, an encrypted workbook and an .ods are
 * refused with the way to save them.  In a workbook, positions are cells
 * ("a.xlsx: Mẫu 04!C7", diag_sheet()).
 *
 * The header row is the first row, among the first IMPORT_HEADER_SCAN,
 * with a cell naming a known column; the rows above it are titles.  A row
 * right below it whose cells name known columns where the header row has
 * a group heading or nothing ("Trình độ" over five columns) is a second
 * header row; a row of column numbers ("(1)", "(2)", ...) below the header
 * is skipped.
 */
int import_open(struct import *im, const char *path, const struct import_col *cols, int ncols);
int import_open_opts(struct import *im, const char *path, const struct import_col *cols, int ncols,
		     const struct import_opts *opts);

/* How many rows from the top are searched for the header row. */
#define IMPORT_HEADER_SCAN 30

/*
 * Read the next data row.  Returns 1 when a row is ready (check
 * im->row_errors: its cells may have had errors), 0 at the end, -1 when
 * the file itself is broken (reported; stop reading).
 */
int import_next(struct import *im);

/* The cell of column `col` (index into cols) in the current row: NULL when
 * the file has no such column, "" when the cell is empty. */
const char *import_val(const struct import *im, int col);

/* 1 if the file has column `col`. */
int import_has(const struct import *im, int col);

/*
 * Report an error at the current row and column `col` ("cột 'HEADER': "
 * is prefixed), or at the row alone when col < 0.  Returns -1.
 */
int import_error(struct import *im, int col, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* A warning at the current row (and column, as for import_error). */
void import_warning(struct import *im, int col, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

void import_close(struct import *im);

/*
 * Where the current row is, for a message on stdout: "file:7", or
 * "file: SHEET, dòng 7" in a workbook.  Valid until the next call.
 */
const char *import_where(struct import *im);

/*
 * The SHA-256 of the file (64 hex digits) once import_next() has returned
 * 0, else NULL.  Imports record it in their audit entry: it names exactly
 * the file that was loaded, and `sha256sum` checks a copy against it.
 */
const char *import_sha256(const struct import *im);

/*
 * Clean a command-line value the way cells are cleaned (UTF-8, NFC, no
 * controls, spacing collapsed).  Returns a malloc'd string, or NULL after
 * reporting that the value of option `opt` is not UTF-8.  NULL stays NULL
 * (check `s` first).
 */
char *import_clean_arg(const char *opt, const char *s);

#endif
