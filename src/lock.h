/*
 * lock.h - locked stages and corrections (đính chính).
 *
 * When a round's list is exported as final (an `export` without --draft
 * of a template with `locks: true`), that stage of that body is locked: a
 * row of stage_lock names the form, the day and the file.  Stages that
 * forms lock: preliminary (Mẫu 05, round 2), qualified (Mẫu 05, round 3)
 * and official (Mẫu 17, 22).  Afterwards a change to what the stage
 * decided is refused unless made as a correction with its reason
 * (--correct "LÝ DO"); the correction is kept in the candidacy's history
 * (decision 'correction') and in the command's audit entry.
 *
 * What a locked stage decided: the round lists hold everyone who reached
 * them, dropped later or not (dataset_defs.c), so a decision into or out of
 * the stage (decide --stage S, decide import rows of S, assign for the
 * official list) and an edit of a person on the list change it; a
 * withdrawal changes only the official list (the round lists keep the
 * person).
 */
#ifndef LOCK_H
#define LOCK_H

#include <sqlite3.h>

struct stage_lock {
	char form[96];		/* "Mẫu số 05/BCĐBQH-MT" */
	char at[16];		/* yyyy-mm-dd */
	char file[512];		/* the file written */
};

/* 1 and *l filled when `stage` of the body is locked, 0 when not, -1. */
int lock_get(sqlite3 *db, long long body_id, const char *stage, struct stage_lock *l);

/* Lock `stage` of the body (today, as the book sees it); 1 when locked
 * now, 0 when it was locked already (the first lock stays), -1. */
int lock_add(sqlite3 *db, long long body_id, const char *stage, const char *form, const char *file);

/*
 * Before a change to what `stage` of the body decided about candidacy
 * `cand`: 0 when the stage is not locked; when it is, without `correct`
 * an error naming the lock (as "file:row:" when file is not NULL) and -1;
 * with `correct` (the reason, cleaned text) a 'correction' history row
 * and 1, so that the caller records the reason in its audit entry.
 */
int lock_guard(sqlite3 *db, long long body_id, long long cand, const char *stage, const char *correct,
	       const char *file, long row);

/* The same for every list the person is on (candidate edit). */
int lock_guard_person(sqlite3 *db, long long person_id, const char *correct);

/* `--correct` checked and cleaned: NULL (after an error) when empty or
 * not UTF-8; free() it. */
char *lock_reason_arg(const char *s);

#endif
