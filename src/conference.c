/* conference.c - recording meetings and computing what follows from their
 * counts; see conference.h. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "book.h"
#include "candref.h"
#include "conference.h"
#include "db.h"
#include "diag.h"
#include "sbuf.h"
#include "text.h"
#include "banned.h"

/* Every label begins with "H" (Hội, Họp): KIND() writes it once and makes
 * both the label and its lower-case form for use inside a sentence, as
 * string literals (no buffer to fill, nothing to free, safe from any
 * thread). */
#define KIND(key, rest) { key, "H" rest, "h" rest }
static const struct {
	const char *key, *label, *phrase;
} kinds[CONF_NKINDS] = {
	KIND("ht1", "ội nghị hiệp thương lần thứ nhất"),
	KIND("ht2", "ội nghị hiệp thương lần thứ hai"),
	KIND("ht3", "ội nghị hiệp thương lần thứ ba"),
	KIND("leadership", "ọp ban lãnh đạo dự kiến giới thiệu người ứng cử"),
	KIND("expanded_leadership", "ội nghị ban lãnh đạo mở rộng giới thiệu người ứng cử"),
	KIND("bctmt", "ội nghị Ban công tác Mặt trận thôn, tổ dân phố"),
	KIND("workplace", "ội nghị cử tri nơi công tác"),
	KIND("residence", "ội nghị cử tri nơi cư trú"),
	KIND("thon", "ội nghị cử tri thôn, tổ dân phố giới thiệu người ứng cử"),
};
#undef KIND

int conf_kind_parse(const char *s)
{
	for (int i = 0; i < CONF_NKINDS; i++)
		if (!strcmp(kinds[i].key, s))
			return i;
	return -1;
}

const char *conf_kind_key(int kind)
{
	return kind >= 0 && kind < CONF_NKINDS ? kinds[kind].key : "?";
}

const char *conf_kind_label(int kind)
{
	return kind >= 0 && kind < CONF_NKINDS ? kinds[kind].label : "?";
}

const char *conf_kind_phrase(const char *key)
{
	int k = conf_kind_parse(key ? key : "");

	return k >= 0 ? kinds[k].phrase : key ? key : "?";
}

int conf_kind_is_voters(int kind)
{
	return kind == CONF_WORKPLACE || kind == CONF_RESIDENCE || kind == CONF_THON;
}

void conf_args_init(struct conf_args *a)
{
	memset(a, 0, sizeof(*a));
	a->voters_at_place = a->invited = a->present = a->absent = a->tellers = a->votes_cast = -1;
	a->ballots_issued = a->ballots_returned = a->ballots_valid = a->ballots_invalid = -1;
}

void conf_args_release(struct conf_args *a)
{
	opt_list_release(&a->tellers_named);
	opt_list_release(&a->witnesses);
	opt_list_release(&a->opinions);
}

void conf_list_add(struct opt_list *l, const char *s)
{
	l->v = xrealloc(l->v, sizeof(*l->v) * (size_t)(l->n + 1));
	l->v[l->n++] = s;
}

void conf_person_split(const char *s, char **name, char **position)
{
	const char *comma = strchr(s, ',');
	size_t n = comma ? (size_t)(comma - s) : strlen(s);
	struct sbuf b = SBUF_INIT;

	sbuf_add(&b, s, n);
	*name = text_trim_collapse(b.buf);
	sbuf_release(&b);
	*position = comma ? text_trim_collapse(comma + 1) : NULL;
	if (*position && !**position) {
		free(*position);
		*position = NULL;
	}
}

