#!/usr/bin/python3
"""render_check.py TEMPLATES RENDER_DIR XLSX... - read the pages LibreOffice
printed from each exported form and check what a signed form needs
(`make test-render`, tools/render-check.sh).

For every FILE.xlsx its PDF is RENDER_DIR/<folder>/FILE.pdf, where <folder>
is the name of the xlsx's folder.  The form's template (templates/*.yaml,
found by the "Mẫu số" code in the file's first row) says what the form
holds; the text of each page (pdftotext -raw, one page at a time) says what
was printed where.  Texts are compared with all white space removed, so the
way a cell's text wraps does not matter.  Checked on every page:

  A4 in the form's orientation (page.orientation of the template);
  the breaks are the file's own: as many pages as the file's manual page
      breaks plus one, so Excel and LibreOffice break at the same rows;
  page 1 carries the form's code ("Mẫu số …") and every line of its title;
  no page holds only repeated table headers (and the page number);
  every line of a signature block is on one page, and so is the row just
      above the block (the end of the table or the lines that close it);
  a group heading (the lines of an `each` before its table) is never the
      last thing on a page: its table header and a data row follow it there;
  a page that holds rows of a table also holds that table's header rows.

Prints "PASS render:NAME (N trang)" or "FAIL render:NAME: reasons" per file
and "N passed, N failed" last; exit status 1 when any file failed.
"""
import os
import re
import subprocess
import sys

import openpyxl
import yaml

A4 = (595.3, 841.9)
FOOTER = re.compile(r"Trang\d+/\d+")


def squash(s):
    return re.sub(r"\s+", "", s or "")


def pattern(line):
    """A template line with fill-ins -> (regex over squashed text, literal length)."""
    out, lit, i = [], 0, 0
    while i < len(line):
        if line.startswith("{{", i) or line.startswith("}}", i):
            out.append(re.escape(line[i]))
            lit += 1
            i += 2
        elif line[i] == "{":
            j = line.index("}", i)
            if not out or out[-1] != ".*?":
                out.append(".*?")
            i = j + 1
        else:
            c = line[i]
            if not c.isspace():
                out.append(re.escape(c))
                lit += 1
            i += 1
    # a fill-in at either end matches nothing in particular
    while out and out[0] == ".*?":
        out.pop(0)
    while out and out[-1] == ".*?":
        out.pop()
    return "".join(out), lit


def line_text(x):
    if isinstance(x, dict):
        return x.get("text", "")
    return x if isinstance(x, str) else ""


def lines_of(x):
    if x is None:
        return []
    if isinstance(x, list):
        return [line_text(v) for v in x]
    return [line_text(x)]


def kind_of(block):
    for k in ("text", "header", "table", "each", "signature", "notes", "space"):
        if k in block:
            return k
    return None


class Form:
    """What the checks need from one template."""

    def __init__(self, path):
        with open(path, encoding="utf-8") as f:
            t = yaml.safe_load(f)
        self.path = path
        self.code = t["form"]["code"]
        self.landscape = t["page"]["orientation"] == "landscape"
        self.title = []
        self.signatures = []
        self.heads = []          # every table's header texts
        self.group_heads = []    # tables inside an `each`: their header texts
        self.headings = []       # regexes of group headings and `continued` lines
        self.tables = []         # header texts of each table (for the data rows' pages)
        self._walk(t.get("content") or [], nested=False)

    def _walk(self, blocks, nested):
        for b in blocks:
            k = kind_of(b)
            if k == "text" and not nested and not self.title and not self.tables and b.get("bold") and \
                    b.get("align") == "center":
                self.title = [pattern(x) for x in lines_of(b["text"]) if pattern(x)[1] >= 2]
            elif k == "signature":
                s = b["signature"]
                lines = lines_of(s.get("left")) + lines_of(s.get("right"))
                sig = [pattern(x) for x in lines if pattern(x)[1] >= 3]
                # a signature block printed only for some books: checked when printed
                self.signatures.append((sig, bool(b.get("when") or b.get("unless"))))
            elif k == "table":
                tb = b["table"]
                heads = [c.get("head", "") for c in tb.get("columns", [])]
                heads += sorted({c["group"] for c in tb.get("columns", []) if c.get("group")})
                heads = [squash(h) for h in heads if squash(h)]
                self.heads += heads
                self.tables.append(heads)
                if nested:
                    self.group_heads.append(heads)
                if tb.get("continued"):
                    p = pattern(line_text(tb["continued"]))
                    if p[1] >= 3:
                        self.headings.append(p)
            elif k == "each":
                e = b["each"]
                content = e.get("content") or []
                # a group heading is a line above a table of the group; an
                # `each` of lines alone (a result a line) has none
                grouped = any(kind_of(x) == "table" for x in content)
                for x in content:
                    if grouped and kind_of(x) == "text":
                        self.headings += [pattern(t) for t in lines_of(x["text"]) if pattern(t)[1] >= 3]
                self._walk(content, nested=True)
                self._walk(e.get("empty") or [], nested=True)


