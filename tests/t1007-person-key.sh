#!/bin/sh
# t1007: person.name_key, the stored loose key of a person's full name that
# person_find() compares (issue 8): kept with the name by every writer, and
# a person whose name has no key (written in the sqlite3 shell) is still
# matched by folding the name, as before.
. "$TOP/tests/lib.sh"

make_province_book
B="$T/p.db"
db="--db $B"
key() { sql "$B" "SELECT coalesce(name_key, 'NULL') FROM person WHERE id = $1"; }

t_case "import stores the loose key; a namesake spelled otherwise is matched through it"
printf 'name,dob,sex,source\nLê Minh Tuấn,23/06/1968,Nam,self\nNguyễn Thị Hoa,01/02/1970,Nữ,self\n' >"$T/a.csv"
ht candidate import "$T/a.csv" --body qh $db
expect_exit 0
[ "$(key 1)" != NULL ] || t_fail "no key stored"
[ "$(sql "$B" "SELECT count(DISTINCT name_key) FROM person")" = 2 ] || t_fail "keys not distinct"
# upper case, NFD, extra spaces: the same person
nfd=$(printf 'LE\314\202 MINH  TUA\314\202\314\201N')
printf 'name,dob,sex,source\n%s,1968-06-23,Nam,self\n' "$nfd" >"$T/b.csv"
ht candidate import "$T/b.csv" --body hdnd-tinh $db
expect_exit 0
expect_out "đã có trong sổ (#1): khớp, thêm ứng cử 'hdnd-tinh'"
[ "$(sql "$B" "SELECT count(*) FROM person")" = 2 ] || t_fail "person entered twice"
t_end

t_case "a person written in the shell without a key is matched by folding the name"
sql_write "$B" "INSERT INTO person(id, ho, ten_dem, ten, dob, sex, sort_key) VALUES (7, 'Trần', 'Văn', 'Bình', '1975-03-04', 'nam', x'00')"
[ "$(key 7)" = NULL ] || t_fail "key from nowhere"
printf 'name,dob,sex,source\ntrần văn bình,04/03/1975,Nam,self\n' >"$T/c.csv"
ht candidate import "$T/c.csv" --body qh $db
expect_exit 0
expect_out "đã có trong sổ (#7): khớp, thêm ứng cử 'qh'"
t_end

t_case "a name changed in the shell loses its key and is matched by its new spelling only"
k=$(key 2)
sql_write "$B" "UPDATE person SET ten = 'Hòa' WHERE id = 2"
[ "$(key 2)" = NULL ] || t_fail "stale key kept: $(key 2)"
printf 'name,dob,sex,source\nNguyễn Thị Hoa,01/02/1970,Nữ,self\n' >"$T/d.csv"
ht candidate import "$T/d.csv" --body hdnd-tinh $db
expect_exit 0
expect_out "thêm 1 ứng cử (1 người mới"
n=$(sql "$B" "SELECT count(*) FROM person")
printf 'name,dob,sex,source\nNGUYỄN THỊ HÒA,01/02/1970,Nữ,self\n' >"$T/e.csv"
ht candidate import "$T/e.csv" --body qh $db
expect_exit 0
expect_out "khớp 1 ứng cử đã có"
[ "$(sql "$B" "SELECT count(*) FROM person")" = "$n" ] || t_fail "renamed person not matched"
[ "$(sql "$B" "SELECT name_key FROM person WHERE ten = 'Hoa'")" = "$k" ] || t_fail "new person's key differs from the old one"
t_end

t_case "candidate edit keeps the key with the name, also when only the case changes"
ht candidate edit 1 --ten "TUẤN" $db
expect_exit 0
[ "$(key 1)" != NULL ] || t_fail "key lost by a change of case"
ht candidate edit 1 --ten "Tú" $db
expect_exit 0
printf 'name,dob,sex,source\nLê Minh Tú,23/06/1968,Nam,self\n' >"$T/f.csv"
ht candidate import "$T/f.csv" --body qh $db
expect_exit 0
expect_out "khớp 1 ứng cử đã có"
ht audit verify $db
expect_exit 0
t_end

t_case "a candidate named in a command or file is found by the stored key, or by folding a name without one"
ht issue add --body qh --candidate "LÊ MINH TÚ 23/06/1968" --text "vụ việc một" $db
expect_exit 0
[ "$(key 1)" != NULL ] || t_fail "person 1 has no key to compare"
sql_write "$B" "UPDATE person SET ten = 'Tâm' WHERE id = 1"
[ "$(key 1)" = NULL ] || t_fail "stale key kept"
ht issue add --body qh --candidate "lê minh tâm 23/06/1968" --text "vụ việc hai" $db
expect_exit 0
ht issue add --body qh --candidate "Lê Minh Tú 23/06/1968" --text "vụ việc ba" $db
expect_exit 3
expect_err "không có người ứng cử 'Lê Minh Tú 23/06/1968' ở cơ quan này"
[ "$(sql "$B" "SELECT count(*) FROM voter_issue")" = 2 ] || t_fail "issues: $(sql "$B" "SELECT count(*) FROM voter_issue")"
t_end

t_case "stored keys are compared only when the book's keys were made by the running ICU"
[ "$(sql "$B" "SELECT name_key_version FROM book")" = "$("$HT" version | sed -n 's/^ICU /loose-1 icu-/p')" ] ||
	t_fail "book.name_key_version: $(sql "$B" "SELECT name_key_version FROM book")"
sql_write "$B" "UPDATE person SET name_key = 'khoa cu' WHERE id = 7"
ht issue add --body qh --candidate "Trần Văn Bình 04/03/1975" --text "vụ việc bốn" $db
expect_exit 3
expect_err "không có người ứng cử 'Trần Văn Bình 04/03/1975' ở cơ quan này"
sql_write "$B" "UPDATE book SET name_key_version = 'loose-1 icu-0.0'"
ht issue add --body qh --candidate "Trần Văn Bình 04/03/1975" --text "vụ việc bốn" $db
expect_exit 0
printf 'name,dob,sex,source\nTRẦN VĂN BÌNH,04/03/1975,Nam,self\n' >"$T/g.csv"
ht candidate import "$T/g.csv" --body hdnd-tinh $db
expect_exit 0
expect_out "đã có trong sổ (#7)"
t_end
