/*
 * template.h - the official forms as data (templates/NAME.yaml).
 *
 * A template describes one form as the law prints it: the page (A4,
 * orientation, margins, font, column widths), then its content from top to
 * bottom as a list of blocks, each one or more spreadsheet rows:
 *
 *	text	one row per line: titles, the place-and-date line, paragraphs,
 *		boxed free text; optional style and column span
 *	header	the two-column block (issuing body | national motto)
 *	table	a table with one or two header rows (columns of the same
 *		`group` get a merged group heading, the others span both rows),
 *		data rows bound to a table of the dataset, optional totals row
 *	each	repeat blocks for every row of a dataset table (one list per
 *		constituency; one line per candidate), or `empty` blocks when
 *		there is none
 *	signature  the two-column signature block
 *	notes	the footnotes ("Ghi chú"); validation warnings are added here
 *	space	blank rows
 *
 * Every block may carry `when: FIELD` / `when: FIELD=VALUE` (shown only if
 * the field has a value, or that value) and `unless:` (the opposite).
 * Text carries fill-ins (fill.h) naming fields of the form's dataset
 * (dataset.h); the loader checks the fields exist.
 *
 * The file format is documented with examples in docs/templates.md.
 * Loading is strict (yamlcfg.h): an unknown key, a wrong type, a bad
 * fill-in or a column span outside the page is an error with
 * file:line:column, and a template with any error is not used.
 */
#ifndef TEMPLATE_H
#define TEMPLATE_H

enum tpl_align { TA_DEFAULT, TA_LEFT, TA_CENTER, TA_RIGHT, TA_JUSTIFY };

/* Style of a line or a cell; 0 / TA_DEFAULT fields inherit. */
struct tpl_style {
	int bold, italic, underline;	/* -1 = inherit, 0 = off, 1 = on */
	enum tpl_align align;
	int size;			/* points; 0 = inherit */
	int border;			/* -1 inherit, 0/1 */
	int indent;			/* indent level, -1 inherit */
	int min_lines;			/* the row is at least this many lines */
};

struct tpl_line {
	char *text;			/* with fill-ins */
	struct tpl_style st;
	long line, col;
};

struct tpl_column {
	char *head;			/* header text */
	char *group;			/* group heading over this column, or NULL */
	char *field;			/* dataset field; "#" numbers the rows */
	int span;			/* grid columns the column covers (>= 1) */
	enum tpl_align align;
	int number;			/* write integers as numbers */
	int percent;			/* a fraction (0.5747), written as a number
					 * shown as a percentage (57,47%) */
	int sum;			/* add up in the totals row */
	long line, col;
};

enum tpl_kind { TB_TEXT, TB_HEADER, TB_TABLE, TB_EACH, TB_SIGNATURE, TB_NOTES, TB_SPACE };

/* A block's `keep` (docs/templates.md, "Pages"). */
enum {
	KEEP_TOGETHER = 1,		/* its rows on one page */
	KEEP_WITH_NEXT = 2,		/* its last row on the page of the next row */
	KEEP_WITH_PREVIOUS = 4		/* its first row on the page of the row above */
};

struct tpl_block {
	enum tpl_kind kind;
	long line, col;
	char *when, *unless;		/* conditions, or NULL */
	struct tpl_style st;		/* block defaults */
	int first_col, last_col;	/* 0-based span of TB_TEXT/TB_NOTES lines */
	unsigned keep;			/* KEEP_* */
	int blank_lines;		/* TB_TEXT: dotted lines for the hand under
					 * a line the book could not fill */

	struct tpl_line *lines;		/* TB_TEXT, TB_NOTES */
	int nlines;

	struct tpl_line *left, *right;	/* TB_HEADER, TB_SIGNATURE */
	int nleft, nright;
	int split;			/* first grid column of the right half */

