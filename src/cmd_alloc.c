/*
 * COMMAND: alloc set
 * USAGE:   hiepthuong alloc set ĐƠN-VỊ [--body CƠ-QUAN] [--version 1|2|3] [--count N] [--women N]
 *                              [--reelected N] [--non-party N] [--young N] [--ethnic-minority N]
 *                              [--date NGÀY] [--note GHI-CHÚ]
 *
 * COMMAND: alloc list
 * USAGE:   hiepthuong alloc list [--body CƠ-QUAN] [--all] [--format text|csv|json]
 *
 * Round 1's allocation to a unit (process.md §4.1): the number of people it
 * may nominate and the combined-structure sub-targets, and its adjustments
 * (§4.2, §4.7): version 1 agreed at round 1, 2 the first adjustment, 3 the
 * second (National Assembly only).  Every version is kept; the one in
 * force is the latest.  `alloc set` writes one version: a new version
 * starts from the one in force and changes what the options say; setting a
 * version again replaces it (the audit trail keeps the old command).
 * `alloc list` shows the version in force of each unit (every version with
 * --all) and, in text, the body's totals.
 */
#include <limits.h>
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
#include "units.h"
#include "banned.h"

static void report_opt(void *arg, int field, const char *msg)
{
	(void)arg;
	error("--%s: %s", alloc_fields[field].option, msg);
}

int cmd_alloc_set(struct ctx *ctx, int argc, char **argv)
{
	const char *usage = "hiepthuong alloc set ĐƠN-VỊ [--body CƠ-QUAN] [--version 1|2|3] [--count N] [--women N]\n"
			    "           [--reelected N] [--non-party N] [--young N] [--ethnic-minority N] [--date NGÀY] "
			    "[--note GHI-CHÚ]";
	const char *body_s = NULL, *date_s = NULL, *note_s = NULL;
	long version = 1, n[AL_N];
	struct opt opts[] = {
		OPT_STRING(0, "body", &body_s, "CƠ-QUAN", "cơ quan dân cử của đơn vị; bỏ qua nếu sổ chỉ có một"),
		OPT_INT(0, "version", &version, "LẦN", "1 hiệp thương lần thứ nhất (mặc định), 2 điều chỉnh lần thứ nhất, "
						      "3 điều chỉnh lần thứ hai (chỉ Quốc hội)"),
		OPT_COUNT(0, "count", &n[AL_COUNT], "N", "số người được phân bổ giới thiệu"),
		OPT_COUNT(0, "women", &n[AL_WOMEN], "N", "cơ cấu kết hợp: nữ"),
		OPT_COUNT(0, "reelected", &n[AL_REELECTED], "N", "cơ cấu kết hợp: tái cử"),
		OPT_COUNT(0, "non-party", &n[AL_NON_PARTY], "N", "cơ cấu kết hợp: ngoài Đảng"),
		OPT_COUNT(0, "young", &n[AL_YOUNG], "N", "cơ cấu kết hợp: trẻ tuổi"),
		OPT_COUNT(0, "ethnic-minority", &n[AL_ETHNIC], "N", "cơ cấu kết hợp: dân tộc thiểu số"),
		OPT_STRING(0, "date", &date_s, "NGÀY", "ngày thỏa thuận hoặc điều chỉnh (dd/mm/yyyy)"),
		OPT_STRING(0, "note", &note_s, "GHI-CHÚ", "ghi chú"),
		OPT_END()
	};
	struct book_info bi;
	const struct body_ref *b;
	struct unit_row u = { 0 };
	struct alloc a = { { 0 }, NULL, NULL };
	char why[256], iso[16], *note = NULL;
	struct date d;
	int rc, found, from = 0, given = 0;

	for (int i = 0; i < AL_N; i++)
		n[i] = LONG_MIN;
	argc = opt_parse(ctx, argc, argv, opts, usage, &rc);
	if (argc < 0)
		return rc;
	for (int i = 0; i < AL_N; i++)
		given += n[i] != LONG_MIN;
	if (argc != 1 || version < 1 || version > 3 || (!given && !date_s && !note_s)) {
		usage_error(argc != 1 ? "cần đúng một đơn vị (mã hoặc tên)" : version < 1 || version > 3
			? "--version phải là 1, 2 hoặc 3" : "không có gì để ghi: cần --count hoặc một số cơ cấu");
		opt_usage(usage, opts, 1);
		return -1;
	}
	if (date_s && date_parse(date_s, DATE_FULL, &d, why, sizeof(why)) < 0) {
		usage_error("--date: %s: '%s'", why, date_s);
		return -1;
	}
	if (book_info_load(ctx->db, &bi) < 0) {
		book_info_release(&bi);
		return -1;
	}
	rc = -1;
	if (!(b = book_body_pick(&bi, body_s)))
		goto out;
	found = unit_find(ctx->db, b->id, argv[0], &u);
	if (found != 1) {
		error(found == 2 ? "tên '%s' trùng ở nhiều đơn vị; dùng mã" : "không có đơn vị '%s' của cơ quan dân cử "
			"này (xem 'hiepthuong unit list')", argv[0]);
		goto out;
	}
	if (alloc_version_allowed(b, (int)version, why, sizeof(why)) < 0) {
		error("--version: %s", why);
		goto out;
	}
	/* the version itself when it exists, else the one in force */
	found = alloc_get(ctx->db, u.id, (int)version, &a);
	if (found == 0) {
		found = alloc_in_force(ctx->db, u.id, &a, &from);
		if (found == 1 && from > version) {
			error("đơn vị '%s' đã có phân bổ lần %d (%s); không thể thêm lần %ld trước nó", u.code, from,
			      alloc_version_label(from), version);
			goto out;
		}
		free(a.decided_on);
		a.decided_on = NULL;
	}
	if (found < 0)
		goto out;
	if (found == 0 && n[AL_COUNT] == LONG_MIN) {
		error("đơn vị '%s' chưa có phân bổ nào: cần --count", u.code);
		goto out;
	}
	for (int i = 0; i < AL_N; i++)
		if (n[i] != LONG_MIN)
			a.n[i] = n[i];
	if (date_s) {
		date_iso(d, iso, sizeof(iso));
		free(a.decided_on);
		a.decided_on = xstrdup(iso);
	}
	if (note_s) {
		if (!(note = import_clean_arg("--note", note_s)))
			goto out;
		free(a.note);
		a.note = *note ? xstrdup(note) : NULL;
	}
	if (alloc_check(&a, report_opt, NULL) || alloc_write(ctx->db, u.id, (int)version, &a) < 0)
		goto out;
	ctx_change(ctx, "phân bổ lần %ld cho đơn vị '%s' của '%s': %ld người (nữ %ld, tái cử %ld, ngoài Đảng %ld, "
		   "trẻ tuổi %ld, dân tộc thiểu số %ld)", version, u.code, b->code, a.n[0], a.n[1], a.n[2], a.n[3],
		   a.n[4], a.n[5]);
	printf("đã ghi phân bổ lần %ld (%s) cho '%s' (%s): %ld người; nữ %ld, tái cử %ld, ngoài Đảng %ld, trẻ tuổi %ld, "
	       "dân tộc thiểu số %ld\n", version, alloc_version_label((int)version), u.code, u.name, a.n[0], a.n[1],
	       a.n[2], a.n[3], a.n[4], a.n[5]);
	unit_warn_over_allocation(ctx->db, &u);
	rc = 0;
out:
	free(note);
	alloc_release(&a);
	unit_row_release(&u);
	book_info_release(&bi);
	return rc;
}

