/*
 * rollup.h - the roll-up: a committee reads the books of the committees
 * below it and keeps what each contributed (docs/rollup.md).
 *
 * Reading a book (rollup_read_book) is all or nothing: it is opened
 * read-only and verified first (schema, its audit chain and the state of
 * its data, its term against the reader's, its committee below the
 * reader's level and within the reader's area); a book that fails is
 * reported and nothing of it is kept.  A book that passes replaces what
 * its committee contributed before: its bodies, constituencies, dated
 * steps, voter conferences and candidacies (tables rollup_* of
 * schema.sql), and, when the book is itself a roll-up (a province's book
 * read by the central committee), the committees it read, marked as read
 * through it.  A book whose audit head is the one recorded at its last
 * reading is not read again.  Everything goes into the reader's book
 * inside the command's transaction; the caller wraps each book in a
 * savepoint.
 *
 * What a candidacy counts for (its lists and structure attributes) is
 * decided by the rule engine with the reader's pack, as the share rules
 * decide it (validate_rollup.c): the same code, so a report of the
 * roll-up and `validate` of the book below agree.
 */
#ifndef ROLLUP_H
#define ROLLUP_H

#include <sqlite3.h>
#include "config.h"
#include "date.h"
#include "rules.h"

struct sbuf;

/* The reading book: what the checks of a source need. */
struct rollup_reader {
	sqlite3 *db;
	char *term;			/* election.term */
	char *level;			/* its committee level id */
	char *name;			/* its committee name */
	int level_index;		/* in cfg.levels, 0 = the highest */
	struct term_config cfg;		/* the config stored in the book */
	char **area;			/* units below it (cfg.area, else its constituencies' areas) */
	char **area_keys;		/* text_loose_key() of each */
	int narea;
	int area_from_config;		/* 1: committee.area; 0: constituencies */
	struct rule_pack pack;
	char now[40];			/* when the books are read, local time with offset */
};

/* Load the reader from its book (ctx->db).  0, or -1 after reporting. */
int rollup_reader_load(sqlite3 *db, struct rollup_reader *rd);
void rollup_reader_release(struct rollup_reader *rd);

/* What became of one book. */
enum rollup_outcome {
	ROLLUP_REFUSED,		/* failed a check: reported, nothing taken */
	ROLLUP_READ,		/* verified and taken (new, or replacing) */
	ROLLUP_UNCHANGED	/* same audit head as when last read: not read again */
};

struct rollup_result {
	enum rollup_outcome outcome;
	long long source_id;	/* its row in rollup_source (READ, UNCHANGED) */
	int replaced;		/* READ: it had been read before */
	char *committee;	/* its committee's name, when it could be read */
	char *summary;		/* READ: what it contributed; REFUSED: why */
};

/*
 * Read the book `path` into the reader (see above).  Returns 0 with the
 * outcome in *res (a refusal is reported on stderr as an error), or -1
 * when the reader's own book failed (reported; stop).  release frees res.
 */
int rollup_read_book(struct rollup_reader *rd, const char *path, struct rollup_result *res);
void rollup_result_release(struct rollup_result *res);

/* 1 when the reader's book holds anything read from below. */
int rollup_has_sources(sqlite3 *db);

/* Is a committee named `name` within the unit whose text_loose_key() is
 * `area_key`: does its folded name end with it at a word boundary? */
int rollup_name_in_area(const char *name, const char *area_key);

/* ---- implemented by the rule engine (validate_rollup.c) ---- */

/* Structure attributes of a candidacy (docs/rule-packs.md §9.3). */
enum { RA_WOMEN, RA_ETHNIC, RA_YOUNG, RA_NON_PARTY, RA_REELECTED, RA_SELF, RA_COUNT };
/* The lists of docs/rule-packs.md §9.2, in the engine's order (enum cand_list). */
enum { RL_ROUND2, RL_NOMINEES, RL_PRELIMINARY, RL_ROUND3, RL_QUALIFIED, RL_OFFICIAL, RL_COUNT };

