/*
 * template_check.c - what a loaded template refers to: fields of its
 * dataset, conditions, and where templates are found.  See template.h.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "conference.h"
#include "diag.h"
#include "fill.h"
#include "sbuf.h"
#include "template.h"
#include "banned.h"

#ifndef HT_TEMPLATES_DIR
#define HT_TEMPLATES_DIR "/usr/local/share/hiepthuong/templates"
#endif

struct check {
	const struct template *t;
	int (*known)(void *arg, const char *name);
	void *arg;
	long line, col;
	int nerr;
};

static void check_name(const char *name, void *arg)
{
	struct check *c = arg;

	if (!strcmp(name, "#") || c->known(c->arg, name))
		return;
	error_at(c->t->path, c->line, c->col, "trường '%s' không có trong dữ liệu '%s' của mẫu", name,
		 c->t->dataset);
	c->nerr++;
}

static void check_text(struct check *c, const char *text, long line, long col)
{
	char err[160];

	c->line = line;
	c->col = col;
	if (text)
		fill_check(text, check_name, c, err, sizeof(err));
}

/* A condition names a field before any '='. */
static void check_cond(struct check *c, const char *cond, long line, long col)
{
	char name[64];
	size_t n;

	if (!cond)
		return;
	n = strcspn(cond, "=");
	if (n >= sizeof(name))
		n = sizeof(name) - 1;
	memcpy(name, cond, n);
	name[n] = 0;
	c->line = line;
	c->col = col;
	check_name(name, c);
}

static void check_table_name(struct check *c, const char *rows, long line, long col)
{
	struct sbuf s = SBUF_INIT;

	if (!rows)
		return;
	sbuf_addf(&s, "@%s", rows);
	if (!c->known(c->arg, s.buf)) {
		error_at(c->t->path, line, col, "bảng '%s' không có trong dữ liệu '%s' của mẫu", rows, c->t->dataset);
		c->nerr++;
	}
	sbuf_release(&s);
}

static void check_blocks(struct check *c, const struct tpl_block *b, int n)
{
	for (int i = 0; i < n; i++) {
		check_cond(c, b[i].when, b[i].line, b[i].col);
		check_cond(c, b[i].unless, b[i].line, b[i].col);
		for (int k = 0; k < b[i].nlines; k++)
			check_text(c, b[i].lines[k].text, b[i].lines[k].line, b[i].lines[k].col);
		for (int k = 0; k < b[i].nleft; k++)
			check_text(c, b[i].left[k].text, b[i].left[k].line, b[i].left[k].col);
		for (int k = 0; k < b[i].nright; k++)
			check_text(c, b[i].right[k].text, b[i].right[k].line, b[i].right[k].col);
		if (b[i].continued)
			check_text(c, b[i].continued->text, b[i].continued->line, b[i].continued->col);
		check_table_name(c, b[i].rows, b[i].line, b[i].col);
		if (b[i].match)
			check_cond(c, b[i].match, b[i].line, b[i].col);
		for (int k = 0; k < b[i].ncols; k++) {
			check_text(c, b[i].cols[k].head, b[i].cols[k].line, b[i].cols[k].col);
			check_cond(c, b[i].cols[k].field, b[i].cols[k].line, b[i].cols[k].col);
		}
		check_blocks(c, b[i].body, b[i].nbody);
		check_blocks(c, b[i].empty, b[i].nempty);
	}
}

int template_check_fields(const struct template *t, int (*known)(void *arg, const char *name), void *arg)
{
	struct check c = { t, known, arg, 0, 0, 0 };

	check_text(&c, t->file, 0, 0);
	for (int i = 0; i < t->nselect; i++)
		check_cond(&c, t->select[i], 0, 0);
	if (t->nmeet_kind) {
		check_cond(&c, "conference_kind", 0, 0);
		check_cond(&c, "conference_mode", 0, 0);
		check_cond(&c, "vote_method", 0, 0);
		check_cond(&c, "conference_id", 0, 0);
	}
	check_blocks(&c, t->blocks, t->nblocks);
	return c.nerr;
}

int template_cond(const char *cond, const char *(*lookup)(void *arg, const char *name), void *arg)
{
	const char *eq = strchr(cond, '=');
	char name[64];
	size_t n = eq ? (size_t)(eq - cond) : strlen(cond);
	const char *v, *p;

	if (n >= sizeof(name))
		return 0;
	memcpy(name, cond, n);
	name[n] = 0;
	v = lookup(arg, name);
	if (!eq)
		return v && *v;
	if (!v)
		v = "";
	/* FIELD=V1,V2: any of the values. */
	for (p = eq + 1;;) {
		size_t len = strcspn(p, ",");
		if (strlen(v) == len && !strncmp(v, p, len))
			return 1;
		if (!p[len])
			return 0;
		p += len + 1;
	}
}

static int has(char *const *v, int n, const char *s)
{
	for (int i = 0; i < n; i++)
		if (!strcmp(v[i], s))
			return 1;
	return 0;
}

