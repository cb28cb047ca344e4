#!/bin/sh
# t1001: round 1's allocations and their adjustments: alloc set, list,
# import; every version kept, the latest in force; bad counts refused.
. "$TOP/tests/lib.sh"

make_province_book
dump() { sqlite3 "$T/p.db" .dump >"$1"; }
"$HT" unit add UB --name "Ủy ban nhân dân tỉnh" --kind state --body qh --db "$T/p.db" >/dev/null
"$HT" unit add PN --name "Hội Liên hiệp Phụ nữ tỉnh" --kind socio_political --body qh --db "$T/p.db" >/dev/null
"$HT" unit add UB --name "Ủy ban nhân dân tỉnh" --kind state --body hdnd-tinh --db "$T/p.db" >/dev/null

t_case "alloc set records round 1's allocation"
ht alloc set UB --body qh --count 3 --women 1 --young 1 --date 05/12/2025 --db "$T/p.db"
expect_exit 0
expect_out "đã ghi phân bổ lần 1 (Hiệp thương lần thứ nhất) cho 'UB'"
[ "$(sql "$T/p.db" "SELECT version, count, women, young, decided_on FROM allocation")" = "1|3|1|1|2025-12-05" ] ||
	t_fail "stored allocation"
t_end

t_case "a first adjustment starts from the version in force; both are kept"
ht alloc set "Ủy ban nhân dân tỉnh" --body qh --version 2 --count 4 --db "$T/p.db"
expect_exit 0
expect_out "4 người; nữ 1, tái cử 0, ngoài Đảng 0, trẻ tuổi 1"
[ "$(sql "$T/p.db" "SELECT group_concat(version || ':' || count, ' ') FROM allocation")" = "1:3 2:4" ] ||
	t_fail "versions"
t_end

t_case "alloc list shows the version in force and the body's total"
ht alloc set PN --body qh --count 2 --women 2 --db "$T/p.db"
ht alloc list --body qh --db "$T/p.db"
expect_exit 0
expect_out "Điều chỉnh lần thứ nhất"
expect_not_out "Hiệp thương lần thứ nhất  3"
grep -q "Tổng cộng  *6  *3" "$OUT" || t_fail "total line"
t_end

t_case "alloc list --all keeps every version; csv and json"
ht alloc list --all --format csv --db "$T/p.db"
expect_exit 0
expect_out "body,unit,unit_name,version,version_label,count,women,reelected,non_party,young,ethnic_minority,decided_on,note,nominees"
expect_out "qh,UB,Ủy ban nhân dân tỉnh,1,Hiệp thương lần thứ nhất,3,1,0,0,1,0,2025-12-05,,0"
expect_out "qh,UB,Ủy ban nhân dân tỉnh,2,Điều chỉnh lần thứ nhất,4,1,0,0,1,0,,,0"
expect_lines 4 "$OUT"
ht alloc list --format json --db "$T/p.db"
"$PYTHON" -c 'import json,sys; d=json.load(open(sys.argv[1])); assert [x["version"] for x in d]==[2,1] and d[0]["count"]==4' "$OUT" ||
	t_fail "json"
t_end

t_case "the second adjustment exists for the National Assembly only"
ht alloc set UB --body qh --version 3 --count 5 --db "$T/p.db"
expect_exit 0
dump "$T/before"
ht alloc set UB --body hdnd-tinh --version 3 --count 5 --db "$T/p.db"
expect_exit 3
expect_err "chỉ Quốc hội có điều chỉnh lần thứ hai"
dump "$T/after"
expect_same "$T/before" "$T/after"
t_end

t_case "an earlier version cannot be added after a later one"
ht alloc set UB --body hdnd-tinh --version 2 --count 5 --db "$T/p.db"
expect_exit 0
ht alloc set UB --body hdnd-tinh --version 1 --count 4 --db "$T/p.db"
expect_exit 3
expect_err "không thể thêm lần 1 trước nó"
t_end

