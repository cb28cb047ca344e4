#!/bin/sh
# t4000: the hash-chained audit trail: recording, log, verify, head, note,
# accept, and tampering through the sqlite3 shell.
. "$TOP/tests/lib.sh"

make_province_book
B="$T/p.db"
verify_py() {
	"$PYTHON" "$TOP/tools/verify-audit.py" "$@" >"$OUT" 2>"$ERR"
	RC=$?
}

t_case "a new book's chain verifies"
ht audit verify --db "$B"
expect_exit 0
expect_out "nhật ký nguyên vẹn: 1 mục"
expect_out "dữ liệu của sổ khớp với mục cuối"
t_end

t_case "entries are chained from the genesis hash"
[ "$(sql "$B" "SELECT prev_hash FROM audit WHERE id = 1")" = 0000000000000000000000000000000000000000000000000000000000000000 ] ||
	t_fail "first prev_hash"
[ "$(sql "$B" "SELECT length(hash) FROM audit WHERE id = 1")" = 64 ] || t_fail "hash length"
t_end

t_case "note appends an entry with operator, time and command line"
HIEPTHUONG_NOW=2026-01-05T08:30:00+07:00 ht audit note "biên bản hiệp thương lần thứ nhất đã ký" --body qh --by "Trần Văn Bình" --db "$B"
expect_exit 0
[ "$(sql "$B" "SELECT operator FROM audit WHERE id = 2")" = "Trần Văn Bình" ] || t_fail "operator"
[ "$(sql "$B" "SELECT at FROM audit WHERE id = 2")" = "2026-01-05T08:30:00+07:00" ] || t_fail "time"
sql "$B" "SELECT command FROM audit WHERE id = 2" | grep -qF "audit note 'biên bản hiệp thương lần thứ nhất đã ký' --body qh" ||
	t_fail "command line not quoted: $(sql "$B" "SELECT command FROM audit WHERE id = 2")"
[ "$(sql "$B" "SELECT prev_hash = (SELECT hash FROM audit WHERE id = 1) FROM audit WHERE id = 2")" = 1 ] || t_fail "link"
[ "$(sql "$B" "SELECT entries || ' ' || last_id FROM audit_head")" = "2 2" ] || t_fail "head"
t_end

t_case "without --by the operator is the OS user"
HIEPTHUONG_NOW=2026-01-07T15:00:00+07:00 ht audit note "ghi chú thứ hai" --db "$B"
expect_exit 0
[ "$(sql "$B" "SELECT operator FROM audit WHERE id = 3")" = "$(id -un)" ] || t_fail "operator is not $(id -un)"
t_end

t_case "an empty --by is refused before anything is written"
cp "$B" "$T/before.db"
ht audit note "x" --by "" --db "$B"
expect_exit 2
expect_err "--by cần tên"
expect_same "$B" "$T/before.db"
t_end

t_case "audit log lists entries oldest first with their changes"
ht audit log --db "$B"
expect_exit 0
expect_out "#1  "
expect_out "tạo sổ từ"
expect_out "#2  2026-01-05T08:30:00+07:00  Trần Văn Bình"
expect_out "ghi chú: biên bản hiệp thương lần thứ nhất đã ký"
[ "$(grep -n '^#' "$OUT" | cut -d: -f2 | tr -d '\n')" = "#1  #2  #3  " ] ||
	[ "$(grep -c '^#' "$OUT")" = 3 ] || t_fail "not three entries in order"
t_end

t_case "audit log --body keeps the entries about that body"
ht audit log --body qh --db "$B"
expect_exit 0
expect_out "#2  "
expect_not_out "#3  "
expect_not_out "#1  "
t_end

t_case "audit log --since/--until filter by the entry's local date"
ht audit log --since 06/01/2026 --db "$B"
expect_not_out "#2  "
expect_out "#3  "
ht audit log --since 2026-01-05 --until 05/01/2026 --db "$B"
expect_out "#2  "
expect_not_out "#3  "
t_end

