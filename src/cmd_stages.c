/*
 * COMMAND: stages
 * USAGE:   hiepthuong stages [--body MÃ]
 *
 * The stage summary of each body: how many candidacies entered each stage,
 * passed it, are at it now, and stopped there, with the reasons they
 * stopped (process.md §4; "nothing is ever silently lost").
 */
#include <stdio.h>
#include <string.h>
#include "candidacy.h"
#include "cmd.h"
#include "db.h"
#include "diag.h"
#include "opt.h"
#include "stage.h"
#include "text.h"
#include "banned.h"

/* The stages in order are candidacy.h's stage_defs (nstage_defs of them). */
#define NSTAGES 8	/* room for them; there are five */

static void body_summary(sqlite3 *db, long long body_id)
{
	/* A candidacy entered every stage from the one its history starts at
	 * (imported nominees start at 'nominated') up to where it is now. */
	sqlite3_stmt *st = db_prepare(db, "SELECT c.stage, c.status, coalesce(c.drop_reason, ''), "
					  "coalesce((SELECT e.stage FROM candidacy_event e WHERE e.candidacy_id = c.id "
					  "ORDER BY e.id LIMIT 1), c.stage), count(*) FROM candidacy c "
					  "WHERE c.body_id = ? GROUP BY 1, 2, 3, 4");
	long long at[NSTAGES] = { 0 }, dropped[NSTAGES] = { 0 }, entered[NSTAGES] = { 0 };

	if (!st)
		return;
	db_bind_int(st, 1, body_id);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *stage = db_col_text(st, 0), *first = db_col_text(st, 3);
		long long n = sqlite3_column_int64(st, 4);
		int from = 0;

		for (int j = 0; j < nstage_defs; j++)
			if (!strcmp(stage_defs[j].key, first))
				from = j;
		for (int i = 0; i < nstage_defs; i++) {
			if (strcmp(stage_defs[i].key, stage))
				continue;
			for (int j = from; j <= i; j++)
				entered[j] += n;
			if (!strcmp(db_col_text(st, 1), "dropped"))
				dropped[i] += n;
			else
				at[i] += n;
		}
	}
	sqlite3_finalize(st);
	fputs("  ", stdout);
	text_fput_padded(stdout, "bước", 26);
	puts("    vào    qua   đang   dừng");
	st = db_prepare(db, "SELECT drop_reason, count(*) FROM candidacy WHERE body_id = ? AND stage = ? AND status = 'dropped' "
			    "GROUP BY 1 ORDER BY 2 DESC, 1");
	for (int i = 0; i < nstage_defs; i++) {
		fputs("  ", stdout);
		text_fput_padded(stdout, stage_defs[i].label, 26);
		printf(" %6lld %6lld %6lld %6lld\n", entered[i], entered[i] - at[i] - dropped[i], at[i], dropped[i]);
		if (!st || !dropped[i])
			continue;
		db_bind_int(st, 1, body_id);
		db_bind_text(st, 2, stage_defs[i].key);
		while (sqlite3_step(st) == SQLITE_ROW)
			printf("      dừng vì %s: %lld\n", reason_label(db_col_text(st, 0)), sqlite3_column_int64(st, 1));
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	st = db_prepare(db, "SELECT count(*) FROM candidacy WHERE body_id = ? AND special_case = 1");
	if (st) {
		db_bind_int(st, 1, body_id);
		if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int64(st, 0))
			printf("  trường hợp đặc biệt (giữ lại dù không đạt tín nhiệm nơi cư trú): %lld\n",
			       sqlite3_column_int64(st, 0));
		sqlite3_finalize(st);
	}
}

int cmd_stages(struct ctx *ctx, int argc, char **argv)
{
	static const char usage[] = "hiepthuong stages [--body MÃ]";
	const char *body = NULL;
	struct opt opts[] = {
		OPT_STRING(0, "body", &body, "MÃ", "chỉ cơ quan này"),
		OPT_END()
	};
	sqlite3_stmt *st;
	int rc, n = 0;

	argc = opt_parse(ctx, argc, argv, opts, usage, &rc);
	if (argc < 0)
		return rc;
	if (argc) {
		usage_error("không nhận đối số '%s'", argv[0]);
		return -1;
	}
	st = db_prepare(ctx->db, "SELECT id, code, name FROM body WHERE ? IS NULL OR code = ? ORDER BY id");
	if (!st)
		return -1;
	db_bind_text(st, 1, body);
	db_bind_text(st, 2, body);
	while (sqlite3_step(st) == SQLITE_ROW) {
		printf("%s%s [%s]\n", n++ ? "\n" : "", db_col_text(st, 2), db_col_text(st, 1));
		body_summary(ctx->db, sqlite3_column_int64(st, 0));
	}
	sqlite3_finalize(st);
	if (!n) {
		error("không có cơ quan '%s' trong sổ", body ? body : "");
		return -1;
	}
	return 0;
}
