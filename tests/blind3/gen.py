#!/usr/bin/env python3
"""Blind evaluation corpus generator (blind3) for a Dutch GP-practice secure-mail gateway.

Standard library only. Deterministic (fixed seed). Writes msg-NNN.eml + labels.tsv.
usage: python3 gen.py [--out DIR] [--seed N] [--n N]
"""
import argparse, base64, binascii, datetime as dt, hashlib, io, os, random, struct, zipfile, zlib
from email.message import EmailMessage
from email import policy
from email.utils import format_datetime, formataddr

# ----------------------------------------------------------------------------- pools
FIRST_NL_F = ["Anneke", "Sanne", "Femke", "Ingrid", "Willemijn", "Marloes", "Joke", "Ria", "Lotte", "Esther", "Gerda", "Tineke", "Noor", "Julia", "Mirjam", "Hanneke", "Els", "Bep"]
FIRST_NL_M = ["Jan", "Daan", "Pieter", "Henk", "Joost", "Kees", "Bram", "Gert-Jan", "Wim", "Sem", "Ruud", "Thijs", "Bas", "Teun", "Arie", "Hendrik", "Maarten"]
FIRST_TR = [("Ayşe", "f"), ("Fatma", "f"), ("Hülya", "f"), ("Elif", "f"), ("Zeynep", "f"), ("Mehmet", "m"), ("Emre", "m"), ("Yusuf", "m"), ("Mustafa", "m"), ("Burak", "m")]
FIRST_AR = [("Fatima", "f"), ("Khadija", "f"), ("Nadia", "f"), ("Samira", "f"), ("Mohamed", "m"), ("Youssef", "m"), ("Hamza", "m"), ("Ahmed", "m"), ("Bilal", "m"), ("Rania", "f")]
FIRST_PL = [("Katarzyna", "f"), ("Agnieszka", "f"), ("Małgorzata", "f"), ("Ewa", "f"), ("Piotr", "m"), ("Tomasz", "m"), ("Krzysztof", "m"), ("Paweł", "m")]
FIRST_OT = [("Rishi", "m"), ("Shanti", "f"), ("Winston", "m"), ("Priya", "f"), ("Tesfaye", "m"), ("Ngozi", "f"), ("Oksana", "f"), ("Dmytro", "m")]
LAST_NL = ["de Vries", "Jansen", "van den Berg", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "van der Linden", "Kuipers", "Verhoeven", "Schouten", "van Dijk", "Wouters", "Postma"]
LAST_TR = ["Yılmaz", "Kaya", "Demir", "Öztürk", "Çelik", "Şahin", "Aydın", "Arslan"]
LAST_AR = ["El Amrani", "Bouzid", "Benali", "El Idrissi", "Azzouzi", "Haddou", "Ouali", "Al-Hassan"]
LAST_PL = ["Kowalski", "Nowak", "Wiśniewska", "Wójcik", "Kamińska", "Lewandowski", "Zieliński"]
LAST_OT = ["Ramdin", "Sewnath", "Kromodikoro", "Tesfay", "Okafor", "Bondarenko", "Ramautar"]
STREETS = ["Lindelaan", "Kerkstraat", "Dorpsweg", "Molenweg", "Beukenlaan", "Prinses Irenestraat", "Wilhelminaplein", "Schoolstraat", "Rozengracht", "Van Goghstraat", "Merelhof", "Sportlaan", "Hoofdstraat", "Julianastraat", "Bloemendaalseweg", "Spoorsingel", "Eikenrode", "Het Want"]
CITIES = ["Utrecht", "Amersfoort", "Zeist", "Houten", "Nieuwegein", "Leusden", "Veenendaal", "Bunnik", "Woerden", "IJsselstein", "Maarssen", "De Bilt", "Baarn", "Soest"]
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"]
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]

PRACTICES = [("Huisartsenpraktijk De Linde", "praktijk-delinde.nl"), ("Huisartsen Molenweide", "praktijk-molenweide.nl"),
             ("Gezondheidscentrum Oosterpoort", "praktijk-oosterpoort.nl"), ("Huisartsenpraktijk Van Rijn & Kok", "praktijk-vanrijnkok.nl"),
             ("Huisartsenmaatschap Het Anker", "praktijk-hetanker.nl")]
GPS = ["dr. M. van Rijn", "J.P. Kok, huisarts", "dr. S. Aydemir", "H. Brinkman, huisarts", "A. de Wit, waarnemend huisarts", "dr. L. Oosterhuis"]
ASSIST = ["Marieke (doktersassistente)", "Sandra, assistente", "Yvonne Bos, praktijkassistente", "Linda – doktersassistent", "Esra, assistente"]
HOSPITALS = [("Ziekenhuis Rijnoever", "ziekenhuis-rijnoever.test"), ("St. Elisabeth Gasthuis", "ziekenhuis-elisabeth.test"),
             ("Meander Stad Ziekenhuis", "ziekenhuis-meanderstad.test"), ("UMC Domstad", "ziekenhuis-umcdomstad.test")]
SPECIALTIES = [("cardiologie", "cardioloog", "cardiology"), ("interne geneeskunde", "internist", "internal medicine"), ("longziekten", "longarts", "pulmonology"),
               ("orthopedie", "orthopeed", "orthopaedics"), ("dermatologie", "dermatoloog", "dermatology"), ("neurologie", "neuroloog", "neurology"),
               ("KNO", "KNO-arts", "ENT"), ("gynaecologie", "gynaecoloog", "gynaecology"), ("urologie", "uroloog", "urology"), ("geriatrie", "geriater", "geriatrics")]

DIAG = [("T90", "Diabetes mellitus type 2", "type 2 diabetes"), ("K86", "Hypertensie zonder orgaanbeschadiging", "hypertension"), ("R96", "Astma", "asthma"),
        ("R95", "COPD", "COPD"), ("P76", "Depressie", "depression"), ("P74", "Angststoornis", "anxiety disorder"), ("K78", "Atriumfibrilleren", "atrial fibrillation"),
        ("L03", "Lage rugpijn zonder uitstraling", "low back pain"), ("S87", "Constitutioneel eczeem", "atopic eczema"), ("T93", "Hypercholesterolemie", "hypercholesterolaemia"),
        ("N89", "Migraine", "migraine"), ("K77", "Hartfalen", "heart failure"), ("U71", "Cystitis", "cystitis"), ("L90", "Artrose knie", "knee osteoarthritis"),
        ("P15", "Chronisch alcoholmisbruik", "alcohol use disorder"), ("T86", "Hypothyreoïdie", "hypothyroidism"), ("X76", "Mammacarcinoom", "breast cancer"),
        ("P70", "Dementie", "dementia"), ("S91", "Psoriasis", "psoriasis"), ("D94", "Colitis ulcerosa", "ulcerative colitis")]
MEDS = ["metformine 500 mg 2dd1", "simvastatine 40 mg 1dd1 a.n.", "lisinopril 10 mg 1dd1", "amlodipine 5 mg 1dd1", "salbutamol 100 mcg/dosis z.n.",
        "omeprazol 20 mg 1dd1", "sertraline 50 mg 1dd1", "apixaban 5 mg 2dd1", "paracetamol 1000 mg 3dd1", "levothyroxine 75 mcg 1dd1 nuchter",
        "furosemide 40 mg 1dd1", "insuline glargine 22 E a.n.", "citalopram 20 mg 1dd1", "oxazepam 10 mg z.n.", "methylfenidaat 10 mg 2dd1",
        "nitrofurantoïne 100 mg 2dd1 gedurende 5 dagen", "metoprolol 50 mg 1dd1", "fluticason/salmeterol 250/50 2dd1 inh.", "tramadol 50 mg max 3dd1",
        "quetiapine 25 mg a.n.", "atorvastatine 20 mg", "hydrochloorthiazide 12,5 mg 1dd1", "mesalazine 800 mg 3dd2", "acenocoumarol volgens schema trombosedienst"]
LABS = [("HbA1c", "mmol/mol", 42, 86), ("eGFR", "ml/min/1,73m²", 28, 95), ("INR", "", 1.6, 4.2), ("LDL-cholesterol", "mmol/l", 1.8, 5.6),
        ("Hb", "mmol/l", 6.1, 9.4), ("TSH", "mU/l", 0.2, 9.8), ("CRP", "mg/l", 1, 140), ("kreatinine", "µmol/l", 60, 190), ("kalium", "mmol/l", 3.3, 5.9),
        ("ferritine", "µg/l", 6, 320), ("glucose nuchter", "mmol/l", 4.8, 11.5), ("ALAT", "U/l", 12, 98), ("vitamine B12", "pmol/l", 110, 520)]
COMPLAINTS_NL = ["al drie dagen koorts en hoesten", "last van mijn rug sinds het tillen zaterdag", "een bult in mijn borst gevoeld", "slaap slecht en pieker heel veel, voel me somber",
                 "pijn bij het plassen en moet steeds", "een rare moedervlek die groter wordt", "hoofdpijn die niet weggaat, al een week", "benauwd als ik de trap op loop",
                 "mijn knie is dik en warm", "duizelig bij opstaan sinds ik die nieuwe pillen heb", "oorpijn en een beetje gehoorverlies links", "uitslag op mijn armen die jeukt"]
COMPLAINTS_EN = ["a fever and cough for three days", "lower back pain since lifting a box", "a lump in my breast", "trouble sleeping and feeling really low",
                 "burning when I pee", "a mole that seems to be growing", "headaches every day for a week", "shortness of breath on the stairs"]

# ----------------------------------------------------------------------------- number helpers

def elf_ok(s):
    d = [int(c) for c in s]
    return len(d) == 9 and (sum(d[i] * (9 - i) for i in range(8)) - d[8]) % 11 == 0


def make_bsn(r, lead0=False):
    while True:
        s = ("0" if lead0 else str(r.randint(1, 9))) + "".join(str(r.randint(0, 9)) for _ in range(7))
        base = sum(int(c) * (9 - i) for i, c in enumerate(s))
        last = base % 11
        if last <= 9:
            s += str(last)
            if elf_ok(s) and s != "000000000":
                return s


def make_non_elf9(r, first=None):
    while True:
        s = (first or str(r.randint(1, 9))) + "".join(str(r.randint(0, 9)) for _ in range(8))
        if not elf_ok(s):
            return s


def make_elf9_nonbsn(r, prefix=""):
    """9-digit number that passes the 11-test but is used as order/invoice number etc."""
    return make_bsn(r)


def fmt_bsn(r, b, style=None):
    style = style or r.choice(["plain", "plain", "plain", "dots4", "dots3", "space3"])
    if style == "dots4":
        return f"{b[:4]}.{b[4:6]}.{b[6:]}"
    if style == "dots3":
        return f"{b[:3]}.{b[3:6]}.{b[6:]}"
    if style == "space3":
        return f"{b[:3]} {b[3:6]} {b[6:]}"
    return b


def bsn_kw(r, lang="nl"):
    if lang == "en":
        return r.choice(["BSN", "BSN (citizen service number)", "Dutch BSN", "citizen service no."])
    return r.choice(["BSN", "BSN:", "burgerservicenummer", "Burgerservicenr.", "bsn", "BSN-nummer", "sofinummer", "Burgerservicenummer:"])


def iban(r, bank=None):
    bank = bank or r.choice(["ABNA", "RABO", "INGB", "TRIO", "SNSB", "KNAB"])
    acct = "".join(str(r.randint(0, 9)) for _ in range(10))
    conv = "".join(str(ord(c) - 55) for c in bank) + acct + "232100"
    chk = 98 - int(conv) % 97
    return f"NL{chk:02d}{bank}{acct}"


def iban_fmt(s):
    return " ".join(s[i:i + 4] for i in range(0, len(s), 4))


def kvk(r):
    return "".join(str(r.randint(0, 9)) for _ in range(8))


def agb(r, kind="01"):
    return kind + "".join(str(r.randint(0, 9)) for _ in range(6))


def mobile(r, style=None):
    n = "".join(str(r.randint(0, 9)) for _ in range(8))
    style = style or r.choice(["06-", "06 ", "+31 6 ", "+316", "06"])
    if style == "+31 6 ":
        return f"+31 6 {n[:4]} {n[4:]}"
    if style == "06 ":
        return f"06 {n[:2]} {n[2:4]} {n[4:6]} {n[6:]}"
    return style + n


def landline(r):
    area = r.choice(["030", "033", "0348", "035", "0318", "020"])
    rest = "".join(str(r.randint(0, 9)) for _ in range(10 - len(area)))
    return f"{area}-{rest}"


def postcode(r):
    return f"{r.randint(1000, 9999)} {r.choice('ABCDEGHJKLMNPRSTVWXZ')}{r.choice('ABCDEGHJKLMNPRSTVWXZ')}"


def rdate(r, y0=2024, y1=2025):
    start = dt.date(y0, 1, 1)
    return start + dt.timedelta(days=r.randint(0, (dt.date(y1, 12, 31) - start).days))


def dob(r, minage=0, maxage=95):
    return dt.date(2025, 6, 1) - dt.timedelta(days=r.randint(minage * 365, maxage * 365))


def fdate(r, d, lang="nl", style=None):
    style = style or r.choice(["dash", "dash", "long", "slash", "iso", "dot"])
    if lang == "en":
        return r.choice([f"{d.day} {MONTHS_EN[d.month-1]} {d.year}", f"{d.day:02d}/{d.month:02d}/{d.year}", d.isoformat()])
    if style == "long":
        return f"{d.day} {MONTHS[d.month-1]} {d.year}"
    if style == "slash":
        return f"{d.day:02d}/{d.month:02d}/{d.year}"
    if style == "iso":
        return d.isoformat()
    if style == "dot":
        return f"{d.day}.{d.month}.{d.year}"
    return f"{d.day:02d}-{d.month:02d}-{d.year}"


def lab_value(r, lab):
    name, unit, lo, hi = lab
    v = r.uniform(lo, hi)
    if isinstance(lo, int) and isinstance(hi, int):
        s = str(int(v))
    else:
        s = f"{v:.1f}".replace(".", ",")
    return name, s, unit


class Person:
    def __init__(self, r, origin=None, minage=0, maxage=95, gender=None):
        origin = origin or r.choice(["nl"] * 6 + ["tr", "ar", "pl", "ot"])
        self.origin = origin
        if origin == "nl":
            self.gender = gender or r.choice("fm")
            self.first = r.choice(FIRST_NL_F if self.gender == "f" else FIRST_NL_M)
            self.last = r.choice(LAST_NL)
        else:
            pool, lp = {"tr": (FIRST_TR, LAST_TR), "ar": (FIRST_AR, LAST_AR), "pl": (FIRST_PL, LAST_PL), "ot": (FIRST_OT, LAST_OT)}[origin]
            cands = [p for p in pool if gender is None or p[1] == gender] or pool
            self.first, self.gender = r.choice(cands)
            self.last = r.choice(lp)
            if origin == "pl" and self.gender == "f" and self.last.endswith("ski"):
                self.last = self.last[:-1] + "a"
        self.full = f"{self.first} {self.last}"
        self.init = self.first[0] + "."
        self.formal = ("mevrouw " if self.gender == "f" else "de heer ") + f"{self.init} {self.last}"
        self.formal_short = ("mevr. " if self.gender == "f" else "dhr. ") + f"{self.init} {self.last}"
        self.dob = dob(r, minage, maxage)
        self.street = f"{r.choice(STREETS)} {r.randint(1, 180)}{r.choice(['', '', '', 'a', '-2', ' bis'])}"
        self.pc = postcode(r)
        self.city = r.choice(CITIES)
        self.phone = mobile(r)
        self.bsn = make_bsn(r, lead0=r.random() < 0.06)
        self.patnr = str(r.randint(10000, 999999))
        mailuser = (self.first[0] + self.last.replace(" ", "").replace("-", "")).lower()
        mailuser = mailuser.encode("ascii", "ignore").decode() or "user"
        self.email = f"{mailuser}{r.randint(1, 99)}@{r.choice(['mail.example', 'webmail.example', 'post.example', 'inbox.example'])}"

    def addr(self, sep=", "):
        return f"{self.street}{sep}{self.pc} {self.city}"


