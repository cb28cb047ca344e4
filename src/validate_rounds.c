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
	const char *date, *time;
	int round;		/* 1..3 for ht1..ht3, else 0 */
	const char *kind;	/* static */
	const char *unit;	/* the unit's name, "" when none */
	int self_votes;		/* workplace: votes for self-nominees or thôn nominees */
	int unit_votes;		/* workplace: votes for units' nominees */
};

/* The earliest and latest conference of rounds 1..3 (copies), found
 * once per body. */
struct bounds {
	char *date[2][4], *time[2][4];	/* [0] earliest, [1] latest; NULL when none */
};

static void bounds_release(struct bounds *bd)
{
	for (int last = 0; last <= 1; last++)
		for (int n = 0; n < 4; n++) {
			free(bd->date[last][n]);
			free(bd->time[last][n]);
		}
	memset(bd, 0, sizeof(*bd));
}

static const char *const moment_kinds[] = { "ht1", "ht2", "ht3", "workplace", "residence" };

/*
 * The rounds' bounds: of the conferences of round n in the order
 * (held_on, start_time, id), the first that no later one precedes
 * (earliest), and the first that no later one follows (latest), by
 * moment_cmp(), which finds two moments of one day equal when a time is
 * missing.
 */
static int load_bounds(struct eval *e, long long body_id, long long without, struct bounds *bd)
{
	sqlite3_stmt *st = db_prepare(e->db,
		"SELECT CAST(substr(kind, 3) AS INTEGER), held_on, coalesce(start_time, '') FROM conference "
		"WHERE body_id = ?1 AND kind IN ('ht1', 'ht2', 'ht3') AND id <> ?2 ORDER BY held_on, start_time, id");

	memset(bd, 0, sizeof(*bd));
	if (!st)
		return -1;
	db_bind_int(st, 1, body_id);
	db_bind_int(st, 2, without);
	while (sqlite3_step(st) == SQLITE_ROW) {
		int n = sqlite3_column_int(st, 0);
		const char *d = db_col_text(st, 1), *t = db_col_text(st, 2);

		if (n < 1 || n > 3)
			continue;
		for (int last = 0; last <= 1; last++)
			if (!bd->date[last][n] ||
			    moment_cmp(d, t, bd->date[last][n], bd->time[last][n]) * (last ? 1 : -1) > 0) {
				free(bd->date[last][n]);
				free(bd->time[last][n]);
				bd->date[last][n] = xstrdup(d);
				bd->time[last][n] = xstrdup(t);
			}
	}
	sqlite3_finalize(st);
	return 0;
}

/* "hội nghị cử tri nơi công tác của 'X' ngày dd/mm/yyyy" */
static void moment_label(const struct moment *x, struct sbuf *out)
{
	char day[16];

	date_iso_to_vn(x->date, day, sizeof(day));
	sbuf_reset(out);
	sbuf_addstr(out, conf_kind_phrase(x->kind));
	if (*x->unit)
		sbuf_addf(out, " của '%s'", x->unit);
	sbuf_addf(out, " ngày %s", day);
}

/*
 * Where HT-ORDER's findings go.  On the book (or a body) they are added
 * as found.  On one conference just stored (validate_conference(), the
 * entry of a round or a voter conference), a finding concerns that
 * conference when the book without it does not have it: the body is
 * judged twice, first without the conference (into `without`, one
 * finding per line), then with it, adding only the findings that are new.
 * So a round 2 stored after a recorded round 3 is refused (round 3 now
 * comes before round 2) and a book already out of order refuses nothing
 * that is not made worse.  A voter conference moves no round's bounds,
 * so only its own place among the rounds can be new: that conference
 * alone is judged (a voters import stores thousands, and judging the body
 * twice for each made it quadratic).
 */
struct order_out {
	struct eval *e;
	const struct rule *r;
	int collect;		/* 1: into `without`; 0: to the findings */
	struct sbuf without;	/* "finding\n"..., of the book without the conference */
	struct sbuf msg;	/* scratch */
};

static int order_seen(const struct order_out *o, const char *msg)
{
	size_t n = strlen(msg);

	for (const char *p = o->without.buf; p && *p; p = strchr(p, '\n') + 1)
		if (!strncmp(p, msg, n) && p[n] == '\n')
			return 1;
	return 0;
}

