/* units.c - nominating units and allocations; see units.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "db.h"
#include "diag.h"
#include "sbuf.h"
#include "text.h"
#include "units.h"
#include "banned.h"

static const char *const political[] = { "Tổ chức chính trị", "Đảng", NULL };
static const char *const front[] = { "Mặt trận Tổ quốc", "Mặt trận Tổ quốc Việt Nam", "Ủy ban Mặt trận Tổ quốc",
				      "Mặt trận", NULL };
static const char *const socio_political[] = { "Tổ chức chính trị - xã hội", "Tổ chức chính trị-xã hội",
						"Đoàn thể", NULL };
static const char *const social[] = { "Tổ chức xã hội", "Hội", NULL };
static const char *const state[] = { "Cơ quan nhà nước", "Cơ quan", NULL };
static const char *const public_service[] = { "Đơn vị sự nghiệp", "Đơn vị sự nghiệp công lập", NULL };
static const char *const enterprise[] = { "Doanh nghiệp", "Tổ chức kinh tế", NULL };
static const char *const armed[] = { "Lực lượng vũ trang", "Đơn vị vũ trang", "Đơn vị lực lượng vũ trang",
				      "Lực lượng vũ trang nhân dân", NULL };
static const char *const admin_unit[] = { "Đơn vị hành chính cấp dưới", "Đơn vị hành chính", "Xã, phường",
					   "Xã, phường, đặc khu", NULL };
static const char *const thon[] = { "Thôn, tổ dân phố", "Thôn", "Tổ dân phố", "Thôn, TDP", "TDP", NULL };

static const struct unit_kind kinds[] = {
	{ "political", "Tổ chức chính trị", political },
	{ "front", "Mặt trận Tổ quốc Việt Nam", front },
	{ "socio_political", "Tổ chức chính trị - xã hội", socio_political },
	{ "social", "Tổ chức xã hội", social },
	{ "state", "Cơ quan nhà nước", state },
	{ "public_service", "Đơn vị sự nghiệp", public_service },
	{ "enterprise", "Doanh nghiệp", enterprise },
	{ "armed", "Lực lượng vũ trang", armed },
	{ "admin_unit", "Đơn vị hành chính cấp dưới", admin_unit },
	{ "thon", "Thôn, tổ dân phố", thon },
};
#define NKINDS ((int)(sizeof(kinds) / sizeof(kinds[0])))

const struct unit_kind *unit_kinds(int *n)
{
	*n = NKINDS;
	return kinds;
}

const struct unit_kind *unit_kind_find(const char *s)
{
	if (!s || !*s)
		return NULL;
	for (int i = 0; i < NKINDS; i++) {
		if (!strcmp(kinds[i].key, s) || text_equal_fold(kinds[i].key, s) || text_equal_fold(kinds[i].label, s))
			return &kinds[i];
		for (int j = 0; kinds[i].aliases[j]; j++)
			if (text_equal_fold(kinds[i].aliases[j], s))
				return &kinds[i];
	}
	return NULL;
}

const char *unit_kind_label(const char *key)
{
	for (int i = 0; i < NKINDS; i++)
		if (!strcmp(kinds[i].key, key))
			return kinds[i].label;
	return key;
}

int unit_kind_allowed(const struct book_info *bi, const char *kind, char *err, size_t errlen)
{
	int commune = !strcmp(bi->committee_level, "xa");

	if (!strcmp(kind, "thon") && !commune) {
		snprintf(err, errlen, "thôn, tổ dân phố chỉ giới thiệu người ứng cử đại biểu Hội đồng nhân dân cấp xã");
		return -1;
	}
	if (!strcmp(kind, "admin_unit") && commune) {
		snprintf(err, errlen, "cấp xã không có đơn vị hành chính cấp dưới; thôn, tổ dân phố có loại 'thon'");
		return -1;
	}
	return 0;
}

static void fill_unit(sqlite3_stmt *st, struct unit_row *u)
{
	u->id = sqlite3_column_int64(st, 0);
	u->body_id = sqlite3_column_int64(st, 1);
	u->code = xstrdup(db_col_text(st, 2));
	u->name = xstrdup(db_col_text(st, 3));
	u->kind = xstrdup(db_col_text(st, 4));
}

/*
 * Lookups by code and by name compare loosely (text_equal_fold), which no
 * SQL index can do, and an import looks up a unit for every row: scanning
 * the body's units each time made importing n rows into a body of m units
 * cost n * m case foldings (a national roll-up: 450,000 candidacies and
 * 200,000 units).  So the loose keys of a body's codes and names are kept
 * in hash tables, built at the body's first lookup and kept current by
 * units_cache_add() after an insert and units_cache_forget() after any
 * other change.  Each key maps to the first unit (lowest id) that has it
 * and to how many units have it, which is all the scans used to tell.
 */
