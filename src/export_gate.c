/*
 * export_gate.c - the export gate; see export_gate.h.
 */
#include <stdlib.h>
#include <string.h>
#include "db.h"
#include "diag.h"
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

static void gate_run(struct gate_job *j)
{
	sqlite3 *db = NULL;

	if (sqlite3_open_v2(j->path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		j->rc = error("không mở được sổ '%s': %s", j->path, db_msg(db));
		sqlite3_close(db);
	} else {
		sqlite3_busy_timeout(db, 5000);
		j->rc = export_gate(db, j->body_id, j->stage, &j->result);
		db_close(db);
	}
	__atomic_store_n(&j->finished, 1, __ATOMIC_RELEASE);
}

static void *gate_main(void *arg)
{
	gate_run(arg);
	return NULL;
}

void export_gate_start(struct gate_job *j, const char *path, long long body_id, const char *stage)
{
	memset(j, 0, sizeof(*j));
	j->path = xstrdup(path);
	j->body_id = body_id;
	j->stage = stage;
	if (pthread_create(&j->thread, NULL, gate_main, j) == 0)
		j->running = 1;
	else
		gate_run(j);
}

int export_gate_done(struct gate_job *j)
{
	return __atomic_load_n(&j->finished, __ATOMIC_ACQUIRE);
}

int export_gate_wait(struct gate_job *j)
{
	if (j->running) {
		pthread_join(j->thread, NULL);
		j->running = 0;
	}
	return j->rc;
}

void export_gate_release(struct gate_job *j)
{
	export_gate_wait(j);
	gate_result_release(&j->result);
	free(j->path);
	j->path = NULL;
}
