/*
 * audit_verify.c - recompute the audit chain and say where it first stops
 * matching; see audit.h.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "audit.h"
#include "db.h"
#include "diag.h"
#include "hash.h"
#include "sbuf.h"
#include "banned.h"

static int found(struct audit_report *r, long long id, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int found(struct audit_report *r, long long id, const char *fmt, ...)
{
	struct sbuf sb = SBUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	sbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	r->bad_id = id;
	r->why = sbuf_detach(&sb, NULL);
	return 1;
}

/* 1 when `hash` begins with the hex digits of `anchor` (any case). */
static int matches_anchor(const char *hash, const char *anchor)
{
	size_t i;

	for (i = 0; anchor[i]; i++)
		if (!hash[i] || tolower((unsigned char)anchor[i]) != hash[i])
			return 0;
	return i > 0;
}

int audit_verify(sqlite3 *db, int flags, const char *anchor, struct audit_report *r)
{
	struct audit_head head;
	sqlite3_stmt *st;
	char prev[HASH_HEX_LEN + 1] = AUDIT_GENESIS, calc[HASH_HEX_LEN + 1];
	char *last_state = NULL;
	long long expect = 1, last = 0;
	int have, rc, anchor_seen = 0, result = 0;

	memset(r, 0, sizeof(*r));
	have = audit_head_read(db, &head);
	if (have < 0)
		return -1;
	st = db_prepare(db, "SELECT id, at, operator, command, subjects, changes, state, prev_hash, hash "
			    "FROM audit ORDER BY id");
	if (!st) {
		audit_head_release(&head);
		return -1;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		long long id = sqlite3_column_int64(st, 0);
		const char *stored_prev = db_col_text(st, 7), *stored = db_col_text(st, 8);

		r->entries++;
		if (id != expect) {
			if (id > expect && expect == 1)
				result = found(r, 1, "mục #1 đến #%lld đã bị xóa (mục đầu còn lại là #%lld)", id - 1, id);
			else if (id > expect)
				result = found(r, expect, "mục #%lld đã bị xóa (sau mục #%lld là mục #%lld)", expect,
					       expect - 1, id);
			else
				result = found(r, id, "số mục #%lld không hợp lệ", id);
			break;
		}
		audit_entry_hash(stored_prev, id, db_col_text(st, 1), db_col_text(st, 2), db_col_text(st, 3),
				 db_col_text(st, 4), sqlite3_column_type(st, 5) == SQLITE_NULL ? NULL : db_col_text(st, 5),
				 db_col_text(st, 6), calc);
		if (strcmp(calc, stored)) {
			result = found(r, id, "nội dung của mục đã bị sửa (mã băm tính lại %.16s… khác mã đã ghi %.16s…)",
				       calc, stored);
			break;
		}
		if (!audit_time_valid(db_col_text(st, 1))) {
			result = found(r, id, "thời điểm của mục '%s' không hợp lệ", db_col_text(st, 1));
			break;
		}
		if (strcmp(stored_prev, prev)) {
			if (id == 1)
				result = found(r, id, "mục đầu tiên không bắt đầu chuỗi (mã mục trước phải là 64 số 0)");
			else
				result = found(r, id, "mục không nối với mục #%lld (mã mục trước đã ghi %.16s… khác mã của "
						      "mục #%lld %.16s…)", id - 1, stored_prev, id - 1, prev);
			break;
		}
		if (anchor && matches_anchor(stored, anchor))
			anchor_seen = 1;
		snprintf(prev, sizeof(prev), "%s", stored);
		free(last_state);
		last_state = xstrdup(db_col_text(st, 6));
		snprintf(r->last_at, sizeof(r->last_at), "%s", db_col_text(st, 1));
		last = id;
		expect++;
	}
	if (!result && rc != SQLITE_DONE) {
		error("không đọc được nhật ký: %s", db_msg(db));
		result = -1;
	}
	sqlite3_finalize(st);
	snprintf(r->head_hash, sizeof(r->head_hash), "%s", prev);
	if (result)
		goto out;

	r->head_only = 1;
	if (!have) {
		result = found(r, last + 1, "thiếu đầu chuỗi nhật ký (bảng audit_head trống)");
	} else if (head.last_id > last) {
		if (head.last_id == last + 1)
			result = found(r, last + 1, "mục cuối #%lld đã bị xóa (đầu chuỗi ghi %lld mục)", head.last_id,
				       head.entries);
		else
			result = found(r, last + 1, "các mục cuối từ #%lld đến #%lld đã bị xóa (đầu chuỗi ghi %lld mục)",
				       last + 1, head.last_id, head.entries);
	} else if (head.last_id < last) {
		result = found(r, head.last_id + 1, "có mục sau mục cuối mà đầu chuỗi ghi (#%lld)", head.last_id);
	} else if (r->entries == 0) {
		result = found(r, 1, "nhật ký trống");
	} else if (head.entries != r->entries) {
		result = found(r, last, "đầu chuỗi ghi %lld mục, nhật ký có %lld", head.entries, r->entries);
	} else if (strcmp(head.hash, prev) || strcmp(head.state, last_state ? last_state : "")) {
		result = found(r, last, "đầu chuỗi không khớp mục cuối");
	}
	if (result)
		goto out;
	r->head_only = 0;
	if (anchor && !anchor_seen) {
		result = found(r, 0, "không có mục nào mang mã '%s' (mã đầu chuỗi đã ghi lại trước đây): "
				     "các mục từ đó đã bị thay đổi hoặc đây không phải sổ ấy", anchor);
	} else if (flags & AUDIT_VERIFY_DATA) {
		struct audit_state s;

		if (audit_state(db, &s) < 0) {
			result = -1;
		} else {
			if (strcmp(s.digest, last_state)) {
				struct sbuf diff = SBUF_INIT;

				audit_state_diff(head.tables, s.tables, &diff);
				r->data_changed = 1;
				result = found(r, last, "dữ liệu của sổ đã bị sửa ngoài hiepthuong sau mục này (bảng %s)",
					       diff.len ? diff.buf : "?");
				sbuf_release(&diff);
			}
			audit_state_release(&s);
		}
	}
out:
	free(last_state);
	if (have > 0)
		audit_head_release(&head);
	return result;
}

void audit_report_release(struct audit_report *r)
{
	free(r->why);
	r->why = NULL;
}
