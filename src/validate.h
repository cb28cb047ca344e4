/*
 * validate.h - checking a book against its rule pack.
 *
 * The pack is the copy stored in the book at init (rules.h).  Each kind of
 * rule has one evaluator (validate_people.c, validate_conf.c,
 * validate_lists.c); an evaluator reads the book and adds findings.
 * Findings carry the rule (id, severity, citation), the body and
 * constituency concerned, the candidate when there is one, and a
 * Vietnamese message with the numbers involved.  Every threshold compares
 * integers (`trust*2 > present`, `women*100 >= total*35`); ages are full
 * years on election day.  docs/rule-packs.md §9 says what each kind reads
 * in the book and how an attribute (re-elected, minority, young...) is
 * decided.
 *
 * Three kinds of rule, three moments (issue 5, "At entry"):
 *
 *  - record-level rules about one candidacy (ELIG-AGE, ELIG-NAT,
 *    ELIG-LEVELS, ELIG-HDND-LOC, ELIG-DOSSIER) or one conference and its
 *    votes (HT-TELLERS, HT-VOTERS, LEAD-TELLERS, VC-QUORUM-*, VC-TELLERS,
 *    VC-BALLOTS, the vote arithmetic of VC-TRUST), and the parts of two
 *    list-level rules that a new record can break: HT-ORDER on a
 *    conference (what the book has with it and not without it) and
 *    HT3-TRUST on a candidacy `decide` puts on the qualified list.  A
 *    command that stores such a record stores it inside the dispatcher's
 *    transaction, runs the rules on the new row (validate_conference(),
 *    validate_person_refuse(), validate_candidacy_refuse()), prints the
 *    findings and, when one has error severity, returns EXIT_RULES (1)
 *    so that the dispatcher rolls back.  The
 *    evaluators are the only implementation of these rules: nothing is
 *    checked a second way before storing, except what the schema could
 *    not hold at all, which validate_check_conference() judges with the
 *    same check_conf_* functions (voters.h, conf_rules_refuse);
 *  - list-level rules (surpluses, shares, one constituency per person,
 *    outcomes of votes, order, deadlines): a stage decision or a
 *    constituency assignment is stored, then validate_after_change()
 *    reports what it made false;
 *  - the export gate: validate_export_gate() before writing an official
 *    form.
 *
 * Ownership: a struct findings owns its strings and, when a function below
 * loaded the book's pack for it, the pack too (findings->pack), so that
 * finding.rule stays valid until findings_release().
 */
#ifndef VALIDATE_H
#define VALIDATE_H

#include <stddef.h>
#include <stdio.h>
#include <sqlite3.h>
#include "date.h"
#include "rules.h"

/* Candidacy stages in order (schema.sql, candidacy.stage): STAGE_PROPOSED
 * .. STAGE_OFFICIAL, one per line of stages.h. */
enum stage_rank {
#define STAGE(id, key, label, list) STAGE_##id,
#include "stages.h"
#undef STAGE
	STAGE_COUNT
};

/* "proposed" .. "official" -> rank, or -1. */
int stage_rank(const char *stage);
const char *stage_key(int rank);
/* The list a stage makes: "danh sách sơ bộ" ... (stage_label() of
 * candidacy.h names the stage itself) */
const char *stage_list_label(int rank);

struct finding {
	const struct rule *rule;	/* borrowed from the pack */
	long long body_id;		/* 0 when book-wide */
	char *body;			/* body code, "" when book-wide */
	char *body_name;		/* "Quốc hội khóa XVI", "" when book-wide */
	long constituency;		/* constituency number, 0 when none */
	char *candidate;		/* full name, or NULL */
	char *message;
	int stage_lo, stage_hi;		/* the stages (enum stage_rank) it concerns */
	int seq;			/* order of discovery, for a stable sort */
};

struct findings {
	struct finding *v;
	int n, alloc;
	struct rule_pack *pack;		/* owned when set (see above), else NULL */
};

