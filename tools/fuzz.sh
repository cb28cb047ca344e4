#!/bin/sh
# fuzz.sh BUILD TARGET... - run each libFuzzer target BUILD/fuzz/fuzz_TARGET
# for $FUZZ_TIME seconds (default 60) over its seed corpus, with the inputs
# it finds kept in BUILD/corpus/TARGET between runs.  A crash, leak or
# sanitizer report stops with the input in BUILD/artifacts/; fix the bug,
# then keep the input under tests/fuzz/regressions/TARGET/ so that the
# normal test suite replays it (tests/t4200-fuzz-regressions.sh).
set -e
top=$(cd "$(dirname "$0")/.." && pwd)
case $1 in /*) build=$1 ;; *) build=$top/$1 ;; esac
shift
: "${FUZZ_TIME:=60}"
mkdir -p "$build/artifacts"
status=0
for t in "$@"; do
	case $t in
	config) seeds="$top/config $top/samples/province $top/samples/commune"; dict=$top/tests/fuzz/yaml.dict; len=65536 ;;
	rules) seeds="$top/config/rules"; dict=$top/tests/fuzz/yaml.dict; len=131072 ;;
	csv) seeds="$top/tests/fuzz/seeds/csv"; dict=""; len=16384 ;;
	template) seeds="$top/templates"; dict=$top/tests/fuzz/yaml.dict; len=131072 ;;
	xlsx) seeds="$top/tests/fuzz/seeds/xlsx"; dict=$top/tests/fuzz/xlsx.dict; len=65536 ;;
	*) echo "fuzz.sh: no seeds for '$t'" >&2; exit 2 ;;
	esac
	corpus=$build/corpus/$t
	mkdir -p "$corpus"
	# Seed folders may hold other files: copy only the seeds themselves.
	for d in $seeds "$top/tests/fuzz/regressions/$t"; do
		for f in "$d"/*; do
			[ -f "$f" ] && cp "$f" "$corpus/seed-$(basename "$d")-$(basename "$f")"
		done
	done
	echo "== fuzz_$t: ${FUZZ_TIME}s"
	# -close_fd_mask=2: the loaders' own messages would drown the fuzzer's.
	# An empty folder is the current one: a `term:` in an input finds nothing.
	work=$(mktemp -d)
	if ! (cd "$work" && "$build/fuzz/fuzz_$t" -max_total_time="$FUZZ_TIME" -max_len=$len -timeout=10 \
		-rss_limit_mb=2048 -close_fd_mask=2 -print_final_stats=1 ${dict:+-dict="$dict"} \
		-artifact_prefix="$build/artifacts/$t-" "$corpus") >"$build/fuzz-$t.log" 2>&1; then
		echo "fuzz_$t: FOUND A PROBLEM (log: $build/fuzz-$t.log; input in $build/artifacts/)"
		tail -n 40 "$build/fuzz-$t.log"
		status=1
	else
		grep -E '^stat::number_of_executed_units|^stat::new_units_added' "$build/fuzz-$t.log" | tr '\n' ' '
		echo
	fi
	rm -rf "$work"
done
exit $status
