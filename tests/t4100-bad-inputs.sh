#!/bin/sh
# t4100: the bad-input catalogue.  One line per case in the table at the
# end: what is given, the exit code and the message fragment expected, and
# for every case that the book was not touched (byte for byte) and that no
# new book or copy appeared.  Fixtures are made in $F below; a case that
# should be accepted (a BOM, CRLF) says exit 0.
#
# Columns, separated by '|':  name | exit | stderr fragment | command
# The command is split like a shell line (quotes work) and may use
#   $B  the book (a province book with two audit entries)
#   $N  a path where nothing exists: a new book or copy must not appear there
#   $F  the fixtures folder, $S the samples, $TOP the source tree
# Accepted inputs that change the book (a BOM with CRLF, formulas and SQL as
# text) are cases of their own after the table.
. "$TOP/tests/lib.sh"

make_province_book
B="$T/p.db"
N="$T/new.db"
F="$T/f"
"$HT" audit note "sổ dùng cho danh mục đầu vào xấu" --db "$B" >/dev/null 2>&1
cp "$B" "$T/pristine.db"
mkdir -p "$F/dir"
cfg="$S/province/config.yaml"
rules="$TOP/config/rules/2026-2031.yaml"

# A config naming its own preset and rule pack, so that fixtures can live in $F.
sed -e "s|^term: .*|term: $TOP/config/2026-2031.yaml|" "$cfg" >"$F/ok.yaml"
grep -q "^term: $TOP" "$F/ok.yaml" || { echo "FAIL $SCRIPT:setup: sample config has no term line"; exit 1; }
with_rules() {
	# with_rules NAME RULES-PATH: a config using that rule pack.
	cp "$F/ok.yaml" "$F/$1"
	printf 'rules: %s\n' "$2" >>"$F/$1"
}

# Encodings and bytes.
: >"$F/empty.yaml"
printf '\n\n   \n' >"$F/blank.yaml"
"$PYTHON" -c "import sys; sys.stdout.buffer.write(open(sys.argv[1],encoding='utf-8').read().encode('utf-16'))" "$F/ok.yaml" >"$F/utf16.yaml"
"$PYTHON" -c "import sys; sys.stdout.buffer.write(b'\xfe\xff' + open(sys.argv[1],encoding='utf-8').read().encode('utf-16-be'))" "$F/ok.yaml" >"$F/utf16be.yaml"
printf '\357\273\277' | cat - "$F/ok.yaml" >"$F/bom.yaml"
sed 's/$/\r/' "$F/ok.yaml" >"$F/crlf.yaml"
"$PYTHON" -c "import sys; d=open(sys.argv[1],'rb').read(); sys.stdout.buffer.write(d.replace(b'H\xc3\xb2a L\xc3\xa2m', b'H\xf2a L\xe2m', 1))" "$F/ok.yaml" >"$F/latin1.yaml"
"$PYTHON" -c "import sys; d=open(sys.argv[1],'rb').read(); sys.stdout.buffer.write(d.replace(b'committee:', b'commit\x00tee:', 1))" "$F/ok.yaml" >"$F/nul-byte.yaml"
# Sizes.
{ printf "# x\n"; } >"$F/huge.yaml"; truncate -s 67108865 "$F/huge.yaml"
"$PYTHON" -c "import sys; sys.stdout.write('[' * 200000)" >"$F/deep.yaml"
# YAML structure.
printf 'election: [chưa đóng\n' >"$F/syntax.yaml"
printf 'a: 1\n---\nb: 2\n' >"$F/multidoc.yaml"
printf -- '- một\n- hai\n' >"$F/list-root.yaml"
printf 'xin chào\n' >"$F/scalar-root.yaml"
cp "$F/ok.yaml" "$F/unknown-key.yaml"; printf 'seat: 3\n' >>"$F/unknown-key.yaml"
cp "$F/ok.yaml" "$F/dup-key.yaml"; printf 'committee:\n  level: tinh\n' >>"$F/dup-key.yaml"
# An alias where a value is expected, and "billion laughs" where a list of
# communes is expected.
sed '0,/area: \[/s//area: \&a [/' "$F/ok.yaml" | sed '0,/area: \["phường Lam/s//area: *a\n        area2: ["phường Lam/' >"$F/alias.yaml"
grep -q 'area: \*a' "$F/alias.yaml" || { echo "FAIL $SCRIPT:setup: alias fixture"; exit 1; }
"$PYTHON" - "$F/ok.yaml" "$F/laughs.yaml" <<'PY'
import sys
t = open(sys.argv[1], encoding="utf-8").read()
lol = ('area: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' +
       "".join("        x%d: &l%d [%s]\n" % (i, i, ",".join(["*l%d" % (i - 1)] * 9)) for i in range(1, 9)))
