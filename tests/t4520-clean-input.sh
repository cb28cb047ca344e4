#!/bin/sh
# t4520: stored text is clean text, and numbers stay in range.  One-line
# fields are one line; control and invisible format characters never
# reach the book (so the same person is never entered twice); what was
# stored raw is escaped on display; a bad clock, a blank reason and a
# count beyond what is possible are each refused with one clear message.
. "$TOP/tests/lib.sh"

make_province_book
B="$T/p.db"
"$HT" unit import "$S/province/units.csv" --db "$B" >/dev/null 2>&1 || { echo "FAIL $SCRIPT:setup"; exit 1; }
dump() { sqlite3 "$B" .dump >"$1"; }
ESC=$(printf '\033')
NL='
'

t_case "--by is one line: no fake audit entry, no escape code reaches the book or the terminal"
ht --db "$B" --by "Nguyễn Văn A${NL}#999  2026-01-01T00:00:00+07:00  giả mạo${ESC}[2J" audit note "thật"
expect_exit 0
op=$(sql "$B" "SELECT operator FROM audit ORDER BY id DESC LIMIT 1")
case "$op" in *"$ESC"* | *"$NL"*) t_fail "the operator kept a control character: '$op'" ;; esac
[ "$op" = "Nguyễn Văn A #999 2026-01-01T00:00:00+07:00 giả mạo[2J" ] || t_fail "operator stored as '$op'"
ht --db "$B" audit log
grep -q "^#999" "$OUT" && t_fail "audit log shows a fake entry"
grep -q "$ESC" "$OUT" && t_fail "audit log wrote an ESC to the terminal"
t_end

t_case "audit note is one line; the command line as typed is escaped in audit log"
ht --db "$B" audit note "dòng một${NL}#998  giả mạo${ESC}[2J"
expect_exit 0
note=$(sql "$B" "SELECT json_extract(changes, '\$[0].note') FROM audit ORDER BY id DESC LIMIT 1")
[ "$note" = "ghi chú: dòng một #998 giả mạo[2J" ] || t_fail "note stored as '$note'"
ht --db "$B" audit log
grep -q "^#998" "$OUT" && t_fail "a line of the note looks like an entry"
grep -q "$ESC" "$OUT" && t_fail "raw ESC on the terminal"
grep -qF '\n#998  giả mạo\x1b[2J' "$OUT" || t_fail "the command line is not shown escaped"
t_end

t_case "--by of blanks only is refused"
dump "$T/before"
ht --db "$B" --by "   " audit note "x"
expect_exit 2
expect_err "--by cần tên người thực hiện"
dump "$T/after"
expect_same "$T/before" "$T/after"
t_end

t_case "audit accept --reason of blanks only is refused, as --correct is"
sql "$B" "UPDATE unit SET name = name || ' ' WHERE id = 1"
cp "$B" "$T/touched.db"
ht --db "$B" audit accept --reason " "
expect_exit 2
expect_err "cần --reason"
cmp -s "$B" "$T/touched.db" || t_fail "the book changed"
"$HT" --db "$B" audit accept --reason "sửa tay tên đơn vị" >/dev/null 2>&1
t_end

# Invisible characters in names: zero-width space, a BOM inside a cell,
# soft hyphen, word joiner, right-to-left override.  Each is the same
# person as the plain name.
n=0
for ch in '\342\200\213' '\357\273\277' '\302\255' '\342\201\240' '\342\200\256'; do
	n=$((n + 1))
	name=$(printf "Lê Văn S${ch}áu")
	t_case "a name with invisible character $n is the same person, not a new one"
	ht --db "$B" candidate add --body qh --name "$name" --dob 12/05/1980 --sex Nam --unit MTTQ \
		--nationality "Việt Nam" --ethnicity Kinh
	if [ $n = 1 ]; then
		expect_exit 0
	else
		expect_exit 3
		expect_err "đã là người ứng cử"
	fi
	[ "$(sql "$B" "SELECT count(*) FROM person WHERE ten = 'Sáu' AND ho = 'Lê'")" = 1 ] ||
		t_fail "$(sql "$B" "SELECT count(*) FROM person WHERE dob = '1980-05-12'") people born that day"
	[ "$(sql "$B" "SELECT count(*) FROM person WHERE hex(ten) <> hex('Sáu') AND dob = '1980-05-12'")" = 0 ] ||
		t_fail "an invisible character was stored"
	t_end
