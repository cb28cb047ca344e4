#!/bin/sh
# t1004: the bundled samples load by import and by commands, and every
# list comes out in the official order (checked against an independent
# implementation of the rule in Python); the demo runs.
. "$TOP/tests/lib.sh"

make_province_book
P="--db $T/p.db"

t_case "the province sample imports: units, allocations with adjustments, candidates"
ht unit import "$S/province/units.csv" $P
expect_exit 0
expect_out "thêm 53 đơn vị"
ht alloc import "$S/province/allocations.csv" $P
expect_exit 0
expect_out "thêm 56 phân bổ"
ht candidate import "$S/province/candidates.csv" $P
expect_exit 0
expect_out "thêm 109 ứng cử (108 người mới, 1 người đã có trong sổ)"
expect_out "'Lê Minh Tuấn' (sinh 23/06/1968) là người ở dòng 2 (#1): thêm ứng cử 'hdnd-tinh'"
expect_empty_err
[ "$(sql "$T/p.db" "SELECT count(*) FROM candidacy WHERE source = 'self'")" -ge 3 ] || t_fail "self-nominees"
[ "$(sql "$T/p.db" "SELECT max(version) FROM allocation a JOIN unit u ON u.id = a.unit_id JOIN body b ON b.id = u.body_id WHERE b.code = 'qh'")" = 3 ] ||
	t_fail "no second adjustment"
t_end

t_case "each unit nominated what its allocation in force allows"
ht alloc list $P --format json
"$PYTHON" - "$OUT" <<'PY' || t_fail "nominees differ from allocations"
import json, sys
for a in json.load(open(sys.argv[1])):
    assert a["nominees"] == a["count"], a
PY
t_end

# The official order, written independently of src/collate_vi.c.
cat >"$T/order.py" <<'PY'
import csv, sys, unicodedata
ALPHA = "a ă â b c d đ e ê f g h i j k l m n o ô ơ p q r s t u ư v w x y z".split()
TONE = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
def part(s):
    s = unicodedata.normalize("NFD", s.lower())
    out = []
    for ch in s:
        if ch in "'’":
            continue
        if unicodedata.combining(ch):
            if ch in TONE:
                out[-1][1] = TONE[ch]
            else:
                out[-1][0] += ch
        else:
            out.append([ch, 0])
    return [(-1, 0) if b == " " else (ALPHA.index(unicodedata.normalize("NFC", b)), t) for b, t in out]
def key(r):
    d = [int(x) for x in r["dob"].split("-")] + [0, 0]
    return (part(r["ten"]), part(r["ho"]), part(r["ten_dem"]), d[:3])
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
bodies = {}
for r in rows:
    bodies.setdefault(r["body"], []).append(r)
for b, rs in bodies.items():
    assert [int(r["stt"]) for r in rs] == list(range(1, len(rs) + 1)), b
    want = sorted(rs, key=key)
    if [r["person_id"] for r in rs] != [r["person_id"] for r in want]:
        for got, w in zip(rs, want):
            if got is not w:
                print("first difference in", b, ":", got["name"], "listed where", w["name"], "belongs")
                break
        sys.exit(1)
print(" ".join("%s=%d" % (b, len(rs)) for b, rs in bodies.items()))
PY

t_case "the province lists are in the official order"
ht candidate list --format csv $P
"$PYTHON" "$T/order.py" "$OUT" >"$T/res" || t_fail "$(cat "$T/res")"
[ "$(cat "$T/res")" = "qh=21 hdnd-tinh=88" ] || t_fail "counts: $(cat "$T/res")"
t_end

t_case "the hard pairs of the sample, in text"
ht candidate list --body qh $P
for pair in "Trần Thị Hoan|Nguyễn Văn Hòa" "Lê Văn Thanh|Phạm Quốc Thái" "Vũ Đức Duy|Hoàng Trung Dũng" \
	    "Hoàng Trung Dũng|Nguyễn Thanh Điện" "Phan Thị Anh|Đinh Thị Ánh" "Đinh Thị Ánh|Trương Thị Ân" \
	    "Trương Thị Ân|Đỗ Minh Ấn" "Bùi Văn Tuân|Lê Minh Tuấn"; do
	a=$(grep -n "${pair%|*}" "$OUT" | cut -d: -f1)
	b=$(grep -n "${pair#*|}" "$OUT" | cut -d: -f1)
	[ -n "$a" ] && [ -n "$b" ] && [ "$a" -lt "$b" ] || t_fail "${pair%|*} not before ${pair#*|}"
