/*
 * COMMAND: candidate list
 * USAGE:   hiepthuong candidate list [--body CƠ-QUAN] [--unit ĐƠN-VỊ] [--stage BƯỚC] [--all]
 *                                    [--format text|csv|json]
 *
 * COMMAND: candidate show
 * USAGE:   hiepthuong candidate show NGƯỜI [--match-dob NGÀY] [--format text|json]
 *
 * `candidate list` lists candidacies in the official order of the lists
 * (process.md §5.6; collate_vi.h): by tên, then họ, then tên đệm, then the
 * earlier birth date, under the tone order of the book's rule pack.  The
 * order is the person's stored sort key, so SQLite sorts with a plain
 * ORDER BY.  Text output has one numbered list (STT from 1) per body;
 * csv and json have every field, with the columns `candidate import`
 * reads, so a list can be edited in a spreadsheet and imported into
 * another book.  Dropped candidacies are left out unless --all.
 *
 * `candidate show` prints one person's whole record and every candidacy
 * with its history.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "book.h"
#include "candidacy.h"
#include "cmd.h"
#include "db.h"
#include "diag.h"
#include "opt.h"
#include "vocab.h"
#include "person.h"
#include "sbuf.h"
#include "stage.h"
#include "table.h"
#include "units.h"
#include "banned.h"

/* SELECT list of the person fields, "p.ho, p.ten_dem, ...". */
static void person_select_list(struct sbuf *sql)
{
	for (int f = 0; f < PF_N; f++)
		sbuf_addf(sql, "%sp.%s", f ? ", " : "", person_fields[f].key);
}

static void read_person(sqlite3_stmt *st, int first, struct person *p)
{
	memset(p, 0, sizeof(*p));
	for (int f = 0; f < PF_N; f++)
		if (sqlite3_column_type(st, first + f) != SQLITE_NULL && *db_col_text(st, first + f))
			p->v[f] = xstrdup(db_col_text(st, first + f));
}

enum { TC_STT, TC_ID, TC_NAME, TC_DOB, TC_SEX, TC_ETHNIC, TC_FROM, TC_STAGE, TC_STATUS, TC_N };

static const struct column text_cols[TC_N] = {
	{ "stt", "STT", 1, 0 },
	{ "person_id", "Mã", 0, 0 },
	{ "name", "Họ và tên", 0, 0 },
	{ "dob", "Ngày sinh", 0, 0 },
	{ "sex", "Giới tính", 0, 0 },
	{ "ethnicity", "Dân tộc", 0, 0 },
	{ "unit_name", "Giới thiệu", 0, 0 },
	{ "stage", "Bước", 0, 0 },
	{ "status", "Trạng thái", 0, 0 },
};

/* Full columns of csv and json: stt, person_id, body, name, the person
 * fields, then the candidacy's. */
enum { FC_STT, FC_ID, FC_BODY, FC_NAME, FC_PERSON, FC_UNIT = FC_PERSON + PF_N, FC_UNIT_NAME, FC_SOURCE, FC_DOSSIER,
       FC_STAGE, FC_STATUS, FC_NOTE, FC_N };

static struct column full_cols[FC_N] = {
	{ "stt", "STT", 1, 0 },
	{ "person_id", "Mã", 1, 0 },
	{ "body", "Cơ quan dân cử", 0, 0 },
	{ "name", "Họ và tên", 0, 0 },
	[FC_UNIT] = { "unit", "Mã đơn vị", 0, 0 },
	[FC_UNIT_NAME] = { "unit_name", "Đơn vị giới thiệu", 0, 0 },
	[FC_SOURCE] = { "source", "Nguồn", 0, 0 },
	[FC_DOSSIER] = { "dossier_at", "Nhận hồ sơ", 0, 0 },
	[FC_STAGE] = { "stage", "Bước", 0, 0 },
	[FC_STATUS] = { "status", "Trạng thái", 0, 0 },
	[FC_NOTE] = { "note", "Ghi chú", 0, 0 },
};

