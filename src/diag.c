/* diag.c - diagnostics; see diag.h. */
#include <errno.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "diag.h"
#include "banned.h"

/*
 * How many errors, of each kind, and the kind of the last one (relabel).
 * The export gate's thread may report an error while the main thread
 * renders, so the counts are atomic.
 */
static int nerrors;
static int nkind[ERR_INTERNAL + 1];
static enum err_kind last_kind;

static void record(enum err_kind kind)
{
	if (kind == ERR_NONE)
		return;		/* told, fails nothing (error_kind()) */
	if (kind < ERR_NONE || kind > ERR_INTERNAL)
		kind = ERR_INTERNAL;
	__atomic_fetch_add(&nerrors, 1, __ATOMIC_RELAXED);
	__atomic_fetch_add(&nkind[kind], 1, __ATOMIC_RELAXED);
	__atomic_store_n(&last_kind, kind, __ATOMIC_RELAXED);
}

/* The spreadsheet whose positions are cells (diag_sheet()). */
static const char *sheet_file, *sheet_name;

void diag_sheet(const char *file, const char *sheet)
{
	sheet_file = file;
	sheet_name = sheet;
}

/* "Mẫu 04!C7" or "Mẫu 04, dòng 7" for a position in the sheet. */
static void put_cell(long line, long col)
{
	char letters[8];
	int n = 0;

	fprintf(stderr, ": %s", sheet_name);
	if (line <= 0)
		return;
	if (col <= 0) {
		fprintf(stderr, ", dòng %ld", line);
		return;
	}
	while (col > 0 && n < (int)sizeof(letters)) {
		col--;
		letters[n++] = (char)('A' + col % 26);
		col /= 26;
	}
	fputc('!', stderr);
	while (n > 0)
		fputc(letters[--n], stderr);
	fprintf(stderr, "%ld", line);
}

static void vreport(const char *file, long line, long col, const char *kind,
		    const char *fmt, va_list ap) __attribute__((format(printf, 5, 0)));

