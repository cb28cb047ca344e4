/* test_xlsx_read.c - unit tests for the .xlsx reader's pure parts (src/xlsx_read.c). */
#include <string.h>

#include "xlsx_read.h"
#include "unit.h"
#include "banned.h"

#define SERIAL(v, sys, what, want) do {                                         \
	char buf_[32];                                                          \
	CHECK(xlsx_serial_text((v), (sys), (what), buf_, sizeof(buf_)) == 0);   \
	CHECK_STR_EQ(buf_, (want));                                             \
} while (0)

TEST(serial_1900_system)
{
	char buf[32];

	SERIAL(1, 0, 1, "01/01/1900");
	SERIAL(59, 0, 1, "28/02/1900");
	/* 60 is Excel's 29/02/1900, a day that never was */
	CHECK(xlsx_serial_text(60, 0, 1, buf, sizeof(buf)) < 0);
	SERIAL(61, 0, 1, "01/03/1900");
	SERIAL(29459, 0, 1, "26/08/1980");
	SERIAL(46082, 0, 1, "01/03/2026");
	CHECK(xlsx_serial_text(-1, 0, 1, buf, sizeof(buf)) < 0);
	CHECK(xlsx_serial_text(0, 0, 1, buf, sizeof(buf)) < 0);
}

TEST(serial_1904_system)
{
	SERIAL(0, 1, 1, "01/01/1904");
	/* the same day is 1462 less in the 1904 system */
	SERIAL(46082 - 1462, 1, 1, "01/03/2026");
}

TEST(serial_times)
{
	SERIAL(0.5, 0, 2, "12:00");
	SERIAL(46082.6875, 0, 3, "01/03/2026 16:30");
	SERIAL(46082.6875, 0, 1, "01/03/2026");
	/* 23:59:59.9 rounds to the next day's 00:00 */
	SERIAL(46082.99999999, 0, 3, "02/03/2026");
	SERIAL(46082.0, 0, 3, "01/03/2026");
}

TEST(format_kinds)
{
	CHECK(xlsx_format_kind(0, NULL) == 0);
	CHECK(xlsx_format_kind(14, NULL) == 1);
	CHECK(xlsx_format_kind(20, NULL) == 2);
	CHECK(xlsx_format_kind(22, NULL) == 3);
	CHECK(xlsx_format_kind(-1, "dd/mm/yyyy") == 1);
	CHECK(xlsx_format_kind(-1, "[$-42A]dd/mm/yyyy") == 1);
	CHECK(xlsx_format_kind(-1, "h:mm") == 2);
	CHECK(xlsx_format_kind(-1, "dd/mm/yyyy hh:mm") == 3);
	CHECK(xlsx_format_kind(-1, "mmm") == 1);
	CHECK(xlsx_format_kind(-1, "0.00") == 0);
	CHECK(xlsx_format_kind(-1, "0 \"ngày\"") == 0);
	CHECK(xlsx_format_kind(-1, "[Red]0.00") == 0);
	CHECK(xlsx_format_kind(-1, "#,##0;[Red]-#,##0") == 0);
	CHECK(xlsx_format_kind(-1, "[h]:mm") == 2);
}

TEST(column_names)
{
	char b[8];

	xlsx_col_name(1, b, sizeof(b));
	CHECK_STR_EQ(b, "A");
	xlsx_col_name(26, b, sizeof(b));
	CHECK_STR_EQ(b, "Z");
	xlsx_col_name(27, b, sizeof(b));
	CHECK_STR_EQ(b, "AA");
	xlsx_col_name(16384, b, sizeof(b));
	CHECK_STR_EQ(b, "XFD");
}

TEST(sniffing)
{
	static const unsigned char zip[] = "PK\003\004xxxx", cfb[] = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };
	static const unsigned char le[] = { 0xFF, 0xFE, 'a', 0 }, be[] = { 0xFE, 0xFF, 0, 'a' };
	static const unsigned char csv[] = "STT;Họ và tên";
	unsigned char enc[64] = { 0 };
	const char *name = "EncryptedPackage";

	CHECK(xlsx_sniff(zip, 8) == XLSX_KIND_ZIP);
	CHECK(xlsx_sniff(cfb, 8) == XLSX_KIND_CFB);
	CHECK(xlsx_sniff(le, 4) == XLSX_KIND_UTF16LE);
	CHECK(xlsx_sniff(be, 4) == XLSX_KIND_UTF16BE);
	CHECK(xlsx_sniff(csv, sizeof(csv) - 1) == XLSX_KIND_TEXT);
	CHECK(xlsx_sniff(zip, 1) == XLSX_KIND_TEXT);
	for (size_t i = 0; name[i]; i++)
		enc[10 + 2 * i] = (unsigned char)name[i];
	CHECK(xlsx_cfb_is_encrypted(enc, sizeof(enc)));
	CHECK(!xlsx_cfb_is_encrypted(enc, 20));
}
