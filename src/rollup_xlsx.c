/*
 * rollup_xlsx.c - the statistics workbook of the roll-up (`rollup export`).
 *
 * No prescribed Front table exists for these statistics (addendum Q8):
 * the layout is this tool's own, with the columns of NQ 40 Mẫu 28/30
 * (women, ethnic minorities, young, non-Party, re-elected, self-nominated,
 * docs/rollup.md).  One sheet per body type:
 *
 *   page 1  the committee's header, the place and date, the title, and a
 *           table of one row per committee and a totals row: seats,
 *           constituencies, the candidacies that entered each stage,
 *           those that stopped, the structure of the sheet's list (the
 *           furthest list anyone reached) as numbers and percentages,
 *           and the voter conferences with their trust results;
 *   page 2  the structure of each stage's list against the pack's targets
 *           and the stages with their drop reasons, beside two native
 *           charts (structure against targets, and the funnel of the
 *           stages), and the signature block.
 *
 * Percentages are numbers with a percent format.  The renderer of the
 * forms (xlsx.c) writes one template per sheet and has no charts, so this
 * module writes with libxlsxwriter directly, with the forms' conventions:
 * A4, scaled to one page wide, Times New Roman, the header row repeated, the
 * form's mark (outfile.h) among its properties.  The caller puts the file
 * in place (out_temp_beside, out_put_in_place).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>
#include "candidacy.h"
#include "diag.h"
#include "outfile.h"
#include "rollup_stats.h"
#include "sbuf.h"
#include "stage.h"
#include "text.h"
#include "textfit.h"
#include "version.h"
#include "banned.h"

#define FONT "Times New Roman"
#define NCOLS 24
/* Committees on a page of the table: rows of one line (the names are
 * short), with the header repeated and room left for the totals and the
 * signature block, on a landscape A4 page scaled to fit its width. */
#define ROWS_PER_PAGE 25

/* Column widths (Excel units): STT, committee, seats, constituencies, five
 * stages (nominated .. official) and stopped, six attributes (number, %),
 * voter conferences (held, passed, failed). */
static const double widths[NCOLS] = { 4.5, 24, 6, 6, 7.5, 7, 7.5, 7.5, 6,
				      6, 7, 6, 7, 6, 7, 6, 7, 6, 7, 6, 7, 7, 7, 7 };

/* The charts stand right of the summary tables, from this column to the
 * grid's last: no wider, or the printed page would grow a column of chart
 * edges (the print scale fits the grid to the page's width). */
#define CHART_COL 15
#define CHART_PX 480.0	/* libxlsxwriter's default chart width */

static double chart_x_scale(int from)
{
	double px = 0;

	for (int c = from; c < NCOLS; c++)
		px += (int)(widths[c] * 7.0 + 5.0);	/* Excel's pixels of a column */
	return (px - 4.0) / CHART_PX;
}

/* The stage lists the sheet shows, as columns and chart series. */
static const int shown_lists[] = { RL_ROUND2, RL_PRELIMINARY, RL_QUALIFIED, RL_OFFICIAL };
#define NSHOWN 4
static const char *const shown_labels[NSHOWN] = { "Trình hiệp thương lần hai", "Danh sách sơ bộ", "Đủ tiêu chuẩn",
						  "Danh sách chính thức" };
static const char *const attr_titles[RA_COUNT] = { "Phụ nữ", "Dân tộc thiểu số", "Trẻ tuổi", "Ngoài Đảng", "Tái cử",
						   "Tự ứng cử" };
static const char *const conf_titles[3] = { "Nơi công tác", "Nơi cư trú", "Thôn, tổ dân phố" };

struct book {
	lxw_workbook *wb;
	const struct rstats *s;
	lxw_format *title, *bold_c, *italic_c, *italic_r, *text_c, *head, *cell, *cell_l, *num, *pct, *tot_l, *tot_n,
		*tot_p, *bold_l, *plain_l, *italic_l;
	int young_age;
};

static lxw_format *fmt(lxw_workbook *wb, int bold, int italic, int align, int border, const char *numfmt, double size)
{
	lxw_format *f = workbook_add_format(wb);

	format_set_font_name(f, FONT);
	format_set_font_size(f, size);
	if (bold)
		format_set_bold(f);
	if (italic)
		format_set_italic(f);
	format_set_align(f, (uint8_t)align);
	format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
	format_set_text_wrap(f);
	if (border)
		format_set_border(f, LXW_BORDER_THIN);
	if (numfmt)
		format_set_num_format(f, numfmt);
	return f;
}

