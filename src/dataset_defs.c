/*
 * dataset_defs.c - the named datasets the templates use (see dataset.h).
 *
 * Conventions of the values (what the forms print):
 *  - dates dd/mm/yyyy (partial birth dates mm/yyyy or yyyy);
 *  - the parts of a conference's date for "ngày … tháng … năm …": the day
 *    with two digits, the month with a leading zero for January and
 *    February only, as administrative documents write them (Nghị định
 *    30/2020/NĐ-CP, Phụ lục I);
 *  - percentages with two decimals and a decimal comma, rounded half up
 *    (HĐBCQG Q&A 2026, Câu 177, for election minutes), computed with
 *    integers only;
 *  - people in the official order of names: ORDER BY person.sort_key.
 * Which list belongs to which round: a candidacy's stage is how far it got
 * (schema.sql), so round 2's list is every candidacy that reached the
 * preliminary list (rank >= 2), round 3's every one that was found
 * qualified (rank >= 3), whether or not it was dropped later.
 */
#include <stddef.h>
#include "dataset.h"
#include "banned.h"

#define RANK(k) "(CASE " k ".stage WHEN 'proposed' THEN 0 WHEN 'nominated' THEN 1 WHEN 'preliminary' THEN 2 " \
	"WHEN 'qualified' THEN 3 WHEN 'official' THEN 4 END)"

#define VNDATE(x) "(CASE WHEN " x " GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' " \
	"THEN substr(" x ", 9, 2) || '/' || substr(" x ", 6, 2) || '/' || substr(" x ", 1, 4) " \
	"WHEN " x " GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]' THEN substr(" x ", 6, 2) || '/' || substr(" x ", 1, 4) " \
	"ELSE " x " END)"

/* day, month, year of a date column, for "ngày … tháng … năm …". */
#define DATE_PARTS(x) \
	"substr(" x ", 9, 2) AS day, " \
	"CASE WHEN substr(" x ", 6, 2) IN ('01', '02') THEN substr(" x ", 6, 2) " \
	"ELSE CAST(CAST(substr(" x ", 6, 2) AS INTEGER) AS TEXT) END AS month, " \
	"substr(" x ", 1, 4) AS year, " VNDATE(x) " AS date"

#define TIME_PARTS(c) \
	"substr(" c ".start_time, 1, 2) AS start_hour, substr(" c ".start_time, 4, 2) AS start_minute, " \
	"substr(" c ".end_time, 1, 2) AS end_hour, substr(" c ".end_time, 4, 2) AS end_minute"

/* a of b in percent, "xx,yy", or NULL. */
#define PCT(a, b) "(CASE WHEN (" b ") > 0 AND (" a ") IS NOT NULL THEN " \
	"printf('%d,%02d', ((" a ") * 20000 + (" b ")) / (2 * (" b ")) / 100, " \
	"((" a ") * 20000 + (" b ")) / (2 * (" b ")) % 100) END)"

/* The columns of the candidate lists (process.md §7.5); p = person, k = candidacy. */
#define PERSON_COLS \
	"p.ho || ' ' || CASE WHEN p.ten_dem <> '' THEN p.ten_dem || ' ' ELSE '' END || p.ten AS full_name, " \
	VNDATE("p.dob") " AS dob, " \
	"CASE p.sex WHEN 'nam' THEN 'Nam' WHEN 'nu' THEN 'Nữ' END AS sex, " \
	"p.nationality AS nationality, p.ethnicity AS ethnicity, p.religion AS religion, " \
	"p.hometown AS hometown, p.residence AS residence, p.edu_general AS edu_general, " \
	"p.edu_professional AS edu_professional, p.edu_degree AS edu_degree, p.edu_political AS edu_political, " \
	"p.edu_language AS edu_language, p.occupation AS occupation, p.workplace AS workplace, " \
	VNDATE("p.party_date") " AS party_date, p.na_member AS na_member, p.hdnd_member AS hdnd_member, " \
	"CASE WHEN k.source = 'self' THEN 'Tự ứng cử' END AS note"

/* "đại biểu Quốc hội khóa XVI" / "đại biểu Hội đồng nhân dân xã A khóa II,
 * nhiệm kỳ 2026 - 2031" for body b of election e (the base `body_phrase`). */
#define BODY_PHRASE(b, e) "CASE " b ".kind WHEN 'na' THEN 'đại biểu Quốc hội khóa ' || coalesce(" b ".khoa, " e \
	".na_khoa, '…') WHEN 'hdnd' THEN 'đại biểu ' || " b ".name || coalesce(' khóa ' || " b ".khoa, '') || " \
	"', nhiệm kỳ ' || replace(" e ".term, '-', ' - ') END"

/* The committee's area ("tỉnh Hòa Lâm") from its name, for election e. */
#define COMMITTEE_AREA(e) "CASE WHEN substr(" e ".committee_name, 1, 33) = 'Ủy ban Mặt trận Tổ quốc Việt Nam ' " \
	"THEN substr(" e ".committee_name, 34) END"

