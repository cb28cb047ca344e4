/*
 * validate.c - the rule engine: the table of evaluators, the runs, the
 * findings and the public API of validate.h.
 *
 * The evaluators themselves are split by what they read: people and
 * candidacies (validate_people.c), conferences and votes
 * (validate_conf.c), lists, seats and allocations (validate_lists.c).
 * Kinds that have no evaluator in this build would be listed by `rules`;
 * today every kind of the registry has one.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "conference.h"
#include "db.h"
#include "diag.h"
#include "sbuf.h"
#include "validate.h"
#include "validate_impl.h"
#include "banned.h"

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
static void findings_finish(struct findings *f, int from, int rank)
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

static int errors_since(const struct findings *f, int from)
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
static int run_cand_pass(struct eval *e)
{
	sqlite3_stmt *st;
	struct sbuf name = SBUF_INIT;
	int rc = 0, step;

	if (!e->nchecks)
		return 0;
	st = db_prepare(e->db,
		"SELECT c.id, c.person_id, c.body_id, coalesce(c.unit_id, 0), coalesce(c.constituency_id, 0), "
		"b.code, b.name, b.kind, coalesce(b.khoa, ''), c.stage, c.status, c.source, c.drop_reason, "
		"coalesce(k.number, 0), p.ho, p.ten_dem, p.ten, p.dob, p.sex, p.nationality, p.ethnicity, "
		"p.residence, p.workplace, p.party_date, p.na_member, p.hdnd_member, c.dossier_at, c.special_case, "
		"c.special_reason, p.id_number "
		"FROM candidacy c JOIN person p ON p.id = c.person_id JOIN body b ON b.id = c.body_id "
		"LEFT JOIN constituency k ON k.id = c.constituency_id "
		"WHERE (?1 = 0 OR c.body_id = ?1) AND (?2 = 0 OR c.id = ?2) "
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
		sbuf_reset(&name);
		sbuf_addstr(&name, c.ho);
		if (*c.ten_dem) {
			sbuf_addch(&name, ' ');
			sbuf_addstr(&name, c.ten_dem);
		}
		sbuf_addch(&name, ' ');
		sbuf_addstr(&name, c.ten);
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

/* ---- the table of evaluators ---- */

static const struct {
	const char *kind;
	int (*fn)(struct eval *e, const struct rule *r);
	unsigned want;		/* the classes of its checks */
} evaluators[] = {
#define RULE_KIND(name, evaluator, want, doc, ...) { #name, evaluator, want },
#include "rule_kinds.h"
#undef RULE_KIND
};

int validate_has_evaluator(const char *kind)
{
	for (size_t k = 0; k < sizeof(evaluators) / sizeof(evaluators[0]); k++)
		if (!strcmp(evaluators[k].kind, kind))
			return 1;
	return 0;
}

/* ---- runs ---- */

static void ev_release(struct eval *e)
{
	checks_done(e);
	free(e->term);
	free(e->place);
}

static int ev_init(struct eval *e, sqlite3 *db, const struct validate_scope *scope, const struct rule_pack *pack,
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
	if (!(st = db_prepare(db, "SELECT election_day, term, committee_place FROM election")))
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
	sqlite3_finalize(st);
	if (rc == 0) {
		if (scope->today)
			e->today = *scope->today;
		else if (date_today(&e->today) < 0)
			rc = error("biến HIEPTHUONG_TODAY không phải ngày hợp lệ (yyyy-mm-dd)");
	}
	return rc;
}

/*
 * Can rule r add a finding that concerns stage `rank` (-1: any)?  Only
 * for kinds whose findings have a fixed stage: THON-SELECT's all concern
 * the nominations, a share's the stage of its list.  Skipping the others
 * changes nothing, since findings_finish() drops findings of other stages
 * (issue 8: the export gate of one stage ran every share rule).
 */
