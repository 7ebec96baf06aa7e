#!/usr/bin/env python3
"""Generator for the Sluis *training* corpus (tests/train).

Deterministic: every message gets its own random.Random seeded from a fixed
string plus its plan index, so the output is byte-identical across runs with
the same package versions (see requirements.txt).

    python3 gen.py              # writes msg-NNN.eml + labels.tsv beside this file
    python3 gen.py --out DIR    # writes somewhere else

All people, BSNs, addresses, phone numbers, IBANs, KvK/AGB/UZI codes are
synthetic.  Domains are *.example, *.test and praktijk-*.nl.
"""
import argparse
import base64
import datetime as dt
import hashlib
import io
import json
import os
import quopri
import random
import re
import struct
import sys
import unicodedata
import zipfile
import zlib

SEED = "sluis-train-corpus-v1"
HERE = os.path.dirname(os.path.abspath(__file__))

# --------------------------------------------------------------------------
# numbers
# --------------------------------------------------------------------------

def elf_ok(s):
    s = re.sub(r"\D", "", s)
    if len(s) != 9:
        return False
    d = [int(c) for c in s]
    tot = sum((9 - i) * d[i] for i in range(8)) - d[8]
    return tot % 11 == 0


def elf_number(rng, first=None):
    """9 digits passing the elfproef (used for BSNs and for hard negatives)."""
    while True:
        d = [first if first is not None else rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(7)]
        s = sum((9 - i) * d[i] for i in range(8))
        d9 = s % 11
        if d9 == 10:
            continue
        n = "".join(map(str, d)) + str(d9)
        if len(set(n)) < 4:
            continue
        assert elf_ok(n)
        return n


def non_elf_number(rng, first=None):
    while True:
        n = str(first if first is not None else rng.randint(1, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(8))
        if not elf_ok(n):
            return n


def fmt_bsn(rng, b, style=None):
    style = style or rng.choice(["plain", "plain", "plain", "dots3", "dots4", "space"])
    if style == "plain":
        return b
    if style == "dots3":
        return f"{b[:3]}.{b[3:6]}.{b[6:]}"
    if style == "dots4":
        return f"{b[:4]}.{b[4:6]}.{b[6:]}"
    if style == "space":
        return f"{b[:3]} {b[3:6]} {b[6:]}"
    if style == "space4":
        return f"{b[:4]} {b[4:6]} {b[6:]}"
    raise ValueError(style)


def bsn_kw(rng, lang="nl"):
    if lang == "en":
        return rng.choice(["BSN", "BSN:", "Citizen service number (BSN):", "BSN no.", "Dutch BSN", "burgerservicenummer (BSN)"])
    return rng.choice(["BSN", "BSN:", "BSN:", "burgerservicenummer", "Burgerservicenummer:", "Burgerservicenr.",
                       "BSN-nummer", "BSN nr.", "sofinummer", "Sofi-nr:", "bsn"])


def iban(rng, bank=None):
    bank = bank or rng.choice(["ABNA", "INGB", "RABO", "TRIO", "SNSB", "ASNB", "KNAB", "BUNQ"])
    acct = "".join(str(rng.randint(0, 9)) for _ in range(10))
    # compute check digits per ISO 13616
    conv = "".join(str(ord(c) - 55) if c.isalpha() else c for c in bank + acct + "NL00")
    chk = 98 - int(conv) % 97
    raw = f"NL{chk:02d}{bank}{acct}"
    return raw


def iban_fmt(rng, raw):
    if rng.random() < 0.5:
        return " ".join(raw[i:i + 4] for i in range(0, len(raw), 4))
    return raw


def kvk(rng):
    return "".join(str(rng.randint(0, 9)) for _ in range(8))


def agb(rng, kind="01"):
    return kind + "".join(str(rng.randint(0, 9)) for _ in range(6))


def btw(rng):
    return "NL" + "".join(str(rng.randint(0, 9)) for _ in range(9)) + "B0" + str(rng.randint(1, 9))


def mobile(rng, style=None):
    digits = "".join(str(rng.randint(0, 9)) for _ in range(8))
    style = style or rng.choice(["dash", "plain", "space", "intl", "intl2", "dash"])
    if style == "dash":
        return f"06-{digits}"
    if style == "plain":
        return f"06{digits}"
    if style == "space":
        return f"06 {digits[:4]} {digits[4:]}"
    if style == "intl":
        return f"+31 6 {digits[:4]} {digits[4:]}"
    return f"+31 (0)6 {digits[:2]} {digits[2:5]} {digits[5:]}"


def landline(rng, area=None):
    area = area or rng.choice(["030", "020", "010", "070", "038", "058", "050", "040", "024", "013", "036", "023", "033", "0570", "043", "0182", "072", "0513", "055", "073", "0492"])
    n = 10 - len(area)
    digits = str(rng.randint(2, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(n - 1))
    return rng.choice([f"{area}-{digits}", f"{area} {digits}", f"({area}) {digits}"])


def postcode(rng, lo, hi):
    letters = "ABCDEFGHJKLMNPRSTVWXZ"
    while True:
        l2 = rng.choice(letters) + rng.choice(letters)
        if l2 not in ("SA", "SD", "SS"):
            break
    num = rng.randint(lo, hi)
    return f"{num} {l2}" if rng.random() < 0.75 else f"{num}{l2}"


# --------------------------------------------------------------------------
# people and places
# --------------------------------------------------------------------------

FIRST = {
    "nl": {"V": ["Sanne", "Anouk", "Lotte", "Femke", "Maartje", "Wietske", "Tjitske", "Anneke", "Ilse", "Marloes", "Ria",
                 "Noor", "Fleur", "Lieke", "Geertje", "Esther", "Mirjam", "Hendrika", "Johanna", "Willemijn", "Inge",
                 "Carolien", "Joke", "Truus", "Annemiek", "Renée", "Loïs", "Anaïs", "Zoë", "Eline", "Sophie", "Emma",
                 "Julia", "Tess", "Gerda", "Hennie", "Marijke", "Janneke", "Sietske", "Margriet"],
           "M": ["Jan", "Pieter", "Daan", "Bram", "Willem", "Gerrit", "Cornelis", "Sjoerd", "Kees", "Joost", "Ruud", "Henk",
                 "Thijs", "Sem", "Bart", "Jeroen", "Maarten", "Wouter", "Hans", "Frits", "Teun", "Jurriën", "René", "Noël",
                 "André", "Gijs", "Luuk", "Sietse", "Hidde", "Gert-Jan", "Rutger", "Wim", "Dirk", "Jelle"]},
    "ma": {"V": ["Fatima", "Khadija", "Nadia", "Samira", "Imane", "Soukaina", "Hafsa", "Latifa", "Naïma", "Ikram"],
           "M": ["Mohamed", "Yassin", "Soufiane", "Bilal", "Hamza", "Youssef", "Abdelkader", "Redouan", "Anouar", "Said"]},
    "tr": {"V": ["Ayşe", "Elif", "Özlem", "Zeynep", "Gülsen", "Çağla", "Fadime", "Büşra", "Şule", "Hatice"],
           "M": ["Mehmet", "Emre", "Murat", "Hüseyin", "Oğuz", "Kerem", "İbrahim", "Ümit", "Cem", "Burak"]},
    "sr": {"V": ["Sharmila", "Roshni", "Kavita", "Gloria", "Shanti", "Marisca", "Romana", "Jennifer"],
           "M": ["Ravi", "Winston", "Anand", "Errol", "Dewnarain", "Rudie", "Ashwin", "Clyde"]},
    "pl": {"V": ["Katarzyna", "Agnieszka", "Małgorzata", "Joanna", "Ewa"],
           "M": ["Piotr", "Tomasz", "Paweł", "Łukasz", "Krzysztof"]},
    "sy": {"V": ["Lina", "Hiba", "Semhar", "Rahwa", "Rasha", "Yasmin"],
           "M": ["Rami", "Ahmad", "Yonas", "Omar", "Filmon", "Khaled"]},
    "as": {"V": ["Mei Ling", "Thi Lan", "Xiu", "Dewi"],
           "M": ["Wei", "Minh", "Jun", "Hendra"]},
    "eu": {"V": ["Chloé", "Søs", "Ana", "Ágnes", "Marta"],
           "M": ["Jürgen", "Søren", "Ángel", "Lóránt", "François"]},
}
LAST = {
    "nl": [("van der", "Meer"), ("de", "Vries"), ("van den", "Berg"), ("de", "Jong"), ("", "Bakker"), ("", "Visser"),
           ("", "Smit"), ("", "Meijer"), ("de", "Boer"), ("", "Mulder"), ("de", "Groot"), ("", "Bos"), ("", "Vos"),
           ("van", "Dijk"), ("van", "Leeuwen"), ("", "Dekker"), ("", "Brouwer"), ("de", "Wit"), ("", "Dijkstra"),
           ("de", "Graaf"), ("van der", "Linden"), ("", "Kok"), ("de", "Haan"), ("", "Vermeulen"), ("van den", "Heuvel"),
           ("van der", "Veen"), ("van 't", "Hof"), ("in 't", "Veld"), ("ter", "Horst"), ("ten", "Brink"), ("", "Hoekstra"),
           ("", "Postma"), ("", "IJzerman"), ("op den", "Akker"), ("van", "Rijn"), ("", "Wijnands"), ("", "Oosterhuis"),
           ("van", "Wijngaarden"), ("", "Kuiper"), ("", "Schoenmaker"), ("", "Bergsma"), ("", "Wiersma"), ("", "Zijlstra"),
           ("", "Terpstra"), ("", "Sikkema"), ("van", "Beek"), ("", "Verhoeven"), ("", "Hendriks"), ("", "Peeters"),
           ("van de", "Water"), ("", "Lammerts"), ("", "Goedhart")],
    "ma": [("", "El Amrani"), ("", "Bouzid"), ("", "El Idrissi"), ("", "Benali"), ("", "Ait Taleb"), ("", "Azzouz"),
           ("", "Chaouch"), ("", "El Khatib"), ("", "Bakkali"), ("", "Ouali")],
    "tr": [("", "Yılmaz"), ("", "Öztürk"), ("", "Kaya"), ("", "Demir"), ("", "Çelik"), ("", "Şahin"), ("", "Aydın"),
           ("", "Doğan"), ("", "Arslan"), ("", "Koç")],
    "sr": [("", "Ramdin"), ("", "Sewdien"), ("", "Jagroep"), ("", "Kartosen"), ("", "Sewnath"), ("", "Doekhie"),
           ("", "Pinas"), ("", "Biharie"), ("", "Kromodimedjo"), ("", "Wijngaarde")],
    "pl": [("", "Nowak"), ("", "Kowalski"), ("", "Wiśniewski"), ("", "Wójcik"), ("", "Zieliński")],
    "sy": [("", "Al-Hassan"), ("", "Haddad"), ("", "Tesfay"), ("", "Haile"), ("", "Kidane"), ("", "Alkhatib")],
    "as": [("", "Chen"), ("", "Wong"), ("", "Nguyễn"), ("", "Tran"), ("", "Lin"), ("", "Pattiasina"), ("", "Latuheru")],
    "eu": [("", "Müller"), ("", "Lefèvre"), ("", "Sørensen"), ("", "Fernández"), ("", "Novák")],
}
EN_FIRST = {"V": ["Emily", "Olivia", "Hannah", "Sarah", "Chloe", "Aoife", "Siobhan", "Priya", "Grace", "Megan", "Rachel",
                  "Laura", "Jess", "Amelia", "Charlotte", "Nisha", "Kate", "Ashley"],
            "M": ["James", "Thomas", "Michael", "Liam", "Connor", "Rahul", "Daniel", "Oliver", "Ben", "Matthew", "Tom",
                  "Andrew", "Ryan", "David", "Sam", "Kwame"]}
EN_LAST = ["Smith", "O'Brien", "Patel", "Walker", "Thompson", "Murphy", "Sharma", "Campbell", "MacLeod", "Evans",
           "Hughes", "Robinson", "Fitzgerald", "Okafor", "Johnson", "Miller", "García", "Kelly", "Reid", "Nakamura",
           "Brennan", "Chowdhury", "Anderson", "Byrne"]

CITIES = [("Amsterdam", 1011, 1109, "020"), ("Utrecht", 3511, 3585, "030"), ("Rotterdam", 3011, 3089, "010"),
          ("Den Haag", 2491, 2597, "070"), ("Zwolle", 8011, 8043, "038"), ("Leeuwarden", 8911, 8939, "058"),
          ("Groningen", 9711, 9747, "050"), ("Eindhoven", 5611, 5658, "040"), ("Nijmegen", 6511, 6546, "024"),
          ("Tilburg", 5011, 5049, "013"), ("Almere", 1311, 1363, "036"), ("Haarlem", 2011, 2037, "023"),
          ("Amersfoort", 3811, 3829, "033"), ("Deventer", 7411, 7429, "0570"), ("Maastricht", 6211, 6229, "043"),
          ("Gouda", 2801, 2809, "0182"), ("Alkmaar", 1811, 1827, "072"), ("Heerenveen", 8441, 8448, "0513"),
          ("Apeldoorn", 7311, 7339, "055"), ("'s-Hertogenbosch", 5211, 5248, "073"), ("Houten", 3991, 3997, "030"),
          ("Zeist", 3701, 3709, "030"), ("Enschede", 7511, 7548, "053"), ("Lelystad", 8211, 8245, "0320"),
          ("IJsselstein", 3401, 3404, "030"), ("Helmond", 5701, 5709, "0492"), ("Drachten", 9201, 9209, "0512")]
STREETS = ["Kerkstraat", "Dorpsstraat", "Molenweg", "Julianalaan", "Prinses Beatrixlaan", "Oranjestraat", "Schoolstraat",
           "Lindelaan", "Stationsweg", "Burgemeester de Withstraat", "Van 't Hoffstraat", "Heemraadssingel",
           "Kastanjelaan", "Eikenlaan", "Zonnebloemstraat", "Tulpstraat", "Dr. Schaepmanstraat", "Händelstraat",
           "Mozartlaan", "Sint Annastraat", "Noorderhaven", "Oudegracht", "Zuiderdiep", "Graaf Florislaan",
           "Koningin Wilhelminaweg", "Ds. van Dijkweg", "Ereprijsweg", "Schepen Canisiuslaan", "Vondelstraat",
           "Rembrandtplein", "Boerhaavelaan", "Pijnackerstraat", "Witte de Withstraat", "Hoofdstraat", "Brinkweg",
           "Irenestraat", "Lübeckstraat", "Esdoornhof", "Goudsbloemvallei", "Kruisweg"]


def _fold_ascii(s):
    s = s.replace("ı", "i").replace("ł", "l").replace("Ł", "L").replace("ø", "o").replace("Ø", "O").replace("İ", "I")
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


class Person:
    def __init__(self, rng, origin=None, sex=None, age=None, english=False, child=False):
        self.sex = sex or rng.choice("MV")
        if english:
            self.origin = "en"
            self.first = rng.choice(EN_FIRST[self.sex])
            self.tv, self.last = "", rng.choice(EN_LAST)
        else:
            self.origin = origin or rng.choices(list(FIRST), weights=[50, 9, 9, 8, 5, 6, 5, 4])[0]
            self.first = rng.choice(FIRST[self.origin][self.sex])
            self.tv, self.last = rng.choice(LAST[self.origin])
            if self.sex == "V" and self.origin in ("pl",) and self.last.endswith("ski"):
                self.last = self.last[:-1] + "a"
        self.partner_last = None
        if self.sex == "V" and not child and not english and rng.random() < 0.18:
            self.partner_last = rng.choice(LAST["nl"])
        if age is None:
            age = rng.randint(4, 15) if child else rng.randint(19, 91)
        self.age = age
        ref = dt.date(2025, 3, 1)
        self.dob = dt.date(ref.year - age, 1, 1) + dt.timedelta(days=rng.randint(0, 364))
        city = rng.choice(CITIES)
        self.city, self.area = city[0], city[3]
        self.postcode = postcode(rng, city[1], city[2])
        n = rng.randint(1, 212)
        suffix = rng.choice(["", "", "", "", "a", "b", "-2", " hs", " bis", "-III"])
        self.street = rng.choice(STREETS)
        self.houseno = f"{n}{suffix}"
        self.phone = mobile(rng)
        self.landline = landline(rng, self.area)
        self.bsn = elf_number(rng)
        self.patnr = str(rng.randint(10000, 9999999))
        self.initials = "".join(p[0] + "." for p in re.split(r"[ -]", self.first) if p)
        base = _fold_ascii((self.first.split()[0] + "." + (self.tv.replace(" ", "").replace("'", "") + self.last)).lower())
        base = re.sub(r"[^a-z0-9.]", "", base)
        self.email = rng.choice([
            f"{base}@mail.example", f"{base}{self.dob.year % 100:02d}@hotmail.example",
            f"{_fold_ascii(self.first.lower().split()[0])}{rng.randint(1, 999)}@ziggo.example",
            f"fam.{_fold_ascii(self.last.lower().replace(' ', ''))}@kpnmail.example", f"{base}@gmail.example",
            f"{_fold_ascii(self.first[0].lower())}.{_fold_ascii(self.last.lower().replace(' ', '').replace(chr(39), ''))}@xs4all.example"])
        self.email = re.sub(r"[^a-z0-9.@-]", "", self.email)

    # names ------------------------------------------------------------
    def lastname(self, capital=False):
        ln = self.last
        if self.partner_last:
            ln = (f"{self.partner_last[0]} {self.partner_last[1]}".strip()) + "-" + (f"{self.tv} {self.last}".strip())
            return ln[0].upper() + ln[1:] if capital else ln
        full = f"{self.tv} {ln}".strip()
        if capital:
            full = full[0].upper() + full[1:]
        return full

    @property
    def full(self):
        return f"{self.first} {self.lastname()}"

    def title(self, lang="nl", short=True):
        if lang == "en":
            return ("Mr" if self.sex == "M" else "Ms") if short else ("Mr." if self.sex == "M" else "Mrs.")
        return ("dhr." if self.sex == "M" else "mevr.") if short else ("de heer" if self.sex == "M" else "mevrouw")

    def formal(self, lang="nl", short=True):
        return f"{self.title(lang, short)} {self.initials} {self.lastname()}"

    def aanhef(self, lang="nl"):
        if lang == "en":
            return f"Dear {self.title('en')} {self.lastname(True)}"
        return f"Geachte {self.title('nl', False)} {self.lastname(True)}"

    def mv(self, lang="nl"):
        """'mevrouw Van der Meer' / 'meneer De Vries' for salutations"""
        if lang == "en":
            return f"{self.title('en')} {self.lastname(True)}"
        return f"{'meneer' if self.sex == 'M' else 'mevrouw'} {self.lastname(True)}"

    def his(self):
        """HIS-style 'Meer, S. van der'"""
        if self.partner_last:
            return f"{self.lastname(True)}, {self.initials}"
        if self.tv:
            return f"{self.last}, {self.initials} {self.tv}"
        return f"{self.last}, {self.initials}"

    def address(self, sep=", "):
        return f"{self.street} {self.houseno}{sep}{self.postcode} {self.city.upper() if sep == chr(10) and False else self.city}"

    def dob_fmt(self, rng, lang="nl"):
        d = self.dob
        if lang == "en":
            return rng.choice([d.strftime("%d/%m/%Y"), f"{d.day} {EN_MONTHS[d.month - 1]} {d.year}", d.isoformat(), f"{d.day:02d}-{d.month:02d}-{d.year}"])
        return rng.choice([f"{d.day:02d}-{d.month:02d}-{d.year}", f"{d.day}-{d.month}-{d.year}", f"{d.day:02d}.{d.month:02d}.{d.year}",
                           f"{d.day} {NL_MONTHS[d.month - 1]} {d.year}", f"{d.day:02d}/{d.month:02d}/{d.year}"])

    @property
    def he(self):
        return "hij" if self.sex == "M" else "zij"

    @property
    def his_nl(self):
        return "zijn" if self.sex == "M" else "haar"

    @property
    def him_nl(self):
        return "hem" if self.sex == "M" else "haar"

    @property
    def he_en(self):
        return "he" if self.sex == "M" else "she"

    @property
    def his_en(self):
        return "his" if self.sex == "M" else "her"

    @property
    def him_en(self):
        return "him" if self.sex == "M" else "her"


NL_MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"]
EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
NL_DAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
EN_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def nl_date(d, rng=None, long=True):
    if rng is not None and not long:
        return rng.choice([f"{d.day}-{d.month}-{d.year}", f"{d.day:02d}-{d.month:02d}-{d.year}", f"{d.day} {NL_MONTHS[d.month - 1][:3]}"])
    return f"{d.day} {NL_MONTHS[d.month - 1]} {d.year}"


def en_date(d):
    return f"{d.day} {EN_MONTHS[d.month - 1]} {d.year}"


PRACTICES = [
    ("Huisartsenpraktijk De Linde", "praktijk-delinde.nl"),
    ("Huisartsenpraktijk Van Dam & El Khatib", "praktijk-vandam.nl"),
    ("Gezondheidscentrum Oosterpoort", "praktijk-oosterpoort.nl"),
    ("Huisartsenpraktijk 't Hofje", "praktijk-hofje.nl"),
    ("Huisartsenpraktijk De Brug", "praktijk-debrug.nl"),
    ("Huisartsen Zuiderkwartier", "praktijk-zuiderkwartier.nl"),
    ("Huisartsenpraktijk Kanaleneiland", "praktijk-kanaleneiland.nl"),
    ("Huisartspraktijk Wiersma", "praktijk-wiersma.nl"),
    ("Huisartsengroep Het Anker", "praktijk-hetanker.nl"),
    ("Huisartsenpraktijk Sterrenwijk", "praktijk-sterrenwijk.nl"),
]


class Staff:
    def __init__(self, rng, role, practice=None):
        p = Person(rng, age=rng.randint(26, 63))
        self.p = p
        self.role = role
        self.practice, self.domain = practice or rng.choice(PRACTICES)
        self.first, self.full = p.first, p.full
        loc = _fold_ascii(p.first.split()[0].lower())
        lst = _fold_ascii((p.tv + p.last).replace(" ", "").replace("'", "").lower())
        self.email = rng.choice([f"{loc}.{lst}@{self.domain}", f"{loc[0]}.{lst}@{self.domain}", f"{loc}@{self.domain}"])
        self.email = re.sub(r"[^a-z0-9.@-]", "", self.email)
        self.phone = landline(rng)
        self.agb = agb(rng)

    def sig(self, rng, lang="nl", style="formal"):
        roles_en = {"huisarts": "GP", "doktersassistente": "practice assistant", "praktijkondersteuner": "practice nurse",
                    "POH-GGZ": "mental health practice nurse", "praktijkmanager": "practice manager", "waarnemend huisarts": "locum GP"}
        role = self.role if lang == "nl" else roles_en.get(self.role, self.role)
        name = self.full
        if self.role in ("huisarts", "waarnemend huisarts") and rng.random() < 0.6:
            name = ("drs. " if rng.random() < 0.5 else "dr. ") + f"{self.p.initials} {self.p.lastname()}" if lang == "nl" else f"Dr {self.p.lastname(True)}"
        if style == "terse":
            return f"{self.first}" if rng.random() < 0.5 else f"{self.p.initials} {self.p.lastname()}"
        lines = [name, role.capitalize() if role[0].islower() else role, self.practice]
        if rng.random() < 0.7:
            lines.append(("T " if rng.random() < 0.5 else "Tel. ") + self.phone)
        if rng.random() < 0.3:
            lines.append(self.email)
        return "\n".join(lines)


ORGS = {
    "hosp": [("Ziekenhuis Rijnland", "ziekenhuis-rijnland.test"), ("Medisch Centrum Zuid", "mc-zuid.test"),
             ("St. Antonius Gasthuis", "ziekenhuis-antonius.test"), ("Isala Klinieken", "ziekenhuis-isala.test"),
             ("Maasstad Medisch Centrum", "ziekenhuis-maasstad.test"), ("Spaarne Ziekenhuis", "ziekenhuis-spaarne.test")],
    "ggz": [("GGZ Noord", "ggz-noord.example"), ("Psychologenpraktijk De Horizon", "horizon-psychologen.example"),
            ("GGZ Centraal Ambulant", "ggzcentraal.example"), ("Expat Mental Health Amsterdam", "expatmind.example")],
    "jeugd": [("Buurtteam Jeugd & Gezin Oost", "buurtteam-oost.example"), ("Jeugdteam Lindendaal", "jeugdteam-lindendaal.example"),
              ("Centrum voor Jeugd en Gezin", "cjg-regio.example"), ("Veilig Thuis Regio Midden", "veiligthuis-midden.example")],
    "apo": [("Apotheek Centrum", "apotheek-centrum.example"), ("Service Apotheek De Vaart", "apotheek-devaart.example"),
            ("Apotheek Oosterpoort", "apotheek-oosterpoort.example")],
    "thuis": [("Thuiszorg Kwadraat", "thuiszorg-kwadraat.example"), ("Buurtzorg team Noord", "buurtzorg-noord.example"),
              ("Wijkverpleging De Zorgzame Buur", "zorgzamebuur.example")],
    "fysio": [("Fysiotherapie Beweegwijs", "fysio-beweegwijs.example"), ("Fysio & Manuele Therapie Het Plein", "fysiohetplein.example"),
              ("City Physio Amsterdam", "cityphysio.example")],
    "tand": [("Tandartsenpraktijk Hoogstraat", "tandartsen-hoogstraat.example"), ("Mondzorg De Kroon", "mondzorg-dekroon.example"),
             ("Tandheelkundig Centrum Lindendaal", "tcl-tandarts.example")],
    "gem": [("Gemeente Lindendaal", "gemeente-lindendaal.example"), ("Wmo-loket Gemeente Oosterhout-West", "wmo-oosterhoutwest.example"),
            ("Sociaal Wijkteam Centrum", "wijkteam-centrum.example")],
    "ins": [("ZekerZorg Zorgverzekeraar", "zekerzorg.example"), ("Zorgverzekeraar De Eendracht", "eendracht-zorg.example"),
            ("Global Health Cover Ltd", "globalhealthcover.example")],
    "verlos": [("Verloskundigenpraktijk De Wieg", "verloskunde-dewieg.example"), ("Verloskundigen Oost", "verloskundigen-oost.example")],
    "hap": [("Huisartsenpost Midden", "hap-midden.example"), ("Huisartsenspoedpost Noord", "hap-noord.example")],
    "arbo": [("ArboNed-achtige Bedrijfsgezondheid", "arbodienst.example"), ("Arbo Unie Regio", "arbo-regio.example")],
}


def org(rng, kind):
    return rng.choice(ORGS[kind])


def addr(name, email):
    """RFC 5322 mailbox; name may need quoting or encoding (done in header encoding)."""
    return (name, email)


# --------------------------------------------------------------------------
# clinical vocabulary
# --------------------------------------------------------------------------

MEDS = [
    ("metformine", ["500 mg 2dd1", "850 mg 3dd1", "1000 mg 2dd1"], "T90"),
    ("atorvastatine", ["20 mg 1dd1", "40 mg 1dd1 a.n."], "T93"),
    ("simvastatine", ["40 mg a.n.", "20 mg 1dd1"], "T93"),
    ("omeprazol", ["20 mg 1dd1 voor het ontbijt", "40 mg 1dd1"], "D84"),
    ("pantoprazol", ["40 mg 1dd1", "20 mg 1dd1"], "D84"),
    ("amlodipine", ["5 mg 1dd1", "10 mg 1dd1"], "K86"),
    ("lisinopril", ["10 mg 1dd1", "20 mg 1dd1"], "K86"),
    ("metoprolol retard", ["50 mg 1dd1", "100 mg 1dd1"], "K86"),
    ("levothyroxine", ["75 mcg 1dd1 nuchter", "100 mcg 1dd1", "50 mcg 1dd1"], "T86"),
    ("salbutamol inhalator", ["100 mcg/dosis zo nodig", "100 mcg 1-2 puffs zn max 8/dag"], "R96"),
    ("sertraline", ["50 mg 1dd1", "100 mg 1dd1"], "P76"),
    ("citalopram", ["20 mg 1dd1", "10 mg 1dd1"], "P76"),
    ("diclofenac", ["50 mg 3dd1 zn", "75 mg 2dd1"], "L03"),
    ("naproxen", ["500 mg 2dd1", "250 mg 3dd1 zn"], "L03"),
    ("oxazepam", ["10 mg zn max 2dd", "10 mg 1dd1 a.n."], "P74"),
    ("temazepam", ["10 mg a.n.", "20 mg a.n. zn"], "P06"),
    ("amoxicilline", ["500 mg 3dd1 gedurende 7 dagen", "750 mg 3dd1 5 dagen"], "R81"),
    ("nitrofurantoïne", ["100 mg 2dd1 gedurende 5 dagen", "50 mg 4dd1 5 dagen"], "U71"),
    ("prednison", ["30 mg 1dd1 5 dagen", "40 mg 1dd1 afbouwen"], "R96"),
    ("insuline glargine", ["18 E a.n.", "24 E s.c. 1dd"], "T90"),
    ("insuline aspart", ["volgens schema bij de maaltijden", "4-6-6 E"], "T90"),
    ("apixaban", ["5 mg 2dd1", "2,5 mg 2dd1"], "K78"),
    ("acenocoumarol", ["volgens schema trombosedienst", "1 mg volgens doseerschema"], "K78"),
    ("furosemide", ["40 mg 1dd1", "20 mg 1dd1"], "K77"),
    ("methylfenidaat", ["10 mg 2dd1", "18 mg retard 1dd1"], "P81"),
    ("quetiapine", ["25 mg a.n.", "50 mg a.n."], "P72"),
    ("hydrochloorthiazide", ["12,5 mg 1dd1", "25 mg 1dd1"], "K86"),
    ("fluticason neusspray", ["2dd 2 verstuivingen", "1dd2 pufjes per neusgat"], "R97"),
]
MEDS_EN = {"metformine": "metformin", "atorvastatine": "atorvastatin", "simvastatine": "simvastatin", "omeprazol": "omeprazole",
           "pantoprazol": "pantoprazole", "amlodipine": "amlodipine", "lisinopril": "lisinopril", "metoprolol retard": "metoprolol",
           "levothyroxine": "levothyroxine", "salbutamol inhalator": "salbutamol inhaler", "sertraline": "sertraline",
           "citalopram": "citalopram", "diclofenac": "diclofenac", "naproxen": "naproxen", "oxazepam": "oxazepam",
           "temazepam": "temazepam", "amoxicilline": "amoxicillin", "nitrofurantoïne": "nitrofurantoin", "prednison": "prednisolone",
           "insuline glargine": "insulin glargine", "insuline aspart": "insulin aspart", "apixaban": "apixaban",
           "acenocoumarol": "acenocoumarol", "furosemide": "furosemide", "methylfenidaat": "methylphenidate",
           "quetiapine": "quetiapine", "hydrochloorthiazide": "hydrochlorothiazide", "fluticason neusspray": "fluticasone nasal spray"}

ICPC = [("T90", "Diabetes mellitus type 2", "type 2 diabetes"), ("K86", "Hypertensie zonder orgaanbeschadiging", "hypertension"),
        ("R96", "Astma", "asthma"), ("R95", "COPD", "COPD"), ("P76", "Depressie", "depression"),
        ("P74", "Angststoornis", "anxiety disorder"), ("L03", "Lage rugpijn zonder uitstraling", "low back pain"),
        ("U71", "Cystitis/urineweginfectie", "urinary tract infection"), ("K78", "Atriumfibrilleren", "atrial fibrillation"),
        ("T86", "Hypothyreoïdie", "hypothyroidism"), ("D84", "Refluxziekte", "reflux disease"), ("N89", "Migraine", "migraine"),
        ("L90", "Artrose knie", "osteoarthritis of the knee"), ("S88", "Constitutioneel eczeem", "atopic eczema"),
        ("K77", "Hartfalen", "heart failure"), ("L84", "Rugklachten met uitstraling", "sciatica"),
        ("P15", "Chronisch alcoholmisbruik", "alcohol misuse"), ("K74", "Angina pectoris", "angina"),
        ("D12", "Obstipatie", "constipation"), ("T93", "Hypercholesterolemie", "hypercholesterolaemia")]

SYMPTOMS_NL = [
    "een droge hoest die maar niet overgaat", "al een week buikpijn, vooral na het eten", "erg duizelig als ik opsta",
    "me al dagen niet lekker voelen", "veel hoofdpijn, vooral 's ochtends", "ontzettend moe, ook na een hele nacht slapen",
    "kortademig bij traplopen", "rugpijn die uitstraalt naar mijn been", "uitslag op mijn armen die erg jeukt",
    "een branderig gevoel bij het plassen", "oorpijn en een beetje doof aan links", "keelpijn en koorts (38,9)",
    "hartkloppingen, vooral 's avonds", "slecht slapen en veel piekeren", "een knobbeltje in mijn hals gevoeld",
    "bloed bij de ontlasting", "een dikke knie na het voetballen", "steeds vaker migraine-aanvallen",
    "een wondje aan mijn voet dat niet geneest", "tintelingen in mijn handen 's nachts", "last van maagzuur",
    "benauwd 's nachts", "pijn op de borst bij inspanning", "jeuk en roodheid rond mijn ogen",
]
SYMPTOMS_EN = [
    "a dry cough that just won't go away", "stomach cramps after eating", "dizzy spells when I stand up",
    "feeling really run down", "headaches almost every morning", "exhausted all the time", "short of breath on the stairs",
    "lower back pain going down my leg", "an itchy rash on my arms", "a burning feeling when I pee",
    "earache and muffled hearing", "a sore throat and a fever of 38.9", "heart palpitations in the evening",
    "trouble sleeping and a lot of worrying", "a lump in my neck", "blood in my stool", "a swollen knee after football",
    "more and more migraines", "tingling in my hands at night", "heartburn",
]
CLIN_BY_CODE = {
    "T90": (["polyurie en dorst", "gewichtsverlies", "slecht genezend ulcus aan de voet", "moeheid"], "interne geneeskunde"),
    "K86": (["hoofdpijn", "RR 172/104 ondanks drie middelen", "duizeligheid"], "cardiologie"),
    "R96": (["nachtelijk hoesten", "piepende ademhaling", "dyspneu bij inspanning"], "longziekten"),
    "R95": (["toenemende dyspneu", "productieve hoest", "frequente exacerbaties"], "longziekten"),
    "L03": (["lage rugpijn", "pijn bij bukken", "bewegingsbeperking"], "orthopedie"),
    "U71": (["recidiverende dysurie", "mictieklachten", "hematurie"], "urologie"),
    "K78": (["palpitaties", "irregulaire pols", "kortademigheid"], "cardiologie"),
    "T86": (["moeheid", "gewichtstoename", "koude-intolerantie"], "interne geneeskunde"),
    "D84": (["pyrosis", "epigastrische pijn", "slikklachten"], "MDL"),
    "N89": (["frequente migraineaanvallen", "hoofdpijn met aura", "misselijkheid bij hoofdpijn"], "neurologie"),
    "L90": (["startpijn knie", "zwelling knie", "nachtelijke pijn"], "orthopedie"),
    "S88": (["jeukende huiduitslag", "eczeem handen", "slaapproblemen door jeuk"], "dermatologie"),
    "K77": (["oedeem enkels", "orthopneu", "gewichtstoename van 3 kg"], "cardiologie"),
    "L84": (["uitstralende pijn been", "tintelingen voet", "krachtsverlies"], "neurologie"),
    "K74": (["pijn op de borst bij inspanning", "drukkend gevoel op de borst"], "cardiologie"),
    "D12": (["obstipatie", "buikpijn", "veranderd defecatiepatroon"], "MDL"),
    "T93": (["familiair belast", "LDL 6,1 mmol/l"], "interne geneeskunde"),
}
SYMPTOMS_CLIN = ["droge hoest", "postprandiale buikpijn", "duizeligheid bij opstaan", "moeheid", "hoofdpijn", "dyspneu d'effort",
                 "lage rugpijn met uitstraling", "jeukende huiduitslag", "dysurie", "otalgie", "keelpijn en koorts", "palpitaties",
                 "slaapproblemen", "zwelling in de hals", "rectaal bloedverlies", "knieklachten", "paresthesieën handen", "pyrosis"]

DURATION_NL = ["sinds gisteren", "sinds een paar dagen", "al ruim een week", "sinds vorige week", "al een maand of twee",
               "sinds het weekend", "al sinds de vakantie", "al een tijdje", "sinds drie dagen"]
DURATION_EN = ["since yesterday", "for a few days now", "for over a week", "since last week", "for about two months",
               "since the weekend", "since we got back from holiday", "for a while now"]

SPECIALISMS = [("cardiologie", "cardiology", "cardioloog"), ("longziekten", "pulmonology", "longarts"),
               ("MDL", "gastroenterology", "MDL-arts"), ("neurologie", "neurology", "neuroloog"),
               ("dermatologie", "dermatology", "dermatoloog"), ("orthopedie", "orthopaedics", "orthopeed"),
               ("gynaecologie", "gynaecology", "gynaecoloog"), ("KNO", "ENT", "KNO-arts"),
               ("interne geneeskunde", "internal medicine", "internist"), ("urologie", "urology", "uroloog"),
               ("oogheelkunde", "ophthalmology", "oogarts"), ("reumatologie", "rheumatology", "reumatoloog"),
               ("geriatrie", "geriatrics", "geriater"), ("kindergeneeskunde", "paediatrics", "kinderarts")]

LABS = [  # name, unit, low, high, decimals, ref
    ("HbA1c", "mmol/mol", 42, 78, 0, "< 53"), ("Glucose nuchter", "mmol/l", 5.1, 9.8, 1, "4.0-6.0"),
    ("eGFR (CKD-EPI)", "ml/min/1.73m2", 38, 95, 0, "> 60"), ("Kreatinine", "umol/l", 62, 148, 0, "60-110"),
    ("LDL-cholesterol", "mmol/l", 1.8, 4.9, 1, "< 2.6"), ("Totaal cholesterol", "mmol/l", 3.9, 7.4, 1, "< 5.0"),
    ("HDL-cholesterol", "mmol/l", 0.8, 2.1, 2, "> 1.0"), ("TSH", "mU/l", 0.2, 9.7, 2, "0.4-4.0"),
    ("Vrij T4", "pmol/l", 9.0, 24.0, 1, "10-23"), ("Hb", "mmol/l", 6.1, 9.6, 1, "7.5-10.0"),
    ("MCV", "fl", 74, 101, 0, "80-100"), ("CRP", "mg/l", 1, 88, 0, "< 10"), ("Leukocyten", "10^9/l", 3.8, 14.2, 1, "4.0-10.0"),
    ("Ferritine", "ug/l", 8, 240, 0, "20-300"), ("Vitamine B12", "pmol/l", 110, 520, 0, "> 148"), ("Kalium", "mmol/l", 3.4, 5.6, 1, "3.5-5.0"),
    ("Natrium", "mmol/l", 131, 145, 0, "135-145"), ("ALAT", "U/l", 12, 88, 0, "< 45"), ("Gamma-GT", "U/l", 14, 160, 0, "< 55"),
    ("PSA", "ug/l", 0.4, 9.8, 1, "< 4.0"), ("INR", "", 1.6, 4.2, 1, "therapeutisch 2.0-3.0"), ("Albumine/kreatinine ratio", "mg/mmol", 0.4, 12.0, 1, "< 3.0"),
]


def lab_values(rng, k=None):
    k = k or rng.randint(3, 7)
    out = []
    for name, unit, lo, hi, dec, ref in rng.sample(LABS, k):
        v = rng.uniform(lo, hi)
        vs = f"{v:.{dec}f}" if dec else str(int(round(v)))
        out.append((name, vs, unit, ref))
    return out


# --------------------------------------------------------------------------
# MIME builder
# --------------------------------------------------------------------------

CODECS = {"utf-8": "utf-8", "iso-8859-1": "latin-1", "windows-1252": "cp1252", "utf-16le": "utf-16-le", "us-ascii": "ascii",
          "iso-8859-15": "iso8859-15"}


def can_encode(text, charset):
    try:
        text.encode(CODECS[charset])
        return True
    except UnicodeEncodeError:
        return False


class Leaf:
    def __init__(self, ctype, data, charset=None, cte=None, filename=None, disp=None, fname_enc=None,
                 ctype_params=None, extra_headers=None, name_param=True):
        self.ctype = ctype
        self.data = data
        self.charset = charset
        self.cte = cte
        self.filename = filename
        self.disp = disp if disp is not None else ("attachment" if filename else None)
        self.fname_enc = fname_enc  # None | 'rfc2231' | 'rfc2047'
        self.ctype_params = ctype_params or []
        self.extra_headers = extra_headers or []
        self.name_param = name_param


class Multi:
    def __init__(self, subtype, parts, extra_params=None):
        self.subtype = subtype
        self.parts = parts
        self.extra_params = extra_params or []


def qp_encode(raw):
    """Quoted-printable with LF line ends."""
    out = quopri.encodestring(raw, quotetabs=False)
    return out


def encode_word(text, charset="utf-8", enc="Q"):
    if not can_encode(text, charset):
        charset = "utf-8"
    if enc == "B":
        words = []
        # split into chunks small enough for 75 char words, not splitting multibyte chars
        chunk = ""
        for ch in text:
            trial = chunk + ch
            if len(base64.b64encode(trial.encode(CODECS[charset]))) > 75 - len(charset) - 7:
                words.append(chunk)
                chunk = ch
            else:
                chunk = trial
        if chunk:
            words.append(chunk)
        return [f"=?{charset}?B?{base64.b64encode(w.encode(CODECS[charset])).decode()}?=" for w in words]
    words, cur = [], ""
    limit = 75 - len(charset) - 7
    for ch in text:
        b = ch.encode(CODECS[charset])
        if ch == " ":
            e = "_"
        elif (ch.isascii() and (ch.isalnum() or ch in "!*+-/")):
            e = ch
        else:
            e = "".join(f"={x:02X}" for x in b)
        if len(cur) + len(e) > limit:
            words.append(cur)
            cur = ""
        cur += e
    if cur:
        words.append(cur)
    return [f"=?{charset}?Q?{w}?=" for w in words]


def needs_quote(name):
    return bool(re.search(r'[(),.:;<>@\[\]"\\]', name))


def fmt_mailbox(name, email, charset="utf-8", enc="Q", nl="\r\n"):
    if not name:
        return email
    if all(ord(c) < 128 for c in name):
        if needs_quote(name):
            name = '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'
        return f"{name} <{email}>"
    words = encode_word(name, charset, enc)
    return (nl + " ").join(words) + f" <{email}>"


def fmt_unstructured(value, charset="utf-8", enc="Q", nl="\r\n"):
    if all(ord(c) < 128 for c in value):
        return fold(value, nl)
    return (nl + " ").join(encode_word(value, charset, enc))


def fold(value, nl):
    if len(value) < 76:
        return value
    out, line = [], ""
    for w in value.split(" "):
        if line and len(line) + 1 + len(w) > 76:
            out.append(line)
            line = w
        else:
            line = f"{line} {w}" if line else w
    out.append(line)
    return (nl + " ").join(out)


class Ctx:
    """Per-message builder with bookkeeping for labels and verification."""

    def __init__(self, rng, idx):
        self.rng = rng
        self.idx = idx
        self.labels = {"bsn": 0, "health": 0, "personal": 0, "unscannable": 0}
        self.notes = []
        self.nl = "\r\n"
        self.lang = "nl"
        self.texts = []
        self.bsns = set()
        self.allowed = set()  # elfproef-valid numbers that are not BSNs
        self.headers = []
        self.body = None
        self.boundary_n = 0

    # bookkeeping ---------------------------------------------------------
    def tag(self, *t):
        for x in t:
            for y in x.split(";"):
                if y and y not in self.notes:
                    self.notes.append(y)

    def set(self, bsn=None, health=None, personal=None, unscannable=None):
        for k, v in (("bsn", bsn), ("health", health), ("personal", personal), ("unscannable", unscannable)):
            if v is not None:
                self.labels[k] = int(v)

    def use_bsn(self, b):
        self.bsns.add(b)
        self.labels["bsn"] = 1
        return b

    def neg(self, n):
        self.allowed.add(re.sub(r"\D", "", n))
        return n

    def boundary(self):
        self.boundary_n += 1
        h = hashlib.sha1(f"{SEED}/{self.idx}/{self.boundary_n}".encode()).hexdigest()
        return self.rng.choice([f"----=_Part_{self.boundary_n}_{h[:10]}.{h[10:23]}", f"_00{self.boundary_n}_{h[:24].upper()}_",
                                f"Apple-Mail={h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:28]}".upper(), f"=_{h[:20]}", f"{h[:28]}"])


def serialize_part(ctx, p, nl):
    out = []
    if isinstance(p, Multi):
        b = ctx.boundary()
        params = "".join(f"; {k}=\"{v}\"" for k, v in p.extra_params)
        out.append(f"Content-Type: multipart/{p.subtype};{nl} boundary=\"{b}\"{params}")
        out.append("")
        body = [] if ctx.rng.random() < 0.5 else ["This is a multi-part message in MIME format.", ""]
        for sub in p.parts:
            body.append(f"--{b}")
            body.append(serialize_part(ctx, sub, nl))
        body.append(f"--{b}--")
        body.append("")
        return nl.join(out) + nl + nl.join(body)
    # leaf
    params = ""
    if p.charset:
        params += f"; charset=\"{p.charset}\"" if ctx.rng.random() < 0.5 else f"; charset={p.charset}"
    for k, v in p.ctype_params:
        params += f"; {k}={v}"
    fn_hdr = ""
    if p.filename:
        fn = p.filename
        if all(ord(c) < 128 for c in fn):
            if p.name_param:
                params += f";{nl} name=\"{fn}\""
            fn_hdr = f";{nl} filename=\"{fn}\""
        elif p.fname_enc == "rfc2047":
            w = encode_word(fn, "utf-8", "B")
            params += f";{nl} name=\"{' '.join(w)}\""
            fn_hdr = f";{nl} filename=\"{' '.join(w)}\""
        else:
            from urllib.parse import quote
            enc = "utf-8''" + quote(fn.encode("utf-8"), safe="")
            params += f";{nl} name*={enc}"
            fn_hdr = f";{nl} filename*={enc}"
    out.append(f"Content-Type: {p.ctype}{params}")
    data = p.data
    cte = p.cte
    if isinstance(data, str):
        text = data.replace("\r\n", "\n")
        if p.charset == "utf-16le":
            cte = "base64"
            raw = text.replace("\n", "\r\n").encode("utf-16-le")
        else:
            raw = text.encode(CODECS[p.charset or "utf-8"])
        if cte is None:
            cte = "7bit" if all(b < 128 for b in raw) else "8bit"
        if cte == "base64":
            if p.charset != "utf-16le":
                raw = raw.replace(b"\n", nl.encode())
            enc = base64.encodebytes(raw).decode().replace("\n", nl)
        elif cte == "quoted-printable":
            enc = qp_encode(raw).decode("ascii").replace("\n", nl)
        else:
            enc = raw.decode("latin-1").replace("\n", nl)  # bytes preserved via latin-1 roundtrip
    elif cte == "base64-raw":
        cte = "base64"
        enc = data.decode("latin-1").replace("\n", nl)
    elif cte in ("7bit", "8bit", "binary"):
        enc = data.decode("latin-1")
    else:
        cte = cte or "base64"
        enc = base64.encodebytes(data).decode().replace("\n", nl)
    out.append(f"Content-Transfer-Encoding: {cte}")
    if p.disp:
        out.append(f"Content-Disposition: {p.disp}{fn_hdr}")
    for h in p.extra_headers:
        out.append(h)
    out.append("")
    return nl.join(out) + nl + enc + ("" if enc.endswith(nl) else nl)


def date_hdr(d, rng):
    # d: datetime (local Dutch time)
    summer = 3 < d.month < 11
    tz = "+0200" if summer else "+0100"
    return f"{EN_DAYS[d.weekday()][:3]}, {d.day} {EN_MONTHS[d.month - 1][:3]} {d.year} {d.strftime('%H:%M:%S')} {tz}"


def render(ctx, hdrs, body):
    """hdrs: list of (name, value) where value is either str (already ascii-safe or to be encoded) or tuple."""
    nl = ctx.nl
    lines = []
    for name, value in hdrs:
        lines.append(f"{name}: {value}")
    lines.append("MIME-Version: 1.0")
    text = nl.join(lines) + nl + serialize_part(ctx, body, nl)
    return text.encode("latin-1")


def make_headers(ctx, frm, to, subject, when, cc=None, extra=None, charset="utf-8", enc=None, reply_to=None):
    rng, nl = ctx.rng, ctx.nl
    enc = enc or rng.choice(["Q", "B", "Q"])
    if not can_encode(subject + (frm[0] or ""), charset):
        charset = "utf-8"
    hs = []
    order = rng.random()
    hs.append(("Date", date_hdr(when, rng)))
    hs.append(("From", fmt_mailbox(frm[0], frm[1], charset, enc, nl)))
    tos = to if isinstance(to, list) else [to]
    hs.append(("To", ("," + nl + " ").join(fmt_mailbox(n, e, charset, enc, nl) for n, e in tos)))
    if cc:
        ccs = cc if isinstance(cc, list) else [cc]
        hs.append(("Cc", ("," + nl + " ").join(fmt_mailbox(n, e, charset, enc, nl) for n, e in ccs)))
    if reply_to:
        hs.append(("Reply-To", fmt_mailbox(reply_to[0], reply_to[1], charset, enc, nl)))
    hs.append(("Subject", fmt_unstructured(subject, charset, enc, nl)))
    dom = frm[1].split("@")[1]
    mid = hashlib.sha1(f"{SEED}/{ctx.idx}/mid".encode()).hexdigest()
    hs.append(("Message-ID", rng.choice([f"<{mid[:24]}@{dom}>", f"<{mid[:8]}.{mid[8:20]}@mail.{dom}>",
                                         f"<AM{mid[:6].upper()}PR0{mid[6:8]}MB{mid[8:12]}.{mid[12:24]}@{dom}>"])))
    for e in (extra or []):
        hs.append(e)
    mailer = rng.choice([None, None, ("X-Mailer", "Microsoft Outlook 16.0"), ("User-Agent", "Mozilla Thunderbird 128.3"),
                         ("X-Mailer", "Apple Mail (2.3774.600.62)"), ("X-Mailer", "iPhone Mail (21F90)"),
                         ("User-Agent", "Roundcube Webmail/1.6.7"), ("X-Mailer", "HIS-Mailer 4.2"),
                         ("X-Mailer", "Zimbra 9.0"), ("User-Agent", "K-9 Mail for Android")])
    if mailer:
        hs.append(mailer)
    if order < 0.3:  # some clients put Subject/From first
        hs = [h for h in hs if h[0] in ("From", "Subject")] + [h for h in hs if h[0] not in ("From", "Subject")]
    return hs


def rand_when(rng, year=None):
    start = dt.datetime(2024, 1, 8) if year is None else dt.datetime(year, 1, 2)
    d = start + dt.timedelta(days=rng.randint(0, 600))
    # mostly office hours on weekdays
    if d.weekday() >= 5 and rng.random() < 0.8:
        d += dt.timedelta(days=7 - d.weekday())
    return d.replace(hour=rng.choice([7, 8, 8, 9, 9, 10, 10, 11, 12, 13, 14, 15, 16, 17, 19, 21, 22]),
                     minute=rng.randint(0, 59), second=rng.randint(0, 59))


# --------------------------------------------------------------------------
# attachment builders
# --------------------------------------------------------------------------

FIXED_ZIP_DATE = (2024, 11, 4, 10, 30, 0)
_ISO_RE = re.compile(rb"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z?")


def normalize_zip(data, stamp=b"2024-11-04T10:30:00Z"):
    zin = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    zout = zipfile.ZipFile(out, "w")
    for info in zin.infolist():
        blob = zin.read(info.filename)
        if info.filename in ("docProps/core.xml", "meta.xml", "docProps/app.xml"):
            blob = _ISO_RE.sub(stamp, blob)
        zi = zipfile.ZipInfo(info.filename, FIXED_ZIP_DATE)
        zi.compress_type = info.compress_type
        zi.external_attr = info.external_attr
        zout.writestr(zi, blob)
    zout.close()
    return out.getvalue()


def docx_bytes(rng, paragraphs, header_rows=None, table_rows=None, split=None, author="Huisartsenpraktijk", title=None):
    """paragraphs: list of str or (str, 'bold'/'heading').  split: substrings to spread over several runs."""
    import docx
    from docx.shared import Pt
    d = docx.Document()
    cp = d.core_properties
    cp.author = author
    cp.last_modified_by = author
    cp.created = dt.datetime(2024, 11, 4, 10, 30)
    cp.modified = dt.datetime(2024, 11, 4, 10, 30)
    cp.revision = 1
    if title:
        cp.title = title
    if header_rows:
        hdr = d.sections[0].header
        t = hdr.add_table(rows=0, cols=2, width=docx.shared.Cm(16))
        for k, v in header_rows:
            row = t.add_row().cells
            row[0].text = k
            _docx_runs(row[1].paragraphs[0], v, split, rng)
    split = split or []
    for p in paragraphs:
        style = None
        if isinstance(p, tuple):
            p, style = p
        if style == "heading":
            d.add_heading(p, level=2)
            continue
        para = d.add_paragraph()
        _docx_runs(para, p, split, rng, bold=(style == "bold"))
    if table_rows:
        t = d.add_table(rows=0, cols=len(table_rows[0]))
        t.style = "Table Grid"
        for r in table_rows:
            cells = t.add_row().cells
            for i, v in enumerate(r):
                _docx_runs(cells[i].paragraphs[0], str(v), split, rng)
    buf = io.BytesIO()
    d.save(buf)
    return normalize_zip(buf.getvalue())


def _docx_runs(para, text, split, rng, bold=False):
    split = split or []
    # find split targets and write them as several runs
    pos = 0
    pattern = "|".join(re.escape(s) for s in split if s)
    if pattern:
        for m in re.finditer(pattern, text):
            if m.start() > pos:
                r = para.add_run(text[pos:m.start()])
                r.bold = bold
            tok = m.group(0)
            cuts = sorted(rng.sample(range(1, len(tok)), min(3, len(tok) - 1)))
            prev = 0
            for c in cuts + [len(tok)]:
                r = para.add_run(tok[prev:c])
                r.bold = bold
                if rng.random() < 0.3:
                    r.italic = False
                prev = c
            pos = m.end()
    if pos < len(text):
        r = para.add_run(text[pos:])
        r.bold = bold


def xlsx_bytes(rng, sheets, numeric_cols=None, widths=None):
    """sheets: list of (title, rows).  Values that are digit strings in numeric_cols become numbers."""
    import openpyxl
    wb = openpyxl.Workbook()
    wb.properties.creator = "Medewerker"
    wb.properties.created = dt.datetime(2024, 11, 4, 10, 30)
    first = True
    for title, rows in sheets:
        ws = wb.active if first else wb.create_sheet()
        first = False
        ws.title = title
        for r in rows:
            vals = []
            for i, v in enumerate(r):
                if numeric_cols and i in numeric_cols and isinstance(v, str) and re.fullmatch(r"\d+", v):
                    v = int(v)
                vals.append(v)
            ws.append(vals)
        for i in range(len(rows[0]) if rows else 0):
            ws.column_dimensions[chr(65 + i)].width = 18
    buf = io.BytesIO()
    wb.save(buf)
    return normalize_zip(buf.getvalue())


def odt_bytes(paragraphs, table_rows=None):
    from odf.opendocument import OpenDocumentText
    from odf.text import P, H
    from odf import table as otable
    doc = OpenDocumentText()
    for p in paragraphs:
        if isinstance(p, tuple):
            doc.text.addElement(H(outlinelevel=2, text=p[0]))
        else:
            for line in p.split("\n"):
                doc.text.addElement(P(text=line))
    if table_rows:
        t = otable.Table(name="Tabel1")
        t.addElement(otable.TableColumn(numbercolumnsrepeated=len(table_rows[0])))
        for r in table_rows:
            tr = otable.TableRow()
            for v in r:
                tc = otable.TableCell()
                tc.addElement(P(text=str(v)))
                tr.addElement(tc)
            t.addElement(tr)
        doc.text.addElement(t)
    buf = io.BytesIO()
    doc.save(buf)
    return normalize_zip(buf.getvalue())


def pdf_bytes(pages, title="Document", split_tokens=None, reverse_split=False, font="Helvetica", rng=None):
    """pages: list of list-of-lines.  split_tokens: strings drawn as separate text objects."""
    from reportlab.pdfgen import canvas
    from reportlab.lib.pagesizes import A4
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.setTitle(title)
    c.setAuthor("HIS export")
    split_tokens = [s for s in (split_tokens or []) if s]
    for lines in pages:
        y = 800
        for line in lines:
            bold = False
            size = 10
            if line.startswith("# "):
                line, bold, size = line[2:], True, 13
            line = _pdf_safe(line)
            c.setFont(font + ("-Bold" if bold else ""), size)
            toks = [t for t in split_tokens if _pdf_safe(t) in line]
            if toks:
                tok = _pdf_safe(toks[0])
                pre, post = line.split(tok, 1)
                x = 56
                c.drawString(x, y, pre)
                x += c.stringWidth(pre, font, size)
                pieces = []
                cut = [0] + sorted((rng or random.Random(1)).sample(range(1, len(tok)), 2)) + [len(tok)]
                px = x
                for a, b in zip(cut, cut[1:]):
                    pieces.append((px, tok[a:b]))
                    px += c.stringWidth(tok[a:b], font, size)
                for px0, s in (reversed(pieces) if reverse_split else pieces):
                    c.drawString(px0, y, s)
                c.drawString(px, y, post)
            else:
                c.drawString(56, y, line)
            y -= 15 if size == 10 else 20
            if y < 60:
                c.showPage()
                y = 800
        c.showPage()
    c.save()
    return buf.getvalue()


def _pdf_safe(s):
    try:
        s.encode("cp1252")
        return s
    except UnicodeEncodeError:
        return "".join(ch if _cp(ch) else _fold_ascii(ch) for ch in s)


def _cp(ch):
    try:
        ch.encode("cp1252")
        return True
    except UnicodeEncodeError:
        return False


class _DetRandom:
    def __init__(self, seed):
        self.r = random.Random(seed)

    def token_bytes(self, n=32):
        return bytes(self.r.getrandbits(8) for _ in range(n))


def encrypt_pdf(data, password, algorithm, seed):
    import secrets
    import pypdf
    from pypdf import _encryption, _writer
    from pypdf._crypt_providers import _cryptography as cp1
    det = _DetRandom(seed)
    saved = secrets.token_bytes
    secrets.token_bytes = det.token_bytes
    try:
        r = pypdf.PdfReader(io.BytesIO(data))
        w = pypdf.PdfWriter()
        for pg in r.pages:
            w.add_page(pg)
        w.add_metadata({"/Producer": "HIS export"})
        w.encrypt(user_password=password, owner_password=password + "-own", algorithm=algorithm)
        out = io.BytesIO()
        w.write(out)
        return out.getvalue()
    finally:
        secrets.token_bytes = saved


def aes_zip(files, password, seed):
    import pyzipper
    from pyzipper import zipfile_aes
    det = random.Random(seed)

    class _R:
        def read(self, n):
            return bytes(det.getrandbits(8) for _ in range(n))

    class _Random:
        @staticmethod
        def new():
            return _R()

    saved = zipfile_aes.Random
    zipfile_aes.Random = _Random
    try:
        buf = io.BytesIO()
        with pyzipper.AESZipFile(buf, "w", compression=pyzipper.ZIP_DEFLATED, encryption=pyzipper.WZ_AES) as z:
            z.setpassword(password.encode())
            for name, blob in files:
                zi = z.zipinfo_cls(name, FIXED_ZIP_DATE)
                zi.compress_type = pyzipper.ZIP_DEFLATED
                z.writestr(zi, blob)
        return buf.getvalue()
    finally:
        zipfile_aes.Random = saved


def _crc_tab():
    t = []
    for n in range(256):
        c = n
        for _ in range(8):
            c = (0xEDB88320 ^ (c >> 1)) if c & 1 else (c >> 1)
        t.append(c)
    return t


_CRC = _crc_tab()


def zipcrypto_zip(files, password, seed):
    """Traditional PKWARE ('ZipCrypto') encrypted zip, deflated entries."""
    rng = random.Random(seed)
    out = io.BytesIO()
    central = []
    dostime = (FIXED_ZIP_DATE[3] << 11) | (FIXED_ZIP_DATE[4] << 5) | (FIXED_ZIP_DATE[5] // 2)
    dosdate = ((FIXED_ZIP_DATE[0] - 1980) << 9) | (FIXED_ZIP_DATE[1] << 5) | FIXED_ZIP_DATE[2]
    for name, blob in files:
        crc = zlib.crc32(blob) & 0xFFFFFFFF
        co = zlib.compressobj(9, zlib.DEFLATED, -15)
        comp = co.compress(blob) + co.flush()
        keys = [0x12345678, 0x23456789, 0x34567890]

        def upd(c):
            keys[0] = _CRC[(keys[0] ^ c) & 0xFF] ^ (keys[0] >> 8)
            keys[1] = (keys[1] + (keys[0] & 0xFF)) & 0xFFFFFFFF
            keys[1] = (keys[1] * 134775813 + 1) & 0xFFFFFFFF
            keys[2] = _CRC[(keys[2] ^ (keys[1] >> 24)) & 0xFF] ^ (keys[2] >> 8)

        for ch in password.encode():
            upd(ch)

        def enc(bs):
            res = bytearray()
            for b in bs:
                t = (keys[2] | 2) & 0xFFFF
                k = ((t * (t ^ 1)) >> 8) & 0xFF
                res.append(b ^ k)
                upd(b)
            return bytes(res)

        header = bytes(rng.getrandbits(8) for _ in range(11)) + bytes([crc >> 24])
        data = enc(header) + enc(comp)
        nb = name.encode()
        off = out.tell()
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 1, 8, dostime, dosdate, crc, len(data), len(blob), len(nb), 0))
        out.write(nb)
        out.write(data)
        central.append(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 1, 8, dostime, dosdate, crc, len(data), len(blob),
                                   len(nb), 0, 0, 0, 0, 0x20, off) + nb)
    cd_off = out.tell()
    for c in central:
        out.write(c)
    cd_len = out.tell() - cd_off
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(files), len(files), cd_len, cd_off, 0))
    return out.getvalue()


