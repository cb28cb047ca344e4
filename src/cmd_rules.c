/*
 * COMMAND: rules
 * USAGE:   hiepthuong rules [--format text|json]
 *          hiepthuong rules show MÃ [--format text|json]
 *
 * `rules` lists the rule pack in force (the copy stored in the book): each
 * rule with its severity, the bodies it applies to, its kind and its
 * statement; then the kinds this build can check that the pack does not
 * use, and the rules of the law that are not checked mechanically (with
 * the reason, from docs/rule-packs.md §4.1 and §6).
 *
 * `rules show MÃ` prints one rule in full: statement, kind, parameters
 * (a deadline key with its day count and date for this election), and the
 * article it comes from.  For a rule that is not checked mechanically it
 * says why.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "book.h"
#include "cmd.h"
#include "date.h"
#include "db.h"
#include "diag.h"
#include "opt.h"
#include "sbuf.h"
#include "text.h"
#include "validate.h"
#include "banned.h"

static const char usage[] = "hiepthuong rules [--format text|json]\n"
			    "       hiepthuong rules show MÃ [--format text|json]";

/* What each kind checks, for people reading `rules show`. */
static const struct {
	const char *kind, *what;
} kind_docs[] = {
#define RULE_KIND(name, evaluator, want, doc, ...) { #name, doc },
#include "rule_kinds.h"
#undef RULE_KIND
};

/*
 * Rules of process.md §5 that no pack checks, and why (docs/rule-packs.md
 * §6; keep the two in step - t2000 compares them).
 */
static const struct {
	const char *id, *why;
} not_checked[] = {
	{ "ELIG-37", "phụ thuộc vào quyết định của tòa án, lý lịch tư pháp mà sổ không lưu (Điều 37 Luật Bầu cử); "
		     "chỉ ghi nhận" },
	{ "ELIG-STD", "tiêu chuẩn định tính (Điều 22 Luật Tổ chức Quốc hội; khoản 3 Điều 5 Luật số 72/2025/QH15); "
		      "phần kiểm tra được là ELIG-NAT và ELIG-HDND-LOC" },
	{ "HT-CONVENER", "phụ thuộc vào người triệu tập được ghi, không phải một con số" },
	{ "HT-MINUTES", "kiểm tra đủ mục của biên bản, thuộc về việc lập biểu mẫu" },
	{ "NOM-WINDOW", "mốc ngày của Nghị quyết liên tịch 102/2025 không có khóa thời hạn; HT-ORDER kiểm tra thứ tự" },
	{ "VC-WINDOW", "mốc ngày của Nghị quyết liên tịch 102/2025 không có khóa thời hạn; HT-ORDER kiểm tra thứ tự" },
	{ "VC-METHOD", "là danh mục cách biểu quyết được ghi, không có loại quy tắc" },
	{ "HDND-ETHNIC", "luật chỉ nói \"tỷ lệ hợp lý\", không có con số" },
	{ "HDND-WOMEN-ELECTED", "nói về kết quả bầu cử, không phải danh sách người ứng cử" },
	{ "NA-YOUNG", "nói về đại biểu trúng cử, \"khoảng\" 10%, chỉ biết qua báo chí" },
	{ "NA-PROV-MIN", "nói về người trúng cử và việc phân bổ đại biểu, không phải danh sách của sổ" },
	{ "LIST-COLUMNS", "thuộc về mẫu biểu khi xuất tệp, không phải dữ liệu" },
};

/* The ids of the 2026–2031 pack: those missing from another pack are listed as not checked there. */
static const char *const known_ids[] = {
	"ELIG-AGE", "ELIG-NAT", "ELIG-LEVELS", "ELIG-ONEUNIT", "ELIG-HDND-LOC", "ELIG-DOSSIER", "HT-ORDER",
	"HT-WINDOW", "HT-TELLERS", "HT-VOTERS", "LEAD-TELLERS", "HT2-EXCESS", "HT3-EXCESS-NA", "HT3-EXCESS-HDND",
	"HT3-TRUST", "HT3-SEND", "VERIFY-DEADLINE", "LIST-DEADLINE", "VC-QUORUM-WORK", "VC-QUORUM-RES", "VC-TELLERS",
	"VC-TRUST", "VC-BALLOTS", "THON-SELECT", "ALLOC-SUM", "NA-WOMEN", "NA-ETHNIC", "HDND-WOMEN", "HDND-NONPARTY",
	"HDND-YOUNG", "HDND-REELECT", "UNIT-NA-SEATS", "UNIT-HDND-SEATS", "SEATS-SUM", "EXCESS-NA", "EXCESS-HDND",
	"LIST-ORDER",
};

