#!/bin/sh
# t2000: the validate and rules commands: output, JSON, scope, exit codes.
. "$TOP/tests/lib.sh"
. "$TOP/tests/lib-validate.sh"

t_case "the province sample reports nothing"
book base
ht validate --db "$B"
expect_exit 0
expect_out "Không phát hiện vi phạm nào."
expect_out "0 lỗi, 0 cảnh báo, 0 thông tin"
expect_empty_err
t_end

t_case "the sample reports nothing after every deadline has passed too"
ht validate --db "$B" --today 2026-04-01
expect_exit 0
expect_out "0 lỗi, 0 cảnh báo, 0 thông tin"
t_end

t_case "the commune sample reports nothing"
book commune commune
ht validate --db "$B" --format json
expect_exit 0
[ "$(cat "$OUT")" = "[]" ] || t_fail "JSON is not an empty array"
t_end

t_case "a 2021-2026 book reports nothing"
cat >"$T/h.yaml" <<YAML
term: $TOP/config/2021-2026.yaml
committee:
  level: huyen
  name: "Ủy ban Mặt trận Tổ quốc Việt Nam huyện Mẫu"
  place: "Mẫu"
bodies:
  - type: hdnd-huyen
    name: "Hội đồng nhân dân huyện Mẫu"
    seats: 3
    constituencies:
      - number: 1
        seats: 3
        area: ["xã Một"]
YAML
book h21 "$T/h.yaml"
ht validate --db "$B"
expect_exit 0
expect_out "0 lỗi, 0 cảnh báo"
t_end

book broken
fixture <"$TOP/tests/data/broken-province.sql"

t_case "findings are grouped by body, then constituency, with severity, id, candidate and citation"
ht validate --db "$B" --today 2026-03-01
expect_exit 1
expect_out "Quốc hội khóa XVI [qh]"
expect_out "Hội đồng nhân dân tỉnh Hòa Lâm [hdnd-tinh]"
expect_out "  Đơn vị bầu cử số 2:"
expect_out "    lỗi ELIG-AGE 'Phạm Văn An': sinh 16/03/2005, 20 tuổi vào ngày bầu cử 15/03/2026; người ứng cử phải đủ 21 tuổi"
expect_out "      căn cứ: Điều 2 Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân (Luật số 85/2015/QH13)"
expect_out "    cảnh báo NA-WOMEN: danh sách chính thức có 4/12 phụ nữ (33,33%); cần ít nhất 35% (5 người)"
expect_out "39 lỗi, 7 cảnh báo, 0 thông tin"
# the NA comes first, and within a body the constituencies ascend
qh=$(grep -n '^Quốc hội' "$OUT" | cut -d: -f1)
hd=$(grep -n '^Hội đồng nhân dân tỉnh' "$OUT" | cut -d: -f1)
[ "$qh" -lt "$hd" ] || t_fail "bodies out of order"
grep '^  Đơn vị' "$OUT" | sed -n '4,$p' | sed 's/[^0-9]//g' | sort -n -c 2>/dev/null || t_fail "constituencies out of order"
t_end

t_case "JSON: an array of objects with exactly the seven keys"
vj --today 2026-03-01
expect_exit 1
$PYTHON -c '
import json, sys
fs = json.load(open(sys.argv[1]))
keys = {"rule", "severity", "body", "constituency", "candidate", "message", "citation"}
assert len(fs) == 46, len(fs)
for f in fs:
    assert set(f) == keys, f
    assert f["severity"] in ("error", "warning", "info"), f
    assert isinstance(f["rule"], str) and f["message"] and f["citation"], f
    assert f["constituency"] is None or isinstance(f["constituency"], int), f
    assert f["candidate"] is None or isinstance(f["candidate"], str), f
    assert f["body"] in ("qh", "hdnd-tinh"), f
age = [f for f in fs if f["rule"] == "ELIG-AGE"][0]
assert age == {"rule": "ELIG-AGE", "severity": "error", "body": "hdnd-tinh", "constituency": 2,
               "candidate": "Phạm Văn An", "message": age["message"], "citation": age["citation"]}, age
assert "20 tuổi" in age["message"]
sums = [f for f in fs if f["rule"] == "SEATS-SUM"][0]
assert sums["constituency"] is None and sums["candidate"] is None, sums
' "$OUT" || t_fail "JSON does not have the expected shape"
t_end

