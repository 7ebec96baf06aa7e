#!/usr/bin/env python3
"""Deterministic generator for the blind5 GP-practice mail corpus (python3 stdlib only).
usage: python3 gen.py [--out DIR]"""
import base64, hashlib, io, os, quopri, random, re, struct, sys, zipfile, zlib

SEED = 5150
R = random.Random(SEED)
OUT = os.path.dirname(os.path.abspath(__file__))
MSGS = []  # (bytes, labels tuple, note)

# ---------------------------------------------------------------- numbers
def elf_ok(s):
    if len(s) != 9 or not s.isdigit():
        return False
    t = sum(int(s[i]) * (9 - i) for i in range(8)) - int(s[8])
    return t % 11 == 0

def gen_bsn(rng, zero=False):
    while True:
        d = [rng.randint(0, 9) for _ in range(8)]
        if zero:
            d[0] = 0
        elif d[0] == 0:
            d[0] = rng.randint(1, 6)
        t = sum(d[i] * (9 - i) for i in range(8)) % 11
        if t < 10:
            s = "".join(map(str, d)) + str(t)
            if elf_ok(s):
                return s

def gen_fail(rng):
    while True:
        s = str(rng.randint(100000000, 999999999))
        if not elf_ok(s):
            return s

class Ctx(dict):
    def __init__(self, rng):
        super().__init__()
        self.rng = rng
    def get_key(self, k):
        m = re.fullmatch(r"([BNFZ])(\d+)(?:_(\w+))?", k)
        if not m:
            raise KeyError(k)
        base = m.group(1) + m.group(2)
        if base not in self:
            self[base] = gen_bsn(self.rng, m.group(1) == "Z") if m.group(1) in "BNZ" else gen_fail(self.rng)
        s = self[base]
        f = m.group(3) or ""
        if f == "":
            return s
        if f == "d":
            return s[:4] + "." + s[4:6] + "." + s[6:]
        if f == "p":
            return s[:3] + "." + s[3:6] + "." + s[6:]
        if f == "s":
            return s[:3] + " " + s[3:6] + " " + s[6:]
        if f == "s2":
            return s[:4] + " " + s[4:6] + " " + s[6:]
        if f == "a":
            return s[:4]
        if f == "b":
            return s[4:]
        if f == "a5":
            return s[:5]
        if f == "b4":
            return s[5:]
        if f == "e":
            return "".join("&#%d;" % ord(c) for c in s)
        if f == "rev":
            return s[::-1]
        raise KeyError(k)

def sub(x, ctx):
    if isinstance(x, str):
        return re.sub(r"\{([BNFZ]\d+(?:_\w+)?)\}", lambda m: ctx.get_key(m.group(1)), x)
    if isinstance(x, (list, tuple)):
        return type(x)(sub(y, ctx) for y in x)
    if isinstance(x, dict):
        return {k: sub(v, ctx) for k, v in x.items()}
    return x

# ---------------------------------------------------------------- MIME helpers
def b64lines(data):
    e = base64.b64encode(data).decode()
    return "\n".join(e[i:i + 76] for i in range(0, len(e), 76))

def qp(data):
    return quopri.encodestring(data).decode("ascii")

def enc_hdr(s, cs="utf-8"):
    try:
        s.encode("ascii")
        return s
    except UnicodeEncodeError:
        return "=?%s?B?%s?=" % (cs, base64.b64encode(s.encode(cs)).decode())

def leaf(ctype, data, cte, charset=None, filename=None, inline=False, extra=""):
    h = "Content-Type: " + ctype
    if charset:
        h += "; charset=" + charset
    if filename:
        h += ';\n\tname="%s"' % filename
    h += "\n"
    if filename:
        h += 'Content-Disposition: %s;\n\tfilename="%s"\n' % ("inline" if inline else "attachment", filename)
    if cte == "base64":
        body = b64lines(data)
    elif cte == "quoted-printable":
        body = qp(data)
    else:
        body = data.decode(charset or "ascii") if isinstance(data, bytes) else data
    h += "Content-Transfer-Encoding: %s\n" % cte + extra
    return h + "\n" + body

def multipart(sub_, parts, tag):
    b = "=_%s_%08x" % (tag, R.getrandbits(32))
    s = 'Content-Type: multipart/%s;\n\tboundary="%s"\n\n' % (sub_, b)
    s += "This is a multi-part message in MIME format.\n"
    for p in parts:
        s += "\n--%s\n%s\n" % (b, p.rstrip("\n"))
    s += "\n--%s--\n" % b
    return s

def to_html(text):
    import html as H
    paras = text.split("\n\n")
    out = []
    for p in paras:
        out.append("<p>" + "<br>\n".join(H.escape(l, quote=False) for l in p.split("\n")) + "</p>")
    return '<html><head><meta charset="utf-8"><style>p{margin:0 0 8px 0}</style></head>\n<body style="font-family:Arial,sans-serif;font-size:11pt">\n' + "\n".join(out) + "\n</body></html>"

CHARSETS = {"u": "utf-8", "w": "windows-1252", "l": "iso-8859-1"}
CTES = {"8": "8bit", "q": "quoted-printable", "b": "base64", "7": "7bit"}

def text_part(text, code, subtype="plain"):
    cs = CHARSETS[code[0]]
    cte = CTES[code[1]]
    try:
        data = text.encode(cs)
    except UnicodeEncodeError:
        cs = "utf-8"
        data = text.encode(cs)
    if cte == "7bit":
        try:
            text.encode("ascii")
        except UnicodeEncodeError:
            cte = "quoted-printable"
    if cte == "8bit" or cte == "7bit":
        body = text
        return "Content-Type: text/%s; charset=%s\nContent-Transfer-Encoding: %s\n\n%s" % (subtype, cs, cte, body), [cs, cte]
    return leaf("text/" + subtype, data, cte, cs), [cs, cte]

# ---------------------------------------------------------------- documents
def zbytes(files, encrypt_pw=None):
    bio = io.BytesIO()
    with zipfile.ZipFile(bio, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files:
            zi = zipfile.ZipInfo(name, date_time=(2025, 3, 14, 9, 30, 0))
            zi.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            z.writestr(zi, data)
    return bio.getvalue()

# ZipCrypto (traditional PKWARE) writer
_CRCT = []
for _i in range(256):
    _c = _i
    for _ in range(8):
        _c = (_c >> 1) ^ 0xEDB88320 if _c & 1 else _c >> 1
    _CRCT.append(_c)

def zipcrypto(files, pw):
    out = io.BytesIO()
    central = b""
    for name, data in files:
        if isinstance(data, str):
            data = data.encode("utf-8")
        crc = zlib.crc32(data) & 0xffffffff
        k = [0x12345678, 0x23456789, 0x34567890]
        def upd(ch):
            k[0] = (k[0] >> 8) ^ _CRCT[(k[0] ^ ch) & 0xff]
            k[1] = (k[1] + (k[0] & 0xff)) & 0xffffffff
            k[1] = (k[1] * 134775813 + 1) & 0xffffffff
            k[2] = (k[2] >> 8) ^ _CRCT[(k[2] ^ (k[1] >> 24)) & 0xff]
        for ch in pw.encode():
            upd(ch)
        comp = zlib.compressobj(9, zlib.DEFLATED, -15)
        cdata = comp.compress(data) + comp.flush()
        hdr = bytes(R.getrandbits(8) for _ in range(11)) + bytes([crc >> 24])
        enc = bytearray()
        for p in hdr + cdata:
            t = (k[2] | 2) & 0xffff
            enc.append(p ^ (((t * (t ^ 1)) >> 8) & 0xff))
            upd(p)
        nb = name.encode()
        off = out.tell()
        dt, dd = (9 << 11) | (30 << 5), ((2025 - 1980) << 9) | (3 << 5) | 14
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034b50, 20, 1, 8, dt, dd, crc, len(enc), len(data), len(nb), 0) + nb + bytes(enc))
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014b50, 20, 20, 1, 8, dt, dd, crc, len(enc), len(data), len(nb), 0, 0, 0, 0, 0, off) + nb
    cd_off = out.tell()
    out.write(central)
    out.write(struct.pack("<IHHHHIIH", 0x06054b50, 0, 0, len(files), len(files), len(central), cd_off, 0))
    return out.getvalue()

def xesc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'

def _wpara(p):
    # p: str or list of str runs; "**x" bold run
    runs = p if isinstance(p, list) else [p]
    rr = ""
    for r in runs:
        b = ""
        if r.startswith("**"):
            r, b = r[2:], "<w:rPr><w:b/></w:rPr>"
        rr += '<w:r>%s<w:t xml:space="preserve">%s</w:t></w:r>' % (b, xesc(r))
    return "<w:p>%s</w:p>" % rr

