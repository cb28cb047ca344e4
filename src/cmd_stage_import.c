/*
 * COMMAND: voters import
 * USAGE:   hiepthuong voters import TỆP [--body CƠ-QUAN] [--sheet TRANG]
 * COMMAND: decide import
 * USAGE:   hiepthuong decide import TỆP [--body CƠ-QUAN] [--sheet TRANG] [--correct LÝ_DO]
 *
 * Bulk entry of voter-conference results and of stage decisions from CSV
 * files saved by Excel (columns in docs/stages.md), for the provincial
 * office that receives many minutes at once.  Same rules as the other
 * imports (import.h): official Vietnamese headers or ASCII keys, every bad
 * row reported as file:row:column, and a file with any error changes
 * nothing (the dispatcher rolls the transaction back).
 *
 * voters import: one row per candidate per conference; consecutive rows
 * with the same kind, body, unit, date and place are one conference, whose
 * own columns need only be filled on its first row (later rows must leave
 * them empty or repeat them).  Each conference then goes through the same
 * checks and computations as `voters add` (voters.h).
 *
 * decide import: one row per decision, applied in file order as `decide`,
 * `withdraw` and `assign` would.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "book.h"
#include "candidacy.h"
#include "candref.h"
#include "cmd.h"
#include "count.h"
#include "conference.h"
#include "db.h"
#include "diag.h"
#include "import.h"
#include "lock.h"
#include "minutes.h"
#include "opt.h"
#include "sbuf.h"
#include "stage.h"
#include "text.h"
#include "validate.h"
#include "voters.h"
#include "platform.h"
#include "banned.h"

static const char *const h_body[] = { "Cơ quan dân cử", "Ứng cử đại biểu", NULL };
static const char *const h_cand[] = { "Người ứng cử", "Họ và tên", "Họ và tên người ứng cử", "Họ tên", NULL };
static const char *const h_dob[] = { "Ngày, tháng, năm sinh", "Ngày sinh", "Năm sinh", "Sinh ngày", NULL };

/*
 * The start both imports share: options, the book's bodies and pack, the
 * file's header, and --correct when `correct` is not NULL.  Returns 0 with
 * everything ready, or -1 with what the command returns in *code (0 after
 * --help, else -1: the error is printed); import_stop() cleans up in both
 * cases.
 */
static int import_start(struct ctx *ctx, int argc, char **argv, const char *usage, const struct import_col *cols,
			int ncols, struct book_info *bi, const struct body_ref **def, struct rule_pack *pack,
			struct import *im, const char **correct, int *code)
{
	const char *body = NULL;
	struct import_opts io = { NULL, NULL, NULL };
	struct opt opts[] = {
		OPT_STRING(0, "body", &body, "CƠ-QUAN", "cơ quan của các dòng không ghi cột 'Cơ quan dân cử'"),
		OPT_STRING(0, "sheet", &io.sheet, "TRANG", "trang tính cần đọc của sổ Excel: tên hoặc số thứ tự (mặc định trang đầu)"),
		OPT_STRING(0, "correct", correct, "LÝ_DO", "đính chính danh sách đã khóa (đã xuất bản chính thức), với lý do"),
		OPT_END()
	};
	int rc;

	if (!correct)	/* this import touches no locked list: no --correct */
		opts[2] = (struct opt)OPT_END();

	memset(bi, 0, sizeof(*bi));
	memset(im, 0, sizeof(*im));
	memset(pack, 0, sizeof(*pack));
	*def = NULL;
	argc = opt_parse(ctx, argc, argv, opts, usage, &rc);
	*code = rc;
	if (argc < 0)
		return -1;
	*code = -1;
	if (argc != 1) {
		usage_error("cần đúng một tệp (CSV hoặc Excel .xlsx; '-' là đầu vào chuẩn)");
		opt_usage(usage, opts, 1);
		return -1;
	}
	if (book_info_load(ctx->db, bi) < 0)
		return -1;
	if ((body || bi->nbodies == 1) && !(*def = book_body_pick(bi, body)))
		return -1;
	if (validate_load_pack(ctx->db, pack) < 0 || import_open_opts(im, argv[0], cols, ncols, &io) < 0)
		return -1;
	return 0;
}

