#!/bin/sh
# t2008: what a signed minute needs, recorded: the minutes file and the
# options of conference add / voters add / voters import (purpose, chair,
# those present, guests, proceedings, counting team, witnesses, ballots'
# times, opinions), its errors as file:line:column with the book unchanged.
. "$TOP/tests/lib.sh"
export HIEPTHUONG_TODAY=2026-02-25
C="--db $T/x.db"

"$HT" init --config "$S/commune/config.yaml" --db "$T/x.db" >/dev/null 2>&1 || {
	echo "FAIL $SCRIPT:setup: init"; exit 1; }

# same_book: the book is byte for byte what it was at `keep`.
keep() { cp "$T/x.db" "$T/kept.db"; }
same_book() { expect_same "$T/x.db" "$T/kept.db"; }

cat >"$T/ht1.txt" <<'EOF'
# Biên bản hội nghị hiệp thương lần thứ nhất
Mục đích: Thỏa thuận cơ cấu, thành phần, số lượng người
  được giới thiệu ứng cử
Chủ trì: Nguyễn Thị Minh Tâm, Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam xã
thư ký: Lê Văn Sáng
Thành phần:
- Ông Lê Văn Bình, Phó Chủ tịch
+ Bà Trần Thị Hoa, Chủ tịch Hội Liên hiệp Phụ nữ xã

Khách mời:
1. Đại diện Đảng ủy xã
Diễn biến:
1. Báo cáo dự kiến phân bổ.
2. Thảo luận.
Nhất trí: Thông qua bảng phân bổ.
Tổ kiểm phiếu:
- Đỗ Văn Nam, Trưởng thôn Đông Sơn
- Hà Thị Lan
Phát phiếu: 9 giờ 5
Thu phiếu: 9h30
EOF

t_case "conference add --minutes: every field of the file goes into the book"
ht conference add $C --kind ht1 --body hdnd-xa --date 05/12/2025 --invited 30 --present 28 --minutes "$T/ht1.txt"
expect_exit 0
expect_out "đã ghi Hội nghị hiệp thương lần thứ nhất, số 1"
[ "$(sql "$T/x.db" "SELECT purpose FROM conference WHERE id = 1")" = "$(printf 'Thỏa thuận cơ cấu, thành phần, số lượng người\nđược giới thiệu ứng cử')" ] ||
	t_fail "purpose: $(sql "$T/x.db" "SELECT purpose FROM conference WHERE id = 1")"
[ "$(sql "$T/x.db" "SELECT chair_name || '|' || chair_position || '|' || secretary_name || '|' || coalesce(secretary_position, 'NULL') FROM conference")" = \
	"Nguyễn Thị Minh Tâm|Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam xã|Lê Văn Sáng|NULL" ] || t_fail "chair and secretary"
[ "$(sql "$T/x.db" "SELECT attendees FROM conference")" = "$(printf 'Ông Lê Văn Bình, Phó Chủ tịch\nBà Trần Thị Hoa, Chủ tịch Hội Liên hiệp Phụ nữ xã')" ] ||
	t_fail "attendees, bullets dropped: $(sql "$T/x.db" "SELECT attendees FROM conference")"
[ "$(sql "$T/x.db" "SELECT guests || '|' || agreed FROM conference")" = "Đại diện Đảng ủy xã|Thông qua bảng phân bổ." ] || t_fail "guests, agreed"
[ "$(sql "$T/x.db" "SELECT agenda FROM conference")" = "$(printf '1. Báo cáo dự kiến phân bổ.\n2. Thảo luận.')" ] || t_fail "proceedings keep their numbers"
[ "$(sql "$T/x.db" "SELECT issue_time || ' ' || collect_time || ' ' || tellers FROM conference")" = "09:05 09:30 2" ] ||
	t_fail "times and the team's size: $(sql "$T/x.db" "SELECT issue_time || ' ' || collect_time || ' ' || tellers FROM conference")"
[ "$(sql "$T/x.db" "SELECT group_concat(seq || ':' || name || ':' || coalesce(position, '-'), ';') FROM conference_member WHERE role = 'teller'")" = \
	"1:Đỗ Văn Nam:Trưởng thôn Đông Sơn;2:Hà Thị Lan:-" ] || t_fail "counting team"
ht conference show $C 1
expect_out "Mục đích:                    Thỏa thuận cơ cấu, thành phần, số lượng người"
expect_out "                               được giới thiệu ứng cử"
expect_out "1. Đỗ Văn Nam, Trưởng thôn Đông Sơn (tổ trưởng)"
expect_out "Thời gian phát phiếu:        09:05"
t_end

