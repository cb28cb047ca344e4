/*
 * COMMAND: conference add
 * USAGE:   hiepthuong conference add --kind ht1|ht2|ht3|leadership|expanded_leadership|bctmt
 *              --body MÃ --date NGÀY [--unit MÃ] [chi tiết biên bản...]
 * COMMAND: conference list
 * USAGE:   hiepthuong conference list [--body MÃ] [--kind LOẠI]
 * COMMAND: conference show
 * USAGE:   hiepthuong conference show SỐ
 *
 * Records a consultation round or a unit's nomination meeting with what
 * its minutes carry (Mẫu 01, 02, 03, 03/HNMT): time, place, chair and
 * secretary, invited/present/absent, guests, agenda, what was agreed, and
 * when a vote was held its method, counting team and votes; for an
 * expanded leadership conference also each proposed nominee's approvals
 * (--result, Mẫu 06/BBKPHN).  Round n+1 of
 * a body cannot be recorded before round n (rule HT-ORDER).  Voter
 * conferences are recorded with `voters add`, which also takes results.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "book.h"
#include "candref.h"
#include "cmd.h"
#include "conference.h"
#include "db.h"
#include "diag.h"
#include "minutes.h"
#include "opt.h"
#include "vocab.h"
#include "sbuf.h"
#include "text.h"
#include "stage.h"
#include "validate.h"
#include "voters.h"
#include "banned.h"

/*
 * Approval counts of an expanded leadership conference, one per proposed
 * nominee of the unit (Mẫu 06/BBKPHN "Kết quả cụ thể").  The law states no
 * threshold (process.md §4.3.1), so nothing follows automatically: the
 * unit's decision is `decide --stage nominated`.
 */
static int store_approvals(sqlite3 *db, const struct conf_rec *rec, long long conf_id, struct vresult *res, int nres)
{
	sqlite3_stmt *st = db_prepare(db, "INSERT INTO vote(conference_id, candidacy_id, trust, distrust, invalid) "
					  "VALUES (?, ?, ?, ?, ?)");
	int nerr = 0;

	if (!st)
		return -1;
	for (int i = 0; i < nres; i++) {
		char stage[16], status[16];
		long long unit = 0;
		sqlite3_stmt *u;

		res[i].cand = candref_resolve(db, rec->body_id, res[i].ref, NULL, 0);
		if (!res[i].cand) {
			nerr++;
			continue;
		}
		if (stage_of(db, res[i].cand, stage, status) < 0) {
			nerr++;
			continue;
		}
		if ((u = db_prepare(db, "SELECT coalesce(unit_id, 0) FROM candidacy WHERE id = ?"))) {
			db_bind_int(u, 1, res[i].cand);
			if (sqlite3_step(u) == SQLITE_ROW)
				unit = sqlite3_column_int64(u, 0);
			sqlite3_finalize(u);
		}
		if (strcmp(status, "active") || strcmp(stage, "proposed") || unit != rec->unit_id) {
			error("'%s' không phải người đang được đơn vị này dự kiến giới thiệu", res[i].ref);
			nerr++;
			continue;
		}
		if (rec->a->present >= 0 && res[i].trust + res[i].distrust + res[i].invalid > rec->a->present) {
			error("'%s': tán thành %ld + không tán thành %ld + không hợp lệ %ld lớn hơn số có mặt (%ld)", res[i].ref,
			      res[i].trust, res[i].distrust, res[i].invalid, rec->a->present);
			nerr++;
			continue;
		}
		db_bind_int(st, 1, conf_id);
		db_bind_int(st, 2, res[i].cand);
		db_bind_int(st, 3, res[i].trust);
		db_bind_int(st, 4, res[i].distrust);
		db_bind_int(st, 5, res[i].invalid);
		if (db_step_done(db, st, "ghi kết quả biểu quyết") < 0)
			nerr++;
	}
	sqlite3_finalize(st);
	return nerr ? -1 : 0;
}

