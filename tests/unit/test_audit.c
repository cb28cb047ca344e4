/*
 * test_audit.c - the audit trail's recording and verification (audit.c,
 * audit_state.c, audit_verify.c) on an in-memory book made from the real
 * schema.
 */
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "cmd.h"
#include "db.h"
#include "sbuf.h"
#include "schema.h"
#include "unit.h"
#include "banned.h"

static sqlite3 *book(struct ctx *ctx)
{
	sqlite3 *db = NULL;

	memset(ctx, 0, sizeof(*ctx));
	if (sqlite3_open(":memory:", &db) != SQLITE_OK || sqlite3_exec(db, schema_sql, NULL, NULL, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_exec(db, "INSERT INTO body(code, kind, type_name, name, seats) VALUES "
			 "('qh', 'na', 'Quốc hội', 'Quốc hội khóa XVI', 8), "
			 "('hdnd-tinh', 'hdnd', 'HĐND cấp tỉnh', 'HĐND tỉnh Hòa Lâm', 50); "
			 "INSERT INTO deadline(key, days, label, citation, applies_na, applies_hdnd) VALUES "
			 "('ht1', 95, 'HT1', 'Điều 38', 1, 1), ('ht2', 65, 'HT2', 'Điều 50', 1, 1), "
			 "('ht3', 23, 'HT3', 'Điều 56', 1, 1)", NULL, NULL, NULL);
	ctx->db = db;
	ctx->by = "Nguyễn Thị Hoa";
	ctx->cmdline = "hiepthuong test";
	return db;
}

/* Text of the first column of the first row (malloc'd) or NULL. */
static char *query(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st = NULL;
	char *v = NULL;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW &&
	    sqlite3_column_text(st, 0))
		v = strdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return v;
}

#define CHECK_QUERY(db, sql, want) do {                                  \
	char *q_ = query(db, sql);                                       \
	int ok_ = q_ && !strcmp(q_, want);                               \
	if (!ok_) {                                                      \
		unit_fail(unit_failed_, __FILE__, __LINE__, "%s: '%s' != '%s'", \
			  sql, q_ ? q_ : "(null)", want);                \
		free(q_);                                                \
		return;                                                  \
	}                                                                \
	free(q_);                                                        \
	} while (0)

static int verify(sqlite3 *db, long long *bad)
{
	struct audit_report r;
	int rc = audit_verify(db, AUDIT_VERIFY_DATA, NULL, &r);

	*bad = r.bad_id;
	audit_report_release(&r);
	return rc;
}

TEST(entry_hash_matches_the_documented_encoding)
{
	char hex[HASH_HEX_LEN + 1];

	/* Values computed by tools/verify-audit.py, from the description in
	 * audit.h alone. */
	audit_entry_hash(AUDIT_GENESIS, 1, "2026-01-05T08:30:00+07:00", "Nguyễn Thị Hoa", "hiepthuong init", "body:1",
			 "[]", "ab", hex);
	CHECK_STR_EQ(hex, "ee8c79d58666fba3410470a499562d95c6ff538ac5ddd4ef2dd08f6c4f7d69f2");
	audit_entry_hash(AUDIT_GENESIS, 1, "2026-01-05T08:30:00+07:00", "Nguyễn Thị Hoa", "hiepthuong init", "body:1",
			 NULL, "ab", hex);
	CHECK_STR_EQ(hex, "576849d5540c95e7b8b8a9161651694818f9c0208a6555d720a9f019159763c0");
}

TEST(change_row_is_recorded_as_json_with_subjects)
{
	struct ctx ctx;
	sqlite3 *db = book(&ctx);
	long long bad;

	CHECK(db);
	ctx_change(&ctx, "sửa số ghế của '%s'", "qh");
	ctx_change_row(&ctx, "body", 1, "seats", "8", "9");
	ctx_change_row(&ctx, "body", 1, "khoa", NULL, "XVI \"mới\"");
	ctx_subject(&ctx, "candidacy", 12);
	ctx_subject(&ctx, "body", 1);
	CHECK_INT_EQ(audit_record(&ctx), 0);
	CHECK_QUERY(db, "SELECT subjects FROM audit", "body:1 candidacy:12");
	CHECK_QUERY(db, "SELECT json_extract(changes, '$[0].note') FROM audit", "sửa số ghế của 'qh'");
	CHECK_QUERY(db, "SELECT json_extract(changes, '$[1].before') || '>' || json_extract(changes, '$[1].after') "
			"FROM audit", "8>9");
	CHECK_QUERY(db, "SELECT json_type(changes, '$[2].before') FROM audit", "null");
	CHECK_QUERY(db, "SELECT json_extract(changes, '$[2].after') FROM audit", "XVI \"mới\"");
	CHECK_QUERY(db, "SELECT operator FROM audit", "Nguyễn Thị Hoa");
	CHECK_QUERY(db, "SELECT prev_hash FROM audit", AUDIT_GENESIS);
	CHECK_QUERY(db, "SELECT entries || ' ' || last_id FROM audit_head", "1 1");
	CHECK_INT_EQ(verify(db, &bad), 0);
	sqlite3_close(db);
}

TEST(row_snapshots_record_only_what_changed)
{
	struct ctx ctx;
	sqlite3 *db = book(&ctx);

	CHECK(db);
	CHECK_INT_EQ(ctx_row_before(&ctx, "body", 2), 0);
	sqlite3_exec(db, "UPDATE body SET seats = 51, name = name WHERE id = 2", NULL, NULL, NULL);
	/* No ctx_row_after(): the pending snapshot is compared at the end. */
	CHECK_INT_EQ(audit_record(&ctx), 0);
	CHECK_QUERY(db, "SELECT json_array_length(changes) FROM audit", "1");
	CHECK_QUERY(db, "SELECT json_extract(changes, '$[0].field') || ':' || json_extract(changes, '$[0].before') || "
			"'>' || json_extract(changes, '$[0].after') FROM audit", "seats:50>51");
	CHECK_QUERY(db, "SELECT subjects FROM audit", "body:2");
	sqlite3_close(db);
}

