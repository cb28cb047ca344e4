/*
 * validate_impl.h - what the evaluators of the rule engine share; not a
 * public API (see validate.h for that).
 *
 * An evaluator is `int eval_<kind>(struct eval *e, const struct rule *r)`:
 * it reads the book within e->scope, calls ev_add() for every breach, and
 * returns 0, or -1 when the book could not be read (reported).  Parts of
 * an evaluator belong to a class (record-level on candidacies, on
 * conferences, or list-level); e->want says which classes run.
 *
 * validate_util.c, below validate.c and every evaluator, defines what
 * they all call: the runtime (ev_add(), ev_bodies(), where_*(), the
 * candidacy pass, ev_deadline(), the lists and attributes) and the pure
 * helpers at the end of this header, which hold the arithmetic so that unit
 * tests reach the boundaries without a book (issue 13 §3).
 */
#ifndef VALIDATE_IMPL_H
#define VALIDATE_IMPL_H

#include <stddef.h>
#include <sqlite3.h>
#include "date.h"
#include "rules.h"
#include "validate.h"

struct eval {
	sqlite3 *db;
	const struct validate_scope *scope;
	const struct rule_pack *pack;
	struct findings *out;
	unsigned want;			/* WANT_* */
	int rank;			/* the stage asked about (scope->stage), or -1 */
	struct date eday;		/* election day */
	struct date today;
	char *term;			/* election.term, "2026-2031" */
	char *place;			/* election.committee_place, "Hòa Lâm" */
	struct cand_check *checks;	/* waiting for the pass (ev_cand_pass) */
	int nchecks;
};

/* Where a finding belongs and which stages it concerns. */
struct where {
	long long body_id;
	const char *body, *body_name;
	long constituency;
	const char *candidate;
	int lo, hi;			/* enum stage_rank */
};

