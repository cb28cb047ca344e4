/* config.c - loading term configs; see config.h and docs/config.md. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "config.h"
#include "diag.h"
#include "platform.h"
#include "sbuf.h"
#include "yamlcfg.h"
#include "banned.h"

static const char *const body_kinds[] = { "na", "hdnd", NULL };

char *path_relative_to(const char *base_file, const char *rel)
{
	const char *slash = platform_last_sep(base_file);
	struct sbuf sb = SBUF_INIT;

	if (platform_is_absolute(rel) || !slash)
		return xstrdup(rel);
	sbuf_add(&sb, base_file, (size_t)(slash - base_file) + 1);
	sbuf_addstr(&sb, rel);
	return sbuf_detach(&sb, NULL);
}

char *read_file(const char *path, size_t max, size_t *len)
{
	struct stat st;
	FILE *f;
	char *buf;
	size_t n;

	if (stat(path, &st) < 0) {
		error("không mở được tệp '%s': %s", path, sys_msg(errno));
		return NULL;
	}
	if (S_ISDIR(st.st_mode)) {
		error("'%s' là một thư mục, không phải tệp", path);
		return NULL;
	}
	if (!S_ISREG(st.st_mode)) {
		/* A FIFO or a device would block or never end. */
		error("'%s' không phải tệp thường", path);
		return NULL;
	}
	if ((size_t)st.st_size > max) {
		error("tệp '%s' quá lớn (%lld byte, tối đa %zu)", path, (long long)st.st_size, max);
		return NULL;
	}
	f = fopen(path, "rb");
	if (!f) {
		error("không mở được tệp '%s': %s", path, sys_msg(errno));
		return NULL;
	}
	buf = xmalloc((size_t)st.st_size + 1);
	n = fread(buf, 1, (size_t)st.st_size, f);
	if (ferror(f)) {
		error("không đọc được tệp '%s': %s", path, sys_msg(errno));
		fclose(f);
		free(buf);
		return NULL;
	}
	fclose(f);
	buf[n] = 0;
	if (len)
		*len = n;
	return buf;
}

static void set_pos(struct pos *p, struct ydoc *d, yaml_node_t *n)
{
	p->file = xstrdup(d->name);
	p->line = ynode_line(n);
	p->col = ynode_col(n);
}

/* The line of the j-th item of a sequence (for "đã có ở dòng N"). */
static long item_line(struct ydoc *d, yaml_node_t *seq, int j)
{
	return ynode_line(yaml_document_get_node(&d->doc, seq->data.sequence.items.start[j]));
}

static void release_levels(struct term_config *c)
{
	for (int i = 0; i < c->nlevels; i++) {
		free(c->levels[i].id);
		free(c->levels[i].name);
	}
	free(c->levels);
	c->levels = NULL;
	c->nlevels = 0;
}

static void release_types(struct term_config *c)
{
	for (int i = 0; i < c->ntypes; i++) {
		struct body_type *t = &c->types[i];
		free(t->id);
		free(t->kind);
		free(t->name);
		free(t->consulted_by);
		free(t->pos.file);
	}
	free(c->types);
	c->types = NULL;
	c->ntypes = 0;
}

static void release_deadlines(struct term_config *c)
{
	for (int i = 0; i < c->ndeadlines; i++) {
		struct deadline_def *d = &c->deadlines[i];
		free(d->key);
		free(d->label);
		free(d->citation);
		strlist_free(d->applies_to, d->napplies);
		free(d->pos.file);
	}
	free(c->deadlines);
	c->deadlines = NULL;
	c->ndeadlines = 0;
	free(c->deadlines_pos.file);
	memset(&c->deadlines_pos, 0, sizeof(c->deadlines_pos));
}

static void release_bodies(struct term_config *c)
{
	for (int i = 0; i < c->nbodies; i++) {
		struct body_def *b = &c->bodies[i];
		for (int j = 0; j < b->ncons; j++) {
			strlist_free(b->cons[j].area, b->cons[j].narea);
			free(b->cons[j].pos.file);
		}
		free(b->cons);
		free(b->type);
		free(b->name);
		free(b->khoa);
		free(b->pos.file);
	}
	free(c->bodies);
	c->bodies = NULL;
	c->nbodies = 0;
}