/* What a run checks. */
enum {
	WANT_CANDIDATE = 1 << 0,	/* record-level rules on candidacies */
	WANT_CONFERENCE = 1 << 1,	/* record-level rules on conferences */
	WANT_LIST = 1 << 2,		/* list-level rules */
	WANT_ALL = WANT_CANDIDATE | WANT_CONFERENCE | WANT_LIST
};

struct validate_scope {
	long long body_id;		/* 0 = every body */
	const char *stage;		/* NULL = every stage; else findings concerning it */
	long long candidacy_id;		/* 0 = all; else only rules on this candidacy */
	long long conference_id;	/* 0 = all; else only rules on this conference */
	unsigned want;			/* WANT_*; 0 means WANT_ALL */
	const struct date *today;	/* NULL = date_today() (deadline rules) */
	const char *kind;		/* NULL = every kind; else only rules of this kind ("min_age") */
};

/*
 * Load the book's rule pack into *pack (the caller releases it with
 * rules_release) and run every rule that applies within `scope`, appending
 * to *out in a stable order (body, constituency, rule, candidate).
 * Returns 0, or -1 if the book could not be read (reported).
 */
int validate_book(sqlite3 *db, const struct validate_scope *scope, struct rule_pack *pack,
		  struct findings *out);

/* validate_load_pack(), the pack stored in the book: book.h. */

/* Frees the findings and the pack they own; *f is empty afterwards. */
void findings_release(struct findings *f);

/* Add a book-wide finding (message printf-style). */
void findings_add(struct findings *f, const struct rule *r, const char *body, long constituency,
		  const char *candidate, const char *fmt, ...) __attribute__((format(printf, 6, 7)));

struct validate_counts {
	int errors, warnings, infos;
};

void findings_count(const struct findings *f, struct validate_counts *vc);

/* 1 if this build has an evaluator for rules of `kind`. */
int validate_has_evaluator(const char *kind);

/* Count the findings for one body (0 = all); for `status`. */
int validate_count(sqlite3 *db, long long body_id, struct validate_counts *vc);

/*
 * Print findings.  Text: grouped by body, then constituency, each line
 * "lỗi ELIG-AGE 'Tên': message" followed by the citation, and a final
 * count line.  JSON: an array of objects with the keys rule, severity
 * ("error", "warning", "info"), body, constituency (number or null),
 * candidate (string or null), message, citation.
 */
enum findings_format { FINDINGS_TEXT, FINDINGS_JSON };
void findings_print(FILE *f, const struct findings *fs, enum findings_format format);

/*
 * Print each finding as one diagnostic line on stderr, for commands:
 *	hiepthuong: lỗi: ELIG-AGE 'Nguyễn Văn An': ... (Điều 2 Luật ...)
 * (warning and info findings print as "cảnh báo").  findings_report()
 * tells findings about a change that is kept (they fail nothing);
 * findings_report_at() is a refusal: an error-severity finding is a rule
 * error (diag.h, exit 1), about row `row` of `file` (an import; file NULL
 * = plain).
 */
void findings_report(const struct findings *fs);
void findings_report_at(const struct findings *fs, const char *file, long row);

/* ---- Record-level checks for commands that store records ---- */

/*
 * The counts of a conference record (schema.sql, table conference), for a
 * check before storing it.  A count of -1 is "not recorded" and the rules
 * that need it are skipped.
 */
struct conference_counts {
	const char *kind;		/* "ht1" .. "thon" */
	const char *body_kind;		/* "na" or "hdnd" */
	const char *mode;		/* "in_person", "online", "distribution"; NULL = in person */
	int vote_held;			/* a vote was taken (vote_method set or votes recorded) */
	long voters_at_place, invited, present, tellers;
	long ballots_issued, ballots_returned, ballots_valid, ballots_invalid;
	long votes_cast;		/* consultation rounds: ballots or hands counted; 0 or -1 when not recorded */
	char held_on[16];		/* "YYYY-MM-DD" for the messages; "" when unknown */
};

/* One candidate's result at that conference. */
struct vote_counts {
	const char *candidate;		/* for the message; may be NULL */
	long trust, distrust, invalid;
};

