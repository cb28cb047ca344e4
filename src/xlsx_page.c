/*
 * xlsx_page.c - the renderer's bottom layer: the row primitives (at the
 * end of this file) and the page planner: where a form's pages break,
 * decided from the heights of its rows and written as manual page breaks,
 * so that Excel and LibreOffice break at the same rows (see xlsx_render.h
 * and docs/templates.md, "Pages").
 *
 * Every row of the form comes here with its height and its ROW_* flags.
 * A page may begin before a row unless the row is glued to the one above
 * it (ROW_GLUE): the lines of a signature block, a table's header rows
 * and its first data row, a totals row, the lines a template keeps with
 * the row above or below, a blank row before any of those.  When a row
 * does not fit on the page, the page breaks before the last row where a
 * page may begin; the rows after it go on to the next page, which begins
 * with the header rows of the table those rows belong to (and the table's
 * `continued` line): the headers are written again, not printed by
 * Excel's "rows to repeat", so that a page never holds header rows alone
 * and a group's heading can be repeated above them.  Only when a glued run
 * is taller than a page is it split where it must.
 *
 * Rows are held only from the last place a page could begin: a list of
 * any length takes the memory of a few rows.  Excel keeps at most 1023
 * manual breaks (LXW_BREAKS_MAX); a form of more pages is paged by the
 * spreadsheet after the 1024th (no more breaks nor repeated headers).
 */
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>
#include "dataset.h"
#include "diag.h"
#include "sbuf.h"
#include "textfit.h"
#include "xlsx_render.h"
#include "banned.h"

/* Copy n cells and their texts into a row the planner keeps. */
static void row_set(struct page_row *p, double height, const struct cell *cells, int n, unsigned flags,
		    const struct page_table *t)
{
	size_t need = 0;

	p->height = height;
	p->flags = flags;
	p->table = t;
	if (n > p->alloc) {
		p->cells = xrealloc(p->cells, sizeof(*p->cells) * (size_t)n);
		p->alloc = n;
	}
	p->n = n;
	for (int i = 0; i < n; i++)
		if (cells[i].text)
			need += strlen(cells[i].text) + 1;
	sbuf_reset(&p->text);
	sbuf_grow(&p->text, need + 1);
	for (int i = 0; i < n; i++) {
		p->cells[i] = cells[i];
		if (cells[i].text) {
			size_t len = strlen(cells[i].text);
			/* no reallocation: the room was made above */
			p->cells[i].text = p->text.buf + p->text.len;
			sbuf_add(&p->text, cells[i].text, len + 1);
		}
	}
}

void xr_page_start(struct render *r, double capacity)
{
	memset(&r->plan, 0, sizeof(r->plan));
	r->plan.capacity = capacity;
}

static void table_add_row(struct page_table *t, struct sbuf *text, const struct cell *cells, int n, double h)
{
	int k = t->nrows++;

	t->height[k] = h;
	t->ncells[k] = n;
	t->cells[k] = xcalloc((size_t)n + 1, sizeof(struct cell));
	for (int i = 0; i < n; i++) {
		t->cells[k][i] = cells[i];
		/* offsets for now: the text buffer may still move */
		t->cells[k][i].text = NULL;
		t->cells[k][i].number = cells[i].text ? (double)text->len : -1;
		if (cells[i].text)
			sbuf_add(text, cells[i].text, strlen(cells[i].text) + 1);
	}
}

void xr_page_table(struct render *r, const struct cell *continued, int ncont, double hcont,
		   struct cell *const *rows, const int *ncells, const double *heights, int nrows)
{
	struct page_table *t = xcalloc(1, sizeof(*t));
	struct sbuf text = SBUF_INIT;

