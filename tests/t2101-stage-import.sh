#!/bin/sh
# t2101: voters import and decide import: the same checks as the commands,
# all or nothing, errors at file:row.
. "$TOP/tests/lib.sh"

"$HT" init --config "$S/commune/config.yaml" --db "$T/x.db" >/dev/null 2>&1 || { echo "FAIL $SCRIPT:setup"; exit 1; }
sql_write "$T/x.db" "$(cat "$TOP/tests/data/stages-commune.sql")" || { echo "FAIL $SCRIPT:fixture"; exit 1; }
D="--db $T/x.db"
"$HT" conference add $D --body hdnd-xa --kind ht1 --date 05/12/2025 >/dev/null 2>&1

unchanged() {
	sqlite3 "$T/x.db" .dump >"$T/before.sql"
	"$@"
	sqlite3 "$T/x.db" .dump >"$T/after.sql"
	cmp -s "$T/before.sql" "$T/after.sql" || t_fail "the book changed"
}

# Vietnamese headers, ';' as Vietnamese Excel writes, a BOM.
printf '\357\273\277' >"$T/thon.csv"
cat >>"$T/thon.csv" <<'CSV'
Loại hội nghị;Đơn vị;Ngày họp;Địa điểm;Tổng số cử tri;Số cử tri được mời;Số cử tri có mặt;Hình thức biểu quyết;Tổ kiểm phiếu;Người ứng cử;Tín nhiệm;Biểu quyết lại
thôn, tổ dân phố;THON-DS;12/01/2026;Nhà văn hóa thôn;80;80;45;giơ tay;5;Nguyễn Văn An;30;
;;12/01/2026;Nhà văn hóa thôn;;;;;;Trần Thị Bình;25;20
thôn, tổ dân phố;THON-DS;12/01/2026;Nhà văn hóa thôn;;;;;;Lê Văn Cường;25;18
CSV

t_case "a thôn conference from a spreadsheet, rows grouped, re-vote decides the tie"
ht voters import "$T/thon.csv" $D
expect_exit 0
expect_out "ghi 1 hội nghị cử tri, 3 kết quả tín nhiệm"
[ "$(sql "$T/x.db" "SELECT group_concat(stage || ':' || status, ' ') FROM candidacy WHERE id <= 3")" = \
  "nominated:active nominated:active proposed:dropped" ] || t_fail "selection"
t_end

t_case "the voters import's audit entry names the conference and the candidacies it voted on"
ht audit log --format json $D
"$PYTHON" - "$OUT" "$(sql "$T/x.db" "SELECT id FROM conference ORDER BY id DESC LIMIT 1")" <<'PY' || t_fail "subjects"
import json, sys
e = [x for x in json.load(open(sys.argv[1])) if "voters import" in x["command"]][-1]
assert e["subjects"] == ["candidacy:1", "candidacy:2", "candidacy:3", "conference:%s" % sys.argv[2]], e["subjects"]
PY
ht audit log --candidate 3 $D
expect_out "voters import"
t_end

cat >"$T/bad.csv" <<'CSV'
kind,date,voters_at_place,invited,present,method,tellers,candidate,trust,distrust
workplace,10/01/2026,40,40,30,ballot,5,Phạm Thị Dung,20,8
workplace,10/01/2026,40,40,31,,,Phạm Thị Dung,abc,
residence,01/02/2026,80,80,60,hands,5,Nobody Here,50,
CSV

t_case "every bad row is reported and nothing is written"
unchanged ht voters import "$T/bad.csv" $D
expect_exit 3
expect_err "bad.csv:3:5: lỗi: cột 'present': khác dòng 2 của cùng hội nghị"
expect_err "bad.csv:3:9: lỗi: cột 'trust': cần một số nguyên không âm viết bằng chữ số (không dấu chấm, dấu phẩy hay số mũ), không phải 'abc'"
expect_err "bad.csv:4: lỗi: không có người ứng cử 'Nobody Here' ở cơ quan này"
expect_err "không nhập gì, sổ không thay đổi"
t_end

t_case "a voter file with an unknown column is refused"
printf 'kind,date,candidate,trust,colour\nworkplace,10/01/2026,1,20,red\n' >"$T/col.csv"
unchanged ht voters import "$T/col.csv" $D
expect_exit 3
expect_err "col.csv:1:5"
t_end

"$HT" conference add $D --body hdnd-xa --kind ht2 --date 02/02/2026 >/dev/null 2>&1

