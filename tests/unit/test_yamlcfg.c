/* test_yamlcfg.c - unit tests for strict YAML reading (src/yamlcfg.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "date.h"
#include "yamlcfg.h"
#include "unit.h"
#include "banned.h"

/*
 * Messages go to stderr through diag.c; a case captures them in a
 * temporary file to check their text and position.
 */
static char captured[8192];
static int saved_fd = -1;
static FILE *cap;

static const char *capture_end(void);

/* A failed CHECK returns before capture_end(): the next capture ends it. */
static void capture_begin(void)
{
	if (cap)
		capture_end();
	fflush(stderr);
	cap = tmpfile();
	saved_fd = dup(2);
	dup2(fileno(cap), 2);
}

static const char *capture_end(void)
{
	size_t n;

	fflush(stderr);
	dup2(saved_fd, 2);
	close(saved_fd);
	rewind(cap);
	n = fread(captured, 1, sizeof(captured) - 1, cap);
	captured[n] = 0;
	fclose(cap);
	cap = NULL;
	return captured;
}

static int count_lines(const char *s)
{
	int n = 0;

	for (; *s; s++)
		n += *s == '\n';
	return n;
}

/* Load text as "t.yaml"; returns ydoc_load_mem's result, messages in captured. */
static int load(struct ydoc *d, const char *text)
{
	int rc;

	capture_begin();
	rc = ydoc_load_mem(d, "t.yaml", text, strlen(text));
	capture_end();
	return rc;
}

#define CHECK_HAS(hay, needle) do { if (!strstr((hay), (needle))) {             \
	unit_fail(unit_failed_, __FILE__, __LINE__, "'%s' lacks '%s'", (hay), (needle)); \
	return; } } while (0)

TEST(typed_getters_read_good_values)
{
	struct ydoc d;
	struct ymap m;
	char *s = NULL, *e = NULL, **list = NULL;
	long n = 0;
	int b = -1, nlist = 0;
	struct date day;
	static const char *const kinds[] = { "na", "hdnd", NULL };

	CHECK_INT_EQ(load(&d, "name: \"Hội đồng\"\nseats: 50\non: true\noff: false\n"
			      "day: 2026-03-15\nkind: hdnd\narea: [a, \"b c\"]\nblock:\n  - x\n  - y\n"), 0);
	CHECK_INT_EQ(ymap_begin(&d, ydoc_root(&d), "(gốc)", &m), 0);
	capture_begin();
	CHECK_INT_EQ(ymap_str(&m, "name", Y_REQUIRED, &s), 0);
	CHECK_INT_EQ(ymap_int(&m, "seats", Y_REQUIRED, 1, 100, &n), 0);
	CHECK_INT_EQ(ymap_bool(&m, "on", Y_REQUIRED, &b), 0);
	CHECK_INT_EQ(b, 1);
	CHECK_INT_EQ(ymap_bool(&m, "off", Y_REQUIRED, &b), 0);
	CHECK_INT_EQ(b, 0);
	CHECK_INT_EQ(ymap_date(&m, "day", Y_REQUIRED, &day), 0);
	CHECK_INT_EQ(ymap_enum(&m, "kind", Y_REQUIRED, kinds, &e), 0);
	CHECK_INT_EQ(ymap_strlist(&m, "area", Y_REQUIRED, &list, &nlist), 0);
	CHECK_INT_EQ(ymap_end(&m), 1);	/* "block" was never asked for */
	capture_end();
	CHECK_STR_EQ(s, "Hội đồng");
	CHECK_INT_EQ(n, 50);
	CHECK_INT_EQ(day.y * 10000 + day.m * 100 + day.d, 20260315);
	CHECK_STR_EQ(e, "hdnd");
	CHECK_INT_EQ(nlist, 2);
	CHECK_STR_EQ(list[0], "a");
	CHECK_STR_EQ(list[1], "b c");
	CHECK_HAS(captured, "t.yaml:8:1: lỗi: khóa không xác định 'block' trong '(gốc)'");
	CHECK_INT_EQ(d.nerr, 1);
	free(s);
	free(e);
	strlist_free(list, nlist);
	ydoc_release(&d);
}

