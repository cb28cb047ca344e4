/*
 * test_validate.c - the rule engine: the arithmetic at its boundaries
 * (validate_util.c) and the API that other commands call (validate.h),
 * on a book made from the province sample.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "book.h"
#include "cmd.h"
#include "db.h"
#include "rules.h"
#include "validate.h"
#include "validate_impl.h"
#include "unit.h"
#include "banned.h"

static const char tiny_pack[] =
	"pack: {id: \"t\", title: \"t\", law: \"t\"}\n"
	"rules:\n"
	"  - id: EXCESS-HDND\n"
	"    kind: min_candidates\n"
	"    severity: error\n"
	"    title: \"t\"\n"
	"    citation: \"c\"\n"
	"    params:\n"
	"      table:\n"
	"        - {seats_from: 1, seats_to: 2, extra: 1}\n"
	"        - {seats_from: 3, seats_to: 3, extra: 2}\n"
	"        - {seats_from: 4, seats_to: 5, extra: 3}\n";

TEST(seats_table_lookup)
{
	struct rule_pack p;
	const struct rule *r;
	long extra = -1;

	CHECK(rules_load_mem("tiny", tiny_pack, sizeof(tiny_pack) - 1, &p) == 0);
	r = rules_find(&p, "EXCESS-HDND");
	CHECK(r != NULL);
	CHECK(seats_extra(r, 1, &extra) && extra == 1);
	CHECK(seats_extra(r, 2, &extra) && extra == 1);
	CHECK(seats_extra(r, 3, &extra) && extra == 2);
	CHECK(seats_extra(r, 4, &extra) && extra == 3);
	CHECK(seats_extra(r, 5, &extra) && extra == 3);
	CHECK(!seats_extra(r, 6, &extra));
	CHECK(!seats_extra(r, 0, &extra));
	CHECK_INT_EQ(seats_min_extra(r), 1);
	rules_release(&p);
}

/* A one-rule share pack with these params. */
static int load_share(const char *params)
{
	char text[1024];
	struct rule_pack p;
	int rc;

	snprintf(text, sizeof(text),
		 "pack: {id: \"t\", title: \"t\", law: \"t\"}\n"
		 "rules:\n"
		 "  - id: S\n"
		 "    kind: share\n"
		 "    severity: warning\n"
		 "    title: \"t\"\n"
		 "    citation: \"c\"\n"
		 "    params: %s\n", params);
	rc = rules_load_mem("share.yaml", text, strlen(text), &p);
	rules_release(&p);
	return rc;
}

TEST(share_parameters_belong_to_their_attribute)
{
	CHECK(load_share("{attribute: women, min_percent: 35, list: official}") == 0);
	CHECK(load_share("{attribute: young, min_percent: 15, list: official, age_under: 40}") == 0);
	CHECK(load_share("{attribute: ethnic_minority, min_percent: 18, list: official, majority: \"Kinh\"}") == 0);
	CHECK(load_share("{attribute: young, min_percent: 15, list: official}") < 0);
	CHECK(load_share("{attribute: women, min_percent: 35, list: official, age_under: 40}") < 0);
	CHECK(load_share("{attribute: ethnic_minority, min_percent: 18, list: official}") < 0);
	CHECK(load_share("{attribute: women, min_percent: 35, list: official, majority: \"Kinh\"}") < 0);
	CHECK(load_share("{attribute: women, min_percent: 101, list: official}") < 0);
	CHECK(load_share("{attribute: women, min_percent: \"35\", list: official}") < 0);
}

TEST(share_at_the_boundary)
{
	/* 35 %: 7 of 20 passes, 6 of 20 fails */
	CHECK(share_meets(7, 20, 35));
	CHECK(!share_meets(6, 20, 35));
	/* 18 %: 9 of 50 is exactly 18 % */
	CHECK(share_meets(9, 50, 18));
	CHECK(!share_meets(8, 50, 18));
	/* 4.2 people round up to 5 */
	CHECK(!share_meets(4, 12, 35));
	CHECK(share_meets(5, 12, 35));
	CHECK_INT_EQ(share_needed(12, 35), 5);
	CHECK_INT_EQ(share_needed(20, 35), 7);
	CHECK_INT_EQ(share_needed(0, 35), 0);
	CHECK(share_meets(0, 0, 35));
	/* large lists: no overflow, no rounding */
	CHECK(share_meets(35000000LL, 100000000LL, 35));
	CHECK(!share_meets(34999999LL, 100000000LL, 35));
}

