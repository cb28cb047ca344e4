/*
 * test_person.c - reading a person's fields, the checks made at entry
 * (person.c), dossier times, sources and stages (candidacy.c), unit kinds
 * and allocation checks (units.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book.h"
#include "candidacy.h"
#include "person.h"
#include "units.h"
#include "unit.h"
#include "banned.h"

TEST(full_name_split)
{
	struct person p = { 0 };
	char err[256];

	CHECK_INT_EQ(person_set_full_name(&p, "Nguyễn Thị Thu Hằng", err, sizeof(err)), 0);
	CHECK_STR_EQ(p.v[PF_HO], "Nguyễn");
	CHECK_STR_EQ(p.v[PF_TEN_DEM], "Thị Thu");
	CHECK_STR_EQ(p.v[PF_TEN], "Hằng");
	CHECK(p.v[PF_OTHER_NAMES] == NULL);

	CHECK_INT_EQ(person_set_full_name(&p, "Lê An", err, sizeof(err)), 0);
	CHECK_STR_EQ(p.v[PF_HO], "Lê");
	CHECK(p.v[PF_TEN_DEM] == NULL);
	CHECK_STR_EQ(p.v[PF_TEN], "An");

	/* other names in brackets; spacing around them does not matter */
	CHECK_INT_EQ(person_set_full_name(&p, "Nguyễn Văn A  ( Hòa thượng Thích Thanh A )", err, sizeof(err)), 0);
	CHECK_STR_EQ(p.v[PF_TEN], "A");
	CHECK_STR_EQ(p.v[PF_OTHER_NAMES], "Hòa thượng Thích Thanh A");
	person_release(&p);

	CHECK_INT_EQ(person_set_full_name(&p, "Mười", err, sizeof(err)), -1);
	CHECK(strstr(err, "hai từ") != NULL);
	CHECK_INT_EQ(person_set_full_name(&p, "Lê Văn 3", err, sizeof(err)), -1);
	CHECK(strstr(err, "chữ số") != NULL);
	CHECK_INT_EQ(person_set_full_name(&p, "Lê Văn (A", err, sizeof(err)), -1);
	CHECK_INT_EQ(person_set_full_name(&p, "Lê (A) Văn", err, sizeof(err)), -1);
	person_release(&p);
}

TEST(full_name_from_parts)
{
	struct person p = { 0 };
	char err[64], *n;

	CHECK_INT_EQ(person_set(&p, PF_HO, "Tôn Nữ", err, sizeof(err)), 0);
	CHECK_INT_EQ(person_set(&p, PF_TEN, "Hà", err, sizeof(err)), 0);
	n = person_full_name(&p);
	CHECK_STR_EQ(n, "Tôn Nữ Hà");
	free(n);
	CHECK_INT_EQ(person_set(&p, PF_TEN_DEM, "Thị", err, sizeof(err)), 0);
	n = person_full_name(&p);
	CHECK_STR_EQ(n, "Tôn Nữ Thị Hà");
	free(n);
	CHECK_INT_EQ(person_set(&p, PF_TEN, "Hà 2", err, sizeof(err)), -1);
	person_release(&p);
}