def plain_zip(files):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, blob in files:
            zi = zipfile.ZipInfo(name, FIXED_ZIP_DATE)
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, blob)
    return buf.getvalue()


def rtf_escape(s):
    out = []
    for ch in s:
        o = ord(ch)
        if ch in "\\{}":
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\par\n")
        elif o < 128:
            out.append(ch)
        else:
            try:
                b = ch.encode("cp1252")
                out.append("\\'%02x" % b[0])
            except UnicodeEncodeError:
                out.append("\\u%d?" % (o if o < 32768 else o - 65536))
    return "".join(out)


def rtf_bytes(rng, paragraphs, split=None):
    body = []
    for p in paragraphs:
        t = rtf_escape(p)
        for s in (split or []):
            if s and s in p:
                a, b = rng.sample(range(1, len(s)), 2) if len(s) > 3 else (1, 2)
                a, b = min(a, b), max(a, b)
                pieces = [s[:a], s[a:b], s[b:]]
                t = t.replace(s, "{" + pieces[0] + "}{\\*\\bkmkstart bsn}" + pieces[1] + "{\\*\\bkmkend bsn}{\\b0 " + pieces[2] + "}")
        body.append("\\pard\\sa120 " + t + "\\par")
    doc = ("{\\rtf1\\ansi\\ansicpg1252\\deff0\\nouicompat{\\fonttbl{\\f0\\fswiss\\fcharset0 Arial;}}\n"
           "{\\*\\generator Riched20 10.0.19041}\\viewkind4\\uc1\n\\f0\\fs20 " + "\n".join(body) + "\n}\n")
    return doc.encode("ascii")


FONT_PATHS = ["/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"]


def _font(size, mono=False):
    from PIL import ImageFont
    paths = (["/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"] if mono else []) + FONT_PATHS
    for p in paths:
        if os.path.exists(p):
            return ImageFont.truetype(p, size)
    return ImageFont.load_default(size=size)


