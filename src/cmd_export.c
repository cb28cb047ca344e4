/*
 * COMMAND: export
 * USAGE:   hiepthuong export FORM [--body MÃ] [--round N] [--constituency SỐ]
 *                 [--conference ID] [--unit MÃ] -o TỆP.xlsx [--draft]
 *          hiepthuong export all -o THƯ_MỤC [--draft]
 *          hiepthuong export --list
 *
 * Writes an official form as a spreadsheet that looks like the printed
 * form (templates/NAME.yaml, rendered by xlsx.c from a named dataset of the
 * book).  FORM is a template id such as 05-bcdbqh-mt; `export --list`
 * shows them with the selectors each needs.  `export all` writes every
 * form the book can fill into a folder, one file per form and selector
 * set.  What the book does not know stays as the form's dotted fill-in.
 *
 * Before writing, the body's records go through the export gate
 * (export_gate.h): errors stop the export (exit 1) unless --draft, which
 * marks the sheet and every page "BẢN NHÁP"; warnings are printed in the
 * form's notes.  The same book gives a byte-identical file.
 *
 * A final export (without --draft) of a form that carries a round's list
 * (the template's `locks: true`: Mẫu 05 of round 2 or 3, Mẫu 17, 22)
 * locks that stage of the body (lock.h): the lock and its audit entry are
 * written in one transaction begun before the gate, so the file shows
 * exactly what was locked.  Exporting a locked list again is fine and
 * writes nothing to the book.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <time.h>
#include "audit.h"
#include "book.h"
#include "cmd.h"
#include "candidacy.h"
#include "conference.h"
#include "dataset.h"
#include "db.h"
#include "diag.h"
#include "export_gate.h"
#include "fill.h"
#include "lock.h"
#include "opt.h"
#include "outfile.h"
#include "rules.h"
#include "sbuf.h"
#include "template.h"
#include "text.h"
#include "validate.h"
#include "vocab.h"
#include "xlsx.h"
#include "banned.h"

static const char usage[] =
	"hiepthuong export MẪU [--body MÃ] [--round N] [--constituency SỐ] [--conference ID] [--unit MÃ]\n"
	"                  -o TỆP.xlsx|- [--draft] [--force] [--templates THƯ_MỤC]\n"
	"       hiepthuong export all -o THƯ_MỤC [--draft] [--force]\n"
	"       hiepthuong export --list";

struct opts {
	const char *body, *constituency, *unit, *out, *templates;
	long round, conference;
	int draft, list, force;
};

/* One run of `export`: what every form of the run shares.  Owned by
 * cmd_export() for the whole run; the functions below borrow it. */
struct export_run {
	struct ctx *ctx;	/* the dispatcher's; borrowed */
	int writing;		/* inside the transaction that records locks */
	sqlite3 *db;		/* ctx->db; borrowed */
	struct template *tpl;	/* the templates loaded for the run (owned; template_release each) */
	int ntpl;		/* how many in tpl */
	time_t created;		/* the workbooks' creation time (document properties) */
	char *author;		/* the workbooks' author (malloc'd, owned) */
	int draft;		/* --draft: a draft may be written past the gate, marked as such */
	struct sbuf said;	/* what is printed once the files are in place */
	struct sbuf shown;	/* gate errors printed already, one per line */
};

/* Known-name callback for template_check_fields. */
static int name_known(void *arg, const char *name)
{
	char **names = arg;

	for (int i = 0; names[i]; i++)
		if (!strcmp(names[i], name))
			return 1;
	return 0;
}

/* Every template names a dataset there is (no book needed): 0 or -1. */
static int check_datasets(struct template *v, int n)
{
	int bad = 0;

	for (int i = 0; i < n; i++)
		if (!dataset_find(v[i].dataset)) {
			error_at(v[i].path, 0, 0, "không có dữ liệu tên '%s' (form.dataset)", v[i].dataset);
			bad++;
		}
	return bad ? -1 : 0;
}

/* ... and uses only the names its dataset has (on the book). */
static int check_templates(sqlite3 *db, struct template *v, int n)
{
	int bad = 0;

	if (check_datasets(v, n) < 0)
		return -1;
	for (int i = 0; i < n; i++) {
		const struct dataset_def *def = dataset_find(v[i].dataset);
		char **names;

		names = dataset_names(db, def);
		if (!names)
			return -1;
		bad += template_check_fields(&v[i], name_known, names);
		dataset_names_free(names);
	}
	return bad ? -1 : 0;
}

static const char *sel_names(unsigned needs, struct sbuf *sb)
{
	static const struct { unsigned bit; const char *opt; } m[] = {
		{ SEL_BODY, "--body" }, { SEL_ROUND, "--round" }, { SEL_CONSTITUENCY, "--constituency" },
		{ SEL_CONFERENCE, "--conference" }, { SEL_UNIT, "--unit" },
	};

	for (size_t i = 0; i < sizeof(m) / sizeof(m[0]); i++)
		if (needs & m[i].bit)
			sbuf_addf(sb, "%s%s", sb->len ? " " : "", m[i].opt);
	return sb->buf;
}