static void formats(struct book *b)
{
	lxw_workbook *wb = b->wb;

	b->title = fmt(wb, 1, 0, LXW_ALIGN_CENTER, 0, NULL, 13);
	b->bold_c = fmt(wb, 1, 0, LXW_ALIGN_CENTER, 0, NULL, 12);
	b->italic_c = fmt(wb, 0, 1, LXW_ALIGN_CENTER, 0, NULL, 12);
	b->italic_r = fmt(wb, 0, 1, LXW_ALIGN_RIGHT, 0, NULL, 12);
	b->italic_l = fmt(wb, 0, 1, LXW_ALIGN_LEFT, 0, NULL, 11);
	b->text_c = fmt(wb, 0, 0, LXW_ALIGN_CENTER, 0, NULL, 12);
	b->head = fmt(wb, 1, 0, LXW_ALIGN_CENTER, 1, NULL, 10);
	b->cell = fmt(wb, 0, 0, LXW_ALIGN_CENTER, 1, NULL, 10);
	b->cell_l = fmt(wb, 0, 0, LXW_ALIGN_LEFT, 1, NULL, 10);
	b->num = fmt(wb, 0, 0, LXW_ALIGN_RIGHT, 1, "0", 10);
	b->pct = fmt(wb, 0, 0, LXW_ALIGN_RIGHT, 1, "0.00%", 10);
	b->tot_l = fmt(wb, 1, 0, LXW_ALIGN_LEFT, 1, NULL, 10);
	b->tot_n = fmt(wb, 1, 0, LXW_ALIGN_RIGHT, 1, "0", 10);
	b->tot_p = fmt(wb, 1, 0, LXW_ALIGN_RIGHT, 1, "0.00%", 10);
	b->bold_l = fmt(wb, 1, 0, LXW_ALIGN_LEFT, 0, NULL, 11);
	b->plain_l = fmt(wb, 0, 0, LXW_ALIGN_LEFT, 0, NULL, 11);
}

/* The Normal style in the forms' font (xlsx.c, default_font: the first format). */
static void normal_font(lxw_workbook *wb)
{
	lxw_format *normal = STAILQ_FIRST(wb->formats);

	if (normal)
		format_set_font_name(normal, FONT);
}

/* Width in points of columns c1..c2, for the row heights of wrapped text. */
static double span_pt(int c1, int c2)
{
	double units = 0;

	for (int c = c1; c <= c2; c++)
		units += widths[c];
	return textfit_span_pt(units, c2 - c1 + 1);
}

/* A merged line of text over c1..c2 with a height for its wrapped lines. */
static void line(lxw_worksheet *ws, int row, int c1, int c2, const char *text, lxw_format *f, double size, int bold)
{
	int lines = textfit_lines(text, span_pt(c1, c2), size, bold);

	worksheet_set_row(ws, (lxw_row_t)row, textfit_row_height(lines, size), NULL);
	if (c1 == c2)
		worksheet_write_string(ws, (lxw_row_t)row, (lxw_col_t)c1, text, f);
	else
		worksheet_merge_range(ws, (lxw_row_t)row, (lxw_col_t)c1, (lxw_row_t)row, (lxw_col_t)c2, text, f);
}

static void number(lxw_worksheet *ws, int row, int col, long long v, lxw_format *f)
{
	worksheet_write_number(ws, (lxw_row_t)row, (lxw_col_t)col, (double)v, f);
}

/* A share as a number with a percent format; blank when there is no list or it is not known. */
static void share(lxw_worksheet *ws, int row, int col, long long n, long long total, int unknown, lxw_format *f)
{
	if (total <= 0 || unknown)
		worksheet_write_blank(ws, (lxw_row_t)row, (lxw_col_t)col, f);
	else
		worksheet_write_number(ws, (lxw_row_t)row, (lxw_col_t)col, (double)n / (double)total, f);
}

/* The furthest of the shown lists anyone of the type reached. */
static int sheet_list(const struct rs_body *t)
{
	for (int i = NSHOWN - 1; i > 0; i--)
		if (t->on[shown_lists[i]])
			return shown_lists[i];
	return shown_lists[0];
}

static const char *shown_label(int list)
{
	for (int i = 0; i < NSHOWN; i++)
		if (shown_lists[i] == list)
			return shown_labels[i];
	return "";
}

