/*
 * opt.h - per-command option tables that drive both parsing and --help.
 *
 * Like git's parse_options(): a command declares
 *
 *	const char *config = NULL;
 *	int force = 0;
 *	struct opt opts[] = {
 *		OPT_STRING(0, "config", &config, "TỆP", "tệp cấu hình nhiệm kỳ (YAML)"),
 *		OPT_BOOL('f', "force", &force, "ghi đè sổ đã có"),
 *		OPT_END()
 *	};
 *	argc = opt_parse(ctx, argc, argv, opts, usage, &rc);
 *	if (argc < 0)
 *		return rc;
 *
 * and gets, in argv[0..argc-1], the positional arguments in order (options
 * may come before or after them; "--" ends the options).  Every command
 * also accepts the common options --db FILE, --by NAME and -h/--help, which
 * are stored in the ctx (see cmd.h).  On --help the usage and the option
 * table are printed on stdout and *rc is 0; on a bad option a message and
 * the usage go to stderr, the error is a usage error (diag.h: exit 2) and
 * *rc is -1, so that `return rc` is a command's return either way.
 */
#ifndef OPT_H
#define OPT_H

struct ctx;

/*
 * Text options are cleaned as they are parsed, once for every command:
 * text_clean() (valid UTF-8 or a usage error; controls and format
 * characters such as U+200B removed; NFC), then for OPT_STRING and
 * OPT_LIST white space trimmed and collapsed, so that a one-line field (a
 * name, a reason, --by) is one line and an ESC never reaches the book.
 * OPT_TEXT keeps line breaks (minutes, proceedings); OPT_PATH is a file
 * name and is taken as it is.  OPT_COUNT is a count (count.h): 0 to
 * COUNT_MAX, anything else a usage error; OPT_INT any whole number.
 * Cleaned values live until opt_release_all() (at exit).
 */
enum opt_type { OPT_T_END, OPT_T_BOOL, OPT_T_STRING, OPT_T_INT, OPT_T_LIST, OPT_T_PATH, OPT_T_TEXT,
		OPT_T_COUNT };

struct opt {
	enum opt_type type;
	int short_name;		/* 0 when there is none */
	const char *long_name;
	void *value;		/* int *, const char **, long *, or struct opt_list * */
	const char *argh;	/* name of the argument in --help, e.g. "TỆP" */
	const char *help;	/* one line, Vietnamese */
};

/* Values of an option that may be repeated (OPT_LIST). */
struct opt_list {
	int n;
	const char **v;		/* borrowed from argv; the array is malloc'd */
};

#define OPT_END() { OPT_T_END, 0, NULL, NULL, NULL, NULL }
#define OPT_BOOL(s, l, v, h) { OPT_T_BOOL, (s), (l), (v), NULL, (h) }
#define OPT_STRING(s, l, v, a, h) { OPT_T_STRING, (s), (l), (v), (a), (h) }
#define OPT_INT(s, l, v, a, h) { OPT_T_INT, (s), (l), (v), (a), (h) }
#define OPT_LIST(s, l, v, a, h) { OPT_T_LIST, (s), (l), (v), (a), (h) }
#define OPT_PATH(s, l, v, a, h) { OPT_T_PATH, (s), (l), (v), (a), (h) }
#define OPT_TEXT(s, l, v, a, h) { OPT_T_TEXT, (s), (l), (v), (a), (h) }
#define OPT_COUNT(s, l, v, a, h) { OPT_T_COUNT, (s), (l), (v), (a), (h) }

/*
 * Parse argv (argv[0] is the command name and is skipped).  Returns the
 * number of positional arguments, moved to the front of argv, or -1 when
 * the caller must return *rc (help printed, or a usage error reported).
 */
int opt_parse(struct ctx *ctx, int argc, char **argv, const struct opt *opts,
	      const char *usage, int *rc);

/* Print the usage line(s) and the option table to stdout or stderr. */
void opt_usage(const char *usage, const struct opt *opts, int to_stderr);

/* Free what OPT_LIST options allocated. */
void opt_list_release(struct opt_list *l);

/*
 * A value cleaned as an OPT_STRING is (one line), for text that reaches a
 * command another way (the global --by): a string that lives until
 * opt_release_all(), or NULL after reporting why (invalid UTF-8).
 * `what` names the value in the message ("--by").
 */
const char *opt_clean_line(const char *s, const char *what);

/* Free every cleaned value (main, at exit). */
void opt_release_all(void);

#endif
