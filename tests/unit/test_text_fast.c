/*
 * test_text_fast.c - the fast paths of text_clean(), text_trim_collapse()
 * and text_fold_nfd() (issue 8: characters whose ICU properties and folded
 * forms are cached, text that is NFC without asking ICU) give exactly what
 * the slow path gives: the same operations done here directly with ICU, on
 * tricky strings and on random strings of tricky characters.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "sbuf.h"
#include "text.h"
#include "unit.h"
#include "banned.h"

static void put_utf8(struct sbuf *sb, uint32_t cp)
{
	char b[4];
	size_t n;

	if (cp < 0x80) {
		b[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		b[0] = (char)(0xC0 | cp >> 6);
		b[1] = (char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		b[0] = (char)(0xE0 | cp >> 12);
		b[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		b[2] = (char)(0x80 | (cp & 0x3F));
		n = 3;
	} else {
		b[0] = (char)(0xF0 | cp >> 18);
		b[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		b[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		b[3] = (char)(0x80 | (cp & 0x3F));
		n = 4;
	}
	sbuf_add(sb, b, n);
}

static int is_control(uint32_t cp)
{
	return (cp < 0x20 && cp != '\t' && cp != '\n') || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F);
}

/* text_clean() as text.h describes it, with ICU and nothing cached. */
static char *ref_clean(const char *s, size_t len)
{
	struct sbuf kept = SBUF_INIT;
	UChar u[1024], v[4096];
	int32_t n = 0, m;
	UErrorCode e = U_ZERO_ERROR;
	char *out;

	if (!text_utf8_valid(s, len, NULL))
		return NULL;
	for (size_t i = 0; i < len;) {
		uint32_t cp = text_utf8_next(s, len, &i);
		if (!is_control(cp) && u_charType((UChar32)cp) != U_FORMAT_CHAR)
			put_utf8(&kept, cp);
	}
	u_strFromUTF8(u, 1024, &n, kept.buf, (int32_t)kept.len, &e);
	m = unorm2_normalize(unorm2_getNFCInstance(&e), u, n, v, 4096, &e);
	out = xmalloc((size_t)m * 3 + 1);
	u_strToUTF8(out, m * 3 + 1, &n, v, m, &e);
	sbuf_release(&kept);
	if (U_FAILURE(e)) {
		free(out);
		return xstrdup("(ICU failed in the test)");
	}
	return out;
}

/* text_trim_collapse() as text.h describes it, asking ICU every time. */
static char *ref_trim(const char *s)
{
	struct sbuf sb = SBUF_INIT;
	size_t len = strlen(s);
	int pending = 0;

	for (size_t i = 0; i < len;) {
		uint32_t cp = text_utf8_next(s, len, &i);
		if (u_isUWhiteSpace((UChar32)cp)) {
			pending = 1;
			continue;
		}
		if (pending && sb.len)
			sbuf_addch(&sb, ' ');
		pending = 0;
		put_utf8(&sb, cp);
	}
	return sbuf_detach(&sb, NULL);
}

/* text_fold_nfd() as text.h describes it: NFD, fold, NFD by ICU on the
 * whole string. */
static char *ref_fold_nfd(const char *s)
{
	UChar u[1024], v[4096], w[4096];
	int32_t n = 0, m;
	UErrorCode e = U_ZERO_ERROR;
	const UNormalizer2 *nfd = unorm2_getNFDInstance(&e);
	char *out;

	u_strFromUTF8(u, 1024, &n, s, -1, &e);
	m = unorm2_normalize(nfd, u, n, v, 4096, &e);
	m = u_strFoldCase(w, 4096, v, m, U_FOLD_CASE_DEFAULT, &e);
	m = unorm2_normalize(nfd, w, m, v, 4096, &e);
	out = xmalloc((size_t)m * 3 + 1);
	u_strToUTF8(out, m * 3 + 1, &n, v, m, &e);
	if (U_FAILURE(e)) {
		free(out);
		return xstrdup("(ICU failed in the test)");
	}
	return out;
}

