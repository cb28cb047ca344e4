/*
 * COMMAND: unit import
 * USAGE:   hiepthuong unit import TỆP [--body CƠ-QUAN] [--sheet TRANG]
 *
 * COMMAND: alloc import
 * USAGE:   hiepthuong alloc import TỆP [--body CƠ-QUAN] [--sheet TRANG] [--version 1|2|3]
 *
 * Bulk entry of the round-1 table from a CSV file saved by Excel or
 * LibreOffice (columns in docs/import.md).  All or nothing: every row is
 * checked, every bad row is reported as file:row:column, and a file with
 * any bad row changes nothing (the dispatcher rolls the transaction back).
 * A row that is already in the book with the same values is "matched" and
 * left alone, so importing a file twice is harmless; a row that is in the
 * book with other values is an error (change it with unit edit / alloc set).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "book.h"
#include "cmd.h"
#include "count.h"
#include "db.h"
#include "diag.h"
#include "import.h"
#include "opt.h"
#include "sbuf.h"
#include "text.h"
#include "units.h"
#include "banned.h"

/* Records written by this import, with their rows, to tell duplicates. */
struct seen {
	long long *id;
	long *row;
	int *version;
	int n, alloc;
};

static void seen_add(struct seen *s, long long id, int version, long row)
{
	if (s->n == s->alloc) {
		s->alloc = s->alloc ? s->alloc * 2 : 64;
		s->id = xrealloc(s->id, sizeof(*s->id) * (size_t)s->alloc);
		s->row = xrealloc(s->row, sizeof(*s->row) * (size_t)s->alloc);
		s->version = xrealloc(s->version, sizeof(*s->version) * (size_t)s->alloc);
	}
	s->id[s->n] = id;
	s->version[s->n] = version;
	s->row[s->n++] = row;
}

static long seen_row(const struct seen *s, long long id, int version)
{
	for (int i = 0; i < s->n; i++)
		if (s->id[i] == id && s->version[i] == version)
			return s->row[i];
	return 0;
}

static void seen_release(struct seen *s)
{
	free(s->id);
	free(s->row);
	free(s->version);
	memset(s, 0, sizeof(*s));
}

static const char *const h_body[] = { "Cơ quan dân cử", "Ứng cử đại biểu", "Bầu cử", NULL };
static const char *const h_none[] = { NULL };

/* The body of the current row: its cell, else --body, else the only one. */
static const struct body_ref *row_body(struct import *im, int col, const struct book_info *bi,
				       const struct body_ref *def)
{
	const char *v = import_val(im, col);
	const struct body_ref *b;

	if (v && *v) {
		if (!(b = book_body_find(bi, v)))
			import_error(im, col, "không có cơ quan dân cử '%s' trong sổ (dùng mã như '%s')", v,
				     bi->nbodies ? bi->bodies[0].code : "qh");
		return b;
	}
	if (def)
		return def;
	import_error(im, import_has(im, col) ? col : -1, "không rõ cơ quan dân cử: ghi vào cột '%s' hoặc dùng --body",
		     h_body[0]);
	return NULL;
}

/* Summary line and exit code shared by the imports, also when the file
 * broke off (import_next() < 0 counted that error: nothing is imported). */
static int finish(struct ctx *ctx, struct import *im, const char *what, int added, int matched)
{
	if (im->nerrors) {
		fprintf(stderr, "%s: %d lỗi; không nhập gì, sổ không thay đổi\n", im->path, im->nerrors);
		return -1;
	}
	printf("%s: thêm %d %s, khớp %d đã có trong sổ, từ chối 0 dòng\n", im->path, added, what, matched);
	ctx_change(ctx, "nhập '%s' (SHA-256 %s): thêm %d %s, khớp %d", im->path, import_sha256(im), added, what,
		   matched);
	return 0;
}

enum { UC_BODY, UC_CODE, UC_NAME, UC_KIND, UC_NOMINEES, UC_N };

static const char *const h_code[] = { "Mã đơn vị", "Mã", "Ký hiệu", NULL };
static const char *const h_uname[] = { "Tên đơn vị", "Cơ quan, tổ chức, đơn vị", "Tên cơ quan, tổ chức, đơn vị",
					"Đơn vị", "Tên", NULL };
static const char *const h_kind[] = { "Loại đơn vị", "Loại", NULL };

static const struct import_col unit_import_cols[UC_N] = {
	{ "body", h_body, 0 },
	{ "code", h_code, 0 },
	{ "name", h_uname, 1 },
	{ "kind", h_kind, 1 },
	{ "nominees", h_none, 0 },	/* written by unit list; ignored */
};

