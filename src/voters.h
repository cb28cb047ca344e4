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
#include "validate.h"

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
 * The rule pack's record-level rules on conference `rec` (validate.h, the
 * validator's own evaluators): with id 0, on its counts before storing,
 * for what the schema could not even hold (more ballots returned than
 * issued, more votes cast than present), reporting only when an error
 * refuses it; with the id of the row just stored inside the command's
 * transaction, on that row and its votes, reporting every finding.  As
 * file:row: when file is not NULL.  By `pack` (NULL: the book's, loaded
 * for the call).  Returns the number of error findings (the record is
 * refused, the caller's transaction rolls back), or -1.
 */
int conf_rules_refuse(sqlite3 *db, const struct rule_pack *pack, const struct conf_rec *rec, long long id,
		      const char *file, long row);

/* The counts of a record not yet stored, as the validator reads them. */
void conf_counts_of(const struct conf_rec *rec, struct conference_counts *c);

/*
 * Check and store one voter conference and its results (and the thôn
 * re-votes: `revotes[i].trust` is the re-vote count of `revotes[i].ref`),
 * then apply the
 * computed consequences.  Reports every problem (as file:row: when file is
 * not NULL); returns 0 and the new id, or -1 (-2: only required values
 * were missing, see conf_check(); CONF_REFUSED: an error-severity rule
 * refuses it) with nothing stored by this call (the caller's transaction
 * rolls back).
 */
int voters_record(sqlite3 *db, const struct rule_pack *pack, const struct conf_args *a, struct vresult *res,
		  int nres, const struct vresult *revotes, int nrevotes, const char *file, long row,
		  long long *conf_id);

#endif
