#!/usr/bin/python3
"""xlsx_pages.py FILE.xlsx... - the pages a form's file asks Excel for, read
with openpyxl (the page rules of docs/templates.md, "Pages"): one line per
problem, "FILE: why", nothing when every file keeps the rules.

  - the print scale is set and "fit to page" is off (Excel ignores manual
    breaks under fit to page);
  - a page that goes on with a table begins with its header rows (after
    the table's `continued` line, if any);
  - no page holds only header rows;
  - a page never begins with a signature block or inside one, and the row
    above a signature block is on its page;
  - a page never ends with a table's header rows or a group heading.

A signature block is found by its captions; a table's header row by a cell
"STT"/"Stt" with a border; a data row by a number in column A with a
border.
"""
import re
import sys

import openpyxl

CAPTIONS = ("TM. ỦY BAN BẦU CỬ", "THƯ KÝ HỘI NGHỊ", "TM. BAN THƯỜNG TRỰC", "LÃNH ĐẠO CƠ QUAN/TỔ CHỨC/ĐƠN VỊ",
            "CHỦ TRÌ HỘI NGHỊ", "TRƯỞNG BAN KIỂM PHIẾU")
HEADING = re.compile(r"^\d+\. Đơn vị bầu cử số \d+")


def rows_of(ws):
    out = {}
    for row in ws.iter_rows():
        for c in row:
            if c.value is not None and str(c.value).strip():
                out.setdefault(c.row, []).append(c)
    return out


def is_header(cells):
    return any(str(c.value) in ("STT", "Stt") and c.border.left.style for c in cells)


def is_data(cells):
    a = [c for c in cells if c.column == 1]
    return bool(a) and a[0].border.left.style and re.fullmatch(r"\d+", str(a[0].value).replace(".0", ""))


def check(path):
    why = []
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    ps = ws.page_setup
    fit = ws.sheet_properties.pageSetUpPr.fitToPage if ws.sheet_properties.pageSetUpPr else None
    if fit:
        why.append("fit to page is on: Excel would ignore the breaks")
    if not ps.scale:
        why.append("no print scale")
    rows = rows_of(ws)
    last = max(rows) if rows else 0
    breaks = sorted(b.id for b in ws.row_breaks.brk) if ws.row_breaks else []
    starts = [1] + [b + 1 for b in breaks]
    pages = [(s, (starts[i + 1] - 1) if i + 1 < len(starts) else last) for i, s in enumerate(starts)]
    sig_rows = [r for r, cells in rows.items() if any(str(c.value) in CAPTIONS for c in cells)]
    for i, (a, b) in enumerate(pages):
        content = [r for r in range(a, b + 1) if r in rows]
        if not content:
            why.append("page %d is empty" % (i + 1))
            continue
        kinds = ["header" if is_header(rows[r]) else "data" if is_data(rows[r]) else "other" for r in content]
        if i and all(k == "header" or (j == 0 and "tiếp theo" in str(rows[content[j]][0].value))
                     for j, k in enumerate(kinds)):
            why.append("page %d holds only header rows" % (i + 1))
        # a page going on with a table begins with its header
        first_data = next((j for j, k in enumerate(kinds) if k != "header"), None)
        if i and first_data is not None and kinds[first_data] == "data" and first_data == 0:
            why.append("page %d goes on with a table (row %d) without its header" % (i + 1, content[0]))
        if i and first_data == 1 and kinds[0] == "other" and kinds[1] == "data":
            why.append("page %d goes on with a table (row %d) without its header" % (i + 1, content[1]))
        # the last rows of a page: no header, no group heading
        tail = content[-1]
        if i + 1 < len(pages) and (is_header(rows[tail]) or HEADING.match(str(rows[tail][0].value))):
            why.append("page %d ends with a header or a heading (row %d)" % (i + 1, tail))
    for s in sig_rows:
        page = next(i for i, (a, b) in enumerate(pages) if a <= s <= b)
        a, b = pages[page]
        above = [r for r in rows if r < s and r not in sig_rows]
        prev = max(above) if above else None
        if s == a or (prev is not None and prev < a and s - prev < 6):
            why.append("the signature block at row %d begins page %d without the row above it (row %s)" %
                       (s, page + 1, prev))
        for k in range(s + 1, s + 4):
            if k in [p[0] for p in pages]:
                why.append("a page begins inside the signature block of row %d (row %d)" % (s, k))
    return why


def main():
    bad = 0
    for path in sys.argv[1:]:
        for w in check(path):
            print("%s: %s" % (path, w))
            bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