static void import_stop(struct book_info *bi, struct rule_pack *pack, struct import *im)
{
	import_close(im);
	rules_release(pack);
	book_info_release(bi);
}

/* ---- voters import ---------------------------------------------------- */

enum {
	VC_KIND, VC_BODY, VC_UNIT, VC_DATE, VC_START, VC_END, VC_PLACE, VC_CHAIR, VC_SECRETARY,
	VC_AT_PLACE, VC_INVITED, VC_PRESENT, VC_METHOD, VC_TELLERS, VC_ISSUED, VC_RETURNED, VC_VALID,
	VC_BINVALID, VC_CHAIR_POS, VC_SECR_POS, VC_COMMUNE, VC_LOCALITY, VC_ISSUE_TIME, VC_COLLECT_TIME,
	VC_MINUTES, VC_MODE, VC_CAND, VC_DOB, VC_TRUST, VC_DISTRUST, VC_INVALID, VC_REVOTE, VC_OPINION, VC_N
};

static const char *const h_kind[] = { "Loại hội nghị", "Hội nghị", NULL };
static const char *const h_unit[] = { "Đơn vị", "Mã đơn vị", "Thôn, tổ dân phố", NULL };
static const char *const h_date[] = { "Ngày họp", "Ngày hội nghị", "Ngày", NULL };
static const char *const h_start[] = { "Giờ bắt đầu", NULL };
static const char *const h_end[] = { "Giờ kết thúc", NULL };
static const char *const h_place[] = { "Địa điểm", "Nơi tổ chức", NULL };
static const char *const h_chair[] = { "Chủ trì", "Người chủ trì", NULL };
static const char *const h_secr[] = { "Thư ký", NULL };
static const char *const h_at[] = { "Tổng số cử tri", "Tổng số cử tri ở nơi tổ chức", NULL };
static const char *const h_inv[] = { "Số cử tri được mời", "Số cử tri được triệu tập", "Được mời", NULL };
static const char *const h_pres[] = { "Số cử tri có mặt", "Có mặt", NULL };
static const char *const h_meth[] = { "Hình thức biểu quyết", "Biểu quyết", NULL };
static const char *const h_tell[] = { "Tổ kiểm phiếu", "Số thành viên tổ kiểm phiếu", NULL };
static const char *const h_iss[] = { "Số phiếu phát ra", NULL };
static const char *const h_ret[] = { "Số phiếu thu về", NULL };
static const char *const h_val[] = { "Số phiếu hợp lệ", NULL };
static const char *const h_binv[] = { "Số phiếu không hợp lệ", NULL };
static const char *const h_trust[] = { "Tín nhiệm", "Số phiếu tín nhiệm", NULL };
static const char *const h_distr[] = { "Không tín nhiệm", "Số phiếu không tín nhiệm", NULL };
static const char *const h_inval[] = { "Không hợp lệ", "Phiếu không hợp lệ của người này", NULL };
static const char *const h_rev[] = { "Biểu quyết lại", NULL };
static const char *const h_chpos[] = { "Chức vụ chủ trì", "Chức vụ người chủ trì", NULL };
static const char *const h_sepos[] = { "Chức vụ thư ký", NULL };
static const char *const h_commune[] = { "Xã, phường", "Xã, phường, đặc khu", "Đơn vị hành chính cấp xã", NULL };
static const char *const h_locality[] = { "Thôn, tổ dân phố nơi họp", "Nơi cư trú (thôn, tổ dân phố)", NULL };
static const char *const h_itime[] = { "Thời gian phát phiếu", "Phát phiếu", NULL };
static const char *const h_ctime[] = { "Thời hạn thu phiếu", "Thu phiếu", NULL };
static const char *const h_minutes[] = { "Biên bản", "Tệp biên bản", NULL };
static const char *const h_mode[] = { "Hình thức tổ chức", "Hình thức hội nghị", NULL };
static const char *const h_opinion[] = { "Ý kiến nhận xét", "Ý kiến cử tri", "Ý kiến", NULL };

