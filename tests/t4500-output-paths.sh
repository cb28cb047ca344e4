#!/bin/sh
# t4500: what export and backup may write over, and final forms only from
# a book that is as its audit trail left it.  An output never replaces the
# book, a backup, a clerk's own file (without --force) or anything that is
# not a regular file (not even with --force); `-o -` writes the form to
# standard output; a final list with nobody on it is refused.
. "$TOP/tests/lib.sh"
export HIEPTHUONG_TODAY=2026-02-10

make_fixture_book relaxed
D="--db $T/p.db"
book_sum() { sqlite3 "$T/p.db" .dump | md5sum; }
locks() { sql "$T/p.db" "SELECT count(*) FROM stage_lock"; }
# is_form FILE: an .xlsx hiepthuong wrote (its custom document property)
is_form() {
	"$PYTHON" -c 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); sys.exit(0 if b"name=\"hiepthuong\"" in z.read("docProps/custom.xml") else 1)' "$1" 2>/dev/null
}

t_case "export -o the open book is refused, the book unchanged"
cp "$T/p.db" "$T/p.copy"
ht export $D 02-hnct --conference 7 -o "$T/p.db"
expect_exit 3
expect_err "không có đuôi .xlsx"
cmp -s "$T/p.db" "$T/p.copy" || t_fail "the book changed"
t_end

t_case "export -o the open book under an .xlsx name (a link) is refused"
ln "$T/p.db" "$T/book.xlsx"
ht export $D 02-hnct --conference 7 -o "$T/book.xlsx" --force
expect_exit 3
expect_err "chính là sổ đang dùng"
cmp -s "$T/p.db" "$T/p.copy" || t_fail "the book changed"
rm -f "$T/book.xlsx"
t_end

t_case "export does not replace a backup or another file without --force"
"$HT" backup $D "$T/backup.xlsx" >/dev/null 2>&1
cp "$T/backup.xlsx" "$T/backup.before"
ht export $D 02-hnct --conference 7 -o "$T/backup.xlsx"
expect_exit 3
expect_err "tệp '$T/backup.xlsx' đã có và không phải biểu mẫu do hiepthuong xuất"
expect_err "--force"
cmp -s "$T/backup.xlsx" "$T/backup.before" || t_fail "the backup was replaced"
ls "$T"/backup.xlsx.tmp-* >/dev/null 2>&1 && t_fail "a temporary file stayed"
t_end

t_case "a clerk's own spreadsheet is not replaced without --force, and is with it"
"$PYTHON" -c 'import openpyxl, sys; wb = openpyxl.Workbook(); wb.active["A1"] = "của tôi"; wb.save(sys.argv[1])' "$T/mine.xlsx"
cp "$T/mine.xlsx" "$T/mine.before"
ht export $D 02-hnct --conference 7 -o "$T/mine.xlsx"
expect_exit 3
cmp -s "$T/mine.xlsx" "$T/mine.before" || t_fail "replaced without --force"
ht export $D 02-hnct --conference 7 -o "$T/mine.xlsx" --force
expect_exit 0
is_form "$T/mine.xlsx" || t_fail "--force did not write the form"
t_end

t_case "an earlier export is replaced without --force"
ht export $D 02-hnct --conference 7 -o "$T/06.xlsx"
expect_exit 0
is_form "$T/06.xlsx" || t_fail "the export carries no mark"
ht export $D 02-hnct --conference 7 -o "$T/06.xlsx"
expect_exit 0
expect_out "đã ghi '$T/06.xlsx'"
t_end

t_case "-o NAME.csv is refused: a form is an .xlsx"
ht export $D 02-hnct --conference 7 -o "$T/out.csv"
expect_exit 3
expect_err "tên tệp '$T/out.csv' không có đuôi .xlsx"
expect_no_file "$T/out.csv"
t_end

t_case "a symbolic link is never replaced, not even with --force"
if on_windows; then
	t_skip "Wine 8 shows a Unix symbolic link as the file it points to; hiepthuong.exe's lstat() does not tell reparse points (docs/windows.md)"
