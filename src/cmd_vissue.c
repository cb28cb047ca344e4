/*
 * COMMAND: issue add
 * USAGE:   hiepthuong issue add --body MÃ --candidate NGƯỜI --text VĂN_BẢN [--conference SỐ] [--responsible CƠ_QUAN]
 * COMMAND: issue answer
 * USAGE:   hiepthuong issue answer SỐ --ref VĂN_BẢN --date NGÀY --conclusion VĂN_BẢN
 * COMMAND: issue list
 * USAGE:   hiepthuong issue list [--body MÃ] [--open]
 *
 * Issues voters raise about a candidate (vụ việc cử tri nêu) and their
 * verification: which body must answer, the answer's reference and date,
 * and the conclusion (process.md §4.6).  Answers must come by the
 * `verification` deadline (rule VERIFY-DEADLINE, checked by validate).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "candref.h"
#include "cmd.h"
#include "conference.h"
#include "date.h"
#include "db.h"
#include "diag.h"
#include "opt.h"
#include "banned.h"

int cmd_issue_add(struct ctx *ctx, int argc, char **argv)
{
	static const char usage[] =
		"hiepthuong issue add [--body MÃ] --candidate NGƯỜI --text VĂN_BẢN [--conference SỐ] [--responsible CƠ_QUAN]";
	const char *body = NULL, *ref = NULL, *text = NULL, *responsible = NULL;
	long conference = 0;
	struct opt opts[] = {
		OPT_STRING(0, "body", &body, "MÃ", "cơ quan"),
		OPT_STRING(0, "candidate", &ref, "NGƯỜI", "số người ứng cử, hoặc họ và tên"),
		OPT_STRING(0, "text", &text, "VĂN_BẢN", "nội dung vụ việc cử tri nêu"),
		OPT_INT(0, "conference", &conference, "SỐ", "hội nghị cử tri nơi nêu"),
		OPT_STRING(0, "responsible", &responsible, "CƠ_QUAN", "cơ quan có trách nhiệm xác minh, trả lời"),
		OPT_END()
	};
	long long body_id, cand;
	sqlite3_stmt *st;
	int rc;

	argc = opt_parse(ctx, argc, argv, opts, usage, &rc);
	if (argc < 0)
		return rc;
	if (argc || !ref || !text || !*text) {
		usage_error("cần --candidate và --text (và --body khi sổ có nhiều cơ quan)");
		return -1;
	}
	if (!(cand = candref_find(ctx->db, body, ref, &body_id)))
		return -1;
	if (conference) {
		st = db_prepare(ctx->db, "SELECT count(*) FROM vote WHERE conference_id = ? AND candidacy_id = ?");
		if (!st)
			return -1;
		db_bind_int(st, 1, conference);
		db_bind_int(st, 2, cand);
		rc = sqlite3_step(st) == SQLITE_ROW ? (int)sqlite3_column_int64(st, 0) : 0;
		sqlite3_finalize(st);
		if (!rc) {
			error("hội nghị số %ld không xét người ứng cử này", conference);
			return -1;
		}
	}
	st = db_prepare(ctx->db, "INSERT INTO voter_issue(candidacy_id, conference_id, text, responsible) VALUES (?, ?, ?, ?)");
	if (!st)
		return -1;
	db_bind_int(st, 1, cand);
	if (conference)
		db_bind_int(st, 2, conference);
	db_bind_text(st, 3, text);
	db_bind_text_or_null(st, 4, responsible);
	rc = db_step_done(ctx->db, st, "ghi vụ việc") == 0 ? 0 : -1;
	sqlite3_finalize(st);
	if (rc == 0) {
		long long id = sqlite3_last_insert_rowid(ctx->db);
		printf("đã ghi vụ việc số %lld\n", id);
		ctx_change(ctx, "ghi vụ việc số %lld về người ứng cử số %lld", id, cand);
	}
	return rc;
}

int cmd_issue_answer(struct ctx *ctx, int argc, char **argv)
{
	static const char usage[] = "hiepthuong issue answer SỐ --ref VĂN_BẢN --date NGÀY --conclusion VĂN_BẢN";
	const char *ref = NULL, *date_s = NULL, *conclusion = NULL;
	struct opt opts[] = {
		OPT_STRING(0, "ref", &ref, "VĂN_BẢN", "văn bản trả lời (số, ký hiệu)"),
		OPT_STRING(0, "date", &date_s, "NGÀY", "ngày văn bản trả lời"),
		OPT_STRING(0, "conclusion", &conclusion, "VĂN_BẢN", "kết luận"),
		OPT_END()
	};
	struct date d;
	char err[64], iso[16];
	sqlite3_stmt *st;
	long long id;
	int rc;

	argc = opt_parse(ctx, argc, argv, opts, usage, &rc);
	if (argc < 0)
		return rc;
	if (argc != 1 || !ref || !date_s || !conclusion) {
		usage_error("cần SỐ vụ việc, --ref, --date và --conclusion");
		return -1;
	}
	if (date_parse(date_s, DATE_FULL, &d, err, sizeof(err)) < 0) {
		error("--date: %s: '%s'", err, date_s);
		return -1;
	}
	id = strtoll(argv[0], NULL, 10);
	date_iso(d, iso, sizeof(iso));
	st = db_prepare(ctx->db, "UPDATE voter_issue SET answer_ref = ?, answer_date = ?, conclusion = ? WHERE id = ?");
	if (!st)
		return -1;
	db_bind_text(st, 1, ref);
	db_bind_text(st, 2, iso);
	db_bind_text(st, 3, conclusion);
	db_bind_int(st, 4, id);
	rc = db_step_done(ctx->db, st, "ghi trả lời vụ việc") == 0 ? 0 : -1;
	sqlite3_finalize(st);
	if (rc == 0 && sqlite3_changes(ctx->db) == 0) {
		error("không có vụ việc số %s", argv[0]);
		rc = -1;
	}
	if (rc == 0) {
		printf("đã ghi trả lời vụ việc số %lld\n", id);
		char vn[16];

		date_iso_to_vn(iso, vn, sizeof(vn));
		ctx_change(ctx, "trả lời vụ việc số %lld: %s ngày %s", id, ref, vn);
	}
	return rc;
}

int cmd_issue_list(struct ctx *ctx, int argc, char **argv)
{
	static const char usage[] = "hiepthuong issue list [--body MÃ] [--open]";
	const char *body = NULL;
	int open_only = 0, rc, n = 0;
	struct opt opts[] = {
		OPT_STRING(0, "body", &body, "MÃ", "chỉ cơ quan này"),
		OPT_BOOL(0, "open", &open_only, "chỉ vụ việc chưa có trả lời"),
		OPT_END()
	};
	sqlite3_stmt *st;

	argc = opt_parse(ctx, argc, argv, opts, usage, &rc);
	if (argc < 0)
		return rc;
	st = db_prepare(ctx->db, "SELECT i.id, i.candidacy_id, i.text, coalesce(i.responsible, ''), coalesce(i.answer_ref, ''), "
				 "coalesce(i.answer_date, ''), coalesce(i.conclusion, ''), b.code FROM voter_issue i "
				 "JOIN candidacy c ON c.id = i.candidacy_id JOIN body b ON b.id = c.body_id "
				 "WHERE (? IS NULL OR b.code = ?) AND (? = 0 OR i.answer_date IS NULL) ORDER BY i.id");
	if (!st)
		return -1;
	db_bind_text(st, 1, body);
	db_bind_text(st, 2, body);
	db_bind_int(st, 3, open_only);
	while (sqlite3_step(st) == SQLITE_ROW) {
		char *name = candref_name(ctx->db, sqlite3_column_int64(st, 1));
		printf("%4lld  %-9s %s: %s\n", sqlite3_column_int64(st, 0), db_col_text(st, 7), name, db_col_text(st, 2));
		if (*db_col_text(st, 3))
			printf("      trách nhiệm: %s\n", db_col_text(st, 3));
		if (*db_col_text(st, 5)) {
			char day[16];
			date_iso_to_vn(db_col_text(st, 5), day, sizeof(day));
			printf("      trả lời: %s ngày %s — %s\n", db_col_text(st, 4), day, db_col_text(st, 6));
		}
		else
			puts("      chưa có trả lời");
		free(name);
		n++;
	}
	sqlite3_finalize(st);
	if (!n)
		puts("(không có vụ việc nào)");
	return 0;
}
