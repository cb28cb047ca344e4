#!/bin/sh
# t4400: locked stages.  A final export (no --draft) of a round's list locks
# that stage of the body; afterwards a change to what it decided is refused
# unless made as a correction (--correct "LÝ DO"), which shows in the
# candidate's history and in the audit trail.  A draft never locks;
# exporting a locked list again is fine and writes nothing.
. "$TOP/tests/lib.sh"
export HIEPTHUONG_TODAY=2026-02-10

make_fixture_book relaxed
D="--db $T/p.db"

locks() { sql "$T/p.db" "SELECT count(*) FROM stage_lock"; }
entries() { sql "$T/p.db" "SELECT count(*) FROM audit"; }

# unchanged CMD...: a command that must fail leaves the book as it was.
unchanged() {
	sqlite3 "$T/p.db" .dump >"$T/before.sql"
	"$@"
	sqlite3 "$T/p.db" .dump >"$T/after.sql"
	cmp -s "$T/before.sql" "$T/after.sql" || t_fail "the book changed"
}

t_case "a draft export locks nothing and writes nothing to the book"
n=$(entries)
unchanged ht export $D 05-bcdbqh-mt --round 2 -o "$T/draft.xlsx" --draft
expect_exit 0
expect_file "$T/draft.xlsx"
expect_not_out "đã khóa"
[ "$(locks)" = 0 ] || t_fail "a draft locked a stage"
[ "$(entries)" = "$n" ] || t_fail "a draft added an audit entry"
t_end

t_case "before any lock a decision needs no correction (and --correct says so)"
ht candidate add $D --body qh --name "Hồ Văn Khải" --dob 01/01/1980 --sex Nam --self
expect_exit 0
ht candidate add $D --body qh --name "Lục Thị Quyên" --dob 02/02/1982 --sex Nữ --self
expect_exit 0
ht decide $D --body qh --candidate "Lục Thị Quyên" --round 2 --include --correct "không cần"
expect_exit 0
expect_err "chưa khóa; không cần --correct"
[ "$(sql "$T/p.db" "SELECT count(*) FROM candidacy_event WHERE decision = 'correction'")" = 0 ] ||
	t_fail "a correction was recorded without a lock"
t_end

t_case "the final export of round 2's list locks the preliminary list, in the audit trail and status"
n=$(entries)
ht export $D 05-bcdbqh-mt --round 2 -o "$T/r2.xlsx"
expect_exit 0
expect_file "$T/r2.xlsx"
expect_out "đã khóa danh sách sơ bộ"
[ "$(sql "$T/p.db" "SELECT b.code, l.stage, l.locked_at, l.form, l.file FROM stage_lock l JOIN body b ON b.id = l.body_id")" = \
  "qh|preliminary|2026-02-10|Mẫu số 05/BCĐBQH-MT|$T/r2.xlsx" ] || t_fail "lock row: $(sql "$T/p.db" "SELECT * FROM stage_lock")"
[ "$(entries)" = $((n + 1)) ] || t_fail "the lock has no audit entry of its own"
ht audit log $D --body qh
expect_out "khóa danh sách sơ bộ của 'qh': xuất bản chính thức Mẫu số 05/BCĐBQH-MT"
ht status $D --body qh
expect_out "Đã khóa (xuất bản chính thức): danh sách sơ bộ (Mẫu số 05/BCĐBQH-MT, 10/02/2026)"
ht audit verify $D
expect_exit 0
t_end

t_case "exporting a locked list again is fine, the same file, and writes nothing"
n=$(entries)
unchanged ht export $D 05-bcdbqh-mt --round 2 -o "$T/r2again.xlsx"
expect_exit 0
expect_not_out "đã khóa"
expect_same "$T/r2.xlsx" "$T/r2again.xlsx"
[ "$(entries)" = "$n" ] || t_fail "a second export added an audit entry"
[ "$(locks)" = 1 ] || t_fail "locks: $(locks)"
t_end

