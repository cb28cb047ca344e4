#!/bin/sh
# t3004: every meeting has its minutes (issue 15): the forms of the thôn
# conferences, the Ban công tác Mặt trận meetings, the units' leadership and
# expanded-leadership meetings and the conferences held online or by
# distributing ballots, filled from the demo's books and read back with
# openpyxl (tests/xlsx_dump.py); each refused for a meeting it is not for.
. "$TOP/tests/lib.sh"
DUMP="$PYTHON $TOP/tests/xlsx_dump.py"

run_demo
B=$T/repo/out/bieu-mau
X=$B/xa
P=$B/tinh
XDB=$T/repo/out/xa.db
PDB=$T/repo/out/tinh.db
dump() {
	[ -f "$1.txt" ] || $DUMP "$1" >"$1.txt"
	cat "$1.txt"
}
has() {
	dump "$1" | grep -qF -- "$2" || t_fail "$(basename "$1"): no '$2'"
}
hasnt() {
	dump "$1" | grep -qF -- "$2" && t_fail "$(basename "$1"): has '$2'"
}
# conf KIND [MODE]: the id of the demo commune's first meeting of that kind
conf() {
	sql "$XDB" "SELECT id FROM conference WHERE kind = '$1' AND mode = '${2:-in_person}' ORDER BY id LIMIT 1"
}

t_case "04/HNCT: the thôn conference, who was selected and who was not, with the counts"
id=$(conf thon)
f=$X/04-HNCT_hdnd-xa_hoi-nghi-$id.xlsx
expect_file "$f"
has "$f" "| Mẫu số 04/HNCT |"
has "$f" "| THÔN EA TIÊU |"
has "$f" "| BIÊN BẢN HỘI NGHỊ CỬ TRI |"
has "$f" "| XÃ TÂN HÒA LÂM NHIỆM KỲ 2026 - 2031 |"
has "$f" "ngày 10 tháng 01 năm 2026, thôn Ea Tiêu đã tiến hành hội nghị"
has "$f" "Họ và tên người chủ trì hội nghị: Y Khuê Mlô. Chức vụ Trưởng Ban công tác Mặt trận thôn Ea Tiêu"
has "$f" "- Tổng số cử tri được mời: 90 |"
has "$f" "- Tổng số cử có mặt tại hội nghị: 70 |"
has "$f" "| 3 Y Bhin Niê |"
has "$f" "bằng hình thức bỏ phiếu kín |"
has "$f" "| 1 H'Nguyệt Mlô: 61 đồng ý (87,14%); được giới thiệu |"
has "$f" "| 3 Y Bhin Niê: 40 đồng ý (57,14%); không được giới thiệu |"
# section 5 lists the selected only
n=$(dump "$f" | grep -A3 "5. Hội nghị nhất trí giới thiệu" | grep -c "^cell A[0-9]* | [0-9] ")
[ "$n" = 2 ] || t_fail "section 5 lists $n people, not the 2 selected"
has "$f" "| CHỦ TRÌ HỘI NGHỊ |"
hasnt "$f" "đóng dấu"
t_end

t_case "04/HNCT: a tie's re-vote is printed beside the votes"
cp "$XDB" "$T/q.db"
sql_write "$T/q.db" "UPDATE vote SET revote = 44 WHERE conference_id = $id AND trust = 40"
ht export --db "$T/q.db" 04-hnct --conference "$id" -o "$T/04.xlsx" --draft
expect_exit 0
$DUMP "$T/04.xlsx" | grep -qF "| 3 Y Bhin Niê: 40 đồng ý (57,14%), biểu quyết lại: 44; không được giới thiệu |" ||
	t_fail "no re-vote"
t_end

t_case "04/HNCT is refused for a meeting that is not a thôn conference"
w=$(conf workplace)
ht export --db "$XDB" 04-hnct --conference "$w" -o "$T/04w.xlsx"
expect_exit 3
expect_err "mẫu '04-hnct' không dùng được cho lựa chọn này: mẫu chỉ dành cho hội nghị cử tri thôn, tổ dân phố giới thiệu người ứng cử, họp trực tiếp; hội nghị số $w là hội nghị cử tri nơi công tác"
expect_no_file "$T/04w.xlsx"
t_end