def text_image(lines, fmt="PNG", seed=0, size=26, width=1400, scan=False, mono=False):
    from PIL import Image, ImageDraw, ImageFilter
    rng = random.Random(seed)
    font = _font(size, mono)
    lh = int(size * 1.45)
    h = 90 + lh * len(lines) + 60
    bg = 255 if not scan else 246
    img = Image.new("L" if scan else "RGB", (width, h), bg if scan else (255, 255, 255))
    dr = ImageDraw.Draw(img)
    y = 60
    for ln in lines:
        bold = ln.startswith("# ")
        if bold:
            ln = ln[2:]
        f = _font(int(size * 1.2)) if bold else font
        dr.text((70 + (rng.randint(-2, 2) if scan else 0), y), ln, fill=(20 if scan else (10, 10, 40)), font=f)
        y += lh
    if scan:
        px = img.load()
        for _ in range(width * h // 90):
            x, yy = rng.randrange(width), rng.randrange(h)
            px[x, yy] = rng.choice([200, 215, 180])
        img = img.rotate(0.6, fillcolor=bg, resample=Image.BICUBIC)
        img = img.filter(ImageFilter.SMOOTH)
    buf = io.BytesIO()
    if fmt == "JPEG":
        img.convert("RGB").save(buf, "JPEG", quality=88, optimize=False)
    else:
        img.save(buf, "PNG", optimize=False)
    return buf.getvalue()


def truncate(data, rng, frac=None):
    frac = frac or rng.uniform(0.35, 0.7)
    return data[:int(len(data) * frac)]


def ics_text(rng, summary, start, minutes, location, description, organizer, attendee=None, uid_seed="x", method="REQUEST"):
    end = start + dt.timedelta(minutes=minutes)
    fmt = "%Y%m%dT%H%M%S"
    uid = hashlib.sha1(uid_seed.encode()).hexdigest()[:20]
    desc = description.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")
    lines = ["BEGIN:VCALENDAR", "PRODID:-//Agenda//NL", "VERSION:2.0", f"METHOD:{method}", "BEGIN:VEVENT",
             f"UID:{uid}@agenda.example", f"DTSTAMP:{start.strftime(fmt)}Z",
             f"DTSTART;TZID=Europe/Amsterdam:{start.strftime(fmt)}", f"DTEND;TZID=Europe/Amsterdam:{end.strftime(fmt)}",
             f"SUMMARY:{summary}", f"LOCATION:{location}", f"DESCRIPTION:{desc}", f"ORGANIZER;CN={organizer[0]}:mailto:{organizer[1]}"]
    if attendee:
        lines.append(f"ATTENDEE;CN={attendee[0]};ROLE=REQ-PARTICIPANT:mailto:{attendee[1]}")
    lines += ["END:VEVENT", "END:VCALENDAR"]
    # fold at 75 octets
    out = []
    for ln in lines:
        while len(ln.encode()) > 75:
            cut = 74
            while len(ln[:cut].encode()) > 74:
                cut -= 1
            out.append(ln[:cut])
            ln = " " + ln[cut:]
        out.append(ln)
    return "\r\n".join(out) + "\r\n"


def vcard_text(fn, n_parts, org_=None, tel=None, email=None, adr=None, bday=None, note=None, title=None, version="3.0"):
    lines = ["BEGIN:VCARD", f"VERSION:{version}", f"N:{n_parts}", f"FN:{fn}"]
    if org_:
        lines.append(f"ORG:{org_}")
    if title:
        lines.append(f"TITLE:{title}")
    if tel:
        for t, kind in tel:
            lines.append(f"TEL;TYPE={kind}:{t}")
    if email:
        lines.append(f"EMAIL;TYPE=INTERNET:{email}")
    if adr:
        lines.append(f"ADR;TYPE=HOME:;;{adr[0]};{adr[1]};;{adr[2]};Nederland")
    if bday:
        lines.append(f"BDAY:{bday}")
    if note:
        lines.append("NOTE:" + note.replace(",", "\\,").replace(";", "\\;").replace("\n", "\\n"))
    lines.append("END:VCARD")
    return "\r\n".join(lines) + "\r\n"


# --------------------------------------------------------------------------
# text / html helpers
# --------------------------------------------------------------------------

NAMED_ENT = {"é": "&eacute;", "ë": "&euml;", "è": "&egrave;", "ï": "&iuml;", "ö": "&ouml;", "ü": "&uuml;", "á": "&aacute;",
             "à": "&agrave;", "ç": "&ccedil;", "ê": "&ecirc;", "€": "&euro;", "ó": "&oacute;", "ä": "&auml;", "É": "&Eacute;",
             "Ö": "&Ouml;", "Ü": "&Uuml;", "ø": "&oslash;", "–": "&ndash;", "’": "&rsquo;", "ñ": "&ntilde;", "í": "&iacute;"}


def hesc(s, ents=False):
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if ents:
        s = "".join(NAMED_ENT.get(c, c if ord(c) < 128 else f"&#{ord(c)};") for c in s)
    return s


def html_doc(inner, rng, flavour=None, title=None):
    flavour = flavour or rng.choice(["outlook", "gmail", "plain", "apple"])
    if flavour == "outlook":
        head = ('<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
                'xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">\n<head>\n'
                '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\n<meta name="Generator" content="Microsoft Word 15 (filtered medium)">\n'
                '<style><!--\np.MsoNormal, li.MsoNormal, div.MsoNormal {margin:0cm; font-size:11.0pt; font-family:"Calibri",sans-serif;}\n'
                'span.E-mailStijl17 {mso-style-type:personal-compose;}\n--></style>\n</head>\n<body lang="NL" link="#0563C1" vlink="#954F72">\n'
                '<div class="WordSection1">\n')
        return head + inner + "\n</div>\n</body>\n</html>\n"
    if flavour == "gmail":
        return f'<div dir="ltr">{inner}</div>\n'
    if flavour == "apple":
        return ('<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head>'
                f'<body style="overflow-wrap: break-word; -webkit-nbsp-mode: space; line-break: after-white-space;">{inner}</body></html>\n')
    t = f"<title>{hesc(title)}</title>" if title else ""
    return f"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">{t}</head>\n<body style=\"font-family:Arial,sans-serif;font-size:10pt\">\n{inner}\n</body></html>\n"


def text_to_html(text, rng, flavour=None, ents=None, title=None):
    flavour = flavour or rng.choice(["outlook", "gmail", "plain", "apple"])
    ents = rng.random() < 0.4 if ents is None else ents
    paras = text.split("\n\n")
    out = []
    for p in paras:
        lines = [hesc(l, ents) for l in p.split("\n")]
        if flavour == "outlook":
            out.append("\n".join(f'<p class="MsoNormal">{l or "<o:p>&nbsp;</o:p>"}<o:p></o:p></p>' for l in lines) +
                       '\n<p class="MsoNormal"><o:p>&nbsp;</o:p></p>')
        elif flavour == "gmail":
            out.append("<div>" + "<br>".join(lines) + "</div><div><br></div>")
        elif flavour == "apple":
            out.append("".join(f"<div>{l or '<br>'}</div>" for l in lines) + "<div><br></div>")
        else:
            out.append("<p>" + "<br>\n".join(lines) + "</p>")
    return html_doc("\n".join(out), rng, flavour, title)


class RawHtml(str):
    """cell content that is already HTML"""


def html_table(rows, head=None, ents=False, border=1):
    h = f'<table border="{border}" cellpadding="4" cellspacing="0" style="border-collapse:collapse">\n'
    if head:
        h += "<tr>" + "".join(f"<th align=\"left\">{hesc(c, ents)}</th>" for c in head) + "</tr>\n"
    for r in rows:
        h += "<tr>" + "".join(f"<td>{c if isinstance(c, RawHtml) else hesc(str(c), ents)}</td>" for c in r) + "</tr>\n"
    return h + "</table>\n"


def quote_lines(text, prefix="> "):
    return "\n".join((prefix + l) if l else prefix.rstrip() for l in text.split("\n"))


def reply_header(rng, lang, who_name, who_email, when):
    if lang == "en":
        return rng.choice([
            f"On {EN_DAYS[when.weekday()][:3]}, {when.day} {EN_MONTHS[when.month - 1][:3]} {when.year} at {when:%H:%M}, {who_name} <{who_email}> wrote:",
            f"On {when.day:02d}/{when.month:02d}/{when.year} {when:%H:%M}, {who_name} wrote:"])
    return rng.choice([
        f"Op {NL_DAYS[when.weekday()][:2]} {when.day} {NL_MONTHS[when.month - 1][:3]} {when.year} om {when:%H:%M} schreef {who_name} <{who_email}>:",
        f"Op {when.day}-{when.month}-{when.year} {when:%H:%M} schreef {who_name}:",
        f"{who_name} schreef op {when.day} {NL_MONTHS[when.month - 1]} {when.year} {when:%H:%M}:"])


def outlook_block(rng, lang, frm, to, when, subject):
    if lang == "en":
        return (f"From: {frm[0]} <{frm[1]}>\nSent: {EN_DAYS[when.weekday()]}, {en_date(when)} {when:%H:%M}\n"
                f"To: {to[0]} <{to[1]}>\nSubject: {subject}")
    return (f"Van: {frm[0]} <{frm[1]}>\nVerzonden: {NL_DAYS[when.weekday()]} {nl_date(when)} {when:%H:%M}\n"
            f"Aan: {to[0]} <{to[1]}>\nOnderwerp: {subject}")


def quoted_reply(rng, lang, new_text, old_text, old_frm, old_to, old_when, old_subject, style=None):
    style = style or rng.choice(["gt", "outlook", "gt", "outlook-en-line"])
    if style == "gt":
        return new_text + "\n\n" + reply_header(rng, lang, old_frm[0], old_frm[1], old_when) + "\n" + quote_lines(old_text)
    sep = "-----Original Message-----" if (lang == "en" and style == "outlook-en-line") else "_" * 32
    return new_text + "\n\n" + sep + "\n" + outlook_block(rng, lang, old_frm, old_to, old_when, old_subject) + "\n\n" + old_text


def forward_inline(rng, lang, note, old_text, old_frm, old_to, old_when, old_subject):
    if lang == "en":
        hdr = rng.choice(["---------- Forwarded message ---------", "Begin forwarded message:", "-------- Original Message --------"])
        blk = (f"From: {old_frm[0]} <{old_frm[1]}>\nDate: {EN_DAYS[old_when.weekday()][:3]}, {en_date(old_when)} at {old_when:%H:%M}\n"
               f"Subject: {old_subject}\nTo: <{old_to[1]}>")
    else:
        hdr = rng.choice(["-------- Doorgestuurd bericht --------", "---------- Doorgestuurd bericht ---------",
                          "Begin doorgestuurd bericht:", "-----Oorspronkelijk bericht-----"])
        blk = (f"Van: {old_frm[0]} <{old_frm[1]}>\nDatum: {NL_DAYS[old_when.weekday()]} {nl_date(old_when)} {old_when:%H:%M}\n"
               f"Onderwerp: {old_subject}\nAan: {old_to[0]} <{old_to[1]}>")
    return note + "\n\n" + hdr + "\n" + blk + "\n\n" + old_text


# --------------------------------------------------------------------------
# building a message
# --------------------------------------------------------------------------

def pick_encoding(ctx, text, prefer=None):
    """returns (charset, cte) suitable for text"""
    rng = ctx.rng
    opts = prefer or rng.choices(
        [("utf-8", "8bit"), ("utf-8", "quoted-printable"), ("utf-8", "base64"), ("iso-8859-1", "quoted-printable"),
         ("windows-1252", "quoted-printable"), ("windows-1252", "8bit"), ("iso-8859-1", "8bit"), ("windows-1252", "base64")],
        weights=[22, 22, 14, 12, 12, 6, 6, 6])[0]
    cs, cte = opts
    if not can_encode(text, cs):
        cs = "utf-8"
    if cte in ("8bit", "7bit") and any(len(l) > 900 for l in text.split("\n")):
        cte = "quoted-printable"
    if all(ord(c) < 128 for c in text) and cte == "8bit" and rng.random() < 0.6:
        cs, cte = ("us-ascii", "7bit") if rng.random() < 0.5 else (cs, "7bit")
    return cs, cte


def tag_enc(ctx, cs, cte):
    ctx.tag({"quoted-printable": "qp", "base64": "b64", "8bit": "8bit", "7bit": "7bit"}[cte])
    if cs != "us-ascii":
        ctx.tag(cs)


def body_part(ctx, text, html=None, mode=None, enc=None, html_enc=None):
    """mode: plain | alt | html-only.  Registers texts for verification and tags."""
    rng = ctx.rng
    ctx.texts.append(text)
    if mode is None:
        mode = rng.choices(["plain", "alt", "html-only"], weights=[45, 40, 15])[0]
    if mode == "plain":
        cs, cte = enc or pick_encoding(ctx, text)
        tag_enc(ctx, cs, cte)
        ctx.tag("plain")
        return Leaf("text/plain", text, cs, cte)
    if html is None:
        html = text_to_html(text, rng)
    ctx.texts.append(html)
    if mode == "html-only":
        cs, cte = enc or pick_encoding(ctx, html)
        html = _meta_cs(html, cs)
        tag_enc(ctx, cs, cte)
        ctx.tag("html-only")
        return Leaf("text/html", html, cs, cte)
    cs, cte = enc or pick_encoding(ctx, text)
    cs2, cte2 = html_enc or (cs, cte) if can_encode(html, cs) else ("utf-8", cte)
    html = _meta_cs(html, cs2)
    tag_enc(ctx, cs, cte)
    ctx.tag("alt")
    return Multi("alternative", [Leaf("text/plain", text, cs, cte), Leaf("text/html", html, cs2, cte2)])


def _meta_cs(html, cs):
    return html.replace("charset=utf-8", f"charset={cs}") if cs not in ("utf-8", "us-ascii") else html


def att(ctx, ctype, data, filename, source_text=None, tag=None, charset=None, cte=None, fname_enc=None, inline=False):
    if source_text is not None:
        ctx.texts.append(source_text if isinstance(source_text, str) else "\n".join(source_text))
    if tag:
        ctx.tag(tag)
    return Leaf(ctype, data, charset=charset, cte=cte, filename=filename, fname_enc=fname_enc,
                disp=("inline" if inline else "attachment"))


def build(ctx, frm, to, subject, body, attachments=None, cc=None, when=None, extra=None, related=None, hdr_charset=None,
          reply_to=None):
    rng = ctx.rng
    when = when or rand_when(rng)
    ctx.texts.append(subject)
    ctx.texts.append(frm[0] or "")
    for n, e in (to if isinstance(to, list) else [to]):
        ctx.texts.append(n or "")
    if related:
        body = Multi("related", [body] + related)
        ctx.tag("related")
    if attachments:
        body = Multi("mixed", [body] + attachments)
        ctx.tag("mixed")
    if ctx.lang == "en":
        ctx.tag("en")
    if ctx.nl == "\n":
        ctx.tag("lf-only")
    cs = hdr_charset or rng.choice(["utf-8", "utf-8", "iso-8859-1", "windows-1252"])
    hs = make_headers(ctx, frm, to, subject, when, cc=cc, extra=extra, charset=cs, reply_to=reply_to)
    return render(ctx, hs, body)


def maybe_lf(ctx, p=0.14):
    if ctx.rng.random() < p:
        ctx.nl = "\n"


# 9-digit runs possibly written with dots/spaces
_NUM_RE = re.compile(r"(?<![\d.])(\d{3}[. ]?\d{3}[. ]?\d{3}|\d{4}\.\d{2}\.\d{3}|\d{4} \d{2} \d{3})(?![\d])")


def verify(ctx):
    problems = []
    for t in ctx.texts:
        for m in _NUM_RE.finditer(t):
            if t[max(0, m.start() - 2):m.start()] == "NL":
                continue  # btw-id such as NL123456782B01
            n = re.sub(r"\D", "", m.group(0))
            if len(n) == 9 and elf_ok(n) and n not in ctx.bsns and n not in ctx.allowed:
                problems.append(n)
    import html as _html
    norm = _html.unescape(re.sub(r"<[^>]+>", "", "\n".join(ctx.texts)))
    for b in ctx.bsns:
        pat = r"(?<!\d)" + r"[. ]?".join(b) + r"(?!\d)"
        if not re.search(pat, norm) and not re.search(pat, "\n".join(ctx.texts)):
            problems.append("bsn not in text " + b)
    if ctx.labels["bsn"] and not ctx.bsns:
        problems.append("bsn label without bsn")
    if ctx.bsns and not ctx.labels["bsn"]:
        problems.append("bsn used but label 0")
    return problems


# --------------------------------------------------------------------------
# shared phrase helpers
# --------------------------------------------------------------------------

def practice(rng):
    return rng.choice(PRACTICES)


def prac_box(rng, pr, lang="nl"):
    name, dom = pr
    local = rng.choice(["info", "assistente", "balie", "receptie", "praktijk", "recepten", "spreekuur"])
    return (name if rng.random() < 0.6 else None, f"{local}@{dom}")


def groet(rng, formal=True):
    if formal:
        return rng.choice(["Met vriendelijke groet,", "Met collegiale groet,", "Met vriendelijke groeten,", "Hoogachtend,",
                           "Met vriendelijke groet,", "Vriendelijke groet,"])
    return rng.choice(["Groetjes,", "Gr.", "Groet,", "Vriendelijke groet,", "Alvast bedankt!", "Dank je wel,", "Mvg,",
                       "groetjes", "Hartelijke groet,", "Dank alvast,"])


def regards(rng, formal=True):
    if formal:
        return rng.choice(["Kind regards,", "Yours sincerely,", "Best regards,", "With kind regards,", "Many thanks,"])
    return rng.choice(["Thanks so much,", "Cheers,", "Best,", "Thanks!", "Many thanks,", "Thank you,", "x", "Warm wishes,"])


def sent_from(rng, lang="nl"):
    if rng.random() < 0.25:
        return "\n\n" + rng.choice(["Verzonden vanaf mijn iPhone", "Verstuurd vanaf mijn Samsung Galaxy", "Sent from my iPhone",
                                    "Outlook voor Android downloaden", "Get Outlook for iOS", "Verzonden vanuit Mail voor Windows"]
                                   if lang == "nl" else ["Sent from my iPhone", "Sent from Outlook for Android", "Sent from my Galaxy"])
    return ""


def conf_footer(rng, lang="nl"):
    if rng.random() < 0.35:
        if lang == "en":
            return "\n\nThis e-mail may contain confidential information. If you are not the intended recipient, please notify the sender and delete this message."
        return ("\n\nDit bericht is uitsluitend bestemd voor de geadresseerde. Als u dit bericht per abuis hebt ontvangen, wordt u verzocht "
                "de afzender te informeren en het bericht te verwijderen.")
    return ""


def med_line(rng, lang="nl"):
    name, doses, _ = rng.choice(MEDS)
    if lang == "en":
        return f"{MEDS_EN[name]} {rng.choice(doses).split(' ')[0]} {rng.choice(doses).split(' ')[1]}"
    return f"{name} {rng.choice(doses)}"


def med_list(rng, k=None, lang="nl"):
    k = k or rng.randint(2, 5)
    used, out = set(), []
    for name, doses, _ in rng.sample([m for m in MEDS if m[0] != "methylfenidaat"], k):
        out.append(f"{MEDS_EN[name] if lang == 'en' else name} {rng.choice(doses)}")
    return out


def dob_phrase(rng, p, lang="nl"):
    if lang == "en":
        return rng.choice([f"(DOB {p.dob_fmt(rng, 'en')})", f"date of birth {p.dob_fmt(rng, 'en')}", f"born {p.dob_fmt(rng, 'en')}"])
    return rng.choice([f"geb. {p.dob_fmt(rng)}", f"geboren {p.dob_fmt(rng)}", f"geboortedatum {p.dob_fmt(rng)}",
                       f"({p.dob_fmt(rng)})", f"geb.datum {p.dob_fmt(rng)}"])


# --------------------------------------------------------------------------
# SENSITIVE templates
# --------------------------------------------------------------------------

def t_patient_nl(ctx):
    rng = ctx.rng
    ctx.lang = "nl"
    maybe_lf(ctx, 0.25)
    p = Person(rng, age=rng.randint(18, 88))
    pr = practice(rng)
    v = rng.choice(["symptom", "symptom", "recept", "child", "followup", "results", "formal-old", "symptom-dob", "bsn"])
    sym = rng.choice(SYMPTOMS_NL)
    dur = rng.choice(DURATION_NL)
    sign = rng.choice([p.first, p.first, p.first.lower(), f"{p.first} {p.lastname()}", p.initials + " " + p.lastname()])
    personal = 0
    health = 1
    subj = None
    if v in ("symptom", "symptom-dob"):
        opener = rng.choice(["Hoi,", "Hallo,", "Goedemorgen,", "Beste assistente,", "Hoi dokter,", "Dag,", ""])
        body = rng.choice([
            f"Ik heb {dur} {sym}. Ik weet niet zo goed of ik daarvoor moet komen of dat het vanzelf over gaat. Kan iemand mij even terugbellen?",
            f"ik heb {dur} {sym} en het wordt niet beter. paracetamol helpt niet echt. kan ik deze week nog langskomen??",
            f"Sorry dat ik mail maar ik kom telefonisch niet door. Ik heb {dur} {sym}. Ik ben er best ongerust over eerlijk gezegd.",
            f"Even een vraagje: ik heb {dur} {sym}. Mijn moeder zei dat ik het moest laten nakijken. Wanneer kan ik terecht?",
            f"Ik voel me {dur} echt niet lekker, {sym}. Vandaag ben ik ook niet naar mijn werk gegaan. Graag een afspraak.",
        ])
        extra = ""
        if v == "symptom-dob" or rng.random() < 0.25:
            extra = "\n\n" + rng.choice([f"Mijn geboortedatum is {p.dob_fmt(rng)}.", f"(geb. {p.dob_fmt(rng)}, {p.street} {p.houseno})",
                                        f"Voor de zekerheid: {p.full}, {p.dob_fmt(rng)}, tel {p.phone}",
                                        f"Ik ben bereikbaar op {p.phone}. Geboren op {p.dob_fmt(rng)}."])
            personal = 1
        text = (opener + "\n\n" if opener else "") + body + extra + "\n\n" + groet(rng, False) + "\n" + sign + sent_from(rng)
        subj = rng.choice(["Vraag", "afspraak", "Graag terugbellen", symptom_kw(sym), "vraagje", "", "Afspraak aub", "Klachten"])
        ctx.tag("patient-first-person;informal")
    elif v == "recept":
        meds = rng.sample(MEDS, rng.randint(1, 3))
        ml = ", ".join(m[0] for m in meds[:-1]) + (" en " if len(meds) > 1 else "") + meds[-1][0]
        text = rng.choice([
            f"Goedemiddag,\n\nMag ik weer een herhaalrecept voor de {ml}? Ik ben bijna door mijn voorraad heen. Graag naar Apotheek {rng.choice(['Centrum', 'De Vaart', 'Oosterpoort'])} sturen.\n\n{groet(rng, False)}\n{sign}",
            f"Hallo,\n\nherhaling {ml} graag. zelfde dosis als vorige keer\n\n{sign}",
            f"Beste praktijk,\n\nIk gebruik {ml} en mijn strip is op. Kan de huisarts een nieuw recept doorsturen naar de apotheek? Alvast bedankt.\n\n{sign}{sent_from(rng)}",
        ])
        if rng.random() < 0.4:
            text = text.replace("\n\n" + sign, f"\n\n{p.full}\ngeb. {p.dob_fmt(rng)}", 1) if f"\n\n{sign}" in text else text
            personal = 1 if "geb." in text else 0
        subj = rng.choice(["herhaalrecept", "Herhaalrecept aanvragen", "Recept", "medicijnen", "Herhaling medicatie"])
        ctx.tag("patient-first-person;medication;informal")
    elif v == "child":
        kid = Person(rng, child=True, origin=p.origin)
        kid.last, kid.tv = p.last, p.tv
        text = rng.choice([
            f"Hallo,\n\nOnze {'zoon' if kid.sex == 'M' else 'dochter'} {kid.first} ({kid.age} jaar) heeft sinds gisteravond hoge koorts, 39,6, en wil niet drinken. Ze{'' if kid.sex == 'V' else ''} is erg hangerig. Moeten we langskomen of is het afwachten?\n\n{groet(rng, False)}\n{p.first}",
            f"Beste dokter,\n\n{kid.first} heeft weer last van {rng.choice(['zijn', 'haar'])} eczeem, vooral in de knieholtes, en de zalf (hydrocortison) werkt niet meer goed. Kunnen we iets anders proberen?\n\nGroet,\n{p.first} ({'moeder' if p.sex == 'V' else 'vader'} van {kid.first})",
            f"Hoi, {kid.first} {kid.lastname()} (geb {kid.dob_fmt(rng)}) heeft al 2 weken oorpijn en er komt vocht uit zijn oor. Graag een afspraak. {p.first}",
            f"Goedemorgen,\n\nIk maak me zorgen over {kid.first}. {('Hij' if kid.sex == 'M' else 'Zij')} plast weer in bed sinds de scheiding en slaapt heel slecht. De juf zegt dat {kid.first} op school ook erg stil is. Kan ik hierover met de huisarts praten?\n\n{p.first}",
        ])
        personal = 1 if "geb " in text else 0
        subj = rng.choice([f"{kid.first} ziek", "koorts", f"vraag over {kid.first}", "afspraak kind"])
        ctx.tag("patient-first-person;child;informal")
    elif v == "followup":
        gp = Staff(rng, "huisarts", pr)
        med = rng.choice(MEDS)[0]
        text = rng.choice([
            f"Beste dokter {gp.p.lastname(True)},\n\nVorige week was ik bij u voor mijn {rng.choice(['rug', 'knie', 'schouder', 'hoofdpijn'])}. U gaf mij {med} maar ik krijg er maagpijn van. Mag ik stoppen of iets anders proberen?\n\n{groet(rng)}\n{p.full}",
            f"Dag dokter,\n\nSinds ik de {med} gebruik ben ik heel duizelig en moe. Is dat normaal? Ik durf bijna niet meer te fietsen.\n\n{sign}",
            f"hallo, ik ben gestart met de {med} maar ik merk nog niks. hoe lang duurt het voor het werkt? groet {sign}",
        ])
        subj = rng.choice(["bijwerking", "Vraag over medicijn", f"{med}", "Re: consult"])
        ctx.tag("patient-first-person;medication;informal")
    elif v == "results":
        text = rng.choice([
            f"Hallo,\n\nVorige week heb ik bloed laten prikken voor mijn {rng.choice(['schildklier', 'suiker', 'cholesterol', 'ijzer'])}. Zijn de uitslagen al binnen? De POH zou me bellen maar ik heb nog niks gehoord.\n\n{groet(rng, False)}\n{sign}",
            f"Goedendag, ik heb op {nl_date(rand_when(rng).date())} een uitstrijkje laten maken. Wanneer krijg ik de uitslag? Ik ben een beetje zenuwachtig. {sign}",
            f"Hoi, is de uitslag van de kweek (urine) al binnen? Ik heb nog steeds pijn bij het plassen. {sign}",
        ])
        subj = rng.choice(["uitslag?", "Uitslagen bloedonderzoek", "uitslag", "Vraag over uitslag"])
        ctx.tag("patient-first-person;lab;informal")
    elif v == "formal-old":
        p.age = rng.randint(74, 94)
        p.dob = dt.date(2025 - p.age, p.dob.month, min(p.dob.day, 28))
        text = (f"Geachte dokter,\n\nHierbij wil ik u laten weten dat ik sinds enige tijd last heb van {sym}. "
                f"Ik ben {p.age} jaar en woon alleen, mijn dochter helpt mij met de computer. "
                f"Zou u eens willen komen kijken? Ik ben slecht ter been.\n\n"
                f"Hoogachtend,\n\n{p.formal('nl', False)}\n{p.street} {p.houseno}\n{p.postcode} {p.city}\nTel. {p.landline}")
        personal = 1
        subj = rng.choice(["Verzoek huisbezoek", "Klachten", "Visite", "Verzoek"])
        ctx.tag("patient-first-person;formal;elderly")
    else:  # bsn
        cond = rng.choice([("bloeddruk", "K86"), ("suiker", "T90"), ("schildklier", "T86"), ("astma", "R96"), ("cholesterol", "T93"), ("maag", "D84")])
        mname, mdoses, _ = rng.choice([m for m in MEDS if m[2] == cond[1]])
        text = (f"Hallo,\n\nIk ben nieuw in de wijk en wil me graag inschrijven. Ik gebruik {mname} {rng.choice(mdoses)} voor mijn "
                f"{cond[0]}.\n\n"
                f"{p.full}\n{bsn_kw(rng)} {fmt_bsn(rng, ctx.use_bsn(p.bsn))}\nGeboren: {p.dob_fmt(rng)}\n{p.street} {p.houseno}, {p.postcode} {p.city}\n\n{groet(rng, False)}\n{p.first}")
        personal = 1
        subj = rng.choice(["Inschrijven", "inschrijving nieuwe patiënt", "Aanmelden praktijk"])
        ctx.tag("patient-first-person;registration;medication")
    ctx.set(health=health, personal=personal)
    return build(ctx, (p.full if rng.random() < 0.7 else None, p.email), prac_box(rng, pr), subj, body_part(ctx, text))


def symptom_kw(sym):
    for kw in ["hoest", "buikpijn", "duizelig", "hoofdpijn", "moe", "kortademig", "rugpijn", "uitslag", "plassen", "oorpijn", "keelpijn",
               "hartkloppingen", "slapen", "knobbeltje", "ontlasting", "knie", "migraine", "wondje", "tintelingen", "maagzuur", "benauwd", "borst", "ogen"]:
        if kw in sym:
            return rng_cap(kw)
    return "klachten"


def rng_cap(w):
    return w[0].upper() + w[1:]


EN_TOPICS = ["sertraline", "miscarriage", "pregnancy", "depression", "pill", "adhd", "inhaler", "uti", "eczema", "sleep", "back", "ivf"]


def t_patient_en(ctx):
    rng = ctx.rng
    ctx.lang = "en"
    maybe_lf(ctx, 0.2)
    p = Person(rng, english=rng.random() < 0.85, age=rng.randint(21, 55))
    pr = practice(rng)
    topic = rng.choice(EN_TOPICS)
    gp = Staff(rng, "huisarts", pr)
    dear = rng.choice([f"Dear Dr {gp.p.lastname(True)},", "Hi,", "Hello,", "Dear doctor,", "Good morning,", f"Hi Dr {gp.p.lastname(True)},"])
    sign = rng.choice([p.first, p.full, f"{p.first} ({p.full})"])
    personal = 0
    subj_map = {
        "sertraline": (f"I started sertraline {rng.choice(['50mg', '25mg'])} about {rng.choice(['two', 'three', 'four'])} weeks ago. "
                       "Since then I've been feeling really nauseous, I can't sleep and honestly my anxiety is worse, not better. "
                       "Is this normal? Should I stop taking it or push through? I don't want to just stop without asking you.",
                       ["Side effects sertraline", "question about my medication", "Sertraline"]),
        "miscarriage": ("I'm so sorry to email about this but I don't know who else to ask. I was about 9 weeks pregnant and last night I started "
                        "bleeding quite heavily with cramps. I think I'm having a miscarriage. The midwife said to contact the GP for a check-up. "
                        "Do I need to come in? I'm still bleeding a bit today.",
                        ["urgent - bleeding", "Miscarriage", "Need advice please"]),
        "pregnancy": ("Good news, I think! I had a positive pregnancy test this weekend (last period started around "
                      f"{en_date(rand_when(rng).date())}). This is my first pregnancy in the Netherlands so I don't really know how it works here. "
                      "Do I need a referral to a midwife (verloskundige) or do I just call one? Also I'm on levothyroxine 50mcg - should the dose change?",
                      ["Pregnant - what next?", "pregnancy question", "Positive test!"]),
        "depression": ("I've been struggling for a few months now. Low mood most days, no energy, I've stopped going to the gym and I'm calling in sick "
                       "at work more and more. My partner suggested I talk to someone. I had therapy back home for depression in 2019. "
                       "Could I book an appointment with you or with the mental health nurse (POH-GGZ?)?",
                       ["appointment request", "Feeling low", "Mental health"]),
        "pill": ("Could I get a repeat prescription for my contraceptive pill (Microgynon 30)? I brought a 3 month supply from the UK "
                 "but I'm almost out. My blood pressure was fine last time it was checked in March.",
                 ["Repeat prescription", "contraceptive pill", "Prescription request"]),
        "adhd": ("I was diagnosed with ADHD in the UK and I take methylphenidate (Concerta 36mg). My old GP said I need a Dutch prescription "
                 "now that I'm registered here. I've attached my diagnosis letter. Can you take over the prescription or do I need to see a psychiatrist here?",
                 ["ADHD medication", "Transfer of prescription", "Concerta prescription"]),
        "inhaler": ("My asthma has been much worse since the autumn - I'm using my blue inhaler (salbutamol) 4 or 5 times a day and I wake up wheezy. "
                    "I think I need a preventer inhaler again. Can I come in this week?",
                    ["asthma", "Inhaler", "Breathing problems"]),
        "uti": ("I think I have a UTI again - burning when I pee and I need to go constantly. This is the third one this year. "
                "Can I drop off a urine sample this morning? Last time I got nitrofurantoin which worked.",
                ["UTI again", "urine sample", "Bladder infection"]),
        "eczema": ("The eczema on my hands is really bad since I started my new job (lots of hand washing). It's cracking and bleeding. "
                   "The cream from the pharmacy isn't doing anything. Could you prescribe something stronger?",
                   ["eczema", "Skin problem", "Hands"]),
        "sleep": ("I haven't slept more than 3-4 hours a night for the past month. Work is very stressful and my mind keeps racing. "
                  "A friend gave me some of her temazepam which helped but I know I shouldn't do that. Can we talk about options?",
                  ["Insomnia", "sleep problems", "Can't sleep"]),
        "back": (f"I hurt my back lifting boxes when we moved in {rng.choice(['last week', 'on Saturday', 'two weeks ago'])}. The pain goes down my left leg "
                 "and I have some numbness in my foot. Ibuprofen isn't really helping. Is it OK to wait or should I be seen?",
                 ["Back pain", "back injury", "Appointment"]),
        "ivf": ("My husband and I have been trying to conceive for 18 months without success. I'm 36. We'd like a referral to a fertility clinic. "
                "I had an ovarian cyst removed in 2021 if that's relevant.",
                ["Fertility referral", "referral request", "Trying to conceive"]),
    }
    body, subjs = subj_map[topic]
    extra = ""
    if rng.random() < 0.45:
        extra = "\n\n" + rng.choice([f"My date of birth is {p.dob_fmt(rng, 'en')} in case you need it.",
                                     f"Details: {p.full}, DOB {p.dob_fmt(rng, 'en')}, {p.street} {p.houseno}, {p.postcode} {p.city}.",
                                     f"You can reach me on {p.phone}. (DOB {p.dob_fmt(rng, 'en')})"])
        personal = 1
        if rng.random() < 0.35:
            extra += rng.choice([f" My BSN is {fmt_bsn(rng, ctx.use_bsn(p.bsn))}.", f" (BSN: {fmt_bsn(rng, ctx.use_bsn(p.bsn))})",
                                 f" My citizen service number is {fmt_bsn(rng, ctx.use_bsn(p.bsn))}."])
    style = rng.choice(["chatty", "formal", "anxious"])
    if style == "chatty":
        body = body + " Thanks so much in advance!"
    elif style == "anxious":
        body = body + " Sorry for the long email, I'm just quite worried."
    text = f"{dear}\n\n{body}{extra}\n\n{regards(rng, style == 'formal')}\n{sign}{sent_from(rng, 'en')}"
    ctx.set(health=1, personal=personal)
    ctx.tag(f"patient-first-person;expat;{topic}")
    return build(ctx, (p.full if rng.random() < 0.8 else None, p.email), prac_box(rng, pr), rng.choice(subjs), body_part(ctx, text))


def referral_content(rng, p, lang="nl"):
    code, dx_nl, dx_en = rng.choice([c for c in ICPC if c[0] in CLIN_BY_CODE])
    syms, spec_name = CLIN_BY_CODE[code]
    spec = next(s for s in SPECIALISMS if s[0] == spec_name)
    meds = med_list(rng, rng.randint(1, 4), lang)
    labs = lab_values(rng, 3)
    if lang == "en":
        reason = rng.choice([f"Suspected {dx_en}, not responding to first-line treatment", f"Known {dx_en}, worsening symptoms despite therapy",
                             f"Please assess for {dx_en}; symptoms for {rng.randint(2, 9)} months"])
        hist = rng.choice([f"{p.age}-year-old {'man' if p.sex == 'M' else 'woman'} with {rng.choice(SYMPTOMS_EN)} for several months.",
                           f"Presented with {rng.choice(SYMPTOMS_EN)} and {rng.choice(SYMPTOMS_EN)}."])
        return spec, code, dx_en, reason, hist, meds, labs
    s1, s2 = rng.sample(syms, 2) if len(syms) > 1 else (syms[0], syms[0])
    reason = rng.choice([f"Verdenking {dx_nl.lower()}, onvoldoende effect eerstelijnsbehandeling", f"Bekend met {dx_nl.lower()}, toename klachten ondanks behandeling",
                         f"Graag beoordeling i.v.m. {dx_nl.lower()}", f"Analyse {s1}"])
    hist = rng.choice([f"Sinds {rng.randint(2, 9)} maanden {s1}. Geen koorts, geen gewichtsverlies.",
                       f"{'Man' if p.sex == 'M' else 'Vrouw'} van {p.age} jaar met {s1} en {s2}.",
                       f"Pt meldt {s1}; eerder behandeld met {rng.choice([m[0] for m in MEDS if m[2] == code] or ['paracetamol'])} zonder afdoende effect."])
    return spec, code, dx_nl, reason, hist, meds, labs


def t_referral_nl(ctx):
    rng = ctx.rng
    ctx.lang = "nl"
    maybe_lf(ctx, 0.1)
    p = Person(rng, age=rng.randint(20, 90))
    pr = practice(rng)
    gp = Staff(rng, rng.choice(["huisarts", "huisarts", "waarnemend huisarts"]), pr)
    hosp = org(rng, "hosp")
    spec, code, dx, reason, hist, meds, labs = referral_content(rng, p)
    with_bsn = rng.random() < 0.62
    fmt = rng.choice(["inline", "inline", "docx", "pdf", "html-table", "odt", "rtf", "terse"])
    bsn_s = fmt_bsn(rng, ctx.use_bsn(p.bsn)) if with_bsn else None
    patblock = [f"Patiënt: {p.formal()}", f"Geboortedatum: {p.dob_fmt(rng)}", f"Adres: {p.street} {p.houseno}, {p.postcode} {p.city}"]
    if with_bsn:
        patblock.append(f"{bsn_kw(rng).rstrip(':')}: {bsn_s}")
    if rng.random() < 0.4:
        patblock.append(f"Telefoon: {p.phone}")
    letter = [f"Geachte collega,", "",
              f"Graag verwijs ik {p.formal()} naar uw polikliniek {spec[0]}.", "",
              f"Reden van verwijzing: {reason}.", "",
              f"Anamnese: {hist}", "",
              f"Voorgeschiedenis: {rng.choice(ICPC)[1]} ({rng.randint(2005, 2023)}); {rng.choice(ICPC)[1]}.", "",
              "Medicatie:"] + [f"- {m}" for m in meds] + ["",
              "Recente labwaarden: " + "; ".join(f"{n} {v} {u}".strip() for n, v, u, _ in labs), "",
              f"Vraagstelling: {rng.choice(['graag uw diagnose en behandeladvies', 'verdere analyse en behandeling', 'is er een indicatie voor verdere diagnostiek?', 'graag medebehandeling'])}.",
              "", groet(rng), "", gp.sig(rng)]
    subj = rng.choice([f"Verwijzing {spec[0]} - {p.formal()}", "Verwijsbrief", f"Verwijzing {spec[0]}", f"verwijzing {p.his()}",
                       "Verwijzing patiënt", f"Aanmelding polikliniek {spec[0]}"])
    to = (f"Polikliniek {spec[0].capitalize()} {hosp[0]}", f"poli.{_fold_ascii(spec[0].split()[0].lower())}@{hosp[1]}")
    atts = []
    if fmt in ("inline", "terse"):
        if fmt == "terse":
            text = (f"Collega,\n\nVerw. {p.his()} ({p.dob_fmt(rng)}) ivm {reason.lower()}. {hist}\n"
                    f"Med: {', '.join(meds)}.\n" + (f"BSN {bsn_s}\n" if with_bsn else "") +
                    f"Graag beoordelen.\n\nmvg\n{gp.sig(rng, style='terse')}")
            ctx.tag("referral;terse")
        else:
            text = "\n".join(patblock) + "\n\n" + "\n".join(letter) + conf_footer(rng)
            ctx.tag("referral;formal-letter")
        body = body_part(ctx, text)
    else:
        cover = rng.choice([f"Geachte collega,\n\nBijgaand de verwijsbrief voor {p.formal()}.\n\n{groet(rng)}\n{gp.sig(rng)}",
                            f"Hierbij de verwijzing, zie bijlage.\n\nGroet,\n{gp.sig(rng, style='terse')}",
                            f"Beste collega's,\n\nIn de bijlage een verwijzing naar {spec[0]}. Patiënt is op de hoogte en belt zelf voor een afspraak.\n\n{groet(rng)}\n{gp.sig(rng)}"])
        fname = rng.choice([f"Verwijsbrief_{_fold_ascii(p.last)}", "verwijzing", f"verwijzing_{spec[0].split()[0]}", "Brief_specialist",
                            f"VWB {_fold_ascii(p.lastname())} {p.dob.strftime('%d%m%Y')}"])
        if fmt == "docx":
            hdr = [("Patiënt", p.formal()), ("Geboortedatum", p.dob_fmt(rng)), ("Adres", p.address())]
            if with_bsn:
                hdr.append(("BSN", bsn_s))
            split_toks = [bsn_s] if with_bsn and rng.random() < 0.6 else []
            data = docx_bytes(rng, [("Verwijsbrief", "heading")] + [l for l in letter if l], header_rows=hdr, split=split_toks, author=gp.full)
            atts.append(att(ctx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", data, fname + ".docx",
                            source_text=letter + [f"{k} {v}" for k, v in hdr], tag="docx;docx-header-table" + (";docx-split-runs" if split_toks else "")))
        elif fmt == "pdf":
            lines = [f"# {pr[0]}", "", f"{hosp[0]} - polikliniek {spec[0]}", ""] + patblock + [""] + letter
            do_split = with_bsn and rng.random() < 0.5
            rev = rng.random() < 0.5
            data = pdf_bytes([lines], title="Verwijsbrief", split_tokens=[bsn_s] if do_split else None, reverse_split=rev, rng=rng)
            atts.append(att(ctx, "application/pdf", data, fname + ".pdf", source_text=lines,
                            tag="pdf" + ((";pdf-split" + (";pdf-reversed" if rev else "")) if do_split else "")))
        elif fmt == "odt":
            data = odt_bytes([("Verwijsbrief",)] + patblock + [l for l in letter if l])
            atts.append(att(ctx, "application/vnd.oasis.opendocument.text", data, fname + ".odt", source_text=patblock + letter, tag="odt"))
        elif fmt == "rtf":
            data = rtf_bytes(rng, patblock + [l for l in letter if l], split=[bsn_s] if with_bsn else None)
            atts.append(att(ctx, rng.choice(["application/rtf", "text/rtf"]), data, fname + ".rtf", source_text=patblock + letter, tag="rtf"))
        if fmt == "html-table":
            rows = [("Patiënt", p.formal()), ("Geboortedatum", p.dob_fmt(rng)), ("Adres", RawHtml(f"{hesc(p.street, True)} {p.houseno}<br>{p.postcode} {hesc(p.city, True)}")),
                    ("Specialisme", spec[0]), ("Reden verwijzing", reason), ("Medicatie", RawHtml("<br>".join(hesc(m, True) for m in meds))),
                    ("ICPC", f"{code} {dx}")]
            if with_bsn:
                nb = rng.choice([bsn_s, "&nbsp;".join([p.bsn[:3], p.bsn[3:6], p.bsn[6:]]), "".join(f"&#{ord(c)};" for c in p.bsn),
                                 f"<span>{p.bsn[:4]}</span><span>{p.bsn[4:]}</span>"])
                rows.insert(3, ("BSN", RawHtml(nb)))
            inner = (f"<p>Geachte collega,</p><p>Hierbij verwijs ik onderstaande patiënt naar uw afdeling.</p>" + html_table(rows, ents=True) +
                     f"<p>{hesc(hist, True)}</p><p>{groet(rng)}<br>{'<br>'.join(hesc(l) for l in gp.sig(rng).split(chr(10)))}</p>")
            html = html_doc(inner, rng, rng.choice(["outlook", "plain"]))
            ctx.texts.append("\n".join(f"{a} {b}" for a, b in rows) + hist)
            body = body_part(ctx, "", html=html, mode="html-only")
            ctx.texts.remove("")
            ctx.tag("referral;html-table")
        else:
            body = body_part(ctx, cover)
            ctx.tag("referral;secretary-cover" if "Hierbij" in cover else "referral;formal-letter")
    ctx.set(health=1, personal=1)
    cc = [(gp.full, gp.email)] if rng.random() < 0.2 else None
    return build(ctx, (gp.full, gp.email), to, subj, body, attachments=atts, cc=cc)


def t_referral_en(ctx):
    rng = ctx.rng
    ctx.lang = "en"
    p = Person(rng, english=rng.random() < 0.6, age=rng.randint(20, 80))
    pr = practice(rng)
    gp = Staff(rng, "huisarts", pr)
    spec, code, dx, reason, hist, meds, labs = referral_content(rng, p, "en")
    v = rng.choice(["transfer", "clinic", "inbound", "summary-pdf"])
    with_bsn = rng.random() < 0.4
    if v == "transfer":
        uk = ("Dr " + rng.choice(EN_LAST) + ", Riverside Medical Practice", "records@riverside-surgery.example")
        text = (f"Dear colleague,\n\nOur patient {p.title('en')} {p.full} (DOB {p.dob_fmt(rng, 'en')}) is moving back to the United Kingdom and has "
                f"asked us to send a summary of {p.his_en} medical record.\n\nActive problems:\n- {code} {dx}\n- {rng.choice(ICPC)[2]}\n\n"
                f"Current medication:\n" + "\n".join(f"- {m}" for m in meds) + "\n\n"
                f"Allergies: {rng.choice(['none known', 'penicillin (rash)', 'NSAIDs (angio-oedema)'])}\n\n"
                f"Most recent results: " + "; ".join(f"{n} {v} {u}".strip() for n, v, u, _ in labs) + "\n\n" +
                (f"Dutch citizen service number (BSN): {fmt_bsn(rng, ctx.use_bsn(p.bsn))}\n\n" if with_bsn else "") +
                f"Please do not hesitate to contact us if you need anything further.\n\n{regards(rng)}\n{gp.sig(rng, 'en')}")
        to, subj = uk, f"Medical summary - {p.full}"
        ctx.tag("referral;record-transfer;formal-letter")
        atts = []
    elif v == "clinic":
        to = ("International Health Clinic", "intake@internationalclinic.example")
        text = (f"Dear Dr {rng.choice(EN_LAST)},\n\nThank you for seeing {p.title('en')} {p.lastname(True)}, {p.age}, who I am referring to your {spec[1]} clinic.\n\n"
                f"Reason for referral: {reason}.\n\nHistory: {hist}\n\nMedication: {', '.join(meds)}.\n\n{regards(rng)}\n{gp.sig(rng, 'en')}")
        subj = f"Referral {spec[1]}"
        # personal: name + age only is not enough unless DOB
        if rng.random() < 0.6:
            text = text.replace(f", {p.age}, who", f" (DOB {p.dob_fmt(rng, 'en')}), who")
        ctx.tag("referral;formal-letter")
        atts = []
    elif v == "inbound":
        # expat clinic writes back to dutch GP
        clinic = ("Dr " + rng.choice(EN_LAST), "doctor@expatclinic.example")
        to = prac_box(rng, pr)
        text = (f"Dear colleague,\n\nI saw your patient {p.full}, born {p.dob_fmt(rng, 'en')}, on {en_date(rand_when(rng).date())}.\n\n"
                f"Assessment: {dx}. I have started {meds[0]} and advised review in 6 weeks.\n\n"
                f"Plan:\n- repeat {labs[0][0]} in 3 months\n- physiotherapy referral\n- return if symptoms worsen\n\n{regards(rng)}\n{clinic[0]}\nInternational Clinic Amsterdam")
        text = text
        frm_override = clinic
        subj = f"Clinic letter re {p.full}"
        ctx.tag("clinic-letter;formal-letter")
        atts = []
        ctx.set(health=1, personal=1)
        return build(ctx, frm_override, to, subj, body_part(ctx, text), cc=None)
    else:
        to = ("Outpatient clinic", f"outpatients@{org(rng, 'hosp')[1]}")
        lines = [f"# Referral letter - {spec[1]}", "", f"Patient: {p.full}", f"Date of birth: {p.dob_fmt(rng, 'en')}",
                 f"Address: {p.street} {p.houseno}, {p.postcode} {p.city}"] + \
                ([f"BSN: {fmt_bsn(rng, ctx.use_bsn(p.bsn))}"] if with_bsn else []) + \
                ["", f"Reason: {reason}", f"History: {hist}", "Medication: " + ", ".join(meds), "", gp.full, pr[0]]
        data = pdf_bytes([lines], title="Referral", rng=rng)
        atts = [att(ctx, "application/pdf", data, f"referral_{_fold_ascii(p.last).replace(' ', '_')}.pdf", source_text=lines, tag="pdf")]
        text = f"Dear colleague,\n\nPlease find attached a referral for {p.title('en')} {p.lastname(True)}.\n\n{regards(rng)}\n{gp.sig(rng, 'en')}"
        subj = "Referral"
        ctx.tag("referral;secretary-cover")
    personal = 1 if ("DOB" in text or "born" in text or atts) else 0
    ctx.set(health=1, personal=personal)
    return build(ctx, (gp.full, gp.email), to, subj, body_part(ctx, text), attachments=atts)


def t_lab(ctx):
    rng = ctx.rng
    ctx.lang = "en" if rng.random() < 0.3 else "nl"
    en = ctx.lang == "en"
    maybe_lf(ctx, 0.12)
    p = Person(rng, age=rng.randint(25, 88))
    pr = practice(rng)
    gp = Staff(rng, "huisarts", pr)
    poh = Staff(rng, "praktijkondersteuner", pr)
    labs = lab_values(rng)
    fmt = rng.choice(["lab-inline", "csv", "xlsx", "poh-to-patient", "colleague", "tsv", "html"])
    with_bsn = rng.random() < 0.5 and fmt not in ("poh-to-patient",)
    labname = rng.choice(["Certe", "Saltro", "Star-shl", "Atalmedial", "Result Laboratorium", "Rijnlands Lab"]) + " (synthetisch)"
    lab_from = ("Laboratorium " + labname.split(" (")[0], "uitslagen@lab-diagnostiek.example")
    date = rand_when(rng).date()
    atts = []
    personal = 1
    bs = fmt_bsn(rng, ctx.use_bsn(p.bsn)) if with_bsn else None
    if fmt in ("lab-inline", "html"):
        head = [f"Patiënt: {p.his()}", f"Geb.datum: {p.dob.strftime('%d-%m-%Y')}", f"Geslacht: {p.sex}"] + ([f"BSN: {bs}"] if with_bsn else []) + \
               [f"Aanvrager: {gp.full} (AGB {ctx.neg(gp.agb)})", f"Afname: {date.strftime('%d-%m-%Y')} 08:1{rng.randint(0, 9)}"]
        rows = [f"{n:<26}{v:>8} {u:<14} ref {r}" for n, v, u, r in labs]
        text = ("UITSLAGEN KLINISCHE CHEMIE\n\n" + "\n".join(head) + "\n\n" + "\n".join(rows) +
                "\n\nDit is een automatisch gegenereerd bericht. Niet beantwoorden.")
        if fmt == "html":
            html = html_doc("<h3>Uitslagen</h3>" + html_table([h.split(": ", 1) for h in head], border=0) +
                            html_table([(n, v, u, r) for n, v, u, r in labs], head=["Bepaling", "Uitslag", "Eenheid", "Referentie"]), rng, "plain")
            body = body_part(ctx, text, html=html, mode=rng.choice(["alt", "html-only"]))
            ctx.tag("lab;html-table;terse")
        else:
            body = body_part(ctx, text, mode="plain")
            ctx.tag("lab;terse")
        frm, to = lab_from, (gp.full, gp.email)
        subj = rng.choice([f"Uitslagen {p.his()}", "Labuitslagen", f"Uitslag {date.strftime('%d-%m-%Y')}", "Nieuwe uitslagen beschikbaar"])
    elif fmt in ("csv", "tsv", "xlsx"):
        hdr = ["patientnr", "naam", "geboortedatum"] + (["bsn"] if with_bsn else []) + ["bepaling", "uitslag", "eenheid", "datum"]
        pats = [p] + [Person(rng) for _ in range(rng.randint(0, 5))]
        rows = []
        for q in pats:
            for n, v, u, r in lab_values(rng, rng.randint(1, 3)):
                row = [q.patnr, q.his(), q.dob.strftime("%d-%m-%Y")] + ([fmt_bsn(rng, ctx.use_bsn(q.bsn), "plain")] if with_bsn else []) + [n, v, u, date.strftime("%d-%m-%Y")]
                rows.append(row)
        desc = rng.choice(["diabetes jaarcontrole", "CVRM-controles", "uitslagen afgelopen week", "nierfunctie controle"])
        if fmt == "xlsx":
            data = xlsx_bytes(rng, [("Uitslagen", [hdr] + rows)], numeric_cols={3} if with_bsn else None)
            atts.append(att(ctx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", data, f"uitslagen_{desc.split()[0]}.xlsx",
                            source_text="\n".join(" ".join(r) for r in rows), tag="xlsx"))
        else:
            sep = ";" if fmt == "csv" else "\t"
            csvt = "\r\n".join(sep.join(r) for r in [hdr] + rows) + "\r\n"
            cs = rng.choice(["windows-1252", "utf-8"])
            if not can_encode(csvt, cs):
                cs = "utf-8"
            atts.append(att(ctx, "text/csv" if fmt == "csv" else "text/tab-separated-values", csvt.encode(CODECS[cs]),
                            f"export_{desc.split()[0]}.{fmt}", source_text=csvt, tag=fmt, charset=cs if rng.random() < 0.5 else None))
        text = rng.choice([f"Hoi {gp.first},\n\nHierbij de export voor de {desc}. Wil je even kijken naar de afwijkende waarden?\n\nGroet,\n{poh.first}",
                           f"Zie bijlage ({desc}).\n\n{poh.sig(rng, style='terse')}",
                           f"Beste collega,\n\nIn de bijlage de uitslagen ({desc}). Een paar patiënten moeten nog worden opgeroepen.\n\n{groet(rng)}\n{poh.sig(rng)}"])
        body = body_part(ctx, text)
        frm, to = (poh.full, poh.email), (gp.full, gp.email)
        subj = rng.choice([f"Export {desc}", desc.capitalize(), "uitslagen", "Lijst"])
        ctx.tag("lab;list;secretary-forward")
    elif fmt == "poh-to-patient":
        n, v, u, r = labs[0]
        if en:
            text = (f"Dear {p.first},\n\nYour blood results from {en_date(date)} are in. Your {n} was {v} {u} (reference {r}). "
                    f"{rng.choice(['That is slightly higher than last time, so we would like to see you again in 3 months.', 'That is within the normal range, no action needed.', 'Dr ' + gp.p.lastname(True) + ' would like to discuss this with you, please call us.'])}\n\n"
                    f"{regards(rng)}\n{poh.full}\nPractice nurse")
        else:
            text = (f"Beste {p.mv() if rng.random() < 0.5 else p.first},\n\nDe uitslag van uw bloedonderzoek van {nl_date(date)} is binnen. "
                    f"Uw {n} was {v} {u} (normaal {r}). "
                    f"{rng.choice(['Dat is iets hoger dan vorige keer, daarom wil ik u over 3 maanden weer zien.', 'Dat is goed, we hoeven niets te veranderen.', 'De huisarts wil dit graag met u bespreken, wilt u een afspraak maken?'])}\n\n"
                    f"{groet(rng)}\n{poh.sig(rng)}")
        personal = 0
        body = body_part(ctx, text)
        frm, to = (poh.full, poh.email), (p.full, p.email)
        subj = rng.choice(["Uitslag bloedonderzoek", "Your results", "Uitslag", "Uw laboratoriumuitslag"]) if not en else rng.choice(["Your results", "Blood test results"])
        ctx.tag("lab;reply-to-patient")
    else:  # colleague
        n, v, u, r = labs[0]
        n2, v2, u2, r2 = labs[1]
        if en:
            text = (f"Hi {gp.first},\n\nFYI: {p.title('en')} {p.lastname(True)} ({p.dob_fmt(rng, 'en')}) - {n} {v} {u}, {n2} {v2} {u2}. "
                    f"{rng.choice(['Shall I book a follow-up?', 'I think we should repeat this.', 'Can you call her?'])}\n\n{poh.first}")
        else:
            text = rng.choice([
                f"Hoi {gp.first},\n\nTer info: {p.formal()} ({p.dob_fmt(rng)}) heeft een {n} van {v} {u} en {n2} {v2}. Wil jij ernaar kijken? "
                + (f"BSN {bs}." if with_bsn else "") + f"\n\n{poh.first}",
                f"{p.his()} {dob_phrase(rng, p)}: {n} {v}, {n2} {v2}. Graag actie. " + (f"(bsn {bs})" if with_bsn else "") + f"\n{poh.first}",
            ])
        body = body_part(ctx, text)
        frm, to = (poh.full, poh.email), (gp.full, gp.email)
        subj = rng.choice(["afwijkende uitslag", "ter info", f"{n} {p.lastname()}", "uitslag"])
        ctx.tag("lab;terse;colleague")
    ctx.set(health=1, personal=personal)
    return build(ctx, frm, to, subj, body, attachments=atts)


def t_pharmacy(ctx):
    rng = ctx.rng
    ctx.lang = "en" if rng.random() < 0.3 else "nl"
    maybe_lf(ctx, 0.1)
    p = Person(rng, english=ctx.lang == "en" and rng.random() < 0.7, age=rng.randint(30, 90))
    pr = practice(rng)
    gp = Staff(rng, "huisarts", pr)
    apo = org(rng, "apo")
    apoth = Person(rng)
    v = rng.choice(["interaction", "mbo", "gp-to-apo", "patient-to-apo", "stock"]) if ctx.lang == "nl" else rng.choice(["patient-to-apo", "interaction"])
    personal = 1
    atts = []
    if v == "interaction":
        a, b = rng.choice([("claritromycine", "simvastatine"), ("naproxen", "acenocoumarol"), ("lisinopril", "kaliumchloride"),
                           ("ciprofloxacine", "prednison"), ("fluconazol", "atorvastatine"), ("tramadol", "sertraline")])
        if ctx.lang == "en":
            text = (f"Dear Dr {gp.p.lastname(True)},\n\nWe received a prescription for {a} for {p.full} ({p.dob_fmt(rng, 'en')}). "
                    f"The patient also uses {b}; this combination gives an interaction signal. Could you confirm or adjust?\n\n{regards(rng)}\n{apoth.full}\nPharmacist, {apo[0]}")
        else:
            text = rng.choice([
                f"Geachte collega,\n\nVoor {p.formal()} ({p.dob_fmt(rng)}) ontvingen wij vandaag een recept voor {a}. Patiënt gebruikt ook {b}. "
                f"Dit geeft een interactiesignaal. Wilt u bevestigen of een alternatief voorschrijven?\n\n{groet(rng)}\n{apoth.full}, apotheker\n{apo[0]}",
                f"Hoi, {p.his()} {dob_phrase(rng, p)} - recept {a} + gebruikt {b}. Interactie! Graag terugbellen {landline(rng)}. Gr {apoth.first} ({apo[0]})",
            ])
        subj = rng.choice(["Interactiesignaal", "Medicatiebewaking", f"Recept {p.lastname()}", "Interaction check"])
        ctx.tag("pharmacy;medication;interaction")
    elif v == "mbo":
        meds = med_list(rng, rng.randint(5, 8))
        text = (f"Beste {gp.first},\n\nHierbij het overzicht voor de medicatiebeoordeling van {p.formal()} ({p.dob_fmt(rng)}, "
                f"{p.address()}).\n\nHuidige medicatie:\n" + "\n".join(f"{i + 1}. {m}" for i, m in enumerate(meds)) +
                f"\n\nAandachtspunten: eGFR {rng.randint(28, 55)}, valrisico, dubbelmedicatie {meds[0].split()[0]}?\n\nOverleg staat gepland op {nl_date(rand_when(rng).date())}.\n\n{groet(rng)}\n{apoth.full}\n{apo[0]}")
        subj = "Medicatiebeoordeling " + p.lastname()
        ctx.tag("pharmacy;medication;mbo;list")
    elif v == "gp-to-apo":
        meds = med_list(rng, rng.randint(1, 3))
        text = rng.choice([
            f"Beste collega's,\n\nWilt u voor {p.formal()} ({p.dob_fmt(rng)}) de volgende medicatie in baxter zetten:\n" + "\n".join("- " + m for m in meds) +
            f"\n\nPatiënt is gestart met thuiszorg. \n\n{groet(rng)}\n{gp.sig(rng)}",
            f"Hoi, stop {meds[0]} bij {p.his()} ({p.dob_fmt(rng)}), ivm bijwerkingen. Graag uit het baxterrol halen. {gp.sig(rng, style='terse')}",
        ])
        frm, to = (gp.full, gp.email), (apo[0], f"recepten@{apo[1]}")
        subj = rng.choice(["Medicatiewijziging", "Baxter", "Wijziging medicatie", "Stopzetten medicatie"])
        ctx.tag("pharmacy;medication;clinician-note")
        ctx.set(health=1, personal=1)
        return build(ctx, frm, to, subj, body_part(ctx, text))
    elif v == "patient-to-apo":
        med = rng.choice(MEDS)[0]
        if ctx.lang == "en":
            text = rng.choice([f"Hi,\n\nIs my prescription for {MEDS_EN[med]} ready to pick up? The GP said she sent it yesterday. Name: {p.full}, DOB {p.dob_fmt(rng, 'en')}.\n\nThanks,\n{p.first}",
                               f"Hello, I collected my {MEDS_EN[med]} but the box says a different brand than usual and the tablets look different. Is that ok? I'm a bit nervous about switching.\n{p.first}"])
        else:
            text = rng.choice([f"Goedemiddag,\n\nLigt mijn {med} al klaar? Ik ben {p.full}, geb. {p.dob_fmt(rng)}.\n\nGroetjes {p.first}",
                               f"Hallo apotheek, ik heb {med} gekregen maar ik krijg er hoofdpijn van. Mag ik het innemen met mijn andere medicijnen ({rng.choice(MEDS)[0]})? {p.first}"])
        personal = 1 if ("DOB" in text or "geb." in text) else 0
        frm, to = (p.full, p.email), (apo[0], f"info@{apo[1]}")
        subj = rng.choice(["recept", "Prescription", "vraag medicijn", "question"])
        ctx.tag("pharmacy;patient-first-person;medication")
        ctx.set(health=1, personal=personal)
        return build(ctx, frm, to, subj, body_part(ctx, text))
    else:
        med = rng.choice(["levothyroxine 25 mcg", "salbutamol inhalator", "sertraline 50 mg", "insuline glargine pen"])
        text = (f"Beste collega,\n\n{med} is niet leverbaar. Voor uw patiënt {p.formal()} ({p.dob_fmt(rng)}) stellen wij een alternatief voor: "
                f"{rng.choice(['ander merk, zelfde dosering', 'halve tabletten van de hogere sterkte', 'een andere inhalator'])}. Akkoord?\n\n{groet(rng)}\n{apoth.full}\n{apo[0]}")
        subj = "Leveringsprobleem " + med.split()[0]
        ctx.tag("pharmacy;medication;shortage-patient")
    ctx.set(health=1, personal=personal)
    return build(ctx, (apoth.full + f" | {apo[0]}", f"{_fold_ascii(apoth.first.lower().split()[0])}@{apo[1]}"), (gp.full, gp.email), subj, body_part(ctx, text))


def t_ggz(ctx):
    rng = ctx.rng
    ctx.lang = "en" if rng.random() < 0.35 else "nl"
    maybe_lf(ctx, 0.1)
    en = ctx.lang == "en"
    p = Person(rng, english=en and rng.random() < 0.7, age=rng.randint(18, 70))
    pr = practice(rng)
    gp = Staff(rng, "huisarts", pr)
    poh = Staff(rng, "POH-GGZ", pr)
    g = org(rng, "ggz")
    psy = Person(rng)
    v = rng.choice(["poh-verslag", "intake", "crisis", "ontslag"])
    with_bsn = rng.random() < 0.35 and (en or v in ("intake", "crisis"))
    bs = fmt_bsn(rng, ctx.use_bsn(p.bsn)) if with_bsn else None
    atts = []
    if en:
        text = (f"Dear Dr {gp.p.lastname(True)},\n\nRe: {p.full}, DOB {p.dob_fmt(rng, 'en')}" + (f", BSN {bs}" if with_bsn else "") + "\n\n"
                f"Thank you for referring {p.him_en}. We completed the intake on {en_date(rand_when(rng).date())}. "
                f"{p.he_en.capitalize()} presented with {rng.choice(['low mood, anhedonia and early waking', 'panic attacks and avoidance', 'intrusive memories after a traumatic event', 'burnout symptoms and emotional exhaustion'])}. "
                f"PHQ-9 score {rng.randint(10, 24)}, GAD-7 {rng.randint(8, 20)}. No acute suicidality.\n\n"
                f"Working diagnosis: {rng.choice(['major depressive disorder, moderate', 'panic disorder', 'PTSD', 'adjustment disorder with anxiety'])}.\n"
                f"Plan: 10 sessions of CBT; consider {rng.choice(['sertraline', 'citalopram', 'escitalopram'])} if no improvement.\n\n{regards(rng)}\n{psy.full}, GZ-psycholoog\n{g[0]}")
        subj = rng.choice(["Intake report", f"Re: {p.full}", "Treatment update"])
        ctx.tag("ggz;formal-letter")
        frm, to = (psy.full, f"{_fold_ascii(psy.first.lower().split()[0])}@{g[1]}"), (gp.full, gp.email)
    elif v == "poh-verslag":
        text = (f"Hoi {gp.first},\n\n{rng.choice(['Gesprek 3', 'Vervolggesprek', 'Kort verslag'])} met {p.formal()} ({p.dob_fmt(rng)}).\n\n"
                f"S: {rng.choice(['somber, slaapt slecht, ziet er tegenop om naar werk te gaan', 'paniekaanvallen in de supermarkt, vermijdt drukte', 'veel piekeren over schulden, huilbuien', 'relatie verbroken, drinkt meer alcohol (4-6 glazen/dag)'])}.\n"
                f"O: PHQ-9 {rng.randint(9, 22)}; geen suïcidale gedachten.\n"
                f"E: {rng.choice(['matige depressieve klachten', 'angststoornis', 'aanpassingsstoornis', 'overspanning'])}\n"
                f"P: {rng.choice(['verwijzing basis-GGZ besproken', 'start sertraline overwegen, graag jouw mening', 'vervolg over 2 weken', 'aanmelding bij ' + g[0]])}.\n\n"
                f"Groet,\n{poh.first}\nPOH-GGZ")
        subj = rng.choice(["verslag POH", f"gesprek {p.lastname()}", "Overleg patiënt", "ter info"])
        ctx.tag("ggz;terse;clinician-note")
        frm, to = (poh.full, poh.email), (gp.full, gp.email)
    elif v == "intake":
        lines = [f"Betreft: {p.formal()}, geboren {p.dob_fmt(rng)}", f"Adres: {p.address()}"] + ([f"BSN: {bs}"] if with_bsn else []) + [
            "", "Geachte collega,", "",
            f"Op {nl_date(rand_when(rng).date())} zagen wij uw patiënt voor een intakegesprek.",
            f"Klachten: {rng.choice(['somberheid, concentratieproblemen, vroeg wakker worden', 'angst, hartkloppingen, vermijdingsgedrag', 'herbelevingen na een verkeersongeval', 'eetbuien en compensatiegedrag'])}.",
            f"DSM-5 classificatie: {rng.choice(['depressieve stoornis, matig', 'paniekstoornis', 'posttraumatische stressstoornis', 'boulimia nervosa'])}.",
            f"Behandelplan: {rng.choice(['12 sessies CGT', 'EMDR, 6-8 sessies', 'groepsbehandeling en medicatieconsult psychiater'])}.",
            "", groet(rng), psy.full + ", " + rng.choice(["GZ-psycholoog", "psychiater", "regiebehandelaar"]), g[0]]
        if rng.random() < 0.5:
            data = pdf_bytes([lines], title="Intakebrief", rng=rng)
            atts.append(att(ctx, "application/pdf", data, f"intakebrief_{rng.randint(1000, 9999)}.pdf", source_text=lines, tag="pdf"))
            text = f"Geachte collega,\n\nBijgaand de intakebrief van uw patiënt.\n\n{groet(rng)}\nSecretariaat {g[0]}"
            ctx.tag("ggz;secretary-cover")
        else:
            text = "\n".join(lines)
            ctx.tag("ggz;formal-letter")
        subj = rng.choice(["Intakebrief", "Brief aan huisarts", f"Intake {p.lastname()}"])
        frm, to = (f"Secretariaat {g[0]}", f"secretariaat@{g[1]}"), (gp.full, gp.email)
    elif v == "crisis":
        text = (f"Collega,\n\nVannacht crisisbeoordeling {p.his()} {dob_phrase(rng, p)}, {p.address()}" + (f", BSN {bs}" if bs else "") + f". Aanleiding: suïcidale uitingen na ruzie. "
                f"Geen acuut gevaar na gesprek, veiligheidsplan opgesteld met partner. Oxazepam 10 mg zn voor 3 dagen meegegeven. "
                f"Graag morgen contact met pt via {p.phone}.\n\nmvg {psy.full}, crisisdienst {g[0]}")
        subj = "Crisisbeoordeling - graag actie"
        ctx.tag("ggz;terse;crisis")
        frm, to = (psy.full, f"crisisdienst@{g[1]}"), (gp.full, gp.email)
    else:
        text = (f"Geachte collega,\n\nDe behandeling van {p.formal()} ({p.dob_fmt(rng)}) bij onze instelling is afgerond. "
                f"Beloop: na {rng.randint(8, 20)} sessies duidelijke afname van de {rng.choice(['depressieve', 'angst', 'trauma'])}klachten. "
                f"Medicatie bij ontslag: {med_line(rng)}. Advies: afbouwen na 6 maanden stabiliteit, onder begeleiding van de huisarts.\n\n"
                f"{groet(rng)}\n{psy.full}\n{g[0]}")
        subj = rng.choice(["Afsluitbrief", "Einde behandeling", "Ontslagbrief GGZ"])
        ctx.tag("ggz;formal-letter")
        frm, to = (psy.full, f"{_fold_ascii(psy.first.lower().split()[0])}@{g[1]}"), (gp.full, gp.email)
    ctx.set(health=1, personal=1)
    return build(ctx, frm, to, subj, body_part(ctx, text), attachments=atts)


def t_youth(ctx):
    rng = ctx.rng
    ctx.lang = "en" if rng.random() < 0.25 else "nl"
    en = ctx.lang == "en"
    maybe_lf(ctx, 0.15)
    kid = Person(rng, child=True, english=en and rng.random() < 0.6)
    parent = Person(rng, sex=rng.choice("MV"), origin=kid.origin if kid.origin != "en" else None, english=kid.origin == "en", age=rng.randint(28, 50))
    parent.last, parent.tv = kid.last, kid.tv
    parent.partner_last = None
    pr = practice(rng)
    gp = Staff(rng, "huisarts", pr)
    j = org(rng, "jeugd")
    worker = Person(rng)
    school = rng.choice(["De Regenboog", "Het Palet", "De Fontein", "OBS De Klimop", "Sint Jozefschool", "IBS Al Amal", "De Wereldwijzer"])
    personal = 0
    with_dob = rng.random() < 0.6
    who = f"{kid.first} {kid.lastname()}" + (f" ({dob_phrase(rng, kid)})" if with_dob else f" ({kid.age} jaar)")
    if with_dob:
        personal = 1
    v = rng.choice(["buurtteam", "school", "parent", "zorgen"])
    if en:
        who_en = f"{kid.first} {kid.lastname()}" + (f" (DOB {kid.dob_fmt(rng, 'en')})" if with_dob else f", age {kid.age},")
        text = (f"Dear Dr {gp.p.lastname(True)},\n\nI am the school counsellor at the International School and I'm writing about {who_en} "
                f"with consent from {kid.his_en} parents. Over the last term {kid.first} has shown {rng.choice(['significant anxiety, refusing to come to school on several days', 'attention difficulties and impulsive behaviour consistent with possible ADHD', 'signs of low mood and has mentioned self-harm once', 'a marked weight loss and skipping lunch'])}. "
                f"The parents would like a referral for assessment. Could you see {kid.him_en}?\n\n{regards(rng)}\n{worker.full}\nSchool counsellor")
        subj = f"Concerns about {kid.first}"
        frm = (worker.full, "counsellor@intschool.example")
        ctx.tag("youth-care;formal-letter;no-bsn")
    elif v == "buurtteam":
        text = (f"Beste {('dokter ' + gp.p.lastname(True)) if rng.random() < 0.3 else 'huisarts'},\n\nMet toestemming van {'moeder' if parent.sex == 'V' else 'vader'} "
                f"schrijf ik u over {who}, groep {min(8, max(1, kid.age - 4))} van basisschool {school}.\n\n"
                f"{kid.first} {rng.choice(['is sinds de zomer erg teruggetrokken en eet slecht', 'heeft veel woedeaanvallen thuis en op school', 'verzuimt veel met buikpijnklachten', 'heeft nachtmerries sinds het overlijden van opa'])}. "
                f"Er is sprake van {rng.choice(['een complexe scheiding', 'schulden en huisvestingsproblemen', 'een broertje met een ernstige ziekte', 'weinig steun in het netwerk'])}. "
                f"Wij overwegen een verwijzing naar {rng.choice(['de specialistische jeugd-GGZ', 'een kinderpsycholoog', 'de kinderarts voor uitsluiten somatische oorzaak', 'speltherapie'])}. "
                f"Zou u {kid.first} kunnen zien of de verwijzing kunnen ondertekenen?\n\n{groet(rng)}\n{worker.full}\nJeugdconsulent, {j[0]}\n{mobile(rng)}")
        subj = rng.choice([f"Zorgen om {kid.first}", "Verwijzing jeugdhulp", f"{kid.first} {kid.lastname()}", "Overleg jeugd"])
        frm = (worker.full, f"{_fold_ascii(worker.first.lower().split()[0])}@{j[1]}")
        ctx.tag("youth-care;formal-letter;no-bsn")
    elif v == "school":
        text = (f"Goedemiddag,\n\nNa overleg met de ouders meld ik dat {who} al {rng.randint(3, 12)} weken niet of nauwelijks naar school komt. "
                f"Volgens moeder heeft {kid.first} {rng.choice(['steeds hoofdpijn en buikpijn', 'angstklachten', 'veel last van astma', 'een eetprobleem'])}. "
                f"De leerplichtambtenaar vraagt of er een medische verklaring is.\n\n{groet(rng)}\n{worker.full}\nIntern begeleider, {school}")
        subj = rng.choice(["Schoolverzuim", f"Verzuim {kid.first}", "Vraag medische verklaring"])
        frm = (worker.full, f"ib@{_fold_ascii(school.lower().replace(' ', ''))}.example")
        ctx.tag("youth-care;school;no-bsn")
    elif v == "parent":
        text = (f"Hoi,\n\nIk wil graag een verwijzing voor {kid.first} naar de {rng.choice(['kinderpsycholoog', 'logopedie', 'fysiotherapie', 'kinderarts'])}. "
                f"Het jeugdteam zegt dat ik die via jullie moet vragen. {kid.first} heeft {rng.choice(['ADHD en krijgt methylfenidaat maar het gaat niet goed op school', 'een spraakachterstand', 'steeds terugkerende oorontstekingen', 'een autismediagnose en veel paniek'])}."
                + (f" Geboortedatum {kid.first}: {kid.dob_fmt(rng)}." if with_dob else "") +
                f"\n\nGroetjes,\n{parent.first}")
        subj = rng.choice(["Verwijzing", f"verwijzing {kid.first}", "vraag"])
        frm = (parent.full, parent.email)
        ctx.tag("youth-care;parent;informal;no-bsn")
    else:
        text = (f"Geachte collega,\n\nIn het kader van ons onderzoek naar de veiligheid van {who} vragen wij u om relevante medische informatie. "
                f"Er zijn zorgen over {rng.choice(['onverklaarde blauwe plekken', 'verwaarlozing', 'huiselijk geweld tussen ouders', 'ondervoeding'])}. "
                f"{kid.first} woont bij {'moeder' if rng.random() < 0.6 else 'vader'} op {kid.address()}.\n\n{groet(rng)}\n{worker.full}\n{j[0]}")
        personal = 1
        subj = rng.choice(["Verzoek informatie", "Vertrouwelijk", "Informatieverzoek"])
        frm = (worker.full, f"{_fold_ascii(worker.first.lower().split()[0])}@{j[1]}")
        ctx.tag("youth-care;formal-letter;no-bsn;safeguarding")
    ctx.set(health=1, personal=personal)
    return build(ctx, frm, (gp.full, gp.email), subj, body_part(ctx, text))


def t_wijk(ctx):
    rng = ctx.rng
    ctx.lang = "nl"
    maybe_lf(ctx, 0.15)
    p = Person(rng, age=rng.randint(62, 96))
    pr = practice(rng)
    gp = Staff(rng, "huisarts", pr)
    t = org(rng, "thuis")
    nurse = Person(rng)
    v = rng.choice(["wond", "insuline", "palliatief", "overdracht", "val"])
    who = rng.choice([f"{p.formal()} ({p.dob_fmt(rng)})", f"{p.formal()}, {p.address()}", f"{p.his()} - {p.dob_fmt(rng)}"])
    if v == "wond":
        text = (f"Beste dokter,\n\nBij {who} zien wij dat het ulcus cruris aan het linker onderbeen niet verbetert. Wondgrootte nu {rng.randint(2, 6)}x{rng.randint(2, 5)} cm, "
                f"veel exsudaat, rode rand. Temp {rng.choice(['37,9', '38,2', '37,4'])}. Wilt u komen kijken of een kweek afnemen?\n\n{groet(rng)}\n{nurse.first}, wijkverpleegkundige {t[0]}")
        ctx.tag("wijkverpleging;clinician-note")
    elif v == "insuline":
        vals = ", ".join(f"{rng.uniform(9, 19):.1f}".replace(".", ",") for _ in range(5))
        text = (f"Hoi {gp.first},\n\nGlucosewaarden {who} afgelopen week (nuchter): {vals} mmol/l. {p.he.capitalize()} spuit nu insuline glargine {rng.randint(12, 30)} E a.n. "
                f"Graag een nieuw schema.\n\nGr. {nurse.first}\n{t[0]}")
        ctx.tag("wijkverpleging;terse;lab")
    elif v == "palliatief":
        text = (f"Geachte {gp.p.mv() if rng.random() < 0.6 else gp.p.formal('nl', False)},\n\nDe situatie van {who} gaat snel achteruit. Ze eet en drinkt nauwelijks, is onrustig 's nachts en heeft pijn ondanks "
                f"de fentanylpleister 25 mcg. Familie vraagt naar palliatieve sedatie. Kunt u vandaag langskomen?\n\n{groet(rng)}\n{nurse.full}, {t[0]}\n{mobile(rng)}")
        ctx.tag("wijkverpleging;palliative;formal-letter")
    elif v == "val":
        text = (f"Melding: {who} is vanochtend gevallen in de badkamer. Hoofdwond (klein), geen bewustzijnsverlies, pijn rechter heup bij belasten. "
                f"Gebruikt apixaban. Wij hebben de dochter gebeld. Graag beoordeling vandaag.\n\n{nurse.first} ({t[0]})")
        ctx.tag("wijkverpleging;terse;incident")
    else:
        lines = [f"Overdracht wijkverpleging - {t[0]}", f"Cliënt: {p.formal()}", f"Geboortedatum: {p.dob_fmt(rng)}", f"Adres: {p.address()}",
                 f"Diagnose: {rng.choice(ICPC)[1]}; {rng.choice(ICPC)[1]}", "Zorg: " + rng.choice(["steunkousen aan/uit, medicatie aanreiken 2x/dag", "wondzorg 3x per week, ADL hulp", "stomazorg, controle vochtbalans"]),
                 "Medicatie: " + ", ".join(med_list(rng, 3)), f"Contactpersoon: {Person(rng).full} (dochter), {mobile(rng)}"]
        data = docx_bytes(rng, lines, author=nurse.full) if rng.random() < 0.5 else None
        if data:
            text = f"Hallo,\n\nBijgaand de overdracht van {p.formal()}. Zorg start maandag.\n\n{groet(rng)}\n{nurse.full}"
            ctx.set(health=1, personal=1)
            ctx.tag("wijkverpleging;overdracht")
            return build(ctx, (nurse.full, f"team@{t[1]}"), (gp.full, gp.email), "Overdracht zorg",
                         body_part(ctx, text), attachments=[att(ctx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", data,
                                                                "overdracht.docx", source_text=lines, tag="docx")])
        text = "\n".join(lines)
        ctx.tag("wijkverpleging;overdracht;list")
    ctx.set(health=1, personal=1)
    subj = rng.choice(["Overleg cliënt", f"{p.lastname()}", "Wijkverpleging - graag contact", "Melding", "Vraag over cliënt"])
    return build(ctx, (nurse.full, f"{_fold_ascii(nurse.first.lower().split()[0])}@{t[1]}"), (gp.full, gp.email), subj, body_part(ctx, text))


def t_physio(ctx):
    rng = ctx.rng
    ctx.lang = "en" if rng.random() < 0.35 else "nl"
    en = ctx.lang == "en"
    maybe_lf(ctx, 0.1)
    p = Person(rng, english=en and rng.random() < 0.6, age=rng.randint(20, 80))
    pr = practice(rng)
    gp = Staff(rng, "huisarts", pr)
    f = org(rng, "fysio")
    ther = Person(rng)
    area = rng.choice([("lage rugpijn", "low back pain"), ("knieklachten na meniscusletsel", "knee pain after a meniscus tear"),
                       ("schouderklachten (frozen shoulder)", "frozen shoulder"), ("nekpijn met hoofdpijn", "neck pain with headaches"),
                       ("enkeldistorsie", "ankle sprain"), ("revalidatie na heup-TEP", "rehabilitation after hip replacement")])
    n = rng.randint(6, 18)
    dob = p.dob_fmt(rng, ctx.lang)
    if en:
        text = (f"Dear Dr {gp.p.lastname(True)},\n\nProgress report for {p.full} (DOB {dob}), treated for {area[1]}. After {n} sessions "
                f"{rng.choice(['pain has decreased from 7/10 to 3/10', 'range of motion has improved but night pain persists', 'there is little progress, I recommend imaging'])}. "
                f"{rng.choice(['We will continue with a home exercise programme.', 'Could you consider a referral to orthopaedics?', 'Treatment is now complete.'])}\n\n{regards(rng)}\n{ther.full}\nPhysiotherapist, {f[0]}")
        subj = rng.choice(["Progress report", "Physio report " + p.lastname(), "Treatment summary"])
        ctx.tag("physio;formal-letter")
    else:
        v = rng.choice(["brief", "terse", "pdf"])
        core = (f"Verslag fysiotherapie\n\nPatiënt: {p.formal()}\nGeboortedatum: {dob}\nHulpvraag: {area[0]}\n"
                f"Aantal behandelingen: {n}\nBeloop: {rng.choice(['goed herstel, pijn VAS van 7 naar 2', 'wisselend beloop, nog steeds uitstraling naar het been', 'onvoldoende vooruitgang'])}\n"
                f"Advies: {rng.choice(['afsluiten, zelf oefenen', 'verwijzing orthopeed overwegen', 'MRI overwegen', 'verlenging 6 behandelingen'])}")
        if v == "terse":
            text = f"Hoi, korte update {p.his()} ({dob}): {area[0]}, na {n}x nog weinig effect, stuurt u door naar de orthopeed? Gr {ther.first}"
            ctx.tag("physio;terse")
            atts = []
        elif v == "pdf":
            lines = core.split("\n")
            atts = [att(ctx, "application/pdf", pdf_bytes([lines], "Verslag", rng=rng), "eindverslag.pdf", source_text=lines, tag="pdf")]
            text = f"Geachte collega,\n\nBijgevoegd het eindverslag van uw patiënt.\n\n{groet(rng)}\n{ther.full}\n{f[0]}"
            ctx.tag("physio;secretary-cover")
            ctx.set(health=1, personal=1)
            return build(ctx, (ther.full, f"info@{f[1]}"), (gp.full, gp.email), rng.choice(["Eindverslag", "Verslag fysio"]), body_part(ctx, text), attachments=atts)
        else:
            text = f"Geachte collega,\n\n{core}\n\n{groet(rng)}\n{ther.full}\n{f[0]}"
            ctx.tag("physio;formal-letter")
        subj = rng.choice(["Verslag fysiotherapie", "Tussenrapportage", f"Verslag {p.lastname()}", "Eindverslag"])
    ctx.set(health=1, personal=1)
    return build(ctx, (ther.full, f"{_fold_ascii(ther.first.lower().split()[0])}@{f[1]}"), (gp.full, gp.email), subj, body_part(ctx, text))


def t_dentist(ctx):
    rng = ctx.rng
    ctx.lang = "en" if rng.random() < 0.3 else "nl"
    en = ctx.lang == "en"
    p = Person(rng, english=en and rng.random() < 0.6, age=rng.randint(40, 85))
    pr = practice(rng)
    gp = Staff(rng, "huisarts", pr)
    t = org(rng, "tand")
    dent = Person(rng)
    issue = rng.choice([("apixaban", "extractie van de 46"), ("acenocoumarol", "extractie van twee molaren"),
                        ("alendroninezuur", "implantaatplaatsing"), ("prednison", "kaakchirurgische ingreep"),
                        ("een kunstklep (endocarditisprofylaxe)", "wortelkanaalbehandeling")])
    if en:
        text = (f"Dear colleague,\n\n{p.title('en')} {p.full} (DOB {p.dob_fmt(rng, 'en')}) is scheduled for an {rng.choice(['extraction', 'implant', 'root canal treatment'])} "
                f"on {en_date(rand_when(rng).date())}. {p.he_en.capitalize()} reports using {MEDS_EN.get(issue[0].split()[0], issue[0])}. "
                f"Could you confirm the current medication list and advise on any precautions?\n\n{regards(rng)}\n{dent.full}, dentist\n{t[0]}")
        ctx.tag("dentist;formal-letter")
    else:
        text = rng.choice([
            f"Geachte collega,\n\nBij uw patiënt {p.formal()}, {dob_phrase(rng, p)}, staat een {issue[1]} gepland. Patiënt gebruikt {issue[0]}. "
            f"Kunt u ons de actuele medicatielijst sturen en adviseren over het eventueel onderbreken?\n\n{groet(rng)}\n{dent.full}, tandarts\n{t[0]}",
            f"Hoi, vraagje over {p.his()} ({p.dob_fmt(rng)}): gebruikt pt {issue[0]}? Ze weet het zelf niet precies. Morgen {issue[1]}. Gr {dent.first}, {t[0]}",
        ])
        ctx.tag("dentist;" + ("formal-letter" if text.startswith("Geachte") else "terse"))
    ctx.set(health=1, personal=1)
    return build(ctx, (dent.full, f"praktijk@{t[1]}"), (gp.full, gp.email), rng.choice(["Vraag medicatie", "Medicatieoverzicht", "Dental procedure", "Ingreep tandarts"]),
                 body_part(ctx, text))


def t_appointment(ctx):
    rng = ctx.rng
    ctx.lang = "en" if rng.random() < 0.35 else "nl"
    en = ctx.lang == "en"
    maybe_lf(ctx, 0.1)
    p = Person(rng, english=en and rng.random() < 0.7, age=rng.randint(18, 85))
    hosp = org(rng, "hosp")
    spec = rng.choice(SPECIALISMS)
    doc = Person(rng)
    sent = rand_when(rng)
    when = (sent + dt.timedelta(days=rng.randint(3, 70))).replace(hour=rng.randint(8, 16), minute=rng.choice([0, 10, 20, 30, 40, 50]), second=0)
    if when.weekday() >= 5:
        when += dt.timedelta(days=7 - when.weekday())
    v = rng.choice(["confirm-ics", "confirm", "reminder", "secretary", "ics-only"])
    personal = 1 if rng.random() < 0.5 else 0
    atts = []
    pnr = f"{rng.randint(1000000, 9999999)}"
    if en:
        text = (f"Dear {p.title('en')} {p.lastname(True)},\n\nThis confirms your appointment at the {spec[1]} outpatient clinic with Dr {doc.lastname(True)} "
                f"on {EN_DAYS[when.weekday()]} {en_date(when)} at {when:%H:%M}." + (f"\nHospital number: {pnr}\nDate of birth: {p.dob_fmt(rng, 'en')}" if personal else "") +
                f"\n\nPlease bring your ID and a list of your medication. If you are unable to attend, call us at least 24 hours in advance.\n\n{regards(rng)}\n{hosp[0]} - {spec[1].capitalize()}")
        subj = f"Appointment confirmation {spec[1]}"
    else:
        base = rng.choice([
            f"Beste {p.mv()},\n\nHierbij bevestigen wij uw afspraak op de polikliniek {spec[0]} bij {doc.formal()}, {spec[2]}.\n\n"
            f"Datum: {NL_DAYS[when.weekday()]} {nl_date(when)}\nTijd: {when:%H:%M} uur\nLocatie: route {rng.randint(10, 99)}, {hosp[0]}",
            f"Geachte {p.title('nl', False)} {p.lastname(True)},\n\nU heeft een afspraak bij de {spec[2]} op {nl_date(when)} om {when:%H:%M}. "
            f"Wilt u 15 minuten van tevoren aanwezig zijn en nuchter komen?",
        ])
        if personal:
            base += f"\n\nPatiëntnummer: {pnr}\nGeboortedatum: {p.dob_fmt(rng)}"
        text = base + f"\n\nKunt u niet komen? Bel dan uiterlijk 24 uur van tevoren.\n\n{groet(rng)}\n{hosp[0]}"
        subj = rng.choice([f"Bevestiging afspraak {spec[0]}", "Uw afspraak", "Herinnering afspraak", f"Afspraak polikliniek {spec[0]}"])
    if v == "secretary" and not en:
        gp_pr = practice(rng)
        sec = Staff(rng, "doktersassistente", gp_pr)
        text = (f"Beste {p.first},\n\nIk heb voor je een afspraak kunnen maken bij de {spec[2]} in {hosp[0]}: {nl_date(when)} om {when:%H:%M}. "
                f"De verwijzing is verstuurd. Vergeet je pasje niet!\n\nGroetjes,\n{sec.first}\n{gp_pr[0]}")
        frm = (sec.full, sec.email)
        ctx.tag("specialist-appointment;reply-to-patient;informal")
    else:
        frm = (f"{hosp[0]} Afsprakenbureau", f"noreply@{hosp[1]}")
        ctx.tag("specialist-appointment;formal-letter")
    if v in ("confirm-ics", "ics-only"):
        ics = ics_text(rng, (f"Afspraak {spec[0]} - {doc.formal()}" if not en else f"{spec[1].capitalize()} appointment"), when, 20,
                       f"{hosp[0]}, route {rng.randint(10, 99)}",
                       (f"Patiënt: {p.full}\nGeb: {p.dob.strftime('%d-%m-%Y')}\nReden: {rng.choice(['controle', 'eerste consult', 'uitslaggesprek'])} {spec[0]}"
                        if not en else f"Patient: {p.full}\nDOB: {p.dob.strftime('%d-%m-%Y')}\nReason: follow-up {spec[1]}"),
                       (hosp[0], f"noreply@{hosp[1]}"), (p.full, p.email), uid_seed=f"{ctx.idx}")
        personal = 1
        atts.append(att(ctx, "text/calendar", ics, "afspraak.ics" if not en else "invite.ics", source_text=ics, tag="ics", charset="utf-8",
                        cte=rng.choice(["base64", "quoted-printable", "8bit"])))
        atts[-1].ctype_params = [("method", "REQUEST")]
        if v == "ics-only":
            text = ("Zie bijgevoegde agenda-uitnodiging." if not en else "Please see the attached calendar invitation.")
    ctx.set(health=1, personal=personal)
    return build(ctx, frm, (p.full, p.email), subj, body_part(ctx, text), attachments=atts, when=sent)


def t_sicknote(ctx):
    rng = ctx.rng
    ctx.lang = "en" if rng.random() < 0.4 else "nl"
    en = ctx.lang == "en"
    maybe_lf(ctx, 0.2)
    emp = Person(rng, english=en and rng.random() < 0.6, age=rng.randint(20, 63))
    boss = Person(rng)
    pr = practice(rng)
    company = rng.choice([("Bouwbedrijf Van Leeuwen", "vanleeuwen-bouw.example"), ("Logistiek Centrum Noord", "lcn-logistiek.example"),
                          ("Gemeente Lindendaal", "gemeente-lindendaal.example"), (pr[0], pr[1]), (pr[0], pr[1]),
                          ("TechFlow B.V.", "techflow.example"), ("Kinderopvang Het Zonnetje", "hetzonnetje.example")])
    reason_nl = rng.choice(["buikgriep, ik heb de hele nacht overgegeven", "een migraineaanval", "mijn rug weer, de hernia speelt op",
                            "koorts en keelpijn", "een operatie aan mijn knie volgende week (meniscus)", "burn-outklachten, de huisarts heeft me thuis gezet",
                            "een blaasontsteking met koorts", "een zware longontsteking, ik zit aan de antibiotica", "een miskraam, ik heb even tijd nodig"])
    reason_en = rng.choice(["a stomach bug, I was up all night", "a migraine", "my back again - the slipped disc is acting up", "a fever and a bad sore throat",
                            "knee surgery next week", "burnout - my GP has signed me off", "COVID, tested positive this morning", "pneumonia, on antibiotics"])
    v = rng.choice(["self", "self", "hr-arbo", "manager-forward"])
    personal = 0
    if en:
        text = rng.choice([
            f"Hi {boss.first},\n\nSorry, I won't be in today - I've got {reason_en}. I'll keep you posted about tomorrow.\n\n{emp.first}",
            f"Dear {boss.first},\n\nI'm writing to let you know I'm on sick leave as of today due to {reason_en}. I expect to be off for about {rng.randint(1, 6)} weeks. "
            f"I'll send the doctor's note when I have it.\n\n{regards(rng)}\n{emp.full}",
        ])
        subj = rng.choice(["Sick today", "Off sick", "Sick leave", "not coming in"])
        frm, to = (emp.full, emp.email), (boss.full, f"{_fold_ascii(boss.first.lower().split()[0])}@{company[1]}")
        ctx.tag("sick-note;employee")
    elif v == "self":
        text = rng.choice([
            f"Hoi {boss.first},\n\nIk meld me ziek, ik heb {reason_nl}. Hopelijk ben ik er donderdag weer.\n\nGroetjes {emp.first}",
            f"Goedemorgen {boss.first},\n\nHelaas moet ik me vandaag ziek melden vanwege {reason_nl}. Mijn afspraken van vandaag moeten worden verzet.\n\n{groet(rng)}\n{emp.full}",
            f"ziek vandaag ({reason_nl}). sorry! {emp.first}",
        ])
        subj = rng.choice(["Ziekmelding", "ziek", "Ik meld me ziek", "Vandaag afwezig"])
        frm, to = (emp.full, emp.email), (boss.full, f"{_fold_ascii(boss.first.lower().split()[0])}@{company[1]}")
        ctx.tag("sick-note;employee;informal")
    elif v == "hr-arbo":
        arbo = org(rng, "arbo")
        text = (f"Geachte heer/mevrouw,\n\nHierbij melden wij de volgende medewerker ziek:\n\nNaam: {emp.full}\nGeboortedatum: {emp.dob_fmt(rng)}\n"
                f"Personeelsnummer: {rng.randint(1000, 99999)}\nFunctie: {rng.choice(['doktersassistente', 'chauffeur', 'administratief medewerker', 'pedagogisch medewerker'])}\n"
                f"Eerste ziektedag: {nl_date(rand_when(rng).date())}\nToelichting medewerker: {reason_nl}\n\n"
                f"Graag een afspraak bij de bedrijfsarts.\n\n{groet(rng)}\n{boss.full}\nHR, {company[0]}")
        personal = 1
        subj = f"Ziekmelding {emp.full}"
        frm, to = (boss.full, f"hr@{company[1]}"), (arbo[0], f"ziekmelding@{arbo[1]}")
        ctx.tag("sick-note;hr;formal-letter")
    else:
        old = f"Hoi {boss.first},\n\nIk meld me ziek, ik heb {reason_nl}.\n\n{emp.first}"
        when = rand_when(rng)
        text = forward_inline(rng, "nl", f"Ter info, {emp.first} is ziek. Kun jij {emp.his_nl} diensten deze week opvangen?\n\n{boss.first}", old,
                              (emp.full, emp.email), (boss.full, f"{_fold_ascii(boss.first.lower().split()[0])}@{company[1]}"), when, "ziek")
        subj = "Fwd: ziek"
        frm, to = (boss.full, f"{_fold_ascii(boss.first.lower().split()[0])}@{company[1]}"), ("Planning", f"planning@{company[1]}")
        ctx.tag("sick-note;forwarded-inline;secretary-forward")
    ctx.set(health=1, personal=personal)
    return build(ctx, frm, to, subj, body_part(ctx, text))


def t_wmo_insurer(ctx):
    rng = ctx.rng
    ctx.lang = "en" if rng.random() < 0.25 else "nl"
    en = ctx.lang == "en"
    maybe_lf(ctx, 0.1)
    p = Person(rng, english=en and rng.random() < 0.7, age=rng.randint(30, 92))
    pr = practice(rng)
    gp = Staff(rng, "huisarts", pr)
    v = rng.choice(["wmo", "insurer", "gp-to-gemeente", "uwv", "wmo-reply"]) if not en else "intl-insurer"
    with_bsn = rng.random() < 0.55 and v in ("wmo", "insurer", "gp-to-gemeente", "uwv")
    bs = fmt_bsn(rng, ctx.use_bsn(p.bsn)) if with_bsn else None
    atts = []
    if v == "wmo":
        g = org(rng, "gem")
        cons = Person(rng)
        text = (f"Geachte {gp.p.mv() if rng.random() < 0.6 else gp.p.formal('nl', False)},\n\n{p.formal().capitalize()[0]}{p.formal()[1:]}, geboren {p.dob_fmt(rng)}, wonende {p.address()}"
                + (f" (BSN {bs})" if with_bsn else "") +
                f", heeft een aanvraag ingediend voor {rng.choice(['een scootmobiel', 'een traplift', 'huishoudelijke hulp', 'een woningaanpassing (douchestoel, verhoogd toilet)'])}. "
                f"Betrokkene geeft aan {rng.choice(['COPD te hebben en na 50 meter lopen benauwd te zijn', 'na een CVA halfzijdig verlamd te zijn', 'ernstige artrose in beide knieën te hebben', 'MS te hebben'])}. "
                f"Met toestemming van betrokkene (zie bijlage) vragen wij u om medische informatie over de beperkingen.\n\n{groet(rng)}\n{cons.full}\nWmo-consulent, {g[0]}")
        frm = (cons.full, f"wmo@{g[1]}")
        subj = rng.choice(["Verzoek medische informatie Wmo", "Wmo-aanvraag", f"Aanvraag {p.lastname()}"])
        ctx.tag("wmo;municipality;formal-letter")
    elif v == "wmo-reply":
        g = org(rng, "gem")
        cons = Person(rng)
        old = (f"Geachte {gp.p.mv() if rng.random() < 0.6 else gp.p.formal('nl', False)},\n\nGraag ontvangen wij informatie over de beperkingen van {p.formal()} ({p.dob_fmt(rng)}) in verband met de aanvraag beschermd wonen.\n\n"
               f"{groet(rng)}\n{cons.full}")
        new = (f"Geachte {cons.mv() if rng.random() < 0.6 else cons.formal('nl', False)},\n\nIn antwoord op uw vraag: betrokkene is bij mij bekend met {rng.choice(['een chronische psychotische stoornis', 'ernstige depressie en alcoholafhankelijkheid', 'een licht verstandelijke beperking en epilepsie'])}. "
               f"Zelfstandig wonen lijkt mij op dit moment niet verantwoord.\n\n{groet(rng)}\n{gp.sig(rng)}")
        text = quoted_reply(rng, "nl", new, old, (cons.full, f"wmo@{g[1]}"), (gp.full, gp.email), rand_when(rng), "Informatieverzoek beschermd wonen")
        frm = (gp.full, gp.email)
        ctx.set(health=1, personal=1)
        ctx.tag("wmo;municipality;quoted-reply;formal-letter")
        return build(ctx, frm, (cons.full, f"wmo@{g[1]}"), "RE: Informatieverzoek beschermd wonen", body_part(ctx, text))
    elif v == "insurer":
        ins = org(rng, "ins")
        adv = Person(rng)
        text = (f"Geachte collega,\n\nVoor onze verzekerde {p.formal()}, geboortedatum {p.dob_fmt(rng)}" + (f", BSN {bs}" if with_bsn else "") +
                f", ontvingen wij een machtigingsaanvraag voor {rng.choice(['bariatrische chirurgie', 'een ooglidcorrectie', 'een borstreconstructie', 'IVF (4e poging)', 'orthopedische schoenen'])}. "
                f"Wij verzoeken u ons de relevante medische gegevens te sturen, zoals BMI, comorbiditeit en eerdere behandelingen.\n\n"
                f"Ons kenmerk: MA-{rng.randint(10000, 99999)}\n\n{groet(rng)}\n{adv.full}\nMedisch adviseur, {ins[0]}")
        frm = (adv.full, f"medischadvies@{ins[1]}")
        subj = rng.choice(["Machtigingsaanvraag", "Verzoek om informatie", "Medische gegevens verzekerde"])
        ctx.tag("insurer;formal-letter")
    elif v == "gp-to-gemeente":
        g = org(rng, "gem")
        text = (f"Geachte heer/mevrouw,\n\nOp verzoek van mijn patiënt {p.formal()} ({p.dob_fmt(rng)}), {p.address()}, ondersteun ik de aanvraag voor "
                f"{rng.choice(['urgentie bij woningtoewijzing', 'een gehandicaptenparkeerkaart', 'een aangepaste woning'])}. "
                f"Patiënt is bekend met {rng.choice(ICPC)[1].lower()} en {rng.choice(['kan geen trappen lopen', 'heeft frequent ziekenhuisopnames', 'is rolstoelafhankelijk'])}." +
                (f"\n\nBSN: {bs}" if with_bsn else "") + f"\n\n{groet(rng)}\n{gp.sig(rng)}")
        frm = (gp.full, gp.email)
        ctx.set(health=1, personal=1)
        ctx.tag("municipality;gp-letter;formal-letter")
        return build(ctx, frm, (g[0], f"info@{g[1]}"), "Medische onderbouwing aanvraag", body_part(ctx, text))
    elif v == "uwv":
        arts = Person(rng)
        text = (f"Geachte collega,\n\nIn het kader van de WIA-beoordeling van {p.formal()}, {dob_phrase(rng, p)}" + (f", burgerservicenummer {bs}" if with_bsn else "") +
                f", verzoeken wij u informatie te verstrekken over de diagnose {rng.choice(['fibromyalgie', 'long covid', 'rugklachten met uitstraling', 'depressie'])}, "
                f"de behandeling en prognose.\n\n{groet(rng)}\n{arts.full}, verzekeringsarts\nUWV (synthetisch)")
        frm = (arts.full, "verzekeringsarts@uwv-regio.example")
        subj = "Informatieverzoek verzekeringsarts"
        ctx.tag("uwv;formal-letter")
    else:
        ins = ("Global Health Cover Ltd", "claims@globalhealthcover.example")
        handler = Person(rng, english=True)
        text = (f"Dear Doctor,\n\nWe have received a claim from our member {p.full} (DOB {p.dob_fmt(rng, 'en')}, policy no. GHC-{rng.randint(100000, 999999)}) "
                f"for treatment of {rng.choice(['depression', 'a torn ACL', 'gestational diabetes', 'recurrent tonsillitis'])}. To assess the claim, please provide "
                f"the date of first consultation and any referral letters.\n\nA signed medical consent form is attached.\n\n{regards(rng)}\n{handler.full}\nClaims department")
        frm = (handler.full, ins[1])
        subj = "Medical information request - claim"
        ctx.tag("insurer;formal-letter")
    ctx.set(health=1, personal=1)
    return build(ctx, frm, (gp.full, gp.email), subj, body_part(ctx, text))


def t_forward_chain(ctx):
    rng = ctx.rng
    ctx.lang = "en" if rng.random() < 0.3 else "nl"
    en = ctx.lang == "en"
    maybe_lf(ctx, 0.12)
    p = Person(rng, english=en and rng.random() < 0.7, age=rng.randint(18, 85))
    pr = practice(rng)
    gp = Staff(rng, "huisarts", pr)
    ass = Staff(rng, "doktersassistente", pr)
    ass.domain = pr[1]
    v = rng.choice(["assist-forward", "reply-quoted-only", "rfc822", "nested", "outlook-chain"])
    t0 = rand_when(rng)
    t1 = t0 + dt.timedelta(hours=rng.randint(1, 30))
    sym = rng.choice(SYMPTOMS_EN if en else SYMPTOMS_NL)
    personal = 0
    atts = []
    if en:
        orig = (f"Hello,\n\nI have had {sym} {rng.choice(DURATION_EN)}. I'm {p.age} and otherwise healthy. Could the doctor call me back? "
                f"My number is {p.phone}.\n\n{p.first}")
        personal = 1  # name + phone of third party
    else:
        orig = rng.choice([
            f"Beste dokter,\n\nIk heb {rng.choice(DURATION_NL)} {sym}. Mijn nummer is {p.phone}. Kunt u mij bellen?\n\n{p.full}",
            f"Hallo, ik ben {p.full} ({p.dob_fmt(rng)}) en heb {sym}. Graag advies.",
            f"Hoi, mijn {rng.choice(['moeder', 'vader'])} heeft {sym}. Zij is {p.age}. Kan er iemand langskomen? Bel me op {mobile(rng)}. {p.first}",
        ])
        personal = 1 if (p.phone in orig or "(" in orig) else 0
    if v == "assist-forward":
        note = (rng.choice([f"Hoi {gp.first}, kun jij hier even naar kijken? Ik heb gezegd dat je vanmiddag belt.\n{ass.first}",
                            f"{gp.first}, zie hieronder. Triage U3, terugbellen vandaag.\n\nGr. {ass.first}",
                            f"Doorgestuurd ter beoordeling.\n\n{ass.sig(rng)}"]) if not en else
                f"Hi {gp.first}, could you have a look at this one? Patient prefers English.\n\n{ass.first}")
        text = forward_inline(rng, ctx.lang, note, orig, (p.full, p.email), ("Praktijk", f"info@{pr[1]}"), t0, "vraag" if not en else "question")
        frm, to, subj = (ass.full, ass.email), (gp.full, gp.email), ("Fwd: vraag" if not en else "Fwd: question")
        ctx.tag("forwarded-inline;secretary-forward")
    elif v == "reply-quoted-only":
        new = (rng.choice([f"Beste {p.first},\n\nDank voor uw bericht. De huisarts belt u morgen tussen 13:00 en 14:00.\n\nMet vriendelijke groet,\n{ass.full}\nDoktersassistente",
                           f"Beste {p.title('nl', False)} {p.lastname(True)},\n\nWij hebben uw bericht ontvangen en een afspraak voor u ingepland.\n\n{groet(rng)}\n{ass.first}"])
               if not en else f"Dear {p.first},\n\nThank you for your message. The doctor will call you tomorrow afternoon.\n\nKind regards,\n{ass.full}")
        text = quoted_reply(rng, ctx.lang, new, orig, (p.full, p.email), ("Praktijk", f"info@{pr[1]}"), t0, "vraag")
        frm, to, subj = (ass.full, ass.email), (p.full, p.email), ("Re: vraag" if not en else "Re: question")
        ctx.tag("quoted-reply;sensitive-in-quote-only;reply-to-patient")
    elif v in ("rfc822", "nested"):
        inner_ctx = Ctx(random.Random(f"{SEED}/inner/{ctx.idx}"), ctx.idx * 1000 + 1)
        inner_ctx.nl = ctx.nl
        inner_ctx.lang = ctx.lang
        inner = build(inner_ctx, (p.full, p.email), ("Praktijk", f"info@{pr[1]}"), "vraag" if not en else "question",
                      body_part(inner_ctx, orig, mode="plain"), when=t0)
        ctx.texts += inner_ctx.texts
        ctx.allowed |= inner_ctx.allowed
        if v == "nested":
            mid_ctx = Ctx(random.Random(f"{SEED}/mid/{ctx.idx}"), ctx.idx * 1000 + 2)
            mid_ctx.nl = ctx.nl
            mid_ctx.lang = ctx.lang
            midmsg = build(mid_ctx, (ass.full, ass.email), (gp.full, gp.email), "FW: vraag",
                           body_part(mid_ctx, "Zie bijgevoegd bericht." if not en else "See attached.", mode="plain"),
                           attachments=[Leaf("message/rfc822", inner, cte="7bit" if all(b < 128 for b in inner) else "8bit", disp="attachment")],
                           when=t0 + dt.timedelta(hours=1))
            ctx.texts += mid_ctx.texts
            payload = midmsg
            ctx.tag("rfc822-nested")
        else:
            payload = inner
        # message/rfc822 parts must not be base64 per RFC; use 7bit/8bit
        leaf = Leaf("message/rfc822", payload, cte="7bit" if all(b < 128 for b in payload) else "8bit", disp="attachment")
        leaf.filename = None
        atts.append(leaf)
        ctx.tag("rfc822")
        text = (rng.choice([f"Hoi {gp.first},\n\nZie bijgevoegd bericht van een patiënt.\n\n{ass.first}", "Ter beoordeling, zie bijlage.",
                            f"{gp.first}, graag even naar kijken (bijlage)."]) if not en else f"Hi {gp.first}, see the attached message from a patient.\n{ass.first}")
        frm, to, subj = (ass.full, ass.email), (gp.full, gp.email), ("FW: vraag" if not en else "FW: question")
        ctx.tag("secretary-forward")
    else:
        # three-step outlook chain, sensitive deep in history
        m1 = orig
        m2 = (f"Dank u, ik heb het doorgezet naar de huisarts.\n{ass.first}" if not en else f"Thanks, I've passed this on to the doctor.\n{ass.first}")
        c1 = quoted_reply(rng, ctx.lang, m2, m1, (p.full, p.email), ("Praktijk", f"info@{pr[1]}"), t0, "vraag", style="outlook")
        m3 = (f"Is er al nieuws? Ik heb nog niks gehoord.\n{p.first}" if not en else f"Any news? Nobody called me yet.\n{p.first}")
        c2 = quoted_reply(rng, ctx.lang, m3, c1, (ass.full, ass.email), (p.full, p.email), t1, "RE: vraag", style="outlook")
        m4 = (f"Excuses, de dokter belt u vandaag nog.\n\n{ass.sig(rng)}" if not en else f"Apologies, the doctor will call you today.\n\n{ass.sig(rng, 'en')}")
        text = quoted_reply(rng, ctx.lang, m4, c2, (p.full, p.email), ("Praktijk", f"info@{pr[1]}"), t1 + dt.timedelta(hours=2), "RE: RE: vraag", style="outlook")
        frm, to, subj = (ass.full, ass.email), (p.full, p.email), "RE: RE: vraag"
        ctx.tag("quoted-reply;outlook-chain;sensitive-in-quote-only")
    ctx.set(health=1, personal=personal)
    return build(ctx, frm, to, subj, body_part(ctx, text), attachments=atts, when=t1 + dt.timedelta(hours=3))


def t_midwife(ctx):
    rng = ctx.rng
    ctx.lang = "en" if rng.random() < 0.3 else "nl"
    en = ctx.lang == "en"
    p = Person(rng, sex="V", english=en and rng.random() < 0.7, age=rng.randint(22, 41))
    pr = practice(rng)
    gp = Staff(rng, "huisarts", pr)
    vk = org(rng, "verlos")
    mw = Person(rng, sex="V")
    ad = f"{rng.randint(8, 38)}+{rng.randint(0, 6)}"
    if en:
        text = (f"Dear Dr {gp.p.lastname(True)},\n\nYour patient {p.full} (DOB {p.dob_fmt(rng, 'en')}) is under our care, currently {ad} weeks pregnant (G{rng.randint(1, 4)}P{rng.randint(0, 2)}). "
                f"{rng.choice(['Her blood pressure today was 148/96 with protein in the urine; we have referred her to the hospital for assessment.', 'She reports low mood and anxiety; could you see her for mental health support?', 'Her Hb is 6.4 mmol/l; we have started iron supplements.'])}\n\n"
                f"{regards(rng)}\n{mw.full}, midwife\n{vk[0]}")
        subj = rng.choice(["Shared care", "Pregnancy update", f"Re: {p.full}"])
    else:
        text = rng.choice([
            f"Beste collega,\n\nTer informatie: {p.formal()} ({p.dob_fmt(rng)}) is zwanger, AD {ad} wk, G{rng.randint(1, 4)}P{rng.randint(0, 2)}. "
            f"{rng.choice(['Zij gebruikt levothyroxine 75 mcg; graag TSH controleren.', 'Bekend met depressie in de voorgeschiedenis, gebruikt sertraline 50 mg.', 'Zwangerschapsdiabetes vastgesteld, verwezen naar de gynaecoloog.'])}\n\n"
            f"{groet(rng)}\n{mw.full}, verloskundige\n{vk[0]}",
            f"Hoi, {p.his()} {dob_phrase(rng, p)} - AD {rng.randint(37, 41)}+{rng.randint(0, 6)}, bevallen van een gezonde {rng.choice(['zoon', 'dochter'])} op {nl_date(rand_when(rng).date())}. "
            f"Kraambed ongecompliceerd. Geen medicatie. Gr. {mw.first} ({vk[0]})",
        ])
        subj = rng.choice(["Zwangerschap", "Bericht verloskundige", "Geboortebericht", "Ter info"])
    ctx.tag("midwife;pregnancy;" + ("formal-letter" if "Beste collega" in text or "Dear Dr" in text else "terse"))
    ctx.set(health=1, personal=1)
    return build(ctx, (mw.full, f"{_fold_ascii(mw.first.lower().split()[0])}@{vk[1]}"), (gp.full, gp.email), subj, body_part(ctx, text))


def t_hap(ctx):
    rng = ctx.rng
    ctx.lang = "nl"
    maybe_lf(ctx, 0.2)
    p = Person(rng, age=rng.randint(1, 95))
    pr = practice(rng)
    gp = Staff(rng, "huisarts", pr)
    h = org(rng, "hap")
    doc = Person(rng)
    with_bsn = rng.random() < 0.6
    bs = fmt_bsn(rng, ctx.use_bsn(p.bsn)) if with_bsn else None
    when = rand_when(rng)
    epi = rng.choice([("pijn op de borst, ECG geen ischemie, waarschijnlijk musculoskeletaal", "K01"),
                      ("koorts en oorpijn, otitis media acuta, amoxicilline gestart", "H71"),
                      ("benauwdheid bij bekende COPD, prednison 40 mg 5 dagen + doxycycline", "R95"),
                      ("val van de trap, wond hoofd gehecht (4 hechtingen)", "S18"),
                      ("acute buikpijn rechtsonder, verwezen naar SEH chirurgie ivm verdenking appendicitis", "D06"),
                      ("paniekaanval, gerustgesteld, oxazepam 10 mg 1x meegegeven", "P74")])
    text = (f"WAARNEEMBERICHT {h[0].upper()}\n\nPatiënt: {p.his()}\nGeb.datum: {p.dob.strftime('%d-%m-%Y')}\n" + (f"BSN: {bs}\n" if with_bsn else "") +
            f"Adres: {p.address()}\nContact: {when:%d-%m-%Y %H:%M} ({rng.choice(['consult', 'visite', 'telefonisch'])})\n\n"
            f"S/O/E/P: {epi[0]}.\nICPC: {epi[1]}\nBehandelaar: {doc.full}, waarnemend huisarts\n\nDit bericht is automatisch verzonden.")
    ctx.tag("hap;waarneembericht;terse")
    ctx.set(health=1, personal=1)
    return build(ctx, (h[0], f"noreply@{h[1]}"), (gp.full, gp.email), rng.choice(["Waarneembericht", f"Waarneming {p.his()}", "HAP-bericht"]),
                 body_part(ctx, text, mode=rng.choice(["plain", "alt"])))


def t_reply_to_patient(ctx):
    rng = ctx.rng
    ctx.lang = "en" if rng.random() < 0.4 else "nl"
    en = ctx.lang == "en"
    maybe_lf(ctx, 0.1)
    p = Person(rng, english=en and rng.random() < 0.7)
    pr = practice(rng)
    s = Staff(rng, rng.choice(["doktersassistente", "huisarts", "praktijkondersteuner"]), pr)
    if en:
        text = rng.choice([
            f"Dear {p.first},\n\nYour urine test shows a bladder infection. Dr {Staff(rng, 'huisarts', pr).p.lastname(True)} has sent a prescription for nitrofurantoin 100mg twice daily for 5 days to your pharmacy.\n\n{regards(rng)}\n{s.full}",
            f"Hi {p.first},\n\nThe results of your blood test are normal, including your thyroid (TSH). No need for follow-up.\n\n{regards(rng)}\n{s.full}",
            f"Dear {p.title('en')} {p.lastname(True)},\n\nFurther to your consultation: the dermatologist will see you for the mole on your back. We have sent the referral.\n\n{regards(rng)}\n{s.sig(rng, 'en')}",
        ])
    else:
        text = rng.choice([
            f"Beste {p.mv()},\n\nDe uitslag van uw urinekweek is binnen: u heeft een blaasontsteking. De huisarts heeft nitrofurantoïne 100 mg 2x per dag gedurende 5 dagen voorgeschreven. U kunt het ophalen bij uw apotheek.\n\n{groet(rng)}\n{s.sig(rng)}",
            f"Beste {p.first},\n\nJe bloeduitslagen zijn goed, ook je ijzer (ferritine) is weer op peil. Je kunt stoppen met de ijzertabletten.\n\nGroet,\n{s.first}",
            f"Geachte {p.title('nl', False)} {p.lastname(True)},\n\nNaar aanleiding van uw vraag over de prednison: u kunt de kuur gewoon afmaken. Neem contact op als de benauwdheid toeneemt.\n\n{groet(rng)}\n{s.sig(rng)}",
            f"Beste {p.first},\n\nDe verwijzing naar de {rng.choice(SPECIALISMS)[2]} is verstuurd. Het ziekenhuis neemt contact met u op voor een afspraak.\n\n{groet(rng)}\n{s.first}",
        ])
    ctx.tag("reply-to-patient;" + ("formal" if "Geachte" in text or "Dear" in text else "informal"))
    ctx.set(health=1, personal=0)
    return build(ctx, (s.full, s.email), (p.full, p.email), rng.choice(["Uw uitslag", "Re: vraag", "Bericht van de huisarts", "Re: question", "Your results"]),
                 body_part(ctx, text))


def t_registration(ctx):
    rng = ctx.rng
    ctx.lang = "en" if rng.random() < 0.15 else "nl"
    en = ctx.lang == "en"
    p = Person(rng, english=en and rng.random() < 0.7)
    pr = practice(rng)
    pr2 = practice(rng)
    while pr2 == pr:
        pr2 = practice(rng)
    ass = Staff(rng, "doktersassistente", pr)
    bs = fmt_bsn(rng, ctx.use_bsn(p.bsn))
    v = rng.choice(["transfer-request", "form", "address-change", "xlsx-list"])
    atts = []
    health = 0
    if v == "transfer-request":
        text = ((f"Beste collega's,\n\nOnderstaande patiënt heeft zich bij ons ingeschreven. Graag ontvangen wij het medisch dossier via het LSP/Edifact.\n\n"
                 f"Naam: {p.his()}\nGeboortedatum: {p.dob_fmt(rng)}\n{bsn_kw(rng).rstrip(':')}: {bs}\nAdres: {p.address()}\n\n{groet(rng)}\n{ass.sig(rng)}")
                if not en else
                (f"Dear colleagues,\n\nThe patient below has registered with our practice. Please transfer the medical file.\n\nName: {p.full}\nDOB: {p.dob_fmt(rng, 'en')}\nBSN: {bs}\n\n{regards(rng)}\n{ass.sig(rng, 'en')}"))
        frm, to = (ass.full, ass.email), (pr2[0], f"info@{pr2[1]}")
        subj = rng.choice(["Dossieroverdracht", "Verzoek dossier", "Nieuwe inschrijving - dossier", "Transfer of records"])
        ctx.tag("registration;dossier-transfer")
    elif v == "form":
        lines = [f"Inschrijfformulier {pr[0]}", f"Achternaam: {p.lastname(True)}", f"Voornamen: {p.first}", f"Geboortedatum: {p.dob_fmt(rng)}",
                 f"BSN: {bs}", f"Adres: {p.street} {p.houseno}", f"Postcode/plaats: {p.postcode} {p.city}", f"Telefoon: {p.phone}",
                 f"Zorgverzekeraar: {org(rng, 'ins')[0]}", f"Vorige huisarts: {pr2[0]}"]
        kind = rng.choice(["pdf", "docx", "odt", "txt"])
        if kind == "pdf":
            atts.append(att(ctx, "application/pdf", pdf_bytes([lines], "Inschrijfformulier", rng=rng), "inschrijfformulier.pdf", source_text=lines, tag="pdf"))
        elif kind == "docx":
            atts.append(att(ctx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                            docx_bytes(rng, lines[:1], table_rows=[l.split(": ", 1) for l in lines[1:]], split=[bs]), "inschrijving.docx",
                            source_text=lines, tag="docx;docx-split-runs"))
        elif kind == "odt":
            atts.append(att(ctx, "application/vnd.oasis.opendocument.text", odt_bytes(lines[:1], table_rows=[l.split(": ", 1) for l in lines[1:]]),
                            "inschrijving.odt", source_text=lines, tag="odt"))
        else:
            atts.append(att(ctx, "text/plain", "\n".join(lines) + "\n", "inschrijving.txt", source_text=lines, tag="txt", charset="utf-8",
                            cte="quoted-printable"))
        text = rng.choice([f"Hallo,\n\nHierbij mijn ingevulde inschrijfformulier.\n\nGroet,\n{p.first}",
                           f"Goedemorgen, in de bijlage het formulier. Mvg {p.full}"])
        frm, to = (p.full, p.email), prac_box(rng, pr)
        subj = rng.choice(["Inschrijfformulier", "inschrijving", "Aanmelding"])
        ctx.tag("registration;patient-first-person")
    elif v == "address-change":
        text = (f"Beste praktijk,\n\nIk ben verhuisd. Mijn nieuwe adres is {p.street} {p.houseno}, {p.postcode} {p.city}. Telefoonnummer blijft {p.phone}.\n\n"
                f"{p.full}\ngeb. {p.dob_fmt(rng)}\n" + (f"BSN {bs}" if True else ""))
        frm, to = (p.full, p.email), prac_box(rng, pr)
        subj = "Adreswijziging"
        ctx.tag("registration;address-change;patient-first-person")
    else:
        pats = [p] + [Person(rng) for _ in range(rng.randint(3, 8))]
        rows = [["Naam", "Geboortedatum", "BSN", "Postcode", "Huisnummer"]]
        for q in pats:
            rows.append([q.his(), q.dob.strftime("%d-%m-%Y"), ctx.use_bsn(q.bsn), q.postcode, q.houseno])
        data = xlsx_bytes(rng, [("Inschrijvingen", rows)], numeric_cols={2})
        atts.append(att(ctx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", data, "nieuwe_inschrijvingen.xlsx",
                        source_text="\n".join(" ".join(r) for r in rows), tag="xlsx;list"))
        text = f"Hoi,\n\nHierbij de lijst met nieuwe inschrijvingen van deze maand voor de controle bij de zorgverzekeraar.\n\nGroet,\n{ass.first}"
        frm, to = (ass.full, ass.email), ("Praktijkmanager", f"manager@{pr[1]}")
        subj = "Nieuwe inschrijvingen"
        ctx.tag("registration;list;secretary-forward")
    ctx.set(health=health, personal=1)
    return build(ctx, frm, to, subj, body_part(ctx, text), attachments=atts)


def t_cbr(ctx):
    rng = ctx.rng
    ctx.lang = "nl"
    p = Person(rng, age=rng.randint(50, 85))
    pr = practice(rng)
    gp = Staff(rng, "huisarts", pr)
    text = (f"Geachte collega,\n\nVoor de Gezondheidsverklaring (rijbewijs) van {p.formal()}, geboren {p.dob_fmt(rng)}, vraag ik u om informatie over "
            f"{rng.choice(['de diabetes mellitus (insulinegebruik, hypo-ervaring)', 'het doorgemaakte CVA', 'de visus en het glaucoom', 'de epilepsie en aanvalsvrije periode'])}.\n\n"
            f"{groet(rng)}\n{Person(rng).full}, keuringsarts\nKeuringsartsen Regio (synthetisch)")
    ctx.tag("cbr;formal-letter")
    ctx.set(health=1, personal=1)
    return build(ctx, ("Keuringsarts", "keuring@keuringsartsen.example"), (gp.full, gp.email), "Informatieverzoek rijgeschiktheid", body_part(ctx, text))


def t_hl7(ctx):
    rng = ctx.rng
    ctx.lang = "nl"
    p = Person(rng, age=rng.randint(20, 90))
    pr = practice(rng)
    gp = Staff(rng, "huisarts", pr)
    labs = lab_values(rng, rng.randint(2, 5))
    ts = rand_when(rng)
    with_bsn = rng.random() < 0.75
    pid3 = f"{ctx.use_bsn(p.bsn)}^^^NLMINBIZA^NNNLD~{p.patnr}^^^LAB^PI" if with_bsn else f"{p.patnr}^^^LAB^PI"
    ctrl = f"MSG{rng.randint(100000, 999999)}"
    segs = [f"MSH|^~\\&|LABSYS|LAB-DIAG|HIS|{pr[0].split()[-1].upper()}|{ts:%Y%m%d%H%M%S}||ORU^R01^ORU_R01|{ctrl}|P|2.5.1",
            f"PID|1||{pid3}||{_fold_ascii(p.last)}^{_fold_ascii(p.first)}^^^^^L^^^^^^^{p.tv}||{p.dob:%Y%m%d}|{p.sex.replace('V', 'F')}|||"
            f"{_fold_ascii(p.street)} {p.houseno}^^{_fold_ascii(p.city)}^^{p.postcode.replace(' ', '')}^NL||{p.phone.replace(' ', '')}",
            f"ORC|RE|{rng.randint(10000, 99999)}|||CM",
            f"OBR|1|{rng.randint(10000, 99999)}||LAB^Klinische chemie|||{ts:%Y%m%d%H%M}|||||||||{gp.agb}^{_fold_ascii(gp.p.last)}^{gp.p.initials}"]
    ctx.neg(gp.agb)
    for i, (n, v, u, r) in enumerate(labs, 1):
        segs.append(f"OBX|{i}|NM|{n.upper().replace(' ', '')[:10]}^{n}^L||{v.replace(',', '.')}|{u}|{r}|{'H' if rng.random() < 0.3 else 'N'}|||F")
    hl7 = "\r".join(segs) + "\r"
    ctype, cte = rng.choice([("application/hl7-v2", "base64"), ("text/plain", "quoted-printable"), ("application/octet-stream", "base64"),
                             ("application/edi-hl7", "base64")])
    a = att(ctx, ctype, hl7.encode("ascii") if cte == "base64" else hl7, f"ORU_{ctrl}.hl7", source_text=hl7, tag="hl7", charset="us-ascii" if ctype == "text/plain" else None, cte=cte)
    text = rng.choice(["Automatisch bericht: uitslagen in bijlage (HL7 v2.5).", f"Beste {gp.first},\n\nDe koppeling met het HIS ligt eruit, daarom sturen we het HL7-bericht even zo.\n\nServicedesk Lab",
                       "Zie bijlage."])
    ctx.tag("lab;terse")
    ctx.set(health=1, personal=1)
    return build(ctx, ("Lab Diagnostiek", "hl7@lab-diagnostiek.example"), (gp.full, gp.email), rng.choice(["ORU uitslagbericht", "HL7 uitslagen", f"Uitslagen {ts:%d-%m}"]),
                 body_part(ctx, text, mode="plain"), attachments=[a])


def t_fhir(ctx):
    rng = ctx.rng
    ctx.lang = "en" if rng.random() < 0.4 else "nl"
    p = Person(rng, age=rng.randint(20, 90))
    pr = practice(rng)
    gp = Staff(rng, "huisarts", pr)
    with_bsn = rng.random() < 0.7
    n, v, u, r = lab_values(rng, 1)[0]
    pid = hashlib.sha1(f"{ctx.idx}".encode()).hexdigest()[:12]
    patient = {"resourceType": "Patient", "id": pid,
               "identifier": ([{"system": "http://fhir.nl/fhir/NamingSystem/bsn", "value": ctx.use_bsn(p.bsn)}] if with_bsn else []) +
                             [{"system": "urn:oid:2.16.840.1.113883.2.4.6.3.99", "value": p.patnr}],
               "name": [{"family": p.lastname(True), "given": [p.first], "prefix": [p.title("nl")]}],
               "gender": "male" if p.sex == "M" else "female", "birthDate": p.dob.isoformat(),
               "address": [{"line": [f"{p.street} {p.houseno}"], "postalCode": p.postcode, "city": p.city, "country": "NL"}]}
    obs = {"resourceType": "Observation", "status": "final",
           "code": {"coding": [{"system": "http://loinc.org", "code": rng.choice(["4548-4", "33914-3", "2093-3", "3016-3"]), "display": n}]},
           "subject": {"reference": f"Patient/{pid}"}, "effectiveDateTime": rand_when(rng).isoformat(),
           "valueQuantity": {"value": float(v.replace(",", ".")), "unit": u}}
    cond = {"resourceType": "Condition", "subject": {"reference": f"Patient/{pid}"},
            "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icpc-1-nl", "code": (c := rng.choice(ICPC))[0], "display": c[1]}]}}
    bundle = {"resourceType": "Bundle", "type": "collection", "entry": [{"resource": patient}, {"resource": obs}, {"resource": cond}]}
    as_xml = rng.random() < 0.4
    if as_xml:
        ident = "".join(f'<identifier><system value="{i["system"]}"/><value value="{i["value"]}"/></identifier>' for i in patient["identifier"])
        data = ('<?xml version="1.0" encoding="UTF-8"?>\n<Bundle xmlns="http://hl7.org/fhir">\n <type value="collection"/>\n <entry><resource>\n'
                f'  <Patient><id value="{pid}"/>{ident}\n   <name><family value="{hesc(p.lastname(True))}"/><given value="{hesc(p.first)}"/></name>\n'
                f'   <gender value="{patient["gender"]}"/><birthDate value="{p.dob.isoformat()}"/>\n'
                f'   <address><line value="{hesc(p.street)} {p.houseno}"/><postalCode value="{p.postcode}"/><city value="{hesc(p.city)}"/></address>\n  </Patient>\n </resource></entry>\n'
                f' <entry><resource>\n  <Observation><status value="final"/><code><coding><system value="http://loinc.org"/><display value="{n}"/></coding></code>\n'
                f'   <subject><reference value="Patient/{pid}"/></subject><valueQuantity><value value="{v.replace(",", ".")}"/><unit value="{u}"/></valueQuantity>\n  </Observation>\n </resource></entry>\n</Bundle>\n')
        a = att(ctx, "application/fhir+xml", data.encode(), "bundle.xml", source_text=data, tag="fhir-xml")
    else:
        data = json.dumps(bundle, indent=rng.choice([None, 2]), ensure_ascii=rng.random() < 0.5)
        a = att(ctx, rng.choice(["application/fhir+json", "application/json"]), data.encode(), f"patient_{pid[:6]}.json", source_text=data, tag="fhir-json")
    if ctx.lang == "en":
        text = f"Hi,\n\nAs discussed, attached is a test export from the patient portal API for one patient (FHIR R4). Can you check whether the import works?\n\nThanks,\n{gp.first}"
    else:
        text = f"Hoi,\n\nBijgaand de FHIR-export van de patiënt die we gisteren bespraken. Kun je kijken of de koppeling met het portaal dit goed inleest?\n\n{gp.first}"
    ctx.tag("fhir;colleague")
    ctx.set(health=1, personal=1)
    return build(ctx, (gp.full, gp.email), ("Applicatiebeheer", f"applicatiebeheer@{pr[1]}"), rng.choice(["FHIR export", "Testbestand koppeling", "FHIR bundle"]),
                 body_part(ctx, text), attachments=[a])


