#!/bin/sh
# t0003: init refuses a bad rule pack: every problem is reported with
# file:line:column, the exit status is 3, and no book (nor a temporary
# file) is left behind.  The config names the pack $T/pack.yaml, which
# each case writes.
. "$TOP/tests/lib.sh"

# init_refused: init must fail with exit 3, print nothing on stdout, and
# leave neither the book nor a temporary file.
init_refused() {
	rm -f "$T/book.db"
	ht init --config "${1:-$T/c.yaml}" --db "$T/book.db"
	expect_exit 3
	expect_no_file "$T/book.db"
	expect_not_out "đã tạo sổ"
	left=$(ls -A "$T" | grep '\.tmp-')
	[ -z "$left" ] || t_fail "temporary file left: $left"
}

# expect_err_count N: stderr has exactly N lines that report an error.
expect_err_count() {
	n=$(grep -c ': lỗi: ' "$ERR")
	[ "$n" -eq "$1" ] || t_fail "$n error lines, expected $1"
}

cat >"$T/c.yaml" <<YAML
term: $TOP/config/2026-2031.yaml
rules: pack.yaml
committee: {level: tinh, name: "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Mẫu", place: "Mẫu"}
bodies:
  - {type: qh, name: "Quốc hội khóa XVI", seats: 3, constituencies: [{number: 1, seats: 3, area: ["xã Một"]}]}
YAML

t_case "a good pack makes a book (the cases below differ from it)"
cat >"$T/pack.yaml" <<'YAML'
pack: {id: "thử", title: "Bộ quy tắc thử", law: "Luật thử"}
rules:
  - id: ELIG-AGE
    kind: min_age
    severity: error
    title: "Đủ 21 tuổi."
    citation: "Điều 2"
    params: {years: 21}
  - id: SEATS-SUM
    kind: seats_sum
    severity: warning
    applies_to: [na, hdnd]
    title: "Tổng số ghế."
    citation: "Điều 10"
  - id: EXCESS-NA
    kind: min_candidates
    severity: error
    applies_to: [na]
    title: "Số dư."
    citation: "Điều 57"
    params:
      table:
        - {seats_from: 1, seats_to: 2, extra: 1}
        - {seats_from: 3, seats_to: 3, extra: 2}
  - id: HT3-EXCESS-NA
    kind: round3_surplus
    severity: info
    title: "Số dư vòng ba."
    citation: "Điều 25"
    params: {table_rule: EXCESS-NA, granularity: body, strict: false}
  - id: ELIG-DOSSIER
    kind: dossier_deadline
    severity: error
    title: "Hạn nộp hồ sơ."
    citation: "Điều 35"
    params: {deadline: dossier, hour: "17:00"}
  - id: LIST-ORDER
    kind: list_order
    severity: error
    title: "Thứ tự tên."
    citation: "Điều 57"
    params: {tone_order: [ngang, huyền, hoi, nga, sac, nang]}
YAML
ht init --config "$T/c.yaml" --db "$T/good.db"
expect_exit 0
expect_out "bộ quy tắc thử (6 quy tắc)"
[ "$(sql "$T/good.db" 'SELECT pack_id FROM election')" = "thử" ] || t_fail "pack id"
t_end

t_case "unknown kind: the message lists the kinds"
cat >"$T/pack.yaml" <<'YAML'
pack: {id: "thử", title: "Bộ quy tắc thử", law: "Luật thử"}
rules:
  - id: ELIG-AGE
    kind: age_min
    severity: error
    title: "Đủ 21 tuổi."
    citation: "Điều 2"
    params: {years: 21}
YAML
init_refused
expect_err "pack.yaml:4:11: lỗi: loại quy tắc không xác định 'age_min' (có: min_age, nationality, hdnd_levels,"
expect_err ", list_order, deadline)"
expect_err_count 1
t_end

t_case "a kind with parameters without 'params'"
cat >"$T/pack.yaml" <<'YAML'
pack: {id: "thử", title: "Bộ quy tắc thử", law: "Luật thử"}
rules:
  - id: ELIG-AGE
    kind: min_age
    severity: error
    title: "Đủ 21 tuổi."
    citation: "Điều 2"
