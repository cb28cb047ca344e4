/* test_rollup.c - unit tests for the roll-up's pure parts (src/rollup.c). */
#include <stdlib.h>
#include <string.h>

#include "rollup.h"
#include "text.h"
#include "unit.h"
#include "banned.h"

/* Is the committee `name` within the unit `area` (as rollup_read_book checks)? */
static int within(const char *name, const char *area)
{
	char *key = text_loose_key(area);
	int in = key && rollup_name_in_area(name, key);

	free(key);
	return in;
}

TEST(a_committee_is_within_the_unit_its_name_ends_with)
{
	CHECK(within("Ủy ban Mặt trận Tổ quốc Việt Nam xã Tân Hòa Lâm", "xã Tân Hòa Lâm"));
	CHECK(within("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Hòa Lâm", "tỉnh Hòa Lâm"));
	/* case, spacing and Unicode form do not matter */
	CHECK(within("Ủy ban Mặt trận Tổ quốc Việt Nam XÃ TÂN HÒA LÂM", "xã  Tân Hòa Lâm"));
	CHECK(within("Ủy ban Mặt trận Tổ quốc Việt Nam xã Ta\xcc\x82n Ho\xcc\x80\x61 La\xcc\x82m", "xã Tân Hòa Lâm"));
	/* the same name of another kind of unit, another unit, a part of a word */
	CHECK(!within("Ủy ban Mặt trận Tổ quốc Việt Nam phường Tân An", "xã Tân An"));
	CHECK(!within("Ủy ban Mặt trận Tổ quốc Việt Nam xã Tân Hòa Lâm", "xã Hòa Lâm"));
	CHECK(!within("Ủy ban Mặt trận Tổ quốc Việt Nam xã Tân Hòa Lâm Mới", "xã Tân Hòa Lâm"));
	CHECK(!within("xã Tân Hòa Lâm", "Ủy ban Mặt trận Tổ quốc Việt Nam xã Tân Hòa Lâm"));
	CHECK(!within("Ủy ban Mặt trận Tổ quốc Việt Nam xã Tân Hòa Lâm", ""));
}