def load_forms(tdir):
    """The templates, and the layouts of the workbooks written without a
    template (tools/render-layouts/*.yaml, in the templates' format)."""
    forms = {}
    layouts = os.path.join(os.path.dirname(os.path.abspath(__file__)), "render-layouts")
    for d in (tdir, layouts):
        if not os.path.isdir(d):
            continue
        for name in sorted(os.listdir(d)):
            if name.endswith(".yaml"):
                f = Form(os.path.join(d, name))
                forms[squash(f.code)] = f
    return forms


def pdf_pages(pdf):
    text = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", pdf, "-"], check=True, capture_output=True,
                          text=True).stdout
    pages = text.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", str(max(len(pages), 1)), pdf], check=True,
                          capture_output=True, text=True).stdout
    sizes = [(float(w), float(h)) for w, h in re.findall(r"Page +\d+ size: +([\d.]+) x ([\d.]+)", info)]
    return [squash(p) for p in pages], sizes


def remove_heads(page, heads):
    for h in sorted(set(heads), key=len, reverse=True):
        page = page.replace(h, "")
    return FOOTER.sub("", page).replace("BẢNNHÁP", "")


def sheet_rows(ws):
    """Non-empty rows of the sheet: (row number, [squashed cell texts])."""
    rows = []
    for row in ws.iter_rows():
        cells = []
        for c in row:
            if c.value is None:
                continue
            v = c.value
            if isinstance(v, float) and v.is_integer():
                v = int(v)
            if isinstance(v, float) and c.number_format.endswith("%"):
                # a percentage as printed ("57,47%" or "57.47%"): not compared
                continue
            s = squash(str(v))
            if s:
                cells.append(s)
        if cells:
            rows.append((row[0].row, cells))
    return rows


def table_rows(rows, heads):
    """Each table of the sheet with these header texts: (its header's row
    number, [(row number in the table, a cell text unique to the row)])."""
    found = []
    if len(heads) < 2:
        return found
    for k, (rnum, cells) in enumerate(rows):
        below = rows[k + 1][1] if k + 1 < len(rows) else []
        if heads[0] not in cells or (heads[1] not in cells and heads[1] not in below):
            continue
        j = k + 1
        while j < len(rows) and j <= k + 2 and rows[j][1][0] != "1":
            j += 1
        data, want = [], 1
        while j < len(rows) and rows[j][1][0] == str(want) and len(rows[j][1]) > 1:
            data.append(rows[j][1][1:])
            want += 1
            j += 1
        counts = {}
        for cells_ in data:
            for c in set(cells_):
                counts[c] = counts.get(c, 0) + 1
        keyed = []
        for i, cells_ in enumerate(data):
            unique = [c for c in cells_ if counts[c] == 1 and len(c) >= 4]
            if unique:
                keyed.append((i + 1, max(unique, key=len)))
        found.append((rnum, keyed))
    return found


def first_page(pages, regex, start=0):
    r = re.compile(regex, re.S)
    for i in range(start, len(pages)):
        if r.search(pages[i]):
            return i
    return -1


def check(form, xlsx, pdf):
    """The file's pages.  A workbook of several sheets (the roll-up's
    statistics, src/rollup_xlsx.c) prints them one after another, each on
    as many pages as its own breaks plus one: each sheet is checked on its
    pages, its page numbers counted from its first."""
    pages, sizes = pdf_pages(pdf)
    wb = openpyxl.load_workbook(xlsx)
    sheets = wb.worksheets
    if len(sheets) == 1:
        return len(pages), check_sheet(form, sheets[0], pages, sizes)
    want = [(len(ws.row_breaks.brk) if ws.row_breaks else 0) + 1 for ws in sheets]
    if sum(want) != len(pages):
        return len(pages), ["%d trang nhưng %d trang tính có %d ngắt trang: LibreOffice tự ngắt trang ở chỗ khác tệp" %
                            (len(pages), len(sheets), sum(want) - len(sheets))]
    why, at = [], 0
    for ws, k in zip(sheets, want):
        why += ["%s: %s" % (ws.title, w) for w in check_sheet(form, ws, pages[at:at + k], sizes[at:at + k])]
        at += k
    return len(pages), why