TEST(block_lists_and_optional_keys)
{
	struct ydoc d;
	struct ymap m;
	char **list = NULL, *s = (char *)"untouched";
	int nlist = 0;
	long n = 7;

	CHECK_INT_EQ(load(&d, "area:\n  - thôn Một\n  - thôn Hai\nnone: ~\nnull2: null\nempty:\n"), 0);
	ymap_begin(&d, ydoc_root(&d), "x", &m);
	capture_begin();
	CHECK_INT_EQ(ymap_strlist(&m, "area", Y_REQUIRED, &list, &nlist), 0);
	CHECK_INT_EQ(ymap_str(&m, "absent", Y_OPTIONAL, &s), 1);
	CHECK_INT_EQ(ymap_int(&m, "none", Y_OPTIONAL, 0, 9, &n), 1);
	CHECK_INT_EQ(ymap_int(&m, "null2", Y_OPTIONAL, 0, 9, &n), 1);
	CHECK_INT_EQ(ymap_int(&m, "empty", Y_OPTIONAL, 0, 9, &n), 1);
	CHECK_INT_EQ(ymap_end(&m), 0);
	capture_end();
	CHECK_STR_EQ(captured, "");
	CHECK_INT_EQ(d.nerr, 0);
	CHECK_INT_EQ(nlist, 2);
	CHECK_STR_EQ(list[1], "thôn Hai");
	CHECK_STR_EQ(s, "untouched");
	CHECK_INT_EQ(n, 7);
	strlist_free(list, nlist);
	ydoc_release(&d);
}

TEST(strings_are_nfc_and_clean)
{
	struct ydoc d;
	struct ymap m;
	char *s = NULL;

	/* "Nguyễn" typed as NFD: e + U+0302 + U+0303 */
	CHECK_INT_EQ(load(&d, "name: \"Nguye\xcc\x82\xcc\x83n\"\n"), 0);
	ymap_begin(&d, ydoc_root(&d), "x", &m);
	CHECK_INT_EQ(ymap_str(&m, "name", Y_REQUIRED, &s), 0);
	CHECK_STR_EQ(s, "Nguy\xe1\xbb\x85n");
	free(s);
	ydoc_release(&d);
}

TEST(quoted_number_is_refused)
{
	struct ydoc d;
	struct ymap m;
	long n = 0;

	CHECK_INT_EQ(load(&d, "seats: \"8\"\nother: '9'\n"), 0);
	ymap_begin(&d, ydoc_root(&d), "x", &m);
	capture_begin();
	CHECK_INT_EQ(ymap_int(&m, "seats", Y_REQUIRED, 1, 100, &n), -1);
	CHECK_INT_EQ(ymap_int(&m, "other", Y_REQUIRED, 1, 100, &n), -1);
	capture_end();
	CHECK_HAS(captured, "t.yaml:1:8: lỗi: 'seats' phải là một số nguyên viết không có ngoặc kép, không phải chuỗi \"8\"");
	CHECK_HAS(captured, "t.yaml:2:8: lỗi: 'other' phải là một số nguyên viết không có ngoặc kép");
	CHECK_INT_EQ(n, 0);
	CHECK_INT_EQ(d.nerr, 2);
	ydoc_release(&d);
}

TEST(not_a_number_and_out_of_range)
{
	struct ydoc d;
	struct ymap m;
	long n = 0;

	CHECK_INT_EQ(load(&d, "a: 1.5\nb: 0x10\nc: 12abc\nd: 0\ne: 101\nf: [1]\n"
			      "g: {x: 1}\nh: 99999999999999999999999\ni: 100\n"), 0);
	ymap_begin(&d, ydoc_root(&d), "x", &m);
	capture_begin();
	CHECK_INT_EQ(ymap_int(&m, "a", Y_REQUIRED, 1, 100, &n), -1);
	CHECK_INT_EQ(ymap_int(&m, "b", Y_REQUIRED, 1, 100, &n), -1);
	CHECK_INT_EQ(ymap_int(&m, "c", Y_REQUIRED, 1, 100, &n), -1);
	CHECK_INT_EQ(ymap_int(&m, "d", Y_REQUIRED, 1, 100, &n), -1);
	CHECK_INT_EQ(ymap_int(&m, "e", Y_REQUIRED, 1, 100, &n), -1);
	CHECK_INT_EQ(ymap_int(&m, "f", Y_REQUIRED, 1, 100, &n), -1);
	CHECK_INT_EQ(ymap_int(&m, "g", Y_REQUIRED, 1, 100, &n), -1);
	CHECK_INT_EQ(ymap_int(&m, "h", Y_REQUIRED, 1, 100, &n), -1);
	CHECK_INT_EQ(ymap_int(&m, "i", Y_REQUIRED, 1, 100, &n), 0);
	capture_end();
	CHECK_INT_EQ(n, 100);
	CHECK_HAS(captured, "t.yaml:1:4: lỗi: 'a' phải là một số nguyên, không phải '1.5'");
	CHECK_HAS(captured, "t.yaml:2:4: lỗi: 'b' phải là một số nguyên, không phải '0x10'");
	CHECK_HAS(captured, "t.yaml:3:4: lỗi: 'c' phải là một số nguyên, không phải '12abc'");
	CHECK_HAS(captured, "t.yaml:4:4: lỗi: 'd' phải trong khoảng 1–100, không phải 0");
	CHECK_HAS(captured, "t.yaml:5:4: lỗi: 'e' phải trong khoảng 1–100, không phải 101");
	CHECK_HAS(captured, "t.yaml:6:4: lỗi: 'f' phải là một số nguyên, không phải một danh sách");
	CHECK_HAS(captured, "t.yaml:7:4: lỗi: 'g' phải là một số nguyên, không phải một bảng khóa");
	CHECK_HAS(captured, "t.yaml:8:4: lỗi: 'h' phải là một số nguyên");
	CHECK_INT_EQ(d.nerr, 8);
	ydoc_release(&d);
}