t_case "audit log --format json is valid JSON with the stored changes"
ht audit log --format json --db "$B"
expect_exit 0
"$PYTHON" - "$OUT" <<'PY' || t_fail "json"
import json, sys
e = json.load(open(sys.argv[1]))
assert [x["id"] for x in e] == [1, 2, 3], e
assert e[1]["subjects"] == ["body:1"], e[1]
assert e[1]["changes"] == [{"note": "ghi chú: biên bản hiệp thương lần thứ nhất đã ký"}], e[1]
assert len(e[2]["hash"]) == 64
PY
t_end

t_case "audit log --candidate matches entries naming that candidacy"
ht audit log --candidate 5 --db "$B"
expect_exit 0
expect_out "(không có mục nào)"
t_end

t_case "an independent re-implementation of the documented encoding agrees"
verify_py "$B"
expect_exit 0
hash=$(sql "$B" "SELECT hash FROM audit_head")
expect_out "ok 3 $hash"
t_end

t_case "audit head prints the head hash, grouped for writing by hand"
ht audit head --db "$B"
expect_exit 0
expect_out "mã đầu chuỗi: $hash"
expect_out "để ghi vào biên bản: $(echo "$hash" | cut -c1-4) $(echo "$hash" | cut -c5-8)"
t_end

t_case "verify --head accepts the written-down hash, grouped or as a prefix"
grouped=$(sed -n 's/^để ghi vào biên bản: //p' "$OUT")
ht audit verify --head "$grouped" --db "$B"
expect_exit 0
expect_out "mã đầu chuỗi đã ghi có trong nhật ký"
ht audit verify --head "$(echo "$hash" | cut -c1-16)" --db "$B"
expect_exit 0
t_end

t_case "verify --head refuses a hash that is not in the chain"
ht audit verify --head 0123456789abcdef0123 --db "$B"
expect_exit 3
expect_err "không có mục nào mang mã '0123456789abcdef0123'"
t_end

t_case "verify --head refuses what is not a hash"
ht audit verify --head "xyz" --db "$B"
expect_exit 2
expect_err "không phải mã đầu chuỗi"
t_end

# Tampering through the sqlite3 shell.
tamper() {
	cp "$B" "$T/x.db"
	sqlite3 "$T/x.db" "$1" 2>"$T/sqlite.err"
}

t_case "the triggers stop a casual UPDATE or DELETE of an entry"
tamper "UPDATE audit SET operator = 'ai đó' WHERE id = 2"
grep -q "chỉ được ghi thêm" "$T/sqlite.err" || t_fail "update not refused"
tamper "DELETE FROM audit WHERE id = 3"
grep -q "chỉ được ghi thêm" "$T/sqlite.err" || t_fail "delete not refused"
expect_same "$B" "$T/x.db"
t_end

t_case "an UPDATE of an entry is named by verify"
tamper "DROP TRIGGER audit_append_only_update; UPDATE audit SET operator = 'ai đó' WHERE id = 2"
ht audit verify --db "$T/x.db"
expect_exit 3
expect_err "không còn nguyên vẹn ở mục #2: nội dung của mục đã bị sửa"
verify_py "$T/x.db"
expect_exit 3
expect_out "entry 2: content changed"
t_end

t_case "an entry rewritten with a recomputed hash breaks the next link"
tamper "DROP TRIGGER audit_append_only_update"
"$PYTHON" - "$T/x.db" "$TOP/tools/verify-audit.py" <<'PY'
import importlib.util, sqlite3, sys
spec = importlib.util.spec_from_file_location("v", sys.argv[2])
v = importlib.util.module_from_spec(spec)
spec.loader.exec_module(v)
db = sqlite3.connect(sys.argv[1])
r = db.execute("SELECT prev_hash, id, at, operator, command, subjects, changes, state FROM audit WHERE id = 2").fetchone()
r = list(r)
r[3] = "ai đó"
db.execute("UPDATE audit SET operator = ?, hash = ? WHERE id = 2", (r[3], v.entry_hash(*r)))
db.commit()
PY
ht audit verify --db "$T/x.db"
expect_exit 3
expect_err "ở mục #3: mục không nối với mục #2"
t_end