t_case "03/HNMT: the Ban công tác Mặt trận meeting, its opinions, its trust and the names it agreed"
id=$(conf bctmt)
f=$X/03-HNMT_hdnd-xa_hoi-nghi-$id.xlsx
expect_file "$f"
has "$f" "| Mẫu số 03/HNMT |"
has "$f" "| ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM XÃ TÂN HÒA LÂM |"
has "$f" "| BAN CÔNG TÁC MẶT TRẬN THÔN EA TIÊU |"
has "$f" "| Tân Hòa Lâm, ngày 06 tháng 01 năm 2026 |"
has "$f" "| BIÊN BẢN HỘI NGHỊ BAN CÔNG TÁC MẶT TRẬN |"
has "$f" "tại Nhà văn hóa thôn Ea Tiêu, Ban công tác Mặt trận thôn Ea Tiêu tiến hành hội nghị"
has "$f" "| 1. Tổng số người được triệu tập: 9 người. |"
has "$f" "| Số người có mặt: 8 người, vắng 1 người có lý do. |"
has "$f" "nghe Thông báo số 05/TB-MTTQ ngày 15/12/2025 của Ban Thường trực"
has "$f" "Nghe Y Khuê Mlô, Trưởng ban công tác Mặt trận"
has "$f" "| 3 Y Bhin Niê: Trẻ, năng động; kinh nghiệm công tác còn ít. Tín nhiệm: 6/8 người có mặt (75,00%). |"
has "$f" "giới thiệu người ứng cử đại biểu Hội đồng nhân dân xã Tân Hòa Lâm nhiệm kỳ 2026 - 2031 |"
has "$f" "| TM. BAN CÔNG TÁC MẶT TRẬN |"
has "$f" "| (Đóng dấu xác nhận của UBMTTQVN cấp xã) |"
has "$f" "| H'Linh Niê |"
t_end

t_case "03/HNMT: a meeting the book knows little of keeps the form's dots and markers"
cp "$XDB" "$T/b.db"
sql_write "$T/b.db" "UPDATE conference SET notice_ref = NULL, chair_name = NULL, invited = NULL, present = NULL, absent = NULL WHERE id = $id; DELETE FROM vote WHERE conference_id = $id"
ht export --db "$T/b.db" 03-hnmt --conference "$id" -o "$T/03.xlsx" --draft
expect_exit 0
$DUMP "$T/03.xlsx" >"$T/03.txt"
grep -qF "| 1. Tổng số người được triệu tập: ………………… người. |" "$T/03.txt" || t_fail "invited not left for the hand"
grep -qF "Nghe ông (bà)…………………, Trưởng ban" "$T/03.txt" || t_fail "ông (bà) not kept"
grep -qF "nghe Thông báo của Ban Thường trực" "$T/03.txt" || t_fail "the notice"
# "…" is three bytes: grouped, so that the pattern means the same in the C
# locale (a fresh machine's empty environment) as in a UTF-8 one
grep -q "^cell A[0-9]* | 1 H'Nguyệt Mlô: …\(…\)* |" "$T/03.txt" || t_fail "the opinion not left for the hand"
grep -q "Tín nhiệm:" "$T/03.txt" && t_fail "a trust without votes"
t_end

t_case "03/HNMT is refused for a thôn's voter conference; 04/HNCT for its Ban công tác Mặt trận"
t=$(conf thon)
ht export --db "$XDB" 03-hnmt --conference "$t" -o "$T/03t.xlsx"
expect_exit 3
expect_err "mẫu chỉ dành cho hội nghị Ban công tác Mặt trận thôn, tổ dân phố; hội nghị số $t là hội nghị cử tri thôn, tổ dân phố"
ht export --db "$XDB" 04-hnct --conference "$id" -o "$T/04b.xlsx"
expect_exit 3
expect_no_file "$T/04b.xlsx"
t_end

