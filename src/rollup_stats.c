/* rollup_stats.c - the figures of the roll-up; see rollup_stats.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "db.h"
#include "diag.h"
#include "rollup_stats.h"
#include "sbuf.h"
#include "text.h"
#include "banned.h"

const char *const rs_reasons[RS_NREASONS] = { "withdrew", "not_nominated", "workplace_trust", "residence_trust",
					      "verification", "not_qualified", "other" };
const char *const rs_events[RS_NEVENTS] = { "ht1", "ht2", "ht3", "round3_sent", "official_list" };

static void body_release(struct rs_body *b)
{
	free(b->code);
	free(b->kind);
	free(b->type_name);
	free(b->name);
	free(b->cons);
}

void rstats_release(struct rstats *s)
{
	for (int i = 0; i < s->n; i++) {
		struct rs_committee *c = &s->c[i];

		for (int b = 0; b < c->nbodies; b++)
			body_release(&c->bodies[b]);
		free(c->bodies);
		free(c->level);
		free(c->level_name);
		free(c->name);
		free(c->place);
		free(c->file);
		free(c->head);
		free(c->read_at);
		free(c->last_at);
		free(c->via);
		free(c->contributed);
	}
	free(s->c);
	for (int t = 0; t < s->ntotals; t++)
		body_release(&s->totals[t]);
	free(s->totals);
	free(s->late);
	for (int i = 0; i < s->nmissing; i++)
		free(s->missing[i]);
	free(s->missing);
	free(s->older);
	free(s->name);
	free(s->place);
	free(s->area_name);
	memset(s, 0, sizeof(*s));
}

const struct rs_body *rstats_total(const struct rstats *s, const char *code)
{
	for (int t = 0; t < s->ntotals; t++)
		if (!strcmp(s->totals[t].code, code))
			return &s->totals[t];
	return NULL;
}

static char *dup_col(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL ? NULL : xstrdup(db_col_text(st, i));
}

static struct rs_committee *add_committee(struct rstats *s)
{
	struct rs_committee *c;

	s->c = xrealloc(s->c, sizeof(*s->c) * (size_t)(s->n + 1));
	c = &s->c[s->n++];
	memset(c, 0, sizeof(*c));
	return c;
}

static struct rs_body *add_body(struct rs_committee *c, sqlite3_stmt *st, int col)
{
	struct rs_body *b;

	c->bodies = xrealloc(c->bodies, sizeof(*c->bodies) * (size_t)(c->nbodies + 1));
	b = &c->bodies[c->nbodies++];
	memset(b, 0, sizeof(*b));
	b->code = xstrdup(db_col_text(st, col));
	b->kind = xstrdup(db_col_text(st, col + 1));
	b->type_name = xstrdup(db_col_text(st, col + 2));
	b->name = xstrdup(db_col_text(st, col + 3));
	b->seats = sqlite3_column_int64(st, col + 4);
	return b;
}

static void add_cons(struct rs_body *b, long number, long seats)
{
	b->cons = xrealloc(b->cons, sizeof(*b->cons) * (size_t)(b->ncons + 1));
	b->cons[b->ncons].number = number;
	b->cons[b->ncons].seats = seats;
	b->cons[b->ncons].listed = 0;
	b->ncons++;
}

static struct rs_cons *find_cons(struct rs_body *b, long number)
{
	long long lo = 0, hi = b->ncons;

	while (lo < hi) {
		long long mid = lo + (hi - lo) / 2;
		if (b->cons[mid].number < number)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < b->ncons && b->cons[lo].number == number ? &b->cons[lo] : NULL;
}

static void set_event(struct rs_body *b, const char *event, const char *day)
{
	for (int e = 0; e < RS_NEVENTS; e++)
		if (!strcmp(rs_events[e], event))
			snprintf(b->ev[e], sizeof(b->ev[e]), "%.10s", day);
}

static void set_conf(struct rs_body *b, int kind, const long long n[3])
{
	for (int i = 0; i < 3; i++)
		b->conf[kind][i] += n[i];
}

/* One candidacy into its body's counts. */
static void add_cand(struct rs_body *b, const struct rollup_cand *c)
{
	int rank = stage_rank(c->stage), first = stage_rank(c->first_stage), r;
	int dropped = !strcmp(c->status, "dropped");

	if (rank < 0)
		return;
	if (first < 0 || first > rank)
		first = rank;
	for (int j = first; j <= rank; j++)
		b->entered[j]++;
	if (dropped) {
		b->dropped[rank]++;
		for (r = 0; r < RS_NREASONS - 1 && strcmp(rs_reasons[r], c->drop_reason ? c->drop_reason : ""); r++)
			;
		b->reasons[rank][r]++;
	} else {
		b->at[rank]++;
	}
	for (int l = 0; l < RL_COUNT; l++) {
		if (!c->on[l])
			continue;
		b->on[l]++;
		for (int a = 0; a < RA_COUNT; a++) {
			if (c->attr[a] > 0)
				b->attr[l][a]++;
			else if (c->attr[a] < 0)
				b->unknown[l][a]++;
		}
	}
	if (!dropped && c->constituency) {
		struct rs_cons *k = find_cons(b, c->constituency);
		if (k)
			k->listed++;
	}
}

