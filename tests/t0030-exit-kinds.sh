#!/bin/sh
# t0030: every error carries its kind, and the dispatcher alone turns the
# worst kind printed into the exit code (README's table, diag.h): a rule's
# refusal 1, usage 2, bad data 3, an internal fault 4.  An internal fault
# met by a writing command changes nothing, even when the command carried
# on (issue 13 §4).
. "$TOP/tests/lib.sh"

make_fixture_book
db="--db $T/p.db"
sum() { sha256sum <"$1" | cut -d' ' -f1; }

t_case "usage errors exit 2: the command line, an option, a value from --body"
ht frobnicate $db
expect_exit 2
expect_err "lỗi: không có lệnh 'frobnicate'"
ht unit list --nope $db
expect_exit 2
expect_err "không có tùy chọn '--nope'"
ht unit list --body nope $db
expect_exit 2
expect_err "nope"
"$HT" >"$OUT" 2>"$ERR"
RC=$?
expect_exit 2
t_end

t_case "bad data exits 3"
ht init --config "$T/no-such.yaml" --db "$T/new.db"
expect_exit 3
expect_err "no-such.yaml"
expect_no_file "$T/new.db"
t_end

t_case "a record refused by a rule exits 1 and changes nothing"
"$HT" unit add UB --name "Ủy ban nhân dân tỉnh" --kind state --body qh $db >/dev/null 2>&1
sql_write "$T/p.db" "SELECT 1" || t_fail "accept"
before=$(sum "$T/p.db")
cat >"$T/young.csv" <<CSV
STT,body,name,dob,sex,unit,dossier_at,party_date,stage
1,qh,Phạm Văn Ba,16/03/2005,Nam,UB,,,
CSV
ht candidate import "$T/young.csv" $db
expect_exit 1
expect_err "young.csv:2: lỗi: ELIG-AGE [qh] 'Phạm Văn Ba'"
[ "$(sum "$T/p.db")" = "$before" ] || t_fail "the book changed"
t_end

t_case "the worst kind wins: a refused row and a bad row together exit 3"
cat >"$T/mixed.csv" <<CSV
STT,body,name,dob,sex,unit,dossier_at,party_date,stage
1,qh,Phạm Văn Ba,16/03/2005,Nam,UB,,,
2,qh,Phạm Văn Một,31/02/1980,Nam,UB,,,
CSV
ht candidate import "$T/mixed.csv" $db
expect_exit 3
expect_err "mixed.csv:2: lỗi: ELIG-AGE"
expect_err "mixed.csv:3:4: lỗi: cột 'dob': ngày không tồn tại"
[ "$(sum "$T/p.db")" = "$before" ] || t_fail "the book changed"
t_end

t_case "validate's error findings exit 1 through the same mapping"
ht validate $db
expect_exit 1
expect_empty_err
t_end

# A column renamed behind the tool's back (and accepted in the audit
# trail): SQL the program wrote no longer prepares.  That is an internal
# error, said as one, and it exited 3 before.
cp "$T/p.db" "$T/r.db"
sqlite3 "$T/r.db" "ALTER TABLE unit RENAME COLUMN name TO ten" &&
	"$HT" audit accept --reason "thử" --db "$T/r.db" >/dev/null 2>&1 || echo "FAIL $SCRIPT:setup: rename"

t_case "a renamed column is an internal error: exit 4, not 3"
ht validate --db "$T/r.db"
expect_exit 4
expect_err "internal error: cannot prepare SQL: no such column: u.name"
ht status --db "$T/r.db"
expect_exit 4
t_end

# The same for a writing command that carried on after the fault: it once
# printed its success, exited 0 and kept the change.
cp "$T/p.db" "$T/v.db"
sqlite3 "$T/v.db" "ALTER TABLE vote RENAME COLUMN trust TO tn" &&
	"$HT" audit accept --reason "thử" --db "$T/v.db" >/dev/null 2>&1 || echo "FAIL $SCRIPT:setup: rename"

t_case "an internal error in a writing command: exit 4 and the book unchanged"
before=$(sum "$T/v.db")
ht withdraw --body qh --candidate 1 --db "$T/v.db"
expect_exit 4
expect_err "internal error"
expect_not_out "xin rút"
[ "$(sum "$T/v.db")" = "$before" ] || t_fail "the book changed"
t_end
