/*
 * audit.h - the audit trail: who changed what, and when, hash-chained so
 * that a change made behind the tool's back can be shown.
 *
 * Recording.  The dispatcher (main.c) appends one entry for every writing
 * command (CMD_WRITES), in the command's own transaction, after the command
 * succeeded; `init` appends the book's first entry.  Commands never write
 * audit rows themselves: they describe their changes with ctx_change(),
 * ctx_change_row(), ctx_row_before()/ctx_row_after() and name the rows the
 * change concerns with ctx_subject() (all in cmd.h).  Before a writing
 * command runs, the dispatcher checks that the book is as the last entry
 * left it (audit_check_untouched) and refuses to write to a book changed
 * outside hiepthuong.
 *
 * An entry (table `audit`) holds:
 *
 *   id         1, 2, 3, ... with no gap (entries are never deleted)
 *   at         local time with its UTC offset, "2026-01-05T08:30:00+07:00"
 *   operator   --by NAME, else the OS user
 *   command    the command line as typed
 *   subjects   the rows the entry concerns, "table:id" words in byte order
 *              separated by one space ("body:1 candidacy:12"), or ""
 *   changes    a JSON array, one element per change:
 *                {"note": "thêm đơn vị 'UBND-X'"}                (ctx_change)
 *                {"table": "person", "id": 12, "field": "ten",
 *                 "before": "Hoa", "after": "Hòa"}               (ctx_change_row)
 *              before/after are null when the row (or value) did not exist
 *   state      the digest of the book's data after the command (below)
 *   prev_hash  the previous entry's hash; 64 '0' for entry 1
 *   hash       SHA-256, in lower-case hex, of the bytes
 *
 *                "hiepthuong-audit-1\n"
 *                N(prev_hash) N(id) N(at) N(operator) N(command)
 *                N(subjects) N(changes) N(state)
 *
 *              where N(x) is the netstring of x's UTF-8 bytes: the byte
 *              length in decimal, ':', the bytes, ','; id is written in
 *              decimal; a NULL changes counts as "".
 *
 * The state digest covers every table of the book except `audit`,
 * `audit_head` and tables whose names begin with "cache_" or "sqlite_",
 * plus the schema itself:
 *
 *   state   = SHA-256("hiepthuong-state-2\n" N(t1) N(d1) N(t2) N(d2) ...)
 *             over the tables in byte order of their names, with the schema
 *             as the pseudo-table "(schema)" first; d is a table digest in hex
 *   d(T)    = SHA-256(N(T) N(column 1 name) ... N(column n name) N("")
 *                     row(r1) row(r2) ...)
 *             over the rows of `SELECT * FROM main.T` in the order of
 *             T's primary key columns (in key order), then of all its
 *             columns (in table order), each term COLLATE BINARY; so the
 *             rowids that VACUUM may renumber in a table without an
 *             INTEGER PRIMARY KEY do not matter, and even a table without
 *             a key has one order (rows equal in every column are equal)
 *   row(r)  = for each column in order: a tag byte and N(value),
 *             tag 'n' NULL (value ""), 'i' integer (decimal), 'r' real
 *             (printf "%.17g"), 't' text (its bytes), 'b' blob (its bytes);
 *             a row has as many fields as T has columns, so the stream of
 *             rows can be split only one way
 *   (schema) = the table digest of the rows (type, name, tbl_name, sql) of
 *             sqlite_schema whose name does not begin with "sqlite_", in
 *             the order of name, type, tbl_name, sql (bytewise)
 *
 * The digest streams each table through one hash context: constant memory
 * whatever the size of the book.  (hiepthuong-state-1, before issue 8,
 * hashed every row on its own and sorted the row digests; books made
 * before the change recorded states that this code does not reproduce.)
 *
 * The table `audit_head` (one row) repeats the last entry's id, hash and
 * state, the number of entries, and each table's digest; it is updated in
 * the same transaction.  Deleting entries from the end of the chain then
 * shows as a head that names entries no longer there.
 *
 * What cannot be detected without an anchor outside the book: someone who
 * edits the file and recomputes every later hash, the state and the head
 * (everything above is public, there is no secret key) produces a book that
 * verifies.  So the clerk writes the head hash (`audit head`) on the signed
 * minutes; `audit verify --head HASH` then proves that this entry, and all
 * before it, are still in the book unchanged.
 */
#ifndef AUDIT_H
#define AUDIT_H

#include <sqlite3.h>
#include "hash.h"

struct ctx;
struct sbuf;

/* 1 when s is an entry time as `at` holds it ("2026-01-05T08:30:00+07:00",
 * a real date and time), else 0. */
int audit_time_valid(const char *s);

/* Now, local time with its offset, as entries record it:
 * "2026-01-05T08:30:00+07:00"; $HIEPTHUONG_NOW replaces the clock (tests)
 * and must have that shape.  0, or -1 after reporting. */
