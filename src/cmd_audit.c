/*
 * COMMAND: audit log
 * USAGE:   hiepthuong audit log [--candidate ID] [--body MÃ] [--since NGÀY] [--until NGÀY]
 *                               [--format text|json]
 * COMMAND: audit verify
 * USAGE:   hiepthuong audit verify [--head MÃ]
 * COMMAND: audit head
 * USAGE:   hiepthuong audit head
 * COMMAND: audit note
 * USAGE:   hiepthuong audit note VĂN-BẢN [--body MÃ] [--candidate ID]
 * COMMAND: audit accept
 * USAGE:   hiepthuong audit accept --reason LÝ-DO
 *
 * The audit trail (audit.h).  `log` lists the entries, oldest first,
 * optionally only those about one candidacy (its person, its voter issues
 * and events included) or one body, or within dates (the entry's local
 * date).  `verify` checks the file (PRAGMA integrity_check), recomputes the
 * hash chain and compares the data with the state the last entry recorded;
 * exit 3 names the first entry that does not match and why.  `head` prints
 * the head hash for the clerk to write on the signed minutes; `verify
 * --head` later proves that entry is still there.  `note` adds a line of
 * the clerk's own to the trail ("biên bản HT3 đã ký; mã đầu chuỗi ghi ở
 * trang 4"), about a body or candidacy if given.  `accept` records, with a
 * reason, that the book was changed outside hiepthuong (writing commands
 * refuse such a book until then); it cannot repair damaged entries.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "audit.h"
#include "cmd.h"
#include "date.h"
#include "db.h"
#include "diag.h"
#include "opt.h"
#include "sbuf.h"
#include "text.h"
#include "vocab.h"
#include "banned.h"

/* Subject words ("candidacy:12") an entry must name one of to be listed. */
struct wanted {
	char **w;
	size_t n;
};

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int collect(sqlite3 *db, struct wanted *out, const char *sql, long long arg)
{
	sqlite3_stmt *st = db_prepare(db, sql);
	size_t alloc = out->n;
	int rc;

	if (!st)
		return -1;
	db_bind_int(st, 1, arg);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (out->n == alloc) {
			alloc = alloc ? 2 * alloc : 64;
			out->w = xrealloc(out->w, alloc * sizeof(char *));
		}
		out->w[out->n++] = xstrdup(db_col_text(st, 0));
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return error("lỗi cơ sở dữ liệu: %s", db_msg(db));
	if (out->n)
		qsort(out->w, out->n, sizeof(char *), cmp_str);
	return 0;
}

static void wanted_release(struct wanted *w)
{
	for (size_t i = 0; i < w->n; i++)
		free(w->w[i]);
	free(w->w);
	w->w = NULL;
	w->n = 0;
}

/* 1 when one of the words of `subjects` is wanted. */
static int subject_wanted(const struct wanted *w, const char *subjects)
{
	struct sbuf word = SBUF_INIT;
	int hit = 0;

	for (const char *p = subjects; *p && !hit;) {
		const char *sp = strchr(p, ' ');
		size_t len = sp ? (size_t)(sp - p) : strlen(p);
		const char *key;

		sbuf_reset(&word);
		sbuf_add(&word, p, len);
		key = word.buf;
		hit = bsearch(&key, w->w, w->n, sizeof(char *), cmp_str) != NULL;
		p += len;
		while (*p == ' ')
			p++;
	}
	sbuf_release(&word);
	return hit;
}

static const char candidacy_subjects[] =
	"SELECT 'candidacy:' || ?1 "
	"UNION SELECT 'person:' || person_id FROM candidacy WHERE id = ?1 "
	"UNION SELECT 'voter_issue:' || id FROM voter_issue WHERE candidacy_id = ?1 "
	"UNION SELECT 'candidacy_event:' || id FROM candidacy_event WHERE candidacy_id = ?1";

