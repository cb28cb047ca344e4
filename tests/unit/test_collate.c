/*
 * test_collate.c - the official Vietnamese list order (collate_vi.c).
 *
 * Every pair below is in official order (a before b); most come from the
 * 2021 National Assembly list (domain/addendum.md Q6b).  Each is checked in
 * both directions, through vi_compare() and through memcmp() of the keys.
 */
#include <stdlib.h>
#include <string.h>

#include "collate_vi.h"
#include "unit.h"
#include "banned.h"

/* NFD spellings, written with escapes so the source cannot be NFC'd. */
#define GRAVE	"\xcc\x80"	/* U+0300 huyền */
#define ACUTE	"\xcc\x81"	/* U+0301 sắc */
#define CIRC	"\xcc\x82"	/* U+0302 circumflex */
#define TILDE	"\xcc\x83"	/* U+0303 ngã */
#define BREVE	"\xcc\x86"	/* U+0306 breve */
#define HOOK	"\xcc\x89"	/* U+0309 hỏi */
#define HORN	"\xcc\x9b"	/* U+031B horn */
#define DOT	"\xcc\xa3"	/* U+0323 nặng */

/* Sign of the comparison of two keys built with c. */
static int key_cmp(const struct vi_collation *c, const char *a, const char *b)
{
	size_t la = 0, lb = 0;
	unsigned char *ka = vi_name_key(c, a, &la), *kb = vi_name_key(c, b, &lb);
	int r = ka && kb ? vi_key_compare(ka, la, kb, lb) : 99;

	free(ka);
	free(kb);
	return r;
}

/* a strictly before b, both ways round, by vi_compare and by the keys. */
#define CHECK_BEFORE(c, a, b) do {                                       \
	if (!(vi_compare(c, a, b) < 0 && vi_compare(c, b, a) > 0 &&     \
	      key_cmp(c, a, b) < 0 && key_cmp(c, b, a) > 0)) {           \
		unit_fail(unit_failed_, __FILE__, __LINE__,              \
			  "expected '%s' < '%s'", a, b);                 \
		return;                                                  \
	} } while (0)

/* a and b equal: compare 0 and byte-identical keys. */
#define CHECK_SAME(c, a, b) do {                                         \
	size_t la_ = 0, lb_ = 0;                                         \
	unsigned char *ka_ = vi_name_key(c, a, &la_);                    \
	unsigned char *kb_ = vi_name_key(c, b, &lb_);                    \
	int ok_ = ka_ && kb_ && la_ == lb_ && !memcmp(ka_, kb_, la_) &&  \
		  vi_compare(c, a, b) == 0;                              \
	free(ka_);                                                       \
	free(kb_);                                                       \
	if (!ok_) {                                                      \
		unit_fail(unit_failed_, __FILE__, __LINE__,              \
			  "expected '%s' == '%s'", a, b);                \
		return;                                                  \
	} } while (0)

TEST(official_pairs)
{
	static const char *const pairs[][2] = {
		{ "Hoan", "Hòa" }, { "Thanh", "Thái" }, { "Duy", "Dũng" },
		{ "Nghiệm", "Nghĩa" }, { "Dũng", "Điện" }, { "Dung", "Đàn" },
		{ "Hạnh", "Hằng" }, { "Hào", "Hằng" }, { "Thanh", "Thắm" },
		{ "Thắm", "Thắng" }, { "Tuân", "Tuấn" }, { "Anh", "Ánh" },
		{ "Ánh", "Ân" }, { "Ân", "Ấn" }, { "Duyên", "Dương" },
		{ "Huỳnh", "Hưng" }, { "Cương", "Cường" },
		{ "Hương", "Hường" }, { "Thi", "Thịnh" },
		{ "Phương", "Phượng" }, { "Hiển", "Hiệp" },
		{ "Thăng", "Thắng" }, { "Yên", "Yến" },
		/* more from the addendum's table */
		{ "Dung", "Đoan" }, { "Dương", "Định" }, { "Thành", "Thắng" },
		{ "Huế", "Hùng" }, { "Huấn", "Hùng" },
		/* ă < â (the Thái Bình 3 remark: Thắng before Thân) */
		{ "Thắng", "Thân" }, { "Lăng", "Lâm" },
	};

	for (size_t i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++)
		CHECK_BEFORE(NULL, pairs[i][0], pairs[i][1]);
}

