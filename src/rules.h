/*
 * rules.h - rule packs: the law's checkable rules as data.
 *
 * A rule pack (config/rules/<term>.yaml, format in docs/rule-packs.md) lists
 * rules, each with an id from process.md §5 (ELIG-AGE, EXCESS-HDND, ...), a
 * kind, a severity, the body kinds it applies to, a one-line title, the
 * article it comes from, and parameters.  The C code has one evaluator per
 * kind; every number of the law is a parameter in the pack, so a term with
 * other numbers is a new YAML file, not new code.
 *
 * Loading is as strict as for configs: each kind declares its parameters
 * (name, type, range, allowed values) in the registry in rules.c, and a
 * pack with an unknown kind, a missing or extra parameter, or a value out
 * of range is refused with file:line:column.
 */
#ifndef RULES_H
#define RULES_H

#include <stddef.h>

enum severity { SEV_INFO, SEV_WARNING, SEV_ERROR };

/* Body kinds a rule applies to (bit mask). */
enum { APPLIES_NA = 1, APPLIES_HDND = 2 };

enum param_type {
	PT_INT,		/* a whole number within [min, max] */
	PT_STR,		/* a string, optionally one of `choices` */
	PT_BOOL,	/* true / false */
	PT_STRLIST,	/* a list of strings, optionally each one of `choices` */
	PT_SEATS_TABLE	/* [{seats_from, seats_to, extra}, ...] */
};

/* One row of a seats table: constituencies of seats_from..seats_to seats
 * need seats + extra candidates. */
struct seats_row {
	long from, to, extra;
};

struct rule_param {
	const char *name;	/* borrowed from the registry */
	enum param_type type;
	long i;			/* PT_INT, PT_BOOL */
	char *s;		/* PT_STR */
	char **list;		/* PT_STRLIST */
	int nlist;
	struct seats_row *rows;	/* PT_SEATS_TABLE */
	int nrows;
	long line, col;		/* where the value was written */
};

struct rule {
	char *id;		/* "EXCESS-HDND" */
	char *kind;		/* "min_candidates" */
	enum severity severity;
	unsigned applies;	/* APPLIES_NA | APPLIES_HDND */
	char *title;		/* Vietnamese statement of the rule */
	char *citation;		/* the article */
	struct rule_param *params;
	int nparams;
	long line, col;		/* where it was defined */
};

struct rule_pack {
	char *name;		/* file name the pack was read from */
	char *id;		/* pack.id, "2026-2031" */
	char *title;
	char *law;
	struct rule *rules;
	int nrules;
};

/*
 * Parse a pack from memory; `name` is used in messages (the pack is read
 * from the file at init and from the copy stored in the book later).
 * Returns 0, or -1 after reporting every problem.  rules_release() frees.
 */
int rules_load_mem(const char *name, const char *text, size_t len, struct rule_pack *pack);
void rules_release(struct rule_pack *pack);

/* The rule with this id, or NULL. */
const struct rule *rules_find(const struct rule_pack *pack, const char *id);

/* Parameters of a rule (the registry guarantees presence of required
 * ones; optional ones fall back to `def`). */
long rule_int(const struct rule *r, const char *name, long def);
const char *rule_str(const struct rule *r, const char *name);
const struct rule_param *rule_param(const struct rule *r, const char *name);

/* "lỗi" / "cảnh báo" / "thông tin", and the English keys used in files. */
const char *severity_name(enum severity s);
const char *severity_key(enum severity s);

/*
 * Every deadline key the pack refers to (round_window, dossier_deadline,
 * deadline kinds), for cross-checking against the term config.  Calls
 * fn(key, rule, arg) once per reference.
 */
void rules_each_deadline_ref(const struct rule_pack *pack,
			     void (*fn)(const char *key, const struct rule *r, void *arg), void *arg);

/* The registry: kinds known to this build (for docs and `rules kinds`). */
const char *const *rules_known_kinds(void);

#endif
