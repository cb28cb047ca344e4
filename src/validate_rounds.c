/*
 * validate_rounds.c - evaluators about time: the order of the
 * consultation rounds and of the voter conferences between them
 * (HT-ORDER), each round's legal deadline (HT-WINDOW), and the deadlines
 * of events (VERIFY-DEADLINE, HT3-SEND, LIST-DEADLINE).
 *
 * Dates are judged as recorded.  A round or an event that is simply not
 * in the book yet is not a finding, except where the book shows that it
 * was due: an issue raised by voters still unanswered after the
 * verification deadline, or round-3 minutes held but not sent after the
 * sending deadline ("today" is $HIEPTHUONG_TODAY or --today).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "conference.h"
#include "db.h"
#include "diag.h"
#include "sbuf.h"
#include "validate_impl.h"
#include "banned.h"

static const char *const round_names[] = { "", "lần thứ nhất", "lần thứ hai", "lần thứ ba" };

/* A recorded conference: when, and what it is. */
struct moment {
	char *date, *time;
	char *label;
	int round;		/* 1..3 for ht1..ht3, else 0 */
	const char *kind;	/* static */
	int self_votes;		/* workplace: votes for self-nominees or thôn nominees */
	int unit_votes;		/* workplace: votes for units' nominees */
};

struct moments {
	struct moment *v;
	int n;
	/* round_bound() of rounds 1..3, computed once after loading: looking
	 * it up for every conference was quadratic (issue 8) */
	const struct moment *earliest[4], *latest[4];
};

static void moments_release(struct moments *m)
{
	for (int i = 0; i < m->n; i++) {
		free(m->v[i].date);
		free(m->v[i].time);
		free(m->v[i].label);
	}
	free(m->v);
	memset(m, 0, sizeof(*m));
}

/* The latest (last = 1) or earliest conference of round n, or NULL. */
static const struct moment *round_bound(const struct moments *m, int n, int last)
{
	const struct moment *best = NULL;

	for (int i = 0; i < m->n; i++)
		if (m->v[i].round == n &&
		    (!best || moment_cmp(m->v[i].date, m->v[i].time, best->date, best->time) * (last ? 1 : -1) > 0))
			best = &m->v[i];
	return best;
}

static int load_moments(struct eval *e, long long body_id, struct moments *m)
{
	static const char *const kinds[] = { "ht1", "ht2", "ht3", "workplace", "residence" };
	sqlite3_stmt *st = db_prepare(e->db,
		"SELECT f.kind, f.held_on, coalesce(f.start_time, ''), coalesce(u.name, ''), "
		"EXISTS (SELECT 1 FROM vote v JOIN candidacy c ON c.id = v.candidacy_id "
		"  WHERE v.conference_id = f.id AND c.source <> 'unit'), "
		"EXISTS (SELECT 1 FROM vote v JOIN candidacy c ON c.id = v.candidacy_id "
		"  WHERE v.conference_id = f.id AND c.source = 'unit') "
		"FROM conference f LEFT JOIN unit u ON u.id = f.unit_id "
		"WHERE f.body_id = ?1 AND f.kind IN ('ht1', 'ht2', 'ht3', 'workplace', 'residence') "
		"ORDER BY f.held_on, f.start_time, f.id");
	int alloc = 0;

	memset(m, 0, sizeof(*m));
	if (!st)
		return -1;
	db_bind_int(st, 1, body_id);
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct moment *x;
		struct sbuf label = SBUF_INIT;
		char day[16];

		if (m->n == alloc) {
			alloc = alloc ? alloc * 2 : 8;
			m->v = xrealloc(m->v, sizeof(*m->v) * (size_t)alloc);
		}
		x = &m->v[m->n++];
		memset(x, 0, sizeof(*x));
		for (size_t k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++)
			if (!strcmp(kinds[k], db_col_text(st, 0)))
				x->kind = kinds[k];
		x->round = x->kind[0] == 'h' ? x->kind[2] - '0' : 0;
		x->date = xstrdup(db_col_text(st, 1));
		x->time = xstrdup(db_col_text(st, 2));
		x->self_votes = sqlite3_column_int(st, 4);
		x->unit_votes = sqlite3_column_int(st, 5);
		date_iso_to_vn(x->date, day, sizeof(day));
		sbuf_addstr(&label, conf_kind_phrase(x->kind));
		if (*db_col_text(st, 3))
			sbuf_addf(&label, " của '%s'", db_col_text(st, 3));
		sbuf_addf(&label, " ngày %s", day);
		x->label = sbuf_detach(&label, NULL);
	}
	sqlite3_finalize(st);
	for (int n = 1; n <= 3; n++) {
		m->earliest[n] = round_bound(m, n, 0);
		m->latest[n] = round_bound(m, n, 1);
	}
	return 0;
}