def t_vcard_patient(ctx):
    rng = ctx.rng
    ctx.lang = "en" if rng.random() < 0.25 else "nl"
    p = Person(rng, english=ctx.lang == "en" and rng.random() < 0.6)
    pr = practice(rng)
    ass = Staff(rng, "doktersassistente", pr)
    gp = Staff(rng, "huisarts", pr)
    health = rng.random() < 0.5
    note = None
    if health:
        note = rng.choice(["Diabetes type 2 - insuline", "Dementie, contactpersoon dochter", "Zwanger, uitgerekend maart", "COPD Gold III, zuurstof thuis"])
    vc = vcard_text(p.full, f"{p.lastname(True)};{p.first};;;", tel=[(p.phone, "CELL"), (p.landline, "HOME")], email=p.email,
                    adr=(f"{p.street} {p.houseno}", p.city, p.postcode), bday=p.dob.isoformat(), note=note)
    a = att(ctx, rng.choice(["text/vcard", "text/x-vcard"]), vc, f"{_fold_ascii(p.first).replace(' ', '_')}_{_fold_ascii(p.last).replace(' ', '_')}.vcf",
            source_text=vc, tag="vcard", charset="utf-8", cte=rng.choice(["quoted-printable", "base64", "8bit"]))
    text = (rng.choice([f"Hoi {gp.first},\n\nHier de contactgegevens van de patiënt voor het huisbezoek van morgen.\n\n{ass.first}",
                        "Contactkaart in de bijlage.", f"{gp.first}, de gegevens voor de visite. Gr {ass.first}"])
            if ctx.lang == "nl" else f"Hi {gp.first}, contact card for tomorrow's home visit attached. {ass.first}")
    ctx.tag("vcard-patient;secretary-forward")
    ctx.set(health=int(health), personal=1)
    return build(ctx, (ass.full, ass.email), (gp.full, gp.email), rng.choice(["contact patiënt", "visite morgen", "Contactgegevens", "home visit"]),
                 body_part(ctx, text), attachments=[a])


