#!/bin/sh
# demo.sh HIEPTHUONG - the main job on the bundled samples: the province's
# and the two communes' books walked through every stage of the
# consultation with the commands a Front office would use, checked against
# the law, every official form written, and the province's roll-up of the
# books its communes send up, with the statistics workbook.  Everything
# goes to out/ (recreated on every run).  The people are invented; the
# stage spreadsheets under samples/*/stages/ are written by
# tools/sample-walk.py.
set -e
ht=${1:-./hiepthuong}
top=$(cd "$(dirname "$0")/.." && pwd)
out=$top/out
rm -rf "$out"
mkdir -p "$out"
# The demo is pinned to a day after the official lists, before election day.
export HIEPTHUONG_TODAY=${HIEPTHUONG_TODAY:-2026-02-25}

# walk DB SAMPLE BODY...: the stages of one book.
walk() {
	db=$1 s=$top/samples/$2
	shift 2
	echo "== Hiệp thương lần thứ nhất; đơn vị, phân bổ, người được giới thiệu và tự ứng cử"
	# What the minutes record besides the counts (purpose, chair, those
	# present, guests, proceedings, what was agreed) is typed by the clerk
	# in a minutes file (docs/stages.md, "Tệp biên bản").
	for b in "$@"; do
		"$ht" conference add --db "$db" --kind ht1 --body "$b" --date 05/12/2025 --start 08:00 --end 11:30 \
			--place "Hội trường Ủy ban Mặt trận Tổ quốc Việt Nam" --invited 35 --present 33 \
			--minutes "$s/minutes/ht1.txt"
	done
	# Each step is entered on the day it happens, so histories read in order.
	HIEPTHUONG_TODAY=2025-12-10 "$ht" unit import "$s/units.csv" --db "$db"
	HIEPTHUONG_TODAY=2025-12-10 "$ht" alloc import "$s/allocations.csv" --db "$db"
	HIEPTHUONG_TODAY=2026-01-05 "$ht" candidate import "$s/candidates.csv" --db "$db"
	if [ -f "$s/stages/nomination.csv" ]; then
		m=$s/stages/minutes
		# Every kind of meeting once, each with its form (docs/stages.md):
		# the cooperative's leadership (Mẫu 02/BCĐHĐND-MT), the thôn's Ban công
		# tác Mặt trận (03/HNMT), the thôn conference by secret ballot (04/HNCT,
		# 06/BBKP, 08/PLYK), the workplace conference (01/HNCT), the expanded
		# leadership (03/BCĐBHĐND-MT, 06/BBKPHN); and among the residence
		# conferences (stages/voters.csv) one held by distributing ballots
		# (tổ dân phố Bến Đò: 05/HNCT instead of 02/HNCT).
		echo "== Họp ban lãnh đạo dự kiến giới thiệu người ứng cử; Ban công tác Mặt trận thôn"
		HIEPTHUONG_TODAY=2026-01-05 "$ht" conference add --db "$db" --kind leadership --unit HTX --body hdnd-xa \
			--date 03/01/2026 --start 08:00 --end 09:30 --place "Phòng họp Hợp tác xã" --chair "Phan Văn Khải" \
			--chair-position "Giám đốc Hợp tác xã" --invited 5 --present 5 \
			--notice "số 05/TB-MTTQ ngày 15/12/2025" --minutes "$m/hop-lanh-dao-htx.txt"
		HIEPTHUONG_TODAY=2026-01-06 "$ht" conference add --db "$db" --kind bctmt --unit T-EATIEU --body hdnd-xa \
			--date 06/01/2026 --start 19:00 --end 20:30 --place "Nhà văn hóa thôn Ea Tiêu" --invited 9 --present 8 \
			--minutes "$m/bctmt-ea-tieu.txt" \
			--result "H'Nguyệt Mlô:8" --result "Y Bhim Mlô:8" --result "Y Bhin Niê:6:2"
		echo "== Hội nghị cử tri giới thiệu người ứng cử (thôn, nơi công tác)"
		HIEPTHUONG_TODAY=2026-01-10 "$ht" voters import "$s/stages/nomination.csv" --db "$db"
		echo "== Hội nghị ban lãnh đạo mở rộng giới thiệu người ứng cử (bỏ phiếu kín; Mẫu 06/BBKPHN, không phải 06/BBKP)"
		HIEPTHUONG_TODAY=2026-01-12 "$ht" conference add --db "$db" --kind expanded_leadership --unit HTX --body hdnd-xa \
			--date 12/01/2026 --start 14:00 --end 16:00 --place "Hội trường Hợp tác xã" --chair "Phan Văn Khải" \
			--chair-position "Giám đốc Hợp tác xã" --secretary "Lý Thị Ngân" --secretary-position "Kế toán Hợp tác xã" \
			--invited 9 --present 9 --notice "số 05/TB-MTTQ ngày 15/12/2025" \
			--method ballot --teller "Đỗ Văn Phú, Kế toán" --teller "Mai Thị Hồng" --teller "Tô Văn Lực" \
			--ballots-issued 9 --ballots-returned 9 --ballots-valid 9 --ballots-invalid 0 \
			--minutes "$m/mo-rong-htx.txt" --result "Lương Văn Tài:3:6"
		# not nominated by his unit (the other, Võ Hữu Thái, was)
		HIEPTHUONG_TODAY=2026-01-12 "$ht" decide --db "$db" --body hdnd-xa --candidate "Lương Văn Tài" \
			--stage nominated --drop not_nominated --note "Hội nghị ban lãnh đạo mở rộng không tán thành (3/9)"
	fi
	echo "== Hiệp thương lần thứ hai: danh sách sơ bộ"
	for b in "$@"; do
		"$ht" conference add --db "$db" --kind ht2 --body "$b" --date 02/02/2026 --start 08:00 --end 11:00 \
			--place "Hội trường Ủy ban Mặt trận Tổ quốc Việt Nam" --invited 35 --present 34 \
			--minutes "$s/minutes/ht2.txt"
	done
	HIEPTHUONG_TODAY=2026-02-02 "$ht" decide import "$s/stages/round2.csv" --db "$db"
}

