/*
 * COMMAND: decide
 * USAGE:   hiepthuong decide --body MÃ --candidate NGƯỜI --stage nominated|preliminary|qualified
 *              (--include | --drop LÝ_DO) [--special LÝ_DO_ĐẶC_BIỆT] [--note VĂN_BẢN]
 * COMMAND: withdraw
 * USAGE:   hiepthuong withdraw --body MÃ --candidate NGƯỜI [--note VĂN_BẢN]
 * COMMAND: assign
 * USAGE:   hiepthuong assign --body MÃ --candidate NGƯỜI --constituency SỐ
 *
 * Stage decisions (process.md §4.3–§4.9): a unit nominates a proposed
 * person (--stage nominated); round 2 puts a nominee on the preliminary
 * list (--stage preliminary, needs round 2 recorded); round 3 puts a
 * preliminary candidate on the list of qualified people (--stage
 * qualified, needs round 3 recorded).  A candidate whose residence trust
 * was not above half can only be kept with --special and its reason
 * (trường hợp đặc biệt, rule HT3-TRUST).  `assign` puts a qualified
 * candidate in a constituency: the official list.  Each decision adds to
 * the candidacy's history; afterwards the list-level rules are re-checked
 * and their count printed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "candref.h"
#include "cmd.h"
#include "conference.h"
#include "db.h"
#include "diag.h"
#include "opt.h"
#include "stage.h"
#include "validate.h"
#include "banned.h"

/*
 * The list-level rules a decision may have made false (surplus, shares,
 * one constituency per person): reported, never refused; `validate` has
 * the whole picture.
 */
static void report_list_rules(sqlite3 *db, long long body_id, const char *stage)
{
	struct findings f;

	memset(&f, 0, sizeof(f));
	if (validate_after_change(db, body_id, stage, &f) >= 0 && f.n) {
		note("sau quyết định này, danh sách còn %d điều cần xem theo bộ quy tắc:", f.n);
		findings_report(&f);
	}
	findings_release(&f);
}

static const char decide_usage[] =
	"hiepthuong decide --body MÃ --candidate NGƯỜI --stage nominated|preliminary|qualified\n"
	"                  (--include | --drop LÝ_DO) [--special LÝ_DO] [--note VĂN_BẢN]\n"
	"       LÝ_DO: withdrew, not_nominated, workplace_trust, residence_trust, verification, not_qualified, other";

int cmd_decide(struct ctx *ctx, int argc, char **argv)
{
	const char *body = NULL, *ref = NULL, *to = NULL, *drop = NULL, *special = NULL, *note_text = NULL;
	long round = 0;
	int include = 0, rc;
	struct opt opts[] = {
		OPT_STRING(0, "body", &body, "MÃ", "cơ quan"),
		OPT_STRING(0, "candidate", &ref, "NGƯỜI", "số người ứng cử, hoặc họ và tên"),
		OPT_STRING(0, "stage", &to, "BƯỚC", "nominated (được giới thiệu), preliminary (sơ bộ), qualified (đủ tiêu chuẩn)"),
		OPT_INT(0, "round", &round, "2|3", "như --stage preliminary (2) hoặc qualified (3)"),
		OPT_BOOL(0, "include", &include, "đưa vào danh sách của bước"),
		OPT_STRING(0, "drop", &drop, "LÝ_DO", "không đưa vào, với lý do"),
		OPT_STRING(0, "special", &special, "LÝ_DO", "trường hợp đặc biệt (hiệp thương lần ba)"),
		OPT_STRING(0, "note", &note_text, "VĂN_BẢN", "ghi chú"),
		OPT_END()
	};
	struct rule_pack pack;
	long long body_id, cand;
	char kind[8];

	argc = opt_parse(ctx, argc, argv, opts, decide_usage, &rc);
	if (argc < 0)
		return rc;
	if (round == 2)
		to = "preliminary";
	else if (round == 3)
		to = "qualified";
	else if (round) {
		error("--round chỉ nhận 2 hoặc 3");
		return EXIT_USAGE;
	}
	if (argc || !body || !ref || !to || include == !!drop) {
		error("cần --body, --candidate, --stage (hoặc --round) và đúng một trong --include, --drop");
		opt_usage(decide_usage, opts, 1);
		return EXIT_USAGE;
	}
	if (special && drop) {
		error("--special chỉ dùng khi đưa vào danh sách (--include), không dùng với --drop");
		return EXIT_USAGE;
	}
	if (body_resolve(ctx->db, body, &body_id, kind) < 0) {
		error("không có cơ quan '%s' trong sổ", body);
		return EXIT_DATA;
	}
	if (!(cand = candref_resolve(ctx->db, body_id, ref, NULL, 0)))
		return EXIT_DATA;
	if (validate_load_pack(ctx->db, &pack) < 0)
		return EXIT_DATA;
	rc = EXIT_DATA;
	if (decide_one(ctx->db, &pack, body_id, cand, to, drop, special, note_text, NULL, 0) == 0) {
		char *name = candref_name(ctx->db, cand);
		if (drop)
			printf("'%s' không vào %s: %s\n", name, stage_label(to), reason_label(drop));
		else
			printf("'%s' vào %s%s\n", name, stage_label(to), special ? " (trường hợp đặc biệt)" : "");
		ctx_change(ctx, "%s: %s %s%s%s", name, drop ? "không vào" : "vào", to, drop ? " vì " : "", drop ? drop : "");
		free(name);
		report_list_rules(ctx->db, body_id, to);
		rc = EXIT_OK;
	}
	rules_release(&pack);
	return rc;
}

