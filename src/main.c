/*
 * main.c - hiepthuong's entry point: global options, the command table and
 * the shared set-up every command gets (see cmd.h for the recipe to add a
 * command).  Nothing here knows what a command does.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "audit.h"
#include "book.h"
#include "cmd.h"
#include "db.h"
#include "diag.h"
#include "opt.h"
#include "platform.h"
#include "sbuf.h"
#include "text.h"
#include "banned.h"

const struct cmd commands[] = {
	{ "alloc import", cmd_alloc_import, CMD_NEED_BOOK | CMD_WRITES, "nhập phân bổ số lượng, cơ cấu từ tệp CSV hoặc Excel" },
	{ "alloc list", cmd_alloc_list, CMD_NEED_BOOK, "phân bổ số lượng, cơ cấu đang có hiệu lực của từng đơn vị" },
	{ "alloc set", cmd_alloc_set, CMD_NEED_BOOK | CMD_WRITES, "ghi phân bổ (hiệp thương lần 1, điều chỉnh lần 1, 2) cho một đơn vị" },
	{ "assign", cmd_assign, CMD_NEED_BOOK | CMD_WRITES, "xếp người đủ tiêu chuẩn vào đơn vị bầu cử (danh sách chính thức)" },
	{ "audit accept", cmd_audit, CMD_NEED_BOOK, "ghi nhận (kèm lý do) rằng sổ đã bị thay đổi ngoài hiepthuong" },
	{ "audit head", cmd_audit, CMD_NEED_BOOK, "in mã đầu chuỗi nhật ký để ghi vào biên bản" },
	{ "audit log", cmd_audit, CMD_NEED_BOOK, "nhật ký: ai đã thay đổi gì, khi nào" },
	{ "audit note", cmd_audit, CMD_NEED_BOOK | CMD_WRITES, "thêm một ghi chú của người dùng vào nhật ký" },
	{ "audit verify", cmd_audit, CMD_NEED_BOOK, "kiểm tra sổ và chuỗi nhật ký chưa bị sửa ngoài hiepthuong" },
	{ "backup", cmd_backup, CMD_NEED_BOOK, "sao lưu sổ ra một tệp (cả khi sổ đang được dùng)" },
	{ "candidate add", cmd_candidate_add, CMD_NEED_BOOK | CMD_WRITES, "thêm người được giới thiệu hoặc tự ứng cử" },
	{ "candidate edit", cmd_candidate_edit, CMD_NEED_BOOK | CMD_WRITES, "sửa thông tin một người, một ứng cử" },
	{ "candidate import", cmd_candidate_import, CMD_NEED_BOOK | CMD_WRITES, "nhập người ứng cử từ tệp CSV hoặc Excel" },
	{ "candidate list", cmd_candidate_list, CMD_NEED_BOOK, "danh sách người ứng cử theo vần chữ cái A, B, C" },
	{ "candidate show", cmd_candidate_show, CMD_NEED_BOOK, "toàn bộ thông tin và lịch sử của một người" },
	{ "conference add", cmd_conference_add, CMD_NEED_BOOK | CMD_WRITES, "ghi hội nghị hiệp thương hoặc cuộc họp giới thiệu của đơn vị" },
	{ "conference list", cmd_conference_list, CMD_NEED_BOOK, "danh sách các hội nghị đã ghi" },
	{ "conference show", cmd_conference_show, CMD_NEED_BOOK, "chi tiết một hội nghị và kết quả tín nhiệm" },
	{ "decide import", cmd_decide_import, CMD_NEED_BOOK | CMD_WRITES, "nhập các quyết định từ tệp CSV hoặc Excel (tất cả hoặc không gì)" },
	{ "decide", cmd_decide, CMD_NEED_BOOK | CMD_WRITES, "quyết định đưa vào hoặc không đưa vào danh sách của một bước" },
	{ "export", cmd_export, 0, "xuất biểu mẫu chính thức ra tệp .xlsx (một mẫu, hoặc tất cả)" },
	{ "init", cmd_init, 0, "tạo sổ mới từ tệp cấu hình nhiệm kỳ" },
	{ "issue add", cmd_issue_add, CMD_NEED_BOOK | CMD_WRITES, "ghi vụ việc cử tri nêu về người ứng cử" },
	{ "issue answer", cmd_issue_answer, CMD_NEED_BOOK | CMD_WRITES, "ghi văn bản trả lời, kết luận xác minh vụ việc" },
	{ "issue list", cmd_issue_list, CMD_NEED_BOOK, "các vụ việc cử tri nêu và việc xác minh" },
	{ "milestone list", cmd_milestone_list, CMD_NEED_BOOK, "các mốc đã ghi: gửi danh sách lần ba, công bố danh sách chính thức" },
	{ "milestone set", cmd_milestone_set, CMD_NEED_BOOK | CMD_WRITES, "ghi ngày gửi biên bản lần ba hoặc ngày công bố danh sách chính thức" },
	{ "restore", cmd_restore, 0, "thay sổ bằng một bản sao lưu đã kiểm tra" },
	{ "rollup export", cmd_rollup_export, CMD_NEED_BOOK, "ghi biểu thống kê tổng hợp (.xlsx, có biểu đồ) từ các sổ cấp dưới" },
	{ "rollup read", cmd_rollup_read, CMD_NEED_BOOK | CMD_WRITES, "đọc, kiểm tra và tổng hợp sổ của các ủy ban cấp dưới" },
	{ "rollup report", cmd_rollup_report, CMD_NEED_BOOK, "báo cáo tổng hợp: từng ủy ban và tổng, theo loại cơ quan" },
	{ "rollup sources", cmd_rollup_sources, CMD_NEED_BOOK, "các sổ đã tổng hợp: tệp, ủy ban, mã đầu chuỗi, ngày đọc" },
	{ "rules", cmd_rules, CMD_NEED_BOOK, "bộ quy tắc đang áp dụng; 'rules show MÃ' giải thích một quy tắc" },
	{ "stages", cmd_stages, CMD_NEED_BOOK, "tổng hợp theo bước: số vào, qua, đang xét, dừng và lý do" },
	{ "status", cmd_status, CMD_NEED_BOOK, "tình hình từng cơ quan: số ghế, người ứng cử theo bước, thời hạn tới" },
	{ "unit add", cmd_unit_add, CMD_NEED_BOOK | CMD_WRITES, "thêm đơn vị giới thiệu người ứng cử" },
	{ "unit edit", cmd_unit_edit, CMD_NEED_BOOK | CMD_WRITES, "sửa mã, tên, loại của một đơn vị" },
	{ "unit import", cmd_unit_import, CMD_NEED_BOOK | CMD_WRITES, "nhập đơn vị từ tệp CSV hoặc Excel" },
	{ "unit list", cmd_unit_list, CMD_NEED_BOOK, "danh sách đơn vị giới thiệu người ứng cử" },
	{ "validate", cmd_validate, CMD_NEED_BOOK, "kiểm tra sổ theo bộ quy tắc của luật, nêu từng vi phạm và căn cứ" },
	{ "version", cmd_version, 0, "in phiên bản và các thư viện đang dùng" },
	{ "voters add", cmd_voters_add, CMD_NEED_BOOK | CMD_WRITES, "ghi hội nghị cử tri và kết quả tín nhiệm từng người" },
	{ "voters import", cmd_voters_import, CMD_NEED_BOOK | CMD_WRITES, "nhập kết quả hội nghị cử tri từ tệp CSV hoặc Excel (tất cả hoặc không gì)" },
	{ "workbook", cmd_workbook, CMD_NEED_BOOK, "ghi sổ Excel để nhập liệu (danh sách thả xuống, hướng dẫn), có thể điền sẵn dữ liệu" },
	{ "withdraw", cmd_withdraw, CMD_NEED_BOOK | CMD_WRITES, "ghi người ứng cử xin rút" },
	{ "help", cmd_help, 0, "danh sách lệnh, hoặc hướng dẫn một lệnh" },
};
const int ncommands = (int)(sizeof(commands) / sizeof(commands[0]));

const struct cmd *cmd_lookup(int argc, char **argv, int *nwords)
{
	if (argc >= 2) {
		for (int i = 0; i < ncommands; i++) {
			const char *sp = strchr(commands[i].name, ' ');
			if (sp && (size_t)(sp - commands[i].name) == strlen(argv[0]) &&
			    !strncmp(commands[i].name, argv[0], (size_t)(sp - commands[i].name)) &&
			    !strcmp(sp + 1, argv[1])) {
				*nwords = 2;
				return &commands[i];
			}
		}
	}
	for (int i = 0; i < ncommands; i++) {
		if (!strcmp(commands[i].name, argv[0])) {
			*nwords = 1;
			return &commands[i];
		}
	}
	return NULL;
}

/* Commands of a group ("unit add", "unit list", ...), or all of them. */
static void list_commands(FILE *f, const char *group)
{
	size_t glen = group ? strlen(group) : 0;

	for (int i = 0; i < ncommands; i++) {
		const char *name = commands[i].name;
		if (group && (strncmp(name, group, glen) || name[glen] != ' '))
			continue;
		fprintf(f, "    %-22s %s\n", name, commands[i].summary);
	}
}