struct ukey {
	char *key;		/* NULL: free slot */
	long long id;		/* the first unit with this key */
	int n;			/* units with this key */
};

struct ktable {
	struct ukey *slot;
	size_t cap, n;		/* cap is a power of two, n < cap / 2 */
};

struct ucache {
	struct ucache *next;
	sqlite3 *db;
	long long body_id;
	struct ktable code, name;
};

static struct ucache *caches;

static size_t key_hash(const char *s)
{
	size_t h = 1469598103934665603u;	/* FNV-1a */

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return h;
}

static struct ukey *ktable_slot(const struct ktable *t, const char *key)
{
	size_t i = key_hash(key) & (t->cap - 1);

	while (t->slot[i].key && strcmp(t->slot[i].key, key))
		i = (i + 1) & (t->cap - 1);
	return &t->slot[i];
}

/* Takes ownership of key. */
static void ktable_add(struct ktable *t, char *key, long long id)
{
	struct ukey *k;

	if (2 * (t->n + 1) > t->cap) {
		struct ktable bigger = { NULL, t->cap ? 2 * t->cap : 64, t->n };
		bigger.slot = xcalloc(bigger.cap, sizeof(*bigger.slot));
		for (size_t i = 0; i < t->cap; i++)
			if (t->slot[i].key)
				*ktable_slot(&bigger, t->slot[i].key) = t->slot[i];
		free(t->slot);
		*t = bigger;
	}
	k = ktable_slot(t, key);
	if (k->key) {
		k->n++;
		if (id < k->id)
			k->id = id;
		free(key);
		return;
	}
	k->key = key;
	k->id = id;
	k->n = 1;
	t->n++;
}

static const struct ukey *ktable_find(const struct ktable *t, const char *key)
{
	const struct ukey *k;

	if (!t->cap)
		return NULL;
	k = ktable_slot(t, key);
	return k->key ? k : NULL;
}

static void ktable_release(struct ktable *t)
{
	for (size_t i = 0; i < t->cap; i++)
		free(t->slot[i].key);
	free(t->slot);
	memset(t, 0, sizeof(*t));
}

static void cache_add(struct ucache *c, long long id, const char *code, const char *name)
{
	char *k;

	if ((k = text_loose_key(code)))
		ktable_add(&c->code, k, id);
	if ((k = text_loose_key(name)))
		ktable_add(&c->name, k, id);
}

void units_cache_forget(void)
{
	while (caches) {
		struct ucache *c = caches;
		caches = c->next;
		ktable_release(&c->code);
		ktable_release(&c->name);
		free(c);
	}
}

static struct ucache *cache_of(sqlite3 *db, long long body_id)
{
	static int registered;
	struct ucache *c;
	sqlite3_stmt *st;

	for (c = caches; c; c = c->next)
		if (c->db == db && c->body_id == body_id)
			return c;
	st = db_prepare(db, "SELECT id, code, name FROM unit WHERE body_id = ? ORDER BY id");
	if (!st)
		return NULL;
	c = xcalloc(1, sizeof(*c));
	c->db = db;
	c->body_id = body_id;
	db_bind_int(st, 1, body_id);
	while (sqlite3_step(st) == SQLITE_ROW)
		cache_add(c, sqlite3_column_int64(st, 0), db_col_text(st, 1), db_col_text(st, 2));
	sqlite3_finalize(st);
	c->next = caches;
	caches = c;
	if (!registered++)
		atexit(units_cache_forget);
	return c;
}

void units_cache_add(sqlite3 *db, long long body_id, long long id, const char *code, const char *name)
{
	for (struct ucache *c = caches; c; c = c->next)
		if (c->db == db && c->body_id == body_id)
			cache_add(c, id, code, name);
}

int unit_find_by(sqlite3 *db, long long body_id, const char *sel, int by, struct unit_row *u)
{
	struct ucache *c = cache_of(db, body_id);
	const struct ukey *k = NULL;
	char *key;

	memset(u, 0, sizeof(*u));
	if (!c)
		return -1;
	if (!(key = text_loose_key(sel)))
		return 0;
	/* the code first: it is unique */
	if ((by & UNIT_BY_CODE) && (k = ktable_find(&c->code, key)) != NULL) {
		free(key);
		return unit_by_id(db, k->id, u);
	}
	if (by & UNIT_BY_NAME)
		k = ktable_find(&c->name, key);
	free(key);
	if (!k)
		return 0;
	return k->n > 1 ? 2 : unit_by_id(db, k->id, u);
}

