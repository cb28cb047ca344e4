/*
 * xlsx_read.c - one worksheet of an .xlsx workbook, row by row; see
 * xlsx_read.h, and docs/xlsx-reading.md for the choices.
 *
 * The package is opened with libzip (zip_fdopen), every part is read as a
 * stream (zip_fread) and parsed with expat.  The small parts (relationships,
 * workbook, styles, shared strings) are parsed whole when the reader opens.
 * The sheet is parsed as it is read: xlsx_reader_next() feeds expat
 * XLSX_CHUNK bytes at a time, and the end of every <row> suspends the
 * parser (XML_StopParser(..., XML_TRUE)) so that the row can be handed
 * out; the next call resumes it.  Merged ranges are listed after the rows
 * in a sheet's XML, so a first pass over the sheet looks for them: a plain
 * byte search, and an expat pass only when the word is there.
 *
 * Every expat parser refuses a document type declaration, so no entity
 * can be declared (no billion laughs, no external entities).  Every part
 * read counts its decompressed bytes against a bound.
 */
#include <errno.h>
#include <expat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zip.h>
#include "date.h"
#include "sbuf.h"
#include "text.h"
#include "xlsx_read.h"
#include "banned.h"

/* A part being read: the zip entry, how much came out, and its bound. */
struct part {
	zip_file_t *zf;
	const char *name;
	long long out, comp, max;
};

struct range {
	long r1, c1, r2, c2;	/* 1-based, inclusive */
	char *val;		/* the first cell's text, once its row was read */
	unsigned char flags;
};

enum cell_type { CT_NUMBER, CT_SHARED, CT_INLINE, CT_STR, CT_BOOL, CT_ERROR, CT_DATE };

struct xlsx_reader {
	/* First: every expat handler's user data starts with the reader's
	 * address (the sheet's is the reader itself), so that the DTD
	 * handlers find it whatever part they parse. */
	struct xlsx_reader *self;
	zip_t *za;
	char *name;		/* the file, for messages */
	char *sheet;		/* the sheet's name */
	int date1904;

	/* shared strings: text of string i at strs.buf + soff[i], slen[i] bytes */
	struct sbuf strs;
	size_t *soff, *slen, nstr, astr;

	/* styles: per cell format (xf index), 0 not a date, else what to show */
	unsigned char *xf_kind;
	size_t nxf, axf;

	/* merged ranges, sorted by first row; the ones over the current row */
	struct range *ranges;
	size_t nranges, aranges, next_range;
	size_t *active;
	size_t nactive;

	/* the sheet's parser */
	XML_Parser xp;
	struct part sheet_part;
	int suspended, fed_final, done, failed;

	/* parse state */
	int in_sheetdata, in_row, in_c, in_v, in_is, in_t, in_rph, has_f, has_v;
	enum cell_type ctype;
	long style;
	long row_no, col_no, last_row, last_col;
	struct sbuf val;

	/* the current row: texts back to back in rowbuf */
	struct sbuf rowbuf;
	size_t *off, *len;
	unsigned char *flags;
	const char **cells;
	size_t ncells, acells;
	int row_ready;

	char err[512];
	long err_row, err_col;
};

/* ---- small helpers ------------------------------------------------------ */

/* "row" of "row", "x:row" (a prefixed namespace) or "uri|row". */
static const char *local_name(const char *n)
{
	const char *p = n, *last = n;

	for (; *p; p++)
		if (*p == ':' || *p == '|')
			last = p + 1;
	return last;
}

static const char *attr(const char **atts, const char *name)
{
	for (int i = 0; atts[i]; i += 2)
		if (!strcmp(local_name(atts[i]), name))
			return atts[i + 1];
	return NULL;
}

/* An attribute with a namespace prefix (r:id), not a declaration (xmlns:r). */
static const char *ns_attr(const char **atts, const char *name)
{
	for (int i = 0; atts[i]; i += 2)
		if (strchr(atts[i], ':') && strncmp(atts[i], "xmlns", 5) && !strcmp(local_name(atts[i]), name))
			return atts[i + 1];
	return NULL;
}

__attribute__((format(printf, 2, 3)))
static void fail(struct xlsx_reader *r, const char *fmt, ...)
{
	va_list ap;

	if (r->failed)
		return;
	r->failed = 1;
	if (r->in_row && !r->err_row)
		r->err_row = r->row_no;
	if (r->in_c && !r->err_col)
		r->err_col = r->col_no;
	va_start(ap, fmt);
	vsnprintf(r->err, sizeof(r->err), fmt, ap);
	va_end(ap);
	if (r->xp)
		XML_StopParser(r->xp, XML_FALSE);
}

void xlsx_col_name(long col, char *buf, size_t len)
{
	char tmp[8];
	int n = 0;

	while (col > 0 && n < (int)sizeof(tmp)) {
		col--;
		tmp[n++] = (char)('A' + col % 26);
		col /= 26;
	}
	if (len == 0)
		return;
	for (int i = 0; i < n && (size_t)i + 1 < len; i++)
		buf[i] = tmp[n - 1 - i];
	buf[(size_t)n < len ? (size_t)n : len - 1] = '\0';
}

/* "C7" -> column 3, row 7; either may be absent ("C", "7"). 0 or -1. */
static int parse_ref(const char *s, long *col, long *row)
{
	long c = 0, rw = 0;

	while (*s >= 'A' && *s <= 'Z') {
		c = c * 26 + (*s++ - 'A' + 1);
		if (c > XLSX_MAX_COLS)
			return -1;
	}
	while (*s >= '0' && *s <= '9') {
		rw = rw * 10 + (*s++ - '0');
		if (rw > XLSX_MAX_ROWS)
			return -1;
	}
	if (*s)
		return -1;
	*col = c;
	*row = rw;
	return 0;
}

/* 1 when the m bytes of w occur in the n bytes of b (memmem is GNU only). */
static int find_bytes(const void *b, size_t n, const void *w, size_t m)
{
	const unsigned char *p = b, *end;

	if (m == 0 || n < m)
		return m == 0;
	end = p + n - m;
	while (p <= end) {
		const unsigned char *q = memchr(p, *(const unsigned char *)w, (size_t)(end - p) + 1);
		if (!q)
			return 0;
		if (!memcmp(q, w, m))
			return 1;
		p = q + 1;
	}
	return 0;
}

