#!/usr/bin/env python3
"""Blind evaluation corpus generator: synthetic outgoing mail of a Dutch GP practice.

Standard library only. Deterministic (fixed seed). Writes msg-NNN.eml and labels.tsv.

usage: python3 gen.py [--out DIR]
"""
import argparse
import base64
import datetime as dt
import hashlib
import json
import os
import quopri
import random
import struct
import zlib
from email.header import Header
from email.utils import format_datetime

SEED = 20250611
R = random.Random(SEED)

# ----------------------------------------------------------------------------------------------
# synthetic identities
# ----------------------------------------------------------------------------------------------
NL_FIRST_F = ["Anouk", "Emma", "Fleur", "Ilse", "Karin", "Lotte", "Marloes", "Olga", "Ria", "Sanne", "Vera",
              "Yvonne", "Zeynep", "Fatima", "Esther", "Ingrid", "Hanneke", "Julia", "Mila", "Tess", "Saar",
              "Truus", "Gerda", "Wilma", "Nadia", "Loes", "Bep", "Joke", "Petra", "Noor", "Iris", "Mirjam"]
NL_FIRST_M = ["Bram", "Daan", "Gerrit", "Henk", "Joost", "Niels", "Pieter", "Thijs", "Wim", "Mohammed", "Kees",
              "Bart", "Jeroen", "Sem", "Noah", "Liam", "Finn", "Luuk", "Ruud", "Arjen", "Hendrik", "Youssef",
              "Sjoerd", "Teun", "Jan", "Cor", "Rik", "Mehmet", "Dirk", "Koen"]
NL_LAST = ["de Vries", "Jansen", "van den Berg", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder",
           "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit",
           "Dijkstra", "Smits", "de Graaf", "van der Meer", "Kok", "Jacobs", "Haddou", "Yılmaz", "Öztürk",
           "El Amrani", "Şahin", "Kramer", "Verhoeven", "Willems", "van Dijk", "Koster", "Prins", "Huisman",
           "Postma", "Kuipers", "Boersma", "van Wijk", "Schouten", "Hoekstra", "Bulut", "Dogan", "Wouters"]
EN_FIRST_F = ["Sarah", "Emily", "Priya", "Anna", "Olivia", "Chloe", "Hannah", "Mei", "Aisha", "Laura", "Grace"]
EN_FIRST_M = ["James", "Tom", "Lukas", "Mateo", "Wei", "Daniel", "Oliver", "Rahul", "Samuel", "Patrick", "Ethan"]
EN_LAST = ["Thompson", "O'Neill", "Sharma", "Schneider", "Kowalska", "Fletcher", "Clarke", "García", "Chen",
           "Brown", "Murphy", "Novak", "Rossi", "Patel", "Walker", "Müller", "Nowak", "Evans"]
STREETS = ["Dorpsstraat", "Kerkstraat", "Molenweg", "Julianalaan", "Beatrixstraat", "Lindelaan", "Schoolstraat",
           "Stationsweg", "Van Goghstraat", "Prinses Irenestraat", "Esdoornlaan", "Kastanjelaan", "Zuiderweg",
           "Nieuwe Gracht", "Burgemeester de Withof", "Oude Rijn", "Spoorsingel", "Heuvelrug", "Tulpstraat"]
TOWNS = ["Nieuwkerk", "Zevenhuizen", "Oosterwolde", "Heerde", "Bunschoten", "Hoogland", "Ede", "Zwolle",
         "Amersfoort", "Utrecht", "Leiden", "Deventer", "Wijchen", "Barneveld", "Woerden"]

PRACTICES = [
    ("Huisartsenpraktijk De Linde", "praktijk-delinde.nl", "Lindelaan 4", "3881 KL", "Putten", "0341-356120"),
    ("Huisartsen Molenhoek", "praktijk-molenhoek.nl", "Molenhoek 17", "6581 BT", "Molenhoek", "024-3582941"),
    ("Gezondheidscentrum Zuid", "praktijk-gczuid.nl", "Zuiderweg 210", "3521 AZ", "Utrecht", "030-2887410"),
    ("Huisartspraktijk Van Dam", "praktijk-vandam.nl", "Kerkplein 2", "8161 EA", "Epe", "0578-612233"),
]
GP_NAMES = ["dr. M. Hoekstra", "E. van Wijk, huisarts", "J.P. Brouwer", "dr. S. El Idrissi", "A. de Lange"]
STAFF = ["Marieke (doktersassistente)", "Yvette", "Sandra - praktijkondersteuner", "Gijs", "Linda", "Nicole",
         "Femke (POH-GGZ)", "Rob (praktijkmanager)"]

HOSPITALS = [("Rijnland Ziekenhuis", "ziekenhuis-rijnland.test"), ("Gelre Noord", "ziekenhuis-gelrenoord.test"),
             ("St. Anna Gasthuis", "ziekenhuis-stanna.test")]
SPEC_NL = ["cardiologie", "dermatologie", "orthopedie", "neurologie", "interne geneeskunde", "KNO",
           "gynaecologie", "longziekten", "urologie", "oogheelkunde", "kindergeneeskunde", "MDL", "reumatologie"]
SPEC_EN = ["cardiology", "dermatology", "orthopaedics", "neurology", "internal medicine", "ENT", "gynaecology",
           "pulmonology", "urology", "ophthalmology", "paediatrics", "gastroenterology", "rheumatology"]

DIAG = [  # (icpc, nl, en)
    ("T90", "Diabetes mellitus type 2", "type 2 diabetes mellitus"),
    ("K86", "Hypertensie zonder orgaanbeschadiging", "hypertension"),
    ("R96", "Astma", "asthma"),
    ("P76", "Depressie", "depression"),
    ("L03", "Lage rugklachten", "low back pain"),
    ("K78", "Atriumfibrilleren", "atrial fibrillation"),
    ("P74", "Angststoornis", "anxiety disorder"),
    ("R95", "COPD", "COPD"),
    ("T93", "Hypercholesterolemie", "hypercholesterolaemia"),
    ("L90", "Artrose knie", "osteoarthritis of the knee"),
    ("N89", "Migraine", "migraine"),
    ("T86", "Hypothyreoïdie", "hypothyroidism"),
    ("D87", "Maagklachten / reflux", "reflux disease"),
    ("S88", "Contacteczeem", "contact dermatitis"),
    ("K77", "Hartfalen", "heart failure"),
]
MEDS = ["metformine 500 mg 2dd1", "amlodipine 5 mg 1dd1", "atorvastatine 20 mg 1dd1 a.n.",
        "salbutamol 100 mcg/dosis zo nodig", "sertraline 50 mg 1dd1", "omeprazol 20 mg 1dd1 vóór het ontbijt",
        "acenocoumarol 1 mg volgens schema trombosedienst", "methylfenidaat 10 mg 2dd1",
        "naproxen 250 mg 2dd1 max 5 dagen", "levothyroxine 50 mcg 1dd1 nuchter", "furosemide 40 mg 1dd1",
        "apixaban 5 mg 2dd1", "lisinopril 10 mg 1dd1", "tramadol 50 mg max 3dd1", "quetiapine 25 mg a.n.",
        "fluticason/salmeterol 250/25 2dd1 inh.", "oxazepam 10 mg zn max 1dd1"]
MEDS_EN = ["metformin 500 mg twice daily", "amlodipine 5 mg once daily", "atorvastatin 20 mg at night",
           "salbutamol inhaler as needed", "sertraline 50 mg daily", "omeprazole 20 mg before breakfast",
           "levothyroxine 50 mcg daily", "apixaban 5 mg twice daily", "methylphenidate 10 mg twice daily"]
LABS = [("HbA1c", "mmol/mol", 38, 86), ("eGFR", "ml/min/1,73m2", 28, 95), ("kreatinine", "umol/L", 60, 190),
        ("LDL-cholesterol", "mmol/L", 1.8, 5.9), ("TSH", "mU/L", 0.2, 9.5), ("Hb", "mmol/L", 6.1, 9.4),
        ("ferritine", "ug/L", 6, 310), ("CRP", "mg/L", 1, 85), ("INR", "", 1.4, 4.6),
        ("glucose nuchter", "mmol/L", 4.6, 11.8), ("kalium", "mmol/L", 3.3, 5.9), ("vitamine B12", "pmol/L", 110, 520)]


def pick(seq):
    return R.choice(seq)


def elf_ok(s):
    d = [int(c) for c in s]
    return len(d) == 9 and (sum(w * x for w, x in zip([9, 8, 7, 6, 5, 4, 3, 2, -1], d)) % 11 == 0)


def elf_number(lead_zero_ok=False):
    while True:
        d = [R.randint(0 if lead_zero_ok else 1, 9)] + [R.randint(0, 9) for _ in range(7)]
        s = sum(w * x for w, x in zip([9, 8, 7, 6, 5, 4, 3, 2], d)) % 11
        if s <= 9:
            out = "".join(map(str, d + [s]))
            assert elf_ok(out)
            return out


def nonelf_number():
    while True:
        s = str(R.randint(100000000, 999999999))
        if not elf_ok(s):
            return s


def fmt_bsn(b, style=None):
    style = style or pick(["plain", "plain", "dot423", "dot333", "space333"])
    if style == "plain":
        return b
    if style == "dot423":
        return f"{b[:4]}.{b[4:6]}.{b[6:]}"
    if style == "dot333":
        return f"{b[:3]}.{b[3:6]}.{b[6:]}"
    if style == "space333":
        return f"{b[:3]} {b[3:6]} {b[6:]}"
    raise ValueError(style)


def bsn_kw(lang):
    if lang == "en":
        return pick(["BSN", "BSN:", "Citizen service number (BSN):", "BSN no.", "Dutch BSN"])
    return pick(["BSN", "BSN:", "burgerservicenummer", "Burgerservicenr.", "BSN-nr:", "sofinummer", "bsn"])


def iban():
    bank = pick(["INGB", "ABNA", "RABO", "SNSB", "TRIO", "KNAB"])
    acct = "".join(str(R.randint(0, 9)) for _ in range(10))
    conv = "".join(str(int(c, 36)) for c in bank + acct + "NL00")
    chk = 98 - int(conv) % 97
    return f"NL{chk:02d}{bank}{acct}"


def iban_fmt(i):
    return " ".join(i[k:k + 4] for k in range(0, len(i), 4))


def postcode():
    while True:
        letters = chr(R.randint(65, 90)) + chr(R.randint(65, 90))
        if letters not in ("SA", "SD", "SS"):
            return f"{R.randint(1000, 9999)} {letters}"


def mobile():
    n = "".join(str(R.randint(0, 9)) for _ in range(8))
    return pick([f"06-{n}", f"06 {n[:2]} {n[2:5]} {n[5:]}", f"+31 6 {n[:4]} {n[4:]}", f"06{n}"])


def landline():
    area = pick(["030", "024", "0341", "0578", "026", "038", "055"])
    rest = "".join(str(R.randint(0, 9)) for _ in range(10 - len(area)))
    return f"{area}-{rest}"


def kvk():
    return "".join(str(R.randint(0, 9)) for _ in range(8))


def agb():
    return "01" + "".join(str(R.randint(0, 9)) for _ in range(6))


def ascii_slug(s):
    tr = str.maketrans("ëéèïöüçşıŞÖÜ'", "eeeiouc siSOU ".replace(" ", "x")[:13])
    s = s.translate(tr)
    return "".join(c for c in s.lower() if c.isalnum() or c == ".")


class Person:
    def __init__(self, lang="nl", minor=False, age=None):
        self.female = R.random() < 0.55
        if lang == "en":
            self.first = pick(EN_FIRST_F if self.female else EN_FIRST_M)
            self.last = pick(EN_LAST)
        else:
            self.first = pick(NL_FIRST_F if self.female else NL_FIRST_M)
            self.last = pick(NL_LAST)
        self.full = f"{self.first} {self.last}"
        if age is None:
            age = R.randint(4, 16) if minor else R.randint(19, 91)
        y = 2025 - age
        self.dob = dt.date(y, R.randint(1, 12), R.randint(1, 28))
        self.street = f"{pick(STREETS)} {R.randint(1, 180)}{pick(['', '', '', 'a', '-2', ' bis'])}"
        self.postcode = postcode()
        self.town = pick(TOWNS)
        self.phone = mobile()
        self.email = f"{ascii_slug(self.first)}.{ascii_slug(self.last).replace('van', 'v')}{R.randint(1, 99)}@" + \
            pick(["mail.example", "kpnmail.test", "ziggo.example", "hotmail.test", "home.example"])
        self.patno = str(R.randint(10000, 99999))
        self.bsn = elf_number()

    def initials_name(self, lang="nl"):
        t = ("mevrouw" if self.female else "de heer") if lang == "nl" else ("Ms" if self.female else "Mr")
        return f"{t} {self.first[0]}. {self.last}"

    def dob_s(self, style=None):
        style = style or pick(["dmy-", "dmy-", "dmy.", "dmy/", "long"])
        d = self.dob
        if style == "dmy-":
            return d.strftime("%d-%m-%Y")
        if style == "dmy.":
            return d.strftime("%d.%m.%Y")
        if style == "dmy/":
            return d.strftime("%d/%m/%Y")
        months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
                  "oktober", "november", "december"]
        return f"{d.day} {months[d.month - 1]} {d.year}"

    def dob_en(self):
        months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                  "October", "November", "December"]
        return pick([f"{self.dob.day} {months[self.dob.month - 1]} {self.dob.year}", self.dob.isoformat(),
                     self.dob.strftime("%d/%m/%Y")])

    def addr(self):
        return f"{self.street}, {self.postcode} {self.town}"


def practice():
    return pick(PRACTICES)


def gp_sig(pr, lang="nl", who=None, role=None):
    who = who or pick(GP_NAMES)
    name, dom, street, pc, town, tel = pr
    if lang == "en":
        role = role or pick(["GP", "General practitioner", "practice nurse", "GP assistant"])
        return pick([
            f"\n\nKind regards,\n\n{who}\n{role}\n{name}\n{street}, {pc} {town}\nT {tel} | www.{dom}\n",
            f"\n\nBest,\n{who}\n--\n{name} | {tel}\n",
        ])
    role = role or pick(["huisarts", "Huisarts", "doktersassistente", "POH-S", "praktijkondersteuner GGZ"])
    return pick([
        f"\n\nMet vriendelijke groet,\n\n{who}\n{role}\n{name}\n{street}, {pc} {town}\nT {tel} | www.{dom}\n"
        f"Spoed: 112 | Avond/nacht/weekend: huisartsenpost 0900-{R.randint(1000000, 9999999)}\n\n"
        "Dit bericht is uitsluitend bestemd voor de geadresseerde. Heeft u dit bericht ten onrechte "
        "ontvangen, wilt u het dan verwijderen en de afzender informeren?\n",
        f"\n\nMvg,\n{who}\n{name}\n",
        f"\n\nGroet,\n{who} ({role})\n---\n{name} - {tel}\n",
        f"\n\nHartelijke groet,\n\n{who}\n{name}\n{street} | {pc} {town}\nTel. {tel} (ma-vr 8.00-17.00)\n",
    ])


def some_date(start=dt.date(2024, 9, 1), span=300):
    return start + dt.timedelta(days=R.randint(0, span))


def nl_date(d):
    days = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
    months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
              "oktober", "november", "december"]
    return f"{days[d.weekday()]} {d.day} {months[d.month - 1]} {d.year}"


def en_date(d):
    return d.strftime("%A %d %B %Y")


def typo(text, rate=0.04):
    """Introduce informal typos in alphabetic words (never in digits)."""
    out = []
    for w in text.split(" "):
        if len(w) > 4 and w.isalpha() and R.random() < rate:
            i = R.randint(1, len(w) - 2)
            op = R.randint(0, 2)
            if op == 0:
                w = w[:i] + w[i + 1] + w[i] + w[i + 2:]
            elif op == 1:
                w = w[:i] + w[i + 1:]
            else:
                w = w[:i] + w[i] + w[i:]
        out.append(w)
    return " ".join(out)


def quote(text, lang, who, when):
    head = (f"Op {nl_date(when)} om {R.randint(8, 17)}:{R.randint(10, 59)} schreef {who[0]} <{who[1]}>:"
            if lang == "nl" else f"On {en_date(when)}, {who[0]} <{who[1]}> wrote:")
    return "\n\n" + head + "\n" + "\n".join("> " + ln if ln else ">" for ln in text.strip("\n").split("\n")) + "\n"


def outlook_quote(text, lang, who, to, when, subject):
    if lang == "nl":
        h = (f"\n\n-----Oorspronkelijk bericht-----\nVan: {who[0]} <{who[1]}>\nVerzonden: {nl_date(when)} "
             f"{R.randint(8, 17)}:{R.randint(10, 59)}\nAan: {to[1]}\nOnderwerp: {subject}\n\n")
    else:
        h = (f"\n\n________________________________\nFrom: {who[0]} <{who[1]}>\nSent: {en_date(when)}\n"
             f"To: {to[1]}\nSubject: {subject}\n\n")
    return h + text


# ----------------------------------------------------------------------------------------------
# attachment builders (hand-made, deterministic)
# ----------------------------------------------------------------------------------------------
ZIP_DATE = (2025, 3, 14, 10, 30, 0)


def _zip(files):
    import zipfile
    import io
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files:
            zi = zipfile.ZipInfo(name, ZIP_DATE)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            z.writestr(zi, data)
    return buf.getvalue()


def xesc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def make_docx(paragraphs, title="Document"):
    """paragraphs: list of str or list-of-str (the latter = separate w:r runs)."""
    body = []
    for p in paragraphs:
        runs = p if isinstance(p, list) else [p]
        rx = "".join(f'<w:r><w:t xml:space="preserve">{xesc(r)}</w:t></w:r>' for r in runs)
        body.append(f"<w:p>{rx}</w:p>")
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           f'<w:body>{"".join(body)}<w:sectPr/></w:body></w:document>')
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
          'wordprocessingml.document.main+xml"/>'
          '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.'
          'core-properties+xml"/></Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'officeDocument" Target="word/document.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/'
            'core-properties" Target="docProps/core.xml"/></Relationships>')
    core = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>' + xesc(title) + '</dc:title>'
            '<dc:creator>HIS export</dc:creator></cp:coreProperties>')
    return _zip([("[Content_Types].xml", ct), ("_rels/.rels", rels), ("word/document.xml", doc),
                 ("docProps/core.xml", core)])


