#!/bin/sh
# t1006: imports stream their CSV file.  A file many times the reader's
# window is read in constant memory (no whole-file copy, no size cap); a
# broken row far into it is reported at its row and fails the whole
# import; so does a read error in the middle of the file.
. "$TOP/tests/lib.sh"

make_province_book
B="$T/p.db"
"$HT" unit import "$S/province/units.csv" --db "$B" >/dev/null 2>&1 || {
	echo "FAIL $SCRIPT:setup: the sample units do not import"; exit 1; }
dump() { sqlite3 "$B" .dump >"$1"; }

# gen FILE MB [NEW]: a units file of about MB megabytes (CRLF, BOM, ';',
# quoted names): NEW rows of new units (default 0), then the rows of the
# sample units.csv again and again, each one matching a unit of the book.
# Prints its number of data rows.
gen() {
	"$PYTHON" - "$S/province/units.csv" "$@" <<'EOF'
import sys
src, dst, mb = sys.argv[1], sys.argv[2], float(sys.argv[3])
new = int(sys.argv[4]) if len(sys.argv) > 4 else 0
rows = [l.split(';') for l in open(src, encoding='utf-8-sig').read().splitlines()[1:] if l]
with open(dst, 'w', encoding='utf-8', newline='') as out:
    out.write('\ufeffSTT;Cơ quan dân cử;Mã đơn vị;Tên đơn vị;Loại đơn vị\r\n')
    n = 0
    for i in range(new):
        n += 1
        out.write('%d;Quốc hội;MOI-%d;"Đơn vị mới số %d, tỉnh Hòa Lâm";Tổ chức xã hội\r\n' % (n, i, i))
    while out.tell() < mb * (1 << 20):
        r = rows[n % len(rows)]
        n += 1
        out.write('%d;%s;%s;"%s";%s\r\n' % (n, r[1], r[2], r[3], r[4]))
print(n)
EOF
}

# rss CMD...: run hiepthuong like ht, its peak memory (KiB) in $RSS.
rss() {
	/usr/bin/time -f %M -o "$T/rss" "$HT" "$@" >"$OUT" 2>"$ERR"
	RC=$?
	RSS=$(tail -n 1 "$T/rss")
}

# The sanitizers are slow and their shadow memory and quarantine hide the
# program's own: a smaller file there, and no memory bound.  So under Wine
# (on_windows): /usr/bin/time would measure Wine's process, not the
# program's; the imports still run, the bounds are skipped by name.
MEMORY=1
if [ -n "$SANITIZED" ] || on_windows; then MB=3; MEMORY=""; else MB=30; fi
# skip_memory WHAT: the case that would have bounded WHAT's peak memory
skip_memory() {
	[ -n "$SANITIZED" ] || ! on_windows && return 0
	t_case "peak memory of $1"
	t_skip "/usr/bin/time measures Wine's process under Wine, not hiepthuong.exe's"
	t_end
}

t_case "unit import reads a ${MB} MB file in constant memory"
N=$(gen "$T/big.csv" $MB)
gen "$T/small.csv" 0.3 >/dev/null
SIZE=$(wc -c <"$T/big.csv")
rss unit import "$T/small.csv" --db "$B"
expect_exit 0
RSS_SMALL=$RSS
rss unit import "$T/big.csv" --db "$B"
expect_exit 0
expect_out "big.csv: thêm 0 đơn vị, khớp $N đã có trong sổ, từ chối 0 dòng"
if [ -n "$MEMORY" ]; then
	# the whole file in memory would add SIZE bytes; the reader holds a
	# 64 KiB window and one row
	[ $((RSS - RSS_SMALL)) -lt 4096 ] ||
		t_fail "peak memory $RSS KiB for $SIZE bytes, $RSS_SMALL KiB for a 0.3 MB file"
	[ $((RSS * 1024)) -lt $((SIZE / 2)) ] || t_fail "peak memory $RSS KiB for a file of $SIZE bytes"
