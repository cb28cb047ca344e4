/* voters.c - voter conferences and their consequences; see voters.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "candref.h"
#include "count.h"
#include "db.h"
#include "diag.h"
#include "sbuf.h"
#include "stage.h"
#include "validate.h"
#include "voters.h"
#include "banned.h"

int vresult_parse(const char *s, struct vresult *r)
{
	const char *colon = strchr(s, ':');
	long v[3] = { -1, 0, 0 };
	int n = 0;
	struct sbuf ref = SBUF_INIT;

	memset(r, 0, sizeof(*r));
	if (!colon || colon == s)
		return -1;
	while (colon && n < 3) {
		const char *next = strchr(colon + 1, ':');
		struct sbuf num = SBUF_INIT;
		char err[200];
		int bad;

		sbuf_add(&num, colon + 1, next ? (size_t)(next - colon - 1) : strlen(colon + 1));
		bad = count_parse(num.buf, &v[n++], err, sizeof(err)) < 0;
		sbuf_release(&num);
		if (bad)
			return -1;
		colon = next;
	}
	if (colon)
		return -1;
	sbuf_add(&ref, s, (size_t)(strchr(s, ':') - s));
	r->ref = sbuf_detach(&ref, NULL);
	r->trust = v[0];
	r->distrust = v[1];
	r->invalid = v[2];
	r->revote = -1;
	r->cand = 0;
	return 0;
}

/* Allocation in force for a unit (latest version), or -1 when none. */
static long allocation_of(sqlite3 *db, long long unit_id)
{
	sqlite3_stmt *st = db_prepare_cached(db, "SELECT count FROM allocation WHERE unit_id = ? ORDER BY version DESC LIMIT 1");
	long n = -1;

	if (!st)
		return -1;
	db_bind_int(st, 1, unit_id);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = (long)sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return n;
}

static int by_votes_desc(const void *pa, const void *pb)
{
	const struct vresult *a = *(const struct vresult *const *)pa, *b = *(const struct vresult *const *)pb;
	if (a->trust != b->trust)
		return a->trust > b->trust ? -1 : 1;
	if (a->revote != b->revote)
		return a->revote > b->revote ? -1 : 1;
	return a->cand < b->cand ? -1 : a->cand > b->cand;
}

/*
 * THON-SELECT: those above the threshold, highest first, up to the
 * allocation; a tie across the cut is decided by the re-vote, which must
 * then be recorded and must break the tie.
 */
static int thon_select(sqlite3 *db, const struct rule_pack *pack, const struct conf_rec *rec, struct vresult *res,
		       int nres, long attendees, long long conf_id, const char *file, long row)
{
	const struct rule *r = pack_rule_of_kind(pack, "thon_select");
	struct vresult **pass = xcalloc((size_t)nres + 1, sizeof(*pass));
	long cap = allocation_of(db, rec->unit_id);
	int npass = 0, rc = 0, take;

	for (int i = 0; i < nres; i++)
		if (conf_trust_met(r, res[i].trust, attendees) == 1)
			pass[npass++] = &res[i];
	qsort(pass, (size_t)npass, sizeof(*pass), by_votes_desc);
	take = cap >= 0 && npass > cap ? (int)cap : npass;
	if (take < npass && take > 0 && pass[take - 1]->trust == pass[take]->trust &&
	    pass[take - 1]->revote == pass[take]->revote) {
		char *a = candref_name(db, pass[take - 1]->cand), *b = candref_name(db, pass[take]->cand);
		error_at(file, row, 0, "'%s' và '%s' ngang phiếu (%ld) ở vị trí cuối cùng của số được phân bổ (%ld); cần ghi kết quả "
			       "biểu quyết lại (--revote) khác nhau [%s]", a, b, pass[take]->trust, cap, r ? r->id : "THON-SELECT");
		free(a);
		free(b);
		free(pass);
		return -1;
	}
	if (cap < 0)
		warning("thôn/tổ dân phố này chưa có số lượng được phân bổ; mọi người đạt trên một nửa đều được giới thiệu");
	for (int i = 0; i < nres && rc == 0; i++) {
		int selected = 0;
		for (int k = 0; k < take; k++)
			if (pass[k] == &res[i])
				selected = 1;
		if (selected)
			rc = stage_advance(db, res[i].cand, "nominated", conf_id, "được hội nghị cử tri thôn, tổ dân phố giới thiệu");
		else
			rc = stage_drop(db, res[i].cand, "not_nominated",
					conf_trust_met(r, res[i].trust, attendees) == 1 ? "đạt trên một nửa nhưng ngoài số lượng được phân bổ"
									   : "không đạt trên một nửa số cử tri có mặt",
					conf_id);
	}
	free(pass);
	return rc;
}