static const char missing_from_pack[] =
	"bộ quy tắc này không có quy tắc đó: văn bản quy định cho nhiệm kỳ này không có trong nguồn của dự án "
	"(docs/rule-packs.md §4.1)";

#define N(a) (sizeof(a) / sizeof((a)[0]))

static const char *kind_doc(const char *kind)
{
	for (size_t i = 0; i < N(kind_docs); i++)
		if (!strcmp(kind_docs[i].kind, kind))
			return kind_docs[i].what;
	return "";
}

static const char *applies_text(unsigned a)
{
	return a == (APPLIES_NA | APPLIES_HDND) ? "Quốc hội, Hội đồng nhân dân" : a == APPLIES_NA ? "Quốc hội"
											       : "Hội đồng nhân dân";
}

static int kind_used(const struct rule_pack *p, const char *kind)
{
	for (int i = 0; i < p->nrules; i++)
		if (!strcmp(p->rules[i].kind, kind))
			return 1;
	return 0;
}

/* Call fn for each not-checked (id, why) that applies to this pack. */
static void each_not_checked(const struct rule_pack *p, void (*fn)(const char *id, const char *why, void *arg),
			     void *arg)
{
	for (size_t i = 0; i < N(known_ids); i++)
		if (!rules_find(p, known_ids[i]))
			fn(known_ids[i], missing_from_pack, arg);
	for (size_t i = 0; i < N(not_checked); i++)
		fn(not_checked[i].id, not_checked[i].why, arg);
}

/* A deadline key with its days and date in this book: "ht3 (23 ngày trước ngày bầu cử: 20/02/2026)". */
static void add_deadline(struct sbuf *sb, sqlite3 *db, const char *key, int json)
{
	struct date eday, due;
	char err[64], due_s[16];
	long long days = db_query_int(db, -1, "SELECT days FROM deadline WHERE key = ?", key, (const char *)NULL);
	sqlite3_stmt *st = db_prepare(db, "SELECT election_day FROM election");
	int ok = st && sqlite3_step(st) == SQLITE_ROW &&
		 date_parse(db_col_text(st, 0), DATE_FULL, &eday, err, sizeof(err)) == 0 && days >= 0;

	if (ok) {
		due = date_add_days(eday, -(long)days);
		if (json)
			date_iso(due, due_s, sizeof(due_s));
		else
			date_vn(due, due_s, sizeof(due_s));
	}
	sqlite3_finalize(st);
	if (json) {
		sbuf_add_json(sb, key);
		if (ok)
			sbuf_addf(sb, ": {\"days\": %lld, \"date\": \"%s\"}", days, due_s);
		else
			sbuf_addstr(sb, ": null");
	} else if (ok) {
		sbuf_addf(sb, "%s (%lld ngày trước ngày bầu cử: %s)", key, days, due_s);
	} else {
		sbuf_addf(sb, "%s (không có trong sổ)", key);
	}
}

static int is_deadline_param(const struct rule *r, const struct rule_param *p)
{
	return (!strcmp(p->name, "deadline") && (!strcmp(r->kind, "deadline") || !strcmp(r->kind, "dossier_deadline"))) ||
	       (!strcmp(p->name, "deadlines") && !strcmp(r->kind, "round_window"));
}

static void params_text(struct sbuf *sb, sqlite3 *db, const struct rule *r)
{
	for (int i = 0; i < r->nparams; i++) {
		const struct rule_param *p = &r->params[i];

		sbuf_addf(sb, "  %s:%s", p->name, p->type == PT_SEATS_TABLE ? "" : " ");
		switch (p->type) {
		case PT_INT:
			sbuf_addf(sb, "%ld", p->i);
			break;
		case PT_BOOL:
			sbuf_addstr(sb, p->i ? "true" : "false");
			break;
		case PT_STR:
			if (is_deadline_param(r, p))
				add_deadline(sb, db, p->s, 0);
			else
				sbuf_addstr(sb, p->s);
			break;
		case PT_STRLIST:
			for (int j = 0; j < p->nlist; j++) {
				if (j)
					sbuf_addstr(sb, ", ");
				if (is_deadline_param(r, p))
					add_deadline(sb, db, p->list[j], 0);
				else
					sbuf_addstr(sb, p->list[j]);
			}
			break;
		case PT_SEATS_TABLE:
			for (int j = 0; j < p->nrows; j++)
				sbuf_addf(sb, "\n    %ld–%ld ghế: ít nhất số ghế + %ld người", p->rows[j].from, p->rows[j].to,
					  p->rows[j].extra);
			break;
		}
		sbuf_addch(sb, '\n');
	}
}