t = t.replace('area: [', lol + '        y: [', 1)
open(sys.argv[2], "w", encoding="utf-8").write(t)
PY
# Values.
sed 's/seats: 8$/seats: -8/' "$F/ok.yaml" >"$F/neg-seats.yaml"
sed 's/seats: 8$/seats: "tám"/' "$F/ok.yaml" >"$F/word-seats.yaml"
sed 's/seats: 8$/seats: 99999999999999999999999/' "$F/ok.yaml" >"$F/big-seats.yaml"
sed 's/^  level: tinh/  level: "SELECT * FROM body; --"/' "$F/ok.yaml" >"$F/sql-level.yaml"
sed 's/^  name: "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Hòa Lâm"/  name: "=cmd|'"'"' \/C calc'"'"'!A0"/' "$F/ok.yaml" >"$F/formula-name.yaml"
grep -q 'calc' "$F/formula-name.yaml" || { echo "FAIL $SCRIPT:setup: formula fixture"; exit 1; }
# The preset reference.
sed "s|^term: .*|term: $F/dir|" "$F/ok.yaml" >"$F/term-dir.yaml"
sed "s|^term: .*|term: $F/missing.yaml|" "$F/ok.yaml" >"$F/term-missing.yaml"
sed "s|^term: .*|term: term-self.yaml|" "$F/ok.yaml" >"$F/term-self.yaml"
mkfifo "$F/fifo"
sed "s|^term: .*|term: $F/fifo|" "$F/ok.yaml" >"$F/term-fifo.yaml"
sed "s|^term: .*|term: $F/utf16.yaml|" "$F/ok.yaml" >"$F/term-utf16.yaml"
# Rule packs.
with_rules rules-missing.yaml "$F/missing-rules.yaml"
with_rules rules-empty.yaml "$F/empty.yaml"
with_rules rules-dir.yaml "$F/dir"
sed 's/kind: min_age/kind: tuoi_toi_thieu/' "$rules" >"$F/pack-kind.yaml"
with_rules rules-kind.yaml "$F/pack-kind.yaml"
sed 's/max_levels: 2,/max_levels: -2,/' "$rules" >"$F/pack-range.yaml"
with_rules rules-range.yaml "$F/pack-range.yaml"
sed 's/max_levels: 2,/max_levels: 2, max_tang: 1,/' "$rules" >"$F/pack-extra.yaml"
with_rules rules-extra.yaml "$F/pack-extra.yaml"
with_rules rules-utf16.yaml "$F/utf16.yaml"
# Books.
printf 'không phải sổ\n' >"$F/text.db"
: >"$F/empty.db"
sqlite3 "$F/other.db" "CREATE TABLE t(x); INSERT INTO t VALUES (1);"
cp "$B" "$F/newer.db"; sqlite3 "$F/newer.db" "PRAGMA user_version = 99"
cp "$B" "$F/tampered.db"; sqlite3 "$F/tampered.db" "UPDATE body SET seats = 9 WHERE code = 'qh'"
cp "$B" "$F/cut.db"; sqlite3 "$F/cut.db" "DROP TRIGGER audit_append_only_delete; DELETE FROM audit WHERE id = 2"
cp "$B" "$F/backup.db"
cp "$B" "$F/damaged.db"
"$PYTHON" -c "
import sys
f = open(sys.argv[1], 'r+b'); f.seek(4096 + 100); f.write(b'\xff' * 3000)" "$F/damaged.db"
mkfifo "$F/fifo.db"
: >"$F/exists.db"
# CSV imports: for each importer, its sample's header and first row in
# Windows-1258 and UTF-16, with a 2 MB cell, an unknown column, a column
# twice, a row with a cell more than the header.
"$PYTHON" - "$S" "$F" <<'PY'
import sys, os
S, F = sys.argv[1], sys.argv[2]
src = {'unit': 'province/units.csv', 'alloc': 'province/allocations.csv', 'candidate': 'province/candidates.csv',
       'voters': 'province/stages/voters.csv', 'decide': 'province/stages/round2.csv'}
for k, p in src.items():
    lines = open(os.path.join(S, p), encoding='utf-8-sig').read().splitlines()
    hdr, row = lines[0], lines[1]
    sep = ';' if hdr.count(';') > hdr.count(',') else ','
    first = hdr.split(sep)[1]
    def w(name, data, mode='w'):
        with open(os.path.join(F, '%s-%s.csv' % (k, name)), 'wb') as f:
            f.write(data if isinstance(data, bytes) else data.encode('utf-8'))
    if row.isascii():
        row = sep.join(row.split(sep)[:-1] + ['điều chỉnh'])
    body = hdr + '\n' + row + '\n'
    # Windows-1258: the code page Vietnamese Excel used before UTF-8.
    w('cp1258', body.encode('cp1258', errors='replace'))
    w('utf16', body.encode('utf-16'))
    cells = row.split(sep)
    cells[1] = 'x' * (2 << 20)
    w('huge', hdr + '\n' + sep.join(cells) + '\n')
    w('unknown', hdr + sep + 'Màu sắc\n' + row + sep + 'đỏ\n')
    w('dup', hdr + sep + first + '\n' + row + sep + '1\n')
    w('toomany', hdr + '\n' + row + sep + 'thừa\n')
open(os.path.join(F, 'empty.csv'), 'w').close()
PY
# Workbooks (tests/xlsx_make.py): hostile, broken, or not .xlsx at all.
for k in good bomb dtd xxe escape-entry escape-rel ods xls encrypted badxml nosheet; do
	"$PYTHON" "$TOP/tests/xlsx_make.py" $k "$F/$k.xlsx" || { echo "FAIL $SCRIPT:setup: xlsx fixture $k"; exit 1; }