YAML
init_refused
expect_err "pack.yaml:3:5: lỗi: quy tắc 'ELIG-AGE' (loại min_age) thiếu 'params'"
t_end

t_case "a missing parameter"
cat >"$T/pack.yaml" <<'YAML'
pack: {id: "thử", title: "Bộ quy tắc thử", law: "Luật thử"}
rules:
  - id: HT-TELLERS
    kind: tellers
    severity: error
    title: "Tổ kiểm phiếu."
    citation: "Điều 2"
    params: {conferences: [ht1], min: 5}
YAML
init_refused
expect_err "pack.yaml:8:13: lỗi: thiếu 'max' trong 'params'"
expect_err_count 1
t_end

t_case "an extra parameter: the message lists the kind's parameters"
cat >"$T/pack.yaml" <<'YAML'
pack: {id: "thử", title: "Bộ quy tắc thử", law: "Luật thử"}
rules:
  - id: ELIG-AGE
    kind: min_age
    severity: error
    title: "Đủ 21 tuổi."
    citation: "Điều 2"
    params:
      years: 21
      months: 6
YAML
init_refused
expect_err "pack.yaml:10:7: lỗi: khóa không xác định 'months' trong 'params' (các khóa hợp lệ: years)"
expect_err_count 1
t_end

t_case "a parameter out of range, and a quoted number"
cat >"$T/pack.yaml" <<'YAML'
pack: {id: "thử", title: "Bộ quy tắc thử", law: "Luật thử"}
rules:
  - id: ELIG-AGE
    kind: min_age
    severity: error
    title: "Đủ 21 tuổi."
    citation: "Điều 2"
    params: {years: 0}
  - id: VC-TRUST
    kind: trust
    severity: error
    title: "Tín nhiệm."
    citation: "Điều 9"
    params: {num: "1", den: 101}
YAML
init_refused
expect_err "pack.yaml:8:21: lỗi: 'years' phải trong khoảng 1–150, không phải 0"
expect_err "pack.yaml:14:19: lỗi: 'num' phải là một số nguyên viết không có ngoặc kép, không phải chuỗi \"1\""
expect_err "pack.yaml:14:29: lỗi: 'den' phải trong khoảng 1–100, không phải 101"
expect_err_count 3
t_end

t_case "a parameter value outside its choices"
cat >"$T/pack.yaml" <<'YAML'
pack: {id: "thử", title: "Bộ quy tắc thử", law: "Luật thử"}
rules:
  - id: VC-TELLERS
    kind: tellers
    severity: error
    title: "Tổ kiểm phiếu."
    citation: "Điều 4"
    params: {conferences: [workplace, hop_to], min: 5, max: 15}
  - id: NA-WOMEN
    kind: share
    severity: warning
    title: "Phụ nữ."
    citation: "Điều 8"
    params: {attribute: women, min_percent: 35, list: chinh_thuc}
  - id: HT3-SEND
    kind: deadline
    severity: error
    title: "Gửi biên bản."
    citation: "Điều 57"
    params: {deadline: send_ht3, event: sent}
YAML
init_refused
expect_err "pack.yaml:8:39: lỗi: tham số 'conferences' không hợp lệ: 'hop_to' (chọn một trong: ht1, ht2, ht3, leadership, expanded_leadership, workplace, residence, bctmt, thon)"
expect_err "pack.yaml:14:55: lỗi: tham số 'list' không hợp lệ: 'chinh_thuc' (chọn một trong: nominees, preliminary, qualified, official)"
expect_err "pack.yaml:20:41: lỗi: tham số 'event' không hợp lệ: 'sent' (chọn một trong: issues_answered, round3_sent, official_list)"
expect_err_count 3
t_end

t_case "a bool parameter is true or false"
cat >"$T/pack.yaml" <<'YAML'
pack: {id: "thử", title: "Bộ quy tắc thử", law: "Luật thử"}
rules:
  - id: HT3-EXCESS-NA
    kind: round3_surplus
    severity: info
    title: "Số dư vòng ba."
    citation: "Điều 25"
    params: {table_rule: EXCESS-NA, granularity: body, strict: yes}
YAML
init_refused
expect_err "pack.yaml:8:64: lỗi: 'strict' phải là true hoặc false"
t_end