def t_edifact(ctx):
    rng = ctx.rng
    ctx.lang = "nl"
    p = Person(rng)
    pr = practice(rng)
    pr2 = practice(rng)
    gp = Staff(rng, "huisarts", pr)
    with_bsn = rng.random() < 0.8
    ts = rand_when(rng)
    ref = f"MV{ts:%y%m%d}{rng.randint(10, 99)}"
    a1, a2 = agb(rng), agb(rng)
    ctx.neg(a1)
    ctx.neg(a2)
    c = rng.choice(ICPC)
    segs = ["UNA:+.? '", f"UNB+UNOA:1+{a1}:14+{a2}:14+{ts:%y%m%d}:{ts:%H%M}+{ref}'", f"UNH+1+MEDVRI:1:1:MF'",
            f"BGM++{ref}+9'", f"DTM+137:{ts:%Y%m%d%H%M}:203'", f"NAD+ZVR+{a1}::9+{_fold_ascii(gp.p.last).upper()}'",
            f"NAD+PAT" + (f"+{ctx.use_bsn(p.bsn)}:ZZZ:NLBSN" if with_bsn else "") + f"++{_fold_ascii(p.last).upper()}:{_fold_ascii(p.first).upper()}+{_fold_ascii(p.street).upper()} {p.houseno}+{_fold_ascii(p.city).upper()}++{p.postcode.replace(' ', '')}'",
            f"DTM+329:{p.dob:%Y%m%d}:102'", f"PDI+{'M' if p.sex == 'M' else 'F'}'",
            f"FTX+DIA+++{c[0]}:{_fold_ascii(c[1])}'", f"FTX+MED+++{_fold_ascii(med_line(rng))}'", f"FTX+TXT+++{_fold_ascii(rng.choice(SYMPTOMS_CLIN))}'",
            "UNT+13+1'", f"UNZ+1+{ref}'"]
    edi = "\n".join(segs) + "\n" if rng.random() < 0.5 else "".join(segs)
    a = att(ctx, rng.choice(["application/EDIFACT", "application/octet-stream", "text/plain"]), edi.encode("ascii"), f"{ref}.edi", source_text=edi, tag="edifact")
    text = rng.choice(["Bijgaand het medisch dossier (MEDVRI) van de overgeschreven patiënt.", f"Collega's,\n\nDossier in de bijlage, via Edifact lukte het niet.\n\n{groet(rng)}\n{gp.sig(rng)}"])
    ctx.tag("dossier-transfer")
    ctx.set(health=1, personal=1)
    return build(ctx, (gp.full, gp.email), (pr2[0], f"info@{pr2[1]}"), rng.choice(["Dossieroverdracht", "MEDVRI", "Dossier patiënt"]),
                 body_part(ctx, text), attachments=[a])