TEST(bool_is_only_true_or_false)
{
	struct ydoc d;
	struct ymap m;
	const char *keys[] = { "a", "b", "c", "d", "e", "f", "g" };
	int b = 7;

	CHECK_INT_EQ(load(&d, "a: yes\nb: True\nc: \"true\"\nd: 1\ne: on\nf: [true]\ng: FALSE\n"), 0);
	ymap_begin(&d, ydoc_root(&d), "x", &m);
	capture_begin();
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		if (ymap_bool(&m, keys[i], Y_REQUIRED, &b) != -1)
			break;
	capture_end();
	CHECK_INT_EQ(d.nerr, 7);
	CHECK_INT_EQ(b, 7);
	CHECK_HAS(captured, "t.yaml:1:4: lỗi: 'a' phải là true hoặc false");
	CHECK_HAS(captured, "t.yaml:3:4: lỗi: 'c' phải là true hoặc false");
	CHECK_HAS(captured, "t.yaml:7:4: lỗi: 'g' phải là true hoặc false");
	ydoc_release(&d);
}

TEST(dates_must_exist_and_be_full)
{
	struct ydoc d;
	struct ymap m;
	struct date x = { 0, 0, 0 };

	CHECK_INT_EQ(load(&d, "a: 31/02/2026\nb: 2026-03\nc: soon\nd: [2026-03-15]\ne: \"15/03/2026\"\n"), 0);
	ymap_begin(&d, ydoc_root(&d), "x", &m);
	capture_begin();
	CHECK_INT_EQ(ymap_date(&m, "a", Y_REQUIRED, &x), -1);
	CHECK_INT_EQ(ymap_date(&m, "b", Y_REQUIRED, &x), -1);
	CHECK_INT_EQ(ymap_date(&m, "c", Y_REQUIRED, &x), -1);
	CHECK_INT_EQ(ymap_date(&m, "d", Y_REQUIRED, &x), -1);
	CHECK_INT_EQ(ymap_date(&m, "e", Y_REQUIRED, &x), 0);
	capture_end();
	CHECK_HAS(captured, "t.yaml:1:4: lỗi: 'a': ngày không tồn tại: '31/02/2026'");
	CHECK_HAS(captured, "t.yaml:2:4: lỗi: 'b': cần ngày đầy đủ dạng dd/mm/yyyy: '2026-03'");
	CHECK_HAS(captured, "t.yaml:3:4: lỗi: 'c': không đọc được ngày");
	CHECK_HAS(captured, "t.yaml:4:4: lỗi: 'd' phải là một ngày, không phải một danh sách");
	CHECK_INT_EQ(x.d, 15);
	ydoc_release(&d);
}

TEST(enum_lists_the_choices)
{
	struct ydoc d;
	struct ymap m;
	char *e = (char *)"untouched";
	static const char *const kinds[] = { "na", "hdnd", NULL };

	CHECK_INT_EQ(load(&d, "kind: council\n"), 0);
	ymap_begin(&d, ydoc_root(&d), "x", &m);
	capture_begin();
	CHECK_INT_EQ(ymap_enum(&m, "kind", Y_REQUIRED, kinds, &e), -1);
	capture_end();
	CHECK_HAS(captured, "t.yaml:1:7: lỗi: 'kind' không hợp lệ: 'council' (chọn một trong: na, hdnd)");
	CHECK(e == NULL);
	ydoc_release(&d);
}

