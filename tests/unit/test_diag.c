/*
 * test_diag.c - unit tests for the kinds of errors and their exit codes
 * (src/diag.c): each kind maps to README's code, the worst of several wins,
 * and a relabel never hides a bug.  The messages go to stderr, where the
 * runner ignores them.
 */
#include "diag.h"
#include "unit.h"
#include "banned.h"

TEST(nothing_recorded_is_success)
{
	diag_reset();
	CHECK_INT_EQ(diag_worst(), ERR_NONE);
	CHECK_INT_EQ(diag_exit_code(), EXIT_OK);
	CHECK_INT_EQ(diag_error_count(), 0);
	warning("a warning fails nothing");
	note("nor does a note");
	CHECK_INT_EQ(diag_exit_code(), EXIT_OK);
}

TEST(each_kind_has_its_exit_code)
{
	diag_reset();
	CHECK_INT_EQ(rule_error("a rule refuses"), -1);
	CHECK_INT_EQ(diag_exit_code(), EXIT_RULES);

	diag_reset();
	CHECK_INT_EQ(rule_error_at("f.csv", 3, 0, "a rule refuses row 3"), -1);
	CHECK_INT_EQ(diag_exit_code(), EXIT_RULES);

	diag_reset();
	diag_failed(ERR_RULE);	/* validate: the findings were the report */
	CHECK_INT_EQ(diag_exit_code(), EXIT_RULES);
	CHECK_INT_EQ(diag_error_count(), 0);

	diag_reset();
	CHECK_INT_EQ(usage_error("no such option"), -1);
	CHECK_INT_EQ(diag_exit_code(), EXIT_USAGE);

	diag_reset();
	CHECK_INT_EQ(error("bad data"), -1);
	CHECK_INT_EQ(diag_exit_code(), EXIT_DATA);

	diag_reset();
	CHECK_INT_EQ(error_at("f.yaml", 2, 5, "bad data at 2:5"), -1);
	CHECK_INT_EQ(diag_exit_code(), EXIT_DATA);

	diag_reset();
	CHECK_INT_EQ(bug("an internal fault"), -1);
	CHECK_INT_EQ(diag_exit_code(), EXIT_INTERNAL);

	diag_reset();
	CHECK_INT_EQ(error_kind(ERR_INTERNAL, "a system failure"), -1);
	CHECK_INT_EQ(diag_exit_code(), EXIT_INTERNAL);
	CHECK_INT_EQ(diag_error_count(), 1);
}

TEST(a_finding_told_fails_nothing)
{
	diag_reset();
	error_kind(ERR_NONE, "a list finding about a change that is kept");
	CHECK_INT_EQ(diag_worst(), ERR_NONE);
	CHECK_INT_EQ(diag_exit_code(), EXIT_OK);
	CHECK_INT_EQ(diag_error_count(), 0);
}

/* internal > data > usage > rule, whatever the order they came in */
TEST(the_worst_wins)
{
	diag_reset();
	rule_error("rule");
	usage_error("usage");
	CHECK_INT_EQ(diag_exit_code(), EXIT_USAGE);
	error("data");
	CHECK_INT_EQ(diag_exit_code(), EXIT_DATA);
	rule_error("another rule");
	usage_error("another usage");
	CHECK_INT_EQ(diag_exit_code(), EXIT_DATA);
	bug("internal");
	CHECK_INT_EQ(diag_exit_code(), EXIT_INTERNAL);
	error("more data");
	CHECK_INT_EQ(diag_exit_code(), EXIT_INTERNAL);
	CHECK_INT_EQ(diag_error_count(), 7);

	diag_reset();
	bug("internal first");
	rule_error("then a rule");
	CHECK_INT_EQ(diag_exit_code(), EXIT_INTERNAL);

	diag_reset();
	error("data first");
	usage_error("then usage");
	CHECK_INT_EQ(diag_exit_code(), EXIT_DATA);
}

TEST(relabel_changes_only_bad_data)
{
	/* an unknown body code from --body: a usage error */
	diag_reset();
	error("no body 'x'");
	CHECK_INT_EQ(diag_relabel(ERR_USAGE), -1);
	CHECK_INT_EQ(diag_exit_code(), EXIT_USAGE);
	CHECK_INT_EQ(diag_error_count(), 1);

	/* a bug stays a bug */
	diag_reset();
	bug("cannot prepare SQL");
	diag_relabel(ERR_USAGE);
	CHECK_INT_EQ(diag_exit_code(), EXIT_INTERNAL);

	/* only the last error is relabelled: an earlier bad-data one stays */
	diag_reset();
	error("bad row");
	usage_error("bad option");
	diag_relabel(ERR_RULE);
	CHECK_INT_EQ(diag_exit_code(), EXIT_DATA);

	/* a system failure told in Vietnamese */
	diag_reset();
	error("không ghi được");
	diag_relabel(ERR_INTERNAL);
	CHECK_INT_EQ(diag_exit_code(), EXIT_INTERNAL);
	diag_reset();
}
