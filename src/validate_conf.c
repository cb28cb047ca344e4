/*
 * validate_conf.c - evaluators that read conferences and votes: counting
 * teams (HT-TELLERS, LEAD-TELLERS, VC-TELLERS), who may vote (HT-VOTERS),
 * quorums (VC-QUORUM-*), counting minutes (VC-BALLOTS), the trust vote
 * (VC-TRUST), the thôn nomination (THON-SELECT) and the residence trust
 * gate before round 3 (HT3-TRUST).
 *
 * The record-level checks are plain functions of a struct
 * conference_counts, so that a command can run them before it stores a
 * conference (validate_check_conference) and validate runs the very same
 * code on the stored rows.  A count not recorded is -1 and the checks that
 * need it are skipped: the engine judges what is written, it does not ask
 * for what is missing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "conference.h"
#include "db.h"
#include "diag.h"
#include "sbuf.h"
#include "text.h"
#include "validate_impl.h"
#include "banned.h"

int rule_has_conference(const struct rule *r, const char *kind)
{
	const struct rule_param *l = rule_param(r, "conferences");

	for (int i = 0; l && i < l->nlist; i++)
		if (!strcmp(l->list[i], kind))
			return 1;
	return 0;
}

int conf_is_voter(const char *kind)
{
	return !strcmp(kind, "workplace") || !strcmp(kind, "residence") || !strcmp(kind, "thon");
}

int conf_is_round(const char *kind)
{
	return !strcmp(kind, "ht1") || !strcmp(kind, "ht2") || !strcmp(kind, "ht3");
}

int conf_stage(const char *kind)
{
	if (!strcmp(kind, "ht1") || !strcmp(kind, "leadership"))
		return STAGE_PROPOSED;
	if (!strcmp(kind, "ht2"))
		return STAGE_PRELIMINARY;
	if (!strcmp(kind, "ht3") || !strcmp(kind, "residence"))
		return STAGE_QUALIFIED;
	return STAGE_NOMINATED;
}

long conf_attendees(const struct conference_counts *c)
{
	if (c->mode && !strcmp(c->mode, "distribution") && c->ballots_returned >= 0)
		return c->ballots_returned;
	return c->present;
}

int conf_trust_met(const struct rule *r, long trust, long attendees)
{
	if (!r || attendees < 0)
		return -1;
	return ratio_passes(trust, attendees, rule_int(r, "num", 1), rule_int(r, "den", 2));
}

int conf_quorum_met(const struct rule *r, const struct conference_counts *c, char *explain, size_t len)
{
	long att = conf_attendees(c);
	long place = c->voters_at_place >= 0 ? c->voters_at_place : c->invited;
	long convened = c->invited >= 0 ? c->invited : c->voters_at_place;
	long from, num, den, large_min;
	const char *who = c->mode && !strcmp(c->mode, "distribution") && c->ballots_returned >= 0 ? "phiếu thu về"
												  : "có mặt";
	int met;

	if (!r || att < 0 || place < 0) {
		if (explain && len)
			snprintf(explain, len, "%s", r ? "thiếu số liệu" : "bộ quy tắc không quy định");
		return -1;
	}
	from = rule_int(r, "large_place_from", 0);
	num = rule_int(r, "small_present_num", 1);
	den = rule_int(r, "small_present_den", 1);
	large_min = rule_int(r, "large_min_present", 0);
	if (place < from) {
		met = quorum_part_met(att, convened, num, den);
		if (explain && len)
			snprintf(explain, len, "nơi có %ld cử tri (dưới %ld): cần ít nhất %ld/%ld số được triệu tập; %s %ld/%ld",
				 place, from, num, den, who, att, convened);
	} else {
		met = att >= large_min;
		if (explain && len)
			snprintf(explain, len, "nơi có %ld cử tri (từ %ld trở lên): cần ít nhất %ld người có mặt; %s %ld",
				 place, from, large_min, who, att);
	}
	return met;
}

/* ---- the record-level checks ---- */

void check_conf_tellers(struct eval *e, const struct rule *r, const struct where *w, const char *label,
			const struct conference_counts *c)
{
	long lo = rule_int(r, "min", 0), hi = rule_int(r, "max", 0);

	if (!c->vote_held || c->tellers < 0 || (c->tellers >= lo && c->tellers <= hi))
		return;
	ev_add(e, r, w, "%s: Tổ kiểm phiếu có %ld người; phải từ %ld đến %ld người", label, c->tellers, lo, hi);
}