/* "09 giờ 15" of an HH:MM column. */
#define TIME_TEXT(c) "(substr(" c ", 1, 2) || ' giờ ' || substr(" c ", 4, 2))"

/*
 * The lines of a text that holds one entry a line (attendees, guests,
 * the proceedings): a table (seq, line) without the blank lines, for a
 * template's `each`.  src is an expression that gives the text.
 */
#define LINES(src) "WITH RECURSIVE l(seq, line, rest) AS (SELECT 0, NULL, (" src ") || char(10) " \
	"WHERE (" src ") IS NOT NULL UNION ALL SELECT seq + 1, trim(substr(rest, 1, instr(rest, char(10)) - 1)), " \
	"substr(rest, instr(rest, char(10)) + 1) FROM l WHERE rest <> '') " \
	"SELECT seq, line FROM l WHERE seq > 0 AND line <> '' ORDER BY seq"

/* The date of a body's milestone (body_event) `ev`, ISO. */
#define EVENT_DATE(ev) "(SELECT on_date FROM body_event WHERE body_id = :body AND event = '" ev "')"

const char dataset_base_sql[] =
	"SELECT e.committee_name AS committee_name, "
	COMMITTEE_AREA("e") " AS committee_area, "
	"e.committee_place AS place, e.title AS election_title, replace(e.term, '-', ' - ') AS term, "
	"e.term AS term_compact, "
	"e.na_khoa AS na_khoa, b.code AS body_code, b.kind AS body_kind, b.name AS body_name, "
	"b.khoa AS body_khoa, b.seats AS body_seats, "
	"CASE WHEN substr(b.name, 1, 18) = 'Hội đồng nhân dân ' THEN substr(b.name, 19) END AS body_area, "
	"CASE WHEN substr(b.type_name, 1, 22) = 'Hội đồng nhân dân cấp ' THEN substr(b.type_name, 23) END AS body_level, "
	/* "xã Tân Hòa Lâm khóa II": the council's area and its khóa, for the
	 * titles whose dots stand for both (Mẫu 04, 05 HĐND) */
	"CASE WHEN substr(b.name, 1, 18) = 'Hội đồng nhân dân ' THEN substr(b.name, 19) || coalesce(' khóa ' || b.khoa, '') "
	"END AS body_area_khoa, "
	BODY_PHRASE("b", "e") " AS body_phrase "
	"FROM election e LEFT JOIN body b ON b.id = :body";

/* The consultation round :round of body :body (its latest conference). */
#define ROUND_CONF "(SELECT id FROM conference WHERE body_id = :body AND kind = 'ht' || :round " \
	"ORDER BY held_on DESC, id DESC LIMIT 1)"

static const char round_scalars[] =
	"SELECT :round AS round, "
	"CASE :round WHEN 1 THEN 'nhất' WHEN 2 THEN 'hai' WHEN 3 THEN 'ba' END AS round_ordinal, "
	"c.id AS conference_id, " DATE_PARTS("c.held_on") ", " TIME_PARTS("c") ", "
	"c.place AS conference_place, c.chair_name AS chair_name, c.chair_position AS chair_position, "
	"c.secretary_name AS secretary_name, c.secretary_position AS secretary_position, "
	"c.invited AS invited, c.present AS present, c.absent AS absent, c.guests AS guests, "
	"c.agenda AS agenda, c.agreed AS agreed, c.purpose AS purpose, c.attendees AS attendees, "
	"(SELECT count(*) FROM candidacy k WHERE k.body_id = :body AND " RANK("k") " >= :round) AS list_count, "
	"(SELECT sum(a.count) FROM allocation a JOIN unit u ON u.id = a.unit_id "
	"WHERE u.body_id = :body AND a.version = 1) AS allocation_total "
	"FROM (SELECT 1) LEFT JOIN conference c ON c.id = " ROUND_CONF;

static const char round_allocation[] =
	"SELECT u.code AS unit_code, u.name AS unit_name, a.count AS count, a.women AS women, "
	"a.reelected AS reelected, a.non_party AS non_party, a.young AS young, "
	"a.ethnic_minority AS ethnic_minority, a.note AS allocation_note "
	"FROM allocation a JOIN unit u ON u.id = a.unit_id "
	"WHERE u.body_id = :body AND a.version = 1 ORDER BY u.id";

/* The texts of round :round's minutes, a line each. */
#define ROUND_TEXT(col) "(SELECT " col " FROM conference WHERE id = " ROUND_CONF ")"
static const char round_purpose[] = LINES(ROUND_TEXT("purpose"));
static const char round_attendees[] = LINES(ROUND_TEXT("attendees"));
static const char round_guests[] = LINES(ROUND_TEXT("guests"));
static const char round_agenda[] = LINES(ROUND_TEXT("agenda"));
static const char round_agreed[] = LINES(ROUND_TEXT("agreed"));

static const char round_candidates[] =
	"SELECT " PERSON_COLS " FROM candidacy k JOIN person p ON p.id = k.person_id "
	"WHERE k.body_id = :body AND " RANK("k") " >= :round AND :round >= 2 ORDER BY p.sort_key";

