/*
 * audit.h - the audit trail: who changed what, and when.
 *
 * The dispatcher (main.c) appends one entry for every writing command, in
 * the command's own transaction, after the command succeeded; commands
 * never write audit rows themselves.  They only describe their changes with
 * ctx_change() (cmd.h), and those lines become the entry's `changes`.
 */
#ifndef AUDIT_H
#define AUDIT_H

struct ctx;

/* Append the entry for the running command (operator: --by, else the OS
 * user; the full command line; the changes described so far).  0 or -1. */
int audit_record(struct ctx *ctx);

/* Forget the changes described so far (after a rollback). */
void audit_reset(void);

#endif
