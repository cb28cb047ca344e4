#!/bin/sh
# t4300: fault tests.  Kill the program with SIGKILL at random points of a
# restore and of a backup of a large book, many times, and check after each
# kill that the book passes PRAGMA integrity_check and `audit verify`, and
# that the operation happened wholly or not at all.  $KILL_ROUNDS (default
# 30) rounds per operation.  The import and export commands get the same
# treatment when they land (issue 7): add a kill_loop below.
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
