#!/bin/sh
# t1002: persons and candidacies by command: candidate add, edit, show,
# list; the checks the law makes at entry; the official order.
. "$TOP/tests/lib.sh"

make_province_book
dump() { sqlite3 "$T/p.db" .dump >"$1"; }
db="--db $T/p.db"
"$HT" unit add UB --name "Ủy ban nhân dân tỉnh" --kind state --body qh $db >/dev/null
"$HT" unit add PN --name "Hội Liên hiệp Phụ nữ tỉnh" --kind socio_political --body qh $db >/dev/null
"$HT" unit add UB --name "Ủy ban nhân dân tỉnh" --kind state --body hdnd-tinh $db >/dev/null
"$HT" unit add X-AP --name "Ủy ban nhân dân xã An Phú" --kind admin_unit --body hdnd-tinh $db >/dev/null

t_case "candidate add: a nominee with the fields of the lists"
ht candidate add --body qh --name "Nguyễn Văn Hòa" --dob 12/03/1970 --sex Nam --unit UB \
	--nationality "Chỉ có 01 quốc tịch là quốc tịch Việt Nam" --ethnicity Kinh --religion Không \
	--hometown "xã An Phú, tỉnh Hòa Lâm" --residence "phường Tân An" --edu-general 12/12 \
	--edu-professional "Cử nhân Luật" --edu-degree "Thạc sĩ" --edu-political "Cao cấp" --edu-language "Anh B1" \
	--occupation "Phó Chủ tịch Ủy ban nhân dân tỉnh" --position "Phó Bí thư Tỉnh ủy" --workplace "Ủy ban nhân dân tỉnh" \
	--party-date 03/02/1995 --na-member XV --hdnd-member "tỉnh khóa X" --dossier "20/01/2026 16:30" $db
expect_exit 0
expect_out "đã thêm người ứng cử #1 Nguyễn Văn Hòa (sinh 12/03/1970) — Quốc hội khóa XVI, Ủy ban nhân dân tỉnh giới thiệu"
[ "$(sql "$T/p.db" "SELECT ho || '|' || ten_dem || '|' || ten || '|' || dob || '|' || sex || '|' || party_date || '|' || position FROM person")" = \
	"Nguyễn|Văn|Hòa|1970-03-12|nam|1995-02-03|Phó Bí thư Tỉnh ủy" ] || t_fail "person row"
[ "$(sql "$T/p.db" "SELECT source || '|' || dossier_at || '|' || stage FROM candidacy")" = "unit|2026-01-20 16:30|nominated" ] ||
	t_fail "candidacy row"
[ "$(sql "$T/p.db" "SELECT length(sort_key) > 0 FROM person")" = 1 ] || t_fail "no sort key"
t_end

t_case "candidate add: separate họ, tên đệm, tên are kept as given"
ht candidate add --body qh --ho "Tôn Nữ" --ten-dem "Thị" --ten Hà --dob 1975 --sex nữ --unit PN $db
expect_exit 0
[ "$(sql "$T/p.db" "SELECT ho || '|' || ten_dem || '|' || ten || '|' || dob || '|' || sex FROM person WHERE id = 2")" = "Tôn Nữ|Thị|Hà|1975|nu" ] ||
	t_fail "split guessed"
t_end

t_case "candidate add: a self-nominee; other names in brackets"
ht candidate add --body qh --name "Trần Thị Hoan (Thích Nữ Diệu Hoan)" --dob 1982-05-01 --sex Nữ --self $db
expect_exit 0
expect_out "tự ứng cử"
[ "$(sql "$T/p.db" "SELECT p.other_names || '|' || c.source || '|' || coalesce(c.unit_id, 'null') FROM person p JOIN candidacy c ON c.person_id = p.id WHERE p.ten = 'Hoan'")" = \
	"Thích Nữ Diệu Hoan|self|null" ] || t_fail "self-nominee"
t_end