static void print_body_table(struct table *t, const struct body_ref *b, enum out_format fmt, int *printed)
{
	if (fmt != FMT_TEXT || !b)
		return;
	int ncols = t->ncols;

	printf("%s%s [%s]: %d người ứng cử\n", (*printed)++ ? "\n" : "", b->name, b->code, t->nrows);
	table_print(t, FMT_TEXT, stdout);
	table_release(t);
	table_init(t, text_cols, ncols);
}

int cmd_candidate_list(struct ctx *ctx, int argc, char **argv)
{
	const char *usage = "hiepthuong candidate list [--body CƠ-QUAN] [--unit ĐƠN-VỊ] [--stage BƯỚC] [--all] "
			    "[--format text|csv|json]";
	const char *body_s = NULL, *unit_s = NULL, *stage_s = NULL, *format_s = NULL;
	int all = 0;
	struct opt opts[] = {
		OPT_STRING(0, "body", &body_s, "CƠ-QUAN", "chỉ người ứng cử cơ quan dân cử này"),
		OPT_STRING(0, "unit", &unit_s, "ĐƠN-VỊ", "chỉ người do đơn vị này giới thiệu ('tự ứng cử' cho người tự ứng cử)"),
		OPT_STRING(0, "stage", &stage_s, "BƯỚC", "chỉ bước này: proposed, nominated, preliminary, qualified, official"),
		OPT_BOOL(0, "all", &all, "cả những người đã dừng (rút, không được giới thiệu, ...)"),
		OPT_STRING(0, "format", &format_s, "DẠNG", "text (mặc định), csv hoặc json"),
		OPT_END()
	};
	struct book_info bi;
	const struct body_ref *b = NULL, *cur = NULL;
	const struct stage_def *stage = NULL;
	struct unit_row u = { 0 };
	enum out_format fmt;
	struct table t;
	struct sbuf sql = SBUF_INIT;
	sqlite3_stmt *st;
	int rc, stt = 0, printed = 0, self_only = 0;

	for (int f = 0; f < PF_N; f++) {
		full_cols[FC_PERSON + f].key = person_fields[f].key;
		full_cols[FC_PERSON + f].label = person_fields[f].label;
	}
	argc = opt_parse(ctx, argc, argv, opts, usage, &rc);
	if (argc < 0)
		return rc;
	if (argc > 0) {
		usage_error("lệnh candidate list không nhận đối số '%s'", argv[0]);
		return -1;
	}
	if (out_format_parse(format_s, &fmt) < 0)
		return diag_relabel(ERR_USAGE);
	if (stage_s && !(stage = stage_find(stage_s))) {
		usage_error("--stage '%s' không hợp lệ (proposed, nominated, preliminary, qualified, official)", stage_s);
		return -1;
	}
	if (book_info_load(ctx->db, &bi) < 0) {
		book_info_release(&bi);
		return -1;
	}
	rc = -1;
	if ((body_s || unit_s) && !(b = book_body_pick(&bi, body_s))) {
		diag_relabel(ERR_USAGE);
		goto out;
	}
	if (unit_s) {
		const char *src = source_parse(unit_s);
		int r;

		if (src && !strcmp(src, "self")) {
			self_only = 1;
		} else if ((r = unit_find(ctx->db, b->id, unit_s, &u)) != 1) {
			usage_error(r == 2 ? "tên '%s' trùng ở nhiều đơn vị; dùng mã" : "không có đơn vị '%s' của cơ quan dân cử "
				"này (xem 'hiepthuong unit list')", unit_s);
			goto out;
		}
	}
	sbuf_addstr(&sql, "SELECT c.body_id, p.id, coalesce(u.code, ''), coalesce(u.name, ''), c.source, c.dossier_at, "
			  "c.stage, c.status, c.note, ");
	person_select_list(&sql);
	sbuf_addstr(&sql, " FROM candidacy c JOIN person p ON p.id = c.person_id LEFT JOIN unit u ON u.id = c.unit_id "
			  "WHERE (?1 = 0 OR c.body_id = ?1) AND (?2 = 0 OR c.unit_id = ?2) AND (?3 = 0 OR c.unit_id IS NULL) "
			  "AND (?4 IS NULL OR c.stage = ?4) AND (?5 OR c.status = 'active') "
			  "ORDER BY c.body_id, p.sort_key, c.id");
	st = db_prepare(ctx->db, sql.buf);
	sbuf_release(&sql);
	rc = -1;
	if (!st)
		goto out;
	db_bind_int(st, 1, b ? b->id : 0);
	db_bind_int(st, 2, u.id);
	db_bind_int(st, 3, self_only);
	db_bind_text(st, 4, stage ? stage->key : NULL);
	db_bind_int(st, 5, all);
	if (fmt == FMT_TEXT)
		table_init(&t, text_cols, TC_N - !all);
	else
		table_init(&t, full_cols, FC_N);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const struct body_ref *rb = book_body_by_id(&bi, sqlite3_column_int64(st, 0));
		struct person p;
		char num[24], id[24], *full, *shown[PF_N];
		const char *unit_name = db_col_text(st, 3);

		if (rb != cur) {
			print_body_table(&t, cur, fmt, &printed);
			cur = rb;
			stt = 0;
		}
		read_person(st, 9, &p);
		p.id = sqlite3_column_int64(st, 1);
		full = person_full_name(&p);
		snprintf(num, sizeof(num), "%d", ++stt);
		for (int f = 0; f < PF_N; f++)
			shown[f] = person_display(&p, f);
		if (fmt == FMT_TEXT) {
			const char *cells[TC_N];
			snprintf(id, sizeof(id), "#%lld", p.id);
			cells[TC_STT] = num;
			cells[TC_ID] = id;
			cells[TC_NAME] = full;
			cells[TC_DOB] = shown[PF_DOB];
			cells[TC_SEX] = shown[PF_SEX];
			cells[TC_ETHNIC] = shown[PF_ETHNICITY];
			cells[TC_FROM] = *unit_name ? unit_name : "Tự ứng cử";
			cells[TC_STAGE] = stage_label(db_col_text(st, 6));
			cells[TC_STATUS] = !strcmp(db_col_text(st, 7), "dropped") ? "đã dừng" : "";
			table_add(&t, cells);
		} else {
			const char *cells[FC_N];
			snprintf(id, sizeof(id), "%lld", p.id);
			cells[FC_STT] = num;
			cells[FC_ID] = id;
			cells[FC_BODY] = rb ? rb->code : "";
			cells[FC_NAME] = full;
			for (int f = 0; f < PF_N; f++)
				cells[FC_PERSON + f] = p.v[f];
			cells[FC_UNIT] = db_col_text(st, 2);
			cells[FC_UNIT_NAME] = unit_name;
			cells[FC_SOURCE] = db_col_text(st, 4);
			cells[FC_DOSSIER] = db_col_text(st, 5);
			cells[FC_STAGE] = db_col_text(st, 6);
			cells[FC_STATUS] = db_col_text(st, 7);
			cells[FC_NOTE] = db_col_text(st, 8);
			table_add(&t, cells);
		}
		for (int f = 0; f < PF_N; f++)
			free(shown[f]);
		free(full);
		person_release(&p);
	}
	sqlite3_finalize(st);
	if (fmt == FMT_TEXT) {
		print_body_table(&t, cur, fmt, &printed);
		if (!printed)
			puts("(không có người ứng cử nào khớp)");
	} else {
		table_print(&t, fmt, stdout);
	}
	table_release(&t);
	rc = 0;
