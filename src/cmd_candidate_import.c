/*
 * COMMAND: candidate import
 * USAGE:   hiepthuong candidate import TỆP [--body CƠ-QUAN] [--sheet TRANG]
 *
 * Bulk entry of nominees and self-nominees from a CSV file saved by Excel
 * or LibreOffice: one row per candidacy, with the columns of the official
 * lists (Mẫu 04/05, process.md §7.5) under their Vietnamese headers or
 * ASCII keys (docs/import.md).  Every row gets the checks of `candidate
 * add`.  All or nothing: every bad row is reported as file:row:column and a
 * file with any bad row changes nothing.
 *
 * A person already in the book, or entered by an earlier row of the same
 * file (same full name and birth date), is matched, not entered twice; the
 * import says so for each row.  That is how one person stands for two
 * bodies: two rows, one per body.  The same person twice for the same body
 * is a duplicate row; a candidacy already in the book with the same source
 * is matched, so importing a file twice is harmless.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "book.h"
#include "candidacy.h"
#include "cmd.h"
#include "db.h"
#include "diag.h"
#include "import.h"
#include "lock.h"
#include "opt.h"
#include "person.h"
#include "sbuf.h"
#include "stage.h"
#include "text.h"
#include "units.h"
#include "validate.h"
#include "banned.h"

enum {
	CC_BODY, CC_NAME, CC_PERSON,
	CC_UNIT = CC_PERSON + PF_N, CC_SOURCE, CC_DOSSIER, CC_STAGE, CC_NOTE, CC_NUMBER,
	CC_STT_ID, CC_UNIT_NAME, CC_STATUS,	/* written by candidate list; ignored */
	CC_N
};

static const char *const h_body[] = { "Cơ quan dân cử", "Ứng cử đại biểu", "Ứng cử", "Bầu cử", NULL };
static const char *const h_name[] = { "Họ và tên", "Họ tên", "Họ và tên người ứng cử", "Họ và tên khai sinh", NULL };
static const char *const h_unit[] = { "Đơn vị giới thiệu", "Cơ quan, tổ chức, đơn vị giới thiệu", "Đơn vị",
				       "Mã đơn vị", "Cơ quan, tổ chức, đơn vị", "Nơi giới thiệu", "Đơn vị giới thiệu ứng cử",
				       "Cơ quan giới thiệu", NULL };
static const char *const h_source[] = { "Nguồn giới thiệu", "Nguồn", "Hình thức ứng cử", NULL };
static const char *const h_dossier[] = { "Thời điểm nhận hồ sơ", "Nhận hồ sơ", "Ngày nhận hồ sơ", "Ngày nộp hồ sơ",
					  NULL };
static const char *const h_stage[] = { "Bước", NULL };
static const char *const h_note[] = { "Ghi chú", NULL };
static const char *const h_number[] = { "Mã ứng cử", "Số ứng cử", NULL };
static const char *const h_none[] = { NULL };

static struct import_col cols[CC_N] = {
	[CC_BODY] = { "body", h_body, 0 },
	[CC_NAME] = { "name", h_name, 0 },
	/* CC_PERSON.. from person_fields */
	[CC_UNIT] = { "unit", h_unit, 0 },
	[CC_SOURCE] = { "source", h_source, 0 },
	[CC_DOSSIER] = { "dossier_at", h_dossier, 0 },
	[CC_STAGE] = { "stage", h_stage, 0 },
	[CC_NOTE] = { "note", h_note, 0 },
	[CC_NUMBER] = { "number", h_number, 0 },
	[CC_STT_ID] = { "person_id", h_none, 0 },
	[CC_UNIT_NAME] = { "unit_name", h_none, 0 },
	[CC_STATUS] = { "status", h_none, 0 },
};

/* Ids with the rows that wrote them, ascending by id (new records get
 * growing ids), so that looking one up is a binary search: an import of
 * n rows must not cost n * n. */
struct idrows {
	long long *id;
	long *row;
	size_t n, alloc;
};

struct run {
	struct ctx *ctx;
	struct import *im;
	const struct book_info *bi;
	const struct body_ref *def;
	/* candidacies and persons written by this file, with their rows */
	struct idrows cand, pers;
	/* units that nominated in this file (repeated; sorted at the end), to
	 * check against allocations */
	struct idrows units;
	int added, new_people, matched_people, matched_cand, updated, unknown_unit;
	int later_stage;	/* rows whose stage is past 'nominated' */
	/* --adopt: the stage the list is at, its constituency from the title
	 * or --constituency, and the candidacies it adds with theirs */
	const struct stage_def *adopt;
	long cons, cons_opt;
	struct idrows adopted;
	const struct rule_pack *pack;	/* the book's, for the rules on each stored row */
};