extern const char *const rollup_attr_keys[RA_COUNT];	/* "women", ... (the share rules' names) */
extern const char *const rollup_list_keys[RL_COUNT];	/* "round2", "nominees", ... */

/* One candidacy of a book below, as the roll-up keeps it. */
struct rollup_cand {
	long long id;
	const char *body;		/* body code */
	const char *name, *dob, *id_number;
	long constituency;		/* 0 when not assigned */
	const char *stage, *first_stage, *status, *drop_reason;	/* drop_reason "" when active */
	int attr[RA_COUNT];		/* 1, 0, or -1: the pack gives no way to tell */
	int on[RL_COUNT];
};

/* The bit sets of rollup_candidacy (schema.sql): attrs (an attribute a is
 * 1 << a, not known 256 << a) and lists (list l is 1 << l); and back. */
int rollup_attr_bits(const struct rollup_cand *c);
int rollup_list_bits(const struct rollup_cand *c);
void rollup_from_bits(struct rollup_cand *c, int attrs, int lists);

/*
 * Every candidacy of the book `src`, with its lists and attributes under
 * `pack` (the reader's), in official order.  A non-zero return of fn
 * stops.  0 or -1.
 */
int rollup_scan_candidacies(sqlite3 *src, const struct rule_pack *pack,
			    int (*fn)(const struct rollup_cand *c, void *arg), void *arg);

/*
 * Did a result pass at a voter conference of `conf_kind` of a body of
 * `body_kind`: `votes` of `attendees` under the pack's trust rule
 * (workplace, residence) or thôn selection rule (thon)?  1, 0, or -1 when
 * the pack has no such rule or the attendees are not known.
 */
int rollup_vote_passed(const struct rule_pack *pack, const char *body_kind, const char *conf_kind,
		       long long votes, long long attendees);

/* What the reader's pack says, for the reports (validate_rollup.c). */

/* The share rule of attribute `attr` (RA_*) for a body of kind `body_kind`:
 * 1 with the rule, its percent and its list (RL_*), or 0 when none.  A
 * rule of `scope: national` is a share of the whole country's list:
 * rollup_target_national() says so. */
int rollup_target(const struct rule_pack *pack, const char *body_kind, int attr, const struct rule **rule,
		  long *percent, int *list);
int rollup_target_national(const struct rule *rule);

/* The least number of candidates a constituency of `seats` seats must have
 * (min_candidates rule of the kind): 1 with *need and *rule, or 0. */
int rollup_min_candidates(const struct rule_pack *pack, const char *body_kind, long seats, long *need,
			  const struct rule **rule);

/* A dated step the calendar checks: a consultation round (event ht1..ht3,
 * from the round_window rule's deadlines) or a body event (round3_sent,
 * official_list, from deadline rules), with its deadline key. */
struct rollup_step {
	char event[16];
	char key[32];
	const struct rule *rule;
};
int rollup_steps(const struct rule_pack *pack, const char *body_kind, struct rollup_step *out, int max);

/* Does count of total meet a share of `percent` (count*100 >= total*percent)? */
int rollup_share_meets(long long count, long long total, long percent);

/* "33,33": count / total in percent, two decimals, Vietnamese comma. */
void rollup_percent(long long count, long long total, char *buf, size_t len);

/*
 * The voter conferences of book `src` per body and kind (0 workplace, 1
 * residence, 2 thon): conferences held, results recorded, results that
 * passed under `pack` (rollup_vote_passed).  fn is called once per body
 * and kind that has any.  0 or -1.
 */
extern const char *const rollup_conf_kinds[3];
int rollup_conf_counts(sqlite3 *src, const struct rule_pack *pack,
		       int (*fn)(long long body_id, int kind, const long long n[3], void *arg), void *arg);

/* The dated steps of book `src`: the latest day of each consultation
 * round held (ht1..ht3) and its body events.  0 or -1. */
int rollup_each_event(sqlite3 *src, int (*fn)(long long body_id, const char *event, const char *day, void *arg),
		      void *arg);

#endif
