/*
 * diag.h - the one path every message to the user goes through.
 *
 * Messages are Vietnamese, begin with a lower-case word, have no final full
 * stop, and put the subject in single quotes (git's CodingGuidelines):
 *
 *	hiepthuong: lỗi: không mở được tệp 'x.yaml': No such file or directory
 *	config/x.yaml:12:5: lỗi: khóa không xác định 'seat'
 *	samples/a.csv:7:3: lỗi: ngày không tồn tại '31/02/1980'
 *
 * error() and error_at() return -1 so that a caller can write
 * `return error(...)`.  Internal faults (a bug, SQLite refusing a statement
 * we wrote) go through bug(), whose text stays English.
 */
#ifndef DIAG_H
#define DIAG_H

/* Exit codes, documented in README.md; scripts rely on them. */
enum exit_code {
	EXIT_OK = 0,		/* done */
	EXIT_RULES = 1,		/* validation found an error-level finding */
	EXIT_USAGE = 2,		/* bad command line */
	EXIT_DATA = 3,		/* bad input file or book; nothing was changed */
	EXIT_INTERNAL = 4	/* a bug or a system failure */
};

/* Print "hiepthuong: lỗi: <msg>" to stderr; returns -1. */
int error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Print "<file>:<line>:<col>: lỗi: <msg>"; line/col of 0 are left out; with
 * no file (NULL) the message is plain, as error() prints it, so that code
 * shared by a command and an import can report either way. */
int error_at(const char *file, long line, long col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/*
 * While a spreadsheet is being read, positions in it are its cells:
 * error_at(file, 7, 3, ...) about that file prints "file: SHEET!C7: lỗi:
 * ..." (Excel's own terms) and error_at(file, 7, 0, ...) "file: SHEET,
 * dòng 7: lỗi: ...".  Both strings are borrowed; NULL ends it.
 */
void diag_sheet(const char *file, const char *sheet);

/* As above with "cảnh báo" (warning) and "ghi chú" (note). */
void warning(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void warning_at(const char *file, long line, long col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
void note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* An internal error: "hiepthuong: internal error: <msg>"; returns -1. */
int bug(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/*
 * What the system or SQLite said, in Vietnamese words a clerk can act on,
 * for the end of a message: error("không mở được tệp '%s': %s", path,
 * sys_msg(errno)).  strerror() and sqlite3_errmsg() speak English and never
 * reach the user (banned.h bans strerror; bug() may still quote SQLite).
 * The strings are static; an unknown code gives its number.
 *
 *	sys_msg(ENOENT)	"không có tệp hoặc thư mục này"
 *	db_msg(db)	"sổ đang được một lệnh khác ghi; hãy thử lại sau" (BUSY)
 */
const char *sys_msg(int errnum);
struct sqlite3;
const char *db_msg(struct sqlite3 *db);
/* The same for a result code of SQLite (primary or extended). */
const char *db_code_msg(int rc);

/* How many error()/error_at() calls have been made (for "N lỗi" totals). */
int diag_error_count(void);

/*
 * Progress of long work (reading books, an import, `export all`) on stderr,
 * only when stderr is a terminal, or when HIEPTHUONG_PROGRESS=1 (=0 keeps
 * it quiet on a terminal too):
 *
 *	"\r<what>: <done>/<total>, còn khoảng 1 phút 20 giây"
 *
 * done == 0, or a new `what`, starts the count and its clock; the time left
 * is estimated from the pace so far once a second has passed; the line is
 * redrawn at most ten times a second, and done >= total ends it with a
 * newline.  progress_bytes() counts bytes ("12/45 MB").  Messages printed
 * through this file clear an unfinished line first; a command printing to
 * stdout while counting calls progress_clear() before it.
 */
void progress(const char *what, long done, long total);
void progress_bytes(const char *what, long long done, long long total);
void progress_clear(void);

#endif