static int is_group(const char *word)
{
	size_t len = strlen(word);

	for (int i = 0; i < ncommands; i++)
		if (!strncmp(commands[i].name, word, len) && commands[i].name[len] == ' ')
			return 1;
	return 0;
}

static int min3(int a, int b, int c)
{
	int m = a < b ? a : b;
	return m < c ? m : c;
}

/* Edit distance of two short ASCII words (commands are ASCII). */
static int distance(const char *a, const char *b)
{
	int la = (int)strlen(a), lb = (int)strlen(b), row[64], prev, tmp;

	if (la > 60 || lb > 60)
		return 99;
	for (int j = 0; j <= lb; j++)
		row[j] = j;
	for (int i = 1; i <= la; i++) {
		prev = row[0];
		row[0] = i;
		for (int j = 1; j <= lb; j++) {
			tmp = row[j];
			row[j] = a[i - 1] == b[j - 1] ? prev : 1 + min3(prev, row[j], row[j - 1]);
			prev = tmp;
		}
	}
	return row[lb];
}

/* The command (first word) closest to a mistyped one, if close enough. */
static const char *nearest_command(const char *word)
{
	static char best[32];
	int best_d = 3;

	best[0] = 0;
	for (int i = 0; i < ncommands; i++) {
		char first[32];
		const char *sp = strchr(commands[i].name, ' ');
		size_t n = sp ? (size_t)(sp - commands[i].name) : strlen(commands[i].name);
		int d;

		if (n >= sizeof(first))
			continue;
		memcpy(first, commands[i].name, n);
		first[n] = 0;
		if ((d = distance(word, first)) < best_d) {
			best_d = d;
			memcpy(best, first, n + 1);
		}
	}
	return best[0] ? best : NULL;
}