enum xlsx_kind xlsx_sniff(const unsigned char *b, size_t n)
{
	static const unsigned char cfb[8] = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };

	if (n >= 4 && b[0] == 'P' && b[1] == 'K' && ((b[2] == 3 && b[3] == 4) || (b[2] == 5 && b[3] == 6)))
		return XLSX_KIND_ZIP;
	if (n >= 8 && !memcmp(b, cfb, 8))
		return XLSX_KIND_CFB;
	if (n >= 2 && b[0] == 0xFF && b[1] == 0xFE)
		return XLSX_KIND_UTF16LE;
	if (n >= 2 && b[0] == 0xFE && b[1] == 0xFF)
		return XLSX_KIND_UTF16BE;
	return XLSX_KIND_TEXT;
}

int xlsx_cfb_is_encrypted(const unsigned char *b, size_t n)
{
	/* "EncryptedPackage" as a directory entry's UTF-16LE name */
	static const char name[] = "EncryptedPackage";
	unsigned char u16[2 * (sizeof(name) - 1)];

	for (size_t i = 0; i < sizeof(name) - 1; i++) {
		u16[2 * i] = (unsigned char)name[i];
		u16[2 * i + 1] = 0;
	}
	return find_bytes(b, n, u16, sizeof(u16));
}

/* ---- dates and number formats ------------------------------------------- */

int xlsx_format_kind(int id, const char *code)
{
	int date = 0, time = 0, quoted = 0;

	if ((id >= 14 && id <= 17) || (id >= 27 && id <= 36) || (id >= 50 && id <= 58))
		return 1;
	if ((id >= 18 && id <= 21) || (id >= 45 && id <= 47))
		return 2;
	if (id == 22)
		return 3;
	if (!code)
		return 0;
	for (const char *p = code; *p; p++) {
		if (quoted) {
			quoted = *p != '"';
			continue;
		}
		switch (*p) {
		case '"':
			quoted = 1;
			break;
		case '\\':
		case '_':
		case '*':
			if (p[1])
				p++;
			break;
		case '[':
			/* [Red], [$-42A], [h]: only an elapsed-time bracket counts */
			if (p[1] == 'h' || p[1] == 'H' || p[1] == 'm' || p[1] == 'M' || p[1] == 's' || p[1] == 'S')
				time = 1;
			while (*p && *p != ']')
				p++;
			if (!*p)
				p--;
			break;
		case 'y': case 'Y': case 'd': case 'D':
			date = 1;
			break;
		case 'h': case 'H': case 's': case 'S':
			time = 1;
			break;
		case 'm': case 'M':
			break;	/* month or minute: decided by the others */
		case ';':
			/* only the first section (positive numbers) says what it is */
			return date | (time << 1);
		default:
			break;
		}
	}
	if (!date && !time) {
		/* "mm/yyyy" has a y; "mmm" alone is a month name */
		for (const char *p = code; *p; p++)
			if (*p == 'm' || *p == 'M') {
				int run = 0;
				while (p[run] == 'm' || p[run] == 'M')
					run++;
				if (run >= 3)
					date = 1;
				p += run - 1;
			}
	}
	return date | (time << 1);
}

int xlsx_serial_text(double v, int date1904, int what, char *buf, size_t len)
{
	long long minutes;
	long days;
	struct date base, d;

	if (!(v >= 0) || v > 2958465.0)	/* 31/12/9999 */
		return -1;
	minutes = (long long)(v * 1440.0 + 0.5);	/* v >= 0 */
	days = (long)(minutes / 1440);
	minutes %= 1440;
	if (date1904) {
		base = (struct date){ 1904, 1, 1 };
	} else if (days == 60) {
		return -1;	/* 29/02/1900, which Excel shows and which never was */
	} else if (days < 60) {
		base = (struct date){ 1899, 12, 31 };
	} else {
		base = (struct date){ 1899, 12, 30 };
	}
	if (what == 2) {
		snprintf(buf, len, "%02lld:%02lld", minutes / 60, minutes % 60);
		return 0;
	}
	if (!date1904 && days == 0)
		return -1;	/* 00/01/1900 */
	d = date_from_days(date_to_days(base) + days);
	if (what == 3 && minutes)
		snprintf(buf, len, "%02d/%02d/%04d %02lld:%02lld", d.d, d.m, d.y, minutes / 60, minutes % 60);
	else
		snprintf(buf, len, "%02d/%02d/%04d", d.d, d.m, d.y);
	return 0;
}

/* ---- parts --------------------------------------------------------------- */

static zip_int64_t locate(struct xlsx_reader *r, const char *name)
{
	return zip_name_locate(r->za, name, 0);
}

static int part_open(struct xlsx_reader *r, zip_int64_t idx, long long max, struct part *p)
{
	zip_stat_t st;

	memset(p, 0, sizeof(*p));
	p->name = zip_get_name(r->za, (zip_uint64_t)idx, 0);
	p->max = max;
	zip_stat_init(&st);
	if (zip_stat_index(r->za, (zip_uint64_t)idx, 0, &st) == 0 && (st.valid & ZIP_STAT_COMP_SIZE))
		p->comp = (long long)st.comp_size;
	p->zf = zip_fopen_index(r->za, (zip_uint64_t)idx, 0);
	if (!p->zf) {
		int ze = zip_error_code_zip(zip_get_error(r->za));
		if (ze == ZIP_ER_COMPNOTSUPP)
			fail(r, "phần '%s' nén bằng cách mà hiepthuong không đọc được; hãy mở bằng Excel và lưu lại",
			     p->name);
		else if (ze == ZIP_ER_ENCRNOTSUPP || ze == ZIP_ER_NOPASSWD)
			fail(r, "tệp được mã hóa (đặt mật khẩu); hãy bỏ mật khẩu rồi lưu lại");
		else
			fail(r, "tệp .xlsx hỏng: không mở được phần '%s'", p->name);
		return -1;
	}
	return 0;
}

static void part_close(struct part *p)
{
	if (p->zf)
		zip_fclose(p->zf);
	p->zf = NULL;
}

/* Up to n bytes of the part: how many, 0 at its end, -1 after failing. */
static long part_read(struct xlsx_reader *r, struct part *p, char *buf, size_t n)
{
	zip_int64_t got = zip_fread(p->zf, buf, n);

	if (got < 0) {
		int ze = zip_error_code_zip(zip_file_get_error(p->zf));
		if (ze == ZIP_ER_CRC)
			fail(r, "tệp .xlsx hỏng: phần '%s' sai mã kiểm tra (CRC)", p->name);
		else
			fail(r, "tệp .xlsx hỏng hoặc không đầy đủ: không giải nén được phần '%s'", p->name);
		return -1;
	}
	p->out += got;
	if (p->out > p->max) {
		fail(r, "phần '%s' giải nén ra hơn %lld MB: tệp bị từ chối (có thể là 'bom zip')", p->name,
		     p->max >> 20);
		return -1;
	}
	if (p->out > XLSX_RATIO_FROM && p->out / XLSX_RATIO > p->comp) {
		fail(r, "phần '%s' giải nén ra hơn %d lần kích thước nén: tệp bị từ chối (có thể là 'bom zip')",
		     p->name, XLSX_RATIO);
		return -1;
	}
	return (long)got;
}

