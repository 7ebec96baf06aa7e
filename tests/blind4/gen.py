#!/usr/bin/env python3
"""Deterministic generator for the blind4 evaluation corpus (python3 stdlib only).

usage: python3 gen.py [--out DIR] [--check]
Writes DIR/msg-NNN.eml and DIR/labels.tsv (DIR defaults to the folder of this script).
All people, numbers and organisations are synthetic.
"""
import base64
import hashlib
import html
import io
import os
import quopri
import random
import struct
import sys
import zipfile
import zlib
from email.header import Header

SEED = 40417
FIXED_ZIP_TIME = (2026, 3, 2, 9, 15, 0)

# ---------------------------------------------------------------- numbers

def elf_ok(s):
    d = [int(c) for c in s]
    if len(d) != 9:
        return False
    t = sum((9 - i) * d[i] for i in range(8)) - d[8]
    return t % 11 == 0


def make_bsn(rng, lead_zero=False):
    while True:
        d = [rng.randint(0, 9) for _ in range(8)]
        if lead_zero:
            d[0] = 0
            if d[1] == 0:
                continue
        elif d[0] == 0:
            continue
        r = sum((9 - i) * d[i] for i in range(8)) % 11
        if r == 10:
            continue
        s = "".join(map(str, d)) + str(r)
        assert elf_ok(s)
        return s


def nine_fail(rng):
    while True:
        s = str(rng.randint(100000000, 999999999))
        if not elf_ok(s):
            return s


def fmt_bsn(b, style):
    if style == "plain":
        return b
    if style == "dot4":
        return f"{b[:4]}.{b[4:6]}.{b[6:]}"
    if style == "dot3":
        return f"{b[:3]}.{b[3:6]}.{b[6:]}"
    if style == "space":
        return f"{b[:3]} {b[3:6]} {b[6:]}"
    if style == "space4":
        return f"{b[:4]} {b[4:6]} {b[6:]}"
    return b


BSN_STYLES = ["plain", "plain", "dot4", "dot3", "space", "space4"]

# ---------------------------------------------------------------- people

F_NL = ["Anouk", "Sanne", "Marieke", "Femke", "Ingrid", "Joke", "Wilma", "Lotte", "Esther", "Hanneke",
        "Gerda", "Tineke", "Noor", "Fleur", "Yvonne", "Annelies", "Corrie", "Mirjam", "Petra", "Karin"]
M_NL = ["Bart", "Joost", "Henk", "Pieter", "Wouter", "Gerrit", "Sander", "Teun", "Ruud", "Maarten",
        "Kees", "Arjen", "Jeroen", "Sjoerd", "Niels", "Dirk", "Willem", "Thijs", "Rob", "Hans"]
L_NL = ["de Boer", "Visser", "Mulder", "van Dijk", "Bosman", "Kuipers", "Hoekstra", "van der Veen",
        "Brouwer", "Smit", "Vermeulen", "Postma", "van Leeuwen", "Koster", "Schouten", "de Graaf",
        "Wijnands", "Timmermans", "Verbeek", "van den Heuvel", "Huisman", "Bakker", "Dekker", "Jonker",
        "Bos", "Kramer", "Molenaar", "ter Horst", "Zwart", "Peeters"]
F_PL = ["Agnieszka", "Katarzyna", "Magdalena", "Joanna"]
M_PL = ["Tomasz", "Piotr", "Krzysztof", "Marek"]
L_PL = ["Kowalczyk", "Wiśniewski", "Nowak", "Zieliński", "Lewandowska", "Wójcik"]
F_TR = ["Ayşe", "Elif", "Fatma", "Zeynep"]
M_TR = ["Mehmet", "Emre", "Hakan", "Murat"]
L_TR = ["Yılmaz", "Demir", "Çelik", "Kaya", "Öztürk", "Aydın"]
F_AR = ["Fatima", "Salma", "Khadija", "Nadia"]
M_AR = ["Mohamed", "Youssef", "Karim", "Said"]
L_AR = ["El Amrani", "Bouzid", "Haddou", "Benali", "Al-Khatib", "Aziz"]
F_EN = ["Emily", "Sarah", "Claire", "Rachel"]
M_EN = ["James", "Daniel", "Oliver", "Mark"]
L_EN = ["Thompson", "Walker", "Hughes", "O'Brien", "Fletcher", "Patel"]

STREETS = ["Lindelaan", "Kerkstraat", "Molenweg", "Beukenhof", "Spoorsingel", "Dorpsstraat", "Havenkade",
           "Populierenlaan", "Wilhelminastraat", "Zandpad", "Esdoornrode", "Tulpstraat", "Oude Gracht",
           "Merelstraat", "Brink", "Korenbloemweg"]
CITIES = ["Amersfoort", "Deventer", "Zwolle", "Leiden", "Gouda", "Alkmaar", "Tilburg", "Apeldoorn",
          "Heerenveen", "Roermond", "Hoorn", "Ede", "Assen", "Vlaardingen", "Nijkerk", "Meppel"]
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december"]
EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December"]


class Person:
    def __init__(self, rng, origin="nl", sex=None, age=None):
        self.sex = sex or rng.choice("FM")
        pools = {"nl": (F_NL, M_NL, L_NL), "pl": (F_PL, M_PL, L_PL), "tr": (F_TR, M_TR, L_TR),
                 "ar": (F_AR, M_AR, L_AR), "en": (F_EN, M_EN, L_EN)}[origin]
        self.first = rng.choice(pools[0] if self.sex == "F" else pools[1])
        self.last = rng.choice(pools[2])
        if age is None:
            age = rng.randint(19, 88)
        self.year = 2026 - age
        self.month = rng.randint(1, 12)
        self.day = rng.randint(1, 28)
        self.age = age
        self.street = f"{rng.choice(STREETS)} {rng.randint(1, 180)}{rng.choice(['', '', '', 'a', 'B', '-2'])}"
        self.pc = f"{rng.randint(1011, 9999)} {rng.choice('ABCDEGHJKLMNPRSTVWXZ')}{rng.choice('ABCDEGHJKLMNPRSTVWXZ')}"
        self.city = rng.choice(CITIES)
        self.phone = f"06-{rng.randint(10000000, 99999999)}"
        self.bsn = make_bsn(rng)
        self.pnr = str(rng.randint(10000, 99999))
        slug = (self.first[0] + "." + self.last.replace(" ", "").replace("'", "")).lower()
        slug = slug.translate(str.maketrans("şığüöçłńśźżéë", "sigouclnszzee"))
        self.email = f"{slug}{rng.randint(1, 99)}@{rng.choice(['mail.example', 'post.example', 'webmail.example', 'inbox.example'])}"

    @property
    def name(self):
        return f"{self.first} {self.last}"

    @property
    def title(self):
        return ("mevrouw " if self.sex == "F" else "meneer ") + self.last

    @property
    def mrmrs(self):
        return ("mevr. " if self.sex == "F" else "dhr. ") + self.first[0] + ". " + self.last

    def dob(self, style=0):
        d, m, y = self.day, self.month, self.year
        return [f"{d:02d}-{m:02d}-{y}", f"{d}-{m}-{y}", f"{d} {MONTHS[m - 1]} {y}", f"{y}-{m:02d}-{d:02d}",
                f"{d:02d}/{m:02d}/{y}", f"{d:02d}.{m:02d}.{y}"][style % 6]

    def dob_en(self):
        return f"{self.day} {EN_MONTHS[self.month - 1]} {self.year}"

    @property
    def addr(self):
        return f"{self.street}, {self.pc} {self.city}"


PRACTICES = [("Huisartsenpraktijk De Wilgenhof", "praktijk-wilgenhof.nl", "Amersfoort", "033-4617720"),
             ("Huisartsen Het Kruispunt", "praktijk-kruispunt.nl", "Zwolle", "038-4227190"),
             ("Gezondheidscentrum Noorderhaven", "praktijk-noorderhaven.nl", "Alkmaar", "072-5118830"),
             ("Huisartspraktijk Van Rijn & Oosterhof", "praktijk-vanrijn.nl", "Gouda", "0182-513640"),
             ("Huisartsengroep De Esch", "praktijk-deesch.nl", "Ede", "0318-620945")]
HOSPITALS = [("Ziekenhuis Rivierenland-Oost", "ziekenhuis-rivierenland.test"),
             ("Meander Zuid Ziekenhuis", "ziekenhuis-meanderzuid.test"),
             ("St. Elisabeth Gasthuis", "ziekenhuis-elisabeth.test")]


class Practice:
    def __init__(self, rng):
        self.name, self.dom, self.city, self.tel = rng.choice(PRACTICES)
        self.gp = Person(rng, age=rng.randint(34, 62))
        self.gp2 = Person(rng, age=rng.randint(30, 60))
        self.assist = Person(rng, age=rng.randint(22, 55))
        self.poh = Person(rng, age=rng.randint(28, 60))
        self.agb = "01" + str(rng.randint(100000, 999999))

    def addr(self, who):
        local = (who.first[0] + "." + who.last.replace(" ", "")).lower()
        return f"{who.first} {who.last} <{local}@{self.dom}>"

    @property
    def info(self):
        return f"{self.name} <info@{self.dom}>"

    def sig(self, who, role, rng=None, en=False):
        lines = [f"{who.first} {who.last}", role, self.name, f"T {self.tel}"]
        if rng and rng.random() < 0.5:
            lines.append(f"www.{self.dom}")
        if rng and rng.random() < 0.4:
            lines.append("Bij spoed buiten kantoortijd: huisartsenpost 0900-1515" if not en else
                         "Out of hours: call the GP emergency service 0900-1515")
        return "\n".join(lines)


# ---------------------------------------------------------------- MIME building

def hdr(s):
    try:
        s.encode("ascii")
        return s
    except UnicodeEncodeError:
        return Header(s, "utf-8").encode()


def addr_hdr(a):
    if "<" in a:
        n, rest = a.split("<", 1)
        n = n.strip()
        try:
            n.encode("ascii")
            if any(c in n for c in ",.;:@()'"):
                n = '"' + n.replace('"', '') + '"'
        except UnicodeEncodeError:
            n = Header(n, "utf-8").encode()
        return f"{n} <{rest}"
    return a


def enc_text(text, charset):
    try:
        return text.encode(charset), charset
    except UnicodeEncodeError:
        return text.encode("utf-8"), "utf-8"


def b64lines(data):
    s = base64.b64encode(data).decode()
    return "\n".join(s[i:i + 76] for i in range(0, len(s), 76)) + "\n"


def text_part(text, subtype="plain", charset="utf-8", cte="qp"):
    if not text.endswith("\n"):
        text += "\n"
    data, charset = enc_text(text, charset)
    if cte == "8bit" and all(b < 128 for b in data):
        cte = "7bit"
    if cte == "qp":
        body = quopri.encodestring(data).decode("ascii")
        c = "quoted-printable"
    elif cte == "b64":
        body = b64lines(data)
        c = "base64"
    else:
        body = data.decode(charset)
        c = cte
    h = f"Content-Type: text/{subtype}; charset=\"{charset}\"\nContent-Transfer-Encoding: {c}\n"
    return h, body, charset, c


class Raw:
    """a MIME entity as (header text, body text); body may contain non-ascii for 8bit."""

    def __init__(self, head, body):
        self.head, self.body = head, body

    def render(self):
        return self.head + "\n" + self.body


def leaf_text(text, subtype="plain", charset="utf-8", cte="qp"):
    h, b, cs, c = text_part(text, subtype, charset, cte)
    return Raw(h, b)


def attach(filename, ctype, data, inline=False, corrupt=False):
    fn = filename
    try:
        fn.encode("ascii")
        disp = f'{"inline" if inline else "attachment"}; filename="{fn}"'
        nm = f'; name="{fn}"'
    except UnicodeEncodeError:
        e = Header(fn, "utf-8").encode()
        disp = f'attachment; filename="{e}"'
        nm = f'; name="{e}"'
    body = b64lines(data)
    if corrupt:
        # damage the base64: chop it mid-way and insert junk characters
        cut = len(body) // 2
        body = body[:cut] + "\n%%%% ***!!!\n" + body[cut + 40:cut + 120] + "\n"
    h = f"Content-Type: {ctype}{nm}\nContent-Transfer-Encoding: base64\nContent-Disposition: {disp}\n"
    return Raw(h, body)


def attach_text(filename, ctype, text, charset="utf-8", cte="b64"):
    data, charset = enc_text(text, charset)
    if cte == "b64":
        body = b64lines(data)
        c = "base64"
    else:
        body = quopri.encodestring(data).decode()
        c = "quoted-printable"
    h = (f'Content-Type: {ctype}; charset="{charset}"; name="{filename}"\nContent-Transfer-Encoding: {c}\n'
         f'Content-Disposition: attachment; filename="{filename}"\n')
    return Raw(h, body)


def attach_msg(raw_msg_text, filename=None):
    d = f'attachment; filename="{filename}"' if filename else "attachment"
    h = f"Content-Type: message/rfc822\nContent-Disposition: {d}\n"
    return Raw(h, raw_msg_text)


def multipart(sub, parts, rng, preamble=True):
    bd = "----=_Part_" + "".join(rng.choice("0123456789ABCDEFabcdef") for _ in range(24))
    h = f'Content-Type: multipart/{sub};\n\tboundary="{bd}"\n'
    out = []
    if preamble and rng.random() < 0.5:
        out.append("This is a multi-part message in MIME format.\n")
    for p in parts:
        out.append(f"--{bd}\n")
        out.append(p.render())
        if not out[-1].endswith("\n"):
            out.append("\n")
    out.append(f"--{bd}--\n")
    return Raw(h, "".join(out))


MAILERS = ["Microsoft Outlook 16.0", "Apple Mail (2.3774)", "Thunderbird 128.4.0", "Zivver Secure Mail",
           "ZorgMail Webmail", "Roundcube Webmail/1.6.9", "iPhone Mail (21G93)", "Gmail-compatible webclient",
           None, None]


def make_date(rng):
    m = rng.randint(1, 11)
    d = rng.randint(1, 28)
    hh = rng.randint(6, 22)
    mm = rng.randint(0, 59)
    import datetime
    dt = datetime.date(2026, m, d)
    wd = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][dt.weekday()]
    mon = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][m - 1]
    tz = "+0100" if m in (1, 2, 3, 11, 12) else "+0200"
    return f"{wd}, {d} {mon} 2026 {hh:02d}:{mm:02d}:{rng.randint(0, 59):02d} {tz}"


def envelope(rng, frm, to, subject, entity, cc=None, extra=None):
    dom = frm.split("@")[-1].rstrip(">").strip()
    mid = "".join(rng.choice("0123456789abcdef") for _ in range(20))
    lines = [f"Date: {make_date(rng)}", f"From: {addr_hdr(frm)}", f"To: {addr_hdr(to)}"]
    if cc:
        lines.append(f"Cc: {addr_hdr(cc)}")
    lines.append(f"Subject: {hdr(subject)}")
    lines.append(f"Message-ID: <{mid}@{dom}>")
    m = rng.choice(MAILERS)
    if m:
        lines.append(f"X-Mailer: {m}")
    for e in extra or []:
        lines.append(e)
    lines.append("MIME-Version: 1.0")
    return "\n".join(lines) + "\n" + entity.head + "\n" + entity.body


# ---------------------------------------------------------------- documents

def xml_esc(s):
    return html.escape(s, quote=True)


def zip_bytes(files, compress=True):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in files:
            zi = zipfile.ZipInfo(name, FIXED_ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED if (compress and name != "mimetype") else zipfile.ZIP_STORED
            zi.external_attr = 0o644 << 16
            z.writestr(zi, data)
    return buf.getvalue()


W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def _w_runs(p):
    """p: str or list of str / (str, 'b') -> runs; each list item becomes its own w:r"""
    if isinstance(p, str):
        p = [p]
    out = []
    for r in p:
        bold = False
        if isinstance(r, tuple):
            r, bold = r[0], True
        rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
        out.append(f'<w:r>{rpr}<w:t xml:space="preserve">{xml_esc(r)}</w:t></w:r>')
    return "".join(out)


def docx(blocks, header=None, footer=None):
    """blocks: list of paragraphs (str or run list) or ('table', rows) where rows are lists of cells"""
    body = []
    for b in blocks:
        if isinstance(b, tuple) and b[0] == "table":
            rows = []
            for row in b[1]:
                cells = "".join(f'<w:tc><w:tcPr><w:tcW w:w="2400" w:type="dxa"/></w:tcPr><w:p>{_w_runs(c)}</w:p></w:tc>' for c in row)
                rows.append(f"<w:tr>{cells}</w:tr>")
            body.append('<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr>'
                        + "".join(rows) + "</w:tbl>")
        else:
            body.append(f"<w:p>{_w_runs(b)}</w:p>")
    sect = ""
    rels = ['<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>']
    files = []
    ct_over = ['<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>',
               '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>']
    refs = ""
    if header:
        files.append(("word/header1.xml", f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr {W_NS}>' +
                      "".join(f"<w:p>{_w_runs(h)}</w:p>" for h in header) + "</w:hdr>"))
        rels.append('<Relationship Id="rIdH1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>')
        ct_over.append('<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>')
        refs += '<w:headerReference w:type="default" r:id="rIdH1"/>'
    if footer:
        files.append(("word/footer1.xml", f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:ftr {W_NS}>' +
                      "".join(f"<w:p>{_w_runs(h)}</w:p>" for h in footer) + "</w:ftr>"))
        rels.append('<Relationship Id="rIdF1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>')
        ct_over.append('<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>')
        refs += '<w:footerReference w:type="default" r:id="rIdF1"/>'
    sect = f'<w:sectPr>{refs}<w:pgSz w:w="11906" w:h="16838"/></w:sectPr>'
    doc = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {W_NS}><w:body>'
           + "".join(body) + sect + "</w:body></w:document>")
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>' + "".join(ct_over) + "</Types>")
    rootrels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
    docrels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
               + "".join(rels) + "</Relationships>")
    styles = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles {W_NS}><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
              '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/></w:style></w:styles>')
    return zip_bytes([("[Content_Types].xml", ct), ("_rels/.rels", rootrels), ("word/document.xml", doc),
                      ("word/_rels/document.xml.rels", docrels), ("word/styles.xml", styles)] + files)


