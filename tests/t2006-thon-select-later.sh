#!/bin/sh
# t2006: THON-SELECT judges the thôn conference's selection, not what became
# of the selected people afterwards: someone the thôn selected and round 2
# later dropped was still selected (found by the benchmark's national data,
# tests/bench/).
. "$TOP/tests/lib.sh"

"$HT" init --config "$S/commune/config.yaml" --db "$T/x.db" >/dev/null 2>&1 || { echo "FAIL $SCRIPT:setup"; exit 1; }
sql_write "$T/x.db" "$(cat "$TOP/tests/data/stages-commune.sql")" || { echo "FAIL $SCRIPT:fixture"; exit 1; }
D="--db $T/x.db"
B="--body hdnd-xa"
export HIEPTHUONG_TODAY=2026-01-20

t_case "the thôn selects the two with most votes"
ht conference add $D $B --kind ht1 --date 05/12/2025 >/dev/null
ht voters add $D $B --kind thon --unit THON-DS --date 12/01/2026 --voters-at-place 80 --invited 80 --present 45 \
	--method hands --tellers 5 --result 1:30 --result 2:26 --result 3:20
expect_exit 0
[ "$(sql "$T/x.db" "SELECT group_concat(id || ':' || stage || ':' || status, ' ') FROM candidacy WHERE id <= 3")" = \
  "1:nominated:active 2:nominated:active 3:proposed:dropped" ] || t_fail "selection"
ht validate $D $B
expect_not_out "THON-SELECT"
t_end

t_case "dropping the best-voted at round 2 does not make the thôn's choice wrong"
ht conference add $D $B --kind ht2 --date 20/01/2026 >/dev/null
ht decide $D $B --candidate 1 --round 2 --drop not_qualified
expect_exit 0
ht validate $D $B
expect_not_out "THON-SELECT"
t_end

t_case "a person the thôn left out with more votes is still a finding"
sql "$T/x.db" "UPDATE vote SET trust = 40 WHERE candidacy_id = 3"
ht validate $D $B
expect_out "lỗi THON-SELECT"
expect_out "'Lê Văn Cường' được 40 phiếu mà không được giới thiệu"
t_end
