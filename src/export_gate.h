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

#include <pthread.h>
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

/*
 * The gate beside the writing of one form (issue 8: it was 40 % of an
 * export, and a machine has two cores): export_gate_start() runs
 * export_gate() in a thread of its own, on a read-only connection of its
 * own to the book at `path`, while the caller writes the form to a
 * temporary file; export_gate_wait() waits for the result.  The caller
 * must put the file in place only after the gate let it pass, and must
 * not change the book in between (the caller's own connection may hold
 * the locking transaction, which has not written anything yet: both read
 * the same book).  When no thread can be started the gate runs at once,
 * in the caller's thread.
 *
 * The thread uses the rule engine and its own connection only; the
 * caller must not use the rule engine (rules_load_mem, text_equal_fold's
 * memo) until export_gate_wait() has returned.
 */
struct gate_job {
	char *path;
	long long body_id;
	const char *stage;
	pthread_t thread;
	int running;		/* a thread to join */
	int finished;		/* atomic: the result is there */
	int rc;			/* export_gate()'s return */
	struct gate_result result;
};

void export_gate_start(struct gate_job *j, const char *path, long long body_id, const char *stage);
/* 1 when the result is there (without waiting), else 0. */
int export_gate_done(struct gate_job *j);
/* Wait (again: returns at once); the result is in j->result.  Returns j->rc. */
int export_gate_wait(struct gate_job *j);
/* Wait, and free the result. */
void export_gate_release(struct gate_job *j);

#endif