void conf_opts(struct conf_args *a, struct opt *o)
{
	int i = 0;

	o[i++] = (struct opt)OPT_STRING(0, "body", &a->body, "MÃ", "cơ quan (mã trong cấu hình, ví dụ hdnd-tinh)");
	o[i++] = (struct opt)OPT_STRING(0, "unit", &a->unit, "MÃ", "cơ quan, tổ chức, đơn vị hoặc thôn/TDP tổ chức");
	o[i++] = (struct opt)OPT_STRING(0, "date", &a->date, "NGÀY", "ngày họp (dd/mm/yyyy)");
	o[i++] = (struct opt)OPT_STRING(0, "start", &a->start, "GIỜ", "giờ bắt đầu (HH:MM)");
	o[i++] = (struct opt)OPT_STRING(0, "end", &a->end, "GIỜ", "giờ kết thúc (HH:MM)");
	o[i++] = (struct opt)OPT_STRING(0, "place", &a->place, "NƠI", "địa điểm");
	o[i++] = (struct opt)OPT_STRING(0, "chair", &a->chair, "TÊN", "người chủ trì");
	o[i++] = (struct opt)OPT_STRING(0, "chair-position", &a->chair_position, "CHỨC VỤ", "chức vụ người chủ trì");
	o[i++] = (struct opt)OPT_STRING(0, "secretary", &a->secretary, "TÊN", "thư ký");
	o[i++] = (struct opt)OPT_STRING(0, "secretary-position", &a->secretary_position, "CHỨC VỤ", "chức vụ thư ký");
	o[i++] = (struct opt)OPT_COUNT(0, "voters-at-place", &a->voters_at_place, "N", "tổng số cử tri ở nơi tổ chức (hội nghị cử tri)");
	o[i++] = (struct opt)OPT_COUNT(0, "invited", &a->invited, "N", "số được mời / triệu tập");
	o[i++] = (struct opt)OPT_COUNT(0, "present", &a->present, "N", "số có mặt");
	o[i++] = (struct opt)OPT_COUNT(0, "absent", &a->absent, "N", "số vắng mặt (mặc định: mời trừ có mặt)");
	o[i++] = (struct opt)OPT_TEXT(0, "guests", &a->guests, "VĂN BẢN", "khách mời");
	o[i++] = (struct opt)OPT_TEXT(0, "agenda", &a->agenda, "VĂN BẢN", "chương trình, diễn biến");
	o[i++] = (struct opt)OPT_TEXT(0, "agreed", &a->agreed, "VĂN BẢN", "nội dung hội nghị nhất trí");
	o[i++] = (struct opt)OPT_STRING(0, "notice", &a->notice, "VĂN BẢN", "thông báo phân bổ được căn cứ (số, ngày)");
	o[i++] = (struct opt)OPT_STRING(0, "method", &a->method, "CÁCH", "biểu quyết: hands (giơ tay) hoặc ballot (bỏ phiếu kín)");
	o[i++] = (struct opt)OPT_STRING(0, "mode", &a->mode, "HÌNH THỨC", "in_person (trực tiếp), online, distribution (phát phiếu)");
	o[i++] = (struct opt)OPT_COUNT(0, "tellers", &a->tellers, "N", "số thành viên tổ kiểm phiếu");
	o[i++] = (struct opt)OPT_COUNT(0, "votes-cast", &a->votes_cast, "N", "số phiếu / lượt biểu quyết được kiểm");
	o[i++] = (struct opt)OPT_COUNT(0, "ballots-issued", &a->ballots_issued, "N", "số phiếu phát ra");
	o[i++] = (struct opt)OPT_COUNT(0, "ballots-returned", &a->ballots_returned, "N", "số phiếu thu về");
	o[i++] = (struct opt)OPT_COUNT(0, "ballots-valid", &a->ballots_valid, "N", "số phiếu hợp lệ");
	o[i++] = (struct opt)OPT_COUNT(0, "ballots-invalid", &a->ballots_invalid, "N", "số phiếu không hợp lệ");
	o[i++] = (struct opt)OPT_TEXT(0, "purpose", &a->purpose, "VĂN BẢN", "mục đích của hội nghị");
	o[i++] = (struct opt)OPT_TEXT(0, "attendees", &a->attendees, "VĂN BẢN", "thành phần có mặt, mỗi dòng một người hoặc một thành phần");
	o[i++] = (struct opt)OPT_STRING(0, "commune", &a->commune, "TÊN", "xã, phường, đặc khu nơi họp (hội nghị cử tri)");
	o[i++] = (struct opt)OPT_STRING(0, "locality", &a->locality, "TÊN", "thôn, tổ dân phố nơi họp (hội nghị cử tri nơi cư trú)");
	o[i++] = (struct opt)OPT_STRING(0, "issue-time", &a->issue_time, "GIỜ", "thời gian phát phiếu (HH:MM)");
	o[i++] = (struct opt)OPT_STRING(0, "collect-time", &a->collect_time, "GIỜ", "thời hạn thu phiếu (HH:MM)");
	o[i++] = (struct opt)OPT_LIST(0, "teller", &a->tellers_named, "TÊN[, CHỨC VỤ]", "thành viên tổ kiểm phiếu (người đầu là tổ trưởng)");
	o[i++] = (struct opt)OPT_LIST(0, "witness", &a->witnesses, "TÊN[, CHỨC VỤ]", "đại diện cử tri chứng kiến việc kiểm phiếu");
	o[i++] = (struct opt)OPT_LIST(0, "opinion", &a->opinions, "NGƯỜI: Ý KIẾN", "ý kiến nhận xét về một người có kết quả ở hội nghị");
	o[i++] = (struct opt)OPT_PATH(0, "minutes", &a->minutes, "TỆP", "tệp biên bản (văn bản UTF-8; docs/stages.md)");
}

