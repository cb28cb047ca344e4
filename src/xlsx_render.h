/*
 * xlsx_render.h - what the generic renderer's two files share: xlsx.c
 * (the workbook, the page, header lines, `each`, notes) and xlsx_table.c
 * (tables: grid, header rows, data rows, totals).  Internal to them; the
 * renderer's interface is xlsx.h.
 */
#ifndef XLSX_RENDER_H
#define XLSX_RENDER_H

#include <xlsxwriter.h>
#include "dataset.h"
#include "template.h"
#include "xlsx.h"

#define MAX_FORMATS 96
#define MAX_PENDING 256

struct fkey {
	int bold, italic, underline, align, size, border, indent, red;
};

/* A merged region waiting for its last row. */
struct region {
	int r1, c1, r2, c2;
	lxw_format *f;
};

/* One cell of a row: a region of columns (and rows) with its value. */
struct cell {
	int c1, c2, rows;
	const char *text;	/* UTF-8, NFC */
	int is_number;
	double number;
	struct fkey k;
	lxw_format *f;		/* get_format(k), when already looked up */
};

struct render {
	lxw_workbook *wb;
	lxw_worksheet *ws;
	const struct template *t;
	struct dataset *ds;
	const struct xlsx_opts *o;
	int row;
	lxw_error err;
	int err_row;
	struct fkey fkeys[MAX_FORMATS];
	lxw_format *formats[MAX_FORMATS];
	int nformats;
	struct region pending[MAX_PENDING];
	int npending;
	int repeat_first, repeat_last;
	int warnings_done;
	int bad;		/* a fill-in failed */
	int cancel;		/* the gate abandoned the form */
};

/* Lookup scope: the current rows of enclosing `each` blocks, then the
 * scalars. */
struct scope {
	const struct dataset *ds;
	const struct ds_table *t;	/* NULL for the top scope */
	const struct ds_cursor *cur;	/* on the row of t */
	char num[24];
	const struct scope *up;
};

/* The value of a field in scope s (the `each` rows outward, then the scalars). */
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
/* Write one sheet row at r->row, height in points; merges ending there
 * (see the comment at its definition in xlsx.c). */
void xr_emit_row(struct render *r, double height, struct cell *cells, int n);
/* A table block, its rows streamed from the book (xlsx_table.c). */
void xr_table(struct render *r, const struct tpl_block *b, const struct scope *s);

#endif