else
echo keep >"$T/target.txt"
ln -s "$T/target.txt" "$T/link.xlsx"
ht export $D 02-hnct --conference 7 -o "$T/link.xlsx" --force
expect_exit 3
expect_err "liên kết tượng trưng"
[ -L "$T/link.xlsx" ] || t_fail "the link was replaced"
[ "$(cat "$T/target.txt")" = keep ] || t_fail "the target changed"
fi
t_end

t_case "a named pipe is never replaced, by export or by backup"
if on_windows; then
	t_skip "Windows has no FIFOs among files (its named pipes are not files); Wine shows a Unix one as a file"
else
mkfifo "$T/pipe.xlsx"
ht export $D 02-hnct --conference 7 -o "$T/pipe.xlsx" --force
expect_exit 3
expect_err "không phải tệp thường"
expect_err "dùng -o -"
[ -p "$T/pipe.xlsx" ] || t_fail "export replaced the pipe"
ht backup $D "$T/pipe.xlsx" --force
expect_exit 3
expect_err "không phải tệp thường"
[ -p "$T/pipe.xlsx" ] || t_fail "backup replaced the pipe"
fi
t_end

if [ "$(id -u)" = 0 ]; then
	t_case "a device node is never replaced (as root), by export or backup"
	mknod "$T/null.xlsx" c 1 3
	ht export $D 02-hnct --conference 7 -o "$T/null.xlsx" --force
	expect_exit 3
	[ -c "$T/null.xlsx" ] || t_fail "export replaced the device"
	ht backup $D "$T/null.xlsx" --force
	expect_exit 3
	[ -c "$T/null.xlsx" ] || t_fail "backup replaced the device"
	t_end
fi

t_case "-o /dev/stdout is refused; -o - writes the form's bytes to standard output"
ht export $D 02-hnct --conference 7 -o /dev/stdout
expect_exit 3
"$HT" export $D 02-hnct --conference 7 -o - >"$T/piped.xlsx" 2>"$ERR"
RC=$?
expect_exit 0
is_form "$T/piped.xlsx" || t_fail "standard output is not the form"
"$PYTHON" "$TOP/tests/xlsx_dump.py" "$T/piped.xlsx" >"$T/piped.txt" 2>&1 || t_fail "not a workbook"
grep -q "Mẫu số 02/HNCT" "$T/piped.txt" || t_fail "not 02/HNCT"
t_end

t_case "export all refuses a folder holding a foreign file at a form's name, writing nothing"
mkdir -p "$T/all"
ht export $D all -o "$T/all" --draft
expect_exit 0
f=$(ls "$T/all" | head -n 1)
n=$(ls "$T/all" | wc -l)
echo "not a form" >"$T/all/$f"
ht export $D all -o "$T/all" --draft
expect_exit 3
expect_err "'$T/all/$f' đã có và không phải biểu mẫu do hiepthuong xuất"
[ "$(cat "$T/all/$f")" = "not a form" ] || t_fail "the foreign file was replaced"
[ "$(ls "$T/all" | wc -l)" = "$n" ] || t_fail "files were added or left behind"
t_end

t_case "a final list with nobody on it is refused, and not locked"
before=$(locks)
ht export $D 22-hdbc-hdnd --body hdnd-tinh --constituency 2 -o "$T/22-empty.xlsx"
expect_exit 1
expect_err "danh sách chưa có ai"
expect_no_file "$T/22-empty.xlsx"
[ "$(locks)" = "$before" ] || t_fail "an empty list was locked"
ht export $D 22-hdbc-hdnd --body hdnd-tinh --constituency 2 -o "$T/22-empty.xlsx" --draft
expect_exit 0
t_end

# A book edited behind the tool's back: no final form until audit accept.
cp "$T/p.db" "$T/clean.db"
cp "$T/p.db" "$T/unlocked.db"
sqlite3 "$T/p.db" "UPDATE vote SET trust = trust + 1 WHERE conference_id = 7 AND rowid = (SELECT min(rowid) FROM vote WHERE conference_id = 7)"