static const char body_subjects[] =
	"SELECT 'body:' || ?1 "
	"UNION SELECT 'candidacy:' || id FROM candidacy WHERE body_id = ?1 "
	"UNION SELECT 'person:' || person_id FROM candidacy WHERE body_id = ?1 "
	"UNION SELECT 'unit:' || id FROM unit WHERE body_id = ?1 "
	"UNION SELECT 'constituency:' || id FROM constituency WHERE body_id = ?1 "
	"UNION SELECT 'conference:' || id FROM conference WHERE body_id = ?1 "
	"UNION SELECT 'allocation:' || a.id FROM allocation a JOIN unit u ON u.id = a.unit_id WHERE u.body_id = ?1 "
	"UNION SELECT 'voter_issue:' || v.id FROM voter_issue v JOIN candidacy c ON c.id = v.candidacy_id "
	"WHERE c.body_id = ?1 "
	"UNION SELECT 'candidacy_event:' || e.id FROM candidacy_event e JOIN candidacy c ON c.id = e.candidacy_id "
	"WHERE c.body_id = ?1";

static int parse_day(const char *opt, const char *s, char iso[16])
{
	struct date d;
	char err[128];

	if (date_parse(s, DATE_FULL, &d, err, sizeof(err)) < 0)
		return error("%s: %s: '%s'", opt, err, s);
	date_iso(d, iso, 16);
	return 0;
}

/* A value before or after a change, for a person to read: the label of
 * a code, a date as dd/mm/yyyy (the JSON output keeps what is stored). */
static void print_value(sqlite3_stmt *st, int col, const char *field)
{
	const char *v = db_col_text(st, col), *label;
	char vn[16];

	if (sqlite3_column_type(st, col) == SQLITE_NULL) {
		fputs("(không có)", stdout);
		return;
	}
	if ((label = vocab_label(field, v))) {
		fputs(label, stdout);
		return;
	}
	if (strlen(v) == 10 && v[4] == '-' && v[7] == '-') {
		date_iso_to_vn(v, vn, sizeof(vn));
		fputs(vn, stdout);
		return;
	}
	putchar('\'');
	text_fput_visible(stdout, v);
	putchar('\'');
}

/* One change of an entry, as text. */
static void print_changes(sqlite3 *db, const char *changes)
{
	sqlite3_stmt *st;
	int rc;

	if (!*changes)
		return;
	st = db_prepare(db, "SELECT json_extract(value, '$.note'), json_extract(value, '$.table'), "
			    "json_extract(value, '$.id'), json_extract(value, '$.field'), "
			    "json_extract(value, '$.before'), json_extract(value, '$.after') FROM json_each(?)");
	if (!st)
		return;
	db_bind_text(st, 1, changes);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (sqlite3_column_type(st, 0) != SQLITE_NULL) {
			fputs("    ", stdout);
			text_fput_visible(stdout, db_col_text(st, 0));
			putchar('\n');
			continue;
		}
		printf("    %s #%s %s: ", db_col_text(st, 1), db_col_text(st, 2), db_col_text(st, 3));
		print_value(st, 4, db_col_text(st, 3));
		fputs(" → ", stdout);
		print_value(st, 5, db_col_text(st, 3));
		putchar('\n');
	}
	if (rc != SQLITE_DONE)
		printf("    (nội dung thay đổi không đọc được: %s)\n", changes);
	sqlite3_finalize(st);
}

