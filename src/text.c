/*
 * text.c - UTF-8 text hygiene (see text.h for the contract).
 *
 * UTF-8 validation and decoding are done here by hand (a table-3-7 state
 * check is short, and it must report the offset of the bad byte, which
 * ICU's converters do not).  Everything that needs Unicode data (NFC, NFD,
 * case folding, upper case, the White_Space property) is ICU's.
 *
 * ICU works in UTF-16, so the functions below convert UTF-8 -> UTF-16,
 * apply one or more operations (u16_apply()) and convert back.  Where the
 * result is known without converting, they take a short cut: ICU's
 * answers for single characters of the BMP are cached (White_Space, NFC
 * quick check, the folded form), and text that needs no more than those
 * never goes to UTF-16.  tests/unit/test_text_fast.c checks the short
 * cuts against ICU on tricky and random text.
 */
#include <stdio.h>
#include <stdlib.h>
#include <pthread.h>
#include <stdatomic.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "text.h"
#include "banned.h"

/* ---- memory ---------------------------------------------------------- */

static void text_die(const char *what)
{
	fprintf(stderr, "hiepthuong: fatal: %s\n", what);
	abort();
}

static void *text_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		text_die("out of memory");
	return p;
}

/*
 * An ICU error that is not a "buffer too small" means out of memory or
 * missing ICU data: neither is the caller's fault, and neither can be
 * handled sensibly, so stop.
 */
static void text_icu_check(UErrorCode e, const char *what)
{
	char msg[128];

	if (U_SUCCESS(e))
		return;
	snprintf(msg, sizeof(msg), "ICU %s failed: %s", what, u_errorName(e));
	text_die(msg);
}

/* ---- UTF-8 ----------------------------------------------------------- */

/*
 * The well-formed sequence that starts with the non-ASCII byte p[0], of at
 * most `avail` bytes: its length (2..4) with its code point in *cp, or 0
 * when it is ill-formed (table 3-7).  The checks of text_utf8_valid(),
 * shared by the functions below that validate while they work (one pass
 * over each cell instead of two or three).
 */
static size_t utf8_seq(const unsigned char *p, size_t avail, uint32_t *cp)
{
	unsigned char c = p[0], lo = 0x80, hi = 0xBF;
	size_t need;
	uint32_t v;

	if (c >= 0xC2 && c <= 0xDF) {
		need = 1;
		v = c & 0x1Fu;
	} else if (c >= 0xE0 && c <= 0xEF) {
		need = 2;
		v = c & 0x0Fu;
		if (c == 0xE0)
			lo = 0xA0;		/* overlong below U+0800 */
		else if (c == 0xED)
			hi = 0x9F;		/* surrogates U+D800..U+DFFF */
	} else if (c >= 0xF0 && c <= 0xF4) {
		need = 3;
		v = c & 0x07u;
		if (c == 0xF0)
			lo = 0x90;		/* overlong below U+10000 */
		else if (c == 0xF4)
			hi = 0x8F;		/* above U+10FFFF */
	} else {
		return 0;	/* 80..BF stray continuation, C0/C1 overlong, F5..FF */
	}
	if (avail - 1 < need || p[1] < lo || p[1] > hi)
		return 0;
	v = (v << 6) | (p[1] & 0x3Fu);
	for (size_t k = 2; k <= need; k++) {
		if (p[k] < 0x80 || p[k] > 0xBF)
			return 0;
		v = (v << 6) | (p[k] & 0x3Fu);
	}
	*cp = v;
	return need + 1;
}

/* Past the ASCII bytes at p[i..len), eight at a time. */
static size_t skip_ascii(const unsigned char *p, size_t i, size_t len)
{
	uint64_t w;

	while (len - i >= 8) {
		memcpy(&w, p + i, 8);
		if (w & UINT64_C(0x8080808080808080))
			break;
		i += 8;
	}
	while (i < len && p[i] < 0x80)
		i++;
	return i;
}