t_case "JSON and text report the same findings"
ht validate --db "$B" --today 2026-03-01
n_text=$(grep -c '^    \(lỗi\|cảnh báo\|thông tin\) ' "$OUT")
vj --today 2026-03-01
n_json=$($PYTHON -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$OUT")
[ "$n_text" = "$n_json" ] || t_fail "$n_text text findings, $n_json JSON findings"
t_end

t_case "validate writes nothing"
sqlite3 "$B" .dump >"$T/before.sql"
cp "$B" "$T/copy.db"
ht validate --db "$B"
ht validate --db "$B" --format json --stage official --body qh
sqlite3 "$B" .dump >"$T/after.sql"
expect_same "$T/before.sql" "$T/after.sql"
[ "$(sql "$B" 'SELECT count(*) FROM audit')" = "$(sql "$T/copy.db" 'SELECT count(*) FROM audit')" ] ||
	t_fail "an audit row was added"
t_end

t_case "--body limits the check to one body"
vj --body qh --today 2026-03-01
expect_exit 1
expect_field EXCESS-NA body '"qh"'
expect_ids "ELIG-ONEUNIT EXCESS-NA HT-TELLERS HT-VOTERS HT-WINDOW HT3-EXCESS-NA LIST-DEADLINE NA-ETHNIC NA-WOMEN UNIT-NA-SEATS"
t_end

t_case "--stage official: what concerns the official list"
vj --stage official --today 2026-03-01
expect_exit 1
expect_ids "ELIG-AGE ELIG-DOSSIER ELIG-HDND-LOC ELIG-NAT ELIG-ONEUNIT EXCESS-HDND EXCESS-NA HDND-NONPARTY HDND-REELECT HDND-WOMEN HDND-YOUNG HT3-TRUST LIST-DEADLINE LIST-ORDER NA-ETHNIC NA-WOMEN SEATS-SUM UNIT-HDND-SEATS UNIT-NA-SEATS VC-TRUST VERIFY-DEADLINE"
t_end

t_case "--stage proposed: round 1, the allocation and everyone's eligibility"
vj --stage proposed --today 2026-03-01
expect_ids "ALLOC-SUM ELIG-AGE ELIG-DOSSIER ELIG-HDND-LOC ELIG-NAT LIST-ORDER"
t_end

t_case "--stage preliminary: round 2 and the list it made"
vj --stage preliminary --today 2026-03-01
expect_ids "ELIG-AGE ELIG-DOSSIER ELIG-HDND-LOC ELIG-NAT HT-TELLERS HT-VOTERS HT2-EXCESS LIST-ORDER VC-TRUST"
t_end

t_case "a book with warnings only exits 0"
variant warn <<'SQL'
INSERT INTO person (id, ho, ten_dem, ten, dob, sex, sort_key) VALUES (1, 'Lê', 'Văn', 'An', '1970-01-01', 'nam', X'');
INSERT INTO candidacy (person_id, body_id, source, stage, constituency_id) VALUES (1, 1, 'self', 'official', NULL);
SQL
ht validate --db "$B"
expect_exit 0
expect_out "0 lỗi, 4 cảnh báo"
expect_out "cảnh báo NA-WOMEN"
t_end

t_case "status counts what validate finds"
ht status --db "$T/broken.db" --today 2026-03-01 --body qh
expect_exit 0
expect_out "Kiểm tra quy tắc: 8 lỗi, 3 cảnh báo, 0 thông tin (chi tiết: hiepthuong validate)"
t_end

t_case "usage errors"
ht validate --db "$T/base.db" --body hdnd-huyen
expect_exit 2
expect_err "không có cơ quan 'hdnd-huyen'"
ht validate --db "$T/base.db" --stage round3
expect_exit 2
expect_err "không có bước 'round3'"
ht validate --db "$T/base.db" --format xml
expect_exit 2
expect_err "'xml' không hợp lệ"
ht validate --db "$T/base.db" extra
expect_exit 2
ht validate --db "$T/base.db" --today 30/02/2026
expect_exit 2
expect_err "ngày không tồn tại"
t_end

t_case "validate without a book"
ht validate --db "$T/none.db"
expect_exit 3
t_end

t_case "validate --help"
ht validate --help
expect_exit 0
expect_out "--stage"
expect_out "--format"
t_end

# ---- rules ----

t_case "rules lists the pack in force"
ht rules --db "$T/base.db"
expect_exit 0
expect_out "Bộ quy tắc 2026-2031"
expect_out "37 quy tắc:"
expect_out "  HT3-EXCESS-HDND [lỗi; Hội đồng nhân dân; round3_surplus]"
expect_out "không dùng: (không có)"
expect_out "  ELIG-37: "
t_end

t_case "rules lists every rule of docs/rule-packs.md §6 as not checked"
sed -n '/^## 6\./,/^## 7\./p' "$TOP/docs/rule-packs.md" | grep -o '^| \*\*[A-Z0-9-]*\*\*' | tr -d '|* ' >"$T/ids"
[ -s "$T/ids" ] || t_fail "no ids read from the docs"
while read -r id; do
	grep -q "^  $id: " "$OUT" || t_fail "'$id' of docs §6 is not listed"
done <"$T/ids"
t_end

t_case "rules in a 2021 book: fewer rules, the missing ones explained"
ht rules --db "$T/h21.db"
expect_exit 0
expect_out "26 quy tắc:"
expect_out "  VC-TRUST: bộ quy tắc này không có quy tắc đó"
expect_out "  ELIG-DOSSIER: bộ quy tắc này không có quy tắc đó"
expect_out "không dùng: nationality, dossier_deadline, votes_present, trust, ballots, round2_surplus, round3_surplus, residence_trust_gate"
t_end

t_case "rules --format json"
ht rules --db "$T/base.db" --format json
expect_exit 0
$PYTHON -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["pack"]["id"] == "2026-2031"
assert len(d["rules"]) == 37
r = {x["id"]: x for x in d["rules"]}
assert r["EXCESS-HDND"]["params"]["table"][2] == {"seats_from": 4, "seats_to": 5, "extra": 3}
assert r["VC-TRUST"]["params"] == {"num": 1, "den": 2}
assert r["HT3-EXCESS-NA"]["params"]["strict"] is True
assert r["HDND-WOMEN"]["applies_to"] == ["hdnd"] and r["ELIG-AGE"]["applies_to"] == ["na", "hdnd"]
assert d["unused_kinds"] == []
assert "ELIG-37" in {x["id"] for x in d["not_checked"]}
' "$OUT" || t_fail "rules JSON"
t_end

t_case "rules show ID: parameters with this election's dates, and the citation"
ht rules --db "$T/base.db" show HT-WINDOW
expect_exit 0
expect_out "HT-WINDOW — lỗi"
expect_out "  deadlines: ht1 (95 ngày trước ngày bầu cử: 10/12/2025), ht2 (40 ngày trước ngày bầu cử: 03/02/2026), ht3 (23 ngày trước ngày bầu cử: 20/02/2026)"
expect_out "Căn cứ: Điều 38, 39, 43, 44, 48, 49, 50, 53 và 56"
t_end

t_case "rules show is case-insensitive and prints tables"
ht rules --db "$T/base.db" show excess-hdnd
expect_exit 0
expect_out "    4–5 ghế: ít nhất số ghế + 3 người"
t_end

t_case "rules show --format json"
ht rules --db "$T/base.db" show VERIFY-DEADLINE --format json
expect_exit 0
$PYTHON -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["id"] == "VERIFY-DEADLINE" and d["severity"] == "error"
assert d["params"] == {"deadline": "verification", "event": "issues_answered"}
assert d["deadlines"] == {"verification": {"days": 35, "date": "2026-02-08"}}, d["deadlines"]
' "$OUT" || t_fail "rules show JSON"
t_end

t_case "rules show of a rule that is not checked explains why"
ht rules --db "$T/base.db" show NA-YOUNG
expect_exit 0
expect_out "NA-YOUNG: không kiểm tra tự động"
t_end

t_case "rules show of an unknown rule"
ht rules --db "$T/base.db" show NO-SUCH
expect_exit 2
expect_err "không có quy tắc 'NO-SUCH' trong bộ quy tắc '2026-2031'"
ht rules --db "$T/base.db" show
expect_exit 2
ht rules --db "$T/base.db" list
expect_exit 2
t_end
