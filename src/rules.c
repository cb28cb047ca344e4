/*
 * rules.c - loading rule packs; see rules.h and docs/rule-packs.md.
 *
 * The registry below is the single place that says which kinds of rule
 * exist and what parameters each takes.  An evaluator for a kind (see
 * validate) may rely on the parameters the registry marks required.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "collate_vi.h"
#include "diag.h"
#include "rules.h"
#include "sbuf.h"
#include "text.h"
#include "yamlcfg.h"
#include "banned.h"

struct param_spec {
	const char *name;
	enum param_type type;
	int required;
	long min, max;			/* PT_INT */
	const char *const *choices;	/* PT_STR, PT_STRLIST; NULL = any */
};

struct kind_spec {
	const char *kind;
	struct param_spec params[8];	/* ends with a NULL name */
};

static const char *const conference_kinds[] = {
	"ht1", "ht2", "ht3", "leadership", "expanded_leadership",
	"workplace", "residence", "bctmt", "thon", NULL
};
static const char *const attributes[] = {
	"women", "ethnic_minority", "young", "non_party", "reelected", "self_nominated", NULL
};
static const char *const lists[] = { "nominees", "preliminary", "qualified", "official", NULL };
static const char *const granularities[] = { "sum_of_constituencies", "body", NULL };
/* share: what the target is a share of: the body's list, or (NA) the whole
 * country's, of which a book holds one province's part */
static const char *const scopes[] = { "body", "national", NULL };
/* residence_trust_gate: a qualified candidate with no residence result */
static const char *const no_results[] = { "ignore", "flag", NULL };
static const char *const events[] = { "issues_answered", "round3_sent", "official_list", NULL };

#define P_INT(n, lo, hi) { n, PT_INT, 1, lo, hi, NULL }
#define P_INT_OPT(n, lo, hi) { n, PT_INT, 0, lo, hi, NULL }
#define P_STR(n, ch) { n, PT_STR, 1, 0, 0, ch }
#define P_STR_OPT(n, ch) { n, PT_STR, 0, 0, 0, ch }
#define P_BOOL(n) { n, PT_BOOL, 1, 0, 1, NULL }
#define P_LIST(n, ch) { n, PT_STRLIST, 1, 0, 0, ch }
#define P_LIST_OPT(n, ch) { n, PT_STRLIST, 0, 0, 0, ch }
#define P_TABLE(n) { n, PT_SEATS_TABLE, 1, 0, 0, NULL }

static const struct kind_spec kinds[] = {
#define RULE_KIND(name, evaluator, want, doc, ...) { #name, { __VA_ARGS__ } },
#include "rule_kinds.h"
#undef RULE_KIND
};
#define NKINDS ((int)(sizeof(kinds) / sizeof(kinds[0])))

const char *const *rules_known_kinds(void)
{
	static const char *names[NKINDS + 1];

	for (int i = 0; i < NKINDS; i++)
		names[i] = kinds[i].kind;
	return names;
}

const char *severity_name(enum severity s)
{
	return s == SEV_ERROR ? "lỗi" : s == SEV_WARNING ? "cảnh báo" : "thông tin";
}

const char *severity_key(enum severity s)
{
	return s == SEV_ERROR ? "error" : s == SEV_WARNING ? "warning" : "info";
}

static const struct kind_spec *find_kind(const char *kind)
{
	for (int i = 0; i < NKINDS; i++)
		if (!strcmp(kinds[i].kind, kind))
			return &kinds[i];
	return NULL;
}

static void release_rule(struct rule *r)
{
	for (int i = 0; i < r->nparams; i++) {
		free(r->params[i].s);
		strlist_free(r->params[i].list, r->params[i].nlist);
		free(r->params[i].rows);
	}
	free(r->params);
	free(r->id);
	free(r->kind);
	free(r->title);
	free(r->citation);
}

void rules_release(struct rule_pack *p)
{
	for (int i = 0; i < p->nrules; i++)
		release_rule(&p->rules[i]);
	free(p->rules);
	free(p->name);
	free(p->id);
	free(p->title);
	free(p->law);
	memset(p, 0, sizeof(*p));
}

static int in_choices(const char *s, const char *const *choices)
{
	if (!choices)
		return 1;
	for (int i = 0; choices[i]; i++)
		if (!strcmp(choices[i], s))
			return 1;
	return 0;
}