t_case "08/PLYK: the thôn's strike-out ballot, the commune Front's seal, the people, no notes"
id=$(conf thon)
f=$X/08-PLYK_hdnd-xa_hoi-nghi-$id.xlsx
expect_file "$f"
has "$f" "| Mẫu số 08/PLYK |"
has "$f" "| ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM XÃ TÂN HÒA LÂM |"
has "$f" "| Tân Hòa Lâm, ngày 10 tháng 01 năm 2026 |"
has "$f" "| PHIẾU LẤY Ý KIẾN |"
has "$f" "đại biểu Hội đồng nhân dân cấp xã nhiệm kỳ 2026 - 2031 có tên dưới đây bằng cách gạch tên"
has "$f" "| Chức vụ công tác |"
has "$f" "| H'Nguyệt Mlô |"
has "$f" "| Y Bhin Niê |"
hasnt "$f" "Ghi chú"
hasnt "$f" "Tín nhiệm"
# the rows a voter strikes are of one height
dump "$f" >/dev/null
h=$(for n in Mlô Niê; do grep "^cell B[0-9]* | [^|]*$n |" "$f.txt"; done | sed 's/^cell B\([0-9]*\) .*/\1/' |
	while read -r r; do grep "^row $r height" "$f.txt"; done | awk '{print $4}' | sort -u | wc -l)
[ "$h" = 1 ] || t_fail "rows of $h heights"
t_end

t_case "08/PLYK only for a thôn conference by secret ballot (or not yet voted)"
cp "$XDB" "$T/h.db"
sql_write "$T/h.db" "UPDATE conference SET vote_method = 'hands', ballots_issued = NULL, ballots_returned = NULL, ballots_valid = NULL, ballots_invalid = NULL WHERE id = $id"
ht export --db "$T/h.db" 08-plyk --conference "$id" -o "$T/08h.xlsx"
expect_exit 3
expect_err "hội nghị số $id là hội nghị cử tri thôn, tổ dân phố giới thiệu người ứng cử, họp trực tiếp, biểu quyết bằng giơ tay"
expect_no_file "$T/08h.xlsx"
sql_write "$T/h.db" "UPDATE conference SET vote_method = NULL WHERE id = $id"
ht export --db "$T/h.db" 08-plyk --conference "$id" -o "$T/08n.xlsx" --draft
expect_exit 0
ht export --db "$XDB" 08-plyk --conference "$(conf workplace)" -o "$T/08w.xlsx"
expect_exit 3
expect_no_file "$T/08w.xlsx"
t_end

t_case "06/BBKPHN: the expanded leadership's count, its team, witnesses, ballots and each result"
id=$(conf expanded_leadership)
f=$X/06-BBKPHN_hdnd-xa_hoi-nghi-$id.xlsx
expect_file "$f"
[ -e "$X/06-BBKP_hdnd-xa_hoi-nghi-$id.xlsx" ] && t_fail "06/BBKP written for it too"
has "$f" "| Mẫu số 06/BBKPHN |"
has "$f" "| HỢP TÁC XÃ NÔNG NGHIỆP TÂN HÒA |"
has "$f" "| BIÊN BẢN KIỂM PHIẾU |"
has "$f" "| Về việc giới thiệu người ứng cử đại biểu Hội đồng nhân dân xã Tân Hòa Lâm khóa II, nhiệm kỳ 2026 - 2031 |"
has "$f" "tại Hợp tác xã Nông nghiệp Tân Hòa tổ chức hội nghị ban lãnh đạo mở rộng để giới thiệu ông/bà Lương Văn Tài ứng cử đại biểu Hội đồng nhân dân xã Tân Hòa Lâm"
has "$f" "| 1. Đỗ Văn Phú, Kế toán - Tổ trưởng. |"
has "$f" "| 2. Trần Thị Lụa, xã viên |"
has "$f" "| - Thời gian phát phiếu: 14 giờ 30 |"
has "$f" "| - Thời gian thu phiếu: 15 giờ 00 |"
has "$f" "| - Tổng số cử tri trong cơ quan/tổ chức/đơn vị: 9 |"
has "$f" "| - Số phiếu phát ra: 9 phiếu, chiếm tỷ lệ 100,00% |"
has "$f" "| (1) Lương Văn Tài: 3 phiếu tán thành, 6 phiếu không tán thành (33,33% số người có mặt) |"
hasnt "$f" "Võ Hữu Thái"
has "$f" "| TRƯỞNG BAN KIỂM PHIẾU |"
has "$f" "| ĐẠI DIỆN CỬ TRI CHỨNG KIẾN |"
t_end

