#!/bin/sh
# t3000: export of the official forms to .xlsx, read back with openpyxl.
. "$TOP/tests/lib.sh"
DUMP="$PYTHON $TOP/tests/xlsx_dump.py"

make_province_book
sqlite3 -bail "$T/p.db" <"$TOP/tests/data/people.sql" >/dev/null &&
	sqlite3 -bail "$T/p.db" <"$TOP/tests/data/province.sql" >/dev/null || {
	echo "FAIL $SCRIPT:setup: fixtures"; exit 1; }
# The fixture is a partial book (one council constituency filled, a late
# answer): it breaks the law, and the real gate would refuse it.  These
# tests are about what the forms carry, so the book's pack is relaxed to
# warnings; the gate itself is tested on an untouched pack (t3001 "the
# gate stops an export", t2xxx).
sqlite3 "$T/p.db" "UPDATE book SET rules_text = replace(rules_text, 'severity: error', 'severity: warning')"
# A final export locks lists and so writes to the book: record the set-up.
"$HT" audit accept --reason "test set-up" --db "$T/p.db" >/dev/null 2>&1

# Names of the data rows of a list, in sheet order (column B from row $2
# on; the header rows repeated on each page left out).
names() {
	$DUMP "$1" | sed -n 's/^cell B\([0-9]*\) | \([^|]*\) | .*/\1 \2/p' | awk -v from="$2" '$1 >= from { $1 = ""; sub(/^ /, ""); print }' |
		grep -v '^Họ và tên'
}

t_case "export --list shows every template with its selectors"
ht export --db "$T/p.db" --list
expect_exit 0
expect_out "05-bcdbqh-mt"
expect_out "17-hdbc-qh"
expect_out "[--body --constituency]"
# one line per template (with a book, a meeting's form has its meetings below, indented: t3004)
[ "$(grep -c '^[^ ]' "$OUT")" -eq "$(ls "$TOP"/templates/*.yaml | wc -l)" ] || t_fail "one line per template"
# the titles start in one column, counted in characters ("Đ" is two bytes)
"$PYTHON" -c '
import sys
cols = {len(l[:l.index(" Biên") if " Biên" in l else l.index(" Danh")]) for l in open(sys.argv[1], encoding="utf-8") if l[0] != " " and (" Biên" in l or " Danh" in l)}
assert len(cols) == 1, cols' "$OUT" 2>>"$ERR" || t_fail "the columns are not aligned"
t_end

t_case "05/BCĐBQH-MT of round 2: A4 landscape, scaled to the width, header rows on every page, the form's columns"
ht export --db "$T/p.db" 05-bcdbqh-mt --round 2 -o "$T/05.xlsx"
expect_exit 0
expect_out "đã ghi"
$DUMP "$T/05.xlsx" >"$T/05.txt"
grep -q "^page paper=9 orientation=landscape .*fitToPage=None" "$T/05.txt" || t_fail "print setup: no fit to page"
scale=$(sed -n 's/^scale //p' "$T/05.txt")
[ "$scale" -ge 60 ] && [ "$scale" -le 90 ] || t_fail "print scale '$scale' (LibreOffice's width of the grid on A4)"
breaks=$(sed -n 's/^breaks //p' "$T/05.txt")
[ -n "$breaks" ] || t_fail "no manual page breaks"
for b in $breaks; do
	grep -q "^cell A$((b + 1)) | STT " "$T/05.txt" || t_fail "page after row $b does not begin with the header"
	grep -q "^merge A$((b + 1)):A$((b + 2))" "$T/05.txt" || t_fail "header after row $b has one row"
	grep -q "^cell A$((b + 3)) | [0-9]* " "$T/05.txt" || t_fail "no data row under the header after row $b"