static int unit_row(struct ctx *ctx, struct import *im, const struct book_info *bi, const struct body_ref *def,
		    struct seen *seen, int *added, int *matched)
{
	const struct body_ref *b = row_body(im, UC_BODY, bi, def);
	const char *name = import_val(im, UC_NAME), *kind_s = import_val(im, UC_KIND);
	const char *code = import_val(im, UC_CODE);
	const struct unit_kind *k = unit_kind_find(kind_s);
	struct unit_row u;
	sqlite3_stmt *st;
	char why[256];
	long prev;
	int r, rc = 0;

	if (!code || !*code)
		code = name;
	if (!*name)
		import_error(im, UC_NAME, "thiếu tên đơn vị");
	if (!*kind_s)
		import_error(im, UC_KIND, "thiếu loại đơn vị");
	else if (!k)
		import_error(im, UC_KIND, "loại đơn vị '%s' không hợp lệ (xem docs/import.md)", kind_s);
	else if (unit_kind_allowed(bi, k->key, why, sizeof(why)) < 0)
		import_error(im, UC_KIND, "%s", why);
	if (!b || im->row_errors)
		return 0;

	r = unit_find_by(ctx->db, b->id, code, UNIT_BY_CODE, &u);
	if (r == 1) {
		if ((prev = seen_row(seen, u.id, 0)))
			import_error(im, UC_CODE, "trùng với dòng %ld (mã '%s')", prev, code);
		else if (text_equal_fold(u.name, name) && !strcmp(u.kind, k->key))
			(*matched)++;
		else
			import_error(im, UC_CODE, "mã '%s' đã có trong sổ: '%s' (%s); sửa bằng 'hiepthuong unit edit'",
				     code, u.name, unit_kind_label(u.kind));
		unit_row_release(&u);
		return 0;
	}
	unit_row_release(&u);
	r = unit_find_by(ctx->db, b->id, name, UNIT_BY_NAME, &u);
	if (r >= 1) {
		if ((prev = seen_row(seen, u.id, 0)))
			import_error(im, UC_NAME, "trùng tên với dòng %ld", prev);
		else
			import_error(im, UC_NAME, "'%s' đã có trong sổ với mã '%s'", name, u.code);
		unit_row_release(&u);
		return 0;
	}
	st = db_prepare(ctx->db, "INSERT INTO unit(body_id, code, name, kind) VALUES (?, ?, ?, ?)");
	if (!st)
		return -1;
	db_bind_int(st, 1, b->id);
	db_bind_text(st, 2, code);
	db_bind_text(st, 3, name);
	db_bind_text(st, 4, k->key);
	if (db_step_done(ctx->db, st, "thêm đơn vị") < 0) {
		rc = -1;
	} else {
		seen_add(seen, sqlite3_last_insert_rowid(ctx->db), 0, im->row);
		units_cache_add(ctx->db, b->id, sqlite3_last_insert_rowid(ctx->db), code, name);
		ctx_change(ctx, "thêm đơn vị '%s' (%s, %s) cho '%s'", code, name, k->key, b->code);
		(*added)++;
	}
	sqlite3_finalize(st);
	return rc;
}

int cmd_unit_import(struct ctx *ctx, int argc, char **argv)
{
	const char *usage = "hiepthuong unit import TỆP [--body CƠ-QUAN] [--sheet TRANG]";
	const char *body_s = NULL;
	struct import_opts io = { NULL, NULL, NULL };
	struct opt opts[] = {
		OPT_STRING(0, "body", &body_s, "CƠ-QUAN", "cơ quan dân cử cho các dòng không ghi cột 'Cơ quan dân cử'"),
		OPT_STRING(0, "sheet", &io.sheet, "TRANG", "trang tính cần đọc của sổ Excel: tên hoặc số thứ tự (mặc định trang đầu)"),
		OPT_END()
	};
	struct book_info bi;
	const struct body_ref *def = NULL;
	struct import im;
	struct seen seen = { 0 };
	int rc, r, added = 0, matched = 0;

	argc = opt_parse(ctx, argc, argv, opts, usage, &rc);
	if (argc < 0)
		return rc;
	if (argc != 1) {
		usage_error("cần đúng một tệp (CSV hoặc Excel .xlsx; '-' là đầu vào chuẩn)");
		opt_usage(usage, opts, 1);
		return -1;
	}
	if (book_info_load(ctx->db, &bi) < 0 || ((body_s || bi.nbodies == 1) && !(def = book_body_pick(&bi, body_s)))) {
		book_info_release(&bi);
		return -1;
	}
	rc = -1;
	if (import_open_opts(&im, argv[0], unit_import_cols, UC_N, &io) == 0) {
		while ((r = import_next(&im)) > 0)
			if (!im.row_errors && unit_row(ctx, &im, &bi, def, &seen, &added, &matched) < 0)
				break;
		rc = r <= 0 ? finish(ctx, &im, "đơn vị", added, matched) : -1;
	} else if (im.nerrors) {
		fprintf(stderr, "%s: không nhập gì, sổ không thay đổi\n", im.path);
	}
	import_close(&im);
	seen_release(&seen);
	book_info_release(&bi);
	return rc;
}