static void order_add(struct order_out *o, const struct where *w)
{
	if (o->collect)
		sbuf_addf(&o->without, "%s\n", o->msg.buf);
	else if (!order_seen(o, o->msg.buf))
		ev_add(o->e, o->r, w, "%s", o->msg.buf);
}

/* x must come after round `after` (latest of it) and before round `before` (earliest), when recorded. */
static void check_between(struct order_out *o, const struct where *w, const struct moment *x, const struct bounds *bd,
			  int after, int before)
{
	const char *lo_d = bd->date[1][after], *lo_t = bd->time[1][after];
	const char *hi_d = bd->date[0][before], *hi_t = bd->time[0][before];
	struct sbuf label = SBUF_INIT;
	char day[16];

	moment_label(x, &label);
	if (!lo_d) {
		sbuf_reset(&o->msg);
		sbuf_addf(&o->msg, "%s được ghi nhưng chưa có hội nghị hiệp thương %s", label.buf, round_names[after]);
		order_add(o, w);
		sbuf_release(&label);
		return;
	}
	if (moment_cmp(x->date, x->time, lo_d, lo_t) < 0) {
		date_iso_to_vn(lo_d, day, sizeof(day));
		sbuf_reset(&o->msg);
		sbuf_addf(&o->msg, "%s diễn ra trước hội nghị hiệp thương %s (ngày %s)", label.buf, round_names[after],
			  day);
		order_add(o, w);
	}
	if (before && hi_d && moment_cmp(x->date, x->time, hi_d, hi_t) > 0) {
		date_iso_to_vn(hi_d, day, sizeof(day));
		sbuf_reset(&o->msg);
		sbuf_addf(&o->msg, "%s diễn ra sau hội nghị hiệp thương %s (ngày %s)", label.buf, round_names[before], day);
		order_add(o, w);
	}
	sbuf_release(&label);
}

/*
 * The kinds of conference whose order can concern stage `rank` (-1: all),
 * as "|ht3|residence|workplace|": round 2 the preliminary list, round 3,
 * residence conferences and the workplace ones of self-nominees the
 * qualified list, the workplace ones of units' nominees the nominations.
 */
static const char *order_kinds(int rank)
{
	switch (rank) {
	case -1:
		return "|ht1|ht2|ht3|workplace|residence|";
	case STAGE_NOMINATED:
		return "|workplace|";
	case STAGE_PRELIMINARY:
		return "|ht2|";
	case STAGE_QUALIFIED:
		return "|ht3|workplace|residence|";
	}
	return NULL;
}

/* HT-ORDER on the body of row `b`, without conference `without` (0:
 * none) among the rounds; st's ?3 is bound to `pick` (the conferences
 * other than it, or it alone). */
static int order_body(struct order_out *o, sqlite3_stmt *b, sqlite3_stmt *st, const char *kinds, long long without,
		      long long pick)
{
	struct bounds bd;
	struct where w;

	if (load_bounds(o->e, sqlite3_column_int64(b, 0), without, &bd) < 0) {
		bounds_release(&bd);
		return -1;
	}
	db_bind_int(st, 1, sqlite3_column_int64(b, 0));
	db_bind_text(st, 2, kinds);
	db_bind_int(st, 3, pick);
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct moment x;

		memset(&x, 0, sizeof(x));
		for (size_t k = 0; k < sizeof(moment_kinds) / sizeof(moment_kinds[0]); k++)
			if (!strcmp(moment_kinds[k], db_col_text(st, 0)))
				x.kind = moment_kinds[k];
		if (!x.kind)
			continue;
		x.round = x.kind[0] == 'h' ? x.kind[2] - '0' : 0;
		x.date = db_col_text(st, 1);
		x.time = db_col_text(st, 2);
		x.unit = db_col_text(st, 3);
		x.self_votes = (sqlite3_column_int(st, 4) & 1) != 0;
		x.unit_votes = (sqlite3_column_int(st, 4) & 2) != 0;
		if (x.round >= 2) {
			where_body(&w, b, x.round == 2 ? STAGE_PRELIMINARY : STAGE_QUALIFIED,
				   x.round == 2 ? STAGE_PRELIMINARY : STAGE_QUALIFIED);
			check_between(o, &w, &x, &bd, x.round - 1, 0);
		} else if (!strcmp(x.kind, "residence") || (!strcmp(x.kind, "workplace") && x.self_votes)) {
			/* residence conferences, and workplace ones of self-nominees (NQLT 102 Art. 18(4), 20(4)) */
			where_body(&w, b, STAGE_QUALIFIED, STAGE_QUALIFIED);
			check_between(o, &w, &x, &bd, 2, 3);
		} else if (!strcmp(x.kind, "workplace") && x.unit_votes) {
			/* step 2 of a nomination by an agency, organisation or unit */
			where_body(&w, b, STAGE_NOMINATED, STAGE_NOMINATED);
			check_between(o, &w, &x, &bd, 1, 2);
		}
	}
	sqlite3_reset(st);
	bounds_release(&bd);
	return 0;
}

