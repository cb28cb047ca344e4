/*
 * collate_vi.c - sort keys in the order of official Vietnamese lists.
 *
 * Design.  Two ways were open: (1) an ICU collator tailored at run time
 * with ucol_openRules() so that every toned vowel is its own primary
 * letter, keys from ucol_getSortKey(); or (2) decompose with ICU and build
 * the key here, one (letter, tone) pair per character.  This is (2):
 *
 *  - The rule is positional: at each character the base letter decides,
 *    then the tone AT THAT CHARACTER.  With (2) that is literally the key
 *    layout, so the code reads as the rule.  With (1) it is 12 vowels x 6
 *    tones = 72 tailored primaries plus ICU's canonical closure for NFD
 *    input, correct only if the rule string is, and hard to review.
 *  - The keys are stored in the database.  ICU documents that its sort
 *    keys change between ICU/UCA versions, so keys from (1) would silently
 *    mis-sort after a libicu upgrade unless every key were rebuilt.  The
 *    keys of (2) depend only on NFD and case folding, which Unicode's
 *    stability policy freezes for every letter Vietnamese uses.
 *  - ICU still does what it does well: the text goes through
 *    text_fold_nfd() (ICU NFD, ICU full case folding, NFD again), and
 *    ICU's character properties classify marks, letters and white space.
 *    The only hand-written tables are the 33-letter alphabet and the
 *    eight Vietnamese combining marks, which are the rule itself.
 *
 * Also mentioned in the design notes: glibc's vi_VN locale and ICU's
 * default "vi" collation both give a dictionary order (Hòa < Hoan), and
 * byte order misplaces every non-ASCII letter; none is used.
 *
 * Key format of one name part (see vi_name_key()).  The folded NFD text is
 * read one character (a base code point plus its combining marks) at a
 * time and each becomes a symbol whose first byte says what follows:
 *
 *	00			end of the part (terminator)
 *	01			one white-space run (word separator)
 *	02 cp cp cp		punctuation, symbol, anything else (code point
 *				big-endian in 3 bytes)
 *	03 cp cp cp		a combining mark that is not part of a
 *				Vietnamese letter (stray, or ü's diaeresis)
 *	10+d			ASCII digit d
 *	20+i tone		letter i of the alphabet below, then the rank
 *				of its tone in the configured tone order
 *	60 cp cp cp		a letter outside the alphabet (other scripts)
 *
 * A lead byte fixes the length of its symbol, so two keys stay aligned up
 * to the first differing lead byte and memcmp() decides there: letter
 * first, then tone, then the next character.  The terminator 00 is lower
 * than every lead byte, so a prefix sorts first and the keys of several
 * parts can be concatenated (no key is a proper prefix of another).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>

#include "collate_vi.h"
#include "text.h"
#include "banned.h"

enum {
	KEY_END = 0x00,
	KEY_SPACE = 0x01,
	KEY_OTHER = 0x02,
	KEY_MARK = 0x03,
	KEY_DIGIT = 0x10,
	KEY_LETTER = 0x20,
	KEY_FOREIGN = 0x60
};

/*
 * The alphabet: a ă â b c d đ e ê f g h i j k l m n o ô ơ p q r s t u ư v
 * w x y z, i.e. the 29 Vietnamese letters with f, j, w, z in their Latin
 * places.  Index of each plain letter a..z; the marked letters are reached
 * through letter_with_mark(), đ through letter_index().
 */
enum {
	L_A = 0, L_A_BREVE = 1, L_A_CIRC = 2, L_D_STROKE = 6,
	L_E = 7, L_E_CIRC = 8, L_O = 18, L_O_CIRC = 19, L_O_HORN = 20,
	L_U = 26, L_U_HORN = 27
};

