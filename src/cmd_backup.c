/*
 * COMMAND: backup
 * USAGE:   hiepthuong backup TỆP [--force]
 * COMMAND: restore
 * USAGE:   hiepthuong restore TỆP [--force]
 *
 * `backup` copies the book with SQLite's online backup API: the copy is
 * consistent (one read transaction) even while another process has the
 * book open or is writing to it.  The copy is written to a temporary file
 * beside TỆP (mode 0600), checked (PRAGMA integrity_check), synced, and
 * only then given its name; an existing TỆP is replaced only with --force.
 *
 * `restore` replaces the book (--db) with the backup TỆP after checking
 * that TỆP is a hiepthuong book (application_id, schema version), sound
 * (PRAGMA integrity_check) and that its audit chain and data verify
 * (audit.h).  The copy is made in a temporary file beside the book, gets an
 * audit entry saying what was restored and what it replaced, and is then
 * renamed over the book while holding the book's exclusive lock, so the
 * book is at every moment either the old one or the restored one.  A
 * non-book or a damaged backup is refused with exit 3 and the book is left
 * as it was; an existing book is replaced only with --force.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "audit.h"
#include "book.h"
#include "cmd.h"
#include "db.h"
#include "diag.h"
#include "opt.h"
#include "outfile.h"
#include "platform.h"
#include "sbuf.h"
#include "banned.h"

/* How long to wait for a lock held by another process (ms);
 * $HIEPTHUONG_LOCK_WAIT_MS changes it (tests). */
static int lock_wait_ms(void)
{
	const char *s = getenv("HIEPTHUONG_LOCK_WAIT_MS");
	char *end;
	long v;

	if (s && *s) {
		v = strtol(s, &end, 10);
		if (!*end && v >= 0 && v <= 3600000)
			return (int)v;
	}
	return 30000;
}

/* fsync a file or a folder by name; 0 or -1 with errno. */
static int sync_path(const char *path, int dir)
{
	int fd = open(path, dir ? O_RDONLY | O_DIRECTORY : O_RDONLY), rc;

	if (fd < 0)
		return -1;
	rc = fsync(fd);
	close(fd);
	return rc;
}

static void sync_dir_of(const char *path)
{
	char *dir = platform_dir_of(path);

	/* Best effort: some file systems refuse fsync on folders. */
	if (dir)
		sync_path(dir, 1);
	free(dir);
}

/* A new empty temporary file beside `path`; malloc'd name or NULL. */
static char *make_tmp(const char *path, const char *what)
{
	struct sbuf tmp = SBUF_INIT;
	int fd;

	sbuf_addf(&tmp, "%s.tmp-XXXXXX", path);
	fd = mkstemp(tmp.buf);
	if (fd < 0) {
		error("không ghi được %s '%s': %s", what, path, sys_msg(errno));
		sbuf_release(&tmp);
		return NULL;
	}
	fchmod(fd, 0600);
	close(fd);
	return sbuf_detach(&tmp, NULL);
}

static int sqlite_failure(int rc, const char *what, const char *path, sqlite3 *db)
{
	if (rc == SQLITE_FULL)
		return error("không ghi được %s '%s': đĩa đầy", what, path);
	if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
		return error("không ghi được %s '%s': sổ đang bị khóa quá lâu bởi chương trình khác", what, path);
	return error("không ghi được %s '%s': %s", what, path, db ? db_msg(db) : db_code_msg(rc));
}

/* Copy the whole of `src` into the file `dest` (online backup API). */
static int copy_book(sqlite3 *src, const char *dest, const char *what, const char *shown)
{
	sqlite3 *out = NULL;
	sqlite3_backup *b;
	int rc, waited = 0;

	if (sqlite3_open_v2(dest, &out, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		sqlite_failure(SQLITE_CANTOPEN, what, shown, out);
		sqlite3_close(out);
		return -1;
	}
	b = sqlite3_backup_init(out, "main", src, "main");
	if (!b) {
		sqlite_failure(sqlite3_errcode(out), what, shown, out);
		sqlite3_close(out);
		return -1;
	}
	/* All pages in one step: one read transaction, so one consistent
	 * state, however busy the book is. */
	while ((rc = sqlite3_backup_step(b, -1)) == SQLITE_BUSY || rc == SQLITE_LOCKED) {
		if (waited >= lock_wait_ms())
			break;
		sqlite3_sleep(50);
		waited += 50;
	}
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE) {
		sqlite_failure(rc, what, shown, out);
		sqlite3_close(out);
		return -1;
	}
	if (sqlite3_close(out) != SQLITE_OK)
		return sqlite_failure(SQLITE_IOERR, what, shown, NULL);
	if (sync_path(dest, 0) < 0)
		return error("không ghi được %s '%s': %s", what, shown, sys_msg(errno));
	return 0;
}

