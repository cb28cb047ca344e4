/*
 * candidacy.h - a person standing for one body (table candidacy): how the
 * person came to stand (nominated by a unit, by a thôn/tổ dân phố, or
 * self-nominated), when the dossier was received, how far the candidacy
 * got, and its history (table candidacy_event).
 *
 * One person may stand for several bodies (the National Assembly and one
 * council level, or two council levels: the pack's hdnd_levels rule,
 * ELIG-LEVELS), at most once per body.
 */
#ifndef CANDIDACY_H
#define CANDIDACY_H

#include <sqlite3.h>
#include <stddef.h>
#include "book.h"
#include "person.h"
#include "units.h"

/* The stages in order, with the words the forms use (stages.h). */
struct stage_def {
	const char *key;	/* "preliminary" */
	const char *label;	/* "danh sách sơ bộ" */
};
extern const struct stage_def stage_defs[];
extern const int nstage_defs;

/* The stage named by key or label; NULL if none. */
const struct stage_def *stage_find(const char *s);
const char *stage_label(const char *key);

/* "unit", "thon" or "self" from the key or Vietnamese ("tự ứng cử"); NULL. */
const char *source_parse(const char *s);
const char *source_label(const char *key);

struct candidacy {
	long long id, person_id, body_id;
	long long unit_id;	/* 0 for a self-nominee */
	char *source;		/* "unit", "thon", "self" */
	char *dossier_at;	/* "YYYY-MM-DD HH:MM", "YYYY-MM-DD" or NULL */
	char *stage;		/* "nominated" */
	char *status;		/* "active", "dropped" */
	char *note;		/* or NULL */
};

void candidacy_release(struct candidacy *c);

/* A person's candidacy for a body: 1 (filled), 0 none, -1 error. */
int candidacy_get(sqlite3 *db, long long person_id, long long body_id, struct candidacy *c);

/* Insert c (c->id set) with its first history entry; 0 or -1. */
int candidacy_insert(sqlite3 *db, struct candidacy *c, const char *unit_name);

/* Write c's source, unit, dossier time and note, with a history entry
 * saying what changed (`what`). */
int candidacy_update(sqlite3 *db, const struct candidacy *c, const char *what);

/* Append a history entry dated today. */
int candidacy_event(sqlite3 *db, long long candidacy_id, const char *stage, const char *decision,
		    const char *note);

/*
 * The dossier reception time: "dd/mm/yyyy HH:MM", "yyyy-mm-dd HH:MM",
 * "dd/mm/yyyy 16h30", or a date alone; stored as "YYYY-MM-DD HH:MM" or
 * "YYYY-MM-DD" in out (at least 17 bytes).  0, or -1 with a reason.
 */
int dossier_parse(const char *s, char *out, size_t len, char *err, size_t errlen);

/* "dd/mm/yyyy HH:MM" for a stored dossier time (malloc'd; "" for NULL). */
char *dossier_display(const char *stored);

/*
 * How a person came to stand, from what the user wrote: the unit (code or
 * name; "Tự ứng cử" in the unit column means self-nominated) and, when
 * given, the source ("unit", "thon", "self" or Vietnamese).  A unit of
 * kind thon nominates as a thôn.  On success fills *u (u->id 0 for a
 * self-nominee; release it) and *source.  On failure returns -1 with a
 * reason in err and *bad = 0 when the unit is wrong, 1 when the source is.
 */
int nomination_resolve(sqlite3 *db, const struct body_ref *b, const char *unit_s, const char *source_s,
		       struct unit_row *u, const char **source, int *bad, char *err, size_t errlen);

/*
 * Enter candidacy c (body, source, unit, dossier, stage, note set) for
 * person p: the person is looked up by full name and birth date and
 * inserted only when not found (*matched says which; p->id is set either
 * way).  Returns 0 when added, 1 when the person already has a candidacy
 * for that body (*existing is filled; nothing written), or -1 after
 * reporting a database error.
 * The law's limits on the stored candidacy (ELIG-AGE, ELIG-LEVELS) are the
 * validator's: the commands run validate_candidacy_refuse() on it.
 */
int candidacy_enter(sqlite3 *db, const struct book_info *bi, struct person *p, struct candidacy *c,
		    const char *unit_name, int *matched, struct candidacy *existing);

/* Append a history row (candidacy_event): the candidacy moved to or was
 * dropped at `stage`; `at` is the deciding conference's day, else the
 * dossier's day for a new candidacy, else today.  The one writer of
 * history rows (stage.c moves candidacies through it). */
int stage_event(sqlite3 *db, long long cand, const char *stage, const char *decision, const char *reason,
		const char *note, long long conference_id);

#endif
