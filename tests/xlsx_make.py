#!/usr/bin/python3
"""xlsx_make.py KIND OUT [ARGS...] - hand-made workbooks for the tests.

openpyxl writes workbooks as a program would; these are written part by
part, so that a test controls every byte a reader sees: shared and inline
strings, rich text, dates in both systems, formulas with and without a
cached value, error cells, merged ranges, and the hostile files of the
bad-input catalogue (tests/t4100-bad-inputs.sh).

  good OUT            a small, correct workbook (header + two rows)
  cells OUT           every kind of cell (tests/t1010-xlsx-import.sh)
  date1904 OUT        one date in the 1904 system
  bomb OUT            a sheet that inflates ~300 times (zip bomb)
  dtd OUT             a sheet with a DOCTYPE and a billion-laughs entity
  xxe OUT             a sheet with an external entity
  escape-entry OUT    an entry named ../../evil
  escape-rel OUT      a relationship to ../../../etc/passwd
  ods OUT             an OpenDocument spreadsheet
  xls OUT             an OLE2 compound file that is an .xls
  encrypted OUT       an OLE2 compound file with an EncryptedPackage
  truncated OUT IN    the first half of IN
  badxml OUT          a sheet whose XML is not well formed
  nosheet OUT         a zip without a workbook
  cells-bad OUT       cells that are errors: #N/A, a formula without a value
  fromcsv OUT CSV     a CSV file as a sheet of inline strings (streamed)
"""
import sys
import zipfile

NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
RNS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
PKG = 'http://schemas.openxmlformats.org/package/2006/relationships'

CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      '<Default Extension="xml" ContentType="application/xml"/>'
      '<Override PartName="/xl/workbook.xml" '
      'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
      '<Override PartName="/xl/worksheets/sheet1.xml" '
      'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
      '</Types>')
ROOT_RELS = ('<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="%s">'
             '<Relationship Id="rId1" Type="%s/officeDocument" Target="xl/workbook.xml"/>'
             '</Relationships>' % (PKG, RNS))


def workbook(sheets, date1904=False):
    pr = '<workbookPr date1904="1"/>' if date1904 else '<workbookPr/>'
    s = ''.join('<sheet name="%s" sheetId="%d" r:id="rId%d"/>' % (n, i + 1, i + 1) for i, n in enumerate(sheets))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<workbook xmlns="%s" xmlns:r="%s">%s<sheets>%s</sheets>'
            '</workbook>' % (NS, RNS, pr, s))


def wb_rels(n, target_fmt='worksheets/sheet%d.xml'):
    r = ''.join('<Relationship Id="rId%d" Type="%s/worksheet" Target="%s"/>' % (i + 1, RNS, target_fmt % (i + 1))
                for i in range(n))
    r += '<Relationship Id="rIdS" Type="%s/sharedStrings" Target="sharedStrings.xml"/>' % RNS
    r += '<Relationship Id="rIdT" Type="%s/styles" Target="styles.xml"/>' % RNS
    return '<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="%s">%s</Relationships>' % (PKG, r)


# styles: xf 0 General, 1 built-in date (14), 2 custom dd/mm/yyyy (164),
# 3 custom time h:mm (165), 4 custom date-time (166), 5 text with a date-like
# quoted literal (167, not a date)
STYLES = ('<?xml version="1.0" encoding="UTF-8"?>\n<styleSheet xmlns="%s">'
          '<numFmts count="4"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/>'
          '<numFmt numFmtId="165" formatCode="h:mm"/><numFmt numFmtId="166" formatCode="dd/mm/yyyy hh:mm"/>'
          '<numFmt numFmtId="167" formatCode="0 &quot;ngày&quot;"/></numFmts>'
          '<cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/>'
          '<xf numFmtId="166"/><xf numFmtId="167"/></cellXfs></styleSheet>' % NS)


def sst(strings):
    items = ''.join(s if s.startswith('<si>') else '<si><t xml:space="preserve">%s</t></si>' % s for s in strings)
    return '<?xml version="1.0" encoding="UTF-8"?>\n<sst xmlns="%s" count="%d">%s</sst>' % (NS, len(strings), items)


