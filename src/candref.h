/*
 * candref.h - finding a candidacy from what a clerk types.
 *
 * A reference is either the candidacy's number (as `candidate list` and
 * `conference show` print it) or the person's full name as written in the
 * lists ("Nguyễn Thị Hoa"), optionally followed by the birth date to tell
 * namesakes apart ("Nguyễn Thị Hoa 12/03/1980").  Names compare after NFC,
 * case folding and white-space collapsing.  Within a body a reference must
 * name exactly one candidacy.
 */
#ifndef CANDREF_H
#define CANDREF_H

#include <sqlite3.h>

/*
 * Resolve `ref` among the candidacies of body `body_id`.  Returns the
 * candidacy id, or 0 after reporting (plainly, or as file:row: when file
 * is not NULL) that none or several match.
 */
long long candref_resolve(sqlite3 *db, long long body_id, const char *ref, const char *file, long row);

/*
 * The candidacy `ref` in the body whose code is `body_code`, as the
 * commands take them (--body, --candidate): its id, with the body's id in
 * *body_id; or 0 after reporting an unknown body or candidate.
 */
long long candref_find(sqlite3 *db, const char *body_code, const char *ref, long long *body_id);

/* "Nguyễn Thị Hoa" of a candidacy, malloc'd; "" when unknown. */
char *candref_name(sqlite3 *db, long long candidacy_id);

#endif
