/*
 * stage.h - moving candidacies through the stages, with a history.
 *
 * A candidacy's path (process.md §4):
 *
 *	proposed --(unit or thôn conferences)--> nominated
 *	nominated --(round 2)--> preliminary --(round 3)--> qualified
 *	qualified --(assignment to a constituency)--> official
 *
 * At any step it may be dropped with a coded reason; nothing is silently
 * lost: every move and every drop adds a candidacy_event row that `show`
 * and `stages` read.  Reasons (stored codes and their Vietnamese words):
 *
 *	withdrew         xin rút
 *	not_nominated    không được cơ quan, đơn vị, thôn/TDP giới thiệu
 *	workplace_trust  không đạt trên 50% tín nhiệm ở nơi công tác
 *	residence_trust  không đạt trên 50% tín nhiệm ở nơi cư trú
 *	verification     do kết quả xác minh vụ việc cử tri nêu
 *	not_qualified    không đủ tiêu chuẩn
 *	other            lý do khác (ghi rõ)
 */
#ifndef STAGE_H
#define STAGE_H

#include <sqlite3.h>
#include "candidacy.h"
#include "rules.h"

/* Vietnamese words of a reason code; the code itself if unknown.  (The
 * stage words are stage_label() of candidacy.h.) */
const char *reason_label(const char *reason);
/* The code for a reason given as its code or its Vietnamese words; NULL. */
const char *reason_parse(const char *s);
/* 1 if `reason` is one of the codes above. */
int reason_valid(const char *reason);

/* The candidacy's stage and status ("active"/"dropped"); 0, or -1 (a
 * missing candidacy or a database error, reported) with both set to "".
 * Both are always set.  The char[16] out-parameters are the caller's
 * buffers (every stage key and status fits in 15 bytes; a longer one,
 * impossible under schema.sql's CHECKs, would be cut). */
int stage_of(sqlite3 *db, long long cand, char stage[16], char status[16]);

/* stage_event(), the one writer of history rows, is candidacy.h's. */

/* Move an active candidacy to `stage` (event "in"). */
int stage_advance(sqlite3 *db, long long cand, const char *stage, long long conference_id, const char *note);

/* Drop an active candidacy at its current stage with `reason` (event "out"). */
int stage_drop(sqlite3 *db, long long cand, const char *reason, const char *note, long long conference_id);

/*
 * A stage decision on one candidacy (`decide`, `decide import`): move it
 * to `to` (nominated, preliminary or qualified) or, with `drop` a reason
 * code, stop it there.  Checks that the candidacy is at the stage before
 * `to`, that the deciding round is recorded; at round 3 the candidacy as
 * stored goes through the validator's HT3-TRUST (residence_trust_gate:
 * `special` keeps a candidate as a special case), whose error refuses it
 * (DECIDE_REFUSED, exit 1; the dispatcher rolls back) and whose warning
 * is printed.  Messages as "file:row:" when file is not NULL.  0, -1 or
 * DECIDE_REFUSED.
 */
#define DECIDE_REFUSED (-3)
int decide_one(sqlite3 *db, const struct rule_pack *pack, long long body_id, long long cand, const char *to,
	       const char *drop, const char *special, const char *note, const char *file, long row);

/* Put a qualified candidacy in constituency `number` of its body (the
 * official list); once per person and body: a second assignment is
 * refused by ELIG-ONEUNIT, named with its citation (ASSIGN_REFUSED, exit
 * 1).  0, -1 or ASSIGN_REFUSED. */
#define ASSIGN_REFUSED (-3)
int assign_one(sqlite3 *db, long long body_id, long long cand, long number, const char *file, long row);

#endif
