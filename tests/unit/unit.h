/*
 * unit.h - a tiny unit-test harness for hiepthuong's pure functions.
 *
 * Each tests/unit/test_*.c is one program.  Define cases with TEST(name),
 * check with the CHECK* macros, and link with tests/unit/unit_main.c,
 * which runs every registered case and prints one line per case:
 *
 *	PASS <file>:<name>
 *	FAIL <file>:<name>: <file>:<line>: <what failed>
 *	SKIP <file>:<name>: <why>
 *
 * tests/run.sh counts those lines; a program that exits non-zero without
 * printing a FAIL line is counted as one failure.  SKIP(why) ends a case
 * that cannot run on this system (Windows under Wine) and says why.
 *
 * A failed CHECK ends the case (later checks of that case are not run).
 */
#ifndef UNIT_H
#define UNIT_H

#include <stdio.h>
#include <string.h>

struct unit_case {
	const char *name;
	void (*fn)(int *failed);
	struct unit_case *next;
};

void unit_register(struct unit_case *c);
void unit_fail(int *failed, const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
void unit_skip(int *failed, const char *why);

#define TEST(name)                                                      \
	static void test_##name(int *unit_failed_);                     \
	static struct unit_case unit_case_##name = { #name, test_##name, 0 }; \
	__attribute__((constructor)) static void unit_reg_##name(void)  \
	{ unit_register(&unit_case_##name); }                           \
	static void test_##name(int *unit_failed_)

#define SKIP(why) do { unit_skip(unit_failed_, (why)); return; } while (0)

#define CHECK(cond) do { if (!(cond)) {                                  \
	unit_fail(unit_failed_, __FILE__, __LINE__, "%s", #cond); return; } } while (0)

#define CHECK_INT_EQ(a, b) do { long long a_ = (long long)(a), b_ = (long long)(b); \
	if (a_ != b_) { unit_fail(unit_failed_, __FILE__, __LINE__,      \
		"%s == %s: %lld != %lld", #a, #b, a_, b_); return; } } while (0)

#define CHECK_STR_EQ(a, b) do { const char *a_ = (a), *b_ = (b);         \
	if (!a_ || !b_ || strcmp(a_, b_) != 0) {                         \
		unit_fail(unit_failed_, __FILE__, __LINE__, "%s == %s: '%s' != '%s'", \
			#a, #b, a_ ? a_ : "(null)", b_ ? b_ : "(null)"); return; } } while (0)

#endif
