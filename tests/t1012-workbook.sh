#!/bin/sh
# t1012: entry workbooks (hiepthuong workbook KIND): what a clerk gets
# (frozen Vietnamese headers, input messages, drop-downs from the book, the
# law and config/lists/, date and number formats, an instruction sheet), and
# both round trips, filled by openpyxl as a clerk fills Excel: a blank
# workbook filled and imported, and a pre-filled one with two cells changed
# that changes exactly those two fields, every change in the audit trail.
. "$TOP/tests/lib.sh"

make_province_book
B="$T/p.db"
"$HT" unit import "$S/province/units.csv" --db "$B" >/dev/null 2>&1 &&
	"$HT" alloc import "$S/province/allocations.csv" --db "$B" >/dev/null 2>&1 || {
	echo "FAIL $SCRIPT:setup: the sample units do not import"; exit 1; }

t_case "workbook --help, and its usage errors"
ht workbook --help
expect_exit 0
expect_out "hiepthuong workbook unit|alloc|candidate|voters|decide -o TỆP.xlsx"
ht workbook people -o "$T/x.xlsx" --db "$B"
expect_exit 2
expect_err "không có loại sổ 'people'"
ht workbook candidate --db "$B"
expect_exit 2
expect_err "thiếu -o TỆP.xlsx"
# an existing file may be a clerk's filled workbook: only with --force
echo "bảng tính của tôi" >"$T/mine.xlsx"
ht workbook candidate -o "$T/mine.xlsx" --db "$B"
expect_exit 3
expect_err "đã có; không ghi đè"
[ "$(cat "$T/mine.xlsx")" = "bảng tính của tôi" ] || t_fail "the clerk's file was replaced"
ht workbook candidate -o "$T/mine.xlsx" --force --db "$B"
expect_exit 0
t_end

t_case "a candidate workbook: headers, messages, drop-downs, formats, instructions"
ht workbook candidate -o "$T/w.xlsx" --db "$B"
expect_exit 0
expect_out "w.xlsx: sổ nhập liệu người được giới thiệu và người tự ứng cử"
expect_owner_only "$T/w.xlsx"
"$PYTHON" - "$T/w.xlsx" >"$T/facts" <<'PY'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
print('sheets', '|'.join(ws.title for ws in wb.worksheets))
print('hidden', wb['Danh mục'].sheet_state)
ws = wb.worksheets[0]
print('freeze', ws.freeze_panes)
hdr = [c.value for c in ws[1]]
print('headers', '|'.join(hdr))
col = {h: i + 1 for i, h in enumerate(hdr)}
lists = wb['Danh mục']
names = {c.value: c.column_letter for c in lists[1]}
def values(letter):
    return [c.value for c in lists[letter][1:] if c.value is not None]
for dv in ws.data_validations.dataValidation:
    for rng in str(dv.sqref).split():
        first = openpyxl.utils.cell.range_boundaries(rng)
        h = hdr[first[0] - 1]
        if first[1] == 1:
            print('prompt', h, '|', dv.prompt)
        elif dv.type == 'list':
            letter = dv.formula1.split('!$')[1].split('$')[0]
            print('list', h, dv.errorStyle or 'stop', len(values(letter)), '|'.join(values(letter)[:3]))
        else:
            print('check', h, dv.type, dv.operator or 'between', dv.errorStyle or 'stop')
letter = openpyxl.utils.get_column_letter
print('format dob', ws.column_dimensions[letter(col['Ngày, tháng, năm sinh'])].number_format)
print('format dossier', ws.column_dimensions[letter(col['Thời điểm nhận hồ sơ'])].number_format)
print('help', wb['Hướng dẫn']['A1'].value)
print('help-import', [c.value for c in wb['Hướng dẫn']['A'] if c.value and 'candidate import' in c.value])
PY
cat >"$T/want" <<'EOF'
sheets Người ứng cử|Hướng dẫn|Danh mục
hidden hidden
freeze A2
EOF
head -3 "$T/facts" | cmp -s - "$T/want" || t_fail "sheets: $(head -3 "$T/facts")"
grep -q '^headers Cơ quan dân cử|Họ|Tên đệm|Tên|Tên gọi khác|Ngày, tháng, năm sinh|Giới tính|Quốc tịch|Dân tộc|' "$T/facts" ||
	t_fail "headers: $(grep headers "$T/facts")"