TEST(dates_and_sex)
{
	struct person p = { 0 };
	char err[256], *shown;

	CHECK_INT_EQ(person_set(&p, PF_DOB, "5/3/1970", err, sizeof(err)), 0);
	CHECK_STR_EQ(p.v[PF_DOB], "1970-03-05");
	shown = person_display(&p, PF_DOB);
	CHECK_STR_EQ(shown, "05/03/1970");
	free(shown);
	CHECK_INT_EQ(person_set(&p, PF_DOB, "1970-03-05", err, sizeof(err)), 0);
	CHECK_STR_EQ(p.v[PF_DOB], "1970-03-05");
	CHECK_INT_EQ(person_set(&p, PF_DOB, "1970", err, sizeof(err)), 0);
	CHECK_STR_EQ(p.v[PF_DOB], "1970");
	CHECK_INT_EQ(person_set(&p, PF_DOB, "03/1970", err, sizeof(err)), 0);
	CHECK_STR_EQ(p.v[PF_DOB], "1970-03");
	CHECK_INT_EQ(person_set(&p, PF_DOB, "31/02/1970", err, sizeof(err)), -1);
	CHECK(strstr(err, "ngày không tồn tại") && strstr(err, "'31/02/1970'"));
	CHECK_INT_EQ(person_set(&p, PF_DOB, "1970-13-01", err, sizeof(err)), -1);
	CHECK_INT_EQ(person_set(&p, PF_PARTY_DATE, "19/5/1995", err, sizeof(err)), 0);
	CHECK_STR_EQ(p.v[PF_PARTY_DATE], "1995-05-19");

	CHECK_INT_EQ(person_set(&p, PF_SEX, "Nữ", err, sizeof(err)), 0);
	CHECK_STR_EQ(p.v[PF_SEX], "nu");
	CHECK_INT_EQ(person_set(&p, PF_SEX, "NỮ", err, sizeof(err)), 0);
	CHECK_STR_EQ(p.v[PF_SEX], "nu");
	CHECK_INT_EQ(person_set(&p, PF_SEX, "nu", err, sizeof(err)), 0);
	CHECK_STR_EQ(p.v[PF_SEX], "nu");
	CHECK_INT_EQ(person_set(&p, PF_SEX, "Nam", err, sizeof(err)), 0);
	CHECK_STR_EQ(p.v[PF_SEX], "nam");
	shown = person_display(&p, PF_SEX);
	CHECK_STR_EQ(shown, "Nam");
	free(shown);
	CHECK_INT_EQ(person_set(&p, PF_SEX, "M", err, sizeof(err)), -1);

	/* an empty value clears the field */
	CHECK_INT_EQ(person_set(&p, PF_PARTY_DATE, "", err, sizeof(err)), 0);
	CHECK(p.v[PF_PARTY_DATE] == NULL);
	person_release(&p);
}

struct reports {
	int n;
	int field[8];
	char msg[8][256];
};

static void collect(void *arg, int field, const char *msg)
{
	struct reports *r = arg;

	if (r->n < 8) {
		r->field[r->n] = field;
		snprintf(r->msg[r->n], sizeof(r->msg[0]), "%s", msg);
	}
	r->n++;
}

/* A book as book_info_load() would read it for the 2026 pack. */
static void test_book(struct book_info *bi, long min_age)
{
	memset(bi, 0, sizeof(*bi));
	bi->election_day.y = 2026;
	bi->election_day.m = 3;
	bi->election_day.d = 15;
	vi_collation_default(&bi->coll);
	if (min_age) {
		bi->min_age_rule = "ELIG-AGE";
		bi->min_age = min_age;
	}
}

static int check_dob(const struct book_info *bi, const char *dob, struct reports *r)
{
	struct person p = { 0 };
	char err[128];
	int n;

	memset(r, 0, sizeof(*r));
	person_set_full_name(&p, "Lê Văn An", err, sizeof(err));
	person_set(&p, PF_SEX, "Nam", err, sizeof(err));
	person_set(&p, PF_DOB, dob, err, sizeof(err));
	n = person_check(bi, &p, collect, r);
	person_release(&p);
	return n;
}

TEST(age_on_election_day)
{
	struct book_info bi;
	struct reports r;

	/* the age itself (ELIG-AGE) is the validator's, judged on the stored
	 * candidacy (test_validate.c age_on_the_stored_person, t2009):
	 * person_check() judges the date alone */
	test_book(&bi, 21);
	CHECK_INT_EQ(check_dob(&bi, "15/03/2005", &r), 0);
	CHECK_INT_EQ(check_dob(&bi, "16/03/2005", &r), 0);
	CHECK_INT_EQ(check_dob(&bi, "2006", &r), 0);
	/* after election day: refused as a date, before any rule */
	CHECK_INT_EQ(check_dob(&bi, "16/03/2026", &r), 1);
	CHECK_INT_EQ(r.field[0], PF_DOB);
	CHECK(strstr(r.msg[0], "sau ngày bầu cử 15/03/2026") != NULL);
}