int cmd_conference_add(struct ctx *ctx, int argc, char **argv)
{
	static const char usage[] =
		"hiepthuong conference add --kind LOẠI [--body MÃ] --date NGÀY [--unit MÃ] [chi tiết...]\n"
		"       LOẠI: ht1, ht2, ht3 (hội nghị hiệp thương lần 1, 2, 3), leadership (họp ban lãnh đạo),\n"
		"             expanded_leadership (hội nghị ban lãnh đạo mở rộng), bctmt (Ban công tác Mặt trận)\n"
		"       Hội nghị cử tri: dùng 'hiepthuong voters add'";
	struct conf_args a;
	struct opt_list results = { 0, NULL };
	struct opt opts[CONF_NOPTS + 3];
	struct rule_pack pack;
	struct conf_rec rec;
	struct vresult *res = NULL;
	struct minutes mins;
	long long id;
	int rc, kind, nres = 0, checked, n;

	memset(&mins, 0, sizeof(mins));
	conf_args_init(&a);
	opts[0] = (struct opt)OPT_STRING(0, "kind", &a.kind, "LOẠI", "loại hội nghị");
	conf_opts(&a, opts + 1);
	opts[CONF_NOPTS + 1] = (struct opt)OPT_LIST(0, "result", &results, "NGƯỜI:TÁN_THÀNH[:KHÔNG[:KHL]]",
						    "kết quả biểu quyết một người (hội nghị ban lãnh đạo mở rộng, Ban công tác Mặt trận)");
	opts[CONF_NOPTS + 2] = (struct opt)OPT_END();
	argc = opt_parse(ctx, argc, argv, opts, usage, &rc);
	if (argc < 0)
		goto out;
	rc = -1;
	if (argc > 0) {
		usage_error("không nhận đối số '%s'", argv[0]);
		goto out;
	}
	if (!a.kind) {
		usage_error("cần --kind");
		opt_usage(usage, opts, 1);
		goto out;
	}
	kind = conf_kind_parse(a.kind);
	if (kind >= 0 && conf_kind_is_voters(kind)) {
		usage_error("hội nghị cử tri ('%s') ghi bằng 'hiepthuong voters add', kèm kết quả tín nhiệm", a.kind);
		goto out;
	}
	/* the Ban công tác Mặt trận "biểu thị sự tín nhiệm" too (Mẫu 03/HNMT) */
	if (results.n && kind != CONF_EXPANDED && kind != CONF_BCTMT) {
		usage_error("--result chỉ dùng cho hội nghị ban lãnh đạo mở rộng (expanded_leadership) "
			    "và hội nghị Ban công tác Mặt trận (bctmt)");
		goto out;
	}
	res = xcalloc((size_t)results.n + 1, sizeof(*res));
	for (int i = 0; i < results.n; i++, nres++)
		if (vresult_parse(results.v[i], &res[i]) < 0) {
			usage_error("--result '%s' phải có dạng NGƯỜI:TÁN_THÀNH[:KHÔNG_TÁN_THÀNH[:KHÔNG_HỢP_LỆ]]", results.v[i]);
			nres++;
			goto out;
		}
	if (validate_load_pack(ctx->db, &pack) < 0) {
		rc = -1;
		goto out;
	}
	if (a.minutes && (minutes_load(a.minutes, &mins) < 0 || minutes_apply(&mins, &a) < 0)) {
		rules_release(&pack);
		rc = -1;
		goto out;
	}
	checked = conf_check(ctx->db, &a, &rec, NULL, 0);
	/* the validator's record-level rules: on the counts (what the schema
	 * could not hold), then on the row stored in this transaction */
	if (checked == 0 && (n = conf_rules_refuse(ctx->db, &pack, &rec, 0, NULL, 0)) != 0)
		checked = n < 0 ? -1 : CONF_REFUSED;
	if (checked == 0 && (conf_insert(ctx->db, &rec, &id) < 0 || store_approvals(ctx->db, &rec, id, res, nres) < 0 ||
			     conf_store_opinions(ctx->db, &rec, id, NULL, 0) < 0))
		checked = -1;
	if (checked == 0 && (n = conf_rules_refuse(ctx->db, &pack, &rec, id, NULL, 0)) != 0)
		checked = n < 0 ? -1 : CONF_REFUSED;
	/* -2 (a value missing: usage), CONF_REFUSED (a rule: exit 1) and -1
	 * were each printed as an error of their kind */
	rc = checked < 0 ? -1 : 0;
	if (rc == 0) {
		ctx_change(ctx, "ghi %s số %lld (cơ quan %s, ngày %s)", conf_kind_label(rec.kind), id, a.body ? a.body : body_only_code(ctx->db), a.date);
		printf("đã ghi %s, số %lld\n", conf_kind_label(rec.kind), id);
		for (int i = 0; i < nres; i++) {
			char *name = candref_name(ctx->db, res[i].cand);
			printf("  %s: tán thành %ld, không tán thành %ld, không hợp lệ %ld\n", name, res[i].trust,
			       res[i].distrust, res[i].invalid);
			free(name);
		}
		rc = 0;
	}
	rules_release(&pack);
out:
	vresults_release(res, nres);
	opt_list_release(&results);
	conf_args_release(&a);
	minutes_release(&mins);
	return rc;
}

