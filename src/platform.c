/*
 * platform.c - what platform.h promises: nothing on POSIX but
 * platform_init(); on Windows the UTF-8 <-> UTF-16 file API, durable
 * renames, stat's file identity, emulated signal masks and the user's
 * name.  See platform.h and docs/windows.md.
 */
#include "platform.h"

#include <stdlib.h>
#include <string.h>

const char *platform_last_sep(const char *path)
{
	const char *s = strrchr(path, '/');
#ifdef _WIN32
	const char *b = strrchr(path, '\\');

	if (b && (!s || b > s))
		s = b;
#endif
	return s;
}

char *platform_dir_of(const char *path)
{
	const char *s = platform_last_sep(path);
	size_t n = s ? (size_t)(s - path) : 1;
	char *d;

	if (s && n == 0)
		n = 1;	/* "/x": the root */
#ifdef _WIN32
	if (s && n == 2 && path[1] == ':')
		n = 3;	/* "C:\x": the drive's root */
#endif
	if (!(d = malloc(n + 1)))
		return NULL;
	memcpy(d, s ? path : ".", n);
	d[n] = '\0';
	return d;
}

int platform_is_absolute(const char *path)
{
#ifdef _WIN32
	if (path[0] == '\\' || (path[0] && path[1] == ':' && (path[2] == '/' || path[2] == '\\')))
		return 1;
#endif
	return path[0] == '/';
}

#ifndef _WIN32
void platform_init(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
}
#else
#undef stat
#undef lstat
#undef fstat
#undef open
#undef fopen
#undef fflush
#undef fwrite
#undef fclose
#undef rename
#undef unlink
#undef link
#undef access
#undef mkdir
#undef mkstemp
#undef mkdtemp
#undef umask
#undef fsync
#undef getenv
#undef setenv
#undef unsetenv
#undef timegm
#undef strftime
#undef DIR
#undef dirent
#undef opendir
#undef readdir
#undef closedir
#undef sigset_t
#undef sigaction
#undef sigemptyset
#undef sigaddset
#undef sigprocmask
#undef signal

#include <stdarg.h>
#include <windows.h>
#include <shellapi.h>
#include <bcrypt.h>
#include <pwd.h>

/* ---- UTF-8 <-> UTF-16 ------------------------------------------------- */

/* A malloc'd UTF-16 copy of UTF-8 s, or NULL (errno EINVAL or ENOMEM). */
static wchar_t *wide(const char *s)
{
	int n = MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, s, -1, NULL, 0);
	wchar_t *w;

	if (n <= 0) {
		errno = EINVAL;
		return NULL;
	}
	if (!(w = malloc(sizeof(wchar_t) * (size_t)n))) {
		errno = ENOMEM;
		return NULL;
	}
	MultiByteToWideChar(CP_UTF8, 0, s, -1, w, n);
	return w;
}

static char *narrow(const wchar_t *w)
{
	int n = WideCharToMultiByte(CP_UTF8, 0, w, -1, NULL, 0, NULL, NULL);
	char *s;

	if (n <= 0 || !(s = malloc((size_t)n)))
		return NULL;
	WideCharToMultiByte(CP_UTF8, 0, w, -1, s, n, NULL, NULL);
	return s;
}

static int set_errno_from_win(void)
{
	switch (GetLastError()) {
	case ERROR_FILE_NOT_FOUND:
	case ERROR_PATH_NOT_FOUND:
	case ERROR_INVALID_NAME:
		errno = ENOENT;
		break;
	case ERROR_ACCESS_DENIED:
	case ERROR_SHARING_VIOLATION:
	case ERROR_LOCK_VIOLATION:
		errno = EACCES;
		break;
	case ERROR_ALREADY_EXISTS:
	case ERROR_FILE_EXISTS:
		errno = EEXIST;
		break;
	case ERROR_NOT_SAME_DEVICE:
		errno = EXDEV;
		break;
	case ERROR_DISK_FULL:
	case ERROR_HANDLE_DISK_FULL:
		errno = ENOSPC;
		break;
	case ERROR_NOT_SUPPORTED:
	case ERROR_INVALID_FUNCTION:
		errno = EPERM;
		break;
	default:
		errno = EIO;
	}
	return -1;
}

