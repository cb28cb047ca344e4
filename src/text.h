/*
 * text.h - UTF-8 text hygiene: validation, NFC, control stripping, case.
 *
 * Every string that enters hiepthuong (a CSV field, a YAML scalar, a
 * command-line argument) passes through text_clean() before it is stored,
 * compared or written to a spreadsheet.  After that the rest of the program
 * may assume:
 *
 *  - the bytes are well-formed UTF-8 (no overlong forms, no encoded
 *    surrogates U+D800..U+DFFF, nothing above U+10FFFF, no truncated
 *    sequences, no stray continuation bytes);
 *  - the text is in Unicode Normalisation Form C, so "Nguyễn" typed on a Mac
 *    (NFD, "e" + U+0302 + U+0303) and on Windows (NFC, U+1EC5) are the same
 *    bytes; libxlsxwriter and SQLite compare bytes and would otherwise keep
 *    two visually identical strings apart;
 *  - it holds no control characters except TAB and LF (libxlsxwriter writes
 *    the others as "_x001C_", and CR would double every line break), and
 *    no invisible format characters (Cf).
 *
 * Normalisation, case mapping and case folding are done by ICU (the data
 * tables are ICU's; nothing here is hand-written), through ICU's cached
 * singletons.  Nothing here calls setlocale() or depends on the C locale.
 *
 * Ownership (the convention of the whole program; the exceptions say so
 * where they are declared: db_col_text() in db.h and the structs that keep
 * its pointers, the functions returning `const char *` (string literals
 * or static buffers, each saying which), the char[N] out-parameters the
 * caller provides):
 * every function that returns `char *` returns a fresh string
 * from malloc(), NUL-terminated, that the caller releases with free().
 * Running out of memory aborts the program (message on stderr), as the
 * rest of hiepthuong does (see sbuf.h), so a NULL return always means
 * "invalid input", never "out of memory".  Inputs are never modified.
 *
 * Limits: ICU counts in int32_t, so inputs longer than TEXT_MAX_LEN bytes
 * are treated as invalid (the reported offset is then TEXT_MAX_LEN).  No
 * field of an election record comes near it.
 */
#ifndef TEXT_H
#define TEXT_H

#include <stddef.h>
#include <stdio.h>
#include <stdint.h>

/* Longest input accepted, in bytes (16 MiB). */
#define TEXT_MAX_LEN ((size_t)1 << 24)

/*
 * Check that s[0..len) is well-formed UTF-8 (RFC 3629 / Unicode 3.9 table
 * 3-7).  Returns 1 if it is, 0 if not.  On failure, when bad_offset is not
 * NULL, *bad_offset is the byte offset of the first byte of the first
 * ill-formed sequence: for a truncated sequence "E1 BB" followed by "x"
 * that is the offset of E1, for a stray continuation byte it is that byte.
 * NUL bytes inside len are valid UTF-8 (U+0000).  s may be NULL when len
 * is 0.  *bad_offset is left alone on success.
 */
int text_utf8_valid(const char *s, size_t len, size_t *bad_offset);

/*
 * Decode the code point that starts at s[*i] in the valid UTF-8 string
 * s[0..len) and advance *i past it.  The input must have passed
 * text_utf8_valid() (no checks are repeated here); *i must be < len.
 * Returns the code point.
 */
uint32_t text_utf8_next(const char *s, size_t len, size_t *i);

/*
 * The cleaning every input goes through.  s[0..len) need not be
 * NUL-terminated (s may be NULL only when len is 0).  Steps, in this order:
 *
 *  1. validate UTF-8 (see text_utf8_valid());
 *  2. remove the C0 controls U+0000..U+001F except TAB (U+0009) and LF
 *     (U+000A): CR is removed, so CRLF becomes LF; remove DEL (U+007F) and
 *     the C1 controls U+0080..U+009F; remove every format character
 *     (General_Category Cf: U+200B ZERO WIDTH SPACE, U+FEFF (a BOM inside
 *     a cell), U+00AD SOFT HYPHEN, U+2060 WORD JOINER, the bidi embeddings,
 *     overrides and isolates U+202A..U+202E, U+2066..U+2069, ...): they
 *     are invisible, so "Lê Văn Sáu" with a U+200B inside would otherwise
 *     be a second person that looks the same, and a look-up by name would
 *     miss him; Vietnamese text needs none of them;
 *  3. normalise to NFC.
 *
 * Controls are removed before normalising so that a combining mark that
 * followed a removed control still composes with its base ("e" U+0001
 * U+0301 becomes "é"), and the result is always NFC.
 *
 * Returns the cleaned malloc'd string (caller frees), or NULL if the input
 * is not valid UTF-8, with *bad_offset (when bad_offset is not NULL) set to
 * the byte offset of the first bad byte in the ORIGINAL input.
 */