def _col(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def make_xlsx(rows, sheet="Blad1"):
    """rows: list of lists; str -> inline string, int/float -> number."""
    xr = []
    for ri, row in enumerate(rows, 1):
        cells = []
        for ci, v in enumerate(row):
            ref = f"{_col(ci)}{ri}"
            if isinstance(v, (int, float)):
                cells.append(f'<c r="{ref}"><v>{v}</v></c>')
            else:
                cells.append(f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{xesc(str(v))}</t></is></c>')
        xr.append(f'<row r="{ri}">{"".join(cells)}</row>')
    ws = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
          f'<sheetData>{"".join(xr)}</sheetData></worksheet>')
    wb = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
          'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
          f'<sheets><sheet name="{xesc(sheet)}" sheetId="1" r:id="rId1"/></sheets></workbook>')
    wbrels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
              '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
              'worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
          'spreadsheetml.sheet.main+xml"/>'
          '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
          'officedocument.spreadsheetml.worksheet+xml"/></Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'officeDocument" Target="xl/workbook.xml"/></Relationships>')
    return _zip([("[Content_Types].xml", ct), ("_rels/.rels", rels), ("xl/workbook.xml", wb),
                 ("xl/_rels/workbook.xml.rels", wbrels), ("xl/worksheets/sheet1.xml", ws)])


def _rc4(key, data):
    S = list(range(256))
    j = 0
    for i in range(256):
        j = (j + S[i] + key[i % len(key)]) % 256
        S[i], S[j] = S[j], S[i]
    i = j = 0
    out = bytearray()
    for b in data:
        i = (i + 1) % 256
        j = (j + S[i]) % 256
        S[i], S[j] = S[j], S[i]
        out.append(b ^ S[(S[i] + S[j]) % 256])
    return bytes(out)


PDF_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def _pdf_str(s):
    b = s.encode("cp1252", "replace")
    out = []
    for c in b:
        if c in (0x28, 0x29, 0x5C):
            out.append("\\" + chr(c))
        elif c < 32 or c > 126:
            out.append("\\%03o" % c)
        else:
            out.append(chr(c))
    return "(" + "".join(out) + ")"


_HELV = {" ": 278, ":": 278, ".": 278, "B": 667, "S": 667, "N": 722, "D": 722, "O": 778, "I": 278, "-": 333}


def _hw(ch):
    """Helvetica advance width (1/1000 em); digits and most lowercase letters are 556."""
    return _HELV.get(ch, 556)


def make_pdf(pages, compress=True, password=None, split_reverse=None):
    """pages: list of list of lines (str). Text layer with Helvetica/WinAnsi.
    split_reverse: optional (page_idx, line_idx) -> draw that line in pieces, in reverse stream order."""
    objs = {}
    n_pages = len(pages)
    page_ids = [4 + 2 * i for i in range(n_pages)]
    objs[1] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objs[2] = ("<< /Type /Pages /Count %d /Kids [%s] >>" % (n_pages, " ".join(f"{p} 0 R" for p in page_ids))).encode()
    objs[3] = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    streams = {}
    for i, lines in enumerate(pages):
        pid = page_ids[i]
        cid = pid + 1
        ops = []
        y = 790
        for li, ln in enumerate(lines):
            size = 13 if li == 0 else 10
            if split_reverse and split_reverse == (i, li) and len(ln) > 6:
                # draw pieces right-to-left in stream order, positioned absolutely (approx width 5.6pt/char)
                cut = [0, len(ln) // 3, 2 * len(ln) // 3, len(ln)]
                pieces = [(ln[cut[k]:cut[k + 1]], 50 + sum(_hw(ch) for ch in ln[:cut[k]]) * size / 1000.0)
                          for k in range(3)]
                for txt, x in reversed(pieces):
                    ops.append(f"BT /F1 {size} Tf {x:.1f} {y} Td {_pdf_str(txt)} Tj ET")
            else:
                ops.append(f"BT /F1 {size} Tf 50 {y} Td {_pdf_str(ln)} Tj ET")
            y -= 18 if li == 0 else 14
            if y < 60:
                break
        data = "\n".join(ops).encode("latin-1")
        streams[cid] = data
        objs[pid] = (f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
                     f"/Contents {cid} 0 R >>").encode()
    fid = hashlib.md5(repr(pages).encode()).digest()
    enc_id = None
    key = None
    if password:
        P = -44
        upw = (password.encode() + PDF_PAD)[:32]
        opw = (("owner-" + password).encode() + PDF_PAD)[:32]
        okey = hashlib.md5(opw).digest()[:5]
        O = _rc4(okey, upw)
        key = hashlib.md5(upw + O + struct.pack("<i", P) + fid).digest()[:5]
        U = _rc4(key, PDF_PAD)
        enc_id = max(list(objs) + list(streams)) + 1
        objs[enc_id] = f"<< /Filter /Standard /V 1 /R 2 /O <{O.hex()}> /U <{U.hex()}> /P {P} >>".encode()
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for num in sorted(list(objs) + list(streams)):
        offsets[num] = len(out)
        if num in streams:
            data = streams[num]
            filt = ""
            if compress:
                data = zlib.compress(data, 9)
                filt = " /Filter /FlateDecode"
            if key:
                okey2 = hashlib.md5(key + struct.pack("<I", num)[:3] + b"\x00\x00").digest()[:10]
                data = _rc4(okey2, data)
            out += f"{num} 0 obj\n<< /Length {len(data)}{filt} >>\nstream\n".encode() + data + b"\nendstream\nendobj\n"
        else:
            out += f"{num} 0 obj\n".encode() + objs[num] + b"\nendobj\n"
    xref = len(out)
    maxn = max(offsets)
    out += f"xref\n0 {maxn + 1}\n0000000000 65535 f \n".encode()
    for n in range(1, maxn + 1):
        out += f"{offsets[n]:010d} 00000 n \n".encode()
    tr = f"trailer\n<< /Size {maxn + 1} /Root 1 0 R /ID [<{fid.hex()}> <{fid.hex()}>]"
    if enc_id:
        tr += f" /Encrypt {enc_id} 0 R"
    out += (tr + f" >>\nstartxref\n{xref}\n%%EOF\n").encode()
    return bytes(out)


_CRC = []
for _n in range(256):
    _c = _n
    for _k in range(8):
        _c = (_c >> 1) ^ 0xEDB88320 if _c & 1 else _c >> 1
    _CRC.append(_c)


def make_zipcrypto(files, password):
    """Traditional PKWARE (ZipCrypto) encrypted zip, deflated entries."""
    pw = password.encode()
    out = bytearray()
    central = bytearray()
    dosdate = ((ZIP_DATE[0] - 1980) << 9) | (ZIP_DATE[1] << 5) | ZIP_DATE[2]
    dostime = (ZIP_DATE[3] << 11) | (ZIP_DATE[4] << 5) | (ZIP_DATE[5] // 2)
    for name, data in files:
        if isinstance(data, str):
            data = data.encode("utf-8")
        crc = zlib.crc32(data) & 0xFFFFFFFF
        co = zlib.compressobj(9, zlib.DEFLATED, -15)
        comp = co.compress(data) + co.flush()
        k = [0x12345678, 0x23456789, 0x34567890]

        def upd(c):
            k[0] = _CRC[(k[0] ^ c) & 0xFF] ^ (k[0] >> 8)
            k[1] = ((k[1] + (k[0] & 0xFF)) * 134775813 + 1) & 0xFFFFFFFF
            k[2] = _CRC[(k[2] ^ (k[1] >> 24)) & 0xFF] ^ (k[2] >> 8)

        def db():
            t = (k[2] | 2) & 0xFFFF
            return ((t * (t ^ 1)) >> 8) & 0xFF

        for c in pw:
            upd(c)
        hdr = bytes(R.randint(0, 255) for _ in range(11)) + bytes([crc >> 24])
        enc = bytearray()
        for c in hdr + comp:
            e = c ^ db()
            upd(c)
            enc.append(e)
        fn = name.encode()
        off = len(out)
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 1, 8, dostime, dosdate, crc, len(enc), len(data),
                           len(fn), 0) + fn + enc
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 1, 8, dostime, dosdate, crc, len(enc),
                               len(data), len(fn), 0, 0, 0, 0, 0o644 << 16, off) + fn
    cd_off = len(out)
    out += central
    out += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(files), len(files), len(central), cd_off, 0)
    return bytes(out)


def make_ics(summary, start, location, desc, uid):
    s = start.strftime("%Y%m%dT%H%M%S")
    e = (start + dt.timedelta(minutes=20)).strftime("%Y%m%dT%H%M%S")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Praktijk//Agenda//NL", "METHOD:REQUEST", "BEGIN:VEVENT",
             f"UID:{uid}", "DTSTAMP:20250101T090000Z", f"DTSTART;TZID=Europe/Amsterdam:{s}",
             f"DTEND;TZID=Europe/Amsterdam:{e}", f"SUMMARY:{summary}", f"LOCATION:{location}",
             "DESCRIPTION:" + desc.replace("\n", "\\n").replace(",", "\\,"), "END:VEVENT", "END:VCALENDAR"]
    return "\r\n".join(lines) + "\r\n"


def make_vcard(first, last, org, tel, email, adr=None, title=None, bday=None, note=None):
    v = ["BEGIN:VCARD", "VERSION:3.0", f"N:{last};{first};;;", f"FN:{first} {last}"]
    if org:
        v.append(f"ORG:{org}")
    if title:
        v.append(f"TITLE:{title}")
    v.append(f"TEL;TYPE=WORK,VOICE:{tel}")
    v.append(f"EMAIL;TYPE=INTERNET:{email}")
    if adr:
        v.append(f"ADR;TYPE=HOME:;;{adr[0]};{adr[2]};;{adr[1]};Nederland")
    if bday:
        v.append(f"BDAY:{bday}")
    if note:
        v.append(f"NOTE:{note}")
    v.append("END:VCARD")
    return "\r\n".join(v) + "\r\n"


# ----------------------------------------------------------------------------------------------
# MIME assembly (by hand, to control transfer encodings and charsets)
# ----------------------------------------------------------------------------------------------
_bcount = [0]


def boundary():
    _bcount[0] += 1
    return "----=_Part_%d_%08x" % (_bcount[0], R.getrandbits(32))


def clean_charset(text, cs):
    if cs == "utf-8":
        return text
    rep = {"€": "EUR", "–": "-", "—": "-", "‘": "'", "’": "'", "“": '"', "”": '"', "…": "...", "ı": "i",
           "ş": "s", "Ş": "S", "µ": "u", "•": "-", "→": "->", "ł": "l", "≥": ">=", "≤": "<="}
    if cs == "windows-1252":
        rep = {k: v for k, v in rep.items() if k in ("ı", "ş", "Ş", "ł", "→", "≥", "≤")}
    for k, v in rep.items():
        text = text.replace(k, v)
    return text.encode(cs, "replace").decode(cs)


def text_part(text, subtype="plain", charset="utf-8", cte="qp", extra_headers=(), qp_break_in=None):
    text = clean_charset(text, charset)
    raw = text.encode(charset)
    if cte == "7bit" and any(b > 127 for b in raw):
        cte = "qp"
    if cte == "qp":
        enc = quopri.encodestring(raw).decode("ascii")
        if qp_break_in and qp_break_in in enc:
            i = enc.index(qp_break_in) + len(qp_break_in) // 2
            enc = enc[:i] + "=\n" + enc[i:]
        body = enc
        cte_name = "quoted-printable"
    elif cte == "b64":
        body = base64.encodebytes(raw).decode("ascii")
        cte_name = "base64"
    else:
        body = raw.decode("latin-1")  # byte-transparent; the whole message is encoded latin-1 at the end
        cte_name = "8bit" if cte == "8bit" else "7bit"
    h = [f'Content-Type: text/{subtype}; charset="{charset}"', f"Content-Transfer-Encoding: {cte_name}"]
    h += list(extra_headers)
    return ("\n".join(h) + "\n\n" + body.rstrip("\n") + "\n", charset)


def bin_part(data, ctype, filename, cte="b64", inline=False):
    fn_header = filename
    try:
        filename.encode("ascii")
        disp = f'{"inline" if inline else "attachment"}; filename="{filename}"'
        ct = f'{ctype}; name="{filename}"'
    except UnicodeEncodeError:
        from urllib.parse import quote as uq
        disp = f"attachment; filename*=utf-8''{uq(filename)}"
        ct = f"{ctype}; name=\"{Header(filename, 'utf-8').encode()}\""
    if isinstance(data, str):
        data = data.encode("utf-8")
    if cte == "qp":
        body = quopri.encodestring(data).decode("ascii")
        cten = "quoted-printable"
    else:
        body = base64.encodebytes(data).decode("ascii")
        cten = "base64"
    del fn_header
    return f"Content-Type: {ct}\nContent-Transfer-Encoding: {cten}\nContent-Disposition: {disp}\n\n{body}"


def rfc822_part(msg_text, filename=None):
    disp = f'\nContent-Disposition: attachment; filename="{filename}"' if filename else "\nContent-Disposition: inline"
    return f"Content-Type: message/rfc822{disp}\n\n{msg_text}"


def multipart(subtype, parts, preamble=None):
    b = boundary()
    out = f'Content-Type: multipart/{subtype}; boundary="{b}"\n\n'
    if preamble:
        out += preamble + "\n"
    for p in parts:
        out += f"--{b}\n{p.rstrip(chr(10))}\n"
    out += f"--{b}--\n"
    return out


def addr_hdr(name, addr):
    if not name:
        return addr
    try:
        name.encode("ascii")
        if any(c in name for c in ',.;:()"@'):
            return f'"{name}" <{addr}>'
        return f"{name} <{addr}>"
    except UnicodeEncodeError:
        return f"{Header(name, 'utf-8').encode()} <{addr}>"


def subj_hdr(s):
    try:
        s.encode("ascii")
        return s
    except UnicodeEncodeError:
        return Header(s, pick(["utf-8", "iso-8859-1"]) if all(ord(c) < 256 for c in s) else "utf-8").encode()


_mid = [0]


def headers(frm, to, subject, date, cc=None, reply_to=None, in_reply_to=None, extra=()):
    _mid[0] += 1
    dom = frm[1].split("@")[1]
    h = [f"From: {addr_hdr(*frm)}", "To: " + ", ".join(addr_hdr(*t) for t in to)]
    if cc:
        h.append("Cc: " + ", ".join(addr_hdr(*c) for c in cc))
    h.append(f"Subject: {subj_hdr(subject)}")
    h.append(f"Date: {format_datetime(date)}")
    h.append(f"Message-ID: <{R.getrandbits(48):012x}.{_mid[0]}@{dom}>")
    if in_reply_to:
        h.append(f"In-Reply-To: <{in_reply_to}>")
        h.append(f"References: <{in_reply_to}>")
    if reply_to:
        h.append(f"Reply-To: {reply_to}")
    h += list(extra)
    h.append("MIME-Version: 1.0")
    return "\n".join(h) + "\n"


def msg_datetime():
    d = some_date()
    return dt.datetime(d.year, d.month, d.day, R.randint(7, 21), R.randint(0, 59), R.randint(0, 59),
                       tzinfo=dt.timezone(dt.timedelta(hours=1 if d.month in (11, 12, 1, 2, 3) else 2)))


# ----------------------------------------------------------------------------------------------
# message model
# ----------------------------------------------------------------------------------------------
class M:
    def __init__(self, kind, lang):
        self.kind, self.lang = kind, lang
        self.lab = {"bsn": 0, "health": 0, "personal": 0, "unscannable": 0}
        self.tags = []
        self.frm = None
        self.to = []
        self.cc = None
        self.subject = ""
        self.date = msg_datetime()
        self.text = None
        self.html = None
        self.atts = []          # pre-rendered MIME parts
        self.in_reply_to = None
        self.extra = []
        self.force_cte = None
        self.force_cs = None
        self.qp_break = None
        self.related = False

    def set(self, **kw):
        for k, v in kw.items():
            if v:
                self.lab[k] = 1

    def tag(self, *t):
        for x in t:
            if x not in self.tags:
                self.tags.append(x)

    def pblock(self, p, fields, style=None):
        """Patient identification block; sets labels by what is shown."""
        nl = self.lang == "nl"
        out = []
        for f in fields:
            if f == "name":
                out.append((("Patiënt" if nl else "Patient"), p.full if R.random() < 0.6 else p.initials_name(self.lang)))
            elif f == "dob":
                out.append((("Geboortedatum" if nl else "Date of birth"), p.dob_s() if nl else p.dob_en()))
            elif f == "bsn":
                out.append((bsn_kw(self.lang).rstrip(":"), fmt_bsn(p.bsn)))
            elif f == "addr":
                out.append((("Adres" if nl else "Address"), p.addr()))
            elif f == "phone":
                out.append((("Telefoon" if nl else "Phone"), p.phone))
            elif f == "patno":
                out.append((("Patiëntnr." if nl else "Patient no."), p.patno))
        if "bsn" in fields:
            self.set(bsn=1)
        if "name" in fields and any(f in fields for f in ("dob", "bsn", "addr", "phone", "patno")):
            self.set(personal=1)
        w = max(len(k) for k, _ in out) + 1
        if style == "inline":
            return ", ".join(f"{k.lower()} {v}" if k != "Patiënt" and k != "Patient" else v for k, v in out)
        return "\n".join(f"{(k + ':').ljust(w + 1)}{v}" for k, v in out)


