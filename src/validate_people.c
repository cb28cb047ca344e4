/*
 * validate_people.c - evaluators that read people and their candidacies:
 * eligibility (ELIG-*), the order of the lists (LIST-ORDER) and the
 * composition shares (NA-*, HDND-*).  What each reads, and how an
 * attribute is decided, is in docs/rule-packs.md §9.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "collate_vi.h"
#include "db.h"
#include "diag.h"
#include "sbuf.h"
#include "text.h"
#include "validate_impl.h"
#include "banned.h"

/* The last stage a candidate-level finding concerns. */
static int upto(const struct cand *c)
{
	return c->rank >= 0 ? c->rank : STAGE_COUNT - 1;
}

/* ---- lists (cand_on_list(), list_stage() ... are validate_util.c's) ---- */

static const char *list_label(int list)
{
	switch (list) {
	case LIST_NOMINEES:
		return "danh sách người được giới thiệu ứng cử";
	case LIST_ROUND2:
		return "danh sách trình hội nghị hiệp thương lần thứ hai";
	case LIST_ROUND3:
		return "danh sách trình hội nghị hiệp thương lần thứ ba";
	}
	return stage_list_label(list_stage(list));
}

/* ---- ELIG-AGE ---- */

static int age_one(struct eval *e, const struct rule *r, const struct cand *c, void *arg)
{
	struct date dob;
	struct where w;
	long years = rule_int(r, "years", 0);
	char err[64], dob_s[16], eday_s[16];
	int age;

	(void)arg;
	if (date_parse(c->dob, DATE_PARTIAL, &dob, err, sizeof(err)) < 0)
		return 0;	/* the schema's CHECK keeps this out; integrity reports it */
	age = date_full_years(dob, e->eday);
	if (age >= years)
		return 0;
	date_vn(dob, dob_s, sizeof(dob_s));
	date_vn(e->eday, eday_s, sizeof(eday_s));
	where_cand(&w, c, STAGE_PROPOSED, upto(c));
	ev_add(e, r, &w, "sinh %s, %d tuổi vào ngày bầu cử %s; người ứng cử phải đủ %ld tuổi", dob_s, age, eday_s,
	       years);
	return 0;
}

int eval_min_age(struct eval *e, const struct rule *r)
{
	return ev_cand_pass(e, r, CAND_ACTIVE, age_one, NULL, NULL);
}

/* ---- ELIG-NAT ---- */

/* 1 when folded text t contains the folded form of phrase p. */
static int has_phrase(const char *t, const char *p)
{
	char *k = text_loose_key(p);
	int found = k && *k && strstr(t, k);

	free(k);
	return found;
}

/* A second nationality joined to the first: ", Lào", " và Pháp", "/Mỹ",
 * but not ", không trong thời gian ..." nor " và không ...".  t is folded
 * (text_loose_key(): NFD), and so are the words looked for. */
static int joins_another(const char *t)
{
	char *no = text_loose_key("không"), *and = text_loose_key("và");
	struct sbuf and_sp = SBUF_INIT;
	const char *seps[6] = { ",", ";", "/", "+", NULL, NULL };
	int found = 0;

	if (!no || !and) {
		free(no);
		free(and);
		return 0;
	}
	sbuf_addf(&and_sp, " %s ", and);
	seps[4] = and_sp.buf;
	for (int i = 0; seps[i] && !found; i++) {
		for (const char *p = strstr(t, seps[i]); p && !found; p = strstr(p + 1, seps[i])) {
			const char *q = p + strlen(seps[i]);
			while (*q == ' ')
				q++;
			if (*q && strncmp(q, no, strlen(no)))
				found = 1;
		}
	}
	sbuf_release(&and_sp);
	free(no);
	free(and);
	return found;
}

/*
 * What the law asks (one nationality, Vietnamese, and not applying for
 * another), tested on the words: the pack names the country, the phrases
 * that say more than one nationality and those that say an application
 * for another is under way.  A pack without them (books made before)
 * compares with the prescribed sentence, as it always did.
 */
