-- broken-province.sql: the province sample book (samples/province: body 1 =
-- qh, 8 seats in units 1-3; body 2 = hdnd-tinh, 50 seats in units 1-12)
-- with violations seeded on purpose, each marked "SEED <RULE-ID>".  All else
-- is lawful, so that `validate` must report exactly these rule ids
-- (t2090-broken.sh).  Election day 15/03/2026; deadlines (2025 law): ht1
-- 10/12/2025, dossier 17:00 01/02/2026, ht2 03/02, verification 08/02, ht3
-- 20/02, send_ht3 22/02, official_list 26/02/2026.
-- Everyone's sort_key is X'' (only the people commands compute keys), so
-- the book orders people of a list by id: ids follow the official order,
-- except where LIST-ORDER is seeded.
PRAGMA foreign_keys = ON;

-- SEED UNIT-NA-SEATS: NA unit 1 elects 4 (unit 3 drops to 1, sum stays 8).
UPDATE constituency SET seats = 4 WHERE body_id = 1 AND number = 1;
UPDATE constituency SET seats = 1 WHERE body_id = 1 AND number = 3;
-- SEED UNIT-HDND-SEATS: council unit 11 elects 6.
-- SEED SEATS-SUM: units 10 and 12 lose one seat each: 49 seats for 50.
UPDATE constituency SET seats = 6 WHERE body_id = 2 AND number = 11;
UPDATE constituency SET seats = 3 WHERE body_id = 2 AND number = 10;
UPDATE constituency SET seats = 4 WHERE body_id = 2 AND number = 12;

INSERT INTO unit (id, body_id, code, name, kind) VALUES
	(1, 1, 'STP', 'Sở Tư pháp tỉnh Hòa Lâm', 'state'),
	(2, 2, 'HLHPN', 'Hội Liên hiệp Phụ nữ tỉnh Hòa Lâm', 'socio_political'),
	(3, 2, 'BCHQS', 'Bộ Chỉ huy Quân sự tỉnh Hòa Lâm', 'armed');
-- SEED ALLOC-SUM: round 1 agreed 30 council nominees; the table adds up to 28.
INSERT INTO allocation (unit_id, version, count, women) VALUES (2, 1, 16, 10), (3, 1, 12, 2);
INSERT INTO allocation_total (body_id, version, total) VALUES (2, 1, 30);

