/* unit_main.c - runs every case registered through TEST() in unit.h. */
#include <stdarg.h>
#include <stdlib.h>
#include "unit.h"

static struct unit_case *cases;
static const char *current;

void unit_register(struct unit_case *c)
{
	/* Constructors run in declaration order on gcc and clang; keep it. */
	struct unit_case **p = &cases;
	while (*p)
		p = &(*p)->next;
	c->next = NULL;
	*p = c;
}

void unit_fail(int *failed, const char *file, int line, const char *fmt, ...)
{
	va_list ap;
	printf("FAIL %s: %s:%d: ", current, file, line);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	*failed = 1;
}

/* A case that cannot run here: neither passed nor failed (*failed < 0). */
void unit_skip(int *failed, const char *why)
{
	printf("SKIP %s: %s\n", current, why);
	*failed = -1;
}

int main(int argc, char **argv)
{
	int npass = 0, nfail = 0;
	const char *prog = argc > 0 ? argv[0] : "unit";
	char name[256];

	/* the file's name, after '/' or (Windows) '\\' */
	for (const char *p = prog; *p; p++)
		if (*p == '/' || *p == '\\')
			prog = p + 1;
	for (struct unit_case *c = cases; c; c = c->next) {
		int failed = 0;
		snprintf(name, sizeof(name), "%s:%s", prog, c->name);
		current = name;
		c->fn(&failed);
		if (failed < 0) {
			;	/* skipped, said so */
		} else if (failed) {
			nfail++;
		} else {
			printf("PASS %s\n", name);
			npass++;
		}
	}
	fflush(stdout);
	return nfail ? 1 : 0;
}