finish() {
	db=$1 s=$top/samples/$2
	shift 2
	echo "== Hiệp thương lần thứ ba: danh sách những người đủ tiêu chuẩn"
	for b in "$@"; do
		"$ht" conference add --db "$db" --kind ht3 --body "$b" --date 12/02/2026 --start 08:00 --end 11:30 \
			--place "Hội trường Ủy ban Mặt trận Tổ quốc Việt Nam" --invited 35 --present 35 \
			--minutes "$s/minutes/ht3.txt"
	done
	HIEPTHUONG_TODAY=2026-02-12 "$ht" decide import "$s/stages/round3.csv" --db "$db"
	for b in "$@"; do
		"$ht" milestone set --db "$db" --body "$b" --event round3_sent --date 14/02/2026 \
			--note "Gửi Hội đồng bầu cử quốc gia, Ủy ban bầu cử"
	done
	echo "== Danh sách chính thức theo đơn vị bầu cử"
	HIEPTHUONG_TODAY=2026-02-24 "$ht" decide import "$s/stages/official.csv" --db "$db"
	for b in "$@"; do
		case $b in
		qh)	# the election committee's report (Mẫu 16), then the HĐBCQG's resolution
			"$ht" milestone set --db "$db" --body "$b" --event distribution --date 15/02/2026
			"$ht" milestone set --db "$db" --body "$b" --event official_list --date 24/02/2026 --ref "151/NQ-HĐBCQG" ;;
		*)	"$ht" milestone set --db "$db" --body "$b" --event official_list --date 24/02/2026 ;;
		esac
	done
	echo
	"$ht" status --db "$db"
	echo
	"$ht" stages --db "$db"
	echo
	echo "== Kiểm tra theo bộ quy tắc"
	"$ht" validate --db "$db" || [ $? -eq 1 ]	# 1 = findings, not a failure of the demo
}

echo "==== Tỉnh Hòa Lâm (mẫu)"
"$ht" init --config "$top/samples/province/config.yaml" --db "$out/tinh.db"
walk "$out/tinh.db" province qh hdnd-tinh
echo "== Trường Đại học Hòa Lâm: họp ban lãnh đạo, hội nghị ban lãnh đạo mở rộng (Mẫu 02, 03/BCĐBQH-MT)"
# The units' own minutes, which the Front checks before round 2: one unit's
# two meetings for the National Assembly, voting by show of hands.
HIEPTHUONG_TODAY=2026-01-05 "$ht" conference add --db "$out/tinh.db" --kind leadership --unit DHHL --body qh \
	--date 22/12/2025 --start 14:00 --end 15:30 --place "Phòng họp Ban Giám hiệu" --invited 11 --present 11 \
	--notice "số 12/TB-MTTQ ngày 12/12/2025" --minutes "$top/samples/province/stages/minutes/lanh-dao-dhhl.txt"