/* ---- XML ------------------------------------------------------------------ */

static void XMLCALL on_doctype(void *ud, const XML_Char *name, const XML_Char *sysid, const XML_Char *pubid,
			       int has_internal)
{
	struct xlsx_reader *r = *(struct xlsx_reader **)ud;

	(void)name;
	(void)sysid;
	(void)pubid;
	(void)has_internal;
	fail(r, "tệp có khai báo DTD (DOCTYPE), điều tệp Excel không bao giờ có: tệp bị từ chối");
}

static void XMLCALL on_entity(void *ud, const XML_Char *name, int is_param, const XML_Char *value, int len,
			      const XML_Char *base, const XML_Char *sysid, const XML_Char *pubid,
			      const XML_Char *notation)
{
	(void)name; (void)is_param; (void)value; (void)len; (void)base; (void)sysid; (void)pubid; (void)notation;
	fail(*(struct xlsx_reader **)ud, "tệp khai báo thực thể XML (ENTITY): tệp bị từ chối");
}

static XML_Parser new_parser(struct xlsx_reader *r, void *ud)
{
	/* Without namespace processing: expat would otherwise build
	 * "uri|name" for every element, a fifth of the parse.  Names are
	 * compared by their local part (local_name()). */
	XML_Parser p = XML_ParserCreate(NULL);

	if (!p) {
		fail(r, "hết bộ nhớ");
		return NULL;
	}
	XML_SetUserData(p, ud);
	XML_SetStartDoctypeDeclHandler(p, on_doctype);
	XML_SetEntityDeclHandler(p, on_entity);
	XML_SetParamEntityParsing(p, XML_PARAM_ENTITY_PARSING_NEVER);
	return p;
}

static void xml_failed(struct xlsx_reader *r, XML_Parser p, const char *part)
{
	if (r->failed)
		return;
	fail(r, "tệp .xlsx hỏng: XML của phần '%s' không hợp lệ (dòng %lu, cột %lu của phần)", part,
	     (unsigned long)XML_GetCurrentLineNumber(p), (unsigned long)XML_GetCurrentColumnNumber(p) + 1);
}

/*
 * Parse a whole part with handlers that get `ud` (whose first member
 * must be the reader, so that the DTD handlers find it).
 */
static int parse_part(struct xlsx_reader *r, const char *name, long long max, void *ud,
		      XML_StartElementHandler start, XML_EndElementHandler end, XML_CharacterDataHandler text)
{
	zip_int64_t idx = locate(r, name);
	struct part p;
	XML_Parser xp;
	int rc = -1;

	if (idx < 0) {
		fail(r, "tệp .xlsx thiếu phần '%s'", name);
		return -1;
	}
	if (part_open(r, idx, max, &p) < 0)
		return -1;
	if (!(xp = new_parser(r, ud)))
		goto out;
	r->xp = xp;
	XML_SetElementHandler(xp, start, end);
	if (text)
		XML_SetCharacterDataHandler(xp, text);
	for (;;) {
		void *buf = XML_GetBuffer(xp, (int)XLSX_CHUNK);
		long n;

		if (!buf) {
			fail(r, "hết bộ nhớ");
			break;
		}
		if ((n = part_read(r, &p, buf, XLSX_CHUNK)) < 0)
			break;
		if (XML_ParseBuffer(xp, (int)n, n == 0) != XML_STATUS_OK) {
			xml_failed(r, xp, name);
			break;
		}
		if (r->failed)
			break;
		if (n == 0) {
			rc = 0;
			break;
		}
	}
	r->xp = NULL;
	XML_ParserFree(xp);
out:
	part_close(&p);
	return rc;
}

/* ---- relationships -------------------------------------------------------- */

/*
 * A relationship's target resolved against the folder of its source part
 * ("xl/"), into out; -1 when it leaves the package.
 */
static int resolve_target(const char *dir, const char *target, struct sbuf *out)
{
	struct sbuf path = SBUF_INIT;
	char *segs[256];
	int n = 0, rc = -1;
	char *s, *save = NULL;

	if (target[0] == '/')
		sbuf_addstr(&path, target + 1);
	else
		sbuf_addf(&path, "%s%s", dir, target);
	for (s = strtok_r(path.buf, "/", &save); s; s = strtok_r(NULL, "/", &save)) {
		if (!strcmp(s, "."))
			continue;
		if (!strcmp(s, "..")) {
			if (n == 0)
				goto out;
			n--;
			continue;
		}
		if (n == (int)(sizeof(segs) / sizeof(segs[0])))
			goto out;
		segs[n++] = s;
	}
	sbuf_reset(out);
	for (int i = 0; i < n; i++)
		sbuf_addf(out, "%s%s", i ? "/" : "", segs[i]);
	rc = n ? 0 : -1;
out:
	sbuf_release(&path);
	return rc;
}

struct rels {
	struct xlsx_reader *r;
	const char *dir;
	/* what to find: by id, or by the end of the type */
	const char *want_id, *want_type;
	struct sbuf target;
	char *type;
	int found;
};

static void XMLCALL rels_start(void *ud, const XML_Char *el, const XML_Char **atts)
{
	struct rels *s = ud;
	const char *id, *type, *target, *mode;
	size_t tl, wl;

	if (s->r->failed || strcmp(local_name(el), "Relationship"))
		return;
	id = attr(atts, "Id");
	type = attr(atts, "Type");
	target = attr(atts, "Target");
	mode = attr(atts, "TargetMode");
	if (!id || !type || !target || s->found)
		return;
	if (s->want_id && strcmp(id, s->want_id))
		return;
	if (s->want_type) {
		tl = strlen(type);
		wl = strlen(s->want_type);
		if (tl < wl || strcmp(type + tl - wl, s->want_type))
			return;
	}
	if (mode && !strcmp(mode, "External")) {
		fail(s->r, "trang tính trỏ ra ngoài tệp ('%s'): tệp bị từ chối", target);
		return;
	}
	if (resolve_target(s->dir, target, &s->target) < 0) {
		fail(s->r, "tệp .xlsx có đường dẫn vượt ra ngoài tệp ('%s'): tệp bị từ chối", target);
		return;
	}
	s->type = xstrdup(type);
	s->found = 1;
}

