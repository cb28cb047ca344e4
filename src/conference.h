/*
 * conference.h - meetings of the consultation: the three consultation
 * rounds (ht1, ht2, ht3), the nominating units' meetings (leadership,
 * expanded_leadership, bctmt) and the voter conferences (workplace,
 * residence, thon).  process.md §4, §7.
 *
 * A conference is recorded with the counts its minutes carry; what follows
 * from the counts (quorum met, trust above half, thôn selection) is
 * computed from the rule pack by the validator (validate.h:
 * conf_attendees, conf_quorum_met, conf_trust_met), never typed in.  The
 * record-level rules (counting team size, votes cast, ballots, quorum,
 * votes counted) are the validator's evaluators, run on the stored record
 * (voters.h, conf_rules_refuse): an error-severity finding refuses it,
 * lower severities are printed as warnings and the record is stored.
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
 * when unknown.  Lifetime: a string literal (or `key` itself), valid for
 * the whole run, never freed. */
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

/* A record refused by an error-severity rule (exit 1). */
#define CONF_REFUSED (-3)

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
 * other, method, one conference of each round per body).  The rules on
 * the record are not here: they are the validator's, run on the record as
 * stored (conf_rules_refuse(), voters.h).  Every problem is reported;
 * returns 0, -1, or -2 when every problem is a required value not given
 * (a usage error on the command line).  When `file` is not NULL, messages
 * are "file:row: ..." (CSV import); otherwise plain.
 */
int conf_check(sqlite3 *db, const struct conf_args *a, struct conf_rec *rec, const char *file, long row);

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

/* Members of the counting team: --tellers, else the names given; -1. */
long conf_tellers(const struct conf_args *a);

/* The first rule of `kind` whose `conferences` list names `conf_kind`. */
const struct rule *conf_rule_for(const struct rule_pack *pack, const char *rule_kind, int conf_kind);

/* The rule of a kind that has no conference list (first one), or NULL. */
const struct rule *pack_rule_of_kind(const struct rule_pack *pack, const char *rule_kind);

/* body_resolve(), body_only_code() and body_missing() are book.h's. */

#endif
