/* opt.c - option parsing; see opt.h. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cmd.h"
#include "count.h"
#include "diag.h"
#include "opt.h"
#include "sbuf.h"
#include "text.h"
#include "banned.h"

static const struct opt common_opts[] = {
	OPT_PATH(0, "db", NULL, "TỆP", "sổ dữ liệu (mặc định $HIEPTHUONG_DB hoặc hiepthuong.db)"),
	OPT_STRING(0, "by", NULL, "TÊN", "người thực hiện, ghi vào nhật ký (mặc định tài khoản hệ điều hành)"),
	OPT_BOOL('h', "help", NULL, "in hướng dẫn này"),
	OPT_END()
};

static void print_table(FILE *f, const struct opt *opts)
{
	for (const struct opt *o = opts; o->type != OPT_T_END; o++) {
		struct sbuf left = SBUF_INIT;
		size_t width;

		if (o->short_name)
			sbuf_addf(&left, "-%c, ", o->short_name);
		else
			sbuf_addstr(&left, "    ");
		sbuf_addf(&left, "--%s", o->long_name);
		if (o->argh)
			sbuf_addf(&left, " %s", o->argh);
		width = text_utf8_count(left.buf);
		fprintf(f, "    %s", left.buf);
		if (width < 26)
			fprintf(f, "%*s", (int)(26 - width), "");
		else
			fputs("\n                              ", f);
		fprintf(f, "%s%s\n", o->help, o->type == OPT_T_LIST ? " (lặp lại được)" : "");
		sbuf_release(&left);
	}
}

void opt_usage(const char *usage, const struct opt *opts, int to_stderr)
{
	FILE *f = to_stderr ? stderr : stdout;

	fprintf(f, "cách dùng: %s\n\n", usage);
	if (opts && opts->type != OPT_T_END) {
		fputs("Tùy chọn:\n", f);
		print_table(f, opts);
		fputc('\n', f);
	}
	fputs("Tùy chọn chung:\n", f);
	print_table(f, common_opts);
}

void opt_list_release(struct opt_list *l)
{
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

static const struct opt *find_long(const struct opt *opts, const char *name, size_t len)
{
	for (const struct opt *o = opts; o->type != OPT_T_END; o++)
		if (strlen(o->long_name) == len && !strncmp(o->long_name, name, len))
			return o;
	return NULL;
}

static const struct opt *find_short(const struct opt *opts, int c)
{
	for (const struct opt *o = opts; o->type != OPT_T_END; o++)
		if (o->short_name == c)
			return o;
	return NULL;
}

/* The cleaned values handed out, freed by opt_release_all(). */
static char **kept;
static int nkept;

void opt_release_all(void)
{
	for (int i = 0; i < nkept; i++)
		free(kept[i]);
	free(kept);
	kept = NULL;
	nkept = 0;
}

static const char *keep(char *s)
{
	kept = xrealloc(kept, sizeof(*kept) * (size_t)(nkept + 1));
	kept[nkept++] = s;
	return s;
}

/* text_clean(), and for one line also trim and collapse white space. */
static const char *clean(const char *s, int one_line, const char *what)
{
	size_t bad = 0;
	char *c = text_clean(s, strlen(s), &bad), *line;

	if (!c) {
		usage_error("%s: giá trị không phải UTF-8 hợp lệ (byte thứ %zu)", what, bad + 1);
		return NULL;
	}
	if (!one_line)
		return keep(c);
	line = text_trim_collapse(c);
	free(c);
	return keep(line);
}

const char *opt_clean_line(const char *s, const char *what)
{
	return clean(s, 1, what);
}

static int store(struct ctx *ctx, const struct opt *o, int common, const char *arg,
		 const char *shown)
{
	if (common) {
		if (!strcmp(o->long_name, "db")) {
			ctx->db_path = arg;
		} else if (!strcmp(o->long_name, "by")) {
			if (!(ctx->by = clean(arg, 1, shown)))
				return -1;
		}
		return 0;
	}
	switch (o->type) {
	case OPT_T_BOOL:
		*(int *)o->value = 1;
		return 0;
	case OPT_T_PATH:
		*(const char **)o->value = arg;
		return 0;
	case OPT_T_STRING:
	case OPT_T_TEXT:
		if (!(arg = clean(arg, o->type == OPT_T_STRING, shown)))
			return -1;
		*(const char **)o->value = arg;
		return 0;
	case OPT_T_COUNT: {
		char err[200];

		if (count_parse(arg, (long *)o->value, err, sizeof(err)) < 0)
			return usage_error("tùy chọn '%s': %s", shown, err);
		return 0;
	}
	case OPT_T_INT: {
		char *end;
		long v;

		errno = 0;
		v = strtol(arg, &end, 10);
		if (errno || end == arg || *end)
			return usage_error("tùy chọn '%s' cần một số nguyên, không phải '%s'", shown, arg);
		*(long *)o->value = v;
		return 0;
	}
	case OPT_T_LIST: {
		struct opt_list *l = o->value;

		if (!(arg = clean(arg, 1, shown)))
			return -1;
		l->v = xrealloc(l->v, sizeof(*l->v) * (size_t)(l->n + 1));
		l->v[l->n++] = arg;
		return 0;
	}
	case OPT_T_END:
		break;
	}
	return bug("bad option type");
}

int opt_parse(struct ctx *ctx, int argc, char **argv, const struct opt *opts,
	      const char *usage, int *rc)
{
	int npos = 0, i, only_pos = 0;
	static const struct opt none[] = { OPT_END() };

	if (!opts)
		opts = none;
	for (i = 1; i < argc; i++) {
		char *a = argv[i];
		const struct opt *o = NULL;
		int common = 0;
		const char *arg = NULL;
		char shown[64];

		if (only_pos || a[0] != '-' || a[1] == 0) {
			argv[npos++] = a;
			continue;
		}
		if (!strcmp(a, "--")) {
			only_pos = 1;
			continue;
		}
		if (a[1] == '-') {
			const char *name = a + 2, *eq = strchr(name, '=');
			size_t len = eq ? (size_t)(eq - name) : strlen(name);

			o = find_long(opts, name, len);
			if (!o && (o = find_long(common_opts, name, len)))
				common = 1;
			snprintf(shown, sizeof(shown), "--%.*s", (int)len, name);
			if (eq)
				arg = eq + 1;
		} else {
			if (a[2]) {
				usage_error("không hiểu tùy chọn '%s' (mỗi tùy chọn ngắn viết riêng)", a);
				goto bad;
			}
			o = find_short(opts, a[1]);
			if (!o && (o = find_short(common_opts, a[1])))
				common = 1;
			snprintf(shown, sizeof(shown), "-%c", a[1]);
		}
		if (!o) {
			usage_error("không có tùy chọn '%s'", a);
			goto bad;
		}
		if (common && !strcmp(o->long_name, "help")) {
			opt_usage(usage, opts, 0);
			*rc = 0;
			return -1;
		}
		if (o->type == OPT_T_BOOL) {
			if (arg) {
				usage_error("tùy chọn '%s' không nhận giá trị", shown);
				goto bad;
			}
		} else if (!arg) {
			if (i + 1 >= argc) {
				usage_error("tùy chọn '%s' cần giá trị %s", shown, o->argh ? o->argh : "");
				goto bad;
			}
			arg = argv[++i];
		}
		if (store(ctx, o, common, arg, shown) < 0)
			goto bad;
	}
	argv[npos] = NULL;
	return npos;
bad:
	opt_usage(usage, opts, 1);
	*rc = -1;
	return -1;
}