t_case "bad severity"
cat >"$T/pack.yaml" <<'YAML'
pack: {id: "thử", title: "Bộ quy tắc thử", law: "Luật thử"}
rules:
  - id: SEATS-SUM
    kind: seats_sum
    severity: fatal
    title: "Tổng số ghế."
    citation: "Điều 10"
YAML
init_refused
expect_err "pack.yaml:5:15: lỗi: 'severity' không hợp lệ: 'fatal' (chọn một trong: error, warning, info)"
t_end

t_case "rule ids: only A-Z, 0-9 and '-'"
cat >"$T/pack.yaml" <<'YAML'
pack: {id: "thử", title: "Bộ quy tắc thử", law: "Luật thử"}
rules:
  - {id: seats-sum, kind: seats_sum, severity: error, title: "a", citation: "b"}
  - {id: SEATS_SUM, kind: seats_sum, severity: error, title: "a", citation: "b"}
  - {id: "SỐ-GHẾ", kind: seats_sum, severity: error, title: "a", citation: "b"}
  - {id: "", kind: seats_sum, severity: error, title: "a", citation: "b"}
YAML
init_refused
expect_err "pack.yaml:3:10: lỗi: mã quy tắc 'seats-sum' chỉ được gồm A–Z, 0–9 và '-'"
expect_err "pack.yaml:4:10: lỗi: mã quy tắc 'SEATS_SUM' chỉ được gồm A–Z, 0–9 và '-'"
expect_err "pack.yaml:5:10: lỗi: mã quy tắc 'SỐ-GHẾ' chỉ được gồm A–Z, 0–9 và '-'"
expect_err "pack.yaml:6:10: lỗi: 'id' trong 'rules[]' không được để trống"
expect_err_count 4
t_end

t_case "duplicate rule id names the first one's line"
cat >"$T/pack.yaml" <<'YAML'
pack: {id: "thử", title: "Bộ quy tắc thử", law: "Luật thử"}
rules:
  - {id: SEATS-SUM, kind: seats_sum, severity: error, title: "a", citation: "b"}
  - {id: ALLOC-SUM, kind: alloc_sum, severity: error, title: "a", citation: "b"}
  - {id: SEATS-SUM, kind: seats_sum, severity: warning, title: "a", citation: "b"}
YAML
init_refused
expect_err "pack.yaml:5:5: lỗi: mã quy tắc 'SEATS-SUM' lặp lại (đã có ở dòng 3)"
expect_err_count 1
t_end

t_case "missing title and citation, and a rule that is not a mapping"
cat >"$T/pack.yaml" <<'YAML'
pack: {id: "thử", title: "Bộ quy tắc thử", law: "Luật thử"}
rules:
  - id: SEATS-SUM
    kind: seats_sum
    severity: error
  - ALLOC-SUM
YAML
init_refused
expect_err "pack.yaml:3:5: lỗi: thiếu 'title' trong 'rules[]'"
expect_err "pack.yaml:3:5: lỗi: thiếu 'citation' trong 'rules[]'"
expect_err "pack.yaml:6:5: lỗi: 'rules[]' phải là một bảng khóa (key: value), không phải một giá trị đơn"
expect_err_count 3
t_end

t_case "applies_to: only na and hdnd, and not empty"
cat >"$T/pack.yaml" <<'YAML'
pack: {id: "thử", title: "Bộ quy tắc thử", law: "Luật thử"}
rules:
  - {id: A, kind: seats_sum, severity: error, applies_to: [qh], title: "a", citation: "b"}
  - {id: B, kind: seats_sum, severity: error, applies_to: [], title: "a", citation: "b"}
  - {id: C, kind: seats_sum, severity: error, applies_to: na, title: "a", citation: "b"}
YAML
init_refused
expect_err "pack.yaml:3:59: lỗi: 'applies_to' chỉ nhận na hoặc hdnd, không phải 'qh'"
expect_err "pack.yaml:4:59: lỗi: 'applies_to' không được rỗng"
expect_err "pack.yaml:5:59: lỗi: 'applies_to' phải là một danh sách, không phải một giá trị đơn"
expect_err_count 3
t_end

