-- people.sql - the invented people of the export fixtures (tests/data/README.md).
-- sort_key is vi_person_key(NULL, ho, ten_dem, ten, dob) in hex; test_fixture_keys
-- recomputes every key and prints the right one for a changed row.
BEGIN;
INSERT INTO person (id, ho, ten_dem, ten, dob, sex, nationality, ethnicity, religion, hometown, residence,
	edu_general, edu_professional, edu_degree, edu_political, edu_language, occupation, workplace,
	party_date, na_member, hdnd_member, sort_key) VALUES
	(1, 'Vũ', 'Đức', 'Anh', '1975-03-12', 'nam', 'Chỉ có 01 quốc tịch là quốc tịch Việt Nam và không trong thời gian thực hiện thủ tục xin gia nhập quốc tịch quốc gia khác', 'Kinh', 'Không', 'xã An Phú, tỉnh Hòa Lâm', 'phường Cẩm Giang, tỉnh Hòa Lâm',
	'12/12', 'Cử nhân Luật', 'Thạc sĩ Luật học', 'Cao cấp', 'Anh B1', 'Phó Bí thư Tỉnh ủy', 'Tỉnh ủy Hòa Lâm',
	'1998-05-19', 'XV', 'Khóa X', X'200031002B00003C003A030026003B04240000313937352D30332D313200');
INSERT INTO person (id, ho, ten_dem, ten, dob, sex, nationality, ethnicity, religion, hometown, residence,
	edu_general, edu_professional, edu_degree, edu_political, edu_language, occupation, workplace,
	party_date, na_member, hdnd_member, sort_key) VALUES
	(2, 'Trần', 'Minh', 'Hoan', '1979-08-01', 'nam', 'Chỉ có 01 quốc tịch là quốc tịch Việt Nam và không trong thời gian thực hiện thủ tục xin gia nhập quốc tịch quốc gia khác', 'Kinh', 'Không', 'xã Bình Lâm, tỉnh Hòa Lâm', 'xã An Phú, tỉnh Hòa Lâm',
	'12/12', 'Kỹ sư Xây dựng', NULL, 'Cao cấp', 'Anh B2', 'Phó Chủ tịch Ủy ban nhân dân tỉnh', 'Ủy ban nhân dân tỉnh Hòa Lâm',
	'2003-02-03', NULL, 'Khóa X', X'2B003200200031000039003700220131000030002C0031002B0000313937392D30382D303100');
INSERT INTO person (id, ho, ten_dem, ten, dob, sex, nationality, ethnicity, religion, hometown, residence,
	edu_general, edu_professional, edu_degree, edu_political, edu_language, occupation, workplace,
	party_date, na_member, hdnd_member, sort_key) VALUES
	(3, 'Lê', 'Văn', 'Hòa', '1983-11-20', 'nam', 'Chỉ có 01 quốc tịch là quốc tịch Việt Nam và không trong thời gian thực hiện thủ tục xin gia nhập quốc tịch quốc gia khác', 'Kinh', 'Phật giáo', 'xã Đông Hòa, tỉnh Hòa Lâm', 'xã Đông Hòa, tỉnh Hòa Lâm',
	'12/12', 'Cử nhân Kinh tế', NULL, 'Trung cấp', 'Anh B1', 'Giám đốc Sở Tài chính', 'Sở Tài chính tỉnh Hòa Lâm',
	'2008-09-02', NULL, NULL, X'2B0032012000002F002800003C002100310000313938332D31312D323000');