/* text_fold_nfd() agrees on NUL-terminated valid s: 1, or 0 after reporting. */
static int same_fold(int *unit_failed_, const char *s)
{
	char *f1 = text_fold_nfd(s), *f2 = ref_fold_nfd(s);
	int ok = f1 && !strcmp(f1, f2);

	if (!ok)
		unit_fail(unit_failed_, __FILE__, __LINE__, "text_fold_nfd('%s'): '%s', ICU says '%s'", s,
			  f1 ? f1 : "(null)", f2);
	free(f1);
	free(f2);
	return ok;
}

/* text_trim_collapse() agrees on NUL-terminated valid s: 1, or 0 after reporting. */
static int same_trim(int *unit_failed_, const char *s)
{
	char *t1 = text_trim_collapse(s), *t2 = ref_trim(s);
	int ok = t1 && !strcmp(t1, t2);

	if (!ok)
		unit_fail(unit_failed_, __FILE__, __LINE__, "text_trim_collapse('%s'): '%s', ICU says '%s'", s,
			  t1 ? t1 : "(null)", t2);
	free(t1);
	free(t2);
	return ok;
}

/* Both paths agree on s[0..len), cleaned and then trimmed, and on s
 * trimmed as it is: 1, or 0 after reporting. */
static int same(int *unit_failed_, const char *s, size_t len)
{
	char *got = text_clean(s, len, NULL), *want = ref_clean(s, len);
	int ok = (!got && !want) || (got && want && !strcmp(got, want));

	if (!ok)
		unit_fail(unit_failed_, __FILE__, __LINE__, "text_clean('%.*s'): '%s', ICU says '%s'", (int)len, s,
			  got ? got : "(null)", want ? want : "(null)");
	else if (got)
		ok = same_trim(unit_failed_, got) && same_fold(unit_failed_, got) &&
		     (strlen(s) != len || (same_trim(unit_failed_, s) && same_fold(unit_failed_, s)));
	free(got);
	free(want);
	return ok;
}

#define SAME(lit) do { if (!same(unit_failed_, lit, sizeof(lit) - 1)) return; } while (0)

TEST(fast_paths_match_icu_on_tricky_strings)
{
	SAME("");
	SAME("Nguyen Van An");				/* ASCII */
	SAME("Nguyễn Thị Đào, phường Tân An");	/* NFC Vietnamese: inert */
	SAME("Nguye\xcc\x82\xcc\x83n");			/* decomposed ễ */
	SAME("Nghie\xcc\x82\xcc\xa3m");			/* marks out of order */
	SAME("Ho\xcc\x80" "a");				/* o + grave composes */
	SAME("\xcc\x81" "abc");				/* a mark with no base */
	SAME("a\x01\xcc\x81");				/* control between base and mark */
	SAME("a\xc2\x85\xcc\x81");			/* C1 control (NEL) between them */
	SAME("\xe2\x84\xab");				/* U+212B ANGSTROM SIGN: NFC_QC No */
	SAME("\xcd\x80\xcd\x84");			/* U+0340, U+0344: NFC_QC No */
	SAME("\xe0\xa5\x98");				/* U+0958: composition exclusion */
	SAME("\xe1\x84\x80\xe1\x85\xa1\xe1\x86\xa8");	/* Hangul L V T jamo compose */
	SAME("\xea\xb0\x80\xe1\x86\xa8");		/* LV syllable + T jamo */
	SAME("\xf0\x9d\x85\x9e");			/* U+1D15E: decomposes, non-BMP */
	SAME("\xf0\x9f\x98\x80 \xe2\x80\x8b \xef\xbb\xbf");	/* emoji, ZWSP, BOM */
	SAME("a\xc2\xa0\xe3\x80\x80\xe2\x80\xa8 b\t\n\x0b\x0c\r");	/* white space of all kinds */
	SAME("\xe1\x9a\x80x\xe2\x80\x8a");		/* U+1680, U+200A */
	SAME("\xc6\xa1\xcc\x80 \xc6\xb0\xcc\xa3");	/* ơ + grave, ư + dot below */
	SAME("\xc3\xa9\xcc\xa3");			/* é + dot below: reordered, recomposed */
	SAME("a\xcd\x85\xcc\x81");			/* ypogegrammeni (ccc 240) before acute */
	SAME("a\xcc\x85\xcc\xb4");			/* U+0305 (ccc 230) before U+0334 (ccc 1): */
	SAME("x\xcc\x85\xcc\x96");			/* ... reordered; both NFC_QC Yes */
	SAME("ĐÀO Stra\xc3\x9f" "e \xc4\xb0" "stanbul");	/* Đ, ß -> ss, İ -> i + U+0307 */
	SAME("\xe1\xbe\x82\xcd\x85");			/* U+1F82, U+0345: folding makes iota */
	SAME("\xe0\xbd\xb3\xe0\xbd\xb1");		/* U+0F73: ccc 0, NFD begins with a mark */
	SAME("\xc7\x85\xe1\xba\x9e");			/* U+01C5 Dž, U+1E9E capital sharp s */
}