static void print_json_entry(sqlite3_stmt *st, int first)
{
	struct sbuf sb = SBUF_INIT;
	const char *subjects = db_col_text(st, 4);

	sbuf_addstr(&sb, first ? "[\n" : ",\n");
	sbuf_addf(&sb, "{\"id\": %lld, \"at\": ", (long long)sqlite3_column_int64(st, 0));
	sbuf_add_json(&sb, db_col_text(st, 1));
	sbuf_addstr(&sb, ", \"operator\": ");
	sbuf_add_json(&sb, db_col_text(st, 2));
	sbuf_addstr(&sb, ", \"command\": ");
	sbuf_add_json(&sb, db_col_text(st, 3));
	sbuf_addstr(&sb, ", \"subjects\": [");
	for (const char *p = subjects; *p;) {
		const char *sp = strchr(p, ' ');
		size_t len = sp ? (size_t)(sp - p) : strlen(p);
		char *w = xmalloc(len + 1);

		memcpy(w, p, len);
		w[len] = 0;
		if (p != subjects)
			sbuf_addstr(&sb, ", ");
		sbuf_add_json(&sb, w);
		free(w);
		p += len;
		while (*p == ' ')
			p++;
	}
	sbuf_addstr(&sb, "], \"changes\": ");
	/* The stored JSON as it is, unless it was damaged. */
	if (sqlite3_column_int(st, 7))
		sbuf_addstr(&sb, db_col_text(st, 5));
	else
		sbuf_add_json(&sb, db_col_text(st, 5));
	sbuf_addstr(&sb, ", \"hash\": ");
	sbuf_add_json(&sb, db_col_text(st, 6));
	sbuf_addch(&sb, '}');
	fputs(sb.buf, stdout);
	sbuf_release(&sb);
}

static int audit_log(struct ctx *ctx, int argc, char **argv)
{
	long candidate = 0;
	const char *candidate_s = NULL, *body = NULL, *since = NULL, *until = NULL, *format = "text";
	struct opt opts[] = {
		OPT_STRING(0, "candidate", &candidate_s, "ID", "chỉ các mục về người ứng cử này (số ID)"),
		OPT_STRING(0, "body", &body, "MÃ", "chỉ các mục về cơ quan này (mã trong cấu hình, ví dụ qh)"),
		OPT_STRING(0, "since", &since, "NGÀY", "từ ngày này (dd/mm/yyyy)"),
		OPT_STRING(0, "until", &until, "NGÀY", "đến hết ngày này (dd/mm/yyyy)"),
		OPT_STRING(0, "format", &format, "KIỂU", "text (mặc định) hoặc json"),
		OPT_END()
	};
	static const char usage[] = "hiepthuong audit log [--candidate ID] [--body MÃ] [--since NGÀY] "
				    "[--until NGÀY] [--format text|json]";
	struct wanted cand = { NULL, 0 }, bod = { NULL, 0 };
	char since_iso[16] = "", until_iso[16] = "";
	sqlite3_stmt *st = NULL;
	int rc, json, shown = 0;

	argc = opt_parse(ctx, argc, argv, opts, usage, &rc);
	if (argc < 0)
		return rc;
	if (argc > 0) {
		usage_error("lệnh audit log không nhận đối số '%s'", argv[0]);
		return -1;
	}
	if (strcmp(format, "text") && strcmp(format, "json")) {
		usage_error("--format: kiểu '%s' không có; dùng text hoặc json", format);
		return -1;
	}
	json = !strcmp(format, "json");
	if ((since && parse_day("--since", since, since_iso) < 0) || (until && parse_day("--until", until, until_iso) < 0))
		return diag_relabel(ERR_USAGE);
	if (since && until && strcmp(since_iso, until_iso) > 0) {
		usage_error("--since '%s' sau --until '%s'", since, until);
		return -1;
	}
	if (candidate_s) {
		char *end;
		errno = 0;
		candidate = strtol(candidate_s, &end, 10);
		if (errno || end == candidate_s || *end || candidate <= 0) {
			usage_error("--candidate cần số ID dương, không phải '%s'", candidate_s);
			return -1;
		}
	}
	if (candidate && collect(ctx->db, &cand, candidacy_subjects, candidate) < 0)
		return -1;
	if (body) {
		long long id = db_query_int(ctx->db, 0, "SELECT id FROM body WHERE code = ?", body, (const char *)NULL);
		if (!id) {
			wanted_release(&cand);
			usage_error("không có cơ quan '%s' trong sổ", body);
			return -1;
		}
		if (collect(ctx->db, &bod, body_subjects, id) < 0) {
			wanted_release(&cand);
			return -1;
		}
	}
	st = db_prepare(ctx->db, "SELECT id, at, operator, command, subjects, coalesce(changes, ''), hash, "
				 "json_valid(changes) FROM audit "
				 "WHERE (?1 = '' OR substr(at, 1, 10) >= ?1) AND (?2 = '' OR substr(at, 1, 10) <= ?2) "
				 "ORDER BY id");
	if (!st) {
		rc = -1;
		goto out;
	}
	db_bind_text(st, 1, since_iso);
	db_bind_text(st, 2, until_iso);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *subjects = db_col_text(st, 4);

		if ((candidate && !subject_wanted(&cand, subjects)) || (body && !subject_wanted(&bod, subjects)))
			continue;
		if (json) {
			print_json_entry(st, !shown);
		} else {
			/* Stored as typed: escaped, so that a line break or an ESC
			 * in a command line cannot fake an entry or act on the
			 * terminal. */
			printf("#%lld  ", (long long)sqlite3_column_int64(st, 0));
			text_fput_visible(stdout, db_col_text(st, 1));
			fputs("  ", stdout);
			text_fput_visible(stdout, db_col_text(st, 2));
			fputs("\n    $ ", stdout);
			text_fput_visible(stdout, db_col_text(st, 3));
			putchar('\n');
			print_changes(ctx->db, db_col_text(st, 5));
		}
		shown++;
	}
	if (json)
		fputs(shown ? "\n]\n" : "[]\n", stdout);
	else if (!shown)
		puts("(không có mục nào)");
	rc = 0;
