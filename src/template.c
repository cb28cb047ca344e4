/*
 * template.c - loading and checking form templates; see template.h.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "diag.h"
#include "fill.h"
#include "sbuf.h"
#include "template.h"
#include "yamlcfg.h"
#include "banned.h"

#define TEMPLATE_MAX_BYTES (1u << 20)
#define MAX_DEPTH 4

static const char *const align_names[] = { "left", "center", "right", "justify", NULL };
static const char *const kind_keys[] = { "text", "header", "table", "each", "signature", "notes", "space", NULL };

static void style_init(struct tpl_style *st)
{
	st->bold = st->italic = st->underline = st->border = st->indent = -1;
	st->align = TA_DEFAULT;
	st->size = 0;
	st->min_lines = 0;
}

static int get_bool3(struct ymap *m, const char *key, int *out)
{
	int v, rc = ymap_bool(m, key, Y_OPTIONAL, &v);

	if (rc == 0)
		*out = v;
	return rc < 0 ? -1 : 0;
}

/* The style keys every line and block may carry. */
static void parse_style(struct ymap *m, struct tpl_style *st)
{
	char *align = NULL;
	long v;

	style_init(st);
	get_bool3(m, "bold", &st->bold);
	get_bool3(m, "italic", &st->italic);
	get_bool3(m, "underline", &st->underline);
	get_bool3(m, "border", &st->border);
	if (ymap_enum(m, "align", Y_OPTIONAL, align_names, &align) == 0) {
		for (int i = 0; align_names[i]; i++)
			if (!strcmp(align, align_names[i]))
				st->align = (enum tpl_align)(TA_LEFT + i);
		free(align);
	}
	if (ymap_int(m, "size", Y_OPTIONAL, 6, 40, &v) == 0)
		st->size = (int)v;
	if (ymap_int(m, "indent", Y_OPTIONAL, 0, 15, &v) == 0)
		st->indent = (int)v;
	if (ymap_int(m, "min_lines", Y_OPTIONAL, 1, 60, &v) == 0)
		st->min_lines = (int)v;
}

static void check_fillins(struct ydoc *d, yaml_node_t *n, const char *text)
{
	char err[160];

	if (fill_check(text, NULL, NULL, err, sizeof(err)) < 0)
		ydoc_error(d, n, "%s", err);
}

/* One line: a string, or a mapping {text, style keys}. */
static int parse_line(struct ydoc *d, yaml_node_t *n, struct tpl_line *l)
{
	memset(l, 0, sizeof(*l));
	style_init(&l->st);
	l->line = ynode_line(n);
	l->col = ynode_col(n);
	if (n->type == YAML_MAPPING_NODE) {
		struct ymap m;
		if (ymap_begin(d, n, "dòng", &m) < 0)
			return -1;
		ymap_str(&m, "text", Y_REQUIRED, &l->text);
		parse_style(&m, &l->st);
		ymap_end(&m);
	} else if (ynode_str(d, n, "dòng", &l->text) < 0) {
		return -1;
	}
	if (!l->text)
		l->text = xstrdup("");
	check_fillins(d, n, l->text);
	return 0;
}

/* A string, a line mapping, or a list of them. */
static int parse_lines(struct ydoc *d, yaml_node_t *n, struct tpl_line **out, int *nout)
{
	if (n->type != YAML_SEQUENCE_NODE) {
		*out = xcalloc(1, sizeof(**out));
		*nout = 1;
		return parse_line(d, n, *out);
	}
	*nout = yseq_len(n);
	*out = xcalloc((size_t)*nout + 1, sizeof(**out));
	for (int i = 0; i < *nout; i++) {
		yaml_node_t *it = yseq_item(d, n, i);
		if (!it) {
			(*out)[i].text = xstrdup("");
			continue;
		}
		parse_line(d, it, &(*out)[i]);
	}
	return 0;
}

