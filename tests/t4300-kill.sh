#!/bin/sh
# t4300: fault tests.  Kill the program with SIGKILL at random points of a
# restore and of a backup of a large book, of a candidate import of 4,000
# rows and of `export all`, many times, and check after each kill that the
# book passes PRAGMA integrity_check and `audit verify`, and that the
# operation happened wholly or not at all.  $KILL_ROUNDS (default 30) rounds
# per operation.
. "$TOP/tests/lib.sh"

: "${KILL_ROUNDS:=30}"
make_province_book
B="$T/p.db"

# A large book: 15,000 people added with the shell, then accepted into the
# trail, so that a copy takes long enough to be killed in the middle.
sqlite3 "$B" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 15000)
INSERT INTO person(ho, ten_dem, ten, dob, sex, residence, sort_key)
SELECT 'Nguyễn', 'Văn', 'Người ' || i, printf('%04d-01-01', 1950 + i % 50), 'nam',
       'thôn ' || (i % 97) || ', xã An Phú, tỉnh Hòa Lâm', randomblob(24) FROM n"
"$HT" audit accept --reason "dữ liệu thử cho phép thử ngắt" --db "$B" >/dev/null 2>&1 || {
	echo "FAIL $SCRIPT:setup: could not accept the test data"; exit 1; }
"$HT" backup "$T/k.db" --db "$B" >/dev/null 2>&1 || { echo "FAIL $SCRIPT:setup: backup"; exit 1; }
# The book to restore over has two entries more than the backup, the
# restored book one more (its restore entry): the counts tell them apart.
"$HT" audit note "sau lần sao lưu" --db "$B" >/dev/null 2>&1
"$HT" audit note "lần nữa" --db "$B" >/dev/null 2>&1
old_n=$(sql "$B" "SELECT count(*) FROM audit")
new_n=$(( $(sql "$T/k.db" "SELECT count(*) FROM audit") + 1 ))
cp "$B" "$T/old.db"

# How long one run of each takes, to spread the kills over it (and a
# little past it, so that some rounds finish).
ms() { date +%s%3N; }
cp "$T/old.db" "$T/timing.db"
t0=$(ms)
"$HT" restore "$T/k.db" --force --db "$T/timing.db" >/dev/null 2>&1
span_restore=$(( ($(ms) - t0) * 13 / 10 + 1 ))
t0=$(ms)
"$HT" backup "$T/timing-copy.db" --db "$T/old.db" >/dev/null 2>&1
span_backup=$(( ($(ms) - t0) * 13 / 10 + 1 ))

# A random delay in [0, $1) ms, as seconds for sleep(1).
delay() {
	r=$(od -An -N2 -tu2 /dev/urandom | tr -d ' ')
	d=$(( r % $1 ))
	printf '%d.%03d' $((d / 1000)) $((d % 1000))
}

# check_book DB: integrity_check and audit verify pass.
check_book() {
	[ "$(sqlite3 "$1" "PRAGMA integrity_check" 2>&1)" = ok ] || { t_fail "round $i: integrity_check fails"; return 1; }
	"$HT" audit verify --db "$1" >/dev/null 2>"$T/verify.err" ||
		{ t_fail "round $i: audit verify fails: $(cat "$T/verify.err")"; return 1; }
}

t_case "restore killed at random points leaves the old or the new book, whole ($KILL_ROUNDS rounds)"
old=0 new=0 i=0
while [ $i -lt "$KILL_ROUNDS" ]; do
	i=$((i + 1))
	cp "$T/old.db" "$B"
	"$HT" restore "$T/k.db" --force --db "$B" >/dev/null 2>&1 &
	pid=$!
	sleep "$(delay $span_restore)"
	kill -9 $pid 2>/dev/null
	wait $pid 2>/dev/null
	check_book "$B" || break
	n=$(sql "$B" "SELECT count(*) FROM audit")
	if [ "$n" = "$old_n" ]; then
		old=$((old + 1))
		cmp -s "$B" "$T/old.db" || { t_fail "round $i: the old book was changed"; break; }
	elif [ "$n" = "$new_n" ]; then
		new=$((new + 1))
	else
		t_fail "round $i: $n entries, neither $old_n nor $new_n"
		break
	fi
	rm -f "$T"/p.db.tmp-*
done
echo "# restore (${span_restore} ms): $old rounds killed before the switch, $new after"
t_end

t_case "backup killed at random points leaves no copy or a whole one ($KILL_ROUNDS rounds)"
cp "$T/old.db" "$B"
none=0 whole=0 i=0
while [ $i -lt "$KILL_ROUNDS" ]; do
	i=$((i + 1))
	rm -f "$T/c.db"
	"$HT" backup "$T/c.db" --db "$B" >/dev/null 2>&1 &
	pid=$!
	sleep "$(delay $span_backup)"
	kill -9 $pid 2>/dev/null
	wait $pid 2>/dev/null
	check_book "$B" || break
	if [ -e "$T/c.db" ]; then
		whole=$((whole + 1))
		check_book "$T/c.db" || break
		[ "$(sql "$T/c.db" "SELECT count(*) FROM audit")" = "$old_n" ] || { t_fail "round $i: copy is not of the book"; break; }
	else
		none=$((none + 1))
	fi
	rm -f "$T"/c.db.tmp-*
done
cmp -s "$B" "$T/old.db" || t_fail "backup changed the book"
echo "# backup (${span_backup} ms): $none rounds left no copy, $whole a whole one"
t_end