void config_release(struct term_config *c)
{
	free(c->path);
	free(c->text);
	free(c->base_path);
	free(c->base_text);
	free(c->title);
	free(c->term);
	free(c->na_khoa);
	release_levels(c);
	release_types(c);
	release_deadlines(c);
	free(c->rules_path);
	free(c->rules_pos.file);
	free(c->committee_level);
	free(c->level_pos.file);
	free(c->committee_name);
	free(c->committee_place);
	strlist_free(c->area, c->narea);
	release_bodies(c);
	memset(c, 0, sizeof(*c));
}

static void load_election(struct ydoc *d, yaml_node_t *n, struct term_config *c)
{
	struct ymap m;

	free(c->title);
	free(c->term);
	free(c->na_khoa);
	c->title = c->term = c->na_khoa = NULL;
	if (ymap_begin(d, n, "election", &m) < 0)
		return;
	ymap_str(&m, "title", Y_REQUIRED, &c->title);
	ymap_str(&m, "term", Y_REQUIRED, &c->term);
	ymap_str(&m, "na_khoa", Y_OPTIONAL, &c->na_khoa);
	ymap_date(&m, "day", Y_REQUIRED, &c->day);
	ymap_end(&m);
}

static void load_levels(struct ydoc *d, yaml_node_t *n, struct term_config *c)
{
	int len;

	release_levels(c);
	if (yseq_begin(d, n, "committee_levels") < 0)
		return;
	len = yseq_len(n);
	c->levels = xcalloc((size_t)len, sizeof(*c->levels));
	for (int i = 0; i < len; i++) {
		yaml_node_t *item = yseq_item(d, n, i);
		struct ymap m;

		c->nlevels++;
		if (!item || ymap_begin(d, item, "committee_levels[]", &m) < 0)
			continue;
		ymap_str(&m, "id", Y_REQUIRED, &c->levels[i].id);
		ymap_str(&m, "name", Y_REQUIRED, &c->levels[i].name);
		ymap_end(&m);
		for (int j = 0; j < i; j++)
			if (c->levels[i].id && c->levels[j].id && !strcmp(c->levels[i].id, c->levels[j].id)) {
				ydoc_error(d, item, "cấp '%s' khai báo hai lần (đã có ở dòng %ld)", c->levels[i].id,
					   item_line(d, n, j));
				break;
			}
	}
}

static void load_types(struct ydoc *d, yaml_node_t *n, struct term_config *c)
{
	int len;

	release_types(c);
	if (yseq_begin(d, n, "body_types") < 0)
		return;
	len = yseq_len(n);
	c->types = xcalloc((size_t)len, sizeof(*c->types));
	for (int i = 0; i < len; i++) {
		yaml_node_t *item = yseq_item(d, n, i);
		struct body_type *t = &c->types[i];
		struct ymap m;

		c->ntypes++;
		if (!item || ymap_begin(d, item, "body_types[]", &m) < 0)
			continue;
		set_pos(&t->pos, d, item);
		ymap_str(&m, "id", Y_REQUIRED, &t->id);
		ymap_enum(&m, "kind", Y_REQUIRED, body_kinds, &t->kind);
		ymap_str(&m, "name", Y_REQUIRED, &t->name);
		ymap_str(&m, "consulted_by", Y_REQUIRED, &t->consulted_by);
		ymap_end(&m);
		for (int j = 0; j < i; j++)
			if (t->id && c->types[j].id && !strcmp(t->id, c->types[j].id)) {
				ydoc_error(d, item, "loại cơ quan '%s' khai báo hai lần (đã có ở dòng %ld)", t->id,
					   item_line(d, n, j));
				break;
			}
	}
}

