/*
 * COMMAND: status
 * USAGE:   hiepthuong status [--body MÃ] [--today NGÀY]
 *
 * One screen per book: the election and the committee, then for each body
 * its seats and constituencies, how many candidacies stand at each stage
 * and how many were dropped, the next legal deadline (election day minus
 * the deadline's days) that the book does not yet show as met, and the
 * validation findings still open.
 *
 * --today (or $HIEPTHUONG_TODAY) fixes "today", for reproducible output.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "book.h"
#include "candidacy.h"
#include "candidacy.h"
#include "audit.h"
#include "cmd.h"
#include "sbuf.h"
#include "date.h"
#include "db.h"
#include "diag.h"
#include "opt.h"
#include "validate.h"
#include "banned.h"

static const char usage[] = "hiepthuong status [--body MÃ] [--today NGÀY]";

static void print_stages(sqlite3 *db, long long body_id)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT stage, status, count(*) FROM candidacy WHERE body_id = ? "
					  "GROUP BY stage, status");
	long long active[8] = { 0 }, dropped = 0, total = 0;

	if (!st)
		return;
	db_bind_int(st, 1, body_id);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *stage = db_col_text(st, 0), *status = db_col_text(st, 1);
		long long n = sqlite3_column_int64(st, 2);

		total += n;
		if (!strcmp(status, "dropped")) {
			dropped += n;
			continue;
		}
		for (int i = 0; i < nstage_defs && i < 8; i++)
			if (!strcmp(stage_defs[i].key, stage))
				active[i] += n;
	}
	sqlite3_finalize(st);
	printf("  Người ứng cử: %lld", total);
	if (total) {
		fputs(" (", stdout);
		for (int i = 0; i < nstage_defs && i < 8; i++)
			printf("%s%s %lld", i ? ", " : "", stage_defs[i].label, active[i]);
		printf("; đã dừng %lld)", dropped);
	}
	putchar('\n');
}

/*
 * Whether the book already records what a deadline asks for, as the rule
 * pack links them: the round_window rule names the deadlines of rounds 1,
 * 2 and 3 (met once that round is recorded), and the deadline rules name
 * the events round3_sent and official_list (met once the milestone is
 * set).  A deadline the pack links to nothing is never "met".
 */
static int deadline_met(sqlite3 *db, const struct rule_pack *pack, long long body_id, const char *key)
{
	static const char *const rounds[] = { "ht1", "ht2", "ht3" };
	char id[32];

	snprintf(id, sizeof(id), "%lld", body_id);
	for (int i = 0; i < pack->nrules; i++) {
		const struct rule *r = &pack->rules[i];
		const struct rule_param *p;

		if (!strcmp(r->kind, "round_window") && (p = rule_param(r, "deadlines"))) {
			for (int k = 0; k < p->nlist && k < 3; k++)
				if (!strcmp(p->list[k], key))
					return db_query_int(db, 0, "SELECT count(*) FROM conference WHERE body_id = ? AND kind = ?",
							    id, rounds[k], (const char *)NULL) > 0;
		} else if (!strcmp(r->kind, "deadline") && rule_str(r, "deadline") && !strcmp(rule_str(r, "deadline"), key) &&
			   rule_str(r, "event") && strcmp(rule_str(r, "event"), "issues_answered")) {
			return db_query_int(db, 0, "SELECT count(*) FROM body_event WHERE body_id = ? AND event = ?", id,
					    rule_str(r, "event"), (const char *)NULL) > 0;
		}
	}
	return 0;
}

static void print_next_deadline(sqlite3 *db, const struct rule_pack *pack, long long body_id, const char *kind,
				struct date eday, struct date today)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT key, days, label, citation, window_from, window_to FROM deadline "
					  "WHERE (? = 'na' AND applies_na) OR (? = 'hdnd' AND applies_hdnd) "
					  "ORDER BY days DESC, key");
	int found = 0;

	if (!st)
		return;
	db_bind_text(st, 1, kind);
	db_bind_text(st, 2, kind);
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct date due = date_add_days(eday, -sqlite3_column_int64(st, 1));
		long left = date_to_days(due) - date_to_days(today);
		char due_s[16];

		if (left < 0 || deadline_met(db, pack, body_id, db_col_text(st, 0)))
			continue;
		date_vn(due, due_s, sizeof(due_s));
		printf("  Thời hạn tới: %s — chậm nhất %s (", db_col_text(st, 2), due_s);
		if (left == 0)
			fputs("hôm nay", stdout);
		else
			printf("còn %ld ngày", left);
		printf("; %s)\n", db_col_text(st, 3));
		found = 1;
		break;
	}
	sqlite3_finalize(st);
	if (!found) {
		if (date_cmp(today, eday) > 0)
			puts("  Thời hạn tới: đã qua ngày bầu cử");
		else
			puts("  Thời hạn tới: đã qua mọi thời hạn hiệp thương");
	}
}

/* The body's locked lists (lock.h), one line, or nothing. */
static void print_locks(sqlite3 *db, long long body_id)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT stage, form, locked_at FROM stage_lock WHERE body_id = ? ORDER BY "
					  "CASE stage WHEN 'preliminary' THEN 1 WHEN 'qualified' THEN 2 ELSE 3 END");
	int n = 0;

	if (!st)
		return;
	db_bind_int(st, 1, body_id);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *at = db_col_text(st, 2);
		printf("%s%s (%s, %.2s/%.2s/%.4s)", n++ ? "; " : "  Đã khóa (xuất bản chính thức): ",
		       stage_label(db_col_text(st, 0)), db_col_text(st, 1), at + 8, at + 5, at);
	}
	if (n)
		puts("");
	sqlite3_finalize(st);
}