void platform_init(int *argc, char ***argv)
{
	int n;
	wchar_t **w = CommandLineToArgvW(GetCommandLineW(), &n);

	if (w) {
		char **a = calloc((size_t)n + 1, sizeof(*a));

		for (int i = 0; a && i < n; i++)
			if (!(a[i] = narrow(w[i])))
				a[i] = "";
		if (a) {
			*argc = n;
			*argv = a;
		}
		LocalFree(w);
	}
	SetConsoleOutputCP(CP_UTF8);
	SetConsoleCP(CP_UTF8);
	_setmode(0, _O_BINARY);
	_setmode(1, _O_BINARY);
	_setmode(2, _O_BINARY);
	_fmode = _O_BINARY;
}

/* ---- owner-only files ------------------------------------------------- */

/*
 * umask() as POSIX has it (022 until main() sets 077): a file or folder
 * created with no permission left for group and others gets an owner-only
 * DACL, the Windows meaning of mode 0600 / 0700.  Otherwise it inherits the
 * ACL of its folder, as every Windows program's files do.
 */
static int cur_umask = 022;

int ht_umask(int mask)
{
	int old = cur_umask;

	cur_umask = mask & 0777;
	return old;
}

struct owner_sd {
	SECURITY_ATTRIBUTES sa;
	SECURITY_DESCRIPTOR sd;
	DWORD acl[128];			/* ACL: header + two ACEs with their SIDs */
	DWORD user[128];		/* TOKEN_USER and its SID */
	DWORD system[SECURITY_MAX_SID_SIZE / sizeof(DWORD) + 1];
};

/*
 * Security attributes that let in the user running the program and SYSTEM
 * (backup, the file indexer: what runs for the machine), nobody else, and
 * do not inherit the folder's entries (a protected DACL).  A folder's
 * entries are inherited by what is created in it.  A file's owner gets read,
 * write, delete and the right to change the ACL, not execute: under Wine,
 * which turns a DACL into Unix mode bits, that is 0600, a folder's 0700.
 * NULL if the token cannot be read: the file then inherits its folder's ACL.
 */
static SECURITY_ATTRIBUTES *owner_only(struct owner_sd *o, int mode, int dir)
{
	TOKEN_USER *tu = (TOKEN_USER *)o->user;
	DWORD n = sizeof(o->user), ns = sizeof(o->system);
	DWORD inh = dir ? OBJECT_INHERIT_ACE | CONTAINER_INHERIT_ACE : 0;
	DWORD acc = dir ? FILE_ALL_ACCESS
			: FILE_GENERIC_READ | FILE_GENERIC_WRITE | DELETE | WRITE_DAC | WRITE_OWNER;
	ACL *acl = (ACL *)o->acl;
	HANDLE tok;
	BOOL ok;

	if ((mode & ~cur_umask) & 077)
		return NULL;	/* not meant to be owner-only */
	if (!OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &tok))
		return NULL;
	ok = GetTokenInformation(tok, TokenUser, tu, n, &n);
	CloseHandle(tok);
	if (!ok || !CreateWellKnownSid(WinLocalSystemSid, NULL, o->system, &ns) ||
	    !InitializeAcl(acl, sizeof(o->acl), ACL_REVISION) ||
	    !AddAccessAllowedAceEx(acl, ACL_REVISION, inh, acc, tu->User.Sid) ||
	    !AddAccessAllowedAceEx(acl, ACL_REVISION, inh, acc, o->system) ||
	    !InitializeSecurityDescriptor(&o->sd, SECURITY_DESCRIPTOR_REVISION) ||
	    !SetSecurityDescriptorDacl(&o->sd, TRUE, acl, FALSE) ||
	    !SetSecurityDescriptorControl(&o->sd, SE_DACL_PROTECTED, SE_DACL_PROTECTED))
		return NULL;
	o->sa.nLength = sizeof(o->sa);
	o->sa.lpSecurityDescriptor = &o->sd;
	o->sa.bInheritHandle = FALSE;
	return &o->sa;
}