static void parse_two_halves(struct ydoc *d, yaml_node_t *n, const char *what, struct tpl_block *b,
			     const struct tpl_page *pg)
{
	struct ymap m;
	yaml_node_t *x;
	long split = 0;

	if (ymap_begin(d, n, what, &m) < 0)
		return;
	if (ymap_int(&m, "split", Y_REQUIRED, 1, 200, &split) == 0 && split >= pg->ncols + 1)
		ydoc_error(d, ymap_get(&m, "split"), "'split' phải nhỏ hơn hoặc bằng số cột của trang (%d)",
			   pg->ncols);
	b->split = (int)split - 1;
	if ((x = ymap_get(&m, "left")))
		parse_lines(d, x, &b->left, &b->nleft);
	if ((x = ymap_get(&m, "right")))
		parse_lines(d, x, &b->right, &b->nright);
	ymap_end(&m);
}

static void parse_columns(struct ydoc *d, yaml_node_t *n, struct tpl_block *b, const struct tpl_page *pg)
{
	int width = 0;

	if (yseq_begin(d, n, "columns") < 0)
		return;
	b->ncols = yseq_len(n);
	b->cols = xcalloc((size_t)b->ncols + 1, sizeof(*b->cols));
	for (int i = 0; i < b->ncols; i++) {
		yaml_node_t *it = yseq_item(d, n, i);
		struct tpl_column *c = &b->cols[i];
		struct ymap m;
		char *align = NULL;
		long span = 1;

		c->span = 1;
		if (!it || ymap_begin(d, it, "columns[]", &m) < 0)
			continue;
		c->line = ynode_line(it);
		c->col = ynode_col(it);
		ymap_str(&m, "head", Y_REQUIRED, &c->head);
		ymap_str(&m, "group", Y_OPTIONAL, &c->group);
		ymap_str(&m, "field", Y_REQUIRED, &c->field);
		if (ymap_int(&m, "span", Y_OPTIONAL, 1, 50, &span) == 0)
			c->span = (int)span;
		if (ymap_enum(&m, "align", Y_OPTIONAL, align_names, &align) == 0) {
			for (int k = 0; align_names[k]; k++)
				if (!strcmp(align, align_names[k]))
					c->align = (enum tpl_align)(TA_LEFT + k);
			free(align);
		}
		ymap_bool(&m, "number", Y_OPTIONAL, &c->number);
		ymap_bool(&m, "percent", Y_OPTIONAL, &c->percent);
		ymap_bool(&m, "sum", Y_OPTIONAL, &c->sum);
		ymap_end(&m);
		if (c->head)
			check_fillins(d, it, c->head);
		width += c->span;
	}
	if (width > pg->ncols)
		ydoc_error(d, n, "bảng rộng %d cột nhưng trang chỉ có %d cột ('page.columns')", width, pg->ncols);
}

static int parse_blocks(struct ydoc *d, yaml_node_t *n, const struct tpl_page *pg, struct tpl_block **out,
			int *nout, int depth);

static void parse_table(struct ydoc *d, yaml_node_t *n, struct tpl_block *b, const struct tpl_page *pg)
{
	struct ymap m;
	yaml_node_t *x;

	if (ymap_begin(d, n, "table", &m) < 0)
		return;
	ymap_str(&m, "rows", Y_REQUIRED, &b->rows);
	ymap_str(&m, "match", Y_OPTIONAL, &b->match);
	if ((x = ymap_get(&m, "columns")))
		parse_columns(d, x, b, pg);
	else
		ydoc_error(d, n, "thiếu 'columns' trong 'table'");
	ymap_strlist(&m, "blank", Y_OPTIONAL, &b->blank, &b->nblank);
	ymap_str(&m, "total", Y_OPTIONAL, &b->total);
	b->repeat_header = 1;
	ymap_bool(&m, "repeat_header", Y_OPTIONAL, &b->repeat_header);
	if ((x = ymap_get(&m, "continued"))) {
		b->continued = xcalloc(1, sizeof(*b->continued));
		parse_line(d, x, b->continued);
	}
	ymap_bool(&m, "even_rows", Y_OPTIONAL, &b->even_rows);
	ymap_end(&m);
}

