/* person.c - a person's record; see person.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "date.h"
#include "db.h"
#include "diag.h"
#include "person.h"
#include "sbuf.h"
#include "text.h"
#include "banned.h"

static const char *const h_ho[] = { "Họ", NULL };
static const char *const h_ten_dem[] = { "Tên đệm", "Chữ đệm", NULL };
static const char *const h_ten[] = { "Tên", NULL };
static const char *const h_other[] = { "Tên gọi khác", "Các tên gọi khác", "Bí danh", "Họ và tên thường dùng", NULL };
static const char *const h_dob[] = { "Ngày, tháng, năm sinh", "Ngày sinh", "Năm sinh", "Sinh ngày", "Ngày, tháng, năm sinh (dd/mm/yyyy)", NULL };
static const char *const h_sex[] = { "Giới tính", "Nam, nữ", "Giới", NULL };
static const char *const h_nat[] = { "Quốc tịch", NULL };
static const char *const h_eth[] = { "Dân tộc", NULL };
static const char *const h_rel[] = { "Tôn giáo", NULL };
static const char *const h_home[] = { "Quê quán", "Nguyên quán", NULL };
static const char *const h_res[] = { "Nơi ở hiện nay", "Nơi ở", "Nơi cư trú", "Nơi ở hiện tại", "Nơi cư trú hiện nay", "Nơi thường trú",
				      "Chỗ ở hiện nay", NULL };
static const char *const h_gen[] = { "Giáo dục phổ thông", "Trình độ giáo dục phổ thông", "Học vấn", "Trình độ học vấn",
				      "Trình độ văn hóa", "Văn hóa", "Phổ thông", NULL };
static const char *const h_prof[] = { "Chuyên môn, nghiệp vụ", "Trình độ chuyên môn, nghiệp vụ", "Chuyên môn",
				       "Trình độ chuyên môn", NULL };
static const char *const h_deg[] = { "Học hàm, học vị", "Học vị", "Học hàm", NULL };
static const char *const h_pol[] = { "Lý luận chính trị", "Trình độ lý luận chính trị", "Chính trị", "Trình độ chính trị", NULL };
static const char *const h_lang[] = { "Ngoại ngữ", "Trình độ ngoại ngữ", NULL };
static const char *const h_occ[] = { "Nghề nghiệp, chức vụ", "Nghề nghiệp", "Nghề nghiệp hiện nay", "Nghề nghiệp, chức vụ hiện nay",
				      "Chức vụ, nghề nghiệp", NULL };
static const char *const h_pos[] = { "Chức vụ", "Chức vụ hiện nay", NULL };
static const char *const h_work[] = { "Nơi công tác", "Nơi làm việc", "Nơi công tác hiện nay", "Cơ quan công tác", "Đơn vị công tác",
				       NULL };
static const char *const h_party[] = { "Ngày vào Đảng", "Ngày vào Đảng CSVN", "Ngày vào Đảng Cộng sản Việt Nam", "Đảng viên", NULL };
/* "(nếu có)" at the end, "QH", "HĐND" and "khoá" are taken care of by the
 * comparison (import.c, header_key()): "Là đại biểu QH" is "Là đại biểu
 * Quốc hội (nếu có)". */
static const char *const h_na[] = { "Đại biểu Quốc hội khóa (nếu có)", "Là đại biểu Quốc hội (nếu có)", "Đại biểu Quốc hội",
				     "Là đại biểu Quốc hội khóa", "Đại biểu Quốc hội các khóa", NULL };
static const char *const h_hdnd[] = { "Đại biểu HĐND nhiệm kỳ (nếu có)", "Là đại biểu HĐND (nếu có)",
				       "Đại biểu Hội đồng nhân dân", "Là đại biểu HĐND nhiệm kỳ", "Đại biểu HĐND các cấp",
				       "Là đại biểu HĐND cấp", NULL };
static const char *const h_idn[] = { "Số căn cước", "Số CCCD", "Số căn cước công dân", "Số định danh cá nhân", NULL };

