#!/bin/sh
# t2001: candidate eligibility (ELIG-*), at their boundaries.  Election day
# 15/03/2026; body 1 = qh, body 2 = hdnd-tinh of the province sample.
. "$TOP/tests/lib.sh"
. "$TOP/tests/lib-validate.sh"

book base

# one HĐND nominee born $1 (stage nominated), plus optional SQL in $2
nominee() {
	variant x <<SQL
INSERT INTO person (id, ho, ten_dem, ten, dob, sex, sort_key) VALUES (1, 'Lê', 'Văn', 'An', '$1', 'nam', X'');
INSERT INTO candidacy (id, person_id, body_id, source, stage) VALUES (1, 1, 2, 'self', 'nominated');
$2
SQL
}

t_case "ELIG-AGE: 21 years old on election day passes"
nominee 2005-03-15
vj
expect_exit 0
expect_ids ""
t_end

t_case "ELIG-AGE: one day younger fails"
nominee 2005-03-16
vj
expect_exit 1
expect_ids "ELIG-AGE"
expect_msg ELIG-AGE "sinh 16/03/2005, 20 tuổi vào ngày bầu cử 15/03/2026; người ứng cử phải đủ 21 tuổi"
expect_field ELIG-AGE candidate '"Lê Văn An"'
t_end

t_case "ELIG-AGE: a birth year alone counts from 1 January"
nominee 2005
vj
expect_ids ""
t_end

t_case "ELIG-AGE: a month and year count from the 1st of the month"
nominee 2005-03
vj
expect_ids ""
nominee 2005-04
vj
expect_ids "ELIG-AGE"
t_end

t_case "ELIG-AGE: the NA too"
nominee 2005-03-16 "UPDATE candidacy SET body_id = 1;"
vj
expect_ids "ELIG-AGE"
expect_field ELIG-AGE body '"qh"'
t_end

t_case "ELIG-AGE: a dropped candidacy is not on any list any more"
nominee 2005-03-16 "UPDATE candidacy SET status = 'dropped', drop_reason = 'not_qualified';"
vj
expect_exit 0
expect_ids ""
t_end

t_case "ELIG-NAT: the sentence of the dossier forms passes"
nominee 1970-01-01 "UPDATE person SET nationality = 'Chỉ có 01 quốc tịch là quốc tịch Việt Nam và không trong thời gian thực hiện thủ tục xin gia nhập quốc tịch quốc gia khác';"
vj
expect_ids ""
t_end

t_case "ELIG-NAT: what the law asks, not one sentence: 'Việt Nam', 'xin nhập' and spacing pass"
for v in ' Chỉ có 01 quốc tịch là  quốc tịch Việt Nam và không trong thời gian thực hiện thủ tục xin gia nhập quốc tịch quốc gia khác ' \
	'Chỉ có 01 quốc tịch là quốc tịch Việt Nam và không trong thời gian thực hiện thủ tục xin nhập quốc tịch quốc gia khác' \
	'Việt Nam' 'VIỆT NAM' 'Quốc tịch Việt Nam' 'Chỉ có một quốc tịch là quốc tịch Việt Nam, không xin nhập quốc tịch nước khác'; do
	nominee 1970-01-01 "UPDATE person SET nationality = '$v';"
	vj
	expect_ids ""
done
t_end

t_case "ELIG-NAT: another nationality, an application under way, or no Vietnamese nationality is an error"
for v in 'Việt Nam, Hoa Kỳ' 'Việt Nam và Pháp' 'Có hai quốc tịch Việt Nam và Lào' 'Việt Nam/Úc' \
	'Việt Nam, đang làm thủ tục nhập quốc tịch Canada' 'Lào'; do
	nominee 1970-01-01 "UPDATE person SET nationality = '$v';"
	vj
	expect_ids "ELIG-NAT"
	expect_msg ELIG-NAT "mục Quốc tịch ghi '$v'"
done
t_end

t_case "ELIG-NAT: not recorded is not judged"
nominee 1970-01-01
vj
expect_ids ""
t_end

t_case "ELIG-HDND-LOC: residence in the province passes"
nominee 1970-01-01 "UPDATE person SET residence = 'thôn Bắc, xã An Phú, tỉnh Hòa Lâm';"
vj
expect_ids ""
t_end

t_case "ELIG-HDND-LOC: the bare name as a part of the address, in any case"
nominee 1970-01-01 "UPDATE person SET residence = 'số 5 đường Lê Lợi, phường Tân An, HÒA LÂM';"
vj
expect_ids ""
t_end

t_case "ELIG-HDND-LOC: working there is enough"
nominee 1970-01-01 "UPDATE person SET residence = 'phường Bến Thành, Thành phố Hồ Chí Minh', workplace = 'Sở Tư pháp tỉnh Hòa Lâm';"
vj
expect_ids ""
t_end

t_case "ELIG-HDND-LOC: neither residing nor working there fails"
nominee 1970-01-01 "UPDATE person SET residence = 'xã Hòa Lâm, tỉnh Bình Định', workplace = 'Công ty Sao Mai';"
vj
expect_ids "ELIG-HDND-LOC"
expect_msg ELIG-HDND-LOC "không thuộc tỉnh Hòa Lâm"
t_end