INSERT INTO person (id, ho, ten_dem, ten, dob, sex, nationality, ethnicity, religion, hometown, residence,
	edu_general, edu_professional, edu_degree, edu_political, edu_language, occupation, workplace,
	party_date, na_member, hdnd_member, sort_key) VALUES
	(4, 'Đỗ', 'Thị', 'Thanh', '1990-04-30', 'nu', 'Chỉ có 01 quốc tịch là quốc tịch Việt Nam và không trong thời gian thực hiện thủ tục xin gia nhập quốc tịch quốc gia khác', 'Kinh', 'Không', 'phường Gia Viên, tỉnh Hòa Lâm', 'phường Gia Viên, tỉnh Hòa Lâm',
	'12/12', 'Cử nhân Sư phạm Ngữ văn', 'Thạc sĩ Văn học', 'Trung cấp', 'Anh B2', 'Phó Chủ tịch Hội Liên hiệp Phụ nữ tỉnh', 'Hội Liên hiệp Phụ nữ tỉnh Hòa Lâm',
	'2014-06-10', NULL, NULL, X'39002B00200031002B0000260033030039002B002C0500313939302D30342D333000');
INSERT INTO person (id, ho, ten_dem, ten, dob, sex, nationality, ethnicity, religion, hometown, residence,
	edu_general, edu_professional, edu_degree, edu_political, edu_language, occupation, workplace,
	party_date, na_member, hdnd_member, sort_key) VALUES
	(5, 'Phạm', 'Văn', 'Thái', '1972-01-15', 'nam', 'Chỉ có 01 quốc tịch là quốc tịch Việt Nam và không trong thời gian thực hiện thủ tục xin gia nhập quốc tịch quốc gia khác', 'Kinh', 'Công giáo', 'xã Hạ Long Sơn, tỉnh Hòa Lâm', 'xã Hòa Bắc, tỉnh Hòa Lâm',
	'12/12', 'Bác sĩ Đa khoa', NULL, NULL, 'Anh C', 'Giám đốc Bệnh viện Đa khoa tỉnh', 'Bệnh viện Đa khoa tỉnh Hòa Lâm',
	NULL, NULL, NULL, X'39002B0020042C000035002B0020053000003C002100310000313937322D30312D313500');
INSERT INTO person (id, ho, ten_dem, ten, dob, sex, nationality, ethnicity, religion, hometown, residence,
	edu_general, edu_professional, edu_degree, edu_political, edu_language, occupation, workplace,
	party_date, na_member, hdnd_member, sort_key) VALUES
	(6, 'Nguyễn', 'Văn', 'Dũng', '1976-07-07', 'nam', 'Chỉ có 01 quốc tịch là quốc tịch Việt Nam và không trong thời gian thực hiện thủ tục xin gia nhập quốc tịch quốc gia khác', 'Kinh', 'Không', 'phường Lam Hồng, tỉnh Hòa Lâm', 'phường Lam Hồng, tỉnh Hòa Lâm',
	'12/12', 'Cử nhân Khoa học quân sự', NULL, 'Cao cấp', 'Anh B1', 'Đại tá, Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh', 'Bộ Chỉ huy Quân sự tỉnh Hòa Lâm',
	'1996-12-22', NULL, NULL, X'25003A0331002A000031002A003A003F0028033100003C002100310000313937362D30372D303700');
INSERT INTO person (id, ho, ten_dem, ten, dob, sex, nationality, ethnicity, religion, hometown, residence,
	edu_general, edu_professional, edu_degree, edu_political, edu_language, occupation, workplace,
	party_date, na_member, hdnd_member, sort_key) VALUES
	(7, 'Trịnh', 'Văn', 'Đạt', '1985-02-28', 'nam', 'Chỉ có 01 quốc tịch là quốc tịch Việt Nam và không trong thời gian thực hiện thủ tục xin gia nhập quốc tịch quốc gia khác', 'Kinh', 'Không', 'xã Mỹ Lộc Tây, tỉnh Hòa Lâm', 'xã Nghĩa Trung, tỉnh Hòa Lâm',
	'12/12', 'Kỹ sư Nông nghiệp', 'Tiến sĩ Nông học', 'Trung cấp', 'Anh C1', 'Phó Giám đốc Sở Nông nghiệp và Môi trường', 'Sở Nông nghiệp và Môi trường tỉnh Hòa Lâm',
	'2010-03-26', NULL, NULL, X'26002005390000390037002C0531002B00003C002100310000313938352D30322D323800');
