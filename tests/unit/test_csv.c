/* test_csv.c - unit tests for the CSV reader (src/csv.c). */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "csv.h"
#include "diag.h"
#include "unit.h"
#include "banned.h"

/*
 * Streaming and in-memory reading must agree.  A source that hands out
 * at most `chunk` bytes a call (short reads) and fails with EIO once
 * fail_at bytes were handed out drives csv_open_read(); transcript()
 * renders everything a reader returns (records, positions, the error) so
 * that two readers can be compared with strcmp.
 */
struct src {
	const char *data;
	size_t len, pos, chunk, fail_at;
};

static long src_read(void *ctx, char *buf, size_t n)
{
	struct src *s = ctx;

	if (s->pos >= s->fail_at) {
		errno = EIO;
		return -1;
	}
	if (n > s->chunk)
		n = s->chunk;
	if (n > s->len - s->pos)
		n = s->len - s->pos;
	if (n > s->fail_at - s->pos)
		n = s->fail_at - s->pos;
	memcpy(buf, s->data + s->pos, n);
	s->pos += n;
	return (long)n;
}

struct text {
	char *buf;
	size_t len, cap;
};

static void text_add(struct text *t, const char *p, size_t n)
{
	if (t->cap - t->len <= n) {
		while (t->cap - t->len <= n)
			t->cap = t->cap ? 2 * t->cap : 1024;
		t->buf = realloc(t->buf, t->cap);
		if (!t->buf)
			abort();
	}
	memcpy(t->buf + t->len, p, n);
	t->len += n;
	t->buf[t->len] = '\0';
}