	char *rows;			/* TB_TABLE, TB_EACH: dataset table */
	char *match;			/* TB_TABLE: keep rows whose field equals
					 * the enclosing `each` row's */
	struct tpl_column *cols;	/* TB_TABLE */
	int ncols;
	char **blank;			/* TB_TABLE: first cell of each row of
					 * the blank form ("1", "2", "…") */
	int nblank;
	char *total;			/* TB_TABLE: label of the totals row */
	int repeat_header;		/* TB_TABLE: header rows again on every page
					 * its rows go on to (default) */
	struct tpl_line *continued;	/* TB_TABLE: a line above the repeated
					 * header rows, or NULL */
	int even_rows;			/* TB_TABLE: every data row as tall as the
					 * tallest (a ballot's boxes) */

	struct tpl_block *body, *empty;	/* TB_EACH */
	int nbody, nempty;

	int n;				/* TB_SPACE: blank rows */
};

struct tpl_page {
	int landscape;
	double margin_left, margin_right, margin_top, margin_bottom;	/* cm */
	char *font;
	int size;
	double *widths;			/* grid column widths, Excel units */
	int ncols;
	int fit_width;			/* print scale to fit the page's width */
	char *footer;			/* Excel footer string, or NULL */
};

struct template {
	char *path;
	char *id;			/* "01-bcdbqh-mt": the FORM of `export` */
	char *code;			/* "Mẫu số 01/BCĐBQH-MT", printed top right */
	char *title;			/* one line for `export --list` */
	char *dataset;			/* name of the dataset (dataset.h) */
	char *body_kind;		/* "na", "hdnd", or NULL for any */
	char *gate;			/* the stage whose list the form carries (nominated,
					 * preliminary, qualified, official), "round" for the
					 * list of --round (2: preliminary, 3: qualified), or
					 * NULL: the export gate checks the whole body */
	int locks;			/* a final export locks the gate's stage (lock.h) */
	char **select;			/* instance filters "field=v1,v2" */
	int nselect;
	/* `meeting:` the meetings the form is for (conference datasets): their
	 * kinds, modes and voting methods ("none": not recorded); NULL = any */
	char **meet_kind, **meet_mode, **meet_vote;
	int nmeet_kind, nmeet_mode, nmeet_vote;
	char *file;			/* output name pattern, with fill-ins */
	char *sheet;			/* sheet name */
	struct tpl_page page;
	struct tpl_block *blocks;
	int nblocks;
};

/*
 * Load and check one template file.  `fields` lists the fields its
 * dataset offers (NULL-terminated; NULL skips the check); a fill-in or a
 * column naming another field is an error.  Returns 0, or -1 after
 * reporting every problem.  template_release() in both cases.
 */
int template_load(const char *path, struct template *t);

/* The same from memory; `name` is used in messages (fuzzing, tests). */
int template_load_mem(const char *name, const char *text, size_t len, struct template *t);
void template_release(struct template *t);

/*
 * Check every fill-in, column field and condition of t against the
 * dataset's fields (lookup returns 1 when a name exists).  Reports each
 * unknown name at its file:line:col; returns the number of problems.
 */
int template_check_fields(const struct template *t, int (*known)(void *arg, const char *name), void *arg);

/* Templates directory: --templates, $HIEPTHUONG_TEMPLATES, the source
 * tree's templates/, the installed share/hiepthuong/templates. */
const char *template_dir(const char *opt);

/*
 * Load every *.yaml of `dir`, sorted by file name, into a malloc'd array
 * (*out, *n).  Returns 0, or -1 after reporting (a broken template fails
 * the whole load: an export must not silently miss a form).
 */
int template_load_dir(const char *dir, struct template **out, int *n);
void template_free_all(struct template *v, int n);

/* Evaluate a `when`/`unless` condition with a field lookup. */
int template_cond(const char *cond, const char *(*lookup)(void *arg, const char *name), void *arg);

/*
 * Whether the meeting the dataset describes (its fields conference_kind,
 * conference_mode, vote_method) is one the form is for (`meeting:`).
 * Returns 1, or 0 with why in *why (malloc'd Vietnamese, for the refusal).
 */
int template_meeting_ok(const struct template *t, const char *(*lookup)(void *arg, const char *name), void *arg,
			char **why);

#endif
