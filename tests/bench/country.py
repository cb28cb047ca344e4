#!/usr/bin/python3
"""country.py - a country of books for the roll-up (tests/bench/README.md).

    country.py gen   --out DIR [--size national|small|tiny] [--provinces N] [--communes N] [--seed N]
    country.py build DIR --ht HIEPTHUONG [--jobs 2]

`gen` writes the input of every book of a 2026-2031 country: one commune
Front committee's book per commune or ward (hdnd-xa), one provincial
committee's book per province (qh, hdnd-tinh), and the central committee's
config (level tw, no body: its book only reads the roll-ups).  Each book is
a folder with its config.yaml, the CSV files of its imports and a steps
file: the commands that build it, in the order a Front office works
(init, round 1, units, allocations, candidates, the thôn and workplace
conferences, nominations, round 2, residence conferences, round 3, the
minutes sent, the official list).  `build` runs them with the real
program, JOBS books at a time, and writes the books beside: DIR/books/
tw.db, pNN.db (a province) and pNN/cNNN.db (its communes, as the copies
they send up).

Sizes (2026: 34 provinces, 3,321 communes and wards, 500 NA seats in 182
constituencies, 2,554 provincial and 72,613 commune council seats,
process.md section 9):

    national  34 provinces, 3,321 communes
    small      2 provinces of about 98 communes each (a province of average size)
    tiny       2 provinces of 2 communes each (the tests)

People, places and units are invented (names drawn from gen.py's lists);
a few provincial council candidates also stand for their commune's
council, as ELIG-LEVELS allows.  Only Debian's python3.
"""
import argparse
import concurrent.futures
import json
import os
import random
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import gen  # noqa: E402  (the name lists and CSV helpers)

TOP = os.path.dirname(os.path.dirname(HERE))
TERM = os.path.join(TOP, "config", "2026-2031.yaml")

# NQ 85/NQ-HĐBCQG: NA constituencies and seats of the 34 provinces (process.md section 6.1)
NA26 = [(11, 32), (13, 38), (7, 19), (5, 14), (6, 18), (4, 9), (7, 21), (6, 16), (5, 13), (3, 7), (5, 15), (3, 7),
        (6, 18), (6, 18), (6, 16), (3, 9), (6, 16), (4, 12), (3, 7), (3, 7), (4, 10), (6, 17), (8, 19), (6, 16),
        (6, 17), (3, 9), (4, 11), (4, 10), (3, 9), (5, 15), (5, 10), (6, 17), (4, 10), (6, 18)]
COMMUNES_2026 = 3321
TINH_SEATS_2026 = 2554
EXTRA_NA = {1: 2, 2: 2, 3: 2}
EXTRA_HDND = {1: 1, 2: 1, 3: 2, 4: 3, 5: 3}
ROUNDS = {"ht1": "05/12/2025", "ht2": "02/02/2026", "ht3": "12/02/2026"}
NATIONALITY = ("Chỉ có 01 quốc tịch là quốc tịch Việt Nam và không trong thời gian thực hiện thủ tục xin "
               "gia nhập quốc tịch quốc gia khác")
CAND_HEAD = ["Cơ quan dân cử", "Họ và tên", "Ngày, tháng, năm sinh", "Giới tính", "Quốc tịch", "Dân tộc", "Tôn giáo",
             "Quê quán", "Nơi ở hiện nay", "Giáo dục phổ thông", "Chuyên môn, nghiệp vụ", "Học hàm, học vị",
             "Lý luận chính trị", "Ngoại ngữ", "Nghề nghiệp, chức vụ", "Nơi công tác", "Ngày vào Đảng (nếu có)",
             "Đại biểu Quốc hội khóa (nếu có)", "Đại biểu HĐND nhiệm kỳ (nếu có)", "Đơn vị giới thiệu", "Bước",
             "Thời điểm nhận hồ sơ"]
VHEAD = ["Loại hội nghị", "Cơ quan dân cử", "Đơn vị", "Ngày họp", "Địa điểm", "Tổng số cử tri",
         "Số cử tri được triệu tập", "Số cử tri có mặt", "Hình thức biểu quyết", "Tổ kiểm phiếu",
         "Người ứng cử", "Ngày, tháng, năm sinh", "Tín nhiệm", "Không tín nhiệm"]