def docx(blocks, header=None):
    """blocks: list of str / list-of-runs (paragraph) or ('table', rows)."""
    body = ""
    for b in blocks:
        if isinstance(b, tuple) and b[0] == "table":
            t = '<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr>'
            for row in b[1]:
                t += "<w:tr>" + "".join("<w:tc><w:tcPr><w:tcW w:w=\"2400\" w:type=\"dxa\"/></w:tcPr>%s</w:tc>" % _wpara(c) for c in row) + "</w:tr>"
            body += t + "</w:tbl>"
        else:
            body += _wpara(b)
    sect = ""
    rels = ""
    ct_extra = ""
    files = []
    if header:
        sect = '<w:sectPr><w:headerReference w:type="default" r:id="rIdH1"/></w:sectPr>'
        rels = '<Relationship Id="rIdH1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>'
        ct_extra = '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>'
        files.append(("word/header1.xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr %s>%s</w:hdr>' % (W, "".join(_wpara(h) for h in header))))
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>%s</Types>' % ct_extra)
    rr = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
          '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
    dr = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">%s</Relationships>' % rels)
    doc = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document %s><w:body>%s%s</w:body></w:document>' % (W, body, sect)
    return zbytes([("[Content_Types].xml", ct), ("_rels/.rels", rr), ("word/document.xml", doc), ("word/_rels/document.xml.rels", dr)] + files)

def _col(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s

def xlsx(rows, sheet="Blad1"):
    """rows: list of lists; int -> numeric cell, str -> inline string."""
    sd = ""
    for ri, row in enumerate(rows, 1):
        sd += '<row r="%d">' % ri
        for ci, v in enumerate(row):
            ref = "%s%d" % (_col(ci), ri)
            if isinstance(v, (int, float)):
                sd += '<c r="%s"><v>%s</v></c>' % (ref, v)
            elif isinstance(v, str) and v.startswith("#n:"):
                sd += '<c r="%s"><v>%s</v></c>' % (ref, v[3:])
            elif v != "":
                sd += '<c r="%s" t="inlineStr"><is><t>%s</t></is></c>' % (ref, xesc(v))
        sd += "</row>"
    ws = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>%s</sheetData></worksheet>' % sd)
    wb = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
          '<sheets><sheet name="%s" sheetId="1" r:id="rId1"/></sheets></workbook>' % xesc(sheet))
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
          '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
    rr = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
          '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    wr = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
          '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
    return zbytes([("[Content_Types].xml", ct), ("_rels/.rels", rr), ("xl/workbook.xml", wb), ("xl/_rels/workbook.xml.rels", wr), ("xl/worksheets/sheet1.xml", ws)])

def odt(paras):
    body = "".join("<text:p>%s</text:p>" % xesc(p) for p in paras)
    content = ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:text>%s</office:text></office:body></office:document-content>' % body)
    man = ('<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
           '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
           '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>')
    return zbytes([("mimetype", "application/vnd.oasis.opendocument.text"), ("META-INF/manifest.xml", man), ("content.xml", content)])

def _pdfstr(s):
    b = s.encode("cp1252", "replace")
    return b"(" + b.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"

def _rc4(key, data):
    S = list(range(256))
    j = 0
    for i in range(256):
        j = (j + S[i] + key[i % len(key)]) & 255
        S[i], S[j] = S[j], S[i]
    i = j = 0
    out = bytearray()
    for c in data:
        i = (i + 1) & 255
        j = (j + S[i]) & 255
        S[i], S[j] = S[j], S[i]
        out.append(c ^ S[(S[i] + S[j]) & 255])
    return bytes(out)

_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")

def pdf(pages, password=None, split=None, reverse_split=False):
    """pages: list of lists of lines. split: a string to draw as separate text objects."""
    objs = {}
    n_pages = len(pages)
    page_ids = []
    nid = 4
    for lines in pages:
        ops = [b"BT /F1 10 Tf 14 TL 56 790 Td"]
        for ln in lines:
            ops.append(_pdfstr(ln) + b" '")
        ops.append(b"ET")
        if split and any(split in ln for ln in lines):
            pass
        stream = b"\n".join(ops)
        cid, pid = nid, nid + 1
        nid += 2
        objs[cid] = ("stream", stream)
        objs[pid] = ("dict", b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % cid)
        page_ids.append(pid)
    objs[1] = ("dict", b"<< /Type /Catalog /Pages 2 0 R >>")
    objs[2] = ("dict", b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % p for p in page_ids) + b"] /Count %d >>" % n_pages)
    objs[3] = ("dict", b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    fid = hashlib.md5(repr(pages).encode()).digest()
    key = None
    if password is not None:
        opad = (b"eigenaar" + _PAD)[:32]
        upad = (password.encode() + _PAD)[:32]
        okey = hashlib.md5(opad).digest()[:5]
        O = _rc4(okey, upad)
        P = -44
        key = hashlib.md5(upad + O + struct.pack("<i", P) + fid).digest()[:5]
        U = _rc4(key, _PAD)
        eid = nid
        objs[eid] = ("dict", b"<< /Filter /Standard /V 1 /R 2 /O <" + O.hex().encode() + b"> /U <" + U.hex().encode() + b"> /P -44 >>")
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offs = {}
    for i in sorted(objs):
        offs[i] = out.tell()
        kind, data = objs[i]
        if kind == "stream":
            if key is not None:
                ok = hashlib.md5(key + struct.pack("<I", i)[:3] + b"\x00\x00").digest()[:10]
                data = _rc4(ok, data)
            out.write(b"%d 0 obj\n<< /Length %d >>\nstream\n" % (i, len(data)) + data + b"\nendstream\nendobj\n")
        else:
            out.write(b"%d 0 obj\n" % i + data + b"\nendobj\n")
    xref = out.tell()
    mx = max(objs)
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (mx + 1))
    for i in range(1, mx + 1):
        out.write(b"%010d 00000 n \n" % offs[i])
    tr = b"<< /Size %d /Root 1 0 R /ID [<%s><%s>]" % (mx + 1, fid.hex().encode(), fid.hex().encode())
    if key is not None:
        tr += b" /Encrypt %d 0 R" % eid
    out.write(b"trailer\n" + tr + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref)
    return out.getvalue()

def pdf_split(lines_before, parts, lines_after, reverse=False):
    """One-page PDF whose line with `parts` is drawn as separate text objects at increasing x."""
    ops = [b"BT /F1 10 Tf 14 TL 56 790 Td"]
    for ln in lines_before:
        ops.append(_pdfstr(ln) + b" '")
    ops.append(b"ET")
    y = 790 - 14 * (len(lines_before) + 1)
    x = 56
    objs = []
    for p in parts:
        objs.append(b"BT /F1 10 Tf %d %d Td " % (x, y) + _pdfstr(p) + b" Tj ET")
        x += int(len(p) * 5.6) + 1
    if reverse:
        objs = objs[::-1]
    ops += objs
    ops.append(b"BT /F1 10 Tf 14 TL 56 %d Td" % (y - 14))
    for ln in lines_after:
        ops.append(_pdfstr(ln) + b" '")
    ops.append(b"ET")
    stream = b"\n".join(ops)
    body = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>"]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offs = []
    for i, d in enumerate(body, 1):
        offs.append(out.tell())
        out.write(b"%d 0 obj\n" % i + d + b"\nendobj\n")
    offs.append(out.tell())
    out.write(b"5 0 obj\n<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream\nendobj\n")
    x = out.tell()
    out.write(b"xref\n0 6\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offs))
    out.write(b"trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % x)
    return out.getvalue()

def ics(summary, start, desc, loc=""):
    return ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Praktijk//Agenda//NL\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\n"
            "UID:%s@agenda.example\r\nDTSTAMP:20250301T090000Z\r\nDTSTART:%s\r\nDTEND:%s\r\nSUMMARY:%s\r\nLOCATION:%s\r\nDESCRIPTION:%s\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
            % (hashlib.md5((summary + start).encode()).hexdigest()[:16], start, start[:-4] + "%04d" % (int(start[-4:]) + 3000), summary, loc, desc.replace("\n", "\\n"))).encode("utf-8")

def vcf(fn, lines):
    return ("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:%s\r\n%s\r\nEND:VCARD\r\n" % (fn, "\r\n".join(lines))).encode("utf-8")

# ---------------------------------------------------------------- message assembly
CT = {"pdf": "application/pdf", "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "odt": "application/vnd.oasis.opendocument.text",
      "csv": "text/csv", "txt": "text/plain", "ics": "text/calendar", "vcf": "text/vcard", "zip": "application/zip"}

def build_file(spec, tags):
    k = spec[0]
    if k == "pdf":
        tags.add("pdf")
        return spec[1], pdf(spec[2])
    if k == "pdfsplit":
        tags.add("pdf-split" + ("-reversed" if len(spec) > 5 and spec[5] else ""))
        return spec[1], pdf_split(spec[2], spec[3], spec[4], len(spec) > 5 and spec[5])
    if k == "pdfenc":
        tags.add("pdf-encrypted")
        return spec[1], pdf(spec[2], password=spec[3])
    if k == "docx":
        tags.add("docx")
        return spec[1], docx(spec[2], spec[3] if len(spec) > 3 else None)
    if k == "xlsx":
        tags.add("xlsx")
        return spec[1], xlsx(spec[2])
    if k == "odt":
        tags.add("odt")
        return spec[1], odt(spec[2])
    if k in ("csv", "txt"):
        tags.add(k)
        return spec[1], spec[2].encode(spec[3] if len(spec) > 3 else "utf-8")
    if k == "ics":
        tags.add("ics")
        return spec[1], ics(*spec[2])
    if k == "vcf":
        tags.add("vcf")
        return spec[1], vcf(spec[2], spec[3])
    if k == "zip":
        tags.add("zip")
        return spec[1], zbytes([build_file(s, tags) for s in spec[2]])
    if k == "zipenc":
        tags.add("zip-encrypted")
        return spec[1], zipcrypto([build_file(s, tags) for s in spec[2]], spec[3])
    if k == "trunc":
        name, data = build_file(spec[1], tags)
        tags.add("truncated")
        return name, data[: len(data) * spec[2] // 100]
    if k == "bin":
        tags.add("binary")
        return spec[1], spec[2]
    raise ValueError(k)

def att_part(spec, tags):
    if spec[0] == "eml":
        tags.add("rfc822")
        inner = build_msg(spec[1], tags)
        fn = spec[2] if len(spec) > 2 else None
        h = "Content-Type: message/rfc822\n"
        if fn:
            h += 'Content-Disposition: attachment;\n\tfilename="%s"\n' % fn
        else:
            h += "Content-Disposition: inline\n"
        return h + "\n" + inner
    name, data = build_file(spec, tags)
    ext = name.rsplit(".", 1)[-1].lower()
    ctype = CT.get(ext, "application/octet-stream")
    if spec[0] == "bin" and len(spec) > 3:
        ctype = spec[3]
    if ctype.startswith("text/") and spec[0] in ("csv", "txt"):
        cs = spec[3] if len(spec) > 3 else "utf-8"
        cte = "quoted-printable" if len(name) % 2 else "base64"
        return leaf(ctype, data, cte, cs, filename=enc_hdr(name))
    if ctype.startswith("text/"):
        return leaf(ctype, data, "base64", "utf-8", filename=name)
    return leaf(ctype, data, "base64", filename=enc_hdr(name))

_DATE0 = 20090  # days since epoch-ish counter for dates
MON = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
DOW = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

def mkdate(rng):
    import datetime
    d = datetime.datetime(2025, 1, 6) + datetime.timedelta(days=rng.randint(0, 320), minutes=rng.randint(7 * 60, 22 * 60))
    tz = "+0100" if d.month < 4 or d.month > 10 else "+0200"
    return "%s, %02d %s %d %02d:%02d:%02d %s" % (DOW[d.weekday()], d.day, MON[d.month - 1], d.year, d.hour, d.minute, d.second if d.second else rng.randint(0, 59), tz)

def build_msg(p, tags):
    """p: dict with frm,to,subj,body,fmt,html,atts,cc,hdrs."""
    rng = R
    fmt = p.get("fmt", "uq")
    h = "Date: %s\n" % p.get("date", mkdate(rng))
    h += "From: %s\nTo: %s\n" % (enc_hdr(p["frm"]), enc_hdr(p["to"]))
    if p.get("cc"):
        h += "Cc: %s\n" % enc_hdr(p["cc"])
    h += "Subject: %s\n" % enc_hdr(p["subj"], "utf-8")
    dom = p["frm"].split("@")[-1].rstrip(">").strip() or "mail.example"
    h += "Message-ID: <%08x.%04x@%s>\n" % (rng.getrandbits(32), rng.getrandbits(16), dom)
    for k, v in p.get("hdrs", []):
        h += "%s: %s\n" % (k, v)
    h += "MIME-Version: 1.0\n"
    body = p.get("body", "")
    if fmt.startswith("h:"):
        html = p.get("html") or to_html(body)
        bp, t = text_part(html, fmt[2:], "html")
        tags.update(["html-only"] + t)
    elif fmt.startswith("a:"):
        html = p.get("html") or to_html(body)
        p1, t1 = text_part(body, fmt[2:])
        p2, t2 = text_part(html, fmt[2:], "html")
        bp = multipart("alternative", [p1, p2], "alt")
        tags.update(["alternative"] + t1 + t2)
    elif fmt == "raw":
        bp = p["raw"]
        tags.update(p.get("rawtags", []))
    else:
        bp, t = text_part(body, fmt)
        tags.update(["plain"] + t)
    atts = p.get("atts", [])
    if atts:
        parts = [bp] + [att_part(a, tags) for a in atts]
        bp = multipart("mixed", parts, "mix")
        tags.add("mixed")
    return h + bp

def add(kind, labels, frm, to, subj, body="", fmt="uq", **kw):
    ctx = Ctx(random.Random(SEED * 1000 + len(MSGS)))
    p = dict(frm=frm, to=to, subj=subj, body=body, fmt=fmt, **kw)
    p = subst_params(p, ctx)
    tags = set()
    txt = build_msg(p, tags)
    lf = kw.get("lf", len(MSGS) % 8 == 3)
    if lf:
        tags.add("lf")
        data = txt.encode("utf-8", "surrogateescape")
    else:
        data = txt.replace("\n", "\r\n").encode("utf-8", "surrogateescape")
    lab = tuple(int(c in labels) for c in "bhpu")
    note = ";".join([kind] + sorted(tags) + ["sensitive" if any(lab) else "clean"])
    MSGS.append((data, lab, note, ctx))

def subst_params(p, ctx):
    q = {}
    for k, v in p.items():
        if k == "atts":
            q[k] = [subst_spec(s, ctx) for s in v]
        else:
            q[k] = sub(v, ctx) if isinstance(v, (str, list, tuple)) else v
    return q

def subst_spec(s, ctx):
    if s[0] == "eml":
        return ("eml", subst_params(s[1], ctx)) + tuple(sub(x, ctx) for x in s[2:])
    if s[0] in ("zip", "zipenc"):
        return (s[0], sub(s[1], ctx), [subst_spec(x, ctx) for x in s[2]]) + tuple(s[3:])
    if s[0] == "trunc":
        return ("trunc", subst_spec(s[1], ctx), s[2])
    if s[0] == "bin":
        return s
    return tuple(sub(x, ctx) if not isinstance(x, bytes) else x for x in s)

# ---------------------------------------------------------------- content
P = "Huisartsenpraktijk"
# ======================= patients and families =======================
add("patient;nl-informal;phone-typed", "h", "sanne.vd.berg@hotmail.example", "info@praktijk-deberkenhof.nl", "vraagje",
    "hoi\nik heb nu al 4 dagen zon brandend gevoel bij het plassen en moet de hele tijd naar de wc ook snachts. kan ik urine brengen of moet ik langskomen\nsanne", "u8")
add("patient;nl-formal;letter", "hp", "W.J. Hofstede <wj.hofstede@kpnmail.example>", "assistentes@praktijk-deberkenhof.nl", "Verzoek herhaalrecept",
    "Geachte dokter Veenstra,\n\nHierbij verzoek ik u vriendelijk om een herhaalrecept voor mijn medicatie. Het betreft de Sintrom (1 mg) en de Selokeen Zoc 50 mg. Mijn voorraad is tot en met aanstaande vrijdag toereikend.\n\nVoor de volledigheid: Willem Jan Hofstede, geboren 3 november 1941, Kerkstraat 14, 7701 BP Dedemsvaart.\n\nDe trombosedienst heeft vorige week mijn INR gemeten, deze was 3,4.\n\nMet de meeste hoogachting,\n\nW.J. Hofstede", "w8")
add("patient;nl;voice-dictated", "h", "Gerrit Mulder <g.mulder1958@ziggo.example>", "balie@praktijk-hetanker.nl", "Bericht van mijn telefoon",
    "Goedemorgen ik wilde even laten weten dat die nieuwe pillen voor de bloeddruk de amlodipine dat ik daar hele dikke enkels van krijg zo dik als een olifant zegt mijn vrouw en ik slaap ook slecht dus ik weet niet of ik daarmee door moet gaan of dat de dokter wat anders wil voorschrijven ik hoor het graag groeten Gerrit Mulder\n\nVerzonden vanaf mijn iPhone", "uq")
add("patient;nl-informal;no-signature", "h", "kimmie_x@gmail.example", "info@praktijk-hetanker.nl", "",
    "ben 7 weken zwanger denk ik, test was positief. moet ik nu naar jullie of meteen naar de verloskundige? heb ook veel bloedverlies gehad vannacht beetje bang", "u8")
add("patient;pl;imperfect-dutch", "h", "Agnieszka Wójcik <a.wojcik@wp.example>", "info@praktijk-dewaard.nl", "Pytanie / vraag over mijn dochter",
    "Goedendag,\n\nMijn dochter Zuzanna (6 jaar) heeft sinds drie dagen hoge koorts, 39,8 en ze wil niet eten. Vandaag ook rode vlekjes op de buik. Ik geef paracetamol zetpil maar het helpt niet lang. Moet ik komen met haar? Mijn nederlands is niet zo goed, sorry.\n\nDziękuję,\nAgnieszka Wójcik", "ub")
add("patient;en;expat", "hp", "Tom Fairbanks <tom.fairbanks@outlook.example>", "info@praktijk-oostpoort.nl", "New patient - transferring my prescriptions",
    "Hi there,\n\nI've just moved to Amsterdam from Leeds and registered with your practice last week. I take sertraline 100mg daily for depression/anxiety and propranolol 40mg as needed. I have about 10 days left.\n\nMy details: Thomas Fairbanks, DOB 22/07/1990, new address Javastraat 88-II, 1094 HG Amsterdam.\n\nCould the doctor issue a Dutch prescription? Happy to come in if needed.\n\nCheers,\nTom", "a:u7")
add("patient;de;family", "h", "Heike Brandt <heike.brandt@web.example>", "praktijk@praktijk-grensland.nl", "Meine Mutter - Demenz",
    "Sehr geehrte Frau Doktor,\n\nich schreibe Ihnen wegen meiner Mutter, Frau Ingrid Brandt, die bei Ihnen Patientin ist. Sie wird immer vergesslicher, hat letzte Woche zweimal den Herd angelassen und erkennt ihre Enkel manchmal nicht mehr. Der Neurologe hatte im Frühjahr eine beginnende Alzheimer-Demenz festgestellt. Könnten Sie einen Hausbesuch machen? Ich wohne in Kleve und kann nicht jeden Tag kommen.\n\nMit freundlichen Grüßen\nHeike Brandt", "lq")
add("patient;tr;imperfect-dutch", "h", "Mehmet Yıldız <mehmetyildiz61@hotmail.example>", "info@praktijk-dewaard.nl", "uitslag",
    "goede dag dokter\nik heb vorige week bloed gegeven bij de prikpost voor de suiker. de assistent zei u belt maar niemand heeft gebeld. is mijn suiker nu goed of moet ik meer tabletten? ik gebruik nu metformine 2 keer per dag\ndank u\nMehmet Yıldız", "u8")
add("patient;ar;imperfect-dutch", "h", "Rania Haddad <rania.haddad@gmail.example>", "assistente@praktijk-oostpoort.nl", "Afspraak voor mijn man",
    "Hallo,\nMijn man Karim heeft veel pijn in zijn borst als hij trap loopt en hij is moe. Hij wil niet naar dokter maar ik maak mij zorgen. Zijn vader is dood met hartaanval. Kan hij morgen komen? Hij spreekt weinig Nederlands, ik kom mee voor vertalen.\nشكرا\nRania", "ub")
add("patient;ti;imperfect-dutch", "h", "Yonas Tesfay <yonas.tesfay@gmail.example>", "info@praktijk-hetanker.nl", "medicijn op",
    "Goede middag\nmijn medicijn voor astma is op, de blauwe puffer en de oranje puffer. ik heb ook veel hoest nu s nachts. kan de dokter nieuw recept sturen naar apotheek Zuidplein?\nየቐንየለይ\nYonas", "u8")
add("patient;nl-informal;typos", "h", "Dennis <dennis.kuipers88@live.example>", "info@praktijk-deberkenhof.nl", "Re: terugbel verzoek",
    "hallo hierbij nog ff de info want de asistente vroeg dat. ik heb al 3 weken last van me rug onderin en het trekt door naar me linker been tot in me voet, tintelingen enzo. ibuprofen helpt bijna niet meer en ik kan niet werken (stratenmaker). miss een foto laten maken ofzo?\n\ngr dennis", "w8")
add("patient;nl;mental-health", "h", "Lotte Verhoef <lotteverhoef@protonmail.example>", "dr.bakker@praktijk-hetanker.nl", "Na ons gesprek van dinsdag",
    "Beste dokter Bakker,\n\nIk wilde u nog even laten weten hoe het gaat sinds ons gesprek. De escitalopram neem ik nu twee weken. De eerste dagen was ik erg misselijk, dat is nu minder. Ik slaap nog steeds maar een paar uur en de paniekaanvallen in de trein zijn er nog. Ik heb me wel aangemeld bij de POH-GGZ zoals u voorstelde, de eerste afspraak is over drie weken.\n\nIk vind het fijn dat ik dit zo kan mailen, praten vind ik nog lastig.\n\nGroet,\nLotte", "a:uq")
add("patient;nl;addiction", "h", "anoniem1979@gmail.example", "poh@praktijk-oostpoort.nl", "hulp",
    "ik durf het niet aan de balie te zeggen maar ik drink al een paar jaar elke dag een fles wijn of meer en s ochtends tril ik. mijn vrouw weet het niet echt. u heeft mij vorige maand gezien voor mijn maag. wat moet ik doen\n\nRob", "u8")
add("patient;nl;sexual-health", "h", "J. de Graaf <jdegraaf@ziggo.example>", "info@praktijk-deberkenhof.nl", "Uitslag soa-test",
    "Goedemiddag,\n\nIk heb vorige week een soa-test laten doen bij jullie (urine en bloed). Ik heb nog geen bericht gekregen. Mijn partner heeft inmiddels te horen gekregen dat zij chlamydia heeft, dus ik vermoed dat ik het ook heb. Kan er alvast een kuur klaargezet worden?\n\nMvg,\nJeroen de Graaf", "l8")
add("patient;nl;elderly-parent", "hp", "Marjolein Smit <marjolein.smit@xs4all.example>", "huisarts@praktijk-hetanker.nl", "Zorgen om mijn vader, dhr. A. Smit",
    "Beste dokter,\n\nMijn vader Albert Smit (geb. 14-02-1936), Molenweg 3 in Hoogeveen, is sinds het overlijden van mijn moeder erg achteruitgegaan. Hij eet nauwelijks, is 6 kilo afgevallen en vergeet zijn pillen (de plaspillen en de bloedverdunner). Vorige week is hij gevallen in de badkamer. De thuiszorg komt nu 1x per dag maar dat is niet genoeg.\n\nKunt u eens bij hem langsgaan? Ik ben telefonisch bereikbaar overdag.\n\nHartelijke groet,\nMarjolein Smit", "wq")
add("patient;nl-informal;child", "h", "Femke <femke.jansen@icloud.example>", "info@praktijk-dewaard.nl", "Noah",
    "Hoi! Noah (2) heeft sinds gisteren zo'n blafhoest en piept een beetje bij het inademen vooral 's nachts. Geen koorts. Is dit die pseudokroep? Moet ik bellen of kan het wachten tot maandag?\nxx Femke", "u8")
add("patient;nl;test-result", "h", "Ria Doornbos <r.doornbos@planet.example>", "assistentes@praktijk-deberkenhof.nl", "Cholesterol",
    "Hallo dames,\n\nDe dokter zei dat mijn cholesterol te hoog was, 7,2 geloof ik, en dat ik moest nadenken over een statine. Ik heb er over nagedacht en wil het eerst 3 maanden met dieet proberen. Kan er over drie maanden weer een bloedafname ingepland worden?\n\nGroet Ria Doornbos", "w8")
add("patient;nl;medication-description", "h", "Henk Wolters <henkwolters@home.example>", "apotheekvragen@praktijk-hetanker.nl", "Pilletjes",
    "Goedemorgen,\n\nIk heb van de apotheek een ander doosje gekregen. Voorheen waren de witte pilletjes voor mijn hart rond, nu zijn ze ovaal en geel. Is dat hetzelfde middel? Ik wil niet per ongeluk dubbel nemen want ik heb ook nog die kleine rode voor het water.\n\nMet vriendelijke groet,\nHenk Wolters", "l8")
add("patient;nl;partner", "h", "Priya Ramdin <priya.ramdin@gmail.example>", "info@praktijk-oostpoort.nl", "Mijn man Sunil",
    "Beste dokter, mijn man Sunil Ramdin is vandaag thuisgekomen uit het ziekenhuis na zijn dotterbehandeling. Hij heeft nu 5 nieuwe medicijnen en we weten niet goed wanneer hij wat moet nemen, vooral de clopidogrel en de ascal. De apotheek was al dicht. Kunnen we morgen even bellen met de praktijkondersteuner? Groetjes Priya", "uq")
add("patient;nl;clean-question", "", "Bert Hoekstra <bert.hoekstra@ziggo.example>", "info@praktijk-deberkenhof.nl", "Openingstijden rond Pasen",
    "Goedemiddag,\n\nZijn jullie op Tweede Paasdag gewoon open, of moet ik dan naar de huisartsenpost bellen als er iets is? En geldt dat ook voor Hemelvaart?\n\nBedankt alvast,\nBert Hoekstra", "w8")
add("patient;nl;clean-question", "", "yvonne.k@kpnmail.example", "info@praktijk-hetanker.nl", "website werkt niet",
    "jullie afspraken knop op de site geeft een foutmelding 404. al sinds gisteren. ff laten weten\nyvonne", "u8")
add("patient;nl;clean-compliment", "", "Fam. Oosterhuis <oosterhuis.fam@hetnet.example>", "info@praktijk-dewaard.nl", "Bedankt!",
    "Beste allemaal,\n\nWe willen het hele team heel hartelijk bedanken voor de fijne zorg de afgelopen jaren. Omdat we gaan verhuizen naar Zeeland nemen we afscheid van jullie praktijk. Er komt een doos bonbons aan voor bij de koffie!\n\nHartelijke groet,\nJan en Tineke Oosterhuis", "a:w8")
add("patient;en;clean-question", "", "Lucia Moretti <lucia.moretti@mail.example>", "info@praktijk-oostpoort.nl", "Are you accepting new patients?",
    "Hello,\n\nMy partner and I are moving to Oost in September. Is your practice currently accepting new patients, and what do we need to bring to register? Our insurance is through our employer.\n\nKind regards,\nLucia Moretti", "u7")
add("patient;nl;clean-parking", "", "A. Bosman <a.bosman@zeelandnet.example>", "info@praktijk-deberkenhof.nl", "Parkeren bij de praktijk",
    "Geachte heer/mevrouw,\n\nSinds de nieuwe bestrating zijn de invalidenparkeerplaatsen voor de deur verdwenen. Is dit tijdelijk? Ik heb dit ook bij de gemeente gemeld.\n\nMet vriendelijke groet,\nA. Bosman", "l8")
add("patient;nl;bsn-self", "bhp", "Fatima El Amrani <f.elamrani@gmail.example>", "inschrijving@praktijk-oostpoort.nl", "Inschrijven + medicatie",
    "Beste,\n\nHierbij mijn gegevens voor inschrijving:\nNaam: Fatima El Amrani\nGeboortedatum: 09-09-1987\nBSN: {B1}\nAdres: Hoofdweg 221-3, 1058 BB Amsterdam\n\nIk gebruik levothyroxine 75 mcg voor mijn schildklier en ik ben in mijn vorige praktijk onder controle voor zwangerschapsdiabetes geweest (2023).\n\nGroet,\nFatima", "uq")
add("patient;nl-informal;bsn-self", "bp", "Petra Visser <p.visser@online.example>", "balie@praktijk-hetanker.nl", "bsn zoals gevraagd",
    "hierbij mijn burgerservicenummer {B1_p}\nvoor het portaal\npetra visser", "u8")
add("patient;nl;bsn-child", "bhp", "Sander Kramer <sander.kramer@gmail.example>", "info@praktijk-dewaard.nl", "Inschrijving zoon Mees Kramer",
    "Goedendag,\n\nGraag schrijven wij onze zoon in, hij is vorige week geboren!\nMees Kramer\ngeboren 28-05-2025\nbsn {B1}\n\nHij ligt nog met geelzucht onder de lamp in het ziekenhuis (Isala), waarschijnlijk mag hij donderdag naar huis. De kraamzorg is geregeld.\n\nGroeten,\nSander & Eva", "u8")
add("patient;nl;voice-dictated;bsn-spaced", "bhp", "Johan Timmer <jtimmer@caiway.example>", "info@praktijk-deberkenhof.nl", "Verwijzing",
    "Dag dokter ik moet van de orthopeed een nieuwe verwijzing hebben voor mijn knie want de oude is verlopen na een jaar ze vroegen ook mijn burgerservicenummer dat is {B1_s} en ik ben geboren op 12 april 1962 Johan Timmer de knie is nog steeds dik na de meniscusoperatie dank u wel", "wq")
add("patient;nl;clean-portal", "", "h.vanleeuwen@telfort.example", "info@praktijk-hetanker.nl", "Inloggen portaal lukt niet",
    "Hallo,\n\nIk probeer in te loggen op het patiëntenportaal met DigiD maar krijg steeds 'sessie verlopen'. Ik heb het op mijn laptop en mijn telefoon geprobeerd. Weten jullie of er een storing is?\n\nGroet,\nH. van Leeuwen", "uq")
add("patient;nl;mental-health;child", "h", "Karin Dijkstra <karin.dijkstra@hotmail.example>", "poh-ggz@praktijk-dewaard.nl", "Onze dochter Isa",
    "Beste Marieke,\n\nNaar aanleiding van het gesprek met Isa vorige week: het gaat niet beter. Ze snijdt zich weer in haar armen, dat zagen we gisteren. Ze zegt dat het komt door het pesten op school. Ze wil wel met iemand praten maar niet met ons erbij. Kan de verwijzing naar de jeugd-GGZ met spoed?\n\nKarin Dijkstra (moeder)", "a:uq")
add("patient;en;sexual-health", "h", "Alex <alex.r@fastmail.example>", "info@praktijk-oostpoort.nl", "PrEP question",
    "hi, I've been on PrEP through the GGD for a year but they have a waiting list now. Could my kidney function test (creatinine) be done at your practice instead? last one was fine. Thanks, Alex Romero", "u8")
add("patient;nl;pregnancy", "hp", "Noor Bakker <noor.bakker@gmail.example>", "info@praktijk-hetanker.nl", "Zwanger en medicijnen",
    "Hallo,\n\nIk ben Noor Bakker, 12-08-1994. Ik ben 10 weken zwanger en gebruik nog steeds mijn lamotrigine voor epilepsie. De verloskundige zei dat ik dit met de huisarts en neuroloog moest overleggen. Mag ik gewoon doorgaan met dezelfde dosis (2x 100 mg)?\n\nGroetjes, Noor", "u8")
add("patient;nl;dementia;letter-winkel", "h", "Familie Peters <fam.peters@kpnplanet.example>", "huisarts@praktijk-deberkenhof.nl", "Moeder Peters en rijbewijs",
    "Geachte dokter,\n\nOnze moeder, mevrouw Peters van de Lindelaan, wil per se haar rijbewijs verlengen. Sinds de diagnose vasculaire dementie in januari vinden wij dat eigenlijk niet verantwoord. Zij luistert niet naar ons. Kunt u bij het volgende consult hierover met haar spreken?\n\nHoogachtend,\nde kinderen Peters", "l8")
add("patient;nl-informal;short", "h", "mo.b@hotmail.example", "balie@praktijk-oostpoort.nl", "spiraal",
    "wanneer kan mijn spiraaltje eruit? wil zwanger worden. is nu 5 jaar (mirena)", "u8")
add("patient;nl;physical", "h", "Petra Lammers <petra.lammers@ziggo.example>", "info@praktijk-dewaard.nl", "Moedervlek",
    "Goedemiddag,\n\nIk heb een moedervlek op mijn rug die de laatste maanden groter is geworden en soms bloedt als ik me afdroog. Mijn man heeft er een foto van gemaakt. Mag ik die foto mailen of moet ik een afspraak maken? Ik heb in 2019 ook al een basaalcelcarcinoom op mijn neus gehad.\n\nVriendelijke groet,\nPetra Lammers", "w8")
add("patient;pl;work", "h", "Tomasz Nowak <tomasz.nowak84@o2.example>", "info@praktijk-grensland.nl", "ziek briefje werkgever",
    "Dzień dobry, goede dag\nmijn baas wil papier van dokter dat ik ziek ben. ik ben gevallen van ladder op werk, hand gebroken, gips in ziekenhuis. kan dokter dit maken? ik werk in kas bij Westland\nTomasz Nowak", "u8")
add("patient;nl;reply-with-quote", "h", "Ingrid Molenaar <ingrid.molenaar@xs4all.example>", "assistentes@praktijk-hetanker.nl", "Re: Uw vraag over de uitslag",
    "Dank u wel, dan kom ik donderdag om 10.20 uur.\n\nIngrid\n\n> Op 14 maart 2025 schreef Assistentes Het Anker:\n>\n> Beste mevrouw Molenaar,\n>\n> De huisarts heeft uw uitslagen bekeken. Uw ijzergehalte (ferritine 6) is erg laag.\n> Zij wil graag met u bespreken of er verder onderzoek van darmen of maag nodig is,\n> en start alvast met ferrofumaraat 200 mg 1x per dag.\n>\n> Met vriendelijke groet,\n> Esther, doktersassistente", "uq")
add("patient;nl-informal;clean-thanks", "", "roos1992@gmail.example", "info@praktijk-deberkenhof.nl", "Re: afspraak verzet",
    "top dankje!!\n\n> Beste Roos, uw afspraak is verzet naar woensdag 9.40 uur. Groet, de assistentes", "u8")
add("patient;nl;gdpr-request", "", "C. Schouten <c.schouten@hetnet.example>", "privacy@praktijk-oostpoort.nl", "Vraag over privacyverklaring",
    "Geachte heer/mevrouw,\n\nIn uw privacyverklaring staat dat u gegevens deelt via het LSP. Kunt u mij uitleggen hoe ik daar toestemming voor kan intrekken? Ik heb geen klachten, ik wil het alleen begrijpen.\n\nMet vriendelijke groet,\nC. Schouten", "l8")
add("patient;nl;elderly;eye", "h", "Jannie Koster <jannie.koster@hccnet.example>", "info@praktijk-grensland.nl", "Oog",
    "Goedemorgen\n\nsinds gisteravond zie ik met mijn rechteroog allemaal zwarte vlekjes en soms lichtflitsen. net alsof er een gordijn van boven komt. Ik ben 78. moet ik hier mee wachten?\n\nJannie Koster", "lq")
add("patient;en;clean-certificate", "", "Daniel Okafor <d.okafor@uni.example>", "info@praktijk-oostpoort.nl", "Vaccination certificate for travel?",
    "Hello, do GPs in the Netherlands issue yellow fever vaccinations or should I go to the GGD travel clinic? Just want to know where to book. Thanks, Daniel", "u7")
# ======================= professionals (sensitive) =======================
add("referral;gp-to-hospital;docx-table", "bhp", "Dr. R. Veenstra <r.veenstra@praktijk-deberkenhof.nl>", "poli.cardiologie@ziekenhuis-rijnland.test", "Verwijzing cardiologie",
    "Geachte collega,\n\nBijgaand de verwijsbrief voor mevrouw Van Dam. Graag beoordeling op de poli.\n\nMet collegiale groet,\nR. Veenstra, huisarts", "wq",
    atts=[("docx", "verwijzing_cardiologie.docx", [
        "**Verwijsbrief cardiologie",
        ("table", [["Patiënt", "mw. G.H. van Dam-Brouwer"], ["Geboortedatum", "17-06-1951"], ["BSN", "{B1}"], ["Adres", "Zuiderweg 40, 1456 NB Wijdewormer"]]),
        "Reden van verwijzing: sinds 2 maanden palpitaties en kortademigheid bij inspanning. ECG in de praktijk: atriumfibrilleren, ventrikelfrequentie 110/min.",
        "Medicatie: metoprolol 50 mg 1dd1, apixaban 5 mg 2dd1 (gestart 3/3).",
        "Voorgeschiedenis: hypertensie, DM2 (HbA1c 58 mmol/mol)."],
        ["Huisartsenpraktijk De Berkenhof – AGB 01054321"])])
add("lab-result;hl7-like;txt", "bhp", "uitslagen@lab-noordwest.test", "huisartsen@praktijk-hetanker.nl", "Uitslagen 2025-04-11 batch 3",
    "Automatisch bericht. Zie bijlage.", "u7",
    atts=[("txt", "uitslagen_20250411.txt",
           "LABORATORIUM NOORDWEST - UITSLAGEN\nAanvrager: Bakker, E. (huisarts)\n\nPatient: Jansen, Pieter  Geb: 02-12-1968  BSN: {B1}\n  HbA1c          61 mmol/mol   (H)  ref 20-42\n  Kreatinine     118 umol/L    (H)\n  eGFR           54 ml/min/1.73m2 (L)\n  Kalium         4.9 mmol/L\n\nPatient: Ouali, Samira  Geb: 19-03-1990  BSN: {B2}\n  TSH            8.4 mU/L      (H)\n  vrij T4        9.1 pmol/L    (L)\n\n-- einde bericht --\n")])
add("discharge;hospital;rfc822", "bhp", "Secretariaat <secretariaat@praktijk-dewaard.nl>", "dr.kaya@praktijk-dewaard.nl", "Fwd: Ontslagbericht interne geneeskunde",
    "Hoi Ayse, deze kwam binnen via de algemene mailbox. Kun jij hem in het HIS verwerken?\nGr. Linda", "u8",
    atts=[("eml", dict(frm="Afdeling Interne <interne@ziekenhuis-maasdelta.test>", to="praktijk@praktijk-dewaard.nl", subj="Ontslagbericht dhr. P. Hendriks",
        body="Geachte collega,\n\nUw patiënt dhr. Piet Hendriks, geboren 30-01-1947, BSN {B1_p}, was van 2 t/m 9 april opgenomen wegens een urosepsis met delier.\nBehandeling: ceftriaxon i.v., daarna ciprofloxacine oraal t/m 16/4.\nBij ontslag: nierfunctie hersteld (kreat 96). Haloperidol gestaakt.\nGraag controle bij u over 2 weken.\n\nMet vriendelijke groet,\nA. de Wit, arts-assistent interne geneeskunde", fmt="wq"), "Ontslagbericht.eml")])
add("pharmacy;medication-question", "hp", "Apotheek De Linde <apotheek@apotheek-delinde.example>", "receptenlijn@praktijk-deberkenhof.nl", "Interactie: dhr. Vos, 08-08-1955",
    "Goedemiddag,\n\nVoor dhr. Kees Vos (08-08-1955) is vandaag claritromycine voorgeschreven. Hij gebruikt ook simvastatine 40 mg. Dit geeft een ernstige interactie. Wilt u overwegen de simvastatine tijdens de kuur te stoppen of een ander antibioticum te kiezen (bijv. doxycycline)?\n\nGraag even terugbellen of mailen.\n\nMet vriendelijke groet,\nMarloes, apothekersassistente", "lq")
add("district-nurse;wound", "h", "Wijkverpleging Team Noord <team.noord@thuiszorg-vecht.example>", "huisarts@praktijk-hetanker.nl", "Wond mevr. Hoogland",
    "Beste dokter,\n\nDe ulcus cruris van mevr. Hoogland geneest niet. Er is sinds 2 dagen roodheid tot aan de knie en ze heeft 38,4. Wij denken aan een erysipelas. Wilt u vandaag nog langskomen of een antibioticum voorschrijven?\n\nGroet,\nAnouk, wijkverpleegkundige", "u8")
add("youth-care;jeugdwet;pdf", "bhp", "Jeugdteam Zuid <jeugdteam.zuid@gemeente-dewaard.example>", "poh-ggz@praktijk-dewaard.nl", "Toestemming en gegevens jeugdige",
    "Beste POH,\n\nZoals telefonisch besproken stuur ik het ingevulde aanmeldformulier. Moeder heeft toestemming gegeven voor gegevensuitwisseling.\n\nMet vriendelijke groet,\nRick Verbeek\nJeugdconsulent", "uq",
    atts=[("pdf", "aanmelding_jeugdhulp.pdf", [["AANMELDFORMULIER JEUGDHULP", "", "Jeugdige: Lars de Bruin", "Geboortedatum: 04-10-2013", "BSN: {B1}", "Adres: Esdoornstraat 7, 3343 KL Hendrik-Ido-Ambacht", "",
        "Hulpvraag: ernstige driftbuien, ADHD gediagnosticeerd (2021), gebruikt methylfenidaat 10 mg 2dd.", "Slaapproblemen, schoolverzuim sinds januari.", "", "Toestemming ouder: ja"]])])
add("ggz;letter", "hp", "GGZ Rivierduinen-West <secretariaat@ggz-westkust.example>", "huisarts@praktijk-oostpoort.nl", "Brief behandelaar - cliënt S. Meijer",
    "Geachte collega,\n\nHierbij informeren wij u over de behandeling van mevrouw Sophie Meijer, geb. 21-01-1998, wonende Ferdinand Bolstraat 12, Amsterdam.\n\nDiagnose: depressieve stoornis, recidiverend, matig; gegeneraliseerde angststoornis.\nBehandeling: cognitieve gedragstherapie (16 sessies), medicatie: venlafaxine 150 mg.\nEr waren in februari suïcidale gedachten zonder plan; een veiligheidsplan is opgesteld.\n\nMet collegiale groet,\ndrs. M. Hoek, GZ-psycholoog", "a:wq")
add("physio;report", "h", "Fysiotherapie Beweegwijs <info@fysio-beweegwijs.example>", "huisarts@praktijk-grensland.nl", "Tussenrapportage dhr. Rutten",
    "Beste collega,\n\nDhr. Rutten is na 9 behandelingen voor zijn frozen shoulder links nog onvoldoende vooruitgegaan (abductie 80°). Wij adviseren verwijzing naar de orthopeed voor eventuele injectie.\n\nMvg,\nSietse Bouma, fysiotherapeut", "u8")
add("dentist;question", "hp", "Tandartspraktijk Glimlach <balie@tandarts-glimlach.example>", "info@praktijk-deberkenhof.nl", "Antistolling patiënt voor extractie",
    "Geachte huisarts,\n\nOnze gezamenlijke patiënt mevr. Els Groen, geboren 11-11-1949, krijgt volgende week 3 extracties. Zij gebruikt volgens haar acenocoumarol. Kunt u bevestigen welke antistolling zij gebruikt en wat de laatste INR was?\n\nMet vriendelijke groet,\nTandartspraktijk Glimlach", "w8")
add("midwife;handover", "hp", "Verloskundigenpraktijk Moeder Aarde <info@vlp-moederaarde.example>", "huisarts@praktijk-hetanker.nl", "Overdracht kraambed",
    "Beste collega,\n\nOverdracht na kraambed van mw. Jasmijn Verhoeven (geb. 02-02-1996), Dorpsstraat 9, Meppel.\nBevallen op 3 mei van een dochter, spontane partus, fluxus 900 ml, Hb postpartum 5,9. Gestart met ijzer. Borstvoeding gaat goed. Wel tekenen van somberheid: EPDS 14. Graag alert op postpartumdepressie.\n\nMet vriendelijke groet,\nEline, verloskundige", "uq")
add("occupational-physician", "h", "Bedrijfsarts ArboVitaal <bedrijfsarts@arbovitaal.example>", "huisarts@praktijk-oostpoort.nl", "Afstemming re-integratie werknemer dhr. T. Claassen",
    "Geachte collega,\n\nMet toestemming van dhr. Claassen (uw patiënt, werkzaam bij Bouwbedrijf Van Rooij) verzoek ik u om informatie over het beloop van zijn burn-out klachten en de ingezette behandeling bij de POH-GGZ. Hij is nu 14 weken volledig uitgevallen.\n\nMet collegiale groet,\nM. Klaver, bedrijfsarts", "l8")
add("insurer;request;quoted-reply", "bhp", "Zorgverzekeraar Zilverzee <machtigingen@zilverzee.example>", "praktijk@praktijk-dewaard.nl", "RE: Machtiging bariatrie – ons kenmerk MZ-88213",
    "Geachte heer/mevrouw,\n\nDank voor uw reactie. Wij hebben nog de BMI-gegevens van de afgelopen 2 jaar nodig.\n\nMet vriendelijke groet,\nafd. Machtigingen\n\n-----Oorspronkelijk bericht-----\nVan: praktijk@praktijk-dewaard.nl\nVerzonden: dinsdag 8 april 2025 11:02\nAan: machtigingen@zilverzee.example\nOnderwerp: Machtiging bariatrie\n\nGeachte medewerker,\n\nVoor onze patiënt dhr. Ruud Kok, geboren 25-09-1979, BSN {B1}, vragen wij een machtiging aan voor een gastric sleeve. BMI 43, diabetes type 2 en slaapapneu (CPAP).\n\nMet vriendelijke groet,\nHuisartsenpraktijk De Waard", "uq")
add("municipality;wmo", "bhp", "Wmo-loket <wmo@gemeente-hogeveld.example>", "info@praktijk-hetanker.nl", "Medisch advies Wmo-aanvraag {B1}",
    "Geachte huisarts,\n\nVoor de aanvraag van een scootmobiel van uw patiënt mevr. A. Ploeg (Kerkhoflaan 3, Hogeveld) ontvangen wij graag een medische onderbouwing. Zij geeft aan door COPD GOLD III niet meer dan 50 meter te kunnen lopen.\n\nIn het onderwerp staat het burgerservicenummer ter referentie.\n\nMet vriendelijke groet,\nconsulent Wmo", "w8")
add("care-home;medication", "hp", "Zorgcentrum De Hooiberg <eva.team3@dehooiberg.example>", "huisarts@praktijk-grensland.nl", "Bewoner kamer 14 – dhr. Gerritsen",
    "Beste dokter,\n\nDhr. Jan Gerritsen (14-09-1933), kamer 14, is sinds vannacht erg onrustig, plukt aan de lakens en is niet georiënteerd. Urine-stick: nitriet positief, leuko's +++. Temp 37,9. Hij gebruikt o.a. donepezil en furosemide.\n\nWilt u bellen naar afdeling 3?\n\nGroet, Eva (EVV)", "uq")
add("out-of-hours;post", "hp", "Huisartsenpost Midden <waarneembericht@hap-midden.example>", "praktijk@praktijk-oostpoort.nl", "Waarneembericht HAP",
    "WAARNEEMBERICHT\n\nPatiënt: Yusuf Demir   Geb.datum: 07-07-2019   \nContact: 12-04-2025 03:12, telefonisch + consult\nS: sinds 2 dagen oorpijn rechts, koorts 39,5, nu loopoor\nO: trommelvlies rechts geperforeerd, pus in gehoorgang\nE: otitis media acuta met perforatie (H71)\nP: amoxicilline drank 3dd 5 ml, paracetamol. Controle eigen huisarts bij aanhouden.\n\nBehandelaar: dr. S. Prins, waarnemend huisarts", "u7")
add("ambulance;handover", "hp", "RAV Regio Oost <overdracht@rav-oost.example>", "praktijk@praktijk-grensland.nl", "Overdracht rit 2025-0412-077",
    "Geachte huisarts,\n\nTer informatie: op 12-04 om 14:35 is uw patiënt mevr. Trijntje de Jong, geb. 1938-03-22, vanaf haar woning aan de Stationsweg 41 vervoerd naar SEH Ziekenhuis Oost i.v.m. vermoedelijke heupfractuur rechts na val. Pijnstilling: fentanyl 50 mcg IN.\n\nRAV Regio Oost", "l8")
add("police;info-request", "p", "Politie Eenheid Noord <wijkagent.centrum@politie-noord.example>", "praktijkmanager@praktijk-hetanker.nl", "Verzoek contact i.v.m. persoon",
    "Goedemiddag,\n\nIk ben op zoek naar een contactpersoon of familielid van dhr. Marcel Boer, geboren 18-06-1971, laatst bekend adres Havenstraat 22, Meppel. Hij staat bij u ingeschreven. Kunt u mij terugbellen? Ik begrijp dat u geen medische informatie mag delen; daar vraag ik ook niet om.\n\nMet vriendelijke groet,\nwijkagent J. Reitsma", "uq")
add("social-worker;request", "hp", "Maatschappelijk werk Stadsdeel Oost <m.akkerman@mw-oost.example>", "huisarts@praktijk-oostpoort.nl", "Mevrouw Kaplan, Dapperstraat",
    "Beste dokter,\n\nIk begeleid mevrouw Zeynep Kaplan (geb. 03-03-1984, Dapperstraat 110). Zij heeft een schuldenproblematiek en vertelt me dat ze sinds kort antidepressiva van u heeft gekregen maar die niet kan betalen vanwege de eigen bijdrage. Kan ze een goedkoper alternatief krijgen?\n\nGroet,\nMieke Akkerman", "a:u8")
add("school;absence", "h", "Mentor 2B <mentor2b@obs-dewaaier.example>", "info@praktijk-dewaard.nl", "Leerling Sem Hoekstra",
    "Geachte huisarts,\n\nSem Hoekstra uit klas 2B heeft dit schooljaar al 23 dagen verzuimd, volgens zijn ouders vanwege migraine. De leerplichtambtenaar vraagt of er een medische verklaring kan komen dat hij hiervoor bij u onder behandeling is.\n\nMet vriendelijke groet,\nmevr. L. Bos, mentor", "w8")
add("internal;bsn-only", "b", "Linda <l.vos@praktijk-dewaard.nl>", "Ayse <a.kaya@praktijk-dewaard.nl>", "even checken",
    "Ayse, kun jij deze even in de WID-check zetten? {B1}\nKlopt niet met wat de zorgverzekeraar zegt.\nL.", "u8")
add("internal;name-one-health-fact", "h", "Esther <esther@praktijk-hetanker.nl>", "dr.bakker@praktijk-hetanker.nl", "terugbellen",
    "Mevr. Smeets belde, haar bloeddruk thuis is 182/104. Wil graag teruggebeld.", "u8")
add("internal;name-one-health-fact", "h", "Wendy (assistente) <wendy@praktijk-grensland.nl>", "huisartsen@praktijk-grensland.nl", "Visite lijst dinsdag",
    "Visites dinsdag:\n- dhr. Lubbers: controle na CVA, opnieuw praatproblemen volgens dochter\n- mevr. Achterberg: terminale zorg, morfinepomp checken\n\nW.", "lq")
add("internal;bsn-subject", "bp", "Receptie <receptie@praktijk-oostpoort.nl>", "administratie@praktijk-oostpoort.nl", "BSN {B1_p} inschrijving",
    "Deze nieuwe inschrijving is dubbel aangemaakt: Laura Peeters, geboren 30-10-2001, Linnaeusstraat 5-hs. Eén van de twee kan weg.\n\nReceptie", "u8")
add("internal;bsn-typo-label", "b", "M. de Boer <m.deboer@praktijk-deberkenhof.nl>", "assistentes@praktijk-deberkenhof.nl", "declaratie afgekeurd",
    "Vektis keurt de declaratie af voor BNS {B1}, kan iemand de verzekering nakijken? Het consult was van 3 maart.", "wq")
add("internal;bsn-split-lines", "bp", "J. Post <j.post@praktijk-hetanker.nl>", "e.bakker@praktijk-hetanker.nl", "overschrijving",
    "Emma,\nDe oude praktijk stuurt het dossier pas als we het burgerservicenummer bevestigen van dhr. Timo Reinders (21-05-1988):\n{B1_a5}\n{B1_b4}\nKun jij dat doen via Zorgmail?\nJoost", "u8")
add("lab-result;xlsx", "bhp", "Diagnostiek Centrum Oost <export@dc-oost.test>", "poh@praktijk-grensland.nl", "Export ketenzorg DM Q1",
    "Beste POH,\n\nBijgaand de export met de kwartaalcontroles diabetes van uw patiënten.\n\nGroet,\nDC Oost", "uq",
    atts=[("xlsx", "ketenzorg_DM_Q1.xlsx", [["BSN", "Naam", "Geb.datum", "HbA1c", "eGFR", "LDL"],
        ["#n:{B1}", "Groot, H. de", "1956-02-11", 53, 71, 2.4],
        ["#n:{B2}", "Yilmaz, E.", "1962-07-30", 67, 48, 3.1],
        ["{B3}", "Wouters, A.", "1949-12-01", 49, 60, 1.9]])])
add("referral;pdf-split", "bhp", "Dr. A. Kaya <a.kaya@praktijk-dewaard.nl>", "verwijzingen@ziekenhuis-maasdelta.test", "Verwijzing dermatologie",
    "Zie bijlage.", "u7",
    atts=[("pdfsplit", "verwijsbrief.pdf", ["Verwijsbrief dermatologie", "Patiënt: M. (Mirjam) Schuurman, geb. 06-06-1966"],
           ["BSN: ", "{B1_a}", "{B1_b}"], ["", "Vraagstelling: verdacht gepigmenteerde laesie rug, ABCDE-criteria positief.", "Graag excisie/beoordeling melanoom."], True)])
add("pharmacy;medication-overview;csv", "bhp", "Apotheek Oostpoort <baxter@apotheek-oostpoort.example>", "poh@praktijk-oostpoort.nl", "Medicatieoverzicht t.b.v. medicatiebeoordeling",
    "Beste POH,\n\nHierbij het medicatieoverzicht voor de medicatiebeoordeling van volgende week.\n\nGroet, Apotheek Oostpoort", "uq",
    atts=[("csv", "medicatie_{B1}.csv", "patient;geboortedatum;middel;dosering\nB. van Es;1940-05-13;Metformine 850mg;3dd1\nB. van Es;1940-05-13;Furosemide 40mg;1dd1\nB. van Es;1940-05-13;Omeprazol 20mg;1dd1\nB. van Es;1940-05-13;Paracetamol 500mg;zn max 6dd\n", "windows-1252")])
add("care-home;bsn-filename", "b", "Zorgcentrum De Hooiberg <administratie@dehooiberg.example>", "administratie@praktijk-grensland.nl", "Formulier retour",
    "Hierbij het getekende formulier retour.\n\nAdministratie De Hooiberg", "u7",
    atts=[("pdf", "toestemming_{B1}.pdf", [["Toestemmingsformulier gegevensuitwisseling", "", "Handtekening: ______________", "Datum: 14-04-2025"]])])
add("gp-to-patient;reply", "hp", "Dr. E. Bakker <e.bakker@praktijk-hetanker.nl>", "Ruben Vlaar <ruben.vlaar@gmail.example>", "Uw uitslag",
    "Beste Ruben,\n\nUw bloeduitslagen zijn binnen. Uw leverwaarden (ALAT 112, gamma-GT 240) zijn flink verhoogd. Gezien wat u vertelde over het alcoholgebruik wil ik dit graag met u bespreken. Kunt u een dubbel consult inplannen?\n\nVoor onze administratie: Ruben Vlaar, 15-01-1983.\n\nMet vriendelijke groet,\nEvelien Bakker, huisarts", "a:uq")
add("gp-to-patient;appointment-specialist;ics", "hp", "Assistentes De Berkenhof <assistentes@praktijk-deberkenhof.nl>", "g.smits@planet.example", "Uw afspraak bij de uroloog",
    "Beste meneer Smits,\n\nVia Zorgdomein hebben wij voor u een afspraak gemaakt bij de uroloog in verband met het verhoogde PSA. In de bijlage vindt u de afspraak voor uw agenda.\n\nMet vriendelijke groet,\nde assistentes", "w8",
    atts=[("ics", "afspraak_uroloog.ics", ("Afspraak uroloog - dhr. Gerard Smits (geb. 03-02-1957)", "20250507T101500", "Poli urologie, verhoogd PSA (8.9). Meenemen: medicatielijst.", "Ziekenhuis Rijnland, route 42"))])
add("hr;sick-note", "h", "Sandra Kuiper <s.kuiper@praktijk-dewaard.nl>", "praktijkmanager@praktijk-dewaard.nl", "Ziekmelding",
    "Hoi Miriam,\n\nIk meld me ziek voor de rest van de week. Ik heb vanochtend te horen gekregen dat ik een hernia heb (MRI) en ik kan nauwelijks zitten. Volgende week maandag laat ik weten hoe het gaat.\n\nSandra", "u8")
add("youth-care;veilig-thuis", "hp", "Veilig Thuis Regio <consultatie@veiligthuis-regio.example>", "huisarts@praktijk-oostpoort.nl", "Vertrouwelijk: melding betreffende minderjarige",
    "Geachte huisarts,\n\nNaar aanleiding van een melding van de school van Amira Bouzid (geboren 17-08-2016), Balistraat 33, vragen wij of u recent blauwe plekken of letsel bij haar heeft waargenomen. Volgens de leerkracht had zij vorige week een gekneusde pols die zij niet kon verklaren.\n\nMet vriendelijke groet,\nR. Martens, aandachtsfunctionaris", "lq")
add("referral;odt", "hp", "Dr. J. Visscher <j.visscher@praktijk-grensland.nl>", "poli.neurologie@ziekenhuis-oost.test", "Verwijzing neurologie",
    "Geachte collega, bijgaand verwijzing (ODT). Met vriendelijke groet, J. Visscher", "u7",
    atts=[("odt", "verwijzing_neurologie.odt", ["Verwijzing neurologie", "Betreft: dhr. Bram Hulshof, geboren 09-12-1974, Brinkstraat 18, Oldenzaal",
        "Sinds 4 maanden progressieve krachtsvermindering rechterhand en fasciculaties onderarm.", "Geen medicatie. Graag beoordeling, differentiaaldiagnose ALS / cervicale radiculopathie."])])
# ======================= sensitive, tricky encodings / structure =======================
add("referral;html-entities", "bhp", "Dr. S. Ouali <s.ouali@praktijk-oostpoort.nl>", "mdl@ziekenhuis-amstelland.test", "Verwijzing MDL",
    fmt="h:uq", html="<html><body><p>Geachte collega,</p><table border=1><tr><td>Pati&euml;nt</td><td>dhr. Hamid Azizi</td></tr><tr><td>Geb.</td><td>14&#8209;05&#8209;1977</td></tr>"
    "<tr><td>BSN</td><td>{B1_s}</td></tr></table><p>Reden: rectaal bloedverlies sinds 6 weken, Hb 6,8, FIT positief. Graag coloscopie.</p><p>Met collegiale groet,<br>S. Ouali</p></body></html>".replace("{B1_s}", "{B1_a}&nbsp;{B1_b}"))
add("lab-result;html-span-split", "bhp", "Trombosedienst Zuid <doseer@trombosedienst-zuid.example>", "praktijk@praktijk-dewaard.nl", "Doseerschema",
    fmt="h:w8", html="<html><body><p>Pati&euml;nt: mw. C. Verbruggen, geb. 01-01-1944</p><p>Burgerservicenummer: <span>{B1_a}</span><span style='color:#000'>{B1_b}</span></p><p>INR 4,6 &ndash; dosis acenocoumarol verlaagd naar 1 mg. Volgende meting: 22-04.</p></body></html>")
add("internal;qp-soft-break-bsn", "b", "Administratie <administratie@praktijk-grensland.nl>", "j.visscher@praktijk-grensland.nl", "Controle",
    fmt="raw", raw="Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\nHoi Jan, het nummer dat bij de zorgverzekeraar bekend is als burgerservicenummer is {B1_a5}=\n{B1_b4} en niet het nummer dat op het formulier stond. Ik heb het aangepast.=\n\n\nGroet, administratie\n", rawtags=["plain", "utf-8", "quoted-printable", "qp-soft-break-in-bsn"])
add("discharge;nested-rfc822", "bhp", "Dr. E. Bakker <e.bakker@praktijk-hetanker.nl>", "poh@praktijk-hetanker.nl", "Fwd: Fwd: ontslagbrief longgeneeskunde",
    "Voor de COPD-controle, zie de brief onderaan.\nEvelien", "u8",
    atts=[("eml", dict(frm="Secretariaat Het Anker <secretariaat@praktijk-hetanker.nl>", to="e.bakker@praktijk-hetanker.nl", subj="Fwd: ontslagbrief longgeneeskunde", body="Doorgestuurd uit de algemene inbox.", fmt="u8",
        atts=[("eml", dict(frm="Longgeneeskunde <long@ziekenhuis-noordoost.test>", to="info@praktijk-hetanker.nl", subj="Ontslagbrief", fmt="ub",
            body="Geachte collega,\n\nMevr. Geesje Dekker, geb. 12-12-1950, BSN {B1}, werd opgenomen met een COPD-exacerbatie en pneumonie rechts onderkwab. Behandeld met prednisolon 30 mg 5 dagen en amoxicilline/clavulaanzuur. Zuurstof bij ontslag niet meer nodig.\n\nMet vriendelijke groet,\nB. Tuinstra, longarts"))]))])
add("reply;history-only-sensitive", "hp", "Praktijkmanager <pm@praktijk-deberkenhof.nl>", "Facilitair <facilitair@zorggroep-berkenhof.example>", "RE: RE: RE: sleutels spreekkamer 3",
    "Top, dan leg ik de sleutels vrijdag bij de balie.\n\nGroet, Monique\n\n-----Original Message-----\nFrom: Facilitair\nSent: woensdag 9 april 2025 16:40\nSubject: RE: RE: sleutels spreekkamer 3\n\nPrima, vrijdag na 14 uur komt de slotenmaker.\n\n-----Original Message-----\nFrom: Monique\nSent: woensdag 9 april 2025 10:12\nSubject: RE: sleutels spreekkamer 3\n\nKunnen jullie ook het slot van het medicijnkastje vervangen?\n\n-----Original Message-----\nFrom: Facilitair\nSent: dinsdag 8 april 2025 09:00\nSubject: sleutels spreekkamer 3\n\nWe vonden een envelop in spreekkamer 3 met een uitdraai: 'dhr. Frank Mol, 23-08-1969, Kanaalweg 12 – uitslag hiv-test positief, bespreken'. We hebben die in de kluis gelegd. Wat moeten we ermee?\n", "w8")
add("forward-inline;patient-mail", "h", "Balie <balie@praktijk-oostpoort.nl>", "dr.ouali@praktijk-oostpoort.nl", "FW: klachten na vaccinatie",
    "Voor jou denk ik.\n\n-------- Doorgestuurd bericht --------\nOnderwerp: klachten\nDatum: Mon, 14 Apr 2025 08:12:40 +0200\nVan: Greetje Haverkamp <g.haverkamp@ziggo.example>\nAan: balie@praktijk-oostpoort.nl\n\nGoedemorgen, sinds mijn pneumokokkenprik vrijdag is mijn hele bovenarm rood, warm en dik en ik heb koorts. Is dat normaal?\nGreetje Haverkamp\n", "uq")
add("referral;docx-split-runs", "bhp", "Dr. R. Veenstra <r.veenstra@praktijk-deberkenhof.nl>", "geriatrie@ziekenhuis-rijnland.test", "Verwijzing geriatrie",
    "Geachte collega,\nBijgaand verwijzing voor geheugenpoli.\nR. Veenstra", "l8",
    atts=[("docx", "Verwijzing geheugenpoli.docx", ["**Verwijzing geheugenpolikliniek", ["Naam: ", "mw. Hendrika (Riek) Koopman"], ["Geboortedatum: ", "1938-", "07-19"],
        ["Burgerservicenummer: ", "{B1_a}", "", "{B1_b}"], "Reden: progressieve geheugenklachten, MMSE 21/30, dwaalt 's nachts. Graag diagnostiek dementie.", "Medicatie: amlodipine 5 mg, oxazepam 10 mg a.n."])])
add("zip;documents", "bhp", "Dossieroverdracht <overdracht@praktijk-zeerand.example>", "administratie@praktijk-oostpoort.nl", "Dossier overschrijving (zip)",
    "Beste collega's,\n\nAls bijlage het dossier van de patiënt die naar jullie is verhuisd. Graag bevestiging van ontvangst.\n\nPraktijk Zeerand", "u8",
    atts=[("zip", "overdracht.zip", [("txt", "samenvatting.txt", "Patiënt: Jeroen Lindeman\nGeb: 05-05-1985\nBSN: {B1}\nEpisodes: T90 diabetes mellitus type 2; K86 hypertensie\nMedicatie: metformine 500 mg 2dd1, lisinopril 10 mg\n"),
        ("pdf", "journaal_2024.pdf", [["Journaal 2024 - J. Lindeman", "12-02 HbA1c 55", "03-06 RR 152/94, lisinopril verhoogd"]])])])
add("zip-in-zip;documents", "bhp", "ICT Zorggroep <ict@zorggroep-oost.example>", "praktijkmanager@praktijk-grensland.nl", "Archief terugzetten",
    "Hierbij de teruggezette bestanden uit de back-up zoals gevraagd.", "u7",
    atts=[("zip", "backup_restore.zip", [("txt", "lees_mij.txt", "Teruggezet op 15-04-2025.\n"),
        ("zip", "map_verwijzingen.zip", [("docx", "verwijzing_orthopedie.docx", ["Verwijzing orthopedie", "dhr. Wim Scholten, 30-04-1960", "BSN {B1_p}", "Artrose heup links, pijn in rust, graag beoordeling THP."])])])])
add("encrypted-zip;sensitive-inside", "bhpu", "Dr. J. Visscher <j.visscher@praktijk-grensland.nl>", "secretariaat@ggz-oost.example", "Gegevens cliënt (wachtwoord volgt per sms)",
    "Beste collega,\n\nDe gegevens zitten in de versleutelde zip. Wachtwoord stuur ik per sms.\n\nJ. Visscher", "u8",
    atts=[("zipenc", "client_gegevens.zip", [("txt", "client.txt", "Naam: Kevin Bosch\nGeb: 13-03-1992\nBSN: {B1}\nPsychose in voorgeschiedenis, gebruikt olanzapine 10 mg.\n")], "Lente2025!")])
add("encrypted-pdf;sensitive-inside", "hpu", "Dr. A. Kaya <a.kaya@praktijk-dewaard.nl>", "keuring@cbr-keuring.example", "Medische informatie rijgeschiktheid",
    "Geachte heer/mevrouw,\n\nBijgaand de gevraagde informatie, beveiligd met het afgesproken wachtwoord.\n\nA. Kaya, huisarts", "uq",
    atts=[("pdfenc", "medische_info_rijbewijs.pdf", [["Medische informatie t.b.v. CBR", "Betreft: dhr. Anton Zijlstra, geb. 04-04-1958", "Diabetes mellitus type 2 met insuline, laatste hypo 2024.", "Retinopathie: geen."]], "cbr2025")])
add("encrypted-zip;body-clean", "u", "Zorgmail Transfer <noreply@transfer.zorgmail.example>", "info@praktijk-hetanker.nl", "Er staat een bestand voor u klaar",
    "Er is een versleuteld bestand voor u verzonden. Het wachtwoord ontvangt u via een apart kanaal.", "u7",
    atts=[("zipenc", "bestand_20250416.zip", [("bin", "data.bin", bytes(R.getrandbits(8) for _ in range(600)))], "x7Gq!2pz")])
add("truncated-docx", "u", "Secretariaat <secretariaat@praktijk-dewaard.nl>", "a.kaya@praktijk-dewaard.nl", "formulier (kwam beschadigd binnen?)",
    "Hoi, deze kan ik zelf niet openen, lukt het jou?", "u8",
    atts=[("trunc", ("docx", "aanvraagformulier.docx", ["Aanvraagformulier", "In te vullen door de aanvrager.", "Naam: ..........", "Datum: .........."]), 45)])
add("unknown-binary", "u", "scanner-balie@praktijk-oostpoort.nl", "administratie@praktijk-oostpoort.nl", "Scan 0034",
    "Gescand document.", "u7",
    atts=[("bin", "SCAN0034.dat", b"\x89XSC\x00\x01" + bytes(R.getrandbits(8) for _ in range(3000)), "application/octet-stream")])
add("truncated-pdf;gp-letter", "hu", "Dr. E. Bakker <e.bakker@praktijk-hetanker.nl>", "poli.reuma@ziekenhuis-noordoost.test", "Aanvulling verwijzing dhr. Westra",
    "Geachte collega,\n\nAanvullend op mijn verwijzing voor dhr. Westra: de BSE was 48 en de reumafactor positief. Hij heeft nu ook ochtendstijfheid van meer dan een uur. De scan van de eerdere brief zit als bijlage.\n\nMvg, E. Bakker", "uq",
    atts=[("trunc", ("pdf", "scan_brief.pdf", [["Huisartsenpraktijk Het Anker", "Algemene informatie", "Pagina 1"]]), 40)])
add("corrupt-base64", "u", "Fax2Mail <fax2mail@faxdienst.example>", "praktijk@praktijk-deberkenhof.nl", "Fax ontvangen van 0599-000000",
    fmt="raw", raw='Content-Type: multipart/mixed; boundary="fx77"\n\n--fx77\nContent-Type: text/plain; charset=utf-8\n\nU heeft een fax ontvangen (3 pagina\'s).\n--fx77\nContent-Type: application/pdf; name="fax.pdf"\nContent-Disposition: attachment; filename="fax.pdf"\nContent-Transfer-Encoding: base64\n\nJVBERi0xLjQKJ!!!@@@###%%%^^^&&&***((()))\n~~~~corrupt~~~~\n--fx77--\n', rawtags=["mixed", "corrupt-base64", "pdf"])
add("vcf;patient-contact", "p", "Receptie <receptie@praktijk-dewaard.nl>", "wijkteam@gemeente-dewaard.example", "Contactgegevens zoals besproken",
    "Hierbij het contact, zoals telefonisch afgesproken met de cliënt.", "u8",
    atts=[("vcf", "contact.vcf", "Hanneke Willemsen", ["N:Willemsen;Hanneke;;;", "BDAY:1979-10-02", "TEL;TYPE=CELL:+31 6 1877 4402", "ADR;TYPE=HOME:;;Lijsterbesstraat 11;Zwijndrecht;;3331 TP;NL"])])
add("gp-to-patient;en", "h", "Dr. S. Ouali <s.ouali@praktijk-oostpoort.nl>", "Tom Fairbanks <tom.fairbanks@outlook.example>", "Re: New patient - transferring my prescriptions",
    "Dear Tom,\n\nI have sent a prescription for sertraline 100 mg (30 tablets) to your pharmacy. I'd like to see you within the next month to talk about how you are doing and whether the propranolol is still needed.\n\nBest wishes,\nDr Ouali", "a:u7")
add("gp-to-hospital;en;referral", "hp", "Dr. E. Bakker <e.bakker@praktijk-hetanker.nl>", "intl.office@hospital-example.test", "Medical summary for patient travelling abroad",
    "Dear colleague,\n\nPlease find a medical summary for my patient Mr. Kees Brouwer (born 10 Oct 1945) who will spend the winter in Spain.\n\nProblems: heart failure (EF 35%), atrial fibrillation, CKD stage 3.\nMedication: sacubitril/valsartan 49/51 mg bd, bisoprolol 5 mg, edoxaban 30 mg, furosemide 40 mg.\n\nKind regards,\nE. Bakker, GP", "uq")
add("insurer;bsn-dotted", "b", "Zorgverzekeraar Zilverzee <declaraties@zilverzee.example>", "administratie@praktijk-hetanker.nl", "Retourinformatie declaratie",
    "Geachte relatie,\n\nDe declaratieregel met burgerservicenummer {B1_d} is afgewezen omdat de verzekerde per 1 januari niet meer bij ons verzekerd is. Wij verzoeken u de declaratie bij de nieuwe verzekeraar in te dienen.\n\nMet vriendelijke groet,\nafd. Declaraties", "l8")
add("internal;teams-style;health", "h", "Ayse Kaya <a.kaya@praktijk-dewaard.nl>", "Sandra Kuiper <s.kuiper@praktijk-dewaard.nl>", "tel. consult",
    "San, wil je dhr Pranger terugbellen? Zijn prostaatbiopten waren negatief, dus geen kanker. Hij mag blij zijn :)", "u8")
add("hospital;appointment-specialist", "hp", "Poli Oogheelkunde <afspraken.oog@ziekenhuis-amstelland.test>", "praktijk@praktijk-oostpoort.nl", "Afspraakbevestiging (cc huisarts)",
    "Geachte huisarts,\n\nTer informatie: uw patiënt mw. Lidia Kowalczyk, geboren 28-02-1961, heeft een afspraak bij de oogarts (dr. Terpstra) op 6 mei 2025 om 13.40 uur voor laserbehandeling diabetische retinopathie.\n\nPoli Oogheelkunde", "w8")
add("youth-care;quoted-reply", "hp", "Jeugdarts GGD <jgz@ggd-holland.example>", "huisarts@praktijk-dewaard.nl", "Re: groeicurve",
    "Dank voor de snelle reactie, dan plannen wij een controle over 3 maanden.\n\nJeugdarts GGD\n\nOp 10-04-2025 schreef huisarts@praktijk-dewaard.nl:\n> Beste collega,\n> Ik heb Milan Smit (geb. 11-11-2020, Esdoornhof 4) gezien i.v.m. achterblijvende groei.\n> Coeliakie-serologie is negatief. Lengte -2,3 SD.\n> Graag uw groeicurve ter vergelijking.\n", "uq")
add("ggz;intake;pdf-multipage", "bhp", "Intake GGZ Centrum <intake@ggz-centrum.example>", "poh-ggz@praktijk-hetanker.nl", "Intakeverslag",
    "Beste collega, het intakeverslag zit in de bijlage (5 pagina's).", "u7",
    atts=[("pdf", "intakeverslag.pdf", [["Intakeverslag - pagina 1", "Algemene informatie over het behandeltraject."], ["Pagina 2", "Werkwijze en privacy."],
        ["Pagina 3", "Cliënt: Daan Meulenbelt, 17-07-1999", "BSN {B1}", "Klachten: dwangmatige controlehandelingen, OCD, Y-BOCS 26"], ["Pagina 4", "Advies: exposure en responspreventie."], ["Pagina 5", "Ondertekening"]])])
add("patient;nl;reply-chain-quote-only", "h", "Wim Zandstra <w.zandstra@kpnmail.example>", "assistentes@praktijk-grensland.nl", "Re: Re: herhaling",
    "ok dank\n\n> Beste meneer Zandstra, het recept ligt klaar bij de apotheek.\n>\n>> graag nieuwe tramadol want de pijn van de zenuw in mijn been (na de gordelroos) is nog steeds erg.\n>> W. Zandstra\n", "u8")
add("lab;semen-analysis;en", "hp", "Fertility Lab <results@fertility-lab.test>", "gp@praktijk-oostpoort.nl", "Semen analysis result",
    "Dear GP,\n\nResult for Mr. Lucas Hartman, DOB 1988-03-19: concentration 4 million/ml (oligozoospermia), motility 22%. Repeat in 3 months advised; referral to urology/fertility clinic to be considered.\n\nFertility Lab", "u7")
# ======================= clean: organisation, suppliers, information =======================
add("supplier;invoice;elfproef-number", "", "Debiteuren MediSupply <facturen@medisupply.example>", "administratie@praktijk-deberkenhof.nl", "Factuur {N1}",
    "Geachte klant,\n\nIn de bijlage vindt u factuur {N1} voor de levering van 12-03-2025 (handschoenen nitril M, 20 dozen; wattenstaafjes; urinepotjes).\nTotaalbedrag: € 412,86, te voldoen binnen 30 dagen op NL12 RABO 0301 2345 67 o.v.v. het factuurnummer.\n\nMet vriendelijke groet,\nMediSupply B.V.\nKvK 58213907", "w8",
    atts=[("pdf", "factuur_{N1}.pdf", [["MediSupply B.V.", "FACTUUR", "Factuurnummer: {N1}", "Klantnummer: 40021", "Nitril handschoenen M  20 x 12,95", "Urinepotjes 100 st  1 x 38,40", "Totaal incl. btw: EUR 412,86"]])])
add("supplier;order-confirmation", "", "Bestellingen Praxisshop <orders@praxisshop.example>", "balie@praktijk-hetanker.nl", "Orderbevestiging ordernummer {N1}",
    "Bedankt voor uw bestelling!\n\nOrdernummer: {N1}\nArtikel 300117 Otoscoop-specula 2,5 mm (250 st)\nArtikel 300562 Bloeddrukmanchet volwassen L\n\nVerwachte levering: donderdag. Track & Trace: 3SABCD{F1}\n\nPraxisshop", "a:u8")
add("supplier;account-manager-intro", "", "Marco Hendriksen <m.hendriksen@diagnostiek-direct.example>", "praktijkmanager@praktijk-oostpoort.nl", "Even voorstellen: uw nieuwe accountmanager",
    "Beste Yvette,\n\nPer 1 mei neem ik het accountbeheer van uw praktijk over van mijn collega Sabine de Ruiter, die binnen ons bedrijf een andere functie gaat vervullen. Ik kom graag eens langs om kennis te maken en de POCT-apparatuur (CRP en HbA1c) door te nemen.\n\nJe kunt me bereiken op 06-41 22 87 19.\n\nHartelijke groet,\nMarco Hendriksen\nAccountmanager Noord-Holland", "uq",
    atts=[("vcf", "Marco Hendriksen.vcf", "Marco Hendriksen", ["ORG:Diagnostiek Direct B.V.", "TITLE:Accountmanager", "TEL;TYPE=WORK:+31 20 555 0192", "EMAIL:m.hendriksen@diagnostiek-direct.example"])])
add("staff-party", "", "Personeelsvereniging <pv@praktijk-dewaard.nl>", "allen@praktijk-dewaard.nl", "Uitnodiging zomerbarbecue 🍔",
    "Lieve collega's,\n\nOp vrijdag 27 juni vanaf 17.30 uur houden we de jaarlijkse barbecue in de tuin van Ayse en Mark (adres volgt in de groepsapp). Partners zijn welkom! Graag even aanmelden bij Linda vóór 15 juni, en laat weten of je vegetarisch eet.\n\nNamens de PV,\nLinda, Sandra en Joost", "u8")
add("newsletter;html", "", "LHV Nieuwsbrief <nieuwsbrief@lhv-nieuws.example>", "info@praktijk-hetanker.nl", "Nieuwsbrief week 16: NHG-standaard Hartfalen herzien",
    fmt="a:uq", body="Nieuwsbrief week 16\n\n- De NHG-standaard Hartfalen is herzien. Belangrijkste wijziging: SGLT2-remmers krijgen een plaats bij HFrEF.\n- Onderhandelingen ANW-tarieven: stand van zaken.\n- Webinar: veilig mailen met patiënten, 24 april.\n\nAfmelden? Klik hier.",
    html="<html><body><h2>Nieuwsbrief week 16</h2><ul><li>De NHG-standaard <b>Hartfalen</b> is herzien. SGLT2-remmers krijgen een plaats bij HFrEF.</li><li>Onderhandelingen ANW-tarieven: stand van zaken.</li><li>Webinar: veilig mailen met pati&euml;nten, 24 april.</li></ul><p style='font-size:9px'>Afmelden? <a href='https://lhv-nieuws.example/af'>Klik hier</a>.</p></body></html>")
add("protocol;docx", "", "Kwaliteitscommissie <kwaliteit@zorggroep-berkenhof.example>", "praktijken@zorggroep-berkenhof.example", "Geactualiseerd protocol INR-zelfmeting",
    "Beste collega's,\n\nBijgaand het geactualiseerde protocol. Wijzigingen zijn geel gemarkeerd. Vragen kunnen naar de kwaliteitscommissie.\n\nGroet,\nKwaliteitscommissie", "wq",
    atts=[("docx", "Protocol INR zelfmeting v3.docx", ["**Protocol INR-zelfmeting", "1. Doel: veilige begeleiding van patiënten die zelf hun INR meten.", "2. Doelgroep: patiënten met een VKA en stabiele INR.",
        ("table", [["Stap", "Wie", "Wanneer"], ["Training", "trombosedienst", "start"], ["Controle", "POH", "elk kwartaal"], ["Evaluatie", "huisarts", "jaarlijks"]]),
        "3. Bij een INR > 5 neemt de patiënt contact op met de trombosedienst."], ["Zorggroep Berkenhof – versie 3, april 2025"])])
add("leaflet;pdf", "", "Assistentes De Waard <assistentes@praktijk-dewaard.nl>", "wachtkamerscherm@praktijk-dewaard.nl", "Folder hooikoorts voor het scherm",
    "Hierbij de folder over hooikoorts voor op het wachtkamerscherm. Kan hij er vanaf volgende week op?", "u8",
    atts=[("pdf", "folder_hooikoorts.pdf", [["Hooikoorts - wat kunt u zelf doen?", "", "Hooikoorts is een allergische reactie op stuifmeel.", "Klachten: niezen, jeukende ogen, loopneus.", "Tips: houd ramen dicht bij veel pollen, douche na buiten zijn.", "Antihistaminica (bijv. cetirizine) zijn zonder recept verkrijgbaar.", "Bel de praktijk bij benauwdheid."]])])
add("vacancy", "", "Huisartsenpraktijk Het Anker <vacature@praktijk-hetanker.nl>", "vacatures@huisartsvacatures.example", "Vacature doktersassistente 24-32 uur",
    "Voor onze gezellige praktijk in Meppel zoeken wij een doktersassistente (24-32 uur).\n\nWat ga je doen? Triage aan de telefoon, spreekuren (wratten, oren uitspuiten, uitstrijkjes), bloeddrukmetingen.\nWat vragen we? Diploma MBO-4 doktersassistent, BIG-geregistreerde vaardigheden.\nWe bieden: salaris volgens cao Huisartsenzorg, schaal 5.\n\nReageren vóór 1 juni bij Joost Post, praktijkmanager.", "h:u8")
add("roster;xlsx", "", "Planning <planning@praktijk-grensland.nl>", "team@praktijk-grensland.nl", "Rooster mei",
    "Hierbij het rooster voor mei. Ruilen graag via mij.\nWendy", "u8",
    atts=[("xlsx", "rooster_mei_2025.xlsx", [["Datum", "Ochtend balie", "Middag balie", "Huisarts", "POH"], ["2025-05-05", "Wendy", "Ilse", "Visscher", "Karin"], ["2025-05-06", "Ilse", "Wendy", "De Lange", "-"], ["2025-05-07", "Marleen", "Ilse", "Visscher", "Karin"], ["2025-05-08", "Wendy", "Marleen", "waarnemer", "Karin"]])])
add("training;ics", "", "Scholing Zorggroep <scholing@zorggroep-oost.example>", "poh@praktijk-grensland.nl", "Uitnodiging nascholing spirometrie",
    "Beste POH'ers,\n\nOp 12 juni organiseren we een nascholing spirometrie-interpretatie (4 accreditatiepunten). Locatie: Zorggroep Oost, zaal 2. Zie de agenda-uitnodiging.\n\nGroet,\nteam Scholing", "uq",
    atts=[("ics", "nascholing_spirometrie.ics", ("Nascholing spirometrie (4 punten)", "20250612T133000", "Interpretatie van flow-volumecurves en reversibiliteit. Docent: longarts.", "Zorggroep Oost, zaal 2"))])
add("research-summary;aggregate", "", "Onderzoeksgroep Eerstelijn <onderzoek@umc-eerstelijn.test>", "deelnemende.praktijken@umc-eerstelijn.test", "Resultaten: antibioticagebruik bij luchtweginfecties 2024",
    "Beste deelnemers,\n\nDank voor uw deelname. Een korte samenvatting:\n- 48 praktijken, 12.431 consulten voor luchtweginfecties\n- antibiotica voorgeschreven in 21,3% (2023: 24,8%)\n- CRP-sneltest gebruikt in 38% van de consulten met twijfel over pneumonie\n- patiënten ≥ 65 jaar kregen vaker amoxicilline (31%)\n\nHet volledige rapport volgt in juni.\n\nNamens de onderzoeksgroep,\ndr. P. Lemmens", "uq")
add("case-discussion;anonymised", "", "Dr. J. Visscher <j.visscher@praktijk-grensland.nl>", "FTO-groep <fto@hagro-oost.example>", "Casus voor FTO donderdag",
    "Collega's,\n\nVoor donderdag een casus ter bespreking (geanonimiseerd):\n\nEen vrouw van middelbare leeftijd komt drie keer in zes weken met moeheid en diffuse spierpijn. Labonderzoek (bloedbeeld, TSH, glucose, CK) is normaal. Zij vraagt om een verwijzing naar de internist. Hoe gaan jullie hiermee om, en wanneer is verder onderzoek zinvol?\n\nGroet,\nJan", "u8")
add("phishing", "", "Microsoft 365 <security-noreply@m365-login.example>", "info@praktijk-deberkenhof.nl", "Actie vereist: uw mailbox wordt vandaag gedeactiveerd",
    fmt="h:u8", html="<html><body><p>Beste gebruiker,</p><p>Uw mailbox <b>info@praktijk-deberkenhof.nl</b> heeft de opslaglimiet bereikt en wordt binnen 24 uur gedeactiveerd.</p><p><a href='http://m365-login.example/verify?u=info'>Verifieer nu uw account</a></p><p>Microsoft Security Team</p></body></html>")
add("it-notice", "", "Helpdesk ZorgICT <helpdesk@zorgict.example>", "alle.praktijken@zorgict.example", "Gepland onderhoud HIS zaterdag 26 april",
    "Beste gebruikers,\n\nOp zaterdag 26 april tussen 06.00 en 10.00 uur voeren wij onderhoud uit aan de HIS-servers. In die periode is het HIS niet beschikbaar. De huisartsenpost heeft een noodprocedure.\n\nTicketnummer: INC{F1}\n\nMet vriendelijke groet,\nHelpdesk ZorgICT", "l8")
add("it-notice;bsn-word-no-number", "", "Helpdesk ZorgICT <helpdesk@zorgict.example>", "e.bakker@praktijk-hetanker.nl", "Re: BSN-veld wordt niet opgeslagen",
    "Beste Evelien,\n\nWe hebben het probleem gevonden: na de update werd het BSN-veld in het inschrijfscherm niet opgeslagen als er een spatie achter het nummer stond. Dat is nu verholpen in versie 7.4.2. Wil je het nog eens proberen met een testpatiënt?\n\nGroet,\nRoy, helpdesk", "uq")
add("supplier;contract;elfproef-number", "", "Verkoop Medlease <contracten@medlease.example>", "praktijkmanager@praktijk-dewaard.nl", "Leasecontract ECG-apparaat",
    "Geachte mevrouw Vos,\n\nHierbij bevestigen wij de verlenging van leasecontract nummer {N1} voor het ECG-apparaat (serienummer {F1}). De maandtermijn blijft € 89,00.\n\nMet vriendelijke groet,\nMedlease", "w8")
add("insurance;policy-number", "", "Beroepsaansprakelijkheid <polis@aansprakelijk-verzekerd.example>", "administratie@praktijk-oostpoort.nl", "Polisblad 2025",
    "Geachte relatie,\n\nBijgaand treft u het polisblad aan voor uw beroepsaansprakelijkheidsverzekering, polisnummer {N1}. De premie wordt op 1 mei geïncasseerd.\n\nMet vriendelijke groet,\nAfdeling Zakelijk", "u8",
    atts=[("pdf", "polisblad_{N1}.pdf", [["Polisblad beroepsaansprakelijkheid", "Polisnummer: {N1}", "Verzekerde: Huisartsenpraktijk Oostpoort", "Dekking: EUR 2.500.000 per aanspraak", "Ingangsdatum: 01-05-2025"]])])
add("practice-meeting", "", "Joost Post <j.post@praktijk-hetanker.nl>", "team@praktijk-hetanker.nl", "Agenda teamoverleg dinsdag",
    "Hoi allemaal,\n\nAgenda voor dinsdag 13.00 uur:\n1. Vakantieplanning zomer\n2. Nieuwe telefooncentrale (terugbelfunctie)\n3. Evaluatie griepprikdag\n4. Rondvraag\n\nLunch wordt verzorgd.\nJoost", "u8",
    atts=[("odt", "agenda_teamoverleg.odt", ["Agenda teamoverleg", "1. Vakantieplanning zomer", "2. Nieuwe telefooncentrale", "3. Evaluatie griepprikdag", "4. Rondvraag"])])
add("patient-info;general;griep", "", "Huisartsenpraktijk De Waard <info@praktijk-dewaard.nl>", "undisclosed-recipients:;", "Griepprik 2025: datum bekend",
    "Beste patiënten,\n\nDe griepprik en de coronaprik worden dit jaar gegeven op zaterdag 18 oktober in sporthal De Waard. U krijgt een uitnodiging als u 60 jaar of ouder bent of een chronische aandoening heeft zoals diabetes, hartfalen of longziekte. Neem uw uitnodiging en legitimatie mee.\n\nMet vriendelijke groet,\nuw huisartsen", "a:lq")
add("out-of-office", "", "Dr. R. Veenstra <r.veenstra@praktijk-deberkenhof.nl>", "secretariaat@ziekenhuis-rijnland.test", "Automatisch antwoord: Verwijzing cardiologie",
    "Ik ben afwezig tot en met 28 april. Voor spoedeisende zaken kunt u contact opnemen met mijn collega dr. De Lange via 0521-000000 of met de huisartsenpost.\n\nR. Veenstra", "u7", hdrs=[("Auto-Submitted", "auto-replied")])
add("supplier;offer", "", "Vaccinatiezorg Nederland <aanbod@vaccinatiezorg.example>", "info@praktijk-grensland.nl", "Aanbieding: koelkasten met temperatuurlogger",
    "Geachte praktijkhouder,\n\nVoldoet uw vaccinkoelkast aan de nieuwe eisen? Onze medische koelkast MK-140 met gecertificeerde temperatuurlogger is deze maand 15% voordeliger. Artikelnummer {F1}.\n\nVraag vrijblijvend een offerte aan.\n\nVaccinatiezorg Nederland", "h:u8")
add("municipality;general-info", "", "Gemeente De Waard <sociaaldomein@gemeente-dewaard.example>", "huisartsen@gemeente-dewaard.example", "Informatiebijeenkomst nieuwe werkwijze Wmo",
    "Geachte huisartsen en praktijkondersteuners,\n\nPer 1 juli verandert de toegang tot de Wmo: aanvragen lopen voortaan via het sociaal wijkteam. Wij nodigen u uit voor een informatiebijeenkomst op 22 mei om 19.30 uur in het gemeentehuis.\n\nMet vriendelijke groet,\nteam Sociaal Domein", "wq")
add("hospital;general-info", "", "Transferbureau <transfer@ziekenhuis-oost.test>", "huisartsen-regio@ziekenhuis-oost.test", "Nieuw telefoonnummer huisartsenlijn",
    "Geachte huisartsen,\n\nPer 1 mei is de huisartsenlijn van Ziekenhuis Oost bereikbaar via 088-0000 123. Het oude nummer vervalt na 1 juni.\n\nMet vriendelijke groet,\nTransferbureau", "u7")
add("csv;order-list", "", "Balie Oostpoort <balie@praktijk-oostpoort.nl>", "inkoop@zorggroep-oostpoort.example", "Bestellijst kwartaal 2",
    "Hoi, in de bijlage de bestellijst voor Q2.\nGroet, balie", "u8",
    atts=[("csv", "bestellijst_Q2.csv", "artikelnr;omschrijving;aantal;prijs\n{N1};Spuiten 2 ml luer lock;10;4,20\n{F1};Naalden 23G;10;3,90\n{F2};Alcoholdoekjes;20;1,15\n{N2};Urine-teststrips 10 parameter;5;24,50\n", "windows-1252")])
add("zip;templates", "", "Kwaliteitscommissie <kwaliteit@zorggroep-berkenhof.example>", "praktijken@zorggroep-berkenhof.example", "Sjablonen patiëntfolders",
    "Bijgaand een zip met de nieuwe sjablonen voor patiëntfolders in de huisstijl.", "u8",
    atts=[("zip", "sjablonen.zip", [("docx", "folder_sjabloon.docx", ["[Titel folder]", "[Inleiding: wat is de aandoening?]", "[Wat kunt u zelf doen?]", "[Wanneer belt u de praktijk?]"], ["Huisstijl 2025"]),
        ("txt", "leesmij.txt", "Gebruik lettertype Arial 11. Logo staat in de kopregel.\n")])])
add("newsletter;forwarded-rfc822", "", "Dr. A. Kaya <a.kaya@praktijk-dewaard.nl>", "team@praktijk-dewaard.nl", "Fwd: Apotheeknieuws: tekorten",
    "Ter info, let op de tekorten bij het voorschrijven.", "u8",
    atts=[("eml", dict(frm="Apotheek De Waard <nieuws@apotheek-dewaard.example>", to="a.kaya@praktijk-dewaard.nl", subj="Apotheeknieuws: tekorten", fmt="a:uq",
        body="Beste voorschrijvers,\n\nOp dit moment zijn er leveringsproblemen met:\n- amoxicilline drank 250 mg/5 ml\n- methylfenidaat 18 mg retard\n- estradiol pleisters 50 mcg\n\nAlternatieven: zie het overzicht op onze site.\n\nApotheek De Waard"))])
add("staff;roster-change", "", "Ilse <ilse@praktijk-grensland.nl>", "Wendy <wendy@praktijk-grensland.nl>", "ruilen?",
    "hoi wendy kan jij donderdag 15 mei mijn ochtend overnemen? dan doe ik jouw vrijdag. moet naar de bruiloft van mn nicht\nx ilse", "u8")
add("it;password-reset", "", "noreply@zorgportaal.example", "assistentes@praktijk-deberkenhof.nl", "Uw wachtwoord is gewijzigd",
    "Het wachtwoord van uw account bij Zorgportaal is zojuist gewijzigd. Heeft u dit niet zelf gedaan? Neem dan contact op met de beheerder.\n\nReferentie: {F1}", "u7")
add("accreditation;certificate", "", "GAIA Accreditatie <noreply@accreditatie.example>", "e.bakker@praktijk-hetanker.nl", "Uw punten zijn bijgeschreven",
    "Geachte mevrouw Bakker,\n\nVoor de nascholing 'Diabetes update 2025' zijn 3 punten bijgeschreven in uw dossier. BIG-nummer {F1}.\n\nMet vriendelijke groet,\nAccreditatiebureau", "u8")
add("newsletter;en;research", "", "BMJ Primary Care Digest <digest@journal-digest.example>", "e.bakker@praktijk-hetanker.nl", "This week: SGLT2 inhibitors in CKD, deprescribing in elderly",
    "This week's highlights\n\n* Meta-analysis (n = 90,409): SGLT2 inhibitors reduce progression of chronic kidney disease regardless of diabetes status.\n* Deprescribing benzodiazepines in older adults: a cluster-randomised trial in 72 practices.\n* Editorial: how to talk to patients about cancer screening uncertainty.\n\nUnsubscribe | Manage preferences", "a:u7")
add("kvk-agb-numbers", "", "Administratie Zorggroep <admin@zorggroep-oost.example>", "administratie@praktijk-grensland.nl", "Gegevens voor het contract 2026",
    "Goedemorgen,\n\nVoor de contractering 2026 hebben wij de volgende gegevens van uw praktijk genoteerd:\nAGB-code praktijk: 01057733\nKvK: 71234508\nIBAN: NL44 INGB 0006 5432 10\nBtw-id: NL860612345B01\n\nKlopt dit? Graag een bevestiging.\n\nGroet, administratie", "uq")
add("waiting-room;tv-content", "", "Mediascherm Service <content@mediascherm.example>", "info@praktijk-oostpoort.nl", "Nieuwe content voor uw wachtkamerscherm",
    "Deze maand nieuw op uw scherm: zonnebrand en huidkanker, de 'Thuisarts'-app, en het belang van bewegen voor 65-plussers. Wilt u een eigen bericht toevoegen? Reageer op deze mail.", "h:w8")
add("phishing;invoice", "", "Facturatie <billing@secure-pay-invoice.example>", "administratie@praktijk-deberkenhof.nl", "Openstaande factuur 902117733 - laatste herinnering",
    "Geachte klant,\n\nUw factuur 902117733 is nog niet voldaan. Download de factuur via de onderstaande link om incassokosten te voorkomen.\n\nhttps://secure-pay-invoice.example/f/902117733\n\nAfdeling Facturatie", "u8")
add("clean;patient-general;opening-hours", "", "Huisartsenpraktijk Oostpoort <info@praktijk-oostpoort.nl>", "undisclosed-recipients:;", "Aangepaste openingstijden Koningsdag",
    "Beste patiënten,\n\nOp Koningsdag (zaterdag 26 april) zijn wij gesloten. Op vrijdag 25 april sluit de praktijk om 12.00 uur i.v.m. een teamtraining. Voor spoed belt u 112, voor dringende zaken de huisartsenpost.\n\nMet vriendelijke groet,\nHuisartsenpraktijk Oostpoort", "wb")
add("supplier;delivery;tracking", "", "PostNL <noreply@pakket-track.example>", "balie@praktijk-dewaard.nl", "Je pakket komt vandaag",
    "Je pakket van Praxisshop wordt vandaag tussen 13:15 en 15:15 bezorgd.\nZendingnummer: 3SPRX{N1}\n\nNiet thuis? Het pakket gaat naar een PostNL-punt.", "u8")
# ======================= more sensitive: mixed writers =======================
add("patient;tr;family", "h", "Hatice Aydın <hatice.aydin@hotmail.example>", "info@praktijk-dewaard.nl", "Eşim / mijn vrouw suiker",
    "Merhaba dokter,\nmijn vrouw Emine heeft suikerziekte, zij spuit insuline maar de laatste dagen suiker is heel hoog 22 en 25 op het apparaat. zij drinkt veel water en is moe. wat moeten wij doen? morgen bellen?\nHatice", "u8")
add("patient;nl-informal;phone-typed", "h", "lisa.m@gmail.example", "info@praktijk-hetanker.nl", "uitstrijkje",
    "hee is de uitslag van mn uitstrijkje er al?? hpv was vorige keer positief dus ben beetje zenuwachtig", "u8")
add("patient;en;student", "h", "Mia Chen <mia.chen@student.example>", "info@praktijk-oostpoort.nl", "panic attacks",
    "Hello, I'm an international student and I've been having panic attacks almost daily for two weeks, my heart races and I feel like I can't breathe. I went to the emergency room once and they said my heart is fine. Can I get an appointment with someone to talk? My Dutch is not good enough for the phone. Thank you, Mia", "u8")
add("patient;de;tourist", "h", "Jürgen Weiß <j.weiss@t-online.example>", "praktijk@praktijk-grensland.nl", "Rechnung / Behandlung Sprunggelenk",
    "Guten Tag,\n\nich war am Samstag als Urlauber bei Ihnen wegen meines verstauchten Sprunggelenks (Außenband). Ihre Kollegin hat einen Tapeverband angelegt. Für meine Krankenkasse brauche ich eine Rechnung mit Diagnose. Können Sie mir diese per E-Mail senden?\n\nMit freundlichen Grüßen\nJürgen Weiß", "lb")
add("patient;nl;family;parkinson", "hp", "Erik van Rijn <erik.vanrijn@ziggo.example>", "huisarts@praktijk-deberkenhof.nl", "Vader van Rijn - val en Parkinson",
    "Geachte dokter Veenstra,\n\nMijn vader, Hendrik van Rijn, geboren 2 mei 1940, wonende Pastoor van Arsstraat 17 te Katwijk, is de afgelopen maand drie keer gevallen. De neuroloog heeft de levodopa vorige maand verhoogd, maar sindsdien ziet hij 's nachts beestjes op de muur. Mijn moeder is uitgeput.\n\nIs een opname of logeerbed mogelijk?\n\nMet vriendelijke groet,\nErik van Rijn", "a:wq")
add("patient;nl;menopause", "h", "Anja Kroon <anjakroon@hetnet.example>", "info@praktijk-grensland.nl", "Overgang",
    "Goedemiddag,\n\nIk heb sinds een half jaar enorme opvliegers, ook 's nachts 5 of 6 keer, en ik slaap daardoor slecht. Mijn menstruatie is sinds maart weg. Mijn zus gebruikt hormoonpleisters, zou dat voor mij ook iets zijn? Ik heb wel in 2015 een trombosebeen gehad.\n\nAnja Kroon", "lq")
add("patient;nl;sexual-health;urgent", "h", "M. <m.ter.horst@posteo.example>", "info@praktijk-oostpoort.nl", "Dringend - PEP",
    "Ik heb gisteravond onbeschermde seks gehad met een man van wie ik net hoorde dat hij hiv heeft. Ik heb gelezen dat je binnen 72 uur PEP moet starten. Kan dat bij jullie of moet ik naar de SEH? Graag snel reactie.\nMartijn", "u8")
add("patient;nl;teen;contraception", "h", "xx_jade_xx@gmail.example", "info@praktijk-dewaard.nl", "pil",
    "hoi ik ben 16 en wil graag aan de pil. moet mijn moeder dat weten? ik wil niet dat jullie haar bellen. kan ik alleen komen?\njade", "u8")
add("patient;nl;eating-disorder;child", "h", "Paul Hermans <paul.hermans@kpnmail.example>", "dr.bakker@praktijk-hetanker.nl", "Fleur",
    "Dokter Bakker,\n\nWe maken ons grote zorgen om onze dochter Fleur (15). Ze is in drie maanden van 54 naar 43 kilo gegaan, eet alleen nog appels en komkommer en sport twee uur per dag. Ze is niet meer ongesteld. Ze ontkent dat er iets is. Wat kunnen we doen?\n\nPaul en Marieke Hermans", "uq")
add("patient;nl;addiction;drugs", "h", "anon <dex.1996@proton.example>", "poh-ggz@praktijk-oostpoort.nl", "cocaine",
    "ik gebruik elk weekend coke en laatst ook doordeweeks en ik krijg hartkloppingen en ben paranoide. ik wil stoppen maar lukt niet alleen. kan ik praten met iemand zonder dat het in mn dossier komt? Dex", "u8")
add("patient;pl;back-pain", "h", "Krzysztof Lewandowski <k.lewandowski@interia.example>", "info@praktijk-dewaard.nl", "plecy / rug",
    "Dzień dobry\nik heb veel pijn in rug al 2 weken, ik neem Ibuprom uit Polen 3 keer per dag maar niet goed. ik kan niet slapen. mijn been is ook dood gevoel links. kan ik afspraak? ik werk tot 16 uur\nKrzysztof", "u8")
add("patient;ar;child-eczema", "h", "Omar Al-Khatib <omar.alkhatib@gmail.example>", "assistente@praktijk-oostpoort.nl", "creme voor baby",
    "Goedemiddag,\nmijn baby Lina (8 maanden) heeft rode droge plekken op wangen en in de armen, zij krabt veel. de crème van de dokter (hydrocortison) is op. kan ik nieuwe krijgen bij apotheek?\nمع الشكر\nOmar", "ub")
add("patient;nl;voice-dictated;bsn-4-2-3", "bhp", "Gerda Meijerink <g.meijerink@zonnet.example>", "receptenlijn@praktijk-grensland.nl", "Herhaalrecept",
    "Goedemorgen met Gerda Meijerink geboren 30 juni 1952 mijn burgerservicenummer is {B1_s2} ik wil graag mijn herhaalrecept voor de omeprazol en de metoprolol en ook de oogdruppels voor het glaucoom die zijn bijna op dank u wel", "w8")
add("patient;nl;bsn-leading-zero", "bp", "Sophie Laan <sophie.laan@gmail.example>", "administratie@praktijk-hetanker.nl", "Gegevens voor inschrijving",
    "Beste administratie,\n\nZoals gevraagd:\nSophie Laan, geboren 14-02-2000\nBurgerservicenummer: {Z1}\nNieuw adres: Zwolseweg 220, 7942 AB Meppel\n\nGroet, Sophie", "u8")
add("patient;nl;dossier-copy", "bp", "R. Meester <r.meester@kpnmail.example>", "privacy@praktijk-deberkenhof.nl", "Verzoek inzage medisch dossier",
    "Geachte heer/mevrouw,\n\nOp grond van de AVG verzoek ik om een kopie van mijn volledige medisch dossier.\n\nNaam: Ronald Meester\nGeboortedatum: 19-11-1966\nBSN: {B1_p}\nAdres: Voorstraat 8, 2225 ER Katwijk\n\nIk kom het graag ophalen met legitimatie.\n\nHoogachtend,\nR. Meester", "l8")
add("patient;nl;complaint", "h", "Bianca Vermeulen <bianca.vermeulen@online.example>", "praktijkmanager@praktijk-oostpoort.nl", "Klacht",
    "Geachte praktijkmanager,\n\nIk wil een klacht indienen. Ik ben in februari twee keer bij de waarnemend arts geweest met hoofdpijn en nekklachten. Er werd gezegd dat het spanning was. Vorige week bleek in het ziekenhuis dat ik een hersenvliesontsteking had en ik heb vijf dagen op de IC gelegen. Ik vind dat er niet goed geluisterd is.\n\nBianca Vermeulen", "wq")
add("pharmacy;baxter", "hp", "Apotheek De Linde <baxter@apotheek-delinde.example>", "huisarts@praktijk-deberkenhof.nl", "Wijziging baxterrol",
    "Goedemiddag,\n\nVoor mevr. Cornelia (Corrie) Zwart, 21-12-1937, Rozenhof 4 Katwijk, hebben wij de baxterrol aangepast na het ontslag uit het ziekenhuis: digoxine gestopt, bisoprolol 2,5 mg gestart. Graag uw akkoord, dan kan de rol donderdag mee.\n\nMet vriendelijke groet,\nApotheek De Linde", "u8")
add("lab-result;pdf-reversed-split", "bhp", "Laboratorium Zuid <uitslagen@lab-zuid.test>", "praktijk@praktijk-dewaard.nl", "Uitslag",
    "Uitslag in bijlage.", "u7",
    atts=[("pdfsplit", "uitslag.pdf", ["LABORATORIUM ZUID", "Patiënt: Vermaat, Joke  geb. 22-09-1959"], ["BSN ", "{B1_a}", "{B1_b}"], ["", "PSA: n.v.t.  Ferritine 412 ug/L (H)  Transferrineverzadiging 68% (H)", "Conclusie: verdenking hemochromatose."], True)])
add("dietitian;report", "h", "Diëtistenpraktijk Gezond Bord <info@gezondbord.example>", "poh@praktijk-grensland.nl", "Verslag dieetbehandeling mevr. Nijboer",
    "Beste POH,\n\nMevr. Nijboer is 6 keer bij mij geweest i.v.m. haar diabetes type 2 en overgewicht (BMI 34). Zij is 5,5 kg afgevallen. Zij eet nu volgens het schijf-van-vijf-advies en koolhydraatbeperkt in de avond.\n\nMet vriendelijke groet,\nNaomi, diëtist", "u8")
add("podiatrist;diabetic-foot", "h", "Podotherapie Stap <info@podo-stap.example>", "poh@praktijk-dewaard.nl", "Signalering: wond voet dhr. Karimi",
    "Beste POH,\n\nBij de jaarlijkse voetcontrole zag ik bij dhr. Karimi een diep ulcus onder de grote teen rechts met verminderde sensibiliteit (Sims 2). Ik adviseer snelle verwijzing naar het voetenteam.\n\nMvg,\nJoris, podotherapeut", "uq")
add("speech-therapist;child", "h", "Logopedie Praatjes <praatjes@logopedie.example>", "info@praktijk-hetanker.nl", "Verslag logopedie Jesse",
    "Beste huisarts,\n\nJesse van der Veen (5 jaar) wordt sinds januari behandeld voor stotteren. Er is vooruitgang, maar ouders maken zich zorgen over zijn gehoor. Wij adviseren een gehooronderzoek bij de KNO-arts.\n\nMet vriendelijke groet,\nAnnemiek, logopedist", "w8")
add("palliative;team", "hp", "Palliatief Team Regio <palliatief@thuiszorg-vecht.example>", "huisarts@praktijk-hetanker.nl", "Afstemming mevr. Lubach",
    "Beste dokter,\n\nAfstemming voor mevr. Grietje Lubach (geb. 05-08-1942), Wilhelminastraat 30 Meppel: zij heeft sinds gisteren meer pijn en onrust. Doorbraakmedicatie oxycodon 5 mg is 6x gegeven. Familie vraagt naar palliatieve sedatie. Kunt u vandaag een visite doen?\n\nTeam palliatieve zorg", "uq")
add("home-care;insulin", "h", "Thuiszorg Vecht <planning@thuiszorg-vecht.example>", "poh@praktijk-hetanker.nl", "Insuline dhr. Mensink",
    "Hallo,\n\nDhr. Mensink heeft vanochtend een glucose van 3,1 gehad na 24 E Lantus. Hij had gisteren weinig gegeten. Moeten we de dosis aanpassen? We komen vanavond weer.\n\nGroet, Bianca (thuiszorg)", "u8")
add("uwv;info-request", "bhp", "UWV Verzekeringsarts <sociaal.medisch@uwv-regio.example>", "huisarts@praktijk-grensland.nl", "Verzoek medische informatie",
    "Geachte collega,\n\nIn het kader van de WIA-beoordeling van uw patiënt de heer Gerrit Lambers, geboren 08-03-1964, burgerservicenummer {B1}, verzoek ik u om informatie over zijn diagnoses en behandeling. Betrokkene heeft een hartinfarct doorgemaakt in 2023 en heeft nog angina pectoris-klachten.\n\nEen machtiging van betrokkene is bijgevoegd.\n\nMet vriendelijke groet,\nverzekeringsarts UWV", "uq",
    atts=[("pdf", "machtiging.pdf", [["MACHTIGING", "Ondergetekende, G. Lambers, geboren 08-03-1964, machtigt de huisarts medische informatie te verstrekken aan de verzekeringsarts van UWV.", "Handtekening: G. Lambers"]])])
add("wlz;ciz;indication", "bhp", "CIZ Indicatiestelling <indicatie@ciz-regio.example>", "huisarts@praktijk-deberkenhof.nl", "Aanvraag Wlz-indicatie – medische gegevens",
    "Geachte huisarts,\n\nVoor de Wlz-aanvraag van mevr. Maria Helena Brouwers, geboren 07-01-1934, BSN {B1_s}, ontvangen wij graag een actueel medisch overzicht. Aanvrager (dochter) meldt ernstige dementie en dubbelzijdige visusbeperking.\n\nMet vriendelijke groet,\nCIZ", "a:u8")
add("insurer;audit;xlsx", "bhp", "Materiële Controle <controle@zilverzee.example>", "administratie@praktijk-oostpoort.nl", "Steekproef materiële controle 2024",
    "Geachte praktijk,\n\nIn het kader van de materiële controle vragen wij u de dossiergegevens bij onderstaande declaraties te controleren. Zie bijlage.\n\nMet vriendelijke groet,\nZilverzee", "uq",
    atts=[("xlsx", "steekproef_2024.xlsx", [["Burgerservicenummer", "Verzekerde", "Geboortedatum", "Prestatie", "Datum"],
        ["#n:{B1}", "M. Dekker", "1975-04-02", "13001 consult tot 20 min", "2024-03-12"], ["#n:{B2}", "S. Yilmaz", "1988-09-15", "13034 chirurgische verrichting", "2024-06-03"], ["{B3}", "P. de Ruiter", "1951-12-29", "13010 visite", "2024-11-20"]])])
add("hr;payslip", "bp", "Salarisadministratie <salaris@hrservice-zorg.example>", "s.kuiper@praktijk-dewaard.nl", "Loonstrook april 2025",
    "Beste Sandra,\n\nIn de bijlage je loonstrook van april.\n\nSalarisadministratie", "u8",
    atts=[("pdf", "loonstrook_2025-04.pdf", [["LOONSTROOK april 2025", "Werkgever: Huisartsenpraktijk De Waard", "Werknemer: S. Kuiper", "Geboortedatum: 23-06-1990", "BSN: {B1}", "Adres: Lindenlaan 67, 3311 GB Dordrecht", "Bruto salaris: 3.142,00", "Netto: 2.402,18"]])])
add("hr;sick-note-reason", "h", "Joost Post <j.post@praktijk-hetanker.nl>", "arbodienst@arbovitaal.example", "Ziekmelding medewerker",
    "Goedemorgen,\n\nHierbij meld ik onze medewerker Marleen Gortemaker ziek per vandaag. Zij heeft gisteren een miskraam gehad en is voorlopig niet inzetbaar.\n\nMet vriendelijke groet,\nJoost Post, praktijkmanager", "uq")
add("reply;en;history-only-sensitive", "hp", "Dr. S. Ouali <s.ouali@praktijk-oostpoort.nl>", "IT Support <support@his-vendor.example>", "Re: Re: printing problem",
    "Thanks, the fix works. Printing is OK now.\n\nSamira\n\nOn Tue, 15 Apr 2025 at 09:10, IT Support wrote:\n> Please install patch 7.4.3 and restart the print service.\n>\n> On Mon, 14 Apr 2025, Dr. S. Ouali wrote:\n>> When I print the referral letter, the page comes out blank. Example: the letter for\n>> Mr. Lucas van Beek (DOB 03-03-1970), referral to oncology for suspected lung cancer.\n>> Screenshot attached.\n", "u8")
add("forward-inline;lab-patient", "hp", "Dr. J. Visscher <j.visscher@praktijk-grensland.nl>", "poh@praktijk-grensland.nl", "Fwd: Uitslagen",
    "Karin, kun jij deze bespreken bij de DM-controle?\n\n---------- Forwarded message ---------\nFrom: Laboratorium Oost <lab@lab-oost.test>\nDate: vr 11 apr 2025 om 16:05\nSubject: Uitslagen\n\nPatiënt: Bosch, Hendrika  geb. 16-10-1955  patiëntnummer 0044187\nHbA1c 72 mmol/mol, microalbumine/kreatinine ratio 8,9 mg/mmol (H)\n", "uq")
add("referral;docx-header-bsn", "bhp", "Dr. E. Bakker <e.bakker@praktijk-hetanker.nl>", "kno@ziekenhuis-noordoost.test", "Verwijzing KNO",
    "Geachte collega,\nZie bijgaande verwijzing.\nE. Bakker", "w8",
    atts=[("docx", "verwijzing_KNO.docx", ["**Verwijzing KNO-arts", "Reden: eenzijdige perceptief gehoorverlies links sinds 3 weken, tinnitus. Geen verbetering op prednison.", "Graag MRI cerebellopontiene hoek."],
        ["Patiënt: A.C. (Annet) Boersma – geb. 12-01-1973 – BSN {B1_p}"])])
add("ggz;pdf-reversed", "bhp", "Psychiatrie Poli <psychiatrie@ziekenhuis-rijnland.test>", "huisarts@praktijk-deberkenhof.nl", "Behandeladvies",
    "Geachte collega, zie het behandeladvies in de bijlage.", "u7",
    atts=[("pdfsplit", "behandeladvies.pdf", ["Behandeladvies psychiatrie", "Cliënt: Thijs Overdijk, 28-02-1995"], ["Burgerservicenr.: ", "{B1_a}", ".", "{B1_b}"], ["Diagnose: bipolaire stoornis type I, huidige episode manisch.", "Lithium gestart 400 mg 2dd, spiegel over 5 dagen."], True)])
add("internal;bsn-subject-only", "b", "Administratie <administratie@praktijk-dewaard.nl>", "receptie@praktijk-dewaard.nl", "Re: {B1}",
    "Deze is opgelost, de verzekering is aangepast.\n\nAdministratie", "u8")
add("html;bsn-numeric-entities", "bp", "Inschrijfformulier <formulier@praktijk-oostpoort.nl>", "administratie@praktijk-oostpoort.nl", "Nieuw webformulier: inschrijving",
    fmt="h:u7", html="<html><body><h3>Nieuwe inschrijving via website</h3><table><tr><td>Naam</td><td>Jelle Drost</td></tr><tr><td>Geboortedatum</td><td>05-09-1993</td></tr><tr><td>BSN</td><td>{B1_e}</td></tr><tr><td>Adres</td><td>Czaar Peterstraat 19-2</td></tr><tr><td>Vorige huisarts</td><td>Praktijk Zeerand</td></tr></table></body></html>")
add("consultation-bureau;vaccination", "hp", "Consultatiebureau <cb@ggd-holland.example>", "info@praktijk-dewaard.nl", "Vaccinatiestatus",
    "Geachte huisarts,\n\nVoor Lucas Meijer, geboren 02-03-2024, Prinsenstraat 8, missen wij de BMR-vaccinatie van 14 maanden. Ouders geven aan dat u de vaccinatie heeft uitgesteld vanwege een ernstige eiwitallergie. Kunt u dit bevestigen?\n\nMet vriendelijke groet,\njeugdverpleegkundige", "l8")
add("bailiff;address-request", "p", "Deurwaarderskantoor Van Vliet <dossiers@vanvliet-deurwaarders.example>", "info@praktijk-grensland.nl", "Verzoek adresgegevens",
    "Geachte heer/mevrouw,\n\nIn opdracht van onze cliënt zoeken wij het huidige adres van mevrouw Dana Post, geboren 11-07-1987. Ons bekend adres is Marktstraat 5, Enschede, maar zij woont daar niet meer. Wilt u ons het huidige adres verstrekken?\n\nMet vriendelijke groet,\nVan Vliet Gerechtsdeurwaarders", "w8")
add("life-insurer;questionnaire", "hp", "Medische Acceptatie <acceptatie@levensverzekeraar.example>", "huisarts@praktijk-oostpoort.nl", "Medische vragenlijst aanvrager",
    "Geachte huisarts,\n\nDe heer Niels Bakker (geb. 29-05-1985, Wibautstraat 140) heeft een overlijdensrisicoverzekering aangevraagd en vermeldt dat hij in 2022 behandeld is voor de ziekte van Crohn met adalimumab. Met zijn toestemming vragen wij u de bijgevoegde vragenlijst in te vullen.\n\nMedisch adviseur", "uq")
add("occupational-physician;chemo", "h", "Bedrijfsarts Vitaal Werk <bedrijfsarts@vitaalwerk.example>", "huisarts@praktijk-dewaard.nl", "Re-integratie mw. Schipper",
    "Geachte collega,\n\nMw. Schipper heeft haar laatste chemokuur voor borstkanker in maart gehad en wil graag starten met re-integratie. Zij heeft nog veel last van vermoeidheid en polyneuropathie in de voeten. Zijn er vanuit uw kant bezwaren?\n\nMet collegiale groet,\nbedrijfsarts", "w8")
add("physio;short", "h", "Fysio Centrum <fysio@fysiocentrum.example>", "huisarts@praktijk-deberkenhof.nl", "mw jansen knie",
    "mw jansen na TKP re knie: flexie 95 gr, extensie -5, loopt met 1 kruk. zwelling neemt af. geen bijzonderheden. mvg Kees", "u8")
add("pathology;pdf", "hp", "Pathologie Lab <pathologie@ziekenhuis-amstelland.test>", "praktijk@praktijk-oostpoort.nl", "PA-uitslag excisie",
    "Geachte collega, bijgaand de PA-uitslag.", "u7",
    atts=[("pdf", "PA_uitslag.pdf", [["PATHOLOGIE - UITSLAG", "Patiënt: Vera Lindhout", "Geboortedatum: 18-04-1982", "Materiaal: huidexcisie linker onderbeen", "Conclusie: superficieel spreidend melanoom, Breslow 0,6 mm, radicaal verwijderd."]])])
add("patient;nl;insurance-question-with-health", "h", "Hans Bloemendaal <h.bloemendaal@telfort.example>", "info@praktijk-grensland.nl", "Vergoeding",
    "Goedemiddag, wordt mijn CPAP-apparaat voor de slaapapneu nou door de verzekering vergoed of moet ik dat zelf regelen? De longarts zei dat jullie dat wisten. Groet Hans Bloemendaal", "lq")
add("patient;nl;phone-typed;no-signature", "h", "06bericht@sms2mail.example", "info@praktijk-deberkenhof.nl", "SMS van +31612345678",
    "mn oog is dicht en vol pus sinds vnacht kan ik vandaag nog komen? gr. bram", "u7")
add("patient;en;pregnancy-loss", "h", "Hannah Schmidt <hannah.schmidt@gmx.example>", "info@praktijk-oostpoort.nl", "bleeding",
    "Dear doctor, I am 9 weeks pregnant and since this morning I have cramps and bleeding with clots. The midwife isn't answering. Should I go to hospital? Hannah", "u8")
add("patient;nl;formal;kidney", "hp", "Drs. F.M. Everts <fm.everts@hetnet.example>", "huisarts@praktijk-hetanker.nl", "Nierfunctie",
    "Zeer geachte mevrouw Bakker,\n\nNaar aanleiding van de bloedafname van 2 april ontving ik via het portaal een eGFR van 38. Dit is aanzienlijk lager dan vorig jaar (52). Ik gebruik naproxen voor mijn artrose; zou daar een verband mee kunnen zijn?\n\nVoor uw administratie: Frederik Everts, geboren 17 augustus 1947, Kanaalweg 101, Meppel.\n\nMet vriendelijke groet,\nF.M. Everts", "l8")
# ======================= clean batch 2 =======================
add("training;invitation", "", "Huisartsenopleiding <opleiding@umc-eerstelijn.test>", "opleiders@umc-eerstelijn.test", "Terugkomdag opleiders 5 juni",
    "Beste opleiders,\n\nDe terugkomdag staat gepland op donderdag 5 juni van 13.00 tot 17.00 uur. Thema: feedback geven op consultvoering. Neem gerust een video-opname mee van een consult van uw aios (met toestemming van de patiënt en zonder herleidbare gegevens).\n\nAanmelden via de website.\n\nMet vriendelijke groet,\nbureau Huisartsopleiding", "uq")
add("protocol;pdf;triage", "", "NHG Triage Update <triage@triage-update.example>", "assistentes@praktijk-dewaard.nl", "Gewijzigde triagewijzer: pijn op de borst",
    "Beste assistentes,\n\nIn de triagewijzer is de ingangsklacht 'pijn op de borst' aangepast. Belangrijkste wijziging: bij pijn langer dan 5 minuten in rust altijd U1 en 112. Zie de samenvatting in de bijlage.\n\nMet vriendelijke groet", "w8",
    atts=[("pdf", "samenvatting_triage_pob.pdf", [["Samenvatting triagewijzer - pijn op de borst", "", "ABCDE-instabiel: U1, bel 112", "Pijn > 5 minuten in rust, zweten, misselijk: U1", "Pijn bij inspanning, nu weg: U2, zelfde dag beoordelen", "Steken bij diep zuchten, geen alarmsymptomen: U3"]])])
add("research;aggregate;xlsx", "", "Zorggroep Oost Data <data@zorggroep-oost.example>", "praktijkmanagers@zorggroep-oost.example", "Spiegelinformatie DM 2024",
    "Beste praktijkmanagers,\n\nBijgaand de spiegelinformatie diabetes per praktijk (geaggregeerd, geen patiëntgegevens).\n\nGroet,\nteam Data", "u8",
    atts=[("xlsx", "spiegelinfo_DM_2024.xlsx", [["Praktijk", "Aantal DM-patiënten", "% HbA1c < 53", "% bloeddruk < 140", "% voetcontrole"], ["Grensland", 412, 61.2, 70.4, 88.1], ["Oost", 390, 58.9, 66.0, 91.3], ["Zuid", 275, 64.4, 72.8, 85.5], ["Regio gemiddeld", 359, 61.5, 69.7, 88.3]])])
add("supplier;price-list;elfproef-numbers", "", "Medische Groothandel Noord <verkoop@mgnoord.example>", "inkoop@zorggroep-berkenhof.example", "Prijslijst 2025",
    "Geachte klant,\n\nHierbij onze nieuwe prijslijst. Let op de nieuwe artikelnummers:\n\n{N1}  Steriele gaasjes 10x10 (100 st)   € 6,45\n{N2}  Hechtpleisters 6 mm               € 9,80\n{F1}  Wondspray 50 ml                   € 7,15\n{N3}  Tekenpincet                        € 2,95\n\nMet vriendelijke groet,\nMGN", "l8")
add("newsletter;de", "", "Grenzüberschreitende Versorgung <info@euregio-zorg.example>", "praktijk@praktijk-grensland.nl", "Newsletter Euregio: Patienten aus Deutschland",
    "Sehr geehrte Damen und Herren,\n\nab 1. Juli gilt ein vereinfachtes Verfahren für die Abrechnung der Behandlung deutscher Urlauber in niederländischen Hausarztpraxen. Patienten legen ihre europäische Krankenversicherungskarte (EHIC) vor. Eine Anleitung finden Sie auf unserer Webseite.\n\nMit freundlichen Grüßen\nEuregio Zorg", "lq")
add("it;phishing-warning", "", "Security Zorggroep <security@zorggroep-oost.example>", "alle.medewerkers@zorggroep-oost.example", "Waarschuwing: phishingmails over 'gedeeld dossier'",
    "Beste collega's,\n\nEr gaan phishingmails rond met het onderwerp 'Er is een dossier met u gedeeld'. Klik niet op de link en voer nooit uw inloggegevens in. Twijfelt u? Stuur de mail door naar security@zorggroep-oost.example.\n\nTeam Informatiebeveiliging", "a:u8")
add("it;teams-invite;ics", "", "Joost Post <j.post@praktijk-hetanker.nl>", "team@praktijk-hetanker.nl", "Uitnodiging: evaluatie nieuwe telefooncentrale",
    "Zie agenda-uitnodiging.", "u7",
    atts=[("ics", "uitnodiging.ics", ("Evaluatie telefooncentrale", "20250520T123000", "Hoe bevalt de terugbelfunctie? Graag ervaringen meenemen.", "Kantine"))])
add("staff;farewell", "", "Monique (praktijkmanager) <pm@praktijk-deberkenhof.nl>", "team@praktijk-deberkenhof.nl", "Afscheid Truus 🌷",
    "Lieve collega's,\n\nNa 31 jaar gaat onze Truus met pensioen! We nemen afscheid op vrijdag 30 mei om 16.00 uur in de praktijk, met een hapje en een drankje. Voor het cadeau gaat er een envelop rond bij de balie. Houd het stil!\n\nMonique", "u8")
add("staff;new-colleague", "", "Dr. A. Kaya <a.kaya@praktijk-dewaard.nl>", "team@praktijk-dewaard.nl", "Welkom Mark de Haan",
    "Beste allemaal,\n\nPer 1 mei komt Mark de Haan ons team versterken als praktijkondersteuner somatiek. Mark werkte hiervoor als verpleegkundige op de longafdeling van het ziekenhuis. Hij werkt op maandag, dinsdag en donderdag. Maak hem wegwijs!\n\nAyse", "uq")
add("leaflet;docx;patient-info", "", "POH Het Anker <poh@praktijk-hetanker.nl>", "assistentes@praktijk-hetanker.nl", "Nieuwe folder: leven met COPD",
    "Hoi dames, kunnen jullie deze folder uitprinten voor in de wachtkamer? Alvast dank.", "u8",
    atts=[("docx", "Folder leven met COPD.docx", ["**Leven met COPD", "COPD is een chronische longziekte. U bent sneller kortademig en hoest vaak.", "Wat kunt u zelf doen? Stop met roken, blijf bewegen, haal elk jaar de griepprik.",
        ("table", [["Klacht", "Wat te doen"], ["Meer slijm, geel/groen", "Bel de praktijk"], ["Ernstig benauwd", "Bel 112"]])], ["Huisartsenpraktijk Het Anker"])])
add("municipality;invoice;elfproef", "", "Gemeente Hogeveld <belastingen@gemeente-hogeveld.example>", "administratie@praktijk-hetanker.nl", "Aanslag afvalstoffenheffing bedrijven",
    "Geachte heer/mevrouw,\n\nUw aanslag bedrijfsafval 2025 met aanslagnummer {N1} is aangemaakt. Het bedrag van € 684,00 wordt in 8 termijnen geïncasseerd.\n\nGemeente Hogeveld, afdeling Belastingen", "w8")
add("cleaning;supplier", "", "Schoonmaakbedrijf Glans <planning@glans-schoon.example>", "pm@praktijk-deberkenhof.nl", "Planning schoonmaak zomerperiode",
    "Beste Monique,\n\nIn de zomer (week 29 t/m 33) komt onze medewerker Priscilla in plaats van Hatice. De tijden blijven gelijk: ma/wo/vr na 18.00 uur. De sleutelkluis-code blijft ongewijzigd.\n\nGroet, Glans", "u8")
add("congress;en", "", "WONCA Europe <registration@wonca-conference.example>", "s.ouali@praktijk-oostpoort.nl", "Registration confirmed - WONCA Europe 2025",
    "Dear Dr Ouali,\n\nThank you for registering. Your registration number is {N1}. Please bring your confirmation to the registration desk in Lisbon.\n\nWorkshops you selected:\n- Multimorbidity in ageing populations\n- Digital triage: evidence and pitfalls\n\nKind regards,\nConference Secretariat", "u7")
add("clean;reply-chain;logistics", "", "Balie Oostpoort <balie@praktijk-oostpoort.nl>", "Facilitair <facilitair@zorggroep-oostpoort.example>", "RE: RE: RE: verwarming wachtkamer",
    "Hij doet het weer, dank!\n\n> Van: Facilitair\n> Monteur komt morgen om 8 uur.\n>\n>> Van: Balie\n>> Het is in de wachtkamer 14 graden, patiënten zitten met hun jas aan.\n>>\n>>> Van: Facilitair\n>>> Is het nog steeds koud bij jullie?\n", "u8")
add("patient-info;general;website-text", "", "Webredactie <web@praktijk-grensland.nl>", "j.visscher@praktijk-grensland.nl", "Concepttekst website: herhaalrecepten en e-consult",
    "Hoi Jan,\n\nHieronder de concepttekst voor de website. Graag je akkoord.\n\n'Herhaalrecepten vraagt u aan via het portaal of de receptenlijn. Gebruikt u medicijnen zoals insuline, bloedverdunners of middelen tegen epilepsie? Vraag dan minimaal 5 werkdagen van tevoren aan. Via het e-consult kunt u korte vragen stellen; u krijgt binnen 2 werkdagen antwoord.'\n\nGroet, Anouk", "a:uq")
add("research;case-anonymised;en", "", "Journal Club <journalclub@hagro-oost.example>", "fto@hagro-oost.example", "Journal club: case and paper for Thursday",
    "Dear all,\n\nThis week's case: a man in his seventies presents with new-onset ankle swelling after starting a calcium channel blocker. Paper: 'Dose-dependent peripheral oedema with amlodipine' (systematic review, 22 trials). Questions to discuss: when to switch, when to add an ACE inhibitor?\n\nSee you Thursday.", "u8")
add("supplier;vaccine-delivery", "", "RIVM Vaccinlevering <levering@vaccinlevering.example>", "balie@praktijk-dewaard.nl", "Levering griepvaccins: bevestiging",
    "Geachte zorgverlener,\n\nOp 30 september worden 640 doses griepvaccin geleverd. Zorg dat iemand aanwezig is om de koelbox in ontvangst te nemen. Leveringsnummer: {N1}.\n\nMet vriendelijke groet,\nVaccinlevering", "uq")
add("it;licence;elfproef", "", "Licentiebeheer <licenties@softwareleverancier.example>", "pm@praktijk-deberkenhof.nl", "Verlenging licentie 2025-2026",
    "Beste klant,\n\nUw licentie voor de spraakherkenningssoftware (klantnummer 40771, licentiesleutel-ID {N1}) verloopt op 31 mei. Verlengen kan via de klantportal.\n\nMet vriendelijke groet,\nLicentiebeheer", "l8")
add("practice;holiday-schedule;odt", "", "Planning <planning@praktijk-dewaard.nl>", "team@praktijk-dewaard.nl", "Vakantierooster zomer",
    "Zie bijlage voor het vakantierooster. Wie nog wijzigingen heeft: vóór 1 juni.", "u8",
    atts=[("odt", "vakantierooster_zomer.odt", ["Vakantierooster zomer 2025", "Week 28-30: dr. Kaya afwezig, waarneming dr. Prins", "Week 31-32: Sandra afwezig", "Week 33: Linda afwezig", "Praktijk gesloten: geen"])])
add("hagro;minutes", "", "Secretaris Hagro <secretaris@hagro-oost.example>", "leden@hagro-oost.example", "Notulen hagro-vergadering 3 april",
    "Beste leden,\n\nIn de bijlage de notulen. Belangrijkste afspraken:\n- ANW-diensten: ruilen via de roosterapp\n- Gezamenlijke inkoop POCT CRP-apparaten\n- Volgende vergadering: 5 juni bij praktijk Grensland\n\nGroet,\nde secretaris", "wq",
    atts=[("txt", "notulen_hagro_20250403.txt", "Notulen hagro 3 april 2025\nAanwezig: Visscher, De Lange, Kaya, Prins, Bakker\n1. Opening\n2. ANW-rooster: afspraken over ruilen\n3. POCT: offerte van twee leveranciers\n4. Rondvraag: geen\n", "iso-8859-1")])
add("pharma-rep;offer", "", "Medisch Voorlichter <m.vandermeer@pharma-example.example>", "e.bakker@praktijk-hetanker.nl", "Lunchbijeenkomst: nieuwe behandelopties migraine",
    "Geachte dokter Bakker,\n\nGraag nodig ik u en uw collega's uit voor een lunchbijeenkomst over CGRP-remmers bij migraine, verzorgd door een neuroloog uit de regio. Geen productpromotie, wel accreditatie aangevraagd.\n\nMet vriendelijke groet,\nMirjam van der Meer", "h:uq")
add("accounting;annual-report", "", "Accountantskantoor Duin <r.duin@accountant-duin.example>", "pm@praktijk-deberkenhof.nl", "Concept jaarrekening 2024",
    "Beste Monique,\n\nIn de bijlage het concept van de jaarrekening 2024. De omzet uit het inschrijftarief is gestegen met 4%, de M&I-verrichtingen zijn licht gedaald. Graag een afspraak om het door te nemen.\n\nMet vriendelijke groet,\nRoel Duin, RA", "u8",
    atts=[("xlsx", "concept_jaarrekening_2024.xlsx", [["Post", "2024", "2023"], ["Inschrijftarief", 612450, 588900], ["Consulten", 210300, 205120], ["M&I", 88210, 91400], ["Personeelskosten", -498000, -470250], ["Resultaat", 412960, 415170]])])
add("clean;forwarded-nested;general", "", "Dr. R. Veenstra <r.veenstra@praktijk-deberkenhof.nl>", "team@praktijk-deberkenhof.nl", "Fwd: Fwd: nieuwe ZorgDomein-producten",
    "Even doorgestuurd.", "u8",
    atts=[("eml", dict(frm="Monique <pm@praktijk-deberkenhof.nl>", to="r.veenstra@praktijk-deberkenhof.nl", subj="Fwd: nieuwe ZorgDomein-producten", body="Is dit iets voor ons?", fmt="u8",
        atts=[("eml", dict(frm="ZorgDomein Nieuws <nieuws@zorgdomein-nieuws.example>", to="pm@praktijk-deberkenhof.nl", subj="Nieuwe producten in uw regio", fmt="h:uq",
            body="Vanaf mei kunt u via ZorgDomein ook verwijzen naar de valpoli en de teledermatologie van Ziekenhuis Rijnland. De wachttijden zijn actueel in te zien."))]))])
add("courier;lab-pickup", "", "Koerier Lab Noordwest <koerier@lab-noordwest.test>", "balie@praktijk-hetanker.nl", "Gewijzigde ophaaltijden buisjes",
    "Beste praktijk,\n\nVanaf maandag haalt de koerier de bloedbuisjes om 11.30 en 15.30 uur op (was 12.00 en 16.00). Buisjes die later klaarstaan gaan de volgende dag mee.\n\nLab Noordwest", "u7")
add("newsletter;hap", "", "Huisartsenpost Midden <nieuws@hap-midden.example>", "huisartsen@hap-midden.example", "HAP-nieuws: drukte rond de feestdagen",
    "Beste collega's,\n\nTijdens de feestdagen verwachten we 30% meer contacten. We zoeken nog 4 huisartsen voor de dienst van 2e Kerstdag. Daarnaast: de nieuwe regel voor het voorschrijven van opiaten op de post is vanaf 1 december van kracht.\n\nBestuur HAP Midden", "wb")
add("clean;patient;address-general", "", "Willem de Vries <w.devries55@ziggo.example>", "info@praktijk-grensland.nl", "Vraag over bereikbaarheid",
    "Goedemiddag,\n\nIs er bij de praktijk eigenlijk een invalidentoilet en een automatische deur? Er zit toch een drempel bij de voordeur? Dat vroegen mensen bij ons in de buurtvereniging zich af.\n\nGroet,\nWillem de Vries", "lq")
add("supplier;recall-notice", "", "Kwaliteit & Veiligheid <fsca@medtech-leverancier.example>", "info@praktijk-oostpoort.nl", "Field Safety Notice: bloedglucosemeter lot 4471",
    "Geachte gebruiker,\n\nBij lot 4471 van de GlucoTest Pro teststrips kunnen te hoge waarden worden gemeten (tot 15%). Wij verzoeken u de strips uit dit lot niet meer te gebruiken en te retourneren. Meldingsnummer FSCA-{F1}.\n\nMet vriendelijke groet,\nafdeling Kwaliteit", "a:w8")
add("phishing;en", "", "DHL Express <notification@dhl-parcel-status.example>", "balie@praktijk-dewaard.nl", "Your shipment is on hold - customs fee required",
    "Dear customer,\n\nYour shipment 1Z{F1} is on hold. Please pay the customs fee of EUR 2.99 to release your package: http://dhl-parcel-status.example/pay\n\nDHL Express", "u7")
add("it;backup-report", "", "backup@zorgict.example", "ict@praktijk-grensland.nl", "[OK] Back-up job HIS-nacht 2025-04-16",
    "Job: HIS-nacht\nStatus: Success\nStart: 02:00:03  End: 02:41:55\nData: 41.2 GB\nFiles: 118233\nJob-ID: {N1}\n", "u7")
add("clean;vcf;colleague", "", "Dr. J. Visscher <j.visscher@praktijk-grensland.nl>", "a.kaya@praktijk-dewaard.nl", "Contactgegevens nieuwe waarnemer",
    "Ayse, hier de gegevens van de waarnemer die ik aanraad voor jullie zomer.\nJan", "u8",
    atts=[("vcf", "Sanne Prins.vcf", "dr. Sanne Prins", ["ORG:Waarneemgroep Oost", "TITLE:waarnemend huisarts", "TEL;TYPE=CELL:+31 6 2233 4455", "EMAIL:s.prins@waarneemgroep.example"])])
add("complaint-procedure;general", "", "Klachtenfunctionaris <klachten@sklz-regio.example>", "praktijkmanagers@zorggroep-oost.example", "Jaarverslag klachten 2024",
    "Beste praktijkmanagers,\n\nIn 2024 ontvingen wij 37 klachten uit de aangesloten praktijken (2023: 41). De meeste gingen over bereikbaarheid (15) en bejegening (9). Tien klachten gingen over medisch handelen; in geen enkele zaak is een tuchtklacht ingediend.\n\nMet vriendelijke groet,\nklachtenfunctionaris", "uq")
add("meeting;zoom-link", "", "Zorggroep Oost <secretariaat@zorggroep-oost.example>", "praktijkhouders@zorggroep-oost.example", "Ledenvergadering online - link",
    "Beste praktijkhouders,\n\nDe ledenvergadering van 14 mei is online. Link: https://meet.zorggroep-oost.example/j/{F1}\nVergadercode: 4471 2290\n\nAgenda: jaarverslag, begroting 2026, contractering.\n\nSecretariaat", "u8")
add("clean;base64;1252;bulletin", "", "Gezondheidscentrum De Waard <nieuws@praktijk-dewaard.nl>", "nieuwsbrief@praktijk-dewaard.nl", "Nieuwsbrief voorjaar",
    "In deze nieuwsbrief:\n\n• Onze nieuwe POH, Mark, stelt zich voor\n• Tekenbeten: wat moet u doen? Verwijder de teek binnen 24 uur en let op een rode ring.\n• Zomervakantie: de praktijk blijft open, met waarneming\n• Enquête patiënttevredenheid: cijfer 8,3\n\nHet team van De Waard", "wb")
add("clean;docx;job-description", "", "HR Zorggroep <hr@zorggroep-berkenhof.example>", "pm@praktijk-deberkenhof.nl", "Functieomschrijving POH-GGZ",
    "Beste Monique,\n\nHierbij de functieomschrijving voor de vacature POH-GGZ.\n\nHR", "u8",
    atts=[("docx", "Functieomschrijving POH-GGZ.docx", ["**Functieomschrijving praktijkondersteuner GGZ", "Taken: kortdurende begeleiding van patiënten met psychische klachten, screening en doorverwijzing.",
        ("table", [["Schaal", "FWG 55"], ["Uren", "16-24"], ["Opleiding", "HBO SPV / psycholoog"]])])])
add("it;new-his-training;zip", "", "Implementatie HIS <implementatie@his-vendor.example>", "pm@praktijk-deberkenhof.nl", "Trainingsmateriaal nieuw HIS",
    "Beste Monique,\n\nIn de zip vindt u de handleidingen voor de training volgende week.\n\nTeam Implementatie", "u8",
    atts=[("zip", "trainingsmateriaal.zip", [("pdf", "handleiding_agenda.pdf", [["Handleiding agenda", "1. Afspraak maken", "2. Afspraak verzetten", "3. Terugbelverzoeken"]]),
        ("docx", "oefencasus.docx", ["Oefencasus (fictief): testpatiënt 'Test, Piet' – gebruik uitsluitend de testomgeving.", "Maak een afspraak, registreer een episode en sluit deze af."]),
        ("csv", "sneltoetsen.csv", "toets;functie\nF2;zoeken\nF5;agenda\nF9;journaal\n")])])
add("clean;patient;thank-you;en", "", "Anna Kowalski <anna.kowalski@mail.example>", "info@praktijk-oostpoort.nl", "Thank you",
    "Dear team, just wanted to say thank you for being so friendly at the front desk when I registered last week. It made settling in a lot easier. Best, Anna", "u7")
add("ggz;general-info", "", "GGZ Westkust <voorlichting@ggz-westkust.example>", "huisartsen-regio@ggz-westkust.example", "Wachttijden GGZ per mei",
    "Geachte verwijzers,\n\nActuele wachttijden: basis-GGZ 6 weken, specialistische GGZ angst/depressie 14 weken, eetstoornissen 10 weken, crisisdienst direct.\nVerwijzen kan via ZorgDomein.\n\nGGZ Westkust", "uq")
add("pharmacy;general-notice", "", "Apotheek Oostpoort <info@apotheek-oostpoort.example>", "huisartsen@praktijk-oostpoort.nl", "Afspraken voorschrijven opiaten",
    "Beste huisartsen,\n\nNaar aanleiding van het FTO: vanaf 1 juni verstrekken wij oxycodon alleen nog met een stopadvies en maximaal 7 dagen bij acute pijn, tenzij anders vermeld. Zo voorkomen we langdurig gebruik.\n\nMet collegiale groet,\nde apothekers", "l8")
add("hr;general;cao", "", "HR Zorggroep <hr@zorggroep-berkenhof.example>", "medewerkers@zorggroep-berkenhof.example", "Nieuwe cao Huisartsenzorg: wat verandert er?",
    "Beste medewerkers,\n\nDe nieuwe cao gaat in per 1 juli. Lonen stijgen met 3,5%, de eindejaarsuitkering wordt 8,33% en er komt een regeling voor thuiswerken van praktijkmanagers. Vragen? Mail HR.\n\nHR", "a:uq")
add("clean;number-lookalikes", "", "Administratie <administratie@praktijk-grensland.nl>", "boekhouding@accountant-duin.example", "Betaalgegevens en referenties",
    "Hoi Roel,\n\nDe betaling aan MediSupply (factuur {N1}) is gedaan op 14-04 vanaf NL91 ABNA 0417 1643 00. De creditnota met nummer {F1} volgt nog. Telefonisch bereikbaar via 053-4820193.\n\nGroet, administratie", "u8")
add("it;mfa-enrolment", "", "IT Zorggroep <it@zorggroep-oost.example>", "medewerkers@zorggroep-oost.example", "Verplicht: tweestapsverificatie vóór 1 juni",
    "Beste collega's,\n\nVanaf 1 juni is tweestapsverificatie verplicht voor alle accounts die toegang hebben tot patiëntgegevens. Installeer de authenticator-app en volg de stappen in de handleiding op intranet.\n\nIT", "uq")
add("clean;reply;en;supplier", "", "Dr. S. Ouali <s.ouali@praktijk-oostpoort.nl>", "Sales <sales@ecg-devices.example>", "Re: Quote for ECG device",
    "Thanks, please send the quote for the 12-lead model including two years of maintenance.\n\nSamira Ouali\n\nOn 12 Apr 2025, Sales wrote:\n> Dear Dr Ouali, attached our offer. Quote number {N1}. Valid for 30 days.\n", "u8")
add("nhg;guideline-summary", "", "NHG Standaarden Nieuws <standaarden@nhg-nieuws.example>", "huisartsen@nhg-nieuws.example", "Samenvatting herziene standaard Urineweginfecties",
    "Belangrijkste aanbevelingen:\n- Bij een ongecompliceerde cystitis bij niet-zwangere vrouwen: nitrofurantoïne 5 dagen of fosfomycine eenmalig.\n- Urinekweek alleen bij risicogroepen of recidief.\n- Bij mannen met koorts: ciprofloxacine 7 dagen na kweek.\n\nLees de volledige standaard op de website.", "h:u8")
add("vacancy;en", "", "Practice Oostpoort <jobs@praktijk-oostpoort.nl>", "jobs@expat-jobs.example", "Job: English-speaking practice nurse (POH) wanted",
    "We are looking for an English-speaking practice nurse for our expat consultation hours (16 h/week). Dutch registration (BIG) required. Salary according to the collective labour agreement. Apply before 1 June to the practice manager.", "u7")
add("clean;rfc822;it-notice", "", "Linda Vos <l.vos@praktijk-dewaard.nl>", "a.kaya@praktijk-dewaard.nl", "Fwd: storing Zorgmail",
    "Ter info, daarom kwam je mail niet aan.\nLinda", "u8",
    atts=[("eml", dict(frm="Zorgmail Status <status@zorgmail-status.example>", to="l.vos@praktijk-dewaard.nl", subj="Storing opgelost", fmt="uq",
        body="De storing in de verzending van beveiligde berichten tussen 09.12 en 11.40 uur is opgelost. Berichten in de wachtrij worden alsnog afgeleverd."), "storing.eml")])
add("clean;survey-results", "", "Patiëntenraad <patientenraad@praktijk-hetanker.nl>", "team@praktijk-hetanker.nl", "Uitkomsten enquête wachtkamer",
    "Beste team,\n\nVan de 212 ingevulde enquêtes gaf 78% aan tevreden te zijn over de wachttijd. Verbeterpunten: de telefonische bereikbaarheid tussen 8 en 9 uur en de privacy aan de balie (mensen horen elkaars klachten). We stellen voor een privacylijn te plakken.\n\nNamens de patiëntenraad,\nGerard", "w8")
add("clean;ics;hagro-dinner", "", "Secretaris Hagro <secretaris@hagro-oost.example>", "leden@hagro-oost.example", "Hagro-diner 20 juni",
    "Beste leden, het jaarlijkse diner is op 20 juni bij restaurant De Wilgen. Partners welkom. Zie de agenda-uitnodiging.", "u8",
    atts=[("ics", "hagro_diner.ics", ("Hagro-diner", "20250620T183000", "Jaarlijks diner, partners welkom.", "Restaurant De Wilgen"))])
add("clean;txt;checklist", "", "Assistentes De Berkenhof <assistentes@praktijk-deberkenhof.nl>", "nieuwe.collega@praktijk-deberkenhof.nl", "Checklist eerste werkdag",
    "Welkom! In de bijlage de checklist voor je eerste werkdag.", "u8",
    atts=[("txt", "checklist_eerste_werkdag.txt", "- Sleutel en pasje ophalen bij Monique\n- Inlog HIS aanvragen (UZI-pas)\n- Meelopen met spreekuur wratten en oren\n- Uitleg noodprocedure reanimatie en AED\n- Lunch om 12.30\n", "windows-1252")])
add("clean;patient;appointment-general", "", "Huisartsenpraktijk Het Anker <info@praktijk-hetanker.nl>", "undisclosed-recipients:;", "Nieuw: online afspraken maken",
    "Beste patiënt,\n\nVanaf 1 mei kunt u via het portaal zelf een afspraak maken voor korte klachten, bloedafname en uitstrijkjes. Voor klachten waarbij spoed nodig is, belt u ons altijd.\n\nMet vriendelijke groet,\nHuisartsenpraktijk Het Anker", "lb")
add("clean;en;newsletter;anonymised", "", "Primary Care Network <news@pcn-europe.example>", "info@praktijk-oostpoort.nl", "Case of the month: chest pain in a young athlete",
    "Case of the month\n\nA 24-year-old runner presents with chest pain after training. ECG shows J-point elevation. What is your next step?\n\nAnswer and discussion in next month's issue. This case is fictional and for teaching purposes only.", "a:u7")
add("clean;1252-qp;invoice-hap", "", "Financiën HAP <financien@hap-midden.example>", "administratie@praktijk-grensland.nl", "Specificatie ANW-diensten maart",
    "Geachte collega,\n\nHierbij de specificatie van de gewerkte ANW-uren in maart: 42 uur à € 98,50. Het bedrag wordt op 25 april overgemaakt. Referentie {N1}.\n\nFinanciën HAP Midden", "wq")
add("clean;staff;birthday", "", "Sandra <s.kuiper@praktijk-dewaard.nl>", "team@praktijk-dewaard.nl", "Taart!!",
    "Ik ben jarig dus er staat taart in de keuken 🎂 Pak gerust!\nSandra", "u8")
add("clean;municipality;heat-plan", "", "GGD Regio <hitteplan@ggd-holland.example>", "huisartsen@ggd-holland.example", "Nationaal Hitteplan actief",
    "Het KNMI verwacht vanaf donderdag temperaturen boven 30 graden. Het Nationaal Hitteplan is geactiveerd. Let extra op kwetsbare ouderen, mensen die diuretica gebruiken en mensen met nierfalen: adviseer voldoende te drinken en de medicatie zo nodig aan te passen.\n\nGGD", "uq")
add("clean;pdf;floorplan-emergency", "", "BHV-coördinator <bhv@praktijk-oostpoort.nl>", "team@praktijk-oostpoort.nl", "Ontruimingsplan geactualiseerd",
    "In de bijlage het nieuwe ontruimingsplan. Oefening staat gepland op 3 juni.", "u8",
    atts=[("pdf", "ontruimingsplan.pdf", [["Ontruimingsplan Huisartsenpraktijk Oostpoort", "Verzamelplaats: parkeerplaats achterzijde", "BHV'ers: zie rooster", "AED: naast de balie"], ["Pagina 2", "Vluchtroutes begane grond en 1e verdieping"]])])
add("clean;insurer;contract-general", "", "Zorginkoop Zilverzee <zorginkoop@zilverzee.example>", "praktijkhouders@zorggroep-oost.example", "Contractering 2026: tijdlijn",
    "Geachte praktijkhouder,\n\nDe contracteerronde 2026 start op 1 juli. Het inschrijftarief stijgt met 4,1%. Nieuw is een module voor de ouderenzorg. Uw contractnummer blijft gelijk: {N1}.\n\nZorginkoop Zilverzee", "u8")
# ======================= final additions =======================
add("clean;de;supplier-invoice", "", "Buchhaltung Praxisbedarf <rechnung@praxisbedarf-kleve.example>", "administratie@praktijk-grensland.nl", "Rechnung Nr. {N1}",
    "Sehr geehrte Damen und Herren,\n\nanbei erhalten Sie unsere Rechnung Nr. {N1} über die Lieferung von Untersuchungsliegenpapier (12 Rollen) und Einmalhandschuhen. Zahlbar innerhalb von 14 Tagen.\n\nMit freundlichen Grüßen\nPraxisbedarf Kleve GmbH", "wq")
add("clean;leaflet;bsn-word", "", "Assistentes Oostpoort <assistentes@praktijk-oostpoort.nl>", "web@praktijk-oostpoort.nl", "Tekst voor pagina 'Inschrijven'",
    "Hoi,\n\nWil je deze tekst op de site zetten?\n\n'Inschrijven als nieuwe patiënt? Vul het formulier in en neem bij uw eerste bezoek uw legitimatiebewijs, uw zorgpas en uw BSN (burgerservicenummer) mee. Uw medisch dossier vragen wij met uw toestemming op bij uw vorige huisarts.'\n\nDank!", "u8")
add("clean;html-table;article-numbers", "", "Webshop Zorgartikelen <nieuwsbrief@zorgartikelen-shop.example>", "balie@praktijk-hetanker.nl", "Deze week in de aanbieding",
    fmt="h:uq", html="<html><body><h3>Aanbiedingen week 17</h3><table border='1'><tr><th>Artikelnummer</th><th>Product</th><th>Prijs</th></tr><tr><td>{N1}</td><td>Thermometerhoesjes (1000 st)</td><td>&euro;&nbsp;14,95</td></tr><tr><td>{N2}</td><td>Spatels hout (500 st)</td><td>&euro;&nbsp;6,50</td></tr><tr><td>{F1}</td><td>Onderzoeksbankpapier</td><td>&euro;&nbsp;23,10</td></tr></table></body></html>")
add("clean;xlsx;inventory-numbers", "", "Balie Grensland <balie@praktijk-grensland.nl>", "inkoop@zorggroep-oost.example", "Voorraadtelling april",
    "Hierbij de voorraadtelling.\nWendy", "u8",
    atts=[("xlsx", "voorraad_april.xlsx", [["Artikelnummer", "Omschrijving", "Voorraad", "Min"], ["#n:{N1}", "Naalden 25G", 180, 100], ["#n:{N2}", "Spuiten 5 ml", 95, 100], ["#n:{F1}", "Gaasjes 5x5", 40, 50], ["#n:{N3}", "Hechtstrips", 12, 20]])])
add("clean;staff-phone-list", "", "Praktijkmanager <pm@praktijk-deberkenhof.nl>", "team@praktijk-deberkenhof.nl", "Interne telefoonlijst bijgewerkt",
    "Toestellen:\nBalie 1 - 201 (Truus / Ilona)\nBalie 2 - 202\nSpreekkamer dr. Veenstra - 210\nSpreekkamer dr. De Lange - 211\nPOH Karin - 220\nPraktijkmanager Monique - 230\nNoodlijn collega-huisartsen: 0571-000 999", "l8")
add("clean;tr;patient-info-ramadan", "", "Huisartsenpraktijk De Waard <info@praktijk-dewaard.nl>", "undisclosed-recipients:;", "Ramazan ve ilaç kullanımı / Ramadan en medicijnen",
    "Sevgili hastalarımız,\n\nRamazan ayında oruç tutmak istiyorsanız ve düzenli ilaç kullanıyorsanız (örneğin şeker hastalığı veya tansiyon için), lütfen önceden doktorunuzla konuşun.\n\nBeste patiënten, gebruikt u medicijnen en wilt u vasten tijdens de ramadan? Bespreek dit dan vooraf met uw huisarts of de praktijkondersteuner.\n\nHuisartsenpraktijk De Waard", "ub")
add("clean;pl;general-registration", "", "Huisartsenpraktijk Grensland <info@praktijk-grensland.nl>", "undisclosed-recipients:;", "Informacja dla nowych pacjentów",
    "Drodzy pacjenci,\n\nAby zapisać się do naszej przychodni, prosimy o wypełnienie formularza na stronie internetowej. Prosimy zabrać dowód tożsamości i kartę ubezpieczenia. W nagłych wypadkach prosimy dzwonić pod numer 112.\n\nPrzychodnia Grensland", "u8")
add("clean;odt;patient-council-minutes", "", "Patiëntenraad <patientenraad@praktijk-hetanker.nl>", "team@praktijk-hetanker.nl", "Verslag patiëntenraad",
    "Zie bijgaand het verslag van de patiëntenraad.", "u8",
    atts=[("odt", "verslag_patientenraad.odt", ["Verslag patiëntenraad 8 april", "Aanwezig: 6 leden en de praktijkmanager", "Besproken: de nieuwe telefooncentrale en de wachtkamerinrichting", "Actiepunt: leesmap vervangen door informatieve folders"])])
add("clean;municipality;roadworks", "", "Gemeente Meppel <wegwerkzaamheden@gemeente-meppel.example>", "info@praktijk-hetanker.nl", "Wegwerkzaamheden Kerkstraat",
    "Geachte ondernemer,\n\nVan 2 tot en met 13 juni wordt de Kerkstraat opnieuw bestraat. Uw praktijk blijft bereikbaar voor voetgangers. Ambulances kunnen via de Molenstraat rijden. Parkeren kan op het Kerkplein.\n\nGemeente Meppel", "lb")
add("clean;internal;bsn-procedure", "", "Monique <pm@praktijk-deberkenhof.nl>", "assistentes@praktijk-deberkenhof.nl", "Werkafspraak identificatie",
    "Dames,\n\nHerinnering: bij elke nieuwe inschrijving controleren we het identiteitsbewijs en doen we de WID-check via het HIS. Het BSN nemen we nooit over uit een e-mail of foto van een paspoort, alleen van het originele document aan de balie.\n\nMonique", "uq")
add("patient;so;imperfect-dutch", "h", "Faadumo Cali <faadumo.cali@gmail.example>", "info@praktijk-oostpoort.nl", "mijn moeder",
    "Hallo dokter\nmijn moeder Hodan zij heeft veel pijn in knie en ze kan niet lopen trap. ook haar bloeddruk pillen zijn op. zij spreekt geen nederlands. ik kom mee donderdag ok?\nmahadsanid\nFaadumo", "wq")
add("encrypted-zip;referral-inside", "bhpu", "Dr. R. Veenstra <r.veenstra@praktijk-deberkenhof.nl>", "revalidatie@revalidatiecentrum.example", "Aanmelding revalidatie (beveiligd)",
    "Geachte collega,\n\nDe aanmelding zit in de beveiligde zip; het wachtwoord heb ik telefonisch doorgegeven.\n\nR. Veenstra", "w8",
    atts=[("zipenc", "aanmelding.zip", [("docx", "aanmelding_revalidatie.docx", ["Aanmelding revalidatie", "dhr. Peter Akkerman, geb. 14-10-1966", "BSN {B1}", "Status na CVA links (maart 2025), afasie en hemiparese rechts."])], "Revalidatie#1")])
add("hospital;ics;mri", "hp", "Radiologie Planning <planning.radiologie@ziekenhuis-rijnland.test>", "praktijk@praktijk-deberkenhof.nl", "Afspraak MRI (kopie huisarts)",
    "Geachte huisarts, ter informatie de afspraak van uw patiënt.", "u7",
    atts=[("ics", "MRI_afspraak.ics", ("MRI knie links - mw. Ellen Boon, geb. 09-03-1979", "20250512T081500", "Verdenking meniscusletsel. Nuchter niet nodig. Adres patiënt: Noordeinde 12, Katwijk.", "Radiologie, ingang B"))])
add("griepprik;xlsx;patient-list", "hp", "POH Het Anker <poh@praktijk-hetanker.nl>", "assistentes@praktijk-hetanker.nl", "Nabellijst griepprik",
    "Hoi, hier de lijst met mensen die niet zijn geweest. Willen jullie ze nabellen?", "u8",
    atts=[("xlsx", "nabellen_griepprik.xlsx", [["Naam", "Geboortedatum", "Telefoon", "Indicatie"], ["A. de Wit", "1948-02-17", "0522-000111", "COPD"], ["H. Lok", "1951-08-30", "06-10002000", "diabetes"], ["M. Prins", "1939-11-04", "0522-000333", "hartfalen"]])])
add("moving-list;csv;bsn", "bp", "Administratie <administratie@praktijk-grensland.nl>", "administratie@praktijk-zeerand.example", "Uitgeschreven patiënten maart",
    "Beste collega's,\n\nDe volgende patiënten zijn naar jullie verhuisd en bij ons uitgeschreven.\n\nGroet, administratie", "u8",
    atts=[("csv", "uitgeschreven_maart.csv", "naam;geboortedatum;bsn;nieuw adres\nRoelofs, Jan;1970-01-23;{B1};Strandweg 3 Zeerand\nRoelofs, Tineke;1972-06-05;{B2};Strandweg 3 Zeerand\nBekker, Femke;1999-09-09;{B3};Duinpad 17 Zeerand\n", "iso-8859-1")])
add("hospital-abroad;en;rfc822", "hp", "Dr. E. Bakker <e.bakker@praktijk-hetanker.nl>", "poh@praktijk-hetanker.nl", "Fwd: Discharge summary from Spain",
    "FYI, for the follow-up visit.", "u8",
    atts=[("eml", dict(frm="Hospital Costa Blanca <international@hospital-costablanca.test>", to="info@praktijk-hetanker.nl", subj="Discharge summary", fmt="a:lq",
        body="Dear colleague,\n\nYour patient Mr. Jacobus Hoekman, date of birth 12/06/1949, home address Dorpsstraat 55, Nijeveen, was admitted from 2 to 6 April with an acute cholecystitis. Laparoscopic cholecystectomy was performed. Please remove the sutures after 10 days.\n\nDr. M. García"), "discharge_summary.eml")])

# ---------------------------------------------------------------- output
def main():
    out = OUT
    if "--out" in sys.argv:
        out = sys.argv[sys.argv.index("--out") + 1]
    os.makedirs(out, exist_ok=True)
    rows = ["file\tbsn\thealth\tpersonal\tunscannable\tnote"]
    order = list(MSGS)
    random.Random(SEED + 1).shuffle(order)
    for i, (data, lab, note, ctx) in enumerate(order, 1):
        fn = "msg-%03d.eml" % i
        with open(os.path.join(out, fn), "wb") as fh:
            fh.write(data)
        rows.append("\t".join([fn] + [str(x) for x in lab] + [note]))
    with open(os.path.join(out, "labels.tsv"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write("\n".join(rows) + "\n")
    print("wrote %d messages to %s" % (len(MSGS), out))

if __name__ == "__main__":
    main()
