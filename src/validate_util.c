/*
 * validate_util.c - the arithmetic and text tests of the rule engine,
 * free of any book so that unit tests reach every boundary.  Integers
 * only: a share, a majority or a quorum is a comparison of products.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "sbuf.h"
#include "text.h"
#include "validate_impl.h"
#include "banned.h"

int seats_extra(const struct rule *r, long seats, long *extra)
{
	const struct rule_param *t = rule_param(r, "table");

	for (int i = 0; t && i < t->nrows; i++)
		if (seats >= t->rows[i].from && seats <= t->rows[i].to) {
			*extra = t->rows[i].extra;
			return 1;
		}
	return 0;
}

long seats_min_extra(const struct rule *r)
{
	const struct rule_param *t = rule_param(r, "table");
	long m = 0;

	for (int i = 0; t && i < t->nrows; i++)
		if (i == 0 || t->rows[i].extra < m)
			m = t->rows[i].extra;
	return m;
}

int share_meets(long long count, long long total, long long pct)
{
	return count * 100 >= total * pct;
}

long long share_needed(long long total, long long pct)
{
	return (total * pct + 99) / 100;
}

void percent_str(long long count, long long total, char *buf, size_t len)
{
	long long hundredths;

	if (total <= 0) {
		snprintf(buf, len, "0");
		return;
	}
	/* count/total*100 to two decimals, half up: (count*20000/total + 1)/2 */
	hundredths = (count * 20000 / total + 1) / 2;
	if (hundredths % 100)
		snprintf(buf, len, "%lld,%02lld", hundredths / 100, hundredths % 100);
	else
		snprintf(buf, len, "%lld", hundredths / 100);
}

int ratio_passes(long long votes, long long attendees, long long num, long long den)
{
	return votes * den > attendees * num;
}

long long ratio_min_pass(long long attendees, long long num, long long den)
{
	/* smallest v with v*den > attendees*num */
	return attendees * num / den + 1;
}

int quorum_part_met(long long present, long long convened, long long num, long long den)
{
	return present * den >= convened * num;
}

long long quorum_part_needed(long long convened, long long num, long long den)
{
	return (convened * num + den - 1) / den;
}

static int roman_digit(int c)
{
	switch (c) {
	case 'I': return 1;
	case 'V': return 5;
	case 'X': return 10;
	case 'L': return 50;
	case 'C': return 100;
	case 'D': return 500;
	case 'M': return 1000;
	}
	return 0;
}

int roman_value(const char *s, size_t len)
{
	int v = 0;
	char canon[32];

	if (len == 0 || len >= 20)
		return 0;
	for (size_t i = 0; i < len; i++) {
		int d = roman_digit(toupper((unsigned char)s[i]));
		int next = i + 1 < len ? roman_digit(toupper((unsigned char)s[i + 1])) : 0;
		if (!d)
			return 0;
		v += d < next ? -d : d;
	}
	/* Only the canonical spelling counts ("IIII" is not a numeral here). */
	roman_str(v, canon, sizeof(canon));
	if (strlen(canon) != len)
		return 0;
	for (size_t i = 0; i < len; i++)
		if (canon[i] != toupper((unsigned char)s[i]))
			return 0;
	return v;
}

void roman_str(int v, char *buf, size_t len)
{
	static const struct {
		int v;
		const char *s;
	} t[] = { { 1000, "M" }, { 900, "CM" }, { 500, "D" }, { 400, "CD" }, { 100, "C" }, { 90, "XC" },
		  { 50, "L" }, { 40, "XL" }, { 10, "X" }, { 9, "IX" }, { 5, "V" }, { 4, "IV" }, { 1, "I" } };
	struct sbuf sb = SBUF_INIT;

	if (v > 0 && v < 4000)
		for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++)
			while (v >= t[i].v) {
				sbuf_addstr(&sb, t[i].s);
				v -= t[i].v;
			}
	snprintf(buf, len, "%s", sb.buf);
	sbuf_release(&sb);
}

int prev_term(const char *term, char *buf, size_t len)
{
	int a, b, n = 0;

	if (!term || sscanf(term, "%4d-%4d%n", &a, &b, &n) != 2 || term[n] || b <= a || a < 1900)
		return -1;
	snprintf(buf, len, "%d-%d", a - (b - a), a);
	return 0;
}

/* A word boundary in folded (NFD, lower-case) text: not a letter, digit or mark. */
static int is_word_byte(const char *s, size_t i)
{
	unsigned char c = (unsigned char)s[i];

	return c >= 0x80 || isalnum(c);
}

/* Does the folded `h` contain the folded `n` at word boundaries? */
static int folded_has_word(const char *h, const char *n)
{
	size_t nlen = strlen(n);

	for (const char *p = h; (p = strstr(p, n)); p++) {
		size_t at = (size_t)(p - h);
		int before = at == 0 || !is_word_byte(h, at - 1);
		int after = p[nlen] == 0 || !is_word_byte(h, at + nlen);
		if (before && after)
			return 1;
	}
	return 0;
}

