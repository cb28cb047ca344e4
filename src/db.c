/* db.c - the book on disk; see db.h. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "audit.h"
#include "db.h"
#include "diag.h"
#include "sbuf.h"
#include "schema.h"
#include "banned.h"

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

static int configure(sqlite3 *db)
{
	sqlite3_busy_timeout(db, 5000);
	/*
	 * 32 MiB of page cache instead of SQLite's 2 MiB: a voters import into
	 * the national benchmark book (800 MB) read four times fewer pages
	 * (1.04 M preads -> 0.26 M for 20,000 rows, system time 3.7 s -> 0.6 s)
	 * for 30 MB more peak memory.
	 */
	return db_exec(db, "PRAGMA foreign_keys = ON; PRAGMA cache_size = -32768");
}

int db_exec(sqlite3 *db, const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		/* A plain SQLITE_ERROR is SQL we wrote: a bug, in SQLite's words;
		 * the rest (busy, read-only, full disk) is the book's state. */
		if (sqlite3_errcode(db) == SQLITE_ERROR)
			bug("SQL failed: %s", msg ? msg : sqlite3_errmsg(db));
		else
			error("%s", db_msg(db));
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

sqlite3_stmt *db_prepare(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st = NULL;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
		bug("cannot prepare SQL: %s: %s", sqlite3_errmsg(db), sql);
		return NULL;
	}
	return st;
}

int db_step_done(sqlite3 *db, sqlite3_stmt *st, const char *what)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	if (rc == SQLITE_DONE || rc == SQLITE_ROW)
		return 0;
	if ((rc & 0xff) == SQLITE_CONSTRAINT)
		return error("%s: dữ liệu vi phạm ràng buộc của sổ", what);
	if (rc == SQLITE_FULL)
		return error("%s: đĩa đầy", what);
	return error("%s: %s", what, db_msg(db));
}

int db_bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (!s)
		return sqlite3_bind_null(st, i) == SQLITE_OK ? 0 : -1;
	return sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT) == SQLITE_OK ? 0 : -1;
}

int db_bind_text_or_null(sqlite3_stmt *st, int i, const char *s)
{
	return db_bind_text(st, i, s && *s ? s : NULL);
}

int db_bind_int(sqlite3_stmt *st, int i, long long v)
{
	return sqlite3_bind_int64(st, i, v) == SQLITE_OK ? 0 : -1;
}

const char *db_col_text(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);
	return s ? (const char *)s : "";
}