t_case "a seats table: not empty, rows in order, no overlap"
cat >"$T/pack.yaml" <<'YAML'
pack: {id: "thử", title: "Bộ quy tắc thử", law: "Luật thử"}
rules:
  - id: EXCESS-HDND
    kind: min_candidates
    severity: error
    title: "Số dư."
    citation: "Điều 58"
    params:
      table:
        - {seats_from: 1, seats_to: 2, extra: 1}
        - {seats_from: 2, seats_to: 3, extra: 2}
        - {seats_from: 5, seats_to: 4, extra: 3}
        - {seats_from: 6, seats_to: 9}
  - id: EXCESS-NA
    kind: min_candidates
    severity: error
    title: "Số dư."
    citation: "Điều 57"
    params: {table: []}
  - id: EXCESS-X
    kind: min_candidates
    severity: error
    title: "Số dư."
    citation: "Điều 57"
    params: {}
YAML
init_refused
expect_err "pack.yaml:11:11: lỗi: khoảng số ghế 2–3 chồng lên khoảng 1–2 ở dòng trên"
expect_err "pack.yaml:12:11: lỗi: seats_from lớn hơn seats_to"
expect_err "pack.yaml:13:11: lỗi: thiếu 'extra' trong 'table'"
expect_err "pack.yaml:19:21: lỗi: bảng 'table' không được rỗng"
expect_err "pack.yaml:25:13: lỗi: thiếu tham số 'table'"
expect_err_count 5
t_end

t_case "a rule that points to a missing rule, or to a rule of the wrong kind"
cat >"$T/pack.yaml" <<'YAML'
pack: {id: "thử", title: "Bộ quy tắc thử", law: "Luật thử"}
rules:
  - {id: VC-TRUST, kind: trust, severity: error, title: "a", citation: "b", params: {num: 1, den: 2}}
  - {id: SEATS-SUM, kind: seats_sum, severity: error, title: "a", citation: "b"}
  - id: HT3-EXCESS-NA
    kind: round3_surplus
    severity: warning
    title: "a"
    citation: "b"
    params: {table_rule: EXCESS-NA, granularity: body, strict: true}
  - id: HT3-EXCESS-HDND
    kind: round3_surplus
    severity: warning
    title: "a"
    citation: "b"
    params: {table_rule: VC-TRUST, granularity: body, strict: true}
  - id: HT3-TRUST
    kind: residence_trust_gate
    severity: error
    title: "a"
    citation: "b"
    params: {trust_rule: SEATS-SUM}
YAML
init_refused
expect_err "pack.yaml:10:26: lỗi: quy tắc 'HT3-EXCESS-NA' trỏ tới quy tắc 'EXCESS-NA' không có trong bộ"
expect_err "pack.yaml:16:26: lỗi: quy tắc 'HT3-EXCESS-HDND' trỏ tới 'VC-TRUST', nhưng đó là quy tắc loại trust, không phải min_candidates"
expect_err "pack.yaml:22:26: lỗi: quy tắc 'HT3-TRUST' trỏ tới 'SEATS-SUM', nhưng đó là quy tắc loại seats_sum, không phải trust"
expect_err_count 3
t_end

t_case "min greater than max"
cat >"$T/pack.yaml" <<'YAML'
pack: {id: "thử", title: "Bộ quy tắc thử", law: "Luật thử"}
rules:
  - {id: VC-TELLERS, kind: tellers, severity: error, title: "a", citation: "b",
     params: {conferences: [residence], min: 15, max: 5}}
  - {id: UNIT-SEATS, kind: seats_range, severity: error, title: "a", citation: "b", params: {min: 4, max: 3}}
  - {id: UNIT-ONE, kind: seats_range, severity: error, title: "a", citation: "b", params: {min: 3, max: 3}}
YAML
init_refused
expect_err "pack.yaml:4:46: lỗi: quy tắc 'VC-TELLERS': min 15 lớn hơn max 5"
expect_err "pack.yaml:5:99: lỗi: quy tắc 'UNIT-SEATS': min 4 lớn hơn max 3"
expect_err_count 2
t_end

