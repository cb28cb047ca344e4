/*
 * export_gate.h - may a body's forms be exported as final?
 *
 * The one place where `export` asks the rule engine: the validator's
 * validate_export_gate() (validate.h) for what the form carries (the
 * list of one stage of a body, or the whole body), with the findings
 * sorted by severity.  Errors stop an export unless --draft is given;
 * warnings are printed in the form's notes.
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

/* The stage a template's `gate` means for the --round given (NULL =
 * the whole body). */
const char *export_gate_stage(const char *gate, long long round);

/* Returns 0, or -1 when the book could not be checked (reported). */
int export_gate(sqlite3 *db, long long body_id, const char *stage, struct gate_result *out);
void gate_result_release(struct gate_result *g);

#endif
