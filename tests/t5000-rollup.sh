#!/bin/sh
# t5000: the roll-up (docs/rollup.md): a small country of invented books,
# communes -> provinces -> nation, read, checked and added up.
. "$TOP/tests/lib.sh"
export HIEPTHUONG_TODAY=2026-02-25

C="$T/country"
"$PYTHON" "$TOP/tests/bench/country.py" gen --size tiny --plant --out "$C" >/dev/null &&
	"$PYTHON" "$TOP/tests/bench/country.py" build "$C" --ht "$HT" --jobs 2 || {
	echo "FAIL $SCRIPT:setup: could not build the country"; exit 1; }
B="$C/books"
P1="$B/p01.db"
P2="$B/p02.db"
N="$B/tw.db"
sources() {
	sql "$1" "SELECT name || '|' || head || '|' || read_at FROM rollup_source ORDER BY name"
}
# report DB FILE: the JSON report of DB into FILE
report() {
	"$HT" rollup report --format json --db "$1" >"$2" 2>"$T/.report.err"
}

t_case "a province reads its communes' books from their folder"
ht rollup read "$B/p01" --db "$P1"
expect_exit 0
expect_out "đã đọc '$B/p01/c001.db' (Ủy ban Mặt trận Tổ quốc Việt Nam"
expect_out "2 sổ: 2 đã đọc, 0 không đổi, 0 không nhận"
[ "$(sql "$P1" "SELECT count(*) FROM rollup_source")" = 2 ] || t_fail "sources not recorded"
t_end

t_case "what was read is kept under the reader's audit trail"
ht audit verify --db "$P1"
expect_exit 0
ht audit log --format json --db "$P1"
expect_out "rollup read"
expect_out "đọc sổ '$B/p01/c002.db'"
"$PYTHON" "$TOP/tools/verify-audit.py" "$P1" >/dev/null 2>&1 || t_fail "verify-audit.py disagrees"
t_end

t_case "provenance: file, committee, audit head, when read, what it contributed"
ht rollup sources --format json --db "$P1"
expect_exit 0
head=$(sql "$B/p01/c001.db" "SELECT hash FROM audit_head")
expect_out "\"head\": \"$head\""
expect_out "\"file\": \"$B/p01/c001.db\""
expect_out "\"read_at\": "
expect_out "ứng cử"
t_end

t_case "reading again an unchanged book reads nothing"
before=$(sources "$P1")
ht rollup read "$B/p01" --db "$P1"
expect_exit 0
expect_out "2 sổ: 0 đã đọc, 2 không đổi, 0 không nhận"
[ "$(sources "$P1")" = "$before" ] || t_fail "a source changed"
t_end

t_case "the second province, then the nation reads the provinces' roll-ups"
ht rollup read "$B/p02" --db "$P2"
expect_exit 0
ht rollup read "$P1" "$P2" --db "$N"
expect_exit 0
expect_out "trong đó tổng hợp của 2 ủy ban cấp dưới"
[ "$(sql "$N" "SELECT count(*) FROM rollup_source")" = 6 ] || t_fail "the nation does not hold 2 provinces and 4 communes"
[ "$(sql "$N" "SELECT count(*) FROM rollup_source WHERE via_id IS NOT NULL")" = 4 ] || t_fail "communes not marked as read through their province"
t_end

# Every total against the sources, read straight from the books.
cat >"$T/sums.py" <<'EOF'
import json, sqlite3, sys
report, books = json.load(open(sys.argv[1])), sys.argv[2:]
want = {}
def add(code, key, v):
    want.setdefault(code, {}).setdefault(key, 0)
    want[code][key] += v
