#!/bin/sh
# t2003: list rules at their boundaries: candidates per constituency,
# surpluses of the round-2 and round-3 lists, composition shares, seats,
# the allocation table and the order of names.
. "$TOP/tests/lib.sh"
. "$TOP/tests/lib-validate.sh"

# people FROM TO BODY UNIT [STAGE] [SOURCE]: SQL for people FROM..TO (ids),
# men born 1970 named Tên001..., on BODY's list at STAGE (official), in
# constituency UNIT (0 = none).
people() {
	cat <<SQL
WITH RECURSIVE n(i) AS (SELECT $1 UNION ALL SELECT i + 1 FROM n WHERE i < $2)
INSERT INTO person (id, ho, ten_dem, ten, dob, sex, ethnicity, party_date, sort_key)
SELECT i, 'Nguyễn', 'Văn', printf('Tên%03d', i), '1970-01-01', 'nam', 'Kinh', '1995-01-01', X'' FROM n;
WITH RECURSIVE n(i) AS (SELECT $1 UNION ALL SELECT i + 1 FROM n WHERE i < $2)
INSERT INTO candidacy (id, person_id, body_id, source, stage, constituency_id)
SELECT i, i, $3, '${6:-self}', '${5:-official}', (SELECT id FROM constituency WHERE body_id = $3 AND number = $4) FROM n;
SQL
}

book base
book xa commune

t_case "EXCESS-NA: 3 seats with 4 candidates fails, with 5 passes"
{ people 1 4 1 1; people 11 15 1 2; people 21 24 1 3; } >"$T/in.sql"
variant x <"$T/in.sql"
vj
expect_count EXCESS-NA 1
expect_field EXCESS-NA constituency 1
expect_msg EXCESS-NA "được bầu 3 đại biểu nhưng danh sách có 4 người; phải có ít nhất 5 người"
{ people 1 5 1 1; people 11 15 1 2; people 21 24 1 3; } >"$T/in.sql"
variant x <"$T/in.sql"
vj
expect_count EXCESS-NA 0
t_end

t_case "EXCESS-NA: 2 seats need 4"
{ people 1 5 1 1; people 11 15 1 2; people 21 23 1 3; } >"$T/in.sql"
variant x <"$T/in.sql"
vj
expect_count EXCESS-NA 1
expect_field EXCESS-NA constituency 3
t_end

t_case "EXCESS-NA: nothing to count before anyone is assigned to a constituency"
people 1 3 1 0 >"$T/in.sql"
variant x <"$T/in.sql"
vj
expect_count EXCESS-NA 0
t_end

t_case "EXCESS-HDND: a council constituency of 4 seats needs 7 candidates"
# commune units: 1-2 have 4 seats, 3-6 have 3
{ people 1 6 1 1; people 11 17 1 2; people 21 25 1 3; people 31 35 1 4; people 41 45 1 5; people 51 55 1 6; } >"$T/in.sql"
variant x xa <"$T/in.sql"
vj
expect_count EXCESS-HDND 1
expect_field EXCESS-HDND constituency 1
expect_msg EXCESS-HDND "được bầu 4 đại biểu nhưng danh sách có 6 người; phải có ít nhất 7 người"
{ people 1 7 1 1; people 11 17 1 2; people 21 25 1 3; people 31 35 1 4; people 41 45 1 5; people 51 55 1 6; } >"$T/in.sql"
variant x xa <"$T/in.sql"
vj
expect_count EXCESS-HDND 0
t_end

t_case "EXCESS-HDND: 3 seats need 5"
{ people 1 7 1 1; people 11 17 1 2; people 21 24 1 3; people 31 35 1 4; people 41 45 1 5; people 51 55 1 6; } >"$T/in.sql"
variant x xa <"$T/in.sql"
vj
expect_count EXCESS-HDND 1
expect_field EXCESS-HDND constituency 3
t_end