/* ---- this book ---- */

struct self {
	struct rs_committee *c;
	long long *ids;			/* body ids, by index of c->bodies */
};

static struct rs_body *self_body(struct self *x, long long id)
{
	for (int b = 0; b < x->c->nbodies; b++)
		if (x->ids[b] == id)
			return &x->c->bodies[b];
	return NULL;
}

static int self_event(long long body_id, const char *event, const char *day, void *arg)
{
	struct rs_body *b = self_body(arg, body_id);

	if (b)
		set_event(b, event, day);
	return 0;
}

static int self_conf(long long body_id, int kind, const long long n[3], void *arg)
{
	struct rs_body *b = self_body(arg, body_id);

	if (b)
		set_conf(b, kind, n);
	return 0;
}

static int self_cand(const struct rollup_cand *rc, void *arg)
{
	struct self *x = arg;

	for (int b = 0; b < x->c->nbodies; b++)
		if (!strcmp(x->c->bodies[b].code, rc->body)) {
			add_cand(&x->c->bodies[b], rc);
			break;
		}
	return 0;
}

static int load_self(const struct rollup_reader *rd, struct rstats *s)
{
	sqlite3 *db = rd->db;
	struct rs_committee *c;
	struct self x;
	sqlite3_stmt *st;
	int rc = 0;

	if (!db_query_int(db, 0, "SELECT count(*) FROM body", (const char *)NULL))
		return 0;
	c = add_committee(s);
	c->level = xstrdup(rd->level);
	c->level_name = xstrdup(rd->cfg.levels[rd->level_index].name);
	c->name = xstrdup(rd->name);
	c->place = xstrdup(s->place);
	x.c = c;
	x.ids = NULL;
	if (!(st = db_prepare(db, "SELECT id, code, kind, type_name, name, seats FROM body ORDER BY id")))
		return -1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		x.ids = xrealloc(x.ids, sizeof(*x.ids) * (size_t)(c->nbodies + 1));
		x.ids[c->nbodies] = sqlite3_column_int64(st, 0);
		add_body(c, st, 1);
	}
	sqlite3_finalize(st);
	if (!(st = db_prepare(db, "SELECT body_id, number, seats FROM constituency ORDER BY body_id, number"))) {
		free(x.ids);
		return -1;
	}
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct rs_body *b = self_body(&x, sqlite3_column_int64(st, 0));
		if (b)
			add_cons(b, (long)sqlite3_column_int64(st, 1), (long)sqlite3_column_int64(st, 2));
	}
	sqlite3_finalize(st);
	if (rollup_each_event(db, self_event, &x) < 0 || rollup_conf_counts(db, &rd->pack, self_conf, &x) < 0 ||
	    rollup_scan_candidacies(db, &rd->pack, self_cand, &x) < 0)
		rc = -1;
	free(x.ids);
	return rc;
}

/* ---- what was read from below ---- */

struct body_ref {
	long long id;			/* rollup_body id */
	int committee, body;
};

static struct rs_body *ref_body(struct rstats *s, const struct body_ref *refs, int n, long long id)
{
	int lo = 0, hi = n;

