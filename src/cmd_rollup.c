/*
 * COMMAND: rollup read
 * USAGE:   hiepthuong rollup read SỔ|THƯ_MỤC...
 * COMMAND: rollup sources
 * USAGE:   hiepthuong rollup sources [--format text|csv|json]
 * COMMAND: rollup report
 * USAGE:   hiepthuong rollup report [--format text|csv|json] [--section TÊN] [--today NGÀY]
 *                                   [--older-than NGÀY]
 * COMMAND: rollup export
 * USAGE:   hiepthuong rollup export -o TỆP.xlsx|- [--force] [--today NGÀY] [--older-than NGÀY]
 *
 * The roll-up (docs/rollup.md).  `rollup read` reads the books of the
 * committees below this one (files, or every *.db file of a folder), each
 * verified first and taken whole or not at all (rollup.h); a book whose
 * audit head is the one read last time is not read again.  Everything read
 * goes into this book in one transaction, under its audit trail; a refused
 * book is reported and left out while the others are kept, and the
 * command then exits 3.  `rollup sources` lists what was read and from
 * where; `rollup report` adds it up per committee and in total, for each
 * body type; `rollup export` writes the statistics workbook.  The checks
 * across books (ELIG-LEVELS, ELIG-ONEUNIT) are rules of the pack and run
 * with `validate`.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cmd.h"
#include "db.h"
#include "diag.h"
#include "opt.h"
#include "outfile.h"
#include "rollup.h"
#include "rollup_stats.h"
#include "sbuf.h"
#include "table.h"
#include "banned.h"

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The books named: files as given, and a folder's *.db files by name. */
static int expand(int argc, char **argv, char ***out, int *n)
{
	int rc = 0;

	*out = NULL;
	*n = 0;
	for (int i = 0; i < argc; i++) {
		struct stat st;
		DIR *d;
		struct dirent *e;
		char **found = NULL;
		int nfound = 0;

		if (stat(argv[i], &st) < 0 || !S_ISDIR(st.st_mode)) {
			*out = xrealloc(*out, sizeof(**out) * (size_t)(*n + 1));
			(*out)[(*n)++] = xstrdup(argv[i]);
			continue;
		}
		if (!(d = opendir(argv[i]))) {
			rc = error("không đọc được thư mục '%s': %s", argv[i], sys_msg(errno));
			continue;
		}
		while ((e = readdir(d))) {
			size_t len = strlen(e->d_name);
			struct sbuf path = SBUF_INIT;
			struct stat fs;

			if (e->d_name[0] == '.' || len < 4 || strcmp(e->d_name + len - 3, ".db"))
				continue;
			sbuf_addf(&path, "%s/%s", argv[i], e->d_name);
			if (stat(path.buf, &fs) == 0 && S_ISREG(fs.st_mode)) {
				found = xrealloc(found, sizeof(*found) * (size_t)(nfound + 1));
				found[nfound++] = sbuf_detach(&path, NULL);
			} else {
				sbuf_release(&path);
			}
		}
		closedir(d);
		if (!nfound) {
			warning("thư mục '%s' không có tệp sổ nào (*.db)", argv[i]);
			continue;
		}
		qsort(found, (size_t)nfound, sizeof(*found), cmp_str);
		*out = xrealloc(*out, sizeof(**out) * (size_t)(*n + nfound + 1));
		memcpy(*out + *n, found, sizeof(*found) * (size_t)nfound);
		*n += nfound;
		free(found);
	}
	return rc;
}

