#!/usr/bin/env python3
"""Generator for the blind7 GP-practice outgoing-mail corpus (Python 3 stdlib only).

usage: python3 gen.py [--out DIR]    (default: the directory of this file)
Fixed seeds; the output is byte-identical on every run.
"""
import argparse, base64, hashlib, io, os, random, struct, zipfile, zlib
from email import policy as _pol
from email.charset import Charset, QP, BASE64
from email.generator import BytesGenerator
from email.mime.application import MIMEApplication
from email.mime.base import MIMEBase
from email.mime.message import MIMEMessage
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.utils import formataddr

R = random.Random(20261207)          # data seed (BSNs, numbers, dates)
SHUF = random.Random(7)              # file-name shuffle seed
FMT = random.Random(99)              # format-variation seed
ZDT = (2025, 3, 4, 9, 30, 0)

# ---------------------------------------------------------------- numbers
def elf_ok(s):
    d = [int(c) for c in s]
    return len(d) == 9 and (sum(d[i] * (9 - i) for i in range(8)) - d[8]) % 11 == 0

def _elf():
    while True:
        s = str(R.randint(100000000, 999999999))
        if elf_ok(s):
            return s

def B(style="plain"):
    """a fresh synthetic BSN (passes elfproef)"""
    s = _elf()
    if style == "dots":
        return f"{s[:4]}.{s[4:6]}.{s[6:]}"
    if style == "dots3":
        return f"{s[:3]}.{s[3:6]}.{s[6:]}"
    if style == "space":
        return f"{s[:3]} {s[3:6]} {s[6:]}"
    return s

E = _elf   # elfproef-passing number used as order/invoice/ticket number (hard negative)

def F():
    """9-digit number that fails the elfproef"""
    while True:
        s = str(R.randint(100000000, 999999999))
        if not elf_ok(s):
            return s

# ---------------------------------------------------------------- attachments
def _zip(files, stored_first=None):
    bio = io.BytesIO()
    with zipfile.ZipFile(bio, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files:
            zi = zipfile.ZipInfo(name, ZDT)
            zi.compress_type = zipfile.ZIP_STORED if name == stored_first else zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            z.writestr(zi, data)
    return bio.getvalue()

def _x(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

def docx(paras, split_digits=False):
    body = []
    for p in paras:
        if split_digits and any(c.isdigit() for c in p):
            runs, cur = [], ""
            for ch in p:
                cur += ch
                if ch.isdigit() and len(cur) >= 3:
                    runs.append(cur); cur = ""
            runs.append(cur)
        else:
            runs = [p]
        rx = "".join(f'<w:r><w:t xml:space="preserve">{_x(r)}</w:t></w:r>' for r in runs if r)
        body.append(f"<w:p>{rx}</w:p>")
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
           + "".join(body) + "</w:body></w:document>")
    ct = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
    return _zip([("[Content_Types].xml", ct), ("_rels/.rels", rels), ("word/document.xml", doc)])

def _col(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s

def xlsx(rows, sheet="Blad1"):
    out = []
    for ri, row in enumerate(rows, 1):
        cells = []
        for ci, v in enumerate(row):
            ref = f"{_col(ci)}{ri}"
            if isinstance(v, (int, float)):
                cells.append(f'<c r="{ref}"><v>{v}</v></c>')
            else:
                cells.append(f'<c r="{ref}" t="inlineStr"><is><t>{_x(str(v))}</t></is></c>')
        out.append(f'<row r="{ri}">{"".join(cells)}</row>')
    sh = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
          + "".join(out) + "</sheetData></worksheet>")
    wb = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
          'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
          f'<sheet name="{_x(sheet)}" sheetId="1" r:id="rId1"/></sheets></workbook>')
    wbr = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
           '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
    ct = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
          '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    return _zip([("[Content_Types].xml", ct), ("_rels/.rels", rels), ("xl/workbook.xml", wb),
                 ("xl/_rels/workbook.xml.rels", wbr), ("xl/worksheets/sheet1.xml", sh)])

def odt(paras):
    c = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
         'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:text>'
         + "".join(f"<text:p>{_x(p)}</text:p>" for p in paras) + "</office:text></office:body></office:document-content>")
    man = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
           '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
           '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>')
    return _zip([("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", c),
                 ("META-INF/manifest.xml", man)], stored_first="mimetype")

def _pdfesc(s):
    return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").encode("cp1252", "replace")

def _rc4(key, data):
    S = list(range(256)); j = 0
    for i in range(256):
        j = (j + S[i] + key[i % len(key)]) % 256; S[i], S[j] = S[j], S[i]
    i = j = 0; out = bytearray()
    for b in data:
        i = (i + 1) % 256; j = (j + S[i]) % 256; S[i], S[j] = S[j], S[i]
        out.append(b ^ S[(S[i] + S[j]) % 256])
    return bytes(out)

def pdf(lines, encrypt=False, truncate=None, title="Document"):
    ops = [b"BT /F1 10 Tf 50 800 Td 13 TL"]
    for ln in lines:
        ops.append(b"(" + _pdfesc(ln) + b") Tj T*")
    ops.append(b"ET")
    stream = zlib.compress(b"\n".join(ops), 9)
    fid = hashlib.md5(("\n".join(lines)).encode()).digest()
    if encrypt:
        key = hashlib.md5(fid + b"blind7").digest()[:5]
        okey = hashlib.md5(key + b"\x04\x00\x00\x00\x00").digest()[:10]
        stream = _rc4(okey, stream)
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
            b"<< /Title (" + _pdfesc(title) + b") /Producer (praktijk-scan 2.1) >>"]
    if encrypt:
        o = hashlib.sha256(fid + b"o").digest()[:32]; u = hashlib.sha256(fid + b"u").digest()[:32]
        objs.append(b"<< /Filter /Standard /V 1 /R 2 /P -44 /O <" + o.hex().encode() + b"> /U <" + u.hex().encode() + b"> >>")
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"); offs = []
    for n, o in enumerate(objs, 1):
        offs.append(len(out)); out += b"%d 0 obj\n" % n + o + b"\nendobj\n"
    x = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for o in offs:
        out += b"%010d 00000 n \n" % o
    tr = b"/Size %d /Root 1 0 R /Info 6 0 R /ID [<%s><%s>]" % (len(objs) + 1, fid.hex().encode(), fid.hex().encode())
    if encrypt:
        tr += b" /Encrypt 7 0 R"
    out += b"trailer\n<< " + tr + b" >>\nstartxref\n%d\n%%%%EOF\n" % x
    out = bytes(out)
    if truncate:
        out = out[: int(len(out) * truncate)]
    return out

def _crc_tab():
    t = []
    for n in range(256):
        c = n
        for _ in range(8):
            c = (0xEDB88320 ^ (c >> 1)) if c & 1 else c >> 1
        t.append(c)
    return t
_CT = _crc_tab()

def zip_crypto(files, password):
    """ZIP with traditional PKWARE (ZipCrypto) encryption, stored entries."""
    out = bytearray(); cd = bytearray()
    for name, data in files:
        data = data.encode("utf-8") if isinstance(data, str) else data
        crc = zlib.crc32(data) & 0xFFFFFFFF
        k = [0x12345678, 0x23456789, 0x34567890]
        def upd(c):
            k[0] = (_CT[(k[0] ^ c) & 0xFF] ^ (k[0] >> 8)) & 0xFFFFFFFF
            k[1] = ((k[1] + (k[0] & 0xFF)) * 134775813 + 1) & 0xFFFFFFFF
            k[2] = (_CT[(k[2] ^ (k[1] >> 24)) & 0xFF] ^ (k[2] >> 8)) & 0xFFFFFFFF
        for c in password.encode():
            upd(c)
        hdr = bytes(R.randrange(256) for _ in range(11)) + bytes([crc >> 24])
        enc = bytearray()
        for c in hdr + data:
            t = (k[2] | 2) & 0xFFFF
            enc.append(c ^ (((t * (t ^ 1)) >> 8) & 0xFF)); upd(c)
        nb = name.encode()
        dt = ((ZDT[0] - 1980) << 9 | ZDT[1] << 5 | ZDT[2], ZDT[3] << 11 | ZDT[4] << 5)
        off = len(out)
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 1, 0, dt[1], dt[0], crc, len(enc), len(data), len(nb), 0) + nb + enc
        cd += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 1, 0, dt[1], dt[0], crc, len(enc), len(data), len(nb), 0, 0, 0, 0, 0o644 << 16, off) + nb
    cdo = len(out)
    out += cd + struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(files), len(files), len(cd), cdo, 0)
    return bytes(out)

def zipf(files):
    return _zip([(n, d) for n, d in files])

MT = {"pdf": ("application", "pdf"), "docx": ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document"),
      "xlsx": ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
      "odt": ("application", "vnd.oasis.opendocument.text"), "zip": ("application", "zip"),
      "csv": ("text", "csv"), "txt": ("text", "plain"), "ics": ("text", "calendar"), "vcf": ("text", "vcard"),
      "json": ("application", "fhir+json"), "hl7": ("application", "hl7-v2"), "xml": ("application", "xml"),
      "dat": ("application", "octet-stream"), "eml": ("message", "rfc822")}

# ---------------------------------------------------------------- messages
MSGS = []
_D = [0]

def _date():
    _D[0] += 1
    d = R.randint(1, 28); mo = R.randint(1, 12); h = R.randint(7, 22); mi = R.randint(0, 59)
    import datetime
    wd = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][datetime.date(2025, mo, d).weekday()]
    mon = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][mo - 1]
    return f"{wd}, {d:02d} {mon} 2025 {h:02d}:{mi:02d}:{R.randint(0,59):02d} +0{1 if mo in (1,2,3,11,12) else 2}00"

def _cs(name, cte):
    c = Charset(name)
    c.body_encoding = {"qp": QP, "b64": BASE64, "8bit": None, "7bit": None}[cte]
    c.header_encoding = QP if name != "utf-8" or True else None
    return c

def _addr(a):
    if isinstance(a, tuple):
        try:
            a[0].encode("ascii"); return formataddr(a)
        except UnicodeEncodeError:
            return formataddr(a, charset="utf-8")
    return a

def _text(body, sub, cs, cte):
    if cte == "7bit":
        try:
            body.encode("ascii")
            return MIMEText(body, sub, "us-ascii")
        except UnicodeEncodeError:
            cte = "8bit"
    try:
        body.encode(cs)
    except UnicodeEncodeError:
        cs = "utf-8"
    return MIMEText(body, sub, _cs(cs, cte))

def build(frm, to, subj, body=None, html=None, cs="utf-8", cte="qp", att=(), cc=None, hdrs=(), inner=False, related=False):
    if body is not None and html is not None:
        root = MIMEMultipart("alternative", boundary=f"=_alt_{R.getrandbits(64):016x}")
        root.attach(_text(body, "plain", cs, cte)); root.attach(_text(html, "html", cs, cte))
    elif html is not None:
        root = _text(html, "html", cs, cte)
    else:
        root = _text(body or "", "plain", cs, cte)
    if att:
        m = MIMEMultipart("mixed", boundary=f"----=_Part_{R.getrandbits(40):010x}.{R.getrandbits(32):08x}")
        m.attach(root)
        for a in att:
            fn, data, ext = a[0], a[1], a[0].rsplit(".", 1)[-1].lower()
            if ext == "eml":
                p = MIMEMessage(data)
            elif isinstance(data, str) and ext in ("csv", "txt", "ics", "vcf", "hl7"):
                p = MIMEText(data, MT[ext][1], _cs("utf-8", a[2] if len(a) > 2 else "b64"))
            elif len(a) > 2 and a[2] == "badb64":
                p = MIMEBase(*MT.get(ext, MT["dat"]))
                p.set_payload(data); p["Content-Transfer-Encoding"] = "base64"
            else:
                if isinstance(data, str):
                    data = data.encode("utf-8")
                p = MIMEApplication(data, MT.get(ext, MT["dat"])[1])
                if MT.get(ext, MT["dat"])[0] != "application":
                    p.replace_header("Content-Type", "/".join(MT[ext]))
            if ext != "eml":
                p.add_header("Content-Disposition", "attachment", filename=fn)
            m.attach(p)
        root = m
    root["Date"] = _date()
    root["From"] = _addr(frm)
    root["To"] = ", ".join(_addr(t) for t in to) if isinstance(to, list) else _addr(to)
    if cc:
        root["Cc"] = _addr(cc)
    try:
        subj.encode("ascii"); root["Subject"] = subj
    except UnicodeEncodeError:
        from email.header import Header
        root["Subject"] = Header(subj, "utf-8")
    dom = (frm[1] if isinstance(frm, tuple) else frm).split("@")[-1].strip(">")
    root["Message-ID"] = f"<{hashlib.sha1((subj + str(len(MSGS)) + str(_D[0])).encode()).hexdigest()[:24]}@{dom}>"
    for k, v in hdrs:
        root[k] = v
    # move MIME-Version etc. after the address headers
    for k in ("MIME-Version", "Content-Type", "Content-Transfer-Encoding"):
        vals = root.get_all(k)
        if vals:
            del root[k]
            for v in vals:
                root[k] = v
    return root


def _pa(a):
    return (a[1] if isinstance(a, tuple) else a).strip("<>")

def M(labels, note, frm, to, subj, body=None, lf=False, trunc=None, raw_edit=None, **kw):
    """labels: 'bhpu' string of 0/1.  Mail whose From is not the practice is sent on by a
    staff member (outgoing mail only), with the original header block above it."""
    if not _pa(frm).endswith("@" + P):
        t0 = to[0] if isinstance(to, list) else to
        staff = t0 if isinstance(t0, tuple) and _pa(t0).endswith("@" + P) else MGR
        pool = [x for x in (DRV, DRB, DRH, ASS, ASM, POH, MGR) if x != staff]
        dest = pool[len(MSGS) % len(pool)]
        hdr = f"-------- Doorgestuurd bericht --------\nVan: {_addr(frm)}\nAan: {_addr(staff)}\nOnderwerp: {subj}\n\n"
        if body is not None:
            lead = ["Ter info / ter afhandeling.", "Zie onder, kun jij dit oppakken?", "FYI", "Doorgestuurd, graag even kijken.",
                    "Ter info.", "Kwam vanochtend binnen, voor jou denk ik.", "Hoi, zie hieronder.", "Voor je map."][len(MSGS) % 8]
            body = lead + "\n\n" + hdr + body
        if kw.get("html") is not None:
            kw["html"] = "<p>Ter info.</p><pre>" + hdr.replace("<", "&lt;").replace(">", "&gt;") + "</pre>" + kw["html"]
        frm, to, subj = staff, dest, "Fwd: " + subj
    # format variation (separate seed): alternative/HTML-only bodies, charsets, transfer encodings, LF
    keep = any(k in note.split(";") for k in ("qp", "b64", "lf", "html-only", "alt", "7bit"))
    if not keep and body is not None and kw.get("html") is None:
        x = FMT.random()
        if x < 0.22:
            h = "<html><body>" + "".join("<p>" + _x(par).replace("\n", "<br>\n") + "</p>\n" for par in body.split("\n\n")) + "</body></html>"
            if x < 0.07:
                body, kw["html"] = None, h; note += ";html-only"
            else:
                kw["html"] = h; note += ";alt"
        y = FMT.random()
        txt = body if body is not None else kw["html"]
        if y < 0.18:
            try:
                txt.encode("cp1252"); kw["cs"] = "windows-1252" if y < 0.1 else "iso-8859-1"
                if kw.get("cte") == "7bit": kw["cte"] = "qp"
                note += ";" + kw["cs"]
            except UnicodeEncodeError:
                pass
        z = FMT.random()
        if z < 0.15 and kw.get("cte") in ("qp", "7bit", "8bit"):
            kw["cte"] = "b64"; note += ";b64"
        elif z > 0.92:
            lf = True
    msg = build(frm, to, subj, body, **kw)
    MSGS.append((labels, note, msg, lf, trunc, raw_edit))

def inner(frm, to, subj, body=None, **kw):
    """a message for nesting as message/rfc822 (not added to the corpus)"""
    n = len(MSGS)
    m = build(frm, to, subj, body, **kw)
    return m

def Q(text, who, when):
    """quote text reply-style"""
    return f"\nOp {when} schreef {who}:\n" + "\n".join("> " + l if l else ">" for l in text.strip("\n").split("\n")) + "\n"

def QE(text, who, when):
    return f"\nOn {when}, {who} wrote:\n" + "\n".join("> " + l if l else ">" for l in text.strip("\n").split("\n")) + "\n"

# common people / addresses (practice staff; their contact details are not patient data)
P = "praktijk-deberk.nl"
DRV = ("Dr. E. (Eline) van Vliet", f"e.vanvliet@{P}")
DRB = ("Bram Oosterhuis", f"b.oosterhuis@{P}")
DRH = ("H.J. Hoekstra, huisarts", f"hj.hoekstra@{P}")
ASS = ("Sanne Kuipers | assistente", f"assistentes@{P}")
ASM = ("Mariam El Idrissi", f"m.elidrissi@{P}")
POH = ("Joke Brinkman (POH-S)", f"j.brinkman@{P}")
POG = ("Thijs de Graaf POH-GGZ", f"t.degraaf@{P}")
MGR = ("Ingrid Smulders - praktijkmanager", f"i.smulders@{P}")
INFO = ("Huisartsenpraktijk De Berk", f"info@{P}")
SIG = "\n--\nHuisartsenpraktijk De Berk\nBerkenlaan 14, 3701 AB Zeist\nT 030-6921140 (spoed 030-6921141)\nwww.praktijk-deberk.nl\n"