static void params_json(struct sbuf *sb, sqlite3 *db, const struct rule *r, int with_deadlines)
{
	sbuf_addch(sb, '{');
	for (int i = 0; i < r->nparams; i++) {
		const struct rule_param *p = &r->params[i];

		if (i)
			sbuf_addstr(sb, ", ");
		sbuf_add_json(sb, p->name);
		sbuf_addstr(sb, ": ");
		switch (p->type) {
		case PT_INT:
			sbuf_addf(sb, "%ld", p->i);
			break;
		case PT_BOOL:
			sbuf_addstr(sb, p->i ? "true" : "false");
			break;
		case PT_STR:
			sbuf_add_json(sb, p->s);
			break;
		case PT_STRLIST:
			sbuf_addch(sb, '[');
			for (int j = 0; j < p->nlist; j++) {
				if (j)
					sbuf_addstr(sb, ", ");
				sbuf_add_json(sb, p->list[j]);
			}
			sbuf_addch(sb, ']');
			break;
		case PT_SEATS_TABLE:
			sbuf_addch(sb, '[');
			for (int j = 0; j < p->nrows; j++)
				sbuf_addf(sb, "%s{\"seats_from\": %ld, \"seats_to\": %ld, \"extra\": %ld}", j ? ", " : "",
					  p->rows[j].from, p->rows[j].to, p->rows[j].extra);
			sbuf_addch(sb, ']');
			break;
		}
	}
	sbuf_addch(sb, '}');
	if (!with_deadlines)
		return;
	sbuf_addstr(sb, ", \"deadlines\": {");
	for (int i = 0, n = 0; i < r->nparams; i++) {
		const struct rule_param *p = &r->params[i];
		if (!is_deadline_param(r, p))
			continue;
		for (int j = 0; j < (p->type == PT_STR ? 1 : p->nlist); j++) {
			if (n++)
				sbuf_addstr(sb, ", ");
			add_deadline(sb, db, p->type == PT_STR ? p->s : p->list[j], 1);
		}
	}
	sbuf_addch(sb, '}');
}

static void rule_json(struct sbuf *sb, sqlite3 *db, const struct rule *r, int with_deadlines)
{
	sbuf_addstr(sb, "{\"id\": ");
	sbuf_add_json(sb, r->id);
	sbuf_addstr(sb, ", \"kind\": ");
	sbuf_add_json(sb, r->kind);
	sbuf_addstr(sb, ", \"severity\": ");
	sbuf_add_json(sb, severity_key(r->severity));
	sbuf_addstr(sb, ", \"applies_to\": [");
	if (r->applies & APPLIES_NA)
		sbuf_addstr(sb, (r->applies & APPLIES_HDND) ? "\"na\", " : "\"na\"");
	if (r->applies & APPLIES_HDND)
		sbuf_addstr(sb, "\"hdnd\"");
	sbuf_addstr(sb, "], \"title\": ");
	sbuf_add_json(sb, r->title);
	sbuf_addstr(sb, ", \"citation\": ");
	sbuf_add_json(sb, r->citation);
	sbuf_addstr(sb, ", \"params\": ");
	params_json(sb, db, r, with_deadlines);
	sbuf_addch(sb, '}');
}

struct nc_out {
	struct sbuf *sb;
	int json, n;
};

static void not_checked_out(const char *id, const char *why, void *arg)
{
	struct nc_out *o = arg;

	if (o->json) {
		sbuf_addstr(o->sb, o->n++ ? ",\n    {\"id\": " : "\n    {\"id\": ");
		sbuf_add_json(o->sb, id);
		sbuf_addstr(o->sb, ", \"reason\": ");
		sbuf_add_json(o->sb, why);
		sbuf_addch(o->sb, '}');
	} else {
		sbuf_addf(o->sb, "  %s: %s\n", id, why);
	}
}

