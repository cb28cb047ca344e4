/*
 * test_fill.c - fill-ins of template text (fill.c) and text fitting
 * (textfit.c).
 */
#include <stdlib.h>
#include <string.h>

#include "fill.h"
#include "sbuf.h"
#include "textfit.h"
#include "unit.h"
#include "banned.h"

static const char *lookup(void *arg, const char *name)
{
	(void)arg;
	if (!strcmp(name, "area"))
		return "tỉnh Hòa Lâm";
	if (!strcmp(name, "day"))
		return "05";
	if (!strcmp(name, "empty"))
		return "";
	return NULL;
}

static char *filled(const char *tpl, int *rc)
{
	struct sbuf out = SBUF_INIT;
	char err[160];

	*rc = fill_text(tpl, lookup, NULL, &out, err, sizeof(err));
	return sbuf_detach(&out, NULL);
}

#define CHECK_FILL(tpl, want) do { int rc_; char *s_ = filled(tpl, &rc_); \
	int ok_ = rc_ == 0 && !strcmp(s_, want); \
	if (!ok_) unit_fail(unit_failed_, __FILE__, __LINE__, "'%s' gave '%s' (rc %d), want '%s'", tpl, s_, rc_, want); \
	free(s_); if (!ok_) return; } while (0)

#define CHECK_BAD(tpl) do { int rc_; char *s_ = filled(tpl, &rc_); free(s_); CHECK(rc_ < 0); } while (0)

TEST(values_and_fallbacks)
{
	CHECK_FILL("ngày {day|…} tháng {month|…}", "ngày 05 tháng …");
	CHECK_FILL("{empty|……… (1)}", "……… (1)");
	CHECK_FILL("{missing}", "");
	CHECK_FILL("no fill-ins", "no fill-ins");
	CHECK_FILL("{{literal}}", "{literal}");
}

TEST(filters)
{
	CHECK_FILL("{area:upper|…}", "TỈNH HÒA LÂM");
	CHECK_FILL("VIỆT NAM{area:upper:sp|......}", "VIỆT NAM TỈNH HÒA LÂM");
	CHECK_FILL("VIỆT NAM{empty:sp|......}", "VIỆT NAM......");
	/* a punctuation mark after a value, never after the dots */
	CHECK_FILL("Chủ trì: {area:dot|ông (bà) ……} Chức vụ", "Chủ trì: tỉnh Hòa Lâm. Chức vụ");
	CHECK_FILL("Chủ trì: {empty:dot|ông (bà) ……} Chức vụ", "Chủ trì: ông (bà) …… Chức vụ");
	CHECK_FILL("{area:upper:comma|…} x", "TỈNH HÒA LÂM, x");
	CHECK_BAD("{area:semicolon|…}");
}

TEST(syntax_errors)
{
	CHECK_BAD("Hồi {start_hour giờ");
	CHECK_BAD("a } b");
	CHECK_BAD("{Name}");
	CHECK_BAD("{x:lower}");
	CHECK_BAD("{}");
}

static void count_name(const char *name, void *arg)
{
	(void)name;
	(*(int *)arg)++;
}

TEST(check_lists_fields)
{
	int n = 0;
	char err[160];

	CHECK_INT_EQ(fill_check("{a} {b|x} {#} {{c}}", count_name, &n, err, sizeof(err)), 0);
	CHECK_INT_EQ(n, 3);
	CHECK(fill_has_fields("x {a}"));
	CHECK(!fill_has_fields("x {{a}}"));
}

TEST(wrapping_counts_lines_not_bytes)
{
	/* Vietnamese letters are 2-3 bytes but one character each: the same
	 * number of lines as their ASCII look-alikes. */
	double w = 100;
	int vi = textfit_lines("Nguyễn Thị Hồng Nhung Nguyễn Thị Hồng Nhung", w, 12, 0);
	int ascii = textfit_lines("Nguyen Thi Hong Nhung Nguyen Thi Hong Nhung", w, 12, 0);

	CHECK_INT_EQ(vi, ascii);
	CHECK(vi >= 2);
	CHECK_INT_EQ(textfit_lines("", w, 12, 0), 1);
	CHECK_INT_EQ(textfit_lines("a\nb\nc", w, 12, 0), 3);
	/* Wider cell, fewer lines; bold is wider than regular. */
	CHECK(textfit_lines("Nguyễn Thị Hồng Nhung Nguyễn Thị Hồng Nhung", 400, 12, 0) < vi);
	CHECK(textfit_width("ABC", 12, 1) > textfit_width("ABC", 12, 0));
	CHECK(textfit_row_height(2, 12) > textfit_row_height(1, 12));
}
