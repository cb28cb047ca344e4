/*
 * COMMAND: unit add
 * USAGE:   hiepthuong unit add MÃ --name TÊN --kind LOẠI [--body CƠ-QUAN]
 *
 * COMMAND: unit edit
 * USAGE:   hiepthuong unit edit MÃ [--body CƠ-QUAN] [--name TÊN] [--kind LOẠI] [--code MÃ-MỚI]
 *
 * COMMAND: unit list
 * USAGE:   hiepthuong unit list [--body CƠ-QUAN] [--kind LOẠI] [--format text|csv|json]
 *
 * The nominating units of each body (process.md §4.0-§4.3): agencies,
 * organisations and units, lower administrative units (above the commune),
 * thôn and tổ dân phố (commune councils only).  A unit belongs to one body;
 * an agency that nominates for two bodies is entered once for each (the
 * same code may be used in both).  Codes are unique within a body; lists
 * keep the order units were entered, which is the order of the round-1
 * table.  `unit import` is in cmd_unit_import.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "book.h"
#include "cmd.h"
#include "db.h"
#include "diag.h"
#include "import.h"
#include "opt.h"
#include "sbuf.h"
#include "table.h"
#include "text.h"
#include "units.h"
#include "banned.h"

/* "political (Tổ chức chính trị), front (...)..." for messages and --help. */
static void kinds_list(struct sbuf *sb)
{
	int n;
	const struct unit_kind *k = unit_kinds(&n);

	for (int i = 0; i < n; i++)
		sbuf_addf(sb, "%s%s ('%s')", i ? ", " : "", k[i].key, k[i].label);
}

static const struct unit_kind *kind_arg(const char *s)
{
	const struct unit_kind *k = unit_kind_find(s);
	struct sbuf have = SBUF_INIT;

	if (k)
		return k;
	kinds_list(&have);
	error("loại đơn vị '%s' không hợp lệ; chọn một trong: %s", s, have.buf);
	sbuf_release(&have);
	return NULL;
}

/* Refuses a name another unit of the body already has (lookups by name
 * must stay unambiguous). */
static int name_free(sqlite3 *db, long long body_id, const char *name, long long except_id)
{
	struct unit_row u;
	int r = unit_find_by(db, body_id, name, UNIT_BY_NAME, &u), ok = 1;

	if (r == 2 || (r == 1 && u.id != except_id)) {
		ok = 0;
		error("cơ quan dân cử này đã có đơn vị tên '%s'%s%s%s", name, r == 1 ? " (mã '" : "",
		      r == 1 ? u.code : "", r == 1 ? "')" : "");
	}
	unit_row_release(&u);
	return ok;
}

int cmd_unit_add(struct ctx *ctx, int argc, char **argv)
{
	const char *usage = "hiepthuong unit add MÃ --name TÊN --kind LOẠI [--body CƠ-QUAN]";
	const char *name_arg = NULL, *kind_s = NULL, *body_s = NULL;
	struct opt opts[] = {
		OPT_STRING(0, "name", &name_arg, "TÊN", "tên cơ quan, tổ chức, đơn vị, thôn hoặc tổ dân phố"),
		OPT_STRING(0, "kind", &kind_s, "LOẠI", "loại đơn vị (political, state, thon, ... hoặc tên tiếng Việt)"),
		OPT_STRING(0, "body", &body_s, "CƠ-QUAN", "cơ quan dân cử (qh, hdnd-tinh, ...); bỏ qua nếu sổ chỉ có một"),
		OPT_END()
	};
	struct book_info bi;
	const struct body_ref *b;
	const struct unit_kind *k;
	struct unit_row u;
	sqlite3_stmt *st;
	char *code = NULL, *name = NULL, why[256];
	int rc;

	argc = opt_parse(ctx, argc, argv, opts, usage, &rc);
	if (argc < 0)
		return rc;
	if (argc != 1 || !name_arg || !kind_s) {
		usage_error(argc != 1 ? "cần đúng một mã đơn vị" : "cần --name và --kind");
		opt_usage(usage, opts, 1);
		return -1;
	}
	if (book_info_load(ctx->db, &bi) < 0) {
		book_info_release(&bi);
		return -1;
	}
	rc = -1;
	if (!(b = book_body_pick(&bi, body_s)) || !(k = kind_arg(kind_s)))
		goto out;
	if (!(code = import_clean_arg("MÃ", argv[0])) || !(name = import_clean_arg("--name", name_arg)))
		goto out;
	if (!*code || !*name) {
		error("mã và tên đơn vị không được để trống");
		goto out;
	}
	if (unit_kind_allowed(&bi, k->key, why, sizeof(why)) < 0) {
		error("loại '%s': %s", k->label, why);
		goto out;
	}
	if (unit_find_by(ctx->db, b->id, code, UNIT_BY_CODE, &u) == 1) {
		error("'%s' đã có đơn vị mã '%s' (%s)", b->code, u.code, u.name);
		unit_row_release(&u);
		goto out;
	}
	unit_row_release(&u);
	if (!name_free(ctx->db, b->id, name, 0))
		goto out;
	st = db_prepare(ctx->db, "INSERT INTO unit(body_id, code, name, kind) VALUES (?, ?, ?, ?)");
	if (!st)
		goto out;
	db_bind_int(st, 1, b->id);
	db_bind_text(st, 2, code);
	db_bind_text(st, 3, name);
	db_bind_text(st, 4, k->key);
	if (db_step_done(ctx->db, st, "thêm đơn vị") == 0) {
		units_cache_add(ctx->db, b->id, sqlite3_last_insert_rowid(ctx->db), code, name);
		ctx_change(ctx, "thêm đơn vị '%s' (%s, %s) cho '%s'", code, name, k->key, b->code);
		printf("đã thêm đơn vị '%s': %s — %s, giới thiệu người ứng cử %s\n", code, name, k->label, b->name);
		rc = 0;
	}
	sqlite3_finalize(st);
out:
	free(code);
	free(name);
	book_info_release(&bi);
	return rc;
}

