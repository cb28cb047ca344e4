/*
 * test_fixture_keys.c - the sort keys written in tests/data/people.sql are
 * the ones vi_person_key() gives (the fixtures stand in for the import
 * commands until they exist).  On a mismatch it prints the right X'..'
 * literal to paste into the fixture.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>

#include "collate_vi.h"
#include "sbuf.h"
#include "schema.h"
#include "unit.h"
#include "banned.h"

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	struct sbuf s = SBUF_INIT;
	char buf[4096];
	size_t n;

	if (!f)
		return NULL;
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		sbuf_add(&s, buf, n);
	fclose(f);
	return sbuf_detach(&s, NULL);
}

TEST(people_sql_keys)
{
	const char *top = getenv("TOP");
	struct sbuf path = SBUF_INIT;
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	char *sql;
	int rows = 0, bad = 0;

	sbuf_addf(&path, "%s/tests/data/people.sql", top ? top : ".");
	sql = slurp(path.buf);
	sbuf_release(&path);
	CHECK(sql != NULL);
	CHECK(sqlite3_open(":memory:", &db) == SQLITE_OK);
	CHECK(sqlite3_exec(db, schema_sql, NULL, NULL, NULL) == SQLITE_OK);
	CHECK(sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK);
	free(sql);
	CHECK(sqlite3_prepare_v2(db, "SELECT id, ho, ten_dem, ten, dob, sort_key FROM person ORDER BY id", -1, &st,
				 NULL) == SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW) {
		size_t len = 0;
		unsigned char *k = vi_person_key(NULL, (const char *)sqlite3_column_text(st, 1),
						 (const char *)sqlite3_column_text(st, 2),
						 (const char *)sqlite3_column_text(st, 3),
						 (const char *)sqlite3_column_text(st, 4), &len);
		const void *got = sqlite3_column_blob(st, 5);
		size_t glen = (size_t)sqlite3_column_bytes(st, 5);

		rows++;
		if (!k || glen != len || memcmp(got, k, len)) {
			printf("person %lld: sort_key should be X'", sqlite3_column_int64(st, 0));
			for (size_t i = 0; k && i < len; i++)
				printf("%02X", k[i]);
			printf("'\n");
			bad++;
		}
		free(k);
	}
	sqlite3_finalize(st);
	sqlite3_close(db);
	CHECK(rows > 10);
	CHECK_INT_EQ(bad, 0);
}
