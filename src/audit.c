/*
 * audit.c - recording the audit trail: the changes a command describes,
 * and the hash-chained entry appended for it; see audit.h.  The state
 * digest and the checks live in audit_state.c, verification in
 * audit_verify.c.
 */
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "audit.h"
#include "cmd.h"
#include "date.h"
#include "db.h"
#include "diag.h"
#include "hash.h"
#include "sbuf.h"
#include "text.h"
#include "banned.h"

/*
 * What the running command described so far: the first AUDIT_KEEP_FIRST
 * changes in `changes` (JSON objects joined by ",\n"), the last
 * AUDIT_KEEP_LAST after those in a ring, and the count of those between,
 * which the entry gives instead of their text.  A real committee's import
 * has a few hundred rows and keeps them all; a national-size one (477,000
 * rows) would have held 50 MB of notes several times over.  The summary
 * an import writes last is kept (row snapshots flushed after it could
 * push it out of the ring; no command has more than 16 of them).
 */
#define AUDIT_KEEP_FIRST 5000
#define AUDIT_KEEP_LAST 16
static struct sbuf changes = SBUF_INIT;
static size_t nchanges;			/* described so far, all of them */
static char *last_changes[AUDIT_KEEP_LAST];	/* ring: change k at [k % AUDIT_KEEP_LAST] */
/*
 * The rows the entry is about, as (table, id) pairs: 16 bytes each, since
 * an import names every candidacy it adds (477,000 at national size).
 * Table names are interned in subject_tables (a command names a few).
 */
struct subject {
	size_t table;		/* index into subject_tables */
	long long id;
};
static struct subject *subjects;
static size_t nsubjects, asubjects;
static char **subject_tables;
static size_t nsubject_tables;

/* A row snapshotted by ctx_row_before(), compared when the command ends. */
struct snap {
	char *table;
	long long id;
	int found;
	int ncols;
	char **names;
	char **values;		/* NULL for SQL NULL */
	struct snap *next;
};
static struct snap *snaps;

char *audit_safe_text(const char *s)
{
	struct sbuf sb = SBUF_INIT;
	size_t len = s ? strlen(s) : 0, i = 0;

	while (i < len) {
		size_t bad, n = len - i;

		if (text_utf8_valid(s + i, n, &bad)) {
			sbuf_add(&sb, s + i, n);
			break;
		}
		sbuf_add(&sb, s + i, bad);
		sbuf_addf(&sb, "\\x%02X", (unsigned char)s[i + bad]);
		i += bad + 1;
	}
	return sbuf_detach(&sb, NULL);
}

static void add_json(struct sbuf *sb, const char *s)
{
	char *safe;

	if (!s) {
		sbuf_addstr(sb, "null");
		return;
	}
	safe = audit_safe_text(s);
	sbuf_add_json(sb, safe);
	free(safe);
}

/* Keep one change (a JSON object; taken over) as the comment on `changes` says. */
static void keep_change(struct sbuf *item)
{
	size_t k = nchanges++;

	if (k < AUDIT_KEEP_FIRST) {
		if (changes.len)
			sbuf_addstr(&changes, ",\n");
		sbuf_add(&changes, item->buf, item->len);
		sbuf_release(item);
		return;
	}
	free(last_changes[k % AUDIT_KEEP_LAST]);
	last_changes[k % AUDIT_KEEP_LAST] = sbuf_detach(item, NULL);
}

/* All kept changes as a JSON array into out, with a note for those left out. */
static void changes_json(struct sbuf *out)
{
	size_t later = nchanges > AUDIT_KEEP_FIRST ? nchanges - AUDIT_KEEP_FIRST : 0;
	size_t ring = later < AUDIT_KEEP_LAST ? later : AUDIT_KEEP_LAST;

	sbuf_addch(out, '[');
	sbuf_add(out, changes.buf, changes.len);
	if (later > ring) {
		struct sbuf msg = SBUF_INIT;

		sbuf_addf(&msg, "%zu thay đổi tiếp theo không ghi chi tiết (mỗi mục ghi %d thay đổi đầu và %d "
			  "thay đổi cuối)", later - ring, AUDIT_KEEP_FIRST, AUDIT_KEEP_LAST);
		sbuf_addstr(out, ",\n{\"note\": ");
		add_json(out, msg.buf);
		sbuf_addch(out, '}');
		sbuf_release(&msg);
	}
	for (size_t k = nchanges - ring; k < nchanges; k++) {
		sbuf_addstr(out, ",\n");
		sbuf_addstr(out, last_changes[k % AUDIT_KEEP_LAST]);
	}
	sbuf_addch(out, ']');
}

