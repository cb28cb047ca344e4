/* audit.c - the audit trail; see audit.h. */
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "audit.h"
#include "cmd.h"
#include "db.h"
#include "sbuf.h"
#include "banned.h"

static struct sbuf changes = SBUF_INIT;

void ctx_change(struct ctx *ctx, const char *fmt, ...)
{
	va_list ap;

	(void)ctx;
	if (changes.len)
		sbuf_addch(&changes, '\n');
	va_start(ap, fmt);
	sbuf_vaddf(&changes, fmt, ap);
	va_end(ap);
}

void audit_reset(void)
{
	sbuf_release(&changes);
}

static const char *os_user(void)
{
	struct passwd *pw = getpwuid(geteuid());
	const char *u = pw ? pw->pw_name : getenv("USER");
	return u && *u ? u : "?";
}

int audit_record(struct ctx *ctx)
{
	sqlite3_stmt *st;
	char at[32] = "?";
	time_t t = time(NULL);
	struct tm tm;
	int rc;

	if (gmtime_r(&t, &tm))
		strftime(at, sizeof(at), "%Y-%m-%dT%H:%M:%SZ", &tm);
	st = db_prepare(ctx->db, "INSERT INTO audit(at, operator, command, changes) VALUES (?, ?, ?, ?)");
	if (!st)
		return -1;
	db_bind_text(st, 1, at);
	db_bind_text(st, 2, ctx->by ? ctx->by : os_user());
	db_bind_text(st, 3, ctx->cmdline ? ctx->cmdline : "?");
	db_bind_text_or_null(st, 4, changes.buf);
	rc = db_step_done(ctx->db, st, "ghi nhật ký");
	sqlite3_finalize(st);
	audit_reset();
	return rc;
}
