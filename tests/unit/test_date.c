/* test_date.c - unit tests for calendar dates (src/date.c). */
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "unit.h"
#include "banned.h"

/* Parse s; on success render it as ISO into iso (the exact fields). */
static int parse(const char *s, int flags, char *iso, size_t isolen, char *err, size_t errlen)
{
	struct date d = { -1, -1, -1 };

	err[0] = 0;
	iso[0] = 0;
	if (date_parse(s, flags, &d, err, errlen) < 0)
		return -1;
	date_iso(d, iso, isolen);
	return 0;
}

#define OK(s, flags, want) do {                                                 \
	char iso_[32], err_[128];                                               \
	if (parse((s), (flags), iso_, sizeof(iso_), err_, sizeof(err_)) < 0) {  \
		unit_fail(unit_failed_, __FILE__, __LINE__, "'%s' refused: %s", (s), err_); \
		return;                                                         \
	}                                                                       \
	CHECK_STR_EQ(iso_, (want));                                             \
} while (0)

#define BAD(s, flags, reason) do {                                              \
	char iso_[32], err_[128];                                               \
	if (parse((s), (flags), iso_, sizeof(iso_), err_, sizeof(err_)) == 0) { \
		unit_fail(unit_failed_, __FILE__, __LINE__, "'%s' accepted as %s", (s), iso_); \
		return;                                                         \
	}                                                                       \
	if (!strstr(err_, (reason))) {                                          \
		unit_fail(unit_failed_, __FILE__, __LINE__, "'%s': reason '%s' lacks '%s'", \
			  (s), err_, (reason));                                 \
		return;                                                         \
	}                                                                       \
} while (0)

static struct date D(int y, int m, int d)
{
	struct date x = { y, m, d };
	return x;
}

TEST(full_forms)
{
	OK("2026-03-15", DATE_FULL, "2026-03-15");
	OK("15/03/2026", DATE_FULL, "2026-03-15");
	OK("5/3/2026", DATE_FULL, "2026-03-05");
	OK("05/3/2026", DATE_FULL, "2026-03-05");
	OK("15-03-2026", DATE_FULL, "2026-03-15");
	OK("15.03.2026", DATE_FULL, "2026-03-15");
	OK("2026-3-5", DATE_FULL, "2026-03-05");
	OK("  15/03/2026  ", DATE_FULL, "2026-03-15");
	/* the same forms are accepted when partial dates are allowed */
	OK("15/03/2026", DATE_PARTIAL, "2026-03-15");
	OK("2026-03-15", DATE_PARTIAL, "2026-03-15");
}

TEST(partial_forms)
{
	OK("03/1980", DATE_PARTIAL, "1980-03");
	OK("3/1980", DATE_PARTIAL, "1980-03");
	OK("1980-03", DATE_PARTIAL, "1980-03");
	OK("1980", DATE_PARTIAL, "1980");
	OK(" 1980 ", DATE_PARTIAL, "1980");
}

TEST(partial_forms_need_the_flag)
{
	BAD("03/1980", DATE_FULL, "cần ngày đầy đủ");
	BAD("1980-03", DATE_FULL, "cần ngày đầy đủ");
	BAD("1980", DATE_FULL, "cần ngày đầy đủ");
}

TEST(malformed)
{
	const char *bad[] = {
		"", "   ", "abc", "15/03/26", "15/03/02026", "2026/03/15", "15/3-2026",
		"15-03/2026", "20260315", "2026-03-15x", "2026-03-15T00:00", "15/03/2026 x",
		"-2026", "2026-", "2026--15", "15//2026", "/03/2026", "123/03/2026", "1980-",
		"15 03 2026", "٢٠٢٦",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		BAD(bad[i], DATE_FULL, "không đọc được ngày");
		BAD(bad[i], DATE_PARTIAL, "không đọc được ngày");
	}
}