int cmd_conference_list(struct ctx *ctx, int argc, char **argv)
{
	static const char usage[] = "hiepthuong conference list [--body MÃ] [--kind LOẠI]";
	const char *body = NULL, *kind = NULL;
	struct opt opts[] = {
		OPT_STRING(0, "body", &body, "MÃ", "chỉ cơ quan này"),
		OPT_STRING(0, "kind", &kind, "LOẠI", "chỉ loại hội nghị này"),
		OPT_END()
	};
	sqlite3_stmt *st;
	int rc, n = 0;

	argc = opt_parse(ctx, argc, argv, opts, usage, &rc);
	if (argc < 0)
		return rc;
	if (kind && conf_kind_parse(kind) < 0) {
		usage_error("loại hội nghị '%s' không hợp lệ", kind);
		return -1;
	}
	st = db_prepare(ctx->db, "SELECT c.id, c.kind, b.code, c.held_on, coalesce(u.name, ''), coalesce(c.place, ''), "
				 "c.present, c.invited, (SELECT count(*) FROM vote v WHERE v.conference_id = c.id) "
				 "FROM conference c JOIN body b ON b.id = c.body_id LEFT JOIN unit u ON u.id = c.unit_id "
				 "WHERE (? IS NULL OR b.code = ?) AND (? IS NULL OR c.kind = ?) ORDER BY c.held_on, c.id");
	if (!st)
		return -1;
	db_bind_text(st, 1, body);
	db_bind_text(st, 2, body);
	db_bind_text(st, 3, kind);
	db_bind_text(st, 4, kind);
	while (sqlite3_step(st) == SQLITE_ROW) {
		char day[16];

		date_iso_to_vn(db_col_text(st, 3), day, sizeof(day));
		printf("%4lld  %s  %-9s %s", sqlite3_column_int64(st, 0), day, db_col_text(st, 2),
		       conf_kind_label(conf_kind_parse(db_col_text(st, 1))));
		if (*db_col_text(st, 4))
			printf(" — %s", db_col_text(st, 4));
		if (*db_col_text(st, 5))
			printf(" — %s", db_col_text(st, 5));
		if (sqlite3_column_type(st, 6) != SQLITE_NULL)
			printf(" (có mặt %lld/%lld)", sqlite3_column_int64(st, 6), sqlite3_column_int64(st, 7));
		if (sqlite3_column_int64(st, 8))
			printf(" [%lld người]", sqlite3_column_int64(st, 8));
		putchar('\n');
		n++;
	}
	sqlite3_finalize(st);
	if (!n)
		puts("(chưa có hội nghị nào)");
	return 0;
}

/* The Vietnamese words for stored codes of method and mode. */
static const char *words(const char *code)
{
	const char *w = vocab_label("vote_method", code);

	if (!w)
		w = vocab_label("mode", code);
	return w ? w : code;
}

static void field(const char *label, const char *value)
{
	if (value && *value) {
		fputs("  ", stdout);
		text_fput_padded(stdout, label, 28);
		/* a text of several lines: each under the first */
		for (const char *p = value; *p;) {
			const char *eol = strchr(p, '\n');
			int n = eol ? (int)(eol - p) : (int)strlen(p);
			printf("%s%.*s\n", p == value ? " " : "                               ", n, p);
			p += n + (eol != NULL);
		}
	}
}

