/*
 * xlsx_table.c - the renderer's tables: the grid of columns, the header
 * rows, the data rows streamed from the book, numbering and totals; see
 * xlsx_render.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>
#include "dataset.h"
#include "diag.h"
#include "fill.h"
#include "sbuf.h"
#include "template.h"
#include "text.h"
#include "textfit.h"
#include "xlsx_cell.h"
#include "xlsx_render.h"
#include "banned.h"

/* Grid column of each table column. */
static void table_grid(const struct tpl_block *b, int *start)
{
	int g = 0;

	for (int i = 0; i < b->ncols; i++) {
		start[i] = g;
		g += b->cols[i].span;
	}
}

/* The `continued` line of a table, filled for scope s, as one cell over
 * the page's width; *h gets its height.  0 when the table has none. */
static int continued_cell(struct render *r, const struct tpl_block *b, const struct scope *s, struct cell *c,
			  char **text, double *h)
{
	struct sbuf out = SBUF_INIT;
	char err[160];

	if (!b->continued)
		return 0;
	if (fill_text(b->continued->text, xr_lookup, (void *)s, &out, err, sizeof(err)) < 0) {
		error_at(r->t->path, b->continued->line, b->continued->col, "%s", err);
		r->bad = 1;
	}
	*text = text_clean(out.buf, out.len, NULL);
	sbuf_release(&out);
	if (!*text)
		*text = xstrdup("");
	memset(c, 0, sizeof(*c));
	c->c1 = 0;
	c->c2 = r->t->page.ncols - 1;
	c->rows = 1;
	c->text = *text;
	c->k = xr_resolve(r, &b->continued->st, NULL, TA_LEFT);
	*h = textfit_row_height(xr_cell_lines(r, c), c->k.size);
	return 1;
}

/* The header rows, written and given to the page planner to repeat. */
static void table_header(struct render *r, const struct tpl_block *b, const int *start, struct fkey hk,
			 const struct scope *s)
{
	int two = 0, n = 0;
	struct cell *c1 = xcalloc((size_t)b->ncols + 1, sizeof(*c1)), *c2 = xcalloc((size_t)b->ncols + 1, sizeof(*c2));
	int l1 = 1, l2 = 1, lspan = 1, n2 = 0;
	double h1, h2;

	for (int i = 0; i < b->ncols; i++)
		if (b->cols[i].group)
			two = 1;
	for (int i = 0; i < b->ncols;) {
		const struct tpl_column *col = &b->cols[i];
		int last = start[i] + col->span - 1;

		if (col->group) {
			int j = i;
			while (j + 1 < b->ncols && b->cols[j + 1].group && !strcmp(b->cols[j + 1].group, col->group))
				j++;
			last = start[j] + b->cols[j].span - 1;
			c1[n] = (struct cell){ start[i], last, 1, col->group, 0, 0, hk, NULL };
			for (int k = i; k <= j; k++)
				c2[n2++] = (struct cell){ start[k], start[k] + b->cols[k].span - 1, 1, b->cols[k].head, 0, 0, hk, NULL };
			n++;
			i = j + 1;
			continue;
		}
		c1[n++] = (struct cell){ start[i], last, two ? 2 : 1, col->head, 0, 0, hk, NULL };
		i++;
	}
	for (int i = 0; i < n; i++) {
		int l = xr_cell_lines(r, &c1[i]);
		if (c1[i].rows == 1 && l > l1)
			l1 = l;
		if (c1[i].rows == 2 && l > lspan)
			lspan = l;
	}
	for (int i = 0; i < n2; i++) {
		int l = xr_cell_lines(r, &c2[i]);
		if (l > l2)
			l2 = l;
	}
	if (two && l1 + l2 < lspan)
		l2 = lspan - l1;
	if (!two && lspan > l1)
		l1 = lspan;
	h1 = textfit_row_height(l1, hk.size);
	h2 = textfit_row_height(l2, hk.size);
	if (two) {
		/* The second row also lists the columns that span both rows,
		 * as formatted blanks (text NULL), so their borders show. */
		for (int i = 0; i < n; i++)
			if (c1[i].rows == 2) {
				c2[n2] = c1[i];
				c2[n2].text = NULL;
				c2[n2].rows = 1;
				n2++;
			}
	}
	if (b->repeat_header) {
		struct cell cont, *rows[2] = { c1, c2 };
		int ncells[2] = { n, n2 };
		double heights[2] = { h1, h2 }, hc = 0;
		char *text = NULL;
		int nc = continued_cell(r, b, s, &cont, &text, &hc);

		xr_page_table(r, nc ? &cont : NULL, nc, hc, rows, ncells, heights, two ? 2 : 1);
		free(text);
	} else {
		xr_page_no_table(r);
	}
	/* the header rows stay together, and with the first row below them */
	xr_emit_row(r, h1, c1, n, 0);
	if (two)
		xr_emit_row(r, h2, c2, n2, ROW_GLUE);
	free(c1);
	free(c2);
}