const struct person_field person_fields[PF_N] = {
	{ "ho", "ho", "Họ", h_ho, PV_NAME },
	{ "ten_dem", "ten-dem", "Tên đệm", h_ten_dem, PV_NAME },
	{ "ten", "ten", "Tên", h_ten, PV_NAME },
	{ "other_names", "other-names", "Tên gọi khác", h_other, PV_TEXT },
	{ "dob", "dob", "Ngày, tháng, năm sinh", h_dob, PV_BIRTH },
	{ "sex", "sex", "Giới tính", h_sex, PV_SEX },
	{ "nationality", "nationality", "Quốc tịch", h_nat, PV_TEXT },
	{ "ethnicity", "ethnicity", "Dân tộc", h_eth, PV_TEXT },
	{ "religion", "religion", "Tôn giáo", h_rel, PV_TEXT },
	{ "hometown", "hometown", "Quê quán", h_home, PV_TEXT },
	{ "residence", "residence", "Nơi ở hiện nay", h_res, PV_TEXT },
	{ "edu_general", "edu-general", "Giáo dục phổ thông", h_gen, PV_TEXT },
	{ "edu_professional", "edu-professional", "Chuyên môn, nghiệp vụ", h_prof, PV_TEXT },
	{ "edu_degree", "edu-degree", "Học hàm, học vị", h_deg, PV_TEXT },
	{ "edu_political", "edu-political", "Lý luận chính trị", h_pol, PV_TEXT },
	{ "edu_language", "edu-language", "Ngoại ngữ", h_lang, PV_TEXT },
	{ "occupation", "occupation", "Nghề nghiệp", h_occ, PV_TEXT },
	{ "position", "position", "Chức vụ", h_pos, PV_TEXT },
	{ "workplace", "workplace", "Nơi công tác", h_work, PV_TEXT },
	{ "party_date", "party-date", "Ngày vào Đảng", h_party, PV_DATE },
	{ "na_member", "na-member", "Đại biểu Quốc hội khóa", h_na, PV_TEXT },
	{ "hdnd_member", "hdnd-member", "Đại biểu HĐND nhiệm kỳ", h_hdnd, PV_TEXT },
	{ "id_number", "id-number", "Số căn cước", h_idn, PV_TEXT },
};

void person_release(struct person *p)
{
	for (int f = 0; f < PF_N; f++)
		free(p->v[f]);
	memset(p, 0, sizeof(*p));
}

static void put(struct person *p, int f, char *v)
{
	free(p->v[f]);
	p->v[f] = v;
}

static int has_digit(const char *s)
{
	for (; *s; s++)
		if (*s >= '0' && *s <= '9')
			return 1;
	return 0;
}

static int parse_sex(const char *s)
{
	if (text_equal_fold(s, "nam"))
		return 'm';
	if (text_equal_fold(s, "nữ") || text_equal_fold(s, "nu"))
		return 'f';
	return 0;
}

int person_no_date(const char *s)
{
	static const char *const none[] = { "không", "không có", "chưa", "-", "--", "–", "—", "x", NULL };

	for (int i = 0; none[i]; i++)
		if (text_equal_fold(s, none[i]))
			return 1;
	return 0;
}

int person_set(struct person *p, int f, const char *s, char *err, size_t errlen)
{
	struct date d;
	char why[128], iso[16];
	int sex;

	if (!s || !*s) {
		put(p, f, NULL);
		return 0;
	}
	switch (person_fields[f].type) {
	case PV_NAME:
		if (has_digit(s)) {
			snprintf(err, errlen, "tên người không chứa chữ số: '%s'", s);
			return -1;
		}
		break;
	case PV_DATE:
		if (person_no_date(s)) {
			put(p, f, NULL);	/* "Không", "-": the list says there is none */
			return 0;
		}
		/* fall through */
	case PV_BIRTH:
		if (date_parse(s, DATE_PARTIAL, &d, why, sizeof(why)) < 0) {
			snprintf(err, errlen, "%s: '%s'", why, s);
			return -1;
		}
		date_iso(d, iso, sizeof(iso));
		put(p, f, xstrdup(iso));
		return 0;
	case PV_SEX:
		sex = parse_sex(s);
		if (!sex) {
			snprintf(err, errlen, "giới tính '%s' không hợp lệ (ghi Nam hoặc Nữ)", s);
			return -1;
		}
		put(p, f, xstrdup(sex == 'm' ? "nam" : "nu"));
		return 0;
	case PV_TEXT:
		break;
	}
	put(p, f, xstrdup(s));
	return 0;
}

