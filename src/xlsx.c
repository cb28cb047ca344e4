/*
 * xlsx.c - the generic renderer; see xlsx.h.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>
#include "dataset.h"
#include "diag.h"
#include "fill.h"
#include "sbuf.h"
#include "template.h"
#include "text.h"
#include "textfit.h"
#include "xlsx.h"
#include "xlsx_cell.h"
#include "banned.h"

#define MAX_FORMATS 96
#define MAX_PENDING 256
#define PAPER_A4 9

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

static const char *lookup(void *arg, const char *name)
{
	const struct scope *s = arg;

	if (!strcmp(name, "#")) {
		for (; s; s = s->up)
			if (s->t)
				return s->num;
		return NULL;
	}
	for (const struct scope *x = s; x; x = x->up) {
		if (x->t) {
			int c = ds_col(x->t, name);
			if (c >= 0)
				return ds_value(x->cur, c);
		}
	}
	return dataset_scalar(s->ds, name);
}

/* Wait for the gate (xlsx_opts.gate); 1 when it abandoned the form. */
static int gate_stops(const struct xlsx_opts *o)
{
	return o->gate && o->gate(o->gate_arg, 1) != 0;
}

static void note_err(struct render *r, lxw_error e)
{
	if (e != LXW_NO_ERROR && r->err == LXW_NO_ERROR) {
		r->err = e;
		r->err_row = r->row;
	}
}

static lxw_format *get_format(struct render *r, const struct fkey *k)
{
	lxw_format *f;

	for (int i = 0; i < r->nformats; i++)
		if (!memcmp(&r->fkeys[i], k, sizeof(*k)))
			return r->formats[i];
	if (r->nformats == MAX_FORMATS) {
		bug("too many cell formats in one template");
		return r->formats[0];
	}
	f = workbook_add_format(r->wb);
	format_set_font_name(f, r->t->page.font);
	format_set_font_size(f, k->size);
	if (k->bold)
		format_set_bold(f);
	if (k->italic)
		format_set_italic(f);
	if (k->underline)
		format_set_underline(f, LXW_UNDERLINE_SINGLE);
	if (k->red)
		format_set_font_color(f, LXW_COLOR_RED);
	switch (k->align) {
	case TA_CENTER:
		format_set_align(f, LXW_ALIGN_CENTER);
		break;
	case TA_RIGHT:
		format_set_align(f, LXW_ALIGN_RIGHT);
		break;
	case TA_JUSTIFY:
		format_set_align(f, LXW_ALIGN_JUSTIFY);
		break;
	default:
		format_set_align(f, LXW_ALIGN_LEFT);
		break;
	}
	format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
	format_set_text_wrap(f);
	if (k->border)
		format_set_border(f, LXW_BORDER_THIN);
	if (k->indent > 0)
		format_set_indent(f, (uint8_t)k->indent);
	r->fkeys[r->nformats] = *k;
	r->formats[r->nformats++] = f;
	return f;
}

/* Line style over block style over the defaults. */
static struct fkey resolve(const struct render *r, const struct tpl_style *line, const struct tpl_style *block,
			   enum tpl_align def_align)
{
	struct fkey k;
	const struct tpl_style *s[2] = { line, block };

	memset(&k, 0, sizeof(k));
	k.size = r->t->page.size;
	k.align = def_align;
	for (int i = 1; i >= 0; i--) {
		if (!s[i])
			continue;
		if (s[i]->bold >= 0)
			k.bold = s[i]->bold;
		if (s[i]->italic >= 0)
			k.italic = s[i]->italic;
		if (s[i]->underline >= 0)
			k.underline = s[i]->underline;
		if (s[i]->border >= 0)
			k.border = s[i]->border;
		if (s[i]->indent >= 0)
			k.indent = s[i]->indent;
		if (s[i]->align != TA_DEFAULT)
			k.align = s[i]->align;
		if (s[i]->size)
			k.size = s[i]->size;
	}
	return k;
}

static int min_lines(const struct tpl_style *line, const struct tpl_style *block)
{
	int m = line && line->min_lines ? line->min_lines : 0;

	if (!m && block)
		m = block->min_lines;
	return m;
}

static double span_pt(const struct render *r, int c1, int c2)
{
	double units = 0;

	for (int c = c1; c <= c2 && c < r->t->page.ncols; c++)
		units += r->t->page.widths[c];
	return textfit_span_pt(units, c2 - c1 + 1);
}

/* Lines a cell needs (indent takes about three characters per level). */
static int cell_lines(const struct render *r, const struct cell *c)
{
	double w = span_pt(r, c->c1, c->c2) - c->k.indent * 3 * 0.5 * c->k.size;

	return textfit_lines(c->text, w, c->k.size, c->k.bold);
}

