/*
 * rollup_stats.h - the figures of the roll-up, per committee and in total
 * for each body type (docs/rollup.md, "What it reports"): this book's own
 * bodies, counted live, and every committee read from below, counted from
 * what the roll-up kept.  Both go through the same counting
 * (rollup_cand records), so the totals are sums of the sources.  The
 * reports (rollup_report.c) and the statistics workbook (rollup_xlsx.c)
 * print this model; they compute nothing of their own but percentages.
 */
#ifndef ROLLUP_STATS_H
#define ROLLUP_STATS_H

#include <stdio.h>
#include <sqlite3.h>
#include "date.h"
#include "rollup.h"
#include "table.h"
#include "validate.h"

/* Drop reasons (schema.sql, candidacy.drop_reason), in this order. */
#define RS_NREASONS 7
extern const char *const rs_reasons[RS_NREASONS];

/* Dated steps a body records (rollup_event): the three rounds, the round-3
 * minutes sent, the official list published. */
#define RS_NEVENTS 5
extern const char *const rs_events[RS_NEVENTS];

struct rs_cons {
	long number, seats;
	long long listed;		/* active candidacies assigned to it */
};

/* One body of one committee, or the total of a body type. */
struct rs_body {
	char *code, *kind, *type_name, *name;
	long long seats;
	long long ncons;
	struct rs_cons *cons;		/* NULL for a total */
	long long entered[STAGE_COUNT], at[STAGE_COUNT], dropped[STAGE_COUNT];
	long long reasons[STAGE_COUNT][RS_NREASONS];
	long long on[RL_COUNT];			/* on each list */
	long long attr[RL_COUNT][RA_COUNT];	/* of them, with each attribute */
	long long unknown[RL_COUNT][RA_COUNT];	/* of them, attribute not known */
	long long conf[3][3];			/* rollup_conf_kinds x held, results, passed */
	char ev[RS_NEVENTS][11];		/* ISO day recorded, "" when none */
	long long below_min;			/* constituencies short of the minimum list */
	long long cons_listed;			/* constituencies with anyone assigned */
	int committees;				/* a total: committees adding to it */
};

struct rs_committee {
	long long source;		/* rollup_source id; 0 for this book */
	int depth;			/* 0 this book, 1 read directly, 2 read through one... */
	char *level, *level_name, *name, *place;
	char *file, *head, *read_at, *last_at, *via, *contributed;	/* NULL for this book */
	struct rs_body *bodies;
	int nbodies;
};

/* A calendar step not recorded by its deadline. */
struct rs_late {
	int committee, body;		/* indexes */
	char event[16];
	char label[200];		/* the deadline's label */
	struct date due;
	long days;			/* E - days */
};

struct rstats {
	char *name, *place, *area_name;	/* this book's committee; area: "tỉnh Hòa Lâm" */
	struct date eday, today;
	int has_older_than;
	struct date older_than;
	const struct rule_pack *pack;	/* the reader's, borrowed */
	struct rs_committee *c;
	int n;
	struct rs_body *totals;		/* per body type, in the order of the term's body types */
	int ntotals;
	struct rs_late *late;
	int nlate;
	char **missing;			/* units of the area with no book read */
	int nmissing;
	int *older;			/* committees whose book ends before older_than */
	int nolder;
	int nsources;
	int top;			/* the reader is at the highest level (its totals are the country's) */
};

/*
 * Count everything for the reader `rd` (loaded by rollup_reader_load) as
 * of `today`; `older_than` (may be NULL) lists books whose last entry is
 * before it.  0, or -1 after reporting.
 */
int rstats_load(const struct rollup_reader *rd, const struct date *today, const struct date *older_than,
		struct rstats *s);
void rstats_release(struct rstats *s);

/* The total of body type `code`, or NULL. */
const struct rs_body *rstats_total(const struct rstats *s, const char *code);

/* Sections of the report, for --section and the JSON keys. */
extern const char *const rs_sections[];

/* Print the report: text (all sections, totals in detail), or one section
 * as CSV, or every section as one JSON object.  0, or -1 for an unknown
 * section (reported). */
int rstats_print(const struct rstats *s, enum out_format f, const char *section, FILE *out);

/* Write the statistics workbook (rollup_xlsx.c) into the file `path` (a
 * temporary one, outfile.h); `shown` names it in messages.  0, or -1
 * after reporting. */
int rollup_xlsx_write(const struct rstats *s, const char *path, const char *shown);

#endif