int cmd_rollup_read(struct ctx *ctx, int argc, char **argv)
{
	static const char usage[] =
		"hiepthuong rollup read SỔ|THƯ_MỤC...\n"
		"       sổ (bản sao lưu) của các ủy ban cấp dưới, hoặc mọi tệp *.db trong THƯ_MỤC; mỗi sổ được\n"
		"       kiểm tra (nhật ký, nhiệm kỳ, cấp, địa bàn) trước khi đọc; sổ không đổi thì không đọc lại";
	struct opt opts[] = { OPT_END() };
	struct rollup_reader rd;
	char **paths = NULL;
	int npaths = 0, rc, nread = 0, nsame = 0, nrefused = 0;

	argc = opt_parse(ctx, argc, argv, opts, usage, &rc);
	if (argc < 0)
		return rc;
	if (!argc) {
		usage_error("cần ít nhất một sổ hoặc một thư mục sổ");
		opt_usage(usage, opts, 1);
		return -1;
	}
	if (expand(argc, argv, &paths, &npaths) < 0) {
		for (int i = 0; i < npaths; i++)
			free(paths[i]);
		free(paths);
		return -1;
	}
	if (rollup_reader_load(ctx->db, &rd) < 0) {
		rollup_reader_release(&rd);
		for (int i = 0; i < npaths; i++)
			free(paths[i]);
		free(paths);
		return -1;
	}
	rc = 0;
	progress("đọc sổ", 0, npaths);
	for (int i = 0; i < npaths && rc == 0; i++) {
		struct rollup_result res;

		if (db_exec(ctx->db, "SAVEPOINT rollup_book") < 0) {
			rc = -1;
			break;
		}
		if (rollup_read_book(&rd, paths[i], &res) < 0) {
			rollup_result_release(&res);
			rc = -1;
			break;
		}
		if (res.outcome == ROLLUP_REFUSED) {
			if (db_exec(ctx->db, "ROLLBACK TO rollup_book") < 0)
				rc = -1;
			nrefused++;
			ctx_change(ctx, "không nhận sổ '%s'%s%s%s: %s", paths[i], res.committee ? " (" : "",
				   res.committee ? res.committee : "", res.committee ? ")" : "", res.summary);
		} else if (res.outcome == ROLLUP_UNCHANGED) {
			nsame++;
			ctx_change(ctx, "sổ '%s' của %s không đổi từ lần đọc trước; không đọc lại", paths[i], res.committee);
		} else {
			nread++;
			ctx_subject(ctx, "rollup_source", res.source_id);
			ctx_change(ctx, "%s sổ '%s' của %s: %s", res.replaced ? "đọc lại, thay phần cũ bằng" : "đọc",
				   paths[i], res.committee, res.summary);
			progress_clear();
			printf("%s '%s' (%s): %s\n", res.replaced ? "đã đọc lại" : "đã đọc", paths[i], res.committee,
			       res.summary);
		}
		if (db_exec(ctx->db, "RELEASE rollup_book") < 0)
			rc = -1;
		rollup_result_release(&res);
		progress("đọc sổ", i + 1, npaths);
	}
	if (rc == 0) {
		progress_clear();
		printf("%d sổ: %d đã đọc, %d không đổi, %d không nhận\n", npaths, nread, nsame, nrefused);
		ctx_change(ctx, "tổng hợp %d sổ: %d đã đọc, %d không đổi, %d không nhận", npaths, nread, nsame, nrefused);
		/* the books read are kept; a refused one was reported as bad
		 * data, so the run still exits 3 (cmd.h) */
		ctx->keep_on_error = 1;
	}
	rollup_reader_release(&rd);
	for (int i = 0; i < npaths; i++)
		free(paths[i]);
	free(paths);
	return rc;
}