enum { LC_BODY, LC_UNIT, LC_NAME, LC_VERSION, LC_VLABEL, LC_COUNT, LC_DATE = LC_COUNT + AL_N, LC_NOTE, LC_NOMINEES,
       LC_N };

static struct column alloc_cols[LC_N] = {
	{ "body", "Cơ quan dân cử", 0, 0 },
	{ "unit", "Mã", 0, 0 },
	{ "unit_name", "Đơn vị", 0, 0 },
	{ "version", "Lần", 1, 1 },
	{ "version_label", "Phân bổ", 0, 0 },
	/* LC_COUNT.. from alloc_fields */
	[LC_DATE] = { "decided_on", "Ngày", 0, 0 },
	[LC_NOTE] = { "note", "Ghi chú", 0, 0 },
	[LC_NOMINEES] = { "nominees", "Đã giới thiệu", 1, 0 },
};

/* The text view's total line of one body. */
static void add_total(struct table *t, const char *body, const long *sum, long nominees)
{
	char nums[AL_N + 1][24];
	const char *cells[LC_N] = { body, "", "Tổng cộng", "", "" };

	for (int i = 0; i < AL_N; i++) {
		snprintf(nums[i], sizeof(nums[i]), "%ld", sum[i]);
		cells[LC_COUNT + i] = nums[i];
	}
	snprintf(nums[AL_N], sizeof(nums[AL_N]), "%ld", nominees);
	cells[LC_DATE] = cells[LC_NOTE] = "";
	cells[LC_NOMINEES] = nums[AL_N];
	table_add(t, cells);
}

