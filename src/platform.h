/*
 * platform.h - the one place where hiepthuong meets an operating system
 * that is not POSIX (docs/windows.md).
 *
 * On POSIX systems this header declares platform_init() and nothing else:
 * the program is written against POSIX and the C library.
 *
 * On Windows (mingw-w64) the Makefile's `windows` target includes this
 * header first in every file (-include src/platform.h), the way git's
 * compat/mingw.h works: the POSIX calls the program makes are renamed to
 * ht_*() functions in platform.c, which take and give UTF-8 file names and
 * call the UTF-16 ("W") Windows API.  So no command has an #ifdef:
 *  - file names: open, fopen, stat, lstat, fstat, rename, unlink, link,
 *    access, mkdir, mkstemp, opendir/readdir, getenv: UTF-8 <-> UTF-16;
 *  - files are always binary: no CRLF translation, the same bytes as on
 *    Linux, inputs with either line ending read as on Linux;
 *  - rename() is MoveFileExW(REPLACE_EXISTING | WRITE_THROUGH), fsync()
 *    FlushFileBuffers(), a directory's fsync() a no-op (NTFS journals
 *    names; there is no directory handle to flush);
 *  - stat()'s st_dev/st_ino are the volume serial and the 64-bit file
 *    index, so "the same file" tests work (the C runtime's st_ino is 0);
 *  - signals: Ctrl-C (SIGINT) and Ctrl-Break (SIGQUIT) through the C
 *    runtime, with sigprocmask()/sigaction() emulated so that a signal
 *    arriving while blocked is delivered on unblocking;
 *  - the operator's name (getpwuid) is GetUserNameW's;
 *  - strftime's %z is the C99 offset (+0700), which Microsoft's C runtime
 *    writes as the zone's name;
 *  - owner-only files: with umask(077) a new file or folder gets a
 *    protected DACL for the user and SYSTEM only (the meaning of 0600 and
 *    0700); fchmod() does nothing (docs/windows.md).
 * platform_init() turns the UTF-16 command line into UTF-8 argv, sets the
 * console to UTF-8 and stdin/stdout/stderr to binary.
 */
#ifndef HT_PLATFORM_H
#define HT_PLATFORM_H

/* Turn the process's arguments into UTF-8 (Windows); nothing on POSIX. */
void platform_init(int *argc, char ***argv);

/* The last folder separator in path ('/', and '\\' on Windows), or NULL. */
const char *platform_last_sep(const char *path);
/*
 * The folder of file `path`, malloc'd (NULL when out of memory): "." when
 * it names none, "/" for "/x", on Windows "C:\\" for "C:\\x".  Not
 * dirname(): mingw-w64's converts the path through the ANSI code page
 * and sets the process's locale (docs/windows.md).
 */
char *platform_dir_of(const char *path);
/* 1 if path is absolute ("/x"; on Windows also "C:\\x", "\\\\server\\x"). */
int platform_is_absolute(const char *path);

/* 1 where a file this process holds open may be renamed over (POSIX); 0 on
 * Windows, where the rename fails while any handle to the target is open
 * without FILE_SHARE_DELETE, SQLite's included. */
#ifdef _WIN32
#define PLATFORM_RENAME_OVER_OPEN 0
#else
#define PLATFORM_RENAME_OVER_OPEN 1
#endif

#ifdef _WIN32
#ifndef WIN32_LEAN_AND_MEAN
#define WIN32_LEAN_AND_MEAN
#endif
/* Every system header the renamed calls live in, before the renaming. */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <errno.h>
#include <time.h>
#include <io.h>
#include <fcntl.h>
#include <direct.h>
#include <signal.h>
#include <unistd.h>
#include <dirent.h>
#include <sys/types.h>
#include <sys/stat.h>

#ifndef EDQUOT
#define EDQUOT 10069	/* WSAEDQUOT: not an errno the C runtime sets */
#endif
#ifndef O_CLOEXEC
#define O_CLOEXEC _O_NOINHERIT
#endif
#define O_DIRECTORY 0x40000000	/* ht_open: a directory, for a no-op fsync */

/* stat: a struct with the identity Windows gives */
struct ht_stat {
	uint64_t st_dev, st_ino;
	unsigned st_mode;
	int64_t st_size;
	time_t st_mtime;
};
#ifndef S_ISLNK
#define S_ISLNK(m) 0
#endif
int ht_stat(const char *path, struct ht_stat *st);
int ht_fstat(int fd, struct ht_stat *st);
#define stat ht_stat
#define lstat ht_stat
#define fstat ht_fstat