HIEPTHUONG_TODAY=2026-01-05 "$ht" conference add --db "$out/tinh.db" --kind expanded_leadership --unit DHHL --body qh \
	--date 05/01/2026 --start 08:00 --end 10:00 --place "Hội trường A, Trường Đại học Hòa Lâm" --invited 45 --present 43 \
	--notice "số 12/TB-MTTQ ngày 12/12/2025" --method hands --votes-cast 43 \
	--minutes "$top/samples/province/stages/minutes/mo-rong-dhhl.txt"
echo "== Hội nghị cử tri nơi cư trú"
HIEPTHUONG_TODAY=2026-02-07 "$ht" voters import "$top/samples/province/stages/voters.csv" --db "$out/tinh.db"
HIEPTHUONG_TODAY=2026-02-06 "$ht" withdraw --db "$out/tinh.db" --body qh --candidate "Phạm Quốc Thái 13/03/1975" --note "Đơn xin rút ngày 06/02/2026"
HIEPTHUONG_TODAY=2026-02-05 "$ht" issue add --db "$out/tinh.db" --body qh --candidate "Y Khuê Niê 24/06/1981" \
	--text "Cử tri phản ánh việc kê khai tài sản chưa đầy đủ" --responsible "Cơ quan nơi người ứng cử công tác"
"$ht" issue answer --db "$out/tinh.db" 1 --ref "Văn bản số 15/BC-UBKT" --date 07/02/2026 \
	--conclusion "Phản ánh đúng một phần; đề nghị không đưa vào danh sách"
finish "$out/tinh.db" province qh hdnd-tinh
echo
echo "== Người ứng cử đại biểu Quốc hội, theo vần chữ cái A, B, C"
"$ht" candidate list --db "$out/tinh.db" --body qh
echo

echo "==== Xã Tân Hòa Lâm (mẫu)"
"$ht" init --config "$top/samples/commune/config.yaml" --db "$out/xa.db"
walk "$out/xa.db" commune hdnd-xa
echo "== Hội nghị cử tri nơi cư trú"
HIEPTHUONG_TODAY=2026-02-07 "$ht" voters import "$top/samples/commune/stages/voters.csv" --db "$out/xa.db"
finish "$out/xa.db" commune hdnd-xa
echo

echo "==== Biểu mẫu: mọi biểu mẫu hai sổ điền được, vào out/bieu-mau/"
mkdir -p "$out/bieu-mau"
"$ht" export all --db "$out/tinh.db" -o "$out/bieu-mau/tinh"
"$ht" export all --db "$out/xa.db" -o "$out/bieu-mau/xa"

echo
echo "==== Xã An Phú (mẫu)"
"$ht" init --config "$top/samples/commune-an-phu/config.yaml" --db "$out/xa-an-phu.db"
walk "$out/xa-an-phu.db" commune-an-phu hdnd-xa
echo "== Hội nghị cử tri nơi cư trú"
"$ht" voters import "$top/samples/commune-an-phu/stages/voters.csv" --db "$out/xa-an-phu.db"
finish "$out/xa-an-phu.db" commune-an-phu hdnd-xa

echo
echo "==== Tổng hợp: Ủy ban Mặt trận Tổ quốc tỉnh đọc sổ các xã gửi lên (bản sao lưu)"
mkdir -p "$out/gui-len"
"$ht" backup "$out/gui-len/xa-tan-hoa-lam.db" --db "$out/xa.db"
"$ht" backup "$out/gui-len/xa-an-phu.db" --db "$out/xa-an-phu.db"
"$ht" rollup read "$out/gui-len" --db "$out/tinh.db"
echo
"$ht" rollup sources --db "$out/tinh.db"
echo
"$ht" rollup report --db "$out/tinh.db"
echo
echo "== Kiểm tra qua các sổ (một người ứng cử đại biểu Quốc hội và hai cấp Hội đồng nhân dân)"
"$ht" validate --db "$out/tinh.db" || [ $? -eq 1 ]	# ELIG-LEVELS across the books: expected
mkdir -p "$out/bieu-mau/tong-hop"
"$ht" rollup export -o "$out/bieu-mau/tong-hop/thong-ke-tong-hop_tinh.xlsx" --db "$out/tinh.db"
