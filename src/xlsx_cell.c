/*
 * xlsx_cell.c - the values of a list's cells; see xlsx_cell.h.
 */
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dataset.h"
#include "sbuf.h"
#include "text.h"
#include "textfit.h"
#include "xlsx_cell.h"
#include "banned.h"

int cell_number(const char *s, double *out)
{
	char *end;
	long long v;

	if (!s || !*s)
		return 0;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno || *end)
		return 0;
	*out = (double)v;
	return 1;
}

int cell_decimal(const char *s, double *out)
{
	char *end;
	double v;

	if (!s || !*s)
		return 0;
	errno = 0;
	/* hiepthuong never sets LC_NUMERIC: strtod reads a decimal point */
	v = strtod(s, &end);
	if (errno || *end)
		return 0;
	*out = v;
	return 1;
}

/* ---- the rows of a list ---- */

#define BATCH_ROWS 64
#define NBATCH 4

/* Rows prepared together: their texts one after another in `text`. */
struct batch {
	int n;			/* rows */
	int end, rc;		/* the last batch: cell_rows_next()'s end value */
	int ready;		/* filled, not yet taken back by the writer */
	struct sbuf text;
	size_t *off;		/* BATCH_ROWS * ncols offsets into text */
	int *is_number;		/* BATCH_ROWS * ncols */
	double *number;
	int *lines;		/* BATCH_ROWS */
};

struct cell_rows {
	struct ds_cursor *cur;
	const struct cell_col *cols;
	int ncols, mcol;
	const char *want;
	int shown;		/* rows kept so far: the "#" column */
	/* the row handed out */
	const char **text;
	int *is_number;
	double *number;
	char **owned;		/* texts of the row made by text_clean() */
	/* a thread ahead: its own row being prepared */
	const char **ptext;
	int ahead;
	pthread_t thread;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	int stop;
	struct batch b[NBATCH];
	int head, pos;		/* the writer's batch and its next row */
};

/*
 * Read and prepare the next kept row into text/is_number/number (texts
 * made by text_clean() go to owned[], freed by the caller); *lines gets
 * the row's lines.  1, 0 at the end, -1 on a read error.
 */
static int prepare_row(struct cell_rows *rs, const char **text, int *is_number, double *number, char **owned,
		       int *lines)
{
	char num[24];
	int rc;

	for (;;) {
		if ((rc = ds_next(rs->cur)) <= 0)
			return rc;
		if (rs->mcol >= 0) {
			const char *v = ds_value(rs->cur, rs->mcol);
			if (!v || !rs->want || strcmp(v, rs->want))
				continue;
		}
		break;
	}
	rs->shown++;
	*lines = 1;
	for (int i = 0; i < rs->ncols; i++) {
		const struct cell_col *col = &rs->cols[i];
		const char *v;
		size_t len;
		int l;

		owned[i] = NULL;
		if (col->numbered) {
			snprintf(num, sizeof(num), "%d", rs->shown);
			v = num;
		} else {
			v = ds_value(rs->cur, col->field);
		}
		if (!v)
			v = "";
		len = strlen(v);
		/* The book's values are clean already: copy and normalise only
		 * those that are not. */
		if (v == num || !text_is_clean(v, len)) {
			owned[i] = text_clean(v, len, NULL);
			v = owned[i] ? owned[i] : "";
		}
		text[i] = v;
		is_number[i] = (col->numeric && cell_number(v, &number[i])) || (col->percent && cell_decimal(v, &number[i]));
		if (col->percent && is_number[i]) {
			/* measured as printed ("47,06%"), not as stored */
			char shown[48];
			snprintf(shown, sizeof(shown), "%.2f%%", number[i] * 100);
			l = textfit_lines(shown, col->width, col->size, col->bold);
		} else {
			l = textfit_lines(v, col->width, col->size, col->bold);
		}
		if (l > *lines)
			*lines = l;
	}
	return 1;
}

static void free_owned(struct cell_rows *rs)
{
	for (int i = 0; i < rs->ncols; i++) {
		free(rs->owned[i]);
		rs->owned[i] = NULL;
	}
}

/* Fill batch k; 1 when it is the last. */
static int fill_batch(struct cell_rows *rs, struct batch *b)
{
	size_t n = (size_t)rs->ncols;

	b->n = 0;
	sbuf_reset(&b->text);
	while (b->n < BATCH_ROWS) {
		size_t at = (size_t)b->n * n;
		int lines, rc = prepare_row(rs, rs->ptext, &b->is_number[at], &b->number[at], rs->owned, &lines);

		if (rc <= 0) {
			b->end = 1;
			b->rc = rc;
			return 1;
		}
		for (size_t i = 0; i < n; i++) {
			b->off[at + i] = b->text.len;
			sbuf_add(&b->text, rs->ptext[i], strlen(rs->ptext[i]) + 1);
		}
		free_owned(rs);
		b->lines[b->n++] = lines;
	}
	return 0;
}