for b in books:
    db = sqlite3.connect("file:%s?mode=ro" % b, uri=True)
    for code, seats in db.execute("SELECT code, seats FROM body"):
        add(code, "seats", seats)
        add(code, "committees", 1)
    for code, n in db.execute("SELECT b.code, count(*) FROM constituency k JOIN body b ON b.id = k.body_id GROUP BY 1"):
        add(code, "constituencies", n)
    for code, stage, n in db.execute("SELECT b.code, c.stage, count(*) FROM candidacy c JOIN body b ON b.id = c.body_id "
                                     "GROUP BY 1, 2"):
        for s in ("nominated", "preliminary", "qualified", "official"):
            if ["proposed", "nominated", "preliminary", "qualified", "official"].index(stage) >= \
               ["proposed", "nominated", "preliminary", "qualified", "official"].index(s):
                add(code, s, n)
    for code, n in db.execute("SELECT b.code, count(*) FROM candidacy c JOIN body b ON b.id = c.body_id "
                              "WHERE c.status = 'dropped' GROUP BY 1"):
        add(code, "dropped", n)
    for code, n in db.execute("SELECT b.code, count(*) FROM conference c JOIN body b ON b.id = c.body_id "
                              "WHERE c.kind IN ('workplace', 'residence', 'thon') GROUP BY 1"):
        add(code, "voter_conferences", n)
    for code, n in db.execute("SELECT b.code, count(*) FROM candidacy c JOIN body b ON b.id = c.body_id "
                              "JOIN person p ON p.id = c.person_id WHERE c.stage = 'official' AND c.status = 'active' "
                              "AND p.sex = 'nu' GROUP BY 1"):
        add(code, "women_official", n)
totals = [r for r in report["committees"] if r["committee"].startswith("Tổng")]
structure = {r["body"]: r for r in report["structure"] if r["committee"].startswith("Tổng") and r["list"] == "official"}
bad = 0
for r in totals:
    w = want.get(r["body"], {})
    for k in ("seats", "constituencies", "nominated", "preliminary", "qualified", "official", "dropped", "voter_conferences"):
        if r[k] != w.get(k, 0):
            print("%s %s: report %s, sources %s" % (r["body"], k, r[k], w.get(k, 0)))
            bad += 1
    if r["committee"] != "Tổng (%d ủy ban)" % w.get("committees", 0):
        print("%s: %s, %d books" % (r["body"], r["committee"], w.get("committees", 0)))
        bad += 1
    if structure[r["body"]]["women"] != w.get("women_official", 0):
        print("%s women: %s, %s" % (r["body"], structure[r["body"]]["women"], w.get("women_official", 0)))
        bad += 1
if set(r["body"] for r in totals) != set(want):
    print("body types: %s, %s" % (sorted(r["body"] for r in totals), sorted(want)))
    bad += 1
# each committee's row is its own book's
for r in report["committees"]:
    if not r["committee"].startswith("Tổng") and r["official"] is None:
        print("committee row without figures: %s" % r)
        bad += 1
sys.exit(1 if bad else 0)
EOF

t_case "the province's totals are the sums of its book and its communes' books"
report "$P1" "$T/p1.json"
"$PYTHON" "$T/sums.py" "$T/p1.json" "$P1" "$B/p01/c001.db" "$B/p01/c002.db" >"$OUT" 2>&1 || t_fail "totals differ"
t_end

t_case "the nation's totals are the sums of every book of the country"
report "$N" "$T/n.json"
"$PYTHON" "$T/sums.py" "$T/n.json" "$P1" "$P2" "$B"/p01/c*.db "$B"/p02/c*.db >"$OUT" 2>&1 || t_fail "totals differ"
t_end

t_case "report: text, csv by section, json; unknown section refused"
ht rollup report --db "$N"
expect_exit 0
expect_out "Tổng hợp của Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam: 6 sổ cấp dưới đã đọc"
expect_out "== Hội đồng nhân dân cấp xã [hdnd-xa]: 4 ủy ban"
expect_out "chỉ tiêu HDND-WOMEN phụ nữ: ít nhất 35% của danh sách chính thức"
ht rollup report --format csv --section stages --db "$N"
expect_exit 0
expect_out "committee,body,stage,stage_name,entered,passed,at,dropped,withdrew,not_nominated"
ht rollup report --format csv --section constituencies --db "$P1"
expect_exit 0
expect_out "committee,body,number,seats,candidates,surplus,minimum,rule,met"
expect_out "EXCESS-HDND"
ht rollup report --format json --db "$N"
"$PYTHON" -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["sources"] == 6 and d["structure"] and d["conferences"]' "$OUT" ||
	t_fail "json does not parse"