/* Fill `tpl` for the scope; the result is cleaned to NFC. */
static char *fill(struct render *r, const char *tpl, const struct scope *s)
{
	struct sbuf out = SBUF_INIT;
	char err[160];
	char *clean;

	if (fill_text(tpl, lookup, (void *)s, &out, err, sizeof(err)) < 0) {
		error_at(r->t->path, 0, 0, "%s", err);
		r->bad = 1;
	}
	clean = text_clean(out.buf, out.len, NULL);
	sbuf_release(&out);
	return clean ? clean : xstrdup("");
}

/*
 * Write one sheet row: its height, its cells (value in the top-left, a
 * formatted blank in every other cell of the row), then the merges that
 * end on this row.  Cells with rows > 1 continue into later rows, whose
 * emit_row() calls must list them with text NULL.
 */
static void emit_row(struct render *r, double height, struct cell *cells, int n)
{
	int row = r->row;

	note_err(r, worksheet_set_row(r->ws, (lxw_row_t)row, height, NULL));
	for (int i = 0; i < n; i++) {
		struct cell *c = &cells[i];
		lxw_format *f = c->f ? c->f : get_format(r, &c->k);

		if (c->text) {
			if (c->is_number)
				note_err(r, worksheet_write_number(r->ws, (lxw_row_t)row, (lxw_col_t)c->c1, c->number, f));
			else if (*c->text)
				note_err(r, worksheet_write_string(r->ws, (lxw_row_t)row, (lxw_col_t)c->c1, c->text, f));
			else
				note_err(r, worksheet_write_blank(r->ws, (lxw_row_t)row, (lxw_col_t)c->c1, f));
		} else {
			note_err(r, worksheet_write_blank(r->ws, (lxw_row_t)row, (lxw_col_t)c->c1, f));
		}
		for (int col = c->c1 + 1; col <= c->c2; col++)
			note_err(r, worksheet_write_blank(r->ws, (lxw_row_t)row, (lxw_col_t)col, f));
		if (c->text && (c->rows > 1 || c->c2 > c->c1)) {
			if (r->npending == MAX_PENDING) {
				bug("too many merged cells pending");
				continue;
			}
			r->pending[r->npending++] = (struct region){ row, c->c1, row + c->rows - 1, c->c2, f };
		}
	}
	for (int i = 0; i < r->npending;) {
		struct region *g = &r->pending[i];
		if (g->r2 == row) {
			/* The value is already in the top-left cell; in
			 * constant-memory mode merge_range() can no longer write
			 * to earlier rows, and only records the range. */
			note_err(r, worksheet_merge_range(r->ws, (lxw_row_t)g->r1, (lxw_col_t)g->c1, (lxw_row_t)g->r2,
							  (lxw_col_t)g->c2, "", g->f));
			if (g->r1 == row) {
				/* Single-row merge: merge_range rewrote the
				 * top-left cell; write the value again. */
				for (int k = 0; k < n; k++)
					if (cells[k].c1 == g->c1 && cells[k].text) {
						if (cells[k].is_number)
							note_err(r, worksheet_write_number(r->ws, (lxw_row_t)row,
											   (lxw_col_t)g->c1, cells[k].number, g->f));
						else if (*cells[k].text)
							note_err(r, worksheet_write_string(r->ws, (lxw_row_t)row,
											   (lxw_col_t)g->c1, cells[k].text, g->f));
					}
			}
			*g = r->pending[--r->npending];
		} else {
			i++;
		}
	}
	r->row++;
}

static void emit_lines(struct render *r, const struct tpl_line *lines, int n, const struct tpl_block *b,
		       int c1, int c2, enum tpl_align def, const struct scope *s)
{
	for (int i = 0; i < n; i++) {
		struct cell c;
		char *text = fill(r, lines[i].text, s);
		int nl, ml = min_lines(&lines[i].st, &b->st);

		memset(&c, 0, sizeof(c));
		c.c1 = c1;
		c.c2 = c2;
		c.rows = 1;
		c.text = text;
		c.k = resolve(r, &lines[i].st, &b->st, def);
		nl = cell_lines(r, &c);
		if (nl < ml)
			nl = ml;
		emit_row(r, textfit_row_height(nl, c.k.size), &c, 1);
		free(text);
	}
}

