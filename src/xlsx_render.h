/*
 * xlsx_render.h - what the generic renderer's files share: xlsx.c (the
 * workbook, the page, header lines, `each`, notes), xlsx_table.c (tables:
 * grid, header rows, data rows, totals) and below both xlsx_page.c (the
 * row primitives and the page planner).  The calls run one way: xlsx.c ->
 * xlsx_table.c -> xlsx_page.c (tools/check-deps.py).  Internal to them;
 * the renderer's interface is xlsx.h.
 */
#ifndef XLSX_RENDER_H
#define XLSX_RENDER_H

#include <xlsxwriter.h>
#include "dataset.h"
#include "sbuf.h"
#include "template.h"
#include "xlsx.h"

#define MAX_FORMATS 96
#define MAX_PENDING 256

/* What makes a cell format; equal keys share one lxw_format (xr_get_format
 * compares them with memcmp, so a key is zeroed before it is filled). */
struct fkey {
	int bold, italic, underline;	/* 0 or 1 */
	int align;		/* enum tpl_align (template.h) */
	int size;		/* font size in points */
	int border;		/* BORDER_* below */
	int indent;		/* Excel's indent level (3 spaces of the font each) */
	int red;		/* a warning printed on the form: red text */
	int percent;		/* number format of a percentage */
};

/* fkey.border: a box drawn over several rows (a fill-in box and the lines
 * left for the hand below its instruction). */
enum { BORDER_NONE, BORDER_ALL, BORDER_BOX_TOP, BORDER_BOX_MIDDLE, BORDER_BOX_BOTTOM };

/* A merged region waiting for its last row. */
struct region {
	int r1, c1, r2, c2;	/* first and last row and column, 0-based */
	lxw_format *f;		/* the workbook's (borrowed) */
};

/* One cell of a row: a region of columns (and rows) with its value. */
struct cell {
	int c1, c2;		/* first and last grid column, 0-based */
	int rows;		/* rows it spans downwards (1: this row only) */
	const char *text;	/* UTF-8, NFC; borrowed from the dataset, the
				 * template or the row's text buffer */
	int is_number;		/* write `number` as a number, not the text */
	double number;
	struct fkey k;		/* its format's key */
	lxw_format *f;		/* get_format(k), when already looked up */
};

/*
 * How a row may be paged (xr_emit_row's flags; xlsx_page.c):
 *  ROW_GLUE   the row never begins a page: it stays with the row above
 *  ROW_SPACE  a blank row (a page never begins with one that is glued)
 *  ROW_DATA   a row of the current table (xr_page_table): a page that
 *             begins with it begins with the table's header rows
 */
enum { ROW_GLUE = 1, ROW_SPACE = 2, ROW_DATA = 4 };

/* The header rows of a table, repeated where its rows go on to a new page. */
struct page_table {
	struct page_table *next;	/* the planner's list, freed at the end */
	int nrows;			/* the continued line (if any) and the header rows */
	double height[3];		/* of each of those rows, in points */
	struct cell *cells[3];		/* each row's cells (owned; texts point into `text`) */
	int ncells[3];			/* how many in cells[i] */
	char *text;			/* the cells' texts, one after another (owned) */
};

/* A row the planner holds until the page it goes on is known. */
struct page_row {
	double height;			/* in points */
	unsigned flags;			/* ROW_* */
	const struct page_table *table;	/* the table it belongs to, if ROW_DATA (borrowed from the plan) */
	struct cell *cells;		/* its cells (owned; texts point into `text`) */
	int n, alloc;			/* cells used and allocated */
	struct sbuf text;		/* the cells' texts, copied when the row is held */
};

/*
 * The page planner: every row goes through it, and it decides the manual
 * page breaks from the rows' heights (xlsx_page.c).  Rows are held only
 * from the last place a page could begin, so memory stays a page's worth.
 */
struct page_plan {
	double capacity;		/* sheet points that fit on a page */
	double used;			/* of the current page */
	int content;			/* the page holds more than repeated headers */
	struct page_row *rows;		/* held, in order */
	int nrows, alloc;
	lxw_row_t *breaks;		/* first row of each page after the first */
	int nbreaks;			/* how many in breaks */
	int off;			/* Excel's limit reached: no more breaks */
	struct page_table *tables;	/* every table's headers, freed at the end (owned) */
	const struct page_table *table;	/* the table being written */
	unsigned glue_next;		/* ROW_GLUE for the next row (keep: with_next) */
};

