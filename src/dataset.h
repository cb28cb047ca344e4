/*
 * dataset.h - named datasets: what the book knows that a form prints.
 *
 * A dataset is SQL over the book, written once in dataset_defs.c:
 *
 *  - a scalars query returning ONE row, whose column names are the names
 *    of the fields ("day", "chair_name", "round_ordinal", ...);
 *  - up to four table queries whose rows fill a form's tables or repeated
 *    lines ("candidates", "allocation", "constituencies", ...);
 *  - an instances query listing the selector sets the book can fill
 *    (used by `export all`).
 *
 * Every dataset also gets the base scalars (the committee, the election,
 * the body).  Queries take their parameters by name: :body, :round,
 * :constituency, :conference, :unit (the selectors; NULL when not given)
 * and numbers of the book's rule pack (:trust_num, :target_women, ...,
 * see dataset_pack_params()).  Only prepared statements with bound
 * parameters are used.  Values are text; NULL and "" both mean the book
 * does not know, and the form keeps its dotted fill-in.  Tables are not
 * held in memory: a cursor reads their rows as the form is written.
 *
 * Adding a form that needs new data is a new entry in dataset_defs.c.
 */
#ifndef DATASET_H
#define DATASET_H

#include <sqlite3.h>

struct rule_pack;

/* Selectors a dataset needs (bit mask). */
enum {
	SEL_BODY = 1 << 0,
	SEL_ROUND = 1 << 1,
	SEL_CONSTITUENCY = 1 << 2,
	SEL_CONFERENCE = 1 << 3,
	SEL_UNIT = 1 << 4
};

struct selectors {
	long long body;		/* body id, 0 = not given */
	long long round;	/* 1..3, 0 = not given */
	long long constituency;	/* constituency id */
	long long conference;	/* conference id */
	long long unit;		/* unit id */
};

#define DS_MAX_TABLES 8

struct dataset_def {
	const char *name;
	const char *summary;
	unsigned needs;		/* selectors that must be set */
	unsigned may;		/* selectors it uses when set */
	const char *instances;	/* columns among body, round, constituency, conference, unit */
	const char *scalars;	/* one row, or NULL */
	struct {
		const char *name;
		const char *sql;
	} tables[DS_MAX_TABLES];
};

struct ds_param {
	const char *name;	/* ":trust_num" */
	long long value;
};

struct ds_params {
	struct ds_param v[32];
	int n;
};

/*
 * A table of a dataset.  Its rows are not read by dataset_load(): a
 * cursor (ds_open) runs the query and hands the rows over one at a time,
 * so that memory does not grow with the list (issue 8: 440,000 rows at
 * national size).  A cursor that must pass over the rows many times (a
 * table matched against the rows of an enclosing `each`) asks for the
 * whole table, which is then read once and kept until dataset_release().
 */
struct ds_table {
	const char *name;	/* borrowed from the definition */
	const char *sql;	/* borrowed from the definition */
	int ncols;
	char **cols;
	int loaded;		/* the rows below are read */
	int nrows, alloc;
	char **cells;		/* nrows * ncols; NULL for SQL NULL */
};

struct dataset {
	sqlite3 *db;
	struct selectors sel;
	struct ds_params params;
	int nscalars;
	char **names, **values;
	struct ds_table tables[DS_MAX_TABLES];
	int ntables;
};

/* A pass over the rows of one table (ds_open .. ds_close). */
struct ds_cursor {
	struct ds_table *t;
	sqlite3_stmt *st;	/* reading from the book, or NULL: from t->cells */
	sqlite3 *db;
	int row;		/* the current row: 0-based, -1 before the first */
};

/* The definitions, NULL-terminated by name; and a lookup. */
extern const struct dataset_def dataset_defs[];
const struct dataset_def *dataset_find(const char *name);

/* The base scalars every dataset has. */
extern const char dataset_base_sql[];

/* Numbers of the rule pack that queries may use (see dataset_defs.c). */
void dataset_pack_params(const struct rule_pack *pack, const char *body_kind, struct ds_params *out);

/*
 * Run the dataset's scalars for `sel` and prepare its tables (their
 * columns are known, their rows are read by cursors, see ds_open).  The
 * dataset keeps `db`, `sel` and `params` (copied) for the cursors.
 * Returns 0, or -1 after reporting (the dataset must still be released).
 */
int dataset_load(sqlite3 *db, const struct dataset_def *def, const struct selectors *sel,
		 const struct ds_params *params, struct dataset *out);
void dataset_release(struct dataset *ds);

/* A scalar's value (NULL when absent or unknown). */
const char *dataset_scalar(const struct dataset *ds, const char *name);
struct ds_table *dataset_table(struct dataset *ds, const char *name);
int ds_col(const struct ds_table *t, const char *field);

/*
 * Start a pass over the rows of `t` (from dataset_table()).  With `whole`
 * the table is read into memory first (once per dataset) and the pass
 * reads from there; without, the pass steps the table's query, and a
 * row's values are valid until the next ds_next().  Returns 0, or -1
 * after reporting; ds_close() in both cases.
 */
int ds_open(struct dataset *ds, struct ds_table *t, int whole, struct ds_cursor *c);
/* The next row: 1, 0 at the end, -1 after reporting a read error. */
int ds_next(struct ds_cursor *c);
/* A value of the current row (NULL for SQL NULL or a bad column). */
const char *ds_value(const struct ds_cursor *c, int col);
void ds_close(struct ds_cursor *c);

/*
 * Every name a template may use with this dataset: scalars, columns of
 * its tables, and "@TABLE" for each table.  Found by preparing the
 * queries on the book (no rows are read).  Returns a NULL-terminated
 * malloc'd list of malloc'd names (free with dataset_names_free), or NULL
 * after reporting.
 */
char **dataset_names(sqlite3 *db, const struct dataset_def *def);
void dataset_names_free(char **names);

/*
 * The selector sets the book can fill, as a malloc'd array of *n
 * selectors.  Returns 0 or -1 after reporting.
 */
int dataset_instances(sqlite3 *db, const struct dataset_def *def, struct selectors **out, int *n);

#endif
