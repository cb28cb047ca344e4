#!/bin/sh
# t2007: the boundaries of t2002 through the entry commands, so that a rule
# is tested on both roads (the record refused at entry, the stored row
# reported by validate): a workplace conference at exactly 100 voters, and
# a round-3 special case without a reason.
. "$TOP/tests/lib.sh"
export HIEPTHUONG_TODAY=2026-01-20

make_province_book
B="$T/p.db"
"$HT" unit import "$S/province/units.csv" --db "$B" >/dev/null 2>&1 &&
	"$HT" conference add --db "$B" --kind ht1 --body qh --date 05/12/2025 >/dev/null 2>&1 &&
	"$HT" candidate add --db "$B" --body qh --name "Trần Thị Mai" --dob 02/03/1985 --sex Nữ --unit MTTQ \
		--stage proposed --nationality "Việt Nam" --ethnicity Kinh >/dev/null 2>&1 || {
	echo "FAIL $SCRIPT:setup"; exit 1; }
dump() { sqlite3 "$B" .dump >"$1"; }
VA="voters add --db $B --kind workplace --body qh --unit MTTQ --date 10/01/2026 --method hands --tellers 5"

t_case "VC-QUORUM-WORK at entry: 100 voters, 60 convened, 40 present is refused (100 voters need 70)"
dump "$T/before"
ht $VA --voters-at-place 100 --invited 60 --present 40 --result "Trần Thị Mai:30"
expect_exit 1
expect_err "VC-QUORUM-WORK"
dump "$T/after"
expect_same "$T/before" "$T/after"
t_end

t_case "VC-QUORUM-WORK at entry: 99 voters, 60 convened, 40 present is two thirds, accepted"
ht $VA --voters-at-place 99 --invited 60 --present 40 --result "Trần Thị Mai:30"
expect_exit 0
expect_out "điều kiện hợp lệ: đạt"
t_end

t_case "VC-QUORUM-WORK at entry: 100 voters, 70 present accepted, 69 refused"
"$HT" candidate add --db "$B" --body qh --name "Lê Văn Nam" --dob 02/03/1980 --sex Nam --unit MTTQ \
	--stage proposed --nationality "Việt Nam" --ethnicity Kinh >/dev/null 2>&1
ht $VA --voters-at-place 100 --invited 90 --present 69 --result "Lê Văn Nam:50"
expect_exit 1
expect_err "VC-QUORUM-WORK"
ht $VA --voters-at-place 100 --invited 90 --present 70 --result "Lê Văn Nam:50"
expect_exit 0
t_end

t_case "--special with a blank reason is refused at entry"
dump "$T/before"
for blank in "" "   "; do
	ht decide --db "$B" --body qh --candidate "Trần Thị Mai" --round 3 --include --special "$blank"
	expect_exit 2
	expect_err "--special cần lý do"
done
dump "$T/after"
expect_same "$T/before" "$T/after"
t_end