TEST(fast_paths_match_icu_on_random_strings)
{
	static const uint32_t alphabet[] = {
		'a', 'o', 'E', ' ', '\t', '\n', '\r', 0x01, 0x0B, 0x1F, 0x7F, 0x85, 0x9F, 0xA0, 0xC0, 0xE9,
		0x0110, 0x0111, 0x01A1, 0x01B0, 0x0300, 0x0301, 0x0302, 0x0303, 0x0306, 0x0309, 0x031B, 0x0323,
		0x0305, 0x0316, 0x0334, 0x0340, 0x0344, 0x0345, 0x0958, 0x1100, 0x1161, 0x11A8, 0x1680, 0x1EA1, 0x1EC5, 0x1EF9, 0x2000,
		0x200B, 0x2028, 0x2126, 0x212B, 0x0130, 0x00DF, 0x1E9E, 0x1F82, 0x0F73, 0x0F71, 0x01C5, 0x0390, 0x03A3, 0x3000, 0xAC00, 0xFEFF, 0x10000, 0x1D15E, 0x1F600,
	};
	const size_t na = sizeof(alphabet) / sizeof(alphabet[0]);
	uint32_t x = 2021;

	for (int k = 0; k < 20000; k++) {
		struct sbuf sb = SBUF_INIT;
		size_t n;
		int ok;

		x = x * 1103515245u + 12345u;
		n = (x >> 16) % 10;
		for (size_t i = 0; i < n; i++) {
			x = x * 1103515245u + 12345u;
			put_utf8(&sb, alphabet[(x >> 16) % na]);
		}
		ok = same(unit_failed_, sb.buf, sb.len);
		sbuf_release(&sb);
		if (!ok)
			return;
	}
}

TEST(fast_paths_refuse_what_is_not_utf8)
{
	static const char *const bad[] = {
		"\xff", "\xc0\xaf", "\xe0\x80\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xe1\xbb", "\x80", "\xc3",
	};
	static const char *const before[] = {
		"", "abc", "Nguy\xe1\xbb\x85n ", "e\xcc\x81", "\xf0\x9f\x98\x80", "\xe2\x84\xab", " \t",
	};

	for (size_t b = 0; b < sizeof(before) / sizeof(before[0]); b++) {
		for (size_t k = 0; k < sizeof(bad) / sizeof(bad[0]); k++) {
			struct sbuf sb = SBUF_INIT;
			size_t want = 0, got = 9999;
			char *r;

			sbuf_addstr(&sb, before[b]);
			sbuf_addstr(&sb, bad[k]);
			sbuf_addstr(&sb, "x\xcc\x81y");
			CHECK(!text_utf8_valid(sb.buf, sb.len, &want));
			CHECK_INT_EQ(want, strlen(before[b]));
			r = text_clean(sb.buf, sb.len, &got);
			CHECK(r == NULL);
			CHECK_INT_EQ(got, want);
			CHECK(text_trim_collapse(sb.buf) == NULL);
			CHECK(text_fold_nfd(sb.buf) == NULL);
			CHECK(text_loose_key(sb.buf) == NULL);
			CHECK(!text_equal_fold(sb.buf, sb.buf));
			sbuf_release(&sb);
		}
	}
}