static void choices_error(struct ydoc *d, yaml_node_t *n, const char *param, const char *val,
			  const char *const *choices)
{
	struct sbuf list = SBUF_INIT;

	for (int i = 0; choices[i]; i++)
		sbuf_addf(&list, "%s%s", i ? ", " : "", choices[i]);
	ydoc_error(d, n, "tham số '%s' không hợp lệ: '%s' (chọn một trong: %s)", param, val, list.buf);
	sbuf_release(&list);
}

static void load_table(struct ydoc *d, yaml_node_t *n, struct rule_param *p)
{
	int len, ok;

	if (yseq_begin(d, n, p->name) < 0)
		return;
	len = yseq_len(n);
	if (len == 0) {
		ydoc_error(d, n, "bảng '%s' không được rỗng", p->name);
		return;
	}
	p->rows = xcalloc((size_t)len, sizeof(*p->rows));
	for (int i = 0; i < len; i++) {
		yaml_node_t *item = yseq_item(d, n, i);
		struct seats_row *row = &p->rows[i];
		struct ymap m;

		p->nrows++;
		if (!item || ymap_begin(d, item, p->name, &m) < 0)
			continue;
		ok = ymap_int(&m, "seats_from", Y_REQUIRED, 1, 1000, &row->from) == 0;
		ok &= ymap_int(&m, "seats_to", Y_REQUIRED, 1, 1000, &row->to) == 0;
		ymap_int(&m, "extra", Y_REQUIRED, 0, 1000, &row->extra);
		ymap_end(&m);
		if (!ok) {
			/* Already reported; a row with from = 0 is skipped below. */
			row->from = row->to = 0;
			continue;
		}
		if (row->from > row->to) {
			ydoc_error(d, item, "seats_from lớn hơn seats_to");
			continue;
		}
		for (int j = 0; j < i; j++)
			if (p->rows[j].from && row->from <= p->rows[j].to && p->rows[j].from <= row->to) {
				ydoc_error(d, item, "khoảng số ghế %ld–%ld chồng lên khoảng %ld–%ld ở dòng trên", row->from, row->to,
					   p->rows[j].from, p->rows[j].to);
				break;
			}
	}
}

/* The i-th item node of a list already read (without marking it reached). */
static yaml_node_t *item_node(struct ydoc *d, yaml_node_t *list, int i)
{
	return yaml_document_get_node(&d->doc, list->data.sequence.items.start[i]);
}

/* Names of the six tones as collate_vi.c accepts them (vi_collation_init). */
static const char *const tone_ascii[] = { "ngang", "huyen", "hoi", "nga", "sac", "nang" };
static const char *const tone_viet[] = { "ngang", "huyền", "hỏi", "ngã", "sắc", "nặng" };
#define NTONES 6

static int tone_index(const char *s)
{
	for (int t = 0; t < NTONES; t++)
		if (text_equal_fold(s, tone_ascii[t]) || text_equal_fold(s, tone_viet[t]))
			return t;
	return -1;
}

/* tone_order: each of the six tones exactly once. */
static void check_tone_order(struct ydoc *d, struct ymap *m, const struct rule *r)
{
	const struct rule_param *p = rule_param(r, "tone_order");
	yaml_node_t *list = ymap_get(m, "tone_order");
	int seen[NTONES] = { 0 }, bad = 0;
	struct vi_collation c;
	char err[256];

	if (!p || !list)
		return;
	for (int i = 0; i < p->nlist; i++) {
		int t = tone_index(p->list[i]);

		if (t < 0) {
			ydoc_error(d, item_node(d, list, i),
				   "quy tắc '%s': dấu thanh không xác định '%s' (có: ngang, huyen, hoi, nga, sac, nang)",
				   r->id, p->list[i]);
			bad = 1;
		} else if (seen[t]++) {
			ydoc_error(d, item_node(d, list, i), "quy tắc '%s': dấu thanh '%s' lặp lại", r->id, p->list[i]);
			bad = 1;
		}
	}
	for (int t = 0; !bad && t < NTONES; t++)
		if (!seen[t]) {
			ydoc_error(d, list, "quy tắc '%s': thiếu dấu thanh '%s' (cần đủ sáu dấu thanh, mỗi dấu một lần)",
				   r->id, tone_ascii[t]);
			bad = 1;
		}
	/* The collation is the judge; the checks above only explain. */
	if (!bad && vi_collation_init(&c, (const char *const *)p->list, (size_t)p->nlist, err, sizeof(err)) < 0)
		ydoc_error(d, list, "quy tắc '%s': thứ tự dấu thanh: %s", r->id, err);
}