static const char main_usage[] =
	"hiepthuong [--db TỆP] [--by TÊN] LỆNH [TÙY CHỌN...]\n"
	"       hiepthuong --version | --help | help LỆNH";

static void main_help(FILE *f)
{
	fprintf(f, "cách dùng: %s\n\n", main_usage);
	fputs("Quản lý hồ sơ hiệp thương, giới thiệu người ứng cử đại biểu Quốc hội và\n"
	      "đại biểu Hội đồng nhân dân của Ủy ban Mặt trận Tổ quốc Việt Nam.\n\n"
	      "Các lệnh:\n", f);
	list_commands(f, NULL);
	fputs("\n'hiepthuong LỆNH --help' in hướng dẫn của từng lệnh.\n"
	      "Mã thoát: 0 xong; 1 có lỗi khi kiểm tra quy tắc; 2 sai cách dùng;\n"
	      "3 dữ liệu vào hoặc sổ không hợp lệ (sổ không bị thay đổi); 4 lỗi nội bộ.\n", f);
}

int cmd_help(struct ctx *ctx, int argc, char **argv)
{
	const struct cmd *c;
	int nwords;
	char *help_argv[3];

	if (argc < 2) {
		main_help(stdout);
		return 0;
	}
	if (argv[1][0] == '-') {
		int rc;
		if (opt_parse(ctx, argc, argv, NULL, "hiepthuong help [LỆNH]", &rc) < 0)
			return rc;
	}
	c = cmd_lookup(argc - 1, argv + 1, &nwords);
	if (!c) {
		if (is_group(argv[1])) {
			printf("Các lệnh '%s':\n", argv[1]);
			list_commands(stdout, argv[1]);
			return 0;
		}
		return usage_error("không có lệnh '%s'", argv[1]);
	}
	help_argv[0] = (char *)c->name;
	help_argv[1] = (char *)"--help";
	help_argv[2] = NULL;
	return c->fn(ctx, 2, help_argv);
}

