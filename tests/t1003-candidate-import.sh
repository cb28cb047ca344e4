#!/bin/sh
# t1003: candidate import: the files Excel writes, text hygiene, matching
# people already in the book, all-or-nothing with every bad row reported
# as file:row:column.
. "$TOP/tests/lib.sh"

make_province_book
dump() { sqlite3 "$T/p.db" .dump >"$1"; }
db="--db $T/p.db"
"$HT" unit add UB --name "Ủy ban nhân dân tỉnh" --kind state --body qh $db >/dev/null
"$HT" unit add PN --name "Hội Liên hiệp Phụ nữ tỉnh" --kind socio_political --body qh $db >/dev/null
"$HT" unit add UB --name "Ủy ban nhân dân tỉnh" --kind state --body hdnd-tinh $db >/dev/null

NAT="Chỉ có 01 quốc tịch là quốc tịch Việt Nam và không trong thời gian thực hiện thủ tục xin gia nhập quốc tịch quốc gia khác"

t_case "Excel's CSV: BOM, ';', the form's headers with footnote marks, STT, an empty trailing row"
{
	printf '\357\273\277'
	printf 'STT;Cơ quan dân cử;Họ và tên (2);Ngày, tháng, năm sinh;Giới tính;Quốc tịch;Dân tộc;Tôn giáo;Quê quán;Nơi ở hiện nay (3);Giáo dục phổ thông;Chuyên môn, nghiệp vụ;Học hàm, học vị;Lý luận chính trị;Ngoại ngữ;Nghề nghiệp, chức vụ (4);Nơi công tác;Ngày vào Đảng (nếu có);Đại biểu Quốc hội khoá (nếu có);Đại biểu HĐND nhiệm kỳ (nếu có);Đơn vị giới thiệu;Thời điểm nhận hồ sơ;Ghi chú\r\n'
	printf '1;Quốc hội;Lê Minh Tuấn;23/06/1968;Nam;%s;Kinh;Không;"xã An Phú; tỉnh Hòa Lâm";phường Tân An;12/12;Tiến sĩ Kinh tế;Tiến sĩ;Cao cấp;Anh B1;Chủ tịch Ủy ban nhân dân tỉnh;Ủy ban nhân dân tỉnh;01/12/1990;;tỉnh khóa X;UB;14/01/2026 15:00;\r\n' "$NAT"
	printf '2;HĐND tỉnh Hòa Lâm;Lê Minh Tuấn;23/06/1968;Nam;%s;Kinh;Không;"xã An Phú; tỉnh Hòa Lâm";phường Tân An;12/12;Tiến sĩ Kinh tế;Tiến sĩ;Cao cấp;Anh B1;Chủ tịch Ủy ban nhân dân tỉnh;Ủy ban nhân dân tỉnh;01/12/1990;;tỉnh khóa X;UB;14/01/2026 15:00;Đồng thời ứng cử ĐBQH\r\n' "$NAT"
	printf '3;Quốc hội;Trần Thị Hoan;1984;Nữ;%s;Kinh;Không;;;12/12;;;;;Giám đốc công ty;;;;;Tự ứng cử;01/02/2026 16:45;\r\n' "$NAT"
	printf ';;;;;;;;;;;;;;;;;;;;;;\r\n'
} >"$T/c.csv"
ht candidate import "$T/c.csv" $db
expect_exit 0
expect_out "c.csv:3: 'Lê Minh Tuấn' (sinh 23/06/1968) là người ở dòng 2 (#1): thêm ứng cử 'hdnd-tinh'"
expect_out "c.csv: thêm 3 ứng cử (2 người mới, 1 người đã có trong sổ), khớp 0 ứng cử đã có, từ chối 0 dòng"
[ "$(sql "$T/p.db" "SELECT hometown || '|' || party_date || '|' || hdnd_member || '|' || occupation FROM person WHERE id = 1")" = \
	"xã An Phú; tỉnh Hòa Lâm|1990-12-01|tỉnh khóa X|Chủ tịch Ủy ban nhân dân tỉnh" ] || t_fail "person fields"