/* x must come after round `after` (latest of it) and before round `before` (earliest), when recorded. */
static void check_between(struct eval *e, const struct rule *r, const struct where *w, const struct moment *x,
			  const struct moments *m, int after, int before)
{
	const struct moment *lo = m->latest[after], *hi = before ? m->earliest[before] : NULL;
	char day[16];

	if (!lo) {
		ev_add(e, r, w, "%s được ghi nhưng chưa có hội nghị hiệp thương %s", x->label, round_names[after]);
		return;
	}
	if (moment_cmp(x->date, x->time, lo->date, lo->time) < 0) {
		date_iso_to_vn(lo->date, day, sizeof(day));
		ev_add(e, r, w, "%s diễn ra trước hội nghị hiệp thương %s (ngày %s)", x->label, round_names[after], day);
	}
	if (hi && moment_cmp(x->date, x->time, hi->date, hi->time) > 0) {
		date_iso_to_vn(hi->date, day, sizeof(day));
		ev_add(e, r, w, "%s diễn ra sau hội nghị hiệp thương %s (ngày %s)", x->label, round_names[before], day);
	}
}

int eval_round_order(struct eval *e, const struct rule *r)
{
	sqlite3_stmt *b = ev_bodies(e, r);

	if (!b)
		return -1;
	while (sqlite3_step(b) == SQLITE_ROW) {
		struct moments m;
		struct where w;

		if (load_moments(e, sqlite3_column_int64(b, 0), &m) < 0) {
			sqlite3_finalize(b);
			return -1;
		}
		for (int i = 0; i < m.n; i++) {
			const struct moment *x = &m.v[i];

			if (x->round >= 2) {
				where_body(&w, b, x->round == 2 ? STAGE_PRELIMINARY : STAGE_QUALIFIED,
					   x->round == 2 ? STAGE_PRELIMINARY : STAGE_QUALIFIED);
				check_between(e, r, &w, x, &m, x->round - 1, 0);
			} else if (!strcmp(x->kind, "residence") || (!strcmp(x->kind, "workplace") && x->self_votes)) {
				/* residence conferences, and workplace ones of self-nominees (NQLT 102 Art. 18(4), 20(4)) */
				where_body(&w, b, STAGE_QUALIFIED, STAGE_QUALIFIED);
				check_between(e, r, &w, x, &m, 2, 3);
			} else if (!strcmp(x->kind, "workplace") && x->unit_votes) {
				/* step 2 of a nomination by an agency, organisation or unit */
				where_body(&w, b, STAGE_NOMINATED, STAGE_NOMINATED);
				check_between(e, r, &w, x, &m, 1, 2);
			}
		}
		moments_release(&m);
	}
	sqlite3_finalize(b);
	return 0;
}

int eval_round_window(struct eval *e, const struct rule *r)
{
	const struct rule_param *keys = rule_param(r, "deadlines");
	sqlite3_stmt *b = ev_bodies(e, r), *st;

	if (!b)
		return -1;
	st = db_prepare(e->db, "SELECT held_on FROM conference WHERE body_id = ?1 AND kind = ?2 "
			       "ORDER BY held_on, id");
	if (!st) {
		sqlite3_finalize(b);
		return -1;
	}
	while (sqlite3_step(b) == SQLITE_ROW) {
		for (int n = 1; keys && n <= 3 && n <= keys->nlist; n++) {
			char kind[16], due_s[16], day[16];
			struct date due, held;
			long days;

			if (ev_deadline(e, keys->list[n - 1], db_col_text(b, 2), &due, &days))
				continue;
			snprintf(kind, sizeof(kind), "ht%d", n);
			db_bind_int(st, 1, sqlite3_column_int64(b, 0));
			db_bind_text(st, 2, kind);
			while (sqlite3_step(st) == SQLITE_ROW) {
				struct where w;
				char err[64];

				if (date_parse(db_col_text(st, 0), DATE_FULL, &held, err, sizeof(err)) < 0 ||
				    date_cmp(held, due) <= 0)
					continue;
				date_vn(held, day, sizeof(day));
				date_vn(due, due_s, sizeof(due_s));
				where_body(&w, b, n == 1 ? STAGE_PROPOSED : n == 2 ? STAGE_PRELIMINARY : STAGE_QUALIFIED,
					   n == 1 ? STAGE_PROPOSED : n == 2 ? STAGE_PRELIMINARY : STAGE_QUALIFIED);
				ev_add(e, r, &w, "hội nghị hiệp thương %s họp ngày %s, sau thời hạn chậm nhất %s (%ld ngày "
						 "trước ngày bầu cử)", round_names[n], day, due_s, days);
			}
			sqlite3_reset(st);
		}
	}
	sqlite3_finalize(st);
	sqlite3_finalize(b);
	return 0;
}

/* ---- deadline: events ---- */