int text_utf8_valid(const char *s, size_t len, size_t *bad_offset)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, n;
	uint32_t cp;

	while ((i = skip_ascii(p, i, len)) < len) {
		if (!(n = utf8_seq(p + i, len - i, &cp))) {
			if (bad_offset)
				*bad_offset = i;
			return 0;
		}
		i += n;
	}
	return 1;
}

uint32_t text_utf8_next(const char *s, size_t len, size_t *i)
{
	const unsigned char *p = (const unsigned char *)s + *i;
	uint32_t cp;
	size_t n;

	(void)len;
	if (p[0] < 0x80) {
		cp = p[0];
		n = 1;
	} else if (p[0] < 0xE0) {
		cp = p[0] & 0x1Fu;
		n = 2;
	} else if (p[0] < 0xF0) {
		cp = p[0] & 0x0Fu;
		n = 3;
	} else {
		cp = p[0] & 0x07u;
		n = 4;
	}
	for (size_t k = 1; k < n; k++)
		cp = (cp << 6) | (p[k] & 0x3Fu);
	*i += n;
	return cp;
}

size_t text_utf8_count(const char *s)
{
	size_t n = 0;

	if (!s)
		return 0;
	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

/* 1 if s is non-NULL, valid UTF-8 and not too long; sets *len = strlen(s). */
static int text_valid_str(const char *s, size_t *len)
{
	if (!s)
		return 0;
	*len = strlen(s);
	return *len <= TEXT_MAX_LEN && text_utf8_valid(s, *len, NULL);
}

/* ---- per-character properties, cached ------------------------------- */

/*
 * Every cell of every import asks, for each character, whether it is
 * white space and whether it may change under NFC; asking ICU each time
 * (and converting each cell to UTF-16 first) was 12 % of a candidate
 * import (issue 8).  ICU's answers for the Basic Multilingual Plane are
 * kept in two bitmaps, filled one block of 256 code points at a time when
 * a character of the block is first seen; other planes ask ICU.
 *
 *  white  the White_Space property (u_isUWhiteSpace), as before;
 *  inert  NFC_Quick_Check = Yes and canonical combining class 0: a string
 *         made only of such characters is in NFC (UAX #15, the quick
 *         check's "Yes"), so text_clean() can return it as it is.
 */
static uint32_t bmp_white[0x10000 / 32], bmp_inert[0x10000 / 32], bmp_format[0x10000 / 32];
static _Atomic unsigned char bmp_block_done[0x100];

/*
 * The caches are filled lazily and export reads the book in three threads
 * (the gate, the rows read ahead, the writer): a block is filled under
 * fill_lock and published by its flag (release); a reader that sees the
 * flag (acquire) sees the block.
 */
static pthread_mutex_t fill_lock = PTHREAD_MUTEX_INITIALIZER;

static void bmp_fill(uint32_t block)
{
	pthread_mutex_lock(&fill_lock);
	if (atomic_load_explicit(&bmp_block_done[block], memory_order_relaxed)) {
		pthread_mutex_unlock(&fill_lock);
		return;
	}
	for (uint32_t cp = block << 8; cp < (block + 1) << 8; cp++) {
		uint32_t bit = 1u << (cp % 32);

		if (u_isUWhiteSpace((UChar32)cp))
			bmp_white[cp / 32] |= bit;
		if (u_getIntPropertyValue((UChar32)cp, UCHAR_NFC_QUICK_CHECK) == UNORM_YES &&
		    u_getCombiningClass((UChar32)cp) == 0)
			bmp_inert[cp / 32] |= bit;
		if (u_charType((UChar32)cp) == U_FORMAT_CHAR)
			bmp_format[cp / 32] |= bit;
	}
	atomic_store_explicit(&bmp_block_done[block], 1, memory_order_release);
	pthread_mutex_unlock(&fill_lock);
}

static int is_white(uint32_t cp)
{
	if (cp < 0x80)
		return cp == ' ' || (cp >= 0x09 && cp <= 0x0D);
	if (cp >= 0x10000)
		return u_isUWhiteSpace((UChar32)cp) != 0;
	if (!atomic_load_explicit(&bmp_block_done[cp >> 8], memory_order_acquire))
		bmp_fill(cp >> 8);
	return (bmp_white[cp / 32] >> (cp % 32)) & 1;
}

/* 1 if the character is a format character (General_Category Cf: U+200B
 * ZERO WIDTH SPACE, U+FEFF, U+00AD SOFT HYPHEN, U+2060 WORD JOINER, the
 * bidi controls U+202A..U+202E, U+2066..U+2069, ...). */
static int is_format(uint32_t cp)
{
	if (cp < 0x80)
		return 0;
	if (cp >= 0x10000)
		return u_charType((UChar32)cp) == U_FORMAT_CHAR;
	if (!atomic_load_explicit(&bmp_block_done[cp >> 8], memory_order_acquire))
		bmp_fill(cp >> 8);
	return (bmp_format[cp / 32] >> (cp % 32)) & 1;
}

/* 1 if the character is inert (see above). */
static int is_inert(uint32_t cp)
{
	if (cp < 0x80)
		return 1;
	if (cp >= 0x10000)
		return 0;
	if (!atomic_load_explicit(&bmp_block_done[cp >> 8], memory_order_acquire))
		bmp_fill(cp >> 8);
	return (bmp_inert[cp / 32] >> (cp % 32)) & 1;
}

/* ---- UTF-16 round trip through ICU ----------------------------------- */

/* Valid UTF-8 of len bytes never takes more than len UTF-16 units. */
static UChar *u16_from_utf8(const char *s, size_t len, int32_t *n)
{
	UChar *u = text_xmalloc((len + 1) * sizeof(UChar));
	UErrorCode e = U_ZERO_ERROR;

	u_strFromUTF8(u, (int32_t)len + 1, n, s, (int32_t)len, &e);
	text_icu_check(e, "u_strFromUTF8");
	return u;
}

/* Convert back to a malloc'd NUL-terminated UTF-8 string. */
static char *utf8_from_u16(const UChar *u, int32_t n)
{
	int32_t cap = n + 1, m = 0;

	for (;;) {
		char *s = text_xmalloc((size_t)cap);
		UErrorCode e = U_ZERO_ERROR;

		u_strToUTF8(s, cap, &m, u, n, &e);
		if (e == U_BUFFER_OVERFLOW_ERROR ||
		    e == U_STRING_NOT_TERMINATED_WARNING) {
			free(s);
			cap = m + 1;
			continue;
		}
		text_icu_check(e, "u_strToUTF8");
		return s;
	}
}

enum text_op { TEXT_OP_NFC, TEXT_OP_NFD, TEXT_OP_FOLD, TEXT_OP_UPPER };

/*
 * Apply one ICU operation to src[0..n); returns a new malloc'd buffer
 * (not NUL-terminated) of *outn units.  Preflights and retries when the
 * first guess at the size is too small.
 */
static UChar *u16_apply(enum text_op op, const UChar *src, int32_t n,
			int32_t *outn)
{
	int32_t cap = n + n / 2 + 16, m = 0;

	for (;;) {
		UChar *dst = text_xmalloc((size_t)cap * sizeof(UChar));
		UErrorCode e = U_ZERO_ERROR;
		const UNormalizer2 *nz;

		switch (op) {
		case TEXT_OP_NFC:
		case TEXT_OP_NFD:
			nz = op == TEXT_OP_NFC ? unorm2_getNFCInstance(&e)
					       : unorm2_getNFDInstance(&e);
			text_icu_check(e, "unorm2_get*Instance");
			m = unorm2_normalize(nz, src, n, dst, cap, &e);
			break;
		case TEXT_OP_FOLD:
			m = u_strFoldCase(dst, cap, src, n,
					  U_FOLD_CASE_DEFAULT, &e);
			break;
		case TEXT_OP_UPPER:
			m = u_strToUpper(dst, cap, src, n, "vi", &e);
			break;
		}
		if (e == U_BUFFER_OVERFLOW_ERROR) {
			free(dst);
			cap = m + 1;
			continue;
		}
		if (e == U_STRING_NOT_TERMINATED_WARNING)
			e = U_ZERO_ERROR;
		text_icu_check(e, "normalise/case operation");
		*outn = m;
		return dst;
	}
}

/*
 * Run the operations ops[0..nops) in turn over valid UTF-8 s[0..len) and
 * return the result as a malloc'd UTF-8 string.
 */
static char *text_transform(const char *s, size_t len,
			    const enum text_op *ops, size_t nops)
{
	int32_t n, m;
	UChar *u = u16_from_utf8(s, len, &n), *v;
	char *out;

	for (size_t k = 0; k < nops; k++) {
		v = u16_apply(ops[k], u, n, &m);
		free(u);
		u = v;
		n = m;
	}
	out = utf8_from_u16(u, n);
	free(u);
	return out;
}

/* 1 if valid UTF-8 s[0..len) is already NFC (ICU's quick check + scan). */
static int text_is_nfc(const char *s, size_t len)
{
	UErrorCode e = U_ZERO_ERROR;
	const UNormalizer2 *nfc = unorm2_getNFCInstance(&e);
	int32_t n;
	UChar *u;
	UBool yes;

	text_icu_check(e, "unorm2_getNFCInstance");
	u = u16_from_utf8(s, len, &n);
	yes = unorm2_isNormalized(nfc, u, n, &e);
	free(u);
	text_icu_check(e, "unorm2_isNormalized");
	return yes != 0;
}

/* ---- public functions ------------------------------------------------ */

int text_is_clean(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	if (len > TEXT_MAX_LEN)
		return 0;
	while (i < len) {
		uint32_t cp;
		size_t k;

		if (p[i] < 0x80) {
			if ((p[i] < 0x20 && p[i] != '\t' && p[i] != '\n') || p[i] == 0x7F)
				return 0;	/* text_clean() drops it */
			i++;
			continue;
		}
		if (!(k = utf8_seq(p + i, len - i, &cp)) || cp <= 0x9F || !is_inert(cp) || is_format(cp))
			return 0;
		i += k;
	}
	return 1;
}

char *text_clean(const char *s, size_t len, size_t *bad_offset)
{
	static const enum text_op nfc[] = { TEXT_OP_NFC };
	const unsigned char *p = (const unsigned char *)s;
	char *buf, *out;
	size_t n = 0, i = 0;
	int inert = 1;		/* every character so far is NFC-inert */

	if (len > TEXT_MAX_LEN) {
		if (bad_offset)
			*bad_offset = TEXT_MAX_LEN;
		return NULL;
	}
	/* One pass: check, drop controls, copy, and see whether NFC could
	 * change anything (is_inert()). */
	buf = text_xmalloc(len + 1);
	while (i < len) {
		uint32_t cp;
		size_t k;

		if (p[i] < 0x80) {
			if ((p[i] >= 0x20 || p[i] == '\t' || p[i] == '\n') && p[i] != 0x7F)
				buf[n++] = (char)p[i];	/* else C0 controls, CR included, and DEL */
			i++;
			continue;
		}
		if (!(k = utf8_seq(p + i, len - i, &cp))) {
			free(buf);
			if (bad_offset)
				*bad_offset = i;
			return NULL;
		}
		if (cp > 0x9F && !is_format(cp)) {	/* else C1 controls, C2 80..C2 9F, or Cf */
			memcpy(buf + n, p + i, k);
			n += k;
			inert = inert && is_inert(cp);
		}
		i += k;
	}
	buf[n] = '\0';

	if (inert || text_is_nfc(buf, n))
		return buf;
	out = text_transform(buf, n, nfc, 1);
	free(buf);
	return out;
}

char *text_upper(const char *s)
{
	static const enum text_op ops[] = { TEXT_OP_UPPER, TEXT_OP_NFC };
	size_t len;

	if (!text_valid_str(s, &len))
		return NULL;
	return text_transform(s, len, ops, 2);
}

/*
 * text_fold_nfd() one character at a time.  With D(c) = NFD(fold(NFD(c))),
 * NFD(fold(NFD(s))) is the concatenation of the D(c) of s's characters
 * whenever, for each c, both NFD(c) and D(c) begin with a starter
 * (canonical combining class 0): NFD and full case folding map each code
 * point on its own, and the canonical reordering of NFD only moves marks
 * within a run of non-starters, which then never spans two characters.
 * Vietnamese letters, ASCII and most of the BMP qualify; combining marks,
 * some Tibetan and Greek letters and the other planes do not, and a
 * string with any of them goes through ICU whole.  D(c) of a BMP block is
 * computed by ICU when a character of the block is first folded (names
 * and unit names are folded for every imported row, issue 8).
 */
#define FOLD_NO 0xFF	/* len: D(c) cannot be used */
struct fold_block {
	uint16_t off[256];
	uint8_t len[256];
	char *pool;
};
static struct fold_block *_Atomic fold_blocks[0x100];	/* reachable until exit; see fill_lock */

/* Canonical combining class of the first code point of u[0..n). */
static int first_ccc(const UChar *u, int32_t n)
{
	UChar32 c;
	int32_t i = 0;

	if (n <= 0)
		return -1;
	U16_NEXT(u, i, n, c);
	return u_getCombiningClass(c);
}

static struct fold_block *fold_block_of(uint32_t block)
{
	struct fold_block *fb = atomic_load_explicit(&fold_blocks[block], memory_order_acquire);
	char *pool;
	size_t used = 0, cap = 4096;

	if (fb)
		return fb;
	pthread_mutex_lock(&fill_lock);
	if ((fb = atomic_load_explicit(&fold_blocks[block], memory_order_relaxed))) {
		pthread_mutex_unlock(&fill_lock);
		return fb;
	}
	fb = text_xmalloc(sizeof(*fb));
	pool = text_xmalloc(cap);
	for (uint32_t k = 0; k < 256; k++) {
		UChar32 cp = (UChar32)(block << 8 | k);
		UChar one[2];
		int32_t n = 0, m1, m2, m3;
		UChar *a, *b, *c;
		char *d;
		size_t dn;

		fb->len[k] = FOLD_NO;
		fb->off[k] = 0;
		if (U_IS_SURROGATE(cp))
			continue;
		U16_APPEND_UNSAFE(one, n, cp);
		a = u16_apply(TEXT_OP_NFD, one, n, &m1);
		b = u16_apply(TEXT_OP_FOLD, a, m1, &m2);
		c = u16_apply(TEXT_OP_NFD, b, m2, &m3);
		d = utf8_from_u16(c, m3);
		dn = strlen(d);
		if (first_ccc(a, m1) == 0 && first_ccc(c, m3) == 0 && dn < FOLD_NO) {
			if (used + dn > cap) {
				char *bigger = text_xmalloc(cap * 2);
				memcpy(bigger, pool, used);
				free(pool);
				pool = bigger;
				cap *= 2;
			}
			memcpy(pool + used, d, dn);
			fb->off[k] = (uint16_t)used;
			fb->len[k] = (uint8_t)dn;
			used += dn;
		}
		free(a);
		free(b);
		free(c);
		free(d);
	}
	fb->pool = pool;
	atomic_store_explicit(&fold_blocks[block], fb, memory_order_release);
	pthread_mutex_unlock(&fill_lock);
	return fb;
}

/*
 * NFD(fold(NFD(s))) character by character, checking the UTF-8 as it goes.
 * NULL when some character does not qualify (see above), with *stop the
 * offset where it starts (the rest is not checked yet), or when s is not
 * UTF-8, with *stop = len + 1.
 */
static char *fold_nfd_by_char(const char *s, size_t len, size_t *stop)
{
	const unsigned char *p = (const unsigned char *)s;
	char *out = text_xmalloc(len * 3 + 1);
	size_t n = 0, cap = len * 3, i = 0, k;

	while (i < len) {
		const struct fold_block *fb;
		uint32_t cp;

		if (p[i] < 0x80) {
			char ch = s[i++];
			out[n++] = ch >= 'A' && ch <= 'Z' ? (char)(ch - 'A' + 'a') : ch;
			continue;
		}
		if (!(k = utf8_seq(p + i, len - i, &cp))) {
			*stop = len + 1;
			goto give_up;
		}
		*stop = i;
		if (cp >= 0x10000)
			goto give_up;
		fb = fold_block_of(cp >> 8);
		if (fb->len[cp & 0xFF] == FOLD_NO)
			goto give_up;
		i += k;
		if (n + fb->len[cp & 0xFF] > cap) {
			char *bigger = text_xmalloc(cap * 2 + FOLD_NO + 1);
			memcpy(bigger, out, n);
			free(out);
			out = bigger;
			cap = cap * 2 + FOLD_NO;
		}
		memcpy(out + n, fb->pool + fb->off[cp & 0xFF], fb->len[cp & 0xFF]);
		n += fb->len[cp & 0xFF];
	}
	out[n] = '\0';
	return out;
give_up:
	free(out);
	return NULL;
}

char *text_fold_nfd(const char *s)
{
	static const enum text_op ops[] = {
		TEXT_OP_NFD, TEXT_OP_FOLD, TEXT_OP_NFD
	};
	size_t len, stop = 0;
	char *out;

	if (!s || (len = strlen(s)) > TEXT_MAX_LEN)
		return NULL;
	if ((out = fold_nfd_by_char(s, len, &stop)))
		return out;
	if (stop > len || !text_utf8_valid(s + stop, len - stop, NULL))
		return NULL;
	return text_transform(s, len, ops, 3);
}

char *text_trim_collapse(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t len, i = 0, n = 0;
	int pending = 0;		/* white space seen since last text */
	char *out;

	if (!s || (len = strlen(s)) > TEXT_MAX_LEN)
		return NULL;
	out = text_xmalloc(len + 1);
	while (i < len) {
		size_t start = i;
		uint32_t cp = 'x';

		/* a run of ASCII that is not white space is copied at once */
		while (i < len && p[i] > ' ' && p[i] < 0x80)
			i++;
		if (i == start) {
			size_t k = 1;

			if (p[i] < 0x80)
				cp = p[i];
			else if (!(k = utf8_seq(p + i, len - i, &cp))) {
				free(out);
				return NULL;	/* not UTF-8 */
			}
			i += k;
		}
		if (is_white(cp)) {
			pending = 1;
			continue;
		}
		if (pending && n > 0)
			out[n++] = ' ';
		pending = 0;
		memcpy(out + n, s + start, i - start);
		n += i - start;
	}
	out[n] = '\0';
	return out;
}

char *text_loose_key(const char *s)
{
	char *f = text_fold_nfd(s), *k;

	if (!f)
		return NULL;
	k = text_trim_collapse(f);
	free(f);
	return k;
}

/*
 * text_equal_fold() is asked about the same few strings again and again
 * (header names, the keywords of source_parse() and book_body_find(),
 * body codes, unit names repeated by every imported row): a small
 * direct-mapped memo of loose keys spares ICU most of that work (issue 8:
 * 22 % of candidate import was folding).  The memo lives for the process;
 * it is reachable memory, freed by text_fold_memo_release().
 */
#define FOLD_MEMO 512
static struct {
	char *in, *key;	/* key NULL: s has no key (invalid UTF-8) */
} fold_memo[FOLD_MEMO];

static size_t fold_slot(const char *s)
{
	uint32_t h = 2166136261u;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h % FOLD_MEMO;
}

/* The loose key of s, owned by the memo (valid until slot is reused). */
static const char *fold_memo_key(const char *s, size_t slot)
{
	if (!fold_memo[slot].in || strcmp(fold_memo[slot].in, s)) {
		free(fold_memo[slot].in);
		free(fold_memo[slot].key);
		size_t n = strlen(s) + 1;
		fold_memo[slot].in = memcpy(text_xmalloc(n), s, n);
		fold_memo[slot].key = text_loose_key(s);
	}
	return fold_memo[slot].key;
}

void text_fold_memo_release(void)
{
	for (size_t i = 0; i < FOLD_MEMO; i++) {
		free(fold_memo[i].in);
		free(fold_memo[i].key);
		fold_memo[i].in = fold_memo[i].key = NULL;
	}
}

int text_equal_fold(const char *a, const char *b)
{
	size_t sa, sb;
	const char *ka, *kb;
	char *own = NULL;
	int eq;

	if (!a || !b)
		return 0;
	sa = fold_slot(a);
	sb = fold_slot(b);
	if (sa == sb && strcmp(a, b)) {
		/* both would use one slot: fold b without the memo */
		ka = fold_memo_key(a, sa);
		kb = own = text_loose_key(b);
	} else {
		ka = fold_memo_key(a, sa);
		kb = fold_memo_key(b, sb);
	}
	eq = ka && kb && strcmp(ka, kb) == 0;
	free(own);
	return eq;
}

void text_fput_padded(FILE *f, const char *s, int width)
{
	int n = (int)text_utf8_count(s);

	fputs(s, f);
	for (; n < width; n++)
		fputc(' ', f);
}

const char *text_icu_version(void)
{
	static char v[U_MAX_VERSION_STRING_LENGTH];

	if (!v[0]) {
		UVersionInfo icu;

		u_getVersion(icu);
		u_versionToString(icu, v);
	}
	return v;
}

const char *text_loose_key_version(void)
{
	static char v[64];

	if (!v[0])
		snprintf(v, sizeof(v), "loose-1 icu-%s", text_icu_version());
	return v;
}

void text_fput_visible(FILE *f, const char *s)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	size_t len = strlen((const char *)p), i = 0;

	while (i < len) {
		uint32_t cp;
		size_t k;

		if (p[i] < 0x80) {
			if (p[i] == '\\')
				fputs("\\\\", f);
			else if (p[i] == '\n')
				fputs("\\n", f);
			else if (p[i] == '\t')
				fputs("\\t", f);
			else if (p[i] < 0x20 || p[i] == 0x7F)
				fprintf(f, "\\x%02x", p[i]);
			else
				fputc(p[i], f);
			i++;
			continue;
		}
		if (!(k = utf8_seq(p + i, len - i, &cp))) {
			fprintf(f, "\\x%02x", p[i]);
			i++;
			continue;
		}
		if (cp <= 0x9F)
			fprintf(f, "\\u%04x", (unsigned)cp);
		else if (is_format(cp))
			fprintf(f, "<U+%04X>", (unsigned)cp);
		else
			fwrite(p + i, 1, k, f);
		i += k;
	}
}

int text_is_blank(const char *s)
{
	size_t len, i = 0;

	if (!s)
		return 1;
	len = strlen(s);
	if (!text_utf8_valid(s, len, NULL))
		return 0;
	while (i < len)
		if (!is_white(text_utf8_next(s, len, &i)))
			return 0;
	return 1;
}