/* Messages for the CLI ("lỗi: ...") or a CSV row ("file:row: lỗi: ..."). */
struct where {
	const char *file;
	long row;
	int nerr;
	int nmissing;		/* of which: a required value not given */
};

/* An error of that kind (diag.h); bad() is bad data. */
static void __attribute__((format(printf, 3, 4))) bad_kind(struct where *w, enum err_kind kind, const char *fmt, ...)
{
	struct sbuf msg = SBUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	sbuf_vaddf(&msg, fmt, ap);
	va_end(ap);
	error_kind_at(kind, w->file, w->row, 0, "%s", msg.buf);
	sbuf_release(&msg);
	w->nerr++;
}

#define bad(w, ...) bad_kind((w), ERR_DATA, __VA_ARGS__)

/* A required value not given: on the command line, a usage error. */
#define missing(w, ...) ((w)->nmissing++, bad_kind((w), (w)->file ? ERR_DATA : ERR_USAGE, __VA_ARGS__))

static int list_has(const struct rule_param *p, const char *s)
{
	for (int i = 0; p && i < p->nlist; i++)
		if (!strcmp(p->list[i], s))
			return 1;
	return 0;
}

const struct rule *conf_rule_for(const struct rule_pack *pack, const char *rule_kind, int conf_kind)
{
	for (int i = 0; i < pack->nrules; i++) {
		const struct rule *r = &pack->rules[i];
		if (!strcmp(r->kind, rule_kind) && list_has(rule_param(r, "conferences"), conf_kind_key(conf_kind)))
			return r;
	}
	return NULL;
}

const struct rule *pack_rule_of_kind(const struct rule_pack *pack, const char *rule_kind)
{
	for (int i = 0; i < pack->nrules; i++)
		if (!strcmp(pack->rules[i].kind, rule_kind))
			return &pack->rules[i];
	return NULL;
}

static int valid_time(const char *s)
{
	int h, m;
	char extra;

	return sscanf(s, "%d:%d%c", &h, &m, &extra) == 2 && strlen(s) == 5 && h >= 0 && h < 24 && m >= 0 && m < 60;
}

/* Date of the body's conference of `kind`, or 0 when there is none. */
static int round_date(sqlite3 *db, long long body_id, int kind, struct date *d)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT held_on FROM conference WHERE body_id = ? AND kind = ? "
					  "ORDER BY held_on LIMIT 1");
	char err[64];
	int found = 0;

	if (!st)
		return 0;
	db_bind_int(st, 1, body_id);
	db_bind_text(st, 2, conf_kind_key(kind));
	if (sqlite3_step(st) == SQLITE_ROW && date_parse(db_col_text(st, 0), DATE_FULL, d, err, sizeof(err)) == 0)
		found = 1;
	sqlite3_finalize(st);
	return found;
}

/* One conference of each round per body: a second is a mistake in the
 * data, not a rule's finding.  The order of the rounds and of the voter
 * conferences (HT-ORDER) is the validator's, run on the record as stored
 * (conf_rules_refuse()). */
static void check_once(sqlite3 *db, struct conf_rec *rec, struct where *w)
{
	struct date prev;
	char ps[16];

	if (rec->kind <= CONF_HT3 && round_date(db, rec->body_id, rec->kind, &prev)) {
		date_vn(prev, ps, sizeof(ps));
		bad(w, "cơ quan này đã có %s (ngày %s); không ghi hai lần", conf_kind_label(rec->kind), ps);
	}
}