# ================================================================ SENSITIVE
def sensitive_1():
    b = B()
    M("1110", "referral;plain;qp;bsn-keyword;dob", DRV, ("Polikliniek Cardiologie", "cardiologie@ziekenhuis-rijnmond.test"),
      "Verwijzing dhr. P. Verhoeven", f"""Geachte collega,

Hierbij verwijs ik dhr. Pieter Verhoeven, geb. 14-03-1958, BSN {b}, wonende Kastanjelaan 9, 3703 CK Zeist.

Reden van verwijzing: sinds ca. 6 weken drukkend gevoel op de borst bij inspanning (traplopen, fietsen tegen de wind in), verdwijnt in rust binnen 5 minuten. Geen klachten in rust. Inspannings-ECG hier niet mogelijk.

Voorgeschiedenis: hypertensie (K86), hypercholesterolemie, roken 30 pakjaren (gestopt 2019).
Medicatie: amlodipine 5 mg 1dd1, simvastatine 40 mg 1dd1 a.n.

Graag uw beoordeling t.a.v. stabiele angina pectoris. Ik heb hem nitrospray meegegeven.

Met collegiale groet,
E. van Vliet, huisarts
AGB 01-012345{SIG}""")

    M("0100", "lay-words;no-medical-term;reply-to-patient;short", DRB, ("Henk Mulder", "h.mulder1951@mail.example"),
      "Re: uitslag", """Beste meneer Mulder,

Uw suiker is helaas weer wat hoger dan vorige keer. Ik wil graag dat u de tabletjes 's ochtends en 's avonds neemt in plaats van alleen 's ochtends. Over 3 maanden prikken we weer.

Groet,
Bram Oosterhuis""")

    b = B("dots")
    M("1110", "lab;html-only;table;bsn-dots;iso-8859-1", DRH, ("Apotheek De Linde", "apotheek@apotheek-delinde.example"),
      "Fw: Uitslag klinisch chemisch onderzoek", html=f"""<html><body><p>Collega's, ter info i.v.m. de nierfunctie: graag medicatie nalopen.<br>HJ Hoekstra</p><hr><p><i>Van: uitslagen@lab-midden.example</i></p><p>Geachte heer Hoekstra,</p>
<p>Onderstaand de uitslagen van uw patiënt.</p>
<table border="1"><tr><td>Naam</td><td>Geertruida (Truus) Bakker-de Wit</td></tr>
<tr><td>Geb.datum</td><td>02-11-1944</td></tr><tr><td>BSN</td><td>{b}</td></tr></table>
<table border="1"><tr><th>Bepaling</th><th>Uitslag</th><th>Eenheid</th><th>Ref.</th></tr>
<tr><td>Natrium</td><td>131 L</td><td>mmol/l</td><td>135-145</td></tr>
<tr><td>Kalium</td><td>5.6 H</td><td>mmol/l</td><td>3.5-5.0</td></tr>
<tr><td>eGFR (CKD-EPI)</td><td>38 L</td><td>ml/min/1.73m²</td><td>&gt;60</td></tr>
<tr><td>TSH</td><td>2.1</td><td>mU/l</td><td>0.4-4.0</td></tr></table>
<p>Doorgestuurd door de praktijk naar de apotheek i.v.m. medicatiebewaking.</p></body></html>""", cs="iso-8859-1", cte="qp")

    M("0110", "forward-patient;typo;teenage;personal-phone-dob", ASS, ("Jeugdarts GGD", "jgz@ggd-regio.example"),
      "Fwd: vraagje", """Hoi, zie onderstaand bericht van een leerling, zij wil graag dat jullie contact met haar opnemen. Zij heeft toestemming gegeven.
Groet Sanne (assistente)

-------- Doorgestuurd bericht --------
Van: Lotte <lottiieee2009@mail.example>
Onderwerp: vraagje

hoii ik ben lotte van dijk (geboren 12 mei 2009) ik eet al een tijdje bijna niks meer en als ik wel eet dan ga ik overgeven expres. me moeder weet het niet. kan ik ergens heen zonder dat zij het weet?? mn nummer is 06-41278833 bel aub na 4 uur want dan ben ik uit school
xx lotte""")

    b = B()
    att = [("Verwijsbrief_Yilmaz.pdf", pdf(["Huisartsenpraktijk De Berk", "Verwijsbrief fysiotherapie", f"Patiënt: Ayşe Yılmaz   geb. 07-07-1979   BSN {b}",
            "Diagnose: frozen shoulder links (L08), duur 4 mnd", "Beleid: oefentherapie 9 behandelingen, graag terugrapportage", "Dr. B. Oosterhuis"]))]
    M("1110", "referral;pdf-attachment;bsn-in-pdf-only;short-body", DRB, ("Fysio Centrum Zeist", "info@fysio-zeist.example"),
      "verwijzing", "Zie bijlage. Mvg, B. Oosterhuis", att=att, cte="8bit")

    M("0100", "subject-only-health;calendar-body-clean", ASM, ("mevr. Dekker", "a.dekker@mail.example"),
      "Afspraak uitstrijkje + controle spiraal 14/3 10:20 bij Joke", "Tot dan!\n\nMariam\nassistente")

    b = B("space")
    ics = f"""BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Praktijk De Berk//Agenda//NL
METHOD:REQUEST
BEGIN:VEVENT
UID:afspr-{E()}@praktijk-deberk.nl
DTSTAMP:20250211T090000Z
DTSTART:20250218T133000Z
DTEND:20250218T140000Z
SUMMARY:Diabetescontrole + voetonderzoek - J. Verschuren
DESCRIPTION:Patiënt: Johannes Verschuren\\, geb. 30-09-1949\\, BSN {b}\\n
 Nuchter bloed prikken om 08.00. Neem glucosemeter en medicijnlijst mee.
LOCATION:Spreekkamer 3 POH
END:VEVENT
END:VCALENDAR
"""
    M("1110", "ics;calendar-invite;bsn-space;folded-ics", POH, ("Johannes Verschuren", "jverschuren@mail.example"),
      "Uitnodiging: Diabetescontrole", "Beste meneer Verschuren,\n\nIn de bijlage de afspraak voor uw agenda.\n\nGroet, Joke Brinkman\npraktijkondersteuner", att=[("afspraak.ics", ics, "qp")])

    M("0100", "reply-chain;health-only-in-quote;english", DRV, ("Mark Thompson", "mthompson@mail.example"),
      "Re: Re: prescription abroad", "Hi Mark,\n\nDone, the pharmacy has it. Safe travels.\n\nEline van Vliet" + QE("""Thanks doctor. One more thing - can I get the sertraline for 3 months instead of 1? I'm in Canada until June and my panic attacks got a lot better since the dose went up to 100 mg, don't want to run out.

Mark""", "Mark Thompson <mthompson@mail.example>", "Mon, 3 Mar 2025 at 21:14"), cte="7bit")

    b = B()
    M("1000", "bsn-only;no-name;subject-bsn", ASS, ("SVB Zorgverzekering", "declaraties@zorgverzekeraar.example"),
      f"Declaratie afgekeurd - BSN {b}", "Goedemiddag,\n\nKunnen jullie aangeven waarom deze declaratie (consult 12-02) is afgekeurd? Volgens VECOZO was de verzekering geldig.\n\nMet vriendelijke groet,\nSanne Kuipers\nassistente", cte="7bit")

    M("0110", "youth-care;jeugdhulp;gemeente;quoted-reply", DRH, ("Wijkteam Zeist-Noord", "wijkteam@gemeente-zeist.example"),
      "RE: Verwijzing jeugdhulp Noah", """Beste Femke,

Ik heb Noah en moeder vorige week gezien. Mijn indruk is dat er meer speelt dan alleen de slaapproblemen; de driftbuien op school en thuis zijn fors en moeder is zelf ook uitgeput. Ik sta achter een verwijzing naar de specialistische GGZ (diagnostiek ADHD/hechting). De verwijzing is vandaag verstuurd via Zorgdomein.

Groet,
H.J. Hoekstra, huisarts
""" + Q("""Geachte heer Hoekstra,

Wij zijn betrokken bij het gezin van Noah Bouali (geb. 03-08-2016), Dorpsstraat 44a, 3701 HM Zeist. Moeder geeft aan dat Noah sinds de scheiding slecht slaapt en op school is geschorst. Zou u een verwijzing kunnen afgeven?

Met vriendelijke groet,
Femke Jansma, jeugd- en gezinscoach""", "Wijkteam Zeist-Noord <wijkteam@gemeente-zeist.example>", "di 11 feb. 2025 om 09:12"), cte="qp")

    b1, b2 = B(), B()
    csv = f"""patientnr;naam;geboortedatum;bsn;indicatie;laatste_griepprik
10233;Jansen, W.;1940-04-12;{b1};COPD;2024-10-14
10871;Pauwels-Smit, M.;1952-12-01;{b2};DM2;2024-10-14
11002;Rahimi, F.;1961-06-30;{B()};hartfalen;
"""
    M("1110", "csv;export;griepprik-list;bsn-in-csv", MGR, ("GGD vaccinatie", "vaccinatie@ggd-regio.example"),
      "lijst inhaalprik", "Hierbij de lijst van patiënten die de griepprik nog niet hebben gehad, voor de inhaalactie. Graag na gebruik verwijderen.\n\nIngrid", att=[("inhaal_griep_2025.csv", csv)], cte="8bit")

    M("0110", "dictated;discharge-summary;no-bsn;personal-address", DRV, ("Thuiszorg Vitaal", "planning@thuiszorg-vitaal.example"),
      "overdracht mevr. Schouten", """Dictaat, uitgewerkt door assistente:

Betreft mevrouw Cornelia Schouten, Lindenhof 3 kamer 12, Zeist, geboren 22 januari 1936. Mevrouw is gisteren ontslagen uit het ziekenhuis na een heupoperatie rechts komma kop-hals prothese punt. Zij gebruikt nu fraxiparine 2850 IE 1 dd sc gedurende 6 weken komma dit moet door de thuiszorg worden toegediend punt. Daarnaast paracetamol 1000 mg 3dd en macrogol. Graag ook wondcontrole op dag 10 en hechtingen verwijderen dag 14. Bij koorts of roodheid contact opnemen met de praktijk.

Met vriendelijke groet,
dr. E. van Vliet""")

    M("0100", "english;hospital-letter-forward;inline-forward;no-dob", DRB, ("Dr. R. Singh", "rsingh@clinic-london.example"),
      "Fw: Letter re Ms Okafor", """Dear Dr Singh,

As discussed on the phone, please find the letter from our local hospital below.

Kind regards,
Bram Oosterhuis, GP

---------- Forwarded message ---------
From: Poli Interne <interne@ziekenhuis-rijnmond.test>
Subject: Ontslagbericht / discharge summary

Dear colleague,

Ms Chioma Okafor was admitted with diabetic ketoacidosis on 2 February. She was treated with IV insulin and fluids and discharged on a basal-bolus regimen (insulin glargine 18 units at night, insulin aspart with meals). HbA1c on admission 98 mmol/mol. She will continue follow-up at the diabetes clinic in London.

Internal medicine""", cte="7bit")

    b = B()
    inner_m = inner(("Afdeling Longziekten", "longziekten@ziekenhuis-rijnmond.test"), DRH, "Ontslagbrief",
        f"Geachte collega,\n\nUw patiënt dhr. Theo van Leeuwen, geb. 05-05-1947, BSN {b}, werd opgenomen met een exacerbatie COPD GOLD III. Behandeld met prednisolon 30 mg 5 dagen en amoxicilline/clavulaanzuur. Ontslag met zuurstof 1 l/min thuis.\n\nMet vriendelijke groet,\nA. Koster, longarts")
    M("1110", "rfc822;discharge;nested-forward", DRH, ("Apotheek Zeist Centrum", "apotheek@apotheek-zeistcentrum.example"),
      "Fwd: Ontslagbrief", "Ter info i.v.m. medicatieoverdracht.\nHJH", att=[("Ontslagbrief.eml", inner_m)])

    M("0100", "lay-words;patient-name;no-medical-term;elderly;reply", ASS, ("fam. de Boer", "deboer.jan@mail.example"),
      "Re: Jan", """Geachte mevrouw De Boer,

Dank voor uw bericht. De dokter heeft gelezen dat uw man 's nachts steeds vaker de weg kwijt is in huis en niet meer weet welke dag het is. Zij komt donderdag aan het eind van de ochtend bij u langs om met u beiden te praten. Als het eerder erger wordt, belt u dan gerust.

Vriendelijke groet,
Sanne Kuipers
assistente""" + Q("""Beste dokter
mijn man Jan wordt steeds vergeetachtiger, vannacht stond hij om 3 uur aangekleed in de gang en wou naar zijn werk. hij is al 20 jaar met pensioen. ik weet het niet meer
groet Riet de Boer""", "deboer.jan@mail.example", "ma 17 mrt 2025 07:41"), cs="windows-1252", cte="qp")

    b = B()
    M("1010", "insurer;machtiging;bsn-dots3;personal-no-health", MGR, ("Zorgverzekeraar Zuid", "machtigingen@zorgverzekeraar.example"),
      "Gegevens verzekerde t.b.v. inschrijving", f"""Goedemorgen,

Voor de inschrijving van onderstaande nieuwe patiënt ontvangen wij graag bevestiging van de dekking:

Naam: Dirk-Jan Oomen
Geboortedatum: 19-08-1988
Adres: Molenweg 121, 3702 BZ Zeist
BSN: {b}
Polisnummer: ZZ-{F()}

Alvast dank.
Ingrid Smulders
praktijkmanager""", cte="7bit")

    M("0100", "poh-ggz;session-note;name-in-body;subject-first-name;internal", POG, DRV,
      "Mo (do 11u)", """Eline, korte terugkoppeling Mohammed Benali (do 11u): somberheid neemt toe, slaapt 3-4 uur per nacht, passieve doodsgedachten maar geen plan. Wil liever geen medicatie. Zou jij hem deze week nog willen zien? Ik heb hem gevraagd de praktijk te bellen als het slechter gaat.
Thijs""", cte="7bit")

    b = B()
    dx = docx(["Huisartsenpraktijk De Berk", "Medisch dossier - samenvatting t.b.v. overdracht", "Naam: Rens Hoogendoorn", "Geboortedatum: 28-02-1990",
               f"BSN: {b}", "Episodes: P76 Depressie (2021), L03 Lage rugpijn", "Medicatie: citalopram 20 mg 1dd1 (gestopt 2023)", "Allergie: penicilline (exantheem)"], split_digits=True)
    M("1110", "dossieroverdracht;docx-split-runs;mixed", ASM, ("Huisartsenpraktijk Het Anker", "info@praktijk-hetanker.nl"),
      "Dossier overdracht", "Beste collega's,\n\nIn de bijlage de samenvatting van het dossier van onze vertrokken patiënt. Het volledige dossier volgt via LSP/Edifact.\n\nMet vriendelijke groet,\nMariam El Idrissi", att=[("overdracht_hoogendoorn.docx", dx)])

    M("0101", "encrypted-zip;zipcrypto;contains-health-lab", DRH, ("Verloskundigenpraktijk Bloei", "info@verloskunde-bloei.example"),
      "uitslagen (versleuteld)", "Beste Mirjam,\n\nZoals besproken de uitslagen van mevr. Kramer in een versleutelde zip, wachtwoord volgt per sms.\n\nGroet, HJ Hoekstra",
      att=[("uitslagen_kramer.zip", zip_crypto([("uitslag.txt", "Kramer, Annelies - zwanger 11 wk - Hb 6.1, ferritine 8, TSH 5.9 (hypothyreoidie?)")], "Bloei2025!"))])

    b = B()
    M("1111", "encrypted-pdf;rc4;bsn-in-pdf", ASS, ("UWV Verzekeringsarts", "vga@uwv.example"),
      "Gevraagde medische informatie", "Geachte verzekeringsarts,\n\nHierbij de gevraagde informatie, met toestemming van betrokkene. Het document is beveiligd met een wachtwoord dat u telefonisch ontvangt.\n\nMet vriendelijke groet,\nSanne Kuipers, namens dr. Van Vliet",
      att=[("medische_info_UWV.pdf", pdf(["Medische informatie", "Naam: Karin Peeters  geb. 1971-10-10", f"BSN {b}", "Burn-out sinds 2024, behandeld door POH-GGZ, escitalopram 10 mg"], encrypt=True))])

