#!/bin/sh
# t2002: conference records at their boundaries: counting teams, who may
# vote, quorums, counting minutes, trust votes, the thôn nomination and the
# round-3 trust gate.  Province sample, 2026-2031 pack; body 2 = hdnd-tinh.
. "$TOP/tests/lib.sh"
. "$TOP/tests/lib-validate.sh"

book base
fixture <<'SQL'
INSERT INTO conference (id, kind, body_id, held_on) VALUES
	(1, 'ht1', 1, '2025-12-05'), (2, 'ht1', 2, '2025-12-05'),
	(3, 'ht2', 1, '2026-02-03'), (4, 'ht2', 2, '2026-02-03');
INSERT INTO unit (id, body_id, code, name, kind) VALUES (1, 2, 'STP', 'Sở Tư pháp tỉnh Hòa Lâm', 'state');
INSERT INTO person (id, ho, ten_dem, ten, dob, sex, residence, sort_key) VALUES
	(1, 'Lê', 'Văn', 'An', '1970-01-01', 'nam', 'xã An Phú, tỉnh Hòa Lâm', X''),
	(2, 'Trần', 'Thị', 'Bình', '1972-01-01', 'nu', 'xã An Phú, tỉnh Hòa Lâm', X'');
INSERT INTO candidacy (id, person_id, body_id, source, unit_id, stage) VALUES
	(1, 1, 2, 'unit', 1, 'nominated'),
	(2, 2, 2, 'self', NULL, 'preliminary');
SQL

# conf KIND HELD_ON "col=val, ..." [VOTES-SQL]: conference 10 of body 2
conf() {
	variant x <<SQL
INSERT INTO conference (id, kind, body_id, unit_id, held_on) VALUES (10, '$1', 2, 1, '$2');
UPDATE conference SET $3 WHERE id = 10;
$4
SQL
}

t_case "HT-TELLERS: 5 and 15 tellers pass when the round votes, 4 and 16 fail"
for n in 5 15; do
	conf ht1 2025-12-06 "vote_method = 'ballot', tellers = $n"
	vj
	expect_count HT-TELLERS 0
done
for n in 4 16; do
	conf ht1 2025-12-06 "vote_method = 'ballot', tellers = $n"
	vj
	expect_count HT-TELLERS 1
	expect_msg HT-TELLERS "Tổ kiểm phiếu có $n người; phải từ 5 đến 15 người"
done
t_end

t_case "HT-TELLERS: no vote, no counting team to check"
conf ht1 2025-12-06 "tellers = 4"
vj
expect_count HT-TELLERS 0
t_end

t_case "HT-VOTERS: votes counted up to the members present pass, one more fails"
conf ht2 2026-02-03 "present = 20, vote_method = 'hands'" "INSERT INTO vote (conference_id, candidacy_id, trust, distrust, invalid) VALUES (10, 2, 12, 5, 3);"
vj
expect_count HT-VOTERS 0
conf ht2 2026-02-03 "present = 20, vote_method = 'hands'" "INSERT INTO vote (conference_id, candidacy_id, trust, distrust, invalid) VALUES (10, 2, 12, 5, 4);"
vj
expect_count HT-VOTERS 1
expect_field HT-VOTERS candidate '"Trần Thị Bình"'
t_end

t_case "LEAD-TELLERS: 3 to 5 at the expanded leadership conference"
for n in 3 5; do
	conf expanded_leadership 2026-01-14 "vote_method = 'hands', tellers = $n"
	vj
	expect_count LEAD-TELLERS 0
done
for n in 2 6; do
	conf expanded_leadership 2026-01-14 "vote_method = 'hands', tellers = $n"
	vj
	expect_count LEAD-TELLERS 1
done
t_end

t_case "VC-QUORUM-WORK: under 100 voters, two thirds of those convened"
conf workplace 2026-01-10 "voters_at_place = 60, invited = 60, present = 40"
vj
expect_count VC-QUORUM-WORK 0
conf workplace 2026-01-10 "voters_at_place = 60, invited = 60, present = 39"
vj
expect_count VC-QUORUM-WORK 1
expect_msg VC-QUORUM-WORK "39 trong 60 cử tri được triệu tập tham dự; nơi có dưới 100 cử tri phải có ít nhất 2/3"
conf workplace 2026-01-10 "voters_at_place = 99, invited = 99, present = 66"
vj
expect_count VC-QUORUM-WORK 0
conf workplace 2026-01-10 "voters_at_place = 99, invited = 99, present = 65"
vj
expect_count VC-QUORUM-WORK 1
t_end