static const struct import_col voters_cols[VC_N] = {
	[VC_KIND] = { "kind", h_kind, 1 }, [VC_BODY] = { "body", h_body, 0 }, [VC_UNIT] = { "unit", h_unit, 0 },
	[VC_DATE] = { "date", h_date, 1 }, [VC_START] = { "start", h_start, 0 }, [VC_END] = { "end", h_end, 0 },
	[VC_PLACE] = { "place", h_place, 0 }, [VC_CHAIR] = { "chair", h_chair, 0 },
	[VC_SECRETARY] = { "secretary", h_secr, 0 }, [VC_AT_PLACE] = { "voters_at_place", h_at, 0 },
	[VC_INVITED] = { "invited", h_inv, 0 }, [VC_PRESENT] = { "present", h_pres, 0 },
	[VC_METHOD] = { "method", h_meth, 0 }, [VC_TELLERS] = { "tellers", h_tell, 0 },
	[VC_ISSUED] = { "ballots_issued", h_iss, 0 }, [VC_RETURNED] = { "ballots_returned", h_ret, 0 },
	[VC_VALID] = { "ballots_valid", h_val, 0 }, [VC_BINVALID] = { "ballots_invalid", h_binv, 0 },
	[VC_CHAIR_POS] = { "chair_position", h_chpos, 0 }, [VC_SECR_POS] = { "secretary_position", h_sepos, 0 },
	[VC_COMMUNE] = { "commune", h_commune, 0 }, [VC_LOCALITY] = { "locality", h_locality, 0 },
	[VC_ISSUE_TIME] = { "issue_time", h_itime, 0 }, [VC_COLLECT_TIME] = { "collect_time", h_ctime, 0 },
	[VC_MINUTES] = { "minutes", h_minutes, 0 }, [VC_MODE] = { "mode", h_mode, 0 }, [VC_CAND] = { "candidate", h_cand, 1 },
	[VC_DOB] = { "dob", h_dob, 0 }, [VC_TRUST] = { "trust", h_trust, 1 }, [VC_DISTRUST] = { "distrust", h_distr, 0 },
	[VC_INVALID] = { "invalid", h_inval, 0 }, [VC_REVOTE] = { "revote", h_rev, 0 },
	[VC_OPINION] = { "opinion", h_opinion, 0 },
};

/* Columns that describe the conference (the rest describe one result). */
static int is_conference_col(int c)
{
	return c < VC_CAND;
}

/* Values of the Vietnamese spellings clerks use. */
static const char *map_kind(const char *v)
{
	static const char *const map[][2] = {
		{ "nơi công tác", "workplace" }, { "nơi làm việc", "workplace" }, { "nơi cư trú", "residence" },
		{ "thôn", "thon" }, { "tổ dân phố", "thon" }, { "thôn, tổ dân phố", "thon" },
	};
	for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (text_equal_fold(map[i][0], v))
			return map[i][1];
	return v;
}

static const char *map_method(const char *v)
{
	if (text_equal_fold(v, "giơ tay"))
		return "hands";
	if (text_equal_fold(v, "bỏ phiếu kín") || text_equal_fold(v, "bỏ phiếu"))
		return "ballot";
	return v;
}

/* How a conference was held (NQ 101 Art. 1(5), 2(4): Mẫu 05/HNCT). */
static const char *map_mode(const char *v)
{
	if (text_equal_fold(v, "trực tiếp"))
		return "in_person";
	if (text_equal_fold(v, "trực tuyến"))
		return "online";
	if (text_equal_fold(v, "phát phiếu") || text_equal_fold(v, "phát phiếu lấy ý kiến"))
		return "distribution";
	return v;
}