static const char unit_scalars[] =
	"SELECT u.code AS unit_code, u.name AS unit_name, u.kind AS unit_kind, c.id AS conference_id, "
	"c.chair_name AS chair_name, c.chair_position AS chair_position, " DATE_PARTS("c.held_on") " "
	"FROM unit u LEFT JOIN conference c ON c.id = (SELECT id FROM conference WHERE unit_id = u.id "
	"AND body_id = :body AND kind IN ('expanded_leadership', 'thon') ORDER BY held_on DESC, id DESC LIMIT 1) "
	"WHERE u.id = :unit";

static const char unit_candidates[] =
	"SELECT " PERSON_COLS " FROM candidacy k JOIN person p ON p.id = k.person_id "
	"WHERE k.body_id = :body AND k.unit_id = :unit AND " RANK("k") " >= 1 ORDER BY p.sort_key";

/* Communes (or thôn/TDP) of constituency k, in the config's order. */
#define AREAS(k) "(SELECT group_concat(name, ', ') FROM (SELECT name FROM constituency_area " \
	"WHERE constituency_id = " k ".id ORDER BY seq))"

static const char distribution_constituencies[] =
	"SELECT k.number AS constituency_no, k.seats AS seats, " AREAS("k") " AS areas, "
	"(SELECT count(*) FROM candidacy c WHERE c.constituency_id = k.id AND c.status = 'active' "
	"AND c.stage IN ('qualified', 'official')) AS candidates_count "
	"FROM constituency k WHERE k.body_id = :body ORDER BY k.number";

/* The election committee's report (Mẫu 16): the milestone `distribution`. */
static const char distribution_scalars[] =
	"SELECT " DATE_PARTS(EVENT_DATE("distribution"));

static const char distribution_candidates[] =
	"SELECT q.number AS constituency_no, " PERSON_COLS " "
	"FROM candidacy k JOIN person p ON p.id = k.person_id JOIN constituency q ON q.id = k.constituency_id "
	"WHERE k.body_id = :body AND k.status = 'active' AND k.stage IN ('qualified', 'official') "
	"ORDER BY q.number, p.sort_key";

static const char official_scalars[] =
	"SELECT q.number AS constituency_no, q.seats AS seats, " AREAS("q") " AS areas, "
	"(SELECT count(*) FROM candidacy c WHERE c.constituency_id = q.id AND c.status = 'active' "
	"AND c.stage = 'official') AS candidates_count, "
	"(SELECT ref FROM body_event WHERE body_id = :body AND event = 'official_list') AS list_ref, "
	DATE_PARTS(EVENT_DATE("official_list")) " "
	"FROM constituency q WHERE q.id = :constituency";

static const char official_candidates[] =
	"SELECT " PERSON_COLS " FROM candidacy k JOIN person p ON p.id = k.person_id "
	"WHERE k.constituency_id = :constituency AND k.status = 'active' AND k.stage = 'official' "
	"ORDER BY p.sort_key";

/* A voter conference's commune and thôn: as recorded, else, for a
 * conference of a thôn unit (a commune's book), that thôn and the
 * committee's own commune. */
#define CONF_COMMUNE "coalesce(c.commune, CASE WHEN u.kind = 'thon' THEN " COMMITTEE_AREA("e") " END)"
#define CONF_LOCALITY "coalesce(c.locality, CASE WHEN u.kind = 'thon' THEN u.name END)"