int eval_round_order(struct eval *e, const struct rule *r)
{
	const char *kinds = order_kinds(e->rank);
	long long conf = e->scope->conference_id, conf_body = 0;
	struct order_out o = { e, r, 0, SBUF_INIT, SBUF_INIT };
	sqlite3_stmt *b, *st;
	int rc = 0, round = 0;

	if (!kinds || e->scope->candidacy_id)
		return 0;
	if (conf) {
		if (!(st = db_prepare(e->db, "SELECT body_id, kind IN ('ht1', 'ht2', 'ht3') FROM conference WHERE id = ?")))
			return -1;
		db_bind_int(st, 1, conf);
		if (sqlite3_step(st) == SQLITE_ROW) {
			conf_body = sqlite3_column_int64(st, 0);
			round = sqlite3_column_int(st, 1);
		}
		sqlite3_finalize(st);
		if (!conf_body)
			return 0;
	}
	if (!(b = ev_bodies(e, r)))
		return -1;
	/* The conferences one by one, in order; the votes are looked at for
	 * workplace conferences only, the one kind whose check depends on
	 * whose nomination they voted on, in one reading: 1 for votes on
	 * self-nominees (or thôn nominees), 2 for votes on units' nominees.
	 * A voter conference alone is read by its key. */
#define ORDER_CONFS(which)                                                                                   \
	"SELECT f.kind, f.held_on, coalesce(f.start_time, ''), coalesce(u.name, ''), "                       \
	"CASE WHEN f.kind = 'workplace' THEN (SELECT coalesce(max(c.source <> 'unit') + 2 * max(c.source = 'unit'), 0) " \
	"  FROM vote v JOIN candidacy c ON c.id = v.candidacy_id WHERE v.conference_id = f.id) ELSE 0 END "  \
	"FROM conference f LEFT JOIN unit u ON u.id = f.unit_id "                                            \
	"WHERE f.body_id = ?1 AND instr(?2, '|' || f.kind || '|') > 0 AND " which                           \
	" ORDER BY f.held_on, f.start_time, f.id"
	st = db_prepare(e->db, conf && !round ? ORDER_CONFS("f.id = ?3") : ORDER_CONFS("f.id <> ?3"));
#undef ORDER_CONFS
	if (!st) {
		sqlite3_finalize(b);
		return -1;
	}
	while (rc == 0 && sqlite3_step(b) == SQLITE_ROW) {
		if (conf && sqlite3_column_int64(b, 0) != conf_body)
			continue;
		if (conf && !round) {	/* a voter conference: it alone */
			rc = order_body(&o, b, st, kinds, 0, conf);
			continue;
		}
		if (conf) {
			o.collect = 1;
			rc = order_body(&o, b, st, kinds, conf, conf);
			o.collect = 0;
		}
		if (rc == 0)
			rc = order_body(&o, b, st, kinds, 0, 0);
	}
	sqlite3_finalize(st);
	sqlite3_finalize(b);
	sbuf_release(&o.without);
	sbuf_release(&o.msg);
	return rc;
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
	/* one candidacy by its key: an OR would scan the body's for each */
#define ISSUES(which)                                                                                        \
	"SELECT p.ho, p.ten_dem, p.ten, c.stage, coalesce(k.number, 0), i.answer_date, i.text "               \
	"FROM voter_issue i JOIN candidacy c ON c.id = i.candidacy_id JOIN person p ON p.id = c.person_id "  \
	"LEFT JOIN constituency k ON k.id = c.constituency_id "                                              \
	"WHERE c.body_id = ?1 AND c.status = 'active' AND " which " "                                        \
	"ORDER BY coalesce(k.number, 0), p.sort_key, p.id, i.id"
	st = db_prepare(e->db, e->scope->candidacy_id ? ISSUES("i.candidacy_id = ?2") : ISSUES("?2 = 0"));
#undef ISSUES
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