int cmd_unit_edit(struct ctx *ctx, int argc, char **argv)
{
	const char *usage = "hiepthuong unit edit MÃ [--body CƠ-QUAN] [--name TÊN] [--kind LOẠI] [--code MÃ-MỚI]";
	const char *name_arg = NULL, *kind_s = NULL, *body_s = NULL, *code_arg = NULL;
	struct opt opts[] = {
		OPT_STRING(0, "name", &name_arg, "TÊN", "tên mới"),
		OPT_STRING(0, "kind", &kind_s, "LOẠI", "loại mới"),
		OPT_STRING(0, "code", &code_arg, "MÃ-MỚI", "mã mới"),
		OPT_STRING(0, "body", &body_s, "CƠ-QUAN", "cơ quan dân cử của đơn vị; bỏ qua nếu sổ chỉ có một"),
		OPT_END()
	};
	struct book_info bi;
	const struct body_ref *b;
	const struct unit_kind *k = NULL;
	struct unit_row u = { 0 }, other;
	sqlite3_stmt *st;
	char *name = NULL, *code = NULL, why[256];
	int rc, found;

	argc = opt_parse(ctx, argc, argv, opts, usage, &rc);
	if (argc < 0)
		return rc;
	if (argc != 1 || (!name_arg && !kind_s && !code_arg)) {
		usage_error(argc != 1 ? "cần đúng một mã đơn vị" : "không có gì để sửa: cần --name, --kind hoặc --code");
		opt_usage(usage, opts, 1);
		return -1;
	}
	if (book_info_load(ctx->db, &bi) < 0) {
		book_info_release(&bi);
		return -1;
	}
	rc = -1;
	if (!(b = book_body_pick(&bi, body_s)) || (kind_s && !(k = kind_arg(kind_s))))
		goto out;
	found = unit_find(ctx->db, b->id, argv[0], &u);
	if (found != 1) {
		error(found == 2 ? "tên '%s' trùng ở nhiều đơn vị; dùng mã" : "'%s' không có trong danh sách đơn vị "
			"của cơ quan dân cử này (xem 'hiepthuong unit list')", argv[0]);
		goto out;
	}
	if ((name_arg && !(name = import_clean_arg("--name", name_arg))) ||
	    (code_arg && !(code = import_clean_arg("--code", code_arg))))
		goto out;
	if ((name && !*name) || (code && !*code)) {
		error("mã và tên đơn vị không được để trống");
		goto out;
	}
	if (k && unit_kind_allowed(&bi, k->key, why, sizeof(why)) < 0) {
		error("loại '%s': %s", k->label, why);
		goto out;
	}
	if (code && strcmp(code, u.code)) {
		int r = unit_find_by(ctx->db, b->id, code, UNIT_BY_CODE, &other);
		int taken = r == 1 && other.id != u.id;
		unit_row_release(&other);
		if (taken) {
			error("mã '%s' đã được dùng cho đơn vị khác", code);
			goto out;
		}
	}
	if (name && !name_free(ctx->db, b->id, name, u.id))
		goto out;
	st = db_prepare(ctx->db, "UPDATE unit SET code = ?, name = ?, kind = ? WHERE id = ?");
	if (!st)
		goto out;
	db_bind_text(st, 1, code ? code : u.code);
	db_bind_text(st, 2, name ? name : u.name);
	db_bind_text(st, 3, k ? k->key : u.kind);
	db_bind_int(st, 4, u.id);
	units_cache_forget();
	if (db_step_done(ctx->db, st, "sửa đơn vị") < 0) {
		sqlite3_finalize(st);
		goto out;
	}
	sqlite3_finalize(st);
	/* a thôn nominates as a thôn: keep the candidacies' source in step */
	if (k && strcmp(k->key, u.kind)) {
		st = db_prepare(ctx->db, "UPDATE candidacy SET source = ? WHERE unit_id = ?");
		if (!st)
			goto out;
		db_bind_text(st, 1, !strcmp(k->key, "thon") ? "thon" : "unit");
		db_bind_int(st, 2, u.id);
		if (db_step_done(ctx->db, st, "sửa nguồn giới thiệu") < 0) {
			sqlite3_finalize(st);
			goto out;
		}
		sqlite3_finalize(st);
	}
	ctx_change(ctx, "sửa đơn vị '%s' của '%s':%s%s%s%s%s%s", u.code, b->code, code ? " mã → " : "",
		   code ? code : "", name ? " tên → " : "", name ? name : "", k ? " loại → " : "", k ? k->key : "");
	printf("đã sửa đơn vị '%s': %s — %s\n", code ? code : u.code, name ? name : u.name,
	       unit_kind_label(k ? k->key : u.kind));
	rc = 0;
out:
	unit_row_release(&u);
	free(name);
	free(code);
	book_info_release(&bi);
	return rc;
}