/* "HH:MM", 00:00..23:59. */
static int valid_hour(const char *h)
{
	for (int i = 0; i < 5; i++)
		if (i == 2 ? h[i] != ':' : (h[i] < '0' || h[i] > '9'))
			return 0;
	return h[5] == 0 && (h[0] - '0') * 10 + (h[1] - '0') <= 23 && (h[3] - '0') * 10 + (h[4] - '0') <= 59;
}

/* Checks between the parameters of one rule, once they are read. */
static void check_values(struct ydoc *d, struct ymap *m, yaml_node_t *params, const struct rule *r)
{
	const struct rule_param *p;

	if (!strcmp(r->kind, "tellers") || !strcmp(r->kind, "seats_range")) {
		if (rule_param(r, "min") && rule_param(r, "max") && rule_int(r, "min", 0) > rule_int(r, "max", 0))
			ydoc_error(d, ymap_get(m, "min"), "quy tắc '%s': min %ld lớn hơn max %ld", r->id,
				   rule_int(r, "min", 0), rule_int(r, "max", 0));
	} else if (!strcmp(r->kind, "dossier_deadline")) {
		const char *h = rule_str(r, "hour");
		if (h && !valid_hour(h))
			ydoc_error(d, ymap_get(m, "hour"), "quy tắc '%s': giờ '%s' phải có dạng HH:MM (00:00–23:59)",
				   r->id, h);
	} else if (!strcmp(r->kind, "list_order")) {
		check_tone_order(d, m, r);
	} else if (!strcmp(r->kind, "round_window")) {
		if ((p = rule_param(r, "deadlines")) && p->nlist != 3)
			ydoc_error(d, ymap_get(m, "deadlines"),
				   "quy tắc '%s': 'deadlines' phải có đúng 3 thời hạn (vòng 1, 2, 3), không phải %d",
				   r->id, p->nlist);
	} else if (!strcmp(r->kind, "share") && rule_str(r, "attribute")) {
		int young = !strcmp(rule_str(r, "attribute"), "young");
		int minority = !strcmp(rule_str(r, "attribute"), "ethnic_minority");
		if (young && !ymap_get(m, "age_under"))
			ydoc_error(d, params, "quy tắc '%s': thuộc tính 'young' cần tham số 'age_under'", r->id);
		else if (!young && ymap_get(m, "age_under"))
			ydoc_error(d, ymap_get(m, "age_under"),
				   "quy tắc '%s': tham số 'age_under' chỉ dùng với thuộc tính 'young'", r->id);
		if (minority && !ymap_get(m, "majority"))
			ydoc_error(d, params, "quy tắc '%s': thuộc tính 'ethnic_minority' cần tham số 'majority'", r->id);
		else if (!minority && ymap_get(m, "majority"))
			ydoc_error(d, ymap_get(m, "majority"),
				   "quy tắc '%s': tham số 'majority' chỉ dùng với thuộc tính 'ethnic_minority'", r->id);
	}
}

static void load_params(struct ydoc *d, yaml_node_t *rule_node, yaml_node_t *n,
			const struct kind_spec *ks, struct rule *r)
{
	struct ymap m;
	int count = 0, nerr = d->nerr;

	while (ks->params[count].name)
		count++;
	r->params = xcalloc((size_t)count + 1, sizeof(*r->params));
	if (!n) {
		if (count && ks->params[0].required)
			ydoc_error(d, rule_node, "quy tắc '%s' (loại %s) thiếu 'params'", r->id ? r->id : "?", ks->kind);
		return;
	}
	if (ymap_begin(d, n, "params", &m) < 0)
		return;
	if (count == 0) {
		if (n->data.mapping.pairs.top > n->data.mapping.pairs.start)
			ydoc_error(d, n, "quy tắc '%s': loại %s không có tham số; hãy bỏ 'params'", r->id ? r->id : "?",
				   ks->kind);
		return;
	}
	for (int i = 0; i < count; i++) {
		const struct param_spec *ps = &ks->params[i];
		struct rule_param *p = &r->params[r->nparams];
		yaml_node_t *v;
		int rc = 0;

		p->name = ps->name;
		p->type = ps->type;
		switch (ps->type) {
		case PT_INT:
			rc = ymap_int(&m, ps->name, ps->required, ps->min, ps->max, &p->i);
			break;
		case PT_BOOL: {
			int b = 0;
			rc = ymap_bool(&m, ps->name, ps->required, &b);
			p->i = b;
			break;
		}
		case PT_STR:
			rc = ymap_str(&m, ps->name, ps->required, &p->s);
			if (rc == 0 && !in_choices(p->s, ps->choices)) {
				choices_error(d, ymap_get(&m, ps->name), ps->name, p->s, ps->choices);
				rc = -1;
			}
			break;
		case PT_STRLIST:
			rc = ymap_strlist(&m, ps->name, ps->required, &p->list, &p->nlist);
			for (int j = 0; rc == 0 && j < p->nlist; j++)
				if (!in_choices(p->list[j], ps->choices)) {
					choices_error(d, item_node(d, ymap_get(&m, ps->name), j), ps->name, p->list[j],
						      ps->choices);
					rc = -1;
				}
			break;
		case PT_SEATS_TABLE: {
			yaml_node_t *t = ymap_get(&m, ps->name);
			if (!t)
				rc = ydoc_error(d, n, "thiếu tham số '%s'", ps->name);
			else
				load_table(d, t, p);
			break;
		}
		}
		if (rc == 0) {
			if ((v = ymap_get(&m, ps->name))) {
				p->line = ynode_line(v);
				p->col = ynode_col(v);
			}
			r->nparams++;
		} else {
			free(p->s);
			strlist_free(p->list, p->nlist);
			free(p->rows);
			memset(p, 0, sizeof(*p));
		}
	}
	if (d->nerr == nerr && r->id)
		check_values(d, &m, n, r);
	ymap_end(&m);
}

