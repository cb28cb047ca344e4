#!/usr/bin/python3
"""sample-walk.py - write the stage data of the bundled samples.

Reads samples/{province,commune,commune-an-phu}/candidates.csv and writes, in each
sample's stages/ folder, the spreadsheets a Front office would keep for the
rest of the process: the commune's nomination conferences (nomination.csv:
a thôn conference and a workplace conference, before round 2) and the
residence voter conferences (voters.csv), for `voters import`; round 2 and round 3 decisions (round2.csv, round3.csv)
and the official list per constituency (official.csv), for `decide import`.
Deterministic: run it again after changing the candidates and commit the
output.  Who drops out where is chosen so that every stage shows a drop
with its own reason and one special case, while each list keeps the
surplus the law requires (process.md §5.4, addendum Q2): those whose
residence trust was not above half are not presented to round 3 (NQLT 102
Art. 26(1), 28(1)), so round 3 must still see more than the minimum.

    /usr/bin/python3 tools/sample-walk.py
"""
import csv
import io
import os

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NAT = "Chỉ có 01 quốc tịch"


def read(path):
    raw = open(path, encoding="utf-8-sig").read()
    delim = ";" if raw.splitlines()[0].count(";") > raw.splitlines()[0].count(",") else ","
    return list(csv.DictReader(io.StringIO(raw), delimiter=delim))


def write(path, header, rows):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    open(path, "w", encoding="utf-8").write(buf.getvalue())


VOTER_COLS = ["kind", "body", "unit", "date", "place", "voters_at_place", "invited", "present", "method",
              "tellers", "ballots_issued", "ballots_returned", "ballots_valid", "ballots_invalid",
              "candidate", "dob", "trust", "distrust", "invalid", "revote"]
DECIDE_COLS = ["body", "candidate", "dob", "stage", "decision", "reason", "special", "note", "constituency"]


