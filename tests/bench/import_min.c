/*
 * import_min.c - the candidate import's baseline (tests/bench/README.md):
 * a plain C program that inserts the same rows as `candidate import` -- a
 * person, a candidacy and its first history row for each line of
 * candidates.csv -- into the same schema (a copy of the bench's book with
 * its units and allocations: the same tables, indexes, CHECKs, triggers
 * and foreign keys, switched on), with prepared statements, in one
 * transaction.  It only turns the cells into the stored forms (ISO dates,
 * 'nam'/'nu', the name split in three, the unit's id); it checks nothing,
 * matches no one, keeps no audit trail, and its sort key is the name's
 * bytes, not the official collation.
 *
 *	import_min BOOK CANDIDATES.csv
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>

#define MAXF 64

/* One CSV record (RFC 4180 quoting) into fields; 0 at the end of the file. */
static int csv_record(FILE *f, char **buf, size_t *cap, char *field[MAXF], int *n)
{
	size_t len = 0;
	int c, q = 0, any = 0;

	*n = 0;
	field[(*n)++] = NULL;	/* offsets first, pointers at the end */
	size_t start[MAXF];
	start[0] = 0;
	while ((c = getc(f)) != EOF) {
		any = 1;
		if (len + 2 > *cap) {
			*cap = *cap ? 2 * *cap : 4096;
			*buf = realloc(*buf, *cap);
		}
		if (q) {
			if (c == '"') {
				int d = getc(f);
				if (d == '"') {
					(*buf)[len++] = '"';
				} else {
					q = 0;
					if (d != EOF)
						ungetc(d, f);
				}
			} else {
				(*buf)[len++] = (char)c;
			}
		} else if (c == '"') {
			q = 1;
		} else if (c == ',') {
			(*buf)[len++] = 0;
			if (*n < MAXF)
				start[(*n)++] = len;
		} else if (c == '\n') {
			break;
		} else if (c != '\r') {
			(*buf)[len++] = (char)c;
		}
	}
	if (!any)
		return 0;
	if (len + 1 > *cap) {
		*cap = len + 1;
		*buf = realloc(*buf, *cap);
	}
	(*buf)[len] = 0;
	for (int i = 0; i < *n; i++)
		field[i] = *buf + start[i];
	return 1;
}

/* "dd/mm/yyyy[ HH:MM]" -> "yyyy-mm-dd[ HH:MM]" into out; "" stays "". */
static void iso(const char *s, char *out, size_t len)
{
	int d, m, y, hh, mm;

	if (sscanf(s, "%d/%d/%d %d:%d", &d, &m, &y, &hh, &mm) == 5)
		snprintf(out, len, "%04d-%02d-%02d %02d:%02d", y, m, d, hh, mm);
	else if (sscanf(s, "%d/%d/%d", &d, &m, &y) == 3)
		snprintf(out, len, "%04d-%02d-%02d", y, m, d);
	else
		snprintf(out, len, "%s", s);
}

struct unit {
	long long body, id;
	char *name;
	int thon;
};

static int cmp_unit(const void *pa, const void *pb)
{
	const struct unit *a = pa, *b = pb;

	if (a->body != b->body)
		return a->body < b->body ? -1 : 1;
	return strcmp(a->name, b->name);
}

static const char *const person_cols[] = {
	"Quốc tịch", "nationality", "Dân tộc", "ethnicity", "Tôn giáo", "religion", "Quê quán", "hometown",
	"Nơi ở hiện nay", "residence", "Giáo dục phổ thông", "edu_general", "Chuyên môn, nghiệp vụ", "edu_professional",
	"Học hàm, học vị", "edu_degree", "Lý luận chính trị", "edu_political", "Ngoại ngữ", "edu_language",
	"Nghề nghiệp, chức vụ", "occupation", "Nơi công tác", "workplace", "Ngày vào Đảng (nếu có)", "party_date",
	"Đại biểu Quốc hội khóa (nếu có)", "na_member", "Đại biểu HĐND nhiệm kỳ (nếu có)", "hdnd_member", NULL
};

static void die(sqlite3 *db, const char *what)
{
	fprintf(stderr, "import_min: %s: %s\n", what, db ? sqlite3_errmsg(db) : "?");
	exit(1);
}