static void parse_each(struct ydoc *d, yaml_node_t *n, struct tpl_block *b, const struct tpl_page *pg, int depth)
{
	struct ymap m;
	yaml_node_t *x;

	if (ymap_begin(d, n, "each", &m) < 0)
		return;
	ymap_str(&m, "rows", Y_REQUIRED, &b->rows);
	ymap_str(&m, "match", Y_OPTIONAL, &b->match);
	if ((x = ymap_get(&m, "content")))
		parse_blocks(d, x, pg, &b->body, &b->nbody, depth + 1);
	else
		ydoc_error(d, n, "thiếu 'content' trong 'each'");
	if ((x = ymap_get(&m, "empty")))
		parse_blocks(d, x, pg, &b->empty, &b->nempty, depth + 1);
	ymap_end(&m);
}

static void parse_cols(struct ydoc *d, struct ymap *m, struct tpl_block *b, const struct tpl_page *pg)
{
	yaml_node_t *x = ymap_get(m, "cols");
	long from, to;

	b->first_col = 0;
	b->last_col = pg->ncols - 1;
	if (!x)
		return;
	if (yseq_begin(d, x, "cols") < 0)
		return;
	if (yseq_len(x) != 2) {
		ydoc_error(d, x, "'cols' phải là [cột đầu, cột cuối]");
		return;
	}
	if (ynode_int(d, yseq_item(d, x, 0), "cols", 1, pg->ncols, &from) < 0 ||
	    ynode_int(d, yseq_item(d, x, 1), "cols", from, pg->ncols, &to) < 0)
		return;
	b->first_col = (int)from - 1;
	b->last_col = (int)to - 1;
}

/* keep: together | with_next | with_previous, or a list of them. */
static void parse_keep(struct ydoc *d, struct ymap *m, struct tpl_block *b)
{
	static const char *const words[] = { "together", "with_next", "with_previous", NULL };
	yaml_node_t *x = ymap_get(m, "keep");
	int n;

	if (!x)
		return;
	n = x->type == YAML_SEQUENCE_NODE ? yseq_len(x) : 1;
	for (int i = 0; i < n; i++) {
		yaml_node_t *it = x->type == YAML_SEQUENCE_NODE ? yseq_item(d, x, i) : x;
		char *w = NULL;
		int k;

		if (!it || ynode_str(d, it, "keep", &w) < 0)
			continue;
		for (k = 0; words[k] && strcmp(words[k], w); k++)
			;
		if (words[k])
			b->keep |= 1u << k;
		else
			ydoc_error(d, it, "'keep' nhận together, with_next hoặc with_previous, không nhận '%s'", w);
		free(w);
	}
}