TEST(required_fields_and_party_date)
{
	struct book_info bi;
	struct person p = { 0 };
	struct reports r = { 0 };
	char err[64];

	test_book(&bi, 21);
	CHECK_INT_EQ(person_check(&bi, &p, collect, &r), 4);
	CHECK_INT_EQ(r.field[0], PF_HO);
	CHECK_INT_EQ(r.field[1], PF_TEN);
	CHECK_INT_EQ(r.field[2], PF_DOB);
	CHECK_INT_EQ(r.field[3], PF_SEX);
	person_set_full_name(&p, "Lê Văn An", err, sizeof(err));
	person_set(&p, PF_SEX, "Nam", err, sizeof(err));
	person_set(&p, PF_DOB, "1970", err, sizeof(err));
	person_set(&p, PF_PARTY_DATE, "1969", err, sizeof(err));
	memset(&r, 0, sizeof(r));
	CHECK_INT_EQ(person_check(&bi, &p, collect, &r), 1);
	CHECK_INT_EQ(r.field[0], PF_PARTY_DATE);
	person_set(&p, PF_PARTY_DATE, "2026-03-16", err, sizeof(err));
	memset(&r, 0, sizeof(r));
	CHECK_INT_EQ(person_check(&bi, &p, collect, &r), 1);
	CHECK(strstr(r.msg[0], "sau ngày bầu cử") != NULL);
	person_release(&p);
}

TEST(person_diff_names_fields)
{
	struct person a = { 0 }, b = { 0 };
	char err[64], *d;

	person_set(&a, PF_OCCUPATION, "Kỹ sư", err, sizeof(err));
	person_set(&a, PF_WORKPLACE, "Sở Y tế", err, sizeof(err));
	person_set(&b, PF_OCCUPATION, "Bác sĩ", err, sizeof(err));
	person_set(&b, PF_ETHNICITY, "Kinh", err, sizeof(err));
	d = person_diff(&a, &b);
	CHECK_STR_EQ(d, "Dân tộc, Nghề nghiệp");	/* workplace not given in b: not compared */
	free(d);
	d = person_diff(&a, &a);
	CHECK_STR_EQ(d, "");
	free(d);
	person_release(&a);
	person_release(&b);
}

TEST(dossier_times)
{
	char out[24], err[256], *shown;

	CHECK_INT_EQ(dossier_parse("01/02/2026 16:45", out, sizeof(out), err, sizeof(err)), 0);
	CHECK_STR_EQ(out, "2026-02-01 16:45");
	CHECK_INT_EQ(dossier_parse("2026-02-01 9:05", out, sizeof(out), err, sizeof(err)), 0);
	CHECK_STR_EQ(out, "2026-02-01 09:05");
	CHECK_INT_EQ(dossier_parse("1/2/2026 16h30", out, sizeof(out), err, sizeof(err)), 0);
	CHECK_STR_EQ(out, "2026-02-01 16:30");
	CHECK_INT_EQ(dossier_parse("01/02/2026 16:30:59", out, sizeof(out), err, sizeof(err)), 0);
	CHECK_STR_EQ(out, "2026-02-01 16:30");
	CHECK_INT_EQ(dossier_parse("01/02/2026 17 giờ 00", out, sizeof(out), err, sizeof(err)), 0);
	CHECK_STR_EQ(out, "2026-02-01 17:00");
	CHECK_INT_EQ(dossier_parse("01/02/2026", out, sizeof(out), err, sizeof(err)), 0);
	CHECK_STR_EQ(out, "2026-02-01");
	shown = dossier_display("2026-02-01 16:45");
	CHECK_STR_EQ(shown, "01/02/2026 16:45");
	free(shown);

	CHECK_INT_EQ(dossier_parse("30/02/2026 10:00", out, sizeof(out), err, sizeof(err)), -1);
	CHECK(strstr(err, "ngày không tồn tại") != NULL);
	CHECK_INT_EQ(dossier_parse("01/02/2026 24:00", out, sizeof(out), err, sizeof(err)), -1);
	CHECK_INT_EQ(dossier_parse("01/02/2026 10:7", out, sizeof(out), err, sizeof(err)), -1);
	CHECK_INT_EQ(dossier_parse("01/02/2026 chiều", out, sizeof(out), err, sizeof(err)), -1);
	CHECK_INT_EQ(dossier_parse("2026", out, sizeof(out), err, sizeof(err)), -1);
}

TEST(sources_and_stages)
{
	CHECK_STR_EQ(source_parse("Tự ứng cử"), "self");
	CHECK_STR_EQ(source_parse("TỰ ỨNG CỬ"), "self");
	CHECK_STR_EQ(source_parse("self"), "self");
	CHECK_STR_EQ(source_parse("thôn"), "thon");
	CHECK_STR_EQ(source_parse("Tổ dân phố"), "thon");
	CHECK_STR_EQ(source_parse("unit"), "unit");
	CHECK(source_parse("UBND") == NULL);
	CHECK_STR_EQ(stage_find("được giới thiệu")->key, "nominated");
	CHECK_STR_EQ(stage_find("Proposed")->key, "proposed");
	CHECK(stage_find("sơ bộ") == NULL);
}