static int issues_answered(struct eval *e, const struct rule *r, const char *key)
{
	sqlite3_stmt *b = ev_bodies(e, r), *st;

	if (!b)
		return -1;
	st = db_prepare(e->db,
		"SELECT p.ho, p.ten_dem, p.ten, c.stage, coalesce(k.number, 0), i.answer_date, i.text "
		"FROM voter_issue i JOIN candidacy c ON c.id = i.candidacy_id JOIN person p ON p.id = c.person_id "
		"LEFT JOIN constituency k ON k.id = c.constituency_id "
		"WHERE c.body_id = ?1 AND c.status = 'active' AND (?2 = 0 OR c.id = ?2) "
		"ORDER BY coalesce(k.number, 0), p.sort_key, p.id, i.id");
	if (!st) {
		sqlite3_finalize(b);
		return -1;
	}
	while (sqlite3_step(b) == SQLITE_ROW) {
		struct date due;
		long days;
		char due_s[16];

		if (ev_deadline(e, key, db_col_text(b, 2), &due, &days))
			continue;
		date_vn(due, due_s, sizeof(due_s));
		db_bind_int(st, 1, sqlite3_column_int64(b, 0));
		db_bind_int(st, 2, e->scope->candidacy_id);
		while (sqlite3_step(st) == SQLITE_ROW) {
			struct sbuf name = SBUF_INIT;
			struct date answered;
			struct where w;
			char err[64], day[16];
			int rank = stage_rank(db_col_text(st, 3));
			int late_answer, unanswered;

			unanswered = sqlite3_column_type(st, 5) == SQLITE_NULL || !*db_col_text(st, 5);
			late_answer = !unanswered && date_parse(db_col_text(st, 5), DATE_FULL, &answered, err, sizeof(err)) == 0 &&
				      date_cmp(answered, due) > 0;
			if (!late_answer && !(unanswered && date_cmp(e->today, due) > 0))
				continue;
			sbuf_addstr(&name, db_col_text(st, 0));
			if (*db_col_text(st, 1))
				sbuf_addf(&name, " %s", db_col_text(st, 1));
			sbuf_addf(&name, " %s", db_col_text(st, 2));
			where_body(&w, b, STAGE_QUALIFIED, rank > STAGE_QUALIFIED ? rank : STAGE_QUALIFIED);
			w.constituency = (long)sqlite3_column_int64(st, 4);
			w.candidate = name.buf;
			if (late_answer) {
				date_vn(answered, day, sizeof(day));
				ev_add(e, r, &w, "vụ việc cử tri nêu '%s' được trả lời ngày %s, sau thời hạn %s (%ld ngày trước "
						 "ngày bầu cử)", db_col_text(st, 6), day, due_s, days);
			} else {
				ev_add(e, r, &w, "vụ việc cử tri nêu '%s' chưa được trả lời, đã quá thời hạn %s (%ld ngày trước "
						 "ngày bầu cử)", db_col_text(st, 6), due_s, days);
			}
			sbuf_release(&name);
		}
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	sqlite3_finalize(b);
	return 0;
}

/* round3_sent, official_list: one dated event per body (table body_event). */
static int body_event(struct eval *e, const struct rule *r, const char *key, const char *event)
{
	int official = !strcmp(event, "official_list");
	int stage = official ? STAGE_OFFICIAL : STAGE_QUALIFIED;
	sqlite3_stmt *b = ev_bodies(e, r);

	if (!b)
		return -1;
	while (sqlite3_step(b) == SQLITE_ROW) {
		long long body_id = sqlite3_column_int64(b, 0);
		struct date due, on;
		long days;
		char due_s[16], day[16], err[64];
		struct where w;
		sqlite3_stmt *st;
		int recorded = 0;

		if (ev_deadline(e, key, db_col_text(b, 2), &due, &days))
			continue;
		date_vn(due, due_s, sizeof(due_s));
		where_body(&w, b, stage, stage);
		if (!(st = db_prepare(e->db, "SELECT on_date FROM body_event WHERE body_id = ?1 AND event = ?2"))) {
			sqlite3_finalize(b);
			return -1;
		}
		db_bind_int(st, 1, body_id);
		db_bind_text(st, 2, event);
		if (sqlite3_step(st) == SQLITE_ROW && date_parse(db_col_text(st, 0), DATE_FULL, &on, err, sizeof(err)) == 0) {
			recorded = 1;
			if (date_cmp(on, due) > 0) {
				date_vn(on, day, sizeof(day));
				ev_add(e, r, &w, "%s ngày %s, sau thời hạn %s (%ld ngày trước ngày bầu cử)",
				       official ? "danh sách chính thức được công bố"
						: "biên bản hội nghị hiệp thương lần thứ ba và danh sách được gửi",
				       day, due_s, days);
			}
		}
		sqlite3_finalize(st);
		if (!recorded && !official && date_cmp(e->today, due) > 0 &&
		    db_query_int(e->db, 0, "SELECT count(*) FROM conference WHERE kind = 'ht3' AND body_id = "
					   "(SELECT id FROM body WHERE code = ?1)", db_col_text(b, 1), (const char *)NULL))
			ev_add(e, r, &w, "đã họp hội nghị hiệp thương lần thứ ba nhưng chưa ghi ngày gửi biên bản và danh "
					 "sách; thời hạn là %s (%ld ngày trước ngày bầu cử)", due_s, days);
	}
	sqlite3_finalize(b);
	return 0;
}

int eval_deadline(struct eval *e, const struct rule *r)
{
	const char *key = rule_str(r, "deadline"), *event = rule_str(r, "event");

	if (!strcmp(event, "issues_answered"))
		return issues_answered(e, r, key);
	if (e->scope->candidacy_id)
		return 0;
	return body_event(e, r, key, event);
}