static void XMLCALL no_end(void *ud, const XML_Char *el)
{
	(void)ud;
	(void)el;
}

/* The target of a relationship of part `rels_name`: 1 found, 0 not, -1. */
static int find_rel(struct xlsx_reader *r, const char *rels_name, const char *dir, const char *id, const char *type,
		    struct sbuf *target, char **type_out)
{
	struct rels s = { r, dir, id, type, SBUF_INIT, NULL, 0 };

	if (locate(r, rels_name) < 0)
		return 0;
	if (parse_part(r, rels_name, XLSX_PART_MAX, &s, rels_start, no_end, NULL) < 0) {
		sbuf_release(&s.target);
		free(s.type);
		return -1;
	}
	if (s.found) {
		sbuf_reset(target);
		sbuf_addstr(target, s.target.buf);
	}
	if (type_out)
		*type_out = s.type;
	else
		free(s.type);
	sbuf_release(&s.target);
	return s.found;
}

/* ---- workbook -------------------------------------------------------------- */

struct sheet_info {
	char *name, *rid;
	int hidden;
};

struct wb {
	struct xlsx_reader *r;
	struct sheet_info *sheets;
	int n, alloc;
};

static void XMLCALL wb_start(void *ud, const XML_Char *el, const XML_Char **atts)
{
	struct wb *w = ud;
	const char *ln = local_name(el);

	if (w->r->failed)
		return;
	if (!strcmp(ln, "workbookPr")) {
		const char *v = attr(atts, "date1904");
		w->r->date1904 = v && (!strcmp(v, "1") || !strcmp(v, "true"));
	} else if (!strcmp(ln, "sheet")) {
		const char *name = attr(atts, "name"), *rid = ns_attr(atts, "id"), *state = attr(atts, "state");
		if (!name || !rid)
			return;
		if (w->n == w->alloc) {
			w->alloc = w->alloc ? 2 * w->alloc : 8;
			w->sheets = xrealloc(w->sheets, sizeof(*w->sheets) * (size_t)w->alloc);
		}
		w->sheets[w->n].name = xstrdup(name);
		w->sheets[w->n].rid = xstrdup(rid);
		w->sheets[w->n].hidden = state && strcmp(state, "visible");
		w->n++;
	}
}

/* ---- styles ---------------------------------------------------------------- */

struct styles {
	struct xlsx_reader *r;
	int in_xfs;
	int *fmt_id;
	char **fmt_code;
	int nfmt, afmt;
	int *xf_fmt;
	size_t nxf, axf;
};

static void XMLCALL st_start(void *ud, const XML_Char *el, const XML_Char **atts)
{
	struct styles *s = ud;
	const char *ln = local_name(el);

	if (s->r->failed)
		return;
	if (!strcmp(ln, "numFmt")) {
		const char *id = attr(atts, "numFmtId"), *code = attr(atts, "formatCode");
		if (!id || !code)
			return;
		if (s->nfmt == s->afmt) {
			s->afmt = s->afmt ? 2 * s->afmt : 16;
			s->fmt_id = xrealloc(s->fmt_id, sizeof(*s->fmt_id) * (size_t)s->afmt);
			s->fmt_code = xrealloc(s->fmt_code, sizeof(*s->fmt_code) * (size_t)s->afmt);
		}
		s->fmt_id[s->nfmt] = (int)strtol(id, NULL, 10);
		s->fmt_code[s->nfmt++] = xstrdup(code);
	} else if (!strcmp(ln, "cellXfs")) {
		s->in_xfs = 1;
	} else if (s->in_xfs && !strcmp(ln, "xf")) {
		const char *id = attr(atts, "numFmtId");
		if (s->nxf == s->axf) {
			s->axf = s->axf ? 2 * s->axf : 64;
			s->xf_fmt = xrealloc(s->xf_fmt, sizeof(*s->xf_fmt) * s->axf);
		}
		s->xf_fmt[s->nxf++] = id ? (int)strtol(id, NULL, 10) : 0;
	}
}

static void XMLCALL st_end(void *ud, const XML_Char *el)
{
	struct styles *s = ud;

	if (!strcmp(local_name(el), "cellXfs"))
		s->in_xfs = 0;
}

static int load_styles(struct xlsx_reader *r, const char *name)
{
	struct styles s = { r, 0, NULL, NULL, 0, 0, NULL, 0, 0 };
	int rc = parse_part(r, name, XLSX_PART_MAX, &s, st_start, st_end, NULL);

	if (rc == 0) {
		r->xf_kind = xcalloc(s.nxf ? s.nxf : 1, 1);
		r->nxf = s.nxf;
		for (size_t i = 0; i < s.nxf; i++) {
			const char *code = NULL;
			for (int f = 0; f < s.nfmt; f++)
				if (s.fmt_id[f] == s.xf_fmt[i])
					code = s.fmt_code[f];
			/* a custom format may reuse a built-in id: its code decides */
			r->xf_kind[i] = (unsigned char)xlsx_format_kind(code ? -1 : s.xf_fmt[i], code);
		}
	}
	for (int f = 0; f < s.nfmt; f++)
		free(s.fmt_code[f]);
	free(s.fmt_code);
	free(s.fmt_id);
	free(s.xf_fmt);
	return rc;
}

/* ---- shared strings ---------------------------------------------------------- */

struct sst {
	struct xlsx_reader *r;
	int in_si, in_t, in_rph;
	size_t start;
};

static void XMLCALL sst_start(void *ud, const XML_Char *el, const XML_Char **atts)
{
	struct sst *s = ud;
	const char *ln = local_name(el);

	(void)atts;
	if (!strcmp(ln, "si")) {
		s->in_si = 1;
		s->start = s->r->strs.len;
	} else if (!strcmp(ln, "rPh")) {
		s->in_rph = 1;
	} else if (s->in_si && !s->in_rph && !strcmp(ln, "t")) {
		s->in_t = 1;
	}
}

