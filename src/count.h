/*
 * count.h - the one way a count (voters, votes, ballots, people) enters
 * hiepthuong: from an option, a CSV or spreadsheet cell, or a --result.
 *
 * A count is a whole number from 0 to COUNT_MAX written in ASCII digits,
 * with white space around it allowed and nothing else: no sign, no
 * exponent ("1e2"), no decimal or thousands separator ("1.200" would be
 * 1,2 in one locale and 1200 in another).  COUNT_MAX is larger than the
 * electorate of any country, so no real record is refused; and it keeps
 * every sum and product the rules compute (a count times a rule's
 * numerator or denominator, at most 100; percentages in hundredths) far
 * inside a long long, so the arithmetic cannot overflow.
 */
#ifndef COUNT_H
#define COUNT_H

#include <stddef.h>

#define COUNT_MAX 200000000L	/* 200 million: more people than Vietnam has */

/*
 * Parse s as a count into *out.  Returns 0, or -1 with a Vietnamese
 * reason (without the value's name) in err[0..errlen).
 */
int count_parse(const char *s, long *out, char *err, size_t errlen);

#endif
