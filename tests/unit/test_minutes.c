/*
 * test_minutes.c - the times a clerk writes in a minutes file (minutes.c).
 */
#include <string.h>

#include "minutes.h"
#include "unit.h"
#include "banned.h"

#define CHECK_TIME(s, want) do { char t_[6] = ""; \
	CHECK_INT_EQ(minutes_time(s, t_), 0); CHECK_STR_EQ(t_, want); } while (0)
#define CHECK_NOT_TIME(s) do { char t_[6]; CHECK_INT_EQ(minutes_time(s, t_), -1); } while (0)

TEST(times_as_clerks_write_them)
{
	CHECK_TIME("09:05", "09:05");
	CHECK_TIME("9:05", "09:05");
	CHECK_TIME("9h05", "09:05");
	CHECK_TIME("9H5", "09:05");
	CHECK_TIME("9 giờ 15", "09:15");
	CHECK_TIME("14 giờ 30 phút", "14:30");
	CHECK_TIME("14 giờ", "14:00");
	CHECK_TIME("7g30", "07:30");
	CHECK_TIME(" 23:59 ", "23:59");
}

TEST(not_times)
{
	CHECK_NOT_TIME("");
	CHECK_NOT_TIME("chín giờ");
	CHECK_NOT_TIME("24:00");
	CHECK_NOT_TIME("9:60");
	CHECK_NOT_TIME("123:00");
	CHECK_NOT_TIME("9:005");
	CHECK_NOT_TIME("9:05 sáng");
	CHECK_NOT_TIME("9.05");
}
