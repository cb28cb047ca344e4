#!/bin/sh
# t3001: export refusals, the export gate, drafts and template errors.
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
"$HT" audit accept --reason "test set-up" --db "$T/p.db" >/dev/null 2>&1
cp "$T/p.db" "$T/strict.db"
sqlite3 "$T/p.db" "UPDATE book SET rules_text = replace(rules_text, 'severity: error', 'severity: warning')"
# A final export locks lists and so writes to the book: record the set-up.
"$HT" audit accept --reason "test set-up" --db "$T/p.db" >/dev/null 2>&1

t_case "unknown form"
ht export --db "$T/p.db" 99-xyz -o "$T/x.xlsx"
expect_exit 2
expect_err "không có mẫu '99-xyz'"
expect_no_file "$T/x.xlsx"
t_end

t_case "a form that needs a round says so"
ht export --db "$T/p.db" 05-bcdbqh-mt -o "$T/x.xlsx"
expect_exit 2
expect_err "cần --round"
t_end

t_case "a council form refuses the National Assembly"
ht export --db "$T/p.db" 05-bcdbhdnd-mt --body qh --round 2 -o "$T/x.xlsx"
expect_exit 2
expect_err "không dùng cho cơ quan 'qh'"
t_end

t_case "a list of round 1 does not exist"
ht export --db "$T/p.db" 05-bcdbqh-mt --round 1 -o "$T/x.xlsx"
expect_exit 3
expect_err "mẫu chỉ dành cho hội nghị hiệp thương lần 2 hoặc 3"
expect_no_file "$T/x.xlsx"
t_end

t_case "export without -o is a usage error"
ht export --db "$T/p.db" 17-hdbc-qh --constituency 1
expect_exit 2
expect_err "cần -o"
t_end

t_case "the gate stops an export when the book has errors, and the book is unchanged"
cp "$T/strict.db" "$T/bad.db"
sql_write "$T/bad.db" "UPDATE constituency SET seats = 2 WHERE id = 1"
cp "$T/bad.db" "$T/bad-copy.db"
ht export --db "$T/bad.db" 17-hdbc-qh --constituency 1 -o "$T/x.xlsx"
expect_exit 1
expect_err "SEATS-SUM"
expect_err "--draft"
expect_no_file "$T/x.xlsx"
expect_same "$T/bad.db" "$T/bad-copy.db"
t_end

t_case "--draft writes it anyway, marked BẢN NHÁP on the sheet and every page"
ht export --db "$T/bad.db" 17-hdbc-qh --constituency 1 -o "$T/x.xlsx" --draft
expect_exit 0
$DUMP "$T/x.xlsx" >"$T/x.txt"
grep -q "^header .*BẢN NHÁP" "$T/x.txt" || t_fail "page header"
grep -q "^cell A1 | BẢN NHÁP | .*bold.*color=FFFF0000" "$T/x.txt" || t_fail "mark on the sheet"
t_end

t_case "export all is stopped by the gate too, and writes nothing"
ht export --db "$T/bad.db" all -o "$T/alldir"
expect_exit 1
expect_no_file "$T/alldir"
t_end

t_case "a template with an unknown key is refused with file:line:col"
mkdir -p "$T/tpl"
cp "$TOP/templates/17-hdbc-qh.yaml" "$T/tpl/"
sed 's/^  sheet: /  sheeet: /' "$TOP/templates/16-hdbc-qh.yaml" >"$T/tpl/16.yaml"
ht export --db "$T/p.db" --templates "$T/tpl" 17-hdbc-qh --constituency 1 -o "$T/y.xlsx"
expect_exit 3
expect_err "16.yaml:"
expect_err "khóa không xác định 'sheeet'"
expect_no_file "$T/y.xlsx"
t_end

t_case "a fill-in naming a field the dataset lacks is refused"
rm -f "$T/tpl/16.yaml"
sed 's/{seats|/{seets|/' "$TOP/templates/17-hdbc-qh.yaml" >"$T/tpl/17-hdbc-qh.yaml"
HIEPTHUONG_TEMPLATES="$T/tpl" ht export --db "$T/p.db" 17-hdbc-qh --constituency 1 -o "$T/y.xlsx"
expect_exit 3
expect_err "trường 'seets' không có trong dữ liệu 'official_list'"
t_end

t_case "a bad fill-in syntax is refused at its line"
printf 'form:\n  id: x\n  code: "X"\n  title: "X"\n  dataset: round\n  file: "x"\n  sheet: "X"\npage:\n  orientation: portrait\n  columns: [10, 10]\ncontent:\n  - text: "Hồi {start_hour giờ"\n' >"$T/tpl/17-hdbc-qh.yaml"
HIEPTHUONG_TEMPLATES="$T/tpl" ht export --db "$T/p.db" --list
expect_exit 3
expect_err "17-hdbc-qh.yaml:12:"
expect_err "thiếu '}'"
t_end

t_case "export needs a book"
ht export --db "$T/none.db" 05-bcdbqh-mt --body qh --round 2 -o "$T/nobook.xlsx"
expect_exit 3
expect_err "chưa có sổ '$T/none.db'"
expect_no_file "$T/nobook.xlsx"
t_end

t_case "export --list lists the templates without a book"
ht export --db "$T/none.db" --list
expect_exit 0
expect_out "17-hdbc-qh"
expect_out "05-bcdbqh-mt"
expect_no_file "$T/none.db"
t_end
