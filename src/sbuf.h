/*
 * sbuf.h - a growable, always NUL-terminated byte string.
 *
 * Modelled on git's strbuf.  The contract:
 *
 *  - SBUF_INIT is a valid empty buffer that owns no memory; `buf` then
 *    points at a static "" so it can be printed without a check.
 *  - Every sbuf_add*() grows the buffer as needed and keeps buf[len] == 0.
 *    Running out of memory aborts the program (a CLI has no useful way to
 *    recover; SQLite's shell does the same).
 *  - sbuf_release() frees the memory and leaves an empty SBUF_INIT buffer.
 *  - sbuf_detach() hands the malloc'd string to the caller, who frees it
 *    with free(); the sbuf is left empty.
 */
#ifndef SBUF_H
#define SBUF_H

#include <stdarg.h>
#include <stddef.h>

struct sbuf {
	size_t alloc;	/* bytes allocated, 0 while buf is the static "" */
	size_t len;	/* bytes used, not counting the final NUL */
	char *buf;	/* the string; never NULL */
};

extern char sbuf_empty[];
#define SBUF_INIT { 0, 0, sbuf_empty }

/* Initialise a buffer declared without SBUF_INIT. */
void sbuf_init(struct sbuf *sb);

/* Free the memory; the buffer is empty and usable again. */
void sbuf_release(struct sbuf *sb);

/* Return the malloc'd string (caller frees) and reset the buffer. */
char *sbuf_detach(struct sbuf *sb, size_t *len);

/* Make room for at least `extra` more bytes. */
void sbuf_grow(struct sbuf *sb, size_t extra);

/* Forget the contents but keep the memory. */
void sbuf_reset(struct sbuf *sb);

void sbuf_add(struct sbuf *sb, const void *data, size_t len);
void sbuf_addstr(struct sbuf *sb, const char *s);
void sbuf_addch(struct sbuf *sb, int c);
void sbuf_addf(struct sbuf *sb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void sbuf_vaddf(struct sbuf *sb, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));

/* Append `s` quoted for JSON (with the surrounding double quotes). */
void sbuf_add_json(struct sbuf *sb, const char *s);

/* Append `s` as one CSV field (quoted when it holds delim, '"', CR or LF). */
void sbuf_add_csv(struct sbuf *sb, const char *s, char delim);

/* malloc'd copy of s (NULL stays NULL); aborts on out-of-memory. */
char *xstrdup(const char *s);
/* malloc that aborts on out-of-memory instead of returning NULL. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);

#endif