t_case "VC-QUORUM-WORK: from 100 voters, at least 70 present"
conf workplace 2026-01-10 "voters_at_place = 100, invited = 100, present = 70"
vj
expect_count VC-QUORUM-WORK 0
# Where the two rules meet: 40 of 60 convened is two thirds, enough under
# 100 voters; at exactly 100 voters it is 70 present, so 40 is too few.
conf workplace 2026-01-10 "voters_at_place = 99, invited = 60, present = 40"
vj
expect_count VC-QUORUM-WORK 0
conf workplace 2026-01-10 "voters_at_place = 100, invited = 60, present = 40"
vj
expect_count VC-QUORUM-WORK 1
expect_msg VC-QUORUM-WORK "40 cử tri tham dự; nơi có từ 100 cử tri trở lên (ở đây 100) phải có ít nhất 70"
conf workplace 2026-01-10 "voters_at_place = 400, invited = 90, present = 69"
vj
expect_count VC-QUORUM-WORK 1
expect_msg VC-QUORUM-WORK "69 cử tri tham dự; nơi có từ 100 cử tri trở lên (ở đây 400) phải có ít nhất 70"
t_end

t_case "VC-QUORUM-WORK: ballots distributed count the ballots returned"
conf workplace 2026-01-10 "mode = 'distribution', voters_at_place = 60, invited = 60, ballots_issued = 60, ballots_returned = 40"
vj
expect_count VC-QUORUM-WORK 0
conf workplace 2026-01-10 "mode = 'distribution', voters_at_place = 60, invited = 60, present = 60, ballots_issued = 60, ballots_returned = 39"
vj
expect_count VC-QUORUM-WORK 1
t_end

t_case "VC-QUORUM-RES: under 100 voters, half of those convened; from 100, 55 present"
conf residence 2026-02-05 "voters_at_place = 80, invited = 80, present = 40"
vj
expect_count VC-QUORUM-RES 0
conf residence 2026-02-05 "voters_at_place = 80, invited = 80, present = 39"
vj
expect_count VC-QUORUM-RES 1
conf residence 2026-02-05 "voters_at_place = 150, invited = 150, present = 55"
vj
expect_count VC-QUORUM-RES 0
conf residence 2026-02-05 "voters_at_place = 150, invited = 150, present = 54"
vj
expect_count VC-QUORUM-RES 1
conf thon 2026-01-15 "voters_at_place = 150, invited = 150, present = 54"
vj
expect_count VC-QUORUM-RES 1
expect_count VC-QUORUM-WORK 0
t_end

t_case "VC-TELLERS: 5 to 15 at voter conferences (2026-2031)"
for n in 5 15; do
	conf residence 2026-02-05 "vote_method = 'hands', tellers = $n"
	vj
	expect_count VC-TELLERS 0
done
for n in 4 16; do
	conf residence 2026-02-05 "vote_method = 'hands', tellers = $n"
	vj
	expect_count VC-TELLERS 1
done
t_end

t_case "VC-TRUST: exactly half of those attending fails, one more vote passes"
conf workplace 2026-01-10 "voters_at_place = 50, invited = 50, present = 50, vote_method = 'hands'" \
	"INSERT INTO vote (conference_id, candidacy_id, trust, distrust, invalid) VALUES (10, 1, 25, 25, 0);"
vj
expect_count VC-TRUST 1
expect_msg VC-TRUST "được 25/50 cử tri tham dự hội nghị cử tri nơi công tác ngày 10/01/2026 tín nhiệm, không quá 1/2 (cần ít nhất 26)"
conf workplace 2026-01-10 "voters_at_place = 50, invited = 50, present = 50, vote_method = 'hands'" \
	"INSERT INTO vote (conference_id, candidacy_id, trust, distrust, invalid) VALUES (10, 1, 26, 24, 0);"
vj
expect_count VC-TRUST 0
t_end

t_case "VC-TRUST: blank and invalid ballots count against; attendees, not valid ballots"
conf workplace 2026-01-10 "voters_at_place = 51, invited = 51, present = 51, vote_method = 'ballot'" \
	"INSERT INTO vote (conference_id, candidacy_id, trust, distrust, invalid) VALUES (10, 1, 25, 20, 6);"
vj
expect_count VC-TRUST 1
t_end