t_case "EXCESS-HDND: 1 or 2 seats need one more candidate than seats"
{ people 1 7 1 1; people 11 17 1 2; people 21 22 1 3; people 31 32 1 4; people 41 45 1 5; people 51 55 1 6;
  echo "UPDATE constituency SET seats = 2 WHERE body_id = 1 AND number = 3;"
  echo "UPDATE constituency SET seats = 1 WHERE body_id = 1 AND number = 4;"; } >"$T/in.sql"
variant x xa <"$T/in.sql"
vj
expect_count EXCESS-HDND 1
expect_field EXCESS-HDND constituency 3
expect_msg EXCESS-HDND "được bầu 2 đại biểu nhưng danh sách có 2 người; phải có ít nhất 3 người"
t_end

t_case "HT2-EXCESS: as many nominees as seats warns, one more passes"
{ echo "INSERT INTO conference (kind, body_id, held_on) VALUES ('ht1', 1, '2025-12-05'), ('ht2', 1, '2026-02-03');"
  people 1 8 1 0 nominated; } >"$T/in.sql"
variant x <"$T/in.sql"
vj
expect_exit 0
expect_ids "HT2-EXCESS"
expect_msg HT2-EXCESS "có 8 người cho 8 đại biểu được bầu"
{ echo "INSERT INTO conference (kind, body_id, held_on) VALUES ('ht1', 1, '2025-12-05'), ('ht2', 1, '2026-02-03');"
  people 1 9 1 0 nominated; } >"$T/in.sql"
variant x <"$T/in.sql"
vj
expect_ids ""
t_end

t_case "HT2-EXCESS: someone who withdrew before round 2 was not submitted to it"
{ echo "INSERT INTO conference (kind, body_id, held_on) VALUES ('ht1', 1, '2025-12-05'), ('ht2', 1, '2026-02-03');"
  people 1 9 1 0 nominated
  echo "UPDATE candidacy SET status = 'dropped', drop_reason = 'withdrew' WHERE id = 9;"; } >"$T/in.sql"
variant x <"$T/in.sql"
vj
expect_ids "HT2-EXCESS"
t_end

t_case "HT2-EXCESS: silent while nominations are still coming in"
people 1 3 1 0 nominated >"$T/in.sql"
variant x <"$T/in.sql"
vj
expect_ids ""
t_end

# The commune council: 20 seats, minimum surpluses 3+3+2+2+2+2 = 14, so the
# round-3 list needs more than 34 people.
round3() {
	echo "INSERT INTO conference (kind, body_id, held_on) VALUES ('ht1', 1, '2025-12-05'), ('ht2', 1, '2026-02-03'), ('ht3', 1, '2026-02-18');"
	people 1 "$1" 1 0 qualified
}

t_case "HT3-EXCESS-HDND: a surplus equal to the minimum fails (strictly greater), one more passes"
round3 34 >"$T/in.sql"
variant x xa <"$T/in.sql"
vj
expect_ids "HT3-EXCESS-HDND"
expect_msg HT3-EXCESS-HDND "có 34 người cho 20 đại biểu được bầu (số dư 14); phải dư nhiều hơn 14 người, tổng số dư tối thiểu của 6 đơn vị bầu cử theo EXCESS-HDND"
round3 35 >"$T/in.sql"
variant x xa <"$T/in.sql"
vj
expect_ids ""
t_end

t_case "HT3-EXCESS-HDND: those dropped after the residence conferences were not presented"
{ round3 35; echo "UPDATE candidacy SET stage = 'preliminary', status = 'dropped', drop_reason = 'residence_trust' WHERE id = 35;"; } >"$T/in.sql"
variant x xa <"$T/in.sql"
vj
expect_ids "HT3-EXCESS-HDND"
{ round3 35; echo "UPDATE candidacy SET status = 'dropped', drop_reason = 'not_qualified' WHERE id = 35;"; } >"$T/in.sql"
variant x xa <"$T/in.sql"
vj
expect_ids ""
t_end