/* Members of the counting team: the count given, else the names given. */
long conf_tellers(const struct conf_args *a)
{
	return a->tellers >= 0 ? a->tellers : a->tellers_named.n ? a->tellers_named.n : -1;
}

static void check_people(const struct opt_list *l, const char *what, struct where *w)
{
	for (int i = 0; i < l->n; i++) {
		char *name, *pos;
		conf_person_split(l->v[i], &name, &pos);
		if (!name || !*name)
			bad(w, "%s '%s': thiếu họ và tên (viết 'Họ và tên, chức vụ')", what, l->v[i]);
		free(name);
		free(pos);
	}
}

static void check_counts(const struct conf_args *a, struct conf_rec *rec, struct where *w)
{
	if (a->present >= 0 && a->invited >= 0 && a->present > a->invited)
		bad(w, "số có mặt (%ld) lớn hơn số được mời (%ld)", a->present, a->invited);
	if (a->invited >= 0 && a->voters_at_place >= 0 && a->invited > a->voters_at_place)
		bad(w, "số cử tri được mời (%ld) lớn hơn tổng số cử tri ở nơi tổ chức (%ld)", a->invited,
		    a->voters_at_place);
	if (a->absent >= 0 && a->invited >= 0 && a->present >= 0 && a->present + a->absent != a->invited)
		bad(w, "có mặt (%ld) cộng vắng mặt (%ld) khác số được mời (%ld)", a->present, a->absent, a->invited);
	if (conf_kind_is_voters(rec->kind)) {
		if (a->present < 0 || a->invited < 0)
			missing(w, "hội nghị cử tri cần --invited (số cử tri được triệu tập) và --present (số có mặt)");
		if (a->voters_at_place < 0)
			missing(w, "hội nghị cử tri cần --voters-at-place (tổng số cử tri ở nơi tổ chức) để xác định điều kiện "
				"hợp lệ");
	}
	if (a->tellers >= 0 && a->tellers_named.n && a->tellers != a->tellers_named.n)
		bad(w, "tổ kiểm phiếu có %ld người (--tellers) nhưng ghi tên %d người", a->tellers, a->tellers_named.n);
	/* The rules on the counts (counting team, votes cast, ballots,
	 * quorum, trust) are the validator's, run on the record by
	 * conf_rules_refuse() (voters.h). */
}