static int rule_may_concern(const struct rule *r, int rank)
{
	if (rank < 0)
		return 1;
	if (!strcmp(r->kind, "thon_select"))
		return rank == STAGE_NOMINATED;
	if (!strcmp(r->kind, "share")) {
		int list = list_from_param(rule_str(r, "list"));
		return list < 0 || !rule_str(r, "attribute") || list_stage(list) == rank;
	}
	return 1;
}

/* Run every rule of `pack` within `scope`; findings go to `out`. */
static int run(sqlite3 *db, const struct validate_scope *scope, const struct rule_pack *pack, struct findings *out)
{
	struct eval e;
	int from = out->n, rank = -1, rc = 0;

	if (scope->stage && (rank = stage_rank(scope->stage)) < 0)
		return bug("unknown stage '%s'", scope->stage);
	if (ev_init(&e, db, scope, pack, out) < 0) {
		ev_release(&e);
		return -1;
	}
	for (int i = 0; rc == 0 && i < pack->nrules; i++) {
		const struct rule *r = &pack->rules[i];
		if (!rule_may_concern(r, rank) || (scope->kind && strcmp(r->kind, scope->kind)))
			continue;
		for (size_t k = 0; rc == 0 && k < sizeof(evaluators) / sizeof(evaluators[0]); k++)
			if (!strcmp(evaluators[k].kind, r->kind) && (evaluators[k].want & e.want))
				rc = evaluators[k].fn(&e, r);
	}
	if (rc == 0)
		rc = run_cand_pass(&e);
	ev_release(&e);
	findings_finish(out, from, rank);
	return rc;
}

int validate_load_pack(sqlite3 *db, struct rule_pack *pack)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT rules_path, rules_text FROM book WHERE id = 1");
	int rc = -1;

	memset(pack, 0, sizeof(*pack));
	if (!st)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW) {
		const char *text = db_col_text(st, 1);
		rc = rules_load_mem(db_col_text(st, 0), text, strlen(text), pack);
		if (rc < 0)
			error("bộ quy tắc lưu trong sổ không đọc được");
	} else {
		error("sổ thiếu bộ quy tắc");
	}
	sqlite3_finalize(st);
	return rc;
}