done

t_case "the person with invisible characters is found by the plain name"
ht --db "$B" candidate show "Lê Văn Sáu"
expect_exit 0
expect_out "12/05/1980"
t_end

t_case "a CSV cell with a zero-width space and a BOM matches the stored person"
printf 'body;name;dob;sex;unit;nationality;ethnicity\nhdnd-tinh;L\342\200\213ê V\357\273\277ăn Sáu;12/05/1980;Nam;MTTQ;Việt Nam;Kinh\n' >"$T/zw.csv"
ht --db "$B" candidate import "$T/zw.csv"
expect_exit 0
expect_out "đã có trong sổ"
[ "$(sql "$B" "SELECT count(*) FROM person WHERE dob = '1980-05-12'")" = 1 ] || t_fail "a second person"
t_end

t_case "HIEPTHUONG_NOW that is not a time is refused, nothing written"
dump "$T/before"
HIEPTHUONG_NOW=garbage ht --db "$B" audit note "x"
expect_exit 2
expect_err "biến HIEPTHUONG_NOW 'garbage' không phải thời điểm"
HIEPTHUONG_NOW=2026-02-30T08:00:00+07:00 ht --db "$B" audit note "x"
expect_exit 2
dump "$T/after"
expect_same "$T/before" "$T/after"
HIEPTHUONG_NOW=2026-01-05T08:30:00+07:00 ht --db "$B" audit note "giờ cố định"
expect_exit 0
ht --db "$B" audit verify
expect_exit 0
t_end

# Counts: whole numbers from 0 to COUNT_MAX (200 000 000), refused otherwise
# with one message, before anything is written.
"$HT" conference add --db "$B" --kind ht1 --body qh --date 05/12/2025 >/dev/null 2>&1
"$HT" candidate add --db "$B" --body qh --name "Trần Thị Mai" --dob 02/03/1985 --sex Nữ --unit MTTQ --stage proposed \
	--nationality "Việt Nam" --ethnicity Kinh >/dev/null 2>&1
VA="voters add --db $B --kind workplace --body qh --unit MTTQ --date 10/01/2026"

t_case "counts beyond what is possible are refused with one clear message"
dump "$T/before"
for bad in 9223372036854775807 200000001 -1 1e2 1.5 " " 12abc; do
	ht $VA --voters-at-place 100 --invited "$bad" --present 60 --result "Trần Thị Mai:40"
	expect_exit 2
	expect_err "tùy chọn '--invited':"
	expect_not_err "CHECK constraint"
	[ "$(grep -c 'lỗi' "$ERR")" = 1 ] || t_fail "'$bad': $(grep -c 'lỗi' "$ERR") error lines"
done
ht $VA --voters-at-place 100 --invited 80 --present 60 --result "Trần Thị Mai:9223372036854775807"
expect_exit 2
expect_err "--result"
dump "$T/after"
expect_same "$T/before" "$T/after"
t_end

t_case "a count in a CSV cell beyond the bound: one message at its cell"
cat >"$T/v.csv" <<EOF
kind,body,unit,date,voters_at_place,invited,present,candidate,dob,trust
workplace,qh,MTTQ,10/01/2026,100,80,9223372036854775807,Trần Thị Mai,02/03/1985,40
EOF
dump "$T/before"
ht voters import "$T/v.csv" --db "$B"
expect_exit 3
expect_err "v.csv:2:7: lỗi: cột 'present': số '9223372036854775807' quá lớn (tối đa 200000000)"
expect_not_err "CHECK constraint"
dump "$T/after"
expect_same "$T/before" "$T/after"
t_end

t_case "at the bound the arithmetic holds: 200 000 000 of 200 000 000 passes"
ht $VA --voters-at-place 200000000 --invited 200000000 --present 200000000 --result "Trần Thị Mai:200000000"
expect_exit 0
expect_out "tín nhiệm 200000000/200000000 — đạt trên một nửa số cử tri có mặt"
expect_not_err "runtime error"
t_end

t_case "a count beyond the bound cannot be stored even behind the tool's back"
printf 'UPDATE vote SET trust = 9223372036854775807;\n' | sqlite3 "$B" 2>"$T/sqlerr"
grep -q "CHECK constraint failed" "$T/sqlerr" || t_fail "the book took a count beyond the bound"
t_end