int ht_open(const char *path, int flags, ...);
FILE *ht_fopen(const char *path, const char *mode);
int ht_rename(const char *from, const char *to);
int ht_unlink(const char *path);
int ht_link(const char *from, const char *to);
int ht_access(const char *path, int mode);
int ht_mkdir(const char *path, int mode);
int ht_mkstemp(char *tmpl);
char *ht_mkdtemp(char *tmpl);
int ht_fsync(int fd);
char *ht_getenv(const char *name);
int ht_setenv(const char *name, const char *value, int overwrite);
int ht_unsetenv(const char *name);
time_t ht_timegm(struct tm *tm);
size_t ht_strftime(char *buf, size_t len, const char *fmt, const struct tm *tm);
#define open ht_open
#define fopen ht_fopen
#define rename ht_rename
#define unlink ht_unlink
#define link ht_link
#define access ht_access
#define mkdir ht_mkdir
#define mkstemp ht_mkstemp
#define mkdtemp ht_mkdtemp
#define fsync ht_fsync
#define getenv ht_getenv
#define setenv ht_setenv
#define unsetenv ht_unsetenv
#define timegm ht_timegm
#define strftime ht_strftime	/* %z as C99 says (+0700), not a zone name */
/* fflush, fwrite, fclose: a write to a pipe whose reader has gone fails
 * with EPIPE, as on POSIX (main.c's check_stdout() takes that for `| more`
 * closed early), where the C runtime says EINVAL. */
int ht_fflush(FILE *f);
size_t ht_fwrite(const void *p, size_t size, size_t n, FILE *f);
int ht_fclose(FILE *f);
#define fflush ht_fflush
#define fwrite ht_fwrite
#define fclose ht_fclose

/* umask(): what open(), fopen(), mkstemp() and mkdir() create with no
 * permission for group and others gets an owner-only ACL (platform.c).
 * fchmod() does nothing: a file's ACL is set when it is created. */
int ht_umask(int mask);
#define umask ht_umask
static inline int ht_fchmod(int fd, int mode)
{
	(void)fd;
	(void)mode;
	return 0;
}
#define fchmod ht_fchmod
#define geteuid() 0
#define getuid() 0

/* The folder REL beside hiepthuong.exe ("templates"), as UTF-8: where the
 * Windows zip keeps what `make install` puts under share/ (the Makefile's
 * HT_TEMPLATES_DIR and HT_LISTS_DIR on Windows). */
const char *ht_beside_exe(const char *rel);
#define HT_TEMPLATES_DIR ht_beside_exe("templates")
#define HT_LISTS_DIR ht_beside_exe("config/lists")

/* directories, by FindFirstFileW */
struct ht_dirent {
	char d_name[1024];
};
typedef struct ht_dir HT_DIR;
HT_DIR *ht_opendir(const char *path);
struct ht_dirent *ht_readdir(HT_DIR *d);
int ht_closedir(HT_DIR *d);
#define DIR HT_DIR
#define dirent ht_dirent
#define opendir ht_opendir
#define readdir ht_readdir
#define closedir ht_closedir

/* signals */
#define SIGHUP 1
#define SIGQUIT SIGBREAK
#define SIGPIPE 13
#define SIG_BLOCK 0
#define SIG_UNBLOCK 1
#define SIG_SETMASK 2
typedef unsigned ht_sigset_t;
struct ht_sigaction {
	void (*sa_handler)(int);
	ht_sigset_t sa_mask;
	int sa_flags;
};
int ht_sigemptyset(ht_sigset_t *s);
int ht_sigaddset(ht_sigset_t *s, int sig);
int ht_sigprocmask(int how, const ht_sigset_t *set, ht_sigset_t *old);
int ht_sigaction(int sig, const struct ht_sigaction *act, struct ht_sigaction *old);
void (*ht_signal(int sig, void (*handler)(int)))(int);
#define sigset_t ht_sigset_t
#define sigaction ht_sigaction
#define sigemptyset ht_sigemptyset
#define sigaddset ht_sigaddset
#define sigprocmask ht_sigprocmask
#define signal ht_signal
#endif /* _WIN32 */
#endif