t_case "a negative count is refused and changes nothing"
dump "$T/before"
ht alloc set PN --body qh --count -1 --db "$T/p.db"
expect_exit 2
expect_err "tùy chọn '--count': cần một số không âm, không phải '-1'"
dump "$T/after"
expect_same "$T/before" "$T/after"
t_end

t_case "a sub-target larger than the count is refused"
ht alloc set PN --body qh --count 2 --women 3 --db "$T/p.db"
expect_exit 3
expect_err "--women: số 'Nữ' (3) lớn hơn số được phân bổ của đơn vị (2)"
t_end

t_case "a sub-target above the unit's allocation in force is refused"
ht alloc set PN --body qh --ethnic-minority 3 --db "$T/p.db"
expect_exit 3
expect_err "--ethnic-minority: số 'Dân tộc thiểu số' (3) lớn hơn số được phân bổ của đơn vị (2)"
ht alloc set PN --body qh --version 2 --count 1 --db "$T/p.db"
expect_exit 3
expect_err "--women: số 'Nữ' (2) lớn hơn số được phân bổ của đơn vị (1)"
t_end

t_case "alloc set of an unknown unit, a unit without allocation, a bad version"
ht alloc set NOPE --body qh --count 1 --db "$T/p.db"
expect_exit 3
expect_err "không có đơn vị 'NOPE'"
"$HT" unit add TD --name "Tỉnh đoàn" --kind socio_political --body qh --db "$T/p.db" >/dev/null
ht alloc set TD --body qh --women 1 --db "$T/p.db"
expect_exit 3
expect_err "chưa có phân bổ nào: cần --count"
ht alloc set TD --body qh --version 4 --count 1 --db "$T/p.db"
expect_exit 2
expect_err "--version phải là 1, 2 hoặc 3"
ht alloc set TD --body qh --count x --db "$T/p.db"
expect_exit 2
expect_err "cần một số nguyên"
ht alloc set TD --body qh --count 1 --date 30/02/2025 --db "$T/p.db"
expect_exit 2
expect_err "--date: ngày không tồn tại"
t_end

# ---------------------------------------------------------------- import
t_case "alloc import: Vietnamese headers of the round-1 table, ';', version labels"
cat >"$T/a.csv" <<'CSV'
STT;Cơ quan dân cử;Đơn vị;Lần;Phân bổ số lượng giới thiệu;Nữ;Tái cử;Ngoài Đảng;Dưới 40 tuổi;Dân tộc thiểu số;Ngày quyết định;Ghi chú
1;Quốc hội;Tỉnh đoàn;Hiệp thương lần thứ nhất;1;0;0;0;1;0;05/12/2025;
2;Quốc hội;TD;Điều chỉnh lần thứ nhất;2;1;0;0;1;0;15/12/2025;Điều chỉnh
CSV
ht alloc import "$T/a.csv" --db "$T/p.db"
expect_exit 0
expect_out "a.csv: thêm 2 phân bổ, khớp 0 đã có trong sổ, từ chối 0 dòng"
[ "$(sql "$T/p.db" "SELECT group_concat(a.version || ':' || a.count || ':' || a.young || ':' || coalesce(a.note, ''), ' ') FROM allocation a JOIN unit u ON u.id = a.unit_id WHERE u.code = 'TD'")" = \
	"1:1:1: 2:2:1:Điều chỉnh" ] || t_fail "stored: $(sql "$T/p.db" "SELECT * FROM allocation")"
t_end

t_case "alloc import again matches every row"
ht alloc import "$T/a.csv" --db "$T/p.db"
expect_exit 0
expect_out "thêm 0 phân bổ, khớp 2"
t_end