t_case "06/BBKPHN is refused for a voter conference's count, and for a show of hands"
w=$(conf workplace)
ht export --db "$XDB" 06-bbkphn --conference "$w" -o "$T/06w.xlsx"
expect_exit 3
expect_err "mẫu chỉ dành cho hội nghị ban lãnh đạo mở rộng giới thiệu người ứng cử, biểu quyết bằng bỏ phiếu kín; hội nghị số $w là hội nghị cử tri nơi công tác"
expect_no_file "$T/06w.xlsx"
cp "$XDB" "$T/e.db"
sql_write "$T/e.db" "UPDATE conference SET vote_method = 'hands', ballots_issued = NULL, ballots_returned = NULL, ballots_valid = NULL, ballots_invalid = NULL WHERE id = $id"
ht export --db "$T/e.db" 06-bbkphn --conference "$id" -o "$T/06h.xlsx" --draft
expect_exit 3
expect_err "biểu quyết bằng giơ tay"
t_end

t_case "02/BCĐBQH-MT, 02/BCĐHĐND-MT: the leadership meeting that proposes, with its unit and the Front's notice"
f=$P/02-BCDBQH-MT_qh_hoi-nghi-$(sql "$PDB" "SELECT id FROM conference WHERE kind = 'leadership'").xlsx
expect_file "$f"
has "$f" "| Mẫu số 02/BCĐBQH-MT |"
has "$f" "| TRƯỜNG ĐẠI HỌC HÒA LÂM |"
has "$f" "| HỌP BAN LÃNH ĐẠO DỰ KIẾN GIỚI THIỆU NGƯỜI ỨNG CỬ ĐẠI BIỂU QUỐC HỘI KHÓA XVI |"
has "$f" "cơ quan (tổ chức, đơn vị) Trường Đại học Hòa Lâm đã tiến hành họp ban lãnh đạo để dự kiến giới thiệu người ứng cử đại biểu Quốc hội khóa XVI theo Thông báo số 12/TB-MTTQ ngày 12/12/2025 của Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Hòa Lâm về việc"
has "$f" "| - Chủ trì cuộc họp: Đinh Quang Vĩnh. Chức vụ: Bí thư Đảng ủy Trường |"
has "$f" "| + Ban Thường vụ Đảng ủy Trường |"
has "$f" "| - Tổng số người có mặt: 11 |"
has "$f" "| 2. Vũ Đức Duy |"
has "$f" "| CHỦ TRÌ CUỘC HỌP |"
has "$f" "| (Ký tên, đóng dấu) |"
g=$X/02-BCDHDND-MT_hdnd-xa_hoi-nghi-$(conf leadership).xlsx
expect_file "$g"
has "$g" "| Mẫu số 02/BCĐHĐND-MT |"
has "$g" "| HỢP TÁC XÃ NÔNG NGHIỆP TÂN HÒA |"
has "$g" "| HỌP BAN LÃNH ĐẠO DỰ KIẾN GIỚI THIỆU NGƯỜI ỨNG CỬ ĐẠI BIỂU HỘI ĐỒNG NHÂN DÂN XÃ TÂN HÒA LÂM KHÓA II |"
has "$g" "| NHIỆM KỲ 2026 - 2031 |"
has "$g" "tại Phòng họp Hợp tác xã, cơ quan tổ chức, đơn vị Hợp tác xã Nông nghiệp Tân Hòa đã tiến hành họp ban lãnh đạo"
has "$g" "| - Thư ký cuộc họp: Lý Thị Ngân. Chức vụ: Kế toán Hợp tác xã |"
has "$g" "| 1 Lương Văn Tài |"
has "$g" "| 2 Võ Hữu Thái |"
[ -e "$P/02-BCDHDND-MT_qh_hoi-nghi-5.xlsx" ] && t_fail "the council's form for an NA meeting"
t_end

