#!/bin/sh
# t1010: the imports read Excel workbooks (.xlsx) by their content: every
# kind of cell, titles above a two-row header, merged cells, errors named by
# sheet and cell, --sheet, standard input, all-or-nothing.  The workbooks
# are made part by part by tests/xlsx_make.py, or by openpyxl as a program
# would write them.
. "$TOP/tests/lib.sh"

make_province_book
B="$T/p.db"
X="$PYTHON $TOP/tests/xlsx_make.py"
"$HT" unit import "$S/province/units.csv" --db "$B" >/dev/null 2>&1 || {
	echo "FAIL $SCRIPT:setup: the sample units do not import"; exit 1; }
dump() { sqlite3 "$B" .dump >"$1"; }

t_case "every kind of cell: shared, inline and rich strings, serial dates, formulas, merged cells, two-row header"
$X cells "$T/cells.xlsx"
cp "$B" "$T/c.db"
ht candidate import "$T/cells.xlsx" --body qh --db "$T/c.db"
expect_exit 0
expect_out "cells.xlsx: thêm 2 ứng cử (2 người mới, 0 người đã có trong sổ)"
sql "$T/c.db" "SELECT p.ho, p.ten_dem, p.ten, p.dob, p.sex, p.edu_general, p.edu_professional,
	coalesce(p.party_date, '-'), u.code, c.note FROM person p JOIN candidacy c ON c.person_id = p.id
	JOIN unit u ON u.id = c.unit_id ORDER BY p.id" >"$T/got"
cat >"$T/want" <<'EOF'
Nguyễn|Thị|Lan|1980-08-26|nu|12/12|Cử nhân Luật|2006-01-01|UBND|Khóa XV
Trần|Văn|Bình|1979-10-24|nam|12/12|Kỹ sư Xây dựng|-|UBND|12.5
EOF
cmp -s "$T/got" "$T/want" || t_fail "the book holds: $(cat "$T/got")"
t_end

t_case "an error is named by file, sheet and cell; nothing is imported"
"$PYTHON" - "$T/cells.xlsx" "$T/bad-sex.xlsx" <<'PY'
import sys, zipfile
src, dst = zipfile.ZipFile(sys.argv[1]), zipfile.ZipFile(sys.argv[2], 'w', zipfile.ZIP_DEFLATED)
for i in src.infolist():
    d = src.read(i.filename)
    if i.filename == 'xl/worksheets/sheet1.xml':
        d = d.replace('<t>Nam</t>'.encode(), '<t>Không rõ</t>'.encode())
    dst.writestr(i, d)
dst.close()
PY
dump "$T/before"
ht candidate import "$T/bad-sex.xlsx" --body qh --db "$B"
expect_exit 3
expect_err "bad-sex.xlsx: Mẫu 04!D6: lỗi: cột 'Giới tính': giới tính 'Không rõ' không hợp lệ (ghi Nam hoặc Nữ)"
expect_err "bad-sex.xlsx: 1 lỗi; không nhập gì, sổ không thay đổi"
dump "$T/after"
expect_same "$T/before" "$T/after"
t_end

t_case "#N/A and a formula without a cached value are errors at their cells"
$X cells-bad "$T/cells-bad.xlsx"
ht unit import "$T/cells-bad.xlsx" --body qh --db "$B"
expect_exit 3
expect_err "cells-bad.xlsx: Đơn vị!B2: lỗi: ô có giá trị lỗi #N/A"
expect_err "cells-bad.xlsx: Đơn vị!C3: lỗi: công thức chưa có giá trị đã tính"
dump "$T/after"
expect_same "$T/before" "$T/after"
t_end

# A workbook as openpyxl writes it: shared strings, dates as datetime cells
# under a date format, numbers as numbers, two sheets.
"$PYTHON" - "$S/province/allocations.csv" "$T/alloc.xlsx" <<'PY'
import sys, csv, datetime, openpyxl
text = open(sys.argv[1], encoding='utf-8-sig').read()
rows = list(csv.reader(text.splitlines(), delimiter=';' if text.count(';') > text.count(',') else ','))
wb = openpyxl.Workbook()
first = wb.active
first.title = 'Ghi chú'
first['A1'] = 'Trang này không phải bảng phân bổ'
ws = wb.create_sheet('Phân bổ')
ws.append(['BẢNG PHÂN BỔ SỐ LƯỢNG, CƠ CẤU'])
ws.merge_cells('A1:F1')
ws.append([])
hdr = rows[0]
ws.append(hdr)
for r in rows[1:]:
    out = []
    for h, v in zip(hdr, r):
        if v.isdigit():
            out.append(int(v))
        elif h in ('decided_on',) and v:
            y, m, d = v.split('-')
            out.append(datetime.datetime(int(y), int(m), int(d)))
        else:
            out.append(v)
    ws.append(out)