int audit_now_text(char *buf, size_t len);

/* prev_hash of the first entry. */
#define AUDIT_GENESIS "0000000000000000000000000000000000000000000000000000000000000000"

/* Append the entry for the running command (operator: --by, else the OS
 * user; the full command line; the changes described so far).  0 or -1. */
int audit_record(struct ctx *ctx);

/* Forget the changes described so far (after a rollback). */
void audit_reset(void);

/*
 * Append an entry with the changes described so far (as audit_record), for
 * callers without a ctx: the operator and command are given.  Must run
 * inside the caller's write transaction.  0 or -1.
 */
int audit_append(sqlite3 *db, const char *operator, const char *command);

/* The hash of one entry, per the encoding above, into hex[65]. */
void audit_entry_hash(const char *prev_hash, long long id, const char *at, const char *operator,
		      const char *command, const char *subjects, const char *changes, const char *state,
		      char hex[HASH_HEX_LEN + 1]);

/* The digest of the book's data (see above). */
struct audit_state {
	char digest[HASH_HEX_LEN + 1];
	char *tables;		/* "name digest\n" per table, malloc'd */
};
int audit_state(sqlite3 *db, struct audit_state *st);
void audit_state_release(struct audit_state *st);

/*
 * Less reading around a writing command (audit_state.c says how):
 * audit_state_keep() computes the digest, inside the command's transaction
 * before it changes anything, and keeps what the digest after needs and
 * watches the connection's changes; the next audit_state() on that
 * connection then reads only what changed (or everything when it cannot
 * tell), gives the same digest, and forgets what was kept.
 * audit_state_forget() forgets it without computing (after a rollback).
 * audit_check_untouched() keeps, audit_append() computes after, and
 * audit_reset() forgets.
 */
int audit_state_keep(sqlite3 *db, struct audit_state *st);
void audit_state_forget(void);

/*
 * The names of the tables whose digests differ between two "tables" lists
 * (as in struct audit_state), comma-separated and quoted, into out; "" when
 * none differ.
 */
void audit_state_diff(const char *old_tables, const char *new_tables, struct sbuf *out);

/* The head row: last entry, hash, state, count. */
struct audit_head {
	long long entries, last_id;
	char hash[HASH_HEX_LEN + 1];
	char state[HASH_HEX_LEN + 1];
	char *tables;		/* malloc'd; may be NULL */
};
/* 1 when there is a head, 0 when there is none (a book without entries),
 * -1 on a database error. */
int audit_head_read(sqlite3 *db, struct audit_head *h);
void audit_head_release(struct audit_head *h);

/* Set the head to the last entry there is (for `audit accept`).  0 or -1. */
int audit_head_rebuild(sqlite3 *db);

/*
 * Before a writing command: the head matches the last entry and the data
 * are in the state it recorded.  0, or -1 after reporting what differs and
 * how to go on (the command must then not write).  `path` names the book.
 */
int audit_check_untouched(sqlite3 *db, const char *path);

/*
 * The same check for a command that only reads (a final export, status,
 * validate): nothing is kept and nothing reported.  0 when the book is as
 * its audit trail left it; -1 with what differs and how to go on in *why
 * (a Vietnamese sentence), also when the book cannot be read.
 */
int audit_check_clean(sqlite3 *db, const char *path, struct sbuf *why);

/* What audit_verify() found. */
struct audit_report {
	long long entries;	/* entries read */
	long long bad_id;	/* the first entry that does not match, or 0 */
	char *why;		/* malloc'd reason when something does not match */
	char head_hash[HASH_HEX_LEN + 1];
	char last_at[40];
	int data_changed;	/* only the data differ from the last state */
	int head_only;		/* the entries are intact; only the head is not */
};

enum {
	AUDIT_VERIFY_CHAIN = 0,		/* entries and head only */
	AUDIT_VERIFY_DATA = 1		/* also the data against the last state */
};

/*
 * Recompute the chain from the first entry: ids without gaps, each hash
 * over its content, each link, the head; with AUDIT_VERIFY_DATA also the
 * state of the data.  `anchor` (may be NULL) is a head hash written down
 * earlier, or its first 16 or more hex digits: an entry with that hash must
 * be in the chain.  Returns 0 when everything matches, 1 when something
 * does not (r->bad_id and r->why say what), -1 on a database error.
 */
int audit_verify(sqlite3 *db, int flags, const char *anchor, struct audit_report *r);
void audit_report_release(struct audit_report *r);

/*
 * A copy of s in which every byte that is not part of well-formed UTF-8
 * is written as "\xNN", so that command lines and names with stray bytes
 * can be stored and printed as JSON.  malloc'd.
 */
char *audit_safe_text(const char *s);

#endif