# ----------------------------------------------------------------------------- binary builders
ZDATE = (2025, 3, 14, 9, 30, 0)


def mkzip(files):
    bio = io.BytesIO()
    with zipfile.ZipFile(bio, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files:
            zi = zipfile.ZipInfo(name, ZDATE)
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)
    return bio.getvalue()


_CRCT = []
for _n in range(256):
    _c = _n
    for _ in range(8):
        _c = (_c >> 1) ^ 0xEDB88320 if _c & 1 else _c >> 1
    _CRCT.append(_c)


def _crc_b(crc, b):
    return _CRCT[(crc ^ b) & 0xFF] ^ (crc >> 8)


def zipcrypto_zip(files, pwd, r):
    """Traditional PKWARE (ZipCrypto) encrypted zip, written by hand."""
    out = io.BytesIO()
    central = []
    for name, data in files:
        if isinstance(data, str):
            data = data.encode("utf-8")
        crc = binascii.crc32(data) & 0xFFFFFFFF
        co = zlib.compressobj(9, zlib.DEFLATED, -15)
        comp = co.compress(data) + co.flush()
        k = [305419896, 591751049, 878082192]

        def upd(c):
            k[0] = _crc_b(k[0], c)
            k[1] = ((k[1] + (k[0] & 0xFF)) * 134775813 + 1) & 0xFFFFFFFF
            k[2] = _crc_b(k[2], k[1] >> 24)

        for ch in pwd.encode():
            upd(ch)
        hdr = bytes(r.randint(0, 255) for _ in range(11)) + bytes([(crc >> 24) & 0xFF])
        enc = bytearray()
        for p in hdr + comp:
            t = k[2] | 2
            enc.append(p ^ (((t * (t ^ 1)) >> 8) & 0xFF))
            upd(p)
        dtime = (9 << 11) | (30 << 5)
        ddate = ((2025 - 1980) << 9) | (3 << 5) | 14
        nb = name.encode()
        off = out.tell()
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 1, 8, dtime, ddate, crc, len(enc), len(data), len(nb), 0) + nb + bytes(enc))
        central.append(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 1, 8, dtime, ddate, crc, len(enc), len(data), len(nb), 0, 0, 0, 0, 0x20, off) + nb)
    cd_off = out.tell()
    cd = b"".join(central)
    out.write(cd)
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(files), len(files), len(cd), cd_off, 0))
    return out.getvalue()


def pdf_escape(s):
    return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


PDF_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def rc4(key, data):
    S = list(range(256))
    j = 0
    for i in range(256):
        j = (j + S[i] + key[i % len(key)]) & 0xFF
        S[i], S[j] = S[j], S[i]
    i = j = 0
    out = bytearray()
    for b in data:
        i = (i + 1) & 0xFF
        j = (j + S[i]) & 0xFF
        S[i], S[j] = S[j], S[i]
        out.append(b ^ S[(S[i] + S[j]) & 0xFF])
    return bytes(out)


def mkpdf(pages, split_token=None, reverse=False, password=None, compress=True, title="Document"):
    """pages: list of list of lines. split_token: a string drawn in 3 separate text objects.
    reverse: emit split pieces in reverse order in the content stream. password: RC4-40 user password."""
    objs = {}
    n_pages = len(pages)
    font_id = 3
    page_ids, content_ids = [], []
    nxt = 4
    for _ in pages:
        page_ids.append(nxt)
        content_ids.append(nxt + 1)
        nxt += 2
    streams = []
    for lines in pages:
        ops = []
        y = 800
        for ln in lines:
            if split_token and split_token in ln:
                pre, post = ln.split(split_token, 1)
                t = split_token
                pieces = [pre, t[:3], t[3:6], t[6:], post]
                x = 56.0
                segs = []
                for pc in pieces:
                    if pc:
                        segs.append((x, pc))
                    x += sum(556 if ch.isdigit() else 500 for ch in pc) * 11 / 1000.0
                if reverse:
                    segs = segs[::-1]
                for (xx, pc) in segs:
                    ops.append(f"BT /F1 11 Tf 1 0 0 1 {xx:.2f} {y} Tm ({pdf_escape(pc)}) Tj ET")
            else:
                ops.append(f"BT /F1 11 Tf 1 0 0 1 56 {y} Tm ({pdf_escape(ln)}) Tj ET")
            y -= 15
            if y < 60:
                y = 60
        streams.append("\n".join(ops).encode("cp1252", "replace"))
    ID0 = hashlib.md5(("".join("".join(p) for p in pages)).encode("utf-8")).digest()
    enc_key = None
    O = U = None
    P = -44
    if password:
        pw = (password.encode() + PDF_PAD)[:32]
        own = (b"owner-" + password.encode() + PDF_PAD)[:32]
        okey = hashlib.md5(own).digest()[:5]
        O = rc4(okey, pw)
        enc_key = hashlib.md5(pw + O + struct.pack("<i", P) + ID0).digest()[:5]
        U = rc4(enc_key, PDF_PAD)
    objs[1] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objs[2] = ("<< /Type /Pages /Kids [" + " ".join(f"{p} 0 R" for p in page_ids) + f"] /Count {n_pages} >>").encode()
    objs[font_id] = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    for pid, cid, st in zip(page_ids, content_ids, streams):
        objs[pid] = f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents {cid} 0 R >>".encode()
        data = zlib.compress(st) if compress else st
        if enc_key:
            okey2 = hashlib.md5(enc_key + cid.to_bytes(3, "little") + b"\x00\x00").digest()[:10]
            data = rc4(okey2, data)
        filt = " /Filter /FlateDecode" if compress else ""
        objs[cid] = f"<< /Length {len(data)}{filt} >>\nstream\n".encode() + data + b"\nendstream"
    n = max(objs)
    if enc_key:
        n += 1
        objs[n] = f"<< /Filter /Standard /V 1 /R 2 /O <{O.hex()}> /U <{U.hex()}> /P {P} >>".encode()
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offs = {}
    for i in range(1, n + 1):
        offs[i] = out.tell()
        out.write(f"{i} 0 obj\n".encode() + objs[i] + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {n+1}\n0000000000 65535 f \n".encode())
    for i in range(1, n + 1):
        out.write(f"{offs[i]:010d} 00000 n \n".encode())
    tr = f"trailer\n<< /Size {n+1} /Root 1 0 R /ID [<{ID0.hex()}> <{ID0.hex()}>]"
    if enc_key:
        tr += f" /Encrypt {n} 0 R"
    tr += f" >>\nstartxref\n{xref}\n%%EOF\n"
    out.write(tr.encode())
    return out.getvalue()


def xml_esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def mkdocx(paras, split_token=None):
    body = []
    for p in paras:
        if split_token and split_token in p:
            pre, post = p.split(split_token, 1)
            t = split_token
            runs = [pre, t[:2], t[2:5], t[5:7], t[7:], post]
            body.append("<w:p>" + "".join(f'<w:r><w:t xml:space="preserve">{xml_esc(x)}</w:t></w:r>' for x in runs if x) + "</w:p>")
        else:
            body.append(f'<w:p><w:r><w:t xml:space="preserve">{xml_esc(p)}</w:t></w:r></w:p>')
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           "<w:body>" + "".join(body) + "</w:body></w:document>")
    ct = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
    return mkzip([("[Content_Types].xml", ct), ("_rels/.rels", rels), ("word/document.xml", doc)])


def mkxlsx(rows, numeric_cols=()):
    def col(i):
        return chr(65 + i)
    xr = []
    for ri, row in enumerate(rows, 1):
        cells = []
        for ci, v in enumerate(row):
            ref = f"{col(ci)}{ri}"
            if ri > 1 and ci in numeric_cols and str(v).isdigit() and not str(v).startswith("0"):
                cells.append(f'<c r="{ref}"><v>{int(v)}</v></c>')
            else:
                cells.append(f'<c r="{ref}" t="inlineStr"><is><t>{xml_esc(str(v))}</t></is></c>')
        xr.append(f'<row r="{ri}">' + "".join(cells) + "</row>")
    sheet = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
             + "".join(xr) + "</sheetData></worksheet>")
    wb = ('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
          'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>')
    wbrels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
              '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
    ct = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
          '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    return mkzip([("[Content_Types].xml", ct), ("_rels/.rels", rels), ("xl/workbook.xml", wb), ("xl/_rels/workbook.xml.rels", wbrels), ("xl/worksheets/sheet1.xml", sheet)])


def tiny_png(r):
    w, h = 24, 8
    col = bytes([r.randint(0, 255), r.randint(60, 200), r.randint(100, 255)])
    raw = b"".join(b"\x00" + col * w for _ in range(h))

    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", binascii.crc32(t + d) & 0xFFFFFFFF)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


def ics(r, summary, start, loc, desc, uid):
    s = start.strftime("%Y%m%dT%H%M00")
    e = (start + dt.timedelta(minutes=r.choice([10, 20, 30, 60]))).strftime("%Y%m%dT%H%M00")
    desc = desc.replace("\n", "\\n").replace(",", "\\,")
    return ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//blind3//NL\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\n"
            f"UID:{uid}\r\nDTSTAMP:20250301T080000Z\r\nDTSTART;TZID=Europe/Amsterdam:{s}\r\nDTEND;TZID=Europe/Amsterdam:{e}\r\n"
            f"SUMMARY:{summary}\r\nLOCATION:{loc}\r\nDESCRIPTION:{desc}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")


# ----------------------------------------------------------------------------- content genres
def L(bsn=0, health=0, personal=0, unscannable=0):
    return {"bsn": bsn, "health": health, "personal": personal, "unscannable": unscannable}


def practice(r):
    name, dom = r.choice(PRACTICES)
    return {"name": name, "dom": dom, "info": f"{r.choice(['info', 'assistentie', 'receptie', 'praktijk'])}@{dom}",
            "gp": r.choice(GPS), "assist": r.choice(ASSIST), "tel": landline(r), "agb": agb(r, "01"),
            "addr": f"{r.choice(STREETS)} {r.randint(1, 99)}, {postcode(r)} {r.choice(CITIES)}"}


def sig(r, p, who=None, lang="nl"):
    who = who or r.choice([p["gp"], p["assist"]])
    lines = [r.choice(["Met vriendelijke groet,", "Met vriendelijke groeten,", "Hartelijke groet,", "Mvg,", "Groet,"]) if lang == "nl" else r.choice(["Kind regards,", "Best wishes,", "Regards,"]),
             "", who, p["name"], p["addr"], f"T {p['tel']}"]
    if r.random() < 0.4:
        lines.append(f"AGB-code praktijk: {p['agb']}")
    if r.random() < 0.3:
        lines.append("Dit bericht kan vertrouwelijke informatie bevatten. Bent u niet de geadresseerde, verwijder het dan." if lang == "nl" else
                     "This message may contain confidential information. If you are not the addressee, please delete it.")
    return "\n".join(lines)


def typo(r, s, rate=0.04):
    out = []
    for ch in s:
        x = r.random()
        if ch.isalpha() and x < rate / 3:
            continue
        if ch.isalpha() and x < rate * 2 / 3:
            out.append(ch + ch)
            continue
        if ch.isalpha() and x < rate:
            out.append(r.choice("aeiounrst"))
            continue
        out.append(ch)
    return "".join(out)


def g_patient_informal(r):
    lang = "en" if r.random() < 0.25 else "nl"
    pt = Person(r, minage=18, maxage=80)
    p = practice(r)
    tags = ["patient-informal"]
    with_dob = r.random() < 0.55
    if lang == "nl":
        c = r.choice(COMPLAINTS_NL)
        body = r.choice([f"hoi,\n\nik heb {c}. kan ik deze week nog langs komen bij de dokter?",
                         f"Goedemorgen, ik heb sinds kort {c}. Moet ik een afspraak maken of kan de dokter me terugbellen??",
                         f"hallo dokter\nik heb {c} en de paracetamol helpt niet echt. wat moet ik doen"])
        if with_dob:
            body += r.choice([f"\n\nmijn geboortedatum is {fdate(r, pt.dob)}", f"\n\n{pt.full}, geb. {fdate(r, pt.dob)}", f"\n\nvoor de zekerheid: geboren {fdate(r, pt.dob)}"])
        body = typo(r, body, 0.03 if r.random() < 0.5 else 0.0)
        if r.random() < 0.5:
            body = body.lower()
        body += "\n\n" + r.choice([pt.first, f"groetjes {pt.first}", f"gr {pt.first.lower()}", f"Groet,\n{pt.first}", "verstuurd vanaf mijn iPhone"])
        subj = r.choice(["vraag", "afspraak", "klachten", "", "Vraagje aan de dokter", "hulp nodig"])
    else:
        c = r.choice(COMPLAINTS_EN)
        body = r.choice([f"Hi,\n\nI have had {c}. Could I see a doctor this week? I'm new to the practice and don't speak much Dutch.",
                         f"hello, i've got {c}, is it ok to come in tomorrow morning?"])
        if with_dob:
            body += f"\n\nMy name is {pt.full}, date of birth {fdate(r, pt.dob, 'en')}."
        body += f"\n\nThanks,\n{pt.first}"
        subj = r.choice(["appointment", "Question", "need to see a doctor", ""])
        tags.append("english")
    tags.append(f"origin-{pt.origin}")
    tags.append("self-dob" if with_dob else "first-name-only")
    # health about the sender (identifiable via mailbox); personal only when name + DOB is given
    personal = int(with_dob)  # sender's name (From header / signature) together with a date of birth
    return dict(frm=(pt.first if r.random() < 0.5 else pt.full, pt.email), to=[(p["name"], p["info"])], subject=subj, text=body, lang=lang,
                L=L(health=1, personal=personal), tags=tags)