t_case "VC-TRUST: no finding while the nominee is only proposed, or once dropped"
conf workplace 2026-01-10 "present = 50, vote_method = 'hands'" \
	"INSERT INTO vote (conference_id, candidacy_id, trust, distrust, invalid) VALUES (10, 1, 25, 25, 0); UPDATE candidacy SET stage = 'proposed' WHERE id = 1;"
vj
expect_count VC-TRUST 0
conf workplace 2026-01-10 "present = 50, vote_method = 'hands'" \
	"INSERT INTO vote (conference_id, candidacy_id, trust, distrust, invalid) VALUES (10, 1, 25, 25, 0); UPDATE candidacy SET status = 'dropped', drop_reason = 'workplace_trust' WHERE id = 1;"
vj
expect_count VC-TRUST 0
t_end

t_case "VC-TRUST: a later workplace conference that passes replaces the first"
conf workplace 2026-01-10 "present = 50, vote_method = 'hands'" \
	"INSERT INTO vote (conference_id, candidacy_id, trust, distrust, invalid) VALUES (10, 1, 25, 25, 0);
	 INSERT INTO conference (id, kind, body_id, unit_id, held_on, present) VALUES (11, 'workplace', 2, 1, '2026-01-20', 40);
	 INSERT INTO vote (conference_id, candidacy_id, trust, distrust, invalid) VALUES (11, 1, 30, 10, 0);"
vj
expect_count VC-TRUST 0
t_end

t_case "VC-TRUST: more votes than voters attending"
conf residence 2026-02-05 "voters_at_place = 80, invited = 80, present = 60, vote_method = 'hands'" \
	"INSERT INTO vote (conference_id, candidacy_id, trust, distrust, invalid) VALUES (10, 2, 40, 21, 0);"
vj
expect_count VC-TRUST 1
expect_msg VC-TRUST "cộng lại là 61, nhiều hơn 60 cử tri tham dự"
t_end

t_case "VC-BALLOTS: the counting minutes add up"
conf residence 2026-02-05 "voters_at_place = 80, invited = 80, present = 60, ballots_issued = 60, ballots_returned = 58, ballots_valid = 55, ballots_invalid = 3"
vj
expect_count VC-BALLOTS 0
conf residence 2026-02-05 "voters_at_place = 80, invited = 80, present = 60, ballots_issued = 81, ballots_returned = 60, ballots_valid = 57, ballots_invalid = 3"
vj
expect_count VC-BALLOTS 1
expect_msg VC-BALLOTS "81 phiếu phát ra, nhiều hơn tổng số 80 cử tri"
conf residence 2026-02-05 "voters_at_place = 80, invited = 80, present = 60, ballots_issued = 60, ballots_returned = 58, ballots_valid = 55, ballots_invalid = 2"
vj
expect_count VC-BALLOTS 1
t_end

t_case "HT3-TRUST: exactly half at the residence conference keeps a candidate off the round-3 list"
conf residence 2026-02-05 "voters_at_place = 60, invited = 60, present = 60, vote_method = 'hands'" \
	"INSERT INTO vote (conference_id, candidacy_id, trust, distrust, invalid) VALUES (10, 2, 30, 30, 0);"
vj
expect_count HT3-TRUST 1
expect_field HT3-TRUST candidate '"Trần Thị Bình"'
conf residence 2026-02-05 "voters_at_place = 60, invited = 60, present = 60, vote_method = 'hands'" \
	"INSERT INTO vote (conference_id, candidacy_id, trust, distrust, invalid) VALUES (10, 2, 31, 29, 0);"
vj
expect_count HT3-TRUST 0
t_end

t_case "HT3-TRUST: a special case with a blank reason is no special case"
for blank in "''" "'   '"; do
	conf residence 2026-02-05 "present = 60, vote_method = 'hands'" \
		"INSERT INTO vote (conference_id, candidacy_id, trust, distrust, invalid) VALUES (10, 2, 30, 30, 0);
		 UPDATE candidacy SET special_case = 1, special_reason = $blank WHERE id = 2;"
	vj
	expect_count HT3-TRUST 1
done
t_end

t_case "HT3-TRUST: a special case reported with its reason may stay"
conf residence 2026-02-05 "present = 60, vote_method = 'hands'" \
	"INSERT INTO vote (conference_id, candidacy_id, trust, distrust, invalid) VALUES (10, 2, 30, 30, 0);
	 UPDATE candidacy SET special_case = 1, special_reason = 'Cơ cấu đặc biệt, báo cáo hội nghị hiệp thương' WHERE id = 2;"