/* The operator's name goes into the audit trail: refuse an empty one or
 * one that is not UTF-8 before anything is done. */
static int check_by(const struct ctx *ctx, int argc, char **argv)
{
	const char *by = ctx->by;

	for (int i = 1; i < argc && strcmp(argv[i], "--"); i++) {
		if (!strcmp(argv[i], "--by") && i + 1 < argc)
			by = argv[i + 1];
		else if (!strncmp(argv[i], "--by=", 5))
			by = argv[i] + 5;
	}
	if (!by)
		return 0;
	/* One line, no controls (what the command's own parse keeps). */
	if (!(by = opt_clean_line(by, "--by")))
		return -1;
	if (!*by)
		return usage_error("--by cần tên người thực hiện, không được để trống");
	if (text_utf8_count(by) > 200)
		return usage_error("--by: tên người thực hiện quá dài (%zu ký tự, tối đa 200)", text_utf8_count(by));
	return 0;
}

/*
 * What a writing command prints on standard output waits in a private
 * temporary file until its change is saved, so that "đã ghi …" is never
 * read for a change that a Ctrl-C, a closed pipe or a failed COMMIT then
 * lost.  Messages on stderr (errors, warnings, progress) are not held.
 */
/* Why writing the held output failed, for check_stdout(); 0 if it did not. */
static int held_errno;

struct held {
	int fd;			/* the real standard output, or -1: not held */
	FILE *tmp;		/* where fd 1 points meanwhile */
};

static void hold_stdout(struct held *h)
{
	h->fd = -1;
	fflush(stdout);
	if (!(h->tmp = tmpfile()))
		return;		/* no temporary space: print as we go */
	if ((h->fd = dup(1)) < 0 || dup2(fileno(h->tmp), 1) < 0) {
		if (h->fd >= 0)
			close(h->fd);
		h->fd = -1;
		fclose(h->tmp);
	}
}

/* Put standard output back, and copy what was held to it when `show`. */
static void release_stdout(struct held *h, int show)
{
	char buf[8192];
	size_t n;

	if (h->fd < 0)
		return;
	fflush(stdout);
	dup2(h->fd, 1);
	close(h->fd);
	h->fd = -1;
	clearerr(stdout);
	if (show) {
		rewind(h->tmp);
		while ((n = fread(buf, 1, sizeof(buf), h->tmp)) > 0)
			if (fwrite(buf, 1, n, stdout) != n) {
				held_errno = errno;
				break;
			}
	}
	fclose(h->tmp);
}

/* Ctrl-C, hang-up and kill wait while a change is saved and reported. */
static void block_signals(sigset_t *old)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGHUP);
	sigaddset(&set, SIGQUIT);
	sigprocmask(SIG_BLOCK, &set, old);
}

/* Set once a writing command's change is in the book (check_stdout). */
static int change_saved;

/*
 * Shared set-up from the command's flags, then the command itself.
 * Returns what the command returned: 0, or -1 when it failed (the kind of
 * failure is in diag, see exit_code()).  A writing command's change is
 * saved only when it returned 0 and reported no error, or said it keeps
 * what it could (ctx->keep_on_error) and no error was internal.
 */