char *text_clean(const char *s, size_t len, size_t *bad_offset);

/*
 * 1 when text_clean(s, len) would return s's bytes unchanged, judged
 * without copying: valid UTF-8, none of the controls it removes, every
 * character NFC-inert (NFC quick check "yes", combining class 0; all
 * precomposed Vietnamese).  0 means "ask text_clean()", not "unclean".
 */
int text_is_clean(const char *s, size_t len);

/*
 * Number of code points in the NUL-terminated string s (NULL counts as 0),
 * for column widths and row heights in the spreadsheet writer.  This is a
 * count of bytes that are not UTF-8 continuation bytes: exact for valid
 * UTF-8, an estimate otherwise.  Combining marks count as code points, so
 * count text_clean()ed (NFC) text for a width that matches what is seen.
 */
size_t text_utf8_count(const char *s);

/*
 * Vietnamese upper case of s (ICU u_strToUpper with the locale "vi"):
 * "nguyễn thị đào" -> "NGUYỄN THỊ ĐÀO".  The result is normalised to NFC.
 * Returns a malloc'd string (caller frees), or NULL if s is NULL or not
 * valid UTF-8 (out of memory aborts).
 */
char *text_upper(const char *s);

/*
 * Trim white space at both ends of s and replace every internal run of
 * white space with one U+0020 SPACE.  White space is ASCII space, TAB, LF,
 * VT, FF, CR and every other Unicode White_Space character (NO-BREAK SPACE
 * U+00A0, the U+2000..U+200A spaces, IDEOGRAPHIC SPACE U+3000, ...).
 * Nothing else is changed (no normalisation).  Returns a malloc'd string
 * (caller frees), or NULL if s is NULL or not valid UTF-8.
 */
char *text_trim_collapse(const char *s);

/*
 * Canonical caseless form of s, as defined by Unicode (D145):
 * NFD(toCasefold(NFD(s))), with ICU's default full case folding ("Đ" ->
 * "đ", "ß" -> "ss").  The result is decomposed (NFD): each base letter is
 * followed by its combining marks in canonical order.  Used by the
 * Vietnamese collation (collate_vi.c) and by text_equal_fold().
 * Returns a malloc'd string (caller frees), or NULL if s is NULL or not
 * valid UTF-8.
 */
char *text_fold_nfd(const char *s);

/*
 * Loose equality for matching spreadsheet headers and setting names:
 * 1 if a and b are equal after case folding, canonical normalisation and
 * white-space trimming/collapsing (see text_fold_nfd() and
 * text_trim_collapse()), else 0.  So
 *	text_equal_fold("NGÀY, THÁNG, NĂM SINH", " ngày,  tháng, năm sinh ")
 * is 1, as is a comparison of NFC with NFD text.  Punctuation still
 * counts ("Ngày tháng" != "Ngày, tháng").  A NULL or invalid UTF-8
 * argument is equal to nothing (0), not even to itself.
 */
int text_equal_fold(const char *a, const char *b);
/* Free the memo of folded keys text_equal_fold() keeps (at exit). */
void text_fold_memo_release(void);

/*
 * The key text_equal_fold() compares: text_fold_nfd() with white space
 * trimmed and collapsed.  Two strings are text_equal_fold() exactly when
 * their keys are equal (strcmp), so a caller that compares one string with
 * many can compute its key once, or keep keys in a table.  Returns a
 * malloc'd string, or NULL if s is NULL or not valid UTF-8.
 */
char *text_loose_key(const char *s);

/*
 * What text_loose_key() depends on: this program's folding ("loose-1") and
 * the running ICU's version ("loose-1 icu-72.1").  A book records it with
 * the keys it stores (person.name_key); after an ICU upgrade whose case
 * folding may differ, stored keys are not trusted and names are folded
 * again (person_keys_trusted()).
 */
const char *text_loose_key_version(void);

/* The running ICU's version, "72.1". */
const char *text_icu_version(void);

/* 1 when s is NULL, empty, or only white space (as text_trim_collapse()
 * counts it): a reason, a name or a note that says nothing. */
int text_is_blank(const char *s);

/*
 * Write `s` to `f` so that what is seen is what is stored, and nothing
 * in it acts on the terminal: a control character is written as an
 * escape ("\\n", "\\t", "\\x1b"), a format character as "<U+200B>",
 * invalid UTF-8 as "\\xNN" per byte, a backslash as "\\\\".  For text
 * stored before it was cleaned, or never cleaned (the command line as
 * typed, in the audit trail).
 */
void text_fput_visible(FILE *f, const char *s);

/*
 * Write `s` to `f` left-aligned in `width` characters (code points, not
 * bytes), for tables on a terminal.
 */
void text_fput_padded(FILE *f, const char *s, int width);

#endif
