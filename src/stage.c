/* stage.c - stage moves and history; see stage.h. */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <stdlib.h>
#include "book.h"
#include "candref.h"
#include "conference.h"
#include "db.h"
#include "diag.h"
#include "stage.h"
#include "text.h"
#include "validate.h"
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

const char *reason_parse(const char *s)
{
	for (size_t i = 0; s && i < sizeof(reasons) / sizeof(reasons[0]); i++)
		if (text_equal_fold(reasons[i].key, s) || text_equal_fold(reasons[i].label, s))
			return reasons[i].key;
	return NULL;
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
	sqlite3_stmt *st = db_prepare_cached(db, "SELECT stage, status FROM candidacy WHERE id = ?");
	int rc = -1;

	stage[0] = status[0] = 0;	/* set whatever happens */
	if (!st)
		return -1;
	db_bind_int(st, 1, cand);
	if (sqlite3_step(st) == SQLITE_ROW) {
		snprintf(stage, 16, "%s", db_col_text(st, 0));
		snprintf(status, 16, "%s", db_col_text(st, 1));
		rc = 0;
	} else {
		bug("candidacy %lld: no stage", cand);
	}
	sqlite3_reset(st);
	return rc;
}

int stage_advance(sqlite3 *db, long long cand, const char *stage, long long conference_id, const char *note)
{
	sqlite3_stmt *st = db_prepare_cached(db, "UPDATE candidacy SET stage = ? WHERE id = ? AND status = 'active'");
	int rc;

	if (!st)
		return -1;
	db_bind_text(st, 1, stage);
	db_bind_int(st, 2, cand);
	rc = db_step_done(db, st, "chuyển bước");
	sqlite3_reset(st);
	if (rc == 0)
		rc = stage_event(db, cand, stage, "in", NULL, note, conference_id);
	return rc;
}

int stage_drop(sqlite3 *db, long long cand, const char *reason, const char *note, long long conference_id)
{
	sqlite3_stmt *st = db_prepare_cached(db, "UPDATE candidacy SET status = 'dropped', drop_reason = ?, drop_note = ? "
					  "WHERE id = ? AND status = 'active'");
	char stage[16], status[16];
	int rc;

	if (!st)
		return -1;
	if (stage_of(db, cand, stage, status) < 0) {
		sqlite3_reset(st);
		return -1;
	}
	db_bind_text(st, 1, reason);
	db_bind_text_or_null(st, 2, note);
	db_bind_int(st, 3, cand);
	rc = db_step_done(db, st, "loại người ứng cử");
	sqlite3_reset(st);
	if (rc == 0)
		rc = stage_event(db, cand, stage, "out", reason, note, conference_id);
	return rc;
}

/* The place of a stage in the process (stage_defs order), -1 unknown. */
static int stage_pos(const char *key)
{
	const struct stage_def *d = stage_find(key);

	return d ? (int)(d - stage_defs) : -1;
}

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

int decide_one(sqlite3 *db, const struct rule_pack *pack, long long body_id, long long cand, const char *to,
	       const char *drop, const char *special, const char *note_text, const char *file, long row)
{
	char stage[16], status[16];
	const char *from;
	int ck;
	long long conf_id = 0;
	char *name = candref_name(db, cand);
	int rc = -1;

#define BAD(...) do { error_at(file, row, 0, __VA_ARGS__); goto out; } while (0)
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
	if (stage_of(db, cand, stage, status) < 0)
		goto out;
	if (strcmp(status, "active"))
		BAD("'%s' đã dừng ở bước '%s'", name, stage_label(stage));
	if (strcmp(stage, from) && stage_pos(stage) > stage_pos(from)) {
		/* Past the decision: it was taken (into `to`) and cannot be
		 * taken again; say what can be done instead. */
		const char *next = !strcmp(stage, "nominated") ? "--round 2" : !strcmp(stage, "preliminary") ? "--round 3"
				   : NULL;
		if (next)
			BAD("'%s' đã được quyết định vào '%s' và đang ở bước '%s'; một quyết định đã ghi không ghi lại "
			    "được. Nếu nay người này không được đưa tiếp: 'hiepthuong decide %s --drop LÝ_DO'; nếu xin "
			    "rút: 'hiepthuong withdraw'; nếu quyết định trước ghi nhầm: khôi phục bản sao lưu trước đó "
			    "('hiepthuong restore')", name, stage_label(to), stage_label(stage), next);
		BAD("'%s' đã được quyết định vào '%s' và đang ở bước '%s'; một quyết định đã ghi không ghi lại được. "
		    "Nếu người này xin rút: 'hiepthuong withdraw' (với --correct \"LÝ DO\" khi danh sách đã khóa); nếu "
		    "quyết định trước ghi nhầm: khôi phục bản sao lưu trước đó ('hiepthuong restore')", name,
		    stage_label(to), stage_label(stage));
	}
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
	if (!strcmp(to, "qualified") && special) {
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
	} else if (special) {
		BAD("--special chỉ dùng ở hội nghị hiệp thương lần thứ ba (--stage qualified)");
	}
	if ((rc = stage_advance(db, cand, to, conf_id, note_text)) < 0 || strcmp(to, "qualified"))
		goto out;
	/* HT3-TRUST, the validator's, on the candidacy as now stored */
	if ((rc = validate_candidacy_refuse(db, pack, cand, "residence_trust_gate", file, row)) > 0) {
		note("'%s' chỉ được đưa vào danh sách khi là trường hợp đặc biệt, ghi rõ lý do: --special LÝ_DO", name);
		rc = DECIDE_REFUSED;
	}
out:
#undef BAD
	free(name);
	return rc;
}