ht rollup report --section nothing --db "$N"
expect_exit 2
expect_err "--section 'nothing' không có"
t_end

t_case "books not sent, and books older than a date"
ht rollup report --section missing --older-than 31/12/2100 --db "$N"
expect_exit 0
expect_out "sổ cũ hơn ngày 31/12/2100"
ht rollup report --section missing --older-than 01/01/2001 --db "$N"
expect_not_out "sổ cũ hơn"
ht rollup report --section missing --db "$P1"
expect_exit 0
expect_not_out "chưa gửi sổ"
t_end

t_case "a step past its deadline not recorded shows in the calendar"
ht rollup report --section calendar --today 20/03/2026 --db "$P1"
expect_exit 0
expect_out "(không có)"
"$HT" init --config "$C/p01/c001/config.yaml" --db "$T/late.db" >/dev/null 2>&1
cp "$P1" "$T/p1late.db"
ht rollup read "$T/late.db" --db "$T/p1late.db"
expect_exit 0
ht rollup report --section calendar --db "$T/p1late.db"
expect_out "Hội nghị hiệp thương lần thứ ba"
expect_out "chưa ghi, đã quá hạn"
t_end

t_case "a tampered book is refused whole; the others are kept"
cp "$B/p02/c001.db" "$T/tampered.db"
"$HT" audit note "gửi lại" --db "$T/tampered.db" >/dev/null 2>&1
sqlite3 "$T/tampered.db" "UPDATE person SET ten = 'Giả' WHERE id = 1"
cp "$P2" "$T/p2.keep"
before=$(sources "$P2")
cp "$B/p01/c001.db" "$T/other.db"
ht rollup read "$T/tampered.db" --db "$P2"
expect_exit 3
expect_err "không nhận sổ '$T/tampered.db': không qua kiểm tra nhật ký"
expect_err "dữ liệu của sổ đã bị sửa ngoài hiepthuong"
expect_out "1 sổ: 0 đã đọc, 0 không đổi, 1 không nhận"
[ "$(sources "$P2")" = "$before" ] || t_fail "the refused book changed the roll-up"
ht audit verify --db "$P2"
expect_exit 0
t_end

t_case "a broken chain, another term, another province, a non-book and the book itself are refused"
cp "$B/p02/c002.db" "$T/chain.db"
"$HT" audit note "ghi chú" --db "$T/chain.db" >/dev/null 2>&1
sqlite3 "$T/chain.db" "DROP TRIGGER audit_append_only_update; UPDATE audit SET operator = 'x' WHERE id = 2"
"$HT" init --config "$S/province/config.yaml" --db "$T/other-province.db" >/dev/null 2>&1
sed 's|2026-2031.yaml|2021-2026.yaml|' "$C/p02/c001/config.yaml" >"$C/p02/c001/old.yaml"
"$HT" init --config "$C/p02/c001/old.yaml" --db "$T/old-term.db" >/dev/null 2>&1
echo "không phải sổ" >"$T/text.db"
ht rollup read "$T/chain.db" "$T/old-term.db" "$B/p01/c001.db" "$P1" "$T/text.db" "$P2" --db "$P2"
expect_exit 3
expect_err "không nhận sổ '$T/chain.db': không qua kiểm tra nhật ký ở mục #2: nội dung của mục đã bị sửa"
expect_err "không nhận sổ '$T/old-term.db': sổ của nhiệm kỳ '2021-2026', sổ này của nhiệm kỳ '2026-2031'"
expect_err "không thuộc địa bàn của 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"
expect_err "không ở cấp dưới của"
expect_err "không nhận sổ '$T/text.db': không phải sổ hiepthuong"
expect_err "không nhận sổ '$P2': đây là chính sổ đang tổng hợp"
expect_out "6 sổ: 0 đã đọc, 0 không đổi, 6 không nhận"
t_end

