#!/bin/sh
# t0001: init and status on the samples.
. "$TOP/tests/lib.sh"

t_case "init creates the province book"
ht init --config "$S/province/config.yaml" --db "$T/p.db"
expect_exit 0
expect_out "đã tạo sổ"
expect_out "2 cơ quan, 15 đơn vị bầu cử, 58 ghế"
expect_file "$T/p.db"
t_end

t_case "the book is readable by its owner only"
expect_owner_only "$T/p.db"
t_end

t_case "no temporary file is left beside the book"
ls "$T" | grep -q 'tmp-' && t_fail "temporary file left: $(ls "$T")"
t_end

t_case "the book holds the bodies, constituencies and deadlines"
[ "$(sql "$T/p.db" 'SELECT count(*) FROM body')" = 2 ] || t_fail "bodies"
[ "$(sql "$T/p.db" 'SELECT sum(seats) FROM constituency')" = 58 ] || t_fail "seats"
[ "$(sql "$T/p.db" "SELECT days FROM deadline WHERE key='ht3'")" = 23 ] || t_fail "ht3 days"
[ "$(sql "$T/p.db" "SELECT name FROM constituency_area WHERE seq=1 AND constituency_id=1")" = "xã An Phú" ] || t_fail "area"
[ "$(sql "$T/p.db" "SELECT election_day FROM election")" = 2026-03-15 ] || t_fail "election day"
t_end

t_case "the book keeps its config and rule pack"
sql "$T/p.db" "SELECT rules_text FROM book" | grep -q "ELIG-AGE" || t_fail "no rules text"
sql "$T/p.db" "SELECT config_text FROM book" | grep -q "Hòa Lâm" || t_fail "no config text"
t_end

t_case "init is audited"
[ "$(sql "$T/p.db" "SELECT count(*) FROM audit WHERE command LIKE '%init --config%'")" = 1 ] || t_fail "no audit row"
t_end

t_case "init refuses to overwrite a book"
cp "$T/p.db" "$T/copy.db"
ht init --config "$S/commune/config.yaml" --db "$T/p.db"
expect_exit 3
expect_err "đã có"
expect_same "$T/p.db" "$T/copy.db"
t_end

t_case "init without --config is a usage error"
ht init --db "$T/x.db"
expect_exit 2
expect_err "cần --config"
expect_no_file "$T/x.db"
t_end

t_case "status shows each body with seats, candidates and the next deadline"
ht status --db "$T/p.db" --today 01/12/2025
expect_exit 0
expect_out "Quốc hội khóa XVI [qh]"
expect_out "Hội đồng nhân dân tỉnh Hòa Lâm [hdnd-tinh]"
expect_out "8 ghế; 3 đơn vị bầu cử (tổng 8 ghế)"
expect_out "50 ghế; 12 đơn vị bầu cử (tổng 50 ghế)"
expect_out "Thời hạn tới: Hội nghị hiệp thương lần thứ nhất — chậm nhất 10/12/2025 (còn 9 ngày"
expect_out "Kiểm tra quy tắc: 0 lỗi"
t_end

t_case "the next deadline is per body kind (NA second adjustment)"
ht status --db "$T/p.db" --today 2026-02-04 --body qh
expect_exit 0
expect_out "Điều chỉnh lần thứ hai"
expect_out "chậm nhất 05/02/2026 (còn 1 ngày"
expect_not_out "Hội đồng nhân dân tỉnh"
t_end

t_case "a council has no second adjustment"
ht status --db "$T/p.db" --today 2026-02-04 --body hdnd-tinh
expect_exit 0
expect_out "Hoàn thành xác minh"
expect_out "chậm nhất 08/02/2026"
t_end

t_case "deadline day itself says today"
ht status --db "$T/p.db" --today 2026-02-20 --body qh
expect_out "Hội nghị hiệp thương lần thứ ba — chậm nhất 20/02/2026 (hôm nay"
t_end

t_case "after election day"
ht status --db "$T/p.db" --today 2026-04-01
expect_exit 0
expect_out "đã qua ngày bầu cử"
t_end

t_case "status with a bad --today is a usage error"
ht status --db "$T/p.db" --today 31/02/2026
expect_exit 2
expect_err "ngày không tồn tại"
t_end

t_case "status of an unknown body"
ht status --db "$T/p.db" --body hdnd-huyen
expect_exit 2
expect_err "không có cơ quan 'hdnd-huyen'"
t_end

t_case "the commune sample"
ht init --config "$S/commune/config.yaml" --db "$T/x.db"
expect_exit 0
expect_out "1 cơ quan, 6 đơn vị bầu cử, 20 ghế"
ht status --db "$T/x.db" --today 2025-12-02
expect_out "Hội đồng nhân dân xã Tân Hòa Lâm [hdnd-xa]"
expect_out "Hội nghị hiệp thương lần thứ nhất"
t_end

t_case "the 2021-2026 preset: three council levels and the 2015 day counts"
cat >"$T/h.yaml" <<YAML
term: $TOP/config/2021-2026.yaml
committee:
  level: huyen
  name: "Ủy ban Mặt trận Tổ quốc Việt Nam huyện Mẫu"
  place: "Mẫu"
bodies:
  - type: hdnd-huyen
    name: "Hội đồng nhân dân huyện Mẫu"
    seats: 3
    constituencies:
      - number: 1
        seats: 3
        area: ["xã Một"]
YAML
ht init --config "$T/h.yaml" --db "$T/h.db"
expect_exit 0
[ "$(sql "$T/h.db" "SELECT days FROM deadline WHERE key='ht3'")" = 35 ] || t_fail "ht3 is not 35 days"
ht status --db "$T/h.db" --today 2021-04-14
expect_out "Hội nghị hiệp thương lần thứ ba — chậm nhất 18/04/2021"
t_end

t_case "a committee cannot consult for another level's body"
sed 's/level: huyen/level: xa/' "$T/h.yaml" >"$T/h2.yaml"
ht init --config "$T/h2.yaml" --db "$T/h2.db"
expect_exit 3
expect_err "không hiệp thương cho 'Hội đồng nhân dân cấp huyện'"
expect_no_file "$T/h2.db"
t_end