def g_parent_child(r):
    kid = Person(r, minage=0, maxage=15)
    parent = Person(r, origin=kid.origin)
    parent.last = kid.last
    p = practice(r)
    c = r.choice(["oorpijn en koorts van 39,4", "een rode plek op zijn been die groter wordt", "al een week diarree", "hoest 's nachts heel erg en is benauwd",
                  "waterpokken denk ik", "klaagt over buikpijn na school", "plast weer in bed en is erg angstig sinds de scheiding"])
    body = (f"Beste assistente,\n\nMijn {'zoon' if kid.gender == 'm' else 'dochter'} {kid.first} (geboren {fdate(r, kid.dob)}) heeft {c}. "
            f"Kunnen we vandaag nog terecht? U kunt mij bellen op {parent.phone}.\n\nAlvast bedankt,\n{parent.full}")
    if r.random() < 0.4:
        body = body.replace("Beste assistente", "hoi").lower()
    return dict(frm=(parent.full, parent.email), to=[(p["name"], p["info"])], subject=r.choice([f"{kid.first} ziek", "afspraak kind", "vraag over mijn kind"]),
                text=body, lang="nl", L=L(health=1, personal=1), tags=["patient-informal", "parent-about-child", f"origin-{kid.origin}"])


def g_repeat_rx(r):
    pt = Person(r, minage=30, maxage=92)
    p = practice(r)
    meds = r.sample(MEDS, r.randint(1, 4))
    lang = "en" if r.random() < 0.12 else "nl"
    tags = ["repeat-prescription"]
    idline = r.choice([f"geboortedatum {fdate(r, pt.dob)}", f"geb. {fdate(r, pt.dob)}", f"patiëntnummer {pt.patnr}", f"{pt.addr()}"])
    include_bsn = r.random() < 0.3
    if lang == "nl":
        body = r.choice(["Goedendag,\n\nGraag wil ik herhaalrecepten voor:\n", "hallo, mag ik weer nieuwe medicijnen:\n", "Beste praktijk,\n\nMijn medicatie is bijna op. Het gaat om:\n"])
        body += "\n".join(f"- {m}" for m in meds)
        body += f"\n\nGraag klaarzetten bij {r.choice(['Apotheek De Gaper', 'Apotheek Zuid', 'BENU Apotheek Centrum', 'de Service Apotheek'])}.\n\n{pt.full}\n{idline}"
        if include_bsn:
            body += f"\n{bsn_kw(r)} {fmt_bsn(r, pt.bsn)}"
            tags.append("bsn-self")
        subj = r.choice(["herhaalrecept", "Herhaalrecept aanvraag", "medicijnen", f"recept {pt.last}"])
    else:
        body = "Hello,\n\nCould you please renew my prescriptions:\n" + "\n".join(f"* {m}" for m in meds) + f"\n\nThank you,\n{pt.full}\n{idline}"
        if include_bsn:
            body += f"\nBSN {fmt_bsn(r, pt.bsn)}"
            tags.append("bsn-self")
        subj = "repeat prescription"
        tags.append("english")
    if r.random() < 0.3:
        body = typo(r, body, 0.02)
        tags.append("typos")
    return dict(frm=(pt.full, pt.email), to=[(p["name"], p["info"])], subject=subj, text=body, lang=lang,
                L=L(bsn=int(include_bsn), health=1, personal=1), tags=tags)


def g_referral(r):
    pt = Person(r, minage=18, maxage=90)
    p = practice(r)
    hosp, hdom = r.choice(HOSPITALS)
    spec = r.choice(SPECIALTIES)
    d = r.choice(DIAG)
    meds = r.sample(MEDS, r.randint(1, 4))
    lab = lab_value(r, r.choice(LABS))
    lang = "en" if r.random() < 0.1 else "nl"
    bsn_in = r.random() < 0.7
    bfmt = fmt_bsn(r, pt.bsn)
    if lang == "nl":
        lines = [f"Verwijzing naar {spec[0]}", "", f"Patiënt: {pt.formal}", f"Geboortedatum: {fdate(r, pt.dob)}", f"Adres: {pt.addr()}"]
        if bsn_in:
            lines.append(f"{bsn_kw(r)} {bfmt}")
        lines += ["", f"Geachte collega {spec[1]},", "",
                  f"Graag verwijs ik bovengenoemde patiënt naar u in verband met {r.choice(['toenemende klachten', 'een afwijkende uitslag', 'onvoldoende effect van de behandeling', 'verdenking op progressie'])}. "
                  f"Voorgeschiedenis: {d[0]} {d[1]}.", f"Laatste lab: {lab[0]} {lab[1]} {lab[2]} ({fdate(r, rdate(r))}).",
                  "Huidige medicatie:"] + [f"  {m}" for m in meds] + ["", r.choice(["Graag uw beoordeling en advies.", "Wilt u haar/hem beoordelen en zo nodig behandelen?", "Vraagstelling: diagnostiek en beleid."])]
    else:
        lines = [f"Referral to {spec[2]}", "", f"Patient: {pt.full}", f"DOB: {fdate(r, pt.dob, 'en')}"]
        if bsn_in:
            lines.append(f"{bsn_kw(r, 'en')} {bfmt}")
        lines += ["", "Dear colleague,", "", f"I would be grateful if you could see this patient with {d[2]}. Current medication: {', '.join(meds)}.",
                  f"Most recent {lab[0]}: {lab[1]} {lab[2]}."]
    text = "\n".join(lines) + "\n\n" + sig(r, p, p["gp"], lang)
    return dict(frm=(p["gp"], f"huisarts@{p['dom']}"), to=[(f"Polikliniek {spec[0]}", f"poli-{spec[0].split()[0].lower()}@{hdom}")],
                subject=r.choice([f"Verwijzing {pt.formal_short}", "Verwijsbrief", f"verwijzing {spec[0]}", "Nieuwe verwijzing"]) if lang == "nl" else "Referral letter",
                text=text, lang=lang, L=L(bsn=int(bsn_in), health=1, personal=1), tags=["referral"] + (["english"] if lang == "en" else []),
                bsn=pt.bsn if bsn_in else None, bsn_fmt=bfmt if bsn_in else None)


def g_discharge(r):
    pt = Person(r, minage=40, maxage=95)
    p = practice(r)
    hosp, hdom = r.choice(HOSPITALS)
    spec = r.choice(SPECIALTIES)
    d = r.choice(DIAG)
    adm = rdate(r)
    dis = adm + dt.timedelta(days=r.randint(1, 14))
    bsn_in = r.random() < 0.6
    bfmt = fmt_bsn(r, pt.bsn)
    lines = [f"{hosp} – afdeling {spec[0]}", "ONTSLAGBRIEF", "", f"Betreft: {pt.formal}, geb. {fdate(r, pt.dob)}", f"Patiëntnummer ziekenhuis: {r.randint(1000000, 9999999)}"]
    if bsn_in:
        lines.append(f"{bsn_kw(r)} {bfmt}")
    lines += ["", f"Opname: {fdate(r, adm)}  Ontslag: {fdate(r, dis)}", f"Diagnose: {d[1]}", "",
              f"Beloop: patiënt werd opgenomen met {r.choice(['dyspnoe', 'pijn op de borst', 'koorts en verwardheid', 'een val met heupfractuur', 'ontregelde glucosewaarden'])}. "
              f"{r.choice(['Herstel verliep voorspoedig.', 'Na antibiotica i.v. snel verbeterd.', 'Er is gestart met nieuwe medicatie.'])}",
              "Ontslagmedicatie:"] + [f"  {m}" for m in r.sample(MEDS, 3)] + ["", "Beleid: controle polikliniek over 6 weken. Graag bij huisarts nierfunctie over 2 weken.",
                                                                              "", f"Met collegiale groet,\n{r.choice(['dr. R. Hoekstra', 'dr. P. Smeets', 'E. Groen, arts-assistent'])}, {spec[1]}"]
    return dict(frm=(f"Secretariaat {spec[0]}", f"secretariaat.{spec[0].split()[0].lower()}@{hdom}"), to=[(p["name"], f"huisarts@{p['dom']}")],
                subject=r.choice(["Ontslagbrief", f"Ontslagbericht {pt.formal_short}", "Correspondentie opname", "Brief na opname"]),
                text="\n".join(lines), lang="nl", L=L(bsn=int(bsn_in), health=1, personal=1), tags=["discharge-letter", "hospital-secretary"],
                bsn=pt.bsn if bsn_in else None, bsn_fmt=bfmt if bsn_in else None)


def g_lab(r):
    pt = Person(r, minage=20, maxage=90)
    p = practice(r)
    labs = r.sample(LABS, r.randint(2, 6))
    vals = [lab_value(r, l) for l in labs]
    labname = r.choice(["Saltro", "Atal Medial", "Certe", "Star-shl", "Regionaal Lab Midden"])
    labdom = labname.lower().replace(" ", "").replace("-", "") + ".example"
    bsn_in = r.random() < 0.5
    req = make_non_elf9(r)
    tags = ["lab-result"]
    if r.random() < 0.55:
        rows = "".join(f"<tr><td>{n}</td><td style='text-align:right'>{v}</td><td>{u}</td></tr>" for n, v, u in vals)
        bsn_html = ""
        if bsn_in:
            style = r.choice(["nbsp", "entity", "span", "plain"])
            b = pt.bsn
            if style == "nbsp":
                bsn_html = f"{b[:3]}&nbsp;{b[3:6]}&nbsp;{b[6:]}"
            elif style == "entity":
                bsn_html = "".join(f"&#{ord(c)};" if i < 3 else c for i, c in enumerate(b))
            elif style == "span":
                bsn_html = f"<span>{b[:4]}</span><span>{b[4:]}</span>"
            else:
                bsn_html = b
            tags.append(f"html-bsn-{style}")
        html = (f"<html><body><p>Uitslagen aanvraag {req}</p><table border='1'><tr><th>Patiënt</th><td>{xml_esc(pt.full)}</td></tr>"
                f"<tr><th>Geb.datum</th><td>{fdate(r, pt.dob)}</td></tr>" + (f"<tr><th>BSN</th><td>{bsn_html}</td></tr>" if bsn_in else "") +
                f"</table><br><table border='1'><tr><th>Bepaling</th><th>Uitslag</th><th>Eenheid</th></tr>{rows}</table>"
                f"<p>Afgenomen {fdate(r, rdate(r))}. Aanvrager: {p['gp']}</p><p>{labname}</p></body></html>")
        tags.append("html-table")
        return dict(frm=(labname, f"uitslagen@{labdom}"), to=[(p["gp"], f"huisarts@{p['dom']}")], subject=r.choice(["Labuitslagen", f"Uitslag aanvraag {req}", "Nieuwe uitslagen beschikbaar"]),
                    text=None, html=html, lang="nl", L=L(bsn=int(bsn_in), health=1, personal=1), tags=tags, nowrap=True)
    lines = [f"Aanvraagnummer: {req}", f"Patiënt: {pt.last}, {pt.init} ({pt.gender.upper()})  geb. {fdate(r, pt.dob)}"]
    if bsn_in:
        lines.append(f"{bsn_kw(r)} {fmt_bsn(r, pt.bsn)}")
    lines.append("")
    for n, v, u in vals:
        lines.append(f"{n:<20}{v:>8} {u}")
    lines += ["", f"Met vriendelijke groet,\n{labname}"]
    return dict(frm=(labname, f"uitslagen@{labdom}"), to=[(p["gp"], f"huisarts@{p['dom']}")], subject="Uitslagen laboratorium", text="\n".join(lines),
                lang="nl", L=L(bsn=int(bsn_in), health=1, personal=1), tags=tags, bsn=pt.bsn if bsn_in else None)


def g_physio(r):
    pt = Person(r, minage=16, maxage=85)
    p = practice(r)
    comp = r.choice(["schouderklachten rechts", "lage rugpijn", "revalidatie na VKB-reconstructie", "nekklachten", "enkeldistorsie links", "COPD-training"])
    body = (f"Beste {p['gp']},\n\nHierbij een korte terugrapportage over {pt.formal}, geboren {fdate(r, pt.dob)}, die sinds {fdate(r, rdate(r))} bij ons in behandeling is voor {comp}.\n"
            f"Na {r.randint(4, 18)} behandelingen is er {r.choice(['duidelijke verbetering', 'weinig progressie', 'volledig herstel van functie'])}. "
            f"{r.choice(['Behandeling wordt afgesloten.', 'Wij adviseren verwijzing naar de orthopeed.', 'Patiënt gaat zelfstandig verder met oefeningen.'])}\n\n"
            f"Met collegiale groet,\n{r.choice(['Mark Verbeek', 'Ilse Jonker', 'Rob de Haan'])}, fysiotherapeut\nFysiotherapie {r.choice(['De Brug', 'Centrum', 'In Beweging'])}\nAGB {agb(r, '04')}")
    return dict(frm=("Fysiotherapie praktijk", f"info@fysio-{r.choice(['debrug', 'centrum', 'inbeweging'])}.example"), to=[(p["gp"], f"huisarts@{p['dom']}")],
                subject=r.choice(["Terugrapportage fysiotherapie", f"Eindverslag {pt.formal_short}", "verslag behandeling"]), text=body, lang="nl",
                L=L(health=1, personal=1), tags=["physiotherapist"])


def g_pharmacy(r):
    pt = Person(r, minage=30, maxage=95)
    p = practice(r)
    m1, m2 = r.sample(MEDS, 2)
    apo = r.choice(["Apotheek De Gaper", "Apotheek Zuid", "BENU Apotheek Centrum", "Service Apotheek Oost"])
    kind = r.choice(["interaction", "dose", "stock"])
    if kind == "interaction":
        q = f"Bij het verwerken van een recept voor {m1} zien wij een interactie met {m2}. Wilt u aangeven of dit bewust is?"
    elif kind == "dose":
        q = f"Het recept voor {m1} lijkt een hogere dosering te hebben dan gebruikelijk gezien de eGFR van {r.randint(25, 45)}. Kunt u dit bevestigen?"
    else:
        q = f"{m1.split()[0].capitalize()} is momenteel niet leverbaar. Wij stellen voor om patiënt tijdelijk over te zetten op een alternatief. Akkoord?"
    who = r.choice([f"{pt.formal}, geb. {fdate(r, pt.dob)}", f"{pt.full} ({fdate(r, pt.dob)})", f"{pt.formal_short}, {pt.addr()}"])
    body = f"Geachte collega,\n\nBetreft: {who}\n\n{q}\n\nMet vriendelijke groet,\n{r.choice(['A. Meulenbelt', 'S. Chaouch', 'K. Dijkstra'])}, apotheker\n{apo}"
    return dict(frm=(apo, f"recepten@{apo.lower().replace(' ', '-')}.example"), to=[(p["gp"], f"huisarts@{p['dom']}")],
                subject=r.choice(["Medicatiebewaking", "Vraag over recept", "Interactiesignaal", "Leveringsprobleem - vraag"]),
                text=body, lang="nl", L=L(health=1, personal=1), tags=["pharmacist", f"pharmacy-{kind}"])