	while (lo < hi) {
		int mid = lo + (hi - lo) / 2;
		if (refs[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && refs[lo].id == id ? &s->c[refs[lo].committee].bodies[refs[lo].body] : NULL;
}

static int load_sources(const struct rollup_reader *rd, struct rstats *s)
{
	sqlite3 *db = rd->db;
	sqlite3_stmt *st;
	struct body_ref *refs = NULL;
	int nrefs = 0, first = s->n, rc = 0;
	struct sbuf key = SBUF_INIT;

	/* committees in the order of the tree: each read book, then those read through it */
	st = db_prepare(db, "WITH RECURSIVE t(id, depth, path) AS ("
			    "SELECT id, 1, name FROM rollup_source WHERE via_id IS NULL "
			    "UNION ALL SELECT s.id, t.depth + 1, t.path || char(10) || s.name "
			    "FROM rollup_source s JOIN t ON s.via_id = t.id) "
			    "SELECT s.id, t.depth, s.level, s.name, s.place, s.file, s.head, s.read_at, s.last_at, v.name, "
			    "s.contributed FROM t JOIN rollup_source s ON s.id = t.id "
			    "LEFT JOIN rollup_source v ON v.id = s.via_id ORDER BY t.path");
	if (!st)
		return -1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct rs_committee *c = add_committee(s);
		int li = config_level_index(&rd->cfg, db_col_text(st, 2));

		c->source = sqlite3_column_int64(st, 0);
		c->depth = sqlite3_column_int(st, 1);
		c->level = xstrdup(db_col_text(st, 2));
		c->level_name = xstrdup(li >= 0 ? rd->cfg.levels[li].name : db_col_text(st, 2));
		c->name = xstrdup(db_col_text(st, 3));
		c->place = xstrdup(db_col_text(st, 4));
		c->file = dup_col(st, 5);
		c->head = dup_col(st, 6);
		c->read_at = dup_col(st, 7);
		c->last_at = dup_col(st, 8);
		c->via = dup_col(st, 9);
		c->contributed = dup_col(st, 10);
		s->nsources++;
	}
	sqlite3_finalize(st);
	sbuf_release(&key);

	/* bodies, attached to their committee (found by source id) */
	st = db_prepare(db, "SELECT id, source_id, code, kind, type_name, name, seats FROM rollup_body ORDER BY id");
	if (!st)
		return -1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		long long source = sqlite3_column_int64(st, 1);

		for (int i = first; i < s->n; i++) {
			if (s->c[i].source != source)
				continue;
			add_body(&s->c[i], st, 2);
			refs = xrealloc(refs, sizeof(*refs) * (size_t)(nrefs + 1));
			refs[nrefs].id = sqlite3_column_int64(st, 0);
			refs[nrefs].committee = i;
			refs[nrefs].body = s->c[i].nbodies - 1;
			nrefs++;
			break;
		}
	}
	sqlite3_finalize(st);

	st = db_prepare(db, "SELECT body_id, number, seats FROM rollup_constituency ORDER BY body_id, number");
	while (st && sqlite3_step(st) == SQLITE_ROW) {
		struct rs_body *b = ref_body(s, refs, nrefs, sqlite3_column_int64(st, 0));
		if (b)
			add_cons(b, (long)sqlite3_column_int64(st, 1), (long)sqlite3_column_int64(st, 2));
	}
	rc |= st ? 0 : -1;
	sqlite3_finalize(st);

	st = db_prepare(db, "SELECT body_id, event, on_date FROM rollup_event");
	while (st && sqlite3_step(st) == SQLITE_ROW) {
		struct rs_body *b = ref_body(s, refs, nrefs, sqlite3_column_int64(st, 0));
		if (b)
			set_event(b, db_col_text(st, 1), db_col_text(st, 2));
	}
	rc |= st ? 0 : -1;
	sqlite3_finalize(st);

	st = db_prepare(db, "SELECT body_id, kind, held, results, passed FROM rollup_conference");
	while (st && sqlite3_step(st) == SQLITE_ROW) {
		struct rs_body *b = ref_body(s, refs, nrefs, sqlite3_column_int64(st, 0));
		long long n[3] = { sqlite3_column_int64(st, 2), sqlite3_column_int64(st, 3), sqlite3_column_int64(st, 4) };

		for (int k = 0; b && k < 3; k++)
			if (!strcmp(rollup_conf_kinds[k], db_col_text(st, 1)))
				set_conf(b, k, n);
	}
	rc |= st ? 0 : -1;
	sqlite3_finalize(st);

	st = db_prepare(db, "SELECT body_id, stage, first_stage, status, drop_reason, coalesce(constituency, 0), "
			    "attrs, lists FROM rollup_candidacy ORDER BY body_id");
	while (st && sqlite3_step(st) == SQLITE_ROW) {
		struct rs_body *b = ref_body(s, refs, nrefs, sqlite3_column_int64(st, 0));
		struct rollup_cand c;

		if (!b)
			continue;
		memset(&c, 0, sizeof(c));
		c.stage = db_col_text(st, 1);
		c.first_stage = db_col_text(st, 2);
		c.status = db_col_text(st, 3);
		c.drop_reason = db_col_text(st, 4);
		c.constituency = (long)sqlite3_column_int64(st, 5);
		rollup_from_bits(&c, sqlite3_column_int(st, 6), sqlite3_column_int(st, 7));
		add_cand(b, &c);
	}
	rc |= st ? 0 : -1;
	sqlite3_finalize(st);
	free(refs);
	return rc;
}

/* ---- totals and the checks of the report ---- */

static void add_to_total(struct rs_body *t, const struct rs_body *b)
{
	t->seats += b->seats;
	t->ncons += b->ncons;
	t->below_min += b->below_min;
	t->cons_listed += b->cons_listed;
	for (int j = 0; j < STAGE_COUNT; j++) {
		t->entered[j] += b->entered[j];
		t->at[j] += b->at[j];
		t->dropped[j] += b->dropped[j];
		for (int r = 0; r < RS_NREASONS; r++)
			t->reasons[j][r] += b->reasons[j][r];
	}
	for (int l = 0; l < RL_COUNT; l++) {
		t->on[l] += b->on[l];
		for (int a = 0; a < RA_COUNT; a++) {
			t->attr[l][a] += b->attr[l][a];
			t->unknown[l][a] += b->unknown[l][a];
		}
	}
	for (int k = 0; k < 3; k++)
		for (int i = 0; i < 3; i++)
			t->conf[k][i] += b->conf[k][i];
	t->committees++;
}

static struct rs_body *total_for(struct rstats *s, const struct rs_body *b)
{
	struct rs_body *t;