void check_conf_votes_present(struct eval *e, const struct rule *r, const struct where *w, const char *label,
			      const struct conference_counts *c, const struct vote_counts *v, int nv)
{
	if (c->present < 0)
		return;
	if (c->votes_cast > c->present)
		ev_add(e, r, w, "%s: %ld phiếu được kiểm nhưng chỉ có %ld đại biểu thuộc thành phần hội nghị có mặt", label,
		       c->votes_cast, c->present);
	if (c->ballots_returned > c->present)
		ev_add(e, r, w, "%s: %ld phiếu thu về nhưng chỉ có %ld đại biểu thuộc thành phần hội nghị có mặt", label,
		       c->ballots_returned, c->present);
	for (int i = 0; i < nv; i++) {
		long total = v[i].trust + v[i].distrust + v[i].invalid;
		struct where wc = *w;

		if (total <= c->present)
			continue;
		wc.candidate = v[i].candidate;
		ev_add(e, r, &wc, "%s: %ld phiếu được tính (%ld đồng ý, %ld không đồng ý, %ld không hợp lệ) nhưng chỉ "
				  "có %ld đại biểu thuộc thành phần hội nghị có mặt", label, total, v[i].trust,
		       v[i].distrust, v[i].invalid, c->present);
	}
}

void check_conf_quorum(struct eval *e, const struct rule *r, const struct where *w, const char *label,
		       const struct conference_counts *c)
{
	long att = conf_attendees(c);
	long place = c->voters_at_place >= 0 ? c->voters_at_place : c->invited;
	long from = rule_int(r, "large_place_from", 0), num = rule_int(r, "small_present_num", 1),
	     den = rule_int(r, "small_present_den", 1), large_min = rule_int(r, "large_min_present", 0);

	if (conf_quorum_met(r, c, NULL, 0) != 0)
		return;
	if (place < from) {
		long convened = c->invited >= 0 ? c->invited : c->voters_at_place;
		ev_add(e, r, w, "%s: %ld trong %ld cử tri được triệu tập tham dự; nơi có dưới %ld cử tri phải có "
				"ít nhất %ld/%ld số cử tri được triệu tập (%lld người)", label, att, convened, from,
		       num, den, quorum_part_needed(convened, num, den));
	} else {
		ev_add(e, r, w, "%s: %ld cử tri tham dự; nơi có từ %ld cử tri trở lên (ở đây %ld) phải có ít nhất %ld cử "
				"tri tham dự", label, att, from, place, large_min);
	}
}

void check_conf_ballots(struct eval *e, const struct rule *r, const struct where *w, const char *label,
			const struct conference_counts *c)
{
	long voters = c->voters_at_place >= 0 ? c->voters_at_place : c->invited;

	if (c->ballots_issued >= 0 && voters >= 0 && c->ballots_issued > voters)
		ev_add(e, r, w, "%s: %ld phiếu phát ra, nhiều hơn tổng số %ld cử tri", label, c->ballots_issued, voters);
	if (c->ballots_returned >= 0 && c->ballots_issued >= 0 && c->ballots_returned > c->ballots_issued)
		ev_add(e, r, w, "%s: %ld phiếu thu về, nhiều hơn %ld phiếu phát ra", label, c->ballots_returned,
		       c->ballots_issued);
	if (c->ballots_returned >= 0 && c->ballots_valid >= 0 && c->ballots_invalid >= 0 &&
	    c->ballots_valid + c->ballots_invalid != c->ballots_returned)
		ev_add(e, r, w, "%s: %ld phiếu hợp lệ và %ld phiếu không hợp lệ cộng lại là %ld, khác %ld phiếu thu về",
		       label, c->ballots_valid, c->ballots_invalid, c->ballots_valid + c->ballots_invalid,
		       c->ballots_returned);
}

void check_conf_vote_totals(struct eval *e, const struct rule *r, const struct where *w, const char *label,
			    const struct conference_counts *c, const struct vote_counts *v, int nv)
{
	long att = conf_attendees(c);

	if (att < 0)
		return;
	for (int i = 0; i < nv; i++) {
		long total = v[i].trust + v[i].distrust + v[i].invalid;
		struct where wc = *w;

		if (total <= att)
			continue;
		wc.candidate = v[i].candidate;
		ev_add(e, r, &wc, "%s: %ld phiếu tín nhiệm, %ld không tín nhiệm và %ld không hợp lệ cộng lại là %ld, "
				  "nhiều hơn %ld cử tri tham dự", label, v[i].trust, v[i].distrust, v[i].invalid, total,
		       att);
	}
}

