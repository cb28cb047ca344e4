#!/usr/bin/python3
"""gen.py - write a national-size input for hiepthuong (tests/bench/README.md).

    gen.py --size national|small|tiny|SCALE --out DIR [--seed N]

Writes, for one synthetic roll-up book of the 2021-2026 term (one committee
that consults for the four bodies, each body the whole country's level):

    config.yaml       term config: committee, bodies, every constituency
    units.csv         nominating units (unit import)
    allocations.csv   round-1 allocation of each unit (alloc import)
    candidates.csv    every candidacy, all person fields (candidate import)
    voters-1.csv      workplace and thôn voter conferences (voters import)
    decide-1.csv      units' nominations after the workplace (decide import)
    decide-2.csv      round 2: the preliminary list
    voters-2.csv      residence voter conferences (voters import)
    decide-3.csv      round 3: the qualified list, withdrawals
    decide-4.csv      the official list: constituency of each (decide import)
    rounds.csv        body,kind,date of the consultation rounds (conference add)
    sizes.txt         what was written

Names of people and places are invented from lists of syllables with
Vietnamese diacritics; the same seed gives the same files.  Scale 1.0 is the
2021 national case (process.md section 9): 500 NA seats in 184
constituencies, 3,726 provincial, 22,952 district and 242,312 commune
council seats, about 450,000 candidacies and 900,000 voter-conference
results.  Only Debian's python3, no other module.
"""
import argparse
import os
import random
import sys

SIZES = {"national": 1.0, "small": 0.1, "tiny": 0.01}

# 2021 figures (process.md section 9)
SEATS = {"qh": 500, "hdnd-tinh": 3726, "hdnd-huyen": 22952, "hdnd-xa": 242312}
NA_CONSTITUENCIES = 184
PROVINCES, DISTRICTS, COMMUNES = 63, 705, 10600

ELECTION_DAY = (2021, 5, 23)
ROUNDS = {"ht1": "05/02/2021", "ht2": "17/03/2021", "ht3": "16/04/2021"}

FAMILY = [("Nguyễn", 38), ("Trần", 11), ("Lê", 9), ("Phạm", 7), ("Hoàng", 5), ("Huỳnh", 3), ("Phan", 4),
          ("Vũ", 4), ("Võ", 3), ("Đặng", 2), ("Bùi", 2), ("Đỗ", 2), ("Hồ", 2), ("Ngô", 2), ("Dương", 1),
          ("Lý", 1), ("Đinh", 1), ("Đào", 1), ("Lương", 1), ("Trịnh", 1), ("Mai", 1), ("Tô", 1), ("Hà", 1),
          ("Lò", 1), ("Cao", 1), ("Quách", 1), ("Thái", 1), ("Triệu", 1), ("Kiều", 1), ("Chu", 1)]
MIDDLE_M = ["Văn", "Đức", "Minh", "Hữu", "Quang", "Công", "Thanh", "Xuân", "Ngọc", "Mạnh", "Đình", "Trọng",
            "Tiến", "Anh", "Quốc", "Thế", "Hoàng", "Trung", "Bá", "Duy", "Khắc", "Viết", "Phú", "Hải"]
MIDDLE_F = ["Thị", "Thị", "Thị", "Ngọc", "Thanh", "Thu", "Thúy", "Kim", "Minh", "Hồng", "Phương", "Bích",
            "Diệu", "Thùy", "Mỹ", "Hải", "Cẩm", "Tuyết", "Khánh", "Lan"]
GIVEN_M = ["An", "Anh", "Bảo", "Bình", "Cường", "Chiến", "Công", "Dũng", "Duy", "Đạt", "Điệp", "Định", "Đông",
           "Đức", "Giang", "Hà", "Hải", "Hào", "Hiếu", "Hiệp", "Hòa", "Hoàng", "Hùng", "Huy", "Hưng", "Khải",
           "Khang", "Khánh", "Khoa", "Kiên", "Lâm", "Linh", "Long", "Lộc", "Lợi", "Luân", "Mạnh", "Minh", "Nam",
           "Nghĩa", "Nhân", "Ninh", "Phong", "Phúc", "Phương", "Quân", "Quang", "Quý", "Quyết", "Sơn", "Tài",
           "Tâm", "Tân", "Thắng", "Thành", "Thanh", "Thái", "Thiện", "Thịnh", "Thông", "Toàn", "Trí", "Trung",
           "Trường", "Tuấn", "Tùng", "Tú", "Uy", "Việt", "Vinh", "Vũ", "Vương", "Xuân", "Yên"]
