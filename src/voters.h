/*
 * voters.h - recording a voter conference with its results (shared by
 * `voters add` and `voters import`).
 *
 * What the law makes follow from the counts is applied here, computed from
 * the rule pack: the quorum (VC-QUORUM-*), trust above half of those
 * present (VC-TRUST), and at a thôn/TDP conference the selection of
 * nominees (THON-SELECT: more than half, highest first up to the unit's
 * allocation, ties decided by the re-vote).  A nominee proposed by a unit
 * who fails at the workplace is dropped (the unit must nominate someone
 * else); thôn nominees are nominated or dropped by the selection.
 */
#ifndef VOTERS_H
#define VOTERS_H

#include <sqlite3.h>
#include "conference.h"

struct vresult {
	char *ref;		/* candidacy reference (candref.h), malloc'd */
	long trust, distrust, invalid;
	long revote;		/* thôn tie re-vote, -1 when none */
	long long cand;		/* resolved */
};

/* Parse "REF:TRUST[:DISTRUST[:INVALID]]" (REF may hold spaces but not ':');
 * r->ref is malloc'd.  0 or -1. */
int vresult_parse(const char *s, struct vresult *r);

/* Free an array of results and their refs. */
void vresults_release(struct vresult *res, int n);

/*
 * Check and store one voter conference and its results (and the thôn
 * re-votes: `revotes[i].trust` is the re-vote count of `revotes[i].ref`),
 * then apply the
 * computed consequences.  Reports every problem (as file:row: when file is
 * not NULL); returns 0 and the new id, or -1 (-2: only required values
 * were missing, see conf_check()) with nothing stored by this call (the
 * caller's transaction rolls back).
 */
int voters_record(sqlite3 *db, const struct rule_pack *pack, const struct conf_args *a, struct vresult *res,
		  int nres, const struct vresult *revotes, int nrevotes, const char *file, long row,
		  long long *conf_id);

#endif