static void emit_halves(struct render *r, const struct tpl_block *b, const struct scope *s)
{
	int n = b->nleft > b->nright ? b->nleft : b->nright;
	int last = r->t->page.ncols - 1;

	for (int i = 0; i < n; i++) {
		struct cell c[2];
		char *text[2] = { NULL, NULL };
		int nc = 0, nl = 1;
		double size = r->t->page.size;

		memset(c, 0, sizeof(c));
		if (i < b->nleft) {
			text[nc] = fill(r, b->left[i].text, s);
			c[nc] = (struct cell){ 0, b->split - 1, 1, text[nc], 0, 0, resolve(r, &b->left[i].st, &b->st, TA_CENTER), NULL };
			nc++;
		}
		if (i < b->nright) {
			text[nc] = fill(r, b->right[i].text, s);
			c[nc] = (struct cell){ b->split, last, 1, text[nc], 0, 0,
					       resolve(r, &b->right[i].st, &b->st, TA_CENTER), NULL };
			nc++;
		}
		for (int k = 0; k < nc; k++) {
			int l = cell_lines(r, &c[k]);
			if (l > nl)
				nl = l;
			if (c[k].k.size > size)
				size = c[k].k.size;
		}
		emit_row(r, textfit_row_height(nl, size), c, nc);
		free(text[0]);
		free(text[1]);
	}
}

static void emit_space(struct render *r, int n)
{
	for (int i = 0; i < n; i++) {
		note_err(r, worksheet_set_row(r->ws, (lxw_row_t)r->row, textfit_row_height(1, r->t->page.size), NULL));
		r->row++;
	}
}

static void xlsx_table(struct render *r, const struct tpl_block *b, const struct scope *s);

static void render_blocks(struct render *r, const struct tpl_block *b, int n, const struct scope *s);

static void emit_each(struct render *r, const struct tpl_block *b, const struct scope *s)
{
	struct ds_table *t = dataset_table(r->ds, b->rows);
	struct ds_cursor cur;
	int shown = 0, mcol = -1, rc;
	const char *want = NULL;

	if (t && b->match) {
		mcol = ds_col(t, b->match);
		want = lookup((void *)s, b->match);
	}
	/* Matched rows are picked out of the whole table once per enclosing
	 * row: read it once.  Otherwise one pass over the query. */
	if (t && ds_open(r->ds, t, b->match != NULL, &cur) == 0) {
		while ((rc = ds_next(&cur)) > 0) {
			struct scope child;
			const char *v;

			if (mcol >= 0) {
				v = ds_value(&cur, mcol);
				if (!v || !want || strcmp(v, want))
					continue;
			}
			memset(&child, 0, sizeof(child));
			child.ds = r->ds;
			child.t = t;
			child.cur = &cur;
			child.up = s;
			snprintf(child.num, sizeof(child.num), "%d", ++shown);
			render_blocks(r, b->body, b->nbody, &child);
		}
		r->bad |= rc < 0;
	} else if (t) {
		r->bad = 1;
	}
	if (t)
		ds_close(&cur);
	if (!shown)
		render_blocks(r, b->empty, b->nempty, s);
}

static void emit_notes(struct render *r, const struct tpl_block *b, const struct scope *s)
{
	emit_lines(r, b->lines, b->nlines, b, b->first_col, b->last_col, TA_LEFT, s);
	if (r->warnings_done)
		return;
	r->warnings_done = 1;
	/* The warnings are the gate's. */
	if (gate_stops(r->o)) {
		r->cancel = 1;
		return;
	}
	for (int i = 0; i < r->o->nwarnings; i++) {
		struct tpl_line l;
		struct tpl_style st;

		memset(&l, 0, sizeof(l));
		memset(&st, 0, sizeof(st));
		st.bold = st.underline = st.border = st.indent = -1;
		st.italic = 1;
		l.st = st;
		l.text = r->o->warnings[i];
		/* Warnings are text from the validator, not a template: no
		 * fill-ins, so write them through a one-line copy with braces
		 * doubled. */
		{
			struct sbuf esc = SBUF_INIT;
			for (const char *p = l.text; *p; p++) {
				sbuf_addch(&esc, *p);
				if (*p == '{' || *p == '}')
					sbuf_addch(&esc, *p);
			}
			l.text = esc.buf;
			emit_lines(r, &l, 1, b, b->first_col, b->last_col, TA_LEFT, s);
			sbuf_release(&esc);
		}
	}
}