t_case "a decision into the locked list is refused, naming the lock"
unchanged ht decide $D --body qh --candidate "Hồ Văn Khải" --round 2 --include
expect_exit 3
expect_err "danh sách sơ bộ của 'qh' đã khóa khi xuất bản chính thức Mẫu số 05/BCĐBQH-MT ngày 10/02/2026"
expect_err "--correct"
t_end

t_case "a decision out of the locked list is refused too"
unchanged ht decide $D --body qh --candidate "Hồ Văn Khải" --round 2 --drop not_qualified
expect_exit 3
expect_err "đã khóa"
t_end

t_case "an empty reason is no correction"
unchanged ht decide $D --body qh --candidate "Hồ Văn Khải" --round 2 --include --correct "  "
expect_exit 2
expect_err "--correct cần lý do đính chính"
t_end

t_case "a correction is accepted, kept in the history and the audit trail"
ht decide $D --body qh --candidate "Hồ Văn Khải" --round 2 --include --correct "bỏ sót khi lập danh sách, Công văn 15/MTTQ"
expect_exit 0
expect_out "vào danh sách sơ bộ"
[ "$(sql "$T/p.db" "SELECT c.stage FROM candidacy c JOIN person p ON p.id = c.person_id WHERE p.ten = 'Khải'")" = preliminary ] ||
	t_fail "not moved"
ht candidate show $D "Hồ Văn Khải"
expect_out "đính chính danh sách sơ bộ đã khóa (Mẫu số 05/BCĐBQH-MT ngày 10/02/2026): bỏ sót khi lập danh sách, Công văn 15/MTTQ"
ht audit log $D --candidate "$(sql "$T/p.db" "SELECT c.id FROM candidacy c JOIN person p ON p.id = c.person_id WHERE p.ten = 'Khải'")"
expect_out "đính chính danh sách sơ bộ đã khóa; lý do: bỏ sót khi lập danh sách, Công văn 15/MTTQ"
expect_out "--correct"
ht audit verify $D
expect_exit 0
t_end

t_case "editing a person on a locked list needs a correction"
unchanged ht candidate edit $D "Cao Văn Bình" --occupation "Kỹ sư xây dựng"
expect_exit 3
expect_err "danh sách sơ bộ của 'qh' đã khóa"
ht candidate edit $D "Cao Văn Bình" --occupation "Kỹ sư xây dựng" --correct "ghi sai nghề nghiệp"
expect_exit 0
ht candidate show $D "Cao Văn Bình"
expect_out "đính chính danh sách sơ bộ đã khóa (Mẫu số 05/BCĐBQH-MT ngày 10/02/2026): ghi sai nghề nghiệp"
t_end

t_case "a person on no locked list is edited freely"
ht candidate edit $D "Lục Thị Quyên" --occupation "Giáo viên"
expect_exit 3
expect_err "đã khóa"
ht candidate add $D --body qh --name "Mạc Văn Tùng" --dob 03/03/1983 --sex Nam --self
expect_exit 0
ht candidate edit $D "Mạc Văn Tùng" --occupation "Giáo viên"
expect_exit 0
t_end

t_case "decide import: a row touching the locked list is refused with its row; --correct takes it"
cat >"$T/dec.csv" <<'CSV'
body,candidate,dob,stage,decision,reason,special,note,constituency
qh,Mạc Văn Tùng,03/03/1983,2,không đưa vào,not_qualified,,,
CSV
unchanged ht decide import $D "$T/dec.csv"
expect_exit 3
expect_err "dec.csv:2"
expect_err "danh sách sơ bộ của 'qh' đã khóa"
ht decide import $D "$T/dec.csv" --correct "quyết định lần hai bị sót"
expect_exit 0
ht audit log $D
expect_out "đính chính 1 quyết định trong danh sách đã khóa; lý do: quyết định lần hai bị sót"
t_end