PLACE=$(sql "$P1" "SELECT committee_place FROM election")
X1=$(sql "$B/p01/c001.db" "SELECT substr(committee_name, 34) FROM election")
X2=$(sql "$B/p01/c002.db" "SELECT substr(committee_name, 34) FROM election")
# add BOOK BODY UNIT NAME RESIDENCE [OPTION...]: a candidacy of the planted person
add() {
	db=$1 body=$2 unit=$3 name=$4 res=$5
	shift 5
	"$HT" candidate add --body "$body" --unit "$unit" --name "$name" --dob 12/03/1975 --sex Nữ \
		--dossier "10/01/2026 09:00" --residence "$res" "$@" --db "$db" >"$T/.add" 2>&1 ||
		t_fail "candidate add $body: $(cat "$T/.add")"
}

t_case "ELIG-LEVELS across books: the National Assembly and two council levels"
add "$P1" qh TU "Nguyễn Thị Ba Cấp" "$X1, $PLACE"
add "$P1" hdnd-tinh TU "Nguyễn Thị Ba Cấp" "$X1, $PLACE"
add "$B/p01/c001.db" hdnd-xa DU "Nguyễn Thị Ba Cấp" "$X1, $PLACE"
ht validate --db "$P1"
expect_not_out "ELIG-LEVELS"
ht rollup read "$B/p01" --db "$P1"
expect_exit 0
expect_out "2 sổ: 1 đã đọc, 1 không đổi, 0 không nhận"
ht validate --db "$P1"
expect_exit 1
expect_out "ELIG-LEVELS 'Nguyễn Thị Ba Cấp'"
expect_out "ứng cử đại biểu Quốc hội"
expect_out "ở 2 cấp: Hội đồng nhân dân tỉnh $PLACE (sổ này)"
expect_out "Hội đồng nhân dân $X1 (sổ của Ủy ban Mặt trận Tổ quốc Việt Nam $X1, đọc ngày "
expect_out "rất có thể là một người: cùng họ tên và ngày sinh"
expect_not_out "ELIG-HDND-LOC"
expect_out "Khoản 3 Điều 36"
ht validate --format json --db "$P1"
grep -q '"rule": "ELIG-LEVELS"' "$OUT" || t_fail "not a finding of the rule engine in json"
t_end

t_case "the export gate of the province's lists sees the finding"
ht export 04-bcdbqh-mt --body qh --unit TU -o "$T/04.xlsx" --db "$P1"
expect_exit 1
expect_err "ELIG-LEVELS"
t_end

t_case "the nation sees ELIG-LEVELS through the province's roll-up, and ELIG-ONEUNIT across provinces"
ht rollup read "$P1" "$P2" --db "$N"
expect_exit 0
expect_out "2 sổ: 2 đã đọc, 0 không đổi, 0 không nhận"
ht validate --db "$N"
expect_exit 1
expect_out "ELIG-LEVELS 'Nguyễn Thị Ba Cấp'"
expect_out "ELIG-ONEUNIT"
expect_out "có tên ở 2 đơn vị bầu cử đại biểu Quốc hội của các sổ khác nhau"
t_end

t_case "identity numbers: a namesake with another number is another person"
"$HT" candidate edit "Nguyễn Thị Ba Cấp" --body qh --id-number 012345678901 --db "$P1" >"$OUT" 2>&1 ||
	t_fail "edit: $(cat "$OUT")"
add "$B/p01/c002.db" hdnd-xa DU "Nguyễn Thị Ba Cấp" "$X2, $PLACE" --id-number 099999999999
ht rollup read "$B/p01" --db "$P1"
expect_out "2 sổ: 1 đã đọc, 1 không đổi, 0 không nhận"
ht validate --db "$P1"
expect_out "ELIG-LEVELS 'Nguyễn Thị Ba Cấp'"
expect_out "ở 2 cấp"
expect_not_out "$X2"
t_end

t_case "identity numbers: the same number matches a name spelt otherwise, and says it is sure"
add "$B/p01/c002.db" hdnd-xa DU "Nguyễn Thị Ba Cap" "$X2, $PLACE" --id-number 012345678901
ht rollup read "$B/p01" --db "$P1"
ht validate --db "$P1"
expect_out "ở 3 cấp"
expect_out "Hội đồng nhân dân $X2 (sổ của"
expect_out "chắc chắn là một người: cùng số căn cước (họ tên ghi khác nhau)"
t_end

