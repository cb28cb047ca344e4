/* book.c - the open book's election, bodies and entry-time rules; see book.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "book.h"
#include "db.h"
#include "diag.h"
#include "rules.h"
#include "sbuf.h"
#include "text.h"
#include "validate.h"
#include "banned.h"

/* The first rule of a kind (packs name rules freely; kinds are fixed). */
static const struct rule *rule_of_kind(const struct rule_pack *p, const char *kind)
{
	for (int i = 0; i < p->nrules; i++)
		if (!strcmp(p->rules[i].kind, kind))
			return &p->rules[i];
	return NULL;
}

static int load_collation(const struct rule_pack *pack, struct vi_collation *c)
{
	const struct rule *r = rule_of_kind(pack, "list_order");
	const struct rule_param *p = r ? rule_param(r, "tone_order") : NULL;
	char err[256];

	vi_collation_default(c);
	if (!p)
		return 0;
	if (vi_collation_init(c, (const char *const *)p->list, (size_t)p->nlist, err, sizeof(err)) < 0)
		return error("quy tắc '%s' trong bộ quy tắc của sổ: thứ tự thanh điệu không hợp lệ: %s", r->id, err);
	return 0;
}

static int load_bodies(sqlite3 *db, struct book_info *bi)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT id, code, kind, name, type_name FROM body ORDER BY id");
	int alloc = 0;

	if (!st)
		return -1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct body_ref *b;

		if (bi->nbodies == alloc) {
			alloc = alloc ? alloc * 2 : 4;
			bi->bodies = xrealloc(bi->bodies, sizeof(*bi->bodies) * (size_t)alloc);
		}
		b = &bi->bodies[bi->nbodies++];
		b->id = sqlite3_column_int64(st, 0);
		b->code = xstrdup(db_col_text(st, 1));
		b->kind = xstrdup(db_col_text(st, 2));
		b->name = xstrdup(db_col_text(st, 3));
		b->type_name = xstrdup(db_col_text(st, 4));
	}
	sqlite3_finalize(st);
	return 0;
}

int book_info_load(sqlite3 *db, struct book_info *bi)
{
	struct rule_pack *pack = xcalloc(1, sizeof(*pack));
	const struct rule *r;
	sqlite3_stmt *st;
	char err[128];
	int ok = 0;

	memset(bi, 0, sizeof(*bi));
	bi->pack_ = pack;
	vi_collation_default(&bi->coll);
	st = db_prepare(db, "SELECT election_day, committee_level FROM election WHERE id = 1");
	if (!st)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW &&
	    date_parse(db_col_text(st, 0), DATE_FULL, &bi->election_day, err, sizeof(err)) == 0) {
		snprintf(bi->committee_level, sizeof(bi->committee_level), "%s", db_col_text(st, 1));
		ok = 1;
	}
	sqlite3_finalize(st);
	if (!ok)
		return error("sổ thiếu thông tin cuộc bầu cử hoặc ngày bầu cử hỏng");
	if (validate_load_pack(db, pack) < 0 || load_collation(pack, &bi->coll) < 0)
		return -1;
	if ((r = rule_of_kind(pack, "min_age"))) {
		bi->min_age_rule = r->id;
		bi->min_age = rule_int(r, "years", 0);
	}
	if ((r = rule_of_kind(pack, "hdnd_levels"))) {
		bi->levels_rule = r->id;
		bi->max_levels = rule_int(r, "max_levels", 0);
		bi->max_levels_with_na = rule_int(r, "max_levels_with_na", 0);
	}
	return load_bodies(db, bi);
}

void book_info_release(struct book_info *bi)
{
	for (int i = 0; i < bi->nbodies; i++) {
		free(bi->bodies[i].code);
		free(bi->bodies[i].kind);
		free(bi->bodies[i].name);
		free(bi->bodies[i].type_name);
	}
	free(bi->bodies);
	if (bi->pack_) {
		rules_release(bi->pack_);
		free(bi->pack_);
	}
	vi_collation_release(&bi->coll);
	memset(bi, 0, sizeof(*bi));
}

static int body_matches(const struct body_ref *b, const char *sel)
{
	return text_equal_fold(b->code, sel) || text_equal_fold(b->name, sel) ||
	       text_equal_fold(b->type_name, sel);
}

const struct body_ref *book_body_find(const struct book_info *bi, const char *sel)
{
	static const char abbr[] = "HĐND";
	const struct body_ref *found = NULL;
	struct sbuf long_form = SBUF_INIT;
	int n = 0;

	if (!sel || !*sel)
		return NULL;
	/* "HĐND tỉnh" for "Hội đồng nhân dân tỉnh"; any case of the letters */
	if (strlen(sel) >= sizeof(abbr) - 1) {
		char *head = xstrdup(sel);
		head[sizeof(abbr) - 1] = '\0';
		if (text_equal_fold(head, abbr))
			sbuf_addf(&long_form, "Hội đồng nhân dân%s", sel + sizeof(abbr) - 1);
		free(head);
	}
	for (int i = 0; i < bi->nbodies; i++) {
		if (body_matches(&bi->bodies[i], sel) || (long_form.len && body_matches(&bi->bodies[i], long_form.buf))) {
			found = &bi->bodies[i];
			n++;
		}
	}
	sbuf_release(&long_form);
	return n == 1 ? found : NULL;
}

