#!/bin/sh
# t2004: time: the order of the rounds and voter conferences (HT-ORDER),
# each round's deadline (HT-WINDOW) and the deadlines of events
# (VERIFY-DEADLINE, HT3-SEND, LIST-DEADLINE).  Election day 15/03/2026:
# ht1 10/12/2025, ht2 03/02, verification 08/02, ht3 20/02, send_ht3 22/02,
# official_list 26/02/2026.  Body 2 = hdnd-tinh of the province sample.
. "$TOP/tests/lib.sh"
. "$TOP/tests/lib-validate.sh"

book base
fixture <<'SQL'
INSERT INTO person (id, ho, ten_dem, ten, dob, sex, residence, sort_key) VALUES
	(1, 'Lê', 'Văn', 'An', '1970-01-01', 'nam', 'xã An Phú, tỉnh Hòa Lâm', X''),
	(2, 'Trần', 'Thị', 'Bình', '1972-01-01', 'nu', 'xã An Phú, tỉnh Hòa Lâm', X'');
INSERT INTO unit (id, body_id, code, name, kind) VALUES (1, 2, 'STP', 'Sở Tư pháp tỉnh Hòa Lâm', 'state');
INSERT INTO candidacy (id, person_id, body_id, source, unit_id, stage) VALUES
	(1, 1, 2, 'unit', 1, 'nominated'), (2, 2, 2, 'self', NULL, 'nominated');
SQL

# rounds D1 D2 D3 [SQL]: the council's rounds on those days ("-" = not held)
rounds() {
	{
		for n in 1 2 3; do
			eval d=\$$n
			[ "$d" = - ] || echo "INSERT INTO conference (kind, body_id, held_on) VALUES ('ht$n', 2, '$d');"
		done
		echo "$4"
	} >"$T/in.sql"
	variant x <"$T/in.sql"
	vj --today "${TODAY:-2025-11-20}"
}

t_case "HT-WINDOW: each round on its last day passes"
rounds 2025-12-10 2026-02-03 2026-02-20
expect_count HT-WINDOW 0
expect_count HT-ORDER 0
t_end

t_case "HT-WINDOW: a day later fails, round by round"
rounds 2025-12-11 2026-02-03 2026-02-20
expect_count HT-WINDOW 1
expect_msg HT-WINDOW "hội nghị hiệp thương lần thứ nhất họp ngày 11/12/2025, sau thời hạn chậm nhất 10/12/2025 (95 ngày trước ngày bầu cử)"
rounds 2025-12-10 2026-02-04 2026-02-20
expect_count HT-WINDOW 1
expect_msg HT-WINDOW "lần thứ hai họp ngày 04/02/2026, sau thời hạn chậm nhất 03/02/2026 (40 ngày"
rounds 2025-12-10 2026-02-03 2026-02-21
expect_count HT-WINDOW 1
expect_msg HT-WINDOW "lần thứ ba họp ngày 21/02/2026, sau thời hạn chậm nhất 20/02/2026 (23 ngày"
t_end

t_case "HT-WINDOW: a round not held yet is not a finding"
TODAY=2026-03-01 rounds 2025-12-10 - -
expect_count HT-WINDOW 0
t_end

t_case "HT-ORDER: a round recorded before the one it follows"
rounds 2026-02-05 2026-02-03 2026-02-18
expect_count HT-ORDER 1
expect_msg HT-ORDER "hội nghị hiệp thương lần thứ hai ngày 03/02/2026 diễn ra trước hội nghị hiệp thương lần thứ nhất (ngày 05/02/2026)"
t_end

t_case "HT-ORDER: a round without the one before it"
rounds - 2026-02-03 -
expect_count HT-ORDER 1
expect_msg HT-ORDER "được ghi nhưng chưa có hội nghị hiệp thương lần thứ nhất"
t_end

t_case "HT-ORDER: two rounds on the same day are judged by their start times"
rounds 2025-12-05 2026-02-03 2026-02-03 "UPDATE conference SET start_time = '08:00' WHERE kind = 'ht3'; UPDATE conference SET start_time = '14:00' WHERE kind = 'ht2';"
expect_count HT-ORDER 1
rounds 2025-12-05 2026-02-03 2026-02-03 "UPDATE conference SET start_time = '14:00' WHERE kind = 'ht3'; UPDATE conference SET start_time = '08:00' WHERE kind = 'ht2';"
expect_count HT-ORDER 0
t_end

t_case "HT-ORDER: residence conferences between rounds 2 and 3"
rounds 2025-12-05 2026-02-03 2026-02-18 "INSERT INTO conference (id, kind, body_id, held_on) VALUES (10, 'residence', 2, '2026-02-05');"
expect_count HT-ORDER 0
rounds 2025-12-05 2026-02-03 2026-02-18 "INSERT INTO conference (id, kind, body_id, held_on) VALUES (10, 'residence', 2, '2026-02-19');"
expect_count HT-ORDER 1
expect_msg HT-ORDER "hội nghị cử tri nơi cư trú ngày 19/02/2026 diễn ra sau hội nghị hiệp thương lần thứ ba (ngày 18/02/2026)"
t_end

