/*
 * stages.h - the stage vocabulary, declared once (issue 13 §3): the
 * stages of a candidacy in process order (schema.sql, candidacy.stage),
 * one line each:
 *
 *	STAGE(ID, key, label, list)
 *
 * ID: the enum stage_rank name (STAGE_ID, validate.h); key: the code the
 * book stores; label: the words for the stage itself (candidacy.h's
 * stage_defs[], stage_label()); list: the list that stage makes
 * (validate.h's stage_list_label()).  Each user defines STAGE to take the
 * part it needs and includes this file; it is a header, not a module, so
 * the users stay apart (candidacy.c is below stage.c, validate.c apart).
 *
 *	PROPOSED     dự kiến giới thiệu (after the leadership meeting)
 *	NOMINATED    được giới thiệu / tự ứng cử (submitted to round 2)
 *	PRELIMINARY  danh sách sơ bộ (round 2)
 *	QUALIFIED    danh sách đủ tiêu chuẩn (round 3)
 *	OFFICIAL     danh sách chính thức
 */

STAGE(PROPOSED, "proposed", "dự kiến", "danh sách dự kiến giới thiệu")
STAGE(NOMINATED, "nominated", "được giới thiệu", "danh sách người được giới thiệu và tự ứng cử")
STAGE(PRELIMINARY, "preliminary", "danh sách sơ bộ", "danh sách sơ bộ")
STAGE(QUALIFIED, "qualified", "đủ tiêu chuẩn", "danh sách những người đủ tiêu chuẩn ứng cử")
STAGE(OFFICIAL, "official", "danh sách chính thức", "danh sách chính thức")
