/*
 * COMMAND: workbook
 * USAGE:   hiepthuong workbook unit|alloc|candidate|voters|decide -o TỆP.xlsx [--filled] [--body CƠ-QUAN]
 *
 * An entry workbook: the sheet a clerk fills in Excel and gives back to
 * the matching import (`hiepthuong KIND import TỆP.xlsx`).  Its first sheet
 * has the import's columns under their Vietnamese headers (frozen), each
 * header with an input message saying what goes there and the rule the
 * value must meet (numbers from the book's rule pack and election), and
 * data validation on the rows below: drop-down lists from the book (bodies,
 * units, constituencies, candidates) and from the law and the data files
 * of config/lists/ (the 54 ethnic groups, religions, education levels,
 * stages, decisions, drop reasons, sex), dates formatted and checked as
 * dd/mm/yyyy, counts as whole numbers.  A second sheet tells how to fill
 * it and import it; a hidden third holds the lists.
 *
 * --filled writes the book's records into the rows: units, allocations in
 * force, candidacies (with their number, so that `candidate import` of the
 * edited workbook changes those records and adds no one twice), and for
 * voters and decide the active candidacies to be voted on or decided.
 *
 * docs/import.md is the clerk's guide to these workbooks.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xlsxwriter.h>
#include "book.h"
#include "candidacy.h"
#include "cmd.h"
#include "db.h"
#include "diag.h"
#include "opt.h"
#include "outfile.h"
#include "person.h"
#include "sbuf.h"
#include "stage.h"
#include "text.h"
#include "units.h"
#include "banned.h"

#ifndef HT_LISTS_DIR
#define HT_LISTS_DIR "/usr/local/share/hiepthuong/config/lists"
#endif

/* Rows given validation below the header (filled rows come on top). */
#define SPARE_ROWS 1000

enum wtype { W_TEXT, W_DATE, W_DATETIME, W_TIME, W_INT, W_LIST };

/* A drop-down list, one column of the hidden "Danh mục" sheet. */
struct wlist {
	const char *name;
	char **v;
	int n;
};

enum {
	L_BODY, L_UNIT, L_UNIT_OR_SELF, L_KIND, L_VERSION, L_SEX, L_ETHNIC, L_RELIGION, L_GENERAL, L_DEGREE,
	L_POLITICAL, L_CONF_KIND, L_METHOD, L_CAND, L_STAGE, L_DECISION, L_REASON, L_CONS, L_MODE, L_N
};

struct wcol {
	const char *header;	/* a header the import accepts */
	enum wtype type;
	int list;		/* L_*, for W_LIST */
	int strict;		/* W_LIST: refuse values not in the list */
	double width;
	char *help;		/* the input message (malloc'd) */
	const char *field;	/* --filled: the key of the value in a row */
};

struct wb {
	struct ctx *ctx;
	struct book_info bi;
	const struct body_ref *body;	/* --body, or NULL for every body */
	const char *kind;
	int filled;
	struct wlist lists[L_N];
	struct wcol *cols;
	int ncols;
	lxw_workbook *x;
	lxw_worksheet *ws, *help_ws, *lists_ws;
	lxw_format *f_head, *f_date, *f_datetime, *f_time, *f_int, *f_text, *f_title, *f_para;
	int err;
};

/* ---- lists ------------------------------------------------------------- */

static void list_add(struct wlist *l, const char *v)
{
	for (int i = 0; i < l->n; i++)
		if (!strcmp(l->v[i], v))
			return;
	l->v = xrealloc(l->v, sizeof(*l->v) * (size_t)(l->n + 1));
	l->v[l->n++] = xstrdup(v);
}

static const char *lists_dir(void)
{
	struct stat st;

#ifdef HT_LISTS_SRC
	if (stat(HT_LISTS_SRC, &st) == 0 && S_ISDIR(st.st_mode))
		return HT_LISTS_SRC;
#endif
	(void)st;
	return HT_LISTS_DIR;
}

/* A list from config/lists/NAME: one value a line, '#' comments. */
static int list_file(struct wlist *l, const char *file)
{
	struct sbuf path = SBUF_INIT, line = SBUF_INIT;
	FILE *f;
	int c, rc = 0;

	sbuf_addf(&path, "%s/%s", lists_dir(), file);
	f = fopen(path.buf, "r");
	if (!f) {
		rc = error("không mở được danh mục '%s': %s", path.buf, sys_msg(errno));
		sbuf_release(&path);
		return rc;
	}
	do {
		c = fgetc(f);
		if (c == '\n' || c == EOF) {
			char *v = text_trim_collapse(line.buf);
			if (!v) {
				rc = error("%s: không phải UTF-8", path.buf);
			} else if (*v && *v != '#') {
				list_add(l, v);
			}
			free(v);
			sbuf_reset(&line);
		} else if (c != '\r') {
			sbuf_addch(&line, c);
		}
	} while (c != EOF && rc == 0);
	fclose(f);
	sbuf_release(&line);
	sbuf_release(&path);
	return rc;
}

/* Values of one column of a query over the book. */
static void list_sql(struct wb *w, struct wlist *l, const char *sql)
{
	sqlite3_stmt *st = db_prepare(w->ctx->db, sql);

	if (!st) {
		w->err = 1;
		return;
	}
	sqlite3_bind_int64(st, 1, w->body ? w->body->id : 0);
	while (sqlite3_step(st) == SQLITE_ROW)
		if (*db_col_text(st, 0))
			list_add(l, db_col_text(st, 0));
	sqlite3_finalize(st);
}