int cmd_status(struct ctx *ctx, int argc, char **argv)
{
	const char *body = NULL, *today_s = NULL;
	struct opt opts[] = {
		OPT_STRING(0, "body", &body, "MÃ", "chỉ cơ quan này (mã trong cấu hình, ví dụ hdnd-tinh)"),
		OPT_STRING(0, "today", &today_s, "NGÀY", "coi hôm nay là NGÀY (dd/mm/yyyy)"),
		OPT_END()
	};
	struct date today, eday;
	struct rule_pack pack;
	sqlite3_stmt *st = NULL;
	char err[128], eday_s[16], today_vn[16];
	int rc, nbodies = 0;

	argc = opt_parse(ctx, argc, argv, opts, usage, &rc);
	if (argc < 0)
		return rc;
	if (argc > 0) {
		usage_error("lệnh status không nhận đối số '%s'", argv[0]);
		return -1;
	}
	if (today_s) {
		if (date_parse(today_s, DATE_FULL, &today, err, sizeof(err)) < 0) {
			usage_error("--today: %s: '%s'", err, today_s);
			return -1;
		}
	} else if (date_today(&today) < 0) {
		usage_error("biến HIEPTHUONG_TODAY không phải ngày hợp lệ (yyyy-mm-dd)");
		return -1;
	}
	if (body && !db_query_int(ctx->db, 0, "SELECT count(*) FROM body WHERE code = ?", body, (const char *)NULL)) {
		usage_error("không có cơ quan '%s' trong sổ", body);
		return -1;
	}

	st = db_prepare(ctx->db, "SELECT title, election_day, committee_name, pack_id FROM election");
	if (!st)
		return -1;
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		error("sổ '%s' thiếu thông tin cuộc bầu cử", ctx->db_path);
		return -1;
	}
	if (date_parse(db_col_text(st, 1), DATE_FULL, &eday, err, sizeof(err)) < 0) {
		sqlite3_finalize(st);
		error("sổ '%s' có ngày bầu cử hỏng", ctx->db_path);
		return -1;
	}
	date_vn(eday, eday_s, sizeof(eday_s));
	date_vn(today, today_vn, sizeof(today_vn));
	printf("%s\n", db_col_text(st, 2));
	printf("%s\n", db_col_text(st, 0));
	printf("Ngày bầu cử: %s; hôm nay: %s (%s); bộ quy tắc: %s; sổ: %s\n", eday_s, today_vn,
	       today_s ? "theo --today" : getenv("HIEPTHUONG_TODAY") && *getenv("HIEPTHUONG_TODAY")
	       ? "theo biến HIEPTHUONG_TODAY" : "theo đồng hồ máy; đổi bằng --today NGÀY hoặc HIEPTHUONG_TODAY",
	       db_col_text(st, 3), ctx->db_path);
	sqlite3_finalize(st);
	{
		struct sbuf why = SBUF_INIT;

		if (audit_check_clean(ctx->db, ctx->db_path, &why) < 0)
			warning("%s; cho đến lúc đó không ghi được gì vào sổ và không xuất được bản chính thức nào",
				why.buf);
		sbuf_release(&why);
	}

	if (validate_load_pack(ctx->db, &pack) < 0)
		return -1;
	st = db_prepare(ctx->db, "SELECT b.id, b.code, b.kind, b.name, b.seats, count(c.id), coalesce(sum(c.seats), 0) "
				 "FROM body b LEFT JOIN constituency c ON c.body_id = b.id "
				 "WHERE ? IS NULL OR b.code = ? GROUP BY b.id ORDER BY b.id");
	if (!st) {
		rules_release(&pack);
		return -1;
	}
	db_bind_text(st, 1, body);
	db_bind_text(st, 2, body);
	while (sqlite3_step(st) == SQLITE_ROW) {
		long long id = sqlite3_column_int64(st, 0);
		struct validate_counts vc;

		nbodies++;
		printf("\n%s [%s]\n", db_col_text(st, 3), db_col_text(st, 1));
		printf("  %lld ghế; %lld đơn vị bầu cử (tổng %lld ghế)\n", sqlite3_column_int64(st, 4),
		       sqlite3_column_int64(st, 5), sqlite3_column_int64(st, 6));
		print_stages(ctx->db, id);
		print_locks(ctx->db, id);
		print_next_deadline(ctx->db, &pack, id, db_col_text(st, 2), eday, today);
		if (validate_count(ctx->db, id, &vc) < 0) {
			sqlite3_finalize(st);
			rules_release(&pack);
			return -1;
		}
		printf("  Kiểm tra quy tắc: %d lỗi, %d cảnh báo, %d thông tin%s\n", vc.errors, vc.warnings, vc.infos,
		       vc.errors || vc.warnings ? " (chi tiết: hiepthuong validate)" : "");
	}
	sqlite3_finalize(st);
	rules_release(&pack);
	if (!nbodies)
		puts("\n(sổ chưa có cơ quan nào)");
	return 0;
}