done
grep -q "^repeat_rows None" "$T/05.txt" || t_fail "headers are written on each page, not Excel's rows to repeat"
grep -q "^footer Trang &P/&N" "$T/05.txt" || t_fail "page numbers"
grep -q "^footer_font Times New Roman,Regular 12" "$T/05.txt" || t_fail "footer in the form's font"
grep -q "^cell J11 | Trình độ | Times New Roman 10 bold center wrap border" "$T/05.txt" || t_fail "group heading"
grep -q "^merge J11:N11" "$T/05.txt" || t_fail "Trình độ spans five columns"
grep -q "^merge A11:A12" "$T/05.txt" || t_fail "STT spans both header rows"
grep -q "^cell T11 | Ghi chú " "$T/05.txt" || t_fail "20 columns"
grep -q "^cell N12 | Ngoại ngữ " "$T/05.txt" || t_fail "fifth column of Trình độ"
grep -q "^cell A2 | ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM | Times New Roman 12 bold" "$T/05.txt" || t_fail "issuing body"
grep -q "^cell A3 | TỈNH HÒA LÂM " "$T/05.txt" || t_fail "committee filled in upper case"
grep -q "^cell H2 | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM " "$T/05.txt" || t_fail "national motto"
grep -q "Hòa Lâm, ngày 02 tháng 02 năm 2026 | Times New Roman 12 italic" "$T/05.txt" || t_fail "date line"
grep -q "(Kèm theo biên bản Hội nghị hiệp thương lần thứ hai của Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Hòa Lâm)" "$T/05.txt" ||
	t_fail "subtitle"
grep -q "(2) Tên xếp theo vần chữ cái A, B, C..." "$T/05.txt" || t_fail "notes"
want=$(sql "$T/p.db" "SELECT count(*) FROM candidacy WHERE body_id = 1 AND stage IN ('preliminary', 'qualified', 'official')")
got=$(names "$T/05.xlsx" 13 | grep -c .)
[ "$got" -ge "$want" ] || t_fail "round 2 lists $got people, the book has $want"
t_end

t_case "round 3's list leaves out those dropped before round 3"
ht export --db "$T/p.db" 05-bcdbqh-mt --round 3 -o "$T/05b.xlsx"
expect_exit 0
names "$T/05b.xlsx" 13 | grep -q "Cao Văn Bình" && t_fail "dropped at the residence conference"
names "$T/05.xlsx" 13 | grep -q "Cao Văn Bình" || t_fail "round 2 had him"
t_end

t_case "17/HĐBC-QH: the official list in official name order, totals filled"
ht export --db "$T/p.db" 17-hdbc-qh --constituency 1 -o "$T/17.xlsx"
expect_exit 0
names "$T/17.xlsx" 12 | head -n 5 >"$T/order"
printf '%s\n' "Vũ Đức Anh" "Trần Minh Hoan" "Lê Văn Hòa" "Đỗ Thị Thanh" "Phạm Văn Thái" >"$T/want"
cmp -s "$T/order" "$T/want" || t_fail "order: $(tr '\n' ',' <"$T/order") (Anh < Hoan < Hòa < Thanh < Thái)"
$DUMP "$T/17.xlsx" >"$T/17.txt"
n=$(sql "$T/p.db" "SELECT count(*) FROM candidacy WHERE constituency_id = 1 AND stage = 'official' AND status = 'active'")
grep -q "Tổng số người ứng cử đại biểu Quốc hội trong danh sách này là: $n người;" "$T/17.txt" || t_fail "total"
grep -q "Số đại biểu Quốc hội được bầu: 3 người." "$T/17.txt" || t_fail "seats"
grep -q "Ở ĐƠN VỊ BẦU CỬ SỐ 1" "$T/17.txt" || t_fail "constituency number"
grep -q "GỒM XÃ AN PHÚ, XÃ BÌNH LÂM" "$T/17.txt" || t_fail "communes of the constituency"
grep -q "cell A2 | ỦY BAN BẦU CỬ" "$T/17.txt" || t_fail "issuing body of NQ40 forms"
t_end

t_case "D before Đ, Hạnh before Hằng (constituency 2)"
ht export --db "$T/p.db" 17-hdbc-qh --constituency 2 -o "$T/17b.xlsx"
names "$T/17b.xlsx" 12 | head -n 5 | tr '\n' ',' >"$T/order"
[ "$(cat "$T/order")" = "Nguyễn Văn Dũng,Trịnh Văn Đạt,Đinh Thị Hạnh,Lý Thị Hằng,Mai Văn Tuấn," ] || t_fail "order: $(cat "$T/order")"
t_end

