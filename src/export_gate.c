/*
 * export_gate.c - the export gate; see export_gate.h.
 */
#include <stdlib.h>
#include <string.h>
#include "export_gate.h"
#include "rules.h"
#include "sbuf.h"
#include "validate.h"
#include "banned.h"

static void add(char ***v, int *n, const struct finding *f)
{
	struct sbuf s = SBUF_INIT;

	sbuf_addf(&s, "%s: %s", f->rule->id, f->message);
	*v = xrealloc(*v, sizeof(char *) * (size_t)(*n + 1));
	(*v)[(*n)++] = sbuf_detach(&s, NULL);
}

int export_gate(sqlite3 *db, long long body_id, struct gate_result *out)
{
	struct validate_scope scope = { body_id, NULL };
	struct rule_pack pack;
	struct findings f = { 0 };
	int rc;

	memset(out, 0, sizeof(*out));
	rc = validate_book(db, &scope, &pack, &f);
	for (int i = 0; rc == 0 && i < f.n; i++) {
		if (f.v[i].rule->severity == SEV_ERROR)
			add(&out->errors, &out->nerrors, &f.v[i]);
		else if (f.v[i].rule->severity == SEV_WARNING)
			add(&out->warnings, &out->nwarnings, &f.v[i]);
	}
	findings_release(&f);
	rules_release(&pack);
	return rc;
}

void gate_result_release(struct gate_result *g)
{
	for (int i = 0; i < g->nerrors; i++)
		free(g->errors[i]);
	for (int i = 0; i < g->nwarnings; i++)
		free(g->warnings[i]);
	free(g->errors);
	free(g->warnings);
	memset(g, 0, sizeof(*g));
}