static void render_blocks(struct render *r, const struct tpl_block *b, int n, const struct scope *s)
{
	for (int i = 0; i < n && !r->cancel; i++) {
		if (b[i].when && !template_cond(b[i].when, lookup, (void *)s))
			continue;
		if (b[i].unless && template_cond(b[i].unless, lookup, (void *)s))
			continue;
		switch (b[i].kind) {
		case TB_TEXT:
			emit_lines(r, b[i].lines, b[i].nlines, &b[i], b[i].first_col, b[i].last_col, TA_LEFT, s);
			break;
		case TB_NOTES:
			emit_notes(r, &b[i], s);
			break;
		case TB_HEADER:
		case TB_SIGNATURE:
			emit_halves(r, &b[i], s);
			break;
		case TB_TABLE:
			xlsx_table(r, &b[i], s);
			break;
		case TB_EACH:
			emit_each(r, &b[i], s);
			break;
		case TB_SPACE:
			emit_space(r, b[i].n);
			break;
		}
	}
}

/* Grid column of each table column. */
static void table_grid(const struct tpl_block *b, int *start)
{
	int g = 0;

	for (int i = 0; i < b->ncols; i++) {
		start[i] = g;
		g += b->cols[i].span;
	}
}

static void table_header(struct render *r, const struct tpl_block *b, const int *start, struct fkey hk)
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
		int l = cell_lines(r, &c1[i]);
		if (c1[i].rows == 1 && l > l1)
			l1 = l;
		if (c1[i].rows == 2 && l > lspan)
			lspan = l;
	}
	for (int i = 0; i < n2; i++) {
		int l = cell_lines(r, &c2[i]);
		if (l > l2)
			l2 = l;
	}
	if (two && l1 + l2 < lspan)
		l2 = lspan - l1;
	if (!two && lspan > l1)
		l1 = lspan;
	h1 = textfit_row_height(l1, hk.size);
	h2 = textfit_row_height(l2, hk.size);
	if (b->repeat_header && !r->repeat_last) {
		r->repeat_first = r->row;
		r->repeat_last = r->row + two;
	}
	emit_row(r, h1, c1, n);
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
		emit_row(r, h2, c2, n2);
	}
	free(c1);
	free(c2);
}

static void xlsx_table(struct render *r, const struct tpl_block *b, const struct scope *s)
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
	hk = resolve(r, &none, &b->st, TA_CENTER);
	hk.bold = 1;
	hk.border = 1;
	hk.italic = 0;
	dk = hk;
	dk.bold = 0;
	table_grid(b, start);
	if (t && b->match) {
		mcol = ds_col(t, b->match);
		want = lookup((void *)s, b->match);
	}
	table_header(r, b, start, hk);
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
		ccols[i].field = t && !ccols[i].numbered ? ds_col(t, col->field) : -1;
		c->k.align = col->align != TA_DEFAULT ? col->align : ccols[i].numeric ? TA_CENTER : TA_LEFT;
		c->f = get_format(r, &c->k);
		ccols[i].width = span_pt(r, c->c1, c->c2) - c->k.indent * 3 * 0.5 * c->k.size;
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
		struct cell_rows *rows = cell_rows_open(&cur, ccols, b->ncols, mcol, want, !b->match);
		struct cell_row row;

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
			emit_row(r, textfit_row_height(row.lines, dk.size), cells, b->ncols);
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
			emit_row(r, textfit_row_height(2, dk.size), cells, b->ncols);
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
		nl = cell_lines(r, &cells[n]);
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
		emit_row(r, textfit_row_height(nl, hk.size), cells, n);
	}
	free(start);
	free(cells);
	free(proto);
	free(ccols);
	free(sums);
}

/* The first row: the form's code on the right, "BẢN NHÁP" on the left. */
static void emit_code_row(struct render *r)
{
	struct cell c[2];
	int n = 0, half = r->t->page.ncols / 2;
	struct fkey k;

	memset(&k, 0, sizeof(k));
	k.size = r->t->page.size;
	memset(c, 0, sizeof(c));
	if (r->o->draft) {
		k.bold = 1;
		k.red = 1;
		k.align = TA_LEFT;
		c[n++] = (struct cell){ 0, half - 1, 1, "BẢN NHÁP", 0, 0, k, NULL };
	}
	k.bold = 0;
	k.red = 0;
	k.italic = 1;
	k.align = TA_RIGHT;
	c[n++] = (struct cell){ half, r->t->page.ncols - 1, 1, r->t->code, 0, 0, k, NULL };
	emit_row(r, textfit_row_height(1, k.size), c, n);
}

