/*
 * validate_rollup.c - the rule engine's side of the roll-up (rollup.h):
 *
 *  - what a candidacy of a book below counts for: its lists (§9.2 of
 *    docs/rule-packs.md) and structure attributes (§9.3), decided by the
 *    same code as the share rules, with the reading book's pack;
 *  - whether a voter conference's result passed, by the pack's numbers;
 *  - the checks across books: ELIG-LEVELS (a person on the lists of more
 *    council levels than allowed, counting the National Assembly) and
 *    ELIG-ONEUNIT (a person in two National Assembly constituencies of
 *    different provinces), over this book's own candidacies and those the
 *    roll-up read from below.  They are list-level parts of the rules'
 *    own evaluators (eval_hdnd_levels, eval_one_constituency), so their
 *    findings carry the rule's id, severity and citation like any other.
 *
 * People of different books are matched by the folded full name
 * (text_loose_key) with birth dates that agree as far as both are known,
 * or by the identity number where both books recorded one; two different
 * identity numbers are two people.  Each finding says how sure the match
 * is (docs/rollup.md).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "db.h"
#include "diag.h"
#include "rollup.h"
#include "sbuf.h"
#include "text.h"
#include "validate_impl.h"
#include "banned.h"

const char *const rollup_attr_keys[RA_COUNT] = { "women", "ethnic_minority", "young", "non_party", "reelected",
						 "self_nominated" };
const char *const rollup_list_keys[RL_COUNT] = { "round2", "nominees", "preliminary", "round3", "qualified",
						 "official" };

/* ---- what a candidacy counts for ---- */

/*
 * The rule that decides attribute a for a body of kind `mask`: the pack's
 * share rule of that attribute for the kind, else one for the other kind
 * (its age or majority), else, for the attributes that need no number, a
 * rule made here.  NULL when nothing tells (young without an age, ethnic
 * minority without the majority's name).
 */
struct attr_rules {
	const struct rule *r[RA_COUNT];
	struct rule made[RA_COUNT];
	struct rule_param param[RA_COUNT];
};

static void attr_rules_init(struct attr_rules *ar, const struct rule_pack *pack, unsigned mask)
{
	memset(ar, 0, sizeof(*ar));
	for (int a = 0; a < RA_COUNT; a++) {
		const struct rule *any = NULL;

		for (int i = 0; i < pack->nrules && !ar->r[a]; i++) {
			const struct rule *r = &pack->rules[i];
			const char *attr = r->kind && !strcmp(r->kind, "share") ? rule_str(r, "attribute") : NULL;

			if (!attr || strcmp(attr, rollup_attr_keys[a]))
				continue;
			if (r->applies & mask)
				ar->r[a] = r;
			else if (!any)
				any = r;
		}
		if (!ar->r[a])
			ar->r[a] = any;
		if (!ar->r[a] && a != RA_YOUNG && a != RA_ETHNIC) {
			ar->param[a].name = "attribute";
			ar->param[a].type = PT_STR;
			ar->param[a].s = (char *)rollup_attr_keys[a];
			ar->made[a].params = &ar->param[a];
			ar->made[a].nparams = 1;
			ar->made[a].applies = APPLIES_NA | APPLIES_HDND;
			ar->r[a] = &ar->made[a];
		}
	}
}

/* The first stage of each candidacy's history (imported nominees start at
 * 'nominated'), sorted by candidacy id. */
struct first_stage {
	long long id;
	char stage[16];
};

struct scan {
	const struct rule_pack *pack;
	struct attr_rules na, hdnd;
	char term[32];			/* the outgoing term, for "reelected" */
	struct first_stage *first;
	size_t nfirst;
	int (*fn)(const struct rollup_cand *c, void *arg);
	void *arg;
};