static void list_forms(const struct template *v, int n)
{
	for (int i = 0; i < n; i++) {
		const struct dataset_def *def = dataset_find(v[i].dataset);
		struct sbuf s = SBUF_INIT;
		if (def)
			sel_names(def->needs & ~(unsigned)(def->needs & SEL_CONFERENCE ? SEL_BODY : 0), &s);
		const char *code = v[i].code + (strncmp(v[i].code, "Mẫu số ", strlen("Mẫu số ")) ? 0 : strlen("Mẫu số "));

		/* padded by characters, not bytes: "Đ" is two bytes and one column */
		printf("%-16s ", v[i].id);
		text_fput_padded(stdout, code, 24);
		printf(" %s%s%s%s\n", v[i].title, s.len ? " [" : "", s.buf, s.len ? "]" : "");
		sbuf_release(&s);
	}
}

/* ",a,b," of a template's list, for instr() in SQL; NULL when empty. */
static char *comma_list(char **v, int n)
{
	struct sbuf s = SBUF_INIT;

	if (!n)
		return NULL;
	sbuf_addch(&s, ',');
	for (int i = 0; i < n; i++)
		sbuf_addf(&s, "%s,", v[i]);
	return sbuf_detach(&s, NULL);
}

/*
 * Under each form made from one meeting, the meetings of the book it is
 * for (its `meeting:` kinds, modes and voting methods, its body kind): what
 * `export all` writes it for.
 */
static void list_meetings(sqlite3 *db, const struct template *t)
{
	sqlite3_stmt *st = db_prepare(db,
		"SELECT c.id, substr(c.held_on, 9, 2) || '/' || substr(c.held_on, 6, 2) || '/' || substr(c.held_on, 1, 4), "
		"coalesce(u.name, c.locality, c.place, '') FROM conference c JOIN body b ON b.id = c.body_id "
		"LEFT JOIN unit u ON u.id = c.unit_id WHERE (?1 IS NULL OR b.kind = ?1) "
		"AND instr(?2, ',' || c.kind || ',') > 0 AND (?3 IS NULL OR instr(?3, ',' || c.mode || ',') > 0) "
		"AND (?4 IS NULL OR instr(?4, ',' || coalesce(c.vote_method, 'none') || ',') > 0) ORDER BY c.held_on, c.id");
	char *kinds = comma_list(t->meet_kind, t->nmeet_kind), *modes = comma_list(t->meet_mode, t->nmeet_mode);
	char *votes = comma_list(t->meet_vote, t->nmeet_vote);
	int n = 0;

	if (!st)
		goto out;
	db_bind_text_or_null(st, 1, t->body_kind);
	db_bind_text(st, 2, kinds);
	db_bind_text_or_null(st, 3, modes);
	db_bind_text_or_null(st, 4, votes);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *where = db_col_text(st, 2);
		printf("%s số %lld ngày %s%s%s", n ? ";" : "                 hội nghị trong sổ:", (long long)sqlite3_column_int64(st, 0),
		       db_col_text(st, 1), *where ? ", " : "", where);
		n++;
	}
	printf("%s\n", n ? "" : "                 chưa có hội nghị nào trong sổ");
out:
	sqlite3_finalize(st);
	free(kinds);
	free(modes);
	free(votes);
}

static time_t book_created(sqlite3 *db)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT created_at FROM book WHERE id = 1");
	struct tm tm;
	time_t t = 0;

	if (!st)
		return 0;
	if (sqlite3_step(st) == SQLITE_ROW) {
		const char *s = db_col_text(st, 0);
		memset(&tm, 0, sizeof(tm));
		if (sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour, &tm.tm_min,
			   &tm.tm_sec) == 6) {
			tm.tm_year -= 1900;
			tm.tm_mon -= 1;
			t = timegm(&tm);
		}
	}
	sqlite3_finalize(st);
	/* 0 would make libxlsxwriter use the current time. */
	return t > 0 ? t : 1;
}

static const char *lookup_ds(void *arg, const char *name)
{
	return dataset_scalar(arg, name);
}

/*
 * A template's `select` condition ("conference_kind=workplace,residence")
 * in words: "hội nghị cử tri nơi công tác hoặc hội nghị cử tri nơi cư trú".
 */
static void select_words(const char *cond, struct sbuf *out)
{
	static const struct { const char *name, *field, *phrase; } names[] = {
		{ "conference_kind", "kind", "" },
		{ "vote_method", "vote_method", "hội nghị biểu quyết bằng " },
		{ "conference_mode", "mode", "hội nghị tổ chức theo hình thức " },
		{ "round", NULL, "hội nghị hiệp thương lần " },
	};
	const char *eq = strchr(cond, '=');
	size_t i;

	for (i = 0; eq && i < sizeof(names) / sizeof(names[0]); i++)
		if (strlen(names[i].name) == (size_t)(eq - cond) && !strncmp(names[i].name, cond, (size_t)(eq - cond)))
			break;
	if (!eq || i == sizeof(names) / sizeof(names[0])) {
		sbuf_addf(out, "điều kiện '%s'", cond);
		return;
	}
	for (const char *p = eq + 1; *p;) {
		const char *comma = strchr(p, ',');
		size_t len = comma ? (size_t)(comma - p) : strlen(p);
		char code[64];
		const char *w;

		snprintf(code, sizeof(code), "%.*s", (int)len, p);
		/* the kind of meeting inside a sentence: lower case */
		w = !names[i].field ? NULL : !strcmp(names[i].field, "kind") ? conf_kind_phrase(code)
			: vocab_label(names[i].field, code);
		sbuf_addf(out, "%s%s", p != eq + 1 ? " hoặc " : names[i].phrase, w ? w : code);
		p += len + (comma != NULL);
	}
}