static int load_lists(struct wb *w)
{
	static const char *const names[L_N] = {
		"Cơ quan dân cử", "Đơn vị", "Đơn vị giới thiệu", "Loại đơn vị", "Lần phân bổ", "Giới tính", "Dân tộc",
		"Tôn giáo", "Giáo dục phổ thông", "Học hàm, học vị", "Lý luận chính trị", "Loại hội nghị",
		"Hình thức biểu quyết", "Người ứng cử", "Bước", "Quyết định", "Lý do", "Đơn vị bầu cử",
		"Hình thức tổ chức"
	};
	struct wlist *L = w->lists;
	int nk;
	const struct unit_kind *k = unit_kinds(&nk);

	for (int i = 0; i < L_N; i++)
		L[i].name = names[i];
	for (int i = 0; i < w->bi.nbodies; i++)
		if (!w->body || w->body == &w->bi.bodies[i])
			list_add(&L[L_BODY], w->bi.bodies[i].name);
	list_add(&L[L_UNIT_OR_SELF], "Tự ứng cử");
	list_sql(w, &L[L_UNIT], "SELECT code FROM unit WHERE ?1 = 0 OR body_id = ?1 ORDER BY body_id, id");
	list_sql(w, &L[L_UNIT_OR_SELF], "SELECT code FROM unit WHERE ?1 = 0 OR body_id = ?1 ORDER BY body_id, id");
	for (int i = 0; i < nk; i++)
		if (unit_kind_allowed(&w->bi, k[i].key, (char[256]){ 0 }, 256) == 0)
			list_add(&L[L_KIND], k[i].label);
	for (int v = 1; v <= 3; v++)
		list_add(&L[L_VERSION], alloc_version_label(v));
	list_add(&L[L_SEX], "Nam");
	list_add(&L[L_SEX], "Nữ");
	list_add(&L[L_CONF_KIND], "nơi công tác");
	list_add(&L[L_CONF_KIND], "nơi cư trú");
	list_add(&L[L_CONF_KIND], "thôn, tổ dân phố");
	list_add(&L[L_METHOD], "giơ tay");
	list_add(&L[L_METHOD], "bỏ phiếu kín");
	list_add(&L[L_MODE], "trực tiếp");
	list_add(&L[L_MODE], "trực tuyến");
	list_add(&L[L_MODE], "phát phiếu");
	list_sql(w, &L[L_CAND], "SELECT p.ho || ' ' || CASE WHEN p.ten_dem <> '' THEN p.ten_dem || ' ' ELSE '' END || p.ten "
			       "FROM candidacy c JOIN person p ON p.id = c.person_id "
			       "WHERE c.status = 'active' AND (?1 = 0 OR c.body_id = ?1) ORDER BY p.sort_key");
	for (int i = 2; i < nstage_defs; i++)
		list_add(&L[L_STAGE], stage_defs[i].label);
	list_add(&L[L_DECISION], "đưa vào");
	list_add(&L[L_DECISION], "không đưa vào");
	list_add(&L[L_DECISION], "xin rút");
	{
		static const char *const codes[] = { "not_nominated", "workplace_trust", "residence_trust",
						     "verification", "not_qualified", "withdrew", "other" };
		for (size_t i = 0; i < sizeof(codes) / sizeof(codes[0]); i++)
			list_add(&L[L_REASON], reason_label(codes[i]));
	}
	list_sql(w, &L[L_CONS], "SELECT DISTINCT number FROM constituency WHERE ?1 = 0 OR body_id = ?1 ORDER BY number");
	if (list_file(&L[L_ETHNIC], "dan-toc.txt") < 0 || list_file(&L[L_RELIGION], "ton-giao.txt") < 0 ||
	    list_file(&L[L_GENERAL], "giao-duc-pho-thong.txt") < 0 || list_file(&L[L_DEGREE], "hoc-ham-hoc-vi.txt") < 0 ||
	    list_file(&L[L_POLITICAL], "ly-luan-chinh-tri.txt") < 0)
		return -1;
	return w->err ? -1 : 0;
}

/* ---- columns ------------------------------------------------------------ */

__attribute__((format(printf, 7, 8)))
static void col(struct wb *w, const char *header, enum wtype type, int list, int strict, const char *field,
		const char *fmt, ...)
{
	struct sbuf sb = SBUF_INIT;
	struct wcol *c;
	va_list ap;

	w->cols = xrealloc(w->cols, sizeof(*w->cols) * (size_t)(w->ncols + 1));
	c = &w->cols[w->ncols++];
	va_start(ap, fmt);
	sbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	c->header = header;
	c->type = type;
	c->list = list;
	c->strict = strict;
	c->field = field;
	c->help = sbuf_detach(&sb, NULL);
	c->width = type == W_DATE ? 13 : type == W_DATETIME ? 17 : type == W_TIME || type == W_INT ? 11 : 22;
}

static const char *body_help =
	"Cơ quan dân cử của dòng này (chọn trong danh sách). Để trống nếu sổ chỉ có một cơ quan hoặc khi nhập dùng --body.";

static void unit_cols(struct wb *w)
{
	col(w, "Cơ quan dân cử", W_LIST, L_BODY, 1, "body", "%s", body_help);
	col(w, "Mã đơn vị", W_TEXT, -1, 0, "code", "Mã ngắn, không trùng trong cùng cơ quan dân cử (ví dụ UBND). "
	    "Để trống thì dùng tên làm mã. Các bảng sau ghi đơn vị bằng mã này.");
	col(w, "Tên đơn vị", W_TEXT, -1, 0, "name", "Tên đầy đủ của cơ quan, tổ chức, đơn vị, thôn, tổ dân phố "
	    "giới thiệu người ứng cử. Bắt buộc; không trùng trong cùng cơ quan dân cử.");
	col(w, "Loại đơn vị", W_LIST, L_KIND, 1, "kind", "Chọn loại trong danh sách. Thôn, tổ dân phố chỉ giới "
	    "thiệu cho Hội đồng nhân dân cấp xã (Nghị quyết 101, Chương II).");
	w->cols[1].width = 14;
	w->cols[2].width = 45;
	w->cols[3].width = 30;
}

