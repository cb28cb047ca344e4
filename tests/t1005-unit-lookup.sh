#!/bin/sh
# t1005: units are found by code or name however the cell spells them
# (case, spacing, Unicode normalisation), inside one import as well as
# across commands: the lookup table that keeps imports linear in size
# (units.c) must answer as the loose comparison does.
. "$TOP/tests/lib.sh"

make_province_book
nfd=$($PYTHON -c 'import unicodedata; print(unicodedata.normalize("NFD", "Hội Nông dân tỉnh Hòa Lâm"))')

t_case "a unit import sees its own earlier rows, however spelled"
printf 'body,code,name,kind\nqh,hnd,Hội Nông dân tỉnh Hòa Lâm,Đoàn thể\nqh,HND2,HỘI NÔNG  DÂN TỈNH HÒA LÂM,Đoàn thể\nqh,Hnd,Khác,Đoàn thể\n' \
	>"$T/u1.csv"
ht unit import "$T/u1.csv" --db "$T/p.db"
expect_exit 3
expect_err "u1.csv:3:3: lỗi: cột 'name': trùng tên với dòng 2"
expect_err "u1.csv:4:2: lỗi: cột 'code': trùng với dòng 2 (mã 'Hnd')"
[ "$(sql "$T/p.db" "SELECT count(*) FROM unit")" = 0 ] || t_fail "units stored"
t_end

t_case "candidates name their unit by code or name in any case or normalisation"
printf 'body,code,name,kind\nqh,HND,Hội Nông dân tỉnh Hòa Lâm,Đoàn thể\nqh,LDLD,Liên đoàn Lao động tỉnh Hòa Lâm,Đoàn thể\nhdnd-tinh,HND,Hội Nông dân tỉnh Hòa Lâm,Đoàn thể\n' \
	>"$T/u2.csv"
ht unit import "$T/u2.csv" --db "$T/p.db"
expect_exit 0
cat >"$T/c.csv" <<CSV
body,name,dob,sex,unit
qh,Nguyễn Văn An,01/01/1970,Nam,hnd
qh,Trần Thị Bình,02/02/1975,Nữ,$nfd
qh,Lê Văn Cường,03/03/1980,Nam,  liên đoàn lao ĐỘNG tỉnh hòa lâm
hdnd-tinh,Phạm Văn Dũng,04/04/1981,Nam,HND
CSV
ht candidate import "$T/c.csv" --db "$T/p.db"
expect_exit 0
[ "$(sql "$T/p.db" "SELECT group_concat(b.code || ':' || u.code, ' ') FROM (SELECT * FROM candidacy ORDER BY id) c
	JOIN unit u ON u.id = c.unit_id JOIN body b ON b.id = c.body_id")" = "qh:HND qh:HND qh:LDLD hdnd-tinh:HND" ] ||
	t_fail "units of the candidacies"
t_end

t_case "a renamed unit is found by its new name, not its old one"
ht unit edit HND --name "Hội Nông dân Việt Nam tỉnh Hòa Lâm" --body qh --db "$T/p.db"
expect_exit 0
printf 'body,name,dob,sex,unit\nqh,Vũ Văn Em,05/05/1982,Nam,hội nông dân việt nam tỉnh hòa lâm\n' >"$T/c2.csv"
ht candidate import "$T/c2.csv" --db "$T/p.db"
expect_exit 0
printf 'body,name,dob,sex,unit\nqh,Đỗ Văn Giang,06/06/1983,Nam,Hội Nông dân tỉnh Hòa Lâm\n' >"$T/c3.csv"
ht candidate import "$T/c3.csv" --db "$T/p.db"
expect_exit 3
expect_err "không có đơn vị 'Hội Nông dân tỉnh Hòa Lâm'"
t_end
