/* vocab.c - stored codes and their words; see vocab.h. */
#include <string.h>
#include "candidacy.h"
#include "conference.h"
#include "stage.h"
#include "vocab.h"
#include "banned.h"

static const struct {
	const char *field, *code, *label;
} words[] = {
	{ "status", "active", "đang xét" },
	{ "status", "dropped", "dừng" },
	{ "decision", "in", "vào" },
	{ "decision", "out", "ra" },
	{ "decision", "special", "trường hợp đặc biệt" },
	{ "decision", "assigned", "phân vào đơn vị bầu cử" },
	{ "decision", "correction", "sửa" },
	{ "event", "round3_sent", "gửi biên bản hội nghị hiệp thương lần thứ ba và danh sách người đủ tiêu chuẩn" },
	{ "event", "official_list", "công bố danh sách chính thức những người ứng cử" },
	{ "event", "distribution", "báo cáo dự kiến phân bổ người ứng cử theo đơn vị bầu cử" },
	{ "vote_method", "hands", "giơ tay" },
	{ "vote_method", "ballot", "bỏ phiếu kín" },
	{ "vote_method", "online_poll", "bình chọn trực tuyến" },
	{ "mode", "in_person", "trực tiếp" },
	{ "mode", "online", "trực tuyến" },
	{ "mode", "distribution", "phát phiếu lấy ý kiến" },
	{ "sex", "nam", "nam" },
	{ "sex", "nu", "nữ" },
};

/* A label function's answer, when it knows the code (it echoes unknown
 * codes back). */
static const char *known(const char *label, const char *code)
{
	return label && strcmp(label, code) ? label : NULL;
}

const char *vocab_label(const char *field, const char *code)
{
	int kind;

	if (!field || !code)
		return NULL;
	if (!strcmp(field, "stage"))
		return known(stage_label(code), code);
	if (!strcmp(field, "drop_reason") || !strcmp(field, "reason"))
		return known(reason_label(code), code);
	if (!strcmp(field, "source"))
		return known(source_label(code), code);
	if (!strcmp(field, "kind") && (kind = conf_kind_parse(code)) >= 0)
		return conf_kind_label(kind);
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (!strcmp(words[i].field, field) && !strcmp(words[i].code, code))
			return words[i].label;
	return NULL;
}
