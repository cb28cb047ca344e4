/*
 * COMMAND: candidate add
 * USAGE:   hiepthuong candidate add [--body CƠ-QUAN] (--name "HỌ VÀ TÊN" | --ho HỌ [--ten-dem ĐỆM] --ten TÊN)
 *                                   --dob NGÀY --sex Nam|Nữ (--unit ĐƠN-VỊ | --self) [TRƯỜNG...]
 *
 * COMMAND: candidate edit
 * USAGE:   hiepthuong candidate edit NGƯỜI [--body CƠ-QUAN] [TRƯỜNG...] [--unit ĐƠN-VỊ | --self]
 *                                    [--dossier THỜI-ĐIỂM] [--note GHI-CHÚ] [--clear TRƯỜNG]...
 *
 * A person standing for a body (process.md §4.3): nominated by a unit or a
 * thôn/tổ dân phố, or self-nominated, with the fields of the official
 * lists and dossiers (§7.5, §7.15), one option per field (person.h).  The
 * checks the law makes at entry use the book's rule pack: the minimum age
 * on election day (ELIG-AGE), a birth date not after election day, and the
 * council levels one person may stand for (ELIG-LEVELS).  A person already
 * in the book (same full name and birth date) is matched, not entered
 * twice: `candidate add` then adds a candidacy for another body.
 *
 * `candidate edit` corrects a person's fields (the sort key follows) and a
 * candidacy's unit, dossier time and note; NGƯỜI is the number lists show
 * ("12" or "#12") or the full name.  Each correction is kept in the
 * candidacy's history.
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
#include "units.h"
#include "validate.h"
#include "banned.h"

/* Options of every person field, written into opts[0..PF_N). */
static void person_opts(struct opt *opts, const char **vals)
{
	for (int f = 0; f < PF_N; f++) {
		const enum person_value_type t = person_fields[f].type;
		struct opt o = OPT_STRING(0, person_fields[f].option, &vals[f],
					  t == PV_BIRTH || t == PV_DATE ? "NGÀY" : t == PV_SEX ? "Nam|Nữ" : "CHỮ",
					  person_fields[f].label);
		opts[f] = o;
	}
}

/* Clean and set the person fields given as options; errors are counted. */
static int apply_person_opts(const char **vals, struct person *p)
{
	char err[512];
	int nerr = 0;

	for (int f = 0; f < PF_N; f++) {
		char *v;

		if (!vals[f])
			continue;
		if (!(v = import_clean_arg(person_fields[f].option, vals[f]))) {
			nerr++;
			continue;
		}
		if (person_set(p, f, v, err, sizeof(err)) < 0) {
			error("--%s: %s", person_fields[f].option, err);
			nerr++;
		}
		free(v);
	}
	return nerr;
}

static void report_field(void *arg, int field, const char *msg)
{
	int *n = arg;

	error("--%s: %s", person_fields[field].option, msg);
	(*n)++;
}

/* --dossier, cleaned and parsed into out; 0 or -1 (reported). */
static int dossier_arg(const char *s, char *out, size_t len)
{
	char err[256];

	if (dossier_parse(s, out, len, err, sizeof(err)) < 0)
		return error("--dossier: %s", err);
	return 0;
}

