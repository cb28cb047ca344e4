#!/bin/sh
# t1000: nominating units: unit add, edit, list, import, and every way a
# unit can be refused.
. "$TOP/tests/lib.sh"

make_province_book
dump() { sqlite3 "$T/p.db" .dump >"$1"; }

t_case "unit add records a unit for a body"
ht unit add UBND --name "Ủy ban nhân dân tỉnh Hòa Lâm" --kind state --body qh --db "$T/p.db"
expect_exit 0
expect_out "đã thêm đơn vị 'UBND'"
[ "$(sql "$T/p.db" "SELECT u.name || '|' || u.kind || '|' || b.code FROM unit u JOIN body b ON b.id = u.body_id")" = \
	"Ủy ban nhân dân tỉnh Hòa Lâm|state|qh" ] || t_fail "stored unit"
t_end

t_case "unit add accepts a Vietnamese kind, and the same code for the other body"
ht unit add UBND --name "Ủy ban nhân dân tỉnh Hòa Lâm" --kind "Cơ quan nhà nước" --body "HĐND tỉnh Hòa Lâm" --db "$T/p.db"
expect_exit 0
[ "$(sql "$T/p.db" "SELECT count(*) FROM unit WHERE code = 'UBND' AND kind = 'state'")" = 2 ] || t_fail "two units"
t_end

t_case "unit add is audited"
sql "$T/p.db" "SELECT changes FROM audit WHERE command LIKE '%unit add%'" | grep -q "thêm đơn vị 'UBND'" ||
	t_fail "no audit entry"
t_end

t_case "unit add needs --body when the book has two bodies"
dump "$T/before"
ht unit add X --name "Cơ quan X" --kind state --db "$T/p.db"
expect_exit 3
expect_err "chọn một bằng --body"
expect_err "'qh'"
dump "$T/after"
expect_same "$T/before" "$T/after"
t_end

t_case "unit add refuses a code the body already has"
ht unit add UBND --name "Khác" --kind state --body qh --db "$T/p.db"
expect_exit 3
expect_err "đã có đơn vị mã 'UBND'"
t_end

t_case "unit add refuses a name the body already has"
ht unit add UB2 --name "ủy ban  nhân dân tỉnh Hòa Lâm" --kind state --body qh --db "$T/p.db"
expect_exit 3
expect_err "đã có đơn vị tên"
t_end

t_case "unit add refuses an unknown kind and lists the kinds"
ht unit add Z --name "Z" --kind ministry --body qh --db "$T/p.db"
expect_exit 3
expect_err "loại đơn vị 'ministry' không hợp lệ"
expect_err "public_service ('Đơn vị sự nghiệp')"
t_end

t_case "a province has no thôn, a commune no lower administrative unit"
ht unit add T1 --name "Thôn Một" --kind thon --body qh --db "$T/p.db"
expect_exit 3
expect_err "thôn, tổ dân phố chỉ giới thiệu người ứng cử đại biểu Hội đồng nhân dân cấp xã"
"$HT" init --config "$S/commune/config.yaml" --db "$T/x.db" >/dev/null
ht unit add X1 --name "Xã Một" --kind admin_unit --db "$T/x.db"
expect_exit 3
expect_err "cấp xã không có đơn vị hành chính cấp dưới"
ht unit add T1 --name "Thôn Một" --kind "Thôn, tổ dân phố" --db "$T/x.db"
expect_exit 0
t_end

t_case "unit add without --name is a usage error"
ht unit add Q --kind state --body qh --db "$T/p.db"
expect_exit 2
expect_err "cần --name và --kind"
t_end

t_case "unit add --help"
ht unit add --help
expect_exit 0
expect_out "cách dùng: hiepthuong unit add"
expect_out "--kind"
t_end

