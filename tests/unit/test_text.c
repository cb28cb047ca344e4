/*
 * test_text.c - UTF-8 hygiene (text.c): validation, cleaning, case.
 *
 * Byte strings are written with escapes where the exact bytes matter
 * (NFD versus NFC), so an editor that normalises the source cannot change
 * what is tested.
 */
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "unit.h"
#include "banned.h"

/* text_clean() of a string literal (embedded NULs included). */
#define CLEAN(lit, off) text_clean(lit, sizeof(lit) - 1, off)

/* got (malloc'd) equals want; frees got. */
#define CHECK_STR_FREE(got, want) do {                                   \
	char *g_ = (got);                                                \
	int ok_ = g_ && strcmp(g_, want) == 0;                           \
	if (!ok_) {                                                      \
		unit_fail(unit_failed_, __FILE__, __LINE__,              \
			  "%s: '%s' != '%s'", #got,                      \
			  g_ ? g_ : "(null)", want);                     \
		free(g_);                                                \
		return;                                                  \
	}                                                                \
	free(g_);                                                        \
	} while (0)

/* text_clean must reject lit with the first bad byte at offset want. */
#define CHECK_BAD(lit, want) do {                                        \
	size_t off_ = 9999;                                              \
	char *r_ = CLEAN(lit, &off_);                                    \
	int valid_ = text_utf8_valid(lit, sizeof(lit) - 1, NULL);        \
	free(r_);                                                        \
	CHECK(r_ == NULL);                                               \
	CHECK(!valid_);                                                  \
	CHECK_INT_EQ(off_, want);                                        \
	} while (0)

TEST(clean_nfd_to_nfc)
{
	/* Nguyễn: "e" + U+0302 + U+0303 -> U+1EC5 */
	CHECK_STR_FREE(CLEAN("Nguye\xcc\x82\xcc\x83n", NULL),
		       "Nguy\xe1\xbb\x85n");
	/* Hằng: "a" + U+0306 + U+0300 -> U+1EB1 */
	CHECK_STR_FREE(CLEAN("Ha\xcc\x86\xcc\x80ng", NULL),
		       "H\xe1\xba\xb1ng");
	/* ệ with its marks in non-canonical order */
	CHECK_STR_FREE(CLEAN("Nghie\xcc\x82\xcc\xa3m", NULL),
		       "Nghi\xe1\xbb\x87m");
	/* NFC input comes back unchanged */
	CHECK_STR_FREE(CLEAN("Nguyễn Thị Đào", NULL), "Nguyễn Thị Đào");
	CHECK_STR_FREE(CLEAN("", NULL), "");
}

TEST(clean_controls)
{
	/* C0 controls, DEL, C1 controls (U+0085, U+009F) go */
	CHECK_STR_FREE(CLEAN("a\x01" "b\x1f" "c\x7f" "d\xc2\x85" "e\xc2\x9f" "f",
			     NULL), "abcdef");
	/* NUL inside the length goes too */
	CHECK_STR_FREE(CLEAN("a\0b", NULL), "ab");
	/* U+00A0 is not a control; U+00A0..U+00FF stay */
	CHECK_STR_FREE(CLEAN("a\xc2\xa0" "b\xc3\xa9", NULL),
		       "a\xc2\xa0" "b\xc3\xa9");
	/* a control between a letter and its mark: removed, then composed */
	CHECK_STR_FREE(CLEAN("e\x01\xcc\x81", NULL), "\xc3\xa9");
	/* only len bytes are read */
	CHECK_STR_FREE(text_clean("abc\xff", 3, NULL), "abc");
}

TEST(clean_cr_tab_lf)
{
	CHECK_STR_FREE(CLEAN("a\r\nb\rc\n", NULL), "a\nbc\n");
	CHECK_STR_FREE(CLEAN("a\tb\nc", NULL), "a\tb\nc");
	CHECK_STR_FREE(CLEAN("\r\n\t\r", NULL), "\n\t");
}

TEST(invalid_utf8_offsets)
{
	CHECK_BAD("ab\xc0\xaf", 2);		/* overlong 2-byte '/' */
	CHECK_BAD("\xc1\xbf", 0);		/* overlong 2-byte */
	CHECK_BAD("x\xe0\x80\xaf", 1);		/* overlong 3-byte */
	CHECK_BAD("\xf0\x8f\xbf\xbf", 0);	/* overlong 4-byte */
	CHECK_BAD("abc\xe1\xbb", 3);		/* truncated at the end */
	CHECK_BAD("\xe1\xbbx", 0);		/* truncated in the middle */
	CHECK_BAD("Nguy\xe1\xbb\x85n\xc3", 8);	/* truncated after text */
	CHECK_BAD("xy\xed\xa0\x80", 2);		/* surrogate U+D800 */
	CHECK_BAD("\xed\xbf\xbf", 0);		/* surrogate U+DFFF */
	CHECK_BAD("\xf4\x90\x80\x80", 0);	/* U+110000 */
	CHECK_BAD("\xf5\x80\x80\x80", 0);	/* F5 lead */
	CHECK_BAD("\xff", 0);
	CHECK_BAD("a\x80", 1);			/* stray continuation */
	CHECK_BAD("\xc3\xa9\xa9", 2);		/* one continuation too many */

	/* the edges that are valid */
	CHECK(text_utf8_valid("\xed\x9f\xbf", 3, NULL));	/* U+D7FF */
	CHECK(text_utf8_valid("\xee\x80\x80", 3, NULL));	/* U+E000 */
	CHECK(text_utf8_valid("\xf4\x8f\xbf\xbf", 4, NULL));	/* U+10FFFF */
	CHECK(text_utf8_valid("\xf0\x9f\x98\x80", 4, NULL));	/* emoji */
	CHECK(text_utf8_valid("\xc2\x80", 2, NULL));		/* U+0080 */
	CHECK(text_utf8_valid("\xe0\xa0\x80", 3, NULL));	/* U+0800 */
	CHECK(text_utf8_valid(NULL, 0, NULL));
}