/* The text with its first letter in upper case ("Dự kiến"); malloc'd. */
static char *capital(const char *s)
{
	size_t i = 0, n = strlen(s);
	char first[8], *up;
	struct sbuf out = SBUF_INIT;

	if (!n)
		return xstrdup(s);
	text_utf8_next(s, n, &i);
	if (i >= sizeof(first))
		return xstrdup(s);
	memcpy(first, s, i);
	first[i] = 0;
	up = text_upper(first);
	sbuf_addstr(&out, up ? up : first);
	sbuf_addstr(&out, s + i);
	free(up);
	return sbuf_detach(&out, NULL);
}

/* "xã Tân Hòa Lâm" of "Ủy ban Mặt trận Tổ quốc Việt Nam xã Tân Hòa Lâm". */
static const char *short_name(const char *name)
{
	static const char prefix[] = "Ủy ban Mặt trận Tổ quốc Việt Nam ";

	return strncmp(name, prefix, sizeof(prefix) - 1) ? name : name + sizeof(prefix) - 1;
}

/* The header of the forms, the place and date, the title: rows from 0; returns the next row. */
static int page_head(struct book *b, lxw_worksheet *ws, const struct rs_body *t)
{
	const struct rstats *s = b->s;
	char *area = text_upper(s->area_name), *type = text_upper(t->type_name);
	struct sbuf x = SBUF_INIT;
	char today[16];
	int r = 0;

	line(ws, r, 16, NCOLS - 1, "Biểu tổng hợp (không có mẫu chính thức)", b->italic_r, 12, 0);
	r++;
	line(ws, r, 0, 8, "ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM", b->bold_c, 12, 1);
	line(ws, r, 11, NCOLS - 1, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", b->bold_c, 12, 1);
	r++;
	line(ws, r, 0, 8, area ? area : s->area_name, b->bold_c, 12, 1);
	line(ws, r, 11, NCOLS - 1, "Độc lập - Tự do - Hạnh phúc", b->bold_c, 12, 1);
	r++;
	line(ws, r, 0, 8, "-------", b->text_c, 12, 0);
	line(ws, r, 11, NCOLS - 1, "---------------", b->text_c, 12, 0);
	r++;
	sbuf_addf(&x, "%s, ngày %02d tháng %02d năm %d", s->place, s->today.d, s->today.m, s->today.y);
	line(ws, r, 11, NCOLS - 1, x.buf, b->italic_c, 12, 0);
	r += 2;
	line(ws, r++, 0, NCOLS - 1, "BIỂU THỐNG KÊ TỔNG HỢP KẾT QUẢ HIỆP THƯƠNG, GIỚI THIỆU NGƯỜI ỨNG CỬ", b->title, 13, 1);
	sbuf_reset(&x);
	sbuf_addf(&x, "ĐẠI BIỂU %s", type ? type : t->type_name);
	line(ws, r++, 0, NCOLS - 1, x.buf, b->title, 13, 1);
	sbuf_reset(&x);
	date_vn(s->today, today, sizeof(today));
	sbuf_addf(&x, "(%d ủy ban; tổng hợp từ sổ này và %d sổ của các Ủy ban Mặt trận Tổ quốc cấp dưới; số liệu đến ngày %s)",
		  t->committees, s->nsources, today);
	line(ws, r++, 0, NCOLS - 1, x.buf, b->italic_c, 12, 0);
	r++;
	sbuf_release(&x);
	free(area);
	free(type);
	return r;
}

/* The committee table's three header rows; returns the first data row. */
static int table_head(struct book *b, lxw_worksheet *ws, int r, int list)
{
	struct sbuf x = SBUF_INIT;
	static const char *const stages[5] = { "Trình HT lần hai", "Sơ bộ", "Đủ tiêu chuẩn", "Chính thức", "Dừng" };

	for (int i = 0; i < 3; i++)
		worksheet_set_row(ws, (lxw_row_t)(r + i), i == 0 ? 30 : i == 1 ? 40 : 16, NULL);
	worksheet_merge_range(ws, (lxw_row_t)r, 0, (lxw_row_t)(r + 2), 0, "STT", b->head);
	worksheet_merge_range(ws, (lxw_row_t)r, 1, (lxw_row_t)(r + 2), 1, "Ủy ban Mặt trận Tổ quốc Việt Nam", b->head);
	worksheet_merge_range(ws, (lxw_row_t)r, 2, (lxw_row_t)(r + 2), 2, "Số đại biểu được bầu", b->head);
	worksheet_merge_range(ws, (lxw_row_t)r, 3, (lxw_row_t)(r + 2), 3, "Số đơn vị bầu cử", b->head);
	worksheet_merge_range(ws, (lxw_row_t)r, 4, (lxw_row_t)r, 8, "Số người qua từng bước", b->head);
	for (int i = 0; i < 5; i++)
		worksheet_merge_range(ws, (lxw_row_t)(r + 1), (lxw_col_t)(4 + i), (lxw_row_t)(r + 2), (lxw_col_t)(4 + i),
				      stages[i], b->head);
	sbuf_addf(&x, "Cơ cấu, thành phần (%s)", shown_label(list));
	worksheet_merge_range(ws, (lxw_row_t)r, 9, (lxw_row_t)r, 20, x.buf, b->head);
	for (int a = 0; a < RA_COUNT; a++) {
		char t[64];

		if (a == RA_YOUNG && b->young_age)
			snprintf(t, sizeof(t), "Dưới %d tuổi", b->young_age);
		else
			snprintf(t, sizeof(t), "%s", attr_titles[a]);
		worksheet_merge_range(ws, (lxw_row_t)(r + 1), (lxw_col_t)(9 + 2 * a), (lxw_row_t)(r + 1),
				      (lxw_col_t)(10 + 2 * a), t, b->head);
		worksheet_write_string(ws, (lxw_row_t)(r + 2), (lxw_col_t)(9 + 2 * a), "Số", b->head);
		worksheet_write_string(ws, (lxw_row_t)(r + 2), (lxw_col_t)(10 + 2 * a), "%", b->head);
	}
	worksheet_merge_range(ws, (lxw_row_t)r, 21, (lxw_row_t)r, 23, "Hội nghị cử tri", b->head);
	worksheet_merge_range(ws, (lxw_row_t)(r + 1), 21, (lxw_row_t)(r + 2), 21, "Số hội nghị", b->head);
	worksheet_merge_range(ws, (lxw_row_t)(r + 1), 22, (lxw_row_t)(r + 2), 22, "Tín nhiệm đạt", b->head);
	worksheet_merge_range(ws, (lxw_row_t)(r + 1), 23, (lxw_row_t)(r + 2), 23, "Không đạt", b->head);
	worksheet_repeat_rows(ws, (lxw_row_t)r, (lxw_row_t)(r + 2));
	sbuf_release(&x);
	return r + 3;
}

/* One row of the committee table (or the totals, with total set). */
static void table_row(struct book *b, lxw_worksheet *ws, int r, int no, const char *name, const struct rs_body *x,
		      int list, int total)
{
	lxw_format *n = total ? b->tot_n : b->num, *p = total ? b->tot_p : b->pct;
	long long dropped = 0, held = 0, results = 0, passed = 0;
	int lines = textfit_lines(name, span_pt(1, 1), 10, total);

	worksheet_set_row(ws, (lxw_row_t)r, textfit_row_height(lines, 10), NULL);
	for (int j = 0; j < STAGE_COUNT; j++)
		dropped += x->dropped[j];
	for (int k = 0; k < 3; k++) {
		held += x->conf[k][0];
		results += x->conf[k][1];
		passed += x->conf[k][2];
	}
	if (total)
		worksheet_write_blank(ws, (lxw_row_t)r, 0, b->tot_l);
	else
		number(ws, r, 0, no, b->cell);
	worksheet_write_string(ws, (lxw_row_t)r, 1, name, total ? b->tot_l : b->cell_l);
	number(ws, r, 2, x->seats, n);
	number(ws, r, 3, x->ncons, n);
	for (int j = STAGE_NOMINATED; j < STAGE_COUNT; j++)
		number(ws, r, 4 + j - STAGE_NOMINATED, x->entered[j], n);
	number(ws, r, 8, dropped, n);
	for (int a = 0; a < RA_COUNT; a++) {
		int unknown = x->unknown[list][a] && x->unknown[list][a] == x->on[list];

		if (unknown)
			worksheet_write_blank(ws, (lxw_row_t)r, (lxw_col_t)(9 + 2 * a), n);
		else
			number(ws, r, 9 + 2 * a, x->attr[list][a], n);
		share(ws, r, 10 + 2 * a, x->attr[list][a], x->on[list], unknown, p);
	}
	number(ws, r, 21, held, n);
	number(ws, r, 22, passed, n);
	number(ws, r, 23, results - passed, n);
}

/* Page 2: the summary tables on the left, the charts on the right; returns the next row. */
static int summary(struct book *b, lxw_worksheet *ws, const char *sheet, int r, const struct rs_body *t)
{
	const struct rule_pack *pack = b->s->pack;
	int top = r, first, stages_first;
	lxw_chart *bars, *funnel;
	lxw_chart_series *ser;
	lxw_chart_font axis_font = { .name = (char *)FONT, .size = 9 };
	lxw_chart_font title_font = { .name = (char *)FONT, .size = 11, .bold = 1 };
	lxw_chart_options at = { .x_scale = chart_x_scale(CHART_COL), .y_scale = 1.0 };
	static const char *const cols[] = { "Trình hiệp thương lần hai", "Sơ bộ", "Đủ tiêu chuẩn", "Chính thức",
					    "Chỉ tiêu", "Quy tắc" };
	char *cap;

	line(ws, r++, 0, 12, "I. CƠ CẤU, THÀNH PHẦN CỦA DANH SÁCH TỪNG BƯỚC SO VỚI CHỈ TIÊU", b->bold_l, 11, 1);
	worksheet_set_row(ws, (lxw_row_t)r, 30, NULL);
	worksheet_merge_range(ws, (lxw_row_t)r, 0, (lxw_row_t)r, 1, "Cơ cấu, thành phần", b->head);
	for (int i = 0; i < 6; i++)
		worksheet_merge_range(ws, (lxw_row_t)r, (lxw_col_t)(2 + 2 * i), (lxw_row_t)r, (lxw_col_t)(3 + 2 * i + (i == 5)),
				      cols[i], b->head);
	r++;
	worksheet_merge_range(ws, (lxw_row_t)r, 0, (lxw_row_t)r, 1, "Số người trong danh sách", b->cell_l);
	for (int i = 0; i < NSHOWN; i++) {
		worksheet_merge_range(ws, (lxw_row_t)r, (lxw_col_t)(2 + 2 * i), (lxw_row_t)r, (lxw_col_t)(3 + 2 * i), "",
				      b->num);
		number(ws, r, 2 + 2 * i, t->on[shown_lists[i]], b->num);
	}
	worksheet_merge_range(ws, (lxw_row_t)r, 10, (lxw_row_t)r, 11, "", b->cell);
	worksheet_merge_range(ws, (lxw_row_t)r, 12, (lxw_row_t)r, 14, "", b->cell);
	r++;
	first = r;
	for (int a = 0; a < RA_COUNT; a++, r++) {
		const struct rule *rule = NULL;
		long pct = 0;
		int list = -1, has = rollup_target(pack, t->kind, a, &rule, &pct, &list);
		char label[64];

		if (a == RA_YOUNG && b->young_age)
			snprintf(label, sizeof(label), "Trẻ tuổi (dưới %d tuổi)", b->young_age);
		else
			snprintf(label, sizeof(label), "%s", attr_titles[a]);
		worksheet_merge_range(ws, (lxw_row_t)r, 0, (lxw_row_t)r, 1, label, b->cell_l);
		for (int i = 0; i < NSHOWN; i++) {
			int l = shown_lists[i];
			worksheet_merge_range(ws, (lxw_row_t)r, (lxw_col_t)(2 + 2 * i), (lxw_row_t)r, (lxw_col_t)(3 + 2 * i), "",
					      b->pct);
			share(ws, r, 2 + 2 * i, t->attr[l][a], t->on[l], t->unknown[l][a] && t->unknown[l][a] == t->on[l],
			      b->pct);
		}
		worksheet_merge_range(ws, (lxw_row_t)r, 10, (lxw_row_t)r, 11, "", b->pct);
		if (has)
			worksheet_write_number(ws, (lxw_row_t)r, 10, (double)pct / 100.0, b->pct);
		worksheet_merge_range(ws, (lxw_row_t)r, 12, (lxw_row_t)r, 14, has ? rule->id : "", b->cell);
	}
	r++;
	line(ws, r++, 0, 12, "II. CÁC BƯỚC HIỆP THƯƠNG: SỐ NGƯỜI VÀO, QUA, ĐANG XÉT, DỪNG VÀ LÝ DO", b->bold_l, 11, 1);
	worksheet_set_row(ws, (lxw_row_t)r, 18, NULL);
	worksheet_merge_range(ws, (lxw_row_t)r, 0, (lxw_row_t)r, 1, "Bước", b->head);
	worksheet_write_string(ws, (lxw_row_t)r, 2, "Vào", b->head);
	worksheet_write_string(ws, (lxw_row_t)r, 3, "Qua", b->head);
	worksheet_write_string(ws, (lxw_row_t)r, 4, "Đang", b->head);
	worksheet_write_string(ws, (lxw_row_t)r, 5, "Dừng", b->head);
	worksheet_merge_range(ws, (lxw_row_t)r, 6, (lxw_row_t)r, 14, "Lý do dừng", b->head);
	r++;
	stages_first = r;
	for (int j = 0; j < STAGE_COUNT; j++, r++) {
		struct sbuf why = SBUF_INIT;
		int lines;

		for (int k = 0; k < RS_NREASONS; k++)
			if (t->reasons[j][k])
				sbuf_addf(&why, "%s%s: %lld", why.len ? "; " : "", reason_label(rs_reasons[k]), t->reasons[j][k]);
		lines = textfit_lines(why.buf, span_pt(6, 14), 10, 0);
		worksheet_set_row(ws, (lxw_row_t)r, textfit_row_height(lines, 10), NULL);
		cap = capital(stage_label(stage_key(j)));
		worksheet_merge_range(ws, (lxw_row_t)r, 0, (lxw_row_t)r, 1, cap, b->cell_l);
		free(cap);
		number(ws, r, 2, t->entered[j], b->num);
		number(ws, r, 3, t->entered[j] - t->at[j] - t->dropped[j], b->num);
		number(ws, r, 4, t->at[j], b->num);
		number(ws, r, 5, t->dropped[j], b->num);
		worksheet_merge_range(ws, (lxw_row_t)r, 6, (lxw_row_t)r, 14, why.buf, b->cell_l);
		sbuf_release(&why);
	}
	r++;
	line(ws, r++, 0, 12, "III. HỘI NGHỊ CỬ TRI VÀ KẾT QUẢ TÍN NHIỆM", b->bold_l, 11, 1);
	worksheet_set_row(ws, (lxw_row_t)r, 30, NULL);
	worksheet_merge_range(ws, (lxw_row_t)r, 0, (lxw_row_t)r, 1, "Hội nghị cử tri", b->head);
	worksheet_merge_range(ws, (lxw_row_t)r, 2, (lxw_row_t)r, 3, "Số hội nghị", b->head);
	worksheet_merge_range(ws, (lxw_row_t)r, 4, (lxw_row_t)r, 5, "Lượt lấy tín nhiệm", b->head);
	worksheet_merge_range(ws, (lxw_row_t)r, 6, (lxw_row_t)r, 7, "Đạt", b->head);
	worksheet_merge_range(ws, (lxw_row_t)r, 8, (lxw_row_t)r, 9, "Không đạt", b->head);
	worksheet_merge_range(ws, (lxw_row_t)r, 10, (lxw_row_t)r, 11, "Tỷ lệ đạt", b->head);
	r++;
	for (int k = 0; k < 3; k++, r++) {
		worksheet_merge_range(ws, (lxw_row_t)r, 0, (lxw_row_t)r, 1, conf_titles[k], b->cell_l);
		for (int i = 0; i < 5; i++)
			worksheet_merge_range(ws, (lxw_row_t)r, (lxw_col_t)(2 + 2 * i), (lxw_row_t)r, (lxw_col_t)(3 + 2 * i), "",
					      i == 4 ? b->pct : b->num);
		number(ws, r, 2, t->conf[k][0], b->num);
		number(ws, r, 4, t->conf[k][1], b->num);
		number(ws, r, 6, t->conf[k][2], b->num);
		number(ws, r, 8, t->conf[k][1] - t->conf[k][2], b->num);
		share(ws, r, 10, t->conf[k][2], t->conf[k][1], 0, b->pct);
	}

	/* Chart 1: the structure of each stage's list against the targets. */
	bars = workbook_add_chart(b->wb, LXW_CHART_COLUMN);
	for (int i = 0; i < NSHOWN + 1; i++) {
		ser = chart_add_series(bars, NULL, NULL);
		chart_series_set_categories(ser, sheet, (lxw_row_t)first, 0, (lxw_row_t)(first + RA_COUNT - 1), 0);
		chart_series_set_values(ser, sheet, (lxw_row_t)first, (lxw_col_t)(2 + 2 * i),
					(lxw_row_t)(first + RA_COUNT - 1), (lxw_col_t)(2 + 2 * i));
		chart_series_set_name_range(ser, sheet, (lxw_row_t)(first - 2), (lxw_col_t)(2 + 2 * i));
	}
	chart_title_set_name(bars, "Cơ cấu theo từng bước so với chỉ tiêu");
	chart_title_set_name_font(bars, &title_font);
	chart_axis_set_num_format(bars->y_axis, "0%");
	chart_axis_set_min(bars->y_axis, 0);
	chart_axis_set_num_font(bars->x_axis, &axis_font);
	chart_axis_set_num_font(bars->y_axis, &axis_font);
	chart_legend_set_position(bars, LXW_CHART_LEGEND_BOTTOM);
	chart_legend_set_font(bars, &axis_font);
	worksheet_insert_chart_opt(ws, (lxw_row_t)top, CHART_COL, bars, &at);

	/* Chart 2: the funnel, candidacies that entered each stage. */
	funnel = workbook_add_chart(b->wb, LXW_CHART_BAR);
	ser = chart_add_series(funnel, NULL, NULL);
	chart_series_set_categories(ser, sheet, (lxw_row_t)stages_first, 0, (lxw_row_t)(stages_first + STAGE_COUNT - 1), 0);
	chart_series_set_values(ser, sheet, (lxw_row_t)stages_first, 2, (lxw_row_t)(stages_first + STAGE_COUNT - 1), 2);
	chart_series_set_name(ser, "Số người vào bước");
	chart_series_set_labels(ser);
	ser = chart_add_series(funnel, NULL, NULL);
	chart_series_set_categories(ser, sheet, (lxw_row_t)stages_first, 0, (lxw_row_t)(stages_first + STAGE_COUNT - 1), 0);
	chart_series_set_values(ser, sheet, (lxw_row_t)stages_first, 5, (lxw_row_t)(stages_first + STAGE_COUNT - 1), 5);
	chart_series_set_name(ser, "Dừng ở bước");
	chart_title_set_name(funnel, "Số người qua các bước hiệp thương");
	chart_title_set_name_font(funnel, &title_font);
	chart_axis_set_reverse(funnel->y_axis);
	chart_axis_set_num_font(funnel->x_axis, &axis_font);
	chart_axis_set_num_font(funnel->y_axis, &axis_font);
	chart_legend_set_position(funnel, LXW_CHART_LEGEND_BOTTOM);
	chart_legend_set_font(funnel, &axis_font);
	worksheet_insert_chart_opt(ws, (lxw_row_t)(top + 16), CHART_COL, funnel, &at);
	/* the charts are about 16 rows of 18 points each */
	return r > top + 32 ? r : top + 32;
}

/* The signature block (and the recipients on the left); returns the next row. */
static int signature(struct book *b, lxw_worksheet *ws, int r)
{
	char *area = text_upper(b->s->area_name);
	struct sbuf x = SBUF_INIT;

	r++;
	sbuf_addf(&x, "ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM %s", area ? area : b->s->area_name);
	line(ws, r, 0, 8, "Nơi nhận:", b->bold_l, 11, 1);
	line(ws, r++, 14, NCOLS - 1, "TM. BAN THƯỜNG TRỰC", b->bold_c, 12, 1);
	line(ws, r, 0, 8, "- Như trên;", b->plain_l, 11, 0);
	line(ws, r++, 14, NCOLS - 1, x.buf, b->bold_c, 12, 1);
	line(ws, r, 0, 8, "- Lưu: VT.", b->plain_l, 11, 0);
	line(ws, r++, 14, NCOLS - 1, "(Ký tên, đóng dấu)", b->italic_c, 12, 0);
	for (int i = 0; i < 4; i++)
		worksheet_set_row(ws, (lxw_row_t)(r++), 16, NULL);
	sbuf_release(&x);
	free(area);
	return r;
}

static void page_setup(lxw_worksheet *ws)
{
	for (int c = 0; c < NCOLS; c++)
		worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, widths[c], NULL);
	worksheet_set_paper(ws, 9);	/* A4 */
	worksheet_set_landscape(ws);
	worksheet_set_margins(ws, 20 / 25.4, 15 / 25.4, 15 / 25.4, 15 / 25.4);
	/* a scale, not "fit to width": Excel would ignore the sheet's page breaks */
	worksheet_set_print_scale(ws, (uint16_t)textfit_print_scale(widths, NCOLS,
								     (297.0 - 20.0 - 15.0) / 25.4 * 72.0));
	worksheet_center_horizontally(ws);
	worksheet_gridlines(ws, LXW_HIDE_ALL_GRIDLINES);
	worksheet_set_footer(ws, "&CTrang &P/&N");
}