done
ht candidate list --body hdnd-tinh $P
grep "Nguyễn Thị Hằng" "$OUT" | head -n 1 | grep -q "14/02/1978" || t_fail "identical names by birth date"
[ "$(grep -c "Nguyễn Thị Hằng" "$OUT")" = 2 ] || t_fail "identical names"
for pair in "Phạm Thị Hạnh|Nguyễn Thị Hằng" "Ngô Văn Hoan|Đào Thị Hòa" "Lưu Văn Thanh|Tô Thị Thắm" \
	    "Tô Thị Thắm|Cao Văn Thắng" "Chu Văn Dũng|Huỳnh Văn Điện"; do
	a=$(grep -n "${pair%|*}" "$OUT" | head -n 1 | cut -d: -f1)
	b=$(grep -n "${pair#*|}" "$OUT" | head -n 1 | cut -d: -f1)
	[ -n "$a" ] && [ -n "$b" ] && [ "$a" -lt "$b" ] || t_fail "${pair%|*} not before ${pair#*|}"
done
t_end

t_case "the commune sample imports (thôn, tổ dân phố, separate name columns)"
"$HT" init --config "$S/commune/config.yaml" --db "$T/x.db" >/dev/null
ht unit import "$S/commune/units.csv" --db "$T/x.db"
expect_exit 0
ht alloc import "$S/commune/allocations.csv" --db "$T/x.db"
expect_exit 0
ht candidate import "$S/commune/candidates.csv" --db "$T/x.db"
expect_exit 0
# Ea Tiêu and the cooperative propose more people than their allocation:
# their conferences choose among them (samples/commune/stages/).
expect_err "đơn vị 'T-EATIEU' (Thôn Ea Tiêu) đã giới thiệu 3 người, nhiều hơn số được phân bổ (2"
[ "$(grep -c . "$ERR")" = 2 ] || t_fail "other messages on stderr: $(cat "$ERR")"
[ "$(sql "$T/x.db" "SELECT count(*) FROM candidacy WHERE source = 'thon'")" -ge 10 ] || t_fail "thôn nominees"
[ "$(sql "$T/x.db" "SELECT ho FROM person WHERE ten = 'Phong'")" = "Âu Dương" ] || t_fail "compound họ"
ht candidate list --format csv --db "$T/x.db"
cp "$OUT" "$T/x-import.csv"
"$PYTHON" "$T/order.py" "$OUT" >"$T/res" || t_fail "$(cat "$T/res")"
[ "$(cat "$T/res")" = "hdnd-xa=39" ] || t_fail "counts: $(cat "$T/res")"
t_end

t_case "the commune sample entered by commands gives the same book as by import"
"$HT" init --config "$S/commune/config.yaml" --db "$T/y.db" >/dev/null
"$PYTHON" - "$HT" "$T/y.db" "$S/commune" >"$T/cmd.log" 2>&1 <<'PY' || t_fail "commands failed: $(tail -n 5 "$T/cmd.log")"
import csv, subprocess, sys
ht, db, d = sys.argv[1:4]
def run(*args):
    r = subprocess.run([ht, "--db", db] + list(args), capture_output=True, text=True)
    if r.returncode:
        sys.exit("%s: %s" % (" ".join(args), r.stderr))
for r in csv.DictReader(open(d + "/units.csv", encoding="utf-8-sig")):
    run("unit", "add", r["code"], "--name", r["name"], "--kind", r["kind"])
labels = {"Hiệp thương lần thứ nhất": "1", "Điều chỉnh lần thứ nhất": "2", "Điều chỉnh lần thứ hai": "3"}
for r in csv.DictReader(open(d + "/allocations.csv", encoding="utf-8-sig"), delimiter=";"):
    args = ["alloc", "set", r["Đơn vị"], "--version", labels[r["Lần"]], "--count", r["Phân bổ số lượng giới thiệu"],
            "--women", r["Nữ"], "--reelected", r["Tái cử"], "--non-party", r["Ngoài Đảng"], "--young", r["Dưới 40 tuổi"],
            "--ethnic-minority", r["Dân tộc thiểu số"]]
    if r["Ghi chú"]:
        args += ["--note", r["Ghi chú"]]
    run(*args)
