/* count.c - counts as they enter; see count.h. */
#include <stdio.h>
#include "count.h"
#include "banned.h"

static int is_space(char c)
{
	return c == ' ' || c == '\t';
}

int count_parse(const char *s, long *out, char *err, size_t errlen)
{
	const char *p = s;
	long v = 0;
	int digits = 0;

	while (is_space(*p))
		p++;
	if (*p == '-' && p[1] >= '0' && p[1] <= '9') {
		snprintf(err, errlen, "cần một số không âm, không phải '%s'", s);
		return -1;
	}
	for (; *p >= '0' && *p <= '9'; p++, digits++) {
		if (v > COUNT_MAX / 10 || (v == COUNT_MAX / 10 && *p - '0' > COUNT_MAX % 10)) {
			snprintf(err, errlen, "số '%s' quá lớn (tối đa %ld)", s, COUNT_MAX);
			return -1;
		}
		v = v * 10 + (*p - '0');
	}
	while (is_space(*p))
		p++;
	if (!digits || *p) {
		snprintf(err, errlen, "cần một số nguyên không âm viết bằng chữ số (không dấu chấm, dấu phẩy "
			 "hay số mũ), không phải '%s'", s);
		return -1;
	}
	*out = v;
	return 0;
}