t_case "the same person (name and birth date) stands for a second body: matched, not duplicated"
ht candidate add --body hdnd-tinh --name "NGUYỄN VĂN HÒA" --dob 1970-03-12 --sex Nam --unit UB --occupation "Kỹ sư" $db
expect_exit 0
expect_out "'Nguyễn Văn Hòa' (sinh 12/03/1970) đã có trong sổ (#1): thêm ứng cử 'hdnd-tinh'"
expect_err "thông tin khác với hồ sơ đã có trong sổ ở: Nghề nghiệp"
[ "$(sql "$T/p.db" "SELECT count(*) FROM person")" = 3 ] || t_fail "person duplicated"
[ "$(sql "$T/p.db" "SELECT count(*) FROM candidacy WHERE person_id = 1")" = 2 ] || t_fail "no second candidacy"
t_end

t_case "the same person twice for one body is refused"
dump "$T/before"
ht candidate add --body qh --name "Nguyễn Văn Hòa" --dob 12/03/1970 --sex Nam --unit PN $db
expect_exit 3
expect_err "'Nguyễn Văn Hòa' (sinh 12/03/1970, #1) đã là người ứng cử 'qh'"
dump "$T/after"
expect_same "$T/before" "$T/after"
t_end

t_case "under the pack's minimum age on election day: refused with the rule"
dump "$T/before"
ht candidate add --body qh --name "Lê Văn Trẻ" --dob 16/03/2005 --sex Nam --self $db
expect_exit 1
expect_err "ELIG-AGE [qh] 'Lê Văn Trẻ': sinh 16/03/2005, 20 tuổi vào ngày bầu cử 15/03/2026; người ứng cử phải đủ 21 tuổi (Điều 2"
dump "$T/after"
expect_same "$T/before" "$T/after"
ht candidate add --body qh --name "Lê Văn Vừa" --dob 15/03/2005 --sex Nam --self $db
expect_exit 0
t_end

t_case "a year-only birth date counts from 1 January (addendum C9)"
ht candidate add --body qh --name "Lê Văn Năm" --dob 2005 --sex Nam --self $db
expect_exit 0
ht candidate add --body qh --name "Lê Văn Sáu" --dob 2006 --sex Nam --self $db
expect_exit 1
expect_err "ELIG-AGE [qh] 'Lê Văn Sáu': sinh 2006, 20 tuổi"
t_end

t_case "the minimum age is the pack's number, not a constant"
sed 's/params: {years: 21}/params: {years: 30}/' "$TOP/config/rules/2026-2031.yaml" >"$T/rules30.yaml"
sed "s|^term: .*|term: $T/term.yaml|" "$S/province/config.yaml" >"$T/cfg.yaml"
sed "s|^rules: .*|rules: $T/rules30.yaml|" "$TOP/config/2026-2031.yaml" >"$T/term.yaml"
grep -q "^rules:" "$T/term.yaml" || t_fail "term config has no rules line to replace"
"$HT" init --config "$T/cfg.yaml" --db "$T/p30.db" >/dev/null 2>&1 || t_fail "init with 30-year pack"
ht candidate add --body qh --name "Lê Văn Ba Mươi" --dob 01/01/1997 --sex Nam --self --db "$T/p30.db"
expect_exit 1
expect_err "người ứng cử phải đủ 30 tuổi"
t_end

t_case "the tone order is the pack's LIST-ORDER setting"
ht candidate add --body qh --name "Lê Văn Hóa" --dob 1970 --sex Nam --self --db "$T/p30.db"
ht candidate add --body qh --name "Lê Văn Hòa" --dob 1970 --sex Nam --self --db "$T/p30.db"
ht candidate list --body qh --format csv --db "$T/p30.db"
[ "$(cut -d, -f4 "$OUT" | tail -n +2 | tr '\n' ' ')" = "Lê Văn Hòa Lê Văn Hóa " ] || t_fail "default: $(cut -d, -f4 "$OUT")"
sed 's/params: {tone_order: \[ngang, huyen, hoi, nga, sac, nang\]}/params: {tone_order: [ngang, sac, huyen, hoi, nga, nang]}/' \
	"$T/rules30.yaml" >"$T/rules-sac.yaml"
