/*
 * csv.c - the CSV reader described in csv.h.
 *
 * The whole input is in memory.  A record is parsed into one buffer that
 * holds its fields back to back, each followed by a NUL.  The buffer may
 * move while it grows, so the field pointers handed out in struct csv_row
 * are computed from lens[] only once the record is complete.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "csv.h"
#include "banned.h"

struct csv_reader {
	const char *data;
	size_t len;
	size_t pos;
	char *owned;		/* data, when csv_open_file() read it */
	char *name;
	char delim;
	int started;		/* csv_next() has been called */
	int failed;		/* an error stopped the reader */
	size_t max_field;
	long row;		/* number of the current (last) record */
	long line;		/* physical line at pos */

	/* The current record. */
	char *buf;
	size_t buf_len, buf_cap;
	size_t field_start;	/* offset in buf of the field being read */
	size_t nfields, fields_cap;
	size_t *lens;
	const char **fields;

	char err[256];
	long err_row, err_col, err_line;
};

/*
 * After a truncating snprintf into s[size], drop a UTF-8 sequence cut in
 * the middle so that the message stays valid UTF-8.
 */
static void trim_utf8(char *s, size_t size, int n)
{
	size_t end, i, need;
	unsigned char lead;

	if (size == 0 || n < 0 || (size_t)n < size)
		return;
	end = strlen(s);
	i = end;
	while (i > 0 && ((unsigned char)s[i - 1] & 0xC0) == 0x80)
		i--;
	if (i == 0 || !((unsigned char)s[i - 1] & 0x80))
		return;
	lead = (unsigned char)s[i - 1];
	need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
	if (end - (i - 1) < need)
		s[i - 1] = '\0';
}

__attribute__((format(printf, 3, 0)))
static void vformat(char *dst, size_t size, const char *fmt, va_list ap)
{
	int n;

	if (!dst || size == 0)
		return;
	n = vsnprintf(dst, size, fmt, ap);
	if (n < 0)
		dst[0] = '\0';
	trim_utf8(dst, size, n);
}

__attribute__((format(printf, 3, 4)))
static void set_msg(char *dst, size_t size, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vformat(dst, size, fmt, ap);
	va_end(ap);
}

/* Stop the reader with an error at field col, physical line line. */
__attribute__((format(printf, 4, 5)))
static int fail(struct csv_reader *r, long col, long line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vformat(r->err, sizeof(r->err), fmt, ap);
	va_end(ap);
	r->failed = 1;
	r->err_row = r->row > 0 ? r->row : 1;
	r->err_col = col > 0 ? col : 1;
	r->err_line = line > 0 ? line : 1;
	return -1;
}

static int fail_oom(struct csv_reader *r)
{
	return fail(r, (long)r->nfields + 1, r->line, "hết bộ nhớ");
}

/*
 * Guess the delimiter from the first non-empty record starting at pos:
 * count ',' and ';' outside quotes; ';' wins only when strictly more
 * frequent.  A '"' opens a quoted field only at the start of a field.
 */
static char detect_delimiter(const char *d, size_t pos, size_t len)
{
	size_t commas = 0, semis = 0;
	int in_quotes = 0, at_start = 1;

	while (pos < len && (d[pos] == '\r' || d[pos] == '\n'))
		pos++;
	for (; pos < len; pos++) {
		char c = d[pos];

		if (in_quotes) {
			if (c == '"') {
				if (pos + 1 < len && d[pos + 1] == '"')
					pos++;
				else
					in_quotes = 0;
			}
			continue;
		}
		if (c == '\r' || c == '\n')
			break;
		if (c == '"' && at_start) {
			in_quotes = 1;
			at_start = 0;
		} else if (c == ',') {
			commas++;
			at_start = 1;
		} else if (c == ';') {
			semis++;
			at_start = 1;
		} else {
			at_start = 0;
		}
	}
	return semis > commas ? ';' : ',';
}

struct csv_reader *csv_open_mem(const char *data, size_t len, const char *name)
{
	struct csv_reader *r = NULL;
	const unsigned char *u = (const unsigned char *)data;
	size_t nlen;

	if (!name)
		name = "-";
	if (!data)
		len = 0;
	r = calloc(1, sizeof(*r));
	if (!r)
		goto out;
	nlen = strlen(name);
	r->name = malloc(nlen + 1);
	if (!r->name) {
		csv_close(r);
		r = NULL;
		goto out;
	}
	memcpy(r->name, name, nlen + 1);
	r->data = data;
	r->len = len;
	r->line = 1;
	r->max_field = CSV_MAX_FIELD_DEFAULT;

	if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
		r->pos = 3;
	} else if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) ||
				(u[0] == 0xFE && u[1] == 0xFF))) {
		fail(r, 1, 1, "tệp là UTF-16; hãy lưu lại dưới dạng CSV UTF-8");
		r->delim = ',';
		goto out;
	}
	r->delim = detect_delimiter(data, r->pos, len);
out:
	return r;
}

#define TOO_BIG "tệp '%s' quá lớn (tối đa %zu byte)"
#define NO_MEMORY "hết bộ nhớ khi đọc '%s'"