TEST(days_that_do_not_exist)
{
	BAD("31/02/2026", DATE_FULL, "ngày không tồn tại");
	BAD("30/02/2024", DATE_FULL, "ngày không tồn tại");
	BAD("31/04/2026", DATE_FULL, "ngày không tồn tại");
	BAD("32/01/2026", DATE_FULL, "ngày không tồn tại");
	BAD("15/13/2026", DATE_FULL, "ngày không tồn tại");
	BAD("2026-13-01", DATE_FULL, "ngày không tồn tại");
	BAD("2026-02-31", DATE_PARTIAL, "ngày không tồn tại");
	BAD("13/1980", DATE_PARTIAL, "tháng không tồn tại");
	BAD("1980-13", DATE_PARTIAL, "tháng không tồn tại");
	OK("31/01/2026", DATE_FULL, "2026-01-31");
	OK("30/04/2026", DATE_FULL, "2026-04-30");
	OK("31/12/2026", DATE_FULL, "2026-12-31");
}

TEST(leap_years)
{
	OK("29/02/2024", DATE_FULL, "2024-02-29");
	BAD("29/02/2025", DATE_FULL, "ngày không tồn tại");
	OK("29/02/2000", DATE_FULL, "2000-02-29");	/* divisible by 400 */
	BAD("29/02/1900", DATE_FULL, "ngày không tồn tại");	/* by 100, not 400 */
	BAD("29/02/2100", DATE_FULL, "ngày không tồn tại");
	CHECK(date_is_valid(2024, 2, 29));
	CHECK(!date_is_valid(2025, 2, 29));
}

TEST(year_range)
{
	OK("01/01/1900", DATE_FULL, "1900-01-01");
	OK("31/12/2100", DATE_FULL, "2100-12-31");
	BAD("31/12/1899", DATE_FULL, "năm 1899 nằm ngoài khoảng 1900–2100");
	BAD("01/01/2101", DATE_FULL, "năm 2101 nằm ngoài khoảng");
	BAD("1899", DATE_PARTIAL, "nằm ngoài khoảng");
	BAD("0000-01-01", DATE_FULL, "nằm ngoài khoảng");
	CHECK(!date_is_valid(1899, 12, 31));
	CHECK(!date_is_valid(2101, 1, 1));
}

TEST(a_failed_parse_leaves_the_date_alone)
{
	struct date d = { 2000, 1, 2 };
	char err[128];

	CHECK(date_parse("31/02/2026", DATE_FULL, &d, err, sizeof(err)) < 0);
	CHECK_INT_EQ(d.y, 2000);
	CHECK_INT_EQ(d.m, 1);
	CHECK_INT_EQ(d.d, 2);
}

TEST(full_years_at_the_birthday)
{
	struct date e = D(2026, 3, 15);

	/* 21 exactly on election day: eligible; one day later: not yet */
	CHECK_INT_EQ(date_full_years(D(2005, 3, 15), e), 21);
	CHECK_INT_EQ(date_full_years(D(2005, 3, 16), e), 20);
	CHECK_INT_EQ(date_full_years(D(2005, 3, 14), e), 21);
	CHECK_INT_EQ(date_full_years(D(2005, 4, 1), e), 20);
	CHECK_INT_EQ(date_full_years(D(2005, 2, 28), e), 21);
	/* born on 29 February: a full year more on 1 March of a common year */
	CHECK_INT_EQ(date_full_years(D(2004, 2, 29), D(2025, 2, 28)), 20);
	CHECK_INT_EQ(date_full_years(D(2004, 2, 29), D(2025, 3, 1)), 21);
	CHECK_INT_EQ(date_full_years(D(2004, 2, 29), D(2024, 2, 29)), 20);
}

