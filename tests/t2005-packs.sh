#!/bin/sh
# t2005: the two term packs give their own answers on the same data where
# the law changed.  Book "new" is the province sample (2025 law, pack
# 2026-2031); book "old" holds the same bodies and the same election day
# under the 2021-2026 preset (2015 law day counts, pack 2021-2026).
. "$TOP/tests/lib.sh"
. "$TOP/tests/lib-validate.sh"

sed "s|^term: .*|term: $TOP/config/2021-2026.yaml|" "$S/province/config.yaml" >"$T/old.yaml"
cat >>"$T/old.yaml" <<'YAML'
election:
  title: "Thử nghiệm: luật năm 2015 trên số liệu năm 2026"
  term: "2021-2026"
  na_khoa: "XV"
  day: 2026-03-15
YAML
book new
book old "$T/old.yaml"

# same SQL on both books
both() {
	cat >"$T/in.sql"
	variant n new <"$T/in.sql"
	variant o old <"$T/in.sql"
}

# on BOOK ARGS...: validate book n or o
on() {
	B="$T/$1.db"
	shift
	vj "$@"
}

t_case "the round-3 deadline: 23 days under the 2025 amendment, 35 under the 2015 law"
both <<'SQL'
INSERT INTO conference (kind, body_id, held_on) VALUES
	('ht1', 2, '2025-12-05'), ('ht2', 2, '2026-01-09'), ('ht3', 2, '2026-02-15');
SQL
on n
expect_count HT-WINDOW 0
on o
expect_count HT-WINDOW 1
expect_msg HT-WINDOW "hội nghị hiệp thương lần thứ ba họp ngày 15/02/2026, sau thời hạn chậm nhất 08/02/2026 (35 ngày trước ngày bầu cử)"
t_end

t_case "the round-2 deadline: 40 days against 65"
both <<'SQL'
INSERT INTO conference (kind, body_id, held_on) VALUES ('ht1', 2, '2025-12-05'), ('ht2', 2, '2026-02-02');
SQL
on n
expect_count HT-WINDOW 0
on o
expect_count HT-WINDOW 1
expect_msg HT-WINDOW "lần thứ hai họp ngày 02/02/2026, sau thời hạn chậm nhất 09/01/2026 (65 ngày"
t_end

t_case "rules show HT-WINDOW prints each law's day counts"
ht rules --db "$T/new.db" show HT-WINDOW
expect_out "ht3 (23 ngày trước ngày bầu cử: 20/02/2026)"
ht rules --db "$T/old.db" show HT-WINDOW
expect_out "ht3 (35 ngày trước ngày bầu cử: 08/02/2026)"
expect_out "ht2 (65 ngày trước ngày bầu cử: 09/01/2026)"
expect_out "Bộ quy tắc: 2021-2026"
t_end

t_case "the verification deadline: 35 days against 40"
both <<'SQL'
INSERT INTO person (id, ho, ten_dem, ten, dob, sex, sort_key) VALUES (1, 'Lê', 'Văn', 'An', '1970-01-01', 'nam', X'');
INSERT INTO candidacy (id, person_id, body_id, source, stage) VALUES (1, 1, 1, 'self', 'nominated');
INSERT INTO voter_issue (candidacy_id, text, answer_date) VALUES (1, 'Xác minh', '2026-02-06');
SQL
on n
expect_ids ""
on o
expect_ids "VERIFY-DEADLINE"
expect_msg VERIFY-DEADLINE "sau thời hạn 03/02/2026 (40 ngày trước ngày bầu cử)"
t_end

t_case "counting teams at voter conferences: 5-15 since 2025, 3-5 before"
both <<'SQL'
INSERT INTO conference (kind, body_id, held_on, vote_method, tellers) VALUES ('thon', 2, '2026-01-15', 'hands', 4);
SQL
on n
expect_ids "VC-TELLERS"
expect_msg VC-TELLERS "phải từ 5 đến 15 người"
on o
expect_ids ""
both <<'SQL'
INSERT INTO conference (kind, body_id, held_on, vote_method, tellers) VALUES ('thon', 2, '2026-01-15', 'hands', 6);
SQL
on n
expect_ids ""
on o
expect_ids "VC-TELLERS"
expect_msg VC-TELLERS "phải từ 3 đến 5 người"
t_end