/* The words of the meeting's kind, mode and voting method. */
static const char *meeting_word(const char *code)
{
	static const char *const map[][2] = {
		{ "in_person", "họp trực tiếp" }, { "online", "họp trực tuyến" },
		{ "distribution", "phát phiếu lấy ý kiến" }, { "hands", "biểu quyết bằng giơ tay" },
		{ "ballot", "biểu quyết bằng bỏ phiếu kín" }, { "online_poll", "biểu quyết trực tuyến" },
		{ "none", "chưa ghi hình thức biểu quyết" },
	};
	for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (!strcmp(map[i][0], code))
			return map[i][1];
	return conf_kind_phrase(code);
}

static void words(struct sbuf *out, char *const *v, int n, const char *sep)
{
	for (int i = 0; i < n; i++)
		sbuf_addf(out, "%s%s", i ? (i == n - 1 ? " hoặc " : ", ") : sep, meeting_word(v[i]));
}

int template_meeting_ok(const struct template *t, const char *(*lookup)(void *arg, const char *name), void *arg,
			char **why)
{
	const char *kind = lookup(arg, "conference_kind"), *mode = lookup(arg, "conference_mode");
	const char *vote = lookup(arg, "vote_method");
	struct sbuf s = SBUF_INIT;

	*why = NULL;
	if (!t->nmeet_kind)
		return 1;
	if (!vote || !*vote)
		vote = "none";
	if (kind && has(t->meet_kind, t->nmeet_kind, kind) && (!t->nmeet_mode || (mode && has(t->meet_mode, t->nmeet_mode, mode))) &&
	    (!t->nmeet_vote || has(t->meet_vote, t->nmeet_vote, vote)))
		return 1;
	sbuf_addstr(&s, "mẫu chỉ dành cho ");
	words(&s, t->meet_kind, t->nmeet_kind, "");
	words(&s, t->meet_mode, t->nmeet_mode, ", ");
	words(&s, t->meet_vote, t->nmeet_vote, ", ");
	sbuf_addf(&s, "; hội nghị số %s là %s, %s, %s", lookup(arg, "conference_id") ? lookup(arg, "conference_id") : "?",
		  kind ? conf_kind_phrase(kind) : "?", meeting_word(mode ? mode : "?"), meeting_word(vote));
	*why = sbuf_detach(&s, NULL);
	return 0;
}

static int is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

const char *template_dir(const char *opt)
{
	const char *env = getenv("HIEPTHUONG_TEMPLATES");

	if (opt && *opt)
		return opt;
	if (env && *env)
		return env;
#ifdef HT_TEMPLATES_SRC
	if (is_dir(HT_TEMPLATES_SRC))
		return HT_TEMPLATES_SRC;
#endif
	return HT_TEMPLATES_DIR;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int template_load_dir(const char *dir, struct template **out, int *n)
{
	DIR *dh;
	struct dirent *de;
	char **names = NULL;
	int nnames = 0, alloc = 0, bad = 0;

	*out = NULL;
	*n = 0;
	if (!is_dir(dir))
		return error("không tìm thấy thư mục mẫu biểu '%s' (dùng --templates THƯ_MỤC hoặc biến "
			     "HIEPTHUONG_TEMPLATES)", dir);
	dh = opendir(dir);
	if (!dh)
		return error("không mở được thư mục mẫu biểu '%s': %s", dir, sys_msg(errno));
	while ((de = readdir(dh))) {
		size_t len = strlen(de->d_name);
		if (de->d_name[0] == '.' || len < 6 || strcmp(de->d_name + len - 5, ".yaml"))
			continue;
		if (nnames == alloc) {
			alloc = alloc ? alloc * 2 : 16;
			names = xrealloc(names, sizeof(*names) * (size_t)alloc);
		}
		names[nnames++] = xstrdup(de->d_name);
	}
	closedir(dh);
	if (!nnames) {
		free(names);
		return error("thư mục mẫu biểu '%s' không có tệp .yaml nào", dir);
	}
	qsort(names, (size_t)nnames, sizeof(*names), cmp_str);
	*out = xcalloc((size_t)nnames, sizeof(**out));
	for (int i = 0; i < nnames; i++) {
		struct sbuf path = SBUF_INIT;
		sbuf_addf(&path, "%s/%s", dir, names[i]);
		if (template_load(path.buf, &(*out)[i]) < 0)
			bad = 1;
		sbuf_release(&path);
		free(names[i]);
		for (int k = 0; !bad && k < i; k++)
			if ((*out)[k].id && (*out)[i].id && !strcmp((*out)[k].id, (*out)[i].id)) {
				error_at((*out)[i].path, 0, 0, "mã mẫu '%s' trùng với '%s'", (*out)[i].id, (*out)[k].path);
				bad = 1;
			}
	}
	free(names);
	*n = nnames;
	if (bad) {
		template_free_all(*out, *n);
		*out = NULL;
		*n = 0;
		return -1;
	}
	return 0;
}

void template_free_all(struct template *v, int n)
{
	for (int i = 0; i < n; i++)
		template_release(&v[i]);
	free(v);
}
