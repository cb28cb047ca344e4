/* stage.c - stage moves and history; see stage.h. */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "conference.h"
#include "db.h"
#include "diag.h"
#include "stage.h"
#include "banned.h"

static const struct {
	const char *key, *label;
} reasons[] = {
	{ "withdrew", "xin rút" },
	{ "not_nominated", "không được cơ quan, đơn vị, thôn/TDP giới thiệu" },
	{ "workplace_trust", "không đạt trên 50% tín nhiệm ở nơi công tác" },
	{ "residence_trust", "không đạt trên 50% tín nhiệm ở nơi cư trú" },
	{ "verification", "do kết quả xác minh vụ việc cử tri nêu" },
	{ "not_qualified", "không đủ tiêu chuẩn" },
	{ "other", "lý do khác" },
};

const char *reason_label(const char *reason)
{
	for (size_t i = 0; i < sizeof(reasons) / sizeof(reasons[0]); i++)
		if (!strcmp(reasons[i].key, reason))
			return reasons[i].label;
	return reason;
}

int reason_valid(const char *reason)
{
	for (size_t i = 0; i < sizeof(reasons) / sizeof(reasons[0]); i++)
		if (!strcmp(reasons[i].key, reason))
			return 1;
	return 0;
}

int stage_of(sqlite3 *db, long long cand, char stage[16], char status[16])
{
	sqlite3_stmt *st = db_prepare(db, "SELECT stage, status FROM candidacy WHERE id = ?");
	int rc = -1;

	if (!st)
		return -1;
	db_bind_int(st, 1, cand);
	if (sqlite3_step(st) == SQLITE_ROW) {
		snprintf(stage, 16, "%s", db_col_text(st, 0));
		snprintf(status, 16, "%s", db_col_text(st, 1));
		rc = 0;
	}
	sqlite3_finalize(st);
	return rc;
}

int stage_event(sqlite3 *db, long long cand, const char *stage, const char *decision, const char *reason,
		const char *note, long long conference_id)
{
	sqlite3_stmt *st = db_prepare(db, "INSERT INTO candidacy_event(candidacy_id, at, stage, decision, reason, note, "
					  "conference_id) VALUES (?, ?, ?, ?, ?, ?, ?)");
	char at[32] = "?";
	time_t t = time(NULL);
	struct tm tm;
	int rc;

	if (!st)
		return -1;
	if (gmtime_r(&t, &tm))
		strftime(at, sizeof(at), "%Y-%m-%dT%H:%M:%SZ", &tm);
	db_bind_int(st, 1, cand);
	db_bind_text(st, 2, at);
	db_bind_text(st, 3, stage);
	db_bind_text(st, 4, decision);
	db_bind_text_or_null(st, 5, reason);
	db_bind_text_or_null(st, 6, note);
	if (conference_id)
		db_bind_int(st, 7, conference_id);
	rc = db_step_done(db, st, "ghi lịch sử người ứng cử");
	sqlite3_finalize(st);
	return rc;
}

int stage_advance(sqlite3 *db, long long cand, const char *stage, long long conference_id, const char *note)
{
	sqlite3_stmt *st = db_prepare(db, "UPDATE candidacy SET stage = ? WHERE id = ? AND status = 'active'");
	int rc;

	if (!st)
		return -1;
	db_bind_text(st, 1, stage);
	db_bind_int(st, 2, cand);
	rc = db_step_done(db, st, "chuyển bước");
	sqlite3_finalize(st);
	if (rc == 0)
		rc = stage_event(db, cand, stage, "in", NULL, note, conference_id);
	return rc;
}

int stage_drop(sqlite3 *db, long long cand, const char *reason, const char *note, long long conference_id)
{
	sqlite3_stmt *st = db_prepare(db, "UPDATE candidacy SET status = 'dropped', drop_reason = ?, drop_note = ? "
					  "WHERE id = ? AND status = 'active'");
	char stage[16], status[16];
	int rc;

	if (!st)
		return -1;
	if (stage_of(db, cand, stage, status) < 0) {
		sqlite3_finalize(st);
		return bug("candidacy %lld vanished", cand);
	}
	db_bind_text(st, 1, reason);
	db_bind_text_or_null(st, 2, note);
	db_bind_int(st, 3, cand);
	rc = db_step_done(db, st, "loại người ứng cử");
	sqlite3_finalize(st);
	if (rc == 0)
		rc = stage_event(db, cand, stage, "out", reason, note, conference_id);
	return rc;
}

int stage_residence_trust(sqlite3 *db, const struct rule_pack *pack, long long cand)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT v.trust, c.present FROM vote v JOIN conference c ON c.id = v.conference_id "
					  "WHERE v.candidacy_id = ? AND c.kind = 'residence'");
	int result = -1;

	if (!st)
		return -1;
	db_bind_int(st, 1, cand);
	while (sqlite3_step(st) == SQLITE_ROW) {
		int p = conf_trust_passed(pack, (long)sqlite3_column_int64(st, 0), (long)sqlite3_column_int64(st, 1));
		if (p == 1)
			result = 1;
		else if (result < 0 && p == 0)
			result = 0;
	}
	sqlite3_finalize(st);
	return result;
}