INSERT INTO person (id, ho, ten_dem, ten, dob, sex, nationality, ethnicity, religion, hometown, residence,
	edu_general, edu_professional, edu_degree, edu_political, edu_language, occupation, workplace,
	party_date, na_member, hdnd_member, sort_key) VALUES
	(8, 'Lý', 'Thị', 'Hằng', '1988-09-09', 'nu', 'Chỉ có 01 quốc tịch là quốc tịch Việt Nam và không trong thời gian thực hiện thủ tục xin gia nhập quốc tịch quốc gia khác', 'Kinh', 'Không', 'phường Phú Xuân Nam, tỉnh Hòa Lâm', 'phường Tân An, tỉnh Hòa Lâm',
	'12/12', 'Cử nhân Hóa học', 'Tiến sĩ Hóa học', 'Trung cấp', 'Anh C1', 'Giảng viên, Trưởng khoa Hóa', 'Trường Đại học Hòa Lâm',
	'2015-05-01', NULL, NULL, X'2B00210131002A00002F003F040039002B002C0500313938382D30392D303900');
INSERT INTO person (id, ho, ten_dem, ten, dob, sex, nationality, ethnicity, religion, hometown, residence,
	edu_general, edu_professional, edu_degree, edu_political, edu_language, occupation, workplace,
	party_date, na_member, hdnd_member, sort_key) VALUES
	(9, 'Đinh', 'Thị', 'Hạnh', '1992-12-01', 'nu', 'Chỉ có 01 quốc tịch là quốc tịch Việt Nam và không trong thời gian thực hiện thủ tục xin gia nhập quốc tịch quốc gia khác', 'Mường', 'Không', 'xã Quảng Tiến, tỉnh Hòa Lâm', 'xã Quảng Tiến, tỉnh Hòa Lâm',
	'12/12', 'Cử nhân Công tác xã hội', NULL, 'Sơ cấp', 'Anh B1', 'Bí thư Tỉnh đoàn', 'Tỉnh đoàn Hòa Lâm',
	'2016-08-15', NULL, NULL, X'2B00200531002B000026002C0031002B000039002B002C0500313939322D31322D303100');
INSERT INTO person (id, ho, ten_dem, ten, dob, sex, nationality, ethnicity, religion, hometown, residence,
	edu_general, edu_professional, edu_degree, edu_political, edu_language, occupation, workplace,
	party_date, na_member, hdnd_member, sort_key) VALUES
	(10, 'Mai', 'Văn', 'Tuấn', '1969-10-10', 'nam', 'Chỉ có 01 quốc tịch là quốc tịch Việt Nam và không trong thời gian thực hiện thủ tục xin gia nhập quốc tịch quốc gia khác', 'Kinh', 'Không', 'xã Sơn Thủy, tỉnh Hòa Lâm', 'xã Sơn Thủy, tỉnh Hòa Lâm',
	'12/12', 'Cử nhân Luật', NULL, 'Cao cấp', NULL, 'Chánh án Tòa án nhân dân tỉnh', 'Tòa án nhân dân tỉnh Hòa Lâm',
	'1994-04-04', 'XV', NULL, X'39003A002204310000300020002C00003C002100310000313936392D31302D313000');
INSERT INTO person (id, ho, ten_dem, ten, dob, sex, nationality, ethnicity, religion, hometown, residence,
	edu_general, edu_professional, edu_degree, edu_political, edu_language, occupation, workplace,
	party_date, na_member, hdnd_member, sort_key) VALUES
	(11, 'Nguyễn', 'Thị', 'Mai', '1987-06-06', 'nu', 'Chỉ có 01 quốc tịch là quốc tịch Việt Nam và không trong thời gian thực hiện thủ tục xin gia nhập quốc tịch quốc gia khác', 'Kinh', 'Không', 'xã Thạch Bàn, tỉnh Hòa Lâm', 'xã Thạch Bàn, tỉnh Hòa Lâm',
	'12/12', 'Cử nhân Kế toán', NULL, 'Trung cấp', 'Anh B1', 'Phó Trưởng ban Ban Dân vận Tỉnh ủy', 'Tỉnh ủy Hòa Lâm',
	'2012-11-11', NULL, NULL, X'300020002C000031002A003A003F00280331000039002B002C0500313938372D30362D303600');