def g_ggz(r):
    pt = Person(r, minage=16, maxage=70)
    p = practice(r)
    d = r.choice(["depressieve stoornis, matig", "gegeneraliseerde angststoornis", "PTSS", "ADHD", "paniekstoornis", "borderline persoonlijkheidsproblematiek", "eetstoornis"])
    sender = r.choice([("POH-GGZ", f"poh-ggz@{p['dom']}"), ("GGZ Centraal Midden", "intake@ggz-centraalmidden.example"), ("Psychologenpraktijk Zinnig", "info@psy-zinnig.example")])
    body = (f"Beste {p['gp']},\n\nHierbij informeer ik u over {pt.formal} (geb. {fdate(r, pt.dob)}). Na de intake op {fdate(r, rdate(r))} is de werkhypothese: {d}. "
            f"{r.choice(['We starten met CGT, 12 sessies.', 'Er is geen acuut suïciderisico; wel zorgen over middelengebruik.', 'Patiënt staat op de wachtlijst voor de basis-GGZ.', 'Advies: sertraline op te hogen naar 100 mg.'])}\n\n"
            f"Met vriendelijke groet,\n{r.choice(['Joyce van Dam', 'drs. T. Bakker', 'N. Öztürk'])}\n{sender[0]}")
    tags = ["ggz"]
    if sender[0] == "POH-GGZ":
        tags.append("internal")
    return dict(frm=sender, to=[(p["gp"], f"huisarts@{p['dom']}")], subject=r.choice(["Terugkoppeling intake", "Verslag GGZ", "Behandelplan", "Info cliënt"]),
                text=body, lang="nl", L=L(health=1, personal=1), tags=tags)


def g_youthcare(r):
    kid = Person(r, minage=3, maxage=17)
    p = practice(r)
    gem = r.choice(CITIES)
    body = (f"Geachte huisarts,\n\nVanuit het wijkteam Jeugd van de gemeente {gem} zijn wij betrokken bij {kid.full}, geboren {fdate(r, kid.dob)}, wonend {kid.addr()}.\n"
            f"{r.choice(['Er zijn zorgen over schoolverzuim en somberheid.', 'Moeder geeft aan dat er sprake is van driftbuien en slaapproblemen.', 'Er loopt een onderzoek naar de thuissituatie.', 'De jeugdige is aangemeld voor diagnostiek naar autisme.'])}\n"
            f"Wij willen graag een verwijzing voor {r.choice(['jeugd-GGZ', 'ambulante jeugdhulp', 'specialistische diagnostiek'])}. Toestemming van ouders is aanwezig.\n\n"
            f"Met vriendelijke groet,\n{r.choice(['Kim Hofman', 'Sevda Kılıç', 'Arjen Wols'])}, jeugdconsulent\nGemeente {gem}")
    return dict(frm=(f"Wijkteam Jeugd {gem}", f"jeugd@gemeente-{gem.lower().replace(' ', '')}.example"), to=[(p["gp"], f"huisarts@{p['dom']}")],
                subject=r.choice(["Verzoek verwijzing jeugdhulp", "Jeugdige in zorg", "Overleg jeugd"]), text=body, lang="nl",
                L=L(health=1, personal=1), tags=["youth-care", "municipality"])


def g_district_nurse(r):
    pt = Person(r, minage=60, maxage=98)
    p = practice(r)
    org = r.choice(["Buurtzorg team Oost", "Thuiszorg Vitaal", "Wijkverpleging Careyn", "Zorggroep De Waarden"])
    body = r.choice([
        f"Hoi dokter,\n\nBij mevr./dhr. {pt.last} ({pt.street}) is de wond aan het onderbeen verslechterd: rood, warm, meer exsudaat. Temp 38,1. Wil je even komen kijken of antibiotica voorschrijven?\n",
        f"Beste huisarts,\n\nBij cliënt {pt.full}, geb. {fdate(r, pt.dob)}, meten wij al dagen glucosewaarden boven de 15. Insuline aanpassen?\n",
        f"Goedemiddag,\n\n{pt.formal} ({pt.addr()}) is vanochtend gevallen, geen fractuur vermoed maar wel verward. Sinds gisteren nieuwe medicatie: {r.choice(MEDS)}.\n"])
    body += f"\nGroet,\n{r.choice(['Anouk', 'Gerrit', 'Saskia'])}, wijkverpleegkundige\n{org}\n{mobile(r)}"
    return dict(frm=(org, f"team@{org.split()[0].lower()}.example"), to=[(p["name"], f"huisarts@{p['dom']}")], subject=r.choice(["Vraag wijkverpleging", "cliënt wond", "urgent: glucose", "val cliënt"]),
                text=body, lang="nl", L=L(health=1, personal=1), tags=["district-nurse"])


def g_nursing_home(r):
    pt = Person(r, minage=70, maxage=100)
    p = practice(r)
    home = r.choice(["Woonzorgcentrum De Hofstede", "Verpleeghuis Rosendael", "Zorgcentrum Het Lichtpunt"])
    body = (f"Beste collega,\n\nMevrouw/meneer {pt.last}, geboren {fdate(r, pt.dob)}, is per {fdate(r, rdate(r))} opgenomen op onze PG-afdeling en valt vanaf dan onder de specialist ouderengeneeskunde.\n"
            f"Graag ontvangen wij het HIS-dossier (episodelijst en medicatieoverzicht). Bekend met {r.choice(DIAG)[1].lower()} en {r.choice(DIAG)[1].lower()}.\n\n"
            f"Met vriendelijke groet,\n{r.choice(['M. Teunissen', 'dr. F. Halsema'])}, specialist ouderengeneeskunde\n{home}")
    return dict(frm=(home, f"sog@{home.split()[-1].lower()}.example"), to=[(p["gp"], f"huisarts@{p['dom']}")], subject="Overdracht cliënt / opvragen dossier",
                text=body, lang="nl", L=L(health=1, personal=1), tags=["nursing-home"])


def g_wmo(r):
    pt = Person(r, minage=40, maxage=95)
    p = practice(r)
    gem = r.choice(CITIES)
    bsn_in = r.random() < 0.6
    ask = r.choice(["een scootmobiel", "huishoudelijke hulp", "een traplift", "begeleiding individueel", "een rolstoel"])
    body = (f"Geachte heer/mevrouw,\n\nIn het kader van een Wmo-aanvraag voor {ask} van {pt.formal}, {pt.addr()}"
            + (f" ({bsn_kw(r)} {fmt_bsn(r, pt.bsn)})" if bsn_in else "") +
            f", verzoeken wij u om medische informatie over de beperkingen van betrokkene. Een machtiging van de aanvrager is bijgevoegd.\n"
            f"Kenmerk: WMO-{rdate(r).year}-{r.randint(10000, 99999)}\n\nMet vriendelijke groet,\nWmo-consulent gemeente {gem}")
    health = 0
    if r.random() < 0.5:
        body += f"\n\nAanvrager geeft aan te lijden aan {r.choice(DIAG)[1].lower()} en sinds kort slecht ter been te zijn."
        health = 1
    return dict(frm=(f"Gemeente {gem} - Wmo", f"wmo@gemeente-{gem.lower().replace(' ', '')}.example"), to=[(p["name"], p["info"])],
                subject=r.choice(["Verzoek medische informatie Wmo", "Wmo-aanvraag", "Informatieverzoek"]), text=body, lang="nl",
                L=L(bsn=int(bsn_in), health=health, personal=1), tags=["wmo", "municipality"] + ([] if health else ["personal-no-health"]))


def g_insurer(r):
    pt = Person(r, minage=18, maxage=90)
    p = practice(r)
    ins = r.choice(["Zilveren Kruis", "CZ", "VGZ", "Menzis", "DSW", "ONVZ"])
    bsn_in = r.random() < 0.75
    treat = r.choice(["bariatrische chirurgie", "een mammareductie", "ooglidcorrectie", "vergoeding incontinentiemateriaal", "een machtiging voor CGM-sensoren"])
    polis = make_non_elf9(r)
    body = (f"Geachte huisarts,\n\nVoor de beoordeling van een machtigingsaanvraag voor {treat} vragen wij uw medische gegevens van:\n\n"
            f"Naam: {pt.formal}\nGeboortedatum: {fdate(r, pt.dob)}\n" + (f"{bsn_kw(r)} {fmt_bsn(r, pt.bsn)}\n" if bsn_in else "") +
            f"Polisnummer: {polis}\n\nWij ontvangen graag uiterlijk binnen 14 dagen een reactie via ZorgMail.\n\nMet vriendelijke groet,\nMedisch Adviseur {ins}")
    return dict(frm=(f"{ins} Medische Advisering", f"medisch.advies@{ins.lower().replace(' ', '')}.example"), to=[(p["name"], p["info"])],
                subject=r.choice(["Verzoek medische informatie", "Machtigingsaanvraag", f"Informatieverzoek {polis}"]), text=body, lang="nl",
                L=L(bsn=int(bsn_in), health=1, personal=1), tags=["insurer", "polisnummer-9digit"])


def g_occupational(r):
    pt = Person(r, minage=20, maxage=66)
    p = practice(r)
    arbo = r.choice(["ArboNed", "Arbo Unie", "HumanCapitalCare", "Zorg van de Zaak"])
    body = (f"Geachte collega,\n\nMet schriftelijke toestemming van werknemer {pt.full} (geb. {fdate(r, pt.dob)}) vraag ik u om informatie. Betrokkene is sinds {fdate(r, rdate(r))} "
            f"arbeidsongeschikt in verband met {r.choice(['rugklachten', 'burn-out klachten', 'een hernia', 'hartritmestoornissen', 'depressieve klachten'])}. "
            f"Is er sprake van een behandeltraject en wat is de verwachte duur?\n\nMet collegiale groet,\n{r.choice(['drs. W. Koster', 'L. Ahmadi'])}, bedrijfsarts\n{arbo}")
    return dict(frm=(f"Bedrijfsarts {arbo}", f"bedrijfsarts@{arbo.lower().replace(' ', '')}.example"), to=[(p["gp"], f"huisarts@{p['dom']}")],
                subject="Informatieverzoek bedrijfsarts", text=body, lang="nl", L=L(health=1, personal=1), tags=["occupational-physician"])


def g_midwife(r):
    pt = Person(r, minage=20, maxage=42, gender="f")
    p = practice(r)
    wk = r.randint(8, 39)
    body = (f"Beste huisarts,\n\nTer info: {pt.full}, geboren {fdate(r, pt.dob)}, is bij ons in zorg. Zwangerschapsduur {wk}+{r.randint(0, 6)} weken, "
            f"{r.choice(['G1P0', 'G2P1', 'G3P2'])}. {r.choice(['Bloeddruk licht verhoogd, 145/92.', 'Hb 6,4, ijzer gestart.', 'Echo zonder bijzonderheden.', 'Verwezen naar gynaecoloog i.v.m. zwangerschapsdiabetes.'])}\n\n"
            f"Hartelijke groet,\n{r.choice(['Marit', 'Joyce', 'Hatice'])}, verloskundige\nVerloskundigenpraktijk {r.choice(['De Wieg', 'Bolle Buik', 'Geboortehuis'])}")
    return dict(frm=("Verloskundigenpraktijk", "info@verloskunde-dewieg.example"), to=[(p["gp"], f"huisarts@{p['dom']}")], subject=r.choice(["Info zwangere", "Overdracht verloskundige zorg"]),
                text=body, lang="nl", L=L(health=1, personal=1), tags=["midwife"])


def g_dentist(r):
    pt = Person(r, minage=30, maxage=90)
    p = practice(r)
    body = (f"Geachte collega,\n\nBij onze patiënt {pt.formal_short}, {pt.street}, {pt.city} willen wij {r.choice(['twee molaren extraheren', 'een implantaat plaatsen', 'een wortelkanaalbehandeling doen'])}. "
            f"Patiënt gebruikt volgens eigen zeggen {r.choice(['apixaban', 'acenocoumarol', 'clopidogrel'])}. Kan dit tijdelijk gestopt worden?\n\nMet vriendelijke groet,\nTandartspraktijk {r.choice(['Wit', 'Smile', 'Het Gebit'])}")
    return dict(frm=("Tandartspraktijk", "balie@tandarts-smile.example"), to=[(p["gp"], f"huisarts@{p['dom']}")], subject="Vraag antistolling patiënt",
                text=body, lang="nl", L=L(health=1, personal=1), tags=["dentist"])


def g_hospital_appt(r):
    pt = Person(r, minage=18, maxage=90)
    p = practice(r)
    hosp, hdom = r.choice(HOSPITALS)
    spec = r.choice(SPECIALTIES)
    when = dt.datetime.combine(rdate(r, 2025, 2025), dt.time(r.randint(8, 16), r.choice([0, 15, 30, 45])))
    body = (f"Beste {pt.first},\n\nHierbij bevestigen wij uw afspraak op de polikliniek {spec[0]} bij de {spec[1]} op {fdate(r, when.date(), style='long')} om {when:%H:%M}.\n"
            f"Neemt u uw medicijnoverzicht en legitimatiebewijs mee.\n\nPatiëntnummer: {pt.patnr}\n\n{hosp}")
    atts = [("afspraak.ics", "text", "calendar", ics(r, f"Afspraak {spec[1]} - {pt.full}", when, hosp, f"Patiënt {pt.full}, patnr {pt.patnr}", f"{r.randint(10**8, 10**9)}@{hdom}"), {"method": "REQUEST"})]
    return dict(frm=(hosp, f"afspraken@{hdom}"), to=[(pt.full, pt.email)], cc=[(p["name"], p["info"])] if r.random() < 0.3 else None,
                subject=r.choice(["Bevestiging afspraak", f"Uw afspraak {spec[0]}"]), text=body, lang="nl", atts=atts,
                L=L(health=1, personal=1), tags=["appointment", "ics"])


def g_bsn_only(r):
    """BSN with no name and no health data."""
    p = practice(r)
    b = make_bsn(r)
    lang = "nl"
    kind = r.choice(["check", "subject", "linebreak", "admin"])
    tags = ["bsn-only"]
    subj = r.choice(["vraagje", "controle", "Klopt dit nummer?"])
    if kind == "check":
        text = f"Hoi,\n\nKun je even nakijken of {bsn_kw(r)} {fmt_bsn(r, b)} goed in het HIS staat? De WID-check gaf een foutmelding.\n\nDank!\n{p['assist']}"
    elif kind == "subject":
        subj = r.choice([f"BSN {b}", f"controle {fmt_bsn(r, b, 'dots3')}", f"re: nummer {b}"])
        text = "Zie onderwerp, graag controleren. Dank je."
        tags.append("bsn-in-subject")
    elif kind == "linebreak":
        text = f"Graag dit burgerservicenummer koppelen aan de nieuwe inschrijving: {b[:5]}\n{b[5:]}\nGroet, {p['assist']}"
        tags.append("bsn-hard-linebreak")
    else:
        text = f"Beste collega,\n\nBij de declaratie is nummer {b} afgekeurd met retourcode 0512 (verzekerde onbekend). Wil je de gegevens opnieuw opvragen bij de patiënt?\n\n{p['assist']}"
    return dict(frm=(p["assist"], f"assistentie@{p['dom']}"), to=[("Praktijkmanager", f"management@{p['dom']}")], subject=subj, text=text, lang=lang,
                L=L(bsn=1), tags=tags + ["internal"], nowrap=(kind == "subject"))


def g_address_change(r):
    pt = Person(r)
    p = practice(r)
    body = (f"Beste collega's,\n\nAdreswijziging doorgegeven aan de balie:\n{pt.full}, geb. {fdate(r, pt.dob)}\nNieuw adres: {pt.addr()}\nNieuw tel: {pt.phone}\n\nWil iemand dit in het HIS aanpassen?\n{p['assist']}")
    return dict(frm=(p["assist"], f"balie@{p['dom']}"), to=[("Team", f"team@{p['dom']}")], subject=r.choice(["adreswijziging", "Wijziging gegevens patiënt", "nieuw adres"]),
                text=body, lang="nl", L=L(personal=1), tags=["address-change", "personal-no-health", "internal"])


