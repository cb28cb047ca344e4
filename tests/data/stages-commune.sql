-- Candidacies for the stage tests, on a book made from samples/commune
-- (body 1 = hdnd-xa).  Invented people.  Until the import commands were
-- available the stage tests started from this fixture; sort keys are
-- placeholders (the tests do not check list order).
INSERT INTO unit(body_id, code, name, kind) VALUES
	(1, 'THON-DS', 'thôn Đông Sơn', 'thon'),
	(1, 'THON-DOAI', 'thôn Đoài Sơn', 'thon'),
	(1, 'UBND', 'Ủy ban nhân dân xã', 'state');
INSERT INTO allocation(unit_id, version, count) VALUES (1, 1, 2), (2, 1, 1), (3, 1, 2);
INSERT INTO person(id, ho, ten_dem, ten, dob, sex, sort_key) VALUES
	(1, 'Nguyễn', 'Văn', 'An', '1970-01-01', 'nam', x'01'),
	(2, 'Trần', 'Thị', 'Bình', '1980-02-02', 'nu', x'02'),
	(3, 'Lê', 'Văn', 'Cường', '1975-03-03', 'nam', x'03'),
	(4, 'Phạm', 'Thị', 'Dung', '1985-04-04', 'nu', x'04'),
	(5, 'Hoàng', 'Văn', 'Em', '1990-05-05', 'nam', x'05'),
	(6, 'Vũ', 'Thị', 'Giang', '1988-06-06', 'nu', x'06'),
	(7, 'Đặng', 'Văn', 'Hải', '1979-07-07', 'nam', x'07'),
	(8, 'Bùi', 'Thị', 'Hoa', '1982-08-08', 'nu', x'08'),
	(9, 'Ngô', 'Văn', 'Hoa', '1983-09-09', 'nam', x'09'),
	(10, 'Ngô', 'Văn', 'Hoa', '1991-10-10', 'nam', x'0a'),
	(11, 'Lý', 'Thị', 'Kim', '1987-11-11', 'nu', x'0b');
-- 1-3: proposed by thôn Đông Sơn (allocation 2); 4: proposed by the People's
-- Committee (workplace step); 5-10: nominated (self-nominees and unit
-- nominees already through their unit's steps).
INSERT INTO candidacy(id, person_id, body_id, source, unit_id, stage) VALUES
	(1, 1, 1, 'thon', 1, 'proposed'),
	(2, 2, 1, 'thon', 1, 'proposed'),
	(3, 3, 1, 'thon', 1, 'proposed'),
	(4, 4, 1, 'unit', 3, 'proposed'),
	(5, 5, 1, 'self', NULL, 'nominated'),
	(6, 6, 1, 'unit', 3, 'nominated'),
	(7, 7, 1, 'unit', 3, 'nominated'),
	(8, 8, 1, 'self', NULL, 'nominated'),
	(9, 9, 1, 'self', NULL, 'nominated'),
	(10, 10, 1, 'self', NULL, 'nominated'),
	(11, 11, 1, 'unit', 3, 'nominated');
