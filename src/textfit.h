/*
 * textfit.h - how much room text takes in a spreadsheet cell.
 *
 * libxlsxwriter has no autofit and LibreOffice does not grow a row whose
 * wrapped text has no explicit height (the lines overlap), so the writer
 * computes every row's height itself: it estimates the printed width of
 * each word from per-character widths of Times New Roman (in ems), wraps
 * the words greedily into the cell's width, and gives the row as many
 * lines as its fullest cell needs.  The estimates err on the wide side, so
 * a row may come out a little taller than needed but never clips text.
 * Characters are counted as code points (UTF-8 aware), never as bytes.
 */
#ifndef TEXTFIT_H
#define TEXTFIT_H

/* Printed width in points of UTF-8 text at `size` points. */
double textfit_width(const char *s, double size, int bold);

/*
 * Lines that `s` takes when wrapped into a cell of `width_pt` points (the
 * text area, padding already taken off).  Every LF starts a new line; an
 * empty string takes one line; a word wider than the cell is broken.
 */
int textfit_lines(const char *s, double width_pt, double size, int bold);

/* Text area in points of a span of columns whose Excel widths (in the
 * default font's character units) add up to `units`. */
double textfit_span_pt(double units, int ncols);

/*
 * The print scale, in percent (10..100), at which columns of these Excel
 * widths fill `width_pt` points of paper.  Excel's "fit to width" would do
 * it, but it makes Excel ignore manual page breaks, and the scale it picks
 * is Excel's own: the page planner needs one scale that Excel and
 * LibreOffice both print at.
 */
int textfit_print_scale(const double *widths, int ncols, double width_pt);

/* Row height in points for `lines` lines of text at `size` points. */
double textfit_row_height(int lines, double size);

#endif