-- The NA official list: 12 people, unit 1 (4 seats) 6, unit 2 (3 seats) 4,
-- unit 3 (1 seat) 2.
-- SEED EXCESS-NA: unit 2 has 4 for 3 seats (needs 5), unit 3 has 2 for 1 (needs 3).
-- SEED HT3-EXCESS-NA: 12 presented to round 3 for 8 seats: surplus 4, not more
--   than 0 + 2 + 2 (unit 1's 4 seats are outside the table).
-- SEED NA-WOMEN: 4 women of 12 (33,33 %).  SEED NA-ETHNIC: 2 of 12 (16,67 %).
-- SEED ELIG-ONEUNIT: Lê Văn Dũng born 1975 (unit 1) and born 01/06/1975 (unit 2).
INSERT INTO person (id, ho, ten_dem, ten, dob, sex, ethnicity, party_date, sort_key) VALUES
	(101, 'Lê', 'Văn', 'Dũng', '1975', 'nam', 'Kinh', '2001-05-19', X''),
	(102, 'Trịnh', 'Thị', 'Hà', '1978-02-03', 'nu', 'Kinh', '2003-02-03', X''),
	(103, 'Hoàng', 'Văn', 'Hùng', '1969-11-30', 'nam', 'Tày', '1995-03-26', X''),
	(104, 'Phan', 'Thị', 'Lan', '1981-07-07', 'nu', 'Kinh', '2006-01-01', X''),
	(105, 'Vũ', 'Đức', 'Minh', '1972-04-12', 'nam', 'Kinh', '1998-09-02', X''),
	(106, 'Cao', 'Văn', 'Nam', '1966-08-19', 'nam', 'Kinh', '1990-12-22', X''),
	(107, 'Lê', 'Văn', 'Dũng', '1975-06-01', 'nam', 'Kinh', '2000-01-01', X''),
	(108, 'Mai', 'Thị', 'Hương', '1983-09-09', 'nu', 'Kinh', '2009-10-10', X''),
	(109, 'Lò', 'Văn', 'Khải', '1977-01-15', 'nam', 'Thái', '2002-06-06', X''),
	(110, 'Đinh', 'Công', 'Phong', '1970-10-10', 'nam', 'Kinh', '1996-07-27', X''),
	(111, 'Tạ', 'Thị', 'Mai', '1985-12-01', 'nu', 'Kinh', '2010-03-03', X''),
	(112, 'Dương', 'Anh', 'Tuấn', '1974-05-05', 'nam', 'Kinh', '1999-05-05', X'');
INSERT INTO candidacy (id, person_id, body_id, source, unit_id, stage, constituency_id)
SELECT p.id, p.id, 1, 'unit', 1, 'official',
	(SELECT id FROM constituency WHERE body_id = 1 AND number =
		CASE WHEN p.id <= 106 THEN 1 WHEN p.id <= 110 THEN 2 ELSE 3 END)
FROM person p WHERE p.id BETWEEN 101 AND 112;

-- The council's official list: 10 people, units 1-9 (unit 1 has two).
-- SEED EXCESS-HDND: every unit with a table row is short (11 units; unit 11's 6 seats has none).
-- SEED HT2-EXCESS: 10 submitted to round 2 for 50 seats.
-- SEED HT3-EXCESS-HDND: 10 presented to round 3 for 50 seats.
-- SEED HDND-WOMEN: 3 of 10.  SEED HDND-NONPARTY: nobody outside the Party.
-- SEED HDND-YOUNG: 1 of 10 under 40.  SEED HDND-REELECT: nobody re-elected.
-- SEED LIST-ORDER: in unit 1, Trần Văn Thắng (201) comes before Nguyễn Thị Hoa (202).
-- SEED ELIG-AGE: 203 is 20 on election day.  SEED ELIG-NAT: 204 has two nationalities.
-- SEED ELIG-HDND-LOC: 205 lives and works in another province.
-- SEED ELIG-DOSSIER: 206's dossier came at 17:30 on the last day.
INSERT INTO person (id, ho, ten_dem, ten, dob, sex, nationality, residence, workplace, party_date, sort_key) VALUES
	(201, 'Trần', 'Văn', 'Thắng', '1970-01-01', 'nam', NULL, 'xã An Phú, tỉnh Hòa Lâm', NULL, '1995-01-01', X''),
	(202, 'Nguyễn', 'Thị', 'Hoa', '1976-03-08', 'nu', NULL, 'xã Bình Lâm, tỉnh Hòa Lâm', NULL, '2000-01-01', X''),
	(203, 'Phạm', 'Văn', 'An', '2005-03-16', 'nam', NULL, 'phường Cẩm Giang, tỉnh Hòa Lâm', NULL, '2024-01-01', X''),
	(204, 'Lê', 'Thị', 'Bích', '1980-06-06', 'nu', 'Việt Nam, Hoa Kỳ', 'xã Đông Hòa, tỉnh Hòa Lâm', NULL, '2005-01-01', X''),
	(205, 'Hoàng', 'Văn', 'Cường', '1971-02-02', 'nam', NULL, 'phường Bến Thành, Thành phố Hồ Chí Minh',
		'Công ty Cổ phần Sao Mai, Thành phố Hồ Chí Minh', '1996-01-01', X''),
	(206, 'Vũ', 'Văn', 'Dũng', '1968-04-04', 'nam', NULL, NULL, 'Sở Xây dựng tỉnh Hòa Lâm', '1992-01-01', X''),
	(207, 'Đặng', 'Thị', 'Giang', '1979-09-02', 'nu', NULL, 'xã Hòa Bắc, tỉnh Hòa Lâm', NULL, '2004-01-01', X''),
	(208, 'Bùi', 'Văn', 'Hải', '1973-12-12', 'nam', NULL, 'xã Khánh Thượng, Hòa Lâm', NULL, '1998-01-01', X''),
	(209, 'Đỗ', 'Văn', 'Khánh', '1975-05-05', 'nam', NULL, 'phường Lam Hồng, tỉnh Hòa Lâm', NULL, '2000-01-01', X''),
	(210, 'Ngô', 'Văn', 'Long', '1977-07-07', 'nam', NULL, 'xã Mỹ Lộc Tây, tỉnh Hòa Lâm', NULL, '2001-01-01', X'');
INSERT INTO candidacy (id, person_id, body_id, source, unit_id, stage, constituency_id, dossier_at)
SELECT p.id, p.id, 2, CASE WHEN p.id IN (201, 205) THEN 'self' WHEN p.id = 208 THEN 'unit' ELSE 'unit' END,
	CASE WHEN p.id IN (201, 205) THEN NULL WHEN p.id = 208 THEN 3 ELSE 2 END, 'official',
	(SELECT id FROM constituency WHERE body_id = 2 AND number = max(p.id - 201, 1)),
	CASE p.id WHEN 206 THEN '2026-02-01 17:30' ELSE '2026-01-20 09:00' END
FROM person p WHERE p.id BETWEEN 201 AND 210;

-- Consultation rounds.
-- SEED HT-TELLERS: the NA round 2 voted with 4 tellers.
-- SEED HT-VOTERS: 25 votes were counted for Vũ Đức Minh with 20 members present.
-- SEED HT-WINDOW: the NA round 3 met on 21/02/2026.
INSERT INTO conference (id, kind, body_id, held_on, present, vote_method, tellers) VALUES
	(1, 'ht1', 1, '2025-12-05', 30, NULL, NULL),
	(2, 'ht2', 1, '2026-02-02', 20, 'ballot', 4),
	(3, 'ht3', 1, '2026-02-21', 30, NULL, NULL),
	(4, 'ht1', 2, '2025-12-05', 35, NULL, NULL),
	(5, 'ht2', 2, '2026-02-03', 35, NULL, NULL),
	(6, 'ht3', 2, '2026-02-18', 35, NULL, NULL);
INSERT INTO vote (conference_id, candidacy_id, trust, distrust, invalid) VALUES (2, 105, 18, 5, 2);

-- Voter conferences of the council's candidates.
-- SEED VC-QUORUM-WORK: 39 of 60 convened (needs 40).
-- SEED VC-TRUST: Bùi Văn Hải had 25 of 50 at his workplace and was nominated.
-- SEED LEAD-TELLERS: 6 tellers at the expanded leadership conference.
-- SEED HT-ORDER: a residence conference on 01/02/2026, before round 2.
-- SEED VC-QUORUM-RES: 39 of 80 convened (needs 40).
-- SEED VC-TELLERS: 3 tellers.
-- SEED HT3-TRUST: Đặng Thị Giang had 30 of 60 at her residence, no special case.
-- SEED VC-BALLOTS: 55 valid + 4 invalid for 60 returned.
INSERT INTO conference (id, kind, body_id, unit_id, held_on, voters_at_place, invited, present, vote_method, tellers,
	ballots_issued, ballots_returned, ballots_valid, ballots_invalid) VALUES
	(10, 'workplace', 2, 2, '2026-01-10', 60, 60, 39, 'hands', 5, NULL, NULL, NULL, NULL),
	(11, 'workplace', 2, 3, '2026-01-12', 50, 50, 50, 'hands', 5, NULL, NULL, NULL, NULL),
	(12, 'expanded_leadership', 2, 3, '2026-01-14', NULL, 15, 15, 'hands', 6, NULL, NULL, NULL, NULL),
	(13, 'residence', 2, NULL, '2026-02-01', 80, 80, 60, 'hands', 5, NULL, NULL, NULL, NULL),
	(14, 'residence', 2, NULL, '2026-02-05', 80, 80, 39, 'hands', 5, NULL, NULL, NULL, NULL),
	(15, 'residence', 2, NULL, '2026-02-06', 80, 80, 60, 'hands', 3, NULL, NULL, NULL, NULL),
	(16, 'residence', 2, NULL, '2026-02-07', 80, 80, 60, 'ballot', 7, 60, 60, 55, 4);
INSERT INTO vote (conference_id, candidacy_id, trust, distrust, invalid) VALUES
	(10, 209, 30, 9, 0),
	(11, 208, 25, 25, 0),
	(13, 210, 55, 5, 0),
	(14, 201, 30, 9, 0),
	(15, 207, 30, 30, 0),
	(16, 203, 50, 5, 4);

-- SEED VERIFY-DEADLINE: an issue about Đỗ Văn Khánh answered on 10/02/2026.
INSERT INTO voter_issue (candidacy_id, conference_id, text, answer_date) VALUES
	(209, 10, 'Xác minh việc kê khai tài sản', '2026-02-10');
-- SEED HT3-SEND: the council's round-3 minutes went out on 23/02/2026.
-- SEED LIST-DEADLINE: the NA official list was published on 27/02/2026.
INSERT INTO body_event (body_id, event, on_date) VALUES
	(1, 'round3_sent', '2026-02-22'),
	(2, 'round3_sent', '2026-02-23'),
	(1, 'official_list', '2026-02-27'),
	(2, 'official_list', '2026-02-26');