out:
	unit_row_release(&u);
	book_info_release(&bi);
	return rc;
}

static const char *decision_label(const char *d)
{
	const char *w = vocab_label("decision", d);

	return w ? w : d;
}

/* One candidacy's history, as text lines or a json array. */
static void show_history(sqlite3 *db, long long cid, enum out_format fmt, struct sbuf *js)
{
	/* In the order things happened; what was entered later about an
	 * earlier day comes at its day ("ghi ngày ..."). */
	sqlite3_stmt *st = db_prepare(db, "SELECT at, stage, decision, coalesce(reason, ''), coalesce(note, ''), "
					  "entered FROM candidacy_event WHERE candidacy_id = ? ORDER BY at, id");
	int n = 0;

	if (!st)
		return;
	db_bind_int(st, 1, cid);
	if (fmt == FMT_JSON)
		sbuf_addstr(js, ", \"history\": [");
	else
		puts("    Lịch sử:");
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *at = db_col_text(st, 0), *reason = db_col_text(st, 3), *note = db_col_text(st, 4);
		char *when = dossier_display(at);

		if (fmt == FMT_JSON) {
			sbuf_addstr(js, n ? ", {" : "{");
			const char *keys[] = { "at", "stage", "decision", "reason", "note", "entered" };
			for (int i = 0; i < 6; i++) {
				sbuf_addf(js, "%s\"%s\": ", i ? ", " : "", keys[i]);
				if (i >= 3 && !*db_col_text(st, i))
					sbuf_addstr(js, "null");
				else
					sbuf_add_json(js, db_col_text(st, i));
			}
			sbuf_addch(js, '}');
		} else {
			const char *entered = db_col_text(st, 5);
			char entered_vn[16];

			date_iso_to_vn(entered, entered_vn, sizeof(entered_vn));
			printf("      %s  %s  %s%s%s%s", when, stage_label(db_col_text(st, 1)),
			       decision_label(db_col_text(st, 2)), *reason ? " (" : "", *reason ? reason_label(reason) : "",
			       *reason ? ")" : "");
			if (strncmp(entered, at, 10) > 0)	/* entered later than it happened */
				printf("  (ghi ngày %s)", entered_vn);
			putchar('\n');
			if (*note)
				printf("        %s\n", note);
		}
		free(when);
		n++;
	}
	sqlite3_finalize(st);
	if (fmt == FMT_JSON)
		sbuf_addch(js, ']');
	else if (!n)
		puts("      (chưa có)");
}

