/*
 * audit_state.c - the digest of the book's data that every audit entry
 * records, the chain's head, and the check made before a writing command
 * that nobody changed the book behind the tool's back; see audit.h for
 * the encoding.
 */
/* sqlite3.h declares the pre-update hook only on request; Debian's SQLite
 * is built with it (PRAGMA compile_options: ENABLE_PREUPDATE_HOOK). */
#define SQLITE_ENABLE_PREUPDATE_HOOK 1
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "audit.h"
#include "db.h"
#include "diag.h"
#include "hash.h"
#include "sbuf.h"
#include "banned.h"

/*
 * A table's rows go through one hash context, serialised into a buffer
 * that is handed to the hash 64 KiB at a time.  (Until issue 8 every row
 * had its own context and the row digests were sorted: 16 % of a candidate
 * import, and 32 bytes of memory per row of the book.)
 */
#define ROWBUF_SIZE 65536

struct rowbuf {
	struct hash *h;
	unsigned char buf[ROWBUF_SIZE];
	size_t len;
};

static void rb_flush(struct rowbuf *rb)
{
	hash_add(rb->h, rb->buf, rb->len);
	rb->len = 0;
}

static void rb_add(struct rowbuf *rb, const void *p, size_t n)
{
	if (rb->len + n > ROWBUF_SIZE) {
		rb_flush(rb);
		if (n > ROWBUF_SIZE) {
			hash_add(rb->h, p, n);
			return;
		}
	}
	memcpy(rb->buf + rb->len, p, n);
	rb->len += n;
}

/* Decimal digits of v at the end of num[24]; returns where they start. */
static char *decimal(unsigned long long v, char num[24])
{
	char *p = num + 24;

	do
		*--p = (char)('0' + v % 10);
	while (v /= 10);
	return p;
}

/* One field: the tag byte, then the netstring of v[0..len). */
static void rb_field(struct rowbuf *rb, char tag, const void *v, size_t len)
{
	char num[24], *d = decimal(len, num);
	size_t dn = (size_t)(num + 24 - d);

	if (rb->len + 1 + dn + 1 + len + 1 <= ROWBUF_SIZE) {
		unsigned char *o = rb->buf + rb->len;
		*o++ = (unsigned char)tag;
		memcpy(o, d, dn);
		o += dn;
		*o++ = ':';
		memcpy(o, v, len);
		o += len;
		*o++ = ',';
		rb->len = (size_t)(o - rb->buf);
		return;
	}
	rb_add(rb, &tag, 1);
	rb_add(rb, d, dn);
	rb_add(rb, ":", 1);
	rb_add(rb, v, len);
	rb_add(rb, ",", 1);
}

/*
 * The digest of the rows `st` returns, in its order, with its column
 * names.  With `resume` (taken over), the rows go on from that context
 * and no names are added; with `keep`, *keep is a copy of the context
 * after the last row, before it is finished.
 */
static int table_digest(sqlite3 *db, const char *name, sqlite3_stmt *st, char hex[HASH_HEX_LEN + 1],
			struct hash *resume, struct hash **keep)
{
	int ncols = sqlite3_column_count(st), rc;
	struct rowbuf *rb = xmalloc(sizeof(*rb));

