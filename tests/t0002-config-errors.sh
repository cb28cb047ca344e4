#!/bin/sh
# t0002: init refuses a bad term config: every problem is reported with
# file:line:column, the exit status is 3, and no book (nor a temporary
# file) is left behind.  Each case writes its own config; most name the
# shipped 2026-2031 preset with `term:` and replace one of its sections.
. "$TOP/tests/lib.sh"

P="$TOP/config/2026-2031.yaml"

# init_refused FILE: init must fail with exit 3, print nothing on stdout,
# and leave neither the book nor a temporary file.
init_refused() {
	rm -f "$T/book.db"
	ht init --config "$1" --db "$T/book.db"
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

t_case "a good config makes a book (the cases below differ from it in one place)"
cat >"$T/good.yaml" <<YAML
term: $P
committee:
  level: tinh
  name: "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Mẫu"
  place: "Mẫu"
bodies:
  - type: qh
    name: "Quốc hội khóa XVI"
    seats: 3
    constituencies:
      - number: 1
        seats: 3
        area: ["xã Một", "xã Hai"]
YAML
ht init --config "$T/good.yaml" --db "$T/good.db"
expect_exit 0
expect_out "1 cơ quan, 1 đơn vị bầu cử, 3 ghế"
expect_empty_err
t_end

t_case "unknown key: the message lists the valid keys"
cat >"$T/c.yaml" <<YAML
term: $P
committee:
  level: tinh
  name: "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Mẫu"
  palce: "Mẫu"
  place: "Mẫu"
bodies:
  - type: qh
    name: "Quốc hội khóa XVI"
    seats: 3
    constituencies:
      - {number: 1, seats: 3, area: ["xã Một"]}
YAML
init_refused "$T/c.yaml"
expect_err "c.yaml:5:3: lỗi: khóa không xác định 'palce' trong 'committee' (các khóa hợp lệ: level, name, place, area)"
expect_err_count 1
t_end

t_case "unknown top-level section"
cat >"$T/c.yaml" <<YAML
term: $P
commitee:
  level: tinh
YAML
init_refused "$T/c.yaml"
expect_err "c.yaml:2:1: lỗi: khóa không xác định 'commitee' trong '(gốc)' (các khóa hợp lệ: term, election, committee_levels, body_types, deadlines, rules, committee, bodies)"
t_end

t_case "unknown key in a constituency (flow style: the column of the key)"
cat >"$T/c.yaml" <<YAML
term: $P
committee: {level: tinh, name: "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Mẫu", place: "Mẫu"}
bodies:
  - type: qh
    name: "Quốc hội khóa XVI"
    seats: 3
    constituencies:
      - {number: 1, seat: 3, area: ["xã Một"]}
YAML
init_refused "$T/c.yaml"
expect_err "c.yaml:8:21: lỗi: khóa không xác định 'seat' trong 'constituencies[]' (các khóa hợp lệ: number, seats, area)"
expect_err "c.yaml:8:9: lỗi: thiếu 'seats' trong 'constituencies[]'"
t_end

t_case "duplicate key: names the line of the first one"
cat >"$T/c.yaml" <<YAML
term: $P
committee:
  level: tinh
  name: "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Mẫu"
  place: "Mẫu"
  name: "Ủy ban khác"
bodies:
  - type: qh
    name: "Quốc hội khóa XVI"
    seats: 3
    constituencies:
      - {number: 1, seats: 3, area: ["xã Một"]}
YAML
init_refused "$T/c.yaml"
expect_err "c.yaml:6:3: lỗi: khóa 'name' lặp lại trong 'committee' (đã có ở dòng 4)"
t_end

t_case "duplicate top-level section"
cat >"$T/c.yaml" <<YAML
term: $P
bodies: []
committee: {level: tinh, name: "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Mẫu", place: "Mẫu"}
bodies: []
YAML
init_refused "$T/c.yaml"
expect_err "c.yaml:4:1: lỗi: khóa 'bodies' lặp lại trong '(gốc)' (đã có ở dòng 2)"
t_end

t_case "missing required key: reported where its mapping starts"
cat >"$T/c.yaml" <<YAML
term: $P
committee:
  level: tinh
  name: "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Mẫu"
bodies:
  - type: qh
    seats: 3
    constituencies:
      - {number: 1, seats: 3, area: ["xã Một"]}
YAML
init_refused "$T/c.yaml"
expect_err "c.yaml:3:3: lỗi: thiếu 'place' trong 'committee'"
expect_err "c.yaml:6:5: lỗi: thiếu 'name' trong 'bodies[]'"
expect_err_count 2
t_end

t_case "empty required values: \"\", only spaces, and no value at all"
cat >"$T/c.yaml" <<YAML
term: $P
committee:
  level: tinh
  name: ""
  place: "   "
bodies:
  - type:
    name: "Quốc hội khóa XVI"
    seats: 3
    constituencies:
      - {number: 1, seats: 3, area: ["xã Một"]}
YAML
init_refused "$T/c.yaml"
expect_err "c.yaml:4:9: lỗi: 'name' trong 'committee' không được để trống"
expect_err "c.yaml:5:10: lỗi: 'place' trong 'committee' không được để trống"
expect_err "c.yaml:7:10: lỗi: 'type' trong 'bodies[]' không được để trống"
expect_err_count 3
t_end

t_case "a quoted number is a string, not a number"
cat >"$T/c.yaml" <<YAML
term: $P
committee: {level: tinh, name: "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Mẫu", place: "Mẫu"}
bodies:
  - type: qh
    name: "Quốc hội khóa XVI"
    seats: "8"
    constituencies:
      - {number: 1, seats: '3', area: ["xã Một"]}
YAML
init_refused "$T/c.yaml"
expect_err "c.yaml:6:12: lỗi: 'seats' phải là một số nguyên viết không có ngoặc kép, không phải chuỗi \"8\""
expect_err "c.yaml:8:28: lỗi: 'seats' phải là một số nguyên viết không có ngoặc kép, không phải chuỗi \"3\""
t_end

t_case "not a number"
cat >"$T/c.yaml" <<YAML
term: $P
committee: {level: tinh, name: "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Mẫu", place: "Mẫu"}
bodies:
  - type: qh
    name: "Quốc hội khóa XVI"
    seats: ba
    constituencies:
      - {number: 1.5, seats: 3, area: ["xã Một"]}
YAML
init_refused "$T/c.yaml"
expect_err "c.yaml:6:12: lỗi: 'seats' phải là một số nguyên, không phải 'ba'"
expect_err "c.yaml:8:18: lỗi: 'number' phải là một số nguyên, không phải '1.5'"
t_end

t_case "a list where a single value is expected"
cat >"$T/c.yaml" <<YAML
term: $P
committee:
  level: [tinh]
  name: "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Mẫu"
  place: "Mẫu"
bodies:
  - type: qh
    name: "Quốc hội khóa XVI"
    seats: [3]
    constituencies:
      - {number: 1, seats: 3, area: ["xã Một"]}
YAML
init_refused "$T/c.yaml"
expect_err "c.yaml:3:10: lỗi: 'level' phải là một chuỗi, không phải một danh sách"
expect_err "c.yaml:9:12: lỗi: 'seats' phải là một số nguyên, không phải một danh sách"
t_end

t_case "a mapping where a list is expected"
cat >"$T/c.yaml" <<YAML
term: $P
committee: {level: tinh, name: "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Mẫu", place: "Mẫu"}
bodies:
  type: qh
  name: "Quốc hội khóa XVI"
YAML
init_refused "$T/c.yaml"
expect_err "c.yaml:4:3: lỗi: 'bodies' phải là một danh sách, không phải một bảng khóa"
t_end

t_case "a single value where a list is expected (area)"
cat >"$T/c.yaml" <<YAML
term: $P
committee: {level: tinh, name: "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Mẫu", place: "Mẫu"}
bodies:
  - type: qh
    name: "Quốc hội khóa XVI"
    seats: 3
    constituencies:
      - number: 1
        seats: 3
        area: xã Một
YAML
init_refused "$T/c.yaml"
expect_err "c.yaml:10:15: lỗi: 'area' phải là một danh sách, không phải một giá trị đơn"
t_end

t_case "a list where a mapping is expected (committee)"
cat >"$T/c.yaml" <<YAML
term: $P
committee:
  - level: tinh
YAML
init_refused "$T/c.yaml"
expect_err "c.yaml:3:3: lỗi: 'committee' phải là một bảng khóa (key: value), không phải một danh sách"
t_end

t_case "numbers out of range"
cat >"$T/c.yaml" <<YAML
term: $P
committee: {level: tinh, name: "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Mẫu", place: "Mẫu"}
bodies:
  - type: qh
    name: "Quốc hội khóa XVI"
    seats: 0
    constituencies:
      - {number: 0, seats: 1001, area: ["xã Một"]}
      - {number: -2, seats: 3, area: ["xã Hai"]}
YAML
init_refused "$T/c.yaml"
expect_err "c.yaml:6:12: lỗi: 'seats' phải trong khoảng 1–1000000, không phải 0"
expect_err "c.yaml:8:18: lỗi: 'number' phải trong khoảng 1–1000000, không phải 0"
expect_err "c.yaml:8:28: lỗi: 'seats' phải trong khoảng 1–1000, không phải 1001"
expect_err "c.yaml:9:18: lỗi: 'number' phải trong khoảng 1–1000000, không phải -2"
t_end

t_case "election day: unreadable, and a day that does not exist"
cat >"$T/c.yaml" <<YAML
term: $P
election:
  title: "Bầu cử thử"
  term: "2026-2031"
  day: 15 tháng 3 năm 2026
YAML
init_refused "$T/c.yaml"
expect_err "c.yaml:5:8: lỗi: 'day': không đọc được ngày (dùng dd/mm/yyyy hoặc yyyy-mm-dd): '15 tháng 3 năm 2026'"
sed 's/day: .*/day: 31\/02\/2026/' "$T/c.yaml" >"$T/c2.yaml"
init_refused "$T/c2.yaml"
expect_err "c2.yaml:5:8: lỗi: 'day': ngày không tồn tại: '31/02/2026'"
sed 's/day: .*/day: 2026-03/' "$T/c.yaml" >"$T/c3.yaml"
init_refused "$T/c3.yaml"
expect_err "c3.yaml:5:8: lỗi: 'day': cần ngày đầy đủ dạng dd/mm/yyyy: '2026-03'"
t_end

t_case "missing election day"
cat >"$T/c.yaml" <<YAML
term: $P
election:
  title: "Bầu cử thử"
  term: "2026-2031"
YAML
init_refused "$T/c.yaml"
expect_err "c.yaml:3:3: lỗi: thiếu 'day' trong 'election'"
t_end

t_case "a deadline window that ends before it starts"
cat >"$T/c.yaml" <<YAML
term: $P
deadlines:
  - key: ht1
    days: 95
    label: "Hội nghị hiệp thương lần thứ nhất"
    citation: "Điều 38"
    window: {from: 2025-12-10, to: 2025-12-01}
YAML
init_refused "$T/c.yaml"
expect_err "c.yaml:7:13: lỗi: 'window': ngày bắt đầu 10/12/2025 sau ngày kết thúc 01/12/2025"
t_end

t_case "a bad deadline: days out of range, duplicate key, applies_to not a kind"
cat >"$T/c.yaml" <<YAML
term: $P
deadlines:
  - key: ht1
    days: 400
    label: "Hội nghị hiệp thương lần thứ nhất"
    citation: "Điều 38"
  - key: ht1
    days: 95
    label: "Hội nghị hiệp thương lần thứ nhất"
    citation: "Điều 38"
    applies_to: [qh]
YAML
init_refused "$T/c.yaml"
expect_err "c.yaml:4:11: lỗi: 'days' phải trong khoảng 0–365, không phải 400"
expect_err "c.yaml:7:5: lỗi: thời hạn 'ht1' khai báo hai lần (đã có ở dòng 3)"
expect_err "c.yaml:11:17: lỗi: 'applies_to' chỉ nhận na hoặc hdnd, không phải 'qh'"
t_end

t_case "body kind must be na or hdnd"
cat >"$T/c.yaml" <<YAML
term: $P
body_types:
  - id: qh
    kind: quochoi
    name: "Quốc hội"
    consulted_by: tinh
YAML
init_refused "$T/c.yaml"
expect_err "c.yaml:4:11: lỗi: 'kind' không hợp lệ: 'quochoi' (chọn một trong: na, hdnd)"
t_end

t_case "a body type consulted by a level the term does not have"
cat >"$T/c.yaml" <<YAML
term: $P
body_types:
  - id: qh
    kind: na
    name: "Quốc hội"
    consulted_by: trunguong
committee: {level: tinh, name: "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Mẫu", place: "Mẫu"}
bodies:
  - {type: qh, name: "Quốc hội khóa XVI", seats: 3, constituencies: [{number: 1, seats: 3, area: ["xã Một"]}]}
YAML
init_refused "$T/c.yaml"
expect_err "c.yaml:3:5: lỗi: loại cơ quan 'qh': cấp hiệp thương 'trunguong' không có trong 'committee_levels'"
t_end

t_case "duplicate body type and duplicate level in the term"
cat >"$T/c.yaml" <<YAML
term: $P
committee_levels:
  - {id: tinh, name: "cấp tỉnh"}
  - {id: tinh, name: "cấp tỉnh"}
body_types:
  - {id: qh, kind: na, name: "Quốc hội", consulted_by: tinh}
  - {id: qh, kind: na, name: "Quốc hội", consulted_by: tinh}
YAML
init_refused "$T/c.yaml"
expect_err "c.yaml:4:5: lỗi: cấp 'tinh' khai báo hai lần (đã có ở dòng 3)"
expect_err "c.yaml:7:5: lỗi: loại cơ quan 'qh' khai báo hai lần (đã có ở dòng 6)"
t_end

t_case "unknown body type: the message lists the term's types"
cat >"$T/c.yaml" <<YAML
term: $P
committee: {level: tinh, name: "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Mẫu", place: "Mẫu"}
bodies:
  - type: hdnd-huyen
    name: "Hội đồng nhân dân huyện Mẫu"
    seats: 3
    constituencies:
      - {number: 1, seats: 3, area: ["xã Một"]}
YAML
init_refused "$T/c.yaml"
expect_err "c.yaml:4:5: lỗi: loại cơ quan 'hdnd-huyen' không có trong nhiệm kỳ này (có: qh, hdnd-tinh, hdnd-xa)"
t_end

t_case "a committee level that does not consult for a body"
cat >"$T/c.yaml" <<YAML
term: $P
committee: {level: xa, name: "Ủy ban Mặt trận Tổ quốc Việt Nam xã Mẫu", place: "Mẫu"}
bodies:
  - type: hdnd-xa
    name: "Hội đồng nhân dân xã Mẫu"
    seats: 3
    constituencies:
      - {number: 1, seats: 3, area: ["thôn Một"]}
  - type: qh
    name: "Quốc hội khóa XVI"
    seats: 3
    constituencies:
      - {number: 1, seats: 3, area: ["xã Một"]}
YAML
init_refused "$T/c.yaml"
expect_err "c.yaml:9:5: lỗi: Ủy ban Mặt trận cấp 'xa' không hiệp thương cho 'Quốc hội' (do cấp 'tinh' hiệp thương)"
expect_err_count 1
t_end

t_case "duplicate constituency number"
cat >"$T/c.yaml" <<YAML
term: $P
committee: {level: tinh, name: "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Mẫu", place: "Mẫu"}
bodies:
  - type: qh
    name: "Quốc hội khóa XVI"
    seats: 6
    constituencies:
      - {number: 1, seats: 3, area: ["xã Một"]}
      - {number: 2, seats: 3, area: ["xã Hai"]}
      - {number: 1, seats: 3, area: ["xã Ba"]}
      - {number: 999999, seats: 3, area: ["xã Bốn"]}
      - {number: 2, seats: 3, area: ["xã Năm"]}
      - {number: 999999, seats: 3, area: ["xã Sáu"]}
YAML
init_refused "$T/c.yaml"
expect_err "c.yaml:10:9: lỗi: đơn vị bầu cử số 1 khai báo hai lần (đã có ở dòng 8)"
expect_err "c.yaml:12:9: lỗi: đơn vị bầu cử số 2 khai báo hai lần (đã có ở dòng 9)"
expect_err "c.yaml:13:9: lỗi: đơn vị bầu cử số 999999 khai báo hai lần (đã có ở dòng 11)"
t_end

t_case "duplicate body"
cat >"$T/c.yaml" <<YAML
term: $P
committee: {level: tinh, name: "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Mẫu", place: "Mẫu"}
bodies:
  - {type: qh, name: "Quốc hội khóa XVI", seats: 3, constituencies: [{number: 1, seats: 3, area: ["xã Một"]}]}
  - {type: qh, name: "Quốc hội", seats: 3, constituencies: [{number: 1, seats: 3, area: ["xã Một"]}]}
YAML
init_refused "$T/c.yaml"
expect_err "c.yaml:5:5: lỗi: cơ quan loại 'qh' khai báo hai lần (đã có ở dòng 4)"
t_end

t_case "a body without constituencies"
cat >"$T/c.yaml" <<YAML
term: $P
committee: {level: tinh, name: "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Mẫu", place: "Mẫu"}
bodies:
  - type: qh
    name: "Quốc hội khóa XVI"
    seats: 3
  - type: hdnd-tinh
    name: "Hội đồng nhân dân tỉnh Mẫu"
    seats: 3
    constituencies: []
YAML
init_refused "$T/c.yaml"
expect_err "c.yaml:4:5: lỗi: thiếu 'constituencies' trong 'bodies[]'"
t_end

t_case "no bodies at all"
cat >"$T/c.yaml" <<YAML
term: $P
committee: {level: tinh, name: "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Mẫu", place: "Mẫu"}
bodies: []
YAML
init_refused "$T/c.yaml"
expect_err "c.yaml: lỗi: 'bodies' phải có ít nhất một cơ quan"
t_end

t_case "sections missing after merging with the preset"
cat >"$T/c.yaml" <<YAML
term: $P
committee: {level: tinh, name: "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Mẫu", place: "Mẫu"}
YAML
init_refused "$T/c.yaml"
expect_err "c.yaml: lỗi: thiếu phần 'bodies' (trong tệp này hoặc trong tệp 'term')"
expect_err_count 1
t_end

t_case "without a preset every section is needed"
cat >"$T/c.yaml" <<YAML
committee: {level: tinh, name: "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Mẫu", place: "Mẫu"}
YAML
init_refused "$T/c.yaml"
for s in election committee_levels body_types deadlines rules bodies; do
	expect_err "c.yaml: lỗi: thiếu phần '$s' (trong tệp này hoặc trong tệp 'term')"
done
expect_not_err "thiếu phần 'committee'"
expect_err_count 6
t_end

t_case "term: a missing preset, with a note naming where it was referenced"
cat >"$T/c.yaml" <<YAML
# the preset is relative to this file
term: presets/khong-co.yaml
committee: {level: tinh, name: "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Mẫu", place: "Mẫu"}
YAML
init_refused "$T/c.yaml"
expect_err "lỗi: không mở được tệp '$T/presets/khong-co.yaml'"
expect_err "ghi chú: 'term' ở $T/c.yaml:2:7 trỏ tới tệp trên"
t_end

t_case "term: a directory"
mkdir -p "$T/presets"
cat >"$T/c.yaml" <<YAML
term: presets
YAML
init_refused "$T/c.yaml"
expect_err "lỗi: '$T/presets' là một thư mục, không phải tệp"
expect_err "ghi chú: 'term' ở $T/c.yaml:1:7 trỏ tới tệp trên"
t_end

t_case "a preset may not name another preset"
sed "s|^rules: rules/|rules: $TOP/config/rules/|" "$P" >"$T/presets/p.yaml"
printf 'term: other.yaml\n' >>"$T/presets/p.yaml"
cat >"$T/c.yaml" <<YAML
term: presets/p.yaml
committee: {level: tinh, name: "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Mẫu", place: "Mẫu"}
bodies:
  - {type: qh, name: "Quốc hội khóa XVI", seats: 3, constituencies: [{number: 1, seats: 3, area: ["xã Một"]}]}
YAML
init_refused "$T/c.yaml"
n=$(wc -l <"$T/presets/p.yaml")
expect_err "presets/p.yaml:$n:7: lỗi: tệp nhiệm kỳ không được trỏ tiếp tới một tệp 'term' khác"
expect_err_count 1
t_end

t_case "an error inside the preset names the preset's file and line"
sed 's/^  day: 2026-03-15/  day: 2026-02-29/' "$P" >"$T/presets/p.yaml"
sed -i "s|^rules: rules/|rules: $TOP/config/rules/|" "$T/presets/p.yaml"
line=$(grep -n '^  day:' "$T/presets/p.yaml" | cut -d: -f1)
init_refused "$T/c.yaml"
expect_err "presets/p.yaml:$line:8: lỗi: 'day': ngày không tồn tại: '2026-02-29'"
t_end

t_case "a missing config file"
init_refused "$T/khong-co.yaml"
expect_err "lỗi: không mở được tệp '$T/khong-co.yaml'"
t_end

t_case "a directory given as the config"
init_refused "$T/presets"
expect_err "lỗi: '$T/presets' là một thư mục, không phải tệp"
t_end

t_case "an empty file"
: >"$T/c.yaml"
init_refused "$T/c.yaml"
expect_err "c.yaml: lỗi: tệp rỗng"
t_end

t_case "a file of comments only"
printf '# chưa viết gì\n\n' >"$T/c.yaml"
init_refused "$T/c.yaml"
expect_err "c.yaml:1:1: lỗi: tệp rỗng"
t_end

t_case "a config larger than 64 MiB"
printf 'term: x\n' >"$T/big.yaml"
truncate -s 67108865 "$T/big.yaml"
init_refused "$T/big.yaml"
expect_err "tệp '$T/big.yaml' quá lớn (67108865 byte, tối đa 67108864)"
t_end

t_case "not a mapping at the top"
printf -- '- term: x\n' >"$T/c.yaml"
init_refused "$T/c.yaml"
expect_err "c.yaml:1:1: lỗi: '(gốc)' phải là một bảng khóa (key: value), không phải một danh sách"
t_end

t_case "invalid UTF-8: line and column of the bad byte"
printf 'term: %s\ncommittee:\n  level: tinh\n  name: "Ủy ban t\351nh"\n' "$P" >"$T/c.yaml"
init_refused "$T/c.yaml"
expect_err "c.yaml:4:18: lỗi: không phải UTF-8 hợp lệ (byte 0xE9); hãy lưu tệp dưới dạng UTF-8"
t_end

t_case "a file saved as UTF-16"
printf '\377\376t\000e\000r\000m\000:\000' >"$T/c.yaml"
init_refused "$T/c.yaml"
expect_err "c.yaml:1:1: lỗi: tệp là UTF-16; hãy lưu lại dưới dạng UTF-8"
t_end

t_case "a NUL byte"
printf 'term: x\ncommittee:\n  level: ti\000nh\n' >"$T/c.yaml"
init_refused "$T/c.yaml"
expect_err "c.yaml:3:12: lỗi: tệp chứa byte NUL (không phải tệp văn bản)"
t_end

t_case "a control character"
printf 'term: x\ncommittee:\n  name: "Ủy ban\033"\n' >"$T/c.yaml"
init_refused "$T/c.yaml"
expect_err "c.yaml:3:16: lỗi: tệp chứa ký tự điều khiển U+001B"
t_end

t_case "YAML syntax error with its position"
cat >"$T/c.yaml" <<YAML
term: $P
committee:
  level: tinh
   name: "Ủy ban"
YAML
init_refused "$T/c.yaml"
expect_err "c.yaml:4:8: lỗi: lỗi cú pháp YAML: dấu ':' không đúng chỗ"
expect_err_count 1
t_end

t_case "an unclosed list names the line where it began"
cat >"$T/c.yaml" <<YAML
term: $P
bodies:
  - type: qh
    constituencies:
      - {number: 1, seats: 3, area: ["xã Một", "xã Hai"}
YAML
init_refused "$T/c.yaml"
expect_err "lỗi cú pháp YAML: thiếu ',' hoặc ']' (danh sách [...] bắt đầu ở dòng 5, cột 37)"
t_end

t_case "indentation with TAB"
printf 'term: x\ncommittee:\n\tlevel: tinh\n' >"$T/c.yaml"
init_refused "$T/c.yaml"
expect_err "c.yaml:3:1: lỗi: lỗi cú pháp YAML: thụt lề bằng TAB; YAML chỉ thụt lề bằng dấu cách"
t_end

t_case "two YAML documents in one file"
cat >"$T/c.yaml" <<YAML
term: $P
---
committee: {level: tinh}
YAML
init_refused "$T/c.yaml"
expect_err "c.yaml:2:1: lỗi: tệp chỉ được chứa một tài liệu YAML"
t_end

t_case "an alias is refused at the '*'"
cat >"$T/c.yaml" <<YAML
term: $P
committee: {level: tinh, name: "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Mẫu", place: "Mẫu"}
bodies:
  - type: qh
    name: "Quốc hội khóa XVI"
    seats: 6
    constituencies:
      - {number: 1, seats: 3, area: &a ["xã Một"]}
      - {number: 2, seats: 3, area: *a}
YAML
init_refused "$T/c.yaml"
expect_err "c.yaml:9:37: lỗi: không hỗ trợ bí danh YAML ('*a'); hãy viết giá trị ra đầy đủ"
expect_err_count 1
t_end

t_case "a YAML tag is refused"
cat >"$T/c.yaml" <<YAML
term: $P
committee: {level: tinh, name: "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Mẫu", place: "Mẫu"}
bodies:
  - {type: qh, name: "Quốc hội khóa XVI", seats: !!int "3", constituencies: [{number: 1, seats: 3, area: ["xã Một"]}]}
YAML
init_refused "$T/c.yaml"
expect_err "c.yaml:4:50: lỗi: không hỗ trợ thẻ YAML ('!!int'); hãy bỏ thẻ"
t_end

t_case "several errors in one file are reported together"
cat >"$T/c.yaml" <<YAML
term: $P
committee:
  level: tinh
  name: "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Mẫu"
  place: "Mẫu"
  phone: "0123"
bodies:
  - type: qh
    name: "Quốc hội khóa XVI"
    seats: "3"
    constituencies:
      - {number: 1, seats: 3, area: []}
      - {number: 1, seats: 0, area: ["xã Hai"]}
YAML
init_refused "$T/c.yaml"
expect_err "c.yaml:6:3: lỗi: khóa không xác định 'phone' trong 'committee'"
expect_err "c.yaml:10:12: lỗi: 'seats' phải là một số nguyên viết không có ngoặc kép"
expect_err "c.yaml:12:37: lỗi: 'area' trong 'constituencies[]' cần ít nhất một mục"
expect_err "c.yaml:13:28: lỗi: 'seats' phải trong khoảng 1–1000, không phải 0"
expect_err "c.yaml:13:9: lỗi: đơn vị bầu cử số 1 khai báo hai lần (đã có ở dòng 12)"
expect_err_count 5
t_end

t_case "a section of the file replaces the preset's (deadlines)"
cat >"$T/own.yaml" <<YAML
term: $P
deadlines:
  - {key: ht1, days: 90, label: "Hiệp thương lần thứ nhất", citation: "Điều 38"}
  - {key: dossier, days: 50, label: "Nộp hồ sơ", citation: "Điều 35"}
  - {key: ht2, days: 45, label: "Hiệp thương lần thứ hai", citation: "Điều 43"}
  - {key: verification, days: 36, label: "Xác minh", citation: "Điều 46"}
  - {key: ht3, days: 30, label: "Hiệp thương lần thứ ba", citation: "Điều 48", applies_to: [hdnd],
     window: {from: 2026-02-01, to: 2026-02-13}}
  - {key: send_ht3, days: 25, label: "Gửi biên bản", citation: "Điều 57"}
  - {key: official_list, days: 20, label: "Danh sách chính thức", citation: "Điều 57"}
committee: {level: tinh, name: "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Mẫu", place: "Mẫu"}
bodies:
  - {type: qh, name: "Quốc hội khóa XVI", seats: 3, constituencies: [{number: 1, seats: 3, area: ["xã Một"]}]}
YAML
ht init --config "$T/own.yaml" --db "$T/own.db"
expect_exit 0
[ "$(sql "$T/own.db" 'SELECT count(*) FROM deadline')" = 7 ] || t_fail "the preset's deadlines were kept"
[ "$(sql "$T/own.db" "SELECT days, applies_na, applies_hdnd, window_from, window_to FROM deadline WHERE key='ht3'")" = "30|0|1|2026-02-01|2026-02-13" ] ||
	t_fail "ht3 is not the file's own"
[ "$(sql "$T/own.db" "SELECT count(*) FROM deadline WHERE key='forecast_structure'")" = 0 ] || t_fail "preset deadline left"
t_end

t_case "a section of the file replaces the preset's (election)"
cat >"$T/own2.yaml" <<YAML
term: $P
election:
  title: "Bầu cử bổ sung thử"
  term: "2026-2031"
  day: 12/04/2026
committee: {level: tinh, name: "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Mẫu", place: "Mẫu"}
bodies:
  - {type: qh, name: "Quốc hội khóa XVI", seats: 3, constituencies: [{number: 1, seats: 3, area: ["xã Một"]}]}
YAML
ht init --config "$T/own2.yaml" --db "$T/own2.db"
expect_exit 0
expect_out "Bầu cử bổ sung thử, ngày bầu cử 12/04/2026"
[ "$(sql "$T/own2.db" 'SELECT election_day, na_khoa IS NULL FROM election')" = "2026-04-12|1" ] ||
	t_fail "election not replaced as a whole"
t_end

t_case "a bad window start is one error, and the window names both days"
cat >"$T/c.yaml" <<YAML
term: $P
deadlines:
  - key: ht1
    days: 95
    label: "Hội nghị hiệp thương lần thứ nhất"
    citation: "Điều 38"
    window: {from: 2025-12-32, to: 2025-12-10}
  - key: ht2
    days: 40
    label: "Hội nghị hiệp thương lần thứ hai"
    citation: "Điều 43"
    window:
      from: 03/02/2026
      to: 02/02/2026
YAML
init_refused "$T/c.yaml"
expect_err "c.yaml:7:20: lỗi: 'from': ngày không tồn tại: '2025-12-32'"
expect_err "c.yaml:13:7: lỗi: 'window': ngày bắt đầu 03/02/2026 sau ngày kết thúc 02/02/2026"
expect_not_err "khóa không xác định"
expect_err_count 2
t_end

t_case "unknown committee level: where it is written, with the term's levels, and nothing more"
cat >"$T/c.yaml" <<YAML
term: $P
committee:
  level: huyen
  name: "Ủy ban Mặt trận Tổ quốc Việt Nam huyện Mẫu"
  place: "Mẫu"
bodies:
  - {type: hdnd-xa, name: "Hội đồng nhân dân xã Mẫu", seats: 3, constituencies: [{number: 1, seats: 3, area: ["thôn Một"]}]}
YAML
init_refused "$T/c.yaml"
expect_err "c.yaml:3:10: lỗi: 'committee.level': cấp 'huyen' không có trong 'committee_levels' của nhiệm kỳ (có: tw, tinh, xa)"
expect_err_count 1
t_end

t_case "a deadline's applies_to may not be empty (it would silently mean both kinds)"
cat >"$T/c.yaml" <<YAML
term: $P
deadlines:
  - key: ht1
    days: 95
    label: "Hội nghị hiệp thương lần thứ nhất"
    citation: "Điều 38"
    applies_to: []
YAML
init_refused "$T/c.yaml"
expect_err "c.yaml:7:17: lỗi: 'applies_to' trong 'deadlines[]' không được rỗng (bỏ khóa này nếu áp dụng cho cả na và hdnd)"
expect_err_count 1
t_end

t_case "term sections of the wrong shape"
cat >"$T/c.yaml" <<YAML
term: $P
committee_levels: {id: tinh, name: "cấp tỉnh"}
body_types: qh
deadlines:
  - key: ht1
    days: 95
    label: "Hội nghị hiệp thương lần thứ nhất"
    citation: "Điều 38"
    window: [2025-12-01, 2025-12-10]
  - ht2
YAML
init_refused "$T/c.yaml"
expect_err "c.yaml:2:19: lỗi: 'committee_levels' phải là một danh sách, không phải một bảng khóa"
expect_err "c.yaml:3:13: lỗi: 'body_types' phải là một danh sách, không phải một giá trị đơn"
expect_err "c.yaml:9:13: lỗi: 'window' phải là một bảng khóa (key: value), không phải một danh sách"
expect_err "c.yaml:10:5: lỗi: 'deadlines[]' phải là một bảng khóa (key: value), không phải một giá trị đơn"
expect_err_count 4
t_end

t_case "constituencies of the wrong shape"
cat >"$T/c.yaml" <<YAML
term: $P
committee: {level: tinh, name: "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Mẫu", place: "Mẫu"}
bodies:
  - type: qh
    name: "Quốc hội khóa XVI"
    seats: 3
    constituencies: {number: 1, seats: 3, area: ["xã Một"]}
  - type: hdnd-tinh
    name: "Hội đồng nhân dân tỉnh Mẫu"
    seats: 3
    constituencies:
  - "hdnd-xa"
YAML
init_refused "$T/c.yaml"
expect_err "c.yaml:7:21: lỗi: 'constituencies' phải là một danh sách, không phải một bảng khóa"
expect_err "c.yaml:11:20: lỗi: 'constituencies' phải là một danh sách, không phải giá trị rỗng"
expect_err "c.yaml:12:5: lỗi: 'bodies[]' phải là một bảng khóa (key: value), không phải một giá trị đơn"
expect_err_count 3
t_end

t_case "a body with an empty list of constituencies"
cat >"$T/c.yaml" <<YAML
term: $P
committee: {level: tinh, name: "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Mẫu", place: "Mẫu"}
bodies:
  - type: qh
    name: "Quốc hội khóa XVI"
    seats: 3
    constituencies: []
YAML
init_refused "$T/c.yaml"
expect_err "c.yaml:4:5: lỗi: cơ quan 'Quốc hội khóa XVI' chưa có đơn vị bầu cử nào"
expect_err_count 1
t_end

t_case "a preset that is not a mapping"
printf -- '- election\n' >"$T/presets/list.yaml"
cat >"$T/c.yaml" <<YAML
term: presets/list.yaml
committee: {level: tinh, name: "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Mẫu", place: "Mẫu"}
YAML
init_refused "$T/c.yaml"
expect_err "presets/list.yaml:1:1: lỗi: '(gốc)' phải là một bảng khóa (key: value), không phải một danh sách"
expect_err_count 1
t_end

t_case "term must be a file name"
cat >"$T/c.yaml" <<YAML
term: [$P]
YAML
init_refused "$T/c.yaml"
expect_err "c.yaml:1:7: lỗi: 'term' phải là một chuỗi, không phải một danh sách"
t_end

t_case "init takes no positional argument"
ht init "$T/good.yaml" --config "$T/good.yaml" --db "$T/x.db"
expect_exit 2
expect_err "lệnh init không nhận đối số '$T/good.yaml'"
expect_err "cách dùng: hiepthuong init --config TỆP"
expect_no_file "$T/x.db"
t_end

t_case "--config without its value"
ht init --db "$T/x.db" --config
expect_exit 2
expect_err "tùy chọn '--config' cần giá trị TỆP"
expect_no_file "$T/x.db"
t_end

t_case "a book in a folder that does not exist"
ht init --config "$T/good.yaml" --db "$T/khong-co/x.db"
expect_exit 3
expect_err "không tạo được sổ '$T/khong-co/x.db'"
expect_no_file "$T/khong-co"
t_end