static void show_candidacies(sqlite3 *db, const struct book_info *bi, long long person_id, enum out_format fmt,
			     struct sbuf *js)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT c.id, c.body_id, coalesce(u.code, ''), coalesce(u.name, ''), c.source, "
					  "coalesce(c.dossier_at, ''), c.stage, c.status, coalesce(c.drop_reason, ''), "
					  "coalesce(c.note, ''), coalesce(k.number, 0) FROM candidacy c "
					  "LEFT JOIN unit u ON u.id = c.unit_id LEFT JOIN constituency k ON k.id = c.constituency_id "
					  "WHERE c.person_id = ? ORDER BY c.body_id");
	int n = 0;

	if (!st)
		return;
	db_bind_int(st, 1, person_id);
	if (fmt == FMT_JSON)
		sbuf_addstr(js, ",\n  \"candidacies\": [");
	else
		puts("Ứng cử:");
	while (sqlite3_step(st) == SQLITE_ROW) {
		const struct body_ref *b = book_body_by_id(bi, sqlite3_column_int64(st, 1));
		const char *uname = db_col_text(st, 3), *note = db_col_text(st, 9);
		long long k = sqlite3_column_int64(st, 10);
		char *dossier = dossier_display(db_col_text(st, 5));

		if (fmt == FMT_JSON) {
			const char *keys[] = { NULL, NULL, "unit", "unit_name", "source", "dossier_at", "stage", "status",
					       "drop_reason", "note" };
			sbuf_addstr(js, n ? ",\n    {" : "\n    {");
			sbuf_addstr(js, "\"body\": ");
			sbuf_add_json(js, b ? b->code : "");
			for (int i = 2; i < 10; i++) {
				sbuf_addf(js, ", \"%s\": ", keys[i]);
				if (!*db_col_text(st, i))
					sbuf_addstr(js, "null");
				else
					sbuf_add_json(js, db_col_text(st, i));
			}
			if (k)
				sbuf_addf(js, ", \"constituency\": %lld", k);
			else
				sbuf_addstr(js, ", \"constituency\": null");
		} else {
			printf("  %s [%s]\n", b ? b->name : "?", b ? b->code : "?");
			if (*uname)
				printf("    Giới thiệu: %s (mã '%s'), %s\n", uname, db_col_text(st, 2),
				       source_label(db_col_text(st, 4)));
			else
				puts("    Giới thiệu: tự ứng cử");
			printf("    Nhận hồ sơ: %s\n", *dossier ? dossier : "(chưa ghi)");
			printf("    Bước: %s; %s%s\n", stage_label(db_col_text(st, 6)),
			       !strcmp(db_col_text(st, 7), "dropped") ? "đã dừng: " : "đang ứng cử",
			       *db_col_text(st, 8) ? reason_label(db_col_text(st, 8)) : "");
			if (k)
				printf("    Đơn vị bầu cử số %lld\n", k);
			if (*note)
				printf("    Ghi chú: %s\n", note);
		}
		show_history(db, sqlite3_column_int64(st, 0), fmt, js);
		if (fmt == FMT_JSON)
			sbuf_addch(js, '}');
		free(dossier);
		n++;
	}
	sqlite3_finalize(st);
	if (fmt == FMT_JSON)
		sbuf_addstr(js, n ? "\n  ]" : "]");
	else if (!n)
		puts("  (chưa ứng cử cơ quan dân cử nào)");
}

