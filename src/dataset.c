/*
 * dataset.c - running named datasets; see dataset.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dataset.h"
#include "db.h"
#include "diag.h"
#include "rules.h"
#include "sbuf.h"
#include "banned.h"

const struct dataset_def *dataset_find(const char *name)
{
	for (int i = 0; dataset_defs[i].name; i++)
		if (!strcmp(dataset_defs[i].name, name))
			return &dataset_defs[i];
	return NULL;
}

static void param_set(struct ds_params *p, const char *name, long long v)
{
	for (int i = 0; i < p->n; i++)
		if (!strcmp(p->v[i].name, name)) {
			p->v[i].value = v;
			return;
		}
	if (p->n < (int)(sizeof(p->v) / sizeof(p->v[0]))) {
		p->v[p->n].name = name;
		p->v[p->n].value = v;
		p->n++;
	}
}

/*
 * From the pack: share targets of the rules for this body kind
 * (:target_women, :target_ethnic_minority, :target_non_party,
 * :target_young, :target_reelected), the age that counts as young
 * (:young_age), the quorum of voter conferences per kind
 * (:quorum_KIND_from/_num/_den/_min) and the trust threshold
 * (:trust_num/:trust_den).
 */
void dataset_pack_params(const struct rule_pack *pack, const char *body_kind, struct ds_params *out)
{
	static const char *const attrs[] = { "women", "ethnic_minority", "non_party", "young", "reelected", NULL };
	static const char *const target_names[] = { ":target_women", ":target_ethnic_minority", ":target_non_party",
						    ":target_young", ":target_reelected" };
	static const char *const national_names[] = { ":national_women", ":national_ethnic_minority",
						      ":national_non_party", ":national_young", ":national_reelected" };
	static const char *const qkinds[] = { "workplace", "residence", "thon", NULL };
	static const char *const qnames[][4] = {
		{ ":quorum_workplace_from", ":quorum_workplace_num", ":quorum_workplace_den", ":quorum_workplace_min" },
		{ ":quorum_residence_from", ":quorum_residence_num", ":quorum_residence_den", ":quorum_residence_min" },
		{ ":quorum_thon_from", ":quorum_thon_num", ":quorum_thon_den", ":quorum_thon_min" },
	};
	unsigned kind = body_kind && !strcmp(body_kind, "na") ? APPLIES_NA : APPLIES_HDND;

	memset(out, 0, sizeof(*out));
	if (!pack)
		return;
	for (int i = 0; i < pack->nrules; i++) {
		const struct rule *r = &pack->rules[i];

		if (!strcmp(r->kind, "share")) {
			const char *a = rule_str(r, "attribute"), *scope = rule_str(r, "scope");
			long age = rule_int(r, "age_under", 0);
			if (age > 0)
				param_set(out, ":young_age", age);
			for (int k = 0; a && attrs[k]; k++)
				if (!strcmp(a, attrs[k]) && (r->applies & kind)) {
					param_set(out, target_names[k], rule_int(r, "min_percent", 0));
					param_set(out, national_names[k], scope && !strcmp(scope, "national"));
				}
		} else if (!strcmp(r->kind, "quorum")) {
			const struct rule_param *c = rule_param(r, "conferences");
			for (int j = 0; c && j < c->nlist; j++)
				for (int k = 0; qkinds[k]; k++)
					if (!strcmp(c->list[j], qkinds[k])) {
						param_set(out, qnames[k][0], rule_int(r, "large_place_from", 0));
						param_set(out, qnames[k][1], rule_int(r, "small_present_num", 0));
						param_set(out, qnames[k][2], rule_int(r, "small_present_den", 1));
						param_set(out, qnames[k][3], rule_int(r, "large_min_present", 0));
					}
		} else if (!strcmp(r->kind, "trust")) {
			param_set(out, ":trust_num", rule_int(r, "num", 1));
			param_set(out, ":trust_den", rule_int(r, "den", 2));
		}
	}
}

static int bind_all(sqlite3_stmt *st, const struct selectors *sel, const struct ds_params *params)
{
	int n = sqlite3_bind_parameter_count(st);

	for (int i = 1; i <= n; i++) {
		const char *name = sqlite3_bind_parameter_name(st, i);
		long long v = 0;
		int found = 0;

		if (!name)
			return bug("dataset query with an unnamed parameter");
		if (sel) {
			struct { const char *n; long long v; } s[] = {
				{ ":body", sel->body }, { ":round", sel->round }, { ":constituency", sel->constituency },
				{ ":conference", sel->conference }, { ":unit", sel->unit },
			};
			for (size_t k = 0; k < sizeof(s) / sizeof(s[0]); k++)
				if (!strcmp(name, s[k].n)) {
					v = s[k].v;
					found = v != 0;
				}
		}
		for (int k = 0; !found && params && k < params->n; k++)
			if (!strcmp(name, params->v[k].name)) {
				v = params->v[k].value;
				found = 1;
			}
		if (found)
			sqlite3_bind_int64(st, i, v);
		else
			sqlite3_bind_null(st, i);
	}
	return 0;
}

