/*
 * units.h - nominating units and their allocations (process.md §4.0-§4.2).
 *
 * A unit (table unit) is an agency, organisation or unit, a lower
 * administrative unit, or a thôn/tổ dân phố that nominates people for one
 * body.  Round 1 allocates to each unit a number of nominees and the
 * combined-structure sub-targets (nữ, tái cử, ngoài Đảng, trẻ tuổi, dân tộc
 * thiểu số); the allocation may be adjusted once (both bodies) and a second
 * time (National Assembly only).  Every version is kept (table
 * allocation, version 1, 2, 3); the one in force is the latest.
 */
#ifndef UNITS_H
#define UNITS_H

#include <sqlite3.h>
#include <stddef.h>
#include "book.h"

/* A kind of unit: the key stored in the book and the Vietnamese names. */
struct unit_kind {
	const char *key;		/* "public_service" */
	const char *label;		/* "Đơn vị sự nghiệp" */
	const char *const *aliases;	/* other Vietnamese names accepted */
};

/* The kinds, in the order of the schema; *n is set to their number. */
const struct unit_kind *unit_kinds(int *n);

/* The kind named by its key, label or an alias (case/spacing-insensitive). */
const struct unit_kind *unit_kind_find(const char *s);

/* The Vietnamese label of a stored kind key (the key itself if unknown). */
const char *unit_kind_label(const char *key);

/*
 * Whether a unit of this kind can nominate for a body of this book:
 * thôn/tổ dân phố only for a commune council, lower administrative units
 * only above the commune (process.md §4.0).  0, or -1 with a reason.
 */
int unit_kind_allowed(const struct book_info *bi, const char *kind, char *err, size_t errlen);

struct unit_row {
	long long id, body_id;
	char *code, *name, *kind;
};

/*
 * Find a unit of a body by its code, else by its name (case, spacing and
 * normalisation ignored).  Returns 1 and fills *u (release it), 0 when
 * there is none, 2 when the name fits more than one unit (use the code).
 */
int unit_find(sqlite3 *db, long long body_id, const char *sel, struct unit_row *u);

/* As unit_find(), by the code only, the name only, or both. */
enum { UNIT_BY_CODE = 1, UNIT_BY_NAME = 2 };
int unit_find_by(sqlite3 *db, long long body_id, const char *sel, int by, struct unit_row *u);
int unit_by_id(sqlite3 *db, long long id, struct unit_row *u);

/*
 * unit_find() keeps each body's codes and names in memory once it has
 * looked them up: call units_cache_add() after inserting a unit and
 * units_cache_forget() after changing or deleting one.
 */
void units_cache_add(sqlite3 *db, long long body_id, long long id, const char *code, const char *name);
void units_cache_forget(void);
void unit_row_release(struct unit_row *u);

/* The allocation's counts, in this order everywhere (CLI, CSV, lists). */
enum { AL_COUNT, AL_WOMEN, AL_REELECTED, AL_NON_PARTY, AL_YOUNG, AL_ETHNIC, AL_N };

struct alloc_field {
	const char *key;	/* column in the book and in CSV: "non_party" */
	const char *option;	/* command-line option: "non-party" */
	const char *label;	/* Vietnamese: "Ngoài Đảng" */
	const char *const *headers;	/* Vietnamese CSV headers */
};
extern const struct alloc_field alloc_fields[AL_N];

struct alloc {
	long n[AL_N];
	char *decided_on;	/* ISO date or NULL */
	char *note;		/* or NULL */
};

/* "Hiệp thương lần thứ nhất" (1), "Điều chỉnh lần thứ nhất" (2), "... hai" (3). */
const char *alloc_version_label(int version);

/* The version named by "1".."3" or by its label; 0 if none. */
int alloc_version_parse(const char *s);

/* Version `version` of a unit's allocation: 1 found, 0 none, -1 error. */
int alloc_get(sqlite3 *db, long long unit_id, int version, struct alloc *a);

/* The version in force (the latest): 1 found (*version set), 0 none, -1. */
int alloc_in_force(sqlite3 *db, long long unit_id, struct alloc *a, int *version);

void alloc_release(struct alloc *a);

/*
 * Check an allocation by itself: every count >= 0, every sub-target at
 * most the count.  Calls report(arg, field, message) for each problem
 * (field is an AL_ index) and returns their number.
 */
int alloc_check(const struct alloc *a, void (*report)(void *arg, int field, const char *msg), void *arg);

/*
 * Check the version against the body: version 3 exists for the National
 * Assembly only.  0, or -1 with a reason.
 */
int alloc_version_allowed(const struct body_ref *b, int version, char *err, size_t errlen);

/* Insert or replace version `version` of a unit's allocation. 0 or -1. */
int alloc_write(sqlite3 *db, long long unit_id, int version, const struct alloc *a);

/* 1 if two allocations hold the same numbers, date and note. */
int alloc_same(const struct alloc *a, const struct alloc *b);

/*
 * After a unit's nominations changed: warn when its active candidacies
 * outnumber the allocation in force.  `where` prefixes the message
 * (a file:row, or NULL).
 */
void unit_warn_over_allocation(sqlite3 *db, const struct unit_row *u);

#endif