int person_set_full_name(struct person *p, const char *full, char *err, size_t errlen)
{
	struct sbuf name = SBUF_INIT, mid = SBUF_INIT;
	const char *open = strchr(full, '(');
	char *clean, *first_sp, *last_sp;
	int rc = -1;

	if (open) {
		const char *close = strrchr(full, ')');
		if (!close || close < open || close[1]) {
			snprintf(err, errlen, "họ và tên '%s': ngoặc đơn phải bao tên gọi khác ở cuối, "
					      "ví dụ 'Nguyễn Văn A (Thích Thanh A)'", full);
			return -1;
		}
		sbuf_add(&name, full, (size_t)(open - full));
		sbuf_add(&mid, open + 1, (size_t)(close - open - 1));
	} else {
		sbuf_addstr(&name, full);
	}
	clean = text_trim_collapse(name.buf);
	if (!clean || has_digit(clean)) {
		snprintf(err, errlen, "họ và tên '%s' chứa chữ số", full);
		goto out;
	}
	first_sp = strchr(clean, ' ');
	last_sp = strrchr(clean, ' ');
	if (!first_sp) {
		snprintf(err, errlen, "họ và tên '%s' cần ít nhất hai từ (họ và tên)", full);
		goto out;
	}
	*first_sp = '\0';
	put(p, PF_HO, xstrdup(clean));
	put(p, PF_TEN, xstrdup(last_sp + 1));
	if (last_sp > first_sp) {
		*last_sp = '\0';
		put(p, PF_TEN_DEM, xstrdup(first_sp + 1));
	} else {
		put(p, PF_TEN_DEM, NULL);
	}
	if (open) {
		char *other = text_trim_collapse(mid.buf);
		if (other && !*other) {
			free(other);
			other = NULL;
		}
		put(p, PF_OTHER_NAMES, other);
	}
	rc = 0;
out:
	free(clean);
	sbuf_release(&name);
	sbuf_release(&mid);
	return rc;
}

char *person_full_name(const struct person *p)
{
	struct sbuf sb = SBUF_INIT;

	sbuf_addstr(&sb, p->v[PF_HO] ? p->v[PF_HO] : "");
	if (p->v[PF_TEN_DEM] && *p->v[PF_TEN_DEM]) {
		sbuf_addch(&sb, ' ');
		sbuf_addstr(&sb, p->v[PF_TEN_DEM]);
	}
	sbuf_addch(&sb, ' ');
	sbuf_addstr(&sb, p->v[PF_TEN] ? p->v[PF_TEN] : "");
	return sbuf_detach(&sb, NULL);
}

static int iso_to_date(const char *iso, struct date *d)
{
	char why[128];
	return iso ? date_parse(iso, DATE_PARTIAL, d, why, sizeof(why)) : -1;
}

int person_check(const struct book_info *bi, const struct person *p,
		 void (*report)(void *arg, int field, const char *msg), void *arg)
{
	static const int required[] = { PF_HO, PF_TEN, PF_DOB, PF_SEX };
	struct date dob, party;
	char msg[512], eday[16], born[16];
	int n = 0;

	for (size_t i = 0; i < sizeof(required) / sizeof(required[0]); i++) {
		int f = required[i];
		if (!p->v[f]) {
			snprintf(msg, sizeof(msg), "thiếu '%s'", person_fields[f].label);
			report(arg, f, msg);
			n++;
		}
	}
	date_vn(bi->election_day, eday, sizeof(eday));
	if (iso_to_date(p->v[PF_DOB], &dob) == 0) {
		date_vn(dob, born, sizeof(born));
		if (date_cmp(dob, bi->election_day) > 0) {
			snprintf(msg, sizeof(msg), "ngày sinh %s sau ngày bầu cử %s", born, eday);
			report(arg, PF_DOB, msg);
			n++;
		}
		/* the age (ELIG-AGE) is the validator's: the commands run
		 * validate_person_refuse(.., "min_age", ..) on what they stored */
		if (iso_to_date(p->v[PF_PARTY_DATE], &party) == 0 && date_cmp(party, dob) < 0) {
			snprintf(msg, sizeof(msg), "ngày vào Đảng trước ngày sinh %s", born);
			report(arg, PF_PARTY_DATE, msg);
			n++;
		}
	}
	if (iso_to_date(p->v[PF_PARTY_DATE], &party) == 0 && date_cmp(party, bi->election_day) > 0) {
		snprintf(msg, sizeof(msg), "ngày vào Đảng sau ngày bầu cử %s", eday);
		report(arg, PF_PARTY_DATE, msg);
		n++;
	}
	return n;
}

