/*
 * csv.c - the CSV reader described in csv.h.
 *
 * One parser reads both kinds of input.  The bytes not yet parsed are
 * data[pos..len); eof says that no more will come.  csv_open_mem() points
 * data at the caller's bytes and sets eof at once.  A streaming reader
 * (csv_open_read(), csv_open_file()) points data at a window of a fixed
 * size and refills it (fill()) when the parser runs out: the unparsed tail
 * moves to the front and the source fills the rest.  The parser copies
 * every field into the record buffer as it goes and needs at most three
 * bytes of look-ahead (a BOM, CR LF, a doubled quote), so a record longer
 * than the window never makes the window grow; only the delimiter
 * detection, which must see the whole first record before parsing starts,
 * grows it (up to DETECT_MAX).
 *
 * A record is parsed into one buffer that holds its fields back to back,
 * each followed by a NUL.  The buffer may move while it grows, so the field
 * pointers handed out in struct csv_row are computed from lens[] only once
 * the record is complete.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "csv.h"
#include "diag.h"
#include "banned.h"

/* How far the delimiter detection looks into the first record. */
#define DETECT_MAX CSV_MAX_RECORD_DEFAULT

struct csv_reader {
	/* The input not yet parsed: data[pos..len); eof: nothing follows. */
	const char *data;
	size_t len, pos;
	int eof;

	/* A streaming reader's source and window (data points into win). */
	csv_read_fn *read;
	void *read_ctx;
	char *win;
	size_t win_cap;
	size_t win_base;	/* the window's size when no look-ahead needs more */
	int fd;			/* the file csv_open_file() opened, else -1 */
	csv_tap_fn *tap;	/* sees every byte read, once, in order */
	void *tap_ctx;
	int read_failed;	/* the error is a read error */

	char *name;
	char delim;
	int started;		/* csv_next() has been called */
	int failed;		/* an error stopped the reader */
	size_t max_field, max_record;
	long row;		/* number of the current (last) record */
	long line;		/* physical line at pos */