done
"$PYTHON" "$TOP/tests/xlsx_make.py" truncated "$F/truncated.xlsx" "$F/good.xlsx"
cp "$F/xls.xlsx" "$F/renamed.csv"
# Templates (export --templates DIR).
TPL="$TOP/templates"
for d in tpl-key tpl-yaml tpl-utf16 tpl-dataset; do mkdir "$F/$d"; cp "$TPL"/*.yaml "$F/$d/"; done
mkdir "$F/tpl-none"
sed -i 's/^  sheet: "Mẫu 17"$/  sheet: "Mẫu 17"\n  colour: red/' "$F/tpl-key/17-hdbc-qh.yaml"
printf 'form: [chưa đóng\n' >"$F/tpl-yaml/17-hdbc-qh.yaml"
"$PYTHON" -c "import sys; sys.stdout.buffer.write(open(sys.argv[1],encoding='utf-8').read().encode('utf-16'))" "$TPL/17-hdbc-qh.yaml" >"$F/tpl-utf16/17-hdbc-qh.yaml"
sed -i 's/^  dataset: official_list$/  dataset: danh_sach/' "$F/tpl-dataset/17-hdbc-qh.yaml"
grep -q colour "$F/tpl-key/17-hdbc-qh.yaml" && grep -q danh_sach "$F/tpl-dataset/17-hdbc-qh.yaml" || {
	echo "FAIL $SCRIPT:setup: template fixtures"; exit 1; }
# Outputs that must never be written over (issue 12).
mkfifo "$F/fifo.xlsx"
echo keep >"$F/target.txt"
ln -s "$F/target.txt" "$F/link.xlsx"
bad_utf8=$(printf 'L\351 V\343n')
long_name=$("$PYTHON" -c "print('Nguyễn' * 50)")

n=0
while IFS='|' read -r name code msg cmd; do
	case $name in ''|'#'*) continue ;; esac
	name=$(echo "$name" | sed 's/^ *//; s/ *$//')
	code=$(echo "$code" | tr -d ' ')
	msg=$(echo "$msg" | sed 's/^ *//; s/ *$//')
	n=$((n + 1))
	t_case "$name"
	if on_windows; then
		why=""
		case $name in
		*"not UTF-8")
			why="Windows passes arguments as UTF-16: bytes that are not UTF-8 cannot reach the program (Wine decodes them by its locale)" ;;
		*FIFO*|*"named pipe"*|*device*)
			why="Windows has no FIFOs or device nodes among files (its named pipes are not files); Wine shows a Unix one as a file" ;;
		*"symbolic link"*)
			why="Wine 8 shows a Unix symbolic link as the file it points to; hiepthuong.exe's lstat() does not tell reparse points (docs/windows.md)" ;;
		esac
		if [ -n "$why" ]; then
			t_skip "$why"
			t_end
			continue
		fi
	fi
	eval "set -- $cmd"
	ht "$@" </dev/null
	expect_exit "$code"
	[ -n "$msg" ] && expect_err "$msg"
	[ -n "$SHOW" ] && sed "s/^/	$name: /" "$ERR"
	expect_not_err "internal error"
	expect_not_err "runtime error"
	expect_same "$B" "$T/pristine.db"
	if [ "$code" = 0 ]; then
		rm -f "$N"
	else
		expect_no_file "$N"
	fi
	ls "$T" "$F" | grep -q 'tmp-' && t_fail "temporary file left"
	# Keep later cases independent of a failure here.
	cp "$T/pristine.db" "$B"
	t_end
