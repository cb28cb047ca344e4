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

/* Wait for the gate (xlsx_opts.gate); 1 when it abandoned the form. */
static int gate_stops(const struct xlsx_opts *o)
{
	return o->gate && o->gate(o->gate_arg, 1) != 0;
}

static int min_lines(const struct tpl_style *line, const struct tpl_style *block)
{
	int m = line && line->min_lines ? line->min_lines : 0;

	if (!m && block)
		m = block->min_lines;
	return m;
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
		xr_note_err(r, worksheet_set_column(r->ws, (lxw_col_t)i, (lxw_col_t)i, pg->widths[i], NULL));
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
		xr_note_err(r, worksheet_set_footer(r->ws, footer));
		free(footer);
	}
	if (r->o->draft)
		xr_note_err(r, worksheet_set_header(r->ws, "&C&\"Times New Roman,Bold\"&14BẢN NHÁP"));
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
	int rc = -1;

	memset(&r, 0, sizeof(r));
	r.t = t;
	r.ds = ds;
	r.o = o;
	r.wb = workbook_new_opt(path, &wo);
	if (!r.wb) {
		rc = gate_stops(o) ? 1 : error("không tạo được tệp '%s'", shown);
		goto cleanup;
	}
	default_font(&r);
	sbuf_addf(&title, "%s: %s", t->code, t->title);
	memset(&props, 0, sizeof(props));
	props.title = title.buf;
	props.author = (char *)(o->author ? o->author : "hiepthuong");
	props.created = o->created;
	xr_note_err(&r, workbook_set_properties(r.wb, &props));
	xr_note_err(&r, workbook_set_custom_property_string(r.wb, OUT_FORM_MARK, HIEPTHUONG_VERSION));
	r.ws = workbook_add_worksheet(r.wb, t->sheet);
	if (!r.ws) {
		rc = gate_stops(o) ? 1 : error("tên trang tính không hợp lệ '%s' trong '%s'", t->sheet, t->path);
		goto cleanup;
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
	r.wb = NULL;
	if (r.cancel) {
		rc = 1;
	} else if (r.err != LXW_NO_ERROR) {
		bug("libxlsxwriter refused row %d of '%s': %s", r.err_row + 1, t->id, lxw_strerror(r.err));
	} else if (cerr != LXW_NO_ERROR && errno == ENOSPC) {
		error("không ghi được tệp '%s': đĩa đầy; không để lại tệp dở dang", shown);
	} else if (cerr != LXW_NO_ERROR) {
		error("không ghi được tệp '%s': %s", shown, sys_msg(errno ? errno : EIO));
	} else if (!r.bad) {
		rc = 0;
	}
cleanup:
	if (r.wb)
		workbook_close(r.wb);
	sbuf_release(&title);
	return rc;
}