# Every reason that keeps a person off the round-3 list counts, not only
# residence_trust (a planted bug that counted only it passed the suite).
for why in withdrew verification workplace_trust; do
	t_case "HT3-EXCESS-HDND: someone dropped for $why after round 2 was not presented to round 3"
	{ round3 35; echo "UPDATE candidacy SET stage = 'preliminary', status = 'dropped', drop_reason = '$why' WHERE id = 35;"; } >"$T/in.sql"
	variant x xa <"$T/in.sql"
	vj
	expect_ids "HT3-EXCESS-HDND"
	expect_msg HT3-EXCESS-HDND "có 34 người cho 20 đại biểu được bầu"
	t_end
done

t_case "HT3-EXCESS-HDND: the pack's settings are data (strict: false accepts the minimum)"
{ round3 34
  echo "UPDATE book SET rules_text = replace(rules_text, 'table_rule: EXCESS-HDND, granularity: sum_of_constituencies, strict: true', 'table_rule: EXCESS-HDND, granularity: sum_of_constituencies, strict: false');"; } >"$T/in.sql"
variant x xa <"$T/in.sql"
vj
expect_ids ""
t_end

t_case "HT3-EXCESS-HDND: granularity body compares with the table's smallest surplus"
{ round3 21
  echo "UPDATE book SET rules_text = replace(rules_text, 'table_rule: EXCESS-HDND, granularity: sum_of_constituencies', 'table_rule: EXCESS-HDND, granularity: body');"; } >"$T/in.sql"
variant x xa <"$T/in.sql"
vj
expect_ids "HT3-EXCESS-HDND"
expect_msg HT3-EXCESS-HDND "có 21 người cho 20 đại biểu được bầu (số dư 1); phải dư nhiều hơn 1 người (EXCESS-HDND)"
{ round3 22
  echo "UPDATE book SET rules_text = replace(rules_text, 'table_rule: EXCESS-HDND, granularity: sum_of_constituencies', 'table_rule: EXCESS-HDND, granularity: body');"; } >"$T/in.sql"
variant x xa <"$T/in.sql"
vj
expect_ids ""
t_end

# shares on the commune council's official list of 20
share() {
	{ people 1 20 1 0; echo "$1"; } >"$T/in.sql"
variant x xa <"$T/in.sql"
	vj
}

t_case "HDND-WOMEN: exactly 35 % passes, one fewer fails"
share "UPDATE person SET sex = 'nu' WHERE id <= 7;"
expect_count HDND-WOMEN 0
share "UPDATE person SET sex = 'nu' WHERE id <= 6;"
expect_count HDND-WOMEN 1
expect_msg HDND-WOMEN "danh sách chính thức có 6/20 phụ nữ (30%); cần ít nhất 35% (7 người)"
t_end

t_case "HDND-WOMEN: only the official list counts"
share "UPDATE person SET sex = 'nu' WHERE id <= 7; UPDATE candidacy SET stage = 'qualified' WHERE id > 18;"
expect_count HDND-WOMEN 0
share "UPDATE person SET sex = 'nu' WHERE id <= 7; UPDATE candidacy SET status = 'dropped', drop_reason = 'other', drop_note = 'x' WHERE id = 1;"
expect_count HDND-WOMEN 1
t_end

t_case "HDND-YOUNG: under 40 on election day; 15 % passes, one fewer fails"
share "UPDATE person SET dob = '1986-03-16' WHERE id <= 3;"
expect_count HDND-YOUNG 0
share "UPDATE person SET dob = '1986-03-16' WHERE id <= 2; UPDATE person SET dob = '1986-03-15' WHERE id = 3;"
expect_count HDND-YOUNG 1
expect_msg HDND-YOUNG "2/20 người trẻ tuổi dưới 40 tuổi (10%); cần ít nhất 15% (3 người)"
t_end

t_case "HDND-NONPARTY: no Party admission date is non-Party; 10 % passes"
share "UPDATE person SET party_date = NULL WHERE id = 1; UPDATE person SET party_date = '' WHERE id = 2;"
expect_count HDND-NONPARTY 0
share "UPDATE person SET party_date = NULL WHERE id = 1;"
expect_count HDND-NONPARTY 1
t_end