def check_sheet(form, ws, pages, sizes):
    why = []
    n = len(pages)
    # A4, the form's orientation.
    for i, (w, h) in enumerate(sizes):
        if not (abs(min(w, h) - A4[0]) < 2 and abs(max(w, h) - A4[1]) < 2):
            why.append("trang %d không phải A4 (%gx%g)" % (i + 1, w, h))
        elif (w > h) != form.landscape:
            why.append("trang %d in %s, mẫu in %s" % (i + 1, "ngang" if w > h else "dọc",
                                                      "ngang" if form.landscape else "dọc"))
    # The file's own breaks.
    breaks = len(ws.row_breaks.brk) if ws.row_breaks else 0
    if n != breaks + 1:
        why.append("%d trang nhưng tệp có %d ngắt trang: LibreOffice tự ngắt trang ở chỗ khác tệp" % (n, breaks))
    # Code and title on page 1.
    if not pages or squash(form.code) not in pages[0]:
        why.append("trang 1 thiếu '%s'" % form.code)
    for regex, _ in form.title:
        if pages and not re.search(regex, pages[0], re.S):
            why.append("trang 1 thiếu dòng tiêu đề /%s/" % regex)
    # No page of repeated headers only.
    for i, p in enumerate(pages):
        if form.heads and not remove_heads(p, form.heads):
            why.append("trang %d chỉ có hàng tiêu đề của bảng" % (i + 1))
    rows = sheet_rows(ws)
    # Signature blocks: whole, with the row above them.
    for sig, conditional in form.signatures:
        if not sig:
            continue
        at = first_page(pages, sig[0][0])
        if at < 0:
            if not conditional:
                why.append("không thấy khối chữ ký /%s/" % sig[0][0])
            continue
        for regex, _ in sig[1:]:
            if not re.search(regex, pages[at], re.S):
                why.append("khối chữ ký bị tách: /%s/ không ở trang %d cùng dòng đầu khối" % (regex, at + 1))
        first = re.compile(sig[0][0])
        k = max((i for i, (_, cells) in enumerate(rows) if any(first.search(c) for c in cells)), default=-1)
        if k > 0:
            rnum, above = rows[k - 1]
            missing = [c for c in above if c not in pages[at]]
            if missing:
                why.append("khối chữ ký ở trang %d không kèm dòng ngay trên nó (dòng %d: '%s')" %
                           (at + 1, rnum, missing[0]))
    # Group headings carry their table's header and a data row; a page
    # that goes on with a group's table starts with the group's heading.
    group_heads = [h for heads in form.group_heads for h in heads[:1]]
    for i, p in enumerate(pages):
        if not form.headings:
            break
        starts, end = [], -1
        for regex, _ in form.headings:
            for m in re.finditer(regex, p, re.S):
                starts.append(m.start())
                end = max(end, m.end())
        if end >= 0 and not remove_heads(p[end:], form.heads):
            why.append("trang %d kết thúc bằng đề mục của một nhóm mà không có dòng dữ liệu nào" % (i + 1))
        pre = p[:min(starts)] if starts else p
        if i > 0 and any(h in pre for h in group_heads) and remove_heads(pre, form.heads):
            why.append("trang %d tiếp tục bảng của một nhóm mà không có đề mục của nhóm" % (i + 1))
    # A table's rows and its header on the same page.
    for heads in form.tables:
        for first, data in table_rows(rows, heads):
            # from the page the table begins on
            at = next((x for x in range(n) if all(h in pages[x] for h in heads[:2])), 0)
            for num, key in data:
                p = next((x for x in range(at, n) if key in pages[x]), -1)
                if p < 0:
                    continue
                at = p
                if not all(h in pages[p] for h in heads[:2]):
                    why.append("trang %d có dòng %s của bảng ở dòng %d mà không có hàng tiêu đề của bảng" %
                               (p + 1, num, first))
                    break
    return why


def main():
    if len(sys.argv) < 3:
        print(__doc__.split("\n")[0], file=sys.stderr)
        return 2
    forms = load_forms(sys.argv[1])
    rdir = sys.argv[2]
    npass = nfail = 0
    for xlsx in sys.argv[3:]:
        folder = os.path.basename(os.path.dirname(os.path.abspath(xlsx)))
        name = os.path.splitext(os.path.basename(xlsx))[0]
        label = "%s/%s" % (folder, name)
        pdf = os.path.join(rdir, folder, name + ".pdf")
        if not os.path.exists(pdf):
            print("FAIL render:%s: LibreOffice không chuyển được sang PDF" % label)
            nfail += 1
            continue
        wb = openpyxl.load_workbook(xlsx, read_only=True)
        first = [squash(str(c.value)) for c in next(wb.worksheets[0].iter_rows(max_row=1)) if c.value is not None]
        wb.close()
        form = next((forms[c] for c in first if c in forms), None)
        if not form:
            print("FAIL render:%s: không tìm thấy mẫu của tệp (mã ở dòng 1: %s)" % (label, first))
            nfail += 1
            continue
        n, why = check(form, xlsx, pdf)
        if why:
            print("FAIL render:%s: %s" % (label, "; ".join(why)))
            nfail += 1
        else:
            print("PASS render:%s (%d trang)" % (label, n))
            npass += 1
    print("%d passed, %d failed" % (npass, nfail))
    return 0 if nfail == 0 and npass > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
