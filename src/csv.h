/*
 * csv.h - a CSV reader for files saved by Excel and LibreOffice.
 *
 * hiepthuong imports records from CSV files that office clerks save from
 * a spreadsheet.  This module turns such a file into records of raw byte
 * fields; it knows nothing about columns, headers or UTF-8 (the caller
 * validates and normalises every field).
 *
 * What it accepts:
 *
 *  - RFC 4180 quoting: a field that starts with '"' may contain the
 *    delimiter, CR, LF and doubled quotes ("" stands for one ").  A '"'
 *    inside a field that did not start with '"' is kept literally.
 *  - Records end with LF, CRLF or a lone CR; the last record may lack one.
 *  - A UTF-8 BOM (EF BB BF) at the very start is skipped.  A UTF-16 BOM
 *    (FF FE or FE FF) is an error: the clerk must save as "CSV UTF-8".
 *  - The delimiter is ',' or ';' (Excel picks one by locale; Vietnamese
 *    Excel often writes ';').  It is detected from the first record: ','
 *    and ';' outside quotes are counted, the more frequent wins, a tie
 *    (including none at all) gives ','.  Only the first
 *    CSV_MAX_RECORD_DEFAULT bytes of that record are looked at.
 *    csv_set_delimiter() overrides it.
 *  - Completely empty lines (no byte at all between two line ends) are
 *    skipped, but they count: they advance the row number as well as the
 *    physical line number, because a spreadsheet shows an empty row there
 *    and the clerk looks for "row 7" in the spreadsheet.  A record whose
 *    fields are all empty (";;;;", as Excel writes for an empty
 *    spreadsheet row) is returned, with all_empty set.
 *  - Fields are returned byte-exact: no trimming, no transcoding, no
 *    newline conversion inside quoted fields.  Nothing depends on the
 *    locale.
 *
 * Errors (each one stops the reader; see "Errors" below):
 *
 *  - UTF-16 BOM; a NUL byte anywhere in the input;
 *  - bytes between a closing quote and the next delimiter or line end
 *    ("a"b,c);
 *  - a quoted field still open at the end of the input;
 *  - a field longer than the maximum (default CSV_MAX_FIELD_DEFAULT bytes,
 *    the xlsx cell limit; see csv_set_max_field());
 *  - a record longer than the maximum (default CSV_MAX_RECORD_DEFAULT
 *    bytes, its fields' bytes plus one per field; see csv_set_max_record())
 *    or with more than CSV_MAX_FIELDS fields;
 *  - a read error (csv_open_file(), csv_open_read());
 *  - out of memory.
 *
 * Positions:
 *
 *  - "row" is the row number as a spreadsheet user sees it: record 1 is
 *    the header, the first data record is row 2, and every empty line
 *    (skipped, not returned) is a row too.  A quoted field spanning
 *    several lines does not advance it (compare "line").
 *  - "col" is the 1-based index of the field in its record.
 *  - "line" is the 1-based physical line of the file (LF, CRLF and lone CR
 *    each end one line), useful with a text editor.
 *
 * Ownership and lifetimes:
 *
 *  - csv_open_mem() borrows data: it must stay valid and unchanged until
 *    csv_close().  It does not need a terminating NUL.  The name is copied.
 *  - csv_open_file() and csv_open_read() stream: they read the input
 *    through a window of CSV_BUFFER_DEFAULT bytes (or the size given) as
 *    csv_next() needs it, so a reader holds that window, the current
 *    record and its field arrays, whatever the size of the input.  The
 *    record limits above bound the rest.  (Only the delimiter detection
 *    makes the window grow, to hold the first record.)
 *  - The field pointers and arrays in a struct csv_row point into the
 *    reader; they stay valid until the next csv_next() or csv_close() on
 *    that reader.  Copy what you need to keep.
 *  - Strings returned by csv_error() and csv_name() live until csv_close().
 *
 * Errors:
 *
 *  - csv_next() returns -1; csv_error() then gives a Vietnamese message
 *    without the file name or position (lower-case first word, no final
 *    full stop, as in git), and csv_error_row(), csv_error_col() and
 *    csv_error_line() give the position.  The caller formats it, e.g.
 *    "%s: dòng %ld, cột %ld: %s".
 *  - An error is sticky: every later csv_next() returns -1 again with the
 *    same message.  Errors detectable at open time (UTF-16 BOM) are
 *    reported by the first csv_next(), so callers need only one check.
 *  - When there is no error, csv_error() returns NULL and the position
 *    functions return 0.
 *
 * A reader is not thread-safe; distinct readers are independent.
 *
 * Typical use:
 *
 *	struct csv_reader *r = csv_open_file(path, err, sizeof(err));
 *	struct csv_row row;
 *	int rc;
 *
 *	if (!r)
 *		return error("%s", err);
 *	while ((rc = csv_next(r, &row)) > 0) {
 *		if (row.all_empty)
 *			continue;
 *		... row.fields[i], row.lens[i] for i < row.nfields ...
 *	}
 *	if (rc < 0)
 *		error("%s: dòng %ld, cột %ld: %s", csv_name(r),
 *		      csv_error_row(r), csv_error_col(r), csv_error(r));
 *	csv_close(r);
 */
#ifndef CSV_H
#define CSV_H

#include <stddef.h>

/* The default maximum field length in bytes (the xlsx cell limit). */
#define CSV_MAX_FIELD_DEFAULT ((size_t)32767)

/* The default maximum record length in bytes (fields plus one per field). */
#define CSV_MAX_RECORD_DEFAULT ((size_t)4 << 20)

/* The most fields a record may have (a spreadsheet's columns, A to XFD). */
#define CSV_MAX_FIELDS 16384