t_case "status and validate say that the book fails its audit check"
ht status $D
expect_err "đã bị sửa ngoài hiepthuong"
ht validate $D
expect_err "cảnh báo: dữ liệu của sổ '$T/p.db' đã bị sửa ngoài hiepthuong"
expect_err "không xuất được bản chính thức nào"
t_end

t_case "a final export of an edited book is refused, for forms that lock and those that do not"
for form in "02-hnct --conference 7" "tong-hop-hnct --body qh" "05-bcdbqh-mt --round 2"; do
	# shellcheck disable=SC2086
	ht export $D $form -o "$T/edited.xlsx"
	expect_exit 3
	expect_err "dữ liệu của sổ '$T/p.db' đã bị sửa ngoài hiepthuong"
	expect_err "--draft"
	expect_no_file "$T/edited.xlsx"
done
t_end

t_case "export all (final) of an edited book is refused, even when its lists are locked"
ht export --db "$T/clean.db" all -o "$T/clean-all"
expect_exit 0
ht export $D all -o "$T/edited-all"
expect_exit 3
expect_no_file "$T/edited-all"
t_end

t_case "a draft of an edited book is still made, marked as a draft"
ht export $D 02-hnct --conference 7 -o "$T/edited-draft.xlsx" --draft
expect_exit 0
"$PYTHON" "$TOP/tests/xlsx_dump.py" "$T/edited-draft.xlsx" | grep -q "BẢN NHÁP" || t_fail "no draft mark"
t_end

t_case "after audit accept the final export is made"
"$HT" audit accept $D --reason "sửa số phiếu theo biên bản gốc" >/dev/null 2>&1
ht export $D 02-hnct --conference 7 -o "$T/accepted.xlsx"
expect_exit 0
expect_file "$T/accepted.xlsx"
t_end

# Interrupted final export all: a final file of a list never stands
# without its lock.  Killed at random points, with SIGTERM (which also
# removes the temporary files: a whole form under a temporary name could
# still be printed) and SIGKILL (which cannot be caught).  SIGINT is not
# used: a shell's background job ignores it.
t_case "an interrupted final export all never leaves a final list without its lock"
rounds=${KILL_ROUNDS:-12}
cp "$T/unlocked.db" "$T/k.db"
t0=$(date +%s%N)
"$HT" export --db "$T/k.db" all -o "$T/k-timing" >/dev/null 2>&1
span=$(( ($(date +%s%N) - t0) / 1000000 + 1 ))
i=0
while [ $i -lt "$rounds" ]; do
	i=$((i + 1))
	rm -rf "$T/k" "$T/k.db"
	cp "$T/unlocked.db" "$T/k.db"
	"$HT" export --db "$T/k.db" all -o "$T/k" >/dev/null 2>&1 &
	pid=$!
	sleep "$(awk "BEGIN { print (($i * 7919) % $span) / 1000 }")"
	# Windows has no SIGTERM (Wine ends the process at once, as SIGKILL
	# does): there every round is a kill, and only the lock is checked.
	if [ $((i % 2)) = 0 ] && ! on_windows; then sig=TERM; else sig=KILL; fi
	kill -$sig $pid 2>/dev/null
	wait $pid 2>/dev/null
	for f in "$T"/k/*; do
		[ -f "$f" ] || continue
		name=$(basename "$f")
		case "$name" in
		*.tmp-*) [ $sig = TERM ] && t_fail "round $i: SIGTERM left '$name'"; continue ;;
		05-* | 17-* | 22-*) ;;
		*) continue ;;
		esac
		# NAME: FORM_BODY_lan-N or FORM_BODY_dv-N: the body, the stage
		body=$(echo "$name" | cut -d_ -f2)
		case "$name" in
		*_lan-2.xlsx) stage=preliminary ;;
		*_lan-3.xlsx) stage=qualified ;;
		*) stage=official ;;
		esac
		n=$(sql "$T/k.db" "SELECT count(*) FROM stage_lock l JOIN body b ON b.id = l.body_id WHERE b.code = '$body' AND l.stage = '$stage'")
		[ "$n" = 1 ] || t_fail "round $i: '$name' is final but its list ($body, $stage) is not locked"
	done
done
t_end