/* The form's `select` conditions, on the loaded dataset. */
static const char *failed_select(const struct template *t, const struct dataset *ds)
{
	for (int i = 0; i < t->nselect; i++)
		if (!template_cond(t->select[i], lookup_ds, (void *)ds))
			return t->select[i];
	return NULL;
}

/* The dataset's numbers from the book's pack (the quorums, the trust
 * threshold, the share targets of the body's kind). */
static int render_params(struct export_run *x, long long body, struct ds_params *params)
{
	struct rule_pack pack;
	char kind[8] = "";
	sqlite3_stmt *st;

	if (validate_load_pack(x->db, &pack) < 0)
		return -1;
	st = db_prepare(x->db, "SELECT kind FROM body WHERE id = ?");
	if (st) {
		db_bind_int(st, 1, body);
		if (sqlite3_step(st) == SQLITE_ROW)
			snprintf(kind, sizeof(kind), "%s", db_col_text(st, 0));
		sqlite3_finalize(st);
	}
	dataset_pack_params(&pack, kind, params);
	rules_release(&pack);
	return 0;
}

/* The gate running beside the writing of one form (xlsx_opts.gate). */
struct beside {
	struct gate_job *job;
	struct xlsx_opts *o;
	int draft;
};

static int beside_gate(void *arg, int wait)
{
	struct beside *b = arg;

	if (!wait && !export_gate_done(b->job))
		return 0;
	if (export_gate_wait(b->job) < 0)
		return -1;
	if (b->job->result.nerrors && !b->draft)
		return 1;
	b->o->warnings = b->job->result.warnings;
	b->o->nwarnings = b->job->result.nwarnings;
	return 0;
}

/* The stage a final export of the form locks, or NULL. */
static const char *lock_stage(const struct export_run *x, const struct template *t, long long round)
{
	return x->draft || !t->locks ? NULL : export_gate_stage(t->gate, round);
}

/* 1 when the list a locking form carries (its table "candidates") has
 * nobody on it: such a list is never final. */
static int list_empty(struct dataset *ds)
{
	struct ds_table *t = dataset_table(ds, "candidates");
	struct ds_cursor c;
	int r;

	if (!t || ds_open(ds, t, 0, &c) < 0)
		return 0;
	r = ds_next(&c);
	ds_close(&c);
	return r == 0;
}

/*
 * Write one form to `path` (a temporary file; `shown` is the name the
 * user gave, for messages).  The gate's verdict is `g` (checked before)
 * or the job running beside (`job`; then the file is written only if the
 * gate lets it pass).  Returns 0 when written, 1 when the gate abandoned
 * it, 2 when the template's `select` or `meeting` refuses these selectors
 * (*bad: why, malloc'd; nothing reported), 3 when a final list would have
 * nobody on it (nothing reported), -1 after reporting.
 */
static int render_one(struct export_run *x, const struct template *t, const struct selectors *sel,
		      const struct ds_params *params, const char *path, const char *shown,
		      const struct gate_result *g, struct gate_job *job, char **bad)
{
	const struct dataset_def *def = dataset_find(t->dataset);
	struct dataset ds;
	struct xlsx_opts o;
	struct beside b;
	int rc = -1;

	memset(&ds, 0, sizeof(ds));
	if (dataset_load(x->db, def, sel, params, &ds) < 0)
		goto out;
	if (failed_select(t, &ds)) {
		struct sbuf why = SBUF_INIT;
		sbuf_addstr(&why, "mẫu chỉ dành cho ");
		select_words(failed_select(t, &ds), &why);
		*bad = sbuf_detach(&why, NULL);
		rc = 2;
		goto out;
	}
	/* a form that does not belong to the meeting is refused */
	if (!template_meeting_ok(t, lookup_ds, &ds, bad)) {
		rc = 2;
		goto out;
	}
	if (lock_stage(x, t, sel->round) && list_empty(&ds)) {
		rc = 3;
		goto out;
	}
	memset(&o, 0, sizeof(o));
	o.draft = x->draft;
	o.created = x->created;
	o.author = x->author;
	o.shown = shown;
	if (g) {
		o.warnings = g->warnings;
		o.nwarnings = g->nwarnings;
	}
	if (job) {
		b.job = job;
		b.o = &o;
		b.draft = x->draft;
		o.gate = beside_gate;
		o.gate_arg = &b;
	}
	rc = xlsx_render(path, t, &ds, &o);
out:
	dataset_release(&ds);
	return rc;
}