out:
	sqlite3_finalize(st);
	wanted_release(&cand);
	wanted_release(&bod);
	return rc;
}

/* PRAGMA integrity_check: 0 when the file is sound. */
static int check_file(sqlite3 *db, const char *path)
{
	struct sbuf why = SBUF_INIT;
	int rc = db_integrity(db, &why);

	if (rc > 0)
		error("tệp sổ '%s' bị hỏng (PRAGMA integrity_check: %s); hãy khôi phục bản sao lưu", path, why.buf);
	else if (rc < 0)
		error("không đọc được sổ '%s': %s", path, why.buf);
	sbuf_release(&why);
	return rc ? -1 : 0;
}

/* Whole check; prints the failure; 0, 1 (does not match) or -1. */
static int verify_all(sqlite3 *db, const char *path, const char *anchor, struct audit_report *r)
{
	int rc;

	memset(r, 0, sizeof(*r));
	if (check_file(db, path) < 0)
		return 1;
	rc = audit_verify(db, AUDIT_VERIFY_DATA, anchor, r);
	if (rc == 1 && r->bad_id)
		error("nhật ký của sổ '%s' không còn nguyên vẹn ở mục #%lld: %s", path, r->bad_id, r->why);
	else if (rc == 1)
		error("nhật ký của sổ '%s': %s", path, r->why);
	return rc;
}

static int is_hex(const char *s)
{
	for (; *s; s++)
		if (!strchr("0123456789abcdefABCDEF", *s))
			return 0;
	return 1;
}

static int audit_verify_cmd(struct ctx *ctx, int argc, char **argv)
{
	const char *anchor = NULL;
	struct opt opts[] = {
		OPT_STRING(0, "head", &anchor, "MÃ", "mã đầu chuỗi đã ghi trước đây (ít nhất 16 chữ số hex đầu)"),
		OPT_END()
	};
	struct audit_report r;
	struct sbuf clean = SBUF_INIT;
	int rc;

	argc = opt_parse(ctx, argc, argv, opts, "hiepthuong audit verify [--head MÃ]", &rc);
	if (argc < 0)
		return rc;
	if (argc > 0) {
		usage_error("lệnh audit verify không nhận đối số '%s'", argv[0]);
		return -1;
	}
	if (anchor) {
		/* Written by hand in groups: "3f2a 9c01 ...". */
		for (const char *p = anchor; *p; p++)
			if (*p != ' ' && *p != '-')
				sbuf_addch(&clean, *p);
		if (clean.len < 16 || clean.len > HASH_HEX_LEN || !is_hex(clean.buf)) {
			usage_error("--head: '%s' không phải mã đầu chuỗi (16 đến 64 chữ số hex)", anchor);
			sbuf_release(&clean);
			return -1;
		}
	}
	rc = verify_all(ctx->db, ctx->db_path, anchor ? clean.buf : NULL, &r);
	sbuf_release(&clean);
	if (rc < 0) {
		audit_report_release(&r);
		return -1;
	}
	if (rc == 0) {
		printf("nhật ký nguyên vẹn: %lld mục, mục cuối lúc %s\n", r.entries, r.last_at);
		puts("dữ liệu của sổ khớp với mục cuối");
		if (anchor)
			puts("mã đầu chuỗi đã ghi có trong nhật ký");
		printf("mã đầu chuỗi: %s\n", r.head_hash);
	}
	audit_report_release(&r);
	return rc ? -1 : 0;
}