static void alloc_cols(struct wb *w)
{
	col(w, "Cơ quan dân cử", W_LIST, L_BODY, 1, "body", "%s", body_help);
	col(w, "Đơn vị", W_LIST, L_UNIT, 1, "unit", "Mã của đơn vị (chọn trong danh sách); đơn vị phải có trong sổ "
	    "(nhập bảng đơn vị trước).");
	col(w, "Lần", W_LIST, L_VERSION, 1, "version", "Hiệp thương lần thứ nhất, điều chỉnh lần thứ nhất, hoặc điều "
	    "chỉnh lần thứ hai (chỉ đại biểu Quốc hội). Để trống là lần thứ nhất.");
	for (int i = 0; i < AL_N; i++)
		col(w, alloc_fields[i].headers[0], W_INT, -1, 0, alloc_fields[i].key,
		    i == AL_COUNT ? "Số người đơn vị được giới thiệu (số nguyên, từ 0). Bắt buộc."
				  : "Chỉ tiêu cơ cấu trong số được phân bổ (số nguyên, không lớn hơn số được phân bổ). "
				    "Để trống là 0.");
	col(w, "Ngày quyết định", W_DATE, -1, 0, "decided_on", "Ngày hội nghị hiệp thương hoặc ngày điều chỉnh, "
	    "dạng dd/mm/yyyy.");
	col(w, "Ghi chú", W_TEXT, -1, 0, "note", "Ghi chú (không bắt buộc).");
	w->cols[1].width = 16;
	w->cols[2].width = 26;
}

static void candidate_cols(struct wb *w)
{
	char eday[16];

	date_vn(w->bi.election_day, eday, sizeof(eday));
	if (w->filled)
		col(w, "Mã ứng cử", W_INT, -1, 0, "number", "Số của ứng cử này trong sổ. KHÔNG SỬA: khi nhập lại, "
		    "dòng có số sẽ sửa đúng ứng cử đó; dòng để trống số là người mới.");
	col(w, "Cơ quan dân cử", W_LIST, L_BODY, 1, "body", "%s", body_help);
	for (int f = 0; f < PF_N; f++) {
		const struct person_field *pf = &person_fields[f];
		switch (f) {
		case PF_HO:
			col(w, pf->headers[0], W_TEXT, -1, 0, pf->key, "Họ (bắt buộc), ghi như trong hồ sơ. Họ kép ghi "
			    "đủ ở đây (Tôn Nữ, Âu Dương). Tên xếp theo vần A, B, C khi in danh sách.");
			break;
		case PF_TEN_DEM:
			col(w, pf->headers[0], W_TEXT, -1, 0, pf->key, "Tên đệm (có thể trống).");
			break;
		case PF_TEN:
			col(w, pf->headers[0], W_TEXT, -1, 0, pf->key, "Tên (bắt buộc).");
			break;
		case PF_OTHER_NAMES:
			col(w, pf->headers[0], W_TEXT, -1, 0, pf->key, "Tên thường dùng, chức vị, pháp danh theo tôn giáo "
			    "(in trong ngoặc đơn sau họ và tên).");
			break;
		case PF_DOB:
			if (w->bi.min_age_rule)
				col(w, pf->headers[0], W_DATE, -1, 0, pf->key, "Ngày sinh dd/mm/yyyy (chỉ biết năm: gõ "
				    "'1968). Bắt buộc. Phải đủ %ld tuổi vào ngày bầu cử %s (quy tắc %s).",
				    w->bi.min_age, eday, w->bi.min_age_rule);
			else
				col(w, pf->headers[0], W_DATE, -1, 0, pf->key, "Ngày sinh dd/mm/yyyy. Bắt buộc.");
			break;
		case PF_SEX:
			col(w, pf->headers[0], W_LIST, L_SEX, 1, pf->key, "Nam hoặc Nữ (bắt buộc).");
			break;
		case PF_NATIONALITY:
			col(w, pf->headers[0], W_TEXT, -1, 0, pf->key, "Như hồ sơ ứng cử: 'Chỉ có 01 quốc tịch là quốc "
			    "tịch Việt Nam và không trong thời gian thực hiện thủ tục xin gia nhập quốc tịch quốc gia "
			    "khác' (quy tắc ELIG-NAT).");
			break;
		case PF_ETHNICITY:
			col(w, pf->headers[0], W_LIST, L_ETHNIC, 1, pf->key, "Chọn một trong 54 dân tộc Việt Nam.");
			break;
		case PF_RELIGION:
			col(w, pf->headers[0], W_LIST, L_RELIGION, 0, pf->key, "Chọn trong danh sách, hoặc gõ tôn giáo "
			    "khác; 'Không' nếu không theo tôn giáo.");
			break;
		case PF_EDU_GENERAL:
			col(w, pf->headers[0], W_LIST, L_GENERAL, 0, pf->key, "Trình độ giáo dục phổ thông, ví dụ 12/12.");
			break;
		case PF_EDU_DEGREE:
			col(w, pf->headers[0], W_LIST, L_DEGREE, 0, pf->key, "Học hàm, học vị (có thể trống).");
			break;
		case PF_EDU_POLITICAL:
			col(w, pf->headers[0], W_LIST, L_POLITICAL, 0, pf->key, "Sơ cấp, Trung cấp, Cao cấp hoặc Cử nhân "
			    "(có thể trống).");
			break;
		case PF_PARTY_DATE:
			col(w, pf->headers[0], W_DATE, -1, 0, pf->key, "Ngày vào Đảng dd/mm/yyyy; để trống (hoặc "
			    "'Không') nếu không phải đảng viên. Sau ngày sinh, trước ngày bầu cử %s.", eday);
			break;
		case PF_NA_MEMBER:
			col(w, pf->headers[0], W_TEXT, -1, 0, pf->key, "Là đại biểu Quốc hội khóa nào (ví dụ XV); để trống "
			    "nếu không.");
			break;
		case PF_HDND_MEMBER:
			col(w, pf->headers[0], W_TEXT, -1, 0, pf->key, "Là đại biểu Hội đồng nhân dân cấp nào, nhiệm kỳ "
			    "nào; để trống nếu không.");
			break;
		default:
			col(w, pf->headers[0], W_TEXT, -1, 0, pf->key, "%s (như trong hồ sơ ứng cử).", pf->label);
			break;
		}
	}
	col(w, "Đơn vị giới thiệu", W_LIST, L_UNIT_OR_SELF, 1, "unit", "Mã đơn vị giới thiệu (chọn trong danh sách), "
	    "hoặc 'Tự ứng cử'. Đơn vị phải có trong sổ.");
	col(w, "Thời điểm nhận hồ sơ", W_DATETIME, -1, 0, "dossier_at", "Ngày và giờ nhận hồ sơ: dd/mm/yyyy hh:mm "
	    "(quy tắc ELIG-DOSSIER: hạn nộp hồ sơ).");
	col(w, "Ghi chú", W_TEXT, -1, 0, "note", "Ghi chú của danh sách (không bắt buộc).");
}