def sensitive_2():
    M("0110", "german;patient-forward;personal-address", ASM, DRB,
      "WG: Frage wegen Tabletten", """Bram, kun jij deze beantwoorden? Duitse patiënt, staat ingeschreven sinds januari.
Mariam

-----Ursprüngliche Nachricht-----
Von: Klaus Hämmerle <k.haemmerle@mail.example>
Betreff: Frage wegen Tabletten

Sehr geehrter Herr Doktor,

seit ich das neue Blutdruckmittel (Lisinopril) nehme, habe ich einen trockenen Reizhusten, besonders nachts. Meine Frau kann nicht mehr schlafen. Kann ich etwas anderes bekommen?

Mit freundlichen Grüßen
Klaus Hämmerle
Geb. 02.06.1955
Slotlaan 77, 3701 GC Zeist""", cs="iso-8859-1", cte="qp")

    M("0110", "french;patient-forward;dob", ASS, DRV, "TR: rendez-vous", """Dokter, mevrouw schrijft in het Frans, kunt u even kijken? Sanne

> De : Amélie Rousseau <amelie.rousseau@mail.example>
> Objet : rendez-vous
>
> Bonjour Docteur,
> Je suis enceinte de 8 semaines (premier test positif le 3 mars) et j'ai des saignements légers depuis hier soir. Je suis née le 17/04/1993. Est-ce que je dois venir aujourd'hui ?
> Merci beaucoup,
> Amélie Rousseau
> 06 18 22 90 41""", cs="windows-1252", cte="8bit")

    M("0100", "polish;patient-forward;name-only", ASM, POH, "Fwd: pytanie", """Joke, deze is voor jou (astma-controle). Groetjes Mariam

---------- Forwarded message ---------
Od: Katarzyna Nowak <kasia.nowak@mail.example>
Temat: pytanie

Dzień dobry,
mój syn Kacper (8 lat) w nocy bardzo kaszle i ma świszczący oddech, inhalator niebieski (salbutamol) pomaga tylko na godzinę. Czy możemy przyjść na kontrolę astmy?
Pozdrawiam,
Katarzyna Nowak""", cte="b64")

    M("0110", "turkish;patient-forward;phone", ASS, DRH, "Fwd: doktor bey", """Dokter, patiënt vraagt om terugbelverzoek, zie tekst (Turks). Volgens haar dochter gaat het om haar suikerwaarden.

---- Doorgestuurd ----
Van: Fatma Demir <fdemir62@mail.example>

Merhaba doktor bey,
şekerim sabah 14 çıkıyor, ilacı (metformin) günde iki kere alıyorum ama ayaklarım uyuşuyor. Beni arayabilir misiniz? Telefon: 06-29384471
Fatma Demir""", cte="qp")

    M("0100", "arabic;patient-forward;rtl", ASM, DRV, "Fwd: استفسار", """Eline, bericht van mevr. Haddad in het Arabisch. Vertaling (door mij): zij heeft sinds 2 weken pijn bij het plassen en bloed in de urine en vraagt of ze urine kan brengen.

---------- Doorgestuurd bericht ----------
Van: Leila Haddad <l.haddad@mail.example>

مرحبا دكتور،
أشعر بألم عند التبول منذ أسبوعين وأرى دماً في البول. هل يمكنني إحضار عينة بول غداً؟
شكراً
ليلى حداد""", cte="b64")

    M("0110", "papiamento;patient-forward;address", ASS, DRB, "Fwd: Bon dia dokter", """Bram, mevrouw schrijft in het Papiaments. Ze vraagt om herhaling van haar insuline en om een huisbezoek voor haar moeder.

-------- Doorgestuurd bericht --------
Van: Maria Martina <mmartina@mail.example>

Bon dia dokter,
Mi tin mester di mas insulina (NovoRapid), mi a kaba ku e último pèn. I mi mama, Ludmila Martina, ta malu den kama dia 3 kaba ku keintura i e no ta kome. E ta biba Acaciastraat 8, 3702 Zeist. Por bini wak e?
Danki
Maria""", cte="qp")

    M("0100", "frisian;patient-forward;short", ASM, DRH, "Fwd: resept", """Frisian, dhr. Hoekstra kan dit vast lezen :-)

> Fan: Sjoerd Dijkstra <s.dijkstra@mail.example>
> Goeie dokter, ik haw gjin pillen mear foar myn hert (metoprolol 50). Kinne jo in nij resept nei de apteek stjoere? Tank, Sjoerd""", cte="7bit", lf=True)

    hl7 = f"""MSH|^~\\&|LABSYS|LABMN|HIS|DEBERK|20250306101500||ORU^R01|{E()}|P|2.5\rPID|1||{B()}^^^NLMINBIZA^NNNLD||de Ruiter^Willemijn^^^^^L||19670921|F|||Prinses Irenelaan 5^^Zeist^^3701 EA^NL\rOBR|1||L{F()}|HBA1C^HbA1c\rOBX|1|NM|4548-4^HbA1c^LN||61|mmol/mol|20-42|H|||F\rOBX|2|NM|33914-3^eGFR^LN||72|mL/min/1.73m2|>60||||F\r"""
    M("1110", "hl7v2;lab;structured;forward-to-specialist", DRH, ("Internist-endocrinoloog", "endocrinologie@ziekenhuis-rijnmond.test"),
      "Fw: lab mevr. de Ruiter", "Collega, ter aanvulling op de verwijzing: de laatste labuitslag als HL7-bericht doorgestuurd zoals het uit ons HIS kwam.\n\nH.J. Hoekstra", att=[("oru_r01.hl7", hl7, "b64")])

    fhir = """{
  "resourceType": "Bundle",
  "type": "collection",
  "entry": [
    {"resource": {"resourceType": "Patient", "id": "p1",
      "identifier": [{"system": "http://fhir.nl/fhir/NamingSystem/bsn", "value": "%s"}],
      "name": [{"family": "Smeets", "given": ["Luuk"]}], "birthDate": "2001-01-15",
      "address": [{"line": ["Bergweg 210"], "city": "Zeist", "postalCode": "3707 AE"}]}},
    {"resource": {"resourceType": "MedicationStatement", "subject": {"reference": "Patient/p1"},
      "medicationCodeableConcept": {"text": "methylfenidaat 10 mg tablet"}, "dosage": [{"text": "3 dd 1"}]}},
    {"resource": {"resourceType": "Condition", "subject": {"reference": "Patient/p1"},
      "code": {"text": "ADHD"}}}
  ]
}
""" % B()
    M("1110", "fhir-json;medication;structured", ASM, ("Apotheek Zeist Centrum", "apotheek@apotheek-zeistcentrum.example"),
      "medicatieoverzicht export", "Hoi,\n\nHierbij de export uit het HIS die jullie vroegen (FHIR).\n\nMariam", att=[("export_patient.json", fhir.encode())])

    vcf = """BEGIN:VCARD
VERSION:3.0
N:Groenewegen;Stefan;;;
FN:Stefan Groenewegen
BDAY:1984-07-23
TEL;TYPE=CELL:+31 6 4912 0387
ADR;TYPE=HOME:;;Utrechtseweg 301;Zeist;;3704 HD;NL
NOTE:Patiënt De Berk\\, contactpersoon voor moeder (dementie\\, Lindenhof)
END:VCARD
"""
    M("0110", "vcf;vcard;personal-dob-address;health-note-in-vcard", ASS, ("Lindenhof zorgcentrum", "afdeling2@lindenhof-zorg.example"),
      "contactpersoon", "Goedemiddag,\n\nZoals telefonisch gevraagd de contactgegevens van de zoon (eerste contactpersoon).\n\nSanne", att=[("Stefan Groenewegen.vcf", vcf, "qp")])

    x = xlsx([["Naam", "Geb.datum", "BSN", "Reden", "Datum"],
              ["Hendriks, P.", "1979-03-12", int(B()), "Ziekmelding - hernia", "2025-02-03"],
              ["van Aalst, T.", "1992-11-30", int(B()), "Zwangerschapsverlof", "2025-03-01"]], sheet="verzuim")
    M("1110", "hr;employee-sick-note;xlsx-numeric-bsn;payroll", MGR, ("Salarisadministratie", "salaris@administratiekantoor.example"),
      "verzuimoverzicht Q1", "Hoi Ruud,\n\nHierbij het verzuimoverzicht van Q1 voor de loonadministratie. Let op: vertrouwelijk.\n\nIngrid", att=[("verzuim_Q1_2025.xlsx", x)])

    o = odt(["Verslag MDO ouderenzorg 4 maart", "Aanwezig: huisarts, POH-O, wijkverpleging, casemanager dementie",
             "1. Mw. G. Altena (Vogelweide 12) - toenemend vallen, 3x in februari. Medicatiereview: stoppen oxazepam.",
             "2. Dhr. L. Koenen - hartfalen, gewicht +3 kg in week. Furosemide ophogen naar 80 mg.", "Volgende MDO: 1 april"])
    M("0110", "mdo;odt;elderly-care;address", DRV, ("Wijkverpleging Zeist", "team-noord@wijkverpleging.example"),
      "verslag MDO 4/3", "Dag allen,\n\nVerslag in de bijlage.\n\nEline", att=[("MDO_ouderen_0403.odt", o)])

    M("0110", "quoted-history-only;reply-chain-3deep;logistics-top", MGR, ("Taxi Regio Utrecht", "ritplanning@taxiregio.example"),
      "RE: RE: RE: vervoer", """Prima, dank!

Ingrid
""" + Q("""Wij hebben de rit ingepland voor dinsdag 07:15.
Ritplanning""", "Taxi Regio Utrecht", "vr 14 mrt 2025 16:02") + Q("""> Goedemiddag, kunnen jullie vervoer regelen voor onze patiënt mevrouw Hilda Vermeulen, Bosrand 2, 3707 Zeist (geb. 08-08-1938)? Zij moet dinsdag naar de dialyse en kan niet zelf rijden sinds haar beenamputatie.
> Ingrid Smulders""", "Ingrid Smulders", "vr 14 mrt 2025 10:30"), cte="qp")

    M("0100", "lay-words;pharmacy-forward;no-medical-term-in-subject", DRB, POH,
      "Fwd: dhr Vos", """Joke, kun jij hem oproepen voor hartfalencontrole? Bram

> Van: Apotheek Zeist Centrum
> Dag dokter Oosterhuis,

Dhr. Gerrit Vos haalde vandaag zijn plaspillen op en vertelde dat hij sinds een week 's nachts niet meer plat kan liggen en dikke enkels heeft. Wij hebben hem geadviseerd u te bellen, maar wilden u ook even informeren.

Groet,
Apotheek Zeist Centrum""", cte="7bit")

    b = B()
    M("1110", "bsn-in-filename;pdf-no-bsn-text", ASS, ("Radiologie", "radiologie@ziekenhuis-rijnmond.test"),
      "aanvraag echo", "Beste collega's,\n\nIn de bijlage het aanvraagformulier voor een echo bovenbuik (verdenking galstenen) van mevr. Ilse Bos, geb. 04-04-1985.\n\nMvg, Sanne",
      att=[(f"aanvraag_echo_{b}.pdf", pdf(["Aanvraag echografie bovenbuik", "Klinische vraag: koliekpijn rechtsboven na vet eten, cholelithiasis?"]))])

    b = B()
    M("1111", "truncated-pdf;lab-letter", DRH, ("Huisartsenpost", "hap@huisartsenpost-utrecht.example"),
      "achtergrondinfo palliatieve pt", "Collega's van de post,\n\nIn de bijlage de palliatieve overdracht van dhr. R. Timmer (Beukenlaan 6, geb. 1942) zodat jullie in het weekend op de hoogte zijn. Hij heeft een uitgezaaid pancreascarcinoom en een morfinepomp. Niet reanimeren, niet insturen.\n\nH.J. Hoekstra",
      att=[("palliatieve_overdracht.pdf", pdf(["Palliatieve overdracht", f"R. Timmer, BSN {b}", "Pancreascarcinoom, levermetastasen, morfine sc pomp 60 mg/24u", "NR-verklaring aanwezig"] * 6, truncate=0.55))])

def sensitive_3():
    b = B()
    M("1110", "html-entities-bsn;span-split;html-only", ASM, ("CAK Wlz", "wlz@cak.example"),
      "Aanvraag Wlz-indicatie", html=f"""<html><body><p>Geachte heer/mevrouw,</p><p>Ter ondersteuning van de Wlz-aanvraag van mevrouw <b>Johanna Wijers</b> (geboren 11-12-1931):</p>
<p>BSN: <span>{b[:3]}</span><span>&nbsp;{b[3:6]}</span><span>&nbsp;&#{ord(b[6])};{b[7:]}</span></p>
<p>Mevrouw heeft een vergevorderde Alzheimer-dementie, is volledig ADL-afhankelijk en kan niet meer alleen gelaten worden.</p>
<p>Met vriendelijke groet,<br>M. El Idrissi, namens H.J. Hoekstra</p></body></html>""", cte="qp")

    b = B()
    M("1110", "qp;long-line;bsn-near-softbreak;windows-1252", DRB, ("Bedrijfsarts ArboNed", "bedrijfsarts@arbodienst.example"),
      "terugkoppeling", "Geachte collega, met toestemming van betrokkene (Ruben Claassen, geb. 01-09-1986, burgerservicenummer " + b + ") het volgende: hij is onder behandeling voor een alcoholverslaving bij Tactus en gebruikt disulfiram; re-integratie in halve dagen lijkt me verantwoord vanaf april.\n\nMet collegiale groet,\nB. Oosterhuis, huisarts", cs="windows-1252", cte="qp")

    b = B()
    lvl2 = inner(("Spoedeisende hulp", "seh@ziekenhuis-rijnmond.test"), ("HAP", "hap@huisartsenpost-utrecht.example"), "SEH-bericht",
                 f"SEH-bericht\nPatiënt: Sem Vermaat, 14-02-2012, BSN {b}\nDiagnose: distale radiusfractuur links, gesloten gereponeerd, gips 4 weken.\nControle gipskamer over 1 week.")
    lvl1 = inner(("Huisartsenpost", "hap@huisartsenpost-utrecht.example"), DRV, "Fwd: SEH-bericht", "Waarneembericht HAP, zie bijgevoegd SEH-bericht.", att=[("SEH-bericht.eml", lvl2)])
    M("1110", "rfc822-nested-2deep;child;fracture", DRV, ("Schoolarts / JGZ", "jgz@ggd-regio.example"),
      "Fwd: Fwd: SEH-bericht", "Ter info, in overleg met ouders (gymles vrijstelling).\nE. van Vliet", att=[("Fwd SEH-bericht.eml", lvl1)])

    inner_zip = zipf([("lab_feb.csv", f"naam;geb;bsn;inr\nKeijzer, A.;1950-05-05;{B()};3.8\nPrins, L.;1944-09-19;{B()};2.4\n")])
    outer = zipf([("trombosedienst/inr_export.zip", inner_zip), ("leesmij.txt", "Export trombosedienst februari")])
    M("1110", "zip-in-zip;csv;inr;anticoagulation", MGR, ("Trombosedienst", "trombosedienst@ziekenhuis-rijnmond.test"),
      "export INR feb", "Hallo,\n\nZoals gevraagd de export terug met onze aanvullingen.\n\nIngrid", att=[("export_feb.zip", outer)])

    M("0111", "corrupt-base64;docx;referral", DRV, ("GGZ Centraal", "aanmelding@ggz-centraal.example"),
      "aanmelding Iris", "Geachte collega,\n\nHierbij de aanmelding van Iris Brouwer (geb. 25-06-2000, Laan van Vollenhove 1800, Zeist) wegens een recidiverende depressie met suïcidale gedachten. Brief in bijlage.\n\nE. van Vliet",
      att=[("aanmelding_brouwer.docx", "UEsDBBQAAAAIAAAAIQB#$%^&*!!KJHkjhsdf==\nnot-really-base64@@@@\n" + "Qk0" * 20, "badb64")])

    M("0100", "signature-health;patient-email-signature;reply", ASS, ("Marco Wessels", "marco.wessels@mail.example"),
      "Re: herhaalrecept", "Beste meneer Wessels,\n\nUw recept staat vanaf morgen klaar bij de apotheek.\n\nGroet, Sanne" + Q("""Graag herhaling van mijn medicatie.

Marco Wessels
-- 
Verstuurd vanaf mijn iPhone
Ik heb epilepsie. Als ik een aanval krijg: niet vasthouden, bel 112. Medicatie: levetiracetam 500 mg 2x daags.""", "Marco Wessels", "wo 5 mrt 2025 08:02"), cte="7bit")

    M("0010", "personal-only;address-change;no-health", ASS, ("Zorgverzekeraar Zuid", "klantenservice@zorgverzekeraar.example"),
      "adreswijziging patiënt", "Goedemiddag,\n\nPatiënte mevr. Soraya Bakker, geboren 03-03-1997, is verhuisd naar Griffensteijnselaan 40, 3703 AM Zeist. Tel: 06-55120934. Klopt het dat dit adres bij u nog niet bekend is? Wij krijgen de declaratie terug.\n\nMvg Sanne Kuipers", cte="7bit")

    M("0100", "english;expat-patient-reply;quoted", DRB, ("Julia Andersson", "julia.andersson@mail.example"),
      "Re: blood test results", "Dear Julia,\n\nYour thyroid results were normal, so the tiredness is not caused by that. Your iron was low though (ferritin 9), which can explain it. I've sent a prescription for ferrous fumarate to your pharmacy, one tablet a day for three months.\n\nBest wishes,\nDr Bram Oosterhuis" +
      QE("Hi Dr Oosterhuis, did my results come back? Still exhausted all the time.\nJulia", "Julia Andersson", "Tue, 4 Mar 2025"), cte="qp")

    M("0100", "telegram-style;internal-note;initials-and-room", DRH, ASS, "bel svp", "bel dhr Kok tav PSA 12 -> verwijzen uroloog. vandaag nog. HJH", cte="7bit")

    b = B("dots")
    M("1110", "gemeente-wmo;form;bsn-dots", POH, ("Wmo-loket gemeente Zeist", "wmo@gemeente-zeist.example"),
      "Medisch advies Wmo-aanvraag scootmobiel", f"""Geachte Wmo-consulent,

Naar aanleiding van uw vraag:
Naam aanvrager: Bernard (Ben) Kuiper
Geb.: 17-07-1943
Adres: Hoog Kanje 190, Zeist
BSN: {b}

Dhr. heeft ernstig COPD (FEV1 38%) en is na 50 meter lopen benauwd. Een scootmobiel lijkt ons medisch zeer gewenst.

Met vriendelijke groet,
Joke Brinkman, POH-S namens dr. Hoekstra""", cte="b64")

    M("0100", "school;absence;lay-words;english-parent", ASS, ("Mrs Whitfield - Zeister International School", "attendance@zis.example"),
      "Re: Oliver absence", "Dear Mrs Whitfield,\n\nOn behalf of Dr Van Vliet: Oliver Baker has been seen in our practice. He has glandular fever (Pfeiffer) and should stay home for at least two more weeks and avoid sports for a month because of his enlarged spleen.\n\nKind regards,\nSanne Kuipers, practice assistant", cte="7bit")

    M("0110", "employer;sick-note;reason;dob", MGR, ("HR Apotheek", "hr@apotheek-zeistcentrum.example"),
      "ziekmelding collega", "Hoi Petra,\n\nOnze gedetacheerde assistente Yvonne Martens (geb. 09-10-1990, personeelsnr 4417) is vanaf vandaag ziek. Ze heeft een miskraam gehad en is de rest van de week thuis. Wil je dit discreet houden?\n\nIngrid", cte="qp")

    M("0100", "care-home;fall-report;forward;no-dob", DRV, POH, "Fwd: valincident", """Joke, wil jij dit oppakken bij de volgende ronde Lindenhof?

-------- Doorgestuurd bericht --------
Onderwerp: valincident
Van: Lindenhof afd. 2 <afdeling2@lindenhof-zorg.example>

Mevrouw Drost (kamer 7) is vannacht weer gevallen, nu met een flinke bult op haar hoofd. Ze gebruikt acenocoumarol. Wij hebben haar neurologisch gecontroleerd, dit was goed. Graag beleid.
Team afdeling 2""", cte="qp")

    M("0110", "patient-number;signature-patient-number;spreadsheet-like-text", ASM, ("Diëtistenpraktijk Smaak", "info@dietist-smaak.example"),
      "verwijzing diëtist", """Goedemorgen,

Verwijzing voor:
  Patiëntnr : 00412877
  Naam      : Eva Lambrechts
  Indicatie : BMI 36, prediabetes (nuchter glucose 6.6)

Graag 3 consulten. Met vriendelijke groet, assistente Mariam""", cs="iso-8859-1", cte="qp")

    M("0100", "cc-notes;medication-change;short;lf", DRH, ("Apotheek Zeist Centrum", "apotheek@apotheek-zeistcentrum.example"),
      "stop simva dhr Hermans", "Dhr. A. Hermans: simvastatine gestaakt ivm spierpijn, start rosuvastatine 10 mg. Graag aanpassen. gr HJH", cte="7bit", lf=True)

    b = B()
    M("1110", "bsn-with-name;no-dob;pharmacy", ASS, ("Apotheek De Linde", "apotheek@apotheek-delinde.example"),
      "medicatie mw Çelik", f"Mevrouw Zeynep Çelik (BSN {b}) krijgt vanaf nu omeprazol 40 mg i.p.v. 20 mg wegens aanhoudende maagklachten. Recept is via LSP verzonden.\nSanne", cte="b64")

