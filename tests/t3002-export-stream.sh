#!/bin/sh
# t3002: the renderer reads a table's rows from the book as it writes them
# (dataset.h, ds_open): numbering, totals and groups come out right when a
# table is read several times, streamed or matched per group; read back
# with openpyxl.
. "$TOP/tests/lib.sh"

make_province_book
sqlite3 -bail "$T/p.db" <"$TOP/tests/data/people.sql" >/dev/null &&
	sqlite3 -bail "$T/p.db" <"$TOP/tests/data/province.sql" >/dev/null || {
	echo "FAIL $SCRIPT:setup: fixtures"; exit 1; }
"$HT" audit accept --reason "test set-up" --db "$T/p.db" >/dev/null 2>&1
cp "$T/p.db" "$T/strict.db"
# As in t3000: a partial book, its pack relaxed to warnings.
sqlite3 "$T/p.db" "UPDATE book SET rules_text = replace(rules_text, 'severity: error', 'severity: warning')"
"$HT" audit accept --reason "test set-up" --db "$T/p.db" >/dev/null 2>&1

# One table of the distribution read three ways: the whole list with a
# totals row, per constituency (matched to an enclosing `each`), and the
# whole list again.
mkdir -p "$T/tpl"
cat >"$T/tpl/test-stream.yaml" <<'EOF'
form:
  id: test-stream
  code: "Thử"
  title: "Danh sách đọc nhiều lần"
  dataset: distribution
  file: "test-stream_{body_code}"
  sheet: "Thử"
page:
  orientation: portrait
  margins_mm: {left: 15, right: 12, top: 15, bottom: 15}
  size: 12
  columns: [5, 30, 10]
content:
  - text: "Tất cả"
  - table:
      rows: candidates
      total: "Tổng"
      columns:
        - {head: "STT", field: "#"}
        - {head: "Họ và tên", field: full_name}
        - {head: "Đơn vị", field: constituency_no, number: true, sum: true}
  - each:
      rows: constituencies
      content:
        - text: "Đơn vị số {constituency_no}: {candidates_count} người, thứ {#}"
        - table:
            rows: candidates
            match: constituency_no
            columns:
              - {head: "STT", field: "#"}
              - {head: "Họ và tên", field: full_name}
              - {head: "Đơn vị", field: constituency_no, number: true}
  - text: "Lần nữa"
  - table:
      rows: candidates
      columns:
        - {head: "STT", field: "#"}
        - {head: "Họ và tên", field: full_name}
        - {head: "Đơn vị", field: constituency_no, number: true}
EOF

t_case "a list read whole, per group and again: numbering, totals and groups as the book has them"
ht export --db "$T/p.db" --templates "$T/tpl" test-stream --body qh -o "$T/s.xlsx"
expect_exit 0
$PYTHON - "$T/s.xlsx" "$T/p.db" >"$T/why" 2>&1 <<'EOF' || t_fail "$(cat "$T/why")"
import sqlite3, sys
import openpyxl

ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]
rows = [[c.value for c in r] for r in ws.iter_rows(min_row=2, max_col=3)]
db = sqlite3.connect(sys.argv[2])
people = db.execute(
    "SELECT q.number, p.ho || ' ' || CASE WHEN p.ten_dem <> '' THEN p.ten_dem || ' ' ELSE '' END || p.ten "
    "FROM candidacy k JOIN person p ON p.id = k.person_id JOIN constituency q ON q.id = k.constituency_id "
    "WHERE k.body_id = 1 AND k.status = 'active' AND k.stage IN ('qualified', 'official') "
    "ORDER BY q.number, p.sort_key").fetchall()
units = [n for (n,) in db.execute("SELECT number FROM constituency WHERE body_id = 1 ORDER BY number")]
assert len(people) >= 10 and len({n for n, _ in people}) >= 2, "the fixture has too few people"
header = ["STT", "Họ và tên", "Đơn vị"]

def table(at, want):
    assert rows[at] == header, "row %d: %r is not a header" % (at + 2, rows[at])
    for i, (number, name) in enumerate(want):
        got = rows[at + 1 + i]
        assert got == [i + 1, name, number], "row %d: %r, expected %r" % (at + 3 + i, got, [i + 1, name, number])
    return at + 1 + len(want)

at = 0
assert rows[at][0] == "Tất cả"
at = table(at + 1, people)
assert rows[at][0] == "Tổng" and rows[at][2] == sum(n for n, _ in people), "totals row %r" % (rows[at],)
at += 1
for i, unit in enumerate(units):
    mine = [p for p in people if p[0] == unit]
    count = db.execute("SELECT count(*) FROM candidacy c JOIN constituency k ON k.id = c.constituency_id "
                       "WHERE k.body_id = 1 AND k.number = ? AND c.status = 'active' "
                       "AND c.stage IN ('qualified', 'official')", (unit,)).fetchone()[0]
    want = "Đơn vị số %d: %d người, thứ %d" % (unit, count, i + 1)
    assert rows[at][0] == want, "row %d: %r, expected %r" % (at + 2, rows[at][0], want)
    at = table(at + 1, mine)
assert rows[at][0] == "Lần nữa", "row %d: %r" % (at + 2, rows[at])
at = table(at + 1, people)
assert all(r == [None, None, None] for r in rows[at:]), "rows after the last table: %r" % (rows[at:at + 3],)
EOF
t_end

t_case "the same list twice gives the same file"
ht export --db "$T/p.db" --templates "$T/tpl" test-stream --body qh -o "$T/s2.xlsx"
expect_exit 0
expect_same "$T/s.xlsx" "$T/s2.xlsx"
t_end

t_case "the gate's refusal counts the errors it printed"
ht export --db "$T/strict.db" 17-hdbc-qh --constituency 1 -o "$T/x.xlsx"
expect_exit 1
n=$(grep -c "^hiepthuong: lỗi: [A-Z0-9-]*[ :]" "$ERR")
[ "$n" -gt 0 ] || t_fail "no errors printed"
expect_err "sổ còn $n lỗi"
expect_no_file "$T/x.xlsx"
t_end