done <<'TABLE'
# --- command line ---
no command                              | 2 | cách dùng                                   | 
unknown command                         | 2 | không có lệnh 'frobnicate'                  | frobnicate --db "$B"
unknown global option                   | 2 | không có tùy chọn chung '--frob'            | --frob status
--db without its value                  | 2 | tùy chọn '--db' cần giá trị                 | --db
unknown sub-command of a group          | 2 | không có lệnh 'audit frob'                  | audit frob --db "$B"
unknown option of a command             | 2 | --frob                                      | status --frob --db "$B"
init with an extra argument             | 2 | không nhận đối số 'x'                       | init x --config "$F/ok.yaml" --db "$N"
init without --config                   | 2 | cần --config                                | init --db "$N"
status with an impossible --today       | 2 | ngày không tồn tại                          | status --today 31/02/2026 --db "$B"
status --body with SQL in it            | 2 | không có cơ quan 'qh' OR 1=1; DROP TABLE body; --' | status --body "qh' OR 1=1; DROP TABLE body; --" --db "$B"
status with an extra argument           | 2 | không nhận đối số                           | status x --db "$B"
audit log --since that is no date       | 2 | --since                                     | audit log --since hôm-qua --db "$B"
audit log --since after --until         | 2 | sau --until                                 | audit log --since 2026-02-01 --until 2026-01-01 --db "$B"
audit log --format that does not exist  | 2 | kiểu 'xml' không có                         | audit log --format xml --db "$B"
audit log --candidate that is no number | 2 | --candidate cần số ID dương                 | audit log --candidate abc --db "$B"
audit log --candidate negative          | 2 | --candidate cần số ID dương                 | audit log --candidate -1 --db "$B"
audit log --body with SQL in it         | 2 | không có cơ quan                            | audit log --body "'; DROP TABLE audit; --" --db "$B"
audit verify --head that is no hash     | 2 | không phải mã đầu chuỗi                     | audit verify --head "xyz" --db "$B"
audit verify --head too short           | 2 | không phải mã đầu chuỗi                     | audit verify --head abc123 --db "$B"
audit note without text                 | 2 | cần nội dung ghi chú                        | audit note --db "$B"
audit note with empty text              | 2 | ghi chú trống                               | audit note "" --db "$B"
audit note that is not UTF-8            | 2 | không phải UTF-8 hợp lệ                     | audit note "$bad_utf8" --db "$B"
audit note about an unknown body        | 2 | không có cơ quan 'xyz'                      | audit note "x" --body xyz --db "$B"
audit note about an unknown candidate   | 2 | không có người ứng cử '999'                 | audit note "x" --candidate 999 --db "$B"
audit accept without --reason           | 2 | cần --reason                                | audit accept --db "$B"
--by empty                              | 2 | --by cần tên                                | audit note "x" --by "" --db "$B"
--by not UTF-8                          | 2 | không phải UTF-8 hợp lệ                     | audit note "x" --by "$bad_utf8" --db "$B"
--by too long                           | 2 | quá dài                                     | audit note "x" --by "$long_name" --db "$B"
backup without a file                   | 2 | cần tên tệp sao lưu                         | backup --db "$B"
restore without a file                  | 2 | cần tên tệp sao lưu                         | restore --db "$B"
# --- the book (--db) ---
book that does not exist                | 3 | chưa có sổ '                                | status --db "$N"
book that is a folder                   | 3 | là một thư mục, không phải sổ               | status --db "$F/dir"
book that is an empty file              | 3 | không phải là sổ hiepthuong                 | status --db "$F/empty.db"
book that is a text file                | 3 | không phải là sổ hiepthuong                 | status --db "$F/text.db"
book that is another SQLite database    | 3 | không phải là sổ hiepthuong                 | status --db "$F/other.db"
book from a newer hiepthuong            | 3 | phiên bản hiepthuong mới hơn                | status --db "$F/newer.db"
book that is a FIFO                     | 3 | không phải tệp thường                       | status --db "$F/fifo.db"
book that is a device                   | 3 | không phải tệp thường                       | status --db /dev/null
writing to a book edited in the shell   | 3 | đã bị sửa ngoài hiepthuong                  | audit note "x" --db "$F/tampered.db"
writing to a book whose tail was cut    | 3 | không khớp đầu chuỗi                        | audit note "x" --db "$F/cut.db"
verify of a book edited in the shell    | 3 | bảng 'body'                                 | audit verify --db "$F/tampered.db"
verify of a damaged file                | 3 | bị hỏng                                     | audit verify --db "$F/damaged.db"
# --- term configs (init --config) ---
config that does not exist              | 3 | không mở được tệp                           | init --config "$F/missing.yaml" --db "$N"
config that is a folder                 | 3 | là một thư mục                              | init --config "$F/dir" --db "$N"
config that is a FIFO                   | 3 | không phải tệp thường                       | init --config "$F/fifo" --db "$N"
config that is empty                    | 3 | tệp rỗng                                    | init --config "$F/empty.yaml" --db "$N"
config of blank lines only              | 3 | tệp rỗng                                    | init --config "$F/blank.yaml" --db "$N"
config in UTF-16 (LE, with BOM)         | 3 | tệp là UTF-16                               | init --config "$F/utf16.yaml" --db "$N"
config in UTF-16 (BE, with BOM)         | 3 | tệp là UTF-16                               | init --config "$F/utf16be.yaml" --db "$N"
config in Latin-1                       | 3 | không phải UTF-8 hợp lệ (byte 0xF2)         | init --config "$F/latin1.yaml" --db "$N"
config with a NUL byte                  | 3 | byte NUL                                    | init --config "$F/nul-byte.yaml" --db "$N"
config larger than 64 MiB               | 3 | quá lớn                                     | init --config "$F/huge.yaml" --db "$N"
config nested 200000 deep               | 3 | lồng nhau quá sâu                           | init --config "$F/deep.yaml" --db "$N"
config with a YAML syntax error         | 3 | lỗi cú pháp YAML                            | init --config "$F/syntax.yaml" --db "$N"
config with two documents               | 3 | chỉ được chứa một tài liệu YAML             | init --config "$F/multidoc.yaml" --db "$N"
config that is a list                   | 3 | không phải một danh sách                       | init --config "$F/list-root.yaml" --db "$N"
config that is a bare word              | 3 | scalar-root.yaml                            | init --config "$F/scalar-root.yaml" --db "$N"
config with an unknown key              | 3 | khóa không xác định 'seat'                  | init --config "$F/unknown-key.yaml" --db "$N"
config with a duplicate key             | 3 | 'committee'                                 | init --config "$F/dup-key.yaml" --db "$N"
config with an alias                    | 3 | không hỗ trợ bí danh YAML                   | init --config "$F/alias.yaml" --db "$N"
config of billion laughs                | 3 | laughs.yaml:47:18: lỗi: không hỗ trợ bí danh | init --config "$F/laughs.yaml" --db "$N"
config with negative seats              | 3 | neg-seats.yaml                              | init --config "$F/neg-seats.yaml" --db "$N"
config with seats in words              | 3 | word-seats.yaml                             | init --config "$F/word-seats.yaml" --db "$N"
config with seats beyond any integer    | 3 | big-seats.yaml                              | init --config "$F/big-seats.yaml" --db "$N"
config with SQL as the committee level  | 3 | SELECT * FROM body; --                      | init --config "$F/sql-level.yaml" --db "$N"
config whose term is a folder           | 3 | là một thư mục                              | init --config "$F/term-dir.yaml" --db "$N"
config whose term does not exist        | 3 | missing.yaml                                | init --config "$F/term-missing.yaml" --db "$N"
config whose term is itself             | 3 | không được trỏ tiếp tới một tệp 'term' khác | init --config "$F/term-self.yaml" --db "$N"
config whose term is a FIFO             | 3 | không phải tệp thường                       | init --config "$F/term-fifo.yaml" --db "$N"
config whose term is UTF-16             | 3 | tệp là UTF-16                               | init --config "$F/term-utf16.yaml" --db "$N"
config with a UTF-8 BOM is accepted     | 0 |                                             | init --config "$F/bom.yaml" --db "$N"
config with CRLF line ends is accepted  | 0 |                                             | init --config "$F/crlf.yaml" --db "$N"
a formula in a name is kept as text     | 0 |                                             | init --config "$F/formula-name.yaml" --db "$N"
# --- rule packs ---
rule pack that does not exist           | 3 | missing-rules.yaml                          | init --config "$F/rules-missing.yaml" --db "$N"
rule pack that is empty                 | 3 | tệp rỗng                                    | init --config "$F/rules-empty.yaml" --db "$N"
rule pack that is a folder              | 3 | là một thư mục                              | init --config "$F/rules-dir.yaml" --db "$N"
rule pack in UTF-16                     | 3 | tệp là UTF-16                               | init --config "$F/rules-utf16.yaml" --db "$N"
rule pack with an unknown kind          | 3 | tuoi_toi_thieu                              | init --config "$F/rules-kind.yaml" --db "$N"
rule pack with a parameter out of range | 3 | max_levels                                  | init --config "$F/rules-range.yaml" --db "$N"
rule pack with an unknown parameter     | 3 | max_tang                                    | init --config "$F/rules-extra.yaml" --db "$N"
# --- backup and restore ---
backup over an existing file            | 3 | đã có; không ghi đè                         | backup "$F/exists.db" --db "$B"
backup into a folder                    | 3 | là một thư mục                              | backup "$F/dir" --db "$B"
backup into a missing folder            | 3 | không ghi được bản sao lưu                  | backup "$N/x.db" --db "$B"
backup onto the book itself             | 3 | chính là sổ đang dùng                       | backup "$B" --force --db "$B"
restore of a file that does not exist   | 3 | không mở được bản sao lưu                   | restore "$F/missing.db" --force --db "$B"
restore of a folder                     | 3 | là một thư mục                              | restore "$F/dir" --force --db "$B"
restore of a FIFO                       | 3 | không phải tệp thường                       | restore "$F/fifo.db" --force --db "$B"
restore of an empty file                | 3 | là tệp rỗng                                 | restore "$F/empty.db" --force --db "$B"
restore of a text file                  | 3 | không phải là sổ hiepthuong                 | restore "$F/text.db" --force --db "$B"
restore of another SQLite database      | 3 | không phải là sổ hiepthuong                 | restore "$F/other.db" --force --db "$B"
restore of a newer book                 | 3 | lược đồ phiên bản 99                        | restore "$F/newer.db" --force --db "$B"
restore of a book edited in the shell   | 3 | không qua kiểm tra nhật ký                  | restore "$F/tampered.db" --force --db "$B"
restore of a book whose tail was cut    | 3 | mục cuối #2 đã bị xóa                       | restore "$F/cut.db" --force --db "$B"
restore of a damaged file               | 3 | bị hỏng                                     | restore "$F/damaged.db" --force --db "$B"
restore of the book onto itself         | 3 | chính là sổ đang dùng                       | restore "$B" --force --db "$B"
restore over a book without --force     | 3 | thêm --force                                | restore "$F/backup.db" --db "$B"
# --- CSV imports (unit, alloc, candidate, voters, decide import) ---
unit import in Windows-1258             | 3 | không phải UTF-8 hợp lệ                     | unit import "$F/unit-cp1258.csv" --db "$B"
unit import with a 2 MB cell            | 3 | ô quá dài                                   | unit import "$F/unit-huge.csv" --db "$B"
unit import with an unknown column      | 3 | cột không xác định 'Màu sắc'                | unit import "$F/unit-unknown.csv" --db "$B"
unit import with a column twice         | 3 | trùng với cột 2                             | unit import "$F/unit-dup.csv" --db "$B"
unit import with a cell beyond the header | 3 | cột không có tiêu đề                        | unit import "$F/unit-toomany.csv" --db "$B"
alloc import in Windows-1258            | 3 | không phải UTF-8 hợp lệ                     | alloc import "$F/alloc-cp1258.csv" --db "$B"
alloc import with a 2 MB cell           | 3 | ô quá dài                                   | alloc import "$F/alloc-huge.csv" --db "$B"
alloc import with an unknown column     | 3 | cột không xác định 'Màu sắc'                | alloc import "$F/alloc-unknown.csv" --db "$B"
alloc import with a column twice        | 3 | trùng với cột 2                             | alloc import "$F/alloc-dup.csv" --db "$B"
alloc import with a cell beyond the header | 3 | cột không có tiêu đề                        | alloc import "$F/alloc-toomany.csv" --db "$B"
candidate import in Windows-1258        | 3 | không phải UTF-8 hợp lệ                     | candidate import "$F/candidate-cp1258.csv" --db "$B"
candidate import with a 2 MB cell       | 3 | ô quá dài                                   | candidate import "$F/candidate-huge.csv" --db "$B"
candidate import with an unknown column | 3 | cột không xác định 'Màu sắc'                | candidate import "$F/candidate-unknown.csv" --db "$B"
candidate import with a column twice    | 3 | trùng với cột 2                             | candidate import "$F/candidate-dup.csv" --db "$B"
candidate import with a cell beyond the header | 3 | cột không có tiêu đề                        | candidate import "$F/candidate-toomany.csv" --db "$B"
voters import in Windows-1258           | 3 | không phải UTF-8 hợp lệ                     | voters import "$F/voters-cp1258.csv" --db "$B"
voters import with a 2 MB cell          | 3 | ô quá dài                                   | voters import "$F/voters-huge.csv" --db "$B"
voters import with an unknown column    | 3 | cột không xác định 'Màu sắc'                | voters import "$F/voters-unknown.csv" --db "$B"
voters import with a column twice       | 3 | trùng với cột 2                             | voters import "$F/voters-dup.csv" --db "$B"
voters import with a cell beyond the header | 3 | cột không có tiêu đề                        | voters import "$F/voters-toomany.csv" --db "$B"
decide import in Windows-1258           | 3 | không phải UTF-8 hợp lệ                     | decide import "$F/decide-cp1258.csv" --db "$B"
decide import with a 2 MB cell          | 3 | ô quá dài                                   | decide import "$F/decide-huge.csv" --db "$B"
decide import with an unknown column    | 3 | cột không xác định 'Màu sắc'                | decide import "$F/decide-unknown.csv" --db "$B"
decide import with a column twice       | 3 | trùng với cột 2                             | decide import "$F/decide-dup.csv" --db "$B"
decide import with a cell beyond the header | 3 | cột không có tiêu đề                        | decide import "$F/decide-toomany.csv" --db "$B"
# --- Excel workbooks (every import reads them through the same reader) ---
unit import of a zip bomb               | 3 | có thể là 'bom zip'                         | unit import "$F/bomb.xlsx" --db "$B"
candidate import of a zip bomb          | 3 | có thể là 'bom zip'                         | candidate import "$F/bomb.xlsx" --db "$B"
unit import of an XML entity bomb       | 3 | khai báo DTD                                | unit import "$F/dtd.xlsx" --db "$B"
decide import of an XML entity bomb     | 3 | khai báo DTD                                | decide import "$F/dtd.xlsx" --db "$B"
unit import with an external entity     | 3 | khai báo DTD                                | unit import "$F/xxe.xlsx" --db "$B"
unit import, zip entry escaping (../)   | 3 | đường dẫn vượt ra ngoài                     | unit import "$F/escape-entry.xlsx" --db "$B"
alloc import, relationship escaping     | 3 | đường dẫn vượt ra ngoài tệp                 | alloc import "$F/escape-rel.xlsx" --db "$B"
unit import of a truncated workbook     | 3 | hỏng hoặc không đầy đủ                      | unit import "$F/truncated.xlsx" --db "$B"
voters import of a truncated workbook   | 3 | hỏng hoặc không đầy đủ                      | voters import "$F/truncated.xlsx" --db "$B"
unit import of an encrypted workbook    | 3 | được đặt mật khẩu                           | unit import "$F/encrypted.xlsx" --db "$B"
unit import of an .xls named .xlsx      | 3 | Excel 97-2003 (.xls)                        | unit import "$F/xls.xlsx" --db "$B"
candidate import of an .xls named .csv  | 3 | Excel 97-2003 (.xls)                        | candidate import "$F/renamed.csv" --db "$B"
unit import of an .ods named .xlsx      | 3 | OpenDocument (.ods)                         | unit import "$F/ods.xlsx" --db "$B"
unit import of a workbook with bad XML  | 3 | không hợp lệ                                | unit import "$F/badxml.xlsx" --db "$B"
unit import of a zip without a workbook | 3 | không phải sổ Excel                         | unit import "$F/nosheet.xlsx" --db "$B"
unit import of a sheet that is not there | 3 | không có trang tính 'Khác'                 | unit import "$F/good.xlsx" --sheet Khác --db "$B"
unit import, --sheet on a CSV file      | 3 | --sheet chỉ dùng với sổ Excel               | unit import "$S/province/units.csv" --sheet 1 --db "$B"
unit import of an empty file            | 3 | tệp rỗng                                    | unit import "$F/empty.csv" --db "$B"
unit import of a folder                 | 3 | là thư mục                                  | unit import "$F/dir" --db "$B"
unit import of a missing file           | 3 | không mở được                               | unit import "$F/missing.csv" --db "$B"
alloc import of an empty file           | 3 | tệp rỗng                                    | alloc import "$F/empty.csv" --db "$B"
alloc import of a folder                | 3 | là thư mục                                  | alloc import "$F/dir" --db "$B"
alloc import of a missing file          | 3 | không mở được                               | alloc import "$F/missing.csv" --db "$B"
candidate import of an empty file       | 3 | tệp rỗng                                    | candidate import "$F/empty.csv" --db "$B"
candidate import of a folder            | 3 | là thư mục                                  | candidate import "$F/dir" --db "$B"
candidate import of a missing file      | 3 | không mở được                               | candidate import "$F/missing.csv" --db "$B"
voters import of an empty file          | 3 | tệp rỗng                                    | voters import "$F/empty.csv" --db "$B"
voters import of a folder               | 3 | là thư mục                                  | voters import "$F/dir" --db "$B"
voters import of a missing file         | 3 | không mở được                               | voters import "$F/missing.csv" --db "$B"
decide import of an empty file          | 3 | tệp rỗng                                    | decide import "$F/empty.csv" --db "$B"
decide import of a folder               | 3 | là thư mục                                  | decide import "$F/dir" --db "$B"
decide import of a missing file         | 3 | không mở được                               | decide import "$F/missing.csv" --db "$B"
# --- outputs, text and counts at the edges ---
export over the book itself              | 3 | không có đuôi .xlsx                         | export 16-hdbc-qh --body qh -o "$B" --db "$B"
export to a .csv name                    | 3 | không có đuôi .xlsx                         | export 16-hdbc-qh --body qh -o "$F/out.csv" --db "$B"
export over a named pipe, even forced    | 3 | không phải tệp thường                       | export 16-hdbc-qh --body qh -o "$F/fifo.xlsx" --force --db "$B"
export over a symbolic link, even forced | 3 | liên kết tượng trưng                        | export 16-hdbc-qh --body qh -o "$F/link.xlsx" --force --db "$B"
export all into a file, not a folder     | 2 | không phải thư mục                          | export all -o "$F/target.txt" --db "$B"
backup over a named pipe, even forced    | 3 | không phải tệp thường                       | backup "$F/fifo.xlsx" --force --db "$B"
backup over the book itself              | 3 | chính là sổ đang dùng                       | backup "$B" --force --db "$B"
--by of blanks only                      | 2 | --by cần tên người thực hiện                | --by "   " audit note "x" --db "$B"
audit accept with a blank reason         | 2 | cần --reason                                | audit accept --reason " " --db "$B"
audit note of blanks only                | 2 | ghi chú trống                               | audit note "   " --db "$B"
a count beyond 2^63                      | 2 | quá lớn                                     | conference add --kind ht1 --body qh --date 05/12/2025 --invited 9223372036854775808 --db "$B"
a count beyond the bound                 | 2 | quá lớn (tối đa 200000000)                  | conference add --kind ht1 --body qh --date 05/12/2025 --present 200000001 --db "$B"
a negative count                         | 2 | cần một số không âm                         | conference add --kind ht1 --body qh --date 05/12/2025 --invited -1 --db "$B"
a count written 1e2                      | 2 | số mũ                                       | conference add --kind ht1 --body qh --date 05/12/2025 --present 1e2 --db "$B"
a result beyond the bound                | 2 | --result                                    | voters add --kind residence --body qh --date 04/02/2026 --voters-at-place 80 --invited 80 --present 60 --result "1:9223372036854775807" --db "$B"
a special case with a blank reason       | 2 | --special cần lý do                         | decide --body qh --candidate 1 --round 3 --include --special "  " --db "$B"
assign to constituency 0                 | 2 | bắt đầu từ 1                                | assign --body qh --candidate 1 --constituency 0 --db "$B"
init with --db naming a folder           | 3 | là một thư mục                              | init --config "$F/ok.yaml" --db "$F/dir"
a conference with no date                | 2 | thiếu ngày họp                              | conference add --kind ht1 --body qh --db "$B"
# --- templates (export --templates) ---
template with an unknown key            | 3 | khóa không xác định 'colour'                | export --list --templates "$F/tpl-key" --db "$B"
template that is not YAML               | 3 | lỗi cú pháp YAML                            | export --list --templates "$F/tpl-yaml" --db "$B"
template in UTF-16                      | 3 | tệp là UTF-16                               | export --list --templates "$F/tpl-utf16" --db "$B"
template naming an unknown dataset      | 3 | không có dữ liệu tên 'danh_sach'            | export --list --templates "$F/tpl-dataset" --db "$B"
templates folder without templates      | 3 | không có tệp .yaml nào                      | export --list --templates "$F/tpl-none" --db "$B"
templates folder that does not exist    | 3 | không tìm thấy thư mục mẫu biểu             | export --list --templates "$F/missing" --db "$B"
templates "folder" that is a file       | 3 | không tìm thấy thư mục mẫu biểu             | export --list --templates "$TPL/17-hdbc-qh.yaml" --db "$B"
TABLE