static int young_age(const struct rule_pack *pack)
{
	for (int i = 0; i < pack->nrules; i++) {
		const struct rule *r = &pack->rules[i];
		if (r->kind && !strcmp(r->kind, "share") && rule_str(r, "attribute") &&
		    !strcmp(rule_str(r, "attribute"), "young"))
			return (int)rule_int(r, "age_under", 0);
	}
	return 0;
}

static void sheet(struct book *b, const struct rs_body *t, int index)
{
	const struct rstats *s = b->s;
	char name[64];
	lxw_worksheet *ws;
	int r, list = sheet_list(t), no = 0, nbreaks = 0;
	lxw_row_t *breaks = xcalloc((size_t)t->committees / ROWS_PER_PAGE + 3, sizeof(*breaks));

	/* a sheet name: at most 31 characters, none of []:*?/\ ; the type names have none */
	snprintf(name, sizeof(name), "%s", t->type_name);
	if (text_utf8_count(name) > 31 || strpbrk(name, "[]:*?/\\"))
		snprintf(name, sizeof(name), "Loai %d", index + 1);
	if (!(ws = workbook_add_worksheet(b->wb, name)))
		return;
	page_setup(ws);
	r = page_head(b, ws, t);
	r = summary(b, ws, name, r, t);
	breaks[nbreaks++] = (lxw_row_t)r;
	line(ws, r++, 0, 12, "IV. TỪNG ỦY BAN", b->bold_l, 11, 1);
	r = table_head(b, ws, r, list);
	for (int i = 0; i < s->n; i++)
		for (int k = 0; k < s->c[i].nbodies; k++)
			if (!strcmp(s->c[i].bodies[k].code, t->code)) {
				/* the file's own breaks: a page of rows under the repeated header */
				if (no && no % ROWS_PER_PAGE == 0)
					breaks[nbreaks++] = (lxw_row_t)r;
				table_row(b, ws, r++, ++no, short_name(s->c[i].name), &s->c[i].bodies[k], list, 0);
			}
	table_row(b, ws, r++, 0, "Tổng cộng", t, list, 1);
	worksheet_set_h_pagebreaks(ws, breaks);	/* ends with a 0 */
	signature(b, ws, r);
	free(breaks);
}