t_case "the dossier hour must be HH:MM"
cat >"$T/pack.yaml" <<'YAML'
pack: {id: "thử", title: "Bộ quy tắc thử", law: "Luật thử"}
rules:
  - {id: D1, kind: dossier_deadline, severity: error, title: "a", citation: "b", params: {deadline: dossier, hour: "25:00"}}
  - {id: D2, kind: dossier_deadline, severity: error, title: "a", citation: "b", params: {deadline: dossier, hour: "17h"}}
  - {id: D3, kind: dossier_deadline, severity: error, title: "a", citation: "b", params: {deadline: dossier, hour: "17:60"}}
  - {id: D4, kind: dossier_deadline, severity: error, title: "a", citation: "b", params: {deadline: dossier, hour: "23:59"}}
YAML
init_refused
expect_err "pack.yaml:3:116: lỗi: quy tắc 'D1': giờ '25:00' phải có dạng HH:MM (00:00–23:59)"
expect_err "pack.yaml:4:116: lỗi: quy tắc 'D2': giờ '17h' phải có dạng HH:MM"
expect_err "pack.yaml:5:116: lỗi: quy tắc 'D3': giờ '17:60' phải có dạng HH:MM"
expect_err_count 3
t_end

t_case "a deadline key the config does not declare"
cat >"$T/pack.yaml" <<'YAML'
pack: {id: "thử", title: "Bộ quy tắc thử", law: "Luật thử"}
rules:
  - {id: ELIG-DOSSIER, kind: dossier_deadline, severity: error, title: "a", citation: "b",
     params: {deadline: ho_so, hour: "17:00"}}
  - {id: HT-WINDOW, kind: round_window, severity: error, title: "a", citation: "b",
     params: {deadlines: [ht1, ht_2, ht3]}}
  - {id: VERIFY, kind: deadline, severity: error, title: "a", citation: "b",
     params: {deadline: verification, event: issues_answered}}
YAML
init_refused
expect_err "pack.yaml:4:25: lỗi: quy tắc 'ELIG-DOSSIER' dùng thời hạn 'ho_so', nhưng"
expect_err "pack.yaml:6:26: lỗi: quy tắc 'HT-WINDOW' dùng thời hạn 'ht_2', nhưng"
expect_err "không khai báo thời hạn này trong 'deadlines'"
expect_err_count 2
t_end

t_case "the pack's own sections"
cat >"$T/pack.yaml" <<'YAML'
pack:
  id: "thử"
  title: "Bộ quy tắc thử"
  luat: "Luật thử"
rules: {id: A}
version: 2
YAML
init_refused
expect_err "pack.yaml:2:3: lỗi: thiếu 'law' trong 'pack'"
expect_err "pack.yaml:4:3: lỗi: khóa không xác định 'luat' trong 'pack' (các khóa hợp lệ: id, title, law)"
expect_err "pack.yaml:5:8: lỗi: 'rules' phải là một danh sách, không phải một bảng khóa"
expect_err "pack.yaml:6:1: lỗi: khóa không xác định 'version' trong '(gốc)' (các khóa hợp lệ: pack, rules)"
expect_err_count 4
t_end

t_case "a pack without its sections"
printf '# chỉ có chú thích\nother: 1\n' >"$T/pack.yaml"
init_refused
expect_err "pack.yaml:2:1: lỗi: thiếu phần 'pack'"
expect_err "pack.yaml:2:1: lỗi: thiếu phần 'rules'"
t_end

t_case "a pack file that is missing or a directory"
sed 's/^rules: .*/rules: khong-co.yaml/' "$T/c.yaml" >"$T/c2.yaml"
init_refused "$T/c2.yaml"
expect_err "lỗi: không mở được tệp '$T/khong-co.yaml'"
expect_err "ghi chú: 'rules' ở $T/c2.yaml:2:8 trỏ tới tệp trên"
mkdir -p "$T/dir.yaml"
sed 's/^rules: .*/rules: dir.yaml/' "$T/c.yaml" >"$T/c3.yaml"
init_refused "$T/c3.yaml"
expect_err "lỗi: '$T/dir.yaml' là một thư mục, không phải tệp"
expect_err "ghi chú: 'rules' ở $T/c3.yaml:2:8 trỏ tới tệp trên"
t_end