/* A count cell: -1 when empty; an error unless a whole number >= 0. */
static long count_cell(struct import *im, int col)
{
	const char *v = import_val(im, col);
	char err[200];
	long n;

	if (!v || !*v)
		return -1;
	if (count_parse(v, &n, err, sizeof(err)) < 0) {
		import_error(im, col, "%s", err);
		return -1;
	}
	return n;
}

/* One conference being gathered from consecutive rows. */
struct group {
	long row;		/* its first row */
	char *cells[VC_N];	/* conference cells from the first row (owned) */
	struct conf_args a;
	struct vresult *res, *rev;
	int nres, nrev;
	char **opinions;	/* "NGƯỜI: Ý KIẾN" of the rows (owned) */
	int nopinions;
	struct minutes mins;
	int bad_minutes;	/* the minutes file was refused */
};

static void group_release(struct group *g)
{
	for (int i = 0; i < VC_N; i++)
		free(g->cells[i]);
	vresults_release(g->res, g->nres);
	vresults_release(g->rev, g->nrev);
	for (int i = 0; i < g->nopinions; i++)
		free(g->opinions[i]);
	free(g->opinions);
	conf_args_release(&g->a);
	minutes_release(&g->mins);
	memset(g, 0, sizeof(*g));
}

/* A minutes file named in the CSV: beside the CSV unless absolute. */
static void group_minutes(struct group *g, struct import *im)
{
	struct sbuf path = SBUF_INIT;
	const char *name = g->cells[VC_MINUTES], *slash = platform_last_sep(im->path);

	if (!*name)
		return;
	if (!platform_is_absolute(name) && slash)
		sbuf_add(&path, im->path, (size_t)(slash - im->path) + 1);
	sbuf_addstr(&path, name);
	if (minutes_load(path.buf, &g->mins) < 0 || minutes_apply(&g->mins, &g->a) < 0) {
		import_error(im, VC_MINUTES, "tệp biên bản '%s' có lỗi (xem ở trên)", name);
		g->bad_minutes = 1;
	}
	sbuf_release(&path);
}

static int same_conference(const struct group *g, struct import *im)
{
	static const int key[] = { VC_KIND, VC_BODY, VC_UNIT, VC_DATE, VC_PLACE };

	/* A row continues the conference when each key cell is empty (only
	 * the first row of a conference need be filled) or the same. */
	for (size_t i = 0; i < sizeof(key) / sizeof(key[0]); i++) {
		const char *v = import_val(im, key[i]);
		if (v && *v && strcmp(v, g->cells[key[i]] ? g->cells[key[i]] : ""))
			return 0;
	}
	return 1;
}

static void group_start(struct group *g, struct import *im, const char *def_body)
{
	g->row = im->row;
	for (int c = 0; c < VC_N; c++)
		if (is_conference_col(c))
			g->cells[c] = xstrdup(import_val(im, c) ? import_val(im, c) : "");
	conf_args_init(&g->a);
	g->a.kind = map_kind(g->cells[VC_KIND]);
	g->a.body = *g->cells[VC_BODY] ? g->cells[VC_BODY] : def_body;
	g->a.unit = *g->cells[VC_UNIT] ? g->cells[VC_UNIT] : NULL;
	g->a.date = g->cells[VC_DATE];
	g->a.start = *g->cells[VC_START] ? g->cells[VC_START] : NULL;
	g->a.end = *g->cells[VC_END] ? g->cells[VC_END] : NULL;
	g->a.place = *g->cells[VC_PLACE] ? g->cells[VC_PLACE] : NULL;
	g->a.chair = *g->cells[VC_CHAIR] ? g->cells[VC_CHAIR] : NULL;
	g->a.secretary = *g->cells[VC_SECRETARY] ? g->cells[VC_SECRETARY] : NULL;
	g->a.method = *g->cells[VC_METHOD] ? map_method(g->cells[VC_METHOD]) : NULL;
	if (*g->cells[VC_MODE])
		g->a.mode = map_mode(g->cells[VC_MODE]);
	g->a.voters_at_place = count_cell(im, VC_AT_PLACE);
	g->a.invited = count_cell(im, VC_INVITED);
	g->a.present = count_cell(im, VC_PRESENT);
	g->a.tellers = count_cell(im, VC_TELLERS);
	g->a.ballots_issued = count_cell(im, VC_ISSUED);
	g->a.ballots_returned = count_cell(im, VC_RETURNED);
	g->a.ballots_valid = count_cell(im, VC_VALID);
	g->a.ballots_invalid = count_cell(im, VC_BINVALID);
	g->a.chair_position = *g->cells[VC_CHAIR_POS] ? g->cells[VC_CHAIR_POS] : NULL;
	g->a.secretary_position = *g->cells[VC_SECR_POS] ? g->cells[VC_SECR_POS] : NULL;
	g->a.commune = *g->cells[VC_COMMUNE] ? g->cells[VC_COMMUNE] : NULL;
	g->a.locality = *g->cells[VC_LOCALITY] ? g->cells[VC_LOCALITY] : NULL;
	g->a.issue_time = *g->cells[VC_ISSUE_TIME] ? g->cells[VC_ISSUE_TIME] : NULL;
	g->a.collect_time = *g->cells[VC_COLLECT_TIME] ? g->cells[VC_COLLECT_TIME] : NULL;
	group_minutes(g, im);
}