/* ---- conferences as stored ---- */

struct conf {
	long long id, unit_id;
	const char *kind, *held_on;
	struct conference_counts counts;
	struct vote_counts *votes;
	int nvotes;
	char *label;
};

typedef void (*conf_fn)(struct eval *e, const struct rule *r, const struct where *w, const struct conf *c);

static long col_count(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL ? -1 : (long)sqlite3_column_int64(st, i);
}

static int load_votes(struct eval *e, struct conf *c)
{
	sqlite3_stmt *st = db_prepare_cached(e->db, "SELECT v.trust, v.distrust, v.invalid, p.ho, p.ten_dem, p.ten "
					     "FROM vote v JOIN candidacy c ON c.id = v.candidacy_id "
					     "JOIN person p ON p.id = c.person_id WHERE v.conference_id = ?1 "
					     "ORDER BY p.sort_key, p.id");
	int alloc = 0;

	if (!st)
		return -1;
	db_bind_int(st, 1, c->id);
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct sbuf name = SBUF_INIT;
		if (c->nvotes == alloc) {
			alloc = alloc ? alloc * 2 : 8;
			c->votes = xrealloc(c->votes, sizeof(*c->votes) * (size_t)alloc);
		}
		sbuf_addstr(&name, db_col_text(st, 3));
		if (*db_col_text(st, 4))
			sbuf_addf(&name, " %s", db_col_text(st, 4));
		sbuf_addf(&name, " %s", db_col_text(st, 5));
		c->votes[c->nvotes].trust = (long)sqlite3_column_int64(st, 0);
		c->votes[c->nvotes].distrust = (long)sqlite3_column_int64(st, 1);
		c->votes[c->nvotes].invalid = (long)sqlite3_column_int64(st, 2);
		c->votes[c->nvotes].candidate = sbuf_detach(&name, NULL);
		c->nvotes++;
	}
	sqlite3_reset(st);
	return 0;
}

static void free_votes(struct conf *c)
{
	for (int i = 0; i < c->nvotes; i++)
		free((char *)c->votes[i].candidate);
	free(c->votes);
	c->votes = NULL;
	c->nvotes = 0;
}

/*
 * Call fn for every conference of the bodies `r` applies to, within the
 * scope, whose kind `want_kind` accepts (NULL = all), with its votes when
 * `with_votes`.
 */