static const char conference_scalars[] =
	"SELECT c.id AS conference_id, c.kind AS conference_kind, c.mode AS conference_mode, "
	/* the header's (1): the agency, or the commune of residence */
	"CASE c.kind WHEN 'residence' THEN " CONF_COMMUNE " ELSE u.name END AS org_name, "
	CONF_COMMUNE " AS commune, " CONF_LOCALITY " AS locality, "
	/* the thôn inside a sentence: "thôn Ea Tiêu", "tổ dân phố Bến Đò" */
	"CASE WHEN " CONF_LOCALITY " LIKE 'Thôn %' THEN 'thôn' || substr(" CONF_LOCALITY ", 5) "
	"WHEN " CONF_LOCALITY " LIKE 'Tổ dân phố %' THEN 'tổ dân phố' || substr(" CONF_LOCALITY ", 11) "
	"ELSE " CONF_LOCALITY " END AS locality_text, "
	"c.issue_time AS issue_time, " TIME_TEXT("c.issue_time") " AS issue_time_text, "
	"c.collect_time AS collect_time, " TIME_TEXT("c.collect_time") " AS collect_time_text, "
	"c.attendees AS attendees, "
	"(SELECT group_concat(n, ', ') FROM (SELECT p.ho || ' ' || CASE WHEN p.ten_dem <> '' THEN p.ten_dem || ' ' "
	"ELSE '' END || p.ten AS n FROM vote v JOIN candidacy k ON k.id = v.candidacy_id JOIN person p ON "
	"p.id = k.person_id WHERE v.conference_id = c.id ORDER BY p.sort_key)) AS candidate_names, "
	/* 01/HNCT's (3): who the conference heard, and for which body */
	"(SELECT CASE WHEN count(*) = 0 THEN NULL WHEN sum(k.source = 'self') = 0 THEN 'người được giới thiệu ứng cử ' "
	"WHEN sum(k.source = 'self') = count(*) THEN 'người tự ứng cử ' "
	"ELSE 'người được giới thiệu ứng cử hoặc người tự ứng cử ' END FROM vote v JOIN candidacy k "
	"ON k.id = v.candidacy_id WHERE v.conference_id = c.id) || " BODY_PHRASE("b", "e") " AS nominee_phrase, "
	"(SELECT count(*) FROM voter_issue i WHERE i.conference_id = c.id) AS issues_count, "
	"(SELECT name FROM conference_member WHERE conference_id = c.id AND role = 'teller' AND seq = 1) AS teller_head, "
	"(SELECT group_concat(name, char(10)) FROM (SELECT name FROM conference_member WHERE conference_id = c.id "
	"AND role = 'teller' AND seq > 1 ORDER BY seq)) AS teller_members, "
	"(SELECT group_concat(name, char(10)) FROM (SELECT name FROM conference_member WHERE conference_id = c.id "
	"AND role = 'witness' ORDER BY seq)) AS witness_names, "
	"c.id AS conference_no, u.name AS unit_name, "
	DATE_PARTS("c.held_on") ", " TIME_PARTS("c") ", c.place AS conference_place, "
	"c.chair_name AS chair_name, c.chair_position AS chair_position, "
	"c.secretary_name AS secretary_name, c.secretary_position AS secretary_position, "
	"c.voters_at_place AS voters_at_place, c.invited AS invited, c.present AS present, c.absent AS absent, "
	"c.vote_method AS vote_method, "
	"CASE c.vote_method WHEN 'ballot' THEN 'bỏ phiếu kín' WHEN 'hands' THEN 'giơ tay' "
	"WHEN 'online_poll' THEN 'bình chọn trực tuyến' END AS vote_method_text, "
	/* the Front's notice the meeting acts on (02, 03/BCĐ, 04/HNCT) */
	"c.notice_ref AS notice_ref, c.agreed AS agreed, c.guests AS guests, c.agenda AS agenda, "
	/* 05/HNCT's (2): where the voters are */
	"CASE c.kind WHEN 'workplace' THEN 'NƠI CÔNG TÁC' WHEN 'residence' THEN 'NƠI CƯ TRÚ' END AS vc_where, "
	"CASE c.mode WHEN 'online' THEN 'trực tuyến' WHEN 'distribution' THEN 'phát phiếu lấy ý kiến' END AS mode_text, "
	"(SELECT count(*) FROM candidacy_event ev WHERE ev.conference_id = c.id AND ev.decision = 'in') AS selected_count, "
	"(SELECT count(*) FROM vote v WHERE v.conference_id = c.id) AS results_count, "
	"(SELECT count(*) FROM vote v WHERE v.conference_id = c.id AND v.revote IS NOT NULL) AS revote_count, "
	/* 06/BBKPHN's (2) and "Về việc": the people and the body */
	"(SELECT group_concat(n, ', ') FROM (SELECT p.ho || ' ' || CASE WHEN p.ten_dem <> '' THEN p.ten_dem || ' ' "
	"ELSE '' END || p.ten AS n FROM candidacy k JOIN person p ON p.id = k.person_id WHERE k.id IN "
	"(SELECT candidacy_id FROM vote WHERE conference_id = c.id) OR (c.unit_id IS NOT NULL AND k.unit_id = c.unit_id "
	"AND k.body_id = c.body_id AND c.kind <> 'residence' AND NOT EXISTS (SELECT 1 FROM vote WHERE conference_id = c.id)) "
	"ORDER BY p.sort_key)) AS people_names, "
	"c.tellers AS tellers, c.ballots_issued AS ballots_issued, c.ballots_returned AS ballots_returned, "
	"c.ballots_valid AS ballots_valid, c.ballots_invalid AS ballots_invalid, "
	/* Denominators of 06/BBKP's "chiếm tỷ lệ …%": not defined by the form
	 * (addendum Q7b); these follow the addendum's recommendation, and a
	 * template chooses which to print. */
	PCT("c.ballots_issued", "coalesce(c.voters_at_place, c.invited)") " AS issued_pct, "
	PCT("c.ballots_returned", "c.ballots_issued") " AS returned_pct, "
	PCT("c.ballots_valid", "c.ballots_returned") " AS valid_pct, "
	PCT("c.ballots_invalid", "c.ballots_returned") " AS invalid_pct, "
	"coalesce(c.purpose, CASE c.kind WHEN 'workplace' THEN 'lấy ý kiến nhận xét và tín nhiệm của cử tri nơi công tác' "
	"WHEN 'residence' THEN 'lấy ý kiến nhận xét và tín nhiệm của cử tri nơi cư trú' "
	"WHEN 'thon' THEN 'giới thiệu người của thôn, tổ dân phố ứng cử đại biểu Hội đồng nhân dân cấp xã' "
	"WHEN 'expanded_leadership' THEN 'giới thiệu người ứng cử ' || " BODY_PHRASE("b", "e") " "
	"WHEN 'leadership' THEN 'dự kiến giới thiệu người ứng cử ' || " BODY_PHRASE("b", "e") " "
	"END) AS purpose, "
	"coalesce(c.voters_at_place, c.invited) AS voters_total "
	"FROM conference c JOIN body b ON b.id = c.body_id LEFT JOIN unit u ON u.id = c.unit_id, election e "
	"WHERE c.id = :conference";