static void list_pack(struct sbuf *sb, sqlite3 *db, const struct rule_pack *p, int json)
{
	const char *const *kinds = rules_known_kinds();
	struct nc_out o = { sb, json, 0 };
	int n = 0;

	if (json) {
		sbuf_addstr(sb, "{\"pack\": {\"id\": ");
		sbuf_add_json(sb, p->id);
		sbuf_addstr(sb, ", \"title\": ");
		sbuf_add_json(sb, p->title);
		sbuf_addstr(sb, ", \"law\": ");
		sbuf_add_json(sb, p->law);
		sbuf_addstr(sb, "},\n  \"rules\": [");
		for (int i = 0; i < p->nrules; i++) {
			sbuf_addstr(sb, i ? ",\n    " : "\n    ");
			rule_json(sb, db, &p->rules[i], 0);
		}
		sbuf_addstr(sb, "],\n  \"unused_kinds\": [");
		for (int i = 0; kinds[i]; i++)
			if (!kind_used(p, kinds[i])) {
				if (n++)
					sbuf_addstr(sb, ", ");
				sbuf_add_json(sb, kinds[i]);
			}
		sbuf_addstr(sb, "],\n  \"not_checked\": [");
		each_not_checked(p, not_checked_out, &o);
		sbuf_addstr(sb, "]}\n");
		return;
	}
	sbuf_addf(sb, "Bộ quy tắc %s: %s\nCăn cứ: %s\n\n%d quy tắc:\n", p->id, p->title, p->law, p->nrules);
	for (int i = 0; i < p->nrules; i++) {
		const struct rule *r = &p->rules[i];
		sbuf_addf(sb, "  %s [%s; %s; %s]\n      %s\n", r->id, severity_name(r->severity),
			  applies_text(r->applies), r->kind, r->title);
	}
	sbuf_addstr(sb, "\nLoại quy tắc có thể kiểm tra nhưng bộ này không dùng:");
	for (int i = 0; kinds[i]; i++)
		if (!kind_used(p, kinds[i]))
			sbuf_addf(sb, "%s %s", n++ ? "," : "", kinds[i]);
	if (!n)
		sbuf_addstr(sb, " (không có)");
	for (int i = 0; kinds[i]; i++)
		if (!validate_has_evaluator(kinds[i]))
			sbuf_addf(sb, "\nLoại quy tắc chưa có bộ kiểm tra: %s", kinds[i]);
	sbuf_addstr(sb, "\n\nKhông kiểm tra tự động:\n");
	each_not_checked(p, not_checked_out, &o);
}

struct find_nc {
	const char *id, *why;
};

static void find_nc(const char *id, const char *why, void *arg)
{
	struct find_nc *f = arg;

	if (!f->why && !strcmp(f->id, id))
		f->why = why;
}

static int show_rule(struct sbuf *sb, sqlite3 *db, const struct rule_pack *p, const char *want, int json)
{
	char *id = text_upper(want);
	const struct rule *r = id ? rules_find(p, id) : NULL;
	struct find_nc nc = { id, NULL };
	int rc = 0;

	if (!r) {
		if (id)
			each_not_checked(p, find_nc, &nc);
		if (!nc.why) {
			rc = usage_error("không có quy tắc '%s' trong bộ quy tắc '%s'; xem 'hiepthuong rules'", want, p->id);
		} else if (json) {
			sbuf_addstr(sb, "{\"id\": ");
			sbuf_add_json(sb, id);
			sbuf_addstr(sb, ", \"checked\": false, \"reason\": ");
			sbuf_add_json(sb, nc.why);
			sbuf_addstr(sb, "}\n");
		} else {
			sbuf_addf(sb, "%s: không kiểm tra tự động trong bộ quy tắc %s: %s\n", id, p->id, nc.why);
		}
	} else if (json) {
		rule_json(sb, db, r, 1);
		sbuf_addch(sb, '\n');
	} else {
		sbuf_addf(sb, "%s — %s\nÁp dụng: %s\nLoại: %s — %s\nQuy tắc: %s\n", r->id, severity_name(r->severity),
			  applies_text(r->applies), r->kind, kind_doc(r->kind), r->title);
		if (r->nparams) {
			sbuf_addstr(sb, "Tham số:\n");
			params_text(sb, db, r);
		}
		sbuf_addf(sb, "Căn cứ: %s\nBộ quy tắc: %s\n", r->citation, p->id);
	}
	free(id);
	return rc;
}

int cmd_rules(struct ctx *ctx, int argc, char **argv)
{
	const char *format = "text";
	struct opt opts[] = {
		OPT_STRING(0, "format", &format, "KIỂU", "text (mặc định) hoặc json"),
		OPT_END()
	};
	struct rule_pack pack;
	struct sbuf out = SBUF_INIT;
	int rc, json;

	argc = opt_parse(ctx, argc, argv, opts, usage, &rc);
	if (argc < 0)
		return rc;
	if (strcmp(format, "text") && strcmp(format, "json")) {
		usage_error("--format: '%s' không hợp lệ (chọn text hoặc json)", format);
		return -1;
	}
	json = !strcmp(format, "json");
	if (argc > 0 && strcmp(argv[0], "show")) {
		usage_error("lệnh rules không nhận đối số '%s' (dùng 'rules show MÃ')", argv[0]);
		return -1;
	}
	if (argc > 0 && argc != 2) {
		usage_error("'rules show' cần đúng một mã quy tắc");
		opt_usage(usage, opts, 1);
		return -1;
	}
	if (validate_load_pack(ctx->db, &pack) < 0) {
		rules_release(&pack);
		return -1;
	}
	rc = 0;
	if (argc == 2)
		rc = show_rule(&out, ctx->db, &pack, argv[1], json);
	else
		list_pack(&out, ctx->db, &pack, json);
	fputs(out.buf, stdout);
	sbuf_release(&out);
	rules_release(&pack);
	return rc;
}