DHEAD = ["Cơ quan dân cử", "Người ứng cử", "Ngày, tháng, năm sinh", "Bước", "Quyết định", "Lý do", "Đơn vị bầu cử",
         "Ghi chú"]
UNITS_XA = [("DU", "Đảng ủy {p}", "political"), ("MTTQ", "Ủy ban Mặt trận Tổ quốc Việt Nam {p}", "front"),
            ("UBND", "Ủy ban nhân dân {p}", "state"), ("HPN", "Hội Liên hiệp Phụ nữ {p}", "socio_political"),
            ("HND", "Hội Nông dân {p}", "socio_political"), ("DTN", "Đoàn Thanh niên {p}", "socio_political")]
UNITS_TINH = [("TU", "Tỉnh ủy {p}", "political"), ("MTTQ", "Ủy ban Mặt trận Tổ quốc Việt Nam {p}", "front"),
              ("UBND", "Ủy ban nhân dân {p}", "state"), ("LDLD", "Liên đoàn Lao động {p}", "socio_political"),
              ("HPN", "Hội Liên hiệp Phụ nữ {p}", "socio_political"), ("DTN", "Tỉnh Đoàn {p}", "socio_political"),
              ("SYT", "Sở Y tế {p}", "state"), ("SGD", "Sở Giáo dục và Đào tạo {p}", "state"),
              ("CA", "Công an {p}", "armed"), ("QS", "Bộ Chỉ huy Quân sự {p}", "armed")]
OCC = {"DU": "Phó Bí thư Đảng ủy", "MTTQ": "Phó Chủ tịch Ủy ban Mặt trận Tổ quốc", "UBND": "Phó Chủ tịch Ủy ban nhân dân",
       "HPN": "Chủ tịch Hội Liên hiệp Phụ nữ", "HND": "Chủ tịch Hội Nông dân", "DTN": "Bí thư Đoàn",
       "TU": "Ủy viên Ban Thường vụ Tỉnh ủy", "LDLD": "Phó Chủ tịch Liên đoàn Lao động", "SYT": "Phó Giám đốc Sở",
       "SGD": "Phó Giám đốc Sở", "CA": "Phó Giám đốc Công an", "QS": "Phó Chỉ huy trưởng", "THON": "Trưởng thôn"}


def q(s):
    return '"%s"' % s


class Country:
    def __init__(self, rng):
        self.rng = rng
        self.used_places = set()
        self.seen = set()

    def place(self, scope):
        while True:
            a, b = self.rng.sample(gen.SYLL, 2)
            if (scope, a, b) not in self.used_places:
                self.used_places.add((scope, a, b))
                return a + " " + b

    def person(self, female, young_share=0.2):
        rng = self.rng
        while True:
            ho = gen.weighted(rng, gen.FAMILY)
            dem = rng.choice(gen.MIDDLE_F if female else gen.MIDDLE_M)
            ten = rng.choice(gen.GIVEN_F if female else gen.GIVEN_M)
            age = rng.randint(25, 39) if rng.random() < young_share else rng.randint(40, 62)
            y = 2025 - age
            m, d = rng.randint(1, 12), rng.randint(1, 28)
            if (ho, dem, ten, y, m, d) not in self.seen:
                self.seen.add((ho, dem, ten, y, m, d))
                break
        party = rng.random() < 0.85
        return {"name": "%s %s %s" % (ho, dem, ten), "dob": "%02d/%02d/%04d" % (d, m, y),
                "sex": "Nữ" if female else "Nam", "ethnic": gen.weighted(rng, gen.ETHNIC),
                "religion": gen.weighted(rng, gen.RELIGION), "prof": rng.choice(gen.PROFESSIONAL),
                "degree": rng.choice(gen.DEGREE), "political": rng.choice(gen.POLITICAL) if party else "",
                "lang": rng.choice(gen.LANGUAGE),
                "party": "%02d/%02d/%04d" % (rng.randint(1, 28), rng.randint(1, 12), min(2024, y + rng.randint(22, 30)))
                if party else "", "reelect": rng.random() < 0.33}