TEST(chains)
{
	CHECK_BEFORE(NULL, "Anh", "Ánh");
	CHECK_BEFORE(NULL, "Ánh", "Ân");
	CHECK_BEFORE(NULL, "Ân", "Ấn");
	CHECK_BEFORE(NULL, "Anh", "Ấn");	/* transitivity */
	CHECK_BEFORE(NULL, "Thanh", "Thắm");
	CHECK_BEFORE(NULL, "Thắm", "Thắng");
	CHECK_BEFORE(NULL, "Thanh", "Thắng");
}

TEST(default_tone_order)
{
	/* ngang < huyền < hỏi < ngã < sắc < nặng, at the same position */
	CHECK_BEFORE(NULL, "Ma", "Mà");
	CHECK_BEFORE(NULL, "Mà", "Mả");
	CHECK_BEFORE(NULL, "Mả", "Mã");
	CHECK_BEFORE(NULL, "Mã", "Má");
	CHECK_BEFORE(NULL, "Má", "Mạ");
	/* the base letter decides before any tone: ạ < ă, ặ < â */
	CHECK_BEFORE(NULL, "Mạ", "Mă");
	CHECK_BEFORE(NULL, "Mặ", "Mâ");
	/* the earlier tone decides, not the word's letters (dictionary) */
	CHECK_BEFORE(NULL, "Hoai", "Hòa");
}

TEST(alphabet_letters)
{
	static const char *const order[] = {
		"a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h",
		"i", "j", "k", "l", "m", "n", "o", "ô", "ơ", "p", "q", "r",
		"s", "t", "u", "ư", "v", "w", "x", "y", "z",
	};

	for (size_t i = 0; i + 1 < sizeof(order) / sizeof(order[0]); i++)
		CHECK_BEFORE(NULL, order[i], order[i + 1]);
	/* Đ is a letter, not a D with a mark: Dz < Đa */
	CHECK_BEFORE(NULL, "Dzung", "Đa");
	CHECK_BEFORE(NULL, "Ơzz", "Pa");
}

TEST(nfd_equals_nfc)
{
	CHECK_SAME(NULL, "Nguyễn", "Nguye" CIRC TILDE "n");
	CHECK_SAME(NULL, "Hằng", "Ha" BREVE GRAVE "ng");
	CHECK_SAME(NULL, "Phượng", "Phu" HORN "o" HORN DOT "ng");
	CHECK_SAME(NULL, "Hòa", "Ho" GRAVE "a");
	CHECK_SAME(NULL, "Thủy", "Thu" HOOK "y");
	CHECK_SAME(NULL, "Thái", "Tha" ACUTE "i");
	/* marks in non-canonical order still mean ệ */
	CHECK_SAME(NULL, "Nghiệm", "Nghie" CIRC DOT "m");
	CHECK_SAME(NULL, "Nghiệm", "Nghie" DOT CIRC "m");
	/* half composed: ê + combining dot below */
	CHECK_SAME(NULL, "Nghiệm", "Nghi\xc3\xaa" DOT "m");
	/* and the NFD forms sort where the NFC ones do */
	CHECK_BEFORE(NULL, "Hoan", "Ho" GRAVE "a");
	CHECK_BEFORE(NULL, "Ha" DOT "nh", "Ha" BREVE GRAVE "ng");
}

TEST(case_insensitive)
{
	CHECK_SAME(NULL, "HÒA", "hòa");
	CHECK_SAME(NULL, "Đào", "đào");
	CHECK_SAME(NULL, "ĐÀO", "đào");
	CHECK_SAME(NULL, "NGUYỄN", "nguyễn");
	CHECK_SAME(NULL, "ƯỚC", "ước");
	CHECK_BEFORE(NULL, "HOAN", "hòa");
	CHECK_BEFORE(NULL, "dung", "ĐÀN");
}