t_case "the catalogue has at least 60 cases"
[ "$n" -ge 60 ] || t_fail "only $n cases"
t_end

# Accepted inputs that change the book.
t_case "every import reads Excel's UTF-16 text (\"Unicode Text\", tab-separated, and \"CSV UTF-16\")"
"$PYTHON" - "$S/province/units.csv" "$F" <<'PY'
import sys
t = open(sys.argv[1], encoding='utf-8-sig').read().splitlines()
tab = '\r\n'.join(l.replace(';', '\t') for l in t[:3]) + '\r\n'
open(sys.argv[2] + '/units-unicode.txt', 'wb').write(tab.encode('utf-16'))   # BOM FF FE, LE
com = '\r\n'.join(l.replace(';', ',') for l in [t[0], t[3]]) + '\r\n'
open(sys.argv[2] + '/units-utf16be.csv', 'wb').write(b'\xfe\xff' + com.encode('utf-16-be'))
PY
cp "$T/pristine.db" "$T/a.db"
ht unit import "$F/units-unicode.txt" --db "$T/a.db"
expect_exit 0
expect_out "thêm 2 đơn vị"
ht unit import "$F/units-utf16be.csv" --db "$T/a.db"
expect_exit 0
expect_out "thêm 1 đơn vị"
want=$(sed -n '2p' "$S/province/units.csv" | cut -d';' -f4)
[ "$(sql "$T/a.db" "SELECT count(*) FROM unit WHERE name = '$want'")" = 1 ] || t_fail "'$want' not read from UTF-16"
t_end