static void parse_block(struct ydoc *d, yaml_node_t *n, struct tpl_block *b, const struct tpl_page *pg, int depth)
{
	struct ymap m;
	yaml_node_t *kinds[8] = { 0 };
	int found = -1;
	long v;

	memset(b, 0, sizeof(*b));
	b->line = ynode_line(n);
	b->col = ynode_col(n);
	style_init(&b->st);
	if (ymap_begin(d, n, "content[]", &m) < 0)
		return;
	for (int k = 0; kind_keys[k]; k++) {
		kinds[k] = ymap_get(&m, kind_keys[k]);
		if (kinds[k] && found >= 0)
			ydoc_error(d, kinds[k], "một khối chỉ được có một trong text, header, table, each, "
						 "signature, notes, space");
		else if (kinds[k])
			found = k;
	}
	ymap_str(&m, "when", Y_OPTIONAL, &b->when);
	ymap_str(&m, "unless", Y_OPTIONAL, &b->unless);
	parse_style(&m, &b->st);
	parse_cols(d, &m, b, pg);
	parse_keep(d, &m, b);
	if (ymap_int(&m, "blank_lines", Y_OPTIONAL, 1, 30, &v) == 0) {
		b->blank_lines = (int)v;
		if (!kinds[TB_TEXT])
			ydoc_error(d, ymap_get(&m, "blank_lines"), "'blank_lines' chỉ dùng cho khối 'text'");
	}
	if (found < 0) {
		ydoc_error(d, n, "khối thiếu loại: text, header, table, each, signature, notes hoặc space");
		ymap_end(&m);
		return;
	}
	b->kind = (enum tpl_kind)found;
	switch (b->kind) {
	case TB_TEXT:
	case TB_NOTES:
		parse_lines(d, kinds[found], &b->lines, &b->nlines);
		break;
	case TB_HEADER:
	case TB_SIGNATURE:
		parse_two_halves(d, kinds[found], kind_keys[found], b, pg);
		break;
	case TB_TABLE:
		parse_table(d, kinds[found], b, pg);
		break;
	case TB_EACH:
		if (depth >= MAX_DEPTH)
			ydoc_error(d, kinds[found], "'each' lồng nhau quá %d mức", MAX_DEPTH);
		else
			parse_each(d, kinds[found], b, pg, depth);
		break;
	case TB_SPACE:
		if (ynode_int(d, kinds[found], "space", 1, 50, &v) == 0)
			b->n = (int)v;
		break;
	}
	ymap_end(&m);
}

static int parse_blocks(struct ydoc *d, yaml_node_t *n, const struct tpl_page *pg, struct tpl_block **out,
			int *nout, int depth)
{
	if (yseq_begin(d, n, "content") < 0)
		return -1;
	*nout = yseq_len(n);
	*out = xcalloc((size_t)*nout + 1, sizeof(**out));
	for (int i = 0; i < *nout; i++) {
		yaml_node_t *it = yseq_item(d, n, i);
		if (it)
			parse_block(d, it, &(*out)[i], pg, depth);
		else
			(*out)[i].kind = TB_SPACE;
	}
	return 0;
}

static void parse_page(struct ydoc *d, yaml_node_t *n, struct tpl_page *pg)
{
	static const char *const orient[] = { "portrait", "landscape", NULL };
	struct ymap m, mm;
	yaml_node_t *x;
	char *o = NULL;
	long v;

	pg->size = 13;
	pg->fit_width = 1;
	pg->margin_left = 3.0;
	pg->margin_right = 2.0;
	pg->margin_top = pg->margin_bottom = 2.0;
	if (ymap_begin(d, n, "page", &m) < 0)
		return;
	if (ymap_enum(&m, "orientation", Y_REQUIRED, orient, &o) == 0)
		pg->landscape = !strcmp(o, "landscape");
	free(o);
	if (ymap_str(&m, "font", Y_OPTIONAL, &pg->font) != 0)
		pg->font = xstrdup("Times New Roman");
	if (ymap_int(&m, "size", Y_OPTIONAL, 6, 40, &v) == 0)
		pg->size = (int)v;
	ymap_bool(&m, "fit_width", Y_OPTIONAL, &pg->fit_width);
	ymap_str(&m, "footer", Y_OPTIONAL, &pg->footer);
	if ((x = ymap_get(&m, "margins_mm")) && ymap_begin(d, x, "margins_mm", &mm) == 0) {
		double *dst[] = { &pg->margin_left, &pg->margin_right, &pg->margin_top, &pg->margin_bottom };
		const char *keys[] = { "left", "right", "top", "bottom" };
		for (int i = 0; i < 4; i++)
			if (ymap_int(&mm, keys[i], Y_REQUIRED, 0, 100, &v) == 0)
				*dst[i] = v / 10.0;
		ymap_end(&mm);
	}
	x = ymap_get(&m, "columns");
	if (!x) {
		ydoc_error(d, n, "thiếu 'columns' (độ rộng các cột) trong 'page'");
	} else if (yseq_begin(d, x, "columns") == 0) {
		pg->ncols = yseq_len(x);
		pg->widths = xcalloc((size_t)pg->ncols + 1, sizeof(*pg->widths));
		if (pg->ncols < 2 || pg->ncols > 60)
			ydoc_error(d, x, "'columns' phải có từ 2 đến 60 cột");
		for (int i = 0; i < pg->ncols; i++) {
			yaml_node_t *it = yseq_item(d, x, i);
			if (it && ynode_int(d, it, "columns", 1, 120, &v) == 0)
				pg->widths[i] = (double)v;
		}
	}
	ymap_end(&m);
}