def render(m):
    nl = m.lang == "nl"
    if m.force_cs:
        cs = m.force_cs
    else:
        cs = R.choices(["utf-8", "iso-8859-1", "windows-1252"], [60, 20, 20] if nl else [80, 10, 10])[0]
    cte = m.force_cte or R.choices(["qp", "b64", "8bit", "7bit"], [40, 20, 32, 8])[0]
    parts = []
    if m.text is not None:
        tp, _ = text_part(m.text, "plain", cs, cte, qp_break_in=m.qp_break)
        parts.append(tp)
    if m.html is not None:
        hp, _ = text_part(m.html, "html", cs, cte if cte != "7bit" else "qp", qp_break_in=m.qp_break)
        parts.append(hp)
    if len(parts) == 2:
        body = multipart("alternative", parts)
        m.tag("alternative")
    elif m.html is not None:
        body = parts[0]
        m.tag("html-only")
    else:
        body = parts[0]
    if m.atts:
        body = multipart("mixed", [body] + m.atts)
        m.tag("mixed")
    real_cte = {"qp": "qp", "b64": "b64", "8bit": "8bit", "7bit": "7bit"}[cte]
    m.tag(real_cte, cs)
    hdr = headers(m.frm, m.to, m.subject, m.date, cc=m.cc, in_reply_to=m.in_reply_to, extra=m.extra)
    msg = hdr + body
    lf = R.random() < 0.13
    if lf:
        m.tag("lf")
    else:
        msg = msg.replace("\r\n", "\n").replace("\n", "\r\n")
    m.tag(m.lang)
    return msg.encode("latin-1")


def inner_message(frm, to, subject, text, date=None, cs="utf-8", cte="qp", atts=()):
    date = date or msg_datetime()
    tp, _ = text_part(text, "plain", cs, cte)
    body = multipart("mixed", [tp] + list(atts)) if atts else tp
    return headers(frm, to, subject, date) + body


def pr_addr(pr, local=None):
    return (pr[0], f"{local or pick(['info', 'assistentie', 'receptie', 'huisarts', 'poh', 'praktijkmanager'])}@{pr[1]}")


def person_addr(p):
    return (p.full, p.email)


def org(domain_local, name):
    return (name, domain_local)


# ----------------------------------------------------------------------------------------------
# SENSITIVE kinds
# ----------------------------------------------------------------------------------------------
KINDS = {}


def kind(name):
    def deco(f):
        KINDS[name] = f
        return f
    return deco


@kind("referral")
def k_referral(m):
    pr = practice()
    p = Person(m.lang)
    hosp = pick(HOSPITALS)
    si = R.randrange(len(SPEC_NL))
    d = pick(DIAG)
    meds = R.sample(MEDS, R.randint(1, 3))
    m.frm = pr_addr(pr, "huisarts")
    m.to = [(f"Poli {SPEC_NL[si]} {hosp[0]}", f"poli.{ascii_slug(SPEC_NL[si].split()[0])}@{hosp[1]}")]
    fields = pick([["name", "dob", "bsn"], ["name", "dob"], ["name", "dob", "addr", "bsn"], ["name", "bsn"],
                   ["name", "dob", "patno"]])
    m.tag("referral")
    m.set(health=1)
    if m.lang == "nl":
        m.subject = pick([f"Verwijzing {SPEC_NL[si]} - {p.initials_name()}", "Verwijsbrief", f"verwijzing {p.last}",
                          f"Verwijzing {SPEC_NL[si]}"])
        reason = pick([f"Graag uw beoordeling en behandeling i.v.m. {d[1].lower()} die onvoldoende reageert op "
                       "de ingestelde therapie.",
                       f"Patiënt heeft sinds {R.randint(2, 10)} weken toenemende klachten. Verdenking {d[1].lower()}. "
                       "Graag analyse.",
                       f"Graag second opinion. Bekend met {d[0]} {d[1]}. Recent lab: "
                       f"{pick(LABS)[0]} afwijkend, zie bijlage in Zorgdomein."])
        m.text = (f"Geachte collega,\n\nHierbij verwijs ik naar u:\n\n{m.pblock(p, fields)}\n\n"
                  f"Reden van verwijzing:\n{reason}\n\nVoorgeschiedenis:\n- {pick(DIAG)[1]} ({2025 - R.randint(1, 20)})\n"
                  f"- {pick(['appendectomie', 'sectio caesarea', 'TIA', 'fractuur pols rechts', 'geen bijzonderheden'])}\n\n"
                  "Medicatie:\n" + "\n".join(f"- {x}" for x in meds) +
                  f"\n\nAllergieën: {pick(['geen bekend', 'penicilline', 'pleister', 'NSAIDs (astma)'])}\n"
                  "Bij vragen kunt u mij bellen via de terugbellijn." + gp_sig(pr))
    else:
        m.subject = pick([f"Referral {SPEC_EN[si]} - {p.full}", "Referral letter", f"Re: referral {p.last}"])
        m.text = (f"Dear colleague,\n\nI would be grateful if you could see\n\n{m.pblock(p, fields)}\n\n"
                  f"who has had {pick(['worsening', 'persistent', 'new onset'])} symptoms consistent with "
                  f"{d[2]} over the past {R.randint(2, 12)} weeks. Current medication: {', '.join(R.sample(MEDS_EN, 2))}.\n"
                  f"Past history: {pick(DIAG)[2]}. No known allergies.\n\nMany thanks," + gp_sig(pr, "en"))


@kind("lab")
def k_lab(m):
    pr = practice()
    p = Person(m.lang)
    labs = R.sample(LABS, R.randint(2, 5))
    rows = []
    for nm, unit, lo, hi in labs:
        v = round(R.uniform(lo, hi), 1) if isinstance(lo, float) or hi < 20 else R.randint(int(lo), int(hi))
        rows.append((nm, str(v).replace(".", ",") if m.lang == "nl" else str(v), unit))
    m.tag("lab")
    m.set(health=1)
    style = R.randint(0, 2)
    if style == 0:  # lab -> practice
        m.frm = ("Klinisch Chemisch Lab Noord", "uitslagen@labnoord.example")
        m.to = [pr_addr(pr, "assistentie")]
        fields = pick([["name", "dob", "bsn"], ["name", "dob"], ["name", "bsn", "patno"]])
        hdr = m.pblock(p, fields)
        if m.lang == "nl":
            m.subject = pick(["Uitslag laboratoriumonderzoek", f"Labuitslag {p.last}", "Uitslagen aanvraag " + str(R.randint(100000, 999999))])
            m.text = (f"Uitslag aanvraag {R.randint(1000000, 9999999)}\nAanvrager: {pick(GP_NAMES)}\n\n{hdr}\n"
                      f"Afname: {some_date().strftime('%d-%m-%Y')}\n\n" +
                      "\n".join(f"{a:<18} {b:>8} {c}" for a, b, c in rows) +
                      f"\n\n{pick(['* afwijkende waarde', 'Materiaal: veneus bloed', 'Eindrapport'])}\n\nLab Noord - niet beantwoorden")
        else:
            m.subject = "Laboratory results"
            m.text = (f"Results for order {R.randint(1000000, 9999999)}\n\n{hdr}\n\n" +
                      "\n".join(f"{a}: {b} {c}" for a, b, c in rows) + "\n\nFinal report. Do not reply.")
    elif style == 1:  # practice -> patient
        m.frm = pr_addr(pr, pick(["assistentie", "poh"]))
        m.to = [person_addr(p)]
        if m.lang == "nl":
            m.subject = pick(["Uw uitslag", "uitslag bloedonderzoek", "Re: uitslagen?"])
            m.text = (f"Beste {p.initials_name()},\n\nDe huisarts heeft uw bloeduitslagen bekeken. "
                      + "; ".join(f"{a} {b} {c}".strip() for a, b, c in rows) +
                      f". {pick(['Dit is iets verhoogd, de dokter wil u graag over 3 maanden opnieuw prikken.', 'Dit is goed, er hoeft niets te veranderen.', 'Wilt u een afspraak maken om de medicatie te bespreken?'])}"
                      + gp_sig(pr, role="doktersassistente"))
        else:
            m.subject = "Your blood test results"
            m.text = (f"Dear {p.first},\n\nThe GP has reviewed your results: " + ", ".join(f"{a} {b} {c}".strip() for a, b, c in rows)
                      + ". " + pick(["Nothing to worry about.", "Please book a follow-up appointment.",
                                     "Your iron is low; we will send a prescription to your pharmacy."]) + gp_sig(pr, "en"))
    else:  # POH -> internist, short
        m.frm = pr_addr(pr, "poh")
        hosp = pick(HOSPITALS)
        m.to = [("Interne geneeskunde", f"interne@{hosp[1]}")]
        if m.lang == "nl":
            m.subject = f"nierfunctie {p.last}"
            m.text = (f"Hoi,\n\nVraagje over {p.full} ({p.dob_s('dmy-')}). eGFR gedaald naar "
                      f"{R.randint(25, 44)}, kalium {R.choice(['5,4', '5,7', '5,1'])}. Gebruikt {pick(MEDS)}. Stoppen?\n\nGroet, {pick(STAFF)}")
        else:
            m.subject = f"renal function {p.last}"
            m.text = (f"Hi,\n\nQuick question on {p.full} (DOB {p.dob_en()}): eGFR down to {R.randint(25, 44)}, "
                      f"on {pick(MEDS_EN)}. Should we stop?\n\nThanks")
        m.set(personal=1)


@kind("pharmacy")
def k_pharmacy(m):
    pr = practice()
    p = Person(m.lang)
    med = pick(MEDS)
    m.frm = (f"Apotheek {pick(['Centrum', 'De Gaper', 'Zuid', 'Het Hert'])}", f"recepten@apotheek-{pick(['centrum', 'degaper', 'zuid'])}.example")
    m.to = [pr_addr(pr, "receptenlijn")]
    m.tag("pharmacy")
    m.set(health=1)
    dobtxt = p.dob_s("dmy-")
    with_dob = R.random() < 0.75
    if with_dob:
        m.set(personal=1)
    who = f"{p.full}{' (' + dobtxt + ')' if with_dob else ''}"
    if m.lang == "nl":
        m.subject = pick([f"Vraag over recept {p.last}", "medicatiebewaking - interactie", "Recept onduidelijk",
                          f"{p.initials_name()} {dobtxt if with_dob else ''}".strip()])
        m.text = pick([
            f"Goedemiddag,\n\nVoor {who} ontvingen wij een recept voor {med}. Patiënt gebruikt ook "
            f"{pick(MEDS)}. Er is een interactiesignaal. Wilt u bevestigen dat dit zo mag worden afgeleverd?\n\n"
            "Met vriendelijke groet,\nApothekersassistente\n",
            f"Hallo,\n\nHet recept van {who} voor {med.split()[0]} is verlopen. Mag de apotheek herhalen? "
            "Graag nieuw recept via het LSP/Zorgmail.\n\nGroet,\nApotheek\n",
            f"Beste collega,\n\n{who} meldt bijwerkingen (duizeligheid) sinds de start van {med}. "
            f"Eventueel overstappen op {pick(MEDS).split()[0]}? Graag uw advies.\n\nMvg\n",
        ])
    else:
        m.subject = pick([f"Prescription query {p.last}", "Medication review"])
        m.text = (f"Hello,\n\nRegarding {who}: we received a prescription for {pick(MEDS_EN)}. The patient also takes "
                  f"{pick(MEDS_EN)}, which triggers an interaction warning. Could you confirm?\n\nKind regards,\nPharmacy team\n")


@kind("repeat_rx")
def k_repeat(m):
    pr = practice()
    p = Person(m.lang)
    m.frm = person_addr(p)
    m.to = [pr_addr(pr, pick(["receptenlijn", "herhaalrecepten", "info"]))]
    m.tag("repeat-prescription")
    m.set(health=1)
    with_dob = R.random() < 0.5
    if with_dob:
        m.set(personal=1)
    if m.lang == "nl":
        meds = pick([
            f"{pick(MEDS)}\n{pick(MEDS)}",
            pick(["mijn bloeddrukpillen", "de puffers (de blauwe en de oranje)", "de slaaptabletjes",
                  "de pillen voor mijn schildklier", "de ADHD medicatie van mijn zoon", "mijn insuline naalden",
                  "de maagbeschermer"]),
        ])
        extra = f"\nGeboortedatum: {p.dob_s()}" if with_dob else ""
        m.subject = pick(["herhaalrecept", "Herhaalrecept aanvragen", "recept", "Medicijnen bijna op!!", "herhaal medicatie"])
        m.text = typo(pick([
            f"Goedemorgen,\n\nGraag wil ik een herhaalrecept aanvragen voor:\n{meds}\n\nGraag naar apotheek "
            f"{pick(['Centrum', 'Zuid', 'de Gaper'])} sturen.\n\nMet vriendelijke groet,\n{p.full}{extra}\n",
            f"hoi, kunnen jullie {meds} weer doorsturen naar de apotheek? ben bijna door mn voorraad heen. "
            f"alvast bedankt!! groetjes {p.first}{extra}\n\nVerzonden vanaf mijn iPhone\n",
            f"Geachte assistente,\n\nMijn medicijnen zijn bijna op. Het gaat om {meds}. "
            f"Ik gebruik dit al jaren voor mijn {pick(DIAG)[1].lower()}.\n\nHoogachtend,\n{p.initials_name()}{extra}\n",
        ]), 0.05)
    else:
        extra = f"\nDOB: {p.dob_en()}" if with_dob else ""
        m.subject = pick(["Repeat prescription", "repeat meds please", "Prescription renewal"])
        m.text = typo(f"Hi,\n\nCould I please get a repeat prescription for {pick(MEDS_EN)}"
                      f"{pick(['', ' and ' + pick(MEDS_EN)])}? Please send it to the pharmacy as usual.\n\n"
                      f"Thanks,\n{p.full}{extra}\n", 0.04)


@kind("patient_self")
def k_patient_self(m):
    pr = practice()
    p = Person(m.lang)
    m.frm = person_addr(p)
    m.to = [pr_addr(pr, pick(["info", "assistentie", "econsult"]))]
    m.tag("patient-first-person")
    m.set(health=1)
    if m.lang == "nl":
        topic = R.randint(0, 6)
        m.subject = pick(["vraag", "Vraag voor de dokter", "E-consult", "bijwerkingen?", "klachten", "Hulp nodig", "(geen onderwerp)"])
        body = [
            f"Sinds ik de {pick(MEDS).split()[0]} gebruik heb ik veel last van hoofdpijn en misselijkheid. "
            "Is dat normaal? Moet ik stoppen of even doorzetten??",
            f"Ik ben {R.randint(6, 11)} weken zwanger (test was positief) en ik gebruik nog {pick(MEDS).split()[0]}. "
            "Mag dat gewoon? En moet ik zelf een verloskundige bellen?",
            "Het gaat eigenlijk al een tijdje niet goed met me. Ik slaap slecht, huil veel en heb nergens meer zin in. "
            "Mijn vriendin zei dat ik jullie moest mailen. Kan ik bij de POH GGZ terecht?",
            f"Ik heb al {R.randint(3, 14)} dagen koorts rond de 39 en een droge hoest. Paracetamol helpt niet echt. "
            "Moet ik langskomen?",
            "Na de val van vorige week is mijn knie nog steeds dik en ik kan er niet op staan. Kan er een foto gemaakt worden?",
            f"Mijn suikers zijn de laatste week steeds boven de {R.randint(12, 19)}. Ik spuit gewoon mijn insuline. Wat moet ik doen?",
            "Ik heb een bult in mijn borst gevoeld, links. Ik ben er erg ongerust over. Kan ik deze week nog terecht?",
        ][topic]
        sig = pick([f"\n\nGroetjes {p.first}", f"\n\nMet vriendelijke groet,\n{p.full}",
                    f"\n\n{p.full}\ngeb. {p.dob_s()}\n{p.phone}"])
        if "geb." in sig:
            m.set(personal=1)
        m.text = typo(pick(["Hallo,\n\n", "Beste dokter,\n\n", "Goedemiddag,\n\n", ""]) + body + sig + "\n", 0.06)
    else:
        m.subject = pick(["Question for the GP", "side effects", "Feeling unwell", "pregnancy question"])
        body = pick([
            f"Since starting {pick(MEDS_EN)} I've had terrible stomach cramps and dizziness. Should I stop taking it?",
            "I found out I'm pregnant (about 8 weeks) and I'm still on sertraline. Is that safe? I'm a bit panicky.",
            "I've been having panic attacks almost daily since I moved here. I can't sleep and I've stopped going to work. "
            "Could I get a referral to a psychologist?",
            "My asthma has been much worse since the weather changed, I'm using my inhaler 6-7 times a day.",
        ])
        sig = pick([f"\n\nThanks,\n{p.first}", f"\n\nBest,\n{p.full}\nDOB {p.dob_en()}"])
        if "DOB" in sig:
            m.set(personal=1)
        m.text = typo("Hi,\n\n" + body + sig + "\n", 0.03)


@kind("youthcare")
def k_youthcare(m):
    pr = practice()
    c = Person("nl", minor=True)
    m.frm = (f"{pick(NL_FIRST_F)} {pick(NL_LAST)} | Jeugdteam {pick(['Oost', 'Noord', 'Centrum'])}",
             f"{pick(['j.', 'm.', 's.'])}{ascii_slug(pick(NL_LAST))}@jeugdteam-{pick(['oost', 'noord', 'centrum'])}.example")
    m.to = [pr_addr(pr, pick(["huisarts", "poh"]))]
    m.tag("youth-care")
    m.set(health=1)
    det = pick([f"{c.first} {c.last} (geb. {c.dob_s()})", f"{c.full}, {c.dob_s('dmy-')}, {c.addr()}",
                f"{c.first} ({c.age if hasattr(c, 'age') else 9} jr) {c.last}, BSN {fmt_bsn(c.bsn)}"])
    if "geb." in det or "BSN" in det or "," in det:
        m.set(personal=1)
    if "BSN" in det:
        m.set(bsn=1)
    if m.lang == "nl":
        m.subject = pick([f"Overleg over {c.first}", "Verwijzing jeugdhulp", f"Aanmelding {c.last}", "terugkoppeling gesprek school"])
        m.text = (f"Beste huisarts,\n\nIk ben sinds kort betrokken bij {det}. "
                  + pick([f"Moeder geeft aan dat {c.first} veel angstig is en niet meer naar school wil. Er is sprake van "
                          "een vermoeden van een angststoornis. Wij willen graag een verwijzing naar de specialistische GGZ (Accare/Karakter).",
                          f"{c.first} gebruikt methylfenidaat voor ADHD. Op school gaat het beter, maar thuis zijn er veel "
                          "conflicten. Gezinsbegeleiding is gestart.",
                          f"Er zijn zorgen over verwaarlozing; {c.first} heeft een forse achterstand in gewicht (P3). "
                          "Veilig Thuis is ingelicht. Kunt u de groeicurve van het consultatiebureau opvragen?",
                          f"Na de scheiding van de ouders heeft {c.first} last van buikpijn en nachtmerries. "
                          "Wij denken aan traumabehandeling (EMDR)."]) +
                  f"\n\nKunnen we binnenkort even bellen?\n\nHartelijke groet,\n{m.frm[0].split(' |')[0]}\n"
                  f"Jeugd- en gezinswerker\nJeugdteam\nT {mobile()} (di/wo/do)\n")
    else:
        m.subject = f"Regarding {c.first}"
        m.text = (f"Dear doctor,\n\nI am the youth care worker for {det}. {c.first} has been struggling with anxiety and "
                  "school refusal and the parents asked us to request a referral to child mental health services.\n\n"
                  "Kind regards,\nYouth & family team\n")