	/* Bytes that end an unquoted field, and a quoted field's run. */
	unsigned char stop[256], qstop[256];

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

/*
 * Stop the reader with an error at spreadsheet row `row`, field col,
 * physical line line.  The first error stays: a later call changes nothing.
 */
__attribute__((format(printf, 5, 0)))
static int vfail(struct csv_reader *r, long row, long col, long line, const char *fmt, va_list ap)
{
	if (r->failed)
		return -1;
	vformat(r->err, sizeof(r->err), fmt, ap);
	r->failed = 1;
	r->err_row = row > 0 ? row : 1;
	r->err_col = col > 0 ? col : 1;
	r->err_line = line > 0 ? line : 1;
	return -1;
}

/* An error in the current record at field col, physical line line. */
__attribute__((format(printf, 4, 5)))
static int fail(struct csv_reader *r, long col, long line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfail(r, r->row, col, line, fmt, ap);
	va_end(ap);
	return -1;
}

/* An error before any record: row 1, col 1, line 1. */
__attribute__((format(printf, 2, 3)))
static int fail_start(struct csv_reader *r, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfail(r, 1, 1, 1, fmt, ap);
	va_end(ap);
	return -1;
}

static int fail_oom(struct csv_reader *r)
{
	return fail(r, (long)r->nfields + 1, r->line, "hết bộ nhớ");
}

/*
 * Make data[pos..len) hold at least want bytes, reading from the source
 * when streaming.  Fewer are there only at the end of the input, or after
 * an error (a read error or no memory stops the reader and ends the input,
 * so the parser winds down; csv_next() then reports the error).  Returns
 * the number of bytes available.
 */
static size_t fill(struct csv_reader *r, size_t want)
{
	size_t have = r->len - r->pos, ncap = 0;

	if (have >= want || r->eof)
		return have;
	memmove(r->win, r->win + r->pos, have);
	r->pos = 0;
	r->len = have;
	if (want > r->win_cap)
		ncap = r->win_cap <= SIZE_MAX / 2 && want < 2 * r->win_cap ? 2 * r->win_cap : want;
	else if (r->win_cap / 4 > r->win_base && have <= r->win_base && want <= r->win_base)
		ncap = r->win_base;	/* the look-ahead that grew it is over */
	if (ncap) {
		char *nw = realloc(r->win, ncap);

		if (!nw) {
			fail_oom(r);
			r->eof = 1;
			return have;
		}
		r->win = nw;
		r->win_cap = ncap;
	}
	r->data = r->win;
	while (r->len < want && !r->eof) {
		long n = r->read(r->read_ctx, r->win + r->len, r->win_cap - r->len);

		if (n < 0) {
			int e = errno;

			fail(r, (long)r->nfields + 1, r->line, "không đọc được '%s': %s", r->name, sys_msg(e));
			r->read_failed = 1;
			r->eof = 1;
		} else if (n == 0) {
			r->eof = 1;
		} else {
			if (r->tap)
				r->tap(r->tap_ctx, r->win + r->len, (size_t)n);
			r->len += (size_t)n;
		}
	}
	return r->len - r->pos;
}

/* 1 when n more bytes are at data[pos], reading them if need be. */
static inline int have(struct csv_reader *r, size_t n)
{
	return r->len - r->pos >= n || fill(r, n) >= n;
}

/* Consume the line end (LF, CRLF or lone CR) at r->pos. */
static void end_line(struct csv_reader *r)
{
	if (r->data[r->pos] == '\r' && have(r, 2) && r->data[r->pos + 1] == '\n')
		r->pos++;
	r->pos++;
	r->line++;
}

/*
 * Guess the delimiter from the record at d[0..n): count ',' and ';'
 * outside quotes; ';' wins only when strictly more frequent.  A '"' opens
 * a quoted field only at the start of a field.  *complete is set when the
 * record ends within the n bytes.
 */
static char detect_delimiter(const char *d, size_t n, int *complete)
{
	size_t commas = 0, semis = 0, pos;
	int in_quotes = 0, at_start = 1;

	*complete = 0;
	for (pos = 0; pos < n; pos++) {
		char c = d[pos];

		if (in_quotes) {
			if (c == '"') {
				if (pos + 1 < n && d[pos + 1] == '"')
					pos++;
				else
					in_quotes = 0;
			}
			continue;
		}
		if (c == '\r' || c == '\n') {
			*complete = 1;
			break;
		}
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

/*
 * What every open does: check the BOM, skip the empty lines before the
 * first record (counting them as csv_next() would) and detect the
 * delimiter from that record, reading until its end is in the window
 * (at most DETECT_MAX bytes of it).
 */
static void start(struct csv_reader *r)
{
	const unsigned char *u;
	size_t n = fill(r, 3);
	int complete;

	u = (const unsigned char *)r->data + r->pos;
	if (n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
		r->pos += 3;
	} else if (n >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
		fail_start(r, "tệp là UTF-16; hãy lưu lại dưới dạng CSV UTF-8");
		r->delim = ',';
		return;
	}
	while (have(r, 1) && (r->data[r->pos] == '\r' || r->data[r->pos] == '\n')) {
		end_line(r);
		r->row++;
	}
	for (;;) {
		n = r->len - r->pos;
		if (n > DETECT_MAX)
			n = DETECT_MAX;
		r->delim = detect_delimiter(r->data + r->pos, n, &complete);
		if (complete || r->eof || n >= DETECT_MAX)
			break;
		fill(r, n + 1);
	}
}

/* A reader with nothing to read yet; NULL when out of memory. */
static struct csv_reader *reader_new(const char *name)
{
	struct csv_reader *r = calloc(1, sizeof(*r));
	size_t nlen;

	if (!r)
		return NULL;
	r->fd = -1;
	if (!name)
		name = "-";
	nlen = strlen(name);
	r->name = malloc(nlen + 1);
	if (!r->name) {
		free(r);
		return NULL;
	}
	memcpy(r->name, name, nlen + 1);
	r->line = 1;
	r->max_field = CSV_MAX_FIELD_DEFAULT;
	r->max_record = CSV_MAX_RECORD_DEFAULT;
	return r;
}

struct csv_reader *csv_open_mem(const char *data, size_t len, const char *name)
{
	struct csv_reader *r = reader_new(name);

	if (!r)
		return NULL;
	r->data = data ? data : "";
	r->len = data ? len : 0;
	r->eof = 1;
	start(r);
	return r;
}

static struct csv_reader *open_read(csv_read_fn *fn, void *ctx, const char *name, size_t bufsize,
				    csv_tap_fn *tap, void *tap_ctx)
{
	struct csv_reader *r = reader_new(name);

	if (!r)
		return NULL;
	r->tap = tap;
	r->tap_ctx = tap_ctx;
	r->read = fn;
	r->read_ctx = ctx;
	r->win_base = r->win_cap = bufsize ? bufsize : CSV_BUFFER_DEFAULT;
	r->win = malloc(r->win_cap);
	if (!r->win) {
		csv_close(r);
		return NULL;
	}
	r->data = r->win;
	start(r);
	return r;
}

struct csv_reader *csv_open_read(csv_read_fn *fn, void *ctx, const char *name, size_t bufsize)
{
	return open_read(fn, ctx, name, bufsize, NULL, NULL);
}

/* csv_read_fn for a file descriptor (ctx holds it). */
static long read_fd(void *ctx, char *buf, size_t n)
{
	int fd = (int)(intptr_t)ctx;
	ssize_t got;

	if (n > (size_t)1 << 30)
		n = (size_t)1 << 30;
	do
		got = read(fd, buf, n);
	while (got < 0 && errno == EINTR);
	return (long)got;
}

struct csv_reader *csv_open_file(const char *path, char *err, size_t errlen)
{
	return csv_open_file_tap(path, NULL, NULL, err, errlen);
}

struct csv_reader *csv_open_file_tap(const char *path, csv_tap_fn *tap, void *tap_ctx, char *err, size_t errlen)
{
	struct csv_reader *r = NULL;
	struct stat st;
	int fd;

	if (err && errlen)
		err[0] = '\0';
	if (!strcmp(path, "-")) {
		/* Standard input: a pipe or a redirected file, read the same way. */
		path = CSV_STDIN_NAME;
		fd = dup(0);
	} else {
		fd = open(path, O_RDONLY | O_CLOEXEC);
	}
	if (fd < 0) {
		set_msg(err, errlen, "không mở được '%s': %s", path, sys_msg(errno));
		return NULL;
	}
	if (fstat(fd, &st) != 0) {
		set_msg(err, errlen, "không đọc được '%s': %s", path, sys_msg(errno));
		close(fd);
		return NULL;
	}
	if (S_ISDIR(st.st_mode)) {
		set_msg(err, errlen, "'%s' là thư mục, không phải tệp CSV", path);
		close(fd);
		return NULL;
	}
	r = open_read(read_fd, (void *)(intptr_t)fd, path, 0, tap, tap_ctx);
	if (!r) {
		set_msg(err, errlen, "hết bộ nhớ khi đọc '%s'", path);
		close(fd);
		return NULL;
	}
	r->fd = fd;
	if (r->read_failed) {	/* reported here, like a file that cannot be opened */
		set_msg(err, errlen, "%s", r->err);
		csv_close(r);
		return NULL;
	}
	return r;
}

void csv_set_delimiter(struct csv_reader *r, char delim)
{
	if (r->started || r->failed)
		return;
	if (delim == '"' || delim == '\r' || delim == '\n' || delim == '\0') {
		fail_start(r, "dấu phân cách không hợp lệ");
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

void csv_set_max_record(struct csv_reader *r, size_t max)
{
	r->max_record = max ? max : CSV_MAX_RECORD_DEFAULT;
}

/* Make room for one more field in lens/fields. */
static int reserve_field(struct csv_reader *r)
{
	size_t ncap;
	void *p;

	if (r->nfields < r->fields_cap)
		return 0;
	if (r->nfields >= CSV_MAX_FIELDS)
		return fail(r, (long)r->nfields + 1, r->line, "dòng có quá nhiều ô (tối đa %d)", CSV_MAX_FIELDS);
	ncap = r->fields_cap ? r->fields_cap * 2 : 16;
	if (ncap > CSV_MAX_FIELDS)
		ncap = CSV_MAX_FIELDS;
	p = realloc(r->lens, ncap * sizeof(*r->lens));
	if (!p)
		return fail_oom(r);
	r->lens = p;
	p = realloc(r->fields, ncap * sizeof(*r->fields));
	if (!p)
		return fail_oom(r);
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

/* Append n bytes to the field being read, enforcing the length limits. */
static int field_add(struct csv_reader *r, const char *p, size_t n)
{
	size_t have_field = r->buf_len - r->field_start;
	long col = (long)r->nfields + 1;

	if (n > r->max_field || have_field > r->max_field - n)
		return fail(r, col, r->line, "ô quá dài (tối đa %zu byte)", r->max_field);
	if (r->buf_len >= r->max_record || n >= r->max_record - r->buf_len)	/* and its NUL */
		return fail(r, col, r->line, "dòng quá dài (tối đa %zu byte)", r->max_record);
	if (buf_add(r, p, n))
		return fail_oom(r);
	return 0;
}

static int fail_nul(struct csv_reader *r)
{
	return fail(r, (long)r->nfields + 1, r->line,
		    "tệp chứa byte NUL (tệp nhị phân hoặc UTF-16 không có BOM?)");
}

/* Add to the field the bytes at pos up to the first one marked in stop[]. */
static int add_run(struct csv_reader *r, const unsigned char *stop)
{
	const char *d = r->data;
	size_t run = r->pos, len = r->len;

	while (run < len && !stop[(unsigned char)d[run]])
		run++;
	if (field_add(r, d + r->pos, run - r->pos))
		return -1;
	r->pos = run;
	return 0;
}

/* Read a quoted field; r->pos is at its opening quote. */
static int read_quoted(struct csv_reader *r)
{
	long col = (long)r->nfields + 1, start_line = r->line;
	char c;

	r->pos++;
	for (;;) {
		if (add_run(r, r->qstop))
			return -1;
		if (r->pos == r->len) {	/* the window ran out, not the run */
			if (have(r, 1))
				continue;
			return fail(r, col, start_line, "thiếu dấu ngoặc kép đóng (ô kéo dài đến hết tệp)");
		}
		c = r->data[r->pos];
		if (c == '\0')
			return fail_nul(r);
		if (c == '\r' || c == '\n') {
			/* A line end inside the field: keep its bytes. */
			size_t n = c == '\r' && have(r, 2) && r->data[r->pos + 1] == '\n' ? 2 : 1;

			if (field_add(r, r->data + r->pos, n))
				return -1;
			r->pos += n;
			r->line++;
		} else if (have(r, 2) && r->data[r->pos + 1] == '"') {
			if (field_add(r, r->data + r->pos, 1))
				return -1;
			r->pos += 2;
		} else {
			r->pos++;
			break;
		}
	}
	if (have(r, 1) && (c = r->data[r->pos]) != r->delim && c != '\r' && c != '\n')
		return fail(r, col, r->line, "ký tự thừa sau dấu ngoặc kép đóng");
	return 0;
}

/* Read one field at r->pos; stops at the delimiter, a line end or EOF. */
static int read_field(struct csv_reader *r)
{
	if (!have(r, 1))
		return 0;
	if (r->data[r->pos] == '"')
		return read_quoted(r);
	do {
		if (add_run(r, r->stop))
			return -1;
	} while (r->pos == r->len && have(r, 1));
	if (r->pos < r->len && r->data[r->pos] == '\0')
		return fail_nul(r);
	return 0;
}

/* Fill stop[] and qstop[] once the delimiter is settled. */
static void set_tables(struct csv_reader *r)
{
	static const char ends[] = { '\r', '\n', '\0' };

	memset(r->stop, 0, sizeof(r->stop));
	memset(r->qstop, 0, sizeof(r->qstop));
	for (size_t i = 0; i < sizeof(ends); i++)
		r->stop[(unsigned char)ends[i]] = r->qstop[(unsigned char)ends[i]] = 1;
	r->stop[(unsigned char)r->delim] = 1;
	r->qstop['"'] = 1;
}

int csv_next(struct csv_reader *r, struct csv_row *row)
{
	long start_line;
	size_t i;
	int all_empty = 1;

	if (!r->started)
		set_tables(r);
	r->started = 1;
	if (r->failed)
		return -1;

	/* An empty line is an empty spreadsheet row: skipped, but counted. */
	while (have(r, 1) && (r->data[r->pos] == '\r' || r->data[r->pos] == '\n')) {
		end_line(r);
		r->row++;
	}
	if (!have(r, 1))
		return r->failed ? -1 : 0;

	r->row++;
	start_line = r->line;
	r->nfields = 0;
	r->buf_len = 0;
	for (;;) {
		if (reserve_field(r))
			return -1;
		r->field_start = r->buf_len;
		if (read_field(r))
			return -1;
		r->lens[r->nfields] = r->buf_len - r->field_start;
		if (r->buf_len >= r->max_record)	/* an empty last field: no field_add() */
			return fail(r, (long)r->nfields + 1, r->line, "dòng quá dài (tối đa %zu byte)",
				    r->max_record);
		if (buf_add(r, "", 1))
			return fail_oom(r);
		r->nfields++;
		if (!have(r, 1))
			break;
		if (r->data[r->pos] == r->delim) {
			r->pos++;
			continue;
		}
		end_line(r);	/* read_field() stopped at CR or LF */
		break;
	}
	if (r->failed)	/* a read error ended the input early */
		return -1;

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
	if (r->fd >= 0)
		close(r->fd);
	free(r->win);
	free(r->name);
	free(r->buf);
	free(r->lens);
	free(r->fields);
	free(r);
}