static int nationality_one(struct eval *e, const struct rule *r, const struct cand *c, void *arg)
{
	const struct rule_param *more = rule_param(r, "more_than_one"), *applying = rule_param(r, "applying");
	const char *country = rule_str(r, "country");
	char *got, *want, *key = NULL, *why = NULL;
	struct where w;

	(void)arg;
	if (ev_blank(c->nationality))
		return 0;	/* not recorded: nothing to judge (§9.1) */
	got = text_trim_collapse(c->nationality);
	want = text_trim_collapse(rule_str(r, "text"));
	if (!country) {
		if (got && want && strcmp(got, want))
			why = xstrdup("không đúng câu quy định");
	} else if (!(key = text_loose_key(got))) {
		why = xstrdup("không đọc được");
	} else if (!has_phrase(key, country)) {
		struct sbuf sb = SBUF_INIT;
		sbuf_addf(&sb, "không ghi quốc tịch %s", country);
		why = sbuf_detach(&sb, NULL);
	} else {
		for (int i = 0; more && i < more->nlist && !why; i++)
			if (has_phrase(key, more->list[i]))
				why = xstrdup("ghi có hơn một quốc tịch");
		for (int i = 0; applying && i < applying->nlist && !why; i++)
			if (has_phrase(key, applying->list[i]))
				why = xstrdup("ghi đang làm thủ tục nhập quốc tịch khác");
		if (!why && joins_another(key))
			why = xstrdup("ghi thêm một quốc tịch khác");
	}
	if (why) {
		where_cand(&w, c, STAGE_PROPOSED, upto(c));
		ev_add(e, r, &w, "mục Quốc tịch ghi '%s': %s (nên ghi '%s')", got ? got : "?", why, want ? want : "");
	}
	free(why);
	free(key);
	free(got);
	free(want);
	return 0;
}

int eval_nationality(struct eval *e, const struct rule *r)
{
	return ev_cand_pass(e, r, CAND_ACTIVE, nationality_one, NULL, NULL);
}

/* ---- ELIG-LEVELS ---- */

struct levels_state {
	sqlite3_stmt *person;	/* one person's levels */
	long long *over;	/* ids of the people over a limit, ascending */
	size_t nover;
};

static int levels_one(struct eval *e, const struct rule *r, const struct cand *c, void *arg)
{
	struct levels_state *s = arg;
	sqlite3_stmt *st = s->person;
	long long hdnd = 0, na = 0;
	long limit;
	const char *names = "";
	struct where w;
	size_t lo = 0, hi = s->nover;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (s->over[mid] < c->person_id)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == s->nover || s->over[lo] != c->person_id)
		return 0;
	db_bind_int(st, 1, c->person_id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		hdnd = sqlite3_column_int64(st, 0);
		na = sqlite3_column_int64(st, 1);
		names = db_col_text(st, 2);
	}
	limit = na ? rule_int(r, "max_levels_with_na", 0) : rule_int(r, "max_levels", 0);
	if (hdnd > limit) {
		where_cand(&w, c, STAGE_PROPOSED, upto(c));
		if (na)
			ev_add(e, r, &w, "ứng cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân ở %lld cấp (%s); "
					 "người ứng cử đại biểu Quốc hội chỉ được ứng cử đại biểu Hội đồng nhân dân ở "
					 "tối đa %ld cấp", hdnd, names, limit);
		else
			ev_add(e, r, &w, "ứng cử đại biểu Hội đồng nhân dân ở %lld cấp (%s); chỉ được ứng cử ở tối đa "
					 "%ld cấp", hdnd, names, limit);
	}
	sqlite3_reset(st);
	return 0;
}

static void levels_done(struct eval *e, const struct rule *r, void *arg)
{
	struct levels_state *s = arg;

	(void)e;
	(void)r;
	sqlite3_finalize(s->person);
	free(s->over);
	free(s);
}

/*
 * The people over a limit are found first, in one grouped query over the
 * book (issue 8: one query per candidate was 7 % of an export); only
 * their candidacies then read their levels one by one, for the message.
 */