/*
 * text_loose_key() of a full name, remembered for the next call: an
 * import asks for the key of a row's name in person_find() and again
 * when it inserts that person (ICU folding was 16 % of candidate import).
 * Owned here; valid until the next call.
 */
static const char *name_key(const char *full)
{
	static char *last_full, *last_key;	/* reachable until exit */

	if (!last_full || strcmp(last_full, full)) {
		free(last_full);
		free(last_key);
		last_full = xstrdup(full);
		last_key = text_loose_key(full);
	}
	return last_key;
}

int person_keys_trusted(sqlite3 *db)
{
	static sqlite3 *asked;
	static int trusted;

	if (asked != db) {
		sqlite3_stmt *st = db_prepare(db, "SELECT name_key_version FROM book WHERE id = 1");

		trusted = 0;
		if (st && sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) == SQLITE_TEXT)
			trusted = !strcmp(db_col_text(st, 0), text_loose_key_version());
		sqlite3_finalize(st);
		asked = db;
	}
	return trusted;
}

int person_find(sqlite3 *db, const char *full_name, const char *dob, long long *id)
{
	/* The stored keys are compared in the index; a person without one
	 * (written outside hiepthuong) has the name folded here, as before
	 * issue 8.  The first match by id, as always. */
	sqlite3_stmt *st = db_prepare_cached(db, "SELECT id, name_key IS NULL OR NOT ?3, ho, ten_dem, ten FROM person "
					  "WHERE dob = ?1 AND (name_key = ?2 OR name_key IS NULL OR NOT ?3)");
	int trusted = person_keys_trusted(db);
	const char *want = name_key(full_name);
	int found = 0;

	if (!st)
		return -1;
	if (!want) {
		sqlite3_reset(st);
		return 0;
	}
	db_bind_text(st, 1, dob);
	db_bind_text(st, 2, want);
	db_bind_int(st, 3, trusted);
	while (sqlite3_step(st) == SQLITE_ROW) {
		long long row = sqlite3_column_int64(st, 0);
		int same = 1;

		if (found && row > *id)
			continue;
		if (sqlite3_column_int(st, 1)) {
			struct person q = { 0 };
			char *name, *key;

			q.v[PF_HO] = (char *)db_col_text(st, 2);
			q.v[PF_TEN_DEM] = (char *)db_col_text(st, 3);
			q.v[PF_TEN] = (char *)db_col_text(st, 4);
			name = person_full_name(&q);
			key = text_loose_key(name);
			same = key && !strcmp(key, want);
			free(key);
			free(name);
		}
		if (same) {
			*id = row;
			found = 1;
		}
	}
	sqlite3_reset(st);
	return found;
}

static void column_list(struct sbuf *sb)
{
	for (int f = 0; f < PF_N; f++)
		sbuf_addf(sb, "%s%s", f ? ", " : "", person_fields[f].key);
}

int person_load(sqlite3 *db, long long id, struct person *p)
{
	static struct sbuf sql = SBUF_INIT;	/* built once, see person_insert() */
	sqlite3_stmt *st;
	int found = 0;

	memset(p, 0, sizeof(*p));
	if (!sql.len) {
		sbuf_addstr(&sql, "SELECT ");
		column_list(&sql);
		sbuf_addstr(&sql, " FROM person WHERE id = ?");
	}
	st = db_prepare_cached(db, sql.buf);
	if (!st)
		return -1;
	db_bind_int(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		p->id = id;
		for (int f = 0; f < PF_N; f++)
			if (sqlite3_column_type(st, f) != SQLITE_NULL && *db_col_text(st, f))
				p->v[f] = xstrdup(db_col_text(st, f));
		found = 1;
	}
	sqlite3_reset(st);
	return found;
}

