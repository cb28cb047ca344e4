#!/bin/sh
# t4010: backup and restore.
. "$TOP/tests/lib.sh"

make_province_book
B="$T/p.db"
"$HT" audit note "trước khi sao lưu" --db "$B" >/dev/null 2>&1
dump() {
	sqlite3 "$1" .dump | grep -v '^INSERT INTO audit' | grep -v '^INSERT INTO audit_head'
}

t_case "backup writes a consistent copy, owner-only"
ht backup "$T/b1.db" --db "$B"
expect_exit 0
expect_out "đã sao lưu sổ '$B' vào '$T/b1.db': 2 mục nhật ký, mã đầu chuỗi $(sql "$B" "SELECT hash FROM audit_head")"
expect_file "$T/b1.db"
expect_owner_only "$T/b1.db"
[ "$(sqlite3 "$T/b1.db" .dump | md5sum)" = "$(sqlite3 "$B" .dump | md5sum)" ] || t_fail "copy differs"
ls "$T" | grep -q 'tmp-' && t_fail "temporary file left"
t_end

t_case "the copy is a book that verifies"
ht audit verify --db "$T/b1.db"
expect_exit 0
t_end

t_case "backup refuses to overwrite without --force"
cp "$T/b1.db" "$T/b1.keep"
ht audit note "sau lần sao lưu" --db "$B"
ht backup "$T/b1.db" --db "$B"
expect_exit 3
expect_err "tệp '$T/b1.db' đã có; không ghi đè"
expect_same "$T/b1.db" "$T/b1.keep"
t_end

t_case "backup --force replaces the old copy"
ht backup "$T/b1.db" --force --db "$B"
expect_exit 0
[ "$(sql "$T/b1.db" "SELECT count(*) FROM audit")" = 3 ] || t_fail "not the new copy"
t_end

t_case "backup refuses a folder and the book itself"
mkdir "$T/dir"
ht backup "$T/dir" --db "$B"
expect_exit 3
expect_err "là một thư mục"
ht backup "$B" --force --db "$B"
expect_exit 3
expect_err "chính là sổ đang dùng"
t_end

t_case "backup into a missing folder fails cleanly"
ht backup "$T/no/such/b.db" --db "$B"
expect_exit 3
expect_err "không ghi được bản sao lưu '$T/no/such/b.db'"
t_end

t_case "backup needs exactly one file"
ht backup --db "$B"
expect_exit 2
expect_err "cần tên tệp sao lưu"
ht backup a b --db "$B"
expect_exit 2
t_end

# hold SQL...: another process runs the SQL and keeps its transaction
# open until release(); $holder is its pid.
hold() {
	rm -f "$T/go"
	mkfifo "$T/go"
	( printf '%s\n' "$1"; cat "$T/go"; printf '%s\n' "$2" ) | sqlite3 "$B" >/dev/null 2>&1 &
	holder=$!
	sleep 1
}
release() {
	echo >"$T/go"
	wait $holder
}

t_case "backup works while another process reads the book"
hold "BEGIN; SELECT count(*) FROM body;" "COMMIT;"
ht backup "$T/b2.db" --db "$B"
expect_exit 0
release
ht audit verify --db "$T/b2.db"
expect_exit 0
t_end

t_case "backup works while another process is in the middle of a write"
# The writer holds the RESERVED lock with an uncommitted change; the copy
# has the committed state only.
hold "BEGIN IMMEDIATE; UPDATE body SET seats = 99;" "ROLLBACK;"
ht backup "$T/b3.db" --db "$B"
expect_exit 0
release
[ "$(sql "$T/b3.db" "SELECT max(seats) FROM body")" = 50 ] || t_fail "uncommitted data copied"
ht audit verify --db "$T/b3.db"
expect_exit 0
t_end

t_case "backup waits for a writer that is committing"
( printf 'BEGIN EXCLUSIVE;\n'; sleep 2; printf 'COMMIT;\n' ) | sqlite3 "$B" >/dev/null &
writer=$!
sleep 1
ht backup "$T/b4.db" --db "$B"
expect_exit 0
wait $writer
t_end

