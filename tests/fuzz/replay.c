/*
 * replay.c - run a fuzz target over files without libFuzzer, so that the
 * normal test suite (and `make asan`, and valgrind) replays the inputs the
 * fuzzer once crashed on (tests/fuzz/regressions/) and the seed corpora.
 *
 *	replay_config FILE...
 *
 * Prints "PASS replay_config:FILE" per file; a crash or a sanitizer report
 * ends the program with a non-zero status.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "banned.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char **argv)
{
	const char *name = strrchr(argv[0], '/') ? strrchr(argv[0], '/') + 1 : argv[0];

	for (int i = 1; i < argc; i++) {
		FILE *f = fopen(argv[i], "rb");
		uint8_t *buf = NULL;
		size_t len = 0, alloc = 0, n;

		if (!f) {
			printf("FAIL %s:%s: cannot open\n", name, argv[i]);
			return 1;
		}
		do {
			if (len == alloc) {
				alloc = alloc ? 2 * alloc : 65536;
				buf = realloc(buf, alloc);
				if (!buf)
					abort();
			}
			n = fread(buf + len, 1, alloc - len, f);
			len += n;
		} while (n > 0);
		fclose(f);
		/* Like libFuzzer: the input is exactly len bytes, not a string. */
		LLVMFuzzerTestOneInput(buf, len);
		free(buf);
		printf("PASS %s:%s\n", name, strrchr(argv[i], '/') ? strrchr(argv[i], '/') + 1 : argv[i]);
	}
	return 0;
}
