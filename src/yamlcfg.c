/*
 * yamlcfg.c - strict YAML reading; see yamlcfg.h.
 *
 * Aliases are refused by noticing a node reached twice: in a document
 * without aliases every node has exactly one parent, so the walk visits
 * each node once.  This also makes "billion laughs" input harmless.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "date.h"
#include "diag.h"
#include "sbuf.h"
#include "text.h"
#include "yamlcfg.h"
#include "banned.h"

long ynode_line(const yaml_node_t *node)
{
	return node ? (long)node->start_mark.line + 1 : 0;
}

long ynode_col(const yaml_node_t *node)
{
	return node ? (long)node->start_mark.column + 1 : 0;
}

int ydoc_error(struct ydoc *d, const yaml_node_t *node, const char *fmt, ...)
{
	struct sbuf msg = SBUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	sbuf_vaddf(&msg, fmt, ap);
	va_end(ap);
	error_at(d->name, ynode_line(node), ynode_col(node), "%s", msg.buf);
	sbuf_release(&msg);
	d->nerr++;
	return -1;
}

/* Turn a byte offset into a 1-based line and column (in characters). */
static void offset_to_linecol(const char *text, size_t off, long *line, long *col)
{
	*line = 1;
	*col = 1;
	for (size_t i = 0; i < off; i++) {
		unsigned char c = (unsigned char)text[i];
		if (c == '\n') {
			(*line)++;
			*col = 1;
		} else if ((c & 0xC0) != 0x80) {
			(*col)++;
		}
	}
}

/* The deepest nesting accepted; hiepthuong's own files need five levels. */
#define YAML_MAX_DEPTH 64

/*
 * libyaml has no limit on nesting, and its scanner slows down with the
 * square of the depth: 200,000 '[' took two minutes.  Walk the events
 * first and refuse a document nested deeper than YAML_MAX_DEPTH; syntax
 * errors are left for the real load to report.
 */
static int check_depth(struct ydoc *d)
{
	yaml_parser_t p;
	yaml_event_t ev;
	int depth = 0, rc = 0, done = 0;

	if (!yaml_parser_initialize(&p))
		return bug("yaml_parser_initialize failed");
	yaml_parser_set_input_string(&p, (const unsigned char *)d->text, d->len);
	while (!done && yaml_parser_parse(&p, &ev)) {
		if (ev.type == YAML_SEQUENCE_START_EVENT || ev.type == YAML_MAPPING_START_EVENT) {
			if (++depth > YAML_MAX_DEPTH) {
				error_at(d->name, (long)ev.start_mark.line + 1, (long)ev.start_mark.column + 1,
					 "lồng nhau quá sâu (hơn %d tầng)", YAML_MAX_DEPTH);
				d->nerr++;
				rc = -1;
				done = 1;
			}
		} else if (ev.type == YAML_SEQUENCE_END_EVENT || ev.type == YAML_MAPPING_END_EVENT) {
			depth--;
		}
		done |= ev.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&p);
	return rc;
}

static int parse(struct ydoc *d)
{
	yaml_parser_t parser;
	yaml_document_t extra;
	size_t bad;
	int rc = -1;

	if (d->len >= 3 && !memcmp(d->text, "\xEF\xBB\xBF", 3)) {
		/* A UTF-8 BOM is harmless; libyaml handles it. */
	} else if (d->len >= 2 && (!memcmp(d->text, "\xFF\xFE", 2) || !memcmp(d->text, "\xFE\xFF", 2))) {
		error_at(d->name, 1, 1, "tệp là UTF-16; hãy lưu lại dưới dạng UTF-8");
		d->nerr++;
		return -1;
	}
	if (memchr(d->text, 0, d->len)) {
		long line, col;
		offset_to_linecol(d->text, (size_t)((char *)memchr(d->text, 0, d->len) - d->text), &line, &col);
		error_at(d->name, line, col, "tệp chứa byte NUL (không phải tệp văn bản)");
		d->nerr++;
		return -1;
	}
	if (!text_utf8_valid(d->text, d->len, &bad)) {
		long line, col;
		offset_to_linecol(d->text, bad, &line, &col);
		error_at(d->name, line, col, "không phải UTF-8 hợp lệ (byte 0x%02X); hãy lưu tệp dưới dạng UTF-8",
			 (unsigned char)d->text[bad]);
		d->nerr++;
		return -1;
	}
	if (check_depth(d) < 0)
		return -1;
	if (!yaml_parser_initialize(&parser))
		return bug("yaml_parser_initialize failed");
	yaml_parser_set_input_string(&parser, (const unsigned char *)d->text, d->len);
	if (!yaml_parser_load(&parser, &d->doc)) {
		error_at(d->name, (long)parser.problem_mark.line + 1, (long)parser.problem_mark.column + 1,
			 "lỗi cú pháp YAML: %s%s%s", parser.problem ? parser.problem : "?",
			 parser.context ? " " : "", parser.context ? parser.context : "");
		d->nerr++;
		goto out;
	}
	d->loaded = 1;
	if (!yaml_document_get_root_node(&d->doc)) {
		error_at(d->name, 1, 1, "tệp rỗng");
		d->nerr++;
		goto out;
	}
	if (!yaml_parser_load(&parser, &extra)) {
		error_at(d->name, (long)parser.problem_mark.line + 1, (long)parser.problem_mark.column + 1,
			 "lỗi cú pháp YAML: %s", parser.problem ? parser.problem : "?");
		d->nerr++;
		goto out;
	}
	if (yaml_document_get_root_node(&extra)) {
		error_at(d->name, (long)extra.start_mark.line + 1, (long)extra.start_mark.column + 1,
			 "tệp chỉ được chứa một tài liệu YAML");
		d->nerr++;
		yaml_document_delete(&extra);
		goto out;
	}
	yaml_document_delete(&extra);
	d->seen = xcalloc((size_t)(d->doc.nodes.top - d->doc.nodes.start) + 1, 1);
	rc = 0;
out:
	yaml_parser_delete(&parser);
	return rc;
}