	for (int i = 0; i < s->ntotals; i++)
		if (!strcmp(s->totals[i].code, b->code))
			return &s->totals[i];
	s->totals = xrealloc(s->totals, sizeof(*s->totals) * (size_t)(s->ntotals + 1));
	t = &s->totals[s->ntotals++];
	memset(t, 0, sizeof(*t));
	t->code = xstrdup(b->code);
	t->kind = xstrdup(b->kind);
	t->type_name = xstrdup(b->type_name);
	t->name = xstrdup(b->type_name);
	return t;
}

/* Days before election day of deadline `key` for a body of `kind`, and its label. */
static int deadline_days(sqlite3 *db, const char *key, const char *kind, long *days, char *label, size_t len)
{
	sqlite3_stmt *st = db_prepare_cached(db, "SELECT days, label FROM deadline WHERE key = ?1 AND "
						 "((?2 = 'na' AND applies_na) OR (?2 = 'hdnd' AND applies_hdnd))");
	int found = 0;

	if (!st)
		return 0;
	db_bind_text(st, 1, key);
	db_bind_text(st, 2, kind);
	if (sqlite3_step(st) == SQLITE_ROW) {
		*days = (long)sqlite3_column_int64(st, 0);
		snprintf(label, len, "%s", db_col_text(st, 1));
		found = 1;
	}
	sqlite3_reset(st);
	return found;
}

static void check_calendar(const struct rollup_reader *rd, struct rstats *s)
{
	for (int i = 0; i < s->n; i++)
		for (int b = 0; b < s->c[i].nbodies; b++) {
			struct rs_body *body = &s->c[i].bodies[b];
			struct rollup_step steps[16];
			int n = rollup_steps(&rd->pack, body->kind, steps, 16);

			for (int k = 0; k < n; k++) {
				struct rs_late late;
				long days;
				int e;

				for (e = 0; e < RS_NEVENTS && strcmp(rs_events[e], steps[k].event); e++)
					;
				if (e == RS_NEVENTS || body->ev[e][0])
					continue;
				memset(&late, 0, sizeof(late));
				if (!deadline_days(rd->db, steps[k].key, body->kind, &days, late.label, sizeof(late.label)))
					continue;
				late.due = date_add_days(s->eday, -days);
				if (date_cmp(s->today, late.due) <= 0)
					continue;
				late.committee = i;
				late.body = b;
				late.days = days;
				memcpy(late.event, steps[k].event, sizeof(late.event));
				late.event[sizeof(late.event) - 1] = 0;
				s->late = xrealloc(s->late, sizeof(*s->late) * (size_t)(s->nlate + 1));
				s->late[s->nlate++] = late;
			}
		}
}

int rstats_load(const struct rollup_reader *rd, const struct date *today, const struct date *older_than,
		struct rstats *s)
{
	sqlite3_stmt *st;
	char err[64];
	static const char prefix[] = "Ủy ban Mặt trận Tổ quốc Việt Nam ";

