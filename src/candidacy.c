/* candidacy.c - candidacies and their history; see candidacy.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "candidacy.h"
#include "date.h"
#include "db.h"
#include "diag.h"
#include "sbuf.h"
#include "stage.h"
#include "text.h"
#include "banned.h"

/* The stage vocabulary is stages.h's. */
const struct stage_def stage_defs[] = {
#define STAGE(id, key, label, list) { key, label },
#include "stages.h"
#undef STAGE
};
const int nstage_defs = (int)(sizeof(stage_defs) / sizeof(stage_defs[0]));

const struct stage_def *stage_find(const char *s)
{
	for (int i = 0; s && i < nstage_defs; i++)
		if (text_equal_fold(stage_defs[i].key, s) || text_equal_fold(stage_defs[i].label, s))
			return &stage_defs[i];
	return NULL;
}

const char *stage_label(const char *key)
{
	for (int i = 0; i < nstage_defs; i++)
		if (!strcmp(stage_defs[i].key, key))
			return stage_defs[i].label;
	return key;
}

static const struct {
	const char *key, *label;
	const char *aliases[4];
} sources[] = {
	{ "unit", "cơ quan, tổ chức, đơn vị giới thiệu", { "đơn vị", "cơ quan, tổ chức, đơn vị", "được giới thiệu", NULL } },
	{ "thon", "thôn, tổ dân phố giới thiệu", { "thôn", "tổ dân phố", "thôn, tổ dân phố", NULL } },
	{ "self", "tự ứng cử", { "tự ứng cử", "TƯC", NULL } },
};

const char *source_parse(const char *s)
{
	/* Asked for every imported row: the loose key of s once, compared
	 * with the keys of the words, folded once (issue 8). */
	static char *keys[sizeof(sources) / sizeof(sources[0])][6];	/* reachable until exit */
	const char *found = NULL;
	char *k;

	if (!s || !(k = text_loose_key(s)))
		return NULL;
	for (size_t i = 0; !found && i < sizeof(sources) / sizeof(sources[0]); i++) {
		const char *words[6] = { sources[i].key, sources[i].label };

		for (int j = 0; sources[i].aliases[j]; j++)
			words[2 + j] = sources[i].aliases[j];
		for (int j = 0; !found && words[j]; j++) {
			if (!keys[i][j])
				keys[i][j] = text_loose_key(words[j]);
			if (!strcmp(keys[i][j], k))
				found = sources[i].key;
		}
	}
	free(k);
	return found;
}

const char *source_label(const char *key)
{
	for (size_t i = 0; i < sizeof(sources) / sizeof(sources[0]); i++)
		if (!strcmp(sources[i].key, key))
			return sources[i].label;
	return key;
}

void candidacy_release(struct candidacy *c)
{
	free(c->source);
	free(c->dossier_at);
	free(c->stage);
	free(c->status);
	free(c->note);
	memset(c, 0, sizeof(*c));
}

static char *col_or_null(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL ? NULL : xstrdup(db_col_text(st, i));
}

int candidacy_get(sqlite3 *db, long long person_id, long long body_id, struct candidacy *c)
{
	sqlite3_stmt *st = db_prepare_cached(db, "SELECT id, coalesce(unit_id, 0), source, dossier_at, stage, status, note "
					  "FROM candidacy WHERE person_id = ? AND body_id = ?");
	int found = 0;

	memset(c, 0, sizeof(*c));
	if (!st)
		return -1;
	db_bind_int(st, 1, person_id);
	db_bind_int(st, 2, body_id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		c->id = sqlite3_column_int64(st, 0);
		c->person_id = person_id;
		c->body_id = body_id;
		c->unit_id = sqlite3_column_int64(st, 1);
		c->source = col_or_null(st, 2);
		c->dossier_at = col_or_null(st, 3);
		c->stage = col_or_null(st, 4);
		c->status = col_or_null(st, 5);
		c->note = col_or_null(st, 6);
		found = 1;
	}
	sqlite3_reset(st);
	return found;
}

int candidacy_event(sqlite3 *db, long long candidacy_id, const char *stage, const char *decision,
		    const char *note)
{
	/* The one writer of history rows is stage_event() (below). */
	return stage_event(db, candidacy_id, stage, decision, NULL, note, 0);
}

int candidacy_insert(sqlite3 *db, struct candidacy *c, const char *unit_name)
{
	sqlite3_stmt *st = db_prepare_cached(db, "INSERT INTO candidacy(person_id, body_id, source, unit_id, dossier_at, stage, "
					  "note) VALUES (?, ?, ?, ?, ?, ?, ?)");
	struct sbuf note = SBUF_INIT;
	int rc;

	if (!st)
		return -1;
	db_bind_int(st, 1, c->person_id);
	db_bind_int(st, 2, c->body_id);
	db_bind_text(st, 3, c->source);
	if (c->unit_id)
		db_bind_int(st, 4, c->unit_id);
	else
		sqlite3_bind_null(st, 4);
	db_bind_text_or_null(st, 5, c->dossier_at);
	db_bind_text(st, 6, c->stage ? c->stage : "nominated");
	db_bind_text_or_null(st, 7, c->note);
	rc = db_step_done(db, st, "thêm người ứng cử");
	sqlite3_reset(st);
	if (rc < 0)
		return -1;
	c->id = sqlite3_last_insert_rowid(db);
	if (!strcmp(c->source, "self"))
		sbuf_addstr(&note, "tự ứng cử");
	else
		sbuf_addf(&note, "%s giới thiệu", unit_name ? unit_name : "?");
	rc = candidacy_event(db, c->id, c->stage ? c->stage : "nominated", "in", note.buf);
	sbuf_release(&note);
	return rc;
}