/* The most lines any data row of the table takes (even_rows). */
static int tallest_row(struct render *r, struct ds_table *t, const struct cell_col *ccols, int ncols, int mcol,
		       const char *want, int whole)
{
	struct ds_cursor cur;
	struct cell_rows *rows;
	struct cell_row row;
	int most = 1;

	if (ds_open(r->ds, t, whole, &cur) < 0) {
		ds_close(&cur);
		return 1;
	}
	rows = cell_rows_open(&cur, ccols, ncols, mcol, want, 0);
	while (cell_rows_next(rows, &row) > 0)
		if (row.lines > most)
			most = row.lines;
	cell_rows_close(rows);
	ds_close(&cur);
	return most;
}

void xr_table(struct render *r, const struct tpl_block *b, const struct scope *s)
{
	struct ds_table *t = dataset_table(r->ds, b->rows);
	struct ds_cursor cur;
	int *start = xcalloc((size_t)b->ncols + 1, sizeof(int));
	struct cell *cells = xcalloc((size_t)b->ncols + 1, sizeof(*cells));
	struct cell *proto = xcalloc((size_t)b->ncols + 1, sizeof(*proto));
	struct cell_col *ccols = xcalloc((size_t)b->ncols + 1, sizeof(*ccols));
	long long *sums = xcalloc((size_t)b->ncols + 1, sizeof(long long));
	struct tpl_style none;
	struct fkey hk, dk;
	int mcol = -1, shown = 0, rc = 0;
	const char *want = NULL;

	memset(&none, 0, sizeof(none));
	none.bold = none.italic = none.underline = none.border = none.indent = -1;
	hk = xr_resolve(r, &none, &b->st, TA_CENTER);
	hk.bold = 1;
	hk.border = 1;
	hk.italic = 0;
	dk = hk;
	dk.bold = 0;
	table_grid(b, start);
	if (t && b->match) {
		mcol = ds_col(t, b->match);
		want = xr_lookup((void *)s, b->match);
	}
	table_header(r, b, start, hk, s);
	/* What does not change from row to row, once: the cells' columns,
	 * styles, formats and widths (issue 8). */
	for (int i = 0; i < b->ncols; i++) {
		const struct tpl_column *col = &b->cols[i];
		struct cell *c = &proto[i];

		memset(c, 0, sizeof(*c));
		c->c1 = start[i];
		c->c2 = start[i] + col->span - 1;
		c->rows = 1;
		c->k = dk;
		ccols[i].numbered = !strcmp(col->field, "#");
		ccols[i].numeric = col->number || ccols[i].numbered;
		ccols[i].percent = col->percent;
		c->k.percent = col->percent;
		ccols[i].field = t && !ccols[i].numbered ? ds_col(t, col->field) : -1;
		c->k.align = col->align != TA_DEFAULT ? col->align : ccols[i].numeric ? TA_CENTER : TA_LEFT;
		c->f = xr_get_format(r, &c->k);
		ccols[i].width = xr_span_pt(r, c->c1, c->c2) - c->k.indent * 3 * 0.5 * c->k.size;
		ccols[i].size = c->k.size;
		ccols[i].bold = c->k.bold;
	}
	/* As in emit_each: a matched table is read once, whole; the rows of
	 * another are read and prepared beside the writing. */
	if (t && ds_open(r->ds, t, b->match != NULL, &cur) < 0) {
		r->bad = 1;
		ds_close(&cur);
		t = NULL;
	}
	if (t) {
		struct cell_rows *rows;
		struct cell_row row;
		int even = b->even_rows ? tallest_row(r, t, ccols, b->ncols, mcol, want, b->match != NULL) : 0;

		rows = cell_rows_open(&cur, ccols, b->ncols, mcol, want, !b->match);

		while ((rc = cell_rows_next(rows, &row)) > 0) {
			/* A gate that refused already need not wait for the rest. */
			if ((++shown & 1023) == 0 && r->o->gate && r->o->gate(r->o->gate_arg, 0)) {
				r->cancel = 1;
				break;
			}
			for (int i = 0; i < b->ncols; i++) {
				cells[i] = proto[i];
				cells[i].text = row.text[i];
				if (row.is_number[i]) {
					cells[i].is_number = 1;
					cells[i].number = row.number[i];
					if (b->cols[i].sum)
						sums[i] += (long long)row.number[i];
				}
			}
			/* the first row stays with the header rows */
			xr_emit_row(r, textfit_row_height(even ? even : row.lines, dk.size), cells, b->ncols,
				    shown == 1 ? ROW_DATA | ROW_GLUE : ROW_DATA);
		}
		cell_rows_close(rows);
		r->bad |= rc < 0;
		ds_close(&cur);
	}
	if (!shown) {
		/* The blank form: its numbered empty rows. */
		for (int k = 0; k < b->nblank; k++) {
			for (int i = 0; i < b->ncols; i++) {
				cells[i] = (struct cell){ start[i], start[i] + b->cols[i].span - 1, 1, i ? "" : b->blank[k], 0, 0,
							  dk, NULL };
				cells[i].k.align = TA_CENTER;
			}
			xr_emit_row(r, textfit_row_height(2, dk.size), cells, b->ncols, k ? ROW_DATA : ROW_DATA | ROW_GLUE);
		}
	}
	if (b->total) {
		/* Label over the columns before the first summed one. */
		int first_sum = b->ncols, n = 0, nl = 1;
		char nums[64][24];
		for (int i = 0; i < b->ncols; i++)
			if (b->cols[i].sum) {
				first_sum = i;
				break;
			}
		if (first_sum == 0)
			first_sum = 1;
		if (first_sum > b->ncols)
			first_sum = b->ncols;
		cells[n] = (struct cell){ 0, start[first_sum - 1] + b->cols[first_sum - 1].span - 1, 1, b->total, 0, 0, hk, NULL };
		nl = xr_cell_lines(r, &cells[n]);
		n++;
		for (int i = first_sum; i < b->ncols && i < 64; i++) {
			cells[n] = (struct cell){ start[i], start[i] + b->cols[i].span - 1, 1, "", 0, 0, hk, NULL };
			if (b->cols[i].sum) {
				snprintf(nums[i], sizeof(nums[i]), "%lld", sums[i]);
				cells[n].text = nums[i];
				cells[n].is_number = 1;
				cells[n].number = (double)sums[i];
			}
			n++;
		}
		/* with the last row of the table */
		xr_emit_row(r, textfit_row_height(nl, hk.size), cells, n, ROW_DATA | ROW_GLUE);
	}
	xr_page_no_table(r);
	free(start);
	free(cells);
	free(proto);
	free(ccols);
	free(sums);
}