static int audit_head_cmd(struct ctx *ctx, int argc, char **argv)
{
	struct audit_report r;
	int rc;

	argc = opt_parse(ctx, argc, argv, NULL, "hiepthuong audit head", &rc);
	if (argc < 0)
		return rc;
	if (argc > 0) {
		usage_error("lệnh audit head không nhận đối số '%s'", argv[0]);
		return -1;
	}
	rc = verify_all(ctx->db, ctx->db_path, NULL, &r);
	if (rc == 0) {
		printf("số mục: %lld; mục cuối lúc %s\n", r.entries, r.last_at);
		printf("mã đầu chuỗi: %s\n", r.head_hash);
		fputs("để ghi vào biên bản:", stdout);
		for (int i = 0; i < HASH_HEX_LEN; i += 4)
			printf(" %.4s", r.head_hash + i);
		putchar('\n');
	}
	audit_report_release(&r);
	return rc ? -1 : 0;
}

static int audit_accept(struct ctx *ctx, int argc, char **argv)
{
	const char *reason = NULL;
	struct opt opts[] = {
		OPT_STRING(0, "reason", &reason, "LÝ-DO", "vì sao sổ bị thay đổi ngoài hiepthuong (bắt buộc)"),
		OPT_END()
	};
	struct audit_report r;
	struct audit_head h;
	struct audit_state s;
	struct sbuf diff = SBUF_INIT;
	int rc, vr, have = 0, committed = 0;

	argc = opt_parse(ctx, argc, argv, opts, "hiepthuong audit accept --reason LÝ-DO", &rc);
	if (argc < 0)
		return rc;
	if (argc > 0) {
		usage_error("lệnh audit accept không nhận đối số '%s'", argv[0]);
		return -1;
	}
	if (!reason || !*reason) {
		usage_error("cần --reason LÝ-DO: lý do được ghi vào nhật ký");
		return -1;
	}
	memset(&r, 0, sizeof(r));
	memset(&h, 0, sizeof(h));
	memset(&s, 0, sizeof(s));
	/*
	 * Not the dispatcher's transaction (issue 13 §4): CMD_WRITES first
	 * refuses a book changed behind the tool's back, which is the very
	 * book this command is for, and always appends an audit entry, where
	 * a book that matches its trail gets none ("không có gì để ghi
	 * nhận").  The same steps, here: begin, record, commit or roll back.
	 */
	if (db_begin(ctx->db) < 0)
		return -1;
	rc = -1;
	vr = audit_verify(ctx->db, AUDIT_VERIFY_CHAIN, NULL, &r);
	if (vr < 0)
		goto out;
	if (vr == 1 && !r.head_only) {
		error("không ghi nhận được: mục #%lld của nhật ký đã bị sửa (%s); hãy khôi phục bản sao lưu", r.bad_id,
		      r.why);
		rc = -1;
		goto out;
	}
	have = audit_head_read(ctx->db, &h);
	if (have < 0 || audit_state(ctx->db, &s) < 0)
		goto out;
	if (vr == 0 && !strcmp(s.digest, h.state)) {
		puts("sổ khớp với mục cuối của nhật ký; không có gì để ghi nhận");
		rc = 0;
		goto out;
	}
	if (vr == 1) {
		ctx_change(ctx, "ghi nhận đầu chuỗi nhật ký bị thay đổi ngoài hiepthuong: %s (đầu chuỗi cũ: %lld mục, "
				"mục cuối #%lld, mã %s)", r.why, h.entries, h.last_id, have ? h.hash : "(không có)");
		if (audit_head_rebuild(ctx->db) < 0)
			goto out;
	}
	audit_state_diff(h.tables, s.tables, &diff);
	if (diff.len)
		ctx_change(ctx, "ghi nhận dữ liệu bị sửa ngoài hiepthuong ở bảng %s", diff.buf);
	ctx_change(ctx, "lý do: %s", reason);
	if (audit_record(ctx) < 0 || db_commit(ctx->db) < 0)
		goto out;
	committed = 1;
	printf("đã ghi nhận vào nhật ký%s%s\n", diff.len ? ": bảng " : "", diff.buf);
	rc = 0;
out:
	if (!committed) {
		db_rollback(ctx->db);
		audit_reset();
	}
	audit_head_release(&h);
	audit_state_release(&s);
	sbuf_release(&diff);
	audit_report_release(&r);
	return rc;
}

