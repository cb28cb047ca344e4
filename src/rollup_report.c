/*
 * rollup_report.c - `rollup report`: the figures of rollup_stats.h as
 * tables (table.h), one per section.  Text prints every section, with the
 * totals of each body type in detail and only the problems of each
 * committee (constituencies short of the minimum list, late steps); CSV
 * prints one section (--section); JSON prints every section, each an
 * array of objects, in one object.  Percentages are numbers ("33.33") in
 * CSV and JSON, and "33,33" in text.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "candidacy.h"
#include "diag.h"
#include "rollup_stats.h"
#include "sbuf.h"
#include "stage.h"
#include "text.h"
#include "banned.h"

const char *const rs_sections[] = { "committees", "stages", "structure", "conferences", "constituencies",
				    "calendar", "missing", NULL };

static const char *const list_labels[RL_COUNT] = {
	"trình hiệp thương lần hai", "được giới thiệu (không kể tự ứng cử)", "danh sách sơ bộ",
	"trình hiệp thương lần ba", "đủ tiêu chuẩn", "danh sách chính thức"
};
static const char *const attr_labels[RA_COUNT] = { "phụ nữ", "dân tộc thiểu số", "trẻ tuổi", "ngoài Đảng", "tái cử",
						   "tự ứng cử" };
static const char *const conf_labels[3] = { "nơi công tác", "nơi cư trú", "thôn, tổ dân phố" };

/* Cells as text: a small ring of buffers for numbers in one row. */
struct cells {
	const char *v[64];
	char num[64][48];
	int n;
};

static void c_str(struct cells *c, const char *s)
{
	c->v[c->n++] = s;
}

static void c_int(struct cells *c, long long v)
{
	snprintf(c->num[c->n], sizeof(c->num[c->n]), "%lld", v);
	c->v[c->n] = c->num[c->n];
	c->n++;
}

/* A percent: "33.33" for csv/json, "33,33" for text; empty when total is 0. */
static void c_pct(struct cells *c, long long n, long long total, enum out_format f)
{
	char *b = c->num[c->n];

	if (total <= 0) {
		b[0] = 0;
	} else {
		rollup_percent(n, total, b, sizeof(c->num[c->n]));
		if (f != FMT_TEXT)
			for (char *p = b; *p; p++)
				if (*p == ',')
					*p = '.';
	}
	c->v[c->n] = b;
	c->n++;
}

/* The committee's name as the rows print it; "Tổng (N ủy ban)" for a total. */
static const char *who(const struct rs_committee *c, const struct rs_body *total, char *buf, size_t len)
{
	if (total) {
		snprintf(buf, len, "Tổng (%d ủy ban)", total->committees);
		return buf;
	}
	return c->name;
}

/* Each (committee, body) in order, then the totals (c = NULL). */
typedef void (*row_fn)(struct table *t, const struct rstats *s, const struct rs_committee *c, const struct rs_body *b,
		       const struct rs_body *total, enum out_format f);

static void each_row(struct table *t, const struct rstats *s, enum out_format f, int details, row_fn fn)
{
	for (int i = 0; details && i < s->n; i++)
		for (int b = 0; b < s->c[i].nbodies; b++)
			fn(t, s, &s->c[i], &s->c[i].bodies[b], NULL, f);
	for (int k = 0; k < s->ntotals; k++)
		fn(t, s, NULL, &s->totals[k], &s->totals[k], f);
}

/* ---- committees ---- */