	memset(s, 0, sizeof(*s));
	s->pack = &rd->pack;
	s->top = rd->level_index == 0;
	s->today = *today;
	if (older_than) {
		s->has_older_than = 1;
		s->older_than = *older_than;
	}
	if (!(st = db_prepare(rd->db, "SELECT election_day, committee_name, committee_place FROM election")))
		return -1;
	if (sqlite3_step(st) != SQLITE_ROW ||
	    date_parse(db_col_text(st, 0), DATE_FULL, &s->eday, err, sizeof(err)) < 0) {
		sqlite3_finalize(st);
		return error("sổ thiếu ngày bầu cử");
	}
	s->name = xstrdup(db_col_text(st, 1));
	s->place = xstrdup(db_col_text(st, 2));
	s->area_name = xstrdup(strncmp(s->name, prefix, sizeof(prefix) - 1) ? s->name : s->name + sizeof(prefix) - 1);
	sqlite3_finalize(st);
	if (load_self(rd, s) < 0 || load_sources(rd, s) < 0)
		return -1;

	/* constituencies short of the minimum list, once anyone of the body is assigned */
	for (int i = 0; i < s->n; i++)
		for (int b = 0; b < s->c[i].nbodies; b++) {
			struct rs_body *body = &s->c[i].bodies[b];

			for (long long k = 0; k < body->ncons; k++)
				body->cons_listed += body->cons[k].listed > 0;
			for (long long k = 0; body->cons_listed && k < body->ncons; k++) {
				const struct rule *r;
				long need;

				if (rollup_min_candidates(&rd->pack, body->kind, body->cons[k].seats, &need, &r) &&
				    body->cons[k].listed < need)
					body->below_min++;
			}
		}
	/* totals in the order of the term's body types */
	for (int t = 0; t < rd->cfg.ntypes; t++)
		for (int i = 0; i < s->n; i++)
			for (int b = 0; b < s->c[i].nbodies; b++)
				if (!strcmp(s->c[i].bodies[b].code, rd->cfg.types[t].id))
					add_to_total(total_for(s, &s->c[i].bodies[b]), &s->c[i].bodies[b]);
	for (int i = 0; i < s->n; i++)
		for (int b = 0; b < s->c[i].nbodies; b++)
			if (!total_for(s, &s->c[i].bodies[b])->committees)
				add_to_total(total_for(s, &s->c[i].bodies[b]), &s->c[i].bodies[b]);
	check_calendar(rd, s);

	/* units of the area with no book read directly */
	for (int a = 0; a < rd->narea; a++) {
		int sent = 0;

		for (int i = 0; i < s->n && !sent; i++)
			sent = s->c[i].depth == 1 && rollup_name_in_area(s->c[i].name, rd->area_keys[a]);
		if (!sent) {
			s->missing = xrealloc(s->missing, sizeof(*s->missing) * (size_t)(s->nmissing + 1));
			s->missing[s->nmissing++] = xstrdup(rd->area[a]);
		}
	}
	/* books that end before the given day */
	for (int i = 0; older_than && i < s->n; i++) {
		struct date d;

		if (!s->c[i].source || !s->c[i].last_at || strlen(s->c[i].last_at) < 10)
			continue;
		{
			char day[11];
			snprintf(day, sizeof(day), "%.10s", s->c[i].last_at);
			if (date_parse(day, DATE_FULL, &d, err, sizeof(err)) < 0 || date_cmp(d, *older_than) >= 0)
				continue;
		}
		s->older = xrealloc(s->older, sizeof(*s->older) * (size_t)(s->nolder + 1));
		s->older[s->nolder++] = i;
	}
	return 0;
}
