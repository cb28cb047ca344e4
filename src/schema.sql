-- schema.sql - the book: one Front committee's records of one election term.
--
-- Embedded in the binary (src/schema.h is generated from this file) and run
-- once by `init`.  PRAGMA user_version holds the schema version (db.h,
-- SCHEMA_VERSION); an older book is upgraded by the migrations in db.c, a
-- newer one is refused.  CHECK constraints keep out what must never be
-- stored whatever the command; legal rules that only warn, or that depend
-- on the term, live in the rule pack instead.
--
-- Conventions: dates are ISO text (YYYY-MM-DD; birth dates may be YYYY-MM or
-- YYYY when only that is known); times are HH:MM; counts are integers from 0
-- to 200000000 (COUNT_MAX in count.h: the rules' arithmetic cannot overflow);
-- names and codes are NFC UTF-8.

-- The files the book was made from, kept so that the book stands alone.
CREATE TABLE book (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	created_at TEXT NOT NULL,
	tool_version TEXT NOT NULL,
	config_path TEXT NOT NULL,
	config_text TEXT NOT NULL,
	term_path TEXT,
	term_text TEXT,
	rules_path TEXT NOT NULL,
	rules_text TEXT NOT NULL,
	name_key_version TEXT		-- text_loose_key_version() of the stored person.name_key
);

CREATE TABLE election (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	title TEXT NOT NULL,
	term TEXT NOT NULL,
	na_khoa TEXT,
	election_day TEXT NOT NULL CHECK (election_day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	pack_id TEXT NOT NULL,
	committee_level TEXT NOT NULL,
	committee_name TEXT NOT NULL,
	committee_place TEXT NOT NULL
);

-- "At the latest `days` days before election day" (process.md §5.5), with
-- the guidance window of the resolutions when there is one.
CREATE TABLE deadline (
	key TEXT PRIMARY KEY,
	days INTEGER NOT NULL CHECK (days >= 0),
	label TEXT NOT NULL,
	citation TEXT NOT NULL,
	applies_na INTEGER NOT NULL CHECK (applies_na IN (0, 1)),
	applies_hdnd INTEGER NOT NULL CHECK (applies_hdnd IN (0, 1)),
	window_from TEXT,
	window_to TEXT,
	CHECK (window_from IS NULL OR window_to IS NULL OR window_from <= window_to)
);

-- An elected body this committee consults for: the NA (the province's part
-- of it) or a People's Council.
CREATE TABLE body (
	id INTEGER PRIMARY KEY,
	code TEXT NOT NULL UNIQUE,		-- body type id of the config: "qh", "hdnd-tinh"
	kind TEXT NOT NULL CHECK (kind IN ('na', 'hdnd')),
	type_name TEXT NOT NULL,		-- "Hội đồng nhân dân cấp tỉnh"
	name TEXT NOT NULL,			-- "Hội đồng nhân dân tỉnh Sông Lam"
	khoa TEXT,
	seats INTEGER NOT NULL CHECK (seats > 0)
);

CREATE TABLE constituency (
	id INTEGER PRIMARY KEY,
	body_id INTEGER NOT NULL REFERENCES body(id),
	number INTEGER NOT NULL CHECK (number > 0),
	seats INTEGER NOT NULL CHECK (seats > 0),
	UNIQUE (body_id, number)
);

-- The communes (or thôn/TDP) that form a constituency, in the config's order.
CREATE TABLE constituency_area (
	constituency_id INTEGER NOT NULL REFERENCES constituency(id),
	seq INTEGER NOT NULL CHECK (seq > 0),
	name TEXT NOT NULL CHECK (name <> ''),
	PRIMARY KEY (constituency_id, seq)
);

-- Agencies, organisations, units, lower administrative units and thôn/TDP
-- that nominate people for one body.
CREATE TABLE unit (
	id INTEGER PRIMARY KEY,
	body_id INTEGER NOT NULL REFERENCES body(id),
	code TEXT NOT NULL CHECK (code <> ''),
	name TEXT NOT NULL CHECK (name <> ''),
	kind TEXT NOT NULL CHECK (kind IN ('political', 'front', 'socio_political', 'social', 'state',
		'public_service', 'enterprise', 'armed', 'admin_unit', 'thon')),
	UNIQUE (body_id, code)
);

-- Round 1's allocation to a unit and its adjustments; every version kept.
-- version 1 = agreed at round 1, 2 = first adjustment, 3 = second (NA only).
CREATE TABLE allocation (
	id INTEGER PRIMARY KEY,
	unit_id INTEGER NOT NULL REFERENCES unit(id),
	version INTEGER NOT NULL CHECK (version IN (1, 2, 3)),
	decided_on TEXT,
	count INTEGER NOT NULL CHECK (count BETWEEN 0 AND 200000000),
	women INTEGER NOT NULL DEFAULT 0 CHECK (women >= 0 AND women <= count),
	reelected INTEGER NOT NULL DEFAULT 0 CHECK (reelected >= 0 AND reelected <= count),
	non_party INTEGER NOT NULL DEFAULT 0 CHECK (non_party >= 0 AND non_party <= count),
	young INTEGER NOT NULL DEFAULT 0 CHECK (young >= 0 AND young <= count),
	ethnic_minority INTEGER NOT NULL DEFAULT 0 CHECK (ethnic_minority >= 0 AND ethnic_minority <= count),
	note TEXT,
	UNIQUE (unit_id, version)
);

-- A person, with the fields of the official lists (process.md §7.5, §7.15).
-- sort_key orders people officially (given name, family name, middle name,
-- birth date; collate_vi.h); a plain memcmp of BLOBs.
CREATE TABLE person (
	id INTEGER PRIMARY KEY,
	ho TEXT NOT NULL CHECK (ho <> ''),
	ten_dem TEXT NOT NULL DEFAULT '',
	ten TEXT NOT NULL CHECK (ten <> ''),
	other_names TEXT,
	dob TEXT NOT NULL CHECK (dob GLOB '[0-9][0-9][0-9][0-9]' OR dob GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'
		OR dob GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	sex TEXT NOT NULL CHECK (sex IN ('nam', 'nu')),
	nationality TEXT,
	ethnicity TEXT,
	religion TEXT,
	hometown TEXT,
	residence TEXT,
	edu_general TEXT,
	edu_professional TEXT,
	edu_degree TEXT,
	edu_political TEXT,
	edu_language TEXT,
	occupation TEXT,
	position TEXT,				-- chức vụ (the forms print "Nghề nghiệp, chức vụ")
	workplace TEXT,
	party_date TEXT,
	na_member TEXT,
	hdnd_member TEXT,
	sort_key BLOB NOT NULL,
	-- text_loose_key() of the full name, which person_find() compares so
	-- that matching needs no ICU for each namesake; NULL when the name was
	-- written outside hiepthuong (person_find() then folds it itself).
	name_key TEXT,
	id_number TEXT,				-- Số căn cước (NQ40 dossier field 9), when recorded
	UNIQUE (ho, ten_dem, ten, dob)
);
CREATE INDEX person_order ON person(sort_key);
-- A person is matched by full name and birth date (person_find).
CREATE INDEX person_dob ON person(dob, name_key);
-- A name changed without its key (in the sqlite3 shell) loses the key.
CREATE TRIGGER person_name_key_stale AFTER UPDATE OF ho, ten_dem, ten ON person
	WHEN NEW.name_key IS OLD.name_key
	 AND (NEW.ho IS NOT OLD.ho OR NEW.ten_dem IS NOT OLD.ten_dem OR NEW.ten IS NOT OLD.ten)
BEGIN
	UPDATE person SET name_key = NULL WHERE id = NEW.id;
END;

-- A person standing for one body.  stage is how far the candidacy got;
-- status says whether it is still in, and why not when dropped.
-- dossier_at is when the dossier was received: "YYYY-MM-DD HH:MM", or
-- "YYYY-MM-DD" when the hour was not recorded.  note is the list's "Ghi chú".
-- The CHECKs of this table and of candidacy_event spell a list of values
-- with OR: for IN with more than two values SQLite 3.40 builds a temporary
-- b-tree on every INSERT (a fifth of a candidate import, issue 8).
CREATE TABLE candidacy (
	id INTEGER PRIMARY KEY,
	person_id INTEGER NOT NULL REFERENCES person(id),
	body_id INTEGER NOT NULL REFERENCES body(id),
	source TEXT NOT NULL CHECK (source = 'unit' OR source = 'thon' OR source = 'self'),
	unit_id INTEGER REFERENCES unit(id),
	dossier_at TEXT,
	stage TEXT NOT NULL DEFAULT 'nominated' CHECK (stage = 'proposed' OR stage = 'nominated'
		OR stage = 'preliminary' OR stage = 'qualified' OR stage = 'official'),
	status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'dropped')),
	drop_reason TEXT CHECK (drop_reason = 'withdrew' OR drop_reason = 'not_nominated'
		OR drop_reason = 'workplace_trust' OR drop_reason = 'residence_trust'
		OR drop_reason = 'verification' OR drop_reason = 'not_qualified' OR drop_reason = 'other'),
	drop_note TEXT,
	special_case INTEGER NOT NULL DEFAULT 0 CHECK (special_case IN (0, 1)),
	special_reason TEXT,
	constituency_id INTEGER REFERENCES constituency(id),
	note TEXT,
	UNIQUE (person_id, body_id),
	-- a self-nominee has no unit; a nominee has one, unless the list it
	-- came from did not say (a published list imported or adopted)
	CHECK (source <> 'self' OR unit_id IS NULL),
	CHECK ((status = 'dropped') = (drop_reason IS NOT NULL)),
	CHECK (drop_reason IS NOT 'other' OR drop_note IS NOT NULL),
	CHECK (special_case = 0 OR special_reason IS NOT NULL)
);
CREATE INDEX candidacy_body ON candidacy(body_id, stage, status);
-- A unit's nominees: counted against its allocation after every import
-- and by the validator (a full scan per unit was quadratic in book size).
CREATE INDEX candidacy_unit ON candidacy(unit_id);
-- A constituency's list: counted by the validator (EXCESS-*), printed by export.
CREATE INDEX candidacy_constituency ON candidacy(constituency_id);

-- Every meeting of the process: the three consultation rounds, the units'
-- nomination meetings, and the voter conferences.
CREATE TABLE conference (
	id INTEGER PRIMARY KEY,
	kind TEXT NOT NULL CHECK (kind IN ('ht1', 'ht2', 'ht3', 'leadership', 'expanded_leadership',
		'workplace', 'residence', 'bctmt', 'thon')),
	body_id INTEGER NOT NULL REFERENCES body(id),
	unit_id INTEGER REFERENCES unit(id),
	held_on TEXT NOT NULL CHECK (held_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	start_time TEXT,
	end_time TEXT,
	place TEXT,
	mode TEXT NOT NULL DEFAULT 'in_person' CHECK (mode IN ('in_person', 'online', 'distribution')),
	chair_name TEXT,
	chair_position TEXT,
	secretary_name TEXT,
	secretary_position TEXT,
	voters_at_place INTEGER CHECK (voters_at_place BETWEEN 0 AND 200000000),
	invited INTEGER CHECK (invited BETWEEN 0 AND 200000000),
	present INTEGER CHECK (present BETWEEN 0 AND 200000000),
	absent INTEGER CHECK (absent BETWEEN 0 AND 200000000),
	guests TEXT,
	agenda TEXT,
	agreed TEXT,
	vote_method TEXT CHECK (vote_method IN ('hands', 'ballot', 'online_poll')),
	tellers INTEGER CHECK (tellers BETWEEN 0 AND 200000000),
	ballots_issued INTEGER CHECK (ballots_issued BETWEEN 0 AND 200000000),
	ballots_returned INTEGER CHECK (ballots_returned BETWEEN 0 AND 200000000),
	ballots_valid INTEGER CHECK (ballots_valid BETWEEN 0 AND 200000000),
	ballots_invalid INTEGER CHECK (ballots_invalid BETWEEN 0 AND 200000000),
	votes_cast INTEGER CHECK (votes_cast BETWEEN 0 AND 200000000),	-- consultation rounds: ballots/hands counted
	notice_ref TEXT,				-- "Thông báo số …/TB-MTTQ ngày …" the meeting acts on
	-- What the minutes record besides the counts (Mẫu 01/BCĐ, 01, 02/HNCT,
	-- 06/BBKP).  Texts of several entries hold one entry a line (LF).
	purpose TEXT,					-- mục đích của hội nghị
	attendees TEXT,					-- thành phần: those present, a line each
	commune TEXT,					-- xã/phường/đặc khu of a voter conference
	locality TEXT,					-- thôn/tổ dân phố of a residence conference
	issue_time TEXT CHECK (issue_time GLOB '[0-2][0-9]:[0-5][0-9]'),	-- thời gian phát phiếu
	collect_time TEXT CHECK (collect_time GLOB '[0-2][0-9]:[0-5][0-9]'),	-- thời hạn thu phiếu
	CHECK (present IS NULL OR invited IS NULL OR present <= invited),
	CHECK (votes_cast IS NULL OR present IS NULL OR votes_cast <= present),
	CHECK (invited IS NULL OR voters_at_place IS NULL OR invited <= voters_at_place),
	CHECK (ballots_returned IS NULL OR ballots_issued IS NULL OR ballots_returned <= ballots_issued),
	CHECK (start_time IS NULL OR end_time IS NULL OR start_time <= end_time)
);
CREATE INDEX conference_body ON conference(body_id, kind, held_on);

-- The counting team (tổ kiểm phiếu; seq 1 is its head, tổ trưởng) and the
-- voters who witnessed the count (đại diện cử tri chứng kiến) of a
-- conference, in the order the minutes name them.
CREATE TABLE conference_member (
	conference_id INTEGER NOT NULL REFERENCES conference(id),
	role TEXT NOT NULL CHECK (role IN ('teller', 'witness')),
	seq INTEGER NOT NULL CHECK (seq > 0),
	name TEXT NOT NULL CHECK (name <> ''),
	position TEXT,
	PRIMARY KEY (conference_id, role, seq)
);

-- The total number of nominees agreed for a body at round 1 (version 1)
-- and after each adjustment (2, 3), against which the allocation table
-- must add up (rule kind alloc_sum, ALLOC-SUM).
CREATE TABLE allocation_total (
	body_id INTEGER NOT NULL REFERENCES body(id),
	version INTEGER NOT NULL CHECK (version IN (1, 2, 3)),
	total INTEGER NOT NULL CHECK (total BETWEEN 0 AND 200000000),
	PRIMARY KEY (body_id, version)
);

-- One candidacy's result at one conference.
CREATE TABLE vote (
	conference_id INTEGER NOT NULL REFERENCES conference(id),
	candidacy_id INTEGER NOT NULL REFERENCES candidacy(id),
	trust INTEGER NOT NULL CHECK (trust BETWEEN 0 AND 200000000),
	distrust INTEGER NOT NULL DEFAULT 0 CHECK (distrust BETWEEN 0 AND 200000000),
	invalid INTEGER NOT NULL DEFAULT 0 CHECK (invalid BETWEEN 0 AND 200000000),
	revote INTEGER CHECK (revote BETWEEN 0 AND 200000000),	-- thôn conference: votes at the re-vote of a tie
	opinion TEXT,				-- the voters' opinion of the candidate (ý kiến nhận xét)
	PRIMARY KEY (conference_id, candidacy_id)
);
-- A candidacy's results (the round-3 decision reads its residence result).
CREATE INDEX vote_candidacy ON vote(candidacy_id);

-- Issues voters raised about a candidate, and how they were verified.
CREATE TABLE voter_issue (
	id INTEGER PRIMARY KEY,
	candidacy_id INTEGER NOT NULL REFERENCES candidacy(id),
	conference_id INTEGER REFERENCES conference(id),
	text TEXT NOT NULL CHECK (text <> ''),
	responsible TEXT,
	answer_ref TEXT,
	answer_date TEXT,
	conclusion TEXT
);

-- A candidacy's path: one row each time a stage decision includes or drops
-- it, so that `show` can tell its whole history.
CREATE TABLE candidacy_event (
	id INTEGER PRIMARY KEY,
	candidacy_id INTEGER NOT NULL REFERENCES candidacy(id),
	at TEXT NOT NULL,		-- when it happened: the meeting's day, the dossier's, else the day entered
	entered TEXT NOT NULL,		-- the day it was entered (the book's today); the audit trail has the time
	stage TEXT NOT NULL,
	decision TEXT NOT NULL CHECK (decision = 'in' OR decision = 'out' OR decision = 'special'
		OR decision = 'assigned' OR decision = 'correction'),
	reason TEXT,
	note TEXT,
	conference_id INTEGER REFERENCES conference(id)
);
CREATE INDEX candidacy_event_cand ON candidacy_event(candidacy_id, at);

-- Dated one-off events of a body that deadline rules check (rule kind
-- deadline): round3_sent = the round-3 minutes and list were sent
-- (HT3-SEND), official_list = the official list was published
-- (LIST-DEADLINE); and distribution = the election committee's report on
-- the distribution of NA candidates over the constituencies (Mẫu 16).
-- ref is the number of the act (the resolution behind the official list).
CREATE TABLE body_event (
	body_id INTEGER NOT NULL REFERENCES body(id),
	event TEXT NOT NULL CHECK (event IN ('round3_sent', 'official_list', 'distribution')),
	on_date TEXT NOT NULL CHECK (on_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	ref TEXT,
	note TEXT,
	PRIMARY KEY (body_id, event)
);

-- A stage whose list was exported as final (`export` without --draft of a
-- template with `locks: true`): what the stage decided may then change
-- only by a correction with its reason (lock.h).  The first export's form,
-- day and file are kept.
CREATE TABLE stage_lock (
	body_id INTEGER NOT NULL REFERENCES body(id),
	stage TEXT NOT NULL CHECK (stage IN ('preliminary', 'qualified', 'official')),
	locked_at TEXT NOT NULL CHECK (locked_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	form TEXT NOT NULL,
	file TEXT NOT NULL,
	PRIMARY KEY (body_id, stage)
);

-- Who changed what and when; every writing command appends one row in its
-- own transaction.  The rows form a hash chain: src/audit.h gives the exact
-- encoding so that anyone can recompute it.  changes is a JSON array;
-- subjects names the rows concerned ("body:1 candidacy:12"); state is the
-- digest of the book's data after the command.
CREATE TABLE audit (
	id INTEGER PRIMARY KEY,
	at TEXT NOT NULL,
	operator TEXT NOT NULL,
	command TEXT NOT NULL,
	changes TEXT,
	subjects TEXT NOT NULL,
	state TEXT NOT NULL,
	prev_hash TEXT NOT NULL,
	hash TEXT NOT NULL UNIQUE
);

-- Entries are only ever appended.  These triggers stop a slip in the
-- sqlite3 shell; deliberate tampering is caught by `audit verify`.
CREATE TRIGGER audit_append_only_update BEFORE UPDATE ON audit
BEGIN
	SELECT RAISE(ABORT, 'nhật ký chỉ được ghi thêm, không được sửa');
END;
CREATE TRIGGER audit_append_only_delete BEFORE DELETE ON audit
BEGIN
	SELECT RAISE(ABORT, 'nhật ký chỉ được ghi thêm, không được xóa');
END;

-- The chain's head, updated with every entry: the last entry, its hash,
-- the number of entries, and the digest of each table, so that removing
-- entries from the end and changes to the data show.
CREATE TABLE audit_head (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	entries INTEGER NOT NULL,
	last_id INTEGER NOT NULL,
	hash TEXT NOT NULL,
	state TEXT NOT NULL,
	tables TEXT NOT NULL
);

-- ---- The roll-up (docs/rollup.md) ----
-- A committee reads the books of the committees below it (`rollup read`),
-- each verified first; what each book contributed is kept here, in this
-- book and under its audit trail, so that reports and the checks across
-- books (ELIG-LEVELS, ELIG-ONEUNIT) need not read the sources again.
-- Every row belongs to one source; reading a source again replaces all
-- of its rows.  Nothing here is a record of this committee's own work.

-- A committee whose book was read: directly (via_id NULL), or inside the
-- roll-up of a committee between (a commune inside a province's book that
-- the central committee read).  Committee names repeat across the country
-- (many provinces have a xã An Phú), so a committee is its name and level
-- under the book it came through.
CREATE TABLE rollup_source (
	id INTEGER PRIMARY KEY,
	via_id INTEGER REFERENCES rollup_source(id),
	level TEXT NOT NULL,			-- its committee level id ("xa")
	name TEXT NOT NULL,			-- "Ủy ban Mặt trận Tổ quốc Việt Nam xã Tân Hòa Lâm"
	place TEXT NOT NULL,
	file TEXT NOT NULL,			-- the file read, as its reader named it
	head TEXT NOT NULL,			-- the audit head hash of the book read
	entries INTEGER NOT NULL CHECK (entries BETWEEN 1 AND 200000000),	-- its audit entries then
	last_at TEXT NOT NULL,			-- its last entry's time: how recent the book is
	read_at TEXT NOT NULL,			-- when it was read (by this book, or by via)
	contributed TEXT NOT NULL		-- what it brought: "1 cơ quan, 39 ứng cử, ..."
);
CREATE UNIQUE INDEX rollup_source_committee ON rollup_source(coalesce(via_id, 0), level, name);
CREATE INDEX rollup_source_via ON rollup_source(via_id);

-- An elected body of a source, its seats and the size of its constituencies.
CREATE TABLE rollup_body (
	id INTEGER PRIMARY KEY,
	source_id INTEGER NOT NULL REFERENCES rollup_source(id),
	code TEXT NOT NULL,			-- body type id: "qh", "hdnd-xa"
	kind TEXT NOT NULL CHECK (kind IN ('na', 'hdnd')),
	type_name TEXT NOT NULL,
	name TEXT NOT NULL,
	khoa TEXT,
	seats INTEGER NOT NULL CHECK (seats BETWEEN 1 AND 200000000),
	UNIQUE (source_id, code)
);

CREATE TABLE rollup_constituency (
	body_id INTEGER NOT NULL REFERENCES rollup_body(id),
	number INTEGER NOT NULL CHECK (number BETWEEN 1 AND 200000000),
	seats INTEGER NOT NULL CHECK (seats BETWEEN 1 AND 200000000),
	PRIMARY KEY (body_id, number)
);

-- Dated steps of a body, for the calendar: the consultation rounds held
-- (event = the conference kind, ht1..ht3, on the day of the latest) and
-- its body_event rows (round3_sent, official_list).
CREATE TABLE rollup_event (
	body_id INTEGER NOT NULL REFERENCES rollup_body(id),
	event TEXT NOT NULL,
	on_date TEXT NOT NULL,
	PRIMARY KEY (body_id, event)
);

-- Voter conferences of a body by kind (workplace, residence, thon): how
-- many were held, how many results they recorded and how many passed
-- (trust, or selection at a thôn, under the reading book's rule pack).
CREATE TABLE rollup_conference (
	body_id INTEGER NOT NULL REFERENCES rollup_body(id),
	kind TEXT NOT NULL,
	held INTEGER NOT NULL CHECK (held BETWEEN 0 AND 200000000),
	results INTEGER NOT NULL CHECK (results BETWEEN 0 AND 200000000),
	passed INTEGER NOT NULL CHECK (passed >= 0 AND passed <= results),
	PRIMARY KEY (body_id, kind)
);

-- One candidacy of a source: the person as the checks across books match
-- them (name_key: text_loose_key() of the name, made by the reading book;
-- the birth date; the identity number when recorded), and what the
-- reports count; first_stage is where its history starts.  Two bit sets
-- keep the row small (a national roll-up holds 140,000 of them, and the
-- audit digest reads every field):
--   attrs  the structure attributes as the share rules count them
--          (docs/rule-packs.md §9.3): bit 1 women, 2 ethnic minority,
--          4 young, 8 non-Party, 16 re-elected, 32 self-nominated; the
--          same bits times 256 when the reading book's pack gives no way
--          to tell (no age for "young");
--   lists  the lists of docs/rule-packs.md §9.2 it is on: bit 1 submitted
--          to round 2, 2 nominees, 4 preliminary, 8 presented to round 3,
--          16 qualified, 32 official.
CREATE TABLE rollup_candidacy (
	id INTEGER PRIMARY KEY,
	body_id INTEGER NOT NULL REFERENCES rollup_body(id),
	name TEXT NOT NULL,
	name_key TEXT NOT NULL,
	dob TEXT NOT NULL,
	id_number TEXT,
	constituency INTEGER,
	stage TEXT NOT NULL,
	first_stage TEXT NOT NULL,
	status TEXT NOT NULL CHECK (status IN ('active', 'dropped')),
	drop_reason TEXT,
	attrs INTEGER NOT NULL CHECK (attrs >= 0 AND attrs < 16384),
	lists INTEGER NOT NULL CHECK (lists >= 0 AND lists < 64)
);
CREATE INDEX rollup_candidacy_body ON rollup_candidacy(body_id);