def sensitive_4():
    M("0100", "alt;html+plain;result-phone-followup", POH, ("Wim Zwart", "wimzwart@mail.example"),
      "Uw longfunctietest", "Beste meneer Zwart,\n\nDe longfunctietest van vorige week laat zien dat uw COPD stabiel is. Blijf uw Spiriva elke ochtend gebruiken. De volgende controle is over een half jaar.\n\nJoke Brinkman",
      html="<html><body><p>Beste meneer Zwart,</p><p>De longfunctietest van vorige week laat zien dat uw <b>COPD stabiel</b> is. Blijf uw Spiriva elke ochtend gebruiken. De volgende controle is over een half jaar.</p><p>Joke Brinkman</p></body></html>", cte="qp")

    M("0110", "hurried;typos;assistant-to-doctor;phone", ASM, DRV, "terugbellen!!", "eline kun je mw van der Zanden terugbellen 06-38172209 ze heeft sinds gisteren hoge koorts en rillerig na haar chemo kuur van maandag, ik heb gezegd dat ze vanmidag kan komen maar ze wil eerst jou spreken. m", cte="7bit")

    M("0100", "english;specialist-letter-reply;insurer-abroad", DRV, ("Allianz Care Claims", "claims@intl-insurer.example"),
      "Re: Claim ref 2025-ZE-7731 - medical information", """Dear Claims team,

With the consent of our patient Mr Daniel Foster I can confirm that he was treated in our practice for an acute sciatica on 12 and 19 February and was referred for physiotherapy. No pre-existing back condition is known in our records.

Yours sincerely,
Dr E. van Vliet, GP""", cte="qp")

    x = xlsx([["Patiënt", "Geboortedatum", "Systolisch", "Diastolisch", "Datum"],
              ["A. Vermeer", "12-01-1950", 162, 95, "03-03-2025"], ["A. Vermeer", "12-01-1950", 158, 92, "10-03-2025"]], sheet="RR")
    M("0110", "xlsx;bp-measurements;home-measurements-forward", POH, DRH, "thuismetingen Vermeer", "HJ, de thuismetingen van mw Vermeer, nog steeds te hoog. Ophogen?\nJoke", att=[("RR_thuismetingen.xlsx", x)])

    M("0100", "lay-words;no-medical-term;pregnancy-indirect", DRV, ASS, "Lisa J.", "Sanne, Lisa Jacobs is in verwachting van haar tweede, wil je een eerste afspraak bij de verloskundige voor haar aanvragen en haar vragen vóór de 10e week foliumzuur te halen? Dank, E.", cte="qp")

    b = B()
    txt = f"""OVERDRACHT WAARNEMING 21-23 MAART
==================================
1. Fam. Peters, Oude Arnhemseweg 12: mw Peters (geb 1940) terminaal, morfine, verwacht overlijden dit weekend. Schouwarts: dienstdoende HA.
2. dhr. R. Bosman BSN {b}: INR 6.2 vrijdag, acenocoumarol 2 dagen gestopt, maandag opnieuw prikken.
3. Kind Yusuf Amrani: koortsstuip gehad donderdag, ouders gerustgesteld.
"""
    M("1110", "txt-attachment;weekend-handover;multiple-patients", DRH, ("Huisartsenpost", "hap@huisartsenpost-utrecht.example"),
      "waarneming weekend", "Zie bijlage.", att=[("overdracht_weekend.txt", txt, "qp")], cs="utf-8", cte="7bit")

    M("0110", "midwife;pregnancy;dob;multipart", DRV, ("Huisartsenpost", "hap@huisartsenpost-utrecht.example"),
      "Fwd: bevalling", "Forwarded by practice to HAP for the weekend:\n\nBeste collega, mw Noor Visser (geb. 30-11-1995, Lyceumlaan 3) is op 2 maart bevallen van een dochter. Postpartum fluxus 1200 ml, Hb 5.4. Ontslagen met ferrofumaraat. Graag controle Hb over 6 weken.\nVerloskundigen Bloei",
      html="<p>Beste collega, mw <b>Noor Visser</b> (geb. 30-11-1995, Lyceumlaan 3) is op 2 maart bevallen van een dochter. Postpartum fluxus 1200 ml, Hb 5.4.</p>", cte="b64")

    M("0100", "ggz;crisis;short;no-dob", POG, ("Crisisdienst GGZ", "crisis@ggz-centraal.example"), "spoed: dhr. Kamphuis", "Dhr. Erik Kamphuis belt zojuist met de mededeling dat hij 'er een eind aan wil maken', heeft pillen verzameld. Kunnen jullie vandaag beoordelen? Hij is thuis. Thijs de Graaf, POH-GGZ", cte="7bit")

    M("0110", "letter-docx;sick-leave-statement;employer", DRB, ("Personeelszaken Gemeente", "pz@gemeente-zeist.example"),
      "verklaring", "Zie bijlage.\nB. Oosterhuis", att=[("verklaring_huisarts.docx", docx(["Verklaring", "Hierbij verklaar ik dat mevr. Naima Ouali, geboren 14-02-1983, wonende Pauwenlaan 9 te Zeist,", "onder behandeling is wegens migraine met aura en in verband daarmee niet in nachtdiensten kan werken.", "B. Oosterhuis, huisarts"]))])

    M("0100", "reply-to-patient;hurried;mobile", DRV, ("Tom", "tom.hendrikx@mail.example"), "Re: uitslag soa test",
      "Hoi Tom, uitslag chlamydia is positief. Recept azitromycine staat klaar bij apotheek. Partner(s) ook laten testen. Gr Eline\n\nVerstuurd vanaf mijn iPad", cte="7bit")

    M("0110", "municipality;participatiewet;forward;quoted", MGR, ("Gemeente Zeist - Participatie", "participatie@gemeente-zeist.example"),
      "RE: informatieverzoek dhr. Yildiz", "Goedemiddag,\n\nWij kunnen zonder schriftelijke toestemming van betrokkene geen medische informatie verstrekken. Wel kan ik bevestigen dat dhr. onder behandeling is.\n\nIngrid Smulders" +
      Q("Graag ontvangen wij informatie over de medische beperkingen van dhr. Emre Yildiz (geb. 21-07-1975, Kerkweg 4 Zeist) in verband met zijn re-integratieverplichting. Hij geeft aan dat hij door zijn hartinfarct vorig jaar niet meer dan 20 uur kan werken.", "Participatie", "di 18 mrt 2025"), cte="qp")

    M("0100", "image-like-description;dermatology;teledermatology", DRB, ("Teledermatologie KSYOS", "tdc@teledermatologie.example"),
      "Teleconsult mw. Haan - verdachte moedervlek", "Collega, mw. Ellen Haan, 52 jaar: pigmentlaesie rug 9 mm, asymmetrisch, recent gegroeid, bloedt soms. Melanoom? Foto's via portaal geüpload.\nB. Oosterhuis", cte="qp")

    M("0110", "vaccination-abroad;english;dob", ASS, ("Travel Clinic", "travel@gezondheidsdienst.example"),
      "Vaccination record - Ms Lindqvist", "Dear colleagues,\n\nPlease find below the vaccination history of Ms Sofia Lindqvist, date of birth 1999-05-02, for her trip to Uganda: DTP 2019, hepatitis A 2022 (1 dose). She is on methotrexate for rheumatoid arthritis, so please no yellow fever (live) vaccine.\n\nKind regards,\nSanne Kuipers", cte="7bit")

    b = B()
    M("1010", "bsn-and-name-dob;no-health;registration", ASM, ("Huisartsenpraktijk Het Anker", "info@praktijk-hetanker.nl"),
      "uitschrijving", f"Beste collega's,\n\nDe volgende patiënt heeft zich bij ons uitgeschreven en bij u ingeschreven:\nSander Bijl, 07-12-1969, BSN {b}.\nWilt u het dossier bij ons opvragen?\n\nMariam", cte="qp", lf=True)

    M("0100", "name-in-subject;lab-value-in-body-only;no-name-in-body", DRH, ("Apotheek De Linde", "apotheek@apotheek-delinde.example"),
      "mw. Baars", "Kreatinineklaring 28 ml/min, graag metformine halveren en nitrofurantoïne niet meer afleveren. HJH", cte="7bit")

    M("0110", "jeugdzorg;child;school-report-forward", DRV, ("Veilig Thuis", "advies@veiligthuis.example"),
      "advies gevraagd", """Geachte medewerker,

Ik vraag advies over de volgende situatie. Sara el Amrani (8 jaar, geb. 19-04-2016) kwam op het spreekuur met blauwe plekken op bovenarmen en rug in verschillende stadia. De verklaring van vader (van de trap gevallen) past niet bij het letselpatroon. De juf meldde eerder dat Sara bang is om naar huis te gaan.

Graag telefonisch overleg: 030-6921140.

E. van Vliet, huisarts""", cte="qp")