static void XMLCALL sst_end(void *ud, const XML_Char *el)
{
	struct sst *s = ud;
	struct xlsx_reader *r = s->r;
	const char *ln = local_name(el);

	if (!strcmp(ln, "t")) {
		s->in_t = 0;
	} else if (!strcmp(ln, "rPh")) {
		s->in_rph = 0;
	} else if (!strcmp(ln, "si")) {
		if (r->nstr == r->astr) {
			r->astr = r->astr ? 2 * r->astr : 1024;
			r->soff = xrealloc(r->soff, sizeof(*r->soff) * r->astr);
			r->slen = xrealloc(r->slen, sizeof(*r->slen) * r->astr);
		}
		r->soff[r->nstr] = s->start;
		r->slen[r->nstr++] = r->strs.len - s->start;
		s->in_si = 0;
	}
}

static void XMLCALL sst_text(void *ud, const XML_Char *t, int n)
{
	struct sst *s = ud;

	if (s->in_t && !s->in_rph)
		sbuf_add(&s->r->strs, t, (size_t)n);
}

/* ---- merged ranges ---------------------------------------------------------- */

static void XMLCALL merge_start(void *ud, const XML_Char *el, const XML_Char **atts)
{
	struct xlsx_reader *r = ud;
	const char *ref, *colon;
	char a[16], b[16];
	struct range g;

	if (r->failed || strcmp(local_name(el), "mergeCell") || !(ref = attr(atts, "ref")))
		return;
	colon = strchr(ref, ':');
	if (!colon || (size_t)(colon - ref) >= sizeof(a) || strlen(colon + 1) >= sizeof(b))
		return;
	memcpy(a, ref, (size_t)(colon - ref));
	a[colon - ref] = 0;
	snprintf(b, sizeof(b), "%s", colon + 1);
	memset(&g, 0, sizeof(g));
	if (parse_ref(a, &g.c1, &g.r1) < 0 || parse_ref(b, &g.c2, &g.r2) < 0 || !g.c1 || !g.r1 || g.c2 < g.c1 ||
	    g.r2 < g.r1)
		return;	/* a range Excel would not write: ignored */
	if (r->nranges == r->aranges) {
		r->aranges = r->aranges ? 2 * r->aranges : 32;
		r->ranges = xrealloc(r->ranges, sizeof(*r->ranges) * r->aranges);
	}
	r->ranges[r->nranges++] = g;
}

static int cmp_range(const void *a, const void *b)
{
	const struct range *x = a, *y = b;

	if (x->r1 != y->r1)
		return x->r1 < y->r1 ? -1 : 1;
	return (x->c1 > y->c1) - (x->c1 < y->c1);
}

/* Does the sheet mention merged cells at all?  1, 0, or -1. */
static int sheet_has_merges(struct xlsx_reader *r, zip_int64_t idx)
{
	static const char word[] = "mergeCell";
	const size_t wl = sizeof(word) - 1;
	char *buf = xmalloc(XLSX_CHUNK + wl);
	size_t keep = 0;
	struct part p;
	int rc = 0;
	long n;

	if (part_open(r, idx, XLSX_SHEET_MAX, &p) < 0) {
		free(buf);
		return -1;
	}
	while ((n = part_read(r, &p, buf + keep, XLSX_CHUNK)) > 0) {
		size_t have = keep + (size_t)n;
		if (find_bytes(buf, have, word, wl)) {
			rc = 1;
			break;
		}
		keep = have < wl - 1 ? have : wl - 1;
		memmove(buf, buf + have - keep, keep);
	}
	if (n < 0)
		rc = -1;
	part_close(&p);
	free(buf);
	return rc;
}

/* ---- the sheet ---------------------------------------------------------------- */

static void cells_reserve(struct xlsx_reader *r, size_t n)
{
	if (n <= r->acells)
		return;
	while (r->acells < n)
		r->acells = r->acells ? 2 * r->acells : 64;
	r->off = xrealloc(r->off, sizeof(*r->off) * r->acells);
	r->len = xrealloc(r->len, sizeof(*r->len) * r->acells);
	r->flags = xrealloc(r->flags, r->acells);
	r->cells = xrealloc(r->cells, sizeof(*r->cells) * r->acells);
}

/* Set column col (1-based) of the current row to s (n bytes). */
static void put_cell(struct xlsx_reader *r, long col, const char *s, size_t n, unsigned char flags)
{
	size_t i = (size_t)col - 1;

	cells_reserve(r, (size_t)col);
	while (r->ncells < (size_t)col) {
		r->off[r->ncells] = (size_t)-1;
		r->len[r->ncells] = 0;
		r->flags[r->ncells++] = 0;
	}
	r->off[i] = r->rowbuf.len;
	r->len[i] = n;
	r->flags[i] = flags;
	sbuf_add(&r->rowbuf, s, n);
	sbuf_addch(&r->rowbuf, '\0');
}

/* Line breaks and tabs inside a cell become spaces, as a reader sees them. */
static void flatten(char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] == '\n' || s[i] == '\r' || s[i] == '\t')
			s[i] = ' ';
}

static void number_text(double v, char *buf, size_t len)
{
	if (v > -1e15 && v < 1e15 && v == (double)(long long)v)
		snprintf(buf, len, "%.0f", v);
	else
		snprintf(buf, len, "%.15g", v);
}

static void end_cell(struct xlsx_reader *r)
{
	char num[64];
	const char *s = r->val.buf;
	size_t n = r->val.len;
	unsigned char flags = 0;

	if (r->col_no < 1)
		return;
	if (r->has_f && (!r->has_v || (!n && r->ctype != CT_STR))) {
		s = "công thức chưa có giá trị đã tính; hãy mở tệp bằng Excel hoặc LibreOffice và lưu lại";
		n = strlen(s);
		flags = XLSX_CELL_ERROR;
	} else if (r->ctype == CT_ERROR) {
		snprintf(num, sizeof(num), "ô có giá trị lỗi %s", n ? r->val.buf : "#?");
		s = num;
		n = strlen(s);
		flags = XLSX_CELL_ERROR;
	} else if (r->ctype == CT_SHARED) {
		char *end;
		long idx;

		if (!n)
			return;
		idx = strtol(s, &end, 10);
		if (*end || idx < 0 || (size_t)idx >= r->nstr) {
			s = "ô trỏ tới chuỗi không có trong bảng chuỗi dùng chung (tệp hỏng)";
			n = strlen(s);
			flags = XLSX_CELL_ERROR;
		} else {
			s = r->strs.buf + r->soff[idx];
			n = r->slen[idx];
		}
	} else if (r->ctype == CT_BOOL) {
		s = n && s[0] == '1' ? "TRUE" : n ? "FALSE" : "";
		n = strlen(s);
	} else if (r->ctype == CT_NUMBER && n) {
		char *end;
		double v = strtod(s, &end);
		int kind = r->style >= 0 && (size_t)r->style < r->nxf ? r->xf_kind[r->style] : 0;

		if (*end) {
			s = "ô số không đọc được (tệp hỏng)";
			flags = XLSX_CELL_ERROR;
		} else if (kind) {
			if (xlsx_serial_text(v, r->date1904, kind, num, sizeof(num)) < 0) {
				snprintf(num, sizeof(num), "ô định dạng ngày nhưng giá trị %s không phải ngày", s);
				flags = XLSX_CELL_ERROR;
			}
			s = num;
		} else {
			number_text(v, num, sizeof(num));
			s = num;
		}
		n = strlen(s);
	} else if (r->ctype == CT_DATE && n) {
		/* ISO 8601 (strict files): the date part as dd/mm/yyyy */
		int y, m, d;
		if (sscanf(s, "%4d-%2d-%2d", &y, &m, &d) == 3) {
			snprintf(num, sizeof(num), "%02d/%02d/%04d", d, m, y);
			s = num;
			n = strlen(s);
		}
	}
	if (n > XLSX_MAX_CELL) {
		fail(r, "ô quá dài (hơn 32.767 ký tự)");
		return;
	}
	if (!n && !flags)
		return;
	put_cell(r, r->col_no, s, n, flags);
	if (!flags)
		flatten(r->rowbuf.buf + r->off[r->col_no - 1], n);
}