fi
t_end

skip_memory "the ${MB} MB CSV import"

t_case "a long import shows how far it read on a terminal (forced)"
HIEPTHUONG_PROGRESS=1 "$HT" unit import "$T/big.csv" --db "$B" >"$OUT" 2>"$ERR"
RC=$?
expect_exit 0
tr '\r' '\n' <"$ERR" | grep -q "^đọc '$T/big.csv': [0-9]*/[0-9]* [KM]B" || t_fail "no progress line"
grep -q "đọc '" "$OUT" && t_fail "progress on stdout"
t_end

t_case "unit import streams an .xlsx sheet too: constant memory whatever its size"
if [ -z "$MEMORY" ]; then XMB=1; else XMB=12; fi
N=$(gen "$T/bigx.csv" $XMB)
"$PYTHON" "$TOP/tests/xlsx_make.py" fromcsv "$T/big.xlsx" "$T/bigx.csv"
"$PYTHON" "$TOP/tests/xlsx_make.py" fromcsv "$T/small.xlsx" "$T/small.csv"
XML=$("$PYTHON" -c "import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).getinfo('xl/worksheets/sheet1.xml').file_size)" "$T/big.xlsx")
rss unit import "$T/small.xlsx" --db "$B"
expect_exit 0
RSS_SMALL=$RSS
rss unit import "$T/big.xlsx" --db "$B"
expect_exit 0
expect_out "big.xlsx: thêm 0 đơn vị, khớp $N đã có trong sổ, từ chối 0 dòng"
if [ -n "$MEMORY" ]; then
	# the sheet's XML is XML bytes; the reader holds a 64 KiB chunk, the
	# parser's buffer and one row
	[ $((RSS - RSS_SMALL)) -lt 4096 ] ||
		t_fail "peak memory $RSS KiB for a sheet of $XML bytes of XML, $RSS_SMALL KiB for a small one"
	[ $((RSS * 1024)) -lt $((XML / 2)) ] || t_fail "peak memory $RSS KiB for a sheet of $XML bytes"
fi
t_end

skip_memory "the ${XMB} MB .xlsx import"

t_case "a broken row at the end of a big file fails the whole import"
N=$(gen "$T/broken.csv" 3 200)
printf '%d;Quốc hội;HONG;"Đơn vị hỏng;Tổ chức xã hội\r\n' $((N + 1)) >>"$T/broken.csv"
dump "$T/before"
ht unit import "$T/broken.csv" --db "$B"
expect_exit 3
expect_err "broken.csv:$((N + 2)):4: lỗi: thiếu dấu ngoặc kép đóng (ô kéo dài đến hết tệp) (dòng $((N + 2)) của tệp)"
expect_err "broken.csv: 1 lỗi; không nhập gì, sổ không thay đổi"
dump "$T/after"
expect_same "$T/before" "$T/after"
t_end

t_case "the same file without the broken row imports its new units"
head -n $((N + 1)) "$T/broken.csv" >"$T/fixed.csv"
ht unit import "$T/fixed.csv" --db "$B"
expect_exit 0
expect_out "fixed.csv: thêm 200 đơn vị, khớp $((N - 200)) đã có trong sổ, từ chối 0 dòng"
[ "$(sql "$B" "SELECT count(*) FROM unit WHERE code LIKE 'MOI-%'")" = 200 ] || t_fail "200 new units"
t_end

# A read error: an LD_PRELOAD shim (tests/shim/failwrite.c) fails reads of
# the file after 1 MB, when 200 new units were written.  Not under the
# sanitizers: ASan must be the first library loaded.
t_case "a read error in the middle of the file is reported and changes nothing"
if on_windows; then
	t_skip "needs an LD_PRELOAD shim (tests/shim), which a Windows program does not load"
	t_end
elif [ -n "$SANITIZED" ]; then
	echo "PASS $SCRIPT:read error skipped under the sanitizers (LD_PRELOAD conflicts with ASan)"