def g_registration(r):
    pt = Person(r)
    p = practice(r)
    prev = practice(r)
    ins = r.choice(["Zilveren Kruis", "CZ", "VGZ", "Menzis"])
    rows = [("Achternaam", pt.last), ("Voornaam", pt.first), ("Geboortedatum", fdate(r, pt.dob)), ("Adres", pt.addr()), ("Telefoon", pt.phone),
            ("BSN", fmt_bsn(r, pt.bsn)), ("Zorgverzekeraar", ins), ("Polisnummer", make_non_elf9(r)), ("Vorige huisarts", prev["name"])]
    health = 0
    if r.random() < 0.5:
        rows.append(("Medicatie", r.choice(MEDS)))
        rows.append(("Allergieën", r.choice(["penicilline", "geen", "pinda", "NSAID's"])))
        health = 1 if rows[-2][1] else 0
    text = "Inschrijfformulier nieuwe patiënt\n\n" + "\n".join(f"{k}: {v}" for k, v in rows) + "\n\nIngediend via website."
    return dict(frm=("Website formulier", f"noreply@{p['dom']}"), to=[(p["name"], p["info"])], subject=r.choice(["Nieuwe inschrijving", "Inschrijfformulier", "Aanmelding nieuwe patiënt"]),
                text=text, lang="nl", L=L(bsn=1, health=health, personal=1), tags=["registration-form"] + ([] if health else ["personal-no-health"]), bsn=pt.bsn)


def g_dossier_transfer(r):
    pt = Person(r)
    p = practice(r)
    newp = practice(r)
    body = (f"Geachte collega,\n\nPatiënt {pt.formal} ({fdate(r, pt.dob)}, {bsn_kw(r)} {fmt_bsn(r, pt.bsn)}) is verhuisd en ingeschreven bij uw praktijk. "
            f"Via de bijlage ontvangt u het medisch dossier. Actieve episodes: {', '.join(d[0] + ' ' + d[1] for d in r.sample(DIAG, 2))}.\n\n" + sig(r, p, p["gp"]))
    return dict(frm=(p["name"], f"huisarts@{p['dom']}"), to=[(newp["name"], f"huisarts@{newp['dom']}")], subject="Dossieroverdracht", text=body, lang="nl",
                L=L(bsn=1, health=1, personal=1), tags=["dossier-transfer"], bsn=pt.bsn)


def g_hr_sick(r):
    p = practice(r)
    emp = Person(r, minage=20, maxage=64)
    reason = r.choice(["griep", "een migraineaanval", "rugklachten", "een operatie aan haar knie", "overspannenheid", "een longontsteking", "buikgriep"])
    body = r.choice([f"Hoi {p['gp'].split()[-1]},\n\nIk meld me ziek vandaag, ik heb {reason}. Morgen laat ik weten hoe het gaat.\n\n{emp.first}",
                     f"Ter info: {emp.full} is vanaf vandaag ziek i.v.m. {reason}. Verwachte duur {r.randint(2, 21)} dagen. Rooster wordt aangepast.\n\nPraktijkmanager"])
    personal = 0
    if r.random() < 0.3:
        body += f"\nThuisadres voor kaart: {emp.addr()}"
        personal = 1
    return dict(frm=(emp.full, f"{emp.first.lower()}@{p['dom']}".encode('ascii', 'ignore').decode()), to=[("Praktijkmanager", f"management@{p['dom']}")],
                subject=r.choice(["ziekmelding", "Ziek", "afwezig vandaag"]), text=body, lang="nl", L=L(health=1, personal=personal), tags=["hr-sick-note", "staff"])


def g_deceased(r):
    pt = Person(r, minage=60, maxage=100)
    p = practice(r)
    body = (f"Geachte collega,\n\nHierbij berichten wij u dat {pt.formal}, geboren {fdate(r, pt.dob)}, wonende {pt.addr()}, op {fdate(r, rdate(r))} is overleden "
            f"{r.choice(['in ons ziekenhuis ten gevolge van een CVA', 'thuis na een palliatief traject', 'in het hospice'])}.\n\nMet vriendelijke groet,\n{r.choice(HOSPITALS)[0]}")
    return dict(frm=("Afdeling Patiëntenadministratie", f"pa@{r.choice(HOSPITALS)[1]}"), to=[(p["name"], f"huisarts@{p['dom']}")], subject="Overlijdensbericht",
                text=body, lang="nl", L=L(health=1, personal=1), tags=["death-notice"])


def g_english_hospital(r):
    pt = Person(r, minage=18, maxage=80)
    p = practice(r)
    d = r.choice(DIAG)
    body = (f"Dear Dr,\n\nRe: {pt.full}, DOB {fdate(r, pt.dob, 'en')}, NHS-equivalent patient ID {pt.patnr}\n\nYour patient was seen in our emergency department in "
            f"{r.choice(['Antwerp', 'London', 'Düsseldorf', 'Lisbon'])} while on holiday with {d[2]}. She/he was treated with {r.choice(MEDS)} and advised to follow up with her/his GP.\n\n"
            f"Yours sincerely,\nDr {r.choice(['A. Patel', 'H. Müller', 'J. Costa'])}\nEmergency Department")
    return dict(frm=("Emergency Department", "ed-letters@hospital-abroad.example"), to=[(p["gp"], f"huisarts@{p['dom']}")], subject="Discharge summary – ED attendance",
                text=body, lang="en", L=L(health=1, personal=1), tags=["english", "foreign-hospital"])


def g_gp_reply_to_patient(r):
    pt = Person(r, minage=18, maxage=80)
    p = practice(r)
    lab = lab_value(r, r.choice(LABS))
    body = (f"Beste {r.choice([pt.formal, pt.first])},\n\nDe uitslag van uw bloedonderzoek is binnen: {lab[0]} {lab[1]} {lab[2]}. "
            f"{r.choice(['Dit is iets te hoog; de dokter wil u graag spreken.', 'Dit is normaal, u hoeft niets te doen.', 'We starten met ijzertabletten.'])}\n\n" + sig(r, p))
    return dict(frm=(p["name"], p["info"]), to=[(pt.full, pt.email)], subject=r.choice(["Uitslag bloedonderzoek", "Re: uitslag", "Uw uitslag"]), text=body, lang="nl",
                L=L(health=1, personal=0), tags=["gp-to-patient", "health-no-personal"])


def g_patient_list_csv(r):
    p = practice(r)
    n = r.randint(4, 12)
    pts = [Person(r, minage=60, maxage=95) for _ in range(n)]
    purpose = r.choice(["griepprik", "diabetescontrole", "COPD-controle", "CVRM-oproep"])
    with_bsn = r.random() < 0.5
    with_health = purpose != "griepprik" or r.random() < 0.5
    hdr = ["patnr", "naam", "geboortedatum"] + (["bsn"] if with_bsn else []) + (["indicatie"] if with_health else [])
    rows = [hdr]
    for x in pts:
        row = [x.patnr, x.full, x.dob.isoformat()] + ([x.bsn] if with_bsn else []) + ([r.choice(DIAG)[1]] if with_health else [])
        rows.append(row)
    sep = r.choice([";", ","])
    csvtxt = "\r\n".join(sep.join(c if sep not in c else f'"{c}"' for c in row) for row in rows) + "\r\n"
    kind = r.choice(["csv", "csv", "xlsx"])
    tags = ["patient-list"] + ([] if with_health else ["flu-list-no-indication"])
    if kind == "csv":
        atts = [(f"oproeplijst_{purpose}.csv", "text", "csv", csvtxt, {})]
        tags.append("csv")
    else:
        atts = [(f"oproeplijst_{purpose}.xlsx", "application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet", mkxlsx(rows, numeric_cols=(0, 3) if with_bsn else (0,)), {})]
        tags.append("xlsx")
        if with_bsn:
            tags.append("xlsx-numeric-bsn")
    body = f"Hoi,\n\nIn de bijlage de lijst voor de {purpose}. Wil je deze patiënten deze week bellen?\n\nGroet,\n{p['assist']}"
    return dict(frm=(p["assist"], f"assistentie@{p['dom']}"), to=[("POH", f"poh@{p['dom']}")], subject=f"lijst {purpose}", text=body, lang="nl", atts=atts,
                L=L(bsn=int(with_bsn), health=int(with_health), personal=1), tags=tags, nowrap=True)


def g_quoted_history(r):
    """Harmless new text on top, sensitive content only in quoted reply history."""
    inner = r.choice([g_referral, g_pharmacy, g_physio, g_repeat_rx, g_insurer, g_district_nurse])(r)
    p = practice(r)
    top = r.choice(["Dank je, is verwerkt.", "Ok, ik pak het op.", "Thanks, will do.", "Prima, zie hieronder.", "Gezien. Groet"])
    q = "\n".join("> " + ln for ln in inner["text"].splitlines())
    d = rdate(r)
    text = f"{top}\n\n{inner['frm'][0]} <{inner['frm'][1]}> schreef op {fdate(r, d)} 10:{r.randint(10, 59)}:\n{q}\n"
    res = dict(inner)
    res.update(frm=inner["to"][0], to=[inner["frm"]], subject="Re: " + inner["subject"], text=text, html=None, atts=None, nowrap=False)
    res["tags"] = inner["tags"] + ["reply-quoted-only"]
    return res


def g_inline_forward(r):
    inner = r.choice([g_discharge, g_ggz, g_nursing_home, g_occupational, g_midwife, g_dentist, g_youthcare, g_wmo])(r)
    p = practice(r)
    top = r.choice(["Ter info.", "Kun jij dit oppakken?", "FYI - graag inplannen", "Zie onder, graag bellen.", ""])
    fw = (f"{top}\n\n-------- Doorgestuurd bericht --------\nOnderwerp: {inner['subject']}\nDatum: {fdate(r, rdate(r))}\nVan: {inner['frm'][0]} <{inner['frm'][1]}>\n"
          f"Aan: {inner['to'][0][1]}\n\n{inner['text']}")
    res = dict(inner)
    res.update(frm=(p["gp"], f"huisarts@{p['dom']}"), to=[("Assistentie", f"assistentie@{p['dom']}")], subject="Fwd: " + inner["subject"], text=fw, html=None, atts=None, nowrap=False)
    res["tags"] = inner["tags"] + ["inline-forward"]
    return res