grep -q '^prompt Ngày, tháng, năm sinh | .*đủ 21 tuổi vào ngày bầu cử 15/03/2026 (quy tắc ELIG-AGE)' "$T/facts" ||
	t_fail "no input message with the age rule"
grep -q '^list Dân tộc stop 54 Kinh|Tày|Thái' "$T/facts" || t_fail "the 54 ethnic groups: $(grep 'list Dân tộc' "$T/facts")"
grep -q '^list Giới tính stop 2 Nam|Nữ' "$T/facts" || t_fail "sex"
grep -q '^list Tôn giáo warning ' "$T/facts" || t_fail "religions are offered, not imposed"
grep -q '^list Cơ quan dân cử stop 2 Quốc hội khóa XVI|Hội đồng nhân dân tỉnh Hòa Lâm' "$T/facts" ||
	t_fail "bodies from the book: $(grep 'list Cơ quan' "$T/facts")"
grep -q '^list Đơn vị giới thiệu stop [0-9]* Tự ứng cử|TU|MTTQ' "$T/facts" ||
	t_fail "units from the book: $(grep 'list Đơn vị' "$T/facts")"
grep -q '^check Ngày, tháng, năm sinh date between' "$T/facts" || t_fail "no date check"
grep -q '^format dob dd/mm/yyyy' "$T/facts" || t_fail "dates not formatted dd/mm/yyyy"
grep -q '^format dossier dd/mm/yyyy hh:mm' "$T/facts" || t_fail "dossier time not formatted"
grep -q "^help-import \['.*hiepthuong candidate import" "$T/facts" || t_fail "no import line in the instructions"
[ "$(grep -c '^prompt ' "$T/facts")" -eq "$(grep '^headers' "$T/facts" | tr '|' '\n' | wc -l)" ] ||
	t_fail "not every header has an input message"
t_end

t_case "round trip: a blank workbook filled as a clerk would, imported, gives the book what was entered"
"$PYTHON" - "$T/w.xlsx" "$T/filled.xlsx" <<'PY'
import sys, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
col = {c.value: c.column for c in ws[1]}
rows = [
    {'Cơ quan dân cử': 'Quốc hội', 'Họ': 'Tôn Nữ', 'Tên đệm': 'Thị', 'Tên': 'Hà',
     'Ngày, tháng, năm sinh': datetime.datetime(1975, 5, 12), 'Giới tính': 'Nữ', 'Quốc tịch': 'Việt Nam',
     'Dân tộc': 'Kinh', 'Tôn giáo': 'Phật giáo', 'Giáo dục phổ thông': '12/12', 'Học hàm, học vị': 'Thạc sĩ',
     'Ngày vào Đảng': datetime.datetime(2001, 3, 26), 'Đơn vị giới thiệu': 'HLHPN',
     'Thời điểm nhận hồ sơ': datetime.datetime(2026, 1, 14, 15, 30), 'Nghề nghiệp, chức vụ': 'Phó Chủ tịch'},
    {'Cơ quan dân cử': 'Quốc hội', 'Họ': 'Y', 'Tên đệm': 'Khuê', 'Tên': 'Niê',
     'Ngày, tháng, năm sinh': datetime.datetime(1981, 6, 24), 'Giới tính': 'Nam', 'Dân tộc': 'Ê Đê',
     'Tôn giáo': 'Tin lành', 'Đơn vị giới thiệu': 'Tự ứng cử', 'Tên gọi khác': 'Ama Khuê'},
    {'Cơ quan dân cử': 'Hội đồng nhân dân tỉnh Hòa Lâm', 'Họ': 'Lê', 'Tên đệm': 'Văn', 'Tên': 'Nam',
     'Ngày, tháng, năm sinh': '1970', 'Giới tính': 'Nam', 'Dân tộc': 'Mường', 'Đơn vị giới thiệu': 'UBND',
     'Ngày vào Đảng': 'Không'},
]
for i, r in enumerate(rows):
    for k, v in r.items():
        c = ws.cell(row=2 + i, column=col[k], value=v)
        if isinstance(v, datetime.datetime):
            c.number_format = 'dd/mm/yyyy hh:mm' if v.hour else 'dd/mm/yyyy'
