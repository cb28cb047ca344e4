/* table.c - text, csv and json list output; see table.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "diag.h"
#include "sbuf.h"
#include "table.h"
#include "text.h"
#include "banned.h"

int out_format_parse(const char *s, enum out_format *f)
{
	if (!s || !strcmp(s, "text"))
		*f = FMT_TEXT;
	else if (!strcmp(s, "csv"))
		*f = FMT_CSV;
	else if (!strcmp(s, "json"))
		*f = FMT_JSON;
	else
		return error("--format '%s' không hợp lệ (chọn text, csv hoặc json)", s);
	return 0;
}

void table_init(struct table *t, const struct column *cols, int ncols)
{
	memset(t, 0, sizeof(*t));
	t->cols = cols;
	t->ncols = ncols;
}

void table_add(struct table *t, const char *const *cells)
{
	if (t->nrows == t->alloc) {
		t->alloc = t->alloc ? t->alloc * 2 : 32;
		t->cells = xrealloc(t->cells, sizeof(*t->cells) * (size_t)t->alloc * (size_t)t->ncols);
	}
	for (int i = 0; i < t->ncols; i++)
		t->cells[t->nrows * t->ncols + i] = xstrdup(cells[i] ? cells[i] : "");
	t->nrows++;
}

void table_release(struct table *t)
{
	for (int i = 0; i < t->nrows * t->ncols; i++)
		free(t->cells[i]);
	free(t->cells);
	memset(t, 0, sizeof(*t));
}

static const char *cell(const struct table *t, int r, int c)
{
	return t->cells[r * t->ncols + c];
}

static void put_padded(FILE *out, const char *s, size_t width, int last)
{
	fputs(s, out);
	if (!last)
		for (size_t n = text_utf8_count(s); n < width + 2; n++)
			fputc(' ', out);
}

static void print_text(const struct table *t, FILE *out)
{
	size_t *w = xcalloc((size_t)t->ncols, sizeof(*w));
	int last = -1;

	for (int c = 0; c < t->ncols; c++) {
		if (t->cols[c].text_hidden)
			continue;
		last = c;
		w[c] = text_utf8_count(t->cols[c].label);
		for (int r = 0; r < t->nrows; r++) {
			size_t n = text_utf8_count(cell(t, r, c));
			if (n > w[c])
				w[c] = n;
		}
	}
	for (int c = 0; c < t->ncols; c++)
		if (!t->cols[c].text_hidden)
			put_padded(out, t->cols[c].label, w[c], c == last);
	fputc('\n', out);
	for (int r = 0; r < t->nrows; r++) {
		for (int c = 0; c < t->ncols; c++)
			if (!t->cols[c].text_hidden)
				put_padded(out, cell(t, r, c), w[c], c == last);
		fputc('\n', out);
	}
	free(w);
}

static void print_csv(const struct table *t, FILE *out)
{
	struct sbuf sb = SBUF_INIT;

	for (int c = 0; c < t->ncols; c++) {
		if (c)
			sbuf_addch(&sb, ',');
		sbuf_add_csv(&sb, t->cols[c].key, ',');
	}
	sbuf_addch(&sb, '\n');
	for (int r = 0; r < t->nrows; r++) {
		for (int c = 0; c < t->ncols; c++) {
			if (c)
				sbuf_addch(&sb, ',');
			sbuf_add_csv(&sb, cell(t, r, c), ',');
		}
		sbuf_addch(&sb, '\n');
	}
	fputs(sb.buf, out);
	sbuf_release(&sb);
}

/* "12", "-3", "45.67": a JSON number as the tables write them. */
static int is_number(const char *s)
{
	int digits = 0, point = 0;

	if (*s == '-')
		s++;
	for (; *s; s++) {
		if (*s >= '0' && *s <= '9')
			digits++;
		else if (*s == '.' && digits && !point && s[1] >= '0' && s[1] <= '9')
			point = 1;
		else
			return 0;
	}
	return digits > 0;
}

static void print_json(const struct table *t, FILE *out)
{
	struct sbuf sb = SBUF_INIT;

	sbuf_addch(&sb, '[');
	for (int r = 0; r < t->nrows; r++) {
		sbuf_addstr(&sb, r ? ",\n  {" : "\n  {");
		for (int c = 0; c < t->ncols; c++) {
			const char *v = cell(t, r, c);

			if (c)
				sbuf_addstr(&sb, ", ");
			sbuf_add_json(&sb, t->cols[c].key);
			sbuf_addstr(&sb, ": ");
			if (!*v)
				sbuf_addstr(&sb, "null");
			else if (t->cols[c].numeric && is_number(v))
				sbuf_addstr(&sb, v);
			else
				sbuf_add_json(&sb, v);
		}
		sbuf_addch(&sb, '}');
	}
	sbuf_addstr(&sb, t->nrows ? "\n]\n" : "]\n");
	fputs(sb.buf, out);
	sbuf_release(&sb);
}

void table_print(const struct table *t, enum out_format f, FILE *out)
{
	if (f == FMT_CSV)
		print_csv(t, out);
	else if (f == FMT_JSON)
		print_json(t, out);
	else
		print_text(t, out);
}