/* Two gate stages are the same list (NULL: the whole body). */
static int same_stage(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

/* Print the gate's errors when they block the export: 1, else 0.  An
 * error the gate of another list of the body found already (a finding on
 * the whole body) is printed once. */
static int gate_blocks(struct export_run *x, const struct gate_result *g)
{
	if (!g->nerrors || x->draft)
		return 0;
	for (int i = 0; i < g->nerrors; i++) {
		struct sbuf line = SBUF_INIT;

		sbuf_addf(&line, "\n%s\n", g->errors[i]);
		if (!x->shown.len)
			sbuf_addch(&x->shown, '\n');
		if (!strstr(x->shown.buf, line.buf)) {
			rule_error("%s", g->errors[i]);
			sbuf_addstr(&x->shown, line.buf + 1);
		}
		sbuf_release(&line);
	}
	return 1;
}

/* Gate for what a form of one body carries; prints the errors.
 * 1 = blocked, 0 = pass, -1 = failure. */
static int gate(struct export_run *x, long long body, const char *stage, struct gate_result *g)
{
	if (export_gate(x->db, body, stage, g) < 0)
		return -1;
	return gate_blocks(x, g);
}

/* 1 when a final export of the form for this body would add a lock. */
static int adds_lock(struct export_run *x, const struct template *t, long long body, long long round)
{
	const char *stage = lock_stage(x, t, round);
	struct stage_lock l;

	return stage && lock_get(x->db, body, stage, &l) == 0;
}

/*
 * Begin the transaction that records locks; the book must be as the
 * audit trail left it, as for any writing command.  Not the dispatcher's
 * transaction (issue 13 §4): only a final export that adds a lock writes,
 * and whether it does is known only once the forms are chosen (a draft
 * or an export of an unlocked form must not take the book's write lock
 * or add an audit entry); and the order that makes an interruption safe
 * (render to temporary files, commit the locks, then rename: t4500)
 * needs the commit between the rendering and the renames, where the
 * dispatcher commits only after the command has returned.
 */
static int begin_locking(struct export_run *x)
{
	if (db_begin(x->db) < 0)
		return -1;
	if (audit_check_untouched(x->db, x->ctx->db_path) < 0) {
		db_rollback(x->db);
		note("không xuất bản chính thức; vẫn có thể xuất bản nháp bằng --draft");
		return -1;
	}
	x->writing = 1;
	return 0;
}

/* Lock the form's stage after writing `path`; 0 or -1. */
static int record_lock(struct export_run *x, const struct template *t, long long body, long long round, const char *path)
{
	const char *stage = lock_stage(x, t, round);
	sqlite3_stmt *st;
	char code[64] = "?";
	int r;

	if (!stage || !x->writing)
		return 0;
	r = lock_add(x->db, body, stage, t->code, path);
	if (r <= 0)
		return r;
	st = db_prepare(x->db, "SELECT code FROM body WHERE id = ?");
	if (st) {
		db_bind_int(st, 1, body);
		if (sqlite3_step(st) == SQLITE_ROW)
			snprintf(code, sizeof(code), "%s", db_col_text(st, 0));
		sqlite3_finalize(st);
	}
	ctx_subject(x->ctx, "body", body);
	ctx_change(x->ctx, "khóa %s của '%s': xuất bản chính thức %s vào '%s'", stage_label(stage), code, t->code,
		   path);
	sbuf_addf(&x->said, "đã khóa %s: từ nay chỉ sửa được bằng đính chính (--correct \"LÝ DO\")\n",
		  stage_label(stage));
	return 0;
}

/* End the locking transaction: commit when ok, else roll back. */
static int end_locking(struct export_run *x, int ok)
{
	if (!x->writing)
		return ok ? 0 : -1;
	x->writing = 0;
	if (ok && audit_record(x->ctx) == 0 && db_commit(x->db) == 0)
		return 0;
	db_rollback(x->db);
	audit_reset();
	return -1;
}

/* Body id of a code, or of the only body of the template's kind. */
static int resolve_body(sqlite3 *db, const struct template *t, const char *code, long long *id)
{
	sqlite3_stmt *st;
	int n = 0;

	if (code) {
		*id = db_query_int(db, 0, "SELECT id FROM body WHERE code = ?", code, (const char *)NULL);
		if (!*id)
			return error("không có cơ quan '%s' trong sổ", code);
		if (t->body_kind && !db_query_int(db, 0, "SELECT count(*) FROM body WHERE code = ? AND kind = ?", code,
						  t->body_kind, (const char *)NULL))
			return error("mẫu '%s' dành cho %s, không dùng cho cơ quan '%s'", t->id,
				     !strcmp(t->body_kind, "na") ? "Quốc hội" : "Hội đồng nhân dân", code);
		return 0;
	}
	st = db_prepare(db, "SELECT id FROM body WHERE ? IS NULL OR kind = ? ORDER BY id");
	if (!st)
		return -1;
	db_bind_text(st, 1, t->body_kind);
	db_bind_text(st, 2, t->body_kind);
	while (sqlite3_step(st) == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		n++;
	}
	sqlite3_finalize(st);
	if (n == 1)
		return 0;
	if (n == 0)
		return error("sổ không có cơ quan nào dùng mẫu '%s'", t->id);
	return error("sổ có %d cơ quan dùng mẫu '%s': chọn một bằng --body MÃ", n, t->id);
}

static int resolve(struct export_run *x, const struct template *t, const struct opts *op, struct selectors *sel)
{
	const struct dataset_def *def = dataset_find(t->dataset);
	unsigned needs = def->needs, uses = def->needs | def->may;
	char numbuf[24];

	memset(sel, 0, sizeof(*sel));
	if (op->conference) {
		if (!(uses & SEL_CONFERENCE))
			return error("mẫu '%s' không dùng --conference", t->id);
		sel->conference = op->conference;
		snprintf(numbuf, sizeof(numbuf), "%ld", op->conference);
		sel->body = db_query_int(x->db, 0, "SELECT body_id FROM conference WHERE id = ?", numbuf,
					 (const char *)NULL);
		if (!sel->body)
			return error("không có hội nghị số %ld trong sổ", op->conference);
		snprintf(numbuf, sizeof(numbuf), "%lld", sel->body);
		if (t->body_kind && !db_query_int(x->db, 0, "SELECT count(*) FROM body WHERE id = ? AND kind = ?",
						  numbuf, t->body_kind, (const char *)NULL))
			return error("hội nghị số %ld không thuộc cơ quan dùng mẫu '%s'", op->conference, t->id);
	} else if (needs & SEL_CONFERENCE) {
		return error("mẫu '%s' cần --conference ID (số của hội nghị)", t->id);
	} else if (resolve_body(x->db, t, op->body, &sel->body) < 0) {
		return -1;
	}
	if (op->round) {
		if (!(uses & SEL_ROUND))
			return error("mẫu '%s' không dùng --round", t->id);
		if (op->round < 1 || op->round > 3)
			return error("--round phải là 1, 2 hoặc 3, không phải %ld", op->round);
		sel->round = op->round;
	} else if (needs & SEL_ROUND) {
		return error("mẫu '%s' cần --round N (lần hiệp thương 1, 2 hoặc 3)", t->id);
	}
	snprintf(numbuf, sizeof(numbuf), "%lld", sel->body);
	if (op->constituency) {
		if (!(uses & SEL_CONSTITUENCY))
			return error("mẫu '%s' không dùng --constituency", t->id);
		sel->constituency = db_query_int(x->db, 0, "SELECT id FROM constituency WHERE body_id = ? AND number = ?",
						 numbuf, op->constituency, (const char *)NULL);
		if (!sel->constituency)
			return error("cơ quan không có đơn vị bầu cử số '%s'", op->constituency);
	} else if (needs & SEL_CONSTITUENCY) {
		return error("mẫu '%s' cần --constituency SỐ (đơn vị bầu cử)", t->id);
	}
	if (op->unit) {
		if (!(uses & SEL_UNIT))
			return error("mẫu '%s' không dùng --unit", t->id);
		sel->unit = db_query_int(x->db, 0, "SELECT id FROM unit WHERE body_id = ? AND code = ?", numbuf,
					 op->unit, (const char *)NULL);
		if (!sel->unit)
			return error("cơ quan không có đơn vị giới thiệu '%s'", op->unit);
	} else if (needs & SEL_UNIT) {
		return error("mẫu '%s' cần --unit MÃ (cơ quan, tổ chức, đơn vị giới thiệu)", t->id);
	}
	return 0;
}

/*
 * A final form comes only from a book that is as its audit trail left it:
 * an export that adds a lock checks it as a writing command does (in the
 * locking transaction), any other final export checks it here.  Drafts
 * may be made from any book; they say they are drafts.
 */
static int check_final(struct export_run *x)
{
	struct sbuf why = SBUF_INIT;

	if (x->draft || x->writing)
		return 0;
	if (audit_check_clean(x->db, x->ctx->db_path, &why) < 0) {
		error("không xuất bản chính thức: %s; hoặc xuất bản nháp bằng --draft", why.len ? why.buf : "?");
		sbuf_release(&why);
		return -1;
	}
	sbuf_release(&why);
	return 0;
}

/*
 * After every form is written to its temporary file: commit the locks
 * (with their audit entry), then give the files their names, then say
 * so.  Ctrl-C and kill wait meanwhile, and a lock is committed before any
 * final file appears, so an interruption can leave a lock without its
 * file (export again), never a final file without its lock.
 */
static int put_in_place(struct export_run *x, char **tmps, char **paths, int n)
{
	sigset_t set, old;
	int rc = 0;

	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGHUP);
	sigaddset(&set, SIGQUIT);
	sigprocmask(SIG_BLOCK, &set, &old);
	if (end_locking(x, 1) < 0) {
		error("không ghi được khóa danh sách vào sổ; không xuất bản chính thức nào");
		rc = -1;
	}
	for (int i = 0; i < n; i++) {
		if (!tmps[i])
			continue;
		if (rc < 0) {
			out_temp_discard(tmps[i]);
		} else if (!paths[i]) {	/* -o -: the form goes to standard output */
			rc = out_copy_to_stdout(tmps[i]);
			out_temp_discard(tmps[i]);
		} else if (out_put_in_place(tmps[i], paths[i]) < 0) {
			rc = -1;
		}
		tmps[i] = NULL;
	}
	if (rc == 0) {
		fputs(x->said.buf ? x->said.buf : "", paths[0] ? stdout : stderr);
		fflush(paths[0] ? stdout : stderr);
	}
	sigprocmask(SIG_SETMASK, &old, NULL);
	return rc;
}