static const unsigned char latin_index[26] = {
	/* a */ 0, /* b */ 3, /* c */ 4, /* d */ 5, /* e */ 7, /* f */ 9,
	/* g */ 10, /* h */ 11, /* i */ 12, /* j */ 13, /* k */ 14,
	/* l */ 15, /* m */ 16, /* n */ 17, /* o */ 18, /* p */ 21,
	/* q */ 22, /* r */ 23, /* s */ 24, /* t */ 25, /* u */ 26,
	/* v */ 28, /* w */ 29, /* x */ 30, /* y */ 31, /* z */ 32
};

/* The combining marks that build Vietnamese letters. */
#define MARK_BREVE	0x0306
#define MARK_CIRCUMFLEX	0x0302
#define MARK_HORN	0x031B

static const char *const tone_ascii[VI_TONE_COUNT] = {
	"ngang", "huyen", "hoi", "nga", "sac", "nang"
};
static const char *const tone_viet[VI_TONE_COUNT] = {
	"ngang", "huyền", "hỏi", "ngã", "sắc", "nặng"
};

static void *vi_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p) {
		fputs("hiepthuong: fatal: out of memory\n", stderr);
		abort();
	}
	return p;
}

/* Alphabet index of a folded base code point, or -1. */
static int letter_index(uint32_t cp)
{
	if (cp >= 'a' && cp <= 'z')
		return latin_index[cp - 'a'];
	/*
	 * U+0111 đ.  U+00F0 ð (Icelandic eth) is what Đ becomes when text
	 * in Windows-1258 is misread as Latin-1; sort it as đ.
	 */
	if (cp == 0x0111 || cp == 0x00F0)
		return L_D_STROKE;
	return -1;
}

/* The letter that letter idx becomes with combining mark m, or -1. */
static int letter_with_mark(int idx, uint32_t m)
{
	switch (m) {
	case MARK_BREVE:
		return idx == L_A ? L_A_BREVE : -1;
	case MARK_CIRCUMFLEX:
		return idx == L_A ? L_A_CIRC : idx == L_E ? L_E_CIRC
		     : idx == L_O ? L_O_CIRC : -1;
	case MARK_HORN:
		return idx == L_O ? L_O_HORN : idx == L_U ? L_U_HORN : -1;
	}
	return -1;
}

/* The tone a combining mark stands for, or -1. */
static int tone_of_mark(uint32_t m)
{
	switch (m) {
	case 0x0300: return VI_TONE_HUYEN;
	case 0x0309: return VI_TONE_HOI;
	case 0x0303: return VI_TONE_NGA;
	case 0x0301: return VI_TONE_SAC;
	case 0x0323: return VI_TONE_NANG;
	}
	return -1;
}

static int is_mark(uint32_t cp)
{
	return (U_GET_GC_MASK((UChar32)cp) & U_GC_M_MASK) != 0;
}

/* Apostrophes, ignored: ' ‘ ’ ‛ ′ ʼ ` ´ */
static int is_apostrophe(uint32_t cp)
{
	return cp == 0x27 || cp == 0x2018 || cp == 0x2019 || cp == 0x201B ||
	       cp == 0x2032 || cp == 0x02BC || cp == 0x60 || cp == 0xB4;
}

static unsigned char *put_cp(unsigned char *o, int lead, uint32_t cp)
{
	*o++ = (unsigned char)lead;
	*o++ = (unsigned char)(cp >> 16);
	*o++ = (unsigned char)(cp >> 8);
	*o++ = (unsigned char)cp;
	return o;
}

/*
 * Encode one letter of index idx at o and return the new end of the key.
 * f[*i..) holds the combining marks that follow it
 * (possibly none).  The first mark that turns the letter into another
 * letter of the alphabet (a + breve = ă, ...) and the first tone mark are
 * absorbed, in whatever order NFD put them (ệ is e U+0323 U+0302); any
 * other mark is emitted after the letter as a KEY_MARK symbol, in
 * canonical order.  Advances *i past the marks.
 */