int ydoc_load_mem(struct ydoc *d, const char *name, const char *text, size_t len)
{
	memset(d, 0, sizeof(*d));
	d->name = xstrdup(name);
	d->text = xmalloc(len + 1);
	memcpy(d->text, text, len);
	d->text[len] = 0;
	d->len = len;
	return parse(d);
}

int ydoc_load_file(struct ydoc *d, const char *path, size_t max_bytes)
{
	struct stat st;
	FILE *f;
	size_t n;

	memset(d, 0, sizeof(*d));
	d->name = xstrdup(path);
	if (stat(path, &st) < 0) {
		d->nerr++;
		return error("không mở được tệp '%s': %s", path, strerror(errno));
	}
	if (S_ISDIR(st.st_mode)) {
		d->nerr++;
		return error("'%s' là một thư mục, không phải tệp", path);
	}
	if (!S_ISREG(st.st_mode)) {
		/* A FIFO or a device would block or never end. */
		d->nerr++;
		return error("'%s' không phải tệp thường", path);
	}
	if ((size_t)st.st_size > max_bytes) {
		d->nerr++;
		return error("tệp '%s' quá lớn (%lld byte, tối đa %zu)", path, (long long)st.st_size, max_bytes);
	}
	f = fopen(path, "rb");
	if (!f) {
		d->nerr++;
		return error("không mở được tệp '%s': %s", path, strerror(errno));
	}
	d->text = xmalloc((size_t)st.st_size + 1);
	n = fread(d->text, 1, (size_t)st.st_size, f);
	if (ferror(f)) {
		fclose(f);
		d->nerr++;
		return error("không đọc được tệp '%s': %s", path, strerror(errno));
	}
	fclose(f);
	d->text[n] = 0;
	d->len = n;
	if (n == 0) {
		d->nerr++;
		return error_at(path, 0, 0, "tệp rỗng");
	}
	return parse(d);
}

void ydoc_release(struct ydoc *d)
{
	if (d->loaded)
		yaml_document_delete(&d->doc);
	free(d->name);
	free(d->text);
	free(d->seen);
	memset(d, 0, sizeof(*d));
}

yaml_node_t *ydoc_root(struct ydoc *d)
{
	yaml_node_t *root = d->loaded ? yaml_document_get_root_node(&d->doc) : NULL;

	if (root)
		d->seen[root - d->doc.nodes.start] = 1;
	return root;
}

/* Mark a child node as reached; a node reached twice came from an alias. */
static yaml_node_t *reach(struct ydoc *d, int index)
{
	yaml_node_t *n = yaml_document_get_node(&d->doc, index);

	if (!n)
		return NULL;
	if (d->seen[index - 1]) {
		ydoc_error(d, n, "không hỗ trợ bí danh YAML (alias '*'); hãy viết giá trị ra đầy đủ");
		return NULL;
	}
	d->seen[index - 1] = 1;
	return n;
}

static const char *type_name(const yaml_node_t *n)
{
	switch (n->type) {
	case YAML_SCALAR_NODE: return "một giá trị đơn";
	case YAML_SEQUENCE_NODE: return "một danh sách";
	case YAML_MAPPING_NODE: return "một bảng khóa";
	default: return "rỗng";
	}
}

static int is_null(const yaml_node_t *n)
{
	return n->type == YAML_SCALAR_NODE && n->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
	       (n->data.scalar.length == 0 || !strcmp((char *)n->data.scalar.value, "~") ||
		!strcmp((char *)n->data.scalar.value, "null"));
}