/* A temporary file for `-o -`: in $TMPDIR, private. */
static char *stdout_temp(void)
{
	const char *dir = getenv("TMPDIR");
	struct sbuf s = SBUF_INIT;
	char *t;

	sbuf_addf(&s, "%s/hiepthuong-export.xlsx", dir && *dir ? dir : "/tmp");
	t = out_temp_beside(s.buf);
	sbuf_release(&s);
	return t;
}

static int export_one(struct export_run *x, const char *form, const struct opts *op)
{
	const struct template *t = NULL;
	struct selectors sel;
	struct ds_params params;
	struct gate_job job;
	char *bad = NULL;
	int to_stdout, rc, grc;
	char *tmp = NULL, *path;

	for (int i = 0; i < x->ntpl; i++)
		if (!strcmp(x->tpl[i].id, form))
			t = &x->tpl[i];
	if (!t) {
		usage_error("không có mẫu '%s'; xem 'hiepthuong export --list'", form);
		return -1;
	}
	if (!op->out) {
		usage_error("cần -o TỆP.xlsx (hoặc -o - để ghi ra đầu ra chuẩn)");
		return -1;
	}
	to_stdout = !strcmp(op->out, "-");
	if (to_stdout && isatty(1)) {
		usage_error("-o -: không ghi tệp .xlsx ra màn hình; hãy chuyển đầu ra vào tệp hoặc chương trình khác");
		return -1;
	}
	if (!to_stdout && out_may_write(op->out, OUT_FORM, op->force, x->ctx->db_path) < 0)
		return -1;
	if (resolve(x, t, op, &sel) < 0)
		return diag_relabel(ERR_USAGE);
	if (adds_lock(x, t, sel.body, sel.round) && begin_locking(x) < 0)
		return -1;
	if (check_final(x) < 0)
		return -1;
	/* The pack is read before the gate starts: the rule engine is the
	 * gate's while it runs (export_gate.h). */
	if (render_params(x, sel.body, &params) < 0) {
		end_locking(x, 0);
		return -1;
	}
	tmp = to_stdout ? stdout_temp() : out_temp_beside(op->out);
	if (!tmp) {
		end_locking(x, 0);
		return -1;
	}
	/* The gate checks the book beside the writing; the file is put in
	 * place only if it passes, and its errors come first. */
	export_gate_start(&job, x->ctx->db_path, sel.body, export_gate_stage(t->gate, sel.round));
	rc = render_one(x, t, &sel, &params, tmp, to_stdout ? "-" : op->out, NULL, &job, &bad);
	grc = export_gate_wait(&job);
	if (grc < 0 || gate_blocks(x, &job.result)) {
		int nerrors = job.result.nerrors;

		end_locking(x, 0);
		export_gate_release(&job);
		free(bad);
		out_temp_discard(tmp);
		if (grc < 0)
			return -1;
		rule_error("không xuất '%s': sổ còn %d lỗi (xem ở trên); sửa các lỗi, hoặc dùng --draft để xuất bản nháp",
			   t->id, nerrors);
		return -1;
	}
	export_gate_release(&job);
	if (rc == 2)
		error("mẫu '%s' không dùng được cho lựa chọn này: %s", t->id, bad);
	free(bad);
	if (rc == 3)
		rule_error("không xuất '%s' bản chính thức: danh sách chưa có ai (chưa có quyết định nào đưa người vào "
			   "danh sách này); bản chính thức sẽ khóa danh sách, nên không khóa một danh sách trống. "
			   "Dùng --draft để xem mẫu", t->id);
	if (rc != 0) {
		end_locking(x, 0);
		out_temp_discard(tmp);
		return -1;
	}
	if (!to_stdout)
		sbuf_addf(&x->said, "đã ghi '%s' (%s)\n", op->out, t->code);
	if (record_lock(x, t, sel.body, sel.round, op->out) < 0) {
		end_locking(x, 0);
		out_temp_discard(tmp);
		return -1;
	}
	path = to_stdout ? NULL : (char *)op->out;
	return put_in_place(x, &tmp, &path, 1) < 0 ? -1 : 0;
}