for r in csv.DictReader(open(d + "/candidates.csv", encoding="utf-8-sig")):
    args = ["candidate", "add"]
    for k, v in r.items():
        if not v or k in ("unit", "source", "dossier_at", "note"):
            continue
        args += ["--" + k.replace("_", "-"), v]
    args += ["--self"] if r["source"] == "self" else ["--unit", r["unit"]]
    if r["dossier_at"]:
        args += ["--dossier", r["dossier_at"]]
    if r["note"]:
        args += ["--note", r["note"]]
    run(*args)
PY
ht candidate list --format csv --db "$T/y.db"
cut -d, -f2 --complement "$OUT" >"$T/y.csv"
cut -d, -f2 --complement "$T/x-import.csv" >"$T/x.csv"
expect_same "$T/x.csv" "$T/y.csv"
"$HT" alloc list --all --format csv --db "$T/x.db" >"$T/ax.csv"
"$HT" alloc list --all --format csv --db "$T/y.db" >"$T/ay.csv"
expect_same "$T/ax.csv" "$T/ay.csv"
"$HT" unit list --format csv --db "$T/x.db" >"$T/ux.csv"
"$HT" unit list --format csv --db "$T/y.db" >"$T/uy.csv"
expect_same "$T/ux.csv" "$T/uy.csv"
t_end

t_case "make demo walks the samples through every stage, validates clean, writes every form and rolls up"
mkdir -p "$T/repo"
cp -R "$TOP/samples" "$TOP/config" "$TOP/templates" "$T/repo/"
sh "$T/repo/samples/demo.sh" "$HT" >"$OUT" 2>"$ERR"
RC=$?
expect_exit 0
expect_out "candidates.csv: thêm 109 ứng cử"
expect_out "candidates.csv: thêm 39 ứng cử"
expect_out "Quốc hội khóa XVI [qh]: 17 người ứng cử"
[ "$(grep -c '^0 lỗi, 0 cảnh báo, 0 thông tin' "$OUT")" = 3 ] || t_fail "validate of the three books reports something"
expect_out "candidates.csv: thêm 29 ứng cử"
# the province reads the communes' copies and sees the one breach across the books
expect_out "2 sổ: 2 đã đọc, 0 không đổi, 0 không nhận"
expect_out "lỗi ELIG-LEVELS 'Lê Minh Tuấn': ứng cử đại biểu Quốc hội"
expect_out "Hội đồng nhân dân xã An Phú (sổ của Ủy ban Mặt trận Tổ quốc Việt Nam xã An Phú"
[ "$(grep -c '^2 lỗi, 0 cảnh báo, 0 thông tin' "$OUT")" = 1 ] || t_fail "the roll-up's validate"
expect_out "== Hội đồng nhân dân cấp xã [hdnd-xa]: 2 ủy ban, 35 ghế, 11 đơn vị bầu cử"
expect_file "$T/repo/out/bieu-mau/tong-hop/thong-ke-tong-hop_tinh.xlsx"
expect_out "166 tệp trong"
# a drop at each stage, each for its own reason, and the special cases
# Y Bhin Niê at her thôn's conference, Lương Văn Tài at his unit's expanded leadership
expect_out "dừng vì không được cơ quan, đơn vị, thôn/TDP giới thiệu: 2"
expect_out "dừng vì không đủ tiêu chuẩn: 1"
expect_out "dừng vì xin rút: 1"
expect_out "dừng vì do kết quả xác minh vụ việc cử tri nêu: 1"
expect_out "dừng vì không đạt trên 50% tín nhiệm ở nơi cư trú: 1"
[ "$(grep -c 'trường hợp đặc biệt (giữ lại dù không đạt tín nhiệm nơi cư trú): 1' "$OUT")" = 3 ] || t_fail "special cases"
expect_out "73 tệp trong"
t_end
