#!/usr/bin/python3
"""cells.py - the cells of the first sheet of an .xlsx, for the benchmark.

    cells.py BOOK.xlsx [CELLS.tsv]

Prints the number of cells that hold a value.  With CELLS.tsv, also writes
them there, one a line, in sheet order: row (0-based), column (0-based),
"n" (number) or "s" (string), the value with backslash, tab and newline
escaped (\\\\, \\t, \\n).  The baselines (xlsx_min.c, xlsx_py.py) write these
cells again.  Reads the XML as a stream: a sheet of millions of cells.
Only Debian's python3.
"""
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REF = re.compile(r"([A-Z]+)([0-9]+)")


def col_index(letters):
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def esc(s):
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def cells(path):
    z = zipfile.ZipFile(path)
    shared = []
    if "xl/sharedStrings.xml" in z.namelist():
        for _, el in ET.iterparse(z.open("xl/sharedStrings.xml")):
            if el.tag == NS + "si":
                shared.append("".join(t.text or "" for t in el.iter(NS + "t")))
                el.clear()
    for _, el in ET.iterparse(z.open("xl/worksheets/sheet1.xml")):
        if el.tag != NS + "c":
            if el.tag == NS + "row":
                el.clear()
            continue
        t = el.get("t")
        m = REF.match(el.get("r"))
        r, c = int(m.group(2)) - 1, col_index(m.group(1))
        if t == "inlineStr":
            yield r, c, "s", "".join(x.text or "" for x in el.iter(NS + "t"))
        elif t == "s":
            yield r, c, "s", shared[int(el.find(NS + "v").text)]
        elif t == "str":
            yield r, c, "s", el.find(NS + "v").text or ""
        else:
            v = el.find(NS + "v")
            if v is not None:
                yield r, c, "n", v.text


def main():
    out = open(sys.argv[2], "w", encoding="utf-8") if len(sys.argv) > 2 else None
    n = 0
    for r, c, t, v in cells(sys.argv[1]):
        n += 1
        if out:
            out.write("%d\t%d\t%s\t%s\n" % (r, c, t, esc(v)))
    if out:
        out.close()
    print(n)


if __name__ == "__main__":
    main()
