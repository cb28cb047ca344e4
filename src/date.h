/*
 * date.h - calendar dates as the forms write them.
 *
 * A date may be partial: a birth date known only as a year (or month and
 * year) is stored as such, with m and/or d equal to 0.  For arithmetic a
 * missing day counts as the 1st and a missing month as January, which is
 * the National Election Council's rule for computing ages (addendum C9).
 *
 * Text forms accepted by date_parse():
 *	YYYY-MM-DD   2026-03-15        (ISO, as stored in the book)
 *	DD/MM/YYYY   15/03/2026, 5/3/2026  (as clerks type them)
 *	DD-MM-YYYY, DD.MM.YYYY         (other common spellings)
 *	MM/YYYY, YYYY-MM               (partial, only with DATE_PARTIAL)
 *	YYYY                           (partial, only with DATE_PARTIAL)
 * Spaces beside a separator are ignored ("24/10/ 1979": Excel text often
 * has one after a slash).  Years must be 1900..2100.  Only a field left out is unknown: a day or
 * month written as 0 ("00/03/1980", "1980-00") is refused.  "Deadlines" are whole calendar days
 * (process.md §3: "N days before election day" is E - N).
 */
#ifndef DATE_H
#define DATE_H

#include <stddef.h>

struct date {
	int y;	/* year, 1900..2100 */
	int m;	/* month 1..12, or 0 when unknown */
	int d;	/* day 1..31, or 0 when unknown */
};

enum { DATE_FULL = 0, DATE_PARTIAL = 1 };

/*
 * Parse `s` into *out.  `flags` is DATE_FULL or DATE_PARTIAL.  Returns 0, or
 * -1 with a Vietnamese reason in err (e.g. "ngày không tồn tại").
 */
int date_parse(const char *s, int flags, struct date *out, char *err, size_t errlen);

/* 1 if y-m-d is a real calendar day (full dates only). */
int date_is_valid(int y, int m, int d);

/* Days since 1970-01-01 (missing day/month count as 1). */
long date_to_days(struct date dt);
struct date date_from_days(long days);

/* dt plus n days (n may be negative); the result is a full date. */
struct date date_add_days(struct date dt, long n);

/* Ordering by date_to_days(); ties between partial and full dates are
 * broken by precision (less precise first). */
int date_cmp(struct date a, struct date b);

/* Full years from `birth` to `on` (age on that day). */
int date_full_years(struct date birth, struct date on);

/* "YYYY-MM-DD" / "YYYY-MM" / "YYYY" into buf (at least 11 bytes). */
void date_iso(struct date dt, char *buf, size_t len);

/* "dd/mm/yyyy" / "mm/yyyy" / "yyyy", as the official forms print dates. */
void date_vn(struct date dt, char *buf, size_t len);

/*
 * A stored ISO date ("YYYY-MM-DD", "YYYY-MM" or "YYYY") as the forms print
 * it ("dd/mm/yyyy" ...) into buf; text that is not such a date is copied
 * as it is ("" for NULL).
 */
void date_iso_to_vn(const char *iso, char *buf, size_t len);

/*
 * Today's date: $HIEPTHUONG_TODAY (YYYY-MM-DD) when set, so that tests and
 * demos are reproducible; else the local calendar day.  Returns -1 if the
 * variable is set but not a valid date.
 */
int date_today(struct date *out);

#endif
