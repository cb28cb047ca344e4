/*
 * person.h - a person's record: the fields of the official lists and
 * dossiers (process.md §7.5, §7.15), how each is read from a command-line
 * option or a CSV cell, the checks the law makes when a record is entered,
 * and the record in the book (table person).
 *
 * Names.  Họ, tên đệm and tên are stored separately and never guessed when
 * they are given separately.  When only a full name ("Họ và tên") is given
 * it is split as the official lists are read (addendum Q6b): the first
 * word is the họ, the last the tên, the words between the tên đệm; text in
 * brackets after it, "Nguyễn Văn A (Thích Thanh A)", is the other name.
 * Names that do not follow that pattern (some Ê Đê and Gia Rai names put
 * the clan name last) must be given in the three fields.
 *
 * Values are stored as entered (NFC, spacing collapsed) except: dates
 * become ISO text (a birth date may be a year, or month and year, only),
 * and sex becomes 'nam' or 'nu'.
 */
#ifndef PERSON_H
#define PERSON_H

#include <sqlite3.h>
#include <stddef.h>
#include "book.h"

enum person_field_id {
	PF_HO, PF_TEN_DEM, PF_TEN, PF_OTHER_NAMES, PF_DOB, PF_SEX, PF_NATIONALITY, PF_ETHNICITY,
	PF_RELIGION, PF_HOMETOWN, PF_RESIDENCE, PF_EDU_GENERAL, PF_EDU_PROFESSIONAL, PF_EDU_DEGREE,
	PF_EDU_POLITICAL, PF_EDU_LANGUAGE, PF_OCCUPATION, PF_POSITION, PF_WORKPLACE, PF_PARTY_DATE,
	PF_NA_MEMBER, PF_HDND_MEMBER, PF_ID_NUMBER, PF_N
};

enum person_value_type { PV_NAME, PV_TEXT, PV_BIRTH, PV_DATE, PV_SEX };

struct person_field {
	const char *key;		/* column in the book and CSV key: "ten_dem" */
	const char *option;		/* command-line option: "ten-dem" */
	const char *label;		/* Vietnamese: "Tên đệm" */
	const char *const *headers;	/* Vietnamese CSV headers, NULL-ended */
	enum person_value_type type;
};
extern const struct person_field person_fields[PF_N];

struct person {
	long long id;		/* 0 until it is in the book */
	char *v[PF_N];		/* stored form; NULL when not given */
};

/* Free the values; the person is empty again. */
void person_release(struct person *p);

/*
 * Set field f from the text s (cleaned by the caller: NFC, spacing
 * collapsed).  An empty s clears the field.  Returns 0, or -1 with a
 * Vietnamese reason in err ("ngày không tồn tại '31/02/1980'").
 */
int person_set(struct person *p, int f, const char *s, char *err, size_t errlen);

/*
 * 1 when the text of an optional date says there is none, as published
 * lists write it in "Ngày vào Đảng": "Không", "Không có", "Chưa", "-",
 * a dash, "x" (case ignored).  person_set() then clears the field.
 */
int person_no_date(const char *s);

/*
 * Split a full name into p's họ, tên đệm and tên (and other names, from a
 * bracket).  Returns 0, or -1 with a reason (a single word, an unclosed
 * bracket, digits).
 */
int person_set_full_name(struct person *p, const char *full, char *err, size_t errlen);

/* "Họ Tên-đệm Tên" (malloc'd). */
char *person_full_name(const struct person *p);

/*
 * The checks made when a record is entered: họ, tên, date of birth and sex
 * present; birth date not after election day; at least the pack's minimum
 * age on election day (min_age rule); Party joining date between birth and
 * election day.  Calls report(arg, field, message) for each problem and
 * returns their number.
 */
int person_check(const struct book_info *bi, const struct person *p,
		 void (*report)(void *arg, int field, const char *msg), void *arg);

/*
 * The person in the book with this full name (compared without regard to
 * case, spacing and normalisation) and this birth date: 1 and *id, or 0.
 */
int person_find(sqlite3 *db, const char *full_name, const char *dob, long long *id);

/*
 * 1 when the book's stored name keys were made by this program's folding
 * and ICU (book.name_key_version), so they may be compared as they are;
 * 0 after an ICU upgrade (or in a book without the record): then every
 * name is folded again, as for a person without a key.  Asked once per
 * process.
 */
int person_keys_trusted(sqlite3 *db);

/* Read person `id` into *p: 1, 0 if there is none, -1 on error. */
int person_load(sqlite3 *db, long long id, struct person *p);

/* Insert p (p->id is set) or update it (p->id != 0), sort key included. */
int person_insert(sqlite3 *db, const struct book_info *bi, struct person *p);
int person_update(sqlite3 *db, const struct book_info *bi, const struct person *p);

/* The person's fields that differ from q's, as "Nghề nghiệp, Nơi công tác"
 * (malloc'd; "" when none).  Fields q does not give are not compared. */
char *person_diff(const struct person *p, const struct person *q);

/* The value of a field as the lists print it: dates dd/mm/yyyy, sex Nam/Nữ
 * ("" when not given; malloc'd). */
char *person_display(const struct person *p, int f);

/*
 * The person a user names: a number (the person's id, as lists show it,
 * "12" or "#12") or a full name, with dob (ISO, may be NULL) to tell apart
 * people of the same name.  Returns 1 and *id, or 0 after reporting that
 * nobody or more than one person fits (listing them), -1 on error.
 */
int person_select(sqlite3 *db, const char *sel, const char *dob, long long *id);

/*
 * The name in a reference as a list prints it: "Đặng Minh Châu (Hòa thượng
 * Thích Bảo Nghiêm)" is the name "Đặng Minh Châu" with the other name in
 * *other (malloc'd; NULL when there is no bracket).  Returns the name,
 * spacing collapsed (malloc'd), or NULL when ref is not UTF-8.
 */
char *person_ref_name(const char *ref, char **other);

/* Find a field by its key or option name (for `candidate edit --clear`). */
int person_field_find(const char *name);

#endif