int candidacy_update(sqlite3 *db, const struct candidacy *c, const char *what)
{
	sqlite3_stmt *st = db_prepare_cached(db, "UPDATE candidacy SET source = ?, unit_id = ?, dossier_at = ?, note = ? "
					  "WHERE id = ?");
	int rc;

	if (!st)
		return -1;
	db_bind_text(st, 1, c->source);
	if (c->unit_id)
		db_bind_int(st, 2, c->unit_id);
	else
		sqlite3_bind_null(st, 2);
	db_bind_text_or_null(st, 3, c->dossier_at);
	db_bind_text_or_null(st, 4, c->note);
	db_bind_int(st, 5, c->id);
	rc = db_step_done(db, st, "sửa thông tin ứng cử");
	sqlite3_reset(st);
	if (rc < 0)
		return -1;
	return candidacy_event(db, c->id, c->stage, "correction", what);
}

/* "HH:MM", "HH:MM:SS" (seconds dropped), "HHhMM", "HHh", "HH giờ MM". */
static int parse_time(const char *s, int *h, int *m)
{
	int n = 0;

	*h = *m = 0;
	while (*s >= '0' && *s <= '9' && n < 3)
		*h = *h * 10 + (*s++ - '0'), n++;
	if (!n || n > 2)
		return -1;
	if (*s == ':' || *s == 'h' || *s == 'H') {
		s++;
	} else if (!strncmp(s, " giờ", strlen(" giờ"))) {
		s += strlen(" giờ");
		while (*s == ' ')
			s++;
	} else {
		return -1;
	}
	n = 0;
	while (*s >= '0' && *s <= '9' && n < 3)
		*m = *m * 10 + (*s++ - '0'), n++;
	if (n == 1 || n > 2)
		return -1;
	if (*s == ':' && n == 2 && s[1] >= '0' && s[1] <= '5' && s[2] >= '0' && s[2] <= '9' && !s[3])
		s += 3;
	if (*s && strcmp(s, " phút"))
		return -1;
	return *h <= 23 && *m <= 59 ? 0 : -1;
}

int dossier_parse(const char *s, char *out, size_t len, char *err, size_t errlen)
{
	/* The date and the time are apart by a space, or by ISO 8601's 'T'
	 * ("2026-01-10T09:00", as other programs write it). */
	const char *sp = strchr(s, ' ');
	char datepart[32], why[128], iso[16];
	struct date d;
	int h, m;

	if (!sp && strlen(s) > 10 && s[10] == 'T' && s[4] == '-')
		sp = s + 10;
	snprintf(datepart, sizeof(datepart), "%.*s", sp ? (int)(sp - s) : (int)strlen(s), s);
	if (date_parse(datepart, DATE_FULL, &d, why, sizeof(why)) < 0) {
		snprintf(err, errlen, "thời điểm nhận hồ sơ '%s': %s", s, why);
		return -1;
	}
	date_iso(d, iso, sizeof(iso));
	if (!sp) {
		snprintf(out, len, "%s", iso);
		return 0;
	}
	if (parse_time(sp + 1, &h, &m) < 0) {
		snprintf(err, errlen, "thời điểm nhận hồ sơ '%s': giờ không hợp lệ (ghi dd/mm/yyyy HH:MM, ví dụ "
				      "20/01/2026 16:30)", s);
		return -1;
	}
	snprintf(out, len, "%s %02d:%02d", iso, h, m);
	return 0;
}

char *dossier_display(const char *stored)
{
	char why[128], vn[16], datepart[16];
	struct date d;

	if (!stored || !*stored)
		return xstrdup("");
	snprintf(datepart, sizeof(datepart), "%.10s", stored);
	if (date_parse(datepart, DATE_FULL, &d, why, sizeof(why)) < 0)
		return xstrdup(stored);
	date_vn(d, vn, sizeof(vn));
	if (strlen(stored) > 10) {
		struct sbuf sb = SBUF_INIT;
		sbuf_addf(&sb, "%s%s", vn, stored + 10);
		return sbuf_detach(&sb, NULL);
	}
	return xstrdup(vn);
}

int nomination_resolve(sqlite3 *db, const struct body_ref *b, const char *unit_s, const char *source_s,
		       struct unit_row *u, const char **source, int *bad, char *err, size_t errlen)
{
	const char *want = NULL, *as_source;
	int r;

