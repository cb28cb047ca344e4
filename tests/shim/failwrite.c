/*
 * failwrite.c - an LD_PRELOAD shim that makes the disk look full or
 * read-only for chosen files, for the fault tests (t4310-disk.sh).  Tests
 * run as root, which chmod does not stop, so this is how a test gets a
 * read-only book or a full disk.
 *
 *   FAILWRITE_MATCH=substring  files whose path contains it are affected
 *   FAILWRITE_MODE=enospc      writes to them fail with ENOSPC once
 *                              FAILWRITE_AFTER bytes (default 0) were written
 *   FAILWRITE_MODE=erofs       opening them for writing fails with EROFS
 *   FAILWRITE_MODE=eio         reads from them fail with EIO once
 *                              FAILWRITE_AFTER bytes were read (t1006)
 *
 * Wrapped: open/open64/openat/openat64 (to learn which descriptors are
 * affected), write/pwrite/pwrite64/writev, read, and fopen/fopen64 (stdio writes
 * inside glibc do not go through write(), so an affected FILE is replaced
 * by a fopencookie() stream whose writes are counted here).
 * Compiled by the test: cc -shared -fPIC -o failwrite.so failwrite.c -ldl
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

#define MAXFD 4096
static unsigned char affected[MAXFD];
static long long written, nread;

static const char *match(void) { return getenv("FAILWRITE_MATCH"); }
static int erofs(void) { const char *m = getenv("FAILWRITE_MODE"); return m && !strcmp(m, "erofs"); }
static int eio(void) { const char *m = getenv("FAILWRITE_MODE"); return m && !strcmp(m, "eio"); }
static long long budget(void) { const char *a = getenv("FAILWRITE_AFTER"); return a ? atoll(a) : 0; }

static int hit(const char *path)
{
	const char *m = match();
	return m && *m && path && strstr(path, m);
}

static int writing(int flags)
{
	return (flags & O_ACCMODE) != O_RDONLY || (flags & (O_CREAT | O_TRUNC));
}

static int opened(int fd, const char *path)
{
	if (fd >= 0 && fd < MAXFD)
		affected[fd] = hit(path) ? 1 : 0;
	return fd;
}

#define REAL(name) static __typeof__(&name) real_##name; if (!real_##name) real_##name = (__typeof__(&name))dlsym(RTLD_NEXT, #name)

int open(const char *path, int flags, ...)
{
	REAL(open);
	mode_t mode = 0;
	if (flags & O_CREAT) { va_list ap; va_start(ap, flags); mode = va_arg(ap, mode_t); va_end(ap); }
	if (erofs() && hit(path) && writing(flags)) { errno = EROFS; return -1; }
	return opened(real_open(path, flags, mode), path);
}

int open64(const char *path, int flags, ...)
{
	REAL(open64);
	mode_t mode = 0;
	if (flags & O_CREAT) { va_list ap; va_start(ap, flags); mode = va_arg(ap, mode_t); va_end(ap); }
	if (erofs() && hit(path) && writing(flags)) { errno = EROFS; return -1; }
	return opened(real_open64(path, flags, mode), path);
}

int openat(int dir, const char *path, int flags, ...)
{
	REAL(openat);
	mode_t mode = 0;
	if (flags & O_CREAT) { va_list ap; va_start(ap, flags); mode = va_arg(ap, mode_t); va_end(ap); }
	if (erofs() && hit(path) && writing(flags)) { errno = EROFS; return -1; }
	return opened(real_openat(dir, path, flags, mode), path);
}

/* How many of n bytes to fd may be written; 0 with errno set when none. */
static size_t allow(int fd, size_t n)
{
	long long left;

	if (fd < 0 || fd >= MAXFD || !affected[fd] || erofs() || eio())
		return n;
	left = budget() - written;
	if (left <= 0) {
		errno = ENOSPC;
		return 0;
	}
	return (long long)n < left ? n : (size_t)left;
}

ssize_t write(int fd, const void *buf, size_t n)
{
	REAL(write);
	size_t k = n ? allow(fd, n) : 0;
	ssize_t r;
	if (n && !k) return -1;
	r = real_write(fd, buf, k);
	if (r > 0 && fd >= 0 && fd < MAXFD && affected[fd]) written += r;
	return r;
}

ssize_t pwrite(int fd, const void *buf, size_t n, off_t off)
{
	REAL(pwrite);
	size_t k = n ? allow(fd, n) : 0;
	ssize_t r;
	if (n && !k) return -1;
	r = real_pwrite(fd, buf, k, off);
	if (r > 0 && fd >= 0 && fd < MAXFD && affected[fd]) written += r;
	return r;
}

ssize_t pwrite64(int fd, const void *buf, size_t n, off_t off)
{
	return pwrite(fd, buf, n, off);
}

ssize_t writev(int fd, const struct iovec *iov, int cnt)
{
	ssize_t total = 0;
	for (int i = 0; i < cnt; i++) {
		ssize_t r = write(fd, iov[i].iov_base, iov[i].iov_len);
		if (r < 0) return total ? total : -1;
		total += r;
		if ((size_t)r < iov[i].iov_len) break;
	}
	return total;
}

ssize_t read(int fd, void *buf, size_t n)
{
	REAL(read);
	ssize_t r;
	if (eio() && n && fd >= 0 && fd < MAXFD && affected[fd]) {
		long long left = budget() - nread;
		if (left <= 0) { errno = EIO; return -1; }
		if ((long long)n > left) n = (size_t)left;
	}
	r = real_read(fd, buf, n);
	if (r > 0 && fd >= 0 && fd < MAXFD && affected[fd]) nread += r;
	return r;
}

/* stdio streams on affected files: writes go through write() above. */
static ssize_t c_read(void *c, char *buf, size_t n) { return read((int)(long)c, buf, n); }
static ssize_t c_write(void *c, const char *buf, size_t n)
{
	ssize_t r = write((int)(long)c, buf, n);
	return r < 0 ? -1 : r;	/* fopencookie: -1 is an error */
}
static int c_seek(void *c, off64_t *off, int whence)
{
	off_t r = lseek((int)(long)c, *off, whence);
	if (r < 0) return -1;
	*off = r;
	return 0;
}
static int c_close(void *c) { return close((int)(long)c); }

static FILE *wrap_fopen(const char *path, const char *mode, FILE *(*real)(const char *, const char *))
{
	int flags, fd;
	cookie_io_functions_t io = { c_read, c_write, c_seek, c_close };

	if (!hit(path))
		return real(path, mode);
	if (mode[0] == 'r')
		flags = strchr(mode, '+') ? O_RDWR : O_RDONLY;
	else if (mode[0] == 'w')
		flags = (strchr(mode, '+') ? O_RDWR : O_WRONLY) | O_CREAT | O_TRUNC;
	else
		flags = (strchr(mode, '+') ? O_RDWR : O_WRONLY) | O_CREAT | O_APPEND;
	fd = open(path, flags, 0600);
	if (fd < 0)
		return NULL;
	return fopencookie((void *)(long)fd, mode, io);
}

FILE *fopen(const char *path, const char *mode)
{
	REAL(fopen);
	return wrap_fopen(path, mode, real_fopen);
}

FILE *fopen64(const char *path, const char *mode)
{
	REAL(fopen64);
	return wrap_fopen(path, mode, real_fopen64);
}
