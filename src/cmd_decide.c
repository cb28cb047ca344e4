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

/* The stage a candidacy must be in before moving to `to`, and the round
 * conference that decides it (-1 none). */
static const char *from_stage(const char *to, int *conf_kind)
{
	*conf_kind = -1;
	if (!strcmp(to, "nominated"))
		return "proposed";
	if (!strcmp(to, "preliminary")) {
		*conf_kind = CONF_HT2;
		return "nominated";
	}
	if (!strcmp(to, "qualified")) {
		*conf_kind = CONF_HT3;
		return "preliminary";
	}
	return NULL;
}

static void report_list_rules(sqlite3 *db, long long body_id)
{
	struct validate_counts vc;

	if (validate_count(db, body_id, &vc) == 0 && (vc.errors || vc.warnings))
		note("sau quyết định này, cơ quan có %d lỗi và %d cảnh báo theo bộ quy tắc (xem: hiepthuong validate)",
		     vc.errors, vc.warnings);
}

static int decide_one(sqlite3 *db, const struct rule_pack *pack, long long body_id, long long cand, const char *to,
	       const char *drop, const char *special, const char *note_text, const char *file, long row)
{
	char stage[16], status[16];
	const char *from;
	int ck;
	long long conf_id = 0;
	char *name = candref_name(db, cand);
	int rc = -1;

#define BAD(...) do { if (file) error_at(file, row, 0, __VA_ARGS__); else error(__VA_ARGS__); goto out; } while (0)
	from = from_stage(to, &ck);
	if (!from)
		BAD("bước '%s' không hợp lệ (nominated, preliminary hoặc qualified)", to);
	if (drop && !reason_valid(drop))
		BAD("lý do '%s' không hợp lệ (withdrew, not_nominated, workplace_trust, residence_trust, verification, "
		    "not_qualified, other)", drop);
	if (drop && !strcmp(drop, "other") && !(note_text && *note_text))
		BAD("lý do 'other' cần ghi rõ bằng --note");
	if (drop && special)
		BAD("--special chỉ dùng khi đưa vào danh sách (--include)");
	stage_of(db, cand, stage, status);
	if (strcmp(status, "active"))
		BAD("'%s' đã dừng ở bước '%s'", name, stage_label(stage));
	if (strcmp(stage, from))
		BAD("'%s' đang ở bước '%s', chưa đến bước được quyết định vào '%s' (cần ở bước '%s')", name,
		    stage_label(stage), stage_label(to), stage_label(from));
	if (ck >= 0) {
		{
			sqlite3_stmt *st = db_prepare(db, "SELECT id FROM conference WHERE body_id = ? AND kind = ?");
			conf_id = 0;
			if (st) {
				db_bind_int(st, 1, body_id);
				db_bind_text(st, 2, conf_kind_key(ck));
				if (sqlite3_step(st) == SQLITE_ROW)
					conf_id = sqlite3_column_int64(st, 0);
				sqlite3_finalize(st);
			}
		}
		if (!conf_id)
			BAD("chưa ghi %s của cơ quan này (hiepthuong conference add --kind %s)", conf_kind_label(ck), conf_kind_key(ck));
	}
	if (drop) {
		rc = stage_drop(db, cand, drop, note_text, conf_id);
		goto out;
	}
	if (!strcmp(to, "qualified")) {
		const struct rule *gate = pack_rule_of_kind(pack, "residence_trust_gate");
		int t = stage_residence_trust(db, pack, cand);
		if (gate && t != 1 && !special) {
			const char *why = t < 0 ? "chưa có kết quả hội nghị cử tri nơi cư trú"
						: "không đạt trên 50% tổng số cử tri tham dự hội nghị cử tri nơi cư trú";
			if (gate->severity == SEV_ERROR)
				BAD("'%s' %s; chỉ đưa vào danh sách khi là trường hợp đặc biệt (--special LÝ_DO) [%s; %s]", name, why,
				    gate->id, gate->citation);
			warning("'%s' %s [%s]", name, why, gate->id);
		}
		if (special) {
			sqlite3_stmt *st = db_prepare(db, "UPDATE candidacy SET special_case = 1, special_reason = ? WHERE id = ?");
			if (!st)
				goto out;
			db_bind_text(st, 1, special);
			db_bind_int(st, 2, cand);
			if (db_step_done(db, st, "ghi trường hợp đặc biệt") < 0) {
				sqlite3_finalize(st);
				goto out;
			}
			sqlite3_finalize(st);
			if (stage_event(db, cand, "qualified", "special", NULL, special, conf_id) < 0)
				goto out;
		}
	} else if (special) {
		BAD("--special chỉ dùng ở hội nghị hiệp thương lần thứ ba (--stage qualified)");
	}
	rc = stage_advance(db, cand, to, conf_id, note_text);
out:
#undef BAD
	free(name);
	return rc;
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
		report_list_rules(ctx->db, body_id);
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
		report_list_rules(ctx->db, body_id);
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
	long long body_id, cand, cons_id = 0, current = 0;
	char kind[8], stage[16], status[16];
	sqlite3_stmt *st;
	char *name = NULL;
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
	rc = EXIT_DATA;
	name = candref_name(ctx->db, cand);
	st = db_prepare(ctx->db, "SELECT id FROM constituency WHERE body_id = ? AND number = ?");
	if (!st)
		goto out;
	db_bind_int(st, 1, body_id);
	db_bind_int(st, 2, number);
	if (sqlite3_step(st) == SQLITE_ROW)
		cons_id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (!cons_id) {
		error("cơ quan '%s' không có đơn vị bầu cử số %ld", body, number);
		goto out;
	}
	stage_of(ctx->db, cand, stage, status);
	st = db_prepare(ctx->db, "SELECT coalesce((SELECT number FROM constituency WHERE id = c.constituency_id), 0) "
				 "FROM candidacy c WHERE c.id = ?");
	if (st) {
		db_bind_int(st, 1, cand);
		if (sqlite3_step(st) == SQLITE_ROW)
			current = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	if (current) {
		error("'%s' đã được xếp vào đơn vị bầu cử số %lld; mỗi người chỉ ghi tên ở một đơn vị bầu cử", name, current);
		goto out;
	}
	if (strcmp(status, "active") || strcmp(stage, "qualified")) {
		error("'%s' %s; chỉ người trong danh sách đủ tiêu chuẩn ứng cử mới được xếp vào đơn vị bầu cử", name,
		      strcmp(status, "active") ? "đã dừng" : "chưa ở danh sách đủ tiêu chuẩn");
		goto out;
	}
	st = db_prepare(ctx->db, "UPDATE candidacy SET constituency_id = ?, stage = 'official' WHERE id = ?");
	if (!st)
		goto out;
	db_bind_int(st, 1, cons_id);
	db_bind_int(st, 2, cand);
	if (db_step_done(ctx->db, st, "xếp đơn vị bầu cử") == 0) {
		char note_text[64];
		snprintf(note_text, sizeof(note_text), "đơn vị bầu cử số %ld", number);
		if (stage_event(ctx->db, cand, "official", "assigned", NULL, note_text, 0) == 0) {
			printf("'%s' vào danh sách chính thức ở đơn vị bầu cử số %ld\n", name, number);
			ctx_change(ctx, "%s: xếp vào đơn vị bầu cử số %ld", name, number);
			report_list_rules(ctx->db, body_id);
			rc = EXIT_OK;
		}
	}
	sqlite3_finalize(st);
out:
	free(name);
	return rc;
}