static void voters_cols(struct wb *w)
{
	col(w, "Loại hội nghị", W_LIST, L_CONF_KIND, 1, NULL, "Hội nghị cử tri nơi công tác, nơi cư trú, hoặc ở "
	    "thôn, tổ dân phố. Chỉ ghi ở dòng đầu của mỗi hội nghị.");
	col(w, "Cơ quan dân cử", W_LIST, L_BODY, 1, "body", "%s", body_help);
	col(w, "Đơn vị", W_LIST, L_UNIT, 1, NULL, "Cơ quan, đơn vị hoặc thôn, tổ dân phố tổ chức (hội nghị nơi công "
	    "tác, thôn); để trống với hội nghị nơi cư trú.");
	col(w, "Ngày họp", W_DATE, -1, 0, NULL, "Ngày họp dd/mm/yyyy (bắt buộc ở dòng đầu của hội nghị).");
	col(w, "Giờ bắt đầu", W_TIME, -1, 0, NULL, "Giờ bắt đầu hh:mm.");
	col(w, "Giờ kết thúc", W_TIME, -1, 0, NULL, "Giờ kết thúc hh:mm.");
	col(w, "Địa điểm", W_TEXT, -1, 0, NULL, "Nơi họp.");
	col(w, "Chủ trì", W_TEXT, -1, 0, NULL, "Người chủ trì.");
	col(w, "Thư ký", W_TEXT, -1, 0, NULL, "Thư ký hội nghị.");
	col(w, "Tổng số cử tri", W_INT, -1, 0, NULL, "Tổng số cử tri ở nơi tổ chức (số nguyên).");
	col(w, "Số cử tri được mời", W_INT, -1, 0, NULL, "Số cử tri được mời (số nguyên).");
	col(w, "Số cử tri có mặt", W_INT, -1, 0, NULL, "Số cử tri có mặt; phải đủ số quy định (quy tắc HT-VOTERS).");
	col(w, "Hình thức biểu quyết", W_LIST, L_METHOD, 1, NULL, "Giơ tay hoặc bỏ phiếu kín.");
	col(w, "Tổ kiểm phiếu", W_INT, -1, 0, NULL, "Số thành viên tổ kiểm phiếu (khi bỏ phiếu kín).");
	col(w, "Số phiếu phát ra", W_INT, -1, 0, NULL, "Số phiếu phát ra.");
	col(w, "Số phiếu thu về", W_INT, -1, 0, NULL, "Số phiếu thu về (không quá số phát ra).");
	col(w, "Số phiếu hợp lệ", W_INT, -1, 0, NULL, "Số phiếu hợp lệ.");
	col(w, "Số phiếu không hợp lệ", W_INT, -1, 0, NULL, "Số phiếu không hợp lệ.");
	col(w, "Người ứng cử", W_LIST, L_CAND, 0, "candidate", "Họ và tên người được lấy ý kiến (chọn trong danh "
	    "sách). Một dòng cho mỗi người.");
	col(w, "Ngày, tháng, năm sinh", W_DATE, -1, 0, "dob", "Ngày sinh, để phân biệt người trùng tên.");
	col(w, "Tín nhiệm", W_INT, -1, 0, NULL, "Số phiếu (hoặc số cử tri) tín nhiệm; phải trên 50%% số cử tri có "
	    "mặt (quy tắc VC-TRUST).");
	col(w, "Không tín nhiệm", W_INT, -1, 0, NULL, "Số không tín nhiệm.");
	col(w, "Không hợp lệ", W_INT, -1, 0, NULL, "Số phiếu không hợp lệ của người này.");
	col(w, "Biểu quyết lại", W_INT, -1, 0, NULL, "Số tín nhiệm khi biểu quyết lại (nếu có).");
	col(w, "Hình thức tổ chức", W_LIST, L_MODE, 1, NULL, "Trực tiếp (để trống cũng được), trực tuyến hoặc phát "
	    "phiếu lấy ý kiến (Mẫu 05/HNCT). Chỉ ghi ở dòng đầu của mỗi hội nghị.");
	w->cols[18].width = 28;
}

static void decide_cols(struct wb *w)
{
	col(w, "Cơ quan dân cử", W_LIST, L_BODY, 1, "body", "%s", body_help);
	col(w, "Người ứng cử", W_LIST, L_CAND, 0, "candidate", "Họ và tên như danh sách in (tên gọi khác trong "
	    "ngoặc đơn cũng được). Chọn trong danh sách.");
	col(w, "Ngày, tháng, năm sinh", W_DATE, -1, 0, "dob", "Ngày sinh, để phân biệt người trùng tên.");
	col(w, "Bước", W_LIST, L_STAGE, 1, "stage", "Danh sách sơ bộ (hiệp thương lần thứ hai), đủ tiêu chuẩn (lần thứ "
	    "ba) hoặc danh sách chính thức.");
	col(w, "Quyết định", W_LIST, L_DECISION, 1, NULL, "Đưa vào, không đưa vào (ghi lý do), hoặc xin rút.");
	col(w, "Lý do", W_LIST, L_REASON, 1, NULL, "Bắt buộc khi không đưa vào.");
	col(w, "Trường hợp đặc biệt", W_TEXT, -1, 0, NULL, "Lý do đưa vào khi không đủ điều kiện thông thường "
	    "(trường hợp đặc biệt).");
	col(w, "Ghi chú", W_TEXT, -1, 0, NULL, "Ghi chú.");
	col(w, "Đơn vị bầu cử", W_LIST, L_CONS, 1, NULL, "Số đơn vị bầu cử; bắt buộc khi đưa vào danh sách chính thức.");
	w->cols[1].width = 28;
}