def t_utf16(ctx):
    rng = ctx.rng
    ctx.lang = rng.choice(["nl", "nl", "en"])
    p = Person(rng)
    pr = practice(rng)
    gp = Staff(rng, "huisarts", pr)
    with_bsn = rng.random() < 0.6
    lines = ([f"Patiënt\t{p.his()}", f"Geboortedatum\t{p.dob:%d-%m-%Y}"] + ([f"BSN\t{ctx.use_bsn(p.bsn)}"] if with_bsn else []) +
             [f"Episode\t{(c := rng.choice(ICPC))[0]} {c[1]}", f"Medicatie\t{med_line(rng)}", f"Journaal\tS: {rng.choice(SYMPTOMS_CLIN)}, sinds {rng.randint(2, 14)} dagen"])
    txt = "\r\n".join(lines) + "\r\n"
    where = rng.choice(["attachment", "body"])
    if where == "attachment":
        a = Leaf("text/plain", txt, charset="utf-16le", cte="base64", filename="export_patient.txt")
        ctx.texts.append(txt)
        ctx.tag("utf-16le;txt")
        text = "Export uit het HIS, zie bijlage." if ctx.lang == "nl" else "HIS export attached."
        body = body_part(ctx, text, mode="plain")
        atts = [a]
    else:
        ctx.texts.append(txt)
        body = Leaf("text/plain", txt, charset="utf-16le", cte="base64")
        ctx.tag("utf-16le;b64;plain")
        atts = []
    ctx.tag("his-export")
    ctx.set(health=1, personal=1)
    return build(ctx, (gp.full, gp.email), (Staff(rng, "huisarts", pr).full, f"waarneming@{pr[1]}"), "Export", body, attachments=atts)


BSN_PLACES = ["subject", "display", "filename", "qp-softbreak", "subject", "display", "filename", "flowed"]


def t_bsn_placement(ctx, k=0):
    """BSN only in Subject, in an RFC 2047 display name, in a file name, or split by a QP soft break / flowed line."""
    rng = ctx.rng
    ctx.lang = "en" if rng.random() < 0.2 else "nl"
    maybe_lf(ctx, 0.1)
    p = Person(rng)
    pr = practice(rng)
    ass = Staff(rng, "doktersassistente", pr)
    b = ctx.use_bsn(p.bsn)
    where = BSN_PLACES[k % len(BSN_PLACES)]
    atts = []
    extra = None
    frm = (ass.full, ass.email)
    hosp = org(rng, "hosp")
    to = (hosp[0], "archief@" + hosp[1])
    if where == "subject":
        subj = rng.choice([f"BSN {fmt_bsn(rng, b)} - graag dossier", f"Dossieraanvraag {b}", f"Re: machtiging {fmt_bsn(rng, b, 'dots3')}",
                           f"Correspondentie bsn {b}", f"Records request - BSN {b}"])
        text = rng.choice(["Goedemiddag,\n\nKunt u de correspondentie van deze patiënt naar ons doorsturen? Wij hebben geen ontvangen.\n\nMet vriendelijke groet,\n" + ass.sig(rng),
                           "Zie onderwerp, graag de brieven nasturen. Dank!", "Could you send us the letters for this patient? Thank you."])
        ctx.tag("bsn-in-subject")
    elif where == "display":
        disp = rng.choice([f"Dossier {p.his()} BSN {b}", f"{p.full} ({b})", f"Patiënt {fmt_bsn(rng, b, 'dots3')}"])
        to = (disp, f"dossier@{pr[1]}")
        subj = rng.choice(["Scan", "Document", "Ingescande brief", "Gescand document"])
        text = rng.choice(["Document in de bijlage van de scanner.", "Automatisch verzonden door Scan2Mail.", "Ingescand op balie 2."])
        lines = ["Ontvangstbevestiging", "Uw document is gescand en opgeslagen."]
        atts.append(att(ctx, "application/pdf", pdf_bytes([lines], "Scan", rng=rng), "scan_0001.pdf", source_text=lines, tag="pdf"))
        ctx.tag("bsn-in-display-name;rfc2047")
        hdr_cs = "utf-8"
        ctx.set(personal=1 if p.full in disp or p.his() in disp else 0)
        return build(ctx, frm, to, subj, body_part(ctx, text), attachments=atts, hdr_charset=hdr_cs) if not all(ord(c) < 128 for c in disp) else \
            _build_forced_2047(ctx, frm, to, subj, text, atts)
    elif where == "qp-softbreak":
        ctx.lang = "nl"
        head = "Goedemiddag,\n\n"
        line = ("Wij missen in ons archief nog de correspondentie van de persoon met BSN ")
        line = line + " " * max(0, 71 - len(line)) if len(line) < 71 else line
        text = head + line[:71 - len("BSN ")].rstrip() + " BSN " + b + " en ontvangen die graag alsnog via Zorgmail." + \
            "\n\nMet vriendelijke groet,\n" + ass.sig(rng)
        subj = "Ontbrekende correspondentie"
        body = Leaf("text/plain", text, "utf-8", "quoted-printable")
        ctx.texts.append(text)
        enc = qp_encode(text.encode("utf-8")).decode()
        assert b not in enc.replace(" ", ""), "expected a soft break inside the BSN"
        ctx.tag("bsn-qp-softbreak;plain")
        tag_enc(ctx, "utf-8", "quoted-printable")
        ctx.set(personal=0)
        return build(ctx, frm, to, subj, body)
    elif where == "flowed":
        ctx.lang = "nl"
        sb = fmt_bsn(rng, b, "space")
        text = (f"Hallo,\n\nKunt u de brieven nasturen van de persoon met burgerservicenummer {sb[:7]} \n{sb[8:]}? "
                f"Die zijn bij de overschrijving niet meegekomen.\n\nGroet,\n{ass.first}\n")
        body = Leaf("text/plain", text, "utf-8", rng.choice(["8bit", "quoted-printable"]), ctype_params=[("format", "flowed")])
        ctx.texts.append(text.replace(" \n", " "))
        tag_enc(ctx, "utf-8", body.cte)
        ctx.tag("bsn-format-flowed;plain")
        ctx.set(personal=0)
        return build(ctx, frm, to, "Brieven nasturen", body)
    else:
        fn = rng.choice([f"machtiging_{b}.pdf", f"{b}_toestemmingsformulier.pdf", f"Scan BSN {fmt_bsn(rng, b, 'dots3')}.pdf", f"formulier-{b}.docx"])
        subj = rng.choice(["Formulier", "Toestemmingsformulier", "Getekende machtiging", "Signed consent form"])
        lines = [rng.choice(["Machtiging opvragen medische gegevens", "Toestemmingsformulier", "Consent form"]),
                 "Ondergetekende geeft toestemming voor het opvragen van medische gegevens.", "Handtekening: ______________"]
        if fn.endswith(".docx"):
            data = docx_bytes(rng, lines)
            ct = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        else:
            data = pdf_bytes([lines], "Formulier", rng=rng)
            ct = "application/pdf"
        enc = rng.choice([None, "rfc2231", "rfc2047"])
        atts.append(att(ctx, ct, data, fn, source_text=lines + [fn], tag="bsn-in-filename", fname_enc=enc))
        text = rng.choice(["Hierbij het getekende formulier.", "Zie bijlage.", "Attached as requested.", f"Beste collega,\n\nIn de bijlage de machtiging.\n\n{ass.sig(rng)}"])
    ctx.set(personal=0)
    return build(ctx, frm, to, subj, body_part(ctx, text), attachments=atts)


def _build_forced_2047(ctx, frm, to, subj, text, atts):
    """ascii display name, but written as RFC 2047 encoded-word anyway (as some gateways do)."""
    rng = ctx.rng
    ctx.texts.append(to[0])
    raw = build(ctx, frm, ("PLACEHOLDER", to[1]), subj, body_part(ctx, text), attachments=atts)
    words = " ".join(encode_word(to[0], rng.choice(["utf-8", "iso-8859-1"]), rng.choice(["Q", "B"])))
    return raw.replace(b"PLACEHOLDER", words.encode("ascii"), 1)


def t_discharge(ctx):
    rng = ctx.rng
    ctx.lang = "en" if rng.random() < 0.2 else "nl"
    en = ctx.lang == "en"
    maybe_lf(ctx, 0.1)
    p = Person(rng, english=en and rng.random() < 0.5, age=rng.randint(25, 92))
    hosp = org(rng, "hosp")
    pr = practice(rng)
    gp = Staff(rng, "huisarts", pr)
    spec = rng.choice(SPECIALISMS)
    doc = Person(rng)
    with_bsn = rng.random() < 0.5
    bs = fmt_bsn(rng, ctx.use_bsn(p.bsn)) if with_bsn else None
    adm = rand_when(rng).date()
    dis = adm + dt.timedelta(days=rng.randint(1, 14))
    dx = rng.choice([("NSTEMI, PCI RCA", "NSTEMI treated with PCI"), ("pneumonie rechter onderkwab", "right lower lobe pneumonia"),
                     ("heupfractuur links, DHS", "left hip fracture, DHS fixation"), ("exacerbatie COPD", "COPD exacerbation"),
                     ("diverticulitis, conservatief", "diverticulitis, conservative"), ("TIA", "TIA"), ("decompensatio cordis", "decompensated heart failure")])
    meds = med_list(rng, rng.randint(2, 6), ctx.lang)
    if en:
        lines = [f"# Discharge summary - {hosp[0]}", f"Patient: {p.full}", f"DOB: {p.dob_fmt(rng, 'en')}"] + ([f"BSN: {bs}"] if with_bsn else []) + \
                [f"Admitted: {en_date(adm)}  Discharged: {en_date(dis)}", f"Diagnosis: {dx[1]}", "Medication on discharge:"] + [f"  - {m}" for m in meds] + \
                ["Follow-up: outpatient clinic in 6 weeks", "", f"{doc.full}, {spec[1]}"]
    else:
        lines = [f"# Ontslagbrief {spec[0]} - {hosp[0]}", f"Patiënt: {p.formal()}", f"Geboortedatum: {p.dob_fmt(rng)}", f"Adres: {p.address()}"] + \
                ([f"BSN: {bs}"] if with_bsn else []) + \
                [f"Opname: {nl_date(adm)}  Ontslag: {nl_date(dis)}", f"Diagnose: {dx[0]}", "Ontslagmedicatie:"] + [f"  - {m}" for m in meds] + \
                [f"Beleid: {rng.choice(['controle polikliniek over 6 weken', 'thuiszorg gestart', 'revalidatie in verpleeghuis', 'lab controle via huisarts over 1 week'])}",
                 "", groet(rng), f"{doc.full}, {spec[2]}"]
    fmt = rng.choice(["pdf", "pdf-multipage", "inline", "html", "docx"])
    atts = []
    cover = (f"Geachte collega,\n\nHierbij de ontslagbrief van uw patiënt.\n\n{groet(rng)}\nAfdeling {spec[0]}, {hosp[0]}" if not en
             else f"Dear colleague,\n\nPlease find attached the discharge summary for your patient.\n\n{regards(rng)}\n{hosp[0]}")
    if fmt == "pdf":
        rev = rng.random() < 0.5
        atts.append(att(ctx, "application/pdf", pdf_bytes([lines], "Ontslagbrief", split_tokens=[bs] if bs else None, reverse_split=rev, rng=rng),
                        "ontslagbrief.pdf" if not en else "discharge_summary.pdf", source_text=lines,
                        tag="pdf" + ((";pdf-split" + (";pdf-reversed" if rev else "")) if bs else "")))
        body = body_part(ctx, cover)
    elif fmt == "pdf-multipage":
        filler = [f"Verloop dag {i}: stabiel, mobiliseert, pijn goed onder controle." if not en else f"Day {i}: stable, mobilising, pain controlled." for i in range(1, 38)]
        pages = [[f"# {hosp[0]}", "Algemene informatie", "Bezoektijden en parkeren"] + filler[:20], filler[20:], lines]
        atts.append(att(ctx, "application/pdf", pdf_bytes(pages, "Ontslagbrief", rng=rng), "ontslagbrief_compleet.pdf", source_text=lines + filler, tag="pdf;pdf-multipage"))
        body = body_part(ctx, cover)
    elif fmt == "docx":
        hdr = [("Patiënt" if not en else "Patient", p.full), ("Geb." if not en else "DOB", p.dob_fmt(rng, ctx.lang))] + ([("BSN", bs)] if bs else [])
        atts.append(att(ctx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx_bytes(rng, lines, header_rows=hdr, split=[bs] if bs else None),
                        "ontslagbrief.docx", source_text=lines, tag="docx;docx-header-table"))
        body = body_part(ctx, cover)
    elif fmt == "html":
        rows = [l.split(": ", 1) for l in lines if ": " in l and not l.startswith("#")]
        html = html_doc(f"<h2>{hesc(lines[0][2:], True)}</h2>" + html_table(rows, ents=True) + "<ul>" + "".join(f"<li>{hesc(m, True)}</li>" for m in meds) + "</ul>", rng, "plain")
        body = body_part(ctx, "\n".join(lines), html=html, mode=rng.choice(["alt", "html-only"]))
        ctx.tag("html-table")
    else:
        body = body_part(ctx, "\n".join(l.lstrip("# ") for l in lines))
    ctx.tag("discharge-letter;formal-letter")
    ctx.set(health=1, personal=1)
    return build(ctx, (f"Afdeling {spec[0]}" if not en else hosp[0], f"brieven@{hosp[1]}"), (gp.full, gp.email),
                 rng.choice(["Ontslagbrief", f"Ontslagbericht {p.lastname()}", "Brief aan huisarts"]) if not en else "Discharge summary", body, attachments=atts)


IMAGE_VARIANTS = ["lab-scan", "label-photo", "portal-screenshot", "referral-scan", "scanned-pdf", "lab-scan", "referral-scan", "label-photo"]