/* The stages a candidacy may be in when a conference of this kind hears it. */
static int stage_fits(int kind, const char *stage, const char *source, long long unit_id, long long cand_unit)
{
	switch (kind) {
	case CONF_RESIDENCE:
		return !strcmp(stage, "preliminary");
	case CONF_WORKPLACE:
		return !strcmp(stage, "proposed") || !strcmp(stage, "preliminary");
	case CONF_THON:
		return !strcmp(stage, "proposed") && !strcmp(source, "thon") && unit_id == cand_unit;
	}
	return 0;
}

void vresults_release(struct vresult *res, int n)
{
	for (int i = 0; i < n; i++)
		free(res[i].ref);
	free(res);
}

int voters_record(sqlite3 *db, const struct rule_pack *pack, const struct conf_args *a, struct vresult *res,
		  int nres, const struct vresult *revotes, int nrevotes, const char *file, long row,
		  long long *conf_id)
{
	struct conf_rec rec;
	struct conference_counts counts;
	const struct rule *tr = pack_rule_of_kind(pack, "trust");
	sqlite3_stmt *st = NULL;
	int nerr = 0, q;

	if ((q = conf_check(db, a, &rec, file, row)) < 0)
		return q;
	if (!conf_kind_is_voters(rec.kind)) {
		error_at(file, row, 0, "'%s' không phải hội nghị cử tri (workplace, residence hoặc thon)", a->kind);
		return -1;
	}
	if (nres == 0) {
		error_at(file, row, 0, "hội nghị cử tri cần kết quả tín nhiệm của ít nhất một người (--result)");
		return -1;
	}
	for (int i = 0; i < nres; i++) {
		char stage[16], status[16], source[16] = "";
		long long cand_unit = 0;

		res[i].cand = candref_resolve(db, rec.body_id, res[i].ref, file, row);
		if (!res[i].cand) {
			nerr++;
			continue;
		}
		for (int k = 0; k < i; k++)
			if (res[k].cand == res[i].cand) {
				error_at(file, row, 0, "'%s' có hai kết quả trong cùng một hội nghị", res[i].ref);
				nerr++;
			}
		if (stage_of(db, res[i].cand, stage, status) < 0)
			return -1;
		st = db_prepare_cached(db, "SELECT source, coalesce(unit_id, 0) FROM candidacy WHERE id = ?");
		if (st) {
			db_bind_int(st, 1, res[i].cand);
			if (sqlite3_step(st) == SQLITE_ROW) {
				snprintf(source, sizeof(source), "%s", db_col_text(st, 0));
				cand_unit = sqlite3_column_int64(st, 1);
			}
			sqlite3_reset(st);
		}
		if (strcmp(status, "active")) {
			error_at(file, row, 0, "'%s' đã dừng ở bước '%s'; không thể ghi kết quả hội nghị cử tri", res[i].ref, stage_label(stage));
			nerr++;
		} else if (!stage_fits(rec.kind, stage, source, rec.unit_id, cand_unit)) {
			error_at(file, row, 0, "'%s' đang ở bước '%s'; %s không xét người ở bước này%s", res[i].ref, stage_label(stage),
			    conf_kind_label(rec.kind),
			    rec.kind == CONF_THON ? " (chỉ người do thôn, tổ dân phố này dự kiến giới thiệu)" : "");
			nerr++;
		}
	}
	for (int i = 0; nerr == 0 && i < nrevotes; i++) {
		long long c = candref_resolve(db, rec.body_id, revotes[i].ref, file, row);
		int found = 0;

		for (int k = 0; c && k < nres; k++)
			if (res[k].cand == c) {
				res[k].revote = revotes[i].trust;
				found = 1;
			}
		if (c && !found)
			error_at(file, row, 0, "biểu quyết lại của '%s': người này không có kết quả trong hội nghị", revotes[i].ref);
		if (!found)
			nerr++;
	}
	if (nerr)
		return -1;
	if ((q = conf_rules_refuse(db, pack, &rec, 0, file, row)) != 0)
		return q < 0 ? -1 : CONF_REFUSED;
	if (conf_insert(db, &rec, conf_id) < 0)
		return -1;
	st = db_prepare_cached(db, "INSERT INTO vote(conference_id, candidacy_id, trust, distrust, invalid, revote) VALUES (?,?,?,?,?,?)");
	if (!st)
		return -1;
	for (int i = 0; i < nres; i++) {
		db_bind_int(st, 1, *conf_id);
		db_bind_int(st, 2, res[i].cand);
		db_bind_int(st, 3, res[i].trust);
		db_bind_int(st, 4, res[i].distrust);
		db_bind_int(st, 5, res[i].invalid);
		if (res[i].revote >= 0)
			db_bind_int(st, 6, res[i].revote);
		else
			sqlite3_bind_null(st, 6);
		if (db_step_done(db, st, "ghi kết quả tín nhiệm") < 0) {
			sqlite3_reset(st);
			return -1;
		}
	}
	sqlite3_reset(st);
	if (conf_store_opinions(db, &rec, *conf_id, file, row) < 0)
		return -1;
	/* the record and its votes as stored, judged by the validator */
	if ((q = conf_rules_refuse(db, pack, &rec, *conf_id, file, row)) != 0)
		return q < 0 ? -1 : CONF_REFUSED;
	conf_counts_of(&rec, &counts);
	if (rec.kind == CONF_THON)
		return thon_select(db, pack, &rec, res, nres, conf_attendees(&counts), *conf_id, file, row);
	for (int i = 0; i < nres; i++) {
		char stage[16], status[16];
		int passed = conf_trust_met(tr, res[i].trust, conf_attendees(&counts));

		if (stage_of(db, res[i].cand, stage, status) < 0)
			return -1;
		if (rec.kind == CONF_WORKPLACE && !strcmp(stage, "proposed") && passed == 0 &&
		    stage_drop(db, res[i].cand, "workplace_trust", "cơ quan, tổ chức, đơn vị phải giới thiệu người khác", *conf_id) < 0)
			return -1;
	}
	return 0;
}

