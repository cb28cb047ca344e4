-- broken-levels.sql: a book of three-bodies.yaml (body 1 = qh, 2 =
-- hdnd-tinh, 3 = hdnd-xa) where one person stands for the NA and for
-- both councils, marked "SEED <RULE-ID>" (t2090-broken.sh).  Another
-- person stands for both councils only, which the law allows.
PRAGMA foreign_keys = ON;

INSERT INTO person (id, ho, ten_dem, ten, dob, sex, residence, sort_key) VALUES
	(1, 'Nông', 'Văn', 'Cao', '1970-01-01', 'nam', 'xã An Phú, tỉnh Hòa Lâm', X''),
	(2, 'Hà', 'Thị', 'Yến', '1982-01-01', 'nu', 'xã An Phú, tỉnh Hòa Lâm', X'');
-- SEED ELIG-LEVELS: Nông Văn Cao stands for the NA and two councils (one allowed).
INSERT INTO candidacy (person_id, body_id, source, stage) VALUES
	(1, 1, 'self', 'nominated'),
	(1, 2, 'self', 'nominated'),
	(1, 3, 'self', 'nominated'),
	(2, 2, 'self', 'nominated'),
	(2, 3, 'self', 'nominated');