static int run_command(const struct cmd *c, struct ctx *ctx, int argc, char **argv)
{
	int rc;

	if (check_by(ctx, argc, argv) < 0)
		return -1;
	if (c->flags & CMD_NEED_BOOK) {
		int i;
		/* The command may take --db after its name: look before opening. */
		for (i = 1; i < argc; i++) {
			if (!strcmp(argv[i], "--"))
				break;
			if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h"))
				return c->fn(ctx, argc, argv);
			if (!strcmp(argv[i], "--db") && i + 1 < argc)
				ctx->db_path = argv[i + 1];
			else if (!strncmp(argv[i], "--db=", 5))
				ctx->db_path = argv[i] + 5;
		}
		if (db_open(ctx->db_path, &ctx->db) < 0)
			return -1;
	}
	if (c->flags & CMD_WRITES) {
		if (db_begin(ctx->db) < 0) {
			db_close(ctx->db);
			return -1;
		}
		/* Never build on a book changed behind the tool's back. */
		if (audit_check_untouched(ctx->db, ctx->db_path) < 0) {
			db_rollback(ctx->db);
			db_close(ctx->db);
			ctx->db = NULL;
			return -1;
		}
		struct held h;
		sigset_t old;

		/* A closed pipe is an error on write, never a death mid-change. */
		signal(SIGPIPE, SIG_IGN);
		hold_stdout(&h);
		rc = c->fn(ctx, argc, argv);
		/* an error a command reported and then ignored: nothing kept */
		if (rc == 0 && diag_worst() != ERR_NONE &&
		    (!ctx->keep_on_error || diag_worst() == ERR_INTERNAL))
			rc = -1;
		if (rc == 0 && audit_record(ctx) < 0) {
			/* A full or failing disk is the book's state, not a bug. */
			int e = sqlite3_errcode(ctx->db) & 0xff;
			if (!(e == SQLITE_FULL || e == SQLITE_IOERR || e == SQLITE_READONLY || e == SQLITE_CANTOPEN ||
			      e == SQLITE_BUSY))
				diag_relabel(ERR_INTERNAL);
			rc = -1;
		}
		block_signals(&old);
		if (rc == 0 && db_commit(ctx->db) < 0)
			rc = -1;
		if (rc != 0) {
			db_rollback(ctx->db);
			audit_reset();
		}
		change_saved = rc == 0;
		release_stdout(&h, rc == 0);
		if (change_saved && (fflush(stdout) || ferror(stdout)))
			held_errno = errno;
		sigprocmask(SIG_SETMASK, &old, NULL);
	} else {
		rc = c->fn(ctx, argc, argv);
	}
	if (ctx->db && db_close(ctx->db) < 0)
		rc = -1;
	ctx->db = NULL;
	return rc;
}

/*
 * The one place where the outcome of a run becomes its exit code (README's
 * table): the worst kind of error recorded in diag (diag.h says why that
 * order).  A command returns 0 or -1 and never picks a code; one that
 * failed without a word is a bug, and says so.
 */
static int exit_code(int rc)
{
	if (rc != 0 && diag_worst() == ERR_NONE)
		bug("the command failed without a message");
	return diag_exit_code();
}

/* A word of the command line as a shell would need it, so that the audit
 * trail shows `audit note 'biên bản đã ký'` and not four words. */
static void add_quoted(struct sbuf *sb, const char *arg)
{
	if (*arg && !strpbrk(arg, " \t\n\r'\"\\$`|&;<>()*?[]{}~#!")) {
		sbuf_addstr(sb, arg);
		return;
	}
	sbuf_addch(sb, '\'');
	for (const char *p = arg; *p; p++) {
		if (*p == '\'')
			sbuf_addstr(sb, "'\\''");
		else
			sbuf_addch(sb, *p);
	}
	sbuf_addch(sb, '\'');
}

/*
 * git's check: a command "succeeded" only if its output really got out.
 * A reader that closed the pipe early (`| head`) is not an error; a full
 * disk or a dead terminal is, and a writing command whose change is saved
 * says so, so that nobody enters it twice.
 */
static int check_stdout(int rc)
{
	/* A run that failed already keeps its kind; one that did not fails
	 * now, as a system failure. */
	enum err_kind kind = diag_worst() != ERR_NONE ? diag_worst() : ERR_INTERNAL;
	int e;

	errno = 0;
	if (!fflush(stdout) && !ferror(stdout) && !fclose(stdout))
		return exit_code(rc);
	e = held_errno ? held_errno : errno;
	if (e == EPIPE)
		return exit_code(rc);
	if (change_saved)
		error_kind(kind, "thay đổi ĐÃ được lưu vào sổ, nhưng không ghi được thông báo kết quả ra đầu ra chuẩn: %s "
			   "(xem lại bằng 'hiepthuong audit log'; đừng nhập lại)", sys_msg(e));
	else
		error_kind(kind, "không ghi được ra đầu ra chuẩn: %s", sys_msg(e));
	return exit_code(-1);
}