t_case "a DELETE in the middle is a gap"
tamper "DROP TRIGGER audit_append_only_delete; DELETE FROM audit WHERE id = 2"
ht audit verify --db "$T/x.db"
expect_exit 3
expect_err "ở mục #2: mục #2 đã bị xóa (sau mục #1 là mục #3)"
t_end

t_case "deleting the last entry is caught by the head"
tamper "DROP TRIGGER audit_append_only_delete; DELETE FROM audit WHERE id = 3"
ht audit verify --db "$T/x.db"
expect_exit 3
expect_err "ở mục #3: mục cuối #3 đã bị xóa (đầu chuỗi ghi 3 mục)"
t_end

t_case "deleting the last entries and fixing the head up is caught by the data state"
tamper "DROP TRIGGER audit_append_only_delete; DELETE FROM audit WHERE id = 3;
UPDATE audit_head SET entries = 2, last_id = 2, hash = (SELECT hash FROM audit WHERE id = 2),
state = (SELECT state FROM audit WHERE id = 2)"
ht audit verify --db "$T/x.db"
expect_exit 3
expect_err "dữ liệu của sổ đã bị sửa ngoài hiepthuong sau mục này (bảng '(schema)')"
t_end

t_case "a head anchor written earlier catches a cleanly cut tail"
# Cut the tail and leave no trace in the schema either: only the anchor
# kept outside the book can tell.
cp "$B" "$T/x.db"
sqlite3 "$T/x.db" "DROP TRIGGER audit_append_only_delete; DELETE FROM audit WHERE id = 3;
UPDATE audit_head SET entries = 2, last_id = 2, hash = (SELECT hash FROM audit WHERE id = 2);
CREATE TRIGGER audit_append_only_delete BEFORE DELETE ON audit
BEGIN
	SELECT RAISE(ABORT, 'nhật ký chỉ được ghi thêm, không được xóa');
END;"
ht audit verify --db "$T/x.db"
expect_exit 0
ht audit verify --head "$hash" --db "$T/x.db"
expect_exit 3
expect_err "không có mục nào mang mã"
t_end

t_case "an edit of the data through the shell is named with its table"
tamper "UPDATE body SET seats = 9 WHERE code = 'qh'"
ht audit verify --db "$T/x.db"
expect_exit 3
expect_err "ở mục #3: dữ liệu của sổ đã bị sửa ngoài hiepthuong sau mục này (bảng 'body')"
verify_py "$T/x.db"
expect_exit 3
expect_out "data changed"
t_end

t_case "a deleted data row is caught too"
tamper "DELETE FROM constituency_area WHERE constituency_id = 1 AND seq = 1"
ht audit verify --db "$T/x.db"
expect_exit 3
expect_err "(bảng 'constituency_area')"
t_end

t_case "writing commands refuse a book changed outside hiepthuong"
tamper "UPDATE body SET seats = 9 WHERE code = 'qh'"
cp "$T/x.db" "$T/x0.db"
ht audit note "x" --db "$T/x.db"
expect_exit 3
expect_err "đã bị sửa ngoài hiepthuong sau mục nhật ký #3 (bảng 'body')"
expect_err "audit accept"
expect_same "$T/x.db" "$T/x0.db"
t_end

t_case "audit accept records the outside change with its reason, then work goes on"
HIEPTHUONG_NOW=2026-01-08T09:00:00+07:00 ht audit accept --reason "sửa số ghế theo Nghị quyết 12" --by "Lê Thị Mai" --db "$T/x.db"
expect_exit 0
expect_out "đã ghi nhận vào nhật ký: bảng 'body'"
ht audit verify --db "$T/x.db"
expect_exit 0
ht audit log --db "$T/x.db"
expect_out "ghi nhận dữ liệu bị sửa ngoài hiepthuong ở bảng 'body'"
expect_out "lý do: sửa số ghế theo Nghị quyết 12"
ht audit note "tiếp tục" --db "$T/x.db"
expect_exit 0
t_end

t_case "audit accept on an intact book records nothing"
cp "$B" "$T/y.db"
ht audit accept --reason "không có gì" --db "$T/y.db"
expect_exit 0
expect_out "không có gì để ghi nhận"
expect_same "$B" "$T/y.db"
t_end