for row in ws.iter_rows(min_row=4):
    for c in row:
        if isinstance(c.value, datetime.datetime):
            c.number_format = 'dd/mm/yyyy'
wb.save(sys.argv[2])
PY

t_case "--sheet by name and by number; the first sheet is the default"
ht alloc import "$T/alloc.xlsx" --db "$B"
expect_exit 3
expect_err "alloc.xlsx: Ghi chú"
cp "$B" "$T/a.db"
ht alloc import "$T/alloc.xlsx" --sheet "phân bổ" --db "$T/a.db"
expect_exit 0
expect_out "alloc.xlsx: thêm"
cp "$B" "$T/b.db"
ht alloc import "$S/province/allocations.csv" --db "$T/b.db"
expect_exit 0
[ "$(sqlite3 "$T/a.db" 'SELECT * FROM allocation ORDER BY id')" = "$(sqlite3 "$T/b.db" 'SELECT * FROM allocation ORDER BY id')" ] ||
	t_fail "the workbook and the CSV file gave different allocations"
cp "$B" "$T/a2.db"
ht alloc import "$T/alloc.xlsx" --sheet 2 --db "$T/a2.db"
expect_exit 0
ht alloc import "$T/alloc.xlsx" --sheet 3 --db "$T/a2.db"
expect_exit 3
expect_err "không có trang tính '3' (các trang: 1 'Ghi chú', 2 'Phân bổ')"
t_end

t_case "a workbook on standard input ('-'), recorded by its SHA-256"
cp "$B" "$T/s.db"
"$HT" alloc import - --sheet 2 --db "$T/s.db" <"$T/alloc.xlsx" >"$OUT" 2>"$ERR"
RC=$?
expect_exit 0
sum=$(sha256sum "$T/alloc.xlsx" | cut -c1-64)
"$HT" audit log --db "$T/s.db" >"$OUT" 2>&1
expect_out "$sum"
cat "$T/alloc.xlsx" | "$HT" alloc import - --sheet 2 --db "$T/s.db" >"$OUT" 2>"$ERR"
RC=$?
expect_exit 0
expect_out "(đầu vào chuẩn): thêm 0 phân bổ, khớp"
t_end

t_case "a date in the 1904 date system"
"$PYTHON" - "$T/d1904.xlsx" <<'PY'
import sys, datetime, openpyxl
wb = openpyxl.Workbook()
wb.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
ws = wb.active
ws.append(['Đơn vị', 'Số lượng', 'Ngày quyết định'])
ws.append(['TU', 3, datetime.datetime(2025, 12, 5)])
ws['C2'].number_format = 'dd/mm/yyyy'
wb.save(sys.argv[1])
PY
# (python's zipfile: a fresh machine has no unzip)
"$PYTHON" -c 'import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read("xl/workbook.xml").decode())' \
	"$T/d1904.xlsx" | grep -q 'date1904="1"' || t_fail "the fixture is not in the 1904 system"
cp "$B" "$T/d.db"
ht alloc import "$T/d1904.xlsx" --body qh --db "$T/d.db"
expect_exit 0
[ "$(sql "$T/d.db" "SELECT decided_on FROM allocation")" = 2025-12-05 ] ||
	t_fail "decided on $(sql "$T/d.db" "SELECT decided_on FROM allocation")"
t_end

t_case "a CSV file as a form prints it: a title row, a two-row header, a row of column numbers"
cat >"$T/form.csv" <<'CSV'
DANH SÁCH NGƯỜI ỨNG CỬ;;;;;;
;;;;;;
STT;Họ và tên (2);Ngày, tháng, năm sinh;Giới tính;Trình độ;;Đơn vị giới thiệu
;;;;Giáo dục phổ thông;Chuyên môn, nghiệp vụ;
(1);(2);(3);(4);(5);(6);(7)
1;Nguyễn Văn Tám;01/02/1970;Nam;12/12;Kỹ sư;UBND
CSV
cp "$B" "$T/f.db"
ht candidate import "$T/form.csv" --body qh --db "$T/f.db"
expect_exit 0
expect_out "form.csv: thêm 1 ứng cử"
[ "$(sql "$T/f.db" "SELECT edu_general || '|' || edu_professional FROM person")" = "12/12|Kỹ sư" ] ||
	t_fail "the sub-columns: $(sql "$T/f.db" "SELECT edu_general || '|' || edu_professional FROM person")"
t_end