	if (continued && ncont)
		table_add_row(t, &text, continued, ncont, hcont);
	for (int i = 0; i < nrows && t->nrows < 3; i++)
		table_add_row(t, &text, rows[i], ncells[i], heights[i]);
	t->text = sbuf_detach(&text, NULL);
	for (int k = 0; k < t->nrows; k++)
		for (int i = 0; i < t->ncells[k]; i++) {
			struct cell *c = &t->cells[k][i];
			if (c->number >= 0)
				c->text = t->text + (size_t)c->number;
			c->number = 0;
		}
	t->next = r->plan.tables;
	r->plan.tables = t;
	r->plan.table = t;
}

void xr_page_no_table(struct render *r)
{
	r->plan.table = NULL;
}

static void reverse(struct page_row *v, int from, int to)
{
	for (to--; from < to; from++, to--) {
		struct page_row tmp = v[from];
		v[from] = v[to];
		v[to] = tmp;
	}
}

/* Write the first n rows held; they stay on the current page. */
static void commit(struct render *r, int n)
{
	struct page_plan *pl = &r->plan;

	if (n <= 0)
		return;
	for (int i = 0; i < n; i++) {
		struct page_row *p = &pl->rows[i];
		xr_write_row(r, p->height, p->cells, p->n);
		pl->used += p->height;
		pl->content = 1;
	}
	/* the written rows' buffers go to the end, for reuse */
	reverse(pl->rows, 0, n);
	reverse(pl->rows, n, pl->nrows);
	reverse(pl->rows, 0, pl->nrows);
	pl->nrows -= n;
}

/* A new page begins at the next row written, before held row `first`. */
static void new_page(struct render *r, const struct page_row *first)
{
	struct page_plan *pl = &r->plan;
	const struct page_table *t = first ? first->table : NULL;

	if (pl->nbreaks == LXW_BREAKS_MAX) {
		pl->off = 1;
		return;
	}
	if (!r->row)
		return;
	pl->breaks = xrealloc(pl->breaks, sizeof(*pl->breaks) * (size_t)(pl->nbreaks + 2));
	pl->breaks[pl->nbreaks++] = (lxw_row_t)r->row;
	pl->breaks[pl->nbreaks] = 0;
	pl->used = 0;
	pl->content = 0;
	if (t && (first->flags & ROW_DATA))
		for (int k = 0; k < t->nrows; k++) {
			xr_write_row(r, t->height[k], t->cells[k], t->ncells[k]);
			pl->used += t->height[k];
		}
}

static double held(const struct page_plan *pl, int from, int to)
{
	double h = 0;

	for (int i = from; i < to; i++)
		h += pl->rows[i].height;
	return h;
}

/* The rows held, less blank rows at the end that wait for the next row
 * (it may glue them) unless this is the end of the form. */
static int deciding(const struct page_plan *pl, int final)
{
	int n = pl->nrows;

	while (!final && n > 0 && (pl->rows[n - 1].flags & ROW_SPACE) && !(pl->rows[n - 1].flags & ROW_GLUE))
		n--;
	return n;
}

/* Break pages while the rows held do not fit. */
static void fit(struct render *r, int final)
{
	struct page_plan *pl = &r->plan;
	int n;

	while (!pl->off && (n = deciding(pl, final)) > 0 && pl->used + held(pl, 0, n) > pl->capacity) {
		int k = -1;

		/* the last row before which a page may begin, with what
		 * goes before it fitting on this page */
		for (int i = n - 1; i >= 0; i--)
			if (!(pl->rows[i].flags & ROW_GLUE) && (i > 0 || pl->content) &&
			    pl->used + held(pl, 0, i) <= pl->capacity) {
				k = i;
				break;
			}
		/* a glued run taller than what is left: split it where it must */
		if (k < 0)
			for (int i = n - 1; i >= 0; i--)
				if ((i > 0 || pl->content) && pl->used + held(pl, 0, i) <= pl->capacity) {
					k = i;
					break;
				}
		if (k < 0) {
			/* one row taller than a page: it goes on its own */
			commit(r, 1);
			continue;
		}
		commit(r, k);
		new_page(r, &pl->rows[0]);
		if (pl->off) {
			/* Excel's limit: the rest is paged by the spreadsheet */
			commit(r, pl->nrows);
			return;
		}
	}
}