int ymap_begin(struct ydoc *d, yaml_node_t *node, const char *what, struct ymap *m)
{
	memset(m, 0, sizeof(*m));
	m->d = d;
	m->node = node;
	m->what = what;
	if (!node)
		return -1;
	if (node->type != YAML_MAPPING_NODE) {
		ydoc_error(d, node, "'%s' phải là một bảng khóa (key: value), không phải %s", what, type_name(node));
		m->node = NULL;
		return -1;
	}
	for (yaml_node_pair_t *p = node->data.mapping.pairs.start; p < node->data.mapping.pairs.top; p++) {
		yaml_node_t *k = yaml_document_get_node(&d->doc, p->key);

		if (!k || k->type != YAML_SCALAR_NODE) {
			if (k)
				ydoc_error(d, k, "khóa trong '%s' phải là một chuỗi", what);
			continue;
		}
		for (yaml_node_pair_t *q = node->data.mapping.pairs.start; q < p; q++) {
			yaml_node_t *k2 = yaml_document_get_node(&d->doc, q->key);
			if (k2 && k2->type == YAML_SCALAR_NODE && !strcmp((char *)k2->data.scalar.value, (char *)k->data.scalar.value)) {
				ydoc_error(d, k, "khóa '%s' lặp lại trong '%s' (đã có ở dòng %ld)",
					   (char *)k->data.scalar.value, what, ynode_line(k2));
				break;
			}
		}
	}
	return 0;
}

yaml_node_t *ymap_get(struct ymap *m, const char *key)
{
	int again = 0;

	for (int i = 0; i < m->nkeys; i++)
		if (!strcmp(m->asked[i], key))
			again = 1;
	if (!again && m->nkeys < YMAP_MAX_KEYS)
		m->asked[m->nkeys++] = key;
	if (!m->node)
		return NULL;
	for (yaml_node_pair_t *p = m->node->data.mapping.pairs.start; p < m->node->data.mapping.pairs.top; p++) {
		yaml_node_t *k = yaml_document_get_node(&m->d->doc, p->key);
		if (k && k->type == YAML_SCALAR_NODE && !strcmp((char *)k->data.scalar.value, key)) {
			/* Asking twice for one key is fine; reaching a node
			 * through a second key means an alias. */
			if (again)
				return yaml_document_get_node(&m->d->doc, p->value);
			return reach(m->d, p->value);
		}
	}
	return NULL;
}

int ymap_end(struct ymap *m)
{
	int unknown = 0;

	if (!m->node)
		return 0;
	for (yaml_node_pair_t *p = m->node->data.mapping.pairs.start; p < m->node->data.mapping.pairs.top; p++) {
		yaml_node_t *k = yaml_document_get_node(&m->d->doc, p->key);
		int known = 0;

		if (!k || k->type != YAML_SCALAR_NODE)
			continue;
		for (int i = 0; i < m->nkeys; i++)
			if (!strcmp(m->asked[i], (char *)k->data.scalar.value))
				known = 1;
		if (!known) {
			struct sbuf list = SBUF_INIT;
			for (int i = 0; i < m->nkeys; i++)
				sbuf_addf(&list, "%s%s", i ? ", " : "", m->asked[i]);
			ydoc_error(m->d, k, "khóa không xác định '%s' trong '%s' (các khóa hợp lệ: %s)",
				   (char *)k->data.scalar.value, m->what, list.buf);
			sbuf_release(&list);
			unknown++;
		}
	}
	return unknown;
}

/* Fetch key; reports a missing required key at the mapping's position. */
static yaml_node_t *need(struct ymap *m, const char *key, int required, int *rc)
{
	yaml_node_t *n = ymap_get(m, key);

	*rc = 0;
	if (!n || is_null(n)) {
		if (required && m->node)
			*rc = ydoc_error(m->d, n ? n : m->node, "thiếu '%s' trong '%s'", key, m->what);
		else
			*rc = 1;
		return NULL;
	}
	return n;
}

int ynode_str(struct ydoc *d, yaml_node_t *node, const char *what, char **out)
{
	size_t bad;
	char *s;

	if (node->type != YAML_SCALAR_NODE)
		return ydoc_error(d, node, "'%s' phải là một chuỗi, không phải %s", what, type_name(node));
	s = text_clean((const char *)node->data.scalar.value, node->data.scalar.length, &bad);
	if (!s)
		return ydoc_error(d, node, "'%s' không phải UTF-8 hợp lệ", what);
	*out = s;
	return 0;
}

