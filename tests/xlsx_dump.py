#!/usr/bin/python3
"""xlsx_dump.py FILE.xlsx - print what a form holds, one fact a line, for the
export tests to grep (tests/t3*.sh).  Read with openpyxl, as a user's Excel
would read it:

  cell A1 | Mẫu số 05/BCĐBQH-MT | Times New Roman 12 italic right
  merge A1:T1
  row 12 height 34.5
  page paper=9 orientation=landscape fitToWidth=1 fitToHeight=0
  scale 78
  breaks 31 58
  repeat_rows 12:13
  footer &CTrang &P/&N
  header ...
  sheet Mẫu 05
  created 2026-...
"""
import signal
import sys
import openpyxl

signal.signal(signal.SIGPIPE, signal.SIG_DFL)
path = sys.argv[1]
wb = openpyxl.load_workbook(path)
print("sheets", len(wb.worksheets))
ws = wb.worksheets[0]
print("sheet", ws.title)
print("created", wb.properties.created.isoformat() if wb.properties.created else None)
ps = ws.page_setup
print("page paper=%s orientation=%s fitToWidth=%s fitToHeight=%s fitToPage=%s" % (
    ps.paperSize, ps.orientation, ps.fitToWidth, ps.fitToHeight, ws.sheet_properties.pageSetUpPr.fitToPage
    if ws.sheet_properties.pageSetUpPr else None))
print("scale", ps.scale)
print("breaks", " ".join(str(b.id) for b in ws.row_breaks.brk) if ws.row_breaks else "")
m = ws.page_margins
print("margins left=%.2f right=%.2f top=%.2f bottom=%.2f" % (m.left, m.right, m.top, m.bottom))
print("repeat_rows", ws.print_title_rows)
print("footer", ws.oddFooter.center.text)
print("footer_font", ws.oddFooter.center.font, ws.oddFooter.center.size)
print("normal_font", wb._fonts[0].name if wb._fonts else None)
print("header", ws.oddHeader.center.text)
for rng in sorted(ws.merged_cells.ranges, key=lambda r: (r.min_row, r.min_col)):
    print("merge", rng.coord)
for idx, dim in sorted(ws.row_dimensions.items()):
    if dim.height is not None:
        print("row %d height %.2f" % (idx, dim.height))
for row in ws.iter_rows():
    for c in row:
        if c.value is None:
            continue
        f = c.font
        style = [f.name, "%g" % f.sz]
        if f.b:
            style.append("bold")
        if f.i:
            style.append("italic")
        if f.u:
            style.append("underline")
        if c.alignment.horizontal:
            style.append(c.alignment.horizontal)
        if c.alignment.wrap_text:
            style.append("wrap")
        if c.border.left.style:
            style.append("border" if c.border.top.style and c.border.bottom.style else
                         "box-top" if c.border.top.style else "box-bottom" if c.border.bottom.style else "box-side")
        if f.color is not None and f.color.rgb not in (None, "FF000000") and isinstance(f.color.rgb, str):
            style.append("color=" + f.color.rgb)
        if c.number_format and c.number_format != "General":
            style.append("format=" + c.number_format)
        if c.border.top.style and not c.border.left.style:
            style.append("top")
        v = c.value
        if isinstance(v, float) and v.is_integer():
            v = int(v)
        print("cell %s | %s | %s" % (c.coordinate, str(v).replace("\n", "\\n"), " ".join(style)))