TEST(apostrophes_ignored)
{
	CHECK_SAME(NULL, "H′Dry", "HDry");		/* U+2032 prime */
	CHECK_SAME(NULL, "H'Dry", "HDry");
	CHECK_SAME(NULL, "H’Dry", "HDry");		/* U+2019 */
	CHECK_SAME(NULL, "K’ Nhiễu", "K Nhiễu");
	CHECK_BEFORE(NULL, "Hằng", "H′Dry");		/* ă < d */
	CHECK_BEFORE(NULL, "H′Dry", "Hiển");		/* d < i */
}

TEST(prefix_first)
{
	CHECK_BEFORE(NULL, "Thu", "Thuận");
	CHECK_BEFORE(NULL, "Thu", "Thủy");
	CHECK_BEFORE(NULL, "Thuận", "Thủy");
	CHECK_BEFORE(NULL, "Hoa", "Hoan");
	CHECK_BEFORE(NULL, "Duy", "Duyên");
	CHECK_BEFORE(NULL, "", "A");
	{
		const char *none = NULL;	/* NULL is the empty name */
		CHECK(vi_compare(NULL, none, "") == 0);
		CHECK(vi_compare(NULL, none, "A") < 0);
	}
}

TEST(white_space)
{
	CHECK_SAME(NULL, "  Thị \t Thu ", "Thị Thu");
	CHECK_SAME(NULL, "Thị\xc2\xa0Thu", "Thị Thu");	/* NBSP */
	CHECK_BEFORE(NULL, "Thị Thu", "Thịnh");
	CHECK_BEFORE(NULL, "Văn", "Văn A");
}

TEST(other_characters)
{
	/* a non-Vietnamese mark sorts just after its letter */
	CHECK_BEFORE(NULL, "Mu", "Mü");
	CHECK_BEFORE(NULL, "Mü", "Mua");
	/* Ð (U+00D0, misread Windows-1258 Đ) sorts as Đ */
	CHECK_SAME(NULL, "\xc3\x90\xc3\xa0o", "Đào");
	/* separator < punctuation < digits < letters < other scripts */
	CHECK_BEFORE(NULL, "A B", "A-B");
	CHECK_BEFORE(NULL, "A-B", "A1");
	CHECK_BEFORE(NULL, "A1", "A2");
	CHECK_BEFORE(NULL, "A9", "AA");
	CHECK_BEFORE(NULL, "AZ", "Aα");
}

TEST(key_compare_blob_order)
{
	static const unsigned char a[] = { 0x20, 0x00, 0x05 };
	static const unsigned char b[] = { 0x20, 0x01 };

	/* memcmp first, then the shorter prefix: SQLite's BLOB order */
	CHECK(vi_key_compare(a, 3, b, 2) < 0);
	CHECK(vi_key_compare(b, 2, a, 3) > 0);
	CHECK(vi_key_compare(a, 2, a, 3) < 0);
	CHECK(vi_key_compare(a, 3, a, 2) > 0);
	CHECK(vi_key_compare(a, 3, a, 3) == 0);
	CHECK(vi_key_compare(a, 0, b, 0) == 0);
}

/* Compare two person keys. */
static int person_cmp(const char *ho1, const char *dem1, const char *ten1,
		      const char *dob1, const char *ho2, const char *dem2,
		      const char *ten2, const char *dob2)
{
	size_t la = 0, lb = 0;
	unsigned char *a = vi_person_key(NULL, ho1, dem1, ten1, dob1, &la);
	unsigned char *b = vi_person_key(NULL, ho2, dem2, ten2, dob2, &lb);
	int r = a && b ? vi_key_compare(a, la, b, lb) : 99;

	free(a);
	free(b);
	return r;
}