static const char conference_attendees[] = LINES("(SELECT attendees FROM conference WHERE id = :conference)");

/* The counting team (the first is its head) and the witnesses. */
static const char conference_tellers[] =
	"SELECT seq, name, position, name || coalesce(', ' || position, '') AS who, "
	"CASE seq WHEN 1 THEN 'Tổ trưởng' ELSE 'Thành viên' END AS role "
	"FROM conference_member WHERE conference_id = :conference AND role = 'teller' ORDER BY seq";
static const char conference_witnesses[] =
	"SELECT seq, name, position, name || coalesce(', ' || position, '') AS who "
	"FROM conference_member WHERE conference_id = :conference AND role = 'witness' ORDER BY seq";

/*
 * People of a meeting: those with a result there, and, for a meeting of a
 * unit or a thôn, the people the unit proposes who have none yet (the
 * ballot printed before the vote; the leadership and Ban công tác Mặt trận
 * meetings, which do not vote on them).  `selected` (1 or NULL) is what the
 * meeting agreed: at a thôn conference the people it selected (THON-SELECT,
 * the history rows the conference wrote), at an expanded-leadership
 * conference the people the unit went on to nominate, at the meetings
 * before them everyone proposed.  `revote` is a thôn's re-vote of a tie.
 */
#define CONF_CANDIDATES(filter) \
	"WITH conf AS (SELECT * FROM conference WHERE id = :conference), " \
	"x AS (SELECT v.candidacy_id AS cid, v.trust AS trust, v.distrust AS distrust, v.invalid AS invalid, " \
	"v.revote AS revote, v.opinion AS opinion FROM vote v WHERE v.conference_id = :conference " \
	"UNION ALL SELECT k.id, NULL, NULL, NULL, NULL, NULL FROM candidacy k, conf " \
	"WHERE conf.unit_id IS NOT NULL AND conf.kind IN ('workplace', 'thon', 'bctmt', 'leadership', " \
	"'expanded_leadership') AND k.unit_id = conf.unit_id AND k.body_id = conf.body_id " \
	"AND k.id NOT IN (SELECT candidacy_id FROM vote WHERE conference_id = :conference)), " \
	"y AS (SELECT x.*, CASE conf.kind " \
	"WHEN 'thon' THEN (SELECT 1 FROM candidacy_event e WHERE e.candidacy_id = x.cid " \
	"AND e.conference_id = :conference AND e.decision = 'in' LIMIT 1) " \
	"WHEN 'expanded_leadership' THEN (SELECT 1 FROM candidacy k2 WHERE k2.id = x.cid AND (" RANK("k2") " >= 1 " \
	"OR EXISTS (SELECT 1 FROM candidacy_event e WHERE e.candidacy_id = k2.id AND e.stage = 'nominated' " \
	"AND e.decision = 'in'))) " \
	"WHEN 'leadership' THEN 1 WHEN 'bctmt' THEN 1 END AS selected FROM x, conf) " \
	"SELECT " PERSON_COLS ", coalesce(p.occupation, p.workplace) AS position, NULL AS tick, " \
	"y.trust AS trust, y.distrust AS distrust, y.invalid AS invalid, y.revote AS revote, " \
	"conf.present AS present, y.opinion AS opinion, y.selected AS selected, " \
	"CASE WHEN y.selected = 1 THEN 'được giới thiệu' WHEN conf.kind = 'thon' AND y.trust IS NOT NULL " \
	"THEN 'không được giới thiệu' END AS outcome, " \
	PCT("y.trust", "conf.present") " AS trust_pct, " \
	"CASE WHEN y.trust IS NULL OR conf.present IS NULL OR :trust_den IS NULL THEN NULL " \
	"WHEN y.trust * :trust_den > conf.present * :trust_num THEN 'đạt' ELSE 'không đạt' END AS passed, " \
	"(SELECT group_concat(i.text, '; ') FROM voter_issue i WHERE i.candidacy_id = k.id " \
	"AND i.conference_id = :conference) AS issues " \
	"FROM y JOIN candidacy k ON k.id = y.cid JOIN person p ON p.id = k.person_id, conf " \
	filter " ORDER BY p.sort_key"

static const char conference_candidates[] = CONF_CANDIDATES("");
static const char conference_selected[] = CONF_CANDIDATES("WHERE y.selected = 1");
static const char conference_results[] = CONF_CANDIDATES("WHERE y.trust IS NOT NULL");

/* Quorum of a voter conference of kind K (rule pack VC-QUORUM-*). */
#define QUORUM(K) "CASE WHEN c.present IS NULL OR :quorum_" K "_from IS NULL THEN NULL " \
	"WHEN coalesce(c.voters_at_place, c.invited) >= :quorum_" K "_from " \
	"THEN c.present >= :quorum_" K "_min " \
	"ELSE c.present * :quorum_" K "_den >= coalesce(c.invited, c.voters_at_place) * :quorum_" K "_num END"