int validate_book(sqlite3 *db, const struct validate_scope *scope, struct rule_pack *pack, struct findings *out)
{
	if (validate_load_pack(db, pack) < 0)
		return -1;
	return run(db, scope, pack, out);
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

int validate_count(sqlite3 *db, long long body_id, struct validate_counts *vc)
{
	struct validate_scope scope = { 0 };
	struct rule_pack pack;
	struct findings f = { 0 };
	int rc;

	scope.body_id = body_id;
	memset(vc, 0, sizeof(*vc));
	rc = validate_book(db, &scope, &pack, &f);
	if (rc == 0)
		findings_count(&f, vc);
	findings_release(&f);
	rules_release(&pack);
	return rc;
}

/* ---- the API for commands and the exporter ---- */

/* The pack the findings own, loaded on first use. */
static const struct rule_pack *own_pack(sqlite3 *db, struct findings *out)
{
	if (!out->pack) {
		out->pack = xcalloc(1, sizeof(*out->pack));
		if (validate_load_pack(db, out->pack) < 0) {
			rules_release(out->pack);
			free(out->pack);
			out->pack = NULL;
		}
	}
	return out->pack;
}

static int run_owned(sqlite3 *db, const struct validate_scope *scope, struct findings *out)
{
	const struct rule_pack *pack = own_pack(db, out);
	int from = out->n;

	if (!pack || run(db, scope, pack, out) < 0)
		return -1;
	return errors_since(out, from);
}

int validate_candidacy(sqlite3 *db, long long candidacy_id, struct findings *out)
{
	struct validate_scope scope = { 0 };

	scope.candidacy_id = candidacy_id;
	scope.want = WANT_CANDIDATE;
	return run_owned(db, &scope, out);
}

int validate_conference(sqlite3 *db, long long conference_id, struct findings *out)
{
	struct validate_scope scope = { 0 };

	scope.conference_id = conference_id;
	scope.want = WANT_CONFERENCE;
	return run_owned(db, &scope, out);
}

int validate_after_change(sqlite3 *db, long long body_id, const char *stage, struct findings *out)
{
	struct validate_scope scope = { 0 };

	if (stage && stage_rank(stage) < 0)
		return bug("unknown stage '%s'", stage);
	scope.body_id = body_id;
	scope.stage = stage;
	scope.want = WANT_LIST;
	return run_owned(db, &scope, out);
}

int validate_export_gate(sqlite3 *db, long long body_id, const char *stage, struct findings *out)
{
	struct validate_scope scope = { 0 };

	if (stage && stage_rank(stage) < 0)
		return bug("unknown stage '%s'", stage);
	scope.body_id = body_id;
	scope.stage = stage;
	scope.want = WANT_ALL;
	return run_owned(db, &scope, out);
}

int validate_person_refuse(sqlite3 *db, const struct rule_pack *pack, long long person_id, const char *kind,
			   const char *file, long row)
{
	sqlite3_stmt *st;
	struct findings f = { 0 };
	int n = 0, r;

	if (!pack && !(pack = own_pack(db, &f)))
		return -1;
	if (!(st = db_prepare(db, "SELECT id FROM candidacy WHERE person_id = ? ORDER BY id"))) {
		findings_release(&f);
		return -1;
	}
	db_bind_int(st, 1, person_id);
	while (n >= 0 && sqlite3_step(st) == SQLITE_ROW) {
		struct validate_scope scope = { 0 };

		scope.candidacy_id = sqlite3_column_int64(st, 0);
		scope.want = WANT_CANDIDATE;
		scope.kind = kind;
		r = f.n;
		n = run(db, &scope, pack, &f) < 0 ? -1 : n + errors_since(&f, r);
	}
	sqlite3_finalize(st);
	findings_report_at(&f, file, row);
	findings_release(&f);
	return n;
}

int validate_check_conference(sqlite3 *db, const struct conference_counts *c, const struct vote_counts *votes,
			      int nvotes, struct findings *out)
{
	struct validate_scope scope = { 0 };
	const struct rule_pack *pack = own_pack(db, out);
	struct eval e;
	struct where w;
	int from = out->n;
	unsigned mask = c->body_kind && !strcmp(c->body_kind, "na") ? APPLIES_NA : APPLIES_HDND;
	struct sbuf lb = SBUF_INIT;
	const char *label;

	if (!pack)
		return -1;
	if (ev_init(&e, db, &scope, pack, out) < 0) {
		ev_release(&e);
		return -1;
	}
	/* as each_conf() (validate_conf.c) names a stored one */
	sbuf_addstr(&lb, conf_kind_phrase(c->kind));
	if (c->held_on[0]) {
		char day[16];
		date_iso_to_vn(c->held_on, day, sizeof(day));
		sbuf_addf(&lb, " ngày %s", day);
	}
	label = lb.buf;
	memset(&w, 0, sizeof(w));
	w.lo = w.hi = conf_stage(c->kind);
	for (int i = 0; i < pack->nrules; i++) {
		const struct rule *r = &pack->rules[i];

		if (!(r->applies & mask))
			continue;
		if (!strcmp(r->kind, "tellers") && rule_has_conference(r, c->kind))
			check_conf_tellers(&e, r, &w, label, c);
		else if (!strcmp(r->kind, "votes_present") && conf_is_round(c->kind))
			check_conf_votes_present(&e, r, &w, label, c, votes, nvotes);
		else if (!strcmp(r->kind, "quorum") && rule_has_conference(r, c->kind))
			check_conf_quorum(&e, r, &w, label, c);
		else if (!strcmp(r->kind, "ballots"))
			check_conf_ballots(&e, r, &w, label, c);
		else if (!strcmp(r->kind, "trust") && conf_is_voter(c->kind))
			check_conf_vote_totals(&e, r, &w, label, c, votes, nvotes);
	}
	sbuf_release(&lb);
	ev_release(&e);
	findings_finish(out, from, -1);
	return errors_since(out, from);
}