GIVEN_F = ["An", "Anh", "Ánh", "Bích", "Châu", "Chi", "Cúc", "Dung", "Duyên", "Điệp", "Đào", "Giang", "Hà",
           "Hạnh", "Hằng", "Hiền", "Hoa", "Hòa", "Hồng", "Huệ", "Hương", "Hường", "Huyền", "Khánh", "Lan",
           "Liên", "Liễu", "Linh", "Loan", "Lụa", "Mai", "My", "Nga", "Ngân", "Ngọc", "Nguyệt", "Nhung",
           "Oanh", "Phượng", "Quyên", "Quỳnh", "Sen", "Tâm", "Thảo", "Thắm", "Thanh", "Thơ", "Thu", "Thủy",
           "Thúy", "Trang", "Trâm", "Tuyết", "Uyên", "Vân", "Xuân", "Yến"]
SYLL = ["An", "Bình", "Cẩm", "Đông", "Gia", "Hạ", "Hòa", "Khánh", "Lam", "Lâm", "Mỹ", "Nghĩa", "Phú", "Phước",
        "Quảng", "Sơn", "Tân", "Thạch", "Trung", "Văn", "Xuân", "Yên", "Đức", "Hưng", "Long", "Thành", "Thủy",
        "Vĩnh", "Hải", "Hương", "Kim", "Lộc", "Minh", "Ninh", "Phong", "Thái", "Thanh", "Tiên", "Triệu", "Vạn",
        "Cát", "Đại", "Hiệp", "Hồng", "Lạc", "Lương", "Nam", "Bắc", "Tây", "Quy", "Sa", "Tường", "Uyên", "Vân"]
ETHNIC = [("Kinh", 82), ("Tày", 3), ("Thái", 3), ("Mường", 2), ("Khmer", 2), ("Mông", 2), ("Nùng", 2),
          ("Dao", 1), ("Gia Rai", 1), ("Ê Đê", 1), ("Ba Na", 1)]
RELIGION = [("Không", 86), ("Phật giáo", 7), ("Công giáo", 5), ("Cao Đài", 1), ("Tin Lành", 1)]
PROFESSIONAL = ["Cử nhân Luật", "Cử nhân Kinh tế", "Kỹ sư Nông nghiệp", "Cử nhân Sư phạm Toán",
                "Cử nhân Quản lý nhà nước", "Bác sĩ đa khoa", "Cử nhân Hành chính", "Kỹ sư Xây dựng",
                "Trung cấp Nông nghiệp", "Cử nhân Xây dựng Đảng", "Cử nhân Quân sự", "Cử nhân Kế toán"]
POLITICAL = ["Sơ cấp", "Trung cấp", "Trung cấp", "Cao cấp", ""]
LANGUAGE = ["Anh B1", "Anh A2", "Anh B", "", "", "Pháp B", "Trung A"]
DEGREE = ["", "", "", "", "Thạc sĩ", "Tiến sĩ"]
NATIONALITY = ("Chỉ có 01 quốc tịch là quốc tịch Việt Nam và không trong thời gian thực hiện thủ tục xin "
               "gia nhập quốc tịch quốc gia khác")

