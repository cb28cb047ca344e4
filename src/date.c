/* date.c - calendar arithmetic on proleptic Gregorian dates; see date.h. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "date.h"
#include "banned.h"

static int is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
	static const int dm[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	return m == 2 && is_leap(y) ? 29 : dm[m - 1];
}

int date_is_valid(int y, int m, int d)
{
	return y >= 1900 && y <= 2100 && m >= 1 && m <= 12 &&
	       d >= 1 && d <= days_in_month(y, m);
}

/* Read 1..maxdig digits; returns the number of digits read. */
static int digits(const char **p, int maxdig, int *val)
{
	int n = 0, v = 0;

	while (n < maxdig && isdigit((unsigned char)**p)) {
		v = v * 10 + (**p - '0');
		(*p)++;
		n++;
	}
	*val = v;
	return n;
}

/* A separator of the written forms. */
static int is_sep(char c)
{
	return c == '/' || c == '-' || c == '.';
}

/*
 * s without the spaces beside a separator: Excel text often has one after
 * a slash ("24/10/ 1979").  Into buf; s itself when it does not fit.
 */
static const char *squeeze(const char *s, char *buf, size_t len)
{
	size_t n = 0;

	for (const char *p = s; *p; p++) {
		if (*p == ' ') {
			const char *q = p;
			while (*q == ' ')
				q++;
			if ((n && is_sep(buf[n - 1])) || is_sep(*q)) {
				p = q - 1;
				continue;
			}
		}
		if (n + 1 >= len)
			return s;
		buf[n++] = *p;
	}
	buf[n] = '\0';
	return buf;
}

int date_parse(const char *s, int flags, struct date *out, char *err, size_t errlen)
{
	char sq[64];
	const char *p = s = squeeze(s, sq, sizeof(sq));
	int a, b, c, na, nb, nc;
	int has_m = 0, has_d = 0;	/* the field was written (maybe as 0) */
	const char *hint;
	struct date dt = { 0, 0, 0 };
	char sep;

	while (*p == ' ')
		p++;
	na = digits(&p, 4, &a);
	if (na == 4 && (*p == '-' || *p == 0 || *p == ' ')) {
		/* YYYY, YYYY-MM or YYYY-MM-DD */
		dt.y = a;
		if (*p == '-') {
			p++;
			nb = digits(&p, 2, &b);
			if (nb == 0)
				goto bad_form;
			dt.m = b;
			has_m = 1;
			if (*p == '-') {
				p++;
				nc = digits(&p, 2, &c);
				if (nc == 0)
					goto bad_form;
				dt.d = c;
				has_d = 1;
			}
		}
	} else if (na >= 1 && na <= 2 && (*p == '/' || *p == '-' || *p == '.')) {
		/* DD/MM/YYYY or MM/YYYY */
		sep = *p++;
		nb = digits(&p, 4, &b);
		if (nb == 4 && (*p == 0 || *p == ' ')) {
			dt.y = b;
			dt.m = a;
			has_m = 1;
		} else if (nb >= 1 && nb <= 2 && *p == sep) {
			p++;
			nc = digits(&p, 4, &c);
			if (nc != 4)
				goto bad_form;
			dt.y = c;
			dt.m = b;
			dt.d = a;
			has_m = has_d = 1;
		} else {
			goto bad_form;
		}
	} else {
		goto bad_form;
	}
	while (*p == ' ')
		p++;
	if (*p)
		goto bad_form;
	if (dt.y < 1900 || dt.y > 2100) {
		snprintf(err, errlen, "năm %d nằm ngoài khoảng 1900–2100", dt.y);
		return -1;
	}
	/* A field left out is unknown; one written as 0 is refused, with a
	 * hint where a partial date would have been accepted. */
	hint = (flags & DATE_PARTIAL) && ((has_d && dt.d == 0) || (has_m && dt.m == 0)) ?
		" (không rõ ngày, tháng thì bỏ phần đó, ví dụ '03/1980' hoặc '1980')" : "";
	if (!has_d) {
		if (!(flags & DATE_PARTIAL)) {
			snprintf(err, errlen, "cần ngày đầy đủ dạng dd/mm/yyyy");
			return -1;
		}
		if (has_m && (dt.m < 1 || dt.m > 12)) {
			snprintf(err, errlen, "tháng không tồn tại%s", hint);
			return -1;
		}
	} else if (!date_is_valid(dt.y, dt.m, dt.d)) {
		snprintf(err, errlen, "ngày không tồn tại%s", hint);
		return -1;
	}
	*out = dt;
	return 0;
bad_form:
	snprintf(err, errlen, "không đọc được ngày (dùng dd/mm/yyyy hoặc yyyy-mm-dd)");
	return -1;
}

/* Howard Hinnant's days_from_civil. */
long date_to_days(struct date dt)
{
	int y = dt.y, m = dt.m ? dt.m : 1, d = dt.d ? dt.d : 1;
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

struct date date_from_days(long z)
{
	struct date dt;
	long era, doe, yoe, y, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	dt.d = (int)(doy - (153 * mp + 2) / 5 + 1);
	dt.m = (int)(mp < 10 ? mp + 3 : mp - 9);
	dt.y = (int)(y + (dt.m <= 2));
	return dt;
}

struct date date_add_days(struct date dt, long n)
{
	return date_from_days(date_to_days(dt) + n);
}

static int precision(struct date dt)
{
	return (dt.m != 0) + (dt.d != 0);
}

int date_cmp(struct date a, struct date b)
{
	long da = date_to_days(a), db = date_to_days(b);

	if (da != db)
		return da < db ? -1 : 1;
	return precision(a) - precision(b);
}

int date_full_years(struct date birth, struct date on)
{
	int bm = birth.m ? birth.m : 1, bd = birth.d ? birth.d : 1;
	int years = on.y - birth.y;

	if (on.m < bm || (on.m == bm && on.d < bd))
		years--;
	return years;
}

void date_iso(struct date dt, char *buf, size_t len)
{
	if (dt.m && dt.d)
		snprintf(buf, len, "%04d-%02d-%02d", dt.y, dt.m, dt.d);
	else if (dt.m)
		snprintf(buf, len, "%04d-%02d", dt.y, dt.m);
	else
		snprintf(buf, len, "%04d", dt.y);
}

void date_vn(struct date dt, char *buf, size_t len)
{
	if (dt.m && dt.d)
		snprintf(buf, len, "%02d/%02d/%04d", dt.d, dt.m, dt.y);
	else if (dt.m)
		snprintf(buf, len, "%02d/%04d", dt.m, dt.y);
	else
		snprintf(buf, len, "%04d", dt.y);
}

void date_iso_to_vn(const char *iso, char *buf, size_t len)
{
	struct date d;
	char err[64];

	if (iso && date_parse(iso, DATE_PARTIAL, &d, err, sizeof(err)) == 0)
		date_vn(d, buf, len);
	else
		snprintf(buf, len, "%s", iso ? iso : "");
}

int date_today(struct date *out)
{
	const char *env = getenv("HIEPTHUONG_TODAY");
	char err[128];
	struct tm tm;
	time_t now;

	if (env && *env)
		return date_parse(env, DATE_FULL, out, err, sizeof(err));
	now = time(NULL);
	if (!localtime_r(&now, &tm))
		return -1;
	out->y = tm.tm_year + 1900;
	out->m = tm.tm_mon + 1;
	out->d = tm.tm_mday;
	return 0;
}