def col_letter(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def xlsx(sheets):
    """sheets: list of (name, rows); a cell is str (inline string), int/float (number) or ('n0', int) numeric with 000000000 format"""
    ws_files = []
    for si, (name, rows) in enumerate(sheets, 1):
        xr = []
        for ri, row in enumerate(rows, 1):
            cells = []
            for ci, v in enumerate(row):
                ref = f"{col_letter(ci)}{ri}"
                if v is None or v == "":
                    continue
                if isinstance(v, tuple):
                    cells.append(f'<c r="{ref}" s="1"><v>{v[1]}</v></c>')
                elif isinstance(v, (int, float)):
                    cells.append(f'<c r="{ref}"><v>{v}</v></c>')
                else:
                    cells.append(f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{xml_esc(v)}</t></is></c>')
            xr.append(f'<row r="{ri}">' + "".join(cells) + "</row>")
        ws_files.append((f"xl/worksheets/sheet{si}.xml",
                         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
                         + "".join(xr) + "</sheetData></worksheet>"))
    n = len(sheets)
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
          '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
          + "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' for i in range(1, n + 1))
          + "</Types>")
    rootrels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    wb = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
          + "".join(f'<sheet name="{xml_esc(s[0])}" sheetId="{i}" r:id="rId{i}"/>' for i, s in enumerate(sheets, 1)) + "</sheets></workbook>")
    wbrels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
              + "".join(f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i}.xml"/>' for i in range(1, n + 1))
              + f'<Relationship Id="rId{n + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>')
    styles = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
              '<numFmts count="1"><numFmt numFmtId="164" formatCode="000000000"/></numFmts>'
              '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
              '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
              '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
              '</styleSheet>')
    return zip_bytes([("[Content_Types].xml", ct), ("_rels/.rels", rootrels), ("xl/workbook.xml", wb),
                      ("xl/_rels/workbook.xml.rels", wbrels), ("xl/styles.xml", styles)] + ws_files)


def odt(paras, table=None):
    ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"')
    body = []
    for p in paras:
        if isinstance(p, list):  # spans
            body.append("<text:p>" + "".join(f"<text:span>{xml_esc(s)}</text:span>" for s in p) + "</text:p>")
        else:
            body.append(f"<text:p>{xml_esc(p)}</text:p>")
    if table:
        rows = "".join("<table:table-row>" + "".join(f'<table:table-cell office:value-type="string"><text:p>{xml_esc(c)}</text:p></table:table-cell>' for c in r) + "</table:table-row>" for r in table)
        body.append(f'<table:table table:name="Tabel1"><table:table-column table:number-columns-repeated="{len(table[0])}"/>{rows}</table:table>')
    content = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {ns} office:version="1.2"><office:body><office:text>'
               + "".join(body) + "</office:text></office:body></office:document-content>")
    manifest = ('<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>')
    return zip_bytes([("mimetype", "application/vnd.oasis.opendocument.text"), ("META-INF/manifest.xml", manifest),
                      ("content.xml", content)])


# --- PDF (hand-written PDF syntax, Helvetica, WinAnsiEncoding)

def pdf_str(s):
    b = s.encode("cp1252", "replace")
    return b.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def rc4(key, data):
    S = list(range(256))
    j = 0
    for i in range(256):
        j = (j + S[i] + key[i % len(key)]) & 255
        S[i], S[j] = S[j], S[i]
    out = bytearray()
    i = j = 0
    for c in data:
        i = (i + 1) & 255
        j = (j + S[i]) & 255
        S[i], S[j] = S[j], S[i]
        out.append(c ^ S[(S[i] + S[j]) & 255])
    return bytes(out)


PDF_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def pdf(pages, password=None, reverse_split=False):
    """pages: list of pages; a page is a list of lines; a line is str or a list of str segments
    (each segment drawn as its own text object). reverse_split draws segments in reverse order."""
    objs = {}
    objs[1] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objs[3] = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    kids = []
    n = 4
    streams = {}
    for pg in pages:
        ops = []
        y = 800
        for line in pg:
            if isinstance(line, str):
                ops.append(b"BT /F1 10 Tf 1 0 0 1 56 %d Tm (" % y + pdf_str(line) + b") Tj ET")
            else:
                x = 56.0
                segs = []
                for seg in line:
                    segs.append((x, seg))
                    x += 5.56 * len(seg)
                if reverse_split:
                    segs = segs[::-1]
                for x, seg in segs:
                    ops.append(b"BT /F1 10 Tf 1 0 0 1 %.2f %d Tm (" % (x, y) + pdf_str(seg) + b") Tj ET")
            y -= 15
        streams[n + 1] = b"\n".join(ops)
        objs[n] = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (n + 1)
        kids.append(n)
        n += 2
    objs[2] = b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids) + b"] /Count %d >>" % len(kids)
    fid = hashlib.md5(b"".join(streams.values())).digest()
    enc_key = None
    if password:
        owner = hashlib.md5((password + "-owner").encode()).digest()[:8]
        op = (owner + PDF_PAD)[:32]
        okey = hashlib.md5(op).digest()[:5]
        up = (password.encode() + PDF_PAD)[:32]
        O = rc4(okey, up)
        P = -44
        enc_key = hashlib.md5(up + O + struct.pack("<i", P) + fid).digest()[:5]
        U = rc4(enc_key, PDF_PAD)
        encn = n
        objs[encn] = b"<< /Filter /Standard /V 1 /R 2 /O <" + O.hex().encode() + b"> /U <" + U.hex().encode() + b"> /P %d >>" % P
        n += 1
    for num, data in streams.items():
        if enc_key:
            k = hashlib.md5(enc_key + struct.pack("<I", num)[:3] + b"\0\0").digest()[:10]
            data = rc4(k, data)
        objs[num] = b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offs = {}
    for num in sorted(objs):
        offs[num] = len(out)
        out += b"%d 0 obj\n" % num + objs[num] + b"\nendobj\n"
    xref = len(out)
    mx = max(objs)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (mx + 1)
    for i in range(1, mx + 1):
        out += b"%010d 00000 n \n" % offs[i]
    trailer = b"<< /Size %d /Root 1 0 R /ID [<" % (mx + 1) + fid.hex().encode() + b"> <" + fid.hex().encode() + b">]"
    if password:
        trailer += b" /Encrypt %d 0 R" % encn
    out += b"trailer\n" + trailer + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


# --- ZipCrypto encrypted zip (traditional PKWARE encryption), written by hand

_CRC = []
for _i in range(256):
    _c = _i
    for _ in range(8):
        _c = (_c >> 1) ^ 0xEDB88320 if _c & 1 else _c >> 1
    _CRC.append(_c)


def _crc_upd(crc, b):
    return _CRC[(crc ^ b) & 0xFF] ^ (crc >> 8)


def zipcrypto(files, password, rng):
    pw = password.encode()
    out = bytearray()
    central = bytearray()
    for name, data in files:
        if isinstance(data, str):
            data = data.encode("utf-8")
        k0, k1, k2 = 0x12345678, 0x23456789, 0x34567890

        def upd(c):
            nonlocal k0, k1, k2
            k0 = _crc_upd(k0, c)
            k1 = (k1 + (k0 & 0xFF)) & 0xFFFFFFFF
            k1 = (k1 * 134775813 + 1) & 0xFFFFFFFF
            k2 = _crc_upd(k2, (k1 >> 24) & 0xFF)

        for c in pw:
            upd(c)
        crc = zlib.crc32(data) & 0xFFFFFFFF
        comp = zlib.compressobj(6, zlib.DEFLATED, -15)
        cdata = comp.compress(data) + comp.flush()
        head = bytes(rng.randint(0, 255) for _ in range(11)) + bytes([crc >> 24])
        enc = bytearray()
        for c in head + cdata:
            t = (k2 | 2) & 0xFFFF
            kb = ((t * (t ^ 1)) >> 8) & 0xFF
            enc.append(c ^ kb)
            upd(c)
        nb = name.encode()
        dt, dd = 0x4A00, 0x5C62
        off = len(out)
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 1, 8, dt, dd, crc, len(enc), len(data), len(nb), 0) + nb + enc
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 1, 8, dt, dd, crc, len(enc), len(data), len(nb), 0, 0, 0, 0, 0o644 << 16, off) + nb
    cd_off = len(out)
    out += central
    out += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(files), len(files), len(central), cd_off, 0)
    return bytes(out)


# --- tiny PNG "scan" with a 5x7 bitmap font

FONT = {
    "0": "01110100011001110101110011000101110", "1": "00100011000010000100001000010001110",
    "2": "01110100010000100010001000100011111", "3": "11111000100010000010000011000101110",
    "4": "00010001100101010010111110001000010", "5": "11111100001111000001000011000101110",
    "6": "00110010001000011110100011000101110", "7": "11111000010001000100010000100001000",
    "8": "01110100011000101110100011000101110", "9": "01110100011000101111000010001001100",
    "A": "01110100011000111111100011000110001", "B": "11110100011000111110100011000111110",
    "C": "01110100011000010000100001000101110", "D": "11100100101000110001100011001011100",
    "E": "11111100001000011110100001000011111", "F": "11111100001000011110100001000010000",
    "G": "01110100011000010111100011000101111", "H": "10001100011000111111100011000110001",
    "I": "01110001000010000100001000010001110", "J": "00111000100001000010000101001001100",
    "K": "10001100101010011000101001001010001", "L": "10000100001000010000100001000011111",
    "M": "10001110111010110101100011000110001", "N": "10001100011100110101100111000110001",
    "O": "01110100011000110001100011000101110", "P": "11110100011000111110100001000010000",
    "Q": "01110100011000110001101011001001101", "R": "11110100011000111110101001001010001",
    "S": "01111100001000001110000010000111110", "T": "11111001000010000100001000010000100",
    "U": "10001100011000110001100011000101110", "V": "10001100011000110001100010101000100",
    "W": "10001100011000110101101011010101010", "X": "10001100010101000100010101000110001",
    "Y": "10001100011000101010001000010000100", "Z": "11111000010001000100010001000011111",
    " ": "0" * 35, ":": "00000011000110000000011000110000000", ".": "00000000000000000000000000110001100",
    "-": "00000000000000011111000000000000000", "/": "00001000010001000100010001000010000",
    ",": "00000000000000000000011000010001000",
}


def text_pixels(lines, scale=2):
    lines = [l.upper() for l in lines]
    w = (max(len(l) for l in lines) * 6 + 8) * scale
    h = (len(lines) * 10 + 8) * scale
    px = [[255] * w for _ in range(h)]
    for li, line in enumerate(lines):
        for ci, ch in enumerate(line):
            g = FONT.get(ch, FONT[" "])
            for r in range(7):
                for c in range(5):
                    if g[r * 5 + c] == "1":
                        for dy in range(scale):
                            for dx in range(scale):
                                px[(4 + li * 10 + r) * scale + dy][(4 + ci * 6 + c) * scale + dx] = 0
    return w, h, px


def png_text(lines, scale=2):
    w, h, px = text_pixels(lines, scale)
    raw = b"".join(b"\0" + bytes(row) for row in px)

    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def pdf_scan(lines):
    """a PDF whose only content is a grey-scale image of the text (no text objects)"""
    w, h, px = text_pixels(lines, 3)
    img = zlib.compress(b"".join(bytes(r) for r in px), 9)
    dw, dh = w * 0.5, h * 0.5
    content = b"q %.1f 0 0 %.1f 40 %.1f cm /Im1 Do Q" % (dw, dh, 800 - dh)
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>",
            b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n" % (w, h, len(img)) + img + b"\nendstream",
            b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offs = []
    for i, o in enumerate(objs, 1):
        offs.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    x = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offs)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, x)
    return bytes(out)


def ics(summary, start, end, location, description, uid):
    def fold(s):
        return s.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;").replace("\n", "\\n")
    return ("BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//Praktijk Agenda//NL\nMETHOD:REQUEST\nBEGIN:VEVENT\n"
            f"UID:{uid}\nDTSTAMP:20260301T080000Z\nDTSTART;TZID=Europe/Amsterdam:{start}\nDTEND;TZID=Europe/Amsterdam:{end}\n"
            f"SUMMARY:{fold(summary)}\nLOCATION:{fold(location)}\nDESCRIPTION:{fold(description)}\nEND:VEVENT\nEND:VCALENDAR\n")


def vcf(fn, last, first, org=None, tel=None, email=None, adr=None, bday=None, note=None):
    l = ["BEGIN:VCARD", "VERSION:3.0", f"N:{last};{first};;;", f"FN:{fn}"]
    if org:
        l.append(f"ORG:{org}")
    if tel:
        l.append(f"TEL;TYPE=CELL:{tel}")
    if email:
        l.append(f"EMAIL:{email}")
    if adr:
        l.append(f"ADR;TYPE=HOME:;;{adr[0]};{adr[2]};;{adr[1]};NL")
    if bday:
        l.append(f"BDAY:{bday}")
    if note:
        l.append(f"NOTE:{note}")
    l.append("END:VCARD")
    return "\n".join(l) + "\n"


def to_html(text, rng=None, table=None):
    paras = text.strip("\n").split("\n\n")
    parts = []
    for p in paras:
        parts.append("<p>" + "<br>\n".join(html.escape(x, quote=False) for x in p.split("\n")) + "</p>")
    if table:
        parts.insert(max(1, len(parts) - 2), table)
    style = ["font-family:Calibri,Arial,sans-serif;font-size:11pt", "font-family:Verdana;font-size:10pt",
             "font-family:Helvetica,Arial;font-size:14px;color:#222"][rng.randint(0, 2) if rng else 0]
    return (f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title></title></head>\n<body style="{style}">\n'
            + "\n".join(parts) + "\n</body></html>\n")


def html_table(rows, header=True):
    out = ['<table border="1" cellpadding="4" cellspacing="0" style="border-collapse:collapse">']
    for i, r in enumerate(rows):
        tag = "th" if header and i == 0 else "td"
        out.append("<tr>" + "".join(f"<{tag}>{c}</{tag}>" for c in r) + "</tr>")
    out.append("</table>")
    return "\n".join(out)


# ================================================================ content pools

CONDS = [
    dict(d="diabetes mellitus type 2", icpc="T90", med="metformine 500 mg 2dd1", lab="HbA1c 61 mmol/mol", en="type 2 diabetes"),
    dict(d="hypertensie", icpc="K86", med="amlodipine 5 mg 1dd1", lab="RR 164/96 mmHg", en="high blood pressure"),
    dict(d="COPD GOLD 2", icpc="R95", med="tiotropium 2,5 microgram 1dd2 inhalaties", lab="FEV1 58% van voorspeld", en="COPD"),
    dict(d="depressieve stoornis", icpc="P76", med="sertraline 50 mg 1dd1", lab="PHQ-9 score 17", en="depression"),
    dict(d="atriumfibrilleren", icpc="K78", med="apixaban 5 mg 2dd1", lab="eGFR 52 ml/min/1.73m2", en="atrial fibrillation"),
    dict(d="hypothyreoïdie", icpc="T86", med="levothyroxine 75 µg 1dd1", lab="TSH 8,9 mU/l", en="an underactive thyroid"),
    dict(d="astma", icpc="R96", med="budesonide/formoterol 160/4,5 2dd1", lab="piekstroom 310 l/min", en="asthma"),
    dict(d="jichtaanval", icpc="T92", med="naproxen 500 mg 2dd1", lab="urinezuur 0,56 mmol/l", en="gout"),
    dict(d="hartfalen", icpc="K77", med="furosemide 40 mg 1dd1", lab="NT-proBNP 1840 ng/l", en="heart failure"),
    dict(d="chronische nierschade", icpc="U99", med="losartan 50 mg 1dd1", lab="eGFR 38 ml/min/1.73m2", en="chronic kidney disease"),
    dict(d="angststoornis", icpc="P74", med="escitalopram 10 mg 1dd1", lab="GAD-7 score 15", en="an anxiety disorder"),
    dict(d="migraine", icpc="N89", med="sumatriptan 50 mg zo nodig", lab="hoofdpijndagboek 9 aanvallen/maand", en="migraine"),
]

SPECIALISMS = [("cardiologie", "cardioloog", "cardiology"), ("longziekten", "longarts", "pulmonology"),
               ("dermatologie", "dermatoloog", "dermatology"), ("neurologie", "neuroloog", "neurology"),
               ("orthopedie", "orthopeed", "orthopaedics"), ("interne geneeskunde", "internist", "internal medicine"),
               ("KNO", "KNO-arts", "ENT"), ("urologie", "uroloog", "urology"), ("gynaecologie", "gynaecoloog", "gynaecology")]

REASONS = [("pijn op de borst bij inspanning sinds 6 weken", "cardiologie"),
           ("recidiverende pneumonie, verdenking bronchiëctasieën", "longziekten"),
           ("pigmentlaesie rug, ABCD-criteria positief, verdenking melanoom", "dermatologie"),
           ("progressieve tremor rechterhand, differentiaaldiagnose M. Parkinson", "neurologie"),
           ("gonartrose rechts, conservatief uitbehandeld", "orthopedie"),
           ("onbegrepen anemie (Hb 6,4 mmol/l) en gewichtsverlies", "interne geneeskunde"),
           ("persisterende eenzijdige slechthorendheid links", "KNO"),
           ("PSA 9,8 ng/ml bij herhaling", "urologie"),
           ("postmenopauzaal bloedverlies", "gynaecologie")]


def L(b=0, h=0, p=0, u=0):
    return {"bsn": b, "health": h, "personal": p, "unscannable": u}


def M(frm, to, subj, text, lab, tags, atts=None, html_body=None, force=None, lang="nl", cc=None):
    return dict(frm=frm, to=to, subj=subj, text=text, lab=lab, tags=list(tags), atts=atts or [],
                html=html_body, force=force, lang=lang, cc=cc)


def ch(rng, *opts):
    return rng.choice(opts)