t_case "03/BCĐBQH-MT, 03/BCĐBHĐND-MT: the expanded leadership's outcome: whom the unit nominates"
f=$P/03-BCDBQH-MT_qh_hoi-nghi-$(sql "$PDB" "SELECT id FROM conference WHERE kind = 'expanded_leadership'").xlsx
expect_file "$f"
has "$f" "| Mẫu số 03/BCĐBQH-MT |"
has "$f" "| GIỚI THIỆU NGƯỜI ỨNG CỬ ĐẠI BIỂU QUỐC HỘI KHÓA XVI |"
has "$f" "đã tiến hành hội nghị ban lãnh đạo mở rộng để thảo luận, giới thiệu người ứng cử đại biểu Quốc hội khóa XVI, theo Thông báo số 12/TB-MTTQ"
has "$f" "| - Tổng số người được mời: 45 |"
has "$f" "(kèm theo danh sách trích ngang) (4): |"
has "$f" "| (4) Danh sách trích ngang theo Mẫu số 04/BCĐBQH-MT. |"
id=$(conf expanded_leadership)
g=$X/03-BCDBHDND-MT_hdnd-xa_hoi-nghi-$id.xlsx
expect_file "$g"
has "$g" "| Mẫu số 03/BCĐBHĐND-MT |"
has "$g" "| ĐẠI BIỂU HỘI ĐỒNG NHÂN DÂN XÃ TÂN HÒA LÂM KHÓA II |"
has "$g" "| + Lương Văn Tài: Có kinh nghiệm quản lý;"
has "$g" "| (ghi rõ chức vụ, họ và tên) |"
# section 4: the unit nominated Võ Hữu Thái, not Lương Văn Tài (3 of 9)
dump "$g" | sed -n '/4. Hội nghị nhất trí giới thiệu/,/Hội nghị kết thúc/p' >"$T/sec4"
grep -qF "| 1. Võ Hữu Thái |" "$T/sec4" || t_fail "the nominee not in section 4"
grep -qF "Lương Văn Tài" "$T/sec4" && t_fail "the one not nominated in section 4"
ht export --db "$XDB" 03-bcdbqh-mt --conference "$id" -o "$T/03q.xlsx"
expect_exit 2
expect_no_file "$T/03q.xlsx"
ht export --db "$XDB" 03-bcdbhdnd-mt --conference "$(conf leadership)" -o "$T/03l.xlsx"
expect_exit 3
expect_err "mẫu chỉ dành cho hội nghị ban lãnh đạo mở rộng giới thiệu người ứng cử"
t_end

t_case "05/HNCT: a residence conference held by distributing ballots, never on 02/HNCT"
id=$(conf residence distribution)
[ -n "$id" ] || t_fail "the demo has no conference by distributing ballots"
f=$X/05-HNCT_hdnd-xa_hoi-nghi-$id.xlsx
expect_file "$f"
[ -e "$X/02-HNCT_hdnd-xa_hoi-nghi-$id.xlsx" ] && t_fail "02/HNCT written for it"
has "$f" "| Mẫu số 05/HNCT |"
has "$f" "| XÃ TÂN HÒA LÂM |"
has "$f" "| LẤY Ý KIẾN CỬ TRI NƠI CƯ TRÚ BẰNG HÌNH THỨC TRỰC TUYẾN |"
has "$f" "| HOẶC TỔ CHỨC PHÁT PHIẾU LẤY Ý KIẾN |"
has "$f" "đã tiến hành hội nghị cử tri tổ dân phố Bến Đò bằng hình thức trực tuyến hoặc phát phiếu lấy ý kiến"
has "$f" "| Hình thức: phát phiếu lấy ý kiến. |"
has "$f" "được mời tham dự hội nghị trực tuyến/ phát phiếu lấy ý kiến: 150 |"
has "$f" "| - Tổng số cử tri có mặt tại hội nghị trực tuyến/tổng số phiếu thu về 120 |"
has "$f" "| 3 Cao Bích Yến: tín nhiệm 87/120 (72,50%) |"
has "$f" "| CHỦ TRÌ HỘI NGHỊ (6) |"
has "$f" "| Mai Đức Nam |"
# its count is on 06/BBKP, with the deadline to return the ballots
has "$X/06-BBKP_hdnd-xa_hoi-nghi-$id.xlsx" "- Thời hạn thu phiếu:"
ht export --db "$XDB" 02-hnct --conference "$id" -o "$T/02d.xlsx"
expect_exit 3
expect_err "mẫu chỉ dành cho hội nghị cử tri nơi cư trú, họp trực tiếp; hội nghị số $id là hội nghị cử tri nơi cư trú, phát phiếu lấy ý kiến"
expect_no_file "$T/02d.xlsx"
r=$(sql "$XDB" "SELECT id FROM conference WHERE kind = 'residence' AND mode = 'in_person' LIMIT 1")
ht export --db "$XDB" 05-hnct --conference "$r" -o "$T/05p.xlsx"
expect_exit 3
expect_err "mẫu chỉ dành cho hội nghị cử tri nơi công tác hoặc hội nghị cử tri nơi cư trú, họp trực tuyến hoặc phát phiếu lấy ý kiến"
t_end