int cmd_rollup_sources(struct ctx *ctx, int argc, char **argv)
{
	static const char usage[] = "hiepthuong rollup sources [--format text|csv|json]";
	static const struct column cols[] = {
		{ "level", "cấp", 0, 0 },
		{ "committee", "ủy ban", 0, 0 },
		{ "file", "tệp đã đọc", 0, 0 },
		{ "via", "qua sổ của", 0, 0 },
		{ "head", "mã đầu chuỗi", 0, 0 },
		{ "entries", "số mục", 1, 1 },
		{ "last_at", "mục cuối lúc", 0, 1 },
		{ "read_at", "đọc lúc", 0, 0 },
		{ "contributed", "đóng góp", 0, 0 },
	};
	const char *format = NULL;
	struct opt opts[] = {
		OPT_STRING(0, "format", &format, "KIỂU", "text, csv hoặc json"),
		OPT_END()
	};
	enum out_format f;
	struct table t;
	struct rollup_reader rd;
	sqlite3_stmt *st;
	int rc;

	argc = opt_parse(ctx, argc, argv, opts, usage, &rc);
	if (argc < 0)
		return rc;
	if (argc) {
		usage_error("không nhận đối số '%s'", argv[0]);
		return -1;
	}
	if (out_format_parse(format, &f) < 0)
		return diag_relabel(ERR_USAGE);
	if (rollup_reader_load(ctx->db, &rd) < 0) {
		rollup_reader_release(&rd);
		return -1;
	}
	st = db_prepare(ctx->db, "WITH RECURSIVE t(id, path) AS ("
				 "SELECT id, name FROM rollup_source WHERE via_id IS NULL "
				 "UNION ALL SELECT s.id, t.path || char(10) || s.name FROM rollup_source s JOIN t ON s.via_id = t.id) "
				 "SELECT s.level, s.name, s.file, v.name, s.head, s.entries, s.last_at, s.read_at, s.contributed "
				 "FROM t JOIN rollup_source s ON s.id = t.id LEFT JOIN rollup_source v ON v.id = s.via_id "
				 "ORDER BY t.path");
	if (!st) {
		rollup_reader_release(&rd);
		return -1;
	}
	table_init(&t, cols, (int)(sizeof(cols) / sizeof(cols[0])));
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *cells[9];
		char head[24];

		for (int i = 0; i < 9; i++)
			cells[i] = sqlite3_column_type(st, i) == SQLITE_NULL ? NULL : db_col_text(st, i);
		if (f == FMT_TEXT) {
			int li = config_level_index(&rd.cfg, cells[0]);
			snprintf(head, sizeof(head), "%.16s…", db_col_text(st, 4));
			cells[4] = head;
			if (li >= 0)
				cells[0] = rd.cfg.levels[li].name;
		}
		table_add(&t, cells);
	}
	sqlite3_finalize(st);
	if (f == FMT_TEXT && !t.nrows)
		puts("(chưa đọc sổ nào của cấp dưới: xem 'hiepthuong rollup read --help')");
	else
		table_print(&t, f, stdout);
	table_release(&t);
	rollup_reader_release(&rd);
	return 0;
}

/* A temporary file for a workbook going to standard output; NULL reported. */
static char *stdout_temp(void)
{
	const char *dir = getenv("TMPDIR");
	struct sbuf path = SBUF_INIT;

	sbuf_addf(&path, "%s/hiepthuong-thong-ke.xlsx", dir && *dir ? dir : "/tmp");
	{
		char *tmp = out_temp_beside(path.buf);
		sbuf_release(&path);
		return tmp;
	}
}

/* --today and --older-than, shared by report and export: 0 or -1. */
static int report_dates(const char *today_s, const char *older_s, struct date *today, struct date *older,
			int *has_older)
{
	char err[96];

	*has_older = 0;
	if (today_s) {
		if (date_parse(today_s, DATE_FULL, today, err, sizeof(err)) < 0)
			return error("--today: %s: '%s'", err, today_s);
	} else if (date_today(today) < 0) {
		return error("biến HIEPTHUONG_TODAY không phải ngày hợp lệ (yyyy-mm-dd)");
	}
	if (older_s) {
		if (date_parse(older_s, DATE_FULL, older, err, sizeof(err)) < 0)
			return error("--older-than: %s: '%s'", err, older_s);
		*has_older = 1;
	}
	return 0;
}