t_case "audit accept needs a reason"
ht audit accept --db "$T/y.db"
expect_exit 2
expect_err "cần --reason"
t_end

t_case "audit accept cannot repair an altered entry"
tamper "DROP TRIGGER audit_append_only_update; UPDATE audit SET command = 'x' WHERE id = 2"
cp "$T/x.db" "$T/x0.db"
ht audit accept --reason "thử" --db "$T/x.db"
expect_exit 3
expect_err "mục #2 của nhật ký đã bị sửa"
expect_same "$T/x.db" "$T/x0.db"
t_end

t_case "audit accept after the last entry was deleted rebuilds the head and says so"
tamper "DROP TRIGGER audit_append_only_delete; DELETE FROM audit WHERE id = 3"
ht audit accept --reason "xóa nhầm" --db "$T/x.db"
expect_exit 0
ht audit verify --db "$T/x.db"
expect_exit 0
ht audit log --db "$T/x.db"
expect_out "ghi nhận đầu chuỗi nhật ký bị thay đổi ngoài hiepthuong: mục cuối #3 đã bị xóa"
expect_out "mục cuối #3, mã $hash"
t_end

t_case "verify checks the file itself (integrity_check)"
cp "$B" "$T/c.db"
size=$(stat -c %s "$T/c.db")
# Scribble over the middle of the file (not the header).
"$PYTHON" - "$T/c.db" <<'PY'
import sys
f = open(sys.argv[1], "r+b")
f.seek(4096 + 100)
f.write(b"\xff" * 3000)
f.seek(8192 + 8)
f.write(b"\x00\x13" * 500)
PY
ht audit verify --db "$T/c.db"
expect_exit 3
t_end

t_case "sql_write (tests/lib.sh) sets a book up and keeps it writable"
cp "$B" "$T/w.db"
sql_write "$T/w.db" "UPDATE body SET seats = 10 WHERE code = 'qh'"
ht audit note "sau khi sửa" --db "$T/w.db"
expect_exit 0
ht audit verify --db "$T/w.db"
expect_exit 0
t_end

t_case "maintenance in the shell (VACUUM, ANALYZE) is no false alarm"
cp "$B" "$T/m.db"
sqlite3 "$T/m.db" "VACUUM; ANALYZE;"
ht audit verify --db "$T/m.db"
expect_exit 0
ht audit note "sau VACUUM" --db "$T/m.db"
expect_exit 0
t_end

t_case "rows are hashed in key order: rowids that VACUUM renumbers do not matter, C and Python agree"
cp "$B" "$T/o.db"
# A table without a key (added in the shell, then accepted), with a duplicate row.
sql_write "$T/o.db" "CREATE TABLE extra(a, b); INSERT INTO extra VALUES (2, 'y'), (1, x'00ff'), (2, 'y'), (NULL, 1.5),
(-9223372036854775808, hex(zeroblob(70000))), (-1, zeroblob(140000))"
verify_py "$T/o.db"
expect_exit 0
# The same rows again, inserted in the reverse order: other rowids, same data.
sqlite3 "$T/o.db" "CREATE TEMP TABLE d AS SELECT * FROM deadline; DELETE FROM deadline;
INSERT INTO deadline SELECT * FROM d ORDER BY key DESC;
CREATE TEMP TABLE e AS SELECT * FROM extra; DELETE FROM extra; INSERT INTO extra SELECT * FROM e ORDER BY rowid DESC;
VACUUM"
ht audit verify --db "$T/o.db"
expect_exit 0
expect_out "dữ liệu của sổ khớp với mục cuối"
verify_py "$T/o.db"
expect_exit 0
expect_out "ok "
# One value changed is found by both, and named by table.
sqlite3 "$T/o.db" "UPDATE extra SET b = 'z' WHERE a IS NULL"
ht audit verify --db "$T/o.db"
expect_exit 3
expect_err "(bảng 'extra')"
verify_py "$T/o.db"
expect_exit 3
expect_out "data changed since"
t_end