@kind("ggz")
def k_ggz(m):
    pr = practice()
    p = Person(m.lang)
    m.tag("ggz")
    m.set(health=1)
    ggz = pick(["ggz-horizon.example", "ggz-rivierduinen.test", "psypraktijk-kalm.example"])
    if R.random() < 0.5:
        m.frm = ("GGZ Horizon - secretariaat", f"secretariaat@{ggz}")
        m.to = [pr_addr(pr, "huisarts")]
        fields = pick([["name", "dob"], ["name", "dob", "bsn"], ["name", "addr"]])
        if m.lang == "nl":
            m.subject = pick(["Intakeverslag", "Behandelbericht", "Afsluitbrief behandeling"])
            m.text = (f"Geachte collega,\n\nBetreft:\n{m.pblock(p, fields)}\n\n"
                      + pick(["Bovengenoemde patiënt is op intake geweest. Conclusie: matige depressieve episode (DSM-5 296.22), "
                              "daarnaast problematisch alcoholgebruik. Advies: start sertraline 50 mg, CGT 12 sessies.",
                              "De behandeling is afgesloten. Patiënt is bekend met een PTSS; na 8 EMDR-sessies is er duidelijke "
                              "klachtreductie. Terugvalpreventieplan is besproken.",
                              "Patiënt is aangemeld voor de FACT-behandeling i.v.m. bipolaire stoornis. Lithiumspiegel graag "
                              "elke 3 maanden via de huisarts."]) +
                      "\n\nMet collegiale groet,\n\ndrs. " + pick(NL_LAST) + ", GZ-psycholoog\n")
        else:
            m.subject = "Treatment summary"
            m.text = (f"Dear colleague,\n\nRe:\n{m.pblock(p, fields)}\n\nThe patient completed 10 sessions of CBT for "
                      "generalised anxiety disorder. GAD-7 dropped from 17 to 6. No further treatment required.\n\n"
                      "Kind regards,\nMental health team\n")
    else:
        m.frm = pr_addr(pr, "poh-ggz")
        m.to = [("Aanmeldingen", f"aanmelding@{ggz}")]
        if m.lang == "nl":
            m.subject = f"Aanmelding {p.initials_name()}"
            m.text = (f"Hallo,\n\nIk meld {p.full} ({p.dob_s()}, tel {p.phone}) aan voor de basis-GGZ. "
                      f"PHQ-9 score {R.randint(15, 24)}, {pick(['suïcidale gedachten zonder plan', 'paniekaanvallen', 'burn-out klachten'])}. "
                      "Gesprekken bij mij (4x) onvoldoende effect.\n\nGroet," + gp_sig(pr, role="POH-GGZ"))
        else:
            m.subject = f"Referral {p.last}"
            m.text = (f"Hello,\n\nReferring {p.full} (DOB {p.dob_en()}) for basic mental health care; PHQ-9 "
                      f"{R.randint(15, 24)}, panic disorder.\n\nBest" + gp_sig(pr, "en"))
        m.set(personal=1)


@kind("discharge_fwd")
def k_discharge(m):
    pr = practice()
    p = Person(m.lang)
    hosp = pick(HOSPITALS)
    m.tag("discharge", "rfc822")
    m.set(health=1)
    fields = pick([["name", "dob", "bsn"], ["name", "dob"], ["name", "bsn", "addr"]])
    si = R.randrange(len(SPEC_NL))
    if m.lang == "nl":
        inner = (f"Ontslagbrief afdeling {SPEC_NL[si]}\n\n{m.pblock(p, fields)}\nOpname: {some_date().strftime('%d-%m-%Y')}\n\n"
                 f"Diagnose: {pick(['NSTEMI', 'pneumonie rechter onderkwab', 'heupfractuur links', 'exacerbatie COPD', 'diverticulitis'])}\n"
                 f"Beleid: {pick(MEDS)}, controle polikliniek over 6 weken. Graag INR via trombosedienst.\n\n"
                 f"Met vriendelijke groet,\narts-assistent {SPEC_NL[si]}\n")
        inner_subj = f"Ontslagbericht {p.last}"
        outer = pick([f"Zie onderstaande ontslagbrief, graag inplannen voor nacontrole bij de POH.\n\n{pick(STAFF)}",
                      "fyi, bericht van het ziekenhuis. Kun jij dit in het HIS zetten?",
                      "Doorgestuurd, is per ongeluk bij ons binnengekomen."])
        m.subject = "Fwd: " + inner_subj
    else:
        inner = (f"Discharge summary ({SPEC_EN[si]})\n\n{m.pblock(p, fields)}\n\nDiagnosis: community-acquired pneumonia. "
                 "Treated with amoxicillin/clavulanate IV then oral. Follow-up chest X-ray in 6 weeks.\n")
        inner_subj = f"Discharge {p.last}"
        outer = "Please see the forwarded discharge letter and book a follow-up."
        m.subject = "FW: " + inner_subj
    m.frm = pr_addr(pr)
    m.to = [pr_addr(pr, "poh")]
    m.text = outer + "\n"
    innermsg = inner_message((hosp[0], f"ontslag@{hosp[1]}"), [pr_addr(pr, "huisarts")], inner_subj, inner,
                             cte=pick(["qp", "b64", "8bit"]))
    if R.random() < 0.3:  # nested two deep
        innermsg = inner_message(pr_addr(pr, "huisarts"), [pr_addr(pr, "assistentie")], "Fwd: " + inner_subj,
                                 "Zie bijgevoegd." if m.lang == "nl" else "See attached.",
                                 atts=[rfc822_part(innermsg)])
        m.tag("nested")
    m.atts.append(rfc822_part(innermsg, "ontslagbrief.eml" if R.random() < 0.5 else None))


@kind("appointment")
def k_appointment(m):
    pr = practice()
    p = Person(m.lang)
    hosp = pick(HOSPITALS)
    si = R.randrange(len(SPEC_NL))
    when = some_date(dt.date(2025, 6, 1), 120)
    t = dt.datetime(when.year, when.month, when.day, R.randint(8, 16), pick([0, 15, 30, 45]))
    m.tag("appointment")
    m.set(health=1)
    m.frm = (f"{hosp[0]} - afsprakenbureau", f"noreply@{hosp[1]}")
    m.to = [person_addr(p)] if R.random() < 0.5 else [pr_addr(pr)]
    to_pat = m.to[0][1] == p.email
    fields = ["name", "dob"] if R.random() < 0.6 else ["name", "patno"]
    if m.lang == "nl":
        m.subject = pick([f"Afspraakbevestiging polikliniek {SPEC_NL[si]}", "Bevestiging van uw afspraak", f"Afspraak {p.last} {SPEC_NL[si]}"])
        m.text = (("Beste " + p.initials_name() + ",\n\n" if to_pat else "Geachte huisarts,\n\nVoor uw patiënt is een afspraak gemaakt.\n\n")
                  + m.pblock(p, fields) + f"\n\nAfspraak: {nl_date(when)} om {t:%H:%M} uur\nPolikliniek: {SPEC_NL[si]}, "
                  f"route {R.randint(1, 90)}\nBij: {pick(['dr.', 'drs.'])} {pick(NL_LAST)}\n\nNeem uw medicijnoverzicht en "
                  "identiteitsbewijs mee. Verhinderd? Meld dit 24 uur van tevoren.\n")
    else:
        m.subject = f"Appointment confirmation - {SPEC_EN[si]}"
        m.text = (f"Dear {p.full},\n\n" + m.pblock(p, fields) + f"\n\nYour appointment at the {SPEC_EN[si]} outpatient "
                  f"clinic: {en_date(when)} at {t:%H:%M}.\nPlease bring your ID and a list of your medication.\n")
    if R.random() < 0.5:
        ics = make_ics(f"Polikliniek {SPEC_NL[si]} - {p.full}", t, f"{hosp[0]} route {R.randint(1, 90)}",
                       f"Patient: {p.full}\nGeb: {p.dob_s('dmy-')}", f"{R.getrandbits(40):x}@{hosp[1]}")
        m.atts.append(bin_part(ics, "text/calendar; method=REQUEST", "afspraak.ics", cte=pick(["b64", "qp"])))
        m.tag("ics")
        m.set(personal=1)


@kind("sicknote")
def k_sicknote(m):
    p = Person(m.lang)
    emp = pick([("Bouwbedrijf Kramer", "bouwbedrijf-kramer.example"), ("Transport Dijkstra BV", "dijkstra-transport.example"),
                ("Zorgbureau Thuis+", "thuisplus.example")])
    m.tag("sick-note", "hr")
    m.set(health=1)
    if R.random() < 0.5:
        m.frm = (f"{pick(NL_FIRST_F)} (HR)", f"hr@{emp[1]}")
        m.to = [("Arbodienst", f"verzuim@arbo-{pick(['nu', 'plus'])}.example")]
        if m.lang == "nl":
            m.subject = f"Ziekmelding {p.full}"
            m.text = (f"Hallo,\n\nBij deze de ziekmelding van onze medewerker {p.full}, personeelsnr {R.randint(1000, 9999)}, "
                      f"geboren {p.dob_s()}.\nEerste ziektedag: {some_date().strftime('%d-%m-%Y')}\n"
                      f"Reden (volgens medewerker): {pick(['hernia, wacht op MRI', 'burn-out', 'gebroken enkel', 'operatie aan de knie', 'zwangerschapsgerelateerde klachten'])}\n"
                      f"Verwachte duur: {R.randint(2, 12)} weken.\n\nMvg,\nHR {emp[0]}\n")
        else:
            m.subject = f"Sick leave notification {p.full}"
            m.text = (f"Hello,\n\nOur employee {p.full} (employee no. {R.randint(1000, 9999)}, DOB {p.dob_en()}) reported sick on "
                      f"{some_date().isoformat()} with {pick(['a herniated disc', 'burnout', 'a broken wrist'])}.\n\nRegards,\nHR\n")
        m.set(personal=1)
    else:
        pr = practice()
        m.frm = pr_addr(pr, "praktijkmanager")
        m.to = [("Salarisadministratie", f"salaris@{pr[1]}")]
        if m.lang == "nl":
            m.subject = "ziekmelding collega"
            m.text = (f"Hoi,\n\n{p.first} {p.last} (assistente) is vanaf vandaag ziek, {pick(['griep met hoge koorts', 'migraine-aanval', 'rugklachten, fysio gestart'])}. "
                      "Graag verwerken. Rooster is aangepast.\n\nRob\n")
        else:
            m.subject = "colleague off sick"
            m.text = f"Hi,\n\n{p.full} is off sick from today with a chest infection, probably a week.\n\nRob\n"


@kind("insurer")
def k_insurer(m):
    pr = practice()
    p = Person(m.lang)
    m.tag("insurer")
    m.set(health=1)
    fields = pick([["name", "dob", "bsn"], ["name", "bsn"], ["name", "dob"]])
    relnr = str(R.randint(10000000, 99999999))
    m.frm = ("ZekerZorg Verzekeringen - Machtigingen", "machtigingen@zekerzorg.example")
    m.to = [pr_addr(pr, "huisarts")]
    if m.lang == "nl":
        m.subject = pick([f"Machtigingsaanvraag relatienummer {relnr}", "Verzoek om medische informatie", "Aanvullende gegevens nodig"])
        m.text = (f"Geachte heer/mevrouw,\n\nWij ontvingen een aanvraag voor {pick(['een therapeutisch elastische kous', 'bariatrische chirurgie', 'ooglidcorrectie', 'een CPAP-apparaat'])} voor:\n\n"
                  f"{m.pblock(p, fields)}\nRelatienummer: {relnr}\n\nOm de aanvraag te beoordelen ontvangen wij graag een "
                  f"medische onderbouwing (diagnose {pick(DIAG)[1].lower()}, BMI, eerdere behandelingen). Reageren kan via het "
                  "VECOZO-portaal.\n\nMet vriendelijke groet,\n\nafdeling Medisch Advies\nZekerZorg\n")
    else:
        m.subject = "Request for medical information"
        m.text = (f"Dear doctor,\n\nWe have received a claim for physiotherapy for:\n\n{m.pblock(p, fields)}\n\nPlease confirm "
                  f"the diagnosis ({pick(DIAG)[2]}) and the referral date.\n\nKind regards,\nClaims department\n")


@kind("wmo")
def k_wmo(m):
    pr = practice()
    p = Person("nl", age=R.randint(68, 94))
    m.lang = "nl"
    gm = pick(["Nieuwkerk", "Oosterwolde", "Heerde"])
    m.frm = (f"Wmo-loket gemeente {gm}", f"wmo@gemeente-{gm.lower()}.example")
    m.to = [pr_addr(pr, "huisarts")]
    m.tag("wmo", "municipality")
    m.set(health=1)
    fields = pick([["name", "dob", "bsn", "addr"], ["name", "bsn"], ["name", "dob", "addr"]])
    m.subject = pick(["Verzoek medische informatie Wmo-aanvraag", f"Wmo melding {p.last}", "Keukentafelgesprek - medisch advies"])
    m.text = (f"Geachte dokter,\n\nNaar aanleiding van een melding in het kader van de Wmo 2015 voor\n\n{m.pblock(p, fields)}\n\n"
              f"vragen wij uw medische informatie. Cliënt geeft aan door {pick(['COPD GOLD III', 'de ziekte van Parkinson', 'beginnende dementie', 'een CVA in 2023', 'ernstige artrose van beide heupen'])} "
              f"niet meer zelfstandig {pick(['te kunnen douchen', 'boodschappen te doen', 'de trap op te komen'])}. "
              f"Aangevraagd: {pick(['huishoudelijke hulp', 'traplift', 'scootmobiel', 'dagbesteding'])}.\n\nCliënt heeft schriftelijk "
              "toestemming gegeven (bijgevoegd in het dossier).\n\nMet vriendelijke groet,\n\nconsulent Wmo\n"
              f"Gemeente {gm}\nPostbus {R.randint(10, 999)}\nT 14 0{R.randint(300, 599)}\n")


@kind("bsn_only")
def k_bsn_only(m):
    """BSN in many forms; mostly without name (bsn only) and some with a name (then personal too)."""
    pr = practice()
    p = Person(m.lang)
    style = R.randint(0, 7)
    m.tag("bsn-form")
    m.set(bsn=1)
    m.frm = pr_addr(pr, pick(["assistentie", "administratie", "info"]))
    m.to = [pick([("Declaraties", "declaraties@zekerzorg.example"), ("Zorgkantoor", "info@zorgkantoor-midden.example"),
                  pr_addr(pr, "praktijkmanager"), ("Gemeente", "burgerzaken@gemeente-heerde.example")])]
    nl = m.lang == "nl"
    b = p.bsn
    if style == 0:  # in subject
        m.subject = (pick(["BSN ", "controle ", "vraag over ", ""]) if nl else pick(["BSN ", "check "])) + fmt_bsn(b)
        m.text = ("Kun je dit nummer even nakijken in Vecozo? Declaratie werd afgewezen, COV-check gaf een fout.\n\nDank!"
                  if nl else "Could you check this number in Vecozo? The claim was rejected.\n\nThanks") + "\n"
        m.tag("subject")
    elif style == 1:  # own line, no keyword
        m.subject = "nummer" if nl else "number you asked for"
        m.text = ("Hoi,\n\nHier is het nummer waar je om vroeg:\n\n" if nl else "Hi,\n\nHere is the number:\n\n") + \
            fmt_bsn(b) + "\n\n" + ("Groetjes" if nl else "Cheers") + "\n"
        m.tag("own-line", "no-keyword")
    elif style == 2:  # display name
        m.frm = (f"{p.full} {fmt_bsn(b, 'plain')}", p.email)
        m.subject = "inschrijving" if nl else "registration"
        m.text = ("Hallo, ik wil me graag inschrijven bij jullie praktijk. Wat moet ik nog opsturen?\n" if nl else
                  "Hello, I would like to register with your practice. What do you need from me?\n")
        m.tag("display-name")
        m.set(personal=1)
    elif style == 3:  # in attachment file name only
        fn = pick([f"BSN_{b}.pdf", f"{b}_verwijzing.pdf", f"scan_{fmt_bsn(b, 'dot333')}.txt"])
        m.subject = "bijlage" if nl else "attachment"
        m.text = ("Zie bijlage." if nl else "See attachment.") + "\n"
        data = make_pdf([["Scan", "Pagina 1 van 1"]]) if fn.endswith(".pdf") else "Document gescand.\n"
        m.atts.append(bin_part(data, "application/pdf" if fn.endswith(".pdf") else "text/plain", fn))
        m.tag("filename")
    elif style == 4:  # table (text)
        m.subject = "correctie declaraties" if nl else "claim corrections"
        rows = [(fmt_bsn(elf_number(), pick(["plain", "dot333"])), f"{R.randint(10, 99)},{R.randint(10, 99)}",
                 pick(["13001", "13003", "12000", "13011"])) for _ in range(R.randint(3, 6))]
        m.text = (("Onderstaande prestaties graag opnieuw indienen:\n\n" + "BSN        | bedrag | prestatiecode\n")
                  if nl else "Please resubmit:\n\nBSN        | amount | code\n") + \
            "\n".join(f"{a:<11}| {x:>6} | {c}" for a, x, c in rows) + "\n\n" + ("Groet, administratie" if nl else "Regards") + "\n"
        m.tag("table")
    elif style == 5:  # keyword variants with name + dob
        m.subject = "gegevens nieuwe patiënt" if nl else "new patient details"
        m.text = (("Gegevens voor inschrijving:\n" if nl else "Registration details:\n") +
                  m.pblock(p, ["name", "dob", "bsn"]) + "\n")
    elif style == 6:  # BSN split across a hard line break
        f = fmt_bsn(b, "space333")
        m.subject = "Re: cliëntnummer" if nl else "Re: client number"
        m.text = (("Het burgerservicenummer van de cliënt is " + f[:7] + "\n" + f[8:] + " (zoals gevraagd).\n")
                  if nl else ("The citizen service number is " + f[:7] + "\n" + f[8:] + " as requested.\n"))
        m.tag("line-break")
    else:  # QP soft break inside the BSN
        m.force_cte = "qp"
        pad = "x" * 0
        m.subject = "BSN" if nl else "BSN"
        m.text = (("Graag de volgende verzekeringscheck uitvoeren voor het burgerservicenummer " if nl else
                   "Please run the insurance check for citizen service number ") + b + ". " + pad +
                  ("Bedankt!" if nl else "Thanks!") + "\n")
        m.qp_break = b
        m.tag("qp-softbreak")


