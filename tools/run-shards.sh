#!/bin/sh
# run-shards.sh N [PATTERN] - tests/run.sh in N parts at once (SHARD=K/N),
# with the environment it is given (HT, WINE_HT, UNIT_DIR, SKIP_LIST...):
# the Wine suite spends most of its time waiting on Wine, so two parts on
# two cores take about half the time (docs/windows.md, "CI").  Prints each
# part's log in turn and its time, then one line that adds them up,
# "N passed, N failed" (", N skipped"), and fails if any part failed.
n=${1:?usage: run-shards.sh N [PATTERN]}
shift
top=$(cd "$(dirname "$0")/.." && pwd)
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
t0=$(date +%s)
k=1
while [ $k -le "$n" ]; do
	(SHARD=$k/$n sh "$top/tests/run.sh" "$@" >"$dir/$k.log" 2>&1; date +%s >"$dir/$k.end") &
	k=$((k + 1))
done
wait
rc=0
pass=0 fail=0 skip=0
k=1
while [ $k -le "$n" ]; do
	last=$(tail -n 1 "$dir/$k.log")
	sed '$d' "$dir/$k.log"
	echo "run-shards: part $k/$n took $(($(cat "$dir/$k.end") - t0)) s" >&2
	set -- $(echo "$last" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed\(, \([0-9]*\) skipped\)\{0,1\}$/\1 \2 \4/p')
	if [ $# -lt 2 ]; then
		echo "FAIL run-shards: part $k/$n ended without its count: $last"
		fail=$((fail + 1))
	else
		pass=$((pass + $1)) fail=$((fail + $2)) skip=$((skip + ${3:-0}))
	fi
	k=$((k + 1))
done
if [ "$skip" -gt 0 ]; then
	echo "$pass passed, $fail failed, $skip skipped"
else
	echo "$pass passed, $fail failed"
fi
[ "$fail" -eq 0 ]