	rb->len = 0;
	if (resume) {
		rb->h = resume;
	} else {
		rb->h = hash_new();
		hash_add_field(rb->h, name, strlen(name));
		for (int i = 0; i < ncols; i++) {
			const char *c = sqlite3_column_name(st, i);
			hash_add_field(rb->h, c, strlen(c));
		}
		hash_add_field(rb->h, "", 0);
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (int i = 0; i < ncols; i++) {
			char num[40], *d;
			long long v;
			int n;

			switch (sqlite3_column_type(st, i)) {
			case SQLITE_INTEGER:
				v = (long long)sqlite3_column_int64(st, i);
				d = decimal(v < 0 ? 0 - (unsigned long long)v : (unsigned long long)v, num);
				if (v < 0)
					*--d = '-';
				rb_field(rb, 'i', d, (size_t)(num + 24 - d));
				break;
			case SQLITE_FLOAT:
				n = snprintf(num, sizeof(num), "%.17g", sqlite3_column_double(st, i));
				rb_field(rb, 'r', num, (size_t)n);
				break;
			case SQLITE_TEXT: {
				const unsigned char *t = sqlite3_column_text(st, i);
				rb_field(rb, 't', t ? (const void *)t : "", t ? (size_t)sqlite3_column_bytes(st, i) : 0);
				break;
			}
			case SQLITE_BLOB: {
				const void *b = sqlite3_column_blob(st, i);
				rb_field(rb, 'b', b ? b : "", b ? (size_t)sqlite3_column_bytes(st, i) : 0);
				break;
			}
			default:
				rb_field(rb, 'n', "", 0);
				break;
			}
		}
	}
	rb_flush(rb);
	if (keep)
		*keep = rc == SQLITE_DONE ? hash_dup(rb->h) : NULL;
	hash_end_hex(rb->h, hex);
	free(rb);
	if (rc != SQLITE_DONE)
		return error("không đọc được bảng '%s' của sổ: %s", name, db_msg(db));
	return 0;
}

static void add_ident(struct sbuf *sb, const char *name)
{
	/* Names come from the schema, not from input; quoted all the same. */
	sbuf_addch(sb, '"');
	for (const char *p = name; *p; p++) {
		if (*p == '"')
			sbuf_addch(sb, '"');
		sbuf_addch(sb, *p);
	}
	sbuf_addch(sb, '"');
}

/*
 * The query that reads table `name` in its digest's order: by the primary
 * key (an INTEGER PRIMARY KEY is the rowid, which VACUUM keeps; other
 * tables are read through their key's index), then by every column, so
 * that even rows of a table without a key come in one order; all bytewise.
 * For our tables SQLite reads the table or the key's index in order and
 * sorts nothing.
 */
static sqlite3_stmt *ordered_select(sqlite3 *db, const char *name, const char *after_col, long long after)
{
	sqlite3_stmt *info = db_prepare(db, "SELECT name FROM pragma_table_info(?1, 'main') WHERE pk > 0 ORDER BY pk");
	sqlite3_stmt *all = db_prepare(db, "SELECT name FROM pragma_table_info(?1, 'main') ORDER BY cid");
	struct sbuf sql = SBUF_INIT;
	sqlite3_stmt *st = NULL;
	int n = 0;

	if (!info || !all)
		goto out;
	sbuf_addstr(&sql, "SELECT * FROM main.");
	add_ident(&sql, name);
	if (after_col) {
		sbuf_addstr(&sql, " WHERE ");
		add_ident(&sql, after_col);
		sbuf_addf(&sql, " > %lld", after);
	}
	for (int pass = 0; pass < 2; pass++) {
		sqlite3_stmt *q = pass ? all : info;
		db_bind_text(q, 1, name);
		while (sqlite3_step(q) == SQLITE_ROW) {
			sbuf_addstr(&sql, n++ ? ", " : " ORDER BY ");
			add_ident(&sql, db_col_text(q, 0));
			sbuf_addstr(&sql, " COLLATE BINARY");
		}
	}
	st = db_prepare(db, sql.buf);
out:
	sqlite3_finalize(info);
	sqlite3_finalize(all);
	sbuf_release(&sql);
	return st;
}

static int covered(const char *name)
{
	return strcmp(name, "audit") && strcmp(name, "audit_head") && strncmp(name, "cache_", 6) &&
	       strncmp(name, "sqlite_", 7);
}

/* ---- sharing work between the check before a command and the digest after */