int cmd_rollup_report(struct ctx *ctx, int argc, char **argv)
{
	static const char usage[] =
		"hiepthuong rollup report [--format text|csv|json] [--section TÊN] [--today NGÀY] [--older-than NGÀY]\n"
		"       TÊN: committees, stages, structure, conferences, constituencies, calendar, missing";
	const char *format = NULL, *section = NULL, *today_s = NULL, *older_s = NULL;
	struct opt opts[] = {
		OPT_STRING(0, "format", &format, "KIỂU", "text, csv hoặc json"),
		OPT_STRING(0, "section", &section, "TÊN", "chỉ một phần của báo cáo (csv: mặc định committees)"),
		OPT_STRING(0, "today", &today_s, "NGÀY", "ngày tính tiến độ theo lịch (mặc định: hôm nay)"),
		OPT_STRING(0, "older-than", &older_s, "NGÀY", "nêu các sổ có mục nhật ký cuối trước ngày này"),
		OPT_END()
	};
	struct rollup_reader rd;
	struct rstats s;
	struct date today, older;
	enum out_format f;
	int rc, has_older;

	argc = opt_parse(ctx, argc, argv, opts, usage, &rc);
	if (argc < 0)
		return rc;
	if (argc) {
		usage_error("không nhận đối số '%s'", argv[0]);
		return -1;
	}
	if (out_format_parse(format, &f) < 0 || report_dates(today_s, older_s, &today, &older, &has_older) < 0)
		return diag_relabel(ERR_USAGE);
	if (rollup_reader_load(ctx->db, &rd) < 0) {
		rollup_reader_release(&rd);
		return -1;
	}
	rc = 0;
	if (rstats_load(&rd, &today, has_older ? &older : NULL, &s) < 0)
		rc = -1;
	else if (rstats_print(&s, f, section, stdout) < 0)
		rc = diag_relabel(ERR_USAGE);	/* an unknown --section */
	rstats_release(&s);
	rollup_reader_release(&rd);
	return rc;
}

int cmd_rollup_export(struct ctx *ctx, int argc, char **argv)
{
	static const char usage[] = "hiepthuong rollup export -o TỆP.xlsx|- [--force] [--today NGÀY] [--older-than NGÀY]";
	const char *out = NULL, *today_s = NULL, *older_s = NULL;
	int force = 0;
	struct opt opts[] = {
		OPT_STRING('o', "output", &out, "TỆP", "tệp .xlsx cần ghi ('-': ra đầu ra chuẩn)"),
		OPT_BOOL(0, "force", &force, "ghi đè cả tệp đã có không phải biểu mẫu do hiepthuong xuất"),
		OPT_STRING(0, "today", &today_s, "NGÀY", "ngày của biểu (mặc định: hôm nay)"),
		OPT_STRING(0, "older-than", &older_s, "NGÀY", "nêu các sổ có mục nhật ký cuối trước ngày này"),
		OPT_END()
	};
	struct rollup_reader rd;
	struct rstats s;
	struct date today, older;
	char *tmp = NULL;
	int rc, has_older, to_stdout;

	argc = opt_parse(ctx, argc, argv, opts, usage, &rc);
	if (argc < 0)
		return rc;
	if (argc || !out) {
		if (argc)
			usage_error("không nhận đối số '%s'", argv[0]);
		else
			usage_error("cần -o TỆP.xlsx");
		opt_usage(usage, opts, 1);
		return -1;
	}
	if (report_dates(today_s, older_s, &today, &older, &has_older) < 0)
		return diag_relabel(ERR_USAGE);
	to_stdout = !strcmp(out, "-");
	if (to_stdout && isatty(1)) {
		usage_error("không ghi tệp .xlsx ra màn hình: hãy chuyển đầu ra chuẩn vào một tệp hoặc dùng -o TỆP.xlsx");
		return -1;
	}
	if (!to_stdout && out_may_write(out, OUT_FORM, force, ctx->db_path) < 0)
		return -1;
	if (rollup_reader_load(ctx->db, &rd) < 0) {
		rollup_reader_release(&rd);
		return -1;
	}
	rc = -1;
	if (rstats_load(&rd, &today, has_older ? &older : NULL, &s) == 0 &&
	    (tmp = to_stdout ? stdout_temp() : out_temp_beside(out)) &&
	    rollup_xlsx_write(&s, tmp, to_stdout ? "-" : out) == 0) {
		if (to_stdout) {
			rc = out_copy_to_stdout(tmp) < 0 ? -1 : 0;
			out_temp_discard(tmp);
		} else {
			rc = out_put_in_place(tmp, out) < 0 ? -1 : 0;
		}
		tmp = NULL;
		if (rc == 0 && !to_stdout)
			printf("đã ghi '%s' (biểu thống kê tổng hợp: %d sổ cấp dưới, %d loại cơ quan)\n", out, s.nsources,
			       s.ntotals);
	}
	out_temp_discard(tmp);
	rstats_release(&s);
	rollup_reader_release(&rd);
	return rc;
}