@kind("export_csv")
def k_export_csv(m):
    pr = practice()
    nl = m.lang == "nl"
    pts = [Person(m.lang) for _ in range(R.randint(4, 12))]
    m.tag("export")
    m.set(health=1, personal=1)
    sep = pick([";", ",", "\t"])
    with_bsn = R.random() < 0.7
    head = (["patnr", "naam", "geboortedatum"] + (["bsn"] if with_bsn else []) + ["icpc", "omschrijving", "laatste_hba1c"]) \
        if nl else (["id", "name", "dob"] + (["bsn"] if with_bsn else []) + ["code", "condition", "last_value"])
    lines = [sep.join(head)]
    for p in pts:
        d = pick(DIAG)
        row = [p.patno, p.full, p.dob.isoformat() if R.random() < 0.5 else p.dob_s("dmy-")] + \
              ([fmt_bsn(p.bsn, pick(["plain", "plain", "dot333"]))] if with_bsn else []) + \
              [d[0], d[1] if nl else d[2], str(R.randint(40, 80))]
        lines.append(sep.join(f'"{x}"' if sep == "," and "," in x else x for x in row))
    if with_bsn:
        m.set(bsn=1)
    data = "\r\n".join(lines) + "\r\n"
    ext = "tsv" if sep == "\t" else "csv"
    fname = pick(["export_dm_populatie", "ketenzorg_lijst", "kwaliteitsrapportage_q3", "patients_export"]) + "." + ext
    m.frm = pr_addr(pr, "poh")
    m.to = [("Zorggroep Ketenzorg", "datamanagement@zorggroep-vallei.example")]
    m.subject = "export ketenzorg" if nl else "data export"
    m.text = ("Hierbij de export uit het HIS zoals besproken. Let op: nog niet gepseudonimiseerd!\n" if nl else
              "Attached is the export from the practice system.\n") + gp_sig(pr, m.lang, role="POH")
    enc = pick(["utf-8", "windows-1252"])
    m.atts.append(bin_part(clean_charset(data, enc).encode(enc), f"text/{'tab-separated-values' if ext == 'tsv' else 'csv'}; charset={enc}", fname,
                           cte=pick(["b64", "qp"])))
    m.tag(ext)


@kind("hl7")
def k_hl7(m):
    pr = practice()
    p = Person(m.lang)
    m.tag("hl7v2")
    m.set(health=1, personal=1, bsn=1)
    ts = m.date.strftime("%Y%m%d%H%M")
    labs = R.sample(LABS, 3)
    segs = [f"MSH|^~\\&|LABNOORD|LAB|HIS|{pr[0][:10].upper().replace(' ', '')}|{ts}||ORU^R01|{R.randint(100000, 999999)}|P|2.5",
            f"PID|1||{p.bsn}^^^NLMINBIZA^NNNLD~{p.patno}^^^HIS^PI||{p.last}^{p.first}||{p.dob:%Y%m%d}|{'F' if p.female else 'M'}|||"
            f"{p.street}^^{p.town}^^{p.postcode.replace(' ', '')}^NL||{p.phone}",
            f"OBR|1|{R.randint(100000, 999999)}||BLOED^Bloedonderzoek|||{ts}"]
    for i, (nm, unit, lo, hi) in enumerate(labs, 1):
        v = round(R.uniform(lo, hi), 1)
        segs.append(f"OBX|{i}|NM|{nm.upper().replace(' ', '_')}^{nm}||{v}|{unit}|||||F")
    msg = "\r".join(segs) + "\r"
    m.frm = ("Lab Noord interface", "hl7@labnoord.example")
    m.to = [pr_addr(pr, "edifact")]
    m.subject = pick(["ORU^R01", "HL7 resultaatbericht", "Lab results HL7"])
    if R.random() < 0.5:
        m.text = ("Automatisch bericht, zie bijlage.\n" if m.lang == "nl" else "Automated message, see attachment.\n")
        m.atts.append(bin_part(msg, "application/hl7-v2", f"oru_{R.randint(1000, 9999)}.hl7"))
    else:
        m.text = msg.replace("\r", "\n")
        m.tag("inline")


@kind("fhir")
def k_fhir(m):
    pr = practice()
    p = Person(m.lang)
    m.tag("fhir-json")
    m.set(health=1, personal=1, bsn=1)
    d = pick(DIAG)
    bundle = {"resourceType": "Bundle", "type": "collection", "entry": [
        {"resource": {"resourceType": "Patient", "id": "pat-" + p.patno,
                      "identifier": [{"system": "http://fhir.nl/fhir/NamingSystem/bsn", "value": p.bsn}],
                      "name": [{"family": p.last, "given": [p.first]}], "birthDate": p.dob.isoformat(),
                      "gender": "female" if p.female else "male",
                      "address": [{"line": [p.street], "city": p.town, "postalCode": p.postcode}]}},
        {"resource": {"resourceType": "Condition", "subject": {"reference": "Patient/pat-" + p.patno},
                      "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icpc-1-nl", "code": d[0], "display": d[1]}]}}},
        {"resource": {"resourceType": "MedicationStatement", "subject": {"reference": "Patient/pat-" + p.patno},
                      "medicationCodeableConcept": {"text": pick(MEDS)}}}]}
    js = json.dumps(bundle, ensure_ascii=R.random() < 0.5, indent=pick([None, 2]))
    m.frm = pr_addr(pr, "ict")
    m.to = [("Koppeling support", "support@his-koppeling.example")]
    m.subject = "Testbericht MedMij koppeling mislukt" if m.lang == "nl" else "FHIR bundle failing validation"
    m.text = ("Dit bericht geeft een 422 terug bij het versturen. Echte patiënt, sorry, geen testdata bij de hand.\n"
              if m.lang == "nl" else "This bundle returns 422 on upload. It's a real patient record, sorry.\n")
    m.atts.append(bin_part(js, "application/fhir+json", "bundle.json", cte=pick(["b64", "qp"])))


def html_bsn(b, mode):
    if mode == "nbsp":
        return f"{b[:3]}&nbsp;{b[3:6]}&nbsp;{b[6:]}"
    if mode == "entity":
        return "".join(f"&#{ord(c)};" if i < 2 else c for i, c in enumerate(b))
    if mode == "span":
        return f'<span>{b[:4]}</span><span style="color:#000">{b[4:7]}</span><span>{b[7:]}</span>'
    return fmt_bsn(b)