int cmd_candidate_add(struct ctx *ctx, int argc, char **argv)
{
	const char *usage = "hiepthuong candidate add [--body CƠ-QUAN] (--name \"HỌ VÀ TÊN\" | --ho HỌ [--ten-dem ĐỆM] "
			    "--ten TÊN)\n           --dob NGÀY --sex Nam|Nữ (--unit ĐƠN-VỊ | --self) [TRƯỜNG...]";
	const char *vals[PF_N] = { 0 }, *name_s = NULL, *body_s = NULL, *unit_s = NULL, *dossier_s = NULL;
	const char *stage_s = NULL, *note_s = NULL;
	int self = 0;
	struct opt opts[PF_N + 9];
	struct book_info bi;
	const struct body_ref *b;
	const struct stage_def *stage = &stage_defs[1];
	struct person p = { 0 };
	struct candidacy c = { 0 }, existing = { 0 };
	struct unit_row u = { 0 };
	const char *source = NULL;
	char err[512], dossier[24], *note = NULL, *full = NULL, *dob_vn = NULL;
	int rc, nerr = 0, matched = 0, bad, r;

	{
		struct opt more[] = {
			OPT_STRING(0, "name", &name_s, "HỌ-VÀ-TÊN", "họ và tên đầy đủ (tách: từ đầu là họ, từ cuối là tên)"),
			OPT_STRING(0, "body", &body_s, "CƠ-QUAN", "ứng cử vào cơ quan dân cử này; bỏ qua nếu sổ chỉ có một"),
			OPT_STRING(0, "unit", &unit_s, "ĐƠN-VỊ", "đơn vị, thôn hoặc tổ dân phố giới thiệu (mã hoặc tên)"),
			OPT_BOOL(0, "self", &self, "người tự ứng cử"),
			OPT_STRING(0, "dossier", &dossier_s, "THỜI-ĐIỂM", "thời điểm nhận hồ sơ (dd/mm/yyyy HH:MM)"),
			OPT_STRING(0, "stage", &stage_s, "BƯỚC", "proposed (dự kiến) hoặc nominated (được giới thiệu, mặc định)"),
			OPT_STRING(0, "note", &note_s, "GHI-CHÚ", "ghi chú"),
			OPT_END()
		};
		person_opts(opts, vals);
		memcpy(opts + PF_N, more, sizeof(more));
	}
	argc = opt_parse(ctx, argc, argv, opts, usage, &rc);
	if (argc < 0)
		return rc;
	if (argc > 0 || (self && unit_s) || (!self && !unit_s) ||
	    (name_s && (vals[PF_HO] || vals[PF_TEN_DEM] || vals[PF_TEN])) || (!name_s && (!vals[PF_HO] || !vals[PF_TEN]))) {
		if (argc > 0)
			usage_error("lệnh candidate add không nhận đối số '%s' (tên người ghi bằng --name)", argv[0]);
		else if (self == !!unit_s)
			usage_error("cần đúng một trong --unit và --self");
		else
			usage_error("ghi tên bằng --name \"Họ và tên\" hoặc bằng --ho, --ten-dem, --ten (không dùng cả hai)");
		opt_usage(usage, opts, 1);
		return -1;
	}
	if (stage_s && (!(stage = stage_find(stage_s)) || stage > &stage_defs[1])) {
		usage_error("--stage: người ứng cử mới chỉ ở bước 'proposed' (dự kiến) hoặc 'nominated' (được giới thiệu)");
		return -1;
	}
	if (book_info_load(ctx->db, &bi) < 0) {
		book_info_release(&bi);
		return -1;
	}
	rc = -1;
	if (!(b = book_body_pick(&bi, body_s)))
		goto out;
	if (name_s) {
		char *clean = import_clean_arg("--name", name_s);
		if (!clean || person_set_full_name(&p, clean, err, sizeof(err)) < 0) {
			if (clean)
				error("--name: %s", err);
			nerr++;
		}
		free(clean);
	}
	nerr += apply_person_opts(vals, &p);
	if (nerr)
		goto out;
	person_check(&bi, &p, report_field, &nerr);
	if (dossier_s && dossier_arg(dossier_s, dossier, sizeof(dossier)) < 0)
		nerr++;
	if (note_s && !(note = import_clean_arg("--note", note_s)))
		nerr++;
	if (nomination_resolve(ctx->db, b, unit_s, self ? "self" : NULL, &u, &source, &bad, err, sizeof(err)) < 0) {
		error("--unit: %s", err);
		nerr++;
	}
	if (nerr)
		goto out;
	c.body_id = b->id;
	c.unit_id = u.id;
	c.source = (char *)source;
	c.dossier_at = dossier_s ? dossier : NULL;
	c.stage = (char *)stage->key;
	c.note = note && *note ? note : NULL;
	r = candidacy_enter(ctx->db, &bi, &p, &c, u.name, &matched, &existing);
	full = person_full_name(&p);
	dob_vn = person_display(&p, PF_DOB);
	if (r == 1) {
		error("'%s' (sinh %s, #%lld) đã là người ứng cử '%s'", full, dob_vn, p.id, b->code);
		goto out;
	}
	if (r < 0)
		goto out;
	if (matched) {
		struct person old;
		char *diff;

		if (person_load(ctx->db, p.id, &old) == 1) {
			diff = person_diff(&old, &p);
			if (*diff)
				warning("thông tin khác với hồ sơ đã có trong sổ ở: %s; giữ thông tin trong sổ (sửa bằng "
					"'hiepthuong candidate edit %lld')", diff, p.id);
			free(diff);
			free(full);
			full = person_full_name(&old);	/* as the book spells it */
		}
		person_release(&old);
		printf("'%s' (sinh %s) đã có trong sổ (#%lld): thêm ứng cử '%s'\n", full, dob_vn, p.id, b->code);
	}
	/* the stored candidacy: the age (ELIG-AGE) and the council levels of
	 * the person's candidacies (ELIG-LEVELS) refuse it (exit 1) */
	if ((r = validate_person_refuse(ctx->db, NULL, p.id, "min_age", NULL, 0)) != 0 ||
	    (r = validate_candidacy_refuse(ctx->db, NULL, c.id, "hdnd_levels", NULL, 0)) != 0) {
		rc = -1;	/* a refusal printed as a rule error */
		goto out;
	}
	printf("đã thêm người ứng cử #%lld %s (sinh %s) — %s, %s%s\n", p.id, full, dob_vn, b->name,
	       u.id ? u.name : "tự ứng cử", u.id ? " giới thiệu" : "");
	ctx_change(ctx, "thêm người ứng cử #%lld '%s' (%s) vào '%s' (%s%s%s)", p.id, full, p.v[PF_DOB], b->code,
		   source, u.id ? " " : "", u.id ? u.code : "");
	if (u.id)
		unit_warn_over_allocation(ctx->db, &u);
	rc = 0;
out:
	free(full);
	free(dob_vn);
	free(note);
	candidacy_release(&existing);
	unit_row_release(&u);
	person_release(&p);
	book_info_release(&bi);
	return rc;
}