# 30 unit nominees of the council, 20 of them on the official list; 3
# young people, all on the official list: 15 % of the official list, 10 %
# of the nominees.  Women, non-Party and re-elected shares are met.
cat >"$T/young.sql" <<'SQL'
INSERT INTO unit (id, body_id, code, name, kind) VALUES (1, 2, 'U', 'Sở Tư pháp tỉnh Hòa Lâm', 'state');
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 30)
INSERT INTO person (id, ho, ten_dem, ten, dob, sex, residence, party_date, hdnd_member, sort_key)
SELECT i, 'Nguyễn', 'Văn', printf('Tên%03d', i), CASE WHEN i <= 3 THEN '1990-01-01' ELSE '1970-01-01' END,
	CASE WHEN i % 2 THEN 'nu' ELSE 'nam' END, 'tỉnh Hòa Lâm', CASE WHEN i IN (4, 5) THEN NULL ELSE '1995-01-01' END,
	CASE WHEN i BETWEEN 6 AND 12 THEN 'Đại biểu HĐND tỉnh Hòa Lâm nhiệm kỳ 2016 - 2021, 2021 - 2026' END, X''
FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 30)
INSERT INTO candidacy (id, person_id, body_id, source, unit_id, stage, status, drop_reason)
SELECT i, i, 2, 'unit', 1, CASE WHEN i <= 20 THEN 'official' ELSE 'nominated' END,
	CASE WHEN i <= 20 THEN 'active' ELSE 'dropped' END, CASE WHEN i <= 20 THEN NULL ELSE 'not_qualified' END
FROM n;
SQL

t_case "HDND-YOUNG: a share of the official list since 2025, of the nominees before"
both <"$T/young.sql"
on n
expect_count HDND-YOUNG 0
expect_count HDND-WOMEN 0
expect_count HDND-NONPARTY 0
expect_count HDND-REELECT 0
on o
expect_count HDND-YOUNG 1
expect_msg HDND-YOUNG "danh sách người được giới thiệu ứng cử có 3/30 người trẻ tuổi dưới 40 tuổi (10%)"
expect_count HDND-NONPARTY 1
expect_count HDND-WOMEN 0
expect_count HDND-REELECT 0
t_end

t_case "the trust vote and the residence gate exist only in the 2026-2031 pack"
both <<'SQL'
INSERT INTO unit (id, body_id, code, name, kind) VALUES (1, 2, 'U', 'Sở Tư pháp tỉnh Hòa Lâm', 'state');
INSERT INTO person (id, ho, ten_dem, ten, dob, sex, residence, sort_key) VALUES
	(1, 'Lê', 'Văn', 'An', '1970-01-01', 'nam', 'tỉnh Hòa Lâm', X''),
	(2, 'Lê', 'Văn', 'Bình', '1970-01-01', 'nam', 'tỉnh Hòa Lâm', X'');
INSERT INTO candidacy (id, person_id, body_id, source, unit_id, stage) VALUES
	(1, 1, 2, 'unit', 1, 'nominated'), (2, 2, 2, 'self', NULL, 'preliminary');
INSERT INTO conference (id, kind, body_id, unit_id, held_on, present) VALUES
	(1, 'workplace', 2, 1, '2026-01-10', 50), (2, 'residence', 2, NULL, '2026-02-05', 60);
INSERT INTO vote (conference_id, candidacy_id, trust, distrust, invalid) VALUES (1, 1, 25, 25, 0), (2, 2, 30, 30, 0);
SQL
on n
expect_count VC-TRUST 1
expect_count HT3-TRUST 1
on o
expect_count VC-TRUST 0
expect_count HT3-TRUST 0
t_end

t_case "one constituency per person: the NA and the councils since 2025, the NA only before"
both <<'SQL'
INSERT INTO person (id, ho, ten_dem, ten, dob, sex, residence, sort_key) VALUES
	(1, 'Lê', 'Văn', 'Dũng', '1975', 'nam', 'tỉnh Hòa Lâm', X''),
	(2, 'Lê', 'Văn', 'Dũng', '1975-06-01', 'nam', 'tỉnh Hòa Lâm', X'');
INSERT INTO candidacy (person_id, body_id, source, stage, constituency_id) VALUES
	(1, 2, 'self', 'official', (SELECT id FROM constituency WHERE body_id = 2 AND number = 1)),
	(2, 2, 'self', 'official', (SELECT id FROM constituency WHERE body_id = 2 AND number = 2));
SQL
on n
expect_count ELIG-ONEUNIT 1
on o
expect_count ELIG-ONEUNIT 0
t_end
