/* outfile.c - where outputs may go, and putting them in place; see outfile.h. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>
#include "diag.h"
#include "outfile.h"
#include "platform.h"
#include "sbuf.h"
#include "banned.h"

static int ends_with_xlsx(const char *path)
{
	size_t n = strlen(path);

	return n > 5 && !strcasecmp(path + n - 5, ".xlsx");
}

int out_is_form(const char *path)
{
	/* The mark is a custom document property: docProps/custom.xml, a
	 * few hundred bytes; anything much larger is not ours. */
	static const char needle[] = "name=\"" OUT_FORM_MARK "\"";
	char buf[8192];
	zip_t *z = zip_open(path, ZIP_RDONLY, NULL);
	zip_file_t *f;
	zip_int64_t n;
	int found = 0;

	if (!z)
		return 0;
	f = zip_fopen(z, "docProps/custom.xml", 0);
	if (f) {
		n = zip_fread(f, buf, sizeof(buf) - 1);
		if (n > 0) {
			buf[n] = 0;
			found = strstr(buf, needle) != NULL;
		}
		zip_fclose(f);
	}
	zip_discard(z);
	return found;
}

static int same_file(const struct stat *a, const char *b)
{
	struct stat sb;

	return b && stat(b, &sb) == 0 && a->st_dev == sb.st_dev && a->st_ino == sb.st_ino;
}

int out_may_write(const char *path, enum out_kind kind, int force, const char *book)
{
	struct stat st;

	if (kind == OUT_FORM && !ends_with_xlsx(path))
		return error("tên tệp '%s' không có đuôi .xlsx: biểu mẫu là tệp Excel (.xlsx); hãy đặt tên như "
			     "'bieu-mau.xlsx', hoặc dùng -o - để ghi ra đầu ra chuẩn", path);
	if (lstat(path, &st) < 0) {
		if (errno == ENOENT)
			return 0;
		return error("không ghi được '%s': %s", path, sys_msg(errno));
	}
	if (S_ISDIR(st.st_mode))
		return error("'%s' là một thư mục; hãy cho tên tệp", path);
	if (S_ISLNK(st.st_mode))
		return error("'%s' là một liên kết tượng trưng, không phải tệp thường: không ghi đè nó "
			     "(hãy cho tên tệp thật)", path);
	if (!S_ISREG(st.st_mode))
		return error("'%s' không phải tệp thường (thiết bị, đường ống hoặc socket): không ghi đè nó%s", path,
			     kind == OUT_FORM ? "; để ghi biểu mẫu ra đầu ra chuẩn, dùng -o -" : "");
	if (same_file(&st, book))
		return error("'%s' chính là sổ đang dùng: không ghi đè sổ; hãy chọn tên tệp khác", path);
	if (force)
		return 0;
	if (kind == OUT_FORM && out_is_form(path))
		return 0;
	if (kind == OUT_FORM)
		return error("tệp '%s' đã có và không phải biểu mẫu do hiepthuong xuất: không ghi đè "
			     "(chọn tên khác, hoặc thêm --force nếu chắc chắn muốn thay nó)", path);
	return error("tệp '%s' đã có; không ghi đè (thêm --force để ghi đè)", path);
}

/*
 * The temporary files in being, so that Ctrl-C, a hang-up or kill removes
 * them before the program dies: a whole form under a temporary name is
 * still a form a clerk could print.  The list is changed with those
 * signals blocked, and the handler only calls unlink() (async-signal-safe).
 * SIGKILL cannot be caught: its leftovers are named "….tmp-XXXXXX".
 */
static char **temps;
static int ntemps, atemps;
static const int caught[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };
#define NCAUGHT ((int)(sizeof(caught) / sizeof(caught[0])))

static void on_signal(int sig)
{
	for (int i = 0; i < ntemps; i++)
		if (temps[i])
			unlink(temps[i]);
	signal(sig, SIG_DFL);
	raise(sig);
}