/* Merged ranges over row `row`: fill their cells from their first one. */
static void apply_merges(struct xlsx_reader *r, long row)
{
	size_t k = 0;

	while (r->next_range < r->nranges && r->ranges[r->next_range].r1 <= row) {
		if (r->ranges[r->next_range].r2 >= row) {
			r->active = xrealloc(r->active, sizeof(*r->active) * (r->nactive + 1));
			r->active[r->nactive++] = r->next_range;
		}
		r->next_range++;
	}
	for (size_t i = 0; i < r->nactive; i++)
		if (r->ranges[r->active[i]].r2 >= row)
			r->active[k++] = r->active[i];
	r->nactive = k;
	for (size_t i = 0; i < r->nactive; i++) {
		struct range *g = &r->ranges[r->active[i]];
		unsigned char hm = g->c2 > g->c1 ? XLSX_CELL_HMERGE : 0;

		if (g->r1 == row) {
			size_t a = (size_t)g->c1 - 1;
			free(g->val);
			g->val = NULL;
			if (a < r->ncells && r->off[a] != (size_t)-1 && r->len[a]) {
				g->val = xstrdup(r->rowbuf.buf + r->off[a]);
				g->flags = r->flags[a];
			}
		}
		for (long c = g->c1; c <= g->c2; c++) {
			size_t i2 = (size_t)c - 1;
			int anchor = row == g->r1 && c == g->c1;

			if (!anchor && g->val)
				put_cell(r, c, g->val, strlen(g->val), (unsigned char)(g->flags | XLSX_CELL_MERGED));
			if (i2 < r->ncells && r->off[i2] != (size_t)-1)
				r->flags[i2] |= hm;
		}
	}
}

static void XMLCALL sh_start(void *ud, const XML_Char *el, const XML_Char **atts)
{
	struct xlsx_reader *r = ud;
	const char *ln = local_name(el);

	if (r->failed)
		return;
	if (!r->in_sheetdata) {
		if (!strcmp(ln, "sheetData"))
			r->in_sheetdata = 1;
		return;
	}
	if (!strcmp(ln, "row")) {
		const char *v = attr(atts, "r");
		long rn = r->last_row + 1;

		if (v) {
			char *end;
			rn = strtol(v, &end, 10);
			if (*end || rn < 1) {
				fail(r, "tệp .xlsx hỏng: số dòng '%s' không hợp lệ", v);
				return;
			}
		}
		if (rn <= r->last_row) {
			fail(r, "tệp .xlsx hỏng: dòng %ld đứng sau dòng %ld", rn, r->last_row);
			return;
		}
		if (rn > XLSX_MAX_ROWS) {
			fail(r, "trang tính có hơn %ld dòng", XLSX_MAX_ROWS);
			return;
		}
		r->row_no = r->last_row = rn;
		r->last_col = 0;
		r->in_row = 1;
		r->ncells = 0;
		sbuf_reset(&r->rowbuf);
	} else if (r->in_row && !strcmp(ln, "c")) {
		const char *ref = attr(atts, "r"), *t = attr(atts, "t"), *s = attr(atts, "s");
		long col = r->last_col + 1, rw = r->row_no;

		if (ref && (parse_ref(ref, &col, &rw) < 0 || col < 1 || (rw && rw != r->row_no))) {
			r->err_row = r->row_no;
			fail(r, "tệp .xlsx hỏng: ô '%s' không hợp lệ ở dòng %ld", ref, r->row_no);
			return;
		}
		if (col > XLSX_MAX_COLS) {
			fail(r, "dòng có hơn %d cột", XLSX_MAX_COLS);
			return;
		}
		r->col_no = r->last_col = col;
		r->in_c = 1;
		r->has_f = r->has_v = 0;
		r->style = s ? strtol(s, NULL, 10) : 0;
		r->ctype = !t || !strcmp(t, "n") ? CT_NUMBER : !strcmp(t, "s") ? CT_SHARED
			 : !strcmp(t, "inlineStr") ? CT_INLINE : !strcmp(t, "str") ? CT_STR
			 : !strcmp(t, "b") ? CT_BOOL : !strcmp(t, "e") ? CT_ERROR : !strcmp(t, "d") ? CT_DATE
			 : CT_STR;
		sbuf_reset(&r->val);
	} else if (r->in_c) {
		if (!strcmp(ln, "v")) {
			r->in_v = r->has_v = 1;
		} else if (!strcmp(ln, "f")) {
			r->has_f = 1;
		} else if (!strcmp(ln, "is")) {
			r->in_is = 1;
			r->has_v = 1;
		} else if (!strcmp(ln, "rPh")) {
			r->in_rph = 1;
		} else if (r->in_is && !r->in_rph && !strcmp(ln, "t")) {
			r->in_t = 1;
		}
	}
}