int eval_hdnd_levels(struct eval *e, const struct rule *r)
{
	struct levels_state s;
	sqlite3_stmt *over;
	size_t alloc = 0;
	int rc;

	/* across the books of the roll-up: a list-level check (validate_rollup.c) */
	if ((e->want & WANT_LIST) && eval_hdnd_levels_across(e, r) < 0)
		return -1;
	if (!(e->want & WANT_CANDIDATE))
		return 0;
	/* on one candidacy (the entry of a candidate), that person only: a
	 * candidate import would otherwise group the whole book per row.  Two
	 * texts, not "?3 = 0 OR person_id = …": SQLite plans such an OR as a
	 * scan of the whole table. */
#define LEVELS_OVER(where)                                                                          \
	"SELECT c.person_id FROM candidacy c JOIN body b ON b.id = c.body_id "                      \
	"WHERE c.status = 'active'" where " GROUP BY c.person_id "                                  \
	"HAVING count(DISTINCT CASE WHEN b.kind = 'hdnd' THEN b.id END) > "                         \
	"CASE WHEN count(CASE WHEN b.kind = 'na' THEN 1 END) THEN ?1 ELSE ?2 END ORDER BY c.person_id"
	over = e->scope->candidacy_id
		       ? db_prepare_cached(e->db, LEVELS_OVER(" AND c.person_id = (SELECT person_id FROM candidacy "
							      "WHERE id = ?3)"))
		       : db_prepare(e->db, LEVELS_OVER(" AND ?3 = 0"));
#undef LEVELS_OVER
	memset(&s, 0, sizeof(s));
	if (!over)
		return -1;
	db_bind_int(over, 1, rule_int(r, "max_levels_with_na", 0));
	db_bind_int(over, 2, rule_int(r, "max_levels", 0));
	db_bind_int(over, 3, e->scope->candidacy_id);
	while ((rc = sqlite3_step(over)) == SQLITE_ROW) {
		if (s.nover == alloc) {
			alloc = alloc ? alloc * 2 : 16;
			s.over = xrealloc(s.over, sizeof(*s.over) * alloc);
		}
		s.over[s.nover++] = sqlite3_column_int64(over, 0);
	}
	if (e->scope->candidacy_id)
		sqlite3_reset(over);	/* kept prepared: once per imported row */
	else
		sqlite3_finalize(over);
	if (rc != SQLITE_DONE) {
		free(s.over);
		return bug("reading council levels: %s", sqlite3_errmsg(e->db));
	}
	if (!s.nover)
		return 0;
	s.person = db_prepare(e->db, "SELECT count(DISTINCT CASE WHEN b.kind = 'hdnd' THEN b.id END), "
				     "count(CASE WHEN b.kind = 'na' THEN 1 END), "
				     "coalesce(group_concat(CASE WHEN b.kind = 'hdnd' THEN b.name END, '; '), '') "
				     "FROM candidacy c JOIN body b ON b.id = c.body_id "
				     "WHERE c.person_id = ?1 AND c.status = 'active'");
	if (!s.person) {
		free(s.over);
		return -1;
	}
	return ev_cand_pass(e, r, CAND_ACTIVE, levels_one, memcpy(xmalloc(sizeof(s)), &s, sizeof(s)), levels_done);
}

/* ---- ELIG-ONEUNIT ---- */