wb.save(sys.argv[2])
PY
cp "$B" "$T/r.db"
ht candidate import "$T/filled.xlsx" --db "$T/r.db"
expect_exit 0
expect_out "filled.xlsx: thêm 3 ứng cử (3 người mới"
sql "$T/r.db" "SELECT b.code, p.ho, p.ten_dem, p.ten, coalesce(p.other_names, ''), p.dob, p.sex,
	coalesce(p.nationality, ''), p.ethnicity, coalesce(p.religion, ''), coalesce(p.edu_degree, ''),
	coalesce(p.party_date, ''), c.source, coalesce(u.code, ''), coalesce(c.dossier_at, ''), coalesce(p.occupation, '')
	FROM candidacy c JOIN person p ON p.id = c.person_id JOIN body b ON b.id = c.body_id
	LEFT JOIN unit u ON u.id = c.unit_id ORDER BY c.id" >"$T/got"
cat >"$T/want" <<'EOF'
qh|Tôn Nữ|Thị|Hà||1975-05-12|nu|Việt Nam|Kinh|Phật giáo|Thạc sĩ|2001-03-26|unit|HLHPN|2026-01-14 15:30|Phó Chủ tịch
qh|Y|Khuê|Niê|Ama Khuê|1981-06-24|nam||Ê Đê|Tin lành|||self|||
EOF
head -2 "$T/got" | cmp -s - "$T/want" || t_fail "the book holds: $(cat "$T/got")"
sed -n 3p "$T/got" | grep -q '^hdnd-tinh|Lê|Văn|Nam||1970|nam||Mường||||unit|UBND||$' || t_fail "third row: $(sed -n 3p "$T/got")"
t_end

t_case "round trip: a pre-filled workbook with two cells changed changes exactly those two fields, audited"
cp "$T/r.db" "$T/f.db"
ht workbook candidate --filled -o "$T/pre.xlsx" --db "$T/f.db"
expect_exit 0
sqlite3 "$T/f.db" "SELECT * FROM person ORDER BY id" >"$T/before-person"
sqlite3 "$T/f.db" "SELECT * FROM candidacy ORDER BY id" >"$T/before-cand"
"$PYTHON" - "$T/pre.xlsx" "$T/edited.xlsx" <<'PY'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
col = {c.value: c.column for c in ws[1]}
for row in ws.iter_rows(min_row=2):
    ten = row[col['Tên'] - 1].value
    if ten == 'Hà':
        row[col['Nghề nghiệp, chức vụ'] - 1].value = 'Chủ tịch Hội Liên hiệp Phụ nữ tỉnh'
    if ten == 'Niê':
        row[col['Ngoại ngữ'] - 1].value = 'Anh B1'
wb.save(sys.argv[2])
PY
ht candidate import "$T/edited.xlsx" --db "$T/f.db"
expect_exit 0
expect_out "thêm 0 ứng cử (0 người mới, 0 người đã có trong sổ), khớp 1 ứng cử đã có, sửa 2 ứng cử"
sqlite3 "$T/f.db" "SELECT * FROM person ORDER BY id" >"$T/after-person"
sqlite3 "$T/f.db" "SELECT * FROM candidacy ORDER BY id" >"$T/after-cand"
expect_same "$T/before-cand" "$T/after-cand"
"$PYTHON" - "$T/before-person" "$T/after-person" >"$T/diff" <<'PY'
import sys
a = [l.split('|') for l in open(sys.argv[1], encoding='utf-8').read().splitlines()]
b = [l.split('|') for l in open(sys.argv[2], encoding='utf-8').read().splitlines()]
assert len(a) == len(b), 'people added or removed'
for x, y in zip(a, b):
    for i, (u, v) in enumerate(zip(x, y)):
        if u != v:
            print(x[0], i, u, '->', v)
