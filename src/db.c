/* db.c - the book on disk; see db.h. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "db.h"
#include "diag.h"
#include "sbuf.h"
#include "schema.h"
#include "banned.h"

int db_configure(sqlite3 *db)
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
	if (db_configure(db) < 0 || db_begin(db) < 0 || db_exec(db, schema_sql) < 0 || db_exec(db, pragmas.buf) < 0) {
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
