#!/bin/sh
# t4510: a writing command says it succeeded only once its change is
# saved.  Ctrl-C right after the message, a reader that closes the pipe
# early, an unwritable standard output and a book that cannot be written
# each leave the book and the words in agreement; the words are Vietnamese.
. "$TOP/tests/lib.sh"

make_province_book
B="$T/p.db"
notes() { sql "$B" "SELECT count(*) FROM audit WHERE command LIKE '%audit note%'"; }

t_case "Ctrl-C on a terminal right after the success message keeps the change"
"$PYTHON" - "$HT" "$B" >"$OUT" 2>"$ERR" <<'PY'
import os, pty, re, signal, sys, time
ht, book = sys.argv[1], sys.argv[2]
kept = 0
for i in range(3):
    pid, fd = pty.fork()
    if pid == 0:
        os.execv(ht, [ht, "--db", book, "audit", "note", "ghi chú %d" % i])
    out = b""
    while b"\n" not in out:
        try:
            chunk = os.read(fd, 1024)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    if b"\n" in out:
        os.kill(pid, signal.SIGINT)      # the clerk presses Ctrl-C at once
    os.waitpid(pid, 0)
    # Wine's console writes VT cursor codes (ESC [ ? 25 l) around the text
    text = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", out.decode(errors="replace"))
    print("said:", text.strip())
PY
n=$(notes)
[ "$n" = 3 ] || t_fail "3 notes were reported, $n are in the book"
grep -c "said: đã ghi chú vào nhật ký" "$OUT" | grep -qx 3 || t_fail "the message was not read 3 times"
t_end

t_case "a reader that closes the pipe early: the change is saved, exit 0"
n=$(notes)
{ "$HT" --db "$B" audit note "đọc một dòng" 2>"$ERR"; echo $? >"$T/rc"; } | true
RC=$(cat "$T/rc")
expect_exit 0
[ "$(notes)" = $((n + 1)) ] || t_fail "the note was not saved"
expect_empty_err
t_end

t_case "standard output unwritable: saved, and the message says so in Vietnamese"
n=$(notes)
ht --db "$B" audit note "ra /dev/full" >/dev/full
"$HT" --db "$B" audit note "ra /dev/full" >/dev/full 2>"$ERR"
RC=$?
expect_exit 4
expect_err "thay đổi ĐÃ được lưu vào sổ, nhưng không ghi được thông báo kết quả ra đầu ra chuẩn: đĩa đầy"
expect_not_err "Success"
[ "$(notes)" = $((n + 2)) ] || t_fail "the notes were not saved"
t_end

t_case "a failed command prints no success and changes nothing, its output held back"
cp "$B" "$T/before.db"
ht --db "$B" unit add X1 --name "Đơn vị X" --kind khong-co-loai-nay
expect_exit 3
expect_not_out "đã thêm"
cmp -s "$B" "$T/before.db" || t_fail "the book changed"
t_end

if chattr +i "$T" 2>/dev/null; then
	t_case "a book in a folder that cannot be written: a Vietnamese reason, exit 3, no success"
	ht --db "$B" audit note "không ghi được"
	chattr -i "$T"
	expect_exit 3
	expect_not_out "đã ghi chú"
	expect_err "thư mục chứa sổ phải ghi được"
	expect_not_err "unable to open"
	t_end

	t_case "an immutable book: a Vietnamese reason, exit 3"
	chattr +i "$B"
	ht --db "$B" audit note "không ghi được"
	chattr -i "$B"
	expect_exit 3
	expect_not_out "đã ghi chú"
	expect_err "chỉ đọc được"
	expect_not_err "readonly database"
	t_end
fi

t_case "a book locked by another writer: a Vietnamese reason, exit 3"
"$PYTHON" - "$B" "$HT" >"$OUT" 2>"$ERR" <<'PY'
import sqlite3, subprocess, sys, os
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("BEGIN IMMEDIATE")
env = dict(os.environ, HIEPTHUONG_LOCK_WAIT_MS="0")
p = subprocess.run([sys.argv[2], "--db", sys.argv[1], "audit", "note", "bị khóa"], capture_output=True, env=env,
                   timeout=60)
con.execute("ROLLBACK")
sys.stdout.buffer.write(p.stdout)
sys.stderr.buffer.write(p.stderr)
sys.exit(p.returncode)
PY
RC=$?
expect_exit 3
expect_err "đang được một lệnh hoặc chương trình khác ghi; hãy thử lại sau"
expect_not_err "database is locked"
t_end