cat >"$T/round2.csv" <<'CSV'
Người ứng cử,Ngày sinh,Bước,Quyết định,Lý do,Ghi chú
Nguyễn Văn An,,2,đưa vào,,
Trần Thị Bình,,danh sách sơ bộ,đưa vào,,
Hoàng Văn Em,,2,include,,
Vũ Thị Giang,,2,đưa vào,,
Bùi Thị Hoa,,2,không đưa vào,không đủ tiêu chuẩn,Không cư trú trên địa bàn
Ngô Văn Hoa,09/09/1983,2,đưa vào,,
Ngô Văn Hoa,10/10/1991,2,xin rút,,Đơn ngày 02/02/2026
CSV

t_case "round 2 decisions from a spreadsheet, with Vietnamese words"
ht decide import "$T/round2.csv" $D
expect_exit 0
expect_out "ghi 7 quyết định"
[ "$(sql "$T/x.db" "SELECT count(*) FROM candidacy WHERE stage = 'preliminary' AND status = 'active'")" = 5 ] || t_fail "preliminary count"
[ "$(sql "$T/x.db" "SELECT drop_reason FROM candidacy WHERE id = 8")" = not_qualified ] || t_fail "reason"
[ "$(sql "$T/x.db" "SELECT drop_reason FROM candidacy WHERE id = 10")" = withdrew ] || t_fail "withdrew"
t_end

t_case "the decide import's audit entry names each candidacy it decided, once, so audit log --candidate finds it"
ht audit log --candidate 8 $D
expect_exit 0
expect_out "decide import"
ht audit log --format json $D
"$PYTHON" - "$OUT" "$(sql "$T/x.db" "SELECT group_concat(id) FROM candidacy WHERE stage = 'preliminary' OR drop_reason IN ('not_qualified', 'withdrew')")" <<'PY' || t_fail "subjects"
import json, sys
e = [x for x in json.load(open(sys.argv[1])) if "decide import" in x["command"]][-1]
want = ["candidacy:%d" % i for i in sorted(int(i) for i in sys.argv[2].split(","))]
assert e["subjects"] == want, (e["subjects"], want)
PY
t_end

cat >"$T/bad2.csv" <<'CSV'
candidate,stage,decision,reason
Lý Thị Kim,3,include,
Lý Thị Kim,4,include,
Đặng Văn Hải,2,drop,
Đặng Văn Hải,2,perhaps,
Ngô Văn Hoa,2,include,
CSV

t_case "bad decisions are all reported and nothing is written"
unchanged ht decide import "$T/bad2.csv" $D
expect_exit 3
expect_err "bad2.csv:2: lỗi: 'Lý Thị Kim' đang ở bước 'được giới thiệu', chưa đến bước"
expect_err "bad2.csv:3:2: lỗi: cột 'stage': bước '4' không hợp lệ"
expect_err "bad2.csv:4:4: lỗi: cột 'reason': không đưa vào thì phải có lý do"
expect_err "bad2.csv:5:3: lỗi: cột 'decision': quyết định 'perhaps' không hợp lệ"
expect_err "bad2.csv:6: lỗi: có 2 người ứng cử tên 'Ngô Văn Hoa'"
expect_err "bad2.csv: 5 lỗi; không nhập gì"
t_end

t_case "the import commands have --help"
for c in "voters import" "decide import"; do
	"$HT" $c --help >"$OUT" 2>"$ERR" || t_fail "$c --help"
	grep -q "cách dùng" "$OUT" || t_fail "$c usage"
done
t_end

t_case "milestone set records the round-3 dispatch, replaces it when set again, and list shows it"
ht milestone set $D --body hdnd-xa --event round3_sent --date 14/02/2026 --note "Gửi UBBC xã"
expect_exit 0
ht milestone set $D --body hdnd-xa --event round3_sent --date 15/02/2026
expect_exit 0
[ "$(sql "$T/x.db" "SELECT on_date FROM body_event WHERE event = 'round3_sent'")" = 2026-02-15 ] || t_fail "not replaced"
ht milestone list $D
expect_out "15/02/2026  gửi biên bản hội nghị hiệp thương lần thứ ba"
unchanged ht milestone set $D --body hdnd-xa --event lunch --date 15/02/2026
expect_exit 2
expect_err "--event 'lunch' không hợp lệ"
unchanged ht milestone set $D --body hdnd-xa --event official_list --date 30/02/2026
expect_exit 3
expect_err "ngày không tồn tại"
t_end

t_case "status skips a deadline the book already meets (round 1 recorded)"
ht status $D --today 01/12/2025
expect_exit 0
expect_not_out "Thời hạn tới: Hội nghị hiệp thương lần thứ nhất"
expect_out "Thời hạn tới: Điều chỉnh lần thứ nhất cơ cấu, thành phần, số lượng (Thường trực HĐND) — chậm nhất 15/12/2025"
t_end
