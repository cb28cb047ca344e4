/*
 * COMMAND: init
 * USAGE:   hiepthuong init --config TỆP [--db SỔ]
 *
 * Creates a book from a term config (config.h): the election, the Front
 * committee, its bodies, constituencies and seats, the deadlines, and a
 * copy of the config files and of the rule pack, so that the book stands
 * alone.  Everything is checked first; a config or pack with any error
 * creates no file at all (exit 3).  The book is built in a temporary file
 * that is moved into place only when complete, with mode 0600.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "audit.h"
#include "cmd.h"
#include "config.h"
#include "db.h"
#include "diag.h"
#include "opt.h"
#include "rules.h"
#include "sbuf.h"
#include "version.h"
#include "text.h"
#include "banned.h"

static const char usage[] = "hiepthuong init --config TỆP [--db SỔ]";

/* Largest rule pack read (bytes). */
#define RULES_MAX_BYTES (4u << 20)

struct ref_check {
	const struct term_config *cfg;
	const struct rule_pack *pack;
	int nerr;
};

static void check_deadline_ref(const char *key, const struct rule *r, void *arg)
{
	struct ref_check *rc = arg;
	const struct rule_param *p = rule_param(r, "deadline");
	const struct pos *at = &rc->cfg->deadlines_pos;

	if (!p)
		p = rule_param(r, "deadlines");
	if (!config_deadline(rc->cfg, key)) {
		error_at(rc->pack->name, p ? p->line : r->line, p ? p->col : r->col,
			 "quy tắc '%s' dùng thời hạn '%s', nhưng cấu hình không khai báo thời hạn này trong 'deadlines' (%s:%ld)",
			 r->id, key, at->file, at->line);
		rc->nerr++;
	}
}