t_case "unit edit renames and changes the kind, by code or by name"
ht unit edit UBND --body qh --name "UBND tỉnh Hòa Lâm" --db "$T/p.db"
expect_exit 0
expect_out "đã sửa đơn vị 'UBND': UBND tỉnh Hòa Lâm"
ht unit edit "UBND tỉnh Hòa Lâm" --body qh --kind social --code UB --db "$T/p.db"
expect_exit 0
[ "$(sql "$T/p.db" "SELECT code || '|' || kind FROM unit WHERE name = 'UBND tỉnh Hòa Lâm'")" = "UB|social" ] ||
	t_fail "edit not stored"
t_end

t_case "unit edit of an unknown unit changes nothing"
dump "$T/before"
ht unit edit NOPE --body qh --name X --db "$T/p.db"
expect_exit 3
expect_err "'NOPE' không có trong danh sách đơn vị"
dump "$T/after"
expect_same "$T/before" "$T/after"
t_end

t_case "unit edit refuses a code in use"
ht unit add TU --name "Tỉnh ủy" --kind political --body qh --db "$T/p.db"
ht unit edit TU --body qh --code UB --db "$T/p.db"
expect_exit 3
expect_err "mã 'UB' đã được dùng"
t_end

t_case "unit list shows the units of each body in entry order"
ht unit list --db "$T/p.db"
expect_exit 0
expect_out "Tên đơn vị"
head -n 2 "$OUT" | tail -n 1 | grep -q "^qh  *UB " || t_fail "first row is not UB of qh"
expect_out "Tổ chức xã hội"
ht unit list --body hdnd-tinh --db "$T/p.db"
expect_not_out "Tỉnh ủy"
expect_lines 2 "$OUT"
t_end

t_case "unit list --kind and --format csv/json"
ht unit list --kind political --format csv --db "$T/p.db"
expect_exit 0
expect_lines 2 "$OUT"
expect_out "body,code,name,kind,nominees"
expect_out "qh,TU,Tỉnh ủy,political,0"
ht unit list --format json --db "$T/p.db"
"$PYTHON" -c 'import json,sys; d=json.load(open(sys.argv[1])); assert len(d)==3 and d[0]["code"]=="UB" and d[0]["nominees"]==0' "$OUT" ||
	t_fail "json"
ht unit list --format xml --db "$T/p.db"
expect_exit 2
expect_err "--format 'xml' không hợp lệ"
t_end

# ---------------------------------------------------------------- import
make_fresh() { rm -f "$T/p.db"; make_province_book; }

t_case "unit import: Vietnamese headers, ';', BOM, STT and footnote markers"
make_fresh
printf '\357\273\277STT;Cơ quan dân cử (1);Mã đơn vị;Tên đơn vị (2);Loại đơn vị\r\n1;Quốc hội;TU;Tỉnh ủy Hòa Lâm;Tổ chức chính trị\r\n2;HĐND tỉnh Hòa Lâm;X-APHU;Ủy ban nhân dân xã An Phú;Đơn vị hành chính cấp dưới\r\n' >"$T/u.csv"
ht unit import "$T/u.csv" --db "$T/p.db"
expect_exit 0
expect_out "u.csv: thêm 2 đơn vị, khớp 0 đã có trong sổ, từ chối 0 dòng"
[ "$(sql "$T/p.db" "SELECT group_concat(code || '/' || kind, ' ') FROM unit")" = "TU/political X-APHU/admin_unit" ] ||
	t_fail "stored units"
t_end

t_case "unit import of the same file again matches, adds nothing"
ht unit import "$T/u.csv" --db "$T/p.db"
expect_exit 0
expect_out "thêm 0 đơn vị, khớp 2"
[ "$(sql "$T/p.db" "SELECT count(*) FROM unit")" = 2 ] || t_fail "units duplicated"
t_end

t_case "unit import: ASCII keys, ',' and --body; a missing code is the name"
printf 'name,kind\nHội Luật gia tỉnh,social\n' >"$T/u2.csv"
ht unit import "$T/u2.csv" --body qh --db "$T/p.db"
expect_exit 0
[ "$(sql "$T/p.db" "SELECT code FROM unit WHERE kind = 'social'")" = "Hội Luật gia tỉnh" ] || t_fail "code"
t_end