[ "$(sql "$T/p.db" "SELECT group_concat(b.code || ':' || c.source, ' ') FROM candidacy c JOIN body b ON b.id = c.body_id")" = \
	"qh:unit hdnd-tinh:unit qh:self" ] || t_fail "candidacies"
t_end

t_case "importing the same file again matches every candidacy"
ht candidate import "$T/c.csv" $db
expect_exit 0
expect_out "thêm 0 ứng cử (0 người mới, 0 người đã có trong sổ), khớp 3 ứng cử đã có"
t_end

t_case "ASCII keys, ',' and --body; a person already in the book is matched and said so"
cat >"$T/a.csv" <<CSV
ho,ten_dem,ten,dob,sex,unit,hometown,occupation
Lê,Minh,Tuấn,1968-06-23,nam,PN,"xã An Phú; tỉnh Hòa Lâm",Kỹ sư
Tôn Nữ,Thị,Hà,12/05/1975,nữ,PN,"xã Bình Lâm, tỉnh Hòa Lâm",
CSV
ht candidate import "$T/a.csv" --body qh $db
expect_exit 3
expect_err "a.csv:2: lỗi: 'Lê Minh Tuấn' (sinh 23/06/1968, #1) đã là người ứng cử 'qh' trong sổ với nguồn giới thiệu khác"
sed -i 's/^Lê,Minh,Tuấn,1968-06-23,nam,PN/Lê,Minh,Tuấn,1968-06-23,nam,UB/' "$T/a.csv"
ht candidate import "$T/a.csv" --body hdnd-tinh $db
expect_exit 3
expect_err "a.csv:3:6: lỗi: cột 'unit': không có đơn vị 'PN' giới thiệu cho 'hdnd-tinh'"
sed -i '3d' "$T/a.csv"
printf 'Tôn Nữ,Thị,Hà,12/05/1975,nữ,PN,"xã Bình Lâm, tỉnh Hòa Lâm",\n' >>"$T/a.csv"
ht candidate import "$T/a.csv" --body qh $db
expect_exit 0
expect_out "khớp 1 ứng cử đã có"
[ "$(sql "$T/p.db" "SELECT ho || '|' || ten_dem || '|' || hometown FROM person WHERE ten = 'Hà'")" = "Tôn Nữ|Thị|xã Bình Lâm, tỉnh Hòa Lâm" ] ||
	t_fail "separate name columns"
t_end

t_case "a person matched with other details: a warning, the book's data kept"
printf 'name,dob,sex,unit,occupation\nLê Minh Tuấn,23/06/1968,Nam,Tự ứng cử,Nông dân\n' >"$T/m.csv"
printf 'name,dob,sex,source,occupation\nlê minh  tuấn,1968-06-23,Nam,self,Kỹ sư\n' >"$T/m2.csv"
"$HT" init --config "$S/province/config.yaml" --db "$T/q.db" >/dev/null
ht candidate import "$T/m.csv" --body qh --db "$T/q.db"
expect_exit 0
ht candidate import "$T/m2.csv" --body hdnd-tinh --db "$T/q.db"
expect_exit 0
expect_out "m2.csv:2: 'Lê Minh Tuấn' (sinh 23/06/1968) đã có trong sổ (#1): khớp, thêm ứng cử 'hdnd-tinh'"
expect_err "m2.csv:2: cảnh báo: thông tin khác với dữ liệu đã có của #1 ở: Nghề nghiệp; giữ dữ liệu đã có"
[ "$(sql "$T/q.db" "SELECT count(*) || '|' || occupation FROM person")" = "1|Nông dân" ] || t_fail "person changed or duplicated"
t_end