INSERT INTO person (id, ho, ten_dem, ten, dob, sex, nationality, ethnicity, religion, hometown, residence,
	edu_general, edu_professional, edu_degree, edu_political, edu_language, occupation, workplace,
	party_date, na_member, hdnd_member, sort_key) VALUES
	(12, 'Trần', 'Thị', 'Mai', '1991-03-03', 'nu', 'Chỉ có 01 quốc tịch là quốc tịch Việt Nam và không trong thời gian thực hiện thủ tục xin gia nhập quốc tịch quốc gia khác', 'Kinh', 'Không', 'xã Trung Lương, tỉnh Hòa Lâm', 'phường Văn Lâm, tỉnh Hòa Lâm',
	'12/12', 'Kỹ sư Công nghệ thông tin', NULL, NULL, 'Anh B2', 'Giám đốc Công ty TNHH Phần mềm Văn Lâm', 'Công ty TNHH Phần mềm Văn Lâm',
	NULL, NULL, NULL, X'300020002C000039003700220131000039002B002C0500313939312D30332D303300');
INSERT INTO person (id, ho, ten_dem, ten, dob, sex, nationality, ethnicity, religion, hometown, residence,
	edu_general, edu_professional, edu_degree, edu_political, edu_language, occupation, workplace,
	party_date, na_member, hdnd_member, sort_key) VALUES
	(13, 'Hà', 'Văn', 'Nam', '1982-05-05', 'nam', 'Chỉ có 01 quốc tịch là quốc tịch Việt Nam và không trong thời gian thực hiện thủ tục xin gia nhập quốc tịch quốc gia khác', 'Tày', 'Không', 'xã Xuân Trường Đông, tỉnh Hòa Lâm', 'xã Yên Thành Bắc, tỉnh Hòa Lâm',
	'12/12', 'Cử nhân Sử học', 'Phó Giáo sư, Tiến sĩ Lịch sử', 'Cao cấp', 'Anh C1', 'Phó Hiệu trưởng', 'Trường Đại học Hòa Lâm',
	'2007-07-27', NULL, NULL, X'310020003000002B002001003C002100310000313938322D30352D303500');
INSERT INTO person (id, ho, ten_dem, ten, dob, sex, nationality, ethnicity, religion, hometown, residence,
	edu_general, edu_professional, edu_degree, edu_political, edu_language, occupation, workplace,
	party_date, na_member, hdnd_member, sort_key) VALUES
	(14, 'Lò', 'Văn', 'Pấng', '1989-08-18', 'nam', 'Chỉ có 01 quốc tịch là quốc tịch Việt Nam và không trong thời gian thực hiện thủ tục xin gia nhập quốc tịch quốc gia khác', 'Thái', 'Không', 'xã Ea Kla, tỉnh Hòa Lâm', 'xã Ea Kla, tỉnh Hòa Lâm',
	'12/12', 'Cử nhân Nông học', NULL, 'Sơ cấp', NULL, 'Chủ tịch Ủy ban nhân dân xã Ea Kla', 'Ủy ban nhân dân xã Ea Kla',
	'2013-01-09', NULL, NULL, X'3500220431002A00002F003201003C002100310000313938392D30382D313800');
