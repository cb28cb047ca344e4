#!/bin/sh
# t4200: replay the fuzz targets' seed corpora and every input the fuzzer
# once found a problem with (tests/fuzz/regressions/TARGET/), without
# libFuzzer: the replay programs link the same target sources
# (tests/fuzz/replay.c).  Under `make asan` they are sanitized too, and
# `make valgrind` runs them under valgrind ($REPLAY_WRAP).
. "$TOP/tests/lib.sh"

dir=${UNIT_DIR:-$TOP/build/unit}

# replay TARGET FOLDER...: every file of the folders.
replay() {
	t=$1
	shift
	set --  $(for d in "$@"; do for f in "$d"/*; do [ -f "$f" ] && echo "$f"; done; done)
	t_case "replay_$t over $# inputs"
	if [ ! -x "$dir/replay_$t" ]; then
		t_fail "no $dir/replay_$t (make replays)"
	else
		# shellcheck disable=SC2086
		$REPLAY_WRAP "$dir/replay_$t" "$@" >"$OUT" 2>"$ERR"
		RC=$?
		expect_exit 0
		n=$(grep -c '^PASS ' "$OUT")
		[ "$n" -eq $# ] || t_fail "$n of $# inputs replayed"
	fi
	t_end
}

# File names here have no spaces (checked by the count above).
replay config "$TOP/config" "$TOP/samples/province" "$TOP/samples/commune" "$TOP/tests/fuzz/regressions/config"
replay rules "$TOP/config/rules" "$TOP/tests/fuzz/regressions/rules"
replay csv "$TOP/tests/fuzz/seeds/csv" "$TOP/tests/fuzz/regressions/csv"
replay template "$TOP/templates" "$TOP/tests/fuzz/regressions/template"
replay xlsx "$TOP/tests/fuzz/seeds/xlsx" "$TOP/tests/fuzz/regressions/xlsx"
