/*
 * cmd.h - the command table and what every command is handed.
 *
 * There are four things to do to add a command (git's builtin.h recipe):
 *
 *  1. Write `int cmd_foo(struct ctx *ctx, int argc, char **argv)` in
 *     src/cmd_foo.c, starting with a COMMAND/USAGE block comment.  argv[0]
 *     is the command's name; parse the rest with opt_parse() (opt.h), which
 *     also gives --help.  Return 0 on success and -1 on failure, having
 *     said why with error(), usage_error(), rule_error() or bug()
 *     (diag.h): the kind of the error, not the command, decides the exit
 *     code, in main.c alone.
 *  2. Declare it below.
 *  3. Add a line { "foo", cmd_foo, FLAGS, "one-line summary" } to the
 *     table in src/main.c.  A two-word name ("unit add") makes a
 *     sub-command; `hiepthuong unit` then lists the unit commands.
 *  4. Add `OBJS += src/cmd_foo.o` to the Makefile.
 *
 * The flags make the dispatcher do the shared set-up, so commands never
 * open the book or manage transactions themselves:
 *
 *  CMD_NEED_BOOK  open the book (--db), check its version, foreign keys on;
 *                 ctx->db is ready when the command runs.
 *  CMD_WRITES     run the command inside BEGIN IMMEDIATE ... COMMIT; a
 *                 return of -1, or any error reported (diag.h), rolls
 *                 everything back, so a failed command changes nothing.
 *                 The audit entry for the command is written in the same
 *                 transaction.
 */
#ifndef CMD_H
#define CMD_H

#include <sqlite3.h>

enum {
	CMD_NEED_BOOK = 1 << 0,
	CMD_WRITES = 1 << 1
};

struct ctx {
	const char *db_path;	/* --db, $HIEPTHUONG_DB, or "hiepthuong.db" */
	const char *by;		/* --by: operator recorded in the audit trail */
	sqlite3 *db;		/* the open book (CMD_NEED_BOOK), else NULL */
	const char *cmd_name;	/* the command as typed, e.g. "unit add" */
	const char *cmdline;	/* the whole command line, for the audit trail */
	int keep_on_error;	/* CMD_WRITES: set by a command that returns 0 after
				 * reporting errors on purpose, to keep what it did
				 * (`rollup read` keeps the books it could read); the
				 * errors still decide the exit code (a refused book:
				 * 3).  An internal error is never kept. */
};

struct cmd {
	const char *name;
	int (*fn)(struct ctx *ctx, int argc, char **argv);
	unsigned flags;
	const char *summary;	/* Vietnamese, shown by `hiepthuong help` */
};

/* The table and its length, defined in main.c. */
extern const struct cmd commands[];
extern const int ncommands;

/*
 * Describe, in a line of Vietnamese, a change the command made
 * ("thêm đơn vị 'UBND-X'"); the lines go into the command's audit entry.
 */
void ctx_change(struct ctx *ctx, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/*
 * Record that a field of a row changed, with its value before and after as
 * text (NULL when there was none: an inserted row has no before, a deleted
 * one no after).  The row becomes a subject of the entry (ctx_subject).
 */
void ctx_change_row(struct ctx *ctx, const char *table, long long id, const char *field,
		    const char *before, const char *after);

/*
 * Name a row the command concerns ("candidacy", 12), so that `audit log
 * --candidate/--body` finds the entry.  Rows recorded with ctx_change_row()
 * are named already; name the candidacy or body by hand when the row
 * changed has no id of its own (a vote).
 */
void ctx_subject(struct ctx *ctx, const char *table, long long id);

/*
 * The easy way to record before/after values: call ctx_row_before() with
 * the table and rowid before changing (or deleting) a row, and after an
 * insert call ctx_row_after().  Every field whose value differs is then
 * recorded with ctx_change_row(); rows snapshotted before are compared
 * again when the command ends, so ctx_row_after() is optional for them.
 * BLOB columns (sort keys) are left out.  `table` is a name from the code,
 * never user data.  0 or -1.
 */
int ctx_row_before(struct ctx *ctx, const char *table, long long id);
int ctx_row_after(struct ctx *ctx, const char *table, long long id);

/* Look a command up by the words in argv; sets *nwords to 1 or 2. */
const struct cmd *cmd_lookup(int argc, char **argv, int *nwords);

int cmd_alloc_import(struct ctx *ctx, int argc, char **argv);
int cmd_alloc_list(struct ctx *ctx, int argc, char **argv);
int cmd_alloc_set(struct ctx *ctx, int argc, char **argv);
int cmd_assign(struct ctx *ctx, int argc, char **argv);
int cmd_audit(struct ctx *ctx, int argc, char **argv);
int cmd_backup(struct ctx *ctx, int argc, char **argv);
int cmd_candidate_add(struct ctx *ctx, int argc, char **argv);
int cmd_candidate_edit(struct ctx *ctx, int argc, char **argv);
int cmd_candidate_import(struct ctx *ctx, int argc, char **argv);
int cmd_candidate_list(struct ctx *ctx, int argc, char **argv);
int cmd_candidate_show(struct ctx *ctx, int argc, char **argv);
int cmd_conference_add(struct ctx *ctx, int argc, char **argv);
int cmd_conference_list(struct ctx *ctx, int argc, char **argv);
int cmd_conference_show(struct ctx *ctx, int argc, char **argv);
int cmd_decide(struct ctx *ctx, int argc, char **argv);
int cmd_decide_import(struct ctx *ctx, int argc, char **argv);
int cmd_export(struct ctx *ctx, int argc, char **argv);
int cmd_init(struct ctx *ctx, int argc, char **argv);
int cmd_issue_add(struct ctx *ctx, int argc, char **argv);
int cmd_issue_answer(struct ctx *ctx, int argc, char **argv);
int cmd_issue_list(struct ctx *ctx, int argc, char **argv);
int cmd_milestone_list(struct ctx *ctx, int argc, char **argv);
int cmd_milestone_set(struct ctx *ctx, int argc, char **argv);
int cmd_restore(struct ctx *ctx, int argc, char **argv);
int cmd_rollup_export(struct ctx *ctx, int argc, char **argv);
int cmd_rollup_read(struct ctx *ctx, int argc, char **argv);
int cmd_rollup_report(struct ctx *ctx, int argc, char **argv);
int cmd_rollup_sources(struct ctx *ctx, int argc, char **argv);
int cmd_rules(struct ctx *ctx, int argc, char **argv);
int cmd_stages(struct ctx *ctx, int argc, char **argv);
int cmd_status(struct ctx *ctx, int argc, char **argv);
int cmd_unit_add(struct ctx *ctx, int argc, char **argv);
int cmd_unit_edit(struct ctx *ctx, int argc, char **argv);
int cmd_unit_import(struct ctx *ctx, int argc, char **argv);
int cmd_unit_list(struct ctx *ctx, int argc, char **argv);
int cmd_validate(struct ctx *ctx, int argc, char **argv);
int cmd_version(struct ctx *ctx, int argc, char **argv);
int cmd_voters_add(struct ctx *ctx, int argc, char **argv);
int cmd_voters_import(struct ctx *ctx, int argc, char **argv);
int cmd_withdraw(struct ctx *ctx, int argc, char **argv);
int cmd_workbook(struct ctx *ctx, int argc, char **argv);
int cmd_help(struct ctx *ctx, int argc, char **argv);

#endif