/* A file name from the template's pattern: letters, digits, . _ - only. */
static char *file_name(const struct template *t, const struct selectors *sel, sqlite3 *db)
{
	const struct dataset_def *def = dataset_find(t->dataset);
	struct dataset ds;
	struct sbuf s = SBUF_INIT, out = SBUF_INIT;
	char err[160];

	memset(&ds, 0, sizeof(ds));
	if (dataset_load(db, def, sel, NULL, &ds) < 0 ||
	    fill_text(t->file, lookup_ds, &ds, &s, err, sizeof(err)) < 0) {
		dataset_release(&ds);
		sbuf_release(&s);
		return NULL;
	}
	dataset_release(&ds);
	for (size_t i = 0; i < s.len; i++) {
		char c = s.buf[i];
		int ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
			 c == '_' || c == '-';
		sbuf_addch(&out, ok ? c : '_');
	}
	sbuf_addstr(&out, ".xlsx");
	sbuf_release(&s);
	return sbuf_detach(&out, NULL);
}

struct job {
	const struct template *t;
	struct selectors sel;
	char *name;
};

static int body_ok(sqlite3 *db, const struct template *t, long long body)
{
	char id[24];

	if (!t->body_kind)
		return 1;
	snprintf(id, sizeof(id), "%lld", body);
	return db_query_int(db, 0, "SELECT count(*) FROM body WHERE id = ? AND kind = ?", id, t->body_kind,
			    (const char *)NULL) > 0;
}