t_case "a minutes file's errors name file:line:column, and the book is unchanged"
keep
printf 'Mục đích: một\nDòng lạ không thuộc mục nào\n' >"$T/a.txt"
printf 'Ghi chép đầu tiên\nMục đích: một\n' >"$T/b.txt"
printf 'Mục đích: một\nMục đích: hai\n' >"$T/c.txt"
printf 'Phát phiếu: chín giờ\nChủ trì:\n' >"$T/d.txt"
printf 'Chủ trì: Ông A\nvà ông B, Chủ tịch\n' >"$T/e.txt"
printf 'Mục đích: m\341\273\n' >"$T/f.txt"
printf '\377\376M\000' >"$T/g.txt"
ht conference add $C --kind ht2 --body hdnd-xa --date 02/02/2026 --minutes "$T/b.txt"
expect_exit 3
expect_err "b.txt:1:1: lỗi: dòng này không thuộc mục nào"
ht conference add $C --kind ht2 --body hdnd-xa --date 02/02/2026 --minutes "$T/c.txt"
expect_exit 3
expect_err "c.txt:2:1: lỗi: mục 'Mục đích' đã có ở dòng 1"
ht conference add $C --kind ht2 --body hdnd-xa --date 02/02/2026 --minutes "$T/d.txt"
expect_exit 3
expect_err "d.txt:1:1: lỗi: mục 'Phát phiếu': 'chín giờ' không phải giờ"
expect_err "d.txt:2:1: lỗi: mục 'Chủ trì' để trống"
ht conference add $C --kind ht2 --body hdnd-xa --date 02/02/2026 --minutes "$T/e.txt"
expect_exit 3
expect_err "e.txt:1:1: lỗi: mục 'Chủ trì' là một người"
ht conference add $C --kind ht2 --body hdnd-xa --date 02/02/2026 --minutes "$T/f.txt"
expect_exit 3
expect_err "f.txt:1: lỗi: không phải văn bản UTF-8"
ht conference add $C --kind ht2 --body hdnd-xa --date 02/02/2026 --minutes "$T/g.txt"
expect_exit 3
expect_err "tệp là UTF-16"
ht conference add $C --kind ht2 --body hdnd-xa --date 02/02/2026 --minutes "$T/nothing.txt"
expect_exit 3
expect_err "không mở được tệp biên bản"
same_book
t_end

t_case "a field given by the file and by an option is refused"
keep
printf 'Chủ trì: Nguyễn Thị Minh Tâm, Chủ tịch\nTổ kiểm phiếu:\n- Lê Văn A\n' >"$T/h.txt"
ht conference add $C --kind ht2 --body hdnd-xa --date 02/02/2026 --chair "Lê Văn B" --minutes "$T/h.txt"
expect_exit 3
expect_err "mục 'Chủ trì' có cả trong tệp biên bản '$T/h.txt' (dòng 1) và trong --chair; chỉ ghi ở một nơi"
ht conference add $C --kind ht2 --body hdnd-xa --date 02/02/2026 --teller "Hà Văn C" --minutes "$T/h.txt"
expect_exit 3
expect_err "mục 'Tổ kiểm phiếu' có cả trong tệp biên bản"
same_book
t_end

t_case "options: the counting team's names and its size agree; times HH:MM, collected after issued"
keep
ht conference add $C --kind ht2 --body hdnd-xa --date 02/02/2026 --method ballot --tellers 5 --teller "A Văn B" --teller "C Thị D"
expect_exit 3
expect_err "tổ kiểm phiếu có 5 người (--tellers) nhưng ghi tên 2 người"
ht conference add $C --kind ht2 --body hdnd-xa --date 02/02/2026 --issue-time 9:5
expect_exit 3
expect_err "thời gian phát phiếu phải có dạng HH:MM, không phải '9:5'"
ht conference add $C --kind ht2 --body hdnd-xa --date 02/02/2026 --issue-time 10:00 --collect-time 09:30
expect_exit 3
expect_err "thời hạn thu phiếu (09:30) trước thời gian phát phiếu (10:00)"
ht conference add $C --kind ht2 --body hdnd-xa --date 02/02/2026 --witness ", Chủ tịch"
expect_exit 3
expect_err "người chứng kiến ', Chủ tịch': thiếu họ và tên"
same_book
t_end

# A book at the residence conferences: the commune sample to round 2.
"$HT" unit import "$S/commune/units.csv" $C >/dev/null 2>&1 &&
	"$HT" alloc import "$S/commune/allocations.csv" $C >/dev/null 2>&1 &&
	"$HT" candidate import "$S/commune/candidates.csv" $C >/dev/null 2>&1 &&
	"$HT" voters import "$S/commune/stages/nomination.csv" $C >/dev/null 2>&1 &&
	"$HT" conference add $C --kind ht2 --body hdnd-xa --date 02/02/2026 >/dev/null 2>&1 &&
	"$HT" decide import "$S/commune/stages/round2.csv" $C >/dev/null 2>&1 || {
	echo "FAIL $SCRIPT:setup: the commune to round 2"; exit 1; }

t_case "voters add: opinions, counting team, witnesses, times, the thôn and commune"
ht voters add $C --kind residence --body hdnd-xa --unit T-DONGSON --locality "thôn Đông Sơn" --date 04/02/2026 \
	--voters-at-place 180 --invited 150 --present 120 --method ballot --tellers 5 \
	--teller "Hồ Quang Thắng, Trưởng thôn" --teller "Lý Xuân Lộc" --teller "Bùi Thị Liên" --teller "Dương Xuân Thắng" \
	--teller "Hoàng Đức Quân" --witness "Đỗ Đức Bình, cử tri" --witness "Phạm Minh Long" --issue-time 09:10 --collect-time 09:40 \
	--result "Đặng Thị Minh Anh:94:24:2" --result "Đỗ Thị Anh:80:38:2" \
	--opinion "Đặng Thị Minh Anh: Cử tri nhận xét gương mẫu."