static const struct column committee_cols[] = {
	{ "level", "cấp", 0, 1 }, { "committee", "ủy ban", 0, 0 }, { "body", "cơ quan", 0, 0 },
	{ "body_name", "tên cơ quan", 0, 1 }, { "seats", "ghế", 1, 0 }, { "constituencies", "đơn vị", 1, 0 },
	{ "proposed", "dự kiến", 1, 0 }, { "nominated", "giới thiệu", 1, 0 }, { "preliminary", "sơ bộ", 1, 0 },
	{ "qualified", "đủ tiêu chuẩn", 1, 0 }, { "official", "chính thức", 1, 0 }, { "dropped", "dừng", 1, 0 },
	{ "voter_conferences", "hội nghị cử tri", 1, 0 }, { "trust_results", "lượt tín nhiệm", 1, 1 },
	{ "trust_passed", "đạt", 1, 1 }, { "file", "tệp", 0, 1 }, { "head", "mã đầu chuỗi", 0, 1 },
	{ "read_at", "đọc lúc", 0, 1 }, { "via", "qua sổ của", 0, 1 },
};

static void committee_row(struct table *t, const struct rstats *s, const struct rs_committee *c,
			  const struct rs_body *b, const struct rs_body *total, enum out_format f)
{
	struct cells x = { .n = 0 };
	char name[96];
	long long dropped = 0, held = 0, results = 0, passed = 0;

	(void)s;
	(void)f;
	for (int j = 0; j < STAGE_COUNT; j++)
		dropped += b->dropped[j];
	for (int k = 0; k < 3; k++) {
		held += b->conf[k][0];
		results += b->conf[k][1];
		passed += b->conf[k][2];
	}
	c_str(&x, c ? c->level_name : NULL);
	c_str(&x, who(c, total, name, sizeof(name)));
	c_str(&x, b->code);
	c_str(&x, b->name);
	c_int(&x, b->seats);
	c_int(&x, b->ncons);
	for (int j = 0; j < STAGE_COUNT; j++)
		c_int(&x, b->entered[j]);
	c_int(&x, dropped);
	c_int(&x, held);
	c_int(&x, results);
	c_int(&x, passed);
	c_str(&x, c && c->source ? c->file : NULL);
	c_str(&x, c && c->source ? c->head : NULL);
	c_str(&x, c && c->source ? c->read_at : NULL);
	c_str(&x, c ? c->via : NULL);
	table_add(t, x.v);
}

/* ---- stages ---- */

static struct column stage_cols[8 + RS_NREASONS];

static void init_stage_cols(void)
{
	static const struct column head[] = {
		{ "committee", "ủy ban", 0, 0 }, { "body", "cơ quan", 0, 0 }, { "stage", "bước", 0, 1 },
		{ "stage_name", "bước", 0, 0 }, { "entered", "vào", 1, 0 }, { "passed", "qua", 1, 0 },
		{ "at", "đang", 1, 0 }, { "dropped", "dừng", 1, 0 },
	};

	memcpy(stage_cols, head, sizeof(head));
	for (int r = 0; r < RS_NREASONS; r++) {
		stage_cols[8 + r].key = rs_reasons[r];
		stage_cols[8 + r].label = reason_label(rs_reasons[r]);
		stage_cols[8 + r].numeric = 1;
		stage_cols[8 + r].text_hidden = 1;
	}
}

static void stage_rows(struct table *t, const struct rstats *s, const struct rs_committee *c, const struct rs_body *b,
		       const struct rs_body *total, enum out_format f)
{
	char name[96];

	(void)s;
	(void)f;
	for (int j = 0; j < STAGE_COUNT; j++) {
		struct cells x = { .n = 0 };

		c_str(&x, who(c, total, name, sizeof(name)));
		c_str(&x, b->code);
		c_str(&x, stage_key(j));
		c_str(&x, stage_label(stage_key(j)));
		c_int(&x, b->entered[j]);
		c_int(&x, b->entered[j] - b->at[j] - b->dropped[j]);
		c_int(&x, b->at[j]);
		c_int(&x, b->dropped[j]);
		for (int r = 0; r < RS_NREASONS; r++)
			c_int(&x, b->reasons[j][r]);
		table_add(t, x.v);
	}
}

/* ---- structure ---- */

static struct column structure_cols[5 + 3 * RA_COUNT];
static char structure_keys[3 * RA_COUNT][48];

