/*
 * vocab.h - the codes the book stores in its enumerated columns, and the
 * Vietnamese words a person reads for them ("preliminary" -> "danh sách
 * sơ bộ", "round3_sent" -> "gửi biên bản hội nghị hiệp thương lần thứ ba
 * ...").  Displays show the words; JSON and CSV keep the codes.  Stages,
 * drop reasons and sources keep their tables where they are parsed
 * (candidacy.h, stage.h); this module answers for every column by name.
 */
#ifndef VOCAB_H
#define VOCAB_H

/*
 * The words for `code` in the column `field` (a column name of the schema:
 * "stage", "drop_reason", "reason", "source", "status", "decision",
 * "event", "mode", "vote_method", "sex", "kind"), or NULL when the field
 * has no vocabulary or the code is not one of it.
 */
const char *vocab_label(const char *field, const char *code);

#endif