t_case "ELIG-HDND-LOC: a commune council needs the commune"
book xa commune
fixture <<'SQL'
INSERT INTO person (id, ho, ten_dem, ten, dob, sex, residence, sort_key) VALUES
	(1, 'Lê', 'Văn', 'An', '1970-01-01', 'nam', 'thôn Đông Sơn, xã Tân Hòa Lâm, tỉnh Hòa Lâm', X''),
	(2, 'Lê', 'Văn', 'Bình', '1970-01-01', 'nam', 'xã An Phú, tỉnh Hòa Lâm', X'');
INSERT INTO candidacy (person_id, body_id, source, stage) VALUES (1, 1, 'self', 'nominated'), (2, 1, 'self', 'nominated');
SQL
vj
expect_ids "ELIG-HDND-LOC"
expect_count ELIG-HDND-LOC 1
expect_field ELIG-HDND-LOC candidate '"Lê Văn Bình"'
t_end

t_case "ELIG-HDND-LOC: not for the NA"
nominee 1970-01-01 "UPDATE person SET residence = 'Thành phố Hồ Chí Minh'; UPDATE candidacy SET body_id = 1;"
vj
expect_ids ""
t_end

t_case "ELIG-DOSSIER: received at 17:00 on the last day passes"
nominee 1970-01-01 "UPDATE candidacy SET dossier_at = '2026-02-01 17:00';"
vj
expect_ids ""
t_end

t_case "ELIG-DOSSIER: one minute later fails"
nominee 1970-01-01 "UPDATE candidacy SET dossier_at = '2026-02-01 17:01';"
vj
expect_ids "ELIG-DOSSIER"
expect_msg ELIG-DOSSIER "nhận lúc 17:01 ngày 01/02/2026, sau 17:00 ngày 01/02/2026 (42 ngày trước ngày bầu cử)"
t_end

t_case "ELIG-DOSSIER: the last day without an hour passes, the next day fails"
nominee 1970-01-01 "UPDATE candidacy SET dossier_at = '2026-02-01';"
vj
expect_ids ""
nominee 1970-01-01 "UPDATE candidacy SET dossier_at = '2026-02-02';"
vj
expect_ids "ELIG-DOSSIER"
nominee 1970-01-01 "UPDATE candidacy SET dossier_at = '2026-02-01T16:59:59';"
vj
expect_ids ""
t_end

# two people named Lê Văn Dũng on the NA lists
oneunit() {
	variant x <<SQL
INSERT INTO person (id, ho, ten_dem, ten, dob, sex, sort_key) VALUES
	(1, 'Lê', 'Văn', 'Dũng', '$1', 'nam', X''), (2, 'Lê', 'Văn', 'Dũng', '$2', 'nam', X'');
INSERT INTO candidacy (person_id, body_id, source, stage, constituency_id) VALUES
	(1, 1, 'self', 'official', (SELECT id FROM constituency WHERE body_id = 1 AND number = $3)),
	(2, 1, 'self', 'official', (SELECT id FROM constituency WHERE body_id = 1 AND number = $4));
SQL
}

t_case "ELIG-ONEUNIT: the same person entered twice, in two constituencies"
oneunit 1975 1975-06-01 1 2
vj
expect_count ELIG-ONEUNIT 1
expect_field ELIG-ONEUNIT constituency 2
oneunit 1975-06 1975-06-01 3 1
vj
expect_count ELIG-ONEUNIT 1
expect_field ELIG-ONEUNIT constituency 3
t_end

t_case "ELIG-ONEUNIT: birth dates that disagree are two people"
oneunit 1975 1976-06-01 1 2
vj
expect_count ELIG-ONEUNIT 0
oneunit 1975-05 1975-06-01 1 2
vj
expect_count ELIG-ONEUNIT 0
t_end

t_case "ELIG-ONEUNIT: two entries in one constituency are not two constituencies"
oneunit 1975 1975-06-01 2 2
vj
expect_count ELIG-ONEUNIT 0
t_end

t_case "ELIG-LEVELS: the NA and one council, or two councils, pass"
book levels "$TOP/tests/data/three-bodies.yaml"
fixture <<'SQL'
INSERT INTO person (id, ho, ten_dem, ten, dob, sex, residence, sort_key) VALUES
	(1, 'Nông', 'Văn', 'Cao', '1970-01-01', 'nam', 'xã An Phú, tỉnh Hòa Lâm', X''),
	(2, 'Hà', 'Thị', 'Yến', '1982-01-01', 'nu', 'xã An Phú, tỉnh Hòa Lâm', X'');
INSERT INTO candidacy (id, person_id, body_id, source, stage) VALUES
	(1, 1, 1, 'self', 'nominated'), (2, 1, 2, 'self', 'nominated'),
	(3, 2, 2, 'self', 'nominated'), (4, 2, 3, 'self', 'nominated');
SQL
vj
expect_exit 0
expect_ids ""
t_end

t_case "ELIG-LEVELS: the NA and two councils fail, on every list of that person"
fixture <<'SQL'
INSERT INTO candidacy (id, person_id, body_id, source, stage) VALUES (5, 1, 3, 'self', 'nominated');
SQL
vj
expect_ids "ELIG-LEVELS"
expect_count ELIG-LEVELS 3
t_end

t_case "ELIG-LEVELS: a dropped candidacy does not count"
fixture <<'SQL'
UPDATE candidacy SET status = 'dropped', drop_reason = 'withdrew' WHERE id = 5;
SQL
vj
expect_ids ""
t_end