enum { AC_BODY, AC_UNIT, AC_VERSION, AC_COUNT, AC_DATE = AC_COUNT + AL_N, AC_NOTE, AC_UNIT_NAME, AC_VLABEL,
       AC_NOMINEES, AC_N };

static const char *const h_unit[] = { "Đơn vị", "Tên đơn vị", "Cơ quan, tổ chức, đơn vị", "Mã đơn vị",
				       "Đơn vị giới thiệu", "Cơ quan, tổ chức, đơn vị giới thiệu", NULL };
static const char *const h_version[] = { "Lần", "Lần phân bổ", "Phiên bản", NULL };
static const char *const h_date[] = { "Ngày quyết định", "Ngày", NULL };
static const char *const h_note[] = { "Ghi chú", NULL };

static struct import_col alloc_import_cols[AC_N] = {
	{ "body", h_body, 0 },
	{ "unit", h_unit, 1 },
	{ "version", h_version, 0 },
	/* AC_COUNT .. AC_COUNT + AL_N - 1 filled from alloc_fields */
	[AC_DATE] = { "decided_on", h_date, 0 },
	[AC_NOTE] = { "note", h_note, 0 },
	/* written by alloc list; ignored */
	[AC_UNIT_NAME] = { "unit_name", h_none, 0 },
	[AC_VLABEL] = { "version_label", h_none, 0 },
	[AC_NOMINEES] = { "nominees", h_none, 0 },
};

/* A count cell: empty is 0 (sub-targets) or an error (the count). */
static int count_cell(struct import *im, int col, int required, long *out)
{
	const char *v = import_val(im, col);
	char err[200];

	*out = 0;
	if (!v || !*v) {
		if (required)
			import_error(im, col, "thiếu số lượng được phân bổ");
		return 0;
	}
	if (count_parse(v, out, err, sizeof(err)) < 0) {
		import_error(im, col, "%s", err);
		*out = 0;
		return -1;
	}
	return 0;
}

static void report_alloc(void *arg, int field, const char *msg)
{
	import_error(arg, AC_COUNT + field, "%s", msg);
}

