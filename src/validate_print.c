/*
 * validate_print.c - findings as text for clerks, as JSON for scripts,
 * and as diagnostics for commands (see validate.h).
 */
#include <stdio.h>
#include <string.h>
#include "diag.h"
#include "sbuf.h"
#include "validate.h"
#include "banned.h"

static void print_text(FILE *f, const struct findings *fs)
{
	struct validate_counts vc;
	long long body = -1;
	long cons = -1;

	for (int i = 0; i < fs->n; i++) {
		const struct finding *x = &fs->v[i];

		if (x->body_id != body || i == 0) {
			if (i)
				fputc('\n', f);
			if (*x->body)
				fprintf(f, "%s [%s]\n", x->body_name, x->body);
			else
				fputs("Toàn sổ\n", f);
			body = x->body_id;
			cons = -1;
		}
		if (x->constituency != cons) {
			if (x->constituency)
				fprintf(f, "  Đơn vị bầu cử số %ld:\n", x->constituency);
			else
				fputs("  Chung:\n", f);
			cons = x->constituency;
		}
		fprintf(f, "    %s %s", severity_name(x->rule->severity), x->rule->id);
		if (x->candidate)
			fprintf(f, " '%s'", x->candidate);
		fprintf(f, ": %s\n      căn cứ: %s\n", x->message, x->rule->citation);
	}
	findings_count(fs, &vc);
	if (!fs->n)
		fputs("Không phát hiện vi phạm nào.\n", f);
	else
		fputc('\n', f);
	fprintf(f, "%d lỗi, %d cảnh báo, %d thông tin\n", vc.errors, vc.warnings, vc.infos);
}

static void print_json(FILE *f, const struct findings *fs)
{
	struct sbuf sb = SBUF_INIT;

	sbuf_addch(&sb, '[');
	for (int i = 0; i < fs->n; i++) {
		const struct finding *x = &fs->v[i];

		sbuf_addstr(&sb, i ? ",\n  {" : "\n  {");
		sbuf_addstr(&sb, "\"rule\": ");
		sbuf_add_json(&sb, x->rule->id);
		sbuf_addstr(&sb, ", \"severity\": ");
		sbuf_add_json(&sb, severity_key(x->rule->severity));
		sbuf_addstr(&sb, ", \"body\": ");
		if (*x->body)
			sbuf_add_json(&sb, x->body);
		else
			sbuf_addstr(&sb, "null");
		if (x->constituency)
			sbuf_addf(&sb, ", \"constituency\": %ld", x->constituency);
		else
			sbuf_addstr(&sb, ", \"constituency\": null");
		sbuf_addstr(&sb, ", \"candidate\": ");
		if (x->candidate)
			sbuf_add_json(&sb, x->candidate);
		else
			sbuf_addstr(&sb, "null");
		sbuf_addstr(&sb, ", \"message\": ");
		sbuf_add_json(&sb, x->message);
		sbuf_addstr(&sb, ", \"citation\": ");
		sbuf_add_json(&sb, x->rule->citation);
		sbuf_addch(&sb, '}');
	}
	sbuf_addstr(&sb, fs->n ? "\n]\n" : "]\n");
	fputs(sb.buf, f);
	sbuf_release(&sb);
}

void findings_print(FILE *f, const struct findings *fs, enum findings_format format)
{
	if (format == FINDINGS_JSON)
		print_json(f, fs);
	else
		print_text(f, fs);
}

/* Findings on stderr; an error-severity one is an error of `kind` (diag.h):
 * a refusal (ERR_RULE), or ERR_NONE for one told while the change is kept. */
static void report(const struct findings *fs, const char *file, long row, enum err_kind kind)
{
	for (int i = 0; i < fs->n; i++) {
		const struct finding *x = &fs->v[i];
		struct sbuf where = SBUF_INIT;

		if (*x->body)
			sbuf_addf(&where, " [%s", x->body);
		if (x->constituency)
			sbuf_addf(&where, ", đơn vị bầu cử số %ld", x->constituency);
		if (*x->body)
			sbuf_addch(&where, ']');
		if (x->candidate)
			sbuf_addf(&where, " '%s'", x->candidate);
		if (x->rule->severity == SEV_ERROR)
			error_kind_at(kind, file, row, 0, "%s%s: %s (%s)", x->rule->id, where.buf, x->message,
				      x->rule->citation);
		else
			warning_at(file, row, 0, "%s%s: %s (%s)", x->rule->id, where.buf, x->message, x->rule->citation);
		sbuf_release(&where);
	}
}

void findings_report(const struct findings *fs)
{
	report(fs, NULL, 0, ERR_NONE);
}

void findings_report_at(const struct findings *fs, const char *file, long row)
{
	report(fs, file, row, ERR_RULE);
}
