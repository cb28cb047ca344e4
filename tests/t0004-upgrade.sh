#!/bin/sh
# t0004: books made by earlier versions open and are upgraded to the
# current schema, exactly as a new book has it, with every row kept; an
# upgrade the data refuse leaves the book as it was.
#
# tests/data/books/ holds SQL dumps (sqlite3 .dump, then the header
# pragmas) of books that earlier versions of hiepthuong wrote with
# samples/demo.sh: v1-xa the commune's book of schema 1 (commit ddeb3e5),
# v2-tinh the province's book of schema 2 (commit 3ce7571).
. "$TOP/tests/lib.sh"

Q_SCHEMA="SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name"

"$HT" init --config "$S/commune/config.yaml" --db "$T/fresh.db" >/dev/null 2>&1 || {
	echo "FAIL $SCRIPT:setup: init"; exit 1; }
sql "$T/fresh.db" "$Q_SCHEMA" >"$T/fresh.schema"
current=$(sql "$T/fresh.db" "PRAGMA user_version")

# load NAME: the dumped book NAME in $T/NAME.db, and its row counts.
load() {
	rm -f "$T/$1.db"
	gzip -dc "$TOP/tests/data/books/$1.sql.gz" | sqlite3 -bail "$T/$1.db" >/dev/null || {
		echo "FAIL $SCRIPT:setup: load $1"; exit 1; }
	chmod 600 "$T/$1.db"
	counts "$T/$1.db" >"$T/$1.before"
}

# counts DB: "table rows" for every table the book had before the upgrade.
counts() {
	for t in $(sql "$1" "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite%' ORDER BY name"); do
		echo "$t $(sql "$1" "SELECT count(*) FROM \"$t\"")"
	done
}

for book in v1-xa v2-tinh; do
	load $book
	from=$(sql "$T/$book.db" "PRAGMA user_version")

	t_case "$book: the first command upgrades the book from $from to $current and says so"
	ht status --db "$T/$book.db"
	expect_exit 0
	expect_err "đã nâng cấp sổ '$T/$book.db' từ phiên bản $from lên $current"
	[ "$(sql "$T/$book.db" "PRAGMA user_version")" = "$current" ] || t_fail "user_version not $current"
	t_end

	t_case "$book: the upgraded schema is a new book's, table for table"
	sql "$T/$book.db" "$Q_SCHEMA" >"$T/$book.schema"
	cmp -s "$T/fresh.schema" "$T/$book.schema" ||
		t_fail "schema differs: $(diff "$T/fresh.schema" "$T/$book.schema" | head -n 4 | tr '\n' ' ')"
	[ -z "$(sql "$T/$book.db" "SELECT name FROM sqlite_schema WHERE name LIKE 'hiepthuong_old_%'")" ] ||
		t_fail "a table set aside was left behind"
	t_end

	t_case "$book: every row is kept, with its rowid"
	counts "$T/$book.db" | awk 'NR == FNR { had[$1] = 1; next } had[$1]' "$T/$book.before" - >"$T/$book.after"
	# the upgrade adds one audit entry
	awk '$1 == "audit" { $2 = $2 + 1 } { print }' "$T/$book.before" >"$T/$book.expected"
	cmp -s "$T/$book.expected" "$T/$book.after" ||
		t_fail "row counts differ: $(diff "$T/$book.expected" "$T/$book.after" | head -n 4 | tr '\n' ' ')"
	[ "$(sql "$T/$book.db" "SELECT count(*) FROM candidacy_event WHERE entered IS NULL OR entered = ''")" = 0 ] ||
		t_fail "a decision has no day of entry"
	[ "$(sql "$T/$book.db" "PRAGMA foreign_key_check")" = "" ] || t_fail "foreign keys broken"
	[ "$(sql "$T/$book.db" "PRAGMA integrity_check")" = ok ] || t_fail "integrity_check"
	t_end

	t_case "$book: the audit trail holds the upgrade and still matches the data"
	ht audit verify --db "$T/$book.db"
	expect_exit 0
	expect_out "dữ liệu của sổ khớp với mục cuối"
	ht audit log --db "$T/$book.db"
	expect_out "nâng cấp sổ từ phiên bản $from lên $current"
	t_end

	t_case "$book: the upgraded book validates, and opens again without a second upgrade"
	ht validate --db "$T/$book.db"
	expect_exit 0
	expect_not_err "nâng cấp"
	t_end
done

t_case "v1 decisions get the day they happened as the day they were entered"
[ "$(sql "$T/v1-xa.db" "SELECT count(*) FROM candidacy_event WHERE entered <> substr(at, 1, 10)")" = 0 ] ||
	t_fail "entered differs from at"
t_end

t_case "the upgraded province book has the roll-up's tables: its report runs"
ht rollup report --db "$T/v2-tinh.db"
expect_exit 0
expect_out "Tổng"
t_end

t_case "an upgrade that the data refuse changes nothing and says why"
load v1-xa
sqlite3 "$T/v1-xa.db" "UPDATE conference SET present = 300000000, invited = 300000000,
	voters_at_place = 300000000 WHERE id = (SELECT min(id) FROM conference)"
cp "$T/v1-xa.db" "$T/v1-copy.db"
ht status --db "$T/v1-xa.db"
expect_exit 3
expect_err "không nâng cấp được sổ '$T/v1-xa.db' từ phiên bản 1 lên $current; sổ không thay đổi"
expect_same "$T/v1-copy.db" "$T/v1-xa.db"
[ "$(sql "$T/v1-xa.db" "PRAGMA user_version")" = 1 ] || t_fail "version changed"
t_end