/* ---- files ------------------------------------------------------------ */

int ht_open(const char *path, int flags, ...)
{
	int mode = 0, fd;
	wchar_t *w;

	if (flags & O_CREAT) {
		va_list ap;

		va_start(ap, flags);
		mode = va_arg(ap, int);
		va_end(ap);
	}
	if (flags & O_DIRECTORY) {
		/* Windows has no directory descriptors to fsync: hand back the
		 * null device, whose fsync is a no-op (ht_fsync). */
		DWORD a = (w = wide(path)) ? GetFileAttributesW(w) : INVALID_FILE_ATTRIBUTES;

		free(w);
		if (a == INVALID_FILE_ATTRIBUTES || !(a & FILE_ATTRIBUTE_DIRECTORY)) {
			errno = ENOTDIR;
			return -1;
		}
		return _open("NUL", _O_RDONLY);
	}
	if (!(w = wide(path)))
		return -1;
	/* CreateFileW, sharing read, write and delete as POSIX does: a file
	 * open here may still be renamed or removed (out_put_in_place renames
	 * a temporary it holds open for fsync). */
	{
		DWORD acc = (flags & O_ACCMODE) == O_WRONLY ? GENERIC_WRITE
			    : (flags & O_ACCMODE) == O_RDWR ? GENERIC_READ | GENERIC_WRITE : GENERIC_READ;
		DWORD disp = (flags & O_CREAT) ? ((flags & O_EXCL) ? CREATE_NEW : (flags & O_TRUNC) ? CREATE_ALWAYS
							   : OPEN_ALWAYS)
			     : (flags & O_TRUNC) ? TRUNCATE_EXISTING : OPEN_EXISTING;
		DWORD attr = (flags & O_CREAT) && !(mode & 0200) ? FILE_ATTRIBUTE_READONLY : FILE_ATTRIBUTE_NORMAL;
		/* a new file's ACL (an existing file keeps its own, as its mode on POSIX) */
		struct owner_sd o;
		SECURITY_ATTRIBUTES *sa = (flags & O_CREAT) ? owner_only(&o, mode, 0) : NULL;
		HANDLE h = CreateFileW(w, acc, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, sa, disp,
				       attr | FILE_FLAG_BACKUP_SEMANTICS, NULL);

		free(w);
		if (h == INVALID_HANDLE_VALUE)
			return set_errno_from_win();
		fd = _open_osfhandle((intptr_t)h, (flags & (O_APPEND | O_RDONLY)) | _O_BINARY);
		if (fd < 0)
			CloseHandle(h);
	}
	return fd;
}

FILE *ht_fopen(const char *path, const char *mode)
{
	wchar_t *w = wide(path), wm[8];
	size_t i = 0;
	FILE *f;

	if (!w)
		return NULL;
	if (mode[0] == 'w' || mode[0] == 'a') {
		/* Creating: through ht_open(), for the new file's ACL (umask) */
		char m[8];
		int plus = strchr(mode, '+') != NULL, fd;
		int flags = (plus ? O_RDWR : O_WRONLY) | O_CREAT | (mode[0] == 'w' ? O_TRUNC : O_APPEND) |
			    (strchr(mode, 'x') ? O_EXCL : 0);

		free(w);
		if ((fd = ht_open(path, flags, 0666)) < 0)
			return NULL;
		snprintf(m, sizeof(m), "%c%sb", mode[0], plus ? "+" : "");
		if (!(f = _fdopen(fd, m)))
			_close(fd);
		return f;
	}
	for (; mode[i] && i < 5; i++)
		wm[i] = (wchar_t)(unsigned char)mode[i];
	if (!strchr(mode, 'b'))
		wm[i++] = L'b';	/* the same bytes as on POSIX */
	wm[i] = 0;
	f = _wfopen(w, wm);
	free(w);
	return f;
}