# Restore.
t_case "restore replaces the book with a checked backup and records it"
cp "$B" "$T/before.db"
ht restore "$T/b1.keep" --force --db "$B" --by "Lê Thị Mai"
expect_exit 0
expect_out "đã khôi phục sổ '$B' từ '$T/b1.keep': 3 mục nhật ký"
[ "$(dump "$B" | md5sum)" = "$(dump "$T/b1.keep" | md5sum)" ] || t_fail "data differ from the backup"
[ "$(sql "$B" "SELECT operator FROM audit WHERE id = 3")" = "Lê Thị Mai" ] || t_fail "no restore entry"
sql "$B" "SELECT changes FROM audit WHERE id = 3" | grep -qF "thay sổ có 3 mục nhật ký, mục cuối #3" || t_fail "old book not described"
expect_owner_only "$B"
ls "$T" | grep -q 'tmp-' && t_fail "temporary file left"
ht audit verify --db "$B"
expect_exit 0
t_end

t_case "restore refuses to replace a book without --force"
cp "$B" "$T/before.db"
ht restore "$T/b1.keep" --db "$B"
expect_exit 3
expect_err "sổ '$B' đã có; thêm --force"
expect_same "$B" "$T/before.db"
t_end

t_case "restore into a new place needs no --force"
ht restore "$T/b1.keep" --db "$T/new.db"
expect_exit 0
expect_out "đã khôi phục sổ"
sql "$T/new.db" "SELECT changes FROM audit ORDER BY id DESC LIMIT 1" | grep -qF "trước đó chưa có sổ" || t_fail "entry"
t_end

not_a_book() {
	# $1: file; $2: message fragment
	cp "$B" "$T/before.db"
	ht restore "$1" --force --db "$B"
	expect_exit 3
	expect_err "$2"
	expect_same "$B" "$T/before.db"
}

t_case "restore refuses a text file"
echo "không phải sổ" >"$T/text.db"
not_a_book "$T/text.db" "không phải là sổ hiepthuong"
t_end

t_case "restore refuses an empty file"
: >"$T/empty.db"
not_a_book "$T/empty.db" "là tệp rỗng"
t_end

t_case "restore refuses a missing file and a folder"
not_a_book "$T/missing.db" "không mở được bản sao lưu"
not_a_book "$T/dir" "là một thư mục"
t_end

t_case "restore refuses another SQLite database"
sqlite3 "$T/other.db" "CREATE TABLE t(x); INSERT INTO t VALUES (1);"
not_a_book "$T/other.db" "không phải là sổ hiepthuong"
t_end

t_case "restore refuses a book of another schema version"
cp "$T/b1.keep" "$T/newer.db"
sqlite3 "$T/newer.db" "PRAGMA user_version = 99"
not_a_book "$T/newer.db" "có lược đồ phiên bản 99"
t_end

t_case "restore refuses a backup whose audit does not verify"
cp "$T/b1.keep" "$T/tampered.db"
sqlite3 "$T/tampered.db" "UPDATE body SET seats = 9 WHERE code = 'qh'"
not_a_book "$T/tampered.db" "không qua kiểm tra nhật ký ở mục #2: dữ liệu của sổ đã bị sửa"
t_end

t_case "restore refuses a damaged file"
cp "$T/b1.keep" "$T/damaged.db"
"$PYTHON" - "$T/damaged.db" <<'PY'
import sys
f = open(sys.argv[1], "r+b")
f.seek(4096 + 100)
f.write(b"\xff" * 3000)
PY
not_a_book "$T/damaged.db" "bị hỏng"
t_end

t_case "restore refuses the book itself"
ht restore "$B" --force --db "$B"
expect_exit 3
expect_err "chính là sổ đang dùng"
t_end

t_case "restore over a broken book, with a stale journal beside it"
printf 'garbage' >"$T/broken.db"
printf 'stale journal' >"$T/broken.db-journal"
ht restore "$T/b1.keep" --db "$T/broken.db"
expect_exit 3
ht restore "$T/b1.keep" --force --db "$T/broken.db"
expect_exit 0
expect_no_file "$T/broken.db-journal"
ht audit verify --db "$T/broken.db"
expect_exit 0
sql "$T/broken.db" "SELECT changes FROM audit ORDER BY id DESC LIMIT 1" | grep -qF "không đọc được như một sổ" || t_fail "entry"
t_end

t_case "restore waits for, then refuses, a book held by another process"
hold "BEGIN IMMEDIATE;" "ROLLBACK;"
cp "$B" "$T/before.db"
HIEPTHUONG_LOCK_WAIT_MS=500 ht restore "$T/b1.keep" --force --db "$B"
expect_exit 3
expect_err "đang được chương trình khác dùng"
release
expect_same "$B" "$T/before.db"
t_end
