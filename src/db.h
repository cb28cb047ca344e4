/*
 * db.h - the book: opening, creating, versions, transactions, statements.
 *
 * A book is an SQLite file marked with PRAGMA application_id = BOOK_APP_ID
 * and PRAGMA user_version = the schema version.  Books are created with
 * mode 0600: they hold personal data.  Foreign keys are always on.
 *
 * Only prepared statements with bound parameters touch SQL: db_prepare()
 * plus sqlite3_bind_*().  The one place SQL text is built is the upgrade of
 * an older book (book.c, migrate(); db_open() lives there, above audit.c, declared in book.h): table and column names cannot be bound,
 * so it quotes them as identifiers; no value is ever written into SQL.
 * Every failure is reported through diag.h and
 * turned into -1, so callers just propagate.
 */
#ifndef DB_H
#define DB_H

#include <sqlite3.h>

struct sbuf;

#define BOOK_APP_ID 0x48545447	/* "HTTG" */
#define SCHEMA_VERSION 3

/* The connection's settings (busy timeout, foreign keys, page cache), for
 * db_open() and db_create_tmp(): 0 or -1. */
int db_configure(sqlite3 *db);

/*
 * Create a new empty book at `path` with the current schema, in a
 * temporary file next to it that only db_commit_new() moves into place.
 * Refuses when `path` exists.  On success *db is open inside a
 * transaction and *tmp_path (malloc'd) names the temporary file.
 */
int db_create_tmp(const char *path, sqlite3 **db, char **tmp_path);

/* Commit, close and rename the temporary book to `path` (0 or -1). */
int db_commit_new(sqlite3 *db, const char *tmp_path, const char *path);

/* Close and delete a temporary book after a failure. */
void db_abandon_new(sqlite3 *db, const char *tmp_path);

int db_close(sqlite3 *db);

/* Transactions.  db_begin() takes the write lock at once (IMMEDIATE). */
int db_begin(sqlite3 *db);
int db_commit(sqlite3 *db);
void db_rollback(sqlite3 *db);

/* Run fixed SQL with no parameters (schema, pragmas). */
int db_exec(sqlite3 *db, const char *sql);

/* Prepare a statement; on error reports the message and returns NULL. */
sqlite3_stmt *db_prepare(sqlite3 *db, const char *sql);

/*
 * The same for statements run again and again (per imported row, per
 * conference): the statement stays prepared until db_close(), keyed by
 * the connection and the ADDRESS of `sql` (pass a string literal, never
 * a built string).  It comes back reset with no bindings.  The caller
 * must NOT finalize it: sqlite3_reset() it when done (or step it to
 * SQLITE_DONE).  A statement still being stepped is not handed out
 * again: a nested use gets a second one.  The cache belongs to the
 * calling thread: use and close a connection in one thread.  NULL on
 * error (reported).
 */
sqlite3_stmt *db_prepare_cached(sqlite3 *db, const char *sql);

/*
 * Step a statement that returns no rows (INSERT/UPDATE/DELETE) and reset
 * it.  A constraint failure is reported with `what` ("thêm đơn vị") and
 * returns -1.
 */
int db_step_done(sqlite3 *db, sqlite3_stmt *st, const char *what);

/* Bind helpers: NULL text (or "" with bind_text_or_null) binds SQL NULL. */
int db_bind_text(sqlite3_stmt *st, int i, const char *s);
int db_bind_text_or_null(sqlite3_stmt *st, int i, const char *s);
int db_bind_int(sqlite3_stmt *st, int i, long long v);

/*
 * PRAGMA integrity_check: 0 when the file is sound, 1 when it is not (the
 * first problems, on one line, in *why), -1 when it cannot even be read
 * (the reason in *why).  Quiet: the caller reports.
 */
int db_integrity(sqlite3 *db, struct sbuf *why);

/*
 * Column text as a C string ("" for NULL).  Lifetime: SQLite's, i.e. until
 * the next sqlite3_step(), sqlite3_reset() or sqlite3_finalize() of `st`
 * (an exception to text.h's rule: not malloc'd, never freed).  Structs
 * that keep such pointers say so (struct cand, validate_impl.h); copy
 * with xstrdup() to keep one longer.
 */
const char *db_col_text(sqlite3_stmt *st, int i);

/*
 * One-value queries: run `sql` with the text parameters given (NULL ends
 * the list) and return the first column of the first row as an integer,
 * or `def` when there is no row.
 */
long long db_query_int(sqlite3 *db, long long def, const char *sql, ...);

#endif