static void init_structure_cols(void)
{
	static const struct column head[] = {
		{ "committee", "ủy ban", 0, 0 }, { "body", "cơ quan", 0, 0 }, { "list", "danh sách", 0, 1 },
		{ "list_name", "danh sách", 0, 0 }, { "total", "số người", 1, 0 },
	};

	memcpy(structure_cols, head, sizeof(head));
	for (int a = 0; a < RA_COUNT; a++) {
		struct column *n = &structure_cols[5 + 3 * a], *p = n + 1, *tg = n + 2;

		snprintf(structure_keys[3 * a], sizeof(structure_keys[0]), "%s", rollup_attr_keys[a]);
		snprintf(structure_keys[3 * a + 1], sizeof(structure_keys[0]), "%s_percent", rollup_attr_keys[a]);
		snprintf(structure_keys[3 * a + 2], sizeof(structure_keys[0]), "%s_target", rollup_attr_keys[a]);
		*n = (struct column){ structure_keys[3 * a], attr_labels[a], 1, 0 };
		*p = (struct column){ structure_keys[3 * a + 1], "%", 1, 0 };
		*tg = (struct column){ structure_keys[3 * a + 2], "chỉ tiêu %", 1, 1 };
	}
}

static void structure_rows(struct table *t, const struct rstats *s, const struct rs_committee *c,
			   const struct rs_body *b, const struct rs_body *total, enum out_format f)
{
	char name[96];

	for (int l = 0; l < RL_COUNT; l++) {
		struct cells x = { .n = 0 };

		c_str(&x, who(c, total, name, sizeof(name)));
		c_str(&x, b->code);
		c_str(&x, rollup_list_keys[l]);
		c_str(&x, list_labels[l]);
		c_int(&x, b->on[l]);
		for (int a = 0; a < RA_COUNT; a++) {
			const struct rule *r;
			long pct;
			int list;

			if (b->unknown[l][a] && b->unknown[l][a] == b->on[l]) {
				c_str(&x, NULL);
				c_str(&x, NULL);
			} else {
				c_int(&x, b->attr[l][a]);
				c_pct(&x, b->attr[l][a], b->on[l], f);
			}
			if (rollup_target(s->pack, b->kind, a, &r, &pct, &list) && list == l)
				c_int(&x, pct);
			else
				c_str(&x, NULL);
		}
		table_add(t, x.v);
	}
}

/* ---- voter conferences ---- */

static const struct column conference_cols[] = {
	{ "committee", "ủy ban", 0, 0 }, { "body", "cơ quan", 0, 0 }, { "kind", "loại", 0, 1 },
	{ "kind_name", "hội nghị cử tri", 0, 0 }, { "held", "số hội nghị", 1, 0 }, { "results", "lượt tín nhiệm", 1, 0 },
	{ "passed", "đạt", 1, 0 }, { "failed", "không đạt", 1, 0 },
};

static void conference_rows(struct table *t, const struct rstats *s, const struct rs_committee *c,
			    const struct rs_body *b, const struct rs_body *total, enum out_format f)
{
	char name[96];

	(void)s;
	(void)f;
	for (int k = 0; k < 3; k++) {
		struct cells x = { .n = 0 };

		if (!b->conf[k][0] && !b->conf[k][1])
			continue;
		c_str(&x, who(c, total, name, sizeof(name)));
		c_str(&x, b->code);
		c_str(&x, rollup_conf_kinds[k]);
		c_str(&x, conf_labels[k]);
		c_int(&x, b->conf[k][0]);
		c_int(&x, b->conf[k][1]);
		c_int(&x, b->conf[k][2]);
		c_int(&x, b->conf[k][1] - b->conf[k][2]);
		table_add(t, x.v);
	}
}

/* ---- constituencies ---- */

static const struct column cons_cols[] = {
	{ "committee", "ủy ban", 0, 0 }, { "body", "cơ quan", 0, 0 }, { "number", "đơn vị số", 1, 0 },
	{ "seats", "ghế", 1, 0 }, { "candidates", "người ứng cử", 1, 0 }, { "surplus", "số dư", 1, 0 },
	{ "minimum", "tối thiểu", 1, 0 }, { "rule", "quy tắc", 0, 0 }, { "met", "đạt", 0, 0 },
};

