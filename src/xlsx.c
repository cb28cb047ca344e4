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
#include "outfile.h"
#include "version.h"
#include "xlsx.h"
#include "xlsx_cell.h"
#include "xlsx_render.h"
#include "banned.h"

#define PAPER_A4 9

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

static int min_lines(const struct tpl_style *line, const struct tpl_style *block)
{
	int m = line && line->min_lines ? line->min_lines : 0;

	if (!m && block)
		m = block->min_lines;
	return m;
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

/* Fill `tpl` for the scope; the result is cleaned to NFC. */
static char *fill(struct render *r, const char *tpl, const struct scope *s)
{
	struct sbuf out = SBUF_INIT;
	char err[160];
	char *clean;

	if (fill_text(tpl, xr_lookup, (void *)s, &out, err, sizeof(err)) < 0) {
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
 * xr_write_row() calls must list them with text NULL.  Rows come here
 * from the page planner (xr_emit_row, xlsx_page.c).
 */
void xr_write_row(struct render *r, double height, const struct cell *cells, int n)
{
	int row = r->row;

	note_err(r, worksheet_set_row(r->ws, (lxw_row_t)row, height, NULL));
	for (int i = 0; i < n; i++) {
		const struct cell *c = &cells[i];
		lxw_format *f = c->f ? c->f : xr_get_format(r, &c->k);

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

static void note_name(const char *name, void *arg)
{
	struct sbuf *names = arg;

	sbuf_addstr(names, name);
	sbuf_addch(names, 0);
}

/* 1 when no field of the line has a value in scope s (the book could not
 * fill it, or it has no fill-in at all). */
static int unfilled(const char *tpl, const struct scope *s)
{
	struct sbuf names = SBUF_INIT;
	char err[160];
	int empty = 1;

	if (fill_check(tpl, note_name, &names, err, sizeof(err)) == 0)
		for (const char *p = names.buf; p < names.buf + names.len; p += strlen(p) + 1) {
			const char *v = strcmp(p, "#") ? xr_lookup((void *)s, p) : NULL;
			if (v && *v)
				empty = 0;
		}
	sbuf_release(&names);
	return empty;
}

/*
 * The lines left for the hand under a line the book could not fill: n
 * rows of dots across the cell's width, inside the line's box when it has
 * one.  The dots are counted at the width of a real full stop (a quarter
 * of an em), over the narrower of Excel's and LibreOffice's columns.
 */
static void emit_hand_lines(struct render *r, struct cell *box, int n)
{
	struct cell c = *box;
	struct sbuf dots = SBUF_INIT;
	double w = xr_span_pt(r, c.c1, c.c2) - c.k.indent * 3 * 0.5 * c.k.size;
	int ndots = (int)(w / (0.25 * c.k.size) * 0.9);

	for (int i = 0; i < ndots; i++)
		sbuf_addch(&dots, '.');
	c.text = dots.buf;
	c.f = NULL;
	c.k.italic = 0;
	c.k.bold = 0;
	for (int i = 0; i < n; i++) {
		if (box->k.border)
			c.k.border = i == n - 1 ? BORDER_BOX_BOTTOM : BORDER_BOX_MIDDLE;
		xr_emit_row(r, textfit_row_height(1, c.k.size) + 6, &c, 1, ROW_GLUE);
	}
	sbuf_release(&dots);
}

static void emit_lines(struct render *r, const struct tpl_line *lines, int n, const struct tpl_block *b,
		       int c1, int c2, enum tpl_align def, const struct scope *s)
{
	for (int i = 0; i < n; i++) {
		struct cell c;
		char *text = fill(r, lines[i].text, s);
		int nl, ml = min_lines(&lines[i].st, &b->st);
		int hand = b->blank_lines && unfilled(lines[i].text, s);

		memset(&c, 0, sizeof(c));
		c.c1 = c1;
		c.c2 = c2;
		c.rows = 1;
		c.text = text;
		c.k = xr_resolve(r, &lines[i].st, &b->st, def);
		if (hand && c.k.border)
			c.k.border = BORDER_BOX_TOP;
		nl = xr_cell_lines(r, &c);
		if (nl < ml)
			nl = ml;
		xr_emit_row(r, textfit_row_height(nl, c.k.size), &c, 1, 0);
		if (hand)
			emit_hand_lines(r, &c, b->blank_lines);
		free(text);
	}
}

/* The two halves side by side (header, signature): rows of one block
 * stay together. */
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
			c[nc] = (struct cell){ 0, b->split - 1, 1, text[nc], 0, 0, xr_resolve(r, &b->left[i].st, &b->st, TA_CENTER), NULL };
			nc++;
		}
		if (i < b->nright) {
			text[nc] = fill(r, b->right[i].text, s);
			c[nc] = (struct cell){ b->split, last, 1, text[nc], 0, 0,
					       xr_resolve(r, &b->right[i].st, &b->st, TA_CENTER), NULL };
			nc++;
		}
		for (int k = 0; k < nc; k++) {
			int l = xr_cell_lines(r, &c[k]);
			if (l > nl)
				nl = l;
			if (c[k].k.size > size)
				size = c[k].k.size;
		}
		xr_emit_row(r, textfit_row_height(nl, size), c, nc, 0);
		free(text[0]);
		free(text[1]);
	}
}

static void emit_space(struct render *r, int n)
{
	for (int i = 0; i < n; i++)
		xr_emit_row(r, textfit_row_height(1, r->t->page.size), NULL, 0, ROW_SPACE);
}

static void render_blocks(struct render *r, const struct tpl_block *b, int n, const struct scope *s);

static void emit_each(struct render *r, const struct tpl_block *b, const struct scope *s)
{
	struct ds_table *t = dataset_table(r->ds, b->rows);
	struct ds_cursor cur;
	int shown = 0, mcol = -1, rc;
	const char *want = NULL;

	if (t && b->match) {
		mcol = ds_col(t, b->match);
		want = xr_lookup((void *)s, b->match);
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
	/* "Ghi chú:" stays with the first note */
	emit_lines(r, b->lines, b->nlines > 1 ? 1 : b->nlines, b, b->first_col, b->last_col, TA_LEFT, s);
	if (b->nlines > 1) {
		r->plan.glue_next |= ROW_GLUE;
		emit_lines(r, b->lines + 1, b->nlines - 1, b, b->first_col, b->last_col, TA_LEFT, s);
	}
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

/*
 * One block, with its page rules (docs/templates.md, "Pages"): `keep`
 * from the template, and the rules every form gets: a header block and a
 * signature block stay together, and a signature block never begins a
 * page (it stays with the row above it, which a template may in turn keep
 * with the rows above: the end of the table and the lines closing it).
 */
static void render_block(struct render *r, const struct tpl_block *b, const struct scope *s)
{
	unsigned keep = b->keep, glue = r->plan.glue_next;
	long first = r->emitted;

	if (b->kind == TB_HEADER)
		keep |= KEEP_TOGETHER;
	if (b->kind == TB_SIGNATURE)
		keep |= KEEP_TOGETHER | KEEP_WITH_PREVIOUS;
	if (keep & KEEP_WITH_PREVIOUS)
		r->plan.glue_next |= ROW_GLUE;
	if ((keep & KEEP_TOGETHER) && !r->keep_depth++)
		r->keep_from = r->emitted;
	switch (b->kind) {
	case TB_TEXT:
		emit_lines(r, b->lines, b->nlines, b, b->first_col, b->last_col, TA_LEFT, s);
		break;
	case TB_NOTES:
		emit_notes(r, b, s);
		break;
	case TB_HEADER:
	case TB_SIGNATURE:
		emit_halves(r, b, s);
		break;
	case TB_TABLE:
		xr_table(r, b, s);
		break;
	case TB_EACH:
		emit_each(r, b, s);
		break;
	case TB_SPACE:
		emit_space(r, b->n);
		break;
	}
	if (keep & KEEP_TOGETHER)
		r->keep_depth--;
	if (r->emitted == first)
		r->plan.glue_next = glue;	/* nothing written: nothing to keep */
	else if (keep & KEEP_WITH_NEXT)
		r->plan.glue_next |= ROW_GLUE;
}

static void render_blocks(struct render *r, const struct tpl_block *b, int n, const struct scope *s)
{
	for (int i = 0; i < n && !r->cancel; i++) {
		if (b[i].when && !template_cond(b[i].when, xr_lookup, (void *)s))
			continue;
		if (b[i].unless && template_cond(b[i].unless, xr_lookup, (void *)s))
			continue;
		render_block(r, &b[i], s);
	}
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
	xr_emit_row(r, textfit_row_height(1, k.size), c, n, 0);
}

/*
 * The workbook's Normal style is the template's font, not Calibri 11: text a
 * clerk types into an empty cell, and the column-width unit (the Normal
 * font's digit width, which LibreOffice takes from whatever font stands in
 * for the Normal one), then follow the form on every machine.  libxlsxwriter
 * 1.1.4 has no call for it: the Normal style is the workbook's first format,
 * created by workbook_new_opt(), and its font is read when the file is
 * closed.  The size stays 11, the size the column widths are computed for
 * (textfit.c): Times New Roman 11 and Calibri 11 both have 7-pixel digits.
 */
static void default_font(struct render *r)
{
	lxw_format *normal = STAILQ_FIRST(r->wb->formats);

	if (normal)
		format_set_font_name(normal, r->t->page.font);
}

/* A4 in points (ISO 216: 210 x 297 mm). */
#define A4_SHORT_PT (210.0 / 25.4 * 72.0)
#define A4_LONG_PT (297.0 / 25.4 * 72.0)
/* Of a page's height, what the planner fills: Excel rounds row heights to
 * its pixels, and LibreOffice measures its page a little differently. */
#define PAGE_FILL 0.97

/* The print scale that fits the grid to the page's width, in percent
 * (textfit_print_scale(): not Excel's "fit to width", which would make
 * Excel ignore the planner's page breaks). */
static int print_scale(const struct tpl_page *pg, double width_pt)
{
	return pg->fit_width ? textfit_print_scale(pg->widths, pg->ncols, width_pt) : 100;
}

/* The template's footer with the page font in each section ("&C..." ->
 * "&C&\"Times New Roman,Regular\"&12..."), unless it names a font. */
static char *footer_with_font(const struct tpl_page *pg)
{
	struct sbuf out = SBUF_INIT, font = SBUF_INIT;
	const char *f = pg->footer;
	int sections = 0;

	if (strstr(f, "&\""))
		return xstrdup(f);
	sbuf_addf(&font, "&\"%s,Regular\"&%d", pg->font, pg->size);
	for (; *f; f++) {
		sbuf_addch(&out, *f);
		if (*f == '&' && (f[1] == 'L' || f[1] == 'C' || f[1] == 'R')) {
			sbuf_addch(&out, *++f);
			sbuf_addstr(&out, font.buf);
			sections++;
		} else if (*f == '&' && f[1]) {
			sbuf_addch(&out, *++f);
		}
	}
	if (!sections) {
		sbuf_reset(&out);
		sbuf_addf(&out, "&C%s%s", font.buf, pg->footer);
	}
	sbuf_release(&font);
	return sbuf_detach(&out, NULL);
}

static void page_setup(struct render *r)
{
	const struct tpl_page *pg = &r->t->page;
	double w = pg->landscape ? A4_LONG_PT : A4_SHORT_PT, h = pg->landscape ? A4_SHORT_PT : A4_LONG_PT;
	double cm = 72.0 / 2.54;
	int scale;

	for (int i = 0; i < pg->ncols; i++)
		note_err(r, worksheet_set_column(r->ws, (lxw_col_t)i, (lxw_col_t)i, pg->widths[i], NULL));
	worksheet_set_paper(r->ws, PAPER_A4);
	if (pg->landscape)
		worksheet_set_landscape(r->ws);
	else
		worksheet_set_portrait(r->ws);
	worksheet_set_margins(r->ws, pg->margin_left / 2.54, pg->margin_right / 2.54, pg->margin_top / 2.54,
			      pg->margin_bottom / 2.54);
	scale = print_scale(pg, w - (pg->margin_left + pg->margin_right) * cm);
	worksheet_set_print_scale(r->ws, (uint16_t)scale);
	xr_page_start(r, (h - (pg->margin_top + pg->margin_bottom) * cm) * 100.0 / scale * PAGE_FILL);
	worksheet_center_horizontally(r->ws);
	worksheet_gridlines(r->ws, LXW_HIDE_ALL_GRIDLINES);
	if (pg->footer) {
		char *footer = footer_with_font(pg);
		note_err(r, worksheet_set_footer(r->ws, footer));
		free(footer);
	}
	if (r->o->draft)
		note_err(r, worksheet_set_header(r->ws, "&C&\"Times New Roman,Bold\"&14BẢN NHÁP"));
}

int xlsx_render(const char *path, const struct template *t, struct dataset *ds, const struct xlsx_opts *o)
{
	lxw_workbook_options wo = { LXW_TRUE, NULL, LXW_FALSE };
	lxw_doc_properties props;
	struct render r;
	struct scope top;
	struct sbuf title = SBUF_INIT;
	const char *shown = o->shown ? o->shown : path;
	lxw_error cerr;

	memset(&r, 0, sizeof(r));
	r.t = t;
	r.ds = ds;
	r.o = o;
	r.wb = workbook_new_opt(path, &wo);
	if (!r.wb) {
		if (gate_stops(o))
			return 1;
		return error("không tạo được tệp '%s'", shown);
	}
	default_font(&r);
	sbuf_addf(&title, "%s: %s", t->code, t->title);
	memset(&props, 0, sizeof(props));
	props.title = title.buf;
	props.author = (char *)(o->author ? o->author : "hiepthuong");
	props.created = o->created;
	note_err(&r, workbook_set_properties(r.wb, &props));
	note_err(&r, workbook_set_custom_property_string(r.wb, OUT_FORM_MARK, HIEPTHUONG_VERSION));
	r.ws = workbook_add_worksheet(r.wb, t->sheet);
	if (!r.ws) {
		workbook_close(r.wb);
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
	if (!r.cancel)
		xr_page_finish(&r);
	xr_page_release(&r);
	/* Nothing is reported before the gate said yes. */
	if (!r.cancel && gate_stops(o))
		r.cancel = 1;
	cerr = workbook_close(r.wb);
	sbuf_release(&title);
	if (r.cancel)
		return 1;
	if (r.err != LXW_NO_ERROR || cerr != LXW_NO_ERROR || r.bad) {
		if (r.err != LXW_NO_ERROR)
			bug("libxlsxwriter refused row %d of '%s': %s", r.err_row + 1, t->id, lxw_strerror(r.err));
		else if (cerr != LXW_NO_ERROR && errno == ENOSPC)
			error("không ghi được tệp '%s': đĩa đầy; không để lại tệp dở dang", shown);
		else if (cerr != LXW_NO_ERROR)
			error("không ghi được tệp '%s': %s", shown, sys_msg(errno ? errno : EIO));
		return -1;
	}
	return 0;
}