static int each_conf(struct eval *e, const struct rule *r, int (*want_kind)(const struct rule *, const char *),
		     int with_votes, conf_fn fn)
{
	sqlite3_stmt *st;
	struct sbuf label = SBUF_INIT, kinds = SBUF_INIT;
	int rc = 0, one = e->scope->conference_id != 0;

	/*
	 * The kinds to read, as "|ht3|residence|": those want_kind accepts
	 * and, with a stage, those deciding it, since every finding of a
	 * conference concerns the stage it decides (w.lo = w.hi below) and
	 * none would be kept for another stage.  Filtering in the query
	 * spares reading and sorting the rest (issue 8: the export gate of
	 * round 3 read every workplace and thôn conference three times).
	 */
	if (want_kind || e->rank >= 0) {
		sbuf_addch(&kinds, '|');
		for (int k = 0; k < CONF_NKINDS; k++) {
			const char *key = conf_kind_key(k);
			if ((!want_kind || want_kind(r, key)) && (e->rank < 0 || conf_stage(key) == e->rank))
				sbuf_addf(&kinds, "%s|", key);
		}
		if (kinds.len == 1) {
			sbuf_release(&kinds);
			return 0;
		}
	}
	/* One conference (the entry of one, four rules per row of a voters
	 * import) by its key, and kept prepared: "?2 = 0 OR f.id = ?2" would
	 * scan the table for each. */
#define EACH_CONF(which)                                                                                     \
	"SELECT f.id, f.kind, f.held_on, coalesce(u.name, ''), f.mode, f.voters_at_place, f.invited, f.present, " \
	"f.tellers, f.ballots_issued, f.ballots_returned, f.ballots_valid, f.ballots_invalid, "              \
	"f.vote_method IS NOT NULL OR EXISTS (SELECT 1 FROM vote v WHERE v.conference_id = f.id), "          \
	"b.id, b.code, b.kind, b.name, coalesce(f.unit_id, 0), f.votes_cast "                                \
	"FROM conference f JOIN body b ON b.id = f.body_id LEFT JOIN unit u ON u.id = f.unit_id "           \
	"WHERE (?1 = 0 OR f.body_id = ?1) AND " which " "                                                    \
	"AND ((b.kind = 'na' AND ?3) OR (b.kind = 'hdnd' AND ?4)) "                                          \
	"AND (?5 IS NULL OR instr(?5, '|' || f.kind || '|') > 0) "                                           \
	"ORDER BY b.id, f.held_on, f.start_time, f.id"
	st = one ? db_prepare_cached(e->db, EACH_CONF("f.id = ?2")) : db_prepare(e->db, EACH_CONF("?2 = 0"));
#undef EACH_CONF
	if (!st) {
		sbuf_release(&kinds);
		return -1;
	}
	db_bind_int(st, 1, e->scope->body_id);
	db_bind_int(st, 2, e->scope->conference_id);
	db_bind_int(st, 3, (r->applies & APPLIES_NA) != 0);
	db_bind_int(st, 4, (r->applies & APPLIES_HDND) != 0);
	db_bind_text(st, 5, kinds.len ? kinds.buf : NULL);
	while (rc == 0 && sqlite3_step(st) == SQLITE_ROW) {
		struct conf c;
		struct where w;
		char day[16];

		memset(&c, 0, sizeof(c));
		c.kind = db_col_text(st, 1);
		if (want_kind && !want_kind(r, c.kind))
			continue;
		if (e->rank >= 0 && conf_stage(c.kind) != e->rank)
			continue;
		c.id = sqlite3_column_int64(st, 0);
		c.held_on = db_col_text(st, 2);
		c.unit_id = sqlite3_column_int64(st, 18);
		c.counts.kind = c.kind;
		c.counts.body_kind = db_col_text(st, 16);
		c.counts.mode = db_col_text(st, 4);
		c.counts.voters_at_place = col_count(st, 5);
		c.counts.invited = col_count(st, 6);
		c.counts.present = col_count(st, 7);
		c.counts.tellers = col_count(st, 8);
		c.counts.ballots_issued = col_count(st, 9);
		c.counts.ballots_returned = col_count(st, 10);
		c.counts.ballots_valid = col_count(st, 11);
		c.counts.ballots_invalid = col_count(st, 12);
		c.counts.vote_held = sqlite3_column_int(st, 13);
		c.counts.votes_cast = col_count(st, 19);
		date_iso_to_vn(c.held_on, day, sizeof(day));
		sbuf_reset(&label);
		sbuf_addstr(&label, conf_kind_phrase(c.kind));
		if (*db_col_text(st, 3))
			sbuf_addf(&label, " của '%s'", db_col_text(st, 3));
		sbuf_addf(&label, " ngày %s", day);
		c.label = label.buf;
		memset(&w, 0, sizeof(w));
		w.body_id = sqlite3_column_int64(st, 14);
		w.body = db_col_text(st, 15);
		w.body_name = db_col_text(st, 17);
		w.lo = w.hi = conf_stage(c.kind);
		if (with_votes && load_votes(e, &c) < 0)
			rc = -1;
		else
			fn(e, r, &w, &c);
		free_votes(&c);
	}
	if (one)
		sqlite3_reset(st);
	else
		sqlite3_finalize(st);
	sbuf_release(&label);
	sbuf_release(&kinds);
	return rc;
}

static int kind_listed(const struct rule *r, const char *kind)
{
	return rule_has_conference(r, kind);
}

static int kind_round(const struct rule *r, const char *kind)
{
	(void)r;
	return conf_is_round(kind);
}

static int kind_voter(const struct rule *r, const char *kind)
{
	(void)r;
	return conf_is_voter(kind);
}

static void do_tellers(struct eval *e, const struct rule *r, const struct where *w, const struct conf *c)
{
	check_conf_tellers(e, r, w, c->label, &c->counts);
}

int eval_tellers(struct eval *e, const struct rule *r)
{
	return each_conf(e, r, kind_listed, 0, do_tellers);
}