TEST(utf8_next)
{
	static const char s[] = "a\xc3\xa9\xe1\xbb\x85\xf0\x9f\x98\x80";
	size_t i = 0, n = sizeof(s) - 1;

	CHECK_INT_EQ(text_utf8_next(s, n, &i), 0x61);
	CHECK_INT_EQ(i, 1);
	CHECK_INT_EQ(text_utf8_next(s, n, &i), 0xE9);
	CHECK_INT_EQ(text_utf8_next(s, n, &i), 0x1EC5);
	CHECK_INT_EQ(text_utf8_next(s, n, &i), 0x1F600);
	CHECK_INT_EQ(i, n);
}

TEST(utf8_count)
{
	CHECK_INT_EQ(text_utf8_count("Nguy\xe1\xbb\x85n"), 6);
	CHECK_INT_EQ(text_utf8_count("Nguye\xcc\x82\xcc\x83n"), 8);
	CHECK_INT_EQ(text_utf8_count("Ngày, tháng, năm sinh"), 21);
	CHECK_INT_EQ(text_utf8_count(""), 0);
	CHECK_INT_EQ(text_utf8_count(NULL), 0);
}

TEST(upper)
{
	CHECK_STR_FREE(text_upper("nguyễn thị đào"), "NGUYỄN THỊ ĐÀO");
	/* NFD in, NFC out */
	CHECK_STR_FREE(text_upper("nguye\xcc\x82\xcc\x83n"),
		       "NGUY\xe1\xbb\x84N");
	CHECK_STR_FREE(text_upper("phượng ước ằ ẵ ẩ ỡ ự ỹ"),
		       "PHƯỢNG ƯỚC Ằ Ẵ Ẩ Ỡ Ự Ỹ");
	/* "vi" is not Turkish: i -> I, not İ */
	CHECK_STR_FREE(text_upper("linh"), "LINH");
	CHECK_STR_FREE(text_upper(""), "");
	CHECK(text_upper("\xc0\xaf") == NULL);
	CHECK(text_upper(NULL) == NULL);
}

TEST(trim_collapse)
{
	CHECK_STR_FREE(text_trim_collapse("  Nguyễn \t\n Thị  Đào \r\n"),
		       "Nguyễn Thị Đào");
	/* NBSP, IDEOGRAPHIC SPACE, EN SPACE count as white space */
	CHECK_STR_FREE(text_trim_collapse("\xc2\xa0" "a\xe3\x80\x80\xe2\x80\x82"
					  "b\xc2\xa0"), "a b");
	CHECK_STR_FREE(text_trim_collapse("a b"), "a b");
	CHECK_STR_FREE(text_trim_collapse(" \t "), "");
	CHECK_STR_FREE(text_trim_collapse(""), "");
	/* not white space: ZERO WIDTH SPACE U+200B stays */
	CHECK_STR_FREE(text_trim_collapse("a\xe2\x80\x8b" "b"),
		       "a\xe2\x80\x8b" "b");
	CHECK(text_trim_collapse("a\xff") == NULL);
}

TEST(fold_nfd)
{
	/* Đ folds to đ (no decomposition), À to a + U+0300 */
	CHECK_STR_FREE(text_fold_nfd("ĐÀO"), "\xc4\x91" "a\xcc\x80o");
	CHECK_STR_FREE(text_fold_nfd("ABC xyz"), "abc xyz");
	/* ß folds to ss (full folding) */
	CHECK_STR_FREE(text_fold_nfd("Stra\xc3\x9f" "e"), "strasse");
	CHECK(text_fold_nfd("\xed\xa0\x80") == NULL);
}

TEST(equal_fold)
{
	CHECK(text_equal_fold("NGÀY, THÁNG, NĂM SINH",
			      " ngày,  tháng, năm sinh "));
	CHECK(text_equal_fold("Ngày, tháng, năm sinh",
			      "nga\xcc\x80y, tha\xcc\x81ng, na\xcc\x86m sinh"));
	CHECK(text_equal_fold("Họ và tên", "HỌ\tVÀ\nTÊN"));
	CHECK(text_equal_fold("", "  "));
	CHECK(!text_equal_fold("Ngày tháng", "Ngày, tháng"));
	CHECK(!text_equal_fold("Hòa", "Hoà"));	/* tone placement differs */
	CHECK(!text_equal_fold("Dung", "Đung"));
	CHECK(!text_equal_fold("Nam", "Năm"));
	CHECK(!text_equal_fold("a\xff", "a\xff"));
	CHECK(!text_equal_fold(NULL, ""));
	CHECK(!text_equal_fold("", NULL));
}