__attribute__((format(printf, 2, 3)))
static void text_addf(struct text *t, const char *fmt, ...)
{
	char tmp[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	text_add(t, tmp, n < 0 ? 0 : (size_t)n < sizeof(tmp) ? (size_t)n : sizeof(tmp) - 1);
}

/* Everything r returns with these settings (0: leave as is); malloc'd. */
static char *transcript(struct csv_reader *r, char delim, size_t max_field, size_t max_record)
{
	struct text t = { NULL, 0, 0 };
	struct csv_row row;
	int rc;

	text_add(&t, "", 0);
	if (!r)
		return t.buf;
	if (delim)
		csv_set_delimiter(r, delim);
	if (max_field)
		csv_set_max_field(r, max_field);
	if (max_record)
		csv_set_max_record(r, max_record);
	text_addf(&t, "delimiter %c\n", csv_delimiter(r));
	while ((rc = csv_next(r, &row)) == 1) {
		text_addf(&t, "row %ld line %ld fields %zu empty %d:", row.row, row.line, row.nfields,
			  row.all_empty);
		for (size_t i = 0; i < row.nfields; i++) {
			text_addf(&t, " %zu[", row.lens[i]);
			text_add(&t, row.fields[i], row.lens[i]);
			text_add(&t, "]", 1);
		}
		text_add(&t, "\n", 1);
	}
	text_addf(&t, "end %d", rc);
	if (rc < 0)
		text_addf(&t, " error '%s' row %ld col %ld line %ld", csv_error(r), csv_error_row(r),
			  csv_error_col(r), csv_error_line(r));
	text_addf(&t, ", then %d\n", csv_next(r, &row));
	return t.buf;
}

/* The transcript of streaming data through a window of bufsize bytes. */
static char *stream_transcript(const char *data, size_t len, size_t bufsize, size_t chunk, size_t fail_at,
			       char delim, size_t max_field, size_t max_record)
{
	struct src s = { data ? data : "", data ? len : 0, 0, chunk, fail_at };
	struct csv_reader *r = csv_open_read(src_read, &s, "t.csv", bufsize);
	char *t = transcript(r, delim, max_field, max_record);

	csv_close(r);
	return t;
}

/*
 * 0 when streaming data gives what csv_open_mem() gives, through windows
 * from 1 byte (the look-ahead must make it grow) to the default, with
 * short reads of 1 and 5 bytes and full reads.  Prints the first
 * difference.
 */
static int same_streamed(const char *data, size_t len, char delim, size_t max_field, size_t max_record)
{
	static const size_t bufsizes[] = { 1, 2, 3, 4, 7, 64, 0 };
	static const size_t chunks[] = { 1, 5, SIZE_MAX };
	struct csv_reader *r = csv_open_mem(data, len, "t.csv");
	char *want = transcript(r, delim, max_field, max_record);
	int rc = 0;

	csv_close(r);
	for (size_t b = 0; !rc && b < sizeof(bufsizes) / sizeof(bufsizes[0]); b++) {
		for (size_t c = 0; !rc && c < sizeof(chunks) / sizeof(chunks[0]); c++) {
			char *got = stream_transcript(data, len, bufsizes[b], chunks[c], SIZE_MAX, delim,
						      max_field, max_record);

			if (strcmp(got, want)) {
				fprintf(stderr, "window %zu, reads of %zu: streaming gave\n%s\nin memory\n%s\n",
					bufsizes[b], chunks[c], got, want);
				rc = -1;
			}
			free(got);
		}
	}
	free(want);
	return rc;
}

/*
 * Read every record of data (forcing delimiter delim unless it is 0) and
 * render it as "[f1][f2]\n" per record, "*" after the record when it is
 * all_empty, into out.  Returns the last csv_next() result (or < -1 when
 * out is too small, a field disagrees with its length, or streaming the
 * same data gives something else).  When it is -1
 * and rp is not NULL, the failed reader is left in *rp for the caller to
 * inspect and close.
 */
static int dump_opt(const char *data, size_t len, char delim, size_t max_field,
		    char *out, size_t outlen, struct csv_reader **rp)
{
	struct csv_reader *r;
	struct csv_row row;
	size_t o = 0;
	int rc;

	out[0] = '\0';
	/* every case read here is also streamed */
	if (same_streamed(data, len, delim, max_field, 0) < 0)
		return -5;
	r = csv_open_mem(data, len, "t.csv");
	if (!r)
		return -2;
	if (delim)
		csv_set_delimiter(r, delim);
	if (max_field)
		csv_set_max_field(r, max_field);
	while ((rc = csv_next(r, &row)) == 1) {
		for (size_t i = 0; i < row.nfields; i++) {
			/* the NUL terminator matches lens[] */
			if (strlen(row.fields[i]) != row.lens[i]) {
				rc = -3;
				goto out;
			}
			o += (size_t)snprintf(out + o, outlen - o, "[%s]",
					      row.fields[i]);
			if (o >= outlen) {
				rc = -4;
				goto out;
			}
		}
		o += (size_t)snprintf(out + o, outlen - o, "%s\n",
				      row.all_empty ? "*" : "");
		if (o >= outlen) {
			rc = -4;
			goto out;
		}
	}
out:
	if (rp && rc == -1) {
		*rp = r;
		r = NULL;
	}
	csv_close(r);
	return rc;
}

static int dump(const char *data, char *out, size_t outlen)
{
	return dump_opt(data, strlen(data), 0, 0, out, outlen, NULL);
}

/*
 * Read data (with field limit max_field unless 0) and expect an error;
 * returns the failed reader for inspection, or NULL.
 */
static struct csv_reader *expect_error_max(const char *data, size_t max_field)
{
	char out[4096];
	struct csv_reader *r = NULL;

	dump_opt(data, strlen(data), 0, max_field, out, sizeof(out), &r);
	return r;
}

/* Like expect_error_max(), for data of length len (NUL bytes allowed). */
static struct csv_reader *expect_error(const char *data, size_t len)
{
	char out[4096];
	struct csv_reader *r = NULL;

	dump_opt(data, len, 0, 0, out, sizeof(out), &r);
	return r;
}

TEST(comma_file)
{
	char out[256];
	struct csv_reader *r = csv_open_mem("a,b,c\n1,2,3\n", 12, "x.csv");

	CHECK(r);
	CHECK_INT_EQ(csv_delimiter(r), ',');
	CHECK_STR_EQ(csv_name(r), "x.csv");
	CHECK(csv_error(r) == NULL);
	csv_close(r);
	CHECK_INT_EQ(dump("a,b,c\n1,2,3\n", out, sizeof(out)), 0);
	CHECK_STR_EQ(out, "[a][b][c]\n[1][2][3]\n");
}

TEST(semicolon_file)
{
	char out[256];
	const char *in = "Họ tên;Ngày sinh;Ghi chú\nAn;1990-01-02;a,b\n";
	struct csv_reader *r = csv_open_mem(in, strlen(in), NULL);

	CHECK(r);
	CHECK_INT_EQ(csv_delimiter(r), ';');
	CHECK_STR_EQ(csv_name(r), "-");
	csv_close(r);
	CHECK_INT_EQ(dump(in, out, sizeof(out)), 0);
	CHECK_STR_EQ(out, "[Họ tên][Ngày sinh][Ghi chú]\n[An][1990-01-02][a,b]\n");
}

TEST(delimiter_detection)
{
	struct { const char *in; char want; } cases[] = {
		{ "a;b,c\n", ',' },		/* tie */
		{ "abc\n", ',' },		/* none */
		{ "", ',' },
		{ "a;b;c,d\n", ';' },
		{ "\"x,y,z\";b\n", ';' },	/* quoted commas do not count */
		{ "\"x;y;z\",b\n", ',' },
		{ "\"a\"\"b,c\";d\n", ';' },	/* "" inside quotes */
		{ "a;b\nc,d,e,f\n", ';' },	/* first record only */
		{ "\"a\nb,c,d\";e\n", ';' },	/* first record spans lines */
		{ "\n\r\na,b;c;d\n", ';' },	/* leading empty lines */
		{ "\xEF\xBB\xBF" "a;b\n", ';' },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct csv_reader *r = csv_open_mem(cases[i].in,
						    strlen(cases[i].in), "d");
		CHECK(r);
		if (csv_delimiter(r) != cases[i].want) {
			unit_fail(unit_failed_, __FILE__, __LINE__,
				  "case %zu: got '%c'", i, csv_delimiter(r));
			csv_close(r);
			return;
		}
		csv_close(r);
	}
}

TEST(forced_delimiter)
{
	char out[256];
	const char *in = "a;b,c;d\n";
	struct csv_reader *r = NULL;
	struct csv_row row;

	CHECK_INT_EQ(dump_opt(in, strlen(in), ',', 0, out, sizeof(out), NULL), 0);
	CHECK_STR_EQ(out, "[a;b][c;d]\n");
	CHECK_INT_EQ(dump_opt(in, strlen(in), 0, 0, out, sizeof(out), NULL), 0);
	CHECK_STR_EQ(out, "[a][b,c][d]\n");
	CHECK_INT_EQ(dump_opt("a\tb;c\n", 6, '\t', 0, out, sizeof(out), NULL), 0);
	CHECK_STR_EQ(out, "[a][b;c]\n");

	/* ignored after the first csv_next() */
	r = csv_open_mem("a,b\nc;d\n", 8, "f");
	CHECK(r);
	CHECK_INT_EQ(csv_next(r, &row), 1);
	csv_set_delimiter(r, ';');
	CHECK_INT_EQ(csv_delimiter(r), ',');
	CHECK_INT_EQ(csv_next(r, &row), 1);
	CHECK_INT_EQ(row.nfields, 1);
	csv_close(r);

	/* an impossible delimiter is an error */
	r = csv_open_mem("a,b\n", 4, "f");
	CHECK(r);
	csv_set_delimiter(r, '"');
	CHECK_INT_EQ(csv_next(r, &row), -1);
	CHECK(strstr(csv_error(r), "dấu phân cách") != NULL);
	csv_close(r);
}

TEST(utf8_bom_skipped)
{
	char out[256];

	CHECK_INT_EQ(dump("\xEF\xBB\xBF" "Mã;Tên\n1;A\n", out, sizeof(out)), 0);
	CHECK_STR_EQ(out, "[Mã][Tên]\n[1][A]\n");
	CHECK_INT_EQ(dump("\xEF\xBB\xBF", out, sizeof(out)), 0);
	CHECK_STR_EQ(out, "");
	/* a BOM later in the file is data, not skipped */
	CHECK_INT_EQ(dump("a\n\xEF\xBB\xBF" "b\n", out, sizeof(out)), 0);
	CHECK_STR_EQ(out, "[a]\n[\xEF\xBB\xBF" "b]\n");
}

TEST(utf16_bom_rejected)
{
	static const char le[] = "\xFF\xFE" "a\0,\0b\0";
	static const char be[] = "\xFE\xFF" "\0a\0,\0b";
	struct csv_reader *r;
	struct csv_row row;

	r = expect_error(le, sizeof(le) - 1);
	CHECK(r);
	CHECK_STR_EQ(csv_error(r), "tệp là UTF-16; hãy lưu lại dưới dạng CSV UTF-8");
	CHECK_INT_EQ(csv_error_row(r), 1);
	CHECK_INT_EQ(csv_error_col(r), 1);
	CHECK_INT_EQ(csv_next(r, &row), -1);	/* sticky */
	csv_close(r);
	r = expect_error(be, sizeof(be) - 1);
	CHECK(r);
	CHECK_STR_EQ(csv_error(r), "tệp là UTF-16; hãy lưu lại dưới dạng CSV UTF-8");
	csv_close(r);
}

TEST(line_ends)
{
	char out[256];
	const char *ins[] = {
		"a,b\r\nc,d\r\n",
		"a,b\rc,d\r",
		"a,b\nc,d\n",
		"a,b\r\nc,d",
		"a,b\rc,d\n",
	};
	struct csv_reader *r;
	struct csv_row row;

	for (size_t i = 0; i < sizeof(ins) / sizeof(ins[0]); i++) {
		CHECK_INT_EQ(dump(ins[i], out, sizeof(out)), 0);
		CHECK_STR_EQ(out, "[a][b]\n[c][d]\n");
	}

	r = csv_open_mem("h\r\n\r\nx\ry\r\n", 10, "l");
	CHECK(r);
	CHECK_INT_EQ(csv_next(r, &row), 1);
	CHECK_INT_EQ(row.line, 1);
	CHECK_INT_EQ(csv_next(r, &row), 1);
	CHECK_STR_EQ(row.fields[0], "x");
	CHECK_INT_EQ(row.row, 3);	/* the empty line is row 2 */
	CHECK_INT_EQ(row.line, 3);
	CHECK_INT_EQ(csv_next(r, &row), 1);
	CHECK_STR_EQ(row.fields[0], "y");
	CHECK_INT_EQ(row.line, 4);
	CHECK_INT_EQ(csv_next(r, &row), 0);
	csv_close(r);
}

TEST(last_line_without_newline)
{
	char out[256];

	CHECK_INT_EQ(dump("a;b\nc;d", out, sizeof(out)), 0);
	CHECK_STR_EQ(out, "[a][b]\n[c][d]\n");
	CHECK_INT_EQ(dump("a;b\n\"c\";\"d\"", out, sizeof(out)), 0);
	CHECK_STR_EQ(out, "[a][b]\n[c][d]\n");
	CHECK_INT_EQ(dump("x", out, sizeof(out)), 0);
	CHECK_STR_EQ(out, "[x]\n");
}

TEST(trailing_delimiter)
{
	char out[256];
	struct csv_reader *r = csv_open_mem("a;b;\nc;d;", 9, "t");
	struct csv_row row;

	CHECK(r);
	CHECK_INT_EQ(csv_next(r, &row), 1);
	CHECK_INT_EQ(row.nfields, 3);
	CHECK_INT_EQ(row.lens[2], 0);
	CHECK_STR_EQ(row.fields[2], "");
	CHECK_INT_EQ(csv_next(r, &row), 1);
	CHECK_INT_EQ(row.nfields, 3);
	CHECK_INT_EQ(row.lens[2], 0);
	CHECK_INT_EQ(csv_next(r, &row), 0);
	csv_close(r);
	CHECK_INT_EQ(dump(",a,\r\n", out, sizeof(out)), 0);
	CHECK_STR_EQ(out, "[][a][]\n");
}

TEST(quoted_fields)
{
	char out[256];

	/* quoted delimiter */
	CHECK_INT_EQ(dump("\"a;b\";c;d\n", out, sizeof(out)), 0);
	CHECK_STR_EQ(out, "[a;b][c][d]\n");
	CHECK_INT_EQ(dump("x,\"1,5\",y\n", out, sizeof(out)), 0);
	CHECK_STR_EQ(out, "[x][1,5][y]\n");
	/* doubled quotes */
	CHECK_INT_EQ(dump("\"say \"\"hi\"\"\",\"\"\"\",\"\"\n", out, sizeof(out)), 0);
	CHECK_STR_EQ(out, "[say \"hi\"][\"][]\n");
	/* a quote inside an unquoted field is literal */
	CHECK_INT_EQ(dump("5\" pipe,a\"\"b,c\"\n", out, sizeof(out)), 0);
	CHECK_STR_EQ(out, "[5\" pipe][a\"\"b][c\"]\n");
	/* a space before the quote makes the field unquoted */
	CHECK_INT_EQ(dump(" \"a,b\"\n", out, sizeof(out)), 0);
	CHECK_STR_EQ(out, "[ \"a][b\"]\n");
}

TEST(quoted_newline)
{
	const char *in = "id;note\n1;\"dòng một\ndòng hai\r\nba\rbốn\";x\n2;y\n";
	struct csv_reader *r = csv_open_mem(in, strlen(in), "q");
	struct csv_row row;

	CHECK(r);
	CHECK_INT_EQ(csv_next(r, &row), 1);
	CHECK_INT_EQ(row.row, 1);
	CHECK_INT_EQ(row.line, 1);
	CHECK_INT_EQ(csv_next(r, &row), 1);
	CHECK_INT_EQ(row.row, 2);
	CHECK_INT_EQ(row.line, 2);
	CHECK_INT_EQ(row.nfields, 3);
	/* line ends inside quotes are kept raw */
	CHECK_STR_EQ(row.fields[1], "dòng một\ndòng hai\r\nba\rbốn");
	CHECK_INT_EQ(row.lens[1], strlen("dòng một\ndòng hai\r\nba\rbốn"));
	CHECK_INT_EQ(csv_next(r, &row), 1);
	CHECK_INT_EQ(row.row, 3);
	CHECK_INT_EQ(row.line, 6);
	CHECK_STR_EQ(row.fields[0], "2");
	CHECK_INT_EQ(csv_next(r, &row), 0);
	CHECK_INT_EQ(csv_next(r, &row), 0);	/* end is sticky */
	csv_close(r);
}

TEST(unterminated_quote)
{
	const char *in = "a;b;c\n1;2;3\n4;\"open\nstill\n";
	struct csv_reader *r = expect_error(in, strlen(in));

	CHECK(r);
	CHECK(strstr(csv_error(r), "ngoặc kép") != NULL);
	CHECK(strstr(csv_error(r), "hết tệp") != NULL);
	CHECK_INT_EQ(csv_error_row(r), 3);
	CHECK_INT_EQ(csv_error_col(r), 2);
	CHECK_INT_EQ(csv_error_line(r), 3);
	csv_close(r);

	r = expect_error("\"", 1);
	CHECK(r);
	CHECK_INT_EQ(csv_error_row(r), 1);
	CHECK_INT_EQ(csv_error_col(r), 1);
	csv_close(r);

	/* the closing quote of "" is not a closing quote */
	r = expect_error("x,\"ab\"\"", 7);
	CHECK(r);
	CHECK_INT_EQ(csv_error_col(r), 2);
	csv_close(r);
}

TEST(junk_after_closing_quote)
{
	const char *in = "h1,h2\nok,\"ab\"c,d\n";
	struct csv_reader *r = expect_error(in, strlen(in));
	struct csv_row row;

	CHECK(r);
	CHECK_STR_EQ(csv_error(r), "ký tự thừa sau dấu ngoặc kép đóng");
	CHECK_INT_EQ(csv_error_row(r), 2);
	CHECK_INT_EQ(csv_error_col(r), 2);
	CHECK_INT_EQ(csv_error_line(r), 2);
	CHECK_INT_EQ(csv_next(r, &row), -1);
	csv_close(r);

	r = expect_error("\"a\" ,b\n", 7);	/* even a space */
	CHECK(r);
	CHECK_INT_EQ(csv_error_col(r), 1);
	csv_close(r);

	/* position after a multi-line field */
	r = expect_error("\"a\nb\"x\n", 7);
	CHECK(r);
	CHECK_INT_EQ(csv_error_row(r), 1);
	CHECK_INT_EQ(csv_error_line(r), 2);
	csv_close(r);
}

TEST(nul_byte)
{
	static const char in1[] = "a,b\nc,d\0e\n";
	static const char in2[] = "a,b\n\"x\ny\0\",z\n";
	struct csv_reader *r;

	r = expect_error(in1, sizeof(in1) - 1);
	CHECK(r);
	CHECK(strstr(csv_error(r), "NUL") != NULL);
	CHECK_INT_EQ(csv_error_row(r), 2);
	CHECK_INT_EQ(csv_error_col(r), 2);
	CHECK_INT_EQ(csv_error_line(r), 2);
	csv_close(r);

	r = expect_error(in2, sizeof(in2) - 1);
	CHECK(r);
	CHECK(strstr(csv_error(r), "NUL") != NULL);
	CHECK_INT_EQ(csv_error_row(r), 2);
	CHECK_INT_EQ(csv_error_col(r), 1);
	CHECK_INT_EQ(csv_error_line(r), 3);
	csv_close(r);
}

TEST(field_too_long)
{
	/* "h\n", a field of exactly the default limit, one of limit + 1 */
	size_t n = CSV_MAX_FIELD_DEFAULT, len = 2 + n + 1 + n + 1 + 1;
	char *in = malloc(len), msg[256] = "", buf[64];
	struct csv_reader *r = NULL;
	struct csv_row row;
	int rc1 = 0, rc2 = 0, rc3 = 0;
	size_t len2 = 0;
	long erow = 0, ecol = 0, eline = 0;

	CHECK(in);
	memcpy(in, "h\n", 2);
	memset(in + 2, 'x', n);
	in[2 + n] = '\n';
	memset(in + 3 + n, 'y', n + 1);
	in[len - 1] = '\n';
	r = csv_open_mem(in, len, "big");
	if (r) {
		rc1 = csv_next(r, &row);
		rc2 = csv_next(r, &row);
		len2 = rc2 == 1 ? row.lens[0] : 0;
		rc3 = csv_next(r, &row);
		if (csv_error(r))
			snprintf(msg, sizeof(msg), "%s", csv_error(r));
		erow = csv_error_row(r);
		ecol = csv_error_col(r);
		eline = csv_error_line(r);
		csv_close(r);
	}
	free(in);
	CHECK(r);
	CHECK_INT_EQ(rc1, 1);
	CHECK_INT_EQ(rc2, 1);
	CHECK_INT_EQ(len2, n);
	CHECK_INT_EQ(rc3, -1);
	CHECK(strncmp(msg, "ô quá dài", strlen("ô quá dài")) == 0);
	CHECK_INT_EQ(erow, 3);
	CHECK_INT_EQ(ecol, 1);
	CHECK_INT_EQ(eline, 3);

	/* a caller-set limit; "" counts as one byte */
	CHECK_INT_EQ(dump_opt("abcd,\"ab\"\"c\"\n", 13, 0, 4, buf, sizeof(buf), NULL), 0);
	CHECK_STR_EQ(buf, "[abcd][ab\"c]\n");
	r = expect_error_max("a,abcde\n", 4);
	CHECK(r);
	CHECK_INT_EQ(csv_error_col(r), 2);
	CHECK(strstr(csv_error(r), "ô quá dài") != NULL);
	csv_close(r);
	/* a quoted field with a newline is limited too */
	r = expect_error_max("\"ab\ncde\"\n", 4);
	CHECK(r);
	CHECK(strstr(csv_error(r), "ô quá dài") != NULL);
	csv_close(r);
}

/* Empty lines are not returned, but each is a spreadsheet row. */
TEST(empty_lines_skipped_but_counted)
{
	const char *in = "\n\r\nh1;h2\n\n\r\na;b\r\n\r\n\n";
	struct csv_reader *r = csv_open_mem(in, strlen(in), "e");
	struct csv_row row;
	char out[64];

	CHECK(r);
	CHECK_INT_EQ(csv_next(r, &row), 1);
	CHECK_STR_EQ(row.fields[0], "h1");
	CHECK_INT_EQ(row.row, 3);
	CHECK_INT_EQ(row.line, 3);
	CHECK_INT_EQ(csv_next(r, &row), 1);
	CHECK_STR_EQ(row.fields[1], "b");
	CHECK_INT_EQ(row.row, 6);
	CHECK_INT_EQ(row.line, 6);
	CHECK_INT_EQ(csv_next(r, &row), 0);
	csv_close(r);

	CHECK_INT_EQ(dump("\n\n\r\n", out, sizeof(out)), 0);
	CHECK_STR_EQ(out, "");
	CHECK_INT_EQ(dump("", out, sizeof(out)), 0);
	CHECK_STR_EQ(out, "");
	CHECK_INT_EQ(dump_opt(NULL, 0, 0, 0, out, sizeof(out), NULL), 0);
	/* a line with only a space is not empty */
	CHECK_INT_EQ(dump("a\n \nb\n", out, sizeof(out)), 0);
	CHECK_STR_EQ(out, "[a]\n[ ]\n[b]\n");
}

/* Rows after empty lines, and errors there, carry the spreadsheet row. */
TEST(rows_after_empty_lines)
{
	const char *in = "h;k\n1;2\n\n\n3;4\n;;\n5;\"x\"y\n";
	struct csv_reader *r = csv_open_mem(in, strlen(in), "e");
	struct csv_row row;

	CHECK(r);
	CHECK_INT_EQ(csv_next(r, &row), 1);
	CHECK_INT_EQ(row.row, 1);
	CHECK_INT_EQ(csv_next(r, &row), 1);
	CHECK_INT_EQ(row.row, 2);
	CHECK_INT_EQ(csv_next(r, &row), 1);
	CHECK_STR_EQ(row.fields[0], "3");
	CHECK_INT_EQ(row.row, 5);
	CHECK_INT_EQ(csv_next(r, &row), 1);
	CHECK_INT_EQ(row.all_empty, 1);
	CHECK_INT_EQ(row.row, 6);
	CHECK_INT_EQ(csv_next(r, &row), -1);
	CHECK_INT_EQ(csv_error_row(r), 7);
	CHECK_INT_EQ(csv_error_col(r), 2);
	CHECK_INT_EQ(csv_error_line(r), 7);
	csv_close(r);

	/* CRLF and lone CR blank lines count once each */
	r = csv_open_mem("h\r\n\r\n\r\rx\r\n", 10, "e");
	CHECK(r);
	CHECK_INT_EQ(csv_next(r, &row), 1);
	CHECK_INT_EQ(csv_next(r, &row), 1);
	CHECK_STR_EQ(row.fields[0], "x");
	CHECK_INT_EQ(row.row, 5);
	CHECK_INT_EQ(row.line, 5);
	csv_close(r);
}

TEST(all_empty_row_flagged)
{
	const char *in = "a;b;c\n;;\n1;;\n\"\";\"\";\n";
	struct csv_reader *r = csv_open_mem(in, strlen(in), "e");
	struct csv_row row;

	CHECK(r);
	CHECK_INT_EQ(csv_next(r, &row), 1);
	CHECK_INT_EQ(row.all_empty, 0);
	CHECK_INT_EQ(csv_next(r, &row), 1);
	CHECK_INT_EQ(row.all_empty, 1);
	CHECK_INT_EQ(row.nfields, 3);
	CHECK_INT_EQ(row.row, 2);
	CHECK_INT_EQ(csv_next(r, &row), 1);
	CHECK_INT_EQ(row.all_empty, 0);
	CHECK_INT_EQ(row.row, 3);
	CHECK_INT_EQ(csv_next(r, &row), 1);
	CHECK_INT_EQ(row.all_empty, 1);
	CHECK_INT_EQ(row.row, 4);
	CHECK_INT_EQ(csv_next(r, &row), 0);
	csv_close(r);
}

TEST(vietnamese_byte_exact)
{
	/* NFC and NFD forms, a non-breaking space and invalid UTF-8 all
	 * pass through untouched; nothing is trimmed */
	const char *f1 = "Nguyễn Thị Ánh Tuyết";
	const char *f2 = "Nguye\xCC\x82\xCC\x83n";	/* NFD */
	const char *f3 = "  Đà Nẵng\xC2\xA0 ";
	const char *f4 = "\xC3\x28\xFF";
	char in[256], want[256], out[256];

	snprintf(in, sizeof(in), "%s;\"%s\";%s;%s\n", f1, f2, f3, f4);
	snprintf(want, sizeof(want), "[%s][%s][%s][%s]\n", f1, f2, f3, f4);
	CHECK_INT_EQ(dump(in, out, sizeof(out)), 0);
	CHECK_STR_EQ(out, want);
}

TEST(many_fields)
{
	size_t n = 5000;
	char *in = malloc(2 * n + 1);
	struct csv_reader *r;
	struct csv_row row;
	int ok = 1;

	CHECK(in);
	for (size_t i = 0; i < n; i++) {
		in[2 * i] = (char)('a' + i % 26);
		in[2 * i + 1] = i + 1 < n ? ';' : '\n';
	}
	r = csv_open_mem(in, 2 * n, "m");
	if (!r || csv_next(r, &row) != 1 || row.nfields != n)
		ok = 0;
	for (size_t i = 0; ok && i < n; i++)
		if (row.lens[i] != 1 || row.fields[i][0] != (char)('a' + i % 26))
			ok = 0;
	csv_close(r);
	free(in);
	CHECK(ok);
}

/* A scratch directory for the file tests; removed by cleanup_dir(). */
static char tmpdir[64];

static int make_dir(void)
{
	snprintf(tmpdir, sizeof(tmpdir), "/tmp/test_csv.XXXXXX");
	return mkdtemp(tmpdir) != NULL;
}

static int write_file(const char *path, const char *data, size_t len)
{
	FILE *f = fopen(path, "wb");
	int ok;

	if (!f)
		return 0;
	ok = fwrite(data, 1, len, f) == len;
	return fclose(f) == 0 && ok;
}

TEST(open_file)
{
	char path[128], err[256];
	struct csv_reader *r;
	struct csv_row row;
	int ok;

	CHECK(make_dir());
	snprintf(path, sizeof(path), "%s/ok.csv", tmpdir);
	ok = write_file(path, "\xEF\xBB\xBF" "a;b\r\n1;2\r\n", 13);
	r = ok ? csv_open_file(path, err, sizeof(err)) : NULL;
	ok = r && strcmp(csv_name(r), path) == 0 && csv_delimiter(r) == ';' &&
	     csv_next(r, &row) == 1 && strcmp(row.fields[0], "a") == 0 &&
	     csv_next(r, &row) == 1 && strcmp(row.fields[1], "2") == 0 &&
	     csv_next(r, &row) == 0;
	csv_close(r);
	unlink(path);
	rmdir(tmpdir);
	CHECK(ok);
}

TEST(open_file_errors)
{
	char path[128], err[256];
	struct csv_reader *r;

	CHECK(make_dir());
	snprintf(path, sizeof(path), "%s/missing.csv", tmpdir);
	r = csv_open_file(path, err, sizeof(err));
	if (r)
		csv_close(r);
	CHECK(r == NULL);
	CHECK(strncmp(err, "không mở được '", strlen("không mở được '")) == 0);
	CHECK(strstr(err, path) != NULL);
	CHECK(strstr(err, sys_msg(ENOENT)) != NULL);

	r = csv_open_file(tmpdir, err, sizeof(err));
	rmdir(tmpdir);
	if (r)
		csv_close(r);
	CHECK(r == NULL);
	CHECK(strstr(err, "thư mục") != NULL);

	/* a tiny err buffer is truncated without splitting a character */
	r = csv_open_file("/nonexistent/x.csv", err, 4);
	CHECK(r == NULL);
	CHECK_STR_EQ(err, "kh");
	/* err may be NULL when errlen is 0 */
	CHECK(csv_open_file("/nonexistent/x.csv", NULL, 0) == NULL);
}

TEST(open_file_empty_and_pipe)
{
	char err[256];
	struct csv_reader *r;
	struct csv_row row;
	int rc;

	/* /dev/null is not a regular file and has no size */
	r = csv_open_file("/dev/null", err, sizeof(err));
	CHECK(r);
	CHECK_INT_EQ(csv_next(r, &row), 0);
	csv_close(r);
	/* /dev/zero never ends; its first byte is a NUL, and the delimiter
	 * detection before it stops after CSV_MAX_RECORD_DEFAULT bytes */
	r = csv_open_file("/dev/zero", err, sizeof(err));
	CHECK(r);
	rc = csv_next(r, &row);
	snprintf(err, sizeof(err), "%s", rc < 0 ? csv_error(r) : "");
	csv_close(r);
	CHECK_INT_EQ(rc, -1);
	CHECK(strstr(err, "NUL") != NULL);
}

/*
 * Streaming: every input of the cases above that open a reader directly,
 * and inputs cut at awkward places, give the same records, positions and
 * errors through tiny windows and short reads as in memory.
 */
TEST(streaming_same_as_memory)
{
	static const struct { const char *in; size_t len; } cases[] = {
#define S(s) { s, sizeof(s) - 1 }
		S("a,b,c\n1,2,3\n"), S("Họ tên;Ngày sinh;Ghi chú\nAn;1990-01-02;a,b\n"),
		S("a;b,c\n"), S("abc\n"), S(""), S("a;b;c,d\n"), S("\"x,y,z\";b\n"), S("\"x;y;z\",b\n"),
		S("\"a\"\"b,c\";d\n"), S("a;b\nc,d,e,f\n"), S("\"a\nb,c,d\";e\n"), S("\n\r\na,b;c;d\n"),
		S("\xEF\xBB\xBF" "a;b\n"), S("a,b\nc;d\n"), S("h\r\n\r\nx\ry\r\n"), S("a;b;\nc;d;"),
		S("id;note\n1;\"dòng một\ndòng hai\r\nba\rbốn\";x\n2;y\n"), S("\n\r\nh1;h2\n\n\r\na;b\r\n\r\n\n"),
		S("h;k\n1;2\n\n\n3;4\n;;\n5;\"x\"y\n"), S("h\r\n\r\n\r\rx\r\n"), S("a;b;c\n;;\n1;;\n\"\";\"\";\n"),
		S("\xFF\xFE" "a\0,\0b\0"), S("\xFE\xFF" "\0a\0,\0b"), S("a,b\nc,d\0e\n"), S("a,b\n\"x\ny\0\",z\n"),
		/* a BOM, CRLF, "" and a closing quote cut by every window size */
		S("\xEF\xBB\xBF"), S("\xEF\xBB"), S("\xEF"), S("\xFF"), S("\xEF\xBB\xBF\r\n\r\nx;y\r\n"),
		S("\r"), S("\r\n"), S("\r\r\n\n"), S("a\r"), S("a,\"b"), S("\"a\"\""), S("\"a\"\"\""),
		S("\"\"\"\"\"\",\"\r\n\",\"\r\"\r\n\"\n\"\r\n"), S("x,\"ab\"\"cd\"\"ef\"\"\",y\r\nz\r\n"),
		S("\"a\"\r\n\"b\"\r"), S("\"a\"x\r\n"), S("a,\"b\0\""), S(",,,\r\n,,\r\n,"),
		/* a quoted field across many windows, the delimiter late in a
		 * long first record, a record longer than the window */
		S("h;\"0123456789\r\n0123456789\"\"0123456789\r0123456789\n0123456789\";t\r\n1;2;3\r\n"),
		S("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa;b;c\n1,2\n"),
		S("\"aaaaaaaaaaaaaaaaaaaaaaaa;aaaaaaaaaaa\r\naaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\",b,c;d\n1;2\n"),
		S("h\nxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx,yyyyyyyyyyyyyyyyyyyyyyyyyyyyy\n"),
#undef S
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		if (same_streamed(cases[i].in, cases[i].len, 0, 0, 0) < 0 ||
		    same_streamed(cases[i].in, cases[i].len, ';', 0, 0) < 0 ||
		    same_streamed(cases[i].in, cases[i].len, 0, 3, 0) < 0 ||
		    same_streamed(cases[i].in, cases[i].len, 0, 0, 8) < 0) {
			unit_fail(unit_failed_, __FILE__, __LINE__, "case %zu differs", i);
			return;
		}
	}
}

/* The big inputs of field_too_long and many_fields, streamed. */
TEST(streaming_big_records)
{
	size_t n = CSV_MAX_FIELD_DEFAULT, len = 2 + n + 1 + n + 1 + 1, nf = 5000;
	char *in = malloc(len > 2 * nf ? len : 2 * nf);
	int rc1, rc2;

	CHECK(in);
	memcpy(in, "h\n", 2);
	memset(in + 2, 'x', n);
	in[2 + n] = '\n';
	memset(in + 3 + n, 'y', n + 1);
	in[len - 1] = '\n';
	rc1 = same_streamed(in, len, 0, 0, 0);
	for (size_t i = 0; i < nf; i++) {
		in[2 * i] = (char)('a' + i % 26);
		in[2 * i + 1] = i + 1 < nf ? ';' : '\n';
	}
	rc2 = same_streamed(in, 2 * nf, 0, 0, 0);
	free(in);
	CHECK_INT_EQ(rc1, 0);
	CHECK_INT_EQ(rc2, 0);
}

/* A first record longer than the window still decides the delimiter. */
TEST(streaming_long_first_record)
{
	char in[600];
	struct src s;
	struct csv_reader *r;
	struct csv_row row;

	/* 500 bytes, then the semicolons; one comma in the next record */
	memset(in, 'a', 500);
	snprintf(in + 500, sizeof(in) - 500, ";b;c\n1,2;3\n");
	s = (struct src){ in, strlen(in), 0, 7, SIZE_MAX };
	r = csv_open_read(src_read, &s, "long", 16);
	CHECK(r);
	CHECK_INT_EQ(csv_delimiter(r), ';');
	CHECK_INT_EQ(csv_next(r, &row), 1);
	CHECK_INT_EQ(row.nfields, 3);
	CHECK_INT_EQ(row.lens[0], 500);
	CHECK_INT_EQ(csv_next(r, &row), 1);
	CHECK_STR_EQ(row.fields[0], "1,2");
	CHECK_INT_EQ(csv_next(r, &row), 0);
	csv_close(r);
}

/*
 * The delimiter detection looks at the first CSV_MAX_RECORD_DEFAULT bytes
 * of the first record only (streaming must not hold more), in memory too.
 */
TEST(detection_limit)
{
	size_t n = CSV_MAX_RECORD_DEFAULT, len = n + 8;
	char *in = malloc(len), *a, *b;
	struct src s;
	struct csv_reader *r1, *r2;

	CHECK(in);
	/* ";" then commas inside the window, five more commas beyond it */
	memset(in, ',', 1);
	memset(in + 1, 'x', n - 3);
	memcpy(in + n - 2, ";;,,,,,,\n", 9);
	r1 = csv_open_mem(in, len, "m");
	s = (struct src){ in, len, 0, SIZE_MAX, SIZE_MAX };
	r2 = csv_open_read(src_read, &s, "m", 0);
	a = transcript(r1, 0, 0, 0);
	b = transcript(r2, 0, 0, 0);
	csv_close(r1);
	csv_close(r2);
	free(in);
	CHECK(strncmp(a, "delimiter ;", 11) == 0);
	CHECK_STR_EQ(a, b);
	free(a);
	free(b);
}

TEST(record_too_long)
{
	struct csv_reader *r = NULL;
	char out[64];
	size_t nf = CSV_MAX_RECORD_DEFAULT / (CSV_MAX_FIELD_DEFAULT + 1), len = (nf + 1) * (CSV_MAX_FIELD_DEFAULT + 1);
	char *in = malloc(len);
	struct csv_row row;
	int rc1 = 0, rc2 = 0;

	/* a caller-set limit: fields plus one byte each */
	CHECK_INT_EQ(dump_opt("a\nabc,def\n", 10, 0, 0, out, sizeof(out), NULL), 0);
	r = csv_open_mem("a\nabc,def\n", 10, "t");
	CHECK(r);
	csv_set_max_record(r, 7);
	CHECK_INT_EQ(csv_next(r, &row), 1);
	CHECK_INT_EQ(csv_next(r, &row), -1);
	CHECK_STR_EQ(csv_error(r), "dòng quá dài (tối đa 7 byte)");
	CHECK_INT_EQ(csv_error_row(r), 2);
	CHECK_INT_EQ(csv_error_col(r), 2);
	CHECK_INT_EQ(csv_error_line(r), 2);
	csv_close(r);
	r = csv_open_mem("abc,de\n", 7, "t");
	CHECK(r);
	csv_set_max_record(r, 7);
	CHECK_INT_EQ(csv_next(r, &row), 1);	/* exactly the limit */
	csv_close(r);

	/* the default: nf fields of the longest fill it exactly, one more
	 * byte is too much */
	CHECK(in);
	for (size_t i = 0; i <= nf; i++) {
		memset(in + i * (CSV_MAX_FIELD_DEFAULT + 1), 'x', CSV_MAX_FIELD_DEFAULT);
		in[(i + 1) * (CSV_MAX_FIELD_DEFAULT + 1) - 1] = ',';
	}
	in[nf * (CSV_MAX_FIELD_DEFAULT + 1) - 1] = '\n';
	r = csv_open_mem(in, len, "big");
	if (r) {
		rc1 = csv_next(r, &row) == 1 && row.nfields == nf;
		in[nf * (CSV_MAX_FIELD_DEFAULT + 1) - 1] = ',';
		csv_close(r);
	}
	in[len - 1] = '\n';
	r = csv_open_mem(in, len, "big");
	if (r) {
		rc2 = csv_next(r, &row) == -1 && strstr(csv_error(r), "dòng quá dài") &&
		      csv_error_col(r) == (long)nf + 1;
		csv_close(r);
	}
	free(in);
	CHECK(rc1);
	CHECK(rc2);
}

TEST(too_many_fields)
{
	char *in = malloc(2 * CSV_MAX_FIELDS + 2);
	struct csv_reader *r;
	struct csv_row row;
	char msg[128] = "";
	int ok1 = 0, rc = 0;
	long col = 0;

	CHECK(in);
	/* CSV_MAX_FIELDS fields, then one more */
	memset(in, ';', 2 * CSV_MAX_FIELDS + 1);
	in[CSV_MAX_FIELDS - 1] = '\n';
	r = csv_open_mem(in, 2 * CSV_MAX_FIELDS + 1, "w");
	if (r) {
		ok1 = csv_next(r, &row) == 1 && row.nfields == CSV_MAX_FIELDS && row.all_empty;
		rc = csv_next(r, &row);
		if (rc < 0) {
			snprintf(msg, sizeof(msg), "%s", csv_error(r));
			col = csv_error_col(r);
		}
		csv_close(r);
	}
	free(in);
	CHECK(ok1);
	CHECK_INT_EQ(rc, -1);
	CHECK_STR_EQ(msg, "dòng có quá nhiều ô (tối đa 16384)");
	CHECK_INT_EQ(col, CSV_MAX_FIELDS + 1);
}

/* A read error stops the reader where it happens, never looks like EOF. */
TEST(read_error)
{
	static const char in[] = "h1,h2\n1,2\n3,\"long\nquoted\"\n5,6\n";
	char want[256];
	struct src s;
	struct csv_reader *r;
	struct csv_row row;

	snprintf(want, sizeof(want), "không đọc được 't.csv': %s", sys_msg(EIO));

	/* in the third record (inside the quoted field) */
	s = (struct src){ in, sizeof(in) - 1, 0, 3, 20 };
	r = csv_open_read(src_read, &s, "t.csv", 4);
	CHECK(r);
	CHECK_INT_EQ(csv_next(r, &row), 1);
	CHECK_INT_EQ(csv_next(r, &row), 1);
	CHECK_STR_EQ(row.fields[1], "2");
	CHECK_INT_EQ(csv_next(r, &row), -1);
	CHECK_STR_EQ(csv_error(r), want);
	CHECK_INT_EQ(csv_error_row(r), 3);
	CHECK_INT_EQ(csv_error_col(r), 2);
	CHECK_INT_EQ(csv_error_line(r), 4);
	CHECK_INT_EQ(csv_next(r, &row), -1);	/* sticky */
	CHECK_STR_EQ(csv_error(r), want);
	csv_close(r);

	/* right after a complete record: the record is not returned short */
	s = (struct src){ in, sizeof(in) - 1, 0, 100, 8 };
	r = csv_open_read(src_read, &s, "t.csv", 0);
	CHECK(r);
	CHECK_INT_EQ(csv_next(r, &row), 1);
	CHECK_INT_EQ(csv_next(r, &row), -1);
	CHECK_STR_EQ(csv_error(r), want);
	CHECK_INT_EQ(csv_error_row(r), 2);
	csv_close(r);

	/* at the start: reported by the first csv_next() */
	s = (struct src){ in, sizeof(in) - 1, 0, 100, 0 };
	r = csv_open_read(src_read, &s, "t.csv", 0);
	CHECK(r);
	CHECK_INT_EQ(csv_next(r, &row), -1);
	CHECK_STR_EQ(csv_error(r), want);
	CHECK_INT_EQ(csv_error_row(r), 1);
	CHECK_INT_EQ(csv_error_col(r), 1);
	CHECK_INT_EQ(csv_error_line(r), 1);
	csv_close(r);
}

/* A real file of many windows reads as the same bytes in memory. */
TEST(open_file_streams)
{
	char path[128], err[256];
	struct text t = { NULL, 0, 0 };
	struct csv_reader *r;
	char *a = NULL, *b = NULL;
	int ok;

	CHECK(make_dir());
	snprintf(path, sizeof(path), "%s/big.csv", tmpdir);
	text_add(&t, "\xEF\xBB\xBF" "STT;Họ và tên;Ghi chú\r\n", strlen("\xEF\xBB\xBF" "STT;Họ và tên;Ghi chú\r\n"));
	for (int i = 1; t.len < 5 * CSV_BUFFER_DEFAULT; i++) {
		text_addf(&t, "%d;Nguyễn Thị Hoa %d;\"ghi \"\"chú\"\"\r\ndòng hai %d\"\r\n", i, i, i);
		if (i % 997 == 0)	/* now and then a field longer than a window (limit raised) */
			for (size_t k = 0; k < CSV_BUFFER_DEFAULT / 8 + 3; k++)
				text_add(&t, "abcdefgh", 8);
	}
	ok = write_file(path, t.buf, t.len);
	r = ok ? csv_open_file(path, err, sizeof(err)) : NULL;
	a = transcript(r, 0, 4 * CSV_BUFFER_DEFAULT, 0);
	csv_close(r);
	r = csv_open_mem(t.buf, t.len, path);
	b = transcript(r, 0, 4 * CSV_BUFFER_DEFAULT, 0);
	csv_close(r);
	free(t.buf);
	unlink(path);
	rmdir(tmpdir);
	ok = ok && strcmp(a, b) == 0 && strstr(a, "end 0") && strstr(a, "dòng hai 997");
	free(a);
	free(b);
	CHECK(ok);
}

TEST(open_file_read_error)
{
	char err[256], want[256];
	struct csv_reader *r;

	/* /proc/self/mem opens, but reading at address 0 fails (EIO) */
#ifdef _WIN32
	SKIP("needs Linux's /proc/self/mem, a file that opens and then fails to read (EIO); "
	     "Windows has none (under Wine it is a Linux file that Wine reads with EINVAL)");
#endif
	if (access("/proc/self/mem", R_OK) != 0)
		SKIP("no readable /proc/self/mem (a Linux without /proc)");
	r = csv_open_file("/proc/self/mem", err, sizeof(err));
	if (r)
		csv_close(r);
	snprintf(want, sizeof(want), "không đọc được '/proc/self/mem': %s", sys_msg(EIO));
	CHECK(r == NULL);
	CHECK_STR_EQ(err, want);
}