static const char summary_rows[] =
	"SELECT " PERSON_COLS ", "
	"CASE c.kind WHEN 'workplace' THEN 'Nơi công tác' WHEN 'residence' THEN 'Nơi cư trú' END AS conf_kind, "
	VNDATE("c.held_on") " AS held_on, c.place AS conference_place, c.voters_at_place AS voters_at_place, "
	"c.invited AS invited, c.present AS present, "
	"CASE (CASE c.kind WHEN 'workplace' THEN " QUORUM("workplace") " ELSE " QUORUM("residence") " END) "
	"WHEN 1 THEN 'Đủ' WHEN 0 THEN 'Không đủ' END AS quorum, "
	"CASE c.vote_method WHEN 'ballot' THEN 'Bỏ phiếu kín' WHEN 'hands' THEN 'Giơ tay' "
	"WHEN 'online_poll' THEN 'Trực tuyến' END AS method, "
	"v.trust AS trust, v.distrust AS distrust, " PCT("v.trust", "c.present") " AS trust_pct, "
	"CASE WHEN c.present IS NULL OR :trust_den IS NULL THEN NULL "
	"WHEN v.trust * :trust_den > c.present * :trust_num THEN 'Đạt' ELSE 'Không đạt' END AS passed, "
	"(SELECT group_concat(i.text, '; ') FROM voter_issue i WHERE i.candidacy_id = k.id "
	"AND i.conference_id = c.id) AS issues, "
	"(SELECT CASE WHEN count(*) = 0 THEN NULL ELSE 'Đã trả lời ' || sum(i.answer_date IS NOT NULL) || '/' "
	"|| count(*) END FROM voter_issue i WHERE i.candidacy_id = k.id AND i.conference_id = c.id) AS verification "
	"FROM vote v JOIN conference c ON c.id = v.conference_id JOIN candidacy k ON k.id = v.candidacy_id "
	"JOIN person p ON p.id = k.person_id "
	"WHERE k.body_id = :body AND c.kind IN ('workplace', 'residence') "
	"ORDER BY p.sort_key, c.held_on, c.id";

/* The list whose structure is counted: round :round's list, or else the
 * furthest stage any active candidacy has reached, active ones only. */
#define STRUCT_RANK "coalesce(:round, (SELECT max(" RANK("x") ") FROM candidacy x " \
	"WHERE x.body_id = :body AND x.status = 'active'))"

/* The date of round n's conference of the body, ISO. */
#define ROUND_DATE(n) "(SELECT held_on FROM conference WHERE body_id = :body AND kind = 'ht' || " n " " \
	"ORDER BY held_on DESC, id DESC LIMIT 1)"

/* The list's date: its round's conference, or the official list's. */
static const char structure_scalars[] =
	"SELECT :round AS round, CASE " STRUCT_RANK " WHEN 4 THEN 'danh sách chính thức những người ứng cử' "
	"WHEN 3 THEN 'danh sách những người đủ tiêu chuẩn ứng cử' WHEN 2 THEN 'danh sách sơ bộ những người ứng cử' "
	"WHEN 1 THEN 'danh sách những người được giới thiệu ứng cử' END AS list_name, :young_age AS young_age, "
	"CASE WHEN coalesce(:national_women, 0) + coalesce(:national_ethnic_minority, 0) + coalesce(:national_young, 0) "
	"+ coalesce(:national_non_party, 0) + coalesce(:national_reelected, 0) > 0 THEN 1 END AS national_targets, "
	"(SELECT chair_name FROM conference WHERE body_id = :body AND kind IN ('ht1', 'ht2', 'ht3') "
	"ORDER BY kind DESC, held_on DESC LIMIT 1) AS chair_name, " DATE_PARTS("d.d") " "
	"FROM (SELECT CASE WHEN :round IS NOT NULL THEN " ROUND_DATE(":round") " "
	"ELSE CASE " STRUCT_RANK " WHEN 4 THEN coalesce(" EVENT_DATE("official_list") ", " ROUND_DATE("3") ") "
	"WHEN 3 THEN " ROUND_DATE("3") " WHEN 2 THEN " ROUND_DATE("2") " WHEN 1 THEN " ROUND_DATE("1") " END END AS d) d";

/* Education is classified from the free text of the dossier: a doctor's
 * or master's degree (or a professorship) counts as above university;
 * a university-level profession as university; anything else below. */