/* ---- writing ------------------------------------------------------------- */

static void chk(struct wb *w, lxw_error e)
{
	if (e != LXW_NO_ERROR && !w->err) {
		w->err = 1;
		bug("libxlsxwriter: %s", lxw_strerror(e));
	}
}

static void write_lists(struct wb *w)
{
	for (int i = 0; i < L_N; i++) {
		chk(w, worksheet_write_string(w->lists_ws, 0, (lxw_col_t)i, w->lists[i].name, w->f_head));
		for (int j = 0; j < w->lists[i].n; j++)
			chk(w, worksheet_write_string(w->lists_ws, (lxw_row_t)j + 1, (lxw_col_t)i, w->lists[i].v[j], NULL));
	}
	worksheet_hide(w->lists_ws);
}

/* "Danh mục!$C$2:$C$12" for list i. */
static void list_ref(const struct wb *w, int i, char *buf, size_t len)
{
	char letters[8];
	long c = i + 1;
	int n = 0;

	while (c > 0) {
		c--;
		letters[n++] = (char)('A' + c % 26);
		c /= 26;
	}
	letters[n] = 0;
	for (int a = 0, b = n - 1; a < b; a++, b--) {
		char t = letters[a];
		letters[a] = letters[b];
		letters[b] = t;
	}
	snprintf(buf, len, "'Danh mục'!$%s$2:$%s$%d", letters, letters, w->lists[i].n + 1);
}

static lxw_datetime dt(int y, int m, int d)
{
	lxw_datetime t = { y, m, d, 0, 0, 0 };
	return t;
}

static void validation(struct wb *w, int c, lxw_row_t last)
{
	struct wcol *k = &w->cols[c];
	lxw_data_validation v;
	char ref[64], title[40];

	/* the header: its input message */
	memset(&v, 0, sizeof(v));
	v.validate = LXW_VALIDATION_TYPE_ANY;
	snprintf(title, sizeof(title), "%s", k->header);
	if (strlen(title) > 30)
		snprintf(title, sizeof(title), "Cột %d", c + 1);
	v.input_title = title;
	v.input_message = k->help;
	chk(w, worksheet_data_validation_cell(w->ws, 0, (lxw_col_t)c, &v));

	/* the cells below */
	memset(&v, 0, sizeof(v));
	v.input_title = title;
	v.input_message = k->help;
	v.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
	switch (k->type) {
	case W_TEXT:
		v.validate = LXW_VALIDATION_TYPE_ANY;
		break;
	case W_INT:
		v.validate = LXW_VALIDATION_TYPE_INTEGER;
		v.criteria = LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO;
		v.value_number = 0;
		v.error_title = "Cần số nguyên";
		v.error_message = "Ghi một số nguyên không âm, không có dấu phân cách.";
		break;
	case W_DATE:
	case W_DATETIME:
		v.validate = LXW_VALIDATION_TYPE_DATE;
		v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
		v.minimum_datetime = dt(1900, 1, 1);
		v.maximum_datetime = dt(2100, 12, 31);
		v.error_title = "Cần ngày dd/mm/yyyy";
		v.error_message = "Gõ ngày dạng dd/mm/yyyy. Nếu chỉ biết năm (hoặc tháng và năm), gõ dấu nháy đơn "
				  "trước: '1968 hoặc '06/1968.";
		/* the year-only form goes in as text: warn, do not stop */
		v.error_type = LXW_VALIDATION_ERROR_TYPE_WARNING;
		if (k->field && !strcmp(k->field, "dob") && w->bi.min_age_rule) {
			struct date d = w->bi.election_day;
			v.maximum_datetime = dt(d.y - (int)w->bi.min_age, d.m, d.d);
			v.error_title = "Chưa đủ tuổi?";
			v.error_message = "Người ứng cử phải đủ tuổi ứng cử vào ngày bầu cử (xem dòng tiêu đề). Gõ ngày "
					  "dạng dd/mm/yyyy.";
		}
		break;
	case W_TIME:
		v.validate = LXW_VALIDATION_TYPE_TIME;
		v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
		v.minimum_datetime = (lxw_datetime){ 0, 0, 0, 0, 0, 0 };
		v.maximum_datetime = (lxw_datetime){ 0, 0, 0, 23, 59, 0 };
		v.error_title = "Cần giờ hh:mm";
		v.error_message = "Gõ giờ dạng hh:mm, ví dụ 08:30.";
		break;
	case W_LIST:
		if (w->lists[k->list].n == 0) {
			v.validate = LXW_VALIDATION_TYPE_ANY;
			break;
		}
		list_ref(w, k->list, ref, sizeof(ref));
		v.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
		v.value_formula = ref;
		v.error_title = "Chọn trong danh sách";
		v.error_message = k->strict ? "Giá trị phải là một mục của danh sách thả xuống."
					    : "Giá trị không có trong danh sách. Vẫn ghi nếu đúng như hồ sơ.";
		if (!k->strict)
			v.error_type = LXW_VALIDATION_ERROR_TYPE_WARNING;
		break;
	}
	chk(w, worksheet_data_validation_range(w->ws, 1, (lxw_col_t)c, last, (lxw_col_t)c, &v));
}

static lxw_format *col_format(struct wb *w, const struct wcol *k)
{
	switch (k->type) {
	case W_DATE:
		return w->f_date;
	case W_DATETIME:
		return w->f_datetime;
	case W_TIME:
		return w->f_time;
	case W_INT:
		return w->f_int;
	default:
		return w->f_text;
	}
}