	memset(u, 0, sizeof(*u));
	*bad = 1;
	if (source_s && *source_s && !(want = source_parse(source_s))) {
		snprintf(err, errlen, "nguồn giới thiệu '%s' không hợp lệ (ghi 'đơn vị', 'thôn' hoặc 'tự ứng cử')",
			 source_s);
		return -1;
	}
	*bad = 0;
	if (unit_s && *unit_s && (as_source = source_parse(unit_s)) && !strcmp(as_source, "self")) {
		if (want && strcmp(want, "self")) {
			*bad = 1;
			snprintf(err, errlen, "nguồn '%s' mâu thuẫn với 'tự ứng cử' ở cột đơn vị", source_s);
			return -1;
		}
		unit_s = NULL;
		want = "self";
	}
	if (want && !strcmp(want, "self")) {
		if (unit_s && *unit_s) {
			snprintf(err, errlen, "người tự ứng cử không có đơn vị giới thiệu ('%s')", unit_s);
			return -1;
		}
		*source = "self";
		return 0;
	}
	if (!unit_s || !*unit_s) {
		snprintf(err, errlen, "thiếu đơn vị giới thiệu (ghi 'Tự ứng cử' nếu là người tự ứng cử)");
		return -1;
	}
	r = unit_find(db, b->id, unit_s, u);
	if (r != 1) {
		if (r == 2)
			snprintf(err, errlen, "tên '%s' trùng ở nhiều đơn vị; dùng mã đơn vị", unit_s);
		else
			snprintf(err, errlen, "không có đơn vị '%s' giới thiệu cho '%s' trong sổ (xem 'hiepthuong unit "
					      "list')", unit_s, b->code);
		return -1;
	}
	*source = !strcmp(u->kind, "thon") ? "thon" : "unit";
	if (want && strcmp(want, *source)) {
		*bad = 1;
		snprintf(err, errlen, "đơn vị '%s' là %s, không phải %s", u->code, unit_kind_label(u->kind),
			 source_label(want));
		unit_row_release(u);
		return -1;
	}
	return 0;
}

int candidacy_enter(sqlite3 *db, const struct book_info *bi, struct person *p, struct candidacy *c,
		    const char *unit_name, int *matched, struct candidacy *existing)
{
	char *full = person_full_name(p);
	long long id = 0;
	int r = person_find(db, full, p->v[PF_DOB], &id);

	free(full);
	memset(existing, 0, sizeof(*existing));
	*matched = r == 1;
	if (r < 0)
		return -1;
	if (*matched) {
		p->id = id;
		r = candidacy_get(db, id, c->body_id, existing);
		if (r != 0)
			return r < 0 ? -1 : 1;
	} else if (person_insert(db, bi, p) < 0) {
		return -1;
	}
	c->person_id = p->id;
	return candidacy_insert(db, c, unit_name);
}

/* stage_event() lives here, below stage.c, so that the candidacy rows and
 * their history are written by one module (stage.c calls it, not the
 * reverse: issue 13 §3). */
int stage_event(sqlite3 *db, long long cand, const char *stage, const char *decision, const char *reason,
		const char *note, long long conference_id)
{
	sqlite3_stmt *st = db_prepare_cached(db, "INSERT INTO candidacy_event(candidacy_id, at, entered, stage, decision, "
					  "reason, note, conference_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
	char at[32] = "", today[32];
	int rc;

	if (!st)
		return -1;
	/* The day it was entered: today as the book sees it ($HIEPTHUONG_TODAY
	 * honoured); the audit trail keeps the wall-clock time. */
	if (book_today_iso(today, sizeof(today)) < 0)
		return -1;
	/* When it happened: the deciding conference's day; for a candidacy
	 * just made (no conference), the day its dossier was received; else
	 * the day it is entered. */
	if (conference_id) {
		sqlite3_stmt *c = db_prepare_cached(db, "SELECT held_on FROM conference WHERE id = ?");
		if (c) {
			db_bind_int(c, 1, conference_id);
			if (sqlite3_step(c) == SQLITE_ROW)
				snprintf(at, sizeof(at), "%s", db_col_text(c, 0));
			sqlite3_reset(c);
		}
	} else if (!strcmp(stage, "proposed") || !strcmp(stage, "nominated")) {
		sqlite3_stmt *c = db_prepare_cached(db, "SELECT substr(dossier_at, 1, 10) FROM candidacy WHERE id = ? "
						  "AND dossier_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "
						  "candidacy_event WHERE candidacy_id = ?1)");
		if (c) {
			db_bind_int(c, 1, cand);
			if (sqlite3_step(c) == SQLITE_ROW)
				snprintf(at, sizeof(at), "%s", db_col_text(c, 0));
			sqlite3_reset(c);
		}
	}
	if (!*at)
		snprintf(at, sizeof(at), "%s", today);
	db_bind_int(st, 1, cand);
	db_bind_text(st, 2, at);
	db_bind_text(st, 3, today);
	db_bind_text(st, 4, stage);
	db_bind_text(st, 5, decision);
	db_bind_text_or_null(st, 6, reason);
	db_bind_text_or_null(st, 7, note);
	if (conference_id)
		db_bind_int(st, 8, conference_id);
	rc = db_step_done(db, st, "ghi lịch sử người ứng cử");
	sqlite3_reset(st);
	return rc;
}