/* The candidacy an edit of candidacy fields is about. */
static int pick_candidacy(struct ctx *ctx, const struct book_info *bi, long long person_id, const char *body_s,
			  struct candidacy *c, const struct body_ref **b)
{
	char id[32];
	long long n, body_id;

	if (body_s) {
		if (!(*b = book_body_pick(bi, body_s)))
			return -1;
		if (candidacy_get(ctx->db, person_id, (*b)->id, c) != 1)
			return error("người #%lld không ứng cử '%s'", person_id, (*b)->code);
		return 0;
	}
	snprintf(id, sizeof(id), "%lld", person_id);
	n = db_query_int(ctx->db, 0, "SELECT count(*) FROM candidacy WHERE person_id = ?", id, (const char *)NULL);
	if (n != 1)
		return error(n ? "người #%lld ứng cử nhiều cơ quan dân cử; chọn một bằng --body"
			       : "người #%lld chưa ứng cử cơ quan dân cử nào", person_id);
	body_id = db_query_int(ctx->db, 0, "SELECT body_id FROM candidacy WHERE person_id = ?", id, (const char *)NULL);
	*b = book_body_by_id(bi, body_id);
	return *b && candidacy_get(ctx->db, person_id, body_id, c) == 1 ? 0 : -1;
}

/* Record a correction of person fields in each of the person's candidacies. */
static int person_events(sqlite3 *db, long long person_id, const char *what)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT id, stage FROM candidacy WHERE person_id = ?");
	int rc = 0;

	if (!st)
		return -1;
	db_bind_int(st, 1, person_id);
	while (rc == 0 && sqlite3_step(st) == SQLITE_ROW) {
		char *stage = xstrdup(db_col_text(st, 1));
		rc = candidacy_event(db, sqlite3_column_int64(st, 0), stage, "correction", what);
		free(stage);
	}
	sqlite3_finalize(st);
	return rc;
}