void ctx_change(struct ctx *ctx, const char *fmt, ...)
{
	struct sbuf msg = SBUF_INIT, item = SBUF_INIT;
	va_list ap;

	(void)ctx;
	va_start(ap, fmt);
	sbuf_vaddf(&msg, fmt, ap);
	va_end(ap);
	sbuf_addstr(&item, "{\"note\": ");
	add_json(&item, msg.buf);
	sbuf_addch(&item, '}');
	sbuf_release(&msg);
	keep_change(&item);
}

void ctx_subject(struct ctx *ctx, const char *table, long long id)
{
	size_t t;

	(void)ctx;
	for (t = 0; t < nsubject_tables && strcmp(subject_tables[t], table); t++)
		;
	if (t == nsubject_tables) {
		subject_tables = xrealloc(subject_tables, (nsubject_tables + 1) * sizeof(*subject_tables));
		subject_tables[nsubject_tables++] = xstrdup(table);
	}
	/* Repeats are dropped when the entry is written (sorted then): a check here made an import quadratic. */
	if (nsubjects && subjects[nsubjects - 1].table == t && subjects[nsubjects - 1].id == id)
		return;
	if (nsubjects == asubjects) {
		asubjects = asubjects ? 2 * asubjects : 16;
		subjects = xrealloc(subjects, asubjects * sizeof(*subjects));
	}
	subjects[nsubjects].table = t;
	subjects[nsubjects].id = id;
	nsubjects++;
}

void ctx_change_row(struct ctx *ctx, const char *table, long long id, const char *field,
		    const char *before, const char *after)
{
	struct sbuf item = SBUF_INIT;

	sbuf_addstr(&item, "{\"table\": ");
	add_json(&item, table);
	sbuf_addf(&item, ", \"id\": %lld, \"field\": ", id);
	add_json(&item, field);
	sbuf_addstr(&item, ", \"before\": ");
	add_json(&item, before);
	sbuf_addstr(&item, ", \"after\": ");
	add_json(&item, after);
	sbuf_addch(&item, '}');
	keep_change(&item);
	ctx_subject(ctx, table, id);
}

static void snap_free(struct snap *s)
{
	for (int i = 0; i < s->ncols; i++) {
		free(s->names[i]);
		free(s->values[i]);
	}
	free(s->names);
	free(s->values);
	free(s->table);
	free(s);
}