TEST(majority_is_strict)
{
	CHECK(!ratio_passes(25, 50, 1, 2));
	CHECK(ratio_passes(26, 50, 1, 2));
	CHECK(!ratio_passes(25, 51, 1, 2));
	CHECK(ratio_passes(26, 51, 1, 2));
	CHECK_INT_EQ(ratio_min_pass(50, 1, 2), 26);
	CHECK_INT_EQ(ratio_min_pass(51, 1, 2), 26);
	CHECK_INT_EQ(ratio_min_pass(60, 1, 2), 31);
	CHECK_INT_EQ(ratio_min_pass(0, 1, 2), 1);
}

TEST(quorum_fractions)
{
	CHECK(quorum_part_met(40, 60, 2, 3));
	CHECK(!quorum_part_met(39, 60, 2, 3));
	CHECK(quorum_part_met(66, 99, 2, 3));
	CHECK(!quorum_part_met(65, 99, 2, 3));
	CHECK(quorum_part_met(40, 80, 1, 2));
	CHECK(!quorum_part_met(40, 81, 1, 2));
	CHECK_INT_EQ(quorum_part_needed(60, 2, 3), 40);
	CHECK_INT_EQ(quorum_part_needed(61, 2, 3), 41);
	CHECK_INT_EQ(quorum_part_needed(81, 1, 2), 41);
}

TEST(percent_text)
{
	char b[32];

	percent_str(4, 12, b, sizeof(b));
	CHECK_STR_EQ(b, "33,33");
	percent_str(2, 12, b, sizeof(b));
	CHECK_STR_EQ(b, "16,67");
	percent_str(7, 20, b, sizeof(b));
	CHECK_STR_EQ(b, "35");
	percent_str(1, 8, b, sizeof(b));
	CHECK_STR_EQ(b, "12,50");
	percent_str(0, 0, b, sizeof(b));
	CHECK_STR_EQ(b, "0");
	percent_str(2, 3, b, sizeof(b));
	CHECK_STR_EQ(b, "66,67");
}

TEST(roman_numerals)
{
	char b[16];

	CHECK_INT_EQ(roman_value("XI", 2), 11);
	CHECK_INT_EQ(roman_value("xvi", 3), 16);
	CHECK_INT_EQ(roman_value("IX", 2), 9);
	CHECK_INT_EQ(roman_value("IIII", 4), 0);
	CHECK_INT_EQ(roman_value("VX", 2), 0);
	CHECK_INT_EQ(roman_value("XA", 2), 0);
	CHECK_INT_EQ(roman_value("", 0), 0);
	roman_str(10, b, sizeof(b));
	CHECK_STR_EQ(b, "X");
	roman_str(15, b, sizeof(b));
	CHECK_STR_EQ(b, "XV");
	roman_str(0, b, sizeof(b));
	CHECK_STR_EQ(b, "");
}

TEST(outgoing_term)
{
	char b[32];

	CHECK(prev_term("2026-2031", b, sizeof(b)) == 0);
	CHECK_STR_EQ(b, "2021-2026");
	CHECK(prev_term("2021-2026", b, sizeof(b)) == 0);
	CHECK_STR_EQ(b, "2016-2021");
	CHECK(prev_term("khóa XVI", b, sizeof(b)) < 0);
	CHECK(prev_term("2026-2031x", b, sizeof(b)) < 0);
	CHECK(prev_term(NULL, b, sizeof(b)) < 0);
}

