/*
 * xlsx_read.h - reading one worksheet of an .xlsx workbook, row by row.
 *
 * The imports read spreadsheets that clerks save from Excel.  This module
 * opens the workbook (a zip file, read with libzip), finds the sheet, and
 * hands out its rows as text cells, in the order of the sheet, without
 * ever holding the sheet in memory: the sheet's XML is decompressed and
 * parsed (expat) as the rows are asked for, through a window of
 * XLSX_CHUNK bytes.  What is held: the shared-string table (each distinct
 * text of the workbook once), the merged ranges, the styles' date formats
 * and the current row.  docs/import.md says what a clerk sees, and
 * docs/xlsx-reading.md why it is built this way and which limits it keeps.
 *
 * What a cell becomes (always UTF-8 text, as a CSV cell would be):
 *
 *  - shared and inline strings: their text, rich-text runs joined and
 *    phonetic runs left out; a line break inside a cell (Alt+Enter) or a
 *    tab becomes a space;
 *  - numbers: as Excel's General format shows them ("12", "0.5"); a number
 *    whose style is a date or time format becomes "dd/mm/yyyy",
 *    "dd/mm/yyyy HH:MM" or "HH:MM", in the workbook's 1900 or 1904 date
 *    system;
 *  - booleans: "TRUE" or "FALSE";
 *  - formulas: their cached value;
 *  - an error value (#N/A, #REF!, ...) and a formula without a cached
 *    value are cells with XLSX_CELL_ERROR set and the reason as text: the
 *    caller reports them at their cell;
 *  - merged cells: every cell of a merged range holds the value of its
 *    top-left cell, with XLSX_CELL_MERGED set on the ones that got it that
 *    way and XLSX_CELL_HMERGE on every cell of a range more than one column
 *    wide.
 *
 * Refused, with a Vietnamese reason and nothing read: a file that is not a
 * zip or is cut short, an .ods or other zip, an encrypted entry, an entry
 * whose name or a relationship whose target leaves the package ("../"), a
 * part that decompresses to more than its bound (XLSX_PART_MAX...) or
 * far more than its compressed size (a zip bomb), XML with a document type
 * declaration (DTD: the way to entity bombs and external entities), XML
 * that is not well formed, and more than XLSX_MAX_COLS columns or
 * XLSX_MAX_ROWS rows.  A workbook saved with a password to open, and an
 * Excel 97-2003 .xls, are not zip files at all: the caller tells them by
 * their first bytes (xlsx_sniff()).
 */
#ifndef XLSX_READ_H
#define XLSX_READ_H

#include <stddef.h>

/* Excel's own limits: columns A..XFD, rows 1..1048576. */
#define XLSX_MAX_COLS 16384
#define XLSX_MAX_ROWS 1048576L
/* A cell holds at most 32,767 characters: 4 bytes each in UTF-8. */
#define XLSX_MAX_CELL ((size_t)32767 * 4)
/* How much of the sheet is decompressed and parsed at a time. */
#define XLSX_CHUNK ((size_t)64 << 10)
/* Bounds on decompressed parts: the sheet, the shared strings, the rest. */
#define XLSX_SHEET_MAX ((long long)2 << 30)
#define XLSX_STRINGS_MAX ((long long)512 << 20)
#define XLSX_PART_MAX ((long long)64 << 20)
/* Beyond XLSX_RATIO_FROM bytes, a part may not be more than XLSX_RATIO
 * times its compressed size (XML compresses 5 to 30 times). */
#define XLSX_RATIO 200
#define XLSX_RATIO_FROM ((long long)64 << 20)

/* Flags of a cell. */
enum {
	XLSX_CELL_ERROR = 1,	/* the text is why the cell cannot be read */
	XLSX_CELL_MERGED = 2,	/* the value comes from its merged range's first cell */
	XLSX_CELL_HMERGE = 4	/* part of a merged range wider than one column */
};

/* What the first bytes of a file say it is. */
enum xlsx_kind {
	XLSX_KIND_TEXT,		/* none of the below: CSV or text */
	XLSX_KIND_ZIP,		/* a zip: .xlsx, or .ods and the like */
	XLSX_KIND_CFB,		/* an OLE2 compound file: .xls, or an encrypted workbook */
	XLSX_KIND_UTF16LE,	/* FF FE: Excel's "Unicode Text" and "CSV UTF-16" */
	XLSX_KIND_UTF16BE	/* FE FF */
};

/* The kind of a file from its first n bytes (n may be short). */
enum xlsx_kind xlsx_sniff(const unsigned char *b, size_t n);

/*
 * What an OLE2 compound file is, from as many of its bytes as the caller
 * has (the directory names an encrypted package "EncryptedPackage"):
 * 1 an encrypted workbook, 0 probably an .xls.
 */
int xlsx_cfb_is_encrypted(const unsigned char *b, size_t n);

struct xlsx_reader;

/*
 * One row of the sheet.  cells[i] is the text of column i + 1 (A = 0) and
 * lens[i] its length, flags[i] its XLSX_CELL_* flags, for i < ncells;
 * cells are NUL-terminated.  ncells runs to the last column that holds
 * something in this row (0 for a row with nothing).  row is the row's
 * number in the sheet; all_empty is 1 when every cell is empty.  Valid
 * until the next xlsx_reader_next() or xlsx_reader_close().
 */
struct xlsx_row {
	size_t ncells;
	const char **cells;
	const size_t *lens;
	const unsigned char *flags;
	long row;
	int all_empty;
};

/*
 * Open the workbook in the file descriptor fd (which must be seekable: a
 * file or a spooled copy of standard input; it is closed by
 * xlsx_reader_close(), and also on failure) and its sheet `sheet`: a name
 * (compared without regard to case and normalisation), a number from 1,
 * or NULL for the first sheet.  name is the file's name for messages.
 * Returns NULL with a Vietnamese reason in err.
 */
struct xlsx_reader *xlsx_reader_open(int fd, const char *name, const char *sheet, char *err, size_t errlen);

/* The sheet being read, as the workbook names it ("Mẫu 04"). */
const char *xlsx_reader_sheet(const struct xlsx_reader *r);

/*
 * The next row that holds anything (empty rows are skipped; row numbers
 * say where they were): 1 with *row filled, 0 at the end of the sheet, -1
 * on an error that stops reading (xlsx_reader_error()).
 */
int xlsx_reader_next(struct xlsx_reader *r, struct xlsx_row *row);

/* The error that stopped the reader (Vietnamese, no position), or NULL,
 * and where: a row and column (1-based; 0 when not known). */
const char *xlsx_reader_error(const struct xlsx_reader *r);
long xlsx_reader_error_row(const struct xlsx_reader *r);
long xlsx_reader_error_col(const struct xlsx_reader *r);

void xlsx_reader_close(struct xlsx_reader *r);

/* "A", "Z", "AA", ... for a 1-based column into buf (at least 4 bytes). */
void xlsx_col_name(long col, char *buf, size_t len);

/*
 * A cell of the workbook's date system turned to text: the serial number
 * v (days since the epoch, the fraction the time of day) as "dd/mm/yyyy",
 * "dd/mm/yyyy HH:MM" or "HH:MM" (what: 1 date, 2 time, 3 both).  Returns
 * 0, or -1 when v is not a date Excel can show (negative, 29/02/1900).
 */
int xlsx_serial_text(double v, int date1904, int what, char *buf, size_t len);

/*
 * Whether a number format shows a date (1), a time (2), both (3) or
 * neither (0): by its id for the built-in formats, else by its code.
 */
int xlsx_format_kind(int id, const char *code);

#endif