int eval_one_constituency(struct eval *e, const struct rule *r)
{
	/*
	 * One candidacy per person and body (the schema's UNIQUE) holds one
	 * constituency, so the same person row cannot be in two.  What can
	 * happen is the same person entered twice, once with a partial birth
	 * date: same họ, tên đệm, tên, and birth dates that agree as far as
	 * both are known ("1975" and "1975-06-01").
	 */
	sqlite3_stmt *b, *st;
	struct sbuf name = SBUF_INIT;

	/* across the books of the roll-up (validate_rollup.c) */
	if (eval_one_constituency_across(e, r) < 0)
		return -1;
	if (!(b = ev_bodies(e, r)))
		return -1;
	st = db_prepare(e->db,
		"SELECT ka.number, kb.number, pa.ho, pa.ten_dem, pa.ten, pa.dob, pb.dob "
		"FROM candidacy a JOIN person pa ON pa.id = a.person_id JOIN constituency ka ON ka.id = a.constituency_id "
		"JOIN candidacy c ON c.body_id = a.body_id AND c.id <> a.id AND c.status = 'active' "
		"JOIN person pb ON pb.id = c.person_id JOIN constituency kb ON kb.id = c.constituency_id "
		"WHERE a.body_id = ?1 AND a.status = 'active' AND pa.id <> pb.id AND ka.id <> kb.id "
		"AND pa.ho = pb.ho AND pa.ten_dem = pb.ten_dem AND pa.ten = pb.ten "
		"AND (substr(pb.dob, 1, length(pa.dob)) = pa.dob OR substr(pa.dob, 1, length(pb.dob)) = pb.dob) "
		"AND (ka.number < kb.number) ORDER BY ka.number, kb.number, pa.sort_key");
	if (!st) {
		sqlite3_finalize(b);
		return -1;
	}
	while (sqlite3_step(b) == SQLITE_ROW) {
		db_bind_int(st, 1, sqlite3_column_int64(b, 0));
		while (sqlite3_step(st) == SQLITE_ROW) {
			struct where w;
			char da[16], db_[16];

			sbuf_reset(&name);
			sbuf_addstr(&name, db_col_text(st, 2));
			if (*db_col_text(st, 3))
				sbuf_addf(&name, " %s", db_col_text(st, 3));
			sbuf_addf(&name, " %s", db_col_text(st, 4));
			date_iso_to_vn(db_col_text(st, 5), da, sizeof(da));
			date_iso_to_vn(db_col_text(st, 6), db_, sizeof(db_));
			where_body(&w, b, STAGE_OFFICIAL, STAGE_OFFICIAL);
			w.constituency = (long)sqlite3_column_int64(st, 1);
			w.candidate = name.buf;
			ev_add(e, r, &w, "cùng họ tên và ngày sinh khớp (%s / %s) với người ứng cử ở đơn vị bầu cử số %lld: "
					 "một người được ghi tên ở hai đơn vị bầu cử", da, db_,
			       sqlite3_column_int64(st, 0));
		}
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	sqlite3_finalize(b);
	sbuf_release(&name);
	return 0;
}

/* ---- ELIG-HDND-LOC ---- */

static int locality_one(struct eval *e, const struct rule *r, const struct cand *c, void *arg)
{
	struct unit_names *names = arg;
	const char *unit = council_unit(c->body_name);
	struct where w;

	if (strcmp(c->body_kind, "hdnd") || (ev_blank(c->residence) && ev_blank(c->workplace)))
		return 0;	/* neither recorded: nothing to judge (§9.1) */
	unit_names_set(names, unit, e->place);
	if (unit_names_match(names, c->residence) || unit_names_match(names, c->workplace))
		return 0;
	where_cand(&w, c, STAGE_PROPOSED, upto(c));
	ev_add(e, r, &w, "nơi cư trú '%s' và nơi công tác '%s' không thuộc %s", c->residence, c->workplace,
	       unit ? unit : e->place);
	return 0;
}

static void locality_done(struct eval *e, const struct rule *r, void *arg)
{
	(void)e;
	(void)r;
	unit_names_release(arg);
	free(arg);
}

int eval_hdnd_locality(struct eval *e, const struct rule *r)
{
	return ev_cand_pass(e, r, CAND_ACTIVE, locality_one, xcalloc(1, sizeof(struct unit_names)), locality_done);
}

/* ---- ELIG-DOSSIER ---- */

static int dossier_one(struct eval *e, const struct rule *r, const struct cand *c, void *arg)
{
	struct date got, due;
	int minutes, hour = parse_hhmm(rule_str(r, "hour"));
	long days;
	long cmp;
	char got_s[16], due_s[16];
	struct where w;

	(void)arg;
	if (ev_blank(c->dossier_at) || parse_stamp(c->dossier_at, &got, &minutes) < 0)
		return 0;
	if (ev_deadline(e, rule_str(r, "deadline"), c->body_kind, &due, &days))
		return 0;
	cmp = date_to_days(got) - date_to_days(due);
	if (cmp < 0 || (cmp == 0 && (minutes < 0 || minutes <= hour)))
		return 0;
	date_vn(got, got_s, sizeof(got_s));
	date_vn(due, due_s, sizeof(due_s));
	where_cand(&w, c, STAGE_PROPOSED, upto(c));
	if (minutes >= 0)
		ev_add(e, r, &w, "hồ sơ ứng cử nhận lúc %02d:%02d ngày %s, sau %s ngày %s (%ld ngày trước ngày bầu cử)",
		       minutes / 60, minutes % 60, got_s, rule_str(r, "hour"), due_s, days);
	else
		ev_add(e, r, &w, "hồ sơ ứng cử nhận ngày %s, sau %s ngày %s (%ld ngày trước ngày bầu cử)", got_s,
		       rule_str(r, "hour"), due_s, days);
	return 0;
}

int eval_dossier_deadline(struct eval *e, const struct rule *r)
{
	return ev_cand_pass(e, r, CAND_ACTIVE, dossier_one, NULL, NULL);
}

/* ---- LIST-ORDER ---- */

struct order_state {
	struct vi_collation coll;
	long long body_id;
	long constituency;
	unsigned char *key;
	size_t len;
	char *name;
};

static int order_one(struct eval *e, const struct rule *r, const struct cand *c, void *arg)
{
	struct order_state *s = arg;
	size_t len;
	unsigned char *key = vi_person_key(&s->coll, c->ho, c->ten_dem, c->ten, c->dob, &len);
	struct where w;

	if (!key)
		return 0;
	if (s->key && s->body_id == c->body_id && s->constituency == c->constituency &&
	    vi_key_compare(key, len, s->key, s->len) < 0) {
		where_cand(&w, c, STAGE_PROPOSED, upto(c));
		ev_add(e, r, &w, "trong sổ đứng sau '%s' nhưng theo vần chữ cái A, B, C (tên, họ, tên đệm, ngày sinh) "
				 "phải đứng trước; danh sách in ra sẽ sai thứ tự", s->name);
	}
	free(s->key);
	free(s->name);
	s->key = key;
	s->len = len;
	s->name = xstrdup(c->name);
	s->body_id = c->body_id;
	s->constituency = c->constituency;
	return 0;
}

static void order_done(struct eval *e, const struct rule *r, void *arg)
{
	struct order_state *s = arg;

	(void)e;
	(void)r;
	free(s->key);
	free(s->name);
	vi_collation_release(&s->coll);
	free(s);
}

int eval_list_order(struct eval *e, const struct rule *r)
{
	struct order_state *s = xcalloc(1, sizeof(*s));
	const struct rule_param *t = rule_param(r, "tone_order");
	char err[128];

	if (!t || vi_collation_init(&s->coll, (const char *const *)t->list, (size_t)t->nlist, err, sizeof(err)) < 0) {
		free(s);
		return bug("rule %s: bad tone order", r->id);
	}
	return ev_cand_pass(e, r, CAND_ACTIVE, order_one, s, order_done);
}

/* ---- shares ---- */

struct share_state {
	int list;
	const char *attribute;
	long long body_id;
	char *body, *body_name;
	long long total, count;
	char term[32];		/* the outgoing term, for "reelected" */
};

static const char *attribute_label(const char *a, long age_under, char *buf, size_t len)
{
	if (!strcmp(a, "women"))
		return "phụ nữ";
	if (!strcmp(a, "ethnic_minority"))
		return "người dân tộc thiểu số";
	if (!strcmp(a, "young")) {
		snprintf(buf, len, "người trẻ tuổi dưới %ld tuổi", age_under);
		return buf;
	}
	if (!strcmp(a, "non_party"))
		return "người ngoài Đảng";
	if (!strcmp(a, "reelected"))
		return "người tái cử";
	return "người tự ứng cử";
}

static void share_flush(struct eval *e, const struct rule *r, struct share_state *s)
{
	long pct = rule_int(r, "min_percent", 0);
	char got[32], label[64];
	struct where w;

	if (s->body && s->total > 0 && !share_meets(s->count, s->total, pct)) {
		memset(&w, 0, sizeof(w));
		w.body_id = s->body_id;
		w.body = s->body;
		w.body_name = s->body_name;
		w.lo = w.hi = list_stage(s->list);
		percent_str(s->count, s->total, got, sizeof(got));
		ev_add(e, r, &w, "%s có %lld/%lld %s (%s%%); cần ít nhất %ld%% (%lld người)",
		       list_label(s->list), s->count, s->total,
		       attribute_label(s->attribute, rule_int(r, "age_under", 0), label, sizeof(label)), got, pct,
		       share_needed(s->total, pct));
	}
	free(s->body);
	free(s->body_name);
	s->body = s->body_name = NULL;
	s->total = s->count = 0;
}

static int share_one(struct eval *e, const struct rule *r, const struct cand *c, void *arg)
{
	struct share_state *s = arg;

	if (s->body && s->body_id != c->body_id)
		share_flush(e, r, s);
	if (!s->body) {
		s->body_id = c->body_id;
		s->body = xstrdup(c->body);
		s->body_name = xstrdup(c->body_name);
	}
	if (!cand_on_list(c, s->list))
		return 0;
	s->total++;
	s->count += cand_has_attribute(r, c, e->eday, s->term);
	return 0;
}

static void share_done(struct eval *e, const struct rule *r, void *arg)
{
	struct share_state *s = arg;

	share_flush(e, r, s);
	free(s);
}

int eval_share(struct eval *e, const struct rule *r)
{
	struct share_state *s = xcalloc(1, sizeof(*s));

	s->list = list_from_param(rule_str(r, "list"));
	s->attribute = rule_str(r, "attribute");
	if (s->list < 0 || !s->attribute) {
		free(s);
		return bug("rule %s: bad share parameters", r->id);
	}
	if (prev_term(e->term, s->term, sizeof(s->term)) < 0)
		s->term[0] = 0;
	return ev_cand_pass(e, r, 0, share_one, s, share_done);
}