/*
 * A write to a pipe whose reader has closed it fails on Windows with
 * ERROR_NO_DATA ("the pipe is being closed") or ERROR_BROKEN_PIPE (Wine 8:
 * ERROR_PIPE_NOT_CONNECTED), which the C runtime turns into EINVAL: POSIX's EPIPE again, so that `hiepthuong ...
 * | more` closed early is not taken for a failed write (t4510).
 */
static void pipe_errno(void)
{
	DWORD e = GetLastError();

	if (e == ERROR_NO_DATA || e == ERROR_BROKEN_PIPE || e == ERROR_PIPE_NOT_CONNECTED)
		errno = EPIPE;
}

int ht_fflush(FILE *f)
{
	int rc = fflush(f);

	if (rc)
		pipe_errno();
	return rc;
}

size_t ht_fwrite(const void *p, size_t size, size_t n, FILE *f)
{
	size_t r = fwrite(p, size, n, f);

	if (r != n)
		pipe_errno();
	return r;
}

int ht_fclose(FILE *f)
{
	int rc = fclose(f);

	if (rc)
		pipe_errno();
	return rc;
}

/* fopen() as libxlsxwriter's minizip calls it (-Wl,--wrap=fopen64). */
FILE *__wrap_fopen64(const char *path, const char *mode);
FILE *__wrap_fopen64(const char *path, const char *mode)
{
	return ht_fopen(path, mode);
}
FILE *__wrap_fopen(const char *path, const char *mode);
FILE *__wrap_fopen(const char *path, const char *mode)
{
	return ht_fopen(path, mode);
}

/*
 * The same as fill_stat() from the *Ex classes, which ask nothing of the
 * volume.  Wine's GetFileInformationByHandle() fails (ERROR_INVALID_HANDLE)
 * on a handle that wraps a Unix descriptor it inherited, i.e. a standard
 * stream redirected from a file (`hiepthuong ... - <book.xlsx`): it cannot
 * find that handle's volume.  The file index comes from FileIdInfo (the
 * volume serial there is Wine's 0: such a file is never "the same" as one
 * opened by name, which is what an input on standard input is anyway).
 */
static int fill_stat_ex(HANDLE h, struct ht_stat *st)
{
	FILE_BASIC_INFO b;
	FILE_STANDARD_INFO s;
	FILE_ID_INFO id;
	uint64_t ino = 0;

	if (!GetFileInformationByHandleEx(h, FileBasicInfo, &b, sizeof(b)) ||
	    !GetFileInformationByHandleEx(h, FileStandardInfo, &s, sizeof(s)))
		return set_errno_from_win();
	memset(st, 0, sizeof(*st));
	if (GetFileInformationByHandleEx(h, FileIdInfo, &id, sizeof(id))) {
		memcpy(&ino, id.FileId.Identifier, sizeof(ino));
		st->st_dev = (uint32_t)id.VolumeSerialNumber;
	}
	st->st_ino = ino;
	st->st_size = (int64_t)s.EndOfFile.QuadPart;
	if (s.Directory || (b.FileAttributes & FILE_ATTRIBUTE_DIRECTORY))
		st->st_mode = _S_IFDIR | 0700;
	else
		st->st_mode = _S_IFREG | ((b.FileAttributes & FILE_ATTRIBUTE_READONLY) ? 0400 : 0600);
	st->st_mtime = (time_t)((uint64_t)b.LastWriteTime.QuadPart / 10000000ULL - 11644473600ULL);
	return 0;
}