grep -q "tone_order: \[ngang, sac," "$T/rules-sac.yaml" || t_fail "pack not changed"
sed "s|^rules: .*|rules: $T/rules-sac.yaml|" "$TOP/config/2026-2031.yaml" >"$T/term.yaml"
"$HT" init --config "$T/cfg.yaml" --db "$T/sac.db" >/dev/null 2>&1 || t_fail "init with sắc-first pack"
"$HT" candidate add --body qh --name "Lê Văn Hòa" --dob 1970 --sex Nam --self --db "$T/sac.db" >/dev/null
"$HT" candidate add --body qh --name "Lê Văn Hóa" --dob 1970 --sex Nam --self --db "$T/sac.db" >/dev/null
"$HT" candidate add --body qh --name "Lê Văn Hoan" --dob 1970 --sex Nam --self --db "$T/sac.db" >/dev/null
ht candidate list --body qh --format csv --db "$T/sac.db"
[ "$(cut -d, -f4 "$OUT" | tail -n +2 | tr '\n' ' ')" = "Lê Văn Hoan Lê Văn Hóa Lê Văn Hòa " ] || t_fail "sắc first: $(cut -d, -f4 "$OUT")"
t_end

t_case "the council levels one person may stand for are the pack's ELIG-LEVELS numbers"
sed 's/params: {max_levels: 2, max_levels_with_na: 1}/params: {max_levels: 2, max_levels_with_na: 0}/' \
	"$TOP/config/rules/2026-2031.yaml" >"$T/rules-lv.yaml"
grep -q "max_levels_with_na: 0" "$T/rules-lv.yaml" || t_fail "pack not changed"
sed "s|^rules: .*|rules: $T/rules-lv.yaml|" "$TOP/config/2026-2031.yaml" >"$T/term.yaml"
"$HT" init --config "$T/cfg.yaml" --db "$T/lv.db" >/dev/null 2>&1 || t_fail "init"
"$HT" unit add UB --name "Ủy ban nhân dân tỉnh" --kind state --body hdnd-tinh --db "$T/lv.db" >/dev/null
"$HT" candidate add --body qh --name "Lê Văn Hai" --dob 1970 --sex Nam --self --db "$T/lv.db" >/dev/null
sqlite3 "$T/lv.db" .dump >"$T/lv-before"
ht candidate add --body hdnd-tinh --name "Lê Văn Hai" --dob 1970 --sex Nam --unit UB --db "$T/lv.db"
expect_exit 1
expect_err "lỗi: ELIG-LEVELS [hdnd-tinh] 'Lê Văn Hai': ứng cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân ở 1 cấp"
expect_err "người ứng cử đại biểu Quốc hội chỉ được ứng cử đại biểu Hội đồng nhân dân ở tối đa 0 cấp (Khoản 3 Điều 36"
sqlite3 "$T/lv.db" .dump >"$T/lv-after"
expect_same "$T/lv-before" "$T/lv-after"
t_end

t_case "a birth date after election day, a date that does not exist, a bad sex"
ht candidate add --body qh --name "Lê Văn Sau" --dob 16/03/2026 --sex Nam --self $db
expect_exit 3
expect_err "--dob: ngày sinh 16/03/2026 sau ngày bầu cử 15/03/2026"
ht candidate add --body qh --name "Lê Văn Sai" --dob 29/02/1981 --sex Nam --self $db
expect_exit 3
expect_err "--dob: ngày không tồn tại: '29/02/1981'"
ht candidate add --body qh --name "Lê Văn Sai" --dob 01/01/1981 --sex X --self $db
expect_exit 3
expect_err "--sex: giới tính 'X' không hợp lệ"
ht candidate add --body qh --name "Lê Văn Sai" --dob 01/01/1981 --sex Nam --party-date 01/01/1980 --self $db
expect_exit 3
expect_err "--party-date: ngày vào Đảng trước ngày sinh"
t_end

