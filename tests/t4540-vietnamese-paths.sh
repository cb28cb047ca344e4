#!/bin/sh
# t4540: folders and files with Vietnamese names (NFC, with spaces), as a
# clerk names them, for the book, the config, the imports (CSV and .xlsx),
# backup and restore, the entry workbook and the forms (-o, export all).
# On Linux the names are bytes; hiepthuong.exe (make test-windows) turns
# them into UTF-16 for Windows (platform.c), so this script is the check
# that no name comes out garbled or not found on either build.
. "$TOP/tests/lib.sh"
export HIEPTHUONG_TODAY=2026-02-10

V="$T/Mặt trận tỉnh Hòa Lâm"
C="$V/Mẫu của tỉnh/Cấu hình"	# its ../../config is $V/config
I="$V/Dữ liệu nhập"
F="$V/Biểu mẫu đã in"
B="$V/Sổ hiệp thương 2026.db"
mkdir -p "$C" "$I" "$F"
cp -R "$S/province/." "$C/"
cp -R "$TOP/config" "$V/config"
cp "$S/province/units.csv" "$I/Danh sách đơn vị.csv"
"$PYTHON" - "$S/province/allocations.csv" "$I/Phân bổ số lượng.xlsx" <<'PY'
import sys, csv, openpyxl
text = open(sys.argv[1], encoding='utf-8-sig').read()
wb = openpyxl.Workbook()
ws = wb.active
for r in csv.reader(text.splitlines(), delimiter=';' if text.count(';') > text.count(',') else ','):
    ws.append([int(v) if v.isdigit() else v for v in r])
wb.save(sys.argv[2])
PY

# names: the files a folder holds, one a line, sorted (bytes)
names() {
	ls -A "$1" | LC_ALL=C sort
}

t_case "init makes the book in a Vietnamese folder from a config in another"
ht init --config "$C/config.yaml" --db "$B"
expect_exit 0
expect_out "đã tạo sổ '$B'"
expect_file "$B"
[ "$(names "$V")" = "$(printf '%s\n' 'Biểu mẫu đã in' 'Dữ liệu nhập' 'Mẫu của tỉnh' 'Sổ hiệp thương 2026.db' config |
	LC_ALL=C sort)" ] ||
	t_fail "the folder holds: $(names "$V" | tr '\n' '|')"
t_end

t_case "a CSV import and an .xlsx import by Vietnamese names, named so in the messages"
ht unit import "$I/Danh sách đơn vị.csv" --db "$B"
expect_exit 0
expect_out "Danh sách đơn vị.csv: thêm"
ht alloc import "$I/Phân bổ số lượng.xlsx" --db "$B"
expect_exit 0
expect_out "Phân bổ số lượng.xlsx: thêm 56 phân bổ"
[ "$(sql "$B" "SELECT count(*) FROM allocation")" = 56 ] || t_fail "the allocations are not in the book"
t_end

t_case "a missing file with a Vietnamese name is named as typed"
ht unit import "$I/Không có tệp này.csv" --db "$B"
expect_exit 3
expect_err "Không có tệp này.csv"
t_end

t_case "backup and restore with Vietnamese names"
ht backup "$V/Sao lưu ngày 10-02.db" --db "$B"
expect_exit 0
expect_out "vào '$V/Sao lưu ngày 10-02.db'"
expect_owner_only "$V/Sao lưu ngày 10-02.db"
ht restore "$V/Sao lưu ngày 10-02.db" --force --db "$B"
expect_exit 0
expect_out "đã khôi phục sổ '$B' từ '$V/Sao lưu ngày 10-02.db'"
ls "$V" | grep -q 'tmp-' && t_fail "a temporary file stayed: $(names "$V" | tr '\n' '|')"
t_end

t_case "the entry workbook and a form by -o into a Vietnamese folder, read back"
ht workbook candidate -o "$F/Sổ nhập người ứng cử.xlsx" --db "$B"
expect_exit 0
expect_file "$F/Sổ nhập người ứng cử.xlsx"
make_fixture_book relaxed
ht export --db "$T/p.db" 02-hnct --conference 7 -o "$F/Biên bản hội nghị số 7.xlsx"
expect_exit 0
expect_out "đã ghi '$F/Biên bản hội nghị số 7.xlsx'"
"$PYTHON" -c 'import sys, openpyxl; openpyxl.load_workbook(sys.argv[1]); openpyxl.load_workbook(sys.argv[2])' \
	"$F/Biên bản hội nghị số 7.xlsx" "$F/Sổ nhập người ứng cử.xlsx" 2>"$T/py.err" ||
	t_fail "openpyxl cannot read them: $(cat "$T/py.err")"
[ "$(names "$F")" = "$(printf '%s\n' 'Biên bản hội nghị số 7.xlsx' 'Sổ nhập người ứng cử.xlsx' | LC_ALL=C sort)" ] ||
	t_fail "the folder holds: $(names "$F" | tr '\n' '|')"
t_end

t_case "export all into a new Vietnamese folder"
ht export all --db "$T/p.db" -o "$F/Tất cả biểu mẫu"
expect_exit 0
n=$(ls "$F/Tất cả biểu mẫu" 2>/dev/null | grep -c '\.xlsx$')
[ "$n" -gt 0 ] || t_fail "no form in '$F/Tất cả biểu mẫu'"
ls "$F/Tất cả biểu mẫu" | grep -q 'tmp-' && t_fail "a temporary file stayed"
[ "$(names "$F" | grep -c .)" = 3 ] || t_fail "the folder holds: $(names "$F" | tr '\n' '|')"
t_end
