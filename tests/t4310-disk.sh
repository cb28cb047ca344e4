#!/bin/sh
# t4310: a full disk and a read-only book, simulated with an LD_PRELOAD shim
# (tests/shim/failwrite.c): tests run as root, which chmod does not stop.
# Each failure must be said clearly in Vietnamese, exit 3, and leave the
# book sound (integrity_check, audit verify), unchanged, and no partial file.
# Skipped under the sanitizers: ASan must be the first library loaded, and
# a preloaded shim would come before it.
. "$TOP/tests/lib.sh"

if [ -n "$SANITIZED" ]; then
	echo "PASS $SCRIPT:skipped under the sanitizers (LD_PRELOAD conflicts with ASan)"
	exit 0
fi
SHIM="$T/failwrite.so"
${CC:-cc} -shared -fPIC -o "$SHIM" "$TOP/tests/shim/failwrite.c" -ldl 2>"$T/cc.err" || {
	echo "FAIL $SCRIPT:setup: the shim does not build: $(cat "$T/cc.err")"; exit 1; }

make_province_book
B="$T/p.db"
cp "$B" "$T/p0.db"

# shim MODE MATCH AFTER CMD...: run hiepthuong with the shim.
shim() {
	mode=$1 match=$2 after=$3
	shift 3
	LD_PRELOAD="$SHIM" FAILWRITE_MODE=$mode FAILWRITE_MATCH=$match FAILWRITE_AFTER=$after "$HT" "$@" >"$OUT" 2>"$ERR"
	RC=$?
}

sound() {
	[ "$(sqlite3 "$B" "PRAGMA integrity_check" 2>&1)" = ok ] || t_fail "integrity_check fails"
	"$HT" audit verify --db "$B" >/dev/null 2>&1 || t_fail "audit verify fails"
	sqlite3 "$B" .dump >"$T/now.sql"
	cmp -s "$T/now.sql" "$T/p0.sql" || t_fail "the book changed"
	ls "$T" | grep -q 'tmp-\|journal' && t_fail "a temporary file or journal was left"
}
sqlite3 "$B" .dump >"$T/p0.sql"

for after in 0 4096 12288 20000; do
	t_case "unit import onto a disk that fills after $after bytes fails cleanly, nothing lost"
	cp "$T/p0.db" "$B"
	shim enospc p.db "$after" unit import "$S/province/units.csv" --db "$B"
	expect_exit 3
	expect_err "đĩa đầy"
	expect_not_err "internal"
	sound
	t_end
done

t_case "the same import with room on the disk succeeds (the shim is not the cause)"
cp "$T/p0.db" "$T/room.db"
shim enospc nothing-matches 0 unit import "$S/province/units.csv" --db "$T/room.db"
expect_exit 0
[ "$(sql "$T/room.db" "SELECT count(*) FROM unit")" -gt 0 ] || t_fail "no units"
t_end

t_case "candidate import onto a full disk: the book keeps what it had"
cp "$T/p0.db" "$B"
"$HT" unit import "$S/province/units.csv" --db "$B" >/dev/null 2>&1
cp "$B" "$T/p0.db"; sqlite3 "$B" .dump >"$T/p0.sql"
shim enospc p.db 8192 candidate import "$S/province/candidates.csv" --db "$B"
expect_exit 3
expect_err "đĩa đầy"
sound
t_end

t_case "a read-only book: writing commands say so before anything, reading works"
shim erofs p.db 0 audit note "thử" --db "$B"
expect_exit 3
expect_err "chỉ đọc được"
expect_not_err "readonly"
sound
shim erofs p.db 0 unit import "$S/province/units.csv" --db "$B"
expect_exit 3
expect_err "chỉ đọc được"
sound
shim erofs p.db 0 status --db "$B"
expect_exit 0
expect_out "Quốc hội"
t_end

# Exports: the fixture book of t3000, relaxed so that the gate lets lists out.
rm -f "$B"
make_province_book
sqlite3 -bail "$B" <"$TOP/tests/data/people.sql" >/dev/null &&
	sqlite3 -bail "$B" <"$TOP/tests/data/province.sql" >/dev/null &&
	sql_write "$B" "UPDATE book SET rules_text = replace(rules_text, 'severity: error', 'severity: warning')" ||
	echo "FAIL $SCRIPT:setup: export fixture"
cp "$B" "$T/p0.db"; sqlite3 "$B" .dump >"$T/p0.sql"

t_case "an export onto a full disk fails clearly and leaves no file"
mkdir "$T/out"
shim enospc .xlsx.tmp- 0 export 17-hdbc-qh --constituency 1 --draft -o "$T/out/17.xlsx" --db "$B"
expect_exit 3
expect_err "không ghi được tệp '$T/out/17.xlsx': đĩa đầy"
[ -z "$(ls "$T/out")" ] || t_fail "left: $(ls "$T/out")"
sound
t_end

t_case "a final export (which locks the list) onto a full disk records no lock"
shim enospc .xlsx.tmp- 5000 export 05-bcdbqh-mt --round 2 -o "$T/out/05.xlsx" --db "$B"
expect_exit 3
expect_err "đĩa đầy"
[ -z "$(ls "$T/out")" ] || t_fail "left: $(ls "$T/out")"
[ "$(sql "$B" "SELECT count(*) FROM stage_lock")" = 0 ] || t_fail "a lock was recorded"
sound
t_end

t_case "export all onto a disk that fills part way: whole files or none, exit 3"
shim enospc .xlsx.tmp- 60000 export all --draft -o "$T/out" --db "$B"
expect_exit 3
expect_err "đĩa đầy"
"$PYTHON" - "$T/out" <<'PY' || t_fail "a partial .xlsx"
import os, sys, zipfile
for n in os.listdir(sys.argv[1]):
    assert n.endswith('.xlsx'), n
    assert zipfile.ZipFile(os.path.join(sys.argv[1], n)).testzip() is None, n
PY
sound
t_end

t_case "a final export from a read-only book is refused: it would have to record the lock"
rm -rf "$T/out"; mkdir "$T/out"
shim erofs p.db 0 export 05-bcdbqh-mt --round 2 -o "$T/out/05.xlsx" --db "$B"
expect_exit 3
expect_err "chỉ đọc được"
[ -z "$(ls "$T/out")" ] || t_fail "left: $(ls "$T/out")"
shim erofs p.db 0 export 05-bcdbqh-mt --round 2 --draft -o "$T/out/05.xlsx" --db "$B"
expect_exit 0
expect_file "$T/out/05.xlsx"
sound
t_end