vj
expect_count HT3-TRUST 0
conf residence 2026-02-05 "present = 60, vote_method = 'hands'" \
	"INSERT INTO vote (conference_id, candidacy_id, trust, distrust, invalid) VALUES (10, 2, 30, 30, 0);
	 UPDATE candidacy SET status = 'dropped', drop_reason = 'residence_trust' WHERE id = 2;"
vj
expect_count HT3-TRUST 0
t_end

# ---- the thôn nomination (commune sample) ----

book xa commune
fixture <<'SQL'
INSERT INTO unit (id, body_id, code, name, kind) VALUES (1, 1, 'DS', 'thôn Đông Sơn', 'thon');
INSERT INTO allocation (unit_id, version, count) VALUES (1, 1, 1);
INSERT INTO person (id, ho, ten_dem, ten, dob, sex, residence, sort_key) VALUES
	(1, 'Hà', 'Văn', 'Bình', '1980-01-01', 'nam', 'xã Tân Hòa Lâm', X''),
	(2, 'Lương', 'Thị', 'Dung', '1985-02-02', 'nu', 'xã Tân Hòa Lâm', X'');
INSERT INTO candidacy (id, person_id, body_id, source, unit_id, stage, status, drop_reason) VALUES
	(1, 1, 1, 'thon', 1, 'nominated', 'active', NULL),
	(2, 2, 1, 'thon', 1, 'proposed', 'dropped', 'not_nominated');
INSERT INTO conference (id, kind, body_id, unit_id, held_on, voters_at_place, invited, present, vote_method, tellers)
VALUES (1, 'thon', 1, 1, '2026-01-15', 120, 120, 60, 'hands', 5);
SQL

t_case "THON-SELECT: more than half of the voters present: 31 of 60 passes, 30 fails"
variant t xa <<'SQL'
INSERT INTO vote (conference_id, candidacy_id, trust, distrust, invalid) VALUES (1, 1, 31, 29, 0), (1, 2, 20, 40, 0);
SQL
vj
expect_ids ""
variant t xa <<'SQL'
INSERT INTO vote (conference_id, candidacy_id, trust, distrust, invalid) VALUES (1, 1, 30, 30, 0), (1, 2, 20, 40, 0);
SQL
vj
expect_ids "THON-SELECT"
expect_msg THON-SELECT "được 30/60 cử tri có mặt tín nhiệm, không quá 1/2 (cần ít nhất 31)"
t_end

t_case "THON-SELECT: taken from the highest vote down"
variant t xa <<'SQL'
INSERT INTO vote (conference_id, candidacy_id, trust, distrust, invalid) VALUES (1, 1, 35, 25, 0), (1, 2, 40, 20, 0);
SQL
vj
expect_ids "THON-SELECT"
expect_msg THON-SELECT "được giới thiệu với 35 phiếu tín nhiệm trong khi 'Lương Thị Dung' được 40 phiếu"
variant t xa <<'SQL'
INSERT INTO vote (conference_id, candidacy_id, trust, distrust, invalid) VALUES (1, 1, 35, 25, 0), (1, 2, 40, 20, 0);
UPDATE candidacy SET drop_reason = 'withdrew' WHERE id = 2;
SQL
vj
expect_ids ""
t_end

t_case "THON-SELECT: a tie re-vote needs no majority"
variant t xa <<'SQL'
INSERT INTO vote (conference_id, candidacy_id, trust, distrust, invalid) VALUES (1, 1, 40, 20, 0), (1, 2, 40, 20, 0);
INSERT INTO conference (id, kind, body_id, unit_id, held_on, voters_at_place, invited, present, vote_method, tellers)
VALUES (2, 'thon', 1, 1, '2026-01-15', 120, 120, 60, 'hands', 5);
INSERT INTO vote (conference_id, candidacy_id, trust, distrust, invalid) VALUES (2, 1, 29, 27, 4), (2, 2, 27, 29, 4);
SQL
vj
expect_ids ""
t_end

t_case "THON-SELECT: no more than the allocation"
variant t xa <<'SQL'
INSERT INTO vote (conference_id, candidacy_id, trust, distrust, invalid) VALUES (1, 1, 40, 20, 0), (1, 2, 35, 25, 0);
UPDATE candidacy SET stage = 'nominated', status = 'active', drop_reason = NULL WHERE id = 2;
SQL
vj
expect_ids "THON-SELECT"
expect_msg THON-SELECT "'thôn Đông Sơn' giới thiệu 2 người, nhiều hơn số được phân bổ (1)"
t_end