/*
 * A writing command hashes the book twice: audit_check_untouched() before
 * it runs and audit_append() after.  Most tables do not change in between,
 * and most of those that do only gain rows at their end.  So the check
 * keeps each table's digest and, for a table read in rowid order (an
 * INTEGER PRIMARY KEY), its hash context before it was finished and its
 * largest rowid; and it watches the command's changes with SQLite's
 * pre-update hook, which sees every row the connection inserts, updates
 * or deletes in a table (triggers, foreign key actions and REPLACE
 * included; SQLite does not truncate a table in one step while the hook
 * is set).  After the command:
 *
 *   - a table without a change keeps its digest;
 *   - a table read in rowid order whose changes all concern rowids above
 *     the kept largest one goes on from the kept context with those rows
 *     (they come last in its order);
 *   - any other table is read again, and so is every table when the
 *     schema changed, another connection wrote, the transaction ended or
 *     the hook was replaced in between.
 *
 * The digest is the one audit_state() computes (test_audit.c compares
 * them after changes of every kind), and the next writing command's check
 * computes it in full anyway.
 */
struct kept_table {
	char *name;
	char hex[HASH_HEX_LEN + 1];
	struct hash *ctx;	/* before finishing; NULL when not in rowid order */
	char *key;		/* the INTEGER PRIMARY KEY's column, with ctx */
	long long max;		/* its largest value then */
	int old, added;		/* rows up to max / above it changed since */
};

static struct kept {
	sqlite3 *db;		/* NULL: nothing kept */
	long long schema_version, data_version;
	char schema_hex[HASH_HEX_LEN + 1];
	struct kept_table *t;
	size_t n, alloc;
	int unknown;		/* a covered table that was not kept changed */
} kept;

static struct kept_table *kept_find(const char *name)
{
	static size_t last;

	if (last < kept.n && !strcmp(kept.t[last].name, name))
		return &kept.t[last];
	for (size_t i = 0; i < kept.n; i++)
		if (!strcmp(kept.t[i].name, name))
			return &kept.t[last = i];
	return NULL;
}

/* The pre-update hook: which kept tables the command changes, and where. */
static void watch(void *arg, sqlite3 *db, int op, const char *schema, const char *table, sqlite3_int64 k1,
		  sqlite3_int64 k2)
{
	struct kept_table *t;
	int old;

	if (arg != &kept || db != kept.db || strcmp(schema, "main") || !covered(table))
		return;
	if (!(t = kept_find(table))) {
		kept.unknown = 1;
		return;
	}
	if (!t->ctx) {
		t->old = 1;
		return;
	}
	if (op == SQLITE_INSERT)
		old = k2 <= t->max;
	else if (op == SQLITE_DELETE)
		old = k1 <= t->max;
	else
		old = k1 <= t->max || k2 <= t->max;
	if (old)
		t->old = 1;
	else
		t->added = 1;
}

void audit_state_forget(void)
{
	for (size_t i = 0; i < kept.n; i++) {
		free(kept.t[i].name);
		free(kept.t[i].key);
		hash_free(kept.t[i].ctx);
	}
	free(kept.t);
	memset(&kept, 0, sizeof(kept));
}

static long long pragma_int(sqlite3 *db, const char *sql)
{
	return db_query_int(db, -1, sql, (const char *)NULL);
}

/*
 * The INTEGER PRIMARY KEY of table `name` (malloc'd), or NULL when the
 * table has none: a one-column key with no index of its own ('pk' in
 * index_list) is the rowid; WITHOUT ROWID tables and other keys have one.
 */
static char *rowid_key(sqlite3 *db, const char *name)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT (SELECT count(*) FROM pragma_table_info(?1, 'main') WHERE pk > 0) = 1 "
					  "AND NOT EXISTS (SELECT 1 FROM pragma_index_list(?1, 'main') WHERE origin = 'pk'), "
					  "(SELECT name FROM pragma_table_info(?1, 'main') WHERE pk > 0)");
	char *key = NULL;

	if (!st)
		return NULL;
	db_bind_text(st, 1, name);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0))
		key = xstrdup(db_col_text(st, 1));
	sqlite3_finalize(st);
	return key;
}

/* Its largest value in table `name`, or 0 when the table is empty. */
static long long key_max(sqlite3 *db, const char *name, const char *key)
{
	struct sbuf sql = SBUF_INIT;
	long long v;

	sbuf_addstr(&sql, "SELECT coalesce(max(");
	add_ident(&sql, key);
	sbuf_addstr(&sql, "), 0) FROM main.");
	add_ident(&sql, name);
	v = db_query_int(db, 0, sql.buf, (const char *)NULL);
	sbuf_release(&sql);
	return v;
}