void conf_counts_of(const struct conf_rec *rec, struct conference_counts *c)
{
	const struct conf_args *a = rec->a;

	memset(c, 0, sizeof(*c));
	c->kind = conf_kind_key(rec->kind);
	c->body_kind = rec->body_kind;
	c->mode = a->mode ? a->mode : "in_person";
	c->vote_held = a->method != NULL;
	c->voters_at_place = a->voters_at_place;
	c->invited = a->invited;
	c->present = a->present;
	c->tellers = conf_tellers(a);
	c->ballots_issued = a->ballots_issued;
	c->ballots_returned = a->ballots_returned;
	c->ballots_valid = a->ballots_valid;
	c->ballots_invalid = a->ballots_invalid;
	c->votes_cast = a->votes_cast;
	if (rec->held_on.y)
		date_iso(rec->held_on, c->held_on, sizeof(c->held_on));
}

int conf_rules_refuse(sqlite3 *db, const struct rule_pack *pack, const struct conf_rec *rec, long long id,
		      const char *file, long row)
{
	struct findings f = { 0 };
	int n;

	if (id) {
		n = validate_conference(db, pack, id, &f);
	} else {
		struct conference_counts c;
		conf_counts_of(rec, &c);
		n = validate_check_conference(db, pack, &c, NULL, 0, &f);
	}
	if (n > 0 || (id && n == 0))
		findings_report_at(&f, file, row);
	findings_release(&f);
	return n;
}