TEST(address_names_the_unit)
{
	const char *u = "tỉnh Hòa Lâm", *bare = "Hòa Lâm";

	CHECK(text_names_unit("xã An Phú, tỉnh Hòa Lâm", u, bare));
	CHECK(text_names_unit("Sở Tư pháp tỉnh Hòa Lâm", u, bare));
	CHECK(text_names_unit("số 5 Lê Lợi, phường Tân An, HÒA LÂM", u, bare));
	/* NFD input (a Mac keyboard) */
	CHECK(text_names_unit("xa\xcc\x83 An Phu\xcc\x81, ti\xcc\x89nh Ho\xcc\x80" "a La\xcc\x82m", u, bare));
	CHECK(!text_names_unit("xã Hòa Lâm, tỉnh Bình Định", u, bare));
	CHECK(!text_names_unit("tỉnh Hòa Lâmxyz", u, bare));
	CHECK(!text_names_unit("xã Tân Hòa Lâm, tỉnh Khác", u, bare));
	CHECK(!text_names_unit("", u, bare));
	CHECK(!text_names_unit(NULL, u, bare));
	CHECK(text_has_word("Ông A, tỉnh Hòa Lâm.", "tỉnh hòa lâm"));
	CHECK(!text_has_word("tỉnh Hòa Lâmm", "tỉnh Hòa Lâm"));
}

/* The prepared names (one fold per text) answer as text_names_unit, for
 * one struct reused across units as the rule's pass does. */
TEST(prepared_unit_names)
{
	static const char *const texts[] = {
		"xã An Phú, tỉnh Hòa Lâm", "Sở Tư pháp tỉnh Hòa Lâm", "số 5 Lê Lợi, phường Tân An, HÒA LÂM",
		"xa\xcc\x83 An Phu\xcc\x81, ti\xcc\x89nh Ho\xcc\x80" "a La\xcc\x82m", "xã Hòa Lâm, tỉnh Bình Định",
		"tỉnh Hòa Lâmxyz", "xã Tân Hòa Lâm, tỉnh Khác", "", "  Hòa   Lâm  ", "Hòa Lâm,", ",Hòa Lâm", ",,",
		"HO\xcc\x80" "A LA\xcc\x82" "M, Việt Nam", "thôn 5, xã Lộc Sơn, Việt Nam", "Việt Nam", "Việt Namx",
		"bad \xff utf-8, Hòa Lâm", "bad \xff utf-8, tỉnh Hòa Lâm", "Lào", "xã An Phú",
		/* as written or not, at word boundaries or not */
		"tỉnh Hòa Lâm", "xtỉnh Hòa Lâm", "tỉnh Hòa Lâm.", "tỉnh Hòa Lâmá", "Tỉnh Hòa Lâm", "\tHòa Lâm\t, x",
		"Hòa  Lâm", "\xc2\xa0Hòa Lâm", "a,Hòa Lâm ,b", "(xã An Phú)", "xã An Phú2",
	};
	static const char *const units[][2] = {
		{ "tỉnh Hòa Lâm", "Hòa Lâm" }, { "xã An Phú", "Việt Nam" }, { NULL, "Hòa Lâm" }, { "tỉnh Hòa Lâm", NULL },
		{ "", "" }, { "Hòa Lâm", "tỉnh Hòa Lâm" }, { "tỉnh Hòa Lâm", "Hòa Lâm" },
	};
	struct unit_names n;
	int matched = 0;

	memset(&n, 0, sizeof(n));
	for (size_t u = 0; u < sizeof(units) / sizeof(units[0]); u++) {
		unit_names_set(&n, units[u][0], units[u][1]);
		for (size_t t = 0; t < sizeof(texts) / sizeof(texts[0]); t++) {
			int want = text_names_unit(texts[t], units[u][0], units[u][1]);
			CHECK_INT_EQ(unit_names_match(&n, texts[t]), want);
			matched += want;
		}
	}
	CHECK(matched > 30);
	unit_names_set(&n, "tỉnh Hòa Lâm", "Hòa Lâm");
	CHECK(unit_names_match(&n, "  HÒA  LÂM , Việt Nam"));
	CHECK(unit_names_match(&n, "bad \xff utf-8, Hòa Lâm"));
	CHECK(!unit_names_match(&n, "Hòa Lâmm, Việt Nam"));
	CHECK(!unit_names_match(&n, NULL));
	unit_names_release(&n);
}