@kind("html_table")
def k_html_table(m):
    pr = practice()
    nl = m.lang == "nl"
    pts = [Person(m.lang) for _ in range(R.randint(2, 6))]
    mode = pick(["nbsp", "entity", "span", "plain", "plain"])
    with_bsn = R.random() < 0.7
    with_health = R.random() < 0.8
    m.set(personal=1)
    if with_bsn:
        m.set(bsn=1)
        m.tag("html-bsn-" + mode)
    if with_health:
        m.set(health=1)
    hdr = ["Naam", "Geb.datum"] + (["BSN"] if with_bsn else []) + (["Reden"] if with_health else ["Telefoon"])
    if not nl:
        hdr = ["Name", "DOB"] + (["BSN"] if with_bsn else []) + (["Reason"] if with_health else ["Phone"])
    rows = []
    for p in pts:
        r = [xesc(p.full), p.dob_s("dmy-")] + ([html_bsn(p.bsn, mode)] if with_bsn else [])
        r += [xesc(pick(["controle DM", "uitstrijkje", "wondcontrole", "INR-meting", "spirometrie", "hechtingen verwijderen"])
                   if nl else pick(["diabetes check", "smear test", "wound check", "spirometry"]))] if with_health else [p.phone]
        rows.append(r)
    table = ("<table border=\"1\" cellpadding=\"4\" style=\"border-collapse:collapse\"><tr>" +
             "".join(f"<th>{h}</th>" for h in hdr) + "</tr>" +
             "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows) + "</table>")
    m.frm = pr_addr(pr, "assistentie")
    m.to = [pr_addr(pr, pick(["poh", "huisarts", "praktijkmanager"]))]
    m.subject = pick(["Spreekuur morgen", "Lijst terugbellen", "planning POH"]) if nl else "Tomorrow's clinic list"
    intro = "Hoi, hieronder de lijst voor morgen:" if nl else "Hi, here is the list for tomorrow:"
    m.html = (f"<html><head><meta charset=\"utf-8\"><style>td{{font-family:Calibri}}</style></head><body><p>{intro}</p>{table}"
              f"<p>Groet,<br>{xesc(pick(STAFF))}</p><p style=\"font-size:8pt;color:#888\">{xesc(pr[0])} &middot; {pr[5]}</p></body></html>")
    m.tag("html")
    if R.random() < 0.3:
        m.text = intro + "\n(zie HTML-versie)\n" if nl else intro + "\n(see HTML version)\n"


@kind("docx")
def k_docx(m):
    pr = practice()
    p = Person(m.lang)
    nl = m.lang == "nl"
    split = R.random() < 0.5
    b = fmt_bsn(p.bsn, pick(["plain", "dot423", "space333"]))
    bsn_par = ([bsn_kw(m.lang) + " ", b[:3], b[3:5], b[5:]] if split else f"{bsn_kw(m.lang)} {b}")
    with_bsn = R.random() < 0.7
    d = pick(DIAG)
    paras = [pick(["Verwijsbrief", "Medische informatie", "Overdracht"]) if nl else "Medical summary",
             f"{'Naam' if nl else 'Name'}: {p.full}", f"{'Geboortedatum' if nl else 'Date of birth'}: {p.dob_s('dmy-')}"]
    if with_bsn:
        paras.append(bsn_par)
        m.set(bsn=1)
    paras += [f"{'Probleemlijst' if nl else 'Problem list'}: {d[0]} {d[1] if nl else d[2]}",
              f"{'Medicatie' if nl else 'Medication'}: {pick(MEDS)}",
              pick(["Graag beoordeling.", "Beleid: controle over 3 maanden.", "Please assess."])]
    m.set(health=1, personal=1)
    m.tag("docx")
    if split and with_bsn:
        m.tag("docx-split-runs")
    m.frm = pr_addr(pr, "huisarts")
    m.to = [pick([("Fysiotherapie BeweegWijs", "info@fysio-beweegwijs.example"), ("Secretariaat", f"secretariaat@{pick(HOSPITALS)[1]}")])]
    m.subject = pick(["brief", "Verwijzing (bijlage)", "Overdracht patiënt"]) if nl else "Letter attached"
    m.text = ("Zie bijgevoegde brief." if nl else "Please find the letter attached.") + gp_sig(pr, m.lang)
    fname = pick(["verwijsbrief.docx", f"brief_{ascii_slug(p.last)}.docx", "overdracht.docx"])
    m.atts.append(bin_part(make_docx(paras), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", fname))


@kind("xlsx")
def k_xlsx(m):
    pr = practice()
    nl = m.lang == "nl"
    pts = [Person(m.lang) for _ in range(R.randint(3, 9))]
    numeric = R.random() < 0.6
    rows = [["Naam", "Geboortedatum", "BSN", "Indicatie", "Vaccin"] if nl else ["Name", "DOB", "BSN", "Indication", "Vaccine"]]
    for p in pts:
        rows.append([p.full, p.dob.isoformat(), int(p.bsn) if numeric else p.bsn,
                     pick(["COPD", "DM2", "hartfalen", "60+", "astma"]), pick(["griep", "pneumokokken", "COVID"])])
    m.set(health=1, personal=1, bsn=1)
    m.tag("xlsx")
    if numeric:
        m.tag("xlsx-numeric")
    m.frm = pr_addr(pr, "poh")
    m.to = [pr_addr(pr, "assistentie")]
    m.subject = "lijst vaccinaties" if nl else "vaccination list"
    m.text = ("Hierbij de lijst van wie nog gebeld moet worden voor de prik.\n" if nl else "List of patients still to call.\n")
    m.atts.append(bin_part(make_xlsx(rows), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "lijst.xlsx"))


@kind("pdf_letter")
def k_pdf(m):
    pr = practice()
    p = Person(m.lang)
    nl = m.lang == "nl"
    hosp = pick(HOSPITALS)
    b = fmt_bsn(p.bsn)
    with_bsn = R.random() < 0.7
    lines = [f"{hosp[0]} - {pick(SPEC_NL) if nl else pick(SPEC_EN)}", "",
             f"{'Betreft' if nl else 'Re'}: {p.full}", f"{'Geboortedatum' if nl else 'DOB'}: {p.dob_s('dmy-')}"]
    if with_bsn:
        lines.append(f"BSN: {b}")
        m.set(bsn=1)
    lines += ["", (f"Conclusie: {pick(DIAG)[1]}. Gestart met {pick(MEDS)}." if nl else f"Conclusion: {pick(DIAG)[2]}."),
              (f"Laboratorium: {pick(LABS)[0]} verhoogd." if nl else "Labs: see attached."),
              "", "Met collegiale groet," if nl else "Kind regards,", pick(["dr. ", "drs. "]) + pick(NL_LAST)]
    pages = [lines]
    rev = None
    if R.random() < 0.3:
        pages = [["Pagina 1", "Algemene informatie over de polikliniek."], ["Pagina 2", "Routebeschrijving."], lines]
        m.tag("pdf-page3")
    elif with_bsn and R.random() < 0.5:
        rev = (0, 4)
        m.tag("pdf-split-reverse")
    m.set(health=1, personal=1)
    m.tag("pdf")
    m.frm = (f"Secretariaat {hosp[0]}", f"secretariaat@{hosp[1]}")
    m.to = [pr_addr(pr, "huisarts")]
    m.subject = pick(["Poliklinische brief", "Brief specialist", "correspondentie"]) if nl else "Clinic letter"
    m.text = ("Geachte collega, bijgaand de brief. Met vriendelijke groet, secretariaat\n" if nl else
              "Dear colleague, please find the clinic letter attached.\n")
    m.atts.append(bin_part(make_pdf(pages, compress=R.random() < 0.6, split_reverse=rev), "application/pdf",
                           pick(["brief.pdf", "polibrief.pdf", f"{ascii_slug(p.last)}.pdf"])))


@kind("reply_chain")
def k_reply_chain(m):
    pr = practice()
    p = Person(m.lang)
    nl = m.lang == "nl"
    m.tag("reply-chain", "quoted-history")
    m.set(health=1)
    orig_from = person_addr(p)
    if nl:
        orig = (f"Beste dokter,\n\nIk heb nog steeds last van mijn {pick(['maag', 'rug', 'knie', 'hoofdpijn'])}. "
                f"De {pick(MEDS).split()[0]} helpt niet. Mijn geboortedatum is {p.dob_s()} voor het opzoeken.\n\n{p.full}")
        m.set(personal=1)
        reply = pick(["Dank voor uw bericht. U kunt morgen om 10:20 bij de huisarts terecht.",
                      "Bedankt, de huisarts belt u vanmiddag terug.",
                      "Uw bericht is doorgezet naar de huisarts."])
        m.subject = "RE: " + pick(["vraag", "klachten", "Medicatie"])
    else:
        orig = f"Dear doctor,\n\nThe {pick(MEDS_EN).split()[0]} is not helping with my back pain at all. Can we try something else?\n\n{p.full}"
        reply = "Thank you, the GP will call you back this afternoon."
        m.subject = "Re: back pain"
    m.frm = pr_addr(pr, "assistentie")
    m.to = [orig_from]
    if R.random() < 0.5:
        m.text = reply + gp_sig(pr, m.lang, role=None) + quote(orig, m.lang, orig_from, m.date.date() - dt.timedelta(days=1))
    else:
        m.text = reply + gp_sig(pr, m.lang) + outlook_quote(orig, m.lang, orig_from, m.frm, m.date.date(), m.subject[4:])
    m.in_reply_to = f"{R.getrandbits(40):x}@{p.email.split('@')[1]}"


@kind("inline_fwd")
def k_inline_fwd(m):
    pr = practice()
    p = Person(m.lang)
    nl = m.lang == "nl"
    m.tag("inline-forward")
    m.set(health=1)
    fields = pick([["name", "dob"], ["name", "bsn"], ["name", "phone"]])
    blk = m.pblock(p, fields)
    if nl:
        fw = (f"-------- Doorgestuurd bericht --------\nOnderwerp: Terugbelverzoek\nDatum: {nl_date(m.date.date())}\n"
              f"Van: Huisartsenpost <hap@huisartsenpost-vallei.example>\n\nWaarneembericht HAP\n{blk}\n"
              f"Contact: {pick(['telefonisch', 'consult op de post', 'visite'])}\nS: {pick(['pijn op de borst sinds 2 uur', 'hoge koorts kind 3 jr', 'val van trap, pols pijnlijk'])}\n"
              f"P: {pick(['ECG zonder afwijkingen, naar huis', 'paracetamol, terug bij verergering', 'verwezen naar SEH'])}\n")
        m.subject = "Fwd: Terugbelverzoek"
        m.text = pick(["Ter info, graag morgen even nabellen.", "Kan iemand dit oppakken?", "fyi"]) + "\n\n" + fw
    else:
        fw = (f"---------- Forwarded message ---------\nFrom: Out-of-hours service <ooh@huisartsenpost-vallei.example>\n"
              f"Subject: Out-of-hours contact\n\n{blk}\nComplaint: chest pain, ECG normal, sent home.\n")
        m.subject = "Fwd: Out-of-hours contact"
        m.text = "FYI, please call the patient tomorrow.\n\n" + fw
    m.frm = pr_addr(pr, "huisarts")
    m.to = [pr_addr(pr, "assistentie")]
    if "phone" in fields or "dob" in fields or "bsn" in fields:
        m.set(personal=1)


@kind("physio")
def k_physio(m):
    pr = practice()
    p = Person(m.lang)
    nl = m.lang == "nl"
    m.tag("physio")
    m.set(health=1)
    m.frm = (f"{pick(NL_FIRST_M + NL_FIRST_F)} | Fysiotherapie BeweegWijs", "behandelaar@fysio-beweegwijs.example")
    m.to = [pr_addr(pr, "huisarts")]
    wd = R.random() < 0.5
    if wd:
        m.set(personal=1)
    who = f"{p.full}" + (f", geb. {p.dob_s('dmy-')}" if wd else "")
    if nl:
        m.subject = pick(["Eindverslag fysiotherapie", "Tussenrapportage", f"verslag {p.last}"])
        m.text = (f"Beste collega,\n\nHierbij het {pick(['eindverslag', 'tussenverslag'])} van {who}.\n\n"
                  f"Hulpvraag: {pick(['pijnvrij kunnen fietsen', 'weer kunnen werken', 'traplopen zonder pijn'])}\n"
                  f"Diagnose: {pick(['subacromiaal pijnsyndroom rechts', 'aspecifieke lage rugpijn', 'status na VKB-reconstructie', 'hielspoor'])}\n"
                  f"Behandeling: {R.randint(6, 18)} sessies, oefentherapie en dry needling.\nResultaat: NPRS van {R.randint(6, 9)} naar {R.randint(1, 4)}.\n\n"
                  "Met vriendelijke groet,\nFysiotherapeut\nBIG 19" + "".join(str(R.randint(0, 9)) for _ in range(9)) + "\n")
        m.tag("big-number")
    else:
        m.subject = "Physiotherapy discharge report"
        m.text = (f"Dear GP,\n\nFinal report for {who}: 12 sessions for rotator cuff tendinopathy; pain score improved from 8 to 2.\n\n"
                  "Kind regards,\nPhysiotherapist\n")


@kind("school")
def k_school(m):
    pr = practice()
    c = Person("nl", minor=True)
    nl = m.lang == "nl"
    m.tag("school")
    m.set(health=1)
    m.frm = (f"{pick(NL_FIRST_F)} {pick(NL_LAST)} (IB'er)", f"ib@obs-{pick(['dekrekel', 'hetanker', 'dewegwijzer'])}.example")
    m.to = [pr_addr(pr, pick(["huisarts", "info"]))]
    wd = R.random() < 0.5
    if wd:
        m.set(personal=1)
    who = f"{c.full} uit groep {R.randint(3, 8)}" + (f" (geboren {c.dob_s()})" if wd else "")
    if nl:
        m.subject = pick([f"Leerling {c.first}", "Vraag over medicatie onder schooltijd", "zorgen om leerling"])
        m.text = (f"Geachte huisarts,\n\nMet toestemming van de ouders neem ik contact op over {who}. "
                  + pick([f"{c.first} heeft epilepsie en moeder vraagt of wij buccaal midazolam mogen toedienen bij een aanval.",
                          f"{c.first} krijgt sinds kort methylfenidaat; wij merken dat hij 's middags erg moe is.",
                          f"{c.first} heeft een ernstige pinda-allergie; wij willen graag een EpiPen-instructie."]) +
                  "\n\nMet vriendelijke groet,\nIntern begeleider\n")
    else:
        m.subject = f"Pupil {c.first} - medication at school"
        m.text = (f"Dear doctor,\n\nWith the parents' consent I am writing about {who}. {c.first} has type 1 diabetes and "
                  "we would like advice on insulin during school hours.\n\nKind regards,\nSchool coordinator\n")


@kind("registration")
def k_registration(m):
    pr = practice()
    p = Person(m.lang)
    nl = m.lang == "nl"
    m.tag("registration", "dossier-transfer")
    m.set(personal=1, bsn=1)
    with_health = R.random() < 0.6
    if with_health:
        m.set(health=1)
    old = pick(PRACTICES)
    m.frm = pr_addr(pr, "inschrijving")
    m.to = [pr_addr(old, "assistentie")]
    if nl:
        m.subject = pick(["Verzoek dossieroverdracht", "Inschrijving nieuwe patiënt - dossier opvragen", "overdracht medisch dossier"])
        m.text = (f"Beste collega's,\n\nOnderstaande patiënt heeft zich bij ons ingeschreven. Wilt u het dossier via "
                  f"Zorgmail/EDIFACT overdragen?\n\n{m.pblock(p, ['name', 'dob', 'bsn', 'addr'])}\n"
                  f"Vorig adres: {pick(STREETS)} {R.randint(1, 99)}, {pick(TOWNS)}\n"
                  + (f"Bijzonderheden: {pick(DIAG)[1]}, gebruikt {pick(MEDS)}.\n" if with_health else "") + gp_sig(pr))
    else:
        m.subject = "Request for record transfer"
        m.text = (f"Dear colleagues,\n\nThe patient below has registered with us. Please transfer the record.\n\n"
                  f"{m.pblock(p, ['name', 'dob', 'bsn', 'addr'])}\n" + (f"Known with {pick(DIAG)[2]}.\n" if with_health else "") + gp_sig(pr, "en"))


@kind("personal_only")
def k_personal_only(m):
    """Identifying data about a third person, no health, no BSN."""
    pr = practice()
    p = Person(m.lang)
    nl = m.lang == "nl"
    m.tag("personal-only")
    m.set(personal=1)
    s = R.randint(0, 3)
    if s == 0:
        m.frm = pr_addr(pr, "administratie")
        m.to = [("Verzekeraar - klantenservice", "klantenservice@zekerzorg.example")]
        m.subject = "adreswijziging patiënt" if nl else "change of address"
        m.text = ((f"Graag de adreswijziging verwerken van {p.full}, geboren {p.dob_s()}.\nNieuw adres: {p.addr()}\n")
                  if nl else f"Please update the address of {p.full}, born {p.dob_en()}: {p.addr()}\n") + gp_sig(pr, m.lang)
    elif s == 1:
        m.frm = pr_addr(pr, "receptie")
        m.to = [pr_addr(pr, "huisarts")]
        m.subject = "terugbelverzoek" if nl else "call back request"
        m.text = (f"Graag terugbellen: {p.full}, tel. {p.phone}, geb. {p.dob_s('dmy-')}. Wil iets overleggen over de rekening.\n"
                  if nl else f"Please call back {p.full} on {p.phone} (DOB {p.dob_en()}) about an invoice.\n")
    elif s == 2:
        m.frm = pr_addr(pr, "praktijkmanager")
        m.to = [("Incassobureau", "dossiers@incasso-snel.example")]
        m.subject = "openstaande factuur" if nl else "outstanding invoice"
        m.text = (f"Debiteur: {p.full}\nAdres: {p.addr()}\nGeboortedatum: {p.dob_s()}\nOpenstaand: EUR {R.randint(40, 300)},{R.randint(10, 99)}\n"
                  f"Factuurnummer: {R.randint(20240000, 20259999)}\n")
    else:
        m.frm = pr_addr(pr)
        m.to = [("Buurthuis", "info@buurthuis-delinde.example")]
        m.subject = "contactgegevens vrijwilliger" if nl else "volunteer contact"
        m.text = (f"Zoals gevraagd de gegevens van onze nieuwe vrijwilliger voor de wandelgroep:\n{p.full}\n{p.addr()}\n{p.phone}\n"
                  f"geboren {p.dob_s()}\n" if nl else f"Details of the volunteer:\n{p.full}\n{p.addr()}\n{p.phone}\n")


@kind("vcard_patient")
def k_vcard_patient(m):
    pr = practice()
    p = Person(m.lang)
    m.tag("vcard")
    m.set(personal=1)
    m.frm = pr_addr(pr, "receptie")
    m.to = [pr_addr(pr, "huisarts")]
    m.subject = "contact mantelzorger" if m.lang == "nl" else "carer contact"
    note = None
    if R.random() < 0.5:
        note = "Mantelzorger van moeder (dementie)" if m.lang == "nl" else "Carer of mother (dementia)"
        m.set(health=1)
    m.text = ("Contactkaart van de mantelzorger in de bijlage.\n" if m.lang == "nl" else "Carer's contact card attached.\n")
    v = make_vcard(p.first, p.last, None, p.phone, p.email, adr=(p.street, p.postcode, p.town), bday=p.dob.isoformat(), note=note)
    m.atts.append(bin_part(v, "text/vcard", f"{ascii_slug(p.first)}.vcf", cte=pick(["qp", "b64"])))


@kind("hospital_secretary")
def k_hosp_sec(m):
    pr = practice()
    p = Person(m.lang)
    hosp = pick(HOSPITALS)
    nl = m.lang == "nl"
    m.tag("hospital-secretary")
    m.set(health=1)
    m.frm = (f"{pick(NL_FIRST_F)} {pick(NL_LAST)} - secretariaat chirurgie", f"sec.chirurgie@{hosp[1]}")
    m.to = [pr_addr(pr, "huisarts")]
    wd = R.random() < 0.6
    if wd:
        m.set(personal=1)
    who = p.full + (f" ({p.dob_s('dmy-')})" if wd else "")
    if nl:
        m.subject = pick(["OK-planning", "Pre-operatieve screening", "vraag i.v.m. operatie"])
        m.text = (f"Goedemorgen,\n\n{who} staat gepland voor {pick(['een laparoscopische cholecystectomie', 'een totale knieprothese', 'een liesbreukcorrectie'])} "
                  f"op {nl_date(some_date(dt.date(2025, 6, 1), 90))}. Patiënt gebruikt {pick(['apixaban', 'acenocoumarol', 'clopidogrel'])}; "
                  "kunt u het stopschema met de trombosedienst afstemmen?\n\nMet vriendelijke groet,\nsecretariaat chirurgie\n")
    else:
        m.subject = "Surgery planning"
        m.text = (f"Good morning,\n\n{who} is scheduled for hip replacement surgery next month and is on apixaban. "
                  "Could you coordinate the bridging plan?\n\nKind regards,\nSurgery secretariat\n")


# ----------------------------------------------------------------------------------------------
# UNSCANNABLE kinds (content labels set honestly)
# ----------------------------------------------------------------------------------------------
@kind("enc_zip")
def k_enc_zip(m):
    pr = practice()
    nl = m.lang == "nl"
    m.tag("zip-encrypted", "zipcrypto")
    m.set(unscannable=1)
    content_sensitive = R.random() < 0.7
    if content_sensitive:
        pts = [Person(m.lang) for _ in range(3)]
        csv = "naam;geboortedatum;bsn;diagnose\n" + "\n".join(f"{p.full};{p.dob_s('dmy-')};{p.bsn};{pick(DIAG)[1]}" for p in pts) + "\n"
        m.set(bsn=1, health=1, personal=1)
        files = [("patienten.csv", csv)]
    else:
        files = [("notulen.txt", "Notulen praktijkoverleg. Punten: vakantierooster, nieuwe koffieautomaat.\n")]
    m.frm = pr_addr(pr, "praktijkmanager")
    m.to = [("Zorggroep", "secretariaat@zorggroep-vallei.example")]
    m.subject = "beveiligd bestand" if nl else "encrypted file"
    m.text = ("In de bijlage het versleutelde bestand. Het wachtwoord stuur ik via sms.\n" if nl
              else "Attached is the encrypted archive; the password follows by text message.\n") + gp_sig(pr, m.lang)
    m.atts.append(bin_part(make_zipcrypto(files, "Zomer2025!"), "application/zip", pick(["bestanden.zip", "export.zip", "data.zip"])))


@kind("enc_pdf")
def k_enc_pdf(m):
    pr = practice()
    p = Person(m.lang)
    nl = m.lang == "nl"
    m.tag("pdf-encrypted", "rc4")
    m.set(unscannable=1, health=1, personal=1, bsn=1)
    lines = ["Verwijsbrief" if nl else "Referral", f"Naam: {p.full}", f"Geboortedatum: {p.dob_s('dmy-')}",
             f"BSN: {fmt_bsn(p.bsn)}", f"Reden: {pick(DIAG)[1]}"]
    m.frm = pr_addr(pr, "huisarts")
    m.to = [("Poli", f"poli@{pick(HOSPITALS)[1]}")]
    m.subject = "brief (beveiligd)" if nl else "letter (password protected)"
    m.text = ("Het wachtwoord is uw bekende praktijkcode.\n" if nl else "The password is the usual practice code.\n")
    m.atts.append(bin_part(make_pdf([lines], password="pr" + str(R.randint(1000, 9999))), "application/pdf", "brief.pdf"))


@kind("truncated")
def k_truncated(m):
    pr = practice()
    p = Person(m.lang)
    nl = m.lang == "nl"
    m.set(unscannable=1)
    which = pick(["pdf", "docx"])
    if which == "pdf":
        full = make_pdf([[f"Naam: {p.full}", f"Geboortedatum: {p.dob_s('dmy-')}", f"Diagnose: {pick(DIAG)[1]}",
                          "x" * 60] * 3], compress=True)
        data = full[:len(full) // 3]
        m.tag("pdf-truncated")
        ct, fn = "application/pdf", "uitslag.pdf"
    else:
        full = make_docx([f"Naam: {p.full}", f"Geboortedatum: {p.dob_s('dmy-')}", f"Diagnose: {pick(DIAG)[1]}"] * 4)
        data = full[:len(full) // 2]
        m.tag("docx-truncated")
        ct, fn = "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "brief.docx"
    m.set(health=1, personal=1)
    m.frm = pr_addr(pr, "assistentie")
    m.to = [("Secretariaat", f"secretariaat@{pick(HOSPITALS)[1]}")]
    m.subject = "bijlage" if nl else "attachment"
    m.text = ("Zie bijlage.\n" if nl else "See attached.\n")
    m.atts.append(bin_part(data, ct, fn))


@kind("unknown_binary")
def k_unknown_bin(m):
    pr = practice()
    nl = m.lang == "nl"
    m.tag("unknown-binary")
    m.set(unscannable=1)
    data = bytes(R.randint(0, 255) for _ in range(R.randint(2000, 6000)))
    m.frm = pr_addr(pr, "ict")
    m.to = [("Support", "support@his-leverancier.example")]
    m.subject = "logbestand" if nl else "dump file"
    m.text = ("Hierbij de dump van het ECG-apparaat.\n" if nl else "Attached the device dump.\n")
    m.atts.append(bin_part(data, "application/octet-stream", pick(["ecg_dump.dat", "export.bin", "meting.xdf"])))


@kind("corrupt_b64")
def k_corrupt_b64(m):
    pr = practice()
    p = Person(m.lang)
    nl = m.lang == "nl"
    m.tag("corrupt-base64", "pdf")
    m.set(unscannable=1, health=1, personal=1)
    pdf = make_pdf([[f"Patient: {p.full}", f"Geb: {p.dob_s('dmy-')}", f"Uitslag: {pick(LABS)[0]} afwijkend"]])
    enc = base64.encodebytes(pdf).decode()
    enc = enc[:len(enc) // 2] + "!!@@##$$%%^^&&**\n" + "".join(chr(R.randint(33, 126)) for _ in range(200)) + "\n"
    m.frm = pr_addr(pr, "assistentie")
    m.to = [person_addr(p)]
    m.subject = "uw uitslag" if nl else "your result"
    m.text = ("Beste, in de bijlage uw uitslag.\n" if nl else "Please find your result attached.\n")
    m.atts.append('Content-Type: application/pdf; name="uitslag.pdf"\nContent-Transfer-Encoding: base64\n'
                  'Content-Disposition: attachment; filename="uitslag.pdf"\n\n' + enc)


# ----------------------------------------------------------------------------------------------
# CLEAN kinds (hard negatives)
# ----------------------------------------------------------------------------------------------
def clean(m, *tags):
    m.tag(*tags)


@kind("newsletter")
def c_newsletter(m):
    pr = practice()
    nl = m.lang == "nl"
    clean(m, "newsletter")
    m.frm = (pr[0] + " nieuwsbrief", f"nieuwsbrief@{pr[1]}")
    m.to = [("Ingeschrevenen", f"undisclosed-recipients@{pr[1]}")]
    if nl:
        topics = R.sample([
            ("Griepprik", "Bent u 60 jaar of ouder, of heeft u diabetes, COPD of een hartaandoening? Dan ontvangt u een uitnodiging "
                          "voor de griepprik. De prikmiddag is op zaterdag 18 oktober van 9.00 tot 13.00 uur."),
            ("Hooikoorts", "Last van niezen en jeukende ogen? Antihistaminica zoals cetirizine zijn zonder recept verkrijgbaar."),
            ("Nieuwe collega", "Per 1 november versterkt een nieuwe praktijkondersteuner GGZ ons team."),
            ("Bloeddruk meten", "In de wachtkamer staat een bloeddrukmeter. Een bovendruk boven de 140 is reden om een afspraak te maken."),
            ("Antibiotica", "Antibiotica helpen niet tegen virussen zoals verkoudheid of griep. Wees er zuinig op."),
            ("Thuisarts.nl", "Op Thuisarts.nl vindt u betrouwbare informatie over klachten en ziektes, van depressie tot enkelverstuiking."),
            ("Zomervakantie", "Tijdens de zomervakantie werken wij met een waarnemer. Herhaalrecepten graag 3 werkdagen vooraf aanvragen."),
        ], 3)
        m.subject = pick(["Nieuwsbrief " + pick(["voorjaar", "najaar", "zomer", "december"]) + " 2025", "Nieuws uit de praktijk"])
        intro = "Beste patiënt,\n\nIn deze nieuwsbrief:\n\n"
        foot = f"\n\nU ontvangt deze nieuwsbrief omdat u staat ingeschreven bij {pr[0]}. Afmelden? Klik hier.\n"
    else:
        topics = R.sample([
            ("Flu vaccination", "Patients aged 60 and over, or with diabetes, COPD or heart disease, will receive an invitation."),
            ("Mental health", "Feeling low or anxious? Our mental health nurse can help; ask the assistant for an appointment."),
            ("Holiday", "During the summer holiday a locum GP will run the practice."),
            ("Antibiotics", "Antibiotics do not work against colds or flu."),
        ], 2)
        m.subject = "Practice newsletter"
        intro = "Dear patient,\n\nIn this issue:\n\n"
        foot = "\n\nYou receive this newsletter because you are registered with our practice. Unsubscribe here.\n"
    body = "\n\n".join(f"{t.upper()}\n{x}" for t, x in topics)
    m.text = intro + body + foot
    if R.random() < 0.5:
        m.html = ("<html><body><h1>" + xesc(m.subject) + "</h1>" +
                  "".join(f"<h2>{xesc(t)}</h2><p>{xesc(x)}</p>" for t, x in topics) +
                  "<table><tr><td>Ma-vr</td><td>08:00-17:00</td></tr><tr><td>Spoed</td><td>112</td></tr>"
                  f"<tr><td>Huisartsenpost</td><td>0900-{R.randint(1000000, 9999999)}</td></tr></table>"
                  f"<p style='font-size:9px'>{xesc(foot)}</p></body></html>")
        if R.random() < 0.5:
            m.text = None
        m.tag("html")


@kind("patient_info")
def c_patient_info(m):
    pr = practice()
    nl = m.lang == "nl"
    clean(m, "generic-patient-info")
    m.frm = pr_addr(pr, "info")
    m.to = [pick([("Patiënten", f"bcc@{pr[1]}"), ("Patiëntenraad", "patientenraad@wijkcentrum.example")])]
    if nl:
        m.subject = pick(["Gewijzigde openingstijden", "Informatie over de coronaprik", "Hoe vraag ik een herhaalrecept aan?",
                          "Folder: wat te doen bij koorts bij kinderen"])
        m.text = pick([
            "Beste patiënt,\n\nVanaf 1 januari is de praktijk op vrijdagmiddag gesloten vanwege scholing. Voor spoed belt u 112, "
            "voor dringende zaken die niet kunnen wachten belt u de huisartsenpost.\n",
            "Kinderen met koorts: geef voldoende drinken, paracetamol mag bij pijn. Bel direct bij sufheid, vlekjes die niet "
            "wegdrukken of benauwdheid. Koorts bij een baby jonger dan 3 maanden: altijd bellen.\n",
            "Herhaalrecepten vraagt u aan via het patiëntenportaal of de receptenlijn (toets 2). Recepten die voor 10:00 uur zijn "
            "aangevraagd, liggen na 2 werkdagen bij uw apotheek. Het BSN hoeft u niet te vermelden.\n",
            "De COVID-19 najaarsprik is bedoeld voor 60-plussers en mensen met een medische indicatie. U krijgt hiervoor een "
            "uitnodiging van de GGD. De praktijk geeft deze prik niet zelf.\n",
        ]) + gp_sig(pr, role="praktijkmanager")
    else:
        m.subject = pick(["How to request a repeat prescription", "Opening hours over the holidays"])
        m.text = ("Dear patient,\n\nRepeat prescriptions can be requested through the patient portal or our prescription line. "
                  "Please allow two working days. For emergencies call 112.\n") + gp_sig(pr, "en", role="practice manager")


@kind("meeting")
def c_meeting(m):
    pr = practice()
    nl = m.lang == "nl"
    clean(m, "practice-meeting")
    m.frm = pr_addr(pr, "praktijkmanager")
    m.to = [("Team", f"team@{pr[1]}")]
    d = some_date()
    if nl:
        m.subject = pick(["Agenda praktijkoverleg", "Notulen teamoverleg " + d.strftime("%d-%m"), "FTO farmacotherapie-overleg"])
        m.text = (f"Hoi allemaal,\n\nAgenda voor het overleg van {nl_date(d)}, 12:30 in de vergaderruimte:\n\n"
                  "1. Opening en mededelingen\n2. Griepcampagne: taakverdeling prikmiddag\n3. Nieuwe NHG-standaard "
                  "astma bij volwassenen - wat verandert er?\n4. Telefonische bereikbaarheid: wachttijden\n5. ICT: migratie naar "
                  "nieuw HIS\n6. Rondvraag\n\nLunch wordt verzorgd. Afmelden bij mij.\n\nRob\n"
                  f"Praktijkmanager | {pr[5]} | 06-{R.randint(10000000, 99999999)}\n")
    else:
        m.subject = "Team meeting agenda"
        m.text = (f"Hi all,\n\nAgenda for {en_date(d)}:\n1. Flu campaign\n2. New asthma guideline\n3. Phone waiting times\n4. AOB\n\nRob\n")


@kind("case_anon")
def c_case_anon(m):
    pr = practice()
    nl = m.lang == "nl"
    clean(m, "anonymised-case")
    m.frm = pr_addr(pr, "huisarts")
    m.to = [("Intervisiegroep", "hagro-noord@praktijk-molenhoek.nl")]
    if nl:
        m.subject = pick(["Casus voor de HAGRO", "intervisie casus", "Casus FTO"])
        m.text = pick([
            f"Collega's,\n\nVoor donderdag een casus: een vrouw van middelbare leeftijd met al maanden vermoeidheid, normaal lab "
            f"(Hb, TSH, glucose). Ze wil graag verwezen worden. Hoe gaan jullie hiermee om?\n\nGroet,\n{pick(GP_NAMES)}\n",
            "Casus: man van rond de 70, atriumfibrilleren, nierfunctie verslechtert (eGFR ~30). DOAC aanpassen of "
            "terug naar VKA? Graag jullie mening.\n",
            "Anonieme casus: tiener met somberheid en zelfbeschadiging, ouders willen geen GGZ. Wat zijn ervaringen met de "
            "jeugdconsulent?\n",
        ])
    else:
        m.subject = "Case for peer review"
        m.text = ("Colleagues,\n\nAn elderly man with recurrent falls and polypharmacy (10+ drugs). Which deprescribing tool do you use?\n")


@kind("roster")
def c_roster(m):
    pr = practice()
    nl = m.lang == "nl"
    clean(m, "roster")
    staff = R.sample(["Marieke", "Yvette", "Sandra", "Gijs", "Linda", "Nicole", "Femke", "Anouk", "Jolanda", "Esra"], 5)
    days = ["ma", "di", "wo", "do", "vr"] if nl else ["Mon", "Tue", "Wed", "Thu", "Fri"]
    rows = [[d] + R.sample(staff, 3) for d in days]
    m.frm = pr_addr(pr, "praktijkmanager")
    m.to = [("Assistentes", f"assistentes@{pr[1]}")]
    m.subject = (f"Rooster week {R.randint(1, 52)}" if nl else f"Rota week {R.randint(1, 52)}")
    if R.random() < 0.5:
        m.html = ("<html><body><p>" + ("Hierbij het rooster. Ruilen graag onderling en doorgeven." if nl else "Rota below.")
                  + "</p><table border=1><tr><th></th><th>Balie</th><th>Telefoon</th><th>Spreekuur</th></tr>" +
                  "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows) + "</table></body></html>")
        m.tag("html")
    else:
        m.text = (("Rooster:\n" if nl else "Rota:\n") + "\n".join(" | ".join(r) for r in rows) +
                  ("\n\nBHV: " + staff[0] + f" (06-{R.randint(10000000, 99999999)})\n"))
        if R.random() < 0.4:
            m.atts.append(bin_part(make_xlsx([["dag", "balie", "telefoon", "spreekuur"]] + rows, "Rooster"),
                                   "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "rooster.xlsx"))
            m.tag("xlsx")


@kind("supplier_order")
def c_supplier_order(m):
    pr = practice()
    nl = m.lang == "nl"
    onr = elf_number()
    clean(m, "order", "elf-valid-order-number")
    items = R.sample([("Handschoenen nitril M, doos 100", 8.95), ("Urinestrips Combur-10, 100 st", 42.50),
                      ("Hechtmateriaal Ethilon 4-0", 61.20), ("Wattenstaafjes steriel, 100", 4.10),
                      ("Spuiten 2 ml Luer, 100", 11.75), ("Naalden 23G, 100", 9.40), ("Glucosestrips, 50", 22.00),
                      ("Otoscoop-tips 4 mm, 250", 17.60), ("Onderzoeksbankpapier, 6 rollen", 29.90)], 4)
    art = [elf_number() if R.random() < 0.5 else nonelf_number() for _ in items]
    m.frm = ("MedSupply Orderbevestiging", "orders@medsupply.example")
    m.to = [pr_addr(pr, "praktijkmanager")]
    m.subject = (f"Orderbevestiging {onr}" if nl else f"Order confirmation {onr}")
    lines = "\n".join(f"{a}  {n:<38} {R.randint(1, 6)} x € {p:.2f}".replace(".", ",") for a, (n, p) in zip(art, items))
    if nl:
        m.text = (f"Beste klant,\n\nBedankt voor uw bestelling. Ordernummer: {onr}\nKlantnummer: {R.randint(100000, 999999)}\n\n"
                  f"Artikelnr.  Omschrijving\n{lines}\n\nVerwachte levering: {nl_date(some_date())}\n"
                  f"Track & Trace: 3S{''.join(pick('ABCDEFGHJKLMNPQRSTUVWXYZ') for _ in range(4))}{R.randint(100000000, 999999999)}\n\n"
                  f"MedSupply B.V. | KvK {kvk()} | btw NL{R.randint(100000000, 999999999)}B01 | IBAN {iban_fmt(iban())}\n")
    else:
        m.text = (f"Dear customer,\n\nThank you for your order. Order number: {onr}\n\nItem no.  Description\n{lines}\n\n"
                  f"MedSupply B.V. | Chamber of Commerce {kvk()} | VAT NL{R.randint(100000000, 999999999)}B01\n")
    m.tag("euro")


@kind("invoice")
def c_invoice(m):
    pr = practice()
    nl = m.lang == "nl"
    inr = elf_number()
    clean(m, "invoice", "elf-valid-invoice-number", "iban", "kvk")
    vendor = pick([("Schoonmaakbedrijf Glans", "glans-schoonmaak.example"), ("ICT Zorgdesk", "ict-zorgdesk.example"),
                   ("Verhuur Medische Apparatuur BV", "medverhuur.example"), ("Drukkerij Hoekstra", "drukkerij-hoekstra.example")])
    m.frm = (vendor[0] + " debiteuren", f"facturen@{vendor[1]}")
    m.to = [pr_addr(pr, "administratie")]
    amt = f"{R.randint(80, 4000)},{R.randint(10, 99)}"
    if nl:
        m.subject = pick([f"Factuur {inr}", f"Uw factuur {inr} van {vendor[0]}", "Factuur maart"])
        m.text = (f"Geachte relatie,\n\nIn de bijlage vindt u factuur {inr} d.d. {some_date().strftime('%d-%m-%Y')} "
                  f"ten bedrage van € {amt}. Wij verzoeken u het bedrag binnen 30 dagen over te maken op {iban_fmt(iban())} "
                  f"o.v.v. factuurnummer {inr}.\n\nMet vriendelijke groet,\n{vendor[0]}\nKvK {kvk()} | RSIN {elf_number()} | "
                  f"btw-id NL{R.randint(100000000, 999999999)}B01\nTel {landline()}\n")
    else:
        m.subject = f"Invoice {inr}"
        m.text = (f"Dear customer,\n\nPlease find invoice {inr} for EUR {amt} attached. Payment to {iban()} within 30 days.\n\n"
                  f"{vendor[0]} | CoC {kvk()}\n")
    if R.random() < 0.6:
        pdf = make_pdf([[f"FACTUUR {inr}", f"{vendor[0]}", f"Aan: {pr[0]}, {pr[2]}, {pr[3]} {pr[4]}",
                         f"Factuurnummer: {inr}", f"Debiteurnummer: {R.randint(10000, 99999)}", f"Totaal: EUR {amt}",
                         f"IBAN: {iban_fmt(iban())}", f"KvK: {kvk()}"]])
        m.atts.append(bin_part(pdf, "application/pdf", f"factuur_{inr}.pdf"))
        m.tag("pdf", "number-in-filename")


@kind("ticket")
def c_ticket(m):
    pr = practice()
    nl = m.lang == "nl"
    tnr = elf_number() if R.random() < 0.7 else nonelf_number()
    clean(m, "it-ticket", "ticket-number")
    m.frm = ("ICT Zorgdesk servicedesk", "servicedesk@ict-zorgdesk.example")
    m.to = [pr_addr(pr, pick(["praktijkmanager", "ict"]))]
    if nl:
        m.subject = pick([f"[Ticket #{tnr}] Printer spreekkamer 2 print niet", f"Melding {tnr} opgelost",
                          f"Werkorder {tnr}: vervangen switch"])
        m.text = (f"Beste gebruiker,\n\nUw melding is geregistreerd onder ticketnummer {tnr}.\nCategorie: {pick(['Hardware', 'Netwerk', 'HIS', 'Telefonie'])}\n"
                  f"Prioriteit: {pick(['P2', 'P3', 'P4'])}\nStatus: {pick(['In behandeling', 'Opgelost', 'Wacht op gebruiker'])}\n\n"
                  f"Een monteur komt op {nl_date(some_date())} tussen 8:00 en 12:00. Bel bij vragen {landline()} en vermeld het ticketnummer.\n\n"
                  "ICT Zorgdesk - wij ontzorgen de zorg\n")
    else:
        m.subject = f"[Ticket #{tnr}] VPN connection issue"
        m.text = f"Your ticket {tnr} has been updated. Status: resolved. Reply to reopen.\n\nService desk\n"


@kind("tracking")
def c_tracking(m):
    pr = practice()
    nl = m.lang == "nl"
    code = elf_number()
    clean(m, "shipping", "tracking-number")
    m.frm = ("PakketPost", "noreply@pakketpost.example")
    m.to = [pr_addr(pr, "info")]
    m.subject = ("Je pakket komt eraan" if nl else "Your parcel is on its way")
    m.text = ((f"Goed nieuws! Je pakket van MedSupply wordt morgen bezorgd tussen 10:15 en 12:45.\nZendingnummer: {code}\n"
               f"Postcode: {pr[3]}\n\nVolg je pakket op pakketpost.example/track/{code}\n")
              if nl else f"Your parcel will be delivered tomorrow.\nTracking number: {code}\n")


@kind("ooo")
def c_ooo(m):
    pr = practice()
    nl = m.lang == "nl"
    clean(m, "out-of-office")
    m.frm = (pick(GP_NAMES), f"{pick(['m.hoekstra', 'e.vanwijk', 'a.delange', 'jp.brouwer'])}@{pr[1]}")
    m.to = [("", f"{pick(['info', 'secretariaat', 'j.devries'])}@{pick(['zorggroep-vallei.example', 'ziekenhuis-stanna.test'])}")]
    m.extra = ["Auto-Submitted: auto-replied", "X-Auto-Response-Suppress: All"]
    d1 = some_date()
    d2 = d1 + dt.timedelta(days=R.randint(3, 21))
    if nl:
        m.subject = "Automatisch antwoord: " + pick(["overleg", "Re: nascholing", "vraag"])
        m.text = (f"Ik ben afwezig van {d1:%d-%m} t/m {d2:%d-%m-%Y} en lees mijn mail niet. Voor patiëntzaken kunt u contact "
                  f"opnemen met de praktijk via {pr[5]}. Bij spoed: huisartsenpost.\n")
    else:
        m.subject = "Automatic reply: " + pick(["meeting", "question"])
        m.text = f"I am out of the office until {d2:%d %B %Y}. For urgent matters please call {pr[5]}.\n"


@kind("it_mail")
def c_it(m):
    pr = practice()
    nl = m.lang == "nl"
    clean(m, "it")
    m.frm = ("ICT Zorgdesk", "noreply@ict-zorgdesk.example")
    m.to = [("Alle medewerkers", f"allen@{pr[1]}")]
    if nl:
        m.subject = pick(["Gepland onderhoud HIS zaterdag", "Nieuwe versie Zivver-plugin", "Wachtwoord verloopt over 5 dagen",
                          "Let op: phishing in omloop"])
        m.text = pick([
            "Beste gebruikers,\n\nZaterdag tussen 22:00 en 02:00 vindt onderhoud plaats aan het HIS. Sla uw werk tijdig op. "
            "De koppeling met het LSP is in die periode niet beschikbaar.\n",
            "Vanaf maandag wordt de Zivver-plugin automatisch bijgewerkt. Berichten met een BSN of medische gegevens worden "
            "voortaan automatisch beveiligd verstuurd.\n",
            "Uw wachtwoord verloopt binnenkort. Wijzig het via Ctrl-Alt-Del > Wachtwoord wijzigen. Gebruik minimaal 14 tekens.\n",
        ]) + "\nICT Zorgdesk | servicedesk " + landline() + "\n"
    else:
        m.subject = "Scheduled maintenance"
        m.text = "Dear users,\n\nThe practice system will be unavailable on Saturday night for maintenance.\n\nIT service desk\n"


@kind("hr")
def c_hr(m):
    pr = practice()
    nl = m.lang == "nl"
    clean(m, "hr")
    m.frm = pr_addr(pr, "praktijkmanager")
    m.to = [("Team", f"team@{pr[1]}")]
    if nl:
        m.subject = pick(["Vakantieplanning zomer", "Vacature doktersassistente", "Scholing BLS/AED", "Personeelsuitje"])
        m.text = pick([
            "Hoi allen,\n\nGraag uiterlijk 1 maart je vakantiewensen in het planbord zetten. Max. 2 assistentes tegelijk vrij.\n",
            "We zoeken een doktersassistente voor 24-32 uur. Ken je iemand? Beloning volgens cao Huisartsenzorg, schaal 5/6. "
            "Reacties naar vacature@" + pr[1] + ".\n",
            "De jaarlijkse BLS/AED-training is op 12 maart. Iedereen is verplicht aanwezig.\n",
            "Het uitje is op vrijdag 27 juni: sloepvaren en daarna eten. Dieetwensen doorgeven!\n",
        ]) + "\nGroet, Rob\n"
    else:
        m.subject = "Summer holiday planning"
        m.text = "Hi all,\n\nPlease enter your holiday requests by 1 March.\n\nRob\n"


@kind("mailmerge")
def c_mailmerge(m):
    pr = practice()
    p = Person(m.lang)
    nl = m.lang == "nl"
    clean(m, "mail-merge", "name-only")
    m.frm = (pr[0], f"nieuws@{pr[1]}")
    m.to = [person_addr(p)]
    if nl:
        m.subject = pick(["Uitnodiging: inloopavond nieuwe praktijk", "Patiënttevredenheidsonderzoek", "Wij verhuizen!"])
        m.text = (f"Beste {p.initials_name()},\n\n" + pick([
            "Wij verhuizen per 1 september naar het nieuwe gezondheidscentrum aan de Stationsweg. U bent van harte welkom op "
            "de inloopavond.",
            "Wij horen graag hoe u onze zorg ervaart. Het invullen van de vragenlijst duurt ongeveer 5 minuten.",
            "Graag nodigen wij u uit voor de informatieavond over het nieuwe patiëntenportaal."]) +
            "\n\nMet vriendelijke groet,\nHet praktijkteam\n")
    else:
        m.subject = "Patient satisfaction survey"
        m.text = f"Dear {p.first},\n\nWe'd love to hear how you experience our care. The survey takes 5 minutes.\n\nThe practice team\n"


@kind("phishing")
def c_phishing(m):
    pr = practice()
    nl = m.lang == "nl"
    clean(m, "phishing")
    m.frm = (pick(["DigiD", "Belastingdienst", "Microsoft 365", "Zorgverzekeraar"]), f"no-reply@{pick(['secure-verify.test', 'login-update.test'])}")
    m.to = [pr_addr(pr, "info")]
    if nl:
        m.subject = pick(["Uw DigiD wordt gedeactiveerd", "Actie vereist: verifieer uw account", "Teruggave zorgtoeslag"])
        m.text = ("Geachte heer/mevrouw,\n\nUw account wordt binnen 24 uur geblokkeerd. Bevestig direct uw gegevens (naam, BSN "
                  "en IBAN) via onderstaande link:\n\nhttp://digid-verificatie.test/login\n\nMet vriendelijke groet,\nDe beheerder\n")
    else:
        m.subject = "Action required: mailbox storage full"
        m.text = "Your mailbox is full. Click http://m365-storage.test/upgrade to avoid losing your email.\n"


@kind("vcard_supplier")
def c_vcard(m):
    pr = practice()
    nl = m.lang == "nl"
    clean(m, "vcard", "supplier")
    first, last = pick(NL_FIRST_M + NL_FIRST_F), pick(NL_LAST)
    m.frm = (f"{first} {last}", f"{ascii_slug(first)}@medsupply.example")
    m.to = [pr_addr(pr, "praktijkmanager")]
    m.subject = "Mijn contactgegevens" if nl else "My contact details"
    m.text = (f"Goedemiddag,\n\nIk ben uw nieuwe accountmanager. Mijn gegevens vindt u in de bijlage.\n\n{first} {last}\n"
              f"Accountmanager MedSupply\nM {mobile()}\n" if nl else
              f"Hello,\n\nI'm your new account manager, contact card attached.\n\n{first} {last}\nMedSupply\n")
    v = make_vcard(first, last, "MedSupply B.V.", mobile(), f"{ascii_slug(first)}@medsupply.example", title="Accountmanager")
    m.atts.append(bin_part(v, "text/vcard", f"{ascii_slug(first)}.vcf"))


@kind("registry_codes")
def c_registry_codes(m):
    pr = practice()
    nl = m.lang == "nl"
    clean(m, "registry-codes", "agb", "uzi")
    uzi = elf_number()
    m.frm = pick([("Vektis AGB-register", "agb@vektis-register.example"), ("UZI-register", "uzi@uzi-register.example")])
    m.to = [pr_addr(pr, "praktijkmanager")]
    if nl:
        m.subject = pick(["Wijziging AGB-gegevens verwerkt", "Uw UZI-pas aanvraag", "Bevestiging registratie"])
        m.text = (f"Geachte heer/mevrouw,\n\nDe wijziging is verwerkt.\nAGB-code praktijk: {agb()}\nAGB-code zorgverlener: {agb()}\n"
                  f"UZI-nummer: {uzi}\nKvK-nummer: {kvk()}\nRSIN: {elf_number()}\n\nDe pas wordt binnen 10 werkdagen verzonden "
                  "naar het praktijkadres.\n\nMet vriendelijke groet,\nRegister\n")
    else:
        m.subject = "Registration confirmed"
        m.text = f"Your registration is complete.\nAGB code: {agb()}\nUZI number: {uzi}\nRSIN: {elf_number()}\n"


@kind("scheduling")
def c_scheduling(m):
    pr = practice()
    nl = m.lang == "nl"
    clean(m, "scheduling", "phone-numbers", "dates")
    m.frm = pr_addr(pr, "huisarts")
    m.to = [("Zorggroep", "kaderarts@zorggroep-vallei.example")]
    d = some_date()
    if nl:
        m.subject = pick(["Afspraak overleg ketenzorg", "Bellen?", "datum prikker"])
        m.text = typo(f"Hoi,\n\nZullen we {nl_date(d)} om 13:15 bellen over de ketenzorg-DBC? Ik ben bereikbaar op {mobile()}, "
                      f"anders via de praktijk ({pr[5]}, toets 3). Alternatief: {nl_date(d + dt.timedelta(days=2))} 16:00.\n\nGroet,\n"
                      f"{pick(GP_NAMES)}\n", 0.03)
    else:
        m.subject = "Call next week?"
        m.text = f"Hi,\n\nShall we call on {en_date(d)} at 1.15pm? My mobile is {mobile()}.\n\nBest\n"


@kind("bsn_word")
def c_bsn_word(m):
    pr = practice()
    nl = m.lang == "nl"
    clean(m, "bsn-word-no-number")
    m.frm = pr_addr(pr, "praktijkmanager")
    m.to = [("Assistentes", f"assistentes@{pr[1]}")]
    if nl:
        m.subject = pick(["Werkinstructie identificatie", "Herinnering: BSN-check bij inschrijving", "Privacy: wat mag wel/niet per mail"])
        m.text = ("Hoi allen,\n\nBij elke nieuwe inschrijving moet het BSN gecontroleerd worden via de SBV-Z (WID-check). "
                  "Noteer nooit een burgerservicenummer in een gewone mail, gebruik altijd Zivver. Ook geen geboortedata en "
                  "diagnoses in de onderwerpregel!\n\nZie ook het protocol op de N-schijf (versie 2.3, 14-02-2025).\n\nRob\n")
    else:
        m.subject = "Reminder: identity check"
        m.text = "Please verify the BSN of every new patient via the SBV-Z. Never put a BSN in normal email.\n"


@kind("clean_csv")
def c_csv(m):
    pr = practice()
    nl = m.lang == "nl"
    clean(m, "stock-list", "csv", "elf-valid-article-numbers")
    rows = ["artikelnummer;omschrijving;voorraad;min" if nl else "item_no,description,stock,min"]
    sep = ";" if nl else ","
    for n in R.sample(["Handschoenen M", "Handschoenen L", "Gaasjes 10x10", "Pleisters", "Spuiten 5ml", "Naalden 25G",
                       "Alcoholdoekjes", "Tongspatels", "Urinepotjes", "Hechtpleisters", "Thermometerhoesjes"], 7):
        rows.append(sep.join([elf_number(), n, str(R.randint(0, 40)), str(R.randint(5, 10))]))
    m.frm = pr_addr(pr, "assistentie")
    m.to = [("MedSupply", "orders@medsupply.example")]
    m.subject = "voorraadlijst / bestelling" if nl else "stock list"
    m.text = ("Bijgaand de voorraadlijst, graag aanvullen tot minimum.\n" if nl else "Stock list attached, please restock.\n")
    m.atts.append(bin_part("\r\n".join(rows) + "\r\n", "text/csv", "voorraad.csv"))


@kind("clean_attachment")
def c_attach(m):
    pr = practice()
    nl = m.lang == "nl"
    t = pick(["pdf", "docx", "xlsx"])
    clean(m, "protocol-or-pricelist", t)
    m.frm = pr_addr(pr, "praktijkmanager")
    m.to = [("Team", f"team@{pr[1]}")]
    if t == "pdf":
        pages = [["Protocol wondzorg" if nl else "Wound care protocol", "Versie 3.1 - vastgesteld in teamoverleg",
                  "1. Reinig de wond met kraanwater.", "2. Beoordeel op tekenen van infectie (roodheid, warmte, pus).",
                  "3. Tetanusvaccinatie controleren bij verwonding.", "4. Hechtingen verwijderen: gelaat 5 dagen, romp 10 dagen."]]
        data, ct, fn = make_pdf(pages), "application/pdf", "protocol_wondzorg.pdf"
    elif t == "docx":
        data = make_docx(["Werkinstructie triage", "Gebruik de NHG-TriageWijzer bij elke telefonische hulpvraag.",
                          "Bij ABCD-instabiliteit: direct 112.", "Overleg bij twijfel altijd met de dienstdoende huisarts."])
        ct, fn = "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "werkinstructie_triage.docx"
    else:
        rows = [["Verrichting", "Tarief 2025"], ["Consult regulier", 12.46], ["Visite", 18.69], ["Chirurgie", 85.29],
                ["Spiraal plaatsen", 67.53], ["Artikelcode", int(elf_number())]]
        data, ct, fn = make_xlsx(rows, "Tarieven"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "tarieven_2025.xlsx"
    m.subject = pick(["nieuw protocol", "ter info", "Tarieven 2025"]) if nl else "document attached"
    m.text = ("Hierbij het bijgewerkte document, graag lezen voor het overleg.\n" if nl else "Please read before the meeting.\n")
    m.atts.append(bin_part(data, ct, fn))


@kind("cme")
def c_cme(m):
    pr = practice()
    nl = m.lang == "nl"
    clean(m, "cme-invitation")
    m.frm = ("Nascholing Regio Vallei", "nascholing@zorggroep-vallei.example")
    m.to = [pr_addr(pr, "huisarts")]
    if nl:
        m.subject = pick(["Uitnodiging nascholing: hartfalen in de eerste lijn", "Accreditatie aangevraagd: DM2 update"])
        m.text = (f"Geachte collega,\n\nOp {nl_date(some_date())} organiseren wij een nascholing over "
                  f"{pick(['hartfalen', 'diabetes type 2', 'depressie bij ouderen', 'COPD-inhalatietechniek'])}. Sprekers: een cardioloog "
                  "en een kaderhuisarts. Accreditatie: 3 punten (ABC1).\nLocatie: Hotel De Wageningsche Berg.\nAanmelden via de website.\n")
    else:
        m.subject = "Invitation: CME evening on heart failure"
        m.text = "Dear colleague,\n\nJoin us for an accredited CME evening on heart failure in primary care.\n"


@kind("pharmacy_generic")
def c_pharm_generic(m):
    pr = practice()
    nl = m.lang == "nl"
    clean(m, "pharmacy-generic")
    m.frm = ("Apotheek Centrum", "info@apotheek-centrum.example")
    m.to = [("Huisartsen regio", f"huisartsen@{pr[1]}")]
    if nl:
        m.subject = pick(["Leveringsprobleem metformine 850", "Tekort aan Ozempic", "FTO-verslag"])
        m.text = ("Geachte huisartsen,\n\nEr is een landelijk tekort aan " + pick(["metformine 850 mg", "semaglutide", "amoxicilline drank"]) +
                  ". Wij adviseren bij nieuwe recepten te kiezen voor een alternatief (zie KNMP-advies). Bestaande patiënten "
                  "worden door ons benaderd.\n\nMet collegiale groet,\nApotheek Centrum\n")
    else:
        m.subject = "Supply shortage"
        m.text = "Dear GPs,\n\nThere is a national shortage of semaglutide. Please prescribe alternatives where possible.\n"


@kind("municipality_generic")
def c_muni(m):
    pr = practice()
    nl = m.lang == "nl"
    clean(m, "municipality-or-insurer-generic")
    m.frm = pick([("Gemeente Nieuwkerk - Sociaal Domein", "sociaaldomein@gemeente-nieuwkerk.example"),
                  ("ZekerZorg Zorginkoop", "zorginkoop@zekerzorg.example")])
    m.to = [pr_addr(pr, "praktijkmanager")]
    if nl:
        m.subject = pick(["Contractering 2026", "Nieuwe werkwijze Wmo-aanvragen", "Uitnodiging regiobijeenkomst"])
        m.text = ("Geachte zorgaanbieder,\n\nPer 1 januari wijzigt de werkwijze. Aanvragen verlopen voortaan via het "
                  "iWmo-berichtenverkeer. Wij vragen u geen medische gegevens of BSN's per gewone e-mail te sturen.\n\n"
                  f"Met vriendelijke groet,\n{m.frm[0]}\nPostbus {R.randint(100, 999)}, {postcode()} Nieuwkerk\n")
    else:
        m.subject = "Contracting 2026"
        m.text = "Dear provider,\n\nThe contracting round for 2026 opens on 1 April.\n"


@kind("reply_chain_clean")
def c_reply_clean(m):
    pr = practice()
    nl = m.lang == "nl"
    clean(m, "reply-chain")
    other = ("Jeroen (MedSupply)", "jeroen@medsupply.example")
    if nl:
        orig = "Goedemorgen, kunnen jullie de levering verplaatsen naar donderdag? Groet, Rob"
        m.subject = "RE: levering"
        m.text = "Dat is geen probleem, donderdag tussen 9 en 12.\n\nJeroen" + quote(orig, "nl", pr_addr(pr, "praktijkmanager"), m.date.date())
    else:
        orig = "Could we move the delivery to Thursday? Rob"
        m.subject = "Re: delivery"
        m.text = "No problem, Thursday 9-12.\n\nJeroen" + quote(orig, "en", pr_addr(pr, "praktijkmanager"), m.date.date())
    m.frm = other
    m.to = [pr_addr(pr, "praktijkmanager")]


# ----------------------------------------------------------------------------------------------
# plan and output
# ----------------------------------------------------------------------------------------------
PLAN = {  # kind: (dutch, english)
    # sensitive
    "referral": (7, 3), "lab": (7, 3), "pharmacy": (6, 2), "repeat_rx": (6, 3), "patient_self": (6, 4),
    "youthcare": (6, 1), "ggz": (4, 2), "discharge_fwd": (4, 2), "appointment": (5, 2), "sicknote": (4, 2),
    "insurer": (4, 2), "wmo": (5, 0), "bsn_only": (11, 5), "export_csv": (4, 2), "hl7": (3, 1), "fhir": (2, 2),
    "html_table": (4, 2), "docx": (5, 2), "xlsx": (3, 2), "pdf_letter": (5, 2), "reply_chain": (5, 2),
    "inline_fwd": (4, 2), "physio": (4, 1), "school": (3, 1), "registration": (4, 1), "personal_only": (4, 2),
    "vcard_patient": (2, 1), "hospital_secretary": (3, 1),
    "enc_zip": (3, 1), "enc_pdf": (2, 1), "truncated": (2, 1), "unknown_binary": (1, 1), "corrupt_b64": (1, 1),
    # clean
    "newsletter": (9, 3), "patient_info": (6, 2), "meeting": (6, 2), "case_anon": (5, 2), "roster": (4, 2),
    "supplier_order": (7, 3), "invoice": (6, 3), "ticket": (7, 3), "tracking": (3, 2), "ooo": (4, 2),
    "it_mail": (5, 2), "hr": (5, 2), "mailmerge": (5, 2), "phishing": (3, 3), "vcard_supplier": (2, 2),
    "registry_codes": (3, 2), "scheduling": (4, 2), "bsn_word": (3, 2), "clean_csv": (2, 1),
    "clean_attachment": (5, 2), "cme": (3, 1), "pharmacy_generic": (3, 1), "municipality_generic": (3, 1),
    "reply_chain_clean": (2, 2),
}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=os.path.dirname(os.path.abspath(__file__)))
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    jobs = []
    for k, (n_nl, n_en) in PLAN.items():
        jobs += [(k, "nl")] * n_nl + [(k, "en")] * n_en
    msgs = []
    for k, lang in jobs:
        m = M(k, lang)
        KINDS[k](m)
        raw = render(m)
        msgs.append((m, raw))
    order = list(range(len(msgs)))
    R.shuffle(order)
    rows = ["file\tbsn\thealth\tpersonal\tunscannable\tnote"]
    for i, idx in enumerate(order, 1):
        m, raw = msgs[idx]
        fn = f"msg-{i:03d}.eml"
        with open(os.path.join(a.out, fn), "wb") as fh:
            fh.write(raw)
        note = ";".join([m.kind.replace("_", "-")] + [t for t in m.tags if t != m.kind.replace("_", "-")])
        L = m.lab
        rows.append(f"{fn}\t{L['bsn']}\t{L['health']}\t{L['personal']}\t{L['unscannable']}\t{note}")
    with open(os.path.join(a.out, "labels.tsv"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write("\n".join(rows) + "\n")
    print(f"wrote {len(msgs)} messages to {a.out}")


if __name__ == "__main__":
    main()
