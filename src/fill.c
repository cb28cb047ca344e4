/*
 * fill.c - fill-ins of template text; see fill.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "fill.h"
#include "text.h"
#include "banned.h"

#define NAME_MAX_LEN 63

struct fillin {
	char name[NAME_MAX_LEN + 1];
	int upper;
	int space;		/* ":sp": a space before the value */
	char after;		/* ":comma", ":dot": ',' or '.' after the value */
	const char *fallback;	/* points into the template; NULL if none */
	size_t fallback_len;
};

static int name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

/* Parse the fill-in whose '{' is at *p; on success *p is past the '}'. */
static int parse_fillin(const char **p, struct fillin *f, char *err, size_t errlen)
{
	const char *s = *p + 1, *end = strchr(s, '}'), *bar, *colon, *name_end;
	size_t n;

	if (!end) {
		snprintf(err, errlen, "thiếu '}' đóng chỗ điền bắt đầu bằng '{'");
		return -1;
	}
	memset(f, 0, sizeof(*f));
	bar = memchr(s, '|', (size_t)(end - s));
	if (bar) {
		f->fallback = bar + 1;
		f->fallback_len = (size_t)(end - bar - 1);
	}
	name_end = bar ? bar : end;
	colon = memchr(s, ':', (size_t)(name_end - s));
	if (colon) {
		const char *fp = colon + 1;
		while (fp <= name_end) {
			const char *fe = memchr(fp, ':', (size_t)(name_end - fp));
			if (!fe)
				fe = name_end;
			n = (size_t)(fe - fp);
			if (n == 5 && !memcmp(fp, "upper", 5)) {
				f->upper = 1;
			} else if (n == 2 && !memcmp(fp, "sp", 2)) {
				f->space = 1;
			} else if (n == 5 && !memcmp(fp, "comma", 5)) {
				f->after = ',';
			} else if (n == 3 && !memcmp(fp, "dot", 3)) {
				f->after = '.';
			} else {
				snprintf(err, errlen, "bộ lọc không xác định '%.*s' (chỉ có 'upper', 'sp', 'comma' và 'dot')",
					 (int)n, fp);
				return -1;
			}
			fp = fe + 1;
		}
		name_end = colon;
	}
	n = (size_t)(name_end - s);
	if (n == 1 && *s == '#') {
		f->name[0] = '#';
		f->name[1] = 0;
	} else {
		if (n == 0 || n > NAME_MAX_LEN) {
			snprintf(err, errlen, "tên trường trống hoặc quá dài trong chỗ điền '{%.*s}'",
				 (int)(end - s), s);
			return -1;
		}
		for (size_t i = 0; i < n; i++) {
			if (!name_char(s[i])) {
				snprintf(err, errlen, "tên trường '%.*s' chỉ được gồm chữ thường a-z, số và '_'",
					 (int)n, s);
				return -1;
			}
		}
		memcpy(f->name, s, n);
		f->name[n] = 0;
	}
	*p = end + 1;
	return 0;
}

/* Walk tpl: literal runs go to out (if any), fill-ins to the callback. */
static int walk(const char *tpl, struct sbuf *out, char *err, size_t errlen,
		int (*on_fill)(const struct fillin *f, void *arg), void *arg)
{
	const char *p = tpl;

	while (*p) {
		if (p[0] == '{' && p[1] == '{') {
			if (out)
				sbuf_addch(out, '{');
			p += 2;
		} else if (p[0] == '}' && p[1] == '}') {
			if (out)
				sbuf_addch(out, '}');
			p += 2;
		} else if (*p == '}') {
			snprintf(err, errlen, "dấu '}' đứng lẻ (viết '}}' để in dấu '}')");
			return -1;
		} else if (*p == '{') {
			struct fillin f;
			if (parse_fillin(&p, &f, err, errlen) < 0)
				return -1;
			if (on_fill(&f, arg) < 0)
				return -1;
		} else {
			const char *q = p;
			while (*q && *q != '{' && *q != '}')
				q++;
			if (out)
				sbuf_add(out, p, (size_t)(q - p));
			p = q;
		}
	}
	return 0;
}

struct fill_state {
	fill_lookup_fn lookup;
	void *arg;
	struct sbuf *out;
};

static int do_fill(const struct fillin *f, void *arg)
{
	struct fill_state *st = arg;
	const char *v = st->lookup(st->arg, f->name);

	if (v && *v) {
		if (f->space)
			sbuf_addch(st->out, ' ');
		if (f->upper) {
			char *u = text_upper(v);
			sbuf_addstr(st->out, u ? u : v);
			free(u);
		} else {
			sbuf_addstr(st->out, v);
		}
		if (f->after)
			sbuf_addch(st->out, f->after);
	} else if (f->fallback) {
		sbuf_add(st->out, f->fallback, f->fallback_len);
	}
	return 0;
}

int fill_text(const char *tpl, fill_lookup_fn lookup, void *arg, struct sbuf *out, char *err, size_t errlen)
{
	struct fill_state st = { lookup, arg, out };

	return walk(tpl, out, err, errlen, do_fill, &st);
}

struct check_state {
	void (*each_name)(const char *name, void *arg);
	void *arg;
};

static int do_check(const struct fillin *f, void *arg)
{
	struct check_state *st = arg;

	if (st->each_name)
		st->each_name(f->name, st->arg);
	return 0;
}

int fill_check(const char *tpl, void (*each_name)(const char *name, void *arg), void *arg, char *err, size_t errlen)
{
	struct check_state st = { each_name, arg };

	return walk(tpl, NULL, err, errlen, do_check, &st);
}

int fill_has_fields(const char *tpl)
{
	for (const char *p = tpl; *p; p++) {
		if (p[0] == '{' && p[1] == '{')
			p++;
		else if (*p == '{')
			return 1;
	}
	return 0;
}