t_case "an unknown unit, a thôn in a province, a one-word name, both --unit and --self"
ht candidate add --body qh --name "Lê Văn Đơn" --dob 01/01/1981 --sex Nam --unit NOPE $db
expect_exit 3
expect_err "--unit: không có đơn vị 'NOPE' giới thiệu cho 'qh'"
ht candidate add --body qh --name "Đơn" --dob 01/01/1981 --sex Nam --self $db
expect_exit 3
expect_err "cần ít nhất hai từ"
ht candidate add --body qh --name "Lê Văn Đơn" --dob 01/01/1981 --sex Nam --self --unit UB $db
expect_exit 2
expect_err "cần đúng một trong --unit và --self"
ht candidate add --body qh --name "Lê Văn Đơn" --ten Đơn --dob 01/01/1981 --sex Nam --self $db
expect_exit 2
t_end

t_case "a bad dossier time"
ht candidate add --body qh --name "Lê Văn Giờ" --dob 01/01/1981 --sex Nam --self --dossier "01/02/2026 25:00" $db
expect_exit 3
expect_err "--dossier: thời điểm nhận hồ sơ '01/02/2026 25:00': giờ không hợp lệ"
ht candidate add --body qh --name "Lê Văn Giờ" --dob 01/01/1981 --sex Nam --self --dossier "01/02/2026 16h45" $db
expect_exit 0
[ "$(sql "$T/p.db" "SELECT dossier_at FROM candidacy c JOIN person p ON p.id = c.person_id WHERE p.ten = 'Giờ'")" = "2026-02-01 16:45" ] ||
	t_fail "16h45"
t_end

t_case "candidate list: the official order, one numbered list per body"
for n in "Lê Văn Thanh|1970" "Phạm Quốc Thái|1971" "Hoàng Trung Dũng|1972" "Nguyễn Thanh Điện|1973" \
	 "Vũ Đức Duy|1974" "Mai Thị Hằng|1976" "Đỗ Thị Hạnh|1977" "Bùi Thị Thắm|1978" "Cao Văn Thắng|1979" \
	 "Trịnh Thị Anh|1980" "Trịnh Thị Ánh|1980" "Trịnh Thị Ân|1980" "Trịnh Văn Ấn|1980" "Bùi Văn Tuân|1981" \
	 "Bùi Văn Tuấn|1981" "Đào Văn Hoan|1983" "Lý Thị Hằng|1984-05-01" "Lý Thị Hằng|1984-02-01"; do
	"$HT" candidate add --body qh --name "${n%|*}" --dob "${n#*|}" --sex Nam --self $db >/dev/null 2>&1 ||
		t_fail "could not add ${n%|*}"
done
ht candidate list --body qh $db
expect_exit 0
expect_out "Quốc hội khóa XVI [qh]: 24 người ứng cử"
awk 'NR > 2 { print $3 " " $4 " " $5 " " $6 }' "$OUT" | sed 's/  *[0-9].*//; s/ *$//' >"$T/order"
cat >"$T/want" <<'EOF'
Trịnh Thị Anh
Trịnh Thị Ánh
Trịnh Thị Ân
Trịnh Văn Ấn
Vũ Đức Duy
Hoàng Trung Dũng
Nguyễn Thanh Điện
Lê Văn Giờ
Tôn Nữ Thị Hà
Đỗ Thị Hạnh
Lý Thị Hằng
Lý Thị Hằng
Mai Thị Hằng
Đào Văn Hoan
Trần Thị Hoan
Nguyễn Văn Hòa
Lê Văn Năm
Lê Văn Thanh
Phạm Quốc Thái
Bùi Thị Thắm
Cao Văn Thắng
Bùi Văn Tuân
Bùi Văn Tuấn
Lê Văn Vừa
EOF
cp "$T/order" "$T/got"
expect_same "$T/want" "$T/got"
[ -s "$T/got" ] || t_fail "no rows"
grep -n "Lý Thị Hằng" "$OUT" | head -n 1 | grep -q "01/02/1984" || t_fail "identical names not by birth date"
head -n 3 "$OUT" | tail -n 1 | grep -q "^1  " || t_fail "STT does not start at 1"
t_end

t_case "candidate list --format csv: every field, official order, ISO dates"
ht candidate list --body qh --format csv $db
expect_exit 0
head -n 1 "$OUT" | grep -q "^stt,person_id,body,name,ho,ten_dem,ten,other_names,dob,sex,nationality,ethnicity" ||
	t_fail "csv header"
