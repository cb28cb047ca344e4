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
 *
 * Every error also records its kind, and the kind, not the caller, decides
 * the exit code (README's table).  A command returns 0 or -1; the
 * dispatcher (main.c) turns the worst kind recorded into the exit code, in
 * one place rather than at each of the many places that fail:
 *
 *	error(), error_at()		bad data: a file, a book or a
 *					value read from them (exit 3)
 *	usage_error()			the command line (exit 2)
 *	rule_error(), rule_error_at()	a rule of the pack refuses a record or
 *					an export (exit 1)
 *	bug()				an internal fault (exit 4)
 *	error_kind(KIND, ...)		any of them, e.g. a system failure
 *					written for the clerk: ERR_INTERNAL
 *	diag_failed(KIND)		a failure told otherwise: the
 *					findings of `validate` are a report
 *
 * A helper shared by the command line and the imports (a body code, a
 * date) cannot know where its value came from; it says error(), and a
 * caller that knows better says so with diag_relabel(ERR_USAGE).
 */
#ifndef DIAG_H
#define DIAG_H

/* Exit codes, documented in README.md; scripts rely on them.  Only main.c
 * returns them, from diag_exit_code(). */
enum exit_code {
	EXIT_OK = 0,		/* done */
	EXIT_RULES = 1,		/* a rule said no: validate, a refused record or export */
	EXIT_USAGE = 2,		/* bad command line */
	EXIT_DATA = 3,		/* bad input file or book; nothing was changed */
	EXIT_INTERNAL = 4	/* a bug or a system failure */
};

/*
 * The kinds, in the order in which the worst one wins when one run printed
 * several: a later error never hides a worse one.
 *
 *  - internal above all: after a bug nothing else printed can be trusted,
 *    and a clerk must call for help, not fix an input;
 *  - bad data above usage: the command was understood and then could not
 *    read what it was given, which is what has to be fixed first (in
 *    practice a usage error stops a command before any data is read);
 *  - usage above a rule: a rule judges a record that was read and
 *    understood; when the command line was also wrong, the verdict on the
 *    record may not be the one the clerk meant to ask for.
 *
 * The values rise with the order, so the worst is the largest.
 */
enum err_kind {
	ERR_NONE = 0,		/* nothing failed */
	ERR_RULE,		/* a rule of the pack said no: EXIT_RULES */
	ERR_USAGE,		/* bad command line: EXIT_USAGE */
	ERR_DATA,		/* bad input file or book: EXIT_DATA */
	ERR_INTERNAL		/* a bug or a system failure: EXIT_INTERNAL */
};

/* Print "hiepthuong: lỗi: <msg>" to stderr; a bad-data error; returns -1. */
int error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Print "<file>:<line>:<col>: lỗi: <msg>"; line/col of 0 are left out; with
 * no file (NULL) the message is plain, as error() prints it, so that code
 * shared by a command and an import can report either way. */
int error_at(const char *file, long line, long col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* The same, of another kind (the text is "lỗi" for all of them; a bug is
 * reported with bug()).  ERR_NONE prints an error-severity finding that
 * fails nothing (one told about a change that is kept) and is not counted. */
int error_kind(enum err_kind kind, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int error_kind_at(enum err_kind kind, const char *file, long line, long col, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/* error_kind(ERR_USAGE, ...): an argument or option the command cannot take. */
int usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* error_kind_at(ERR_RULE, ...): a record or an export refused by a rule,
 * which the message names with its id and citation. */
int rule_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int rule_error_at(const char *file, long line, long col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/*
 * Record a failure whose words were printed otherwise, not as an error
 * message: the findings of `validate` (a report on stdout) are
 * diag_failed(ERR_RULE), the list of commands shown for a bare
 * `hiepthuong` diag_failed(ERR_USAGE).  Counts as an error of that kind
 * for the exit code; prints nothing.
 */
void diag_failed(enum err_kind kind);

/*
 * The last error printed was of this kind, as only the caller knows (an
 * unknown body code is a usage error when it came from --body, bad data
 * when it came from a file).  Only a bad-data error is relabelled: a bug
 * stays a bug.  Returns -1, for `return diag_relabel(ERR_USAGE)`.
 */
int diag_relabel(enum err_kind kind);

/* The worst kind recorded so far (ERR_NONE if none), and its exit code
 * (EXIT_OK if none): the dispatcher's one mapping. */
enum err_kind diag_worst(void);
int diag_exit_code(void);

/* Forget every error recorded (unit tests; a command never calls it). */
void diag_reset(void);

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

/* An internal error: "hiepthuong: internal error: <msg>"; ERR_INTERNAL;
 * returns -1. */
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

/* How many errors of any kind have been printed (for "N lỗi" totals). */
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