t_case "text is NFC, without control characters, spacing collapsed"
nfd=$(printf 'Nguye\314\202\314\203n')
printf 'name,dob,sex,unit,hometown\n%s  Văn\tAn,1970,Nam,UB,"xã\001 An  Phú"\n' "$nfd" >"$T/n.csv"
ht candidate import "$T/n.csv" --body qh $db
expect_exit 0
[ "$(sql "$T/p.db" "SELECT ho || '|' || ten_dem || '|' || hometown FROM person WHERE ten = 'An'")" = "Nguyễn|Văn|xã An Phú" ] ||
	t_fail "not clean: $(sql "$T/p.db" "SELECT ho || '|' || hometown FROM person WHERE ten = 'An'" | od -c | head -3)"
[ "$(sql "$T/p.db" "SELECT ho = 'Nguyễn' FROM person WHERE ten = 'An'")" = 1 ] || t_fail "not NFC"
t_end

t_case "NFD input matches the NFC person already in the book"
printf 'name,dob,sex,unit\n%s Văn An,1970,Nam,UB\n' "$nfd" >"$T/n2.csv"
ht candidate import "$T/n2.csv" --body hdnd-tinh $db
expect_exit 0
expect_out "đã có trong sổ"
[ "$(sql "$T/p.db" "SELECT count(*) FROM person WHERE ten = 'An'")" = 1 ] || t_fail "duplicated"
t_end

t_case "every bad-input class is reported at its row and column; the book is unchanged"
dump "$T/before"
cat >"$T/bad.csv" <<CSV
STT,body,name,dob,sex,unit,dossier_at,party_date,stage
1,qh,Phạm Văn Một,31/02/1980,Nam,UB,,,
2,qh,Phạm Văn Hai,16/03/2026,Nam,UB,,,
3,qh,Phạm Văn Ba,16/03/2005,Nam,UB,,,

5,qh,Phạm Văn Năm,1980,Nam,NOPE,,,
6,qh,Phạm Văn Sáu,1980,Nam,UB,,,
7,qh,Phạm Văn Sáu,1980,Nam,PN,,,
8,qh,Phạm Văn Tám,1980,X,UB,,,
9,qh,Phạm Văn Chín,1980,Nam,UB,01/02/2026 17h61,,
10,qh,Mười,1980,Nam,UB,,,
11,qh,Phạm Văn Mười Một,1980,Nam,UB,,01/01/1970,
12,qh,Phạm Văn Mười Hai,1980,Nam,UB,,,chính thức nào đó
13,hdnd-xa,Phạm Văn Mười Ba,1980,Nam,UB,,,
14,qh,Phạm Văn Mười Bốn,,Nam,UB,,,
15,qh,Phạm Văn Mười Lăm,1980,Nam,,,,
CSV
ht candidate import "$T/bad.csv" $db
expect_exit 3
expect_err "bad.csv:2:4: lỗi: cột 'dob': ngày không tồn tại: '31/02/1980'"
expect_err "bad.csv:3:4: lỗi: cột 'dob': ngày sinh 16/03/2026 sau ngày bầu cử 15/03/2026"
expect_err "bad.csv:4: lỗi: ELIG-AGE [qh] 'Phạm Văn Ba': sinh 16/03/2005, 20 tuổi vào ngày bầu cử 15/03/2026; người ứng cử phải đủ 21 tuổi"
expect_err "bad.csv:6:6: lỗi: cột 'unit': không có đơn vị 'NOPE' giới thiệu cho 'qh'"
expect_err "bad.csv:8: lỗi: trùng với dòng 7: 'Phạm Văn Sáu' (sinh 1980) ứng cử 'qh' hai lần"
expect_err "bad.csv:9:5: lỗi: cột 'sex': giới tính 'X' không hợp lệ"
expect_err "bad.csv:10:7: lỗi: cột 'dossier_at': thời điểm nhận hồ sơ '01/02/2026 17h61': giờ không hợp lệ"
expect_err "bad.csv:11:3: lỗi: cột 'name': họ và tên 'Mười' cần ít nhất hai từ"
expect_err "bad.csv:12:8: lỗi: cột 'party_date': ngày vào Đảng trước ngày sinh"
expect_err "bad.csv:13:9: lỗi: cột 'stage': bước 'chính thức nào đó' không hợp lệ"
expect_err "bad.csv:14:2: lỗi: cột 'body': không có cơ quan dân cử 'hdnd-xa' trong sổ"
expect_err "bad.csv:15:4: lỗi: cột 'dob': thiếu 'Ngày, tháng, năm sinh'"
expect_err "bad.csv:16:6: lỗi: cột 'unit': thiếu đơn vị giới thiệu (ghi 'Tự ứng cử' nếu là người tự ứng cử)"
expect_err "bad.csv: 13 lỗi; không nhập gì, sổ không thay đổi"
expect_not_out "thêm"
dump "$T/after"
expect_same "$T/before" "$T/after"
t_end

