/* rollup.c - reading the books of the committees below; see rollup.h. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "audit.h"
#include "book.h"
#include "db.h"
#include "diag.h"
#include "rollup.h"
#include "sbuf.h"
#include "text.h"
#include "validate.h"
#include "banned.h"

/* ---- the reader ---- */

static void add_area(struct rollup_reader *rd, const char *name)
{
	char *key = text_loose_key(name);

	if (!key || !*key) {
		free(key);
		return;
	}
	rd->area = xrealloc(rd->area, sizeof(*rd->area) * (size_t)(rd->narea + 1));
	rd->area_keys = xrealloc(rd->area_keys, sizeof(*rd->area_keys) * (size_t)(rd->narea + 1));
	rd->area[rd->narea] = xstrdup(name);
	rd->area_keys[rd->narea] = key;
	rd->narea++;
}

int rollup_reader_load(sqlite3 *db, struct rollup_reader *rd)
{
	sqlite3_stmt *st;
	int rc = -1;

	memset(rd, 0, sizeof(*rd));
	rd->db = db;
	rd->level_index = -1;
	if (audit_now_text(rd->now, sizeof(rd->now)) < 0)
		return -1;
	if (!(st = db_prepare(db, "SELECT e.term, e.committee_level, e.committee_name, b.config_path, b.config_text, "
				  "b.term_text FROM election e, book b")))
		return -1;
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return error("sổ thiếu thông tin cuộc bầu cử");
	}
	rd->term = xstrdup(db_col_text(st, 0));
	rd->level = xstrdup(db_col_text(st, 1));
	rd->name = xstrdup(db_col_text(st, 2));
	if (config_load_stored(db_col_text(st, 3), db_col_text(st, 4),
			       sqlite3_column_type(st, 5) == SQLITE_NULL ? NULL : db_col_text(st, 5), &rd->cfg) < 0) {
		error("tệp cấu hình lưu trong sổ không đọc được");
		goto out;
	}
	rd->level_index = config_level_index(&rd->cfg, rd->level);
	if (rd->level_index < 0) {
		error("cấp '%s' của sổ không có trong 'committee_levels' của cấu hình lưu trong sổ", rd->level);
		goto out;
	}
	if (rd->cfg.narea) {
		rd->area_from_config = 1;
		for (int i = 0; i < rd->cfg.narea; i++)
			add_area(rd, rd->cfg.area[i]);
	} else {
		sqlite3_stmt *a = db_prepare(db, "SELECT DISTINCT name FROM constituency_area ORDER BY name");
		if (!a)
			goto out;
		while (sqlite3_step(a) == SQLITE_ROW)
			add_area(rd, db_col_text(a, 0));
		sqlite3_finalize(a);
	}
	if (validate_load_pack(db, &rd->pack) < 0)
		goto out;
	rc = 0;
out:
	sqlite3_finalize(st);
	return rc;
}

void rollup_reader_release(struct rollup_reader *rd)
{
	free(rd->term);
	free(rd->level);
	free(rd->name);
	config_release(&rd->cfg);
	for (int i = 0; i < rd->narea; i++) {
		free(rd->area[i]);
		free(rd->area_keys[i]);
	}
	free(rd->area);
	free(rd->area_keys);
	rules_release(&rd->pack);
	memset(rd, 0, sizeof(*rd));
}

void rollup_result_release(struct rollup_result *res)
{
	free(res->committee);
	free(res->summary);
	memset(res, 0, sizeof(*res));
}

int rollup_has_sources(sqlite3 *db)
{
	return db_query_int(db, 0, "SELECT EXISTS (SELECT 1 FROM rollup_source)", (const char *)NULL) > 0;
}

int rollup_name_in_area(const char *name, const char *area_key)
{
	char *key = text_loose_key(name);
	size_t n, a = strlen(area_key);
	int in;

	if (!key)
		return 0;
	n = strlen(key);
	in = a && n >= a && !strcmp(key + n - a, area_key) && (n == a || key[n - a - 1] == ' ');
	free(key);
	return in;
}

/* ---- one source ---- */

struct source {
	const char *path;
	sqlite3 *db;
	char *term, *level, *name, *place;
	char head[HASH_HEX_LEN + 1];
	long long entries;
	char *last_at;
	char *key_version;		/* book.name_key_version: who made its rollup name keys */
};

