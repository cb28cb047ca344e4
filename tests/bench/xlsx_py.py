#!/usr/bin/python3
"""xlsx_py.py - baseline: python3-xlsxwriter writes the cells of CELLS.tsv.

    xlsx_py.py CELLS.tsv OUT.xlsx

The same cells as the exported list (cells.py wrote them), values only, in
constant-memory mode, as a Python program would.
"""
import sys

import xlsxwriter


def unesc(s):
    if "\\" not in s:
        return s
    out, i = [], 0
    while i < len(s):
        if s[i] == "\\" and i + 1 < len(s):
            out.append({"t": "\t", "n": "\n"}.get(s[i + 1], s[i + 1]))
            i += 2
        else:
            out.append(s[i])
            i += 1
    return "".join(out)


def main():
    wb = xlsxwriter.Workbook(sys.argv[2], {"constant_memory": True})
    ws = wb.add_worksheet()
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            r, c, t, v = line.rstrip("\n").split("\t", 3)
            if t == "n":
                ws.write_number(int(r), int(c), float(v))
            else:
                ws.write_string(int(r), int(c), unesc(v))
    wb.close()


if __name__ == "__main__":
    main()
