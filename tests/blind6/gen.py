#!/usr/bin/env python3
"""Independent blind evaluation corpus generator (blind6). Python 3 stdlib only, deterministic.
usage: python3 gen.py [--out DIR]"""
import base64, io, os, quopri, random, re, struct, sys, zipfile, zlib, binascii
from email.header import Header

SEED = 60606
R = random.Random(SEED)

# ---------------------------------------------------------------- numbers
def elf_ok(s):
    d = [int(c) for c in s]
    return len(d) == 9 and (sum(d[i] * (9 - i) for i in range(8)) - d[8]) % 11 == 0

def new_bsn():
    while True:
        s = str(R.randint(10000000, 999999999)).zfill(9)
        if s[0] != '0' and elf_ok(s):
            return s

def new_elf_nonbsn():  # passes elfproef but used as order/invoice number
    return new_bsn()

def new_fail9():
    while True:
        s = str(R.randint(100000000, 999999999))
        if not elf_ok(s):
            return s

def fill(text, st):
    def rep(m):
        k = m.group(1)
        if k.startswith('BSN2'):
            return st.setdefault('bsn2', new_bsn())
        if k.startswith('BSN'):
            b = st.setdefault('bsn', new_bsn())
            if k == 'BSN3a': return b[:4]
            if k == 'BSN3b': return b[4:]
            if k == 'BSN': return b
            if k == 'BSNdot': return b[:4] + '.' + b[4:6] + '.' + b[6:]
            if k == 'BSNdot3': return b[:3] + '.' + b[3:6] + '.' + b[6:]
            if k == 'BSNsp': return b[:3] + ' ' + b[3:6] + ' ' + b[6:]
            if k == 'BSNsp2': return b[:2] + ' ' + b[2:4] + ' ' + b[4:6] + ' ' + b[6:]
            if k == 'BSNdash': return b[:3] + '-' + b[3:6] + '-' + b[6:]
        if k.startswith('BSN2'):
            return st.setdefault('bsn2', new_bsn())
        if k.startswith('ELF'):
            return st.setdefault(k, new_elf_nonbsn())
        if k.startswith('FAIL'):
            return st.setdefault(k, new_fail9())
        raise KeyError(k)
    return re.sub(r'«([A-Za-z0-9]+)»', rep, text)

# ---------------------------------------------------------------- mime serialisation
def hdr(v):
    try:
        v.encode('ascii'); return v
    except UnicodeEncodeError:
        # encode display names / subjects
        m = re.match(r'^(.*?)\s*(<[^>]+>)$', v)
        if m:
            return Header(m.group(1), 'utf-8').encode() + ' ' + m.group(2)
        return Header(v, 'utf-8').encode()

def b64(data):
    return base64.encodebytes(data).decode('ascii').replace('\n', '\r\n').encode('ascii')

def leaf(ctype, data, cte='base64', extra=()):
    if cte == 'base64':
        body = b64(data)
    elif cte == 'quoted-printable':
        body = quopri.encodestring(data).replace(b'\r\n', b'\n').replace(b'\n', b'\r\n')
    else:
        body = data.replace(b'\r\n', b'\n').replace(b'\n', b'\r\n')
    h = [('Content-Type', ctype), ('Content-Transfer-Encoding', cte)] + list(extra)
    return {'h': h, 'body': body}

def text_part(text, sub='plain', cs='utf-8', cte='8bit'):
    return leaf('text/%s; charset="%s"' % (sub, cs), text.encode(cs, 'xmlcharrefreplace' if sub == 'html' else 'strict'), cte)

def att(name, ctype, data, cte='base64'):
    return leaf('%s; name="%s"' % (ctype, name), data, cte,
                [('Content-Disposition', 'attachment; filename="%s"' % name)])

BCOUNT = [0]
def multi(sub, parts):
    BCOUNT[0] += 1
    bnd = '=_b6_%04d_%s' % (BCOUNT[0], ''.join(R.choice('abcdefghjkmnpqrstuvwxyz') for _ in range(10)))
    return {'h': [('Content-Type', 'multipart/%s; boundary="%s"' % (sub, bnd))], 'parts': parts, 'bnd': bnd}

def ser(node):
    out = b''
    for k, v in node['h']:
        out += ('%s: %s\r\n' % (k, v)).encode('utf-8')
    out += b'\r\n'
    if 'parts' in node:
        out += b'This is a multi-part message in MIME format.\r\n'
        for p in node['parts']:
            out += b'\r\n--' + node['bnd'].encode() + b'\r\n' + ser(p)
        out += b'\r\n--' + node['bnd'].encode() + b'--\r\n'
    else:
        out += node['body']
        if not out.endswith(b'\r\n'):
            out += b'\r\n'
    return out

def rfc822_part(msgbytes):
    return {'h': [('Content-Type', 'message/rfc822'), ('Content-Disposition', 'attachment')], 'body': msgbytes}

def envelope(frm, to, subj, date, mid, node, extra=()):
    h = [('From', hdr(frm)), ('To', hdr(to)), ('Subject', hdr(subj)), ('Date', date),
         ('Message-ID', '<%s>' % mid), ('MIME-Version', '1.0')] + list(extra)
    return {'h': h + node['h'], 'body': node.get('body'), 'parts': node.get('parts'), 'bnd': node.get('bnd')} if 'parts' in node else {'h': h + node['h'], 'body': node['body']}

# ---------------------------------------------------------------- attachment builders
def esc_xml(s):
    return s.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')