TEST(full_years_of_partial_birth_dates)
{
	struct date e = D(2026, 3, 15);

	/* a missing day counts as the 1st, a missing month as January (C9) */
	CHECK_INT_EQ(date_full_years(D(2005, 0, 0), e), 21);
	CHECK_INT_EQ(date_full_years(D(2005, 3, 0), e), 21);
	CHECK_INT_EQ(date_full_years(D(2005, 4, 0), e), 20);
	CHECK_INT_EQ(date_full_years(D(2006, 0, 0), e), 20);
	CHECK_INT_EQ(date_full_years(D(2005, 3, 0), D(2026, 3, 1)), 21);
	CHECK_INT_EQ(date_full_years(D(2005, 3, 0), D(2026, 2, 28)), 20);
}

TEST(add_days_across_months_and_years)
{
	char buf[16];

	date_iso(date_add_days(D(2026, 3, 15), -23), buf, sizeof(buf));
	CHECK_STR_EQ(buf, "2026-02-20");
	date_iso(date_add_days(D(2026, 3, 15), -95), buf, sizeof(buf));
	CHECK_STR_EQ(buf, "2025-12-10");
	date_iso(date_add_days(D(2025, 12, 31), 1), buf, sizeof(buf));
	CHECK_STR_EQ(buf, "2026-01-01");
	date_iso(date_add_days(D(2026, 1, 1), -1), buf, sizeof(buf));
	CHECK_STR_EQ(buf, "2025-12-31");
	date_iso(date_add_days(D(2024, 2, 28), 1), buf, sizeof(buf));
	CHECK_STR_EQ(buf, "2024-02-29");
	date_iso(date_add_days(D(2025, 2, 28), 1), buf, sizeof(buf));
	CHECK_STR_EQ(buf, "2025-03-01");
	date_iso(date_add_days(D(2024, 3, 1), -1), buf, sizeof(buf));
	CHECK_STR_EQ(buf, "2024-02-29");
	date_iso(date_add_days(D(2021, 5, 23), -105), buf, sizeof(buf));
	CHECK_STR_EQ(buf, "2021-02-07");
	date_iso(date_add_days(D(2024, 1, 1), 366), buf, sizeof(buf));
	CHECK_STR_EQ(buf, "2025-01-01");
	date_iso(date_add_days(D(2026, 3, 15), 0), buf, sizeof(buf));
	CHECK_STR_EQ(buf, "2026-03-15");
	/* a partial date counts from its first day */
	date_iso(date_add_days(D(1980, 0, 0), 31), buf, sizeof(buf));
	CHECK_STR_EQ(buf, "1980-02-01");
}

TEST(days_round_trip)
{
	CHECK_INT_EQ(date_to_days(D(1970, 1, 1)), 0);
	CHECK_INT_EQ(date_to_days(D(2000, 3, 1)) - date_to_days(D(2000, 2, 28)), 2);
	CHECK_INT_EQ(date_to_days(D(1900, 3, 1)) - date_to_days(D(1900, 2, 28)), 1);
	for (long n = date_to_days(D(1900, 1, 1)); n <= date_to_days(D(2100, 12, 31)); n += 37) {
		struct date x = date_from_days(n);
		CHECK(date_is_valid(x.y, x.m, x.d));
		CHECK_INT_EQ(date_to_days(x), n);
	}
}

TEST(compare_partial_and_full)
{
	CHECK(date_cmp(D(2026, 3, 15), D(2026, 3, 16)) < 0);
	CHECK(date_cmp(D(2026, 3, 16), D(2026, 3, 15)) > 0);
	CHECK_INT_EQ(date_cmp(D(2026, 3, 15), D(2026, 3, 15)), 0);
	/* the same first day: the less precise date sorts first */
	CHECK(date_cmp(D(1980, 0, 0), D(1980, 1, 0)) < 0);
	CHECK(date_cmp(D(1980, 1, 0), D(1980, 1, 1)) < 0);
	CHECK(date_cmp(D(1980, 1, 1), D(1980, 0, 0)) > 0);
	CHECK(date_cmp(D(1980, 0, 0), D(1979, 12, 31)) > 0);
}

