/* book.c - the open book's election, bodies and entry-time rules; see book.h. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "audit.h"
#include "book.h"
#include "db.h"
#include "diag.h"
#include "rules.h"
#include "sbuf.h"
#include "schema.h"
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

/* ==== opening a book file, and upgrading an older one (db.h's db_open()).
 * Here, not in db.c: the upgrade is an entry of the audit trail, and
 * audit.c is above db.c (issue 13 §3: db.o and audit.o called each
 * other). ==== */

/*
 * Migrations.  schema.sql always describes the newest version, for new
 * books; a book of an older version is rebuilt to it, in one transaction,
 * by SQLite's documented procedure for the schema changes ALTER TABLE
 * cannot make (https://sqlite.org/lang_altertable.html, "Making Other Kinds
 * Of Table Schema Changes"), applied to every table of the schema at once:
 * the tables' indexes and triggers are dropped and each table is renamed
 * aside; schema.sql creates the new ones; the rows are copied column by
 * column in rowid order (a column the old book lacks takes its default, or
 * its fill below); the old tables are dropped; PRAGMA foreign_key_check
 * must then find nothing.  Whatever version a book comes from, it ends with
 * exactly the schema a new book gets, and a row that the new constraints
 * refuse stops the upgrade with the book unchanged.
 *
 * changes[v] says in words what version v brought (recorded in the audit
 * trail, whose digest covers the schema).
 */
static const char *const changes[] = {
	[2] = "người ứng cử được giới thiệu có thể chưa rõ đơn vị giới thiệu (danh sách đã công bố); "
	      "ngày nhập của mỗi quyết định về người ứng cử; giới hạn của các số đếm; "
	      "những điều biên bản ghi (mục đích, thành phần, tổ kiểm phiếu, ý kiến cử tri, số văn bản)",
	[3] = "tổng hợp sổ của Ủy ban cấp dưới; số căn cước của người ứng cử",
};

/* A column added by a version without a default: what old rows get. */
static const struct fill {
	const char *table, *column, *expr;
} fills[] = {
	/* the day a decision was entered: before version 2 it was its day */
	{ "candidacy_event", "entered", "substr(at, 1, 10)" },
};

static void add_ident(struct sbuf *sb, const char *prefix, const char *name)
{
	sbuf_addch(sb, '"');
	sbuf_addstr(sb, prefix);
	for (; *name; name++) {
		if (*name == '"')
			sbuf_addch(sb, '"');
		sbuf_addch(sb, *name);
	}
	sbuf_addch(sb, '"');
}

/* Where a table of the old schema waits while the new one is filled. */
#define OLD_PREFIX "hiepthuong_old_"

static int has_table(sqlite3 *db, const char *prefix, const char *name)
{
	struct sbuf full = SBUF_INIT;
	int n;

	sbuf_addf(&full, "%s%s", prefix, name);
	n = (int)db_query_int(db, 0, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?", full.buf,
			      (const char *)NULL);
	sbuf_release(&full);
	return n > 0;
}

/* Sets TABLE aside: its indexes and triggers dropped, its name prefixed. */
static int set_aside(sqlite3 *db, const char *table)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT type, name FROM sqlite_schema WHERE tbl_name = ? AND "
					  "type IN ('index', 'trigger') AND sql IS NOT NULL");
	struct sbuf sql = SBUF_INIT;
	int rc;

	if (!st)
		return -1;
	db_bind_text(st, 1, table);
	while (sqlite3_step(st) == SQLITE_ROW) {
		sbuf_addstr(&sql, strcmp(db_col_text(st, 0), "index") ? "DROP TRIGGER " : "DROP INDEX ");
		add_ident(&sql, "", db_col_text(st, 1));
		sbuf_addstr(&sql, "; ");
	}
	sqlite3_finalize(st);
	sbuf_addstr(&sql, "ALTER TABLE ");
	add_ident(&sql, "", table);
	sbuf_addstr(&sql, " RENAME TO ");
	add_ident(&sql, OLD_PREFIX, table);
	rc = db_exec(db, sql.buf);
	sbuf_release(&sql);
	return rc;
}

/* What an old table's rows give the new table's COLUMN: the same column,
 * a fill, or nothing (its default). */