def g_unscannable_clean_payload(r):
    """Encrypted ZIP / unknown binary / corrupt attachment whose content is otherwise harmless."""
    p = practice(r)
    kind = r.choice(["zipcrypto", "octet", "truncpdf", "pdfpw"])
    tags = ["unscannable-only"]
    if kind == "zipcrypto":
        data = zipcrypto_zip([("notulen_overleg.txt", "Notulen teamoverleg. Aanwezig: iedereen. Agenda: vakantieplanning, nieuwe koffieautomaat.")], "Lente2025!", r)
        atts = [("notulen.zip", "application", "zip", data, {})]
        text = "Hierbij de notulen, beveiligd. Wachtwoord stuur ik via WhatsApp."
        tags.append("zip-encrypted")
    elif kind == "octet":
        atts = [("export.dat", "application", "octet-stream", bytes(r.randint(0, 255) for _ in range(2048)), {})]
        text = "Zie bijlage (export uit het oude systeem)."
        tags.append("unknown-binary")
    elif kind == "truncpdf":
        pdf = mkpdf([["Nieuwsbrief leverancier", "Prijswijzigingen per 1 januari", "Artikel 4471 handschoenen nitril M"]])
        atts = [("prijslijst.pdf", "application", "pdf", pdf[: len(pdf) // 2], {})]
        text = "De prijslijst zit in de bijlage (bestand lijkt beschadigd bij het opslaan?)."
        tags.append("pdf-truncated")
    else:
        pdf = mkpdf([["Rooster juli", "Week 27: dr. Van Rijn, dr. Kok", "Week 28: waarneming"]], password="rooster")
        atts = [("rooster_juli.pdf", "application", "pdf", pdf, {})]
        text = "Rooster juli in bijlage, wachtwoord zoals altijd."
        tags.append("pdf-rc4-password")
    return dict(frm=(p["assist"], f"assistentie@{p['dom']}"), to=[("Team", f"team@{p['dom']}")], subject=r.choice(["bijlage", "notulen", "rooster", "export"]),
                text=text, lang="nl", atts=atts, L=L(unscannable=1), tags=tags, nowrap=True)


SENSITIVE = [(g_patient_informal, 18), (g_parent_child, 6), (g_repeat_rx, 12), (g_referral, 14), (g_discharge, 9), (g_lab, 11), (g_physio, 4), (g_pharmacy, 6),
             (g_ggz, 6), (g_youthcare, 4), (g_district_nurse, 5), (g_nursing_home, 3), (g_wmo, 5), (g_insurer, 5), (g_occupational, 3), (g_midwife, 3),
             (g_dentist, 3), (g_hospital_appt, 4), (g_bsn_only, 7), (g_address_change, 3), (g_registration, 4), (g_dossier_transfer, 3), (g_hr_sick, 4),
             (g_deceased, 2), (g_english_hospital, 3), (g_gp_reply_to_patient, 3), (g_patient_list_csv, 5), (g_quoted_history, 7), (g_inline_forward, 7),
             (g_unscannable_clean_payload, 4)]


# ----------------------------------------------------------------------------- clean genres
SUPPLIERS = [("Medische Groothandel Lisse", "mglisse.example"), ("MediqSupply BV", "mediqsupply.example"), ("Praxis Inkoop", "praxisinkoop.example"),
             ("OfficeCentre NL", "officecentre.example"), ("Hygiënepartner", "hygienepartner.example")]
ITEMS = ["Nitril handschoenen M (200 st)", "Urinestrips 10-parameter (100 st)", "Spatels hout (500 st)", "Desinfectiemiddel 1L", "Oorspuit 100 ml",
         "Steriele gazen 10x10", "Hechtpakket disposable", "Bloeddrukmanchet volwassen L", "Printerpapier A4 (5 pak)", "Toner HP 26X", "Koffiebonen 1 kg",
         "Thermometer hoesjes", "Glucose teststrips", "Verbandschaar", "Ampullen NaCl 0,9% 10ml"]


def num_desc(r, label, lang="nl"):
    """a 9-digit non-BSN number with a clear label; sometimes passes the 11-test. returns (text, tag)"""
    if r.random() < 0.35:
        return f"{label} {make_elf9_nonbsn(r)}", "elfproef-pass-nonbsn"
    return f"{label} {make_non_elf9(r)}", "9digit-nonbsn"


def g_invoice(r):
    p = practice(r)
    s, dom = r.choice(SUPPLIERS)
    items = r.sample(ITEMS, r.randint(2, 6))
    inv_txt, t1 = num_desc(r, "Factuurnummer:")
    cust = f"Debiteurnummer: {r.randint(100000, 999999)}"
    lines = [f"Geachte klant,", "", f"Hierbij ontvangt u de factuur voor uw bestelling.", "", inv_txt, cust, f"Factuurdatum: {fdate(r, rdate(r))}", ""]
    tot = 0.0
    for it in items:
        q = r.randint(1, 10)
        pr = r.uniform(2, 90)
        tot += q * pr
        art = make_non_elf9(r) if r.random() < 0.5 else make_elf9_nonbsn(r)
        amt = ("%.2f" % (q * pr)).replace(".", ",")
        lines.append(f"{q} x {it} (art.nr. {art})  € {amt}")
    lines += ["", f"Totaal excl. btw: € {tot:.2f}".replace(".", ","), f"Btw 21%: € {tot * 0.21:.2f}".replace(".", ","), "",
              f"Gelieve binnen 30 dagen over te maken op {iban_fmt(iban(r))} t.n.v. {s}.", f"KvK {kvk(r)} · btw NL{r.randint(100000000, 999999999)}B01", "", s]
    tags = ["supplier-invoice", t1, "iban", "kvk"]
    return dict(frm=(s, f"facturen@{dom}"), to=[(p["name"], f"administratie@{p['dom']}")], subject=r.choice([f"Factuur {inv_txt.split()[-1]}", "Uw factuur", "Nieuwe factuur beschikbaar"]),
                text="\n".join(lines), lang="nl", L=L(), tags=tags, pdf_ok=True)


def g_order(r):
    p = practice(r)
    s, dom = r.choice(SUPPLIERS)
    on, t1 = num_desc(r, "Ordernummer")
    tt = f"3S{''.join(r.choice('ABCDEFGHJKLMNPQRSTUVWXYZ') for _ in range(4))}{r.randint(10**8, 10**9 - 1)}"
    lang = "en" if r.random() < 0.15 else "nl"
    items = r.sample(ITEMS, r.randint(1, 4))
    if lang == "nl":
        text = (f"Bedankt voor uw bestelling!\n\n{on}\nTrack & Trace: {tt}\nVerwachte levering: {fdate(r, rdate(r))}\n\n" + "\n".join(f"- {i}" for i in items) +
                f"\n\nAfleveradres: {p['name']}, {p['addr']}\nVragen? Bel onze klantenservice {landline(r)}.")
    else:
        text = (f"Thank you for your order.\n\n{on.replace('Ordernummer', 'Order no.')}\nTracking: {tt}\n\n" + "\n".join(f"- {i}" for i in items) + "\n\nCustomer service")
    return dict(frm=(s, f"orders@{dom}"), to=[(p["name"], f"administratie@{p['dom']}")], subject=r.choice(["Orderbevestiging", "Uw bestelling is verzonden", "Order confirmation"]),
                text=text, lang=lang, L=L(), tags=["order-confirmation", t1, "track-trace"] + (["english"] if lang == "en" else []))


def g_newsletter(r):
    p = practice(r)
    topics = r.sample([
        ("Griepprik 2025", "Bent u 60 jaar of ouder, of heeft u een chronische ziekte zoals diabetes, hartfalen of COPD? Dan krijgt u een uitnodiging voor de griepprik. De griepprik wordt gegeven op zaterdag 18 oktober."),
        ("Nieuwe openingstijden", "Vanaf 1 september is de praktijk op vrijdagmiddag gesloten vanaf 12.00 uur. Voor spoed belt u de huisartsenpost."),
        ("Herhaalrecepten", "Herhaalrecepten kunt u aanvragen via de receptenlijn of het patiëntenportaal. Vermeld uw naam en geboortedatum; uw BSN hoeft u niet door te geven."),
        ("Nieuwe collega", "Wij verwelkomen onze nieuwe praktijkondersteuner GGZ. Zij helpt bij psychische klachten zoals somberheid, stress en angst."),
        ("Hitteplan", "Drink voldoende bij warm weer, vooral als u plastabletten gebruikt. Vraag de apotheek of uw medicijnen anders bewaard moeten worden."),
        ("Patiëntenportaal", "Via het portaal kunt u uw uitslagen inzien. Inloggen gaat met DigiD. Deel nooit uw inloggegevens."),
        ("Vakantie", "De praktijk is gesloten van 28 juli tot en met 8 augustus. Waarneming door Gezondheidscentrum Oosterpoort, tel. 030-2345678."),
        ("Zelfzorg bij verkoudheid", "Bij verkoudheid helpen rust en paracetamol. Antibiotica helpen niet tegen virussen. Neem contact op bij koorts langer dan 3 dagen.")], r.randint(2, 4))
    html = (f"<html><body style='font-family:Arial'><table width='600'><tr><td><h1>Nieuwsbrief {p['name']}</h1></td></tr>" +
            "".join(f"<tr><td><h2>{t}</h2><p>{xml_esc(b)}</p></td></tr>" for t, b in topics) +
            f"<tr><td><small>{p['name']} &middot; {p['addr']} &middot; tel. {p['tel']} &middot; KvK {kvk(r)}<br>Afmelden? Klik <a href='https://{p['dom']}/afmelden'>hier</a>.</small></td></tr></table></body></html>")
    text = "\n\n".join(f"{t}\n{b}" for t, b in topics)
    return dict(frm=(p["name"], f"nieuwsbrief@{p['dom']}"), to=[("Patiënten", f"nieuwsbrief@{p['dom']}")], subject=r.choice(["Nieuwsbrief", f"Nieuwsbrief {r.choice(MONTHS)}", "Praktijknieuws"]),
                text=text, html=html, lang="nl", L=L(), tags=["newsletter", "generic-health-words", "word-bsn-no-number"] if any("BSN" in b for _, b in topics) else ["newsletter", "generic-health-words"],
                related_logo=r.random() < 0.5)


def g_meeting(r):
    p = practice(r)
    when = dt.datetime.combine(rdate(r, 2025, 2025), dt.time(r.choice([12, 17, 18, 19]), r.choice([0, 30])))
    topic = r.choice(["FTO: medicatie bij diabetes type 2", "HAGRO-overleg", "Teamoverleg praktijk", "Intervisie POH", "MDO ouderenzorg (algemeen)", "Scholing reanimatie BLS/AED"])
    lang = "en" if r.random() < 0.1 else "nl"
    desc = f"Agenda: 1. opening 2. notulen 3. {r.choice(['nieuwe NHG-standaard', 'ANW-rooster', 'praktijkaccreditatie', 'samenwerking apotheek'])} 4. rondvraag"
    text = (f"Beste collega's,\n\nHierbij de uitnodiging voor {topic} op {fdate(r, when.date(), style='long')} om {when:%H:%M} in {r.choice(['de vergaderzaal', 'Teams', 'Gezondheidscentrum Oost'])}.\n\n{desc}\n\nAccreditatie aangevraagd (GAIA-ID {r.randint(100000, 999999)}).\n\nGroet,\n{r.choice(GPS)}"
            if lang == "nl" else f"Dear colleagues,\n\nYou are invited to {topic} on {fdate(r, when.date(), 'en')} at {when:%H:%M}.\n\n{desc}\n\nBest,\nOrganiser")
    atts = [("uitnodiging.ics", "text", "calendar", ics(r, topic, when, "Praktijk", desc, f"{r.randint(10**6, 10**7)}@{p['dom']}"), {"method": "REQUEST"})] if r.random() < 0.6 else None
    return dict(frm=(r.choice(GPS), f"secretariaat@hagro-{r.choice(['oost', 'west', 'zuid'])}.example"), to=[(p["name"], f"huisarts@{p['dom']}")], subject=f"Uitnodiging: {topic}",
                text=text, lang=lang, atts=atts, L=L(), tags=["meeting-invite"] + (["ics"] if atts else []) + (["english"] if lang == "en" else []))


def g_software(r):
    p = practice(r)
    vendor = r.choice(["HIS-Leverancier", "Medicom Support", "Promedico", "ZorgMail", "Chipsoft Support", "Calculus"])
    ver = f"{r.randint(2023, 2025)}.{r.randint(1, 12)}.{r.randint(0, 9)}"
    tick = make_non_elf9(r) if r.random() < 0.6 else make_elf9_nonbsn(r)
    text = (f"Geachte gebruiker,\n\nOp {fdate(r, rdate(r))} tussen 22:00 en 02:00 voeren wij onderhoud uit. Versie {ver} wordt geïnstalleerd.\n"
            f"Wijzigingen: verbeterde BSN-controle via de WID-module, nieuwe ICPC-lijst, snellere labkoppeling.\n"
            f"Ticketnummer voor vragen: {tick}\n\nMet vriendelijke groet,\n{vendor}\nServicedesk {landline(r)}")
    return dict(frm=(vendor, f"noreply@{vendor.lower().replace(' ', '')}.example"), to=[(p["name"], p["info"])], subject=r.choice(["Gepland onderhoud", f"Release notes {ver}", "Storingsmelding opgelost"]),
                text=text, lang="nl", L=L(), tags=["software-notice", "word-bsn-no-number", "ticket-9digit"])


def g_helpdesk(r):
    p = practice(r)
    tick = r.choice([f"INC{r.randint(1000000, 9999999)}", make_non_elf9(r), make_elf9_nonbsn(r)])
    lang = "en" if r.random() < 0.2 else "nl"
    text = (f"Beste {r.choice(['Yvonne', 'Marieke', 'Sandra'])},\n\nUw melding '{r.choice(['printer balie doet het niet', 'wachtwoord verlopen', 'scanner koppeling HIS', 'VPN valt weg'])}' is geregistreerd onder nummer {tick}. "
            f"Een engineer neemt binnen 4 uur contact op.\n\nIT Zorg Support\n{landline(r)}" if lang == "nl" else
            f"Hello,\n\nYour ticket {tick} regarding 'email sync issue' has been resolved. Please reply if the issue persists.\n\nIT Service Desk")
    return dict(frm=("IT Zorg Support", "servicedesk@itzorg.example"), to=[(p["assist"], f"assistentie@{p['dom']}")], subject=f"[Ticket {tick}] update", text=text, lang=lang,
                L=L(), tags=["it-helpdesk", "ticket-9digit" if tick.isdigit() else "ticket-alnum"] + (["english"] if lang == "en" else []))


def g_leaflet(r):
    p = practice(r)
    topic, body = r.choice([
        ("Informatie na een knieoperatie", "Na een knieoperatie is het belangrijk om te bewegen. Koel de knie 3x per dag. Neem paracetamol 1000 mg maximaal 4x per dag. Bel bij koorts boven 38,5."),
        ("Leefregels bij diabetes type 2", "Beweeg dagelijks 30 minuten. Controleer uw HbA1c elk kwartaal bij de POH. Metformine neemt u bij de maaltijd."),
        ("Wat te doen bij een blaasontsteking", "Drink veel water. Bij klachten brengt u ochtendurine naar de praktijk vóór 10 uur. Vermeld uw naam en geboortedatum op het potje."),
        ("Informatie over de uitstrijk (bevolkingsonderzoek)", "Vrouwen van 30 tot 65 krijgen elke 5 jaar een uitnodiging. De uitslag krijgt u binnen 4 weken."),
        ("Depressie: waar kunt u terecht?", "Praat erover met de huisarts of de POH-GGZ. Op thuisarts.nl vindt u betrouwbare informatie. Bij acute nood belt u 113 of 0800-0113.")])
    kind = r.choice(["text", "pdf", "html"])
    text = f"Beste patiënt,\n\nZoals besproken stuur ik u de algemene informatie '{topic}'.\n\n" + sig(r, p)
    atts = None
    tags = ["patient-leaflet-generic", "generic-health-words"]
    if kind == "pdf":
        atts = [(f"{topic.split(':')[0].lower().replace(' ', '_')}.pdf", "application", "pdf", mkpdf([[topic, ""] + [body[i:i + 85] for i in range(0, len(body), 85)] + ["", p["name"]]]), {})]
        tags.append("pdf")
    elif kind == "text":
        text += f"\n\n---\n{topic}\n{body}"
    else:
        atts = [("folder.html", "text", "html", f"<html><body><h1>{topic}</h1><p>{xml_esc(body)}</p></body></html>", {})]
        tags.append("html-attachment")
    return dict(frm=(p["name"], p["info"]), to=[("", f"patient{r.randint(1, 999)}@mail.example")], subject=topic, text=text, lang="nl", atts=atts, L=L(), tags=tags, nowrap=True)


def g_jobad(r):
    p = practice(r)
    role = r.choice(["doktersassistent (24-32 uur)", "praktijkondersteuner somatiek", "waarnemend huisarts", "praktijkmanager", "POH-GGZ (16 uur)"])
    text = (f"Vacature: {role}\n\n{p['name']} zoekt een enthousiaste collega. Wij bieden salaris volgens CAO Huisartsenzorg, schaal {r.randint(3, 9)}, "
            f"en een fijn team van {r.randint(6, 20)} collega's.\n\nReageren vóór {fdate(r, rdate(r))} naar vacatures@{p['dom']} o.v.v. vacaturenummer {make_non_elf9(r)}.\n"
            f"Vragen? Bel {r.choice(GPS)} op {p['tel']}.")
    return dict(frm=(p["name"], f"vacatures@{p['dom']}"), to=[("Regionale vacaturebank", "vacatures@zorgbanen.example")], subject=f"Vacature {role}", text=text, lang="nl",
                L=L(), tags=["job-ad", "9digit-nonbsn"])


def g_ooo(r):
    p = practice(r)
    lang = r.choice(["nl", "nl", "en", "both"])
    nl = f"Ik ben afwezig tot en met {fdate(r, rdate(r))}. Voor dringende zaken kunt u contact opnemen met {r.choice(ASSIST).split(',')[0]} via {p['tel']}."
    en = f"I am out of office until {fdate(r, rdate(r), 'en')}. For urgent matters please call {p['tel']}."
    text = {"nl": nl, "en": en, "both": nl + "\n\n" + en}[lang]
    return dict(frm=(r.choice(GPS), f"huisarts@{p['dom']}"), to=[("", f"someone@{r.choice(SUPPLIERS)[1]}")], subject=r.choice(["Automatisch antwoord: Uw bestelling", "Afwezig", "Out of Office"]),
                text=text, lang="en" if lang == "en" else "nl", L=L(), tags=["out-of-office"] + (["english"] if lang != "nl" else []), extra_headers={"Auto-Submitted": "auto-replied"})


def g_roster(r):
    p = practice(r)
    staff = r.sample(["Yvonne", "Marieke", "Sandra", "Esra", "Linda", "dr. Van Rijn", "dr. Kok", "dr. Aydemir", "POH Anja", "POH Fatima"], 6)
    days = ["ma", "di", "wo", "do", "vr"]
    rows = [["dag", "ochtend", "middag", "telefoon"]] + [[d, r.choice(staff), r.choice(staff), mobile(r, "06-")] for d in days]
    csvtxt = "\r\n".join(";".join(x) for x in rows) + "\r\n"
    kind = r.choice(["csv", "body", "xlsx"])
    text = f"Hoi allemaal,\n\nHierbij het rooster voor week {r.randint(1, 52)}. Ruilen graag via mij.\n\nGroet,\nPraktijkmanager"
    atts = None
    tags = ["roster", "staff-names", "staff-phone"]
    if kind == "csv":
        atts = [("rooster.csv", "text", "csv", csvtxt, {})]
        tags.append("csv")
    elif kind == "xlsx":
        atts = [("rooster.xlsx", "application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet", mkxlsx(rows), {})]
        tags.append("xlsx")
    else:
        text += "\n\n" + "\n".join("\t".join(x) for x in rows)
    return dict(frm=("Praktijkmanager", f"management@{p['dom']}"), to=[("Team", f"team@{p['dom']}")], subject="Rooster", text=text, lang="nl", atts=atts, L=L(), tags=tags, nowrap=True)


def g_insurer_contract(r):
    p = practice(r)
    ins = r.choice(["Zilveren Kruis", "CZ", "VGZ", "Menzis"])
    text = (f"Geachte zorgaanbieder,\n\nHet contract huisartsenzorg 2026 staat klaar in VECOZO. Uw AGB-code: {p['agb']}. Contractnummer: {make_non_elf9(r)}.\n"
            f"Het tarief voor module M&I stijgt met {r.randint(2, 6)}%. Betaling geschiedt op {iban_fmt(iban(r))}.\n\nMet vriendelijke groet,\nZorginkoop {ins}\nKvK {kvk(r)}")
    return dict(frm=(f"Zorginkoop {ins}", f"zorginkoop@{ins.lower().replace(' ', '')}.example"), to=[(p["name"], f"administratie@{p['dom']}")], subject="Contract huisartsenzorg 2026",
                text=text, lang="nl", L=L(), tags=["insurer-contract", "agb", "iban", "kvk", "9digit-nonbsn"], pdf_ok=True)


def g_declaration_summary(r):
    p = practice(r)
    rows = "".join(f"<tr><td>{m}</td><td>{r.randint(200, 2000)}</td><td>€&nbsp;{r.randint(5000, 60000):,}</td></tr>".replace(",", ".") for m in r.sample(MONTHS, 3))
    ref = make_elf9_nonbsn(r) if r.random() < 0.5 else make_non_elf9(r)
    html = (f"<html><body><p>Geachte zorgaanbieder,</p><p>Overzicht declaraties (retourbestand {ref}):</p><table border=1><tr><th>Maand</th><th>Prestaties</th><th>Bedrag</th></tr>{rows}</table>"
            f"<p>AGB {p['agb']} &ndash; VECOZO</p></body></html>")
    return dict(frm=("VECOZO declaratieservice", "noreply@vecozo.example"), to=[(p["name"], f"administratie@{p['dom']}")], subject=f"Declaratieoverzicht {ref}", text=None, html=html,
                lang="nl", L=L(), tags=["declaration-summary", "html-table", "9digit-nonbsn"], nowrap=True)


def g_course(r):
    p = practice(r)
    text = (f"Nascholing '{r.choice(['Dermatologie in de huisartsenpraktijk', 'Kwetsbare ouderen', 'Acute zorg', 'Antibioticabeleid', 'Seksuele gezondheid'])}'\n\n"
            f"Datum: {fdate(r, rdate(r))}\nAccreditatie: {r.randint(2, 8)} punten, activiteitnummer {make_non_elf9(r)}\nKosten: € {r.randint(95, 450)},-\n"
            f"Inschrijven via de website. Annuleren tot 14 dagen vooraf kosteloos.\n\nNHG Academie")
    return dict(frm=("NHG Academie", "nascholing@nhg-academie.example"), to=[(p["gp"], f"huisarts@{p['dom']}")], subject="Nascholing: schrijf u nu in", text=text, lang="nl",
                L=L(), tags=["course", "9digit-nonbsn"])


def g_anon_case(r):
    p = practice(r)
    age = r.choice(["middelbare leeftijd", "rond de 70", "twintiger", "tiener"])
    text = (f"Casus voor de intervisie van dinsdag:\n\nEen {r.choice(['vrouw', 'man'])} van {age} komt met {r.choice(['vermoeidheid en gewichtsverlies', 'terugkerende buikpijn', 'slapeloosheid', 'pijn op de borst bij inspanning'])}. "
            f"Labwaarden: Hb {r.uniform(6, 9):.1f}, TSH normaal. Welke vervolgstappen zouden jullie nemen?\n\nGraag geen namen of andere herleidbare gegevens in de reacties.\n\n{r.choice(GPS)}".replace("Hb 6.", "Hb 6,").replace("Hb 7.", "Hb 7,").replace("Hb 8.", "Hb 8,"))
    return dict(frm=(r.choice(GPS), f"huisarts@{p['dom']}"), to=[("Intervisiegroep", f"intervisie@hagro-oost.example")], subject="Casus intervisie (geanonimiseerd)", text=text, lang="nl",
                L=L(), tags=["anonymised-case", "generic-health-words"])


def g_pharmacy_generic(r):
    p = practice(r)
    med = r.choice(["metformine 850 mg", "amoxicilline suspensie", "levothyroxine 25 mcg", "salbutamol inhalator", "estradiol pleisters"])
    text = (f"Beste voorschrijvers,\n\nEr is een landelijk leveringsprobleem met {med}. Verwacht tot {fdate(r, rdate(r))}. Alternatieven: zie het KNMP-overzicht.\n"
            f"Wij zetten patiënten waar nodig om in overleg.\n\nMet vriendelijke groet,\n{r.choice(['Apotheek De Gaper', 'BENU Apotheek Centrum'])}\nAGB {agb(r, '06')}")
    return dict(frm=("Apotheek", "info@apotheek-degaper.example"), to=[(p["name"], f"huisarts@{p['dom']}")], subject=f"Leveringsprobleem {med}", text=text, lang="nl",
                L=L(), tags=["pharmacy-generic", "generic-health-words", "agb"])


def g_utility_bill(r):
    p = practice(r)
    comp = r.choice(["KPN Zakelijk", "Vattenfall Zakelijk", "Eneco", "Ziggo Zakelijk", "Schoonmaakbedrijf Glans"])
    klant, t = num_desc(r, "Klantnummer")
    amt = ("%.2f" % r.uniform(40, 900)).replace(".", ",")
    text = (f"Geachte relatie,\n\nUw nota van {r.choice(MONTHS)} staat klaar. {klant}\nBedrag: € {amt}\nIncassodatum: {fdate(r, rdate(r))} van rekening {iban_fmt(iban(r))}.\n"
            f"Vragen? Bel {r.choice(['0800-0402', '088-1234500', landline(r)])}.\n\n{comp}").replace(f"{'.'}", ".")
    return dict(frm=(comp, f"nota@{comp.split()[0].lower()}.example"), to=[(p["name"], f"administratie@{p['dom']}")], subject="Uw nota staat klaar", text=text, lang="nl",
                L=L(), tags=["utility-bill", t, "iban"], pdf_ok=True)


def g_survey(r):
    p = practice(r)
    text = (f"Beste patiënt,\n\nU bent onlangs bij ons geweest. Wilt u 5 minuten de tijd nemen voor onze vragenlijst? https://{p['dom']}/enquete?id={r.randint(10**8, 10**9 - 1)}\n\n"
            "Uw antwoorden worden anoniem verwerkt. Wij vragen niet naar uw BSN of medische gegevens.\n\nAlvast bedankt!\n" + p["name"])
    return dict(frm=(p["name"], f"noreply@{p['dom']}"), to=[("", f"patient{r.randint(1, 999)}@post.example")], subject="Hoe was uw bezoek?", text=text, lang="nl",
                L=L(), tags=["patient-survey", "word-bsn-no-number", "url-9digit"])


def g_conference_en(r):
    text = (f"Dear Doctor,\n\nRegistration for the WONCA Europe {r.choice(['Dublin', 'Lisbon', 'Prague'])} 2026 conference is now open. Early bird until {fdate(r, rdate(r), 'en')}.\n"
            f"Topics: multimorbidity, digital health, antimicrobial stewardship, mental health in primary care.\nYour registration code: {r.randint(100000000, 999999999)}-EB\n\nConference office")
    p = practice(r)
    return dict(frm=("WONCA Conference Office", "office@wonca-conf.example"), to=[(p["gp"], f"huisarts@{p['dom']}")], subject="Registration open", text=text, lang="en",
                L=L(), tags=["conference", "english", "generic-health-words"])


def g_staff_social(r):
    p = practice(r)
    text = r.choice([f"Hoi allemaal!\n\nVrijdag {fdate(r, rdate(r))} BBQ bij {r.choice(['Joost', 'Esra', 'Marieke'])} thuis, vanaf 17:00. Neem je partner mee! Geef even door wie er komt (app of mail).\n\nxx",
                     "Taart in de keuken, Sandra is jarig! 🎂", f"Wie wil er meedoen met de Singelloop? Inschrijven kan tot {fdate(r, rdate(r))}, ik betaal het startgeld uit de teampot."])
    return dict(frm=("Personeelsvereniging", f"pv@{p['dom']}"), to=[("Team", f"team@{p['dom']}")], subject=r.choice(["BBQ!", "taart", "Singelloop"]), text=text, lang="nl", L=L(), tags=["staff-social"])


def g_hap_schedule(r):
    p = practice(r)
    rows = [(fdate(r, rdate(r, 2025, 2025)), r.choice(GPS), mobile(r)) for _ in range(5)]
    text = "Beste collega's,\n\nDiensten huisartsenpost volgende maand:\n\n" + "\n".join(f"{d}  {n}  bereikbaar {t}" for d, n, t in rows) + "\n\nCoördinator HAP"
    return dict(frm=("Coördinator HAP", "planning@hap-regio.example"), to=[(p["gp"], f"huisarts@{p['dom']}")], subject="Dienstrooster HAP", text=text, lang="nl",
                L=L(), tags=["hap-schedule", "staff-names", "staff-phone"])


def g_wmo_policy(r):
    p = practice(r)
    gem = r.choice(CITIES)
    text = (f"Geachte huisarts,\n\nPer 1 januari wijzigt de werkwijze voor Wmo-aanvragen in de gemeente {gem}. Inwoners kunnen zich melden bij het Sociaal Wijkteam (tel. 14 0{r.randint(30, 350)}). "
            f"Medische informatie wordt alleen met toestemming van de inwoner opgevraagd, nooit per gewone e-mail.\n\nMet vriendelijke groet,\nTeam Wmo, gemeente {gem}")
    return dict(frm=(f"Gemeente {gem}", f"wmo@gemeente-{gem.lower().replace(' ', '')}.example"), to=[(p["name"], p["info"])], subject="Wijziging werkwijze Wmo", text=text, lang="nl",
                L=L(), tags=["wmo-policy", "municipality"])


def g_lab_generic(r):
    p = practice(r)
    text = (f"Geachte aanvrager,\n\nPer {fdate(r, rdate(r))} hanteren wij nieuwe referentiewaarden voor {r.choice(['eGFR (CKD-EPI 2021)', 'TSH', 'ferritine', 'vitamine D'])}. "
            f"Daarnaast is het aanvraagformulier gewijzigd (formuliernummer {make_non_elf9(r)}). Afnamelocaties zijn op zaterdag geopend van 8 tot 12.\n\nRegionaal Lab Midden")
    return dict(frm=("Regionaal Lab Midden", "info@regionaallabmidden.example"), to=[(p["name"], f"huisarts@{p['dom']}")], subject="Wijziging referentiewaarden", text=text, lang="nl",
                L=L(), tags=["lab-generic", "generic-health-words", "9digit-nonbsn"])


def g_patient_admin_question(r):
    """patient asks a non-medical question, first name only, no health data."""
    p = practice(r)
    pt = Person(r)
    lang = "en" if r.random() < 0.3 else "nl"
    text = (r.choice(["hoi, tot hoe laat zijn jullie open vrijdag?", "Goedemiddag, kan ik mijn zoontje ook inschrijven via de website of moet ik langskomen?", "is de parkeerplaats weer open?"])
            if lang == "nl" else r.choice(["Hi, what are your opening hours during the holidays?", "Hello, do you accept new patients? We just moved to the area."])) + f"\n\n{pt.first}"
    return dict(frm=(pt.first, pt.email), to=[(p["name"], p["info"])], subject=r.choice(["vraag", "question", "openingstijden"]), text=text, lang=lang,
                L=L(), tags=["patient-admin-question", "first-name-only"] + (["english"] if lang == "en" else []))


def g_phone_numbers_clean(r):
    p = practice(r)
    text = (f"Belangrijke nummers (intern, niet delen met patiënten):\n\nSpoedlijn: {landline(r)}\nHuisartsenpost: 0900-{r.randint(1000000, 9999999)}\nApotheek: {landline(r)}\n"
            f"Ziekenhuis SEH: {landline(r)}\nIT-storing: {mobile(r, '+31 6 ')}\nAlarmcentrale: {mobile(r, '06-')}\nSecure fax: +31{r.randint(100000000, 999999999)}\n\nPraktijkmanager")
    return dict(frm=("Praktijkmanager", f"management@{p['dom']}"), to=[("Team", f"team@{p['dom']}")], subject="Telefoonlijst bijgewerkt", text=text, lang="nl", L=L(),
                tags=["phone-list", "phone-9digit"])


def g_secure_mail_policy(r):
    p = practice(r)
    text = ("Beste collega's,\n\nEen reminder: stuur nooit patiëntgegevens (naam met geboortedatum, BSN, medische gegevens) via gewone mail. Gebruik ZorgMail of Zivver. "
            "Twijfel je? Vraag het de privacy officer.\n\nZie ook de bijgevoegde werkinstructie.\n\nPrivacy officer")
    atts = [("werkinstructie_veilig_mailen.txt", "text", "plain", "Werkinstructie veilig mailen\n1. Controleer de geadresseerde.\n2. Versleutel bijlagen.\n3. Geen BSN in de onderwerpregel.\n", {})]
    return dict(frm=("Privacy officer", f"privacy@{p['dom']}"), to=[("Team", f"team@{p['dom']}")], subject="Reminder veilig mailen", text=text, lang="nl", atts=atts, L=L(),
                tags=["policy-reminder", "word-bsn-no-number", "txt-attachment"], nowrap=True)


def g_clean_zip(r):
    p = practice(r)
    inner = [("handleiding.txt", "Handleiding nieuwe telefooncentrale.\nDruk 1 voor spoed, 2 voor recepten, 3 voor de assistente."),
             ("prijzen.csv", "artikel;omschrijving;prijs\r\n" + "\r\n".join(f"{make_non_elf9(r)};{i};{r.randint(2, 90)},00" for i in r.sample(ITEMS, 4)) + "\r\n")]
    data = mkzip(inner)
    tags = ["zip", "clean-zip"]
    if r.random() < 0.4:
        data = mkzip([("bundel.zip", data), ("leesmij.txt", "Zie bundel.")])
        tags.append("zip-in-zip")
    return dict(frm=("Leverancier", "support@telefonie-zorg.example"), to=[(p["name"], p["info"])], subject="Documentatie telefooncentrale", text="Zie bijlage voor de documentatie.",
                lang="nl", atts=[("documentatie.zip", "application", "zip", data, {})], L=L(), tags=tags + ["9digit-nonbsn"], nowrap=True)


CLEAN = [(g_invoice, 12), (g_order, 9), (g_newsletter, 9), (g_meeting, 8), (g_software, 6), (g_helpdesk, 6), (g_leaflet, 8), (g_jobad, 4), (g_ooo, 6),
         (g_roster, 5), (g_insurer_contract, 4), (g_declaration_summary, 4), (g_course, 4), (g_anon_case, 5), (g_pharmacy_generic, 4), (g_utility_bill, 5),
         (g_survey, 3), (g_conference_en, 3), (g_staff_social, 4), (g_hap_schedule, 3), (g_wmo_policy, 3), (g_lab_generic, 3), (g_patient_admin_question, 6),
         (g_phone_numbers_clean, 3), (g_secure_mail_policy, 3), (g_clean_zip, 4)]


# ----------------------------------------------------------------------------- packaging
import re, textwrap, html as htmlmod

NEUTRAL_BODY = ["Zie bijlage.", "In de bijlage treft u de brief aan.", "Hierbij de gevraagde gegevens, zie bijlage.", "Bijgaand het document.",
                "Please find attached.", "Zie bijgevoegd bestand. Groet", "ter info (bijlage)"]


def find_bsn_token(text):
    for m in re.finditer(r"(?<!\d)\d{9}(?!\d)", text or ""):
        if elf_ok(m.group()):
            return m.group()
    return None


def find_bsn_any(text):
    """plain, dotted or spaced BSN-like token as written in the text"""
    for m in re.finditer(r"(?<![\d.])(\d{9}|\d{4}\.\d{2}\.\d{3}|\d{3}\.\d{3}\.\d{3}|\d{3} \d{3} \d{3})(?![\d])", text or ""):
        if elf_ok(re.sub(r"\D", "", m.group())):
            return m.group()
    return None


def text_to_html(r, text, tags, is_bsn=True):
    esc = htmlmod.escape(text)
    tok = find_bsn_token(text)
    if tok and r.random() < 0.6:
        style = r.choice(["nbsp", "entity", "span", "bold"])
        if style == "nbsp":
            rep = f"{tok[:3]}&nbsp;{tok[3:6]}&nbsp;{tok[6:]}"
        elif style == "entity":
            rep = "".join(f"&#{ord(c)};" for c in tok[:4]) + tok[4:]
        elif style == "span":
            rep = f"<span style='color:#000'>{tok[:3]}</span><span>{tok[3:6]}</span><span>{tok[6:]}</span>"
        else:
            rep = f"<b>{tok[:5]}</b>{tok[5:]}"
        esc = esc.replace(tok, rep, 1)
        tags.append(f"html-bsn-{style}" if is_bsn else f"html-9digit-nonbsn-{style}")
    paras = esc.split("\n\n")
    body = "".join("<p>" + p.replace("\n", "<br>\n") + "</p>\n" for p in paras)
    return f"<!DOCTYPE html><html><head><style>p{{font-family:Calibri}}</style></head><body>\n{body}</body></html>"


def wrap_lines(text, width=88):
    out = []
    for ln in (text or "").splitlines():
        out.extend(textwrap.wrap(ln, width) or [""])
    return out


def choose_packaging(r, c, sensitive):
    if c.get("nowrap"):
        return "asis"
    opts = [("plain", 30), ("html", 9), ("alt", 10), ("pdf", 7), ("docx", 5), ("txt", 3), ("rfc822", 7), ("zip", 2)]
    if sensitive:
        opts += [("pdf-split", 5), ("pdf-page3", 2), ("rfc822-nested", 3), ("zipcrypto", 3), ("pdfpw", 2), ("corrupt-b64", 1), ("trunc-docx", 1), ("docx-split", 3)]
    if not c.get("text"):
        return "asis"
    if sensitive and find_bsn_any(c.get("text")):
        opts += [("pdf-split", 16), ("docx-split", 8), ("html", 4)]
    tot = sum(w for _, w in opts)
    x = r.uniform(0, tot)
    for k, w in opts:
        x -= w
        if x <= 0:
            return k
    return "plain"


def apply_packaging(r, c, pk):
    tags = c["tags"]
    atts = list(c.get("atts") or [])
    text = c.get("text")
    if pk in ("asis", "plain"):
        return c
    if pk == "html":
        c["html"] = text_to_html(r, text, tags, bool(c["L"]["bsn"]))
        c["text"] = None
        tags.append("html-only")
        return c
    if pk == "alt":
        c["html"] = text_to_html(r, text, tags, bool(c["L"]["bsn"]))
        tags.append("multipart-alternative")
        return c
    base = re.sub(r"[^a-z0-9]+", "_", (c["subject"] or "document").lower()).strip("_")[:30] or "document"
    neutral = r.choice(NEUTRAL_BODY)
    tok = find_bsn_any(text)
    if pk in ("pdf", "pdf-split", "pdf-page3", "pdfpw", "corrupt-b64"):
        lines = wrap_lines(text)
        pages = [lines[i:i + 48] for i in range(0, len(lines), 48)] or [[""]]
        split = None
        rev = False
        if pk == "pdf-split" and tok:
            split = tok
            rev = r.random() < 0.5
            tags.append("pdf-split-bsn" + ("-reversed" if rev else ""))
        elif pk == "pdf-split":
            tags.append("pdf")
        if pk == "pdf-page3":
            filler = [["Algemene informatie", "", "Deze pagina bevat geen gegevens."], ["Bijlage A", "", "Toelichting bij het formulier.", "Versie 3.2"]]
            pages = filler + pages + [["Einde document"]]
            tags.append("pdf-content-page3")
        pdf = mkpdf(pages, split_token=split, reverse=rev, password=("Zomer2025" if pk == "pdfpw" else None), compress=r.random() < 0.8)
        if pk == "pdfpw":
            c["L"]["unscannable"] = 1
            tags.append("pdf-rc4-password")
        if pk in ("pdf",):
            tags.append("pdf")
        if pk == "corrupt-b64":
            bad = base64.b64encode(pdf).decode()
            cut = len(bad) // 3
            bad = bad[:cut] + "!!##**" + bad[cut + 7: len(bad) * 2 // 3]
            atts.append((base + ".pdf", "application", "pdf", bad, {"raw_b64": True}))
            c["L"]["unscannable"] = 1
            tags.append("corrupt-base64")
        else:
            atts.append((base + ".pdf", "application", "pdf", pdf, {}))
    elif pk in ("docx", "docx-split", "trunc-docx"):
        split = tok if pk == "docx-split" else None
        d = mkdocx((text or "").split("\n"), split_token=split)
        if pk == "trunc-docx":
            d = d[: len(d) * 2 // 3]
            c["L"]["unscannable"] = 1
            tags.append("docx-truncated")
        else:
            tags.append("docx-split-runs" if split else "docx")
        atts.append((base + ".docx", "application", "vnd.openxmlformats-officedocument.wordprocessingml.document", d, {}))
    elif pk == "txt":
        atts.append((base + ".txt", "text", "plain", text, {}))
        tags.append("txt-attachment")
    elif pk == "zip":
        atts.append((base + ".zip", "application", "zip", mkzip([(base + ".txt", text.encode("utf-8"))]), {}))
        tags.append("zip")
    elif pk == "zipcrypto":
        atts.append((base + ".zip", "application", "zip", zipcrypto_zip([(base + ".txt", text)], "Geheim!" + str(r.randint(10, 99)), r), {}))
        c["L"]["unscannable"] = 1
        tags.append("zip-encrypted")
        neutral = r.choice(["Bijlage is versleuteld, wachtwoord volgt per sms.", "Zoals afgesproken beveiligd verstuurd; het wachtwoord krijgt u telefonisch."])
    elif pk in ("rfc822", "rfc822-nested"):
        inner = build_message(r, dict(c, atts=c.get("atts"), html=c.get("html")), crlf=True, cs_choice=("utf-8", "quoted-printable"))
        if pk == "rfc822-nested":
            p = practice(r)
            mid = EmailMessage()
            mid["From"] = formataddr((p["assist"], f"assistentie@{p['dom']}"))
            mid["To"] = formataddr(("Huisarts", f"huisarts@{p['dom']}"))
            mid["Subject"] = "Fwd: " + (c["subject"] or "")
            mid["Date"] = format_datetime(dt.datetime(2025, 5, 2, 9, 0, tzinfo=dt.timezone.utc))
            mid.set_content("Doorgestuurd, zie bijlage.\n")
            mid.add_attachment(inner)
            inner = mid
            tags.append("rfc822-nested-2")
        else:
            tags.append("rfc822-forward")
        atts = [("__msg__", "message", "rfc822", inner, {})]
        neutral = r.choice(["Doorgestuurd ter info.", "Zie doorgestuurd bericht.", "FYI", "Kun jij hier naar kijken? Zie bijlage."])
        c["subject"] = "Fwd: " + (c["subject"] or "")
    c["atts"] = atts
    c["text"] = neutral
    c["html"] = None
    c["related_logo"] = False
    return c


CHARSETS = [("utf-8", "quoted-printable", 30), ("utf-8", "base64", 18), ("utf-8", "8bit", 14), ("iso-8859-1", "quoted-printable", 14),
            ("iso-8859-1", "8bit", 6), ("windows-1252", "quoted-printable", 10), ("windows-1252", "8bit", 4), ("us-ascii", "7bit", 4)]


def pick_charset(r, texts):
    tot = sum(w for *_, w in CHARSETS)
    x = r.uniform(0, tot)
    for cs, cte, w in CHARSETS:
        x -= w
        if x <= 0:
            break
    for t in texts:
        if t is None:
            continue
        try:
            t.encode(cs)
        except UnicodeEncodeError:
            return "utf-8", ("quoted-printable" if cte in ("7bit",) else cte)
    return cs, cte


def build_message(r, c, crlf=True, cs_choice=None, dateval=None):
    m = EmailMessage()
    m["From"] = formataddr(c["frm"])
    m["To"] = ", ".join(formataddr(x) for x in c["to"])
    if c.get("cc"):
        m["Cc"] = ", ".join(formataddr(x) for x in c["cc"])
    m["Subject"] = c["subject"] or ""
    d = dateval or dt.datetime(2025, 1, 1, tzinfo=dt.timezone(dt.timedelta(hours=1))) + dt.timedelta(minutes=r.randint(0, 60 * 24 * 300))
    m["Date"] = format_datetime(d)
    m["Message-ID"] = f"<{r.getrandbits(64):016x}.{r.randint(1000, 9999)}@{c['frm'][1].split('@')[-1]}>"
    if c["subject"] and c["subject"].lower().startswith("re:"):
        m["In-Reply-To"] = f"<{r.getrandbits(48):012x}@{c['to'][0][1].split('@')[-1]}>"
    m["X-Mailer"] = r.choice(["Microsoft Outlook 16.0", "Apple Mail (2.3774)", "Thunderbird 128.3", "iPhone Mail (21F90)", "HIS-mailmodule 4.2", "Roundcube Webmail"])
    for k, v in (c.get("extra_headers") or {}).items():
        m[k] = v
    cs, cte = cs_choice or pick_charset(r, [c.get("text"), c.get("html")])
    c["_cs"] = (cs, cte)
    if c.get("text") is not None:
        m.set_content(c["text"] + "\n", charset=cs, cte=cte)
        if c.get("html"):
            m.add_alternative(c["html"], subtype="html", charset=cs, cte=cte)
    else:
        m.set_content(c["html"], subtype="html", charset=cs, cte=cte)
    if c.get("related_logo") and c.get("html"):
        part = m.get_body(("html",))
        part.add_related(tiny_png(r), "image", "png", cid="<logo@praktijk>", filename="logo.png")
        c["tags"].append("multipart-related-logo")
    for fname, mt, st, data, extra in (c.get("atts") or []):
        if mt == "message":
            m.add_attachment(data)
        elif extra.get("raw_b64"):
            m.add_attachment(b"x", mt, st, filename=fname)
            part = list(m.iter_attachments())[-1]
            part.set_payload(data + "\n")
        elif isinstance(data, str):
            if st == "calendar":
                m.add_attachment(data, subtype="calendar", charset="utf-8", filename=fname, params={"method": extra.get("method", "REQUEST")})
            else:
                acs = "utf-8"
                m.add_attachment(data, subtype=st, charset=acs, filename=fname, cte=r.choice(["base64", "quoted-printable"]))
        else:
            m.add_attachment(data, mt, st, filename=fname)
    return m


def qp_softbreak_bsn(raw, nl):
    i = raw.find(b"Content-Transfer-Encoding: quoted-printable")
    if i < 0:
        return raw, False
    for mm in re.finditer(rb"(?<!\d)\d{9}(?!\d)", raw[i:]):
        tok = mm.group().decode()
        if elf_ok(tok):
            pos = i + mm.start() + 4
            # make sure the line stays short enough: only break, never lengthen
            return raw[:pos] + b"=" + nl + raw[pos:], True
    return raw, False


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=os.path.dirname(os.path.abspath(__file__)))
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    r = random.Random(a.seed)
    plan = [(g, True) for g, n in SENSITIVE for _ in range(n)] + [(g, False) for g, n in CLEAN for _ in range(n)]
    r.shuffle(plan)
    rows = []
    for i, (g, sens_genre) in enumerate(plan, 1):
        c = g(r)
        c.setdefault("tags", [])
        c["tags"] = list(c["tags"])
        c.setdefault("html", None)
        is_sens = any(c["L"].values())
        if not c["L"]["bsn"]:
            blob = (c.get("text") or "") + (c.get("html") or "") + (c.get("subject") or "")
            if find_bsn_token(blob) and "elfproef-pass-nonbsn" not in c["tags"]:
                c["tags"].append("elfproef-pass-nonbsn")
        pk = choose_packaging(r, c, is_sens)
        c = apply_packaging(r, c, pk)
        crlf = r.random() < 0.88
        m = build_message(r, c, crlf=crlf)
        pol = policy.SMTP if crlf else policy.default
        raw = m.as_bytes(policy=pol)
        nl = b"\r\n" if crlf else b"\n"
        cs, cte = c["_cs"]
        if c["L"]["bsn"] and cte == "quoted-printable" and r.random() < 0.5:
            raw, ok = qp_softbreak_bsn(raw, nl)
            if ok:
                c["tags"].append("qp-softbreak-in-bsn")
        c["tags"].append(cs.replace("us-ascii", "ascii"))
        c["tags"].append({"quoted-printable": "qp", "base64": "b64", "8bit": "8bit", "7bit": "7bit"}[cte])
        if not crlf:
            c["tags"].append("lf-only")
        if c.get("lang") == "en" and "english" not in c["tags"]:
            c["tags"].append("english")
        c["tags"].append("sensitive" if any(c["L"].values()) else "clean")
        fn = f"msg-{i:03d}.eml"
        with open(os.path.join(a.out, fn), "wb") as fh:
            fh.write(raw)
        Ls = c["L"]
        seen = []
        for t in c["tags"]:
            if t not in seen:
                seen.append(t)
        rows.append("\t".join([fn, str(Ls["bsn"]), str(Ls["health"]), str(Ls["personal"]), str(Ls["unscannable"]), ";".join(seen)]))
    with open(os.path.join(a.out, "labels.tsv"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write("file\tbsn\thealth\tpersonal\tunscannable\tnote\n" + "\n".join(rows) + "\n")
    print(f"wrote {len(rows)} messages to {a.out}")


if __name__ == "__main__":
    main()
