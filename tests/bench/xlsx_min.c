/*
 * xlsx_min.c - baseline: libxlsxwriter in constant-memory mode writes the
 * cells of CELLS.tsv (cells.py), values only, and nothing else.
 *
 *	xlsx_min CELLS.tsv OUT.xlsx
 *
 * The least a C program must do to write the same cells as `hiepthuong
 * export`: the benchmark compares the export with it (tests/bench/README.md).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

static void unescape(char *s)
{
	char *w = s;

	for (; *s; s++) {
		if (*s == '\\' && s[1]) {
			s++;
			*w++ = *s == 't' ? '\t' : *s == 'n' ? '\n' : *s;
		} else {
			*w++ = *s;
		}
	}
	*w = 0;
}

int main(int argc, char **argv)
{
	lxw_workbook_options opt = { .constant_memory = LXW_TRUE };
	lxw_workbook *wb;
	lxw_worksheet *ws;
	FILE *f;
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;

	if (argc != 3) {
		fprintf(stderr, "usage: xlsx_min CELLS.tsv OUT.xlsx\n");
		return 2;
	}
	if (!(f = fopen(argv[1], "r"))) {
		perror(argv[1]);
		return 1;
	}
	wb = workbook_new_opt(argv[2], &opt);
	ws = workbook_add_worksheet(wb, NULL);
	while ((len = getline(&line, &cap, f)) > 0) {
		char *r = line, *c, *t, *v;

		if (line[len - 1] == '\n')
			line[len - 1] = 0;
		if (!(c = strchr(r, '\t')) || !(t = strchr(c + 1, '\t')) || !(v = strchr(t + 1, '\t')))
			continue;
		*c++ = *t++ = *v++ = 0;
		if (*t == 'n') {
			worksheet_write_number(ws, (lxw_row_t)strtoul(r, NULL, 10), (lxw_col_t)strtoul(c, NULL, 10),
					       strtod(v, NULL), NULL);
		} else {
			unescape(v);
			worksheet_write_string(ws, (lxw_row_t)strtoul(r, NULL, 10), (lxw_col_t)strtoul(c, NULL, 10), v,
					       NULL);
		}
	}
	free(line);
	fclose(f);
	return workbook_close(wb) == LXW_NO_ERROR ? 0 : 1;
}
