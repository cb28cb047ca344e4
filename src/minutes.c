/*
 * minutes.c - reading a minutes file; see minutes.h.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "diag.h"
#include "minutes.h"
#include "sbuf.h"
#include "text.h"
#include "banned.h"

#define MINUTES_MAX_BYTES (4u << 20)

enum ftype { F_TEXT, F_LINE, F_PERSON, F_LIST, F_PEOPLE, F_TIME, F_OPINIONS };

static const struct {
	const char *key;
	enum ftype type;
	const char *labels[5];
	const char *option;	/* the option that gives the same field */
} fields[MF_N] = {
	[MF_PURPOSE] = { "purpose", F_TEXT, { "Mục đích", "Mục đích của hội nghị", "Mục đích hội nghị" }, "--purpose" },
	[MF_CHAIR] = { "chair", F_PERSON, { "Chủ trì", "Người chủ trì", "Chủ tọa", "Chủ trì hội nghị" }, "--chair" },
	[MF_SECRETARY] = { "secretary", F_PERSON, { "Thư ký", "Thư ký hội nghị" }, "--secretary" },
	[MF_PLACE] = { "place", F_LINE, { "Địa điểm" }, "--place" },
	[MF_START] = { "start", F_TIME, { "Giờ bắt đầu", "Bắt đầu" }, "--start" },
	[MF_END] = { "end", F_TIME, { "Giờ kết thúc", "Kết thúc" }, "--end" },
	[MF_ATTENDEES] = { "attendees", F_LIST, { "Thành phần", "Thành phần hội nghị", "Thành phần dự họp" }, "--attendees" },
	[MF_GUESTS] = { "guests", F_LIST, { "Khách mời" }, "--guests" },
	[MF_AGENDA] = { "agenda", F_TEXT, { "Diễn biến", "Chương trình", "Diễn biến hội nghị" }, "--agenda" },
	[MF_AGREED] = { "agreed", F_TEXT, { "Nhất trí", "Hội nghị nhất trí" }, "--agreed" },
	[MF_TELLERS] = { "tellers", F_PEOPLE, { "Tổ kiểm phiếu" }, "--teller" },
	[MF_WITNESSES] = { "witnesses", F_PEOPLE, { "Chứng kiến", "Người chứng kiến", "Đại diện cử tri chứng kiến" },
			   "--witness" },
	[MF_ISSUE_TIME] = { "issue_time", F_TIME, { "Phát phiếu", "Thời gian phát phiếu" }, "--issue-time" },
	[MF_COLLECT_TIME] = { "collect_time", F_TIME, { "Thu phiếu", "Thời hạn thu phiếu", "Thời gian thu phiếu" },
			      "--collect-time" },
	[MF_COMMUNE] = { "commune", F_LINE, { "Xã, phường", "Xã, phường, đặc khu", "Đơn vị hành chính" }, "--commune" },
	[MF_LOCALITY] = { "locality", F_LINE, { "Thôn, tổ dân phố", "Thôn", "Tổ dân phố" }, "--locality" },
	[MF_OPINIONS] = { "opinions", F_OPINIONS, { "Ý kiến", "Ý kiến nhận xét", "Ý kiến của cử tri" }, "--opinion" },
	/* the Front's notice a unit's or thôn's meeting acts on (Mẫu 02, 03/BCĐ, 04/HNCT) */
	[MF_NOTICE] = { "notice", F_LINE, { "Thông báo", "Căn cứ thông báo", "Theo thông báo" }, "--notice" },
};

int minutes_time(const char *s, char out[6])
{
	int h = 0, m = 0, nd = 0;
	const char *p = s;

	while (*p == ' ')
		p++;
	while (isdigit((unsigned char)*p) && nd < 3) {
		h = h * 10 + (*p++ - '0');
		nd++;
	}
	if (!nd || nd > 2)
		return -1;
	while (*p == ' ')
		p++;
	if (!strncmp(p, "giờ", strlen("giờ")))
		p += strlen("giờ");
	else if (*p == ':' || *p == 'h' || *p == 'H' || *p == 'g')
		p++;
	else
		return -1;
	while (*p == ' ')
		p++;
	nd = 0;
	while (isdigit((unsigned char)*p) && nd < 3) {
		m = m * 10 + (*p++ - '0');
		nd++;
	}
	if (nd > 2)
		return -1;
	while (*p == ' ')
		p++;
	if (!strncmp(p, "phút", strlen("phút")))
		p += strlen("phút");
	while (*p == ' ')
		p++;
	if (*p || h > 23 || m > 59)
		return -1;
	out[0] = (char)('0' + h / 10);
	out[1] = (char)('0' + h % 10);
	out[2] = ':';
	out[3] = (char)('0' + m / 10);
	out[4] = (char)('0' + m % 10);
	out[5] = 0;
	return 0;
}

