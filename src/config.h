/*
 * config.h - the term config: which election, which Front committee keeps
 * the book, which bodies it consults for, their constituencies and seats,
 * the legal deadlines, and the rule pack.
 *
 * A config file may name a term preset with `term: PATH` (relative to the
 * file).  The preset is read first; every top-level section the file itself
 * has then replaces the preset's section of the same name.  Presets for
 * each term live in config/; a committee's own file adds `committee` and
 * `bodies`.  docs/config.md describes every key.
 *
 * Loading is strict: unknown keys, duplicate keys, wrong types, bad UTF-8
 * and references to things that do not exist are all reported, each with
 * file:line:column, and the load fails as a whole.  Legal checks (seat sums,
 * seats per constituency, ...) are not done here: they are rules of the
 * rule pack, checked by `validate`.
 */
#ifndef CONFIG_H
#define CONFIG_H

#include "date.h"

/* Where a definition was read, for later messages. */
struct pos {
	char *file;
	long line, col;
};

/* A Front committee level that consults in this term (tỉnh, xã, ...). */
struct level_def {
	char *id;		/* "tinh" */
	char *name;		/* "cấp tỉnh" */
};

/* A kind of elected body of this term and who consults for it. */
struct body_type {
	char *id;		/* "qh", "hdnd-tinh" */
	char *kind;		/* "na" or "hdnd": the two kinds the law knows */
	char *name;		/* "Hội đồng nhân dân cấp tỉnh" */
	char *consulted_by;	/* a level_def id */
	struct pos pos;
};

/* A legal deadline: "at the latest `days` days before election day". */
struct deadline_def {
	char *key;		/* "ht3" */
	long days;
	char *label;		/* "Hội nghị hiệp thương lần thứ ba" */
	char *citation;		/* the article */
	char **applies_to;	/* body kinds ("na", "hdnd"); NULL = all */
	int napplies;
	int has_window;		/* a guidance window from the resolutions */
	struct date from, to;
	struct pos pos;
};

struct constituency_def {
	long number;
	long seats;
	char **area;		/* communes or thôn/TDP forming it */
	int narea;
	struct pos pos;
};

struct body_def {
	char *type;		/* a body_type id */
	char *name;		/* "Hội đồng nhân dân tỉnh Sông Lam" */
	char *khoa;		/* "XI"; may be NULL */
	long seats;
	struct constituency_def *cons;
	int ncons;
	struct pos pos;
};

struct term_config {
	char *path;		/* the file given on the command line */
	char *text;		/* its bytes */
	char *base_path;	/* the `term:` preset, or NULL */
	char *base_text;

	char *title;		/* election.title */
	char *term;		/* election.term, "2026-2031" */
	char *na_khoa;		/* election.na_khoa, "XVI"; may be NULL */
	struct date day;	/* election.day */

	struct level_def *levels;
	int nlevels;
	struct body_type *types;
	int ntypes;
	struct deadline_def *deadlines;
	int ndeadlines;
	struct pos deadlines_pos;	/* the 'deadlines' section in use */

	char *rules_path;	/* resolved against the file that named it */
	struct pos rules_pos;	/* where that file named it */

	char *committee_level;	/* a level_def id */
	struct pos level_pos;	/* where committee.level was written */
	char *committee_name;	/* "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Sông Lam" */
	char *committee_place;	/* "Sông Lam", for "Sông Lam, ngày ... tháng ..." */
	char **area;		/* committee.area: the units whose committees send their
				 * books up to this one (docs/rollup.md); NULL if not given */
	int narea;

	struct body_def *bodies;
	int nbodies;
};

/*
 * Largest config file read (bytes), and the largest seat count of a body or
 * constituency number.  Not numbers of the law: sanity bounds that let the
 * benchmark's national roll-up (tests/bench: 16 MB, 242,312 commune seats in
 * 83,312 constituencies) load while refusing a runaway file.
 */
#define CONFIG_MAX_BYTES (64u << 20)
#define CONFIG_MAX_COUNT 1000000

/*
 * Load `path` into *cfg.  Returns 0, or -1 after reporting every problem
 * found.  config_release() must be called in both cases.
 */
int config_load(const char *path, struct term_config *cfg);
void config_release(struct term_config *cfg);

/* The same from memory (fuzzing, tests): `name` stands for the file's path
 * in messages and for resolving a relative `term:`.  The text is copied. */
int config_load_mem(const char *name, const char *text, size_t len, struct term_config *cfg);

/*
 * The same from the texts a book keeps (table book, written by init): the
 * config's text and the text of the `term:` preset it names, if any, so
 * that nothing is read from disk.  `name` stands for the config's path.
 */
int config_load_stored(const char *name, const char *text, const char *base_text, struct term_config *cfg);

/* The position of level `id` in committee_levels, 0 for the first (the
 * highest: the list runs from the top down), or -1 when it has none. */
int config_level_index(const struct term_config *cfg, const char *id);

/* Lookups; NULL when absent. */
const struct body_type *config_body_type(const struct term_config *cfg, const char *id);
const struct deadline_def *config_deadline(const struct term_config *cfg, const char *key);

/* "dir/of/base" + rel, unless rel is absolute.  malloc'd. */
char *path_relative_to(const char *base_file, const char *rel);

/* Read a whole file (at most max bytes) into a malloc'd NUL-terminated
 * buffer; reports errors itself and returns NULL. */
char *read_file(const char *path, size_t max, size_t *len);

#endif