static void do_votes_present(struct eval *e, const struct rule *r, const struct where *w, const struct conf *c)
{
	check_conf_votes_present(e, r, w, c->label, &c->counts, c->votes, c->nvotes);
}

int eval_votes_present(struct eval *e, const struct rule *r)
{
	return each_conf(e, r, kind_round, 1, do_votes_present);
}

static void do_quorum(struct eval *e, const struct rule *r, const struct where *w, const struct conf *c)
{
	check_conf_quorum(e, r, w, c->label, &c->counts);
}

int eval_quorum(struct eval *e, const struct rule *r)
{
	return each_conf(e, r, kind_listed, 0, do_quorum);
}

static void do_ballots(struct eval *e, const struct rule *r, const struct where *w, const struct conf *c)
{
	check_conf_ballots(e, r, w, c->label, &c->counts);
}

int eval_ballots(struct eval *e, const struct rule *r)
{
	return each_conf(e, r, NULL, 0, do_ballots);
}

static void do_vote_totals(struct eval *e, const struct rule *r, const struct where *w, const struct conf *c)
{
	check_conf_vote_totals(e, r, w, c->label, &c->counts, c->votes, c->nvotes);
}

/* ---- outcomes of trust votes ---- */

/* A candidacy's latest vote at a conference of one kind. */
struct latest_vote {
	const char *name, *stage, *source, *special_reason, *unit, *held_on, *mode;
	int rank, special_case;
	long trust, attendees;
	long constituency;
	long long body_id;
	const char *body, *body_name;
};

typedef void (*latest_fn)(struct eval *e, const struct rule *r, const struct latest_vote *v, void *arg);

static int each_latest_vote(struct eval *e, const struct rule *r, const char *kind, latest_fn fn, void *arg)
{
	/* one candidacy (decide's gate, per row of an import) by its key: an
	 * OR would scan every vote for each */
#define LATEST_VOTES(which)                                                                                  \
	"SELECT p.ho, p.ten_dem, p.ten, c.stage, c.source, c.special_case, coalesce(c.special_reason, ''), " \
	"v.trust, f.present, f.mode, f.ballots_returned, f.held_on, coalesce(u.name, ''), "                  \
	"coalesce(k.number, 0), b.id, b.code, b.name "                                                        \
	"FROM vote v JOIN conference f ON f.id = v.conference_id JOIN candidacy c ON c.id = v.candidacy_id " \
	"JOIN person p ON p.id = c.person_id JOIN body b ON b.id = c.body_id "                               \
	"LEFT JOIN unit u ON u.id = f.unit_id LEFT JOIN constituency k ON k.id = c.constituency_id "         \
	"WHERE f.kind = ?1 AND c.status = 'active' AND (?2 = 0 OR c.body_id = ?2) "                          \
	"AND ((b.kind = 'na' AND ?3) OR (b.kind = 'hdnd' AND ?4)) AND " which " "                            \
	"AND NOT EXISTS (SELECT 1 FROM vote v2 JOIN conference f2 ON f2.id = v2.conference_id "              \
	"  WHERE v2.candidacy_id = c.id AND f2.kind = f.kind "                                               \
	"  AND (f2.held_on > f.held_on OR (f2.held_on = f.held_on AND f2.id > f.id))) "                      \
	"ORDER BY b.id, coalesce(k.number, 0), p.sort_key, p.id"
	sqlite3_stmt *st = db_prepare(e->db, e->scope->candidacy_id ? LATEST_VOTES("v.candidacy_id = ?5")
								   : LATEST_VOTES("?5 = 0"));
#undef LATEST_VOTES
	struct sbuf name = SBUF_INIT;

	if (!st)
		return -1;
	db_bind_text(st, 1, kind);
	db_bind_int(st, 2, e->scope->body_id);
	db_bind_int(st, 3, (r->applies & APPLIES_NA) != 0);
	db_bind_int(st, 4, (r->applies & APPLIES_HDND) != 0);
	db_bind_int(st, 5, e->scope->candidacy_id);
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct latest_vote v;
		struct conference_counts cc;

		memset(&cc, 0, sizeof(cc));
		ev_name(&name, db_col_text(st, 0), db_col_text(st, 1), db_col_text(st, 2));
		v.name = name.buf;
		v.stage = db_col_text(st, 3);
		v.rank = stage_rank(v.stage);
		v.source = db_col_text(st, 4);
		v.special_case = sqlite3_column_int(st, 5);
		v.special_reason = db_col_text(st, 6);
		v.trust = (long)sqlite3_column_int64(st, 7);
		cc.present = col_count(st, 8);
		cc.mode = db_col_text(st, 9);
		cc.ballots_returned = col_count(st, 10);
		v.attendees = conf_attendees(&cc);
		v.mode = cc.mode;
		v.held_on = db_col_text(st, 11);
		v.unit = db_col_text(st, 12);
		v.constituency = (long)sqlite3_column_int64(st, 13);
		v.body_id = sqlite3_column_int64(st, 14);
		v.body = db_col_text(st, 15);
		v.body_name = db_col_text(st, 16);
		if (v.attendees >= 0)
			fn(e, r, &v, arg);
	}
	sqlite3_finalize(st);
	sbuf_release(&name);
	return 0;
}