/* Per committee only (no totals): every constituency, or with `short_only`
 * those of a body with anyone assigned whose list is short. */
static void cons_table(struct table *t, const struct rstats *s, int short_only)
{
	for (int i = 0; i < s->n; i++)
		for (int b = 0; b < s->c[i].nbodies; b++) {
			const struct rs_body *body = &s->c[i].bodies[b];

			for (long long k = 0; k < body->ncons; k++) {
				const struct rs_cons *q = &body->cons[k];
				const struct rule *r = NULL;
				long need = 0;
				int has = rollup_min_candidates(s->pack, body->kind, q->seats, &need, &r);
				int met = !has || q->listed >= need;
				struct cells x = { .n = 0 };

				if (short_only && (met || !body->cons_listed))
					continue;
				c_str(&x, s->c[i].name);
				c_str(&x, body->code);
				c_int(&x, q->number);
				c_int(&x, q->seats);
				c_int(&x, q->listed);
				c_int(&x, q->listed - q->seats);
				if (has)
					c_int(&x, need);
				else
					c_str(&x, NULL);
				c_str(&x, has ? r->id : NULL);
				c_str(&x, !body->cons_listed ? "chưa xếp" : met ? "đạt" : "chưa đủ");
				table_add(t, x.v);
			}
		}
}

/* ---- calendar ---- */

static const struct column calendar_cols[] = {
	{ "committee", "ủy ban", 0, 0 }, { "body", "cơ quan", 0, 0 }, { "step", "bước", 0, 1 },
	{ "step_name", "việc", 0, 0 }, { "due", "hạn", 0, 0 }, { "days_before", "trước ngày bầu cử", 1, 0 },
	{ "status", "tình trạng", 0, 0 },
};

static void calendar_table(struct table *t, const struct rstats *s)
{
	for (int i = 0; i < s->nlate; i++) {
		const struct rs_late *l = &s->late[i];
		struct cells x = { .n = 0 };
		char due[16];

		date_vn(l->due, due, sizeof(due));
		c_str(&x, s->c[l->committee].name);
		c_str(&x, s->c[l->committee].bodies[l->body].code);
		c_str(&x, l->event);
		c_str(&x, l->label);
		c_str(&x, due);
		c_int(&x, l->days);
		c_str(&x, "chưa ghi, đã quá hạn");
		table_add(t, x.v);
	}
}

/* ---- books not sent, or old ---- */

static const struct column missing_cols[] = {
	{ "unit", "địa bàn / ủy ban", 0, 0 }, { "status", "tình trạng", 0, 0 }, { "last_at", "mục cuối của sổ", 0, 0 },
};

static void missing_table(struct table *t, const struct rstats *s)
{
	char older[64];

	for (int i = 0; i < s->nmissing; i++) {
		const char *cells[3] = { s->missing[i], "chưa gửi sổ", NULL };
		table_add(t, cells);
	}
	date_vn(s->older_than, older, sizeof(older));
	for (int i = 0; i < s->nolder; i++) {
		const struct rs_committee *c = &s->c[s->older[i]];
		char status[96], day[16];
		const char *cells[3] = { c->name, status, day };

		char iso[11];

		snprintf(status, sizeof(status), "sổ cũ hơn ngày %s", older);
		snprintf(iso, sizeof(iso), "%.10s", c->last_at ? c->last_at : "");
		date_iso_to_vn(iso, day, sizeof(day));
		table_add(t, cells);
	}
}

/* ---- the sections ---- */