static void group_add_result(struct group *g, struct import *im)
{
	const char *cand = import_val(im, VC_CAND), *dob = import_val(im, VC_DOB);
	struct vresult *r;
	struct sbuf ref = SBUF_INIT;
	long revote;

	for (int c = 0; c < VC_N; c++) {
		const char *v = import_val(im, c);
		if (is_conference_col(c) && g->row != im->row && v && *v && strcmp(v, g->cells[c]))
			import_error(im, c, "khác dòng %ld của cùng hội nghị ('%s'); để trống hoặc ghi giống nhau", g->row,
				     g->cells[c]);
	}
	if (!cand || !*cand) {
		import_error(im, VC_CAND, "thiếu người ứng cử");
		return;
	}
	sbuf_addstr(&ref, cand);
	if (dob && *dob)
		sbuf_addf(&ref, " %s", dob);
	g->res = xrealloc(g->res, sizeof(*g->res) * (size_t)(g->nres + 1));
	r = &g->res[g->nres++];
	memset(r, 0, sizeof(*r));
	r->ref = sbuf_detach(&ref, NULL);
	r->trust = count_cell(im, VC_TRUST);
	r->distrust = count_cell(im, VC_DISTRUST);
	r->invalid = count_cell(im, VC_INVALID);
	r->revote = -1;
	if (r->trust < 0 && !im->row_errors)
		import_error(im, VC_TRUST, "thiếu số phiếu tín nhiệm");
	if (r->distrust < 0)
		r->distrust = 0;
	if (r->invalid < 0)
		r->invalid = 0;
	if (import_val(im, VC_OPINION) && *import_val(im, VC_OPINION)) {
		struct sbuf op = SBUF_INIT;
		sbuf_addf(&op, "%s: %s", r->ref, import_val(im, VC_OPINION));
		g->opinions = xrealloc(g->opinions, sizeof(*g->opinions) * (size_t)(g->nopinions + 1));
		g->opinions[g->nopinions++] = sbuf_detach(&op, NULL);
	}
	if ((revote = count_cell(im, VC_REVOTE)) >= 0) {
		g->rev = xrealloc(g->rev, sizeof(*g->rev) * (size_t)(g->nrev + 1));
		memset(&g->rev[g->nrev], 0, sizeof(*g->rev));
		g->rev[g->nrev].ref = xstrdup(r->ref);
		g->rev[g->nrev].trust = revote;
		g->nrev++;
	}
}