INSERT INTO person (id, ho, ten_dem, ten, dob, sex, nationality, ethnicity, religion, hometown, residence,
	edu_general, edu_professional, edu_degree, edu_political, edu_language, occupation, workplace,
	party_date, na_member, hdnd_member, sort_key) VALUES
	(15, 'Cao', 'Văn', 'Bình', '1970-02-02', 'nam', 'Chỉ có 01 quốc tịch là quốc tịch Việt Nam và không trong thời gian thực hiện thủ tục xin gia nhập quốc tịch quốc gia khác', 'Kinh', 'Không', 'xã An Phú, tỉnh Hòa Lâm', 'xã An Phú, tỉnh Hòa Lâm',
	'12/12', 'Cử nhân Quản trị kinh doanh', NULL, NULL, NULL, 'Giám đốc Hợp tác xã An Phú', 'Hợp tác xã An Phú',
	NULL, NULL, NULL, X'23002C0131002B0000240020003200003C002100310000313937302D30322D303200');
INSERT INTO person (id, ho, ten_dem, ten, dob, sex, nationality, ethnicity, religion, hometown, residence,
	edu_general, edu_professional, edu_degree, edu_political, edu_language, occupation, workplace,
	party_date, na_member, hdnd_member, sort_key) VALUES
	(16, 'Tạ', 'Thị', 'Yến', '1995-09-25', 'nu', 'Chỉ có 01 quốc tịch là quốc tịch Việt Nam và không trong thời gian thực hiện thủ tục xin gia nhập quốc tịch quốc gia khác', 'Kinh', 'Không', 'phường Cẩm Giang, tỉnh Hòa Lâm', 'phường Cẩm Giang, tỉnh Hòa Lâm',
	'12/12', 'Cử nhân Báo chí', NULL, NULL, 'Anh B1', 'Phóng viên', 'Báo Hòa Lâm',
	NULL, NULL, NULL, X'3F002804310000390020050039002B002C0500313939352D30392D323500');
INSERT INTO person (id, ho, ten_dem, ten, dob, sex, nationality, ethnicity, religion, hometown, residence,
	edu_general, edu_professional, edu_degree, edu_political, edu_language, occupation, workplace,
	party_date, na_member, hdnd_member, sort_key) VALUES
	(17, 'Phan', 'Thị', 'Lan', '1986-04-04', 'nu', 'Chỉ có 01 quốc tịch là quốc tịch Việt Nam và không trong thời gian thực hiện thủ tục xin gia nhập quốc tịch quốc gia khác', 'Kinh', 'Không', 'xã An Phú, tỉnh Hòa Lâm', 'xã An Phú, tỉnh Hòa Lâm',
	'12/12', 'Cử nhân Luật', NULL, 'Trung cấp', 'Anh B1', 'Phó Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Hòa Lâm',
	'2009-10-20', NULL, 'Khóa X', X'2F00200031000035002B00200031000039002B002C0500313938362D30342D303400');
INSERT INTO person (id, ho, ten_dem, ten, dob, sex, nationality, ethnicity, religion, hometown, residence,
	edu_general, edu_professional, edu_degree, edu_political, edu_language, occupation, workplace,
	party_date, na_member, hdnd_member, sort_key) VALUES
	(18, 'Võ', 'Văn', 'Khánh', '1978-12-12', 'nam', 'Chỉ có 01 quốc tịch là quốc tịch Việt Nam và không trong thời gian thực hiện thủ tục xin gia nhập quốc tịch quốc gia khác', 'Kinh', 'Không', 'xã Bình Lâm, tỉnh Hòa Lâm', 'xã Bình Lâm, tỉnh Hòa Lâm',
	'12/12', 'Kỹ sư Thủy lợi', 'Thạc sĩ Kỹ thuật', 'Cao cấp', 'Anh B1', 'Giám đốc Sở Xây dựng', 'Sở Xây dựng tỉnh Hòa Lâm',
	'2001-06-30', NULL, 'Khóa X', X'2E002B00200431002B00003C003203003C002100310000313937382D31322D313200');