static const char *first_stage_of(const struct scan *s, long long id, const char *stage)
{
	size_t lo = 0, hi = s->nfirst;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (s->first[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < s->nfirst && s->first[lo].id == id ? s->first[lo].stage : stage;
}

static int scan_one(struct eval *e, const struct rule *r, const struct cand *c, void *arg)
{
	struct scan *s = arg;
	const struct attr_rules *ar = !strcmp(c->body_kind, "na") ? &s->na : &s->hdnd;
	struct rollup_cand rc;

	(void)r;
	memset(&rc, 0, sizeof(rc));
	rc.id = c->id;
	rc.body = c->body;
	rc.name = c->name;
	rc.dob = c->dob;
	rc.id_number = c->id_number;
	rc.constituency = c->constituency;
	rc.stage = c->stage;
	rc.first_stage = first_stage_of(s, c->id, c->stage);
	rc.status = c->status;
	rc.drop_reason = c->drop_reason;
	for (int a = 0; a < RA_COUNT; a++)
		rc.attr[a] = ar->r[a] ? cand_has_attribute(ar->r[a], c, e->eday, s->term) : -1;
	for (int l = 0; l < RL_COUNT; l++)
		rc.on[l] = cand_on_list(c, l);
	return s->fn(&rc, s->arg);
}

int rollup_attr_bits(const struct rollup_cand *c)
{
	int bits = 0;

	for (int a = 0; a < RA_COUNT; a++)
		bits |= c->attr[a] < 0 ? 256 << a : c->attr[a] ? 1 << a : 0;
	return bits;
}

int rollup_list_bits(const struct rollup_cand *c)
{
	int bits = 0;

	for (int l = 0; l < RL_COUNT; l++)
		bits |= c->on[l] ? 1 << l : 0;
	return bits;
}

void rollup_from_bits(struct rollup_cand *c, int attrs, int lists)
{
	for (int a = 0; a < RA_COUNT; a++)
		c->attr[a] = attrs & (256 << a) ? -1 : (attrs >> a) & 1;
	for (int l = 0; l < RL_COUNT; l++)
		c->on[l] = (lists >> l) & 1;
}

int rollup_scan_candidacies(sqlite3 *src, const struct rule_pack *pack,
			    int (*fn)(const struct rollup_cand *c, void *arg), void *arg)
{
	sqlite3_stmt *st = db_prepare(src, "SELECT e.candidacy_id, e.stage FROM candidacy_event e "
					   "WHERE e.id = (SELECT min(f.id) FROM candidacy_event f "
					   "WHERE f.candidacy_id = e.candidacy_id) ORDER BY e.candidacy_id");
	struct scan s;
	size_t alloc = 0;
	char term[32] = "";
	int rc;

	memset(&s, 0, sizeof(s));
	if (!st)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (s.nfirst == alloc) {
			alloc = alloc ? 2 * alloc : 64;
			s.first = xrealloc(s.first, alloc * sizeof(*s.first));
		}
		s.first[s.nfirst].id = sqlite3_column_int64(st, 0);
		snprintf(s.first[s.nfirst].stage, sizeof(s.first[s.nfirst].stage), "%s", db_col_text(st, 1));
		s.nfirst++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		free(s.first);
		return error("không đọc được lịch sử ứng cử của sổ: %s", db_msg(src));
	}
	st = db_prepare(src, "SELECT term FROM election WHERE id = 1");
	if (st && sqlite3_step(st) == SQLITE_ROW && prev_term(db_col_text(st, 0), term, sizeof(term)) == 0)
		snprintf(s.term, sizeof(s.term), "%s", term);
	sqlite3_finalize(st);
	s.pack = pack;
	attr_rules_init(&s.na, pack, APPLIES_NA);
	attr_rules_init(&s.hdnd, pack, APPLIES_HDND);
	s.fn = fn;
	s.arg = arg;
	rc = ev_each_cand(src, pack, scan_one, &s);
	free(s.first);
	return rc;
}

int rollup_vote_passed(const struct rule_pack *pack, const char *body_kind, const char *conf_kind,
		       long long votes, long long attendees)
{
	const char *kind = !strcmp(conf_kind, "thon") ? "thon_select" : "trust";
	unsigned mask = !strcmp(body_kind, "na") ? APPLIES_NA : APPLIES_HDND;

	if (attendees < 0)
		return -1;
	for (int i = 0; i < pack->nrules; i++) {
		const struct rule *r = &pack->rules[i];

		if (r->kind && !strcmp(r->kind, kind) && (r->applies & mask))
			return ratio_passes(votes, attendees, rule_int(r, "num", 1), rule_int(r, "den", 2));
	}
	return -1;
}

int rollup_target(const struct rule_pack *pack, const char *body_kind, int attr, const struct rule **rule,
		  long *percent, int *list)
{
	unsigned mask = !strcmp(body_kind, "na") ? APPLIES_NA : APPLIES_HDND;

	for (int i = 0; i < pack->nrules; i++) {
		const struct rule *r = &pack->rules[i];
		const char *a = r->kind && !strcmp(r->kind, "share") ? rule_str(r, "attribute") : NULL;

		if (!a || strcmp(a, rollup_attr_keys[attr]) || !(r->applies & mask))
			continue;
		*rule = r;
		*percent = rule_int(r, "min_percent", 0);
		*list = list_from_param(rule_str(r, "list"));
		return *list >= 0;
	}
	return 0;
}

int rollup_target_national(const struct rule *rule)
{
	const char *scope = rule_str(rule, "scope");

	return scope && !strcmp(scope, "national");
}

int rollup_min_candidates(const struct rule_pack *pack, const char *body_kind, long seats, long *need,
			  const struct rule **rule)
{
	unsigned mask = !strcmp(body_kind, "na") ? APPLIES_NA : APPLIES_HDND;
	long extra;

	for (int i = 0; i < pack->nrules; i++) {
		const struct rule *r = &pack->rules[i];

		if (!r->kind || strcmp(r->kind, "min_candidates") || !(r->applies & mask) || !seats_extra(r, seats, &extra))
			continue;
		*need = seats + extra;
		*rule = r;
		return 1;
	}
	return 0;
}

int rollup_steps(const struct rule_pack *pack, const char *body_kind, struct rollup_step *out, int max)
{
	unsigned mask = !strcmp(body_kind, "na") ? APPLIES_NA : APPLIES_HDND;
	int n = 0;

	for (int i = 0; i < pack->nrules; i++) {
		const struct rule *r = &pack->rules[i];
		const struct rule_param *p;

		if (!r->kind || !(r->applies & mask))
			continue;
		if (!strcmp(r->kind, "round_window") && (p = rule_param(r, "deadlines"))) {
			for (int k = 0; k < p->nlist && k < 3 && n < max; k++, n++) {
				snprintf(out[n].event, sizeof(out[n].event), "ht%d", k + 1);
				snprintf(out[n].key, sizeof(out[n].key), "%s", p->list[k]);
				out[n].rule = r;
			}
		} else if (!strcmp(r->kind, "deadline") && rule_str(r, "event") && n < max &&
			   strcmp(rule_str(r, "event"), "issues_answered")) {
			snprintf(out[n].event, sizeof(out[n].event), "%s", rule_str(r, "event"));
			snprintf(out[n].key, sizeof(out[n].key), "%s", rule_str(r, "deadline"));
			out[n].rule = r;
			n++;
		}
	}
	return n;
}

int rollup_share_meets(long long count, long long total, long percent)
{
	return share_meets(count, total, percent);
}

void rollup_percent(long long count, long long total, char *buf, size_t len)
{
	percent_str(count, total, buf, len);
}

/* ---- the checks across books ---- */

/* One active candidacy, of this book or of a book the roll-up read. */
struct entry {
	char *key;		/* text_loose_key() of the name */
	char *dob, *idn;	/* idn NULL when not recorded */
	char *name;
	long long body;		/* this book's body id, or -(rollup_body id) */
	long long book;		/* 0 this book, else the rollup_source id */
	const char *body_kind;	/* "na" / "hdnd" (static) */
	char *body_name;
	char *body_code;
	char *where;		/* "sổ này", or the book's committee and when it was read */
	long constituency;
	int rank;		/* this book's candidacies: stage rank */
	int parent;		/* union-find */
	int id_link;		/* joined to another by an identity number */
	const char *group_idn;	/* a root: the identity number of its group, or NULL */
};

struct people {
	struct entry *v;
	int n, alloc;
	int *order;		/* entries grouped by person */
	int *start;		/* group g is order[start[g] .. start[g+1]) */
	int ngroups;
};

static void people_release(struct people *p)
{
	for (int i = 0; i < p->n; i++) {
		free(p->v[i].key);
		free(p->v[i].dob);
		free(p->v[i].idn);
		free(p->v[i].name);
		free(p->v[i].body_name);
		free(p->v[i].body_code);
		free(p->v[i].where);
	}
	free(p->v);
	free(p->order);
	free(p->start);
	memset(p, 0, sizeof(*p));
}

static struct entry *people_add(struct people *p)
{
	struct entry *x;

	if (p->n == p->alloc) {
		p->alloc = p->alloc ? 2 * p->alloc : 256;
		p->v = xrealloc(p->v, (size_t)p->alloc * sizeof(*p->v));
	}
	x = &p->v[p->n];
	memset(x, 0, sizeof(*x));
	x->parent = p->n++;
	return x;
}

static int find(struct people *p, int i)
{
	while (p->v[i].parent != i) {
		p->v[i].parent = p->v[p->v[i].parent].parent;
		i = p->v[i].parent;
	}
	return i;
}

/* Join the groups of a and b, unless they hold two different identity
 * numbers (two people, whatever their names say).  1 when joined. */
static int join(struct people *p, int a, int b)
{
	const char *ia, *ib;
	int lo, hi;

	a = find(p, a);
	b = find(p, b);
	if (a == b)
		return 1;
	ia = p->v[a].group_idn;
	ib = p->v[b].group_idn;
	if (ia && ib && strcmp(ia, ib))
		return 0;
	lo = a < b ? a : b;
	hi = a < b ? b : a;
	p->v[hi].parent = lo;
	if (!p->v[lo].group_idn)
		p->v[lo].group_idn = p->v[hi].group_idn;
	return 1;
}

static struct people *sort_people;	/* for the qsort comparators */

/* By name and birth date, then by entry: qsort() need not be stable
 * (glibc's is, Windows' C runtime's is not), and which group an entry
 * without a number joins depends on this order (group_people). */
static int cmp_name(const void *pa, const void *pb)
{
	int ia = *(const int *)pa, ib = *(const int *)pb;
	const struct entry *a = &sort_people->v[ia], *b = &sort_people->v[ib];
	int c = strcmp(a->key, b->key);

	if (!c)
		c = strcmp(a->dob, b->dob);
	return c ? c : (ia > ib) - (ia < ib);
}

static int cmp_idn(const void *pa, const void *pb)
{
	const struct entry *a = &sort_people->v[*(const int *)pa], *b = &sort_people->v[*(const int *)pb];

	return strcmp(a->idn, b->idn);
}

static int cmp_group(const void *pa, const void *pb)
{
	int a = *(const int *)pa, b = *(const int *)pb;
	int ga = find(sort_people, a), gb = find(sort_people, b);

	if (ga != gb)
		return ga < gb ? -1 : 1;
	return a < b ? -1 : a > b;
}

/*
 * Link the entries of one person: first the same identity number (sure),
 * then the same folded name with birth dates that agree as far as both
 * are known ("1975" and "1975-06-01"), but never into a group that holds
 * another identity number (join).  Then list them group by group.
 */
static void group_people(struct people *p)
{
	int *ix = xmalloc(sizeof(int) * (size_t)(p->n ? p->n : 1)), m = 0;

	sort_people = p;
	for (int i = 0; i < p->n; i++) {
		p->v[i].group_idn = p->v[i].idn;
		if (p->v[i].idn)
			ix[m++] = i;
	}
	qsort(ix, (size_t)m, sizeof(int), cmp_idn);
	for (int i = 1; i < m; i++)
		if (!strcmp(p->v[ix[i]].idn, p->v[ix[i - 1]].idn)) {
			join(p, ix[i], ix[i - 1]);
			p->v[ix[i]].id_link = p->v[ix[i - 1]].id_link = 1;
		}
	for (int i = 0; i < p->n; i++)
		ix[i] = i;
	qsort(ix, (size_t)p->n, sizeof(int), cmp_name);
	for (int i = 0; i < p->n; i++) {
		const struct entry *a = &p->v[ix[i]];
		size_t la = strlen(a->dob);

		for (int j = i + 1; j < p->n; j++) {
			const struct entry *b = &p->v[ix[j]];

			if (strcmp(a->key, b->key))
				break;
			if (strncmp(b->dob, a->dob, la))
				break;	/* sorted: no later one starts with a's date */
			join(p, ix[i], ix[j]);
		}
	}
	for (int i = 0; i < p->n; i++)
		ix[i] = i;
	qsort(ix, (size_t)p->n, sizeof(int), cmp_group);
	p->order = ix;
	p->start = xmalloc(sizeof(int) * (size_t)(p->n + 1));
	p->ngroups = 0;
	for (int i = 0; i < p->n; i++)
		if (i == 0 || find(p, ix[i]) != find(p, ix[i - 1]))
			p->start[p->ngroups++] = i;
	p->start[p->ngroups] = p->n;
	sort_people = NULL;
}

static char *dup_or_null(const char *s)
{
	return s && *s ? xstrdup(s) : NULL;
}

/*
 * Every active candidacy of this book and of the books read from below,
 * grouped by person; 0 with p->n == 0 when the roll-up holds nothing, so
 * that a book without sources pays one query.
 */
static int load_people(struct eval *e, struct people *p)
{
	sqlite3_stmt *st;
	struct sbuf name = SBUF_INIT;
	int rc;

	memset(p, 0, sizeof(*p));
	if (!db_query_int(e->db, 0, "SELECT EXISTS (SELECT 1 FROM rollup_candidacy WHERE status = 'active')",
			  (const char *)NULL))
		return 0;
	st = db_prepare(e->db, "SELECT b.id, b.kind, b.name, b.code, p.ho, p.ten_dem, p.ten, p.dob, p.id_number, "
			       "coalesce(k.number, 0), c.stage FROM candidacy c JOIN person p ON p.id = c.person_id "
			       "JOIN body b ON b.id = c.body_id LEFT JOIN constituency k ON k.id = c.constituency_id "
			       "WHERE c.status = 'active' ORDER BY c.id");
	if (!st)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct entry *x;
		char *key;

		sbuf_reset(&name);
		sbuf_addstr(&name, db_col_text(st, 4));
		if (*db_col_text(st, 5))
			sbuf_addf(&name, " %s", db_col_text(st, 5));
		sbuf_addf(&name, " %s", db_col_text(st, 6));
		if (!(key = text_loose_key(name.buf)))
			continue;
		x = people_add(p);
		x->key = key;
		x->name = xstrdup(name.buf);
		x->body = sqlite3_column_int64(st, 0);
		x->body_kind = !strcmp(db_col_text(st, 1), "na") ? "na" : "hdnd";
		x->body_name = xstrdup(db_col_text(st, 2));
		x->body_code = xstrdup(db_col_text(st, 3));
		x->dob = xstrdup(db_col_text(st, 7));
		x->idn = dup_or_null(db_col_text(st, 8));
		x->constituency = (long)sqlite3_column_int64(st, 9);
		x->rank = stage_rank(db_col_text(st, 10));
		x->where = xstrdup("sổ này");
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		goto fail;
	st = db_prepare(e->db, "SELECT b.id, b.kind, b.name, b.code, c.name, c.name_key, c.dob, c.id_number, "
			       "coalesce(c.constituency, 0), s.id, s.name, s.read_at "
			       "FROM rollup_candidacy c JOIN rollup_body b ON b.id = c.body_id "
			       "JOIN rollup_source s ON s.id = b.source_id WHERE c.status = 'active' ORDER BY c.id");
	if (!st)
		goto fail;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct entry *x = people_add(p);
		char day[16], iso[16];

		x->body = -sqlite3_column_int64(st, 0);
		x->body_kind = !strcmp(db_col_text(st, 1), "na") ? "na" : "hdnd";
		x->body_name = xstrdup(db_col_text(st, 2));
		x->body_code = xstrdup(db_col_text(st, 3));
		x->name = xstrdup(db_col_text(st, 4));
		x->key = xstrdup(db_col_text(st, 5));
		x->dob = xstrdup(db_col_text(st, 6));
		x->idn = dup_or_null(db_col_text(st, 7));
		x->constituency = (long)sqlite3_column_int64(st, 8);
		x->book = sqlite3_column_int64(st, 9);
		x->rank = -1;
		snprintf(day, sizeof(day), "%.10s", db_col_text(st, 11));
		date_iso_to_vn(day, iso, sizeof(iso));
		sbuf_reset(&name);
		sbuf_addf(&name, "sổ của %s, đọc ngày %s", db_col_text(st, 10), iso);
		x->where = sbuf_detach(&name, NULL);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		goto fail;
	sbuf_release(&name);
	group_people(p);
	return 0;
fail:
	sbuf_release(&name);
	people_release(p);
	return bug("reading the roll-up's candidacies: %s", sqlite3_errmsg(e->db));
}

/* How sure the match of a group's entries is, in words. */
static const char *match_words(const struct people *p, int g)
{
	int by_id = 0, same_name = 1, same_dob = 1, full = 1;
	const struct entry *first = &p->v[p->order[p->start[g]]];

	for (int i = p->start[g]; i < p->start[g + 1]; i++) {
		const struct entry *x = &p->v[p->order[i]];

		by_id |= x->id_link;
		same_name &= !strcmp(x->key, first->key);
		same_dob &= !strcmp(x->dob, first->dob);
		full &= strlen(x->dob) == 10;
	}
	if (by_id && same_name)
		return "chắc chắn là một người: cùng số căn cước, cùng họ tên";
	if (by_id)
		return "chắc chắn là một người: cùng số căn cước (họ tên ghi khác nhau)";
	if (same_dob && full)
		return "rất có thể là một người: cùng họ tên và ngày sinh (không có số căn cước để đối chiếu)";
	return "có thể là một người: cùng họ tên, ngày sinh chỉ khớp một phần";
}

/* Does group g hold entries of more than one book? */
static int spans_books(const struct people *p, int g)
{
	long long book = p->v[p->order[p->start[g]]].book;

	for (int i = p->start[g] + 1; i < p->start[g + 1]; i++)
		if (p->v[p->order[i]].book != book)
			return 1;
	return 0;
}

/*
 * Report a finding of group g: once for each of this book's candidacies
 * in it (within the scope's body), so that the export gate of each of its
 * bodies sees it, or once for the book when all are from below.
 */
static void add_group_finding(struct eval *e, const struct rule *r, const struct people *p, int g, const char *msg)
{
	struct where w;
	int own = 0;

	for (int i = p->start[g]; i < p->start[g + 1]; i++) {
		const struct entry *x = &p->v[p->order[i]];

		if (x->book)
			continue;
		own = 1;
		if (e->scope->body_id && e->scope->body_id != x->body)
			continue;
		memset(&w, 0, sizeof(w));
		w.body_id = x->body;
		w.body = x->body_code;
		w.body_name = x->body_name;
		w.constituency = x->constituency;
		w.candidate = x->name;
		w.lo = STAGE_PROPOSED;
		w.hi = x->rank >= 0 ? x->rank : STAGE_COUNT - 1;
		ev_add(e, r, &w, "%s", msg);
	}
	if (!own && !e->scope->body_id) {
		memset(&w, 0, sizeof(w));
		w.candidate = p->v[p->order[p->start[g]]].name;
		w.lo = STAGE_PROPOSED;
		w.hi = STAGE_COUNT - 1;
		ev_add(e, r, &w, "%s", msg);
	}
}

/* "HĐND xã A (sổ của …); HĐND tỉnh B (sổ này)" for the entries of a kind. */
static void list_bodies(const struct people *p, int g, const char *kind, struct sbuf *out)
{
	int n = 0;

	for (int i = p->start[g]; i < p->start[g + 1]; i++) {
		const struct entry *x = &p->v[p->order[i]];
		int seen = 0;

		if (strcmp(x->body_kind, kind))
			continue;
		for (int j = p->start[g]; j < i; j++)
			seen |= p->v[p->order[j]].body == x->body;
		if (seen)
			continue;
		sbuf_addf(out, "%s%s (%s", n++ ? "; " : "", x->body_name, x->where);
		if (x->constituency)
			sbuf_addf(out, ", đơn vị bầu cử số %ld", x->constituency);
		sbuf_addch(out, ')');
	}
}

int eval_hdnd_levels_across(struct eval *e, const struct rule *r)
{
	struct people p;
	struct sbuf msg = SBUF_INIT;

	if (e->scope->candidacy_id || e->scope->conference_id)
		return 0;
	if (load_people(e, &p) < 0)
		return -1;
	for (int g = 0; g < p.ngroups; g++) {
		long long hdnd = 0;
		int na = 0;
		long limit;

		if (!spans_books(&p, g))
			continue;	/* one book's own breach is the in-book rule's */
		for (int i = p.start[g]; i < p.start[g + 1]; i++) {
			const struct entry *x = &p.v[p.order[i]];
			int seen = 0;

			if (!strcmp(x->body_kind, "na")) {
				na = 1;
				continue;
			}
			for (int j = p.start[g]; j < i; j++)
				seen |= p.v[p.order[j]].body == x->body;
			hdnd += !seen;
		}
		limit = na ? rule_int(r, "max_levels_with_na", 0) : rule_int(r, "max_levels", 0);
		if (hdnd <= limit)
			continue;
		sbuf_reset(&msg);
		if (na) {
			sbuf_addstr(&msg, "ứng cử đại biểu Quốc hội (");
			list_bodies(&p, g, "na", &msg);
			sbuf_addf(&msg, ") và đại biểu Hội đồng nhân dân ở %lld cấp: ", hdnd);
		} else {
			sbuf_addf(&msg, "ứng cử đại biểu Hội đồng nhân dân ở %lld cấp: ", hdnd);
		}
		list_bodies(&p, g, "hdnd", &msg);
		if (na)
			sbuf_addf(&msg, "; người ứng cử đại biểu Quốc hội chỉ được ứng cử đại biểu Hội đồng nhân dân ở "
					"tối đa %ld cấp", limit);
		else
			sbuf_addf(&msg, "; chỉ được ứng cử ở tối đa %ld cấp", limit);
		sbuf_addf(&msg, "; đối chiếu giữa các sổ: %s", match_words(&p, g));
		add_group_finding(e, r, &p, g, msg.buf);
	}
	sbuf_release(&msg);
	people_release(&p);
	return 0;
}

int eval_one_constituency_across(struct eval *e, const struct rule *r)
{
	struct people p;
	struct sbuf msg = SBUF_INIT;

	if (!(r->applies & APPLIES_NA) || e->scope->candidacy_id || e->scope->conference_id)
		return 0;
	if (load_people(e, &p) < 0)
		return -1;
	for (int g = 0; g < p.ngroups; g++) {
		int places = 0;

		if (!spans_books(&p, g))
			continue;
		/* The National Assembly is one body, whichever province's book
		 * holds the list: count its constituencies in different books. */
		for (int i = p.start[g]; i < p.start[g + 1]; i++) {
			const struct entry *x = &p.v[p.order[i]];
			int seen = 0;

			if (strcmp(x->body_kind, "na") || !x->constituency)
				continue;
			for (int j = p.start[g]; j < i; j++) {
				const struct entry *y = &p.v[p.order[j]];
				seen |= !strcmp(y->body_kind, "na") && y->constituency && y->book == x->book;
			}
			places += !seen;
		}
		if (places < 2)
			continue;
		sbuf_reset(&msg);
		sbuf_addf(&msg, "có tên ở %d đơn vị bầu cử đại biểu Quốc hội của các sổ khác nhau: ", places);
		list_bodies(&p, g, "na", &msg);
		sbuf_addf(&msg, "; một người chỉ được ứng cử ở một đơn vị bầu cử; đối chiếu giữa các sổ: %s",
			  match_words(&p, g));
		add_group_finding(e, r, &p, g, msg.buf);
	}
	sbuf_release(&msg);
	people_release(&p);
	return 0;
}
