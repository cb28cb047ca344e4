/*
 * xlsx_cell.h - the values of a list's cells, prepared cheaply.
 *
 * Every cell of an exported list goes through text_clean() (text.h) and
 * is measured for the row's height (textfit.h): 651,558 cells for the
 * largest list of the small benchmark, 6 million at national size.  The
 * book's values were cleaned when they were stored, so the renderer first
 * asks whether a value is already clean, which needs no copy and no ICU
 * (issue 8).
 */
#ifndef XLSX_CELL_H
#define XLSX_CELL_H

#include <stddef.h>

/*
 * 1 when text_clean(s, len) would return s unchanged, judged cheaply:
 * valid UTF-8 without the controls text_clean() removes, made only of
 * code points below U+2100 that can be part of an NFC string in any
 * order (NFC quick check "yes", combining class 0: ASCII, the Latin
 * letters with their Vietnamese accents, common punctuation).  0 means
 * "ask text_clean()", not "unclean".
 */
int cell_text_is_clean(const char *s, size_t len);

#endif