int text_has_word(const char *hay, const char *needle)
{
	char *h, *n;
	int found = 0;

	if (!hay || !needle || !*needle)
		return 0;
	h = text_fold_nfd(hay);
	n = text_fold_nfd(needle);
	if (h && n)
		found = folded_has_word(h, n);
	free(h);
	free(n);
	return found;
}

/* The definition (text_names_unit): each comma-separated part folded on
 * its own. */
static int names_unit_slow(const char *text, const char *unit, const char *bare)
{
	const char *p, *q;
	int found = 0;

	if (unit && *unit && text_has_word(text, unit))
		return 1;
	if (!bare || !*bare)
		return 0;
	/* the bare name as a whole part: "..., Hòa Lâm" */
	for (p = text; !found; p = q + 1) {
		char *part;
		q = strchr(p, ',');
		if (!q)
			q = p + strlen(p);
		part = xmalloc((size_t)(q - p) + 1);
		memcpy(part, p, (size_t)(q - p));
		part[q - p] = 0;
		found = text_equal_fold(part, bare);
		free(part);
		if (!*q)
			break;
	}
	return found;
}

static int same_str(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

void unit_names_set(struct unit_names *n, const char *unit, const char *bare)
{
	if (n->set && same_str(n->unit, unit) && same_str(n->bare, bare))
		return;
	unit_names_release(n);
	n->set = 1;
	n->unit = unit ? xstrdup(unit) : NULL;
	n->bare = bare ? xstrdup(bare) : NULL;
	n->unit_fold = unit && *unit ? text_fold_nfd(unit) : NULL;
	n->bare_key = bare && *bare ? text_loose_key(bare) : NULL;
}

void unit_names_release(struct unit_names *n)
{
	free(n->unit);
	free(n->bare);
	free(n->unit_fold);
	free(n->bare_key);
	memset(n, 0, sizeof(*n));
}

/*
 * Folding maps each character on its own and reorders combining marks
 * only up to the next base character, so the folded text split at its
 * commas gives the folded parts: one fold of the whole text does for the
 * unit's full name and for every part (issue 8: ELIG-HDND-LOC folded
 * each address six times).  A text that does not fold (invalid UTF-8,
 * too long) or names that did not takes the first way.
 */
/* s[0..len) without ASCII spaces and tabs at either end. */
static const char *trim_ascii(const char *s, size_t *len)
{
	while (*len && (*s == ' ' || *s == '\t')) {
		s++;
		(*len)--;
	}
	while (*len && (s[*len - 1] == ' ' || s[*len - 1] == '\t'))
		(*len)--;
	return s;
}

/*
 * The names as written, without folding: the unit's full name at word
 * boundaries, or the bare name as a whole comma-separated part (ASCII
 * spaces around it aside).  Bytes that are equal fold equal, and a word
 * boundary is an ASCII character that folding leaves alone, next to
 * which nothing is reordered; so a match here is a match of the folded
 * forms, and most addresses name their unit as the book does.  0 means
 * "fold and look again".
 */
static int names_unit_as_written(const struct unit_names *n, const char *text)
{
	const char *p, *q;
	size_t len = strlen(text);

	if (n->unit_fold && len <= TEXT_MAX_LEN && text_utf8_valid(text, len, NULL)) {
		size_t ulen = strlen(n->unit);
		for (p = text; (p = strstr(p, n->unit)); p++) {
			size_t at = (size_t)(p - text);
			if ((at == 0 || !is_word_byte(text, at - 1)) && (!p[ulen] || !is_word_byte(text, at + ulen)))
				return 1;
		}
	}
	if (n->bare_key) {
		size_t blen = strlen(n->bare);
		const char *b = trim_ascii(n->bare, &blen);

		for (p = text;; p = q + 1) {
			size_t plen;
			q = strchr(p, ',');
			plen = q ? (size_t)(q - p) : strlen(p);
			p = trim_ascii(p, &plen);
			if (plen == blen && !memcmp(p, b, blen))
				return 1;
			if (!q)
				break;
		}
	}
	return 0;
}

int unit_names_match(const struct unit_names *n, const char *text)
{
	char *f, *part, *key;
	const char *p, *q;
	int found = 0;

	if (!text || !*text)
		return 0;
	if ((n->unit && *n->unit && !n->unit_fold) || (n->bare && *n->bare && !n->bare_key))
		return names_unit_slow(text, n->unit, n->bare);
	if (names_unit_as_written(n, text))
		return 1;
	if (!(f = text_fold_nfd(text)))
		return names_unit_slow(text, n->unit, n->bare);
	if (n->unit_fold && folded_has_word(f, n->unit_fold)) {
		free(f);
		return 1;
	}
	part = xmalloc(strlen(f) + 1);
	for (p = f; n->bare_key && !found; p = q + 1) {
		q = strchr(p, ',');
		if (!q)
			q = p + strlen(p);
		memcpy(part, p, (size_t)(q - p));
		part[q - p] = 0;
		key = text_trim_collapse(part);
		found = key && !strcmp(key, n->bare_key);
		free(key);
		if (!*q)
			break;
	}
	free(part);
	free(f);
	return found;
}

int text_names_unit(const char *text, const char *unit, const char *bare)
{
	if (!text || !*text)
		return 0;
	return names_unit_slow(text, unit, bare);
}

/* Does the folded text mention khóa `khoa` ("khóa IX, X" names IX and X)? */
static int names_khoa(const char *field, const char *khoa)
{
	static const char *const words[] = { "khóa", "khoá", "khoa" };
	int want = roman_value(khoa, strlen(khoa));
	char *f;
	int found = 0;

	if (!want)
		return text_has_word(field, khoa);
	f = text_fold_nfd(field);
	if (!f)
		return 0;
	for (size_t w = 0; w < sizeof(words) / sizeof(words[0]) && !found; w++) {
		char *kw = text_fold_nfd(words[w]);
		size_t kl = strlen(kw);
		for (const char *p = f; !found && (p = strstr(p, kw)); p += kl) {
			const char *s = p + kl;
			if (p > f && is_word_byte(f, (size_t)(p - f - 1)))
				continue;
			/* a list of numerals: "ix, x và xi" */
			for (;;) {
				size_t n = 0;
				while (*s == ' ' || *s == ',')
					s++;
				if (!strncmp(s, "va\xcc\x80", 4))	/* "và" folds to "va" + U+0300 */
					s += 4;
				while (*s == ' ')
					s++;
				while (isalpha((unsigned char)s[n]))
					n++;
				if (!n || (s[n] && is_word_byte(s, n)))
					break;
				if (roman_value(s, n) == want)
					found = 1;
				if (!roman_value(s, n))
					break;
				s += n;
			}
		}
		free(kw);
	}
	free(f);
	return found;
}

/* "2021 - 2026", "2021–2026" and "2021-2026" are the same term. */
static char *squeeze_term(const char *s)
{
	struct sbuf sb = SBUF_INIT;

	for (const char *p = s; *p; p++) {
		if (*p == ' ')
			continue;
		if (!strncmp(p, "\xe2\x80\x93", 3) || !strncmp(p, "\xe2\x80\x94", 3)) {	/* – — */
			sbuf_addch(&sb, '-');
			p += 2;
			continue;
		}
		sbuf_addch(&sb, *p);
	}
	return sbuf_detach(&sb, NULL);
}

int member_names_outgoing(const char *field, const char *const *names, const char *term, const char *khoa)
{
	int named = 0, outgoing = 0;

	if (!field || !*field)
		return 0;
	for (int i = 0; names && names[i] && !named; i++)
		named = text_has_word(field, names[i]);
	if (!named)
		return 0;
	if (term && *term) {
		char *f = squeeze_term(field), *t = squeeze_term(term);
		outgoing = strstr(f, t) != NULL;
		free(f);
		free(t);
	}
	if (!outgoing && khoa && *khoa)
		outgoing = names_khoa(field, khoa);
	return outgoing;
}

int parse_hhmm(const char *s)
{
	int h, m, n = 0;

	if (!s || sscanf(s, "%2d:%2d%n", &h, &m, &n) != 2 || h < 0 || h > 23 || m < 0 || m > 59)
		return -1;
	if (s[n] && !(s[n] == ':' && isdigit((unsigned char)s[n + 1])))
		return -1;
	return h * 60 + m;
}

int parse_stamp(const char *s, struct date *d, int *minutes)
{
	char day[11], err[64];

	if (!s || strlen(s) < 10)
		return -1;
	memcpy(day, s, 10);
	day[10] = 0;
	if (date_parse(day, DATE_FULL, d, err, sizeof(err)) < 0 || day[4] != '-')
		return -1;
	*minutes = -1;
	if (!s[10])
		return 0;
	if (s[10] != ' ' && s[10] != 'T')
		return -1;
	*minutes = parse_hhmm(s + 11);
	return *minutes < 0 ? -1 : 0;
}

int moment_cmp(const char *date_a, const char *time_a, const char *date_b, const char *time_b)
{
	int c = strcmp(date_a, date_b);
	int ta, tb;

	if (c)
		return c < 0 ? -1 : 1;
	ta = parse_hhmm(time_a);
	tb = parse_hhmm(time_b);
	if (ta < 0 || tb < 0)
		return 0;
	return ta < tb ? -1 : ta > tb;
}