/*
 * The one implementation of what follows from a conference's counts, for
 * the evaluators and for the commands that print or apply it:
 *  - conf_attendees: the voters attending, i.e. those present, or the
 *    ballots returned when ballots were distributed (mode "distribution";
 *    addendum Q7a); -1 when not recorded;
 *  - conf_trust_met: trust above the share of attendees that rule `r`
 *    (kind trust or thon_select: num/den, strict) requires: 1, 0, or -1
 *    when r is NULL or attendees unknown;
 *  - conf_quorum_met: the quorum of rule `r` (kind quorum) on those
 *    counts: 1, 0, or -1 (no rule, counts missing); explain (may be NULL)
 *    gets the arithmetic in words.
 */
long conf_attendees(const struct conference_counts *c);
int conf_trust_met(const struct rule *r, long trust, long attendees);
int conf_quorum_met(const struct rule *r, const struct conference_counts *c, char *explain, size_t len);

/*
 * The record-level rules of the book's pack on one conference and its
 * votes (tellers, votes_present, quorum, ballots, and the trust kind's
 * "votes counted <= attendees"), before storing, by `pack` (NULL: the
 * book's, loaded into *out; an import passes the one it loaded once).
 * Findings go to *out; returns the number of error-severity findings
 * added, or -1.
 */
int validate_check_conference(sqlite3 *db, const struct rule_pack *pack, const struct conference_counts *c,
			      const struct vote_counts *votes, int nvotes, struct findings *out);

/*
 * The same rules, after storing, on rows already in the book (inside the
 * command's transaction): one candidacy's record-level rules, or one
 * conference's.  Return the number of error-severity findings added to
 * *out, or -1.
 */
int validate_candidacy(sqlite3 *db, long long candidacy_id, struct findings *out);

/*
 * The rules of one kind ("min_age") of `pack` (NULL: the book's, loaded
 * for the call; an import passes the one it loaded once) on every
 * candidacy of person `person_id` as stored, after a command stored or
 * changed the person inside its transaction; reports each finding (as
 * file:row: when file is not NULL) and returns the number of error
 * findings (the command refuses with exit 1 and the dispatcher rolls
 * back), or -1.
 */
int validate_person_refuse(sqlite3 *db, const struct rule_pack *pack, long long person_id, const char *kind,
			   const char *file, long row);
/* The same on one candidacy (HT3-TRUST when `decide` puts it on the
 * qualified list). */
int validate_candidacy_refuse(sqlite3 *db, const struct rule_pack *pack, long long cand, const char *kind,
			      const char *file, long row);
/* Every rule of `pack` (NULL: the book's) on one conference as stored,
 * into *out: the number of error findings added, or -1. */
int validate_conference(sqlite3 *db, const struct rule_pack *pack, long long conference_id, struct findings *out);

/*
 * After a stage decision or a constituency assignment of body `body_id`
 * ("proposed" .. "official"; NULL = every stage): the list-level findings
 * that now apply, for the command to report (findings_report).  Nothing is
 * refused.  Returns the number of error-severity findings, or -1.
 */
int validate_after_change(sqlite3 *db, long long body_id, const char *stage, struct findings *out);

/*
 * The export gate.  Before writing an official form of body `body_id`
 * for stage `stage` ("nominated" for Mẫu 04, "preliminary" for Mẫu 05,
 * "qualified" for the round-3 list, "official" for Mẫu 17/22; NULL for a
 * form about the whole body): every finding that concerns what the form
 * contains goes to *out, errors and warnings alike, and the return value
 * is the number of errors (-1 if the book could not be read).  The
 * exporter refuses the official form while it is > 0 (a --draft export
 * is allowed and marked as such) and lists the warnings in the form's
 * notes.  A finding concerns stage S when S lies in [stage_lo, stage_hi]:
 * a candidate's eligibility concerns every list the candidate reached;
 * a conference record concerns the stage it decides; a list rule its list.
 */
int validate_export_gate(sqlite3 *db, long long body_id, const char *stage, struct findings *out);

#endif