static int export_all(struct export_run *x, const struct opts *op)
{
	struct job *jobs = NULL;
	int njobs = 0, rc = 0, written = 0, blocked = 0;
	long long *bodies = NULL;
	const char **stages = NULL;	/* borrowed from templates or static */
	struct gate_result *gates = NULL;
	char **tmps = NULL, **paths = NULL;
	int nbodies = 0;
	struct stat st;

	if (!op->out) {
		usage_error("cần -o THƯ_MỤC");
		return -1;
	}
	if (!strcmp(op->out, "-")) {
		usage_error("export all ghi nhiều tệp: -o phải là một thư mục, không phải '-'");
		return -1;
	}
	if (lstat(op->out, &st) == 0 && !S_ISDIR(st.st_mode) &&
	    !(S_ISLNK(st.st_mode) && stat(op->out, &st) == 0 && S_ISDIR(st.st_mode))) {
		usage_error("'%s' không phải thư mục", op->out);
		return -1;
	}
	for (int i = 0; i < x->ntpl; i++) {
		const struct template *t = &x->tpl[i];
		const struct dataset_def *def = dataset_find(t->dataset);
		struct selectors *inst;
		int ninst;

		if (dataset_instances(x->db, def, &inst, &ninst) < 0) {
			rc = -1;
			goto out;
		}
		for (int k = 0; k < ninst; k++) {
			if (!body_ok(x->db, t, inst[k].body))
				continue;
			jobs = xrealloc(jobs, sizeof(*jobs) * (size_t)(njobs + 1));
			jobs[njobs].t = t;
			jobs[njobs].sel = inst[k];
			jobs[njobs].name = NULL;
			njobs++;
		}
		free(inst);
	}
	tmps = xcalloc((size_t)njobs + 1, sizeof(*tmps));
	paths = xcalloc((size_t)njobs + 1, sizeof(*paths));
	/* Every file's name is known and allowed before anything is done. */
	for (int i = 0; i < njobs; i++) {
		struct sbuf path = SBUF_INIT;

		jobs[i].name = file_name(jobs[i].t, &jobs[i].sel, x->db);
		if (!jobs[i].name) {
			rc = -1;
			goto out;
		}
		sbuf_addf(&path, "%s/%s", op->out, jobs[i].name);
		paths[i] = sbuf_detach(&path, NULL);
		if (out_may_write(paths[i], OUT_FORM, op->force, x->ctx->db_path) < 0) {
			rc = -1;
			goto out;
		}
	}
	/* A final export that locks a list records it in one transaction,
	 * begun before the gate reads the book. */
	for (int i = 0; i < njobs && !x->writing; i++)
		if (adds_lock(x, jobs[i].t, jobs[i].sel.body, jobs[i].sel.round) && begin_locking(x) < 0) {
			rc = -1;
			goto out;
		}
	if (check_final(x) < 0) {
		rc = -1;
		goto out;
	}
	/* The gate, once per body and list, before anything is written. */
	for (int i = 0; i < njobs; i++) {
		const char *stage = export_gate_stage(jobs[i].t->gate, jobs[i].sel.round);
		int seen = 0, g;
		for (int k = 0; k < nbodies; k++)
			seen |= bodies[k] == jobs[i].sel.body && same_stage(stages[k], stage);
		if (seen)
			continue;
		bodies = xrealloc(bodies, sizeof(*bodies) * (size_t)(nbodies + 1));
		stages = xrealloc(stages, sizeof(*stages) * (size_t)(nbodies + 1));
		gates = xrealloc(gates, sizeof(*gates) * (size_t)(nbodies + 1));
		bodies[nbodies] = jobs[i].sel.body;
		stages[nbodies] = stage;
		g = gate(x, jobs[i].sel.body, stage, &gates[nbodies]);
		nbodies++;
		if (g < 0) {
			rc = -1;
			goto out;
		}
		if (g > 0)
			blocked = 1;
	}
	if (blocked) {
		rc = rule_error("không xuất: sổ còn lỗi (xem ở trên); sửa các lỗi, hoặc dùng --draft để xuất bản nháp");
		goto out;
	}
	if (mkdir(op->out, 0700) < 0 && stat(op->out, &st) < 0) {
		error("không tạo được thư mục '%s': %s", op->out, sys_msg(errno));
		rc = -1;
		goto out;
	}
	for (int i = 0; i < njobs; i++) {
		const struct gate_result *g = NULL;
		struct ds_params params;
		char *bad = NULL;
		int r;

		for (int k = 0; k < nbodies; k++)
			if (bodies[k] == jobs[i].sel.body &&
			    same_stage(stages[k], export_gate_stage(jobs[i].t->gate, jobs[i].sel.round)))
				g = &gates[k];
		progress("xuất biểu mẫu", i, njobs);
		tmps[i] = out_temp_beside(paths[i]);
		if (!tmps[i])
			r = -1;
		else if (render_params(x, jobs[i].sel.body, &params) < 0)
			r = -1;
		else
			r = render_one(x, jobs[i].t, &jobs[i].sel, &params, tmps[i], paths[i], g, NULL, &bad);
		free(bad);
		if (r == 2 || r == 3) {
			/* the template's select or meeting: not this one; or a
			 * list with nobody on it yet, which is not exported as final */
			if (r == 3)
				sbuf_addf(&x->said, "bỏ qua '%s' (%s): danh sách chưa có ai\n", paths[i],
					  jobs[i].t->code);
			r = 1;
		}
		if (r == 0) {
			sbuf_addf(&x->said, "đã ghi '%s' (%s)\n", paths[i], jobs[i].t->code);
			written++;
			if (record_lock(x, jobs[i].t, jobs[i].sel.body, jobs[i].sel.round, paths[i]) < 0)
				r = -1;
		} else if (tmps[i]) {
			out_temp_discard(tmps[i]);
			tmps[i] = NULL;
		}
		if (r < 0) {
			rc = -1;
			goto out;
		}
	}
	progress("xuất biểu mẫu", njobs, njobs);
	sbuf_addf(&x->said, "%d tệp trong '%s'\n", written, op->out);
	if (put_in_place(x, tmps, paths, njobs) < 0)
		rc = -1;
out:
	end_locking(x, 0);
	for (int i = 0; i < njobs; i++) {
		if (tmps)
			out_temp_discard(tmps[i]);
		if (paths)
			free(paths[i]);
		free(jobs[i].name);
	}
	free(tmps);
	free(paths);
	free(jobs);
	for (int k = 0; k < nbodies; k++)
		gate_result_release(&gates[k]);
	free(gates);
	free(bodies);
	free(stages);
	return rc;
}