/* A list of words each among `allowed`. */
static void word_list(struct ydoc *d, struct ymap *m, const char *key, const char *const *allowed, char ***out,
		      int *n)
{
	yaml_node_t *x = ymap_get(m, key);

	if (!x || ymap_strlist(m, key, Y_OPTIONAL, out, n) != 0)
		return;
	for (int i = 0; i < *n; i++) {
		int k;
		for (k = 0; allowed[k] && strcmp(allowed[k], (*out)[i]); k++)
			;
		if (!allowed[k]) {
			struct sbuf list = SBUF_INIT;
			for (k = 0; allowed[k]; k++)
				sbuf_addf(&list, "%s%s", k ? ", " : "", allowed[k]);
			ydoc_error(d, x, "'%s' không nhận '%s' (chọn trong: %s)", key, (*out)[i], list.buf);
			sbuf_release(&list);
		}
	}
}

/* meeting: {kind: [...], mode: [...], vote: [...]} */
static void parse_meeting(struct ydoc *d, yaml_node_t *n, struct template *t)
{
	static const char *const kinds[] = { "ht1", "ht2", "ht3", "leadership", "expanded_leadership", "bctmt",
					     "workplace", "residence", "thon", NULL };
	static const char *const modes[] = { "in_person", "online", "distribution", NULL };
	static const char *const votes[] = { "hands", "ballot", "online_poll", "none", NULL };
	struct ymap m;

	if (ymap_begin(d, n, "meeting", &m) < 0)
		return;
	word_list(d, &m, "kind", kinds, &t->meet_kind, &t->nmeet_kind);
	word_list(d, &m, "mode", modes, &t->meet_mode, &t->nmeet_mode);
	word_list(d, &m, "vote", votes, &t->meet_vote, &t->nmeet_vote);
	ymap_end(&m);
	if (!t->nmeet_kind)
		ydoc_error(d, n, "'meeting' cần 'kind': các loại hội nghị mẫu dùng cho");
}

static void parse_form(struct ydoc *d, yaml_node_t *n, struct template *t)
{
	static const char *const kinds[] = { "na", "hdnd", NULL };
	static const char *const gates[] = { "nominated", "preliminary", "qualified", "official", "round", NULL };
	struct ymap m;
	yaml_node_t *x;

	if (ymap_begin(d, n, "form", &m) < 0)
		return;
	ymap_str(&m, "id", Y_REQUIRED, &t->id);
	ymap_str(&m, "code", Y_REQUIRED, &t->code);
	ymap_str(&m, "title", Y_REQUIRED, &t->title);
	ymap_str(&m, "dataset", Y_REQUIRED, &t->dataset);
	ymap_enum(&m, "body_kind", Y_OPTIONAL, kinds, &t->body_kind);
	ymap_enum(&m, "gate", Y_OPTIONAL, gates, &t->gate);
	ymap_bool(&m, "locks", Y_OPTIONAL, &t->locks);
	ymap_strlist(&m, "select", Y_OPTIONAL, &t->select, &t->nselect);
	if ((x = ymap_get(&m, "meeting")))
		parse_meeting(d, x, t);
	ymap_str(&m, "file", Y_REQUIRED, &t->file);
	ymap_str(&m, "sheet", Y_REQUIRED, &t->sheet);
	ymap_end(&m);
	if (t->id)
		for (const char *p = t->id; *p; p++)
			if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-')) {
				ydoc_error(d, ymap_get(&m, "id"), "'id' chỉ gồm chữ thường a-z, số và '-': '%s'", t->id);
				break;
			}
	if (t->locks && (!t->gate || !strcmp(t->gate, "nominated")))
		ydoc_error(d, ymap_get(&m, "locks"), "'locks' chỉ dùng cho mẫu mang danh sách của một bước "
			   "(gate: preliminary, qualified, official hoặc round)");
	if (t->sheet && (strlen(t->sheet) > 31 || strpbrk(t->sheet, "[]:*?/\\")))
		ydoc_error(d, ymap_get(&m, "sheet"), "tên trang tính tối đa 31 ký tự, không có []:*?/\\");
	if (t->file)
		check_fillins(d, ymap_get(&m, "file"), t->file);
}

