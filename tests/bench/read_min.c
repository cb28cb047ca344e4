/*
 * read_min.c - the roll-up's baseline (tests/bench/README.md): a bare
 * SQLite program that opens each book read-only and reads every row of
 * every table once, touching every value, and nothing else.
 *
 *	read_min BOOK...
 *
 * Prints the number of rows and values read.  What `rollup read` does
 * beyond this for each book (its audit chain and state digest, its term,
 * level and area, the copy of what it contributed into the reader's book)
 * is measured against it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>

int main(int argc, char **argv)
{
	long long rows = 0, values = 0, sum = 0;

	for (int i = 1; i < argc; i++) {
		sqlite3 *db = NULL;
		sqlite3_stmt *tables = NULL;

		if (sqlite3_open_v2(argv[i], &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
			fprintf(stderr, "read_min: %s: %s\n", argv[i], db ? sqlite3_errmsg(db) : "out of memory");
			return 1;
		}
		if (sqlite3_prepare_v2(db, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
				       -1, &tables, NULL) != SQLITE_OK) {
			fprintf(stderr, "read_min: %s: %s\n", argv[i], sqlite3_errmsg(db));
			return 1;
		}
		while (sqlite3_step(tables) == SQLITE_ROW) {
			char sql[256];
			sqlite3_stmt *st = NULL;

			snprintf(sql, sizeof(sql), "SELECT * FROM \"%s\"", (const char *)sqlite3_column_text(tables, 0));
			if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
				fprintf(stderr, "read_min: %s: %s\n", argv[i], sqlite3_errmsg(db));
				return 1;
			}
			while (sqlite3_step(st) == SQLITE_ROW) {
				int n = sqlite3_column_count(st);

				rows++;
				for (int c = 0; c < n; c++, values++) {
					switch (sqlite3_column_type(st, c)) {
					case SQLITE_INTEGER:
						sum += sqlite3_column_int64(st, c);
						break;
					case SQLITE_TEXT:
					case SQLITE_BLOB: {
						const unsigned char *p = sqlite3_column_blob(st, c);
						int len = sqlite3_column_bytes(st, c);
						if (p && len)
							sum += p[0] + p[len - 1];
						break;
					}
					default:
						break;
					}
				}
			}
			sqlite3_finalize(st);
		}
		sqlite3_finalize(tables);
		sqlite3_close(db);
	}
	printf("%lld rows, %lld values (%lld)\n", rows, values, sum & 0xff);
	return 0;
}
