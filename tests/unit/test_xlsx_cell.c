/*
 * test_xlsx_cell.c - the cheap "already clean" test of cell values agrees
 * with text_clean() and with ICU.
 */
#include <stdlib.h>
#include <string.h>
#include <unicode/unorm2.h>
#include <unicode/uchar.h>
#include <unicode/utf16.h>
#include "text.h"
#include "unit.h"
#include "xlsx_cell.h"

static size_t utf8(uint32_t c, char *out)
{
	if (c < 0x80) {
		out[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		out[0] = (char)(0xC0 | (c >> 6));
		out[1] = (char)(0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000) {
		out[0] = (char)(0xE0 | (c >> 12));
		out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		out[2] = (char)(0x80 | (c & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (c >> 18));
	out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
	out[3] = (char)(0x80 | (c & 0x3F));
	return 4;
}

/* text_clean(s) == s */
static int clean_keeps(const char *s, size_t len)
{
	char *c = text_clean(s, len, NULL);
	int same = c && strlen(c) == len && !memcmp(c, s, len);

	free(c);
	return same;
}

/* Every code point said clean is kept by text_clean(), has combining
 * class 0 and NFC quick check "yes"; every one said not clean is one of
 * those text_clean() changes, or one ICU does not vouch for. */
TEST(each_code_point)
{
	UErrorCode e = U_ZERO_ERROR;
	const UNormalizer2 *nfc = unorm2_getNFCInstance(&e);
	int n_clean = 0;

	CHECK(U_SUCCESS(e));
	for (uint32_t c = 0; c < 0x110000; c++) {
		char s[4];
		size_t len;
		UChar u[2];
		int32_t n = 0;
		UBool err = 0;
		int clean, stable;

		if (c >= 0xD800 && c <= 0xDFFF)
			continue;
		len = utf8(c, s);
		clean = text_is_clean(s, len);
		U16_APPEND(u, n, 2, (UChar32)c, err);
		e = U_ZERO_ERROR;
		stable = !err && unorm2_getCombiningClass(nfc, (UChar32)c) == 0 && unorm2_quickCheck(nfc, u, n, &e) == UNORM_YES;
		if (clean) {
			n_clean++;
			CHECK(stable);
			CHECK(clean_keeps(s, len));
		} else if (c < 0x2100 && stable && c >= 0x20 && c != 0x7F && !(c >= 0x80 && c <= 0x9F) &&
			   u_charType((UChar32)c) != U_FORMAT_CHAR) {	/* format characters are removed */
			CHECK(!"a stable code point below U+2100 is not said clean");
		}
	}
	CHECK(n_clean > 5000);
}

TEST(strings)
{
	static const char *const clean[] = {
		"", "Nguyễn Thị Hoa", "thôn 5, xã Lộc Sơn, Việt Nam", "Mẫu số 05/BCĐBHĐND-MT", "…………………… (1)",
		"Đại học – Cử nhân “Luật”", "tab\there", "two\nlines", "ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM",
	};
	static const char *const unclean[] = {
		"Nguye\xcc\x82\xcc\x83n",	/* NFD: text_clean composes it */
		"cr\r\n", "nul\x01", "del\x7f", "c1 \xc2\x85", "bad \xff", "short \xe1\xbb",
		"a\xcc\x81",			/* a + combining acute */
		"\xc0\x80", "\xc1\xbf", "\xe0\x80\x80", "\xe0\x9f\xbf",	/* overlong */
		"\x80", "x\xc3", "\xe1\xbb", "\xed\xa0\x80", "\xf0\x9f\x98\x80",
	};

	for (size_t i = 0; i < sizeof(clean) / sizeof(clean[0]); i++) {
		CHECK(text_is_clean(clean[i], strlen(clean[i])));
		CHECK(clean_keeps(clean[i], strlen(clean[i])));
	}
	for (size_t i = 0; i < sizeof(unclean) / sizeof(unclean[0]); i++)
		CHECK(!text_is_clean(unclean[i], strlen(unclean[i])));
	/* a length is a length: the NUL inside is a control */
	CHECK(!text_is_clean("a\0b", 3));
	CHECK(text_is_clean("ab", 2));
}