TEST(person_keys)
{
	/* same tên: họ decides (Bình Định 1) */
	CHECK(person_cmp("Nguyễn", "Thị Thu", "Thủy", NULL,
			 "Phạm", "Thị", "Thủy", NULL) < 0);
	CHECK(person_cmp("Phạm", "Thị", "Thủy", NULL,
			 "Nguyễn", "Thị Thu", "Thủy", NULL) > 0);
	/* same tên and họ: tên đệm decides (Quảng Nam 3) */
	CHECK(person_cmp("Nguyễn", "Đức", "Hải", NULL,
			 "Nguyễn", "Thị", "Hải", NULL) < 0);
	CHECK(person_cmp("Nguyễn", "Thị", "Hải", NULL,
			 "Nguyễn", "Đức", "Hải", NULL) > 0);
	/* tên first, whatever họ and tên đệm say */
	CHECK(person_cmp("Phạm", "Văn", "An", NULL,
			 "Nguyễn", "Văn", "Bình", NULL) < 0);
	/* part keys are terminated: Thu before Thuận even with họ Z vs A */
	CHECK(person_cmp("Zơ", "", "Thu", NULL, "A", "", "Thuận", NULL) < 0);
	CHECK(person_cmp("A", "", "Thuận", NULL, "Zơ", "", "Thu", NULL) > 0);
	CHECK(person_cmp("Lê", "", "Văn", NULL, "Lê", "", "Văn A", NULL) < 0);
	/* identical names: earlier birth date first */
	CHECK(person_cmp("Nguyễn", "Văn", "An", "1970-05-01",
			 "Nguyễn", "Văn", "An", "1980-01-01") < 0);
	CHECK(person_cmp("Nguyễn", "Văn", "An", "1980-01-01",
			 "Nguyễn", "Văn", "An", "1970-05-01") > 0);
	CHECK(person_cmp("Nguyễn", "Văn", "An", "1970-05-01",
			 "Nguyễn", "Văn", "An", "1970-05-01") == 0);
	/* unknown date first, a bare year before dates in that year */
	CHECK(person_cmp("A", "", "B", "", "A", "", "B", "1900") < 0);
	CHECK(person_cmp("A", "", "B", NULL, "A", "", "B", "1900") < 0);
	CHECK(person_cmp("A", "", "B", "1970", "A", "", "B", "1970-01-01") < 0);
	CHECK(person_cmp("A", "", "B", "1970-12", "A", "", "B", "1970-12-01") < 0);
	/* the date only breaks ties: tên still decides first */
	CHECK(person_cmp("A", "", "B", "1999", "A", "", "C", "1900") < 0);
	/* a missing part is the empty part */
	CHECK(person_cmp("Ka", NULL, "Dung", NULL, "Ka", "", "Dung", "") == 0);
}

/*
 * The hard cases at the level of whole people: the tên decides
 * even when the họ would order the pair the other way round (họ "Vũ" on
 * the left, "An" on the right), NFD people equal NFC ones, and identical
 * names go by birth date.
 */
