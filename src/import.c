/* import.c - CSV, UTF-16 text and .xlsx files with a header row; see import.h. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "csv.h"
#include "diag.h"
#include "hash.h"
#include "import.h"
#include "sbuf.h"
#include "text.h"
#include "xlsx_read.h"
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

/*
 * Abbreviations and old spellings of the forms' headers, spelled out
 * before headers are compared: "Là đại biểu QH" = "Là đại biểu Quốc hội",
 * "Đại biểu Quốc hội khoá" = "... khóa" (the old tone placement is another
 * string after NFC).
 */
static const char *const header_words[][2] = {
	{ "QH", "Quốc hội" }, { "HĐND", "Hội đồng nhân dân" }, { "ĐB", "đại biểu" },
	{ "ĐBQH", "đại biểu Quốc hội" }, { "ĐBHĐND", "đại biểu Hội đồng nhân dân" },
	{ "UBND", "Ủy ban nhân dân" }, { "UBMTTQ", "Ủy ban Mặt trận Tổ quốc" }, { "MTTQ", "Mặt trận Tổ quốc" },
	{ "Uỷ", "Ủy" }, { "khoá", "khóa" }, { "GDPT", "Giáo dục phổ thông" }, { "LLCT", "Lý luận chính trị" },
	{ "CMNV", "Chuyên môn nghiệp vụ" }, { "TDP", "tổ dân phố" }, { "SN", "sinh" },
};

/*
 * The key a header is compared by: "(nếu có)" at its end and its
 * footnote mark dropped, commas, semicolons and slashes taken for spaces,
 * abbreviations spelled out, then text_loose_key() (case, spacing and
 * normalisation do not count).
 */