static const char *column_source(sqlite3 *db, const char *table, const char *column)
{
	struct sbuf old = SBUF_INIT;
	long long n;

	sbuf_addf(&old, OLD_PREFIX "%s", table);
	n = db_query_int(db, 0, "SELECT count(*) FROM pragma_table_info(?) WHERE name = ?", old.buf, column,
			 (const char *)NULL);
	sbuf_release(&old);
	if (n > 0)
		return column;
	for (size_t i = 0; i < sizeof(fills) / sizeof(fills[0]); i++)
		if (!strcmp(fills[i].table, table) && !strcmp(fills[i].column, column))
			return fills[i].expr;
	return NULL;
}

/* Copies the rows of the old TABLE into the new one, then drops the old. */
static int refill(sqlite3 *db, const char *table)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT name, pk, type FROM pragma_table_info(?) ORDER BY cid");
	struct sbuf into = SBUF_INIT, from = SBUF_INIT, sql = SBUF_INIT;
	int pks = 0, ipk = 0, rc;

	if (!st)
		return -1;
	db_bind_text(st, 1, table);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *name = db_col_text(st, 0), *src;

		if (sqlite3_column_int(st, 1) > 0) {
			pks++;
			ipk = !strcmp(db_col_text(st, 2), "INTEGER");
		}
		if (!(src = column_source(db, table, name)))
			continue;
		sbuf_addstr(&into, ", ");
		add_ident(&into, "", name);
		sbuf_addstr(&from, ", ");
		if (src == name)
			add_ident(&from, "", name);
		else
			sbuf_addstr(&from, src);
	}
	sqlite3_finalize(st);
	/* keep the rowids of the tables that have no INTEGER PRIMARY KEY too */
	sbuf_addstr(&sql, "INSERT INTO ");
	add_ident(&sql, "", table);
	sbuf_addf(&sql, " (%s%s) SELECT %s%s FROM ", pks == 1 && ipk ? "" : "rowid",
		  pks == 1 && ipk ? into.buf + 2 : into.buf, pks == 1 && ipk ? "" : "rowid",
		  pks == 1 && ipk ? from.buf + 2 : from.buf);
	add_ident(&sql, OLD_PREFIX, table);
	sbuf_addstr(&sql, " ORDER BY rowid; DROP TABLE ");
	add_ident(&sql, OLD_PREFIX, table);
	rc = db_exec(db, sql.buf);
	sbuf_release(&into);
	sbuf_release(&from);
	sbuf_release(&sql);
	return rc;
}