/* Check and store a gathered conference; counts it on success. */
static void group_flush(struct ctx *ctx, const struct rule_pack *pack, struct import *im, struct group *g,
			int *nconf, int *nres)
{
	long long id;

	if (!g->row)
		return;
	if (g->nopinions && g->a.opinions.n) {
		error_at(im->path, g->row, 0, "ý kiến nhận xét có cả trong cột '%s' và trong tệp biên bản của hội nghị này",
			 h_opinion[0]);
		im->nerrors++;
		group_release(g);
		return;
	}
	for (int i = 0; i < g->nopinions; i++)
		conf_list_add(&g->a.opinions, g->opinions[i]);
	if (g->bad_minutes) {
		group_release(g);
		return;
	}
	if (voters_record(ctx->db, pack, &g->a, g->res, g->nres, g->rev, g->nrev, im->path, g->row, &id) < 0) {
		im->nerrors++;
	} else {
		(*nconf)++;
		*nres += g->nres;
		/* so that audit log --candidate finds the conference that voted on them */
		ctx_subject(ctx, "conference", id);
		for (int i = 0; i < g->nres; i++)
			ctx_subject(ctx, "candidacy", g->res[i].cand);
	}
	group_release(g);
}

int cmd_voters_import(struct ctx *ctx, int argc, char **argv)
{
	static const char usage[] = "hiepthuong voters import TỆP [--body CƠ-QUAN] [--sheet TRANG]";
	struct book_info bi;
	struct import im;
	struct group g;
	const struct body_ref *def;
	struct rule_pack pack;
	int rc, r, nconf = 0, nres = 0;

	memset(&g, 0, sizeof(g));
	if (import_start(ctx, argc, argv, usage, voters_cols, VC_N, &bi, &def, &pack, &im, NULL, &rc) < 0)
		goto out;
	rc = -1;
	while ((r = import_next(&im)) == 1) {
		if (g.row && !same_conference(&g, &im))
			group_flush(ctx, &pack, &im, &g, &nconf, &nres);
		if (!g.row) {
			const char *b = import_val(&im, VC_BODY);
			const struct body_ref *br = b && *b ? book_body_find(&bi, b) : def;
			if (b && *b && !br)
				import_error(&im, VC_BODY, "không có cơ quan dân cử '%s' trong sổ", b);
			else if (!br)
				import_error(&im, VC_BODY, "không rõ cơ quan dân cử: ghi vào cột này hoặc dùng --body");
			group_start(&g, &im, br ? br->code : "");
			if (br)
				g.a.body = br->code;
		}
		group_add_result(&g, &im);
	}
	if (r == 0)
		group_flush(ctx, &pack, &im, &g, &nconf, &nres);
	if (r < 0 || im.nerrors) {
		fprintf(stderr, "%s: %d lỗi; không nhập gì, sổ không thay đổi\n", im.path, im.nerrors ? im.nerrors : 1);
		/* every error a rule's refusal of a conference: exit 1, as
		 * the refusals were printed as rule errors (diag.h) */
		goto out;
	}
	printf("%s: ghi %d hội nghị cử tri, %d kết quả tín nhiệm\n", im.path, nconf, nres);
	ctx_change(ctx, "nhập '%s' (SHA-256 %s): %d hội nghị cử tri, %d kết quả", im.path, import_sha256(&im), nconf,
		   nres);
	rc = 0;
out:
	group_release(&g);
	import_stop(&bi, &pack, &im);
	return rc;
}

/* ---- decide import ------------------------------------------------------ */

enum { DC_BODY, DC_CAND, DC_DOB, DC_STAGE, DC_DECISION, DC_REASON, DC_SPECIAL, DC_NOTE, DC_CONS, DC_N };

static const char *const h_stage[] = { "Bước", "Danh sách", "Hội nghị hiệp thương", NULL };
static const char *const h_dec[] = { "Quyết định", "Kết quả", NULL };
static const char *const h_reason[] = { "Lý do", "Lý do không đưa vào", NULL };
static const char *const h_special[] = { "Trường hợp đặc biệt", "Lý do trường hợp đặc biệt", NULL };
static const char *const h_note[] = { "Ghi chú", NULL };
static const char *const h_cons[] = { "Đơn vị bầu cử", "Đơn vị bầu cử số", NULL };