/* The field whose label starts line `s` (up to its first colon), or -1;
 * *after gets the start of the value. */
static int field_of(const char *s, const char **after)
{
	const char *colon = strchr(s, ':');
	char label[96];
	size_t n;

	if (!colon || s[0] == ' ' || s[0] == '\t')
		return -1;
	n = (size_t)(colon - s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (!n || n >= sizeof(label))
		return -1;
	memcpy(label, s, n);
	label[n] = 0;
	for (int f = 0; f < MF_N; f++) {
		int hit = text_equal_fold(label, fields[f].key);
		for (int k = 0; !hit && k < 5 && fields[f].labels[k]; k++)
			hit = text_equal_fold(label, fields[f].labels[k]);
		if (hit) {
			*after = colon + 1;
			return f;
		}
	}
	return -1;
}

/* A bullet or a number at the start of a list entry ("- ", "+ ", "1. "). */
static const char *skip_bullet(const char *s, int *had)
{
	const char *p = s;

	*had = 0;
	while (*p == ' ' || *p == '\t')
		p++;
	if ((*p == '-' || *p == '+' || *p == '*') && (p[1] == ' ' || p[1] == '\t')) {
		*had = 1;
		p += 2;
	} else if (!strncmp(p, "•", strlen("•"))) {
		*had = 1;
		p += strlen("•");
	} else if (isdigit((unsigned char)*p)) {
		const char *q = p;
		while (isdigit((unsigned char)*q))
			q++;
		if ((*q == '.' || *q == ')') && (q[1] == ' ' || q[1] == '\t')) {
			*had = 1;
			p = q + 2;
		}
	}
	while (*p == ' ' || *p == '\t')
		p++;
	return p;
}

/* Trim white space at both ends of each line and blank lines at both ends. */
static char *tidy(const char *s)
{
	struct sbuf out = SBUF_INIT;
	const char *p = s;

	while (*p) {
		const char *eol = strchr(p, '\n');
		size_t n = eol ? (size_t)(eol - p) : strlen(p);
		const char *b = p;

		while (n && (*b == ' ' || *b == '\t')) {
			b++;
			n--;
		}
		while (n && (b[n - 1] == ' ' || b[n - 1] == '\t'))
			n--;
		if (n || out.len)
			sbuf_add(&out, b, n);
		sbuf_addch(&out, '\n');
		p = eol ? eol + 1 : p + strlen(p);
	}
	while (out.len && (out.buf[out.len - 1] == '\n'))
		out.buf[--out.len] = 0;
	/* blank lines at the start */
	{
		size_t k = 0;
		while (k < out.len && out.buf[k] == '\n')
			k++;
		if (k) {
			memmove(out.buf, out.buf + k, out.len - k + 1);
			out.len -= k;
		}
	}
	return sbuf_detach(&out, NULL);
}

/*
 * One entry a line: bullets and numbers dropped.  With `joined`, entries
 * are the lines that begin with a bullet when any does (the others go on
 * the entry above, after a space), else every line.
 */
static char *entries(const char *s, int joined)
{
	struct sbuf out = SBUF_INIT;
	int bullets = 0, had;
	const char *p;

	for (p = s; *p;) {
		skip_bullet(p, &had);
		bullets |= had;
		p = strchr(p, '\n') ? strchr(p, '\n') + 1 : p + strlen(p);
	}
	for (p = s; *p;) {
		const char *eol = strchr(p, '\n'), *b = skip_bullet(p, &had);
		size_t n = eol ? (size_t)(eol - b) : strlen(b);

		if (n) {
			if (out.len)
				sbuf_addch(&out, joined && bullets && !had ? ' ' : '\n');
			sbuf_add(&out, b, n);
		}
		p = eol ? eol + 1 : p + strlen(p);
	}
	return sbuf_detach(&out, NULL);
}

/* Point `l` at each line of s (s is kept). */
static void list_lines(char *s, struct opt_list *l)
{
	char *p = s;

	while (p && *p) {
		char *eol = strchr(p, '\n');
		if (eol)
			*eol = 0;
		l->v = xrealloc(l->v, sizeof(*l->v) * (size_t)(l->n + 1));
		l->v[l->n++] = p;
		p = eol ? eol + 1 : NULL;
	}
}

static int check_value(struct minutes *m, int f, long line)
{
	char *v = m->value[f];
	char t[6];
	int bad = 0;

	if (!*v)
		return error_at(m->path, line, 1, "mục '%s' để trống", fields[f].labels[0]);
	switch (fields[f].type) {
	case F_LINE:
		if (strchr(v, '\n'))
			bad = error_at(m->path, line, 1, "mục '%s' chỉ được viết trên một dòng", fields[f].labels[0]);
		break;
	case F_TIME:
		if (minutes_time(v, t) < 0)
			bad = error_at(m->path, line, 1, "mục '%s': '%s' không phải giờ (HH:MM, ví dụ 09:15 hoặc 9 giờ 15)",
				       fields[f].labels[0], v);
		else {
			free(m->value[f]);
			m->value[f] = xstrdup(t);
		}
		break;
	case F_PERSON: {
		char *comma;
		if (strchr(v, '\n')) {
			bad = error_at(m->path, line, 1, "mục '%s' là một người: 'Họ và tên, chức vụ' trên một dòng",
				       fields[f].labels[0]);
			break;
		}
		comma = strchr(v, ',');
		m->split[f == MF_CHAIR ? 0 : 1] = v;
		if (comma) {
			char *pos = comma + 1;
			while (*pos == ' ')
				pos++;
			*comma = 0;
			m->split_pos[f == MF_CHAIR ? 0 : 1] = *pos ? pos : NULL;
		}
		break;
	}
	case F_OPINIONS:
		for (char *p = v; p && *p;) {
			char *eol = strchr(p, '\n');
			char *colon = strchr(p, ':');
			if (!colon || (eol && colon > eol) || colon == p)
				bad = error_at(m->path, line, 1, "mục 'Ý kiến': mỗi ý kiến viết 'Họ và tên người ứng cử: ý kiến' (%.*s)",
					       (int)(eol ? eol - p : (long)strlen(p)), p);
			p = eol ? eol + 1 : NULL;
		}
		break;
	default:
		break;
	}
	return bad ? -1 : 0;
}

int minutes_load(const char *path, struct minutes *m)
{
	FILE *f;
	struct sbuf raw = SBUF_INIT, cur = SBUF_INIT;
	char buf[65536], *text;
	size_t n, bad_at;
	int field = -1, nerr = 0, seen_field = 0;
	long lineno = 0;
	const char *p;

	memset(m, 0, sizeof(*m));
	m->path = xstrdup(path);
	if (!(f = fopen(path, "rb")))
		return error("không mở được tệp biên bản '%s': %s", path, sys_msg(errno));
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0 && raw.len <= MINUTES_MAX_BYTES)
		sbuf_add(&raw, buf, n);
	fclose(f);
	if (raw.len > MINUTES_MAX_BYTES) {
		sbuf_release(&raw);
		return error("%s: tệp biên bản lớn quá %u MB", path, MINUTES_MAX_BYTES >> 20);
	}
	p = raw.buf;
	if (raw.len >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3))
		p += 3;
	if (raw.len >= 2 && (!memcmp(raw.buf, "\xFF\xFE", 2) || !memcmp(raw.buf, "\xFE\xFF", 2))) {
		sbuf_release(&raw);
		return error("%s: tệp là UTF-16; hãy lưu lại dạng UTF-8 (Word: Plain Text, mã hóa Unicode (UTF-8))", path);
	}
	text = text_clean(p, raw.len - (size_t)(p - raw.buf), &bad_at);
	if (!text) {
		long line = 1;
		for (size_t i = 0; i < bad_at && p + i < raw.buf + raw.len; i++)
			line += p[i] == '\n';
		sbuf_release(&raw);
		return error_at(path, line, 0, "không phải văn bản UTF-8; hãy lưu tệp dạng UTF-8");
	}
	sbuf_release(&raw);
	for (char *s = text; s;) {
		char *eol = strchr(s, '\n');
		const char *after;
		int nf;

		if (eol)
			*eol = 0;
		lineno++;
		if (s[0] == '#') {
			s = eol ? eol + 1 : NULL;
			continue;
		}
		nf = field_of(s, &after);
		if (nf >= 0 || !s[strspn(s, " \t")] || field >= 0) {
			if (nf >= 0) {
				if (field >= 0)
					m->value[field] = tidy(cur.buf);
				sbuf_reset(&cur);
				if (m->value[nf]) {
					error_at(path, lineno, 1, "mục '%s' đã có ở dòng %ld", fields[nf].labels[0], m->line[nf]);
					nerr++;
					free(m->value[nf]);
					m->value[nf] = NULL;
				}
				field = nf;
				m->line[nf] = lineno;
				seen_field = 1;
				sbuf_addstr(&cur, after);
			} else if (field >= 0) {
				sbuf_addch(&cur, '\n');
				sbuf_addstr(&cur, s);
			}
		} else if (!seen_field) {
			error_at(path, lineno, 1, "dòng này không thuộc mục nào; mỗi mục bắt đầu bằng tên mục và dấu hai chấm "
						  "(Mục đích:, Chủ trì:, Thư ký:, Thành phần:, Khách mời:, Diễn biến:, Nhất trí:, "
						  "Tổ kiểm phiếu:, Chứng kiến:, Phát phiếu:, Thu phiếu:, Ý kiến:, ...)");
			nerr++;
			seen_field = 1;
		}
		s = eol ? eol + 1 : NULL;
	}
	if (field >= 0)
		m->value[field] = tidy(cur.buf);
	sbuf_release(&cur);
	free(text);
	for (int k = 0; k < MF_N; k++) {
		if (!m->value[k])
			continue;
		if (fields[k].type == F_LIST || fields[k].type == F_PEOPLE || fields[k].type == F_OPINIONS) {
			char *e = entries(m->value[k], fields[k].type == F_OPINIONS);
			free(m->value[k]);
			m->value[k] = e;
		}
		if (check_value(m, k, m->line[k]) < 0)
			nerr++;
	}
	if (nerr)
		return -1;
	if (m->value[MF_TELLERS])
		list_lines(m->value[MF_TELLERS], &m->tellers);
	if (m->value[MF_WITNESSES])
		list_lines(m->value[MF_WITNESSES], &m->witnesses);
	if (m->value[MF_OPINIONS])
		list_lines(m->value[MF_OPINIONS], &m->opinions);
	return 0;
}