static int fill_stat(HANDLE h, struct ht_stat *st)
{
	BY_HANDLE_FILE_INFORMATION fi;

	if (!GetFileInformationByHandle(h, &fi))
		return GetFileType(h) == FILE_TYPE_DISK ? fill_stat_ex(h, st) : set_errno_from_win();
	memset(st, 0, sizeof(*st));
	st->st_dev = fi.dwVolumeSerialNumber;
	st->st_ino = ((uint64_t)fi.nFileIndexHigh << 32) | fi.nFileIndexLow;
	st->st_size = (int64_t)(((uint64_t)fi.nFileSizeHigh << 32) | fi.nFileSizeLow);
	if (fi.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY)
		st->st_mode = _S_IFDIR | 0700;
	else if (GetFileType(h) == FILE_TYPE_DISK)
		st->st_mode = _S_IFREG | ((fi.dwFileAttributes & FILE_ATTRIBUTE_READONLY) ? 0400 : 0600);
	else
		st->st_mode = _S_IFCHR | 0600;
	st->st_mtime = (time_t)((((uint64_t)fi.ftLastWriteTime.dwHighDateTime << 32) |
				  fi.ftLastWriteTime.dwLowDateTime) / 10000000ULL - 11644473600ULL);
	return 0;
}

int ht_stat(const char *path, struct ht_stat *st)
{
	wchar_t *w = wide(path);
	HANDLE h;
	int rc;

	if (!w)
		return -1;
	h = CreateFileW(w, FILE_READ_ATTRIBUTES, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL,
			OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS, NULL);
	free(w);
	if (h == INVALID_HANDLE_VALUE)
		return set_errno_from_win();
	rc = fill_stat(h, st);
	CloseHandle(h);
	return rc;
}

int ht_fstat(int fd, struct ht_stat *st)
{
	HANDLE h = (HANDLE)_get_osfhandle(fd);

	if (h == INVALID_HANDLE_VALUE) {
		errno = EBADF;
		return -1;
	}
	if (GetFileType(h) != FILE_TYPE_DISK) {
		memset(st, 0, sizeof(*st));
		st->st_mode = GetFileType(h) == FILE_TYPE_PIPE ? _S_IFIFO | 0600 : _S_IFCHR | 0600;
		return 0;
	}
	return fill_stat(h, st);
}

/* Atomic where the volume allows (NTFS), and flushed before returning. */
int ht_rename(const char *from, const char *to)
{
	wchar_t *a = wide(from), *b = a ? wide(to) : NULL;
	BOOL ok;

	if (!b) {
		free(a);
		return -1;
	}
	ok = MoveFileExW(a, b, MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH);
	free(a);
	free(b);
	return ok ? 0 : set_errno_from_win();
}

int ht_unlink(const char *path)
{
	wchar_t *w = wide(path);
	int rc;

	if (!w)
		return -1;
	rc = _wunlink(w);
	free(w);
	return rc;
}

/* A hard link: NTFS has them; FAT and network shares say EPERM. */
int ht_link(const char *from, const char *to)
{
	wchar_t *a = wide(from), *b = a ? wide(to) : NULL;
	BOOL ok;

	if (!b) {
		free(a);
		return -1;
	}
	ok = CreateHardLinkW(b, a, NULL);
	free(a);
	free(b);
	return ok ? 0 : set_errno_from_win();
}

int ht_access(const char *path, int mode)
{
	wchar_t *w = wide(path);
	int rc;

	if (!w)
		return -1;
	rc = _waccess(w, mode & ~1);	/* no X_OK on Windows */
	free(w);
	return rc;
}

int ht_mkdir(const char *path, int mode)
{
	wchar_t *w = wide(path);
	struct owner_sd o;
	BOOL ok;

	if (!w)
		return -1;
	ok = CreateDirectoryW(w, owner_only(&o, mode, 1));
	free(w);
	return ok ? 0 : set_errno_from_win();
}

