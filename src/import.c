/* import.c - CSV files with a header row; see import.h. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "csv.h"
#include "diag.h"
#include "hash.h"
#include "import.h"
#include "sbuf.h"
#include "text.h"
#include "banned.h"

static const char *const row_number_headers[] = { "STT", "TT", "Số thứ tự", "Số TT", NULL };

/*
 * Clean a raw cell: valid UTF-8, NFC, no controls, white space collapsed.
 * Returns a malloc'd string, or NULL (with *bad the byte offset) when the
 * bytes are not UTF-8.
 */
static char *clean_cell(const char *s, size_t len, size_t *bad)
{
	char *c = text_clean(s, len, bad), *t;

	if (!c)
		return NULL;
	t = text_trim_collapse(c);
	free(c);
	return t;
}

/* "Họ và tên (2)" -> "Họ và tên": drop a form's footnote marker. */
static void strip_footnote(char *h)
{
	size_t n = strlen(h);
	char *open;

	if (n < 3 || h[n - 1] != ')' || !(open = strrchr(h, '(')) || open + 1 == h + n - 1)
		return;
	for (char *p = open + 1; p < h + n - 1; p++)
		if (*p < '0' || *p > '9')
			return;
	while (open > h && open[-1] == ' ')
		open--;
	*open = '\0';
}

static int match(const char *h, const char *const *names)
{
	for (int i = 0; names[i]; i++)
		if (text_equal_fold(h, names[i]))
			return 1;
	return 0;
}

static int find_col(const struct import *im, const char *h)
{
	for (int c = 0; c < im->ncols; c++) {
		const char *key[] = { im->cols[c].key, NULL };
		if (match(h, key) || match(h, im->cols[c].headers))
			return c;
	}
	return -1;
}

static void __attribute__((format(printf, 4, 0)))
vreport(struct import *im, int is_error, int col, const char *fmt, va_list ap)
{
	struct sbuf msg = SBUF_INIT;
	long fcol = 0;

	if (col >= 0 && col < im->ncols && im->pos_[col] >= 0) {
		fcol = im->pos_[col] + 1;
		sbuf_addf(&msg, "cột '%s': ", im->names_[im->pos_[col]]);
	}
	sbuf_vaddf(&msg, fmt, ap);
	if (is_error) {
		error_at(im->path, im->row, fcol, "%s", msg.buf);
		im->nerrors++;
		im->row_errors++;
	} else {
		warning_at(im->path, im->row, fcol, "%s", msg.buf);
	}
	sbuf_release(&msg);
}

int import_error(struct import *im, int col, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(im, 1, col, fmt, ap);
	va_end(ap);
	return -1;
}

void import_warning(struct import *im, int col, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(im, 0, col, fmt, ap);
	va_end(ap);
}

/* An error at a field of the file (header or cell) by its index. */
__attribute__((format(printf, 3, 4)))
static void field_error(struct import *im, size_t field, const char *fmt, ...)
{
	struct sbuf msg = SBUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	sbuf_vaddf(&msg, fmt, ap);
	va_end(ap);
	error_at(im->path, im->row, (long)field + 1, "%s", msg.buf);
	im->nerrors++;
	im->row_errors++;
	sbuf_release(&msg);
}

static int csv_failed(struct import *im)
{
	error_at(im->path, csv_error_row(im->r_), csv_error_col(im->r_), "%s (dòng %ld của tệp)",
		 csv_error(im->r_), csv_error_line(im->r_));
	im->nerrors++;
	return -1;
}

static void known_columns(const struct import *im, struct sbuf *sb)
{
	/* columns without Vietnamese headers are output-only: not offered */
	for (int c = 0; c < im->ncols; c++)
		if (im->cols[c].headers[0])
			sbuf_addf(sb, "%s%s", sb->len ? ", " : "", im->cols[c].key);
}

static int read_header(struct import *im, const struct csv_row *row)
{
	im->nfile_ = row->nfields;
	im->names_ = xcalloc(row->nfields, sizeof(*im->names_));
	im->ignored_ = xcalloc(row->nfields, sizeof(*im->ignored_));
	for (size_t i = 0; i < row->nfields; i++) {
		size_t bad = 0;
		char *h = clean_cell(row->fields[i], row->lens[i], &bad);
		int c;

		if (!h) {
			field_error(im, i, "tiêu đề không phải UTF-8 hợp lệ (byte thứ %zu); hãy lưu tệp dưới dạng "
					   "'CSV UTF-8'", bad + 1);
			im->names_[i] = xstrdup("?");
			im->ignored_[i] = 1;
			continue;
		}
		strip_footnote(h);
		im->names_[i] = h;
		if (!*h || match(h, row_number_headers)) {
			im->ignored_[i] = 1;
			continue;
		}
		c = find_col(im, h);
		if (c < 0) {
			struct sbuf known = SBUF_INIT;
			known_columns(im, &known);
			field_error(im, i, "cột không xác định '%s' (các cột dùng được: %s; xem docs/import.md)", h,
				    known.buf);
			sbuf_release(&known);
		} else if (im->pos_[c] >= 0) {
			field_error(im, i, "cột '%s' trùng với cột %d '%s'", h, im->pos_[c] + 1,
				    im->names_[im->pos_[c]]);
		} else {
			im->pos_[c] = (int)i;
		}
	}
	for (int c = 0; c < im->ncols; c++) {
		if (im->cols[c].required && im->pos_[c] < 0) {
			error_at(im->path, im->row, 0, "thiếu cột '%s' (hoặc '%s')", im->cols[c].headers[0],
				 im->cols[c].key);
			im->nerrors++;
		}
	}
	return im->nerrors ? -1 : 0;
}