t_case "minutes of round 1 carry the allocation table and its totals"
ht export --db "$T/p.db" 01-bcdbqh-mt --round 1 -o "$T/01.xlsx"
expect_exit 0
$DUMP "$T/01.xlsx" >"$T/01.txt"
total=$(sql "$T/p.db" "SELECT sum(count) FROM allocation a JOIN unit u ON u.id = a.unit_id WHERE u.body_id = 1 AND version = 1")
women=$(sql "$T/p.db" "SELECT sum(women) FROM allocation a JOIN unit u ON u.id = a.unit_id WHERE u.body_id = 1 AND version = 1")
row=$(sed -n 's/^cell A\([0-9]*\) | Tổng cộng .*/\1/p' "$T/01.txt")
[ -n "$row" ] || t_fail "no totals row"
grep -q "^cell C$row | $total | " "$T/01.txt" || t_fail "total $total"
grep -q "^cell D$row | $women | " "$T/01.txt" || t_fail "women $women"
grep -q "LẦN THỨ NHẤT" "$T/01.txt" || t_fail "round in the title"
grep -q "Hồi 08 giờ 00, ngày 05 tháng 12 năm 2025, Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Hòa Lâm" "$T/01.txt" ||
	t_fail "opening sentence"
grep -q "^page paper=9 orientation=portrait" "$T/01.txt" || t_fail "portrait A4"
grep -q "ỦY BAN MTTQ VN TỈNH HÒA LÂM" "$T/01.txt" || t_fail "signature block filled"
t_end

t_case "what the book does not know stays the form's dotted fill-in"
ht export --db "$T/p.db" 01-bcdbhdnd-mt --round 2 -o "$T/01h.xlsx"
expect_exit 0
$DUMP "$T/01h.xlsx" >"$T/01h.txt"
grep -q "ngày 03 tháng 02 năm 2026 tại (3) ………., Ban Thường trực" "$T/01h.txt" || t_fail "place left dotted"
grep -q "Chủ trì cuộc họp: ông (bà) …………………………….. Chức vụ:" "$T/01h.txt" || t_fail "chair left dotted"
grep -q "(Ghi diễn biến hội nghị với từng nội dung)" "$T/01h.txt" || t_fail "box keeps the form's instruction"
t_end

t_case "counting minutes: ballots and percentages (two decimals, decimal comma)"
ht export --db "$T/p.db" 06-bbkp --conference 6 -o "$T/06.xlsx"
expect_exit 0
$DUMP "$T/06.xlsx" >"$T/06.txt"
grep -q "Số phiếu thu về: 108 phiếu, chiếm tỷ lệ 98,18%" "$T/06.txt" || t_fail "108 of 110"
grep -q "Số phiếu không hợp lệ: 2 phiếu, chiếm tỷ lệ 1,85%" "$T/06.txt" || t_fail "2 of 108"
grep -q "(1) Lý Thị Hằng: 100 phiếu tín nhiệm / 110 cử tri có mặt (90,91%)" "$T/06.txt" || t_fail "per-person result"
t_end

t_case "a form refuses a conference of the wrong kind"
ht export --db "$T/p.db" 06-bbkp --conference 7 -o "$T/06b.xlsx"
expect_exit 3
expect_err "mẫu '06-bbkp' không dùng được cho lựa chọn này: mẫu chỉ dành cho hội nghị cử tri nơi công tác, hội nghị cử tri nơi cư trú hoặc hội nghị cử tri thôn, tổ dân phố giới thiệu người ứng cử, biểu quyết bằng bỏ phiếu kín; hội nghị số 7 là hội nghị cử tri nơi cư trú, họp trực tiếp, biểu quyết bằng giơ tay"
expect_no_file "$T/06b.xlsx"
ht export --db "$T/p.db" 07-plyk --conference 7 -o "$T/07b.xlsx"
expect_exit 3
expect_err "hội nghị số 7 là hội nghị cử tri nơi cư trú, họp trực tiếp, biểu quyết bằng giơ tay"
expect_no_file "$T/07b.xlsx"
t_end

t_case "the ballot lists the people of the conference in official order"
ht export --db "$T/p.db" 07-plyk --conference 6 -o "$T/07.xlsx"
expect_exit 0
$DUMP "$T/07.xlsx" | grep -q "cell B[0-9]* | Họ và tên | " || t_fail "column head"
names "$T/07.xlsx" 1 | tr '\n' ',' | grep -q "^Lý Thị Hằng,Hà Văn Nam,Tạ Thị Yến,$" || t_fail "order: $(names "$T/07.xlsx" 1 | tr '\n' ',')"
t_end

