#!/bin/sh
# run.sh - hiepthuong's test runner.
#
# Runs every unit-test program in $UNIT_DIR and every end-to-end script
# tests/t[0-9]*.sh against the binary $HT.  Each prints one line per case,
# "PASS name" or "FAIL name: why"; this script counts them and ends with
# the line "N passed, N failed".  A program that exits non-zero without a
# FAIL line counts as one failure (a crash, a sanitizer report).
#
#   HT=./hiepthuong UNIT_DIR=build/unit sh tests/run.sh [PATTERN]
#
# PATTERN limits the e2e scripts (e.g. t0 for the t0xxx family).
#
# SKIP_LIST names a file of "tNNNN-name.sh  why" lines (tests/windows-skip.txt
# for `make test-windows`): those scripts are not run, each is printed with
# its reason and counted; the last line then ends ", N skipped".  A single
# case that cannot run prints "SKIP name: why" (lib.sh t_skip, unit.h SKIP),
# counted the same way.  UNIT_WRAP
# runs each unit-test program through a command (Wine), UNIT_EXT is their
# file ending (.exe).
top=$(cd "$(dirname "$0")/.." && pwd)
: "${HT:=$top/hiepthuong}"
: "${UNIT_DIR:=$top/build/unit}"
: "${PYTHON:=/usr/bin/python3}"
# SHARD=K/N runs only every Nth program and script, from the Kth: N runs
# with K = 1..N cover the suite once (tools/run-shards.sh runs them at once).
# TESTS: where the t*.sh scripts are (tests/, or another folder for t0010).
: "${TESTS:=$top/tests}"
export HT PYTHON TOP="$top"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
pass=0
fail=0
skip=0
item=0
shard=${SHARD:-}
shard_k=${shard%/*}
shard_n=${shard#*/}
unset SHARD	# not for a runner that a script runs (t0010)
case "$shard" in '' | [1-9]*/[1-9]*) ;; *) echo "run.sh: SHARD=$shard: K/N expected" >&2; exit 2 ;; esac
# mine: is the next program or script this shard's?
mine() {
	item=$((item + 1))
	[ -z "$shard" ] || [ $(((item - 1) % shard_n)) -eq $((shard_k - 1)) ]
}

count() {
	# $1: program name; output in $log; $2: its exit status
	p=$(grep -c '^PASS ' "$log")
	f=$(grep -c '^FAIL ' "$log")
	# Cases that cannot run here say "SKIP name: why" (unit.h SKIP, lib.sh t_skip).
	s=$(grep -c '^SKIP ' "$log")
	grep '^SKIP ' "$log" >&2
	# Each FAIL line with what the case printed under it (indented).
	awk '/^FAIL /{p=1; print; next} /^    /{if (p) print; next} {p=0}' "$log"
	if [ "$2" -ne 0 ]; then
		# A crash, a sanitizer report or a failed set-up: its last words.
		[ "$f" -eq 0 ] && echo "FAIL $1: exited with status $2"
		[ "$f" -eq 0 ] && f=1
		tail -n 20 "$log" | sed 's/^/    /'
	fi
	pass=$((pass + p))
	fail=$((fail + f))
	skip=$((skip + s))
	if [ "$s" -gt 0 ]; then
		echo "$1: $p passed, $f failed, $s skipped" >&2
	else
		echo "$1: $p passed, $f failed" >&2
	fi
}

if [ -z "$1" ]; then
	for t in "$UNIT_DIR"/test_*${UNIT_EXT:-}; do
		[ -f "$t" ] && [ -x "$t" ] || continue
		mine || continue
		$UNIT_WRAP "$t" >"$log" 2>&1
		count "$(basename "$t")" $?
	done
fi
for t in "$TESTS"/t[0-9]*.sh; do
	[ -f "$t" ] || continue
	case "$(basename "$t")" in ${1:-t}*) ;; *) continue ;; esac
	mine || continue
	if [ -n "${SKIP_LIST:-}" ]; then
		why=$(awk -v n="$(basename "$t")" '$1 == n { $1 = ""; sub(/^ +/, ""); print; exit }' "$SKIP_LIST")
		if [ -n "$why" ]; then
			echo "SKIP $(basename "$t"): $why" >&2
			skip=$((skip + 1))
			continue
		fi
	fi
	sh "$t" >"$log" 2>&1
	count "$(basename "$t")" $?
done
if [ "$skip" -gt 0 ]; then
	echo "$pass passed, $fail failed, $skip skipped"
else
	echo "$pass passed, $fail failed"
fi
[ "$fail" -eq 0 ]
