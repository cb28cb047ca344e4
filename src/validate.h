/*
 * validate.h - checking a book against its rule pack.
 *
 * The pack is the copy stored in the book at init (rules.h).  Each kind of
 * rule has one evaluator in validate.c (or a validate_*.c beside it); an
 * evaluator reads the book and adds findings.  Findings carry the rule (id,
 * severity, citation), the body and constituency concerned, the candidate
 * when there is one, and a Vietnamese message with the numbers involved.
 */
#ifndef VALIDATE_H
#define VALIDATE_H

#include <sqlite3.h>
#include "rules.h"

struct finding {
	const struct rule *rule;	/* borrowed from the pack */
	char *body;			/* body code, "" when book-wide */
	long constituency;		/* constituency number, 0 when none */
	char *candidate;		/* full name, or NULL */
	char *message;
};

struct findings {
	struct finding *v;
	int n, alloc;
};

/* What to check. */
struct validate_scope {
	long long body_id;		/* 0 = every body */
	const char *stage;		/* NULL = every stage */
};

/*
 * Load the book's rule pack into *pack (the caller releases it with
 * rules_release) and run every rule that applies within `scope`, appending
 * to *out in a stable order (body, constituency, rule, candidate).
 * Returns 0, or -1 if the book could not be read (reported).
 */
int validate_book(sqlite3 *db, const struct validate_scope *scope, struct rule_pack *pack,
		  struct findings *out);

/* Load the pack stored in the book. */
int validate_load_pack(sqlite3 *db, struct rule_pack *pack);

void findings_release(struct findings *f);

/* Used by evaluators: add a finding (message printf-style). */
void findings_add(struct findings *f, const struct rule *r, const char *body, long constituency,
		  const char *candidate, const char *fmt, ...) __attribute__((format(printf, 6, 7)));

struct validate_counts {
	int errors, warnings, infos;
};

/* Count the findings for one body (0 = all); for `status`. */
int validate_count(sqlite3 *db, long long body_id, struct validate_counts *vc);

#endif