/* PRAGMA integrity_check of the file `path`: 0 or -1. */
static int check_sound(sqlite3 *db, const char *path, const char *what)
{
	struct sbuf why = SBUF_INIT;
	int rc = db_integrity(db, &why);

	if (rc > 0)
		error("%s '%s' bị hỏng (PRAGMA integrity_check: %s)", what, path, why.buf);
	else if (rc < 0)
		error("không đọc được %s '%s': %s", what, path, why.buf);
	sbuf_release(&why);
	return rc ? -1 : 0;
}

/* One integer, quietly: -1 when the file is not an SQLite database. */
static long long probe(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st = NULL;
	long long v = -1;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

static int same_file(const char *a, const char *b)
{
	struct stat sa, sb;

	return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

int cmd_backup(struct ctx *ctx, int argc, char **argv)
{
	int force = 0;
	struct opt opts[] = {
		OPT_BOOL(0, "force", &force, "ghi đè TỆP nếu đã có"),
		OPT_END()
	};
	static const char usage[] = "hiepthuong backup TỆP [--force]";
	struct audit_head h;
	const char *dest;
	char *tmp = NULL;
	sqlite3 *copy = NULL;
	int rc;

	argc = opt_parse(ctx, argc, argv, opts, usage, &rc);
	if (argc < 0)
		return rc;
	if (argc != 1) {
		if (argc == 0)
			usage_error("cần tên tệp sao lưu");
		else
			usage_error("lệnh backup nhận đúng một tệp, không nhận thêm '%s'", argv[1]);
		opt_usage(usage, opts, 1);
		return -1;
	}
	dest = argv[0];
	if (out_may_write(dest, OUT_BACKUP, force, ctx->db_path) < 0)
		return -1;
	tmp = make_tmp(dest, "bản sao lưu");
	if (!tmp)
		return -1;
	if (copy_book(ctx->db, tmp, "bản sao lưu", dest) < 0)
		goto fail;
	if (sqlite3_open_v2(tmp, &copy, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK || check_sound(copy, dest, "bản sao lưu") < 0)
		goto fail;
	sqlite3_close(copy);
	copy = NULL;
	if (force) {
		if (rename(tmp, dest) < 0) {
			error("không ghi được bản sao lưu '%s': %s", dest, sys_msg(errno));
			goto fail;
		}
	} else if (link(tmp, dest) < 0) {
		error("không ghi được bản sao lưu '%s': %s", dest, sys_msg(errno));
		goto fail;
	} else {
		unlink(tmp);
	}
	sync_dir_of(dest);
	free(tmp);
	if (audit_head_read(ctx->db, &h) > 0) {
		printf("đã sao lưu sổ '%s' vào '%s': %lld mục nhật ký, mã đầu chuỗi %s\n", ctx->db_path, dest,
		       h.entries, h.hash);
		audit_head_release(&h);
	} else {
		printf("đã sao lưu sổ '%s' vào '%s'\n", ctx->db_path, dest);
	}
	return 0;
fail:
	sqlite3_close(copy);
	unlink(tmp);
	free(tmp);
	return -1;
}

/* Open and check a backup: a sound hiepthuong book whose audit verifies. */
static int open_backup(const char *path, sqlite3 **out, struct audit_report *r)
{
	sqlite3 *db = NULL;
	struct stat st;
	long long appid, version;
	int rc;

	*out = NULL;
	memset(r, 0, sizeof(*r));
	if (stat(path, &st) < 0)
		return error("không mở được bản sao lưu '%s': %s", path, sys_msg(errno));
	if (S_ISDIR(st.st_mode))
		return error("'%s' là một thư mục, không phải bản sao lưu", path);
	if (!S_ISREG(st.st_mode))
		return error("'%s' không phải tệp thường, không phải bản sao lưu", path);
	if (st.st_size == 0)
		return error("'%s' là tệp rỗng, không phải sổ hiepthuong", path);
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		error("không mở được bản sao lưu '%s': %s", path, db_msg(db));
		sqlite3_close(db);
		return -1;
	}
	appid = probe(db, "PRAGMA application_id");
	if (appid != BOOK_APP_ID) {
		sqlite3_close(db);
		return error("'%s' không phải là sổ hiepthuong", path);
	}
	version = probe(db, "PRAGMA user_version");
	if (version != SCHEMA_VERSION) {
		sqlite3_close(db);
		return error("bản sao lưu '%s' có lược đồ phiên bản %lld, bản hiepthuong này dùng %d", path, version,
			     SCHEMA_VERSION);
	}
	/* One read transaction from the checks to the end of the copy: what
	 * is copied is what was checked, even if another process writes to
	 * the backup meanwhile.  (A read of a file that is not the book: no
	 * business of the dispatcher's, which opens and writes the book.) */
	if (sqlite3_exec(db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK || check_sound(db, path, "bản sao lưu") < 0) {
		sqlite3_close(db);
		return -1;
	}
	rc = audit_verify(db, AUDIT_VERIFY_DATA, NULL, r);
	if (rc != 0) {
		if (rc > 0)
			error("bản sao lưu '%s' không qua kiểm tra nhật ký%s%.0lld: %s", path, r->bad_id ? " ở mục #" : "",
			      r->bad_id, r->why);
		audit_report_release(r);
		sqlite3_close(db);
		return -1;
	}
	*out = db;
	return 0;
}

/* A line about the book being replaced, for the audit entry. */
static void describe_old(const char *path, struct sbuf *out)
{
	sqlite3 *db = NULL;
	struct audit_head h;

	if (access(path, F_OK) != 0) {
		sbuf_addf(out, "trước đó chưa có sổ '%s'", path);
		return;
	}
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
	    probe(db, "PRAGMA application_id") == BOOK_APP_ID) {
		if (probe(db, "SELECT count(*) FROM sqlite_schema WHERE name = 'audit_head'") == 1 &&
		    audit_head_read(db, &h) > 0) {
			sbuf_addf(out, "thay sổ có %lld mục nhật ký, mục cuối #%lld, mã đầu chuỗi %s", h.entries, h.last_id,
				  h.hash);
			audit_head_release(&h);
			sqlite3_close(db);
			return;
		}
	}
	sqlite3_close(db);
	sbuf_addf(out, "thay tệp '%s' không đọc được như một sổ", path);
}

/*
 * Take the exclusive lock of the book about to be replaced, so that no
 * other process is in the middle of a write and a hot journal is rolled
 * back first.  *lock is NULL when `path` is not an SQLite book at all
 * (possible only with --force); stale journal files are then removed,
 * since SQLite would otherwise replay them into the restored book.
 */
static int lock_old(const char *path, sqlite3 **lock)
{
	struct sbuf j = SBUF_INIT;
	sqlite3 *db = NULL;
	int rc;

	*lock = NULL;
	if (access(path, F_OK) != 0)
		return 0;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK) {
		sqlite3_busy_timeout(db, lock_wait_ms());
		rc = sqlite3_exec(db, "BEGIN EXCLUSIVE", NULL, NULL, NULL);
		if (rc == SQLITE_OK) {
			*lock = db;
			return 0;
		}
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
			sqlite3_close(db);
			return error("sổ '%s' đang được chương trình khác dùng; hãy đóng nó rồi khôi phục lại", path);
		}
	}
	sqlite3_close(db);
	for (int i = 0; i < 3; i++) {
		static const char *const suffix[] = { "-journal", "-wal", "-shm" };
		sbuf_reset(&j);
		sbuf_addf(&j, "%s%s", path, suffix[i]);
		if (unlink(j.buf) < 0 && errno != ENOENT) {
			error("không xóa được tệp nhật ký cũ '%s': %s", j.buf, sys_msg(errno));
			sbuf_release(&j);
			return -1;
		}
	}
	sbuf_release(&j);
	return 0;
}