int conf_check(sqlite3 *db, const struct conf_args *a, struct conf_rec *rec,
	       const char *file, long row)
{
	struct where w = { file, row, 0, 0 };
	const char *body = a->body;
	char err[128];

	memset(rec, 0, sizeof(*rec));
	rec->a = a;
	rec->kind = a->kind ? conf_kind_parse(a->kind) : -1;
	if (rec->kind < 0) {
		struct sbuf list = SBUF_INIT;
		for (int i = 0; i < CONF_NKINDS; i++)
			sbuf_addf(&list, "%s%s", i ? ", " : "", kinds[i].key);
		bad(&w, "loại hội nghị '%s' không hợp lệ (chọn một trong: %s)", a->kind ? a->kind : "", list.buf);
		sbuf_release(&list);
		return -1;
	}
	if (!a->body && !(body = body_only_code(db)))
		missing(&w, "thiếu cơ quan (--body): sổ có nhiều cơ quan dân cử");
	else if (body_resolve(db, body, &rec->body_id, rec->body_kind) < 0)
		bad(&w, "không có cơ quan '%s' trong sổ", body);
	if (a->unit && rec->body_id) {
		rec->unit_id = db_query_int(db, 0, "SELECT u.id FROM unit u JOIN body b ON b.id = u.body_id "
						   "WHERE u.code = ? AND b.code = ?", a->unit, body, (const char *)NULL);
		if (!rec->unit_id)
			bad(&w, "không có đơn vị '%s' của cơ quan '%s'", a->unit, body);
	} else if (!a->unit && (rec->kind == CONF_LEADERSHIP || rec->kind == CONF_EXPANDED ||
				rec->kind == CONF_BCTMT || rec->kind == CONF_THON)) {
		bad(&w, "%s cần đơn vị tổ chức (--unit)", conf_kind_label(rec->kind));
	}
	if (!a->date)
		missing(&w, "thiếu ngày họp (--date)");
	else if (date_parse(a->date, DATE_FULL, &rec->held_on, err, sizeof(err)) < 0)
		bad(&w, "ngày họp: %s: '%s'", err, a->date);
	if (a->start && !valid_time(a->start))
		bad(&w, "giờ bắt đầu phải có dạng HH:MM, không phải '%s'", a->start);
	if (a->end && !valid_time(a->end))
		bad(&w, "giờ kết thúc phải có dạng HH:MM, không phải '%s'", a->end);
	if (a->start && a->end && valid_time(a->start) && valid_time(a->end) && strcmp(a->start, a->end) > 0)
		bad(&w, "giờ kết thúc (%s) trước giờ bắt đầu (%s)", a->end, a->start);
	if (a->method && strcmp(a->method, "hands") && strcmp(a->method, "ballot") && strcmp(a->method, "online_poll"))
		bad(&w, "cách biểu quyết '%s' không hợp lệ (hands, ballot hoặc online_poll)", a->method);
	if (a->mode && strcmp(a->mode, "in_person") && strcmp(a->mode, "online") && strcmp(a->mode, "distribution"))
		bad(&w, "hình thức '%s' không hợp lệ (in_person, online hoặc distribution)", a->mode);
	if (a->issue_time && !valid_time(a->issue_time))
		bad(&w, "thời gian phát phiếu phải có dạng HH:MM, không phải '%s'", a->issue_time);
	if (a->collect_time && !valid_time(a->collect_time))
		bad(&w, "thời hạn thu phiếu phải có dạng HH:MM, không phải '%s'", a->collect_time);
	if (a->issue_time && a->collect_time && valid_time(a->issue_time) && valid_time(a->collect_time) &&
	    strcmp(a->issue_time, a->collect_time) > 0)
		bad(&w, "thời hạn thu phiếu (%s) trước thời gian phát phiếu (%s)", a->collect_time, a->issue_time);
	check_people(&a->tellers_named, "tổ kiểm phiếu", &w);
	check_people(&a->witnesses, "người chứng kiến", &w);
	check_counts(a, rec, &w);
	if (w.nerr == 0)
		check_once(db, rec, &w);
	if (w.nerr && w.nerr == w.nmissing)
		return -2;
	return w.nerr ? -1 : 0;
}

static void bind_count(sqlite3_stmt *st, int i, long v)
{
	if (v < 0)
		sqlite3_bind_null(st, i);
	else
		db_bind_int(st, i, v);
}

/* The counting team and the witnesses of conference id. */
static int insert_members(sqlite3 *db, long long id, const char *role, const struct opt_list *l)
{
	sqlite3_stmt *st;
	int rc = 0;

	if (!l->n)
		return 0;
	if (!(st = db_prepare(db, "INSERT INTO conference_member(conference_id, role, seq, name, position) "
				  "VALUES (?, ?, ?, ?, ?)")))
		return -1;
	for (int i = 0; i < l->n && rc == 0; i++) {
		char *name, *pos;
		conf_person_split(l->v[i], &name, &pos);
		db_bind_int(st, 1, id);
		db_bind_text(st, 2, role);
		db_bind_int(st, 3, i + 1);
		db_bind_text(st, 4, name);
		db_bind_text_or_null(st, 5, pos);
		rc = db_step_done(db, st, "ghi tổ kiểm phiếu, người chứng kiến");
		sqlite3_reset(st);
		free(name);
		free(pos);
	}
	sqlite3_finalize(st);
	return rc;
}