t_case "a pack file that is not text or not YAML"
printf 'pack: {id: "th\377"}\n' >"$T/pack.yaml"
init_refused
expect_err "pack.yaml:1:15: lỗi: không phải UTF-8 hợp lệ (byte 0xFF)"
printf 'pack: {id: x}\nrules:\n  - id: A\n   kind: x\n' >"$T/pack.yaml"
init_refused
expect_err "pack.yaml:4:4: lỗi: lỗi cú pháp YAML: thiếu dấu '-' của mục danh sách, hoặc thụt lề sai (danh sách bắt đầu ở dòng 3, cột 3)"
printf 'pack: &p {id: x}\nrules: *p\n' >"$T/pack.yaml"
init_refused
expect_err "pack.yaml:2:8: lỗi: không hỗ trợ bí danh YAML ('*p')"
: >"$T/pack.yaml"
init_refused
expect_err "pack.yaml:1:1: lỗi: tệp rỗng"
t_end

t_case "several errors in one pack are reported together"
cat >"$T/pack.yaml" <<'YAML'
pack: {id: "thử", title: "Bộ quy tắc thử", law: "Luật thử"}
rules:
  - id: ELIG-AGE
    kind: min_age
    severity: eror
    title: "Đủ 21 tuổi."
    citation: "Điều 2"
    params: {years: "21"}
  - id: ELIG-NAT
    kind: nationalty
    severity: error
    title: "Quốc tịch."
    citation: "Điều 2"
  - id: VC-TRUST
    kind: trust
    severity: error
    title: "Tín nhiệm."
    source: "Điều 9"
    params: {num: 1, den: 2}
YAML
init_refused
expect_err "pack.yaml:5:15: lỗi: 'severity' không hợp lệ: 'eror'"
expect_err "pack.yaml:8:21: lỗi: 'years' phải là một số nguyên viết không có ngoặc kép"
expect_err "pack.yaml:10:11: lỗi: loại quy tắc không xác định 'nationalty'"
expect_err "pack.yaml:14:5: lỗi: thiếu 'citation' trong 'rules[]'"
expect_err "pack.yaml:18:5: lỗi: khóa không xác định 'source' trong 'rules[]'"
expect_err_count 5
t_end

t_case "the shipped packs load with their presets"
for term in 2021-2026 2026-2031; do
	cat >"$T/s.yaml" <<YAML
term: $TOP/config/$term.yaml
committee: {level: tinh, name: "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Mẫu", place: "Mẫu"}
bodies:
  - {type: qh, name: "Quốc hội", seats: 3, constituencies: [{number: 1, seats: 3, area: ["xã Một"]}]}
YAML
	rm -f "$T/s.db"
	ht init --config "$T/s.yaml" --db "$T/s.db"
	expect_exit 0
	expect_out "bộ quy tắc $term"
	expect_empty_err
done
t_end

t_case "a bad bound in a seats table row is one error, not two"
cat >"$T/pack.yaml" <<'YAML'
pack: {id: "thử", title: "Bộ quy tắc thử", law: "Luật thử"}
rules:
  - id: EXCESS-HDND
    kind: min_candidates
    severity: error
    title: "Số dư."
    citation: "Điều 58"
    params:
      table:
        - {seats_from: 1, seats_to: 2, extra: 1}
        - {seats_from: 3, seats_to: "4", extra: 2}
        - {seats_from: 0, seats_to: 5, extra: 3}
YAML
init_refused
expect_err "pack.yaml:11:37: lỗi: 'seats_to' phải là một số nguyên viết không có ngoặc kép"
expect_err "pack.yaml:12:24: lỗi: 'seats_from' phải trong khoảng 1–1000, không phải 0"
expect_not_err "lớn hơn"
expect_not_err "chồng lên"
expect_err_count 2
t_end

t_case "the dossier hour is exactly two digits, a colon and two digits"
cat >"$T/pack.yaml" <<'YAML'
pack: {id: "thử", title: "Bộ quy tắc thử", law: "Luật thử"}
rules:
  - id: D1
    kind: dossier_deadline
    severity: error
    title: "a"
    citation: "b"
    params:
      deadline: dossier
      hour: "17:5"
  - id: D2
    kind: dossier_deadline
    severity: error
    title: "a"
    citation: "b"
    params:
      deadline: dossier
      hour: "+7:30"
  - id: D3
    kind: dossier_deadline
    severity: error
    title: "a"
    citation: "b"
    params:
      deadline: dossier
      hour: "07:30"