PY
[ "$(wc -l <"$T/diff")" -eq 2 ] || t_fail "changed fields: $(cat "$T/diff")"
grep -q ' -> Chủ tịch Hội Liên hiệp Phụ nữ tỉnh$' "$T/diff" || t_fail "occupation not changed"
grep -q ' -> Anh B1$' "$T/diff" || t_fail "language not changed"
"$HT" audit log --db "$T/f.db" >"$OUT" 2>&1
expect_out "occupation"
expect_out "Chủ tịch Hội Liên hiệp Phụ nữ tỉnh"
expect_out "Anh B1"
# the same workbook again: nothing more changes
ht candidate import "$T/edited.xlsx" --db "$T/f.db"
expect_exit 0
expect_out "khớp 3 ứng cử đã có, từ chối 0 dòng"
t_end

t_case "a pre-filled workbook refuses a number that is not in the book, and a number given twice"
"$PYTHON" - "$T/pre.xlsx" "$T/bad-number.xlsx" <<'PY'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
ws['A2'] = 999
ws['A4'] = ws['A3'].value
wb.save(sys.argv[2])
PY
cp "$T/f.db" "$T/g.db"
ht candidate import "$T/bad-number.xlsx" --db "$T/g.db"
expect_exit 3
expect_err "bad-number.xlsx: Người ứng cử!A2: lỗi: cột 'Mã ứng cử': không có ứng cử số 999 trong sổ"
expect_err "bad-number.xlsx: Người ứng cử!A4: lỗi: cột 'Mã ứng cử': trùng với dòng 3"
expect_same "$T/f.db" "$T/g.db"
t_end

t_case "every kind has a workbook that its import reads back"
for k in unit alloc candidate voters decide; do
	ht workbook $k -o "$T/blank-$k.xlsx" --db "$T/f.db"
	expect_exit 0
	ht workbook $k --filled -o "$T/filled-$k.xlsx" --db "$T/f.db"
	expect_exit 0
done
# blank: only a header; the import finds it and adds nothing
for k in unit alloc candidate; do
	ht $k import "$T/blank-$k.xlsx" --db "$T/f.db"
	expect_exit 0
done
# filled units and allocations are the book's: matched, nothing added
ht unit import "$T/filled-unit.xlsx" --db "$T/f.db"
expect_exit 0
expect_out "thêm 0 đơn vị, khớp 53 đã có trong sổ"
ht alloc import "$T/filled-alloc.xlsx" --db "$T/f.db"
expect_exit 0
expect_out "thêm 0 phân bổ, khớp"
t_end

t_case "a unit workbook filled as a clerk would imports its units"
"$PYTHON" - "$T/blank-unit.xlsx" "$T/units.xlsx" <<'PY'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
ws.append(['Quốc hội khóa XVI', 'CLB-HT', 'Câu lạc bộ Hưu trí tỉnh Hòa Lâm', 'Tổ chức xã hội'])
wb.save(sys.argv[2])
PY
ht unit import "$T/units.xlsx" --db "$T/f.db"
expect_exit 0
expect_out "thêm 1 đơn vị"
[ "$(sql "$T/f.db" "SELECT kind FROM unit WHERE code = 'CLB-HT'")" = social ] || t_fail "unit kind"
t_end

t_case "a decide workbook filled from the book's list takes the decisions"
cp "$T/f.db" "$T/d.db"
"$HT" conference add --kind ht1 --body qh --date 05/12/2025 --invited 35 --present 33 --db "$T/d.db" >/dev/null 2>&1
"$HT" conference add --kind ht2 --body qh --date 02/02/2026 --invited 35 --present 34 --db "$T/d.db" >/dev/null 2>&1
ht workbook decide --filled --body qh -o "$T/dec.xlsx" --db "$T/d.db"
expect_exit 0
"$PYTHON" - "$T/dec.xlsx" "$T/dec-filled.xlsx" <<'PY'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
col = {c.value: c.column for c in ws[1]}
n = 0
for row in ws.iter_rows(min_row=2):
    if row[col['Người ứng cử'] - 1].value:
        row[col['Quyết định'] - 1].value = 'đưa vào'
        n += 1
print(n)
wb.save(sys.argv[2])
PY
ht decide import "$T/dec-filled.xlsx" --db "$T/d.db"
expect_exit 0
expect_out "dec-filled.xlsx: ghi 2 quyết định"
[ "$(sql "$T/d.db" "SELECT count(*) FROM candidacy c JOIN body b ON b.id = c.body_id WHERE b.code = 'qh' AND c.stage = 'preliminary'")" = 2 ] ||
	t_fail "not on the preliminary list"
t_end