static void XMLCALL sh_end(void *ud, const XML_Char *el)
{
	struct xlsx_reader *r = ud;
	const char *ln = local_name(el);

	if (r->failed || !r->in_sheetdata)
		return;
	if (!strcmp(ln, "sheetData")) {
		r->in_sheetdata = 0;
	} else if (r->in_c) {
		if (!strcmp(ln, "v"))
			r->in_v = 0;
		else if (!strcmp(ln, "t"))
			r->in_t = 0;
		else if (!strcmp(ln, "rPh"))
			r->in_rph = 0;
		else if (!strcmp(ln, "is"))
			r->in_is = 0;
		else if (!strcmp(ln, "c")) {
			r->in_c = 0;
			end_cell(r);
		}
	} else if (r->in_row && !strcmp(ln, "row")) {
		r->in_row = 0;
		apply_merges(r, r->row_no);
		for (size_t i = 0; i < r->ncells; i++)
			if (r->len[i]) {
				r->row_ready = 1;
				XML_StopParser(r->xp, XML_TRUE);
				break;
			}
	}
}

static void XMLCALL sh_text(void *ud, const XML_Char *t, int n)
{
	struct xlsx_reader *r = ud;

	if ((r->in_v || r->in_t) && !r->in_rph) {
		if (r->val.len + (size_t)n > XLSX_MAX_CELL + 64) {
			fail(r, "ô quá dài (hơn 32.767 ký tự)");
			return;
		}
		sbuf_add(&r->val, t, (size_t)n);
	}
}

/* ---- opening -------------------------------------------------------------------- */

static int check_entries(struct xlsx_reader *r)
{
	zip_int64_t n = zip_get_num_entries(r->za, 0);
	int ods = 0;

	if (n > 100000) {
		fail(r, "tệp nén có quá nhiều phần (%lld)", (long long)n);
		return -1;
	}
	for (zip_int64_t i = 0; i < n; i++) {
		const char *name = zip_get_name(r->za, (zip_uint64_t)i, 0);
		zip_stat_t st;

		if (!name) {
			fail(r, "tệp .xlsx hỏng: không đọc được tên phần thứ %lld", (long long)i + 1);
			return -1;
		}
		if (name[0] == '/' || strchr(name, '\\') || !strcmp(name, "..") || !strncmp(name, "../", 3) ||
		    strstr(name, "/../") || (strlen(name) >= 3 && !strcmp(name + strlen(name) - 3, "/.."))) {
			fail(r, "tệp nén có đường dẫn vượt ra ngoài ('%s'): tệp bị từ chối", name);
			return -1;
		}
		zip_stat_init(&st);
		if (zip_stat_index(r->za, (zip_uint64_t)i, 0, &st) == 0 && (st.valid & ZIP_STAT_ENCRYPTION_METHOD) &&
		    st.encryption_method != ZIP_EM_NONE) {
			fail(r, "tệp được mã hóa (đặt mật khẩu); hãy bỏ mật khẩu rồi lưu lại");
			return -1;
		}
		if (!strcmp(name, "mimetype") || !strcmp(name, "content.xml"))
			ods++;
	}
	if (ods == 2 && locate(r, "xl/workbook.xml") < 0) {
		fail(r, "đây là tệp OpenDocument (.ods), không phải .xlsx; hãy lưu lại dưới dạng 'Excel 2007-365 "
			"(.xlsx)'");
		return -1;
	}
	return 0;
}

static const char *const sheet_type = "/worksheet";

static int pick_sheet(struct xlsx_reader *r, struct wb *w, const char *want, char **rid)
{
	char *end;
	long num;

	if (w->n == 0) {
		fail(r, "sổ Excel không có trang tính nào");
		return -1;
	}
	if (!want) {
		for (int i = 0; i < w->n; i++)
			if (!w->sheets[i].hidden) {
				*rid = w->sheets[i].rid;
				r->sheet = xstrdup(w->sheets[i].name);
				return 0;
			}
		*rid = w->sheets[0].rid;
		r->sheet = xstrdup(w->sheets[0].name);
		return 0;
	}
	for (int i = 0; i < w->n; i++)
		if (!strcmp(w->sheets[i].name, want) || text_equal_fold(w->sheets[i].name, want)) {
			*rid = w->sheets[i].rid;
			r->sheet = xstrdup(w->sheets[i].name);
			return 0;
		}
	num = strtol(want, &end, 10);
	if (!*end && num >= 1 && num <= w->n) {
		*rid = w->sheets[num - 1].rid;
		r->sheet = xstrdup(w->sheets[num - 1].name);
		return 0;
	}
	{
		struct sbuf names = SBUF_INIT;
		for (int i = 0; i < w->n; i++)
			sbuf_addf(&names, "%s%d '%s'", i ? ", " : "", i + 1, w->sheets[i].name);
		fail(r, "không có trang tính '%s' (các trang: %s)", want, names.buf);
		sbuf_release(&names);
	}
	return -1;
}

