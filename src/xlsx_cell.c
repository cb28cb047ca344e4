/*
 * xlsx_cell.c - the values of a list's cells; see xlsx_cell.h.
 */
#include <stdint.h>
#include <unicode/unorm2.h>
#include <unicode/utf16.h>
#include "text.h"
#include "xlsx_cell.h"
#include "banned.h"

#define STABLE_BELOW 0x2100

/*
 * Bit c is set when code point c (below STABLE_BELOW) is kept by
 * text_clean() and has NFC quick check "yes" and combining class 0: a
 * string of such code points is NFC whatever their order.  Asked of ICU
 * once per process, so that the set follows ICU's data, not a list typed
 * here.
 */
static uint8_t stable[STABLE_BELOW / 8];
static int stable_ready;

static void stable_init(void)
{
	UErrorCode e = U_ZERO_ERROR;
	const UNormalizer2 *nfc = unorm2_getNFCInstance(&e);

	stable_ready = 1;
	if (U_FAILURE(e))
		return;		/* every value then goes through text_clean() */
	for (uint32_t c = 0; c < STABLE_BELOW; c++) {
		UChar u[2];
		int32_t n = 0;
		UBool err = 0;

		if ((c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7F && c <= 0x9F))
			continue;	/* removed by text_clean() */
		U16_APPEND(u, n, 2, (UChar32)c, err);
		e = U_ZERO_ERROR;
		if (!err && unorm2_getCombiningClass(nfc, (UChar32)c) == 0 &&
		    unorm2_quickCheck(nfc, u, n, &e) == UNORM_YES && U_SUCCESS(e))
			stable[c / 8] |= (uint8_t)(1u << (c % 8));
	}
}

int cell_text_is_clean(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	if (len > TEXT_MAX_LEN)
		return 0;
	if (!stable_ready)
		stable_init();
	/*
	 * One pass: only the well-formed sequences of code points below
	 * STABLE_BELOW are decoded (C2..DF xx, E0 A0..BF xx, E1 xx xx,
	 * E2 80..83 xx); anything else, valid or not, is left to
	 * text_clean().
	 */
	while (i < len) {
		uint32_t c = p[i];

		if (c < 0x80) {
			i++;
		} else if (c >= 0xC2 && c <= 0xDF && i + 1 < len && (p[i + 1] & 0xC0) == 0x80) {
			c = ((c & 0x1F) << 6) | (p[i + 1] & 0x3F);
			i += 2;
		} else if (c >= 0xE0 && c <= 0xE2 && i + 2 < len && (p[i + 1] & 0xC0) == 0x80 &&
			   (p[i + 2] & 0xC0) == 0x80 && (c != 0xE0 || p[i + 1] >= 0xA0)) {
			c = ((c & 0x0F) << 12) | ((uint32_t)(p[i + 1] & 0x3F) << 6) | (p[i + 2] & 0x3F);
			i += 3;
		} else {
			return 0;
		}
		if (c >= STABLE_BELOW || !(stable[c / 8] & (1u << (c % 8))))
			return 0;
	}
	return 1;
}