static void vreport(const char *file, long line, long col, const char *kind,
		    const char *fmt, va_list ap)
{
	progress_clear();
	fflush(stdout);
	if (file && sheet_file && !strcmp(file, sheet_file)) {
		fputs(file, stderr);
		put_cell(line, col);
		fputs(": ", stderr);
	} else if (file) {
		fputs(file, stderr);
		if (line > 0)
			fprintf(stderr, ":%ld", line);
		if (line > 0 && col > 0)
			fprintf(stderr, ":%ld", col);
		fputs(": ", stderr);
	} else {
		fputs("hiepthuong: ", stderr);
	}
	fprintf(stderr, "%s: ", kind);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

int error(const char *fmt, ...)
{
	va_list ap;

	record(ERR_DATA);
	va_start(ap, fmt);
	vreport(NULL, 0, 0, "lỗi", fmt, ap);
	va_end(ap);
	return -1;
}

int error_at(const char *file, long line, long col, const char *fmt, ...)
{
	va_list ap;

	record(ERR_DATA);
	va_start(ap, fmt);
	vreport(file, line, col, "lỗi", fmt, ap);
	va_end(ap);
	return -1;
}

int error_kind(enum err_kind kind, const char *fmt, ...)
{
	va_list ap;

	record(kind);
	va_start(ap, fmt);
	vreport(NULL, 0, 0, "lỗi", fmt, ap);
	va_end(ap);
	return -1;
}

int error_kind_at(enum err_kind kind, const char *file, long line, long col, const char *fmt, ...)
{
	va_list ap;

	record(kind);
	va_start(ap, fmt);
	vreport(file, line, col, "lỗi", fmt, ap);
	va_end(ap);
	return -1;
}

int usage_error(const char *fmt, ...)
{
	va_list ap;

	record(ERR_USAGE);
	va_start(ap, fmt);
	vreport(NULL, 0, 0, "lỗi", fmt, ap);
	va_end(ap);
	return -1;
}

int rule_error(const char *fmt, ...)
{
	va_list ap;

	record(ERR_RULE);
	va_start(ap, fmt);
	vreport(NULL, 0, 0, "lỗi", fmt, ap);
	va_end(ap);
	return -1;
}

int rule_error_at(const char *file, long line, long col, const char *fmt, ...)
{
	va_list ap;

	record(ERR_RULE);
	va_start(ap, fmt);
	vreport(file, line, col, "lỗi", fmt, ap);
	va_end(ap);
	return -1;
}

void diag_failed(enum err_kind kind)
{
	if (kind <= ERR_NONE || kind > ERR_INTERNAL)
		kind = ERR_INTERNAL;
	__atomic_fetch_add(&nkind[kind], 1, __ATOMIC_RELAXED);
}

/* Called by the main thread only, about the error it just printed. */
int diag_relabel(enum err_kind kind)
{
	if (__atomic_load_n(&last_kind, __ATOMIC_RELAXED) == ERR_DATA &&
	    __atomic_load_n(&nkind[ERR_DATA], __ATOMIC_RELAXED) > 0 && kind > ERR_NONE && kind <= ERR_INTERNAL) {
		__atomic_fetch_sub(&nkind[ERR_DATA], 1, __ATOMIC_RELAXED);
		__atomic_fetch_add(&nkind[kind], 1, __ATOMIC_RELAXED);
		__atomic_store_n(&last_kind, kind, __ATOMIC_RELAXED);
	}
	return -1;
}

enum err_kind diag_worst(void)
{
	for (int k = ERR_INTERNAL; k > ERR_NONE; k--)
		if (__atomic_load_n(&nkind[k], __ATOMIC_RELAXED))
			return (enum err_kind)k;
	return ERR_NONE;
}

int diag_exit_code(void)
{
	switch (diag_worst()) {
	case ERR_NONE:
		return EXIT_OK;
	case ERR_RULE:
		return EXIT_RULES;
	case ERR_USAGE:
		return EXIT_USAGE;
	case ERR_DATA:
		return EXIT_DATA;
	case ERR_INTERNAL:
		break;
	}
	return EXIT_INTERNAL;
}

void diag_reset(void)
{
	nerrors = 0;
	memset(nkind, 0, sizeof(nkind));
	last_kind = ERR_NONE;
}

void warning(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(NULL, 0, 0, "cảnh báo", fmt, ap);
	va_end(ap);
}

void warning_at(const char *file, long line, long col, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(file, line, col, "cảnh báo", fmt, ap);
	va_end(ap);
}

void note(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(NULL, 0, 0, "ghi chú", fmt, ap);
	va_end(ap);
}

int bug(const char *fmt, ...)
{
	va_list ap;

	record(ERR_INTERNAL);
	va_start(ap, fmt);
	vreport(NULL, 0, 0, "internal error", fmt, ap);
	va_end(ap);
	return -1;
}

const char *sys_msg(int errnum)
{
	static _Thread_local char other[64];

	switch (errnum) {
	case 0:
		return "không rõ lý do (hệ thống không báo lỗi)";
	case ENOENT:
		return "không có tệp hoặc thư mục này";
	case EACCES:
	case EPERM:
		return "không có quyền (kiểm tra quyền của tệp và thư mục, hoặc người dùng đang chạy lệnh)";
	case EISDIR:
		return "đây là một thư mục, không phải tệp";
	case ENOTDIR:
		return "một phần của đường dẫn không phải thư mục";
	case EEXIST:
		return "đã có tệp mang tên này";
	case ENOSPC:
	case EDQUOT:
		return "đĩa đầy (giải phóng chỗ trống rồi làm lại)";
	case EROFS:
		return "ổ đĩa chỉ cho đọc";
	case EIO:
		return "lỗi đọc/ghi của ổ đĩa (kiểm tra ổ đĩa hoặc thẻ nhớ)";
	case ENAMETOOLONG:
		return "tên tệp quá dài";
	case ELOOP:
		return "đường dẫn có quá nhiều liên kết tượng trưng";
	case EMFILE:
	case ENFILE:
		return "mở quá nhiều tệp cùng lúc";
	case ENOMEM:
		return "hết bộ nhớ";
	case EFBIG:
		return "tệp quá lớn";
	case EBUSY:
	case ETXTBSY:
		return "tệp đang được dùng";
	case EPIPE:
		return "nơi nhận đã đóng (đường ống bị ngắt)";
	case EXDEV:
		return "không chuyển được tệp sang ổ đĩa khác";
	case EINVAL:
		return "tên tệp hoặc thao tác không hợp lệ";
	case ENODEV:
	case ENXIO:
		return "không có thiết bị này";
	case EAGAIN:
		return "tạm thời không thực hiện được; hãy thử lại";
	}
	snprintf(other, sizeof(other), "lỗi hệ thống số %d", errnum);
	return other;
}

const char *db_code_msg(int rc)
{
	static _Thread_local char other[64];

	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return "sổ đang được một lệnh hoặc chương trình khác ghi; hãy thử lại sau";
	case SQLITE_READONLY:
		return "không ghi được vào sổ: tệp sổ hoặc thư mục chứa nó chỉ cho đọc (kiểm tra quyền ghi)";
	case SQLITE_FULL:
		return "đĩa đầy (giải phóng chỗ trống rồi làm lại)";
	case SQLITE_IOERR:
		return "lỗi đọc/ghi của ổ đĩa (kiểm tra ổ đĩa hoặc thẻ nhớ)";
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		return "tệp sổ bị hỏng (khôi phục từ bản sao lưu: hiepthuong restore)";
	case SQLITE_CANTOPEN:
		return "không mở hoặc không tạo được tệp của sổ (chính tệp sổ, hoặc tệp tạm SQLite tạo bên cạnh nó: "
		       "thư mục chứa sổ phải ghi được)";
	case SQLITE_PERM:
	case SQLITE_AUTH:
		return "không có quyền truy cập sổ";
	case SQLITE_NOMEM:
		return "hết bộ nhớ";
	case SQLITE_CONSTRAINT:
		return "dữ liệu vi phạm ràng buộc của sổ";
	case SQLITE_TOOBIG:
		return "giá trị quá lớn";
	case SQLITE_INTERRUPT:
		return "bị ngắt";
	case SQLITE_PROTOCOL:
		return "sổ bị khóa theo cách không dùng được (ổ đĩa mạng?); chép sổ về máy rồi làm lại";
	}
	snprintf(other, sizeof(other), "lỗi cơ sở dữ liệu số %d", rc);
	return other;
}