else
	SHIM="$T/failwrite.so"
	${CC:-cc} -shared -fPIC -o "$SHIM" "$TOP/tests/shim/failwrite.c" -ldl 2>"$T/cc.err" ||
		t_fail "the shim does not build: $(cat "$T/cc.err")"
	N=$(gen "$T/eio.csv" 3 200)
	sed -i 's/MOI-/EIO-/; s/mới số/đọc lỗi số/' "$T/eio.csv"
	dump "$T/before"
	LD_PRELOAD="$SHIM" FAILWRITE_MODE=eio FAILWRITE_MATCH=eio.csv FAILWRITE_AFTER=1048576 \
		"$HT" unit import "$T/eio.csv" --db "$B" >"$OUT" 2>"$ERR"
	RC=$?
	expect_exit 3
	expect_err "lỗi: không đọc được '$T/eio.csv': lỗi đọc/ghi của ổ đĩa"
	expect_err "eio.csv: 1 lỗi; không nhập gì, sổ không thay đổi"
	dump "$T/after"
	expect_same "$T/before" "$T/after"
	t_end
fi

# The audit entry of a big import: the file's SHA-256, the first 5,000 and
# the last 16 changes, and how many between were not written out; the
# summary (the last change) always survives.
t_case "a 5,100-row import's audit entry: SHA-256 of the file, changes kept at both ends, the rest counted"
gen "$T/many.csv" 0.001 5100 >/dev/null
sed -i 's/MOI-/NHIEU-/; s/mới số/nhiều số/' "$T/many.csv"
ht unit import "$T/many.csv" --db "$B"
expect_exit 0
ht audit log --format json --db "$B"
expect_exit 0
"$PYTHON" - "$OUT" "$(sha256sum "$T/many.csv" | cut -d' ' -f1)" <<'PY' || t_fail "audit entry"
import json, sys
e = json.load(open(sys.argv[1]))[-1]
c = [x["note"] for x in e["changes"]]
assert len(c) == 5000 + 1 + 16, len(c)
assert c[0].startswith("thêm đơn vị 'NHIEU-0' "), c[0]
assert c[4999].startswith("thêm đơn vị 'NHIEU-4999' "), c[4999]
assert c[5000] == "85 thay đổi tiếp theo không ghi chi tiết (mỗi mục ghi 5000 thay đổi đầu và 16 thay đổi cuối)", c[5000]
assert c[5001].startswith("thêm đơn vị 'NHIEU-5085' "), c[5001]
assert c[-2].startswith("thêm đơn vị 'NHIEU-5099' "), c[-2]
assert c[-1].startswith("nhập '") and "' (SHA-256 %s): thêm 5100 đơn vị" % sys.argv[2] in c[-1], c[-1]
PY
ht audit verify --db "$B"
expect_exit 0
t_end

t_case "a candidate import's audit entry names the file by its SHA-256 and each candidacy it added"
cp "$B" "$T/c.db"
"$HT" alloc import "$S/province/allocations.csv" --db "$T/c.db" >/dev/null 2>&1
ht candidate import "$S/province/candidates.csv" --db "$T/c.db"
expect_exit 0
ht audit log --format json --db "$T/c.db"
"$PYTHON" - "$OUT" "$(sha256sum "$S/province/candidates.csv" | cut -d' ' -f1)" \
	"$(sql "$T/c.db" "SELECT group_concat(id) FROM candidacy")" <<'PY' || t_fail "sha256 note, subjects"
import json, sys
e = json.load(open(sys.argv[1]))[-1]
c = e["changes"][-1]["note"]
assert c.startswith("nhập '") and "' (SHA-256 %s): thêm " % sys.argv[2] in c, c
ids = sorted(int(i) for i in sys.argv[3].split(","))
assert len(ids) > 10 and e["subjects"] == ["candidacy:%d" % i for i in ids], e["subjects"]
PY
ht audit log --candidate 10 --db "$T/c.db"
expect_out "candidate import"
t_end