enum state_mode { STATE_PLAIN, STATE_KEEP, STATE_REUSE };

/* One table's digest into hex, per the mode (see above). */
static int one_table(sqlite3 *db, const char *name, enum state_mode mode, char hex[HASH_HEX_LEN + 1])
{
	struct kept_table *t = mode == STATE_REUSE ? kept_find(name) : NULL;
	struct hash *resume = NULL, **keep = NULL;
	sqlite3_stmt *st;
	char *key = NULL;
	int rc;

	if (t && !t->old && !t->added) {
		memcpy(hex, t->hex, sizeof(t->hex));
		return 0;
	}
	if (t && !t->old && t->ctx) {
		resume = hash_dup(t->ctx);
		st = ordered_select(db, name, t->key, t->max);
	} else {
		if (mode == STATE_KEEP) {
			struct kept_table *k;

			if (kept.n == kept.alloc) {
				kept.alloc = kept.alloc ? 2 * kept.alloc : 32;
				kept.t = xrealloc(kept.t, kept.alloc * sizeof(*kept.t));
			}
			k = &kept.t[kept.n++];
			memset(k, 0, sizeof(*k));
			k->name = xstrdup(name);
			if ((key = rowid_key(db, name))) {
				k->key = key;
				k->max = key_max(db, name, key);
				keep = &k->ctx;
			}
		}
		st = ordered_select(db, name, NULL, 0);
	}
	if (!st) {
		hash_free(resume);
		return -1;
	}
	rc = table_digest(db, name, st, hex, resume, keep);
	sqlite3_finalize(st);
	if (mode == STATE_KEEP && rc == 0)
		memcpy(kept.t[kept.n - 1].hex, hex, HASH_HEX_LEN + 1);
	return rc;
}

