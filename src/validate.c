/*
 * validate.c - the rule engine: one evaluator per kind of rule.
 *
 * An evaluator gets the rule (with its parameters from the pack), the book
 * and the scope, and adds findings.  Every threshold compares integers
 * (`a*den > b*num`), never floating point.  Kinds that have no evaluator
 * in this build are listed by `rules` as not checked.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "db.h"
#include "diag.h"
#include "sbuf.h"
#include "validate.h"
#include "banned.h"

struct eval {
	sqlite3 *db;
	const struct validate_scope *scope;
	const struct rule_pack *pack;
	struct findings *out;
};

void findings_add(struct findings *f, const struct rule *r, const char *body, long constituency,
		  const char *candidate, const char *fmt, ...)
{
	struct sbuf msg = SBUF_INIT;
	struct finding *x;
	va_list ap;

	if (f->n == f->alloc) {
		f->alloc = f->alloc ? f->alloc * 2 : 16;
		f->v = xrealloc(f->v, sizeof(*f->v) * (size_t)f->alloc);
	}
	va_start(ap, fmt);
	sbuf_vaddf(&msg, fmt, ap);
	va_end(ap);
	x = &f->v[f->n++];
	x->rule = r;
	x->body = xstrdup(body ? body : "");
	x->constituency = constituency;
	x->candidate = xstrdup(candidate);
	x->message = sbuf_detach(&msg, NULL);
}

void findings_release(struct findings *f)
{
	for (int i = 0; i < f->n; i++) {
		free(f->v[i].body);
		free(f->v[i].candidate);
		free(f->v[i].message);
	}
	free(f->v);
	memset(f, 0, sizeof(*f));
}

/* The bodies a rule applies to, within the scope: id, code, kind, seats. */
static sqlite3_stmt *bodies_for(struct eval *e, const struct rule *r)
{
	sqlite3_stmt *st = db_prepare(e->db, "SELECT id, code, kind, seats, name FROM body "
					     "WHERE (? = 0 OR id = ?) AND ((kind = 'na' AND ?) OR (kind = 'hdnd' AND ?)) "
					     "ORDER BY id");
	if (!st)
		return NULL;
	db_bind_int(st, 1, e->scope->body_id);
	db_bind_int(st, 2, e->scope->body_id);
	db_bind_int(st, 3, (r->applies & APPLIES_NA) != 0);
	db_bind_int(st, 4, (r->applies & APPLIES_HDND) != 0);
	return st;
}

/* SEATS-SUM: the constituencies' seats add up to the body's seats. */
static int eval_seats_sum(struct eval *e, const struct rule *r)
{
	sqlite3_stmt *b = bodies_for(e, r);

	if (!b)
		return -1;
	while (sqlite3_step(b) == SQLITE_ROW) {
		long long sum = db_query_int(e->db, 0, "SELECT coalesce(sum(seats), 0) FROM constituency WHERE body_id = "
						       "(SELECT id FROM body WHERE code = ?)", db_col_text(b, 1),
					     (const char *)NULL);
		long long seats = sqlite3_column_int64(b, 3);

		if (sum != seats)
			findings_add(e->out, r, db_col_text(b, 1), 0, NULL,
				     "tổng số ghế của các đơn vị bầu cử là %lld, khác số đại biểu được bầu của %s (%lld)",
				     sum, db_col_text(b, 4), seats);
	}
	sqlite3_finalize(b);
	return 0;
}

/* UNIT-NA-SEATS, UNIT-HDND-SEATS: seats per constituency within [min, max]. */
static int eval_seats_range(struct eval *e, const struct rule *r)
{
	sqlite3_stmt *b = bodies_for(e, r), *k;
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
			if (seats < lo || seats > hi)
				findings_add(e->out, r, db_col_text(b, 1), (long)sqlite3_column_int64(k, 0), NULL,
					     "đơn vị bầu cử số %lld được bầu %ld đại biểu; luật cho phép từ %ld đến %ld",
					     sqlite3_column_int64(k, 0), seats, lo, hi);
		}
		sqlite3_reset(k);
	}
	sqlite3_finalize(k);
	sqlite3_finalize(b);
	return 0;
}

static const struct {
	const char *kind;
	int (*fn)(struct eval *e, const struct rule *r);
} evaluators[] = {
	{ "seats_sum", eval_seats_sum },
	{ "seats_range", eval_seats_range },
};

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
	struct eval e = { db, scope, pack, out };

	if (validate_load_pack(db, pack) < 0)
		return -1;
	for (int i = 0; i < pack->nrules; i++) {
		const struct rule *r = &pack->rules[i];
		for (size_t k = 0; k < sizeof(evaluators) / sizeof(evaluators[0]); k++)
			if (!strcmp(evaluators[k].kind, r->kind) && evaluators[k].fn(&e, r) < 0)
				return -1;
	}
	return 0;
}

int validate_count(sqlite3 *db, long long body_id, struct validate_counts *vc)
{
	struct validate_scope scope = { body_id, NULL };
	struct rule_pack pack;
	struct findings f = { 0 };
	int rc;

	memset(vc, 0, sizeof(*vc));
	rc = validate_book(db, &scope, &pack, &f);
	for (int i = 0; rc == 0 && i < f.n; i++) {
		if (f.v[i].rule->severity == SEV_ERROR)
			vc->errors++;
		else if (f.v[i].rule->severity == SEV_WARNING)
			vc->warnings++;
		else
			vc->infos++;
	}
	findings_release(&f);
	rules_release(&pack);
	return rc;
}