/* mkstemp(): "…XXXXXX" replaced by random letters, created exclusively. */
int ht_mkstemp(char *tmpl)
{
	static const char set[] = "abcdefghijklmnopqrstuvwxyz0123456789";
	size_t n = strlen(tmpl);
	char *x;

	if (n < 6 || strcmp(tmpl + n - 6, "XXXXXX")) {
		errno = EINVAL;
		return -1;
	}
	x = tmpl + n - 6;
	for (int tries = 0; tries < 100; tries++) {
		unsigned char r[6];
		int fd;

		if (BCryptGenRandom(NULL, r, sizeof(r), BCRYPT_USE_SYSTEM_PREFERRED_RNG) != 0) {
			errno = EIO;
			return -1;
		}
		for (int i = 0; i < 6; i++)
			x[i] = set[r[i] % (sizeof(set) - 1)];
		fd = ht_open(tmpl, O_RDWR | O_CREAT | O_EXCL, 0600);
		if (fd >= 0 || errno != EEXIST)
			return fd;
	}
	errno = EEXIST;
	return -1;
}

char *ht_mkdtemp(char *tmpl)
{
	static const char set[] = "abcdefghijklmnopqrstuvwxyz0123456789";
	size_t n = strlen(tmpl);
	char *x;

	if (n < 6 || strcmp(tmpl + n - 6, "XXXXXX")) {
		errno = EINVAL;
		return NULL;
	}
	x = tmpl + n - 6;
	for (int tries = 0; tries < 100; tries++) {
		unsigned char r[6];

		if (BCryptGenRandom(NULL, r, sizeof(r), BCRYPT_USE_SYSTEM_PREFERRED_RNG) != 0) {
			errno = EIO;
			return NULL;
		}
		for (int i = 0; i < 6; i++)
			x[i] = set[r[i] % (sizeof(set) - 1)];
		if (ht_mkdir(tmpl, 0700) == 0)
			return tmpl;
		if (errno != EEXIST)
			return NULL;
	}
	errno = EEXIST;
	return NULL;
}

int ht_fsync(int fd)
{
	HANDLE h;
	wchar_t path[32768];
	DWORD n;

	h = (HANDLE)_get_osfhandle(fd);
	if (h == INVALID_HANDLE_VALUE) {
		errno = EBADF;
		return -1;
	}
	/* A folder's descriptor is the null device (ht_open), a character
	 * device: nothing to flush.  Asked of the handle, not remembered as a
	 * descriptor number, which the next open() reuses once it is closed
	 * (the temporary of every form after the first went unflushed). */
	if (GetFileType(h) != FILE_TYPE_DISK)
		return 0;
	if (FlushFileBuffers(h))
		return 0;
	if (GetLastError() != ERROR_ACCESS_DENIED)
		return set_errno_from_win();
	/* Opened read-only: flushing wants write access, so flush through a
	 * second handle on the same file. */
	n = GetFinalPathNameByHandleW(h, path, 32768, 0);
	if (n == 0 || n >= 32768)
		return set_errno_from_win();
	h = CreateFileW(path, GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL,
			OPEN_EXISTING, 0, NULL);
	if (h == INVALID_HANDLE_VALUE)
		return set_errno_from_win();
	n = FlushFileBuffers(h);
	CloseHandle(h);
	return n ? 0 : set_errno_from_win();
}

/* UTF-8 values, kept for the life of the process as getenv()'s are. */
char *ht_getenv(const char *name)
{
	wchar_t *w = wide(name), *v;
	char *s;

	if (!w)
		return NULL;
	v = _wgetenv(w);
	free(w);
	if (!v)
		return NULL;
	s = narrow(v);
	return s;
}

int ht_setenv(const char *name, const char *value, int overwrite)
{
	wchar_t *n, *v;
	int rc;

	if (!overwrite && ht_getenv(name))
		return 0;
	if (!(n = wide(name)))
		return -1;
	if (!(v = wide(value))) {
		free(n);
		return -1;
	}
	rc = _wputenv_s(n, v) ? -1 : 0;
	free(n);
	free(v);
	return rc;
}