int cmd_export(struct ctx *ctx, int argc, char **argv)
{
	struct opts op;
	struct opt opts[] = {
		OPT_PATH('o', "output", &op.out, "TỆP", "tệp .xlsx cần ghi (với 'all': thư mục)"),
		OPT_STRING(0, "body", &op.body, "MÃ", "cơ quan (mã trong cấu hình, ví dụ qh, hdnd-tinh)"),
		OPT_INT(0, "round", &op.round, "N", "lần hiệp thương: 1, 2 hoặc 3"),
		OPT_STRING(0, "constituency", &op.constituency, "SỐ", "đơn vị bầu cử số"),
		OPT_INT(0, "conference", &op.conference, "ID", "hội nghị cử tri (số của hội nghị trong sổ)"),
		OPT_STRING(0, "unit", &op.unit, "MÃ", "cơ quan, tổ chức, đơn vị giới thiệu"),
		OPT_BOOL(0, "draft", &op.draft, "xuất bản nháp dù sổ còn lỗi (ghi 'BẢN NHÁP' trên mọi trang)"),
		OPT_PATH(0, "templates", &op.templates, "THƯ_MỤC", "thư mục mẫu biểu (mặc định: templates/)"),
		OPT_BOOL(0, "force", &op.force, "ghi đè cả tệp đã có không phải biểu mẫu do hiepthuong xuất"),
		OPT_BOOL(0, "list", &op.list, "liệt kê các mẫu (không cần sổ; có sổ: các hội nghị mỗi mẫu dùng cho)"),
		OPT_END()
	};
	struct export_run x;
	int rc;

	memset(&op, 0, sizeof(op));
	memset(&x, 0, sizeof(x));
	argc = opt_parse(ctx, argc, argv, opts, usage, &rc);
	if (argc < 0)
		return rc;
	if ((op.list && argc > 0) || (!op.list && argc != 1)) {
		usage_error(argc > 1 ? "lệnh export nhận một mẫu, không phải %d" : "cần tên mẫu, 'all' hoặc --list", argc);
		fprintf(stderr, "cách dùng: %s\n", usage);
		return -1;
	}
	x.ctx = ctx;
	x.draft = op.draft;
	if (template_load_dir(template_dir(op.templates), &x.tpl, &x.ntpl) < 0)
		return -1;
	if (op.list) {
		/* The templates alone: no book needed. */
		struct stat sb;

		rc = check_datasets(x.tpl, x.ntpl) < 0 ? -1 : 0;
		if (rc != 0)
			goto out;
		/* With a book: the meetings each meeting's form is for. */
		if (stat(ctx->db_path, &sb) == 0 && S_ISREG(sb.st_mode) && db_open(ctx->db_path, &ctx->db) < 0) {
			rc = -1;
			goto out;
		}
		for (int i = 0; i < x.ntpl; i++) {
			list_forms(&x.tpl[i], 1);
			if (ctx->db && x.tpl[i].nmeet_kind)
				list_meetings(ctx->db, &x.tpl[i]);
		}
		goto out;
	}
	if (db_open(ctx->db_path, &ctx->db) < 0) {
		rc = -1;
		goto out;
	}
	x.db = ctx->db;
	if (check_templates(ctx->db, x.tpl, x.ntpl) < 0) {
		rc = -1;
		goto out;
	}
	x.created = book_created(ctx->db);
	x.author = NULL;
	{
		sqlite3_stmt *st = db_prepare(ctx->db, "SELECT committee_name FROM election");
		if (st && sqlite3_step(st) == SQLITE_ROW)
			x.author = xstrdup(db_col_text(st, 0));
		sqlite3_finalize(st);
	}
	if (!strcmp(argv[0], "all"))
		rc = export_all(&x, &op);
	else
		rc = export_one(&x, argv[0], &op);
out:
	free(x.author);
	sbuf_release(&x.said);
	sbuf_release(&x.shown);
	template_free_all(x.tpl, x.ntpl);
	return rc;
}