/* The template in an already loaded YAML document (file or memory). */
static int load_doc(struct ydoc *d, int loaded, struct template *t)
{
	struct ymap m;
	yaml_node_t *root, *x;
	int rc = -1;

	if (!loaded)
		goto out;
	root = ydoc_root(d);
	if (ymap_begin(d, root, "mẫu", &m) < 0)
		goto out;
	if ((x = ymap_get(&m, "form")))
		parse_form(d, x, t);
	else
		ydoc_error(d, root, "thiếu 'form'");
	if ((x = ymap_get(&m, "page")))
		parse_page(d, x, &t->page);
	else
		ydoc_error(d, root, "thiếu 'page'");
	if ((x = ymap_get(&m, "content")))
		parse_blocks(d, x, &t->page, &t->blocks, &t->nblocks, 0);
	else
		ydoc_error(d, root, "thiếu 'content'");
	ymap_end(&m);
	rc = d->nerr ? -1 : 0;
out:
	ydoc_release(d);
	return rc;
}

int template_load(const char *path, struct template *t)
{
	struct ydoc d;

	memset(t, 0, sizeof(*t));
	t->path = xstrdup(path);
	return load_doc(&d, ydoc_load_file(&d, path, TEMPLATE_MAX_BYTES) == 0, t);
}

int template_load_mem(const char *name, const char *text, size_t len, struct template *t)
{
	struct ydoc d;

	memset(t, 0, sizeof(*t));
	t->path = xstrdup(name);
	return load_doc(&d, ydoc_load_mem(&d, name, text, len) == 0, t);
}

static void lines_free(struct tpl_line *l, int n)
{
	for (int i = 0; i < n; i++)
		free(l[i].text);
	free(l);
}

static void blocks_free(struct tpl_block *b, int n)
{
	for (int i = 0; i < n; i++) {
		free(b[i].when);
		free(b[i].unless);
		lines_free(b[i].lines, b[i].nlines);
		lines_free(b[i].left, b[i].nleft);
		lines_free(b[i].right, b[i].nright);
		free(b[i].rows);
		free(b[i].match);
		for (int k = 0; k < b[i].ncols; k++) {
			free(b[i].cols[k].head);
			free(b[i].cols[k].group);
			free(b[i].cols[k].field);
		}
		free(b[i].cols);
		strlist_free(b[i].blank, b[i].nblank);
		free(b[i].total);
		if (b[i].continued)
			lines_free(b[i].continued, 1);
		blocks_free(b[i].body, b[i].nbody);
		blocks_free(b[i].empty, b[i].nempty);
	}
	free(b);
}

void template_release(struct template *t)
{
	free(t->path);
	free(t->id);
	free(t->code);
	free(t->title);
	free(t->dataset);
	free(t->body_kind);
	free(t->gate);
	strlist_free(t->select, t->nselect);
	strlist_free(t->meet_kind, t->nmeet_kind);
	strlist_free(t->meet_mode, t->nmeet_mode);
	strlist_free(t->meet_vote, t->nmeet_vote);
	free(t->file);
	free(t->sheet);
	free(t->page.font);
	free(t->page.widths);
	free(t->page.footer);
	blocks_free(t->blocks, t->nblocks);
	memset(t, 0, sizeof(*t));
}