static void load_deadlines(struct ydoc *d, yaml_node_t *n, struct term_config *c)
{
	int len;

	release_deadlines(c);
	set_pos(&c->deadlines_pos, d, n);
	if (yseq_begin(d, n, "deadlines") < 0)
		return;
	len = yseq_len(n);
	c->deadlines = xcalloc((size_t)len, sizeof(*c->deadlines));
	for (int i = 0; i < len; i++) {
		yaml_node_t *item = yseq_item(d, n, i), *w;
		struct deadline_def *dl = &c->deadlines[i];
		struct ymap m;

		c->ndeadlines++;
		if (!item || ymap_begin(d, item, "deadlines[]", &m) < 0)
			continue;
		set_pos(&dl->pos, d, item);
		ymap_str(&m, "key", Y_REQUIRED, &dl->key);
		ymap_int(&m, "days", Y_REQUIRED, 0, 365, &dl->days);
		ymap_str(&m, "label", Y_REQUIRED, &dl->label);
		ymap_str(&m, "citation", Y_REQUIRED, &dl->citation);
		if (ymap_strlist(&m, "applies_to", Y_OPTIONAL, &dl->applies_to, &dl->napplies) == 0) {
			if (dl->napplies == 0)
				ydoc_error(d, ymap_get(&m, "applies_to"),
					   "'applies_to' trong 'deadlines[]' không được rỗng (bỏ khóa này nếu áp dụng cho cả na và hdnd)");
			for (int j = 0; j < dl->napplies; j++)
				if (strcmp(dl->applies_to[j], "na") && strcmp(dl->applies_to[j], "hdnd"))
					ydoc_error(d, ymap_get(&m, "applies_to"),
						   "'applies_to' chỉ nhận na hoặc hdnd, không phải '%s'", dl->applies_to[j]);
		}
		if ((w = ymap_get(&m, "window"))) {
			struct ymap wm;
			if (ymap_begin(d, w, "window", &wm) == 0) {
				/* Read both, so that a bad 'from' leaves 'to' known. */
				int from_ok = ymap_date(&wm, "from", Y_REQUIRED, &dl->from) == 0;
				int to_ok = ymap_date(&wm, "to", Y_REQUIRED, &dl->to) == 0;

				if (from_ok && to_ok) {
					char a[16], b[16];

					dl->has_window = 1;
					date_vn(dl->from, a, sizeof(a));
					date_vn(dl->to, b, sizeof(b));
					if (date_cmp(dl->from, dl->to) > 0)
						ydoc_error(d, w, "'window': ngày bắt đầu %s sau ngày kết thúc %s", a, b);
				}
				ymap_end(&wm);
			}
		}
		ymap_end(&m);
		for (int j = 0; j < i; j++)
			if (dl->key && c->deadlines[j].key && !strcmp(dl->key, c->deadlines[j].key)) {
				ydoc_error(d, item, "thời hạn '%s' khai báo hai lần (đã có ở dòng %ld)", dl->key,
					   item_line(d, n, j));
				break;
			}
	}
}

static void load_committee(struct ydoc *d, yaml_node_t *n, struct term_config *c)
{
	struct ymap m;

	free(c->committee_level);
	free(c->committee_name);
	free(c->committee_place);
	free(c->level_pos.file);
	strlist_free(c->area, c->narea);
	c->committee_level = c->committee_name = c->committee_place = NULL;
	c->area = NULL;
	c->narea = 0;
	memset(&c->level_pos, 0, sizeof(c->level_pos));
	if (ymap_begin(d, n, "committee", &m) < 0)
		return;
	if (ymap_str(&m, "level", Y_REQUIRED, &c->committee_level) == 0)
		set_pos(&c->level_pos, d, ymap_get(&m, "level"));
	ymap_str(&m, "name", Y_REQUIRED, &c->committee_name);
	ymap_str(&m, "place", Y_REQUIRED, &c->committee_place);
	ymap_strlist(&m, "area", Y_OPTIONAL, &c->area, &c->narea);
	ymap_end(&m);
}