sed -n 2p "$OUT" | grep -q "^1,.*,qh,Trịnh Thị Anh,Trịnh,Thị,Anh,,1980,nam," || t_fail "first csv row"
expect_out "Nguyễn Văn Hòa,Nguyễn,Văn,Hòa,,1970-03-12,nam,Chỉ có 01 quốc tịch là quốc tịch Việt Nam,Kinh,Không"
t_end

t_case "candidate list --format json parses and keeps the order"
ht candidate list --format json $db
expect_exit 0
"$PYTHON" - "$OUT" <<'PY' || t_fail "json"
import json, sys
d = json.load(open(sys.argv[1]))
qh = [x for x in d if x["body"] == "qh"]
assert qh[0]["name"] == "Trịnh Thị Anh" and qh[0]["stt"] == 1, qh[0]
assert [x["body"] for x in d] == sorted([x["body"] for x in d], key=["qh", "hdnd-tinh"].index)
h = [x for x in d if x["body"] == "hdnd-tinh"]
assert len(h) == 1 and h[0]["unit"] == "UB" and h[0]["dob"] == "1970-03-12"
PY
t_end

t_case "candidate list filters by unit, self-nominees and stage"
ht candidate list --body qh --unit PN $db
expect_exit 0
expect_out "1 người ứng cử"
expect_out "Tôn Nữ Thị Hà"
ht candidate list --body qh --unit "tự ứng cử" --format csv $db
tail -n +2 "$OUT" | grep -q ",unit," && t_fail "a nominee among self-nominees"
[ "$(grep -c ",self," "$OUT")" = 22 ] || t_fail "self-nominees: $(grep -c ",self," "$OUT")"
ht candidate list --stage preliminary $db
expect_exit 0
expect_out "không có người ứng cử nào khớp"
ht candidate list --stage nope $db
expect_exit 2
ht candidate list --unit NOPE --body qh $db
expect_exit 2
expect_err "không có đơn vị 'NOPE'"
t_end

t_case "candidate add --stage proposed; later stages are not for entry"
ht candidate add --body hdnd-tinh --name "Phan Văn Dự" --dob 1979 --sex Nam --unit X-AP --stage proposed $db
expect_exit 0
ht candidate list --body hdnd-tinh --stage proposed $db
expect_out "Phan Văn Dự"
expect_out "dự kiến"
ht candidate add --body hdnd-tinh --name "Phan Văn Sơ" --dob 1979 --sex Nam --unit X-AP --stage official $db
expect_exit 2
t_end

t_case "candidate show: the whole record and the history"
ht candidate show 1 $db
expect_exit 0
expect_out "#1 Nguyễn Văn Hòa"
expect_out "  Ngày, tháng, năm sinh: 12/03/1970"
expect_out "  Chức vụ: Phó Bí thư Tỉnh ủy"
expect_out "  Ngày vào Đảng: 03/02/1995"
expect_out "  Quốc hội khóa XVI [qh]"
expect_out "    Nhận hồ sơ: 20/01/2026 16:30"
expect_out "  Hội đồng nhân dân tỉnh Hòa Lâm [hdnd-tinh]"
expect_out "20/11/2025  được giới thiệu  vào"
expect_out "Ủy ban nhân dân tỉnh giới thiệu"
t_end

t_case "candidate show by name; json; several people of one name"
ht candidate show "nguyễn văn hòa" --format json $db
expect_exit 0
"$PYTHON" -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["person_id"]==1 and len(d["candidacies"])==2 and d["candidacies"][0]["history"][0]["decision"]=="in"' "$OUT" ||
	t_fail "json show"
ht candidate show "Lý Thị Hằng" $db
expect_exit 3
expect_err "có 2 người tên 'Lý Thị Hằng'"
ht candidate show "Lý Thị Hằng" --match-dob 01/05/1984 $db
expect_exit 0
expect_out "01/05/1984"
ht candidate show 999 $db
expect_exit 3
expect_err "không có người mã #999"
ht candidate show 1 --format csv $db
expect_exit 2
t_end