/* Bind the fields to ?1..?PF_N, the sort key to ?PF_N+1 and the name's
 * loose key (person_find()) to ?PF_N+2. */
static int bind_person(sqlite3_stmt *st, const struct book_info *bi, const struct person *p)
{
	unsigned char *key;
	char *full;
	size_t len = 0;

	for (int f = 0; f < PF_N; f++) {
		if (f == PF_TEN_DEM)
			db_bind_text(st, f + 1, p->v[f] ? p->v[f] : "");
		else
			db_bind_text_or_null(st, f + 1, p->v[f]);
	}
	key = book_person_key(bi, p->v[PF_HO], p->v[PF_TEN_DEM], p->v[PF_TEN], p->v[PF_DOB], &len);
	if (!key)
		return bug("no sort key for person '%s'", p->v[PF_TEN] ? p->v[PF_TEN] : "?");
	sqlite3_bind_blob(st, PF_N + 1, key, (int)len, SQLITE_TRANSIENT);
	free(key);
	full = person_full_name(p);
	db_bind_text(st, PF_N + 2, name_key(full));
	free(full);
	return 0;
}

int person_insert(sqlite3 *db, const struct book_info *bi, struct person *p)
{
	/* built once: the statement cache keys on the address of the SQL */
	static struct sbuf sql = SBUF_INIT;
	sqlite3_stmt *st;
	int rc = -1;

	if (!sql.len) {
		sbuf_addstr(&sql, "INSERT INTO person(");
		column_list(&sql);
		sbuf_addstr(&sql, ", sort_key, name_key) VALUES (");
		for (int f = 0; f <= PF_N + 1; f++)
			sbuf_addstr(&sql, f ? ", ?" : "?");
		sbuf_addch(&sql, ')');
	}
	st = db_prepare_cached(db, sql.buf);
	if (!st)
		return -1;
	if (bind_person(st, bi, p) == 0 && (rc = db_step_done(db, st, "thêm người")) == 0)
		p->id = sqlite3_last_insert_rowid(db);
	sqlite3_reset(st);
	return rc;
}

int person_update(sqlite3 *db, const struct book_info *bi, const struct person *p)
{
	struct sbuf sql = SBUF_INIT;
	sqlite3_stmt *st;
	int rc = -1;

	sbuf_addstr(&sql, "UPDATE person SET ");
	for (int f = 0; f < PF_N; f++)
		sbuf_addf(&sql, "%s = ?, ", person_fields[f].key);
	sbuf_addf(&sql, "sort_key = ?, name_key = ? WHERE id = ?%d", PF_N + 3);
	st = db_prepare(db, sql.buf);
	sbuf_release(&sql);
	if (!st)
		return -1;
	db_bind_int(st, PF_N + 3, p->id);
	if (bind_person(st, bi, p) == 0)
		rc = db_step_done(db, st, "sửa thông tin người");
	sqlite3_finalize(st);
	if (rc < 0)
		return -1;
	/* A name changed only in case or spacing keeps its key, which the
	 * trigger person_name_key_stale (schema.sql) cannot tell from a name
	 * changed without its key: it cleared the key; set it again. */
	st = db_prepare(db, "UPDATE person SET name_key = ?2 WHERE id = ?1 AND name_key IS NULL");
	if (!st)
		return -1;
	db_bind_int(st, 1, p->id);
	{
		char *full = person_full_name(p);
		db_bind_text(st, 2, name_key(full));
		free(full);
	}
	rc = db_step_done(db, st, "sửa thông tin người");
	sqlite3_finalize(st);
	return rc;
}

char *person_diff(const struct person *p, const struct person *q)
{
	struct sbuf sb = SBUF_INIT;

	for (int f = PF_OTHER_NAMES; f < PF_N; f++) {
		if (!q->v[f] || (p->v[f] && !strcmp(p->v[f], q->v[f])))
			continue;
		sbuf_addf(&sb, "%s%s", sb.len ? ", " : "", person_fields[f].label);
	}
	return sbuf_detach(&sb, NULL);
}