TEST(strlist_items_must_be_strings)
{
	struct ydoc d;
	struct ymap m;
	char **list = NULL;
	int n = -1;

	CHECK_INT_EQ(load(&d, "a: [x, {y: 1}, [z]]\nb: thôn Một\nc: {x: 1}\n"), 0);
	ymap_begin(&d, ydoc_root(&d), "x", &m);
	capture_begin();
	CHECK_INT_EQ(ymap_strlist(&m, "a", Y_REQUIRED, &list, &n), -1);
	CHECK_INT_EQ(ymap_strlist(&m, "b", Y_REQUIRED, &list, &n), -1);
	CHECK_INT_EQ(ymap_strlist(&m, "c", Y_REQUIRED, &list, &n), -1);
	capture_end();
	CHECK(list == NULL);
	CHECK_INT_EQ(n, 0);
	CHECK_HAS(captured, "t.yaml:1:8: lỗi: 'a' phải là một chuỗi, không phải một bảng khóa");
	CHECK_HAS(captured, "t.yaml:1:16: lỗi: 'a' phải là một chuỗi, không phải một danh sách");
	CHECK_HAS(captured, "t.yaml:2:4: lỗi: 'b' phải là một danh sách, không phải một giá trị đơn");
	CHECK_HAS(captured, "t.yaml:3:4: lỗi: 'c' phải là một danh sách, không phải một bảng khóa");
	CHECK_INT_EQ(d.nerr, 4);
	ydoc_release(&d);
}

TEST(missing_and_empty_required_values)
{
	struct ydoc d;
	struct ymap m;
	char *s = NULL;

	CHECK_INT_EQ(load(&d, "sec:\n  name: \"\"\n  other: x\n"), 0);
	ymap_begin(&d, ydoc_root(&d), "(gốc)", &m);
	capture_begin();
	{
		struct ymap sm;
		CHECK_INT_EQ(ymap_begin(&d, ymap_get(&m, "sec"), "sec", &sm), 0);
		CHECK_INT_EQ(ymap_str(&sm, "title", Y_REQUIRED, &s), -1);
		CHECK_INT_EQ(ymap_str(&sm, "name", Y_REQUIRED, &s), -1);
		CHECK_INT_EQ(ymap_str(&sm, "other", Y_REQUIRED, &s), 0);
		CHECK_INT_EQ(ymap_end(&sm), 0);
	}
	CHECK_INT_EQ(ymap_end(&m), 0);
	capture_end();
	/* a missing key is reported where its mapping starts */
	CHECK_HAS(captured, "t.yaml:2:3: lỗi: thiếu 'title' trong 'sec'");
	CHECK_HAS(captured, "t.yaml:2:9: lỗi: 'name' trong 'sec' không được để trống");
	CHECK_INT_EQ(d.nerr, 2);
	free(s);
	ydoc_release(&d);
}

TEST(duplicate_keys_name_the_earlier_line)
{
	struct ydoc d;
	struct ymap m;

	CHECK_INT_EQ(load(&d, "a: 1\nb: 2\n\"a\": 3\nb: 4\n"), 0);
	capture_begin();
	CHECK_INT_EQ(ymap_begin(&d, ydoc_root(&d), "election", &m), 0);
	capture_end();
	CHECK_HAS(captured, "t.yaml:3:1: lỗi: khóa 'a' lặp lại trong 'election' (đã có ở dòng 1)");
	CHECK_HAS(captured, "t.yaml:4:1: lỗi: khóa 'b' lặp lại trong 'election' (đã có ở dòng 2)");
	CHECK_INT_EQ(count_lines(captured), 2);
	CHECK_INT_EQ(d.nerr, 2);
	ydoc_release(&d);
}

TEST(unknown_keys_are_all_listed_with_the_valid_ones)
{
	struct ydoc d;
	struct ymap m;
	long n;

	CHECK_INT_EQ(load(&d, "seats: 3\nseat: 4\nnumber: 1\nnumbr: 2\n"), 0);
	ymap_begin(&d, ydoc_root(&d), "constituencies[]", &m);
	capture_begin();
	ymap_int(&m, "number", Y_REQUIRED, 1, 9, &n);
	ymap_int(&m, "seats", Y_REQUIRED, 1, 9, &n);
	ymap_get(&m, "area");
	CHECK_INT_EQ(ymap_end(&m), 2);
	capture_end();
	CHECK_HAS(captured, "t.yaml:2:1: lỗi: khóa không xác định 'seat' trong 'constituencies[]' "
			    "(các khóa hợp lệ: number, seats, area)");
	CHECK_HAS(captured, "t.yaml:4:1: lỗi: khóa không xác định 'numbr' trong 'constituencies[]'");
	CHECK_INT_EQ(d.nerr, 2);
	ydoc_release(&d);
}