static void page_setup(struct render *r)
{
	const struct tpl_page *pg = &r->t->page;

	for (int i = 0; i < pg->ncols; i++)
		note_err(r, worksheet_set_column(r->ws, (lxw_col_t)i, (lxw_col_t)i, pg->widths[i], NULL));
	worksheet_set_paper(r->ws, PAPER_A4);
	if (pg->landscape)
		worksheet_set_landscape(r->ws);
	else
		worksheet_set_portrait(r->ws);
	worksheet_set_margins(r->ws, pg->margin_left / 2.54, pg->margin_right / 2.54, pg->margin_top / 2.54,
			      pg->margin_bottom / 2.54);
	if (pg->fit_width)
		worksheet_fit_to_pages(r->ws, 1, 0);
	worksheet_center_horizontally(r->ws);
	worksheet_gridlines(r->ws, LXW_HIDE_ALL_GRIDLINES);
	if (pg->footer)
		note_err(r, worksheet_set_footer(r->ws, pg->footer));
	if (r->o->draft)
		note_err(r, worksheet_set_header(r->ws, "&C&\"Times New Roman,Bold\"&14BẢN NHÁP"));
}

/* A temporary file beside `path`, for libxlsxwriter to write; NULL with
 * errno set. */
static char *temp_beside(const char *path)
{
	struct sbuf s = SBUF_INIT;
	int fd, e;

	sbuf_addf(&s, "%s.tmp-XXXXXX", path);
	fd = mkstemp(s.buf);
	if (fd < 0) {
		e = errno;
		sbuf_release(&s);
		errno = e;
		return NULL;
	}
	close(fd);
	return sbuf_detach(&s, NULL);
}

int xlsx_render(const char *path, const struct template *t, struct dataset *ds, const struct xlsx_opts *o)
{
	lxw_workbook_options wo = { LXW_TRUE, NULL, LXW_FALSE };
	lxw_doc_properties props;
	struct render r;
	struct scope top;
	struct sbuf title = SBUF_INIT;
	char *tmp = temp_beside(path);
	lxw_error cerr;
	int fd = -1, e = errno;

	if (!tmp) {
		if (gate_stops(o))
			return 1;
		return error("không tạo được tệp '%s': %s", path, strerror(e));
	}
	memset(&r, 0, sizeof(r));
	r.t = t;
	r.ds = ds;
	r.o = o;
	r.wb = workbook_new_opt(tmp, &wo);
	if (!r.wb) {
		unlink(tmp);
		free(tmp);
		if (gate_stops(o))
			return 1;
		return error("không tạo được tệp '%s'", path);
	}
	sbuf_addf(&title, "%s: %s", t->code, t->title);
	memset(&props, 0, sizeof(props));
	props.title = title.buf;
	props.author = (char *)(o->author ? o->author : "hiepthuong");
	props.created = o->created;
	note_err(&r, workbook_set_properties(r.wb, &props));
	r.ws = workbook_add_worksheet(r.wb, t->sheet);
	if (!r.ws) {
		workbook_close(r.wb);
		unlink(tmp);
		free(tmp);
		sbuf_release(&title);
		if (gate_stops(o))
			return 1;
		return error("tên trang tính không hợp lệ '%s' trong '%s'", t->sheet, t->path);
	}
	page_setup(&r);
	memset(&top, 0, sizeof(top));
	top.ds = ds;
	emit_code_row(&r);
	render_blocks(&r, t->blocks, t->nblocks, &top);
	if (r.repeat_last)
		note_err(&r, worksheet_repeat_rows(r.ws, (lxw_row_t)r.repeat_first, (lxw_row_t)r.repeat_last));
	/* Nothing is reported, nor put in place, before the gate said yes. */
	if (!r.cancel && gate_stops(o))
		r.cancel = 1;
	cerr = workbook_close(r.wb);
	sbuf_release(&title);
	if (r.cancel) {
		unlink(tmp);
		free(tmp);
		return 1;
	}
	if (r.err != LXW_NO_ERROR || cerr != LXW_NO_ERROR || r.bad) {
		if (r.err != LXW_NO_ERROR)
			bug("libxlsxwriter refused row %d of '%s': %s", r.err_row + 1, t->id, lxw_strerror(r.err));
		else if (cerr != LXW_NO_ERROR && errno == ENOSPC)
			error("không ghi được tệp '%s': đĩa đầy; không để lại tệp dở dang", path);
		else if (cerr != LXW_NO_ERROR)
			error("không ghi được tệp '%s': %s", path, lxw_strerror(cerr));
		unlink(tmp);
		free(tmp);
		return -1;
	}
	/* The file's bytes reach the disk before its name does. */
	if ((fd = open(tmp, O_RDONLY)) < 0 || fsync(fd) < 0 || rename(tmp, path) < 0) {
		error("không ghi được tệp '%s': %s", path, strerror(errno));
		if (fd >= 0)
			close(fd);
		unlink(tmp);
		free(tmp);
		return -1;
	}
	close(fd);
	free(tmp);
	return 0;
}