t_case "alloc import: every bad row reported, nothing written"
dump "$T/before"
cat >"$T/bad.csv" <<'CSV'
body,unit,version,count,women,young
qh,PN,2,3,1,0
qh,NOPE,1,2,0,0
qh,PN,2,3,1,0
qh,UB,1,-2,0,0
hdnd-tinh,UB,3,1,0,0
qh,PN,1,2,3,0
qh,PN,1,,0,0
qh,PN,x,2,0,0
qh,PN,1,2,0,1.5
qh,UB,1,9,0,0
CSV
ht alloc import "$T/bad.csv" --db "$T/p.db"
expect_exit 3
expect_err "bad.csv:3:2: lỗi: cột 'unit': không có đơn vị 'NOPE' của 'qh' trong sổ"
expect_err "bad.csv:4:2: lỗi: cột 'unit': trùng với dòng 2 (đơn vị 'PN', lần 2)"
expect_err "bad.csv:5:4: lỗi: cột 'count': cần một số không âm, không phải '-2'"
expect_err "bad.csv:6:3: lỗi: cột 'version': chỉ Quốc hội có điều chỉnh lần thứ hai"
expect_err "bad.csv:7:5: lỗi: cột 'women': số 'Nữ' (3) lớn hơn số được phân bổ của đơn vị (2)"
expect_err "bad.csv:8:4: lỗi: cột 'count': thiếu số lượng được phân bổ"
expect_err "bad.csv:9:3: lỗi: cột 'version': lần phân bổ 'x' không hợp lệ"
expect_err "bad.csv:10:6: lỗi: cột 'young': cần một số nguyên không âm viết bằng chữ số (không dấu chấm, dấu phẩy hay số mũ), không phải '1.5'"
expect_err "bad.csv:11:2: lỗi: cột 'unit': đơn vị 'UB' đã có phân bổ lần 1 (Hiệp thương lần thứ nhất) khác với dòng này"
expect_err "bad.csv: 9 lỗi; không nhập gì, sổ không thay đổi"
dump "$T/after"
expect_same "$T/before" "$T/after"
t_end

t_case "alloc import: unknown column, bad date"
printf 'unit,count,phone\nPN,1,1\n' >"$T/c.csv"
ht alloc import "$T/c.csv" --body qh --db "$T/p.db"
expect_exit 3
expect_err "c.csv:1:3: lỗi: cột không xác định 'phone'"
printf 'unit,count,decided_on\nPN,1,31/11/2025\n' >"$T/d.csv"
ht alloc import "$T/d.csv" --body qh --version 2 --db "$T/p.db"
expect_exit 3
expect_err "d.csv:2:3: lỗi: cột 'decided_on': ngày không tồn tại: '31/11/2025'"
t_end

t_case "alloc import --version sets rows without a version column"
printf 'unit;count;women\nPN;2;1\n' >"$T/e.csv"
ht alloc import "$T/e.csv" --body qh --version 2 --db "$T/p.db"
expect_exit 0
[ "$(sql "$T/p.db" "SELECT count FROM allocation a JOIN unit u ON u.id = a.unit_id WHERE u.code = 'PN' AND a.version = 2")" = 2 ] ||
	t_fail "version 2 not written"
t_end

t_case "alloc import takes alloc list --all --format csv back"
ht alloc list --all --format csv --db "$T/p.db"
cp "$OUT" "$T/round.csv"
sql_write "$T/p.db" "DELETE FROM allocation"
ht alloc import "$T/round.csv" --db "$T/p.db"
expect_exit 0
ht alloc list --all --format csv --db "$T/p.db"
expect_same "$T/round.csv" "$OUT"
t_end

t_case "a unit nominating more than its allocation gets a warning"
ht candidate add --body qh --name "Nguyễn Thị Một" --dob 01/01/1980 --sex Nữ --unit TD --db "$T/p.db"
ht candidate add --body qh --name "Nguyễn Thị Hai" --dob 01/01/1981 --sex Nữ --unit TD --db "$T/p.db"
expect_exit 0
expect_not_err "nhiều hơn số được phân bổ"
ht candidate add --body qh --name "Nguyễn Thị Ba" --dob 01/01/1982 --sex Nữ --unit TD --db "$T/p.db"
expect_exit 0
expect_err "cảnh báo: đơn vị 'TD' (Tỉnh đoàn) đã giới thiệu 3 người, nhiều hơn số được phân bổ (2, Điều chỉnh lần thứ nhất)"
t_end