int cmd_candidate_edit(struct ctx *ctx, int argc, char **argv)
{
	const char *usage = "hiepthuong candidate edit NGƯỜI [--body CƠ-QUAN] [TRƯỜNG...] [--unit ĐƠN-VỊ | --self]\n"
			    "           [--dossier THỜI-ĐIỂM] [--note GHI-CHÚ] [--clear TRƯỜNG]...";
	const char *vals[PF_N] = { 0 }, *name_s = NULL, *body_s = NULL, *unit_s = NULL, *dossier_s = NULL;
	const char *note_s = NULL, *sel_dob = NULL, *correct_s = NULL;
	char *correct = NULL;
	struct opt_list clear = { 0, NULL };
	int self = 0;
	struct opt opts[PF_N + 11];
	struct book_info bi;
	const struct body_ref *b = NULL;
	struct person p = { 0 }, before = { 0 };
	struct candidacy c = { 0 };
	struct unit_row u = { 0 };
	struct sbuf what = SBUF_INIT, cwhat = SBUF_INIT;
	const char *source = NULL;
	char err[512], dossier[24], *full = NULL;
	long long id = 0, other = 0;
	int rc, nerr = 0, bad, cand_fields;

	{
		struct opt more[] = {
			OPT_STRING(0, "name", &name_s, "HỌ-VÀ-TÊN", "sửa cả họ, tên đệm và tên từ họ và tên đầy đủ"),
			OPT_LIST(0, "clear", &clear, "TRƯỜNG", "xóa giá trị của một trường (ví dụ --clear party-date)"),
			OPT_STRING(0, "body", &body_s, "CƠ-QUAN", "ứng cử nào (khi người này ứng cử nhiều cơ quan dân cử)"),
			OPT_STRING(0, "unit", &unit_s, "ĐƠN-VỊ", "đơn vị giới thiệu mới"),
			OPT_BOOL(0, "self", &self, "chuyển thành người tự ứng cử"),
			OPT_STRING(0, "dossier", &dossier_s, "THỜI-ĐIỂM", "thời điểm nhận hồ sơ (dd/mm/yyyy HH:MM)"),
			OPT_STRING(0, "note", &note_s, "GHI-CHÚ", "ghi chú của ứng cử"),
			OPT_STRING(0, "match-dob", &sel_dob, "NGÀY", "ngày sinh, để chọn giữa những người trùng tên"),
			OPT_STRING(0, "correct", &correct_s, "LÝ_DO",
				   "đính chính người có tên trong danh sách đã khóa (đã xuất bản chính thức), với lý do"),
			OPT_END()
		};
		person_opts(opts, vals);
		memcpy(opts + PF_N, more, sizeof(more));
	}
	argc = opt_parse(ctx, argc, argv, opts, usage, &rc);
	if (argc < 0)
		return rc;
	cand_fields = self || unit_s || dossier_s || note_s;
	if (argc != 1 || (self && unit_s) || (name_s && (vals[PF_HO] || vals[PF_TEN_DEM] || vals[PF_TEN]))) {
		usage_error(argc != 1 ? "cần đúng một người (mã #N hoặc họ và tên)" : self && unit_s
			? "chỉ dùng một trong --unit và --self" : "dùng --name hoặc --ho/--ten-dem/--ten, không dùng cả hai");
		opt_usage(usage, opts, 1);
		opt_list_release(&clear);
		return -1;
	}
	for (int i = 0; i < clear.n; i++) {
		if (person_field_find(clear.v[i]) < 0) {
			usage_error("--clear: không có trường '%s'", clear.v[i]);
			opt_list_release(&clear);
			return -1;
		}
	}
	if (book_info_load(ctx->db, &bi) < 0) {
		book_info_release(&bi);
		opt_list_release(&clear);
		return -1;
	}
	rc = -1;
	if (sel_dob) {
		struct person tmp = { 0 };
		if (person_set(&tmp, PF_DOB, sel_dob, err, sizeof(err)) < 0) {
			error("--match-dob: %s", err);
			goto out;
		}
		nerr = person_select(ctx->db, argv[0], tmp.v[PF_DOB], &id) != 1;
		person_release(&tmp);
	} else {
		nerr = person_select(ctx->db, argv[0], NULL, &id) != 1;
	}
	if (nerr || person_load(ctx->db, id, &p) != 1 || person_load(ctx->db, id, &before) != 1)
		goto out;
	if (name_s) {
		char *clean = import_clean_arg("--name", name_s);
		if (!clean || person_set_full_name(&p, clean, err, sizeof(err)) < 0) {
			if (clean)
				error("--name: %s", err);
			nerr++;
		}
		free(clean);
	}
	for (int i = 0; i < clear.n; i++)
		person_set(&p, person_field_find(clear.v[i]), NULL, err, sizeof(err));
	nerr += apply_person_opts(vals, &p);
	if (nerr)
		goto out;
	person_check(&bi, &p, report_field, &nerr);
	if (dossier_s && *dossier_s && dossier_arg(dossier_s, dossier, sizeof(dossier)) < 0)
		nerr++;
	if (nerr)
		goto out;
	full = person_full_name(&p);
	if (person_find(ctx->db, full, p.v[PF_DOB], &other) == 1 && other != p.id) {
		error("đã có người khác cùng họ tên '%s' và ngày sinh trong sổ (#%lld)", full, other);
		goto out;
	}
	for (int f = 0; f < PF_N; f++)
		if (strcmp(p.v[f] ? p.v[f] : "", before.v[f] ? before.v[f] : ""))
			sbuf_addf(&what, "%s%s", what.len ? ", " : "sửa: ", person_fields[f].label);
	if (cand_fields) {
		if (pick_candidacy(ctx, &bi, id, body_s, &c, &b) < 0)
			goto out;
		if (self || unit_s) {
			if (nomination_resolve(ctx->db, b, unit_s, self ? "self" : NULL, &u, &source, &bad, err,
					       sizeof(err)) < 0) {
				error("--unit: %s", err);
				goto out;
			}
			free(c.source);
			c.source = xstrdup(source);
			c.unit_id = u.id;
			sbuf_addf(&cwhat, "%sgiới thiệu: %s", cwhat.len ? "; " : "", u.id ? u.name : "tự ứng cử");
		}
		if (dossier_s) {
			free(c.dossier_at);
			c.dossier_at = *dossier_s ? xstrdup(dossier) : NULL;
			sbuf_addf(&cwhat, "%sthời điểm nhận hồ sơ: %s", cwhat.len ? "; " : "", *dossier_s ? dossier : "xóa");
		}
		if (note_s) {
			char *n = import_clean_arg("--note", note_s);
			if (!n)
				goto out;
			free(c.note);
			c.note = *n ? n : NULL;
			if (!*n)
				free(n);
			sbuf_addf(&cwhat, "%sghi chú", cwhat.len ? "; " : "");
		}
	}
	if (!what.len && !cwhat.len) {
		printf("không có gì thay đổi cho #%lld %s\n", id, full);
		rc = 0;
		goto out;
	}
	/* A person on a locked list is changed only by a correction (lock.h). */
	if (correct_s && !(correct = lock_reason_arg(correct_s))) {
		diag_relabel(ERR_USAGE);
		goto out;
	}
	{
		int r = lock_guard_person(ctx->db, id, correct);
		if (r < 0)
			goto out;
		if (r > 0)
			ctx_change(ctx, "đính chính người có tên trong danh sách đã khóa; lý do: %s", correct);
		else if (correct)
			note("'%s' không có tên trong danh sách nào đã khóa; không cần --correct, lý do không được ghi", full);
	}
	if (what.len && (person_update(ctx->db, &bi, &p) < 0 || person_events(ctx->db, id, what.buf) < 0))
		goto out;
	if (cwhat.len && candidacy_update(ctx->db, &c, cwhat.buf) < 0)
		goto out;
	if (what.len) {
		int r = validate_person_refuse(ctx->db, NULL, id, "min_age", NULL, 0);	/* ELIG-AGE */
		if (r != 0) {
			rc = -1;	/* a refusal printed as a rule error */
			goto out;
		}
	}
	if (what.len) {
		ctx_change(ctx, "người #%lld '%s': %s", id, full, what.buf);
		printf("đã sửa #%lld %s: %s\n", id, full, what.buf + strlen("sửa: "));
	}
	if (cwhat.len) {
		ctx_change(ctx, "ứng cử '%s' của #%lld '%s': %s", b->code, id, full, cwhat.buf);
		printf("đã sửa ứng cử '%s' của #%lld %s: %s\n", b->code, id, full, cwhat.buf);
		if (u.id)
			unit_warn_over_allocation(ctx->db, &u);
	}
	rc = 0;
out:
	free(correct);
	free(full);
	sbuf_release(&what);
	sbuf_release(&cwhat);
	candidacy_release(&c);
	unit_row_release(&u);
	person_release(&p);
	person_release(&before);
	book_info_release(&bi);
	opt_list_release(&clear);
	return rc;
}