const char *db_msg(struct sqlite3 *db)
{
	if (!db)
		return sys_msg(ENOMEM);
	return db_code_msg(sqlite3_extended_errcode(db));
}

int diag_error_count(void)
{
	return __atomic_load_n(&nerrors, __ATOMIC_RELAXED);
}

/* ---- progress ---- */

static struct {
	int enabled;		/* -1 until asked */
	char what[128];		/* the count being shown */
	char ended[128];	/* the last count that was ended */
	double start, last;	/* when it began, when the line was drawn */
	int shown;		/* characters on the unfinished line, 0 if none */
} prog = { -1, "", "", 0, 0, 0 };

static double now_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int progress_enabled(void)
{
	if (prog.enabled < 0) {
		const char *e = getenv("HIEPTHUONG_PROGRESS");
		prog.enabled = e && *e ? strcmp(e, "1") == 0 : isatty(2);
	}
	return prog.enabled;
}

void progress_clear(void)
{
	if (!prog.shown)
		return;
	fprintf(stderr, "\r%*s\r", prog.shown, "");
	fflush(stderr);
	prog.shown = 0;
}

/* "1 phút 20 giây", "45 giây" */
static void duration(char *buf, size_t len, double secs)
{
	long s = (long)(secs + 0.5);

	if (s >= 3600)
		snprintf(buf, len, "%ld giờ %ld phút", s / 3600, s / 60 % 60);
	else if (s >= 60)
		snprintf(buf, len, "%ld phút %ld giây", s / 60, s % 60);
	else
		snprintf(buf, len, "%ld giây", s);
}

/* The common part: `count` is "3/40" or "1,2/4,5 MB", done/total the fraction. */
static void progress_draw(const char *what, const char *count, double done, double total)
{
	double t = now_seconds();
	char line[512], left[64] = "";
	int n, finished = done >= total;

	if (!progress_enabled())
		return;
	/* a count already ended, told again that it is done */
	if (finished && done > 0 && !strncmp(prog.ended, what, sizeof(prog.ended) - 1))
		return;
	if (done <= 0 || strncmp(prog.what, what, sizeof(prog.what) - 1)) {
		snprintf(prog.what, sizeof(prog.what), "%s", what);
		prog.start = t;
		prog.last = 0;
	}
	/* At most ten lines a second; the first and the last always. */
	if (!finished && done > 0 && t - prog.last < 0.1)
		return;
	prog.last = t;
	if (!finished && done > 0 && t - prog.start >= 1.0) {
		char d[48];
		duration(d, sizeof(d), (t - prog.start) * (total - done) / done);
		snprintf(left, sizeof(left), ", còn khoảng %s", d);
	}
	n = snprintf(line, sizeof(line), "%s: %s%s", what, count, left);
	if (n < 0)
		return;
	if (n >= (int)sizeof(line))
		n = (int)sizeof(line) - 1;
	/* clear what a longer line before left (bytes: enough for characters) */
	if (prog.shown > n)
		fprintf(stderr, "\r%*s", prog.shown, "");
	fprintf(stderr, "\r%s", line);
	if (finished) {
		fputc('\n', stderr);
		prog.shown = 0;
		snprintf(prog.ended, sizeof(prog.ended), "%s", what);
		prog.what[0] = 0;
	} else {
		prog.shown = n;
	}
	fflush(stderr);
}

void progress(const char *what, long done, long total)
{
	char count[64];

	snprintf(count, sizeof(count), "%ld/%ld", done, total);
	progress_draw(what, count, (double)done, (double)total);
}

void progress_bytes(const char *what, long long done, long long total)
{
	char count[64];

	if (total >= 10LL << 20)
		snprintf(count, sizeof(count), "%lld/%lld MB", done >> 20, total >> 20);
	else
		snprintf(count, sizeof(count), "%lld/%lld KB", done >> 10, total >> 10);
	progress_draw(what, count, (double)done, (double)total);
}