/* The tables of schema.sql, by name: the rows of a fresh schema in memory. */
static sqlite3_stmt *schema_tables(sqlite3 **fresh)
{
	sqlite3_stmt *st;

	if (sqlite3_open_v2(":memory:", fresh, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
	    db_exec(*fresh, schema_sql) < 0)
		return NULL;
	st = db_prepare(*fresh, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite%' "
				"ORDER BY rowid");
	return st;
}

/* Rebuilds the open book's tables to schema.sql, in the open transaction. */
static int rebuild(sqlite3 *db)
{
	sqlite3 *fresh = NULL;
	sqlite3_stmt *tables = schema_tables(&fresh);
	int rc = -1;

	if (!tables)
		goto cleanup;
	while (sqlite3_step(tables) == SQLITE_ROW)
		if (has_table(db, "", db_col_text(tables, 0)) && set_aside(db, db_col_text(tables, 0)) < 0)
			goto cleanup;
	sqlite3_reset(tables);
	if (db_exec(db, schema_sql) < 0)
		goto cleanup;
	while (sqlite3_step(tables) == SQLITE_ROW)
		if (has_table(db, OLD_PREFIX, db_col_text(tables, 0)) && refill(db, db_col_text(tables, 0)) < 0)
			goto cleanup;
	if (db_query_int(db, 0, "SELECT count(*) FROM pragma_foreign_key_check", (const char *)NULL) > 0) {
		error("dữ liệu của sổ không khớp nhau (khóa ngoại)");
		goto cleanup;
	}
	rc = 0;
cleanup:
	sqlite3_finalize(tables);
	sqlite3_close(fresh);
	return rc;
}

static long probe(sqlite3 *db, const char *pragma);

/*
 * Upgrades a book of VERSION to SCHEMA_VERSION, or leaves it as it was.
 * Foreign keys are off meanwhile (a pragma that only works outside a
 * transaction): the tables are filled in schema order, and the check at
 * the end covers them all at once.
 */
static int migrate(sqlite3 *db, const char *path, long version)
{
	struct sbuf what = SBUF_INIT, pragmas = SBUF_INIT;
	int rc = -1;

	if ((size_t)SCHEMA_VERSION >= sizeof(changes) / sizeof(changes[0]))
		return bug("changes[] does not say what schema %d brought", SCHEMA_VERSION);
	if (db_exec(db, "PRAGMA foreign_keys = OFF; PRAGMA legacy_alter_table = ON") < 0)
		return -1;
	if (db_begin(db) < 0)
		goto cleanup;
	sbuf_addf(&what, "nâng cấp sổ từ phiên bản %ld lên %d:", version, SCHEMA_VERSION);
	for (long v = version + 1; v <= SCHEMA_VERSION; v++)
		sbuf_addf(&what, " %s;", changes[v]);
	what.buf[what.len - 1] = '\0';
	sbuf_addf(&pragmas, "PRAGMA user_version = %d", SCHEMA_VERSION);
	/* the schema is part of the audit digest: the upgrade is an entry */
	if (rebuild(db) < 0 || db_exec(db, pragmas.buf) < 0 || audit_append(db, "hiepthuong", what.buf) < 0 ||
	    db_commit(db) < 0) {
		db_rollback(db);
		error("không nâng cấp được sổ '%s' từ phiên bản %ld lên %d; sổ không thay đổi", path, version,
		      SCHEMA_VERSION);
		goto cleanup;
	}
	note("đã nâng cấp sổ '%s' từ phiên bản %ld lên %d", path, version, SCHEMA_VERSION);
	rc = 0;
cleanup:
	db_exec(db, "PRAGMA legacy_alter_table = OFF; PRAGMA foreign_keys = ON");
	sbuf_release(&what);
	sbuf_release(&pragmas);
	return rc;
}

/* A header pragma, quietly: -1 when the file is not an SQLite database. */
static long probe(sqlite3 *db, const char *pragma)
{
	sqlite3_stmt *st = NULL;
	long v = -1;

	if (sqlite3_prepare_v2(db, pragma, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		v = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

int db_open(const char *path, sqlite3 **out)
{
	sqlite3 *db = NULL;
	struct stat st;
	long appid, version;

	*out = NULL;
	if (stat(path, &st) < 0) {
		if (errno == ENOENT)
			return error("chưa có sổ '%s' (tạo bằng: hiepthuong init --config TỆP, hoặc chỉ sổ khác bằng --db)",
				     path);
		return error("không mở được sổ '%s': %s", path, sys_msg(errno));
	}
	if (S_ISDIR(st.st_mode))
		return error("'%s' là một thư mục, không phải sổ", path);
	if (!S_ISREG(st.st_mode))
		return error("'%s' không phải tệp thường, không phải sổ", path);
	/* NOMUTEX: only one thread ever uses a connection, so SQLite need not
	 * lock a mutex around each call (the audit digest makes about ten
	 * calls per row of the book; issue 8). */
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		error("không mở được sổ '%s': %s", path, db_msg(db));
		sqlite3_close(db);
		return -1;
	}
	/* Wait for a writer that is committing before reading the header. */
	sqlite3_busy_timeout(db, 5000);
	/* Reading the header also tells whether this is an SQLite file. */
	appid = probe(db, "PRAGMA application_id");
	if (appid == -1 && sqlite3_errcode(db) == SQLITE_BUSY) {
		sqlite3_close(db);
		return error("sổ '%s' đang bị chương trình khác khóa; hãy thử lại sau", path);
	}
	if (appid != BOOK_APP_ID) {
		sqlite3_close(db);
		return error("'%s' không phải là sổ hiepthuong", path);
	}
	version = probe(db, "PRAGMA user_version");
	if (version > SCHEMA_VERSION) {
		sqlite3_close(db);
		return error("sổ '%s' được tạo bởi phiên bản hiepthuong mới hơn (lược đồ %ld, bản này hiểu đến %d); "
			     "hãy cập nhật hiepthuong", path, version, SCHEMA_VERSION);
	}
	if (version < 1) {
		sqlite3_close(db);
		return error("sổ '%s' hỏng: không có phiên bản lược đồ", path);
	}
	if (db_configure(db) < 0 || (version < SCHEMA_VERSION && migrate(db, path, version) < 0)) {
		sqlite3_close(db);
		return -1;
	}
	if (version < SCHEMA_VERSION) {
		/* a fresh connection reads the upgraded schema */
		db_close(db);
		return db_open(path, out);
	}
	*out = db;
	return 0;
}