static int open_workbook(struct xlsx_reader *r, const char *want)
{
	struct sbuf wbpath = SBUF_INIT, dir = SBUF_INIT, relsname = SBUF_INIT, target = SBUF_INIT;
	struct wb w = { r, NULL, 0, 0 };
	char *type = NULL, *rid = NULL, *slash;
	zip_int64_t idx;
	int rc = -1, found;

	if (check_entries(r) < 0)
		goto out;
	found = find_rel(r, "_rels/.rels", "", NULL, "/officeDocument", &wbpath, NULL);
	if (found < 0)
		goto out;
	if (!found)
		sbuf_addstr(&wbpath, "xl/workbook.xml");
	if (locate(r, wbpath.buf) < 0) {
		fail(r, "không phải sổ Excel .xlsx (thiếu '%s')", wbpath.buf);
		goto out;
	}
	/* the workbook's folder, and its relationships "xl/_rels/workbook.xml.rels" */
	slash = strrchr(wbpath.buf, '/');
	sbuf_add(&dir, wbpath.buf, slash ? (size_t)(slash - wbpath.buf) + 1 : 0);
	sbuf_addf(&relsname, "%s_rels/%s.rels", dir.buf, slash ? slash + 1 : wbpath.buf);
	if (parse_part(r, wbpath.buf, XLSX_PART_MAX, &w, wb_start, no_end, NULL) < 0)
		goto out;
	if (pick_sheet(r, &w, want, &rid) < 0)
		goto out;
	found = find_rel(r, relsname.buf, dir.buf, rid, NULL, &target, &type);
	if (found <= 0) {
		if (!found)
			fail(r, "tệp .xlsx hỏng: không tìm thấy trang tính '%s'", r->sheet);
		goto out;
	}
	if (strlen(type) < strlen(sheet_type) || strcmp(type + strlen(type) - strlen(sheet_type), sheet_type)) {
		fail(r, "'%s' không phải trang tính dữ liệu (có thể là biểu đồ)", r->sheet);
		goto out;
	}
	if ((idx = locate(r, target.buf)) < 0) {
		fail(r, "tệp .xlsx hỏng: thiếu phần '%s' của trang tính '%s'", target.buf, r->sheet);
		goto out;
	}
	/* shared strings and styles: by the workbook's relationships, else by the usual names */
	{
		struct sbuf p = SBUF_INIT;
		struct sst s = { r, 0, 0, 0, 0 };

		found = find_rel(r, relsname.buf, dir.buf, NULL, "/sharedStrings", &p, NULL);
		if (found < 0 || (found && locate(r, p.buf) >= 0 &&
				  parse_part(r, p.buf, XLSX_STRINGS_MAX, &s, sst_start, sst_end, sst_text) < 0)) {
			sbuf_release(&p);
			goto out;
		}
		sbuf_reset(&p);
		found = find_rel(r, relsname.buf, dir.buf, NULL, "/styles", &p, NULL);
		if (found < 0 || (found && locate(r, p.buf) >= 0 && load_styles(r, p.buf) < 0)) {
			sbuf_release(&p);
			goto out;
		}
		sbuf_release(&p);
	}
	/* merged ranges, found before the rows they cover */
	found = sheet_has_merges(r, idx);
	if (found < 0)
		goto out;
	if (found) {
		if (parse_part(r, target.buf, XLSX_SHEET_MAX, r, merge_start, no_end, NULL) < 0)
			goto out;
		qsort(r->ranges, r->nranges, sizeof(*r->ranges), cmp_range);
	}
	if (part_open(r, idx, XLSX_SHEET_MAX, &r->sheet_part) < 0 || !(r->xp = new_parser(r, r)))
		goto out;
	XML_SetElementHandler(r->xp, sh_start, sh_end);
	XML_SetCharacterDataHandler(r->xp, sh_text);
	rc = 0;
out:
	for (int i = 0; i < w.n; i++) {
		free(w.sheets[i].name);
		free(w.sheets[i].rid);
	}
	free(w.sheets);
	free(type);
	sbuf_release(&wbpath);
	sbuf_release(&dir);
	sbuf_release(&relsname);
	sbuf_release(&target);
	return rc;
}

struct xlsx_reader *xlsx_reader_open(int fd, const char *name, const char *sheet, char *err, size_t errlen)
{
	struct xlsx_reader *r = xcalloc(1, sizeof(*r));
	int ze = 0;

	r->self = r;
	r->name = xstrdup(name ? name : "-");
	sbuf_init(&r->strs);
	sbuf_init(&r->val);
	sbuf_init(&r->rowbuf);
	r->za = zip_fdopen(fd, ZIP_RDONLY | ZIP_CHECKCONS, &ze);
	if (!r->za) {
		close(fd);
		if (ze == ZIP_ER_NOZIP || ze == ZIP_ER_INCONS || ze == ZIP_ER_EOF || ze == ZIP_ER_READ ||
		    ze == ZIP_ER_CRC)
			fail(r, "tệp .xlsx hỏng hoặc không đầy đủ (có thể bị cắt khi chép); hãy lấy lại tệp gốc");
		else if (ze == ZIP_ER_MEMORY)
			fail(r, "hết bộ nhớ");
		else
			fail(r, "không mở được tệp .xlsx (lỗi libzip %d)", ze);
	} else {
		open_workbook(r, sheet);
	}
	if (r->failed) {
		snprintf(err, errlen, "%s", r->err);
		xlsx_reader_close(r);
		return NULL;
	}
	return r;
}

const char *xlsx_reader_sheet(const struct xlsx_reader *r)
{
	return r->sheet;
}

static void hand_out(struct xlsx_reader *r, struct xlsx_row *row)
{
	static const char empty[] = "";
	int all_empty = 1;

	for (size_t i = 0; i < r->ncells; i++) {
		r->cells[i] = r->off[i] == (size_t)-1 ? empty : r->rowbuf.buf + r->off[i];
		if (r->len[i])
			all_empty = 0;
	}
	row->ncells = r->ncells;
	row->cells = r->cells;
	row->lens = r->len;
	row->flags = r->flags;
	row->row = r->row_no;
	row->all_empty = all_empty;
	r->row_ready = 0;
}

int xlsx_reader_next(struct xlsx_reader *r, struct xlsx_row *row)
{
	for (;;) {
		enum XML_Status st;

		if (r->failed) {
			if (!r->err_row)
				r->err_row = r->row_no;
			return -1;
		}
		if (r->row_ready) {
			hand_out(r, row);
			return 1;
		}
		if (r->done)
			return 0;
		if (r->suspended) {
			st = XML_ResumeParser(r->xp);
		} else if (r->fed_final) {
			r->done = 1;
			continue;
		} else {
			void *buf = XML_GetBuffer(r->xp, (int)XLSX_CHUNK);
			long n;

			if (!buf) {
				fail(r, "hết bộ nhớ");
				continue;
			}
			if ((n = part_read(r, &r->sheet_part, buf, XLSX_CHUNK)) < 0)
				continue;
			r->fed_final = n == 0;
			st = XML_ParseBuffer(r->xp, (int)n, n == 0);
		}
		if (st == XML_STATUS_ERROR) {
			if (!r->failed) {
				char part[256];
				snprintf(part, sizeof(part), "%s", r->sheet_part.name ? r->sheet_part.name : "?");
				xml_failed(r, r->xp, part);
			}
			continue;
		}
		r->suspended = st == XML_STATUS_SUSPENDED;
	}
}

const char *xlsx_reader_error(const struct xlsx_reader *r)
{
	return r->failed ? r->err : NULL;
}

long xlsx_reader_error_row(const struct xlsx_reader *r)
{
	return r->failed ? r->err_row : 0;
}

long xlsx_reader_error_col(const struct xlsx_reader *r)
{
	return r->failed ? r->err_col : 0;
}

void xlsx_reader_close(struct xlsx_reader *r)
{
	if (!r)
		return;
	if (r->xp)
		XML_ParserFree(r->xp);
	part_close(&r->sheet_part);
	if (r->za)
		zip_discard(r->za);
	for (size_t i = 0; i < r->nranges; i++)
		free(r->ranges[i].val);
	free(r->ranges);
	free(r->active);
	sbuf_release(&r->strs);
	sbuf_release(&r->val);
	sbuf_release(&r->rowbuf);
	free(r->soff);
	free(r->slen);
	free(r->xf_kind);
	free(r->off);
	free(r->len);
	free(r->flags);
	free(r->cells);
	free(r->name);
	free(r->sheet);
	free(r);
}