static void load_constituencies(struct ydoc *d, yaml_node_t *n, struct body_def *b)
{
	int len, *first = NULL;
	long nfirst = 0;

	if (yseq_begin(d, n, "constituencies") < 0)
		return;
	len = yseq_len(n);
	b->cons = xcalloc((size_t)len, sizeof(*b->cons));
	for (int i = 0; i < len; i++) {
		yaml_node_t *item = yseq_item(d, n, i);
		struct constituency_def *k = &b->cons[i];
		struct ymap m;

		b->ncons++;
		if (!item || ymap_begin(d, item, "constituencies[]", &m) < 0)
			continue;
		set_pos(&k->pos, d, item);
		ymap_int(&m, "number", Y_REQUIRED, 1, CONFIG_MAX_COUNT, &k->number);
		ymap_int(&m, "seats", Y_REQUIRED, 1, 1000, &k->seats);
		ymap_strlist(&m, "area", Y_REQUIRED, &k->area, &k->narea);
		ymap_end(&m);
		if (k->number > 0 && k->number <= CONFIG_MAX_COUNT) {
			/* first[number] = 1 + index of its first declaration: linear, a national roll-up has 83,000 */
			if (k->number >= nfirst) {
				long grow = k->number + 1 > 2 * nfirst ? k->number + 1 : 2 * nfirst;

				first = xrealloc(first, (size_t)grow * sizeof(*first));
				memset(first + nfirst, 0, (size_t)(grow - nfirst) * sizeof(*first));
				nfirst = grow;
			}
			if (first[k->number])
				ydoc_error(d, item, "đơn vị bầu cử số %ld khai báo hai lần (đã có ở dòng %ld)", k->number,
					   item_line(d, n, first[k->number] - 1));
			else
				first[k->number] = i + 1;
		}
	}
	free(first);
}

static void load_bodies(struct ydoc *d, yaml_node_t *n, struct term_config *c)
{
	int len;

	release_bodies(c);
	if (yseq_begin(d, n, "bodies") < 0)
		return;
	len = yseq_len(n);
	c->bodies = xcalloc((size_t)len, sizeof(*c->bodies));
	for (int i = 0; i < len; i++) {
		yaml_node_t *item = yseq_item(d, n, i), *cn;
		struct body_def *b = &c->bodies[i];
		struct ymap m;

		c->nbodies++;
		if (!item || ymap_begin(d, item, "bodies[]", &m) < 0)
			continue;
		set_pos(&b->pos, d, item);
		ymap_str(&m, "type", Y_REQUIRED, &b->type);
		ymap_str(&m, "name", Y_REQUIRED, &b->name);
		ymap_str(&m, "khoa", Y_OPTIONAL, &b->khoa);
		ymap_int(&m, "seats", Y_REQUIRED, 1, CONFIG_MAX_COUNT, &b->seats);
		if ((cn = ymap_get(&m, "constituencies")))
			load_constituencies(d, cn, b);
		else
			ydoc_error(d, item, "thiếu 'constituencies' trong 'bodies[]'");
		ymap_end(&m);
		for (int j = 0; j < i; j++)
			if (b->type && c->bodies[j].type && !strcmp(b->type, c->bodies[j].type)) {
				ydoc_error(d, item, "cơ quan loại '%s' khai báo hai lần (đã có ở dòng %ld)", b->type,
					   item_line(d, n, j));
				break;
			}
	}
}

/* Read the sections present in one file; later files replace earlier ones. */
static void load_sections(struct ydoc *d, struct ymap *m, struct term_config *c)
{
	yaml_node_t *n;
	char *rules = NULL;

	if ((n = ymap_get(m, "election")))
		load_election(d, n, c);
	if ((n = ymap_get(m, "committee_levels")))
		load_levels(d, n, c);
	if ((n = ymap_get(m, "body_types")))
		load_types(d, n, c);
	if ((n = ymap_get(m, "deadlines")))
		load_deadlines(d, n, c);
	if (ymap_str(m, "rules", Y_OPTIONAL, &rules) == 0) {
		free(c->rules_path);
		free(c->rules_pos.file);
		c->rules_path = path_relative_to(d->name, rules);
		set_pos(&c->rules_pos, d, ymap_get(m, "rules"));
		free(rules);
	}
	if ((n = ymap_get(m, "committee")))
		load_committee(d, n, c);
	if ((n = ymap_get(m, "bodies")))
		load_bodies(d, n, c);
}

