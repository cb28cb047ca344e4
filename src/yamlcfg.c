/*
 * yamlcfg.c - strict YAML reading; see yamlcfg.h.
 *
 * Aliases and tags are refused by a pass over libyaml's events before the
 * document is built, where each one's position is still known.  The walk
 * also notices a node reached twice (which only an alias could cause), as
 * a second guard: in a document without aliases every node has exactly
 * one parent.  Either way "billion laughs" input is harmless.
 */
#include <errno.h>
#include <stdint.h>
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

/* Turn a byte offset into a 1-based line and column (in characters, as
 * libyaml and editors count them: a leading BOM is not a column). */
static void offset_to_linecol(const char *text, size_t off, long *line, long *col)
{
	size_t i = 0;

	*line = 1;
	*col = 1;
	if (off >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3))
		i = 3;
	for (; i < off; i++) {
		unsigned char c = (unsigned char)text[i];
		if (c == '\n') {
			(*line)++;
			*col = 1;
		} else if ((c & 0xC0) != 0x80) {
			(*col)++;
		}
	}
}

/*
 * Refuse the characters libyaml refuses (C0 controls but TAB, LF and CR;
 * DEL; the C1 controls, whose U+0085 libyaml would even take for a line
 * break; U+FFFE and U+FFFF), here, where their line and column are known:
 * libyaml reports them without a position.
 */
static int find_control(struct ydoc *d)
{
	size_t i = 0;

	while (i < d->len) {
		size_t at = i;
		uint32_t c = text_utf8_next(d->text, d->len, &i);
		long line, col;

		if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F) ||
		    c == 0xFFFE || c == 0xFFFF) {
			offset_to_linecol(d->text, at, &line, &col);
			error_at(d->name, line, col, "tệp chứa ký tự %s U+%04X; hãy xóa ký tự này",
				 c < 0xA0 ? "điều khiển" : "không hợp lệ", (unsigned)c);
			d->nerr++;
			return -1;
		}
	}
	return 0;
}

/* libyaml's messages, for clerks who do not read English or YAML's spec. */
static const struct {
	const char *en, *vi;
} problems[] = {
	{ "did not find expected key", "thiếu khóa, hoặc thụt lề không thẳng hàng với các dòng trên" },
	{ "mapping values are not allowed in this context",
	  "dấu ':' không đúng chỗ (thụt lề sai, hoặc giá trị có ': ' cần đặt trong ngoặc kép)" },
	{ "did not find expected ',' or ']'", "thiếu ',' hoặc ']'" },
	{ "did not find expected ',' or '}'", "thiếu ',' hoặc '}'" },
	{ "did not find expected node content", "thiếu giá trị" },
	{ "found unexpected end of stream", "tệp kết thúc giữa chừng (thiếu dấu ngoặc kép đóng?)" },
	{ "found a tab character that violates indentation", "thụt lề bằng TAB; YAML chỉ thụt lề bằng dấu cách" },
	{ "found a tab character where an indentation space is expected",
	  "thụt lề bằng TAB; YAML chỉ thụt lề bằng dấu cách" },
	{ "block sequence entries are not allowed in this context", "mục danh sách '-' không đúng chỗ (thụt lề sai?)" },
	{ "did not find expected '-' indicator", "thiếu dấu '-' của mục danh sách, hoặc thụt lề sai" },
	{ "could not find expected ':'", "thiếu dấu ':' sau khóa" },
	{ "found unknown escape character",
	  "dấu '\\' không hợp lệ trong chuỗi ngoặc kép (viết '\\\\', hoặc dùng ngoặc đơn)" },
	{ "found unexpected document indicator", "dấu '---' hoặc '...' không đúng chỗ" },
	{ "did not find expected <document start>", "có nội dung sau dấu kết thúc tài liệu '...'" },
	{ "found unexpected ':'", "dấu ':' không đúng chỗ" },
	{ "mapping keys are not allowed in this context", "khóa không đúng chỗ (thụt lề sai?)" },
	{ "found undefined tag handle", "thẻ YAML không xác định" },
	{ "found invalid Unicode character escape code",
	  "mã Unicode không hợp lệ sau '\\u' hoặc '\\U' trong chuỗi ngoặc kép" },
};

static const struct {
	const char *en, *vi;
} contexts[] = {
	{ "while parsing a flow sequence", "danh sách [...]" },
	{ "while parsing a flow mapping", "bảng khóa {...}" },
	{ "while parsing a block mapping", "bảng khóa" },
	{ "while parsing a block collection", "danh sách" },
	{ "while scanning a quoted scalar", "chuỗi trong ngoặc kép" },
	{ "while scanning a simple key", "khóa" },
	{ "while scanning a block scalar", "khối văn bản" },
	{ "while scanning a plain scalar", "giá trị" },
};