TEST(re_elected_member)
{
	const char *council[] = { "Hội đồng nhân dân tỉnh Hòa Lâm", "HĐND tỉnh Hòa Lâm", NULL };
	const char *na[] = { "Quốc hội", NULL };

	CHECK(member_names_outgoing("Đại biểu HĐND tỉnh Hòa Lâm nhiệm kỳ 2021 - 2026", council, "2021-2026", "X"));
	CHECK(member_names_outgoing("Đại biểu HĐND tỉnh Hòa Lâm nhiệm kỳ 2021–2026", council, "2021-2026", "X"));
	CHECK(member_names_outgoing("Hội đồng nhân dân tỉnh Hòa Lâm khóa X", council, "2021-2026", "X"));
	CHECK(member_names_outgoing("HĐND tỉnh Hòa Lâm các khoá IX, X", council, "2021-2026", "X"));
	CHECK(member_names_outgoing("HĐND tỉnh Hòa Lâm khóa IX và X", council, "2021-2026", "X"));
	CHECK(!member_names_outgoing("HĐND tỉnh Hòa Lâm khóa XI", council, "2021-2026", "X"));
	CHECK(!member_names_outgoing("HĐND tỉnh Hòa Lâm khóa IX", council, "2021-2026", "X"));
	CHECK(!member_names_outgoing("HĐND tỉnh Hòa Lâm nhiệm kỳ 2016-2021", council, "2021-2026", "X"));
	CHECK(!member_names_outgoing("HĐND xã An Phú, tỉnh Hòa Lâm nhiệm kỳ 2021-2026", council, "2021-2026", "X"));
	CHECK(!member_names_outgoing("", council, "2021-2026", "X"));
	CHECK(member_names_outgoing("Đại biểu Quốc hội khóa XV", na, "2021-2026", "XV"));
	CHECK(!member_names_outgoing("Đại biểu Quốc hội khóa XIV", na, "2021-2026", "XV"));
}

TEST(moments_and_stamps)
{
	struct date d;
	int m;

	CHECK(moment_cmp("2026-02-03", "", "2026-02-03", "08:00") == 0);
	CHECK(moment_cmp("2026-02-03", "14:00", "2026-02-03", "08:00") > 0);
	CHECK(moment_cmp("2026-02-03", "07:59", "2026-02-03", "08:00") < 0);
	CHECK(moment_cmp("2026-02-02", "23:00", "2026-02-03", "08:00") < 0);
	CHECK(parse_stamp("2026-02-01 17:00", &d, &m) == 0 && m == 17 * 60 && d.d == 1);
	CHECK(parse_stamp("2026-02-01T16:59:59", &d, &m) == 0 && m == 16 * 60 + 59);
	CHECK(parse_stamp("2026-02-01", &d, &m) == 0 && m == -1);
	CHECK(parse_stamp("01/02/2026", &d, &m) < 0);
	CHECK(parse_stamp("2026-02-30", &d, &m) < 0);
	CHECK(parse_stamp("2026-02-01 25:00", &d, &m) < 0);
	CHECK_INT_EQ(parse_hhmm("17:00"), 1020);
	CHECK_INT_EQ(parse_hhmm("7:5x"), -1);
}

TEST(stages)
{
	CHECK_INT_EQ(stage_rank("proposed"), STAGE_PROPOSED);
	CHECK_INT_EQ(stage_rank("official"), STAGE_OFFICIAL);
	CHECK_INT_EQ(stage_rank("round3"), -1);
	CHECK_STR_EQ(stage_key(STAGE_QUALIFIED), "qualified");
}

/* ---- the API, on a real book ---- */

static char dir[64], path[128];

static sqlite3 *sample_book(void)
{
	const char *top = getenv("TOP");
	char cfg[512];
	char *argv[4];
	struct ctx ctx;
	sqlite3 *db = NULL;

	snprintf(dir, sizeof(dir), "/tmp/htvalXXXXXX");
	if (!mkdtemp(dir))
		return NULL;
	snprintf(path, sizeof(path), "%s/p.db", dir);
	snprintf(cfg, sizeof(cfg), "%s/samples/province/config.yaml", top ? top : ".");
	argv[0] = (char *)"init";
	argv[1] = (char *)"--config";
	argv[2] = cfg;
	argv[3] = NULL;
	memset(&ctx, 0, sizeof(ctx));
	ctx.db_path = path;
	ctx.cmd_name = "init";
	ctx.cmdline = "init (unit test)";
	if (cmd_init(&ctx, 3, argv) != 0 || db_open(path, &db) < 0)
		return NULL;
	return db;
}

static void drop_book(sqlite3 *db)
{
	db_close(db);
	unlink(path);
	rmdir(dir);
}

