#!/bin/sh
# t0010: the test runner itself.  A failing case shows what it printed
# (stdout and stderr of the program under test), not just its FAIL line;
# a script that dies shows its last words; the count line closes the log.
. "$TOP/tests/lib.sh"

mkdir -p "$T/suite"
cat >"$T/suite/t9000-fails.sh" <<'SCRIPT'
. "$TOP/tests/lib.sh"
t_case "a case that fails"
ht version --no-such-option
expect_exit 0
t_end
t_case "a case that passes"
ht version
expect_exit 0
t_end
SCRIPT
cat >"$T/suite/t9001-dies.sh" <<'SCRIPT'
echo "the set-up went wrong: /usr/bin/nothing: not found"
exit 127
SCRIPT

t_case "a failing case prints its output under its FAIL line"
TESTS="$T/suite" sh "$TOP/tests/run.sh" t9 >"$OUT" 2>"$ERR"
RC=$?
expect_exit 1
expect_out "FAIL t9000-fails:a case that fails: exit status 2, expected 0"
expect_out "    --- stderr:"
expect_out "không có tùy chọn '--no-such-option'"
expect_not_out "PASS t9000"
t_end

t_case "a script that dies shows its last lines"
expect_out "FAIL t9001-dies.sh: exited with status 127"
expect_out "    the set-up went wrong: /usr/bin/nothing: not found"
t_end

t_case "the last line counts the cases"
tail -n 1 "$OUT" >"$T/last"
grep -qx "1 passed, 2 failed" "$T/last" || t_fail "last line is '$(cat "$T/last")'"
t_end

# A case that cannot run on this system says so (lib.sh t_skip): counted,
# printed with its reason, neither passed nor failed.
mkdir -p "$T/skips"
cat >"$T/skips/t9002-skips.sh" <<'SCRIPT'
. "$TOP/tests/lib.sh"
t_case "a case that cannot run here"
t_skip "no such thing on this system"
t_end
t_case "a case that runs"
ht version
expect_exit 0
t_end
SCRIPT
cat >"$T/skips/list" <<'LIST'
t9003-listed.sh   the whole script cannot run here
LIST
printf 'echo "FAIL t9003-listed:ran: it should not have run"\n' >"$T/skips/t9003-listed.sh"

t_case "a skipped case and a listed script are counted and printed with their reasons"
TESTS="$T/skips" SKIP_LIST="$T/skips/list" sh "$TOP/tests/run.sh" t9 >"$OUT" 2>"$ERR"
RC=$?
expect_exit 0
expect_err "SKIP t9002-skips:a case that cannot run here: no such thing on this system"
expect_err "SKIP t9003-listed.sh: the whole script cannot run here"
expect_err "t9002-skips.sh: 1 passed, 0 failed, 1 skipped"
expect_not_out "t9003-listed:ran"
tail -n 1 "$OUT" >"$T/last"
grep -qx "1 passed, 0 failed, 2 skipped" "$T/last" || t_fail "last line is '$(cat "$T/last")'"
t_end

t_case "SHARD=K/N parts cover the suite once, and run-shards.sh adds them up"
cp "$T/suite/t9000-fails.sh" "$T/skips/t9004-fails.sh"
for k in 1 2; do
	TESTS="$T/skips" SKIP_LIST="$T/skips/list" SHARD=$k/2 sh "$TOP/tests/run.sh" t9 >"$T/part$k" 2>&1
done
# three scripts: the 1st and 3rd are part 1's, the 2nd (listed) part 2's
grep -q "t9002-skips.sh: 1 passed" "$T/part1" || t_fail "part 1 did not run t9002"
grep -q "FAIL t9004-fails:a case that fails" "$T/part1" || t_fail "part 1 did not run t9004"
grep -q "t9003" "$T/part1" && t_fail "part 1 took t9003 too"
grep -q "SKIP t9003-listed.sh" "$T/part2" || t_fail "part 2 did not take t9003"
grep -q "t9002\|t9004" "$T/part2" && t_fail "part 2 ran part 1's scripts too"
TESTS="$T/skips" SKIP_LIST="$T/skips/list" sh "$TOP/tools/run-shards.sh" 2 t9 >"$OUT" 2>"$ERR"
RC=$?
expect_exit 1
tail -n 1 "$OUT" >"$T/last"
grep -qx "2 passed, 1 failed, 2 skipped" "$T/last" || t_fail "last line is '$(cat "$T/last")'"
expect_out "FAIL t9004-fails:a case that fails"
for k in 1 2; do
	grep -q "^run-shards: part $k/2 took [0-9][0-9]* s$" "$ERR" || t_fail "no time for part $k: $(cat "$ERR")"
done
t_end
