/*
 * rule_kinds.h - every kind of rule, declared once (issue 13 §2; Redis
 * keeps one record per command the same way).  Each line is
 *
 *	RULE_KIND(name, evaluator, want, doc, params...)
 *
 * name: the `kind:` of a rule in a pack; evaluator: its function
 * (validate_impl.h) and want, the classes of its checks (WANT_*,
 * validate.h); doc: what it checks, for `rules show`; params: what a rule
 * of that kind takes, as rules.c's P_* entries ({ 0 }: nothing).
 * rules.c (kinds[]), validate.c (evaluators[]) and cmd_rules.c
 * (kind_docs[]) define RULE_KIND to take the part they need and include
 * this file; a kind added here is known, checked and documented at once.
 * docs/rule-packs.md §3 says what each kind means.
 */

RULE_KIND(min_age, eval_min_age, WANT_CANDIDATE,
	  "tuổi tròn tính đến ngày bầu cử không nhỏ hơn years",
	  P_INT("years", 1, 150))
RULE_KIND(nationality, eval_nationality, WANT_CANDIDATE,
	  "mục Quốc tịch của hồ sơ ghi đúng câu text",
	  P_STR("text", NULL), P_STR_OPT("country", NULL), P_LIST_OPT("more_than_one", NULL), P_LIST_OPT("applying", NULL))
RULE_KIND(hdnd_levels, eval_hdnd_levels, WANT_CANDIDATE | WANT_LIST,
	  "số cấp Hội đồng nhân dân một người ứng cử không quá max_levels, hoặc max_levels_with_na nếu người đó cũng ứng cử đại biểu Quốc hội",
	  P_INT("max_levels", 1, 10), P_INT("max_levels_with_na", 0, 10))	/* WANT_LIST: across books */
RULE_KIND(one_constituency, eval_one_constituency, WANT_LIST,
	  "mỗi người chỉ được ghi tên ở một đơn vị bầu cử của mỗi cơ quan",
	  { 0 })
RULE_KIND(hdnd_locality, eval_hdnd_locality, WANT_CANDIDATE,
	  "người ứng cử đại biểu Hội đồng nhân dân cư trú hoặc công tác ở đơn vị hành chính đó",
	  { 0 })
RULE_KIND(dossier_deadline, eval_dossier_deadline, WANT_CANDIDATE,
	  "hồ sơ nhận chậm nhất lúc hour ngày của thời hạn deadline",
	  P_STR("deadline", NULL), P_STR("hour", NULL))
RULE_KIND(round_order, eval_round_order, WANT_LIST | WANT_CONFERENCE,
	  "các lần hiệp thương và các hội nghị cử tri diễn ra đúng thứ tự",
	  { 0 })
RULE_KIND(round_window, eval_round_window, WANT_LIST,
	  "mỗi lần hiệp thương họp chậm nhất vào thời hạn tương ứng trong deadlines",
	  P_LIST("deadlines", NULL))
RULE_KIND(tellers, eval_tellers, WANT_CONFERENCE,
	  "Tổ kiểm phiếu của các hội nghị conferences có từ min đến max người, khi có biểu quyết",
	  P_LIST("conferences", conference_kinds), P_INT("min", 0, 1000), P_INT("max", 0, 1000))
RULE_KIND(votes_present, eval_votes_present, WANT_CONFERENCE,
	  "số phiếu được tính không vượt quá số đại biểu có mặt",
	  { 0 })
RULE_KIND(quorum, eval_quorum, WANT_CONFERENCE,
	  "nơi có dưới large_place_from cử tri: số có mặt ≥ small_present_num/small_present_den số được triệu tập; nơi khác: ít nhất large_min_present người",
	  P_LIST("conferences", conference_kinds), P_INT("large_place_from", 1, 1000000), P_INT("small_present_num", 1, 100), P_INT("small_present_den", 1, 100), P_INT("large_min_present", 1, 1000000))
RULE_KIND(trust, eval_trust, WANT_CONFERENCE | WANT_LIST,
	  "đạt tín nhiệm khi số phiếu tín nhiệm × den > số cử tri tham dự × num",
	  P_INT("num", 1, 100), P_INT("den", 1, 100))
RULE_KIND(ballots, eval_ballots, WANT_CONFERENCE,
	  "biên bản kiểm phiếu: phát ra ≤ tổng số cử tri, thu về ≤ phát ra, hợp lệ + không hợp lệ = thu về",
	  { 0 })
RULE_KIND(thon_select, eval_thon_select, WANT_LIST,
	  "thôn, tổ dân phố giới thiệu người được trên num/den cử tri có mặt tín nhiệm, theo số phiếu từ cao xuống thấp, không quá số được phân bổ",
	  P_INT("num", 1, 100), P_INT("den", 1, 100))
RULE_KIND(seats_range, eval_seats_range, WANT_LIST,
	  "mỗi đơn vị bầu cử được bầu từ min đến max đại biểu",
	  P_INT("min", 1, 1000), P_INT("max", 1, 1000))
RULE_KIND(min_candidates, eval_min_candidates, WANT_LIST,
	  "số người ứng cử của mỗi đơn vị bầu cử ≥ số đại biểu được bầu + extra theo bảng",
	  P_TABLE("table"))
RULE_KIND(round2_surplus, eval_round2_surplus, WANT_LIST,
	  "danh sách trình hội nghị hiệp thương lần thứ hai có nhiều người hơn số đại biểu",
	  { 0 })
RULE_KIND(round3_surplus, eval_round3_surplus, WANT_LIST,
	  "số dư của danh sách trình hội nghị hiệp thương lần thứ ba so với số dư tối thiểu theo table_rule",
	  P_STR("table_rule", NULL), P_STR("granularity", granularities), P_BOOL("strict"))
RULE_KIND(residence_trust_gate, eval_residence_trust_gate, WANT_LIST | WANT_CANDIDATE,
	  "người không đạt tín nhiệm ở nơi cư trú chỉ ở danh sách lần thứ ba khi là trường hợp đặc biệt có lý do; "
	  "no_result: flag thì nêu cả người ở danh sách đủ tiêu chuẩn mà chưa có kết quả hội nghị cử tri nơi cư "
	  "trú; ignore (mặc định) chỉ xét kết quả đã ghi",
	  P_STR("trust_rule", NULL), P_STR_OPT("no_result", no_results))
RULE_KIND(seats_sum, eval_seats_sum, WANT_LIST,
	  "tổng số đại biểu của các đơn vị bầu cử bằng số đại biểu của cơ quan",
	  { 0 })
RULE_KIND(share, eval_share, WANT_LIST,
	  "tỷ lệ người có thuộc tính attribute trong danh sách list ≥ min_percent%",
	  P_STR("attribute", attributes), P_INT("min_percent", 0, 100), P_STR("list", lists), P_INT_OPT("age_under", 1, 150), P_STR_OPT("majority", NULL), P_STR_OPT("scope", scopes))
RULE_KIND(alloc_sum, eval_alloc_sum, WANT_LIST,
	  "bảng phân bổ cộng đúng tổng số đã thỏa thuận; cơ cấu kết hợp không vượt số được phân bổ",
	  { 0 })
RULE_KIND(list_order, eval_list_order, WANT_LIST,
	  "danh sách xếp theo vần chữ cái A, B, C (tên, họ, tên đệm, ngày sinh)",
	  P_LIST("tone_order", NULL))
RULE_KIND(deadline, eval_deadline, WANT_LIST,
	  "sự kiện event diễn ra chậm nhất vào thời hạn deadline",
	  P_STR("deadline", NULL), P_STR("event", events))