static int both(const struct minutes *m, int f)
{
	return error("mục '%s' có cả trong tệp biên bản '%s' (dòng %ld) và trong %s; chỉ ghi ở một nơi",
		     fields[f].labels[0], m->path, m->line[f], fields[f].option);
}

static int give(const struct minutes *m, int f, const char **dst)
{
	if (!m->value[f])
		return 0;
	if (*dst)
		return both(m, f);
	*dst = m->value[f];
	return 0;
}

static int give_list(const struct minutes *m, int f, const struct opt_list *src, struct opt_list *dst)
{
	if (!m->value[f])
		return 0;
	if (dst->n)
		return both(m, f);
	dst->v = xcalloc((size_t)src->n + 1, sizeof(*dst->v));
	for (int i = 0; i < src->n; i++)
		dst->v[i] = src->v[i];
	dst->n = src->n;
	return 0;
}

int minutes_apply(struct minutes *m, struct conf_args *a)
{
	int bad = 0;

	bad |= give(m, MF_PURPOSE, &a->purpose);
	bad |= give(m, MF_PLACE, &a->place);
	bad |= give(m, MF_START, &a->start);
	bad |= give(m, MF_END, &a->end);
	bad |= give(m, MF_ATTENDEES, &a->attendees);
	bad |= give(m, MF_GUESTS, &a->guests);
	bad |= give(m, MF_AGENDA, &a->agenda);
	bad |= give(m, MF_AGREED, &a->agreed);
	bad |= give(m, MF_ISSUE_TIME, &a->issue_time);
	bad |= give(m, MF_COLLECT_TIME, &a->collect_time);
	bad |= give(m, MF_COMMUNE, &a->commune);
	bad |= give(m, MF_LOCALITY, &a->locality);
	bad |= give(m, MF_NOTICE, &a->notice);
	if (m->value[MF_CHAIR]) {
		if (a->chair || a->chair_position)
			bad |= both(m, MF_CHAIR);
		else {
			a->chair = m->split[0];
			a->chair_position = m->split_pos[0];
		}
	}
	if (m->value[MF_SECRETARY]) {
		if (a->secretary || a->secretary_position)
			bad |= both(m, MF_SECRETARY);
		else {
			a->secretary = m->split[1];
			a->secretary_position = m->split_pos[1];
		}
	}
	bad |= give_list(m, MF_TELLERS, &m->tellers, &a->tellers_named);
	bad |= give_list(m, MF_WITNESSES, &m->witnesses, &a->witnesses);
	bad |= give_list(m, MF_OPINIONS, &m->opinions, &a->opinions);
	return bad ? -1 : 0;
}

void minutes_release(struct minutes *m)
{
	free(m->path);
	for (int k = 0; k < MF_N; k++)
		free(m->value[k]);
	free(m->tellers.v);
	free(m->witnesses.v);
	free(m->opinions.v);
	memset(m, 0, sizeof(*m));
}
