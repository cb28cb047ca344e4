/*
 * conference.h - meetings of the consultation: the three consultation
 * rounds (ht1, ht2, ht3), the nominating units' meetings (leadership,
 * expanded_leadership, bctmt) and the voter conferences (workplace,
 * residence, thon).  process.md §4, §7.
 *
 * A conference is recorded with the counts its minutes carry; what follows
 * from the counts (quorum met, trust above half, thôn selection) is
 * computed here from the rule pack, never typed in.  Record-level rules
 * whose severity is "error" in the pack (round order, counting team size,
 * votes cast, ballots) refuse the record at entry; lower severities are
 * printed as warnings and the record is stored.
 */
#ifndef CONFERENCE_H
#define CONFERENCE_H

#include <sqlite3.h>
#include "date.h"
#include "opt.h"
#include "rules.h"

/* The kinds, in process order. */
enum conf_kind {
	CONF_HT1, CONF_HT2, CONF_HT3,
	CONF_LEADERSHIP, CONF_EXPANDED, CONF_BCTMT,
	CONF_WORKPLACE, CONF_RESIDENCE, CONF_THON,
	CONF_NKINDS
};

/* "ht1", ... as stored in conference.kind; -1 when unknown. */
int conf_kind_parse(const char *s);
const char *conf_kind_key(int kind);
/* "Hội nghị hiệp thương lần thứ nhất", ... */
const char *conf_kind_label(int kind);
/* The same words in lower case for use inside a sentence, from the
 * stored key ("ht3" -> "hội nghị hiệp thương lần thứ ba"); the key itself
 * when unknown. */
const char *conf_kind_phrase(const char *key);
/* 1 for workplace, residence and thôn voter conferences. */
int conf_kind_is_voters(int kind);

/*
 * Values of the common options; numbers are -1 when not given.  Texts of
 * several entries (attendees, guests) hold one entry a line; people are
 * "TÊN[, CHỨC VỤ]" (tellers_named: the first is the team's head), opinions
 * "NGƯỜI: Ý KIẾN" (a candidate reference as for results).
 */
struct conf_args {
	const char *kind, *body, *unit, *date, *start, *end, *place;
	const char *chair, *chair_position, *secretary, *secretary_position;
	const char *guests, *agenda, *agreed, *notice, *method, *mode;
	const char *purpose, *attendees, *commune, *locality, *issue_time, *collect_time;
	const char *minutes;		/* a minutes file (minutes.h) */
	long voters_at_place, invited, present, absent, tellers, votes_cast;
	long ballots_issued, ballots_returned, ballots_valid, ballots_invalid;
	struct opt_list tellers_named, witnesses, opinions;
};

void conf_args_init(struct conf_args *a);
/* Free the lists' arrays (their strings are borrowed). */
void conf_args_release(struct conf_args *a);
/* Append a borrowed string to a list. */
void conf_list_add(struct opt_list *l, const char *s);

/* Number of option entries conf_opts() writes. */
#define CONF_NOPTS 36

/* Write the option table entries of the common fields into opts[0..]. */
void conf_opts(struct conf_args *a, struct opt *opts);

/* A checked record, ready to store. */
struct conf_rec {
	int kind;
	long long body_id, unit_id;	/* unit_id 0 = none */
	char body_kind[8];		/* "na" / "hdnd" */
	struct date held_on;
	const struct conf_args *a;
};

/*
 * Check the arguments (kind, body, unit, dates, times, counts against each
 * other, method) and the record-level rules of the pack (round order,
 * counting team, votes cast, ballots).  Every problem is reported; returns
 * 0, -1, or -2 when every problem is a required value not given (a usage
 * error on the command line).  When `file` is not NULL, messages are
 * "file:row: ..." (CSV
 * import); otherwise plain.
 */
int conf_check(sqlite3 *db, const struct rule_pack *pack, const struct conf_args *a,
	       struct conf_rec *rec, const char *file, long row);

/* Store a checked record, its counting team and witnesses; *id is the new
 * conference id.  0 or -1. */
int conf_insert(sqlite3 *db, const struct conf_rec *rec, long long *id);

/*
 * Store the opinions of a->opinions ("NGƯỜI: Ý KIẾN") on the results of
 * conference `id`: each names a person with a result there.  Reports each
 * problem (as file:row: when file is not NULL); 0 or -1.
 */
int conf_store_opinions(sqlite3 *db, const struct conf_rec *rec, long long id, const char *file, long row);

/* Split "TÊN, CHỨC VỤ" at its first comma into malloc'd name and position
 * (NULL when none). */
void conf_person_split(const char *s, char **name, char **position);

/*
 * Quorum of a voter conference under the pack's quorum rule for its kind:
 * 1 met, 0 not met, -1 no rule of the pack covers this kind.  *rule_out
 * (may be NULL) gets the rule used; explain (may be NULL, len > 0) gets
 * the arithmetic in words.
 */
int conf_quorum(const struct rule_pack *pack, int kind, long voters_at_place, long convened,
		long present, const struct rule **rule_out, char *explain, size_t len);

/* Trust above the pack's threshold of those present (VC-TRUST, strict):
 * 1 passed, 0 not, -1 the pack has no trust rule. */
int conf_trust_passed(const struct rule_pack *pack, long trust, long present);

/* The first rule of `kind` whose `conferences` list names `conf_kind`. */
const struct rule *conf_rule_for(const struct rule_pack *pack, const char *rule_kind, int conf_kind);

/* The rule of a kind that has no conference list (first one), or NULL. */
const struct rule *pack_rule_of_kind(const struct rule_pack *pack, const char *rule_kind);

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