def sheet(rows_xml, merges=(), head=''):
    m = ''
    if merges:
        m = '<mergeCells count="%d">%s</mergeCells>' % (len(merges), ''.join('<mergeCell ref="%s"/>' % r for r in merges))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n%s<worksheet xmlns="%s" xmlns:r="%s"><sheetData>%s</sheetData>%s'
            '</worksheet>' % (head, NS, RNS, rows_xml, m))


def esc(s):
    return s.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')


def row(n, cells):
    """cells: list of (ref, xml-inside-c-with-attrs) or plain strings as inline strings."""
    out = []
    for ref, v in cells:
        if isinstance(v, str):
            out.append('<c r="%s" t="inlineStr"><is><t>%s</t></is></c>' % (ref, esc(v)))
        else:
            out.append(v[0] % ref)
    return '<row r="%d">%s</row>' % (n, ''.join(out))


def package(path, sheets_xml, strings=(), date1904=False, names=None, extra=None, compression=zipfile.ZIP_DEFLATED,
            rels=None):
    names = names or ['Trang %d' % (i + 1) for i in range(len(sheets_xml))]
    with zipfile.ZipFile(path, 'w', compression) as z:
        z.writestr('[Content_Types].xml', CT)
        z.writestr('_rels/.rels', ROOT_RELS)
        z.writestr('xl/workbook.xml', workbook(names, date1904))
        z.writestr('xl/_rels/workbook.xml.rels', rels or wb_rels(len(sheets_xml)))
        z.writestr('xl/styles.xml', STYLES)
        z.writestr('xl/sharedStrings.xml', sst(list(strings)))
        for i, x in enumerate(sheets_xml):
            z.writestr('xl/worksheets/sheet%d.xml' % (i + 1), x)
        for n, data in (extra or {}).items():
            z.writestr(n, data)


UNITS_HEADER = ['Mã đơn vị', 'Tên đơn vị', 'Loại đơn vị']