TEST(a_mapping_is_required_where_one_is_expected)
{
	struct ydoc d;
	struct ymap m;

	CHECK_INT_EQ(load(&d, "- a\n- b\n"), 0);
	capture_begin();
	CHECK_INT_EQ(ymap_begin(&d, ydoc_root(&d), "(gốc)", &m), -1);
	/* getters on a failed map report nothing more */
	CHECK(ymap_get(&m, "x") == NULL);
	CHECK_INT_EQ(ymap_end(&m), 0);
	capture_end();
	CHECK_HAS(captured, "t.yaml:1:1: lỗi: '(gốc)' phải là một bảng khóa (key: value), không phải một danh sách");
	CHECK_INT_EQ(count_lines(captured), 1);
	ydoc_release(&d);
}

TEST(syntax_error_has_its_position)
{
	struct ydoc d;

	CHECK_INT_EQ(load(&d, "a: 1\nb: 2\n  c: 3\n"), -1);
	CHECK_HAS(captured, "t.yaml:3:4: lỗi: lỗi cú pháp YAML");
	CHECK_INT_EQ(d.nerr, 1);
	ydoc_release(&d);
}

TEST(only_one_document)
{
	struct ydoc d;

	CHECK_INT_EQ(load(&d, "a: 1\n---\nb: 2\n"), -1);
	CHECK_HAS(captured, "t.yaml:2:1: lỗi: tệp chỉ được chứa một tài liệu YAML");
	ydoc_release(&d);
	/* an explicit end marker is not a second document */
	CHECK_INT_EQ(load(&d, "---\na: 1\n...\n"), 0);
	CHECK_STR_EQ(captured, "");
	ydoc_release(&d);
}

TEST(empty_documents)
{
	struct ydoc d;

	CHECK_INT_EQ(load(&d, ""), -1);
	CHECK_HAS(captured, "tệp rỗng");
	ydoc_release(&d);
	CHECK_INT_EQ(load(&d, "# chỉ có chú thích\n\n"), -1);
	CHECK_HAS(captured, "t.yaml:1:1: lỗi: tệp rỗng");
	ydoc_release(&d);
}

TEST(encodings)
{
	struct ydoc d;

	CHECK_INT_EQ(ydoc_load_mem(&d, "t.yaml", "\xef\xbb\xbf" "a: 1\n", 8), 0);
	ydoc_release(&d);
	capture_begin();
	CHECK_INT_EQ(ydoc_load_mem(&d, "t.yaml", "\xff\xfe" "a\0:\0", 6), -1);
	capture_end();
	CHECK_HAS(captured, "t.yaml:1:1: lỗi: tệp là UTF-16; hãy lưu lại dưới dạng UTF-8");
	ydoc_release(&d);
	capture_begin();
	CHECK_INT_EQ(ydoc_load_mem(&d, "t.yaml", "\xfe\xff" "\0a\0:", 6), -1);
	capture_end();
	CHECK_HAS(captured, "tệp là UTF-16");
	ydoc_release(&d);
	capture_begin();
	CHECK_INT_EQ(ydoc_load_mem(&d, "t.yaml", "a: 1\nb: x\0y\n", 12), -1);
	capture_end();
	CHECK_HAS(captured, "t.yaml:2:5: lỗi: tệp chứa byte NUL");
	ydoc_release(&d);
	/* the column counts characters, not bytes: "ạ" is one column */
	CHECK_INT_EQ(load(&d, "a: 1\nb: \"\xe1\xba\xa1\xc3\"\n"), -1);
	CHECK_HAS(captured, "t.yaml:2:6: lỗi: không phải UTF-8 hợp lệ (byte 0xC3)");
	ydoc_release(&d);
	CHECK_INT_EQ(load(&d, "a: \xed\xa0\x80\n"), -1);	/* an encoded surrogate */
	CHECK_HAS(captured, "t.yaml:1:4: lỗi: không phải UTF-8 hợp lệ (byte 0xED)");
	ydoc_release(&d);
}

