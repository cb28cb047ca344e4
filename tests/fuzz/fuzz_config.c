/*
 * fuzz_config.c - libFuzzer target for the term-config loader
 * (config_load_mem: strict YAML, presets, cross-references).
 *
 * A `term:` in the input is resolved against the current folder, where
 * tools/fuzz.sh puts nothing; the loader refuses what is not a regular
 * file, so the fuzzer cannot make it read a FIFO or a device.
 */
#include <stddef.h>
#include <stdint.h>
#include "config.h"
#include "banned.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct term_config cfg;

	config_load_mem("fuzz.yaml", (const char *)data, size, &cfg);
	config_release(&cfg);
	return 0;
}
