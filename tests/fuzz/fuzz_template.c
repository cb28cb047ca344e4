/*
 * fuzz_template.c - libFuzzer target for the template loader
 * (template_load_mem: strict YAML of an official form, blocks, fill-ins).
 */
#include <stddef.h>
#include <stdint.h>
#include "template.h"
#include "banned.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct template t;

	template_load_mem("fuzz.yaml", (const char *)data, size, &t);
	template_release(&t);
	return 0;
}