t_case "candidate edit corrects fields, re-sorts, and keeps the history"
ht candidate edit "Đào Văn Hoan" --ten "Hòa" --ten-dem "Văn" --workplace "Sở Tư pháp" $db
expect_exit 0
expect_out "đã sửa"
expect_out "Tên, Nơi công tác"
ht candidate list --body qh --format csv $db
grep -n "Đào Văn Hòa" "$OUT" | cut -d: -f1 >"$T/a"
grep -n "Nguyễn Văn Hòa" "$OUT" | cut -d: -f1 >"$T/b"
[ "$(cat "$T/a")" -lt "$(cat "$T/b")" ] || t_fail "Đào Văn Hòa not before Nguyễn Văn Hòa"
ht candidate show "Đào Văn Hòa" $db
expect_out "sửa"
expect_out "sửa: Tên, Nơi công tác"
t_end

t_case "candidate edit of candidacy fields; --body needed for a person in two bodies"
ht candidate edit 1 --dossier "21/01/2026 08:00" $db
expect_exit 3
expect_err "ứng cử nhiều cơ quan dân cử; chọn một bằng --body"
ht candidate edit 1 --body hdnd-tinh --unit X-AP --dossier "21/01/2026 08:00" --note "chuyển đơn vị" $db
expect_exit 0
[ "$(sql "$T/p.db" "SELECT u.code || '|' || c.dossier_at || '|' || c.note FROM candidacy c JOIN unit u ON u.id = c.unit_id JOIN body b ON b.id = c.body_id WHERE c.person_id = 1 AND b.code = 'hdnd-tinh'")" = \
	"X-AP|2026-01-21 08:00|chuyển đơn vị" ] || t_fail "candidacy not edited"
ht candidate edit 1 --body qh --self $db
expect_exit 0
[ "$(sql "$T/p.db" "SELECT source || coalesce(unit_id, '-') FROM candidacy c JOIN body b ON b.id = c.body_id WHERE c.person_id = 1 AND b.code = 'qh'")" = "self-" ] ||
	t_fail "not self"
t_end

t_case "candidate edit refuses what candidate add refuses, and changes nothing"
dump "$T/before"
ht candidate edit 1 --dob 2010 --party-date 2030 $db
expect_exit 3
expect_err "ngày vào Đảng sau ngày bầu cử"
ht candidate edit 1 --dob 2010 --clear party-date $db
expect_exit 1
expect_err "ELIG-AGE"
expect_err "người ứng cử phải đủ 21 tuổi"
ht candidate edit 1 --dob 31/04/1970 $db
expect_exit 3
expect_err "ngày không tồn tại"
ht candidate edit 2 --name "Nguyễn Văn Hòa" --dob 12/03/1970 $db
expect_exit 3
expect_err "đã có người khác cùng họ tên 'Nguyễn Văn Hòa' và ngày sinh trong sổ (#1)"
ht candidate edit 1 --clear ten $db
expect_exit 3
expect_err "thiếu 'Tên'"
ht candidate edit 1 --clear nope $db
expect_exit 2
dump "$T/after"
expect_same "$T/before" "$T/after"
t_end

t_case "candidate edit --clear removes an optional field"
ht candidate edit 1 --clear party-date $db
expect_exit 0
[ "$(sql "$T/p.db" "SELECT coalesce(party_date, 'null') FROM person WHERE id = 1")" = null ] || t_fail "not cleared"
t_end

t_case "every candidate command has --help"
for c in add edit list show import; do
	ht candidate $c --help
	[ "$RC" = 0 ] || t_fail "candidate $c --help exit $RC"
	grep -q "cách dùng: hiepthuong candidate $c" "$OUT" || t_fail "candidate $c usage"
done
ht help candidate
expect_out "candidate import"
t_end

t_case "writing commands are audited"
[ "$(sql "$T/p.db" "SELECT count(*) FROM audit WHERE command LIKE '%candidate add%'")" -ge 20 ] || t_fail "candidate add"
sql "$T/p.db" "SELECT changes FROM audit WHERE command LIKE '%candidate edit%'" | grep -q "sửa: Tên" || t_fail "edit"
t_end