static char *col_dup(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_type(st, i) == SQLITE_NULL ? NULL : sqlite3_column_text(st, i);

	return t ? xstrdup((const char *)t) : NULL;
}

/* Append the one row of `sql` to the scalars. */
static int load_scalars(sqlite3 *db, const char *sql, const struct selectors *sel, const struct ds_params *params,
			struct dataset *ds)
{
	sqlite3_stmt *st = db_prepare(db, sql);
	int n, rc;

	if (!st)
		return -1;
	if (bind_all(st, sel, params) < 0) {
		sqlite3_finalize(st);
		return -1;
	}
	n = sqlite3_column_count(st);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		sqlite3_finalize(st);
		return bug("dataset scalars: %s", sqlite3_errmsg(db));
	}
	ds->names = xrealloc(ds->names, sizeof(char *) * (size_t)(ds->nscalars + n));
	ds->values = xrealloc(ds->values, sizeof(char *) * (size_t)(ds->nscalars + n));
	for (int i = 0; i < n; i++) {
		ds->names[ds->nscalars] = xstrdup(sqlite3_column_name(st, i));
		ds->values[ds->nscalars] = rc == SQLITE_ROW ? col_dup(st, i) : NULL;
		ds->nscalars++;
	}
	sqlite3_finalize(st);
	return 0;
}

/* Prepare the table's query: its columns, no rows yet. */
static int prepare_table(sqlite3 *db, const char *name, const char *sql, struct ds_table *t)
{
	sqlite3_stmt *st = db_prepare(db, sql);

	memset(t, 0, sizeof(*t));
	t->name = name;
	t->sql = sql;
	if (!st)
		return -1;
	t->ncols = sqlite3_column_count(st);
	t->cols = xcalloc((size_t)t->ncols + 1, sizeof(char *));
	for (int i = 0; i < t->ncols; i++)
		t->cols[i] = xstrdup(sqlite3_column_name(st, i));
	sqlite3_finalize(st);
	return 0;
}

/* Start the table's query; NULL after reporting. */
static sqlite3_stmt *start_table(struct dataset *ds, const struct ds_table *t)
{
	sqlite3_stmt *st = db_prepare(ds->db, t->sql);

	if (st && bind_all(st, &ds->sel, &ds->params) < 0) {
		sqlite3_finalize(st);
		st = NULL;
	}
	return st;
}

/* Read every row of the table into memory (once). */
static int load_rows(struct dataset *ds, struct ds_table *t)
{
	sqlite3_stmt *st;
	int rc;

	if (t->loaded)
		return 0;
	if (!(st = start_table(ds, t)))
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (t->nrows == t->alloc) {
			t->alloc = t->alloc ? t->alloc * 2 : 16;
			t->cells = xrealloc(t->cells, sizeof(char *) * (size_t)t->alloc * (size_t)t->ncols);
		}
		for (int i = 0; i < t->ncols; i++)
			t->cells[(size_t)t->nrows * (size_t)t->ncols + (size_t)i] = col_dup(st, i);
		t->nrows++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return bug("dataset table '%s': %s", t->name, sqlite3_errmsg(ds->db));
	t->loaded = 1;
	return 0;
}

int dataset_load(sqlite3 *db, const struct dataset_def *def, const struct selectors *sel,
		 const struct ds_params *params, struct dataset *out)
{
	memset(out, 0, sizeof(*out));
	out->db = db;
	if (sel)
		out->sel = *sel;
	if (params)
		out->params = *params;
	if (load_scalars(db, dataset_base_sql, sel, params, out) < 0)
		return -1;
	if (def->scalars && load_scalars(db, def->scalars, sel, params, out) < 0)
		return -1;
	for (int i = 0; i < DS_MAX_TABLES && def->tables[i].name; i++) {
		if (prepare_table(db, def->tables[i].name, def->tables[i].sql, &out->tables[i]) < 0)
			return -1;
		out->ntables++;
	}
	return 0;
}

void dataset_release(struct dataset *ds)
{
	for (int i = 0; i < ds->nscalars; i++) {
		free(ds->names[i]);
		free(ds->values[i]);
	}
	free(ds->names);
	free(ds->values);
	for (int i = 0; i < ds->ntables; i++) {
		struct ds_table *t = &ds->tables[i];
		for (size_t k = 0; k < (size_t)t->nrows * (size_t)t->ncols; k++)
			free(t->cells[k]);
		free(t->cells);
		for (int k = 0; k < t->ncols; k++)
			free(t->cols[k]);
		free(t->cols);
	}
	memset(ds, 0, sizeof(*ds));
}

const char *dataset_scalar(const struct dataset *ds, const char *name)
{
	/* Later definitions win: a dataset may refine a base scalar. */
	for (int i = ds->nscalars - 1; i >= 0; i--)
		if (!strcmp(ds->names[i], name))
			return ds->values[i];
	return NULL;
}