YAML
init_refused
expect_err "pack.yaml:10:13: lỗi: quy tắc 'D1': giờ '17:5' phải có dạng HH:MM (00:00–23:59)"
expect_err "pack.yaml:18:13: lỗi: quy tắc 'D2': giờ '+7:30' phải có dạng HH:MM (00:00–23:59)"
expect_err_count 2
t_end

t_case "tone order: each of the six tones once, in Vietnamese messages"
cat >"$T/pack.yaml" <<'YAML'
pack: {id: "thử", title: "Bộ quy tắc thử", law: "Luật thử"}
rules:
  - id: ORDER-DUP
    kind: list_order
    severity: error
    title: "a"
    citation: "b"
    params: {tone_order: [ngang, huyen, hoi, nga, sắc, sac]}
  - id: ORDER-UNKNOWN
    kind: list_order
    severity: error
    title: "a"
    citation: "b"
    params: {tone_order: [ngang, huyen, hoi, nga, sac, nag]}
  - id: ORDER-MISSING
    kind: list_order
    severity: error
    title: "a"
    citation: "b"
    params: {tone_order: [ngang, huyen, hoi, nga, nặng]}
YAML
init_refused
expect_err "pack.yaml:8:56: lỗi: quy tắc 'ORDER-DUP': dấu thanh 'sac' lặp lại"
expect_err "pack.yaml:14:56: lỗi: quy tắc 'ORDER-UNKNOWN': dấu thanh không xác định 'nag' (có: ngang, huyen, hoi, nga, sac, nang)"
expect_err "pack.yaml:20:26: lỗi: quy tắc 'ORDER-MISSING': thiếu dấu thanh 'sac' (cần đủ sáu dấu thanh, mỗi dấu một lần)"
expect_not_err "tone order"
expect_err_count 3
t_end

t_case "checks of one rule are reported with the other errors of the pack"
cat >"$T/pack.yaml" <<'YAML'
pack: {id: "thử", title: "Bộ quy tắc thử", law: "Luật thử"}
rules:
  - {id: UNIT-SEATS, kind: seats_range, severity: error, title: "a", citation: "b", params: {min: 4, max: 3}}
  - {id: SEATS-SUM, kind: seats_sum, severity: eror, title: "a", citation: "b"}
YAML
init_refused
expect_err "quy tắc 'UNIT-SEATS': min 4 lớn hơn max 3"
expect_err "'severity' không hợp lệ: 'eror'"
expect_err_count 2
t_end

t_case "round_window names the three rounds' deadlines"
cat >"$T/pack.yaml" <<'YAML'
pack: {id: "thử", title: "Bộ quy tắc thử", law: "Luật thử"}
rules:
  - {id: HT-WINDOW, kind: round_window, severity: error, title: "a", citation: "b",
     params: {deadlines: [ht1, ht2]}}
YAML
init_refused
expect_err "pack.yaml:4:26: lỗi: quy tắc 'HT-WINDOW': 'deadlines' phải có đúng 3 thời hạn (vòng 1, 2, 3), không phải 2"
expect_err_count 1
t_end

t_case "age_under goes with the attribute young, and only with it"
cat >"$T/pack.yaml" <<'YAML'
pack: {id: "thử", title: "Bộ quy tắc thử", law: "Luật thử"}
rules:
  - id: HDND-YOUNG
    kind: share
    severity: warning
    title: "a"
    citation: "b"
    params: {attribute: young, min_percent: 15, list: official}
  - id: HDND-WOMEN
    kind: share
    severity: warning
    title: "a"
    citation: "b"
    params: {attribute: women, min_percent: 35, list: official, age_under: 40}
YAML
init_refused
expect_err "pack.yaml:8:13: lỗi: quy tắc 'HDND-YOUNG': thuộc tính 'young' cần tham số 'age_under'"
expect_err "pack.yaml:14:76: lỗi: quy tắc 'HDND-WOMEN': tham số 'age_under' chỉ dùng với thuộc tính 'young'"
expect_err_count 2
t_end