static const char structure_stats[] =
	"WITH e AS (SELECT election_day AS d FROM election), "
	"lst AS (SELECT k.source AS source, p.sex AS sex, p.ethnicity AS ethnicity, p.party_date AS party_date, "
	"CASE (SELECT kind FROM body WHERE id = :body) WHEN 'na' THEN p.na_member ELSE p.hdnd_member END AS member, "
	"CASE length(p.dob) WHEN 4 THEN p.dob || '-01-01' WHEN 7 THEN p.dob || '-01' ELSE p.dob END AS dob, "
	"coalesce(p.edu_degree, '') AS degree, coalesce(p.edu_professional, '') AS prof, "
	"coalesce(p.edu_political, '') AS pol "
	"FROM candidacy k JOIN person p ON p.id = k.person_id "
	"WHERE k.body_id = :body AND " RANK("k") " >= " STRUCT_RANK " AND (:round IS NOT NULL OR k.status = 'active')), "
	"f AS (SELECT lst.*, CAST(substr(e.d, 1, 4) AS INTEGER) - CAST(substr(dob, 1, 4) AS INTEGER) "
	"- (substr(e.d, 6, 5) < substr(dob, 6, 5)) AS age, "
	"(degree LIKE '%tiến sĩ%' OR degree LIKE '%thạc sĩ%' OR degree LIKE '%giáo sư%' "
	"OR degree LIKE '%Tiến sĩ%' OR degree LIKE '%Thạc sĩ%' OR degree LIKE '%Giáo sư%' "
	"OR prof LIKE '%Tiến sĩ%' OR prof LIKE '%Thạc sĩ%' OR prof LIKE '%tiến sĩ%' OR prof LIKE '%thạc sĩ%') AS postgrad, "
	"(prof LIKE '%Đại học%' OR prof LIKE '%đại học%' OR prof LIKE '%Cử nhân%' OR prof LIKE '%cử nhân%' "
	"OR prof LIKE '%Kỹ sư%' OR prof LIKE '%kỹ sư%' OR prof LIKE '%Bác sĩ%' OR prof LIKE '%bác sĩ%' "
	"OR prof LIKE '%Dược sĩ%' OR prof LIKE '%Kiến trúc sư%' OR prof LIKE '%Luật sư%' "
	"OR degree LIKE '%Cử nhân%' OR degree LIKE '%Kỹ sư%' OR degree LIKE '%Bác sĩ%') AS grad "
	"FROM lst, e), "
	"c AS (SELECT count(*) AS total, coalesce(sum(sex = 'nu'), 0) AS women, "
	"coalesce(sum(coalesce(ethnicity, '') NOT IN ('', 'Kinh')), 0) AS ethnic, "
	"CASE WHEN :young_age IS NULL THEN NULL ELSE coalesce(sum(age < :young_age), 0) END AS young, "
	"coalesce(sum(coalesce(party_date, '') = ''), 0) AS non_party, "
	"coalesce(sum(coalesce(member, '') <> ''), 0) AS reelected, coalesce(sum(source = 'self'), 0) AS self, "
	"coalesce(sum(postgrad), 0) AS postgrad, coalesce(sum(grad AND NOT postgrad), 0) AS grad, "
	"coalesce(sum(NOT grad AND NOT postgrad), 0) AS undergrad, "
	"coalesce(sum(pol LIKE 'Cao cấp%' OR pol LIKE 'cao cấp%'), 0) AS pol_high, "
	"coalesce(sum(pol LIKE 'Cử nhân%' OR pol LIKE 'cử nhân%'), 0) AS pol_bachelor, "
	"coalesce(sum(pol LIKE 'Trung cấp%' OR pol LIKE 'trung cấp%'), 0) AS pol_mid, "
	"coalesce(sum(pol LIKE 'Sơ cấp%' OR pol LIKE 'sơ cấp%'), 0) AS pol_low FROM f), "
	"r(ord, label, n, target, national) AS ("
	"SELECT 1, 'Tổng số người trong danh sách', total, NULL, NULL FROM c "
	"UNION ALL SELECT 2, 'Phụ nữ', women, :target_women, :national_women FROM c "
	"UNION ALL SELECT 3, 'Người dân tộc thiểu số', ethnic, :target_ethnic_minority, :national_ethnic_minority FROM c "
	"UNION ALL SELECT 4, 'Người dưới ' || coalesce(:young_age, '…') || ' tuổi', young, :target_young, :national_young "
	"FROM c "
	"UNION ALL SELECT 5, 'Người ngoài Đảng', non_party, :target_non_party, :national_non_party FROM c "
	"UNION ALL SELECT 6, 'Tái cử', reelected, :target_reelected, :national_reelected FROM c "
	"UNION ALL SELECT 7, 'Người tự ứng cử', self, NULL, NULL FROM c "
	"UNION ALL SELECT 8, 'Trình độ chuyên môn: trên đại học', postgrad, NULL, NULL FROM c "
	"UNION ALL SELECT 9, 'Trình độ chuyên môn: đại học', grad, NULL, NULL FROM c "
	"UNION ALL SELECT 10, 'Trình độ chuyên môn: dưới đại học', undergrad, NULL, NULL FROM c "
	"UNION ALL SELECT 11, 'Lý luận chính trị: cao cấp', pol_high, NULL, NULL FROM c "
	"UNION ALL SELECT 12, 'Lý luận chính trị: cử nhân', pol_bachelor, NULL, NULL FROM c "
	"UNION ALL SELECT 13, 'Lý luận chính trị: trung cấp', pol_mid, NULL, NULL FROM c "
	"UNION ALL SELECT 14, 'Lý luận chính trị: sơ cấp', pol_low, NULL, NULL FROM c) "
	/* the share as a number (the template prints it as a percentage) */
	"SELECT r.label AS label, r.n AS count, "
	"CASE WHEN c.total > 0 AND r.n IS NOT NULL THEN printf('%.10f', r.n * 1.0 / c.total) END AS pct, "
	/* a national target (NA): the book holds one province's part of the
	 * list it is a share of, so it is shown but not judged here */
	"CASE WHEN r.target IS NULL THEN NULL WHEN r.national = 1 THEN 'Cả nước: từ ' || r.target || '% trở lên (*)' "
	"ELSE 'Từ ' || r.target || '% trở lên' END AS target, "
	"CASE WHEN r.target IS NULL OR c.total = 0 OR r.n IS NULL OR r.national = 1 THEN NULL "
	"WHEN r.n * 100 >= c.total * r.target THEN 'Đạt' ELSE 'Chưa đạt' END AS result "
	"FROM r, c ORDER BY r.ord";