const struct body_type *config_body_type(const struct term_config *c, const char *id)
{
	for (int i = 0; i < c->ntypes; i++)
		if (c->types[i].id && !strcmp(c->types[i].id, id))
			return &c->types[i];
	return NULL;
}

const struct deadline_def *config_deadline(const struct term_config *c, const char *key)
{
	for (int i = 0; i < c->ndeadlines; i++)
		if (c->deadlines[i].key && !strcmp(c->deadlines[i].key, key))
			return &c->deadlines[i];
	return NULL;
}

static int has_level(const struct term_config *c, const char *id)
{
	return config_level_index(c, id) >= 0;
}

int config_level_index(const struct term_config *c, const char *id)
{
	for (int i = 0; id && i < c->nlevels; i++)
		if (c->levels[i].id && !strcmp(c->levels[i].id, id))
			return i;
	return -1;
}

/* Does any body type of the term name `level` as its consulting level? */
static int level_consults(const struct term_config *c, const char *level)
{
	for (int i = 0; level && i < c->ntypes; i++)
		if (c->types[i].consulted_by && !strcmp(c->types[i].consulted_by, level))
			return 1;
	return 0;
}

/* Cross-references between sections, checked once everything is read. */
static int check_refs(struct term_config *c, const char *top)
{
	int nerr = 0, level_ok = 1;
	static const char *const required[] = { "election", "committee_levels", "body_types",
						"deadlines", "rules", "committee", "bodies" };
	/* A level no body type is consulted by (the central committee, which
	 * only reads the roll-up) keeps a book without bodies. */
	const int bodiless = c->committee_level && c->types && !level_consults(c, c->committee_level);
	const int present[] = { c->term != NULL || c->title != NULL, c->levels != NULL, c->types != NULL,
				c->deadlines != NULL, c->rules_path != NULL,
				c->committee_level != NULL || c->committee_name != NULL, c->bodies != NULL || bodiless };

	for (size_t i = 0; i < sizeof(required) / sizeof(required[0]); i++)
		if (!present[i])
			nerr += error_at(top, 0, 0, "thiếu phần '%s' (trong tệp này hoặc trong tệp 'term')",
					 required[i]) < 0;
	if (c->bodies && c->nbodies == 0 && !bodiless)
		nerr += error_at(top, 0, 0, "'bodies' phải có ít nhất một cơ quan") < 0;
	for (int i = 0; i < c->ntypes; i++) {
		struct body_type *t = &c->types[i];
		if (t->consulted_by && !has_level(c, t->consulted_by))
			nerr += error_at(t->pos.file, t->pos.line, t->pos.col,
					 "loại cơ quan '%s': cấp hiệp thương '%s' không có trong 'committee_levels'",
					 t->id, t->consulted_by) < 0;
	}
	if (c->committee_level && c->levels && !has_level(c, c->committee_level)) {
		struct sbuf ids = SBUF_INIT;
		for (int i = 0; i < c->nlevels; i++)
			sbuf_addf(&ids, "%s%s", i ? ", " : "", c->levels[i].id ? c->levels[i].id : "?");
		nerr += error_at(c->level_pos.file, c->level_pos.line, c->level_pos.col,
				 "'committee.level': cấp '%s' không có trong 'committee_levels' của nhiệm kỳ (có: %s)",
				 c->committee_level, ids.buf) < 0;
		sbuf_release(&ids);
		level_ok = 0;
	}
	for (int i = 0; i < c->nbodies; i++) {
		struct body_def *b = &c->bodies[i];
		const struct body_type *t;

		if (!b->type || !c->types)
			continue;
		t = config_body_type(c, b->type);
		if (!t) {
			struct sbuf ids = SBUF_INIT;
			for (int j = 0; j < c->ntypes; j++)
				sbuf_addf(&ids, "%s%s", j ? ", " : "", c->types[j].id ? c->types[j].id : "?");
			nerr += error_at(b->pos.file, b->pos.line, b->pos.col,
					 "loại cơ quan '%s' không có trong nhiệm kỳ này (có: %s)", b->type, ids.buf) < 0;
			sbuf_release(&ids);
		} else if (level_ok && c->committee_level && t->consulted_by && strcmp(t->consulted_by, c->committee_level)) {
			nerr += error_at(b->pos.file, b->pos.line, b->pos.col,
					 "Ủy ban Mặt trận cấp '%s' không hiệp thương cho '%s' (do cấp '%s' hiệp thương)",
					 c->committee_level, t->name, t->consulted_by) < 0;
		}
		if (b->cons && b->ncons == 0)
			nerr += error_at(b->pos.file, b->pos.line, b->pos.col,
					 "cơ quan '%s' chưa có đơn vị bầu cử nào", b->name ? b->name : b->type) < 0;
	}
	return nerr ? -1 : 0;
}