t_case "unit import with a UTF-8 BOM and CRLF line ends is accepted"
"$PYTHON" -c "
import sys
t = open(sys.argv[1], encoding='utf-8-sig').read().splitlines()
sys.stdout.buffer.write(('\ufeff' + '\r\n'.join(t[:3]) + '\r\n').encode('utf-8'))" "$S/province/units.csv" >"$F/units-bom-crlf.csv"
cp "$T/pristine.db" "$T/a.db"
ht unit import "$F/units-bom-crlf.csv" --db "$T/a.db"
expect_exit 0
expect_out "thêm 2 đơn vị"
[ "$(sql "$T/a.db" "SELECT count(*) FROM unit WHERE name LIKE '%
%' OR code LIKE '%
%'")" = 0 ] || t_fail "CR kept in a cell"
t_end

t_case "a formula and SQL in cells are stored as text and exported as text, not a formula"
"$PYTHON" - "$S/province/candidates.csv" "$F/cand-formula.csv" <<'PY'
import sys
t = open(sys.argv[1], encoding='utf-8-sig').read().splitlines()
h = t[0].split(';'); r = t[1].split(';')
r[h.index('Nơi công tác')] = "=cmd|' /C calc'!A0"
r[h.index('Nghề nghiệp, chức vụ')] = "\"Robert'); DROP TABLE person; --\""
open(sys.argv[2], 'w', encoding='utf-8').write(t[0] + '\n' + ';'.join(r) + '\n')
PY
cp "$T/pristine.db" "$T/a.db"
"$HT" unit import "$S/province/units.csv" --db "$T/a.db" >/dev/null 2>&1
ht candidate import "$F/cand-formula.csv" --db "$T/a.db"
expect_exit 0
[ "$(sql "$T/a.db" "SELECT workplace FROM person")" = "=cmd|' /C calc'!A0" ] || t_fail "formula not kept as typed"
[ "$(sql "$T/a.db" "SELECT occupation FROM person")" = "Robert'); DROP TABLE person; --" ] || t_fail "SQL not kept as text"
ht export 04-bcdbqh-mt --unit UBND --draft -o "$T/f.xlsx" --db "$T/a.db"
expect_exit 0
"$PYTHON" - "$T/f.xlsx" >"$T/cells.txt" <<'PY'
import sys, zipfile, openpyxl
z = zipfile.ZipFile(sys.argv[1])
for n in z.namelist():
    if n.startswith('xl/worksheets/') and b'<f>' in z.read(n):
        print('FORMULA in', n)
for ws in openpyxl.load_workbook(sys.argv[1]):
    for row in ws.iter_rows():
        for c in row:
            if isinstance(c.value, str) and ('calc' in c.value or 'DROP' in c.value):
                print(c.data_type, c.value)
PY
grep -qF "s =cmd|' /C calc'!A0" "$T/cells.txt" || t_fail "the formula is not a string cell: $(cat "$T/cells.txt")"
grep -qF "s Robert'); DROP TABLE person; --" "$T/cells.txt" || t_fail "the SQL text is not a string cell"
grep -q FORMULA "$T/cells.txt" && t_fail "a formula was written"
t_end
