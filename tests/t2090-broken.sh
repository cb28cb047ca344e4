#!/bin/sh
# t2090: deliberately broken copies of the sample books (tests/data/broken-*.sql)
# report every seeded violation with its rule id, and nothing else.  The
# expected ids are read from the "SEED <ID>" marks of each fixture.
. "$TOP/tests/lib.sh"
. "$TOP/tests/lib-validate.sh"

# The ids a fixture seeds, sorted and distinct.
seeded() {
	grep -o 'SEED [A-Z0-9-]*' "$1" | cut -d' ' -f2 | sort -u | tr '\n' ' ' | sed 's/ $//'
}

t_case "the province sample, broken: 35 rules, each exactly where seeded"
book province
fixture <"$TOP/tests/data/broken-province.sql"
want=$(seeded "$TOP/tests/data/broken-province.sql")
[ "$(echo $want | wc -w)" = 35 ] || t_fail "the fixture seeds $(echo $want | wc -w) ids"
vj --today 2026-03-01
expect_exit 1
expect_ids "$want"
expect_count EXCESS-NA 2
expect_count EXCESS-HDND 11
for id in $want; do
	case $id in EXCESS-NA | EXCESS-HDND) ;; *) expect_count "$id" 1 ;; esac
done
t_end

t_case "the same findings whatever day it is (dates are judged as recorded)"
vj --today 2025-11-20
expect_ids "$want"
t_end

t_case "the seeded findings point at the right people and places"
vj --today 2026-03-01
expect_field ELIG-AGE candidate '"Phạm Văn An"'
expect_field ELIG-NAT candidate '"Lê Thị Bích"'
expect_field ELIG-HDND-LOC candidate '"Hoàng Văn Cường"'
expect_field ELIG-DOSSIER candidate '"Vũ Văn Dũng"'
expect_field LIST-ORDER candidate '"Nguyễn Thị Hoa"'
expect_field HT3-TRUST candidate '"Đặng Thị Giang"'
expect_field VC-TRUST candidate '"Bùi Văn Hải"'
expect_field VERIFY-DEADLINE candidate '"Đỗ Văn Khánh"'
expect_field HT-VOTERS candidate '"Vũ Đức Minh"'
expect_field ELIG-ONEUNIT constituency 2
expect_field UNIT-NA-SEATS constituency 1
expect_field UNIT-HDND-SEATS constituency 11
expect_field SEATS-SUM body '"hdnd-tinh"'
expect_field HT-WINDOW body '"qh"'
expect_field LIST-DEADLINE body '"qh"'
expect_field HT3-SEND body '"hdnd-tinh"'
expect_msg HT-ORDER "hội nghị cử tri nơi cư trú ngày 01/02/2026 diễn ra trước hội nghị hiệp thương lần thứ hai"
expect_msg VC-QUORUM-WORK "39 trong 60 cử tri được triệu tập"
expect_msg VC-QUORUM-RES "39 trong 80 cử tri được triệu tập"
expect_msg VC-BALLOTS "55 phiếu hợp lệ và 4 phiếu không hợp lệ cộng lại là 59, khác 60 phiếu thu về"
expect_msg ALLOC-SUM "là 28, khác tổng số đã thỏa thuận 30"
expect_msg HT2-EXCESS "có 10 người cho 50 đại biểu được bầu"
t_end

t_case "a whole-book run finds for each body what a run on that body alone finds"
# HT2-EXCESS once counted every body's candidacies in a whole-book run.
for stage in "" proposed nominated preliminary qualified official; do
	vj --today 2026-03-01 ${stage:+--stage $stage}
	cp "$OUT" "$T/whole.json"
	for body in qh hdnd-tinh; do
		vj --today 2026-03-01 ${stage:+--stage $stage} --body $body
		$PYTHON - "$T/whole.json" "$OUT" "$body" <<'PY' || t_fail "stage '$stage', body $body: the findings differ"
import json, sys
whole, one, body = json.load(open(sys.argv[1])), json.load(open(sys.argv[2])), sys.argv[3]
sys.exit([f for f in whole if f["body"] == body] != one)
PY
	done
done
t_end

t_case "the commune sample, broken: the thôn nomination"
book commune commune
fixture <"$TOP/tests/data/broken-commune.sql"
vj --today 2026-03-01
expect_exit 1
expect_ids "$(seeded "$TOP/tests/data/broken-commune.sql")"
expect_count THON-SELECT 2
expect_msg THON-SELECT "được 30/60 cử tri có mặt tín nhiệm"
expect_msg THON-SELECT "'thôn Thượng Hòa' giới thiệu 2 người, nhiều hơn số được phân bổ (1)"
t_end

t_case "a book of three bodies, broken: council levels"
book levels "$TOP/tests/data/three-bodies.yaml"
fixture <"$TOP/tests/data/broken-levels.sql"
vj
expect_exit 1
expect_ids "$(seeded "$TOP/tests/data/broken-levels.sql")"
expect_count ELIG-LEVELS 3
expect_field ELIG-LEVELS candidate '"Nông Văn Cao"'
t_end

t_case "every rule of the 2026-2031 pack is seeded by some fixture"
all=$(cat "$TOP"/tests/data/broken-*.sql | grep -o 'SEED [A-Z0-9-]*' | cut -d' ' -f2 | sort -u)
for id in $(grep '^  - id: ' "$TOP/config/rules/2026-2031.yaml" | cut -d: -f2); do
	echo "$all" | grep -qx "$id" || t_fail "no fixture seeds $id"
done
t_end