static void load_rule(struct ydoc *d, yaml_node_t *n, struct rule *r)
{
	static const char *const sevs[] = { "error", "warning", "info", NULL };
	const struct kind_spec *ks = NULL;
	char *sev = NULL, **applies = NULL;
	int napplies = 0;
	struct ymap m;

	r->line = ynode_line(n);
	r->col = ynode_col(n);
	if (ymap_begin(d, n, "rules[]", &m) < 0)
		return;
	if (ymap_str(&m, "id", Y_REQUIRED, &r->id) == 0) {
		for (const char *p = r->id; *p; p++)
			if (!((*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '-')) {
				ydoc_error(d, ymap_get(&m, "id"), "mã quy tắc '%s' chỉ được gồm A–Z, 0–9 và '-'", r->id);
				break;
			}
	}
	if (ymap_str(&m, "kind", Y_REQUIRED, &r->kind) == 0 && !(ks = find_kind(r->kind))) {
		struct sbuf list = SBUF_INIT;
		for (int i = 0; i < NKINDS; i++)
			sbuf_addf(&list, "%s%s", i ? ", " : "", kinds[i].kind);
		ydoc_error(d, ymap_get(&m, "kind"), "loại quy tắc không xác định '%s' (có: %s)", r->kind, list.buf);
		sbuf_release(&list);
	}
	if (ymap_enum(&m, "severity", Y_REQUIRED, sevs, &sev) == 0)
		r->severity = !strcmp(sev, "error") ? SEV_ERROR : !strcmp(sev, "warning") ? SEV_WARNING : SEV_INFO;
	free(sev);
	r->applies = APPLIES_NA | APPLIES_HDND;
	if (ymap_strlist(&m, "applies_to", Y_OPTIONAL, &applies, &napplies) == 0) {
		r->applies = 0;
		for (int i = 0; i < napplies; i++) {
			if (!strcmp(applies[i], "na"))
				r->applies |= APPLIES_NA;
			else if (!strcmp(applies[i], "hdnd"))
				r->applies |= APPLIES_HDND;
			else
				ydoc_error(d, ymap_get(&m, "applies_to"), "'applies_to' chỉ nhận na hoặc hdnd, không phải '%s'",
					   applies[i]);
		}
		if (!napplies)
			ydoc_error(d, ymap_get(&m, "applies_to"), "'applies_to' không được rỗng");
		strlist_free(applies, napplies);
	}
	ymap_str(&m, "title", Y_REQUIRED, &r->title);
	ymap_str(&m, "citation", Y_REQUIRED, &r->citation);
	if (ks)
		load_params(d, n, ymap_get(&m, "params"), ks, r);
	else
		ymap_get(&m, "params");
	ymap_end(&m);
}

/* References between rules, once all rules are read. */
static void check_pack(struct ydoc *d, struct rule_pack *p)
{
	for (int i = 0; i < p->nrules; i++) {
		struct rule *r = &p->rules[i];
		const struct rule_param *ref = NULL;
		const char *want = NULL;

		if (!r->id || !r->kind)
			continue;
		for (int j = 0; j < i; j++)
			if (p->rules[j].id && !strcmp(p->rules[j].id, r->id)) {
				error_at(d->name, r->line, r->col, "mã quy tắc '%s' lặp lại (đã có ở dòng %ld)", r->id,
					 p->rules[j].line);
				d->nerr++;
				break;
			}
		if (!strcmp(r->kind, "round3_surplus")) {
			ref = rule_param(r, "table_rule");
			want = "min_candidates";
		} else if (!strcmp(r->kind, "residence_trust_gate")) {
			ref = rule_param(r, "trust_rule");
			want = "trust";
		}
		if (ref && ref->s) {
			const struct rule *t = rules_find(p, ref->s);
			if (!t)
				error_at(d->name, ref->line, ref->col, "quy tắc '%s' trỏ tới quy tắc '%s' không có trong bộ",
					 r->id, ref->s), d->nerr++;
			else if (t->kind && strcmp(t->kind, want))
				error_at(d->name, ref->line, ref->col,
					 "quy tắc '%s' trỏ tới '%s', nhưng đó là quy tắc loại %s, không phải %s",
					 r->id, ref->s, t->kind, want), d->nerr++;
		}
	}
}

int rules_load_mem(const char *name, const char *text, size_t len, struct rule_pack *p)
{
	struct ydoc d;
	struct ymap m, pm;
	yaml_node_t *n;
	int rc = -1;

	memset(p, 0, sizeof(*p));
	p->name = xstrdup(name);
	if (ydoc_load_mem(&d, name, text, len) < 0)
		goto out;
	if (ymap_begin(&d, ydoc_root(&d), "(gốc)", &m) < 0)
		goto out;
	if ((n = ymap_get(&m, "pack")) && ymap_begin(&d, n, "pack", &pm) == 0) {
		ymap_str(&pm, "id", Y_REQUIRED, &p->id);
		ymap_str(&pm, "title", Y_REQUIRED, &p->title);
		ymap_str(&pm, "law", Y_REQUIRED, &p->law);
		ymap_end(&pm);
	} else if (!n) {
		ydoc_error(&d, ydoc_root(&d), "thiếu phần 'pack'");
	}
	if ((n = ymap_get(&m, "rules")) && yseq_begin(&d, n, "rules") == 0) {
		int count = yseq_len(n);
		p->rules = xcalloc((size_t)count + 1, sizeof(*p->rules));
		for (int i = 0; i < count; i++) {
			yaml_node_t *item = yseq_item(&d, n, i);
			p->nrules++;
			if (item)
				load_rule(&d, item, &p->rules[i]);
		}
	} else if (!n) {
		ydoc_error(&d, ydoc_root(&d), "thiếu phần 'rules'");
	}
	ymap_end(&m);
	if (!d.nerr)
		check_pack(&d, p);
	rc = d.nerr ? -1 : 0;
out:
	ydoc_release(&d);
	return rc;
}

const struct rule *rules_find(const struct rule_pack *p, const char *id)
{
	for (int i = 0; i < p->nrules; i++)
		if (p->rules[i].id && !strcmp(p->rules[i].id, id))
			return &p->rules[i];
	return NULL;
}

const struct rule_param *rule_param(const struct rule *r, const char *name)
{
	for (int i = 0; i < r->nparams; i++)
		if (!strcmp(r->params[i].name, name))
			return &r->params[i];
	return NULL;
}

long rule_int(const struct rule *r, const char *name, long def)
{
	const struct rule_param *p = rule_param(r, name);
	return p ? p->i : def;
}

const char *rule_str(const struct rule *r, const char *name)
{
	const struct rule_param *p = rule_param(r, name);
	return p ? p->s : NULL;
}

void rules_each_deadline_ref(const struct rule_pack *p,
			     void (*fn)(const char *key, const struct rule *r, void *arg), void *arg)
{
	for (int i = 0; i < p->nrules; i++) {
		const struct rule *r = &p->rules[i];
		const struct rule_param *l;

		if (!r->kind)
			continue;
		if (!strcmp(r->kind, "dossier_deadline") || !strcmp(r->kind, "deadline")) {
			if (rule_str(r, "deadline"))
				fn(rule_str(r, "deadline"), r, arg);
		} else if (!strcmp(r->kind, "round_window") && (l = rule_param(r, "deadlines"))) {
			for (int j = 0; j < l->nlist; j++)
				fn(l->list[j], r, arg);
		}
	}
}