/* Every byte read: into the file's hash, and counted for the progress line. */
static void tap_read(void *ctx, const char *buf, size_t n)
{
	struct import *im = ctx;

	hash_add(im->hash_, buf, n);
	im->read_ += (long long)n;
}

int import_open(struct import *im, const char *path, const struct import_col *cols, int ncols)
{
	struct csv_row row;
	struct stat st;
	char err[512];
	int rc;

	memset(im, 0, sizeof(*im));
	im->path = path;
	im->cols = cols;
	im->ncols = ncols;
	im->pos_ = xmalloc(sizeof(*im->pos_) * (size_t)ncols);
	im->vals_ = xcalloc((size_t)ncols, sizeof(*im->vals_));
	for (int c = 0; c < ncols; c++)
		im->pos_[c] = -1;
	im->hash_ = hash_new();
	if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
		im->size_ = (long long)st.st_size;
	snprintf(im->what_, sizeof(im->what_), "đọc '%s'", path);
	im->r_ = csv_open_file_tap(path, tap_read, im, err, sizeof(err));
	if (!im->r_) {
		im->nerrors++;
		return error("%s", err);
	}
	while ((rc = csv_next(im->r_, &row)) > 0 && row.all_empty)
		;
	if (rc < 0)
		return csv_failed(im);
	if (rc == 0) {
		im->nerrors++;
		return error_at(path, 0, 0, "tệp rỗng: cần một dòng tiêu đề và các dòng dữ liệu");
	}
	im->row = im->header_row = row.row;
	return read_header(im, &row);
}

static void clear_vals(struct import *im)
{
	for (int c = 0; c < im->ncols; c++) {
		free(im->vals_[c]);
		im->vals_[c] = NULL;
	}
}

int import_next(struct import *im)
{
	struct csv_row row;
	int rc;

	clear_vals(im);
	im->row_errors = 0;
	while ((rc = csv_next(im->r_, &row)) > 0 && row.all_empty)
		;
	if (rc < 0)
		return csv_failed(im);
	if (rc == 0) {
		if (im->hash_) {
			hash_end_hex(im->hash_, im->sha256_);
			im->hash_ = NULL;
		}
		return 0;
	}
	im->row = row.row;
	im->rows++;
	if (im->size_ > (2 << 20))	/* a second's work or more */
		progress_bytes(im->what_, im->read_, im->size_);
	for (size_t i = 0; i < row.nfields; i++) {
		if (i >= im->nfile_ || im->ignored_[i]) {
			if (row.lens[i] && (i >= im->nfile_ || !*im->names_[i]))
				field_error(im, i, "ô có dữ liệu nhưng cột không có tiêu đề");
			continue;
		}
	}
	for (int c = 0; c < im->ncols; c++) {
		size_t i, bad = 0;

		if (im->pos_[c] < 0)
			continue;
		i = (size_t)im->pos_[c];
		if (i >= row.nfields) {
			im->vals_[c] = xstrdup("");
			continue;
		}
		im->vals_[c] = clean_cell(row.fields[i], row.lens[i], &bad);
		if (!im->vals_[c]) {
			import_error(im, c, "không phải UTF-8 hợp lệ (byte thứ %zu của ô); hãy lưu tệp dưới dạng "
					    "'CSV UTF-8'", bad + 1);
			im->vals_[c] = xstrdup("");
		}
	}
	return 1;
}

const char *import_val(const struct import *im, int col)
{
	return im->vals_[col];
}

int import_has(const struct import *im, int col)
{
	return im->pos_[col] >= 0;
}

void import_close(struct import *im)
{
	if (im->vals_)
		clear_vals(im);
	free(im->vals_);
	free(im->pos_);
	for (size_t i = 0; i < im->nfile_; i++)
		free(im->names_[i]);
	free(im->names_);
	free(im->ignored_);
	csv_close(im->r_);
	if (im->hash_)
		hash_free(im->hash_);	/* the file was not read to its end */
	memset(im, 0, sizeof(*im));
}

const char *import_sha256(const struct import *im)
{
	return im->sha256_[0] ? im->sha256_ : NULL;
}

char *import_clean_arg(const char *opt, const char *s)
{
	size_t bad = 0;
	char *c;

	if (!s)
		return NULL;
	c = clean_cell(s, strlen(s), &bad);
	if (!c)
		error("giá trị của '%s' không phải UTF-8 hợp lệ (byte thứ %zu)", opt, bad + 1);
	return c;
}