def good(path):
    rows = row(1, [('A1', x) for x in []]) if False else ''
    rows = row(1, list(zip(['A1', 'B1', 'C1'], UNITS_HEADER)))
    rows += row(2, list(zip(['A2', 'B2', 'C2'], ['UBND', 'Ủy ban nhân dân tỉnh', 'Cơ quan nhà nước'])))
    rows += row(3, list(zip(['A3', 'B3', 'C3'], ['MTTQ', 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', 'Mặt trận'])))
    package(path, [sheet(rows)], names=['Đơn vị'])


def v(xml):
    """A cell given as XML, its reference filled in: v('<c r="%s" s="1"><v>1</v></c>')."""
    return (xml,)


def cells(path):
    """A candidate list as a clerk's Excel would hold it, every kind of cell:
    titles, a two-row header with a merged group heading, shared strings with
    rich text and phonetic runs, inline strings, dates as serials under a
    built-in and a custom format, a text date with a space, a formula's
    cached value, a number, and a cell merged down two rows."""
    strings = ['Họ và tên', 'Nguyễn Thị Lan', '12/12',
               '<si><r><t xml:space="preserve">Cử nhân </t></r><r><rPr><b/></rPr><t>Luật</t></r></si>',
               '<si><t>Trần Văn Bình</t><rPh sb="0" eb="1"><t>ちがう</t></rPh></si>',
               'UBND', 'Đơn vị giới thiệu']
    h1 = [('A3', 'STT'), ('B3', v('<c r="%s" t="s"><v>0</v></c>')), ('C3', 'Ngày, tháng, năm sinh'),
          ('D3', 'Giới tính'), ('E3', 'Trình độ'), ('G3', 'Ngày vào Đảng'),
          ('H3', v('<c r="%s" t="s"><v>6</v></c>')), ('I3', 'Ghi chú')]
    h2 = [('E4', 'Giáo dục phổ thông'), ('F4', 'Chuyên môn, nghiệp vụ')]
    r1 = [('A5', v('<c r="%s"><v>1</v></c>')), ('B5', v('<c r="%s" t="s"><v>1</v></c>')),
          ('C5', v('<c r="%s" s="1"><v>29459</v></c>')),             # 26/08/1980
          ('D5', 'Nữ'), ('E5', v('<c r="%s" t="s"><v>2</v></c>')), ('F5', v('<c r="%s" t="s"><v>3</v></c>')),
          ('G5', v('<c r="%s" s="2"><v>38718</v></c>')),             # 01/01/2006
          ('H5', v('<c r="%s" t="s"><v>5</v></c>')),
          ('I5', v('<c r="%s" t="str"><f>CONCATENATE("Khóa ","XV")</f><v>Khóa XV</v></c>'))]
    r2 = [('A6', v('<c r="%s"><v>2</v></c>')), ('B6', v('<c r="%s" t="s"><v>4</v></c>')),
          ('C6', '24/10/ 1979'), ('D6', 'Nam'), ('E6', v('<c r="%s" t="s"><v>2</v></c>')),
          ('F6', 'Kỹ sư\nXây dựng'), ('G6', 'Không'), ('I6', v('<c r="%s"><v>12.5</v></c>'))]
    rows = (row(1, [('A1', 'DANH SÁCH NGƯỜI ỨNG CỬ')]) + row(3, h1) + row(4, h2) + row(5, r1) + row(6, r2) +
            row(8, [('A8', 'Danh sách có 2 người')]))
    merges = ['A1:I1', 'A3:A4', 'B3:B4', 'C3:C4', 'D3:D4', 'E3:F3', 'G3:G4', 'H3:H4', 'I3:I4', 'H5:H6', 'A8:I8']
    package(path, [sheet(rows, merges)], strings=strings, names=['Mẫu 04'])


def cells_bad(path):
    """Errors at cells: #N/A, a formula without a cached value, a date
    Excel cannot show (serial 60, 29/02/1900)."""
    strings = ['Mã đơn vị', 'Tên đơn vị', 'Loại đơn vị']
    rows = row(1, [('A1', v('<c r="%s" t="s"><v>0</v></c>')), ('B1', v('<c r="%s" t="s"><v>1</v></c>')),
                   ('C1', v('<c r="%s" t="s"><v>2</v></c>'))])
    rows += row(2, [('A2', 'A'), ('B2', v('<c r="%s" t="e"><f>VLOOKUP(1,X:Y,2)</f><v>#N/A</v></c>')),
                    ('C2', 'Hội')])
    rows += row(3, [('A3', 'B'), ('B3', 'Hội B'), ('C3', v('<c r="%s"><f>A1&amp;B1</f></c>'))])
    package(path, [sheet(rows)], strings=strings, names=['Đơn vị'])


def fromcsv(path, src):
    """A CSV file (';' or ',', UTF-8) as one sheet of inline strings, written
    row by row so that a big file costs no memory here either."""
    import csv
    f = open(src, encoding='utf-8-sig', newline='')
    first = f.readline()
    f.seek(0)
    if first.startswith('\ufeff'):
        f.read(1)
    delim = ';' if first.count(';') > first.count(',') else ','
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('[Content_Types].xml', CT)
        z.writestr('_rels/.rels', ROOT_RELS)
        z.writestr('xl/workbook.xml', workbook(['Trang 1']))
        z.writestr('xl/_rels/workbook.xml.rels', wb_rels(1))
        z.writestr('xl/styles.xml', STYLES)
        z.writestr('xl/sharedStrings.xml', sst([]))
        with z.open('xl/worksheets/sheet1.xml', 'w', force_zip64=True) as w:
            w.write(sheet('').split('<sheetData>')[0].encode() + b'<sheetData>')
            buf = []
            for n, rec in enumerate(csv.reader(f, delimiter=delim), 1):
                cells = ''.join('<c r="%s%d" t="inlineStr"><is><t>%s</t></is></c>' % (col(i), n, esc(x))
                                for i, x in enumerate(rec) if x)
                buf.append('<row r="%d">%s</row>' % (n, cells))
                if len(buf) >= 1000:
                    w.write(''.join(buf).encode())
                    buf = []
            w.write(''.join(buf).encode())
            w.write(b'</sheetData></worksheet>')


def col(i):
    s = ''
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def main():
    kind, out = sys.argv[1], sys.argv[2]
    if kind == 'good':
        good(out)
    elif kind == 'bomb':
        # 80 MiB of spaces inside the sheet: inflates ~1000 times
        with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:
            z.writestr('[Content_Types].xml', CT)
            z.writestr('_rels/.rels', ROOT_RELS)
            z.writestr('xl/workbook.xml', workbook(['Trang 1']))
            z.writestr('xl/_rels/workbook.xml.rels', wb_rels(1))
            z.writestr('xl/styles.xml', STYLES)
            z.writestr('xl/sharedStrings.xml', sst([]))
            with z.open('xl/worksheets/sheet1.xml', 'w', force_zip64=True) as f:
                f.write(sheet('').split('<sheetData>')[0].encode() + b'<sheetData>')
                block = b' ' * (1 << 20)
                for _ in range(80):
                    f.write(block)
                f.write(b'</sheetData></worksheet>')
    elif kind == 'dtd':
        head = ('<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
                '<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">]>')
        package(out, [sheet(row(1, [('A1', 'Mã đơn vị')]).replace('Mã đơn vị', '&lol2;'), head=head)])
    elif kind == 'xxe':
        head = '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        package(out, [sheet(row(1, [('A1', 'x')]).replace('<t>x</t>', '<t>&xxe;</t>'), head=head)])
    elif kind == 'escape-entry':
        good(out)
        with zipfile.ZipFile(out, 'a') as z:
            z.writestr('../../evil.txt', 'evil')
    elif kind == 'escape-rel':
        rows = row(1, list(zip(['A1', 'B1', 'C1'], UNITS_HEADER)))
        package(out, [sheet(rows)], rels=wb_rels(1, '../../../../etc/passwd%d'))
    elif kind == 'ods':
        with zipfile.ZipFile(out, 'w') as z:
            z.writestr('mimetype', 'application/vnd.oasis.opendocument.spreadsheet', zipfile.ZIP_STORED)
            z.writestr('content.xml', '<office:document-content/>')
            z.writestr('META-INF/manifest.xml', '<manifest/>')
    elif kind in ('xls', 'encrypted'):
        # An OLE2 compound file: its signature, a header sector, and a
        # directory sector naming the streams (UTF-16LE) the way Excel does.
        data = bytearray(b'\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1' + bytes(512 - 8))
        names = ['Root Entry'] + (['EncryptionInfo', 'EncryptedPackage'] if kind == 'encrypted' else ['Workbook'])
        for n in names:
            e = n.encode('utf-16-le')
            data += e + bytes(128 - len(e))
        open(out, 'wb').write(bytes(data))
    elif kind == 'truncated':
        d = open(sys.argv[3], 'rb').read()
        open(out, 'wb').write(d[:len(d) // 2])
    elif kind == 'badxml':
        package(out, [sheet(row(1, [('A1', 'Mã đơn vị')])).replace('</sheetData>', '</sheetDat>')])
    elif kind == 'nosheet':
        with zipfile.ZipFile(out, 'w') as z:
            z.writestr('hello.txt', 'xin chào')
    elif kind == 'cells':
        cells(out)
    elif kind == 'cells-bad':
        cells_bad(out)
    elif kind == 'fromcsv':
        fromcsv(out, sys.argv[3])
    elif kind == 'date1904':
        rows = row(1, [('A1', 'Ngày')]) + row(2, [('A2', ('<c r="%s" s="2"><v>44000</v></c>',))])
        package(out, [sheet(rows)], date1904=True)
    else:
        sys.exit('unknown kind ' + kind)


if __name__ == '__main__':
    main()
