/*
 * COMMAND: validate
 * USAGE:   hiepthuong validate [--body MÃ] [--stage BƯỚC] [--format text|json] [--today NGÀY]
 *
 * Checks the book against the rule pack stored in it and prints every
 * finding at once: grouped by body, then constituency, each with its
 * severity, rule id, the candidate concerned, a message with the numbers
 * and the article it comes from; then a count line.  --format json prints
 * the same as a JSON array of objects with the keys rule, severity, body,
 * constituency, candidate, message, citation.
 *
 * --body limits the check to one body; --stage to what concerns one list
 * (proposed, nominated, preliminary, qualified, official: the candidacy
 * stages).  --today (or $HIEPTHUONG_TODAY) fixes "today" for the deadline
 * rules.  Nothing is written.  Exit 1 when an error-severity finding
 * exists, 0 otherwise (warnings do not change the exit status).
 */
#include <stdio.h>
#include <string.h>
#include "audit.h"
#include "cmd.h"
#include "sbuf.h"
#include "date.h"
#include "db.h"
#include "diag.h"
#include "opt.h"
#include "validate.h"
#include "banned.h"

static const char usage[] =
	"hiepthuong validate [--body MÃ] [--stage BƯỚC] [--format text|json] [--today NGÀY]";

int cmd_validate(struct ctx *ctx, int argc, char **argv)
{
	const char *body = NULL, *stage = NULL, *format = "text", *today_s = NULL;
	struct opt opts[] = {
		OPT_STRING(0, "body", &body, "MÃ", "chỉ cơ quan này (mã trong cấu hình, ví dụ hdnd-tinh)"),
		OPT_STRING(0, "stage", &stage, "BƯỚC",
			   "chỉ những gì liên quan tới danh sách của bước này: proposed, nominated, preliminary, "
			   "qualified, official"),
		OPT_STRING(0, "format", &format, "KIỂU", "text (mặc định) hoặc json"),
		OPT_STRING(0, "today", &today_s, "NGÀY", "coi hôm nay là NGÀY (dd/mm/yyyy), cho các quy tắc thời hạn"),
		OPT_END()
	};
	struct validate_scope scope = { 0 };
	struct rule_pack pack;
	struct findings f = { 0 };
	struct validate_counts vc;
	struct date today;
	char err[128];
	int rc;

	argc = opt_parse(ctx, argc, argv, opts, usage, &rc);
	if (argc < 0)
		return rc;
	if (argc > 0) {
		usage_error("lệnh validate không nhận đối số '%s'", argv[0]);
		return -1;
	}
	if (strcmp(format, "text") && strcmp(format, "json")) {
		usage_error("--format: '%s' không hợp lệ (chọn text hoặc json)", format);
		return -1;
	}
	if (stage && stage_rank(stage) < 0) {
		usage_error("--stage: không có bước '%s' (chọn proposed, nominated, preliminary, qualified, official)", stage);
		return -1;
	}
	if (today_s) {
		if (date_parse(today_s, DATE_FULL, &today, err, sizeof(err)) < 0) {
			usage_error("--today: %s: '%s'", err, today_s);
			return -1;
		}
		scope.today = &today;
	} else if (date_today(&today) < 0) {
		usage_error("biến HIEPTHUONG_TODAY không phải ngày hợp lệ (yyyy-mm-dd)");
		return -1;
	}
	if (body && !(scope.body_id = db_query_int(ctx->db, 0, "SELECT id FROM body WHERE code = ?", body,
						    (const char *)NULL))) {
		usage_error("không có cơ quan '%s' trong sổ", body);
		return -1;
	}
	scope.stage = stage;
	if (validate_book(ctx->db, &scope, &pack, &f) < 0) {
		findings_release(&f);
		rules_release(&pack);
		return -1;
	}
	findings_print(stdout, &f, strcmp(format, "json") ? FINDINGS_TEXT : FINDINGS_JSON);
	findings_count(&f, &vc);
	findings_release(&f);
	rules_release(&pack);
	/* The rules judge the data as they are; whether they are what the
	 * tool recorded is the audit trail's to say (and it blocks every
	 * final form), so it is said, and the exit code stays the rules'. */
	{
		struct sbuf why = SBUF_INIT;

		if (audit_check_clean(ctx->db, ctx->db_path, &why) < 0)
			warning("%s; cho đến lúc đó không xuất được bản chính thức nào", why.buf);
		sbuf_release(&why);
	}
	/* the findings are the report on stdout, not error messages */
	if (vc.errors)
		diag_failed(ERR_RULE);
	return vc.errors ? -1 : 0;
}