/* The state of one form being rendered (xlsx_render(); one per form,
 * on the stack, nothing shared between forms). */
struct render {
	lxw_workbook *wb;	/* the form's workbook (owned: workbook_close() ends it) */
	lxw_worksheet *ws;	/* its one sheet (the workbook's) */
	const struct template *t;	/* the form (borrowed) */
	struct dataset *ds;	/* the data it is filled from (borrowed) */
	const struct xlsx_opts *o;	/* the caller's options: draft, warnings, time, gate (borrowed) */
	int row;		/* the next sheet row to write, 0-based */
	lxw_error err;		/* the first error libxlsxwriter returned, or LXW_NO_ERROR */
	int err_row;		/* the row being written when it came */
	struct fkey fkeys[MAX_FORMATS];	/* the keys of the formats made so far */
	lxw_format *formats[MAX_FORMATS];	/* formats[i] made for fkeys[i] (the workbook's) */
	int nformats;		/* how many of them */
	struct region pending[MAX_PENDING];	/* merges waiting for their last row */
	int npending;		/* how many of them */
	struct page_plan plan;	/* the page breaks being decided (owned) */
	long emitted;		/* rows through xr_emit_row so far */
	int keep_depth;		/* inside blocks kept together */
	long keep_from;		/* the first row of the outermost of them */
	int warnings_done;	/* the gate's warnings are on the form already (printed once) */
	int bad;		/* a fill-in failed */
	int cancel;		/* the gate abandoned the form */
};

/* Lookup scope: the current rows of enclosing `each` blocks, then the
 * scalars. */
struct scope {
	const struct dataset *ds;	/* the form's data (borrowed) */
	const struct ds_table *t;	/* NULL for the top scope */
	const struct ds_cursor *cur;	/* on the row of t */
	char num[24];			/* the row's number in its `each` ("#": 1, 2, ...) */
	const struct scope *up;		/* the enclosing scope; NULL at the top */
};

/* The row primitives (xlsx_page.c, below xlsx.c and xlsx_table.c).
 * The value of a field in scope s (the `each` rows outward, then the scalars). */
const char *xr_lookup(void *arg, const char *name);
/* The workbook format for k, created once. */
lxw_format *xr_get_format(struct render *r, const struct fkey *k);
/* Line style over block style over the defaults (def_align when neither aligns). */
struct fkey xr_resolve(const struct render *r, const struct tpl_style *line, const struct tpl_style *block,
		       enum tpl_align def_align);
/* Width in points of grid columns c1..c2. */
double xr_span_pt(const struct render *r, int c1, int c2);
/* Lines the cell's text takes in its width. */
int xr_cell_lines(const struct render *r, const struct cell *c);
/* A row of the form, height in points, through the page planner: written
 * at once or when its page is known (flags ROW_*; see xlsx_page.c). */
void xr_emit_row(struct render *r, double height, struct cell *cells, int n, unsigned flags);
/* Write one sheet row at r->row now; merges ending there. */
void xr_write_row(struct render *r, double height, const struct cell *cells, int n);
/* Keep the first libxlsxwriter error (r->err) and its row. */
void xr_note_err(struct render *r, lxw_error e);

/* The page planner (xlsx_page.c): start with the page's capacity. */
void xr_page_start(struct render *r, double capacity);
/* A table begins: its header rows (and the `continued` line, may be
 * NULL) to repeat on each page its rows go on to.  Rows emitted with
 * ROW_DATA belong to it until the next call (NULL: no table). */
void xr_page_table(struct render *r, const struct cell *continued, int ncont, double hcont,
		   struct cell *const *rows, const int *ncells, const double *heights, int nrows);
void xr_page_no_table(struct render *r);
/* Write what is held and set the breaks; free the planner. */
void xr_page_finish(struct render *r);
void xr_page_release(struct render *r);
/* A table block, its rows streamed from the book (xlsx_table.c). */
void xr_table(struct render *r, const struct tpl_block *b, const struct scope *s);

#endif