/* The first byte of the character at a 1-based line and column, or NUL. */
static unsigned char char_at(const struct ydoc *d, long line, long col)
{
	size_t i = d->len >= 3 && !memcmp(d->text, "\xEF\xBB\xBF", 3) ? 3 : 0;
	long l = 1, c = 1;

	while (i < d->len && (l < line || (l == line && c < col))) {
		if (d->text[i++] == '\n') {
			l++;
			c = 1;
			continue;
		}
		c++;
		while (i < d->len && ((unsigned char)d->text[i] & 0xC0) == 0x80)
			i++;
	}
	return i < d->len && l == line && c == col ? (unsigned char)d->text[i] : 0;
}

static void syntax_error(struct ydoc *d, const yaml_parser_t *p)
{
	const char *problem = p->problem ? p->problem : "?", *ctx = NULL;
	long line = (long)p->problem_mark.line + 1, col = (long)p->problem_mark.column + 1;
	struct sbuf where = SBUF_INIT;

	if (p->error == YAML_READER_ERROR)
		offset_to_linecol(d->text, p->problem_offset < d->len ? p->problem_offset : d->len, &line, &col);
	for (size_t i = 0; i < sizeof(problems) / sizeof(problems[0]); i++)
		if (!strcmp(problem, problems[i].en))
			problem = problems[i].vi;
	if (!strcmp(problem, "found character that cannot start any token")) {
		unsigned char c = char_at(d, line, col);
		if (c == '\t')
			problem = "thụt lề bằng TAB; YAML chỉ thụt lề bằng dấu cách";
		else if (c == '@' || c == '`')
			problem = c == '@' ? "ký tự '@' không được mở đầu một giá trị; hãy đặt giá trị trong ngoặc kép"
					   : "ký tự '`' không được mở đầu một giá trị; hãy đặt giá trị trong ngoặc kép";
		else
			problem = "ký tự không được mở đầu một giá trị; hãy đặt giá trị trong ngoặc kép";
	}
	for (size_t i = 0; p->context && i < sizeof(contexts) / sizeof(contexts[0]); i++)
		if (!strcmp(p->context, contexts[i].en))
			ctx = contexts[i].vi;
	/* Where the unfinished construct began, when that is elsewhere. */
	if (ctx && (p->context_mark.line != p->problem_mark.line || p->context_mark.column != p->problem_mark.column))
		sbuf_addf(&where, " (%s bắt đầu ở dòng %ld, cột %ld)", ctx, (long)p->context_mark.line + 1,
			  (long)p->context_mark.column + 1);
	error_at(d->name, line, col, "lỗi cú pháp YAML: %s%s", problem, where.len ? where.buf : "");
	sbuf_release(&where);
	d->nerr++;
}

static void refuse_tag(struct ydoc *d, const yaml_event_t *ev, const yaml_char_t *tag)
{
	const char *t = (const char *)tag;

	/* libyaml expands "!!int" to its full URI; show it as written. */
	if (!strncmp(t, "tag:yaml.org,2002:", 18)) {
		error_at(d->name, (long)ev->start_mark.line + 1, (long)ev->start_mark.column + 1,
			 "không hỗ trợ thẻ YAML ('!!%s'); hãy bỏ thẻ", t + 18);
	} else {
		error_at(d->name, (long)ev->start_mark.line + 1, (long)ev->start_mark.column + 1,
			 "không hỗ trợ thẻ YAML ('%s'); hãy bỏ thẻ", t);
	}
	d->nerr++;
}

/* The deepest nesting accepted; hiepthuong's own files need five levels. */
#define YAML_MAX_DEPTH 64

/*
 * One pass over libyaml's events before the document is built: syntax
 * errors, a second document, nesting deeper than YAML_MAX_DEPTH (libyaml
 * has no limit and its scanner slows down with the square of the depth:
 * 200,000 '[' took two minutes), and every alias and tag, each at the place
 * it is written (the document API shares an aliased node and forgets
 * where the alias was, and drops the difference between a tag written
 * and one implied).
 */
