# lib-validate.sh - helpers for the rule tests (t2xxx), sourced after lib.sh.
#
#	book base                 # $T/base.db from samples/province (or commune, or a config file)
#	fixture <<'SQL'           # run SQL on $B with the sqlite3 shell
#	...
#	SQL
#	variant x <<'SQL'         # $T/x.db = copy of $T/base.db + SQL; $B=$T/x.db
#	vj [ARGS]                 # validate --db $B --format json ARGS
#	expect_ids "A B"          # the findings in $OUT have exactly these rule ids
#	expect_count RULE N       # ... and N of them have this id
#	expect_msg RULE TEXT      # some finding of RULE has TEXT in its message
#
# Until the people and stage commands exist, records are made with SQL.
# Every person's sort_key is X'': the book then orders a list by person
# id, so fixtures give ids in the official order (tên, họ, tên đệm).

# book NAME [province|commune|CONFIG]
book() {
	_cfg=${2:-province}
	case $_cfg in province | commune) _cfg="$S/$_cfg/config.yaml" ;; esac
	rm -f "$T/$1.db"
	"$HT" init --config "$_cfg" --db "$T/$1.db" >/dev/null 2>&1 || {
		echo "FAIL $SCRIPT:setup: cannot init '$1' from '$_cfg'"; exit 1; }
	B="$T/$1.db"
}

# fixture [DB] < SQL
fixture() {
	sqlite3 -batch -bail "${1:-$B}" || { echo "FAIL $SCRIPT:setup: fixture on '${1:-$B}' failed"; exit 1; }
}

# variant NAME [BASE] < SQL: a copy of $T/BASE.db (default base) with SQL applied.
variant() {
	cp "$T/${2:-base}.db" "$T/$1.db"
	B="$T/$1.db"
	fixture "$B"
}

vj() {
	ht validate --db "$B" --format json "$@"
}

# The sorted, distinct rule ids of the JSON findings in $OUT.
ids() {
	$PYTHON -c 'import json,sys; print(" ".join(sorted({f["rule"] for f in json.load(open(sys.argv[1]))})))' "$OUT" \
		2>/dev/null || echo "(not JSON)"
}

expect_ids() {
	_want=$(printf '%s\n' $1 | sort -u | tr '\n' ' ' | sed 's/ $//')
	_got=$(ids)
	[ "$_got" = "$_want" ] || t_fail "rule ids '$_got', expected '$_want'"
}

expect_count() {
	_n=$($PYTHON -c 'import json,sys; print(sum(f["rule"] == sys.argv[2] for f in json.load(open(sys.argv[1]))))' \
		"$OUT" "$1" 2>/dev/null)
	[ "$_n" = "$2" ] || t_fail "$_n findings of $1, expected $2"
}

expect_msg() {
	$PYTHON -c 'import json,sys; sys.exit(not any(f["rule"] == sys.argv[2] and sys.argv[3] in f["message"]
		for f in json.load(open(sys.argv[1]))))' "$OUT" "$1" "$2" 2>/dev/null ||
		t_fail "no $1 finding with '$2'"
}

# expect_field RULE KEY VALUE: every finding of RULE has KEY == VALUE (JSON literal, e.g. '"qh"', 2, null)
expect_field() {
	$PYTHON -c 'import json,sys; fs=[f for f in json.load(open(sys.argv[1])) if f["rule"] == sys.argv[2]]
sys.exit(not fs or any(f[sys.argv[3]] != json.loads(sys.argv[4]) for f in fs))' "$OUT" "$1" "$2" "$3" 2>/dev/null ||
		t_fail "$1 findings do not all have $2 = $3"
}