struct csv_reader *csv_open_file(const char *path, size_t max_bytes,
				 char *err, size_t errlen)
{
	struct csv_reader *r = NULL;
	FILE *f = NULL;
	char *buf = NULL;
	size_t len = 0, cap, limit;
	struct stat st;

	if (err && errlen)
		err[0] = '\0';
	/* Never hold more than max_bytes + 1 bytes: one more tells "too big". */
	limit = max_bytes < SIZE_MAX ? max_bytes + 1 : SIZE_MAX;
	f = fopen(path, "rb");
	if (!f) {
		set_msg(err, errlen, "không mở được '%s': %s", path, strerror(errno));
		goto out;
	}
	if (fstat(fileno(f), &st) != 0) {
		set_msg(err, errlen, "không đọc được '%s': %s", path, strerror(errno));
		goto out;
	}
	if (S_ISDIR(st.st_mode)) {
		set_msg(err, errlen, "'%s' là thư mục, không phải tệp CSV", path);
		goto out;
	}
	if (S_ISREG(st.st_mode) && (uintmax_t)st.st_size > (uintmax_t)max_bytes) {
		set_msg(err, errlen, TOO_BIG, path, max_bytes);
		goto out;
	}

	/* st_size is only a hint: the file may grow, or be a pipe. */
	cap = 4096;
	if (S_ISREG(st.st_mode) && (uintmax_t)st.st_size < SIZE_MAX)
		cap = (size_t)st.st_size + 1;
	if (cap > limit)
		cap = limit;
	buf = malloc(cap);
	if (!buf) {
		set_msg(err, errlen, NO_MEMORY, path);
		goto out;
	}
	for (;;) {
		size_t n;

		if (len == cap) {
			char *nb;
			size_t ncap = cap <= limit / 2 ? cap * 2 : limit;

			if (len >= limit)
				break;
			nb = realloc(buf, ncap);
			if (!nb) {
				set_msg(err, errlen, NO_MEMORY, path);
				goto out;
			}
			buf = nb;
			cap = ncap;
		}
		n = fread(buf + len, 1, cap - len, f);
		len += n;
		if (ferror(f)) {
			set_msg(err, errlen, "không đọc được '%s': %s", path,
				strerror(errno));
			goto out;
		}
		if (n == 0 || feof(f))
			break;
	}
	if (len > max_bytes) {
		set_msg(err, errlen, TOO_BIG, path, max_bytes);
		goto out;
	}
	r = csv_open_mem(buf, len, path);
	if (!r) {
		set_msg(err, errlen, NO_MEMORY, path);
		goto out;
	}
	r->owned = buf;
	buf = NULL;
out:
	if (f)
		fclose(f);
	free(buf);
	return r;
}

void csv_set_delimiter(struct csv_reader *r, char delim)
{
	if (r->started || r->failed)
		return;
	if (delim == '"' || delim == '\r' || delim == '\n' || delim == '\0') {
		fail(r, 1, 1, "dấu phân cách không hợp lệ");
		return;
	}
	r->delim = delim;
}

char csv_delimiter(const struct csv_reader *r)
{
	return r->delim;
}

void csv_set_max_field(struct csv_reader *r, size_t max)
{
	r->max_field = max ? max : CSV_MAX_FIELD_DEFAULT;
}

/* Consume the line end (LF, CRLF or lone CR) at r->pos. */
static void end_line(struct csv_reader *r)
{
	if (r->data[r->pos] == '\r' && r->pos + 1 < r->len &&
	    r->data[r->pos + 1] == '\n')
		r->pos++;
	r->pos++;
	r->line++;
}

/* Make room for one more field in lens/fields. */
static int reserve_field(struct csv_reader *r)
{
	size_t ncap;
	void *p;

	if (r->nfields < r->fields_cap)
		return 0;
	ncap = r->fields_cap ? r->fields_cap * 2 : 16;
	if (ncap > SIZE_MAX / sizeof(size_t) || ncap > SIZE_MAX / sizeof(char *))
		return -1;
	p = realloc(r->lens, ncap * sizeof(*r->lens));
	if (!p)
		return -1;
	r->lens = p;
	p = realloc(r->fields, ncap * sizeof(*r->fields));
	if (!p)
		return -1;
	r->fields = p;
	r->fields_cap = ncap;
	return 0;
}

/* Append n bytes to the record buffer, keeping room for one NUL. */
static int buf_add(struct csv_reader *r, const char *p, size_t n)
{
	if (r->buf_cap - r->buf_len <= n) {
		size_t ncap = r->buf_cap ? r->buf_cap : 256;
		char *nb;

		while (ncap - r->buf_len <= n) {
			if (ncap > SIZE_MAX / 2)
				return -1;
			ncap *= 2;
		}
		nb = realloc(r->buf, ncap);
		if (!nb)
			return -1;
		r->buf = nb;
		r->buf_cap = ncap;
	}
	memcpy(r->buf + r->buf_len, p, n);
	r->buf_len += n;
	return 0;
}