static int state_compute(sqlite3 *db, struct audit_state *s, enum state_mode mode)
{
	struct sbuf tables = SBUF_INIT;
	struct hash *all = hash_new();
	sqlite3_stmt *names = NULL, *st;
	char hex[HASH_HEX_LEN + 1];
	int rc;

	memset(s, 0, sizeof(*s));
	hash_addstr(all, "hiepthuong-state-2\n");
	if (mode == STATE_REUSE) {
		memcpy(hex, kept.schema_hex, sizeof(hex));
	} else {
		st = db_prepare(db, "SELECT type, name, tbl_name, sql FROM sqlite_schema "
				    "WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name COLLATE BINARY, "
				    "type COLLATE BINARY, tbl_name COLLATE BINARY, sql COLLATE BINARY");
		if (!st)
			goto fail;
		rc = table_digest(db, "(schema)", st, hex, NULL, NULL);
		sqlite3_finalize(st);
		if (rc < 0)
			goto fail;
		if (mode == STATE_KEEP)
			memcpy(kept.schema_hex, hex, sizeof(hex));
	}
	hash_add_field(all, "(schema)", 8);
	hash_add_field(all, hex, HASH_HEX_LEN);
	sbuf_addf(&tables, "(schema) %s\n", hex);

	names = db_prepare(db, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name COLLATE BINARY");
	if (!names)
		goto fail;
	while ((rc = sqlite3_step(names)) == SQLITE_ROW) {
		const char *name = db_col_text(names, 0);

		if (!covered(name))
			continue;
		if (one_table(db, name, mode, hex) < 0)
			goto fail;
		hash_add_field(all, name, strlen(name));
		hash_add_field(all, hex, HASH_HEX_LEN);
		sbuf_addf(&tables, "%s %s\n", name, hex);
	}
	if (rc != SQLITE_DONE) {
		error("không đọc được lược đồ của sổ: %s", db_msg(db));
		goto fail;
	}
	sqlite3_finalize(names);
	hash_end_hex(all, s->digest);
	s->tables = sbuf_detach(&tables, NULL);
	return 0;
fail:
	sqlite3_finalize(names);
	hash_end_hex(all, hex);
	sbuf_release(&tables);
	return -1;
}

int audit_state_keep(sqlite3 *db, struct audit_state *s)
{
	audit_state_forget();
	if (sqlite3_get_autocommit(db))
		return state_compute(db, s, STATE_PLAIN);	/* nothing to share outside a transaction */
	kept.db = db;
	kept.schema_version = pragma_int(db, "PRAGMA schema_version");
	kept.data_version = pragma_int(db, "PRAGMA data_version");
	if (state_compute(db, s, STATE_KEEP) < 0) {
		audit_state_forget();
		return -1;
	}
	sqlite3_preupdate_hook(db, watch, &kept);
	return 0;
}

int audit_state(sqlite3 *db, struct audit_state *s)
{
	int usable = 0, rc;

	if (kept.db != db)
		return state_compute(db, s, STATE_PLAIN);
	/* the hook also tells that this is still the connection watched */
	usable = sqlite3_preupdate_hook(db, NULL, NULL) == &kept && !kept.unknown && !sqlite3_get_autocommit(db) &&
		 pragma_int(db, "PRAGMA schema_version") == kept.schema_version &&
		 pragma_int(db, "PRAGMA data_version") == kept.data_version;
	rc = state_compute(db, s, usable ? STATE_REUSE : STATE_PLAIN);
	audit_state_forget();
	return rc;
}

void audit_state_release(struct audit_state *s)
{
	free(s->tables);
	s->tables = NULL;
}

/* The digest of table `name` in a "tables" list, or NULL. */
static const char *find_table(const char *list, const char *name, size_t nlen, size_t *dlen)
{
	for (const char *p = list; p && *p;) {
		const char *sp = strchr(p, ' '), *nl = strchr(p, '\n');
		if (!nl)
			nl = p + strlen(p);
		if (sp && sp < nl && (size_t)(sp - p) == nlen && !memcmp(p, name, nlen)) {
			*dlen = (size_t)(nl - sp - 1);
			return sp + 1;
		}
		p = *nl ? nl + 1 : nl;
	}
	return NULL;
}

static void diff_one_way(const char *a, const char *b, struct sbuf *out, int only_missing)
{
	for (const char *p = a; p && *p;) {
		const char *sp = strchr(p, ' '), *nl = strchr(p, '\n'), *d;
		size_t dlen = 0;

		if (!nl)
			nl = p + strlen(p);
		if (sp && sp < nl) {
			d = find_table(b, p, (size_t)(sp - p), &dlen);
			if (only_missing ? !d
					 : (!d || dlen != (size_t)(nl - sp - 1) || memcmp(d, sp + 1, dlen))) {
				sbuf_addf(out, "%s'%.*s'", out->len ? ", " : "", (int)(sp - p), p);
			}
		}
		p = *nl ? nl + 1 : nl;
	}
}

void audit_state_diff(const char *old_tables, const char *new_tables, struct sbuf *out)
{
	/* Tables changed or added, then tables dropped. */
	diff_one_way(new_tables, old_tables, out, 0);
	diff_one_way(old_tables, new_tables, out, 1);
}

int audit_head_read(sqlite3 *db, struct audit_head *h)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT entries, last_id, hash, state, tables FROM audit_head WHERE id = 1");
	int rc;

	memset(h, 0, sizeof(*h));
	if (!st)
		return -1;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		h->entries = sqlite3_column_int64(st, 0);
		h->last_id = sqlite3_column_int64(st, 1);
		snprintf(h->hash, sizeof(h->hash), "%s", db_col_text(st, 2));
		snprintf(h->state, sizeof(h->state), "%s", db_col_text(st, 3));
		h->tables = xstrdup(db_col_text(st, 4));
		rc = 1;
	} else if (rc == SQLITE_DONE) {
		rc = 0;
	} else {
		rc = error("không đọc được đầu chuỗi nhật ký: %s", db_msg(db));
	}
	sqlite3_finalize(st);
	return rc;
}

