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
 *
 * Once a stage's list has been exported as final it is locked (lock.h):
 * a decision into or out of it, an assignment to the locked official list
 * or the withdrawal of someone on it needs --correct "LÝ DO" (đính
 * chính), which is kept in the history and the audit trail.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "book.h"
#include "candref.h"
#include "cmd.h"
#include "conference.h"
#include "db.h"
#include "diag.h"
#include "lock.h"
#include "opt.h"
#include "stage.h"
#include "text.h"
#include "validate.h"
#include "banned.h"

/*
 * The lock check of a command on one candidacy: -1 refused; otherwise the
 * correction, if one was made, goes into the audit entry.
 */
static int guard(struct ctx *ctx, long long body_id, long long cand, const char *stage, const char *correct)
{
	int r = lock_guard(ctx->db, body_id, cand, stage, correct, NULL, 0);

	ctx_subject(ctx, "candidacy", cand);

	if (r > 0)
		ctx_change(ctx, "đính chính %s đã khóa; lý do: %s", stage_label(stage), correct);
	else if (r == 0 && correct)
		note("%s chưa khóa; không cần --correct, lý do không được ghi", stage_label(stage));
	return r < 0 ? -1 : 0;
}

/* --correct cleaned into *out; -1 after an error. */
static int correct_arg(const char *s, char **out)
{
	*out = NULL;
	if (s && !(*out = lock_reason_arg(s)))
		return -1;
	return 0;
}

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
	"hiepthuong decide [--body MÃ] --candidate NGƯỜI (--round 2|3 | --stage nominated|preliminary|qualified)\n"
	"                  (--include | --drop LÝ_DO) [--special LÝ_DO] [--note VĂN_BẢN] [--correct LÝ_DO]\n"
	"       --round 2: danh sách sơ bộ (hiệp thương lần hai); --round 3: danh sách đủ tiêu chuẩn (lần ba)\n"
	"       LÝ_DO: withdrew, not_nominated, workplace_trust, residence_trust, verification, not_qualified, other\n"
	"       --body: bỏ qua được khi sổ chỉ có một cơ quan dân cử";

int cmd_decide(struct ctx *ctx, int argc, char **argv)
{
	const char *body = NULL, *ref = NULL, *to = NULL, *drop = NULL, *special = NULL, *note_text = NULL;
	const char *correct_s = NULL;
	char *correct = NULL;
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
		OPT_STRING(0, "correct", &correct_s, "LÝ_DO", "đính chính danh sách đã khóa (đã xuất bản chính thức), với lý do"),
		OPT_END()
	};
	struct rule_pack pack;
	long long body_id, cand;

	argc = opt_parse(ctx, argc, argv, opts, decide_usage, &rc);
	if (argc < 0)
		return rc;
	if (round == 2)
		to = "preliminary";
	else if (round == 3)
		to = "qualified";
	else if (round) {
		usage_error("--round chỉ nhận 2 hoặc 3");
		return -1;
	}
	if (argc || !ref || !to || include == !!drop) {
		usage_error("cần --candidate, --stage (hoặc --round) và đúng một trong --include, --drop "
			    "(và --body khi sổ có nhiều cơ quan)");
		opt_usage(decide_usage, opts, 1);
		return -1;
	}
	if (special && drop) {
		usage_error("--special chỉ dùng khi đưa vào danh sách (--include), không dùng với --drop");
		return -1;
	}
	if (special && text_is_blank(special)) {
		usage_error("--special cần lý do của trường hợp đặc biệt (ghi rõ, không để trống)");
		return -1;
	}
	if (!(cand = candref_find(ctx->db, body, ref, &body_id)))
		return -1;
	if (correct_arg(correct_s, &correct) < 0)
		return diag_relabel(ERR_USAGE);
	if (guard(ctx, body_id, cand, to, correct) < 0) {
		free(correct);
		return -1;
	}
	free(correct);
	if (validate_load_pack(ctx->db, &pack) < 0)
		return -1;
	rc = -1;
	/* The row's fields before and after go into the audit entry: codes in
	 * its JSON, words in `audit log` (vocab.h). */
	if (ctx_row_before(ctx, "candidacy", cand) < 0) {
		rules_release(&pack);
		return -1;
	}
	/* a refusal (DECIDE_REFUSED) was printed as a rule error: exit 1 */
	if (decide_one(ctx->db, &pack, body_id, cand, to, drop, special, note_text, NULL, 0) == 0) {
		char *name = candref_name(ctx->db, cand);
		if (drop)
			printf("'%s' không vào %s: %s\n", name, stage_label(to), reason_label(drop));
		else
			printf("'%s' vào %s%s\n", name, stage_label(to), special ? " (trường hợp đặc biệt)" : "");
		ctx_change(ctx, "%s: %s %s%s%s", name, drop ? "không vào" : "vào", stage_label(to), drop ? " vì " : "",
			   drop ? reason_label(drop) : "");
		free(name);
		report_list_rules(ctx->db, body_id, to);
		rc = 0;
	}
	rules_release(&pack);
	return rc;
}

