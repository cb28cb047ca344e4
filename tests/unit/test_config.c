/* test_config.c - unit tests for term-config loading (src/config.c). */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "sbuf.h"
#include "unit.h"
#include "banned.h"

/* The source tree: $TOP (set by tests/run.sh), else the current folder. */
static char *top_path(const char *rel)
{
	const char *top = getenv("TOP");
	struct sbuf sb = SBUF_INIT;

	sbuf_addf(&sb, "%s/%s", top && *top ? top : ".", rel);
	return sbuf_detach(&sb, NULL);
}

/* Load text as a config file in a temporary folder, with stderr muted. */
static int load_text(const char *text, struct term_config *c)
{
	char dir[] = "/tmp/test_config_XXXXXX";
	struct sbuf path = SBUF_INIT;
	FILE *f;
	int rc, null, saved = dup(2);

	if (!mkdtemp(dir))
		return -2;
	sbuf_addf(&path, "%s/c.yaml", dir);
	f = fopen(path.buf, "w");
	fputs(text, f);
	fclose(f);
	fflush(stderr);
	null = open("/dev/null", O_WRONLY);
	dup2(null, 2);
	close(null);
	rc = config_load(path.buf, c);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	unlink(path.buf);
	rmdir(dir);
	sbuf_release(&path);
	return rc;
}

TEST(path_relative_to_the_naming_file)
{
	char *p;

	p = path_relative_to("samples/province/config.yaml", "../../config/2026-2031.yaml");
	CHECK_STR_EQ(p, "samples/province/../../config/2026-2031.yaml");
	free(p);
	p = path_relative_to("config.yaml", "rules/x.yaml");
	CHECK_STR_EQ(p, "rules/x.yaml");
	free(p);
	p = path_relative_to("/a/b/config.yaml", "/etc/x.yaml");
	CHECK_STR_EQ(p, "/etc/x.yaml");
	free(p);
	p = path_relative_to("/a/b/config.yaml", "x.yaml");
	CHECK_STR_EQ(p, "/a/b/x.yaml");
	free(p);
}

TEST(the_province_sample)
{
	struct term_config c;
	char *path = top_path("samples/province/config.yaml");
	const struct body_type *t;
	const struct deadline_def *d;
	long seats = 0;

	CHECK_INT_EQ(config_load(path, &c), 0);
	free(path);
	CHECK_STR_EQ(c.term, "2026-2031");
	CHECK_STR_EQ(c.na_khoa, "XVI");
	CHECK_INT_EQ(c.day.y * 10000 + c.day.m * 100 + c.day.d, 20260315);
	CHECK_STR_EQ(c.committee_level, "tinh");
	CHECK_STR_EQ(c.committee_place, "Hòa Lâm");
	CHECK(c.base_path && strstr(c.base_path, "config/2026-2031.yaml"));
	CHECK(c.rules_path && strstr(c.rules_path, "config/rules/2026-2031.yaml"));
	CHECK(c.rules_pos.file && strstr(c.rules_pos.file, "config/2026-2031.yaml"));
	CHECK_INT_EQ(c.nlevels, 3);
	CHECK_INT_EQ(config_level_index(&c, "tw"), 0);
	CHECK_INT_EQ(config_level_index(&c, "tinh"), 1);
	CHECK_INT_EQ(config_level_index(&c, "xa"), 2);
	CHECK_INT_EQ(config_level_index(&c, "huyen"), -1);
	CHECK_INT_EQ(c.narea, 23);
	CHECK_STR_EQ(c.area[22], "xã Tân Hòa Lâm");
	CHECK_INT_EQ(c.nbodies, 2);
	CHECK_STR_EQ(c.bodies[0].type, "qh");
	CHECK_INT_EQ(c.bodies[0].ncons, 3);
	CHECK_INT_EQ(c.bodies[1].ncons, 12);
	for (int i = 0; i < c.bodies[1].ncons; i++)
		seats += c.bodies[1].cons[i].seats;
	CHECK_INT_EQ(seats, 50);
	CHECK_STR_EQ(c.bodies[1].cons[0].area[0], "xã An Phú");
	CHECK((t = config_body_type(&c, "hdnd-xa")) != NULL);
	CHECK_STR_EQ(t->kind, "hdnd");
	CHECK_STR_EQ(t->consulted_by, "xa");
	CHECK(config_body_type(&c, "hdnd-huyen") == NULL);
	CHECK((d = config_deadline(&c, "ht1")) != NULL);
	CHECK_INT_EQ(d->days, 95);
	CHECK(d->has_window);
	CHECK_INT_EQ(d->from.d, 1);
	CHECK((d = config_deadline(&c, "adjust2_na")) != NULL);
	CHECK_INT_EQ(d->napplies, 1);
	CHECK_STR_EQ(d->applies_to[0], "na");
	CHECK(config_deadline(&c, "nope") == NULL);
	config_release(&c);
}