INSERT INTO person (id, ho, ten_dem, ten, dob, sex, nationality, ethnicity, religion, hometown, residence,
	edu_general, edu_professional, edu_degree, edu_political, edu_language, occupation, workplace,
	party_date, na_member, hdnd_member, sort_key) VALUES
	(19, 'Đặng', 'Thị', 'Ngọc', '1993-01-20', 'nu', 'Chỉ có 01 quốc tịch là quốc tịch Việt Nam và không trong thời gian thực hiện thủ tục xin gia nhập quốc tịch quốc gia khác', 'Ê Đê', 'Tin lành', 'xã Ea Kla, tỉnh Hòa Lâm', 'xã An Phú, tỉnh Hòa Lâm',
	'12/12', 'Cử nhân Sư phạm', NULL, NULL, 'Anh B1', 'Giáo viên', 'Trường Trung học phổ thông An Phú',
	NULL, NULL, NULL, X'31002A0032052400002600210531002A000039002B002C0500313939332D30312D323000');
INSERT INTO person (id, ho, ten_dem, ten, dob, sex, nationality, ethnicity, religion, hometown, residence,
	edu_general, edu_professional, edu_degree, edu_political, edu_language, occupation, workplace,
	party_date, na_member, hdnd_member, sort_key) VALUES
	(20, 'Lưu', 'Văn', 'Sơn', '1981-07-15', 'nam', 'Chỉ có 01 quốc tịch là quốc tịch Việt Nam và không trong thời gian thực hiện thủ tục xin gia nhập quốc tịch quốc gia khác', 'Kinh', 'Không', 'xã Bình Lâm, tỉnh Hòa Lâm', 'xã Bình Lâm, tỉnh Hòa Lâm',
	'12/12', 'Cử nhân Kinh tế', NULL, 'Cao cấp', 'Anh B1', 'Bí thư Đảng ủy xã Bình Lâm', 'Đảng ủy xã Bình Lâm',
	'2005-03-03', NULL, NULL, X'380034003100002F003B003A00003C002100310000313938312D30372D313500');
INSERT INTO person (id, ho, ten_dem, ten, dob, sex, nationality, ethnicity, religion, hometown, residence,
	edu_general, edu_professional, edu_degree, edu_political, edu_language, occupation, workplace,
	party_date, na_member, hdnd_member, sort_key) VALUES
	(21, 'Kiều', 'Thị', 'Xuân', '1984-11-11', 'nu', 'Chỉ có 01 quốc tịch là quốc tịch Việt Nam và không trong thời gian thực hiện thủ tục xin gia nhập quốc tịch quốc gia khác', 'Kinh', 'Không', 'xã An Phú, tỉnh Hòa Lâm', 'xã An Phú, tỉnh Hòa Lâm',
	'12/12', 'Bác sĩ Y học cổ truyền', NULL, 'Trung cấp', NULL, 'Trưởng Trạm Y tế xã An Phú', 'Trạm Y tế xã An Phú',
	'2011-09-09', NULL, NULL, X'3E003A0022003100002E002C0028013A000039002B002C0500313938342D31312D313100');
INSERT INTO person (id, ho, ten_dem, ten, dob, sex, nationality, ethnicity, religion, hometown, residence,
	edu_general, edu_professional, edu_degree, edu_political, edu_language, occupation, workplace,
	party_date, na_member, hdnd_member, sort_key) VALUES
	(22, 'Âu', 'Văn', 'Phúc', '1977-05-20', 'nam', 'Chỉ có 01 quốc tịch là quốc tịch Việt Nam và không trong thời gian thực hiện thủ tục xin gia nhập quốc tịch quốc gia khác', 'Kinh', 'Không', 'xã Bình Lâm, tỉnh Hòa Lâm', 'xã Bình Lâm, tỉnh Hòa Lâm',
	'12/12', 'Kỹ sư Điện', NULL, NULL, NULL, 'Giám đốc Điện lực Bình Lâm', 'Điện lực Bình Lâm',
	NULL, NULL, NULL, X'35002B003A0424000022003A00003C002100310000313937372D30352D323000');
COMMIT;
