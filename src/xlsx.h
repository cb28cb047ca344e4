/*
 * xlsx.h - the generic renderer: one template + one dataset -> one .xlsx.
 *
 * The renderer knows nothing about any particular form: it walks the
 * template's blocks top to bottom and turns them into libxlsxwriter calls
 * on one worksheet, filling text from the dataset (fill.h).  It writes
 * every row once, in order, in constant-memory mode, reading a table's
 * rows from the book as it writes them (dataset.h, ds_open), so that a
 * list of a hundred thousand people takes a few megabytes (a table
 * matched against the rows of an enclosing `each` is read whole, once).
 * Merged cells are issued when their last row is written, which is what
 * constant-memory mode allows (see DEPENDENCIES.md, libxlsxwriter).  Row
 * heights are computed from the wrapped text (textfit.h).
 *
 * The page: A4, the template's orientation and margins, fit to one page
 * wide, the first repeatable table header printed on every page, page
 * numbers in the footer when the template asks.  The file is written to
 * a temporary name beside `path` and renamed into place only when
 * workbook_close() succeeded, so a failed export leaves nothing behind.
 */
#ifndef XLSX_H
#define XLSX_H

#include <time.h>

struct template;
struct dataset;

struct xlsx_opts {
	int draft;		/* mark "BẢN NHÁP" on the sheet and every page */
	char **warnings;	/* lines added to the notes (validation) */
	int nwarnings;
	time_t created;		/* the workbook's creation time (fixed, so the
				 * same book gives a byte-identical file) */
	const char *author;	/* document property, may be NULL */
};

/* Returns 0, or -1 after reporting; `path` is not created on failure. */
int xlsx_render(const char *path, const struct template *t, struct dataset *ds, const struct xlsx_opts *o);

#endif