int cmd_candidate_show(struct ctx *ctx, int argc, char **argv)
{
	const char *usage = "hiepthuong candidate show NGƯỜI [--match-dob NGÀY] [--format text|json]";
	const char *format_s = NULL, *dob_s = NULL;
	struct opt opts[] = {
		OPT_STRING(0, "match-dob", &dob_s, "NGÀY", "ngày sinh, để chọn giữa những người trùng tên"),
		OPT_STRING(0, "format", &format_s, "DẠNG", "text (mặc định) hoặc json"),
		OPT_END()
	};
	struct book_info bi;
	struct person p = { 0 }, tmp = { 0 };
	struct sbuf js = SBUF_INIT;
	enum out_format fmt;
	char err[256], *full = NULL;
	long long id = 0;
	int rc;

	argc = opt_parse(ctx, argc, argv, opts, usage, &rc);
	if (argc < 0)
		return rc;
	if (argc != 1) {
		usage_error("cần đúng một người (mã #N hoặc họ và tên)");
		opt_usage(usage, opts, 1);
		return -1;
	}
	if (out_format_parse(format_s, &fmt) < 0)
		return diag_relabel(ERR_USAGE);
	if (fmt == FMT_CSV) {
		usage_error("candidate show in dạng text hoặc json; danh sách dạng csv: 'hiepthuong candidate list --format csv'");
		return -1;
	}
	if (dob_s && person_set(&tmp, PF_DOB, dob_s, err, sizeof(err)) < 0) {
		usage_error("--match-dob: %s", err);
		return -1;
	}
	if (book_info_load(ctx->db, &bi) < 0) {
		book_info_release(&bi);
		person_release(&tmp);
		return -1;
	}
	rc = -1;
	if (person_select(ctx->db, argv[0], tmp.v[PF_DOB], &id) != 1 || person_load(ctx->db, id, &p) != 1)
		goto out;
	full = person_full_name(&p);
	if (fmt == FMT_JSON) {
		sbuf_addf(&js, "{\n  \"person_id\": %lld,\n  \"name\": ", id);
		sbuf_add_json(&js, full);
		for (int f = 0; f < PF_N; f++) {
			sbuf_addf(&js, ",\n  \"%s\": ", person_fields[f].key);
			if (p.v[f])
				sbuf_add_json(&js, p.v[f]);
			else
				sbuf_addstr(&js, "null");
		}
	} else {
		printf("#%lld %s\n", id, full);
		for (int f = 0; f < PF_N; f++) {
			char *v = person_display(&p, f);
			printf("  %s: %s\n", person_fields[f].label, *v ? v : "—");
			free(v);
		}
	}
	show_candidacies(ctx->db, &bi, id, fmt, &js);
	if (fmt == FMT_JSON) {
		sbuf_addstr(&js, "\n}\n");
		fputs(js.buf, stdout);
	}
	rc = 0;
out:
	free(full);
	sbuf_release(&js);
	person_release(&p);
	person_release(&tmp);
	book_info_release(&bi);
	return rc;
}