int cmd_withdraw(struct ctx *ctx, int argc, char **argv)
{
	static const char usage[] = "hiepthuong withdraw --body MÃ --candidate NGƯỜI [--note VĂN_BẢN]";
	const char *body = NULL, *ref = NULL, *note_text = NULL;
	struct opt opts[] = {
		OPT_STRING(0, "body", &body, "MÃ", "cơ quan"),
		OPT_STRING(0, "candidate", &ref, "NGƯỜI", "số người ứng cử, hoặc họ và tên"),
		OPT_STRING(0, "note", &note_text, "VĂN_BẢN", "ghi chú (đơn xin rút ngày ...)"),
		OPT_END()
	};
	long long body_id, cand;
	char kind[8], stage[16], status[16];
	char *name;
	int rc;

	argc = opt_parse(ctx, argc, argv, opts, usage, &rc);
	if (argc < 0)
		return rc;
	if (argc || !body || !ref) {
		error("cần --body và --candidate");
		return EXIT_USAGE;
	}
	if (body_resolve(ctx->db, body, &body_id, kind) < 0) {
		error("không có cơ quan '%s' trong sổ", body);
		return EXIT_DATA;
	}
	if (!(cand = candref_resolve(ctx->db, body_id, ref, NULL, 0)))
		return EXIT_DATA;
	name = candref_name(ctx->db, cand);
	stage_of(ctx->db, cand, stage, status);
	if (strcmp(status, "active")) {
		error("'%s' đã dừng ở bước '%s'", name, stage_label(stage));
		free(name);
		return EXIT_DATA;
	}
	rc = stage_drop(ctx->db, cand, "withdrew", note_text, 0) == 0 ? EXIT_OK : EXIT_DATA;
	if (rc == EXIT_OK) {
		printf("'%s' xin rút ở bước '%s'\n", name, stage_label(stage));
		ctx_change(ctx, "%s xin rút ở bước %s", name, stage);
		report_list_rules(ctx->db, body_id, stage);
	}
	free(name);
	return rc;
}

int cmd_assign(struct ctx *ctx, int argc, char **argv)
{
	static const char usage[] = "hiepthuong assign --body MÃ --candidate NGƯỜI --constituency SỐ";
	const char *body = NULL, *ref = NULL;
	long number = 0;
	struct opt opts[] = {
		OPT_STRING(0, "body", &body, "MÃ", "cơ quan"),
		OPT_STRING(0, "candidate", &ref, "NGƯỜI", "số người ứng cử, hoặc họ và tên"),
		OPT_INT(0, "constituency", &number, "SỐ", "đơn vị bầu cử số"),
		OPT_END()
	};
	long long body_id, cand;
	char kind[8];
	char *name;
	int rc;

	argc = opt_parse(ctx, argc, argv, opts, usage, &rc);
	if (argc < 0)
		return rc;
	if (argc || !body || !ref || number <= 0) {
		error("cần --body, --candidate và --constituency SỐ");
		return EXIT_USAGE;
	}
	if (body_resolve(ctx->db, body, &body_id, kind) < 0) {
		error("không có cơ quan '%s' trong sổ", body);
		return EXIT_DATA;
	}
	if (!(cand = candref_resolve(ctx->db, body_id, ref, NULL, 0)))
		return EXIT_DATA;
	if (assign_one(ctx->db, body_id, cand, number, NULL, 0) < 0)
		return EXIT_DATA;
	name = candref_name(ctx->db, cand);
	printf("'%s' vào danh sách chính thức ở đơn vị bầu cử số %ld\n", name, number);
	ctx_change(ctx, "%s: xếp vào đơn vị bầu cử số %ld", name, number);
	free(name);
	report_list_rules(ctx->db, body_id, "official");
	return EXIT_OK;
}
