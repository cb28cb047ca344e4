/*
 * COMMAND: milestone set
 * USAGE:   hiepthuong milestone set --body MÃ --event round3_sent|official_list|distribution --date NGÀY
 *              [--ref SỐ] [--note VĂN_BẢN]
 * COMMAND: milestone list
 * USAGE:   hiepthuong milestone list [--body MÃ]
 *
 * The dates of a body's process that are not meetings: when the round-3
 * minutes and the list of qualified people were sent (rule HT3-SEND,
 * deadline send_ht3), when the election committee reported the proposed
 * distribution of NA candidates over the constituencies (Mẫu 16/HĐBC-QH),
 * and when the official list per constituency was established (rule
 * LIST-DEADLINE, deadline official_list; --ref the number of the act, as
 * Mẫu 17 cites it).  Setting a milestone again replaces it (the audit trail
 * keeps the old one).
 */
#include <stdio.h>
#include <string.h>
#include "book.h"
#include "cmd.h"
#include "conference.h"
#include "date.h"
#include "db.h"
#include "diag.h"
#include "opt.h"
#include "vocab.h"
#include "banned.h"

static const char *event_label(const char *key)
{
	return vocab_label("event", key);
}

int cmd_milestone_set(struct ctx *ctx, int argc, char **argv)
{
	static const char usage[] =
		"hiepthuong milestone set [--body MÃ] --event round3_sent|official_list|distribution --date NGÀY\n"
		"                         [--ref SỐ] [--note VĂN_BẢN]";
	const char *body = NULL, *event = NULL, *date_s = NULL, *note_text = NULL, *ref = NULL;
	struct opt opts[] = {
		OPT_STRING(0, "body", &body, "MÃ", "cơ quan"),
		OPT_STRING(0, "event", &event, "VIỆC", "round3_sent (gửi biên bản và danh sách lần ba), distribution (báo cáo dự kiến phân bổ, Mẫu 16) hoặc official_list (danh sách chính thức)"),
		OPT_STRING(0, "date", &date_s, "NGÀY", "ngày (dd/mm/yyyy)"),
		OPT_STRING(0, "ref", &ref, "SỐ", "số văn bản (nghị quyết công bố danh sách chính thức: 151/NQ-HĐBCQG)"),
		OPT_STRING(0, "note", &note_text, "VĂN_BẢN", "ghi chú (nơi nhận)"),
		OPT_END()
	};
	long long body_id;
	char kind[8], iso[16], err[64], body_id_s[24];
	struct date d;
	sqlite3_stmt *st;
	int rc;

	argc = opt_parse(ctx, argc, argv, opts, usage, &rc);
	if (argc < 0)
		return rc;
	if (argc || !event || !date_s) {
		usage_error("cần --event và --date (và --body khi sổ có nhiều cơ quan)");
		opt_usage(usage, opts, 1);
		return -1;
	}
	if (!event_label(event)) {
		usage_error("--event '%s' không hợp lệ (round3_sent, distribution hoặc official_list)", event);
		return -1;
	}
	if (date_parse(date_s, DATE_FULL, &d, err, sizeof(err)) < 0) {
		error("--date: %s: '%s'", err, date_s);
		return -1;
	}
	if (body_resolve(ctx->db, body, &body_id, kind) < 0) {
		if (body)
			usage_error("không có cơ quan '%s' trong sổ", body);
		else
			body_missing(ctx->db);
		return -1;
	}
	if (!body)
		body = body_only_code(ctx->db);
	date_iso(d, iso, sizeof(iso));
	snprintf(body_id_s, sizeof(body_id_s), "%lld", body_id);
	st = db_prepare(ctx->db, "INSERT INTO body_event(body_id, event, on_date, note, ref) VALUES (?, ?, ?, ?, ?) "
				 "ON CONFLICT (body_id, event) DO UPDATE SET on_date = excluded.on_date, note = excluded.note, "
				 "ref = excluded.ref");
	if (!st)
		return -1;
	db_bind_int(st, 1, body_id);
	db_bind_text(st, 2, event);
	db_bind_text(st, 3, iso);
	db_bind_text_or_null(st, 4, note_text);
	db_bind_text_or_null(st, 5, ref);
	{
		long long row = db_query_int(ctx->db, 0, "SELECT rowid FROM body_event WHERE body_id = CAST(? AS INTEGER) "
					 "AND event = ?", body_id_s, event, (const char *)NULL);
		if (row && ctx_row_before(ctx, "body_event", row) < 0) {
			sqlite3_finalize(st);
			return -1;
		}
	}
	rc = db_step_done(ctx->db, st, "ghi mốc") == 0 ? 0 : -1;
	sqlite3_finalize(st);
	if (rc == 0 && ctx_row_after(ctx, "body_event",
					   db_query_int(ctx->db, 0, "SELECT rowid FROM body_event WHERE "
							"body_id = CAST(? AS INTEGER) AND event = ?", body_id_s, event,
							(const char *)NULL)) < 0)
		return -1;
	if (rc == 0) {
		char vn[16];

		date_vn(d, vn, sizeof(vn));
		printf("%s: %s ngày %s\n", body, event_label(event), vn);
		ctx_change(ctx, "%s: %s ngày %s", body, event_label(event), vn);
	}
	return rc;
}

int cmd_milestone_list(struct ctx *ctx, int argc, char **argv)
{
	static const char usage[] = "hiepthuong milestone list [--body MÃ]";
	const char *body = NULL;
	struct opt opts[] = {
		OPT_STRING(0, "body", &body, "MÃ", "chỉ cơ quan này"),
		OPT_END()
	};
	sqlite3_stmt *st;
	int rc, n = 0;

	argc = opt_parse(ctx, argc, argv, opts, usage, &rc);
	if (argc < 0)
		return rc;
	st = db_prepare(ctx->db, "SELECT b.code, e.event, e.on_date, coalesce(e.note, ''), coalesce(e.ref, '') FROM body_event e "
				 "JOIN body b ON b.id = e.body_id WHERE ? IS NULL OR b.code = ? ORDER BY b.id, e.on_date");
	if (!st)
		return -1;
	db_bind_text(st, 1, body);
	db_bind_text(st, 2, body);
	while (sqlite3_step(st) == SQLITE_ROW) {
		char day[16];

		date_iso_to_vn(db_col_text(st, 2), day, sizeof(day));
		printf("%-10s %s  %s%s%s%s%s%s\n", db_col_text(st, 0), day, event_label(db_col_text(st, 1)),
		       *db_col_text(st, 4) ? " (" : "", db_col_text(st, 4), *db_col_text(st, 4) ? ")" : "",
		       *db_col_text(st, 3) ? " — " : "", db_col_text(st, 3));
		n++;
	}
	sqlite3_finalize(st);
	if (!n)
		puts("(chưa ghi mốc nào)");
	return 0;
}