int cmd_withdraw(struct ctx *ctx, int argc, char **argv)
{
	static const char usage[] = "hiepthuong withdraw [--body MÃ] --candidate NGƯỜI [--note VĂN_BẢN] [--correct LÝ_DO]";
	const char *body = NULL, *ref = NULL, *note_text = NULL, *correct_s = NULL;
	char *correct = NULL;
	struct opt opts[] = {
		OPT_STRING(0, "body", &body, "MÃ", "cơ quan"),
		OPT_STRING(0, "candidate", &ref, "NGƯỜI", "số người ứng cử, hoặc họ và tên"),
		OPT_STRING(0, "note", &note_text, "VĂN_BẢN", "ghi chú (đơn xin rút ngày ...)"),
		OPT_STRING(0, "correct", &correct_s, "LÝ_DO", "đính chính danh sách chính thức đã khóa, với lý do"),
		OPT_END()
	};
	long long body_id, cand;
	char stage[16], status[16];
	char *name = NULL;
	int rc;

	argc = opt_parse(ctx, argc, argv, opts, usage, &rc);
	if (argc < 0)
		return rc;
	if (argc || !ref)
		return usage_error("cần --candidate (và --body khi sổ có nhiều cơ quan)");
	if (!(cand = candref_find(ctx->db, body, ref, &body_id)))
		return -1;
	rc = -1;
	name = candref_name(ctx->db, cand);
	if (stage_of(ctx->db, cand, stage, status) < 0)
		goto cleanup;
	if (strcmp(status, "active")) {
		error("'%s' đã dừng ở bước '%s'", name, stage_label(stage));
		goto cleanup;
	}
	/* The round lists keep whoever reached them; only the official list
	 * loses the person. */
	if (correct_arg(correct_s, &correct) < 0) {
		diag_relabel(ERR_USAGE);
		goto cleanup;
	}
	if (correct && strcmp(stage, "official"))
		note("'%s' không ở danh sách chính thức; không cần --correct, lý do không được ghi", name);
	if (!strcmp(stage, "official") && guard(ctx, body_id, cand, stage, correct) < 0)
		goto cleanup;
	if (ctx_row_before(ctx, "candidacy", cand) < 0 || stage_drop(ctx->db, cand, "withdrew", note_text, 0) < 0)
		goto cleanup;
	printf("'%s' xin rút ở bước '%s'\n", name, stage_label(stage));
	ctx_change(ctx, "%s xin rút ở bước '%s'", name, stage_label(stage));
	report_list_rules(ctx->db, body_id, stage);
	rc = 0;
cleanup:
	free(correct);
	free(name);
	return rc;
}

int cmd_assign(struct ctx *ctx, int argc, char **argv)
{
	static const char usage[] = "hiepthuong assign [--body MÃ] --candidate NGƯỜI --constituency SỐ [--correct LÝ_DO]";
	const char *body = NULL, *ref = NULL, *correct_s = NULL;
	char *correct = NULL;
	long number = LONG_MIN;	/* LONG_MIN: not given */
	struct opt opts[] = {
		OPT_STRING(0, "body", &body, "MÃ", "cơ quan"),
		OPT_STRING(0, "candidate", &ref, "NGƯỜI", "số người ứng cử, hoặc họ và tên"),
		OPT_INT(0, "constituency", &number, "SỐ", "đơn vị bầu cử số"),
		OPT_STRING(0, "correct", &correct_s, "LÝ_DO", "đính chính danh sách chính thức đã khóa, với lý do"),
		OPT_END()
	};
	long long body_id, cand;
	char *name;
	int rc;

	argc = opt_parse(ctx, argc, argv, opts, usage, &rc);
	if (argc < 0)
		return rc;
	if (argc || !ref || number == LONG_MIN) {
		usage_error("cần --candidate và --constituency SỐ (và --body khi sổ có nhiều cơ quan)");
		return -1;
	}
	if (number <= 0) {
		usage_error("--constituency: số đơn vị bầu cử bắt đầu từ 1, không phải %ld", number);
		return -1;
	}
	if (!(cand = candref_find(ctx->db, body, ref, &body_id)))
		return -1;
	if (correct_arg(correct_s, &correct) < 0)
		return diag_relabel(ERR_USAGE);
	rc = guard(ctx, body_id, cand, "official", correct);
	free(correct);
	if (rc < 0)
		return -1;
	if (ctx_row_before(ctx, "candidacy", cand) < 0)
		return -1;
	if ((rc = assign_one(ctx->db, body_id, cand, number, NULL, 0)) < 0)
		return -1;	/* ASSIGN_REFUSED printed as a rule error */
	name = candref_name(ctx->db, cand);
	printf("'%s' vào danh sách chính thức ở đơn vị bầu cử số %ld\n", name, number);
	ctx_change(ctx, "%s: xếp vào đơn vị bầu cử số %ld", name, number);
	free(name);
	report_list_rules(ctx->db, body_id, "official");
	return 0;
}