# Units of each locality: (code, name pattern, kind).  {p} is the place.
UNITS = {
    "qh": [("TU", "Tỉnh ủy {p}", "Tổ chức chính trị"),
           ("MT", "Ủy ban Mặt trận Tổ quốc Việt Nam {p}", "Mặt trận Tổ quốc Việt Nam"),
           ("UB", "Ủy ban nhân dân {p}", "Cơ quan nhà nước"),
           ("LD", "Liên đoàn Lao động {p}", "Tổ chức chính trị - xã hội"),
           ("PN", "Hội Liên hiệp Phụ nữ {p}", "Tổ chức chính trị - xã hội"),
           ("QS", "Bộ Chỉ huy Quân sự {p}", "Lực lượng vũ trang")],
    "hdnd-tinh": [("TU", "Tỉnh ủy {p}", "Tổ chức chính trị"),
                  ("MT", "Ủy ban Mặt trận Tổ quốc Việt Nam {p}", "Mặt trận Tổ quốc Việt Nam"),
                  ("UB", "Ủy ban nhân dân {p}", "Cơ quan nhà nước"),
                  ("LD", "Liên đoàn Lao động {p}", "Tổ chức chính trị - xã hội"),
                  ("ND", "Hội Nông dân {p}", "Tổ chức chính trị - xã hội"),
                  ("PN", "Hội Liên hiệp Phụ nữ {p}", "Tổ chức chính trị - xã hội"),
                  ("DT", "Tỉnh Đoàn {p}", "Tổ chức chính trị - xã hội"),
                  ("YT", "Sở Y tế {p}", "Cơ quan nhà nước"),
                  ("GD", "Sở Giáo dục và Đào tạo {p}", "Cơ quan nhà nước"),
                  ("CA", "Công an {p}", "Lực lượng vũ trang")],
    "hdnd-huyen": [("HU", "Huyện ủy {p}", "Tổ chức chính trị"),
                   ("MT", "Ủy ban Mặt trận Tổ quốc Việt Nam {p}", "Mặt trận Tổ quốc Việt Nam"),
                   ("UB", "Ủy ban nhân dân {p}", "Cơ quan nhà nước"),
                   ("ND", "Hội Nông dân {p}", "Tổ chức chính trị - xã hội"),
                   ("PN", "Hội Liên hiệp Phụ nữ {p}", "Tổ chức chính trị - xã hội"),
                   ("CA", "Công an {p}", "Lực lượng vũ trang"),
                   ("TH", "Trường Trung học phổ thông {p}", "Đơn vị sự nghiệp công lập")],
    "hdnd-xa": [("DU", "Đảng ủy {p}", "Tổ chức chính trị"),
                ("MT", "Ủy ban Mặt trận Tổ quốc Việt Nam {p}", "Mặt trận Tổ quốc Việt Nam"),
                ("UB", "Ủy ban nhân dân {p}", "Cơ quan nhà nước"),
                ("ND", "Hội Nông dân {p}", "Tổ chức chính trị - xã hội"),
                ("PN", "Hội Liên hiệp Phụ nữ {p}", "Tổ chức chính trị - xã hội"),
                ("TR", "Trường Tiểu học {p}", "Đơn vị sự nghiệp công lập")],
}
THON_PER_COMMUNE = 7
OCCUPATION = {"TU": "Ủy viên Ban Thường vụ Tỉnh ủy", "HU": "Ủy viên Ban Thường vụ Huyện ủy",
              "DU": "Phó Bí thư Đảng ủy", "MT": "Phó Chủ tịch Ủy ban Mặt trận Tổ quốc",
              "UB": "Phó Chủ tịch Ủy ban nhân dân", "LD": "Phó Chủ tịch Liên đoàn Lao động",
              "ND": "Chủ tịch Hội Nông dân", "PN": "Chủ tịch Hội Liên hiệp Phụ nữ", "DT": "Bí thư Tỉnh Đoàn",
              "QS": "Chỉ huy trưởng", "CA": "Phó Trưởng Công an", "YT": "Phó Giám đốc Sở Y tế",
              "GD": "Phó Giám đốc Sở Giáo dục và Đào tạo", "TH": "Hiệu trưởng", "TR": "Hiệu trưởng",
              "XA": "Chủ tịch Ủy ban nhân dân", "HX": "Bí thư Đảng ủy", "TN": "Trưởng thôn"}
# extra candidates on an official list beyond its seats (EXCESS-NA, EXCESS-HDND of the 2021 pack)
EXTRA_NA = {1: 2, 2: 2, 3: 2}
EXTRA_HDND = {1: 1, 2: 1, 3: 2, 4: 3, 5: 3}


def weighted(rng, table):
    total = sum(w for _, w in table)
    x = rng.random() * total
    for v, w in table:
        x -= w
        if x < 0:
            return v
    return table[-1][0]


def csv_cell(v):
    v = str(v)
    if any(c in v for c in ',"\n'):
        return '"' + v.replace('"', '""') + '"'
    return v


class Writer:
    def __init__(self, path, header):
        self.f = open(path, "w", encoding="utf-8", newline="")
        self.rows = 0
        self.row(header)
        self.rows = 0

    def row(self, cells):
        self.f.write(",".join(csv_cell(c) for c in cells) + "\n")
        self.rows += 1

    def close(self):
        self.f.close()


