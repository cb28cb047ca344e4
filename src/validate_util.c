/*
 * validate_util.c - the bottom of the rule engine, below validate.c and
 * every evaluator (validate_people.c, validate_conf.c, ...):
 *
 *  - the arithmetic and text tests, free of any book so that unit tests
 *    reach every boundary.  Integers only: a share, a majority or a quorum
 *    is a comparison of products;
 *  - the evaluators' runtime (at the end): the stage vocabulary, findings,
 *    ev_add(), ev_bodies(), where_*(), the pass over the candidacies,
 *    ev_deadline(), and the set-up of a run.  It calls no evaluator and
 *    nothing of validate.c (issue 13 §3: they called each other).
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "db.h"
#include "diag.h"
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

/* ==== the evaluators' runtime (validate_impl.h) ==== */

/* The stage vocabulary is stages.h's. */
static const char *const stage_keys[STAGE_COUNT] = {
#define STAGE(id, key, label, list) key,
#include "stages.h"
#undef STAGE
};
static const char *const stage_labels[STAGE_COUNT] = {
#define STAGE(id, key, label, list) list,
#include "stages.h"
#undef STAGE
};

int stage_rank(const char *stage)
{
	for (int i = 0; stage && i < STAGE_COUNT; i++)
		if (!strcmp(stage_keys[i], stage))
			return i;
	return -1;
}

const char *stage_key(int rank)
{
	return rank >= 0 && rank < STAGE_COUNT ? stage_keys[rank] : "";
}

const char *stage_list_label(int rank)
{
	return rank >= 0 && rank < STAGE_COUNT ? stage_labels[rank] : "";
}

/* ---- findings ---- */

static struct finding * __attribute__((format(printf, 3, 0)))
findings_new(struct findings *f, const struct rule *r, const char *fmt, va_list ap)
{
	struct sbuf msg = SBUF_INIT;
	struct finding *x;

	if (f->n == f->alloc) {
		f->alloc = f->alloc ? f->alloc * 2 : 16;
		f->v = xrealloc(f->v, sizeof(*f->v) * (size_t)f->alloc);
	}
	sbuf_vaddf(&msg, fmt, ap);
	x = &f->v[f->n];
	memset(x, 0, sizeof(*x));
	x->rule = r;
	x->seq = f->n++;
	x->message = sbuf_detach(&msg, NULL);
	x->stage_lo = 0;
	x->stage_hi = STAGE_COUNT - 1;
	return x;
}

void findings_add(struct findings *f, const struct rule *r, const char *body, long constituency,
		  const char *candidate, const char *fmt, ...)
{
	struct finding *x;
	va_list ap;

	va_start(ap, fmt);
	x = findings_new(f, r, fmt, ap);
	va_end(ap);
	x->body = xstrdup(body ? body : "");
	x->body_name = xstrdup(body ? body : "");
	x->constituency = constituency;
	x->candidate = xstrdup(candidate);
}

void ev_add(struct eval *e, const struct rule *r, const struct where *w, const char *fmt, ...)
{
	struct finding *x;
	va_list ap;

	va_start(ap, fmt);
	x = findings_new(e->out, r, fmt, ap);
	va_end(ap);
	x->body_id = w->body_id;
	x->body = xstrdup(w->body ? w->body : "");
	x->body_name = xstrdup(w->body_name ? w->body_name : "");
	x->constituency = w->constituency;
	x->candidate = w->candidate && *w->candidate ? xstrdup(w->candidate) : NULL;
	x->stage_lo = w->lo;
	x->stage_hi = w->hi;
}

static void finding_free(struct finding *x)
{
	free(x->body);
	free(x->body_name);
	free(x->candidate);
	free(x->message);
}

void findings_release(struct findings *f)
{
	for (int i = 0; i < f->n; i++)
		finding_free(&f->v[i]);
	free(f->v);
	if (f->pack) {
		rules_release(f->pack);
		free(f->pack);
	}
	memset(f, 0, sizeof(*f));
}

void findings_count(const struct findings *f, struct validate_counts *vc)
{
	memset(vc, 0, sizeof(*vc));
	for (int i = 0; i < f->n; i++) {
		if (f->v[i].rule->severity == SEV_ERROR)
			vc->errors++;
		else if (f->v[i].rule->severity == SEV_WARNING)
			vc->warnings++;
		else
			vc->infos++;
	}
}