/* The summary is presented at round 3: its date, and who chaired it. */
static const char summary_scalars[] =
	"SELECT c.chair_name AS chair_name, " DATE_PARTS("c.held_on") " "
	"FROM (SELECT 1) LEFT JOIN conference c ON c.id = (SELECT id FROM conference WHERE body_id = :body "
	"AND kind = 'ht3' ORDER BY held_on DESC, id DESC LIMIT 1)";

const struct dataset_def dataset_defs[] = {
	{ "round", "một lần hiệp thương: hội nghị, bảng phân bổ (lần 1), danh sách (lần 2, 3)",
	  SEL_BODY | SEL_ROUND, 0,
	  "SELECT DISTINCT body_id AS body, CAST(substr(kind, 3) AS INTEGER) AS round FROM conference "
	  "WHERE kind IN ('ht1', 'ht2', 'ht3') ORDER BY body, round",
	  round_scalars, { { "allocation", round_allocation }, { "candidates", round_candidates },
			   { "purpose_lines", round_purpose }, { "attendee_lines", round_attendees },
			   { "guest_lines", round_guests }, { "agenda_lines", round_agenda },
			   { "agreed_lines", round_agreed } } },
	{ "unit_list", "những người một cơ quan, tổ chức, đơn vị giới thiệu",
	  SEL_BODY | SEL_UNIT, 0,
	  "SELECT DISTINCT body_id AS body, unit_id AS unit FROM candidacy WHERE unit_id IS NOT NULL "
	  "ORDER BY body, unit",
	  unit_scalars, { { "candidates", unit_candidates } } },
	{ "distribution", "dự kiến phân bổ người ứng cử theo đơn vị bầu cử",
	  SEL_BODY, 0,
	  "SELECT DISTINCT body_id AS body FROM candidacy WHERE constituency_id IS NOT NULL "
	  "AND status = 'active' AND stage IN ('qualified', 'official') ORDER BY body",
	  distribution_scalars,
	  { { "constituencies", distribution_constituencies }, { "candidates", distribution_candidates } } },
	{ "official_list", "danh sách chính thức ở một đơn vị bầu cử",
	  SEL_BODY | SEL_CONSTITUENCY, 0,
	  "SELECT DISTINCT q.body_id AS body, q.id AS constituency FROM candidacy k "
	  "JOIN constituency q ON q.id = k.constituency_id WHERE k.status = 'active' AND k.stage = 'official' "
	  "ORDER BY q.body_id, q.number",
	  official_scalars, { { "candidates", official_candidates } } },
	{ "conference", "một hội nghị cử tri hoặc một cuộc họp giới thiệu người ứng cử: thành phần, kết quả, kiểm phiếu",
	  SEL_CONFERENCE | SEL_BODY, 0,
	  "SELECT id AS conference, body_id AS body FROM conference "
	  "WHERE kind NOT IN ('ht1', 'ht2', 'ht3') ORDER BY held_on, id",
	  conference_scalars, { { "candidates", conference_candidates }, { "attendee_lines", conference_attendees },
				{ "tellers", conference_tellers }, { "witnesses", conference_witnesses },
				{ "selected", conference_selected }, { "results", conference_results } } },
	{ "vc_summary", "tổng hợp kết quả lấy ý kiến cử tri",
	  SEL_BODY, 0,
	  "SELECT DISTINCT k.body_id AS body FROM vote v JOIN conference c ON c.id = v.conference_id "
	  "JOIN candidacy k ON k.id = v.candidacy_id WHERE c.kind IN ('workplace', 'residence') ORDER BY body",
	  summary_scalars, { { "rows", summary_rows } } },
	{ "structure", "cơ cấu, thành phần của danh sách so với chỉ tiêu",
	  SEL_BODY, SEL_ROUND,
	  "SELECT DISTINCT body_id AS body FROM candidacy WHERE status = 'active' ORDER BY body",
	  structure_scalars, { { "stats", structure_stats } } },
	{ NULL, NULL, 0, 0, NULL, NULL, { { NULL, NULL } } },
};
