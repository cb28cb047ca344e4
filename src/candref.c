/* candref.c - candidacy references; see candref.h. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "book.h"
#include "candref.h"
#include "conference.h"
#include "date.h"
#include "db.h"
#include "diag.h"
#include "person.h"
#include "sbuf.h"
#include "text.h"
#include "banned.h"

static int all_digits(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (!isdigit((unsigned char)*s))
			return 0;
	return 1;
}

char *candref_name(sqlite3 *db, long long id)
{
	sqlite3_stmt *st = db_prepare_cached(db, "SELECT p.ho, p.ten_dem, p.ten FROM candidacy c JOIN person p ON p.id = c.person_id "
					  "WHERE c.id = ?");
	struct sbuf sb = SBUF_INIT;

	if (!st)
		return xstrdup("");
	db_bind_int(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		sbuf_addstr(&sb, db_col_text(st, 0));
		if (*db_col_text(st, 1))
			sbuf_addf(&sb, " %s", db_col_text(st, 1));
		sbuf_addf(&sb, " %s", db_col_text(st, 2));
	}
	sqlite3_reset(st);
	return sbuf_detach(&sb, NULL);
}

#define FULL_NAME "p.ho || ' ' || CASE WHEN p.ten_dem <> '' THEN p.ten_dem || ' ' ELSE '' END || p.ten"

long long candref_resolve(sqlite3 *db, long long body_id, const char *ref, const char *file, long row)
{
	sqlite3_stmt *st;
	char *want = NULL, *dob = NULL, *key = NULL, *other = NULL;
	struct date d;
	char err[64], iso[16];
	long long found = 0;
	int n = 0;
	struct sbuf ids = SBUF_INIT;

	if (all_digits(ref)) {
		st = db_prepare_cached(db, "SELECT id FROM candidacy WHERE id = ? AND body_id = ?");
		if (!st)
			return 0;
		db_bind_int(st, 1, strtoll(ref, NULL, 10));
		db_bind_int(st, 2, body_id);
		if (sqlite3_step(st) == SQLITE_ROW)
			found = sqlite3_column_int64(st, 0);
		sqlite3_reset(st);
		if (!found)
			error_at(file, row, 0, "không có người ứng cử số %s ở cơ quan này", ref);
		return found;
	}
	want = text_trim_collapse(ref);
	if (!want) {
		error_at(file, row, 0, "tên người ứng cử không phải UTF-8 hợp lệ");
		return 0;
	}
	/* A trailing date separates namesakes. */
	{
		char *sp = strrchr(want, ' ');
		if (sp && date_parse(sp + 1, DATE_PARTIAL, &d, err, sizeof(err)) == 0) {
			*sp = 0;
			date_iso(d, iso, sizeof(iso));
			dob = iso;
		}
	}
	/* The name as the lists print it: "Đặng Minh Châu (Hòa thượng Thích
	 * Bảo Nghiêm)" is Đặng Minh Châu, whose other name tells namesakes
	 * apart when the book has it. */
	{
		char *name = person_ref_name(want, &other);
		if (name) {
			free(want);
			want = name;
		}
	}
	/* With a birth date only that day's people are compared (index
	 * person_dob): a file of results names every candidate of the body,
	 * and scanning the body for each row made it quadratic.  Stored name
	 * keys are compared in SQL (index person_dob is (dob, name_key)): at
	 * national size some 26 people share a birth date, and folding each
	 * one's name made a voters import grow 40x for 10x the rows.  A person
	 * without a key (written outside hiepthuong) is folded here. */
	st = db_prepare_cached(db, dob ? "SELECT c.id, " FULL_NAME ", p.dob, p.name_key IS NULL OR NOT ?4, p.other_names FROM person p "
				  "JOIN candidacy c ON c.person_id = p.id "
				  "WHERE p.dob = ?2 AND (p.name_key = ?3 OR p.name_key IS NULL OR NOT ?4) AND c.body_id = ?1"
				: "SELECT c.id, " FULL_NAME ", p.dob, p.name_key IS NULL OR NOT ?4, p.other_names FROM candidacy c "
				  "JOIN person p ON p.id = c.person_id "
				  "WHERE c.body_id = ?1 AND (p.name_key = ?3 OR p.name_key IS NULL OR NOT ?4)");
	key = text_loose_key(want);
	if (!st || !key) {
		sqlite3_reset(st);
		free(key);
		free(want);
		free(other);
		return 0;
	}
	db_bind_int(st, 1, body_id);
	if (dob)
		db_bind_text(st, 2, dob);
	db_bind_text(st, 3, key);
	db_bind_int(st, 4, person_keys_trusted(db));
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (sqlite3_column_int(st, 3)) {
			char *k = text_loose_key(db_col_text(st, 1));
			int same = k && !strcmp(k, key);

			free(k);
			if (!same)
				continue;
		}
		if (other && *db_col_text(st, 4) && !text_equal_fold(db_col_text(st, 4), other))
			continue;	/* a namesake with another other name */
		found = sqlite3_column_int64(st, 0);
		sbuf_addf(&ids, "%s%lld (sinh %s)", n ? ", " : "", found, db_col_text(st, 2));
		n++;
	}
	sqlite3_reset(st);
	free(key);
	if (n == 0)
		error_at(file, row, 0, "không có người ứng cử '%s' ở cơ quan này", ref);
	else if (n > 1)
		error_at(file, row, 0, "có %d người ứng cử tên '%s' (số %s); ghi thêm ngày sinh hoặc dùng số", n, want, ids.buf);
	sbuf_release(&ids);
	free(want);
	free(other);
	return n == 1 ? found : 0;
}

long long candref_find(sqlite3 *db, const char *body_code, const char *ref, long long *body_id)
{
	char kind[8];

	*body_id = 0;
	if (body_resolve(db, body_code, body_id, kind) < 0) {
		if (body_code)
			error("không có cơ quan '%s' trong sổ", body_code);
		else
			body_missing(db);
		return 0;
	}
	return candref_resolve(db, *body_id, ref, NULL, 0);
}
