#!/usr/bin/env python3
"""Generate the blind8 corpus: ~200 synthetic outgoing e-mails of a Dutch GP practice (one working week).

Python 3 standard library only, fixed seed, byte-identical output on re-run.
usage: python3 gen.py [--out DIR]   (default: the directory of this script)
"""
import base64
import quopri
import random
import struct
import zipfile
import io
import zlib

R = random.Random(20250303)


def elf_ok(d):
    s = sum((9 - i) * int(d[i]) for i in range(8)) - int(d[8])
    return s % 11 == 0


def bsn():
    while True:
        d = str(R.randint(100000000, 999999999))
        if elf_ok(d):
            return d


def elf_number(prefix=""):
    """9-digit elfproef-passing number, used as invoice/order/ticket number (not a BSN)."""
    while True:
        d = prefix + "".join(str(R.randint(0, 9)) for _ in range(9 - len(prefix)))
        if d[0] != "0" and elf_ok(d):
            return d


def non_elf():
    while True:
        d = str(R.randint(100000000, 999999999))
        if not elf_ok(d):
            return d


def fmt_bsn(b, style=0):
    if style == 1:
        return f"{b[:4]}.{b[4:6]}.{b[6:]}"
    if style == 2:
        return f"{b[:3]}.{b[3:6]}.{b[6:]}"
    if style == 3:
        return f"{b[:3]} {b[3:6]} {b[6:]}"
    return b


FIRST_F = ["Anna", "Fatima", "Joke", "Sanne", "Ineke", "Yasmina", "Gerda", "Lieke", "Agnieszka", "Naima",
           "Wilma", "Esther", "Romy", "Tineke", "Zeynep", "Marja", "Chantal", "Bep", "Ilse", "Shirley"]
FIRST_M = ["Henk", "Mohamed", "Jan", "Pieter", "Kees", "Ahmet", "Daan", "Gerrit", "Tomasz", "Rinus",
           "Sven", "Bram", "Youssef", "Wim", "Ruud", "Dennis", "Cor", "Hamza", "Frits", "Luuk"]
LAST = ["de Vries", "Jansen", "Bakker-Mulder", "El Idrissi", "Visser", "Smits", "Yildiz", "van Dijk",
        "Kowalski", "Meijer", "de Boer", "Mulder", "Boumediane", "Brouwer", "van der Heijden", "Kok",
        "Ramdin", "Postma", "Hendriks", "Dekker", "Wouters", "Sahin", "van Leeuwen", "Koster",
        "Veenstra", "Nijhuis", "Bosman", "Aydin", "Groen", "Timmermans"]
STREETS = ["Lindenlaan", "Kerkstraat", "Molenweg", "Populierenhof", "Esdoornstraat", "Dorpsstraat",
           "Wilgenring", "Van Goghplein", "Beukenlaan", "Havenkade"]
TOWNS = [("8021 KL", "Zwolle"), ("8025 BR", "Zwolle"), ("8011 AX", "Zwolle"), ("8041 PD", "Zwolle"),
         ("8091 JS", "Wezep"), ("8035 TE", "Zwolle")]


class Pt:
    def __init__(self, sex=None):
        self.sex = sex or R.choice("FM")
        self.first = R.choice(FIRST_F if self.sex == "F" else FIRST_M)
        self.last = R.choice(LAST)
        y = R.randint(1931, 2019)
        self.dob = f"{R.randint(1, 28):02d}-{R.randint(1, 12):02d}-{y}"
        self.year = y
        self.bsn = bsn()
        self.pnr = str(R.randint(10000, 99999))
        pc, town = R.choice(TOWNS)
        self.addr = f"{R.choice(STREETS)} {R.randint(1, 180)}"
        self.pc, self.town = pc, town
        self.tel = f"06-{R.randint(10000000, 99999999)}"
        self.mw = "mw." if self.sex == "F" else "dhr."
        self.Mw = "Mevrouw" if self.sex == "F" else "Meneer"
        self.zij = "zij" if self.sex == "F" else "hij"
        self.haar = "haar" if self.sex == "F" else "zijn"
        self.ini = self.first[0] + "."
        self.email = f"{self.first.lower()}.{self.last.split()[-1].lower()}{R.randint(1, 99)}@mail.example"

    @property
    def full(self):
        return f"{self.first} {self.last}"

    @property
    def formal(self):
        return f"{self.mw} {self.ini} {self.last}"


# ---------------------------------------------------------------- MIME building

_bcount = [0]


def boundary():
    _bcount[0] += 1
    return f"----=_NextPart_{_bcount[0]:04d}_{R.randint(10**9, 10**10 - 1)}"


def enc_header(s):
    try:
        s.encode("ascii")
        return s
    except UnicodeEncodeError:
        return "=?utf-8?B?" + base64.b64encode(s.encode("utf-8")).decode() + "?="


def addr(name, email):
    return f"{enc_header(name)} <{email}>" if name else email


def body_bytes(data, cte):
    """data: bytes -> encoded body bytes (LF line endings)."""
    if cte == "base64":
        return base64.encodebytes(data)
    if cte == "quoted-printable":
        return quopri.encodestring(data.replace(b"\r\n", b"\n"))
    return data.replace(b"\r\n", b"\n")


def text_part(text, subtype="plain", charset="utf-8", cte="quoted-printable"):
    data = text.encode(charset)
    if cte in ("7bit", "8bit"):
        try:
            data.decode("ascii")
            cte = "7bit"
        except UnicodeDecodeError:
            cte = "8bit"
    hdr = f"Content-Type: text/{subtype}; charset={charset}\nContent-Transfer-Encoding: {cte}\n\n".encode()
    return hdr + body_bytes(data, cte)


def att_part(data, ctype, filename, cte="base64", inline=False):
    disp = "inline" if inline else "attachment"
    hdr = (f"Content-Type: {ctype}; name=\"{filename}\"\nContent-Transfer-Encoding: {cte}\n"
           f"Content-Disposition: {disp}; filename=\"{filename}\"\n\n").encode()
    return hdr + body_bytes(data, cte)


def raw_part(hdr, body):
    return hdr.encode() + b"\n\n" + body


def multipart(subtype, parts):
    b = boundary()
    out = f"Content-Type: multipart/{subtype};\n\tboundary=\"{b}\"\n\nThis is a multi-part message in MIME format.\n".encode()
    for p in parts:
        if not p.endswith(b"\n"):
            p += b"\n"
        out += f"\n--{b}\n".encode() + p
    out += f"\n--{b}--\n".encode()
    return out


def rfc822_part(msgbytes, filename=None):
    disp = f"Content-Disposition: attachment; filename=\"{filename}\"\n" if filename else ""
    return b"Content-Type: message/rfc822\n" + disp.encode() + b"\n" + msgbytes.replace(b"\r\n", b"\n")


def message(headers, body, crlf=True):
    h = ""
    for k, v in headers:
        h += f"{k}: {v}\n"
    h += "MIME-Version: 1.0\n"
    out = h.encode() + body
    if not out.endswith(b"\n"):
        out += b"\n"
    if crlf:
        out = out.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    return out


# ---------------------------------------------------------------- attachments

ZDT = (2025, 3, 3, 9, 0, 0)


def mkzip(files):
    bio = io.BytesIO()
    with zipfile.ZipFile(bio, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files:
            zi = zipfile.ZipInfo(name, ZDT)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            z.writestr(zi, data)
    return bio.getvalue()


def _crc_table():
    t = []
    for n in range(256):
        c = n
        for _ in range(8):
            c = (0xEDB88320 ^ (c >> 1)) if c & 1 else (c >> 1)
        t.append(c)
    return t


_CT = _crc_table()


def zipcrypto_zip(files, password):
    """Write a ZIP whose entries are ZipCrypto-encrypted (stored)."""
    pwd = password.encode()
    out = b""
    central = b""
    dosdate = ((ZDT[0] - 1980) << 9) | (ZDT[1] << 5) | ZDT[2]
    dostime = (ZDT[3] << 11) | (ZDT[4] << 5) | (ZDT[5] // 2)
    for name, data in files:
        if isinstance(data, str):
            data = data.encode("utf-8")
        k = [0x12345678, 0x23456789, 0x34567890]

        def upd(c):
            k[0] = (k[0] >> 8) ^ _CT[(k[0] ^ c) & 0xFF]
            k[1] = ((k[1] + (k[0] & 0xFF)) * 134775813 + 1) & 0xFFFFFFFF
            k[2] = (k[2] >> 8) ^ _CT[(k[2] ^ (k[1] >> 24)) & 0xFF]

        for c in pwd:
            upd(c)
        crc = zlib.crc32(data) & 0xFFFFFFFF
        head = bytes(R.randint(0, 255) for _ in range(11)) + bytes([crc >> 24])
        enc = bytearray()
        for p in head + data:
            t = (k[2] | 2) & 0xFFFF
            enc.append(p ^ (((t * (t ^ 1)) >> 8) & 0xFF))
            upd(p)
        fn = name.encode()
        off = len(out)
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 1, 0, dostime, dosdate, crc, len(enc), len(data), len(fn), 0) + fn + bytes(enc)
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 1, 0, dostime, dosdate, crc, len(enc), len(data),
                               len(fn), 0, 0, 0, 0, 0o644 << 16, off) + fn
    eocd = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(files), len(files), len(central), len(out), 0)
    return out + central + eocd


def _pdfesc(s):
    return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def pdf(lines, encrypt=False, pages=None):
    """lines: list of str or list of str-pieces (pieces become separate text objects)."""
    pages = pages or [lines]
    objs = {}
    kids = []
    n = 4
    for pg in pages:
        y = 800
        cs = ""
        for ln in pg:
            pieces = ln if isinstance(ln, list) else [ln]
            x = 50
            for pc in pieces:
                cs += f"BT /F1 10 Tf {x} {y} Td ({_pdfesc(pc)}) Tj ET\n"
                x += int(len(pc) * 5.2)
            y -= 14
        data = cs.encode("cp1252", "replace")
        if encrypt:
            data = bytes(R.randint(0, 255) for _ in range(len(data)))
        objs[n] = b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"
        objs[n + 1] = f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents {n} 0 R >>".encode()
        kids.append(f"{n + 1} 0 R")
        n += 2
    objs[1] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objs[2] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>".encode()
    objs[3] = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    enc_ref = ""
    if encrypt:
        o = "".join(f"{R.randint(0, 255):02X}" for _ in range(32))
        u = "".join(f"{R.randint(0, 255):02X}" for _ in range(32))
        objs[n] = f"<< /Filter /Standard /V 2 /R 3 /Length 128 /O <{o}> /U <{u}> /P -1340 >>".encode()
        enc_ref = f" /Encrypt {n} 0 R /ID [<{o[:32]}> <{o[:32]}>]"
        n += 1
    out = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
    offs = {}
    for i in sorted(objs):
        offs[i] = len(out)
        out += f"{i} 0 obj\n".encode() + objs[i] + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {n}\n0000000000 65535 f \n".encode()
    for i in range(1, n):
        out += f"{offs[i]:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {n} /Root 1 0 R{enc_ref} >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def _x(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def docx(paras):
    """paras: list of str or list of run-strings."""
    body = ""
    for p in paras:
        runs = p if isinstance(p, list) else [p]
        body += "<w:p>" + "".join(f'<w:r><w:t xml:space="preserve">{_x(r)}</w:t></w:r>' for r in runs) + "</w:p>"
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
           + body + '</w:body></w:document>')
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
          '</Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            '</Relationships>')
    return mkzip([("[Content_Types].xml", ct), ("_rels/.rels", rels), ("word/document.xml", doc)])


def _col(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def xlsx(rows, sheet="Blad1"):
    sd = ""
    for ri, row in enumerate(rows, 1):
        sd += f'<row r="{ri}">'
        for ci, v in enumerate(row):
            ref = f"{_col(ci)}{ri}"
            if isinstance(v, (int, float)):
                sd += f'<c r="{ref}"><v>{v}</v></c>'
            else:
                sd += f'<c r="{ref}" t="inlineStr"><is><t>{_x(str(v))}</t></is></c>'
        sd += "</row>"
    ws = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
          + sd + '</sheetData></worksheet>')
    wb = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
          'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
          f'<sheets><sheet name="{_x(sheet)}" sheetId="1" r:id="rId1"/></sheets></workbook>')
    wbrels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
              '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
              '</Relationships>')
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
          '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
          '</Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
            '</Relationships>')
    return mkzip([("[Content_Types].xml", ct), ("_rels/.rels", rels), ("xl/workbook.xml", wb),
                  ("xl/_rels/workbook.xml.rels", wbrels), ("xl/worksheets/sheet1.xml", ws)])


def ics(summary, start, end, location, desc, uid):
    return ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Praktijk De Waterlelie//Agenda//NL\r\nMETHOD:REQUEST\r\n"
            "BEGIN:VEVENT\r\n"
            f"UID:{uid}\r\nDTSTAMP:20250303T080000Z\r\nDTSTART:{start}\r\nDTEND:{end}\r\n"
            f"SUMMARY:{summary}\r\nLOCATION:{location}\r\nDESCRIPTION:{desc}\r\n"
            "END:VEVENT\r\nEND:VCALENDAR\r\n").encode("utf-8")