static int has_rule(const struct findings *f, const char *id)
{
	for (int i = 0; i < f->n; i++)
		if (!strcmp(f->v[i].rule->id, id))
			return 1;
	return 0;
}

TEST(check_conference_before_storing)
{
	sqlite3 *db = sample_book();
	struct conference_counts c = { "residence", "hdnd", "in_person", 1, 80, 80, 40, 5, -1, -1, -1, -1, -1, "" };
	struct vote_counts v[2] = { { "Lê Văn An", 30, 10, 0 }, { "Trần Thị Bình", 21, 18, 0 } };
	struct findings f = { 0 };

	CHECK(db != NULL);
	CHECK_INT_EQ(validate_check_conference(db, NULL, &c, v, 2, &f), 0);
	CHECK_INT_EQ(f.n, 0);
	c.present = 39;		/* quorum: half of 80 convened */
	CHECK_INT_EQ(validate_check_conference(db, NULL, &c, v, 2, &f), 2);	/* and 40 votes for 39 present */
	CHECK(has_rule(&f, "VC-QUORUM-RES"));
	CHECK(has_rule(&f, "VC-TRUST"));
	CHECK_STR_EQ(f.v[1].candidate, "Lê Văn An");
	findings_release(&f);
	c.present = 40;
	c.tellers = 4;
	c.ballots_issued = 40;
	c.ballots_returned = 40;
	c.ballots_valid = 38;
	c.ballots_invalid = 1;
	CHECK_INT_EQ(validate_check_conference(db, NULL, &c, v, 2, &f), 2);
	CHECK(has_rule(&f, "VC-TELLERS"));
	CHECK(has_rule(&f, "VC-BALLOTS"));
	findings_release(&f);
	/* a consultation round: its own counting team and who may vote */
	c.kind = "ht2";
	c.body_kind = "na";
	c.ballots_issued = c.ballots_returned = c.ballots_valid = c.ballots_invalid = -1;
	c.present = 35;
	CHECK_INT_EQ(validate_check_conference(db, NULL, &c, v, 2, &f), 3);	/* 4 tellers; 40 and 39 votes for 35 */
	CHECK(has_rule(&f, "HT-TELLERS"));
	CHECK(has_rule(&f, "HT-VOTERS"));
	CHECK(!has_rule(&f, "VC-TELLERS"));
	CHECK(f.pack != NULL);	/* the findings own the pack their rules point into */
	findings_release(&f);
	CHECK(f.pack == NULL && f.n == 0);
	drop_book(db);
}

static int exec(sqlite3 *db, const char *sql)
{
	return sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK ? 0 : -1;
}

TEST(candidacy_and_conference_after_storing)
{
	sqlite3 *db = sample_book();
	struct findings f = { 0 };

	CHECK(db != NULL);
	CHECK(exec(db, "INSERT INTO person (id, ho, ten_dem, ten, dob, sex, sort_key) VALUES "
		       "(1, 'Lê', 'Văn', 'An', '2005-03-16', 'nam', X''), (2, 'Lê', 'Văn', 'Bình', '1970-01-01', 'nam', X'');"
		       "INSERT INTO candidacy (id, person_id, body_id, source, stage) VALUES "
		       "(1, 1, 2, 'self', 'official'), (2, 2, 2, 'self', 'official');"
		       "INSERT INTO conference (id, kind, body_id, held_on, voters_at_place, invited, present) VALUES "
		       "(1, 'workplace', 2, '2026-01-10', 60, 60, 39);") == 0);
	/* only the record-level rules of that candidacy: no shares, no surplus */
	CHECK_INT_EQ(validate_candidacy(db, 1, &f), 1);
	CHECK_INT_EQ(f.n, 1);
	CHECK_STR_EQ(f.v[0].rule->id, "ELIG-AGE");
	CHECK_STR_EQ(f.v[0].candidate, "Lê Văn An");
	CHECK_INT_EQ(validate_candidacy(db, 2, &f), 0);
	CHECK_INT_EQ(f.n, 1);
	CHECK_INT_EQ(validate_conference(db, NULL, 1, &f), 1);
	CHECK_INT_EQ(f.n, 2);
	CHECK_STR_EQ(f.v[1].rule->id, "VC-QUORUM-WORK");
	findings_release(&f);
	drop_book(db);
}