t_case "the same book gives a byte-identical file"
ht export --db "$T/p.db" 05-bcdbqh-mt --round 2 -o "$T/05again.xlsx"
expect_exit 0
expect_same "$T/05.xlsx" "$T/05again.xlsx"
grep -q "^created $(sql "$T/p.db" "SELECT substr(created_at, 1, 19) FROM book")" "$T/05.txt" || t_fail "creation time is the book's"
t_end

t_case "structure statistics against the rule pack's targets"
ht export --db "$T/p.db" thong-ke-co-cau --body hdnd-tinh -o "$T/tk.xlsx"
expect_exit 0
$DUMP "$T/tk.xlsx" >"$T/tk.txt"
women=$(sql "$T/p.db" "SELECT count(*) FROM candidacy k JOIN person p ON p.id = k.person_id WHERE k.body_id = 2 AND k.stage = 'official' AND k.status = 'active' AND p.sex = 'nu'")
grep -q "| Phụ nữ |" "$T/tk.txt" || t_fail "women row"
row=$(sed -n 's/^cell B\([0-9]*\) | Phụ nữ .*/\1/p' "$T/tk.txt")
grep -q "^cell C$row | $women |" "$T/tk.txt" || t_fail "women count $women"
grep -q "^cell E$row | Từ 35% trở lên" "$T/tk.txt" || t_fail "target from the pack"
t_end

t_case "export all writes every form the book can fill"
ht export --db "$T/p.db" all -o "$T/all"
expect_exit 0
n=$(ls "$T/all" | grep -c '\.xlsx$')
expect_out "$n tệp trong"
[ "$n" -ge 25 ] || t_fail "only $n files"
[ -f "$T/all/17-HDBC-QH_qh_dv-3.xlsx" ] || t_fail "one official list per constituency"
[ -f "$T/all/22-HDBC-HDND_hdnd-tinh_dv-1.xlsx" ] || t_fail "council official list"
ls "$T/all" | grep -q 'tmp' && t_fail "temporary file left"
t_end

t_case "export all shows its progress on a terminal (forced), and only there"
HIEPTHUONG_PROGRESS=1 "$HT" export --db "$T/p.db" all --draft -o "$T/all2" >"$OUT" 2>"$ERR"
RC=$?
expect_exit 0
n=$(ls "$T/all2" | grep -c '\.xlsx$')
tr '\r' '\n' <"$ERR" | grep -q "^xuất biểu mẫu: [0-9]*/[0-9]*\$" || t_fail "no progress line"
tr '\r' '\n' <"$ERR" | grep -q "^xuất biểu mẫu: \([0-9]*\)/\1\$" || t_fail "no final line"
grep -q "xuất biểu mẫu" "$OUT" && t_fail "progress on stdout"
"$HT" export --db "$T/p.db" all --draft -o "$T/all3" >"$OUT" 2>"$ERR"
grep -q "xuất biểu mẫu" "$ERR" && t_fail "progress although not asked"
t_end

t_case "the term and the NA khóa in titles come from the book, not the template"
cp "$T/p.db" "$T/old.db"
sql_write "$T/old.db" "UPDATE election SET term = '2021-2026', na_khoa = 'XV'"
ht export --db "$T/old.db" 05-bcdbqh-mt --round 2 -o "$T/old05.xlsx" --draft
expect_exit 0
$DUMP "$T/old05.xlsx" >"$T/old05.txt"
grep -q "ĐẠI BIỂU QUỐC HỘI KHÓA XV\b" "$T/old05.txt" || t_fail "NA khóa not from the book"
grep -q "KHÓA XVI" "$T/old05.txt" && t_fail "the 2026 khóa is still printed"
ht export --db "$T/old.db" 22-hdbc-hdnd --constituency 1 -o "$T/old22.xlsx" --draft
expect_exit 0
$DUMP "$T/old22.xlsx" | grep -q "NHIỆM KỲ 2021-2026" || t_fail "term not from the book"
$DUMP "$T/old22.xlsx" | grep -q "2026-2031" && t_fail "the 2026 term is still printed"
t_end
