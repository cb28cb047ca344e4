/*
 * collate_vi.h - the order of official Vietnamese candidate lists.
 *
 * Candidate lists are sorted "theo vần chữ cái A, B, C": by given name
 * (tên), then family name (họ), then middle name (tên đệm), then date of
 * birth, earlier first (Luật bầu cử Art. 57(5); HĐBCQG Q&A Câu 112).  How
 * two names compare is written down nowhere; the rule below is the one the
 * official 2021 National Assembly list follows (see the project's
 * DEPENDENCIES.md "Vietnamese ordering" and domain/addendum.md Q6b):
 *
 *  - names compare CHARACTER BY CHARACTER, case-insensitively;
 *  - each character is a base letter of the Vietnamese alphabet
 *	a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y
 *    (Đ is a letter of its own after D; Ă, Â follow A; Ê follows E; Ô, Ơ
 *    follow O; Ư follows U) plus a tone;  the letters f j w z, which occur
 *    in ethnic-minority names, take their Latin places (f between ê and g,
 *    j between i and k, w between v and x, z after y);
 *  - at the first position where the characters differ, the base letter
 *    decides; if the base letters are equal the TONE AT THAT POSITION
 *    decides, no mark (ngang) first.  So Hoan < Hòa and Thanh < Thái,
 *    which a dictionary (and ICU's default "vi" collation) orders the
 *    other way;
 *  - a string that is a prefix of another comes first (Thu < Thuận);
 *  - apostrophes are ignored (H′Dry = HDry, K’ Nhiễu = K Nhiễu).
 *
 * The order of the tones among themselves is a setting: the official data
 * only proves "ngang first"; the usual convention, and the default here,
 * is ngang < huyền < hỏi < ngã < sắc < nặng.
 *
 * Sort keys.  Names are not compared directly: each person gets a sort key,
 * a byte string whose memcmp() order is the official order, stored as a
 * BLOB next to the record so that SQLite sorts with a plain "ORDER BY
 * sort_key" (BLOBs compare with memcmp, shorter-prefix first).  The key
 * format is built by this module alone and does not depend on the ICU
 * version (only on Unicode's normalisation and case-folding data, which are
 * stable for every letter used in Vietnamese), so stored keys stay valid
 * across library upgrades; VI_KEY_FORMAT changes whenever the format does,
 * and keys built under different tone-order settings must not be mixed.
 *
 * Inputs are UTF-8, NFC or NFD or any mixture (canonically equivalent
 * strings get identical keys), in any case.  Nothing depends on the C
 * locale.
 *
 * Ownership: keys are returned as malloc'd buffers that the caller releases
 * with free().  Running out of memory aborts the program (as everywhere in
 * hiepthuong), so a NULL key means invalid input.
 */
#ifndef COLLATE_VI_H
#define COLLATE_VI_H

#include <stddef.h>

/* Version of the sort-key byte format; store it to know when to rebuild. */
#define VI_KEY_FORMAT 1

/* The six Vietnamese tones (thanh điệu), by their names. */
enum vi_tone {
	VI_TONE_NGANG,		/* no mark:	a */
	VI_TONE_HUYEN,		/* grave:	à  (U+0300) */
	VI_TONE_HOI,		/* hook above:	ả  (U+0309) */
	VI_TONE_NGA,		/* tilde:	ã  (U+0303) */
	VI_TONE_SAC,		/* acute:	á  (U+0301) */
	VI_TONE_NANG,		/* dot below:	ạ  (U+0323) */
	VI_TONE_COUNT
};

/*
 * A collation setting.  It owns no resources; it may be copied by value
 * and shared between threads.  Fill it with vi_collation_default() or
 * vi_collation_init() before use.
 */
struct vi_collation {
	/*
	 * Rank of each tone, indexed by enum vi_tone: 0 for the tone that
	 * sorts first, up to VI_TONE_COUNT - 1.  A permutation of 0..5.
	 */
	unsigned char tone_rank[VI_TONE_COUNT];
};

/*
 * Set c to the default tone order ngang < huyền < hỏi < ngã < sắc < nặng.
 */
void vi_collation_default(struct vi_collation *c);