/* A value of the book into a cell, typed as the column wants it. */
static void put_value(struct wb *w, lxw_row_t row, int c, const char *v)
{
	const struct wcol *k = &w->cols[c];
	lxw_format *f = col_format(w, k);
	struct date d;
	char err[64];
	int hh, mm;

	if (!v || !*v)
		return;
	/* unit kinds and allocation versions are stored as keys */
	if (k->type == W_LIST && k->list == L_KIND)
		v = unit_kind_label(v);
	else if (k->type == W_LIST && k->list == L_VERSION)
		v = alloc_version_label((int)strtol(v, NULL, 10));
	if ((k->type == W_DATE || k->type == W_DATETIME) && strlen(v) >= 10 && date_parse(v, DATE_FULL, &d, err,
											   sizeof(err)) < 0 &&
	    sscanf(v + 10, " %d:%d", &hh, &mm) == 2) {
		char day[11];
		memcpy(day, v, 10);
		day[10] = 0;
		if (date_parse(day, DATE_FULL, &d, err, sizeof(err)) == 0) {
			lxw_datetime t = { d.y, d.m, d.d, hh, mm, 0 };
			chk(w, worksheet_write_datetime(w->ws, row, (lxw_col_t)c, &t, w->f_datetime));
			return;
		}
	}
	if ((k->type == W_DATE || k->type == W_DATETIME) && date_parse(v, DATE_FULL, &d, err, sizeof(err)) == 0) {
		lxw_datetime t = dt(d.y, d.m, d.d);
		chk(w, worksheet_write_datetime(w->ws, row, (lxw_col_t)c, &t, w->f_date));
		return;
	}
	if ((k->type == W_DATE || k->type == W_DATETIME) && date_parse(v, DATE_PARTIAL, &d, err, sizeof(err)) == 0) {
		char vn[16];
		date_vn(d, vn, sizeof(vn));	/* a year, a month: as text */
		chk(w, worksheet_write_string(w->ws, row, (lxw_col_t)c, vn, w->f_text));
		return;
	}
	if (k->type == W_INT) {
		char *end;
		long long n = strtoll(v, &end, 10);
		if (!*end) {
			chk(w, worksheet_write_number(w->ws, row, (lxw_col_t)c, (double)n, f));
			return;
		}
	}
	chk(w, worksheet_write_string(w->ws, row, (lxw_col_t)c, v, w->f_text));
}

/* --filled: the rows of a query whose column names are the columns' fields. */
static lxw_row_t fill(struct wb *w, const char *sql)
{
	sqlite3_stmt *st = db_prepare(w->ctx->db, sql);
	lxw_row_t row = 1;
	int *map;
	int n;

	if (!st) {
		w->err = 1;
		return row;
	}
	n = sqlite3_column_count(st);
	map = xmalloc(sizeof(*map) * (size_t)(n ? n : 1));
	for (int i = 0; i < n; i++) {
		map[i] = -1;
		for (int c = 0; c < w->ncols; c++)
			if (w->cols[c].field && !strcmp(w->cols[c].field, sqlite3_column_name(st, i)))
				map[i] = c;
	}
	sqlite3_bind_int64(st, 1, w->body ? w->body->id : 0);
	while (sqlite3_step(st) == SQLITE_ROW) {
		for (int i = 0; i < n; i++)
			if (map[i] >= 0)
				put_value(w, row, map[i], db_col_text(st, i));
		row++;
	}
	sqlite3_finalize(st);
	free(map);
	return row;
}

static lxw_row_t fill_rows(struct wb *w)
{
	if (!w->filled)
		return 1;
	if (!strcmp(w->kind, "unit"))
		return fill(w, "SELECT b.name AS body, u.code AS code, u.name AS name, u.kind AS kind FROM unit u "
			       "JOIN body b ON b.id = u.body_id WHERE ?1 = 0 OR u.body_id = ?1 ORDER BY u.body_id, u.id");
	if (!strcmp(w->kind, "alloc"))
		return fill(w, "SELECT b.name AS body, u.code AS unit, a.version AS version, a.count AS count, "
			       "a.women AS women, a.reelected AS reelected, a.non_party AS non_party, a.young AS young, "
			       "a.ethnic_minority AS ethnic_minority, a.decided_on AS decided_on, a.note AS note "
			       "FROM allocation a JOIN unit u ON u.id = a.unit_id JOIN body b ON b.id = u.body_id "
			       "WHERE (?1 = 0 OR u.body_id = ?1) AND a.version = (SELECT max(version) FROM allocation "
			       "WHERE unit_id = u.id) ORDER BY u.body_id, u.id");
	if (!strcmp(w->kind, "candidate"))
		return fill(w, "SELECT c.id AS number, b.name AS body, p.ho AS ho, p.ten_dem AS ten_dem, p.ten AS ten, "
			       "p.other_names AS other_names, p.dob AS dob, CASE p.sex WHEN 'nam' THEN 'Nam' ELSE 'Nữ' END "
			       "AS sex, p.nationality AS nationality, p.ethnicity AS ethnicity, p.religion AS religion, "
			       "p.hometown AS hometown, p.residence AS residence, p.edu_general AS edu_general, "
			       "p.edu_professional AS edu_professional, p.edu_degree AS edu_degree, "
			       "p.edu_political AS edu_political, p.edu_language AS edu_language, "
			       "p.occupation AS occupation, p.position AS position, p.workplace AS workplace, "
			       "p.party_date AS party_date, p.na_member AS na_member, p.hdnd_member AS hdnd_member, "
			       "CASE WHEN c.source = 'self' THEN 'Tự ứng cử' ELSE u.code END AS unit, "
			       "c.dossier_at AS dossier_at, c.note AS note "
			       "FROM candidacy c JOIN person p ON p.id = c.person_id JOIN body b ON b.id = c.body_id "
			       "LEFT JOIN unit u ON u.id = c.unit_id WHERE ?1 = 0 OR c.body_id = ?1 "
			       "ORDER BY c.body_id, p.sort_key");
	if (!strcmp(w->kind, "voters"))
		return fill(w, "SELECT b.name AS body, p.ho || ' ' || CASE WHEN p.ten_dem <> '' THEN p.ten_dem || ' ' "
			       "ELSE '' END || p.ten AS candidate, p.dob AS dob FROM candidacy c JOIN person p "
			       "ON p.id = c.person_id JOIN body b ON b.id = c.body_id WHERE c.status = 'active' "
			       "AND (?1 = 0 OR c.body_id = ?1) ORDER BY c.body_id, p.sort_key");
	/* decide: each active candidacy, with the next stage to decide */
	return fill(w, "SELECT b.name AS body, p.ho || ' ' || CASE WHEN p.ten_dem <> '' THEN p.ten_dem || ' ' ELSE '' "
		       "END || p.ten AS candidate, p.dob AS dob, CASE c.stage WHEN 'nominated' THEN 'danh sách sơ bộ' "
		       "WHEN 'preliminary' THEN 'đủ tiêu chuẩn' WHEN 'qualified' THEN 'danh sách chính thức' END AS stage "
		       "FROM candidacy c JOIN person p ON p.id = c.person_id JOIN body b ON b.id = c.body_id "
		       "WHERE c.status = 'active' AND c.stage IN ('nominated', 'preliminary', 'qualified') "
		       "AND (?1 = 0 OR c.body_id = ?1) ORDER BY c.body_id, p.sort_key");
}

