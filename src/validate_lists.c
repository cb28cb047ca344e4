/*
 * validate_lists.c - evaluators of whole lists and of the structure of a
 * body: seats per constituency (UNIT-*-SEATS), their sum (SEATS-SUM),
 * candidates per constituency (EXCESS-*), the surplus of the lists
 * submitted to rounds 2 and 3 (HT2-EXCESS, HT3-EXCESS-*), and the
 * round-1 allocation table (ALLOC-SUM).
 *
 * A list rule speaks only once its list exists: the round-2 surplus once
 * round 2 is recorded (or someone reached the preliminary list), the
 * round-3 surplus likewise, and the candidates per constituency once
 * anyone has been assigned to a constituency.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "db.h"
#include "diag.h"
#include "validate_impl.h"
#include "banned.h"

/* One integer from a query with one integer parameter. */
static long long q_int(struct eval *e, const char *sql, long long a, long long b)
{
	sqlite3_stmt *st = db_prepare(e->db, sql);
	long long v = 0;

	if (!st)
		return -1;
	db_bind_int(st, 1, a);
	if (sqlite3_bind_parameter_count(st) >= 2)
		db_bind_int(st, 2, b);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/*
 * How many candidacies of the body are on `list` (enum cand_list).  Its
 * own query, by body: the per-candidate scan of the run may hold the
 * candidacies of every body (issue 8: a whole-book validate counted every
 * body's candidacies for HT2-EXCESS).
 */
static long long count_on_list(struct eval *e, long long body_id, int list)
{
	sqlite3_stmt *st = db_prepare_cached(e->db, "SELECT stage, status, source, drop_reason FROM candidacy "
						    "WHERE body_id = ?1");
	struct cand c;
	long long n = 0;
	int rc;

	if (!st)
		return -1;
	memset(&c, 0, sizeof(c));
	db_bind_int(st, 1, body_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		c.stage = db_col_text(st, 0);
		c.rank = stage_rank(c.stage);
		c.status = db_col_text(st, 1);
		c.source = db_col_text(st, 2);
		c.drop_reason = db_col_text(st, 3);
		n += cand_on_list(&c, list);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return bug("counting candidacies: %s", sqlite3_errmsg(e->db));
	return n;
}

/* UNIT-NA-SEATS, UNIT-HDND-SEATS: seats per constituency within [min, max]. */
int eval_seats_range(struct eval *e, const struct rule *r)
{
	sqlite3_stmt *b = ev_bodies(e, r), *k;
	long lo = rule_int(r, "min", 1), hi = rule_int(r, "max", 1);

	if (!b)
		return -1;
	k = db_prepare(e->db, "SELECT number, seats FROM constituency WHERE body_id = ? ORDER BY number");
	if (!k) {
		sqlite3_finalize(b);
		return -1;
	}
	while (sqlite3_step(b) == SQLITE_ROW) {
		db_bind_int(k, 1, sqlite3_column_int64(b, 0));
		while (sqlite3_step(k) == SQLITE_ROW) {
			long seats = (long)sqlite3_column_int64(k, 1);
			struct where w;

			if (seats >= lo && seats <= hi)
				continue;
			where_body(&w, b, STAGE_QUALIFIED, STAGE_OFFICIAL);
			w.constituency = (long)sqlite3_column_int64(k, 0);
			ev_add(e, r, &w, "đơn vị bầu cử số %ld được bầu %ld đại biểu; phải từ %ld đến %ld", w.constituency,
			       seats, lo, hi);
		}
		sqlite3_reset(k);
	}
	sqlite3_finalize(k);
	sqlite3_finalize(b);
	return 0;
}

/* SEATS-SUM: the constituencies' seats add up to the body's seats. */
int eval_seats_sum(struct eval *e, const struct rule *r)
{
	sqlite3_stmt *b = ev_bodies(e, r);

	if (!b)
		return -1;
	while (sqlite3_step(b) == SQLITE_ROW) {
		long long sum = q_int(e, "SELECT coalesce(sum(seats), 0) FROM constituency WHERE body_id = ?1",
				      sqlite3_column_int64(b, 0), 0);
		long long seats = sqlite3_column_int64(b, 3);
		struct where w;

		if (sum == seats)
			continue;
		where_body(&w, b, STAGE_QUALIFIED, STAGE_OFFICIAL);
		ev_add(e, r, &w, "tổng số đại biểu được bầu ở các đơn vị bầu cử là %lld, khác số đại biểu được bầu của %s "
				 "(%lld)", sum, db_col_text(b, 4), seats);
	}
	sqlite3_finalize(b);
	return 0;
}

/* EXCESS-NA, EXCESS-HDND: candidates per constituency >= seats + extra. */
int eval_min_candidates(struct eval *e, const struct rule *r)
{
	sqlite3_stmt *b = ev_bodies(e, r), *k;

	if (!b)
		return -1;
	k = db_prepare(e->db, "SELECT k.number, k.seats, (SELECT count(*) FROM candidacy c "
			      "  WHERE c.constituency_id = k.id AND c.status = 'active') "
			      "FROM constituency k WHERE k.body_id = ?1 ORDER BY k.number");
	if (!k) {
		sqlite3_finalize(b);
		return -1;
	}
	while (sqlite3_step(b) == SQLITE_ROW) {
		long long body_id = sqlite3_column_int64(b, 0);

		/* no constituency has a list yet */
		if (!q_int(e, "SELECT count(*) FROM candidacy WHERE body_id = ?1 AND status = 'active' "
			      "AND constituency_id IS NOT NULL", body_id, 0))
			continue;
		db_bind_int(k, 1, body_id);
		while (sqlite3_step(k) == SQLITE_ROW) {
			long seats = (long)sqlite3_column_int64(k, 1), extra;
			long long n = sqlite3_column_int64(k, 2);
			struct where w;

			if (!seats_extra(r, seats, &extra) || n >= seats + extra)
				continue;
			where_body(&w, b, STAGE_OFFICIAL, STAGE_OFFICIAL);
			w.constituency = (long)sqlite3_column_int64(k, 0);
			ev_add(e, r, &w, "đơn vị bầu cử số %ld được bầu %ld đại biểu nhưng danh sách có %lld người; phải có "
					 "ít nhất %ld người (nhiều hơn số đại biểu được bầu ít nhất %ld người)",
			       w.constituency, seats, n, seats + extra, extra);
		}
		sqlite3_reset(k);
	}
	sqlite3_finalize(k);
	sqlite3_finalize(b);
	return 0;
}

/* HT2-EXCESS: the list submitted to round 2 has more candidates than seats. */
int eval_round2_surplus(struct eval *e, const struct rule *r)
{
	sqlite3_stmt *b = ev_bodies(e, r);

	if (!b)
		return -1;
	while (sqlite3_step(b) == SQLITE_ROW) {
		long long body_id = sqlite3_column_int64(b, 0), seats = sqlite3_column_int64(b, 3), n;
		struct where w;

		if (!q_int(e, "SELECT (SELECT count(*) FROM conference WHERE body_id = ?1 AND kind = 'ht2') + "
			      "(SELECT count(*) FROM candidacy WHERE body_id = ?1 "
			      "  AND stage IN ('preliminary', 'qualified', 'official'))", body_id, 0))
			continue;
		if ((n = count_on_list(e, body_id, LIST_ROUND2)) < 0) {
			sqlite3_finalize(b);
			return -1;
		}
		if (n > seats)
			continue;
		where_body(&w, b, STAGE_PRELIMINARY, STAGE_PRELIMINARY);
		ev_add(e, r, &w, "danh sách trình hội nghị hiệp thương lần thứ hai có %lld người cho %lld đại biểu được "
				 "bầu: không có số dư", n, seats);
	}
	sqlite3_finalize(b);
	return 0;
}

/* HT3-EXCESS-NA, HT3-EXCESS-HDND: the surplus of the list presented to round 3. */
int eval_round3_surplus(struct eval *e, const struct rule *r)
{
	const struct rule *table = rules_find(e->pack, rule_str(r, "table_rule"));
	int by_body = !strcmp(rule_str(r, "granularity"), "body"), strict = rule_int(r, "strict", 1) != 0;
	sqlite3_stmt *b, *k;

	if (!table)
		return bug("rule %s: table rule '%s' missing", r->id, rule_str(r, "table_rule"));
	if (!(b = ev_bodies(e, r)))
		return -1;
	if (!(k = db_prepare(e->db, "SELECT seats FROM constituency WHERE body_id = ?1"))) {
		sqlite3_finalize(b);
		return -1;
	}
	while (sqlite3_step(b) == SQLITE_ROW) {
		long long body_id = sqlite3_column_int64(b, 0), seats = sqlite3_column_int64(b, 3), n, need = 0;
		int nunits = 0;
		struct where w;

		if (!q_int(e, "SELECT (SELECT count(*) FROM conference WHERE body_id = ?1 AND kind = 'ht3') + "
			      "(SELECT count(*) FROM candidacy WHERE body_id = ?1 AND stage IN ('qualified', 'official'))",
			   body_id, 0))
			continue;
		if (by_body) {
			need = seats_min_extra(table);
		} else {
			db_bind_int(k, 1, body_id);
			while (sqlite3_step(k) == SQLITE_ROW) {
				long extra;
				nunits++;
				if (seats_extra(table, (long)sqlite3_column_int64(k, 0), &extra))
					need += extra;
			}
			sqlite3_reset(k);
			if (!nunits)
				continue;	/* constituencies not known: nothing to sum */
		}
		if ((n = count_on_list(e, body_id, LIST_ROUND3)) < 0) {
			sqlite3_finalize(k);
			sqlite3_finalize(b);
			return -1;
		}
		if (strict ? n - seats > need : n - seats >= need)
			continue;
		where_body(&w, b, STAGE_QUALIFIED, STAGE_QUALIFIED);
		if (by_body)
			ev_add(e, r, &w, "danh sách trình hội nghị hiệp thương lần thứ ba có %lld người cho %lld đại biểu "
					 "được bầu (số dư %lld); phải dư %s %lld người (%s)", n, seats, n - seats,
			       strict ? "nhiều hơn" : "ít nhất", need, table->id);
		else
			ev_add(e, r, &w, "danh sách trình hội nghị hiệp thương lần thứ ba có %lld người cho %lld đại biểu "
					 "được bầu (số dư %lld); phải dư %s %lld người, tổng số dư tối thiểu của %d đơn vị "
					 "bầu cử theo %s", n, seats, n - seats, strict ? "nhiều hơn" : "ít nhất", need,
			       nunits, table->id);
	}
	sqlite3_finalize(k);
	sqlite3_finalize(b);
	return 0;
}

/* ALLOC-SUM: the allocation table against the agreed totals (table allocation_total). */
int eval_alloc_sum(struct eval *e, const struct rule *r)
{
	static const char *const versions[] = { "", "thỏa thuận tại hội nghị hiệp thương lần thứ nhất",
						"sau điều chỉnh lần thứ nhất", "sau điều chỉnh lần thứ hai" };
	sqlite3_stmt *b = ev_bodies(e, r), *t = NULL, *u = NULL;
	int rc = -1;

	if (!b)
		return -1;
	t = db_prepare(e->db, "SELECT version, total, (SELECT coalesce(sum(a.count), 0) FROM allocation a "
			      "  JOIN unit u ON u.id = a.unit_id WHERE u.body_id = ?1 AND a.version = "
			      "  (SELECT max(a2.version) FROM allocation a2 WHERE a2.unit_id = a.unit_id "
			      "   AND a2.version <= allocation_total.version)) "
			      "FROM allocation_total WHERE body_id = ?1 ORDER BY version");
	u = db_prepare(e->db, "SELECT u.name, a.version, a.count, a.women, a.reelected, a.non_party, a.young, "
			      "a.ethnic_minority FROM allocation a JOIN unit u ON u.id = a.unit_id WHERE u.body_id = ?1 "
			      "AND max(a.women, a.reelected, a.non_party, a.young, a.ethnic_minority) > a.count "
			      "ORDER BY u.code, a.version");
	if (!t || !u)
		goto out;
	while (sqlite3_step(b) == SQLITE_ROW) {
		struct where w;

		where_body(&w, b, STAGE_PROPOSED, STAGE_PROPOSED);
		db_bind_int(t, 1, sqlite3_column_int64(b, 0));
		while (sqlite3_step(t) == SQLITE_ROW) {
			int v = sqlite3_column_int(t, 0);
			if (sqlite3_column_int64(t, 1) != sqlite3_column_int64(t, 2))
				ev_add(e, r, &w, "tổng số người được phân bổ giới thiệu ứng cử (%s) là %lld, khác tổng số đã "
						 "thỏa thuận %lld", v >= 1 && v <= 3 ? versions[v] : "?",
				       sqlite3_column_int64(t, 2), sqlite3_column_int64(t, 1));
		}
		sqlite3_reset(t);
		db_bind_int(u, 1, sqlite3_column_int64(b, 0));
		while (sqlite3_step(u) == SQLITE_ROW)
			ev_add(e, r, &w, "'%s' (lần %d): cơ cấu kết hợp vượt quá %lld người được phân bổ (nữ %lld, tái cử "
					 "%lld, ngoài Đảng %lld, trẻ tuổi %lld, dân tộc thiểu số %lld)", db_col_text(u, 0),
			       sqlite3_column_int(u, 1), sqlite3_column_int64(u, 2), sqlite3_column_int64(u, 3),
			       sqlite3_column_int64(u, 4), sqlite3_column_int64(u, 5), sqlite3_column_int64(u, 6),
			       sqlite3_column_int64(u, 7));
		sqlite3_reset(u);
	}
	rc = 0;
out:
	sqlite3_finalize(u);
	sqlite3_finalize(t);
	sqlite3_finalize(b);
	return rc;
}