void audit_head_release(struct audit_head *h)
{
	free(h->tables);
	h->tables = NULL;
}

static const char how_to_go_on[] =
	"kiểm tra bằng 'hiepthuong audit verify'; khi đã rõ nguyên nhân, ghi nhận bằng "
	"'hiepthuong audit accept --reason \"...\"' hoặc khôi phục bản sao lưu ('hiepthuong restore')";

/* keep: inside a writing command's transaction (audit_state_keep);
 * quiet: report nothing, put the reason in *why. */
static int check_untouched(sqlite3 *db, const char *path, int keep, struct sbuf *why);

int audit_check_untouched(sqlite3 *db, const char *path)
{
	return check_untouched(db, path, 1, NULL);
}

int audit_check_clean(sqlite3 *db, const char *path, struct sbuf *why)
{
	return check_untouched(db, path, 0, why);
}

/* error() or, when quiet, the same words into *why. */
static int say(struct sbuf *why, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int say(struct sbuf *why, const char *fmt, ...)
{
	struct sbuf msg = SBUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	sbuf_vaddf(&msg, fmt, ap);
	va_end(ap);
	if (why)
		sbuf_addstr(why, msg.buf);
	else
		error("%s", msg.buf);
	sbuf_release(&msg);
	return -1;
}

static int check_untouched(sqlite3 *db, const char *path, int keep, struct sbuf *why)
{
	struct audit_head h;
	struct audit_state s;
	struct sbuf diff = SBUF_INIT;
	int have = audit_head_read(db, &h), rc = -1;
	long long n, last;
	char *hash = NULL;

	if (have < 0)
		return -1;
	if (!have) {
		return say(why, "sổ '%s' không có đầu chuỗi nhật ký (bảng audit_head trống): sổ đã bị sửa ngoài "
			   "hiepthuong; %s", path, how_to_go_on);
	}
	n = db_query_int(db, -1, "SELECT count(*) FROM audit", (const char *)NULL);
	last = db_query_int(db, -1, "SELECT max(id) FROM audit", (const char *)NULL);
	{
		sqlite3_stmt *st = db_prepare(db, "SELECT hash FROM audit WHERE id = ?");
		if (st) {
			db_bind_int(st, 1, h.last_id);
			if (sqlite3_step(st) == SQLITE_ROW)
				hash = xstrdup(db_col_text(st, 0));
			sqlite3_finalize(st);
		}
	}
	if (n != h.entries || last != h.last_id || !hash || strcmp(hash, h.hash)) {
		say(why, "nhật ký của sổ '%s' không khớp đầu chuỗi (mục cuối #%lld): nhật ký đã bị sửa ngoài hiepthuong; %s",
		    path, h.last_id, how_to_go_on);
		goto out;
	}
	if ((keep ? audit_state_keep(db, &s) : audit_state(db, &s)) < 0)
		goto out;
	if (strcmp(s.digest, h.state)) {
		if (keep) {
			sqlite3_preupdate_hook(db, NULL, NULL);
			audit_state_forget();
		}
		audit_state_diff(h.tables, s.tables, &diff);
		say(why, "dữ liệu của sổ '%s' đã bị sửa ngoài hiepthuong sau mục nhật ký #%lld (bảng %s); %s", path,
		    h.last_id, diff.len ? diff.buf : "?", how_to_go_on);
		audit_state_release(&s);
		goto out;
	}
	audit_state_release(&s);
	rc = 0;
out:
	free(hash);
	sbuf_release(&diff);
	audit_head_release(&h);
	return rc;
}

int audit_head_rebuild(sqlite3 *db)
{
	sqlite3_stmt *st = db_prepare(db, "INSERT OR REPLACE INTO audit_head(id, entries, last_id, hash, state, tables) "
					  "SELECT 1, (SELECT count(*) FROM audit), id, hash, state, '' FROM audit "
					  "ORDER BY id DESC LIMIT 1");
	int rc;

	if (!st)
		return -1;
	rc = db_step_done(db, st, "dựng lại đầu chuỗi nhật ký");
	sqlite3_finalize(st);
	return rc;
}