t_case "the official list: Mẫu 17 locks it; withdraw and assign need a correction"
ht export $D 17-hdbc-qh --constituency 1 -o "$T/17.xlsx"
expect_exit 0
expect_out "đã khóa danh sách chính thức"
unchanged ht withdraw $D --body qh --candidate "Vũ Đức Anh" --note "đơn xin rút"
expect_exit 3
expect_err "danh sách chính thức của 'qh' đã khóa khi xuất bản chính thức Mẫu số 17/HĐBC-QH"
ht withdraw $D --body qh --candidate "Vũ Đức Anh" --note "đơn xin rút" --correct "xin rút sau khi công bố"
expect_exit 0
ht candidate show $D "Vũ Đức Anh"
expect_out "đính chính danh sách chính thức đã khóa (Mẫu số 17/HĐBC-QH ngày 10/02/2026): xin rút sau khi công bố"
ht decide $D --body qh --candidate "Hồ Văn Khải" --round 3 --include --special "cán bộ biên phòng"
expect_exit 0
unchanged ht assign $D --body qh --candidate "Hồ Văn Khải" --constituency 1
expect_exit 3
expect_err "danh sách chính thức của 'qh' đã khóa"
ht assign $D --body qh --candidate "Hồ Văn Khải" --constituency 1 --correct "bổ sung theo Nghị quyết 5"
expect_exit 0
ht audit verify $D
expect_exit 0
t_end

t_case "a withdrawal before the official list changes no locked round list"
ht withdraw $D --body qh --candidate "Lục Thị Quyên" --note "đơn xin rút"
expect_exit 0
t_end

t_case "export all without --draft locks every list it writes, once"
cp "$T/p.db" "$T/all.db"
ht export --db "$T/all.db" all -o "$T/all"
expect_exit 0
got=$(sql "$T/all.db" "SELECT b.code || ':' || l.stage FROM stage_lock l JOIN body b ON b.id = l.body_id ORDER BY 1" | tr '\n' ' ')
# hdnd-tinh's round 3 list is empty in the fixture, so not written.
[ "$got" = "hdnd-tinh:official hdnd-tinh:preliminary qh:official qh:preliminary qh:qualified " ] || t_fail "locks: $got"
grep -q "Mẫu số 05/BCĐBQH-MT|$T/all/05-BCDBQH-MT_qh_lan-3.xlsx" <<EOS || t_fail "the lock names the file written"
$(sql "$T/all.db" "SELECT form, file FROM stage_lock WHERE stage = 'qualified'")
EOS
ht audit verify --db "$T/all.db"
expect_exit 0
n=$(sql "$T/all.db" "SELECT count(*) FROM audit")
ht export --db "$T/all.db" all -o "$T/all2"
expect_exit 0
[ "$(sql "$T/all.db" "SELECT count(*) FROM audit")" = "$n" ] || t_fail "a second export all wrote an entry"
t_end

t_case "export all --draft locks nothing"
cp "$T/p.db" "$T/d.db"
n=$(sql "$T/d.db" "SELECT count(*) FROM stage_lock")
ht export --db "$T/d.db" all -o "$T/alld" --draft
expect_exit 0
[ "$(sql "$T/d.db" "SELECT count(*) FROM stage_lock")" = "$n" ] || t_fail "a draft export all locked"
t_end

t_case "a final export of a book changed behind hiepthuong's back is refused (the lock would hide it)"
cp "$T/p.db" "$T/t.db"
sqlite3 "$T/t.db" "UPDATE person SET occupation = 'x' WHERE id = 1"
cp "$T/t.db" "$T/t-copy.db"
ht export --db "$T/t.db" 05-bcdbqh-mt --round 3 -o "$T/r3.xlsx"
expect_exit 3
expect_err "audit accept"
expect_no_file "$T/r3.xlsx"
expect_same "$T/t.db" "$T/t-copy.db"
t_end

t_case "a template may lock only a list"
mkdir "$T/tpl"
sed 's/^  gate: nominated$/  gate: nominated\n  locks: true/' "$TOP/templates/04-bcdbqh-mt.yaml" >"$T/tpl/04-bcdbqh-mt.yaml"
ht export $D --templates "$T/tpl" --list
expect_exit 3
expect_err "'locks' chỉ dùng cho mẫu mang danh sách của một bước"
t_end