static const char *kind_title(const char *kind)
{
	return !strcmp(kind, "unit") ? "đơn vị giới thiệu người ứng cử"
	     : !strcmp(kind, "alloc") ? "phân bổ số lượng, cơ cấu người được giới thiệu"
	     : !strcmp(kind, "candidate") ? "người được giới thiệu và người tự ứng cử"
	     : !strcmp(kind, "voters") ? "kết quả hội nghị cử tri"
	     : "quyết định đưa vào, không đưa vào danh sách";
}

static void help_sheet(struct wb *w, const char *file)
{
	struct sbuf sb = SBUF_INIT;
	lxw_row_t r = 0;
	const char *lines[16];
	int n = 0;

	worksheet_set_column(w->help_ws, 0, 0, 110, w->f_para);
	sbuf_addf(&sb, "SỔ NHẬP LIỆU: %s", kind_title(w->kind));
	chk(w, worksheet_write_string(w->help_ws, r++, 0, sb.buf, w->f_title));
	sbuf_reset(&sb);
	r++;
	lines[n++] = "1. Ghi mỗi dòng một bản ghi ở trang đầu, dưới dòng tiêu đề. Không sửa, không xóa, không đổi thứ tự "
		     "các cột tiêu đề; có thể xóa các dòng không dùng.";
	lines[n++] = "2. Chọn ô để xem hướng dẫn của cột. Các cột có mũi tên thả xuống: chọn trong danh sách (lấy từ sổ "
		     "và từ luật: cơ quan dân cử, đơn vị, dân tộc, bước, lý do...).";
	lines[n++] = "3. Ngày gõ dạng dd/mm/yyyy (ví dụ 05/12/2025). Chỉ biết năm sinh: gõ dấu nháy đơn trước, '1968. "
		     "Số lượng là số nguyên, không có dấu chấm, dấu phẩy.";
	lines[n++] = "4. Lưu tệp dạng Excel (.xlsx), giữ nguyên tên trang đầu. Không đặt mật khẩu.";
	lines[n++] = "5. Nhập vào sổ (tất cả hoặc không gì: có lỗi ở bất kỳ ô nào thì sổ không thay đổi):";
	for (int i = 0; i < n; i++)
		chk(w, worksheet_write_string(w->help_ws, r++, 0, lines[i], w->f_para));
	sbuf_addf(&sb, "        hiepthuong %s import %s", w->kind, file);
	chk(w, worksheet_write_string(w->help_ws, r++, 0, sb.buf, w->f_para));
	n = 0;
	lines[n++] = "6. Lỗi được báo theo ô, như Excel ghi: 'tệp.xlsx: Trang!C7: lỗi: ...'. Sửa đúng ô đó rồi nhập lại.";
	if (w->filled && !strcmp(w->kind, "candidate"))
		lines[n++] = "7. Tệp đã điền sẵn dữ liệu trong sổ. Cột 'Mã ứng cử' là số của từng ứng cử: KHÔNG SỬA. Khi "
			     "nhập lại, dòng có số sẽ sửa đúng người, đúng ứng cử đó (mọi thay đổi được ghi nhật ký); "
			     "dòng thêm mới để trống cột này.";
	else if (w->filled && (!strcmp(w->kind, "voters") || !strcmp(w->kind, "decide")))
		lines[n++] = "7. Tệp đã ghi sẵn những người đang trong danh sách. Điền các cột còn trống; xóa dòng của "
			     "người không xét lần này.";
	else if (w->filled)
		lines[n++] = "7. Tệp đã điền sẵn dữ liệu trong sổ; dòng giống hệt sổ được bỏ qua khi nhập lại, dòng mới "
			     "được thêm. Muốn sửa bản ghi đã có, dùng lệnh sửa (unit edit, alloc set).";
	lines[n++] = "Hướng dẫn đầy đủ: docs/import.md.";
	for (int i = 0; i < n; i++)
		chk(w, worksheet_write_string(w->help_ws, r++, 0, lines[i], w->f_para));
	sbuf_release(&sb);
}

static void formats(struct wb *w)
{
	w->f_head = workbook_add_format(w->x);
	format_set_bold(w->f_head);
	format_set_text_wrap(w->f_head);
	format_set_align(w->f_head, LXW_ALIGN_CENTER);
	format_set_align(w->f_head, LXW_ALIGN_VERTICAL_CENTER);
	format_set_bg_color(w->f_head, 0xDDEBF7);
	format_set_border(w->f_head, LXW_BORDER_THIN);
	w->f_date = workbook_add_format(w->x);
	format_set_num_format(w->f_date, "dd/mm/yyyy");
	w->f_datetime = workbook_add_format(w->x);
	format_set_num_format(w->f_datetime, "dd/mm/yyyy hh:mm");
	w->f_time = workbook_add_format(w->x);
	format_set_num_format(w->f_time, "hh:mm");
	w->f_int = workbook_add_format(w->x);
	format_set_num_format(w->f_int, "0");
	w->f_text = workbook_add_format(w->x);
	format_set_num_format(w->f_text, "@");
	w->f_title = workbook_add_format(w->x);
	format_set_bold(w->f_title);
	format_set_font_size(w->f_title, 14);
	w->f_para = workbook_add_format(w->x);
	format_set_text_wrap(w->f_para);
}