static int alloc_row(struct ctx *ctx, struct import *im, const struct book_info *bi, const struct body_ref *def,
		     int def_version, struct seen *seen, int *added, int *matched)
{
	const struct body_ref *b = row_body(im, AC_BODY, bi, def);
	const char *unit_s = import_val(im, AC_UNIT), *ver_s = import_val(im, AC_VERSION);
	const char *date_s = import_val(im, AC_DATE), *note = import_val(im, AC_NOTE);
	struct alloc a = { { 0 }, NULL, NULL }, old;
	struct unit_row u = { 0 };
	char why[256], iso[16];
	struct date d;
	int version = def_version, found, rc = 0;
	long prev;

	for (int i = 0; i < AL_N; i++)
		count_cell(im, AC_COUNT + i, i == AL_COUNT, &a.n[i]);
	if (!im->row_errors)
		alloc_check(&a, report_alloc, im);
	if (ver_s && *ver_s && !(version = alloc_version_parse(ver_s)))
		import_error(im, AC_VERSION, "lần phân bổ '%s' không hợp lệ (1, 2 hoặc 3)", ver_s);
	if (b && version && alloc_version_allowed(b, version, why, sizeof(why)) < 0)
		import_error(im, AC_VERSION, "%s", why);
	if (date_s && *date_s) {
		if (date_parse(date_s, DATE_FULL, &d, why, sizeof(why)) < 0) {
			import_error(im, AC_DATE, "%s: '%s'", why, date_s);
		} else {
			date_iso(d, iso, sizeof(iso));
			a.decided_on = iso;
		}
	}
	if (note && *note)
		a.note = (char *)note;
	if (!*unit_s) {
		import_error(im, AC_UNIT, "thiếu đơn vị");
	} else if (b) {
		found = unit_find(ctx->db, b->id, unit_s, &u);
		if (found == 2)
			import_error(im, AC_UNIT, "tên '%s' trùng ở nhiều đơn vị; dùng mã đơn vị", unit_s);
		else if (found == 0)
			import_error(im, AC_UNIT, "không có đơn vị '%s' của '%s' trong sổ (nhập đơn vị trước bằng "
				     "'hiepthuong unit import')", unit_s, b->code);
	}
	if (!b || im->row_errors)
		goto out;
	if ((prev = seen_row(seen, u.id, version))) {
		import_error(im, AC_UNIT, "trùng với dòng %ld (đơn vị '%s', lần %d)", prev, u.code, version);
		goto out;
	}
	found = alloc_get(ctx->db, u.id, version, &old);
	if (found == 1) {
		if (alloc_same(&old, &a))
			(*matched)++;
		else
			import_error(im, AC_UNIT, "đơn vị '%s' đã có phân bổ lần %d (%s) khác với dòng này; "
				     "sửa bằng 'hiepthuong alloc set'", u.code, version, alloc_version_label(version));
		alloc_release(&old);
		goto out;
	}
	if (alloc_write(ctx->db, u.id, version, &a) < 0) {
		rc = -1;
		goto out;
	}
	seen_add(seen, u.id, version, im->row);
	ctx_change(ctx, "phân bổ lần %d cho đơn vị '%s' của '%s': %ld người", version, u.code, b->code,
		   a.n[AL_COUNT]);
	(*added)++;
out:
	unit_row_release(&u);
	return rc;
}

int cmd_alloc_import(struct ctx *ctx, int argc, char **argv)
{
	const char *usage = "hiepthuong alloc import TỆP [--body CƠ-QUAN] [--sheet TRANG] [--version 1|2|3]";
	const char *body_s = NULL;
	struct import_opts io = { NULL, NULL, NULL };
	long version = 1;
	struct opt opts[] = {
		OPT_STRING(0, "body", &body_s, "CƠ-QUAN", "cơ quan dân cử cho các dòng không ghi cột 'Cơ quan dân cử'"),
		OPT_STRING(0, "sheet", &io.sheet, "TRANG", "trang tính cần đọc của sổ Excel: tên hoặc số thứ tự (mặc định trang đầu)"),
		OPT_INT(0, "version", &version, "LẦN", "lần phân bổ cho các dòng không ghi cột 'Lần' (mặc định 1)"),
		OPT_END()
	};
	struct book_info bi;
	const struct body_ref *def = NULL;
	struct import im;
	struct seen seen = { 0 };
	int rc, r, added = 0, matched = 0;

	for (int i = 0; i < AL_N; i++) {
		alloc_import_cols[AC_COUNT + i].key = alloc_fields[i].key;
		alloc_import_cols[AC_COUNT + i].headers = alloc_fields[i].headers;
		alloc_import_cols[AC_COUNT + i].required = i == AL_COUNT;
	}
	argc = opt_parse(ctx, argc, argv, opts, usage, &rc);
	if (argc < 0)
		return rc;
	if (argc != 1 || version < 1 || version > 3) {
		usage_error(argc != 1 ? "cần đúng một tệp (CSV hoặc Excel .xlsx; '-' là đầu vào chuẩn)" : "--version phải là 1, 2 hoặc 3");
		opt_usage(usage, opts, 1);
		return -1;
	}
	if (book_info_load(ctx->db, &bi) < 0 || ((body_s || bi.nbodies == 1) && !(def = book_body_pick(&bi, body_s)))) {
		book_info_release(&bi);
		return -1;
	}
	rc = -1;
	if (import_open_opts(&im, argv[0], alloc_import_cols, AC_N, &io) == 0) {
		while ((r = import_next(&im)) > 0)
			if (!im.row_errors && alloc_row(ctx, &im, &bi, def, (int)version, &seen, &added, &matched) < 0)
				break;
		rc = r <= 0 ? finish(ctx, &im, "phân bổ", added, matched) : -1;
	} else if (im.nerrors) {
		fprintf(stderr, "%s: không nhập gì, sổ không thay đổi\n", im.path);
	}
	import_close(&im);
	seen_release(&seen);
	book_info_release(&bi);
	return rc;
}