TEST(unit_kinds_map)
{
	static const char *const pairs[][2] = {
		{ "Tổ chức chính trị", "political" }, { "Mặt trận Tổ quốc Việt Nam", "front" },
		{ "tổ chức chính trị - xã hội", "socio_political" }, { "Tổ chức xã hội", "social" },
		{ "Cơ quan nhà nước", "state" }, { "Đơn vị sự nghiệp công lập", "public_service" },
		{ "Doanh nghiệp", "enterprise" }, { "Lực lượng vũ trang", "armed" },
		{ "Đơn vị hành chính cấp dưới", "admin_unit" }, { "Thôn, tổ dân phố", "thon" },
		{ "Tổ dân phố", "thon" }, { "STATE", "state" }, { "public_service", "public_service" },
	};
	struct book_info bi;
	char err[256];

	for (size_t i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++) {
		const struct unit_kind *k = unit_kind_find(pairs[i][0]);
		CHECK(k != NULL);
		CHECK_STR_EQ(k->key, pairs[i][1]);
	}
	CHECK(unit_kind_find("Bộ") == NULL);
	test_book(&bi, 21);
	snprintf(bi.committee_level, sizeof(bi.committee_level), "tinh");
	CHECK_INT_EQ(unit_kind_allowed(&bi, "thon", err, sizeof(err)), -1);
	CHECK_INT_EQ(unit_kind_allowed(&bi, "admin_unit", err, sizeof(err)), 0);
	snprintf(bi.committee_level, sizeof(bi.committee_level), "xa");
	CHECK_INT_EQ(unit_kind_allowed(&bi, "thon", err, sizeof(err)), 0);
	CHECK_INT_EQ(unit_kind_allowed(&bi, "admin_unit", err, sizeof(err)), -1);
}

static int nreports;
static int last_field;

static void count_report(void *arg, int field, const char *msg)
{
	(void)arg;
	(void)msg;
	nreports++;
	last_field = field;
}

TEST(allocation_checks)
{
	struct alloc a = { { 3, 1, 0, 0, 1, 0 }, NULL, NULL };
	struct body_ref na = { 1, (char *)"qh", (char *)"na", (char *)"Quốc hội", (char *)"Quốc hội" };
	struct body_ref hd = { 2, (char *)"hdnd-tinh", (char *)"hdnd", (char *)"HĐND tỉnh", (char *)"HĐND cấp tỉnh" };
	char err[256];

	nreports = 0;
	CHECK_INT_EQ(alloc_check(&a, count_report, NULL), 0);
	a.n[AL_WOMEN] = 4;
	CHECK_INT_EQ(alloc_check(&a, count_report, NULL), 1);
	CHECK_INT_EQ(last_field, AL_WOMEN);
	a.n[AL_WOMEN] = 3;		/* equal to the count is allowed */
	a.n[AL_ETHNIC] = -1;
	CHECK_INT_EQ(alloc_check(&a, count_report, NULL), 1);
	CHECK_INT_EQ(last_field, AL_ETHNIC);
	a.n[AL_ETHNIC] = 0;
	a.n[AL_COUNT] = -2;
	CHECK_INT_EQ(alloc_check(&a, count_report, NULL), 1);
	CHECK_INT_EQ(last_field, AL_COUNT);

	CHECK_INT_EQ(alloc_version_parse("2"), 2);
	CHECK_INT_EQ(alloc_version_parse("điều chỉnh lần thứ hai"), 3);
	CHECK_INT_EQ(alloc_version_parse("Hiệp thương lần thứ nhất"), 1);
	CHECK_INT_EQ(alloc_version_parse("4"), 0);
	CHECK_INT_EQ(alloc_version_parse("12"), 0);
	CHECK_INT_EQ(alloc_version_allowed(&na, 3, err, sizeof(err)), 0);
	CHECK_INT_EQ(alloc_version_allowed(&hd, 3, err, sizeof(err)), -1);
	CHECK_INT_EQ(alloc_version_allowed(&hd, 2, err, sizeof(err)), 0);
	CHECK_INT_EQ(alloc_version_allowed(&na, 0, err, sizeof(err)), -1);
}