const struct body_ref *book_body_by_id(const struct book_info *bi, long long id)
{
	for (int i = 0; i < bi->nbodies; i++)
		if (bi->bodies[i].id == id)
			return &bi->bodies[i];
	return NULL;
}

static void list_bodies(const struct book_info *bi, struct sbuf *sb)
{
	for (int i = 0; i < bi->nbodies; i++)
		sbuf_addf(sb, "%s'%s' (%s)", i ? ", " : "", bi->bodies[i].code, bi->bodies[i].name);
}

const struct body_ref *book_body_pick(const struct book_info *bi, const char *sel)
{
	const struct body_ref *b;
	struct sbuf have = SBUF_INIT;

	if (!sel && bi->nbodies == 1)
		return &bi->bodies[0];
	if (sel && (b = book_body_find(bi, sel)))
		return b;
	list_bodies(bi, &have);
	if (!sel)
		error("sổ có nhiều cơ quan dân cử; chọn một bằng --body: %s", have.buf);
	else
		error("không có cơ quan dân cử '%s' trong sổ; sổ có: %s", sel, have.buf);
	sbuf_release(&have);
	return NULL;
}

unsigned char *book_person_key(const struct book_info *bi, const char *ho, const char *ten_dem,
			       const char *ten, const char *dob, size_t *len)
{
	return vi_person_key(&bi->coll, ho, ten_dem, ten, dob, len);
}

int book_today_iso(char *buf, size_t len)
{
	struct date today;

	if (date_today(&today) < 0)
		return error("biến HIEPTHUONG_TODAY không phải ngày hợp lệ (yyyy-mm-dd)");
	date_iso(today, buf, len);
	return 0;
}

/* The book's own rule pack.  Here, not in validate.c: book.c loads it for
 * book_info, and the rule engine is above the book (issue 13 §3). */
int validate_load_pack(sqlite3 *db, struct rule_pack *pack)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT rules_path, rules_text FROM book WHERE id = 1");
	int rc = -1;

	memset(pack, 0, sizeof(*pack));
	if (!st)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW) {
		const char *text = db_col_text(st, 1);
		rc = rules_load_mem(db_col_text(st, 0), text, strlen(text), pack);
		if (rc < 0)
			error("bộ quy tắc lưu trong sổ không đọc được");
	} else {
		error("sổ thiếu bộ quy tắc");
	}
	sqlite3_finalize(st);
	return rc;
}

/* ---- the book's bodies by code (book.h); here, not in conference.c:
 * candref.c needs them and conference.c needs candref.c (issue 13 §3) ---- */

int body_resolve(sqlite3 *db, const char *code, long long *id, char kind[8])
{
	/* With no code: the book's only body (as --body is optional then). */
	sqlite3_stmt *st = db_prepare(db, code ? "SELECT id, kind, code FROM body WHERE code = ?"
					       : "SELECT id, kind, code FROM body WHERE (SELECT count(*) FROM body) = 1");
	int rc = -1;

	if (!st)
		return -1;
	if (code)
		db_bind_text(st, 1, code);
	if (sqlite3_step(st) == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		snprintf(kind, 8, "%s", db_col_text(st, 1));
		rc = 0;
	}
	sqlite3_finalize(st);
	return rc;
}

const char *body_only_code(sqlite3 *db)
{
	static _Thread_local char code[64];
	sqlite3_stmt *st = db_prepare(db, "SELECT code FROM body WHERE (SELECT count(*) FROM body) = 1");
	const char *rc = NULL;

	if (!st)
		return NULL;
	if (sqlite3_step(st) == SQLITE_ROW) {
		snprintf(code, sizeof(code), "%s", db_col_text(st, 0));
		rc = code;
	}
	sqlite3_finalize(st);
	return rc;
}

int body_missing(sqlite3 *db)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT code FROM body ORDER BY id");
	struct sbuf have = SBUF_INIT;

	if (!st)
		return -1;
	while (sqlite3_step(st) == SQLITE_ROW)
		sbuf_addf(&have, "%s'%s'", have.len ? ", " : "", db_col_text(st, 0));
	sqlite3_finalize(st);
	error("sổ có nhiều cơ quan dân cử; chọn một bằng --body: %s", have.buf ? have.buf : "");
	sbuf_release(&have);
	return -1;
}
