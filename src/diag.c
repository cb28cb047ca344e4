/* diag.c - diagnostics; see diag.h. */
#include <errno.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "diag.h"
#include "banned.h"

static int nerrors;

static void vreport(const char *file, long line, long col, const char *kind,
		    const char *fmt, va_list ap) __attribute__((format(printf, 5, 0)));

static void vreport(const char *file, long line, long col, const char *kind,
		    const char *fmt, va_list ap)
{
	fflush(stdout);
	if (file) {
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

	nerrors++;
	va_start(ap, fmt);
	vreport(NULL, 0, 0, "lỗi", fmt, ap);
	va_end(ap);
	return -1;
}

int error_at(const char *file, long line, long col, const char *fmt, ...)
{
	va_list ap;

	nerrors++;
	va_start(ap, fmt);
	vreport(file, line, col, "lỗi", fmt, ap);
	va_end(ap);
	return -1;
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

	nerrors++;
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
	return nerrors;
}

void progress(const char *what, long done, long total)
{
	static int enabled = -1;

	if (enabled < 0) {
		const char *e = getenv("HIEPTHUONG_PROGRESS");
		enabled = e ? strcmp(e, "1") == 0 : isatty(2);
	}
	if (!enabled)
		return;
	fprintf(stderr, "\r%s: %ld/%ld", what, done, total);
	if (done >= total)
		fputc('\n', stderr);
	fflush(stderr);
}