t_case "a birth date known only to the year matches, and the finding says so"
for body in qh hdnd-tinh; do
	"$HT" candidate add --body $body --unit TU --name "Trịnh Văn Năm" --dob 05/05/1970 --sex Nam \
		--residence "$X2, $PLACE" --db "$P1" >"$T/.add" 2>&1 || t_fail "add $body: $(cat "$T/.add")"
done
"$HT" candidate add --body hdnd-xa --unit DU --name "Trịnh Văn Năm" --dob 1970 --sex Nam \
	--residence "$X2, $PLACE" --db "$B/p01/c002.db" >"$T/.add" 2>&1 || t_fail "add hdnd-xa: $(cat "$T/.add")"
ht rollup read "$B/p01" --db "$P1"
ht validate --db "$P1"
expect_out "ELIG-LEVELS 'Trịnh Văn Năm'"
expect_out "có thể là một người: cùng họ tên, ngày sinh chỉ khớp một phần"
t_end

t_case "a corrected book sent again changes only that book's contribution"
report "$P1" "$T/before.json"
"$HT" withdraw --body hdnd-xa --candidate "Nguyễn Thị Ba Cấp 12/03/1975" --note "xin rút" --db "$B/p01/c001.db" >/dev/null 2>&1 ||
	t_fail "withdraw"
ht rollup read "$B/p01" --db "$P1"
expect_exit 0
expect_out "đã đọc lại '$B/p01/c001.db'"
expect_out "2 sổ: 1 đã đọc, 1 không đổi, 0 không nhận"
report "$P1" "$T/after.json"
"$PYTHON" - "$T/before.json" "$T/after.json" >"$OUT" 2>&1 <<'EOF' || t_fail "other contributions changed"
import json, sys
a, b = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
name = [r["committee"] for r in a["committees"] if r["body"] == "hdnd-xa" and not r["committee"].startswith("Tổng")]
changed = set()
for sec in ("committees", "stages", "structure", "conferences"):
    ra = [r for r in a[sec] if not r["committee"].startswith("Tổng")]
    rb = [r for r in b[sec] if not r["committee"].startswith("Tổng")]
    assert len(ra) == len(rb), sec
    for x, y in zip(ra, rb):
        x = {k: v for k, v in x.items() if k not in ("read_at", "head")}
        y = {k: v for k, v in y.items() if k not in ("read_at", "head")}
        if x != y:
            changed.add(x["committee"])
print(sorted(changed))
assert len(changed) == 1, changed
EOF
ht validate --db "$P1"
expect_out "ở 2 cấp"
expect_not_out "$X1 (sổ của"
t_end

t_case "progress on a terminal (forced): books read out of how many"
HIEPTHUONG_PROGRESS=1 "$HT" rollup read "$B/p01" --db "$P1" >"$OUT" 2>"$ERR"
tr '\r' '\n' <"$ERR" | grep -q "^đọc sổ: 2/2" || t_fail "no progress line"
"$HT" rollup read "$B/p01" --db "$P1" >"$OUT" 2>"$ERR"
expect_empty_err
t_end

t_case "the statistics workbook: a sheet per body type, percentages, charts, header and signature"
ht rollup export -o "$T/thong-ke.xlsx" --db "$N"
expect_exit 0
expect_out "đã ghi '$T/thong-ke.xlsx'"
"$PYTHON" - "$T/thong-ke.xlsx" "$T/n.json" >"$OUT" 2>&1 <<'EOF' || t_fail "workbook"
import json, sys, zipfile, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
rep = json.load(open(sys.argv[2]))
assert wb.sheetnames == ["Quốc hội", "Hội đồng nhân dân cấp tỉnh", "Hội đồng nhân dân cấp xã"], wb.sheetnames
for ws in wb.worksheets:
    cells = {(c.row, c.column): c for row in ws.iter_rows() for c in row if c.value is not None}
    text = [str(c.value) for c in cells.values()]
    assert "ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM" in text and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "TM. BAN THƯỜNG TRỰC" in text and any(t.startswith("Hà Nội, ngày 25 tháng 02 năm 2026") for t in text)
    pct = [c for c in cells.values() if c.number_format == "0.00%" and isinstance(c.value, float)]
    assert pct and all(0 <= c.value <= 1 for c in pct), ws.title
    tot = [c for c in cells.values() if c.value == "Tổng cộng"][0]
    rows = [r for r in range(1, tot.row) if isinstance(ws.cell(r, 1).value, (int, float)) and ws.cell(r, 2).value]
    committee_rows = [r for r in rows if r > [c.row for c in cells.values() if c.value == "IV. TỪNG ỦY BAN"][0]]
    for col in (3, 5, 8):
        assert ws.cell(tot.row, col).value == sum(ws.cell(r, col).value for r in committee_rows), (ws.title, col)
    code = {"Quốc hội": "qh", "Hội đồng nhân dân cấp tỉnh": "hdnd-tinh", "Hội đồng nhân dân cấp xã": "hdnd-xa"}[ws.title]
    total = [r for r in rep["committees"] if r["body"] == code and r["committee"].startswith("Tổng")][0]
    assert ws.cell(tot.row, 3).value == total["seats"] and ws.cell(tot.row, 8).value == total["official"], ws.title