# A candidate import of 4,000 rows (invented people, self-nominated) into a
# fresh book: killed, it must leave none of them or all of them.
rm -f "$B" "$T"/p.db.tmp-*
make_province_book
mv "$T/p.db" "$T/imp0.db"
"$PYTHON" - "$T/big.csv" <<'PY'
import datetime, sys
ho = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi']
dem = ['Văn', 'Thị', 'Minh', 'Đức', 'Ngọc']
ten = ['An', 'Bình', 'Cường', 'Dũng', 'Hoa', 'Hòa', 'Lan', 'Mai', 'Nam', 'Tuấn']
rows = ['Cơ quan dân cử;Họ và tên;Ngày, tháng, năm sinh;Giới tính;Nơi ở hiện nay;Đơn vị giới thiệu']
for i in range(4000):
    d = datetime.date(1955, 1, 1) + datetime.timedelta(days=i * 3)
    rows.append('Quốc hội;%s %s %s;%s;%s;thôn %d, xã An Phú;Tự ứng cử' % (ho[i % 8], dem[i % 5], ten[i % 10],
                d.strftime('%d/%m/%Y'), 'Nam' if i % 2 else 'Nữ', i % 97))
open(sys.argv[1], 'w', encoding='utf-8').write('\n'.join(rows) + '\n')
PY
imp_n=$(sql "$T/imp0.db" "SELECT count(*) FROM audit")
cp "$T/imp0.db" "$T/timing.db"
t0=$(ms)
"$HT" candidate import "$T/big.csv" --db "$T/timing.db" >/dev/null 2>&1
span_import=$(( ($(ms) - t0) * 13 / 10 + 1 ))
[ "$(sql "$T/timing.db" "SELECT count(*) FROM candidacy")" = 4000 ] || echo "FAIL $SCRIPT:setup: the import fails"

t_case "candidate import killed at random points leaves none or all of its rows ($KILL_ROUNDS rounds)"
none=0 all=0 i=0
while [ $i -lt "$KILL_ROUNDS" ]; do
	i=$((i + 1))
	cp "$T/imp0.db" "$T/imp.db"
	"$HT" candidate import "$T/big.csv" --db "$T/imp.db" >/dev/null 2>&1 &
	pid=$!
	sleep "$(delay $span_import)"
	kill -9 $pid 2>/dev/null
	wait $pid 2>/dev/null
	check_book "$T/imp.db" || break
	c=$(sql "$T/imp.db" "SELECT count(*) FROM candidacy")
	p=$(sql "$T/imp.db" "SELECT count(*) FROM person")
	n=$(sql "$T/imp.db" "SELECT count(*) FROM audit")
	if [ "$c.$p.$n" = "0.0.$imp_n" ]; then
		none=$((none + 1))
	elif [ "$c.$p.$n" = "4000.4000.$((imp_n + 1))" ]; then
		all=$((all + 1))
	else
		t_fail "round $i: $c candidacies, $p people, $n entries: neither none nor all"
		break
	fi
done
echo "# candidate import (${span_import} ms): $none rounds left nothing, $all everything"
t_end

# export all of the fixture book of t3000 (29 files), as a draft: killed,
# the book is unchanged and no file has its final name unless it is whole.
rm -f "$B"
make_province_book
sqlite3 -bail "$T/p.db" <"$TOP/tests/data/people.sql" >/dev/null &&
	sqlite3 -bail "$T/p.db" <"$TOP/tests/data/province.sql" >/dev/null &&
	"$HT" audit accept --reason "dữ liệu thử" --db "$T/p.db" >/dev/null 2>&1 || echo "FAIL $SCRIPT:setup: export fixture"
cp "$T/p.db" "$T/exp0.db"
t0=$(ms)
"$HT" export all --draft -o "$T/timing-out" --db "$T/p.db" >/dev/null 2>&1
span_export=$(( ($(ms) - t0) * 13 / 10 + 1 ))
nfiles=$(ls "$T/timing-out" | wc -l)

t_case "export all killed at random points changes nothing and leaves only whole files ($KILL_ROUNDS rounds)"
i=0 partial=0
while [ $i -lt "$KILL_ROUNDS" ]; do
	i=$((i + 1))
	rm -rf "$T/out"
	"$HT" export all --draft -o "$T/out" --db "$T/p.db" >/dev/null 2>&1 &
	pid=$!
	sleep "$(delay $span_export)"
	kill -9 $pid 2>/dev/null
	wait $pid 2>/dev/null
	cmp -s "$T/p.db" "$T/exp0.db" || { t_fail "round $i: the book changed"; break; }
	[ -d "$T/out" ] || continue
	# Every *.xlsx must be a whole workbook; a killed run may leave only
	# *.tmp-XXXXXX files, never used.
	if ! "$PYTHON" - "$T/out" <<'PY'
import os, sys, zipfile
d = sys.argv[1]
for n in os.listdir(d):
    if n.endswith('.xlsx'):
        z = zipfile.ZipFile(os.path.join(d, n))
        assert z.testzip() is None and 'xl/workbook.xml' in z.namelist(), n
PY
	then
		t_fail "round $i: a partial .xlsx under its final name"
		break
	fi
	[ "$(ls "$T/out" | grep -c '\.xlsx$')" -lt "$nfiles" ] && partial=$((partial + 1))
done
check_book "$T/p.db"
echo "# export all (${span_export} ms, $nfiles files): $partial rounds killed part way"
t_end