t_case "a kind without parameters given some"
cat >"$T/pack.yaml" <<'YAML'
pack: {id: "thử", title: "Bộ quy tắc thử", law: "Luật thử"}
rules:
  - id: SEATS-SUM
    kind: seats_sum
    severity: error
    title: "a"
    citation: "b"
    params: {max: 3}
YAML
init_refused
expect_err "pack.yaml:8:13: lỗi: quy tắc 'SEATS-SUM': loại seats_sum không có tham số; hãy bỏ 'params'"
expect_err_count 1
t_end

t_case "a missing deadline key names the 'deadlines' actually used (the file's own)"
cat >"$T/own.yaml" <<YAML
term: $TOP/config/2026-2031.yaml
committee: {level: tinh, name: "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Mẫu", place: "Mẫu"}
bodies:
  - {type: qh, name: "Quốc hội khóa XVI", seats: 3, constituencies: [{number: 1, seats: 3, area: ["xã Một"]}]}
deadlines:
  - {key: ht1, days: 95, label: "Hiệp thương lần thứ nhất", citation: "Điều 38"}
YAML
init_refused "$T/own.yaml"
expect_err "quy tắc 'HT-WINDOW' dùng thời hạn 'ht2', nhưng cấu hình không khai báo thời hạn này trong 'deadlines' ($T/own.yaml:6)"
expect_err "quy tắc 'ELIG-DOSSIER' dùng thời hạn 'dossier'"
expect_not_err "config/2026-2031.yaml"
t_end

t_case "a pack file larger than 4 MiB"
printf 'pack: x\n' >"$T/pack.yaml"
truncate -s 4194305 "$T/pack.yaml"
init_refused
expect_err "tệp '$T/pack.yaml' quá lớn (4194305 byte, tối đa 4194304)"
expect_err "ghi chú: 'rules' ở $T/c.yaml:2:8 trỏ tới tệp trên"
t_end

t_case "the preset's missing pack is noted at the preset's 'rules'"
sed 's|^rules: .*|rules: rules/khong-co.yaml|' "$TOP/config/2026-2031.yaml" >"$T/preset.yaml"
line=$(grep -n '^rules:' "$T/preset.yaml" | cut -d: -f1)
cat >"$T/c4.yaml" <<YAML
term: preset.yaml
committee: {level: tinh, name: "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Mẫu", place: "Mẫu"}
bodies:
  - {type: qh, name: "Quốc hội khóa XVI", seats: 3, constituencies: [{number: 1, seats: 3, area: ["xã Một"]}]}
YAML
init_refused "$T/c4.yaml"
expect_err "lỗi: không mở được tệp '$T/rules/khong-co.yaml'"
expect_err "ghi chú: 'rules' ở $T/preset.yaml:$line:8 trỏ tới tệp trên"
t_end

t_case "a pack and its parts of the wrong shape"
cat >"$T/pack.yaml" <<'YAML'
pack: "thử"
rules:
  - id: ELIG-AGE
    kind: min_age
    severity: error
    title: "Đủ 21 tuổi."
    citation: "Điều 2"
    params: [21]
  - id: EXCESS-NA
    kind: min_candidates
    severity: error
    title: "Số dư."
    citation: "Điều 57"
    params:
      table: {seats_from: 1, seats_to: 3, extra: 2}
  - id: EXCESS-HDND
    kind: min_candidates
    severity: error
    title: "Số dư."
    citation: "Điều 58"
    params:
      table:
        - 3
YAML
init_refused
expect_err "pack.yaml:1:7: lỗi: 'pack' phải là một bảng khóa (key: value), không phải một giá trị đơn"
expect_err "pack.yaml:8:13: lỗi: 'params' phải là một bảng khóa (key: value), không phải một danh sách"
expect_err "pack.yaml:15:14: lỗi: 'table' phải là một danh sách, không phải một bảng khóa"
expect_err "pack.yaml:23:11: lỗi: 'table' phải là một bảng khóa (key: value), không phải một giá trị đơn"
expect_err_count 4
t_end

t_case "a pack that is not a mapping"
printf -- '- id: ELIG-AGE\n' >"$T/pack.yaml"
init_refused
expect_err "pack.yaml:1:1: lỗi: '(gốc)' phải là một bảng khóa (key: value), không phải một danh sách"
expect_err_count 1
t_end