TEST(render_partial_dates)
{
	char buf[16];

	date_vn(D(2026, 3, 5), buf, sizeof(buf));
	CHECK_STR_EQ(buf, "05/03/2026");
	date_vn(D(1980, 3, 0), buf, sizeof(buf));
	CHECK_STR_EQ(buf, "03/1980");
	date_vn(D(1980, 0, 0), buf, sizeof(buf));
	CHECK_STR_EQ(buf, "1980");
	date_iso(D(2026, 3, 5), buf, sizeof(buf));
	CHECK_STR_EQ(buf, "2026-03-05");
	date_iso(D(1980, 3, 0), buf, sizeof(buf));
	CHECK_STR_EQ(buf, "1980-03");
	date_iso(D(1980, 0, 0), buf, sizeof(buf));
	CHECK_STR_EQ(buf, "1980");
}

TEST(today_honours_the_environment)
{
	struct date d;

	setenv("HIEPTHUONG_TODAY", "2025-11-20", 1);
	CHECK_INT_EQ(date_today(&d), 0);
	CHECK_INT_EQ(d.y, 2025);
	CHECK_INT_EQ(d.m, 11);
	CHECK_INT_EQ(d.d, 20);
	setenv("HIEPTHUONG_TODAY", "2025-02-30", 1);
	CHECK(date_today(&d) < 0);
	setenv("HIEPTHUONG_TODAY", "2025-11", 1);
	CHECK(date_today(&d) < 0);
	unsetenv("HIEPTHUONG_TODAY");
	CHECK_INT_EQ(date_today(&d), 0);
	CHECK(date_is_valid(d.y, d.m, d.d));
}

TEST(a_written_zero_day_or_month_is_not_a_partial_date)
{
	/* "00" is a typo, not "unknown": only leaving a field out makes a
	 * partial date */
	BAD("00/03/1980", DATE_PARTIAL, "ngày không tồn tại");
	BAD("1980-03-00", DATE_PARTIAL, "ngày không tồn tại");
	BAD("1980-00-00", DATE_PARTIAL, "ngày không tồn tại");
	BAD("00/00/1980", DATE_PARTIAL, "ngày không tồn tại");
	BAD("1980-00", DATE_PARTIAL, "tháng không tồn tại");
	BAD("00/1980", DATE_PARTIAL, "tháng không tồn tại");
	BAD("00/03/2026", DATE_FULL, "ngày không tồn tại");
	BAD("2026-00-15", DATE_FULL, "ngày không tồn tại");
	BAD("2026-03-00", DATE_FULL, "ngày không tồn tại");
	/* where a partial date is allowed, say how to write one */
	BAD("00/00/1965", DATE_PARTIAL, "không rõ ngày, tháng thì bỏ phần đó, ví dụ '03/1980' hoặc '1980'");
	BAD("1965-00", DATE_PARTIAL, "tháng không tồn tại (không rõ ngày, tháng thì bỏ phần đó");
	{
		char iso[32], err[128];
		CHECK(parse("31/02/1965", DATE_PARTIAL, iso, sizeof(iso), err, sizeof(err)) < 0);
		CHECK_STR_EQ(err, "ngày không tồn tại");
		CHECK(parse("00/03/2026", DATE_FULL, iso, sizeof(iso), err, sizeof(err)) < 0);
		CHECK_STR_EQ(err, "ngày không tồn tại");
	}
}

/* Excel text often has a space after a slash (issue 16: 34 of 35 birth
 * dates of one real list). */
TEST(spaces_beside_separators)
{
	OK("24/10/ 1979", DATE_FULL, "1979-10-24");
	OK("24 / 10 / 1979", DATE_FULL, "1979-10-24");
	OK(" 5 /3/2026 ", DATE_FULL, "2026-03-05");
	OK("06/ 1968", DATE_PARTIAL, "1968-06");
	OK("1968 - 06", DATE_PARTIAL, "1968-06");
	BAD("24 10 1979", DATE_FULL, "không đọc được ngày");
	BAD("24/10/19 79", DATE_FULL, "không đọc được ngày");
}