void ev_add(struct eval *e, const struct rule *r, const struct where *w, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/*
 * The bodies a rule applies to, within the scope; columns
 * 0 id, 1 code, 2 kind, 3 seats, 4 name, 5 khoa.  NULL on error.
 */
sqlite3_stmt *ev_bodies(struct eval *e, const struct rule *r);
/* "Họ Tên-đệm Tên" into out, which is reset first (no tên đệm: one space). */
void ev_name(struct sbuf *out, const char *ho, const char *ten_dem, const char *ten);
void where_body(struct where *w, sqlite3_stmt *b, int lo, int hi);

/* One candidacy with its person, as the evaluators see it.  Lifetime: its
 * strings are db_col_text() of the pass's statement and live only until
 * the pass steps to the next row, i.e. during one call of a cand_fn; a
 * check that keeps one past that call copies it (xstrdup). */
struct cand {
	long long id, person_id, body_id, unit_id, constituency_id;
	const char *body, *body_name, *body_kind, *body_khoa;
	const char *stage, *status, *source, *drop_reason;
	int rank;			/* stage_rank(stage) */
	long constituency;		/* number, 0 when not assigned */
	const char *ho, *ten_dem, *ten, *dob, *sex, *nationality, *ethnicity;
	const char *residence, *workplace, *party_date, *na_member, *hdnd_member;
	const char *dossier_at;
	int special_case;
	const char *special_reason;
	const char *id_number;		/* "" when not recorded */
	const char *name;		/* "Họ Tên đệm Tên" */
};

enum { CAND_ACTIVE = 1 };

typedef int (*cand_fn)(struct eval *e, const struct rule *r, const struct cand *c, void *arg);
typedef void (*cand_done_fn)(struct eval *e, const struct rule *r, void *arg);

/*
 * Call fn for every candidacy of the bodies `r` applies to, within the
 * scope (body, candidacy), in official order (body, constituency,
 * sort key); only active ones with CAND_ACTIVE; then done(e, r, arg)
 * (may be NULL), which may add findings and frees what arg holds.
 *
 * The calls wait for the run's one pass over the candidacies, made after
 * every rule's evaluator has returned: all per-candidate rules share one
 * read of the joined, sorted candidacies (issue 8: the export gate read
 * them once per rule, then into a temporary table read once per rule).
 * The order of findings does not change, since they are sorted by rule
 * within a body and constituency, and kept in discovery order within a
 * rule.  arg must therefore live until done.  A non-zero return of fn
 * stops that rule's calls and fails the run.  Returns 0.
 */
int ev_cand_pass(struct eval *e, const struct rule *r, unsigned flags, cand_fn fn, void *arg, cand_done_fn done);

/*
 * The same pass run on its own over every candidacy of `db` (all bodies,
 * active or not), with e set up for `db` and `pack`; for the roll-up,
 * which reads the books below with the reading book's pack
 * (validate_rollup.c).  fn's findings are dropped.  0 or -1.
 */
int ev_each_cand(sqlite3 *db, const struct rule_pack *pack, cand_fn fn, void *arg);
void where_cand(struct where *w, const struct cand *c, int lo, int hi);

/*
 * The date of deadline `key` for a body of kind `body_kind`: election
 * day minus the days of the book's deadline table.  Returns 0, or 1 when
 * the book has no such deadline for that kind (the rule is then skipped).
 */
int ev_deadline(struct eval *e, const char *key, const char *body_kind, struct date *out, long *days);

/*
 * A run's set-up and tear-down, for validate.c's run() (the runtime is
 * validate_util.c's, below the evaluators): ev_init() reads the election
 * of `db` into e (0, or -1 reported; ev_release() is due either way);
 * run_cand_pass() runs the checks ev_cand_pass() registered; ev_release()
 * calls their done callbacks and frees e's own.  findings_finish() keeps
 * the findings of out from index `from` that concern stage `rank` (-1:
 * all) and sorts them; errors_since() counts the errors from `from`.
 */
int ev_init(struct eval *e, sqlite3 *db, const struct validate_scope *scope, const struct rule_pack *pack,
	    struct findings *out);
int run_cand_pass(struct eval *e);
void ev_release(struct eval *e);
void findings_finish(struct findings *f, int from, int rank);
int errors_since(const struct findings *f, int from);

/*
 * The lists the rules measure, as sets of candidacies (docs/rule-packs.md
 * §9.2): submitted to round 2; the same without self-nominees (the
 * `nominees` of a share); the preliminary list; presented to round 3; the
 * qualified list; the official list.  These functions, down to
 * council_unit(), and cand_has_attribute() below are validate_util.c's:
 * validate_people.c and validate_rollup.c both use them.
 */
enum cand_list { LIST_ROUND2, LIST_NOMINEES, LIST_PRELIMINARY, LIST_ROUND3, LIST_QUALIFIED, LIST_OFFICIAL };
int cand_on_list(const struct cand *c, int list);
/* The stage a list belongs to (enum stage_rank). */
int list_stage(int list);
/* `list` parameter of a share rule -> enum cand_list, or -1. */
int list_from_param(const char *name);

/* 1 if s is NULL, "" or white space only. */
int ev_blank(const char *s);

/* The administrative unit of a council from its name: "Hội đồng nhân dân
 * tỉnh Hòa Lâm" -> "tỉnh Hòa Lâm" (a pointer into name), or NULL. */
const char *council_unit(const char *body_name);


/* "dd/mm/yyyy" of an ISO date string (copied as is when unparsable). */

/* Evaluators, one per kind (the table is in validate.c). */
int eval_min_age(struct eval *e, const struct rule *r);
int eval_nationality(struct eval *e, const struct rule *r);
int eval_hdnd_levels(struct eval *e, const struct rule *r);
int eval_one_constituency(struct eval *e, const struct rule *r);
int eval_hdnd_locality(struct eval *e, const struct rule *r);
int eval_dossier_deadline(struct eval *e, const struct rule *r);
int eval_list_order(struct eval *e, const struct rule *r);
int eval_share(struct eval *e, const struct rule *r);

int eval_round_order(struct eval *e, const struct rule *r);
int eval_round_window(struct eval *e, const struct rule *r);
int eval_tellers(struct eval *e, const struct rule *r);
int eval_votes_present(struct eval *e, const struct rule *r);
int eval_quorum(struct eval *e, const struct rule *r);
int eval_trust(struct eval *e, const struct rule *r);
int eval_ballots(struct eval *e, const struct rule *r);
int eval_thon_select(struct eval *e, const struct rule *r);
int eval_residence_trust_gate(struct eval *e, const struct rule *r);
int eval_deadline(struct eval *e, const struct rule *r);

int eval_seats_range(struct eval *e, const struct rule *r);
int eval_seats_sum(struct eval *e, const struct rule *r);
int eval_min_candidates(struct eval *e, const struct rule *r);
int eval_round2_surplus(struct eval *e, const struct rule *r);
int eval_round3_surplus(struct eval *e, const struct rule *r);
int eval_alloc_sum(struct eval *e, const struct rule *r);

/* The parts of ELIG-LEVELS and ELIG-ONEUNIT that look across the books of
 * the roll-up (validate_rollup.c); list-level, run by their evaluators. */
int eval_hdnd_levels_across(struct eval *e, const struct rule *r);
int eval_one_constituency_across(struct eval *e, const struct rule *r);

/* A candidacy's structure attribute as share rule r counts it (§9.3);
 * `term` is the outgoing term ("2021-2026"). */
int cand_has_attribute(const struct rule *r, const struct cand *c, struct date eday, const char *term);

/* The record-level conference checks shared by eval_* and
 * validate_check_conference(): each adds findings for one conference. */
void check_conf_tellers(struct eval *e, const struct rule *r, const struct where *w, const char *label,
			const struct conference_counts *c);
void check_conf_votes_present(struct eval *e, const struct rule *r, const struct where *w, const char *label,
			      const struct conference_counts *c, const struct vote_counts *v, int nv);
void check_conf_quorum(struct eval *e, const struct rule *r, const struct where *w, const char *label,
		       const struct conference_counts *c);
void check_conf_ballots(struct eval *e, const struct rule *r, const struct where *w, const char *label,
			const struct conference_counts *c);
void check_conf_vote_totals(struct eval *e, const struct rule *r, const struct where *w, const char *label,
			    const struct conference_counts *c, const struct vote_counts *v, int nv);
/* Is `kind` among the rule's `conferences` list parameter? */
int rule_has_conference(const struct rule *r, const char *kind);
/* Is a conference kind a voter conference (workplace, residence, thon)?
 * A consultation round (ht1, ht2, ht3)? */
int conf_is_voter(const char *kind);
int conf_is_round(const char *kind);
/* The stage a conference of this kind decides (enum stage_rank). */
int conf_stage(const char *kind);

/* ---- Pure helpers (validate_util.c) ---- */

/* The `extra` of the seats-table row covering `seats`: 1 and *extra, or
 * 0 when no row covers it. */
int seats_extra(const struct rule *r, long seats, long *extra);
/* The smallest `extra` of a rule's seats table (granularity `body`). */
long seats_min_extra(const struct rule *r);

/* Shares: count*100 >= total*pct; the smallest count that meets it. */
int share_meets(long long count, long long total, long long pct);
long long share_needed(long long total, long long pct);

/* "33,33" (two decimals, half up, Vietnamese comma); "0" for total 0. */
void percent_str(long long count, long long total, char *buf, size_t len);

/* Majorities: votes*den > attendees*num (strict); the smallest passing
 * number of votes. */
int ratio_passes(long long votes, long long attendees, long long num, long long den);
long long ratio_min_pass(long long attendees, long long num, long long den);

/* Quorums: present*den >= convened*num; the smallest present that meets it. */
int quorum_part_met(long long present, long long convened, long long num, long long den);
long long quorum_part_needed(long long convened, long long num, long long den);

/* Roman numerals I..MMMM: value, or 0 when s[0..len) is not one. */
int roman_value(const char *s, size_t len);
/* Roman numeral of 1..3999 into buf; "" otherwise. */
void roman_str(int v, char *buf, size_t len);

/* The term before "2026-2031": "2021-2026".  0, or -1 when not YYYY-YYYY. */
int prev_term(const char *term, char *buf, size_t len);

/*
 * Does the address or workplace `text` name the administrative unit?
 * `unit` is its full name ("tỉnh Hòa Lâm"), found anywhere at word
 * boundaries; `bare` its bare name ("Hòa Lâm"), found only as a whole
 * comma-separated part.  Case and normalisation do not matter.
 */
int text_names_unit(const char *text, const char *unit, const char *bare);

/*
 * The same for many texts and one unit: the unit's names are folded
 * once, and each text at most once (not once per name and part; not at
 * all when it names the unit as written).
 * unit_names_set() (re)prepares *n for `unit` and `bare` when they differ
 * from the last ones; release with unit_names_release().  A zeroed
 * struct is an empty one.
 */
struct unit_names {
	char *unit, *bare;		/* copies of the names prepared for */
	int set;
	char *unit_fold;		/* text_fold_nfd(unit), or NULL */
	char *bare_key;			/* text_loose_key(bare), or NULL */
};
void unit_names_set(struct unit_names *n, const char *unit, const char *bare);
int unit_names_match(const struct unit_names *n, const char *text);
void unit_names_release(struct unit_names *n);

/*
 * Re-elected: does a member field ("Đại biểu HĐND tỉnh Hòa Lâm nhiệm kỳ
 * 2021 - 2026") name the body (by `names`, NULL-terminated, any of them)
 * and the outgoing term (`term` "2021-2026" or khóa `khoa` "X"; either may
 * be NULL)?  See docs/rule-packs.md §9.
 */
int member_names_outgoing(const char *field, const char *const *names, const char *term, const char *khoa);

/* Does `hay` contain `needle` at word boundaries, ignoring case and
 * normalisation? */
int text_has_word(const char *hay, const char *needle);

/*
 * Compare two moments given as ISO date and optional "HH:MM" time:
 * <0, 0, >0; on the same day with a time missing they compare equal.
 */
int moment_cmp(const char *date_a, const char *time_a, const char *date_b, const char *time_b);

/*
 * A dossier receipt "YYYY-MM-DD", "YYYY-MM-DD HH:MM[:SS]" or
 * "YYYY-MM-DDTHH:MM[:SS]": the date and the minutes since midnight (-1
 * when no time).  0, or -1 when unreadable.
 */
int parse_stamp(const char *s, struct date *d, int *minutes);

/* "HH:MM" -> minutes since midnight, or -1. */
int parse_hhmm(const char *s);

#endif