TEST(person_hard_cases)
{
	static const char *const tens[][2] = {
		{ "Anh", "Ánh" }, { "Ánh", "Ân" }, { "Ân", "Ấn" }, { "Hạnh", "Hằng" },
		{ "Thanh", "Thắm" }, { "Thắm", "Thắng" }, { "Tuân", "Tuấn" },
		{ "Hoan", "Hòa" }, { "Thanh", "Thái" }, { "Duy", "Dũng" }, { "Dũng", "Điện" },
	};
	size_t la = 0, lb = 0;
	unsigned char *a, *b;
	int same;

	for (size_t i = 0; i < sizeof(tens) / sizeof(tens[0]); i++) {
		if (!(person_cmp("Vũ", "Văn", tens[i][0], "1990", "An", "Thị", tens[i][1], "1950") < 0 &&
		      person_cmp("An", "Thị", tens[i][1], "1950", "Vũ", "Văn", tens[i][0], "1990") > 0)) {
			unit_fail(unit_failed_, __FILE__, __LINE__, "person '%s' not before '%s'", tens[i][0],
				  tens[i][1]);
			return;
		}
	}
	/* NFD input is the same person as NFC input */
	a = vi_person_key(NULL, "Nguyễn", "Thị", "Hằng", "1978-02-14", &la);
	b = vi_person_key(NULL, "Nguye" CIRC TILDE "n", "Thi" DOT, "Ha" BREVE GRAVE "ng", "1978-02-14", &lb);
	same = a && b && la == lb && !memcmp(a, b, la);
	free(a);
	free(b);
	CHECK(same);
	/* identical names: the earlier birth date first, whatever the order given */
	CHECK(person_cmp("Nguyễn", "Thị", "Hằng", "1978-02-14", "Nguyễn", "Thị", "Hằng", "1985-09-09") < 0);
	CHECK(person_cmp("Nguyễn", "Thị", "Hằng", "1985-09-09", "Nguyễn", "Thị", "Hằng", "1978-02-14") > 0);
	CHECK(person_cmp("Nguyễn", "Thị", "Hằng", "1985-09-09", "Nguye" CIRC TILDE "n", "Thị", "Hằng", "1978-02-14") > 0);
}

TEST(person_key_rejects)
{
	size_t len = 12345;

	CHECK(vi_person_key(NULL, "A", "", "B", "01/05/1970", &len) == NULL);
	CHECK(vi_person_key(NULL, "A", "", "B", "1970-5-1", &len) == NULL);
	CHECK(vi_person_key(NULL, "A", "", "B", "197O", &len) == NULL);
	CHECK(vi_person_key(NULL, "A", "\xc3", "B", "1970", &len) == NULL);
	CHECK(vi_person_key(NULL, "\xed\xa0\x80", "", "B", NULL, &len) == NULL);
	CHECK_INT_EQ(len, 12345);
}

static const char *const tones_sac_first[] = {
	"ngang", "sac", "huyen", "hoi", "nga", "nang"
};

TEST(tone_order_setting)
{
	struct vi_collation c;
	char err[200] = "";
	static const char *const viet[] = {
		"Ngang", " SẮC ", "huyền", "hỏi", ("nga" TILDE), "nặng"
	};

	CHECK_BEFORE(NULL, "Hòa", "Hóa");		/* default: huyền < sắc */
	CHECK_INT_EQ(vi_collation_init(&c, tones_sac_first, 6, err,
				       sizeof(err)), 0);
	CHECK_BEFORE(&c, "Hóa", "Hòa");			/* flipped */
	CHECK_BEFORE(&c, "Hoan", "Hóa");		/* ngang still first */
	CHECK_BEFORE(&c, "Thanh", "Thái");
	CHECK_BEFORE(&c, "Hạnh", "Hằng");		/* letters unaffected */
	vi_collation_release(&c);

	/* Vietnamese spellings, any case, NFD, padded: the same order */
	CHECK_INT_EQ(vi_collation_init(&c, viet, 6, err, sizeof(err)), 0);
	CHECK_BEFORE(&c, "Hóa", "Hòa");
	CHECK_BEFORE(&c, "Mả", "Mã");
	CHECK_BEFORE(&c, "Mã", "Mạ");

	/* nặng moved to the front: Thị < Thi < Thì */
	{
		static const char *const nang_first[] = {
			"nang", "ngang", "huyen", "hoi", "nga", "sac"
		};
		CHECK_INT_EQ(vi_collation_init(&c, nang_first, 6, NULL, 0), 0);
		CHECK_BEFORE(&c, "Thị", "Thi");
		CHECK_BEFORE(&c, "Thi", "Thì");
	}
	vi_collation_default(&c);
	CHECK_BEFORE(&c, "Thi", "Thị");
}

