#!/bin/sh
# t3003: the forms of the demo as a chairman signs them (issue 14): the
# pages they ask Excel for, their titles and fixed text, what the book
# knows filled in, the right form for each meeting.  Every file the demo
# exports is read back with openpyxl (tests/xlsx_dump.py,
# tests/xlsx_pages.py); what LibreOffice prints is `make test-render`'s.
. "$TOP/tests/lib.sh"
DUMP="$PYTHON $TOP/tests/xlsx_dump.py"
PAGES="$PYTHON $TOP/tests/xlsx_pages.py"

run_demo
B=$T/repo/out/bieu-mau
X=$B/xa
P=$B/tinh
# dump FILE: the file's facts, once
dump() {
	[ -f "$1.txt" ] || $DUMP "$1" >"$1.txt"
	cat "$1.txt"
}
has() {
	dump "$1" | grep -qF -- "$2" || t_fail "$(basename "$1"): no '$2'"
}
hasnt() {
	dump "$1" | grep -qF -- "$2" && t_fail "$(basename "$1"): has '$2'"
}

t_case "every exported file keeps the page rules: the file's breaks, scale, headers, signatures"
$PAGES "$B"/*/*.xlsx >"$OUT" 2>"$ERR" || t_fail "$(head -n 5 "$OUT" | tr '\n' ';')"
[ "$(ls "$B"/*/*.xlsx | wc -l)" -ge 230 ] || t_fail "only $(ls "$B"/*/*.xlsx | wc -l) files"
grep -l "^breaks [0-9]" "$X"/*.xlsx >/dev/null 2>&1
n=0
for f in "$P"/05-*.xlsx "$P"/16-*.xlsx "$X"/01-BCDBHDND-MT_hdnd-xa_lan-1.xlsx; do
	dump "$f" | grep -q "^breaks [0-9]" && n=$((n + 1))
done
[ "$n" -ge 6 ] || t_fail "long forms without manual page breaks ($n)"
t_end

t_case "the page checks fail on a break that leaves the signature alone or a table without its header"
cp "$P/17-HDBC-QH_qh_dv-1.xlsx" "$T/bad17.xlsx"
"$PYTHON" - "$T/bad17.xlsx" <<'PY'
import sys, openpyxl
from openpyxl.worksheet.pagebreak import Break
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
sig = next(c.row for r in ws.iter_rows() for c in r if c.value == "TM. ỦY BAN BẦU CỬ")
data = next(c.row for r in ws.iter_rows() for c in r if c.column == 1 and c.value == 2)
ws.row_breaks.brk = [Break(id=sig - 1), Break(id=data - 1)]
wb.save(sys.argv[1])
PY
$PAGES "$T/bad17.xlsx" >"$OUT" 2>"$ERR" && t_fail "the page checks pass"
grep -q "signature block at row .* begins page" "$OUT" || t_fail "a signature alone on its page passes"
grep -q "goes on with a table (row .*) without its header" "$OUT" || t_fail "a table cut from its header passes"
t_end

t_case "17/HĐBC-QH and 22/HĐBC-HĐND: the signature with the lines that close the list"
for f in "$P"/17-HDBC-QH_qh_dv-*.xlsx "$X"/22-HDBC-HDND_hdnd-xa_dv-*.xlsx "$P"/tong-hop-HNCT_qh.xlsx; do
	"$PYTHON" - "$f" <<'PY' || t_fail "$(basename "$f"): a page break between the last row and the signature"
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]
breaks = [b.id for b in ws.row_breaks.brk] if ws.row_breaks else []
rows = {c.row for r in ws.iter_rows() for c in r if c.value not in (None, "")}
sig = max(c.row for r in ws.iter_rows() for c in r if c.value in ("TM. ỦY BAN BẦU CỬ", "TM. BAN THƯỜNG TRỰC"))
last = max(r for r in rows if r < sig - 1)
# the last data row of the list: the last bordered row above the signature
data = max(c.row for r in ws.iter_rows() for c in r if c.row < sig and c.border.left.style)
sys.exit(1 if any(min(data, last) <= b < sig + 4 for b in breaks) else 0)
PY
done
t_end

t_case "16/HĐBC-QH: a constituency's heading with its header and rows; a page going on with it repeats the heading"
f=$P/16-HDBC-QH_qh.xlsx
b=$(dump "$f" | sed -n 's/^breaks //p')
[ -n "$b" ] || t_fail "one page only"
for r in $b; do
	dump "$f" | grep -q "^cell A$((r + 1)) | [0-9]*\. Đơn vị bầu cử số [0-9]* (tiếp theo)" ||
		dump "$f" | grep -q "^cell A$((r + 1)) | [0-9]*\. Đơn vị bầu cử số [0-9]* (gồm" ||
		dump "$f" | grep -q "^cell A$((r + 1)) | Ghi chú:" || t_fail "page after row $r begins with neither a heading nor its continuation"
	dump "$f" | grep -q "^cell A$r | [0-9]*\. Đơn vị bầu cử số" && t_fail "page ends with a heading (row $r)"
done
t_end

t_case "04 and 05 of the councils print KHÓA in the title"
has "$X/04-BCDBHDND-MT_hdnd-xa_UBND.xlsx" "NHỮNG NGƯỜI ĐƯỢC GIỚI THIỆU ỨNG CỬ ĐẠI BIỂU HỘI ĐỒNG NHÂN DÂN XÃ TÂN HÒA LÂM KHÓA II NHIỆM KỲ 2026 - 2031"
has "$X/05-BCDBHDND-MT_hdnd-xa_lan-2.xlsx" "DANH SÁCH NHỮNG NGƯỜI ỨNG CỬ ĐẠI BIỂU HỘI ĐỒNG NHÂN DÂN XÃ TÂN HÒA LÂM KHÓA II NHIỆM KỲ 2026 - 2031"
has "$P/05-BCDBHDND-MT_hdnd-tinh_lan-3.xlsx" "ĐẠI BIỂU HỘI ĐỒNG NHÂN DÂN TỈNH HÒA LÂM KHÓA XI NHIỆM KỲ 2026 - 2031"
t_end

t_case "a filled value drops its footnote marker"
has "$X/02-HNCT_hdnd-xa_hoi-nghi-8.xlsx" "bằng hình thức bỏ phiếu kín |"
hasnt "$X/02-HNCT_hdnd-xa_hoi-nghi-8.xlsx" "bỏ phiếu kín (4)"
has "$P/16-HDBC-QH_qh.xlsx" "1. Đơn vị bầu cử số 1 (gồm xã An Phú, xã Bình Lâm"
hasnt "$P/16-HDBC-QH_qh.xlsx" "gồm(1)"
has "$X/22-HDBC-HDND_hdnd-xa_dv-3.xlsx" "| Gồm thôn Bãi Ngang, thôn Gò Mít |"
has "$X/22-HDBC-HDND_hdnd-xa_dv-3.xlsx" "Hội đồng nhân dân cấp xã trong danh sách này là: 5 người"
hasnt "$X/22-HDBC-HDND_hdnd-xa_dv-3.xlsx" "cấp(4)"
hasnt "$X/22-HDBC-HDND_hdnd-xa_dv-3.xlsx" "Gồm(2)"
t_end

t_case "date lines: the place, a comma, the date the book knows"
has "$X/07-PLYK_hdnd-xa_hoi-nghi-8.xlsx" "| Tân Hòa Lâm, ngày 04 tháng 02 năm 2026 |"
has "$X/22-HDBC-HDND_hdnd-xa_dv-3.xlsx" "| Tân Hòa Lâm, ngày 24 tháng 02 năm 2026 |"
has "$X/04-BCDBHDND-MT_hdnd-xa_HTX.xlsx" "| Tân Hòa Lâm, ngày 12 tháng 01 năm 2026 |"
has "$P/16-HDBC-QH_qh.xlsx" "| Hòa Lâm, ngày 15 tháng 02 năm 2026 |"
has "$P/tong-hop-HNCT_qh.xlsx" "| Hòa Lâm, ngày 12 tháng 02 năm 2026 |"
has "$P/thong-ke-co-cau_qh.xlsx" "| Hòa Lâm, ngày 24 tháng 02 năm 2026 |"
has "$P/17-HDBC-QH_qh_dv-1.xlsx" "(Theo Nghị quyết số 151/NQ-HĐBCQG ngày 24 tháng 02 năm 2026 của Hội đồng bầu cử quốc gia)"
for f in "$B"/*/*.xlsx; do
	dump "$f" | grep -q " , ngày" && t_fail "$(basename "$f"): a space before the comma of the date line"
done
t_end

t_case "residence forms: the commune in the header, the thôn and the body in the opening"
# the residence conferences are those with a 02/HNCT; their 06 and 07 too
for f in "$X"/02-HNCT_*.xlsx "$P"/02-HNCT_*.xlsx; do
	echo "$f" "$(echo "$f" | sed 's|/02-HNCT_|/06-BBKP_|')" "$(echo "$f" | sed 's|/02-HNCT_|/07-PLYK_|')"
done | tr ' ' '\n' >"$T/residence"
# (tổ dân phố Bến Đò's conference distributed ballots: 05/HNCT, t3004)
[ "$(wc -l <"$T/residence")" -eq $((35 * 3)) ] || t_fail "$(wc -l <"$T/residence") residence forms, expected 105"
"$PYTHON" - "$T/residence" >"$T/heads" <<'PY'
import sys, openpyxl
for path in open(sys.argv[1]).read().split():
    ws = openpyxl.load_workbook(path, read_only=True).worksheets[0]
    a2 = next(ws.iter_rows(min_row=2, max_row=2, max_col=1, values_only=True))[0]
    print(path.split("/")[-2], a2)
PY
grep -c "^xa XÃ TÂN HÒA LÂM$" "$T/heads" | grep -qx 24 || t_fail "commune forms: $(grep '^xa' "$T/heads" | sort | uniq -c | tr '\n' ';')"
grep -Ec "^tinh (XÃ|PHƯỜNG) " "$T/heads" | grep -qx 81 || t_fail "province forms: $(grep '^tinh' "$T/heads" | sort | uniq -c | tr '\n' ';')"
has "$X/02-HNCT_hdnd-xa_hoi-nghi-8.xlsx" "đã tiến hành hội nghị cử tri thôn Đông Sơn để nhận xét, bày tỏ sự tín nhiệm đối với người ứng cử đại biểu Hội đồng nhân dân xã Tân Hòa Lâm khóa II, nhiệm kỳ 2026 - 2031."
has "$P/02-HNCT_qh_hoi-nghi-7.xlsx" "đối với người ứng cử đại biểu Quốc hội khóa XVI."
hasnt "$P/02-HNCT_qh_hoi-nghi-7.xlsx" "hội nghị cử tri Nhà văn hóa"
hasnt "$P/02-HNCT_qh_hoi-nghi-7.xlsx" "Quốc hội/đại biểu"
t_end

t_case "01/HNCT (3): who the workplace conference heard, for which body"
has "$X/01-HNCT_hdnd-xa_hoi-nghi-5.xlsx" "đối với người của cơ quan, tổ chức, đơn vị người được giới thiệu ứng cử đại biểu Hội đồng nhân dân xã Tân Hòa Lâm khóa II, nhiệm kỳ 2026 - 2031"
hasnt "$X/01-HNCT_hdnd-xa_hoi-nghi-5.xlsx" "đơn vị đại biểu Hội đồng"
t_end

t_case "06/BBKP names the people voted on, the counting team, the witnesses and the ballots' times"
f=$X/06-BBKP_hdnd-xa_hoi-nghi-8.xlsx
has "$f" "đối với ông/bà Đặng Thị Minh Anh, Đỗ Thị Anh, Tạ Thị Diệp, Tô Thu Diệp ứng cử đại biểu Hội đồng nhân dân xã Tân Hòa Lâm"
has "$f" "| 1. Hồ Quang Thắng, Trưởng thôn Đông Sơn - Tổ trưởng. |"
has "$f" "| 5. Hoàng Đức Quân, cử tri thôn Đông Sơn - Thành viên. |"
has "$f" "| 2. Phạm Minh Long, cử tri thôn Đông Sơn |"
has "$f" "| - Thời gian phát phiếu: 09 giờ 10 |"
has "$f" "| - Thời hạn thu phiếu: 09 giờ 40 |"
dump "$f" | grep -q "^cell A[0-9]* | Hồ Quang Thắng | .* bold" || t_fail "the head's name under TRƯỞNG BAN KIỂM PHIẾU"
dump "$f" | grep -q "| Đỗ Đức Bình\\\\nPhạm Minh Long |" || t_fail "the witnesses' names under their caption"
hasnt "$f" "Ông (bà) ………"
t_end

t_case "07/PLYK: the body filled, no notes or markers on the ballot, boxes of one size"
f=$X/07-PLYK_hdnd-xa_hoi-nghi-8.xlsx
has "$f" "đối với người ứng cử đại biểu Hội đồng nhân dân xã Tân Hòa Lâm khóa II, nhiệm kỳ 2026 - 2031 có tên dưới đây"
has "$f" "kiểm phiếu tại hội nghị: |"
hasnt "$f" "khóa …"
hasnt "$f" "Ghi chú"
hasnt "$f" "PHIẾU LẤY Ý KIẾN (2)"
hasnt "$f" "Họ và tên (3)"
dump "$f" | sed -n 's/^cell A\([0-9]*\) | [0-9]* | .*border.*/\1/p' >"$T/rows"
[ "$(wc -l <"$T/rows")" -ge 3 ] || t_fail "no data rows"
for r in $(cat "$T/rows"); do dump "$f" | sed -n "s/^row $r height //p"; done | sort -u >"$T/heights"
[ "$(wc -l <"$T/heights")" -eq 1 ] || t_fail "rows of heights $(tr '\n' ' ' <"$T/heights")"
t_end

t_case "01/BCĐ: the purpose, who was there, the chair without 'ông (bà)', the place set off"
f=$X/01-BCDBHDND-MT_hdnd-xa_lan-1.xlsx
has "$f" "tại Hội trường Ủy ban Mặt trận Tổ quốc Việt Nam, Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam xã Tân Hòa Lâm"
has "$f" "| Thỏa thuận lần thứ nhất về cơ cấu, thành phần, số lượng người của cơ quan, tổ chức, đơn vị được giới thiệu ứng cử đại biểu Hội đồng nhân dân xã Tân Hòa Lâm khóa II, nhiệm kỳ 2026 - 2031. |"
has "$f" "| - Bà Mai Thị Thu Hà, Chủ tịch Hội Liên hiệp Phụ nữ xã |"
has "$f" "| - Đại diện Ủy ban bầu cử xã |"
has "$f" "| 2. Các đại biểu thảo luận, góp ý về dự kiến phân bổ. |"
has "$f" "| - Chủ trì cuộc họp: Nguyễn Thị Minh Tâm. Chức vụ: Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam xã Tân Hòa Lâm |"
hasnt "$f" "ông (bà)"
hasnt "$f" "(Ghi rõ mục đích"
t_end

t_case "a box the book cannot fill keeps the form's instruction and lines for the hand"
make_province_book
sqlite3 -bail "$T/p.db" <"$TOP/tests/data/people.sql" >/dev/null &&
	sqlite3 -bail "$T/p.db" <"$TOP/tests/data/province.sql" >/dev/null || t_fail "fixtures"
sqlite3 "$T/p.db" "UPDATE book SET rules_text = replace(rules_text, 'severity: error', 'severity: warning')"
ht export --db "$T/p.db" 01-bcdbhdnd-mt --round 2 -o "$T/01h.xlsx" --draft
expect_exit 0
$DUMP "$T/01h.xlsx" >"$T/01h.txt"
r=$(sed -n 's/^cell B\([0-9]*\) | (Ghi rõ mục đích.* box-top.*/\1/p' "$T/01h.txt")
[ -n "$r" ] || t_fail "the purpose's instruction is not the top of a box"
grep -q "^cell B$((r + 1)) | \.\.\.\.\.\.\.\.\.\.* | .*box-side" "$T/01h.txt" || t_fail "no dotted line in the box"
grep -q "^cell B$((r + 3)) | \.\.\.\.\.\.\.\.\.\.* | .*box-bottom" "$T/01h.txt" || t_fail "the box does not close"
grep -q "Chủ trì cuộc họp: ông (bà) …………………………….. Chức vụ:" "$T/01h.txt" || t_fail "the chair left for the hand"
t_end

t_case "what the book does not know keeps its footnote marker"
cp "$T/p.db" "$T/q.db"
sql_write "$T/q.db" "UPDATE conference SET vote_method = NULL WHERE id = 7"
ht export --db "$T/q.db" 02-hnct --conference 7 -o "$T/02.xlsx" --draft
expect_exit 0
$DUMP "$T/02.xlsx" | grep -q "bằng hình thức ………………………… (4) |" || t_fail "(4) lost with the dots"
t_end

t_case "a thôn's list is signed by the chair of its voter conference, without a seal"
f=$X/04-BCDBHDND-MT_hdnd-xa_T-EATIEU.xlsx
has "$f" "| CHỦ TRÌ HỘI NGHỊ |"
has "$f" "| (Ký tên) |"
has "$f" "| Y Khuê Mlô |"
hasnt "$f" "đóng dấu"
hasnt "$f" "LÃNH ĐẠO CƠ QUAN"
has "$X/04-BCDBHDND-MT_hdnd-xa_HTX.xlsx" "| LÃNH ĐẠO CƠ QUAN/TỔ CHỨC/ĐƠN VỊ |"
has "$X/04-BCDBHDND-MT_hdnd-xa_HTX.xlsx" "| Phan Văn Khải |"
t_end

t_case "the form belongs to the meeting: no 06/BBKP for an expanded-leadership ballot"
id=$(sql "$T/repo/out/xa.db" "SELECT id FROM conference WHERE kind = 'expanded_leadership'")
[ -n "$id" ] || t_fail "the demo has no expanded-leadership meeting"
[ -e "$X/06-BBKP_hdnd-xa_hoi-nghi-$id.xlsx" ] && t_fail "06/BBKP written for it"
ht export --db "$T/repo/out/xa.db" 06-bbkp --conference "$id" -o "$T/06.xlsx"
expect_exit 3
expect_err "hội nghị số $id là hội nghị ban lãnh đạo mở rộng giới thiệu người ứng cử, họp trực tiếp, biểu quyết bằng bỏ phiếu kín"
expect_no_file "$T/06.xlsx"
t_end

t_case "fonts: the workbook's Normal style and the footer in Times New Roman"
for f in "$X/01-BCDBHDND-MT_hdnd-xa_lan-1.xlsx" "$P/17-HDBC-QH_qh_dv-1.xlsx"; do
	has "$f" "normal_font Times New Roman"
	dump "$f" | grep -q "^footer_font Times New Roman,Regular 1[23]" || t_fail "$(basename "$f"): footer font"
done
t_end

t_case "thong-ke and tong-hop: dated and signed; shares are numbers; national targets not judged"
f=$P/thong-ke-co-cau_qh.xlsx
has "$f" "| TM. BAN THƯỜNG TRỰC |"
has "$f" "| Nguyễn Thị Minh Tâm |"
dump "$f" | grep -q "^cell D13 | 0\.47[0-9]* | .*format=\[\$-42A\]0.00%" || t_fail "women's share not a number shown as a percentage"
has "$f" "| Cả nước: từ 35% trở lên (*) |"
dump "$f" | grep -q "^cell F1[34] | " && t_fail "a national target judged on one province's list"
has "$f" "(*) Chỉ tiêu tính trên danh sách chính thức của cả nước"
g=$X/thong-ke-co-cau_hdnd-xa.xlsx
has "$g" "| Từ 35% trở lên |"
dump "$g" | grep -Eq "^cell F13 \| (Đạt|Chưa đạt) \|" || t_fail "a council's own target not judged"
hasnt "$g" "Cả nước"
has "$P/tong-hop-HNCT_qh.xlsx" "| TM. BAN THƯỜNG TRỰC |"
t_end