TEST(age_on_the_stored_person)
{
	sqlite3 *db = sample_book();

	CHECK(db != NULL);
	/* body 1 is the National Assembly, body 2 the province's council;
	 * election day 15/03/2026, 21 years for both */
	CHECK(exec(db, "INSERT INTO person (id, ho, ten_dem, ten, dob, sex, sort_key) VALUES "
		       "(1, 'Lê', 'Văn', 'An', '2005-03-15', 'nam', X''), (2, 'Lê', 'Văn', 'Bình', '2005-03-16', 'nam', X''),"
		       "(3, 'Lê', 'Văn', 'Cường', '2005', 'nam', X'');"
		       "INSERT INTO candidacy (id, person_id, body_id, source, stage) VALUES "
		       "(1, 1, 1, 'self', 'nominated'), (2, 2, 1, 'self', 'nominated'), (3, 2, 2, 'self', 'nominated'),"
		       "(4, 3, 2, 'self', 'nominated');") == 0);
	CHECK_INT_EQ(validate_person_refuse(db, NULL, 1, "min_age", NULL, 0), 0);	/* 21 on the day */
	CHECK_INT_EQ(validate_person_refuse(db, NULL, 2, "min_age", NULL, 0), 2);	/* 20, in both bodies */
	CHECK_INT_EQ(validate_person_refuse(db, NULL, 3, "min_age", NULL, 0), 0);	/* the 1st of January (C9) */
	CHECK_INT_EQ(validate_person_refuse(db, NULL, 2, "nationality", NULL, 0), 0);	/* only the kind asked */
	drop_book(db);
}

TEST(after_change_and_export_gate)
{
	sqlite3 *db = sample_book();
	struct findings f = { 0 };
	struct validate_counts vc;

	CHECK(db != NULL);
	/* the council's official list: 2 people in unit 1 (4 seats), one of them 20 */
	CHECK(exec(db, "INSERT INTO person (id, ho, ten_dem, ten, dob, sex, sort_key) VALUES "
		       "(1, 'Lê', 'Văn', 'An', '2005-03-16', 'nam', X''), (2, 'Lê', 'Thị', 'Bình', '1970-01-01', 'nu', X'');"
		       "INSERT INTO candidacy (id, person_id, body_id, source, stage, constituency_id) VALUES "
		       "(1, 1, 2, 'self', 'official', 4), (2, 2, 2, 'self', 'official', 4);"
		       "INSERT INTO allocation_total (body_id, version, total) VALUES (2, 1, 5);") == 0);
	/* after an assignment: list-level findings only, nothing refused */
	CHECK(validate_after_change(db, 2, "official", &f) > 0);
	CHECK(has_rule(&f, "EXCESS-HDND"));
	CHECK(has_rule(&f, "HDND-REELECT"));	/* a warning */
	CHECK(!has_rule(&f, "ELIG-AGE"));	/* record-level */
	CHECK(!has_rule(&f, "ALLOC-SUM"));	/* another stage */
	findings_release(&f);
	/* the gate of the official list: errors block, warnings come along for the notes */
	CHECK(validate_export_gate(db, 2, "official", &f) > 0);
	findings_count(&f, &vc);
	CHECK(vc.errors > 0 && vc.warnings > 0);
	CHECK(has_rule(&f, "ELIG-AGE"));
	CHECK(has_rule(&f, "EXCESS-HDND"));
	CHECK(!has_rule(&f, "ALLOC-SUM"));
	for (int i = 0; i < f.n; i++)
		CHECK(!strcmp(f.v[i].body, "hdnd-tinh"));
	findings_release(&f);
	/* the gate of round 1's allocation: only what concerns it */
	CHECK_INT_EQ(validate_export_gate(db, 2, "proposed", &f), 2);	/* ALLOC-SUM, ELIG-AGE */
	CHECK(has_rule(&f, "ALLOC-SUM"));
	CHECK(!has_rule(&f, "EXCESS-HDND"));
	findings_release(&f);
	/* the NA's forms are not blocked by the council's errors */
	CHECK_INT_EQ(validate_export_gate(db, 1, "official", &f), 0);
	CHECK_INT_EQ(f.n, 0);
	findings_release(&f);
	drop_book(db);
}