static const struct import_col decide_cols[DC_N] = {
	{ "body", h_body, 0 }, { "candidate", h_cand, 1 }, { "dob", h_dob, 0 }, { "stage", h_stage, 1 },
	{ "decision", h_dec, 1 }, { "reason", h_reason, 0 }, { "special", h_special, 0 }, { "note", h_note, 0 },
	{ "constituency", h_cons, 0 },
};

/* "preliminary" from the key, the stage's words, or a round number. */
static const char *map_stage(const char *v)
{
	const struct stage_def *s;

	if (!strcmp(v, "2") || text_equal_fold(v, "lần thứ hai"))
		return "preliminary";
	if (!strcmp(v, "3") || text_equal_fold(v, "lần thứ ba"))
		return "qualified";
	s = stage_find(v);
	return s ? s->key : NULL;
}

/* include / drop / withdraw from the key or Vietnamese words. */
static const char *map_decision(const char *v)
{
	static const char *const map[][2] = {
		{ "include", "include" }, { "đưa vào", "include" }, { "giới thiệu", "include" }, { "có", "include" },
		{ "drop", "drop" }, { "không đưa vào", "drop" }, { "không giới thiệu", "drop" }, { "không", "drop" },
		{ "withdraw", "withdraw" }, { "xin rút", "withdraw" }, { "rút", "withdraw" },
	};
	for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (text_equal_fold(map[i][0], v))
			return map[i][1];
	return NULL;
}

/* One decision; *decided is the candidacy it concerns (for the audit entry's subjects). */
static int decide_row(sqlite3 *db, const struct rule_pack *pack, struct book_info *bi, const struct body_ref *def,
		      struct import *im, const char *correct, int *ncorrected, long long *decided)
{
	const char *b = import_val(im, DC_BODY), *cand = import_val(im, DC_CAND), *dob = import_val(im, DC_DOB);
	const char *stage = map_stage(import_val(im, DC_STAGE)), *dec = map_decision(import_val(im, DC_DECISION));
	const char *reason_s = import_val(im, DC_REASON), *special = import_val(im, DC_SPECIAL);
	const char *note_text = import_val(im, DC_NOTE), *cons = import_val(im, DC_CONS);
	const char *reason = reason_s && *reason_s ? reason_parse(reason_s) : NULL;
	const struct body_ref *br = b && *b ? book_body_find(bi, b) : def;
	struct sbuf ref = SBUF_INIT;
	long long cand_id;
	long number = 0;
	int rc = -1;