t_case "an unknown column, a missing name column, missing dob and sex columns"
printf 'name,dob,sex,unit,email\nA B,1980,Nam,UB,a@b\n' >"$T/u.csv"
ht candidate import "$T/u.csv" --body qh $db
expect_exit 3
expect_err "u.csv:1:5: lỗi: cột không xác định 'email'"
printf 'ho,dob,sex,unit\nA,1980,Nam,UB\n' >"$T/u2.csv"
ht candidate import "$T/u2.csv" --body qh $db
expect_exit 3
expect_err "u2.csv:1: lỗi: thiếu cột 'Họ và tên' (hoặc ba cột 'Họ', 'Tên đệm', 'Tên')"
printf 'name,unit\nA B,UB\n' >"$T/u3.csv"
ht candidate import "$T/u3.csv" --body qh $db
expect_exit 3
expect_err "u3.csv:1: lỗi: thiếu cột 'Ngày, tháng, năm sinh' (hoặc 'dob')"
expect_err "u3.csv:1: lỗi: thiếu cột 'Giới tính' (hoặc 'sex')"
t_end

t_case "a full name that disagrees with the separate name columns"
printf 'name,ho,ten_dem,ten,dob,sex,unit\nTôn Nữ Thị Hà,Tôn,Nữ Thị,Hạ,1975,Nữ,PN\n' >"$T/s.csv"
ht candidate import "$T/s.csv" --body qh $db
expect_exit 3
expect_err "s.csv:2:1: lỗi: cột 'name': 'Tôn Nữ Thị Hà' khác với họ, tên đệm, tên ở các cột riêng ('Tôn Nữ Thị Hạ')"
t_end

t_case "no body for a row of a two-body book"
printf 'name,dob,sex,unit\nA B,1980,Nam,UB\n' >"$T/nb.csv"
ht candidate import "$T/nb.csv" $db
expect_exit 3
expect_err "nb.csv:2: lỗi: không rõ ứng cử cơ quan dân cử nào"
t_end

t_case "the CSV list goes back in: another book gets the same list"
ht candidate list --format csv $db
cut -d, -f2 --complement "$OUT" >"$T/list1"
cp "$OUT" "$T/round.csv"
"$HT" init --config "$S/province/config.yaml" --db "$T/r.db" >/dev/null
"$HT" unit list --format csv $db >"$T/units.csv"
"$HT" unit import "$T/units.csv" --db "$T/r.db" >/dev/null
ht candidate import "$T/round.csv" --db "$T/r.db"
expect_exit 0
ht candidate list --format csv --db "$T/r.db"
cut -d, -f2 --complement "$OUT" >"$T/list2"
expect_same "$T/list1" "$T/list2"
[ "$(wc -l <"$T/list1")" -gt 5 ] || t_fail "list too short"
t_end

t_case "a quoted field with a line break keeps its row number for the next rows"
printf 'name,dob,sex,unit,note\nA Bê,1980,Nam,UB,"dòng 1\ndòng 2"\nC Dê,1980,X,UB,\n' >"$T/q.csv"
ht candidate import "$T/q.csv" --body qh $db
expect_exit 3
expect_err "q.csv:3:3: lỗi: cột 'sex'"
t_end