t_case "voters import takes the conference's mode; a mode it does not know is refused"
# (the demo's voters.csv records Bến Đò's conference as 'phát phiếu': above)
[ "$(sql "$XDB" "SELECT count(*) FROM conference WHERE mode = 'distribution'")" = 1 ] || t_fail "mode not imported"
cp "$XDB" "$T/m.db"
printf 'kind,body,date,place,voters_at_place,invited,present,method,tellers,candidate,trust,mode\nresidence,hdnd-xa,06/02/2026,Nhà văn hóa thôn Gò Mít,80,80,60,hands,5,Cao Bích Yến,50,qua thư\n' >"$T/m.csv"
ht voters import "$T/m.csv" --db "$T/m.db"
expect_exit 3
expect_err "m.csv:2: lỗi: hình thức 'qua thư' không hợp lệ"
cmp -s "$XDB" "$T/m.db" || t_fail "the book changed"
sed 's/qua thư$/trực tuyến/' "$T/m.csv" >"$T/m2.csv"
ht voters import "$T/m2.csv" --db "$T/m.db"
expect_exit 3
expect_not_err "hình thức"
t_end

t_case "export --list: with a book, the meetings each meeting's form is for"
ht export --list --db "$XDB"
expect_exit 0
t=$(conf thon)
b=$(conf bctmt)
grep -A1 "^04-hnct " "$OUT" | grep -q "hội nghị trong sổ: số $t ngày 10/01/2026, Thôn Ea Tiêu$" || t_fail "04-hnct's meeting"
grep -A1 "^03-hnmt " "$OUT" | grep -q "số $b ngày 06/01/2026, Thôn Ea Tiêu$" || t_fail "03-hnmt's meeting"
grep -A1 "^02-bcdbqh-mt " "$OUT" | grep -q "chưa có hội nghị nào trong sổ" || t_fail "an NA form lists the commune's meetings"
grep -A1 "^06-bbkphn " "$OUT" | grep -q "số $(conf expanded_leadership) ngày 12/01/2026" || t_fail "06-bbkphn's meeting"
grep -A1 "^02-hnct " "$OUT" | grep -q "Bến Đò" && t_fail "02-hnct lists the conference by distributing ballots"
grep -A1 "^05-hnct " "$OUT" | grep -q "Bến Đò" || t_fail "05-hnct's meeting"
grep -A1 "^05-bcdbqh-mt " "$OUT" | grep -q "hội nghị trong sổ" && t_fail "a list form with meetings"
ht export --list --db "$T/none.db"
expect_exit 0
expect_not_out "hội nghị trong sổ"
expect_no_file "$T/none.db"
t_end

t_case "the demo writes all 22 official forms of the three texts"
ls "$P" "$X" | sed -n 's/^\([0-9][0-9]-[A-Z-]*\)_.*/\1/p' | sort -u >"$T/codes"
[ "$(wc -l <"$T/codes")" = 22 ] || t_fail "$(wc -l <"$T/codes") forms: $(tr '\n' ' ' <"$T/codes")"
for c in 02-BCDBQH-MT 02-BCDHDND-MT 03-BCDBQH-MT 03-BCDBHDND-MT 03-HNMT 04-HNCT 05-HNCT 06-BBKPHN 08-PLYK; do
	grep -qx "$c" "$T/codes" || t_fail "no $c"
done
t_end