int assign_one(sqlite3 *db, long long body_id, long long cand, long number, const char *file, long row)
{
	long long cons_id = 0, current = 0;
	char stage[16], status[16];
	sqlite3_stmt *st;
	char *name = candref_name(db, cand);
	int rc = -1;

#define BAD(...) do { error_at(file, row, 0, __VA_ARGS__); goto out; } while (0)
	st = db_prepare(db, "SELECT id FROM constituency WHERE body_id = ? AND number = ?");
	if (!st)
		goto out;
	db_bind_int(st, 1, body_id);
	db_bind_int(st, 2, number);
	if (sqlite3_step(st) == SQLITE_ROW)
		cons_id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (!cons_id)
		BAD("cơ quan này không có đơn vị bầu cử số %ld", number);
	if (stage_of(db, cand, stage, status) < 0)
		goto out;
	st = db_prepare(db, "SELECT coalesce((SELECT number FROM constituency WHERE id = c.constituency_id), 0) "
			    "FROM candidacy c WHERE c.id = ?");
	if (st) {
		db_bind_int(st, 1, cand);
		if (sqlite3_step(st) == SQLITE_ROW)
			current = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	if (current) {
		/* one constituency per person and body: ELIG-ONEUNIT (the rule is
		 * the pack's one_constituency; a candidacy row holds one number,
		 * so a second assignment can only be refused, by that rule) */
		struct rule_pack pack;
		const struct rule *r = validate_load_pack(db, &pack) == 0 ? pack_rule_of_kind(&pack, "one_constituency") : NULL;

		error_kind_at(r ? ERR_RULE : ERR_DATA, file, row, 0,
			      "%s%s'%s' đã được xếp vào đơn vị bầu cử số %lld; mỗi người chỉ ghi tên ở một đơn vị bầu cử%s%s%s",
			      r ? r->id : "", r ? ": " : "", name, current, r ? " (" : "", r ? r->citation : "", r ? ")" : "");
		rules_release(&pack);
		rc = r ? ASSIGN_REFUSED : -1;
		goto out;
	}
	if (strcmp(status, "active") || strcmp(stage, "qualified"))
		BAD("'%s' %s; chỉ người trong danh sách đủ tiêu chuẩn ứng cử mới được xếp vào đơn vị bầu cử", name,
		    strcmp(status, "active") ? "đã dừng" : "chưa ở danh sách đủ tiêu chuẩn");
	st = db_prepare(db, "UPDATE candidacy SET constituency_id = ?, stage = 'official' WHERE id = ?");
	if (!st)
		goto out;
	db_bind_int(st, 1, cons_id);
	db_bind_int(st, 2, cand);
	if (db_step_done(db, st, "xếp đơn vị bầu cử") == 0) {
		char note_text[64];
		snprintf(note_text, sizeof(note_text), "đơn vị bầu cử số %ld", number);
		rc = stage_event(db, cand, "official", "assigned", NULL, note_text, 0);
	}
	sqlite3_finalize(st);
out:
#undef BAD
	free(name);
	return rc;
}
