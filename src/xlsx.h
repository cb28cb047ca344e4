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
 * numbers in the footer when the template asks.  The file is written at
 * `path` itself: the caller gives a temporary file (outfile.h) and puts it
 * in place only when the render succeeded, so that a failed or
 * interrupted export leaves nothing behind.
 * Every workbook carries the custom property OUT_FORM_MARK (outfile.h), by
 * which a later export knows the file as a form it may replace.
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
	const char *shown;	/* the file's name for messages (the path
				 * written may be a temporary one), or NULL */
	/*
	 * The export gate running beside the writing (export_gate.h), or
	 * NULL.  Called with wait = 1 before the notes print `warnings` and
	 * at the latest before the file is put in place, and with wait = 0
	 * (answer at once) now and then while a table's rows are written.
	 * Returns 0 when the form may be written (with wait = 0, also when
	 * that is not known yet), else non-zero: the form is abandoned.  It
	 * may set `warnings` before returning 0 with wait = 1.
	 */
	int (*gate)(void *arg, int wait);
	void *gate_arg;
};

/*
 * Returns 0, 1 when the gate abandoned the form (nothing reported), or -1
 * after reporting; `path` holds the whole form only when 0 is returned
 * (the caller removes it otherwise).  An error is reported only once the
 * gate let the form pass.
 */
int xlsx_render(const char *path, const struct template *t, struct dataset *ds, const struct xlsx_opts *o);

#endif
