/*
 * book.h - what the record-keeping commands need to know about the open
 * book: election day, the committee's level, the bodies, and the rule
 * pack's numbers that are checked when a record is entered.
 *
 * The numbers come from the rule pack stored in the book
 * (validate_load_pack() below), never from constants: the minimum age of
 * a candidate (the pack's min_age rule, ELIG-AGE), for the entry
 * workbook's hints, and the tone order of the official name order
 * (list_order, LIST-ORDER).  A rule the pack does not have is simply not
 * checked; a pack without a list_order rule gets the default tone order of
 * collate_vi.h.  The rules themselves are judged by the validator on the
 * records as stored (validate.h).
 *
 * Also here, because they are defined in book.c: opening a book (with its
 * upgrade, an audit entry, so above audit.c) and loading its pack (the
 * engine is above the book; issue 13 §3).
 */
#ifndef BOOK_H
#define BOOK_H

#include <sqlite3.h>
#include "collate_vi.h"
#include "date.h"

struct rule_pack;

/*
 * Open an existing book for reading and writing.  Refuses a missing file,
 * a file that is not a book, and a book made by a newer hiepthuong; an
 * older book is upgraded in place (in one transaction).  Returns 0 and the
 * handle in *db, or -1 after reporting why (exit code EXIT_DATA).
 */
int db_open(const char *path, sqlite3 **db);

/* Load the pack stored in the book: 0, or -1 reported. */
int validate_load_pack(sqlite3 *db, struct rule_pack *pack);

/* One elected body of the book (table body). */
struct body_ref {
	long long id;
	char *code;		/* "qh", "hdnd-tinh" */
	char *kind;		/* "na" or "hdnd" */
	char *name;		/* "Hội đồng nhân dân tỉnh Hòa Lâm" */
	char *type_name;	/* "Hội đồng nhân dân cấp tỉnh" */
};

struct book_info {
	struct date election_day;
	char committee_level[16];	/* "tinh", "xa", ... */
	struct vi_collation coll;	/* from the list_order rule */

	/* min_age rule; min_age_rule is NULL when the pack has none */
	const char *min_age_rule;	/* rule id, "ELIG-AGE" */
	long min_age;

	struct body_ref *bodies;
	int nbodies;

	void *pack_;			/* the loaded pack, owned */
};

/*
 * Read the election, the bodies and the pack of the book into *bi.
 * Returns 0, or -1 after reporting why (bad data: exit 3).
 * book_info_release() frees everything, also after a failure.
 */
int book_info_load(sqlite3 *db, struct book_info *bi);
void book_info_release(struct book_info *bi);

/*
 * The body a user means by `sel`: its code ("hdnd-tinh"), its name or its
 * type's name ("Quốc hội", "Hội đồng nhân dân cấp tỉnh"), compared without
 * regard to case, spacing or normalisation; "HĐND ..." stands for "Hội đồng
 * nhân dân ...".  Returns NULL when nothing or more than one body matches.
 */
const struct body_ref *book_body_find(const struct book_info *bi, const char *sel);

/*
 * The body for a command's --body option: the one named, or the only
 * body when the book has one and sel is NULL.  Reports (with what the
 * book does have) and returns NULL otherwise.
 */
const struct body_ref *book_body_pick(const struct book_info *bi, const char *sel);

/* A body by its id (NULL if none). */
const struct body_ref *book_body_by_id(const struct book_info *bi, long long id);

/* The sort key of a person under the book's tone order (collate_vi.h). */
unsigned char *book_person_key(const struct book_info *bi, const char *ho, const char *ten_dem,
			       const char *ten, const char *dob, size_t *len);

/* Today as the commands see it ($HIEPTHUONG_TODAY honoured), ISO text. */
int book_today_iso(char *buf, size_t len);

/* Body code -> id and kind ("na"/"hdnd"); -1 for an unknown code (not
 * reported).  A NULL code means the book's only body (-1 when it has
 * several). */
int body_resolve(sqlite3 *db, const char *code, long long *id, char kind[8]);

/* The code of the book's only body, or NULL when it has several (static
 * storage, overwritten by the next call). */
const char *body_only_code(sqlite3 *db);

/* Report that --body is needed, naming the book's bodies: -1. */
int body_missing(sqlite3 *db);

#endif
