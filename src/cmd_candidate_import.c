/*
 * COMMAND: candidate import
 * USAGE:   hiepthuong candidate import TỆP.csv [--body CƠ-QUAN]
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
#include "opt.h"
#include "person.h"
#include "sbuf.h"
#include "text.h"
#include "units.h"
#include "banned.h"

enum {
	CC_BODY, CC_NAME, CC_PERSON,
	CC_UNIT = CC_PERSON + PF_N, CC_SOURCE, CC_DOSSIER, CC_STAGE, CC_NOTE,
	CC_STT_ID, CC_UNIT_NAME, CC_STATUS,	/* written by candidate list; ignored */
	CC_N
};

static const char *const h_body[] = { "Cơ quan dân cử", "Ứng cử đại biểu", "Ứng cử", "Bầu cử", NULL };
static const char *const h_name[] = { "Họ và tên", "Họ tên", NULL };
static const char *const h_unit[] = { "Đơn vị giới thiệu", "Cơ quan, tổ chức, đơn vị giới thiệu", "Đơn vị",
				       "Mã đơn vị", "Cơ quan, tổ chức, đơn vị", "Nơi giới thiệu", NULL };
static const char *const h_source[] = { "Nguồn giới thiệu", "Nguồn", "Hình thức ứng cử", NULL };
static const char *const h_dossier[] = { "Thời điểm nhận hồ sơ", "Nhận hồ sơ", "Ngày nhận hồ sơ", "Ngày nộp hồ sơ",
					  NULL };
static const char *const h_stage[] = { "Bước", NULL };
static const char *const h_note[] = { "Ghi chú", NULL };
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
	int added, new_people, matched_people, matched_cand;
	int later_stage;	/* rows whose stage is past 'nominated' */
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

static int one_row(struct run *rn)
{
	struct import *im = rn->im;
	const struct body_ref *b = row_body(rn);
	const char *dossier_s = import_val(im, CC_DOSSIER), *stage_s = import_val(im, CC_STAGE);
	const char *note = import_val(im, CC_NOTE), *source = NULL;
	const struct stage_def *stage = &stage_defs[1];
	struct person p = { 0 };
	struct candidacy c = { 0 }, existing = { 0 };
	struct unit_row u = { 0 };
	char err[512], dossier[24], *full = NULL, *dob = NULL;
	int bad, matched, r, rc = 0, later = 0;
	long prev;

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
	if (b && nomination_resolve(rn->ctx->db, b, import_val(im, CC_UNIT), import_val(im, CC_SOURCE), &u, &source,
				    &bad, err, sizeof(err)) < 0) {
		int col = bad ? CC_SOURCE : CC_UNIT;
		import_error(im, import_has(im, col) ? col : -1, "%s", err);
	}
	if (!b || im->row_errors)
		goto out;

	c.body_id = b->id;
	c.unit_id = u.id;
	c.source = (char *)source;
	c.dossier_at = dossier_s && *dossier_s ? dossier : NULL;
	c.stage = (char *)stage->key;
	c.note = note && *note ? (char *)note : NULL;
	r = candidacy_enter(rn->ctx->db, rn->bi, &p, &c, u.name, &matched, &existing, err, sizeof(err));
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
		if (*err)
			import_error(im, -1, "'%s' (sinh %s): %s", full, dob, err);
		rc = *err ? 0 : -1;
		goto out;
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
			printf("%s:%ld: '%s' (sinh %s) là người ở dòng %ld (#%lld): thêm ứng cử '%s'\n", im->path,
			       im->row, full, dob, prev, p.id, b->code);
		else
			printf("%s:%ld: '%s' (sinh %s) đã có trong sổ (#%lld): khớp, thêm ứng cử '%s'\n", im->path,
			       im->row, full, dob, p.id, b->code);
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
	const char *usage = "hiepthuong candidate import TỆP.csv [--body CƠ-QUAN]";
	const char *body_s = NULL;
	struct opt opts[] = {
		OPT_STRING(0, "body", &body_s, "CƠ-QUAN", "cơ quan dân cử cho các dòng không ghi cột 'Cơ quan dân cử'"),
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
		error("cần đúng một tệp CSV");
		opt_usage(usage, opts, 1);
		return EXIT_USAGE;
	}
	memset(&rn, 0, sizeof(rn));
	if (book_info_load(ctx->db, &bi) < 0 ||
	    ((body_s || bi.nbodies == 1) && !(rn.def = book_body_pick(&bi, body_s)))) {
		book_info_release(&bi);
		return EXIT_DATA;
	}
	rn.ctx = ctx;
	rn.im = &im;
	rn.bi = &bi;
	rc = EXIT_DATA;
	if (import_open(&im, argv[0], cols, CC_N) == 0 && check_name_columns(&im) == 0) {
		while ((r = import_next(&im)) > 0)
			if (!im.row_errors && one_row(&rn) < 0)
				break;
	}
	if (r == 0 && !im.nerrors) {
		printf("%s: thêm %d ứng cử (%d người mới, %d người đã có trong sổ), khớp %d ứng cử đã có, từ chối 0 dòng\n",
		       im.path, rn.added, rn.new_people, rn.matched_people, rn.matched_cand);
		if (rn.later_stage)
			printf("%s: %d dòng ghi bước sau 'được giới thiệu' (danh sách của sổ khác): những người này được "
			       "nhập ở bước 'được giới thiệu'; các bước sau ghi bằng 'hiepthuong decide import' theo "
			       "từng hội nghị hiệp thương\n", im.path, rn.later_stage);
		ctx_change(ctx, "nhập '%s' (SHA-256 %s): thêm %d ứng cử (%d người mới), khớp %d", im.path,
			   import_sha256(&im), rn.added, rn.new_people, rn.matched_cand);
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
		rc = EXIT_OK;
	} else if (im.nerrors) {
		fprintf(stderr, "%s: %d lỗi; không nhập gì, sổ không thay đổi\n", im.path, im.nerrors);
	}
	import_close(&im);
	idrows_release(&rn.cand);
	idrows_release(&rn.pers);
	idrows_release(&rn.units);
	book_info_release(&bi);
	return rc;
}