static const struct column unit_cols[] = {
	{ "body", "Cơ quan dân cử", 0, 0 },
	{ "code", "Mã", 0, 0 },
	{ "name", "Tên đơn vị", 0, 0 },
	{ "kind", "Loại", 0, 0 },
	{ "nominees", "Đã giới thiệu", 1, 0 },
};

int cmd_unit_list(struct ctx *ctx, int argc, char **argv)
{
	const char *usage = "hiepthuong unit list [--body CƠ-QUAN] [--kind LOẠI] [--format text|csv|json]";
	const char *body_s = NULL, *kind_s = NULL, *format_s = NULL;
	struct opt opts[] = {
		OPT_STRING(0, "body", &body_s, "CƠ-QUAN", "chỉ các đơn vị giới thiệu cho cơ quan dân cử này"),
		OPT_STRING(0, "kind", &kind_s, "LOẠI", "chỉ các đơn vị loại này"),
		OPT_STRING(0, "format", &format_s, "DẠNG", "text (mặc định), csv hoặc json"),
		OPT_END()
	};
	struct book_info bi;
	const struct body_ref *b = NULL;
	const struct unit_kind *k = NULL;
	enum out_format fmt;
	struct table t;
	sqlite3_stmt *st;
	int rc;

	argc = opt_parse(ctx, argc, argv, opts, usage, &rc);
	if (argc < 0)
		return rc;
	if (argc > 0) {
		usage_error("lệnh unit list không nhận đối số '%s'", argv[0]);
		return -1;
	}
	if (out_format_parse(format_s, &fmt) < 0 || (kind_s && !(k = kind_arg(kind_s))))
		return diag_relabel(ERR_USAGE);
	if (book_info_load(ctx->db, &bi) < 0) {
		book_info_release(&bi);
		return -1;
	}
	if (body_s && !(b = book_body_pick(&bi, body_s))) {
		book_info_release(&bi);
		return diag_relabel(ERR_USAGE);
	}
	st = db_prepare(ctx->db, "SELECT b.code, u.code, u.name, u.kind, "
				 "(SELECT count(*) FROM candidacy c WHERE c.unit_id = u.id AND c.status = 'active') "
				 "FROM unit u JOIN body b ON b.id = u.body_id "
				 "WHERE (?1 = 0 OR u.body_id = ?1) AND (?2 IS NULL OR u.kind = ?2) ORDER BY b.id, u.id");
	if (!st) {
		book_info_release(&bi);
		return -1;
	}
	db_bind_int(st, 1, b ? b->id : 0);
	db_bind_text(st, 2, k ? k->key : NULL);
	table_init(&t, unit_cols, 5);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *cells[5];
		for (int i = 0; i < 5; i++)
			cells[i] = db_col_text(st, i);
		if (fmt == FMT_TEXT)
			cells[3] = unit_kind_label(cells[3]);
		table_add(&t, cells);
	}
	sqlite3_finalize(st);
	if (fmt == FMT_TEXT && !t.nrows)
		puts("(chưa có đơn vị nào; thêm bằng 'hiepthuong unit add' hoặc 'hiepthuong unit import')");
	else
		table_print(&t, fmt, stdout);
	table_release(&t);
	book_info_release(&bi);
	return 0;
}