def writer(d, name, head):
    return gen.Writer(os.path.join(d, name), head)


def write_book(c, d, level, committee, place, area, bodies, units, cands, steps_extra=None):
    """One book's folder: config, imports, steps.  bodies: [{code, name, khoa, cons: [{number, seats, area}]}];
    units: [(body, code, name, kind)]; cands: [{body, p, unit, source, fate, cons, res}]."""
    rng = c.rng
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "config.yaml"), "w", encoding="utf-8") as f:
        f.write("term: %s\n\ncommittee:\n  level: %s\n  name: %s\n  place: %s\n" %
                (os.path.relpath(TERM, d), level, q(committee), q(place)))
        if area:
            f.write("  area: [%s]\n" % ", ".join(q(a) for a in area))
        if bodies:
            f.write("\nbodies:\n")
        for b in bodies:
            f.write("  - type: %s\n    name: %s\n" % (b["code"], q(b["name"])))
            if b.get("khoa"):
                f.write("    khoa: %s\n" % q(b["khoa"]))
            f.write("    seats: %d\n    constituencies:\n" % sum(k["seats"] for k in b["cons"]))
            for k in b["cons"]:
                f.write("      - {number: %d, seats: %d, area: [%s]}\n" %
                        (k["number"], k["seats"], ", ".join(q(a) for a in k["area"])))
    steps = ["init --config config.yaml"]
    if not bodies:
        with open(os.path.join(d, "steps"), "w", encoding="utf-8") as f:
            f.write("\n".join(steps) + "\n")
        return
    for b in bodies:
        steps.append("conference add --kind ht1 --body %s --date %s --invited 35 --present 33" % (b["code"], ROUNDS["ht1"]))
    uw = writer(d, "units.csv", ["Cơ quan dân cử", "Mã đơn vị", "Tên đơn vị", "Loại đơn vị"])
    for u in units:
        uw.row([u["body"], u["code"], u["name"], u["kind"]])
    uw.close()
    # allocations: what each unit nominated (those the thôn does not select stay within it)
    aw = writer(d, "allocations.csv", ["Cơ quan dân cử", "Đơn vị", "Lần", "Phân bổ số lượng giới thiệu", "Nữ",
                                       "Ngày quyết định"])
    for u in units:
        mine = [x for x in cands if x["unit"] is u]
        aw.row([u["body"], u["code"], 1, len(mine), sum(1 for x in mine if x["p"]["sex"] == "Nữ"), ROUNDS["ht1"]])
    aw.close()
    cw = writer(d, "candidates.csv", CAND_HEAD)
    for x in cands:
        p, u = x["p"], x["unit"]
        bname = next(b["name"] for b in bodies if b["code"] == x["body"])
        occ = OCC.get(u["short"], "Cán bộ") if u else "Kinh doanh tự do"
        work = u["name"] if u else "Hộ kinh doanh " + p["name"]
        na = "Quốc hội khóa XV" if x["body"] == "qh" and p["reelect"] else ""
        hd = "%s, nhiệm kỳ 2021 - 2026" % bname if x["body"] != "qh" and p["reelect"] else ""
        day, mon = (rng.randint(15, 31), 12) if rng.random() < 0.5 else (rng.randint(2, 30), 1)
        cw.row([x["body"], p["name"], p["dob"], p["sex"], NATIONALITY, p["ethnic"], p["religion"], p["home"], p["res"],
                "12/12", p["prof"], p["degree"], p["political"], p["lang"], occ, work, p["party"], na, hd,
                u["name"] if u else "Tự ứng cử", "dự kiến" if x["source"] in ("unit", "thon") else "được giới thiệu",
                "%02d/%02d/%04d %02d:%02d" % (day, mon, 2025 if mon == 12 else 2026, rng.randint(7, 16),
                                              rng.choice((0, 15, 30, 45)))])
    cw.close()
    v1, v2 = writer(d, "voters-1.csv", VHEAD), writer(d, "voters-2.csv", VHEAD)
    dw = [writer(d, "decide-%d.csv" % i, DHEAD) for i in (1, 2, 3, 4)]

    def conference(w, kind, body, unit, date, place_, recs, fail):
        at = rng.randint(60, 240)
        invited = at if kind != "nơi công tác" else max(20, at - rng.randint(0, 5))
        if invited >= 100:
            present = max(75, invited * rng.randint(72, 95) // 100)
        else:
            present = -(-invited * 3 // 4) + rng.randint(0, invited // 5)
        present = min(present, invited)
        first = True
        for x in recs:
            trust = present * rng.randint(20, 45) // 100 if x in fail else present * rng.randint(70, 99) // 100 + 1
            trust = min(trust, present)
            row = [x["p"]["name"], x["p"]["dob"], trust, rng.randint(0, present - trust)]
            if first:
                w.row([kind, body, unit or "", date, place_, at, invited, present, "giơ tay", 5] + row)
                first = False
            else:
                w.row([""] * 10 + row)

    by_unit = {}
    for x in cands:
        if x["unit"] is not None:
            by_unit.setdefault(id(x["unit"]), []).append(x)
    for recs in by_unit.values():
        u = recs[0]["unit"]
        fail = [x for x in recs if x["fate"] in ("workplace_trust", "not_nominated")]
        kind = "thôn" if recs[0]["source"] == "thon" else "nơi công tác"
        conference(v1, kind, recs[0]["body"], u["code"], "%02d/01/2026" % rng.randint(5, 25), "Hội trường " + u["name"],
                   recs, fail)
        for x in recs:
            if x["source"] == "unit" and x["fate"] != "workplace_trust":
                dw[0].row([x["body"], x["p"]["name"], x["p"]["dob"], "được giới thiệu", "đưa vào", "", "", ""])
    by_res = {}
    for x in cands:
        if x["fate"] in ("workplace_trust", "not_nominated"):
            continue
        if x["fate"] == "not_qualified":
            dw[1].row([x["body"], x["p"]["name"], x["p"]["dob"], "2", "không đưa vào", "not_qualified", "",
                       "không đủ tiêu chuẩn"])
            continue
        dw[1].row([x["body"], x["p"]["name"], x["p"]["dob"], "2", "đưa vào", "", "", ""])
        by_res.setdefault((x["body"], x["p"]["res"]), []).append(x)
    for (body, res), recs in by_res.items():
        conference(v2, "nơi cư trú", body, "", "%02d/02/2026" % rng.randint(4, 8), "Nhà văn hóa " + res.split(",")[0],
                   recs, [x for x in recs if x["fate"] == "residence_trust"])
    for x in cands:
        if x["fate"] in ("workplace_trust", "not_nominated", "not_qualified"):
            continue
        if x["fate"] == "residence_trust":
            dw[2].row([x["body"], x["p"]["name"], x["p"]["dob"], "3", "không đưa vào", "residence_trust", "", ""])
        elif x["fate"] == "withdrew":
            dw[2].row([x["body"], x["p"]["name"], x["p"]["dob"], "3", "xin rút", "", "", "đơn xin rút"])
        else:
            dw[2].row([x["body"], x["p"]["name"], x["p"]["dob"], "3", "đưa vào", "", "", ""])
            dw[3].row([x["body"], x["p"]["name"], x["p"]["dob"], "danh sách chính thức", "đưa vào", "", x["cons"], ""])
    for w in [v1, v2] + dw:
        w.close()
    steps += ["unit import units.csv", "alloc import allocations.csv", "candidate import candidates.csv",
              "voters import voters-1.csv", "decide import decide-1.csv"]
    steps += ["conference add --kind ht2 --body %s --date %s --invited 35 --present 34" % (b["code"], ROUNDS["ht2"])
              for b in bodies]
    steps += ["decide import decide-2.csv", "voters import voters-2.csv"]
    steps += ["conference add --kind ht3 --body %s --date %s --invited 35 --present 35" % (b["code"], ROUNDS["ht3"])
              for b in bodies]
    steps += ["decide import decide-3.csv"]
    steps += ["milestone set --body %s --event round3_sent --date 14/02/2026" % b["code"] for b in bodies]
    steps += ["decide import decide-4.csv"]
    steps += ["milestone set --body %s --event official_list --date 24/02/2026" % b["code"] for b in bodies]
    with open(os.path.join(d, "steps"), "w", encoding="utf-8") as f:
        f.write("\n".join(steps) + "\n")


FATES = [("workplace_trust", 0.01), ("not_qualified", 0.01), ("residence_trust", 0.006), ("withdrew", 0.006)]


def candidacies(c, body, cons, agencies, thon_of=None, extra_t=EXTRA_HDND):
    """Per constituency: seats + the legal surplus reach the official list (the first one more, so that
    the round-3 list has more than the minimum); a few more stop on the way."""
    rng = c.rng
    out = []
    for i, k in enumerate(cons):
        n_off = k["seats"] + extra_t[k["seats"]] + (1 if i == 0 or rng.random() < 0.15 else 0)
        fates = ["official"] * n_off
        for fate, p in FATES:
            if rng.random() < p * n_off:
                fates.append(fate)
        for fate in fates:
            female = rng.random() < 0.45
            person = c.person(female)
            person["res"], person["home"] = k["res"](), k["home"]()
            if thon_of and rng.random() < 0.4 and fate != "not_qualified":
                unit, source = thon_of(person), "thon"
                fate = "not_nominated" if fate == "workplace_trust" else fate
            elif body != "qh" and rng.random() < 0.01 and fate not in ("workplace_trust",):
                unit, source = None, "self"
            else:
                unit, source = rng.choice(agencies), "unit"
            out.append({"body": body, "p": person, "unit": unit, "source": source, "fate": fate, "cons": k["number"]})
    return out


def main_gen(args):
    rng = random.Random(args.seed)
    c = Country(rng)
    # per province: (NA constituencies, NA seats), provincial council seats, communes
    if args.size == "national":
        w = [x[1] for x in NA26]
        ncomm = [max(10, round(COMMUNES_2026 * x / sum(w))) for x in w]
        ncomm[0] += COMMUNES_2026 - sum(ncomm)
        left = TINH_SEATS_2026 - 250	# Hà Nội and TP Hồ Chí Minh have 125 each
        tinh = [125, 125] + [left // 32 + (1 if j < left % 32 else 0) for j in range(32)]
        specs = [(NA26[i], tinh[i], ncomm[i]) for i in range(34)]
    elif args.size == "small":
        specs = [((5, 15), 72, 98), ((5, 14), 70, 98)]	# provinces of about average size
    else:
        specs = [((3, 7), 50, 2), ((3, 7), 50, 2)]
    if args.provinces:
        specs = [specs[i % len(specs)] for i in range(args.provinces)]
    if args.communes:
        specs = [(na, t, args.communes) for na, t, _ in specs]
    nprov = len(specs)
    out = os.path.abspath(args.out)
    os.makedirs(out, exist_ok=True)
    books = []
    prov_names = []
    planted = None
    stats = {"communes": 0, "candidacies": 0, "seats_xa": 0, "seats_tinh": 0, "seats_qh": 0}
    for pi in range(nprov):
        pname = "tỉnh " + c.place("p")
        prov_names.append(pname)
        pdir = os.path.join(out, "p%02d" % (pi + 1))
        communes = []
        (na_units, na_seats), ts, nc = specs[pi]
        for ci in range(nc):
            kind = "xã" if rng.random() < 0.8 else ("phường" if rng.random() < 0.95 else "đặc khu")
            communes.append({"i": ci + 1, "name": "%s %s" % (kind, c.place(("c", pi))), "thon": []})
        for cm in communes:
            for t in range(rng.randint(8, 22)):
                cm["thon"].append("%s %s" % ("thôn" if cm["name"].startswith("xã") else "tổ dân phố",
                                            c.place(("t", pi, cm["i"]))))

        def res_in(cm):
            return lambda: "%s, %s, %s" % (rng.choice(cm["thon"]), cm["name"], pname)

        def home():
            return "%s, %s" % (rng.choice(communes)["name"], pname)

        # ---- the province: NA and provincial council ----
        seats = gen.split_seats(na_seats, na_units, 1, 3, rng)
        qh_cons = [{"number": i + 1, "seats": s, "area": [x["name"] for x in communes[i::len(seats)][:6]]
                    or [communes[i % len(communes)]["name"]],
                    "res": res_in(rng.choice(communes)), "home": home} for i, s in enumerate(seats)]
        tseats = gen.split_seats(ts, round(ts / 4.2), 3, 5, rng)
        tinh_cons = []
        for i, s in enumerate(tseats):
            cm = communes[i % len(communes)]
            tinh_cons.append({"number": i + 1, "seats": s,
                              "area": [x["name"] for x in communes[i::len(tseats)][:4]] or [cm["name"]],
                              "res": res_in(cm), "home": home})
        units = [{"body": b, "code": code, "name": pat.format(p=pname), "kind": kind, "short": code}
                 for b in ("qh", "hdnd-tinh") for code, pat, kind in UNITS_TINH]
        qh_c = candidacies(c, "qh", qh_cons, [u for u in units if u["body"] == "qh"], extra_t=EXTRA_NA)
        if args.plant and pi == 0:
            planted = next(x["p"] for x in qh_c if x["fate"] == "official")
        elif args.plant and pi == 1:
            # the same person on this province's NA list too (ELIG-ONEUNIT across books, for the tests)
            qh_c.append({"body": "qh", "p": dict(planted), "unit": units[0], "source": "unit", "fate": "official",
                         "cons": 1})
        tinh_c = candidacies(c, "hdnd-tinh", tinh_cons, [u for u in units if u["body"] == "hdnd-tinh"])
        pbodies = [{"code": "qh", "name": "Quốc hội khóa XVI", "khoa": "XVI", "cons": qh_cons},
                   {"code": "hdnd-tinh", "name": "Hội đồng nhân dân " + pname, "khoa": "XI", "cons": tinh_cons}]
        stats["seats_qh"] += na_seats
        stats["seats_tinh"] += ts
        write_book(c, pdir, "tinh", "Ủy ban Mặt trận Tổ quốc Việt Nam " + pname, pname.split(" ", 1)[1],
                   [x["name"] for x in communes], pbodies, units, qh_c + tinh_c)
        books.append({"kind": "tinh", "dir": os.path.relpath(pdir, out), "book": "books/p%02d.db" % (pi + 1)})
        stats["candidacies"] += len(qh_c) + len(tinh_c)
        # a few provincial council candidates also stand for their commune's council (two levels: allowed)
        also = {}
        for x in tinh_c:
            if x["fate"] == "official" and rng.random() < 0.03:
                cm_name = x["p"]["res"].split(", ")[1]
                also.setdefault(cm_name, []).append(dict(x["p"]))

        # ---- the communes ----
        for cm in communes:
            cdir = os.path.join(pdir, "c%03d" % cm["i"])
            s = rng.choice([15, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 30])
            cseats = gen.split_seats(s, max(1, round(s / 3.6)), 2, 5, rng)
            th = cm["thon"]
            cons = []
            for i, k in enumerate(cseats):
                mine = th[i::len(cseats)] or [th[0]]
                cons.append({"number": i + 1, "seats": k, "area": mine, "thon": mine,
                             "res": (lambda mine=mine, cm=cm: "%s, %s, %s" % (rng.choice(mine), cm["name"], pname)),
                             "home": home})
            units = [{"body": "hdnd-xa", "code": code, "name": pat.format(p=cm["name"]), "kind": kind, "short": code}
                     for code, pat, kind in UNITS_XA]
            thon_units = {}
            for t, tn in enumerate(th):
                u = {"body": "hdnd-xa", "code": "T%02d" % (t + 1), "name": tn[0].upper() + tn[1:], "kind": "thon",
                     "short": "THON"}
                units.append(u)
                thon_units[tn] = u

            def thon_of(person, thon_units=thon_units):
                return thon_units[person["res"].split(", ")[0]]
            xc = candidacies(c, "hdnd-xa", cons, units[:len(UNITS_XA)], thon_of=thon_of)
            for p in also.get(cm["name"], []):
                k = rng.choice(cons)
                xc.append({"body": "hdnd-xa", "p": p, "unit": rng.choice(units[:len(UNITS_XA)]), "source": "unit",
                           "fate": "official", "cons": k["number"]})
            write_book(c, cdir, "xa", "Ủy ban Mặt trận Tổ quốc Việt Nam " + cm["name"], cm["name"].split(" ", 1)[1],
                       None, [{"code": "hdnd-xa", "name": "Hội đồng nhân dân " + cm["name"], "khoa": "II",
                               "cons": cons}], units, xc)
            books.append({"kind": "xa", "dir": os.path.relpath(cdir, out),
                          "book": "books/p%02d/c%03d.db" % (pi + 1, cm["i"])})
            stats["communes"] += 1
            stats["seats_xa"] += s
            stats["candidacies"] += len(xc)
    write_book(c, os.path.join(out, "tw"), "tw", "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", "Hà Nội",
               prov_names, [], [], [])
    books.append({"kind": "tw", "dir": "tw", "book": "books/tw.db"})
    with open(os.path.join(out, "books.json"), "w", encoding="utf-8") as f:
        json.dump(books, f, ensure_ascii=False, indent=0)
    with open(os.path.join(out, "sizes.txt"), "w", encoding="utf-8") as f:
        f.write("seed %d provinces %d communes %d\n" % (args.seed, nprov, stats["communes"]))
        f.write("seats qh %d hdnd-tinh %d hdnd-xa %d\n" % (stats["seats_qh"], stats["seats_tinh"], stats["seats_xa"]))
        f.write("candidacies %d\n" % stats["candidacies"])
    sys.stdout.write(open(os.path.join(out, "sizes.txt"), encoding="utf-8").read())


def build_one(ht, root, b):
    d = os.path.join(root, b["dir"])
    db = os.path.join(root, b["book"])
    os.makedirs(os.path.dirname(db), exist_ok=True)
    if os.path.exists(db):
        os.remove(db)
    env = dict(os.environ, HIEPTHUONG_TODAY="2026-02-25", HIEPTHUONG_PROGRESS="0")
    with open(os.path.join(d, "log"), "w", encoding="utf-8") as log:
        for line in open(os.path.join(d, "steps"), encoding="utf-8"):
            argv = [ht] + split(line.strip()) + ["--db", db]
            r = subprocess.run(argv, cwd=d, stdout=log, stderr=subprocess.STDOUT, env=env)
            if r.returncode not in (0, 1):
                return "%s: '%s' failed (%d), see %s" % (b["dir"], line.strip(), r.returncode, os.path.join(d, "log"))
    return None


def split(line):
    import shlex
    return shlex.split(line)


def main_build(args):
    root = os.path.abspath(args.dir)
    ht = os.path.abspath(args.ht)
    books = json.load(open(os.path.join(root, "books.json"), encoding="utf-8"))
    failed = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as ex:
        for r in ex.map(lambda b: build_one(ht, root, b), books):
            if r:
                failed.append(r)
    for f in failed:
        sys.stderr.write("country.py: %s\n" % f)
    return 1 if failed else 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    g = sub.add_parser("gen")
    g.add_argument("--out", required=True)
    g.add_argument("--size", default="small", choices=("national", "small", "tiny"))
    g.add_argument("--provinces", type=int)
    g.add_argument("--communes", type=int, help="communes per province")
    g.add_argument("--seed", type=int, default=2026)
    g.add_argument("--plant", action="store_true",
                   help="put an NA candidate of the first province on the second's NA list too (tests)")
    b = sub.add_parser("build")
    b.add_argument("dir")
    b.add_argument("--ht", required=True)
    b.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    if args.cmd == "gen":
        main_gen(args)
        return 0
    return main_build(args)


if __name__ == "__main__":
    sys.exit(main())
