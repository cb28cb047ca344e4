/*
 * yamlcfg.h - strict reading of YAML files (term configs, rule packs,
 * templates) on top of libyaml's document API.
 *
 * libyaml happily accepts duplicate keys (the last wins), aliases, tags
 * (!!int "8") and strings where numbers were meant.  This layer refuses all
 * of that, and control characters, and reports every problem it finds,
 * each with file:line:column, before the caller gives up; a file with any
 * error is not used at all.  Syntax errors are explained in Vietnamese.
 *
 * Walking a mapping:
 *
 *	struct ymap m;
 *	if (ymap_begin(doc, node, "election", &m) == 0) {
 *		ymap_str(&m, "title", Y_REQUIRED, &title);
 *		ymap_int(&m, "seats", Y_REQUIRED, 1, 1000, &seats);
 *		ymap_end(&m);	// reports the keys nobody asked for
 *	}
 *	...
 *	if (doc->nerr) fail;
 *
 * Every getter reports its own errors and counts them in doc->nerr; it
 * returns 0 when it stored a value, 1 when an optional key is absent, and
 * -1 on error.  A key written without a value (`name:`, `~`, `null`) is
 * absent for an optional key and "không được để trống" for a required one,
 * as is a required string of only white space; a required list needs at
 * least one item.  Strings handed out are NFC-normalised, stripped of control
 * characters, and malloc'd (the caller frees them).
 */
#ifndef YAMLCFG_H
#define YAMLCFG_H

#include <stddef.h>
#include <yaml.h>

struct date;

struct ydoc {
	char *name;		/* file name used in messages (owned) */
	char *text;		/* the file's bytes (owned), NUL-terminated */
	size_t len;
	yaml_document_t doc;
	int loaded;		/* doc is valid and must be deleted */
	unsigned char *seen;	/* per node: visited, to refuse aliases */
	int nerr;		/* errors reported so far */
};

enum { Y_OPTIONAL = 0, Y_REQUIRED = 1 };

#define YMAP_MAX_KEYS 32

struct ymap {
	struct ydoc *d;
	yaml_node_t *node;
	const char *what;	/* "election", "bodies[2]" ... for messages */
	int nkeys;
	const char *asked[YMAP_MAX_KEYS];	/* keys the caller looked up */
};

/*
 * Read `path` (at most max_bytes) and parse it.  Returns 0, or -1 after
 * reporting the problem (missing file, a directory, bad UTF-8 with its
 * line:column, YAML syntax error, more than one document, empty file).
 * ydoc_release() must be called in every case.
 */
int ydoc_load_file(struct ydoc *d, const char *path, size_t max_bytes);

/* The same from memory (e.g. a rule pack stored in the book); `name` is
 * used in messages.  The text is copied. */
int ydoc_load_mem(struct ydoc *d, const char *name, const char *text, size_t len);

void ydoc_release(struct ydoc *d);

/* The root node (a mapping is checked by the caller with ymap_begin). */
yaml_node_t *ydoc_root(struct ydoc *d);

/* Report an error at a node's position; counts it; returns -1. */
int ydoc_error(struct ydoc *d, const yaml_node_t *node, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* 1-based line and column of a node. */
long ynode_line(const yaml_node_t *node);
long ynode_col(const yaml_node_t *node);

/* Begin walking a mapping node; refuses non-mappings and duplicate keys. */
int ymap_begin(struct ydoc *d, yaml_node_t *node, const char *what, struct ymap *m);

/* The value node of `key`, or NULL; marks the key as known. */
yaml_node_t *ymap_get(struct ymap *m, const char *key);

/* Typed getters (see the return convention above). */
int ymap_str(struct ymap *m, const char *key, int required, char **out);
int ymap_int(struct ymap *m, const char *key, int required, long min, long max, long *out);
int ymap_bool(struct ymap *m, const char *key, int required, int *out);
int ymap_date(struct ymap *m, const char *key, int required, struct date *out);
/* A string that must be one of `choices` (NULL-terminated). */
int ymap_enum(struct ymap *m, const char *key, int required,
	      const char *const *choices, char **out);
/* A sequence of strings (flow [a, b] or block). */
int ymap_strlist(struct ymap *m, const char *key, int required, char ***out, int *n);

/* Report every key of the mapping that was never looked up; returns the
 * number of such keys. */
int ymap_end(struct ymap *m);

/* The longest string value a config, rule pack or template may hold
 * (bytes): far more than any name, title or sentence of a form, and a
 * clear message instead of a text-cleaning failure for a giant one. */
#define YAML_MAX_STRING 65536

/* Scalar helpers usable on any node. */
int ynode_str(struct ydoc *d, yaml_node_t *node, const char *what, char **out);
int ynode_int(struct ydoc *d, yaml_node_t *node, const char *what, long min, long max, long *out);

/* Sequence access: number of items and the i-th item node (marks it seen). */
int yseq_begin(struct ydoc *d, yaml_node_t *node, const char *what);
int yseq_len(yaml_node_t *node);
yaml_node_t *yseq_item(struct ydoc *d, yaml_node_t *node, int i);

/* Free a list returned by ymap_strlist. */
void strlist_free(char **list, int n);

#endif