static void count_field(sqlite3_stmt *st, int col, const char *label)
{
	char n[32];

	if (sqlite3_column_type(st, col) != SQLITE_NULL) {
		snprintf(n, sizeof(n), "%lld", sqlite3_column_int64(st, col));
		field(label, n);
	}
}

/* The counting team and the witnesses, a line each. */
static void show_members(sqlite3 *db, long long id)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT role, seq, name || coalesce(', ' || position, '') FROM conference_member "
					  "WHERE conference_id = ? ORDER BY role DESC, seq");
	const char *last = "";

	if (!st)
		return;
	db_bind_int(st, 1, id);
	while (sqlite3_step(st) == SQLITE_ROW) {
		int teller = !strcmp(db_col_text(st, 0), "teller");
		if (strcmp(last, teller ? "teller" : "witness"))
			printf("  %s\n", teller ? "Tổ kiểm phiếu:" : "Người chứng kiến việc kiểm phiếu:");
		last = teller ? "teller" : "witness";
		printf("    %lld. %s%s\n", sqlite3_column_int64(st, 1), db_col_text(st, 2),
		       teller && sqlite3_column_int64(st, 1) == 1 ? " (tổ trưởng)" : "");
	}
	sqlite3_finalize(st);
}

int cmd_conference_show(struct ctx *ctx, int argc, char **argv)
{
	static const char usage[] = "hiepthuong conference show SỐ";
	struct rule_pack pack;
	sqlite3_stmt *st, *v;
	long long id;
	int rc, kind;
	struct conference_counts cc;
	long att;
	char explain[256], day[16];

	argc = opt_parse(ctx, argc, argv, NULL, usage, &rc);
	if (argc < 0)
		return rc;
	if (argc != 1) {
		usage_error("cần đúng một số hội nghị");
		return -1;
	}
	id = strtoll(argv[0], NULL, 10);
	st = db_prepare(ctx->db, "SELECT c.kind, b.name, c.held_on, c.start_time, c.end_time, c.place, c.chair_name, "
				 "c.chair_position, c.secretary_name, c.secretary_position, coalesce(u.name, ''), "
				 "c.voters_at_place, c.invited, c.present, c.absent, c.guests, c.agenda, c.agreed, "
				 "c.vote_method, c.tellers, c.votes_cast, c.ballots_issued, c.ballots_returned, "
				 "c.ballots_valid, c.ballots_invalid, c.mode, c.notice_ref, c.purpose, c.attendees, "
				 "c.commune, c.locality, c.issue_time, c.collect_time "
				 "FROM conference c JOIN body b ON b.id = c.body_id LEFT JOIN unit u ON u.id = c.unit_id "
				 "WHERE c.id = ?");
	if (!st)
		return -1;
	db_bind_int(st, 1, id);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		error("không có hội nghị số %s", argv[0]);
		return -1;
	}
	if (validate_load_pack(ctx->db, &pack) < 0) {
		sqlite3_finalize(st);
		return -1;
	}
	kind = conf_kind_parse(db_col_text(st, 0));
	printf("%s (số %lld)\n", conf_kind_label(kind), id);
	field("Cơ quan:", db_col_text(st, 1));
	field("Đơn vị tổ chức:", db_col_text(st, 10));
	date_iso_to_vn(db_col_text(st, 2), day, sizeof(day));
	field("Ngày:", day);
	field("Giờ bắt đầu:", db_col_text(st, 3));
	field("Giờ kết thúc:", db_col_text(st, 4));
	field("Địa điểm:", db_col_text(st, 5));
	field("Hình thức:", words(db_col_text(st, 25)));
	field("Xã, phường, đặc khu:", db_col_text(st, 29));
	field("Thôn, tổ dân phố:", db_col_text(st, 30));
	field("Mục đích:", db_col_text(st, 27));
	field("Chủ trì:", db_col_text(st, 6));
	field("Chức vụ chủ trì:", db_col_text(st, 7));
	field("Thư ký:", db_col_text(st, 8));
	field("Chức vụ thư ký:", db_col_text(st, 9));
	field("Căn cứ thông báo:", db_col_text(st, 26));
	count_field(st, 11, "Cử tri ở nơi tổ chức:");
	count_field(st, 12, "Được mời / triệu tập:");
	count_field(st, 13, "Có mặt:");
	count_field(st, 14, "Vắng mặt:");
	field("Thành phần:", db_col_text(st, 28));
	field("Khách mời:", db_col_text(st, 15));
	field("Chương trình:", db_col_text(st, 16));
	field("Nhất trí:", db_col_text(st, 17));
	field("Biểu quyết:", words(db_col_text(st, 18)));
	count_field(st, 19, "Tổ kiểm phiếu (người):");
	count_field(st, 20, "Số phiếu được kiểm:");
	count_field(st, 21, "Phiếu phát ra:");
	count_field(st, 22, "Phiếu thu về:");
	count_field(st, 23, "Phiếu hợp lệ:");
	count_field(st, 24, "Phiếu không hợp lệ:");
	field("Thời gian phát phiếu:", db_col_text(st, 31));
	field("Thời hạn thu phiếu:", db_col_text(st, 32));
	memset(&cc, 0, sizeof(cc));
	cc.voters_at_place = sqlite3_column_type(st, 11) == SQLITE_NULL ? -1 : (long)sqlite3_column_int64(st, 11);
	cc.invited = sqlite3_column_type(st, 12) == SQLITE_NULL ? -1 : (long)sqlite3_column_int64(st, 12);
	cc.present = sqlite3_column_type(st, 13) == SQLITE_NULL ? -1 : (long)sqlite3_column_int64(st, 13);
	cc.ballots_returned = sqlite3_column_type(st, 22) == SQLITE_NULL ? -1 : (long)sqlite3_column_int64(st, 22);
	cc.mode = !strcmp(db_col_text(st, 25), "distribution") ? "distribution" : "in_person";
	att = conf_attendees(&cc);
	sqlite3_finalize(st);
	show_members(ctx->db, id);
	if (conf_kind_is_voters(kind)) {
		int q = conf_quorum_met(conf_rule_for(&pack, "quorum", kind), &cc, explain, sizeof(explain));
		char line[400];
		snprintf(line, sizeof(line), "%s (%s)", q < 0 ? "không xác định" : q ? "đạt" : "KHÔNG ĐẠT", explain);
		field("Điều kiện hợp lệ:", line);
	}
	v = db_prepare(ctx->db, "SELECT v.candidacy_id, v.trust, v.distrust, v.invalid, v.revote, v.opinion FROM vote v "
				"JOIN candidacy c ON c.id = v.candidacy_id JOIN person p ON p.id = c.person_id "
				"WHERE v.conference_id = ? ORDER BY p.sort_key, c.id");
	if (v) {
		int n = 0;
		db_bind_int(v, 1, id);
		while (sqlite3_step(v) == SQLITE_ROW) {
			long long cid = sqlite3_column_int64(v, 0);
			long trust = (long)sqlite3_column_int64(v, 1);
			char *name = candref_name(ctx->db, cid);
			int passed = conf_trust_met(pack_rule_of_kind(&pack, "trust"), trust, att);

			if (!n++)
				puts("  Kết quả:");
			printf("    %4lld  ", cid);
			text_fput_padded(stdout, name, 28);
			printf(" tín nhiệm %ld/%ld", trust, att);
			if (att > 0) {
				/* hundredths of a percent, half up, with the decimal comma
				 * the forms use (addendum Q7b: two decimals) */
				long h = (trust * 20000 / att + 1) / 2;
				printf(" (%ld,%02ld%%)", h / 100, h % 100);
			}
			printf(", không tín nhiệm %lld, không hợp lệ %lld", sqlite3_column_int64(v, 2), sqlite3_column_int64(v, 3));
			if (sqlite3_column_type(v, 4) != SQLITE_NULL)
				printf(", biểu quyết lại %lld", sqlite3_column_int64(v, 4));
			if (conf_kind_is_voters(kind) && kind != CONF_THON)
				printf(" — %s", passed < 0 ? "không xác định" : passed ? "đạt trên một nửa" : "KHÔNG đạt trên một nửa");
			putchar('\n');
			if (sqlite3_column_type(v, 5) != SQLITE_NULL)
				printf("          ý kiến: %s\n", db_col_text(v, 5));
			free(name);
		}
		sqlite3_finalize(v);
	}
	rules_release(&pack);
	return 0;
}