static void source_close(struct source *s)
{
	if (s->db) {
		sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
		db_close(s->db);
	}
	free(s->term);
	free(s->level);
	free(s->name);
	free(s->place);
	free(s->last_at);
	free(s->key_version);
	memset(s, 0, sizeof(*s));
}

static int refuse(struct rollup_result *res, const char *path, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* The book is refused: say why, on stderr and in the result. */
static int refuse(struct rollup_result *res, const char *path, const char *fmt, ...)
{
	struct sbuf why = SBUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	sbuf_vaddf(&why, fmt, ap);
	va_end(ap);
	error("không nhận sổ '%s': %s", path, why.buf);
	res->outcome = ROLLUP_REFUSED;
	free(res->summary);
	res->summary = sbuf_detach(&why, NULL);
	return 0;
}

/* One integer, quietly: -1 when the file is not an SQLite database. */
static long long probe(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st = NULL;
	long long v = -1;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/*
 * Open `path` read-only inside one read transaction, so that what is
 * checked is what is read, and read who it is.  0, or 1 when refused.
 */
static int source_open(struct rollup_reader *rd, const char *path, struct source *s, struct rollup_result *res)
{
	struct stat st, self;
	sqlite3_stmt *q;
	const char *own = sqlite3_db_filename(rd->db, "main");
	long long v;

	memset(s, 0, sizeof(*s));
	s->path = path;
	if (stat(path, &st) < 0)
		return refuse(res, path, "không mở được tệp: %s", sys_msg(errno)), 1;
	if (!S_ISREG(st.st_mode))
		return refuse(res, path, "không phải tệp thường"), 1;
	if (own && *own && stat(own, &self) == 0 && self.st_dev == st.st_dev && self.st_ino == st.st_ino)
		return refuse(res, path, "đây là chính sổ đang tổng hợp"), 1;
	if (sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		refuse(res, path, "không mở được: %s", s->db ? db_msg(s->db) : "hết bộ nhớ");
		sqlite3_close(s->db);
		s->db = NULL;
		return 1;
	}
	sqlite3_busy_timeout(s->db, 5000);
	if (probe(s->db, "PRAGMA application_id") != BOOK_APP_ID)
		return refuse(res, path, "không phải sổ hiepthuong"), 1;
	if ((v = probe(s->db, "PRAGMA user_version")) != SCHEMA_VERSION)
		return refuse(res, path, "sổ có lược đồ phiên bản %lld, bản hiepthuong này đọc phiên bản %d", v,
			      SCHEMA_VERSION), 1;
	if (sqlite3_exec(s->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
		return refuse(res, path, "không đọc được: %s", db_msg(s->db)), 1;
	q = db_prepare(s->db, "SELECT e.term, e.committee_level, e.committee_name, e.committee_place, "
			      "h.hash, h.entries, (SELECT at FROM audit WHERE id = h.last_id), b.name_key_version "
			      "FROM election e, audit_head h, book b");
	if (!q)
		return refuse(res, path, "không đọc được: %s", db_msg(s->db)), 1;
	if (sqlite3_step(q) != SQLITE_ROW) {
		sqlite3_finalize(q);
		return refuse(res, path, "sổ thiếu thông tin cuộc bầu cử hoặc đầu chuỗi nhật ký"), 1;
	}
	s->term = xstrdup(db_col_text(q, 0));
	s->level = xstrdup(db_col_text(q, 1));
	s->name = xstrdup(db_col_text(q, 2));
	s->place = xstrdup(db_col_text(q, 3));
	snprintf(s->head, sizeof(s->head), "%s", db_col_text(q, 4));
	s->entries = sqlite3_column_int64(q, 5);
	s->last_at = xstrdup(db_col_text(q, 6));
	s->key_version = xstrdup(db_col_text(q, 7));
	sqlite3_finalize(q);
	res->committee = xstrdup(s->name);
	return 0;
}

/* Term, level and area: may this committee's book be read by this one? 0 or 1. */
static int source_belongs(struct rollup_reader *rd, const struct source *s, struct rollup_result *res)
{
	int li;

	if (strcmp(s->term, rd->term))
		return refuse(res, s->path, "sổ của nhiệm kỳ '%s', sổ này của nhiệm kỳ '%s'", s->term, rd->term), 1;
	li = config_level_index(&rd->cfg, s->level);
	if (li < 0)
		return refuse(res, s->path, "cấp '%s' của '%s' không có trong nhiệm kỳ", s->level, s->name), 1;
	if (li <= rd->level_index)
		return refuse(res, s->path, "'%s' (%s) không ở cấp dưới của '%s' (%s)", s->name,
			      rd->cfg.levels[li].name, rd->name, rd->cfg.levels[rd->level_index].name), 1;
	if (!rd->narea)
		return refuse(res, s->path, "sổ này chưa có địa bàn: hãy ghi 'committee.area' trong tệp cấu hình "
					    "(docs/rollup.md)"), 1;
	for (int i = 0; i < rd->narea; i++)
		if (rollup_name_in_area(s->name, rd->area_keys[i]))
			return 0;
	return refuse(res, s->path, "'%s' không thuộc địa bàn của '%s' (%s)", s->name, rd->name,
		      rd->area_from_config ? "committee.area của tệp cấu hình" : "các đơn vị bầu cử của sổ"), 1;
}

/* ---- copying what a source contributed ---- */

struct copy {
	struct rollup_reader *rd;
	struct source *s;
	long long root;			/* its rollup_source row */
	struct idmap { long long from, to; } *bodies;	/* the source's body ids -> rollup_body ids */
	int nbodies;
	char **codes;			/* the source's body codes, by index of bodies */
	struct idmap *srcs;		/* the source's rollup_source ids -> ours */
	int nsrcs;
	struct idmap *rbodies;		/* the source's rollup_body ids -> ours */
	int nrbodies, arbodies;
	long long ncand, nconf, nbelow;
	int recompute_keys;
	int failed;			/* a refusal was reported while copying */
	struct rollup_result *res;
};

static long long map_get(const struct idmap *m, int n, long long from)
{
	int lo = 0, hi = n;

	/* ids are added in increasing order */
	while (lo < hi) {
		int mid = lo + (hi - lo) / 2;
		if (m[mid].from < from)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && m[lo].from == from ? m[lo].to : 0;
}

static int step(sqlite3 *db, sqlite3_stmt *st)
{
	return db_step_done(db, st, "ghi tổng hợp");
}

/* Delete everything source `root` and the committees read through it brought,
 * except the row of `root` itself. */
static int forget_source(sqlite3 *db, long long root)
{
	static const char *const sql[] = {
		"WITH RECURSIVE sub(id) AS (SELECT ?1 UNION ALL SELECT s.id FROM rollup_source s JOIN sub ON s.via_id = sub.id) "
		"DELETE FROM rollup_candidacy WHERE body_id IN (SELECT id FROM rollup_body WHERE source_id IN sub)",
		"WITH RECURSIVE sub(id) AS (SELECT ?1 UNION ALL SELECT s.id FROM rollup_source s JOIN sub ON s.via_id = sub.id) "
		"DELETE FROM rollup_constituency WHERE body_id IN (SELECT id FROM rollup_body WHERE source_id IN sub)",
		"WITH RECURSIVE sub(id) AS (SELECT ?1 UNION ALL SELECT s.id FROM rollup_source s JOIN sub ON s.via_id = sub.id) "
		"DELETE FROM rollup_event WHERE body_id IN (SELECT id FROM rollup_body WHERE source_id IN sub)",
		"WITH RECURSIVE sub(id) AS (SELECT ?1 UNION ALL SELECT s.id FROM rollup_source s JOIN sub ON s.via_id = sub.id) "
		"DELETE FROM rollup_conference WHERE body_id IN (SELECT id FROM rollup_body WHERE source_id IN sub)",
		"WITH RECURSIVE sub(id) AS (SELECT ?1 UNION ALL SELECT s.id FROM rollup_source s JOIN sub ON s.via_id = sub.id) "
		"DELETE FROM rollup_body WHERE source_id IN sub",
		"WITH RECURSIVE sub(id) AS (SELECT ?1 UNION ALL SELECT s.id FROM rollup_source s JOIN sub ON s.via_id = sub.id) "
		"DELETE FROM rollup_source WHERE id IN sub AND id <> ?1",
	};

	for (size_t i = 0; i < sizeof(sql) / sizeof(sql[0]); i++) {
		sqlite3_stmt *st = db_prepare_cached(db, sql[i]);
		if (!st)
			return -1;
		db_bind_int(st, 1, root);
		if (step(db, st) < 0)
			return -1;
	}
	return 0;
}

int rollup_each_event(sqlite3 *src, int (*fn)(long long body_id, const char *event, const char *day, void *arg),
		      void *arg)
{
	static const char *const sql[] = {
		"SELECT body_id, kind, max(held_on) FROM conference WHERE kind IN ('ht1', 'ht2', 'ht3') "
		"GROUP BY body_id, kind ORDER BY body_id, kind",
		"SELECT body_id, event, on_date FROM body_event ORDER BY body_id, event",
	};
	int rc = 0;

	for (size_t i = 0; rc == 0 && i < sizeof(sql) / sizeof(sql[0]); i++) {
		sqlite3_stmt *q = db_prepare(src, sql[i]);

		if (!q)
			return -1;
		while (rc == 0 && sqlite3_step(q) == SQLITE_ROW)
			rc = fn(sqlite3_column_int64(q, 0), db_col_text(q, 1), db_col_text(q, 2), arg);
		sqlite3_finalize(q);
	}
	return rc;
}

static int copy_event_one(long long body_id, const char *event, const char *day, void *arg)
{
	struct copy *c = arg;
	long long body = map_get(c->bodies, c->nbodies, body_id);
	sqlite3_stmt *ins;

	if (!body)
		return bug("event of an unknown body in '%s'", c->s->path);
	if (!(ins = db_prepare_cached(c->rd->db, "INSERT INTO rollup_event (body_id, event, on_date) VALUES (?, ?, ?)")))
		return -1;
	db_bind_int(ins, 1, body);
	db_bind_text(ins, 2, event);
	db_bind_text(ins, 3, day);
	return step(c->rd->db, ins);
}

/* The source's own bodies, constituencies and dated steps. */
static int copy_bodies(struct copy *c)
{
	sqlite3 *db = c->rd->db, *src = c->s->db;
	sqlite3_stmt *q = db_prepare(src, "SELECT id, code, kind, type_name, name, khoa, seats FROM body ORDER BY id");
	sqlite3_stmt *ins;
	int rc = 0;

	if (!q)
		return -1;
	while (rc == 0 && sqlite3_step(q) == SQLITE_ROW) {
		if (!(ins = db_prepare_cached(db, "INSERT INTO rollup_body (source_id, code, kind, type_name, name, khoa, "
						  "seats) VALUES (?, ?, ?, ?, ?, ?, ?)"))) {
			rc = -1;
			break;
		}
		db_bind_int(ins, 1, c->root);
		for (int i = 1; i <= 5; i++)
			db_bind_text(ins, i + 1, sqlite3_column_type(q, i) == SQLITE_NULL ? NULL : db_col_text(q, i));
		db_bind_int(ins, 7, sqlite3_column_int64(q, 6));
		if ((rc = step(db, ins)) < 0)
			break;
		c->bodies = xrealloc(c->bodies, sizeof(*c->bodies) * (size_t)(c->nbodies + 1));
		c->codes = xrealloc(c->codes, sizeof(*c->codes) * (size_t)(c->nbodies + 1));
		c->bodies[c->nbodies].from = sqlite3_column_int64(q, 0);
		c->bodies[c->nbodies].to = sqlite3_last_insert_rowid(db);
		c->codes[c->nbodies] = xstrdup(db_col_text(q, 1));
		c->nbodies++;
	}
	sqlite3_finalize(q);
	if (rc < 0)
		return -1;

	if (!(q = db_prepare(src, "SELECT body_id, number, seats FROM constituency ORDER BY body_id, number")))
		return -1;
	while (rc == 0 && sqlite3_step(q) == SQLITE_ROW) {
		long long body = map_get(c->bodies, c->nbodies, sqlite3_column_int64(q, 0));

		if (!body || !(ins = db_prepare_cached(db, "INSERT INTO rollup_constituency (body_id, number, seats) "
							   "VALUES (?, ?, ?)"))) {
			rc = body ? -1 : bug("constituency of an unknown body in '%s'", c->s->path);
			break;
		}
		db_bind_int(ins, 1, body);
		db_bind_int(ins, 2, sqlite3_column_int64(q, 1));
		db_bind_int(ins, 3, sqlite3_column_int64(q, 2));
		rc = step(db, ins);
	}
	sqlite3_finalize(q);
	return rc ? rc : rollup_each_event(src, copy_event_one, c);
}

const char *const rollup_conf_kinds[3] = { "workplace", "residence", "thon" };

int rollup_conf_counts(sqlite3 *src, const struct rule_pack *pack,
		       int (*fn)(long long body_id, int kind, const long long n[3], void *arg), void *arg)
{
	/* per body (in id order) and kind: held, results, passed */
	struct row { long long body; long long n[3][3]; } *v = NULL;
	int nv = 0, rc = 0;
	sqlite3_stmt *q;

	/* held: one query; results and passed: another (a conference without results still counts as held) */
	q = db_prepare(src, "SELECT body_id, kind, count(*) FROM conference "
			    "WHERE kind IN ('workplace', 'residence', 'thon') GROUP BY body_id, kind ORDER BY body_id");
	if (!q)
		return -1;
	while (sqlite3_step(q) == SQLITE_ROW) {
		long long body = sqlite3_column_int64(q, 0);
		const char *kind = db_col_text(q, 1);

		if (!nv || v[nv - 1].body != body) {
			v = xrealloc(v, sizeof(*v) * (size_t)(nv + 1));
			memset(&v[nv], 0, sizeof(v[nv]));
			v[nv++].body = body;
		}
		for (int k = 0; k < 3; k++)
			if (!strcmp(kind, rollup_conf_kinds[k]))
				v[nv - 1].n[k][0] = sqlite3_column_int64(q, 2);
	}
	sqlite3_finalize(q);
	q = db_prepare(src, "SELECT c.body_id, c.kind, b.kind, v.trust, "
			    "CASE WHEN c.mode = 'distribution' AND c.ballots_returned IS NOT NULL "
			    "THEN c.ballots_returned ELSE coalesce(c.present, -1) END "
			    "FROM vote v JOIN conference c ON c.id = v.conference_id JOIN body b ON b.id = c.body_id "
			    "WHERE c.kind IN ('workplace', 'residence', 'thon')");
	if (!q) {
		free(v);
		return -1;
	}
	while (sqlite3_step(q) == SQLITE_ROW) {
		long long body = sqlite3_column_int64(q, 0);
		const char *kind = db_col_text(q, 1);

		for (int i = 0; i < nv; i++) {
			if (v[i].body != body)
				continue;
			for (int k = 0; k < 3; k++)
				if (!strcmp(kind, rollup_conf_kinds[k])) {
					v[i].n[k][1]++;
					v[i].n[k][2] += rollup_vote_passed(pack, db_col_text(q, 2), kind,
									   sqlite3_column_int64(q, 3),
									   sqlite3_column_int64(q, 4)) == 1;
				}
		}
	}
	sqlite3_finalize(q);
	for (int i = 0; rc == 0 && i < nv; i++)
		for (int k = 0; rc == 0 && k < 3; k++)
			if (v[i].n[k][0] || v[i].n[k][1])
				rc = fn(v[i].body, k, v[i].n[k], arg);
	free(v);
	return rc;
}

static int copy_conf_one(long long body_id, int kind, const long long n[3], void *arg)
{
	struct copy *c = arg;
	long long body = map_get(c->bodies, c->nbodies, body_id);
	sqlite3_stmt *ins;

	if (!body)
		return bug("conference of an unknown body in '%s'", c->s->path);
	if (!(ins = db_prepare_cached(c->rd->db, "INSERT INTO rollup_conference (body_id, kind, held, results, passed) "
						 "VALUES (?, ?, ?, ?, ?)")))
		return -1;
	db_bind_int(ins, 1, body);
	db_bind_text(ins, 2, rollup_conf_kinds[kind]);
	db_bind_int(ins, 3, n[0]);
	db_bind_int(ins, 4, n[1]);
	db_bind_int(ins, 5, n[2]);
	c->nconf += n[0];
	return step(c->rd->db, ins);
}

/* Voter conferences by body and kind: held, results, passed. */
static int copy_conferences(struct copy *c)
{
	return rollup_conf_counts(c->s->db, &c->rd->pack, copy_conf_one, c);
}

static const char cand_insert[] =
	"INSERT INTO rollup_candidacy (body_id, name, name_key, dob, id_number, constituency, stage, first_stage, "
	"status, drop_reason, attrs, lists) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

static int copy_one_cand(const struct rollup_cand *rc, void *arg)
{
	struct copy *c = arg;
	sqlite3 *db = c->rd->db;
	sqlite3_stmt *ins;
	long long body = 0;
	char *key;
	int i = 1, r;

	for (int b = 0; b < c->nbodies && !body; b++)
		if (!strcmp(c->codes[b], rc->body))
			body = c->bodies[b].to;
	if (!body)
		return bug("candidacy of an unknown body in '%s'", c->s->path);
	if (!(key = text_loose_key(rc->name)))
		return bug("candidate's name is not UTF-8 in '%s'", c->s->path);
	if (!(ins = db_prepare_cached(db, cand_insert))) {
		free(key);
		return -1;
	}
	db_bind_int(ins, i++, body);
	db_bind_text(ins, i++, rc->name);
	db_bind_text(ins, i++, key);
	db_bind_text(ins, i++, rc->dob);
	db_bind_text_or_null(ins, i++, rc->id_number);
	if (rc->constituency)
		db_bind_int(ins, i, rc->constituency);
	i++;
	db_bind_text(ins, i++, rc->stage);
	db_bind_text(ins, i++, rc->first_stage);
	db_bind_text(ins, i++, rc->status);
	db_bind_text_or_null(ins, i++, rc->drop_reason);
	db_bind_int(ins, i++, rollup_attr_bits(rc));
	db_bind_int(ins, i++, rollup_list_bits(rc));
	r = step(db, ins);
	free(key);
	c->ncand++;
	return r;
}

/*
 * The committees the source itself read (a roll-up read from above): its
 * rollup_* rows, marked as read through it.  One that is not below this
 * book's level refuses the source (c->failed).
 */
static int copy_below(struct copy *c)
{
	sqlite3 *db = c->rd->db, *src = c->s->db;
	sqlite3_stmt *q, *ins;
	int rc = 0;

	q = db_prepare(src, "SELECT id, via_id, level, name, place, file, head, entries, last_at, read_at, contributed "
			    "FROM rollup_source ORDER BY id");
	if (!q)
		return -1;
	while (rc == 0 && sqlite3_step(q) == SQLITE_ROW) {
		const char *level = db_col_text(q, 2), *name = db_col_text(q, 3);
		long long via = sqlite3_column_type(q, 1) == SQLITE_NULL ? c->root
									 : map_get(c->srcs, c->nsrcs, sqlite3_column_int64(q, 1));
		int li = config_level_index(&c->rd->cfg, level);

		if (li <= c->rd->level_index || !via) {
			refuse(c->res, c->s->path, "tổng hợp trong sổ có '%s' (cấp '%s') không ở cấp dưới của sổ này", name,
			       level);
			c->failed = 1;
			break;
		}
		if (!(ins = db_prepare_cached(db, "INSERT INTO rollup_source (via_id, level, name, place, file, head, entries, "
						  "last_at, read_at, contributed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"))) {
			rc = -1;
			break;
		}
		db_bind_int(ins, 1, via);
		for (int i = 2; i <= 10; i++)
			if (i == 7)
				db_bind_int(ins, i, sqlite3_column_int64(q, i));
			else
				db_bind_text(ins, i, db_col_text(q, i));
		if ((rc = step(db, ins)) < 0)
			break;
		c->srcs = xrealloc(c->srcs, sizeof(*c->srcs) * (size_t)(c->nsrcs + 1));
		c->srcs[c->nsrcs].from = sqlite3_column_int64(q, 0);
		c->srcs[c->nsrcs].to = sqlite3_last_insert_rowid(db);
		c->nsrcs++;
		c->nbelow++;
	}
	sqlite3_finalize(q);
	if (rc < 0 || c->failed || !c->nsrcs)
		return rc;

	q = db_prepare(src, "SELECT id, source_id, code, kind, type_name, name, khoa, seats FROM rollup_body ORDER BY id");
	if (!q)
		return -1;
	while (rc == 0 && sqlite3_step(q) == SQLITE_ROW) {
		long long source = map_get(c->srcs, c->nsrcs, sqlite3_column_int64(q, 1));

		if (!source || !(ins = db_prepare_cached(db, "INSERT INTO rollup_body (source_id, code, kind, type_name, "
							     "name, khoa, seats) VALUES (?, ?, ?, ?, ?, ?, ?)"))) {
			rc = source ? -1 : bug("roll-up body of an unknown source in '%s'", c->s->path);
			break;
		}
		db_bind_int(ins, 1, source);
		for (int i = 2; i <= 6; i++)
			db_bind_text(ins, i, sqlite3_column_type(q, i) == SQLITE_NULL ? NULL : db_col_text(q, i));
		db_bind_int(ins, 7, sqlite3_column_int64(q, 7));
		if ((rc = step(db, ins)) < 0)
			break;
		if (c->nrbodies == c->arbodies) {
			c->arbodies = c->arbodies ? 2 * c->arbodies : 64;
			c->rbodies = xrealloc(c->rbodies, sizeof(*c->rbodies) * (size_t)c->arbodies);
		}
		c->rbodies[c->nrbodies].from = sqlite3_column_int64(q, 0);
		c->rbodies[c->nrbodies].to = sqlite3_last_insert_rowid(db);
		c->nrbodies++;
	}
	sqlite3_finalize(q);

	static const struct {
		const char *read, *write;
		int ncols;
	} parts[] = {
		{ "SELECT body_id, number, seats FROM rollup_constituency ORDER BY body_id, number",
		  "INSERT INTO rollup_constituency (body_id, number, seats) VALUES (?, ?, ?)", 3 },
		{ "SELECT body_id, event, on_date FROM rollup_event ORDER BY body_id, event",
		  "INSERT INTO rollup_event (body_id, event, on_date) VALUES (?, ?, ?)", 3 },
		{ "SELECT body_id, kind, held, results, passed FROM rollup_conference ORDER BY body_id, kind",
		  "INSERT INTO rollup_conference (body_id, kind, held, results, passed) VALUES (?, ?, ?, ?, ?)", 5 },
		{ "SELECT body_id, name, name_key, dob, id_number, constituency, stage, first_stage, status, drop_reason, "
		  "attrs, lists FROM rollup_candidacy ORDER BY id",
		  cand_insert, 12 },
	};
	for (size_t p = 0; rc == 0 && p < sizeof(parts) / sizeof(parts[0]); p++) {
		int is_cand = p == 3;

		if (!(q = db_prepare(src, parts[p].read)))
			return -1;
		while (rc == 0 && sqlite3_step(q) == SQLITE_ROW) {
			long long body = map_get(c->rbodies, c->nrbodies, sqlite3_column_int64(q, 0));

			if (!body || !(ins = db_prepare_cached(db, parts[p].write))) {
				rc = body ? -1 : bug("roll-up row of an unknown body in '%s'", c->s->path);
				break;
			}
			db_bind_int(ins, 1, body);
			for (int i = 1; i < parts[p].ncols; i++) {
				if (is_cand && i == 2 && c->recompute_keys) {
					char *key = text_loose_key(db_col_text(q, 1));
					db_bind_text(ins, 3, key ? key : db_col_text(q, 2));
					free(key);
				} else {
					sqlite3_bind_value(ins, i + 1, sqlite3_column_value(q, i));
				}
			}
			rc = step(db, ins);
			c->ncand += is_cand;
		}
		sqlite3_finalize(q);
	}
	return rc;
}

static void copy_release(struct copy *c)
{
	for (int b = 0; b < c->nbodies; b++)
		free(c->codes[b]);
	free(c->codes);
	free(c->bodies);
	free(c->srcs);
	free(c->rbodies);
}

/* Verify the book's audit chain and data; 0, 1 when refused. */
static int source_verify(const struct source *s, long long had, const char *old_head, struct rollup_result *res)
{
	struct audit_report r;
	int vr = audit_verify(s->db, AUDIT_VERIFY_DATA, NULL, &r);

	if (vr != 0) {
		if (vr > 0)
			refuse(res, s->path, "không qua kiểm tra nhật ký%s%.0lld: %s", r.bad_id ? " ở mục #" : "", r.bad_id,
			       r.why);
		else
			refuse(res, s->path, "không đọc được sổ để kiểm tra: %s", db_msg(s->db));
		audit_report_release(&r);
		return 1;
	}
	audit_report_release(&r);
	/* A corrected book continues the one read before; say so when it does not. */
	if (had && old_head && *old_head &&
	    !db_query_int(s->db, 0, "SELECT EXISTS (SELECT 1 FROM audit WHERE hash = ?)", old_head, (const char *)NULL))
		warning("sổ '%s' không nối tiếp sổ của '%s' đã đọc lần trước (mã đầu chuỗi cũ %.16s… không có trong "
			"nhật ký của sổ mới); phần của ủy ban này được thay bằng sổ mới", s->path, s->name, old_head);
	return 0;
}

int rollup_read_book(struct rollup_reader *rd, const char *path, struct rollup_result *res)
{
	struct source s;
	struct copy c;
	struct sbuf sum = SBUF_INIT;
	sqlite3_stmt *st;
	long long had = 0;
	char old_head[HASH_HEX_LEN + 1] = "";
	int rc = 0;

	memset(res, 0, sizeof(*res));
	memset(&c, 0, sizeof(c));
	if (source_open(rd, path, &s, res) || source_belongs(rd, &s, res))
		goto out;
	if (!(st = db_prepare(rd->db, "SELECT id, head FROM rollup_source WHERE via_id IS NULL AND level = ? AND name = ?"))) {
		rc = -1;
		goto out;
	}
	db_bind_text(st, 1, s.level);
	db_bind_text(st, 2, s.name);
	if (sqlite3_step(st) == SQLITE_ROW) {
		had = sqlite3_column_int64(st, 0);
		snprintf(old_head, sizeof(old_head), "%s", db_col_text(st, 1));
	}
	sqlite3_finalize(st);
	if (had && !strcmp(old_head, s.head)) {
		res->outcome = ROLLUP_UNCHANGED;
		res->source_id = had;
		goto out;
	}
	if (source_verify(&s, had, old_head, res))
		goto out;

	c.rd = rd;
	c.s = &s;
	c.res = res;
	c.recompute_keys = strcmp(s.key_version, text_loose_key_version()) != 0;
	if (had) {
		if (forget_source(rd->db, had) < 0) {
			rc = -1;
			goto out;
		}
		st = db_prepare_cached(rd->db, "UPDATE rollup_source SET place = ?, file = ?, head = ?, entries = ?, "
					      "last_at = ?, read_at = ?, contributed = '' WHERE id = ?");
		if (!st) {
			rc = -1;
			goto out;
		}
		db_bind_int(st, 7, had);
	} else {
		st = db_prepare_cached(rd->db, "INSERT INTO rollup_source (place, file, head, entries, last_at, read_at, "
					      "contributed, level, name) VALUES (?, ?, ?, ?, ?, ?, '', ?, ?)");
		if (!st) {
			rc = -1;
			goto out;
		}
		db_bind_text(st, 7, s.level);
		db_bind_text(st, 8, s.name);
	}
	db_bind_text(st, 1, s.place);
	db_bind_text(st, 2, path);
	db_bind_text(st, 3, s.head);
	db_bind_int(st, 4, s.entries);
	db_bind_text(st, 5, s.last_at);
	db_bind_text(st, 6, rd->now);
	if (step(rd->db, st) < 0) {
		rc = -1;
		goto out;
	}
	c.root = had ? had : sqlite3_last_insert_rowid(rd->db);
	if (copy_bodies(&c) < 0 || copy_conferences(&c) < 0 ||
	    rollup_scan_candidacies(s.db, &rd->pack, copy_one_cand, &c) < 0 || copy_below(&c) < 0) {
		int e = sqlite3_errcode(rd->db) & 0xff, es = sqlite3_errcode(s.db) & 0xff;

		/* the reader's own book failing stops everything; else the source is refused */
		if (e == SQLITE_FULL || e == SQLITE_IOERR || e == SQLITE_READONLY || e == SQLITE_CORRUPT)
			rc = -1;
		else if (!c.failed && e == SQLITE_CONSTRAINT)
			refuse(res, path, "sổ có dữ liệu không ghi được vào tổng hợp: %s", db_msg(rd->db));
		else if (!c.failed)
			refuse(res, path, "không đọc được sổ: %s",
			       es != SQLITE_OK && es != SQLITE_ROW && es != SQLITE_DONE ? db_msg(s.db)
											: "lỗi không rõ");
		goto out;
	}
	if (c.failed)
		goto out;
	sbuf_addf(&sum, "%d cơ quan, %lld ứng cử, %lld hội nghị cử tri", c.nbodies, c.ncand, c.nconf);
	if (c.nbelow)
		sbuf_addf(&sum, "; trong đó tổng hợp của %lld ủy ban cấp dưới", c.nbelow);
	if (!(st = db_prepare_cached(rd->db, "UPDATE rollup_source SET contributed = ? WHERE id = ?"))) {
		rc = -1;
		goto out;
	}
	db_bind_text(st, 1, sum.buf);
	db_bind_int(st, 2, c.root);
	if (step(rd->db, st) < 0) {
		rc = -1;
		goto out;
	}
	res->outcome = ROLLUP_READ;
	res->source_id = c.root;
	res->replaced = had != 0;
	res->summary = sbuf_detach(&sum, NULL);
out:
	copy_release(&c);
	sbuf_release(&sum);
	source_close(&s);
	return rc;
}