t_case "HDND-REELECT: a deputy of this council's outgoing term counts; 30 % passes"
share "UPDATE person SET hdnd_member = 'Đại biểu HĐND xã Tân Hòa Lâm nhiệm kỳ 2021 - 2026' WHERE id <= 4;
UPDATE person SET hdnd_member = 'Đại biểu Hội đồng nhân dân xã Tân Hòa Lâm khóa I' WHERE id = 5;
UPDATE person SET hdnd_member = 'Đại biểu HĐND xã Tân Hòa Lâm các khoá I và III; nhiệm kỳ 2021–2026' WHERE id = 6;"
expect_count HDND-REELECT 0
t_end

t_case "HDND-REELECT: another council, another term or another khóa does not count"
share "UPDATE person SET hdnd_member = 'Đại biểu HĐND xã Tân Hòa Lâm nhiệm kỳ 2021 - 2026' WHERE id <= 5;
UPDATE person SET hdnd_member = 'Đại biểu HĐND huyện Hòa Lâm nhiệm kỳ 2021 - 2026' WHERE id = 6;
UPDATE person SET hdnd_member = 'Đại biểu HĐND xã Tân Hòa Lâm nhiệm kỳ 2016 - 2021' WHERE id = 7;
UPDATE person SET hdnd_member = 'Đại biểu HĐND xã Tân Hòa Lâm khóa II' WHERE id = 8;
UPDATE person SET hdnd_member = 'Đại biểu HĐND tỉnh Tân Hòa Lâm khóa I' WHERE id = 9;"
expect_count HDND-REELECT 1
expect_msg HDND-REELECT "5/20 người tái cử (25%); cần ít nhất 30% (6 người)"
t_end

t_case "NA-ETHNIC and HT3-EXCESS-NA: warnings on the NA's lists"
{ people 1 5 1 1; people 11 15 1 2; people 21 24 1 3
  echo "UPDATE person SET sex = 'nu' WHERE id IN (1, 2, 11, 12, 21);"
  echo "UPDATE person SET ethnicity = 'Tày' WHERE id IN (3, 13);"; } >"$T/in.sql"
variant x <"$T/in.sql"
vj
expect_exit 0
expect_ids "HT3-EXCESS-NA NA-ETHNIC"
expect_msg HT3-EXCESS-NA "có 14 người cho 8 đại biểu được bầu (số dư 6); phải dư nhiều hơn 6 người"
expect_msg NA-ETHNIC "2/14 người dân tộc thiểu số (14,29%); cần ít nhất 18% (3 người)"
t_end

t_case "NA-ETHNIC: exactly 18 % passes, one fewer fails; Kinh in any case is not a minority"
{ people 1 50 1 0; echo "UPDATE person SET ethnicity = 'Ê Đê' WHERE id <= 9; UPDATE person SET ethnicity = 'KINH' WHERE id = 10;"
  echo "UPDATE person SET sex = 'nu' WHERE id > 30;"; } >"$T/in.sql"
variant x <"$T/in.sql"
vj
expect_count NA-ETHNIC 0
{ people 1 50 1 0; echo "UPDATE person SET ethnicity = 'Ê Đê' WHERE id <= 8; UPDATE person SET ethnicity = NULL WHERE id = 9;"
  echo "UPDATE person SET sex = 'nu' WHERE id > 30;"; } >"$T/in.sql"
variant x <"$T/in.sql"
vj
expect_count NA-ETHNIC 1
expect_msg NA-ETHNIC "8/50 người dân tộc thiểu số (16%)"
t_end

