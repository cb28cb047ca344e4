/* test_csv.c - unit tests for the CSV reader (src/csv.c). */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "csv.h"
#include "unit.h"
#include "banned.h"

/*
 * Read every record of data (forcing delimiter delim unless it is 0) and
 * render it as "[f1][f2]\n" per record, "*" after the record when it is
 * all_empty, into out.  Returns the last csv_next() result (or < -1 when
 * out is too small or a field disagrees with its length).  When it is -1
 * and rp is not NULL, the failed reader is left in *rp for the caller to
 * inspect and close.
 */
static int dump_opt(const char *data, size_t len, char delim, size_t max_field,
		    char *out, size_t outlen, struct csv_reader **rp)
{
	struct csv_reader *r = csv_open_mem(data, len, "t.csv");
	struct csv_row row;
	size_t o = 0;
	int rc;

	out[0] = '\0';
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
	CHECK(strstr(err, strerror(ENOENT)) != NULL);

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