def sensitive_5():
    M("0110", "long-letter;2-pages;referral-ggz;dob-address", DRV, ("Intake Jeugd-GGZ", "intake@jeugd-ggz.example"),
      "Verwijzing Daan Hofstede (geb. 02-02-2011)", """Geachte collega,

Graag verwijs ik Daan Hofstede, geboren 2 februari 2011, wonende Kroostweg 51, 3704 DM Zeist, naar uw intake voor diagnostiek en behandeling.

Aanleiding
Daan is een 14-jarige jongen die door moeder werd aangemeld omdat hij sinds de zomervakantie steeds minder naar school gaat. In het afgelopen trimester was hij 31 dagen afwezig. Hij klaagt vrijwel dagelijks over buikpijn en hoofdpijn op schooldagen, die in het weekend afwezig zijn. Lichamelijk onderzoek en laboratoriumonderzoek (bloedbeeld, CRP, TSH, coeliakie-serologie) waren in december zonder afwijkingen.

Anamnese
In een gesprek onder vier ogen vertelt Daan dat hij in de brugklas langdurig is gepest, ook online. Hij slaapt slecht, ligt tot 2-3 uur 's nachts wakker en piekert over "wat anderen van hem vinden". Hij heeft zijn vriendschappen grotendeels opgegeven en gamet veel. Hij ontkent doodsgedachten en zelfbeschadiging. Geen middelengebruik.

Familieanamnese: moeder heeft een angststoornis gehad waarvoor zij in 2018 behandeld is. Ouders zijn gescheiden; Daan woont bij moeder, ziet vader om het weekend.

Beloop in de huisartsenpraktijk
Onze POH-GGZ heeft vijf gesprekken met Daan gevoerd (psycho-educatie, slaaphygiëne, geleidelijke blootstelling aan school). Dit heeft onvoldoende effect gehad; in februari is hij zelfs helemaal thuisgebleven. De leerplichtambtenaar is inmiddels betrokken.

Vraagstelling
Ik denk aan een sociale angststoornis, mogelijk met depressieve klachten. Graag uw diagnostiek en, zo nodig, behandeling. Daan en moeder zijn met deze verwijzing akkoord.

Medicatie: geen.
Allergieën: geen bekend.

Met collegiale groet,

dr. E. van Vliet, huisarts
Huisartsenpraktijk De Berk""", cte="qp")

    M("0100", "english;short;telegram;hap-handover", DRB, ("GP on call", "hap@huisartsenpost-utrecht.example"),
      "pt for tonight", "FYI: Mr John Carter, terminal lung ca, may call tonight. Has midazolam at home for palliative sedation per protocol. Family aware. BO", cte="7bit")

    M("0100", "gemeente;reply;quoted-health;assistant-top-line-clean", ASS, ("Leerplicht Zeist", "leerplicht@gemeente-zeist.example"),
      "Re: verzuim leerling", "Ik heb uw vraag doorgezet naar de huisarts.\nSanne" +
      Q("Geachte heer/mevrouw, leerling Milan de Jong (klas 2B) verzuimt veel. Hij zegt dat hij bij u onder behandeling is voor zijn darmziekte (Crohn). Kunt u dit bevestigen?\nM. Vos, leerplichtambtenaar", "Leerplicht Zeist", "ma 10 mrt 2025"), cte="qp")

    M("0110", "patient-number;html-table;recall-list;poh", POH, DRH, "oproeplijst CVRM", html="""<html><body><p>HJ, deze mensen zijn al een jaar niet op controle geweest. Akkoord als ik ze aanschrijf?</p>
<table border="1"><tr><th>Pat.nr</th><th>Naam</th><th>Diagnose</th><th>Laatste RR</th></tr>
<tr><td>10044</td><td>H. Smit</td><td>K86 hypertensie</td><td>168/94</td></tr>
<tr><td>10912</td><td>J. Bosch-Kok</td><td>K90 CVA</td><td>142/80</td></tr>
<tr><td>11530</td><td>R. Nijhuis</td><td>K75 infarct</td><td>151/88</td></tr></table><p>Joke</p></body></html>""", cte="b64")

    M("0100", "lay-words;no-medical-term;elderly-self;forward", ASS, DRV, "Fwd: mijn ogen", """Dokter, van mevrouw Plomp:

> Geachte dokter van Vliet,
> Sinds zaterdag zie ik met mijn rechteroog ineens allemaal zwarte vlekjes en af en toe lichtflitsen, alsof er een gordijn voor een deel van mijn oog hangt. Mijn buurvrouw zegt dat het niks is maar ik vertrouw het niet.
> Hoogachtend,
> A.M. Plomp-Verbeek""", cs="windows-1252", cte="qp")

    b = B()
    M("1110", "pdf-multi-line;lab-pdf;bsn-keyword-sofinummer", ASM, ("Internist - poli", "interne@ziekenhuis-rijnmond.test"),
      "aanvullende lab bij verwijzing", "Goedemiddag,\n\nDe huisarts vroeg mij deze labuitslag na te sturen bij de verwijzing van vorige week.\n\nMariam",
      att=[("lab_20250310.pdf", pdf(["Laboratorium Midden-Nederland", "Patiënt: Vos-Wagenaar, Hanneke", "Geboortedatum: 16-06-1962", f"Sofinummer: {b}", "",
                                     "Hb 7.1 mmol/l", "MCV 71 fl (L)", "Ferritine 6 ug/l (L)", "Occult bloed feces (FIT): positief"]))])

    M("0100", "english;reply-chain;health-in-quote-only;top-logistics", ASS, ("Priya Raman", "priya.raman@mail.example"),
      "Re: appointment", "Hi Priya,\n\nThursday 10:40 with Dr Oosterhuis is confirmed.\n\nBest,\nSanne" + QE("Hello, I'd like to see the doctor about my IVF medication, the injections give me a lot of swelling and I'm worried about hyperstimulation. Any time Thursday works.\nPriya", "Priya Raman", "Mon 17 Mar 2025"), cte="7bit")

    M("0110", "care-home;medication-list;table-text;dob", DRH, ("Lindenhof zorgcentrum", "afdeling2@lindenhof-zorg.example"),
      "actueel medicatieoverzicht", """Goedemorgen, hierbij het actuele medicatieoverzicht zoals besproken.

Cliënt: W.F. (Willem) Brands, 01-05-1932, kamer 14

Middel                      Dosering     Indicatie
--------------------------  -----------  ------------------
Furosemide 40 mg            1dd1 ochtend hartfalen
Metoprolol ZOC 50 mg        1dd1         hartfalen/AF
Apixaban 2,5 mg             2dd1         AF
Haloperidol 0,5 mg          zn max 2dd   onrust bij delier
Macrogol sachet             1dd1         obstipatie

gr H.J. Hoekstra""", cs="iso-8859-1", cte="qp", lf=True)

    M("0100", "subject-health;body-clean;name-in-subject", ASM, ("Mammapoli", "mammapoli@ziekenhuis-rijnmond.test"),
      "mw. Anouk Verbruggen - knobbel li borst, graag snel afspraak", "Zie Zorgdomein-verwijzing van vanochtend. Alvast bedankt!\nMariam", cte="7bit")

    M("0101", "unknown-binary;dat-attachment;health-in-body", DRB, ("Cardioloog", "cardiologie@ziekenhuis-rijnmond.test"),
      "holter dhr Pronk", "Collega, bijgaand de ruwe data van de 24-uurs holter bij dhr. Pronk (palpitaties, verdenking paroxismaal AF). Ons apparaat exporteert alleen dit formaat.\nB. Oosterhuis",
      att=[("HOLTER_0311.dat", bytes(R.randrange(256) for _ in range(3000)))])

    M("0111", "encrypted-zip;unscannable;personal-in-body", MGR, ("Accountant", "p.dekker@accountantskantoor.example"),
      "loonstroken + ziekmelding", "Hoi Peter, in de zip de stukken van Linda Brink (geb. 12-12-1985, Noordweg 20) i.v.m. haar langdurig verzuim (hernia-operatie). Wachtwoord via Signal.\nIngrid",
      att=[("brink_verzuim.zip", zip_crypto([("ziekmelding.txt", "Linda Brink, hernia L5-S1, operatie 3-2-2025"), ("loonstrook_feb.txt", "Bruto 3120,00")], "Zeist#2025"))])

    M("0100", "english;patient-forward;no-dob;pharmacy-abroad", DRV, ("Farmacia Lopes", "farmacia@farmacia-lisboa.example"),
      "Prescription for Ms Helena Costa", "Dear pharmacist,\n\nI confirm that Ms Helena Costa, currently on holiday in Lisbon, uses levothyroxine 100 micrograms once daily and lamotrigine 200 mg twice daily. Please dispense a 2-week supply.\n\nDr E. van Vliet, general practitioner", cte="qp")

    b = B()
    M("1110", "bsn-split-hard-linebreak;plain;lf", ASS, ("CIZ", "aanvragen@ciz.example"), "aanvullende gegevens",
      f"Geachte heer/mevrouw,\n\nAanvulling bij de aanvraag van mevrouw Dina Scholten, geboren\n05-09-1929, BSN {b[:5]}\n{b[5:]}. Diagnose: Parkinson, valgevaar, mantelzorger overbelast.\n\nMet vriendelijke groet,\nSanne Kuipers", cte="7bit", lf=True)

    M("0110", "youth-care;jeugdarts;growth-chart;csv", DRV, ("JGZ", "jgz@ggd-regio.example"), "groeigegevens",
      "Hierbij de metingen uit ons systeem, i.v.m. verdenking groeiachterstand.\nEline", att=[("groei_Zoe_Maas.csv", "naam;geboortedatum;datum;lengte_cm;gewicht_kg;opmerking\nZoë Maas;2019-03-08;2024-03-01;98;13.2;coeliakie?\nZoë Maas;2019-03-08;2025-03-01;101;13.4;tTG-IgA sterk verhoogd\n", "qp")])

    M("0100", "hr;sick-note-colleague;reason;no-dob", MGR, ("Vervangingsbureau", "planning@vervangingsbureau.example"),
      "vervanging nodig", "Hoi,\n\nOnze POH-GGZ Thijs valt de komende 6 weken uit na een knieoperatie (kruisband). We zoeken dringend vervanging voor di en do.\n\nIngrid", cte="7bit")

    M("0110", "calendar-invite-html;personal;health-purpose", ASM, ("Huisbezoek agenda", "agenda@praktijk-deberk.nl"),
      "Uitnodiging: Huisbezoek", "Huisbezoek voor dr. Hoekstra", att=[("invite.ics", """BEGIN:VCALENDAR
VERSION:2.0
METHOD:REQUEST
BEGIN:VEVENT
UID:hb-20250320-1@praktijk-deberk.nl
DTSTAMP:20250319T150000Z
DTSTART:20250320T120000Z
DURATION:PT30M
SUMMARY:Huisbezoek - wondcontrole decubitus stuit
LOCATION:Mw. B. Ramdin\\, Van Reenenweg 33\\, 3702 SE Zeist
DESCRIPTION:Tel. dochter 06-10293847
END:VEVENT
END:VCALENDAR
""", "qp")])

    M("0100", "english;reply;teen;contraception", POH, ("Emma", "emma.devries07@mail.example"),
      "Re: pill", "Hi Emma,\n\nNo problem, you don't need your parents' permission. You can pick up your prescription for the pill (Microgynon) at the pharmacy tomorrow. Start on the first day of your period.\n\nJoke (practice nurse)", cte="7bit")

def sensitive_6():
    M("0100", "english;specialist-referral-uk;multipart", DRH, ("NHS Clinic", "referrals@nhs-clinic.example"),
      "Referral: Mr Liam O'Connor", "Dear colleague,\n\nMr Liam O'Connor, who moved back to Dublin, has type 1 diabetes since childhood with recent hypoglycaemia unawareness. He uses an insulin pump (Medtronic 780G). Please take over his care.\n\nRegards,\nH.J. Hoekstra",
      html="<p>Dear colleague,</p><p>Mr <b>Liam O'Connor</b> has <i>type 1 diabetes</i> with recent hypoglycaemia unawareness. Insulin pump (Medtronic 780G).</p>", cte="qp")

    M("0110", "insurer;hulpmiddelen;phone;dob", POH, ("Hulpmiddelen Zorgverzekeraar", "hulpmiddelen@zorgverzekeraar.example"),
      "machtiging stomamateriaal", "Goedemiddag,\n\nGraag een machtiging voor stomamateriaal voor dhr. Kees Noordam, geb. 03-10-1951, tel. 030-6994821. Dhr heeft sinds januari een colostoma na rectumcarcinoom.\n\nJoke Brinkman", cte="qp")

    M("0100", "lay-words;dictated;wound;no-medical-term", DRB, ("Wijkverpleging Zeist", "team-noord@wijkverpleging.example"),
      "mevrouw Jonker", "Kunnen jullie bij mevrouw Jonker de open plek op haar onderbeen drie keer per week verbinden? Het wil maar niet dicht en ze heeft er veel last van als ze loopt. Ik kom zelf volgende week kijken. Bram", cte="7bit")

    b = B()
    M("1110", "dossier-request;gemeente;bsn-in-table-html", ASM, ("Zorgkantoor", "wlz@zorgkantoor.example"),
      "Opvraag zorgprofiel", html=f"""<div>Geachte heer, mevrouw,</div><div><br></div><table><tr><td><b>Cliënt</b></td><td>Antonius Derksen</td></tr><tr><td><b>BSN</b></td><td>{b}</td></tr><tr><td><b>Zorgprofiel</b></td><td>VV05 (somatiek, dementie)</td></tr></table><div>Met vriendelijke groet,<br>Mariam</div>""", cs="windows-1252", cte="b64")

    M("0110", "forward-patient;typo-laden;phone-in-signature", ASS, DRB, "FW: pijn", """Bram, zie hieronder, wil je bellen?

Van: Ricardo Sanches <ric.sanches@mail.example>
Onderwerp: pijn

hallo dokter ik heb sinds dinsdag heeele erge pijn in me zij en rug ik heb ook bloed bij het plassen, ik denk een nierstnen want dat had me vader ook. kan iemand bellen
Ricardo
0612 77 49 03""", cte="7bit")

    M("0100", "english;practice-nurse;diabetic-eye-screening", POH, ("Oogscreening", "fundus@oogcentrum.example"),
      "Retinal screening results", "Hello,\n\nPlease send the retinal screening result for Mr Bashir Ahmadi to Dr Hoekstra; he was screened on 4 March because of his diabetes and we haven't received anything yet.\n\nThanks, Joke", cte="7bit")

    M("0110", "rfc822;patient-mail-attached;dob", DRV, ("Neuroloog", "neurologie@ziekenhuis-rijnmond.test"),
      "FW: klachten mw. Aerts", "Collega, ter aanvulling op mijn verwijzing de mail die patiënte mij stuurde.\nE. van Vliet",
      att=[("klachten.eml", inner(("Margot Aerts", "margot.aerts@mail.example"), DRV, "klachten",
            "Beste dokter, de tintelingen in mijn handen en voeten zijn erger geworden en ik zie sinds gisteren dubbel. Ik ben geboren op 28-01-1988, misschien handig voor de verwijzing. Groet, Margot Aerts", cte="qp"))])

    M("0100", "post-mortem;schouwarts;name-only", DRH, ("Gemeentelijk lijkschouwer", "schouwarts@ggd-regio.example"),
      "melding overlijden", "Collega, dhr. Frans Wouters is vannacht thuis overleden. Bekend met gemetastaseerd prostaatcarcinoom, verwacht overlijden, natuurlijke dood. Verklaring is afgegeven. Ter informatie.\nH.J. Hoekstra", cte="qp")

    M("0110", "signature-health;fwd;vcard-like-sig", MGR, ("Klachtenfunctionaris", "klachten@klachtenportaal-zorg.example"),
      "Fwd: klacht", """Ter behandeling doorgestuurd.
Ingrid

-----Original Message-----
From: Rob Hartman
Sent: 12 March 2025

Ik ben boos dat ik 3 weken moest wachten op een uitslag van mijn hartfilmpje terwijl ik pijn op de borst had. Uiteindelijk bleek het een hartinfarct te zijn geweest.

Rob Hartman
Dreef 27
3701 BX Zeist
geb. 11-11-1960""", cte="qp")

    b = B("dots")
    M("1010", "bsn-dots;subject;name;no-health", ASS, ("Sociale Verzekeringsbank", "info@svb.example"),
      f"Levensbewijs mw. T. Groen BSN {b}", "Geachte heer/mevrouw,\n\nHierbij bevestigen wij dat mevrouw Trijntje Groen in leven is en bij ons staat ingeschreven.\n\nMet vriendelijke groet,\nSanne Kuipers", cte="7bit")

    M("0100", "lay-words;indirect;no-medical-term;pregnancy-loss", DRV, POG, "mw. Kaya", "Thijs, mevrouw Kaya heeft vorige week haar kindje bij 20 weken verloren en zit er erg doorheen. Wil jij haar uitnodigen voor een gesprek? E.", cte="qp")

    M("0110", "xlsx-attachment;inr-list;phone", ASM, ("Trombosedienst", "trombosedienst@ziekenhuis-rijnmond.test"), "nieuwe aanmeldingen",
      "Bijlage: nieuwe aanmeldingen voor de trombosedienst.", att=[("aanmelding.xlsx", xlsx([["Naam", "Telefoon", "Indicatie", "Middel", "Start"], ["C. Dijkman", "030-6921988", "mechanische hartklep", "acenocoumarol", "2025-03-12"]]))])

    M("0100", "english;hurried;mobile;reply-to-patient", DRB, ("Ahmed", "ahmed.k@mail.example"), "Re: knee", "Hi Ahmed - MRI shows a torn meniscus. I've referred you to the orthopaedic surgeon. They'll call you. Bram", cte="7bit")

    M("0110", "youth;school-doctor;english-international-school;dob", DRV, ("School nurse", "nurse@zis.example"),
      "Emergency plan - Lucas Meyer", "Dear nurse,\n\nAs requested: Lucas Meyer (DOB 14-09-2015) has a severe peanut allergy with anaphylaxis in 2023. He carries two EpiPen Junior auto-injectors. In case of a reaction: inject, call 112, then call his parents.\n\nDr E. van Vliet", cte="7bit")

    M("0100", "forward-hospital;appointment-specialist;name", ASS, ("Carla Mertens", "c.mertens@mail.example"),
      "Fwd: afspraak poli", "Beste mevrouw Mertens, het ziekenhuis vroeg ons dit door te sturen.\nSanne\n\n---- Doorgestuurd ----\nVan: Polikliniek Oncologie\nU heeft op 2 april om 09:15 een afspraak bij dr. Vink (oncoloog) voor de bespreking van de uitslag van de biopsie.", cte="qp")

    M("0110", "pharmacy;rx-fax-style;dob;controlled-substance", DRH, ("Apotheek De Linde", "apotheek@apotheek-delinde.example"),
      "recept opiumwet", "RECEPT\nPatiënt: Jelle Postma   geb. 22-08-1979   Molenweg 5 Zeist\nR/ oxycodon 5 mg, dtd no 20 (twintig)\nS/ max 4 dd 1 bij pijn (ribfracturen)\nH.J. Hoekstra, huisarts", cte="7bit")

    M("0100", "english;poh-ggz;session-summary;first-and-last-name", POG, ("Psychologist", "info@psychologenpraktijk.example"),
      "Handover Jasmine Lee", "Hi Karin,\n\nHandover for Jasmine Lee: 6 sessions for panic disorder, CBT exercises partially effective, still avoids public transport. She agreed to a referral to you for EMDR regarding the traffic accident in 2023.\n\nThijs", cte="7bit")

    b = B()
    M("1111", "truncated-email;base64-cut;pdf", ASS, ("Orthopedie", "orthopedie@ziekenhuis-rijnmond.test"),
      "verwijzing knie", "Geachte collega, bijgaand de verwijzing van dhr. Kevin Brouwer (geb. 03-06-1978) wegens artrose rechterknie.\nSanne",
      att=[("verwijzing_brouwer.pdf", pdf(["Verwijzing orthopedie", f"K. Brouwer, BSN {b}", "Gonartrose rechts, pijn bij lopen > 500 m"]))], trunc=0.8)