static int cmp_finding(const void *pa, const void *pb)
{
	const struct finding *a = pa, *b = pb;
	uintptr_t ra = (uintptr_t)a->rule, rb = (uintptr_t)b->rule;

	if (a->body_id != b->body_id)
		return a->body_id < b->body_id ? -1 : 1;
	if (a->constituency != b->constituency)
		return a->constituency < b->constituency ? -1 : 1;
	if (ra != rb)
		return ra < rb ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* Keep the findings from index `from` that concern `stage`, then sort them. */
void findings_finish(struct findings *f, int from, int rank)
{
	int j = from;

	for (int i = from; i < f->n; i++) {
		if (rank >= 0 && (rank < f->v[i].stage_lo || rank > f->v[i].stage_hi)) {
			finding_free(&f->v[i]);
			continue;
		}
		f->v[j++] = f->v[i];
	}
	f->n = j;
	if (f->n > from)
		qsort(f->v + from, (size_t)(f->n - from), sizeof(*f->v), cmp_finding);
}

int errors_since(const struct findings *f, int from)
{
	int n = 0;

	for (int i = from; i < f->n; i++)
		n += f->v[i].rule->severity == SEV_ERROR;
	return n;
}

/* ---- what evaluators share ---- */

sqlite3_stmt *ev_bodies(struct eval *e, const struct rule *r)
{
	sqlite3_stmt *st = db_prepare(e->db, "SELECT id, code, kind, seats, name, coalesce(khoa, '') FROM body "
					     "WHERE (?1 = 0 OR id = ?1) AND ((kind = 'na' AND ?2) OR (kind = 'hdnd' AND ?3)) "
					     "ORDER BY id");
	if (!st)
		return NULL;
	db_bind_int(st, 1, e->scope->body_id);
	db_bind_int(st, 2, (r->applies & APPLIES_NA) != 0);
	db_bind_int(st, 3, (r->applies & APPLIES_HDND) != 0);
	return st;
}

void ev_name(struct sbuf *out, const char *ho, const char *ten_dem, const char *ten)
{
	sbuf_reset(out);
	sbuf_addstr(out, ho);
	if (*ten_dem)
		sbuf_addf(out, " %s", ten_dem);
	sbuf_addf(out, " %s", ten);
}

void where_body(struct where *w, sqlite3_stmt *b, int lo, int hi)
{
	memset(w, 0, sizeof(*w));
	w->body_id = sqlite3_column_int64(b, 0);
	w->body = db_col_text(b, 1);
	w->body_name = db_col_text(b, 4);
	w->lo = lo;
	w->hi = hi;
}

void where_cand(struct where *w, const struct cand *c, int lo, int hi)
{
	memset(w, 0, sizeof(*w));
	w->body_id = c->body_id;
	w->body = c->body;
	w->body_name = c->body_name;
	w->constituency = c->constituency;
	w->candidate = c->name;
	w->lo = lo;
	w->hi = hi;
}

/* ---- the pass over the candidacies (ev_cand_pass) ---- */

struct cand_check {
	const struct rule *r;
	unsigned flags;
	cand_fn fn;
	void *arg;
	cand_done_fn done;
	int stopped;		/* fn returned non-zero */
};

int ev_cand_pass(struct eval *e, const struct rule *r, unsigned flags, cand_fn fn, void *arg, cand_done_fn done)
{
	struct cand_check *c;

	e->checks = xrealloc(e->checks, sizeof(*e->checks) * (size_t)(e->nchecks + 1));
	c = &e->checks[e->nchecks++];
	c->r = r;
	c->flags = flags;
	c->fn = fn;
	c->arg = arg;
	c->done = done;
	c->stopped = 0;
	return 0;
}

/* The checks' done callbacks, in order of registration; the list is emptied. */
static void checks_done(struct eval *e)
{
	for (int i = 0; i < e->nchecks; i++)
		if (e->checks[i].done)
			e->checks[i].done(e, e->checks[i].r, e->checks[i].arg);
	free(e->checks);
	e->checks = NULL;
	e->nchecks = 0;
}

/*
 * The pass: the candidacies of the scope, joined with their person, body
 * and constituency and sorted in official order, read once, each handed
 * to every waiting check that wants it.  The sort is SQLite's, which
 * spills to temporary files beyond the page cache: memory does not grow
 * with the book.
 */
#define CAND_PASS_COLS \
	"SELECT c.id, c.person_id, c.body_id, coalesce(c.unit_id, 0), coalesce(c.constituency_id, 0), " \
	"b.code, b.name, b.kind, coalesce(b.khoa, ''), c.stage, c.status, c.source, c.drop_reason, " \
	"coalesce(k.number, 0), p.ho, p.ten_dem, p.ten, p.dob, p.sex, p.nationality, p.ethnicity, " \
	"p.residence, p.workplace, p.party_date, p.na_member, p.hdnd_member, c.dossier_at, c.special_case, " \
	"c.special_reason, p.id_number " \
	"FROM candidacy c JOIN person p ON p.id = c.person_id JOIN body b ON b.id = c.body_id " \
	"LEFT JOIN constituency k ON k.id = c.constituency_id "

int run_cand_pass(struct eval *e)
{
	sqlite3_stmt *st;
	struct sbuf name = SBUF_INIT;
	int rc = 0, step, one = e->scope->candidacy_id != 0;

	if (!e->nchecks)
		return 0;
	/* one candidacy (an entry command's check) by its key: an OR in the
	 * WHERE would scan and sort the whole book for each imported row; and
	 * kept prepared, as parsing this SELECT cost an import more than
	 * running it */
	st = one ? db_prepare_cached(e->db, CAND_PASS_COLS "WHERE c.id = ?2 AND (?1 = 0 OR c.body_id = ?1)")
		 : db_prepare(e->db, CAND_PASS_COLS "WHERE (?1 = 0 OR c.body_id = ?1) AND ?2 = 0 "
			      "ORDER BY b.id, coalesce(k.number, 0), p.sort_key, p.id");
	if (!st)
		return -1;
	db_bind_int(st, 1, e->scope->body_id);
	db_bind_int(st, 2, e->scope->candidacy_id);
	while (rc == 0 && (step = sqlite3_step(st)) == SQLITE_ROW) {
		struct cand c;
		unsigned kind;
		int i = 0, active;

		c.id = sqlite3_column_int64(st, i++);
		c.person_id = sqlite3_column_int64(st, i++);
		c.body_id = sqlite3_column_int64(st, i++);
		c.unit_id = sqlite3_column_int64(st, i++);
		c.constituency_id = sqlite3_column_int64(st, i++);
		c.body = db_col_text(st, i++);
		c.body_name = db_col_text(st, i++);
		c.body_kind = db_col_text(st, i++);
		c.body_khoa = db_col_text(st, i++);
		c.stage = db_col_text(st, i++);
		c.status = db_col_text(st, i++);
		c.source = db_col_text(st, i++);
		c.drop_reason = db_col_text(st, i++);
		c.constituency = (long)sqlite3_column_int64(st, i++);
		c.ho = db_col_text(st, i++);
		c.ten_dem = db_col_text(st, i++);
		c.ten = db_col_text(st, i++);
		c.dob = db_col_text(st, i++);
		c.sex = db_col_text(st, i++);
		c.nationality = db_col_text(st, i++);
		c.ethnicity = db_col_text(st, i++);
		c.residence = db_col_text(st, i++);
		c.workplace = db_col_text(st, i++);
		c.party_date = db_col_text(st, i++);
		c.na_member = db_col_text(st, i++);
		c.hdnd_member = db_col_text(st, i++);
		c.dossier_at = db_col_text(st, i++);
		c.special_case = sqlite3_column_int(st, i++);
		c.special_reason = db_col_text(st, i++);
		c.id_number = db_col_text(st, i++);
		c.rank = stage_rank(c.stage);
		ev_name(&name, c.ho, c.ten_dem, c.ten);
		c.name = name.buf;
		kind = !strcmp(c.body_kind, "na") ? APPLIES_NA : !strcmp(c.body_kind, "hdnd") ? APPLIES_HDND : 0;
		active = !strcmp(c.status, "active");
		for (int k = 0; k < e->nchecks; k++) {
			struct cand_check *x = &e->checks[k];
			int r;

			if (x->stopped || !(x->r->applies & kind) || ((x->flags & CAND_ACTIVE) && !active))
				continue;
			if ((r = x->fn(e, x->r, &c, x->arg)) != 0) {
				x->stopped = 1;
				rc = r;
			}
		}
	}
	if (rc == 0 && step != SQLITE_DONE)
		rc = bug("reading candidacies: %s", sqlite3_errmsg(e->db));
	if (one)
		sqlite3_reset(st);
	else
		sqlite3_finalize(st);
	sbuf_release(&name);
	return rc;
}

int ev_deadline(struct eval *e, const char *key, const char *body_kind, struct date *out, long *days)
{
	long long d = db_query_int(e->db, -1, "SELECT days FROM deadline WHERE key = ?1 AND "
					      "((?2 = 'na' AND applies_na) OR (?2 = 'hdnd' AND applies_hdnd))",
				   key, body_kind, (const char *)NULL);

	if (d < 0)
		return 1;
	*out = date_add_days(e->eday, -(long)d);
	if (days)
		*days = (long)d;
	return 0;
}

/* ---- runs ---- */

void ev_release(struct eval *e)
{
	checks_done(e);
	free(e->term);
	free(e->place);
}

int ev_init(struct eval *e, sqlite3 *db, const struct validate_scope *scope, const struct rule_pack *pack,
	    struct findings *out)
{
	sqlite3_stmt *st;
	char err[64];
	int rc = -1;

	memset(e, 0, sizeof(*e));
	e->db = db;
	e->scope = scope;
	e->pack = pack;
	e->out = out;
	e->want = scope->want ? scope->want : WANT_ALL;
	e->rank = scope->stage ? stage_rank(scope->stage) : -1;
	if (!(st = db_prepare_cached(db, "SELECT election_day, term, committee_place FROM election")))
		return -1;
	if (sqlite3_step(st) != SQLITE_ROW) {
		error("sổ thiếu thông tin cuộc bầu cử");
	} else if (date_parse(db_col_text(st, 0), DATE_FULL, &e->eday, err, sizeof(err)) < 0) {
		error("sổ có ngày bầu cử hỏng '%s'", db_col_text(st, 0));
	} else {
		e->term = xstrdup(db_col_text(st, 1));
		e->place = xstrdup(db_col_text(st, 2));
		rc = 0;
	}
	sqlite3_reset(st);
	if (rc == 0) {
		if (scope->today)
			e->today = *scope->today;
		else if (date_today(&e->today) < 0)
			rc = error("biến HIEPTHUONG_TODAY không phải ngày hợp lệ (yyyy-mm-dd)");
	}
	return rc;
}

/*
 * The pass over the candidacies on its own, for the roll-up's reading of a
 * book below (validate_rollup.c): every candidacy of `db` as the
 * evaluators see it, in official order, with the election of `db` (its
 * day and term) and the reading book's `pack` in e.
 */
int ev_each_cand(sqlite3 *db, const struct rule_pack *pack, cand_fn fn, void *arg)
{
	static const struct rule any = { .applies = APPLIES_NA | APPLIES_HDND };
	struct validate_scope scope = { 0 };
	struct findings f = { 0 };
	struct eval e;
	int rc;

	if (ev_init(&e, db, &scope, pack, &f) < 0) {
		ev_release(&e);
		return -1;
	}
	ev_cand_pass(&e, &any, 0, fn, arg, NULL);
	rc = run_cand_pass(&e);
	ev_release(&e);
	findings_release(&f);
	return rc;
}

/* ---- the lists the rules measure; a candidacy's attributes (validate_people.c
 * and validate_rollup.c both use them) ---- */

/* "" or white space only. */
int ev_blank(const char *s)
{
	for (; s && *s; s++)
		if (!isspace((unsigned char)*s))
			return 0;
	return 1;
}

int cand_on_list(const struct cand *c, int list)
{
	int dropped = !strcmp(c->status, "dropped");
	const char *why = c->drop_reason;

	switch (list) {
	case LIST_NOMINEES:
		if (!strcmp(c->source, "self"))
			return 0;
		/* fall through */
	case LIST_ROUND2:
		/* those dropped before round 2 were never submitted to it */
		return c->rank >= STAGE_NOMINATED &&
		       !(dropped && c->rank == STAGE_NOMINATED &&
			 (!strcmp(why, "withdrew") || !strcmp(why, "not_nominated") || !strcmp(why, "workplace_trust")));
	case LIST_PRELIMINARY:
		return c->rank >= STAGE_PRELIMINARY;
	case LIST_ROUND3:
		/* those dropped between rounds 2 and 3 were not presented to round 3 */
		return c->rank >= STAGE_PRELIMINARY &&
		       !(dropped && c->rank == STAGE_PRELIMINARY &&
			 (!strcmp(why, "withdrew") || !strcmp(why, "residence_trust") || !strcmp(why, "verification") ||
			  !strcmp(why, "workplace_trust")));
	case LIST_QUALIFIED:
		return c->rank >= STAGE_QUALIFIED;
	case LIST_OFFICIAL:
		return c->rank == STAGE_OFFICIAL && !dropped;
	}
	return 0;
}

int list_stage(int list)
{
	switch (list) {
	case LIST_ROUND2:
	case LIST_NOMINEES:
		return STAGE_NOMINATED;
	case LIST_PRELIMINARY:
		return STAGE_PRELIMINARY;
	case LIST_ROUND3:
	case LIST_QUALIFIED:
		return STAGE_QUALIFIED;
	}
	return STAGE_OFFICIAL;
}

int list_from_param(const char *name)
{
	static const struct {
		const char *name;
		int list;
	} t[] = { { "nominees", LIST_NOMINEES }, { "preliminary", LIST_PRELIMINARY }, { "qualified", LIST_QUALIFIED },
		  { "official", LIST_OFFICIAL } };

	for (size_t i = 0; name && i < sizeof(t) / sizeof(t[0]); i++)
		if (!strcmp(t[i].name, name))
			return t[i].list;
	return -1;
}

const char *council_unit(const char *body_name)
{
	static const char *const prefixes[] = { "Hội đồng nhân dân ", "HĐND " };

	for (size_t i = 0; body_name && i < sizeof(prefixes) / sizeof(prefixes[0]); i++) {
		size_t n = strlen(prefixes[i]);
		if (!strncmp(body_name, prefixes[i], n) && body_name[n])
			return body_name + n;
	}
	return NULL;
}

int cand_has_attribute(const struct rule *r, const struct cand *c, struct date eday, const char *term)
{
	const char *a = rule_str(r, "attribute");

	if (!strcmp(a, "women"))
		return !strcmp(c->sex, "nu");
	if (!strcmp(a, "ethnic_minority"))
		return !ev_blank(c->ethnicity) && !text_equal_fold(c->ethnicity, rule_str(r, "majority"));
	if (!strcmp(a, "young")) {
		struct date dob;
		char err[64];
		return date_parse(c->dob, DATE_PARTIAL, &dob, err, sizeof(err)) == 0 &&
		       date_full_years(dob, eday) < rule_int(r, "age_under", 0);
	}
	if (!strcmp(a, "non_party"))
		return ev_blank(c->party_date);
	if (!strcmp(a, "self_nominated"))
		return !strcmp(c->source, "self");
	if (!strcmp(a, "reelected")) {
		const char *unit = council_unit(c->body_name);
		char khoa[16] = "", abbr[256];
		const char *names[4] = { 0 };
		int k = roman_value(c->body_khoa, strlen(c->body_khoa));

		if (k > 1)
			roman_str(k - 1, khoa, sizeof(khoa));
		if (!strcmp(c->body_kind, "na")) {
			names[0] = "Quốc hội";
			return member_names_outgoing(c->na_member, names, term, khoa);
		}
		snprintf(abbr, sizeof(abbr), "HĐND %s", unit ? unit : "");
		names[0] = c->body_name;
		names[1] = unit ? abbr : NULL;
		return member_names_outgoing(c->hdnd_member, names, term, khoa);
	}
	return 0;
}