t_case "UNIT-NA-SEATS: 3 seats pass, 4 fail; UNIT-HDND-SEATS: 5 pass, 6 fail"
variant x <<'SQL'
UPDATE constituency SET seats = 4 WHERE body_id = 1 AND number = 1;
UPDATE constituency SET seats = 2 WHERE body_id = 1 AND number = 2;
UPDATE constituency SET seats = 6 WHERE body_id = 2 AND number = 11;
UPDATE constituency SET seats = 4 WHERE body_id = 2 AND number = 12;
SQL
vj
expect_ids "UNIT-HDND-SEATS UNIT-NA-SEATS"
expect_field UNIT-NA-SEATS constituency 1
expect_field UNIT-HDND-SEATS constituency 11
t_end

t_case "SEATS-SUM: the constituencies must add up to the body's seats"
variant x <<'SQL'
UPDATE constituency SET seats = 2 WHERE body_id = 1 AND number = 1;
SQL
vj
expect_ids "SEATS-SUM"
expect_msg SEATS-SUM "là 7, khác số đại biểu được bầu của Quốc hội khóa XVI (8)"
t_end

t_case "ALLOC-SUM: the allocation adds up to the agreed total, version by version"
variant x <<'SQL'
INSERT INTO unit (id, body_id, code, name, kind) VALUES (1, 2, 'A', 'Đơn vị A', 'state'), (2, 2, 'B', 'Đơn vị B', 'state');
INSERT INTO allocation (unit_id, version, count) VALUES (1, 1, 10), (2, 1, 20), (1, 2, 12);
INSERT INTO allocation_total (body_id, version, total) VALUES (2, 1, 30), (2, 2, 32);
SQL
vj
expect_ids ""
fixture <<'SQL'
UPDATE allocation_total SET total = 31 WHERE version = 2;
SQL
vj
expect_ids "ALLOC-SUM"
expect_msg ALLOC-SUM "(sau điều chỉnh lần thứ nhất) là 32, khác tổng số đã thỏa thuận 31"
t_end

# two people of the commune's constituency 1, in the order of their ids
order() {
	variant x xa <<SQL
INSERT INTO person (id, ho, ten_dem, ten, dob, sex, sort_key) VALUES
	(1, '$1', '$2', '$3', '${7:-1970-01-01}', 'nam', X''), (2, '$4', '$5', '$6', '${8:-1970-01-01}', 'nam', X'');
INSERT INTO candidacy (person_id, body_id, source, stage, constituency_id) VALUES
	(1, 1, 'self', 'qualified', 1), (2, 1, 'self', 'qualified', 1);
SQL
	vj
}

t_case "LIST-ORDER: by tên, then họ, then tên đệm, then the earlier birth date"
order "Trần" "Văn" "An" "Lê" "Văn" "Bình"
expect_count LIST-ORDER 0
order "Lê" "Văn" "Bình" "Trần" "Văn" "An"
expect_count LIST-ORDER 1
expect_msg LIST-ORDER "trong sổ đứng sau 'Lê Văn Bình'"
order "Trần" "Văn" "An" "Lê" "Văn" "An"
expect_count LIST-ORDER 1
order "Lê" "Văn" "An" "Lê" "Thị" "An"
expect_count LIST-ORDER 1
order "Lê" "Văn" "An" "Lê" "Văn" "An" 1971-01-01 1970-01-01
expect_count LIST-ORDER 1
t_end

t_case "LIST-ORDER: Đ is a letter after D; the tone at its own position (Hoan before Hòa)"
order "Lê" "Văn" "Dũng" "Lê" "Văn" "Đạt"
expect_count LIST-ORDER 0
order "Lê" "Văn" "Đạt" "Lê" "Văn" "Dũng"
expect_count LIST-ORDER 1
order "Lê" "Văn" "Hòa" "Lê" "Văn" "Hoan"
expect_count LIST-ORDER 1
t_end

t_case "LIST-ORDER: each constituency is its own list"
order "Lê" "Văn" "Bình" "Trần" "Văn" "An"
fixture <<'SQL'
UPDATE candidacy SET constituency_id = (SELECT id FROM constituency WHERE body_id = 1 AND number = 2) WHERE person_id = 2;
SQL
vj
expect_count LIST-ORDER 0
t_end
