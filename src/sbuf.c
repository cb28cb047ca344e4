/* sbuf.c - growable strings; see sbuf.h for the contract. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "sbuf.h"
#include "banned.h"

char sbuf_empty[1];

static void die_oom(void)
{
	fputs("hiepthuong: hết bộ nhớ\n", stderr);
	abort();
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		die_oom();
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		die_oom();
	return p;
}

void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		die_oom();
	return q;
}

char *xstrdup(const char *s)
{
	size_t n;
	char *p;

	if (!s)
		return NULL;
	n = strlen(s);
	p = xmalloc(n + 1);
	memcpy(p, s, n + 1);
	return p;
}

void sbuf_init(struct sbuf *sb)
{
	sb->alloc = 0;
	sb->len = 0;
	sb->buf = sbuf_empty;
}

void sbuf_release(struct sbuf *sb)
{
	if (sb->alloc)
		free(sb->buf);
	sbuf_init(sb);
}

char *sbuf_detach(struct sbuf *sb, size_t *len)
{
	char *s = sb->alloc ? sb->buf : xstrdup("");

	if (len)
		*len = sb->len;
	sbuf_init(sb);
	return s;
}

void sbuf_grow(struct sbuf *sb, size_t extra)
{
	size_t want = sb->len + extra + 1;

	if (want < sb->len)
		die_oom();
	if (want <= sb->alloc)
		return;
	if (want < sb->alloc * 2)
		want = sb->alloc * 2;
	if (want < 64)
		want = 64;
	if (sb->alloc) {
		sb->buf = xrealloc(sb->buf, want);
	} else {
		sb->buf = xmalloc(want);
		sb->buf[0] = 0;
	}
	sb->alloc = want;
}

void sbuf_reset(struct sbuf *sb)
{
	sb->len = 0;
	if (sb->alloc)
		sb->buf[0] = 0;
}

void sbuf_add(struct sbuf *sb, const void *data, size_t len)
{
	if (!len)
		return;
	sbuf_grow(sb, len);
	memcpy(sb->buf + sb->len, data, len);
	sb->len += len;
	sb->buf[sb->len] = 0;
}

void sbuf_addstr(struct sbuf *sb, const char *s)
{
	sbuf_add(sb, s, strlen(s));
}

void sbuf_addch(struct sbuf *sb, int c)
{
	char ch = (char)c;
	sbuf_add(sb, &ch, 1);
}

void sbuf_vaddf(struct sbuf *sb, const char *fmt, va_list ap)
{
	va_list cp;
	int n;

	va_copy(cp, ap);
	n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0)
		return;
	sbuf_grow(sb, (size_t)n);
	vsnprintf(sb->buf + sb->len, (size_t)n + 1, fmt, ap);
	sb->len += (size_t)n;
}

void sbuf_addf(struct sbuf *sb, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	sbuf_vaddf(sb, fmt, ap);
	va_end(ap);
}

void sbuf_add_json(struct sbuf *sb, const char *s)
{
	sbuf_addch(sb, '"');
	for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
		switch (*p) {
		case '"': sbuf_addstr(sb, "\\\""); break;
		case '\\': sbuf_addstr(sb, "\\\\"); break;
		case '\n': sbuf_addstr(sb, "\\n"); break;
		case '\r': sbuf_addstr(sb, "\\r"); break;
		case '\t': sbuf_addstr(sb, "\\t"); break;
		default:
			if (*p < 0x20)
				sbuf_addf(sb, "\\u%04x", *p);
			else
				sbuf_addch(sb, *p);
		}
	}
	sbuf_addch(sb, '"');
}

void sbuf_add_csv(struct sbuf *sb, const char *s, char delim)
{
	if (!s)
		s = "";
	if (!strchr(s, delim) && !strpbrk(s, "\"\r\n")) {
		sbuf_addstr(sb, s);
		return;
	}
	sbuf_addch(sb, '"');
	for (; *s; s++) {
		if (*s == '"')
			sbuf_addch(sb, '"');
		sbuf_addch(sb, *s);
	}
	sbuf_addch(sb, '"');
}