int main(int argc, char **argv)
{
	static struct sbuf cmdline = SBUF_INIT;
	struct ctx ctx;
	const struct cmd *c;
	int i, nwords, rc;

	platform_init(&argc, &argv);	/* Windows: UTF-8 argv and console */
	/* Books, exports and backups hold personal data: owner only. */
	umask(077);
	/* A fixed clock for the audit trail must be a time, or nothing is
	 * recorded with it (audit.c). */
	if (getenv("HIEPTHUONG_NOW") && *getenv("HIEPTHUONG_NOW") && !audit_time_valid(getenv("HIEPTHUONG_NOW"))) {
		usage_error("biến HIEPTHUONG_NOW '%s' không phải thời điểm dạng 2026-01-05T08:30:00+07:00; bỏ biến "
			    "này để dùng đồng hồ máy", getenv("HIEPTHUONG_NOW"));
		return exit_code(-1);
	}
	memset(&ctx, 0, sizeof(ctx));
	ctx.db_path = getenv("HIEPTHUONG_DB");
	if (!ctx.db_path || !*ctx.db_path)
		ctx.db_path = "hiepthuong.db";
	/* Kept before any option parsing reorders argv. */
	for (i = 0; i < argc; i++) {
		if (i)
			sbuf_addch(&cmdline, ' ');
		add_quoted(&cmdline, argv[i]);
	}
	ctx.cmdline = cmdline.buf;

	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "--db") || !strcmp(a, "--by")) {
			if (i + 1 >= argc) {
				usage_error("tùy chọn '%s' cần giá trị", a);
				return exit_code(-1);
			}
			if (!strcmp(a, "--db"))
				ctx.db_path = argv[++i];
			else if (!(ctx.by = opt_clean_line(argv[++i], "--by")))
				return exit_code(-1);
		} else if (!strncmp(a, "--db=", 5)) {
			ctx.db_path = a + 5;
		} else if (!strncmp(a, "--by=", 5)) {
			if (!(ctx.by = opt_clean_line(a + 5, "--by")))
				return exit_code(-1);
		} else if (!strcmp(a, "--version") || !strcmp(a, "-V")) {
			return check_stdout(cmd_version(&ctx, 1, argv));
		} else if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			main_help(stdout);
			return check_stdout(0);
		} else {
			usage_error("không có tùy chọn chung '%s'", a);
			fprintf(stderr, "cách dùng: %s\n", main_usage);
			return exit_code(-1);
		}
	}
	if (i >= argc) {
		main_help(stderr);
		diag_failed(ERR_USAGE);
		return exit_code(-1);
	}
	c = cmd_lookup(argc - i, argv + i, &nwords);
	if (!c) {
		if (is_group(argv[i]) && i + 1 < argc &&
		    (!strcmp(argv[i + 1], "--help") || !strcmp(argv[i + 1], "-h"))) {
			/* `hiepthuong candidate --help`, as `hiepthuong help candidate` */
			printf("Các lệnh '%s':\n", argv[i]);
			list_commands(stdout, argv[i]);
			printf("\n'hiepthuong %s LỆNH --help' in hướng dẫn của từng lệnh.\n", argv[i]);
			return check_stdout(0);
		}
		if (is_group(argv[i])) {
			if (i + 1 < argc)
				usage_error("không có lệnh '%s %s'", argv[i], argv[i + 1]);
			else
				diag_failed(ERR_USAGE);
			fprintf(stderr, "Các lệnh '%s':\n", argv[i]);
			list_commands(stderr, argv[i]);
		} else {
			const char *near = nearest_command(argv[i]);
			if (near)
				usage_error("không có lệnh '%s'; có phải ý bạn là '%s'? (xem 'hiepthuong help')", argv[i],
					    near);
			else
				usage_error("không có lệnh '%s'; xem 'hiepthuong help'", argv[i]);
		}
		return exit_code(-1);
	}
	ctx.cmd_name = c->name;
	/* The command sees its own name as argv[0], as main() would. */
	if (nwords == 2)
		argv[i + 1] = (char *)c->name;
	rc = run_command(c, &ctx, argc - i - (nwords - 1), argv + i + (nwords - 1));
	sbuf_release(&cmdline);
	opt_release_all();
	return check_stdout(rc);
}