static unsigned char *put_letter(unsigned char *o, const struct vi_collation *c,
				 int idx, const char *f, size_t n, size_t *i)
{
	size_t end = *i, shape_at = SIZE_MAX, tone_at = SIZE_MAX;
	int tone = VI_TONE_NGANG;

	/* Pass 1: the run of marks, and which of them the letter absorbs. */
	while (end < n) {
		size_t at = end, next = end;
		uint32_t m = text_utf8_next(f, n, &next);
		int shaped, t;

		if (!is_mark(m))
			break;
		end = next;
		shaped = letter_with_mark(idx, m);
		t = tone_of_mark(m);
		if (shape_at == SIZE_MAX && shaped >= 0) {
			idx = shaped;
			shape_at = at;
		} else if (tone_at == SIZE_MAX && t >= 0) {
			tone = t;
			tone_at = at;
		}
	}
	*o++ = (unsigned char)(KEY_LETTER + idx);
	*o++ = c->tone_rank[tone];

	/* Pass 2: the marks it did not absorb, as symbols of their own. */
	for (size_t k = *i; k < end;) {
		size_t at = k;
		uint32_t m = text_utf8_next(f, n, &k);

		if (at != shape_at && at != tone_at)
			o = put_cp(o, KEY_MARK, m);
	}
	*i = end;
	return o;
}

unsigned char *vi_name_key(const struct vi_collation *c, const char *utf8,
			   size_t *len)
{
	struct vi_collation def;
	unsigned char *key, *o;
	size_t n, i = 0;
	int space = 0;
	char *f;

	if (!c) {
		vi_collation_default(&def);
		c = &def;
	}
	f = text_fold_nfd(utf8 ? utf8 : "");
	if (!f)
		return NULL;
	n = strlen(f);

	/* Every code point (>= 1 byte) gives at most 4 bytes; + terminator. */
	key = vi_xmalloc(4 * n + 1);
	o = key;
	while (i < n) {
		uint32_t cp = text_utf8_next(f, n, &i);
		int idx;

		if (u_isUWhiteSpace((UChar32)cp)) {
			space = o > key;	/* leading space is dropped */
			continue;
		}
		if (is_apostrophe(cp))
			continue;
		if (space) {
			*o++ = KEY_SPACE;
			space = 0;
		}
		idx = letter_index(cp);
		if (idx >= 0)
			o = put_letter(o, c, idx, f, n, &i);
		else if (cp >= '0' && cp <= '9')
			*o++ = (unsigned char)(KEY_DIGIT + (cp - '0'));
		else if (is_mark(cp))
			o = put_cp(o, KEY_MARK, cp);
		else if (U_GET_GC_MASK((UChar32)cp) & U_GC_L_MASK)
			o = put_cp(o, KEY_FOREIGN, cp);
		else
			o = put_cp(o, KEY_OTHER, cp);
	}
	*o++ = KEY_END;
	*len = (size_t)(o - key);
	free(f);
	return key;
}

/* "", "YYYY", "YYYY-MM" or "YYYY-MM-DD" (digits and dashes only). */
static int dob_valid(const char *d)
{
	size_t n = strlen(d);

	if (n != 0 && n != 4 && n != 7 && n != 10)
		return 0;
	for (size_t i = 0; i < n; i++) {
		int dash = i == 4 || i == 7;

		if (dash ? d[i] != '-' : (d[i] < '0' || d[i] > '9'))
			return 0;
	}
	return 1;
}