int ht_unsetenv(const char *name)
{
	wchar_t *n = wide(name);
	int rc;

	if (!n)
		return -1;
	rc = _wputenv_s(n, L"") ? -1 : 0;
	free(n);
	return rc;
}

time_t ht_timegm(struct tm *tm)
{
	return _mkgmtime(tm);
}

const char *ht_beside_exe(const char *rel)
{
	wchar_t w[32768];
	DWORD n = GetModuleFileNameW(NULL, w, 32768);
	char *dir, *s, *slash;
	size_t k;

	if (n == 0 || n >= 32768 || !(dir = narrow(w)))
		return rel;
	for (s = dir; *s; s++)
		if (*s == '\\')
			*s = '/';
	if ((slash = strrchr(dir, '/')))
		slash[1] = 0;
	k = strlen(dir) + strlen(rel) + 1;
	if (!(s = malloc(k))) {
		free(dir);
		return rel;
	}
	snprintf(s, k, "%s%s", dir, rel);
	free(dir);
	return s;
}

size_t ht_strftime(char *buf, size_t len, const char *fmt, const struct tm *tm)
{
	char f[256], z[8];
	size_t o = 0;

	/* %z: local time's offset from UTC, the way C99 writes it. */
	for (const char *p = fmt; *p && o + 6 < sizeof(f); p++) {
		if (p[0] == '%' && p[1] == 'z') {
			struct tm a = *tm, b = *tm;
			long off = (long)(_mkgmtime(&a) - mktime(&b));

			snprintf(z, sizeof(z), "%c%02ld%02ld", off < 0 ? '-' : '+', labs(off) / 3600, labs(off) % 3600 / 60);
			memcpy(f + o, z, 5);
			o += 5;
			p++;
		} else if (p[0] == '%' && p[1]) {
			f[o++] = *p++;
			f[o++] = *p;
		} else {
			f[o++] = *p;
		}
	}
	f[o] = 0;
	return strftime(buf, len, f, tm);
}

/* ---- directories ------------------------------------------------------ */

struct ht_dir {
	HANDLE h;
	WIN32_FIND_DATAW fd;
	int first;
	struct ht_dirent e;
};

HT_DIR *ht_opendir(const char *path)
{
	size_t n = strlen(path);
	char *pat = malloc(n + 3);
	wchar_t *w;
	HT_DIR *d;

	if (!pat)
		return NULL;
	memcpy(pat, path, n);
	strcpy(pat + n, n && (path[n - 1] == '/' || path[n - 1] == '\\') ? "*" : "/*");
	w = wide(pat);
	free(pat);
	if (!w || !(d = calloc(1, sizeof(*d)))) {
		free(w);
		return NULL;
	}
	d->h = FindFirstFileW(w, &d->fd);
	free(w);
	if (d->h == INVALID_HANDLE_VALUE) {
		set_errno_from_win();
		free(d);
		return NULL;
	}
	d->first = 1;
	return d;
}

struct ht_dirent *ht_readdir(HT_DIR *d)
{
	if (!d->first && !FindNextFileW(d->h, &d->fd))
		return NULL;
	d->first = 0;
	if (!WideCharToMultiByte(CP_UTF8, 0, d->fd.cFileName, -1, d->e.d_name, sizeof(d->e.d_name), NULL, NULL))
		d->e.d_name[0] = 0;
	return &d->e;
}

int ht_closedir(HT_DIR *d)
{
	FindClose(d->h);
	free(d);
	return 0;
}

/* ---- the user --------------------------------------------------------- */

struct passwd *getpwuid(int uid)
{
	static struct passwd pw;
	wchar_t name[257];
	DWORD n = 257;

	(void)uid;
	if (!pw.pw_name && GetUserNameW(name, &n))
		pw.pw_name = narrow(name);
	return pw.pw_name ? &pw : NULL;
}

/* ---- signals ---------------------------------------------------------- */