/* init must fail, leave c alone and mention `what` in the message. */
#define CHECK_INIT_FAILS(names, n, what) do {                            \
	struct vi_collation c_;                                          \
	char err_[200] = "";                                             \
	vi_collation_init(&c_, tones_sac_first, 6, NULL, 0);             \
	CHECK_INT_EQ(vi_collation_init(&c_, names, n, err_,              \
				       sizeof(err_)), -1);               \
	CHECK(strstr(err_, what) != NULL);                               \
	CHECK_INT_EQ(c_.tone_rank[VI_TONE_SAC], 1);                      \
	CHECK_INT_EQ(c_.tone_rank[VI_TONE_HUYEN], 2);                    \
	} while (0)

TEST(tone_order_errors)
{
	static const char *const dup[] = {
		"ngang", "huyen", "hoi", "huyền", "sac", "nang"
	};
	static const char *const unknown[] = {
		"ngang", "huyen", "hoi", "nga", "sax", "nang"
	};
	static const char *const missing[] = {
		"ngang", "huyen", "hoi", "nga", "sac"
	};
	static const char *const extra[] = {
		"ngang", "huyen", "hoi", "nga", "sac", "nang", "ngang"
	};
	static const char *const empty[] = {
		"ngang", "", "hoi", "nga", "sac", "nang"
	};
	static const char *const null_name[] = {
		"ngang", "huyen", NULL, "nga", "sac", "nang"
	};
	char small[8];

	CHECK_INIT_FAILS(dup, 6, "'huyen' given twice");
	CHECK_INIT_FAILS(unknown, 6, "unknown tone 'sax'");
	CHECK_INIT_FAILS(missing, 5, "'nang' is missing");
	CHECK_INIT_FAILS(extra, 7, "'ngang' given twice");
	CHECK_INIT_FAILS(empty, 6, "tone 2 is empty");
	CHECK_INIT_FAILS(null_name, 6, "tone 3 is empty");
	CHECK_INIT_FAILS(dup, 0, "'ngang' is missing");

	/* a long unknown name is cut at a character boundary */
	{
		static const char *const longname[] = {
			"ngang", "huyen", "hoi", "nga", "sac",
			/* one name, deliberately long: the parentheses say so */
			("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
			 "\xe1\xba\xb1\xe1\xba\xb1")
		};
		struct vi_collation c;
		char err[200] = "";

		CHECK_INT_EQ(vi_collation_init(&c, longname, 6, err,
					       sizeof(err)), -1);
		CHECK(strstr(err, "aaaa' (expected") != NULL);
	}

	/* a short buffer is truncated, still terminated */
	{
		struct vi_collation c;
		CHECK_INT_EQ(vi_collation_init(&c, unknown, 6, small,
					       sizeof(small)), -1);
		CHECK_INT_EQ(strlen(small), sizeof(small) - 1);
	}
}

TEST(invalid_utf8)
{
	static const char *const bad[] = {
		"\xc0\xaf",		/* overlong '/' */
		"Ho\xc3",		/* truncated */
		"\xed\xa0\x80",		/* surrogate U+D800 */
		"\xf4\x90\x80\x80",	/* above U+10FFFF */
		"a\x80z",		/* stray continuation */
	};
	size_t len = 777;

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		CHECK(vi_name_key(NULL, bad[i], &len) == NULL);
		/* invalid sorts after every valid name, consistently */
		CHECK(vi_compare(NULL, bad[i], "Ỹ") > 0);
		CHECK(vi_compare(NULL, "Ỹ", bad[i]) < 0);
	}
	CHECK_INT_EQ(len, 777);
	CHECK(vi_compare(NULL, "\xc0\xaf", "\xc0\xaf") == 0);
}

/* ---- sorting a shuffled list ------------------------------------------ */

struct keyed {
	const char *name;
	size_t orig;		/* index in the official order */
	unsigned char *key;
	size_t len;
};

static int keyed_cmp(const void *pa, const void *pb)
{
	const struct keyed *a = pa, *b = pb;

	return vi_key_compare(a->key, a->len, b->key, b->len);
}