int unit_find(sqlite3 *db, long long body_id, const char *sel, struct unit_row *u)
{
	return unit_find_by(db, body_id, sel, UNIT_BY_CODE | UNIT_BY_NAME, u);
}

int unit_by_id(sqlite3 *db, long long id, struct unit_row *u)
{
	sqlite3_stmt *st = db_prepare_cached(db, "SELECT id, body_id, code, name, kind FROM unit WHERE id = ?");
	int found = 0;

	memset(u, 0, sizeof(*u));
	if (!st)
		return -1;
	db_bind_int(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		fill_unit(st, u);
		found = 1;
	}
	sqlite3_reset(st);
	return found;
}

void unit_row_release(struct unit_row *u)
{
	free(u->code);
	free(u->name);
	free(u->kind);
	memset(u, 0, sizeof(*u));
}

static const char *const h_count[] = { "Phân bổ số lượng giới thiệu", "Số lượng", "Số lượng phân bổ",
					"Số lượng được phân bổ", "Phân bổ số lượng", NULL };
static const char *const h_women[] = { "Nữ", "Phụ nữ", NULL };
static const char *const h_reelected[] = { "Tái cử", NULL };
static const char *const h_non_party[] = { "Ngoài Đảng", NULL };
static const char *const h_young[] = { "Trẻ tuổi", "Trẻ tuổi (dưới 40 tuổi)", "Dưới 40 tuổi", "< 40 tuổi", NULL };
static const char *const h_ethnic[] = { "Dân tộc thiểu số", "DTTS", NULL };

const struct alloc_field alloc_fields[AL_N] = {
	{ "count", "count", "Số lượng", h_count },
	{ "women", "women", "Nữ", h_women },
	{ "reelected", "reelected", "Tái cử", h_reelected },
	{ "non_party", "non-party", "Ngoài Đảng", h_non_party },
	{ "young", "young", "Trẻ tuổi", h_young },
	{ "ethnic_minority", "ethnic-minority", "Dân tộc thiểu số", h_ethnic },
};

static const char *const version_labels[] = {
	NULL, "Hiệp thương lần thứ nhất", "Điều chỉnh lần thứ nhất", "Điều chỉnh lần thứ hai"
};

const char *alloc_version_label(int version)
{
	return version >= 1 && version <= 3 ? version_labels[version] : "?";
}

int alloc_version_parse(const char *s)
{
	if (!s)
		return 0;
	if ((s[0] >= '1' && s[0] <= '3') && !s[1])
		return s[0] - '0';
	for (int v = 1; v <= 3; v++)
		if (text_equal_fold(s, version_labels[v]))
			return v;
	return 0;
}

static int read_alloc(sqlite3_stmt *st, struct alloc *a)
{
	for (int i = 0; i < AL_N; i++)
		a->n[i] = (long)sqlite3_column_int64(st, i);
	a->decided_on = sqlite3_column_type(st, AL_N) == SQLITE_NULL ? NULL : xstrdup(db_col_text(st, AL_N));
	a->note = sqlite3_column_type(st, AL_N + 1) == SQLITE_NULL ? NULL : xstrdup(db_col_text(st, AL_N + 1));
	return (int)sqlite3_column_int64(st, AL_N + 2);
}

#define ALLOC_COLS "count, women, reelected, non_party, young, ethnic_minority, decided_on, note, version"

int alloc_get(sqlite3 *db, long long unit_id, int version, struct alloc *a)
{
	sqlite3_stmt *st = db_prepare_cached(db, "SELECT " ALLOC_COLS " FROM allocation WHERE unit_id = ? AND version = ?");
	int found = 0;

	memset(a, 0, sizeof(*a));
	if (!st)
		return -1;
	db_bind_int(st, 1, unit_id);
	db_bind_int(st, 2, version);
	if (sqlite3_step(st) == SQLITE_ROW) {
		read_alloc(st, a);
		found = 1;
	}
	sqlite3_reset(st);
	return found;
}