static char *header_key(const char *h)
{
	static const char if_any[] = "(nếu có)";
	struct sbuf sb = SBUF_INIT;
	char *c = text_trim_collapse(h), *w, *save = NULL, *key;
	size_t n;

	if (!c)
		return NULL;
	strip_footnote(c);
	n = strlen(c);
	if (n > strlen(if_any) && text_equal_fold(c + n - strlen(if_any), if_any)) {
		c[n - strlen(if_any)] = '\0';
		strip_footnote(c);
	}
	/* "Ngày, tháng, năm sinh" = "Ngày tháng năm sinh", "Học hàm/học vị" */
	for (char *p = c; *p; p++)
		if (*p == ',' || *p == ';' || *p == '/')
			*p = ' ';
	for (w = strtok_r(c, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
		size_t wl = strlen(w), core = wl;
		const char *word = w;

		while (core > 0 && strchr(",;:.", w[core - 1]))
			core--;
		if (sb.len)
			sbuf_addch(&sb, ' ');
		for (size_t i = 0; i < sizeof(header_words) / sizeof(header_words[0]); i++) {
			char tmp[32];
			if (core >= sizeof(tmp))
				break;
			memcpy(tmp, w, core);
			tmp[core] = '\0';
			if (text_equal_fold(tmp, header_words[i][0])) {
				word = header_words[i][1];
				break;
			}
		}
		if (word == w) {
			sbuf_add(&sb, w, wl);
		} else {
			sbuf_addstr(&sb, word);
			sbuf_add(&sb, w + core, wl - core);
		}
	}
	free(c);
	key = text_loose_key(sb.buf);
	sbuf_release(&sb);
	return key;
}

/* The keys of every column's names and of the row-number headers. */
static void build_keys(struct import *im)
{
	size_t n = 0, a = 16;
	char *k;

	im->hkeys_ = xmalloc(sizeof(*im->hkeys_) * a);
	im->hcols_ = xmalloc(sizeof(*im->hcols_) * a);
	for (int c = -1; c < im->ncols; c++) {
		const char *const *names = c < 0 ? row_number_headers : im->cols[c].headers;
		for (int i = c < 0 ? 0 : -1; i < 0 || names[i]; i++) {
			if (!(k = header_key(i < 0 ? im->cols[c].key : names[i])))
				continue;
			if (n == a) {
				a *= 2;
				im->hkeys_ = xrealloc(im->hkeys_, sizeof(*im->hkeys_) * a);
				im->hcols_ = xrealloc(im->hcols_, sizeof(*im->hcols_) * a);
			}
			im->hkeys_[n] = k;
			im->hcols_[n++] = c;
		}
	}
	im->nhkeys_ = n;
}

/* The column a header names: its index, -2 for the row number, -1 none. */
static int header_col(const struct import *im, const char *h)
{
	char *k = header_key(h);
	int c = -1;

	if (!k)
		return -1;
	for (size_t i = 0; i < im->nhkeys_; i++)
		if (!strcmp(k, im->hkeys_[i])) {
			c = im->hcols_[i] < 0 ? -2 : im->hcols_[i];
			break;
		}
	free(k);
	return c;
}

static int find_col(const struct import *im, const char *h)
{
	int c = header_col(im, h);

	return c >= 0 ? c : -1;
}

static int is_row_number(const struct import *im, const char *h)
{
	return header_col(im, h) == -2;
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

static int src_failed(struct import *im)
{
	if (im->x_)
		error_at(im->path, xlsx_reader_error_row(im->x_), xlsx_reader_error_col(im->x_), "%s",
			 xlsx_reader_error(im->x_));
	else
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

/* ---- rows from the file, and the rows read ahead --------------------------- */

static void raw_free(struct import_raw *r)
{
	free(r->f);	/* one block with the rest (src_read) */
	memset(r, 0, sizeof(*r));
}

/* The next row that has anything in it, copied into *out.  1, 0, -1. */
static int src_read(struct import *im, struct import_raw *out)
{
	const char *const *f;
	const size_t *len;
	const unsigned char *fl = NULL;
	size_t n;
	int rc;

	memset(out, 0, sizeof(*out));
	if (im->x_) {
		struct xlsx_row xr;
		while ((rc = xlsx_reader_next(im->x_, &xr)) > 0 && xr.all_empty)
			;
		if (rc <= 0)
			return rc;
		f = xr.cells;
		len = xr.lens;
		fl = xr.flags;
		n = xr.ncells;
		out->row = xr.row;
	} else {
		struct csv_row cr;
		while ((rc = csv_next(im->r_, &cr)) > 0 && cr.all_empty)
			;
		if (rc <= 0)
			return rc;
		f = cr.fields;
		len = cr.lens;
		n = cr.nfields;
		out->row = cr.row;
	}
	/* one block: the pointers, the lengths, the flags, then the texts */
	{
		size_t bytes = 0;
		char *p;

		for (size_t i = 0; i < n; i++)
			bytes += len[i] + 1;
		out->n = n;
		out->f = xmalloc(sizeof(*out->f) * (n ? n : 1) + sizeof(*out->len) * (n ? n : 1) + n + bytes);
		out->len = (size_t *)(out->f + (n ? n : 1));
		if (fl) {
			out->fl = (unsigned char *)(out->len + (n ? n : 1));
			memcpy(out->fl, fl, n);
		}
		p = (char *)(out->len + (n ? n : 1)) + n;
		for (size_t i = 0; i < n; i++) {
			out->f[i] = p;
			memcpy(p, f[i], len[i]);
			p[len[i]] = '\0';
			out->len[i] = len[i];
			p += len[i] + 1;
		}
	}
	return 1;
}

static void queue_push(struct import *im, struct import_raw *r)
{
	im->queue_ = xrealloc(im->queue_, sizeof(*im->queue_) * (im->nqueue_ + 1));
	im->queue_[im->nqueue_++] = *r;
	memset(r, 0, sizeof(*r));
}

/* The next row: from the rows read ahead while they last, then the file. */
static int next_raw(struct import *im, struct import_raw *out)
{
	if (im->qpos_ < im->nqueue_) {
		*out = im->queue_[im->qpos_];
		memset(&im->queue_[im->qpos_++], 0, sizeof(*out));
		return 1;
	}
	return src_read(im, out);
}

/* The row's text, its filled cells joined by spaces, a merged range's once. */
static char *row_text(const struct import_raw *r)
{
	struct sbuf sb = SBUF_INIT;
	size_t bad = 0;
	char *t;

	for (size_t i = 0; i < r->n; i++) {
		if (!r->len[i])
			continue;
		if (r->fl && (r->fl[i] & XLSX_CELL_MERGED) && i > 0 && r->len[i - 1] == r->len[i] &&
		    !memcmp(r->f[i - 1], r->f[i], r->len[i]))
			continue;
		if (sb.len)
			sbuf_addch(&sb, ' ');
		sbuf_add(&sb, r->f[i], r->len[i]);
	}
	t = clean_cell(sb.buf, sb.len, &bad);
	sbuf_release(&sb);
	return t ? t : xstrdup("");
}

/* A spreadsheet row whose every filled cell spans several columns: a
 * title, a section heading, a total, a signature. */
static int is_note_row(const struct import_raw *r)
{
	int any = 0;

	if (!r->fl)
		return 0;
	for (size_t i = 0; i < r->n; i++) {
		if (!r->len[i])
			continue;
		if (!(r->fl[i] & XLSX_CELL_HMERGE))
			return 0;
		any = 1;
	}
	return any;
}

static void tell_note(struct import *im, const struct import_raw *r)
{
	char *t;

	if (!im->opts_.on_note)
		return;
	t = row_text(r);
	if (*t)
		im->opts_.on_note(im->opts_.note_arg, r->row, t);
	free(t);
}

/* A header cell, cleaned and without its footnote mark; NULL if not UTF-8. */
static char *header_text(const struct import_raw *r, size_t i)
{
	size_t bad = 0;
	char *h;

	if (i >= r->n)
		return xstrdup("");
	h = clean_cell(r->f[i], r->len[i], &bad);
	if (h)
		strip_footnote(h);
	return h;
}

/* 1 when header cell h names a column of the import or the row number. */
static int known_header(const struct import *im, const char *h)
{
	return *h && header_col(im, h) != -1;
}

static int row_score(const struct import *im, const struct import_raw *r)
{
	int n = 0;

	for (size_t i = 0; i < r->n; i++) {
		char *h = header_text(r, i);
		if (h && known_header(im, h))
			n++;
		free(h);
	}
	return n;
}

/*
 * Is `sub`, the row right below header row `h`, a second header row?  Its
 * cells that differ from the header's above them must all name known
 * columns, and there must be at least one.
 */
static int is_subheader(const struct import *im, const struct import_raw *h, const struct import_raw *sub)
{
	int known = 0;

	if (sub->row != h->row + 1)
		return 0;
	for (size_t i = 0; i < sub->n; i++) {
		char *a, *b;
		int ok;

		if (!sub->len[i])
			continue;
		a = header_text(h, i);
		b = header_text(sub, i);
		ok = a && b && !strcmp(a, b);
		if (!ok && b && known_header(im, b)) {
			known++;
			ok = 1;
		}
		free(a);
		free(b);
		if (!ok)
			return 0;
	}
	return known > 0;
}

/* "(1) (2) (3) ..." or "1 2 3 ...", counting from 1: the column numbers
 * under a form's header. */
static int is_numbers_row(const struct import_raw *r)
{
	long prev = 0;
	int n = 0;

	for (size_t i = 0; i < r->n; i++) {
		const char *p = r->f[i];
		char *end;
		long v;

		if (!r->len[i])
			continue;
		if (*p == '(')
			p++;
		v = strtol(p, &end, 10);
		if (end == p || (*end == ')' ? end[1] : *end) || v != prev + 1)
			return 0;	/* 1, 2, 3, ...: the columns numbered in order */
		prev = v;
		n++;
	}
	return n >= 3;
}

static int read_header(struct import *im, const struct import_raw *row, const struct import_raw *sub)
{
	size_t nf = row->n;

	if (sub && sub->n > nf)
		nf = sub->n;
	im->nfile_ = nf;
	im->names_ = xcalloc(nf ? nf : 1, sizeof(*im->names_));
	if (sub) {
		/* kept to know the header when a printed form repeats it */
		im->top_ = xcalloc(nf ? nf : 1, sizeof(*im->top_));
		for (size_t i = 0; i < nf; i++)
			im->top_[i] = header_text(row, i);
	}
	im->ignored_ = xcalloc(nf ? nf : 1, sizeof(*im->ignored_));
	for (size_t i = 0; i < nf; i++) {
		char *h = header_text(row, i), *hs = sub ? header_text(sub, i) : NULL;
		int c;

		if (h && hs && *hs) {
			free(h);
			h = hs;		/* the sub-heading under a group heading */
			hs = NULL;
		}
		free(hs);
		if (!h) {
			field_error(im, i, "tiêu đề không phải UTF-8 hợp lệ; hãy lưu tệp dưới dạng 'CSV UTF-8' hoặc "
					   "'Excel Workbook (.xlsx)'");
			im->names_[i] = xstrdup("?");
			im->ignored_[i] = 1;
			continue;
		}
		im->names_[i] = h;
		if (!*h || is_row_number(im, h)) {
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

/* Read one more row into the rows read ahead: 1, 0 at the end, -1. */
static int read_ahead(struct import *im)
{
	struct import_raw r;
	int rc = src_read(im, &r);

	if (rc > 0)
		queue_push(im, &r);
	return rc;
}

/* Read ahead, find the header row (and a second one), keep the rest. */
static int find_header(struct import *im)
{
	size_t h = 0;
	int rc = 0, found = 0;

	while (im->nqueue_ < IMPORT_HEADER_SCAN && (rc = read_ahead(im)) > 0) {
		const struct import_raw *r = &im->queue_[im->nqueue_ - 1];
		if (!is_note_row(r) && row_score(im, r) > 0) {
			found = 1;
			break;
		}
	}
	if (rc < 0)
		return src_failed(im);
	if (im->nqueue_ == 0) {
		im->nerrors++;
		return error_at(im->path, 0, 0, "tệp rỗng: cần một dòng tiêu đề và các dòng dữ liệu");
	}
	if (found) {
		h = im->nqueue_ - 1;
	} else {
		/* no known header anywhere: the first row that is not a title,
		 * to say which columns are unknown */
		while (h + 1 < im->nqueue_ && is_note_row(&im->queue_[h]))
			h++;
	}
	for (size_t i = 0; i < h; i++)
		tell_note(im, &im->queue_[i]);
	im->row = im->header_row = im->queue_[h].row;
	im->qpos_ = h + 1;
	/* the row below: a second header row, then a row of column numbers */
	if (im->qpos_ == im->nqueue_ && (rc = read_ahead(im)) < 0)
		return src_failed(im);
	if (im->qpos_ < im->nqueue_ && is_subheader(im, &im->queue_[h], &im->queue_[im->qpos_])) {
		rc = read_header(im, &im->queue_[h], &im->queue_[im->qpos_]);
		im->qpos_++;
	} else {
		rc = read_header(im, &im->queue_[h], NULL);
	}
	if (im->qpos_ == im->nqueue_ && read_ahead(im) < 0)
		return src_failed(im);
	if (im->qpos_ < im->nqueue_ && is_numbers_row(&im->queue_[im->qpos_]))
		im->qpos_++;
	for (size_t i = 0; i < im->qpos_; i++)
		raw_free(&im->queue_[i]);
	return rc;
}

/* ---- opening: what the file is --------------------------------------------- */

/* The bytes of a file already read, then the rest of it. */
struct import_feed {
	int fd;
	unsigned char *pre;
	size_t npre, ppos;
	struct hash *hash;	/* sees what is read past pre */
	/* UTF-16 to UTF-8 */
	int utf16;		/* 0, 1 little-endian, 2 big-endian */
	unsigned char odd;
	int has_odd;
	unsigned pending_hi;	/* a high surrogate waiting for its pair */
};

static long feed_raw(struct import_feed *f, unsigned char *buf, size_t n)
{
	ssize_t got;

	if (f->ppos < f->npre) {
		size_t k = f->npre - f->ppos < n ? f->npre - f->ppos : n;
		memcpy(buf, f->pre + f->ppos, k);
		f->ppos += k;
		return (long)k;
	}
	if (f->fd < 0)
		return 0;
	do
		got = read(f->fd, buf, n);
	while (got < 0 && errno == EINTR);
	if (got > 0 && f->hash)
		hash_add(f->hash, buf, (size_t)got);
	return (long)got;
}

static size_t put_utf8(unsigned cp, char *out)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

/*
 * csv_read_fn: the file's bytes, as UTF-8 when it is UTF-16.  A lone
 * surrogate or an odd last byte becomes a byte that is not UTF-8, so that
 * its cell is reported.
 */
static long feed_read(void *ctx, char *buf, size_t n)
{
	struct import_feed *f = ctx;
	unsigned char raw[4096];
	size_t have = 0, i, out = 0, want;
	long got;

	if (!f->utf16)
		return feed_raw(f, (unsigned char *)buf, n);
	if (n < 8) {
		errno = EINVAL;
		return -1;
	}
	/* 2 input bytes give at most 3 output bytes, a pair 4 for 4 */
	want = n / 2 < sizeof(raw) ? n / 2 : sizeof(raw);
	want &= ~(size_t)1;
	if (f->has_odd) {
		raw[have++] = f->odd;
		f->has_odd = 0;
	}
	got = feed_raw(f, raw + have, want - have);
	if (got < 0)
		return -1;
	have += (size_t)got;
	if (got == 0) {
		if (have || f->pending_hi) {
			f->pending_hi = 0;
			buf[0] = (char)0xFF;
			return 1;
		}
		return 0;
	}
	for (i = 0; i + 1 < have; i += 2) {
		unsigned u = f->utf16 == 1 ? (unsigned)raw[i] | (unsigned)raw[i + 1] << 8
					   : (unsigned)raw[i] << 8 | (unsigned)raw[i + 1];
		if (f->pending_hi) {
			unsigned hi = f->pending_hi;
			f->pending_hi = 0;
			if (u >= 0xDC00 && u <= 0xDFFF) {
				out += put_utf8(0x10000 + ((hi - 0xD800) << 10) + (u - 0xDC00), buf + out);
				continue;
			}
			buf[out++] = (char)0xFF;
		}
		if (u >= 0xD800 && u <= 0xDBFF)
			f->pending_hi = u;
		else if (u >= 0xDC00 && u <= 0xDFFF)
			buf[out++] = (char)0xFF;
		else
			out += put_utf8(u, buf + out);
	}
	if (i < have) {
		f->odd = raw[i];
		f->has_odd = 1;
	}
	if (!out) {
		/* only a high surrogate came: ask for more */
		return feed_read(ctx, buf, n);
	}
	return (long)out;
}

/* Tab, comma or semicolon: which the first line of UTF-16 text uses most. */
static char utf16_delimiter(const unsigned char *b, size_t n, int le)
{
	size_t tabs = 0, commas = 0, semis = 0;
	int quoted = 0;

	for (size_t i = 2; i + 1 < n; i += 2) {
		unsigned u = le ? (unsigned)b[i] | (unsigned)b[i + 1] << 8 : (unsigned)b[i] << 8 | (unsigned)b[i + 1];
		if (u == '"')
			quoted = !quoted;
		else if (quoted)
			continue;
		else if (u == '\n' || u == '\r')
			break;
		else if (u == '\t')
			tabs++;
		else if (u == ',')
			commas++;
		else if (u == ';')
			semis++;
	}
	if (tabs && tabs >= commas && tabs >= semis)
		return '\t';
	return semis > commas ? ';' : ',';
}

/* Standard input copied to an unlinked file: a zip must be read at random. */
static int spool(struct import_feed *f, char *err, size_t errlen)
{
	const char *dir = getenv("TMPDIR");
	struct sbuf path = SBUF_INIT;
	unsigned char buf[65536];
	int fd;
	long n;

	sbuf_addf(&path, "%s/hiepthuong-XXXXXX", dir && *dir ? dir : "/tmp");
	fd = mkstemp(path.buf);
	if (fd < 0) {
		snprintf(err, errlen, "không tạo được tệp tạm để đọc đầu vào chuẩn trong '%s'",
			 dir && *dir ? dir : "/tmp");
		sbuf_release(&path);
		return -1;
	}
	unlink(path.buf);
	sbuf_release(&path);
	while ((n = feed_raw(f, buf, sizeof(buf))) > 0) {
		for (long w = 0; w < n;) {
			ssize_t k = write(fd, buf + w, (size_t)(n - w));
			if (k < 0 && errno == EINTR)
				continue;
			if (k < 0) {
				snprintf(err, errlen, "không ghi được tệp tạm (đĩa đầy?)");
				close(fd);
				return -1;
			}
			w += k;
		}
	}
	if (n < 0 || lseek(fd, 0, SEEK_SET) != 0) {
		snprintf(err, errlen, "không đọc được đầu vào chuẩn");
		close(fd);
		return -1;
	}
	return fd;
}

/* Every byte a CSV file gives: into its hash, and counted for the progress line. */
static void tap_hash(void *ctx, const char *buf, size_t n)
{
	struct import *im = ctx;

	hash_add(im->hash_, buf, n);
	im->read_ += (long long)n;
}

/* Fill f->pre up to `want` bytes (fewer at the end of the file). */
static void read_prefix(struct import_feed *f, size_t want)
{
	f->pre = xrealloc(f->pre, want);
	while (f->npre < want) {
		ssize_t n = read(f->fd, f->pre + f->npre, want - f->npre);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		f->npre += (size_t)n;
	}
}

/* A workbook: hashed, then opened by libzip from a file it can seek in. */
static int open_zip(struct import *im, struct import_feed *f, int is_stdin)
{
	unsigned char buf[65536];
	char err[512];
	int zfd;
	long n;

	if (!is_stdin && lseek(f->fd, (off_t)f->npre, SEEK_SET) == (off_t)f->npre) {
		f->ppos = f->npre;	/* hashed already */
		while ((n = feed_raw(f, buf, sizeof(buf))) > 0)
			;
		if (n < 0 || lseek(f->fd, 0, SEEK_SET) != 0) {
			im->nerrors++;
			return error_at(im->path, 0, 0, "không đọc được tệp");
		}
		zfd = f->fd;
	} else {
		zfd = spool(f, err, sizeof(err));
		if (zfd < 0) {
			im->nerrors++;
			return error("%s", err);
		}
		if (!is_stdin)
			close(f->fd);
	}
	f->fd = -1;
	im->x_ = xlsx_reader_open(zfd, im->path, im->opts_.sheet, err, sizeof(err));
	if (!im->x_) {
		im->nerrors++;
		return error_at(im->path, 0, 0, "%s", err);
	}
	im->sheet = xlsx_reader_sheet(im->x_);
	diag_sheet(im->path, im->sheet);
	return 0;
}

/*
 * Open the source of im->path: 0 with im->r_ or im->x_ ready, or -1 after
 * reporting.  What the file is comes from its first bytes.
 */
static int open_source(struct import *im, const char *path, struct import_feed *f)
{
	int is_stdin = !strcmp(path, "-");
	enum xlsx_kind kind = XLSX_KIND_TEXT;
	char err[512];
	struct stat sb;

	f->fd = is_stdin ? 0 : open(path, O_RDONLY | O_CLOEXEC);
	if (f->fd >= 0 && fstat(f->fd, &sb) == 0 && !S_ISDIR(sb.st_mode)) {
		read_prefix(f, 8192);
		kind = xlsx_sniff(f->pre, f->npre);
	}
	if (kind == XLSX_KIND_TEXT && !is_stdin) {
		/* CSV as it always was: the reader opens the file by its name */
		if (f->fd >= 0)
			close(f->fd);
		f->fd = -1;
		if (stat(path, &sb) == 0 && S_ISREG(sb.st_mode))
			im->size_ = (long long)sb.st_size;
		snprintf(im->what_, sizeof(im->what_), "đọc '%s'", path);
		im->r_ = csv_open_file_tap(path, tap_hash, im, err, sizeof(err));
		if (!im->r_) {
			im->nerrors++;
			return error("%s", err);
		}
		return 0;
	}
	hash_add(im->hash_, f->pre, f->npre);
	f->hash = im->hash_;
	switch (kind) {
	case XLSX_KIND_CFB:
		/* the directory of a compound file names an encrypted package */
		f->hash = NULL;
		read_prefix(f, (size_t)1 << 20);
		im->nerrors++;
		if (xlsx_cfb_is_encrypted(f->pre, f->npre))
			return error_at(im->path, 0, 0, "sổ Excel được đặt mật khẩu (mã hóa): hiepthuong không đọc được; "
					"hãy mở bằng Excel, bỏ mật khẩu rồi lưu lại dưới dạng .xlsx");
		return error_at(im->path, 0, 0, "đây là tệp Excel 97-2003 (.xls); hãy mở bằng Excel hoặc LibreOffice "
				"và lưu lại dưới dạng 'Excel Workbook (.xlsx)' hoặc 'CSV UTF-8'");
	case XLSX_KIND_ZIP:
		return open_zip(im, f, is_stdin);
	case XLSX_KIND_UTF16LE:
	case XLSX_KIND_UTF16BE:
		f->utf16 = kind == XLSX_KIND_UTF16LE ? 1 : 2;
		f->ppos = 2;	/* the byte-order mark */
		im->r_ = csv_open_read(feed_read, f, im->path, 0);
		csv_set_delimiter(im->r_, utf16_delimiter(f->pre, f->npre, f->utf16 == 1));
		return 0;
	default:
		im->r_ = csv_open_read(feed_read, f, im->path, 0);
		return 0;
	}
}

int import_open_opts(struct import *im, const char *path, const struct import_col *cols, int ncols,
		     const struct import_opts *opts)
{
	memset(im, 0, sizeof(*im));
	/* "-" is standard input (csv_open_file_tap), named so in messages. */
	im->path = strcmp(path, "-") ? path : CSV_STDIN_NAME;
	im->cols = cols;
	im->ncols = ncols;
	if (opts)
		im->opts_ = *opts;
	im->pos_ = xmalloc(sizeof(*im->pos_) * (size_t)ncols);
	im->vals_ = xcalloc((size_t)ncols, sizeof(*im->vals_));
	for (int c = 0; c < ncols; c++)
		im->pos_[c] = -1;
	build_keys(im);
	im->hash_ = hash_new();
	im->feed_ = xcalloc(1, sizeof(*im->feed_));
	im->feed_->fd = -1;
	if (open_source(im, path, im->feed_) < 0)
		return -1;
	if (im->opts_.sheet && !im->x_) {
		im->nerrors++;
		return error_at(im->path, 0, 0, "--sheet chỉ dùng với sổ Excel (.xlsx); tệp này là tệp văn bản (CSV)");
	}
	return find_header(im);
}

int import_open(struct import *im, const char *path, const struct import_col *cols, int ncols)
{
	return import_open_opts(im, path, cols, ncols, NULL);
}

static void clear_vals(struct import *im)
{
	for (int c = 0; c < im->ncols; c++) {
		free(im->vals_[c]);
		im->vals_[c] = NULL;
	}
}

/*
 * A row whose only text is in the row-number column (or past the
 * header), and is not a number there: a section heading ("Đơn vị bầu cử số
 * 1") or a total written across the table.
 */
static int is_section_row(const struct import *im, const struct import_raw *r)
{
	int any = 0;

	for (size_t i = 0; i < r->n; i++) {
		char *end;

		if (!r->len[i])
			continue;
		if (i < im->nfile_ && (!im->ignored_[i] || !*im->names_[i]))
			return 0;
		strtol(r->f[i], &end, 10);
		if (!*end)
			return 0;
		any = 1;
	}
	return any;
}

/*
 * A printed form repeats its header rows (and the row of column numbers)
 * at the top of every page (Mẫu 05, 17, 22 as hiepthuong writes them):
 * a row whose every filled cell is a known header, or the header or group
 * heading ("Trình độ") read at that column, is that repetition, not a person.
 */
static int is_repeated_header(const struct import *im, const struct import_raw *r)
{
	int known = 0;

	if (is_numbers_row(r))
		return 1;
	for (size_t i = 0; i < r->n; i++) {
		char *h;
		int ok;

		if (!r->len[i])
			continue;
		h = header_text(r, i);
		ok = h && (known_header(im, h) ||
			   (i < im->nfile_ && *im->names_[i] && text_equal_fold(h, im->names_[i])) ||
			   (im->top_ && i < im->nfile_ && im->top_[i] && *im->top_[i] && text_equal_fold(h, im->top_[i])));
		known += h && known_header(im, h);
		free(h);
		if (!ok)
			return 0;
	}
	return known >= 2;
}

int import_next(struct import *im)
{
	struct import_raw *row = &im->cur_;
	int rc;

	clear_vals(im);
	im->row_errors = 0;
	for (;;) {
		raw_free(row);
		if ((rc = next_raw(im, row)) < 0)
			return src_failed(im);
		if (rc == 0) {
			if (im->hash_) {
				/* a workbook's bytes were all hashed when it was opened */
				hash_end_hex(im->hash_, im->sha256_);
				im->hash_ = NULL;
			}
			return 0;
		}
		if (is_note_row(row) || is_section_row(im, row)) {
			tell_note(im, row);
			continue;
		}
		if (im->header_row && is_repeated_header(im, row))
			continue;
		break;
	}
	im->row = row->row;
	im->rows++;
	if (im->size_ > (2 << 20))	/* a second's work or more */
		progress_bytes(im->what_, im->read_, im->size_);
	for (size_t i = 0; i < row->n; i++) {
		if (row->fl && (row->fl[i] & XLSX_CELL_ERROR) && row->len[i]) {
			if (i < im->nfile_ && im->ignored_[i] && *im->names_[i])
				continue;	/* the STT column: never read */
			field_error(im, i, "%s", row->f[i]);
			row->len[i] = 0;
			row->f[i][0] = '\0';
			continue;
		}
		if (i >= im->nfile_ || im->ignored_[i]) {
			if (row->len[i] && (i >= im->nfile_ || !*im->names_[i]))
				field_error(im, i, "ô có dữ liệu nhưng cột không có tiêu đề");
			continue;
		}
	}
	for (int c = 0; c < im->ncols; c++) {
		size_t i, bad = 0;

		if (im->pos_[c] < 0)
			continue;
		i = (size_t)im->pos_[c];
		if (i >= row->n) {
			im->vals_[c] = xstrdup("");
			continue;
		}
		im->vals_[c] = clean_cell(row->f[i], row->len[i], &bad);
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
	raw_free(&im->cur_);
	free(im->where_);
	for (size_t i = 0; i < im->nhkeys_; i++)
		free(im->hkeys_[i]);
	free(im->hkeys_);
	free(im->hcols_);
	for (size_t i = 0; i < im->nqueue_; i++)
		raw_free(&im->queue_[i]);
	free(im->queue_);
	if (im->x_) {
		diag_sheet(NULL, NULL);
		xlsx_reader_close(im->x_);
	}
	if (im->feed_) {
		if (im->feed_->fd > 0)
			close(im->feed_->fd);
		free(im->feed_->pre);
		free(im->feed_);
	}
	free(im->vals_);
	free(im->pos_);
	for (size_t i = 0; i < im->nfile_; i++) {
		free(im->names_[i]);
		if (im->top_)
			free(im->top_[i]);
	}
	free(im->names_);
	free(im->top_);
	free(im->ignored_);
	csv_close(im->r_);
	if (im->hash_)
		hash_free(im->hash_);	/* the file was not read to its end */
	memset(im, 0, sizeof(*im));
}

const char *import_where(struct import *im)
{
	struct sbuf sb = SBUF_INIT;

	if (im->sheet)
		sbuf_addf(&sb, "%s: %s, dòng %ld", im->path, im->sheet, im->row);
	else
		sbuf_addf(&sb, "%s:%ld", im->path, im->row);
	free(im->where_);
	im->where_ = sbuf_detach(&sb, NULL);
	return im->where_;
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
