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

const char *export_gate_stage(const char *gate, long long round)
{
	if (!gate)
		return NULL;
	if (strcmp(gate, "round"))
		return gate;
	return round == 2 ? "preliminary" : round == 3 ? "qualified" : NULL;
}

int export_gate(sqlite3 *db, long long body_id, const char *stage, struct gate_result *out)
{
	struct findings f;
	int rc;

	memset(out, 0, sizeof(*out));
	memset(&f, 0, sizeof(f));
	rc = validate_export_gate(db, body_id, stage, &f);
	for (int i = 0; rc >= 0 && i < f.n; i++) {
		if (f.v[i].rule->severity == SEV_ERROR)
			add(&out->errors, &out->nerrors, &f.v[i]);
		else if (f.v[i].rule->severity == SEV_WARNING)
			add(&out->warnings, &out->nwarnings, &f.v[i]);
	}
	findings_release(&f);
	return rc < 0 ? -1 : 0;
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