static int audit_note(struct ctx *ctx, int argc, char **argv)
{
	const char *body = NULL, *candidate_s = NULL;
	struct opt opts[] = {
		OPT_STRING(0, "body", &body, "MÃ", "ghi chú về cơ quan này"),
		OPT_STRING(0, "candidate", &candidate_s, "ID", "ghi chú về người ứng cử này (số ID)"),
		OPT_END()
	};
	static const char usage[] = "hiepthuong audit note VĂN-BẢN [--body MÃ] [--candidate ID]";
	char *text;
	int rc;

	argc = opt_parse(ctx, argc, argv, opts, usage, &rc);
	if (argc < 0)
		return rc;
	if (argc != 1) {
		usage_error(argc ? "ghi chú phải là một đối số (đặt trong ngoặc kép)" : "cần nội dung ghi chú");
		opt_usage(usage, opts, 1);
		return -1;
	}
	/* A note is one line of text: a line break or an ESC in it would
	 * make `audit log` show what looks like another entry. */
	if (!(text = (char *)opt_clean_line(argv[0], "ghi chú")))
		return diag_relabel(ERR_USAGE);
	if (!*text) {
		usage_error("ghi chú trống");
		return -1;
	}
	text = xstrdup(text);
	if (body) {
		long long id = db_query_int(ctx->db, 0, "SELECT id FROM body WHERE code = ?", body, (const char *)NULL);
		if (!id) {
			free(text);
			usage_error("không có cơ quan '%s' trong sổ", body);
			return -1;
		}
		ctx_subject(ctx, "body", id);
	}
	if (candidate_s) {
		char *end;
		long long id;

		errno = 0;
		id = strtoll(candidate_s, &end, 10);
		if (errno || end == candidate_s || *end || id <= 0 ||
		    !db_query_int(ctx->db, 0, "SELECT count(*) FROM candidacy WHERE id = CAST(? AS INTEGER)", candidate_s,
				  (const char *)NULL)) {
			free(text);
			usage_error("không có người ứng cử '%s' trong sổ", candidate_s);
			return -1;
		}
		ctx_subject(ctx, "candidacy", id);
	}
	ctx_change(ctx, "ghi chú: %s", text);
	free(text);
	puts("đã ghi chú vào nhật ký");
	return 0;
}

int cmd_audit(struct ctx *ctx, int argc, char **argv)
{
	if (!strcmp(argv[0], "audit note"))
		return audit_note(ctx, argc, argv);
	if (!strcmp(argv[0], "audit log"))
		return audit_log(ctx, argc, argv);
	if (!strcmp(argv[0], "audit verify"))
		return audit_verify_cmd(ctx, argc, argv);
	if (!strcmp(argv[0], "audit head"))
		return audit_head_cmd(ctx, argc, argv);
	if (!strcmp(argv[0], "audit accept"))
		return audit_accept(ctx, argc, argv);
	bug("cmd_audit called for '%s'", argv[0]);
	return -1;
}