unsigned char *vi_person_key(const struct vi_collation *c, const char *ho,
			     const char *ten_dem, const char *ten,
			     const char *dob, size_t *len)
{
	/* The official order of the fields: tên, họ, tên đệm. */
	const char *parts[3] = { ten, ho, ten_dem };
	unsigned char *k[3] = { NULL, NULL, NULL }, *key = NULL;
	size_t kl[3], dl, total, at = 0;

	if (!dob)
		dob = "";
	if (!dob_valid(dob))
		return NULL;
	dl = strlen(dob);
	for (int p = 0; p < 3; p++) {
		k[p] = vi_name_key(c, parts[p], &kl[p]);
		if (!k[p])
			goto out;
	}
	total = kl[0] + kl[1] + kl[2] + dl + 1;
	key = vi_xmalloc(total);
	for (int p = 0; p < 3; p++) {
		memcpy(key + at, k[p], kl[p]);
		at += kl[p];
	}
	/*
	 * ISO dates compare chronologically as bytes; the terminator puts
	 * "" before "1970" and "1970" before "1970-05-01".
	 */
	memcpy(key + at, dob, dl);
	key[at + dl] = 0;
	*len = total;
out:
	for (int p = 0; p < 3; p++)
		free(k[p]);
	return key;
}

int vi_key_compare(const unsigned char *a, size_t alen,
		   const unsigned char *b, size_t blen)
{
	int r = memcmp(a, b, alen < blen ? alen : blen);

	if (r)
		return r;
	return alen < blen ? -1 : alen > blen;
}

int vi_compare(const struct vi_collation *c, const char *a, const char *b)
{
	size_t la = 0, lb = 0;
	unsigned char *ka = vi_name_key(c, a, &la);
	unsigned char *kb = vi_name_key(c, b, &lb);
	int r;

	if (ka && kb)
		r = vi_key_compare(ka, la, kb, lb);
	else if (ka || kb)
		r = ka ? -1 : 1;	/* invalid UTF-8 sorts last */
	else
		r = strcmp(a, b);	/* both invalid, so neither is NULL */
	free(ka);
	free(kb);
	return r;
}

/* ---- settings -------------------------------------------------------- */

void vi_collation_default(struct vi_collation *c)
{
	for (int t = 0; t < VI_TONE_COUNT; t++)
		c->tone_rank[t] = (unsigned char)t;
}

void vi_collation_release(struct vi_collation *c)
{
	vi_collation_default(c);
}

/* The tone named s (either spelling, any case/form), or -1. */
static int tone_by_name(const char *s)
{
	for (int t = 0; t < VI_TONE_COUNT; t++)
		if (text_equal_fold(s, tone_ascii[t]) ||
		    text_equal_fold(s, tone_viet[t]))
			return t;
	return -1;
}

int vi_collation_init(struct vi_collation *c, const char *const *tone_names,
		      size_t n, char *err, size_t errlen)
{
	struct vi_collation tmp;
	int seen[VI_TONE_COUNT] = { 0 };
	char msg[160];

	for (size_t i = 0; i < n; i++) {
		const char *name = tone_names[i];
		int t = name ? tone_by_name(name) : -1;

		if (!name || !*name) {
			snprintf(msg, sizeof(msg),
				 "tone %zu is empty", i + 1);
			goto fail;
		}
		if (t < 0) {
			/* quote at most 60 bytes, cut at a character start */
			int show = 60;

			if (strlen(name) <= 60)
				show = (int)strlen(name);
			else
				while (show > 0 && (name[show] & 0xC0) == 0x80)
					show--;
			snprintf(msg, sizeof(msg), "unknown tone '%.*s' "
				 "(expected ngang, huyen, hoi, nga, sac, nang)",
				 show, name);
			goto fail;
		}
		if (seen[t]) {
			snprintf(msg, sizeof(msg), "tone '%s' "
				 "given twice", tone_ascii[t]);
			goto fail;
		}
		seen[t] = 1;
		tmp.tone_rank[t] = (unsigned char)i;
	}
	for (int t = 0; t < VI_TONE_COUNT; t++) {
		if (!seen[t]) {
			snprintf(msg, sizeof(msg), "tone '%s' is "
				 "missing (list each of the %d tones once)",
				 tone_ascii[t], VI_TONE_COUNT);
			goto fail;
		}
	}
	*c = tmp;
	return 0;
fail:
	if (err && errlen)
		snprintf(err, errlen, "%s", msg);
	return -1;
}