def t_image(ctx, k=0):
    rng = ctx.rng
    ctx.lang = "en" if rng.random() < 0.25 else "nl"
    en = ctx.lang == "en"
    p = Person(rng, english=en and rng.random() < 0.6)
    pr = practice(rng)
    gp = Staff(rng, "huisarts", pr)
    v = IMAGE_VARIANTS[k % len(IMAGE_VARIANTS)]
    personal = 1
    with_bsn = v in ("lab-scan", "referral-scan", "scanned-pdf") and (k < 5 or rng.random() < 0.5)
    bs = fmt_bsn(rng, ctx.use_bsn(p.bsn), rng.choice(["plain", "dots3"])) if with_bsn else None
    if v == "lab-scan":
        lines = ["# LABORATORIUM UITSLAG", f"Naam: {_fold_ascii(p.his())}", f"Geboortedatum: {p.dob:%d-%m-%Y}"] + ([f"BSN: {bs}"] if bs else []) + \
                [f"{n}: {vv} {u}" for n, vv, u, _ in lab_values(rng, 4)]
        img = text_image(lines, "JPEG", seed=ctx.idx, scan=True)
        fn, ct = "scan_uitslag.jpg", "image/jpeg"
        text = "Hierbij de ingescande uitslag van het externe lab." if not en else "Scanned lab result attached."
    elif v == "label-photo":
        med = rng.choice(MEDS)
        lines = [f"# {org(rng, 'apo')[0]}", f"{_fold_ascii(p.formal())}", f"geb. {p.dob:%d-%m-%Y}", f"{med[0].upper()} {med[1][0].split(' ')[0]} {med[1][0].split(' ')[1]}",
                 f"Gebruik: {med[1][0]}", "Niet meer dan voorgeschreven innemen"]
        img = text_image(lines, rng.choice(["PNG", "JPEG"]), seed=ctx.idx, size=30)
        fn = rng.choice(["IMG_4821.jpg", "foto.jpg", "image0.png", "WhatsApp Image.jpeg"])
        ct = "image/png" if img[:4] == b"\x89PNG" else "image/jpeg"
        fn = fn.rsplit(".", 1)[0] + (".png" if ct == "image/png" else ".jpg")
        text = (f"Hoi, dit zijn de pillen die ik nu gebruik (foto van het doosje). Moet ik hiermee doorgaan? {p.first}" if not en else
                f"Hi, here's a photo of the label of the tablets I'm on. Should I keep taking them? {p.first}")
    elif v == "portal-screenshot":
        sym = rng.choice(SYMPTOMS_NL if not en else SYMPTOMS_EN)
        lines = ["# Patientenportaal - Bericht" if not en else "# Patient portal - message", f"Van: {_fold_ascii(p.full)}", f"Geboortedatum: {p.dob:%d-%m-%Y}",
                 (f"Ik heb {_fold_ascii(sym)}." if not en else f"I have {sym}."), ("Graag een afspraak." if not en else "Please call me back.")]
        img = text_image(lines, "PNG", seed=ctx.idx, size=28)
        fn, ct = "Schermafbeelding.png", "image/png"
        text = "Screenshot van het bericht in het portaal, het portaal liep vast." if not en else "Screenshot of the portal message (portal crashed)."
    elif v == "referral-scan":
        c = rng.choice(ICPC)
        lines = ["# VERWIJSBRIEF", f"Patient: {_fold_ascii(p.formal())}", f"Geboren: {p.dob:%d-%m-%Y}"] + ([f"BSN {bs}"] if bs else []) + \
                [f"Reden: {_fold_ascii(c[1])}", f"Medicatie: {_fold_ascii(med_line(rng))}", f"Huisarts: {_fold_ascii(gp.full)}"]
        img = text_image(lines, "JPEG", seed=ctx.idx, scan=True, size=28)
        fn, ct = "scan0042.jpg", "image/jpeg"
        text = "Zie scan." if not en else "See scan."
    else:
        c = rng.choice(ICPC)
        lines = ["# BRIEF SPECIALIST", f"Betreft: {_fold_ascii(p.formal())}", f"Geboortedatum: {p.dob:%d-%m-%Y}"] + ([f"BSN: {bs}"] if bs else []) + \
                [f"Diagnose: {_fold_ascii(c[1])}", "Beleid: controle over 3 maanden"]
        png = text_image(lines, "PNG", seed=ctx.idx, scan=True, size=28)
        from reportlab.pdfgen import canvas
        from reportlab.lib.utils import ImageReader
        buf = io.BytesIO()
        cv = canvas.Canvas(buf, invariant=1)
        cv.drawImage(ImageReader(io.BytesIO(png)), 20, 400, width=560, height=560 * 400 / 1400 * (len(lines) + 3) / 8)
        cv.showPage()
        cv.save()
        img, fn, ct = buf.getvalue(), "scan_brief.pdf", "application/pdf"
        ctx.tag("pdf;scanned-pdf")
        text = "Gescande brief in de bijlage." if not en else "Scanned letter attached."
    a = att(ctx, ct, img, fn, source_text=lines, tag="image;" + ("jpeg" if ct == "image/jpeg" else "png" if ct == "image/png" else ""))
    ctx.tag(f"image-{v}")
    frm = (p.full, p.email) if v in ("label-photo", "portal-screenshot") and rng.random() < 0.6 else (gp.full, gp.email)
    ctx.set(health=1, personal=personal)
    return build(ctx, frm, (gp.full, gp.email) if frm[1] != gp.email else ("Archief", f"archief@{pr[1]}"),
                 rng.choice(["scan", "foto", "Scan", "Document", "image"]), body_part(ctx, text), attachments=[a])


def t_unscannable(ctx):
    rng = ctx.rng
    ctx.lang = "en" if rng.random() < 0.25 else "nl"
    en = ctx.lang == "en"
    maybe_lf(ctx, 0.1)
    p = Person(rng, english=en and rng.random() < 0.5)
    pr = practice(rng)
    gp = Staff(rng, "huisarts", pr)
    v = rng.choice(["aes-zip", "zipcrypto", "enc-pdf-aes", "enc-pdf-rc4", "trunc-pdf", "trunc-docx", "trunc-xlsx", "bad-b64", "unknown-bin", "aes-zip-clean", "enc-pdf-clean"])
    return _unscannable(ctx, v, p, pr, gp, en)


def _unscannable(ctx, v, p, pr, gp, en):
    rng = ctx.rng
    bs = p.bsn
    ref_lines = ([f"Verwijsbrief", f"Patiënt: {p.formal()}", f"Geboortedatum: {p.dob_fmt(rng)}", f"BSN: {fmt_bsn(rng, bs)}",
                  f"Reden: {rng.choice(ICPC)[1]}", f"Medicatie: {med_line(rng)}"] if not en else
                 [f"Referral", f"Patient: {p.full}", f"DOB: {p.dob_fmt(rng, 'en')}", f"BSN: {fmt_bsn(rng, bs)}", f"Reason: {rng.choice(ICPC)[2]}"])
    clean_lines = ["Jaarrekening 2024", "Huisartsenpraktijk - balans en winst- en verliesrekening", "Omzet: EUR 812.400", "Personeelskosten: EUR 402.118"]
    atts = []
    health = personal = bsn = 0
    pw_note = rng.choice(["Het wachtwoord stuur ik je apart via sms.", "Wachtwoord volgt in een aparte mail.", "Wachtwoord: zoals afgesproken (telefonisch)."]) \
        if not en else rng.choice(["Password will follow by text message.", "I'll send the password separately."])
    if v in ("aes-zip", "zipcrypto"):
        files = [("verwijsbrief.pdf", pdf_bytes([ref_lines], rng=rng)), ("labuitslagen.csv", ("naam;bsn;hba1c\n" + f"{p.his()};{bs};{rng.randint(48, 80)}\n").encode("utf-8"))]
        data = aes_zip(files, "Zomer2024!", f"{ctx.idx}") if v == "aes-zip" else zipcrypto_zip(files, "praktijk123", f"{ctx.idx}")
        atts.append(att(ctx, "application/zip", data, rng.choice(["dossier.zip", "verwijzing_beveiligd.zip", "documenten.zip"]), source_text=ref_lines,
                        tag="encrypted-zip;" + ("aes" if v == "aes-zip" else "zipcrypto")))
        ctx.use_bsn(bs)
        health = personal = 1
    elif v in ("enc-pdf-aes", "enc-pdf-rc4"):
        data = encrypt_pdf(pdf_bytes([ref_lines], rng=rng), "Welkom01", "AES-256" if v == "enc-pdf-aes" else "RC4-128", f"{ctx.idx}")
        atts.append(att(ctx, "application/pdf", data, rng.choice(["brief_beveiligd.pdf", "verwijzing.pdf", "letter_protected.pdf"]), source_text=ref_lines,
                        tag="encrypted-pdf;" + ("aes256" if v == "enc-pdf-aes" else "rc4")))
        ctx.use_bsn(bs)
        health = personal = 1
    elif v == "enc-pdf-clean":
        data = encrypt_pdf(pdf_bytes([clean_lines], rng=rng), "Accountant24", rng.choice(["AES-256", "AES-128", "RC4-128"]), f"{ctx.idx}")
        atts.append(att(ctx, "application/pdf", data, "jaarrekening_2024.pdf", source_text=clean_lines, tag="encrypted-pdf;clean-content"))
        pw_note = "Het wachtwoord is bij u bekend."
    elif v == "aes-zip-clean":
        files = [("factuur_2024-118.pdf", pdf_bytes([["Factuur 2024-118", "Schoonmaak praktijkruimte oktober", "Totaal EUR 1.240,00"]], rng=rng))]
        data = aes_zip(files, "Fact2024", f"{ctx.idx}")
        atts.append(att(ctx, "application/zip", data, "facturen_oktober.zip", source_text=["Factuur 2024-118"], tag="encrypted-zip;aes;clean-content"))
        pw_note = "Wachtwoord zoals gebruikelijk."
    elif v == "trunc-pdf":
        full = pdf_bytes([ref_lines], rng=rng)
        atts.append(att(ctx, "application/pdf", truncate(full, rng), "verwijsbrief.pdf", source_text=ref_lines, tag="truncated-pdf"))
        ctx.use_bsn(bs)
        health = personal = 1
        pw_note = ""
    elif v == "trunc-docx":
        full = docx_bytes(rng, ref_lines)
        atts.append(att(ctx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", truncate(full, rng, 0.5), "verwijzing.docx",
                        source_text=ref_lines, tag="truncated-docx"))
        ctx.use_bsn(bs)
        health = personal = 1
        pw_note = ""
    elif v == "trunc-xlsx":
        rows = [["naam", "geboortedatum", "diagnose"], [p.his(), p.dob.strftime("%d-%m-%Y"), rng.choice(ICPC)[1]]]
        full = xlsx_bytes(rng, [("Lijst", rows)])
        atts.append(att(ctx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", truncate(full, rng, 0.45), "lijst.xlsx",
                        source_text=" ".join(rows[1]), tag="truncated-xlsx"))
        health = personal = 1
        pw_note = ""
    elif v == "bad-b64":
        full = base64.encodebytes(pdf_bytes([ref_lines], rng=rng)).decode()
        lines = full.split("\n")
        k = len(lines) // 2
        lines[k] = "!!#" + lines[k][3:40] + "~~~" + lines[k][43:]
        lines = lines[:k + 3]
        bad = "\n".join(lines)
        leaf = Leaf("application/pdf", bad.encode("latin-1"), cte="binary", filename="brief.pdf")
        leaf.cte = "base64-raw"
        ctx.texts.append("\n".join(ref_lines))
        atts.append(leaf)
        ctx.tag("corrupt-base64")
        ctx.use_bsn(bs)
        health = personal = 1
        pw_note = ""
    else:
        blob = bytes(random.Random(ctx.idx).getrandbits(8) for _ in range(rng.randint(3000, 9000)))
        blob = b"SPX\x02\x00" + blob
        atts.append(att(ctx, "application/octet-stream", blob, rng.choice(["meting_2231.dat", "ecg_export.bin", "spiro.sdf"]), tag="unknown-binary"))
        pw_note = ""
    if en:
        text = (f"Dear colleague,\n\nAttached as discussed. {pw_note}\n\n{regards(rng)}\n{gp.sig(rng, 'en')}" if health else
                f"Hi,\n\nPlease find the file attached. {pw_note}\n\nBest,\n{gp.first}")
    else:
        if v == "unknown-binary" or v == "unknown-bin":
            text = rng.choice(["Hoi, hierbij de export van het meetapparaat. Kun jij die openen? Ik krijg het niet aan de praat.",
                               "Bijlage uit het ECG-apparaat, weet niet welk programma dit opent."])
        elif v in ("aes-zip-clean", "enc-pdf-clean"):
            text = f"Beste {gp.p.mv()},\n\nIn de bijlage de stukken. {pw_note}\n\nMet vriendelijke groet,\nAdministratiekantoor Telgen"
        else:
            text = f"Geachte collega,\n\nBijgaand de gegevens van {'de patiënt' if rng.random() < 0.5 else 'onze gezamenlijke patiënt'}. {pw_note}\n\n{groet(rng)}\n{gp.sig(rng)}"
    ctx.tag("unscannable")
    ctx.set(health=health, personal=personal, unscannable=1)
    hosp = org(rng, "hosp")
    return build(ctx, (gp.full, gp.email) if "clean" not in v else ("Administratiekantoor Telgen", "info@telgen-admin.example"),
                 (hosp[0], f"secretariaat@{hosp[1]}") if "clean" not in v else (gp.full, gp.email),
                 rng.choice(["Beveiligde bijlage", "Bijlage", "Documenten", "Stukken"]) if not en else "Attachment", body_part(ctx, text), attachments=atts)


# --------------------------------------------------------------------------
# CLEAN templates (hard negatives)
# --------------------------------------------------------------------------

def hardneg(ctx, label=None):
    """an elfproef-valid 9-digit number that is NOT a BSN; caller writes the label next to it."""
    return ctx.neg(elf_number(ctx.rng))


def c_newsletter(ctx):
    rng = ctx.rng
    ctx.lang = "en" if rng.random() < 0.3 else "nl"
    en = ctx.lang == "en"
    sender = rng.choice([("Huisartsenkring Midden (nieuwsbrief)", "nieuws@huisartsenkring-midden.example"),
                         ("Zorggroep Eerstelijn", "nieuwsbrief@zorggroep-eerstelijn.example"),
                         ("MedSupply Nieuws", "news@medsupply.example"), ("HIS Release Notes", "releases@his-software.example"),
                         ("Primary Care Journal", "alerts@primarycarejournal.example"), ("Regionale Huisartsenpost", "communicatie@hap-midden.example")])
    art_id = hardneg(ctx)
    sub_id = hardneg(ctx)
    if en:
        items = rng.sample([("New guideline on hypertension in older adults", "The updated guideline recommends a less strict target for frail patients over 80."),
                            ("Antibiotic stewardship week", "Join our free webinar on reducing unnecessary prescriptions of amoxicillin for sore throats."),
                            ("Release 24.3: faster lab import", "Lab results now import up to 40% faster. The BSN check against the national register has been improved."),
                            ("Summer heat and medication", "Diuretics and ACE inhibitors can increase the risk of dehydration during heat waves."),
                            ("Podcast: burnout among GPs", "Episode 12 discusses workload, peer support and when to ask for help.")], 3)
        body_txt = "\n\n".join(f"{t}\n{d}\nRead more: https://www.primarycarejournal.example/article/{art_id}" for t, d in items)
        text = f"{sender[0]}\n{'=' * 30}\n\nDear reader,\n\n{body_txt}\n\nYou receive this newsletter because you subscribed. Unsubscribe: https://mail.example/u/{sub_id}"
        subj = rng.choice(["This week in primary care", "Newsletter - " + EN_MONTHS[rng.randint(0, 11)], "Release notes 24.3", "Your weekly digest"])
    else:
        items = rng.sample([("Griepvaccinatie 2025", "Vanaf oktober starten de griepprikcampagnes. Bestel tijdig uw vaccins via het portaal."),
                            ("Nieuwe NHG-standaard Astma", "De standaard is herzien: minder nadruk op salbutamol monotherapie, meer op ICS-formoterol zo nodig."),
                            ("Leveringsproblemen levothyroxine", "Er zijn tijdelijke tekorten van levothyroxine 25 mcg. Apotheken leveren een alternatief."),
                            ("Scholing ouderenzorg", "Op 14 november organiseren we een avond over polyfarmacie en vallen bij kwetsbare ouderen."),
                            ("ANW-diensten", "Het rooster voor het eerste kwartaal staat online. Ruilen kan tot 1 december."),
                            ("Privacy: veilig mailen", "Stuur nooit een BSN of medische gegevens via gewone e-mail. Gebruik beveiligde mail."),
                            ("Versie 8.2 van het HIS", "De koppeling met het LSP is verbeterd. Na de update moet u opnieuw inloggen met uw UZI-pas.")], rng.randint(2, 4))
        body_txt = "\n\n".join(f"{t}\n{d}\nLees verder: https://www.huisartsenkring-midden.example/nieuws/{art_id}" for t, d in items)
        text = f"NIEUWSBRIEF {sender[0].split(' (')[0].upper()}\n\nBeste collega,\n\n{body_txt}\n\nAfmelden? https://mail.example/afmelden?id={sub_id}"
        subj = rng.choice(["Nieuwsbrief " + NL_MONTHS[rng.randint(0, 11)], "Nieuws uit de regio", "Kringnieuws", "Update van de zorggroep"])
    html_items = "\n".join(f'<tr><td style="padding:12px"><h3 style="color:#0a5">{hesc(t)}</h3><p>{hesc(d, True)}</p>'
                         f'<a href="https://www.huisartsenkring-midden.example/nieuws/{art_id}?utm_source=nb&amp;utm_campaign={sub_id}">Lees verder</a></td></tr>'
                         for t, d in items)
    html = html_doc(f'<table width="600" align="center" style="font-family:Arial">{html_items}</table>'
                    f'<p style="font-size:8pt;color:#888">Afmelden: <a href="https://mail.example/afmelden?id={sub_id}">klik hier</a></p>', rng, "plain")
    ctx.tag("newsletter;hard-negative-elfproef-url")
    return build(ctx, sender, ("Undisclosed recipients", "undisclosed-recipients@mail.example") if rng.random() < 0.3 else (None, f"info@{practice(rng)[1]}"),
                 subj, body_part(ctx, text, html=html, mode=rng.choice(["alt", "html-only", "alt"])))


GENERIC_NL = [
    ("Griepprik", "Binnenkort is het weer tijd voor de griepprik. Bent u 60 jaar of ouder, of heeft u een chronische aandoening zoals diabetes, astma of hartproblemen? "
     "Dan ontvangt u een uitnodiging. Neem uw uitnodigingsbrief en een geldig legitimatiebewijs mee. Heeft u koorts? Kom dan niet, maar bel ons voor een nieuwe afspraak."),
    ("Geen koorts? Dan...", "Heeft u een verkoudheid zonder koorts? Dan hoeft u meestal niet naar de huisarts. Rust, drink voldoende en gebruik zo nodig paracetamol. "
     "Bel wel als u benauwd wordt, als de koorts boven de 40 graden komt of langer dan drie dagen duurt."),
    ("Hooikoorts", "Last van niezen, een loopneus en jeukende ogen in het voorjaar? Dat kan hooikoorts zijn. Bij de drogist zijn antihistaminica zonder recept verkrijgbaar. "
     "Helpt dat niet genoeg, maak dan een afspraak."),
    ("Hitte", "Tijdens warme dagen is het belangrijk om voldoende te drinken, vooral voor ouderen en mensen die plastabletten gebruiken. Zoek de schaduw op en vermijd inspanning tussen 12 en 16 uur."),
    ("Tekenbeet", "Na een wandeling in het bos: controleer uzelf op teken. Verwijder een teek zo snel mogelijk met een tekenpincet. "
     "Krijgt u binnen drie maanden een rode ring rond de beet? Neem dan contact met ons op."),
    ("Feestdagen", "Tijdens de feestdagen is de praktijk gesloten op 25 en 26 december en 1 januari. Voor spoed buiten kantoortijden belt u de huisartsenpost. Bij levensgevaar belt u 112."),
    ("Nieuwe patiënten", "Wilt u zich inschrijven? Vul het inschrijfformulier in op onze website. Neem bij uw eerste afspraak uw legitimatiebewijs en uw BSN mee. "
     "Wij vragen uw vorige huisarts om uw dossier over te dragen."),
    ("Antibiotica", "Antibiotica helpen niet tegen virussen, zoals bij verkoudheid of griep. Onnodig gebruik zorgt voor resistente bacteriën. Uw huisarts schrijft alleen antibiotica voor als het echt nodig is."),
    ("Herhaalrecepten", "Herhaalrecepten kunt u aanvragen via het patiëntenportaal of de receptenlijn. Recepten die voor 10:00 uur zijn aangevraagd, liggen twee werkdagen later bij uw apotheek."),
    ("Reizen", "Gaat u op reis buiten Europa? Kijk op tijd welke vaccinaties nodig zijn. Wij verwijzen u door naar de GGD reizigersvaccinatie. Neem voldoende medicijnen mee in uw handbagage."),
]
GENERIC_EN = [
    ("Flu vaccination", "Flu vaccinations start in October. If you are 60 or older, or have a long-term condition such as diabetes or asthma, you will receive an invitation. "
     "Please do not come if you have a fever; call us to rebook."),
    ("Do I need to see a GP?", "Most colds get better on their own within a week. Rest, drink plenty and take paracetamol if needed. Call us if you become short of breath or have a fever for more than three days."),
    ("Registering with our practice", "New patients can register online. Please bring your passport or ID card and your BSN (citizen service number) to your first appointment."),
    ("Out of hours care", "Outside office hours, call the GP out-of-hours service (huisartsenpost). In a life-threatening emergency, call 112."),
    ("Mental health support", "Feeling low or anxious? Our practice has a mental health nurse (POH-GGZ). You can book an appointment without a referral. Many sessions can be held in English."),
]


def c_generic_health(ctx):
    rng = ctx.rng
    ctx.lang = "en" if rng.random() < 0.4 else "nl"
    en = ctx.lang == "en"
    maybe_lf(ctx, 0.12)
    pr = practice(rng)
    items = rng.sample(GENERIC_EN if en else GENERIC_NL, rng.randint(1, 3))
    tel = landline(rng)
    hap = "0900-" + str(rng.randint(1000000, 9999999))
    if en:
        text = ("Dear patient,\n\n" + "\n\n".join(f"{t}\n{d}" for t, d in items) +
                f"\n\nOur phone number is {tel}. Out-of-hours: {hap}.\n\nKind regards,\nThe team at {pr[0]}")
        subj = rng.choice([items[0][0], "Information from your GP practice", "Practice update"])
    else:
        text = (rng.choice(["Beste patiënt,", "Geachte heer/mevrouw,", "Beste lezer,"]) + "\n\n" + "\n\n".join(f"{t}\n{d}" for t, d in items) +
                f"\n\nTelefoon praktijk: {tel}\nHuisartsenpost: {hap}\n\nMet vriendelijke groet,\nHet team van {pr[0]}")
        subj = rng.choice([items[0][0], "Praktijkinformatie", "Nieuws van uw huisartsenpraktijk", "Belangrijke informatie"])
    atts = []
    if rng.random() < 0.3:
        lines = [f"# {items[0][0]}", ""] + [items[0][1][i:i + 90] for i in range(0, len(items[0][1]), 90)]
        if rng.random() < 0.5:
            atts.append(att(ctx, "application/pdf", pdf_bytes([lines], items[0][0], rng=rng), "folder.pdf", source_text=lines, tag="pdf"))
        else:
            img = text_image([lines[0]] + lines[2:5], "PNG", seed=ctx.idx, size=24)
            atts.append(att(ctx, "image/png", img, "flyer.png", source_text=lines, tag="image;png"))
    ctx.tag("generic-health-info;no-person")
    to = ("Undisclosed recipients", "undisclosed-recipients@mail.example") if rng.random() < 0.5 else (None, f"patienten@{pr[1]}")
    return build(ctx, (pr[0], f"info@{pr[1]}"), to, subj, body_part(ctx, text), attachments=atts)


def c_meeting(ctx):
    rng = ctx.rng
    ctx.lang = "en" if rng.random() < 0.3 else "nl"
    en = ctx.lang == "en"
    maybe_lf(ctx, 0.1)
    pr = practice(rng)
    staff = [Staff(rng, r, pr) for r in ["huisarts", "huisarts", "praktijkmanager", "doktersassistente", "POH-GGZ"]]
    when = rand_when(rng, 2025).replace(hour=12, minute=30, second=0)
    v = rng.choice(["agenda", "notulen", "ics", "casus-anoniem", "docx-agenda"])
    atts = []
    if en:
        text = (f"Hi all,\n\nAgenda for the team meeting on {EN_DAYS[when.weekday()]} {en_date(when)} at 12:30:\n\n1. Holiday cover\n2. New phone system\n"
                f"3. Flu campaign planning\n4. AOB\n\nLunch will be provided.\n\n{staff[2].first}")
        subj = "Team meeting agenda"
    elif v == "agenda":
        text = (f"Hallo allemaal,\n\nHierbij de agenda voor het praktijkoverleg van {NL_DAYS[when.weekday()]} {nl_date(when)}:\n\n"
                "1. Opening en mededelingen\n2. Vakantieplanning zomer\n3. Griepprikcampagne: taakverdeling\n4. Nieuwe telefooncentrale\n"
                "5. Kwaliteit: protocol veilig mailen (geen BSN in de onderwerpregel!)\n6. Rondvraag\n\nGroet,\n" + staff[2].sig(rng))
        subj = rng.choice(["Agenda praktijkoverleg", "Praktijkoverleg " + nl_date(when), "Overleg dinsdag"])
    elif v == "notulen":
        text = (f"Notulen praktijkoverleg {nl_date(when)}\n\nAanwezig: {', '.join(s.first for s in staff)}\n\n"
                "- De nieuwe triagewijzer is ingevoerd; assistentes zijn tevreden.\n- Spreekuurtijden POH worden uitgebreid op woensdag.\n"
                "- Afgesproken: recepten voortaan alleen via het portaal.\n- Actie: " + staff[0].first + " regelt offerte nieuwe bloeddrukmeters.\n\nVolgende overleg over vier weken.")
        subj = "Notulen overleg"
    elif v == "casus-anoniem":
        text = (f"Beste collega's,\n\nVoor de intervisie van donderdag heb ik een casus voorbereid (geanonimiseerd):\n\n"
                f"{rng.choice(['Een vrouw van middelbare leeftijd', 'Een man van rond de 60', 'Een jongvolwassene'])} komt met {rng.choice(SYMPTOMS_CLIN)} "
                f"en {rng.choice(['vermoeidheid', 'gewichtsverlies', 'slaapproblemen'])}. Eerder onderzoek leverde niets op. Hoe ver ga je met aanvullend onderzoek, "
                f"en wanneer verwijs je door?\n\nVragen voor de groep:\n- Wat is jullie differentiaaldiagnose?\n- Hoe bespreek je onzekerheid met de patiënt?\n\nGroet,\n{staff[0].first}")
        subj = rng.choice(["Casus intervisie", "Intervisie donderdag", "FTO casus"])
        ctx.tag("anonymised-case")
    elif v == "docx-agenda":
        lines = [("Agenda praktijkoverleg", "heading"), f"Datum: {nl_date(when)}, 12:30-13:30", "1. Mededelingen", "2. Financiën Q3", "3. Scholingsplan 2025",
                 "4. Inwerken nieuwe assistente", "5. Rondvraag"]
        atts.append(att(ctx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx_bytes(rng, lines), "agenda.docx",
                        source_text=[l if isinstance(l, str) else l[0] for l in lines], tag="docx"))
        text = f"Hoi allen, agenda in de bijlage. Groet, {staff[2].first}"
        subj = "Agenda"
    else:
        ics = ics_text(rng, "Praktijkoverleg", when, 60, f"Vergaderruimte {pr[0]}", "Maandelijks overleg. Agenda volgt.",
                       (staff[2].full, staff[2].email), (staff[0].full, staff[0].email), uid_seed=f"m{ctx.idx}")
        atts.append(att(ctx, "text/calendar", ics, "invite.ics", source_text=ics, tag="ics", charset="utf-8"))
        text = "Uitnodiging: Praktijkoverleg"
        subj = f"Uitnodiging: Praktijkoverleg @ {nl_date(when)} 12:30"
    ctx.tag("practice-meeting")
    return build(ctx, (staff[2].full, staff[2].email), [(s.full, s.email) for s in staff[:3]], subj, body_part(ctx, text), attachments=atts)


def c_roster(ctx):
    rng = ctx.rng
    ctx.lang = "nl" if rng.random() < 0.85 else "en"
    pr = practice(rng)
    staff = [Staff(rng, r, pr) for r in ["huisarts", "huisarts", "waarnemend huisarts", "doktersassistente", "doktersassistente", "praktijkondersteuner"]]
    week = rng.randint(2, 50)
    days = ["ma", "di", "wo", "do", "vr"] if ctx.lang == "nl" else ["Mon", "Tue", "Wed", "Thu", "Fri"]
    rows = [["Naam" if ctx.lang == "nl" else "Name", "Functie" if ctx.lang == "nl" else "Role", "Tel"] + days]
    for s in staff:
        rows.append([s.full, s.role, mobile(rng)] + [rng.choice(["08-17", "08-12:30", "12:30-17", "-", "ANW", "vrij"]) for _ in days])
    atts = []
    if rng.random() < 0.5:
        atts.append(att(ctx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx_bytes(rng, [(f"Week {week}", rows)]),
                        f"rooster_week{week}.xlsx", source_text="\n".join(" ".join(r) for r in rows), tag="xlsx"))
        text = (f"Hoi allemaal,\n\nIn de bijlage het rooster voor week {week}. Ruilen graag via mij.\n\nGroet,\n{staff[3].first}" if ctx.lang == "nl"
                else f"Hi all, roster for week {week} attached. {staff[3].first}")
        body = body_part(ctx, text)
    else:
        text = (f"Rooster week {week}\n\n" if ctx.lang == "nl" else f"Roster week {week}\n\n") + "\n".join(" | ".join(r) for r in rows)
        html = html_doc(html_table(rows[1:], head=rows[0]), rng, "outlook")
        body = body_part(ctx, text, html=html, mode=rng.choice(["alt", "html-only"]))
        ctx.tag("html-table")
    ctx.tag("roster;staff-names-phones")
    return build(ctx, (staff[3].full, staff[3].email), (f"Team {pr[0]}", f"team@{pr[1]}"), f"Rooster week {week}" if ctx.lang == "nl" else f"Roster week {week}",
                 body, attachments=atts)


def c_ooo(ctx):
    rng = ctx.rng
    ctx.lang = "en" if rng.random() < 0.35 else "nl"
    maybe_lf(ctx, 0.15)
    pr = practice(rng)
    s = Staff(rng, rng.choice(["huisarts", "praktijkmanager", "doktersassistente", "POH-GGZ"]), pr)
    back = rand_when(rng).date()
    col = Staff(rng, "huisarts", pr)
    if ctx.lang == "en":
        text = rng.choice([f"Thank you for your email. I am out of the office until {en_date(back)} with limited access to email. For urgent matters please contact {col.full} ({col.email}).",
                           f"I'm currently on leave and will be back on {EN_DAYS[back.weekday()]} {en_date(back)}. Your email will not be forwarded. For medical emergencies call 112."])
        subj = "Automatic reply: " + rng.choice(["Meeting next week", "Question", "Invoice", "Referral"])
    else:
        text = rng.choice([f"Dank voor uw bericht. Ik ben afwezig tot en met {nl_date(back)}. Uw e-mail wordt niet doorgestuurd. Voor dringende zaken kunt u contact opnemen met {col.full} via {col.phone}.",
                           f"Ik ben met vakantie tot {nl_date(back)}. Voor spoedeisende medische zaken belt u de praktijk ({landline(rng)}) of buiten kantoortijden de huisartsenpost. Bij levensgevaar: 112.",
                           f"Op woensdag werk ik niet. Uw mail wordt donderdag beantwoord.\n\n{s.sig(rng)}"])
        subj = rng.choice(["Automatisch antwoord: ", "Afwezig: ", "Niet aanwezig: "]) + rng.choice(["Overleg", "vraag", "Factuur", "Re: verwijzing", "Uitnodiging"])
    ctx.tag("out-of-office")
    return build(ctx, (s.full, s.email), (Person(rng).full, f"contact@{rng.choice(['leverancier', 'zorggroep', 'ziekenhuis-rijnland'])}.example"), subj,
                 body_part(ctx, text, mode=rng.choice(["plain", "alt"])), extra=[("Auto-Submitted", "auto-replied")])


def c_it(ctx):
    rng = ctx.rng
    ctx.lang = "en" if rng.random() < 0.4 else "nl"
    en = ctx.lang == "en"
    maybe_lf(ctx, 0.12)
    pr = practice(rng)
    user = Staff(rng, rng.choice(["doktersassistente", "huisarts", "praktijkmanager"]), pr)
    ticket = hardneg(ctx)
    tv = f"{rng.randint(1, 1)} {rng.randint(100, 999)} {rng.randint(100, 999)} {rng.randint(100, 999)}"
    v = rng.choice(["ticket-open", "ticket-closed", "password", "downtime", "printer", "bsn-koppeling"])
    desk = ("ServiceDesk ZorgICT", "servicedesk@zorgict.example")
    if en:
        text = rng.choice([
            f"Hello {user.first},\n\nYour request has been logged under ticket number {ticket}. An engineer will contact you within 4 working hours.\n\n"
            f"Summary: Outlook keeps asking for password\nPriority: P3\n\nTrack your ticket: https://support.zorgict.example/tickets/{ticket}\n\nIT Service Desk",
            f"Planned maintenance: the practice information system will be unavailable on Saturday from 22:00 to 02:00. "
            f"Please log out before 22:00. Reference: change {ticket}.\n\nIT Operations",
            f"Hi,\n\nFor remote support, please open the support tool and give us your ID: {tv} and the one-time code shown.\n\nReference: {ticket}\n\nIT Service Desk"])
        subj = rng.choice([f"[Ticket#{ticket}] Outlook password prompt", "Planned maintenance", f"Remote support - {ticket}"])
    elif v in ("ticket-open", "ticket-closed"):
        status = "aangemaakt" if v == "ticket-open" else "opgelost"
        text = (f"Beste {user.first},\n\nUw melding is {status}.\n\nTicketnummer: {ticket}\nOnderwerp: {rng.choice(['Scanner werkt niet', 'Geen geluid bij beeldbellen', 'HIS traag bij openen agenda', 'Nieuwe medewerker toevoegen'])}\n"
                f"Prioriteit: {rng.choice(['Laag', 'Normaal', 'Hoog'])}\n\nU kunt de voortgang volgen via https://selfservice.zorgict.example/ticket/{ticket}\n\n"
                f"Vermeld bij contact altijd het ticketnummer.\n\nMet vriendelijke groet,\nServiceDesk ZorgICT\n{landline(rng)}")
        subj = f"[{ticket}] Melding {status}"
    elif v == "password":
        text = (f"Hoi {user.first},\n\nJe wachtwoord voor het HIS verloopt over 5 dagen. Wijzig het via Ctrl+Alt+Del > Wachtwoord wijzigen. "
                f"Gebruik minimaal 12 tekens.\n\nWerkplek: PC-{rng.randint(100, 999)}\nTeamViewer ID: {tv}\n\nICT")
        subj = "Wachtwoord verloopt binnenkort"
    elif v == "downtime":
        text = (f"Beste gebruikers,\n\nOp zaterdag {nl_date(rand_when(rng).date())} voeren wij onderhoud uit aan de server. Het HIS en de receptenmodule zijn van 22:00 tot 02:00 niet beschikbaar. "
                f"Wijzigingsnummer: {ticket}.\n\nExcuses voor het ongemak.\nZorgICT")
        subj = "Gepland onderhoud"
    elif v == "printer":
        text = (f"Hoi,\n\nDe labelprinter bij de balie drukt alleen nog lege etiketten af. Serienummer staat op de sticker: SN-{rng.randint(10000, 99999)}. Kunnen jullie iemand sturen?\n\n{user.sig(rng)}")
        frm = (user.full, user.email)
        ctx.tag("it-ticket")
        return build(ctx, frm, desk, "Labelprinter kapot", body_part(ctx, text))
    else:
        text = (f"Beste {user.first},\n\nDe storing met de BSN-controle (SBV-Z) is verholpen. Tijdens de storing kon het BSN van nieuwe patiënten niet worden "
                f"geverifieerd; controleer de inschrijvingen van vandaag alsnog via de knop 'BSN verifiëren'.\n\nReferentie incident: {ticket}\n\nServiceDesk")
        subj = f"Opgelost: storing BSN-verificatie ({ticket})"
        ctx.tag("bsn-word-no-number")
    ctx.tag("it-ticket;hard-negative-elfproef-ticket")
    return build(ctx, desk, (user.full, user.email), subj, body_part(ctx, text))


SUPPLIERS = [("MediQ Praktijkbenodigdheden", "orders@mediq-praktijk.example"), ("Henry Schein-achtig Medical", "verkoop@medical-supply.example"),
             ("Kantoorcentrum Noord", "facturen@kantoorcentrum.example"), ("Schoonmaakbedrijf Blinkend", "administratie@blinkend.example"),
             ("Medisch Afval Service", "planning@afvalservice.example"), ("Koffie & Co", "orders@koffieco.example")]