void xr_emit_row(struct render *r, double height, struct cell *cells, int n, unsigned flags)
{
	struct page_plan *pl = &r->plan;

	flags |= pl->glue_next;
	pl->glue_next = 0;
	if (r->keep_depth && r->emitted > r->keep_from)
		flags |= ROW_GLUE;
	r->emitted++;
	if (flags & ROW_DATA && !pl->table)
		flags &= ~(unsigned)ROW_DATA;
	if (pl->off) {
		xr_write_row(r, height, cells, n);
		return;
	}
	/* blank rows just above a glued row are glued as well */
	if ((flags & ROW_GLUE) && !(flags & ROW_SPACE))
		for (int i = pl->nrows - 1; i >= 0 && (pl->rows[i].flags & ROW_SPACE); i--)
			pl->rows[i].flags |= ROW_GLUE;
	/* a page may begin here: what is held before this row stays on its page */
	if (!(flags & (ROW_GLUE | ROW_SPACE)) && pl->nrows && pl->used + held(pl, 0, pl->nrows) <= pl->capacity) {
		int k = pl->nrows;
		/* blank rows before it wait: they may yet be glued to it */
		while (k > 0 && (pl->rows[k - 1].flags & ROW_SPACE) && !(pl->rows[k - 1].flags & ROW_GLUE))
			k--;
		commit(r, k);
	}
	if (pl->nrows == pl->alloc) {
		pl->alloc = pl->alloc ? pl->alloc * 2 : 16;
		pl->rows = xrealloc(pl->rows, sizeof(*pl->rows) * (size_t)pl->alloc);
		for (int i = pl->nrows; i < pl->alloc; i++) {
			memset(&pl->rows[i], 0, sizeof(pl->rows[i]));
			sbuf_init(&pl->rows[i].text);
		}
	}
	row_set(&pl->rows[pl->nrows++], height, cells, n, flags, (flags & ROW_DATA) ? pl->table : NULL);
	fit(r, 0);
}

void xr_page_finish(struct render *r)
{
	struct page_plan *pl = &r->plan;

	fit(r, 1);
	commit(r, pl->nrows);
	if (pl->nbreaks && worksheet_set_h_pagebreaks(r->ws, pl->breaks) != LXW_NO_ERROR)
		r->bad = 1;
}

void xr_page_release(struct render *r)
{
	struct page_plan *pl = &r->plan;

	for (int i = 0; i < pl->alloc; i++) {
		free(pl->rows[i].cells);
		sbuf_release(&pl->rows[i].text);
	}
	free(pl->rows);
	free(pl->breaks);
	while (pl->tables) {
		struct page_table *t = pl->tables;
		pl->tables = t->next;
		for (int k = 0; k < t->nrows; k++)
			free(t->cells[k]);
		free(t->text);
		free(t);
	}
	memset(pl, 0, sizeof(*pl));
}

/*
 * The row primitives, below xlsx.c and xlsx_table.c (issue 13 §3): a
 * field's value in a scope, the formats, the styles, widths and lines of
 * cells, and the writing of one sheet row.  Both renderer files call them;
 * they call neither.
 */

const char *xr_lookup(void *arg, const char *name)
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

/* Keep the first libxlsxwriter error and the row it came at. */
void xr_note_err(struct render *r, lxw_error e)
{
	if (e != LXW_NO_ERROR && r->err == LXW_NO_ERROR) {
		r->err = e;
		r->err_row = r->row;
	}
}