static void build(struct table *t, const struct rstats *s, int section, enum out_format f, int details)
{
	switch (section) {
	case 0:
		table_init(t, committee_cols, (int)(sizeof(committee_cols) / sizeof(committee_cols[0])));
		each_row(t, s, f, 1, committee_row);
		break;
	case 1:
		init_stage_cols();
		table_init(t, stage_cols, (int)(sizeof(stage_cols) / sizeof(stage_cols[0])));
		each_row(t, s, f, details, stage_rows);
		break;
	case 2:
		init_structure_cols();
		table_init(t, structure_cols, (int)(sizeof(structure_cols) / sizeof(structure_cols[0])));
		each_row(t, s, f, details, structure_rows);
		break;
	case 3:
		table_init(t, conference_cols, (int)(sizeof(conference_cols) / sizeof(conference_cols[0])));
		each_row(t, s, f, details, conference_rows);
		break;
	case 4:
		table_init(t, cons_cols, (int)(sizeof(cons_cols) / sizeof(cons_cols[0])));
		cons_table(t, s, !details);
		break;
	case 5:
		table_init(t, calendar_cols, (int)(sizeof(calendar_cols) / sizeof(calendar_cols[0])));
		calendar_table(t, s);
		break;
	default:
		table_init(t, missing_cols, (int)(sizeof(missing_cols) / sizeof(missing_cols[0])));
		missing_table(t, s);
		break;
	}
}

/* A total's detail in text: the stage funnel with drop reasons, the
 * structure of each list against the targets, the voter conferences. */
static void print_total_text(const struct rstats *s, const struct rs_body *b, FILE *out)
{
	fprintf(out, "\n== %s [%s]: %d ủy ban, %lld ghế, %lld đơn vị bầu cử\n", b->type_name, b->code, b->committees,
		b->seats, b->ncons);
	fputs("  bước                          vào    qua   đang   dừng\n", out);
	for (int j = 0; j < STAGE_COUNT; j++) {
		fputs("  ", out);
		text_fput_padded(out, stage_label(stage_key(j)), 28);
		fprintf(out, " %6lld %6lld %6lld %6lld\n", b->entered[j], b->entered[j] - b->at[j] - b->dropped[j],
			b->at[j], b->dropped[j]);
		for (int r = 0; r < RS_NREASONS; r++)
			if (b->reasons[j][r])
				fprintf(out, "      dừng vì %s: %lld\n", reason_label(rs_reasons[r]), b->reasons[j][r]);
	}
	fputs("  cơ cấu (số người, tỷ lệ %):\n", out);
	for (int l = 0; l < RL_COUNT; l++) {
		if (!b->on[l])
			continue;
		fputs("    ", out);
		text_fput_padded(out, list_labels[l], 36);
		fprintf(out, " %5lld:", b->on[l]);
		for (int a = 0; a < RA_COUNT; a++) {
			char pct[32];

			if (b->unknown[l][a] == b->on[l]) {
				fprintf(out, " %s —;", attr_labels[a]);
				continue;
			}
			rollup_percent(b->attr[l][a], b->on[l], pct, sizeof(pct));
			fprintf(out, " %s %lld (%s%%)%s", attr_labels[a], b->attr[l][a], pct, a + 1 < RA_COUNT ? ";" : "");
		}
		fputc('\n', out);
	}
	for (int a = 0; a < RA_COUNT; a++) {
		const struct rule *r;
		long pct;
		int list;
		char got[32];

		if (!rollup_target(s->pack, b->kind, a, &r, &pct, &list) || !b->on[list])
			continue;
		rollup_percent(b->attr[list][a], b->on[list], got, sizeof(got));
		if (rollup_target_national(r) && !s->top)
			fprintf(out, "  chỉ tiêu %s %s: ít nhất %ld%% của %s cả nước; ở đây %s%% (một phần của cả nước: "
				     "không đánh giá)\n", r->id, attr_labels[a], pct, list_labels[list], got);
		else
			fprintf(out, "  chỉ tiêu %s %s: ít nhất %ld%% của %s%s; có %s%% — %s\n", r->id, attr_labels[a], pct,
				list_labels[list], rollup_target_national(r) ? " cả nước" : "", got,
				rollup_share_meets(b->attr[list][a], b->on[list], pct) ? "đạt" : "chưa đạt");
	}
	for (int k = 0; k < 3; k++)
		if (b->conf[k][0] || b->conf[k][1])
			fprintf(out, "  hội nghị cử tri %s: %lld hội nghị, %lld lượt lấy tín nhiệm, %lld đạt, %lld không đạt\n",
				conf_labels[k], b->conf[k][0], b->conf[k][1], b->conf[k][2], b->conf[k][1] - b->conf[k][2]);
	fprintf(out, "  đơn vị bầu cử: %lld, đã xếp người ứng cử ở %lld; chưa đủ số người tối thiểu: %lld\n", b->ncons,
		b->cons_listed, b->below_min);
}

