# lib.sh - helpers for end-to-end tests of the real binary.
#
# A test script sources this file, then writes cases:
#
#	t_case "init refuses a config with an unknown key"
#	ht init --config "$T/bad.yaml" --db "$T/x.db"
#	expect_exit 3
#	expect_err "bad.yaml:4:3: lỗi: khóa không xác định 'seat'"
#	expect_no_file "$T/x.db"
#	t_end
#
# ht runs $HT with its stdout in $OUT, stderr in $ERR, exit status in $RC.
# Each expect_* records a failure with the reason; t_end prints
# "PASS <script>:<case>" or "FAIL <script>:<case>: <reasons>".
# $T is a fresh private directory, removed at exit; $S the samples folder.

: "${HT:?HT must name the hiepthuong binary}"
: "${TOP:?}"
: "${PYTHON:=/usr/bin/python3}"
T=$(mktemp -d)
S="$TOP/samples"
OUT="$T/.out"
ERR="$T/.err"
SCRIPT=$(basename "$0" .sh)
trap 'rm -rf "$T"' EXIT
export HIEPTHUONG_TODAY="${HIEPTHUONG_TODAY:-2025-11-20}"
export HIEPTHUONG_PROGRESS=0
unset HIEPTHUONG_DB

t_case() {
	CASE=$1
	WHY=""
	SKIPWHY=""
}

# t_skip WHY: this case cannot run on this system (hiepthuong.exe under
# Wine): t_end prints "SKIP script:case: WHY", which tests/run.sh counts
# and prints.  The case's checks are left out by its script.
t_skip() {
	SKIPWHY=$1
}

# on_windows: true when the program under test is hiepthuong.exe under Wine
# (make test-windows sets WINE_HT).
on_windows() {
	[ -n "${WINE_HT:-}" ]
}

t_fail() {
	WHY="$WHY${WHY:+; }$1"
}

t_end() {
	if [ -z "$WHY" ] && [ -n "$SKIPWHY" ]; then
		echo "SKIP $SCRIPT:$CASE: $SKIPWHY"
	elif [ -z "$WHY" ]; then
		echo "PASS $SCRIPT:$CASE"
	else
		echo "FAIL $SCRIPT:$CASE: $WHY"
		echo "    --- stdout:"; sed 's/^/    /' "$OUT" | head -n 20
		echo "    --- stderr:"; sed 's/^/    /' "$ERR" | head -n 20
	fi
}

ht() {
	"$HT" "$@" >"$OUT" 2>"$ERR"
	RC=$?
}

expect_exit() {
	[ "$RC" = "$1" ] || t_fail "exit status $RC, expected $1"
}

expect_out() {
	grep -qF -- "$1" "$OUT" || t_fail "stdout lacks '$1'"
}

expect_err() {
	grep -qF -- "$1" "$ERR" || t_fail "stderr lacks '$1'"
}

expect_not_out() {
	grep -qF -- "$1" "$OUT" && t_fail "stdout has '$1'"
}

expect_not_err() {
	grep -qF -- "$1" "$ERR" && t_fail "stderr has '$1'"
}

expect_empty_err() {
	[ -s "$ERR" ] && t_fail "stderr is not empty"
}

expect_file() {
	[ -f "$1" ] || t_fail "no file '$1'"
}

expect_no_file() {
	[ -e "$1" ] && t_fail "file '$1' exists"
}

# expect_owner_only FILE: a file of personal data is readable by its owner
# only: mode 600 on Linux.  hiepthuong.exe (WINE_HT set: make test-windows)
# gives it an ACL for the user and SYSTEM only (docs/windows.md), which Wine
# writes as mode bits: the entries of the user and of their token's groups
# become the owner's and the group's bits, Everyone's the others'; so that
# ACL is 640 or 660, and a file that kept its folder's ACL 644
# (tools/wine-ht.sh runs Wine with umask 022, whatever the caller's).
expect_owner_only() {
	m=$(stat -c %a "$1") || { t_fail "no file '$1'"; return; }
	if on_windows; then
		case "$m" in
		6[046]0) ;;
		*) t_fail "'$1' is $m under Wine: not the owner-only ACL (6x0)" ;;
		esac
	else
		[ "$m" = 600 ] || t_fail "'$1' is $m, not 600 (owner only)"
	fi
}

# expect_lines N FILE: the file has exactly N lines.
expect_lines() {
	n=$(wc -l <"$2")
	[ "$n" -eq "$1" ] || t_fail "$2 has $n lines, expected $1"
}

# expect_same FILE1 FILE2 (byte-identical)
expect_same() {
	cmp -s "$1" "$2" || t_fail "'$1' and '$2' differ"
}

# sql DB QUERY: print the result of a read-only query (sqlite3 shell).
sql() {
	sqlite3 -batch -noheader "$1" "$2"
}

# sql_write DB SQL: change a book behind hiepthuong's back (test set-up),
# then record that in the audit trail: writing commands refuse a book whose
# data differ from what its last audit entry recorded (docs/integrity.md).
sql_write() {
	# On standard input: SQL that starts with a "--" comment is not an option.
	printf '%s\n' "$2" | sqlite3 -batch -bail "$1" &&
		"$HT" audit accept --reason "test set-up" --db "$1" >/dev/null 2>&1
}

# make_fixture_book [relaxed]: the province book in $T/p.db with the people
# and stages of tests/data/people.sql and province.sql (accepted in the
# audit trail); with "relaxed", the pack's errors made warnings, so that
# the export gate lets the fixture's final lists out (it is partial).
make_fixture_book() {
	make_province_book
	sqlite3 -bail "$T/p.db" <"$TOP/tests/data/people.sql" >/dev/null &&
		sqlite3 -bail "$T/p.db" <"$TOP/tests/data/province.sql" >/dev/null &&
		"$HT" audit accept --reason "dữ liệu thử" --db "$T/p.db" >/dev/null 2>&1 || {
		echo "FAIL $SCRIPT:setup: fixtures"; exit 1; }
	[ "$1" = relaxed ] || return 0
	sql_write "$T/p.db" "UPDATE book SET rules_text = replace(rules_text, 'severity: error', 'severity: warning')" || {
		echo "FAIL $SCRIPT:setup: relaxed pack"; exit 1; }
}

# run_demo: the demo (samples/demo.sh) on a copy of the samples in
# $T/repo, its books in $T/repo/out and its forms in $T/repo/out/bieu-mau;
# the script stops with a FAIL line when the demo fails.
run_demo() {
	mkdir -p "$T/repo"
	cp -R "$TOP/samples" "$TOP/config" "$TOP/templates" "$T/repo/"
	if ! sh "$T/repo/samples/demo.sh" "$HT" >"$T/demo.out" 2>"$T/demo.err"; then
		echo "FAIL $SCRIPT:setup: the demo failed"
		tail -n 20 "$T/demo.err"
		exit 1
	fi
}

# A fresh province book in $T/p.db.
make_province_book() {
	"$HT" init --config "$S/province/config.yaml" --db "$T/p.db" >/dev/null 2>&1 || {
		echo "FAIL $SCRIPT:setup: could not create the province book"; exit 1; }
}