def split_seats(total, n, lo, hi, rng):
    """n constituencies of lo..hi seats adding up to total."""
    n = max(1, min(n, total // lo))
    n = max(n, -(-total // hi))
    seats = [lo] * n
    left = total - lo * n
    idx = list(range(n))
    while left > 0:
        rng.shuffle(idx)
        for i in idx:
            if left == 0:
                break
            if seats[i] < hi:
                seats[i] += 1
                left -= 1
    return seats


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--size", default="small", help="national, small, tiny or a scale factor (1.0 = national)")
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=2021)
    ap.add_argument("--term", default=None, help="the term preset (default config/2021-2026.yaml of this tree)")
    args = ap.parse_args()
    scale = SIZES[args.size] if args.size in SIZES else float(args.size)
    rng = random.Random(args.seed)
    os.makedirs(args.out, exist_ok=True)
    top = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    term = args.term or os.path.join(top, "config", "2021-2026.yaml")

    # ---- geography: provinces > districts > communes > thôn -------------
    nprov = max(1, round(PROVINCES * scale))
    ndist = max(nprov, round(DISTRICTS * scale))
    ncomm = max(ndist, round(COMMUNES * scale))
    used = set()

    def place_name(scope):
        while True:
            a, b = rng.sample(SYLL, 2)
            if (scope, a, b) not in used:
                used.add((scope, a, b))
                return a + " " + b

    provinces = []
    for p in range(nprov):
        provinces.append({"i": p + 1, "name": place_name("p"), "districts": []})
    for d in range(ndist):
        prov = provinces[d % nprov]
        prov["districts"].append({"i": len(prov["districts"]) + 1, "prov": prov,
                                  "name": place_name(("d", prov["i"])), "communes": []})
    alld = [d for p in provinces for d in p["districts"]]
    for c in range(ncomm):
        dist = alld[c % len(alld)]
        kind = "xã" if rng.random() < 0.82 else ("phường" if rng.random() < 0.8 else "thị trấn")
        dist["communes"].append({"i": len(dist["communes"]) + 1, "dist": dist, "kind": kind,
                                 "name": place_name(("c", dist["prov"]["i"], dist["i"]))})
    allc = [c for d in alld for c in d["communes"]]

    def pname(p):
        return "tỉnh " + p["name"]

    def dname(d):
        return "huyện %s, %s" % (d["name"], pname(d["prov"]))

    def cname(c):
        return "%s %s, %s" % (c["kind"], c["name"], dname(c["dist"]))

    def thon_name(c, t):
        return "%s %d, %s" % ("thôn" if c["kind"] == "xã" else "tổ dân phố", t, cname(c))

    # ---- bodies and constituencies --------------------------------------
    # Each constituency belongs to one locality (province, district or
    # commune) and its area names the places below it.
    bodies = []
    # NA: constituencies of 2-3 seats spread over the provinces
    na_seats = max(nprov * 2, round(SEATS["qh"] * scale))
    na_n = max(nprov, round(NA_CONSTITUENCIES * scale))
    seats = split_seats(na_seats, na_n, 2, 3, rng)
    cons = []
    for k, s in enumerate(seats):
        prov = provinces[k % nprov]
        ds = prov["districts"]
        area = [dname(d) for d in ds[(k // nprov) % len(ds):][:3]] or [pname(prov)]
        cons.append({"seats": s, "loc": ("p", prov["i"]), "area": area, "prov": prov})
    bodies.append({"code": "qh", "name": "Quốc hội khóa XV", "khoa": "XV", "cons": cons})

    def level_body(code, name, total, units_of, lo, hi, per, area_of):
        seats_all = max(len(units_of) * lo, round(SEATS[code] * scale))
        # seats per locality in proportion, then constituencies of lo..hi
        cons = []
        base = seats_all // len(units_of)
        extra = seats_all - base * len(units_of)
        for j, loc in enumerate(units_of):
            s_loc = max(lo, base + (1 if j < extra else 0))
            for s in split_seats(s_loc, max(1, round(s_loc / per)), lo, hi, rng):
                cons.append({"seats": s, "loc": loc["key"], "area": area_of(loc, len(cons)), "obj": loc})
        return {"code": code, "name": name, "khoa": None, "cons": cons}

    for p in provinces:
        p["key"] = ("p", p["i"])
    for d in alld:
        d["key"] = ("d", d["prov"]["i"], d["i"])
    for c in allc:
        c["key"] = ("c", c["dist"]["prov"]["i"], c["dist"]["i"], c["i"])

    def prov_area(p, n):
        ds = p["districts"]
        return [dname(ds[n % len(ds)])]

    def dist_area(d, n):
        cs = d["communes"]
        return [cname(cs[n % len(cs)])]

    def comm_area(c, n):
        t = (n % THON_PER_COMMUNE) + 1
        return [thon_name(c, t), thon_name(c, (t % THON_PER_COMMUNE) + 1)]

    bodies.append(level_body("hdnd-tinh", "Hội đồng nhân dân các tỉnh, thành phố trực thuộc trung ương",
                             None, provinces, 3, 5, 4, prov_area))
    bodies.append(level_body("hdnd-huyen", "Hội đồng nhân dân các huyện, quận, thị xã, thành phố thuộc tỉnh",
                             None, alld, 3, 5, 3.6, dist_area))
    bodies.append(level_body("hdnd-xa", "Hội đồng nhân dân các xã, phường, thị trấn",
                             None, allc, 2, 4, 3, comm_area))

    # ---- config ----------------------------------------------------------
    with open(os.path.join(args.out, "config.yaml"), "w", encoding="utf-8") as f:
        f.write("# Synthetic national roll-up for the benchmark (tests/bench/README.md): one\n"
                "# committee that consults for every body of the 2021-2026 term, each body\n"
                "# the whole country's level.  Generated by tests/bench/gen.py, scale %g.\n" % scale)
        f.write("term: %s\n\n" % os.path.relpath(term, os.path.abspath(args.out)))
        # The level's id is "xa": a book takes thôn units only at commune
        # level (units.c), and the roll-up holds the communes' councils.
        f.write("committee_levels:\n  - id: xa\n    name: \"toàn quốc (tổng hợp)\"\n\n")
        f.write("body_types:\n")
        for code, kind, name in (("qh", "na", "Quốc hội"), ("hdnd-tinh", "hdnd", "Hội đồng nhân dân cấp tỉnh"),
                                 ("hdnd-huyen", "hdnd", "Hội đồng nhân dân cấp huyện"),
                                 ("hdnd-xa", "hdnd", "Hội đồng nhân dân cấp xã")):
            f.write("  - id: %s\n    kind: %s\n    name: \"%s\"\n    consulted_by: xa\n" % (code, kind, name))
        f.write("\ncommittee:\n  level: xa\n"
                "  name: \"Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam\"\n  place: \"Việt Nam\"\n\n")
        f.write("bodies:\n")
        for b in bodies:
            f.write("  - type: %s\n    name: \"%s\"\n" % (b["code"], b["name"]))
            if b["khoa"]:
                f.write("    khoa: \"%s\"\n" % b["khoa"])
            f.write("    seats: %d\n    constituencies:\n" % sum(c["seats"] for c in b["cons"]))
            for n, c in enumerate(b["cons"]):
                c["number"] = n + 1
                f.write("      - {number: %d, seats: %d, area: [%s]}\n"
                        % (n + 1, c["seats"], ", ".join('"%s"' % a for a in c["area"])))

    with open(os.path.join(args.out, "rounds.csv"), "w", encoding="utf-8") as f:
        for kind in ("ht1", "ht2", "ht3"):
            for b in bodies:
                f.write("%s,%s,%s\n" % (b["code"], kind, ROUNDS[kind]))

    # ---- units -----------------------------------------------------------
    units = Writer(os.path.join(args.out, "units.csv"),
                   ["STT", "Cơ quan dân cử", "Mã đơn vị", "Tên đơn vị", "Loại đơn vị"])
    unit_list = {}   # (body, loc key) -> [unit dict]

    def add_unit(body, loc, code, name, kind, short):
        u = {"code": code, "name": name, "kind": kind, "short": short, "count": 0, "women": 0}
        unit_list.setdefault((body, loc), []).append(u)
        units.row([units.rows + 1, body, code, name, kind])
        return u

    def key_code(k):
        return "-".join(str(x) for x in k[1:])

    for p in provinces:
        for code, pat, kind in UNITS["qh"]:
            add_unit("qh", p["key"], "%s-%s" % (code, key_code(p["key"])), pat.format(p=pname(p)), kind, code)
        for code, pat, kind in UNITS["hdnd-tinh"]:
            add_unit("hdnd-tinh", p["key"], "%s-%s" % (code, key_code(p["key"])), pat.format(p=pname(p)), kind, code)
        for d in p["districts"]:   # lower administrative units nominate for the province
            add_unit("hdnd-tinh", p["key"], "HX-%s" % key_code(d["key"]), "Ủy ban nhân dân " + dname(d),
                     "Cơ quan nhà nước", "XA")
    for d in alld:
        for code, pat, kind in UNITS["hdnd-huyen"]:
            add_unit("hdnd-huyen", d["key"], "%s-%s" % (code, key_code(d["key"])), pat.format(p=dname(d)), kind, code)
        for c in d["communes"]:
            add_unit("hdnd-huyen", d["key"], "XA-%s" % key_code(c["key"]), "Ủy ban nhân dân " + cname(c),
                     "Cơ quan nhà nước", "XA")
    thon_units = {}
    for c in allc:
        for code, pat, kind in UNITS["hdnd-xa"]:
            add_unit("hdnd-xa", c["key"], "%s-%s" % (code, key_code(c["key"])), pat.format(p=cname(c)), kind, code)
        for t in range(1, THON_PER_COMMUNE + 1):
            u = add_unit("hdnd-xa", c["key"], "TN%d-%s" % (t, key_code(c["key"])), thon_name(c, t)[0].upper()
                         + thon_name(c, t)[1:], "Thôn, tổ dân phố", "TN")
            thon_units[(c["key"], t)] = u
    units.close()

    # ---- people and candidacies -------------------------------------------
    seen = set()

    def new_person(female, loc_obj, body):
        while True:
            ho = weighted(rng, FAMILY)
            dem = rng.choice(MIDDLE_F if female else MIDDLE_M)
            ten = rng.choice(GIVEN_F if female else GIVEN_M)
            young = rng.random() < 0.26
            age = rng.randint(23, 39) if young else rng.randint(40, 64)
            y = ELECTION_DAY[0] - age - 1 + (1 if rng.random() < 0.4 else 0)
            m, dd = rng.randint(1, 12), rng.randint(1, 28)
            if (ho, dem, ten, y, m, dd) not in seen:
                seen.add((ho, dem, ten, y, m, dd))
                break
        # where the person lives: a thôn of the locality
        if body == "hdnd-xa":
            comm = loc_obj
        elif body == "hdnd-huyen":
            comm = rng.choice(loc_obj["communes"])
        else:
            comm = rng.choice(rng.choice(loc_obj["districts"])["communes"])
        thon = rng.randint(1, THON_PER_COMMUNE)
        home = rng.choice(allc)
        party = rng.random() < 0.82
        return {"ho": ho, "dem": dem, "ten": ten, "dob": "%02d/%02d/%04d" % (dd, m, y), "year": y,
                "sex": "Nữ" if female else "Nam", "comm": comm, "thon": thon,
                "ethnic": weighted(rng, ETHNIC), "religion": weighted(rng, RELIGION),
                "home": cname(home),
                "res": thon_name(comm, thon) + ", Việt Nam",
                "general": "12/12" if y > 1965 or rng.random() < 0.7 else "10/10",
                "prof": rng.choice(PROFESSIONAL), "degree": rng.choice(DEGREE),
                "political": rng.choice(POLITICAL) if party else "", "lang": rng.choice(LANGUAGE),
                "party": "%02d/%02d/%04d" % (rng.randint(1, 28), rng.randint(1, 12), min(2020, y + rng.randint(22, 35)))
                if party else "",
                "reelect": rng.random() < 0.33}

    cand_w = Writer(os.path.join(args.out, "candidates.csv"),
                    ["STT", "Cơ quan dân cử", "Họ và tên", "Ngày, tháng, năm sinh", "Giới tính", "Quốc tịch",
                     "Dân tộc", "Tôn giáo", "Quê quán", "Nơi ở hiện nay", "Giáo dục phổ thông",
                     "Chuyên môn, nghiệp vụ", "Học hàm, học vị", "Lý luận chính trị", "Ngoại ngữ",
                     "Nghề nghiệp, chức vụ", "Nơi công tác", "Ngày vào Đảng (nếu có)",
                     "Đại biểu Quốc hội khóa (nếu có)", "Đại biểu HĐND nhiệm kỳ (nếu có)", "Đơn vị giới thiệu",
                     "Bước", "Thời điểm nhận hồ sơ", "Ghi chú"])
    cands = []   # every candidacy, in file order

    def write_cand(body, person, unit, bname, stage):
        src = unit["name"] if unit else "Tự ứng cử"
        occ = OCCUPATION.get(unit["short"], "Cán bộ") if unit else "Kinh doanh tự do"
        work = unit["name"] if unit else "Hộ kinh doanh " + person["ten"]
        na = "XIV" if body == "qh" and person["reelect"] else ""
        hd = "%s, nhiệm kỳ 2016 - 2021" % bname if body != "qh" and person["reelect"] else ""
        day = rng.randint(20, 28) if rng.random() < 0.5 else rng.randint(1, 12)
        mon = 2 if day >= 20 else 3
        cand_w.row([cand_w.rows + 1, body, "%s %s %s" % (person["ho"], person["dem"], person["ten"]),
                    person["dob"], person["sex"], NATIONALITY, person["ethnic"], person["religion"], person["home"],
                    person["res"], person["general"], person["prof"], person["degree"], person["political"],
                    person["lang"], occ, work, person["party"], na, hd, src, stage,
                    "%02d/%02d/2021 %02d:%02d" % (day, mon, rng.randint(7, 16), rng.choice((0, 15, 30, 45))), ""])

    # Per constituency: seats + the required extra (+1 now and then) reach
    # the official list; about 3% more stop on the way (fates below).
    FATES = [("official", 0), ("workplace_trust", 0.008), ("not_nominated", 0.006), ("not_qualified", 0.008),
             ("residence_trust", 0.004), ("withdrew", 0.004)]
    second_body = []   # people who also stand for the level above (ELIG-LEVELS allows two council levels)
    for b in bodies:
        extra_t = EXTRA_NA if b["code"] == "qh" else EXTRA_HDND
        for c in b["cons"]:
            n_off = c["seats"] + extra_t[c["seats"]] + (1 if rng.random() < 0.12 else 0)
            fates = ["official"] * n_off
            for fate, p in FATES[1:]:
                if rng.random() < p * n_off * 1.2:
                    fates.append(fate)
            loc_obj = c.get("obj") or c["prov"]
            us = unit_list[(b["code"], c["loc"])]
            agencies = [u for u in us if u["kind"] != "Thôn, tổ dân phố"]
            for fate in fates:
                female = rng.random() < 0.43
                self_nom = b["code"] != "qh" and rng.random() < 0.006 and fate not in ("workplace_trust", "not_nominated")
                person = new_person(female, loc_obj, b["code"])
                if self_nom:
                    unit, source = None, "self"
                elif b["code"] == "hdnd-xa" and (rng.random() < 0.45 or fate == "not_nominated"):
                    unit, source = thon_units[(c["loc"], person["thon"])], "thon"
                else:
                    if fate == "not_nominated":
                        fate = "not_qualified"
                    unit, source = rng.choice(agencies), "unit"
                rec = {"body": b["code"], "bname": b["name"], "p": person, "unit": unit, "source": source,
                       "fate": fate, "cons": c["number"], "loc": c["loc"]}
                cands.append(rec)
                if unit:
                    unit["count"] += 1
                    unit["women"] += female
                if b["code"] == "hdnd-huyen" and fate == "official" and rng.random() < 0.03:
                    second_body.append(rec)
    # a few district candidates also stand for their province's council
    tinh_cons = {}
    for c in bodies[1]["cons"]:
        tinh_cons.setdefault(c["loc"], []).append(c)
    tinh_add = []
    for rec in second_body:
        ploc = ("p", rec["loc"][1])
        c = rng.choice(tinh_cons[ploc])
        agencies = [u for u in unit_list[("hdnd-tinh", ploc)] if u["short"] != "XA"]
        unit = rng.choice(agencies)
        unit["count"] += 1
        unit["women"] += rec["p"]["sex"] == "Nữ"
        tinh_add.append({"body": "hdnd-tinh", "bname": bodies[1]["name"], "p": rec["p"], "unit": unit,
                         "source": "unit", "fate": "official", "cons": c["number"], "loc": ploc})
    cands.extend(tinh_add)
    for rec in cands:
        stage = "dự kiến" if rec["source"] in ("unit", "thon") else "được giới thiệu"
        write_cand(rec["body"], rec["p"], rec["unit"], rec["bname"], stage)
    cand_w.close()

    # ---- allocations --------------------------------------------------------
    alloc = Writer(os.path.join(args.out, "allocations.csv"),
                   ["Cơ quan dân cử", "Đơn vị", "Lần", "Phân bổ số lượng giới thiệu", "Nữ", "Ngày quyết định"])
    not_nom = {}
    for rec in cands:
        if rec["fate"] == "not_nominated":
            not_nom[id(rec["unit"])] = not_nom.get(id(rec["unit"]), 0) + 1
    for (body, loc), us in unit_list.items():
        for u in us:
            count = u["count"] - not_nom.get(id(u), 0)
            alloc.row([body, u["code"], 1, count, min(u["women"], count), "05/02/2021"])
    alloc.close()

    # ---- voter conferences and decisions --------------------------------------
    vhead = ["Loại hội nghị", "Cơ quan dân cử", "Đơn vị", "Ngày họp", "Địa điểm", "Tổng số cử tri",
             "Số cử tri được triệu tập", "Số cử tri có mặt", "Hình thức biểu quyết", "Tổ kiểm phiếu",
             "Người ứng cử", "Ngày, tháng, năm sinh", "Tín nhiệm", "Không tín nhiệm"]
    dhead = ["Cơ quan dân cử", "Người ứng cử", "Ngày, tháng, năm sinh", "Bước", "Quyết định", "Lý do",
             "Đơn vị bầu cử", "Ghi chú"]
    v1 = Writer(os.path.join(args.out, "voters-1.csv"), vhead)
    v2 = Writer(os.path.join(args.out, "voters-2.csv"), vhead)
    d = [Writer(os.path.join(args.out, "decide-%d.csv" % i), dhead) for i in (1, 2, 3, 4)]
    nconf = [0, 0]

    def name(rec):
        p = rec["p"]
        return "%s %s %s" % (p["ho"], p["dem"], p["ten"])

    def conference(w, kind, body, unit_code, date, place, recs, fail, kconf):
        at = rng.randint(40, 260)
        invited = at if kind != "workplace" else max(10, at - rng.randint(0, 5))
        if invited >= 100:
            present = max(75 if kind == "workplace" else 60, invited * rng.randint(72, 95) // 100)
        else:
            present = -(-invited * 3 // 4) + rng.randint(0, invited // 5)
        present = min(present, invited)
        first = True
        for rec in recs:
            if rec in fail:
                trust = present * rng.randint(20, 45) // 100
            else:
                trust = present * rng.randint(70, 99) // 100 + 1
            trust = min(trust, present)
            distrust = rng.randint(0, present - trust)
            if first:
                w.row([kind, body, unit_code or "", date, place, at, invited, present, "giơ tay", 3,
                       name(rec), rec["p"]["dob"], trust, distrust])
                first = False
            else:
                w.row(["", "", "", "", "", "", "", "", "", "", name(rec), rec["p"]["dob"], trust, distrust])
        nconf[kconf] += 1

    def date_between(a, b):
        return "%02d/%02d/2021" % (rng.randint(a[0], b[0]), a[1]) if a[1] == b[1] else \
            ("%02d/%02d/2021" % (rng.randint(a[0], 28), a[1]) if rng.random() < 0.5
             else "%02d/%02d/2021" % (rng.randint(1, b[0]), b[1]))

    # workplace conference per unit (its proposed nominees); thôn conference per thôn
    by_unit = {}
    for rec in cands:
        if rec["unit"] is not None:
            by_unit.setdefault((rec["body"], id(rec["unit"])), []).append(rec)
    for (body, _), recs in by_unit.items():
        u = recs[0]["unit"]
        fail = [r for r in recs if r["fate"] in ("workplace_trust", "not_nominated")]
        kind = "thôn" if recs[0]["source"] == "thon" else "nơi công tác"
        conference(v1, kind, body, u["code"], date_between((20, 2), (10, 3)), "Hội trường " + u["name"],
                   recs, fail, 0)
        for rec in recs:
            if rec["source"] == "unit" and rec["fate"] != "workplace_trust":
                d[0].row([body, name(rec), rec["p"]["dob"], "được giới thiệu", "đưa vào", "", "", ""])
    # round 2, residence conferences, round 3, official list
    by_res = {}
    for rec in cands:
        if rec["fate"] in ("workplace_trust", "not_nominated"):
            continue
        if rec["fate"] == "not_qualified":
            d[1].row([rec["body"], name(rec), rec["p"]["dob"], "2", "không đưa vào", "not_qualified", "",
                      "không đủ tiêu chuẩn"])
            continue
        d[1].row([rec["body"], name(rec), rec["p"]["dob"], "2", "đưa vào", "", "", ""])
        by_res.setdefault((rec["body"], rec["p"]["comm"]["key"], rec["p"]["thon"]), []).append(rec)
    for (body, ckey, t), recs in by_res.items():
        comm = recs[0]["p"]["comm"]
        fail = [r for r in recs if r["fate"] == "residence_trust"]
        conference(v2, "nơi cư trú", body, "", date_between((22, 3), (8, 4)), "Nhà văn hóa " + thon_name(comm, t),
                   recs, fail, 1)
    for rec in cands:
        if rec["fate"] in ("workplace_trust", "not_nominated", "not_qualified"):
            continue
        if rec["fate"] == "residence_trust":
            d[2].row([rec["body"], name(rec), rec["p"]["dob"], "3", "không đưa vào", "residence_trust", "", ""])
        elif rec["fate"] == "withdrew":
            d[2].row([rec["body"], name(rec), rec["p"]["dob"], "3", "xin rút", "", "", "đơn xin rút"])
        else:
            d[2].row([rec["body"], name(rec), rec["p"]["dob"], "3", "đưa vào", "", "", ""])
            d[3].row([rec["body"], name(rec), rec["p"]["dob"], "danh sách chính thức", "đưa vào", "",
                      rec["cons"], ""])
    for w in [v1, v2] + d:
        w.close()

    with open(os.path.join(args.out, "sizes.txt"), "w", encoding="utf-8") as f:
        f.write("scale %g seed %d\n" % (scale, args.seed))
        f.write("provinces %d districts %d communes %d\n" % (nprov, ndist, ncomm))
        for b in bodies:
            f.write("body %s seats %d constituencies %d\n"
                    % (b["code"], sum(c["seats"] for c in b["cons"]), len(b["cons"])))
        f.write("units %d\n" % units.rows)
        f.write("candidacies %d people %d\n" % (cand_w.rows, len(seen)))
        f.write("voter_conferences %d voter_results %d\n" % (nconf[0] + nconf[1], v1.rows + v2.rows))
        f.write("decisions %d\n" % sum(w.rows for w in d))
        f.write("official %d\n" % d[3].rows)
    sys.stdout.write(open(os.path.join(args.out, "sizes.txt"), encoding="utf-8").read())


if __name__ == "__main__":
    main()