	if (b && *b && !br)
		return import_error(im, DC_BODY, "không có cơ quan dân cử '%s' trong sổ", b);
	if (!br)
		return import_error(im, DC_BODY, "không rõ cơ quan dân cử: ghi vào cột này hoặc dùng --body");
	if (!stage)
		import_error(im, DC_STAGE, "bước '%s' không hợp lệ (được giới thiệu, danh sách sơ bộ, đủ tiêu chuẩn, "
					   "danh sách chính thức, hoặc 2, 3)", import_val(im, DC_STAGE));
	if (!dec)
		import_error(im, DC_DECISION, "quyết định '%s' không hợp lệ (đưa vào, không đưa vào, xin rút)",
			     import_val(im, DC_DECISION));
	if (reason_s && *reason_s && !reason)
		import_error(im, DC_REASON, "lý do '%s' không hợp lệ (xem docs/stages.md)", reason_s);
	if (dec && !strcmp(dec, "drop") && !reason)
		import_error(im, DC_REASON, "không đưa vào thì phải có lý do");
	if (stage && !strcmp(stage, "official") && dec && !strcmp(dec, "include")) {
		char *end;
		number = cons && *cons ? strtol(cons, &end, 10) : 0;
		if (number <= 0 || *end)
			import_error(im, DC_CONS, "cần số đơn vị bầu cử để đưa vào danh sách chính thức");
	}
	if (im->row_errors)
		return -1;
	sbuf_addstr(&ref, cand);
	if (dob && *dob)
		sbuf_addf(&ref, " %s", dob);
	cand_id = candref_resolve(db, br->id, ref.buf, im->path, im->row);
	sbuf_release(&ref);
	if (!cand_id) {
		im->nerrors++;
		return -1;
	}
	*decided = cand_id;
	{
		/* A locked list changes only by a correction (lock.h). */
		char st[16], status[16];
		const char *touches = stage;
		if (!strcmp(dec, "withdraw")) {
			if (stage_of(db, cand_id, st, status) < 0) {
				im->nerrors++;
				return -1;
			}
			touches = !strcmp(st, "official") && !strcmp(status, "active") ? "official" : NULL;
		}
		rc = touches ? lock_guard(db, br->id, cand_id, touches, correct, im->path, im->row) : 0;
		if (rc < 0) {
			im->nerrors++;
			return -1;
		}
		*ncorrected += rc;
	}
	if (!strcmp(dec, "withdraw")) {
		char st[16], status[16];
		if (stage_of(db, cand_id, st, status) < 0) {
			im->nerrors++;
			return -1;
		}
		if (strcmp(status, "active"))
			return import_error(im, DC_CAND, "người này đã dừng ở bước '%s'", stage_label(st));
		rc = stage_drop(db, cand_id, "withdrew", note_text && *note_text ? note_text : NULL, 0);
	} else if (!strcmp(stage, "official")) {
		rc = !strcmp(dec, "include") ? assign_one(db, br->id, cand_id, number, im->path, im->row)
					     : import_error(im, DC_DECISION, "danh sách chính thức chỉ nhận 'đưa vào'");
	} else {
		rc = decide_one(db, pack, br->id, cand_id, stage, !strcmp(dec, "drop") ? reason : NULL,
				special && *special ? special : NULL, note_text && *note_text ? note_text : NULL,
				im->path, im->row);
	}
	if (rc < 0)
		im->nerrors++;
	return rc;
}

int cmd_decide_import(struct ctx *ctx, int argc, char **argv)
{
	static const char usage[] = "hiepthuong decide import TỆP [--body CƠ-QUAN] [--sheet TRANG] [--correct LÝ_DO]";
	const char *correct_s = NULL;
	char *correct = NULL;
	int ncorrected = 0;
	struct book_info bi;
	struct import im;
	const struct body_ref *def;
	struct rule_pack pack;
	int rc, r, n = 0;

	if (import_start(ctx, argc, argv, usage, decide_cols, DC_N, &bi, &def, &pack, &im, &correct_s, &rc) < 0)
		goto out;
	rc = -1;
	if (correct_s && !(correct = lock_reason_arg(correct_s))) {
		diag_relabel(ERR_USAGE);
		goto out;
	}
	rc = -1;
	while ((r = import_next(&im)) == 1) {
		long long decided = 0;

		/* a refused row (DECIDE_REFUSED, ASSIGN_REFUSED) was printed as a
		 * rule error: when every error is one, the import exits 1 */
		if (!im.row_errors && decide_row(ctx->db, &pack, &bi, def, &im, correct, &ncorrected, &decided) == 0) {
			ctx_subject(ctx, "candidacy", decided);
			n++;
		}
	}
	if (r < 0 || im.nerrors) {
		fprintf(stderr, "%s: %d lỗi; không nhập gì, sổ không thay đổi\n", im.path, im.nerrors ? im.nerrors : 1);
		goto out;
	}
	printf("%s: ghi %d quyết định\n", im.path, n);
	ctx_change(ctx, "nhập '%s' (SHA-256 %s): %d quyết định", im.path, import_sha256(&im), n);
	if (ncorrected)
		ctx_change(ctx, "đính chính %d quyết định trong danh sách đã khóa; lý do: %s", ncorrected, correct);
	else if (correct)
		note("không dòng nào chạm danh sách đã khóa; lý do đính chính không được ghi");
	rc = 0;
out:
	free(correct);
	import_stop(&bi, &pack, &im);
	return rc;
}