def residence(rows, body, people, fail, date0, prefix):
    """Residence conferences, four people each, ballots; `fail` get trust of
    exactly half (not above half: NQLT 102 Art. 26(1), 28(1))."""
    for i in range(0, len(people), 4):
        group = people[i:i + 4]
        present = 120
        day = date0 + (i // 4) % 4          # 04..07/02/2026
        place = "Nhà văn hóa %s số %d" % (prefix, i // 4 + 1)
        first = True
        for name, dob in group:
            trust = present // 2 if (name, dob) in fail else 80 + (len(name) * 7 + i) % 35
            row = ["residence" if first else "", body if first else "", "", "%02d/02/2026" % day, place,
                   180 if first else "", 150 if first else "", present if first else "",
                   "ballot" if first else "", 5 if first else "", present if first else "",
                   present if first else "", present - 2 if first else "", 2 if first else "",
                   name, dob, trust, present - trust - 2, 2, ""]
            rows.append(row)
            first = False


def assign(qualified, targets):
    """Fill constituencies in order to their targets, name order within."""
    out, k = [], 0
    for number, count in targets:
        for _ in range(count):
            out.append((qualified[k], number))
            k += 1
    assert k == len(qualified), (k, len(qualified))
    return out


def province():
    cands = read(os.path.join(TOP, "samples/province/candidates.csv"))
    by_body = {"qh": [], "hdnd-tinh": []}
    for r in cands:
        body = "qh" if r["Cơ quan dân cử"] == "Quốc hội" else "hdnd-tinh"
        by_body[body].append((r["Họ và tên"], r["Ngày, tháng, năm sinh"]))
    voters, r2, r3, official = [], [], [], []
    plan = {
        # body: (round-2 drop, residence fail dropped, residence fail kept,
        #        verification drop, withdrawal, constituency targets)
        "qh": (1, 1, 1, 1, 1, [(1, 6), (2, 6), (3, 5)]),
        "hdnd-tinh": (0, 1, 1, 0, 0, [(1, 8)] + [(n, 7) for n in range(2, 11)] + [(11, 8), (12, 8)]),
    }
    notes = {}
    for body, people in by_body.items():
        people = sorted(people, key=lambda p: (p[0].split()[-1], p[0], p[1]))
        n2, nres, nspecial, nverif, nwith, targets = plan[body]
        dropped2 = people[1:1 + n2]
        for name, dob in people:
            if (name, dob) in dropped2:
                r2.append([body, name, dob, "2", "không đưa vào", "not_qualified" if body == "qh" else "other", "",
                           "Không đủ tiêu chuẩn về trình độ theo quy định" if body == "qh"
                           else "Cơ quan giới thiệu đề nghị rút tên do thay đổi công tác", ""])
            else:
                r2.append([body, name, dob, "2", "đưa vào", "", "", "", ""])
        prelim = [p for p in people if p not in dropped2]
        fail_drop = prelim[3:3 + nres]
        fail_keep = prelim[6:6 + nspecial]
        verif = prelim[9:9 + nverif]
        withdrawn = prelim[12:12 + nwith]
        residence(voters, body, [p for p in prelim if p not in withdrawn], set(fail_drop + fail_keep), 4,
                  "khu dân cư" if body == "qh" else "tổ dân phố")
        notes[body] = {"verification": verif, "withdrawn": withdrawn}
        qualified = []
        for p in prelim:
            name, dob = p
            if p in withdrawn:
                continue
            if p in fail_drop:
                r3.append([body, name, dob, "3", "không đưa vào", "residence_trust", "", "", ""])
            elif p in verif:
                r3.append([body, name, dob, "3", "không đưa vào", "verification", "",
                           "Kết luận xác minh vụ việc cử tri nêu", ""])
            elif p in fail_keep:
                r3.append([body, name, dob, "3", "đưa vào", "", "Công tác ở đơn vị lực lượng vũ trang, ít tiếp xúc "
                           "với cử tri nơi cư trú; hội nghị hiệp thương xem xét, quyết định", "", ""])
                qualified.append(p)
            else:
                r3.append([body, name, dob, "3", "đưa vào", "", "", "", ""])
                qualified.append(p)
        for (name, dob), number in assign(qualified, targets):
            official.append([body, name, dob, "official", "đưa vào", "", "", "", number])
    d = os.path.join(TOP, "samples/province/stages")
    write(os.path.join(d, "voters.csv"), VOTER_COLS, voters)
    write(os.path.join(d, "round2.csv"), DECIDE_COLS, r2)
    write(os.path.join(d, "round3.csv"), DECIDE_COLS, r3)
    write(os.path.join(d, "official.csv"), DECIDE_COLS, official)
    return notes


def commune():
    cands = read(os.path.join(TOP, "samples/commune/candidates.csv"))
    full = lambda r: " ".join(x for x in (r["ho"], r["ten_dem"], r["ten"]) if x)
    nomination, voters, r2, r3, official = [], [], [], [], []
    proposed = [r for r in cands if r.get("stage") == "proposed"]
    # Ea Tiêu's thôn conference: three proposed, allocation 2.
    thon = [r for r in proposed if r["unit"] == "T-EATIEU"]
    first = True
    for r, votes in zip(thon, [61, 58, 40]):
        nomination.append(["thon" if first else "", "hdnd-xa" if first else "", "T-EATIEU" if first else "",
                       "10/01/2026", "Nhà văn hóa thôn Ea Tiêu", 90 if first else "", 90 if first else "",
                       70 if first else "", "ballot" if first else "", 5 if first else "",
                       70 if first else "", 70 if first else "", 70 if first else "", 0 if first else "",
                       full(r), r["dob"], votes, 70 - votes, 0, ""])
        first = False
    # The cooperative's second nominee passes at the workplace, then its
    # expanded leadership does not nominate him (samples/demo.sh, Mẫu 06/BBKPHN).
    htx = [r for r in proposed if r["unit"] == "HTX"][0]
    nomination.append(["workplace", "hdnd-xa", "HTX", "08/01/2026", "Hội trường Hợp tác xã", 40, 40, 30, "ballot", 5,
                   30, 30, 30, 0, full(htx), htx["dob"], 16, 14, 0, ""])
    nominated = [r for r in cands if r.get("stage") != "proposed"] + thon[:2]
    people = sorted(((full(r), r["dob"]) for r in nominated), key=lambda p: (p[0].split()[-1], p[0], p[1]))
    dropped2 = {people[2]: ("not_qualified", "Không thường trú, không công tác trên địa bàn xã")}
    for name, dob in people:
        if (name, dob) in dropped2:
            reason, note = dropped2[(name, dob)]
            r2.append(["hdnd-xa", name, dob, "2", "không đưa vào", reason, "", note, ""])
        else:
            r2.append(["hdnd-xa", name, dob, "2", "đưa vào", "", "", "", ""])
    prelim = [p for p in people if p not in dropped2]
    fail_drop, fail_keep = prelim[4], prelim[8]
    residence(voters, "hdnd-xa", prelim, {fail_drop, fail_keep}, 4, "thôn")
    qualified = []
    for p in prelim:
        if p == fail_drop:
            r3.append(["hdnd-xa", p[0], p[1], "3", "không đưa vào", "residence_trust", "", "", ""])
            continue
        special = "Chiến sĩ công an xã mới điều động về địa bàn, ít tiếp xúc cử tri nơi cư trú" if p == fail_keep else ""
        r3.append(["hdnd-xa", p[0], p[1], "3", "đưa vào", "", special, "", ""])
        qualified.append(p)
    for (name, dob), number in assign(qualified, [(1, 7), (2, 7), (3, 5), (4, 5), (5, 5), (6, 6)]):
        official.append(["hdnd-xa", name, dob, "official", "đưa vào", "", "", "", number])
    d = os.path.join(TOP, "samples/commune/stages")
    write(os.path.join(d, "nomination.csv"), VOTER_COLS, nomination)
    write(os.path.join(d, "voters.csv"), VOTER_COLS, voters)
    write(os.path.join(d, "round2.csv"), DECIDE_COLS, r2)
    write(os.path.join(d, "round3.csv"), DECIDE_COLS, r3)
    write(os.path.join(d, "official.csv"), DECIDE_COLS, official)


def commune_an_phu():
    """The second commune: everyone nominated by the units and thôn (no
    conference before round 2); one not qualified at round 2, one not
    above half at the residence conference, the rest on the official list.
    Its first candidate is also on the province's NA and council lists: the
    roll-up of the demo shows that ELIG-LEVELS breach across the books."""
    cands = read(os.path.join(TOP, "samples/commune-an-phu/candidates.csv"))
    full = lambda r: " ".join(x for x in (r["ho"], r["ten_dem"], r["ten"]) if x)
    people = sorted(((full(r), r["dob"]) for r in cands), key=lambda p: (p[0].split()[-1], p[0], p[1]))
    voters, r2, r3, official = [], [], [], []
    dropped2 = ("Hầu Văn Đạt", "20/02/1977")
    fail = ("Nông Văn Quyền", "19/11/1987")
    for name, dob in people:
        if (name, dob) == dropped2:
            r2.append(["hdnd-xa", name, dob, "2", "không đưa vào", "not_qualified", "",
                       "Không đủ tiêu chuẩn: đang bị xem xét xử lý kỷ luật", ""])
        else:
            r2.append(["hdnd-xa", name, dob, "2", "đưa vào", "", "", "", ""])
    prelim = [p for p in people if p != dropped2]
    residence(voters, "hdnd-xa", prelim, {fail}, 4, "thôn")
    qualified = []
    for p in prelim:
        if p == fail:
            r3.append(["hdnd-xa", p[0], p[1], "3", "không đưa vào", "residence_trust", "", "", ""])
            continue
        r3.append(["hdnd-xa", p[0], p[1], "3", "đưa vào", "", "", "", ""])
        qualified.append(p)
    for (name, dob), number in assign(qualified, [(1, 6), (2, 6), (3, 5), (4, 5), (5, 5)]):
        official.append(["hdnd-xa", name, dob, "official", "đưa vào", "", "", "", number])
    d = os.path.join(TOP, "samples/commune-an-phu/stages")
    write(os.path.join(d, "voters.csv"), VOTER_COLS, voters)
    write(os.path.join(d, "round2.csv"), DECIDE_COLS, r2)
    write(os.path.join(d, "round3.csv"), DECIDE_COLS, r3)
    write(os.path.join(d, "official.csv"), DECIDE_COLS, official)


if __name__ == "__main__":
    notes = province()
    commune()
    commune_an_phu()
    for body, n in notes.items():
        for name, dob in n["verification"]:
            print("verification:", body, name, dob)
        for name, dob in n["withdrawn"]:
            print("withdrawn:", body, name, dob)
