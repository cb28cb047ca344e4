/*
 * test_platform.c - the portable helpers of platform.c: the folder of a
 * path (platform_dir_of), its last separator and whether it is absolute,
 * on both builds (the unit tests also run as .exe under Wine, where '\'
 * and drive letters count).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "platform.h"
#include "unit.h"
#include "banned.h"

/* platform_dir_of(path) must be want (freed before comparing) */
#define DIR_IS(path, want) do {                                              \
	char *d_ = platform_dir_of(path), got_[512];                        \
	snprintf(got_, sizeof(got_), "%s", d_ ? d_ : "(null)");              \
	free(d_);                                                            \
	CHECK_STR_EQ(got_, want);                                            \
} while (0)

TEST(dir_of_a_path)
{
	DIR_IS("so.db", ".");
	DIR_IS("", ".");
	DIR_IS("ketqua/so.db", "ketqua");
	DIR_IS("a/b/c.xlsx", "a/b");
	DIR_IS("/so.db", "/");
	DIR_IS("/tmp/Tài liệu/Sổ xã.db", "/tmp/Tài liệu");
#ifdef _WIN32
	DIR_IS("ketqua\\bieu-mau\\01.xlsx", "ketqua\\bieu-mau");
	DIR_IS("ketqua\\bieu-mau/01.xlsx", "ketqua\\bieu-mau");
	DIR_IS("C:\\so.db", "C:\\");
	DIR_IS("C:\\Hiệp thương\\so.db", "C:\\Hiệp thương");
#else
	DIR_IS("ket\\qua.db", ".");	/* '\' is a character of a name */
#endif
}

TEST(last_separator_and_absolute)
{
	const char *p = "a/b/c", *q = "a\\b/c\\d";

	CHECK(platform_last_sep(p) == p + 3);
	CHECK(platform_last_sep("abc") == NULL);
	CHECK(platform_is_absolute("/x"));
	CHECK(!platform_is_absolute("x/y"));
#ifdef _WIN32
	CHECK(platform_last_sep(q) == q + 5);
	CHECK(platform_is_absolute("C:\\x"));
	CHECK(platform_is_absolute("\\\\server\\x"));
#else
	CHECK(platform_last_sep(q) == q + 3);
#endif
}