TEST(row_snapshots_of_inserts_and_deletes)
{
	struct ctx ctx;
	sqlite3 *db = book(&ctx);
	long long bad;

	CHECK(db);
	sqlite3_exec(db, "INSERT INTO unit(id, body_id, code, name, kind) VALUES (7, 1, 'UB-1', 'Ủy ban', 'state')",
		     NULL, NULL, NULL);
	CHECK_INT_EQ(ctx_row_after(&ctx, "unit", 7), 0);
	CHECK_INT_EQ(audit_record(&ctx), 0);
	CHECK_QUERY(db, "SELECT count(*) FROM audit, json_each(audit.changes) WHERE json_type(value, '$.before') = 'null'",
		    "5");
	CHECK_QUERY(db, "SELECT json_extract(value, '$.after') FROM audit, json_each(audit.changes) "
			"WHERE json_extract(value, '$.field') = 'code'", "UB-1");

	CHECK_INT_EQ(ctx_row_before(&ctx, "unit", 7), 0);
	sqlite3_exec(db, "DELETE FROM unit WHERE id = 7", NULL, NULL, NULL);
	CHECK_INT_EQ(audit_record(&ctx), 0);
	CHECK_QUERY(db, "SELECT count(*) FROM audit, json_each(audit.changes) WHERE audit.id = 2 AND "
			"json_type(value, '$.after') = 'null' AND json_type(value, '$.before') <> 'null'", "5");
	CHECK_QUERY(db, "SELECT prev_hash = (SELECT hash FROM audit WHERE id = 1) FROM audit WHERE id = 2", "1");
	CHECK_INT_EQ(verify(db, &bad), 0);
	sqlite3_close(db);
}

TEST(verify_names_the_first_entry_changed_behind_the_tools_back)
{
	struct ctx ctx;
	sqlite3 *db = book(&ctx);
	long long bad;

	CHECK(db);
	for (int i = 0; i < 4; i++) {
		ctx_change(&ctx, "mục %d", i + 1);
		CHECK_INT_EQ(audit_record(&ctx), 0);
	}
	CHECK_INT_EQ(verify(db, &bad), 0);
	sqlite3_exec(db, "DROP TRIGGER audit_append_only_update", NULL, NULL, NULL);
	/* The schema is covered too: dropping the trigger alone shows. */
	CHECK_INT_EQ(verify(db, &bad), 1);
	CHECK_INT_EQ(bad, 4);
	sqlite3_exec(db, "UPDATE audit SET operator = 'người khác' WHERE id = 3", NULL, NULL, NULL);
	CHECK_INT_EQ(verify(db, &bad), 1);
	CHECK_INT_EQ(bad, 3);
	sqlite3_close(db);
}

TEST(data_changed_outside_is_caught_before_writing)
{
	struct ctx ctx;
	sqlite3 *db = book(&ctx);

	CHECK(db);
	CHECK_INT_EQ(audit_record(&ctx), 0);
	CHECK_INT_EQ(audit_check_untouched(db, "(test)"), 0);
	sqlite3_exec(db, "UPDATE body SET seats = 7 WHERE code = 'qh'", NULL, NULL, NULL);
	CHECK_INT_EQ(audit_check_untouched(db, "(test)"), -1);
	sqlite3_exec(db, "UPDATE body SET seats = 8 WHERE code = 'qh'", NULL, NULL, NULL);
	CHECK_INT_EQ(audit_check_untouched(db, "(test)"), 0);
	sqlite3_close(db);
}

TEST(state_ignores_row_order_but_not_values)
{
	struct ctx ctx;
	sqlite3 *db = book(&ctx);
	struct audit_state a, b, c;
	struct sbuf diff = SBUF_INIT;

	CHECK(db);
	CHECK_INT_EQ(audit_state(db, &a), 0);
	/* Same rows, other rowids and order (as after a VACUUM of a table
	 * without an INTEGER PRIMARY KEY). */
	sqlite3_exec(db, "CREATE TEMP TABLE d AS SELECT * FROM deadline; DELETE FROM deadline; "
			 "INSERT INTO deadline SELECT * FROM d ORDER BY key DESC", NULL, NULL, NULL);
	CHECK_INT_EQ(audit_state(db, &b), 0);
	sqlite3_exec(db, "UPDATE body SET name = 'Quốc hội khóa XV' WHERE id = 1", NULL, NULL, NULL);
	CHECK_INT_EQ(audit_state(db, &c), 0);
	CHECK_STR_EQ(a.digest, b.digest);
	CHECK(strcmp(b.digest, c.digest) != 0);
	audit_state_diff(b.tables, c.tables, &diff);
	CHECK_STR_EQ(diff.buf, "'body'");
	sbuf_release(&diff);
	audit_state_release(&a);
	audit_state_release(&b);
	audit_state_release(&c);
	sqlite3_close(db);
}

TEST(safe_text_escapes_bytes_that_are_not_utf8)
{
	char *s = audit_safe_text("a\xff" "b\xc3");

	CHECK_STR_EQ(s, "a\\xFFb\\xC3");
	free(s);
	s = audit_safe_text("Hòa");
	CHECK_STR_EQ(s, "Hòa");
	free(s);
}