def zip_bytes(files, stored_first=None):
    bio = io.BytesIO()
    with zipfile.ZipFile(bio, 'w', zipfile.ZIP_DEFLATED) as z:
        for name, data in files:
            zi = zipfile.ZipInfo(name, date_time=(2026, 3, 2, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_STORED if name == 'mimetype' else zipfile.ZIP_DEFLATED
            z.writestr(zi, data)
    return bio.getvalue()

def lines_to_rows(text):
    return [[c.strip() for c in l.split('|')] for l in text.strip('\n').split('\n')]

def make_docx(text, split_runs=False):
    body = ''
    rows = lines_to_rows(text)
    i = 0
    while i < len(rows):
        if len(rows[i]) > 1:
            tbl = []
            while i < len(rows) and len(rows[i]) > 1:
                tbl.append(rows[i]); i += 1
            body += '<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>'
            for r in tbl:
                body += '<w:tr>' + ''.join('<w:tc><w:p><w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p></w:tc>' % esc_xml(c) for c in r) + '</w:tr>'
            body += '</w:tbl>'
        else:
            t = rows[i][0]; i += 1
            if split_runs and len(t) > 6:
                # split every text into runs of 4 chars
                runs = ''.join('<w:r><w:t xml:space="preserve">%s</w:t></w:r>' % esc_xml(t[j:j+4]) for j in range(0, len(t), 4))
            else:
                runs = '<w:r><w:t xml:space="preserve">%s</w:t></w:r>' % esc_xml(t)
            body += '<w:p>%s</w:p>' % runs
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>%s<w:sectPr/></w:body></w:document>' % body)
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
    return zip_bytes([('[Content_Types].xml', ct), ('_rels/.rels', rels), ('word/document.xml', doc)])

def col(n):
    s = ''
    n += 1
    while n:
        n, r = divmod(n - 1, 26); s = chr(65 + r) + s
    return s

def make_xlsx(text):
    rows = lines_to_rows(text)
    sd = ''
    for ri, r in enumerate(rows, 1):
        sd += '<row r="%d">' % ri
        for ci, c in enumerate(r):
            ref = '%s%d' % (col(ci), ri)
            if re.fullmatch(r'[1-9]\d{0,11}(\.\d+)?', c):
                sd += '<c r="%s"><v>%s</v></c>' % (ref, c)
            else:
                sd += '<c r="%s" t="inlineStr"><is><t>%s</t></is></c>' % (ref, esc_xml(c))
        sd += '</row>'
    sheet = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>%s</sheetData></worksheet>' % sd
    wb = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>'
    wbrels = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
    rels = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    ct = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
    return zip_bytes([('[Content_Types].xml', ct), ('_rels/.rels', rels), ('xl/workbook.xml', wb), ('xl/_rels/workbook.xml.rels', wbrels), ('xl/worksheets/sheet1.xml', sheet)])

def make_odt(text):
    paras = ''.join('<text:p>%s</text:p>' % esc_xml(l) for l in text.strip('\n').split('\n'))
    content = ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:text>%s</office:text></office:body></office:document-content>' % paras)
    manifest = ('<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>')
    return zip_bytes([('mimetype', 'application/vnd.oasis.opendocument.text'), ('META-INF/manifest.xml', manifest), ('content.xml', content)])

def pdf_str(s):
    b = s.encode('cp1252', 'replace')
    return b.replace(b'\\', b'\\\\').replace(b'(', b'\\(').replace(b')', b'\\)')

def make_pdf(text, compress=False, split_reverse=False, encrypted=False):
    lines = text.strip('\n').split('\n')
    pages = [lines[i:i + 45] for i in range(0, len(lines), 45)] or [[]]
    objs = {}
    n_pages = len(pages)
    # 1 catalog, 2 pages, 3 font, then page/content pairs
    kids = []
    for pi, pl in enumerate(pages):
        cs = b'BT /F1 10 Tf 14 TL 50 790 Td\n'
        for l in pl:
            cs += b'(' + pdf_str(l) + b') Tj T*\n'
        cs += b'ET\n'
        if split_reverse:
            # draw each line as separate positioned pieces, pieces emitted in reverse order
            cs = b''
            y = 790
            for l in pl:
                pieces = [(l[j:j+5], j) for j in range(0, len(l), 5)]
                for ptxt, j in reversed(pieces):
                    cs += b'BT /F1 10 Tf %d %d Td (' % (50 + j * 6, y) + pdf_str(ptxt) + b') Tj ET\n'
                y -= 14
        pobj, cobj = 4 + pi * 2, 5 + pi * 2
        kids.append(pobj)
        if encrypted:
            data = bytes(R.getrandbits(8) for _ in range(len(cs) + 40))
            objs[cobj] = b'<< /Length %d /Filter /FlateDecode >>\nstream\n' % len(data) + data + b'\nendstream'
        elif compress:
            data = zlib.compress(cs)
            objs[cobj] = b'<< /Length %d /Filter /FlateDecode >>\nstream\n' % len(data) + data + b'\nendstream'
        else:
            objs[cobj] = b'<< /Length %d >>\nstream\n' % len(cs) + cs + b'endstream'
        objs[pobj] = b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>' % cobj
    objs[1] = b'<< /Type /Catalog /Pages 2 0 R >>'
    objs[2] = b'<< /Type /Pages /Kids [' + b' '.join(b'%d 0 R' % k for k in kids) + b'] /Count %d >>' % n_pages
    objs[3] = b'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>'
    enc_ref = b''
    if encrypted:
        eo = max(objs) + 1
        o = binascii.hexlify(bytes(R.getrandbits(8) for _ in range(32)))
        u = binascii.hexlify(bytes(R.getrandbits(8) for _ in range(32)))
        objs[eo] = b'<< /Filter /Standard /V 2 /R 3 /Length 128 /P -3904 /O <' + o + b'> /U <' + u + b'> >>'
        fid = binascii.hexlify(bytes(R.getrandbits(8) for _ in range(16)))
        enc_ref = b' /Encrypt %d 0 R /ID [<%s><%s>]' % (eo, fid, fid)
    out = b'%PDF-1.4\n%\xe2\xe3\xcf\xd3\n'
    offs = {}
    for k in sorted(objs):
        offs[k] = len(out)
        out += b'%d 0 obj\n' % k + objs[k] + b'\nendobj\n'
    xref = len(out)
    n = max(objs) + 1
    out += b'xref\n0 %d\n0000000000 65535 f \n' % n
    for k in range(1, n):
        out += b'%010d 00000 n \n' % offs[k]
    out += b'trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n' % (n, enc_ref, xref)
    return out

# ZipCrypto (traditional PKWARE) encryption, by hand
CRCT = []
for i in range(256):
    c = i
    for _ in range(8):
        c = (c >> 1) ^ 0xEDB88320 if c & 1 else c >> 1
    CRCT.append(c)

def make_enczip(files, pwd=b'Welkom2026!'):
    out = b''; central = b''
    for name, data in files:
        if isinstance(data, str): data = data.encode('utf-8')
        crc = zlib.crc32(data) & 0xffffffff
        co = zlib.compressobj(6, zlib.DEFLATED, -15); comp = co.compress(data) + co.flush()
        k = [0x12345678, 0x23456789, 0x34567890]
        def upd(ch):
            k[0] = CRCT[(k[0] ^ ch) & 0xff] ^ (k[0] >> 8)
            k[1] = ((k[1] + (k[0] & 0xff)) * 134775813 + 1) & 0xffffffff
            k[2] = CRCT[(k[2] ^ (k[1] >> 24)) & 0xff] ^ (k[2] >> 8)
        for ch in pwd: upd(ch)
        def enc(buf):
            res = bytearray()
            for ch in buf:
                t = (k[2] | 2) & 0xffff
                res.append(ch ^ (((t * (t ^ 1)) >> 8) & 0xff)); upd(ch)
            return bytes(res)
        head = bytes(R.getrandbits(8) for _ in range(11)) + bytes([crc >> 24])
        edata = enc(head) + enc(comp)
        nb = name.encode()
        dostime, dosdate = (9 << 11), ((2026 - 1980) << 9) | (3 << 5) | 2
        lh = struct.pack('<IHHHHHIIIHH', 0x04034b50, 20, 1, 8, dostime, dosdate, crc, len(edata), len(data), len(nb), 0) + nb
        off = len(out)
        out += lh + edata
        central += struct.pack('<IHHHHHHIIIHHHHHII', 0x02014b50, 20, 20, 1, 8, dostime, dosdate, crc, len(edata), len(data), len(nb), 0, 0, 0, 0, 0, off) + nb
    cd_off = len(out)
    out += central + struct.pack('<IHHHHIIH', 0x06054b50, 0, 0, len(files), len(files), len(central), cd_off, 0)
    return out

def make_ics(summary, desc, start, loc):
    return ('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Praktijk//Agenda//NL\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID:%08x@praktijk.example\r\nDTSTAMP:20260301T080000Z\r\nDTSTART:%s\r\nDTEND:%s\r\nSUMMARY:%s\r\nLOCATION:%s\r\nDESCRIPTION:%s\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n' % (R.getrandbits(32), start, start[:-4] + '%02d00' % ((int(start[-4:-2]) + 1) % 60), summary, loc, desc.replace('\n', '\\n'))).encode('utf-8')

def make_vcf(lines):
    return ('BEGIN:VCARD\r\nVERSION:3.0\r\n' + '\r\n'.join(lines) + '\r\nEND:VCARD\r\n').encode('utf-8')

# ---------------------------------------------------------------- message assembly
import html as _html
CS = {'cp': 'windows-1252', 'latin': 'iso-8859-1'}

def pick_cs(text, want):
    try:
        text.encode(want); return want
    except UnicodeEncodeError:
        return 'utf-8'

def to_html(text, st, flags):
    out = []
    for para in text.split('\n\n'):
        lines = para.split('\n')
        if all('|' in l for l in lines) and len(lines) > 1:
            rows = [[_html.escape(c.strip()) for c in l.split('|')] for l in lines]
            t = '<table border="1" cellpadding="4" style="border-collapse:collapse">'
            t += '<tr>' + ''.join('<th>%s</th>' % c for c in rows[0]) + '</tr>'
            for r in rows[1:]:
                t += '<tr>' + ''.join('<td>%s</td>' % c for c in r) + '</tr>'
            out.append(t + '</table>')
        else:
            out.append('<p>' + '<br>\n'.join(_html.escape(l, quote=False) for l in lines) + '</p>')
    h = '<html><head><meta charset="utf-8"><style>p{font-family:Calibri,Arial;font-size:11pt}</style></head><body>\n' + '\n'.join(out) + '\n</body></html>'
    b = st.get('bsn')
    if b and 'ent' in flags:
        h = h.replace(b, ''.join('&#%d;' % ord(ch) for ch in b[:3]) + '&nbsp;' + b[3:6] + '&nbsp;' + ''.join('&#%d;' % ord(ch) for ch in b[6:]))
    if b and 'span' in flags:
        h = h.replace(b, '<span>%s</span><span style="color:#000">%s</span><span>%s</span>' % (b[:3], b[3:6], b[6:]))
    return h

def qp_softbreak(part, st):
    target = st.get('bsn') or st.get('ELF1')
    if not target: return part
    body = part['body']
    tb = target.encode()
    i = body.find(tb)
    if i >= 0:
        body = body[:i + 5] + b'=\r\n' + body[i + 5:]
    part['body'] = body
    return part

def text_node(text, kind, cte, cs, st, flags):
    if kind in ('html', 'htmltable'):
        h = to_html(text, st, flags)
        c2 = pick_cs(h, cs)
        if c2 != 'utf-8': h = h.replace('charset="utf-8"', 'charset="%s"' % c2).replace('<meta charset="utf-8">', '<meta charset="%s">' % c2)
        return text_part(h, 'html', c2, cte)
    c2 = pick_cs(text, cs)
    p = text_part(text, 'plain', c2, cte)
    if kind == 'alt':
        h = to_html(text, st, flags)
        c3 = pick_cs(h, cs)
        if c3 != 'utf-8': h = h.replace('<meta charset="utf-8">', '<meta charset="%s">' % c3)
        p = multi('alternative', [p, text_part(h, 'html', c3, cte)])
    return p

def build_attachment(spec, st):
    typ, name, content = spec
    name = fill(name, st)
    if typ in ('pdf', 'pdfz', 'pdfrev'):
        return [att(name, 'application/pdf', make_pdf(fill(content, st), compress=(typ == 'pdfz'), split_reverse=(typ == 'pdfrev')))]
    if typ == 'pdflong':
        filler = '\n'.join('Algemene toelichting regel %d: zie NHG-standaard en het bijgevoegde protocol.' % i for i in range(90))
        txt = filler + '\n' + fill(content, st) + '\n' + filler
        return [att(name, 'application/pdf', make_pdf(txt, compress=True))]
    if typ == 'encpdf':
        return [att(name, 'application/pdf', make_pdf('x\n' * 20, encrypted=True))]
    if typ in ('docx', 'docxsplit'):
        return [att(name, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', make_docx(fill(content, st), split_runs=(typ == 'docxsplit')))]
    if typ == 'truncdocx':
        d = make_docx(fill(content, st))
        return [att(name, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', d[:len(d) * 2 // 3])]
    if typ == 'xlsx':
        return [att(name, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', make_xlsx(fill(content, st)))]
    if typ == 'odt':
        return [att(name, 'application/vnd.oasis.opendocument.text', make_odt(fill(content, st)))]
    if typ == 'csv':
        return [att(name, 'text/csv; charset="utf-8"', fill(content, st).encode('utf-8'), 'quoted-printable')]
    if typ == 'txt':
        return [att(name, 'text/plain; charset="utf-8"', fill(content, st).encode('utf-8'))]
    if typ == 'ics':
        summ, desc, start, loc = [fill(x, st) for x in content]
        return [att(name, 'text/calendar; method=REQUEST; charset="utf-8"', make_ics(summ, desc, start, loc))]
    if typ == 'vcf':
        return [att(name, 'text/vcard; charset="utf-8"', make_vcf([fill(x, st) for x in content]))]
    if typ == 'zip':
        return [att(name, 'application/zip', zip_bytes([(n, fill(t, st)) for n, t in content]))]
    if typ == 'zipzip':
        inner = zip_bytes([(n, fill(t, st)) for n, t in content])
        return [att(name, 'application/zip', zip_bytes([('leesmij.txt', 'Export gegenereerd door labsysteem.\n'), ('export_data.zip', inner)]))]
    if typ == 'enczip':
        return [att(name, 'application/zip', make_enczip([(n, fill(t, st)) for n, t in content]))]
    if typ == 'badb64':
        good = b64(make_pdf('Scan\n' * 5)).decode()
        bad = good[:len(good) // 2] + '!!**~~ corrupt %%%%\r\n' + good[len(good) // 2 + 7:len(good) - 30]
        n = att(name, 'application/pdf', b'')
        n['body'] = bad.encode()
        return [n]
    if typ == 'binary':
        return [att(name, 'application/octet-stream', bytes(R.getrandbits(8) for _ in range(3000)))]
    raise ValueError(typ)

def rand_date():
    day = R.randint(2, 27); mon = R.choice([2, 3])
    hh, mm, ss = R.randint(7, 22), R.randint(0, 59), R.randint(0, 59)
    import datetime
    wd = datetime.date(2026, mon, day).strftime('%a')
    return '%s, %d %s 2026 %02d:%02d:%02d +0100' % (wd, day, ['Feb', 'Mar'][mon - 2], hh, mm, ss)

def mid(frm):
    dom = re.search(r'@([^>]+)', frm).group(1) if '@' in frm else 'localhost'
    return '%s.%s@%s' % (''.join(R.choice('abcdefghjkmnpqrstuvwxyz') for _ in range(16)), ''.join(R.choice('0123456789abcdef') for _ in range(6)), dom)

def inner_msg(subj, frm, body, to, st, attach=None):
    node = text_part(fill(body, st), 'plain', 'utf-8', 'quoted-printable')
    if attach:
        node = multi('mixed', [node] + attach)
    e = envelope(frm, to, subj, rand_date(), mid(frm), node)
    return ser(e)

def build(entry):
    tags, labels, frm, to, subj, body, fmt, attspec = entry
    st = {}
    subj = fill(subj, st)
    body = fill(body, st)
    toks = fmt.split(';')
    kind = toks[0]
    cte = {'qp': 'quoted-printable', 'b64': 'base64', '8bit': '8bit'}.get(next((t for t in toks if t in ('qp', 'b64', '8bit')), 'qp'))
    cs = next((CS[t] for t in toks if t in CS), 'utf-8')
    flags = set(toks)
    extra_notes = []
    if kind in ('rfc822', 'rfc822pdf', 'rfc822clean', 'nested', 'nestedclean'):
        isubj, ifrm, ibody = attspec
        inner_att = None
        if kind == 'rfc822pdf':
            inner_att = [att('aanvraag.pdf', 'application/pdf', make_pdf(fill(ibody, st)))]
            extra_notes.append('pdf')
        im = inner_msg(isubj, ifrm, ibody, frm, st, inner_att)
        if kind.startswith('nested'):
            mnode = multi('mixed', [text_part('Zie bijgevoegd bericht.\n\nSecretariaat', 'plain', 'utf-8', '8bit'), rfc822_part(im)])
            im = ser(envelope('Secretariaat <secretariaat@ziekenhuis-ijsselland.test>', frm, 'Fwd: ' + isubj, rand_date(), mid(frm), mnode))
            extra_notes.append('rfc822-nested-2')
        else:
            extra_notes.append('rfc822')
        node = multi('mixed', [text_node(body, 'plain', cte, cs, st, flags), rfc822_part(im)])
    else:
        node = text_node(body, kind, cte, cs, st, flags)
        if 'qpsoft' in flags and node.get('body') is not None:
            node = qp_softbreak(node, st)
        if attspec:
            parts = build_attachment(attspec, st)
            node = multi('mixed', [node] + parts)
            extra_notes.append(attspec[0])
    extra = [('X-Mailer', R.choice(['Microsoft Outlook 16.0', 'Mozilla Thunderbird', 'Apple Mail (2.3774)', 'Roundcube Webmail/1.6', 'ZorgMail Secure']))]
    e = envelope(frm, to, subj, rand_date(), mid(frm), node, extra)
    data = ser(e)
    if 'lf' in flags:
        data = data.replace(b'\r\n', b'\n')
    csname = {'windows-1252': 'windows-1252', 'iso-8859-1': 'iso-8859-1'}.get(cs, 'utf-8')
    note_fmt = [kind, {'quoted-printable': 'qp', 'base64': 'b64', '8bit': '8bit'}[cte], csname] + [f for f in ('ent', 'span', 'qpsoft', 'lf') if f in flags] + extra_notes
    return data, note_fmt

# ================================================================ content
# sensitive messages part 1  -- (tags, labels bhpu, from, to, subject, body, fmt, attachment)
P = 'praktijk-wilgenhoek.nl'
DR = 'dr. M. Verhoeven <m.verhoeven@praktijk-wilgenhoek.nl>'
ASS = 'Assistentes De Wilgenhoek <assistentes@praktijk-wilgenhoek.nl>'
INFO = 'Huisartsenpraktijk De Wilgenhoek <info@praktijk-wilgenhoek.nl>'
POH = 'Sanne Kuipers (POH) <s.kuipers@praktijk-wilgenhoek.nl>'
SIG = '\n\nMet vriendelijke groet,\n\ndr. M. Verhoeven, huisarts\nHuisartsenpraktijk De Wilgenhoek\nBeukenlaan 14, 7412 KX Deventer\nT 0570-612244'
S = []
def m(*a): S.append(a)

m('referral;gp-to-specialist', '1110', DR, 'Poli Cardiologie <cardiologie@ziekenhuis-ijsselland.test>', 'Verwijzing dhr. A.J. Brouwer',
'Geachte collega,\n\nGraag verwijs ik naar u dhr. Albertus Jan Brouwer, geb. 03-11-1951, BSN «BSN».\nSinds een maand klaagt hij over drukkend gevoel op de borst bij traplopen, verdwijnt in rust. ECG in de praktijk: sinusritme, geen ST-afwijkingen. RR 158/92.\nMedicatie: amlodipine 5 mg 1dd1, simvastatine 40 mg 1dd1.\nVraagstelling: stabiele angina pectoris? Graag inspanningsonderzoek.' + SIG, 'plain;qp', None)

m('patient-mail;elderly;rambling', '0100', 'Gerrit Hofstede <g.hofstede@ziggo.example>', INFO, 'vraag',
'goede morgen dokter\n\nik wil even melden dat die nieuwe plaspillen niet goed gaan ik moet er snachts wel 4 keer uit en mijn enkels zijn nog steeds dik. mijn vrouw zegt ik moet bellen maar ik krijg altijd die bandje. de furosemide neem ik smorgens zoals u zei. moet ik er mee stoppen of niet. ook heb ik een beetje duizelig als ik opsta uit de stoel. vroeger had ik dat niet. nou ja ik hoor het wel\n\ngroeten Gerrit Hofstede', 'plain;8bit;cp', None)

m('patient-mail;short;no-punctuation', '0100', 'Kim <kimmie2003@hotmail.example>', ASS, 'pil',
'hoi ik ben mijn pil vergeten gisteren en heb seks gehad moet ik de morning after pil halen ik slik microgynon\nkim van der Zee', 'plain;8bit', None)

m('lab-result;lab-to-gp', '1110', 'Medlon Laboratorium <uitslagen@lab-medlon.example>', DR, 'Uitslag aanvraag 26-0412',
'Patiënt: Fatma Yıldız\nGeboortedatum: 17-06-1978\nBSN: «BSNdot3»\n\nHbA1c            61 mmol/mol   (ref < 53)  H\nGlucose nuchter  9,4 mmol/l    H\neGFR (CKD-EPI)   72 ml/min/1,73m2\nLDL              3,8 mmol/l    H\nKalium           4,2 mmol/l\n\nGevalideerd door: J. Oosterhof, klinisch chemicus', 'plain;qp', None)

m('gp-to-patient;reply', '0100', DR, 'Anouk Smit <anouk.smit@kpnmail.example>', 'RE: uitslag uitstrijkje',
'Beste Anouk,\n\nDe uitslag van het uitstrijkje is binnen: er is HPV gevonden maar geen afwijkende cellen. Dat betekent dat we over een jaar opnieuw een uitstrijkje maken. U hoeft nu niets te doen.\n\nHartelijke groet,\ndr. Verhoeven\n\n> Van: Anouk Smit\n> Verzonden: maandag 2 maart 2026 08:12\n> Hallo, is de uitslag van mijn uitstrijkje al bekend? Ik maak me een beetje zorgen.\n> Groet Anouk', 'plain;8bit', None)

m('pharmacy;medication-query', '0110', 'Apotheek Het Spijker <recepten@apotheek-spijker.example>', ASS, 'Interactie melding mw. Dekker',
'Goedemiddag,\n\nVoor mw. W. Dekker (geb. 22-01-1940, Molenstraat 8, Deventer) kwam een recept binnen voor claritromycine 500 mg 2dd1. Zij gebruikt ook simvastatine 40 mg. Dit is een ernstige interactie (risico op rhabdomyolyse). Kunt u overwegen de simvastatine tijdelijk te stoppen of een ander antibioticum (doxycycline) voor te schrijven?\n\nMet vriendelijke groet,\nL. Ramdin, apotheker', 'alt;qp;cp', None)

m('patient-mail;english;expat', '0100', 'James Whitfield <jwhitfield@gmail.example>', INFO, 'Repeat prescription please',
'Hi,\n\nCould I please get a repeat prescription for my sertraline 100mg? I have about five days left. Also my mood has been a bit low again since the clocks changed, nothing dramatic, but I would like to talk to the doctor about maybe upping the dose.\n\nThanks,\nJames Whitfield', 'plain;8bit', None)

m('patient-mail;polish', '0100', 'Katarzyna Nowak <kasia.nowak@wp.example>', ASS, 'Wizyta - ból brzucha',
'Dzień dobry,\n\nMam silny ból brzucha po prawej stronie od wczoraj wieczorem i gorączkę 38,6. Wymiotowałam dwa razy. Czy mogę przyjść dzisiaj? Nie mówię dobrze po holendersku, mój mąż może tłumaczyć.\n\nKatarzyna Nowak', 'plain;b64', None)

m('patient-mail;turkish;imperfect-dutch', '0100', 'Mehmet Aydın <m.aydin61@outlook.example>', ASS, 'afspraak',
'goedendag\n\nik mehmet aydin ik heb suiker ziekte en de suiker meter zegt 14 of 15 elke ochtend. de insuline ik spuit 20 eenheden. is dat goed? mijn dochter schrijft deze mail. Babam şekerinin çok yüksek olduğunu söylüyor, lütfen aramanızı rica ederiz.\n\nbedankt', 'plain;qp', None)

m('youth-care;school', '0110', 'Intern begeleider OBS De Regenboog <ib@obs-regenboog.example>', DR, 'Zorgen over leerling Daan Mulder (groep 6)',
'Geachte heer Verhoeven,\n\nMet toestemming van moeder schrijf ik u over Daan Mulder, geboren 14-05-2016. Daan is sinds de kerstvakantie erg teruggetrokken, eet zijn lunch niet op en heeft twee keer gezegd dat hij "niet meer wil leven". Moeder vertelde dat hij \'s nachts bedplast sinds de scheiding. Wij hebben het ondersteuningsteam ingeschakeld, maar willen u vragen mee te kijken of verwijzing naar de kinder-GGZ nodig is.\n\nMet vriendelijke groet,\nR. Pauwels, intern begeleider', 'html;qp', None)

m('discharge-letter;rfc822-forward', '1110', DR, 'Sanne Kuipers <s.kuipers@praktijk-wilgenhoek.nl>', 'Fwd: Ontslagbrief Interne Geneeskunde',
'Sanne, wil jij haar volgende week bellen voor een controle van de nierfunctie? Brief hieronder.\nMarco', 'rfc822', ('Ontslagbericht mw. H.G. Peeters', 'Afdeling Interne Geneeskunde <interne@ziekenhuis-ijsselland.test>', 'Ontslagbericht\n\nBetreft: mw. Hendrika Geertruida Peeters, geb. 09-08-1944\nBSN «BSNsp»\nOpname 14-02-2026 t/m 21-02-2026\n\nDiagnose: urosepsis met acute nierinsufficiëntie (kreatinine max 212 µmol/l).\nBeleid: ciprofloxacine 500 mg 2dd1 t/m 28-02. Metformine gestaakt, herstarten als eGFR > 45.\nControle nierfunctie bij de huisarts over 1 week.\n\nMet collegiale groet,\ndr. S. Bakker, internist'))

m('ggz;psychologist-to-gp', '0110', 'Praktijk voor Psychologie Vlinder <info@psycholoog-vlinder.example>', DR, 'Afsluitbrief behandeling mw. E. Jansen',
'Geachte collega,\n\nHierbij bericht ik u over de afronding van de behandeling van mw. Esther Jansen, geb. 30-03-1991, Zandweg 41, 7415 AB Deventer. Zij werd aangemeld met een paniekstoornis met agorafobie (DSM-5). Na 11 sessies CGT en exposure is de paniekfrequentie gedaald van dagelijks naar minder dan eens per maand. Escitalopram 10 mg kan volgens ons in overleg worden afgebouwd.\n\nMet vriendelijke groet,\ndrs. T. Hendriks, GZ-psycholoog', 'plain;b64;latin', ('docx', 'afsluitbrief_jansen.docx', 'AFSLUITBRIEF GGZ\nCliënt | Esther Jansen\nGeboortedatum | 30-03-1991\nAdres | Zandweg 41, 7415 AB Deventer\nDiagnose | Paniekstoornis met agorafobie\nAantal sessies | 11\nAdvies | Escitalopram 10 mg afbouwen in overleg met huisarts'))

m('insurer-request;quoted-reply', '1110', 'Machtigingen Zorgverzekeraar Delta <machtigingen@zv-delta.example>', DR, 'RE: Machtigingsaanvraag 2026-77812',
'Geachte dokter,\n\nWij hebben de aanvraag ontvangen maar missen de medische onderbouwing. Wilt u die aanvullen?\n\nAfdeling Machtigingen\n\n-----Oorspronkelijk bericht-----\nVan: dr. M. Verhoeven\nAan: Machtigingen\nOnderwerp: Machtigingsaanvraag 2026-77812\n\nHierbij de aanvraag voor een therapeutisch elastische kous voor mw. Y. Bosman, geb. 11-12-1962, burgerservicenummer «BSN», i.v.m. chronisch veneuze insufficiëntie C4 met recidiverend ulcus cruris links.', 'plain;qp;cp', None)

m('hr;sick-note;employee', '0100', 'Lotte Vermeulen <l.vermeulen@praktijk-wilgenhoek.nl>', 'Praktijkmanager <pm@praktijk-wilgenhoek.nl>', 'ziekmelding',
'Hoi Ineke,\n\nIk meld me ziek voor vandaag en morgen. Ik heb sinds vannacht een flinke migraineaanval met braken, de sumatriptan helpt niet echt. Ik laat het donderdag weten.\n\nLotte', 'plain;8bit', None)

m('occupational-physician;employer', '0110', 'Arbodienst Werkfit <bedrijfsarts@werkfit-arbo.example>', DR, 'Informatieverzoek werknemer R. Koster',
'Geachte collega,\n\nIk begeleid dhr. Ruben Koster, geb. 02-07-1983, werkzaam als heftruckchauffeur, die sinds 6 weken verzuimt met lage rugklachten met uitstraling naar het linkerbeen. Hij gaf aan dat u hem naar de neuroloog heeft verwezen en dat er een MRI gepland staat. Met zijn schriftelijke toestemming (bijgevoegd) vraag ik u naar de uitslag en het verdere beleid.\n\nMet collegiale groet,\nA. Wolters, bedrijfsarts', 'alt;b64', ('pdf', 'machtiging_koster.pdf', 'MACHTIGING\nOndergetekende Ruben Koster, geboren 02-07-1983,\nwonende Esdoornstraat 3, 7421 CP Deventer,\ngeeft toestemming aan A. Wolters, bedrijfsarts,\ninformatie op te vragen bij zijn huisarts over zijn rugklachten (hernia?).\nDatum: 24-02-2026   Handtekening: R. Koster'))

m('parent-mail;child;fever', '0110', 'Jasmijn de Groot <jasmijn.degroot@live.example>', ASS, 'Noor koorts',
'Goedemorgen,\n\nMijn dochter Noor de Groot (geb. 12-09-2023) heeft sinds zaterdag koorts tot 39,8 en trekt aan haar rechteroor. Ze drinkt wel maar eet slecht. Paracetamolzetpil 240 mg helpt een paar uur. Kunnen we vandaag langskomen? Haar patiëntnummer is 20418.\n\nGroetjes Jasmijn', 'plain;qp', None)

m('care-home;elderly;death', '0110', 'Zorgcentrum De Linde, afd. Esdoorn <esdoorn@zorgcentrum-delinde.example>', DR, 'Overlijden dhr. Van Dam',
'Beste dokter Verhoeven,\n\nVannacht om 03.40 uur is dhr. Cornelis van Dam (geb. 06-04-1932, kamer 12) rustig overleden. De familie was aanwezig. De morfinepomp liep op 20 mg/24 uur, midazolam 30 mg/24 uur. Wilt u vanochtend langskomen voor de lijkschouw? Zijn dochter, mw. Ria van Dam, is bereikbaar op 06-41237788.\n\nMet vriendelijke groet,\nEllen, EVV\'er afdeling Esdoorn', 'plain;8bit;cp', None)

m('police;records-request', '0110', 'Politie Oost-Nederland, team Deventer <recherche.deventer@politie-oost.example>', DR, 'Verzoek medische informatie i.v.m. aangifte',
'Geachte heer Verhoeven,\n\nIn het kader van een aangifte van mishandeling verzoeken wij u om een letselverklaring betreffende mevrouw Sarah Bulut, geboren 19-10-1995, wonende Kerkstraat 22b te Deventer. Zij is volgens eigen zeggen op 1 maart 2026 bij u geweest met een gebroken neus en kneuzingen aan de onderarmen. Een door haar ondertekende machtiging is bijgevoegd.\n\nHoogachtend,\nbrigadier K. Visser', 'plain;qp', None)

m('lawyer;records-request;bsn', '1110', 'Mr. P. de Haan, Advocatenkantoor De Haan & Stolk <p.dehaan@dehaan-stolk.example>', INFO, 'Opvragen medisch dossier cliënt',
'Geachte heer/mevrouw,\n\nNamens mijn cliënt, de heer Okke Terpstra (geboren 28-02-1970, BSN «BSNdot»), verzoek ik u op grond van art. 7:456 BW om een afschrift van zijn volledige medische dossier over de periode 2019-2026, in het bijzonder de verslagen betreffende zijn whiplash na het verkeersongeval van 12 juni 2021.\n\nHoogachtend,\nmr. P. de Haan', 'alt;qp;cp', None)

m('home-care;wound;nurse', '0110', 'Thuiszorg Samen <wijkteam.noord@thuiszorg-samen.example>', POH, 'Wondverslag dhr. Lammers',
'Hoi Sanne,\n\nVerslag van de wond van dhr. Bert Lammers (Populierenlaan 60): decubitus stadium 3 op de stuit, 3 x 4 cm, beslag 40%, geur. We verbinden nu met Flaminal Forte en Mepilex. Graag een consult van de dokter deze week, we vermoeden een infectie. Zijn suikers zijn ook hoger (12-16).\n\nGr. Mirjam, wijkverpleegkundige', 'plain;8bit', None)

m('out-of-hours;post-report', '1110', 'Huisartsenpost Salland <waarneming@hap-salland.example>', INFO, 'Waarneembericht HAP',
'WAARNEEMBERICHT\nPatiënt: L. (Lars) Wieringa, M, 08-01-2001\nBSN «BSNsp2»\nContact: 07-03-2026 23:14, consult post\nS: sinds 2 dagen pijn rechtsonder, misselijk, geen ontlasting.\nO: drukpijn McBurney, loslaatpijn +, T 38,2.\nE: verdenking appendicitis.\nP: ingestuurd naar SEH chirurgie Ziekenhuis IJsselland.\nArts: J. Kramer, waarnemend huisarts', 'plain;b64;latin', None)

m('dentist;medication-question', '0110', 'Tandartspraktijk Glimlach <info@tandarts-glimlach.example>', DR, 'Vraag over antistolling mw. Schouten',
'Geachte dokter,\n\nOnze patiënte mw. Greet Schouten, geb. 15-05-1949, moet drie kiezen laten trekken. Zij meldt dat zij "een bloedverdunner" gebruikt, volgens haar is het apixaban 5 mg 2 keer per dag vanwege boezemfibrilleren. Kunt u bevestigen of zij dit middel gebruikt en of het gestaakt mag worden rond de extractie?\n\nMet vriendelijke groet,\nT. Akkerman, tandarts', 'html;b64', None)

m('physio;progress', '0110', 'Fysiotherapie Beweeg <info@fysio-beweeg.example>', DR, 'Tussenrapportage mw. I. Wouters',
'Geachte collega,\n\nMw. Ilse Wouters (geb. 21-07-1987) is na 9 behandelingen voor een frozen shoulder rechts nog onvoldoende verbeterd: exorotatie 20 graden, abductie 80 graden, NRS pijn \'s nachts 7. Wij adviseren overleg over een corticosteroïdinjectie of verwijzing naar de orthopeed.\n\nMet vriendelijke groet,\nB. Nijhuis, fysiotherapeut', 'plain;qp;cp', ('pdf', 'rapportage_wouters.pdf', 'Fysiotherapie Beweeg - Tussenrapportage\nNaam: I. Wouters   Geb.: 21-07-1987\nDiagnose: capsulitis adhaesiva schouder rechts\nBehandelingen: 9\nExorotatie 20 gr, abductie 80 gr, NRS nacht 7\nAdvies: injectie of verwijzing orthopedie'))

m('municipality;wmo', '1110', 'Gemeente Deventer, Wmo-loket <wmo@gemeente-deventer.example>', DR, 'Medisch advies Wmo-aanvraag',
'Geachte heer Verhoeven,\n\nVoor de Wmo-aanvraag (scootmobiel en traplift) van de heer Hasan Demir, BSN «BSN», geb. 01-01-1958, vragen wij uw medisch advies. Aanvrager geeft aan ernstige COPD (GOLD 3) te hebben en niet meer dan 50 meter te kunnen lopen. Kunt u de beperkingen bevestigen?\n\nMet vriendelijke groet,\nConsulent Wmo, M. Bos', 'plain;qp', None)

m('neighbour;concern', '0110', 'Trudy Hoekstra <trudyhoekstra@home.example>', INFO, 'buurvrouw',
'Beste dokter,\n\nIk maak me zorgen over mijn buurvrouw mevrouw Annie Klaassen, Lindenlaan 7. Ze is sinds een paar weken erg in de war, loopt \'s avonds in haar nachtjapon op straat en herkende mij gisteren niet. Ze vergeet ook haar pillen voor het hart, de doosjes liggen vol op tafel. Haar zoon woont in Canada. Kan er iemand naar haar kijken?\n\nTrudy Hoekstra (nr. 9)', 'plain;8bit;cp', None)

m('child-of-elderly;english', '0110', 'Mark Evers <mark.evers@company.example>', DR, 'My father Jan Evers - worried',
'Dear Dr Verhoeven,\n\nI am writing from Dublin about my father, Jan Evers (born 4 March 1939, Oude Markt 3). On the phone he sounds confused and he told me he fell twice last week. He is on warfarin, so I am worried about a head injury. Could someone from the practice visit him? I am happy to be called on +353 87 555 0192.\n\nKind regards,\nMark Evers', 'alt;qp', None)

m('ukrainian;patient', '0100', 'Оксана Бондаренко <oksana.b@ukr.example>', ASS, 'Запис до лікаря',
'Добрий день!\n\nЯ вагітна, 9 тижнів, і маю сильну нудоту, не можу їсти вже три дні, блюю після кожної їжі. Мені потрібна консультація лікаря. Чи можна записатися на завтра?\n\nЗ повагою,\nОксана Бондаренко', 'plain;b64', None)

m('arabic;patient', '0100', 'Ahmad Al-Hassan <ahmad.alhassan@mail.example>', ASS, 'موعد',
'مرحبا\n\nأنا أحمد الحسن. عندي ضغط الدم المرتفع وانتهى الدواء (أملوديبين). أحتاج وصفة جديدة من فضلكم. أيضا عندي صداع قوي منذ أسبوع.\n\nشكرا', 'plain;qp', None)

m('german;patient;tourist', '0110', 'Ursula Kessler <u.kessler@web.example>', INFO, 'Notfall Termin für meinen Mann',
'Guten Tag,\n\nwir sind Urlauber aus Münster und wohnen auf dem Campingplatz De Zandkuil. Mein Mann Dieter Kessler, geb. 11.02.1955, hat seit gestern eine gerötete, heiße Schwellung am linken Unterschenkel und Fieber. Er nimmt Marcumar. Können wir heute vorbeikommen? Handy +49 171 5550387.\n\nMit freundlichen Grüßen\nUrsula Kessler', 'plain;qp;latin', None)

m('internal;staff-note;triage', '0110', ASS, DR, 'terugbelverzoek',
'Marco, wil je mw. Petra Vos terugbellen (06-22981045, geb 03-09-1967)? Ze heeft sinds gisteren bloed bij het plassen en pijn in de flank. Geen koorts. Ik heb gezegd dat je na het spreekuur belt.\nGr Anja', 'plain;8bit', None)

m('poh;diabetes-control', '0110', POH, DR, 'Overleg DM-controle dhr. Kroeze',
'Hoi Marco,\n\nDhr. Willem Kroeze, 14-01-1960, kwam vandaag voor de kwartaalcontrole. HbA1c gestegen van 54 naar 67, gewicht +4 kg, voeten: verminderde sensibiliteit links (monofilament 2/4 niet gevoeld). Hij gebruikt metformine 1000 mg 2dd1 en gliclazide 80 mg 1dd1. Zullen we insuline starten of eerst een SGLT2-remmer? Graag even overleg.\n\nSanne', 'alt;8bit', None)

m('sexual-health;std-result', '0100', DR, 'Thijs Bakker <thijsbakker99@gmail.example>', 'Uitslag onderzoek',
'Beste Thijs,\n\nUit het urineonderzoek blijkt dat u chlamydia heeft. Dit is goed te behandelen met een eenmalige kuur azitromycine 1000 mg; het recept staat klaar bij uw apotheek. Wilt u uw sekspartner(s) van de afgelopen 6 maanden waarschuwen? De GGD kan daarbij helpen.\n\nMet vriendelijke groet,\ndr. M. Verhoeven', 'plain;qp', None)

m('addiction;verslavingszorg', '0110', 'Tactus Verslavingszorg <intake@verslavingszorg-oost.example>', DR, 'Aanmelding ontvangen: dhr. S. Wijnands',
'Geachte collega,\n\nWij hebben de verwijzing ontvangen van dhr. Stefan Wijnands (geb. 25-11-1979) wegens alcoholgebruiksstoornis (ca. 14 eenheden per dag) en recent gebruik van cocaïne in het weekend. De intake staat gepland op 19 maart 2026. Gezien de eerder doorgemaakte onthoudingsinsult adviseren wij tot de intake niet zelf te stoppen en oxazepam volgens schema.\n\nMet vriendelijke groet,\nIntaketeam', 'html;qp;cp', None)

m('pregnancy;midwife', '0110', 'Verloskundigenpraktijk Moeder & Kind <info@verloskunde-mk.example>', DR, 'Zwangere mw. R. Osei - bloeddruk',
'Beste collega,\n\nMw. Rachel Osei, geb. 07-06-1994, G2P1, AD 31+2 wk, had vandaag een RR van 148/96 met eiwit in de urine (1+). Wij hebben haar ingestuurd naar de gynaecoloog voor uitsluiten pre-eclampsie. Ter info: zij gebruikt sinds de vorige zwangerschap levothyroxine 75 ug.\n\nGroet,\nHanneke, verloskundige', 'plain;b64', None)

m('disability;care-needs', '0110', 'Stichting Zorgvilla Het Anker <begeleiding@hetanker-zorg.example>', DR, 'Medicatie bewoner Kevin',
'Beste dokter,\n\nKevin Smeets (geb. 30-01-2000, bewoner unit 3) heeft een verstandelijke beperking en epilepsie. Afgelopen week had hij drie tonisch-clonische aanvallen van 2-3 minuten, terwijl hij levetiracetam 1000 mg 2dd1 krijgt. Wilt u contact opnemen met de neuroloog? Het aanvalsdagboek zit in de bijlage.\n\nMet vriendelijke groet,\nRoel, persoonlijk begeleider', 'plain;qp', ('xlsx', 'aanvalsdagboek_kevin.xlsx', 'Naam | Kevin Smeets | geb. 30-01-2000\nDatum | Tijd | Duur (min) | Type\n2026-02-26 | 07:15 | 3 | tonisch-clonisch\n2026-02-28 | 21:40 | 2 | tonisch-clonisch\n2026-03-02 | 13:05 | 2 | tonisch-clonisch'))

m('dictated;rambling;elderly', '0100', 'Riet Schipper <riet.schipper@planet.example>', INFO, 'bericht van riet',
'dokter verhoeven komma ik spreek dit in want mijn handen zijn zo stijf punt de reuma is weer erg komma vooral de vingers en knieen punt nieuwe regel de methotrexaat neem ik op zondag komma maar ik word daar zo misselijk van punt mag ik dat ook als prikje punt nieuwe regel en ik heb een blaasje op mijn lip punt groetjes riet', 'plain;8bit', None)

m('reply-chain;sensitive-only-in-quote', '0110', DR, 'Yvonne Meijer <y.meijer@kpnmail.example>', 'RE: RE: afspraak verzetten',
'Prima, dan zien we u donderdag om 10.20 uur.\n\nGroet, dr. Verhoeven\n\n-----Oorspronkelijk bericht-----\nVan: Yvonne Meijer\nVerzonden: dinsdag 3 maart 2026 19:02\nOnderwerp: RE: afspraak verzetten\n\nDonderdag kan ook. Fijn.\n\n-----Oorspronkelijk bericht-----\nVan: dr. M. Verhoeven\n\nBeste mevrouw Meijer, woensdag gaat helaas niet. Donderdag?\n\n-----Oorspronkelijk bericht-----\nVan: Yvonne Meijer\n\nIk kan woensdag niet naar de afspraak voor het verwijderen van de moedervlek op mijn rug (die u verdacht vond op melanoom). Kan het een andere dag? Ik ben geboren op 12-12-1972 voor als u mij zoekt in het systeem.', 'plain;qp', None)

m('inline-forward;specialist-letter', '1110', 'Marco Verhoeven <m.verhoeven@praktijk-wilgenhoek.nl>', 'Waarnemer <waarnemer@praktijk-wilgenhoek.nl>', 'Fwd: brief neuroloog',
'Ter info voor je dienst volgende week.\n\n-------- Doorgestuurd bericht --------\nOnderwerp: Poliklinische brief\nDatum: Fri, 27 Feb 2026 14:02:11 +0100\nVan: Neurologie <neurologie@ziekenhuis-ijsselland.test>\n\nBetreft: Mw. Joke Mulder-Arends, 18-04-1956, BSN «BSNdot3»\nConclusie: ziekte van Parkinson, akinetisch-rigide type.\nBeleid: start levodopa/benserazide 62,5 mg 3dd1, over 3 maanden controle.', 'plain;8bit', None)

m('ics;appointment;specialist', '0110', ASS, 'Hans Postma <h.postma@xs4all.example>', 'Bevestiging afspraak oogarts',
'Beste heer Postma,\n\nHierbij de bevestiging van uw afspraak bij de oogarts (controle diabetische retinopathie) die wij voor u hebben gemaakt. In de bijlage vindt u de agenda-uitnodiging.\n\nMet vriendelijke groet,\nAssistentes De Wilgenhoek', 'plain;qp', ('ics', 'afspraak_oogarts.ics', ('Oogarts - controle diabetische retinopathie - H. Postma', 'Patiënt: Hans Postma, geb. 22-10-1958\\nReden: jaarlijkse fundusfoto, diabetes type 2\\nNeem uw bril en medicatielijst mee', '20260316T093000', 'Ziekenhuis IJsselland, Oogheelkunde, route 42')))

m('csv;recall-list;internal', '1110', POH, DR, 'Lijst griepprik risicogroep niet gekomen',
'Hierbij de lijst van patiënten uit de risicogroep die niet zijn geweest, om na te bellen.', 'plain;8bit', ('csv', 'niet_gekomen_griepprik.csv', 'patientnr;naam;geboortedatum;bsn;indicatie\n10422;E. Bos;1948-03-11;«BSN»;COPD\n10877;K. Arslan;1961-09-30;«BSN2»;diabetes mellitus\n11203;G. Timmer;1939-12-02;;hartfalen'))

m('vcf;contact-card;patient', '0110', ASS, 'Thuiszorg Samen <planning@thuiszorg-samen.example>', 'Contactgegevens nieuwe cliënt',
'Hoi,\n\nZoals telefonisch besproken: in de bijlage de contactgegevens van de nieuwe cliënt voor het dagelijks aantrekken van de steunkousen (chronisch veneuze insufficiëntie, ulcus cruris in de voorgeschiedenis). Kunnen jullie vanaf maandag starten?\n\nGroet, Anja', 'plain;8bit', ('vcf', 'clara_wessels.vcf', ['FN:Clara Wessels', 'N:Wessels;Clara;;;', 'BDAY:1943-05-19', 'ADR;TYPE=home:;;Kastanjelaan 19;Deventer;;7413 DG;NL', 'TEL;TYPE=home:0570-633921']))

m('odt;referral;youth-care', '1110', 'Jeugdteam Deventer <jeugdteam@gemeente-deventer.example>', DR, 'Overdracht jeugdige',
'Geachte huisarts,\n\nBijgaand het overdrachtsdocument van de jeugdige die naar uw praktijk is verhuisd. Het document bevat gevoelige informatie; wij verzoeken u het zorgvuldig te bewaren.\n\nJeugdteam Deventer', 'plain;qp', ('odt', 'overdracht_jeugdige.odt', 'OVERDRACHT JEUGDHULP\nNaam: Milan Hoekman\nGeboortedatum: 04-02-2012\nBSN: «BSN»\nAdres: Wilhelminastraat 88, 7411 HZ Deventer\nProblematiek: ADHD, gecombineerd type; gedragsproblemen thuis; vermoeden van huiselijk geweld (Veilig Thuis melding 2025).\nMedicatie: methylfenidaat retard 36 mg 1dd1.\nHulpverlening: gezinsbehandeling afgerond, traumabehandeling geïndiceerd.'))

m('enczip;unscannable;specialist', '1111', 'Secretariaat Longziekten <longziekten@ziekenhuis-ijsselland.test>', DR, 'Beveiligd: longfunctie-uitslagen',
'Geachte collega,\n\nIn de beveiligde bijlage treft u de longfunctie-uitslagen van uw patiënt aan. Het wachtwoord ontvangt u per sms.\n\nSecretariaat Longziekten', 'plain;qp', ('enczip', 'longfunctie.zip', [('longfunctie_de_bruin.txt', 'Patiënt: Gerda de Bruin, geb. 02-02-1950, BSN «BSN»\nFEV1 1,12 L (48% voorspeld), FEV1/FVC 0,52\nConclusie: COPD GOLD 3\n')]))

m('encpdf;unscannable;lab', '0001', 'Medlon Laboratorium <uitslagen@lab-medlon.example>', DR, 'Beveiligde uitslag (wachtwoord apart verstuurd)',
'Geachte dokter,\n\nDe uitslag is als beveiligde PDF bijgevoegd. U ontvangt het wachtwoord via een apart bericht.\n\nMedlon Laboratorium', 'plain;8bit', ('encpdf', 'uitslag_260311.pdf', 'Uitslag'))

m('truncated-docx;unscannable;patient', '0011', 'Bart Lemmens <bart.lemmens@hetnet.example>', INFO, 'formulier',
'Hierbij het ingevulde formulier.\nBart', 'plain;8bit', ('truncdocx', 'formulier_ingevuld.docx', 'Inschrijfformulier\nNaam | Bart Lemmens\nGeboortedatum | 14-04-1988\nAdres | Slingerweg 9, Deventer'))

# sensitive messages part 2
m('subject-bsn;internal', '1000', ASS, 'Administratie <administratie@praktijk-wilgenhoek.nl>', 'Inschrijving controleren BSN «BSN»',
'Kun jij deze inschrijving controleren in het systeem? Het nummer staat in het onderwerp. Verder geen bijzonderheden.\nAnja', 'plain;8bit', None)

m('bsn-in-filename;insurer', '1000', 'Declaraties De Wilgenhoek <declaraties@praktijk-wilgenhoek.nl>', 'Zorgverzekeraar Delta <declaraties@zv-delta.example>', 'Retourinformatie declaratie',
'Geachte heer/mevrouw,\n\nBijgaand het gevraagde bestand met de correctie.\n\nMet vriendelijke groet,\nAdministratie', 'plain;8bit', ('txt', 'correctie_«BSN».txt', 'Correctie declaratieregel 14: prestatiecode 13001 vervangen door 13002.\n'))

m('registration;dossier-transfer;pdf-reverse', '1110', 'Huisartsenpraktijk Zuiderpark <info@praktijk-zuiderpark.nl>', INFO, 'Dossieroverdracht dhr. P. Smulders',
'Geachte collega,\n\nIn verband met verhuizing hierbij het samenvattend dossier van dhr. Pieter Smulders. Het volledige dossier volgt via Edifact.\n\nMet collegiale groet,\nHuisartsenpraktijk Zuiderpark', 'plain;qp', ('pdfrev', 'samenvatting_smulders.pdf', 'SAMENVATTEND DOSSIER\nNaam: Pieter Smulders   Geb.: 10-10-1966\nBSN: «BSN»\nAdres: Bergweg 2, 3082 AA Rotterdam\nEpisodes:\nK86 Essentiële hypertensie (2014)\nP76 Depressie (2019, in remissie)\nMedicatie: losartan 50 mg 1dd1\nAllergie: penicilline (exantheem)'))

m('xlsx;bsn-numeric-cell;poh-list', '1110', POH, 'dr. M. Verhoeven <m.verhoeven@praktijk-wilgenhoek.nl>', 'CVRM overzicht Q1',
'Hoi Marco, hier het overzicht van de CVRM-patiënten met te hoge bloeddruk voor het MDO.\nSanne', 'plain;8bit', ('xlsx', 'cvrm_q1.xlsx', 'BSN | Naam | Geb.datum | RR systolisch | Medicatie\n«BSN» | Doornbos, H. | 1955-06-12 | 168 | perindopril 4 mg\n«BSN2» | Kaya, S. | 1970-02-27 | 159 | amlodipine 10 mg'))

m('docx-split-runs;gp-letter', '1110', DR, 'GGZ Oost, aanmelding <aanmelding@ggz-oost.example>', 'Verwijzing GGZ',
'Geachte collega,\n\nBijgaand de verwijsbrief voor de basis-GGZ.\n\nMet collegiale groet,\ndr. M. Verhoeven', 'alt;b64', ('docxsplit', 'verwijzing_ggz.docx', 'VERWIJSBRIEF GGZ\nPatiënt: Lieke Brandsma, 11-08-1998\nBSN «BSN»\nReden: depressieve episode, matig ernstig, met passieve doodsgedachten zonder plan.\nEerder: sertraline 50 mg, gestopt wegens bijwerkingen.\nVerzoek: diagnostiek en behandeling in de specialistische GGZ.'))

m('html-entities;bsn', '1110', 'Afdeling Radiologie <radiologie@ziekenhuis-ijsselland.test>', DR, 'Verslag echo abdomen',
'Patiënt: Koen Veldman, geb. 05-05-1985\nBSN: «BSN»\nVerslag echo bovenbuik: galblaas met meerdere concrementen tot 14 mm, wand niet verdikt. Lever, pancreas en nieren zonder afwijkingen.\nConclusie: cholecystolithiasis.\nradioloog: dr. E. Sanders', 'html;qp;ent', None)

m('html-span-split;bsn', '1110', 'Poli Dermatologie <dermatologie@ziekenhuis-ijsselland.test>', DR, 'PA-uitslag excisie',
'Geachte collega,\n\nUitslag PA van mw. Tineke Boersma, geb. 29-09-1961, burgerservicenummer «BSN»: basaalcelcarcinoom, nodulair type, radicaal verwijderd (marge 3 mm). Geen verdere behandeling nodig, jaarlijkse huidcontrole.\n\ndr. F. Leeuwis, dermatoloog', 'alt;qp;span', None)

m('qp-softbreak-in-bsn;discharge', '1110', 'Afdeling Orthopedie <orthopedie@ziekenhuis-ijsselland.test>', DR, 'Ontslagbrief TKP',
'Geachte collega, hierbij de ontslagbrief van uw patiënt dhr. Jacobus (Koos) Meulenbelt, geboren 17-03-1948, met BSN «BSN» die op 02-03-2026 een totale knieprothese rechts heeft gekregen. Beloop ongecompliceerd. Tromboseprofylaxe: nadroparine 2850 IE 1dd1 gedurende 6 weken. Hechtingen verwijderen dag 12 bij de huisarts.', 'plain;qp;qpsoft', None)

m('hard-linebreak-bsn;patient-form', '1010', 'Desiree Kok <desiree.kok@gmail.example>', INFO, 'inschrijven bij jullie praktijk',
'Hallo,\n\nIk wil me graag inschrijven. Mijn gegevens:\nDesiree Kok, geboren 8 juni 1990\nadres Vossenlaan 12, 7414 BR Deventer\nmijn bsn is «BSN3a»\n«BSN3b»\nVorige huisarts: praktijk Zuiderpark in Rotterdam.\n\nGroetjes Desiree', 'plain;8bit', None)

m('nested-rfc822;two-deep', '1110', DR, 'Sanne Kuipers <s.kuipers@praktijk-wilgenhoek.nl>', 'Fwd: Fwd: uitslag holter',
'Sanne, zie de doorgestuurde mail van de cardioloog (die zat weer in een doorgestuurde mail van de secretaresse). Graag inplannen.', 'nested', ('Holter-uitslag dhr. R. Zijlstra', 'Functieafdeling Cardiologie <functie.cardio@ziekenhuis-ijsselland.test>', 'Holter 24 uur\nPatiënt: Rienk Zijlstra, 21-06-1952, BSN «BSNdot»\nBasisritme sinusritme, 3 episodes paroxysmaal atriumfibrilleren, langste 42 min.\nAdvies: CHA2DS2-VASc 3, start DOAC, verwijzing poli.'))

m('zip;nested-zip;lab-export', '1110', 'Medlon Laboratorium <export@lab-medlon.example>', DR, 'Export uitslagen februari',
'Geachte dokter,\n\nBijgaand de gevraagde export (zip in zip i.v.m. de mailserver).\n\nMedlon', 'plain;8bit', ('zipzip', 'export_feb.zip', [('uitslagen.csv', 'bsn;naam;geboortedatum;test;waarde;eenheid\n«BSN»;M. Hermans;1972-04-04;TSH;8,9;mU/l\n«BSN2»;L. Rutten;1981-11-19;ferritine;6;ug/l\n')]))

m('zip;docs;care-home', '0110', 'Zorgcentrum De Linde <administratie@zorgcentrum-delinde.example>', DR, 'Documenten nieuwe bewoner',
'Beste dokter,\n\nIn de zip de medicatieoverzichten en het zorgplan van onze nieuwe bewoner. Zij komt vrijdag.\n\nMet vriendelijke groet,\nAdministratie De Linde', 'plain;qp', ('zip', 'nieuwe_bewoner.zip', [('medicatie.txt', 'Bewoner: Aaltje Bosch, geb. 23-12-1936\nMedicatie: donepezil 10 mg 1dd1, metoprolol 50 mg 1dd1, macrogol 1dd1\nDiagnose: M. Alzheimer, hartfalen NYHA II\n'), ('zorgplan.txt', 'Valrisico hoog, hulp bij ADL, inco-materiaal.\n')]))

m('employer;hr;payslip-like', '0010', 'Salarisadministratie <salaris@administratiekantoor.example>', 'Praktijkmanager <pm@praktijk-wilgenhoek.nl>', 'Loonstroken maart',
'Beste Ineke,\n\nHierbij de gegevens voor de loonstroken van maart. Let op: bij Fleur is het nieuwe adres verwerkt.\n\nFleur Dijkman, Wilgenweg 3, 7431 AB Diepenveen, geb. 14-10-1997, IBAN NL52 RABO 0312 4456 90, bruto € 2.940,-\nLotte Vermeulen, Parkstraat 12-2, 7411 GH Deventer, geb. 01-06-1985, bruto € 3.420,-\n\nGroet, Karin', 'plain;qp', None)

m('long-rambling;elderly;cp', '0110', 'A. van den Berg <avdberg1938@kpnmail.example>', INFO, 'Mijn man',
'Geachte dokter,\n\nIk schrijf u omdat ik het niet meer weet met mijn man Gerard, u kent hem wel, hij is 88 geworden in januari. Sinds de operatie aan zijn prostaat vorig jaar gaat het niet meer zoals het was. Hij plast nog steeds in zijn broek, ook overdag, en hij schaamt zich zo dat hij niet meer naar de biljartclub gaat. Verder slaapt hij slecht, hij ligt te piekeren en zegt soms dat het zo niet hoeft voor hem. Dat vind ik eng om te horen. De tabletjes die hij van de uroloog kreeg (ik denk dat het Vesicare heet, de kleine gele) helpen niet veel en hij krijgt er een droge mond van. Onze dochter zegt dat ik het u moet schrijven omdat hij het zelf niet zal vertellen als hij bij u is. Misschien kunt u een keer langskomen, we wonen nog steeds aan de Rozenstraat 31. Ik hoop dat u het niet erg vindt dat ik dit schrijf.\n\nMet vriendelijke groeten,\nAnnie van den Berg', 'plain;qp;cp', None)

m('teen;contraception;short', '0100', 'sophie <sophie.b2009@gmail.example>', ASS, 'vraagje',
'hallo kan ik zonder mijn ouders een afspraak maken voor de pil? ik ben 16. ik heb ook heel veel pijn bij ongesteldheid\nsophie bakker', 'plain;8bit', None)

m('reply;gp-to-patient;english', '0100', DR, 'Lena Fischer <lena.fischer@proton.example>', 'Re: Iron levels',
'Dear Ms Fischer,\n\nYour ferritin came back at 9 ug/l, which is low and fits with the tiredness you described. I have prescribed ferrous fumarate 200 mg once daily for three months; please take it with orange juice rather than tea. We will recheck your blood in 8 weeks.\n\nKind regards,\nDr Verhoeven\n\nOn 2 Mar 2026, Lena Fischer wrote:\n> Hello, are my blood results back yet?', 'alt;qp', None)

m('rfc822;insurer;pdf', '1110', 'Zorgverzekeraar Delta, Medisch Adviseur <medischadviseur@zv-delta.example>', DR, 'Verzoek aanvullende informatie bariatrie',
'Geachte collega,\n\nZie de doorgestuurde aanvraag van het ziekenhuis en de bijlage. Kunt u de BMI-historie aanvullen?\n\nMedisch adviseur', 'rfc822pdf', ('Aanvraag bariatrische chirurgie', 'Obesitascentrum <aanvraag@ziekenhuis-ijsselland.test>', 'Aanvraag toestemming gastric bypass\nPatiënt: Naima El Idrissi, geb. 16-01-1984, BSN «BSN»\nBMI 43,1 met diabetes type 2 en OSAS.\nScreening multidisciplinair akkoord.'))

m('pdf-page3;gp-summary', '1110', DR, 'Medisch Adviseur UWV <medischadviseur@uwv-regio.example>', 'Informatie in het kader van WIA-beoordeling',
'Geachte collega,\n\nMet toestemming van betrokkene treft u in de bijlage de gevraagde informatie aan.\n\nMet collegiale groet,\ndr. M. Verhoeven', 'plain;8bit', ('pdflong', 'informatie_wia.pdf', 'INFORMATIE TEN BEHOEVE VAN WIA-BEOORDELING\nBetreft: Hendrik Jan Scholten, geb. 03-03-1969\nBSN: «BSN»\nDiagnosen: CVA (2024) met restverschijnselen rechterarm, afasie; depressieve klachten.\nMedicatie: clopidogrel 75 mg, atorvastatine 40 mg, citalopram 20 mg.'))

m('internal;whatsapp-like;no-caps', '0110', 'fleur dijkman <f.dijkman@praktijk-wilgenhoek.nl>', 'Anja <assistentes@praktijk-wilgenhoek.nl>', 'mw jansen',
'anja mw tiny jansen 06-19283746 belde nog, ze wil uitslag van de ctscan van haar hoofd weten, ik heb gezegd dat dokter belt. ze was erg overstuur, heeft toch die hersentumor angst', 'plain;8bit', None)

m('carer;mantelzorger;dementia', '0110', 'Robert Lammers <r.lammers@lammersbouw.example>', DR, 'Vader Bert Lammers - wilsverklaring',
'Beste dokter,\n\nNaar aanleiding van het gesprek over mijn vader Bert Lammers (geb. 10-07-1941, Populierenlaan 60): hij wil niet meer gereanimeerd worden en ook niet meer naar het ziekenhuis voor de wond. Zijn dementie gaat hard achteruit. Kunnen we een afspraak maken om de wilsverklaring en het niet-reanimeren-beleid vast te leggen?\n\nGroet,\nRobert Lammers', 'alt;b64;cp', None)

m('cancer;oncology;letter', '0110', 'Poli Oncologie <oncologie@ziekenhuis-ijsselland.test>', DR, 'Bespreking MDO mamma',
'Geachte collega,\n\nIn het MDO van 4 maart is uw patiënte mw. Marloes Kamphuis, geb. 26-02-1976, besproken. Diagnose: invasief ductaal carcinoom links, cT2N1M0, ER+/HER2-. Voorstel: neoadjuvante chemotherapie gevolgd door mastectomie. Patiënte is hierover vandaag geïnformeerd en was zeer aangeslagen; wij adviseren u contact op te nemen.\n\ndr. W. de Vries, oncoloog', 'plain;qp', None)

m('hiv;sexual-health;ggd', '0110', 'GGD Centrum Seksuele Gezondheid <csg@ggd-ijsselland.example>', DR, 'Doorverwijzing na positieve test',
'Geachte collega,\n\nMet toestemming van cliënt informeren wij u dat dhr. Youssef Amrani (geb. 13-08-1996) op onze poli een positieve HIV-test had (bevestigd, viral load 84.000 kopieën/ml). Hij is verwezen naar het HIV-behandelcentrum. PrEP werd eerder niet gebruikt.\n\nCSG, arts infectieziektebestrijding', 'html;b64', None)

m('lab-critical;phone-followup;english', '0110', 'Laboratory Night Desk <nightdesk@lab-medlon.example>', INFO, 'CRITICAL VALUE - please call patient',
'Critical value notification\nPatient: Oliver Grant, DOB 1990-12-01\nPotassium 6.9 mmol/L (haemolysis excluded)\nRequesting GP: Dr M. Verhoeven\nPlease contact patient urgently. Lab phone 0570-599100.', 'plain;8bit', None)

m('forward-inline;patient-to-practice;pharmacy', '0110', 'Ingrid Post <ingrid.post@ziggo.example>', ASS, 'Fwd: Uw herhaalmedicatie',
'Hallo, de apotheek zegt dat ik een nieuw recept nodig heb, kunnen jullie dat regelen?\nIngrid Post\n\n---------- Forwarded message ---------\nFrom: Apotheek Het Spijker <noreply@apotheek-spijker.example>\nSubject: Uw herhaalmedicatie\n\nBeste mevrouw I. Post (geb. 03-04-1959),\nVoor de volgende middelen is een nieuw recept nodig: levothyroxine 100 ug, omeprazol 20 mg, alendroninezuur 70 mg 1x per week.\nApotheek Het Spijker', 'plain;qp', None)

m('ics;appointment;poh-ggz', '0110', 'POH-GGZ Jeroen Aalbers <j.aalbers@praktijk-wilgenhoek.nl>', 'Melissa Brink <melissabrink@gmail.example>', 'Uitnodiging: vervolggesprek',
'Hoi Melissa,\n\nZoals afgesproken de uitnodiging voor ons volgende gesprek. Probeer tot die tijd het slaapdagboek bij te houden.\n\nGroet, Jeroen', 'plain;8bit', ('ics', 'gesprek.ics', ('Vervolggesprek POH-GGZ - M. Brink (burn-out, slaapproblemen)', 'Melissa Brink, geb. 17-02-1993\\nGesprek 4 van 8: burn-outklachten en slapeloosheid', '20260318T140000', 'Huisartsenpraktijk De Wilgenhoek, kamer 3')))

m('care-home;medication-list;docx-table', '0110', 'Zorgcentrum De Linde <verpleging@zorgcentrum-delinde.example>', DR, 'Medicatiereview bewoners afdeling Eik',
'Beste dokter,\n\nVoor de medicatiereview van donderdag de overzichten in de bijlage.\n\nGroet, team Eik', 'plain;qp', ('docx', 'medicatiereview_eik.docx', 'Medicatiereview afdeling Eik, maart 2026\nBewoner | Geb.datum | Middel | Dosering | Opmerking\nJ. Veenstra | 12-02-1935 | haloperidol | 0,5 mg 2dd1 | onrust, valt vaak\nT. Meijerink | 30-06-1941 | temazepam | 10 mg a.n. | afbouwen?\nH. Lubbers | 09-09-1938 | furosemide | 40 mg 1dd1 | oedeem enkels'))

m('xlsx;numeric-bsn-cell;patient-list', '1010', 'Administratie <administratie@praktijk-wilgenhoek.nl>', 'Huisartsenpraktijk Zuiderpark <info@praktijk-zuiderpark.nl>', 'Uitgeschreven patiënten ivm verhuizing',
'Beste collega\'s,\n\nDeze patiënten zijn naar jullie regio verhuisd en bij ons uitgeschreven. Graag bevestiging van inschrijving.\n\nAdministratie De Wilgenhoek', 'plain;8bit', ('xlsx', 'uitgeschreven.xlsx', 'Naam | Geboortedatum | BSN | Nieuw adres\nFam. Koerts, Jelle | 1989-05-05 | «BSN» | Laan van Nul 4, Rotterdam\nKoerts-Brand, Eva | 1991-01-22 | «BSN2» | Laan van Nul 4, Rotterdam'))

m('patient;bsn-no-keyword;insurance-question', '1010', 'P. Hendriks <p.hendriks@telfort.example>', 'Administratie <administratie@praktijk-wilgenhoek.nl>', 'nota klopt niet',
'Goedendag, ik kreeg een rekening van jullie maar ik ben gewoon verzekerd bij Delta. Mijn nummer: «BSNdash». Kunnen jullie het opnieuw declareren? Groet, Hendriks', 'plain;8bit', None)

m('mental-health;crisis;internal', '0110', DR, 'Crisisdienst GGZ Oost <crisisdienst@ggz-oost.example>', 'Spoed: beoordeling dhr. T. de Ruiter',
'Collega,\n\nZoals telefonisch besproken: dhr. Tim de Ruiter, geb. 02-12-1988, Nieuwe Markt 5-3 Deventer, sinds 3 dagen niet geslapen, grootheidsideeën, heeft zijn spaargeld weggegeven. Bekend met bipolaire stoornis, lithium vorige maand zelf gestopt. Vriendin (06-55218890) is bij hem. Graag vandaag beoordeling.\n\ndr. M. Verhoeven', 'plain;qp', None)

m('euthanasia;scen;confidential', '0110', DR, 'SCEN-arts dr. B. Huisman <b.huisman@scen-regio.example>', 'Consultatieverzoek',
'Geachte collega,\n\nGraag vraag ik u als SCEN-arts voor een consultatie bij mw. Johanna (Jo) Wissink, geb. 01-05-1946, Dorpsstraat 44 Olst. Zij heeft een gemetastaseerd pancreascarcinoom, is bedlegerig en heeft herhaaldelijk en weloverwogen om euthanasie verzocht. Palliatieve sedatie is besproken maar zij wijst dit af.\n\nMet collegiale groet,\ndr. M. Verhoeven', 'alt;qp;cp', None)

m('youth;jgz;vaccination-refusal', '0110', 'Jeugdgezondheidszorg GGD <jgz@ggd-ijsselland.example>', DR, 'Overdracht JGZ: groeiachterstand',
'Geachte collega,\n\nBij het consultatiebureau zien wij bij Amira Haddad (geb. 15-07-2024) een afbuigende gewichtscurve van P25 naar P3 in 4 maanden, met frequent spugen. Ouders weigeren tot nu toe vaccinaties. Wij verwijzen voor verdere beoordeling naar u.\n\nJGZ-arts H. Brinkman', 'plain;b64', None)

m('polish;carer;imperfect-dutch', '0110', 'Agnieszka Wójcik <aga.wojcik@onet.example>', INFO, 'pani Kremer',
'Goede dag\nIk ben Agnieszka, ik verzorg mevrouw Lies Kremer in huis (Eikenlaan 2). Zij is gisteren gevallen en haar pols is heel dik en blauw, zij kan niet bewegen. Ze is 91 jaar. Moet ze naar de ziekenhuis? Przepraszam za mój holenderski.\nAga', 'plain;qp', None)

m('child-of-elderly;medication-confusion', '0110', 'Monique Reinders <monique.reinders@upcmail.example>', ASS, 'Medicijnen moeder',
'Hallo,\n\nIk ben de dochter van mw. Greetje Reinders (Merelstraat 14). Ze heeft twee doosjes met "plaspillen" staan, een witte en een gele, en weet niet meer welke ze moet nemen. Ook zegt ze dat de "hartpil" op is. Zou de huisarts het medicijnoverzicht naar mij willen sturen? Ze vindt dat goed.\n\nMonique', 'plain;8bit;cp', None)

m('school;absence;medical-reason', '0110', 'Verzuimcoördinator Het Vlier College <verzuim@vliercollege.example>', DR, 'Langdurig verzuim leerling',
'Geachte huisarts,\n\nLeerling Bram Oosting, klas 3B, geboren 09-04-2011, is sinds november 38 dagen afwezig geweest. Moeder geeft aan dat hij ME/CVS heeft en bij u onder behandeling is. Met toestemming van ouders (bijgevoegd) vraag ik of u dit kunt bevestigen, zodat we een aangepast rooster kunnen maken.\n\nMet vriendelijke groet,\nmw. C. Groen, verzuimcoördinator', 'plain;qp', None)

m('bsn-spaces;out-of-hours', '1110', 'Huisartsenpost Salland <waarneming@hap-salland.example>', INFO, 'Visite verslag nacht',
'Visite 05-03-2026 02:10\nNaam: mw. D. Kuiper-Smit, 12-11-1929\nBSN: «BSNsp»\nReden: benauwd, bekend hartfalen, crepitaties beiderzijds.\nBeleid: furosemide 40 mg iv, familie wil geen opname, palliatief beleid conform wens.\nGraag morgen contact met familie.', 'plain;qp;lf', None)

m('consent-form;docx;bsn-runs', '1110', 'Secretariaat KNO <kno@ziekenhuis-ijsselland.test>', DR, 'Operatieverslag en toestemming',
'Geachte collega, bijgaand het operatieverslag.', 'plain;8bit', ('docxsplit', 'operatieverslag.docx', 'Operatieverslag\nPatiënt | Sem Ploeg\nGeboortedatum | 22-02-2019\nBSN | «BSN»\nIngreep | adenotomie en trommelvliesbuisjes beiderzijds\nIndicatie | recidiverende otitis media met effusie, gehoorverlies 30 dB'))

m('german;specialist;cross-border', '0110', 'Klinikum Grenzland, Innere Medizin <innere@klinikum-grenzland.example>', DR, 'Arztbrief Ihres Patienten',
'Sehr geehrter Herr Kollege,\n\nwir berichten über Ihren Patienten Herrn Wim Nijenhuis, geb. 30.09.1963, der vom 01.03. bis 04.03.2026 bei uns stationär behandelt wurde. Diagnose: akute Pankreatitis, ethylischer Genese. Lipase max. 2400 U/l. Wir empfehlen strikte Alkoholkarenz.\n\nMit kollegialen Grüßen\nDr. med. K. Brandt, Oberarzt', 'plain;qp;latin', None)

m('turkish;family;pregnancy', '0110', 'Elif Şahin <elif.sahin@hotmail.example>', ASS, 'Gebelik testi pozitif',
'Merhaba,\n\nBen Elif Şahin, doğum tarihi 04.04.1999. Evde gebelik testi yaptım, pozitif çıktı. Son adet tarihim 20 Ocak. Biraz kanama var, endişeliyim. Ebe ile randevu almak istiyorum ama önce doktorla konuşabilir miyim?\n\nTeşekkürler', 'plain;b64', None)

m('police;missing-person;bsn', '1110', 'Politie Oost-Nederland <meldkamer.oost@politie-oost.example>', INFO, 'Vermissing - verzoek om informatie',
'Geachte huisarts,\n\nWij zoeken dhr. Frank Bolkestein, geboren 07-07-1975, BSN «BSNdot3». Familie meldt dat hij insuline-afhankelijk is en zijn medicatie niet bij zich heeft. Kunt u bevestigen welke medicatie hij gebruikt en of er suïcidaal risico bekend is? Dit i.v.m. levensgevaar.\n\nMeldkamer Oost', 'plain;8bit', None)

m('pharmacy;medication-overview;pdf', '1110', 'Apotheek Het Spijker <recepten@apotheek-spijker.example>', DR, 'Medicatieoverzicht t.b.v. medicatiebeoordeling',
'Bijgaand het actuele medicatieoverzicht voor het FTO.', 'plain;8bit', ('pdfz', 'medicatieoverzicht.pdf', 'MEDICATIEOVERZICHT\nPatiënt: B.W. (Bernard) Schuurman  geb. 14-02-1944\nBSN «BSNsp»\nacenocoumarol 1 mg volgens schema trombosedienst\nbisoprolol 2,5 mg 1dd1\nspironolacton 25 mg 1dd1\nmetformine 850 mg 2dd1\ntamsulosine 0,4 mg 1dd1'))

m('html-table;lab-overview', '0110', 'Trombosedienst Oost <trombosedienst@trombose-oost.example>', DR, 'INR buiten therapeutisch bereik',
'Patiënt | Geb.datum | INR | Streef\nJ. Kleinsman | 02-08-1946 | 5,8 | 2,5-3,5\nA. Lindeboom | 16-10-1939 | 1,4 | 2,0-3,0', 'htmltable;qp', None)

# clean messages
C = []
def c(*a): C.append(a)
c('newsletter;generic-health-info', '0000', INFO, 'undisclosed-recipients:;', 'Griepprik 2026: zo werkt het dit jaar',
'Beste patiënten,\n\nDe griepprik wordt dit jaar gegeven op zaterdag 17 oktober tussen 9.00 en 13.00 uur. Bent u 60 jaar of ouder, of heeft u een chronische aandoening zoals diabetes, COPD of hartfalen, dan krijgt u een uitnodiging. Neem uw uitnodiging en legitimatie mee. U hoeft geen afspraak te maken.\n\nHet team van De Wilgenhoek', 'alt;qp;cp', None)
c('supplier-invoice;elf-number', '0000', 'Medische Groothandel Vermeer <facturen@vermeer-medical.example>', 'Administratie <administratie@praktijk-wilgenhoek.nl>', 'Factuur «ELF1»',
'Geachte klant,\n\nIn de bijlage vindt u factuur «ELF1» voor uw bestelling van 28-02-2026 (ordernummer «FAIL1»). Betaling binnen 30 dagen op NL91 ABNA 0417 1643 00 o.v.v. het factuurnummer.\n\nMet vriendelijke groet,\nVermeer Medical BV\nKvK 30124578', 'plain;8bit', ('pdf', 'factuur_«ELF1».pdf', 'FACTUUR «ELF1»\nVermeer Medical BV\nHandschoenen nitril M, 10 doos       EUR 89,50\nSpatels hout, 5 x 100                EUR 12,75\nUrinestrips Combur-10, 2 x           EUR 64,00\nTotaal incl. btw                     EUR 200,76\nArtikelnummer handschoenen: «ELF2»'))
c('it-helpdesk;ticket', '0000', 'Servicedesk ZorgICT <servicedesk@zorgict.example>', 'Anja <assistentes@praktijk-wilgenhoek.nl>', 'Ticket «FAIL2» opgelost: printer spreekkamer 2',
'Beste Anja,\n\nUw melding over de labelprinter in spreekkamer 2 is opgelost: de driver is opnieuw geïnstalleerd. Mocht het probleem terugkomen, reageer dan op deze mail met het ticketnummer.\n\nServicedesk ZorgICT', 'html;b64', None)
c('practice-meeting;agenda', '0000', 'Praktijkmanager <pm@praktijk-wilgenhoek.nl>', 'Team De Wilgenhoek <team@praktijk-wilgenhoek.nl>', 'Agenda teamoverleg dinsdag',
'Hoi allemaal,\n\nAgenda voor dinsdag 12.30 uur:\n1. Vakantieplanning zomer\n2. Nieuwe telefooncentrale (keuzemenu)\n3. Protocol wratten aanstippen - wie doet de scholing?\n4. Rondvraag\n\nNeem je eigen lunch mee, er is soep.\nIneke', 'plain;8bit', None)
c('out-of-office', '0000', DR, 'Poli Cardiologie <cardiologie@ziekenhuis-ijsselland.test>', 'Automatisch antwoord: Verwijzing',
'Ik ben afwezig tot en met 15 maart. Voor dringende zaken kunt u contact opnemen met mijn collega dr. K. Oudshoorn via 0570-612244.\n\nMarco Verhoeven', 'plain;8bit', None)
c('roster;staff-names', '0000', 'Praktijkmanager <pm@praktijk-wilgenhoek.nl>', 'Team De Wilgenhoek <team@praktijk-wilgenhoek.nl>', 'Rooster week 12',
'Maandag: Anja, Fleur (balie) / dr. Verhoeven, dr. Oudshoorn\nDinsdag: Lotte, Fleur / dr. Verhoeven\nWoensdag: Anja / dr. Oudshoorn, Sanne POH\nDonderdag: Lotte, Anja / beide artsen\nVrijdag: Fleur / dr. Oudshoorn\n\nRuilen graag via mij.', 'plain;8bit', ('xlsx', 'rooster_wk12.xlsx', 'Dag | Balie | Arts | POH\nma | Anja, Fleur | Verhoeven, Oudshoorn | \ndi | Lotte, Fleur | Verhoeven | \nwo | Anja | Oudshoorn | Sanne\ndo | Lotte, Anja | Verhoeven, Oudshoorn | \nvr | Fleur | Oudshoorn | Sanne'))
c('anonymised-case;education', '0000', 'Nascholing Huisartsen Oost <nascholing@hao-oost.example>', DR, 'Casus voor de intervisie',
'Beste collega\'s,\n\nVoor de intervisie van donderdag een casus ter voorbereiding: een vrouw van middelbare leeftijd komt voor de derde keer met moeheid en diffuse pijn. Labonderzoek (Hb, TSH, glucose) was normaal. Hoe gaan jullie om met somatisch onvoldoende verklaarde klachten en wanneer verwijs je?\n\nGroet, de commissie', 'plain;qp', None)
c('patient-question;opening-hours;no-health', '0000', 'Willem de Boer <wdeboer@gmail.example>', INFO, 'Openingstijden Pasen',
'Goedemiddag,\n\nZijn jullie op Tweede Paasdag open? En waar moet ik dan naartoe als het nodig is?\n\nMet vriendelijke groet,\nWillem de Boer', 'plain;8bit', None)
c('reply;generic-info', '0000', ASS, 'Willem de Boer <wdeboer@gmail.example>', 'RE: Openingstijden Pasen',
'Beste heer De Boer,\n\nOp Tweede Paasdag is de praktijk gesloten. Voor spoed kunt u de huisartsenpost bellen: 0900-1234567. Bij levensgevaar belt u 112.\n\nMet vriendelijke groet,\nAssistentes De Wilgenhoek\n\n> Zijn jullie op Tweede Paasdag open? En waar moet ik dan naartoe als het nodig is?', 'plain;qp', None)
c('bsn-word-no-number;generic', '0000', INFO, 'undisclosed-recipients:;', 'Nieuw: inschrijven via de website',
'Beste lezer,\n\nVanaf 1 april kunt u zich online inschrijven. Houd uw BSN, uw zorgpas en een geldig identiteitsbewijs bij de hand. Wij vragen nooit per e-mail naar uw burgerservicenummer; stuur dit dus ook niet per mail.\n\nHuisartsenpraktijk De Wilgenhoek', 'html;qp', None)
c('order-confirmation;elf-order', '0000', 'Bestellingen MediShop <orders@medishop.example>', 'Praktijkmanager <pm@praktijk-wilgenhoek.nl>', 'Orderbevestiging «ELF1»',
'Bedankt voor uw bestelling!\n\nOrdernummer: «ELF1»\nKlantnummer: «FAIL1»\nTrack & Trace: 3SMED«ELF2»NL\nArtikel 402231: Bloeddrukmeter Omron M6 x2\nArtikel 118870: Otoscoop lampjes x10\n\nVerwachte levering: donderdag 12 maart.', 'plain;8bit', None)
c('lab-news;generic', '0000', 'Medlon Laboratorium <nieuws@lab-medlon.example>', DR, 'Wijziging referentiewaarden eGFR',
'Geachte aanvrager,\n\nPer 1 april rapporteren wij de eGFR volgens de CKD-EPI 2021 formule zonder raciale correctie. Hierdoor kunnen waarden bij sommige patiënten enkele ml/min lager uitvallen. HbA1c-afnames kunnen voortaan ook op zaterdag.\n\nMedlon Laboratorium', 'alt;b64;latin', None)
c('insurer;contract;elf', '0000', 'Zorgverzekeraar Delta, Zorginkoop <zorginkoop@zv-delta.example>', 'Praktijkmanager <pm@praktijk-wilgenhoek.nl>', 'Contract 2027 klaar voor ondertekening',
'Geachte zorgaanbieder,\n\nHet contract huisartsenzorg 2027 (contractnummer «ELF1») staat klaar in VECOZO. Uw AGB-code 01012345 is gekoppeld. Ondertekenen kan tot 15 november.\n\nAfdeling Zorginkoop', 'plain;qp', None)
c('municipality;newsletter;generic', '0000', 'Gemeente Deventer <nieuwsbrief@gemeente-deventer.example>', INFO, 'Nieuwsbrief sociaal domein maart',
'In deze nieuwsbrief:\n- Nieuwe contactpersonen wijkteams per 1 april\n- Cursus "Mantelzorg en werk" in de bibliotheek\n- Subsidie voor valpreventie-trainingen voor ouderen\n\nAanmelden kan via de website.', 'html;qp;cp', None)
c('pharmacy;stock-shortage;generic', '0000', 'Apotheek Het Spijker <info@apotheek-spijker.example>', DR, 'Leveringsprobleem amoxicilline drank',
'Beste voorschrijvers,\n\nAmoxicilline suspensie 50 mg/ml is tot eind maart niet leverbaar. Alternatief: dispergeerbare tabletten 125 mg of 250 mg. Wilt u hier bij het voorschrijven rekening mee houden?\n\nMet collegiale groet,\nL. Ramdin, apotheker', 'plain;8bit;cp', None)
c('named-people;no-health;birthday', '0000', 'Fleur Dijkman <f.dijkman@praktijk-wilgenhoek.nl>', 'Team De Wilgenhoek <team@praktijk-wilgenhoek.nl>', 'Taart!',
'Hoi allemaal, Anja is vrijdag 25 jaar in dienst! Wie legt in voor een cadeau? Ik zet een potje bij de koffie. Jeroen haalt de taart bij bakkerij Nijland.\nFleur', 'plain;8bit', None)
c('cleaning-company;invoice;fail9', '0000', 'Schoonmaakbedrijf Glans <administratie@glans-schoonmaak.example>', 'Administratie <administratie@praktijk-wilgenhoek.nl>', 'Factuur februari',
'Geachte relatie,\n\nHierbij factuur nr. «FAIL1» voor de schoonmaakwerkzaamheden in februari (20 x 2 uur). Bedrag € 1.126,40. Btw-nummer NL812345678B01.\n\nMet vriendelijke groet,\nGlans Schoonmaak', 'plain;qp', ('pdf', 'factuur_feb.pdf', 'Factuur «FAIL1»\nSchoonmaakwerkzaamheden februari 2026\n40 uur a EUR 23,20 = EUR 928,00\nBtw 21% = EUR 194,88\nTotaal EUR 1.122,88'))
c('english;conference;generic', '0000', 'WONCA Europe Secretariat <info@wonca-conf.example>', DR, 'Call for abstracts - WONCA 2027',
'Dear colleague,\n\nThe call for abstracts is open. Themes include multimorbidity in older adults, antibiotic stewardship and digital triage. Submission deadline: 15 January. Registration ID format: nine digits, e.g. your member number.\n\nBest regards,\nScientific Committee', 'alt;qp', None)
c('phone-numbers;supplier', '0000', 'Storingsdienst Telecom <storing@telecom-zakelijk.example>', 'Praktijkmanager <pm@praktijk-wilgenhoek.nl>', 'Gepland onderhoud telefonie',
'Op woensdag 18 maart tussen 06.00 en 07.00 uur voeren wij onderhoud uit. Uw nummers 0570-612244 en 0570-612245 zijn dan kort onbereikbaar. Doorschakeling naar +31 6 1234 5678 blijft werken. Storingsnummer: 0800-0220.\n\nReferentie: «ELF1»', 'plain;8bit', None)
c('internal;protocol;generic-medical', '0000', POH, 'Team De Wilgenhoek <team@praktijk-wilgenhoek.nl>', 'Aangepast protocol spirometrie',
'Hoi allemaal,\n\nIn de bijlage het aangepaste protocol spirometrie. Belangrijkste wijziging: salbutamol 400 ug via voorzetkamer, 15 minuten wachten voor de reversibiliteitstest. Bij FEV1/FVC < LLN altijd overleg met de arts.\n\nSanne', 'plain;8bit', ('docx', 'protocol_spirometrie.docx', 'Protocol spirometrie v3\nStap | Handeling\n1 | Uitleg en lengte/gewicht meten\n2 | Drie technisch goede blaasmanoeuvres\n3 | Salbutamol 400 ug via voorzetkamer\n4 | 15 minuten wachten, herhalen\n5 | Interpretatie volgens NHG-standaard'))
c('vacancy;job-ad', '0000', 'Praktijkmanager <pm@praktijk-wilgenhoek.nl>', 'vacatures@huisartsenvacatures.example', 'Plaatsing vacature doktersassistent',
'Graag plaatsen wij onderstaande vacature:\n\nDoktersassistent (24-32 uur) gezocht voor een gezellige praktijk met 2 huisartsen en 2 POH\'s in Deventer. Ervaring met HIS Medicom is een pre. Reageren voor 1 april.\n\nIneke Hulshof, praktijkmanager', 'plain;qp', None)
c('patient-portal;generic-notification', '0000', 'MijnGezondheid Portaal <noreply@mijngezondheid-portaal.example>', 'wdeboer@gmail.example', 'U heeft een nieuw bericht',
'Beste gebruiker,\n\nEr staat een nieuw bericht voor u klaar in het patiëntenportaal. Log in met DigiD om het te lezen. Om uw privacy te beschermen tonen wij de inhoud niet in deze e-mail.\n\nDit is een automatisch bericht.', 'html;b64', None)
c('ics;team-event', '0000', 'Praktijkmanager <pm@praktijk-wilgenhoek.nl>', 'Team De Wilgenhoek <team@praktijk-wilgenhoek.nl>', 'Uitnodiging: BHV-herhaling',
'Hierbij de uitnodiging voor de BHV-herhalingscursus. Graag comfortabele kleding aan.', 'plain;8bit', ('ics', 'bhv.ics', ('BHV herhaling (reanimatie + AED)', 'Verplicht voor alle medewerkers. Trainer: Reanimatie Oost', '20260325T130000', 'Wachtkamer praktijk')))
c('vcf;supplier-contact', '0000', 'Accountmanager Vermeer <j.kok@vermeer-medical.example>', 'Praktijkmanager <pm@praktijk-wilgenhoek.nl>', 'Mijn nieuwe contactgegevens',
'Beste Ineke, vanaf maandag ben ik uw nieuwe accountmanager. Mijn visitekaartje zit in de bijlage.\nJoost Kok', 'plain;8bit', ('vcf', 'joost_kok.vcf', ['FN:Joost Kok', 'ORG:Vermeer Medical BV', 'TITLE:Accountmanager', 'TEL;TYPE=work:+31 30 555 0199', 'EMAIL:j.kok@vermeer-medical.example']))
c('german;supplier', '0000', 'Praxisbedarf Müller GmbH <vertrieb@praxisbedarf-mueller.example>', 'Praktijkmanager <pm@praktijk-wilgenhoek.nl>', 'Ihre Anfrage Untersuchungsliegen',
'Sehr geehrte Frau Hulshof,\n\nvielen Dank für Ihre Anfrage. Anbei unser Angebot Nr. «ELF1» für zwei elektrisch höhenverstellbare Untersuchungsliegen. Lieferzeit ca. 6 Wochen.\n\nMit freundlichen Grüßen\nPraxisbedarf Müller GmbH', 'plain;qp;latin', ('pdf', 'angebot.pdf', 'Angebot «ELF1»\n2 x Untersuchungsliege Typ E-Flex 200   EUR 4.980,00\nLieferung und Montage                  EUR 350,00\nGueltig bis 30.04.2026'))
c('csv;stock-list;article-numbers', '0000', 'Lotte Vermeulen <l.vermeulen@praktijk-wilgenhoek.nl>', 'Praktijkmanager <pm@praktijk-wilgenhoek.nl>', 'Voorraadlijst',
'Ineke, hierbij de voorraadlijst, de rood gemarkeerde moeten besteld.', 'plain;8bit', ('csv', 'voorraad.csv', 'artikelnummer;omschrijving;voorraad;minimum\n«ELF1»;Hechtpleisters 3x75mm;4;10\n«FAIL1»;Naalden 23G;120;100\n«ELF2»;Griepvaccin (koelkast);0;0\n401122;Alcoholdoekjes;35;50'))
c('zip;marketing-material', '0000', 'Drukkerij De Pers <studio@drukkerij-depers.example>', 'Praktijkmanager <pm@praktijk-wilgenhoek.nl>', 'Proef folders wachtkamer',
'Beste Ineke,\n\nIn de zip de proeven van de folders "Wat te doen bij koorts" en "Rugpijn: blijf bewegen". Graag uw akkoord voor vrijdag.\n\nStudio De Pers', 'plain;qp', ('zip', 'proeven.zip', [('koorts.txt', 'Koorts bij kinderen: geef voldoende te drinken. Bel bij sufheid, benauwdheid of vlekjes die niet wegdrukbaar zijn.\n'), ('rugpijn.txt', 'Rugpijn gaat meestal vanzelf over binnen zes weken. Blijf bewegen.\n')]))
c('odt;meeting-minutes', '0000', 'Ineke Hulshof <pm@praktijk-wilgenhoek.nl>', 'Team De Wilgenhoek <team@praktijk-wilgenhoek.nl>', 'Notulen teamoverleg',
'Bijgaand de notulen.', 'plain;8bit', ('odt', 'notulen_0303.odt', 'Notulen teamoverleg 3 maart\nAanwezig: Marco, Karel, Sanne, Jeroen, Anja, Lotte, Fleur, Ineke\n1. Telefoonbezetting ochtend: extra lijn tussen 8 en 10 uur.\n2. Scholing wratten: Lotte en Fleur.\n3. Vakantie: Marco weg week 30-32.\nActie: Ineke vraagt offerte koelkast.'))
c('it;password-reset;generic', '0000', 'ZorgMail Beheer <beheer@zorgmail-beheer.example>', 'Anja <assistentes@praktijk-wilgenhoek.nl>', 'Uw wachtwoord verloopt over 5 dagen',
'Beste gebruiker,\n\nUw wachtwoord verloopt over 5 dagen. Wijzig het via de beheeromgeving. Wij vragen u nooit om uw wachtwoord per e-mail te sturen.\n\nZorgMail Beheer', 'html;qp', None)
c('anonymised-stats;report', '0000', 'Zorggroep Salland <kwaliteit@zorggroep-salland.example>', DR, 'Spiegelinformatie diabeteszorg 2025',
'Geachte collega,\n\nIn uw praktijk werden 284 patiënten met diabetes type 2 behandeld. 71% had een HbA1c <= 53 mmol/mol (regio: 68%). Bij 88% werd de voetcontrole uitgevoerd. Gemiddelde systolische bloeddruk 136 mmHg. Details per indicator in de bijlage.\n\nKwaliteitscommissie', 'plain;b64', ('xlsx', 'spiegel_dm_2025.xlsx', 'Indicator | Praktijk | Regio\nHbA1c <= 53 | 0.71 | 0.68\nVoetcontrole | 0.88 | 0.85\nRR < 140 | 0.64 | 0.61\nAantal patienten | 284 | 9120'))
c('polish;generic-question;no-health', '0000', 'Tomasz Zieliński <tomek.z@wp.example>', INFO, 'Rejestracja - pytanie',
'Dzień dobry,\n\nPrzeprowadziłem się do Deventer w zeszłym tygodniu. Czy przyjmujecie nowych pacjentów? Jakie dokumenty są potrzebne do rejestracji?\n\nPozdrawiam,\nTomasz Zieliński', 'plain;qp', None)
c('reply;registration-info', '0000', ASS, 'Tomasz Zieliński <tomek.z@wp.example>', 'RE: Rejestracja - pytanie',
'Dear Mr Zieliński,\n\nYes, we accept new patients living in our area. Please come to the desk with your ID, your insurance card and proof of address, or use the online form on our website.\n\nKind regards,\nPractice assistants De Wilgenhoek', 'plain;8bit', None)
c('accountant;finance;iban', '0000', 'Accountantskantoor Bruins <info@bruins-accountants.example>', 'Praktijkmanager <pm@praktijk-wilgenhoek.nl>', 'Jaarstukken 2025',
'Beste Ineke,\n\nDe concept-jaarstukken staan klaar. Kun je nog de bankafschriften van NL20 INGB 0001 2345 67 over december aanleveren en het kenmerk van de belastingaanslag (aanslagnummer «FAIL1» H.56)?\n\nGroet, Peter Bruins', 'plain;qp;cp', None)
c('webinar;generic-medical', '0000', 'NHG Nascholing <webinar@nhg-nascholing.example>', DR, 'Webinar: nieuwe standaard Astma bij volwassenen',
'Beste huisarts,\n\nIn dit webinar bespreken we de herziene standaard: ICS-formoterol zo nodig als eerste stap, FeNO-meting in de eerste lijn en het afbouwen van SABA-monotherapie. Accreditatie: 2 punten.\n\nAanmelden via de link.', 'alt;qp', None)
c('building;maintenance', '0000', 'VvE Beheer Beukenlaan <beheer@vve-beukenlaan.example>', 'Praktijkmanager <pm@praktijk-wilgenhoek.nl>', 'Glazenwasser en lift',
'Geachte huurder,\n\nDe lift in het gebouw wordt op 20 maart gekeurd (08.00-10.00). Patiënten die slecht ter been zijn kunnen in die tijd de achteringang gebruiken. De glazenwasser komt op maandag.\n\nVvE Beheer', 'plain;8bit', None)
c('named-person;job-reference;no-health', '0000', 'Karel Oudshoorn <k.oudshoorn@praktijk-wilgenhoek.nl>', 'Huisartsenpraktijk Zuiderpark <info@praktijk-zuiderpark.nl>', 'Referentie Lotte Vermeulen',
'Beste collega,\n\nLotte Vermeulen heeft vijf jaar bij ons als doktersassistent gewerkt. Zij is nauwkeurig, zelfstandig en heeft een prettige manier van omgaan met patiënten aan de telefoon. Ik kan haar van harte aanbevelen.\n\nKarel Oudshoorn, huisarts', 'plain;qp', None)
c('english;locum-agency', '0000', 'Locum Doctors Europe <bookings@locum-europe.example>', 'Praktijkmanager <pm@praktijk-wilgenhoek.nl>', 'Availability summer locum',
'Dear Ms Hulshof,\n\nWe have two Dutch-registered GPs available for weeks 30-32. Both have BIG registration and experience with Medicom. Reference for this request: «ELF1».\n\nBest wishes,\nSarah Lane, bookings', 'plain;8bit', None)
c('health-words;generic;campaign', '0000', 'GGD IJsselland <campagnes@ggd-ijsselland.example>', INFO, 'Posters: Stoppen met roken in maart',
'Beste praktijk,\n\nWij sturen u posters en folders voor de campagne "Stoppen met roken". Nicotinevervangers, bupropion en varenicline worden vergoed bij een begeleidingsprogramma. Tips voor uw wachtkamerscherm zitten in de bijlage.\n\nGGD IJsselland', 'plain;qp', ('txt', 'wachtkamerscherm.txt', 'Dia 1: Stoppen met roken? Wij helpen u!\nDia 2: 1 op de 2 rokers overlijdt aan de gevolgen.\nDia 3: Vraag de assistente naar het stoppen-met-roken-spreekuur.\n'))
c('agb;kvk;registration-admin', '0000', 'Vektis AGB-register <agb@agb-register.example>', 'Praktijkmanager <pm@praktijk-wilgenhoek.nl>', 'Wijziging AGB-gegevens verwerkt',
'Geachte zorgaanbieder,\n\nDe wijziging van uw praktijkadres is verwerkt. AGB-code praktijk: 01054321. KvK: 08123456. Kenmerk van uw verzoek: «ELF1».\n\nAGB-register', 'plain;8bit;latin', None)
c('turkish;generic-question', '0000', 'Hakan Yılmaz <hakan.yilmaz@gmail.example>', INFO, 'Ramazan ve ilaçlar hakkında bilgi',
'Merhaba,\n\nCami derneği olarak Ramazan öncesi bir bilgilendirme akşamı düzenliyoruz: oruç ve ilaç kullanımı, şeker hastalığı. Doktorlarınızdan biri konuşma yapabilir mi? Tarih: 10 Şubat, saat 19.00.\n\nSaygılarımla,\nHakan Yılmaz, dernek başkanı', 'plain;b64', None)
c('reply-chain;scheduling;no-health', '0000', 'Jeroen Aalbers <j.aalbers@praktijk-wilgenhoek.nl>', 'Sanne Kuipers <s.kuipers@praktijk-wilgenhoek.nl>', 'RE: RE: kamer 3 donderdag',
'Top, dan neem ik kamer 4.\n\n-----Oorspronkelijk bericht-----\nVan: Sanne Kuipers\nOnderwerp: RE: kamer 3 donderdag\n\nIk heb kamer 3 nodig voor de spirometrie, kun jij uitwijken?\n\n-----Oorspronkelijk bericht-----\nVan: Jeroen Aalbers\n\nWie zit er donderdagmiddag in kamer 3?', 'plain;8bit', None)
c('encrypted-zip;unscannable;clean-content', '0001', 'Accountantskantoor Bruins <info@bruins-accountants.example>', 'Praktijkmanager <pm@praktijk-wilgenhoek.nl>', 'Beveiligd: concept jaarrekening',
'Beste Ineke,\n\nDe concept-jaarrekening zit in een beveiligde zip. Het wachtwoord stuur ik je per sms.\n\nPeter', 'plain;qp', ('enczip', 'jaarrekening_concept.zip', [('jaarrekening.txt', 'Omzet 2025: EUR 1.234.567\nPersoneelskosten: EUR 612.000\n')]))
c('corrupt-b64;unscannable', '0001', 'Scanner Balie <scanner@praktijk-wilgenhoek.nl>', 'Anja <assistentes@praktijk-wilgenhoek.nl>', 'Scan van apparaat BALIE-MFP',
'Gescand document bijgevoegd.', 'plain;8bit', ('badb64', 'scan_0042.pdf', 'x'))
c('unknown-binary;unscannable', '0001', 'Medicom Backup <backup@his-backup.example>', 'Praktijkmanager <pm@praktijk-wilgenhoek.nl>', 'Backup rapport',
'Het backupbestand van vannacht is bijgevoegd ter archivering.', 'plain;8bit', ('binary', 'his_backup_0307.bak', 'x'))
c('newsletter;html;generic-health', '0000', INFO, 'undisclosed-recipients:;', 'Hooikoorts: wat kunt u zelf doen?',
'Nu de bomen gaan bloeien, hebben veel mensen last van hooikoorts. Antihistaminica zoals cetirizine en loratadine zijn zonder recept verkrijgbaar. Een neusspray met corticosteroïden werkt het best als u die dagelijks gebruikt. Heeft u ook last van benauwdheid? Maak dan een afspraak.', 'html;qp;cp', None)
c('lab-courier;logistics', '0000', 'Koeriersdienst Medlon <koerier@lab-medlon.example>', ASS, 'Ophaaltijden buismonsters gewijzigd',
'Vanaf 16 maart halen wij de monsters om 11.30 en 15.30 uur op in plaats van 12.00 en 16.00 uur. Zorg dat de koeltas klaarstaat. Vragen: 0570-599100.', 'plain;8bit', None)
c('physio;practice-news', '0000', 'Fysiotherapie Beweeg <info@fysio-beweeg.example>', INFO, 'Nieuw: beweegprogramma voor mensen met artrose',
'Beste collega\'s,\n\nVanaf april starten wij met GLA:D, een groepsprogramma voor mensen met knie- en heupartrose. U kunt patiënten rechtstreeks verwijzen of laten bellen. Vergoeding uit de aanvullende verzekering.\n\nFysiotherapie Beweeg', 'alt;qp', None)
c('police;community;generic', '0000', 'Wijkagent Deventer-Noord <wijkagent.noord@politie-oost.example>', INFO, 'Inbraken in de wijk',
'Beste ondernemers,\n\nDe afgelopen weken zijn er in de wijk meerdere inbraken gepleegd bij bedrijfspanden. Let op dat ramen en deuren na sluitingstijd dicht zijn. Verdachte situaties kunt u melden via 0900-8844.\n\nMet vriendelijke groet,\nwijkagent R. Dekker', 'plain;8bit', None)
c('lawyer;generic-legal-question', '0000', 'Mr. P. de Haan <p.dehaan@dehaan-stolk.example>', 'Praktijkmanager <pm@praktijk-wilgenhoek.nl>', 'Huurovereenkomst praktijkpand',
'Geachte mevrouw Hulshof,\n\nIn de huurovereenkomst (artikel 7.2) staat een indexeringsclausule die naar mijn mening niet rechtsgeldig is. Ik stel voor dit met de verhuurder te bespreken. Dossiernummer «ELF1».\n\nMet vriendelijke groet,\nmr. P. de Haan', 'plain;qp;cp', None)
c('school;generic-health-info', '0000', 'Directie OBS De Regenboog <directie@obs-regenboog.example>', INFO, 'Hoofdluis en waterpokken op school',
'Geachte huisarts,\n\nTer informatie: er heerst waterpokken in groep 3 en 4 en er is hoofdluis geconstateerd in meerdere groepen. Wij hebben alle ouders een algemene brief gestuurd. Mogelijk krijgt u vragen.\n\nDirectie OBS De Regenboog', 'plain;b64', None)
c('care-home;roster;contact', '0000', 'Zorgcentrum De Linde <teamleider@zorgcentrum-delinde.example>', DR, 'Vaste visite-momenten',
'Beste dokter,\n\nVanaf april willen wij graag vaste visite-momenten op dinsdag 13.00 uur. De contactpersoon per afdeling: Esdoorn - Ellen, Eik - Hamid, Linde - Corrie. Schikt dit?\n\nTeamleider zorg', 'plain;8bit', None)
c('english;patient;travel-vaccination-generic', '0000', 'Emma Collins <emma.collins@mail.example>', INFO, 'Travel vaccinations',
'Hello,\n\nDo you give travel vaccinations at the practice, or should I go to the GGD? We are planning a trip to Vietnam in the summer.\n\nThanks,\nEmma', 'plain;8bit', None)
c('ukrainian;generic-question', '0000', 'Марія Коваленко <maria.kov@ukr.example>', INFO, 'Реєстрація',
'Добрий день! Я щойно переїхала до Девентера. Чи можна у вас зареєструватися як новий пацієнт? Які документи потрібні?\nДякую, Марія', 'plain;b64', None)
c('arabic;generic-question', '0000', 'Samir Haddad <samir.h@mail.example>', INFO, 'سؤال عن مواعيد العمل',
'مرحبا، ما هي ساعات العمل في العيادة يوم السبت؟ وهل يوجد مترجم عربي؟ شكرا', 'plain;qp', None)
c('rfc822;forwarded-newsletter', '0000', 'Karel Oudshoorn <k.oudshoorn@praktijk-wilgenhoek.nl>', 'Team De Wilgenhoek <team@praktijk-wilgenhoek.nl>', 'Fwd: Nieuwsbrief regionale huisartsenkring',
'Interessant stuk over de nieuwe triagewijzer, lees even mee.', 'rfc822clean', ('Nieuwsbrief Huisartsenkring maart', 'Huisartsenkring Salland <nieuws@hak-salland.example>', 'Nieuwsbrief maart\n- Nieuwe triagewijzer voor de HAP per 1 mei\n- Regionale afspraken over de verwijzing naar de SEH\n- Vacatures in de regio'))
c('nested-fwd;clean;logistics', '0000', 'Ineke Hulshof <pm@praktijk-wilgenhoek.nl>', 'Lotte Vermeulen <l.vermeulen@praktijk-wilgenhoek.nl>', 'Fwd: Fwd: levering koelkast',
'Lotte, kun jij donderdag de koelkast aannemen?', 'nestedclean', ('Levering vaccinkoelkast', 'Planning Vermeer <planning@vermeer-medical.example>', 'Uw vaccinkoelkast wordt donderdag 19 maart tussen 8 en 12 uur geleverd.\nOrdernummer «ELF1», Track & Trace 3SVER«FAIL1».'))
c('short;internal;no-health', '0000', 'Anja <assistentes@praktijk-wilgenhoek.nl>', 'Fleur Dijkman <f.dijkman@praktijk-wilgenhoek.nl>', 'sleutel',
'fleur heb jij de sleutel van de medicijnkast? kan hem niet vinden\nanja', 'plain;8bit', None)
c('hap;roster;doctors', '0000', 'Huisartsenpost Salland, planning <planning@hap-salland.example>', DR, 'Dienstrooster HAP april',
'Beste collega,\n\nU staat ingeroosterd op: 4 april (avond), 17 april (nacht, rijdende dienst), 26 april (dag). Ruilen via het roosterportaal vóór 20 maart.\n\nPlanning HAP Salland', 'plain;qp', None)
c('elf-number;tracking;courier', '0000', 'PostNL Zakelijk <noreply@postnl-zakelijk.example>', 'Praktijkmanager <pm@praktijk-wilgenhoek.nl>', 'Uw pakket is onderweg',
'Uw zending met barcode 3SPNL«ELF1» wordt morgen tussen 10:15 en 12:45 bezorgd. Klantnummer «FAIL1».', 'html;qp', None)
c('municipality;generic;wmo-process', '0000', 'Gemeente Deventer, Wmo-loket <wmo@gemeente-deventer.example>', INFO, 'Werkwijze medisch advies Wmo 2026',
'Geachte huisarts,\n\nVanaf 2026 vragen wij medisch advies alleen nog op via het beveiligde portaal. Wij sturen geen burgerservicenummers of medische gegevens meer per gewone e-mail. De handleiding zit in de bijlage.\n\nWmo-loket', 'plain;b64', ('pdf', 'handleiding_portaal.pdf', 'Handleiding beveiligd portaal Wmo\n1. Log in met UZI-pas\n2. Open het verzoek\n3. Vul het adviesformulier in\nLet op: stuur nooit BSN of medische gegevens per gewone mail.'))
c('cme;certificate', '0000', 'Accreditatiebureau <accreditatie@abc-accreditatie.example>', DR, 'Certificaat nascholing',
'Geachte heer Verhoeven,\n\nU heeft de nascholing "Dermatoscopie in de huisartsenpraktijk" afgerond. Uw certificaat (certificaatnummer «ELF1») is bijgevoegd. U ontvangt 4 accreditatiepunten.\n\nAccreditatiebureau', 'plain;8bit', ('pdf', 'certificaat.pdf', 'CERTIFICAAT\nM. Verhoeven, huisarts\nheeft deelgenomen aan Dermatoscopie in de huisartsenpraktijk\n4 punten - certificaatnummer «ELF1»'))
c('patient;complaint-service-no-health', '0000', 'Henk Smeenk <h.smeenk@kpnmail.example>', INFO, 'klacht over telefoon',
'Ik heb vanochtend 35 minuten in de wacht gestaan en toen werd de lijn verbroken. Dit is de derde keer deze maand. Kunnen jullie daar iets aan doen?\nH. Smeenk', 'plain;8bit;cp', None)
c('reply;complaint-service', '0000', 'Praktijkmanager <pm@praktijk-wilgenhoek.nl>', 'Henk Smeenk <h.smeenk@kpnmail.example>', 'RE: klacht over telefoon',
'Geachte heer Smeenk,\n\nExcuses voor het lange wachten. Wij hebben per april een extra telefoonlijn in de ochtend en een terugbelfunctie. U kunt ook het contactformulier op de website gebruiken voor niet-spoedeisende vragen.\n\nMet vriendelijke groet,\nIneke Hulshof, praktijkmanager\n\n> Ik heb vanochtend 35 minuten in de wacht gestaan en toen werd de lijn verbroken.', 'alt;qp', None)
c('docx;policy;privacy', '0000', 'Functionaris Gegevensbescherming <fg@zorggroep-salland.example>', 'Praktijkmanager <pm@praktijk-wilgenhoek.nl>', 'Privacyreglement 2026',
'Beste praktijkmanager,\n\nBijgaand het geactualiseerde privacyreglement. Nieuw is paragraaf 4 over het versturen van medische gegevens per e-mail.\n\nFG Zorggroep Salland', 'plain;qp', ('docx', 'privacyreglement.docx', 'Privacyreglement 2026\nArtikel | Inhoud\n4.1 | Medische gegevens alleen via beveiligde mail\n4.2 | Geen BSN in onderwerpregel\n4.3 | Bij twijfel: overleg met de FG'))
c('youth-care;generic-event', '0000', 'Jeugdteam Deventer <jeugdteam@gemeente-deventer.example>', DR, 'Kennismakingsbijeenkomst jeugd-POH',
'Beste huisartsen,\n\nGraag nodigen wij u uit voor een bijeenkomst over de samenwerking tussen huisarts, jeugd-POH en jeugdteam op 2 april, 12.30-14.00 uur, inclusief lunch.\n\nJeugdteam Deventer', 'plain;8bit', None)
c('fail9-and-phone;misc', '0000', 'Energieleverancier Zakelijk <zakelijk@energie-zakelijk.example>', 'Administratie <administratie@praktijk-wilgenhoek.nl>', 'Jaarafrekening',
'Geachte klant,\n\nUw jaarafrekening staat klaar. Klantnummer «FAIL1», contractnummer «FAIL2», EAN-code 871687120000123456. Te betalen: € 312,18. Vragen? Bel 088-1234567.', 'plain;8bit', None)
c('dentist;practice-announcement', '0000', 'Tandartspraktijk Glimlach <info@tandarts-glimlach.example>', INFO, 'Verhuizing tandartspraktijk',
'Beste collega\'s,\n\nPer 1 mei verhuizen wij naar de Brinkgreverweg 120. Ons telefoonnummer blijft 0570-644411. Spoedverwijzingen kunnen zoals altijd telefonisch.\n\nTandartspraktijk Glimlach', 'html;b64;cp', None)
c('odt;generic;patient-info', '0000', POH, 'Team De Wilgenhoek <team@praktijk-wilgenhoek.nl>', 'Nieuwe folder hartfalen',
'Ter review: de nieuwe folder over leven met hartfalen.', 'plain;8bit', ('odt', 'folder_hartfalen.odt', 'Leven met hartfalen\nWeeg uzelf elke ochtend.\nNeem contact op als u in 3 dagen meer dan 2 kilo aankomt.\nBeperk zout en vocht volgens afspraak met uw arts.'))
c('lf-endings;short;generic', '0000', 'Karel Oudshoorn <k.oudshoorn@praktijk-wilgenhoek.nl>', 'dr. M. Verhoeven <m.verhoeven@praktijk-wilgenhoek.nl>', 'lunch',
'Marco, schuift het FTO morgen naar 13.00? Ik heb om 12 uur nog een visite.\nKarel', 'plain;8bit;lf', None)
c('invoice;elf;pharmacy-supplier;qp', '0000', 'Farmaceutische Groothandel Noord <debiteuren@fgn.example>', 'Administratie <administratie@praktijk-wilgenhoek.nl>', 'Herinnering factuur «ELF1»',
'Geachte heer/mevrouw,\n\nVolgens onze administratie staat factuur «ELF1» van 12-01-2026 (€ 418,60) nog open. Wilt u dit bedrag binnen 14 dagen overmaken? Uw debiteurnummer: «ELF2».\n\nAfdeling debiteuren', 'plain;qp;qpsoft', None)
c('html-table;price-list', '0000', 'Vermeer Medical <aanbiedingen@vermeer-medical.example>', 'Praktijkmanager <pm@praktijk-wilgenhoek.nl>', 'Voorjaarsaanbiedingen',
'Artikel | Artikelnr | Prijs\nBloeddrukmeter | «ELF1» | 79,95\nOorthermometer | «FAIL1» | 34,50\nVerbandtrommel | 402990 | 22,00', 'htmltable;b64', None)
c('english;it-vendor;bsn-word', '0000', 'HIS Vendor Support <support@his-vendor.example>', 'Praktijkmanager <pm@praktijk-wilgenhoek.nl>', 'Release notes 6.4',
'Hello,\n\nRelease 6.4 improves the BSN check (WID) at patient registration and adds the new ICPC-2 code list. No action required. Ticket reference: «ELF1».\n\nKind regards,\nVendor Support', 'plain;8bit', None)
c('neighbour-business;no-health', '0000', 'Bakkerij Nijland <info@bakkerij-nijland.example>', 'Praktijkmanager <pm@praktijk-wilgenhoek.nl>', 'Bestelling taart vrijdag',
'Beste Ineke,\n\nDe taart (slagroom-aardbei, 12 personen) ligt vrijdag om 10.00 uur klaar. Op de taart komt "25 jaar Anja". Betalen kan bij afhalen.\n\nGroet, bakkerij Nijland', 'plain;8bit;cp', None)

# extra messages (both classes)
m('patient;dyslexic;spelling-errors', '0100', 'Ricardo Pinas <ricardo.pinas@live.example>', ASS, 'afsprak',
'hallo ik wil een afsprak maken want ik heb al 3 weeke last van mijn knie hij is dik en warm na het voetballe ik kan nie goed lope en de ibuprofe helpt nie meer. kan ik deze week komme\nricardo', 'plain;8bit', None)
m('parent;adhd;medication-english', '0110', 'Sarah Mitchell <sarah.mitchell@mail.example>', DR, 'Ritalin for my son Noah',
'Dear doctor,\n\nMy son Noah Mitchell (born 3 November 2015) has run out of his methylphenidate 10 mg. The paediatrician in Utrecht prescribed it, we moved here in January. He has ADHD and really struggles at school without it. Could you write a repeat prescription until the transfer is complete?\n\nThanks,\nSarah Mitchell', 'alt;b64', None)
m('physician-assistant;wound-photo-text', '0100', 'Lotte Vermeulen <l.vermeulen@praktijk-wilgenhoek.nl>', DR, 'hechtingen mw Kaya',
'Marco, hechtingen van mw. Kaya (snijwond linkerhand, 12 dagen) verwijderd. Wond is wat rood rond 1 hechting, geen pus. Zal ik fucidine meegeven of wil je zelf kijken?\nLotte', 'plain;8bit', None)
m('dietitian;report', '0110', 'Diëtistenpraktijk Smaak <info@dietist-smaak.example>', DR, 'Verslag dieetbehandeling',
'Geachte collega,\n\nMw. Priya Ramkisoen, geb. 18-09-1979, is na 4 consulten 6,5 kg afgevallen (BMI van 34,2 naar 31,8). Zij heeft prediabetes (nuchtere glucose 6,6) en volgt een koolhydraatbeperkt voedingspatroon. Wij ronden de behandeling af.\n\nMet vriendelijke groet,\nK. Lubbers, diëtist', 'plain;qp;cp', None)
m('podiatrist;diabetic-foot', '0110', 'Podotherapie Stap <info@podo-stap.example>', POH, 'Voetonderzoek Sims-classificatie',
'Beste POH,\n\nDhr. Gerrit Hofstede, geb. 23-05-1945, is gescreend: Sims-classificatie 2 (verlies protectieve sensibiliteit en deformiteit, hallux valgus links met eelt en een beginnend ulcus onder MTP1). Behandeling gestart, controle over 4 weken.\n\nPodotherapie Stap', 'html;qp', None)
m('reply-chain;patient-english;depression', '0100', 'Daniel Hughes <dan.hughes@mail.example>', DR, 'Re: Re: how are things',
'Hi doctor, just a short update as promised. The first two weeks on the citalopram were rough (nausea, bad sleep) but I am now sleeping better and the dark thoughts are less. Still not back at work.\nDan\n\n> On 20 Feb 2026 Dr Verhoeven wrote:\n> Dear Dan, please let me know how you are doing after two weeks of citalopram 20 mg.\n>> On 5 Feb 2026 Daniel Hughes wrote:\n>> I have felt very low for months and sometimes think everyone would be better off without me.', 'plain;qp', None)
m('interpreter;arabic-family;internal', '0110', POH, 'Tolkcentrum <planning@tolkcentrum.example>', 'Tolk Arabisch gevraagd',
'Goedemorgen,\n\nVoor dhr. Khalid Mansour (geb. 01-01-1966, tel. 06-38110274) zoeken wij een tolk Arabisch voor de diabetescontrole op 24 maart om 10.00 uur. Het gesprek gaat over het starten met insuline.\n\nSanne Kuipers, POH', 'plain;8bit', None)
m('ggz;youth;jeugd-ggz-letter;pdf', '1110', 'Jeugd-GGZ Kompas <behandelaar@jeugdggz-kompas.example>', DR, 'Eindrapportage behandeling',
'Geachte collega, in de bijlage de eindrapportage.\n\nMet vriendelijke groet,\nJeugd-GGZ Kompas', 'plain;b64', ('pdfz', 'eindrapportage.pdf', 'EINDRAPPORTAGE\nJeugdige: Sanne-Lot Verbeek, 22-10-2009\nBSN «BSNdot3»\nDiagnose: anorexia nervosa, restrictief type; BMI bij start 15,1, nu 18,4.\nBehandeling: FBT (gezinsbehandeling), 24 sessies.\nAdvies: maandelijkse weging bij de huisarts gedurende 6 maanden.'))
m('death;family-notification;english', '0110', 'Claire Dubois <claire.dubois@mail.example>', INFO, 'My mother passed away',
'Dear practice,\n\nI wanted to let you know that my mother, Marie-Louise Dubois, born 12 August 1938, of Lindenlaan 21, passed away at home on Sunday. The lung cancer progressed quickly at the end. Thank you to Dr Verhoeven for the home visits and the morphine pump arrangements.\n\nClaire Dubois', 'plain;8bit', None)
m('insurer;declaration-dispute;bsn', '1110', 'Zorgverzekeraar Delta, Controle <controle@zv-delta.example>', 'Administratie <administratie@praktijk-wilgenhoek.nl>', 'Controle declaraties M&I',
'Geachte zorgaanbieder,\n\nBij materiële controle kwam de volgende declaratie naar voren: verzekerde burgerservicenummer «BSNsp2», J. de Lange, geb. 30-04-1977, verrichting 13052 (verwijderen atheroomcyste), datum 10-02-2026. Wilt u het verslag aanleveren?\n\nAfdeling Controle', 'plain;qp', None)
m('german;carer;elderly', '0110', 'Heike Vogel <heike.vogel@gmx.example>', INFO, 'Meine Mutter Hildegard',
'Sehr geehrte Damen und Herren,\n\nmeine Mutter Hildegard Vogel (geb. 15.03.1941, wohnhaft Ruiterlaan 5) ist seit einer Woche sehr kurzatmig und ihre Beine sind stark geschwollen. Sie hat Herzinsuffizienz. Ich wohne in Köln und kann erst am Wochenende kommen. Könnte ein Arzt einen Hausbesuch machen?\n\nMit freundlichen Grüßen\nHeike Vogel', 'html;qp;latin', None)
m('employer;occupational;no-consent-content', '0110', 'HR De Bouwmeesters <hr@debouwmeesters.example>', DR, 'Werknemer Yusuf Kaplan',
'Geachte huisarts,\n\nOnze werknemer Yusuf Kaplan (personeelsnummer 4471, geb. 09-12-1990) is al drie weken ziek. Hij zegt burn-out te hebben en antidepressiva te slikken. Wij willen graag weten wanneer hij weer kan werken.\n\nHR De Bouwmeesters', 'plain;8bit;cp', None)
m('lab;txt-attachment;bsn', '1110', 'Medlon Laboratorium <uitslagen@lab-medlon.example>', DR, 'Uitslag urinekweek',
'Uitslag bijgevoegd als tekstbestand.', 'plain;8bit', ('txt', 'kweek_260309.txt', 'URINEKWEEK\nPatient: A. Bulut, 1952-07-07\nBSN: «BSN»\n>10^5 kve/ml Escherichia coli\nResistent: amoxicilline, trimethoprim\nGevoelig: nitrofurantoine, fosfomycine\n'))
m('pharmacist;allergy;short', '0110', 'Apotheek Het Spijker <recepten@apotheek-spijker.example>', ASS, 'Allergie',
'Dhr. Ton Evers (geb. 25-08-1958) meldt bij ons een zwelling van de lippen na de eerste tablet lisinopril. Wij hebben het middel niet meer meegegeven en als contra-indicatie (angio-oedeem) geregistreerd. Graag alternatief voorschrijven.', 'plain;qp', None)
m('enczip;unscannable;hr-sick', '0111', 'Arbodienst Werkfit <bedrijfsarts@werkfit-arbo.example>', 'Praktijkmanager <pm@praktijk-wilgenhoek.nl>', 'Beveiligd: probleemanalyse medewerker',
'Beste praktijkmanager,\n\nBijgevoegd (versleuteld) de probleemanalyse van uw medewerker. Wachtwoord volgt telefonisch.\n\nArbodienst Werkfit', 'plain;8bit', ('enczip', 'probleemanalyse.zip', [('probleemanalyse.txt', 'Medewerker: Fleur Dijkman, geb. 14-10-1997, Wilgenweg 3 Diepenveen\nBeperkingen: overspanning; advies 2 x 3 uur per dag baliewerk.\n')]))
m('encpdf;unscannable;lawyer', '0001', 'Mr. P. de Haan <p.dehaan@dehaan-stolk.example>', INFO, 'Machtiging (beveiligd)',
'Geachte heer/mevrouw,\n\nBijgaand de machtiging van cliënt, beveiligd met een wachtwoord dat u telefonisch ontvangt.\n\nmr. P. de Haan', 'plain;qp', ('encpdf', 'machtiging.pdf', 'x'))
m('patient-self;bsn-in-html;registration', '1010', 'Nina Verbruggen <nina.verbruggen@gmail.example>', INFO, 'Inschrijving gezin Verbruggen',
'Beste praktijk,\n\nWij (Nina en Joost Verbruggen) zijn verhuisd naar de Zwanenweg 17 en willen ons met onze dochter inschrijven.\n\nNina Verbruggen | 03-03-1992 | BSN «BSN»\nJoost Verbruggen | 17-07-1990 | BSN «BSN2»\n\nGroet, Nina', 'htmltable;qp', None)
m('vcf;patient-contact;bsn-note', '1010', 'Administratie <administratie@praktijk-wilgenhoek.nl>', 'Huisartsenpraktijk Zuiderpark <info@praktijk-zuiderpark.nl>', 'Contactgegevens patiënt voor overdracht',
'Zie visitekaartje in de bijlage.', 'plain;8bit', ('vcf', 'patient.vcf', ['FN:Hamza Ouali', 'BDAY:1999-02-11', 'ADR;TYPE=home:;;Ganzenmarkt 4;Deventer;;7411 AA;NL', 'NOTE:BSN «BSN»']))
m('long-quoted-history;physio-gp-patient', '0110', 'Fysiotherapie Beweeg <info@fysio-beweeg.example>', DR, 'RE: RE: RE: verwijzing rug',
'Dank, dan plannen we haar in.\n\nB. Nijhuis\n\n-----Oorspronkelijk bericht-----\nVan: dr. M. Verhoeven\nDat is goed, graag zo snel mogelijk.\n\n-----Oorspronkelijk bericht-----\nVan: Fysiotherapie Beweeg\nWe hebben een wachtlijst van 2 weken, is dat akkoord?\n\n-----Oorspronkelijk bericht-----\nVan: dr. M. Verhoeven\nGraag uw behandeling voor mw. Carla Timmerman, geb. 06-06-1970, met aspecifieke lage rugpijn sinds 8 weken, geen rode vlaggen, wel angst om te bewegen.', 'plain;qp', None)
m('care-home;diarrhoea-outbreak;names', '0110', 'Zorgcentrum De Linde <hygiene@zorgcentrum-delinde.example>', DR, 'Uitbraak braken/diarree afdeling Linde',
'Beste dokter,\n\nOp afdeling Linde zijn sinds gisteren vier bewoners ziek met braken en diarree: mw. Tuin (kamer 4), dhr. Ben Gerritsen (kamer 7, geb. 14-05-1934, ook gedehydreerd, drinkt slecht), mw. Pas (kamer 9) en mw. Van Wijk (kamer 11). Wij vermoeden norovirus en hebben de GGD geïnformeerd.\n\nHygiënecoördinator', 'plain;8bit', None)

c('municipality;elf;permit', '0000', 'Gemeente Deventer, Vergunningen <vergunningen@gemeente-deventer.example>', 'Praktijkmanager <pm@praktijk-wilgenhoek.nl>', 'Ontvangstbevestiging aanvraag',
'Geachte mevrouw Hulshof,\n\nWij hebben uw aanvraag voor een reclamebord aan de gevel ontvangen onder zaaknummer «ELF1». U ontvangt binnen 8 weken een besluit.\n\nTeam Vergunningen', 'plain;qp', None)
c('generic-health;children;english', '0000', INFO, 'undisclosed-recipients:;', 'Fever in children: when to call',
'Dear parents,\n\nMost fevers in children are caused by harmless viruses. Call us if your child is under three months with a fever, is drowsy or hard to wake, has a rash that does not fade under a glass, or is drinking less than half the usual amount.\n\nDe Wilgenhoek practice', 'alt;qp', None)
c('supplier;vaccine-cold-chain', '0000', 'Vaccinlevering RIVM-regio <levering@vaccin-logistiek.example>', ASS, 'Levering HPV-vaccins',
'De levering van 40 doses HPV-vaccin is gepland op 16 maart. Batchnummer «FAIL1». Bewaren tussen 2 en 8 graden. Temperatuurlogger retour sturen.', 'plain;8bit', None)
c('staff;training;names-only', '0000', 'Sanne Kuipers <s.kuipers@praktijk-wilgenhoek.nl>', 'Praktijkmanager <pm@praktijk-wilgenhoek.nl>', 'Scholing aanmelden',
'Hoi Ineke, mogen Jeroen en ik ons aanmelden voor de scholing "Motiverende gespreksvoering" op 14 april? Kosten € 195 p.p.\nSanne', 'plain;8bit', None)
c('insurer;generic-policy', '0000', 'Zorgverzekeraar Delta <nieuws@zv-delta.example>', INFO, 'Vergoeding fysiotherapie 2027',
'Geachte zorgverlener,\n\nVanaf 2027 vergoedt Delta de eerste 9 behandelingen fysiotherapie bij knieartrose uit de basisverzekering. Verder verandert er niets aan de machtigingsprocedure voor steunkousen.\n\nZorgverzekeraar Delta', 'html;b64;latin', None)
c('xlsx;budget', '0000', 'Ineke Hulshof <pm@praktijk-wilgenhoek.nl>', 'dr. M. Verhoeven <m.verhoeven@praktijk-wilgenhoek.nl>', 'Begroting 2027',
'Marco, hier de conceptbegroting. Grootste post: nieuwe ECG-apparatuur.', 'plain;8bit', ('xlsx', 'begroting_2027.xlsx', 'Post | Bedrag\nPersoneel | 640000\nHuisvesting | 84000\nECG-apparaat | 9800\nICT | 31000\nContractnummer lease | «ELF1»'))
c('patient;parking-question', '0000', 'Wim Harmsen <wim.harmsen@planet.example>', INFO, 'parkeren',
'Goedendag mag ik bij jullie op het terrein parkeren als ik op het spreekuur kom of moet ik in de garage?\nWim Harmsen', 'plain;8bit;cp', None)
c('english;recruitment-agency', '0000', 'Talent Care Recruiters <jobs@talentcare.example>', 'Praktijkmanager <pm@praktijk-wilgenhoek.nl>', 'Candidate for assistant vacancy',
'Dear Ms Hulshof,\n\nWe have a strong candidate for your doctor assistant vacancy: MBO level 4, five years of experience in a GP practice, available from May. Shall we arrange an introduction? Vacancy reference: «ELF1».\n\nBest,\nTalent Care', 'plain;qp', None)
c('csv;appointment-stats;anonymous', '0000', 'Ineke Hulshof <pm@praktijk-wilgenhoek.nl>', 'Team De Wilgenhoek <team@praktijk-wilgenhoek.nl>', 'Cijfers februari',
'Ter info de spreekuurcijfers van februari.', 'plain;8bit', ('csv', 'cijfers_feb.csv', 'week;consulten;visites;telefonisch;no-show\n6;412;18;230;9\n7;398;22;244;12\n8;430;15;251;7\n9;405;19;239;11'))
c('rfc822;forwarded-invoice', '0000', 'Ineke Hulshof <pm@praktijk-wilgenhoek.nl>', 'Administratie <administratie@praktijk-wilgenhoek.nl>', 'Fwd: Factuur schoonmaak',
'Graag betalen, is gecontroleerd.', 'rfc822clean', ('Factuur maart', 'Schoonmaakbedrijf Glans <administratie@glans-schoonmaak.example>', 'Factuur nr. «ELF1», bedrag EUR 1.126,40, te voldoen binnen 30 dagen op NL44 RABO 0123 4567 89.'))
c('out-of-office;english', '0000', 'Sanne Kuipers <s.kuipers@praktijk-wilgenhoek.nl>', 'WONCA Europe Secretariat <info@wonca-conf.example>', 'Automatic reply: Call for abstracts',
'I am out of the office until 23 March with limited access to e-mail. For urgent matters please contact the practice on +31 570 612244.\n\nSanne Kuipers', 'plain;8bit', None)
c('zip;software-logs', '0000', 'Servicedesk ZorgICT <servicedesk@zorgict.example>', 'Praktijkmanager <pm@praktijk-wilgenhoek.nl>', 'Logbestanden werkplek',
'In de zip de logbestanden van werkplek BALIE-02 voor uw eigen archief. Er zijn geen fouten gevonden.', 'plain;qp', ('zip', 'logs_balie02.zip', [('system.log', '2026-03-05 08:01:12 INFO service started\n2026-03-05 08:01:15 INFO printer LABEL-01 online\n2026-03-05 12:44:03 WARN disk 81% full\n')]))
c('pdf;generic-leaflet', '0000', POH, 'Team De Wilgenhoek <team@praktijk-wilgenhoek.nl>', 'Leefstijlfolder definitief',
'De definitieve folder over leefstijl en hoge bloeddruk.', 'plain;8bit', ('pdfrev', 'folder_leefstijl.pdf', 'Hoge bloeddruk? Wat kunt u zelf doen\nMinder zout: maximaal 6 gram per dag.\nBeweeg 150 minuten per week.\nStop met roken.\nBeperk alcohol tot 1 glas per dag.'))
c('municipality;elf-in-csv', '0000', 'Gemeente Deventer, Belastingen <belastingen@gemeente-deventer.example>', 'Administratie <administratie@praktijk-wilgenhoek.nl>', 'Aanslag OZB 2026',
'Geachte heer/mevrouw,\n\nIn de bijlage het overzicht van de aanslagen voor het praktijkpand. Betalen kan in 10 termijnen.', 'plain;8bit', ('csv', 'aanslagen.csv', 'aanslagnummer;objectnummer;belasting;bedrag\n«ELF1»;«FAIL1»;OZB eigenaren;1840,22\n«ELF2»;«FAIL1»;rioolheffing;312,00'))
c('polish;supplier-cleaning', '0000', 'Marek Kowalczyk <marek@czysto-service.example>', 'Praktijkmanager <pm@praktijk-wilgenhoek.nl>', 'Offerte schoonmaak / oferta',
'Goedendag mevrouw Hulshof,\n\nDank voor uw vraag. Wij kunnen de praktijk 5 keer per week schoonmaken voor € 24,50 per uur. Przepraszam za błędy, mój holenderski nie jest idealny.\n\nMarek Kowalczyk', 'plain;qp', None)
c('hap;generic-triage-update', '0000', 'Huisartsenpost Salland <info@hap-salland.example>', DR, 'Nieuwe werkwijze terugbelverzoeken',
'Beste collega,\n\nVanaf 1 april worden terugbelverzoeken van de HAP via het beveiligde ZorgDomein-kanaal doorgezet en niet meer per e-mail. Pijn op de borst en benauwdheid blijven direct doorverbonden.\n\nHAP Salland', 'alt;b64;cp', None)
c('docx;meeting-invitation;external-names', '0000', 'Zorggroep Salland <secretariaat@zorggroep-salland.example>', DR, 'Uitnodiging ALV',
'Bijgaand de uitnodiging en agenda voor de ALV.', 'plain;qp', ('docx', 'uitnodiging_alv.docx', 'Uitnodiging Algemene Ledenvergadering\nDatum: 9 april 2026, 19.30 uur\nAgenda | Spreker\nJaarverslag | dr. A. Hoving, voorzitter\nBegroting | mw. L. Kamp, penningmeester\nKetenzorg COPD | dr. R. Sterk'))
c('neighbour;noise-complaint;no-health', '0000', 'Bewonerscommissie Beukenlaan <bewoners.beukenlaan@mail.example>', 'Praktijkmanager <pm@praktijk-wilgenhoek.nl>', 'Afval containers',
'Beste buren,\n\nDe containers van de praktijk staan vaak op de stoep na ophaaldag. Zou u ze op maandagavond binnen willen zetten? Dank u wel.\n\nNamens de bewonerscommissie, Gert Veldhuis', 'plain;8bit', None)
c('arabic;generic-community', '0000', 'Stichting Al Amal <info@alamal-stichting.example>', INFO, 'دعوة لمحاضرة صحية',
'السلام عليكم، ندعو طبيب العيادة لإلقاء محاضرة عامة عن مرض السكري والصيام في مركزنا يوم ١٥ مارس. شكرا لكم.', 'plain;b64', None)
c('lf;short;ordering', '0000', 'Fleur Dijkman <f.dijkman@praktijk-wilgenhoek.nl>', 'Bestellingen MediShop <orders@medishop.example>', 'bestelling',
'Graag 3 dozen handschoenen maat S en 2 dozen maat M. Klantnummer «FAIL1».\nFleur, De Wilgenhoek', 'plain;8bit;lf', None)


# ================================================================ main
def main():
    out = 'out'
    if '--out' in sys.argv:
        out = sys.argv[sys.argv.index('--out') + 1]
    else:
        out = os.path.dirname(os.path.abspath(__file__))
    here = os.path.dirname(os.path.abspath(__file__))
    g = {'S': S, 'C': C}
    entries = [(e, True) for e in g['S']] + [(e, False) for e in g['C']]
    order = list(range(len(entries)))
    random.Random(SEED + 1).shuffle(order)
    os.makedirs(out, exist_ok=True)
    for f in os.listdir(out):
        if re.fullmatch(r'msg-\d{3}\.eml', f):
            os.remove(os.path.join(out, f))
    rows = ['file\tbsn\thealth\tpersonal\tunscannable\tnote']
    for n, idx in enumerate(order, 1):
        e, sens = entries[idx]
        lab = e[1]
        sens = lab != '0000'
        data, nf = build(e)
        fn = 'msg-%03d.eml' % n
        with open(os.path.join(out, fn), 'wb') as fh:
            fh.write(data)
        rows.append('%s\t%s\t%s' % (fn, '\t'.join(lab), ';'.join(e[0].split(';') + nf + ['sensitive' if sens else 'clean'])))
    with open(os.path.join(out, 'labels.tsv'), 'w', encoding='utf-8') as fh:
        fh.write('\n'.join(rows) + '\n')
    print('wrote %d messages to %s' % (len(order), out))


if __name__ == '__main__':
    main()