struct ds_table *dataset_table(struct dataset *ds, const char *name)
{
	for (int i = 0; i < ds->ntables; i++)
		if (!strcmp(ds->tables[i].name, name))
			return &ds->tables[i];
	return NULL;
}

int ds_col(const struct ds_table *t, const char *field)
{
	for (int i = 0; i < t->ncols; i++)
		if (!strcmp(t->cols[i], field))
			return i;
	return -1;
}

int ds_open(struct dataset *ds, struct ds_table *t, int whole, struct ds_cursor *c)
{
	memset(c, 0, sizeof(*c));
	c->t = t;
	c->db = ds->db;
	c->row = -1;
	if (whole || t->loaded)
		return load_rows(ds, t);
	c->st = start_table(ds, t);
	return c->st ? 0 : -1;
}

int ds_next(struct ds_cursor *c)
{
	int rc;

	if (!c->t)
		return 0;
	if (!c->st) {
		if (!c->t->loaded || c->row + 1 >= c->t->nrows)
			return 0;
		c->row++;
		return 1;
	}
	rc = sqlite3_step(c->st);
	if (rc == SQLITE_ROW) {
		c->row++;
		return 1;
	}
	if (rc != SQLITE_DONE)
		bug("dataset table '%s': %s", c->t->name, sqlite3_errmsg(c->db));
	sqlite3_finalize(c->st);
	c->st = NULL;
	c->t = NULL;
	return rc == SQLITE_DONE ? 0 : -1;
}

const char *ds_value(const struct ds_cursor *c, int col)
{
	if (!c->t || col < 0 || col >= c->t->ncols || c->row < 0)
		return NULL;
	if (c->st)
		return sqlite3_column_type(c->st, col) == SQLITE_NULL ? NULL
								      : (const char *)sqlite3_column_text(c->st, col);
	return c->t->cells[(size_t)c->row * (size_t)c->t->ncols + (size_t)col];
}

void ds_close(struct ds_cursor *c)
{
	sqlite3_finalize(c->st);
	memset(c, 0, sizeof(*c));
}

static void names_add(char ***v, int *n, const char *name)
{
	for (int i = 0; i < *n; i++)
		if (!strcmp((*v)[i], name))
			return;
	*v = xrealloc(*v, sizeof(char *) * (size_t)(*n + 2));
	(*v)[(*n)++] = xstrdup(name);
	(*v)[*n] = NULL;
}

static int names_of(sqlite3 *db, const char *sql, char ***v, int *n)
{
	sqlite3_stmt *st = db_prepare(db, sql);

	if (!st)
		return -1;
	for (int i = 0; i < sqlite3_column_count(st); i++)
		names_add(v, n, sqlite3_column_name(st, i));
	sqlite3_finalize(st);
	return 0;
}

char **dataset_names(sqlite3 *db, const struct dataset_def *def)
{
	char **v = xcalloc(1, sizeof(char *));
	int n = 0, bad = 0;

	bad |= names_of(db, dataset_base_sql, &v, &n) < 0;
	if (def->scalars)
		bad |= names_of(db, def->scalars, &v, &n) < 0;
	for (int i = 0; i < DS_MAX_TABLES && def->tables[i].name; i++) {
		struct sbuf s = SBUF_INIT;
		bad |= names_of(db, def->tables[i].sql, &v, &n) < 0;
		sbuf_addf(&s, "@%s", def->tables[i].name);
		names_add(&v, &n, s.buf);
		sbuf_release(&s);
	}
	if (bad) {
		dataset_names_free(v);
		return NULL;
	}
	return v;
}

void dataset_names_free(char **names)
{
	for (int i = 0; names && names[i]; i++)
		free(names[i]);
	free(names);
}

int dataset_instances(sqlite3 *db, const struct dataset_def *def, struct selectors **out, int *n)
{
	sqlite3_stmt *st = db_prepare(db, def->instances);
	int alloc = 0, rc;

	*out = NULL;
	*n = 0;
	if (!st)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct selectors s;
		memset(&s, 0, sizeof(s));
		for (int i = 0; i < sqlite3_column_count(st); i++) {
			const char *c = sqlite3_column_name(st, i);
			long long v = sqlite3_column_int64(st, i);
			if (!strcmp(c, "body"))
				s.body = v;
			else if (!strcmp(c, "round"))
				s.round = v;
			else if (!strcmp(c, "constituency"))
				s.constituency = v;
			else if (!strcmp(c, "conference"))
				s.conference = v;
			else if (!strcmp(c, "unit"))
				s.unit = v;
		}
		if (*n == alloc) {
			alloc = alloc ? alloc * 2 : 16;
			*out = xrealloc(*out, sizeof(**out) * (size_t)alloc);
		}
		(*out)[(*n)++] = s;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		free(*out);
		*out = NULL;
		*n = 0;
		return bug("dataset instances '%s': %s", def->name, sqlite3_errmsg(db));
	}
	return 0;
}