static int section_index(const char *name)
{
	for (int i = 0; rs_sections[i]; i++)
		if (!strcmp(rs_sections[i], name))
			return i;
	return -1;
}

int rstats_print(const struct rstats *s, enum out_format f, const char *section, FILE *out)
{
	int only = -1;
	struct table t;

	if (section && (only = section_index(section)) < 0) {
		struct sbuf list = SBUF_INIT;
		for (int i = 0; rs_sections[i]; i++)
			sbuf_addf(&list, "%s%s", i ? ", " : "", rs_sections[i]);
		error("--section '%s' không có (chọn: %s)", section, list.buf);
		sbuf_release(&list);
		return -1;
	}
	if (f == FMT_CSV) {
		build(&t, s, only < 0 ? 0 : only, f, 1);
		table_print(&t, f, out);
		table_release(&t);
		return 0;
	}
	if (f == FMT_JSON) {
		char today[16];

		date_iso(s->today, today, sizeof(today));
		fputs("{\"committee\": ", out);
		{
			struct sbuf sb = SBUF_INIT;
			sbuf_add_json(&sb, s->name);
			sbuf_addstr(&sb, ", \"today\": ");
			sbuf_add_json(&sb, today);
			fputs(sb.buf, out);
			sbuf_release(&sb);
		}
		fprintf(out, ", \"sources\": %d", s->nsources);
		for (int i = 0; rs_sections[i]; i++) {
			if (only >= 0 && i != only)
				continue;
			fprintf(out, ",\n\"%s\": ", rs_sections[i]);
			build(&t, s, i, f, 1);
			table_print(&t, f, out);
			table_release(&t);
		}
		fputs("}\n", out);
		return 0;
	}
	{
		char today[16];

		date_vn(s->today, today, sizeof(today));
		fprintf(out, "Tổng hợp của %s: %d sổ cấp dưới đã đọc; hôm nay %s\n", s->name, s->nsources, today);
	}
	if (only < 0 || only == 0) {
		fputs("\n== Các ủy ban và tổng theo loại cơ quan\n", out);
		build(&t, s, 0, f, 1);
		table_print(&t, f, out);
		table_release(&t);
	}
	if (only < 0 || (only >= 1 && only <= 3))
		for (int k = 0; k < s->ntotals; k++)
			print_total_text(s, &s->totals[k], out);
	if (only < 0 || only == 4) {
		build(&t, s, 4, f, only == 4);
		if (t.nrows || only == 4) {
			fputs(only == 4 ? "\n== Đơn vị bầu cử\n" : "\n== Đơn vị bầu cử chưa đủ số người ứng cử tối thiểu\n", out);
			table_print(&t, f, out);
		}
		table_release(&t);
	}
	if (only < 0 || only == 5) {
		build(&t, s, 5, f, 1);
		fputs("\n== Tiến độ theo lịch: việc đã quá hạn mà sổ chưa ghi\n", out);
		if (t.nrows)
			table_print(&t, f, out);
		else
			fputs("(không có)\n", out);
		table_release(&t);
	}
	if (only < 0 || only == 6) {
		build(&t, s, 6, f, 1);
		fputs("\n== Sổ chưa gửi hoặc đã cũ\n", out);
		if (t.nrows)
			table_print(&t, f, out);
		else
			fputs("(không có)\n", out);
		table_release(&t);
	}
	return 0;
}