lxw_format *xr_get_format(struct render *r, const struct fkey *k)
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
	switch (k->border) {
	case BORDER_ALL:
		format_set_border(f, LXW_BORDER_THIN);
		break;
	case BORDER_BOX_TOP:
	case BORDER_BOX_MIDDLE:
	case BORDER_BOX_BOTTOM:
		format_set_left(f, LXW_BORDER_THIN);
		format_set_right(f, LXW_BORDER_THIN);
		if (k->border == BORDER_BOX_TOP)
			format_set_top(f, LXW_BORDER_THIN);
		if (k->border == BORDER_BOX_BOTTOM)
			format_set_bottom(f, LXW_BORDER_THIN);
		break;
	}
	if (k->indent > 0)
		format_set_indent(f, (uint8_t)k->indent);
	/* two decimals; [$-42A] (Vietnamese) makes LibreOffice print the
	 * decimal comma the forms use, whatever its own locale; Excel takes
	 * the separator from Windows' settings */
	if (k->percent)
		format_set_num_format(f, "[$-42A]0.00%");
	r->fkeys[r->nformats] = *k;
	r->formats[r->nformats++] = f;
	return f;
}

/* Line style over block style over the defaults. */
struct fkey xr_resolve(const struct render *r, const struct tpl_style *line, const struct tpl_style *block,
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

double xr_span_pt(const struct render *r, int c1, int c2)
{
	double units = 0;

	for (int c = c1; c <= c2 && c < r->t->page.ncols; c++)
		units += r->t->page.widths[c];
	return textfit_span_pt(units, c2 - c1 + 1);
}

/* Lines a cell needs (indent takes about three characters per level). */
int xr_cell_lines(const struct render *r, const struct cell *c)
{
	double w = xr_span_pt(r, c->c1, c->c2) - c->k.indent * 3 * 0.5 * c->k.size;

	return textfit_lines(c->text, w, c->k.size, c->k.bold);
}

/*
 * Write one sheet row: its height, its cells (value in the top-left, a
 * formatted blank in every other cell of the row), then the merges that
 * end on this row.  Cells with rows > 1 continue into later rows, whose
 * xr_write_row() calls must list them with text NULL.  Rows come here
 * from the page planner (xr_emit_row, above).
 */
void xr_write_row(struct render *r, double height, const struct cell *cells, int n)
{
	int row = r->row;

	xr_note_err(r, worksheet_set_row(r->ws, (lxw_row_t)row, height, NULL));
	for (int i = 0; i < n; i++) {
		const struct cell *c = &cells[i];
		lxw_format *f = c->f ? c->f : xr_get_format(r, &c->k);

		if (c->text) {
			if (c->is_number)
				xr_note_err(r, worksheet_write_number(r->ws, (lxw_row_t)row, (lxw_col_t)c->c1, c->number, f));
			else if (*c->text)
				xr_note_err(r, worksheet_write_string(r->ws, (lxw_row_t)row, (lxw_col_t)c->c1, c->text, f));
			else
				xr_note_err(r, worksheet_write_blank(r->ws, (lxw_row_t)row, (lxw_col_t)c->c1, f));
		} else {
			xr_note_err(r, worksheet_write_blank(r->ws, (lxw_row_t)row, (lxw_col_t)c->c1, f));
		}
		for (int col = c->c1 + 1; col <= c->c2; col++)
			xr_note_err(r, worksheet_write_blank(r->ws, (lxw_row_t)row, (lxw_col_t)col, f));
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
			xr_note_err(r, worksheet_merge_range(r->ws, (lxw_row_t)g->r1, (lxw_col_t)g->c1, (lxw_row_t)g->r2,
							  (lxw_col_t)g->c2, "", g->f));
			if (g->r1 == row) {
				/* Single-row merge: merge_range rewrote the
				 * top-left cell; write the value again. */
				for (int k = 0; k < n; k++)
					if (cells[k].c1 == g->c1 && cells[k].text) {
						if (cells[k].is_number)
							xr_note_err(r, worksheet_write_number(r->ws, (lxw_row_t)row,
											   (lxw_col_t)g->c1, cells[k].number, g->f));
						else if (*cells[k].text)
							xr_note_err(r, worksheet_write_string(r->ws, (lxw_row_t)row,
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