/* Append n bytes to the field being read, enforcing the length limit. */
static int field_add(struct csv_reader *r, const char *p, size_t n)
{
	size_t have = r->buf_len - r->field_start;
	long col = (long)r->nfields + 1;

	if (n > r->max_field || have > r->max_field - n)
		return fail(r, col, r->line, "ô quá dài (tối đa %zu byte)",
			    r->max_field);
	if (buf_add(r, p, n))
		return fail_oom(r);
	return 0;
}

static int fail_nul(struct csv_reader *r)
{
	return fail(r, (long)r->nfields + 1, r->line,
		    "tệp chứa byte NUL (tệp nhị phân hoặc UTF-16 không có BOM?)");
}

/* Read a quoted field; r->pos is at its opening quote. */
static int read_quoted(struct csv_reader *r)
{
	const char *d = r->data;
	long col = (long)r->nfields + 1, start_line = r->line;
	size_t run;

	r->pos++;
	for (;;) {
		for (run = r->pos; run < r->len; run++)
			if (d[run] == '"' || d[run] == '\r' || d[run] == '\n' ||
			    d[run] == '\0')
				break;
		if (field_add(r, d + r->pos, run - r->pos))
			return -1;
		r->pos = run;
		if (r->pos >= r->len)
			return fail(r, col, start_line,
				    "thiếu dấu ngoặc kép đóng (ô kéo dài đến hết tệp)");
		if (d[r->pos] == '\0')
			return fail_nul(r);
		if (d[r->pos] != '"') {
			/* A line end inside the field: keep its bytes. */
			size_t n = d[r->pos] == '\r' && r->pos + 1 < r->len &&
				   d[r->pos + 1] == '\n' ? 2 : 1;

			if (field_add(r, d + r->pos, n))
				return -1;
			r->pos += n;
			r->line++;
		} else if (r->pos + 1 < r->len && d[r->pos + 1] == '"') {
			if (field_add(r, d + r->pos, 1))
				return -1;
			r->pos += 2;
		} else {
			r->pos++;
			break;
		}
	}
	if (r->pos < r->len && d[r->pos] != r->delim && d[r->pos] != '\r' &&
	    d[r->pos] != '\n')
		return fail(r, col, r->line, "ký tự thừa sau dấu ngoặc kép đóng");
	return 0;
}

/* Read one field at r->pos; stops at the delimiter, a line end or EOF. */
static int read_field(struct csv_reader *r)
{
	const char *d = r->data;
	size_t run;

	if (r->pos < r->len && d[r->pos] == '"')
		return read_quoted(r);
	for (run = r->pos; run < r->len; run++)
		if (d[run] == r->delim || d[run] == '\r' || d[run] == '\n' ||
		    d[run] == '\0')
			break;
	if (field_add(r, d + r->pos, run - r->pos))
		return -1;
	r->pos = run;
	if (r->pos < r->len && d[r->pos] == '\0')
		return fail_nul(r);
	return 0;
}

int csv_next(struct csv_reader *r, struct csv_row *row)
{
	long start_line;
	size_t i;
	int all_empty = 1;

	r->started = 1;
	if (r->failed)
		return -1;

	/* An empty line is an empty spreadsheet row: skipped, but counted. */
	while (r->pos < r->len &&
	       (r->data[r->pos] == '\r' || r->data[r->pos] == '\n')) {
		end_line(r);
		r->row++;
	}
	if (r->pos >= r->len)
		return 0;

	r->row++;
	start_line = r->line;
	r->nfields = 0;
	r->buf_len = 0;
	for (;;) {
		if (reserve_field(r))
			return fail_oom(r);
		r->field_start = r->buf_len;
		if (read_field(r))
			return -1;
		r->lens[r->nfields] = r->buf_len - r->field_start;
		if (buf_add(r, "", 1))
			return fail_oom(r);
		r->nfields++;
		if (r->pos >= r->len)
			break;
		if (r->data[r->pos] == r->delim) {
			r->pos++;
			continue;
		}
		end_line(r);	/* read_field() stopped at CR or LF */
		break;
	}

	r->fields[0] = r->buf;
	for (i = 0; i < r->nfields; i++) {
		if (i > 0)
			r->fields[i] = r->fields[i - 1] + r->lens[i - 1] + 1;
		if (r->lens[i])
			all_empty = 0;
	}
	row->nfields = r->nfields;
	row->fields = r->fields;
	row->lens = r->lens;
	row->row = r->row;
	row->line = start_line;
	row->all_empty = all_empty;
	return 1;
}

const char *csv_error(const struct csv_reader *r)
{
	return r->failed ? r->err : NULL;
}

long csv_error_row(const struct csv_reader *r)
{
	return r->failed ? r->err_row : 0;
}

long csv_error_col(const struct csv_reader *r)
{
	return r->failed ? r->err_col : 0;
}

long csv_error_line(const struct csv_reader *r)
{
	return r->failed ? r->err_line : 0;
}

const char *csv_name(const struct csv_reader *r)
{
	return r->name;
}

void csv_close(struct csv_reader *r)
{
	if (!r)
		return;
	free(r->owned);
	free(r->name);
	free(r->buf);
	free(r->lens);
	free(r->fields);
	free(r);
}