expect_exit 0
id=$(sql "$T/x.db" "SELECT max(id) FROM conference")
[ "$(sql "$T/x.db" "SELECT v.opinion FROM vote v JOIN candidacy k ON k.id = v.candidacy_id JOIN person p ON p.id = k.person_id WHERE v.conference_id = $id AND p.ten = 'Anh' AND p.ten_dem = 'Thị Minh'")" = "Cử tri nhận xét gương mẫu." ] ||
	t_fail "opinion not on the vote"
[ "$(sql "$T/x.db" "SELECT count(*) FROM conference_member WHERE conference_id = $id AND role = 'witness'")" = 2 ] || t_fail "witnesses"
[ "$(sql "$T/x.db" "SELECT locality || '|' || coalesce(commune, 'NULL') FROM conference WHERE id = $id")" = "thôn Đông Sơn|NULL" ] || t_fail "locality"
ht conference show $C "$id"
expect_out "ý kiến: Cử tri nhận xét gương mẫu."
expect_out "Người chứng kiến việc kiểm phiếu:"
t_end

t_case "an opinion on someone without a result there is refused"
keep
ht voters add $C --kind residence --body hdnd-xa --date 05/02/2026 --voters-at-place 180 --invited 150 --present 120 \
	--result "Tạ Thị Diệp:87:31:2" --opinion "Tô Thu Diệp: tốt"
expect_exit 3
expect_err "ý kiến về 'Tô Thu Diệp': người này không có kết quả ở hội nghị"
same_book
t_end

t_case "voters import: a minutes file per conference and an opinion per row"
mkdir -p "$T/imp/bb"
cat >"$T/imp/bb/hn.txt" <<'EOF'
Thành phần:
- Cử tri thôn Đoài Sơn
Tổ kiểm phiếu:
- Nguyễn Văn An, Trưởng thôn Đoài Sơn
- Trần Thị Bé
- Lê Văn Cường
- Phạm Thị Dung
- Hoàng Văn Em
Chứng kiến:
- Đỗ Văn Giang
Phát phiếu: 09:00
EOF
cat >"$T/imp/v.csv" <<'EOF'
kind,body,unit,date,place,voters_at_place,invited,present,method,tellers,candidate,dob,trust,distrust,invalid,chair,chair_position,commune,locality,minutes,opinion
residence,hdnd-xa,,06/02/2026,Nhà văn hóa thôn Đoài Sơn,180,150,120,ballot,,Tạ Thị Diệp,01/10/1998,87,31,2,Mai Văn Hùng,Trưởng Ban công tác Mặt trận,xã Tân Hòa Lâm,thôn Đoài Sơn,bb/hn.txt,Cử tri tín nhiệm.
,,,06/02/2026,Nhà văn hóa thôn Đoài Sơn,,,,,,Tô Thu Diệp,10/07/1985,87,31,2,,,,,,
EOF
ht voters import "$T/imp/v.csv" $C
expect_exit 0
expect_out "ghi 1 hội nghị cử tri, 2 kết quả tín nhiệm"
id=$(sql "$T/x.db" "SELECT max(id) FROM conference")
[ "$(sql "$T/x.db" "SELECT chair_name || '|' || chair_position || '|' || commune || '|' || locality || '|' || attendees || '|' || issue_time || '|' || tellers FROM conference WHERE id = $id")" = \
	"Mai Văn Hùng|Trưởng Ban công tác Mặt trận|xã Tân Hòa Lâm|thôn Đoài Sơn|Cử tri thôn Đoài Sơn|09:00|5" ] ||
	t_fail "conference: $(sql "$T/x.db" "SELECT chair_name || '|' || chair_position || '|' || commune || '|' || locality || '|' || attendees || '|' || issue_time || '|' || tellers FROM conference WHERE id = $id")"
[ "$(sql "$T/x.db" "SELECT count(*) FROM vote WHERE conference_id = $id AND opinion = 'Cử tri tín nhiệm.'")" = 1 ] || t_fail "the row's opinion"
t_end

t_case "voters import: a bad minutes file is reported at its line, and at the CSV's cell naming it"
keep
printf 'Phát phiếu: 25:00\n' >"$T/imp/bb/bad.txt"
sed 's|bb/hn.txt|bb/bad.txt|; s|06/02/2026|07/02/2026|g' "$T/imp/v.csv" >"$T/imp/w.csv"
ht voters import "$T/imp/w.csv" $C
expect_exit 3
expect_err "bad.txt:1:1: lỗi: mục 'Phát phiếu': '25:00' không phải giờ"
expect_err "w.csv:2:20: lỗi: cột 'minutes': tệp biên bản 'bb/bad.txt' có lỗi (xem ở trên)"
expect_err "không nhập gì, sổ không thay đổi"
same_book
t_end