static int scan_events(struct ydoc *d)
{
	yaml_parser_t parser;
	yaml_event_t ev;
	int ndocs = 0, nerr = d->nerr, done = 0, depth = 0;

	if (!yaml_parser_initialize(&parser))
		return bug("yaml_parser_initialize failed");
	yaml_parser_set_input_string(&parser, (const unsigned char *)d->text, d->len);
	while (!done) {
		if (!yaml_parser_parse(&parser, &ev)) {
			syntax_error(d, &parser);
			break;
		}
		switch (ev.type) {
		case YAML_DOCUMENT_START_EVENT:
			if (++ndocs == 2) {
				error_at(d->name, (long)ev.start_mark.line + 1, (long)ev.start_mark.column + 1,
					 "tệp chỉ được chứa một tài liệu YAML");
				d->nerr++;
				done = 1;
			}
			break;
		case YAML_ALIAS_EVENT:
			error_at(d->name, (long)ev.start_mark.line + 1, (long)ev.start_mark.column + 1,
				 "không hỗ trợ bí danh YAML ('*%s'); hãy viết giá trị ra đầy đủ",
				 (const char *)ev.data.alias.anchor);
			d->nerr++;
			break;
		case YAML_SCALAR_EVENT:
			if (ev.data.scalar.tag)
				refuse_tag(d, &ev, ev.data.scalar.tag);
			break;
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT:
			if (ev.type == YAML_SEQUENCE_START_EVENT ? ev.data.sequence_start.tag != NULL
								 : ev.data.mapping_start.tag != NULL)
				refuse_tag(d, &ev, ev.type == YAML_SEQUENCE_START_EVENT ? ev.data.sequence_start.tag
											 : ev.data.mapping_start.tag);
			if (++depth > YAML_MAX_DEPTH) {
				error_at(d->name, (long)ev.start_mark.line + 1, (long)ev.start_mark.column + 1,
					 "lồng nhau quá sâu (hơn %d tầng)", YAML_MAX_DEPTH);
				d->nerr++;
				done = 1;
			}
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			depth--;
			break;
		case YAML_STREAM_END_EVENT:
			done = 1;
			break;
		default:
			break;
		}
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&parser);
	return d->nerr > nerr ? -1 : 0;
}

static int parse(struct ydoc *d)
{
	yaml_parser_t parser;
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
	if (find_control(d) < 0 || scan_events(d) < 0)
		return -1;
	if (!yaml_parser_initialize(&parser))
		return bug("yaml_parser_initialize failed");
	yaml_parser_set_input_string(&parser, (const unsigned char *)d->text, d->len);
	if (!yaml_parser_load(&parser, &d->doc)) {
		syntax_error(d, &parser);
		goto out;
	}
	d->loaded = 1;
	if (!yaml_document_get_root_node(&d->doc)) {
		error_at(d->name, 1, 1, "tệp rỗng");
		d->nerr++;
		goto out;
	}
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
		return error("không mở được tệp '%s': %s", path, sys_msg(errno));
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
		return error("không mở được tệp '%s': %s", path, sys_msg(errno));
	}
	d->text = xmalloc((size_t)st.st_size + 1);
	n = fread(d->text, 1, (size_t)st.st_size, f);
	if (ferror(f)) {
		fclose(f);
		d->nerr++;
		return error("không đọc được tệp '%s': %s", path, sys_msg(errno));
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

static int is_null(const yaml_node_t *n)
{
	return n->type == YAML_SCALAR_NODE && n->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
	       (n->data.scalar.length == 0 || !strcmp((char *)n->data.scalar.value, "~") ||
		!strcmp((char *)n->data.scalar.value, "null"));
}

static const char *type_name(const yaml_node_t *n)
{
	if (is_null(n))
		return "giá trị rỗng";
	switch (n->type) {
	case YAML_SCALAR_NODE: return "một giá trị đơn";
	case YAML_SEQUENCE_NODE: return "một danh sách";
	case YAML_MAPPING_NODE: return "một bảng khóa";
	default: return "rỗng";
	}
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
			if (m->nkeys)
				ydoc_error(m->d, k, "khóa không xác định '%s' trong '%s' (các khóa hợp lệ: %s)",
					   (char *)k->data.scalar.value, m->what, list.buf);
			else
				ydoc_error(m->d, k, "khóa không xác định '%s' trong '%s' ('%s' không nhận khóa nào)",
					   (char *)k->data.scalar.value, m->what, m->what);
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
		if (required && n)
			*rc = ydoc_error(m->d, n, "'%s' trong '%s' không được để trống", key, m->what);
		else if (required && m->node)
			*rc = ydoc_error(m->d, m->node, "thiếu '%s' trong '%s'", key, m->what);
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
	if (node->data.scalar.length > YAML_MAX_STRING)
		return ydoc_error(d, node, "'%s' quá dài (%zu byte; một giá trị tối đa %d byte)", what,
				  node->data.scalar.length, YAML_MAX_STRING);
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
	if (required && !(*out)[strspn(*out, " \t\n")]) {
		free(*out);
		*out = NULL;
		return ydoc_error(m->d, n, "'%s' trong '%s' không được để trống", key, m->what);
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
	if (required && len == 0)
		return ydoc_error(m->d, node, "'%s' trong '%s' cần ít nhất một mục", key, m->what);
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