/* The window a streaming reader reads through, in bytes. */
#define CSV_BUFFER_DEFAULT ((size_t)64 << 10)

/* Opaque; create with csv_open_mem(), csv_open_file() or csv_open_read(). */
struct csv_reader;

/*
 * One record, filled in by csv_next().
 *
 * fields[i] points to the bytes of field i (0 <= i < nfields), lens[i] is
 * its length.  Each field is also NUL-terminated for convenience; as NUL
 * bytes are rejected, lens[i] == strlen(fields[i]) always holds.
 * nfields is at least 1 (an empty line is skipped, not returned).
 * row is the spreadsheet row (see "Positions"), line the physical line where it starts.
 * all_empty is 1 when every field has length 0 (";;;", or "" quoted),
 * else 0; it is set for any record, the header included, and the caller
 * decides whether to skip it.
 */
struct csv_row {
	size_t nfields;
	const char **fields;
	const size_t *lens;
	long row;
	long line;
	int all_empty;
};

/*
 * Start reading len bytes at data (data may be NULL when len is 0).
 * data is borrowed and must outlive the reader; name (may be NULL, then
 * "-") is copied and is only used by csv_name().  The BOM is checked and
 * the delimiter detected here.  Returns NULL only when out of memory.
 */
struct csv_reader *csv_open_mem(const char *data, size_t len, const char *name);

/*
 * Start reading the file at path, streaming (see "Ownership"); the reader
 * keeps the file open until csv_close() and its name is path.  There is
 * no limit on the size of the file.  Refuses a directory.  On failure
 * (open error, read error while looking at the start of the file, out of
 * memory) returns NULL and writes a message (Vietnamese, naming the path;
 * the errno text for open/read errors) to err, truncated to errlen bytes
 * including the NUL (err may be NULL when errlen is 0).  A read error
 * later is an error of csv_next() like any other: "không đọc được 'PATH':
 * REASON" at the position reached.  The path "-" is standard input (a
 * pipe or a redirected file), named CSV_STDIN_NAME in messages.
 */
struct csv_reader *csv_open_file(const char *path, char *err, size_t errlen);

/* How messages name standard input (path "-"). */
#define CSV_STDIN_NAME "(đầu vào chuẩn)"

/*
 * A tap sees the bytes of the file as they are read: each byte once, in
 * order, so that after csv_next() returned 0 it has seen the whole file
 * (an import records the file's SHA-256 this way, without a second read).
 */
typedef void csv_tap_fn(void *ctx, const char *buf, size_t n);

/* csv_open_file() with a tap (may be NULL), called from the first read on. */
struct csv_reader *csv_open_file_tap(const char *path, csv_tap_fn *tap, void *tap_ctx, char *err,
				     size_t errlen);

/*
 * A source for csv_open_read(): copy up to n (>= 1) bytes of input to buf
 * and return how many, 0 at the end of the input, or -1 with errno set on
 * error.  It may return fewer bytes than asked at any time.
 */
typedef long csv_read_fn(void *ctx, char *buf, size_t n);

/*
 * Start reading what fn(ctx, ...) returns, through a window of bufsize
 * bytes (0: CSV_BUFFER_DEFAULT); name (may be NULL, then "-") is copied.
 * The BOM is checked and the delimiter detected here, which already calls
 * fn.  A read error then is reported by the first csv_next(), at the
 * position reached (row 1 unless empty lines came first).
 * Returns NULL only when out of memory.  csv_open_file() is this with a
 * file; the unit tests use it with tiny windows and short reads.
 */
struct csv_reader *csv_open_read(csv_read_fn *fn, void *ctx, const char *name, size_t bufsize);

/*
 * Force the delimiter instead of detecting it.  Call it before the first
 * csv_next(); later calls are ignored.  '"', CR, LF and NUL cannot be
 * delimiters: the next csv_next() then fails with an error.
 */
void csv_set_delimiter(struct csv_reader *r, char delim);

/* The delimiter in use: forced, or detected when the reader was opened. */
char csv_delimiter(const struct csv_reader *r);

/*
 * Set the maximum length of one field in bytes (after "" is unescaped);
 * a longer field is an error "ô quá dài".  0 restores the default,
 * CSV_MAX_FIELD_DEFAULT.  May be called at any time.
 */
void csv_set_max_field(struct csv_reader *r, size_t max);

/*
 * Set the maximum length of one record in bytes: its fields (after ""
 * is unescaped) plus one byte per field.  A longer record is an error
 * "dòng quá dài".  0 restores the default, CSV_MAX_RECORD_DEFAULT.  May be
 * called at any time.
 */
void csv_set_max_record(struct csv_reader *r, size_t max);

/*
 * Read the next record into *row.
 * Returns 1 when *row holds a record (valid until the next call or
 * csv_close()), 0 at the end of the input (and on every later call), -1 on
 * error (see csv_error(); the contents of *row are then unspecified).
 */
int csv_next(struct csv_reader *r, struct csv_row *row);

/* The message of the error that stopped the reader, or NULL. */
const char *csv_error(const struct csv_reader *r);

/*
 * The position of the error: spreadsheet row, 1-based field index, and
 * physical line.  For an unterminated quoted field these name the start of
 * that field; for other errors the field and line of the offending byte.
 * An error before any record (UTF-16 BOM, bad delimiter) is at row 1,
 * col 1, line 1.  All are 0 when there is no error.
 */
long csv_error_row(const struct csv_reader *r);
long csv_error_col(const struct csv_reader *r);
long csv_error_line(const struct csv_reader *r);

/* The name given to csv_open_mem(), or the path given to csv_open_file(). */
const char *csv_name(const struct csv_reader *r);

/* Free the reader and everything it owns.  NULL is allowed. */
void csv_close(struct csv_reader *r);

#endif
