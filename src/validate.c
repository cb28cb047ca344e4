/*
 * validate.c - the rule engine: the table of evaluators, the runs and the
 * public API of validate.h.  The runtime the evaluators call (findings,
 * ev_add(), ev_bodies(), the candidacy pass, ev_deadline(), the stage
 * vocabulary) is below them in validate_util.c, so the calls run one way:
 * validate.c -> validate_people.c ... -> validate_util.c (issue 13 §3,
 * tools/check-deps.py).
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
#include "book.h"
#include "conference.h"
#include "db.h"
#include "diag.h"
#include "sbuf.h"
#include "validate.h"
#include "validate_impl.h"
#include "banned.h"

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

/* ---- runs (the runtime they use is validate_util.c's) ---- */

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

int validate_book(sqlite3 *db, const struct validate_scope *scope, struct rule_pack *pack, struct findings *out)
{
	if (validate_load_pack(db, pack) < 0)
		return -1;
	return run(db, scope, pack, out);
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

int validate_conference(sqlite3 *db, const struct rule_pack *pack, long long conference_id, struct findings *out)
{
	struct validate_scope scope = { 0 };
	int from = out->n;

	scope.conference_id = conference_id;
	scope.want = WANT_CONFERENCE;
	if (!pack)
		return run_owned(db, &scope, out);
	return run(db, &scope, pack, out) < 0 ? -1 : errors_since(out, from);
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

/* Rules of `kind` on candidacy `cand` into f; the number of errors, or -1. */
static int refuse_one(sqlite3 *db, const struct rule_pack *pack, long long cand, const char *kind, struct findings *f)
{
	struct validate_scope scope = { 0 };
	int from = f->n;

	scope.candidacy_id = cand;
	scope.want = WANT_CANDIDATE;
	scope.kind = kind;
	return run(db, &scope, pack, f) < 0 ? -1 : errors_since(f, from);
}

int validate_candidacy_refuse(sqlite3 *db, const struct rule_pack *pack, long long cand, const char *kind,
			      const char *file, long row)
{
	struct findings f = { 0 };
	int n;

	if (!pack && !(pack = own_pack(db, &f)))
		return -1;
	n = refuse_one(db, pack, cand, kind, &f);
	findings_report_at(&f, file, row);
	findings_release(&f);
	return n;
}

int validate_person_refuse(sqlite3 *db, const struct rule_pack *pack, long long person_id, const char *kind,
			   const char *file, long row)
{
	sqlite3_stmt *st;
	struct findings f = { 0 };
	int n = 0, r;

	if (!pack && !(pack = own_pack(db, &f)))
		return -1;
	if (!(st = db_prepare_cached(db, "SELECT id FROM candidacy WHERE person_id = ? ORDER BY id"))) {
		findings_release(&f);
		return -1;
	}
	db_bind_int(st, 1, person_id);
	while (n >= 0 && sqlite3_step(st) == SQLITE_ROW)
		n = (r = refuse_one(db, pack, sqlite3_column_int64(st, 0), kind, &f)) < 0 ? -1 : n + r;
	sqlite3_reset(st);
	findings_report_at(&f, file, row);
	findings_release(&f);
	return n;
}

int validate_check_conference(sqlite3 *db, const struct rule_pack *pack, const struct conference_counts *c,
			      const struct vote_counts *votes, int nvotes, struct findings *out)
{
	struct validate_scope scope = { 0 };
	struct eval e;
	struct where w;
	int from = out->n;
	unsigned mask = c->body_kind && !strcmp(c->body_kind, "na") ? APPLIES_NA : APPLIES_HDND;
	struct sbuf lb = SBUF_INIT;
	const char *label;

	if (!pack && !(pack = own_pack(db, out)))
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