static int insert_book(sqlite3 *db, const struct term_config *cfg, const struct rule_pack *pack,
		       const char *rules_text)
{
	sqlite3_stmt *st;
	char at[32] = "?", day[16];
	time_t t = time(NULL);
	struct tm tm;
	int rc, zh, zm;
	const char *fixed = getenv("HIEPTHUONG_NOW");

	/* $HIEPTHUONG_NOW (audit_now_text's shape, checked there) pins this
	 * too: the book's creation time is every form's "created" property,
	 * so a demo run twice, or on Linux and on Windows, writes the same
	 * bytes (docs/windows.md). */
	memset(&tm, 0, sizeof(tm));
	if (fixed && audit_time_valid(fixed) &&
	    sscanf(fixed, "%4d-%2d-%2dT%2d:%2d:%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour, &tm.tm_min,
		   &tm.tm_sec) == 6 && sscanf(fixed + 20, "%2d:%2d", &zh, &zm) == 2) {
		tm.tm_year -= 1900;
		tm.tm_mon -= 1;
		t = timegm(&tm) - (fixed[19] == '-' ? -1 : 1) * (zh * 3600 + zm * 60);
	}
	if (gmtime_r(&t, &tm))
		strftime(at, sizeof(at), "%Y-%m-%dT%H:%M:%SZ", &tm);
	st = db_prepare(db, "INSERT INTO book(id, created_at, tool_version, config_path, config_text, term_path, "
			    "term_text, rules_path, rules_text, name_key_version) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
	if (!st)
		return -1;
	db_bind_text(st, 1, at);
	db_bind_text(st, 2, HIEPTHUONG_VERSION);
	db_bind_text(st, 3, cfg->path);
	db_bind_text(st, 4, cfg->text);
	db_bind_text(st, 5, cfg->base_path);
	db_bind_text(st, 6, cfg->base_text);
	db_bind_text(st, 7, cfg->rules_path);
	db_bind_text(st, 8, rules_text);
	db_bind_text(st, 9, text_loose_key_version());
	rc = db_step_done(db, st, "ghi sổ");
	sqlite3_finalize(st);
	if (rc < 0)
		return -1;

	st = db_prepare(db, "INSERT INTO election(id, title, term, na_khoa, election_day, pack_id, committee_level, "
			    "committee_name, committee_place) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)");
	if (!st)
		return -1;
	date_iso(cfg->day, day, sizeof(day));
	db_bind_text(st, 1, cfg->title);
	db_bind_text(st, 2, cfg->term);
	db_bind_text(st, 3, cfg->na_khoa);
	db_bind_text(st, 4, day);
	db_bind_text(st, 5, pack->id);
	db_bind_text(st, 6, cfg->committee_level);
	db_bind_text(st, 7, cfg->committee_name);
	db_bind_text(st, 8, cfg->committee_place);
	rc = db_step_done(db, st, "ghi cuộc bầu cử");
	sqlite3_finalize(st);
	return rc;
}

static int insert_deadlines(sqlite3 *db, const struct term_config *cfg)
{
	sqlite3_stmt *st = db_prepare(db, "INSERT INTO deadline(key, days, label, citation, applies_na, applies_hdnd, "
					  "window_from, window_to) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
	int rc = 0;

	if (!st)
		return -1;
	for (int i = 0; i < cfg->ndeadlines && rc == 0; i++) {
		const struct deadline_def *d = &cfg->deadlines[i];
		int na = d->napplies == 0, hdnd = d->napplies == 0;
		char from[16], to[16];

		for (int j = 0; j < d->napplies; j++) {
			na |= !strcmp(d->applies_to[j], "na");
			hdnd |= !strcmp(d->applies_to[j], "hdnd");
		}
		date_iso(d->from, from, sizeof(from));
		date_iso(d->to, to, sizeof(to));
		db_bind_text(st, 1, d->key);
		db_bind_int(st, 2, d->days);
		db_bind_text(st, 3, d->label);
		db_bind_text(st, 4, d->citation);
		db_bind_int(st, 5, na);
		db_bind_int(st, 6, hdnd);
		db_bind_text(st, 7, d->has_window ? from : NULL);
		db_bind_text(st, 8, d->has_window ? to : NULL);
		rc = db_step_done(db, st, "ghi thời hạn");
	}
	sqlite3_finalize(st);
	return rc;
}

static int insert_bodies(sqlite3 *db, const struct term_config *cfg, long *nseats, long *ncons)
{
	sqlite3_stmt *b = db_prepare(db, "INSERT INTO body(code, kind, type_name, name, khoa, seats) VALUES (?, ?, ?, ?, ?, ?)");
	sqlite3_stmt *k = db_prepare(db, "INSERT INTO constituency(body_id, number, seats) VALUES (?, ?, ?)");
	sqlite3_stmt *a = db_prepare(db, "INSERT INTO constituency_area(constituency_id, seq, name) VALUES (?, ?, ?)");
	int rc = (b && k && a) ? 0 : -1;

	for (int i = 0; i < cfg->nbodies && rc == 0; i++) {
		const struct body_def *bd = &cfg->bodies[i];
		const struct body_type *t = config_body_type(cfg, bd->type);
		sqlite3_int64 body_id;

		db_bind_text(b, 1, bd->type);
		db_bind_text(b, 2, t->kind);
		db_bind_text(b, 3, t->name);
		db_bind_text(b, 4, bd->name);
		db_bind_text(b, 5, bd->khoa);
		db_bind_int(b, 6, bd->seats);
		if ((rc = db_step_done(db, b, "ghi cơ quan")) < 0)
			break;
		body_id = sqlite3_last_insert_rowid(db);
		*nseats += bd->seats;
		for (int j = 0; j < bd->ncons && rc == 0; j++) {
			const struct constituency_def *cd = &bd->cons[j];
			sqlite3_int64 cons_id;

			db_bind_int(k, 1, body_id);
			db_bind_int(k, 2, cd->number);
			db_bind_int(k, 3, cd->seats);
			if ((rc = db_step_done(db, k, "ghi đơn vị bầu cử")) < 0)
				break;
			cons_id = sqlite3_last_insert_rowid(db);
			(*ncons)++;
			for (int m = 0; m < cd->narea && rc == 0; m++) {
				db_bind_int(a, 1, cons_id);
				db_bind_int(a, 2, m + 1);
				db_bind_text(a, 3, cd->area[m]);
				rc = db_step_done(db, a, "ghi địa bàn đơn vị bầu cử");
			}
		}
	}
	sqlite3_finalize(b);
	sqlite3_finalize(k);
	sqlite3_finalize(a);
	return rc;
}

int cmd_init(struct ctx *ctx, int argc, char **argv)
{
	const char *config_path = NULL;
	struct opt opts[] = {
		OPT_PATH(0, "config", &config_path, "TỆP", "tệp cấu hình nhiệm kỳ (YAML), ví dụ samples/province/config.yaml"),
		OPT_END()
	};
	struct term_config cfg;
	struct rule_pack pack;
	struct ref_check refs;
	char *rules_text = NULL, *tmp = NULL;
	size_t rules_len = 0;
	sqlite3 *db = NULL;
	long nseats = 0, ncons = 0;
	int rc = -1;

	memset(&cfg, 0, sizeof(cfg));
	memset(&pack, 0, sizeof(pack));
	argc = opt_parse(ctx, argc, argv, opts, usage, &rc);
	if (argc < 0)
		return rc;
	rc = -1;
	if (argc > 0) {
		usage_error("lệnh init không nhận đối số '%s'", argv[0]);
		opt_usage(usage, opts, 1);
		return -1;
	}
	if (!config_path) {
		usage_error("cần --config TỆP");
		opt_usage(usage, opts, 1);
		return -1;
	}
	if (config_load(config_path, &cfg) < 0)
		goto out;
	rules_text = read_file(cfg.rules_path, RULES_MAX_BYTES, &rules_len);
	if (!rules_text) {
		note("'rules' ở %s:%ld:%ld trỏ tới tệp trên", cfg.rules_pos.file, cfg.rules_pos.line, cfg.rules_pos.col);
		goto out;
	}
	if (rules_load_mem(cfg.rules_path, rules_text, rules_len, &pack) < 0)
		goto out;
	refs.cfg = &cfg;
	refs.pack = &pack;
	refs.nerr = 0;
	rules_each_deadline_ref(&pack, check_deadline_ref, &refs);
	if (refs.nerr)
		goto out;

	/*
	 * Not the dispatcher's transaction (issue 13 §4): there is no book to
	 * open yet.  The new book is built in a temporary file, with its
	 * first audit entry, and only a complete one is renamed to its name
	 * (db_commit_new()), so a failed init leaves no book at all.
	 */
	if (db_create_tmp(ctx->db_path, &db, &tmp) < 0)
		goto out;
	ctx->db = db;
	if (insert_book(db, &cfg, &pack, rules_text) < 0 || insert_deadlines(db, &cfg) < 0 ||
	    insert_bodies(db, &cfg, &nseats, &ncons) < 0) {
		db_abandon_new(db, tmp);
		goto out;
	}
	ctx_change(ctx, "tạo sổ từ '%s' (bộ quy tắc '%s')", cfg.path, pack.id);
	if (audit_record(ctx) < 0) {
		db_abandon_new(db, tmp);
		rc = -1;
		goto out;
	}
	if (db_commit_new(db, tmp, ctx->db_path) < 0)
		goto out;
	printf("đã tạo sổ '%s': %s\n", ctx->db_path, cfg.committee_name);
	printf("  %s, ngày bầu cử %02d/%02d/%04d\n", cfg.title, cfg.day.d, cfg.day.m, cfg.day.y);
	printf("  %d cơ quan, %ld đơn vị bầu cử, %ld ghế; bộ quy tắc %s (%d quy tắc)\n", cfg.nbodies, ncons, nseats,
	       pack.id, pack.nrules);
	rc = 0;
out:
	ctx->db = NULL;
	free(tmp);
	free(rules_text);
	rules_release(&pack);
	config_release(&cfg);
	return rc;
}