TEST(files_missing_directories_and_size)
{
	struct ydoc d;
	char path[] = "/tmp/test_yamlcfg_XXXXXX";
	int fd = mkstemp(path);

	CHECK(fd >= 0);
	CHECK(write(fd, "a: 1\n", 5) == 5);
	close(fd);
	capture_begin();
	CHECK_INT_EQ(ydoc_load_file(&d, path, 5), 0);
	ydoc_release(&d);
	CHECK_INT_EQ(ydoc_load_file(&d, path, 4), -1);
	ydoc_release(&d);
	CHECK_INT_EQ(ydoc_load_file(&d, "/tmp", 100), -1);
	ydoc_release(&d);
	CHECK_INT_EQ(ydoc_load_file(&d, "/nonexistent/x.yaml", 100), -1);
	ydoc_release(&d);
	capture_end();
	unlink(path);
	CHECK_HAS(captured, "quá lớn (5 byte, tối đa 4)");
	CHECK_HAS(captured, "lỗi: '/tmp' là một thư mục, không phải tệp");
	CHECK_HAS(captured, "lỗi: không mở được tệp '/nonexistent/x.yaml'");
	CHECK_INT_EQ(count_lines(captured), 3);
}

TEST(sequences)
{
	struct ydoc d;
	struct ymap m;
	yaml_node_t *n;
	long v = 0;

	CHECK_INT_EQ(load(&d, "list: [3, 4, x]\nmap: {a: 1}\n"), 0);
	ymap_begin(&d, ydoc_root(&d), "x", &m);
	n = ymap_get(&m, "list");
	CHECK_INT_EQ(yseq_begin(&d, n, "list"), 0);
	CHECK_INT_EQ(yseq_len(n), 3);
	capture_begin();
	CHECK_INT_EQ(ynode_int(&d, yseq_item(&d, n, 1), "list[]", 0, 9, &v), 0);
	CHECK_INT_EQ(ynode_int(&d, yseq_item(&d, n, 2), "list[]", 0, 9, &v), -1);
	CHECK_INT_EQ(yseq_begin(&d, ymap_get(&m, "map"), "map"), -1);
	capture_end();
	CHECK_INT_EQ(v, 4);
	CHECK_HAS(captured, "t.yaml:1:14: lỗi: 'list[]' phải là một số nguyên, không phải 'x'");
	CHECK_HAS(captured, "t.yaml:2:6: lỗi: 'map' phải là một danh sách, không phải một bảng khóa");
	ydoc_release(&d);
}

TEST(a_utf8_bom_is_not_a_column)
{
	struct ydoc d;
	const char text[] = "\xef\xbb\xbf" "b: \"\xe1\xba\xa1\xff\"\n";

	/* editors do not show the BOM: the bad byte is the 6th character */
	capture_begin();
	CHECK_INT_EQ(ydoc_load_mem(&d, "t.yaml", text, sizeof(text) - 1), -1);
	capture_end();
	CHECK_HAS(captured, "t.yaml:1:6: lỗi: không phải UTF-8 hợp lệ (byte 0xFF)");
	ydoc_release(&d);
}

TEST(control_characters_are_refused_where_they_are)
{
	struct ydoc d;
	struct { const char *text, *want; } cases[] = {
		{ "a: 1\nb: \"x\x01y\"\n", "t.yaml:2:6: lỗi: tệp chứa ký tự điều khiển U+0001" },
		{ "a: 1\nbb: \"\xe1\xba\xa1\x7f\"\n", "t.yaml:2:7: lỗi: tệp chứa ký tự điều khiển U+007F" },
		{ "a: x\xc2\x85y\n", "t.yaml:1:5: lỗi: tệp chứa ký tự điều khiển U+0085" },
		{ "a: 1\n\x1b[0m: 2\n", "t.yaml:2:1: lỗi: tệp chứa ký tự điều khiển U+001B" },
		{ "a: \xef\xbf\xbe\n", "t.yaml:1:4: lỗi: tệp chứa ký tự không hợp lệ U+FFFE" },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		CHECK_INT_EQ(load(&d, cases[i].text), -1);
		ydoc_release(&d);
		CHECK_HAS(captured, cases[i].want);
		CHECK_INT_EQ(count_lines(captured), 1);
	}
	/* TAB inside a string and CRLF line ends are fine */
	CHECK_INT_EQ(load(&d, "a: \"x\ty\"\r\nb: 2\r\n"), 0);
	ydoc_release(&d);
}

