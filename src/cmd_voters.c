/*
 * COMMAND: voters add
 * USAGE:   hiepthuong voters add --kind workplace|residence|thon --body MÃ --date NGÀY
 *              --voters-at-place N --invited N --present N [--unit MÃ] [--method hands|ballot --tellers N]
 *              --result NGƯỜI:TÍN_NHIỆM[:KHÔNG_TÍN_NHIỆM[:KHÔNG_HỢP_LỆ]] ... [--revote NGƯỜI:SỐ ...]
 *
 * Records a voter conference (Mẫu 01/HNCT workplace, 02/HNCT residence,
 * 04/HNCT thôn/TDP nomination) and each candidate's result.  The quorum,
 * whether each candidate obtained trust of more than half of those
 * present, and the thôn selection are computed from the rule pack
 * (voters.h); the command prints them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "book.h"
#include "candref.h"
#include "cmd.h"
#include "db.h"
#include "conference.h"
#include "diag.h"
#include "minutes.h"
#include "opt.h"
#include "sbuf.h"
#include "validate.h"
#include "voters.h"
#include "banned.h"

/* What a thôn conference decided about one person (THON-SELECT): chosen,
 * or not and why (below half, or above half but beyond the allocation). */
static void print_thon_outcome(sqlite3 *db, long long cand)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT stage, status, coalesce(drop_note, '') FROM candidacy WHERE id = ?");

	if (!st)
		return;
	db_bind_int(st, 1, cand);
	if (sqlite3_step(st) == SQLITE_ROW) {
		if (!strcmp(db_col_text(st, 1), "active") && !strcmp(db_col_text(st, 0), "nominated"))
			puts("ĐƯỢC GIỚI THIỆU (đạt trên một nửa số cử tri có mặt, trong số lượng được phân bổ)");
		else
			printf("KHÔNG được giới thiệu: %s\n", db_col_text(st, 2));
	}
	sqlite3_finalize(st);
}

int cmd_voters_add(struct ctx *ctx, int argc, char **argv)
{
	static const char usage[] =
		"hiepthuong voters add --kind workplace|residence|thon [--body MÃ] --date NGÀY --voters-at-place N\n"
		"                      --invited N --present N --result NGƯỜI:TÍN_NHIỆM[:KHÔNG_TÍN_NHIỆM[:KHÔNG_HỢP_LỆ]]...\n"
		"       NGƯỜI là số người ứng cử hoặc họ và tên (thêm ngày sinh nếu trùng tên)";
	struct conf_args a;
	struct opt_list results = { 0, NULL }, revotes = { 0, NULL };
	struct opt opts[CONF_NOPTS + 4];
	struct rule_pack pack;
	struct vresult *res = NULL, *rev = NULL;
	struct minutes mins;
	long long id = 0;
	int rc, nres = 0, nrev = 0;

	memset(&mins, 0, sizeof(mins));
	conf_args_init(&a);
	opts[0] = (struct opt)OPT_STRING(0, "kind", &a.kind, "LOẠI", "workplace (nơi công tác), residence (nơi cư trú), thon (thôn/TDP giới thiệu)");
	conf_opts(&a, opts + 1);
	opts[CONF_NOPTS + 1] = (struct opt)OPT_LIST(0, "result", &results, "NGƯỜI:TN[:KTN[:KHL]]", "kết quả của một người");
	opts[CONF_NOPTS + 2] = (struct opt)OPT_LIST(0, "revote", &revotes, "NGƯỜI:SỐ", "kết quả biểu quyết lại khi ngang phiếu (thôn)");
	opts[CONF_NOPTS + 3] = (struct opt)OPT_END();
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
		goto out;
	}
	res = xcalloc((size_t)results.n + 1, sizeof(*res));
	for (int i = 0; i < results.n; i++, nres++) {
		if (vresult_parse(results.v[i], &res[i]) < 0) {
			usage_error("--result '%s' phải có dạng NGƯỜI:TÍN_NHIỆM[:KHÔNG_TÍN_NHIỆM[:KHÔNG_HỢP_LỆ]] với số không âm",
				    results.v[i]);
			nres++;
			goto out;
		}
	}
	rev = xcalloc((size_t)revotes.n + 1, sizeof(*rev));
	for (int i = 0; i < revotes.n; i++, nrev++) {
		if (vresult_parse(revotes.v[i], &rev[i]) < 0 || rev[i].distrust || rev[i].invalid) {
			usage_error("--revote '%s' phải có dạng NGƯỜI:SỐ", revotes.v[i]);
			nrev++;
			goto out;
		}
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
	rc = voters_record(ctx->db, &pack, &a, res, nres, rev, nrev, NULL, 0, &id);
	/* -2 (a value missing: usage), CONF_REFUSED (a rule: exit 1) and -1
	 * were each printed as an error of their kind */
	rc = rc < 0 ? -1 : 0;
	if (rc == 0) {
		ctx_subject(ctx, "conference", id);
		for (int i = 0; i < nres; i++)
			ctx_subject(ctx, "candidacy", res[i].cand);
		int kind = conf_kind_parse(a.kind);
		struct conf_rec rec = { .kind = kind, .a = &a };
		struct conference_counts cc;
		char explain[256];
		int q;
		long att;

		conf_counts_of(&rec, &cc);
		att = conf_attendees(&cc);
		q = conf_quorum_met(conf_rule_for(&pack, "quorum", kind), &cc, explain, sizeof(explain));

		ctx_change(ctx, "ghi %s số %lld (cơ quan %s, ngày %s, %d người)", conf_kind_label(kind), id, a.body ? a.body : body_only_code(ctx->db), a.date, nres);
		printf("đã ghi %s, số %lld\n", conf_kind_label(kind), id);
		printf("  điều kiện hợp lệ: %s (%s)\n", q < 0 ? "không xác định" : q ? "đạt" : "không đạt", explain);
		for (int i = 0; i < nres; i++) {
			char *name = candref_name(ctx->db, res[i].cand);
			int p = conf_trust_met(pack_rule_of_kind(&pack, "trust"), res[i].trust, att);

			printf("  %s: tín nhiệm %ld/%ld — ", name, res[i].trust, att);
			if (kind == CONF_THON)
				print_thon_outcome(ctx->db, res[i].cand);	/* selected, or why not */
			else
				puts(p < 0 ? "không xác định" : p ? "đạt trên một nửa số cử tri có mặt"
								  : "không đạt trên một nửa số cử tri có mặt");
			free(name);
		}
		rc = 0;
	}
	rules_release(&pack);
out:
	vresults_release(res, nres);
	vresults_release(rev, nrev);
	opt_list_release(&results);
	opt_list_release(&revotes);
	conf_args_release(&a);
	minutes_release(&mins);
	return rc;
}
