/*
 * xlsx_page.c - the renderer's page planner: where a form's pages break,
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
#include "sbuf.h"
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