/* The C runtime knows SIGINT (Ctrl-C) and SIGBREAK (Ctrl-Break, our
 * SIGQUIT) from the console, and SIGTERM only from raise().  Masks are
 * emulated: a handler that fires while its signal is blocked marks it
 * pending, and unblocking delivers it.
 *
 * Windows runs a console handler on a thread of its own, so the mask is a
 * lock, not a flag: the handler runs holding sig_lock, and blocking waits
 * for a handler already running (which ends the process) instead of
 * changing the temporaries' list under it; a signal that comes while
 * blocked is marked pending under the same lock, so unblocking cannot miss
 * it.  A handler must not call sigprocmask (outfile.c's does not). */
#define NSIG_HT 32
static void (*handlers[NSIG_HT])(int);
static LONG blocked, pending;
static SRWLOCK sig_lock = SRWLOCK_INIT;

static void trampoline(int sig)
{
	void (*h)(int);

	signal(sig, trampoline);	/* the runtime resets to SIG_DFL */
	AcquireSRWLockExclusive(&sig_lock);
	if (blocked & (1u << sig)) {
		pending |= (LONG)(1u << sig);
	} else if ((h = handlers[sig])) {
		h(sig);
	}
	ReleaseSRWLockExclusive(&sig_lock);
}

void (*ht_signal(int sig, void (*handler)(int)))(int)
{
	void (*prev)(int);

	if (sig <= 0 || sig >= NSIG_HT)
		return SIG_ERR;
	if (handler == SIG_DFL || handler == SIG_IGN) {
		prev = signal(sig, handler);
		if (prev == trampoline)
			prev = handlers[sig];
		handlers[sig] = NULL;
		return prev;
	}
	prev = signal(sig, trampoline);
	if (prev == SIG_ERR)
		return SIG_ERR;
	if (prev == trampoline)
		prev = handlers[sig];
	handlers[sig] = handler;
	return prev;
}

int ht_sigaction(int sig, const struct ht_sigaction *act, struct ht_sigaction *old)
{
	void (*prev)(int);

	if (sig <= 0 || sig >= NSIG_HT) {
		errno = EINVAL;
		return -1;
	}
	if (!act && handlers[sig]) {
		prev = handlers[sig];	/* ours, behind the trampoline */
	} else if (!act) {
		/* Ask without changing: set SIG_IGN and put back. */
		prev = signal(sig, SIG_IGN);
		if (prev == SIG_ERR) {
			errno = EINVAL;
			return -1;
		}
		signal(sig, prev);
		if (prev == trampoline)
			prev = handlers[sig];
	} else if ((prev = ht_signal(sig, act->sa_handler)) == SIG_ERR) {
		errno = EINVAL;
		return -1;
	}
	if (old) {
		memset(old, 0, sizeof(*old));
		old->sa_handler = prev;
	}
	return 0;
}

int ht_sigemptyset(ht_sigset_t *s)
{
	*s = 0;
	return 0;
}

int ht_sigaddset(ht_sigset_t *s, int sig)
{
	if (sig > 0 && sig < NSIG_HT)
		*s |= 1u << sig;
	return 0;
}

int ht_sigprocmask(int how, const ht_sigset_t *set, ht_sigset_t *old)
{
	LONG was, now, fire;

	AcquireSRWLockExclusive(&sig_lock);
	was = now = blocked;
	if (set)
		now = how == SIG_BLOCK ? (was | (LONG)*set) : how == SIG_UNBLOCK ? (was & ~(LONG)*set) : (LONG)*set;
	if (old)
		*old = (ht_sigset_t)was;
	blocked = now;
	fire = pending & ~now;
	pending &= now;
	/* what came while blocked, delivered here as the runtime would have,
	 * still holding the lock (a second Ctrl-C waits for it) */
	for (int sig = 1; sig < NSIG_HT; sig++) {
		void (*h)(int) = handlers[sig];

		if ((fire & (1u << sig)) && h)
			h(sig);
	}
	ReleaseSRWLockExclusive(&sig_lock);
	return 0;
}
#endif /* _WIN32 */
