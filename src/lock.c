/* lock.c - locked stages and corrections; see lock.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "book.h"
#include "candidacy.h"
#include "date.h"
#include "db.h"
#include "diag.h"
#include "import.h"
#include "lock.h"
#include "sbuf.h"
#include "stage.h"
#include "banned.h"

int lock_get(sqlite3 *db, long long body_id, const char *stage, struct stage_lock *l)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT form, locked_at, file FROM stage_lock WHERE body_id = ? AND stage = ?");
	int rc;

	if (!st)
		return -1;
	db_bind_int(st, 1, body_id);
	db_bind_text(st, 2, stage);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		snprintf(l->form, sizeof(l->form), "%s", db_col_text(st, 0));
		snprintf(l->at, sizeof(l->at), "%s", db_col_text(st, 1));
		snprintf(l->file, sizeof(l->file), "%s", db_col_text(st, 2));
		rc = 1;
	} else {
		rc = rc == SQLITE_DONE ? 0 : error("không đọc được khóa danh sách: %s", db_msg(db));
	}
	sqlite3_finalize(st);
	return rc;
}

int lock_add(sqlite3 *db, long long body_id, const char *stage, const char *form, const char *file)
{
	struct stage_lock l;
	sqlite3_stmt *st;
	char today[16];
	int rc = lock_get(db, body_id, stage, &l);

	if (rc != 0)
		return rc < 0 ? -1 : 0;
	if (book_today_iso(today, sizeof(today)) < 0)
		return error("biến HIEPTHUONG_TODAY không phải ngày hợp lệ (yyyy-mm-dd)");
	st = db_prepare(db, "INSERT INTO stage_lock(body_id, stage, locked_at, form, file) VALUES (?, ?, ?, ?, ?)");
	if (!st)
		return -1;
	db_bind_int(st, 1, body_id);
	db_bind_text(st, 2, stage);
	db_bind_text(st, 3, today);
	db_bind_text(st, 4, form);
	db_bind_text(st, 5, file);
	rc = db_step_done(db, st, "khóa danh sách");
	sqlite3_finalize(st);
	return rc < 0 ? -1 : 1;
}

int lock_guard(sqlite3 *db, long long body_id, long long cand, const char *stage, const char *correct,
	       const char *file, long row)
{
	struct stage_lock l;
	struct sbuf note = SBUF_INIT;
	char day[16], *code;
	int rc = lock_get(db, body_id, stage, &l);

	if (rc <= 0)
		return rc;
	date_iso_to_vn(l.at, day, sizeof(day));
	if (!correct) {
		char id[24];
		snprintf(id, sizeof(id), "%lld", body_id);
		code = NULL;
		{
			sqlite3_stmt *st = db_prepare(db, "SELECT code FROM body WHERE id = ?");
			if (st) {
				db_bind_int(st, 1, body_id);
				if (sqlite3_step(st) == SQLITE_ROW)
					code = xstrdup(db_col_text(st, 0));
				sqlite3_finalize(st);
			}
		}
		if (file)
			error_at(file, row, 0, "%s của '%s' đã khóa khi xuất bản chính thức %s ngày %s ('%s'); "
				 "chỉ sửa được bằng đính chính: thêm --correct \"LÝ DO\"", stage_label(stage),
				 code ? code : id, l.form, day, l.file);
		else
			error("%s của '%s' đã khóa khi xuất bản chính thức %s ngày %s ('%s'); "
			      "chỉ sửa được bằng đính chính: thêm --correct \"LÝ DO\"", stage_label(stage),
			      code ? code : id, l.form, day, l.file);
		free(code);
		return -1;
	}
	sbuf_addf(&note, "đính chính %s đã khóa (%s ngày %s): %s", stage_label(stage), l.form, day, correct);
	rc = stage_event(db, cand, stage, "correction", NULL, note.buf, 0);
	sbuf_release(&note);
	return rc < 0 ? -1 : 1;
}

#define RANK(k) "(CASE " k " WHEN 'proposed' THEN 0 WHEN 'nominated' THEN 1 WHEN 'preliminary' THEN 2 " \
	"WHEN 'qualified' THEN 3 WHEN 'official' THEN 4 END)"

int lock_guard_person(sqlite3 *db, long long person_id, const char *correct)
{
	/* Every locked list the person's candidacies are on: the round lists
	 * keep whoever reached them, the official list only active people. */
	sqlite3_stmt *st = db_prepare(db, "SELECT c.id, c.body_id, l.stage FROM candidacy c "
					  "JOIN stage_lock l ON l.body_id = c.body_id "
					  "WHERE c.person_id = ? AND " RANK("c.stage") " >= " RANK("l.stage") " "
					  "AND (l.stage <> 'official' OR c.status = 'active') ORDER BY c.id, l.stage");
	int rc = 0, r;

	if (!st)
		return -1;
	db_bind_int(st, 1, person_id);
	while (sqlite3_step(st) == SQLITE_ROW) {
		char *stage = xstrdup(db_col_text(st, 2));
		r = lock_guard(db, sqlite3_column_int64(st, 1), sqlite3_column_int64(st, 0), stage, correct, NULL, 0);
		free(stage);
		if (r < 0) {
			rc = -1;
			break;
		}
		if (r > 0)
			rc = 1;
	}
	sqlite3_finalize(st);
	return rc;
}

char *lock_reason_arg(const char *s)
{
	char *r = import_clean_arg("--correct", s);

	if (r && !*r) {
		free(r);
		error("--correct cần lý do đính chính, không được để trống");
		return NULL;
	}
	return r;
}