TEST(a_section_of_the_file_replaces_the_presets)
{
	struct term_config c;
	char *preset = top_path("config/2021-2026.yaml");
	struct sbuf text = SBUF_INIT;

	sbuf_addf(&text,
		  "term: %s\n"
		  "committee_levels:\n"
		  "  - {id: huyen, name: \"cấp quận, huyện\"}\n"
		  "  - {id: tinh, name: \"cấp tỉnh\"}\n"
		  "  - {id: xa, name: \"cấp xã\"}\n"
		  "committee: {level: huyen, name: \"Ủy ban\", place: \"Mẫu\"}\n"
		  "bodies:\n"
		  "  - {type: hdnd-huyen, name: \"HĐND\", seats: 3, constituencies: [{number: 1, seats: 3, area: [a]}]}\n",
		  preset);
	CHECK_INT_EQ(load_text(text.buf, &c), 0);
	sbuf_release(&text);
	free(preset);
	CHECK_INT_EQ(c.nlevels, 3);
	CHECK_STR_EQ(c.levels[0].id, "huyen");
	CHECK_STR_EQ(c.levels[0].name, "cấp quận, huyện");
	CHECK_INT_EQ(c.ntypes, 4);	/* the preset's, kept */
	CHECK_INT_EQ(config_deadline(&c, "ht3")->days, 35);
	config_release(&c);
}

TEST(a_failed_load_can_be_released)
{
	struct term_config c;

	/* a partly read config: every error path must leave it freeable */
	CHECK_INT_EQ(load_text("election: {title: x, term: y, day: 2026-02-30}\n"
			       "committee_levels: [{id: a, name: b}, {id: a, name: b}]\n"
			       "body_types: [{id: t, kind: x, name: n, consulted_by: a}]\n"
			       "deadlines: [{key: k, days: 1, label: l, citation: c, window: {from: 2026-01-02, to: x}}]\n"
			       "committee: {level: a, name: n}\n"
			       "bodies: [{type: t, name: n, seats: \"1\", constituencies: [{number: 1, seats: 1, area: []}]}]\n",
			       &c), -1);
	config_release(&c);
	CHECK(c.levels == NULL && c.bodies == NULL && c.path == NULL);
	CHECK_INT_EQ(load_text("term: /nonexistent/preset.yaml\nbodies: 3\n", &c), -1);
	config_release(&c);
	CHECK_INT_EQ(load_text("- a\n", &c), -1);
	config_release(&c);
}

TEST(a_level_no_body_type_names_keeps_a_book_without_bodies)
{
	struct term_config c;
	char *preset = top_path("config/2026-2031.yaml");
	struct sbuf text = SBUF_INIT;

	sbuf_addf(&text, "term: %s\ncommittee: {level: tw, name: \"Ủy ban Trung ương\", place: \"Hà Nội\", "
		  "area: [\"tỉnh A\", \"tỉnh B\"]}\n", preset);
	CHECK_INT_EQ(load_text(text.buf, &c), 0);
	CHECK_INT_EQ(c.nbodies, 0);
	CHECK_INT_EQ(c.narea, 2);
	CHECK_STR_EQ(c.area[1], "tỉnh B");
	config_release(&c);
	/* a level that consults still needs its bodies */
	sbuf_reset(&text);
	sbuf_addf(&text, "term: %s\ncommittee: {level: tinh, name: \"Ủy ban\", place: \"A\"}\n", preset);
	CHECK_INT_EQ(load_text(text.buf, &c), -1);
	config_release(&c);
	sbuf_release(&text);
	free(preset);
}

TEST(a_config_is_read_again_from_the_texts_a_book_keeps)
{
	struct term_config c;
	char *path = top_path("samples/commune/config.yaml"), *preset = top_path("config/2026-2031.yaml");
	char *text = read_file(path, 1 << 20, NULL), *base = read_file(preset, 1 << 20, NULL);

	CHECK(text && base);
	/* the name does not lead to a file: the preset comes from memory */
	CHECK_INT_EQ(config_load_stored("/nonexistent/config.yaml", text, base, &c), 0);
	CHECK_STR_EQ(c.committee_level, "xa");
	CHECK_INT_EQ(c.nlevels, 3);
	CHECK_INT_EQ(config_level_index(&c, c.committee_level), 2);
	CHECK_INT_EQ(c.narea, 0);
	config_release(&c);
	free(text);
	free(base);
	free(path);
	free(preset);
}