/* Read row `id` of `table`; s->found says whether it exists. */
static int snap_read(sqlite3 *db, const char *table, long long id, struct snap *s)
{
	struct sbuf sql = SBUF_INIT;
	sqlite3_stmt *st;
	int rc;

	memset(s, 0, sizeof(*s));
	s->table = xstrdup(table);
	s->id = id;
	/* The table name comes from the code, never from input; quoted all the same. */
	sbuf_addstr(&sql, "SELECT * FROM \"");
	for (const char *p = table; *p; p++) {
		if (*p == '"')
			sbuf_addch(&sql, '"');
		sbuf_addch(&sql, *p);
	}
	sbuf_addstr(&sql, "\" WHERE rowid = ?");
	st = db_prepare(db, sql.buf);
	sbuf_release(&sql);
	if (!st)
		return -1;
	db_bind_int(st, 1, id);
	rc = sqlite3_step(st);
	s->ncols = sqlite3_column_count(st);
	s->names = xcalloc((size_t)s->ncols + 1, sizeof(char *));
	s->values = xcalloc((size_t)s->ncols + 1, sizeof(char *));
	for (int i = 0; i < s->ncols; i++)
		s->names[i] = xstrdup(sqlite3_column_name(st, i));
	if (rc == SQLITE_ROW) {
		s->found = 1;
		for (int i = 0; i < s->ncols; i++) {
			int type = sqlite3_column_type(st, i);
			if (type == SQLITE_NULL || type == SQLITE_BLOB)
				continue;
			s->values[i] = xstrdup(db_col_text(st, i));
		}
		rc = SQLITE_DONE;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return error("lỗi cơ sở dữ liệu khi đọc bảng '%s': %s", table, db_msg(db));
	return 0;
}

static int same(const char *a, const char *b)
{
	return (!a && !b) || (a && b && !strcmp(a, b));
}

/* Record what differs between `before` (may be NULL: an insert) and now. */
static int snap_compare(struct ctx *ctx, sqlite3 *db, const char *table, long long id, const struct snap *before)
{
	struct snap *now = xmalloc(sizeof(*now));
	int rc = snap_read(db, table, id, now);

	if (rc == 0) {
		for (int i = 0; i < now->ncols; i++) {
			const char *b = before && i < before->ncols ? before->values[i] : NULL;
			if (!same(b, now->values[i]))
				ctx_change_row(ctx, table, id, now->names[i], b, now->values[i]);
		}
		if (!now->found && (!before || !before->found))
			ctx_subject(ctx, table, id);
	}
	snap_free(now);
	return rc;
}

int ctx_row_before(struct ctx *ctx, const char *table, long long id)
{
	struct snap *s = xmalloc(sizeof(*s));

	if (snap_read(ctx->db, table, id, s) < 0) {
		snap_free(s);
		return -1;
	}
	s->next = snaps;
	snaps = s;
	return 0;
}

int ctx_row_after(struct ctx *ctx, const char *table, long long id)
{
	struct snap **pp, *before = NULL;
	int rc;

	for (pp = &snaps; *pp; pp = &(*pp)->next) {
		if ((*pp)->id == id && !strcmp((*pp)->table, table)) {
			before = *pp;
			*pp = before->next;
			break;
		}
	}
	rc = snap_compare(ctx, ctx->db, table, id, before);
	if (before)
		snap_free(before);
	return rc;
}

/* Compare the rows still waiting for their "after", oldest first. */
static int flush_snaps(struct ctx *ctx)
{
	int rc = 0;

	while (snaps && rc == 0) {
		struct snap *last = snaps;
		while (last->next)
			last = last->next;
		rc = ctx_row_after(ctx, last->table, last->id);
	}
	return rc;
}

void audit_reset(void)
{
	sbuf_release(&changes);
	for (size_t k = 0; k < AUDIT_KEEP_LAST; k++) {
		free(last_changes[k]);
		last_changes[k] = NULL;
	}
	nchanges = 0;
	free(subjects);
	subjects = NULL;
	nsubjects = asubjects = 0;
	for (size_t t = 0; t < nsubject_tables; t++)
		free(subject_tables[t]);
	free(subject_tables);
	subject_tables = NULL;
	nsubject_tables = 0;
	while (snaps) {
		struct snap *next = snaps->next;
		snap_free(snaps);
		snaps = next;
	}
	audit_state_forget();
}

static const char *os_user(void)
{
	struct passwd *pw = getpwuid(geteuid());
	const char *u = pw ? pw->pw_name : getenv("USER");
	return u && *u ? u : "?";
}

int audit_time_valid(const char *s)
{
	static const char shape[] = "dddd-dd-ddTdd:dd:dd+dd:dd";
	int y, mo, d, h, mi, sec, zh, zm;

	if (!s || strlen(s) != sizeof(shape) - 1)
		return 0;
	for (size_t i = 0; shape[i]; i++) {
		if (shape[i] == 'd' ? !(s[i] >= '0' && s[i] <= '9')
				    : shape[i] == '+' ? s[i] != '+' && s[i] != '-' : s[i] != shape[i])
			return 0;
	}
	if (sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2d", &y, &mo, &d, &h, &mi, &sec) != 6 ||
	    sscanf(s + 20, "%2d:%2d", &zh, &zm) != 2)
		return 0;
	return date_is_valid(y, mo, d) && h < 24 && mi < 60 && sec < 61 && zh <= 14 && zm < 60;
}

/* Now, local time with its offset: 2026-01-05T08:30:00+07:00.
 * $HIEPTHUONG_NOW replaces the clock, for reproducible tests; it must
 * have that shape.  0, or -1 after reporting. */
int audit_now_text(char *buf, size_t len)
{
	const char *fixed = getenv("HIEPTHUONG_NOW");
	time_t t = time(NULL);
	struct tm tm;
	char z[8];

	if (fixed && *fixed) {
		if (!audit_time_valid(fixed))
			return error("biến HIEPTHUONG_NOW '%s' không phải thời điểm dạng 2026-01-05T08:30:00+07:00; "
				     "bỏ biến này để dùng đồng hồ máy", fixed);
		snprintf(buf, len, "%s", fixed);
		return 0;
	}
	if (!localtime_r(&t, &tm) || !strftime(buf, len, "%Y-%m-%dT%H:%M:%S", &tm) ||
	    !strftime(z, sizeof(z), "%z", &tm) || strlen(z) != 5)
		return error("không đọc được giờ của máy");
	snprintf(buf + strlen(buf), len - strlen(buf), "%.3s:%.2s", z, z + 3);
	return 0;
}

/* Subjects in the order of the table's name, then of the id. */
static int cmp_subject(const void *a, const void *b)
{
	const struct subject *x = a, *y = b;
	int c = x->table == y->table ? 0 : strcmp(subject_tables[x->table], subject_tables[y->table]);

	if (c)
		return c;
	return (x->id > y->id) - (x->id < y->id);
}

void audit_entry_hash(const char *prev_hash, long long id, const char *at, const char *operator,
		      const char *command, const char *subj, const char *chg, const char *state,
		      char hex[HASH_HEX_LEN + 1])
{
	struct hash *h = hash_new();
	char idbuf[32];
	const char *fields[7];

	snprintf(idbuf, sizeof(idbuf), "%lld", id);
	fields[0] = prev_hash;
	fields[1] = idbuf;
	fields[2] = at;
	fields[3] = operator;
	fields[4] = command;
	fields[5] = subj;
	fields[6] = chg;
	hash_addstr(h, "hiepthuong-audit-1\n");
	for (int i = 0; i < 7; i++)
		hash_add_field(h, fields[i] ? fields[i] : "", fields[i] ? strlen(fields[i]) : 0);
	hash_add_field(h, state ? state : "", state ? strlen(state) : 0);
	hash_end_hex(h, hex);
}

static int write_head(sqlite3 *db, long long entries, long long last_id, const char *hash,
		      const struct audit_state *s)
{
	sqlite3_stmt *st = db_prepare(db, "INSERT OR REPLACE INTO audit_head(id, entries, last_id, hash, state, tables) "
					  "VALUES (1, ?, ?, ?, ?, ?)");
	int rc;

	if (!st)
		return -1;
	db_bind_int(st, 1, entries);
	db_bind_int(st, 2, last_id);
	db_bind_text(st, 3, hash);
	db_bind_text(st, 4, s->digest);
	db_bind_text(st, 5, s->tables);
	rc = db_step_done(db, st, "ghi đầu chuỗi nhật ký");
	sqlite3_finalize(st);
	return rc;
}

int audit_append(sqlite3 *db, const char *operator, const char *command)
{
	struct audit_head head;
	struct audit_state state;
	struct sbuf subj = SBUF_INIT, chg = SBUF_INIT;
	char at[64], hash[HASH_HEX_LEN + 1];
	char *op = audit_safe_text(operator), *cmd = audit_safe_text(command);
	const char *prev = AUDIT_GENESIS;
	long long id = 1, entries = 0;
	sqlite3_stmt *st = NULL;
	int have, rc = -1;

	memset(&state, 0, sizeof(state));
	have = audit_head_read(db, &head);
	if (have < 0)
		goto out;
	if (have) {
		prev = head.hash;
		id = head.last_id + 1;
		entries = head.entries;
	}
	if (nsubjects)
		qsort(subjects, nsubjects, sizeof(*subjects), cmp_subject);
	for (size_t i = 0; i < nsubjects; i++) {
		if (i && subjects[i].table == subjects[i - 1].table && subjects[i].id == subjects[i - 1].id)
			continue;
		if (i)
			sbuf_addch(&subj, ' ');
		sbuf_addf(&subj, "%s:%lld", subject_tables[subjects[i].table], subjects[i].id);
	}
	changes_json(&chg);
	if (audit_state(db, &state) < 0)
		goto out;
	if (audit_now_text(at, sizeof(at)) < 0)
		goto out;
	audit_entry_hash(prev, id, at, op, cmd, subj.buf, chg.buf, state.digest, hash);

	st = db_prepare(db, "INSERT INTO audit(id, at, operator, command, changes, subjects, state, prev_hash, hash) "
			    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
	if (!st)
		goto out;
	db_bind_int(st, 1, id);
	db_bind_text(st, 2, at);
	db_bind_text(st, 3, op);
	db_bind_text(st, 4, cmd);
	db_bind_text(st, 5, chg.buf);
	db_bind_text(st, 6, subj.buf);
	db_bind_text(st, 7, state.digest);
	db_bind_text(st, 8, prev);
	db_bind_text(st, 9, hash);
	if (db_step_done(db, st, "ghi nhật ký") < 0 || write_head(db, entries + 1, id, hash, &state) < 0)
		goto out;
	rc = 0;
out:
	sqlite3_finalize(st);
	if (have > 0)
		audit_head_release(&head);
	audit_state_release(&state);
	sbuf_release(&subj);
	sbuf_release(&chg);
	free(op);
	free(cmd);
	audit_reset();
	return rc;
}

int audit_record(struct ctx *ctx)
{
	if (flush_snaps(ctx) < 0) {
		audit_reset();
		return -1;
	}
	return audit_append(ctx->db, ctx->by ? ctx->by : os_user(), ctx->cmdline ? ctx->cmdline : "?");
}