static void *ahead_main(void *arg)
{
	struct cell_rows *rs = arg;

	for (int k = 0;; k = (k + 1) % NBATCH) {
		int last;

		pthread_mutex_lock(&rs->mu);
		while (rs->b[k].ready && !rs->stop)
			pthread_cond_wait(&rs->cv, &rs->mu);
		last = rs->stop;
		pthread_mutex_unlock(&rs->mu);
		if (last)
			break;
		last = fill_batch(rs, &rs->b[k]);
		pthread_mutex_lock(&rs->mu);
		rs->b[k].ready = 1;
		pthread_cond_broadcast(&rs->cv);
		pthread_mutex_unlock(&rs->mu);
		if (last)
			break;
	}
	return NULL;
}

struct cell_rows *cell_rows_open(struct ds_cursor *cur, const struct cell_col *cols, int ncols, int mcol,
				 const char *want, int ahead)
{
	struct cell_rows *rs = xcalloc(1, sizeof(*rs));
	size_t n = (size_t)ncols + 1;

	rs->cur = cur;
	rs->cols = cols;
	rs->ncols = ncols;
	rs->mcol = mcol;
	rs->want = want;
	rs->text = xcalloc(n, sizeof(*rs->text));
	rs->is_number = xcalloc(n, sizeof(*rs->is_number));
	rs->number = xcalloc(n, sizeof(*rs->number));
	rs->owned = xcalloc(n, sizeof(*rs->owned));
	rs->ptext = xcalloc(n, sizeof(*rs->ptext));
	if (!ahead)
		return rs;
	for (int k = 0; k < NBATCH; k++) {
		struct batch *b = &rs->b[k];
		sbuf_init(&b->text);
		b->off = xcalloc((size_t)BATCH_ROWS * n, sizeof(*b->off));
		b->is_number = xcalloc((size_t)BATCH_ROWS * n, sizeof(*b->is_number));
		b->number = xcalloc((size_t)BATCH_ROWS * n, sizeof(*b->number));
		b->lines = xcalloc(BATCH_ROWS, sizeof(*b->lines));
	}
	pthread_mutex_init(&rs->mu, NULL);
	pthread_cond_init(&rs->cv, NULL);
	rs->ahead = pthread_create(&rs->thread, NULL, ahead_main, rs) == 0;
	if (!rs->ahead) {
		pthread_cond_destroy(&rs->cv);
		pthread_mutex_destroy(&rs->mu);
	}
	return rs;
}

int cell_rows_next(struct cell_rows *rs, struct cell_row *row)
{
	row->text = rs->text;
	row->is_number = rs->is_number;
	row->number = rs->number;
	if (!rs->ahead) {
		free_owned(rs);
		return prepare_row(rs, rs->text, rs->is_number, rs->number, rs->owned, &row->lines);
	}
	for (;;) {
		struct batch *b = &rs->b[rs->head];
		size_t at;

		pthread_mutex_lock(&rs->mu);
		while (!b->ready)
			pthread_cond_wait(&rs->cv, &rs->mu);
		pthread_mutex_unlock(&rs->mu);
		if (rs->pos < b->n) {
			at = (size_t)rs->pos * (size_t)rs->ncols;
			for (int i = 0; i < rs->ncols; i++)
				rs->text[i] = b->text.buf + b->off[at + (size_t)i];
			row->is_number = &b->is_number[at];
			row->number = &b->number[at];
			row->lines = b->lines[rs->pos++];
			return 1;
		}
		if (b->end)
			return b->rc;
		/* this batch is used up: give it back */
		pthread_mutex_lock(&rs->mu);
		b->ready = 0;
		pthread_cond_broadcast(&rs->cv);
		pthread_mutex_unlock(&rs->mu);
		rs->head = (rs->head + 1) % NBATCH;
		rs->pos = 0;
	}
}

void cell_rows_close(struct cell_rows *rs)
{
	if (!rs)
		return;
	if (rs->ahead) {
		pthread_mutex_lock(&rs->mu);
		rs->stop = 1;
		pthread_cond_broadcast(&rs->cv);
		pthread_mutex_unlock(&rs->mu);
		pthread_join(rs->thread, NULL);
		pthread_cond_destroy(&rs->cv);
		pthread_mutex_destroy(&rs->mu);
	}
	for (int k = 0; k < NBATCH; k++) {
		sbuf_release(&rs->b[k].text);
		free(rs->b[k].off);
		free(rs->b[k].is_number);
		free(rs->b[k].number);
		free(rs->b[k].lines);
	}
	free_owned(rs);
	free(rs->text);
	free(rs->is_number);
	free(rs->number);
	free(rs->owned);
	free(rs->ptext);
	free(rs);
}
