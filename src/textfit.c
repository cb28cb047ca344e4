/*
 * textfit.c - text widths and row heights; see textfit.h.
 *
 * Widths are Times New Roman advance widths rounded UP to the nearest
 * few hundredths of an em, grouped by class; Vietnamese letters take the
 * width of their base letter (the marks sit above or below it).
 */
#include <stdint.h>
#include <string.h>
#include <unicode/uchar.h>
#include "text.h"
#include "textfit.h"
#include "banned.h"

/* Width of one code point, in ems. */
static double cp_em_class(uint32_t c)
{
	if (c == ' ')
		return 0.25;
	if (c == 0x2026)		/* … */
		return 1.0;
	if (c < 0x80) {
		if (strchr("ijlt.,:;'!|I()[]/-f`", (int)c))
			return 0.34;
		if (strchr("mwMW@%", (int)c))
			return 0.95;
		if (c >= '0' && c <= '9')
			return 0.5;
		if (c >= 'A' && c <= 'Z')
			return 0.7;
		if (c >= 'a' && c <= 'z')
			return 0.46;
		return 0.56;
	}
	if (u_getCombiningClass((UChar32)c) != 0 || u_charType((UChar32)c) == U_NON_SPACING_MARK)
		return 0.0;
	if (u_isupper((UChar32)c))
		return 0.7;
	if (u_islower((UChar32)c))
		return 0.46;
	if (u_isUWhiteSpace((UChar32)c))
		return 0.25;
	return 0.6;
}

/*
 * cp_em_class() memoised for the code points below U+2000 (ASCII and all
 * Vietnamese letters): every cell of an export is measured, and the
 * strchr() and ICU look-ups per character were a tenth of an export
 * (issue 8).  The memo holds index + 1 into the few widths above.
 */
#define EM_MEMO 0x2000
static const double em_values[] = { 0.25, 1.0, 0.34, 0.95, 0.5, 0.7, 0.46, 0.56, 0.0, 0.6 };

static double cp_em(uint32_t c)
{
	static unsigned char memo[EM_MEMO];
	double em;

	if (c >= EM_MEMO)
		return cp_em_class(c);
	if (memo[c])
		return em_values[memo[c] - 1];
	em = cp_em_class(c);
	for (size_t k = 0; k < sizeof(em_values) / sizeof(em_values[0]); k++)
		if (em_values[k] == em) {
			memo[c] = (unsigned char)(k + 1);
			break;
		}
	return em;
}

static double word_width(const char *s, size_t len, double size, int bold)
{
	const unsigned char *p = (const unsigned char *)s;
	double em = 0;
	size_t i = 0;

	/* text_utf8_next() inline, with ASCII first: every cell of an
	 * export is measured (issue 8) */
	while (i < len) {
		uint32_t c = p[i];

		if (c < 0x80) {
			i++;
		} else if (c < 0xE0) {
			c = ((c & 0x1Fu) << 6) | (p[i + 1] & 0x3Fu);
			i += 2;
		} else if (c < 0xF0) {
			c = ((c & 0x0Fu) << 12) | ((p[i + 1] & 0x3Fu) << 6) | (p[i + 2] & 0x3Fu);
			i += 3;
		} else {
			c = text_utf8_next(s, len, &i);
		}
		em += cp_em(c);
	}
	return em * size * (bold ? 1.08 : 1.0);
}

double textfit_width(const char *s, double size, int bold)
{
	return s ? word_width(s, strlen(s), size, bold) : 0;
}

/* Lines of one paragraph (no LF inside). */
static int para_lines(const char *s, size_t len, double width, double size, int bold)
{
	double space = 0.25 * size * (bold ? 1.08 : 1.0), x = 0;
	int lines = 1;
	size_t i = 0;

	while (i < len) {
		size_t j = i;
		double w;

		while (i < len && s[i] == ' ')
			i++;
		if (i >= len)
			break;
		j = i;
		while (j < len && s[j] != ' ')
			j++;
		w = word_width(s + i, j - i, size, bold);
		if (x > 0 && x + space + w > width) {
			lines++;
			x = 0;
		}
		if (x > 0)
			x += space;
		if (w > width) {
			/* A word wider than the cell is broken across lines. */
			int extra = (int)(w / width);
			lines += extra;
			x = w - extra * width;
		} else {
			x += w;
		}
		i = j;
	}
	return lines;
}

int textfit_lines(const char *s, double width_pt, double size, int bold)
{
	int lines = 0;
	const char *p = s ? s : "";

	if (width_pt < size)
		width_pt = size;
	for (;;) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		lines += para_lines(p, len, width_pt, size, bold);
		if (!nl)
			break;
		p = nl + 1;
	}
	return lines;
}

double textfit_span_pt(double units, int ncols)
{
	/* Excel: a column of w units is trunc(w * 7 + 5) pixels (Calibri 11,
	 * the workbook's default font); 0.75 pt per pixel; about 3 pixels of
	 * padding on each side of the cell's text. */
	double px = units * 7.0 + 5.0 * (ncols > 0 ? ncols : 1);

	return (px - 7.0) * 0.75;
}

/*
 * A column of w units is trunc(7w + 5) / 7 characters of the Normal font's
 * digit width: 7 pixels in Excel, LibreOffice the font's own (5.5 pt for
 * Times New Roman 11), the wider one; so the scale is taken for
 * LibreOffice's, one percent less.
 */
int textfit_print_scale(const double *widths, int ncols, double width_pt)
{
	double chars = 0, grid;
	int scale;

	for (int i = 0; i < ncols; i++)
		chars += (double)(int)(widths[i] * 7.0 + 5.0) / 7.0;
	grid = chars * textfit_width("0", 11, 0);
	scale = grid > 0 ? (int)(100.0 * width_pt / grid) - 1 : 100;
	return scale > 100 ? 100 : scale < 10 ? 10 : scale;
}

double textfit_row_height(int lines, double size)
{
	if (lines < 1)
		lines = 1;
	return lines * size * 1.2 + 3.0;
}