int main(int argc, char **argv)
{
	sqlite3 *db;
	sqlite3_stmt *st, *ins_p, *ins_c, *ins_e, *find_p;
	FILE *f;
	char *buf = NULL, *field[MAXF], sql[2048];
	size_t cap = 0;
	int n, col[MAXF], is_date[MAXF], ncols = 0, hb = -1, hn = -1, hd = -1, hs = -1, hu = -1, hst = -1, hdo = -1, hno = -1;
	struct unit *units = NULL;
	long long nunits = 0, rows = 0;
	struct { char code[32]; long long id; } bodies[16];
	int nbodies = 0;

	if (argc != 3) {
		fprintf(stderr, "usage: import_min BOOK CANDIDATES.csv\n");
		return 2;
	}
	if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
		die(db, argv[1]);
	/* as hiepthuong opens a book (db.c) */
	if (sqlite3_exec(db, "PRAGMA foreign_keys = ON; PRAGMA cache_size = -32768", NULL, NULL, NULL) != SQLITE_OK)
		die(db, "pragmas");
	if (sqlite3_prepare_v2(db, "SELECT code, id FROM body", -1, &st, NULL) != SQLITE_OK)
		die(db, "bodies");
	while (sqlite3_step(st) == SQLITE_ROW && nbodies < 16) {
		snprintf(bodies[nbodies].code, sizeof(bodies[0].code), "%s", (const char *)sqlite3_column_text(st, 0));
		bodies[nbodies++].id = sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	if (sqlite3_prepare_v2(db, "SELECT body_id, id, name, kind = 'thon' FROM unit", -1, &st, NULL) != SQLITE_OK)
		die(db, "units");
	while (sqlite3_step(st) == SQLITE_ROW) {
		units = realloc(units, sizeof(*units) * (size_t)(nunits + 1));
		units[nunits].body = sqlite3_column_int64(st, 0);
		units[nunits].id = sqlite3_column_int64(st, 1);
		units[nunits].name = strdup((const char *)sqlite3_column_text(st, 2));
		units[nunits].thon = sqlite3_column_int(st, 3);
		nunits++;
	}
	sqlite3_finalize(st);
	qsort(units, (size_t)nunits, sizeof(*units), cmp_unit);

	if (!(f = fopen(argv[2], "rb"))) {
		perror(argv[2]);
		return 1;
	}
	if (!csv_record(f, &buf, &cap, field, &n))
		return 1;
	/* the header: which file column feeds which person column */
	strcpy(sql, "INSERT INTO person (ho, ten_dem, ten, dob, sex, sort_key");
	for (int i = 0; i < n; i++) {
		const char *h = field[i];

		if (!strncmp(h, "\xef\xbb\xbf", 3))
			h += 3;
		col[i] = -1;
		if (!strcmp(h, "Cơ quan dân cử"))
			hb = i;
		else if (!strcmp(h, "Họ và tên"))
			hn = i;
		else if (!strcmp(h, "Ngày, tháng, năm sinh"))
			hd = i;
		else if (!strcmp(h, "Giới tính"))
			hs = i;
		else if (!strcmp(h, "Đơn vị giới thiệu"))
			hu = i;
		else if (!strcmp(h, "Bước"))
			hst = i;
		else if (!strcmp(h, "Thời điểm nhận hồ sơ"))
			hdo = i;
		else if (!strcmp(h, "Ghi chú"))
			hno = i;
		is_date[i] = 0;
		for (int k = 0; person_cols[k]; k += 2)
			if (!strcmp(h, person_cols[k])) {
				is_date[i] = !strcmp(person_cols[k + 1], "party_date");
				col[i] = ncols++;
				strcat(sql, ", ");
				strcat(sql, person_cols[k + 1]);
			}
	}
	if (hb < 0 || hn < 0 || hd < 0 || hs < 0 || hu < 0)
		die(NULL, "header");
	strcat(sql, ") VALUES (?, ?, ?, ?, ?, ?");
	for (int i = 0; i < ncols; i++)
		strcat(sql, ", ?");
	strcat(sql, ")");
	if (sqlite3_exec(db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
		die(db, "begin");
	if (sqlite3_prepare_v2(db, sql, -1, &ins_p, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "INSERT INTO candidacy (person_id, body_id, source, unit_id, dossier_at, stage, note) "
				   "VALUES (?, ?, ?, ?, ?, ?, ?)", -1, &ins_c, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "INSERT INTO candidacy_event (candidacy_id, at, entered, stage, decision) "
				   "VALUES (?, '2026-01-01', '2026-01-01', ?, 'in')", -1, &ins_e, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "SELECT id FROM person WHERE ho = ?1 AND ten_dem = ?2 AND ten = ?3 AND dob = ?4",
			       -1, &find_p, NULL) != SQLITE_OK)
		die(db, "prepare");
	while (csv_record(f, &buf, &cap, field, &n)) {
		char dob[32], dossier[32], *name, *sp1, *sp2;
		const char *stage = "nominated", *source = "unit", *unit_name;
		long long body = 0, unit = 0, person;
		int p = 1;

		if (n <= hu)
			continue;
		for (int b = 0; b < nbodies; b++)
			if (!strcmp(bodies[b].code, field[hb]))
				body = bodies[b].id;
		name = strdup(field[hn]);
		sp1 = strchr(name, ' ');
		sp2 = strrchr(name, ' ');
		if (!sp1)
			die(NULL, "name");
		*sp1 = 0;
		*sp2 = 0;
		iso(field[hd], dob, sizeof(dob));
		sqlite3_bind_text(ins_p, p++, name, -1, SQLITE_STATIC);
		sqlite3_bind_text(ins_p, p++, sp1 == sp2 ? "" : sp1 + 1, -1, SQLITE_STATIC);
		sqlite3_bind_text(ins_p, p++, sp2 + 1, -1, SQLITE_STATIC);
		sqlite3_bind_text(ins_p, p++, dob, -1, SQLITE_STATIC);
		sqlite3_bind_text(ins_p, p++, !strcmp(field[hs], "Nữ") ? "nu" : "nam", -1, SQLITE_STATIC);
		sqlite3_bind_blob(ins_p, p++, field[hn], (int)strlen(field[hn]), SQLITE_STATIC);
		for (int i = 0; i < n; i++) {
			char v[64];

			if (col[i] < 0)
				continue;
			if (!*field[i]) {
				sqlite3_bind_null(ins_p, p + col[i]);
			} else if (is_date[i]) {
				iso(field[i], v, sizeof(v));
				sqlite3_bind_text(ins_p, p + col[i], v, -1, SQLITE_TRANSIENT);
			} else {
				sqlite3_bind_text(ins_p, p + col[i], field[i], -1, SQLITE_STATIC);
			}
		}
		/* a person standing for two bodies is one row (the import matches
		 * them by name and birth date too) */
		if (sqlite3_step(ins_p) == SQLITE_DONE) {
			person = sqlite3_last_insert_rowid(db);
		} else if (sqlite3_extended_errcode(db) == SQLITE_CONSTRAINT_UNIQUE) {
			sqlite3_bind_text(find_p, 1, name, -1, SQLITE_STATIC);
			sqlite3_bind_text(find_p, 2, sp1 == sp2 ? "" : sp1 + 1, -1, SQLITE_STATIC);
			sqlite3_bind_text(find_p, 3, sp2 + 1, -1, SQLITE_STATIC);
			sqlite3_bind_text(find_p, 4, dob, -1, SQLITE_STATIC);
			if (sqlite3_step(find_p) != SQLITE_ROW)
				die(db, "person");
			person = sqlite3_column_int64(find_p, 0);
			sqlite3_reset(find_p);
		} else {
			die(db, "person");
		}
		sqlite3_reset(ins_p);
		free(name);
		unit_name = field[hu];
		if (!strcmp(unit_name, "Tự ứng cử")) {
			source = "self";
		} else {
			struct unit key = { body, 0, (char *)unit_name, 0 }, *u;
			u = bsearch(&key, units, (size_t)nunits, sizeof(*units), cmp_unit);
			if (!u)
				die(NULL, unit_name);
			unit = u->id;
			if (u->thon)
				source = "thon";
		}
		if (hst >= 0 && !strcmp(field[hst], "dự kiến"))
			stage = "proposed";
		iso(hdo >= 0 ? field[hdo] : "", dossier, sizeof(dossier));
		sqlite3_bind_int64(ins_c, 1, person);
		sqlite3_bind_int64(ins_c, 2, body);
		sqlite3_bind_text(ins_c, 3, source, -1, SQLITE_STATIC);
		if (unit)
			sqlite3_bind_int64(ins_c, 4, unit);
		else
			sqlite3_bind_null(ins_c, 4);
		sqlite3_bind_text(ins_c, 5, dossier, -1, SQLITE_STATIC);
		sqlite3_bind_text(ins_c, 6, stage, -1, SQLITE_STATIC);
		if (hno >= 0 && *field[hno])
			sqlite3_bind_text(ins_c, 7, field[hno], -1, SQLITE_STATIC);
		else
			sqlite3_bind_null(ins_c, 7);
		if (sqlite3_step(ins_c) != SQLITE_DONE)
			die(db, "candidacy");
		sqlite3_reset(ins_c);
		sqlite3_bind_int64(ins_e, 1, sqlite3_last_insert_rowid(db));
		sqlite3_bind_text(ins_e, 2, stage, -1, SQLITE_STATIC);
		if (sqlite3_step(ins_e) != SQLITE_DONE)
			die(db, "event");
		sqlite3_reset(ins_e);
		rows++;
	}
	if (sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
		die(db, "commit");
	sqlite3_finalize(ins_p);
	sqlite3_finalize(ins_c);
	sqlite3_finalize(ins_e);
	sqlite3_finalize(find_p);
	sqlite3_close(db);
	fclose(f);
	printf("%lld rows\n", rows);
	return 0;
}