static int load_top(struct ydoc *top, const char *path, const char *base_text, struct term_config *c);

int config_load(const char *path, struct term_config *c)
{
	struct ydoc top;

	memset(c, 0, sizeof(*c));
	c->path = xstrdup(path);
	if (ydoc_load_file(&top, path, CONFIG_MAX_BYTES) < 0) {
		ydoc_release(&top);
		return -1;
	}
	return load_top(&top, path, NULL, c);
}

int config_load_mem(const char *name, const char *text, size_t len, struct term_config *c)
{
	struct ydoc top;

	memset(c, 0, sizeof(*c));
	c->path = xstrdup(name);
	if (len > CONFIG_MAX_BYTES) {
		error("tệp '%s' quá lớn (%zu byte, tối đa %u)", name, len, CONFIG_MAX_BYTES);
		return -1;
	}
	if (len == 0) {
		error_at(name, 0, 0, "tệp rỗng");
		return -1;
	}
	if (ydoc_load_mem(&top, name, text, len) < 0) {
		ydoc_release(&top);
		return -1;
	}
	return load_top(&top, name, NULL, c);
}

int config_load_stored(const char *name, const char *text, const char *base_text, struct term_config *c)
{
	struct ydoc top;

	memset(c, 0, sizeof(*c));
	c->path = xstrdup(name);
	if (ydoc_load_mem(&top, name, text, strlen(text)) < 0) {
		ydoc_release(&top);
		return -1;
	}
	return load_top(&top, name, base_text ? base_text : "", c);
}

/* The rest of a load, once the file itself is parsed; releases top.  The
 * `term:` preset is read from base_text when it is given, else from disk. */
static int load_top(struct ydoc *top_doc, const char *path, const char *base_text, struct term_config *c)
{
	struct ydoc top = *top_doc, base;
	struct ymap m, bm;
	char *term = NULL;
	int rc = -1, nerr = 0;

	memset(&base, 0, sizeof(base));
	c->text = xstrdup(top.text);
	if (ymap_begin(&top, ydoc_root(&top), "(gốc)", &m) < 0)
		goto out;
	if (ymap_str(&m, "term", Y_OPTIONAL, &term) == 0) {
		c->base_path = path_relative_to(path, term);
		if (base_text ? ydoc_load_mem(&base, c->base_path, base_text, strlen(base_text)) < 0
			      : ydoc_load_file(&base, c->base_path, CONFIG_MAX_BYTES) < 0) {
			note("'term' ở %s:%ld:%ld trỏ tới tệp trên", path, ynode_line(ymap_get(&m, "term")),
			     ynode_col(ymap_get(&m, "term")));
			nerr++;
		} else {
			c->base_text = xstrdup(base.text);
			if (ymap_begin(&base, ydoc_root(&base), "(gốc)", &bm) == 0) {
				if (ymap_get(&bm, "term"))
					ydoc_error(&base, ymap_get(&bm, "term"),
						   "tệp nhiệm kỳ không được trỏ tiếp tới một tệp 'term' khác");
				load_sections(&base, &bm, c);
				ymap_end(&bm);
			}
			nerr += base.nerr;
		}
	}
	load_sections(&top, &m, c);
	ymap_end(&m);
	nerr += top.nerr;
	if (nerr == 0 && check_refs(c, path) < 0)
		nerr++;
	rc = nerr ? -1 : 0;
out:
	free(term);
	ydoc_release(&base);
	ydoc_release(&top);
	return rc;
}