z = zipfile.ZipFile(sys.argv[1])
charts = [n for n in z.namelist() if n.startswith("xl/charts/chart")]
assert len(charts) == 6, charts
xml = "".join(z.read(n).decode() for n in charts)
assert xml.count("<c:barChart>") == 6 and 'c:barDir val="bar"' in xml and 'c:barDir val="col"' in xml
print("ok")
EOF
t_end

t_case "rollup export writes like every form: not over another file, over an earlier form, or to stdout"
printf 'bảng tính của văn phòng' >"$T/clerk.xlsx"
ht rollup export -o "$T/clerk.xlsx" --db "$N"
expect_exit 3
expect_err "tệp '$T/clerk.xlsx' đã có và không phải biểu mẫu do hiepthuong xuất"
[ "$(cat "$T/clerk.xlsx")" = "bảng tính của văn phòng" ] || t_fail "the clerk's file was replaced"
ht rollup export -o "$T/thong-ke.xlsx" --db "$N"
expect_exit 0
ht rollup export -o "$T/clerk.xlsx" --force --db "$N"
expect_exit 0
"$HT" rollup export -o - --db "$N" >"$T/stdout.xlsx" 2>"$ERR"
"$PYTHON" -c 'import openpyxl,sys; assert len(openpyxl.load_workbook(sys.argv[1]).sheetnames) == 3' "$T/stdout.xlsx" ||
	t_fail "-o - did not write the workbook"
ls "$T" | grep -q 'tmp-' && t_fail "temporary file left"
t_end

t_case "rollup export: the same book and the same day write the same bytes, dated that day"
ht rollup export -o "$T/same1.xlsx" --today 2026-02-25 --db "$N"
expect_exit 0
sleep 1
ht rollup export -o "$T/same2.xlsx" --today 2026-02-25 --db "$N"
expect_exit 0
expect_same "$T/same1.xlsx" "$T/same2.xlsx"
"$PYTHON" -c 'import openpyxl,sys; c = openpyxl.load_workbook(sys.argv[1]).properties.created; assert (c.year, c.month, c.day) == (2026, 2, 25), c' \
	"$T/same1.xlsx" 2>>"$ERR" || t_fail "not created on the report's day"
t_end

t_case "rollup export needs -o and a book with something to count"
ht rollup export --db "$N"
expect_exit 2
expect_err "cần -o TỆP.xlsx"
"$HT" init --config "$C/tw/config.yaml" --db "$T/empty-tw.db" >/dev/null 2>&1
ht rollup export -o "$T/x.xlsx" --db "$T/empty-tw.db"
expect_exit 3
expect_err "chưa có gì để thống kê"
expect_no_file "$T/x.xlsx"
t_end

t_case "rollup read needs a book; a folder without books is a warning"
ht rollup read --db "$P1"
expect_exit 2
expect_err "cần ít nhất một sổ hoặc một thư mục sổ"
mkdir "$T/emptydir"
ht rollup read "$T/emptydir" --db "$P1"
expect_exit 0
expect_err "thư mục '$T/emptydir' không có tệp sổ nào"
t_end