int rollup_xlsx_write(const struct rstats *s, const char *path, const char *shown)
{
	lxw_doc_properties props;
	struct book b;
	lxw_error e;

	if (!s->ntotals)
		return error("chưa có gì để thống kê: sổ không có cơ quan nào và chưa đọc sổ nào của cấp dưới");
	memset(&b, 0, sizeof(b));
	b.s = s;
	b.young_age = young_age(s->pack);
	if (!(b.wb = workbook_new(path)))
		return error("không tạo được tệp '%s'", shown);
	normal_font(b.wb);
	memset(&props, 0, sizeof(props));
	props.title = (char *)"Biểu thống kê tổng hợp kết quả hiệp thương";
	props.author = (char *)"hiepthuong";
	/* created: the day the figures are as of, not the clock, so that the
	 * same book and the same --today write the same file (the forms carry
	 * their book's creation time the same way) */
	{
		struct tm tm;

		memset(&tm, 0, sizeof(tm));
		tm.tm_year = s->today.y - 1900;
		tm.tm_mon = (s->today.m ? s->today.m : 1) - 1;
		tm.tm_mday = s->today.d ? s->today.d : 1;
		props.created = timegm(&tm);
	}
	workbook_set_properties(b.wb, &props);
	workbook_set_custom_property_string(b.wb, OUT_FORM_MARK, HIEPTHUONG_VERSION);
	formats(&b);
	for (int t = 0; t < s->ntotals; t++)
		sheet(&b, &s->totals[t], t);
	errno = 0;
	e = workbook_close(b.wb);
	if (e != LXW_NO_ERROR)
		return error("không ghi được tệp '%s': %s", shown, errno == ENOSPC ? "đĩa đầy" : sys_msg(errno ? errno : EIO));
	return 0;
}