static const char *sheet_name(const char *kind)
{
	return !strcmp(kind, "unit") ? "Đơn vị" : !strcmp(kind, "alloc") ? "Phân bổ"
	     : !strcmp(kind, "candidate") ? "Người ứng cử" : !strcmp(kind, "voters") ? "Hội nghị cử tri" : "Quyết định";
}

static int write_workbook(struct wb *w, const char *path)
{
	/* not constant_memory: the lists sheet is written column by column */
	lxw_workbook_options wo = { LXW_FALSE, NULL, LXW_FALSE };
	char *tmp = out_temp_beside(path);
	lxw_row_t rows;
	lxw_error e;

	if (!tmp)
		return -1;
	w->x = workbook_new_opt(tmp, &wo);
	if (!w->x) {
		out_temp_discard(tmp);
		return error("không tạo được tệp '%s'", path);
	}
	formats(w);
	w->ws = workbook_add_worksheet(w->x, sheet_name(w->kind));
	w->help_ws = workbook_add_worksheet(w->x, "Hướng dẫn");
	w->lists_ws = workbook_add_worksheet(w->x, "Danh mục");
	write_lists(w);
	chk(w, worksheet_set_row(w->ws, 0, 48, NULL));
	for (int c = 0; c < w->ncols; c++) {
		chk(w, worksheet_set_column(w->ws, (lxw_col_t)c, (lxw_col_t)c, w->cols[c].width, col_format(w, &w->cols[c])));
		chk(w, worksheet_write_string(w->ws, 0, (lxw_col_t)c, w->cols[c].header, w->f_head));
	}
	worksheet_freeze_panes(w->ws, 1, 0);
	rows = fill_rows(w);
	for (int c = 0; c < w->ncols; c++)
		validation(w, c, rows + SPARE_ROWS);
	help_sheet(w, path);
	e = workbook_close(w->x);
	w->x = NULL;
	if (e != LXW_NO_ERROR || w->err) {
		int en = errno;
		out_temp_discard(tmp);
		return error("không ghi được '%s': %s", path, sys_msg(en ? en : EIO));
	}
	if (out_put_in_place(tmp, path) < 0)
		return -1;
	printf("%s: sổ nhập liệu %s, %d cột%s; nhập lại bằng 'hiepthuong %s import %s'\n", path, kind_title(w->kind),
	       w->ncols, w->filled ? ", đã điền dữ liệu trong sổ" : "", w->kind, path);
	return 0;
}

int cmd_workbook(struct ctx *ctx, int argc, char **argv)
{
	static const char usage[] =
		"hiepthuong workbook unit|alloc|candidate|voters|decide -o TỆP.xlsx [--filled] [--body CƠ-QUAN] [--force]";
	static const char *const kinds[] = { "unit", "alloc", "candidate", "voters", "decide", NULL };
	const char *out = NULL, *body_s = NULL;
	int filled = 0, force = 0, rc, k = -1;
	struct opt opts[] = {
		OPT_STRING('o', "output", &out, "TỆP.xlsx", "tệp Excel sẽ ghi (bắt buộc)"),
		OPT_BOOL(0, "filled", &filled, "điền sẵn dữ liệu đang có trong sổ (sửa rồi nhập lại)"),
		OPT_STRING(0, "body", &body_s, "CƠ-QUAN", "chỉ một cơ quan dân cử (mặc định: tất cả)"),
		OPT_BOOL(0, "force", &force, "ghi đè tệp đã có (kể cả sổ nhập liệu đã điền)"),
		OPT_END()
	};
	struct wb w;

	argc = opt_parse(ctx, argc, argv, opts, usage, &rc);
	if (argc < 0)
		return rc;
	for (int i = 0; argc == 1 && kinds[i]; i++)
		if (!strcmp(argv[0], kinds[i]))
			k = i;
	if (argc != 1 || k < 0 || !out) {
		if (argc != 1)
			usage_error("cần một loại sổ: unit, alloc, candidate, voters hoặc decide");
		else if (k < 0)
			usage_error("không có loại sổ '%s' (unit, alloc, candidate, voters, decide)", argv[0]);
		else
			usage_error("thiếu -o TỆP.xlsx");
		opt_usage(usage, opts, 1);
		return -1;
	}
	{
		size_t n = strlen(out);
		if (n < 5 || strcmp(out + n - 5, ".xlsx")) {
			usage_error("tên tệp '%s' không có đuôi .xlsx: sổ nhập liệu là tệp Excel (.xlsx)", out);
			return -1;
		}
	}
	/* an existing file, even a workbook written here, may hold a clerk's
	 * work: never replaced without --force (outfile.h) */
	if (out_may_write(out, OUT_BACKUP, force, ctx->db_path) < 0)
		return -1;
	memset(&w, 0, sizeof(w));
	w.ctx = ctx;
	w.kind = kinds[k];
	w.filled = filled;
	rc = -1;
	if (book_info_load(ctx->db, &w.bi) < 0 || (body_s && !(w.body = book_body_pick(&w.bi, body_s))))
		goto out;
	if (load_lists(&w) < 0)
		goto out;
	switch (k) {
	case 0: unit_cols(&w); break;
	case 1: alloc_cols(&w); break;
	case 2: candidate_cols(&w); break;
	case 3: voters_cols(&w); break;
	default: decide_cols(&w); break;
	}
	rc = write_workbook(&w, out) < 0 ? -1 : 0;
out:
	for (int i = 0; i < L_N; i++) {
		for (int j = 0; j < w.lists[i].n; j++)
			free(w.lists[i].v[j]);
		free(w.lists[i].v);
	}
	for (int c = 0; c < w.ncols; c++)
		free(w.cols[c].help);
	free(w.cols);
	book_info_release(&w.bi);
	return rc;
}
