/*
 * export_gate.h - may a body's forms be exported as final?
 *
 * The one place where `export` asks the rule engine.  Today it runs
 * validate_book() (validate.h) for the body and sorts the findings by
 * severity; the validator's own gate (issue 5) replaces the body of
 * export_gate() without changing its callers.  Errors stop an export
 * unless --draft is given; warnings are printed in the form's notes.
 */
#ifndef EXPORT_GATE_H
#define EXPORT_GATE_H

#include <sqlite3.h>

struct gate_result {
	char **errors;		/* "RULE-ID: message", malloc'd */
	int nerrors;
	char **warnings;
	int nwarnings;
};

/* Returns 0, or -1 when the book could not be checked (reported). */
int export_gate(sqlite3 *db, long long body_id, struct gate_result *out);
void gate_result_release(struct gate_result *g);

#endif