long long db_query_int(sqlite3 *db, long long def, const char *sql, ...)
{
	sqlite3_stmt *st = db_prepare(db, sql);
	long long v = def;
	const char *arg;
	va_list ap;
	int i = 1;

	if (!st)
		return def;
	va_start(ap, sql);
	while ((arg = va_arg(ap, const char *)))
		db_bind_text(st, i++, arg);
	va_end(ap);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

int db_integrity(sqlite3 *db, struct sbuf *why)
{
	sqlite3_stmt *st = NULL;
	int rc, n = 0;

	if (sqlite3_prepare_v2(db, "PRAGMA integrity_check(3)", -1, &st, NULL) != SQLITE_OK) {
		sbuf_addstr(why, sqlite3_errmsg(db));
		return -1;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *line = db_col_text(st, 0);

		if (!strcmp(line, "ok") && n == 0)
			continue;
		for (const char *p = line; *p; p++) {
			if (*p == '\n')
				sbuf_addstr(why, "; ");
			else
				sbuf_addch(why, *p);
		}
		n++;
	}
	if (rc != SQLITE_DONE) {
		sbuf_addf(why, "%s%s", why->len ? "; " : "", sqlite3_errmsg(db));
		sqlite3_finalize(st);
		return n ? 1 : -1;
	}
	sqlite3_finalize(st);
	return n ? 1 : 0;
}

int db_begin(sqlite3 *db)
{
	/* SQLite opens a file it may not write read-only and says so only at
	 * the first write, in English: say it first, in words. */
	if (sqlite3_db_readonly(db, "main") == 1)
		return error("sổ '%s' chỉ đọc được: không ghi được vào tệp (ổ đĩa, thư mục hoặc tệp chỉ cho đọc); "
			     "sổ không thay đổi", sqlite3_db_filename(db, "main"));
	if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
		return error("không ghi được vào sổ '%s': %s", sqlite3_db_filename(db, "main"), db_msg(db));
	return 0;
}

int db_commit(sqlite3 *db)
{
	if (sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
		return error("không lưu được thay đổi vào sổ '%s': %s; sổ không thay đổi",
			     sqlite3_db_filename(db, "main"), db_msg(db));
	return 0;
}

void db_rollback(sqlite3 *db)
{
	if (!sqlite3_get_autocommit(db))
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
}

/*
 * The statement cache: statements of db_prepare_cached(), kept prepared
 * until their connection is closed.  A handful of call sites use it, so
 * a linear search is enough.  One cache per thread: a connection is used
 * by one thread (export checks the book in a thread of its own, on a
 * connection of its own, export_gate.h).
 */
struct cached_stmt {
	sqlite3 *db;
	const char *sql;	/* the caller's string: compared by address */
	sqlite3_stmt *st;
};
static _Thread_local struct cached_stmt *cache;
static _Thread_local int ncache, acache;

sqlite3_stmt *db_prepare_cached(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st = NULL;

	for (int i = 0; i < ncache; i++)
		if (cache[i].db == db && cache[i].sql == sql && !sqlite3_stmt_busy(cache[i].st)) {
			sqlite3_reset(cache[i].st);
			sqlite3_clear_bindings(cache[i].st);
			return cache[i].st;
		}
	if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK) {
		bug("cannot prepare SQL: %s: %s", sqlite3_errmsg(db), sql);
		return NULL;
	}
	if (ncache == acache) {
		acache = acache ? acache * 2 : 16;
		cache = xrealloc(cache, sizeof(*cache) * (size_t)acache);
	}
	cache[ncache].db = db;
	cache[ncache].sql = sql;
	cache[ncache].st = st;
	ncache++;
	return st;
}

/* Finalize the cached statements of `db` (before closing it). */
static void cache_drop(sqlite3 *db)
{
	int j = 0;

	for (int i = 0; i < ncache; i++) {
		if (cache[i].db == db)
			sqlite3_finalize(cache[i].st);
		else
			cache[j++] = cache[i];
	}
	ncache = j;
	if (!ncache) {
		free(cache);
		cache = NULL;
		acache = 0;
	}
}

int db_close(sqlite3 *db)
{
	cache_drop(db);
	if (db && sqlite3_close(db) != SQLITE_OK)
		return bug("sqlite3_close: %s", sqlite3_errmsg(db));
	return 0;
}

/* Appends NAME as a quoted SQL identifier (names come from sqlite_schema). */
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
	if (configure(db) < 0 || (version < SCHEMA_VERSION && migrate(db, path, version) < 0)) {
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

int db_create_tmp(const char *path, sqlite3 **out, char **tmp_path)
{
	struct stat st;
	struct sbuf tmp = SBUF_INIT;
	sqlite3 *db = NULL;
	struct sbuf pragmas = SBUF_INIT;
	int fd;

	*out = NULL;
	*tmp_path = NULL;
	if (lstat(path, &st) == 0) {
		if (S_ISDIR(st.st_mode))
			return error("'%s' là một thư mục; --db phải là tên tệp sổ, ví dụ '%s/hiepthuong.db'", path,
				     path);
		if (!S_ISREG(st.st_mode))
			return error("'%s' không phải tệp thường; --db phải là tên một tệp sổ mới", path);
		return error("sổ '%s' đã có; không ghi đè (xóa hoặc đổi tên nó, hoặc chọn tên khác bằng --db)", path);
	}
	sbuf_addf(&tmp, "%s.tmp-XXXXXX", path);
	fd = mkstemp(tmp.buf);
	if (fd < 0) {
		error("không tạo được sổ '%s': %s", path, sys_msg(errno));
		sbuf_release(&tmp);
		return -1;
	}
	fchmod(fd, 0600);
	close(fd);
	if (sqlite3_open_v2(tmp.buf, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		error("không tạo được sổ '%s': %s", path, db_msg(db));
		sqlite3_close(db);
		unlink(tmp.buf);
		sbuf_release(&tmp);
		return -1;
	}
	sbuf_addf(&pragmas, "PRAGMA application_id = %d; PRAGMA user_version = %d;", BOOK_APP_ID, SCHEMA_VERSION);
	if (configure(db) < 0 || db_begin(db) < 0 || db_exec(db, schema_sql) < 0 || db_exec(db, pragmas.buf) < 0) {
		sbuf_release(&pragmas);
		db_abandon_new(db, tmp.buf);
		sbuf_release(&tmp);
		return -1;
	}
	sbuf_release(&pragmas);
	*out = db;
	*tmp_path = sbuf_detach(&tmp, NULL);
	return 0;
}

int db_commit_new(sqlite3 *db, const char *tmp_path, const char *path)
{
	if (db_commit(db) < 0 || db_close(db) < 0) {
		unlink(tmp_path);
		return -1;
	}
	/* link() fails if `path` appeared meanwhile, unlike rename(); on a
	 * file system without hard links fall back to rename(). */
	if (link(tmp_path, path) == 0) {
		unlink(tmp_path);
		return 0;
	}
	if ((errno == EPERM || errno == EOPNOTSUPP || errno == EXDEV) && access(path, F_OK) != 0 &&
	    rename(tmp_path, path) == 0)
		return 0;
	error("không tạo được sổ '%s': %s", path, sys_msg(errno));
	unlink(tmp_path);
	return -1;
}

void db_abandon_new(sqlite3 *db, const char *tmp_path)
{
	db_rollback(db);
	cache_drop(db);
	sqlite3_close(db);
	unlink(tmp_path);
}