int alloc_in_force(sqlite3 *db, long long unit_id, struct alloc *a, int *version)
{
	sqlite3_stmt *st = db_prepare_cached(db, "SELECT " ALLOC_COLS " FROM allocation WHERE unit_id = ? "
					  "ORDER BY version DESC LIMIT 1");
	int found = 0;

	memset(a, 0, sizeof(*a));
	if (!st)
		return -1;
	db_bind_int(st, 1, unit_id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		*version = read_alloc(st, a);
		found = 1;
	}
	sqlite3_reset(st);
	return found;
}

void alloc_release(struct alloc *a)
{
	free(a->decided_on);
	free(a->note);
	a->decided_on = a->note = NULL;
}

int alloc_check(const struct alloc *a, void (*report)(void *arg, int field, const char *msg), void *arg)
{
	char msg[256];
	int n = 0;

	for (int i = 0; i < AL_N; i++) {
		if (a->n[i] < 0) {
			snprintf(msg, sizeof(msg), "số '%s' không được âm (%ld)", alloc_fields[i].label, a->n[i]);
			report(arg, i, msg);
			n++;
		} else if (i != AL_COUNT && a->n[AL_COUNT] >= 0 && a->n[i] > a->n[AL_COUNT]) {
			snprintf(msg, sizeof(msg), "số '%s' (%ld) lớn hơn số được phân bổ của đơn vị (%ld)",
				 alloc_fields[i].label, a->n[i], a->n[AL_COUNT]);
			report(arg, i, msg);
			n++;
		}
	}
	return n;
}

int alloc_version_allowed(const struct body_ref *b, int version, char *err, size_t errlen)
{
	if (version < 1 || version > 3) {
		snprintf(err, errlen, "lần phân bổ phải là 1 (hiệp thương lần thứ nhất), 2 (điều chỉnh lần thứ nhất) "
				      "hoặc 3 (điều chỉnh lần thứ hai)");
		return -1;
	}
	if (version == 3 && strcmp(b->kind, "na")) {
		snprintf(err, errlen, "chỉ Quốc hội có điều chỉnh lần thứ hai; '%s' không có lần 3", b->name);
		return -1;
	}
	return 0;
}

int alloc_write(sqlite3 *db, long long unit_id, int version, const struct alloc *a)
{
	sqlite3_stmt *st = db_prepare_cached(db, "INSERT INTO allocation(unit_id, version, count, women, reelected, non_party, "
					  "young, ethnic_minority, decided_on, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
					  "ON CONFLICT(unit_id, version) DO UPDATE SET count = excluded.count, "
					  "women = excluded.women, reelected = excluded.reelected, "
					  "non_party = excluded.non_party, young = excluded.young, "
					  "ethnic_minority = excluded.ethnic_minority, decided_on = excluded.decided_on, "
					  "note = excluded.note");
	int rc;

	if (!st)
		return -1;
	db_bind_int(st, 1, unit_id);
	db_bind_int(st, 2, version);
	for (int i = 0; i < AL_N; i++)
		db_bind_int(st, 3 + i, a->n[i]);
	db_bind_text_or_null(st, 9, a->decided_on);
	db_bind_text_or_null(st, 10, a->note);
	rc = db_step_done(db, st, "ghi phân bổ");
	sqlite3_reset(st);
	return rc;
}

static int same_text(const char *a, const char *b)
{
	return !strcmp(a ? a : "", b ? b : "");
}

int alloc_same(const struct alloc *a, const struct alloc *b)
{
	for (int i = 0; i < AL_N; i++)
		if (a->n[i] != b->n[i])
			return 0;
	return same_text(a->decided_on, b->decided_on) && same_text(a->note, b->note);
}

void unit_warn_over_allocation(sqlite3 *db, const struct unit_row *u)
{
	sqlite3_stmt *st;
	struct alloc a;
	int version = 0;
	long long n = 0;

	if (alloc_in_force(db, u->id, &a, &version) != 1)
		return;
	/* once per unit of an import: prepared once (issue 8) */
	st = db_prepare_cached(db, "SELECT count(*) FROM candidacy WHERE unit_id = ? AND status = 'active'");
	if (st) {
		db_bind_int(st, 1, u->id);
		if (sqlite3_step(st) == SQLITE_ROW)
			n = sqlite3_column_int64(st, 0);
		sqlite3_reset(st);
	}
	if (n > a.n[AL_COUNT])
		warning("đơn vị '%s' (%s) đã giới thiệu %lld người, nhiều hơn số được phân bổ (%ld, %s)", u->code,
			u->name, n, a.n[AL_COUNT], alloc_version_label(version));
	alloc_release(&a);
}