def greet_formal(rng, P):
    return ch(rng, "Geachte heer/mevrouw,", f"Beste dokter {P.gp.last},", f"Geachte dokter {P.gp.last},",
              "Goedemiddag,", "Beste assistente,", f"Geachte collega {P.gp.last},")


def pick_cond(rng):
    return rng.choice(CONDS)


def hosp(rng):
    return rng.choice(HOSPITALS)


# ================================================================ sensitive scenarios
# every function: (rng, P) -> message dict; labels are set by hand per variant

def s_pat_repeat(rng, P):
    p = Person(rng, age=rng.randint(35, 85))
    c = pick_cond(rng)
    with_dob = rng.random() < 0.5
    with_bsn = rng.random() < 0.45
    v = rng.randint(0, 2)
    if v == 0:
        t = (f"{greet_formal(rng, P)}\n\nGraag zou ik een herhaalrecept aanvragen voor mijn {c['med'].split(' ')[0]} "
             f"({c['med']}). Mijn doosje is over vijf dagen leeg.\n\nKan het recept naar de apotheek aan de {rng.choice(STREETS)} worden gestuurd?\n\n")
    elif v == 1:
        t = (f"Goedemorgen,\n\nIk gebruik al jaren {c['med']} voor mijn {c['d']} en zou graag weer een nieuwe voorraad willen. "
             "Zou de dokter het recept willen klaarzetten? Ik haal het vrijdag op.\n\n")
    else:
        t = (f"Dag praktijk,\n\nVerzoek om herhaling medicatie:\n- {c['med']}\n- omeprazol 20 mg 1dd1\n\n"
             "Alvast hartelijk bedankt voor de moeite.\n\n")
    extra = []
    if with_dob:
        extra.append(f"Geboortedatum: {p.dob(rng.randint(0, 5))}")
    if with_bsn:
        extra.append(f"BSN {fmt_bsn(p.bsn, rng.choice(BSN_STYLES))}")
    t += ch(rng, "Met vriendelijke groet,", "Vriendelijke groeten,", "Hartelijke groet,") + f"\n{p.name}\n" + "\n".join(extra)
    return M(f"{p.name} <{p.email}>", P.info, ch(rng, "Herhaalrecept", "herhaalrecept aanvragen", "Recept a.u.b.", f"Medicatie {p.last}"),
             t, L(b=int(with_bsn), h=1, p=int(with_dob or with_bsn)), ["patient-formal", "repeat-prescription"])


def s_pat_informal(rng, P):
    p = Person(rng, age=rng.randint(17, 40))
    v = rng.randint(0, 4)
    if v == 0:
        t = (f"hoi\n\nmn rug doet alweer zo zeer sinds zaterdag, kan echt nie meer bukken en de ibuprofen helpt nix. "
             f"kan ik morgen langskomen?? liefst na 3 uur want dan ben ik vrij\n\ngr {p.first}")
        s = "rug"
    elif v == 1:
        t = (f"Hee! ik heb sinds gister uitslag op mn armen en nek, heel erg jeuk en t wordt steeds roder. "
             f"ben zwanger 14 weken dus durf niks te smeren. wat moet ik doen?\n{p.first} x")
        s = "uitslag help"
    elif v == 2:
        t = (f"dokter ik moet ff vragen of die pil (microgynon) nou echt niet werkt met die antibiotica die ik van jullie kreeg "
             f"voor m'n blaasontsteking. want ben beetje in paniek haha\n\n{p.first}")
        s = "vraagje"
    elif v == 3:
        t = (f"goedemiddag ik heb die uitslag van het bloedprikken nog niet gehad?? mijn ijzer was toch te laag vorige keer. "
             f"wil graag weten of ik die tabletten moet blijven slikken\n\n groetjes {p.first}")
        s = "bloeduitslag??"
    else:
        t = (f"yo met {p.first}, mn oor is helemaal dicht en doet pijn sinds vrijdag, al 38,9 koorts gehad. "
             f"mag ik vandaag nog komen?? kan de hele dag\n")
        s = "oor"
    lab = L(h=1)
    return M(f"{p.name} <{p.email}>", P.info, s, t, lab, ["patient-informal", "whatsapp-style"],
             force=rng.choice([None, "plain"]))


def s_pat_en(rng, P):
    p = Person(rng, origin="en", age=rng.randint(24, 60))
    c = pick_cond(rng)
    v = rng.randint(0, 2)
    with_dob = v != 1
    if v == 0:
        t = (f"Dear Dr {P.gp.last},\n\nI moved to the Netherlands in March and registered with your practice. "
             f"Back home I was treated for {c['en']} and I take {c['med']}. I brought two months' supply; "
             f"could you take over the prescription?\n\nMy date of birth is {p.dob_en()}.\n\nMany thanks,\n{p.name}")
    elif v == 1:
        t = (f"Hi,\n\nQuick question - the assistant said my blood results were back ({c['lab'].split(' ')[0]} was off?). "
             f"Could someone explain what that means for me? I'm a bit worried.\n\nCheers,\n{p.first}")
    else:
        t = (f"Hello,\n\nI need a letter for my travel insurance stating that my {c['en']} is stable and that I use "
             f"{c['med']}. Flying to Toronto on the 14th.\n\nName: {p.name}\nDOB: {p.dob(3)}\nAddress: {p.addr}\n\nBest regards")
    return M(f"{p.name} <{p.email}>", P.info, ch(rng, "Prescription", "Question about my results", "Letter needed"),
             t, L(h=1, p=int(with_dob)), ["patient-en"], lang="en")


def s_parent_child(rng, P):
    par = Person(rng, age=rng.randint(28, 45))
    kid = Person(rng, age=rng.randint(0, 12))
    kid.last = par.last
    v = rng.randint(0, 3)
    dob = kid.dob(rng.randint(0, 5))
    if v == 0:
        t = (f"Beste dokter,\n\nOnze dochter {kid.first} (geboren {dob}) heeft al vier dagen koorts rond de 39,5 en drinkt slecht. "
             f"Vannacht heeft ze twee keer overgegeven. Moeten we langskomen?\n\nGroet,\n{par.name}")
    elif v == 1:
        t = (f"Hallo,\n\nMijn zoon {kid.name}, geb. {dob}, heeft weer last van zijn eczeem. De hydrocortison 1% crème is op. "
             f"Kunnen jullie een nieuw recept sturen naar de apotheek?\n\nAlvast bedankt!\n{par.first}")
    elif v == 2:
        t = (f"Goedendag,\n\nDe schoolarts adviseerde ons contact met u op te nemen omdat {kid.first} slecht hoort en achterblijft met praten. "
             f"Hij is {kid.age} jaar (geboortedatum {dob}). Graag een verwijzing naar het audiologisch centrum.\n\nMet vriendelijke groet,\n{par.name}")
    else:
        t = (f"hoi, {kid.first} ({dob}) is gisteren van de trampoline gevallen en haar pols is nu dik en blauw. "
             f"huisartsenpost zei maandag bij jullie langs. kan dat om 9 uur?\n{par.first} ({par.phone})")
    return M(f"{par.name} <{par.email}>", P.info, ch(rng, f"{kid.first}", "Vraag over ons kind", "afspraak kind", "koorts"),
             t, L(h=1, p=1), ["parent-about-child"])


def s_child_elderly(rng, P):
    ch_ = Person(rng, age=rng.randint(45, 65))
    par = Person(rng, age=rng.randint(78, 96))
    v = rng.randint(0, 2)
    if v == 0:
        t = (f"Geachte dokter {P.gp.last},\n\nIk schrijf u over mijn moeder, mevrouw {par.name}, {par.street} in {par.city}. "
             f"Ze is de afgelopen maand drie keer gevallen en vergeet steeds vaker haar medicijnen in te nemen. "
             f"Wij maken ons zorgen over beginnende dementie. Zou u een huisbezoek kunnen afleggen?\n\nVriendelijke groet,\n{ch_.name} (dochter)")
        lab = L(h=1, p=1)
    elif v == 1:
        t = (f"Beste huisarts,\n\nMijn vader {par.first} {par.last} (geboren {par.dob(2)}) heeft sinds de nieuwe bloeddrukpillen "
             f"last van dikke enkels en duizeligheid. Hij slikt nu amlodipine 10 mg. Kan dat de oorzaak zijn?\n\n{ch_.first} {ch_.last}")
        lab = L(h=1, p=1)
    else:
        t = (f"Hallo,\n\nNamens mijn schoonvader: hij heeft morgen de afspraak bij de longarts in het ziekenhuis maar hij weet niet meer "
             f"welke inhalers hij gebruikt. Kunt u mij het medicatieoverzicht mailen? Zijn BSN is {fmt_bsn(par.bsn, rng.choice(BSN_STYLES))}, "
             f"naam {par.name}.\n\nGroet, {ch_.first}")
        lab = L(b=1, h=1, p=1)
    return M(f"{ch_.name} <{ch_.email}>", P.info, ch(rng, "Zorgen om mijn moeder", "vader", "Medicatieoverzicht schoonvader", "Huisbezoek?"),
             t, lab, ["relative-about-elderly"])


def s_partner(rng, P):
    a = Person(rng, age=rng.randint(30, 70))
    b = Person(rng, age=a.age + rng.randint(-4, 4))
    v = rng.randint(0, 1)
    if v == 0:
        t = (f"Goedemiddag,\n\nMijn man {b.first} {a.last} durft zelf niet te mailen, maar hij slaapt al weken slecht, huilt veel en zegt dat alles "
             f"geen zin meer heeft. Kan de POH GGZ contact met hem opnemen? Hij is bereikbaar op {b.phone}.\n\nGroet,\n{a.name}")
        lab = L(h=1, p=1)
    else:
        t = (f"Hoi,\n\nMijn vriendin {b.first} {a.last} heeft gisteren de uitslag gekregen dat ze zwangerschapsdiabetes heeft. "
             f"Ze vroeg of zij een doorverwijzing naar de diëtist kan krijgen. Ik stuur het namens haar.\n\n{a.first}")
        lab = L(h=1)
    return M(f"{a.name} <{a.email}>", P.info, ch(rng, "namens mijn partner", "Vraag voor mijn man", "verwijzing diëtist"),
             t, lab, ["partner"])


def s_pat_l2(rng, P):
    o = rng.choice(["pl", "tr", "ar"])
    p = Person(rng, origin=o, age=rng.randint(22, 60))
    b = fmt_bsn(p.bsn, rng.choice(BSN_STYLES))
    v = rng.randint(0, 2)
    if o == "pl":
        if v == 0:
            t = (f"Dzień dobry / Goedemorgen,\n\nIk heb pijn in buik sinds 3 dagen, rechts onder, en ook een beetje koorts. "
                 f"Ik werk bij distributie centrum en mijn baas vraagt papier. Kan ik vandaag komen bij dokter?\n"
                 f"Mijn bsn nummer: {b}\n\nDziękuję,\n{p.name}")
            lab = L(b=1, h=1, p=1)
        else:
            t = (f"Goede dag,\n\nIk ben {p.name}, geboren {p.dob(0)}. Mijn medicijn voor de suiker (metformine) is op, "
                 f"apotheek zegt nodig nieuwe recept van huisarts. Ik spreek niet goed Nederlands sorry.\n\nBedankt")
            lab = L(h=1, p=1)
    elif o == "tr":
        if v == 0:
            mo = Person(rng, origin="tr", sex="F", age=rng.randint(60, 85))
            t = (f"Merhaba,\n\nMijn moeder {mo.first} {mo.last} heeft veel hoofdpijn en bloeddruk hoog 180, zij woont {mo.addr}. "
                 f"Zij spreekt geen nederlands. Kan dokter naar huis komen? Ik ben zoon, ik kan vertalen.\n\nTeşekkürler")
            lab = L(h=1, p=1)
        else:
            t = (f"Goedemiddag,\n\nIk heb vraag over mijn dochter {rng.choice(F_TR)} {p.last}, zij heeft astma en de pufje is klaar. Haar bsn {b}. "
                 f"Kan recept sturen naar apotheek Kerkstraat?\n\nMet groet,\n{p.first}")
            lab = L(b=1, h=1, p=1)
    else:
        if v == 0:
            t = (f"السلام عليكم\n\nGoedemorgen dokter, mijn vrouw is zwanger 20 weken en zij heeft veel bloed in urine vandaag. "
                 f"Wij zijn bang. Haar naam is {rng.choice(F_AR)} {p.last}, geboren {Person(rng, sex='F', age=rng.randint(20, 38)).dob(1)}. Wat moeten wij doen?\n\n{p.name}")
            lab = L(h=1, p=1)
        else:
            t = (f"Goedendag,\n\nIk heb brief nodig voor IND dat ik behandeling heb voor mijn suikerziekte en insuline gebruik. "
                 f"BSN: {b}\nNaam: {p.name}\n\nShukran, dank u wel")
            lab = L(b=1, h=1, p=1)
    return M(f"{p.name} <{p.email}>", P.info, ch(rng, "vraag", "Afspraak", "Hulp nodig", "recept"), t, lab,
             ["patient-l2", "lang-" + o])


def s_pat_sicknote(rng, P):
    p = Person(rng, age=rng.randint(16, 55))
    if rng.random() < 0.5:
        t = (f"Geachte heer/mevrouw,\n\nMijn werkgever vraagt om een verklaring dat ik van 3 t/m 10 maart niet kon werken vanwege mijn "
             f"hernia-klachten waarvoor ik bij dokter {P.gp.last} ben geweest. Kunt u zo'n verklaring opstellen?\n\n"
             f"Met vriendelijke groet,\n{p.name}\ngeboren {p.dob(2)}")
        lab = L(h=1, p=1)
    else:
        t = (f"Hallo,\n\nVoor school heb ik een briefje nodig dat ik het tentamen heb gemist door de ziekte van Pfeiffer "
             f"(die uitslag kreeg ik vorige week van jullie). Kan dat?\n\nGroet {p.first} {p.last}")
        lab = L(h=1)
    return M(f"{p.name} <{p.email}>", P.info, ch(rng, "Verklaring werkgever", "briefje school", "ziekteverklaring"), t, lab,
             ["patient-sicknote"])


def referral_doc(rng, P, p, reason, spec, cond, bsn_style):
    b = fmt_bsn(p.bsn, bsn_style)
    return [
        [("VERWIJSBRIEF", "b")],
        f"Aan: polikliniek {spec}",
        f"Van: {P.gp.name}, huisarts, {P.name} (AGB {P.agb})",
        ("table", [["Patiënt", p.name], ["Geboortedatum", p.dob(0)], ["Adres", p.addr],
                   ["BSN", [b[:3], b[3:6], b[6:]] if rng.random() < 0.5 else b]]),
        f"Reden van verwijzing: {reason}.",
        f"Voorgeschiedenis: {cond['icpc']} {cond['d']}.",
        f"Medicatie: {cond['med']}.",
        "Vraagstelling: graag analyse en behandeladvies.",
        ["Met collegiale ", "groet,"],
        P.gp.name,
    ]


_REF_COUNTER = [0]