ARTICLES = ["Handschoenen nitril M (doos 100)", "Spatels hout (500)", "Urinepotjes 100 ml", "Gaasjes steriel 10x10", "Otoscoop tips 4 mm",
            "Bloeddrukmanchet volwassenen", "Alcoholdoekjes", "Naaldcontainer 2 l", "Printpapier A4 (5 pakken)", "Desinfectiemiddel 1 l",
            "Tongspatels", "Hechtpleisters 6 mm", "Koffiebonen 1 kg", "ECG-elektroden (50)"]


def c_supplier(ctx):
    rng = ctx.rng
    ctx.lang = "en" if rng.random() < 0.3 else "nl"
    en = ctx.lang == "en"
    maybe_lf(ctx, 0.1)
    pr = practice(rng)
    sup = rng.choice(SUPPLIERS)
    mgr = Staff(rng, "praktijkmanager", pr)
    order = hardneg(ctx)
    inv = hardneg(ctx)
    arts = rng.sample(ARTICLES, rng.randint(2, 5))
    lines = []
    total = 0
    for a in arts:
        r = rng.random()
        artnr = hardneg(ctx) if r < 0.4 else non_elf_number(rng) if r < 0.7 else str(rng.randint(100000, 999999))
        q = rng.randint(1, 10)
        pz = rng.randint(200, 8900) / 100
        total += q * pz
        lines.append((artnr, a, q, f"{pz:.2f}".replace(".", ",")))
    ib = iban(rng)
    k = kvk(rng)
    v = rng.choice(["order-confirm", "invoice", "invoice-pdf", "csv-order", "reminder", "quote"])
    atts = []
    footer = (f"\n\n{sup[0]} | KvK {k} | btw {btw(rng)} | IBAN {iban_fmt(rng, ib)}")
    tbl = "\n".join(f"{a:<10} {d:<40} {q:>3} x EUR {p}" for a, d, q, p in lines)
    if en:
        text = (f"Dear customer,\n\nThank you for your order. Order number: {order}\n\n{tbl}\n\nTotal: EUR {total:,.2f}\nExpected delivery: 2-3 working days. "
                f"Track & Trace: 3SMEDI{rng.randint(100000000, 999999999)}\n{footer}")
        subj = f"Order confirmation {order}"
        ctx.neg(text.split("3SMEDI")[1][:9])
    elif v == "order-confirm":
        text = (f"Beste {mgr.first},\n\nBedankt voor uw bestelling. Ordernummer: {order}\n\nArtikelnr.  Omschrijving\n{tbl}\n\n"
                f"Totaal excl. btw: EUR {total:,.2f}\nLevering: {rng.choice(['morgen', 'binnen 2 werkdagen', 'volgende week dinsdag'])}{footer}")
        subj = rng.choice([f"Orderbevestiging {order}", "Uw bestelling is ontvangen", f"Bestelling {order}"])
    elif v in ("invoice", "invoice-pdf"):
        text = (f"Geachte heer/mevrouw,\n\nHierbij ontvangt u factuur {inv} voor ordernummer {order}. Het totaalbedrag van EUR {total * 1.21:,.2f} (incl. 21% btw) "
                f"dient binnen 30 dagen te worden voldaan op {iban_fmt(rng, ib)} t.n.v. {sup[0]}, onder vermelding van het factuurnummer.{footer}")
        subj = rng.choice([f"Factuur {inv}", "Uw factuur", f"Factuur {inv} - {pr[0]}"])
        if v == "invoice-pdf":
            pl = [f"# FACTUUR {inv}", f"Debiteur: {pr[0]}", f"Ordernummer: {order}", ""] + [f"{a}  {d}  {q} x {p}" for a, d, q, p in lines] + \
                 ["", f"Totaal: EUR {total * 1.21:,.2f}", f"IBAN {iban_fmt(rng, ib)}  KvK {k}"]
            atts.append(att(ctx, "application/pdf", pdf_bytes([pl], f"Factuur {inv}", rng=rng), f"Factuur_{inv}.pdf", source_text=pl, tag="pdf;invoice-number-in-filename"))
    elif v == "csv-order":
        csvt = "artikelnummer;omschrijving;aantal;prijs\r\n" + "".join(f"{a};{d};{q};{p}\r\n" for a, d, q, p in lines)
        atts.append(att(ctx, "text/csv", csvt.encode("cp1252"), f"bestelling_{order}.csv", source_text=csvt, tag="csv"))
        text = f"Hoi,\n\nIn de bijlage onze bestelling voor deze maand (ordernr {order}).\n\n{mgr.sig(rng)}"
        ctx.tag("supplier-order;hard-negative-elfproef-order")
        return build(ctx, (mgr.full, mgr.email), sup, f"Bestelling {pr[0]}", body_part(ctx, text), attachments=atts)
    elif v == "reminder":
        text = (f"Geachte klant,\n\nVolgens onze administratie staat factuur {inv} van EUR {total:,.2f} nog open. Wilt u dit bedrag binnen 14 dagen overmaken naar "
                f"{iban_fmt(rng, ib)}? Heeft u al betaald, dan kunt u deze herinnering als niet verzonden beschouwen.\n\nKlantnummer: {rng.randint(10000, 99999)}{footer}")
        subj = f"Betalingsherinnering factuur {inv}"
    else:
        text = (f"Beste {mgr.first},\n\nZoals besproken hierbij onze offerte (offertenummer {order}) voor {rng.choice(['de nieuwe behandelstoel', 'onderhoud van de autoclaaf', 'een ECG-apparaat', 'jaarlijkse AED-controle'])}. "
                f"De offerte is 30 dagen geldig.\n\nContractnummer bestaande overeenkomst: {inv}{footer}")
        subj = f"Offerte {order}"
    ctx.tag("supplier-invoice;iban;kvk;hard-negative-elfproef-order")
    return build(ctx, sup, (mgr.full, mgr.email), subj, body_part(ctx, text), attachments=atts)


def c_vcard_supplier(ctx):
    rng = ctx.rng
    ctx.lang = "nl" if rng.random() < 0.7 else "en"
    pr = practice(rng)
    mgr = Staff(rng, "praktijkmanager", pr)
    rep = Person(rng)
    sup = rng.choice(SUPPLIERS)
    vc = vcard_text(rep.full, f"{rep.lastname(True)};{rep.first};;;", org_=sup[0], title=rng.choice(["Accountmanager", "Sales", "Buitendienst"]),
                    tel=[(mobile(rng), "CELL"), (landline(rng), "WORK")], email=f"{_fold_ascii(rep.first.lower().split()[0])}@{sup[1].split('@')[1]}")
    text = (f"Beste {mgr.first},\n\nLeuk je gesproken te hebben. Mijn contactgegevens zitten in de bijlage.\n\nGroet,\n{rep.first}" if ctx.lang == "nl"
            else f"Hi {mgr.first},\n\nGreat to meet you at the trade fair. My contact card is attached.\n\nBest,\n{rep.first}")
    ctx.tag("vcard-supplier")
    return build(ctx, (rep.full, f"{_fold_ascii(rep.first.lower().split()[0])}@{sup[1].split('@')[1]}"), (mgr.full, mgr.email), "Contactgegevens" if ctx.lang == "nl" else "Contact details",
                 body_part(ctx, text), attachments=[att(ctx, "text/vcard", vc, f"{_fold_ascii(rep.first).split()[0]}.vcf", source_text=vc, tag="vcard", charset="utf-8")])


def c_phishing(ctx):
    rng = ctx.rng
    ctx.lang = "en" if rng.random() < 0.4 else "nl"
    maybe_lf(ctx, 0.2)
    pr = practice(rng)
    victim = Staff(rng, rng.choice(["praktijkmanager", "doktersassistente"]), pr)
    ref = hardneg(ctx)
    v = rng.choice(["digid", "m365", "bank", "parcel", "invoice"])
    if ctx.lang == "en":
        text = rng.choice([
            f"Dear user,\n\nYour Microsoft 365 password expires today. To keep using your mailbox, confirm your credentials within 24 hours:\n\nhttps://login-microsoftonline.secure-verify.example/?id={ref}\n\nIT Support Team",
            f"Your parcel could not be delivered due to an incomplete address. Pay the EUR 1,99 redelivery fee here: https://track-parcel.example/{ref}\n\nCustomer service",
            f"Hello,\n\nPlease find the overdue invoice attached. Kindly process payment today to avoid legal action.\n\nInvoice ref: {ref}\n\nAccounts"])
        subj = rng.choice(["Action required: password expiry", "Delivery failed", "OVERDUE INVOICE", "Your mailbox is full"])
    else:
        text = rng.choice([
            f"Geachte heer/mevrouw,\n\nUw DigiD wordt binnenkort gedeactiveerd. Om dit te voorkomen moet u uw gegevens, waaronder uw BSN en rekeningnummer, opnieuw bevestigen via onderstaande link:\n\n"
            f"https://digid-verificatie.example/activeer?ref={ref}\n\nMet vriendelijke groet,\nLogius DigiD-team",
            f"Beste klant,\n\nEr is een ongebruikelijke inlogpoging gedetecteerd op uw rekening. Verifieer uw identiteit binnen 24 uur via https://mijn-bank-veilig.example/{ref}\n\nUw bank",
            f"Uw pakket ligt klaar, maar er moet nog EUR 2,49 worden betaald. Betaal via https://pakket-betalen.example/{ref} anders wordt het retour gestuurd.",
            f"Goedendag,\n\nIn de bijlage vindt u de openstaande factuur. Referentie {ref}. Graag vandaag betalen.\n\nDebiteurenbeheer"])
        subj = rng.choice(["Uw DigiD verloopt", "Beveiligingsmelding", "Uw pakket", "Openstaande factuur", "BSN verificatie vereist"])
    ctx.tag("phishing;hard-negative-elfproef-url")
    if "BSN" in text:
        ctx.tag("bsn-word-no-number")
    return build(ctx, (rng.choice(["Microsoft", "DigiD", "Klantenservice", "PostNL-service", "Uw Bank"]), f"no-reply@{rng.choice(['secure-mail', 'notify-center', 'info-service'])}.example"),
                 (victim.full, victim.email), subj, body_part(ctx, text, mode=rng.choice(["html-only", "alt", "plain"])))


def c_mailmerge(ctx):
    rng = ctx.rng
    ctx.lang = "en" if rng.random() < 0.4 else "nl"
    maybe_lf(ctx, 0.1)
    pr = practice(rng)
    p = Person(rng, english=ctx.lang == "en" and rng.random() < 0.6)
    topic = rng.choice(["verhuizing", "portaal", "enquete", "telefoon", "sluiting"])
    msgs_nl = {"verhuizing": "Per 1 maart verhuist onze praktijk naar het nieuwe gezondheidscentrum aan de Stationsweg. Het telefoonnummer blijft hetzelfde.",
               "portaal": "Vanaf nu kunt u via ons nieuwe patiëntenportaal online afspraken maken en herhaalrecepten aanvragen. Activeer uw account met DigiD.",
               "enquete": "Wij horen graag hoe u onze zorg ervaart. Wilt u deze korte vragenlijst invullen? Het duurt ongeveer vijf minuten.",
               "telefoon": "We hebben een nieuwe telefooncentrale. Kies optie 1 voor spoed, optie 2 voor de assistente en optie 3 voor de receptenlijn.",
               "sluiting": "Op vrijdag 12 september is de praktijk 's middags gesloten vanwege scholing. Voor spoed kunt u terecht bij de waarnemend huisarts."}
    msgs_en = {"verhuizing": "From 1 March our practice moves to the new health centre on Stationsweg. Our phone number stays the same.",
               "portaal": "You can now book appointments and request repeat prescriptions through our new patient portal.",
               "enquete": "We would love to hear about your experience with our practice. The survey takes about five minutes.",
               "telefoon": "We have a new phone system. Press 1 for emergencies, 2 for the assistant and 3 for repeat prescriptions.",
               "sluiting": "On Friday 12 September the practice closes at noon for staff training."}
    if ctx.lang == "en":
        text = f"{p.aanhef('en')},\n\n{msgs_en[topic]}\n\nKind regards,\n{pr[0]}"
        subj = {"verhuizing": "We are moving", "portaal": "New patient portal", "enquete": "Survey: how are we doing?", "telefoon": "New phone menu",
                "sluiting": "Practice closed Friday afternoon"}[topic] if rng.random() < 0.7 else "News from your GP practice"
    else:
        text = f"{p.aanhef() if rng.random() < 0.7 else 'Beste ' + p.first},\n\n{msgs_nl[topic]}\n\nMet vriendelijke groet,\n{pr[0]}"
        subj = {"verhuizing": "Wij verhuizen", "portaal": "Nieuw patiëntenportaal", "enquete": "Vragenlijst patiënttevredenheid", "telefoon": "Nieuw keuzemenu telefoon",
                "sluiting": "Praktijk vrijdagmiddag gesloten"}[topic] if rng.random() < 0.7 else rng.choice(["Nieuws van uw huisarts", "Belangrijk bericht"])
    ctx.tag("mail-merge;name-only")
    return build(ctx, (pr[0], f"noreply@{pr[1]}"), (p.full, p.email), subj, body_part(ctx, text))


def c_hr(ctx):
    rng = ctx.rng
    ctx.lang = "en" if rng.random() < 0.3 else "nl"
    maybe_lf(ctx, 0.1)
    pr = practice(rng)
    mgr = Staff(rng, "praktijkmanager", pr)
    emp = Staff(rng, rng.choice(["doktersassistente", "praktijkondersteuner", "POH-GGZ"]), pr)
    contract = hardneg(ctx)
    v = rng.choice(["verlof", "contract", "salaris", "vacature", "onboarding", "jubileum"])
    if ctx.lang == "en":
        text = f"Hi {emp.first},\n\nYour leave request for {en_date(rand_when(rng).date())} to {en_date(rand_when(rng).date())} has been approved. Enjoy your holiday!\n\n{mgr.first}"
        subj = "Leave approved"
    elif v == "verlof":
        text = f"Hoi {emp.first},\n\nJe verlofaanvraag voor week {rng.randint(28, 34)} is goedgekeurd. Je hebt daarna nog {rng.randint(20, 120)} uur over.\n\nGroet,\n{mgr.first}"
        subj = "Verlofaanvraag goedgekeurd"
    elif v == "contract":
        text = (f"Beste {emp.first},\n\nGoed nieuws: je contract wordt per {nl_date(rand_when(rng).date())} omgezet naar onbepaalde tijd. Het nieuwe contract (contractnummer {contract}) "
                f"ligt voor je klaar om te tekenen.\n\n{groet(rng)}\n{mgr.sig(rng)}")
        subj = "Je contract"
    elif v == "salaris":
        text = (f"Beste collega's,\n\nPer 1 juli worden de salarissen volgens de cao huisartsenzorg met 3,5% verhoogd. Dit zie je terug op de loonstrook van juli. "
                f"Loonheffingennummer praktijk: {contract}L01.\n\n{groet(rng)}\n{mgr.sig(rng)}")
        subj = "Cao-verhoging"
    elif v == "vacature":
        text = ("Vacature: doktersassistente (24-32 uur)\n\nWij zoeken een enthousiaste collega voor ons team. Je bent in bezit van het diploma doktersassistente en "
                f"hebt affiniteit met triage. Interesse? Mail je cv naar {mgr.email}.\n\nVacaturenummer: {contract}")
        subj = "Vacature doktersassistente"
    elif v == "onboarding":
        text = (f"Welkom {emp.first}!\n\nMaandag is je eerste werkdag. Je start om 8:00 bij de balie. Je krijgt een UZI-pas; neem je paspoort mee voor de aanvraag. "
                f"Je gebruikersnaam is {_fold_ascii(emp.first.lower().split()[0])}.{rng.randint(10, 99)}.\n\nTot maandag,\n{mgr.first}")
        subj = "Welkom in het team"
    else:
        text = f"Lieve collega's,\n\n{emp.first} is vrijdag 12,5 jaar in dienst! We hebben een taart besteld. Bijdrage voor een cadeau via Tikkie: https://tikkie.example/{contract}\n\n{mgr.first}"
        subj = "Jubileum " + emp.first
    ctx.tag("hr-no-health;hard-negative-elfproef-contract")
    return build(ctx, (mgr.full, mgr.email), (emp.full, emp.email) if v not in ("salaris", "jubileum", "vacature") else (f"Team {pr[0]}", f"team@{pr[1]}"),
                 subj, body_part(ctx, text))


def c_course(ctx):
    rng = ctx.rng
    ctx.lang = "en" if rng.random() < 0.35 else "nl"
    maybe_lf(ctx, 0.1)
    pr = practice(rng)
    s = Staff(rng, rng.choice(["huisarts", "praktijkondersteuner", "doktersassistente"]), pr)
    acc = str(rng.randint(100000, 999999))
    uzi = hardneg(ctx)
    when = rand_when(rng, 2025)
    v = rng.choice(["nascholing", "bls", "webinar", "uzi", "congres"])
    if ctx.lang == "en":
        text = (f"Dear {s.first},\n\nYou are invited to our free webinar 'Managing multimorbidity in primary care' on {en_date(when)} at 19:30 CET. "
                f"Speakers include two GPs and a clinical pharmacist.\n\nRegister: https://events.example/webinar/{uzi}\nAccreditation: 1.5 points (ID {acc}).\n\nSee you there!")
        subj = "Invitation: free webinar"
    elif v == "nascholing":
        topic = rng.choice(["Diabetes en nierfunctie", "Dermatologie voor de huisarts", "Kwetsbare ouderen", "Somatisch onvoldoende verklaarde klachten", "Palliatieve zorg thuis"])
        text = (f"Beste {s.first},\n\nGraag nodigen wij u uit voor de nascholing '{topic}' op {NL_DAYS[when.weekday()]} {nl_date(when)}, 18:30-21:30 uur. "
                f"Accreditatie is aangevraagd (GAIA-ID {acc}, 3 punten).\n\nAanmelden via https://nascholing.example/inschrijven/{uzi}\n\nMet vriendelijke groet,\nBureau Nascholing")
        subj = f"Uitnodiging nascholing: {topic}"
    elif v == "bls":
        text = (f"Hallo allemaal,\n\nDe jaarlijkse BLS/AED-herhalingstraining is op {nl_date(when)} van 13:00 tot 15:00 in de wachtkamer. Graag even aanmelden bij mij. "
                f"Wie het certificaat nog niet heeft ingeleverd: graag voor 1 december.\n\n{s.first}")
        subj = "Reanimatietraining"
    elif v == "uzi":
        text = (f"Geachte {s.p.mv() if rng.random() < 0.6 else s.p.formal('nl', False)},\n\nUw nieuwe UZI-pas is aangemaakt. UZI-nummer: {uzi}. De pas wordt binnen 5 werkdagen bezorgd op het praktijkadres. "
                f"Activeer de pas met de pincode uit de aparte brief.\n\nMet vriendelijke groet,\nUZI-register (synthetisch)")
        subj = "Uw UZI-pas"
        ctx.tag("hard-negative-elfproef-uzi")
    else:
        text = (f"Beste collega,\n\nHet Huisartsencongres 2025 vindt plaats op {nl_date(when)} in de Jaarbeurs. Early bird tarief tot 1 maart. Registratiecode: {uzi}.\n\nCongresbureau")
        subj = "Huisartsencongres 2025"
    ctx.tag("course-invitation")
    return build(ctx, ("Bureau Nascholing", "info@nascholing.example") if v != "bls" else (s.full, s.email),
                 (s.full, s.email) if v != "bls" else (f"Team {pr[0]}", f"team@{pr[1]}"), subj, body_part(ctx, text))


def c_misc(ctx):
    rng = ctx.rng
    ctx.lang = "en" if rng.random() < 0.35 else "nl"
    en = ctx.lang == "en"
    maybe_lf(ctx, 0.15)
    pr = practice(rng)
    mgr = Staff(rng, "praktijkmanager", pr)
    n9 = hardneg(ctx)
    v = rng.choice(["werkorder", "kvk", "bankchange", "afval", "track", "lunch", "energy", "aed", "conference", "survey", "parking", "form-blank"])
    atts = []
    if en:
        v = rng.choice(["conference", "survey", "track", "bankchange"])
    frm = (mgr.full, mgr.email)
    to = (f"Team {pr[0]}", f"team@{pr[1]}")
    if v == "werkorder":
        text = (f"Geachte heer/mevrouw,\n\nUw storingsmelding (lekkage toilet wachtkamer) is ingepland.\nWerkordernummer: {n9}\nMonteur: {rng.choice(['Kevin', 'Ahmed', 'Dennis'])}\n"
                f"Datum: {nl_date(rand_when(rng).date())}, tussen 8:00 en 12:00\n\nVastgoedbeheer Lindendaal\n{landline(rng)}")
        frm, to, subj = ("Vastgoedbeheer", "planning@vastgoedbeheer.example"), (mgr.full, mgr.email), f"Werkorder {n9}"
        ctx.tag("facility;hard-negative-elfproef-werkorder")
    elif v == "kvk":
        text = (f"Hoi,\n\nVoor de aanvraag van de subsidie heb ik de gegevens van de praktijk nodig:\nKvK-nummer: {kvk(rng)}\nRSIN: {n9}\nVestigingsnummer: 0000{rng.randint(10000000, 99999999)}\n"
                f"AGB-code praktijk: {agb(rng, '01')}\n\nKun je dit controleren?\n\n{mgr.first}")
        frm, to, subj = (mgr.full, mgr.email), ("Boekhouder", "boekhouding@telgen-admin.example"), "Gegevens praktijk"
        ctx.tag("kvk;rsin;agb;hard-negative-elfproef-rsin")
    elif v == "bankchange":
        ib = iban(rng)
        text = (f"Dear customer,\n\nPlease note that our bank details have changed. From 1 January please pay to IBAN {iban_fmt(rng, ib)} (BIC {ib[4:8]}NL2A). Customer number: {n9}.\n\nFinance department"
                if en else
                f"Geachte relatie,\n\nPer 1 januari wijzigt ons rekeningnummer. Wilt u voortaan betalen op {iban_fmt(rng, ib)} t.n.v. Medisch Afval Service B.V.? Uw debiteurnummer: {n9}.\n\nAfdeling Financiën")
        frm, to, subj = ("Financiën", "finance@afvalservice.example"), (mgr.full, mgr.email), ("Change of bank details" if en else "Wijziging rekeningnummer")
        ctx.tag("iban;hard-negative-elfproef-customer-number")
    elif v == "afval":
        text = (f"Beste klant,\n\nDe ophaaldienst voor uw medisch afval (naaldcontainers en specifiek ziekenhuisafval) komt op {nl_date(rand_when(rng).date())}. "
                f"Zet de vaten klaar bij de achteringang. Contractnummer: {n9}.\n\nMedisch Afval Service")
        frm, to, subj = ("Medisch Afval Service", "planning@afvalservice.example"), (mgr.full, mgr.email), "Ophaalafspraak"
        ctx.tag("supplier;hard-negative-elfproef-contract")
    elif v == "track":
        code = f"3S{rng.choice(['MDQ', 'PLA', 'KLM'])}{rng.randint(100000000, 999999999)}"
        ctx.neg(code[5:14])
        text = (f"Your parcel is on its way! Track & Trace: {code}. Expected delivery: tomorrow between 10:00 and 13:00." if en
                else f"Goed nieuws! Je pakket is onderweg. Track & Trace-code: {code}\nVerwachte bezorging: morgen tussen 10:00 en 13:00.\nVolg je pakket: https://track.example/{code}")
        frm, to, subj = ("Bezorgservice", "noreply@bezorgservice.example"), (mgr.full, mgr.email), ("Your parcel is on its way" if en else "Je pakket is onderweg")
        ctx.tag("track-and-trace")
    elif v == "lunch":
        text = (f"Hoi allemaal,\n\nVrijdag nemen we afscheid van {Staff(rng, 'doktersassistente', pr).first}. Lunch om 12:30 in de personeelsruimte. "
                f"Wie wil bijdragen aan het cadeau: Tikkie volgt. Graag voor woensdag laten weten of je komt (ivm broodjes).\n\n{mgr.first}")
        subj = "Afscheidslunch vrijdag"
        ctx.tag("social")
    elif v == "energy":
        text = (f"Geachte klant,\n\nUw energiecontract (contractnummer {n9}) loopt af op 31 december. Wij bieden u een nieuw vast tarief aan van EUR 0,28 per kWh. "
                f"Bekijk het aanbod in Mijn Omgeving.\n\nKlantenservice Energie")
        frm, to, subj = ("Energiebedrijf", "klantenservice@energie.example"), (mgr.full, mgr.email), "Uw contract loopt af"
        ctx.tag("hard-negative-elfproef-contract")
    elif v == "aed":
        text = (f"Geachte heer/mevrouw,\n\nHet jaarlijks onderhoud van uw AED (serienummer {n9}) staat gepland op {nl_date(rand_when(rng).date())}. "
                f"De elektroden verlopen in maart; wij nemen nieuwe mee.\n\nAED Service Nederland")
        frm, to, subj = ("AED Service", "onderhoud@aedservice.example"), (mgr.full, mgr.email), "Onderhoud AED"
        ctx.tag("hard-negative-elfproef-serial")
    elif v == "conference":
        text = (f"Dear colleague,\n\nRegistration for the European Primary Care Conference (Rotterdam, {en_date(rand_when(rng, 2025).date())}) is now open. "
                f"Abstract submission deadline: 15 January. Your registration reference: {n9}.\n\nConference secretariat" if en else
                f"Beste collega,\n\nDe inschrijving voor het regionale symposium 'Samen zorgen in de wijk' is geopend. Uw registratiecode: {n9}.\n\nOrganisatie")
        frm, to, subj = ("Conference secretariat", "info@primarycare-conf.example"), (mgr.full, mgr.email), ("Registration open" if en else "Symposium")
        ctx.tag("course-invitation;hard-negative-elfproef-reference")
    elif v == "survey":
        text = (f"Hi,\n\nThanks for using our booking software. Would you rate your experience? Survey ID {n9}. https://survey.example/s/{n9}" if en else
                f"Beste gebruiker,\n\nHoe tevreden bent u over onze dienstverlening? Vul de enquête in: https://enquete.example/{n9}")
        frm, to, subj = ("Customer Success", "survey@bookingsoftware.example"), (mgr.full, mgr.email), ("How did we do?" if en else "Uw mening telt")
        ctx.tag("survey;hard-negative-elfproef-url")
    elif v == "parking":
        text = f"Beste collega's,\n\nVanaf maandag wordt de parkeerplaats opnieuw bestraat. Parkeren kan tijdelijk bij de sporthal. Vergunningnummer voor de sporthal: {n9}.\n\n{mgr.first}"
        subj = "Parkeren volgende week"
        ctx.tag("facility;hard-negative-elfproef-permit")
    else:
        lines = ["Aanmeldformulier nieuwe patiënt", "Achternaam: ____________________", "Voornamen: ____________________", "Geboortedatum: __-__-____",
                 "BSN: _________", "Adres: ____________________", "Huisarts vorige woonplaats: ____________"]
        kind = rng.choice(["docx", "pdf", "rtf", "odt"])
        if kind == "docx":
            atts.append(att(ctx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx_bytes(rng, lines), "aanmeldformulier.docx", source_text=lines, tag="docx"))
        elif kind == "pdf":
            atts.append(att(ctx, "application/pdf", pdf_bytes([lines], rng=rng), "aanmeldformulier.pdf", source_text=lines, tag="pdf"))
        elif kind == "rtf":
            atts.append(att(ctx, "application/rtf", rtf_bytes(rng, lines), "aanmeldformulier.rtf", source_text=lines, tag="rtf"))
        else:
            atts.append(att(ctx, "application/vnd.oasis.opendocument.text", odt_bytes(lines), "aanmeldformulier.odt", source_text=lines, tag="odt"))
        text = f"Hoi,\n\nHierbij het lege aanmeldformulier, kun je het op de website zetten? Het formulier voor de BSN-controle volgt later.\n\n{mgr.first}"
        frm, to, subj = (mgr.full, mgr.email), ("Webbeheer", "web@praktijk-websites.example"), "Formulier website"
        ctx.tag("blank-form;bsn-word-no-number")
    if v not in ("form-blank",):
        ctx.tag("misc")
    return build(ctx, frm, to, subj, body_part(ctx, text), attachments=atts)


def c_image_clean(ctx):
    rng = ctx.rng
    ctx.lang = "nl" if rng.random() < 0.7 else "en"
    pr = practice(rng)
    mgr = Staff(rng, "praktijkmanager", pr)
    lines = rng.choice([["# GRIEPPRIK 2025", "Zaterdag 11 oktober", "09:00 - 13:00 uur", "Neem uw uitnodiging mee"],
                        ["# NIEUWE OPENINGSTIJDEN", "Maandag t/m vrijdag 08:00 - 17:00", "Spoed buiten kantoortijd:", "Huisartsenpost 0900-1234567"],
                        ["# FLU VACCINATION", "Saturday 11 October", "9am - 1pm", "Bring your invitation letter"],
                        ["# WACHTKAMER", "Mondkapje bij hoesten", "Meld u bij de balie", "Bedankt voor uw geduld"]])
    img = text_image(lines, rng.choice(["PNG", "JPEG"]), seed=ctx.idx, size=34, width=1000)
    ct = "image/png" if img[:4] == b"\x89PNG" else "image/jpeg"
    text = (f"Hoi, hierbij de poster voor in de wachtkamer. Kun je die printen?\n\n{mgr.first}" if ctx.lang == "nl" else f"Hi, here is the poster for the waiting room.\n{mgr.first}")
    ctx.tag("image;poster;generic-health-info;" + ("png" if ct == "image/png" else "jpeg"))
    return build(ctx, (mgr.full, mgr.email), (f"Balie {pr[0]}", f"balie@{pr[1]}"), "Poster wachtkamer" if ctx.lang == "nl" else "Poster",
                 body_part(ctx, text), attachments=[att(ctx, ct, img, "poster." + ("png" if ct == "image/png" else "jpg"), source_text=lines)])


def c_pharmacy_generic(ctx):
    rng = ctx.rng
    ctx.lang = "nl"
    pr = practice(rng)
    apo = org(rng, "apo")
    gp = Staff(rng, "huisarts", pr)
    med = rng.choice(["levothyroxine 25 mcg", "amoxicilline drank", "metformine 1000 mg", "salbutamol inhalator", "insuline glargine pen", "nitrofurantoïne 50 mg"])
    art = hardneg(ctx)
    text = (f"Beste voorschrijvers,\n\nEr is momenteel een leveringsprobleem met {med} (artikelnummer {art}). Verwachte duur: 6 weken. "
            f"Wij leveren automatisch een vergelijkbaar alternatief; voor patiënten waarbij dat niet kan nemen wij contact met u op.\n\n"
            f"Algemeen advies: {rng.choice(['controleer bij wisseling van merk na 6 weken de TSH', 'schrijf bij voorkeur tabletten voor aan kinderen boven 6 jaar', 'overweeg een andere inhalator van dezelfde klasse'])}.\n\n"
            f"{groet(rng)}\nApothekers {apo[0]}")
    ctx.tag("pharmacy-generic;no-person;hard-negative-elfproef-article")
    return build(ctx, (apo[0], f"info@{apo[1]}"), [(gp.full, gp.email), ("Huisartsen regio", f"huisartsen@{pr[1]}")], f"Leveringsprobleem {med.split()[0]}",
                 body_part(ctx, text))


def c_anon_incident(ctx):
    rng = ctx.rng
    ctx.lang = "en" if rng.random() < 0.25 else "nl"
    pr = practice(rng)
    mgr = Staff(rng, "praktijkmanager", pr)
    if ctx.lang == "en":
        text = ("Incident report (anonymised)\n\nWhat happened: a patient received a prescription for the wrong strength of a blood pressure medication because two similar names appeared in the search list.\n"
                "Harm: none, the pharmacy noticed.\nImprovement: the assistant now checks date of birth before printing.\n\nPlease discuss at the next team meeting.")
        subj = "Incident report for discussion"
    else:
        text = ("VIM-melding (geanonimiseerd)\n\nWat ging er mis: een patiënt kreeg een uitslag van een andere patiënt met dezelfde achternaam te horen via de telefoon.\n"
                "Oorzaak: geen controle op geboortedatum bij terugbellen.\nMaatregel: bij elk telefonisch contact naam én geboortedatum verifiëren, nooit het BSN hardop opvragen.\n\n"
                "Graag bespreken in het VIM-overleg.")
        subj = "VIM-melding ter bespreking"
    ctx.tag("anonymised-case;incident-report")
    return build(ctx, (mgr.full, mgr.email), (f"Team {pr[0]}", f"team@{pr[1]}"), subj, body_part(ctx, text))


# --------------------------------------------------------------------------
# plan and main
# --------------------------------------------------------------------------

UNSCANNABLE_VARIANTS = ["aes-zip", "zipcrypto", "enc-pdf-aes", "enc-pdf-rc4", "trunc-pdf", "trunc-docx", "trunc-xlsx", "bad-b64",
                        "unknown-bin", "aes-zip-clean", "enc-pdf-clean", "aes-zip", "enc-pdf-aes"]


def t_unscannable_v(ctx, k):
    rng = ctx.rng
    ctx.lang = "en" if rng.random() < 0.25 else "nl"
    en = ctx.lang == "en"
    maybe_lf(ctx, 0.1)
    p = Person(rng, english=en and rng.random() < 0.5)
    pr = practice(rng)
    gp = Staff(rng, "huisarts", pr)
    return _unscannable(ctx, UNSCANNABLE_VARIANTS[k % len(UNSCANNABLE_VARIANTS)], p, pr, gp, en)


PLAN = [
    # sensitive
    ("t_patient_nl", 18), ("t_patient_en", 20), ("t_referral_nl", 14), ("t_referral_en", 5), ("t_lab", 12), ("t_pharmacy", 9),
    ("t_ggz", 8), ("t_youth", 8), ("t_wijk", 6), ("t_physio", 5), ("t_dentist", 4), ("t_appointment", 8), ("t_sicknote", 9),
    ("t_wmo_insurer", 9), ("t_forward_chain", 11), ("t_midwife", 4), ("t_hap", 4), ("t_reply_to_patient", 6), ("t_registration", 6),
    ("t_cbr", 2), ("t_hl7", 3), ("t_fhir", 3), ("t_vcard_patient", 3), ("t_edifact", 2), ("t_utf16", 3), ("t_bsn_placement", 8),
    ("t_discharge", 7), ("t_image", 8), ("t_unscannable_v", 13),
    # clean
    ("c_newsletter", 14), ("c_generic_health", 16), ("c_meeting", 12), ("c_roster", 8), ("c_ooo", 12), ("c_it", 14),
    ("c_supplier", 18), ("c_vcard_supplier", 4), ("c_phishing", 10), ("c_mailmerge", 10), ("c_hr", 10), ("c_course", 10),
    ("c_misc", 22), ("c_image_clean", 4), ("c_pharmacy_generic", 5), ("c_anon_incident", 4),
]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=HERE)
    ap.add_argument("--check", action="store_true", help="fail on unregistered elfproef numbers")
    a = ap.parse_args(argv)
    os.makedirs(a.out, exist_ok=True)
    for f in os.listdir(a.out):
        if re.fullmatch(r"msg-\d{3,4}\.eml", f):
            os.remove(os.path.join(a.out, f))
    plan = [(name, k) for name, n in PLAN for k in range(n)]
    random.Random(SEED).shuffle(plan)
    g = globals()
    rows = []
    problems_all = []
    for i, (name, k) in enumerate(plan, 1):
        rng = random.Random(f"{SEED}/{name}/{k}")
        ctx = Ctx(rng, i)
        fn = g[name]
        data = fn(ctx, k) if name in ("t_unscannable_v", "t_image", "t_bsn_placement") else fn(ctx)
        probs = verify(ctx)
        if probs:
            problems_all.append((i, name, k, probs))
        fname = f"msg-{i:03d}.eml"
        with open(os.path.join(a.out, fname), "wb") as fh:
            fh.write(data)
        L = ctx.labels
        kind = name.split("_", 1)[1].rstrip("_v")
        notes = ";".join(ctx.notes)
        rows.append(f"{fname}\t{L['bsn']}\t{L['health']}\t{L['personal']}\t{L['unscannable']}\t{notes}")
    with open(os.path.join(a.out, "labels.tsv"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write("file\tbsn\thealth\tpersonal\tunscannable\tnote\n")
        fh.write("\n".join(rows) + "\n")
    for p in problems_all:
        print("CHECK", *p, file=sys.stderr)
    print(f"wrote {len(rows)} messages to {a.out}", file=sys.stderr)
    if a.check and problems_all:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