TEST(syntax_errors_are_explained_in_vietnamese)
{
	struct ydoc d;
	struct { const char *text, *want; } cases[] = {
		{ "a: 1\nb: [1, 2\nc: 3\n",
		  "t.yaml:3:2: lỗi: lỗi cú pháp YAML: thiếu ',' hoặc ']' (danh sách [...] bắt đầu ở dòng 2, cột 4)" },
		{ "a: {x: 1\n", "lỗi cú pháp YAML: thiếu ',' hoặc '}' (bảng khóa {...} bắt đầu ở dòng 1, cột 4)" },
		{ "a: 1\n  b: 2\n", "t.yaml:2:4: lỗi: lỗi cú pháp YAML: dấu ':' không đúng chỗ" },
		{ "a:\n\t- x\n", "t.yaml:2:1: lỗi: lỗi cú pháp YAML: thụt lề bằng TAB" },
		{ "a: \"abc\n", "lỗi cú pháp YAML: tệp kết thúc giữa chừng" },
		{ "a: @x\n", "t.yaml:1:4: lỗi: lỗi cú pháp YAML: ký tự '@' không được mở đầu một giá trị" },
		{ "a: \"x\\qy\"\n", "t.yaml:1:6: lỗi: lỗi cú pháp YAML: dấu '\\' không hợp lệ trong chuỗi ngoặc kép" },
		{ "- a\nb: 1\n", "t.yaml:2:1: lỗi: lỗi cú pháp YAML: thiếu dấu '-' của mục danh sách" },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		CHECK_INT_EQ(load(&d, cases[i].text), -1);
		ydoc_release(&d);
		CHECK_HAS(captured, cases[i].want);
		CHECK_INT_EQ(count_lines(captured), 1);
		CHECK(!strstr(captured, "while "));
	}
}

TEST(aliases_are_refused_where_they_are_written)
{
	struct ydoc d;

	/* every alias, reached or not, at the '*' */
	CHECK_INT_EQ(load(&d, "a: &x 1\nb: *x\nc: [1, *x]\n"), -1);
	CHECK_HAS(captured, "t.yaml:2:4: lỗi: không hỗ trợ bí danh YAML ('*x'); hãy viết giá trị ra đầy đủ");
	CHECK_HAS(captured, "t.yaml:3:8: lỗi: không hỗ trợ bí danh YAML ('*x')");
	CHECK_INT_EQ(count_lines(captured), 2);
	CHECK_INT_EQ(d.nerr, 2);
	ydoc_release(&d);
	/* an alias used as a key */
	CHECK_INT_EQ(load(&d, "a: &k b\n*k : 1\n"), -1);
	CHECK_HAS(captured, "t.yaml:2:1: lỗi: không hỗ trợ bí danh YAML ('*k')");
	ydoc_release(&d);
	/* an anchor alone is harmless */
	CHECK_INT_EQ(load(&d, "a: &x 1\n"), 0);
	ydoc_release(&d);
}

TEST(tags_are_refused)
{
	struct ydoc d;

	/* '!!int "8"' would otherwise still be read as the string "8", and
	 * '!!str 8' as the number 8 */
	CHECK_INT_EQ(load(&d, "a: !!int \"8\"\nb: !!str 8\nc: !!seq [1]\n"), -1);
	CHECK_HAS(captured, "t.yaml:1:4: lỗi: không hỗ trợ thẻ YAML ('!!int'); hãy bỏ thẻ");
	CHECK_HAS(captured, "t.yaml:2:4: lỗi: không hỗ trợ thẻ YAML ('!!str')");
	CHECK_HAS(captured, "t.yaml:3:4: lỗi: không hỗ trợ thẻ YAML ('!!seq')");
	CHECK_INT_EQ(d.nerr, 3);
	ydoc_release(&d);
}

TEST(a_bad_first_character_is_named)
{
	struct ydoc d;

	/* columns count characters: the backquote is the 5th */
	CHECK_INT_EQ(load(&d, "a: 1\nạạ: `x`\n"), -1);
	CHECK_HAS(captured, "t.yaml:2:5: lỗi: lỗi cú pháp YAML: ký tự '`' không được mở đầu một giá trị");
	ydoc_release(&d);
	CHECK_INT_EQ(load(&d, "a: 1\nb: %x\n"), -1);
	CHECK_HAS(captured, "t.yaml:2:4: lỗi: lỗi cú pháp YAML: ký tự không được mở đầu một giá trị");
	ydoc_release(&d);
}