static void where_vote(struct where *w, const struct latest_vote *v, int lo, int hi)
{
	memset(w, 0, sizeof(*w));
	w->body_id = v->body_id;
	w->body = v->body;
	w->body_name = v->body_name;
	w->constituency = v->constituency;
	w->candidate = v->name;
	w->lo = lo;
	w->hi = hi > lo ? hi : lo;
}

/* VC-TRUST: a unit's proposed nominee who failed the workplace conference
 * was nominated all the same (NQLT 102 Art. 9(3), 14(3)). */
static void workplace_outcome(struct eval *e, const struct rule *r, const struct latest_vote *v, void *arg)
{
	long num = rule_int(r, "num", 1), den = rule_int(r, "den", 2);
	struct where w;
	char day[16];

	(void)arg;
	if (strcmp(v->source, "unit") || v->rank < STAGE_NOMINATED || ratio_passes(v->trust, v->attendees, num, den))
		return;
	date_iso_to_vn(v->held_on, day, sizeof(day));
	where_vote(&w, v, STAGE_NOMINATED, v->rank);
	ev_add(e, r, &w, "được %ld/%ld cử tri tham dự hội nghị cử tri nơi công tác ngày %s tín nhiệm, không quá %ld/%ld "
			 "(cần ít nhất %lld), nhưng vẫn được giới thiệu ứng cử", v->trust, v->attendees, day, num, den,
	       ratio_min_pass(v->attendees, num, den));
}

int eval_trust(struct eval *e, const struct rule *r)
{
	if ((e->want & WANT_CONFERENCE) && each_conf(e, r, kind_voter, 1, do_vote_totals) < 0)
		return -1;
	if ((e->want & WANT_LIST) && !e->scope->conference_id && !e->scope->candidacy_id &&
	    each_latest_vote(e, r, "workplace", workplace_outcome, NULL) < 0)
		return -1;
	return 0;
}

/* HT3-TRUST */
static void residence_gate(struct eval *e, const struct rule *r, const struct latest_vote *v, void *arg)
{
	const struct rule *t = arg;
	long num = rule_int(t, "num", 1), den = rule_int(t, "den", 2);
	struct where w;
	char day[16];
	int special = v->special_case && !text_is_blank(v->special_reason);	/* a blank reason is none */

	if (v->rank < STAGE_PRELIMINARY || special || ratio_passes(v->trust, v->attendees, num, den))
		return;
	date_iso_to_vn(v->held_on, day, sizeof(day));
	where_vote(&w, v, STAGE_QUALIFIED, v->rank);
	ev_add(e, r, &w, "được %ld/%ld cử tri tham dự hội nghị cử tri nơi cư trú ngày %s tín nhiệm, không quá %ld/%ld "
			 "(cần ít nhất %lld), nhưng vẫn ở danh sách trình hội nghị hiệp thương lần thứ ba mà không được "
			 "ghi là trường hợp đặc biệt có lý do", v->trust, v->attendees, day, num, den,
	       ratio_min_pass(v->attendees, num, den));
}

/*
 * HT3-TRUST on a candidate of the qualified (or official) list with no
 * residence result at all, when the rule says `no_result: flag`: the
 * list is of those whom more than half of the attendees trusted (NQLT 102
 * Art. 26(1), 28(1)), and no result is no trust.  Not the default: a book
 * may hold lists whose residence minutes it never records (an official
 * list imported as published, a level that reads the results elsewhere).
 * Those still on the preliminary list are not judged: their conference
 * may simply not be recorded yet.
 */