int cmd_restore(struct ctx *ctx, int argc, char **argv)
{
	int force = 0;
	struct opt opts[] = {
		OPT_BOOL(0, "force", &force, "thay sổ đang có (mất mọi thay đổi sau lần sao lưu)"),
		OPT_END()
	};
	static const char usage[] = "hiepthuong restore TỆP [--force] [--db SỔ]";
	struct audit_report r;
	struct audit_head h;
	struct sbuf old = SBUF_INIT;
	struct stat st;
	const char *src_path;
	sqlite3 *src = NULL, *lock = NULL;
	char *tmp = NULL;
	int rc, exists;

	argc = opt_parse(ctx, argc, argv, opts, usage, &rc);
	if (argc < 0)
		return rc;
	if (argc != 1) {
		if (argc == 0)
			usage_error("cần tên tệp sao lưu");
		else
			usage_error("lệnh restore nhận đúng một tệp, không nhận thêm '%s'", argv[1]);
		opt_usage(usage, opts, 1);
		return -1;
	}
	src_path = argv[0];
	exists = stat(ctx->db_path, &st) == 0;
	if (exists && S_ISDIR(st.st_mode))
		return error("'%s' là một thư mục, không phải sổ", ctx->db_path), -1;
	if (exists && same_file(src_path, ctx->db_path))
		return error("'%s' chính là sổ đang dùng", src_path), -1;
	if (open_backup(src_path, &src, &r) < 0)
		return -1;
	audit_report_release(&r);
	if (exists && !force) {
		sqlite3_close(src);
		error("sổ '%s' đã có; thêm --force để thay nó bằng bản sao lưu (mọi thay đổi sau lần sao lưu sẽ mất)",
		      ctx->db_path);
		return -1;
	}
	describe_old(ctx->db_path, &old);
	tmp = make_tmp(ctx->db_path, "sổ");
	rc = -1;
	if (!tmp || copy_book(src, tmp, "sổ", ctx->db_path) < 0)
		goto out;
	sqlite3_exec(src, "COMMIT", NULL, NULL, NULL);
	sqlite3_close(src);
	src = NULL;

	/* The restored book records its own restore.  Not the dispatcher's
	 * transaction (issue 13 §4): the book it would open is the one being
	 * replaced, which may not even exist or open; the entry is written in
	 * the copy before the copy is renamed over the book. */
	if (db_open(tmp, &ctx->db) < 0 || db_begin(ctx->db) < 0)
		goto out;
	ctx_change(ctx, "khôi phục sổ từ bản sao lưu '%s'; %s", src_path, old.buf);
	if (audit_record(ctx) < 0 || db_commit(ctx->db) < 0 || check_sound(ctx->db, ctx->db_path, "sổ") < 0 ||
	    audit_head_read(ctx->db, &h) <= 0)
		goto out;
	db_close(ctx->db);
	ctx->db = NULL;
	if (sync_path(tmp, 0) < 0 || lock_old(ctx->db_path, &lock) < 0)
		goto out_head;
	if (!PLATFORM_RENAME_OVER_OPEN && lock) {
		/* Windows renames over no open file, so the lock goes first; a
		 * process that opens the book meanwhile makes the rename fail
		 * and the book stays as it was (docs/windows.md). */
		sqlite3_exec(lock, "COMMIT", NULL, NULL, NULL);
		sqlite3_close(lock);
		lock = NULL;
	}
	if (rename(tmp, ctx->db_path) < 0) {
		error("không thay được sổ '%s': %s", ctx->db_path, sys_msg(errno));
		goto out_head;
	}
	sync_dir_of(ctx->db_path);
	printf("đã khôi phục sổ '%s' từ '%s': %lld mục nhật ký, mã đầu chuỗi %s\n", ctx->db_path, src_path,
	       h.entries, h.hash);
	free(tmp);
	tmp = NULL;
	rc = 0;
out_head:
	audit_head_release(&h);
out:
	if (lock) {
		sqlite3_exec(lock, "ROLLBACK", NULL, NULL, NULL);
		sqlite3_close(lock);
	}
	if (ctx->db) {
		db_rollback(ctx->db);
		db_close(ctx->db);
		ctx->db = NULL;
	}
	audit_reset();
	sqlite3_close(src);
	if (tmp)
		unlink(tmp);
	free(tmp);
	sbuf_release(&old);
	return rc;
}