# ================================================================ CLEAN
def clean_1():
    n = E()
    M("0000", "hard-neg;invoice;elfproef-invoice-number;supplier", MGR, ("Debiteuren Medisch Depot", "debiteuren@medisch-depot.example"),
      f"Vraag over factuur {n}", f"""Goedemiddag,

Op factuur {n} (factuurdatum 28-02-2025) staan 20 dozen nitril handschoenen maat M, terwijl wij er 10 hebben besteld en ontvangen. Kunt u een creditfactuur sturen?

Ons klantnummer is 40871, IBAN NL91 ABNA 0417 1643 00.

Met vriendelijke groet,
Ingrid Smulders
praktijkmanager, Huisartsenpraktijk De Berk
KvK 30218877""", cte="qp")

    M("0000", "generic-health-info;griepprik;patient-newsletter;html", INFO, "undisclosed-recipients:;",
      "Griepprik 2025: wie, wanneer, waar", html="""<html><body><h2>Griepprik 2025</h2>
<p>Bent u 60 jaar of ouder, of heeft u een chronische aandoening zoals diabetes, COPD, astma, hartfalen of een verminderde nierfunctie? Dan krijgt u een uitnodiging voor de griepprik.</p>
<table border="1"><tr><th>Datum</th><th>Tijd</th><th>Achternaam</th></tr><tr><td>zaterdag 11 oktober</td><td>09:00-12:00</td><td>A t/m K</td></tr><tr><td>zaterdag 11 oktober</td><td>13:00-16:00</td><td>L t/m Z</td></tr></table>
<p>Neem uw uitnodigingsbrief mee. Heeft u koorts op die dag? Kom dan niet, maar bel voor een nieuwe afspraak.</p></body></html>""", cte="qp")

    M("0000", "hard-neg;anonymised-case;intervision;health-words", DRV, [("Intervisiegroep HA Zeist", "intervisie-zeist@praktijk-hetanker.nl")],
      "casus voor donderdag", """Hoi allen,

Mijn casus voor de intervisie van donderdag:

Een vrouw van midden vijftig komt al een jaar ongeveer maandelijks met wisselende klachten: moeheid, buikpijn, hoofdpijn, slecht slapen. Uitgebreid lab (Hb, TSH, glucose, nierfunctie, leverfuncties, BSE) steeds normaal. Ze vraagt nu om een verwijzing naar de neuroloog 'voor de zekerheid'. Ik merk dat ik geïrriteerd raak en dat wil ik bespreken: hoe houd je de regie zonder de relatie te schaden, en wanneer verwijs je toch?

Tot donderdag,
Eline""", cte="qp")

    n = E()
    M("0000", "hard-neg;it-ticket;elfproef-ticket;helpdesk", ("IT Zorgnet helpdesk", "servicedesk@zorg-ict.example"), ASS,
      f"[Ticket {n}] Printer spreekkamer 2 geeft foutcode", f"""Beste Sanne,

Uw melding is geregistreerd onder ticketnummer {n}. Een monteur komt donderdag tussen 13:00 en 17:00. Tip: zet de printer tot die tijd uit en weer aan als de foutcode 49.4C02 terugkomt.

Met vriendelijke groet,
Servicedesk Zorg-ICT
T +31 30 800 1234""", cte="7bit")

    rows = [["Naam", "Functie", "Ma", "Di", "Wo", "Do", "Vr", "Mobiel"],
            ["Sanne Kuipers", "assistente", "x", "x", "", "x", "x", "06-21345678"],
            ["Mariam El Idrissi", "assistente", "x", "", "x", "x", "", "06-33445566"],
            ["Joke Brinkman", "POH-S", "", "x", "x", "", "x", "06-44556677"],
            ["Thijs de Graaf", "POH-GGZ", "x", "", "", "x", "", "06-55667788"]]
    M("0000", "hard-neg;staff-roster;xlsx;staff-phones", MGR, [DRV, DRB, DRH], "Rooster april", "Hierbij het rooster voor april. Let op: 18 april (Goede Vrijdag) zijn we gesloten.\nIngrid", att=[("rooster_april_2025.xlsx", xlsx(rows, "april"))])

    M("0000", "out-of-office;auto-reply", DRB, ("Laboratorium", "uitslagen@lab-midden.example"), "Automatisch antwoord: uitslagen week 11",
      "Ik ben afwezig tot en met 24 maart. Voor dringende zaken kunt u contact opnemen met mijn collega dr. E. van Vliet of met de assistente via 030-6921140.\n\nBram Oosterhuis", cte="7bit", hdrs=[("Auto-Submitted", "auto-replied")])

    M("0000", "hard-neg;protocol;bsn-word-no-number;medication-words", POH, [DRV, DRB, DRH, ASS, ASM],
      "Werkafspraak insuline-start (concept)", """Collega's,

Concept werkafspraak voor het starten met insuline bij DM2, graag commentaar vóór de werkoverleg:

1. Indicatie: HbA1c > 53 mmol/mol ondanks maximale orale therapie (metformine 1000 mg 2dd1 + gliclazide).
2. Start NPH-insuline 10 E voor de nacht; titreren met 2 E per 3 dagen op nuchtere glucose 4-7 mmol/l.
3. Controleer bij elke nieuwe patiënt het BSN en de verzekering vóór het aanvragen van hulpmiddelen.
4. Hypo-instructie en rijbewijs bespreken (CBR-eisen).

Groet,
Joke""", cte="qp")

    n = E()
    M("0000", "hard-neg;order-confirmation;elfproef-order;article-numbers", ("Webshop Praktijkbenodigdheden", "orders@praktijkshop.example"), MGR,
      f"Orderbevestiging {n}", f"""Bedankt voor uw bestelling!

Ordernummer: {n}
Klantnummer: 208831

Art.nr     Omschrijving                          Aantal  Prijs
{F()}  Urinestrips Combur-10 (100 st)         2       € 64,90
{F()}  Spekel lancetten 200 st                1       € 18,50
{F()}  Vingerpulsoximeter                     1       € 39,95

Verwachte levering: 2-3 werkdagen. Track & Trace: 3SPRKS{R.randint(10**8, 10**9)}

Praktijkshop B.V. - KvK 62113874 - btw NL854301922B01""", cs="iso-8859-1", cte="qp")

    M("0000", "hard-neg;statistics;aggregate;csv", MGR, ("Zorggroep Utrecht-Oost", "kwaliteit@zorggroep-uo.example"),
      "Kwaliteitscijfers ketenzorg 2024", "Beste Hanneke,\n\nHierbij de geaggregeerde cijfers van onze praktijk voor de jaarrapportage. Er staan geen patiëntgegevens in.\n\nIngrid",
      att=[("ketenzorg_2024.csv", "indicator;teller;noemer;percentage\nDM2 HbA1c gemeten;402;431;93.3\nDM2 HbA1c <= 53;288;402;71.6\nCOPD longfunctie;97;118;82.2\nCVRM rookstatus;711;790;90.0\nGriepprik 60+;1512;2366;63.9\n", "qp")])

    M("0000", "newsletter;nhg;health-words;generic", ("NHG Nieuwsbrief", "nieuwsbrief@nhg-nieuws.example"), DRH,
      "NHG-nieuwsbrief: herziene standaard Astma bij volwassenen", """In deze nieuwsbrief:

- Herziene NHG-Standaard Astma bij volwassenen: ICS-formoterol zo nodig als eerste stap.
- Webinar: 'Deprescribing bij kwetsbare ouderen' op 10 april.
- Nieuw in de NHG-Behandelrichtlijn: medicamenteuze behandeling van hypertensie bij ouderen.

Afmelden? Klik hier.""", cte="7bit")

    M("0000", "meeting-minutes;odt;practice-meeting", MGR, [DRV, DRB, DRH, ASS, ASM, POH, POG], "notulen werkoverleg 6 maart",
      "Zie bijlage, graag aanvullingen voor vrijdag.", att=[("notulen_werkoverleg_0603.odt", odt(["Notulen werkoverleg 6 maart 2025", "Aanwezig: allen behalve Thijs", "1. Nieuwe telefooncentrale per 1 mei, keuzemenu wordt ingekort.",
        "2. Triage: NTS-urgentie U3 binnen 24 uur; assistentes krijgen opfriscursus in april.", "3. Spirometer gekalibreerd; POH plant COPD-controles in juni.", "4. Vakantieplanning zomer: inleveren voor 1 april."]))])

    M("0000", "english;conference;newsletter;health-words", ("WONCA Europe", "events@wonca-conf.example"), DRV,
      "Early bird registration: WONCA Europe 2025", "Dear Dr van Vliet,\n\nJoin 4,000 family doctors in Lisbon! Sessions include multimorbidity, antimicrobial stewardship, cancer diagnosis in primary care and planetary health. Early bird closes 31 March.\n\nThe organising committee", cte="7bit")

    M("0000", "reply-to-patient;opening-hours;clean-patient-reply", ASS, ("Dhr. van Dam", "vandam.r@mail.example"), "Re: openingstijden Pasen",
      "Beste meneer Van Dam,\n\nOp Tweede Paasdag zijn we gesloten. Voor spoed kunt u dan de huisartsenpost bellen: 0900-4500145.\n\nVriendelijke groet,\nSanne" + Q("Is de praktijk met Pasen open?\nR. van Dam", "vandam.r@mail.example", "do 10 apr 2025"), cte="7bit")

    n = E()
    M("0000", "hard-neg;insurer-contract;elfproef-contract-number;agb", MGR, ("Zorginkoop Zorgverzekeraar Zuid", "zorginkoop@zorgverzekeraar.example"),
      "Re: contract 2026", f"""Beste mevrouw Klomp,

Hierbij bevestig ik dat wij het contract (contractnummer {n}) voor 2026 digitaal hebben ondertekend via VECOZO. Ons AGB-code praktijk is 01-054321, de AGB-codes van de huisartsen zijn 01-012345, 01-023456 en 01-034567.

Met vriendelijke groet,
Ingrid Smulders""", cte="qp")

    M("0000", "hard-neg;it;password-reset;numeric-codes", ("Microsoft 365", "no-reply@zorg-ict.example"), ASM,
      "Uw verificatiecode", f"Uw verificatiecode is {R.randint(100000, 999999)}. Deze code verloopt over 10 minuten.\nReferentie: {E()}\nAls u deze code niet heeft aangevraagd, negeer dan dit bericht.", cte="7bit")

    M("0000", "supplier;vaccine-delivery;lot-numbers", ("RIVM Vaccinvoorziening", "vaccins@rivm-distributie.example"), ASS,
      "Levering griepvaccins", f"Geachte praktijk,\n\nUw bestelling van 800 doses influenzavaccin wordt op 29 september tussen 8:00 en 12:00 geleverd. Batchnummer {F()}, houdbaar tot 06-2026. Zorg dat de koelkast vrij is (2-8 °C).\n\nVaccinvoorziening", cte="qp")

    M("0000", "hard-neg;blank-form;field-labels-bsn;template", MGR, ("Drukkerij Zeist", "info@drukkerij-zeist.example"), "drukproef inschrijfformulier",
      "Hallo,\n\nGraag 500 stuks van het bijgevoegde inschrijfformulier, A4 dubbelzijdig.\n\nIngrid",
      att=[("inschrijfformulier_v3.docx", docx(["Inschrijfformulier nieuwe patiënten", "Naam: ______________________   Geboortedatum: ___-___-______", "BSN: _________________   Zorgverzekeraar: ______________",
             "Gebruikt u medicijnen?  ja / nee   Zo ja, welke: ______________", "Allergieën: ______________________", "Handtekening: ____________"]))])

    M("0000", "english;anonymised-case;peer-review;health-words", DRB, ("Balint group", "balint@gp-network.example"),
      "Case for Tuesday", "Hi all,\n\nCase for Tuesday: a man in his forties with chronic low back pain who is off work and asks for oxycodone repeatedly. Imaging normal. I feel stuck between empathy and worry about dependence. Looking forward to your thoughts.\n\nBram", cte="7bit")

    M("0000", "staff-vcard;supplier-rep;vcf", ("Lisa van Beek - Medisch Depot", "l.vanbeek@medisch-depot.example"), MGR, "Mijn nieuwe gegevens",
      "Beste Ingrid, vanaf 1 april ben ik jullie accountmanager. Mijn contactgegevens in de bijlage.\nLisa",
      att=[("Lisa van Beek.vcf", "BEGIN:VCARD\nVERSION:3.0\nN:van Beek;Lisa;;;\nFN:Lisa van Beek\nORG:Medisch Depot B.V.\nTITLE:Accountmanager\nTEL;TYPE=WORK:+31 30 799 2010\nTEL;TYPE=CELL:+31 6 1234 5678\nEMAIL:l.vanbeek@medisch-depot.example\nEND:VCARD\n", "7bit")])

    M("0000", "hard-neg;bank;iban;direct-debit;contract", ("Rabobank Zakelijk", "zakelijk@bank.example"), MGR, "Incassomachtiging gewijzigd",
      f"Geachte relatie,\n\nDe incassomachtiging voor rekening NL20 RABO 0300 0652 64 is gewijzigd. Kenmerk machtiging: {E()}. Incassant-ID NL98ZZZ302187750000.\n\nMet vriendelijke groet,\nRabobank", cte="7bit")

def clean_2():
    M("0000", "generic-patient-info;english;opening-hours;expats", INFO, "undisclosed-recipients:;", "Information for English-speaking patients",
      "Dear patients,\n\nOur practice is open Monday to Friday from 8:00 to 17:00. For urgent medical problems outside these hours, call the GP out-of-hours service (huisartsenpost) on 0900-4500145. In a life-threatening emergency, call 112.\n\nRepeat prescriptions can be requested via the patient portal before 10:00; they are ready at your pharmacy two working days later.\n\nHuisartsenpraktijk De Berk", cte="7bit")

    n = E()
    M("0000", "hard-neg;elfproef-number;track-trace-style;lab-courier", ASM, ("Koerier Lab Midden", "koerier@lab-midden.example"),
      f"Ophaalopdracht {n}", f"Goedemorgen,\n\nVandaag graag 2 extra ophaalmomenten (11:30 en 15:30), er staan veel buizen klaar door de CVRM-week. Opdrachtnummer {n}.\n\nMariam, assistente", cte="7bit")

    M("0000", "hard-neg;health-words;hospital-news;specialist-names", ASS, [DRV, DRB, DRH], "Fwd: nieuwe specialisten Rijnmond",
      """Ter info.

-------- Doorgestuurd bericht --------
Van: Transmurale zaken <transmuraal@ziekenhuis-rijnmond.test>

Per 1 april versterken drs. K. Ahmadi (maag-darm-leverarts) en dr. P. Smit (cardioloog, aandachtsgebied hartfalen) ons team. Verwijzen kan via Zorgdomein. De wachttijd voor de polikliniek Cardiologie is gedaald naar 3 weken; voor verdenking maligniteit geldt de 'snelle lijn' binnen 5 werkdagen.""", cte="qp")

    M("0000", "it;mail-migration;phone-like", ("Zorg-ICT", "projecten@zorg-ict.example"), MGR, "Planning migratie HIS zaterdag",
      "Beste Ingrid,\n\nDe migratie naar de nieuwe HIS-versie staat gepland op zaterdag 22 maart van 08:00 tot 14:00. Noodnummer die dag: +31 6 1234 5678. Na afloop graag een testconsult en testrecept maken op de testpatiënt.\n\nProjectteam Zorg-ICT", cte="7bit")

    M("0000", "hard-neg;staff-only;sick-without-reason;roster-change", MGR, [ASS, ASM], "morgen", "Dames, Joke is morgen afwezig, haar spreekuur wordt verzet. Willen jullie de patiënten bellen? De lijst staat in het HIS onder haar agenda.\nIngrid", cte="7bit")

    M("0000", "cleaning;supplier;invoice-reference", MGR, ("Schoonmaakbedrijf Glans", "planning@glans-schoonmaak.example"), "extra schoonmaak",
      f"Hallo,\n\nKunnen jullie na de verbouwing op 4 april een extra schoonmaakronde doen in de spreekkamers en het laboratoriumhoekje? Graag offerte onder vermelding van ons debiteurnummer 55120.\n\nIngrid", cte="qp")

    M("0000", "hard-neg;icpc-code-list;generic;health-words", DRH, [DRV, DRB, POH, POG], "codeerafspraken ICPC",
      """Collega's,

Ter herinnering onze codeerafspraken voor de ketenzorg:
T90.02 Diabetes mellitus type 2
K86 Hypertensie zonder orgaanbeschadiging
R95 COPD
P76 Depressie (alleen na bevestiging, anders P03)
K77 Decompensatio cordis

Episodes zonder ICPC-code tellen niet mee in de kwaliteitsrapportage.

HJ""", cte="7bit")

    M("0000", "newsletter;gemeente;wmo;generic", ASS, [DRV, POH], "Fwd: nieuwsbrief sociaal domein", """Misschien handig voor de POH.

---------- Forwarded message ---------
From: Gemeente Zeist <nieuwsbrief@gemeente-zeist.example>

Nieuwsbrief Sociaal Domein - maart
* Vanaf 1 mei andere openingstijden Wmo-loket
* Mantelzorgwaardering 2025 aanvragen kan tot 1 juli
* Nieuw: spreekuur schuldhulpverlening in de bibliotheek""", cte="qp")

    n = E()
    M("0000", "hard-neg;telecom-invoice;elfproef-invoice;phone-numbers", MGR, ("Administratiekantoor", "p.dekker@accountantskantoor.example"),
      "Fwd: factuur telefonie", f"""Peter, voor de boekhouding.

-----Original Message-----
From: Zakelijk Telecom <facturen@telecom.example>

Factuurnummer: {n}
Klantnummer: 7.010.884
Periode: februari 2025
Aansluitingen: 030-6921140, 030-6921141, 06-21345678
Totaal: € 212,37 (incl. btw)
Wordt automatisch afgeschreven van NL91 ABNA 0417 1643 00.""", cte="qp")

    M("0000", "hard-neg;anonymised;aggregate-complaints;annual-report", MGR, ("Bestuur coöperatie", "bestuur@huisartsen-coop.example"), "Klachtenoverzicht 2024",
      "Beste bestuur,\n\nIn 2024 ontvingen wij 7 klachten: 3 over bereikbaarheid, 2 over bejegening aan de balie, 1 over een gemiste diagnose (afgehandeld, geen verwijtbaar handelen) en 1 over een factuur. Er zijn geen namen of dossiergegevens in dit overzicht opgenomen.\n\nIngrid Smulders", cte="qp")

    M("0000", "calendar-invite;staff-meeting;ics", POH, [DRV, DRB, DRH, POG], "Uitnodiging: Overleg diabeteszorg",
      "Graag jullie aanwezigheid.", att=[("overleg.ics", """BEGIN:VCALENDAR
VERSION:2.0
METHOD:REQUEST
BEGIN:VEVENT
UID:overleg-dm-0417@praktijk-deberk.nl
DTSTAMP:20250320T080000Z
DTSTART:20250417T121500Z
DTEND:20250417T131500Z
SUMMARY:Overleg diabeteszorg (insulinestart\\, voetzorg\\, nieuwe NHG-standaard)
LOCATION:Koffiekamer
ORGANIZER;CN=Joke Brinkman:mailto:j.brinkman@praktijk-deberk.nl
END:VEVENT
END:VCALENDAR
""", "qp")])

    M("0000", "vacancy;job-ad;html", MGR, ("Vacaturebank Zorg", "plaatsen@zorgvacatures.example"), "Vacature doktersassistent 24-32 uur",
      html="<html><body><h3>Doktersassistent (24-32 uur)</h3><ul><li>MBO-4 doktersassistent</li><li>Ervaring met triage (NTS) en HIS Medicom is een pré</li><li>Salaris conform cao Huisartsenzorg schaal 5</li></ul><p>Reageren voor 15 april naar i.smulders@praktijk-deberk.nl.</p></body></html>", cte="qp")

    M("0000", "recall-notice;device;lot-numbers;generic", ASS, [POH, DRH], "Fwd: FSCA bloedglucosemeter", f"""Ter info: onze patiënten met dit type meter moeten door de apotheek benaderd worden, niet door ons.

> Field Safety Notice - GlucoCheck Pro teststrips
> Lotnummers {F()} en {F()} kunnen bij temperaturen > 30 °C te lage waarden geven. Patiënten adviseren de strips bij kamertemperatuur te bewaren.""", cte="qp")

    M("0000", "hard-neg;elfproef-number;article-number-context;xlsx-order", MGR, ("Medisch Depot", "orders@medisch-depot.example"), "bestelling april",
      "Bijgaand onze bestelling.", att=[("bestelling_april.xlsx", xlsx([["Artikelnummer", "Omschrijving", "Aantal"], [int(E()), "Spuiten 2 ml Luer", 200], [int(E()), "Naalden 23G", 200], [int(F()), "Gaasjes 10x10 steriel", 50]], "bestelling"))])

    M("0000", "english;it-vendor;security-alert;generic", ("Security team Zorg-ICT", "security@zorg-ict.example"), [MGR], "Phishing warning",
      "Hello,\n\nWe see phishing mails pretending to be from 'ZorgMail' asking users to 'verify your mailbox'. Do not click links; report them to security@zorg-ict.example. Reminder: never send patient data (BSN, diagnoses) via unencrypted mail.\n\nSecurity team", cte="7bit")

    M("0000", "hard-neg;pharmacy-formulary;generic-medication", ("Apotheek Zeist Centrum", "apotheek@apotheek-zeistcentrum.example"), [DRV, DRB, DRH], "FTO-verslag maart",
      "Beste huisartsen,\n\nAfspraken FTO maart:\n- Bij nieuwe patiënten met AF voorkeur voor apixaban 5 mg 2dd1, dosisreductie volgens criteria.\n- Omeprazol 20 mg als eerste keus maagbescherming bij NSAID > 70 jaar.\n- Tekort amoxicilline-suspensie: alternatief feneticilline.\n\nGroet, de apothekers", cte="qp")

    M("0000", "thank-you;patient-name-only;no-health", ASS, [DRV], "Fwd: bedankt", "Leuk om te lezen!\n\n> Van: Familie Brouwers\n> Wij willen het hele team bedanken voor de fijne zorg de afgelopen jaren. Wij verhuizen naar Groningen en zullen jullie missen!\n> Groet, Anton en Els Brouwers", cte="7bit")

    M("0000", "hard-neg;fhir-capability-statement;structured;no-patient", ("Zorg-ICT", "projecten@zorg-ict.example"), DRH, "koppeling FHIR - specificatie",
      "Beste Hoekstra, ter informatie de capability statement van het nieuwe portaal.",
      att=[("capability.json", b'{"resourceType":"CapabilityStatement","status":"active","date":"2025-02-01","kind":"instance","fhirVersion":"4.0.1","format":["json"],"rest":[{"mode":"server","resource":[{"type":"Patient","interaction":[{"code":"read"},{"code":"search-type"}],"searchParam":[{"name":"identifier","type":"token","documentation":"BSN via system http://fhir.nl/fhir/NamingSystem/bsn"}]},{"type":"MedicationRequest","interaction":[{"code":"read"}]}]}]}')])

    M("0000", "seed-style;secure-mail-tips;generic", MGR, [DRV, DRB, DRH, ASS, ASM, POH, POG], "Tips veilig mailen",
      """Beste collega's,

Naar aanleiding van het incident bij een andere praktijk nog even de afspraken:
- Gebruik voor medische gegevens altijd de beveiligde mail (ZorgMail/Zivver), nooit Gmail of Hotmail.
- Zet geen BSN of diagnose in de onderwerpregel.
- Controleer het adres van de ontvanger twee keer, let op autoaanvullen.
- Deel nooit inloggegevens, ook niet met een collega.
- Een wachtwoord van een beveiligd bestand stuur je via een ander kanaal (sms of telefoon).

Ingrid""", cte="qp")

    M("0000", "english;pharma-rep;meeting-request", ("Sarah Collins", "s.collins@pharma-company.example"), DRB, "Meeting request - new GLP-1 data",
      "Dear Dr Oosterhuis,\n\nI'd love to share the latest cardiovascular outcome data on our GLP-1 receptor agonist in a 15-minute meeting. Would Tuesday 8 April at 12:30 suit you?\n\nKind regards,\nSarah Collins, Medical Science Liaison", cte="7bit")