static int residence_missing(struct eval *e, const struct rule *r)
{
	/* one candidacy by its key (see each_latest_vote) */
#define MISSING(which)                                                                                       \
	"SELECT p.ho, p.ten_dem, p.ten, c.stage, coalesce(k.number, 0), b.id, b.code, b.name, "              \
	"c.special_case, coalesce(c.special_reason, '') FROM candidacy c JOIN person p ON p.id = c.person_id " \
	"JOIN body b ON b.id = c.body_id LEFT JOIN constituency k ON k.id = c.constituency_id "              \
	"WHERE c.status = 'active' AND c.stage IN ('qualified', 'official') AND (?1 = 0 OR c.body_id = ?1) " \
	"AND ((b.kind = 'na' AND ?2) OR (b.kind = 'hdnd' AND ?3)) AND " which " "                            \
	"AND NOT EXISTS (SELECT 1 FROM vote v JOIN conference f ON f.id = v.conference_id "                  \
	"  WHERE v.candidacy_id = c.id AND f.kind = 'residence') "                                           \
	"ORDER BY b.id, coalesce(k.number, 0), p.sort_key, p.id"
	sqlite3_stmt *st = db_prepare(e->db, e->scope->candidacy_id ? MISSING("c.id = ?4") : MISSING("?4 = 0"));
#undef MISSING
	struct sbuf name = SBUF_INIT;

	if (!st)
		return -1;
	db_bind_int(st, 1, e->scope->body_id);
	db_bind_int(st, 2, (r->applies & APPLIES_NA) != 0);
	db_bind_int(st, 3, (r->applies & APPLIES_HDND) != 0);
	db_bind_int(st, 4, e->scope->candidacy_id);
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct where w;

		if (sqlite3_column_int(st, 8) && !text_is_blank(db_col_text(st, 9)))
			continue;	/* a special case with its reason (a blank reason is none) */
		ev_name(&name, db_col_text(st, 0), db_col_text(st, 1), db_col_text(st, 2));
		memset(&w, 0, sizeof(w));
		w.body_id = sqlite3_column_int64(st, 5);
		w.body = db_col_text(st, 6);
		w.body_name = db_col_text(st, 7);
		w.constituency = (long)sqlite3_column_int64(st, 4);
		w.candidate = name.buf;
		w.lo = STAGE_QUALIFIED;
		w.hi = stage_rank(db_col_text(st, 3));
		ev_add(e, r, &w, "chưa có kết quả hội nghị cử tri nơi cư trú nhưng ở danh sách những người đủ tiêu chuẩn "
				 "ứng cử mà không được ghi là trường hợp đặc biệt có lý do");
	}
	sqlite3_finalize(st);
	sbuf_release(&name);
	return 0;
}

int eval_residence_trust_gate(struct eval *e, const struct rule *r)
{
	const struct rule *t = rules_find(e->pack, rule_str(r, "trust_rule"));

	if (!t)
		return bug("rule %s: trust rule '%s' missing", r->id, rule_str(r, "trust_rule"));
	if (each_latest_vote(e, r, "residence", residence_gate, (void *)t) < 0)
		return -1;
	if (!rule_str(r, "no_result") || strcmp(rule_str(r, "no_result"), "flag"))
		return 0;
	return residence_missing(e, r);
}

/* ---- THON-SELECT ---- */

struct thon_vote {
	char *name;
	long trust;
	int selected, withdrew;
};

