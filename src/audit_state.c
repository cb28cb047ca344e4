/*
 * audit_state.c - the digest of the book's data that every audit entry
 * records, the chain's head, and the check made before a writing command
 * that nobody changed the book behind the tool's back; see audit.h for
 * the encoding.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "audit.h"
#include "db.h"
#include "diag.h"
#include "hash.h"
#include "sbuf.h"
#include "banned.h"

static int cmp_digest(const void *a, const void *b)
{
	return memcmp(a, b, HASH_LEN);
}

/* The digest of the rows `st` returns, with its column names. */
static int table_digest(sqlite3 *db, const char *name, sqlite3_stmt *st, char hex[HASH_HEX_LEN + 1])
{
	unsigned char *rows = NULL;
	size_t nrows = 0, arows = 0;
	int ncols = sqlite3_column_count(st), rc;
	struct hash *t;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct hash *h = hash_new();

		for (int i = 0; i < ncols; i++) {
			char num[40];
			const void *v = "";
			size_t len = 0;
			char tag;

			switch (sqlite3_column_type(st, i)) {
			case SQLITE_INTEGER:
				tag = 'i';
				len = (size_t)snprintf(num, sizeof(num), "%lld", (long long)sqlite3_column_int64(st, i));
				v = num;
				break;
			case SQLITE_FLOAT:
				tag = 'r';
				len = (size_t)snprintf(num, sizeof(num), "%.17g", sqlite3_column_double(st, i));
				v = num;
				break;
			case SQLITE_TEXT:
				tag = 't';
				v = sqlite3_column_text(st, i);
				len = (size_t)sqlite3_column_bytes(st, i);
				break;
			case SQLITE_BLOB:
				tag = 'b';
				v = sqlite3_column_blob(st, i);
				len = (size_t)sqlite3_column_bytes(st, i);
				break;
			default:
				tag = 'n';
				break;
			}
			hash_add(h, &tag, 1);
			hash_add_field(h, v ? v : "", v ? len : 0);
		}
		if (nrows == arows) {
			arows = arows ? 2 * arows : 64;
			rows = xrealloc(rows, arows * HASH_LEN);
		}
		hash_end(h, rows + nrows * HASH_LEN);
		nrows++;
	}
	if (rc != SQLITE_DONE) {
		free(rows);
		return error("không đọc được bảng '%s' của sổ: %s", name, sqlite3_errmsg(db));
	}
	if (nrows)
		qsort(rows, nrows, HASH_LEN, cmp_digest);
	t = hash_new();
	hash_add_field(t, name, strlen(name));
	for (int i = 0; i < ncols; i++) {
		const char *c = sqlite3_column_name(st, i);
		hash_add_field(t, c, strlen(c));
	}
	hash_add_field(t, "", 0);
	if (nrows)
		hash_add(t, rows, nrows * HASH_LEN);
	hash_end_hex(t, hex);
	free(rows);
	return 0;
}

static int covered(const char *name)
{
	return strcmp(name, "audit") && strcmp(name, "audit_head") && strncmp(name, "cache_", 6) &&
	       strncmp(name, "sqlite_", 7);
}

int audit_state(sqlite3 *db, struct audit_state *s)
{
	struct sbuf tables = SBUF_INIT;
	struct hash *all = hash_new();
	sqlite3_stmt *names = NULL, *st;
	char hex[HASH_HEX_LEN + 1];
	int rc;

	memset(s, 0, sizeof(*s));
	hash_addstr(all, "hiepthuong-state-1\n");
	st = db_prepare(db, "SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'");
	if (!st)
		goto fail;
	rc = table_digest(db, "(schema)", st, hex);
	sqlite3_finalize(st);
	if (rc < 0)
		goto fail;
	hash_add_field(all, "(schema)", 8);
	hash_add_field(all, hex, HASH_HEX_LEN);
	sbuf_addf(&tables, "(schema) %s\n", hex);

	names = db_prepare(db, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name COLLATE BINARY");
	if (!names)
		goto fail;
	while ((rc = sqlite3_step(names)) == SQLITE_ROW) {
		const char *name = db_col_text(names, 0);
		struct sbuf sql = SBUF_INIT;

		if (!covered(name))
			continue;
		/* Table names come from the schema, not from input; quoted all the same. */
		sbuf_addstr(&sql, "SELECT * FROM \"");
		for (const char *p = name; *p; p++) {
			if (*p == '"')
				sbuf_addch(&sql, '"');
			sbuf_addch(&sql, *p);
		}
		sbuf_addch(&sql, '"');
		st = db_prepare(db, sql.buf);
		sbuf_release(&sql);
		if (!st)
			goto fail;
		rc = table_digest(db, name, st, hex);
		sqlite3_finalize(st);
		if (rc < 0)
			goto fail;
		hash_add_field(all, name, strlen(name));
		hash_add_field(all, hex, HASH_HEX_LEN);
		sbuf_addf(&tables, "%s %s\n", name, hex);
	}
	if (rc != SQLITE_DONE) {
		error("không đọc được lược đồ của sổ: %s", sqlite3_errmsg(db));
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
		rc = error("không đọc được đầu chuỗi nhật ký: %s", sqlite3_errmsg(db));
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

int audit_check_untouched(sqlite3 *db, const char *path)
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
		error("sổ '%s' không có đầu chuỗi nhật ký (bảng audit_head trống): sổ đã bị sửa ngoài hiepthuong; %s",
		      path, how_to_go_on);
		return -1;
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
		error("nhật ký của sổ '%s' không khớp đầu chuỗi (mục cuối #%lld): nhật ký đã bị sửa ngoài hiepthuong; %s",
		      path, h.last_id, how_to_go_on);
		goto out;
	}
	if (audit_state(db, &s) < 0)
		goto out;
	if (strcmp(s.digest, h.state)) {
		audit_state_diff(h.tables, s.tables, &diff);
		error("dữ liệu của sổ '%s' đã bị sửa ngoài hiepthuong sau mục nhật ký #%lld (bảng %s); %s", path,
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