# ================================================================ main
def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=os.path.dirname(os.path.abspath(__file__)))
    a = ap.parse_args()
    for fn in (sensitive_1, sensitive_2, sensitive_3, sensitive_4, sensitive_5, sensitive_6, sensitive_7,
               clean_1, clean_2, clean_3, clean_4):
        fn()
    order = list(range(len(MSGS)))
    SHUF.shuffle(order)
    rows = ["file\tbsn\thealth\tpersonal\tunscannable\tnote"]
    os.makedirs(a.out, exist_ok=True)
    named = []
    for k, idx in enumerate(order, 1):
        named.append((f"msg-{k:03d}.eml", MSGS[idx]))
    for name, (labels, note, msg, lf, trunc, raw_edit) in named:
        bio = io.BytesIO()
        BytesGenerator(bio, mangle_from_=False, policy=_pol.compat32.clone(linesep="\n" if lf else "\r\n")).flatten(msg)
        data = bio.getvalue()
        if trunc:
            data = data[: int(len(data) * trunc)]
        with open(os.path.join(a.out, name), "wb") as fh:
            fh.write(data)
        rows.append("\t".join([name] + list(labels) + [note + (";lf" if lf and "lf" not in note.split(";") else "")]))
    rows = rows[:1] + sorted(rows[1:])
    with open(os.path.join(a.out, "labels.tsv"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write("\n".join(rows) + "\n")
    print(f"{len(MSGS)} messages written to {a.out}")



def sensitive_7():
    M("0010", "job-application;cv;pdf;personal-no-health", MGR, [DRV, DRH], "sollicitatie doktersassistent",
      "Hierbij de beste sollicitant tot nu toe, wat vinden jullie? Gesprek voorstel: 8 april.\nIngrid",
      att=[("CV_Jasmijn_Koster.pdf", pdf(["Curriculum Vitae", "Jasmijn Koster", "Geboren: 19-05-1998", "Adres: Montaubanstraat 88, 3701 HS Zeist", "Tel: 06-40981276",
                                           "2019-2024 doktersassistent Huisartsenpraktijk Driebergen", "Opleiding: MBO-4 Doktersassistent, ROC Midden Nederland"]))])

    M("0100", "lay-words;no-medical-term;english;elderly-forward", ASS, DRB, "Fwd: my husband", """Bram, from mrs Taylor:

> Dear doctor, Graham has not been himself since Sunday. He can't find his words, the left side of his mouth droops a bit and he drops his cup. He says it's nothing. Should I bring him in?
> Margaret Taylor""", cte="7bit")

    b = B()
    M("1110", "csv-semicolon;lsp-consent-list;bsn;health-in-one-row", MGR, ("Regionaal Zorgnetwerk", "lsp@zorgnetwerk.example"),
      "toestemmingen LSP", "Hierbij de correcties op de toestemmingsregistratie.\nIngrid",
      att=[("lsp_toestemming.csv", f"bsn;achternaam;geboortedatum;toestemming;reden_bezwaar\n{b};Dam, van;1977-02-14;nee;\n{B()};Wuyts;1983-10-09;ja;\n{B()};El Khatib;1999-12-30;nee;behandeld voor hiv, wil geen inzage\n", "b64")])

    M("0100", "teams-chat-export;internal;txt", DRB, DRV, "chat export", "Eline, ons chatgesprek van vanochtend voor in het dossier.",
      att=[("chat_0312.txt", "[08:12] Bram: die meneer van 9:30 (Veenstra) had toch die afwijkende ECG?\n[08:13] Eline: ja, nieuw LBTB. Ik heb cardio gebeld, hij kan vandaag op de SEH terecht\n[08:14] Bram: top, ik licht hem in\n", "8bit")])

    M("0110", "insurer-abroad;german;quote-reply;dob", DRV, ("Krankenkasse", "leistung@krankenkasse.example"), "AW: Anfrage Behandlungsbericht",
      "Sehr geehrte Damen und Herren,\n\nHerr Jonas Becker (geb. 04.08.1990) wurde am 3. und 10. März wegen einer Lungenentzündung behandelt (Amoxicillin 750 mg 3x täglich). Die Rechnung folgt separat.\n\nMit freundlichen Grüßen\nDr. E. van Vliet" +
      Q("Bitte senden Sie uns einen kurzen Behandlungsbericht für unseren Versicherten.", "Krankenkasse", "12.03.2025"), cs="iso-8859-1", cte="qp")

    M("0100", "poh-ggz;telegram;abbrev;surname-only", POG, DRH, "Kamphuis", "HJ - dhr. Kamphuis (do) stemming beter, slaapt weer, sertraline 50 werkt. Afbouw na zomer? T.", cte="7bit")

    b = B()
    M("1011", "encrypted-pdf;name-dob-in-body;bsn-in-pdf", ASM, ("Belastingdienst toeslagen", "toeslagen@belastingdienst.example"),
      "gevraagde inschrijvingsverklaring", "Geachte heer/mevrouw,\n\nHierbij de inschrijvingsverklaring van mevrouw Saskia Timmermans (geboren 02-07-1980), met wachtwoord beveiligd.\n\nMet vriendelijke groet,\nMariam El Idrissi",
      att=[("inschrijving_timmermans.pdf", pdf(["Verklaring inschrijving huisartsenpraktijk", "Saskia Timmermans", f"BSN {b}", "Ingeschreven sinds 01-01-2010"], encrypt=True))])

    M("0110", "ggz-letter;odt;dob;reply", POG, ("Psychiater", "poli@ggz-centraal.example"), "terugrapportage",
      "Dank voor uw brief, hierbij ons verslag.", att=[("verslag_POH-GGZ.odt", odt(["Verslag POH-GGZ", "Cliënt: Bas Verhagen, 11-04-1994", "Klachten: paniekaanvallen, vermijding, alcoholgebruik 4-5 eenheden per dag", "Behandeling: 7 gesprekken, verwezen naar SGGZ"]))])

def clean_3():
    n = E()
    M("0000", "hard-neg;pdf-invoice;elfproef-invoice-in-pdf", MGR, ("Administratiekantoor", "p.dekker@accountantskantoor.example"),
      "facturen maart", "Peter, de facturen van maart. De grote is van de nieuwe ECG-apparatuur.\nIngrid",
      att=[(f"factuur_{n}.pdf", pdf(["Cardio Devices Benelux B.V.", f"Factuurnummer: {n}", "Factuurdatum: 14-03-2025", "1x ECG-apparaat CardioRest 12-afleidingen   EUR 3.450,00",
                                      "1x Onderhoudscontract 3 jaar   EUR 690,00", "BTW 21%   EUR 869,40", "IBAN NL02 INGB 0001 2345 67  KvK 58119023"]))])

    M("0000", "generic-health-info;patient-letter-template;docx", POH, [ASS, ASM], "nieuwe folder voetzorg",
      "Dames, wil je deze folder voortaan meegeven bij de diabetescontrole?", att=[("folder_voetzorg.docx", docx(["Goed voor uw voeten zorgen bij diabetes",
        "Bij diabetes kan het gevoel in uw voeten minder worden. Een wondje merkt u dan soms niet op.", "Kijk elke dag naar uw voeten, gebruik zo nodig een spiegel.",
        "Loop niet op blote voeten en controleer uw schoenen op steentjes.", "Ziet u een wondje dat na 2 dagen niet beter wordt? Bel de praktijk."]))])

    M("0000", "english;it;backup-report;numbers", ("Backup Service", "reports@zorg-ict.example"), MGR, "Backup report: success",
      f"Job: HIS-nightly\nStatus: Success\nFiles: {F()}\nSize: 41.2 GB\nDuration: 01:12:43\nJob ID: {E()}\n", cte="7bit")

    M("0000", "hard-neg;anonymised-case;nascholing;dutch;long", DRH, ("Nascholingscommissie", "nascholing@huisartsen-coop.example"),
      "casuïstiek voor de FTO-avond", """Beste commissie,

Voor de FTO-avond over polyfarmacie stel ik de volgende (volledig geanonimiseerde) casus voor:

Een 84-jarige man, woonachtig in een verzorgingshuis, gebruikt 14 geneesmiddelen, waaronder twee middelen met anticholinerge werking, een benzodiazepine voor de nacht en een diureticum. Hij valt de laatste maanden vaker en is overdag suf. Nierfunctie matig verminderd.

Vragen voor de groep:
1. Welke middelen zou u als eerste afbouwen?
2. Hoe betrekt u de familie en de apotheker?
3. Welke rol heeft de specialist ouderengeneeskunde?

Ik kan de casus inleiden in 10 minuten.

Met vriendelijke groet,
H.J. Hoekstra""", cte="qp")

    M("0000", "hard-neg;wachtkamerscherm;generic;health-words", MGR, ("Wachtkamer TV", "content@wachtkamer-tv.example"), "teksten scherm april",
      "Graag deze teksten in april op het scherm:\n1. Stoppen met roken? Onze POH helpt u.\n2. Hooikoorts? Vraag de apotheek naar een neusspray.\n3. Nieuw: online herhaalrecepten via het portaal.\n4. Bent u 75+ en woont u alleen? Vraag naar ons ouderenspreekuur.\nIngrid", cte="7bit")

    M("0000", "hard-neg;staff-birthday;personal-staff;dob-staff", ASM, [DRV, DRB, DRH, ASS, POH, POG, MGR], "taart!",
      "Morgen is Sanne jarig (40!), ik neem taart mee. Zegt het niet verder ;-)\nMariam", cte="7bit")

    M("0000", "hard-neg;zip-protocols;docx-in-zip;generic", DRV, [DRB, DRH], "protocollen voor de visitatie",
      "Bijgaand alle protocollen voor de NHG-accreditatie in één zip.", att=[("protocollen_2025.zip", zipf([("triage.docx", docx(["Triageprotocol", "Pijn op de borst: altijd U1 of U2, arts direct inlichten."])),
        ("wondzorg.docx", docx(["Protocol wondzorg", "Hechtingen verwijderen: gelaat dag 5, romp dag 10, ledematen dag 14."])), ("meldcode.txt", "Meldcode huiselijk geweld en kindermishandeling - 5 stappen")]))])

    M("0000", "clean-reply-to-patient;registration;no-health", ASS, ("Nina Jansen", "nina.jansen@mail.example"), "Re: inschrijven",
      "Beste Nina,\n\nWelkom! Je kunt je inschrijven met het formulier op onze website. Neem bij je eerste bezoek je ID-bewijs en zorgpas mee.\n\nGroet,\nSanne" + Q("Hoi, ik ben net in Zeist komen wonen en wil me inschrijven. Neemt u nog patiënten aan?\nNina", "Nina Jansen", "ma 3 mrt 2025"), cte="7bit")

    M("0000", "hard-neg;elfproef-number;reference-number;municipality-parking", MGR, ("Parkeerbeheer gemeente", "parkeren@gemeente-zeist.example"), "Bezwaar naheffingsaanslag",
      f"Geachte heer/mevrouw,\n\nIk maak bezwaar tegen naheffingsaanslag met aanslagnummer {E()}. De auto van onze huisarts stond met artsenkaart op de parkeerplaats voor een visite.\n\nMet vriendelijke groet,\nIngrid Smulders", cte="7bit")

    M("0000", "english;newsletter;research;health-words", ("BMJ Alerts", "alerts@journal.example"), DRB, "This week: SGLT2 inhibitors in heart failure",
      "Research: SGLT2 inhibitors reduce hospitalisation in heart failure with preserved ejection fraction.\nEditorial: Burnout among general practitioners.\nPractice pointer: Managing suspected cauda equina syndrome in primary care.", cte="7bit")

    M("0000", "hard-neg;lab-reference-change;generic", ASS, [DRV, DRB, DRH, POH], "Fwd: wijziging referentiewaarden",
      "-------- Doorgestuurd bericht --------\nVan: Lab Midden-Nederland\n\nPer 1 april wijzigen de referentiewaarden voor eGFR (CKD-EPI 2021) en TSH (0.4-4.0 mU/l). Uitslagen worden automatisch herberekend. Testcode eGFR blijft 300112345.", cte="qp")

    M("0000", "rooster-avond;hap-shifts;staff-names", MGR, [DRV, DRB, DRH], "HAP-diensten Q2",
      html="<table border='1'><tr><th>Datum</th><th>Dienst</th><th>Arts</th></tr><tr><td>5 april</td><td>avond</td><td>Van Vliet</td></tr><tr><td>19 april</td><td>nacht</td><td>Oosterhuis</td></tr><tr><td>3 mei</td><td>weekend dag</td><td>Hoekstra</td></tr></table>", cte="qp")

    M("0000", "hard-neg;anonymised-statistics;xlsx;ages", POH, DRH, "cijfers COPD-zorg",
      "HJ, de geanonimiseerde cijfers voor het jaarverslag (alleen leeftijdsgroepen).", att=[("copd_cijfers.xlsx", xlsx([["Leeftijdsgroep", "Aantal", "GOLD 1-2", "GOLD 3-4", "Exacerbatie 2024"], ["40-59", 21, 17, 4, 3], ["60-74", 55, 38, 17, 12], ["75+", 42, 22, 20, 15]]))])

    M("0000", "english;partner-practice;locum;no-patient", DRV, ("Dr. A. Novak", "anovak@locum-gp.example"), "Locum in July",
      "Hi Ana,\n\nGreat that you can cover for me from 7 to 25 July. You'll get access to the HIS and ZorgMail, and Ingrid will arrange your AGB registration. The morning clinic starts at 8:00.\n\nBest, Eline", cte="7bit")

    M("0000", "hard-neg;bsn-word;privacy-statement;generic", MGR, ("Webbouwer", "support@praktijkwebsite.example"), "privacyverklaring website",
      """Graag deze tekst op de website plaatsen onder 'Privacy':

Huisartsenpraktijk De Berk verwerkt persoonsgegevens zoals uw naam, adres, geboortedatum, burgerservicenummer (BSN) en medische gegevens. Wij zijn wettelijk verplicht uw BSN te gebruiken bij de communicatie met andere zorgverleners en uw zorgverzekeraar. Uw gegevens worden 20 jaar bewaard (WGBO).

Ingrid""", cte="qp")

    M("0000", "it;supplier;quote;zip-pdf", ("Zorg-ICT", "verkoop@zorg-ict.example"), MGR, "Offerte nieuwe werkplekken",
      "Beste Ingrid, in de bijlage de offerte.", att=[("offerte.zip", zipf([("offerte_Q1.pdf", pdf(["Offerte 7 werkplekken", f"Offertenummer {E()}", "Totaal EUR 9.870,00 excl. btw"]))]))])

    M("0000", "hard-neg;phone-numbers;contact-list;external-partners", ASS, [DRV, DRB, DRH, POH, POG], "telefoonlijst ketenpartners",
      "Bijgewerkte lijst:\nApotheek Zeist Centrum 030-6912233\nWijkverpleging noord 06-11223344\nVeilig Thuis 0800-2000\nCrisisdienst GGZ 030-2301122\nTrombosedienst 030-6085000\nHuisartsenpost 0900-4500145", cte="7bit")

    M("0000", "newsletter;hap;generic;health-words", ("Huisartsenpost Utrecht", "nieuws@huisartsenpost-utrecht.example"), DRH, "Nieuwsbrief HAP - drukte rond de feestdagen",
      "Beste huisartsen,\n\nIn de kerstperiode zagen we 18% meer contacten dan vorig jaar, vooral luchtweginfecties bij kinderen en valpartijen bij ouderen. Bedankt voor jullie inzet! Nieuw protocol: bij vermoeden van sepsis direct ambulance A1.\n\nHAP Utrecht", cte="7bit")

    M("0000", "english;meeting-invite;ics;research-project", DRB, ("Research team UMC", "research@umc-onderzoek.example"), "Re: participation in study",
      "Hi,\n\nWe're happy to take part in the antibiotic-prescribing study. The kick-off in the ICS works for us.\n\nBram",
      att=[("kickoff.ics", "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:kickoff-abx@umc-onderzoek.example\nDTSTAMP:20250301T100000Z\nDTSTART:20250410T140000Z\nDTEND:20250410T150000Z\nSUMMARY:Kick-off antibiotic prescribing study (practices Zeist)\nLOCATION:Online\nEND:VEVENT\nEND:VCALENDAR\n", "7bit")])

    M("0000", "hard-neg;9-digit-failing;elfproef-fail;pharmacy-order-ref", ASM, ("Apotheek De Linde", "apotheek@apotheek-delinde.example"), "bestelling spreekkamervoorraad",
      f"Goedemorgen, graag voor de spreekkamervoorraad: 2x adrenaline auto-injector, 1x diazepam rectiole 10 mg, 5x lidocaïne 1%. Onze referentie {F()}.\nMariam", cte="qp")

    M("0000", "seed-style;caren-tips;forward;generic", POH, [ASS, ASM], "Fwd: tips Caren",
      "-------- Doorgestuurd bericht --------\n\nIn een Caren-account staan persoonlijke, privacygevoelige gegevens, zoals medische gegevens. Deel nooit inloggegevens, log altijd uit op een gedeelde computer en geef alleen toegang aan mensen die u vertrouwt.", cte="qp")

    M("0000", "hard-neg;elfproef-number-in-subject;ticket", ASS, ("Servicedesk HIS", "support@his-leverancier.example"), f"RE: Melding {E()} - ZorgDomein koppeling traag",
      "Dank, het werkt weer. U kunt de melding sluiten.\nSanne", cte="7bit")

    M("0000", "english;accounting;payroll-aggregate;no-names", MGR, ("Accountant", "p.dekker@accountantskantoor.example"), "Annual figures",
      "Hi Peter,\n\nTotal payroll 2024: EUR 612,400 for 11.4 FTE. Sick leave rate 4.1%. Pension premiums paid in full. The bank statements are in the shared folder.\n\nIngrid", cte="7bit")

    M("0000", "waiting-room;music-license;supplier", MGR, ("Buma/Stemra", "klantenservice@muzieklicentie.example"), "Re: licentie wachtkamer",
      f"Geachte heer/mevrouw,\n\nWij hebben geen radio meer in de wachtkamer, graag de licentie (relatienummer {F()}) per 1 mei beëindigen.\n\nIngrid Smulders", cte="qp")

def clean_4():
    M("0000", "hard-neg;elfproef-number;postnl-return;health-product", ASM, ("Retouren Praktijkshop", "retour@praktijkshop.example"), "retour bloeddrukmeter",
      f"Hallo,\n\nDe bloeddrukmeter uit order {E()} geeft steeds 'Err 3'. We sturen hem retour met PostNL, barcode 3SPRKS{E()}.\n\nGroet, Mariam", cte="7bit")

    M("0000", "generic-health-info;hitte;patient-newsletter;multipart", INFO, "undisclosed-recipients:;", "Warm weer: tips",
      "Beste patiënten,\n\nHet wordt deze week boven de 30 graden. Drink voldoende, ook als u geen dorst heeft. Gebruikt u plastabletten of heeft u hartfalen? Overleg dan met de praktijk over de hoeveelheid vocht.\n\nHuisartsenpraktijk De Berk",
      html="<p>Beste patiënten,</p><p>Het wordt deze week boven de <b>30 graden</b>. Drink voldoende. Gebruikt u plastabletten of heeft u hartfalen? Overleg dan met de praktijk.</p>", cte="qp")

    M("0000", "hard-neg;anonymised;english;case-question-specialist", DRV, ("Dermatology e-consult", "econsult@ziekenhuis-rijnmond.test"),
      "General question: isotretinoin monitoring", "Dear colleague,\n\nA general question, not about a specific patient: which lab monitoring do you advise when we continue isotretinoin prescriptions started by you? Lipids and liver enzymes at 1 and 3 months?\n\nKind regards,\nE. van Vliet", cte="7bit")

    M("0000", "building;maintenance;lift", MGR, ("VvE Gezondheidscentrum", "beheer@gezondheidscentrum-vve.example"), "lift defect",
      "Goedemiddag,\n\nDe lift aan de achterzijde is sinds gisteren defect. Veel van onze oudere patiënten en mensen in een rolstoel komen daardoor niet op de eerste verdieping. Kan de monteur vandaag nog komen?\n\nIngrid Smulders", cte="7bit")

    M("0000", "hard-neg;csv-statistics;appointment-counts;weeks", MGR, [DRV, DRB, DRH], "drukte per week",
      "Ter bespreking bij het overleg.", att=[("consulten_per_week.csv", "week,consulten,visites,telefonisch,econsult\n2025-W09,612,18,301,74\n2025-W10,655,22,320,81\n2025-W11,701,25,344,90\n", "7bit")])

    M("0000", "training;bls;staff-names-dates", MGR, [ASS, ASM, POH, POG], "BLS-training 24 april",
      "Allen,\n\nDe jaarlijkse BLS/AED-training is op donderdag 24 april van 17:30 tot 20:30. Sanne, Mariam, Joke en Thijs staan ingeschreven. Er is soep en brood.\n\nIngrid", cte="7bit")

    M("0000", "hard-neg;epd-vendor;hl7-spec;sample-no-patient", ("HIS-leverancier", "integratie@his-leverancier.example"), DRH, "HL7 berichtdefinitie lab",
      "Beste heer Hoekstra,\n\nZoals gevraagd de berichtstructuur. Velden:\nMSH - header\nPID-3 - patiëntidentificatie (BSN, verplicht)\nPID-5 - naam\nOBX-5 - uitslagwaarde\nEr zitten in deze specificatie geen echte patiëntgegevens.\n\nIntegratieteam", cte="7bit")

    M("0000", "english;travel-vaccination-generic;patient-info", POH, ("Travel info", "info@gezondheidsdienst.example"), "Re: leaflet order",
      "Hello,\n\nWe'd like 100 copies of your English leaflet 'Travelling with diabetes' and 50 of 'Malaria prevention'. Delivery address: Berkenlaan 14, 3701 AB Zeist.\n\nThanks, Joke", cte="7bit")

    M("0000", "hard-neg;elfproef-number;kvk-like;btw;supplier-registration", MGR, ("Nieuwe leverancier", "admin@zuurstof-levering.example"), "Crediteurgegevens",
      f"Goedemiddag,\n\nVoor het aanmaken als crediteur ontvangen wij graag: KvK-nummer, btw-nummer en IBAN. Ons leveranciersnummer bij u wordt {E()}.\n\nMet vriendelijke groet,\nIngrid Smulders", cte="7bit")

    M("0000", "survey;patient-satisfaction;aggregate", MGR, [DRV, DRB, DRH, ASS, ASM, POH, POG], "uitslag patiënttevredenheid",
      "Team,\n\n312 patiënten vulden de enquête in. Gemiddeld cijfer 8,3. Pluspunten: vriendelijkheid assistentes, tijd bij de arts. Verbeterpunt: telefonische bereikbaarheid tussen 8 en 9 uur (cijfer 5,9).\n\nIngrid", cte="qp")

    M("0000", "hard-neg;dates;postcodes;agb;contract-region", MGR, ("Zorggroep Utrecht-Oost", "kwaliteit@zorggroep-uo.example"), "wijziging praktijkgegevens",
      "Vanaf 1 juni is ons nieuwe adres Berkenlaan 14, 3701 AB Zeist. AGB praktijk 01-054321 blijft gelijk. Postcodegebied inschrijving: 3701-3712.\nIngrid", cte="7bit")

    M("0000", "protocol-anonymised-example;medication-doses;generic", DRH, [ASS, ASM], "voorbeeld recept-controle",
      "Let op bij herhaalrecepten: voorbeeld uit de praktijk (geanonimiseerd): 'metformine 500 mg 2dd1' werd per ongeluk uitgeschreven als 3dd2. Controleer altijd de dosering tegen het medicatieoverzicht voordat je het recept klaarzet.\nHJ", cte="7bit")

    M("0000", "hard-neg;out-of-office;english;ooo", POG, ("Psychologist", "info@psychologenpraktijk.example"), "Out of office: Re: referral pathway",
      "I'm out of the office until 14 April with limited access to e-mail. For urgent mental-health matters, please contact the crisis service on 030-2301122.\n\nThijs de Graaf, POH-GGZ", cte="7bit", hdrs=[("Auto-Submitted", "auto-replied")])

    M("0000", "generic-health-info;polish;patient-info-translation", ASS, ("Tłumacz", "biuro@tlumaczenia.example"), "tłumaczenie ulotki",
      "Dzień dobry,\n\nProszę o przetłumaczenie naszej ulotki o szczepieniu przeciw grypie na język polski. Tekst źródłowy w załączniku.\n\nSanne Kuipers",
      att=[("griepprik_NL.txt", "Griepprik: u krijgt een uitnodiging als u 60+ bent of een chronische ziekte heeft. Komt u niet als u koorts heeft.\n", "qp")])

    M("0000", "hard-neg;turkish;generic;opening-hours", INFO, "undisclosed-recipients:;", "Ramazan - açılış saatleri",
      "Değerli hastalarımız,\n\nRamazan ayında oruç tutuyorsanız ve ilaç kullanıyorsanız, lütfen önceden doktorunuzla görüşün. Muayenehanemiz hafta içi 08:00-17:00 arası açıktır.\n\nHuisartsenpraktijk De Berk", cte="b64")

    M("0000", "hard-neg;elfproef-number;phone-context;sms-service", MGR, ("SMS-dienst", "support@sms-dienst.example"), "sms-bundel",
      f"Onze sms-bundel voor afspraakherinneringen is bijna op. Graag 5.000 extra sms'en bijboeken op account {E()}.\nIngrid", cte="7bit")

    M("0000", "hard-neg;ggz-generic;poh-ggz-offer;health-words", POG, [DRV, DRB, DRH], "aanbod POH-GGZ",
      "Collega's,\n\nVanaf april bied ik een groepstraining 'Omgaan met somberheid' aan (6 bijeenkomsten, max 8 deelnemers). Geschikt voor mensen met lichte depressieve klachten of burn-outklachten. Verwijzen via een taak in het HIS.\n\nThijs", cte="qp")

    M("0000", "vcard;colleague-gp;staff;vcf", DRV, ("Huisartsenpraktijk Het Anker", "info@praktijk-hetanker.nl"), "mijn gegevens voor de app-groep",
      "Zoals gevraagd.", att=[("Eline van Vliet.vcf", "BEGIN:VCARD\nVERSION:3.0\nN:van Vliet;Eline;;Dr.;\nFN:Dr. Eline van Vliet\nORG:Huisartsenpraktijk De Berk\nTEL;TYPE=WORK:030-6921140\nTEL;TYPE=CELL:06-14725836\nEND:VCARD\n", "7bit")])

    M("0000", "hard-neg;nested-rfc822;supplier-forward;clean", MGR, ("Administratiekantoor", "p.dekker@accountantskantoor.example"), "Fwd: betalingsherinnering",
      "Peter, kun jij kijken of deze al betaald is?", att=[("herinnering.eml", inner(("Debiteuren Medisch Depot", "debiteuren@medisch-depot.example"), MGR, "Betalingsherinnering",
        f"Geachte klant,\n\nFactuur {E()} van 31-01-2025 (€ 412,18) staat nog open. Wilt u deze binnen 14 dagen voldoen?\n\nMedisch Depot"))])

    M("0000", "frisian;generic;event-invite", INFO, "undisclosed-recipients:;", "Iepen dei sûnenssintrum",
      "Bêste pasjinten,\n\nOp sneon 12 april hâlde wy in iepen dei. Jo kinne jo bloeddruk mjitte litte en ynformaasje krije oer stopjen mei smoken.\n\nHuisartsenpraktijk De Berk", cte="qp")

    M("0000", "hard-neg;anonymised;mdo-generic;health-words;html", POH, [DRH, DRV], "agenda MDO ouderen",
      html="<p>Agenda MDO:</p><ol><li>Nieuwe werkwijze valpreventie (algemeen)</li><li>Casus: vrouw, 80+, alleenwonend, toenemend vergeetachtig (geanonimiseerd, inbreng wijkverpleging)</li><li>Afspraken met casemanager dementie</li></ol>", cte="qp")

    M("0000", "arabic;generic;patient-info;ramadan", INFO, "undisclosed-recipients:;", "معلومات للمرضى",
      "أعزائي المرضى،\nإذا كنتم تصومون وتتناولون أدوية مثل الإنسولين، يرجى التحدث مع الطبيب قبل رمضان.\nعيادة De Berk", cte="b64")

    M("0000", "hard-neg;it;laptop-serials;asset-list;xlsx", MGR, ("Zorg-ICT", "projecten@zorg-ict.example"), "inventaris laptops",
      "Zie lijst.", att=[("inventaris.xlsx", xlsx([["Serienummer", "Model", "Gebruiker", "Assetnummer"], ["5CD1234XYZ", "EliteBook 840", "Spreekkamer 1", int(E())], ["5CD9876ABC", "EliteBook 840", "Balie", int(F())]]))])

    M("0000", "english;apology;reschedule;no-health", ASS, ("Chris Martin", "chris.martin@mail.example"), "Your appointment has been moved",
      "Dear Mr Martin,\n\nUnfortunately Dr Oosterhuis is ill tomorrow. Your appointment has been moved to Friday 21 March at 9:10. Please let us know if that doesn't suit you.\n\nKind regards,\nSanne Kuipers", cte="7bit")

    M("0000", "short;internal;coffee", ASM, [ASS], "koffie", "Koffieapparaat doet het weer :)", cte="7bit", lf=True)

if __name__ == "__main__":
    main()