def vcf(name, org, tel, email, note=""):
    parts = name.split(" ", 1)
    s = (f"BEGIN:VCARD\r\nVERSION:3.0\r\nN:{parts[-1]};{parts[0]};;;\r\nFN:{name}\r\nORG:{org}\r\n"
         f"TEL;TYPE=WORK:{tel}\r\nEMAIL:{email}\r\n")
    if note:
        s += f"NOTE:{note}\r\n"
    return (s + "END:VCARD\r\n").encode("utf-8")

# ================================================================ practice & scenarios
import os, sys, html as _html

DOM = "praktijk-waterlelie.nl"
STAFF = {
    "hoek": ("Marieke Hoekstra", "m.hoekstra", "huisarts"),
    "amr": ("Rachid el Amrani", "r.elamrani", "huisarts"),
    "sb": ("Sandra Bakker", "s.bakker", "doktersassistente"),
    "lv": ("Lotte Verhoeven", "l.verhoeven", "doktersassistente"),
    "ey": ("Esra Yilmaz", "e.yilmaz", "POH-somatiek"),
    "jg": ("Joost de Graaf", "j.degraaf", "POH-GGZ"),
    "ak": ("Annemiek Kramer", "a.kramer", "praktijkmanager"),
    "ps": ("Petra Smit", "p.smit", "secretariaat"),
}


def smail(k):
    return f"{STAFF[k][1]}@{DOM}"


def sig(k, short=False):
    n, _, role = STAFF[k]
    if short:
        return f"\n\n{n.split()[0]}"
    return (f"\n\nMet vriendelijke groet,\n\n{n}\n{role}\nHuisartsenpraktijk De Waterlelie\n"
            f"Lindeboomweg 12, 8022 AB Zwolle\nT 038-4217730 | www.{DOM}")


def sig_en(k):
    n, _, role = STAFF[k]
    return f"\n\nKind regards,\n\n{n}\n{role}, GP practice De Waterlelie (Zwolle, NL)\n+31 38 421 7730"


def quote(text, who, when):
    return f"\n\nOp {when} schreef {who}:\n" + "\n".join("> " + l if l else ">" for l in text.strip("\n").split("\n"))


def quote_en(text, who, when):
    return f"\n\nOn {when}, {who} wrote:\n" + "\n".join("> " + l if l else ">" for l in text.strip("\n").split("\n"))


def fwd(text, frm, date, subj, to):
    return (f"\n\n-------- Doorgestuurd bericht --------\nOnderwerp: {subj}\nDatum: {date}\nVan: {frm}\nAan: {to}\n\n" + text)


SC = []


def sc(f):
    SC.append(f)
    return f


def M(frm, to, subj, body, lab, note, lang="nl", atts=(), html=None, fmt=None, cc=None, extra_hdr=()):
    return dict(frm=frm, to=to, subj=subj, body=body, lab=lab, note=note, lang=lang, atts=list(atts),
                html=html, fmt=fmt, cc=cc, extra_hdr=list(extra_hdr))


def A_pdf(lines, fn, **kw):
    return att_part(pdf(lines, **kw), "application/pdf", fn)