/*
 * Set c's tone order from tone_names[0..n), listed from first to last,
 * e.g. { "ngang", "huyen", "hoi", "nga", "sac", "nang" }.  Each name may be
 * written without diacritics (ngang huyen hoi nga sac nang) or in
 * Vietnamese (ngang huyền hỏi ngã sắc nặng), in any case, NFC or NFD, with
 * surrounding white space.  Every tone must appear exactly once.
 *
 * Returns 0 on success.  On error returns -1, leaves *c unchanged and, if
 * err is not NULL and errlen > 0, writes a NUL-terminated message of at
 * most errlen bytes naming the problem (an empty or unknown name, a tone
 * given twice, a missing tone), without a prefix so the caller can say
 * where the setting came from:
 *	unknown tone 'sax' (expected ngang, huyen, hoi, nga, sac, nang)
 *	tone 'huyen' given twice
 *	tone 'nang' is missing (list each of the 6 tones once)
 *	tone 3 is empty
 * c must not be NULL; tone_names may be NULL when n is 0.
 */
int vi_collation_init(struct vi_collation *c, const char *const *tone_names,
		      size_t n, char *err, size_t errlen);

/*
 * Release what c holds and reset it to the default order.  (It holds
 * nothing today; call it anyway so a future version may.)
 */
void vi_collation_release(struct vi_collation *c);

/*
 * Sort key of ONE name part (a tên, a họ or a whole tên đệm such as
 * "Thị Thu"), as a malloc'd byte buffer of *len bytes (caller frees); it
 * is NOT a C string (it contains 0x00 bytes).  c may be NULL for the
 * default order; utf8 may be NULL, which is the empty name.  Returns NULL
 * (and leaves *len alone) if utf8 is not valid UTF-8.
 *
 * White space is trimmed and each internal run counts as one separator
 * that sorts before every letter ("Thị Thu" < "Thịnh"); apostrophes
 * (' ‘ ’ ′ ʼ ` ´) are ignored.  The key is terminated, so it is
 * prefix-free: no key is a proper prefix of another, and memcmp() over a
 * concatenation of keys compares part by part.
 *
 * Characters outside the alphabet (digits, punctuation, other scripts,
 * marks that are not Vietnamese) get a deterministic place: the separator
 * first, then punctuation and symbols, then digits, then the alphabet,
 * then letters of other scripts; a non-Vietnamese mark (ü's diaeresis)
 * sorts as a character of its own just after its letter, so "Mu" < "Mü" <
 * "Mua".
 */
unsigned char *vi_name_key(const struct vi_collation *c, const char *utf8,
			   size_t *len);

/*
 * Sort key of a person: key(ten) ‖ key(ho) ‖ key(ten_dem) ‖ date of birth,
 * a malloc'd buffer of *len bytes (caller frees); memcmp() over two such
 * keys gives the official list order: tên, then họ, then tên đệm, then
 * the earlier birth date.  Each name may be NULL or "" (an empty name
 * sorts before every other).
 *
 * dob is an ISO date "YYYY-MM-DD", or "YYYY-MM" or "YYYY" when only that
 * much is known, or NULL / "" when unknown (unknown sorts first; a bare
 * year sorts before the full dates of that year).  Returns NULL if a name
 * is not valid UTF-8 or dob has none of these shapes (no calendar check
 * beyond digits and dashes is made; validate dates where they are read).
 */
unsigned char *vi_person_key(const struct vi_collation *c, const char *ho,
			     const char *ten_dem, const char *ten,
			     const char *dob, size_t *len);

/*
 * Compare two name parts by vi_name_key(): <0, 0 or >0.  c may be NULL
 * for the default order.  0 means the keys are equal, which can happen
 * for different strings (case, NFC/NFD, apostrophes, white space).  So
 * that it is a total order usable with qsort(), a string that is not
 * valid UTF-8 sorts after every valid one, and two invalid strings compare
 * by strcmp().  For sorting many names, build keys once instead.
 */
int vi_compare(const struct vi_collation *c, const char *a, const char *b);

/*
 * memcmp() of two keys of possibly different lengths, shorter prefix
 * first: the order SQLite uses for BLOBs.  A convenience for qsort()
 * comparators.
 */
int vi_key_compare(const unsigned char *a, size_t alen,
		   const unsigned char *b, size_t blen);

#endif