def s_referral(rng, P):
    p = Person(rng, age=rng.randint(30, 85))
    reason, spec = rng.choice(REASONS)
    cond = pick_cond(rng)
    h = hosp(rng)
    bs = rng.choice(BSN_STYLES)
    kind = ["docx", "pdf", "body", "odt", "pdf-split"][_REF_COUNTER[0] % 5]
    _REF_COUNTER[0] += 1
    to = f"Polikliniek {spec} <poli.{spec.split(' ')[0].lower()}@{h[1]}>"
    intro = ch(rng, f"Geachte collega,\n\nHierbij verwijs ik {p.mrmrs} naar uw polikliniek.",
               f"Beste collega's,\n\nBijgaand de verwijzing voor {p.title}.",
               "Geachte collega,\n\nIn de bijlage vindt u een verwijsbrief.")
    sig = "\n\nMet collegiale groet,\n\n" + P.sig(P.gp, "huisarts", rng)
    atts = []
    tags = ["referral"]
    blocks = referral_doc(rng, P, p, reason, spec, cond, bs)
    if kind == "docx":
        atts.append(attach(f"verwijzing_{p.last.replace(' ', '')}.docx",
                           "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                           docx(blocks, header=[f"{P.name} - {P.city}"], footer=["Vertrouwelijk"])))
        tags.append("docx-split-runs")
        text = intro + sig
    elif kind == "odt":
        paras = []
        for bl in blocks:
            if isinstance(bl, tuple):
                for r in bl[1]:
                    v = r[1] if isinstance(r[1], str) else "".join(r[1])
                    paras.append([r[0] + ": ", v] if r[0] != "BSN" else [r[0] + ": ", v[:4], v[4:]])
            elif isinstance(bl, list):
                paras.append("".join(x[0] if isinstance(x, tuple) else x for x in bl))
            else:
                paras.append(bl)
        atts.append(attach("verwijsbrief.odt", "application/vnd.oasis.opendocument.text", odt(paras)))
        tags.append("odt")
        text = intro + sig
    elif kind in ("pdf", "pdf-split"):
        b = fmt_bsn(p.bsn, bs)
        lines = ["VERWIJSBRIEF HUISARTS", "", f"Patient: {p.name}", f"Geboortedatum: {p.dob(0)}", f"Adres: {p.addr}"]
        lines.append(["BSN: ", p.bsn[:3], p.bsn[3:6], p.bsn[6:]] if kind == "pdf-split" else f"BSN: {b}")
        lines += ["", f"Reden van verwijzing: {reason}", f"Medicatie: {cond['med']}", f"Episode: {cond['icpc']} {cond['d']}", "",
                  f"{P.gp.name}, huisarts"]
        atts.append(attach("verwijsbrief.pdf", "application/pdf", pdf([lines], reverse_split=rng.random() < 0.5)))
        tags.append("pdf" if kind == "pdf" else "pdf-split")
        text = intro + sig
    else:
        b = fmt_bsn(p.bsn, bs)
        text = (intro + f"\n\nPatiënt: {p.name}\nGeboren: {p.dob(rng.randint(0, 5))}\nBSN: {b}\n\n"
                f"Reden van verwijzing: {reason}.\nRelevante voorgeschiedenis: {cond['d']} ({cond['icpc']}), gebruikt {cond['med']}." + sig)
        tags.append("body")
    return M(P.addr(P.gp), to, ch(rng, f"Verwijzing {spec}", "Verwijsbrief", f"verwijzing {p.mrmrs}", "Nieuwe verwijzing"),
             text, L(b=1, h=1, p=1), tags, atts=atts)


def discharge_msg(rng, P, p):
    h = hosp(rng)
    spec = rng.choice(SPECIALISMS)
    c = pick_cond(rng)
    t = (f"Geachte collega,\n\nOp {rng.randint(1, 28)}-{rng.randint(1, 12)}-2026 is uw patiënt {p.name}, geboren {p.dob(0)}, "
         f"ontslagen van de afdeling {spec[0]}.\n\nOpnamediagnose: {ch(rng, 'NSTEMI', 'pneumonie rechter onderkwab', 'delier bij urineweginfectie', 'heupfractuur links, kopprothese geplaatst', 'decompensatio cordis')}\n"
         f"Nevendiagnose: {c['d']}\n\nMedicatie bij ontslag:\n- {c['med']}\n- pantoprazol 40 mg 1dd1\n- paracetamol 1000 mg zo nodig max 3dd\n\n"
         f"Beleid: controle op de polikliniek over 6 weken. Graag nierfunctie controleren over 1 week.\n\n"
         f"Met vriendelijke groet,\n\ndr. {Person(rng).last}, {spec[1]}\n{h[0]}")
    if rng.random() < 0.4:
        t = t.replace(f"geboren {p.dob(0)}", f"geboren {p.dob(0)}, BSN {fmt_bsn(p.bsn, rng.choice(BSN_STYLES))}")
    ent = leaf_text(t, charset=rng.choice(["utf-8", "iso-8859-1", "windows-1252"]), cte=rng.choice(["qp", "8bit", "b64"]))
    raw = envelope(rng, f"Afdeling {spec[0]} <ontslag@{h[1]}>", P.info, f"Ontslagbrief {p.mrmrs}", ent)
    return raw, ("BSN " in t)


def s_discharge_fwd(rng, P):
    p = Person(rng, age=rng.randint(50, 92))
    raw, hasb = discharge_msg(rng, P, p)
    nested = rng.random() < 0.4
    tags = ["discharge-letter", "rfc822"]
    if nested:
        mid_ent = multipart("mixed", [leaf_text(ch(rng, "Zie bijlage, via de afdeling doorgekregen.", "Ter info, kwam bij mij binnen."),
                                                cte="8bit"), attach_msg(raw, "ontslagbrief.eml")], rng)
        raw = envelope(rng, P.addr(P.assist), P.addr(P.gp2), "Fwd: ontslagbrief", mid_ent)
        tags.append("nested2")
    text = ch(rng, f"Hoi {P.poh.first},\n\nWil jij de medicatiewijzigingen uit de bijgevoegde ontslagbrief verwerken en de controle nierfunctie inplannen?\n\nDank!\n{P.gp.first}",
              "Ter verwerking in het dossier.\n\nGr,\n" + P.gp.first,
              "FYI - graag even bellen voor een nazorgafspraak.\n")
    return M(P.addr(P.gp), P.addr(P.poh), ch(rng, "Fwd: Ontslagbrief", "FW: ontslag", "Doorgestuurd: ontslagbericht"), text,
             L(b=int(hasb), h=1, p=1), tags, atts=[attach_msg(raw, "ontslagbrief.eml" if rng.random() < 0.5 else None)])


def s_lab(rng, P):
    pats = [Person(rng, age=rng.randint(30, 85)) for _ in range(rng.randint(1, 4))]
    kind = rng.choice(["csv", "pdf", "xlsx", "body"])
    labn = ch(rng, "Stichting Regionaal Huisartsenlab", "Diagnostisch Centrum Midden", "Certe-Noord Lab")
    rows = [["patientnummer", "naam", "geboortedatum", "bepaling", "uitslag", "eenheid", "referentie"]]
    tests = [("HbA1c", lambda: str(rng.randint(40, 85)), "mmol/mol", "<53"), ("eGFR", lambda: str(rng.randint(25, 95)), "ml/min/1.73m2", ">60"),
             ("INR", lambda: f"{rng.randint(15, 48) / 10:.1f}".replace(".", ","), "", "2,0-3,5"),
             ("LDL-cholesterol", lambda: f"{rng.randint(18, 55) / 10:.1f}".replace(".", ","), "mmol/l", "<2,6"),
             ("kalium", lambda: f"{rng.randint(32, 58) / 10:.1f}".replace(".", ","), "mmol/l", "3,5-5,0")]
    for p in pats:
        for _ in range(rng.randint(1, 3)):
            tn, fn, u, r = rng.choice(tests)
            rows.append([p.pnr, p.name, p.dob(0), tn, fn(), u, r])
    tags = ["lab-results"]
    atts = []
    text = (f"Geachte praktijk,\n\nHierbij de uitslagen van de aanvragen van {ch(rng, 'vandaag', 'gisteren', 'deze week')}. "
            f"Afwijkende waarden zijn gemarkeerd.\n\nMet vriendelijke groet,\n{labn}\nAfdeling klinische chemie")
    if kind == "csv":
        atts.append(attach_text("uitslagen.csv", "text/csv", "\n".join(";".join(r) for r in rows) + "\n", charset=rng.choice(["utf-8", "windows-1252"])))
    elif kind == "pdf":
        lines = [f"{labn} - uitslagenoverzicht", ""] + ["  ".join(r) for r in rows]
        atts.append(attach("uitslagen.pdf", "application/pdf", pdf([lines])))
    elif kind == "xlsx":
        atts.append(attach("uitslagen.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                           xlsx([("Uitslagen", [[int(x) if i == 0 and r is not rows[0] else x for i, x in enumerate(r)] for r in rows])])))
    else:
        text = text.replace("Afwijkende waarden zijn gemarkeerd.", "Afwijkende waarden zijn gemarkeerd.\n\n" + "\n".join(" | ".join(r) for r in rows))
    tags.append(kind)
    return M(f"{labn} <uitslagen@lab-{rng.choice(['midden', 'noord', 'regio'])}.example>", P.info,
             ch(rng, "Uitslagen laboratorium", "Labuitslagen", "Resultaten bloedonderzoek"), text, L(h=1, p=1), tags, atts=atts)


def s_pharmacy(rng, P):
    p = Person(rng, age=rng.randint(40, 90))
    c = pick_cond(rng)
    apo = ch(rng, "Apotheek De Vijzel", "Service Apotheek Zuid", "BENU Apotheek Centrum", "Apotheek Het Gaasterland")
    v = rng.randint(0, 2)
    if v == 0:
        t = (f"Beste collega,\n\nBij het meegeven van clarithromycine aan {p.mrmrs} (geb. {p.dob(0)}) signaleert ons systeem een "
             f"interactie met {c['med']}. Wilt u overwegen om over te stappen op doxycycline? Graag terugbellen.\n\nVriendelijke groet,\n"
             f"{Person(rng).name}, apotheker\n{apo}")
    elif v == 1:
        t = (f"Hallo,\n\nVoor patiënt {p.name}, {p.addr}, hebben we een recept ontvangen voor {c['med']} maar de dosering "
             f"staat er niet op. Kunt u die doorgeven?\n\nGroet,\napothekersassistent {Person(rng).first}\n{apo}")
    else:
        t = (f"Geachte dokter,\n\nDe medicatiebeoordeling van {p.title} (patiëntnr. apotheek {rng.randint(100000, 999999)}, geboren {p.dob(2)}) "
             f"is afgerond. Advies: {c['med']} handhaven, simvastatine staken wegens spierklachten.\n\n{apo}")
    return M(f"{apo} <apotheek@{apo.split(' ')[-1].lower()}-apotheek.example>", P.info,
             ch(rng, "Interactiesignaal", "Vraag over recept", "Medicatiebeoordeling"), t, L(h=1, p=1), ["pharmacy"])


def s_wijk(rng, P):
    p = Person(rng, age=rng.randint(70, 95))
    nurse = Person(rng, sex="F")
    t = (f"Goedemorgen dokter {P.gp.last},\n\nVanochtend bij {p.mrmrs}, {p.addr}, geweest voor de wondzorg. "
         f"Het ulcus cruris aan het linker onderbeen is groter geworden (nu 4 x 3 cm), rode rand en warm. "
         f"Temp 38,1. Medicatie o.a. {rng.choice(CONDS)['med']}. Wilt u vandaag nog even kijken of een kweek afnemen?\n\n"
         f"Groetjes,\n{nurse.name}\nwijkverpleegkundige, Thuiszorg {ch(rng, 'De Zorgcirkel', 'Buurtzorg-team Oost', 'Carinova')}")
    return M(f"{nurse.name} <{nurse.first.lower()}@wijkzorg.example>", P.addr(P.gp), ch(rng, "wond mevr", "Wondzorg", "Overleg cliënt"),
             t, L(h=1, p=1), ["district-nurse"])


def s_jeugd(rng, P):
    kid = Person(rng, age=rng.randint(4, 16))
    w = Person(rng)
    b = fmt_bsn(kid.bsn, rng.choice(BSN_STYLES))
    t = (f"Geachte huisarts,\n\nVanuit het wijkteam Jeugd zijn wij betrokken bij {kid.name} ({kid.dob(0)}), BSN {b}. "
         f"Er zijn zorgen over verwaarlozing en angstklachten; de school meldt veel verzuim. "
         f"Met toestemming van moeder vragen wij of u informatie kunt delen over lopende behandelingen.\n\n"
         f"Met vriendelijke groet,\n{w.name}\njeugdconsulent, Jeugdteam {rng.choice(CITIES)}")
    atts = []
    tags = ["youth-care"]
    if rng.random() < 0.5:
        atts.append(attach("toestemmingsformulier.pdf", "application/pdf",
                           pdf([["TOESTEMMING INFORMATIE-UITWISSELING", "", f"Naam kind: {kid.name}", f"Geboortedatum: {kid.dob(0)}",
                                 f"BSN: {b}", "Ondertekend door: moeder", "Datum: 12-02-2026"]])))
        tags.append("pdf")
    return M(f"{w.name} <{w.first.lower()}.{w.last.replace(' ', '').lower()}@jeugdteam.example>", P.addr(P.gp),
             ch(rng, "Informatieverzoek jeugdhulp", "Zorgen rond kind", "verzoek info"), t, L(b=1, h=1, p=1), tags, atts=atts)


def s_ggz(rng, P):
    p = Person(rng, age=rng.randint(18, 65))
    ps = Person(rng)
    c = rng.choice([x for x in CONDS if x["icpc"].startswith("P")])
    t = (f"Geachte collega {P.gp.last},\n\nHierbij een tussentijdse rapportage over {p.mrmrs}, geboren {p.dob(2)}, die sinds januari bij ons "
         f"in behandeling is wegens een {c['d']}. Na 12 sessies CGT zijn de klachten afgenomen ({c['lab']} naar 9). "
         f"Medicatie: {c['med']} ongewijzigd.\n\nMet vriendelijke groet,\n{ps.name}, GZ-psycholoog\nGGZ {ch(rng, 'Centraal', 'Rivierduinen-Oost', 'Noord-Holland Midden')}")
    atts = []
    tags = ["mental-health"]
    if rng.random() < 0.5:
        atts.append(attach("rapportage.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                           docx([[("Tussenrapportage", "b")], ["Cliënt: ", p.first, " ", p.last], f"Geboortedatum: {p.dob(0)}",
                                 f"Diagnose: {c['d']}", "Behandeling: cognitieve gedragstherapie, 12 sessies"])))
        t = t.split("Hierbij")[0] + "In de bijlage de tussenrapportage van onze gezamenlijke cliënt.\n\nMet vriendelijke groet,\n" + ps.name
        tags.append("docx")
    return M(f"{ps.name} <{ps.last.replace(' ', '').lower()}@ggz-regio.example>", P.addr(P.gp), "Rapportage behandeling", t,
             L(h=1, p=1), tags, atts=atts)


def s_fysio(rng, P):
    p = Person(rng, age=rng.randint(25, 75))
    f = Person(rng)
    t = (f"Beste {P.gp.first},\n\n{p.first} {p.last} ({p.dob(1)}) is na 9 behandelingen voor de frozen shoulder rechts nog onvoldoende "
         f"verbeterd: abductie 80 graden, nachtpijn blijft. Mijn advies is een injectie of verwijzing naar de orthopeed.\n\n"
         f"Sportieve groet,\n{f.name}\nFysiotherapie {ch(rng, 'In Beweging', 'De Brug', 'Fysio Plus')}")
    return M(f"{f.name} <{f.first.lower()}@fysio.example>", P.addr(P.gp), ch(rng, "Terugrapportage fysiotherapie", "Eindverslag"), t,
             L(h=1, p=1), ["physiotherapy"])


def s_dentist(rng, P):
    p = Person(rng, age=rng.randint(45, 85))
    t = (f"Geachte huisarts,\n\nOnze patiënt {p.name}, {p.street}, {p.city}, moet een verstandskies laten trekken. "
         f"Zij geeft aan bloedverdunners te gebruiken maar weet niet welke. Kunt u ons laten weten of zij acenocoumarol of "
         f"een DOAC gebruikt?\n\nMet vriendelijke groet,\nTandartspraktijk {ch(rng, 'Glimlach', 'De Kies', 'Mondzorg Centrum')}")
    return M(f"Tandartspraktijk <balie@tandarts.example>", P.info, "Vraag antistolling", t, L(h=1, p=1), ["dentist"])


def s_midwife(rng, P):
    p = Person(rng, sex="F", age=rng.randint(22, 40))
    t = (f"Beste praktijk,\n\nGraag melden wij dat {p.name}, geboren {p.dob(0)}, bij ons onder controle is. "
         f"Zwangerschap 1e, amenorroeduur 11 weken, à terme datum 3 oktober 2026. Bloeddruk 118/72, geen bijzonderheden.\n\n"
         f"Hartelijke groet,\nVerloskundigenpraktijk {ch(rng, 'De Wieg', 'Moeder & Kind', 'Zwanger in de Stad')}")
    return M("Verloskundigen <info@verloskunde.example>", P.info, "Melding zwangerschap", t, L(h=1, p=1), ["midwife"])


def s_bedrijfsarts(rng, P):
    p = Person(rng, age=rng.randint(25, 63))
    ba = Person(rng)
    t = (f"Geachte collega,\n\nMet schriftelijke toestemming van werknemer {p.name} (geboren {p.dob(3)}) vraag ik informatie over de "
         f"behandeling van zijn/haar burn-outklachten. Hij/zij is sinds 6 weken volledig arbeidsongeschikt. Toestemmingsverklaring is bijgevoegd.\n\n"
         f"Met collegiale groet,\n{ba.name}, bedrijfsarts\nArbodienst {ch(rng, 'Werkfit', 'ArboNed-Noord', 'Vitaal Werk')}")
    return M(f"{ba.name} <{ba.last.replace(' ', '').lower()}@arbo.example>", P.addr(P.gp), "Informatieverzoek bedrijfsarts", t,
             L(h=1, p=1), ["occupational-physician"],
             atts=[attach("toestemming.pdf", "application/pdf", pdf([["Toestemmingsverklaring", f"Werknemer: {p.name}", f"Geboortedatum: {p.dob(0)}", "Handtekening: (getekend)"]]))])


def s_insurer(rng, P):
    p = Person(rng, age=rng.randint(20, 80))
    pol = str(rng.randint(10000000, 99999999))
    b = fmt_bsn(p.bsn, rng.choice(BSN_STYLES))
    ins = ch(rng, "Zorgverzekeraar Zorgsaam", "ZV Noordhoek", "De Zorgpolis")
    q = (f"Geachte zorgverlener,\n\nVoor de machtigingsaanvraag bariatrische chirurgie van verzekerde {p.name}, BSN {b}, polisnummer {pol}, "
         f"ontvangen wij graag de BMI-historie en comorbiditeit.\n\nMet vriendelijke groet,\nafdeling Medische Beoordeling\n{ins}")
    reply = (f"Geachte heer/mevrouw,\n\nBMI 42 (gemeten 01-2026), comorbiditeit: diabetes mellitus type 2 en OSAS. "
             f"Zie verder de verwijzing.\n\nMet vriendelijke groet,\n{P.gp.name}\n\n")
    quoted = "\n".join("> " + l for l in q.split("\n"))
    t = reply + f"Op {rng.randint(1, 28)} mrt. 2026 schreef {ins}:\n" + quoted
    return M(P.addr(P.gp), f"{ins} <medischbeoordeling@zorgpolis.example>", "RE: Machtigingsaanvraag", t, L(b=1, h=1, p=1),
             ["insurer", "quoted-reply"])


def s_wmo(rng, P):
    p = Person(rng, age=rng.randint(60, 95))
    t = (f"Geachte huisarts,\n\nDe gemeente heeft een aanvraag voor een scootmobiel en huishoudelijke hulp ontvangen van {p.name}, "
         f"wonend aan de {p.street}, {p.pc} {p.city}. Cliënt geeft aan ernstige COPD en artrose te hebben. "
         f"Kunt u de beperkingen bevestigen?\n\nMet vriendelijke groet,\nWmo-consulent gemeente {p.city}")
    atts = []
    tags = ["municipality-wmo"]
    if rng.random() < 0.5:
        atts.append(attach("aanvraag_wmo.odt", "application/vnd.oasis.opendocument.text",
                           odt(["Aanvraagformulier Wmo", ["Naam aanvrager: ", p.name], ["Adres: ", p.addr], f"Geboortedatum: {p.dob(0)}",
                                "Aandoening volgens aanvrager: COPD, artrose beide knieën"])))
        tags.append("odt")
    return M(f"Wmo-loket <wmo@gemeente-{p.city.lower()}.example>", P.info, "Wmo-aanvraag, verzoek medische info", t, L(h=1, p=1), tags, atts=atts)


def s_carehome(rng, P):
    res = [Person(rng, age=rng.randint(75, 99)) for _ in range(rng.randint(1, 3))]
    home = ch(rng, "Woonzorgcentrum De Hoge Weide", "Zorgcentrum Avondrood", "Verpleeghuis Sint Jozef")
    if len(res) == 1 or rng.random() < 0.5:
        r = res[0]
        t = (f"Beste dokter,\n\nBewoner {r.mrmrs}, kamer {rng.randint(1, 60)}, geboren {r.dob(0)}, is vannacht onrustig geweest en heeft "
             f"koorts (38,6). Urine ruikt sterk. Kunt u vandaag een visite doen? Zij gebruikt {rng.choice(CONDS)['med']}.\n\nGroet, EVV'er\n{home}")
        atts = []
        tags = ["care-home"]
    else:
        rows = [["Bewoner", "Geb.datum", "Wijziging"]] + [[r.name, r.dob(0), rng.choice(CONDS)['med'] + " " + ch(rng, "gestart", "gestopt", "dosis verhoogd")] for r in res]
        t = f"Goedemiddag,\n\nHierbij het overzicht van de medicatiewijzigingen deze week ter controle.\n\nGroet,\nteam {home}"
        atts = [attach("wijzigingen.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx([("week", rows)]))]
        tags = ["care-home", "xlsx"]
    return M(f"{home} <zorgteam@woonzorg.example>", P.addr(P.gp2), ch(rng, "Visite gevraagd", "Medicatiewijzigingen", "bewoner"), t,
             L(h=1, p=1), tags, atts=atts)


def s_hap(rng, P):
    p = Person(rng, age=rng.randint(1, 90))
    b = fmt_bsn(p.bsn, rng.choice(BSN_STYLES))
    with_b = rng.random() < 0.5
    t = (f"WAARNEEMBERICHT HUISARTSENPOST\n\nPatiënt: {p.name}\nGeboortedatum: {p.dob(0)}\n" + (f"BSN: {b}\n" if with_b else "") +
         f"Contact: {rng.randint(1, 28)}-{rng.randint(1, 12)}-2026 02:14, consult op post\n\n"
         f"S: {ch(rng, 'sinds gisteravond pijn rechter onderbuik, misselijk', 'benauwd, piepende ademhaling, bekend met astma', 'hoge koorts en oorpijn links')}\n"
         f"O: {ch(rng, 'drukpijn McBurney, loslaatpijn', 'sat 93%, verlengd expirium', 'trommelvlies links bomberend')}\n"
         f"E: {ch(rng, 'verdenking appendicitis', 'astma-exacerbatie', 'otitis media acuta')}\n"
         f"P: {ch(rng, 'ingestuurd naar SEH chirurgie', 'prednisolon 30 mg 5 dagen, salbutamol', 'amoxicilline 3dd 500 mg 7 dagen')}\n\n"
         f"Graag vervolg door eigen huisarts.")
    return M(f"Huisartsenpost {ch(rng, 'Midden', 'Regio Oost', 'Kust')} <waarneming@hap.example>", P.info,
             f"Waarneembericht {p.last}", t, L(b=int(with_b), h=1, p=1), ["out-of-hours"])


def s_internal_bsn(rng, P):
    b = make_bsn(rng)
    bf = fmt_bsn(b, rng.choice(BSN_STYLES))
    t = ch(rng, f"Hoi {P.assist.first},\n\nKun jij het dossier met BSN {bf} koppelen aan de juiste verzekering? Lukt mij niet in het HIS.\n\nThx",
           f"{bf}\n\nDeze graag even checken bij de WID-controle, staat nog op 'niet geverifieerd'.",
           f"Burgerservicenummer {bf} komt twee keer voor in het HIS, wil jij de dubbele inschrijving opschonen?\n\n{P.gp2.first}")
    return M(P.addr(P.gp2), P.addr(P.assist), ch(rng, "dossier koppelen", "WID check", "dubbele inschrijving"), t, L(b=1),
             ["internal-note", "bsn-only"])


def s_internal_namecond(rng, P):
    p = Person(rng)
    c = pick_cond(rng)
    t = ch(rng,
           f"{P.gp.first}, {p.mrmrs} belde: haar INR was vanochtend 4,8 bij de trombosedienst. Wil je haar terugbellen?\n\n{P.assist.first}",
           f"Hoi, wil je {p.first} {p.last} een afspraak geven bij de POH voor de {c['d']}-controle? {c['lab']} was te hoog.\n\n{P.gp.first}",
           f"Even ter info: {p.title} is gisteren opgenomen in het ziekenhuis met een {ch(rng, 'CVA', 'hartinfarct', 'longembolie')}. Zet maar een notitie in zijn/haar dossier.",
           f"{p.first} {p.last} kwam huilend aan de balie, de uitslag van de biopsie is binnen (basaalcelcarcinoom). Kan {P.gp.first} vandaag nog bellen?")
    return M(P.addr(rng.choice([P.assist, P.gp, P.poh])), P.addr(rng.choice([P.gp, P.gp2, P.assist])),
             ch(rng, "terugbelverzoek", "afspraak POH", "ter info", "balie"), t, L(h=1), ["internal-note", "name-condition"])


def s_poh_list(rng, P):
    pats = [Person(rng, age=rng.randint(45, 85)) for _ in range(rng.randint(4, 9))]
    c = pick_cond(rng)
    rows = [["Naam", "Geboortedatum", "BSN", "Diagnose", "Laatste controle", "Uitslag"]]
    for p in pats:
        rows.append([p.name, p.dob(0), int(p.bsn) if rng.random() < 0.6 else p.bsn, c["d"], f"{rng.randint(1, 28)}-{rng.randint(1, 12)}-2025", c["lab"]])
    atts = [attach(f"oproeplijst_{c['icpc']}.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                   xlsx([("oproepen", rows), ("toelichting", [["Deze lijst alleen intern gebruiken"]])]))]
    t = f"Hoi {P.poh.first},\n\nHierbij de patiënten die nog niet op controle zijn geweest dit jaar. Wil jij ze oproepen?\n\nGroetjes {P.assist.first}"
    return M(P.addr(P.assist), P.addr(P.poh), "Oproeplijst ketenzorg", t, L(b=1, h=1, p=1), ["internal-note", "xlsx", "xlsx-numeric-bsn"], atts=atts)


def s_hr(rng, P):
    e = Person(rng, age=rng.randint(22, 60))
    if rng.random() < 0.5:
        t = (f"Beste {P.gp.first},\n\nIk meld me ziek voor vandaag en morgen. Ik heb een flinke griep te pakken met koorts en keelpijn, "
             f"en ben ook nog bij de tandarts geweest voor een ontstoken wortelkanaal. Donderdag ben ik er hopelijk weer.\n\nGroetjes,\n{e.first}")
        return M(f"{e.name} <{e.first.lower()}@{P.dom}>", P.addr(P.gp), "ziekmelding", t, L(h=1), ["hr-sick-note", "staff"])
    pay = [f"Loonstrook maart 2026", f"Werknemer: {e.name}", f"Adres: {e.addr}", f"BSN: {e.bsn}", f"Functie: doktersassistent",
           f"Bruto salaris: EUR 3.214,00", f"Netto: EUR 2.486,17", f"IBAN: NL{rng.randint(10, 99)}RABO0{rng.randint(100000000, 999999999)}"]
    t = f"Beste {e.first},\n\nIn de bijlage je loonstrook van maart.\n\nGroet,\nSalarisadministratie {ch(rng, 'Huisartsenzaken', 'Payroll-Zorg BV')}"
    return M(f"Salarisadministratie <salaris@payroll.example>", f"{e.name} <{e.first.lower()}@{P.dom}>", "Loonstrook maart", t,
             L(b=1, p=1), ["hr-payslip", "pdf"], atts=[attach("loonstrook_2026-03.pdf", "application/pdf", pdf([pay]))])


def s_reply_quoted(rng, P):
    p = Person(rng, age=rng.randint(20, 80))
    c = pick_cond(rng)
    orig = (f"Beste dokter,\n\nIk heb de afgelopen week weer last gehad van mijn {c['d']}. Moet ik de {c['med'].split(' ')[0]} verhogen?\n\n"
            f"Groet,\n{p.name}\ngeboren {p.dob(0)}")
    t = (ch(rng, "Beste,\n\nDank voor uw bericht. De assistente belt u morgen om een afspraak te maken.\n\nMet vriendelijke groet,\n",
            "Goedemiddag,\n\nWilt u hiervoor telefonisch een afspraak maken? Dan bespreken we het.\n\nGroet,\n")
         + P.sig(P.assist, "doktersassistente", rng) + "\n\n-----Oorspronkelijk bericht-----\n"
         + f"Van: {p.name} <{p.email}>\nVerzonden: {rng.randint(1, 28)} april 2026 08:12\nAan: {P.info}\nOnderwerp: vraag\n\n" + orig)
    return M(P.addr(P.assist), f"{p.name} <{p.email}>", "RE: vraag", t, L(h=1, p=1), ["reply-chain", "sensitive-only-in-quote"])


def s_ics(rng, P):
    p = Person(rng, age=rng.randint(30, 85))
    spec = rng.choice(SPECIALISMS)
    h = hosp(rng)
    desc = f"Patiënt: {p.name}, geb. {p.dob(0)}. Afspraak {spec[1]} i.v.m. {ch(rng, 'controle na stent', 'uitslag MRI', 'voorgesprek operatie', 'scopie')}."
    cal = ics(f"Poli {spec[0]} - {p.name}", "20260415T101500", "20260415T103000", f"{h[0]}, route 42", desc, f"afspr-{rng.randint(10 ** 11, 10 ** 12)}@{h[1]}")
    t = f"Geachte huisarts,\n\nTer informatie: uw patiënt heeft een afspraak op onze polikliniek. Zie de bijlage.\n\n{h[0]}"
    return M(f"Afsprakenbureau <afspraken@{h[1]}>", P.info, "Afspraakbevestiging polikliniek", t, L(h=1, p=1), ["appointment", "ics"],
             atts=[attach_text("afspraak.ics", "text/calendar", cal, cte=rng.choice(["b64", "qp"]))])


def s_vcf_patient(rng, P):
    p = Person(rng)
    card = vcf(p.name, p.last, p.first, tel=p.phone, email=p.email, adr=(p.street, p.pc, p.city), bday=f"{p.year}-{p.month:02d}-{p.day:02d}",
               note="nieuwe patiënt, inschrijving per 1 mei")
    t = f"Hoi {P.assist.first},\n\nContactgegevens van de nieuwe inschrijving, wil je die in het HIS zetten?\n\n{P.gp2.first}"
    return M(P.addr(P.gp2), P.addr(P.assist), "contact nieuwe patiënt", t, L(p=1), ["internal-note", "vcf"],
             atts=[attach_text(f"{p.last.replace(' ', '_')}.vcf", "text/vcard", card)])


def s_inschrijving(rng, P):
    p = Person(rng, age=rng.randint(18, 70))
    b = fmt_bsn(p.bsn, rng.choice(BSN_STYLES))
    form = [["Inschrijfformulier nieuwe patiënt"], ["Achternaam", p.last], ["Voornaam", p.first], ["Geboortedatum", p.dob(0)],
            ["Adres", p.street], ["Postcode/plaats", f"{p.pc} {p.city}"], ["BSN", b], ["Vorige huisarts", f"dr. {Person(rng).last}, {rng.choice(CITIES)}"],
            ["Zorgverzekeraar", "Zorgsaam"]]
    kind = rng.choice(["docx", "pdf", "body"])
    t = ch(rng, "Goedendag,\n\nHierbij stuur ik het ingevulde inschrijfformulier. Wij zijn per 1 juni verhuisd.\n\nMvg,\n" + p.first,
           "Beste praktijk,\n\nIn de bijlage mijn inschrijving. Graag ook het dossier opvragen bij mijn vorige huisarts.\n\n" + p.name)
    atts = []
    if kind == "docx":
        atts.append(attach("inschrijving.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                           docx([("table", form[1:])], header=["Inschrijfformulier"])))
    elif kind == "pdf":
        atts.append(attach("inschrijving.pdf", "application/pdf", pdf([[": ".join(r) for r in form]])))
    else:
        t = t.split("\n\n")[0] + "\n\n" + "\n".join(": ".join(r) for r in form[1:]) + "\n\nMet vriendelijke groet,\n" + p.name
    return M(f"{p.name} <{p.email}>", P.info, ch(rng, "Inschrijving", "inschrijven nieuwe patient", "Aanmelding"), t, L(b=1, p=1),
             ["registration", kind], atts=atts)


def s_zipdocs(rng, P):
    p = Person(rng, age=rng.randint(30, 80))
    c = pick_cond(rng)
    inner = [("brief_specialist.txt", f"Betreft: {p.name}, geb. {p.dob(0)}\nDiagnose: {c['d']}\nMedicatie: {c['med']}\n"),
             ("medicatieoverzicht.docx", docx([f"Medicatieoverzicht {p.name}", ("table", [["Middel", "Dosering"], [c['med'], "zie etiket"]])]))]
    tags = ["dossier-transfer", "zip"]
    if rng.random() < 0.5:
        z = zip_bytes([("dossier.zip", zip_bytes(inner)), ("leesmij.txt", "Dossieroverdracht, vertrouwelijk.\n")])
        tags.append("zip-in-zip")
    else:
        z = zip_bytes(inner)
    t = f"Geachte collega,\n\nBijgaand het dossier ten behoeve van de overdracht van een patiënt die naar uw praktijk verhuist.\n\n{P.sig(P.gp, 'huisarts')}"
    return M(P.addr(P.gp), f"Huisartsenpraktijk Elders <info@praktijk-elders.nl>", "Dossieroverdracht", t, L(h=1, p=1), tags,
             atts=[attach("overdracht.zip", "application/zip", z)])


_UNSCAN_COUNTER = [0]


def s_unscan(rng, P):
    p = Person(rng, age=rng.randint(20, 80))
    c = pick_cond(rng)
    kinds = ["zipcrypto", "pdf-rc4", "truncated-pdf", "truncated-docx", "corrupt-b64", "unknown-binary"]
    kind = kinds[_UNSCAN_COUNTER[0] % len(kinds)]
    _UNSCAN_COUNTER[0] += 1
    secret = f"Patiënt {p.name}, geboren {p.dob(0)}, BSN {p.bsn}\nDiagnose {c['d']}, {c['lab']}\n"
    body_sens = rng.random() < 0.4
    lab = L(u=1)
    tags = ["unscannable", kind]
    if kind == "zipcrypto":
        a = attach("uitslagen.zip", "application/zip", zipcrypto([("uitslag.txt", secret)], "Zomer2026!", rng))
        t = "Goedemiddag,\n\nDe uitslagen zitten in de beveiligde zip. Het wachtwoord ontvangt u per sms.\n\nGroet,\nLaboratorium"
        lab.update(bsn=1, health=1, personal=1)
    elif kind == "pdf-rc4":
        a = attach("rapport.pdf", "application/pdf", pdf([secret.split("\n")], password="geheim42"))
        t = "Beste collega,\n\nHet rapport is beveiligd met het bekende wachtwoord.\n\nMet vriendelijke groet"
        lab.update(bsn=1, health=1, personal=1)
    elif kind == "truncated-pdf":
        d = pdf([["Verslag consult", f"Patiënt {p.name}", f"geb. {p.dob(0)}", c["d"]]])
        a = attach("verslag.pdf", "application/pdf", d[:d.index(b"endstream") + 9])
        t = "Hierbij het verslag, excuses voor de vertraging.\n"
        lab.update(health=1, personal=1)
    elif kind == "truncated-docx":
        d = docx([f"Brief over {p.name}", f"geboren {p.dob(0)}", c["d"]])
        cut = d.index(b"PK\x03\x04", d.index(b"word/document.xml") + 1)
        a = attach("brief.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", d[:cut])
        t = "Zie bijlage.\n"
        lab.update(health=1, personal=1)
    elif kind == "corrupt-b64":
        d = pdf([["Specialistenbrief", f"{p.name}", c["d"], c["med"]]])
        a = attach("specialistenbrief.pdf", "application/pdf", d, corrupt=True)
        t = "Bijgaand de brief van de specialist.\n"
        lab.update(health=1)
    else:
        a = attach("export_his.dat", "application/octet-stream", bytes(rng.randint(0, 255) for _ in range(3000)))
        t = "Hoi, hier de export uit het oude systeem zoals gevraagd.\n"
    if body_sens:
        t += f"\n\nHet betreft {p.mrmrs}, geboren {p.dob(2)}, bekend met {c['d']}.\n"
        lab.update(health=1, personal=1)
    return M(ch(rng, P.addr(P.gp2), f"Lab Midden <lab@lab-midden.example>", f"Secretariaat <secretariaat@{hosp(rng)[1]}>"), P.info,
             ch(rng, "Uitslagen", "Verslag", "Brief", "export"), t, lab, tags, atts=[a])


def s_bsn_subject(rng, P):
    b = make_bsn(rng)
    t = ch(rng, "Graag dit dossier opvragen bij de vorige praktijk, zie onderwerp.\n", "Zie onderwerpregel, het gaat om de herregistratie.\n")
    return M(P.addr(P.assist), P.addr(P.gp), f"Dossier BSN {fmt_bsn(b, rng.choice(BSN_STYLES))}", t, L(b=1), ["bsn-in-subject"])


def s_bsn_filename(rng, P):
    b = make_bsn(rng)
    d = pdf([["Formulier machtiging hulpmiddelen", "Zie digitaal dossier", "Versie 2026-1"]])
    t = "Hierbij het formulier, zoals telefonisch besproken.\n"
    return M(f"Hulpmiddelencentrum <formulieren@hulpmiddel.example>", P.info, "Formulier", t, L(b=1), ["bsn-in-filename", "pdf"],
             atts=[attach(f"machtiging_{b}.pdf", "application/pdf", d)])


def s_html_entity(rng, P):
    p = Person(rng, age=rng.randint(20, 80))
    b = p.bsn
    v = rng.randint(0, 2)
    if v == 0:
        bh = f"{b[:3]}&nbsp;{b[3:6]}&nbsp;{b[6:]}"
    elif v == 1:
        bh = "".join(f"&#{ord(c)};" for c in b)
    else:
        bh = f"<span>{b[:4]}</span><span style=\"color:#000\">{b[4:7]}</span><b></b><span>{b[7:]}</span>"
    c = pick_cond(rng)
    tbl = html_table([["Naam", "Geboortedatum", "BSN", "Reden"], [html.escape(p.name), p.dob(0), bh, html.escape(c["d"])]])
    text = f"Beste collega,\n\nHieronder de gegevens voor de aanmelding bij de diabetesdienst.\n\nMet vriendelijke groet,\n{P.gp.name}"
    hb = to_html(text, rng, table=tbl)
    return M(P.addr(P.gp), "Diabetesdienst <aanmelding@diabetesdienst.example>", "Aanmelding", text, L(b=1, h=1, p=1),
             ["html-entity-bsn"], html_body=hb, force="html-only")


def s_inline_fwd(rng, P):
    p = Person(rng, age=rng.randint(20, 80))
    c = pick_cond(rng)
    inner = (f"Van: {p.name} <{p.email}>\nDatum: {rng.randint(1, 28)} mei 2026\nAan: {P.info}\nOnderwerp: medicijnen\n\n"
             f"Beste dokter, sinds ik de {c['med'].split(' ')[0]} gebruik heb ik veel last van duizeligheid. "
             f"Mijn geboortedatum is {p.dob(1)}. Kan het een bijwerking zijn?\n{p.first}")
    t = (ch(rng, f"{P.gp.first}, wil jij deze beantwoorden? Ik weet niet of dit een bijwerking kan zijn.\n\n", "Ter beoordeling.\n\n")
         + "-------- Doorgestuurd bericht --------\n" + inner)
    return M(P.addr(P.assist), P.addr(P.gp), "Fwd: medicijnen", t, L(h=1, p=1), ["inline-forward"])


_IMG_COUNTER = [0]


def s_image(rng, P):
    p = Person(rng, age=rng.randint(20, 80))
    withb = _IMG_COUNTER[0] % 3 != 1
    as_pdf = _IMG_COUNTER[0] % 5 in (2, 4)
    _IMG_COUNTER[0] += 1
    lines = ["FORMULIER HUISARTSENPRAKTIJK", f"NAAM: {p.name}", f"GEB.DATUM: {p.dob(0)}"]
    if withb:
        lines.append(f"BSN: {p.bsn}")
    lines.append("DIAGNOSE: " + ch(rng, "DIABETES TYPE 2", "ASTMA", "HYPERTENSIE"))
    lines = [l.translate(str.maketrans("ëéïöüçşıłŁ", "eeioucsilL")) for l in lines]
    if as_pdf:
        att = attach("scan_formulier.pdf", "application/pdf", pdf_scan(lines))
    else:
        att = attach("scan_0012.png", "image/png", png_text(lines))
    t = ch(rng, "Zie scan in de bijlage.\n", "Scan van het formulier, origineel volgt per post.\n", "foto van het formulier, groetjes\n")
    return M(ch(rng, f"{p.name} <{p.email}>", "Scanner <scanner@" + P.dom + ">"), P.info, "scan", t,
             L(b=int(withb), h=1, p=1), ["image", "pdf-image-only" if as_pdf else "png"], atts=[att])


def s_pat_result_bsn(rng, P):
    p = Person(rng, age=rng.randint(20, 80))
    c = pick_cond(rng)
    b = fmt_bsn(p.bsn, rng.choice(BSN_STYLES))
    t = (f"Geachte assistente,\n\nVorige week is bij mij bloed afgeprikt voor de controle van mijn {c['d']}. Ik ben benieuwd naar de uitslag, "
         f"vooral de {c['lab'].split(' ')[0]}. Voor de volledigheid mijn gegevens:\n\n{p.name}\n{p.dob(rng.randint(0, 5))}\n{ch(rng, 'BSN', 'burgerservicenummer', 'Burgerservicenr.', 'sofinummer')}: {b}\n\n"
         f"Bij voorbaat dank.")
    return M(f"{p.name} <{p.email}>", P.info, "Uitslag bloedonderzoek", t, L(b=1, h=1, p=1), ["patient-formal", "results"])


# ================================================================ clean scenarios

def c_newsletter(rng, P):
    org = ch(rng, "Regionale Huisartsenzorg Eemland", "Kring Huisartsen West", "Zorggroep Salland Eerstelijns", "Stichting Kwaliteit Eerstelijn")
    topics = [("Nieuwe standaard hartfalen", "De herziene standaard adviseert eerder NT-proBNP te bepalen bij vermoeden van hartfalen en benadrukt SGLT2-remmers als onderdeel van de behandeling."),
              ("Ketenzorg diabetes 2027", "Vanaf januari wordt de jaarcontrole voor diabetes uitgebreid met voetonderzoek volgens het nieuwe risicoprofiel. Declaratie blijft via de zorggroep lopen."),
              ("Antibioticagebruik in de regio", "Het voorschrijven van amoxicilline bij keelpijn daalde in 2025 met 12%. Goed bezig! Blijf de Centor-criteria gebruiken."),
              ("Ouderenzorg en valpreventie", "Een op de drie 65-plussers valt jaarlijks. De zorggroep biedt een nieuwe cursus valpreventie aan voor POH's ouderenzorg."),
              ("Zorgmail naar Zivver", "Per 1 september stapt de regio over op een nieuw systeem voor beveiligd mailen. Instructies volgen."),
              ("GGZ-consultatie", "Huisartsen kunnen voortaan binnen 48 uur telefonisch consult vragen aan een psychiater van de regionale GGZ.")]
    chosen = rng.sample(topics, 3)
    text = f"Nieuwsbrief {org} - editie {rng.randint(2, 11)}/2026\n\n" + "\n\n".join(f"{a}\n{b}" for a, b in chosen) + \
        f"\n\nU ontvangt deze nieuwsbrief omdat u bij {org} bent aangesloten. Afmelden? Klik op de link onderaan.\n"
    hb = to_html(text, rng)
    return M(f"{org} <nieuwsbrief@zorggroep.example>", P.info, f"Nieuwsbrief: {chosen[0][0]}", text, L(), ["newsletter"], html_body=hb)


def c_leaflet(rng, P):
    v = rng.randint(0, 3)
    if v == 0:
        t = ("Griepprik 2026\n\nBent u 60 jaar of ouder, of heeft u een chronische aandoening zoals diabetes, COPD of hartfalen? "
             "Dan krijgt u binnenkort een uitnodiging voor de griepprik. De prik wordt gegeven op zaterdag 17 oktober tussen 9.00 en 12.00 uur. "
             "Neem uw uitnodiging mee. Kort-mouwig shirt aan graag.\n\nHeeft u koorts op de dag zelf? Kom dan niet, maar bel voor een nieuwe afspraak.")
    elif v == 1:
        t = ("Wat te doen bij koorts bij kinderen?\n\nKoorts is een normale reactie van het lichaam op een infectie. Geef uw kind genoeg te drinken. "
             "Paracetamol mag, volgens de bijsluiter. Bel de huisarts als uw kind jonger is dan 3 maanden en koorts heeft, suf is, "
             "of minder dan de helft drinkt.")
    elif v == 2:
        t = ("Openingstijden rond de feestdagen\n\nOp 25 en 26 december en op 1 januari is de praktijk gesloten. Voor spoed kunt u de "
             "huisartsenpost bellen. Herhaalrecepten voor de feestdagen graag uiterlijk 18 december aanvragen.")
    else:
        t = ("Leefstijlspreekuur\n\nVanaf maart biedt onze praktijkondersteuner een spreekuur over gezonde leefstijl: stoppen met roken, "
             "bewegen en voeding. Iedereen met een verhoogd risico op hart- en vaatziekten is welkom. Aanmelden via de assistente.")
    t += "\n\n" + P.name + "\n" + P.tel
    return M(P.info, ch(rng, "Patiëntenpanel <panel@praktijk-lijst.example>", "Wachtkamerscherm <content@narrowcasting.example>", f"webmaster@{P.dom}"),
             t.split("\n")[0], t, L(), ["generic-health-info"], html_body=to_html(t, rng) if rng.random() < 0.5 else None)


def c_protocol(rng, P):
    name = ch(rng, "Protocol wondzorg", "Werkinstructie INR-controle", "Protocol triage NTS", "Werkinstructie uitstrijkjes bevolkingsonderzoek", "Protocol verwijderen hechtingen")
    blocks = [[(name, "b")], f"Versie 3.{rng.randint(0, 9)}, vastgesteld in het praktijkoverleg",
              "Doel: eenduidige werkwijze voor alle medewerkers.",
              ("table", [["Stap", "Handeling", "Wie"], ["1", "Controleer identiteit van de patiënt (naam, geboortedatum, BSN via WID)", "assistente"],
                         ["2", "Volg de NTS-urgentiecriteria", "assistente"], ["3", "Bij twijfel overleg met dienstdoende huisarts", "assistente"],
                         ["4", "Registreer in het HIS met de juiste ICPC-code", "huisarts"]]),
              "Evaluatie: jaarlijks, eerstvolgende in november."]
    t = f"Hoi allemaal,\n\nHierbij de geactualiseerde versie van het {name.lower()}. Graag lezen voor het overleg van donderdag.\n\n{P.gp.first}"
    return M(P.addr(P.gp), f"Team <team@{P.dom}>", name, t, L(), ["protocol", "docx"],
             atts=[attach(name.replace(" ", "_") + ".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                          docx(blocks, header=[P.name], footer=["Pagina 1"]))])


def c_roster(rng, P):
    staff = [Person(rng).first for _ in range(6)]
    days = ["ma", "di", "wo", "do", "vr"]
    rows = [["Naam"] + days] + [[s] + [rng.choice(["08-17", "08-12:30", "13-17", "vrij", "08-17"]) for _ in days] for s in staff]
    kind = rng.choice(["xlsx", "csv", "html"])
    t = f"Beste collega's,\n\nHierbij het rooster voor week {rng.randint(2, 50)}. Ruilen graag onderling regelen en doorgeven.\n\nGroet,\n{P.assist.first}"
    atts, hb = [], None
    if kind == "xlsx":
        atts.append(attach("rooster.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx([("rooster", rows)])))
    elif kind == "csv":
        atts.append(attach_text("rooster.csv", "text/csv", "\n".join(",".join(r) for r in rows) + "\n"))
    else:
        hb = to_html(t, rng, table=html_table(rows))
    return M(P.addr(P.assist), f"Team <team@{P.dom}>", "Rooster", t, L(), ["roster", kind], atts=atts, html_body=hb,
             force="alt" if hb else None)


def c_supplier_order(rng, P):
    order = make_bsn(rng)  # passes the elfproef on purpose; the context says it is an order number
    sup = ch(rng, "MediSupply BV", "Praktijkinrichting Holland", "Verbandmiddelen Direct", "LabLogistiek")
    art = [nine_fail(rng) for _ in range(3)]
    t = (f"Beste klant,\n\nBedankt voor uw bestelling. Ordernummer: {order}\n\n"
         f"Artikel {art[0]}  Handschoenen nitril M (doos 100)   12x\nArtikel {art[1]}  Steriel gaas 10x10   20x\n"
         f"Artikel {art[2]}  Urine-teststrips   5x\n\nVerwachte levering: binnen 2 werkdagen. "
         f"Track & Trace: 3SMED{rng.randint(100000000, 999999999)}\n\nKvK {rng.randint(10000000, 99999999)}\n{sup}")
    return M(f"{sup} <orders@medisupply.example>", P.info, f"Orderbevestiging {order}", t, L(), ["supplier-order", "elfproef-order-number"])


def c_invoice(rng, P):
    inv = make_bsn(rng) if rng.random() < 0.5 else nine_fail(rng)
    sup = ch(rng, "Schoonmaakbedrijf Glans", "ICT Zorgbeheer BV", "Accountantskantoor Vos & Partners", "Drukkerij De Letter")
    iban = f"NL{rng.randint(10, 99)}INGB000{rng.randint(1000000, 9999999)}"
    lines = [f"FACTUUR {sup}", f"Factuurnummer: {inv}", f"Debiteur: {P.name}", f"AGB-code praktijk: {P.agb}",
             f"Omschrijving: {ch(rng, 'schoonmaak maart', 'beheer werkplekken Q2', 'jaarrekening 2025', 'drukwerk folders')}",
             f"Bedrag: EUR {rng.randint(200, 4000)},00 excl. btw", f"Btw-id: NL{rng.randint(100000000, 999999999)}B01",
             f"KvK: {rng.randint(10000000, 99999999)}", f"Graag betalen binnen 30 dagen op {iban}"]
    kind = rng.choice(["pdf", "body", "txt"])
    t = f"Geachte heer/mevrouw,\n\nIn de bijlage vindt u factuur {inv}.\n\nMet vriendelijke groet,\nAdministratie {sup}"
    atts = []
    if kind == "pdf":
        atts.append(attach(f"factuur_{inv}.pdf", "application/pdf", pdf([lines])))
    elif kind == "txt":
        atts.append(attach_text(f"factuur_{inv}.txt", "text/plain", "\n".join(lines) + "\n", charset="windows-1252"))
    else:
        t = t.replace("In de bijlage vindt u factuur", "Hieronder factuur") + "\n\n" + "\n".join(lines)
    return M(f"Administratie <facturen@{sup.split(' ')[0].lower()}.example>", P.info, f"Factuur {inv}", t, L(),
             ["invoice", "iban", "kvk", "agb", kind, "elfproef-invoice" if elf_ok(inv) else "nine-digit-fail"], atts=atts)


def c_vacc(rng, P):
    t = (f"Beste collega's,\n\nDe RSV- en griepvaccinatiecampagne start in week 41. De vaccins worden geleverd op {rng.randint(1, 10)} oktober. "
         "Zorg dat de koelkast op 2-8 °C staat en dat de temperatuurlogger werkt. Patiënten van 60+ en medische risicogroepen "
         "worden via het HIS geselecteerd; de lijst wordt NIET per mail verstuurd.\n\nOpvang bij flauwvallen: adrenaline-set controleren.\n\n"
         f"Met vriendelijke groet,\nprojectteam vaccinaties")
    return M("Vaccinatieprogramma <vaccinatie@zorggroep.example>", P.info, "Start vaccinatiecampagne", t, L(), ["vaccination-campaign"])


def c_case(rng, P):
    v = rng.randint(0, 2)
    if v == 0:
        c = ("Casus voor de intervisie: een vrouw van rond de vijftig met vermoeidheid, gewichtstoename en obstipatie. "
             "TSH verhoogd. Vraag: wanneer start je levothyroxine bij een subklinische hypothyreoïdie?")
    elif v == 1:
        c = ("FTO-casus: een man van middelbare leeftijd met drukkende pijn op de borst bij traplopen, roker, vader overleden aan een "
             "hartinfarct. ECG in rust normaal. Hoe snel verwijs je?")
    else:
        c = ("Anonieme casus: een tiener met buikpijn en schoolverzuim, geen alarmsymptomen. Ouders willen een scan. "
             "Hoe ga je het gesprek aan over functionele klachten?")
    t = f"Beste collega's,\n\n{c}\n\nWe bespreken dit dinsdag in de HAGRO. Denk alvast na over de NHG-standaard.\n\nGroet,\n{P.gp.first}"
    return M(P.addr(P.gp), "HAGRO Noord <hagro-noord@lijst.example>", ch(rng, "Casus intervisie", "FTO dinsdag", "HAGRO casus"), t, L(),
             ["anonymised-case"], lang="nl")


def c_training(rng, P):
    topic = ch(rng, "Spoedeisende hulp in de praktijk", "Dermatoscopie voor beginners", "Motiverende gespreksvoering", "Palliatieve zorg thuis", "Reanimatie BLS/AED herhaling")
    t = (f"Uitnodiging nascholing: {topic}\n\nDatum: donderdag {rng.randint(1, 28)} {rng.choice(MONTHS)} 2026, 19.00-22.00 uur\n"
         f"Locatie: Congrescentrum De Eenhoorn, {rng.choice(CITIES)}\nAccreditatie: 3 punten (ABAN)\nKosten: EUR 95\n\n"
         f"Aanmelden via de website. Vragen? Bel 030-{rng.randint(1000000, 9999999)}.\n")
    atts = []
    tags = ["training-invitation"]
    if rng.random() < 0.5:
        atts.append(attach_text("nascholing.ics", "text/calendar",
                                ics(f"Nascholing {topic}", "20261015T190000", "20261015T220000", "Congrescentrum De Eenhoorn",
                                    "Accreditatie aangevraagd. Neem uw BIG-nummer mee.", f"nascholing-{rng.randint(1, 999)}@scholing.example")))
        tags.append("ics")
    return M("Scholing Eerstelijn <info@scholing.example>", P.info, f"Uitnodiging: {topic}", t, L(), tags, atts=atts,
             html_body=to_html(t, rng) if rng.random() < 0.5 else None)


def c_jobad(rng, P):
    role = ch(rng, "doktersassistent (24-32 uur)", "praktijkondersteuner somatiek", "waarnemend huisarts", "praktijkmanager")
    t = (f"Vacature: {role}\n\n{P.name} in {P.city} zoekt een enthousiaste collega. Wij zijn een praktijk met 4.800 patiënten, "
         "werken met een modern HIS en hebben een hecht team. Je werkt zelfstandig aan spreekuren, triage en ketenzorg.\n\n"
         "Wij bieden salaris volgens cao Huisartsenzorg, schaal 5-7, en een goede pensioenregeling.\n\nSolliciteren vóór 1 juli via "
         f"vacatures@{P.dom}.")
    return M(P.info, "Vacaturebank Zorg <plaatsen@vacatures.example>", f"Vacature {role}", t, L(), ["job-ad"],
             html_body=to_html(t, rng) if rng.random() < 0.6 else None)


def c_it(rng, P):
    tk = rng.randint(100000, 999999)
    v = rng.randint(0, 2)
    if v == 0:
        t = (f"Beste gebruiker,\n\nOp zaterdag vindt gepland onderhoud plaats aan het HIS tussen 22.00 en 02.00 uur. "
             f"Het systeem en het patiëntenportaal zijn dan niet beschikbaar. Ticket: INC{tk}.\n\nServicedesk Zorg-ICT")
    elif v == 1:
        t = (f"Hallo,\n\nUw melding (#{tk}) over de printer bij balie 2 is opgelost: de driver is opnieuw geïnstalleerd. "
             "Mocht het probleem terugkomen, reageer dan op deze mail.\n\nMet vriendelijke groet,\nHelpdesk")
    else:
        t = ("Dear user,\n\nA security update for the practice workstations will be installed tonight. Please leave your PC switched on "
             "and logged out. The update requires one restart.\n\nIT Service Desk")
    return M("Servicedesk <servicedesk@zorg-ict.example>", f"Team <team@{P.dom}>", ch(rng, "Gepland onderhoud", f"Melding {tk} opgelost", "Security update tonight"),
             t, L(), ["it-notice"] + (["en"] if v == 2 else []), lang="en" if v == 2 else "nl")


def c_phishing(rng, P):
    v = rng.randint(0, 2)
    if v == 0:
        t = ("Beste gebruiker,\n\nUw mailbox is 98% vol. Om verlies van berichten te voorkomen moet u uw account binnen 24 uur verifiëren via "
             "onderstaande link.\n\nhttp://zorgmail-verificatie.example/login\n\nZorgMail Beheer")
    elif v == 1:
        t = ("Geachte klant,\n\nUw factuur staat nog open. Open de bijlage om te betalen, anders volgt incasso.\n\nMet vriendelijke groet,\n"
             "Incassobureau")
    else:
        t = ("Dear Doctor,\n\nYou have received a secure medical document (1 file, 2.4 MB). Click here to view it before it expires: "
             "http://secure-docs-share.example/view?id=88f2\n\nDocument Sharing Service")
    return M(ch(rng, "ZorgMail Beheer <no-reply@zorgmai1.example>", "Incasso <betaling@invoice-center.example>", "DocShare <notify@docs-share.example>"),
             P.info, ch(rng, "Actie vereist: mailbox vol", "Openstaande factuur", "You have a new secure document"), t, L(), ["phishing"],
             html_body=to_html(t, rng) if rng.random() < 0.7 else None, lang="en" if v == 2 else "nl")


def c_ooo(rng, P):
    who = rng.choice([P.gp, P.gp2, P.poh])
    t = ch(rng, f"Ik ben afwezig tot en met {rng.randint(1, 28)} {rng.choice(MONTHS)}. Voor dringende zaken kunt u contact opnemen met de praktijk via {P.tel}.\n\n{who.name}",
           f"Bedankt voor uw bericht. Ik werk op maandag, dinsdag en donderdag en reageer dan zo snel mogelijk.\n\n{who.first}",
           "I am out of office with limited access to email. For urgent matters please contact the practice.\n")
    return M(P.addr(who), f"{Person(rng).name} <{Person(rng).email}>", "Automatisch antwoord: " + ch(rng, "vraag", "overleg", "Uitnodiging"),
             t, L(), ["out-of-office"])


def c_meeting(rng, P):
    items = ["Opening en mededelingen", "Notulen vorige keer", "Nieuwe telefooncentrale", "Vakantieplanning zomer",
             "Evaluatie griepvaccinatie", "Scholingsplan 2027", "Rondvraag"]
    kind = rng.choice(["odt", "body", "docx"])
    t = f"Beste allen,\n\nHierbij de agenda voor het teamoverleg van woensdag 12.30 uur.\n\n{P.assist.first}"
    atts = []
    if kind == "odt":
        atts.append(attach("agenda_teamoverleg.odt", "application/vnd.oasis.opendocument.text",
                           odt(["Agenda teamoverleg"] + [f"{i}. {x}" for i, x in enumerate(items, 1)], table=[["Actie", "Wie"], ["Offerte centrale", P.gp.first], ["Rooster zomer", P.assist.first]])))
    elif kind == "docx":
        atts.append(attach("notulen.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                           docx([[("Notulen teamoverleg", "b")]] + [f"{i}. {x}" for i, x in enumerate(items, 1)])))
    else:
        t = t.replace("\n\n" + P.assist.first, "\n\n" + "\n".join(f"{i}. {x}" for i, x in enumerate(items, 1)) + "\n\n" + P.assist.first)
    return M(P.addr(P.assist), f"Team <team@{P.dom}>", "Agenda teamoverleg", t, L(), ["practice-meeting", kind], atts=atts)


def c_pat_generic(rng, P):
    p = Person(rng)
    t = ch(rng, f"Goedendag,\n\nWat zijn de openingstijden van de praktijk tijdens de zomervakantie?\n\nGroet,\n{p.name}",
           f"Hallo, kan ik me bij jullie inschrijven? Ik ben net verhuisd naar {P.city}. Wat moet ik meenemen?\n\n{p.first}",
           f"Beste praktijk, waar kan ik mijn auto parkeren als ik kom? De straat is opgebroken.\n\nmvg {p.first} {p.last}",
           f"Dear practice, do you have English-speaking doctors? I am thinking of registering.\n\nKind regards,\n{p.name}",
           f"Goedemiddag, hoe kan ik mijn e-mailadres wijzigen in het patiëntenportaal? De knop doet het niet.\n\n{p.name}")
    return M(f"{p.name} <{p.email}>", P.info, ch(rng, "vraag", "Inschrijven", "parkeren", "Question"), t, L(), ["patient-generic-question"])


def c_vcard_sender(rng, P):
    rep = Person(rng)
    card = vcf(rep.name, rep.last, rep.first, org="MediSupply BV", tel=f"+31 6 {rng.randint(1000, 9999)} {rng.randint(1000, 9999)}",
               email=f"{rep.first.lower()}@medisupply.example")
    t = f"Beste {P.assist.first},\n\nLeuk u gesproken te hebben. Mijn contactgegevens zitten in de bijlage.\n\n{rep.name}\naccountmanager MediSupply BV"
    return M(f"{rep.name} <{rep.first.lower()}@medisupply.example>", P.addr(P.assist), "Contactgegevens", t, L(), ["supplier", "vcf"],
             atts=[attach_text(f"{rep.first}.vcf", "text/vcard", card)])


def c_stock(rng, P):
    items = ["Handschoenen nitril S", "Handschoenen nitril M", "Spuiten 2 ml", "Naalden 23G", "Hechtpakket", "Urinepotjes", "Mondkapjes IIR", "Alcoholdoekjes"]
    rows = [["artikelnummer", "omschrijving", "voorraad", "minimum"]] + [[make_bsn(rng) if rng.random() < 0.4 else nine_fail(rng), it, str(rng.randint(0, 50)), "10"] for it in items]
    t = f"Hoi,\n\nHierbij de voorraadlijst van de behandelkamer. Alles onder minimum graag bestellen.\n\n{P.assist.first}"
    return M(P.addr(P.assist), P.addr(P.gp2), "Voorraad behandelkamer", t, L(), ["stock-list", "csv", "article-numbers"],
             atts=[attach_text("voorraad.csv", "text/csv", "\n".join(";".join(r) for r in rows) + "\n")])


def c_english(rng, P):
    v = rng.randint(0, 2)
    if v == 0:
        t = ("Dear colleague,\n\nWe are pleased to invite you to the European Primary Care Conference in Ghent, 12-14 November 2026. "
             "Early bird registration closes on 1 September. Abstract submission is open for research on chronic disease management.\n\n"
             "Conference Secretariat")
        s = "Invitation: European Primary Care Conference"
    elif v == 1:
        t = ("Hi,\n\nThanks for your interest in our scheduling software. Attached is the quote for 5 licences. "
             f"Quote reference {make_bsn(rng)}, valid for 30 days.\n\nBest,\nSales team")
        s = "Your quote"
    else:
        t = ("Hello,\n\nThis is a reminder that your subscription to the Clinical Guidelines App will renew on 3 March. "
             "No action is needed if you wish to continue.\n\nSupport")
        s = "Subscription renewal"
    return M(ch(rng, "EPCC 2026 <info@epcc.example>", "Sales <sales@schedulesoft.example>", "Support <support@guidelines-app.example>"),
             P.info, s, t, L(), ["vendor-en"], lang="en", html_body=to_html(t, rng) if rng.random() < 0.5 else None)


def c_shortage(rng, P):
    med = ch(rng, "amoxicilline suspensie 250 mg/5 ml", "methylfenidaat 18 mg", "insulinepennen 3 ml", "salbutamol dosisaerosol")
    t = (f"Geachte voorschrijvers,\n\nEr is momenteel een leveringsprobleem van {med}. De verwachting is dat de levering over 4 weken hersteld is. "
         "Wij adviseren bij nieuwe recepten het alternatief uit de bijgevoegde tabel te kiezen. Lopende patiënten worden door ons benaderd.\n\n"
         "Met vriendelijke groet,\nde gezamenlijke apotheken")
    return M("Apothekerscombinatie <info@apotheken-regio.example>", P.info, f"Leveringsprobleem {med}", t, L(), ["pharmacy-notice"])


def c_bsnword(rng, P):
    t = ch(rng, "Herinnering voor de balie: bij elke nieuwe inschrijving de identiteit controleren en het BSN via de SBV-Z verifiëren. "
           "Noteer nooit het BSN op losse briefjes en stuur het niet via gewone e-mail.\n\nDank!",
           "Vanaf volgende week mag het burgerservicenummer niet meer in de onderwerpregel van een mail staan. Gebruik Zivver voor alles met patiëntgegevens.",
           "Vraag van de verzekeraar: op declaraties moet het BSN van de verzekerde staan. Dat doet het HIS automatisch, jullie hoeven niets te doen.")
    return M(P.addr(P.gp), f"Team <team@{P.dom}>", ch(rng, "Werkafspraak BSN", "AVG-afspraken", "Declaraties"), t, L(), ["bsn-word-no-number"])


def c_zip_generic(rng, P):
    files = [("protocol_hygiene.txt", "Handhygiëne: voor en na elk patiëntcontact handen desinfecteren.\n"),
             ("werkinstructie_autoclaaf.docx", docx(["Werkinstructie autoclaaf", "Dagelijks: Bowie-Dick test uitvoeren en vastleggen."])),
             ("checklist_spoedkoffer.xlsx", xlsx([("koffer", [["Item", "Aantal"], ["Adrenaline 1 mg/ml", 2], ["Ambu-ballon", 1]])]))]
    if rng.random() < 0.5:
        z = zip_bytes([("kwaliteit.zip", zip_bytes(files))])
        tags = ["protocol", "zip-in-zip"]
    else:
        z = zip_bytes(files)
        tags = ["protocol", "zip"]
    t = f"Beste collega's,\n\nVoor de NPA-accreditatie zitten de bijgewerkte documenten in de zip.\n\n{P.gp2.first}"
    return M(P.addr(P.gp2), f"Team <team@{P.dom}>", "Documenten accreditatie", t, L(), tags, atts=[attach("accreditatie.zip", "application/zip", z)])


def c_pricelist(rng, P):
    lines = ["Tarieven niet-verzekerde zorg 2026", "", "Reisvaccinatie consult      EUR 25,00", "Rijbewijskeuring             EUR 75,00",
             "Verklaring sportvereniging   EUR 35,00", "Uittreksel dossier           gratis", "", "Betaling per pin of via IBAN.", "Vragen? Bel de praktijk."]
    pages = [lines] if rng.random() < 0.6 else [lines, ["Pagina 2", "Algemene voorwaarden van toepassing."], ["Pagina 3", "Versie januari 2026"]]
    t = f"Goedemiddag,\n\nHierbij de tarievenlijst voor de website.\n\n{P.assist.first}"
    return M(P.addr(P.assist), f"webmaster@{P.dom}", "Tarieven 2026", t, L(), ["price-list", "pdf"],
             atts=[attach("tarieven_2026.pdf", "application/pdf", pdf(pages))])


def c_insurer_circ(rng, P):
    t = (f"Geachte zorgaanbieder,\n\nDe contracteringsronde 2027 is gestart. U kunt uw aanbod indienen via het portaal tot 1 oktober. "
         f"Vermeld altijd uw AGB-code ({P.agb}) en de AGB-code van uw zorggroep. Het inschrijftarief stijgt met 4,1%.\n\n"
         "Met vriendelijke groet,\nafdeling Zorginkoop")
    return M("Zorginkoop <zorginkoop@zorgpolis.example>", P.info, "Contractering 2027", t, L(), ["insurer-circular", "agb"])


def c_wmo_generic(rng, P):
    t = ("Beste huisartsen,\n\nDe gemeente heeft het Wmo-loket verhuisd naar het stadhuis. Inwoners kunnen zonder afspraak terecht op dinsdag en "
         "donderdag. Verwijzen naar het sociaal wijkteam kan via het algemene nummer 14 0xx. Folders zijn bijgevoegd.\n\nTeam Wmo")
    return M(f"Gemeente <wmo@gemeente-{rng.choice(CITIES).lower()}.example>", P.info, "Nieuwe locatie Wmo-loket", t, L(), ["municipality-generic"],
             atts=[attach("folder_wmo.pdf", "application/pdf", pdf([["Wmo-loket", "Voor hulp bij het huishouden, vervoer en aanpassingen in huis.", "Openingstijden: di en do 9-16 uur"]]))])


def c_building(rng, P):
    t = ch(rng, "Beste huurders,\n\nVolgende week maandag wordt de lift in het gezondheidscentrum onderhouden. Patiënten die slecht ter been zijn kunnen de achteringang gebruiken.\n\nVvE Gezondheidscentrum",
           "Hallo allemaal,\n\nDe parkeerplaats wordt op 3 en 4 juni opnieuw bestraat. Parkeren kan bij de sporthal.\n\nBeheer",
           "Hoi,\n\nDe glazenwasser komt donderdag. Graag de vensterbanken in de spreekkamers leeg.\n\nGroet")
    return M("Beheer <beheer@gezondheidscentrum.example>", P.info, ch(rng, "Onderhoud lift", "Parkeerplaats", "Glazenwasser"), t, L(), ["building"])


def c_parcel(rng, P):
    t = (f"Uw pakket is onderweg!\n\nZendingnummer: 3S{''.join(rng.choice('ABCDEFGHJKLMNPQRSTUVWXYZ') for _ in range(4))}{rng.randint(100000000, 999999999)}\n"
         f"Bezorgdatum: morgen tussen 10:15 en 12:45\nAfzender: MediSupply BV\n\nVolg uw pakket in de app.")
    return M("Bezorgdienst <noreply@pakket.example>", P.info, "Je pakket komt morgen", t, L(), ["parcel", "track-trace"],
             html_body=to_html(t, rng), force=rng.choice(["html-only", "alt"]))


def c_social(rng, P):
    t = ("Concept voor Facebook: 'Deze week is het de Week van de Longen. Rookt u en wilt u stoppen? Onze POH helpt u graag. "
         "Maak een afspraak via de assistente!' Graag akkoord voor vrijdag.")
    return M(P.addr(P.poh), P.addr(P.gp), "Post social media", t, L(), ["social-media"])


def c_fwd_newsletter(rng, P):
    inner_t = ("Beste huisarts,\n\nDe nieuwe NHG-standaard Astma bij volwassenen is verschenen. Belangrijkste wijziging: geen monotherapie meer met "
               "kortwerkende luchtwegverwijders. Lees de samenvatting op de website.\n\nRedactie")
    raw = envelope(rng, "NHG-Nieuws <nieuws@huisartsen-standaarden.example>", P.addr(P.gp), "Standaard Astma herzien",
                   leaf_text(inner_t, cte=rng.choice(["qp", "b64"])))
    nested = rng.random() < 0.5
    tags = ["forwarded-newsletter", "rfc822"]
    if nested:
        raw = envelope(rng, P.addr(P.gp), P.addr(P.gp2), "Fwd: Standaard Astma herzien",
                       multipart("mixed", [leaf_text("Lezen!", cte="8bit"), attach_msg(raw)], rng))
        tags.append("nested2")
    return M(P.addr(P.gp2), P.addr(P.poh), "Fwd: Standaard Astma", f"Voor jou ook interessant, {P.poh.first}.\n", L(), tags,
             atts=[attach_msg(raw)])


def c_reply_colleague(rng, P):
    orig = f"Hoi {P.gp2.first}, kun jij vrijdag mijn ochtendspreekuur overnemen? Ik moet naar een bruiloft.\n{P.gp.first}"
    t = (f"Prima, geen probleem. Dan neem jij mijn dienst op de huisartsenpost op de 23e?\n\n{P.gp2.first}\n\n"
         f"Op {rng.randint(1, 28)} juni 2026 om 10:12 schreef {P.gp.name}:\n" + "\n".join("> " + l for l in orig.split("\n")))
    return M(P.addr(P.gp2), P.addr(P.gp), "Re: spreekuur vrijdag", t, L(), ["reply-chain", "staff"])


def c_hap_roster(rng, P):
    docs = [Person(rng) for _ in range(5)]
    rows = [["Datum", "Dienst", "Huisarts", "Telefoon"]] + [[f"{d}-11-2026", rng.choice(["avond", "nacht", "weekend"]), x.name, f"06-{rng.randint(10000000, 99999999)}"]
                                                            for d, x in zip(range(2, 7), docs)]
    t = "Beste huisartsen,\n\nHierbij het dienstrooster van de huisartsenpost voor november. Ruilingen via het roosterprogramma.\n\nRoosteraar HAP"
    return M("Roosteraar HAP <rooster@hap.example>", f"Huisartsen regio <huisartsen@hap.example>", "Dienstrooster november", t, L(),
             ["roster", "hap", "xlsx"], atts=[attach("dienstrooster_nov.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx([("nov", rows)]))])


def c_phonelike(rng, P):
    t = (f"Beste praktijk,\n\nVoor storingen aan de telefooncentrale kunt u ons 24/7 bereiken op +31 6 {rng.randint(1000, 9999)} {rng.randint(1000, 9999)} "
         f"of 085-{rng.randint(1000000, 9999999)}. Uw klantnummer is {make_bsn(rng)} en uw contractnummer {nine_fail(rng)}.\n\n"
         "Met vriendelijke groet,\nTelecom Zorg")
    return M("Telecom Zorg <support@telecomzorg.example>", P.info, "Uw contract telefonie", t, L(), ["telecom", "elfproef-customer-number"])


def c_unscan_clean_encrypted(rng, P):
    # encrypted zip holding nothing about anybody: unscannable only
    z = zipcrypto([("notulen_bestuur.txt", "Notulen bestuursvergadering: begroting 2027 goedgekeurd.\n")], "Bestuur#2026", rng)
    t = "Beste bestuursleden,\n\nDe notulen zitten in de beveiligde zip, wachtwoord zoals afgesproken.\n\nSecretaris"
    return M("Secretaris coöperatie <secretaris@cooperatie.example>", P.info, "Notulen bestuur", t, L(u=1), ["unscannable", "zipcrypto", "no-personal-content"],
             atts=[attach("notulen.zip", "application/zip", z)])


# ================================================================ extra scenarios (formats and hard cases)

def s_qp_softbreak(rng, P):
    # long unbroken line, so the quoted-printable soft line break (=) falls inside the BSN
    p = Person(rng, age=rng.randint(20, 80))
    lead = f"Graag het dossier van {p.name} (geboren {p.dob(0)}) met burgerservicenummer "
    pad = 73 - len(lead) % 76 + 76
    lead = lead + "x" * 0
    filler = "Zoals telefonisch besproken, wij nemen de zorg over per de eerste van de volgende maand. "
    line = filler + lead
    # shift so that the BSN starts 4 columns before the 76-column limit
    while (len(line) % 75) != 71:
        line = "." + line if len(line) % 2 else " " + line
    line = line.lstrip(" .") if False else line
    t = (f"Beste collega,\n\n{line}{p.bsn} digitaal naar ons toe te sturen via het LSP-overdrachtsbericht, want de patiënt heeft "
         f"{ch(rng, 'COPD', 'diabetes type 2', 'een depressie')} en heeft snel herhaalmedicatie nodig.\n\nGroet,\n{P.gp.name}")
    m = M(P.addr(P.gp), "Huisartsenpraktijk Elders <info@praktijk-elders.nl>", "Overdracht dossier", t, L(b=1, h=1, p=1),
          ["dossier-transfer", "qp-softbreak-in-bsn"], force="plain")
    m["cte"] = "qp"
    return m


def s_xlsx_leadzero(rng, P):
    pats = [Person(rng, age=rng.randint(70, 95)) for _ in range(3)]
    for p in pats[:2]:
        p.bsn = make_bsn(rng, lead_zero=True)
    rows = [["Cliënt", "Geboortedatum", "BSN", "Zorgzwaarte", "Bijzonderheden"]]
    for p in pats:
        rows.append([p.name, p.dob(0), ("n0", int(p.bsn)), rng.choice(["VV4", "VV5", "VV6"]), rng.choice(["insuline 3dd", "valrisico, heupprotector", "decubitus stuit"])])
    t = f"Beste dokter {P.gp.last},\n\nHierbij de lijst met cliënten die per 1 mei naar onze locatie verhuizen en bij u ingeschreven worden.\n\nMet vriendelijke groet,\nTeamleider zorg"
    return M("Teamleider <teamleider@woonzorg.example>", P.info, "Nieuwe bewoners", t, L(b=1, h=1, p=1),
             ["care-home", "xlsx", "xlsx-leading-zero-bsn"],
             atts=[attach("nieuwe_bewoners.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx([("bewoners", rows)]))])


def s_his_export_txt(rng, P):
    p = Person(rng, age=rng.randint(30, 90))
    cs = rng.sample(CONDS, 3)
    lines = [f"EPISODELIJST  {p.name.upper()}", f"Geb.: {p.dob(0)}   Pat.nr: {p.pnr}   BSN: {fmt_bsn(p.bsn, rng.choice(BSN_STYLES))}", "-" * 60]
    for c in cs:
        lines.append(f"{c['icpc']:<6}{c['d']:<36}sinds {rng.randint(1995, 2025)}")
    lines += ["", "MEDICATIE"] + [f"  {c['med']}" for c in cs]
    t = ch(rng, "Hoi, hierbij de episodelijst voor het MDO van morgen.\n", "Bijgaand het uittreksel uit het HIS zoals gevraagd door de specialist ouderengeneeskunde.\n")
    return M(P.addr(P.poh), ch(rng, P.addr(P.gp), "Specialist ouderengeneeskunde <so@woonzorg.example>"), "Episodelijst", t,
             L(b=1, h=1, p=1), ["his-export", "txt"],
             atts=[attach_text("episodelijst.txt", "text/plain", "\n".join(lines) + "\n", charset=rng.choice(["windows-1252", "utf-8"]), cte=rng.choice(["b64", "qp"]))])


def s_foreign_en(rng, P):
    p = Person(rng, age=rng.randint(25, 80))
    t = (f"Dear colleague,\n\nYour patient {p.name}, date of birth {p.dob_en()}, was admitted to our hospital in Malaga on holiday with "
         f"{ch(rng, 'a displaced ankle fracture, treated with open reduction and internal fixation', 'community-acquired pneumonia, treated with IV amoxicillin-clavulanate', 'a transient ischaemic attack; CT brain normal')}.\n\n"
         f"Discharge medication: {ch(rng, 'enoxaparin 40 mg sc once daily for 4 weeks', 'amoxicillin-clavulanate 875/125 mg twice daily for 5 days', 'clopidogrel 75 mg once daily, atorvastatin 40 mg')}.\n"
         f"Please arrange follow-up in primary care.\n\nKind regards,\nDr. {rng.choice(L_EN)}\nHospital Costa del Sol, International Patient Office")
    atts = []
    tags = ["foreign-hospital", "discharge-letter"]
    if rng.random() < 0.5:
        atts.append(attach("discharge_summary.pdf", "application/pdf", pdf([["DISCHARGE SUMMARY", f"Patient: {p.name}", f"DOB: {p.dob(4)}",
                                                                              f"Home address: {p.addr}", "Diagnosis: see letter"]])))
        tags.append("pdf")
    return M("International Patient Office <ipo@hospital-costa.example>", P.info, "Discharge summary", t, L(h=1, p=1), tags, atts=atts, lang="en")


def s_parent_en(rng, P):
    par = Person(rng, origin="en", age=rng.randint(28, 45))
    kid = Person(rng, origin="en", age=rng.randint(1, 10))
    t = (f"Hello,\n\nMy son {kid.first} {par.last} (born {kid.dob_en()}) has had a barking cough for three nights and was wheezing last night. "
         f"The out-of-hours doctor gave him dexamethasone. Should we book a follow-up with Dr {P.gp.last}?\n\nThanks,\n{par.first}")
    return M(f"{par.name} <{par.email}>", P.info, "My son's cough", t, L(h=1, p=1), ["parent-about-child"], lang="en")


def s_pdf_page3(rng, P):
    p = Person(rng, age=rng.randint(40, 85))
    pages = [["POLIKLINISCH VERSLAG", "Algemene informatie over de afdeling", "Bezoekadres en route"],
             ["Toelichting bij onderzoeken", "Longfunctieonderzoek: spirometrie met reversibiliteit", "CT-thorax volgens protocol"],
             ["PATIENTGEGEVENS", f"Naam: {p.name}", f"Geboortedatum: {p.dob(0)}", f"BSN: {fmt_bsn(p.bsn, rng.choice(BSN_STYLES))}",
              "Conclusie: longemfyseem, GOLD 3. Start triple-inhalatietherapie."],
             ["Bijlage: folder stoppen met roken"], ["Einde verslag"]]
    t = "Geachte collega,\n\nIn de bijlage het verslag van de longpoli.\n\nMet vriendelijke groet,\nsecretariaat longziekten"
    return M(f"Secretariaat longziekten <longziekten@{hosp(rng)[1]}>", P.info, "Verslag polikliniek", t, L(b=1, h=1, p=1),
             ["specialist-report", "pdf-page3-of-5"], atts=[attach("verslag_longpoli.pdf", "application/pdf", pdf(pages))])


def c_case_en(rng, P):
    t = ("Dear all,\n\nFor Thursday's journal club: a 67-year-old man presents with new-onset atrial fibrillation and a CHA2DS2-VASc score of 3. "
         "Discuss anticoagulation choices and the evidence for rate versus rhythm control. No patient data will be shared; this is a teaching case.\n\n"
         "Best wishes,\nJournal club coordinator")
    return M("Journal Club <journalclub@huisartsopleiding.example>", P.info, "Journal club case", t, L(), ["anonymised-case", "teaching"], lang="en")


def c_claims(rng, P):
    batch = make_bsn(rng)
    t = (f"Geachte zorgaanbieder,\n\nUw declaratiebestand is ontvangen en verwerkt.\n\nBatchnummer: {batch}\nAantal prestaties: {rng.randint(200, 900)}\n"
         f"AGB-code: {P.agb}\nRetourinformatie: 0 afgekeurd\nBetaaldatum: 28-{rng.randint(1, 12):02d}-2026\n\n"
         "Let op: vermeld nooit het BSN van een verzekerde in de vrije tekst van een bericht aan ons.\n\nDeclaratieservice")
    return M("Declaratieservice <declaraties@zorgpolis.example>", P.info, f"Retourinformatie batch {batch}", t, L(), ["insurer-claims", "elfproef-batch-number", "agb"])


def c_phone_intl(rng, P):
    while True:
        ph = f"{rng.randint(10, 99)}{rng.randint(1000000, 9999999)}"
        if elf_ok(ph):
            break
    pretty = f"+31 {ph[:2]} {ph[2:5]} {ph[5:]}"
    t = (f"Beste relatie,\n\nOns kantoor is verhuisd. Ons nieuwe telefoonnummer is {pretty} (tel.), fax is opgeheven. "
         f"Het e-mailadres blijft hetzelfde.\n\nMet vriendelijke groet,\nZorgadvies Midden BV\nKvK {rng.randint(10000000, 99999999)}")
    return M("Zorgadvies Midden <info@zorgadvies.example>", P.info, "Nieuw telefoonnummer", t, L(), ["supplier", "phone-9-digits-elfproef"],
             html_body=to_html(t, rng) if rng.random() < 0.5 else None)


# ================================================================ composition

SENSITIVE = [
    (s_pat_repeat, 5), (s_pat_informal, 5), (s_pat_en, 5), (s_parent_child, 5), (s_child_elderly, 5), (s_partner, 3),
    (s_pat_l2, 7), (s_pat_result_bsn, 3), (s_pat_sicknote, 4), (s_referral, 8), (s_discharge_fwd, 6), (s_lab, 4),
    (s_pharmacy, 4), (s_wijk, 3), (s_jeugd, 3), (s_ggz, 3), (s_fysio, 2), (s_dentist, 3), (s_midwife, 3),
    (s_bedrijfsarts, 3), (s_insurer, 3), (s_wmo, 3), (s_carehome, 3), (s_hap, 3), (s_internal_bsn, 4),
    (s_internal_namecond, 3), (s_poh_list, 3), (s_hr, 3), (s_reply_quoted, 2), (s_ics, 3), (s_vcf_patient, 2),
    (s_inschrijving, 3), (s_zipdocs, 2), (s_unscan, 12), (s_bsn_subject, 2), (s_bsn_filename, 2), (s_html_entity, 3),
    (s_inline_fwd, 3), (s_image, 5), (c_unscan_clean_encrypted, 2),
    (s_qp_softbreak, 3), (s_xlsx_leadzero, 2), (s_his_export_txt, 3), (s_foreign_en, 3), (s_parent_en, 2), (s_pdf_page3, 2),
]
CLEAN = [
    (c_newsletter, 6), (c_leaflet, 5), (c_protocol, 5), (c_roster, 4), (c_supplier_order, 6), (c_invoice, 6), (c_vacc, 4),
    (c_case, 5), (c_training, 5), (c_jobad, 4), (c_it, 5), (c_phishing, 5), (c_ooo, 4), (c_meeting, 4), (c_pat_generic, 6),
    (c_vcard_sender, 2), (c_stock, 3), (c_english, 5), (c_shortage, 4), (c_bsnword, 4), (c_zip_generic, 3), (c_pricelist, 4),
    (c_insurer_circ, 4), (c_wmo_generic, 3), (c_building, 3), (c_parcel, 3), (c_social, 2), (c_fwd_newsletter, 3),
    (c_reply_colleague, 4), (c_hap_roster, 3), (c_phonelike, 3), (c_case_en, 2), (c_claims, 3), (c_phone_intl, 3),
]


def compose(rng, m):
    charset = rng.choice(["utf-8", "utf-8", "iso-8859-1", "windows-1252"])
    cte = rng.choice(["qp", "qp", "b64", "8bit"])
    if m.get("cte"):
        cte = m["cte"]
    mode = m["force"]
    if mode is None:
        if m["html"]:
            mode = rng.choice(["alt", "alt", "html-only"])
        else:
            mode = rng.choice(["plain"] * 6 + ["alt"] * 3 + ["html-only"])
    hb = m["html"] or to_html(m["text"], rng)
    if mode == "plain":
        body = leaf_text(m["text"], "plain", charset, cte)
    elif mode == "html-only":
        body = leaf_text(hb, "html", charset, cte)
    else:
        body = multipart("alternative", [leaf_text(m["text"], "plain", charset, cte), leaf_text(hb, "html", charset, cte)], rng, preamble=False)
    # actual charset used (falls back to utf-8 when the text does not fit)
    used = charset
    try:
        m["text"].encode(charset)
        hb.encode(charset)
    except UnicodeEncodeError:
        used = "utf-8"
    tags = [mode, {"qp": "qp", "b64": "b64", "8bit": "8bit"}[cte], used]
    if m["atts"]:
        body = multipart("mixed", [body] + m["atts"], rng)
        tags.append("mixed")
    if m["lang"] != "en" and (m["text"].startswith(("Dear ", "Hi,", "Hello,")) or "I am out of office" in m["text"]):
        m["lang"] = "en"
    if m["lang"] == "en" and "en" not in m["tags"]:
        tags.append("en")
    raw = envelope(rng, m["frm"], m["to"], m["subj"], body, cc=m["cc"])
    return raw, tags


def build(out):
    _UNSCAN_COUNTER[0] = 0
    _REF_COUNTER[0] = 0
    _IMG_COUNTER[0] = 0
    rng = random.Random(SEED)
    plan = [f for f, n in SENSITIVE for _ in range(n)] + [f for f, n in CLEAN for _ in range(n)]
    rng.shuffle(plan)
    os.makedirs(out, exist_ok=True)
    for old in os.listdir(out):
        if old.startswith("msg-") and old.endswith(".eml"):
            os.remove(os.path.join(out, old))
    rows = []
    for i, fn in enumerate(plan, 1):
        r = random.Random(SEED * 1000 + i)
        P = Practice(r)
        m = fn(r, P)
        raw, ftags = compose(r, m)
        lf_only = r.random() < 0.12
        data = raw.encode("utf-8")
        if not lf_only:
            data = data.replace(b"\n", b"\r\n")
        name = f"msg-{i:03d}.eml"
        with open(os.path.join(out, name), "wb") as fh:
            fh.write(data)
        lab = m["lab"]
        sens = any(lab.values())
        note = ";".join(m["tags"] + ftags + (["lf"] if lf_only else []) + ["sensitive" if sens else "clean"])
        rows.append([name, str(lab["bsn"]), str(lab["health"]), str(lab["personal"]), str(lab["unscannable"]), note])
    with open(os.path.join(out, "labels.tsv"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write("file\tbsn\thealth\tpersonal\tunscannable\tnote\n")
        for row in rows:
            fh.write("\t".join(row) + "\n")
    return rows


def check(out, rows):
    import email
    from email import policy
    problems = 0
    for row in rows:
        path = os.path.join(out, row[0])
        with open(path, "rb") as fh:
            msg = email.message_from_binary_file(fh, policy=policy.default)
        if msg.defects:
            print("defects", row[0], msg.defects)
        stack = [msg]
        while stack:
            part = stack.pop()
            ct = part.get_content_type()
            if ct == "message/rfc822":
                stack.extend(part.iter_parts())
                continue
            if part.is_multipart():
                stack.extend(part.iter_parts())
                continue
            fn = part.get_filename() or ""
            payload = part.get_payload(decode=True) or b""
            bad_expected = "unscannable" in row[5]
            if fn.endswith((".docx", ".xlsx", ".odt", ".zip")):
                try:
                    with zipfile.ZipFile(io.BytesIO(payload)) as z:
                        for zi in z.infolist():
                            if zi.flag_bits & 1:
                                continue
                            d = z.read(zi.filename)
                            if zi.filename.endswith((".xml", ".rels")):
                                import xml.etree.ElementTree as ET
                                ET.fromstring(d)
                except Exception as e:
                    if not bad_expected:
                        print("BAD ZIP", row[0], fn, e)
                        problems += 1
            if fn.endswith(".pdf") and not payload.startswith(b"%PDF") and not bad_expected:
                print("BAD PDF", row[0], fn)
                problems += 1
            if ct.startswith("text/"):
                part.get_content()
    return problems


def main():
    out = os.path.dirname(os.path.abspath(__file__))
    if "--out" in sys.argv:
        out = sys.argv[sys.argv.index("--out") + 1]
    rows = build(out)
    sens = sum(1 for r in rows if r[5].endswith("sensitive"))
    print(f"{len(rows)} messages, {sens} sensitive, {len(rows) - sens} clean; "
          + ", ".join(f"{k}={sum(int(r[j]) for r in rows)}" for j, k in enumerate(["bsn", "health", "personal", "unscannable"], 1)))
    if "--check" in sys.argv:
        n = check(out, rows)
        print("check problems:", n)


if __name__ == "__main__":
    main()
