/* diag.c - diagnostics; see diag.h. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "diag.h"
#include "banned.h"

static int nerrors;

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