TEST(a_key_without_a_value_is_empty_not_missing)
{
	struct ydoc d;
	struct ymap m;
	char *s = NULL, **list = NULL;
	long n;
	int nlist;

	CHECK_INT_EQ(load(&d, "name:\nseats: ~\nlist:\nblank: \"  \"\n"), 0);
	ymap_begin(&d, ydoc_root(&d), "bodies[]", &m);
	capture_begin();
	CHECK_INT_EQ(ymap_str(&m, "name", Y_REQUIRED, &s), -1);
	CHECK_INT_EQ(ymap_int(&m, "seats", Y_REQUIRED, 1, 9, &n), -1);
	CHECK_INT_EQ(yseq_begin(&d, ymap_get(&m, "list"), "list"), -1);
	CHECK_INT_EQ(ymap_str(&m, "blank", Y_REQUIRED, &s), -1);
	capture_end();
	CHECK(s == NULL);
	CHECK_HAS(captured, "t.yaml:1:6: lỗi: 'name' trong 'bodies[]' không được để trống");
	CHECK_HAS(captured, "t.yaml:2:8: lỗi: 'seats' trong 'bodies[]' không được để trống");
	CHECK_HAS(captured, "t.yaml:3:6: lỗi: 'list' phải là một danh sách, không phải giá trị rỗng");
	CHECK_HAS(captured, "t.yaml:4:8: lỗi: 'blank' trong 'bodies[]' không được để trống");
	CHECK(!strstr(captured, "thiếu"));
	CHECK_INT_EQ(d.nerr, 4);
	ydoc_release(&d);
	(void)list;
	(void)nlist;
}

TEST(a_required_list_needs_an_item)
{
	struct ydoc d;
	struct ymap m;
	char **list = NULL;
	int n = -1;

	CHECK_INT_EQ(load(&d, "area: []\nopt: []\n"), 0);
	ymap_begin(&d, ydoc_root(&d), "constituencies[]", &m);
	capture_begin();
	CHECK_INT_EQ(ymap_strlist(&m, "area", Y_REQUIRED, &list, &n), -1);
	CHECK(list == NULL);
	CHECK_INT_EQ(ymap_strlist(&m, "opt", Y_OPTIONAL, &list, &n), 0);
	capture_end();
	CHECK_INT_EQ(n, 0);
	CHECK_HAS(captured, "t.yaml:1:7: lỗi: 'area' trong 'constituencies[]' cần ít nhất một mục");
	CHECK_INT_EQ(d.nerr, 1);
	strlist_free(list, n);
	ydoc_release(&d);
}

TEST(a_mapping_that_takes_no_keys)
{
	struct ydoc d;
	struct ymap m;

	CHECK_INT_EQ(load(&d, "foo: 1\n"), 0);
	ymap_begin(&d, ydoc_root(&d), "params", &m);
	capture_begin();
	CHECK_INT_EQ(ymap_end(&m), 1);
	capture_end();
	CHECK_HAS(captured, "t.yaml:1:1: lỗi: khóa không xác định 'foo' trong 'params' ('params' không nhận khóa nào)");
	ydoc_release(&d);
}

TEST(a_bad_unicode_escape_is_explained)
{
	struct ydoc d;

	CHECK_INT_EQ(load(&d, "a: \"\\ud800\"\n"), -1);
	CHECK_HAS(captured, "t.yaml:1:7: lỗi: lỗi cú pháp YAML: mã Unicode không hợp lệ sau '\\u' hoặc '\\U'");
	ydoc_release(&d);
}

TEST(local_tags_and_mapping_tags_are_refused_too)
{
	struct ydoc d;

	CHECK_INT_EQ(load(&d, "b: !foo x\nc: !!map {a: 1}\n"), -1);
	CHECK_HAS(captured, "t.yaml:1:4: lỗi: không hỗ trợ thẻ YAML ('!foo'); hãy bỏ thẻ");
	CHECK_HAS(captured, "t.yaml:2:4: lỗi: không hỗ trợ thẻ YAML ('!!map'); hãy bỏ thẻ");
	CHECK_INT_EQ(count_lines(captured), 2);
	ydoc_release(&d);
}

TEST(keys_must_be_strings)
{
	struct ydoc d;
	struct ymap m;

	CHECK_INT_EQ(load(&d, "a: 1\n[x, y]: 2\n? {k: v}\n: 3\n"), 0);
	capture_begin();
	CHECK_INT_EQ(ymap_begin(&d, ydoc_root(&d), "committee", &m), 0);
	ymap_get(&m, "a");
	CHECK_INT_EQ(ymap_end(&m), 0);
	capture_end();
	CHECK_HAS(captured, "t.yaml:2:1: lỗi: khóa trong 'committee' phải là một chuỗi");
	CHECK_HAS(captured, "t.yaml:3:3: lỗi: khóa trong 'committee' phải là một chuỗi");
	CHECK_INT_EQ(d.nerr, 2);
	ydoc_release(&d);
}
