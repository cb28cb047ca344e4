/*
 * outfile.h - the files hiepthuong writes for the user (forms, backups):
 * one place that decides whether a path may be written, and one way to put
 * a file in place, so that no output path ever destroys anything.
 *
 * What may stand where an output goes:
 *
 *  - nothing: fine;
 *  - something that is not a regular file (a device such as /dev/stdout or
 *    one made with mknod, a pipe, a socket, a folder, a symbolic link):
 *    never replaced, not even with --force (rename() would replace the
 *    link or the node itself, not write into it);
 *  - the open book itself (the same file by device and inode): never;
 *  - for a form, an earlier form written by hiepthuong (an .xlsx whose
 *    document properties carry OUT_FORM_MARK): replaced, as re-exporting is
 *    the normal way to refresh a form;
 *  - anything else (a book, a backup, a clerk's own spreadsheet): only with
 *    --force.
 *
 * A file is written to a temporary file beside its final name (mode 0600:
 * personal data), synced, and renamed into place, so that the name shows
 * either the old file or the whole new one.
 */
#ifndef OUTFILE_H
#define OUTFILE_H

/* The custom document property every form hiepthuong writes carries
 * (name; its value is the program's version). */
#define OUT_FORM_MARK "hiepthuong"

enum out_kind {
	OUT_FORM,	/* an .xlsx form (export) */
	OUT_BACKUP	/* a copy of the book (backup) */
};

/*
 * May an output of `kind` be written at `path`?  `book` is the open book's
 * path (or NULL).  Returns 0 when it may, or -1 after an error that names
 * the file and says what to do.
 */
int out_may_write(const char *path, enum out_kind kind, int force, const char *book);

/* 1 when `path` is an .xlsx written by hiepthuong (OUT_FORM_MARK), else 0. */
int out_is_form(const char *path);

/*
 * A new empty file beside `path` ("PATH.tmp-XXXXXX", mode 0600) for the
 * output to be written to; malloc'd name, or NULL after an error.  Until
 * it is put in place or discarded, SIGINT, SIGTERM, SIGHUP and SIGQUIT
 * remove it before the program dies.
 */
char *out_temp_beside(const char *path);

/* Remove a temporary file and free its name (NULL: nothing). */
void out_temp_discard(char *tmp);

/*
 * Sync the temporary file `tmp`, rename it to `path` and sync the folder;
 * `tmp` is freed either way.  On failure the temporary file is removed and
 * an error reported: -1.
 */
int out_put_in_place(char *tmp, const char *path);

/* Copy the file `path` to standard output (`-o -`): 0, or -1 reported. */
int out_copy_to_stdout(const char *path);

#endif
