-- broken-commune.sql: the commune sample book (samples/commune: body 1 =
-- hdnd-xa, 20 seats) with the thôn nomination rule broken, marked
-- "SEED <RULE-ID>" (t2090-broken.sh).  Nothing else is wrong.
PRAGMA foreign_keys = ON;

INSERT INTO unit (id, body_id, code, name, kind) VALUES
	(1, 1, 'DS', 'thôn Đông Sơn', 'thon'),
	(2, 1, 'TH', 'thôn Thượng Hòa', 'thon');
INSERT INTO allocation (unit_id, version, count) VALUES (1, 1, 1), (2, 1, 1);

INSERT INTO person (id, ho, ten_dem, ten, dob, sex, residence, sort_key) VALUES
	(1, 'Hà', 'Văn', 'Bình', '1980-01-01', 'nam', 'thôn Đông Sơn, xã Tân Hòa Lâm', X''),
	(2, 'Lương', 'Thị', 'Dung', '1985-02-02', 'nu', 'thôn Đông Sơn, xã Tân Hòa Lâm', X''),
	(3, 'Trần', 'Văn', 'Hậu', '1979-03-03', 'nam', 'thôn Thượng Hòa, xã Tân Hòa Lâm', X''),
	(4, 'Vi', 'Thị', 'Lan', '1990-04-04', 'nu', 'thôn Thượng Hòa, xã Tân Hòa Lâm', X'');
-- SEED THON-SELECT: thôn Đông Sơn nominated Hà Văn Bình with 30 of 60 voters present.
-- SEED THON-SELECT: thôn Thượng Hòa nominated both of its people for an allocation of 1.
INSERT INTO candidacy (id, person_id, body_id, source, unit_id, stage, status, drop_reason) VALUES
	(1, 1, 1, 'thon', 1, 'nominated', 'active', NULL),
	(2, 2, 1, 'thon', 1, 'proposed', 'dropped', 'not_nominated'),
	(3, 3, 1, 'thon', 2, 'nominated', 'active', NULL),
	(4, 4, 1, 'thon', 2, 'nominated', 'active', NULL);
INSERT INTO conference (id, kind, body_id, unit_id, held_on, voters_at_place, invited, present, vote_method, tellers)
VALUES
	(1, 'thon', 1, 1, '2026-01-15', 120, 120, 60, 'hands', 5),
	(2, 'thon', 1, 2, '2026-01-16', 90, 90, 70, 'hands', 5);
INSERT INTO vote (conference_id, candidacy_id, trust, distrust) VALUES
	(1, 1, 30, 30),
	(1, 2, 20, 40),
	(2, 3, 50, 20),
	(2, 4, 40, 30);