static void thon_conference(struct eval *e, const struct rule *r, const struct where *w, const struct conf *c)
{
	sqlite3_stmt *st;
	struct thon_vote *v = NULL;
	int n = 0, alloc = 0;
	long num = rule_int(r, "num", 1), den = rule_int(r, "den", 2);
	long att = conf_attendees(&c->counts);

	if (att < 0)
		return;
	/* each candidacy's first thôn vote: a tie re-vote comes later and needs
	 * no majority.  Selected = got past 'proposed', whatever happened to
	 * the person later (dropped at round 2 is still selected by the thôn). */
	st = db_prepare_cached(e->db,
		"SELECT p.ho, p.ten_dem, p.ten, v.trust, "
		"c.source = 'thon' AND c.stage IN ('nominated', 'preliminary', 'qualified', "
		"'official'), c.status = 'dropped' AND c.drop_reason = 'withdrew' "
		"FROM vote v JOIN candidacy c ON c.id = v.candidacy_id JOIN person p ON p.id = c.person_id "
		"WHERE v.conference_id = ?1 AND NOT EXISTS (SELECT 1 FROM vote v2 JOIN conference f2 "
		"  ON f2.id = v2.conference_id JOIN conference f ON f.id = ?1 WHERE v2.candidacy_id = c.id "
		"  AND f2.kind = 'thon' AND (f2.held_on < f.held_on OR (f2.held_on = f.held_on AND f2.id < f.id))) "
		"ORDER BY p.sort_key, p.id");
	if (!st)
		return;
	db_bind_int(st, 1, c->id);
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct sbuf name = SBUF_INIT;
		if (n == alloc) {
			alloc = alloc ? alloc * 2 : 8;
			v = xrealloc(v, sizeof(*v) * (size_t)alloc);
		}
		ev_name(&name, db_col_text(st, 0), db_col_text(st, 1), db_col_text(st, 2));
		v[n].name = sbuf_detach(&name, NULL);
		v[n].trust = (long)sqlite3_column_int64(st, 3);
		v[n].selected = sqlite3_column_int(st, 4);
		v[n].withdrew = sqlite3_column_int(st, 5);
		n++;
	}
	sqlite3_reset(st);
	for (int i = 0; i < n; i++) {
		struct where wc = *w;
		int best = -1;

		if (!v[i].selected)
			continue;
		wc.candidate = v[i].name;
		if (!ratio_passes(v[i].trust, att, num, den)) {
			ev_add(e, r, &wc, "%s: được %ld/%ld cử tri có mặt tín nhiệm, không quá %ld/%ld (cần ít nhất %lld), "
					  "nhưng vẫn được giới thiệu ứng cử", c->label, v[i].trust, att, num, den,
			       ratio_min_pass(att, num, den));
			continue;
		}
		/* ranked by votes: nobody who passed with more votes was left out */
		for (int j = 0; j < n; j++)
			if (!v[j].selected && !v[j].withdrew && ratio_passes(v[j].trust, att, num, den) &&
			    v[j].trust > v[i].trust && (best < 0 || v[j].trust > v[best].trust))
				best = j;
		if (best >= 0)
			ev_add(e, r, &wc, "%s: được giới thiệu với %ld phiếu tín nhiệm trong khi '%s' được %ld phiếu mà "
					  "không được giới thiệu; phải lấy theo số phiếu từ cao xuống thấp", c->label,
			       v[i].trust, v[best].name, v[best].trust);
	}
	for (int i = 0; i < n; i++)
		free(v[i].name);
	free(v);
}

static int kind_thon(const struct rule *r, const char *kind)
{
	(void)r;
	return !strcmp(kind, "thon");
}

int eval_thon_select(struct eval *e, const struct rule *r)
{
	/* at most the allocation of each thôn/TDP */
	sqlite3_stmt *b = ev_bodies(e, r), *st;

	if (each_conf(e, r, kind_thon, 0, thon_conference) < 0 || !b) {
		sqlite3_finalize(b);
		return -1;
	}
	st = db_prepare(e->db,
		"SELECT u.name, (SELECT a.count FROM allocation a WHERE a.unit_id = u.id ORDER BY a.version DESC LIMIT 1), "
		"(SELECT count(*) FROM candidacy c WHERE c.unit_id = u.id AND c.source = 'thon' AND c.status = 'active' "
		"  AND c.stage IN ('nominated', 'preliminary', 'qualified', 'official')) "
		"FROM unit u WHERE u.body_id = ?1 AND u.kind = 'thon' ORDER BY u.code");
	if (!st) {
		sqlite3_finalize(b);
		return -1;
	}
	while (sqlite3_step(b) == SQLITE_ROW) {
		db_bind_int(st, 1, sqlite3_column_int64(b, 0));
		while (sqlite3_step(st) == SQLITE_ROW) {
			struct where w;
			if (sqlite3_column_type(st, 1) == SQLITE_NULL ||
			    sqlite3_column_int64(st, 2) <= sqlite3_column_int64(st, 1))
				continue;
			where_body(&w, b, STAGE_NOMINATED, STAGE_NOMINATED);
			ev_add(e, r, &w, "'%s' giới thiệu %lld người, nhiều hơn số được phân bổ (%lld)", db_col_text(st, 0),
			       sqlite3_column_int64(st, 2), sqlite3_column_int64(st, 1));
		}
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	sqlite3_finalize(b);
	return 0;
}