int ynode_int(struct ydoc *d, yaml_node_t *node, const char *what, long min, long max, long *out)
{
	const char *s;
	char *end;
	long v;

	if (node->type != YAML_SCALAR_NODE)
		return ydoc_error(d, node, "'%s' phải là một số nguyên, không phải %s", what, type_name(node));
	s = (const char *)node->data.scalar.value;
	if (node->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return ydoc_error(d, node, "'%s' phải là một số nguyên viết không có ngoặc kép, không phải chuỗi \"%s\"", what, s);
	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || end == s || *end)
		return ydoc_error(d, node, "'%s' phải là một số nguyên, không phải '%s'", what, s);
	if (v < min || v > max)
		return ydoc_error(d, node, "'%s' phải trong khoảng %ld–%ld, không phải %ld", what, min, max, v);
	*out = v;
	return 0;
}

int ymap_str(struct ymap *m, const char *key, int required, char **out)
{
	int rc;
	yaml_node_t *n = need(m, key, required, &rc);

	if (!n)
		return rc;
	if (ynode_str(m->d, n, key, out) < 0)
		return -1;
	if (required && !**out) {
		free(*out);
		*out = NULL;
		return ydoc_error(m->d, n, "'%s' không được để trống", key);
	}
	return 0;
}

int ymap_int(struct ymap *m, const char *key, int required, long min, long max, long *out)
{
	int rc;
	yaml_node_t *n = need(m, key, required, &rc);

	if (!n)
		return rc;
	return ynode_int(m->d, n, key, min, max, out);
}

int ymap_bool(struct ymap *m, const char *key, int required, int *out)
{
	int rc;
	yaml_node_t *n = need(m, key, required, &rc);
	const char *s;

	if (!n)
		return rc;
	s = n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value : "";
	if (n->type == YAML_SCALAR_NODE && n->data.scalar.style == YAML_PLAIN_SCALAR_STYLE) {
		if (!strcmp(s, "true")) {
			*out = 1;
			return 0;
		}
		if (!strcmp(s, "false")) {
			*out = 0;
			return 0;
		}
	}
	return ydoc_error(m->d, n, "'%s' phải là true hoặc false", key);
}

int ymap_date(struct ymap *m, const char *key, int required, struct date *out)
{
	int rc;
	yaml_node_t *n = need(m, key, required, &rc);
	char err[128];

	if (!n)
		return rc;
	if (n->type != YAML_SCALAR_NODE)
		return ydoc_error(m->d, n, "'%s' phải là một ngày, không phải %s", key, type_name(n));
	if (date_parse((const char *)n->data.scalar.value, DATE_FULL, out, err, sizeof(err)) < 0)
		return ydoc_error(m->d, n, "'%s': %s: '%s'", key, err, (const char *)n->data.scalar.value);
	return 0;
}

int ymap_enum(struct ymap *m, const char *key, int required, const char *const *choices, char **out)
{
	int rc = ymap_str(m, key, required, out);
	struct sbuf list = SBUF_INIT;

	if (rc)
		return rc;
	for (int i = 0; choices[i]; i++)
		if (!strcmp(choices[i], *out))
			return 0;
	for (int i = 0; choices[i]; i++)
		sbuf_addf(&list, "%s%s", i ? ", " : "", choices[i]);
	ydoc_error(m->d, ymap_get(m, key), "'%s' không hợp lệ: '%s' (chọn một trong: %s)", key, *out, list.buf);
	sbuf_release(&list);
	free(*out);
	*out = NULL;
	return -1;
}

int yseq_begin(struct ydoc *d, yaml_node_t *node, const char *what)
{
	if (node->type != YAML_SEQUENCE_NODE)
		return ydoc_error(d, node, "'%s' phải là một danh sách, không phải %s", what, type_name(node));
	return 0;
}

int yseq_len(yaml_node_t *node)
{
	return (int)(node->data.sequence.items.top - node->data.sequence.items.start);
}

yaml_node_t *yseq_item(struct ydoc *d, yaml_node_t *node, int i)
{
	return reach(d, node->data.sequence.items.start[i]);
}

void strlist_free(char **list, int n)
{
	for (int i = 0; i < n; i++)
		free(list[i]);
	free(list);
}

int ymap_strlist(struct ymap *m, const char *key, int required, char ***out, int *n)
{
	int rc, len, bad = 0;
	yaml_node_t *node = need(m, key, required, &rc);
	char **list;

	*out = NULL;
	*n = 0;
	if (!node)
		return rc;
	if (yseq_begin(m->d, node, key) < 0)
		return -1;
	len = yseq_len(node);
	list = xcalloc((size_t)len + 1, sizeof(*list));
	for (int i = 0; i < len; i++) {
		yaml_node_t *item = yseq_item(m->d, node, i);
		if (!item || ynode_str(m->d, item, key, &list[i]) < 0)
			bad = 1;
	}
	if (bad) {
		strlist_free(list, len);
		return -1;
	}
	*out = list;
	*n = len;
	return 0;
}