t_case "unit import reports every bad row with row and column, and changes nothing"
dump "$T/before"
printf 'code,name,kind\nA,Tên A,state\n\nB,Tên B,nope\nA,Tên C,state\nD,Tên A,state\nE,Thôn X,thon\nTU,Tỉnh ủy khác,political\n' >"$T/bad.csv"
ht unit import "$T/bad.csv" --body qh --db "$T/p.db"
expect_exit 3
expect_err "bad.csv:4:3: lỗi: cột 'kind': loại đơn vị 'nope' không hợp lệ"
expect_err "bad.csv:5:1: lỗi: cột 'code': trùng với dòng 2"
expect_err "bad.csv:6:2: lỗi: cột 'name': trùng tên với dòng 2"
expect_err "bad.csv:7:3: lỗi: cột 'kind': thôn, tổ dân phố chỉ giới thiệu"
expect_err "bad.csv:8:1: lỗi: cột 'code': mã 'TU' đã có trong sổ: 'Tỉnh ủy Hòa Lâm'"
expect_err "bad.csv: 5 lỗi; không nhập gì, sổ không thay đổi"
dump "$T/after"
expect_same "$T/before" "$T/after"
t_end

t_case "unit import: an unknown column is named with its number and header"
printf 'code;name;kind;Số điện thoại\nA;Tên A;state;0912\n' >"$T/u3.csv"
ht unit import "$T/u3.csv" --body qh --db "$T/p.db"
expect_exit 3
expect_err "u3.csv:1:4: lỗi: cột không xác định 'Số điện thoại'"
expect_err "các cột dùng được: body, code, name, kind;"
t_end

t_case "unit import: a missing required column, a column given twice"
printf 'code,kind\nA,state\n' >"$T/u4.csv"
ht unit import "$T/u4.csv" --body qh --db "$T/p.db"
expect_exit 3
expect_err "u4.csv:1: lỗi: thiếu cột 'Tên đơn vị' (hoặc 'name')"
printf 'name,Tên đơn vị,kind\nA,B,state\n' >"$T/u5.csv"
ht unit import "$T/u5.csv" --body qh --db "$T/p.db"
expect_exit 3
expect_err "u5.csv:1:2: lỗi: cột 'Tên đơn vị' trùng với cột 1 'name'"
t_end

t_case "unit import: no body for a row, an unknown body"
printf 'body,name,kind\n,Tên A,state\nhdnd-xa,Tên B,state\n' >"$T/u6.csv"
ht unit import "$T/u6.csv" --db "$T/p.db"
expect_exit 3
expect_err "u6.csv:2:1: lỗi: cột 'body': không rõ cơ quan dân cử"
expect_err "u6.csv:3:1: lỗi: cột 'body': không có cơ quan dân cử 'hdnd-xa' trong sổ"
t_end

t_case "unit import: a file that is not UTF-8, a missing file"
printf 'name,kind\nT\341n,state\n' >"$T/latin1.csv"
ht unit import "$T/latin1.csv" --body qh --db "$T/p.db"
expect_exit 3
expect_err "latin1.csv:2:1: lỗi: cột 'name': không phải UTF-8 hợp lệ"
ht unit import "$T/none.csv" --body qh --db "$T/p.db"
expect_exit 3
expect_err "không mở được '$T/none.csv'"
t_end

t_case "unit import: data under a column without a header"
printf 'name,kind\nA,state,oops\n' >"$T/u7.csv"
ht unit import "$T/u7.csv" --body qh --db "$T/p.db"
expect_exit 3
expect_err "u7.csv:2:3: lỗi: ô có dữ liệu nhưng cột không có tiêu đề"
t_end

t_case "unit import takes its own csv output back"
ht unit list --format csv --db "$T/p.db"
cp "$OUT" "$T/round.csv"
rm -f "$T/p2.db"
"$HT" init --config "$S/province/config.yaml" --db "$T/p2.db" >/dev/null
ht unit import "$T/round.csv" --db "$T/p2.db"
expect_exit 0
ht unit list --format csv --db "$T/p2.db"
expect_same "$T/round.csv" "$OUT"
t_end