static void push(struct idrows *t, long long id, long row)
{
	size_t i = t->n;

	if (t->n == t->alloc) {
		t->alloc = t->alloc ? 2 * t->alloc : 64;
		t->id = xrealloc(t->id, sizeof(*t->id) * t->alloc);
		t->row = xrealloc(t->row, sizeof(*t->row) * t->alloc);
	}
	while (i > 0 && t->id[i - 1] > id)	/* keep the order if an id comes late */
		i--;
	memmove(t->id + i + 1, t->id + i, sizeof(*t->id) * (t->n - i));
	memmove(t->row + i + 1, t->row + i, sizeof(*t->row) * (t->n - i));
	t->id[i] = id;
	t->row[i] = row;
	t->n++;
}

static long find_row(const struct idrows *t, long long id)
{
	size_t lo = 0, hi = t->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (t->id[mid] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < t->n && t->id[lo] == id ? t->row[lo] : 0;
}

static void idrows_release(struct idrows *t)
{
	free(t->id);
	free(t->row);
	memset(t, 0, sizeof(*t));
}

static int cmp_id(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;

	return (x > y) - (x < y);
}

static void report_person(void *arg, int field, const char *msg)
{
	struct import *im = arg;
	int col = CC_PERSON + field;

	/* a name split from "Họ và tên" is reported at that column */
	if (!import_has(im, col) && field <= PF_TEN && import_has(im, CC_NAME))
		col = CC_NAME;
	import_error(im, import_has(im, col) ? col : -1, "%s", msg);
}

static const struct body_ref *row_body(struct run *rn)
{
	const char *v = import_val(rn->im, CC_BODY);
	const struct body_ref *b;

	if (v && *v) {
		if (!(b = book_body_find(rn->bi, v)))
			import_error(rn->im, CC_BODY, "không có cơ quan dân cử '%s' trong sổ", v);
		return b;
	}
	if (!rn->def)
		import_error(rn->im, import_has(rn->im, CC_BODY) ? CC_BODY : -1,
			     "không rõ ứng cử cơ quan dân cử nào: ghi vào cột '%s' hoặc dùng --body", h_body[0]);
	return rn->def;
}

/* The person of the row: the name columns, then every other field. */
static void row_person(struct run *rn, struct person *p)
{
	struct import *im = rn->im;
	const char *name = import_val(im, CC_NAME);
	char err[512];

	if (name && *name && person_set_full_name(p, name, err, sizeof(err)) < 0)
		import_error(im, CC_NAME, "%s", err);
	for (int f = 0; f < PF_N; f++) {
		const char *v = import_val(im, CC_PERSON + f);
		if (!v || (!*v && f <= PF_TEN && name && *name))
			continue;	/* the split name stands */
		if (person_set(p, f, v, err, sizeof(err)) < 0)
			import_error(im, CC_PERSON + f, "%s", err);
	}
	if (name && *name && !im->row_errors &&
	    (import_has(im, CC_PERSON + PF_HO) || import_has(im, CC_PERSON + PF_TEN))) {
		struct person q = { 0 };
		char *a, *b;

		person_set_full_name(&q, name, err, sizeof(err));
		a = person_full_name(&q);
		b = person_full_name(p);
		if (strcmp(a, b) && !text_equal_fold(a, b))
			import_error(im, CC_NAME, "'%s' khác với họ, tên đệm, tên ở các cột riêng ('%s')", name, b);
		free(a);
		free(b);
		person_release(&q);
	}
}

/*
 * A row with the candidacy's number (a workbook written by `workbook
 * candidate --filled`): the candidacy and its person take the row's
 * values, every change recorded field by field in the audit trail; an
 * unchanged row is matched.  Never adds anyone.
 */
static int update_row(struct run *rn, const char *num)
{
	struct import *im = rn->im;
	sqlite3 *db = rn->ctx->db;
	const struct body_ref *b = row_body(rn);
	const char *dossier_s = import_val(im, CC_DOSSIER), *note = import_val(im, CC_NOTE);
	struct person p = { 0 }, before = { 0 };
	struct candidacy c = { 0 };
	struct unit_row u = { 0 };
	struct sbuf what = SBUF_INIT, cwhat = SBUF_INIT;
	const char *source = NULL;
	char err[512], dossier[24], *end, *full = NULL;
	long long id = strtoll(num, &end, 10), pid = 0, body_id = 0, other = 0;
	int bad, rc = 0;
	long prev;

	if (*end || id <= 0)
		return import_error(im, CC_NUMBER, "mã ứng cử '%s' không phải số", num), 0;
	if ((prev = find_row(&rn->cand, id)))
		return import_error(im, CC_NUMBER, "trùng với dòng %ld (ứng cử số %lld)", prev, id), 0;
	{
		sqlite3_stmt *st = db_prepare_cached(db, "SELECT person_id, body_id FROM candidacy WHERE id = ?");
		if (!st)
			return -1;
		db_bind_int(st, 1, id);
		if (sqlite3_step(st) == SQLITE_ROW) {
			pid = sqlite3_column_int64(st, 0);
			body_id = sqlite3_column_int64(st, 1);
		}
		sqlite3_reset(st);
	}
	if (!pid)
		return import_error(im, CC_NUMBER, "không có ứng cử số %lld trong sổ (để trống cột này cho người mới)",
				    id), 0;
	if (b && b->id != body_id)
		import_error(im, CC_BODY, "ứng cử số %lld là ứng cử '%s', không phải '%s'", id,
			     book_body_by_id(rn->bi, body_id) ? book_body_by_id(rn->bi, body_id)->code : "?", b->code);
	if (person_load(db, pid, &p) != 1 || person_load(db, pid, &before) != 1 ||
	    candidacy_get(db, pid, body_id, &c) != 1) {
		rc = -1;
		goto out;
	}
	row_person(rn, &p);
	if (!im->row_errors)
		person_check(rn->bi, &p, report_person, im);
	if (dossier_s && *dossier_s && dossier_parse(dossier_s, dossier, sizeof(dossier), err, sizeof(err)) < 0)
		import_error(im, CC_DOSSIER, "%s", err);
	if ((import_val(im, CC_UNIT) || import_val(im, CC_SOURCE)) && book_body_by_id(rn->bi, body_id) &&
	    nomination_resolve(db, book_body_by_id(rn->bi, body_id), import_val(im, CC_UNIT), import_val(im, CC_SOURCE),
			       &u, &source, &bad, err, sizeof(err)) < 0) {
		int col = bad ? CC_SOURCE : CC_UNIT;
		import_error(im, import_has(im, col) ? col : -1, "%s", err);
	}
	if (im->row_errors)
		goto out;
	full = person_full_name(&p);
	if (person_find(db, full, p.v[PF_DOB], &other) == 1 && other != pid) {
		import_error(im, -1, "đã có người khác cùng họ tên '%s' và ngày sinh trong sổ (#%lld)", full, other);
		goto out;
	}
	for (int f = 0; f < PF_N; f++)
		if (strcmp(p.v[f] ? p.v[f] : "", before.v[f] ? before.v[f] : ""))
			sbuf_addf(&what, "%s%s", what.len ? ", " : "sửa: ", person_fields[f].label);
	if (source && (strcmp(source, c.source) || u.id != c.unit_id)) {
		free(c.source);
		c.source = xstrdup(source);
		c.unit_id = u.id;
		sbuf_addf(&cwhat, "%sgiới thiệu: %s", cwhat.len ? "; " : "", u.id ? u.name : "tự ứng cử");
	}
	if (dossier_s) {
		const char *nd = *dossier_s ? dossier : NULL;
		if (strcmp(nd ? nd : "", c.dossier_at ? c.dossier_at : "")) {
			free(c.dossier_at);
			c.dossier_at = nd ? xstrdup(nd) : NULL;
			sbuf_addf(&cwhat, "%sthời điểm nhận hồ sơ", cwhat.len ? "; " : "");
		}
	}
	if (note && strcmp(note, c.note ? c.note : "")) {
		free(c.note);
		c.note = *note ? xstrdup(note) : NULL;
		sbuf_addf(&cwhat, "%sghi chú", cwhat.len ? "; " : "");
	}
	push(&rn->cand, id, im->row);
	if (!what.len && !cwhat.len) {
		rn->matched_cand++;
		goto out;
	}
	if (lock_guard_person(db, pid, NULL) < 0) {
		im->nerrors++;
		goto out;
	}
	if (what.len) {
		sqlite3_stmt *st;
		if (ctx_row_before(rn->ctx, "person", pid) < 0 || person_update(db, rn->bi, &p) < 0) {
			rc = -1;
			goto out;
		}
		/* every candidacy of the person: a correction in its history */
		if (!(st = db_prepare(db, "SELECT id, stage FROM candidacy WHERE person_id = ?"))) {
			rc = -1;
			goto out;
		}
		db_bind_int(st, 1, pid);
		while (rc == 0 && sqlite3_step(st) == SQLITE_ROW) {
			char *stage = xstrdup(db_col_text(st, 1));
			rc = candidacy_event(db, sqlite3_column_int64(st, 0), stage, "correction", what.buf);
			free(stage);
		}
		sqlite3_finalize(st);
		if (rc < 0)
			goto out;
		ctx_change(rn->ctx, "người #%lld '%s': %s", pid, full, what.buf);
		printf("%s: đã sửa #%lld %s: %s\n", import_where(im), pid, full, what.buf + strlen("sửa: "));
	}
	if (cwhat.len) {
		if (ctx_row_before(rn->ctx, "candidacy", id) < 0 || candidacy_update(db, &c, cwhat.buf) < 0) {
			rc = -1;
			goto out;
		}
		ctx_change(rn->ctx, "ứng cử số %lld của #%lld '%s': %s", id, pid, full, cwhat.buf);
		printf("%s: đã sửa ứng cử số %lld của %s: %s\n", import_where(im), id, full, cwhat.buf);
	}
	ctx_subject(rn->ctx, "candidacy", id);
	rn->updated++;
out:
	free(full);
	sbuf_release(&what);
	sbuf_release(&cwhat);
	candidacy_release(&c);
	unit_row_release(&u);
	person_release(&p);
	person_release(&before);
	return rc;
}

static int one_row(struct run *rn)
{
	struct import *im = rn->im;
	const struct body_ref *b;
	const char *dossier_s = import_val(im, CC_DOSSIER), *stage_s = import_val(im, CC_STAGE);
	const char *note = import_val(im, CC_NOTE), *source = NULL;
	const struct stage_def *stage = &stage_defs[1];
	struct person p = { 0 };
	struct candidacy c = { 0 }, existing = { 0 };
	struct unit_row u = { 0 };
	char err[512], dossier[24], *full = NULL, *dob = NULL;
	int bad, matched, r, rc = 0, later = 0;
	long prev;

	if (import_val(im, CC_NUMBER) && *import_val(im, CC_NUMBER))
		return update_row(rn, import_val(im, CC_NUMBER));
	b = row_body(rn);
	row_person(rn, &p);
	if (!im->row_errors)
		person_check(rn->bi, &p, report_person, im);
	if (dossier_s && *dossier_s && dossier_parse(dossier_s, dossier, sizeof(dossier), err, sizeof(err)) < 0)
		import_error(im, CC_DOSSIER, "%s", err);
	if (stage_s && *stage_s && !(stage = stage_find(stage_s)))
		import_error(im, CC_STAGE, "bước '%s' không hợp lệ: người ứng cử mới ở bước 'proposed' (dự kiến) hoặc "
			     "'nominated' (được giới thiệu)", stage_s);
	else if (stage > &stage_defs[1]) {
		/* A row of `candidate list --format csv` from a book further on:
		 * the person enters as nominated; the rounds' decisions are
		 * the rounds' to record (decide import), with their meetings. */
		later = 1;
		stage = &stage_defs[1];
	}
	if (!import_has(im, CC_UNIT) && !import_has(im, CC_SOURCE)) {
		/* A published list (Mẫu 04, 05, 17, 22) says nothing of who
		 * nominated: its "Ghi chú" marks the self-nominees, and the
		 * others' unit is left unknown (candidate edit --unit). */
		if (note && text_equal_fold(note, "Tự ứng cử")) {
			source = "self";
			note = NULL;
		} else {
			source = "unit";
			rn->unknown_unit++;
		}
	} else if (b && nomination_resolve(rn->ctx->db, b, import_val(im, CC_UNIT), import_val(im, CC_SOURCE), &u,
					   &source, &bad, err, sizeof(err)) < 0) {
		int col = bad ? CC_SOURCE : CC_UNIT;
		import_error(im, import_has(im, col) ? col : -1, "%s", err);
	}
	if (rn->adopt && !strcmp(rn->adopt->key, "official") && !rn->cons_opt && !rn->cons)
		import_error(im, -1, "không rõ đơn vị bầu cử của danh sách chính thức: tiêu đề không ghi 'Đơn vị bầu cử "
			     "số ...'; dùng --constituency");
	if (!b || im->row_errors)
		goto out;

	c.body_id = b->id;
	c.unit_id = u.id;
	c.source = (char *)source;
	c.dossier_at = dossier_s && *dossier_s ? dossier : NULL;
	c.stage = (char *)stage->key;
	c.note = note && *note ? (char *)note : NULL;
	r = candidacy_enter(rn->ctx->db, rn->bi, &p, &c, u.id ? u.name : !strcmp(source, "self") ? NULL
			    : "(chưa rõ đơn vị)", &matched, &existing);
	c.source = c.stage = c.dossier_at = c.note = NULL;
	full = person_full_name(&p);
	dob = person_display(&p, PF_DOB);
	if (r == 1) {
		if ((prev = find_row(&rn->cand, existing.id)))
			import_error(im, -1, "trùng với dòng %ld: '%s' (sinh %s) ứng cử '%s' hai lần", prev, full, dob,
				     b->code);
		else if (!strcmp(existing.source, source) && existing.unit_id == u.id)
			rn->matched_cand++;
		else
			import_error(im, -1, "'%s' (sinh %s, #%lld) đã là người ứng cử '%s' trong sổ với nguồn giới thiệu "
				     "khác; sửa bằng 'hiepthuong candidate edit'", full, dob, p.id, b->code);
		goto out;
	}
	if (r < 0) {
		rc = -1;
		goto out;
	}
	/* the stored candidacy: the age (ELIG-AGE) and the council levels of
	 * the person's candidacies (ELIG-LEVELS); a refused row */
	if ((r = validate_person_refuse(rn->ctx->db, rn->pack, p.id, "min_age", im->path, im->row)) == 0)
		r = validate_candidacy_refuse(rn->ctx->db, rn->pack, c.id, "hdnd_levels", im->path, im->row);
	if (r != 0) {
		if (r < 0) {
			rc = -1;
			goto out;
		}
		im->nerrors += r;
	}
	rn->later_stage += later;	/* added at 'nominated' */
	if (matched) {
		struct person old;

		if (person_load(rn->ctx->db, p.id, &old) == 1) {
			free(full);
			full = person_full_name(&old);	/* as the book spells it */
		}
		person_release(&old);
		if ((prev = find_row(&rn->pers, p.id)))
			printf("%s: '%s' (sinh %s) là người ở dòng %ld (#%lld): thêm ứng cử '%s'\n", import_where(im),
			       full, dob, prev, p.id, b->code);
		else
			printf("%s: '%s' (sinh %s) đã có trong sổ (#%lld): khớp, thêm ứng cử '%s'\n", import_where(im),
			       full, dob, p.id, b->code);
		if (person_load(rn->ctx->db, p.id, &old) == 1) {
			char *diff = person_diff(&old, &p);
			if (*diff)
				import_warning(im, -1, "thông tin khác với dữ liệu đã có của #%lld ở: %s; giữ dữ liệu đã có",
					       p.id, diff);
			free(diff);
		}
		person_release(&old);
		rn->matched_people++;
	} else {
		push(&rn->pers, p.id, im->row);
		rn->new_people++;
	}
	push(&rn->cand, c.id, im->row);
	if (rn->adopt)
		push(&rn->adopted, c.id, rn->cons_opt ? rn->cons_opt : rn->cons);
	if (u.id) {
		/* appended as they come; sorted and made unique at the end */
		struct idrows *t = &rn->units;
		if (t->n == t->alloc) {
			t->alloc = t->alloc ? 2 * t->alloc : 64;
			t->id = xrealloc(t->id, sizeof(*t->id) * t->alloc);
		}
		t->id[t->n++] = u.id;
	}
	rn->added++;
	ctx_subject(rn->ctx, "candidacy", c.id);	/* so that audit log --candidate finds the import */
	ctx_change(rn->ctx, "thêm người ứng cử #%lld '%s' (%s) vào '%s' (%s%s%s)", p.id, full, p.v[PF_DOB], b->code,
		   source, u.id ? " " : "", u.id ? u.code : "");
out:
	free(full);
	free(dob);
	candidacy_release(&existing);
	unit_row_release(&u);
	person_release(&p);
	return rc;
}

/* A title or section of the list: "Đơn vị bầu cử số: 2" sets the constituency. */
static void on_note(void *arg, long row, const char *text)
{
	struct run *rn = arg;
	char *key = text_loose_key(text), *want = text_loose_key("đơn vị bầu cử số");
	const char *p;

	(void)row;
	if (key && want && (p = strstr(key, want))) {
		p += strlen(want);
		while (*p == ' ' || *p == ':' || *p == '.')
			p++;
		if (*p >= '0' && *p <= '9')
			rn->cons = strtol(p, NULL, 10);
	}
	free(key);
	free(want);
}

/*
 * --adopt: the candidacies of the list go to its stage, with a history
 * that names the file and its SHA-256 (known once the file is read).
 */
static int adopt_all(struct run *rn, const char *path, const char *sha)
{
	sqlite3 *db = rn->ctx->db;
	struct sbuf note = SBUF_INIT;
	int rc = 0;

	sbuf_addf(&note, "nhận theo danh sách đã công bố '%s' (SHA-256 %s)", path, sha);
	for (size_t i = 0; i < rn->adopted.n && rc == 0; i++) {
		long long id = rn->adopted.id[i];

		rc = stage_advance(db, id, "preliminary", 0, note.buf);
		if (rc == 0 && strcmp(rn->adopt->key, "preliminary"))
			rc = stage_advance(db, id, "qualified", 0, note.buf);
		if (rc == 0 && !strcmp(rn->adopt->key, "official")) {
			char idtxt[24];
			long long body_id;

			snprintf(idtxt, sizeof(idtxt), "%lld", id);
			body_id = db_query_int(db, 0, "SELECT body_id FROM candidacy WHERE id = ?", idtxt, (const char *)NULL);
			rc = assign_one(db, body_id, id, rn->adopted.row[i], path, 0);
		}
	}
	if (rc == 0)
		ctx_change(rn->ctx, "nhận %zu người vào %s theo danh sách đã công bố '%s' (SHA-256 %s)", rn->adopted.n,
			   stage_label(rn->adopt->key), path, sha);
	sbuf_release(&note);
	return rc;
}

static int check_name_columns(struct import *im)
{
	if (import_has(im, CC_NAME) || (import_has(im, CC_PERSON + PF_HO) && import_has(im, CC_PERSON + PF_TEN)))
		return 0;
	error_at(im->path, im->header_row, 0, "thiếu cột '%s' (hoặc ba cột '%s', '%s', '%s')", h_name[0],
		 person_fields[PF_HO].label, person_fields[PF_TEN_DEM].label, person_fields[PF_TEN].label);
	im->nerrors++;
	return -1;
}

int cmd_candidate_import(struct ctx *ctx, int argc, char **argv)
{
	const char *usage = "hiepthuong candidate import TỆP [--body CƠ-QUAN] [--sheet TRANG]\n"
			    "           [--adopt preliminary|qualified|official [--constituency SỐ]]";
	const char *body_s = NULL, *adopt_s = NULL;
	long cons = 0;
	struct import_opts io = { NULL, NULL, NULL };
	struct rule_pack pack;
	struct opt opts[] = {
		OPT_STRING(0, "body", &body_s, "CƠ-QUAN", "cơ quan dân cử cho các dòng không ghi cột 'Cơ quan dân cử'"),
		OPT_STRING(0, "sheet", &io.sheet, "TRANG", "trang tính cần đọc của sổ Excel: tên hoặc số thứ tự (mặc định trang đầu)"),
		OPT_STRING(0, "adopt", &adopt_s, "BƯỚC", "nhận danh sách đã công bố (Mẫu 05, 17, 22) vào sổ ở bước đó: "
			   "preliminary (sơ bộ), qualified (đủ tiêu chuẩn), official (chính thức)"),
		OPT_INT(0, "constituency", &cons, "SỐ", "đơn vị bầu cử của danh sách chính thức (mặc định: theo tiêu đề)"),
		OPT_END()
	};
	struct book_info bi;
	struct import im;
	struct run rn;
	int rc, r = -1;

	for (int f = 0; f < PF_N; f++) {
		cols[CC_PERSON + f].key = person_fields[f].key;
		cols[CC_PERSON + f].headers = person_fields[f].headers;
		cols[CC_PERSON + f].required = f == PF_DOB || f == PF_SEX;
	}
	argc = opt_parse(ctx, argc, argv, opts, usage, &rc);
	if (argc < 0)
		return rc;
	if (argc != 1) {
		usage_error("cần đúng một tệp (CSV hoặc Excel .xlsx; '-' là đầu vào chuẩn)");
		opt_usage(usage, opts, 1);
		return -1;
	}
	memset(&rn, 0, sizeof(rn));
	if (adopt_s && (!(rn.adopt = stage_find(adopt_s)) || rn.adopt < &stage_defs[2])) {
		usage_error("--adopt: '%s' không phải danh sách đã công bố (preliminary, qualified hoặc official)", adopt_s);
		opt_usage(usage, opts, 1);
		return -1;
	}
	if (cons && (!rn.adopt || strcmp(rn.adopt->key, "official") || cons < 0)) {
		usage_error("--constituency chỉ dùng với --adopt official");
		return -1;
	}
	rn.cons_opt = cons;
	io.on_note = on_note;
	io.note_arg = &rn;
	if (book_info_load(ctx->db, &bi) < 0 ||
	    ((body_s || bi.nbodies == 1) && !(rn.def = book_body_pick(&bi, body_s)))) {
		book_info_release(&bi);
		return -1;
	}
	rn.ctx = ctx;
	rn.im = &im;
	rn.bi = &bi;
	rc = -1;
	if (validate_load_pack(ctx->db, &pack) < 0) {
		rules_release(&pack);
		book_info_release(&bi);
		return -1;
	}
	rn.pack = &pack;
	if (import_open_opts(&im, argv[0], cols, CC_N, &io) == 0 && check_name_columns(&im) == 0) {
		while ((r = import_next(&im)) > 0)
			if (!im.row_errors && one_row(&rn) < 0)
				break;
	}
	if (r == 0 && !im.nerrors && rn.adopt && adopt_all(&rn, argv[0], import_sha256(&im)) < 0)
		im.nerrors++;
	if (r == 0 && !im.nerrors) {
		printf("%s: thêm %d ứng cử (%d người mới, %d người đã có trong sổ), khớp %d ứng cử đã có, ", im.path,
		       rn.added, rn.new_people, rn.matched_people, rn.matched_cand);
		if (rn.updated)
			printf("sửa %d ứng cử, ", rn.updated);
		printf("từ chối 0 dòng\n");
		ctx_change(ctx, "nhập '%s' (SHA-256 %s): thêm %d ứng cử (%d người mới), khớp %d%s", im.path,
			   import_sha256(&im), rn.added, rn.new_people, rn.matched_cand, rn.updated ? ", có sửa" : "");
		if (rn.updated)
			ctx_change(ctx, "sửa %d ứng cử theo mã ứng cử của tệp", rn.updated);
		if (rn.unknown_unit)
			note("tệp không có cột đơn vị giới thiệu: %d người được ghi là chưa rõ đơn vị giới thiệu "
			     "(ghi sau bằng 'hiepthuong candidate edit NGƯỜI --unit ĐƠN-VỊ')", rn.unknown_unit);
		if (rn.adopt)
			printf("%s: nhận %zu người vào %s\n", im.path, rn.adopted.n, stage_label(rn.adopt->key));
		if (rn.later_stage)
			printf("%s: %d dòng ghi bước sau 'được giới thiệu' (danh sách của sổ khác): những người này được "
			       "nhập ở bước 'được giới thiệu'; các bước sau ghi bằng 'hiepthuong decide import' theo "
			       "từng hội nghị hiệp thương\n", im.path, rn.later_stage);
		if (rn.units.n)
			qsort(rn.units.id, rn.units.n, sizeof(*rn.units.id), cmp_id);
		for (size_t i = 0; i < rn.units.n; i++) {
			struct unit_row u;
			if (i > 0 && rn.units.id[i] == rn.units.id[i - 1])
				continue;
			if (unit_by_id(ctx->db, rn.units.id[i], &u) == 1)
				unit_warn_over_allocation(ctx->db, &u);
			unit_row_release(&u);
		}
		rc = 0;
	} else if (im.nerrors) {
		fprintf(stderr, "%s: %d lỗi; không nhập gì, sổ không thay đổi\n", im.path, im.nerrors);
	}
	import_close(&im);
	rules_release(&pack);
	idrows_release(&rn.cand);
	idrows_release(&rn.pers);
	idrows_release(&rn.units);
	idrows_release(&rn.adopted);
	book_info_release(&bi);
	return rc;
}