t_case "HT-ORDER: a unit's nominee meets workplace voters between rounds 1 and 2, a self-nominee after round 2"
rounds 2025-12-05 2026-02-03 2026-02-18 "INSERT INTO conference (id, kind, body_id, unit_id, held_on) VALUES (10, 'workplace', 2, 1, '2026-01-10'); INSERT INTO vote (conference_id, candidacy_id, trust, distrust, invalid) VALUES (10, 1, 30, 0, 0);"
expect_count HT-ORDER 0
rounds 2025-12-05 2026-02-03 2026-02-18 "INSERT INTO conference (id, kind, body_id, unit_id, held_on) VALUES (10, 'workplace', 2, 1, '2026-02-05'); INSERT INTO vote (conference_id, candidacy_id, trust, distrust, invalid) VALUES (10, 1, 30, 0, 0);"
expect_count HT-ORDER 1
rounds 2025-12-05 2026-02-03 2026-02-18 "INSERT INTO conference (id, kind, body_id, unit_id, held_on) VALUES (10, 'workplace', 2, 1, '2026-02-05'); INSERT INTO vote (conference_id, candidacy_id, trust, distrust, invalid) VALUES (10, 2, 30, 0, 0);"
expect_count HT-ORDER 0
rounds 2025-12-05 2026-02-03 2026-02-18 "INSERT INTO conference (id, kind, body_id, unit_id, held_on) VALUES (10, 'workplace', 2, 1, '2026-01-10'); INSERT INTO vote (conference_id, candidacy_id, trust, distrust, invalid) VALUES (10, 2, 30, 0, 0);"
expect_count HT-ORDER 1
t_end

# issue DATE: an issue raised about Trần Thị Bình, answered on DATE (or NULL)
issue() {
	variant x <<SQL
INSERT INTO voter_issue (candidacy_id, text, answer_date) VALUES (2, 'Xác minh nhà ở', $1);
SQL
}

t_case "VERIFY-DEADLINE: answered on the last day passes, a day later fails"
issue "'2026-02-08'"
vj --today 2026-03-01
expect_ids ""
issue "'2026-02-09'"
vj --today 2026-03-01
expect_ids "VERIFY-DEADLINE"
expect_msg VERIFY-DEADLINE "vụ việc cử tri nêu 'Xác minh nhà ở' được trả lời ngày 09/02/2026, sau thời hạn 08/02/2026 (35 ngày trước ngày bầu cử)"
expect_field VERIFY-DEADLINE candidate '"Trần Thị Bình"'
t_end

t_case "VERIFY-DEADLINE: unanswered is late only once the deadline has passed"
issue NULL
vj --today 2026-02-08
expect_ids ""
vj --today 2026-02-09
expect_ids "VERIFY-DEADLINE"
expect_msg VERIFY-DEADLINE "chưa được trả lời, đã quá thời hạn 08/02/2026"
HIEPTHUONG_TODAY=2026-02-09 vj
expect_ids "VERIFY-DEADLINE"
t_end

# event EVENT DATE: a dated event of the council
event() {
	variant x <<SQL
INSERT INTO conference (kind, body_id, held_on) VALUES ('ht1', 2, '2025-12-05'), ('ht2', 2, '2026-02-03'), ('ht3', 2, '2026-02-18');
UPDATE candidacy SET stage = 'qualified';
$3
INSERT INTO body_event (body_id, event, on_date) VALUES (2, '$1', '$2');
SQL
	vj --today 2026-03-01
}

t_case "HT3-SEND: sent on the last day passes, a day later fails"
event round3_sent 2026-02-22
expect_count HT3-SEND 0
event round3_sent 2026-02-23
expect_count HT3-SEND 1
expect_msg HT3-SEND "được gửi ngày 23/02/2026, sau thời hạn 22/02/2026 (21 ngày trước ngày bầu cử)"
t_end

t_case "HT3-SEND: round 3 held, nothing sent, deadline passed"
event official_list 2026-02-20 "DELETE FROM body_event;"
expect_count HT3-SEND 1
expect_msg HT3-SEND "chưa ghi ngày gửi biên bản và danh sách"
vj --today 2026-02-22
expect_count HT3-SEND 0
t_end

t_case "LIST-DEADLINE: published on the last day passes, a day later fails"
event official_list 2026-02-26
expect_count LIST-DEADLINE 0
event official_list 2026-02-27
expect_count LIST-DEADLINE 1
expect_msg LIST-DEADLINE "danh sách chính thức được công bố ngày 27/02/2026, sau thời hạn 26/02/2026 (17 ngày trước ngày bầu cử)"
t_end