char *person_display(const struct person *p, int f)
{
	const char *v = p->v[f];
	char buf[16];
	struct date d;

	if (!v)
		return xstrdup("");
	if ((person_fields[f].type == PV_BIRTH || person_fields[f].type == PV_DATE) && iso_to_date(v, &d) == 0) {
		date_vn(d, buf, sizeof(buf));
		return xstrdup(buf);
	}
	if (person_fields[f].type == PV_SEX)
		return xstrdup(!strcmp(v, "nu") ? "Nữ" : "Nam");
	return xstrdup(v);
}

int person_field_find(const char *name)
{
	for (int f = 0; f < PF_N; f++)
		if (!strcmp(person_fields[f].key, name) || !strcmp(person_fields[f].option, name))
			return f;
	return -1;
}

char *person_ref_name(const char *ref, char **other)
{
	const char *open = strchr(ref, '('), *close;
	struct sbuf sb = SBUF_INIT;
	char *main_name;

	*other = NULL;
	close = open ? strrchr(open, ')') : NULL;
	if (!open || !close || close[1] || open == ref)
		return text_trim_collapse(ref);
	sbuf_add(&sb, ref, (size_t)(open - ref));
	main_name = text_trim_collapse(sb.buf);
	sbuf_reset(&sb);
	sbuf_add(&sb, open + 1, (size_t)(close - open - 1));
	*other = text_trim_collapse(sb.buf);
	sbuf_release(&sb);
	if (*other && !**other) {
		free(*other);
		*other = NULL;
	}
	return main_name;
}

int person_select(sqlite3 *db, const char *sel_in, const char *dob, long long *id)
{
	char *other = NULL, *sel_main = person_ref_name(sel_in, &other);
	const char *sel = sel_main ? sel_main : sel_in;
	const char *s = sel[0] == '#' ? sel + 1 : sel;
	struct sbuf who = SBUF_INIT;
	sqlite3_stmt *st;
	int n = 0;
	char *end;

	if (*s >= '0' && *s <= '9') {
		long long v = strtoll(s, &end, 10);
		if (!*end) {
			char num[32];
			snprintf(num, sizeof(num), "%lld", v);
			free(sel_main);
			free(other);
			if (db_query_int(db, 0, "SELECT count(*) FROM person WHERE id = ?", num, (const char *)NULL) == 1) {
				*id = v;
				return 1;
			}
			error("không có người mã #%lld trong sổ", v);
			return 0;
		}
	}
	st = db_prepare(db, "SELECT id, ho, ten_dem, ten, dob, other_names FROM person WHERE ?1 IS NULL OR dob = ?1 "
			    "ORDER BY sort_key");
	if (!st) {
		free(sel_main);
		free(other);
		return -1;
	}
	db_bind_text(st, 1, dob);
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct person q = { 0 };
		char *name;

		q.v[PF_HO] = (char *)db_col_text(st, 1);
		q.v[PF_TEN_DEM] = (char *)db_col_text(st, 2);
		q.v[PF_TEN] = (char *)db_col_text(st, 3);
		name = person_full_name(&q);
		/* "Nguyễn Văn A (Thích Thanh A)": the name, and the other name
		 * when the book has one */
		if (text_equal_fold(name, sel) &&
		    (!other || !*db_col_text(st, 5) || text_equal_fold(db_col_text(st, 5), other))) {
			*id = sqlite3_column_int64(st, 0);
			sbuf_addf(&who, "%s#%lld (sinh %s)", n ? ", " : "", *id, db_col_text(st, 4));
			n++;
		}
		free(name);
	}
	sqlite3_finalize(st);
	if (n == 0)
		error("không có người tên '%s'%s%s trong sổ", sel_in, dob ? " sinh " : "", dob ? dob : "");
	else if (n > 1)
		error("có %d người tên '%s': %s; dùng mã (#N) hoặc --dob", n, sel_in, who.buf);
	sbuf_release(&who);
	free(sel_main);
	free(other);
	return n == 1;
}