TEST(sort_shuffled_list)
{
	/* Official order, worked out by hand from the rule. */
	static const char *const official[] = {
		"Anh", "Ánh", "Ân", "Ấn", "Cương", "Cường", "Dung", "Duy",
		"Duyên", "Dũng", "Dương", "Đàn", "Điện", "Hào", "Hạnh",
		"Hằng", "H′Dry", "Hiển", "Hiệp", "Hoan", "Hòa", "Huỳnh",
		"Hưng", "Hương", "Hường", "Thanh", "Thái", "Thăng", "Thắm",
		"Thắng", "Thi", "Thịnh", "Thu", "Thuận", "Thủy", "Tuân",
		"Tuấn", "Yên", "Yến",
	};
	enum { N = sizeof(official) / sizeof(official[0]) };
	struct keyed v[N];
	unsigned seed = 20260315u;
	size_t bad = N;			/* first wrong position */
	int ok = 1;

	for (size_t i = 0; i < N; i++) {
		v[i].name = official[i];
		v[i].orig = i;
	}
	/* Fisher-Yates with a fixed LCG: the same shuffle every run. */
	for (size_t i = N - 1; i > 0; i--) {
		size_t j;
		struct keyed t;

		seed = seed * 1103515245u + 12345u;
		j = (seed >> 8) % (i + 1);
		t = v[i];
		v[i] = v[j];
		v[j] = t;
	}
	CHECK(strcmp(v[0].name, official[0]) != 0 ||
	      strcmp(v[1].name, official[1]) != 0);	/* really shuffled */
	for (size_t i = 0; i < N; i++) {
		v[i].key = vi_name_key(NULL, v[i].name, &v[i].len);
		if (!v[i].key)
			ok = 0;
	}
	if (ok)
		qsort(v, N, sizeof(v[0]), keyed_cmp);
	for (size_t i = 0; i < N; i++) {
		if (bad == N && strcmp(v[i].name, official[i]) != 0)
			bad = i;
		free(v[i].key);
	}
	CHECK(ok);				/* every key was built */
	if (bad < N)
		unit_fail(unit_failed_, __FILE__, __LINE__,
			  "position %zu: got '%s', expected '%s'",
			  bad, v[bad].name, official[bad]);
}

TEST(sort_people)
{
	/* ho, ten_dem, ten, dob -- in official order */
	static const char *const people[][4] = {
		{ "Phạm", "Văn", "An", "1990" },
		{ "Nguyễn", "Văn", "Bình", "1965-02-03" },
		{ "Trần", "Thị", "Bình", "1970-01-01" },
		{ "Nguyễn", "Đức", "Hải", NULL },
		{ "Nguyễn", "Thị", "Hải", "1950-01-01" },
		{ "Lê", "Văn", "Hoan", "1980-01-01" },
		{ "Lê", "Văn", "Hoan", "1980-01-02" },
		{ "Đỗ", "Văn", "Hòa", "1960-01-01" },
		{ "Nguyễn", "Thị Thu", "Thủy", "1975-06-30" },
		{ "Phạm", "Thị", "Thủy", "1972-01-01" },
	};
	enum { N = sizeof(people) / sizeof(people[0]) };
	struct keyed v[N];
	static const size_t shuffle[N] = { 7, 2, 9, 0, 5, 3, 8, 1, 6, 4 };
	size_t bad = N;			/* first wrong position */
	int ok = 1;

	for (size_t i = 0; i < N; i++) {
		const char *const *p = people[shuffle[i]];

		v[i].name = p[2];
		v[i].orig = shuffle[i];
		v[i].key = vi_person_key(NULL, p[0], p[1], p[2], p[3],
					 &v[i].len);
		if (!v[i].key)
			ok = 0;
	}
	if (ok)
		qsort(v, N, sizeof(v[0]), keyed_cmp);
	for (size_t i = 0; i < N; i++) {
		if (bad == N && v[i].orig != i)
			bad = i;
		free(v[i].key);
	}
	CHECK(ok);				/* every key was built */
	if (bad < N)
		unit_fail(unit_failed_, __FILE__, __LINE__,
			  "position %zu is not %s %s %s", bad,
			  people[bad][0], people[bad][1], people[bad][2]);
}
