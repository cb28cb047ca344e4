/*
 * minutes.h - the minutes file: what a meeting's minutes record besides
 * its counts (purpose, chair, secretary, those present, guests, the
 * proceedings, what was agreed, the counting team, the witnesses, the
 * ballots' times, the voters' opinion of each candidate), typed by a clerk
 * in any text editor or saved from Word as "Plain Text (UTF-8)".  Read by
 * `conference add`, `voters add` (--minutes FILE) and `voters import` (the
 * column "Biên bản"); the format is docs/stages.md, "Minutes file":
 *
 *	Mục đích: Thỏa thuận cơ cấu, thành phần, số lượng người được giới
 *	  thiệu ứng cử đại biểu Hội đồng nhân dân xã
 *	Chủ trì: Nguyễn Thị Minh Tâm, Chủ tịch Ủy ban MTTQ Việt Nam xã
 *	Thành phần:
 *	- Ông Lê Văn Bình, Phó Chủ tịch Ủy ban MTTQ Việt Nam xã
 *	- Bà Trần Thị Hoa, Chủ tịch Hội Liên hiệp Phụ nữ xã
 *	Tổ kiểm phiếu:
 *	- Đỗ Văn Nam, Trưởng thôn Đông Sơn       (the first is the team's head)
 *	Ý kiến:
 *	- Nguyễn Văn An: Cử tri nhận xét ông có tinh thần trách nhiệm ...
 *
 * A field begins on a line that starts, at its first column, with one of
 * the field's labels (case does not matter) and a colon; its value is the
 * rest of that line and the lines below it up to the next field.  '#' at
 * the first column starts a comment line.  Every problem is reported as
 * file:line:column and the file is then not used.
 */
#ifndef MINUTES_H
#define MINUTES_H

#include "conference.h"

enum {
	MF_PURPOSE, MF_CHAIR, MF_SECRETARY, MF_PLACE, MF_START, MF_END, MF_ATTENDEES, MF_GUESTS,
	MF_AGENDA, MF_AGREED, MF_TELLERS, MF_WITNESSES, MF_ISSUE_TIME, MF_COLLECT_TIME, MF_COMMUNE,
	MF_LOCALITY, MF_OPINIONS, MF_NOTICE, MF_N
};

struct minutes {
	char *path;
	char *value[MF_N];	/* cleaned text (lists: one entry a line), or NULL */
	long line[MF_N];	/* where each field was given */
	char *split[2];		/* chair and secretary: name, position */
	char *split_pos[2];
	struct opt_list tellers, witnesses, opinions;	/* entries into value[] */
};

/* Read and check a minutes file.  0, or -1 after reporting every problem
 * (the struct must still be released). */
int minutes_load(const char *path, struct minutes *m);

/*
 * Give the file's fields to the meeting's arguments.  A field given both
 * by the file and by an option (or a spreadsheet cell) is an error.
 * Returns 0 or -1 after reporting; `a` then points into m.
 */
int minutes_apply(struct minutes *m, struct conf_args *a);

void minutes_release(struct minutes *m);

/*
 * "09:05", "9:05", "9h05", "9 giờ 05", "9g5" -> "09:05" in out[6].  0, or
 * -1 when s is not a time of day.
 */
int minutes_time(const char *s, char out[6]);

#endif