static void block(sigset_t *old)
{
	sigset_t set;

	sigemptyset(&set);
	for (int i = 0; i < NCAUGHT; i++)
		sigaddset(&set, caught[i]);
	sigprocmask(SIG_BLOCK, &set, old);
}

/* Called with the signals blocked (out_temp_beside). */
static void remember(char *name)
{
	static int installed;

	if (!installed) {
		installed = 1;
		for (int i = 0; i < NCAUGHT; i++) {
			struct sigaction sa, prev;

			/* A signal the caller ignores (a background job) stays so. */
			if (sigaction(caught[i], NULL, &prev) == 0 && prev.sa_handler == SIG_IGN)
				continue;
			memset(&sa, 0, sizeof(sa));
			sa.sa_handler = on_signal;
			sigemptyset(&sa.sa_mask);
			sigaction(caught[i], &sa, NULL);
		}
	}
	if (ntemps == atemps) {
		char **n = xrealloc(temps, sizeof(*temps) * (size_t)(atemps ? 2 * atemps : 16));
		temps = n;
		atemps = atemps ? 2 * atemps : 16;
	}
	temps[ntemps++] = name;
}

static void forget(const char *name)
{
	sigset_t old;

	block(&old);
	for (int i = 0; i < ntemps; i++)
		if (temps[i] == name) {
			temps[i] = temps[--ntemps];
			break;
		}
	sigprocmask(SIG_SETMASK, &old, NULL);
}

char *out_temp_beside(const char *path)
{
	struct sbuf tmp = SBUF_INIT;
	sigset_t old;
	int fd, e;

	sbuf_addf(&tmp, "%s.tmp-XXXXXX", path);
	/* Created and remembered with no signal in between. */
	block(&old);
	fd = mkstemp(tmp.buf);
	if (fd < 0) {
		e = errno;
		sigprocmask(SIG_SETMASK, &old, NULL);
		error("không tạo được tệp '%s': %s", path, sys_msg(e));
		sbuf_release(&tmp);
		return NULL;
	}
	fchmod(fd, 0600);
	close(fd);
	remember(tmp.buf);
	sigprocmask(SIG_SETMASK, &old, NULL);
	return sbuf_detach(&tmp, NULL);
}

void out_temp_discard(char *tmp)
{
	if (!tmp)
		return;
	unlink(tmp);
	forget(tmp);
	free(tmp);
}

int out_put_in_place(char *tmp, const char *path)
{
	char *copy;
	int fd, e;

	fd = open(tmp, O_RDONLY);
	if (fd < 0 || fsync(fd) < 0 || rename(tmp, path) < 0) {
		e = errno;
		if (fd >= 0)
			close(fd);
		out_temp_discard(tmp);
		return error("không ghi được tệp '%s': %s", path, sys_msg(e));
	}
	close(fd);
	forget(tmp);
	free(tmp);
	/* The new name reaches the disk too (best effort: some file systems
	 * refuse fsync on a folder). */
	copy = platform_dir_of(path);
	if (copy && (fd = open(copy, O_RDONLY | O_DIRECTORY)) >= 0) {
		fsync(fd);
		close(fd);
	}
	free(copy);
	return 0;
}

int out_copy_to_stdout(const char *path)
{
	char buf[65536];
	FILE *f = fopen(path, "rb");
	size_t n;

	if (!f)
		return error("không đọc được tệp tạm '%s': %s", path, sys_msg(errno));
	fflush(stdout);
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0) {
		if (fwrite(buf, 1, n, stdout) != n) {
			int e = errno;
			fclose(f);
			return error("không ghi được biểu mẫu ra đầu ra chuẩn: %s", sys_msg(e));
		}
	}
	fclose(f);
	if (fflush(stdout))
		return error("không ghi được biểu mẫu ra đầu ra chuẩn: %s", sys_msg(errno));
	return 0;
}
