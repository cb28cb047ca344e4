-- province.sql - records of the sample province (samples/province) for the
-- export tests and the demo, until the import and stage commands land.
-- Apply to a book made by `hiepthuong init` from samples/province, after
-- people.sql:   sqlite3 p.db < tests/data/people.sql < tests/data/province.sql
-- Bodies: 1 = qh (constituencies 1-3 have ids 1-3), 2 = hdnd-tinh
-- (constituency number n has id n + 3).  Everyone is invented.
BEGIN;

-- Nominating units and round 1's allocation (version 1).
INSERT INTO unit (id, body_id, code, name, kind) VALUES
	(1, 1, 'TU', 'Tỉnh ủy Hòa Lâm', 'political'),
	(2, 1, 'UBND', 'Ủy ban nhân dân tỉnh Hòa Lâm', 'state'),
	(3, 1, 'BCHQS', 'Bộ Chỉ huy Quân sự tỉnh Hòa Lâm', 'armed'),
	(4, 1, 'HLHPN', 'Hội Liên hiệp Phụ nữ tỉnh Hòa Lâm', 'socio_political'),
	(5, 1, 'DHHL', 'Trường Đại học Hòa Lâm', 'public_service'),
	(6, 2, 'MTTQ', 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Hòa Lâm', 'front'),
	(7, 2, 'XD', 'Sở Xây dựng tỉnh Hòa Lâm', 'state'),
	(8, 2, 'BL', 'Ủy ban nhân dân xã Bình Lâm', 'admin_unit');
INSERT INTO allocation (unit_id, version, decided_on, count, women, reelected, non_party, young, ethnic_minority) VALUES
	(1, 1, '2025-12-05', 4, 1, 1, 0, 1, 1),
	(2, 1, '2025-12-05', 3, 0, 0, 1, 0, 0),
	(3, 1, '2025-12-05', 1, 0, 0, 0, 0, 0),
	(4, 1, '2025-12-05', 2, 2, 0, 0, 1, 1),
	(5, 1, '2025-12-05', 3, 1, 1, 0, 1, 1),
	(6, 1, '2025-12-08', 2, 2, 1, 0, 0, 1),
	(7, 1, '2025-12-08', 2, 0, 1, 0, 0, 0),
	(8, 1, '2025-12-08', 2, 1, 0, 1, 0, 0);

-- National Assembly: fourteen on the official list, two dropped after round 2.
INSERT INTO candidacy (id, person_id, body_id, source, unit_id, dossier_at, stage, status, drop_reason,
	constituency_id) VALUES
	(1, 1, 1, 'unit', 1, '2026-01-10T09:00', 'official', 'active', NULL, 1),
	(2, 2, 1, 'unit', 2, '2026-01-10T09:30', 'official', 'active', NULL, 1),
	(3, 3, 1, 'unit', 2, '2026-01-11T10:00', 'official', 'active', NULL, 1),
	(4, 4, 1, 'unit', 4, '2026-01-12T08:00', 'official', 'active', NULL, 1),
	(5, 5, 1, 'self', NULL, '2026-01-20T15:00', 'official', 'active', NULL, 1),
	(6, 6, 1, 'unit', 3, '2026-01-10T14:00', 'official', 'active', NULL, 2),
	(7, 7, 1, 'unit', 2, '2026-01-13T09:00', 'official', 'active', NULL, 2),
	(8, 8, 1, 'unit', 5, '2026-01-14T09:00', 'official', 'active', NULL, 2),
	(9, 9, 1, 'unit', 4, '2026-01-14T10:00', 'official', 'active', NULL, 2),
	(10, 10, 1, 'unit', 1, '2026-01-09T16:00', 'official', 'active', NULL, 2),
	(11, 11, 1, 'unit', 1, '2026-01-15T08:30', 'official', 'active', NULL, 3),
	(12, 12, 1, 'self', NULL, '2026-01-28T16:30', 'official', 'active', NULL, 3),
	(13, 13, 1, 'unit', 5, '2026-01-14T11:00', 'official', 'active', NULL, 3),
	(14, 14, 1, 'unit', 1, '2026-01-16T09:00', 'official', 'active', NULL, 3),
	(15, 15, 1, 'self', NULL, '2026-01-25T10:00', 'preliminary', 'dropped', 'residence_trust', NULL),
	(16, 16, 1, 'unit', 5, '2026-01-14T14:00', 'preliminary', 'dropped', 'withdrew', NULL);

-- Provincial council: five on the list of constituency 1 (4 seats), one withdrew after round 3.
INSERT INTO candidacy (id, person_id, body_id, source, unit_id, dossier_at, stage, status, drop_reason,
	constituency_id) VALUES
	(17, 17, 2, 'unit', 6, '2026-01-12T09:00', 'official', 'active', NULL, 4),
	(18, 18, 2, 'unit', 7, '2026-01-12T10:00', 'official', 'active', NULL, 4),
	(19, 19, 2, 'unit', 6, '2026-01-13T09:00', 'official', 'active', NULL, 4),
	(20, 20, 2, 'unit', 8, '2026-01-13T10:00', 'official', 'active', NULL, 4),
	(21, 21, 2, 'unit', 8, '2026-01-14T09:00', 'official', 'active', NULL, 4),
	(22, 22, 2, 'unit', 7, '2026-01-14T10:00', 'qualified', 'dropped', 'withdrew', NULL);

-- The three consultation rounds (NA), rounds 1 and 2 (council).
INSERT INTO conference (id, kind, body_id, held_on, start_time, end_time, place, chair_name, chair_position,
	secretary_name, secretary_position, invited, present, absent, guests, agenda, agreed) VALUES
	(1, 'ht1', 1, '2025-12-05', '08:00', '11:30', 'Hội trường Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Hòa Lâm',
	 'Nguyễn Văn Thành', 'Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', 'Lê Thị Thu', 'Trưởng ban Dân chủ - Pháp luật',
	 45, 42, 3, 'Đại diện Thường trực Hội đồng nhân dân tỉnh, Ủy ban nhân dân tỉnh, Ủy ban bầu cử tỉnh',
	 'Thông qua dự kiến cơ cấu, thành phần, số lượng người của cơ quan, tổ chức, đơn vị ở tỉnh được giới thiệu ứng cử đại biểu Quốc hội.',
	 'Hội nghị thỏa thuận phân bổ 13 người được giới thiệu ứng cử cho 5 cơ quan, tổ chức, đơn vị theo bảng dưới đây.'),
	(2, 'ht2', 1, '2026-02-02', '08:00', '11:00', 'Hội trường Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Hòa Lâm',
	 'Nguyễn Văn Thành', 'Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', 'Lê Thị Thu', 'Trưởng ban Dân chủ - Pháp luật',
	 45, 43, 2, NULL, NULL, 'Hội nghị nhất trí lập danh sách sơ bộ những người ứng cử đại biểu Quốc hội (kèm theo).'),
	(3, 'ht3', 1, '2026-02-20', '14:00', '17:00', 'Hội trường Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Hòa Lâm',
	 'Nguyễn Văn Thành', 'Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', 'Lê Thị Thu', 'Trưởng ban Dân chủ - Pháp luật',
	 45, 44, 1, NULL, NULL, NULL),
	(4, 'ht1', 2, '2025-12-08', '08:00', '11:00', 'Hội trường Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Hòa Lâm',
	 'Nguyễn Văn Thành', 'Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', NULL, NULL,
	 50, 47, 3, NULL, NULL, NULL),
	(5, 'ht2', 2, '2026-02-03', '08:00', '11:00', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);

-- Voter conferences: a workplace conference (secret ballot) and a
-- residence conference (show of hands).
INSERT INTO conference (id, kind, body_id, unit_id, held_on, start_time, end_time, place, chair_name, chair_position,
	secretary_name, secretary_position, voters_at_place, invited, present, vote_method, tellers,
	ballots_issued, ballots_returned, ballots_valid, ballots_invalid) VALUES
	(6, 'workplace', 1, 5, '2026-01-06', '14:00', '16:30', 'Hội trường A, Trường Đại học Hòa Lâm',
	 'Trần Quốc Việt', 'Hiệu trưởng', 'Ngô Thị Hà', 'Chánh Văn phòng', 130, 120, 110, 'ballot', 5, 110, 108, 106, 2),
	(7, 'residence', 1, NULL, '2026-02-08', '19:00', '21:00', 'Nhà văn hóa thôn Đông, xã An Phú',
	 'Đoàn Văn Lực', 'Trưởng Ban công tác Mặt trận thôn Đông', 'Hồ Thị Nhung', 'Ủy viên Ban công tác Mặt trận',
	 95, 92, 90, 'hands', NULL, NULL, NULL, NULL, NULL);
INSERT INTO vote (conference_id, candidacy_id, trust, distrust, invalid) VALUES
	(6, 8, 100, 6, 2),
	(6, 13, 95, 11, 2),
	(6, 16, 88, 18, 2),
	(7, 2, 84, 6, 0),
	(7, 15, 40, 50, 0);
INSERT INTO voter_issue (candidacy_id, conference_id, text, responsible, answer_ref, answer_date, conclusion) VALUES
	(2, 7, 'Cử tri đề nghị làm rõ việc cấp đất ở cho hộ gia đình ông năm 2012',
	 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', 'Văn bản số 15/MTTQ-BTT', '2026-02-12',
	 'Việc cấp đất đúng quy định');
COMMIT;