int cmd_alloc_list(struct ctx *ctx, int argc, char **argv)
{
	const char *usage = "hiepthuong alloc list [--body CƠ-QUAN] [--all] [--format text|csv|json]";
	const char *body_s = NULL, *format_s = NULL;
	int all = 0;
	struct opt opts[] = {
		OPT_STRING(0, "body", &body_s, "CƠ-QUAN", "chỉ cơ quan dân cử này"),
		OPT_BOOL(0, "all", &all, "mọi lần phân bổ (mặc định chỉ lần đang có hiệu lực)"),
		OPT_STRING(0, "format", &format_s, "DẠNG", "text (mặc định), csv hoặc json"),
		OPT_END()
	};
	struct book_info bi;
	const struct body_ref *b = NULL;
	enum out_format fmt;
	struct table t;
	sqlite3_stmt *st;
	long sum[AL_N] = { 0 }, nominees = 0;
	char *last_body = NULL;
	int rc;

	for (int i = 0; i < AL_N; i++) {
		alloc_cols[LC_COUNT + i].key = alloc_fields[i].key;
		alloc_cols[LC_COUNT + i].label = alloc_fields[i].label;
		alloc_cols[LC_COUNT + i].numeric = 1;
	}
	argc = opt_parse(ctx, argc, argv, opts, usage, &rc);
	if (argc < 0)
		return rc;
	if (argc > 0) {
		usage_error("lệnh alloc list không nhận đối số '%s'", argv[0]);
		return -1;
	}
	if (out_format_parse(format_s, &fmt) < 0)
		return diag_relabel(ERR_USAGE);
	if (book_info_load(ctx->db, &bi) < 0) {
		book_info_release(&bi);
		return -1;
	}
	if (body_s && !(b = book_body_pick(&bi, body_s))) {
		book_info_release(&bi);
		return diag_relabel(ERR_USAGE);
	}
	st = db_prepare(ctx->db, "SELECT bd.code, u.code, u.name, a.version, a.count, a.women, a.reelected, a.non_party, "
				 "a.young, a.ethnic_minority, a.decided_on, a.note, "
				 "(SELECT count(*) FROM candidacy c WHERE c.unit_id = u.id AND c.status = 'active') "
				 "FROM allocation a JOIN unit u ON u.id = a.unit_id JOIN body bd ON bd.id = u.body_id "
				 "WHERE (?1 = 0 OR bd.id = ?1) AND (?2 OR a.version = "
				 "(SELECT max(version) FROM allocation x WHERE x.unit_id = a.unit_id)) "
				 "ORDER BY bd.id, u.id, a.version");
	if (!st) {
		book_info_release(&bi);
		return -1;
	}
	db_bind_int(st, 1, b ? b->id : 0);
	db_bind_int(st, 2, all);
	table_init(&t, alloc_cols, LC_N);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *cells[LC_N];
		char vn[16], why[128];
		struct date d;
		int v = (int)sqlite3_column_int64(st, 3);

		if (fmt == FMT_TEXT && !all && last_body && strcmp(last_body, db_col_text(st, 0))) {
			add_total(&t, last_body, sum, nominees);
			memset(sum, 0, sizeof(sum));
			nominees = 0;
		}
		free(last_body);
		last_body = xstrdup(db_col_text(st, 0));
		for (int i = 0; i < 3; i++)
			cells[i] = db_col_text(st, i);
		cells[LC_VERSION] = db_col_text(st, 3);
		cells[LC_VLABEL] = alloc_version_label(v);
		for (int i = 0; i < AL_N; i++) {
			cells[LC_COUNT + i] = db_col_text(st, 4 + i);
			sum[i] += (long)sqlite3_column_int64(st, 4 + i);
		}
		cells[LC_DATE] = db_col_text(st, 10);
		if (fmt == FMT_TEXT && *cells[LC_DATE] && date_parse(cells[LC_DATE], DATE_FULL, &d, why, sizeof(why)) == 0) {
			date_vn(d, vn, sizeof(vn));
			cells[LC_DATE] = vn;
		}
		cells[LC_NOTE] = db_col_text(st, 11);
		cells[LC_NOMINEES] = db_col_text(st, 12);
		nominees += (long)sqlite3_column_int64(st, 12);
		table_add(&t, cells);
	}
	sqlite3_finalize(st);
	if (fmt == FMT_TEXT && !all && last_body)
		add_total(&t, last_body, sum, nominees);
	if (fmt == FMT_TEXT && !t.nrows)
		puts("(chưa có phân bổ nào; ghi bằng 'hiepthuong alloc set' hoặc 'hiepthuong alloc import')");
	else
		table_print(&t, fmt, stdout);
	free(last_body);
	table_release(&t);
	book_info_release(&bi);
	return 0;
}