int conf_store_opinions(sqlite3 *db, const struct conf_rec *rec, long long id, const char *file, long row)
{
	const struct conf_args *a = rec->a;
	sqlite3_stmt *st;
	int nerr = 0;

	if (!a->opinions.n)
		return 0;
	if (!(st = db_prepare(db, "UPDATE vote SET opinion = ? WHERE conference_id = ? AND candidacy_id = ?")))
		return -1;
	for (int i = 0; i < a->opinions.n; i++) {
		const char *s = a->opinions.v[i], *colon = strchr(s, ':');
		struct sbuf ref = SBUF_INIT;
		char *text;
		long long cand;

		if (!colon || colon == s) {
			error_at(file, row, 0, "ý kiến '%s' phải có dạng NGƯỜI: Ý KIẾN", s);
			nerr++;
			continue;
		}
		sbuf_add(&ref, s, (size_t)(colon - s));
		text = text_trim_collapse(colon + 1);
		cand = candref_resolve(db, rec->body_id, ref.buf, file, row);
		if (!cand) {
			nerr++;
		} else if (!text || !*text) {
			error_at(file, row, 0, "ý kiến về '%s' để trống", ref.buf);
			nerr++;
		} else {
			db_bind_text(st, 1, text);
			db_bind_int(st, 2, id);
			db_bind_int(st, 3, cand);
			if (db_step_done(db, st, "ghi ý kiến nhận xét") < 0)
				nerr++;
			else if (sqlite3_changes(db) == 0) {
				error_at(file, row, 0, "ý kiến về '%s': người này không có kết quả ở hội nghị", ref.buf);
				nerr++;
			}
			sqlite3_reset(st);
		}
		free(text);
		sbuf_release(&ref);
	}
	sqlite3_finalize(st);
	return nerr ? -1 : 0;
}

int conf_insert(sqlite3 *db, const struct conf_rec *rec, long long *id)
{
	const struct conf_args *a = rec->a;
	sqlite3_stmt *st = db_prepare(db,
		"INSERT INTO conference(kind, body_id, unit_id, held_on, start_time, end_time, place, mode, chair_name, "
		"chair_position, secretary_name, secretary_position, voters_at_place, invited, present, absent, guests, "
		"agenda, agreed, vote_method, tellers, ballots_issued, ballots_returned, ballots_valid, ballots_invalid, "
		"votes_cast, notice_ref, purpose, attendees, commune, locality, issue_time, collect_time) "
		"VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
	char day[16];
	long absent = a->absent;
	int rc;

	if (!st)
		return -1;
	if (absent < 0 && a->invited >= 0 && a->present >= 0)
		absent = a->invited - a->present;
	date_iso(rec->held_on, day, sizeof(day));
	db_bind_text(st, 1, conf_kind_key(rec->kind));
	db_bind_int(st, 2, rec->body_id);
	if (rec->unit_id)
		db_bind_int(st, 3, rec->unit_id);
	db_bind_text(st, 4, day);
	db_bind_text_or_null(st, 5, a->start);
	db_bind_text_or_null(st, 6, a->end);
	db_bind_text_or_null(st, 7, a->place);
	db_bind_text(st, 8, a->mode ? a->mode : "in_person");
	db_bind_text_or_null(st, 9, a->chair);
	db_bind_text_or_null(st, 10, a->chair_position);
	db_bind_text_or_null(st, 11, a->secretary);
	db_bind_text_or_null(st, 12, a->secretary_position);
	bind_count(st, 13, a->voters_at_place);
	bind_count(st, 14, a->invited);
	bind_count(st, 15, a->present);
	bind_count(st, 16, absent);
	db_bind_text_or_null(st, 17, a->guests);
	db_bind_text_or_null(st, 18, a->agenda);
	db_bind_text_or_null(st, 19, a->agreed);
	db_bind_text_or_null(st, 20, a->method);
	bind_count(st, 21, conf_tellers(a));
	bind_count(st, 22, a->ballots_issued);
	bind_count(st, 23, a->ballots_returned);
	bind_count(st, 24, a->ballots_valid);
	bind_count(st, 25, a->ballots_invalid);
	bind_count(st, 26, a->votes_cast);
	db_bind_text_or_null(st, 27, a->notice);
	db_bind_text_or_null(st, 28, a->purpose);
	db_bind_text_or_null(st, 29, a->attendees);
	db_bind_text_or_null(st, 30, a->commune);
	db_bind_text_or_null(st, 31, a->locality);
	db_bind_text_or_null(st, 32, a->issue_time);
	db_bind_text_or_null(st, 33, a->collect_time);
	rc = db_step_done(db, st, "ghi hội nghị");
	sqlite3_finalize(st);
	if (rc == 0) {
		*id = sqlite3_last_insert_rowid(db);
		if (insert_members(db, *id, "teller", &a->tellers_named) < 0 ||
		    insert_members(db, *id, "witness", &a->witnesses) < 0)
			rc = -1;
	}
	return rc;
}
