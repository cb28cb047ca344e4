/*
 * fuzz_rules.c - libFuzzer target for the rule-pack loader
 * (rules_load_mem: strict YAML against the registry of rule kinds).
 */
#include <stddef.h>
#include <stdint.h>
#include "rules.h"
#include "banned.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void count_ref(const char *key, const struct rule *r, void *arg)
{
	(void)key;
	(void)r;
	++*(long *)arg;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rule_pack pack;
	long refs = 0;

	if (rules_load_mem("fuzz.yaml", (const char *)data, size, &pack) == 0)
		rules_each_deadline_ref(&pack, count_ref, &refs);
	rules_release(&pack);
	return 0;
}