def A_docx(paras, fn):
    return att_part(docx(paras), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", fn)


def A_xlsx(rows, fn, sheet="Blad1"):
    return att_part(xlsx(rows, sheet), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", fn)


def A_txt(text, fn, ctype="text/plain", charset="utf-8"):
    return att_part(text.encode(charset), f"{ctype}; charset={charset}", fn)


def A_zip(files, fn):
    return att_part(mkzip(files), "application/zip", fn)


def A_ics(*a, fn="afspraak.ics"):
    return att_part(ics(*a), "text/calendar; method=REQUEST", fn)


def A_vcf(*a, fn="contact.vcf"):
    return att_part(vcf(*a), "text/vcard", fn)


def P():
    return Pt()


def day():
    return R.choice(["ma 3 mrt 2025", "di 4 mrt 2025", "wo 5 mrt 2025", "do 6 mrt 2025", "vr 28 feb 2025", "zo 2 mrt 2025"])

# ---------------------------------------------------------------- sensitive: patient replies
@sc
def reply_patient_uitslag():
    p = P(); k = R.choice(["hoek", "amr"])
    v = R.choice(["5,9", "6,3", "7,1"])
    qtxt = (f"Beste dokter,\n\nIk heb vorige week bloed laten prikken voor mijn suiker. Is de uitslag al binnen? "
            f"Ik maak me een beetje zorgen.\n\nGroetjes {p.first} {p.last}\ngeb. {p.dob}")
    body = (f"Beste {p.Mw.lower()} {p.last},\n\nDe uitslag is binnen. Uw nuchtere glucose was {v} mmol/l. "
            + ("Dat is iets verhoogd, maar nog geen diabetes. Over een jaar prikken we opnieuw." if v != "7,1" else
               "Dat is te hoog. Ik wil dit graag met u bespreken, wilt u een afspraak maken bij de POH?")
            + sig(k) + quote(qtxt, f"{p.full} <{p.email}>", day()))
    return M(k, (p.full, p.email), "RE: uitslag bloedprikken", body, "0110", "reply-patient;lab;quoted")


@sc
def reply_patient_herhaal():
    p = P()
    qtxt = f"hoi, kan ik weer nieuwe pufjes krijgen? de blauwe en de oranje. {p.first} {p.last} {p.dob}"
    body = (f"Beste {p.first},\n\nDe herhaalrecepten voor salbutamol en fluticason staan klaar bij uw apotheek, "
            f"morgen na 14.00 uur op te halen." + sig("sb") + quote(qtxt, p.email, day()))
    return M("sb", (None, p.email), "Re: pufjes", body, "0110", "reply-patient;medication;quoted", fmt="plain-8bit")


@sc
def reply_patient_noinfo():
    p = P()
    qtxt = f"Goedemorgen, wat zijn de openingstijden rond Pasen? Met vriendelijke groet, {p.full}"
    body = ("Goedemorgen,\n\nOp Goede Vrijdag zijn we gewoon open, op tweede paasdag gesloten. Voor spoed kunt u dan "
            "de huisartsenpost bellen: 0900-3336333." + sig("ps") + quote(qtxt, p.full, day()))
    return M("ps", (p.full, p.email), "RE: openingstijden pasen", body, "0000", "reply-patient;name-only;hard-negative")


@sc
def reply_patient_quoted_only():
    p = Pt("F"); k = "lv"
    qtxt = (f"Geachte assistente,\n\nMijn moeder ({p.full}, {p.dob}) heeft sinds gisteren weer die brandende plas en koorts. "
            f"Zij woont {p.addr} in {p.town}. Kan de dokter langskomen?\n\nMvg, dochter")
    body = ("Goedemiddag,\n\nDe dokter komt vanmiddag tussen 14 en 16 uur langs. Zorgt u dat er iemand thuis is?"
            + sig(k) + quote(qtxt, "Karin", day()))
    return M(k, ("Karin", f"karin{R.randint(1,99)}@mail.example"), "Re: visite moeder", body, "0111", "reply-patient;only-in-quote;address")


@sc
def reply_patient_en():
    p = Pt("M")
    qtxt = (f"Dear doctor,\nI am an expat working at the university. My son {p.first} (born {p.dob}) still has the "
            "ear infection after the antibiotics. Should he come back?\nThanks")
    body = (f"Dear Mr/Ms {p.last},\n\nIf the pain and discharge persist after finishing the amoxicillin, please book an "
            "appointment so we can check the ear again. If he gets a high fever, call us immediately."
            + sig_en("amr") + quote_en(qtxt, p.email, "Mon 3 Mar 2025 08:14"))
    return M("amr", (None, p.email), "Re: ear infection", body, "0111", "reply-patient;english;quoted", lang="en")


@sc
def reply_patient_turkish():
    p = Pt("F"); p.first = R.choice(["Zeynep", "Ayse", "Elif"]); p.last = R.choice(["Yildiz", "Sahin", "Aydin"])
    body = (f"Sayın {p.first} {p.last},\n\nKan tahlilinizin sonucu geldi. Demir değeriniz (ferritine) düşük: 8 µg/l. "
            "Doktorumuz demir tabletleri yazdı, eczaneden alabilirsiniz. Günde 1 tablet, 3 ay boyunca.\n\n"
            "Saygılarımızla,\nEsra Yilmaz\nPOH, Huisartsenpraktijk De Waterlelie")
    return M("ey", (p.full, p.email), "Tahlil sonucu", body, "0100", "reply-patient;turkish;lab;medication", lang="tr")


@sc
def reply_patient_generic_health():
    p = P()
    body = (f"Beste {p.first},\n\nDank voor je vraag. In de bijlage vind je de algemene folder over hooikoorts. "
            "Veel mensen hebben baat bij een neusspray met corticosteroïden; die is ook zonder recept verkrijgbaar. "
            "Kijk ook eens op thuisarts.nl." + sig("ey"))
    return M("ey", (p.full, p.email), "Informatie", body, "0000", "reply-patient;generic-health-info;hard-negative",
             atts=[A_pdf(["Hooikoorts - algemene informatie", "Hooikoorts is een allergie voor pollen.",
                          "Klachten: niezen, jeukende ogen, verstopte neus.", "Behandeling: antihistaminica, neusspray."],
                         "folder_hooikoorts.pdf")])


# ---------------------------------------------------------------- referrals / hospitals
@sc
def verwijs_docx():
    p = P(); b = p.bsn
    paras = ["Verwijsbrief", "Aan: polikliniek Dermatologie, Isala-ziekenhuis-zwolle.test",
             f"Betreft: {p.formal}, geb. {p.dob}", ["BSN: ", b[:3], b[3:6], b[6:]],
             f"Adres: {p.addr}, {p.pc} {p.town}",
             "Vraagstelling: graag beoordeling gepigmenteerde laesie rug, sinds 3 mnd groter, onregelmatige rand. ?melanoom",
             "Medicatie: geen. Allergieën: penicilline.", "Met collegiale groet, M. Hoekstra, huisarts"]
    body = "Geachte collega,\n\nBijgaand de verwijsbrief voor bovengenoemde patiënt. Graag een spoedafspraak (2 weken)." + sig("hoek")
    return M("hoek", ("Poli Dermatologie", "dermatologie@ziekenhuis-isala.test"), "Verwijzing dermatologie spoed", body,
             "1111", "referral;docx-split-runs", atts=[A_docx(paras, "verwijsbrief.docx")])


@sc
def verwijs_plain():
    p = P()
    body = (f"Collega,\n\nGraag zie ik {p.formal} ({p.dob}, BSN {fmt_bsn(p.bsn, 1)}) op uw spreekuur i.v.m. "
            "progressieve knieklachten re, conservatief beleid (fysio 12x, NSAID) onvoldoende effect. "
            "X-knie: gewrichtsspleetversmalling mediaal.\n\nTel pt: " + p.tel + sig("amr"))
    return M("amr", ("Orthopedie", "orthopedie@ziekenhuis-isala.test"), "verwijzing orthopedie", body, "1111",
             "referral;bsn-dotted", fmt="latin1-qp")


@sc
def verwijs_cardio_html():
    p = P()
    rows = [("Naam", p.formal), ("Geb.datum", p.dob), ("BSN", fmt_bsn(p.bsn, 2)), ("Reden", "pijn op de borst bij inspanning, ECG: ST-depressie V4-V6"),
            ("Medicatie", "metoprolol 50mg 1dd1, ascal 80 1dd1")]
    tab = "".join(f"<tr><td><b>{_html.escape(a)}</b></td><td>{_html.escape(c)}</td></tr>" for a, c in rows)
    h = (f"<html><body><p>Beste collega's,</p><p>Verzoek snelle beoordeling (TIA/pob-poli).</p><table border=1>{tab}</table>"
         f"<p>Met vriendelijke groet,<br>R. el Amrani, huisarts</p></body></html>")
    return M("amr", ("Cardiologie", "cardio@ziekenhuis-isala.test"), "Verwijzing cardiologie - snelle pob-poli", "", "1111",
             "referral;html-only;table", html=h, fmt="html")


@sc
def followup_hospital_en():
    p = Pt("F")
    body = (f"Dear colleague,\n\nThank you for seeing {p.full} (DOB {p.dob}) last week. She asked me to clarify the "
            "dose of the new anticoagulant: you wrote apixaban 5 mg bid in the letter but the pharmacy received 2.5 mg. "
            "Could you confirm?" + sig_en("hoek"))
    return M("hoek", ("Dr. Williams", "cardiology@hospital-leeds.example"), "Query re discharge letter", body, "0111",
             "follow-up;english;medication", lang="en", fmt="alt")


@sc
def hospital_discharge_fwd():
    p = P(); b = p.bsn
    inner = message([("Date", "Mon, 03 Mar 2025 16:02:11 +0100"), ("From", "ontslag@ziekenhuis-isala.test"),
                     ("To", f"info@{DOM}"), ("Subject", f"Ontslagbrief {p.last}")],
                    text_part(f"Geachte collega,\n\nUw patiënt {p.formal}, geb. {p.dob}, BSN {b}, werd opgenomen van 24-02 t/m 02-03 "
                              "wegens een exacerbatie COPD. Prednison 30mg 5 dagen, daarna stop. Controle longarts over 6 weken.\n\n"
                              "Met collegiale groet,\nlongartsen Isala", cte="quoted-printable"), crlf=False)
    body = "Esra, wil jij deze patiënt na 2 weken even bellen voor de COPD-ctrl? Dank! Marieke"
    return M("hoek", (STAFF["ey"][0], smail("ey")), "FW: Ontslagbrief", body, "1111", "internal;rfc822;discharge",
             atts=[rfc822_part(inner, "Ontslagbrief.eml")])


@sc
def nested_rfc822_two():
    p = P()
    inner2 = message([("Date", "Fri, 28 Feb 2025 11:00:00 +0100"), ("From", "lab@ziekenhuislab.test"),
                      ("To", f"m.hoekstra@{DOM}"), ("Subject", "Uitslag")],
                     text_part(f"Patiënt: {p.full} ({p.dob})\nPatiëntnr: {p.pnr}\nINR 4,8 (streef 2-3)\nCreatinine 121 umol/l\neGFR 48", cte="7bit"), crlf=False)
    inner1 = message([("Date", "Mon, 03 Mar 2025 09:00:00 +0100"), ("From", f"m.hoekstra@{DOM}"),
                      ("To", f"s.bakker@{DOM}"), ("Subject", "FW: Uitslag")],
                     multipart("mixed", [text_part("zie onder, trombosedienst al ingelicht?", cte="7bit"), rfc822_part(inner2)]), crlf=False)
    body = "Ter info voor de waarneming deze week.\n\nGr Sandra"
    return M("sb", ("Dr. F. Dijkman", "f.dijkman@praktijk-dijkman.nl"), "FW: FW: Uitslag", body, "0111", "rfc822-nested-2;lab;waarneming",
             atts=[rfc822_part(inner1)])


@sc
def lab_request_csv():
    ps = [P() for _ in range(4)]
    csv = "patientnr;naam;geboortedatum;bepaling\n" + "\n".join(
        f"{p.pnr};{p.last}, {p.first};{p.dob};{R.choice(['HbA1c','TSH','lipidenspectrum','eGFR + kalium'])}" for p in ps)
    body = "Beste lab,\n\nHierbij de lijst met patiënten die morgen bij de prikpost op de praktijk komen.\n\nGr, Sandra"
    return M("sb", ("Huisartsenlab", "aanvragen@saltro-lab.test"), "Prikpost woensdag", body, "0111", "lab;csv",
             atts=[A_txt(csv, "prikpost_wo.csv", "text/csv")])


@sc
def physio_referral():
    p = P()
    body = (f"Hoi Bart,\n\n{p.Mw} {p.last} ({p.dob}) komt bij jullie voor schouderklachten li, klinisch beeld "
            "subacromiale pijn, inj. triamcinolon gegeven op 24/2 met matig effect. Graag oefentherapie.\n\nGr. Rachid")
    return M("amr", ("Fysio Zwolle-Zuid", "info@fysio-zwollezuid.example"), "verwijzing fysio", body, "0111",
             "referral;paramedic;shorthand", fmt="plain-8bit")


@sc
def dietician_initials():
    p = P()
    body = (f"Beste diëtist,\n\nGraag begeleiding voor {p.mw} {p.first[0]}.{p.last[0]}. (geb. {p.dob}), DM2 sinds 2019, "
            "BMI 34, HbA1c 61. Motivatie aanwezig.\n\nGroet,\nEsra Yilmaz, POH-S")
    return M("ey", ("Diëtistenpraktijk Smaak", "info@dietist-smaak.example"), "Verwijzing diëtist", body, "0110",
             "referral;initials+dob;lab", fmt="latin1-qp")

# ---------------------------------------------------------------- pharmacy / home care / municipality / insurers
@sc
def pharmacy_change():
    p = P()
    body = (f"Apotheek,\n\nMedicatiewijziging {p.formal}, {p.dob}:\n- STOP simvastatine 40mg\n- START atorvastatine 20mg 1dd1 a.n.\n"
            "reden: spierpijn\n\nGraag verwerken en pt. inlichten." + sig("amr"))
    return M("amr", ("Apotheek De Stadshof", "recepten@apotheek-stadshof.example"), "medicatiewijziging", body, "0111", "pharmacy;medication")


@sc
def pharmacy_herhaal_table():
    ps = [P() for _ in range(3)]
    meds = ["omeprazol 20mg 1dd1", "amlodipine 5mg 1dd1", "levothyroxine 75ug 1dd1", "metformine 500mg 2dd1"]
    rows = "".join(f"<tr><td>{p.last}, {p.ini}</td><td>{p.dob}</td><td>{R.choice(meds)}</td><td>90 st</td></tr>" for p in ps)
    h = ("<html><body><p>Goedemorgen,</p><p>Herhaalrecepten van vandaag (ook via LSP verstuurd):</p>"
         f"<table border='1' cellpadding='3'><tr><th>Patiënt</th><th>Geb.</th><th>Middel</th><th>Aantal</th></tr>{rows}</table>"
         "<p>Gr. Lotte<br>doktersassistente</p></body></html>")
    return M("lv", ("Apotheek De Stadshof", "recepten@apotheek-stadshof.example"), "herhaalrecepten di", "", "0111",
             "pharmacy;html-only;table", html=h, fmt="html")


@sc
def pharmacy_stock_question():
    n = elf_number()
    body = (f"Hoi,\n\nHebben jullie de griepvaccins al binnen? Onze bestelling (bestelnr. {n}) staat nog op 'onderweg'. "
            "We hebben 15 okt de griepprikdag.\n\nGr Annemiek")
    return M("ak", ("Apotheek De Stadshof", "info@apotheek-stadshof.example"), "griepvaccins", body, "0000",
             "pharmacy;elfproef-order-number;hard-negative")


@sc
def thuiszorg_wound():
    p = P()
    body = (f"Beste wijkverpleging,\n\nWilt u vanaf morgen dagelijks de wond verzorgen bij {p.formal}, {p.addr}, {p.town} "
            f"(geb {p.dob})? Ulcus cruris re onderbeen, verband met zilveralginaat, 1x/2d verschonen. Bij tekenen van infectie bellen.\n\n"
            "Dank, Sandra (namens dr. Hoekstra)")
    return M("sb", ("Thuiszorg Wijkteam Zuid", "wijkteamzuid@thuiszorg-ijsselland.example"), "wondzorg aanvraag", body, "0111",
             "homecare;address", fmt="cp1252-8bit")


@sc
def carehome_visit_list():
    ps = [P() for _ in range(5)]
    rows = [["Kamer", "Naam", "Geb.datum", "Vraag"]] + [[f"{R.randint(1,40)}", p.full, p.dob, v] for p, v in zip(ps, [
        "bloeddruk ctrl na ophogen lisinopril", "decubitus stuit gr 2", "onrustig, delier?", "med review", "valincident, pols pijnlijk"])]
    body = "Beste Marieke,\n\nBijgaand de lijst voor de visiteronde donderdag in De Hofstede.\n\nGroet,\nEVV'er afd. Linde"
    body = "Ter voorbereiding visite do. Lijst van de Hofstede zit erbij." + sig("sb", True) + quote(body, "afd. Linde", day())
    return M("sb", (STAFF["hoek"][0], smail("hoek")), "FW: visite Hofstede do", body, "0111", "carehome;xlsx;internal",
             atts=[A_xlsx(rows, "visitelijst_hofstede.xlsx")])


@sc
def wmo_request():
    p = P(); b = p.bsn
    body = (f"Geachte consulent,\n\nOp verzoek van {p.formal} (BSN {b}, {p.addr}, {p.pc} {p.town}) ondersteun ik de Wmo-aanvraag "
            "voor huishoudelijke hulp. Pt. heeft na CVA in 2024 een hemiparese li en kan het huishouden niet zelfstandig doen." + sig("hoek"))
    return M("hoek", ("Wmo-loket", "wmo@gemeente-zwolle.example"), "Wmo aanvraag ondersteuning", body, "1111", "municipality;wmo;bsn-plain")


@sc
def jeugd_consent():
    p = P(); p.year = 2014
    body = (f"Beste jeugdconsulent,\n\nMet toestemming van moeder verwijs ik {p.first} {p.last} (geb. 12-05-2014) "
            "naar de jeugd-GGZ i.v.m. angstklachten en schoolweigering sinds 4 mnd. Ouders gescheiden.\n\nMvg,\nJoost de Graaf, POH-GGZ")
    return M("jg", ("Team Jeugd", "jeugd@gemeente-zwolle.example"), "jeugdhulp verwijzing", body, "0111", "municipality;jeugd;ggz")


@sc
def insurer_machtiging():
    p = P(); b = p.bsn
    txt = (f"Machtigingsaanvraag\nVerzekerde: {p.full}\nGeboortedatum: {p.dob}\nBurgerservicenummer: {fmt_bsn(b,3)}\n"
           f"Polisnummer: {R.randint(10**8, 10**9)}\nHulpmiddel: continue glucosemonitor (FreeStyle Libre)\nIndicatie: DM1, hypo-unawareness")
    body = "Geachte heer/mevrouw,\n\nBijgaand de machtigingsaanvraag voor de glucosesensor." + sig("ey")
    return M("ey", ("Zorgverzekeraar Machtigingen", "machtigingen@zilveren-zorg.example"), "machtigingsaanvraag", body,
             "1111", "insurer;pdf;bsn-spaced", atts=[A_pdf(txt.split("\n"), "machtiging.pdf")])


@sc
def insurer_invoice_dispute():
    n = elf_number()
    body = (f"Geachte heer/mevrouw,\n\nUw afwijzing met kenmerk {n} betreft de declaratie van het inschrijftarief Q4. "
            "Volgens ons is die terecht ingediend. Graag heroverweging.\n\nMvg, Annemiek Kramer, praktijkmanager")
    return M("ak", ("Declaraties", "declaraties@zilveren-zorg.example"), f"Bezwaar afwijzing kenmerk {n}", body, "0000",
             "insurer;elfproef-reference;hard-negative;subject-number")


@sc
def hap_overdracht():
    p = P()
    body = (f"Overdracht weekend HAP:\n\n{p.formal} ({p.dob}), {p.addr}, palliatief - pancreascarcinoom, thuis. "
            "Morfine s.c. pomp via thuiszorg, bij onrust midazolam 5mg s.c. Niet reanimeren, wel wilsverklaring aanwezig. "
            f"Contact dochter {p.tel}.\n\nR. el Amrani")
    return M("amr", ("Huisartsenpost", "overdracht@hap-zwolle.example"), "Overdracht palliatieve pt", body, "0111", "hap;palliative")


@sc
def hap_overdracht_pnr():
    p = P()
    body = (f"Ter info: pt.nr {p.pnr} (onze praktijk) kan dit weekend bellen i.v.m. hypoglykemieën na ophogen insuline. "
            "Advies: bij glucose < 4 dextro en bij herhaling insuline met 2E verlagen.\n\nGr Esra")
    return M("ey", ("Huisartsenpost", "overdracht@hap-zwolle.example"), "overdracht", body, "0100", "hap;patient-number-only")

# ---------------------------------------------------------------- colleagues, intervisie, casuistiek
@sc
def intervisie_anon():
    body = ("Beste collega's,\n\nVoor de intervisie van donderdag een casus: vrouw, 50-60 jr, al jaren moe, "
            "TSH normaal, Hb normaal, veel stress thuis. Zij wil steeds nieuw bloedonderzoek. Hoe gaan jullie daarmee om?\n\n"
            "Groet, Marieke")
    return M("hoek", ("HAGRO Zwolle-Zuid", "hagro-zuid@huisartsen-zwolle.example"), "casus intervisie do", body, "0000",
             "colleague;anonymised-case;hard-negative")


@sc
def intervisie_not_anon():
    p = P()
    body = (f"Hoi allen,\n\nCasus voor donderdag: {p.first} {p.last}, {2025 - p.year} jr, woont aan de {p.addr}. "
            "Bekend met alcoholproblematiek, recent 2x op SEH met val. Weigert verwijzing naar verslavingszorg. Wat zouden jullie doen?\n\nRachid")
    return M("amr", ("HAGRO Zwolle-Zuid", "hagro-zuid@huisartsen-zwolle.example"), "casus", body, "0111",
             "colleague;not-anonymised;address")


@sc
def waarneming_en():
    ps = [P() for _ in range(3)]
    lines = "\n".join(f"- {p.full} ({p.dob}): " + t for p, t in zip(ps, [
        "INR check Wed, on acenocoumarol", "awaiting CT result (suspected kidney stone)", "terminal care at home, family may call"]))
    body = ("Hi Frank,\n\nThanks for covering next week. A few patients to keep an eye on:\n\n" + lines + sig_en("hoek"))
    return M("hoek", ("Frank Dijkman", "f.dijkman@praktijk-dijkman.nl"), "handover next week", body, "0111", "waarneming;english", lang="en",
             fmt="alt")


@sc
def region_nascholing_clean():
    body = ("Beste collega's,\n\nDe nascholing 'Diabetes update 2025' is verplaatst naar 10 april, 19.30 uur, in het "
            "Isala Congrescentrum. Onderwerpen: SGLT2-remmers, GLP1-agonisten en de nieuwe NHG-standaard. Accreditatie aangevraagd (2 punten).\n\n"
            "Groet, Marieke")
    return M("hoek", ("HAGRO", "hagro-zuid@huisartsen-zwolle.example"), "nascholing DM verplaatst", body, "0000",
             "colleague;health-words-generic;hard-negative")


@sc
def aggregate_stats():
    rows = [["Indicator", "2023", "2024"], ["Aantal DM2-patiënten", 412, 438], ["% HbA1c < 53", 0.68, 0.71],
            ["Aantal COPD", 189, 195], ["% griepprik 60+", 0.54, 0.57]]
    body = "Hoi Annemiek,\n\nHierbij de cijfers voor het jaarverslag ketenzorg. Geen patiëntgegevens, alleen totalen.\n\nEsra"
    return M("ey", (STAFF["ak"][0], smail("ak")), "cijfers ketenzorg", body, "0000", "internal;aggregate;xlsx;hard-negative",
             atts=[A_xlsx(rows, "ketenzorg_2024.xlsx")])


# ---------------------------------------------------------------- occupational, school, daycare
@sc
def occupational_consent():
    p = P()
    body = (f"Geachte bedrijfsarts,\n\nMet toestemming van {p.formal}, geb. {p.dob}, informeer ik u dat betrokkene onder behandeling is "
            "bij de POH-GGZ in verband met een burn-out. Een geleidelijke re-integratie lijkt mij verstandig." + sig("amr"))
    return M("amr", ("Arbodienst", "bedrijfsarts@arbo-oost.example"), "inlichtingen", body, "0111", "occupational;ggz")


@sc
def occupational_refuse():
    body = ("Geachte collega,\n\nU vraagt om medische informatie over een werknemer van uw opdrachtgever. Zonder schriftelijke "
            "toestemming van betrokkene kunnen wij geen informatie verstrekken. Wij verwijzen u naar de KNMG-richtlijn.\n\n"
            "Met collegiale groet,\nM. Hoekstra")
    return M("hoek", ("Arbodienst", "bedrijfsarts@arbo-oost.example"), "Re: verzoek om informatie", body, "0000", "occupational;refusal;hard-negative")


@sc
def school_no_consent():
    p = P()
    body = (f"Beste juf Marloes,\n\nU vroeg of {p.first} ({p.last}, groep 5) ADHD heeft. {p.haar.capitalize()} moeder heeft ons verteld "
            "dat de methylfenidaat nu goed werkt, maar ik mag u zonder toestemming van de ouders eigenlijk niets vertellen.\n\nGroet, Lotte")
    return M("lv", ("Marloes", "marloes@bs-deregenboog.example"), "Re: vraag over leerling", body, "0100",
             "school;no-consent;medication;name-only")


@sc
def daycare_generic():
    body = ("Beste leidsters,\n\nN.a.v. uw vraag: kinderen met waterpokken mogen gewoon naar de opvang, ook met blaasjes. "
            "Bij krentenbaard is het advies de plekjes af te dekken. Zie de RIVM-richtlijn.\n\nGroet, Sandra")
    return M("sb", ("KDV Het Speelhuis", "info@kdv-speelhuis.example"), "Re: waterpokken op de groep", body, "0000",
             "daycare;generic-health;hard-negative")


@sc
def school_consent_docx():
    p = P()
    paras = ["Medische verklaring t.b.v. school", f"Leerling: {p.full}", f"Geboortedatum: {p.dob}",
             "Diagnose: diabetes mellitus type 1, insulinepomp.", "Bij hypo (trillen, zweten, bleek): 4 tabletjes dextro, na 15 min meten.",
             "Ouders hebben toestemming gegeven voor deze verklaring."]
    body = "Beste meneer Peters,\n\nBijgaand, met toestemming van de ouders, de verklaring voor school.\n\nMvg, dr. Hoekstra"
    return M("hoek", ("Dhr. Peters", "directie@bs-dewaterlelie.example"), "verklaring leerling", body, "0111", "school;consent;docx",
             atts=[A_docx(paras, "verklaring.docx")])


# ---------------------------------------------------------------- internal staff mail
@sc
def internal_callback():
    p = Pt("F")
    body = f"Lotte, kun jij {p.mw} {p.last} terugbellen over haar uitstrijkje? Uitslag is HPV+ zonder afwijkende cellen, ctrl over 1 jr. Tel {p.tel}.\nM."
    return M("hoek", (STAFF["lv"][0], smail("lv")), "terugbellen", body, "0111", "internal;shorthand;phone", fmt="plain-8bit")


@sc
def internal_callback_subject():
    p = P()
    body = "Zie onderwerp. Tel staat in HIS. Dank!"
    return M("amr", (STAFF["sb"][0], smail("sb")), f"bel {p.mw} {p.last} ({p.dob}) - kweek positief, nitrofurantoine voorschrijven",
             body, "0111", "internal;subject-only")


@sc
def internal_no_health():
    p = Pt("F")
    body = f"Sandra, {p.mw} {p.last} belde dat ze haar afspraak van morgen wil verzetten. Kun jij haar even terugbellen? Thx"
    return M("ps", (STAFF["sb"][0], smail("sb")), "afspraak verzetten", body, "0000", "internal;name-only;hard-negative")


@sc
def internal_pnr_lab():
    p = P()
    body = f"Esra,\nPatnr {p.pnr}: HbA1c 78 (was 58). Kun jij de DM-ctrl naar voren halen? Metformine evt ophogen.\nRachid"
    return M("amr", (STAFF["ey"][0], smail("ey")), "DM ctrl", body, "0100", "internal;patient-number-only;lab")


@sc
def internal_ggz_note():
    p = P()
    body = (f"Hi Marieke,\n\nIk heb {p.first} {p.last} ({p.dob}) vandaag gezien. PHQ-9 score 19, passieve doodsgedachten, geen plan. "
            "Ik wil graag dat je vandaag nog meekijkt en evt. de GGZ-crisisdienst belt.\n\nJoost")
    return M("jg", (STAFF["hoek"][0], smail("hoek")), "spoed: suïcidaliteit", body, "0111", "internal;ggz;dob", fmt="alt")


@sc
def internal_roster():
    body = ("Hoi allemaal,\n\nRooster week 11:\nma: Marieke, Sandra, Esra\ndi: Rachid, Lotte, Joost\nwo: Marieke, Sandra\n"
            "do: Rachid, Lotte, Esra\nvr: Marieke, Rachid, Lotte\n\nSandra is vrijdag vrij, Lotte neemt over.\n\nAnnemiek")
    return M("ak", ("Team", f"team@{DOM}"), "rooster wk 11", body, "0000", "internal;roster;staff-names")


@sc
def internal_sick_noreason():
    body = ("Hoi team,\n\nPetra heeft zich vanochtend ziek gemeld. Ik weet nog niet hoe lang. De telefoon wordt vandaag door Lotte "
            "en mij gedaan.\n\nAnnemiek")
    return M("ak", ("Team", f"team@{DOM}"), "ziekmelding Petra", body, "0000", "hr;sick-no-reason;hard-negative")


@sc
def hr_sick_reason():
    body = ("Beste arbodienst,\n\nHierbij de ziekmelding van onze medewerker Lotte Verhoeven (doktersassistente), "
            "geb. 14-09-1991. Zij is geopereerd aan haar knie (meniscus) en verwacht 4 weken uit te vallen.\n\nMvg, Annemiek Kramer")
    return M("ak", ("Arbodienst", "verzuim@arbo-oost.example"), "ziekmelding medewerker", body, "0111", "hr;sick-with-reason;employee")


@sc
def hr_payslip_bsn():
    b = bsn()
    txt = ["Loonstrook februari 2025", "Werknemer: J. de Graaf", "Geboortedatum: 02-02-1985", f"BSN: {b}",
           "Functie: POH-GGZ", "Bruto salaris: 4.312,00", "Netto: 3.011,45"]
    body = "Hoi Joost,\n\nHierbij je loonstrook, je had gevraagd om een kopie voor de hypotheek.\n\nAnnemiek"
    return M("ak", ("Joost de Graaf", "joost.degraaf@mail.example"), "loonstrook feb", body, "1010", "hr;payslip;pdf;bsn",
             atts=[A_pdf(txt, "loonstrook_2025-02.pdf")])

# ---------------------------------------------------------------- unscannable
@sc
def enc_zip_dossier():
    p = P()
    files = [("dossier.txt", f"Dossieroverdracht\n{p.full}\n{p.dob}\nBSN {p.bsn}\nEpisodes: T90 DM2, K86 hypertensie\n")]
    body = ("Beste collega,\n\nHierbij het dossier van de patiënt die bij u is ingeschreven. Het wachtwoord stuur ik per sms.\n" + sig("ps"))
    return M("ps", ("Praktijk Berkum", "info@praktijk-berkum.nl"), "dossieroverdracht", body, "1111", "unscannable;encrypted-zip;zipcrypto",
             atts=[att_part(zipcrypto_zip(files, "Wl2025!"), "application/zip", "dossier.zip")])


@sc
def enc_zip_clean():
    files = [("notulen_ALV.txt", "Notulen ALV coöperatie 20-02-2025\nAanwezig: 14 praktijken\nBegroting 2025 goedgekeurd.\n")]
    body = "Hoi,\n\nZoals beloofd de notulen, beveiligd met het bekende wachtwoord.\n\nAnnemiek"
    return M("ak", ("Bestuur coöperatie", "bestuur@hz-cooperatie.example"), "notulen ALV", body, "0001", "unscannable;encrypted-zip;clean-content",
             atts=[att_part(zipcrypto_zip(files, "coop"), "application/zip", "notulen.zip")])


@sc
def enc_pdf_ggz():
    p = P()
    body = (f"Beste collega,\n\nBijgaand de GGZ-rapportage van {p.formal}, geb. {p.dob}. Het PDF is beveiligd, wachtwoord volgt telefonisch.\n\nJoost de Graaf, POH-GGZ")
    return M("jg", ("GGZ Centraal", "intake@ggz-centraal.example"), "rapportage", body, "0111", "unscannable;encrypted-pdf;ggz",
             atts=[A_pdf(["GGZ-rapportage", p.full, "Diagnose: depressieve stoornis"], "rapportage.pdf", encrypt=True)])


@sc
def enc_pdf_invoice():
    body = ("Beste leverancier,\n\nUw factuur kwam beveiligd binnen en kunnen we niet openen. Kunt u hem zonder wachtwoord sturen?\n"
            "Ik stuur hem even terug ter referentie.\n\nAnnemiek")
    return M("ak", ("MedSupply", "facturen@medsupply.example"), "Re: factuur", body, "0001", "unscannable;encrypted-pdf;supplier",
             atts=[A_pdf(["Factuur", "Handschoenen nitril M, 10 dozen"], "factuur.pdf", encrypt=True)])


@sc
def truncated_pdf():
    p = P()
    full = pdf(["Verwijsbrief", f"{p.formal} geb. {p.dob}", "Reden: hematurie, cystoscopie gewenst"])
    cut = full.index(b"Reden") + 3
    body = "Zie bijlage: verwijzing urologie.\n\nGr. Rachid"
    return M("amr", ("Urologie", "urologie@ziekenhuis-isala.test"), "verwijzing urologie", body, "0111",
             "unscannable;truncated-pdf;referral",
             atts=[att_part(full[:cut], "application/pdf", "verwijzing_uro.pdf")])


@sc
def truncated_docx():
    d = docx(["Werkoverleg agenda", "1. Opening", "2. Nieuwe telefooncentrale", "3. Rondvraag"])
    body = "Agenda voor het werkoverleg van woensdag.\n\nAnnemiek"
    return M("ak", ("Team", f"team@{DOM}"), "agenda werkoverleg", body, "0001", "unscannable;truncated-docx",
             atts=[att_part(d[: len(d) * 2 // 3], "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "agenda.docx")])


@sc
def corrupt_b64():
    p = P()
    good = base64.encodebytes(pdf(["Labuitslag", f"{p.full}", "Kalium 6,1"])).decode()
    lines = good.split("\n")
    mid = len(lines) // 2
    lines[mid] = "!!##@@corrupt%%data**" + lines[mid][5:20] + "~~~"
    lines[mid + 1] = lines[mid + 1][:13]
    bad = "\n".join(lines)
    part = raw_part("Content-Type: application/pdf; name=\"lab.pdf\"\nContent-Transfer-Encoding: base64\n"
                    "Content-Disposition: attachment; filename=\"lab.pdf\"", bad.encode())
    body = f"Sandra, kun je deze uitslag van {p.formal} in het HIS zetten? Hij kwam via de mail binnen.\nM."
    return M("hoek", (STAFF["sb"][0], smail("sb")), "uitslag inlezen", body, "0101", "unscannable;corrupt-base64;lab-in-attachment",
             atts=[part])


@sc
def unknown_binary():
    data = bytes(R.randint(0, 255) for _ in range(3000))
    body = "Bijgaand het exportbestand uit de oude bloeddrukmeter (formaat .bpx). Weet IT hoe we dit openen?\n\nEsra"
    return M("ey", ("IT Helpdesk", "support@zorg-ict.example"), "exportbestand bloeddrukmeter", body, "0001", "unscannable;unknown-binary",
             atts=[att_part(data, "application/octet-stream", "export_0303.bpx")])

# ---------------------------------------------------------------- clean: suppliers, IT, facilities, HR, etc.
@sc
def supplier_order():
    n = elf_number(); art = [elf_number() for _ in range(3)]
    rows = "".join(f"<tr><td>{a}</td><td>{d}</td><td>{q}</td></tr>" for a, d, q in zip(art, [
        "Nitril handschoenen M (200 st)", "Urinepotjes steriel 100ml", "Wattenstaafjes 1000 st"], [10, 4, 2]))
    h = (f"<html><body><p>Goedemorgen,</p><p>Graag leveren (ordernummer <b>{n}</b>):</p><table border=1>"
         f"<tr><th>Artikelnr.</th><th>Omschrijving</th><th>Aantal</th></tr>{rows}</table><p>Met vriendelijke groet,<br>Petra Smit</p></body></html>")
    return M("ps", ("Orders MedSupply", "orders@medsupply.example"), f"Bestelling {n}", "", "0000",
             "supplier;elfproef-order;article-numbers;html-only;hard-negative", html=h, fmt="html")


@sc
def supplier_invoice_paid():
    n = elf_number(); iban = f"NL{R.randint(10,99)}RABO0{R.randint(100000000,999999999)}"
    body = (f"Beste crediteurenadministratie,\n\nFactuur {n} (d.d. 12-02-2025, € 1.284,50) is vandaag betaald vanaf {iban}.\n"
            "Graag uw bevestiging.\n\nMet vriendelijke groet,\nAnnemiek Kramer\nKvK 05081234 | btw NL001234567B01")
    return M("ak", ("Crediteuren Medi-Lab", "finance@medilab.example"), f"Betaling factuur {n}", body, "0000",
             "invoice;elfproef-invoice;iban;kvk;hard-negative", fmt="cp1252-8bit")


@sc
def it_ticket():
    t = elf_number()
    body = (f"Hallo helpdesk,\n\nN.a.v. ticket #{t}: de update van het HIS naar versie 2025.1 is gisteravond mislukt, "
            "foutcode 0x80070005. Werkstations 3 en 5 starten niet meer op. Graag snel contact, het spreekuur begint om 8.00.\n\nPetra Smit")
    return M("ps", ("Zorg-ICT Helpdesk", "support@zorg-ict.example"), f"[Ticket #{t}] HIS-update mislukt", body, "0000",
             "it;elfproef-ticket;hard-negative")


@sc
def it_ticket_en():
    t = elf_number()
    body = (f"Hi,\n\nRegarding case {t}: the VPN client keeps disconnecting on the laptop used for home visits. "
            "Windows 11, client version 5.2.1. Can you send a remote session link?\n\nThanks,\nPetra" )
    return M("ps", ("Support", "support@vpnvendor.example"), f"Case {t} - VPN disconnects", body, "0000", "it;english;elfproef-case;hard-negative",
             lang="en")


@sc
def building_maintenance():
    body = ("Beste heer Hofman,\n\nDe cv-ketel in de behandelkamers valt steeds uit (storing E119). Kunt u deze week langskomen? "
            "Bij voorkeur na 17.00 uur i.v.m. het spreekuur. Sleutel ligt bij de buren (apotheek).\n\nGroet,\nAnnemiek Kramer")
    return M("ak", ("Installatiebedrijf Hofman", "service@hofman-installatie.example"), "storing cv-ketel", body, "0000", "facilities")


@sc
def newsletter_patients():
    h = ("<html><body><h2>Nieuwsbrief Huisartsenpraktijk De Waterlelie &ndash; maart 2025</h2>"
         "<p>Beste pati&euml;nten,</p><p>Vanaf 1 april kunt u uw herhaalrecepten alleen nog via de app aanvragen. "
         "Heeft u diabetes, COPD of hart- en vaatziekten? Dan wordt u binnenkort uitgenodigd voor de jaarcontrole.</p>"
         "<p>De griepprik voor 60-plussers en mensen met een chronische ziekte volgt in oktober.</p>"
         "<table><tr><td>Spoed</td><td>038-4217731</td></tr><tr><td>Huisartsenpost</td><td>0900-3336333</td></tr></table>"
         "<p>Met vriendelijke groet,<br>het team van De Waterlelie</p></body></html>")
    txt = ("Nieuwsbrief maart 2025\n\nBeste patiënten,\n\nVanaf 1 april kunt u uw herhaalrecepten alleen nog via de app aanvragen. "
           "Heeft u diabetes, COPD of hart- en vaatziekten? Dan wordt u binnenkort uitgenodigd voor de jaarcontrole.\n\n"
           "Spoed: 038-4217731\nHuisartsenpost: 0900-3336333")
    return M("ak", (None, "undisclosed-recipients:;"), "Nieuwsbrief maart", txt, "0000", "newsletter;generic-health;alt;hard-negative",
             html=h, fmt="alt")


@sc
def meeting_ics():
    body = "Beste allen,\n\nHierbij de uitnodiging voor de teamheidag op 14 maart. Locatie: De Librije-zaal.\n\nAnnemiek"
    return M("ak", ("Team", f"team@{DOM}"), "Uitnodiging teamheidag", body, "0000", "meeting;ics",
             atts=[A_ics("Teamheidag", "20250314T090000", "20250314T160000", "Zaal De Librije, Zwolle",
                         "Programma: 9.00 koffie, 10.00 workshop feedback, 13.00 lunch", "heidag-2025@praktijk-waterlelie.nl", fn="heidag.ics")])


@sc
def training_bls():
    body = ("Beste collega's,\n\nDe BLS/AED-herhalingstraining is op dinsdag 18 maart van 17.30 tot 20.00 uur. "
            "Aanmelden verplicht voor alle assistentes en POH's (accreditatie).\n\nGroet,\nAnnemiek")
    return M("ak", ("Team", f"team@{DOM}"), "BLS-training", body, "0000", "training;staff")


@sc
def holiday_planning_xlsx():
    rows = [["Naam", "Functie", "Week 18", "Week 30", "Week 31"], ["Marieke Hoekstra", "huisarts", "vrij", "", "vrij"],
            ["Rachid el Amrani", "huisarts", "", "vrij", ""], ["Sandra Bakker", "assistente", "vrij", "vrij", ""],
            ["Lotte Verhoeven", "assistente", "", "", "vrij"], ["Esra Yilmaz", "POH-S", "", "vrij", "vrij"]]
    body = "Hoi allemaal,\n\nIn de bijlage de vakantieplanning. Graag voor vrijdag wijzigingen doorgeven.\n\nAnnemiek"
    return M("ak", ("Team", f"team@{DOM}"), "vakantieplanning 2025", body, "0000", "hr;roster;xlsx;staff-names",
             atts=[A_xlsx(rows, "vakantieplanning_2025.xlsx")])


@sc
def payroll_admin():
    n = elf_number()
    body = (f"Beste salarisadministratie,\n\nGraag de volgende mutaties verwerken voor maart (relatienummer {n}):\n"
            "- Lotte Verhoeven: 4 extra uren (avonddienst griepprik)\n- Esra Yilmaz: reiskosten 212 km\n\nMvg, Annemiek")
    return M("ak", ("Salarisadministratie", "salaris@admin-kantoor.example"), "mutaties maart", body, "0000", "payroll;elfproef-relation;hard-negative",
             fmt="latin1-qp")


@sc
def accreditation_npa():
    body = ("Geachte auditor,\n\nHierbij bevestigen wij de NPA-visitatie op 22 april. Documenten (kwaliteitshandboek, "
            "incidentenregistratie, hygiëneprotocol) staan klaar in de gedeelde map. Patiëntdossiers worden alleen ter plaatse ingezien.\n\n"
            "Met vriendelijke groet,\nAnnemiek Kramer, praktijkmanager")
    return M("ak", ("NPA", "visitatie@npa-accreditatie.example"), "bevestiging visitatie", body, "0000", "accreditation;hard-negative")


@sc
def out_of_office():
    body = ("Ik ben tot en met 10 maart afwezig. Voor dringende zaken kunt u contact opnemen met Annemiek Kramer "
            f"(a.kramer@{DOM}). Voor medische vragen belt u de praktijk: 038-4217730.")
    return M("jg", (None, "noreply@nascholing.example"), "Automatisch antwoord: Nieuwsbrief GGZ-POH", body, "0000", "out-of-office",
             extra_hdr=[("Auto-Submitted", "auto-replied")])


@sc
def failing_numbers_logistics():
    t = non_elf(); t2 = non_elf()
    body = (f"Beste,\n\nHet pakket met de nieuwe spirometer is nog niet aangekomen. Track & Trace: 3SABC{R.randint(10**9,10**10-1)}. "
            f"Uw referentie {t}, onze klantnummer {t2}.\nBel gerust: +31 6 {R.randint(1000,9999)} {R.randint(1000,9999)}.\n\nPetra")
    return M("ps", ("Klantenservice", "klantenservice@medshop.example"), "levering spirometer", body, "0000",
             "supplier;non-elfproef-numbers;tracking;hard-negative")


@sc
def bsn_word_only():
    body = ("Beste collega's,\n\nHerinnering: vraag bij inschrijving altijd naar het BSN en een geldig ID-bewijs. "
            "Het burgerservicenummer wordt via de SBV-Z gecontroleerd. Noteer het nooit op papier.\n\nAnnemiek")
    return M("ak", ("Team", f"team@{DOM}"), "werkinstructie inschrijving", body, "0000", "internal;bsn-word-no-number;hard-negative")


@sc
def software_update_notice():
    rel = elf_number()
    body = (f"Beste gebruiker,\n\nRelease {rel} van het HIS wordt op 8 maart tussen 22.00 en 02.00 uur uitgerold. "
            "Nieuw: koppeling met het patiëntenportaal, verbeterde ICPC-zoekfunctie.\n\nDit bericht is doorgestuurd aan het team.\n\nPetra")
    return M("ps", ("Team", f"team@{DOM}"), f"FW: Release {rel} HIS", body, "0000", "it;elfproef-release-number;hard-negative", fmt="plain-b64")


@sc
def cleaning_contract():
    c = elf_number()
    body = (f"Geachte heer/mevrouw,\n\nHierbij zeggen wij het schoonmaakcontract (contractnr. {c}) op per 1 juni 2025. "
            "Graag schriftelijke bevestiging.\n\nMet vriendelijke groet,\nA. Kramer")
    return M("ak", ("Schoonmaakbedrijf Glans", "contracten@glans-schoonmaak.example"), "opzegging contract", body, "0000",
             "facilities;elfproef-contract;hard-negative", fmt="latin1-qp")


@sc
def vcf_supplier():
    body = "Hoi Petra,\n\nHier de contactgegevens van onze nieuwe accountmanager bij MedSupply.\n\nAnnemiek"
    return M("ak", (STAFF["ps"][0], smail("ps")), "contact MedSupply", body, "0000", "vcf;business-contact",
             atts=[A_vcf("Dirk Vermeulen", "MedSupply BV", "+31 30 123 4567", "d.vermeulen@medsupply.example", fn="dirk_vermeulen.vcf")])


@sc
def german_supplier():
    n = elf_number()
    body = (f"Sehr geehrte Damen und Herren,\n\nwir möchten unsere Bestellung Nr. {n} um zwei Blutdruckmessgeräte erweitern. "
            "Bitte senden Sie uns eine aktualisierte Auftragsbestätigung.\n\nMit freundlichen Grüßen\nAnnemiek Kramer")
    return M("ak", ("Vertrieb", "vertrieb@medizintechnik.example"), f"Bestellung {n}", body, "0000", "supplier;german;elfproef-order;hard-negative",
             lang="de", fmt="latin1-qp")

# ---------------------------------------------------------------- sensitive: tricky formats
@sc
def bsn_in_subject():
    p = P()
    body = "Hierbij de aanvullende gegevens zoals telefonisch besproken.\n\nPetra"
    return M("ps", ("Zorgverzekeraar", "klantenservice@zilveren-zorg.example"), f"Aanvulling dossier BSN {p.bsn}", body, "1000",
             "insurer;bsn-subject-only")


@sc
def bsn_in_filename():
    p = P()
    body = "Zoals gevraagd de inschrijfbevestiging.\n\nGr. Petra"
    return M("ps", ("Praktijk Berkum", "info@praktijk-berkum.nl"), "inschrijving", body, "1000", "bsn-attachment-filename-only;pdf",
             atts=[A_pdf(["Inschrijfbevestiging", "Datum: 04-03-2025"], f"inschrijving_{p.bsn}.pdf")])


@sc
def html_entities_bsn():
    p = P(); b = p.bsn
    ent = "".join(f"&#{ord(c)};" for c in b[:3]) + b[3:]
    h = (f"<html><body><p>Geachte heer/mevrouw,</p><p>Verzoek om registratie van pati&euml;nt <b>{p.full}</b>, "
         f"geboren {p.dob}, BSN {ent}, in het regionale transmurale dossier (indicatie: hartfalen NYHA II).</p>"
         "<p>Met vriendelijke groet,<br>Esra Yilmaz</p></body></html>")
    return M("ey", ("Transmuraal team", "hartfalen@ziekenhuis-isala.test"), "aanmelding hartfalenzorg", "", "1111",
             "html-only;bsn-entities", html=h, fmt="html")


@sc
def html_span_bsn():
    p = P(); b = p.bsn
    sp = f"<span>{b[:3]}</span><span style='color:#000'>{b[3:6]}</span><span>{b[6:]}</span>"
    h = (f"<html><body><p>Hoi,</p><p>Voor de Wlz-aanvraag: {p.formal}, BSN {sp}, {p.addr}, {p.town}. Reden: gevorderde dementie, 24-uurs toezicht nodig.</p><p>Gr. Sandra</p></body></html>")
    return M("sb", ("CIZ", "indicaties@ciz-regio.example"), "Wlz-aanvraag", "", "1110", "html-only;bsn-span-split;address",
             html=h, fmt="html")


@sc
def bsn_nbsp():
    p = P(); b = p.bsn
    h = (f"<html><body><p>Beste collega,</p><p>Graag terugkoppeling over {p.formal} ({p.dob}), "
         f"BSN&nbsp;{b[:3]}&nbsp;{b[3:6]}&nbsp;{b[6:]}: is de MRI van de lumbale wervelkolom al gepland?</p><p>R. el Amrani</p></body></html>")
    txt = f"Beste collega,\n\nGraag terugkoppeling over {p.formal} ({p.dob}), BSN {fmt_bsn(b,3)}: is de MRI van de lumbale wervelkolom al gepland?\n\nR. el Amrani"
    return M("amr", ("Neurologie", "neurologie@ziekenhuis-isala.test"), "MRI LWK", txt, "1111", "alt;bsn-nbsp;follow-up", html=h, fmt="alt")


@sc
def bsn_linebreak():
    p = P(); b = p.bsn
    body = (f"Beste collega,\n\n{p.Mw} {p.last}, geboren {p.dob}, BSN {b[:5]}\n{b[5:]} is op 2 maart overleden aan de gevolgen van een hartinfarct. "
            "Wilt u de lopende afspraken annuleren?\n\nMet vriendelijke groet,\nM. Hoekstra")
    return M("hoek", ("Planning poli", "planning@ziekenhuis-isala.test"), "overlijden patiënt", body, "1111", "bsn-hard-linebreak;death",
             fmt="plain-8bit")


@sc
def qp_long_line_bsn():
    p = P()
    body = ("Beste collega, " + "ter aanvulling op het telefonisch overleg van vanochtend stuur ik de gegevens van de patiënte die volgende week bij u start met de revalidatie na de heupoperatie, " 
            f"te weten {p.full}, geboortedatum {p.dob}, burgerservicenummer {p.bsn}, wonende {p.addr} te {p.town}." + sig("sb"))
    return M("sb", ("Revalidatiecentrum", "intake@revalidatie-ijssel.example"), "aanmelding revalidatie", body, "1111",
             "qp-soft-break;long-line;bsn", fmt="plain-qp")


@sc
def ics_specialist():
    p = P()
    body = f"Beste {p.Mw.lower()} {p.last},\n\nIn de bijlage uw afspraak bij de KNO-arts. Neemt u uw medicijnlijst mee?\n\nLotte"
    return M("lv", (p.full, p.email), "Uw afspraak KNO", body, "0110", "appointment;ics;specialist",
             atts=[A_ics(f"KNO-arts {p.full}", "20250312T101500", "20250312T103000", "Isala, poli KNO, route 45",
                         f"Patiënt {p.full}, geb. {p.dob}. Reden: gehoorverlies rechts, audiogram vooraf", "kno-1234@ziekenhuis-isala.test")])


@sc
def vcf_patient_note():
    p = P()
    body = "Ter info: contactkaart van de mantelzorger van onze gezamenlijke patiënt.\n\nSandra"
    return M("sb", ("Wijkteam", "wijkteamzuid@thuiszorg-ijsselland.example"), "contact mantelzorger", body, "0111", "vcf;note",
             atts=[A_vcf(f"Karin {p.last}", "", p.tel, f"karin.{p.last.split()[-1].lower()}@mail.example",
                         f"Dochter van {p.formal} (geb. {p.dob}), dementie, woont {p.addr}", fn="mantelzorger.vcf")])


@sc
def zip_of_letters():
    ps = [P() for _ in range(2)]
    files = [(f"brief_{i + 1}_{p.last.split()[-1]}.txt", f"Betreft: {p.full}, {p.dob}\nUitslag echo buik: galstenen, geen cholecystitis.\n") for i, p in enumerate(ps)]
    files.append(("begeleidend.txt", "Begeleidende brief bij overdracht"))
    body = "Beste waarnemer,\n\nIn de zip de openstaande brieven.\n\nPetra"
    return M("ps", ("F. Dijkman", "f.dijkman@praktijk-dijkman.nl"), "brieven", body, "0111", "zip;waarneming;lab",
             atts=[A_zip(files, "brieven.zip")])


@sc
def zip_in_zip():
    p = P()
    inner = mkzip([("patient.csv", f"naam;geb;bsn\n{p.full};{p.dob};{p.bsn}\n")])
    files = [("export/readme.txt", "Export uit HIS"), ("export/data.zip", inner)]
    body = "Hoi IT,\n\nDe export voor de migratietest. Let op: één testpatiënt staat erin (echte data, graag verwijderen na test).\n\nAnnemiek"
    return M("ak", ("Zorg-ICT", "migratie@zorg-ict.example"), "export migratietest", body, "1010", "zip-in-zip;csv;bsn",
             atts=[A_zip(files, "export.zip")])


@sc
def xlsx_numeric_bsn():
    ps = [P() for _ in range(3)]
    rows = [["Naam", "Geboortedatum", "BSN", "Vaccin"]] + [[p.full, p.dob, int(p.bsn), "COVID najaar"] for p in ps]
    body = "Beste GGD,\n\nDe lijst met gevaccineerde patiënten voor de registratie (met toestemming).\n\nLotte"
    return M("lv", ("GGD IJsselland", "vaccinatie@ggd-ijsselland.example"), "registratie vaccinaties", body, "1111",
             "xlsx;bsn-numeric-cell;vaccination", atts=[A_xlsx(rows, "vaccinaties.xlsx")])


@sc
def pdf_split_bsn():
    p = P(); b = p.bsn
    lines = ["Aanvraagformulier Veilig Thuis consult", [f"Kind: {p.full}"], [f"Geboren: {p.dob}"], ["BSN: ", b[:4], b[4:]],
             "Zorg: blauwe plekken op ongebruikelijke plaatsen, verklaring ouders wisselend."]
    body = "Geachte heer/mevrouw,\n\nHierbij zoals afgesproken het consultformulier.\n\nM. Hoekstra, huisarts"
    return M("hoek", ("Veilig Thuis", "advies@veiligthuis-ijsselland.example"), "consult", body, "1111", "pdf-split-text;bsn;child",
             atts=[A_pdf(lines, "consult.pdf")])


@sc
def pdf_page3():
    p = P()
    pages = [["Jaarverslag POH-GGZ 2024", "Inhoud"], ["Hoofdstuk 1: aantallen", "Consulten: 1.214"],
             ["Bijlage casus (NIET VERSPREIDEN)", f"{p.full}, {p.dob}, patnr {p.pnr}", "Depressie, traject 8 consulten, verwezen naar basis-GGZ"],
             ["Hoofdstuk 2: samenwerking"], ["Einde"]]
    body = "Hoi Annemiek,\n\nHierbij het jaarverslag.\n\nJoost"
    return M("jg", (STAFF["ak"][0], smail("ak")), "jaarverslag POH-GGZ", body, "0111", "pdf-page3;ggz;mostly-aggregate",
             atts=[att_part(pdf([], pages=pages), "application/pdf", "jaarverslag_pohggz_2024.pdf")])


@sc
def inline_forward():
    p = P()
    inner = (f"Beste huisarts,\n\nUw patiënt {p.formal} ({p.dob}) is gisteren gezien op de SEH wegens een enkeldistorsie links. "
             "Geen fractuur. Advies: tape, belasten op geleide van pijn.\n\nSEH Isala")
    body = "Lotte, even in het dossier zetten aub." + fwd(inner, "seh@ziekenhuis-isala.test", "3 maart 2025 22:14", "SEH-bericht", f"info@{DOM}")
    return M("amr", (STAFF["lv"][0], smail("lv")), "Fwd: SEH-bericht", body, "0111", "inline-forward;seh")


@sc
def german_hospital():
    p = P()
    body = (f"Sehr geehrte Kolleginnen und Kollegen,\n\nunsere Patientin {p.full}, geb. {p.dob}, wohnhaft {p.addr}, {p.town} (NL), "
            "wurde während ihres Urlaubs bei Ihnen wegen einer Pneumonie behandelt. Könnten Sie uns den Entlassungsbrief "
            "und die Röntgenbefunde zusenden?\n\nMit freundlichen Grüßen\nDr. M. Hoekstra, Hausärztin")
    return M("hoek", ("Klinikum", "sekretariat@klinikum-muenster.example"), "Anfrage Entlassungsbrief", body, "0111",
             "german;hospital;address", lang="de", fmt="latin1-qp")


@sc
def french_patient():
    p = P()
    body = (f"Bonjour {p.first},\n\nVotre ordonnance pour l'insuline (Novorapid) est prête à la pharmacie. "
            "N'oubliez pas votre contrôle du diabète le 12 mars.\n\nCordialement,\nEsra Yilmaz, infirmière")
    return M("ey", (p.full, p.email), "Ordonnance", body, "0100", "french;medication;reply-patient", lang="fr")


@sc
def polish_patient():
    p = Pt("M"); p.first = "Tomasz"; p.last = "Kowalski"
    body = (f"Dzień dobry Panie {p.last},\n\nWynik badania krwi jest dobry, cholesterol 4,8 mmol/l. "
            "Proszę dalej brać tabletki (simwastatyna).\n\nPozdrawiam,\nSandra Bakker, asystentka lekarza")
    return M("sb", (p.full, p.email), "Wynik badania", body, "0100", "polish;lab;medication", lang="pl")

# ---------------------------------------------------------------- more clean mail and hard negatives
@sc
def en_conference():
    body = ("Dear organisers,\n\nI would like to register for the WONCA Europe session on multimorbidity in primary care "
            "(Thursday). Our practice treats about 400 patients with type 2 diabetes; I'd be happy to share our audit figures.\n\n"
            "Best wishes,\nMarieke Hoekstra, GP")
    return M("hoek", ("WONCA registration", "registration@wonca-conf.example"), "Registration multimorbidity session", body, "0000",
             "english;conference;aggregate;hard-negative", lang="en")


@sc
def en_supplier_invoice():
    n = elf_number()
    body = (f"Hello,\n\nPlease find attached purchase order {n} for 2 ECG devices (model CardioLine 12). "
            "Delivery address: Lindeboomweg 12, 8022 AB Zwolle, the Netherlands. VAT NL001234567B01.\n\nRegards,\nAnnemiek Kramer, practice manager")
    csv = f"po_number,item,qty,unit_price\n{n},CardioLine 12,2,1450.00\n{n},ECG electrodes (box 500),4,39.95\n"
    return M("ak", ("Sales", "sales@ecg-devices.example"), f"PO {n}", body, "0000", "english;supplier;elfproef-po;csv;hard-negative",
             lang="en", atts=[A_txt(csv, f"PO_{n}.csv", "text/csv")])


@sc
def en_locum_availability():
    body = ("Hi Sarah,\n\nThanks for your CV. We are looking for a locum GP for weeks 30-32 (3 days/week). "
            "You would need BIG registration and a Dutch language level of at least B2. Are you available for a call on Friday?\n\n"
            "Kind regards,\nAnnemiek")
    return M("ak", ("Sarah Thompson", "sarah.thompson@mail.example"), "Locum position summer", body, "0000", "english;hr;name-only", lang="en")


@sc
def en_research_aggregate():
    body = ("Dear Dr. Jansen,\n\nFor the regional study on antibiotic prescribing: in 2024 we prescribed amoxicillin in 312 episodes "
            "of acute otitis media (children < 12) and nitrofurantoin in 540 UTI episodes. No patient-level data is included, "
            "as agreed in the protocol.\n\nBest regards,\nRachid el Amrani")
    return M("amr", ("Research office", "abstudy@umc-research.example"), "Study data Q4 (aggregate)", body, "0000",
             "english;research;aggregate;hard-negative", lang="en")


@sc
def en_it_password():
    t = elf_number()
    body = (f"Hi support,\n\nOur account for the telephony dashboard is locked (ticket {t}). Username: waterlelie-admin. "
            "Please reset and send the link to this address.\n\nThanks,\nPetra Smit")
    return M("ps", ("Telephony support", "help@voip-provider.example"), f"Locked account - ticket {t}", body, "0000",
             "english;it;elfproef-ticket;hard-negative", lang="en")


@sc
def en_referral_abroad():
    p = Pt("F")
    body = (f"Dear colleague,\n\nMy patient {p.full}, born {p.dob}, will stay in Spain for 3 months. She has hypertension and "
            "atrial fibrillation and uses apixaban 5 mg twice daily and bisoprolol 2.5 mg. Please find her medication overview attached.\n"
            + sig_en("hoek"))
    return M("hoek", ("Centro de Salud", "medico@centrosalud-alicante.example"), "Patient staying in your area", body, "0110",
             "english;medication;pdf", lang="en",
             atts=[A_pdf(["Medication overview", f"{p.full} - {p.dob}", "apixaban 5mg 2dd1", "bisoprolol 2.5mg 1dd1"], "medication.pdf")])


@sc
def en_insurer_travel():
    p = P()
    body = (f"Dear Sir/Madam,\n\nRe: claim for {p.full}, date of birth {p.dob}, policy {R.randint(10**7, 10**8)}. "
            "I confirm the patient was seen in our practice on 27 February for a fractured wrist sustained abroad and was referred "
            "for a cast check.\n" + sig_en("amr"))
    return M("amr", ("Claims", "claims@travel-insure.example"), "Claim confirmation", body, "0110", "english;insurer;diagnosis", lang="en")


@sc
def clean_phone_numbers():
    body = ("Beste collega's,\n\nNieuwe telefoonnummers per 1 april:\n- Algemeen: 038-421 77 30\n- Spoedlijn: 038-421 77 31\n"
            "- Receptenlijn: 038-421 77 32\n- Intercollegiaal: 038 421 7739\nMobiel dienstdoende arts: 06-41235987\n\nAnnemiek")
    return M("ak", ("Team", f"team@{DOM}"), "nieuwe telefoonnummers", body, "0000", "internal;phone-numbers;hard-negative")


@sc
def clean_agb_kvk():
    body = ("Geachte heer/mevrouw,\n\nHierbij onze gegevens voor de nieuwe zorgovereenkomst:\nAGB-code praktijk: 01-058123\n"
            "AGB-code dr. Hoekstra: 01-012345\nKvK: 75112233\nIBAN: NL44INGB0001234567\nPostadres: Lindeboomweg 12, 8022 AB Zwolle\n\n"
            "Met vriendelijke groet,\nAnnemiek Kramer")
    return M("ak", ("Zorginkoop", "zorginkoop@zilveren-zorg.example"), "gegevens contractering 2026", body, "0000",
             "insurer;agb;kvk;iban;hard-negative", fmt="cp1252-8bit")


@sc
def clean_opening_hours_html():
    h = ("<html><body><p>Beste pati&euml;nt,</p><p>Rond Koningsdag zijn wij als volgt bereikbaar:</p><table border=1>"
         "<tr><td>Vr 25 april</td><td>8.00 - 17.00</td></tr><tr><td>Za 26 april</td><td>gesloten, bel de huisartsenpost</td></tr>"
         "</table><p>Bij levensbedreigende situaties belt u altijd 112.</p></body></html>")
    return M("ps", (None, "undisclosed-recipients:;"), "Bereikbaarheid Koningsdag", "", "0000", "generic;html-only", html=h, fmt="html")


@sc
def clean_pharmacy_overleg():
    body = ("Hoi Marco,\n\nVoor het FTO van 20 maart stel ik voor: onderwerp 'deprescribing bij ouderen' en de nieuwe "
            "NHG-standaard Astma. Willen jullie de voorschrijfcijfers van PPI's per praktijk meenemen (geanonimiseerd)?\n\nGroet, Rachid")
    return M("amr", ("Marco (apotheker)", "m.dekker@apotheek-stadshof.example"), "FTO maart", body, "0000",
             "pharmacy;fto;generic-health;hard-negative")


@sc
def clean_anonymised_incident():
    body = ("Beste collega's,\n\nVIM-melding (geanonimiseerd): bij een patiënt werd een verkeerde dosering prednison op het recept gezet "
            "(30 mg i.p.v. 3 mg). De apotheek heeft dit opgemerkt. Verbetermaatregel: dubbele check bij ophogen doseringen.\n\n"
            "Bespreking in het werkoverleg. Annemiek")
    return M("ak", ("Team", f"team@{DOM}"), "VIM-melding", body, "0000", "internal;vim;anonymised;hard-negative")


@sc
def clean_staff_names_meeting():
    body = ("Hoi Rachid,\n\nDinsdag heb ik overleg met Joost en Esra over de nieuwe werkwijze POH. Kun jij ook aansluiten? "
            "Daarna lunchen we met Dirk Vermeulen van MedSupply.\n\nGroet, Annemiek")
    return M("ak", (STAFF["amr"][0], smail("amr")), "overleg dinsdag", body, "0000", "internal;staff-names;hard-negative")


@sc
def clean_staff_leave_noreason():
    body = ("Beste Rachid,\n\nSandra is vanaf volgende week twee weken met verlof. "
            "Ik heb een uitzendkracht geregeld.\n\nAnnemiek")
    return M("ak", (STAFF["amr"][0], smail("amr")), "bezetting assistentes", body, "0000", "hr;leave-no-reason;staff")


@sc
def clean_waste_pickup():
    n = elf_number()
    body = (f"Goedemiddag,\n\nGraag een extra ophaalmoment voor het medisch afval (naaldcontainers, 4 vaten). "
            f"Klantnummer {n}.\n\nMet vriendelijke groet,\nPetra Smit")
    return M("ps", ("Afvalservice", "planning@medisch-afval.example"), "ophalen medisch afval", body, "0000",
             "facilities;elfproef-customer;hard-negative")


@sc
def clean_docx_protocol():
    paras = ["Protocol wondbehandeling", "1. Reinig de wond met kraanwater.", "2. Beoordeel diepte en infectietekenen.",
             "3. Bij twijfel overleg met de huisarts.", "Versie 3, vastgesteld 01-02-2025, evaluatie 01-02-2027"]
    body = "Beste team,\n\nHet geactualiseerde protocol staat in de bijlage.\n\nEsra"
    return M("ey", ("Team", f"team@{DOM}"), "protocol wondbehandeling", body, "0000", "internal;docx;protocol;generic-health",
             atts=[A_docx(paras, "protocol_wondbehandeling.docx")])


@sc
def clean_zip_templates():
    files = [("sjablonen/brief_uitnodiging.txt", "Geachte [naam],\n\nU bent uitgenodigd voor de jaarcontrole."),
             ("sjablonen/brief_griepprik.txt", "Geachte [naam],\n\nU komt in aanmerking voor de griepprik.")]
    body = "Hoi Lotte,\n\nHierbij de lege sjablonen voor de uitnodigingsbrieven.\n\nPetra"
    return M("ps", (STAFF["lv"][0], smail("lv")), "sjablonen", body, "0000", "zip;templates;hard-negative",
             atts=[A_zip(files, "sjablonen.zip")])


@sc
def clean_ggd_generic():
    body = ("Beste collega's,\n\nDe GGD meldt een toename van mazelen in de regio. Advies: controleer vaccinatiestatus van "
            "kinderen bij consult en meld verdachte gevallen direct.\n\nMarieke")
    return M("hoek", ("Team", f"team@{DOM}"), "FW: GGD-bericht mazelen", body, "0000", "generic-health;public-health;hard-negative")


@sc
def clean_reply_chain_quoted_clean():
    qtxt = ("Hoi Annemiek,\n\nKunnen jullie op 12 maart de vergaderruimte gebruiken voor de HAGRO? We zijn met 8 personen.\n\nMarieke Kuipers")
    body = "Hoi Marieke,\n\nPrima, de ruimte is vrij vanaf 18.30. Koffie staat klaar." + sig("ak", True) + quote(qtxt, "Marieke Kuipers", day())
    return M("ak", ("Marieke Kuipers", "m.kuipers@praktijk-berkum.nl"), "Re: ruimte HAGRO", body, "0000", "quoted;clean;name-only")

# ---------------------------------------------------------------- more sensitive
@sc
def poh_dm_ctrl_table():
    p = P()
    h = (f"<html><body><p>Hoi Rachid,</p><p>Jaarcontrole {p.formal} ({p.dob}):</p><table border=1>"
         "<tr><td>RR</td><td>152/94</td></tr><tr><td>HbA1c</td><td>64 mmol/mol</td></tr><tr><td>eGFR</td><td>52</td></tr>"
         "<tr><td>Voeten</td><td>sens. verminderd li</td></tr></table><p>Voorstel: gliclazide erbij? Graag je akkoord.</p><p>Esra</p></body></html>")
    return M("ey", (STAFF["amr"][0], smail("amr")), "DM jaarctrl - akkoord?", "", "0110", "internal;html-table;lab", html=h, fmt="alt")


@sc
def secretary_dossier_request():
    p = P(); b = p.bsn
    body = (f"Geachte collega,\n\n{p.Mw} {p.full} (geb. {p.dob}) heeft zich bij ons ingeschreven. Wilt u het dossier via "
            f"Edifact/ZorgDomein overdragen? Burgerservicenr.: {fmt_bsn(b, 2)}.\n\nMet vriendelijke groet,\nPetra Smit, secretariaat")
    return M("ps", ("Huisartsen Stadshagen", "info@praktijk-stadshagen.nl"), "Verzoek dossieroverdracht", body, "1010",
             "dossier-request;bsn-dotted;no-health")


@sc
def secretary_uitschrijving():
    p = P()
    body = (f"Beste collega,\n\nWij ontvingen het verzoek om {p.full}, geb. {p.dob}, {p.addr}, uit te schrijven. "
            "Het dossier volgt via de gebruikelijke weg.\n\nPetra")
    return M("ps", ("Praktijk Berkum", "info@praktijk-berkum.nl"), "uitschrijving", body, "0010", "personal-only;address;no-health")


@sc
def windows1252_referral():
    p = P()
    body = (f"Geachte collega,\n\nGraag verwijs ik {p.formal}, geboren {p.dob}, naar uw praktijk voor podotherapie: "
            "diabetische voet, Sims-classificatie 2, callus onder MTP-1 re. Kosten € 0,- (ketenzorg).\n\nMet collegiale groet,\nE. Yilmaz, POH-S")
    return M("ey", ("Podotherapie", "info@podo-ijssel.example"), "verwijzing podotherapie", body, "0110", "referral;windows-1252;euro",
             fmt="cp1252-8bit")


@sc
def ggz_reply_quoted_deep():
    p = P()
    q1 = f"Beste Joost,\n\nKan ik mijn afspraak van donderdag verzetten? Het gaat niet zo goed, ik slaap weer slecht en de paniekaanvallen zijn terug.\n\n{p.full}"
    q2 = "Beste Joost,\n\nIk heb het gisteren gemist. Sorry." + quote(q1, p.full, "ma 3 mrt 2025 07:55")
    body = f"Beste {p.first},\n\nGeen probleem. Ik heb je ingepland op vrijdag 10.30 uur.\n\nJoost" + quote(q2, p.full, "di 4 mrt 2025 21:03")
    return M("jg", (p.full, p.email), "Re: Re: afspraak", body, "0100", "reply-patient;ggz;deep-quote")


@sc
def lab_result_txt():
    p = P()
    txt = (f"LABUITSLAG\nPatiënt: {p.last}, {p.first}\nGeb.datum: {p.dob}\nAdres: {p.addr}, {p.pc} {p.town}\n\n"
           "Hb 6.1 mmol/l (L)\nMCV 74 fl (L)\nFerritine 6 ug/l (L)\n")
    body = "Marieke, ter info de uitslag die per abuis naar het algemene adres kwam.\n\nSandra"
    return M("sb", (STAFF["hoek"][0], smail("hoek")), "uitslag", body, "0110", "internal;txt-attachment;lab",
             atts=[A_txt(txt, "uitslag.txt", charset="iso-8859-1")])


@sc
def thuiszorg_medlijst_docx():
    p = P(); b = p.bsn
    paras = ["Medicatieoverzicht", ["Naam: ", p.full], ["Geb: ", p.dob], ["BSN: ", b[:2], b[2:5], b[5:]],
             "furosemide 40mg 1dd1", "spironolacton 25mg 1dd1", "metoprolol 100mg 1dd1", "paracetamol 1g zn max 3dd"]
    body = "Beste wijkverpleegkundige,\n\nZoals besproken het actuele medicatieoverzicht.\n\nLotte"
    return M("lv", ("Wijkteam Noord", "wijkteamnoord@thuiszorg-ijsselland.example"), "medicatieoverzicht", body, "1110",
             "homecare;docx-split-runs;medication", atts=[A_docx(paras, "medicatieoverzicht.docx")])


@sc
def hap_return_mail():
    p = P()
    qtxt = (f"Geachte collega,\n\nUw patiënt {p.full} ({p.dob}) belde vannacht met benauwdheid. Gezien: saturatie 91%, "
            "crepitaties basaal re. Gestart met amoxicilline. Graag ctrl binnen 48 uur.\n\nHAP Zwolle")
    body = "Hoi Lotte,\n\nWil jij deze pt morgen inplannen voor ctrl bij mij? Dank" + quote(qtxt, "HAP Zwolle", "za 1 mrt 2025 03:12")
    return M("amr", (STAFF["lv"][0], smail("lv")), "Fw: waarneembericht HAP", body, "0110", "internal;hap;quoted")


@sc
def wmo_followup_minimal():
    p = P()
    body = (f"Beste mevrouw Jansen,\n\nNog even ter aanvulling: {p.Mw.lower()} {p.last} woont alleen op {p.addr} en valt "
            "de laatste tijd vaker door de Parkinson. Een traplift lijkt mij zeer gewenst.\n\nMarieke Hoekstra")
    return M("hoek", ("Wmo-consulent", "wmo@gemeente-zwolle.example"), "Re: Wmo traplift", body, "0110", "municipality;wmo;address")


@sc
def en_patient_portal():
    p = P()
    qtxt = f"Hello, could you please send me my vaccination record? I need it for my new job at the hospital. {p.full}, born {p.dob}"
    body = ("Dear " + p.first + ",\n\nAttached is your vaccination overview (hepatitis B 3x, MMR 2x, DTP booster 2019)." + sig_en("lv")
            + quote_en(qtxt, p.email, "Tue 4 Mar 2025 10:02"))
    return M("lv", (p.full, p.email), "Re: vaccination record", body, "0110", "english;reply-patient;vaccination", lang="en")


@sc
def en_internal_locum():
    p = P()
    body = (f"Frank,\n\nOne more: pt no. {p.pnr}, {p.full}, started lithium last month, level due Thursday. Please check the result "
            "and adjust if > 1.0.\n\nThanks, Rachid")
    return M("amr", ("Frank Dijkman", "f.dijkman@praktijk-dijkman.nl"), "lithium level", body, "0110", "english;waarneming;medication", lang="en")


@sc
def bsn_only_no_name_insurer():
    b = bsn()
    body = (f"Beste,\n\nDe declaratie voor burgerservicenummer {fmt_bsn(b, 1)} is afgewezen met de melding 'verzekerde onbekend'. "
            "Kunt u nagaan of de polis per 1 januari is overgezet?\n\nMvg, Annemiek")
    return M("ak", ("Declaraties", "declaraties@zilveren-zorg.example"), "afwijzing declaratie", body, "1000", "insurer;bsn-dotted;no-name")


@sc
def mixed_invoice_and_bsn():
    b = bsn(); inv = elf_number()
    body = (f"Goedemiddag,\n\nFactuur {inv} betreft het consult van de verzekerde met BSN {b} (niet-verzekerde toerist, zelf betaald). "
            "Graag creditering.\n\nPetra")
    return M("ps", ("Debiteuren", "debiteuren@hz-declaratie.example"), f"creditering factuur {inv}", body, "1000",
             "invoice-elfproef-plus-real-bsn;bsn")

# ---------------------------------------------------------------- a few more clean ones (single instance)
@sc
def clean_vacancy():
    body = ("Beste collega's,\n\nWe zoeken een doktersassistente voor 24 uur per week (m/v/x). Kennis van triage volgens de NTS "
            "is een pré. Kennen jullie iemand? Laat het weten!\n\nAnnemiek")
    return M("ak", ("HAGRO", "hagro-zuid@huisartsen-zwolle.example"), "vacature doktersassistente", body, "0000", "hr;vacancy")


@sc
def clean_hagro_ics():
    body = "Beste collega's,\n\nUitnodiging HAGRO-overleg, agenda volgt. Onderwerp: samenwerking wijkverpleging en de griepcampagne.\n\nMarieke"
    return M("hoek", ("HAGRO", "hagro-zuid@huisartsen-zwolle.example"), "HAGRO 12 maart", body, "0000", "meeting;ics;hagro",
             atts=[A_ics("HAGRO overleg", "20250312T183000", "20250312T210000", "Huisartsenpraktijk De Waterlelie",
                         "Agenda: 1. Wijkverpleging 2. Griepcampagne 3. Rondvraag", "hagro-0312@praktijk-waterlelie.nl", fn="hagro.ics")])


@sc
def clean_declaration_batch():
    nums = [elf_number() for _ in range(3)]
    rows = [["Batchnummer", "Aantal prestaties", "Bedrag"]] + [[int(n), R.randint(100, 900), round(R.uniform(2000, 9000), 2)] for n in nums]
    body = "Beste,\n\nHierbij het overzicht van de ingediende declaratiebatches over februari.\n\nAnnemiek"
    return M("ak", ("Boekhouder", "boekhouding@admin-kantoor.example"), "declaratiebatches februari", body, "0000",
             "xlsx;elfproef-batch-numbers-numeric;hard-negative", atts=[A_xlsx(rows, "batches_feb.xlsx")])


@sc
def clean_coffee():
    body = "Hoi Annemiek,\n\nDe koffieautomaat in de personeelsruimte lekt weer. Zal ik de leverancier bellen?\n\nLotte"
    return M("lv", (STAFF["ak"][0], smail("ak")), "koffieautomaat", body, "0000", "internal;facilities", fmt="plain-8bit")


@sc
def clean_poh_training_fr():
    body = ("Bonjour,\n\nJe souhaite m'inscrire à la formation « Entretien motivationnel » du 15 mai à Bruxelles. "
            "Merci de m'envoyer la facture à l'adresse du cabinet.\n\nCordialement,\nEsra Yilmaz")
    return M("ey", ("Inscriptions", "inscription@formation-sante.example"), "Inscription formation", body, "0000", "french;training",
             lang="fr", fmt="latin1-qp")


@sc
def clean_quoted_supplier_chain():
    n = elf_number()
    qtxt = f"Geachte klant,\n\nUw bestelling {n} wordt morgen geleverd tussen 9 en 12 uur.\n\nMet vriendelijke groet,\nMedSupply"
    body = "Dank, dan zorg ik dat er iemand is." + sig("ps", True) + quote(qtxt, "MedSupply", day())
    return M("ps", ("MedSupply", "orders@medsupply.example"), f"Re: leverbericht {n}", body, "0000", "supplier;quoted;elfproef-order;hard-negative")

# ================================================================ rendering
FMTS = ["plain-qp", "plain-8bit", "plain-qp", "alt", "plain-b64", "latin1-qp", "cp1252-8bit", "alt", "html", "plain-qp"]


def to_html(text):
    out = []
    for para in text.split("\n\n"):
        lines = para.split("\n")
        if all(l.startswith(">") for l in lines if l):
            inner = "<br>\n".join(_html.escape(l.lstrip("> ").rstrip()) for l in lines)
            out.append(f"<blockquote style=\"border-left:2px solid #ccc;padding-left:6px\">{inner}</blockquote>")
        else:
            out.append("<p>" + "<br>\n".join(_html.escape(l) for l in lines) + "</p>")
    return ("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\"></head>"
            "<body style=\"font-family:Calibri,sans-serif\">\n" + "\n".join(out) + "\n</body></html>")


def strip_html(h):
    import re
    t = re.sub(r"<br\s*/?>", "\n", h)
    t = re.sub(r"</(p|tr|h\d)>", "\n", t)
    t = re.sub(r"</td>", "\t", t)
    t = re.sub(r"<[^>]+>", "", t)
    return _html.unescape(t)


def render(m, idx, when):
    fmt = m["fmt"] or FMTS[idx % len(FMTS)]
    text = m["body"]
    html_src = m["html"]
    if not text and html_src and fmt != "html":
        text = strip_html(html_src)
    charset = "utf-8"
    if fmt in ("latin1-qp", "cp1252-8bit"):
        charset = "iso-8859-1" if fmt == "latin1-qp" else "windows-1252"
        try:
            text.encode(charset)
            if html_src:
                html_src.encode(charset)
        except UnicodeEncodeError:
            charset = "utf-8"
    cte = {"plain-8bit": "8bit", "cp1252-8bit": "8bit", "plain-b64": "base64"}.get(fmt, "quoted-printable")
    if fmt == "html":
        body = text_part(html_src or to_html(text), "html", charset, R.choice(["quoted-printable", "base64"]))
    elif fmt == "alt":
        body = multipart("alternative", [text_part(text, "plain", charset, cte),
                                         text_part(html_src or to_html(text), "html", charset, cte)])
    else:
        body = text_part(text, "plain", charset, cte)
    if m["atts"]:
        body = multipart("mixed", [body] + m["atts"])
    n, loc, _ = STAFF[m["frm"]]
    to = m["to"]
    hdrs = [("Date", when), ("From", addr(n, smail(m["frm"]))),
            ("To", to[1] if to[1].endswith(":;") else addr(to[0], to[1]))]
    if m["cc"]:
        hdrs.append(("Cc", m["cc"]))
    hdrs += [("Subject", enc_header(m["subj"])),
             ("Message-ID", f"<{R.randint(10**15, 10**16 - 1):x}.{idx}@{DOM}>")]
    hdrs += [("X-Mailer", R.choice(["Microsoft Outlook 16.0", "Mozilla Thunderbird", "Zivver Outlook add-in 4.2", "Apple Mail (2.3826)"]))]
    hdrs += m["extra_hdr"]
    return message(hdrs, body, crlf=(idx % 8 != 3)), fmt, charset


DAYS = [("Mon", 3), ("Tue", 4), ("Wed", 5), ("Thu", 6), ("Fri", 7)]

def mult(f, clean):
    """Sensitive scenarios once (25 chosen ones twice), clean scenarios twice (six once)."""
    n = f.__name__
    if n in ONCE_CLEAN:
        return 1
    if n in TWICE_SENSITIVE:
        return 2
    return 2 if clean else 1


# how many instances of each scenario (default 2); clean-heavy scenarios are repeated more
def main():
    out = os.path.dirname(os.path.abspath(__file__))
    if "--out" in sys.argv:
        out = sys.argv[sys.argv.index("--out") + 1]
    items = []
    for f in SC:
        m = f()
        items.append((f.__name__, m))
        clean = m["lab"][:3] == "000" and "unscannable" not in m["note"]
        for _ in range(mult(f, clean) - 1):
            items.append((f.__name__, f()))
    R.shuffle(items)
    names = [f"msg-{i:03d}.eml" for i in range(1, len(items) + 1)]
    order = list(range(len(items)))
    rows = []
    for i, (name, m) in enumerate(items):
        d, dd = DAYS[i * 5 // len(items)]
        when = f"{d}, {dd:02d} Mar 2025 {R.randint(7, 18):02d}:{R.randint(0, 59):02d}:{R.randint(0, 59):02d} +0100"
        data, fmt, cs = render(m, i, when)
        fn = names[i]
        with open(os.path.join(out, fn), "wb") as fh:
            fh.write(data)
        lab = m["lab"][:3] + ("1" if "unscannable" in m["note"] else "0")
        note = ";".join([m["note"], fmt, cs, "lang-" + m["lang"], "scenario-" + name] + (["lf"] if i % 8 == 3 else []))
        rows.append((fn, lab, note))
    rows.sort()
    with open(os.path.join(out, "labels.tsv"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write("file\tbsn\thealth\tpersonal\tunscannable\tnote\n")
        for fn, lab, note in rows:
            fh.write(fn + "\t" + "\t".join(lab) + "\t" + note + "\n")


TWICE_SENSITIVE = set("""reply_patient_en followup_hospital_en waarneming_en en_referral_abroad en_insurer_travel en_patient_portal en_internal_locum reply_patient_uitslag reply_patient_herhaal reply_patient_quoted_only verwijs_docx verwijs_plain hospital_discharge_fwd pharmacy_change pharmacy_herhaal_table thuiszorg_wound wmo_request hap_overdracht internal_callback internal_callback_subject internal_pnr_lab enc_zip_dossier bsn_in_subject html_span_bsn inline_forward""".split())
ONCE_CLEAN = set("clean_vacancy clean_hagro_ics clean_declaration_batch clean_coffee clean_poh_training_fr clean_quoted_supplier_chain".split())
MULT = {}
if __name__ == "__main__":
    main()
