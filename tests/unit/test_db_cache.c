/*
 * test_db_cache.c - the statement cache of db.c (db_prepare_cached) and
 * the memo of text_equal_fold() (text.c): reuse, nesting, clean bindings,
 * finalizing at close, and the same answers after evictions.
 */
#include <stdio.h>
#include <string.h>

#include "db.h"
#include "text.h"
#include "unit.h"
#include "banned.h"

static const char sql_pick[] = "SELECT x, ?1 FROM t ORDER BY x";

TEST(cached_statement_reused_nested_and_finalized)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *a, *b, *c;

	CHECK(sqlite3_open(":memory:", &db) == SQLITE_OK);
	CHECK(sqlite3_exec(db, "CREATE TABLE t(x); INSERT INTO t VALUES (1), (2)", NULL, NULL, NULL) == SQLITE_OK);
	a = db_prepare_cached(db, sql_pick);
	CHECK(a != NULL);
	db_bind_int(a, 1, 42);
	CHECK(sqlite3_step(a) == SQLITE_ROW);
	/* a is still being stepped: a nested use must get another statement */
	b = db_prepare_cached(db, sql_pick);
	CHECK(b != NULL && b != a);
	CHECK(sqlite3_step(b) == SQLITE_ROW);
	CHECK(sqlite3_column_type(b, 1) == SQLITE_NULL);	/* a's binding is not b's */
	CHECK_INT_EQ(sqlite3_column_int(a, 1), 42);
	sqlite3_reset(b);
	sqlite3_reset(a);
	/* done with: handed out again, reset and without bindings */
	c = db_prepare_cached(db, sql_pick);
	CHECK(c == a);
	CHECK(sqlite3_step(c) == SQLITE_ROW);
	CHECK_INT_EQ(sqlite3_column_int(c, 0), 1);
	CHECK(sqlite3_column_type(c, 1) == SQLITE_NULL);
	/* left half-stepped on purpose: db_close() must still finalize it,
	 * or sqlite3_close() refuses (SQLITE_BUSY) */
	CHECK_INT_EQ(db_close(db), 0);
}

TEST(cached_statement_bad_sql)
{
	sqlite3 *db = NULL;

	CHECK(sqlite3_open(":memory:", &db) == SQLITE_OK);
	/* reported as an internal error (on stderr) and NULL */
	CHECK(db_prepare_cached(db, "SELECT FROM nowhere") == NULL);
	CHECK_INT_EQ(db_close(db), 0);
}

TEST(fold_memo_same_answers_after_evictions)
{
	char a[64], b[64], c[64];

	/* far more strings than the memo has slots: evictions and shared
	 * slots happen, the answers must not change */
	for (int round = 0; round < 2; round++)
		for (int i = 0; i < 3000; i++) {
			snprintf(a, sizeof(a), "Thôn %d", i);
			snprintf(b, sizeof(b), "  THÔN   %d ", i);
			snprintf(c, sizeof(c), "Thôn %d", i + 1);
			CHECK(text_equal_fold(a, b));
			CHECK(text_equal_fold(b, a));
			CHECK(!text_equal_fold(a, c));
			CHECK(!text_equal_fold(c, b));
		}
	CHECK(!text_equal_fold("Thôn 1", "Thon 1"));
	CHECK(!text_equal_fold("a", NULL));
	CHECK(!text_equal_fold("\xff", "\xff"));	/* invalid UTF-8 has no key */
	text_fold_memo_release();
	CHECK(text_equal_fold("Hội đồng nhân dân", "HỘI ĐỒNG NHÂN DÂN"));
	text_fold_memo_release();
}
