#!/usr/bin/env python3
"""Blind evaluation corpus: e-mail that a Dutch GP practice (huisartsenpraktijk) and the
people around it send or forward, labelled for bsn / health / personal / unscannable.

Written independently of the scanner (no access to its code, tests or tuning data).
Deterministic: a fixed seed; byte-identical output with the package versions in
requirements.txt and the DejaVu fonts installed (otherwise the bundled fallbacks are used,
which changes image/PDF bytes but no content or labels).

usage: python3 gen.py [--out DIR]      (default: the folder of this script)
"""
import argparse
import base64
import collections
import datetime as dt
import html
import io
import json
import os
import quopri
import random
import re
import struct
import unicodedata
import zipfile
import zlib
from email.header import Header
from email.utils import formataddr, format_datetime

SEED = 20250731
HERE = os.path.dirname(os.path.abspath(__file__))

# ----------------------------------------------------------------------------------------
# synthetic people
# ----------------------------------------------------------------------------------------
FIRST = {
    "nl": {"f": ["Sanne", "Anouk", "Femke", "Lotte", "Joke", "Ria", "Marieke", "Ilse", "Wilma", "Gerda",
                 "Annemiek", "Tineke", "Esther", "Lieke", "Noor", "Julia", "Fenna", "Hennie", "Truus", "Saskia",
                 "Tjitske", "Zoë", "Chloé", "Anaïs", "Renée", "Inge", "Marloes", "Sophie", "Emma", "Roos"],
           "m": ["Jan", "Pieter", "Daan", "Bram", "Wim", "Henk", "Kees", "Thijs", "Rutger", "Sjoerd", "Wouter",
                 "Gerrit", "Teun", "Joris", "Sven", "Bas", "Luuk", "Siebe", "Jelle", "Hendrik", "Cor", "Arjen",
                 "Noël", "René", "Ruben", "Niels", "Koen", "Mees", "Finn", "Sem"]},
    "tr": {"f": ["Ayşe", "Elif", "Hatice", "Zeynep", "Büşra", "Gülşen", "Fatma", "Emine", "Selin", "Merve"],
           "m": ["Mehmet", "Emre", "Mustafa", "Burak", "Yusuf", "Hüseyin", "Ömer", "Kemal", "Hakan", "Serkan"]},
    "ma": {"f": ["Fatima", "Khadija", "Naima", "Samira", "Ilham", "Malika", "Hanane", "Soumaya", "Yasmina", "Nora"],
           "m": ["Mohamed", "Youssef", "Said", "Hamza", "Soufiane", "Mustapha", "Abdelkader", "Karim", "Bilal", "Anouar"]},
    "sr": {"f": ["Shanti", "Dewi", "Sharon", "Priya", "Anjali", "Roshni", "Chantal", "Natasha", "Sunita", "Ingrid"],
           "m": ["Rajesh", "Ricardo", "Marvin", "Jermaine", "Ravi", "Dinesh", "Clyde", "Errol", "Sanjay", "Romano"]},
    "pl": {"f": ["Katarzyna", "Agnieszka", "Małgorzata", "Joanna", "Magdalena", "Ewa", "Zofia", "Anna"],
           "m": ["Piotr", "Tomasz", "Łukasz", "Krzysztof", "Paweł", "Marek", "Grzegorz", "Jakub"]},
    "ot": {"f": ["Thi Lan", "Mei", "Amina", "Olga", "Lucía", "Niamh", "Hoa", "Leila"],
           "m": ["Minh", "Wei", "Tariq", "Dmitri", "Mateo", "Aidan", "Kofi", "Arash"]},
}
LAST = {
    "nl": [("de", "Vries"), ("van den", "Berg"), ("van 't", "Hof"), ("van der", "Meer"), ("de", "Jong"),
           ("", "Bakker"), ("", "Jansen"), ("", "Visser"), ("", "Smit"), ("", "Meijer"), ("", "Mulder"),
           ("de", "Boer"), ("", "Dekker"), ("van", "Dijk"), ("", "Brouwer"), ("", "Hendriks"), ("ter", "Horst"),
           ("in 't", "Veld"), ("van de", "Wetering"), ("", "Kuipers"), ("", "Hoekstra"), ("van", "Beek"),
           ("", "Postma"), ("", "Wijnands"), ("", "Schouten"), ("van der", "Linden"), ("", "Verhoeven"),
           ("den", "Hartog"), ("", "Groenewegen"), ("op de", "Beek"), ("", "Scholten"), ("van", "Rooij"),
           ("", "Bosch"), ("", "Koopmans"), ("ten", "Cate"), ("", "IJzerman"), ("", "Sijbrandij"),
           ("van", "Wijk"), ("de", "Groot"), ("", "Timmermans")],
    "tr": [("", "Yılmaz"), ("", "Kaya"), ("", "Demir"), ("", "Şahin"), ("", "Çelik"), ("", "Öztürk"),
           ("", "Aydın"), ("", "Doğan"), ("", "Koç"), ("", "Arslan")],
    "ma": [("El", "Amrani"), ("", "Bouzid"), ("", "Benali"), ("El", "Idrissi"), ("Ait", "Taleb"),
           ("", "Ouali"), ("", "Chaouch"), ("", "Haddou"), ("", "Bakkali"), ("El", "Khattabi")],
    "sr": [("", "Ramdin"), ("", "Sewnath"), ("", "Baldewsingh"), ("", "Kartosen"), ("", "Soekhoe"),
           ("", "Pinas"), ("", "Doorson"), ("", "Mahabier"), ("", "Jhinkoe-Rai"), ("", "Tjon A Fong"),
           ("", "Sitaldin"), ("", "Wongsodikromo")],
    "pl": [("", "Kowalski/Kowalska"), ("", "Nowak"), ("", "Wiśniewski/Wiśniewska"), ("", "Wójcik"),
           ("", "Zieliński/Zielińska"), ("", "Lewandowski/Lewandowska"), ("", "Dąbrowski/Dąbrowska")],
    "ot": [("", "Nguyen"), ("", "Chen"), ("", "Haddad"), ("", "Petrova"), ("", "García"), ("", "O'Brien"),
           ("", "Tran"), ("", "Mensah"), ("", "Rahimi")],
}
ORIGIN_W = [("nl", 50), ("tr", 11), ("ma", 11), ("sr", 10), ("pl", 8), ("ot", 10)]

STREETS = ["Kerkstraat", "Dorpsstraat", "Molenweg", "Lindenlaan", "Beatrixstraat", "Julianalaan",
           "Van Goghstraat", "Burgemeester de Withstraat", "Eikenlaan", "Hoofdstraat", "Stationsweg",
           "Oude Gracht", "Mr. Troelstraweg", "Rozengracht", "Populierenlaan", "Prinses Irenestraat",
           "Vondellaan", "Zonnebloemstraat", "Merelstraat", "Kastanjelaan", "Schoolstraat", "Nieuwe Binnenweg",
           "Jan van Galenstraat", "Admiraal de Ruijterweg", "Tolsteegsingel", "Amsterdamsestraatweg",
           "Kanaalweg", "Händelstraat", "Sint Jorisstraat", "Ds. Kuyperlaan", "Rijnkade", "Boerhaavelaan",
           "Ekkersrijt", "Wilhelminapark", "Laan van Nieuw Oost-Indië", "Keizersgracht", "Grote Markt",
           "Esdoornstraat", "Prins Bernhardlaan", "Weegbreestraat"]
CITIES = [("Utrecht", 3511, 3585), ("Amersfoort", 3811, 3829), ("Zeist", 3701, 3709), ("Houten", 3991, 3997),
          ("Nieuwegein", 3431, 3439), ("Amsterdam", 1011, 1109), ("Rotterdam", 3011, 3089),
          ("Den Haag", 2491, 2597), ("Leiden", 2311, 2334), ("Haarlem", 2011, 2037), ("Groningen", 9711, 9747),
          ("Zwolle", 8011, 8043), ("Eindhoven", 5611, 5658), ("Tilburg", 5011, 5049), ("Breda", 4811, 4839),
          ("Nijmegen", 6511, 6546), ("Arnhem", 6811, 6846), ("Leeuwarden", 8911, 8941), ("Almere", 1311, 1364),
          ("Gouda", 2801, 2809), ("Veendam", 9641, 9649), ("Heerlen", 6411, 6443), ("Deventer", 7411, 7429),
          ("Lelystad", 8211, 8245)]
PC_LETTERS = "ABCEGHJKLMNPRTVWXZ"
MAIL_DOMAINS = ["mail.example", "ziggo.example", "kpnmail.example", "hotmail.example", "home.test",
                "planet.example", "icloud.example", "xs4all.example"]

NL_MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
             "oktober", "november", "december"]
EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December"]
NL_DAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
EN_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def ascii_fold(s):
    s = s.replace("ı", "i").replace("ł", "l").replace("Ł", "L").replace("'", "").replace(" ", "")
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()


def elf_ok(num):
    d = [int(x) for x in num]
    return len(d) == 9 and (sum(w * x for w, x in zip(range(9, 1, -1), d[:8])) - d[8]) % 11 == 0


def elf_number(rng, first_digits="123456789", prefix=""):
    """9 digits that pass the elfproef (used both for BSNs and for look-alike other numbers)."""
    while True:
        s = prefix + rng.choice(first_digits) if not prefix else prefix
        while len(s) < 8:
            s += str(rng.randrange(10))
        tot = sum(w * int(x) for w, x in zip(range(9, 1, -1), s))
        d9 = tot % 11
        if d9 == 10:
            if prefix:
                prefix = prefix[:-1] if len(prefix) > 1 else ""
            continue
        n = s + str(d9)
        if elf_ok(n):
            return n


def non_elf_number(rng):
    while True:
        n = str(rng.randrange(100000000, 999999999))
        if not elf_ok(n):
            return n


def fmt_bsn(n, style):
    if style == "dots4":
        return f"{n[:4]}.{n[4:6]}.{n[6:]}"
    if style == "dots":
        return f"{n[:3]}.{n[3:6]}.{n[6:]}"
    if style == "spaces":
        return f"{n[:3]} {n[3:6]} {n[6:]}"
    if style == "dashes":
        return f"{n[:3]}-{n[3:6]}-{n[6:]}"
    return n


def iban(rng, bank=None):
    bank = bank or rng.choice(["ABNA", "INGB", "RABO", "TRIO", "SNSB", "KNAB", "BUNQ"])
    acct = "".join(str(rng.randrange(10)) for _ in range(10))
    conv = "".join(str(ord(ch) - 55) for ch in bank) + acct + "232100"  # N=23 L=21 + '00'
    chk = 98 - int(conv) % 97
    s = f"NL{chk:02d}{bank}{acct}"
    return " ".join(s[i:i + 4] for i in range(0, len(s), 4))


class Person:
    def __init__(self, rng, sex=None, age=(18, 88), origin=None, today=dt.date(2025, 3, 1)):
        self.origin = origin or rng.choices([o for o, _ in ORIGIN_W], [w for _, w in ORIGIN_W])[0]
        self.sex = sex or rng.choice("fm")
        self.first = rng.choice(FIRST[self.origin][self.sex])
        tv, last = rng.choice(LAST[self.origin])
        if "/" in last:
            last = last.split("/")[1 if self.sex == "f" else 0]
        self.tv, self.last = tv, last
        if self.origin != "nl" and rng.random() < 0.15:  # married name, Dutch partner
            self.tv, self.last = rng.choice(LAST["nl"])
        years = rng.randint(*age)
        self.dob = today - dt.timedelta(days=years * 365 + rng.randrange(365))
        self.age = (today - self.dob).days // 365
        self.street = rng.choice(STREETS)
        nr = str(rng.randint(1, 240))
        r = rng.random()
        if r < 0.12:
            nr += rng.choice("abc")
        elif r < 0.18:
            nr += "-" + rng.choice(["I", "II", "III", "bis", "hs", "2"])
        elif r < 0.22:
            nr += " " + rng.choice(["A", "B", "bis", "rd"])
        self.nr = nr
        self.city, lo, hi = rng.choice(CITIES)
        self.pc = f"{rng.randint(lo, hi)} {rng.choice(PC_LETTERS)}{rng.choice(PC_LETTERS)}"
        self.phone_digits = "6" + str(rng.randint(1, 9)) + "".join(str(rng.randrange(10)) for _ in range(7))
        self.bsn = elf_number(rng)
        self.patnr = str(rng.randint(10000, 999999))
        self.email = (ascii_fold(self.first).lower().split()[0] + rng.choice([".", "_", ""]) +
                      ascii_fold(self.tv + self.last).lower() + rng.choice(["", str(rng.randint(1, 99)),
                                                                             str(self.dob.year)[2:]]) +
                      "@" + rng.choice(MAIL_DOMAINS))
        self.initials = "".join(p[0] + "." for p in self.first.replace("-", " ").split())

    # --- name forms ---
    @property
    def surname(self):
        return f"{self.tv} {self.last}".strip()

    @property
    def Surname(self):  # capitalised tussenvoegsel when no first name/initials precede it
        if not self.tv:
            return self.last
        tv = self.tv
        return (tv[0].upper() + tv[1:]) + " " + self.last

    @property
    def full(self):
        return f"{self.first} {self.surname}"

    def formal(self, lang="nl", style=0):
        if lang == "en":
            t = "Ms" if self.sex == "f" else "Mr"
            return [f"{t} {self.Surname}", f"{t}. {self.initials} {self.surname}", f"{self.full}"][style % 3]
        t = [("mevrouw", "de heer"), ("mw.", "dhr."), ("Mevr.", "Dhr."), ("Mw.", "Hr.")][style % 4]
        return f"{t[0] if self.sex == 'f' else t[1]} {self.initials} {self.surname}"

    def sortname(self):
        return f"{self.last}, {self.initials}{(' ' + self.tv) if self.tv else ''}"

    @property
    def address(self):
        return f"{self.street} {self.nr}"

    def phone(self, style=0):
        d = self.phone_digits
        return [f"06-{d[1:]}", f"06 {d[1:5]} {d[5:]}", f"+31 6 {d[1:]}", f"06{d[1:]}", f"06 - {d[1:3]} {d[3:5]} {d[5:7]} {d[7:]}"][style % 5]


def dfmt(d, style="dmy"):
    if style == "dmy":
        return f"{d.day:02d}-{d.month:02d}-{d.year}"
    if style == "dmy1":
        return f"{d.day}-{d.month}-{d.year}"
    if style == "dot":
        return f"{d.day:02d}.{d.month:02d}.{d.year}"
    if style == "slash":
        return f"{d.day:02d}/{d.month:02d}/{d.year}"
    if style == "nl":
        return f"{d.day} {NL_MONTHS[d.month - 1]} {d.year}"
    if style == "en":
        return f"{d.day} {EN_MONTHS[d.month - 1]} {d.year}"
    if style == "enus":
        return f"{EN_MONTHS[d.month - 1]} {d.day}, {d.year}"
    if style == "iso":
        return d.isoformat()
    if style == "hl7":
        return d.strftime("%Y%m%d")
    raise ValueError(style)


# ----------------------------------------------------------------------------------------
# practices, staff and other organisations (senders; not third-party data)
# ----------------------------------------------------------------------------------------
PRACTICES = [
    dict(name="Huisartsenpraktijk De Linde", dom="praktijk-delinde.nl", street="Lindeplein 4", pc="3582 KT", city="Utrecht", tel="030-2514477"),
    dict(name="Huisartsen Oudwijk", dom="praktijk-oudwijk.nl", street="Oudwijkerveldstraat 61", pc="3581 JK", city="Utrecht", tel="030-2712090"),
    dict(name="Gezondheidscentrum De Zeven Linden", dom="praktijk-zevenlinden.nl", street="Slotlaan 120", pc="3701 GD", city="Zeist", tel="030-6921845"),
    dict(name="Huisartsenpraktijk Het Anker", dom="praktijk-hetanker.nl", street="Havenstraat 9", pc="3811 BR", city="Amersfoort", tel="033-4610282"),
    dict(name="Huisartsen Zuiderpark", dom="praktijk-zuiderpark.nl", street="Anthonie Duyklaan 3", pc="2532 VB", city="Den Haag", tel="070-3804411"),
    dict(name="Huisartsenpraktijk Maasoever", dom="praktijk-maasoever.nl", street="Boompjes 212", pc="3011 XZ", city="Rotterdam", tel="010-4136620"),
    dict(name="Huisartsenpraktijk Van den Bosch & Arslan", dom="praktijk-bosch-arslan.nl", street="Dorpsstraat 88", pc="3991 CG", city="Houten", tel="030-6373311"),
    dict(name="Huisartsenpraktijk De Boomgaard", dom="praktijk-deboomgaard.nl", street="Appelhof 2", pc="9642 BN", city="Veendam", tel="0598-612345"),
]
STAFF = {
    "gp": ["Marloes Verbeek", "Pieter-Jan de Graaf", "Ingrid Sluijter", "Hasan Arslan", "Nadia Bennani",
           "Joost van Leeuwen", "Karin Hoekstra", "Sandeep Ramsaran", "Eva Kramer", "Bart Nijland", "Lieke Dam"],
    "assist": ["Debby Vermeulen", "Sanne Koster", "Monique Smits", "Yasmina Ouahabi", "Jolanda Peters",
               "Tamara de Wit", "Kim Hofman"],
    "poh": ["Ruud Bosman", "Esra Güler", "Anne-Fleur Dijkstra", "Gerda Bloem"],
    "pm": ["Ellen Vos", "Marco Jacobs", "Petra Lammers"],
}
ROLE_NL = {"gp": "huisarts", "assist": "doktersassistente", "poh": "praktijkondersteuner GGZ", "pm": "praktijkmanager"}
ROLE_EN = {"gp": "general practitioner", "assist": "practice assistant", "poh": "mental health nurse (POH-GGZ)", "pm": "practice manager"}

HOSPITALS = [("Ziekenhuis Eemland", "ziekenhuis-eemland.test"), ("Rivierenland Ziekenhuis", "ziekenhuis-rivierenland.test"),
             ("Ziekenhuis Noordrand", "ziekenhuis-noordrand.test"), ("St. Joris Gasthuis", "ziekenhuis-stjoris.test"),
             ("Medisch Centrum Haaglanden-Zuid", "ziekenhuis-haaglandenzuid.test")]
SPECS = {
    "cardiologie": ("cardioloog", "cardiology", "cardiologist"),
    "dermatologie": ("dermatoloog", "dermatology", "dermatologist"),
    "orthopedie": ("orthopeed", "orthopaedics", "orthopaedic surgeon"),
    "neurologie": ("neuroloog", "neurology", "neurologist"),
    "MDL": ("MDL-arts", "gastroenterology", "gastroenterologist"),
    "gynaecologie": ("gynaecoloog", "gynaecology", "gynaecologist"),
    "KNO": ("KNO-arts", "ENT", "ENT specialist"),
    "longziekten": ("longarts", "respiratory medicine", "chest physician"),
    "urologie": ("uroloog", "urology", "urologist"),
    "interne geneeskunde": ("internist", "internal medicine", "internist"),
    "reumatologie": ("reumatoloog", "rheumatology", "rheumatologist"),
    "kindergeneeskunde": ("kinderarts", "paediatrics", "paediatrician"),
}
PT_DOM = None  # placeholder


def practice_staff(rng, role, pr):
    name = rng.choice(STAFF[role])
    local = ascii_fold(name.split()[0]).lower() if role != "gp" else ascii_fold(name.split()[-1]).lower()
    return name, f"{local}@{pr['dom']}"

# ----------------------------------------------------------------------------------------
# medical vocabulary
# ----------------------------------------------------------------------------------------
COND = [
    dict(icpc="T90", nl="Diabetes mellitus type 2", en="type 2 diabetes mellitus",
         meds=["metformine 500 mg 2dd1", "gliclazide 80 mg 1dd1", "metformine 1000 mg 2dd1"], labs=["HbA1c", "glucose", "egfr"]),
    dict(icpc="K86", nl="Hypertensie zonder orgaanbeschadiging", en="essential hypertension",
         meds=["amlodipine 5 mg 1dd1", "lisinopril 10 mg 1dd1", "hydrochloorthiazide 12,5 mg 1dd1"], labs=["kalium", "kreat", "egfr"]),
    dict(icpc="R96", nl="Astma", en="asthma", meds=["salbutamol aerosol 100 mcg zo nodig", "fluticason/salmeterol 250/50 2dd1"], labs=[]),
    dict(icpc="R95", nl="COPD", en="COPD", meds=["tiotropium 18 mcg 1dd1", "salbutamol 100 mcg zn", "prednisolon 30 mg 1dd1 5 dagen"], labs=[]),
    dict(icpc="P76", nl="Depressie", en="depressive disorder", meds=["sertraline 50 mg 1dd1", "citalopram 20 mg 1dd1", "mirtazapine 15 mg a.n."], labs=[]),
    dict(icpc="P74", nl="Angststoornis", en="anxiety disorder", meds=["sertraline 50 mg 1dd1", "oxazepam 10 mg zo nodig"], labs=[]),
    dict(icpc="L03", nl="Lage rugpijn zonder uitstraling", en="low back pain", meds=["paracetamol 500 mg max 6dd2", "naproxen 250 mg 2dd1"], labs=[]),
    dict(icpc="K77", nl="Decompensatio cordis", en="heart failure", meds=["furosemide 40 mg 1dd1", "metoprolol 50 mg retard 1dd1"], labs=["ntprobnp", "kalium", "natrium"]),
    dict(icpc="K78", nl="Atriumfibrilleren/-fladderen", en="atrial fibrillation", meds=["apixaban 5 mg 2dd1", "metoprolol 50 mg 1dd1"], labs=["kreat", "egfr"]),
    dict(icpc="D84", nl="Refluxziekte oesofagus", en="gastro-oesophageal reflux disease", meds=["omeprazol 20 mg 1dd1", "pantoprazol 40 mg 1dd1"], labs=[]),
    dict(icpc="S87", nl="Constitutioneel eczeem", en="atopic eczema", meds=["triamcinolonacetonide crème 0,1%", "cetomacrogolcrème"], labs=[]),
    dict(icpc="N89", nl="Migraine", en="migraine", meds=["sumatriptan 50 mg zo nodig", "propranolol 40 mg 2dd1"], labs=[]),
    dict(icpc="T93", nl="Lipidenstofwisselingsstoornis", en="hypercholesterolaemia", meds=["atorvastatine 20 mg 1dd1", "simvastatine 40 mg a.n."], labs=["ldl", "chol"]),
    dict(icpc="T86", nl="Hypothyreoïdie/myxoedeem", en="hypothyroidism", meds=["levothyroxine 75 mcg 1dd1", "levothyroxine 100 mcg 1dd1"], labs=["tsh", "ft4"]),
    dict(icpc="B80", nl="IJzergebreksanemie", en="iron deficiency anaemia", meds=["ferrofumaraat 200 mg 1dd1"], labs=["hb", "ferritine"]),
    dict(icpc="P15", nl="Chronisch alcoholmisbruik", en="alcohol use disorder", meds=["thiamine 100 mg 1dd1"], labs=["ggt", "alat", "mcv"]),
    dict(icpc="L89", nl="Artrose heup", en="osteoarthritis of the hip", meds=["paracetamol 1000 mg 3dd1", "diclofenac 50 mg 2dd1"], labs=[]),
    dict(icpc="U71", nl="Cystitis/urineweginfectie", en="urinary tract infection", meds=["nitrofurantoïne 100 mg 2dd1 5 dagen", "fosfomycine 3 g eenmalig"], labs=[]),
    dict(icpc="P70", nl="Dementie", en="dementia", meds=["rivastigmine pleister 4,6 mg/24 uur"], labs=["b12"]),
    dict(icpc="L88", nl="Reumatoïde artritis", en="rheumatoid arthritis", meds=["methotrexaat 15 mg 1x per week", "foliumzuur 5 mg 1x per week"], labs=["bse", "crp"]),
    dict(icpc="K74", nl="Angina pectoris", en="angina pectoris", meds=["nitroglycerine spray 0,4 mg zo nodig", "acetylsalicylzuur 80 mg 1dd1"], labs=["ldl"]),
]
LABS = {
    "HbA1c": ("HbA1c", "mmol/mol", 44, 82, 0, "< 53"),
    "glucose": ("Glucose nuchter", "mmol/L", 5.9, 11.8, 1, "4,0 - 6,9"),
    "egfr": ("eGFR (CKD-EPI)", "ml/min/1,73m²", 28, 88, 0, "> 60"),
    "kreat": ("Kreatinine", "µmol/L", 68, 168, 0, "50 - 110"),
    "kalium": ("Kalium", "mmol/L", 3.1, 5.9, 1, "3,5 - 5,0"),
    "natrium": ("Natrium", "mmol/L", 128, 144, 0, "135 - 145"),
    "ldl": ("LDL-cholesterol", "mmol/L", 2.1, 5.2, 1, "< 2,6"),
    "chol": ("Totaal cholesterol", "mmol/L", 4.2, 7.9, 1, "< 5,0"),
    "tsh": ("TSH", "mU/L", 0.2, 14.0, 1, "0,4 - 4,0"),
    "ft4": ("Vrij T4", "pmol/L", 7.0, 24.0, 1, "10 - 23"),
    "hb": ("Hemoglobine", "mmol/L", 5.9, 9.4, 1, "7,5 - 10,0"),
    "ferritine": ("Ferritine", "µg/L", 5, 180, 0, "15 - 150"),
    "ggt": ("Gamma-GT", "U/L", 40, 260, 0, "< 55"),
    "alat": ("ALAT", "U/L", 18, 140, 0, "< 45"),
    "mcv": ("MCV", "fL", 82, 104, 0, "80 - 100"),
    "b12": ("Vitamine B12", "pmol/L", 90, 420, 0, "> 145"),
    "bse": ("BSE", "mm/uur", 4, 62, 0, "< 20"),
    "crp": ("CRP", "mg/L", 1, 96, 0, "< 10"),
    "ntprobnp": ("NT-proBNP", "ng/L", 90, 2400, 0, "< 125"),
    "psa": ("PSA", "µg/L", 0.6, 12.0, 1, "< 4,0"),
    "inr": ("INR", "", 1.6, 4.8, 1, "2,0 - 3,0"),
    "vitd": ("Vitamine D (25-OH)", "nmol/L", 18, 95, 0, "> 50"),
    "leuco": ("Leukocyten", "x10^9/L", 3.5, 16.0, 1, "4,0 - 10,0"),
}
LAB_EN = {"Glucose nuchter": "Fasting glucose", "Kreatinine": "Creatinine", "Kalium": "Potassium", "Natrium": "Sodium",
          "Totaal cholesterol": "Total cholesterol", "Vrij T4": "Free T4", "Hemoglobine": "Haemoglobin",
          "Ferritine": "Ferritin", "Vitamine B12": "Vitamin B12", "BSE": "ESR", "Leukocyten": "Leukocytes",
          "Vitamine D (25-OH)": "Vitamin D (25-OH)"}


def lab_value(rng, key, lang="nl"):
    name, unit, lo, hi, dec, ref = LABS[key]
    v = rng.uniform(lo, hi)
    s = f"{v:.{dec}f}"
    if lang == "nl":
        s = s.replace(".", ",")
    else:
        name = LAB_EN.get(name, name)
        ref = ref.replace(",", ".")
        unit = unit.replace(",", ".")
    return name, s, unit, ref


REFERRALS = [
    ("cardiologie", "pijn op de borst bij inspanning sinds ca. 6 weken, ECG in de praktijk: ST-depressie in V4-V6",
     "exertional chest pain for about six weeks; ECG in practice shows ST depression in V4-V6", "K74"),
    ("dermatologie", "verdachte gepigmenteerde laesie linkerschouder, asymmetrisch en groeiend sinds 3 maanden",
     "suspicious pigmented lesion on the left shoulder, asymmetric and growing over 3 months", "S80"),
    ("orthopedie", "persisterende knieklachten rechts na distorsietrauma met slotklachten, conservatief beleid onvoldoende effect",
     "persistent right knee pain with locking after a twisting injury; physiotherapy has not helped", "L96"),
    ("neurologie", "progressieve tintelingen en krachtsverlies beide handen, 's nachts erger; verdenking carpaletunnelsyndroom",
     "progressive tingling and weakness in both hands, worse at night; suspected carpal tunnel syndrome", "N93"),
    ("MDL", "rectaal bloedverlies en veranderd defecatiepatroon sinds 2 maanden, FIT-test positief",
     "rectal blood loss and change in bowel habit for 2 months, positive FIT", "D16"),
    ("gynaecologie", "postmenopauzaal bloedverlies, eenmalig, geen anticoagulantia",
     "postmenopausal bleeding, single episode, no anticoagulants", "X12"),
    ("KNO", "eenzijdig perceptief gehoorverlies links met tinnitus, audiogram in de praktijk afwijkend",
     "unilateral sensorineural hearing loss on the left with tinnitus", "H86"),
    ("longziekten", "hemoptoë bij roker (35 pakjaren), gewichtsverlies 4 kg",
     "haemoptysis in a smoker (35 pack years), weight loss of 4 kg", "R24"),
    ("urologie", "PSA opgelopen van 3,1 naar 7,8 µg/L in een jaar, mictieklachten",
     "PSA rising from 3.1 to 7.8 µg/L within a year, lower urinary tract symptoms", "Y77"),
    ("interne geneeskunde", "onbegrepen gewichtsverlies van 7 kg in 3 maanden en microcytaire anemie",
     "unexplained weight loss of 7 kg in 3 months with microcytic anaemia", "T08"),
    ("reumatologie", "ochtendstijfheid langer dan een uur en gezwollen MCP-gewrichten beiderzijds, CRP 34 mg/L",
     "morning stiffness over an hour and swollen MCP joints on both sides, CRP 34 mg/L", "L88"),
    ("kindergeneeskunde", "groeiachterstand (daling van -0,5 naar -2 SD) en recidiverende buikpijn",
     "growth faltering (from -0.5 to -2 SD) and recurrent abdominal pain", "T10"),
]
ALLERGIES = ["penicilline", "amoxicilline", "sulfonamiden", "NSAID's", "pleisters", "jodiumhoudend contrast", "geen bekend"]
ALLERGIES_EN = ["penicillin", "amoxicillin", "sulfonamides", "NSAIDs", "plasters", "iodine contrast", "none known"]
SCHOOLS = ["OBS De Regenboog", "CBS Het Kompas", "IKC De Vlinder", "Montessorischool Oost", "Daltonschool De Wieken",
           "SBO De Zonnewijzer", "Het Baken VMBO", "RSG Tromp Meesters", "Christelijk Lyceum Zeist", "Basisschool Al Amana"]
GGZ_ORGS = [("GGZ Heuvelrug", "ggz-heuvelrug.example"), ("Basis-GGZ Praktijk Kompas", "basisggz-kompas.example"),
            ("Psychiatrisch Centrum De Brug", "ggz-debrug.test"), ("Verslavingszorg Midden", "verslavingszorg-midden.example")]


# ----------------------------------------------------------------------------------------
# MIME building (hand-rolled for exact control over encodings and line endings)
# ----------------------------------------------------------------------------------------
def leaf(headers, body):
    return {"h": list(headers), "b": body}


def enc_hdr(s):
    try:
        s.encode("ascii")
        return s
    except UnicodeEncodeError:
        return Header(s, "utf-8").encode()


def addr(name, email):
    if not name:
        return email
    return formataddr((name, email), charset="utf-8")


def encode_body(text, cs, cte):
    raw = text.encode(cs)
    if cte == "quoted-printable":
        body = quopri.encodestring(raw)
    elif cte == "base64":
        body = base64.encodebytes(raw)
    else:
        body = raw
    return body


def tpart(text, sub="plain", cs="utf-8", cte="quoted-printable", extra=()):
    if not text.endswith("\n"):
        text += "\n"
    h = [("Content-Type", f'text/{sub}; charset="{cs}"'), ("Content-Transfer-Encoding", cte)]
    return leaf(h + list(extra), encode_body(text, cs, cte))


def fname_params(fname, style):
    if style == "rfc2231":
        from urllib.parse import quote
        return f"filename*=utf-8''{quote(fname)}", f"name*=utf-8''{quote(fname)}"
    if style == "rfc2047":
        e = Header(fname, "utf-8").encode().replace("\n", "")
        return f'filename="{e}"', f'name="{e}"'
    try:
        fname.encode("ascii")
        return f'filename="{fname}"', f'name="{fname}"'
    except UnicodeEncodeError:
        return fname_params(fname, "rfc2231")


def att(data, ctype, fname, cte="base64", style="plain", inline=False, ctparams=""):
    fp, np_ = fname_params(fname, style) if fname else ("", "")
    ct = ctype + (f"; {ctparams}" if ctparams else "") + (f"; {np_}" if fname else "")
    h = [("Content-Type", ct)]
    if cte:
        h.append(("Content-Transfer-Encoding", cte))
    if fname:
        h.append(("Content-Disposition", ("inline" if inline else "attachment") + f"; {fp}"))
    if cte == "base64":
        body = base64.encodebytes(data)
    elif cte == "quoted-printable":
        body = quopri.encodestring(data)
    else:
        body = data
    return leaf(h, body)


def rfc822_part(msg_bytes, fname=None):
    h = [("Content-Type", "message/rfc822" + (f'; name="{fname}"' if fname else ""))]
    if fname:
        h.append(("Content-Disposition", f'attachment; filename="{fname}"'))
    try:
        msg_bytes.decode("ascii")
    except UnicodeDecodeError:
        h.append(("Content-Transfer-Encoding", "8bit"))
    return leaf(h, msg_bytes)


def ser(p):
    out = bytearray()
    for k, v in p["h"]:
        out += f"{k}: {v}\n".encode("ascii")
    out += b"\n"
    if "parts" in p:
        bd = p["bd"]
        if p.get("preamble"):
            out += p["preamble"].encode() + b"\n"
        for sp in p["parts"]:
            out += f"\n--{bd}\n".encode()
            out += ser(sp)
        out += f"\n--{bd}--\n".encode()
    else:
        b = p["b"]
        out += b
    return bytes(out)


class Ctx:
    """Per-message state: rng, language, labels, tags and the entities placed in the message."""

    CLIENTS = [
        ("outlook", [("X-Mailer", "Microsoft Outlook 16.0")], "_{:03d}_AM0PR{:02d}MB{:04d}{:08X}_"),
        ("outlook-web", [("X-MS-Has-Attach", ""), ("X-MS-TNEF-Correlator", "")], "_{:03d}_DB9PR{:02d}MB{:04d}{:08X}_"),
        ("thunderbird", [("User-Agent", "Mozilla Thunderbird")], "------------{:03d}{:02d}{:04d}{:08X}"),
        ("apple", [("X-Mailer", "iPhone Mail (21E236)")], "Apple-Mail-{:03d}{:02d}{:04d}-{:08X}"),
        ("gmail", [], "000000000000{:03d}{:02d}{:04d}{:08x}"),
        ("his", [("X-Mailer", "HIS-koppeling 4.2 (Zorgmail-bridge)")], "=_HIS_{:03d}.{:02d}.{:04d}.{:08X}"),
    ]

    def __init__(self, rng, lang="nl", lf=False):
        self.rng = rng
        self.lang = lang
        self.lf = lf
        self.lab = dict(bsn=0, health=0, personal=0, unscannable=0)
        self.tags = []
        self.ents = []
        self.client = rng.choice(self.CLIENTS)
        self.pr = rng.choice(PRACTICES)
        y = rng.choice([2024, 2025])
        mo = rng.randint(9, 12) if y == 2024 else rng.randint(1, 6)
        self.now = dt.datetime(y, mo, rng.randint(1, 28), rng.randint(7, 18), rng.randint(0, 59), rng.randint(0, 59),
                               tzinfo=dt.timezone(dt.timedelta(hours=2 if 4 <= mo <= 10 else 1)))
        self.today = self.now.date()

    # labels, tags, entities
    def mark(self, **kw):
        for k, v in kw.items():
            if v:
                self.lab[k] = 1

    def tag(self, *t):
        for x in t:
            if x and x not in self.tags:
                self.tags.append(x)

    def e(self, kind, text):
        text = str(text)
        if (kind, text) not in self.ents:
            self.ents.append((kind, text))
        return text

    # convenience generators
    def person(self, charset=None, **kw):
        for _ in range(200):
            p = Person(self.rng, today=self.today, **kw)
            if charset is None:
                return p
            try:
                (p.full + p.address + p.city).encode(charset)
                return p
            except UnicodeEncodeError:
                continue
        raise RuntimeError("no person")

    def choice(self, seq):
        return self.rng.choice(seq)

    def cycle(self, n):
        """rotate sub-styles over the instances of one recipe, so that every style is present."""
        self.cyc = getattr(self, "cyc", 0) + 1
        return (self.k + self.cyc - 1) % n

    def chance(self, p):
        return self.rng.random() < p

    def bd(self):
        fmt = self.client[2]
        r = self.rng
        return fmt.format(r.randrange(1000), r.randrange(100), r.randrange(10000), r.getrandbits(32))

    def multi(self, sub, parts, preamble=False):
        return {"h": [("Content-Type", f'multipart/{sub}; boundary="{self.bd()}"')], "parts": parts,
                "bd": None, "preamble": "This is a multi-part message in MIME format." if preamble else ""}

    def days(self, a, b):
        return self.today + dt.timedelta(days=self.rng.randint(a, b))

    def date_str(self, d, style=None):
        style = style or self.choice(["dmy", "dmy", "dmy1", "nl", "dot"] if self.lang == "nl" else ["slash", "en", "en", "dmy"])
        return dfmt(d, style)

    def bsn_text(self, p, style=None):
        style = style or self.choice(["plain"] * 6 + ["dots", "dots4", "spaces", "dashes"])
        t = fmt_bsn(p.bsn, style)
        self.tag({"plain": "", "dots": "bsn-dots", "dots4": "bsn-dots", "spaces": "bsn-spaces", "dashes": "bsn-dashes"}[style])
        self.mark(bsn=1)
        return self.e("bsn", t)

    def body_enc(self, text, force=None):
        """Pick a charset/transfer encoding; returns (charset, cte) and tags it."""
        opts = [("utf-8", "quoted-printable", 34), ("utf-8", "base64", 14), ("utf-8", "8bit", 14),
                ("iso-8859-1", "quoted-printable", 18), ("windows-1252", "quoted-printable", 10),
                ("windows-1252", "8bit", 10)]
        if force:
            cs, cte = force
        else:
            cs, cte = self.rng.choices([(a, b) for a, b, _ in opts], [w for *_, w in opts])[0]
        try:
            text.encode(cs)
        except UnicodeEncodeError:
            cs = "utf-8"
        try:
            text.encode("ascii")
            if cte == "8bit":
                cte = "7bit"
        except UnicodeEncodeError:
            pass
        short = {"quoted-printable": "qp", "base64": "b64", "8bit": "8bit", "7bit": "7bit"}[cte]
        self.tag(f"{cs}-{short}")
        return cs, cte

    def text(self, text, sub="plain", force=None):
        cs, cte = self.body_enc(text, force)
        return tpart(text, sub, cs, cte)

    def alt(self, text, htm=None, force=None):
        """multipart/alternative with a plain and an HTML rendering."""
        htm = htm or text_to_html(text)
        self.tag("multipart-alt")
        cs, cte = self.body_enc(text + htm, force)
        return self.multi("alternative", [tpart(text, "plain", cs, cte), tpart(htm, "html", cs, cte)])

    def mail(self, frm, to, subject, root, cc=None, extra=(), date=None, reply=False, inner=False):
        r = self.rng
        date = date or self.now
        dom = frm[1].split("@")[1]
        h = [("From", addr(*frm)), ("To", ", ".join(addr(*t) for t in to))]
        if cc:
            h.append(("Cc", ", ".join(addr(*t) for t in cc)))
        h += [("Subject", enc_hdr(subject)), ("Date", format_datetime(date)),
              ("Message-ID", f"<{r.getrandbits(64):016x}.{r.getrandbits(32):08x}@{dom}>")]
        if reply:
            h.append(("In-Reply-To", f"<{r.getrandbits(64):016x}@{r.choice(['mail.example', dom])}>"))
        h += list(self.client[1]) + list(extra) + [("MIME-Version", "1.0")]
        if self.lang == "nl" and self.client[0].startswith("outlook"):
            h.append(("Content-Language", "nl-NL"))
        finalize(root)
        root = dict(root)
        root["h"] = h + root["h"]
        return ser(root) if inner else self.finish(ser(root))

    def finish(self, data):
        if self.lf:
            self.tag("lf-only")
            return data
        return data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


def finalize(p, rng_counter=[0]):
    """give every multipart a boundary that does not collide with nested ones."""
    if "parts" in p:
        if p["bd"] is None:
            m = re.search(r'boundary="([^"]+)"', p["h"][0][1])
            p["bd"] = m.group(1)
        for sp in p["parts"]:
            finalize(sp)


def text_to_html(text, style=0):
    paras = [html.escape(x).replace("\n", "<br>\n") for x in text.strip().split("\n\n")]
    font = ["Calibri, sans-serif", "Arial, Helvetica, sans-serif", "Verdana, sans-serif"][style % 3]
    body = "\n".join(f"<p>{x}</p>" for x in paras)
    return (f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head>\n'
            f'<body style="font-family: {font}; font-size: 11pt">\n{body}\n</body></html>\n')


def quote_lines(text):
    return "\n".join(("> " + l) if l else ">" for l in text.rstrip("\n").split("\n"))


def quoted_header(c, name, email, when, lang=None, style=None):
    lang = lang or c.lang
    style = style if style is not None else c.rng.randrange(3)
    if lang == "nl":
        if style == 0:
            return f"Op {NL_DAYS[when.weekday()]} {when.day} {NL_MONTHS[when.month - 1]} {when.year} om {when:%H:%M} schreef {name} <{email}>:"
        if style == 1:
            return f"Op {when:%d-%m-%Y} {when:%H:%M} schreef {name} <{email}>:"
        return f"{name} <{email}> schreef op {when:%d-%m-%Y}:"
    if style == 0:
        return f"On {EN_DAYS[when.weekday()][:3]}, {when.day} {EN_MONTHS[when.month - 1][:3]} {when.year} at {when:%H:%M}, {name} <{email}> wrote:"
    if style == 1:
        return f"On {when:%d/%m/%Y} {when:%H:%M}, {name} wrote:"
    return f"{name} <{email}> wrote on {when:%d %b %Y}:"


def outlook_block(c, frm, to, when, subject, lang=None):
    lang = lang or c.lang
    if lang == "nl":
        return (f"-----Oorspronkelijk bericht-----\nVan: {frm[0]} <{frm[1]}>\n"
                f"Verzonden: {NL_DAYS[when.weekday()]} {when.day} {NL_MONTHS[when.month - 1]} {when.year} {when:%H:%M}\n"
                f"Aan: {to[0]} <{to[1]}>\nOnderwerp: {subject}\n")
    return (f"-----Original Message-----\nFrom: {frm[0]} <{frm[1]}>\n"
            f"Sent: {EN_DAYS[when.weekday()]}, {when.day} {EN_MONTHS[when.month - 1]} {when.year} {when:%H:%M}\n"
            f"To: {to[0]} <{to[1]}>\nSubject: {subject}\n")


def fwd_block(c, frm, to, when, subject, lang=None):
    lang = lang or c.lang
    if lang == "nl":
        if c.chance(0.5):
            return (f"-------- Doorgestuurd bericht --------\nOnderwerp: {subject}\nDatum: {when:%d-%m-%Y %H:%M}\n"
                    f"Van: {frm[0]} <{frm[1]}>\nAan: {to[0]} <{to[1]}>\n")
        return (f"---------- Doorgestuurd bericht ---------\nVan: {frm[0]} <{frm[1]}>\n"
                f"Date: {NL_DAYS[when.weekday()][:2]} {when.day} {NL_MONTHS[when.month - 1][:3]} {when.year} om {when:%H:%M}\n"
                f"Subject: {subject}\nTo: {to[0]} <{to[1]}>\n")
    return (f"---------- Forwarded message ---------\nFrom: {frm[0]} <{frm[1]}>\n"
            f"Date: {EN_DAYS[when.weekday()][:3]}, {when.day} {EN_MONTHS[when.month - 1][:3]} {when.year} at {when:%H:%M}\n"
            f"Subject: {subject}\nTo: {to[0]} <{to[1]}>\n")


def signature(c, role, name=None, lang=None, agb=None):
    lang = lang or c.lang
    pr = c.pr
    name = name or c.choice(STAFF[role])
    r = ROLE_NL[role] if lang == "nl" else ROLE_EN[role]
    style = c.rng.randrange(4)
    if style == 0:
        s = f"Met vriendelijke groet,\n\n{name}\n{r}\n{pr['name']}\n{pr['street']}, {pr['pc']} {pr['city']}\nT {pr['tel']}"
        if lang == "en":
            s = f"Kind regards,\n\n{name}\n{r}\n{pr['name']}\n{pr['street']}, {pr['pc']} {pr['city']}\nPhone +31 {pr['tel'][1:].replace('-', ' ')}"
    elif style == 1:
        s = (f"Hartelijke groet,\n{name.split()[0]}" if lang == "nl" else f"Best wishes,\n{name.split()[0]}") + \
            f"\n\n--\n{pr['name']} | {pr['tel']} | www.{pr['dom']}"
    elif style == 2:
        s = (f"Groet,\n{name}, {r}" if lang == "nl" else f"Regards,\n{name}, {r}") + f"\n{pr['name']}"
    else:
        s = (f"Vriendelijke groeten,\n\n{name}\n{r}" if lang == "nl" else f"Yours sincerely,\n\n{name}\n{r}") + \
            f"\n{pr['name']} - {pr['street']} - {pr['pc']} {pr['city']}\nTelefoon: {pr['tel']} (spoed: toets 1)"
        if agb or c.chance(0.3):
            s += f"\nAGB-code praktijk: 01{c.rng.randrange(100000, 999999)}"
    if c.chance(0.35):
        s += "\n\n" + disclaimer(c, lang)
    return s


def disclaimer(c, lang=None):
    lang = lang or c.lang
    if lang == "nl":
        return c.choice([
            "Dit e-mailbericht is uitsluitend bestemd voor de geadresseerde(n). Indien u dit bericht onterecht ontvangt, "
            "wordt u verzocht de inhoud niet te gebruiken en de afzender direct te informeren door het bericht te retourneren.",
            "De informatie in dit bericht kan vertrouwelijk zijn. Het gebruik van deze informatie door anderen dan de "
            "geadresseerde is niet toegestaan. Wij sturen nooit medische gegevens via onbeveiligde e-mail.",
            "Let op: deze mailbox wordt niet dagelijks gelezen. Voor medische vragen gebruikt u het patiëntenportaal.",
        ])
    return c.choice([
        "This e-mail is intended only for the addressee. If you received it in error, please notify the sender and delete it.",
        "CONFIDENTIALITY NOTICE: the information in this message may be confidential. Do not forward without permission.",
    ])


# ----------------------------------------------------------------------------------------
# attachment formats
# ----------------------------------------------------------------------------------------
FIXED_ZIP_TIME = (2025, 1, 6, 9, 30, 0)
FONT_PATHS = ["/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"]


def normzip(data):
    zin = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            blob = zin.read(info.filename)
            if info.filename.endswith((".xml", ".rdf")) and (b"dcterms:" in blob or b"meta:" in blob):
                blob = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(<)", rb"\g<1>2025-01-06T09:30:00Z\g<2>", blob)
                blob = re.sub(rb"(<meta:creation-date>)[^<]*(<)", rb"\g<1>2025-01-06T09:30:00\g<2>", blob)
                blob = re.sub(rb"(<dc:date>)[^<]*(<)", rb"\g<1>2025-01-06T09:30:00\g<2>", blob)
            zi = zipfile.ZipInfo(info.filename, FIXED_ZIP_TIME)
            zi.compress_type = info.compress_type
            zi.external_attr = 0o644 << 16
            zout.writestr(zi, blob)
    return out.getvalue()


def make_docx(paragraphs, header_rows=None, table=None, title=None, author="HIS export"):
    from docx import Document
    from docx.shared import Pt, Inches
    doc = Document()
    cp = doc.core_properties
    cp.author = author
    cp.last_modified_by = author
    cp.created = dt.datetime(2025, 1, 6, 9, 30)
    cp.modified = dt.datetime(2025, 1, 6, 9, 30)
    cp.revision = 1
    if header_rows:
        hdr = doc.sections[0].header
        t = hdr.add_table(rows=len(header_rows), cols=2, width=Inches(6))
        for i, (k, v) in enumerate(header_rows):
            t.cell(i, 0).text = k
            t.cell(i, 1).text = v
    if title:
        doc.add_heading(title, level=1)
    for p in paragraphs:
        para = doc.add_paragraph(p)
        for run in para.runs:
            run.font.size = Pt(10.5)
    if table:
        t = doc.add_table(rows=len(table), cols=len(table[0]))
        t.style = "Table Grid"
        for i, row in enumerate(table):
            for j, v in enumerate(row):
                t.cell(i, j).text = str(v)
    buf = io.BytesIO()
    doc.save(buf)
    return normzip(buf.getvalue())


def make_xlsx(sheets, creator="Praktijk"):
    from openpyxl import Workbook
    wb = Workbook()
    wb.properties.creator = creator
    wb.properties.created = dt.datetime(2025, 1, 6, 9, 30)
    wb.properties.modified = dt.datetime(2025, 1, 6, 9, 30)
    first = True
    for title, rows, fmts in sheets:
        ws = wb.active if first else wb.create_sheet()
        first = False
        ws.title = title
        for r in rows:
            ws.append(list(r))
        for col, f in (fmts or {}).items():
            for cell in ws[col][1:]:
                cell.number_format = f
        for col in "ABCDEFGH":
            ws.column_dimensions[col].width = 18
    buf = io.BytesIO()
    wb.save(buf)
    return normzip(buf.getvalue())


def make_odt(paragraphs, table=None, title=None):
    from odf.opendocument import OpenDocumentText
    from odf.text import P, H
    from odf.table import Table, TableRow, TableCell, TableColumn
    doc = OpenDocumentText()
    if title:
        doc.text.addElement(H(outlinelevel=1, text=title))
    for p in paragraphs:
        doc.text.addElement(P(text=p))
    if table:
        t = Table(name="Gegevens")
        t.addElement(TableColumn(numbercolumnsrepeated=len(table[0])))
        for row in table:
            tr = TableRow()
            for v in row:
                tc = TableCell(valuetype="string")
                tc.addElement(P(text=str(v)))
                tr.addElement(tc)
            t.addElement(tr)
        doc.text.addElement(t)
    buf = io.BytesIO()
    doc.write(buf)
    return normzip(buf.getvalue())


_FONT = {}


def pdf_font():
    if "name" in _FONT:
        return _FONT["name"]
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    import reportlab
    path = next((p for p in FONT_PATHS if os.path.exists(p)),
                os.path.join(os.path.dirname(reportlab.__file__), "fonts", "Vera.ttf"))
    pdfmetrics.registerFont(TTFont("BodyFont", path))
    _FONT["name"] = "BodyFont"
    return "BodyFont"


def make_pdf(lines, title=None, encrypt=None, size=10, pages_break=None):
    import textwrap
    from reportlab.pdfgen import canvas
    from reportlab.lib.pagesizes import A4
    buf = io.BytesIO()
    cv = canvas.Canvas(buf, pagesize=A4, invariant=1, encrypt=encrypt)
    cv.setTitle(title or "document")
    cv.setAuthor("")
    font = pdf_font()
    y = 800
    if title:
        cv.setFont(font, size + 4)
        cv.drawString(56, y, title)
        y -= 28
    cv.setFont(font, size)
    for line in lines:
        if line == "\f":
            cv.showPage()
            cv.setFont(font, size)
            y = 800
            continue
        for w in (textwrap.wrap(line, 95) or [""]):
            if y < 60:
                cv.showPage()
                cv.setFont(font, size)
                y = 800
            cv.drawString(56, y, w)
            y -= size + 4
    cv.save()
    return buf.getvalue()


def make_pdf_aes(lines, title, password, rng):
    """AES-256 protected PDF via pypdf (random salts fed from the message rng)."""
    from pypdf import PdfReader, PdfWriter
    src = make_pdf(lines, title)
    w = PdfWriter(clone_from=PdfReader(io.BytesIO(src)))
    orig = os.urandom
    try:
        os.urandom = lambda n: bytes(rng.getrandbits(8) for _ in range(n))
        import secrets
        orig_tb = secrets.token_bytes
        secrets.token_bytes = lambda n=32: bytes(rng.getrandbits(8) for _ in range(n))
        w.encrypt(user_password=password, owner_password=password + "-own", algorithm="AES-256")
        buf = io.BytesIO()
        w.write(buf)
    finally:
        os.urandom = orig
        secrets.token_bytes = orig_tb
    return buf.getvalue()


def rtf_escape(s):
    out = []
    for ch in s:
        o = ord(ch)
        if ch in "\\{}":
            out.append("\\" + ch)
        elif o < 128:
            out.append(ch)
        elif o < 256:
            out.append("\\'%02x" % o)
        else:
            out.append("\\u%d?" % (o if o < 32768 else o - 65536))
    return "".join(out)


def make_rtf(paragraphs, bold_first=True):
    body = []
    for i, p in enumerate(paragraphs):
        t = rtf_escape(p)
        if i == 0 and bold_first:
            t = "{\\b " + t + "}"
        body.append(t + "\\par")
    return ("{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fswiss Arial;}}\n"
            "{\\*\\generator Msftedit 5.41.21.2510;}\\viewkind4\\uc1\\pard\\f0\\fs20\n" +
            "\n".join(body) + "\n}\n").encode("ascii")


def make_image(lines, fmt, rng, width=900, size=20, header=None):
    from PIL import Image, ImageDraw, ImageFont
    path = next((p for p in FONT_PATHS if os.path.exists(p)), None)
    font = ImageFont.truetype(path, size) if path else ImageFont.load_default(size=size)
    hfont = ImageFont.truetype(path, size + 6) if path else ImageFont.load_default(size=size + 6)
    h = 70 + (size + 12) * (len(lines) + (2 if header else 0))
    img = Image.new("L", (width, h), 250)
    d = ImageDraw.Draw(img)
    for _ in range(width * h // 900):  # light scanner speckles
        x, y = rng.randrange(width), rng.randrange(h)
        d.point((x, y), fill=rng.randint(170, 230))
    y = 30
    if header:
        d.text((40, y), header, fill=15, font=hfont)
        y += size + 20
        d.line((40, y, width - 40, y), fill=60, width=2)
        y += 16
    for line in lines:
        d.text((40, y), line, fill=20, font=font)
        y += size + 12
    buf = io.BytesIO()
    if fmt == "PNG":
        img.save(buf, "PNG", optimize=True)
    else:
        img.save(buf, "JPEG", quality=72)
    return buf.getvalue()


# --- traditional PKWARE (ZipCrypto) encryption, hand-rolled for determinism ---
def _crc_table():
    t = []
    for n in range(256):
        c = n
        for _ in range(8):
            c = (0xEDB88320 ^ (c >> 1)) if c & 1 else (c >> 1)
        t.append(c)
    return t


_CRCT = _crc_table()


class _ZC:
    def __init__(self, pwd):
        self.k = [0x12345678, 0x23456789, 0x34567890]
        for b in pwd:
            self.upd(b)

    def crc(self, c, b):
        return (c >> 8) ^ _CRCT[(c ^ b) & 0xFF]

    def upd(self, b):
        k = self.k
        k[0] = self.crc(k[0], b)
        k[1] = (k[1] + (k[0] & 0xFF)) & 0xFFFFFFFF
        k[1] = (k[1] * 134775813 + 1) & 0xFFFFFFFF
        k[2] = self.crc(k[2], k[1] >> 24)

    def enc(self, data):
        out = bytearray()
        for b in data:
            t = (self.k[2] | 2) & 0xFFFF
            ks = ((t * (t ^ 1)) >> 8) & 0xFF
            out.append(b ^ ks)
            self.upd(b)
        return bytes(out)


def make_zip_crypto(files, password, rng):
    pwd = password.encode()
    out = bytearray()
    central = bytearray()
    dostime = (9 << 11) | (30 << 5)
    dosdate = ((2025 - 1980) << 9) | (1 << 5) | 6
    for name, data in files:
        crc = zlib.crc32(data) & 0xFFFFFFFF
        co = zlib.compressobj(9, zlib.DEFLATED, -15)
        comp = co.compress(data) + co.flush()
        hdr = bytes(rng.getrandbits(8) for _ in range(11)) + bytes([crc >> 24])
        z = _ZC(pwd)
        enc = z.enc(hdr + comp)
        fn = name.encode()
        off = len(out)
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 1, 8, dostime, dosdate, crc, len(enc), len(data), len(fn), 0) + fn + enc
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 1, 8, dostime, dosdate, crc, len(enc), len(data),
                               len(fn), 0, 0, 0, 0, 0o644 << 16, off) + fn
    cd_off = len(out)
    out += central
    out += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(files), len(files), len(central), cd_off, 0)
    return bytes(out)


def make_zip_aes(files, password, rng):
    import pyzipper
    import pyzipper.zipfile_aes as za

    class _R:
        @staticmethod
        def new():
            return _R()

        def read(self, n):
            return bytes(rng.getrandbits(8) for _ in range(n))

    orig = za.Random
    za.Random = _R
    try:
        buf = io.BytesIO()
        with pyzipper.AESZipFile(buf, "w", compression=pyzipper.ZIP_DEFLATED, encryption=pyzipper.WZ_AES) as zf:
            zf.setpassword(password.encode())
            for name, data in files:
                zi = zf.zipinfo_cls(name, FIXED_ZIP_TIME)
                zi.compress_type = pyzipper.ZIP_DEFLATED
                zf.writestr(zi, data)
    finally:
        za.Random = orig
    return buf.getvalue()


def make_zip(files):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files:
            zi = zipfile.ZipInfo(name, FIXED_ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(zi, data)
    return buf.getvalue()


def ics_fold(line):
    b = line.encode("utf-8")
    if len(b) <= 75:
        return line
    out, cur = [], ""
    for ch in line:
        if len((cur + ch).encode("utf-8")) > 74:
            out.append(cur)
            cur = " " + ch
        else:
            cur += ch
    out.append(cur)
    return "\r\n".join(out)


def ics_escape(s):
    return s.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def make_ics(events, rng, method="REQUEST", prodid="-//Praktijk//Agenda 3.1//NL"):
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{prodid}", f"METHOD:{method}"]
    for ev in events:
        lines += ["BEGIN:VEVENT", f"UID:{rng.getrandbits(64):016x}@agenda.example",
                  "DTSTAMP:20250106T093000Z",
                  f"DTSTART;TZID=Europe/Amsterdam:{ev['start']:%Y%m%dT%H%M%S}",
                  f"DTEND;TZID=Europe/Amsterdam:{ev['end']:%Y%m%dT%H%M%S}",
                  f"SUMMARY:{ics_escape(ev['summary'])}"]
        if ev.get("location"):
            lines.append(f"LOCATION:{ics_escape(ev['location'])}")
        if ev.get("desc"):
            lines.append(f"DESCRIPTION:{ics_escape(ev['desc'])}")
        if ev.get("organizer"):
            lines.append(f"ORGANIZER;CN={ev['organizer'][0]}:mailto:{ev['organizer'][1]}")
        for a in ev.get("attendees", []):
            lines.append(f"ATTENDEE;CN={a[0]};ROLE=REQ-PARTICIPANT:mailto:{a[1]}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return ("\r\n".join(ics_fold(l) for l in lines) + "\r\n").encode("utf-8")


def make_vcf(fn, n, org=None, title=None, tels=(), email=None, adr=None, bday=None, note=None, version="3.0"):
    lines = ["BEGIN:VCARD", f"VERSION:{version}", f"N:{n}", f"FN:{fn}"]
    if org:
        lines.append(f"ORG:{org}")
    if title:
        lines.append(f"TITLE:{title}")
    for kind, t in tels:
        lines.append(f"TEL;TYPE={kind}:{t}")
    if email:
        lines.append(f"EMAIL;TYPE=INTERNET:{email}")
    if adr:
        lines.append(f"ADR;TYPE={adr[0]}:;;{adr[1]};{adr[2]};{adr[3]};{adr[4]};{adr[5]}")
    if bday:
        lines.append(f"BDAY:{bday}")
    if note:
        lines.append(f"NOTE:{ics_escape(note)}")
    lines.append("END:VCARD")
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


# ----------------------------------------------------------------------------------------
# entity helpers (record every person-identifying string placed in a sensitive message)
# ----------------------------------------------------------------------------------------
def _pname(c, p, form="full", lang=None):
    lang = lang or c.lang
    if form == "full":
        return c.e("person", p.full)
    if form == "formal":
        st = c.rng.randrange(4)
        txt = p.formal(lang, st)
        if lang == "en":
            core = txt.split(" ", 1)[1] if st in (0, 1) else txt
        else:
            core = txt.split(" ", 1)[1] if not txt.startswith(("de heer",)) else txt[len("de heer "):]
        c.e("person", core)
        return txt
    if form == "sort":
        return c.e("person", p.sortname())
    if form == "first":
        return c.e("person", p.first)
    if form == "title":  # mevrouw De Vries / Mr Jansen
        if lang == "en":
            t = "Ms" if p.sex == "f" else "Mr"
        else:
            t = c.choice(["mevrouw", "mw."]) if p.sex == "f" else c.choice(["meneer", "dhr.", "de heer"])
        c.e("person", p.Surname)
        return f"{t} {p.Surname}"
    if form == "init":
        return c.e("person", f"{p.initials} {p.surname}")
    raise ValueError(form)


def _pdob(c, p, style=None):
    return c.e("birthdate", c.date_str(p.dob, style))


def _paddr(c, p, with_city=True, sep=", "):
    a = c.e("address", p.address)
    if not with_city:
        return a
    return f"{a}{sep}{c.e('postcode', p.pc)} {p.city}"


def _pphone(c, p, style=None):
    return c.e("phone", p.phone(c.rng.randrange(5) if style is None else style))


def _ppatnr(c, p):
    return c.e("patient-number", p.patnr)


def _page(c, p, lang=None):
    lang = lang or c.lang
    return c.e("age", f"{p.age} jaar" if lang == "nl" else f"{p.age} years")


Ctx.pname = _pname
Ctx.pdob = _pdob
Ctx.paddr = _paddr
Ctx.pphone = _pphone
Ctx.ppatnr = _ppatnr
Ctx.page = _page


def gp_of(c):
    name = c.choice(STAFF["gp"])
    if not getattr(c, "cur_gp", None):
        c.cur_gp = name  # first GP drawn in a recipe is the sender; letters are signed by them
    return name, f"{ascii_fold(name.split()[-1]).lower()}@{c.pr['dom']}"


def staff_of(c, role):
    name = c.choice(STAFF[role])
    loc = ascii_fold(name.split()[0]).lower()
    return name, f"{loc}@{c.pr['dom']}"


def hospital_addr(c, spec=None):
    hn, hd = c.choice(HOSPITALS)
    spec = spec or c.choice(list(SPECS))
    box = {"cardiologie": "cardiologie", "MDL": "mdl", "interne geneeskunde": "interne", "KNO": "kno"}.get(spec, spec.split()[0].lower())
    return (f"Polikliniek {spec[0].upper() + spec[1:]} {hn}", f"poli.{box}@{hd}"), hn


def pick_cond(c, n=1):
    return c.rng.sample(COND, n)


def med_lines(c, conds, lang="nl", dose=True):
    out = []
    for cd in conds:
        m = c.choice(cd["meds"])
        if not dose:
            m = m.split(" ")[0]
        out.append(m)
    return out


def lab_rows(c, keys, lang="nl"):
    return [lab_value(c.rng, k, lang) for k in keys]


# ----------------------------------------------------------------------------------------
# clinical document bodies, reused by several recipes and file formats
# ----------------------------------------------------------------------------------------
def pick_referral(c, p):
    ok = []
    for r in REFERRALS:
        sp = r[0]
        if p.age < 16:
            if sp in ("kindergeneeskunde", "KNO", "dermatologie", "orthopedie"):
                ok.append(r)
            continue
        if sp == "kindergeneeskunde" or (sp == "gynaecologie" and (p.sex != "f" or p.age < 50)) or \
                (sp == "urologie" and (p.sex != "m" or p.age < 45)) or (sp == "longziekten" and p.age < 35):
            continue
        ok.append(r)
    return c.choice(ok)


def doc_referral(c, p, style, lang=None, bsn=True):
    """returns (subject, text). marks labels."""
    lang = lang or c.lang
    spec, rnl, ren, icpc = pick_referral(c, p)
    c.spec = spec
    conds = pick_cond(c, c.rng.randint(1, 3))
    meds = med_lines(c, conds)
    gp = getattr(c, "cur_gp", None) or c.choice(STAFF["gp"])
    c.mark(health=1)
    c.tag("referral")
    if lang == "en":
        title, dob, ad = c.pname(p, "formal", "en"), c.pdob(p), c.paddr(p)
        txt = (f"Dear colleague,\n\nI would be grateful if you could see {title}, born {dob}, of {ad}, "
               f"in your {SPECS[spec][1]} clinic.\n\nReason for referral: {ren}.\n\nPast history:\n" +
               "\n".join(f"- {cd['en']} ({cd['icpc']})" for cd in conds) +
               "\n\nCurrent medication:\n" + "\n".join(f"- {m}" for m in meds) +
               f"\n\nAllergies: {c.choice(ALLERGIES_EN)}.\n")
        if bsn:
            txt += f"Dutch citizen service number (BSN): {c.bsn_text(p)}\n"
        txt += f"\nMany thanks for seeing {'her' if p.sex == 'f' else 'him'}.\n\nYours sincerely,\n\nDr {gp}\nGeneral practitioner, {c.pr['name']}\n"
        c.mark(personal=1)
        return f"Referral {SPECS[spec][1]} - {p.Surname}", txt
    if style == 0:
        txt = (f"Geachte collega,\n\nGraag verwijs ik {c.pname(p, 'formal')}, geboren {c.pdob(p)}, "
               f"wonende {c.paddr(p)}, naar uw polikliniek {spec}.")
        if bsn:
            txt += f" BSN: {c.bsn_text(p)}."
        txt += (f"\n\nReden van verwijzing: {rnl}.\n\nVoorgeschiedenis:\n" +
                "\n".join(f"- {cd['icpc']} {cd['nl']}" for cd in conds) +
                "\n\nMedicatie:\n" + "\n".join(f"- {m}" for m in meds) +
                f"\n\nAllergieën/intoleranties: {c.choice(ALLERGIES)}.\n\nVraagstelling: graag uw analyse en beleid."
                f"\n\nMet collegiale groet,\n\n{gp}, huisarts\n{c.pr['name']}\n")
        c.mark(personal=1)
        subj = c.choice([f"Verwijzing {spec} {p.Surname}", "Verwijsbrief", f"verwijzing {spec}"])
        return subj, txt
    if style == 1:
        c.tag("structured-fields")
        rows = [("Patiënt", c.pname(p, "sort")), ("Geboortedatum", c.pdob(p, "dmy")),
                ("Adres", c.paddr(p)), ("Telefoon", c.pphone(p))]
        if bsn:
            rows.append(("BSN", c.bsn_text(p)))
        rows += [("Verzekeraar", c.choice(["Zilverlijn Zorg", "Noorderlicht Verzekeringen", "ZorgSamen", "VGZ-test"])),
                 ("Urgentie", c.choice(["regulier", "semi-spoed (binnen 2 weken)", "spoed"])),
                 ("Specialisme", spec), ("Reden verwijzing", rnl),
                 ("Episodelijst", "; ".join(f"{cd['icpc']} {cd['nl']}" for cd in conds)),
                 ("Medicatie", "; ".join(meds)), ("Verwijzer", f"{gp}, {c.pr['name']}")]
        w = max(len(k) for k, _ in rows) + 1
        txt = f"VERWIJZING {spec.upper()}\n{'=' * 30}\n" + "\n".join(f"{k.ljust(w)}: {v}" for k, v in rows) + "\n"
        c.mark(personal=1)
        return f"ZorgDomein verwijzing {spec} - {p.sortname()}", txt
    # style 2: short collegial mail
    spec_first = c.choice(["Wouter", "Annelies", "Michiel", "Hanneke", "Rik", "Sophie"])
    txt = (f"Hoi {spec_first},\n\nZou jij {c.pname(p, 'formal')} ({c.pdob(p, 'dmy1')}) op korte termijn willen zien? "
           f"{rnl[0].upper() + rnl[1:]}. {'Ze' if p.sex == 'f' else 'Hij'} gebruikt {', '.join(meds)}.")
    if bsn:
        txt += f"\nBSN {c.bsn_text(p)}"
    txt += f"\n\nAlvast dank!\n{gp.split()[0]}\n"
    c.mark(personal=1)
    return c.choice(["vraagje: patiënt voor je spreekuur", f"Verwijzing {spec}", "graag zien op poli"]), txt


def doc_lab(c, p, lang=None, header=True, bsn=False, keys=None):
    lang = lang or c.lang
    cd = c.choice([x for x in COND if x["labs"]])
    keys = keys or (cd["labs"] + c.rng.sample(["hb", "crp", "leuco", "vitd", "tsh"], c.rng.randint(0, 2)))
    rows = lab_rows(c, keys, lang)
    c.mark(health=1)
    c.tag("lab")
    lines = []
    if header:
        if lang == "nl":
            lines += [f"Patiënt: {c.pname(p, 'sort')}", f"Geboortedatum: {c.pdob(p, 'dmy')}",
                      f"Patiëntnummer: {c.ppatnr(p)}"]
            if bsn:
                lines.append(f"BSN: {c.bsn_text(p)}")
            lines.append(f"Afnamedatum: {dfmt(c.today - dt.timedelta(days=c.rng.randint(1, 6)), 'dmy')}")
        else:
            lines += [f"Patient: {c.pname(p, 'full')}", f"Date of birth: {c.pdob(p, 'slash')}",
                      f"Patient ID: {c.ppatnr(p)}"]
            if bsn:
                lines.append(f"BSN: {c.bsn_text(p)}")
        c.mark(personal=1)
        lines.append("")
    hdr = ("Bepaling", "Uitslag", "Eenheid", "Referentie") if lang == "nl" else ("Test", "Result", "Unit", "Reference")
    lines.append(f"{hdr[0]:<24}{hdr[1]:>9}  {hdr[2]:<16}{hdr[3]}")
    for n, v, u, r in rows:
        lines.append(f"{n:<24}{v:>9}  {u:<16}{r}")
    return lines, rows, cd


def doc_discharge(c, p, lang="nl"):
    hn, hd = c.choice(HOSPITALS)
    adm = c.today - dt.timedelta(days=c.rng.randint(5, 20))
    dis = adm + dt.timedelta(days=c.rng.randint(2, 9))
    dx = c.choice([("NSTEMI, PCI RCA", "NSTEMI treated with PCI of the RCA"),
                   ("pneumonie rechter onderkwab", "right lower lobe pneumonia"),
                   ("exacerbatie COPD", "COPD exacerbation"),
                   ("heupfractuur links, kophalsprothese", "left hip fracture, hemiarthroplasty"),
                   ("decompensatio cordis", "decompensated heart failure"),
                   ("urosepsis", "urosepsis"), ("TIA", "transient ischaemic attack"),
                   ("cholecystitis, laparoscopische cholecystectomie", "cholecystitis, laparoscopic cholecystectomy")])
    meds = med_lines(c, pick_cond(c, 3))
    c.mark(health=1, personal=1)
    c.tag("discharge")
    if lang == "en":
        return [f"{hn} - Discharge summary", "",
                f"Patient: {c.pname(p, 'full')}, date of birth {c.pdob(p, 'slash')}",
                f"Hospital number: {c.ppatnr(p)}",
                f"Admitted {dfmt(adm, 'en')}, discharged {dfmt(dis, 'en')}",
                f"Diagnosis: {dx[1]}", "",
                "Medication on discharge: " + ", ".join(meds),
                "Follow-up: outpatient clinic in 6 weeks; GP please check renal function in 1 week."]
    return [f"{hn} - Ontslagbrief", "",
            f"Betreft: {c.pname(p, 'formal')}, geb. {c.pdob(p, 'dmy')}",
            f"Adres: {c.paddr(p)}", f"Ziekenhuisnummer: {c.ppatnr(p)}",
            f"Opname: {dfmt(adm, 'dmy')} t/m {dfmt(dis, 'dmy')}", "",
            f"Diagnose: {dx[0]}",
            c.choice(["Beloop: ongecompliceerd, gemobiliseerd met fysiotherapie.",
                      "Beloop: initieel delier, goed hersteld na staken van de oxycodon.",
                      "Beloop: i.v. antibiotica 3 dagen, daarna oraal."]),
            "Ontslagmedicatie: " + ", ".join(meds),
            "Beleid: controle polikliniek over 6 weken. Graag via de huisarts nierfunctie na 1 week."]


def doc_medlist(c, p, lang="nl", dose=True):
    conds = pick_cond(c, c.rng.randint(2, 4))
    c.mark(health=1)
    c.tag("medication")
    lines = []
    for cd in conds:
        m = c.choice(cd["meds"])
        if not dose:
            m = m.split(" ")[0]
        lines.append((m, cd))
    return lines


GGZ_PROBLEMS = [
    dict(nl="somberheid en anhedonie sinds een half jaar, PHQ-9 score 19", en="low mood and anhedonia for six months, PHQ-9 score 19",
         dx="P76 Depressie", med="sertraline 50 mg"),
    dict(nl="paniekaanvallen, vermijdt openbaar vervoer en supermarkt", en="panic attacks, avoiding public transport and shops",
         dx="P74 Angststoornis/angsttoestand", med="sertraline 25 mg"),
    dict(nl="passieve doodswens zonder concreet plan; geen eerdere pogingen; afspraken gemaakt over crisiskaart",
         en="passive death wish without a concrete plan, no previous attempts; safety plan agreed",
         dx="P77 Suïcidepoging/suïcidaal gedrag (risico)", med="mirtazapine 15 mg"),
    dict(nl="problematisch alcoholgebruik (AUDIT 22), ca. 6 eenheden per dag, ontkent afhankelijkheid",
         en="harmful alcohol use (AUDIT 22), about 6 units a day", dx="P15 Chronisch alcoholmisbruik", med="thiamine 100 mg"),
    dict(nl="dagelijks cannabisgebruik, slaapproblemen en concentratieverlies", en="daily cannabis use with insomnia and poor concentration",
         dx="P19 Drugsmisbruik", med=None),
    dict(nl="burn-outklachten na reorganisatie op het werk, 4DKL distress 24", en="burn-out symptoms after reorganisation at work, 4DKL distress 24",
         dx="P02 Acute stressreactie / overspanning", med=None),
    dict(nl="herbelevingen en nachtmerries na een verkeersongeval, vermoeden PTSS", en="flashbacks and nightmares after a road traffic accident, probable PTSD",
         dx="P02 PTSS (vermoeden)", med=None),
    dict(nl="eetbuien en compensatoir braken, gewicht wisselend", en="binge eating and compensatory vomiting", dx="P86 Anorexia nervosa/boulimie", med=None),
]


# ========================================================================================
# SENSITIVE recipes
# ========================================================================================
RECIPES = {}


def recipe(name):
    def deco(f):
        RECIPES[name] = f
        return f
    return deco


def pick_root(c, text, html_ok=True):
    """plain only, or multipart/alternative."""
    if html_ok and c.chance(0.35):
        return c.alt(text)
    return c.text(text)


@recipe("referral")
def r_referral(c):
    p = c.person(age=(4, 88) if c.chance(0.1) else (19, 88))
    gp = gp_of(c)
    style = c.cycle(3)
    bsn = c.chance(0.55)
    if c.lang == "en":
        to = (c.choice(["Outpatient Clinic", "Dr. A. Whitfield", "Referrals Office"]),
              c.choice(["referrals@clinic-london.example", "appointments@medcentre.example", "intake@expat-clinic.test"]))
    subj, txt = doc_referral(c, p, style, bsn=bsn)
    if c.lang != "en":
        to, _ = hospital_addr(c, c.spec)
    if style == 1 and c.chance(0.5):
        txt = "Geachte collega,\n\nOnderstaand de gegevens van de verwijzing.\n\n" + txt + "\n" + signature(c, "gp", gp[0])
    return c.mail(gp, [to], subj, pick_root(c, txt))


@recipe("lab")
def r_lab(c):
    p = c.person(age=(30, 88))
    style = c.cycle(4)
    if style == 0:
        gp = gp_of(c)
        to, _ = hospital_addr(c, "interne geneeskunde")
        lines, rows, cd = doc_lab(c, p, bsn=c.chance(0.3))
        if c.lang == "nl":
            intro = c.choice(["Geachte collega,\n\nHierbij de recente labuitslagen, zoals telefonisch besproken.",
                              "Beste collega,\n\nOnderstaand de uitslagen van het bloedonderzoek van vorige week. Graag jullie advies over het vervolg.",
                              "Ter aanvulling op de verwijzing stuur ik de laatste uitslagen mee."])
            txt = intro + "\n\n" + "\n".join(lines) + "\n\n" + signature(c, "gp", gp[0])
            subj = c.choice(["Labuitslagen", f"uitslagen {p.Surname}", "Aanvulling verwijzing: lab"])
        else:
            txt = ("Dear colleague,\n\nPlease find below the recent blood results, as discussed on the phone.\n\n" +
                   "\n".join(lines) + "\n\n" + signature(c, "gp", gp[0]))
            subj = "Blood results"
        return c.mail(gp, [to], subj, pick_root(c, txt))
    if style == 1:  # reply to patient; name only
        ass = staff_of(c, "assist")
        rows = lab_rows(c, c.choice([x for x in COND if x["labs"]])["labs"], c.lang)
        c.mark(health=1)
        c.tag("lab", "reply-to-patient")
        name = c.pname(p, "title")
        if c.lang == "nl":
            vals = "\n".join(f"- {n}: {v} {u}".rstrip() for n, v, u, _ in rows)
            txt = (f"Beste {name},\n\nDe huisarts heeft uw uitslagen bekeken:\n{vals}\n\n" +
                   c.choice(["De waarden zijn iets verhoogd. De dokter wil u graag over drie maanden opnieuw laten prikken.",
                             "Er is geen reden tot zorg. U hoeft geen nieuwe afspraak te maken.",
                             "De huisarts wil dit graag met u bespreken. Wilt u een telefonische afspraak maken?"]) +
                   "\n\n" + signature(c, "assist", ass[0]))
            subj = c.choice(["Uitslag bloedonderzoek", "Re: uitslagen", "Uw uitslag"])
        else:
            vals = "\n".join(f"- {n}: {v} {u}".rstrip() for n, v, u, _ in rows)
            txt = (f"Dear {name},\n\nThe doctor has reviewed your blood results:\n{vals}\n\n" +
                   c.choice(["These are slightly raised; the doctor would like to repeat the test in three months.",
                             "Nothing to worry about, no further action is needed.",
                             "The doctor would like to discuss this with you. Please book a phone appointment."]) +
                   "\n\n" + signature(c, "assist", ass[0]))
            subj = "Your blood test results"
        return c.mail(ass, [(p.full, p.email)], subj, pick_root(c, txt), reply=True)
    if style == 2:  # html table
        gp = gp_of(c)
        to = staff_of(c, "poh")
        lines, rows, cd = doc_lab(c, p, header=False)
        c.mark(personal=1)
        c.tag("html-table")
        nm, dob, pn = c.pname(p, "sort"), c.pdob(p, "dmy"), c.ppatnr(p)
        trs = "".join(f"<tr><td>{html.escape(n)}</td><td align=right>{v}</td><td>{html.escape(u)}</td><td>{html.escape(r)}</td></tr>\n" for n, v, u, r in rows)
        h = ("<html><body><p>Hoi,</p><p>Kun jij deze uitslagen meenemen in het DM-spreekuur van volgende week?</p>"
             f"<table border=1 cellspacing=0><tr><th>Naam</th><td>{html.escape(nm)}</td></tr><tr><th>Geb.datum</th><td>{dob}</td></tr>"
             f"<tr><th>Pat.nr</th><td>{pn}</td></tr></table><br>"
             f"<table border=1 cellspacing=0 cellpadding=3><tr><th>Bepaling</th><th>Uitslag</th><th>Eenheid</th><th>Ref.</th></tr>\n{trs}</table>"
             f"<p>Groet,<br>{html.escape(gp[0])}</p></body></html>")
        plain = "Hoi,\n\nKun jij deze uitslagen meenemen in het DM-spreekuur van volgende week?\n\n" + \
            f"Naam: {nm}\nGeb.datum: {dob}\nPat.nr: {pn}\n\n" + "\n".join(lines) + f"\n\nGroet,\n{gp[0]}"
        if c.lang == "en":
            h = h.replace("Kun jij deze uitslagen meenemen in het DM-spreekuur van volgende week?", "Could you discuss these results at the diabetes clinic next week?").replace("Hoi,", "Hi,").replace("Groet,", "Thanks,")
            plain = plain.replace("Kun jij deze uitslagen meenemen in het DM-spreekuur van volgende week?", "Could you discuss these results at the diabetes clinic next week?").replace("Hoi,", "Hi,").replace("Groet,", "Thanks,")
        return c.mail(gp, [to], "Uitslagen DM-controle" if c.lang == "nl" else "Diabetes review results", c.alt(plain, h))
    # style 3: csv attachment, several patients
    poh = staff_of(c, "poh")
    gp = gp_of(c)
    c.tag("lab", "csv", "mixed", "multi-patient")
    sep = c.choice([";", ","])
    if c.lang == "nl":
        hdr = ["Patiëntnr", "Naam", "Geboortedatum", "HbA1c (mmol/mol)", "eGFR", "LDL (mmol/L)", "Afnamedatum"]
    else:
        hdr = ["PatientID", "Name", "DOB", "HbA1c (mmol/mol)", "eGFR", "LDL (mmol/L)", "Sample date"]
    out = [sep.join(hdr)]
    for _ in range(c.rng.randint(4, 9)):
        q = c.person(age=(40, 85))
        vals = [lab_value(c.rng, k, c.lang)[1] for k in ("HbA1c", "egfr", "ldl")]
        out.append(sep.join([c.ppatnr(q), c.pname(q, "sort") if sep == ";" else c.pname(q, "full"), c.pdob(q, "dmy")] + vals +
                            [dfmt(c.today - dt.timedelta(days=c.rng.randint(1, 30)), "dmy")]))
    c.mark(health=1, personal=1)
    data = ("\n".join(out) + "\n")
    data = data.replace("\n", "\r\n").encode("utf-8-sig" if c.chance(0.4) else "utf-8")
    body = c.choice(["Bijgaand de lijst voor het DM-spreekuur, met de laatste uitslagen.",
                     "Hierbij de export uit het HIS van de DM-patiënten met een HbA1c boven streefwaarde.",
                     "Zie bijlage. Wil je deze mensen oproepen?"]) if c.lang == "nl" else \
        "Attached is the list for the diabetes clinic with the latest results."
    root = c.multi("mixed", [c.text(body + "\n\n" + signature(c, "gp", gp[0])),
                             att(data, "text/csv", c.choice(["dm_uitslagen.csv", "export_lab.csv", "oproeplijst.csv"]))])
    return c.mail(gp, [poh], "DM-lijst" if c.lang == "nl" else "DM list", root)


@recipe("medication")
def r_medication(c):
    p = c.person(age=(45, 95))
    style = c.cycle(4)
    gp = gp_of(c)
    ass = staff_of(c, "assist")
    if style == 0:
        meds = doc_medlist(c, p)
        apo = (c.choice(["Apotheek De Linde", "Service Apotheek Oudwijk", "Apotheek Zuid"]),
               c.choice(["recepten@apotheek-delinde.example", "info@apotheek-oudwijk.example", "baliezuid@apotheek.test"]))
        txt = (c.choice(["Beste collega's,", "Goedemorgen,", "Hallo apotheek,"]) +
               f"\n\nGraag een weekrol (baxter) vanaf {dfmt(c.days(3, 10), 'dmy')} voor {c.pname(p, 'formal')}, geb. {c.pdob(p)}:\n" +
               "\n".join(f"- {m}" for m, _ in meds) +
               c.choice(["\n\nDe simvastatine is gestopt vanwege spierpijn.", "\n\nGraag ook bezorgen, ze is slecht ter been.", ""]) +
               "\n\n" + signature(c, "assist", ass[0]))
        c.mark(personal=1)
        return c.mail(ass, [apo], c.choice(["baxter aanvraag", "Medicatie weekrol", "Aanvraag medicatierol"]), pick_root(c, txt))
    if style == 1:
        meds = doc_medlist(c, p, dose=False)
        c.tag("no-dose")
        tz = (c.choice(["Wijkteam thuiszorg Noord", "Buurtzorg-team Oost"]), c.choice(["noord@thuiszorg-buurtkracht.example", "team-oost@wijkverpleging.test"]))
        txt = (f"Hoi allemaal,\n\nVoor {c.pname(p, 'title')} ({c.paddr(p)}) is de medicatie aangepast. Ze gebruikt nu: " +
               ", ".join(m for m, _ in meds) + ". Willen jullie bij het aanreiken extra letten op duizeligheid?\n\n" +
               signature(c, "gp", gp[0]))
        if c.lang == "en":
            txt = (f"Hi all,\n\nThe medication of {c.pname(p, 'title', 'en')} ({c.paddr(p)}) has been changed. Current list: " +
                   ", ".join(m for m, _ in meds) + ". Please keep an eye on dizziness when you visit.\n\n" + signature(c, "gp", gp[0]))
        c.mark(personal=1)
        return c.mail(gp, [tz], "medicatiewijziging" if c.lang == "nl" else "medication change", pick_root(c, txt))
    if style == 2:
        meds = doc_medlist(c, p)
        name = c.pname(p, "formal")
        txt = (f"Beste {c.choice(['Sanne', 'Debby', 'collega'])},\n\nVandaag gezien: {name}. Afgesproken: stop {meds[0][0].split()[0]}, "
               f"start {meds[-1][0]}. Graag recept klaarzetten en over 2 weken een controle bij de POH inplannen.\n\n{gp[0].split()[0]}")
        if c.lang == "en":
            txt = (f"Hi,\n\nSaw {name} today. Plan: stop {meds[0][0].split()[0]}, start {meds[-1][0]}. "
                   f"Please prepare the prescription and book a nurse review in 2 weeks.\n\n{gp[0].split()[0]}")
        return c.mail(gp, [ass], c.choice(["recept", "medicatie aanpassing", "actie: recept"]) if c.lang == "nl" else "prescription", c.text(txt))
    meds = doc_medlist(c, p)
    name = c.pname(p, "formal")
    dob = c.pdob(p)
    c.mark(personal=1)
    if c.lang == "nl":
        txt = (f"Beste {name},\n\nZoals gevraagd hierbij uw actuele medicatieoverzicht (geboortedatum {dob}):\n\n" +
               "\n".join(f"{i + 1}. {m}  (voor: {cd['nl'].lower()})" for i, (m, cd) in enumerate(meds)) +
               "\n\nNeem dit overzicht mee naar uw afspraak in het ziekenhuis.\n\n" + signature(c, "assist", ass[0]))
        subj = "Uw medicatieoverzicht"
    else:
        txt = (f"Dear {name},\n\nAs requested, your current medication list (date of birth {dob}):\n\n" +
               "\n".join(f"{i + 1}. {m}  (for {cd['en']})" for i, (m, cd) in enumerate(meds)) +
               "\n\nPlease take this list to your hospital appointment.\n\n" + signature(c, "assist", ass[0]))
        subj = "Your medication list"
    return c.mail(ass, [(p.full, p.email)], subj, pick_root(c, txt), reply=True)


@recipe("icpc")
def r_icpc(c):
    style = c.cycle(3)
    gp = gp_of(c)
    c.tag("icpc")
    if style == 0:
        hap = ("Huisartsenpost Regio", c.choice(["overdracht@hap-utrecht.example", "triage@huisartsenpost.test"]))
        c.tag("multi-patient")
        items = []
        for i in range(c.rng.randint(2, 4)):
            q = c.person(age=(55, 97))
            cd = c.choice(COND)
            items.append(f"{i + 1}. {c.pname(q, 'formal')}, geb. {c.pdob(q, 'dmy')}, {c.paddr(q)}\n   {cd['icpc']} {cd['nl']}. "
                         + c.choice(["Palliatief, NR-beleid besproken. Morfine s.c. aanwezig.",
                                     "Bij toename dyspnoe: furosemide ophogen naar 80 mg.",
                                     "Familie weet ervan; bij verslechtering niet insturen.",
                                     "Kans op delier, haloperidol 0,5 mg in huis."]))
        c.mark(health=1, personal=1)
        txt = ("Beste collega's van de post,\n\nVoor het weekend de volgende overdrachten:\n\n" + "\n\n".join(items) +
               "\n\nDank en een rustige dienst gewenst.\n\n" + signature(c, "gp", gp[0]))
        return c.mail(gp, [hap], c.choice(["Overdracht weekend", "overdracht ANW", "Waarneembericht HAP"]), pick_root(c, txt))
    p = c.person(age=(20, 90))
    conds = pick_cond(c, c.rng.randint(3, 6))
    c.mark(health=1, personal=1)
    if style == 1:
        lines = [f"Professionele samenvatting - {c.pname(p, 'sort')}", f"Geboren: {c.pdob(p, 'dmy')}",
                 f"Adres: {c.paddr(p)}", "", "Episodelijst (actief):"]
        for cd in conds:
            start = dfmt(dt.date(c.rng.randint(2005, 2024), c.rng.randint(1, 12), 1), "dmy")
            lines.append(f"  {cd['icpc']:<4} {cd['nl']:<42} sinds {start}")
        lines += ["", "Medicatie:"] + [f"  {m}" for m in med_lines(c, conds)]
        if c.chance(0.4):
            lines.append(f"\nBSN: {c.bsn_text(p)}")
        pm = staff_of(c, "pm")
        to = (c.choice(["Huisartsenpraktijk Nieuw-West", "Praktijk Lunetten"]), c.choice(["info@praktijk-nieuwwest.nl", "assistentes@praktijk-lunetten.nl"]))
        txt = ("Geachte collega,\n\nIn verband met de verhuizing van onderstaande patiënt sturen wij u de professionele samenvatting. "
               "Het volledige dossier volgt via het LSP/Zorgmail.\n\n" + "\n".join(lines) + "\n\n" + signature(c, "pm", pm[0]))
        return c.mail(pm, [to], "Professionele samenvatting ivm verhuizing", c.text(txt))
    # style 2: problem list in a collegial mail, ICPC codes only
    codes = ", ".join(f"{cd['icpc']}" for cd in conds)
    txt = (f"Hoi,\n\nKun je voor {c.pname(p, 'init')} ({c.pdob(p, 'dmy1')}) de episodes {codes} samenvoegen en de "
           f"oude episode {c.choice(['A04', 'L03', 'P06', 'K85'])} afsluiten? Staat nu dubbel in het HIS.\n\nDank, {gp[0].split()[0]}")
    return c.mail(gp, [staff_of(c, "assist")], "HIS episodes opschonen", c.text(txt))


@recipe("discharge")
def r_discharge(c):
    p = c.person(age=(50, 95))
    gp = gp_of(c)
    if c.lang == "nl" and c.chance(0.3):
        c.tag("discharge", "phone-note")
        c.mark(health=1, personal=1)
        ass = staff_of(c, "assist")
        hn = c.choice(HOSPITALS)[0]
        adm = c.today - dt.timedelta(days=c.rng.randint(3, 12))
        dx = c.choice(["een longontsteking", "een heupfractuur", "hartfalen", "een urosepsis", "een TIA", "een COPD-longaanval"])
        txt = (f"Hoi {gp[0].split()[0]},\n\nDe transferverpleegkundige van {hn} belde: {c.pname(p, 'formal')} ({c.pdob(p)}, {c.paddr(p)}) "
               f"is gisteren ontslagen na een opname sinds {dfmt(adm, 'nl')} wegens {dx}. "
               f"{c.choice(['Ze vragen of je deze week een visite wilt doen.', 'Thuiszorg start morgen met wondzorg.', 'Medicatie is gewijzigd, brief volgt per post.'])}\n\n"
               f"Groetjes,\n{ass[0].split()[0]}")
        return c.mail(ass, [gp], c.choice(["ontslag ziekenhuis", "Telefoonnotitie: ontslag", "visite?"]), c.text(txt))
    lines = doc_discharge(c, p, c.lang)
    hn = lines[0].split(" - ")[0]
    hfrom = (c.choice(["Secretariaat Interne Geneeskunde", "Medisch secretariaat", "Afdeling Cardiologie"]) if c.lang == "nl" else "Discharge office", f"ontslag@{c.choice(HOSPITALS)[1]}")
    when = c.now - dt.timedelta(days=c.rng.randint(0, 3), hours=c.rng.randint(1, 8))
    subj0 = "Ontslagbrief" if c.lang == "nl" else "Discharge letter"
    tgt = c.choice([staff_of(c, "poh"), ("Wijkverpleging Oost", "oost@wijkverpleging.test"), staff_of(c, "assist")])
    if c.chance(0.5):
        c.tag("inline-forward")
        top = c.choice(["Ter info. Kun jij morgen even bellen hoe het thuis gaat?", "Zie onderstaand, graag nierfunctie inplannen over een week.",
                        "FYI", "Voor het dossier. Graag inplannen zoals hieronder gevraagd."]) if c.lang == "nl" else \
            c.choice(["FYI - could you call the patient tomorrow?", "For the record; please book the renal function test."])
        txt = top + "\n\n" + (gp[0].split()[0]) + "\n\n" + fwd_block(c, hfrom, gp, when, subj0) + "\n" + "\n".join(lines) + "\n"
        return c.mail(gp, [tgt], ("Fwd: " if c.lang == "en" or c.chance(0.5) else "Doorst: ") + subj0, pick_root(c, txt))
    c.tag("txt-attachment", "mixed")
    try:
        data = ("\r\n".join(lines) + "\r\n").encode(c.choice(["utf-8", "cp1252"]))
    except UnicodeEncodeError:
        data = ("\r\n".join(lines) + "\r\n").encode("utf-8")
    root = c.multi("mixed", [c.text(c.choice(["Bijgaand de ontslagbrief ter informatie.", "Zie bijlage.",
                                              "Hierbij de ontslagbrief; graag verwerken in het HIS."]) if c.lang == "nl" else "Please see the attached discharge letter."),
                             att(data, "text/plain", c.choice(["ontslagbrief.txt", "brief_ontslag.txt", "discharge.txt"]))])
    return c.mail(gp, [tgt], subj0, root)


@recipe("specialist-appt")
def r_specappt(c):
    p = c.person(age=(18, 90))
    style = c.cycle(3)
    spec, rnl, ren, _ = pick_referral(c, p)
    snl, sen, sen2 = SPECS[spec]
    when = dt.datetime.combine(c.days(5, 40), dt.time(c.rng.randint(8, 16), c.choice([0, 15, 30, 45])))
    hn, hd = c.choice(HOSPITALS)
    ass = staff_of(c, "assist")
    c.mark(health=1)
    c.tag("specialist-appt")
    if style == 0:  # name only
        nm = c.pname(p, c.choice(["title", "formal"]))
        if c.lang == "nl":
            txt = (f"Beste {nm},\n\nUw afspraak bij de {snl} in {hn} staat gepland op {NL_DAYS[when.weekday()]} "
                   f"{dfmt(when.date(), 'nl')} om {when:%H:%M} uur. " +
                   c.choice(["Neemt u uw medicatieoverzicht en verzekeringspas mee?", "Meld u 15 minuten van tevoren bij de centrale balie.",
                             "U hoeft niet nuchter te zijn."]) + "\n\n" + signature(c, "assist", ass[0]))
            subj = f"Afspraak {snl}"
        else:
            txt = (f"Dear {nm},\n\nYour appointment with the {sen2} at {hn} is on {EN_DAYS[when.weekday()]} "
                   f"{dfmt(when.date(), 'en')} at {when:%H:%M}. Please bring your medication list and insurance card.\n\n"
                   + signature(c, "assist", ass[0]))
            subj = f"Your {sen} appointment"
        return c.mail(ass, [(p.full, p.email)], subj, pick_root(c, txt))
    if style == 1:
        c.mark(personal=1)
        nm, dob, tel = c.pname(p, "formal"), c.pdob(p), c.pphone(p)
        if c.lang == "nl":
            txt = (f"Goedemiddag,\n\nWilt u voor {nm}, geboren {dob}, een afspraak inplannen bij de {snl}? "
                   f"Verwijzing is via ZorgDomein verstuurd. Patiënt is het best bereikbaar op {tel}.\n\n" +
                   c.choice(["Het betreft een semi-spoedverwijzing.", "Patiënt spreekt beperkt Nederlands; graag tolk inplannen.", ""]) +
                   "\n\n" + signature(c, "assist", ass[0]))
            subj = f"Verzoek afspraak {snl}"
        else:
            txt = (f"Good afternoon,\n\nCould you please book an appointment with the {sen2} for {nm}, born {dob}? "
                   f"The referral was sent yesterday. The best number to reach the patient is {tel}.\n\n" + signature(c, "assist", ass[0]))
            subj = f"Appointment request {sen}"
        return c.mail(ass, [(f"Planning {spec}", f"planning.{spec.split()[0].lower()}@{hd}")], subj, pick_root(c, txt))
    c.mark(personal=1)
    c.tag("ics", "mixed")
    nm = c.pname(p, "full")
    dob = c.pdob(p, "dmy")
    desc = (f"Patiënt: {nm}\nGeboortedatum: {dob}\nReden: {rnl}" if c.lang == "nl" else
            f"Patient: {nm}\nDate of birth: {dob}\nReason: {ren}")
    ics = make_ics([dict(start=when, end=when + dt.timedelta(minutes=20), summary=(f"Poli {spec} - {p.Surname}" if c.lang == "nl" else f"{sen} clinic - {p.Surname}"),
                         location=f"{hn}, route {c.rng.randint(1, 90)}", desc=desc, organizer=ass)], c.rng)
    body = "Afspraak ter bevestiging, zie uitnodiging." if c.lang == "nl" else "Appointment confirmation attached."
    root = c.multi("mixed", [c.text(body + "\n\n" + signature(c, "assist", ass[0])),
                             att(ics, "text/calendar", "afspraak.ics" if c.lang == "nl" else "appointment.ics", ctparams="method=REQUEST; charset=utf-8")])
    return c.mail(ass, [(f"Poli {spec}", f"poli@{hd}")], f"Afspraak {snl}" if c.lang == "nl" else f"{sen} appointment", root)


YOUTH_CONCERNS = [
    ("driftbuien thuis en in de klas, slaat klasgenoten; leerkracht vermoedt ADHD", "ADHD-diagnostiek via de jeugd-GGZ"),
    ("concentratieproblemen en leerachterstand; kinderpsycholoog heeft ADHD vastgesteld, start methylfenidaat 10 mg", "begeleiding medicatie en ouders"),
    ("schoolweigering sinds de herfstvakantie, buikpijn op zondagavond, angstig en teruggetrokken", "behandeling angstklachten (CGT)"),
    ("bedplassen (enuresis nocturna) op 9-jarige leeftijd, schaamte, wordt gepest", "plaswekker-training en kinderarts"),
    ("slaapproblemen, melatonine 1 mg helpt onvoldoende; vermoeden autisme", "ASS-diagnostiek"),
    ("overgewicht (BMI > 25 voor leeftijd), eet 's nachts, moeder maakt zich zorgen", "leefstijlprogramma en diëtist"),
    ("zelfbeschadiging (krassen op onderarmen), somber sinds scheiding ouders", "jeugd-GGZ met spoed"),
    ("eczeem verergerd door stress thuis, krabt open, slaapt slecht", "kinderdermatologie en opvoedondersteuning"),
]
HOME_SITUATIONS = [
    "Ouders zijn sinds vorig jaar gescheiden; vader heeft weinig contact. Moeder werkt onregelmatig in de zorg.",
    "Het gezin woont met vijf kinderen in een driekamerflat; er zijn forse schulden en een beslaglegging op het loon.",
    "Er is een melding bij Veilig Thuis gedaan na ruzie tussen ouders waarbij de politie is gekomen.",
    "Vader zit tijdelijk in detentie. Oma vangt de kinderen na school op.",
    "Moeder is zelf bekend met depressieve klachten en staat op de wachtlijst bij de GGZ.",
    "Het gezin is twee jaar geleden uit Syrië gekomen; de kinderen spreken goed Nederlands, ouders nog weinig.",
]


@recipe("youth-care")
def r_youth(c):
    ch = c.person(age=(4, 16))
    mother = c.person(sex="f", age=(28, 48))
    mother.last, mother.tv = (ch.last, ch.tv) if c.chance(0.5) else (mother.last, mother.tv)
    concern, plan = c.choice(YOUTH_CONCERNS)
    home = c.choice(HOME_SITUATIONS)
    school = c.choice(SCHOOLS)
    grp = c.rng.randint(1, 8) if ch.age < 12 else None
    c.mark(health=1, personal=1)
    c.tag("youth-care", "narrative")
    style = c.cycle(4)
    gp = gp_of(c)
    wt_dom = c.choice(["wijkteam-oost.example", "jeugdteam.gemeente-houten.example", "buurtteam-zuid.test", "jgz-regio.example"])
    if style == 0:
        sender = (c.choice(["Marieke Brink", "Youssef Amrani", "Linda Ruiter", "Koen Vink"]), f"jeugd@{wt_dom}")
        txt = (f"Beste dokter {gp[0].split()[-1]},\n\nIk ben als jeugd- en gezinswerker van het wijkteam betrokken bij "
               f"{c.pname(ch, 'full')}, geboren {c.pdob(ch)}, wonend op {c.paddr(ch)}. "
               f"{ch.first} zit {'in groep ' + str(grp) + ' van' if grp else 'op'} {school}.\n\n"
               f"Zorgen: {concern}.\n\nThuissituatie: {home}\n\n"
               f"Moeder, {c.pname(mother, 'title')}, geeft toestemming om met u te overleggen. Wij denken aan {plan}. "
               f"Kunnen we hierover bellen? Ik ben bereikbaar op 06-{c.rng.randint(10000000, 99999999)}.\n\n"
               f"Met vriendelijke groet,\n{sender[0]}\nJeugd- en gezinswerker")
        return c.mail(sender, [gp], c.choice([f"Overleg over {ch.first}", "Zorgen om kind uit uw praktijk", "Casus wijkteam"]),
                      pick_root(c, txt))
    if style == 1:
        c.tag("structured-fields")
        txt = ("Aanmelding jeugdhulp\n\n"
               f"Naam kind:        {c.pname(ch, 'full')}\nGeboortedatum:    {c.pdob(ch, 'dmy')}\n"
               f"Adres:            {c.paddr(ch)}\nSchool:           {school}{', groep ' + str(grp) if grp else ''}\n"
               f"Gezaghebbende:    {c.pname(mother, 'full')} (moeder), tel. {c.pphone(mother)}\n\n"
               f"Hulpvraag: {concern}.\nAchtergrond: {home}\nGevraagde hulp: {plan}.\n\n"
               f"Verwijzer: {gp[0]}, huisarts, {c.pr['name']}\n")
        return c.mail(gp, [("Toegang Jeugd", f"toegang@{wt_dom}")], c.choice(["Aanmelding jeugdhulp", "Verwijzing jeugd-GGZ", "aanmelding"]),
                      c.text(txt))
    if style == 2:
        jgz = (c.choice(["Anke Wolters", "Samira Haddou", "Ellen Dekkers"]), f"jgz@{wt_dom}")
        txt = (f"Hallo,\n\nVandaag op het consultatiebureau/de schoolarts gezien: {c.pname(ch, 'full')}, "
               f"{c.page(ch)}, {c.pdob(ch, 'dmy1')}. Zit op {school}. {concern[0].upper() + concern[1:]}. "
               f"{home} Wij adviseren {plan}.\n\nGraag jullie reactie, dan stemmen we af wie wat doet.\n\n"
               f"Groet,\n{jgz[0]}\njeugdverpleegkundige")
        return c.mail(jgz, [gp], "Terugkoppeling JGZ", pick_root(c, txt))
    # style 3: MDO notes
    c.tag("meeting-notes")
    txt = (f"Verslag MDO {dfmt(c.today, 'dmy')}\n\nAanwezig: huisarts, POH-jeugd, wijkteam, intern begeleider {school}\n\n"
           f"Betreft: {c.pname(ch, 'full')} ({c.pdob(ch, 'dmy')}), {c.paddr(ch)}\n"
           f"Ouders: {c.pname(mother, 'full')} en partner\n\n1. Stand van zaken\n   {concern}.\n2. Thuis\n   {home}\n"
           f"3. Afspraken\n   - {plan}\n   - school meldt verzuim bij leerplicht\n   - evaluatie over 6 weken\n")
    return c.mail(staff_of(c, "poh"), [gp, ("Wijkteam", f"mdo@{wt_dom}")], "Verslag MDO", pick_root(c, txt))


def ggz_tags(c, prob):
    c.tag("ggz")
    if "dood" in prob["nl"]:
        c.tag("suicidality")
    if prob["dx"].startswith(("P15", "P19")):
        c.tag("addiction")


@recipe("ggz")
def r_ggz(c):
    p = c.person(age=(17, 75))
    prob = GGZ_PROBLEMS[(c.k * 3) % len(GGZ_PROBLEMS)]
    poh = staff_of(c, "poh")
    gp = gp_of(c)
    c.mark(health=1)
    ggz_tags(c, prob)
    style = c.cycle(4)
    if c.lang == "en":
        c.mark(personal=1)
        txt = (f"Dear colleague,\n\nI am referring {c.pname(p, 'formal', 'en')}, date of birth {c.pdob(p)}, phone {c.pphone(p)}, "
               f"for English-language psychological treatment.\n\nPresenting problem: {prob['en']}.\n"
               f"Seen by our mental health nurse for {c.rng.randint(3, 6)} sessions. " +
               (f"Started on {prob['med']} daily." if prob["med"] else "No medication.") +
               "\n\nKind regards,\n" + gp[0] + "\nGP\n")
        return c.mail(gp, [("Intake team", "intake@expat-psychology.example")], "Referral psychological care", pick_root(c, txt))
    if style == 0:
        c.tag("poh-note")
        n = c.rng.randint(2, 6)
        txt = (f"Hoi {gp[0].split()[0]},\n\nKort verslag gesprek {n} met {c.pname(p, 'formal')} (geb. {c.pdob(p)}).\n\n"
               f"S: {prob['nl']}.\nO: {c.choice(['vlak affect, spreekt zacht', 'onrustig, huilt tijdens gesprek', 'goed contact, wat gespannen'])}.\n"
               f"E: {prob['dx']}.\nP: " + c.choice(["verwijzen naar basis-GGZ", "volgende afspraak over twee weken",
                                                     "graag jouw beoordeling medicatie", "crisisdienst ingelicht, morgen telefonisch contact"]) +
               f".\n\nGroet,\n{poh[0].split()[0]}")
        c.mark(personal=1)
        return c.mail(poh, [gp], c.choice(["verslag POH-GGZ", "SOEP gesprek", "terugkoppeling gesprek"]), c.text(txt))
    if style == 1:
        org, dom = c.choice(GGZ_ORGS)
        txt = (f"Geachte collega,\n\nHierbij verwijs ik {c.pname(p, 'formal')}, geboren {c.pdob(p)}, wonende {c.paddr(p)}, "
               f"BSN {c.bsn_text(p)}, naar {org}.\n\nKlachten: {prob['nl']}.\nWerkhypothese: {prob['dx']}.\n"
               f"Eerdere behandeling: {c.rng.randint(3, 8)} gesprekken POH-GGZ met onvoldoende effect.\n"
               + (f"Medicatie: {prob['med']} sinds {c.rng.randint(2, 10)} weken.\n" if prob["med"] else "")
               + "\nVraagstelling: diagnostiek en behandeling.\n\n" + signature(c, "gp", gp[0]))
        c.mark(personal=1)
        return c.mail(gp, [("Aanmeldteam", f"aanmelden@{dom}")], "Verwijzing GGZ", pick_root(c, txt))
    if style == 2:
        org, dom = c.choice(GGZ_ORGS)
        when = c.now - dt.timedelta(days=1, hours=3)
        inner = (f"Geachte collega,\n\nUw patiënt {c.pname(p, 'formal')}, geb. {c.pdob(p, 'dmy')}, heeft bij ons een behandeling "
                 f"gevolgd in verband met {prob['nl']}. De behandeling is afgerond. Terugvalpreventieplan is met patiënt besproken.\n\n"
                 f"Met vriendelijke groet,\nGZ-psycholoog, {org}")
        c.mark(personal=1)
        c.tag("inline-forward")
        txt = ("Voor jouw info, wil je haar over een maand nog eens zien?\n\n" + gp[0].split()[0] + "\n\n" +
               fwd_block(c, ("Secretariaat " + org, f"secretariaat@{dom}"), gp, when, "Afsluitbrief behandeling") + "\n" + inner)
        return c.mail(gp, [poh], "Fwd: Afsluitbrief behandeling", pick_root(c, txt))
    hap = ("Huisartsenpost", c.choice(["overdracht@hap-utrecht.example", "triage@huisartsenpost.test"]))
    txt = (f"Collega's,\n\nLet op dit weekend: {c.pname(p, 'full')}, {c.pdob(p, 'dmy')}, tel. {c.pphone(p)}.\n{prob['nl']}. "
           "Bij contact graag laagdrempelig crisisdienst GGZ inschakelen. Partner is op de hoogte.\n\n" + gp[0])
    c.mark(personal=1)
    return c.mail(gp, [hap], c.choice(["Overdracht - let op", "waarneembericht", "OVERDRACHT"]), c.text(txt))


SYMPTOMS_NL = [
    ("sinds de vakantie een droge hoest en de omeprazol helpt niet", "omeprazol"),
    ("al een week pijn bij het plassen en moet steeds", None),
    ("mijn bloeddruk thuis gemeten en die was 168/97", None),
    ("nog steeds last van mijn rug, de naproxen helpt maar half", "naproxen"),
    ("de zalf voor mijn eczeem is bijna op (de triamcinolon)", "triamcinolon"),
    ("slaap ik slecht sinds ik met de sertraline ben begonnen", "sertraline"),
    ("duizelig als ik opsta, sinds de nieuwe bloeddrukpillen", "amlodipine"),
    ("weer zo'n migraineaanval gehad, de sumatriptan werkt niet meer zo goed", "sumatriptan"),
    ("een bult in mijn lies die pijn doet bij tillen", None),
    ("mijn inhaler (salbutamol) bijna elke nacht nodig", "salbutamol"),
]


@recipe("patient-nl")
def r_patient_nl(c):
    p = c.person(age=(18, 85))
    style = c.cycle(6)
    style = 1 if style == 5 else style
    ass = staff_of(c, "assist")
    c.tag("patient-nl", "first-person")
    greet = c.choice(["Beste assistente,", "Goedemorgen,", "Hallo,", "Geachte dokter,", "Beste praktijk,"])
    if style == 0:  # address change + repeat prescription
        cd = c.choice(COND)
        c.mark(health=1, personal=1)
        txt = (f"{greet}\n\nIk ben per {dfmt(c.days(-20, 5), 'nl')} verhuisd. Mijn nieuwe adres is {c.paddr(p, sep=' te ' if c.chance(0.3) else ', ')}. "
               f"Mijn geboortedatum is {c.pdob(p)}. Mijn telefoonnummer blijft hetzelfde.\n\n"
               f"Kunt u ook mijn herhaalrecept {c.choice(cd['meds'])} naar de nieuwe apotheek sturen?\n\n"
               f"Met vriendelijke groet,\n{c.pname(p, 'full')}")
        return c.mail((p.full, p.email), [(c.pr["name"], f"info@{c.pr['dom']}")], c.choice(["Adreswijziging", "nieuw adres + recept", "verhuizing"]),
                      c.text(txt))
    if style == 1:  # informal short, first name only
        sym, med = c.choice(SYMPTOMS_NL)
        c.mark(health=1)
        c.tag("patient-informal")
        txt = (c.choice(["hoi, ", "Hoi,\n\n", "Goedemiddag, ", "hallo "]) + f"ik heb {sym}. " +
               c.choice(["kan ik langskomen?", "Moet ik een afspraak maken of kan de dokter bellen?", "wat moet ik doen?", "kan ik iets anders proberen?"]) +
               "\n\n" + c.choice(["groetjes ", "gr ", "Groet, ", ""]) + c.pname(p, "first") +
               c.choice(["", "\n\nVerzonden vanaf mijn iPhone", "\n\nVerstuurd vanaf mijn Galaxy"]))
        c.client = Ctx.CLIENTS[3] if "iPhone" in txt else c.client
        return c.mail((p.full if c.chance(0.6) else "", p.email), [(c.pr["name"], f"info@{c.pr['dom']}")],
                      c.choice(["vraag", "hoest", "klachten", "afspraak?", "", "vraagje"]), c.text(txt, force=("utf-8", "8bit")))
    if style == 2:  # repeat prescription with DOB
        meds = doc_medlist(c, p)
        c.mark(personal=1)
        txt = (f"{greet}\n\nGraag wil ik een herhaalrecept aanvragen voor:\n" + "\n".join(f"- {m}" for m, _ in meds) +
               f"\n\nNaam: {c.pname(p, 'full')}\nGeboortedatum: {c.pdob(p)}\n" +
               c.choice(["Ik haal het op bij de apotheek op de hoek.", "Graag naar Apotheek De Linde.", ""]) + "\n\nBedankt!")
        return c.mail((p.full, p.email), [("Receptenlijn", f"recepten@{c.pr['dom']}")], "herhaalrecept", c.text(txt))
    if style == 3:  # dossier transfer: personal only
        c.mark(personal=1)
        c.tag("admin-only")
        newgp = c.choice(["Huisartsenpraktijk Vathorst", "Huisartsen Leidsche Rijn", "Praktijk Het Lage Land"])
        txt = (f"{greet}\n\nWij gaan verhuizen en ik wil mij uitschrijven bij uw praktijk. Wilt u mijn dossier overdragen aan {newgp}?\n\n"
               f"Naam: {c.pname(p, 'full')}\nGeboortedatum: {c.pdob(p, 'dmy')}\nOud adres: {c.paddr(p)}\n"
               f"Telefoon: {c.pphone(p)}\n\nMet vriendelijke groet,\n{p.first}")
        return c.mail((p.full, p.email), [(c.pr["name"], f"info@{c.pr['dom']}")], "Uitschrijven / dossier overdragen", c.text(txt))
    # style 4: assistant forwards patient mail to GP
    sym, med = c.choice(SYMPTOMS_NL)
    c.mark(health=1, personal=1)
    c.tag("inline-forward")
    inner = (f"Goedemiddag,\n\nIk ben {c.pname(p, 'full')}, geboren op {c.pdob(p, 'nl')}. Ik heb {sym}. "
             f"Ik ben overdag bereikbaar op {c.pphone(p)}.\n\nGroet,\n{p.first}")
    gp = gp_of(c)
    txt = (c.choice(["Wil jij hier even naar kijken? Mag ze een afspraak maken?", "Graag terugbellen, zie hieronder.", "Voor jou."]) +
           f"\n\n{ass[0].split()[0]}\n\n" + fwd_block(c, (p.full, p.email), (c.pr["name"], f"info@{c.pr['dom']}"),
                                                      c.now - dt.timedelta(hours=5), "vraag") + "\n" + inner)
    return c.mail(ass, [gp], "Fwd: vraag", c.text(txt))


@recipe("patient-en")
def r_patient_en(c):
    c.lang = "en"
    style = c.cycle(8)
    org = c.choice(["ot", "ot", "nl", "pl", "sr"])
    if style in (1, 2):
        p = c.person(age=(22, 42), sex="f", origin=org)
    elif style == 6:
        p = c.person(age=(25, 45), origin=org)
    else:
        p = c.person(age=(20, 65), origin=org)
    to = (c.pr["name"], c.choice([f"info@{c.pr['dom']}", f"assistentes@{c.pr['dom']}"]))
    c.tag("patient-en", "first-person")
    c.mark(health=1)
    sign = c.choice([p.first, p.full, f"Thanks,\n{p.first}", f"Best,\n{p.first} {p.Surname}"])
    if style == 0:
        med = c.choice(["sertraline 50mg", "metformin", "the new blood pressure tablets (amlodipine)", "citalopram", "the pill (Microgynon)"])
        se = c.choice(["nausea and I can hardly sleep", "swollen ankles", "a constant headache", "dizziness when I stand up", "spotting between periods"])
        txt = (f"Hello,\n\nSince starting {med} two weeks ago I've had {se}. Is this normal or should I stop taking it? "
               f"My date of birth is {c.pdob(p, c.choice(['slash', 'en', 'dmy']))} in case you need it to find my file.\n\n{sign}")
        c.mark(personal=1)
        subj = c.choice(["Side effects", "question about my medication", "side effects?"])
    elif style == 1:
        wk = c.rng.randint(7, 12)
        txt = (f"Dear Dr {c.choice(STAFF['gp']).split()[-1]},\n\nI wanted to let you know that I had a miscarriage last weekend at {wk} weeks. "
               f"The emergency department at {c.choice(HOSPITALS)[0]} did an ultrasound and said it was complete, and I don't need a D&C. "
               "I'm still bleeding a bit and feel very low. Could I have a phone call with you this week?\n\n"
               f"{c.pname(p, 'full')}\nborn {c.pdob(p, 'en')}")
        c.mark(personal=1)
        subj = c.choice(["Miscarriage", "Update after hospital visit", "phone appointment please"])
        c.tag("pregnancy")
    elif style == 2:
        txt = (f"Hi,\n\nI just found out I'm pregnant (about {c.rng.randint(5, 9)} weeks). I take levothyroxine 75 mcg for my thyroid - "
               "should the dose change? Also, do I need to register with a midwife myself?\n\n"
               f"{sign}\n{c.pname(p, 'full')} - {c.pdob(p, 'slash')}")
        c.mark(personal=1)
        subj = "Pregnant - thyroid medication"
        c.tag("pregnancy")
    elif style == 3:
        txt = (f"Hello,\n\nI'm sorry to write this by email. I've been struggling with anxiety and panic attacks since moving to the Netherlands "
               "last year, and lately I have dark thoughts at night. I'm not going to do anything, but I think I need help. "
               "Is there someone at the practice who speaks English that I could talk to?\n\n" + c.pname(p, "first"))
        subj = c.choice(["Need to talk to someone", "mental health", "appointment"])
        c.tag("mental-health", "suicidality")
    elif style == 4:
        txt = (f"Dear practice,\n\nI would like to register as a new patient. My details:\n\nName: {c.pname(p, 'full')}\n"
               f"Date of birth: {c.pdob(p, 'en')}\nAddress: {c.paddr(p)}\nBSN: {c.bsn_text(p)}\nPhone: {c.pphone(p, 2)}\n\n"
               f"I have asthma and use a salbutamol inhaler. My previous GP was in {c.choice(['Dublin', 'Krakow', 'Manchester', 'Porto'])}.\n\n"
               f"Kind regards,\n{p.first}")
        c.mark(personal=1)
        subj = "New patient registration"
    elif style == 5:
        txt = (f"Hi,\n\nI had blood taken last Tuesday for my iron levels. Are the results in yet? The doctor said my ferritin was very low last time.\n\n"
               f"{p.full}\n{c.pdob(p, 'slash')}")
        c.e("person", p.full)
        c.mark(personal=1)
        subj = "blood test results"
    elif style == 6:
        kid = c.person(age=(1, 8), sex="m", origin=p.origin)
        kid.last, kid.tv = p.last, p.tv
        txt = (f"Hello,\n\nMy son {c.pname(kid, 'full')} (born {c.pdob(kid, 'en')}) has had a fever of 39.5 since yesterday and a rash on his belly. "
               "He is drinking but very tired. Should we come in today?\n\n" + sign)
        c.mark(personal=1)
        subj = "Son with fever and rash"
    else:
        txt = (f"Hi there,\n\nWe're travelling to {c.choice(['Kenya', 'Indonesia', 'Peru', 'India'])} in {c.choice(EN_MONTHS)}. "
               "I take methotrexate 15 mg weekly for rheumatoid arthritis - can I still have the yellow fever vaccine?\n\n" + sign)
        subj = "Travel vaccinations"
    if c.chance(0.3):
        txt += "\n\nSent from my iPhone"
        c.client = Ctx.CLIENTS[3]
    return c.mail((p.full, p.email), [to], subj, c.text(txt))


@recipe("html-letter")
def r_html_letter(c):
    """HTML-only letter whose facts sit in table cells."""
    p = c.person(age=(20, 90))
    gp = gp_of(c)
    c.tag("html-only", "html-table")
    c.mark(health=1, personal=1)
    nm, dob = c.pname(p, "sort"), c.pdob(p, "dmy")
    a = c.e("address", p.address)
    pc = c.e("postcode", p.pc)
    bsn = c.chance(0.5)
    spec, rnl, ren, icpc = pick_referral(c, p)
    ent = c.chance(0.7)
    if ent:
        c.tag("html-entities")

    def esc(s):
        s = html.escape(s)
        if ent:  # named/numeric entities as mail clients write them
            s = s.replace("ë", "&euml;").replace("é", "&eacute;").replace("ï", "&iuml;").replace(" ", "&nbsp;", 1)
        return s
    rows = [("Naam" if c.lang == "nl" else "Name", esc(nm)), ("Geboortedatum" if c.lang == "nl" else "Date of birth", dob),
            ("Adres" if c.lang == "nl" else "Address", f"{esc(a)}<br>{pc.replace(' ', '&nbsp;')}&nbsp;{esc(p.city)}")]
    if bsn:
        b = c.bsn_text(p, c.choice(["plain", "spaces", "dots"]))
        if ent:
            b = b.replace(" ", "&nbsp;")
        rows.append(("BSN", b))
    if c.lang == "nl":
        rows += [("Specialisme", spec), ("Reden", esc(rnl)), ("ICPC", icpc)]
        intro, outro = "Geachte collega,<br><br>Graag uw aandacht voor onderstaande patiënt.", "Met collegiale groet"
    else:
        rows += [("Specialty", SPECS[spec][1]), ("Reason", esc(ren)), ("ICPC", icpc)]
        intro, outro = "Dear colleague,<br><br>Please see the patient below.", "Kind regards"
    style = c.cycle(3)
    if style == 0:
        tbl = "<table style='border-collapse:collapse' border='1' cellpadding='4'>" + "".join(
            f"<tr><td style='background:#eef'><b>{k}</b></td><td>{v}</td></tr>" for k, v in rows) + "</table>"
    elif style == 1:
        tbl = ("<table width='100%'><tr>" + "".join(f"<th align='left'>{k}</th>" for k, _ in rows[:4]) + "</tr><tr>" +
               "".join(f"<td>{v}</td>" for _, v in rows[:4]) + "</tr></table><table>" +
               "".join(f"<tr><td>{k}:</td><td>{v}</td></tr>" for k, v in rows[4:]) + "</table>")
    else:
        tbl = ("<div class='WordSection1'><table class='MsoNormalTable' border=0 cellspacing=0 cellpadding=0>" +
               "".join(f"<tr><td width=160 valign=top style='padding:0cm 5.4pt'><p class=MsoNormal><span style='font-size:10.0pt'>{k}</span></p></td>"
                       f"<td valign=top style='padding:0cm 5.4pt'><p class=MsoNormal><span style='font-size:10.0pt'>{v}</span></p></td></tr>"
                       for k, v in rows) + "</table></div>")
        c.tag("outlook-html")
    h = (f"<html><head><meta charset='utf-8'><style>td{{font-family:Arial;font-size:10pt}}</style></head><body>"
         f"<p>{intro}</p>{tbl}<p>{outro},<br>{html.escape(gp[0])}<br>{html.escape(c.pr['name'])}</p></body></html>")
    cs, cte = c.body_enc(h)
    to, _ = hospital_addr(c, spec)
    return c.mail(gp, [to], (f"Verwijzing {spec}" if c.lang == "nl" else f"Referral {SPECS[spec][1]}"), tpart(h, "html", cs, cte))


@recipe("docx")
def r_docx(c):
    p = c.person(age=(20, 92))
    gp = gp_of(c)
    c.tag("docx", "mixed")
    c.mark(health=1, personal=1)
    hdr_block = c.chance(0.8)
    if c.lang == "nl":
        rows = [("Patiënt", c.pname(p, "formal")), ("Geboortedatum", c.pdob(p, "dmy")), ("Adres", c.paddr(p))]
        if c.chance(0.6):
            rows.append(("BSN", c.bsn_text(p)))
        rows.append(("Patiëntnummer", c.ppatnr(p)))
    else:
        rows = [("Patient", c.pname(p, "formal", "en")), ("Date of birth", c.pdob(p, "en")), ("Address", c.paddr(p))]
        if c.chance(0.6):
            rows.append(("BSN", c.bsn_text(p)))
    kind = c.cycle(3)
    if kind == 0:
        _, txt = doc_referral(c, p, 0, bsn=False) if c.lang == "nl" else ("", "")
        if c.lang == "en":
            _, txt = doc_referral(c, p, 0, lang="en", bsn=False)
        paras = [x for x in txt.split("\n") if x.strip()]
        title = "Verwijsbrief" if c.lang == "nl" else "Referral letter"
    elif kind == 1:
        lines = doc_discharge(c, p, c.lang)
        paras, title = lines[2:], lines[0]
    else:
        prob = c.choice(GGZ_PROBLEMS)
        ggz_tags(c, prob)
        paras = ([f"Klachten: {prob['nl']}.", f"Werkhypothese: {prob['dx']}.", "Beleid: verwijzing basis-GGZ, tussentijds contact POH-GGZ."]
                 if c.lang == "nl" else [f"Presenting problem: {prob['en']}.", f"Working diagnosis: {prob['dx']}.", "Plan: referral to psychologist."])
        title = "Verwijzing GGZ" if c.lang == "nl" else "Mental health referral"
    if hdr_block:
        c.tag("docx-header-table")
        data = make_docx(paras, header_rows=rows, title=title, author=gp[0])
    else:
        c.tag("docx-body-table")
        data = make_docx(paras, table=[list(r) for r in rows], title=title, author=gp[0])
    fname = c.choice(["verwijsbrief.docx", "brief.docx", f"brief_{p.last.lower()}.docx", "Document1.docx"]) if c.lang == "nl" else "letter.docx"
    body = c.choice(["Geachte collega,\n\nBijgaand treft u de brief aan.", "Zie bijlage.", "Hierbij de brief zoals besproken."]) if c.lang == "nl" else "Please find the letter attached."
    root = c.multi("mixed", [c.text(body + "\n\n" + signature(c, "gp", gp[0])),
                             att(data, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", fname)])
    if kind == 0:
        to = hospital_addr(c, getattr(c, "spec", None))[0] if c.lang == "nl" else ("Referrals Office", "referrals@clinic-london.example")
    elif kind == 1:
        to = c.choice([("Wijkverpleging Oost", "oost@wijkverpleging.test"), staff_of(c, "poh"), ("Specialist ouderengeneeskunde", "so@verpleeghuis-delinde.example")])
        title = ("Ontslagbrief ter info" if c.lang == "nl" else "Discharge letter for your information")
    else:
        to = ("Aanmelding", f"aanmelden@{c.choice(GGZ_ORGS)[1]}")
    return c.mail(gp, [to], title, root)


@recipe("xlsx")
def r_xlsx(c):
    gp = gp_of(c)
    c.tag("xlsx", "mixed", "multi-patient")
    kind = c.cycle(3)
    rows, fmts = [], {}
    n = c.rng.randint(5, 14)
    if kind == 0:
        c.mark(health=1, personal=1)
        rows.append(["Naam", "Geboortedatum", "Telefoon", "Risicogroep", "Gevaccineerd"] if c.lang == "nl" else
                    ["Name", "Date of birth", "Phone", "Risk group", "Vaccinated"])
        for _ in range(n):
            q = c.person(age=(60, 95))
            d = q.dob
            c.e("person", q.full)
            c.e("birthdate", dfmt(d, "dmy"))
            rows.append([q.full, dt.datetime(d.year, d.month, d.day), c.pphone(q, 0), c.choice(COND)["nl" if c.lang == "nl" else "en"],
                         c.choice(["ja", "nee", ""]) if c.lang == "nl" else c.choice(["yes", "no", ""])])
        fmts = {"B": "dd-mm-yyyy"}
        c.tag("xlsx-date-cells")
        title, fname = ("Griepvaccinatie", "oproeplijst_griep.xlsx") if c.lang == "nl" else ("Flu", "flu_list.xlsx")
        subj = "Oproeplijst griepprik (niet verder sturen)" if c.lang == "nl" else "Flu vaccination call list"
    elif kind == 1:
        c.mark(health=1, personal=1, bsn=1)
        rows.append(["BSN", "Achternaam", "Voorletters", "Geb.datum", "Postcode", "HbA1c", "Laatste controle"])
        for _ in range(n):
            q = c.person(age=(40, 90))
            c.e("bsn", q.bsn)
            c.e("person", q.surname)
            c.e("birthdate", dfmt(q.dob, "dmy"))
            c.e("postcode", q.pc)
            rows.append([int(q.bsn) if c.chance(0.7) else q.bsn, q.surname, q.initials, dfmt(q.dob, "dmy"), q.pc,
                         int(lab_value(c.rng, "HbA1c")[1]), dfmt(c.today - dt.timedelta(days=c.rng.randint(20, 400)), "dmy")])
        if any(str(r[0]).startswith("0") for r in rows[1:]):
            fmts = {"A": "000000000"}
        c.tag("xlsx-numeric-bsn")
        title, fname, subj = "DM", "ketenzorg_dm_export.xlsx", "Export ketenzorg DM"
    else:
        c.mark(health=1, personal=1)
        rows.append(["Datum", "Patiënt", "Telefoon", "Reden terugbellen", "Door"] if c.lang == "nl" else
                    ["Date", "Patient", "Phone", "Reason for call-back", "By"])
        for _ in range(n):
            q = c.person()
            sym = c.choice(SYMPTOMS_NL)[0] if c.lang == "nl" else c.choice(["chest pain yesterday", "repeat prescription sertraline",
                                                                            "result of urine test", "rash after amoxicillin"])
            rows.append([dfmt(c.today, "dmy"), c.pname(q, "full"), c.pphone(q, 1), sym, c.choice(["DV", "SK", "MS", "YO"])])
        title, fname = ("Terugbellijst", "terugbellijst.xlsx") if c.lang == "nl" else ("Callbacks", "callbacks.xlsx")
        subj = "terugbellijst vandaag" if c.lang == "nl" else "call-back list"
    data = make_xlsx([(title, rows, fmts)], creator=gp[0])
    body = c.choice(["Zie bijlage.", "Hierbij de lijst, graag vertrouwelijk behandelen.", "De lijst voor morgen."]) if c.lang == "nl" else "See attached."
    to = c.choice([staff_of(c, "poh"), staff_of(c, "assist"), ("Ketenzorg Regio", "data@zorggroep-regio.example")])
    root = c.multi("mixed", [c.text(body + "\n\n" + gp[0].split()[0]),
                             att(data, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", fname)])
    return c.mail(gp, [to], subj, root)


@recipe("odt")
def r_odt(c):
    p = c.person(age=(20, 90))
    gp = gp_of(c)
    c.tag("odt", "mixed")
    if c.chance(0.5):
        lines = doc_discharge(c, p, c.lang)
        data = make_odt(lines[2:], title=lines[0])
    else:
        lines, rows, cd = doc_lab(c, p, bsn=c.chance(0.5))
        tbl = [["Bepaling", "Uitslag", "Eenheid"]] + [[n, v, u] for n, v, u, _ in rows]
        data = make_odt(lines[:lines.index("")], table=tbl, title="Laboratoriumuitslagen")
    root = c.multi("mixed", [c.text(c.choice(["Bijgaand het document.", "In de bijlage de gegevens.", "Zie bijlage (LibreOffice)."]) + "\n\n" + gp[0]),
                             att(data, "application/vnd.oasis.opendocument.text", c.choice(["brief.odt", "uitslagen.odt", "overdracht.odt"]))])
    return c.mail(gp, [c.choice([staff_of(c, "poh"), hospital_addr(c)[0]])], c.choice(["document", "brief", "overdracht"]), root)


@recipe("pdf")
def r_pdf(c):
    p = c.person(age=(20, 92))
    gp = gp_of(c)
    c.tag("pdf-text", "mixed")
    kind = c.cycle(3)
    if kind == 0:
        subj, txt = doc_referral(c, p, c.rng.randrange(2), bsn=c.chance(0.6))
        lines, title = txt.split("\n"), ("Verwijsbrief" if c.lang == "nl" else "Referral letter")
    elif kind == 1:
        lines = doc_discharge(c, p, c.lang)
        title = lines[0]
        lines = lines[2:]
    else:
        lines, rows, cd = doc_lab(c, p, bsn=c.chance(0.4))
        title = "Uitslagen laboratorium" if c.lang == "nl" else "Laboratory report"
    if c.chance(0.25):
        c.tag("pdf-page3")
        lines = ["Algemene informatie over uw behandeling." if c.lang == "nl" else "General information."] * 3 + ["\f"] + \
                ["(blanco)"] + ["\f"] + lines
    data = make_pdf(lines, title)
    fname = c.choice(["brief.pdf", "scan0001.pdf", f"{title.replace(' ', '_').lower()}.pdf", "document.pdf"])
    body = c.choice(["Geachte collega,\n\nIn de bijlage vindt u de brief.", "Zie bijgevoegde pdf.", "Ter info."]) if c.lang == "nl" else "Please find attached."
    root = c.multi("mixed", [pick_root(c, body + "\n\n" + signature(c, "gp", gp[0])), att(data, "application/pdf", fname)])
    return c.mail(gp, [c.choice([hospital_addr(c)[0], staff_of(c, "poh"), ("Bedrijfsarts", "spreekuur@arbodienst.example")])],
                  c.choice([title, "brief", "bijlage"]), root)


@recipe("rtf")
def r_rtf(c):
    p = c.person(age=(20, 92))
    gp = gp_of(c)
    c.tag("rtf", "mixed")
    subj, txt = doc_referral(c, p, 0, bsn=c.chance(0.6))
    data = make_rtf([x for x in txt.split("\n")])
    root = c.multi("mixed", [c.text("Bijlage: verwijsbrief (RTF uit het HIS).\n\n" + gp[0]),
                             att(data, c.choice(["application/rtf", "text/rtf"]), c.choice(["verwijsbrief.rtf", "brief.rtf"]))])
    return c.mail(gp, [hospital_addr(c)[0]], subj, root)


@recipe("hl7")
def r_hl7(c):
    p = c.person(age=(18, 90), charset="latin-1")
    gp = gp_of(c)
    c.tag("hl7", "mixed")
    c.mark(health=1, personal=1)
    ts = c.now.strftime("%Y%m%d%H%M")
    ctl = c.rng.randint(100000, 999999)
    sex = "F" if p.sex == "f" else "M"
    bsn = c.chance(0.7)
    pid3 = (f"{c.e('bsn', p.bsn)}^^^NLMINBIZA^NNNLD~" if bsn else "") + f"{c.e('patient-number', p.patnr)}^^^LAB^PI"
    if bsn:
        c.mark(bsn=1)
    fam = c.e("person", p.surname)
    given = c.e("person", p.first)
    dob = c.e("birthdate", dfmt(p.dob, "hl7"))
    street = c.e("address", p.address)
    pcode = c.e("postcode", p.pc)
    segs = [f"MSH|^~\\&|LABSYS|HUISARTSENLAB|HIS|{c.pr['name'].upper()[:20]}|{ts}||ORU^R01^ORU_R01|{ctl}|P|2.5.1|||AL|NE|NLD|8859/1",
            f"PID|1||{pid3}||{fam}^{given}^^^^^L||{dob}|{sex}|||{street}^^{p.city}^^{pcode}^NL^H||^PRN^CP^^^^^^^^^{c.e('phone', p.phone(3))}",
            f"PV1|1|O|||||01{c.rng.randint(100000, 999999)}^{gp[0].split()[-1]}^{gp[0].split()[0][0]}",
            f"OBR|1|{c.rng.randint(10**7, 10**8)}|{c.rng.randint(10**7, 10**8)}|BLOED^Bloedonderzoek|||{ts}"]
    cd = c.choice([x for x in COND if x["labs"]])
    loinc = {"HbA1c": "4548-4", "glucose": "1558-6", "egfr": "62238-1", "kreat": "2160-0", "kalium": "2823-3", "natrium": "2951-2",
             "ldl": "13457-7", "chol": "2093-3", "tsh": "3016-3", "ft4": "3024-7", "hb": "718-7", "ferritine": "2276-4",
             "ggt": "2324-2", "alat": "1742-6", "mcv": "787-2", "b12": "2132-9", "bse": "4537-7", "crp": "1988-5", "ntprobnp": "33762-6"}
    for i, k in enumerate(cd["labs"], 1):
        n, v, u, r = lab_value(c.rng, k, "en")
        flag = c.choice(["H", "N", "L", ""])
        segs.append(f"OBX|{i}|NM|{loinc[k]}^{n}^LN||{v}|{u}|{r}|{flag}|||F|||{ts}")
    if c.chance(0.5):
        segs.append(f"NTE|1||{c.choice(['Graag herhalen over 3 maanden.', 'Gehemolyseerd monster, kalium onbetrouwbaar.', 'Uitslag telefonisch doorgegeven.'])}")
    data = ("\r".join(segs) + "\r").encode("latin-1", "replace")
    ct = c.choice(["application/hl7-v2", "text/plain", "application/octet-stream", "x-application/hl7-v2+er7"])
    fname = c.choice(["uitslag.hl7", f"ORU_{ctl}.hl7", "lab.txt", "bericht.er7"])
    c.tag("hl7-as-" + ("text" if ct == "text/plain" else "binary-type"))
    body = c.choice(["Labbericht dat niet in het HIS is ingelezen, graag handmatig verwerken.",
                     "Bijgaand het HL7-bericht ter controle van de koppeling.", "Ter info: mislukt bericht uit de inbox."])
    root = c.multi("mixed", [c.text(body + "\n\n" + gp[0]), att(data, ct, fname)])
    return c.mail(gp, [c.choice([("Servicedesk HIS", "support@his-leverancier.example"), staff_of(c, "assist")])],
                  c.choice(["HL7 bericht niet verwerkt", "Mislukt labbericht", "Koppeling lab"]), root)


def fhir_patient(c, p, bsn=True):
    pat = {"resourceType": "Patient", "id": f"pat-{c.rng.randint(1000, 9999)}"}
    ids = []
    if bsn:
        c.mark(bsn=1)
        ids.append({"system": "http://fhir.nl/fhir/NamingSystem/bsn", "value": c.e("bsn", p.bsn)})
    ids.append({"system": f"urn:oid:2.16.840.1.113883.2.4.6.3.{c.rng.randint(10, 99)}", "value": c.e("patient-number", p.patnr)})
    pat["identifier"] = ids
    nm = {"use": "official", "family": c.e("person", p.surname), "given": [c.e("person", p.first)]}
    if p.tv:
        nm["_family"] = {"extension": [{"url": "http://hl7.org/fhir/StructureDefinition/humanname-own-prefix", "valueString": p.tv},
                                       {"url": "http://hl7.org/fhir/StructureDefinition/humanname-own-name", "valueString": p.last}]}
    pat["name"] = [nm]
    pat["telecom"] = [{"system": "phone", "value": c.e("phone", p.phone(0)), "use": "mobile"}]
    pat["gender"] = "female" if p.sex == "f" else "male"
    pat["birthDate"] = c.e("birthdate", p.dob.isoformat())
    pat["address"] = [{"use": "home", "line": [c.e("address", p.address)], "city": p.city, "postalCode": c.e("postcode", p.pc), "country": "NL"}]
    return pat


def fhir_obs(c, k, pid):
    n, v, u, r = lab_value(c.rng, k, "en")
    return {"resourceType": "Observation", "id": f"obs-{c.rng.randint(1000, 9999)}", "status": "final",
            "code": {"coding": [{"system": "http://loinc.org", "display": n}], "text": n},
            "subject": {"reference": f"Patient/{pid}"},
            "effectiveDateTime": (c.today - dt.timedelta(days=2)).isoformat(),
            "valueQuantity": {"value": float(v), "unit": u}}


@recipe("fhir-json")
def r_fhir_json(c):
    p = c.person(age=(18, 90))
    c.tag("fhir-json", "mixed")
    c.mark(health=1, personal=1)
    pat = fhir_patient(c, p, bsn=c.chance(0.7))
    cd = c.choice([x for x in COND if x["labs"]])
    entries = [{"resource": pat}] + [{"resource": fhir_obs(c, k, pat["id"])} for k in cd["labs"]]
    entries.append({"resource": {"resourceType": "Condition", "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icpc-1-nl", "code": cd["icpc"], "display": cd["nl"]}]},
                                 "subject": {"reference": f"Patient/{pat['id']}"}}})
    bundle = {"resourceType": "Bundle", "type": "collection", "entry": entries}
    data = json.dumps(bundle, indent=c.choice([2, None]), ensure_ascii=c.chance(0.5)).encode("utf-8")
    if b"\\u" in data:
        c.tag("json-unicode-escapes")
    dev = (c.choice(["Koppeling Team", "Bas de Ridder"]), c.choice(["integratie@his-leverancier.example", "dev@zorgapp.test"]))
    body = c.choice(["Hierbij een voorbeeld-bundle uit productie waar de validatie op faalt.", "Zie bijlage: de FHIR-export van de patiënt.",
                     "Here is the bundle that the MedMij endpoint rejected."])
    if body.startswith("Here"):
        c.lang = "en"
    root = c.multi("mixed", [c.text(body), att(data, c.choice(["application/fhir+json", "application/json"]), c.choice(["bundle.json", "patient_export.json", "fhir.json"]))])
    return c.mail(staff_of(c, "pm"), [dev], c.choice(["FHIR export", "validatiefout bundle", "MedMij koppeling"]), root)


@recipe("fhir-xml")
def r_fhir_xml(c):
    p = c.person(age=(18, 90))
    c.tag("fhir-xml", "mixed")
    c.mark(health=1, personal=1)
    pat = fhir_patient(c, p, bsn=c.chance(0.7))
    x = html.escape
    ids = "".join(f'<identifier><system value="{i["system"]}"/><value value="{i["value"]}"/></identifier>' for i in pat["identifier"])
    nm = pat["name"][0]
    pxml = (f'<Patient xmlns="http://hl7.org/fhir"><id value="{pat["id"]}"/>{ids}'
            f'<name><use value="official"/><family value="{x(nm["family"])}"/><given value="{x(nm["given"][0])}"/></name>'
            f'<telecom><system value="phone"/><value value="{pat["telecom"][0]["value"]}"/></telecom>'
            f'<gender value="{pat["gender"]}"/><birthDate value="{pat["birthDate"]}"/>'
            f'<address><line value="{x(pat["address"][0]["line"][0])}"/><city value="{x(p.city)}"/><postalCode value="{p.pc}"/></address></Patient>')
    cd = c.choice([q for q in COND if q["labs"]])
    obs = ""
    for k in cd["labs"]:
        o = fhir_obs(c, k, pat["id"])
        obs += (f'<entry><resource><Observation xmlns="http://hl7.org/fhir"><status value="final"/><code><text value="{x(o["code"]["text"])}"/></code>'
                f'<subject><reference value="Patient/{pat["id"]}"/></subject><valueQuantity><value value="{o["valueQuantity"]["value"]}"/>'
                f'<unit value="{x(o["valueQuantity"]["unit"])}"/></valueQuantity></Observation></resource></entry>')
    doc = (f'<?xml version="1.0" encoding="UTF-8"?>\n<Bundle xmlns="http://hl7.org/fhir"><type value="collection"/>'
           f'<entry><resource>{pxml}</resource></entry>{obs}</Bundle>\n')
    if c.chance(0.5):
        doc = doc.replace("><", ">\n<")
    root = c.multi("mixed", [c.text(c.choice(["Zie bijlage, XML-bericht uit de test met het ziekenhuis (productiedata!).",
                                              "Bijgaand het XML-bestand.", "FHIR XML voor de koppeling."])),
                             att(doc.encode(), c.choice(["application/fhir+xml", "text/xml", "application/xml"]), c.choice(["patient.xml", "bundle.xml"]))])
    return c.mail(staff_of(c, "pm"), [("Integratie", "integratie@his-leverancier.example")], "FHIR XML", root)


@recipe("csv")
def r_csv(c):
    gp = gp_of(c)
    c.tag("multi-patient", "mixed")
    tsv = c.k % 2 == 0
    sep = "\t" if tsv else c.choice([";", ","])
    c.tag("tsv" if tsv else "csv")
    nl = c.lang == "nl"
    kind = c.cycle(3)
    if kind == 0:
        hdr = ["Naam", "Geboortedatum", "Adres", "Postcode", "Woonplaats", "Telefoon"] if nl else ["Name", "DOB", "Street", "Zip", "City", "Phone"]
        c.mark(personal=1)
        extra = None
    elif kind == 1:
        hdr = ["BSN", "Naam", "Geb.datum", "Diagnose (ICPC)", "Medicatie"] if nl else ["BSN", "Name", "Birth date", "Diagnosis (ICPC)", "Medication"]
        c.mark(personal=1, health=1, bsn=1)
        extra = "med"
    else:
        hdr = ["patnr", "achternaam", "voornaam", "gebdat", "afspraak", "specialist"] if nl else ["patient_id", "last_name", "first_name", "dob", "appointment", "specialist"]
        c.mark(personal=1, health=1)
        extra = "appt"
    out = [sep.join(hdr)]
    for _ in range(c.rng.randint(4, 12)):
        q = c.person()
        if kind == 0:
            row = [c.pname(q, "full"), c.pdob(q, "dmy"), c.e("address", q.address), c.e("postcode", q.pc), q.city, c.pphone(q, 0)]
        elif kind == 1:
            cd = c.choice(COND)
            row = [c.e("bsn", q.bsn), c.pname(q, "full"), c.pdob(q, "dmy" if nl else "iso"), f"{cd['icpc']} {cd['nl'] if nl else cd['en']}", c.choice(cd["meds"])]
        else:
            spec = c.choice(list(SPECS))
            row = [c.ppatnr(q), c.e("person", q.surname), c.e("person", q.first), c.pdob(q, "iso"),
                   dfmt(c.days(3, 60), "dmy"), SPECS[spec][0] if nl else SPECS[spec][2]]
        if sep == "," and any("," in x for x in row):
            row = [f'"{x}"' if "," in x else x for x in row]
        out.append(sep.join(row))
    data = "\r\n".join(out) + "\r\n"
    enc = c.choice(["utf-8", "cp1252", "utf-8"])
    try:
        raw = data.encode(enc)
    except UnicodeEncodeError:
        raw, enc = data.encode("utf-8"), "utf-8"
    c.tag("csv-" + enc)
    kind_name = {0: "adreslijst" if nl else "address_list", 1: "export_his" if nl else "his_export", 2: "verwijzingen" if nl else "referrals"}[kind]
    fname = kind_name + (".tsv" if tsv else ".csv")
    ct = c.choice(["text/csv", "text/tab-separated-values" if tsv else "text/csv", "application/vnd.ms-excel", "application/octet-stream"])
    body = c.choice(["Hierbij de gevraagde export.", "Zie bijlage, kun je deze in Excel openen?", "Lijst uit het HIS, graag controleren."]) if nl else \
        c.choice(["Attached is the export you asked for.", "Here's the list from the system."])
    root = c.multi("mixed", [c.text(body + "\n\n" + gp[0]), att(raw, ct, fname, ctparams=f"charset={enc}" if ct.startswith("text") else "")])
    return c.mail(gp, [c.choice([staff_of(c, "pm"), ("Onderzoeker", "data@universiteit-onderzoek.example"), staff_of(c, "poh")])],
                  c.choice(["export", "lijst", "gegevens"]) if nl else "export", root)


@recipe("ics-patient")
def r_ics(c):
    c.tag("ics")
    ass = staff_of(c, "assist")
    evs = []
    n = c.rng.randint(1, 4)
    for _ in range(n):
        q = c.person()
        start = dt.datetime.combine(c.days(1, 20), dt.time(c.rng.randint(8, 16), c.choice([0, 10, 20, 30, 40, 50])))
        what = c.choice([("Uitstrijkje", "cervical smear"), ("Spiraal plaatsen", "IUD insertion"), ("Wratten aanstippen", "wart treatment"),
                         ("Hechtingen verwijderen", "stitch removal"), ("DM-controle", "diabetes check"), ("Gesprek POH-GGZ", "mental health consult")])
        summ = f"{what[0] if c.lang == 'nl' else what[1]} - {c.pname(q, 'full')}"
        desc = (f"Geb. {c.pdob(q, 'dmy')}, tel. {c.pphone(q, 0)}" if c.lang == "nl" else f"DOB {c.pdob(q, 'slash')}, phone {c.pphone(q, 2)}")
        evs.append(dict(start=start, end=start + dt.timedelta(minutes=20), summary=summ, desc=desc, location=c.pr["name"]))
    c.mark(health=1, personal=1)
    ics = make_ics(evs, c.rng, method="PUBLISH")
    inline = c.chance(0.4)
    if inline:
        c.tag("ics-inline-part")
        root = c.multi("alternative", [c.text("Agenda-export." if c.lang == "nl" else "Calendar export."),
                                       leaf([("Content-Type", 'text/calendar; method=PUBLISH; charset="utf-8"'), ("Content-Transfer-Encoding", "quoted-printable")],
                                            quopri.encodestring(ics))])
    else:
        root = c.multi("mixed", [c.text(c.choice(["Agenda voor de invaller morgen.", "Hierbij de afspraken van volgende week.",
                                                  "Export uit de agenda."]) if c.lang == "nl" else "The schedule for tomorrow's locum."),
                                 att(ics, "text/calendar", "agenda.ics", ctparams="charset=utf-8")])
    return c.mail(ass, [c.choice([("Waarnemer", "waarnemer@huisarts-invallers.example"), staff_of(c, "gp")])],
                  "Agenda" if c.lang == "nl" else "Schedule", root)


@recipe("vcf-patient")
def r_vcf(c):
    p = c.person()
    ass = staff_of(c, "assist")
    c.tag("vcf")
    c.mark(personal=1)
    note = None
    if c.chance(0.5):
        cd = c.choice(COND)
        note = (f"Patiënt sinds 2019. {cd['nl']}, gebruikt {c.choice(cd['meds'])}." if c.lang == "nl" else f"{cd['en']}, on {c.choice(cd['meds'])}.")
        c.mark(health=1)
    if c.chance(0.4):
        note = (note + " " if note else "") + f"BSN {c.bsn_text(p, 'plain')}"
    vcf = make_vcf(c.e("person", p.full), f"{p.surname};{p.first};;;", tels=[("CELL", c.pphone(p, 2))], email=p.email,
                   adr=("HOME", c.e("address", p.address), p.city, "", c.e("postcode", p.pc), "Nederland"),
                   bday=c.e("birthdate", p.dob.isoformat()), note=note)
    body = c.choice(["Contactgegevens van de patiënt, zoals gevraagd.", "Hierbij het visitekaartje voor jullie administratie.",
                     "Kun je deze patiënt terugbellen?"]) if c.lang == "nl" else "Contact card of the patient as requested."
    root = c.multi("mixed", [c.text(body + "\n\n" + ass[0]), att(vcf, "text/vcard", f"{ascii_fold(p.last)}.vcf", ctparams="charset=utf-8")])
    return c.mail(ass, [c.choice([("Fysiotherapie Centrum", "balie@fysio-centrum.example"), gp_of(c)])], "Contactgegevens", root)


def edi_esc(s):
    return re.sub(r"([?:+'])", r"?\1", s)


def edi_chunks(s, n=70):
    out, cur = [], ""
    for w in s.split():
        if len(cur) + len(w) + 1 > n:
            out.append(cur)
            cur = w
        else:
            cur = (cur + " " + w).strip()
    return out + [cur]


@recipe("edifact")
def r_edifact(c):
    p = c.person(age=(18, 90), charset="latin-1")
    gp = gp_of(c)
    c.tag("edifact", "mixed")
    c.mark(health=1, personal=1)
    spec, rnl, ren, icpc = pick_referral(c, p)
    agb = f"01{c.rng.randint(100000, 999999)}"
    ref = c.rng.randint(10000, 99999)
    bsn = c.chance(0.75)
    segs = ["UNA:+.? '", f"UNB+UNOC:3+{agb}:14+{c.choice(['41', '42'])}{c.rng.randint(100000, 999999)}:14+{c.now:%y%m%d}:{c.now:%H%M}+{ref}'",
            f"UNH+1+MEDVRI:1:1:MD+{ref}'", f"BGM++VERWIJZING+{ref}'", f"DTM+137:{c.now:%Y%m%d}:102'",
            f"PNA+PAT+{c.e('bsn', p.bsn) + ':BSN' if bsn else ''}+++SU:{c.e('person', p.surname.upper())}+IV:{p.initials.replace('.', '')}+FN:{c.e('person', p.first)}'",
            f"DTM+329:{c.e('birthdate', dfmt(p.dob, 'hl7'))}:102'",
            f"ADR++1:{c.e('address', p.address)}++{p.city}++{c.e('postcode', p.pc.replace(' ', ''))}'",
            f"PNA+REF+{agb}:AGB+++SU:{gp[0].split()[-1].upper()}'", f"SPR+SPC:{spec.upper()}'",
            "FTX+VRD+++" + ":".join(edi_esc(x) for x in edi_chunks(rnl)) + "'",
            f"FTX+EPI+++{icpc}'", f"UNT+12+1'", f"UNZ+1+{ref}'"]
    if bsn:
        c.mark(bsn=1)
    data = ("\n".join(segs) + "\n").encode("latin-1", "replace") if c.chance(0.5) else ("".join(segs)).encode("latin-1", "replace")
    root = c.multi("mixed", [c.text(c.choice(["Edifact-verwijzing kwam terug als onbestelbaar; graag opnieuw aanbieden.",
                                              "Foutmelding Zorgmail: bericht onbestelbaar. Origineel bijgevoegd.",
                                              "MEDVRI bericht ter analyse."]) + "\n\n" + gp[0]),
                             att(data, c.choice(["application/edifact", "text/plain", "application/octet-stream"]),
                                 c.choice(["MEDVRI.edi", f"verwijzing_{ref}.edi", "bericht.txt"]))])
    return c.mail(gp, [("Zorgmail support", "support@zorgmail-helpdesk.example")], "Onbestelbaar EDIFACT bericht", root)


@recipe("bsn-subject")
def r_bsn_subject(c):
    """BSN only in the Subject header; body carries no further data."""
    p = c.person()
    c.tag("bsn-subject")
    ass = staff_of(c, "assist")
    b = c.bsn_text(p, c.choice(["plain", "plain", "dots", "spaces"]))
    subj = c.choice([f"BSN {b}", f"Vraag over patiënt {b}", f"RE: controle {b}", f"bsn {b} klopt niet in SBV-Z", f"Declaratie afgewezen - {b}"])
    body = c.choice(["Kunnen jullie dit nummer controleren? Het geeft een foutmelding bij het declareren.",
                     "Zie onderwerp. Graag even nakijken in het systeem, alvast bedankt.",
                     "Dit BSN komt niet overeen met de gegevens in de SBV-Z. Wil je het ID-bewijs nog eens bekijken bij het volgende bezoek?"])
    if c.lang == "en":
        subj = f"Query about citizen number {b}"
        body = "Could you please check this number? The insurer rejected the claim."
    return c.mail(ass, [c.choice([("Declaraties", "declaraties@zorggroep-regio.example"), staff_of(c, "pm")])], subj, c.text(body + "\n\n" + ass[0]))


@recipe("bsn-displayname")
def r_bsn_displayname(c):
    """BSN inside an RFC 2047 encoded display name (fax/scan gateway)."""
    p = c.person()
    c.tag("bsn-displayname-2047")
    b = c.bsn_text(p, "plain")
    nm = c.e("person", p.surname)
    disp = c.choice([f"Patiënt {nm} (BSN {b})", f"Dossier {b}", f"{nm} {b}"])
    if nm in disp:
        c.mark(personal=1)
    else:
        c.ents.remove(("person", nm))
    enc = c.choice(["B", "Q"])
    if enc == "B":
        ed = f"=?utf-8?B?{base64.b64encode(disp.encode()).decode()}?="
    else:
        ed = "=?iso-8859-1?Q?" + "".join(ch if (ch.isascii() and ch.isalnum()) else ("_" if ch == " " else "=%02X" % ord(ch)) for ch in disp) + "?="
    gp = gp_of(c)
    root = c.text(c.choice(["Doorgestuurd vanuit de scan-inbox. Geen inhoud.", "Automatisch bericht van de faxserver.",
                            "Zie onderwerp; bericht aangemaakt door het HIS."]))
    data = c.mail(gp, [("Archief", f"archief@{c.pr['dom']}")], c.choice(["Faxbericht", "Scan", "Doorsturen"]), root)
    # replace the To display with the encoded one
    return data.replace(b"To: Archief <", f"To: {ed} <".encode(), 1)


@recipe("bsn-filename")
def r_bsn_filename(c):
    """BSN only in an attachment file name; attachment is a blank generic form."""
    p = c.person()
    c.tag("bsn-filename", "mixed")
    b = c.bsn_text(p, "plain")
    ass = staff_of(c, "assist")
    style = c.choice(["plain", "rfc2231", "rfc2047"])
    c.tag("filename-" + style)
    form = make_pdf(["Machtigingsformulier", "", "Naam: ____________________", "Geboortedatum: ___________",
                     "Handtekening: ____________", "", "Lever dit formulier in bij de balie."], "Formulier")
    fname = c.choice([f"machtiging_{b}.pdf", f"{b}_formulier.pdf", f"scan_{b}.pdf"])
    root = c.multi("mixed", [c.text(c.choice(["Zie bijlage.", "Ingevuld formulier volgt nog.", "Bijlage voor het archief."]) + "\n\n" + ass[0]),
                             att(form, "application/pdf", fname, style=style)])
    return c.mail(ass, [c.choice([("Archief", f"archief@{c.pr['dom']}"), staff_of(c, "pm")])], "formulier", root)


@recipe("bsn-nokeyword")
def r_bsn_nokeyword(c):
    p = c.person()
    gp = gp_of(c)
    c.tag("bsn-no-keyword")
    b = c.bsn_text(p, c.choice(["plain", "dots", "dots4", "spaces", "dashes"]))
    c.mark(personal=1)
    style = c.cycle(3)
    if c.lang == "en":
        txt = f"Hi,\n\n{c.pname(p, 'full')}, {c.pdob(p, 'slash')}, {b}\n\nPlease finish this registration.\n\n{gp[0].split()[0]}"
    elif style == 0:
        txt = (f"Hoi,\n\n{c.pname(p, 'init')}\n{c.pdob(p, 'dmy')}\n{b}\n\nkun je deze inschrijving afronden? Komt over van een andere praktijk.\n\n{gp[0].split()[0]}")
    elif style == 1:
        txt = (f"Nieuwe inschrijving: {c.pname(p, 'full')} - {b} - {c.paddr(p)}\nGraag dossier opvragen bij vorige huisarts.")
    else:
        cd = c.choice(COND)
        c.mark(health=1)
        txt = (f"{c.pname(p, 'sort')} {b} {c.pdob(p, 'dmy1')} -> {cd['icpc']} graag controle lab over 3 mnd\n")
    return c.mail(gp, [staff_of(c, "assist")], c.choice(["inschrijving", "graag verwerken", "", "todo"]) if c.lang == "nl" else "registration", c.text(txt))


@recipe("wmo")
def r_wmo(c):
    p = c.person(age=(55, 95))
    gp = gp_of(c)
    gem = p.city
    dom = f"wmo.gemeente-{ascii_fold(gem).lower()}.example"
    c.tag("wmo")
    c.mark(personal=1)
    cd = c.choice([x for x in COND if x["icpc"] in ("R95", "K77", "L89", "P70", "L88", "K78")])
    style = c.cycle(3)
    consultant = (c.choice(["Wmo-consulent Hanna Smit", "Wmo-consulent R. Boukhari", "Consulent Zorg & Welzijn"]), f"consulent@{dom}")
    if style == 0:
        txt = (f"Geachte heer/mevrouw,\n\nIn het kader van een Wmo-aanvraag voor {c.choice(['een scootmobiel', 'huishoudelijke hulp', 'een traplift', 'begeleiding'])} "
               f"van {c.pname(p, 'formal')}, geboren {c.pdob(p)}, wonende {c.paddr(p)}, verzoeken wij u om medische informatie. "
               f"Cliënt heeft een machtiging ondertekend (bijgevoegd in het dossier).\n\nKunt u aangeven welke beperkingen er zijn bij het lopen en het huishouden?\n\n"
               f"Met vriendelijke groet,\n{consultant[0]}\nGemeente {gem}")
        return c.mail(consultant, [gp], "Verzoek medische informatie Wmo", c.text(txt))
    c.mark(health=1)
    if style == 1:
        when = c.now - dt.timedelta(days=c.rng.randint(2, 10))
        q = (f"Geachte heer/mevrouw,\n\nIn het kader van een Wmo-aanvraag van {c.pname(p, 'formal')}, geboren {c.pdob(p)}, "
             f"verzoeken wij u om medische informatie over de loopafstand en het huishouden.\n\n{consultant[0]}")
        txt = (f"Geachte consulent,\n\nNaar aanleiding van uw vraag: patiënt is bekend met {cd['nl'].lower()} ({cd['icpc']}). "
               f"{c.choice(['Loopafstand is beperkt tot circa 100 meter door benauwdheid.', 'Na de heupoperatie is traplopen niet mogelijk.', 'Er is sprake van toenemende vergeetachtigheid; koken is onveilig geworden.'])} "
               f"Gebruikt o.a. {c.choice(cd['meds'])}.\n\n{signature(c, 'gp', gp[0])}\n\n{quoted_header(c, consultant[0], consultant[1], when)}\n{quote_lines(q)}\n")
        return c.mail(gp, [consultant], "RE: Verzoek medische informatie Wmo", pick_root(c, txt), reply=True)
    txt = (f"Geachte huisarts,\n\nTer informatie: aan uw patiënt {c.pname(p, 'full')} ({c.paddr(p)}) is per {dfmt(c.days(1, 20), 'nl')} "
           f"huishoudelijke hulp toegekend voor 3 uur per week, in verband met {cd['nl'].lower()}. De beschikking is aan cliënt verzonden.\n\n"
           f"Met vriendelijke groet,\nTeam Wmo, gemeente {gem}\n")
    return c.mail(("Team Wmo", f"noreply@{dom}"), [gp], "Informatie toekenning Wmo-voorziening", pick_root(c, txt))


@recipe("insurer")
def r_insurer(c):
    p = c.person(age=(18, 85))
    gp = gp_of(c)
    ins = c.choice([("Zilverlijn Zorgverzekeringen", "zorgverzekeraar-zilverlijn.example"), ("Noorderlicht Verzekeringen", "noorderlicht-zorg.example"),
                    ("ZorgSamen", "zorgsamen-verzekeraar.test")])
    c.tag("insurer")
    c.mark(health=1, personal=1)
    vnr = str(c.rng.randint(10**8, 10**9 - 1))
    style = c.cycle(3)
    if style == 0:
        treat = c.choice(["maagverkleining (bariatrische chirurgie)", "ooglidcorrectie", "borstverkleining", "behandeling bij een psychiater buiten de regio",
                          "zittend ziekenvervoer voor dialyse", "fysiotherapie na knieprothese (meer dan 20 behandelingen)"])
        txt = (f"Geachte dokter,\n\nVoor de aanvraag van een machtiging voor {treat} hebben wij aanvullende informatie nodig over uw patiënt.\n\n"
               f"Verzekerde: {c.pname(p, 'formal')}\nGeboortedatum: {c.pdob(p, 'dmy')}\nVerzekerdennummer: {vnr}\n"
               + (f"BSN: {c.bsn_text(p)}\n" if c.chance(0.6) else "") +
               f"\nWilt u de voorgeschiedenis en de huidige medicatie toelichten? U kunt reageren via het beveiligde portaal.\n\n"
               f"Met vriendelijke groet,\nMedisch adviseur, {ins[0]}\n")
        return c.mail(("Medische advisering " + ins[0], f"medadvies@{ins[1]}"), [gp], "Machtigingsaanvraag - verzoek om informatie", pick_root(c, txt))
    if style == 1:
        cd = c.choice(COND)
        txt = (f"Geachte medisch adviseur,\n\nIn antwoord op uw verzoek betreffende {c.pname(p, 'formal')} (geb. {c.pdob(p)}, verzekerdennr. {vnr}): "
               f"patiënt is bij ons bekend met {cd['nl'].lower()} en gebruikt {c.choice(cd['meds'])}. "
               f"{c.choice(['Conservatieve behandeling heeft onvoldoende effect gehad.', 'De klachten zijn in het afgelopen jaar toegenomen.', 'Er is sprake van een medische noodzaak.'])}\n\n"
               + signature(c, "gp", gp[0]))
        return c.mail(gp, [("Medische advisering", f"medadvies@{ins[1]}")], "Re: machtiging", pick_root(c, txt), reply=True)
    txt = (f"Geachte zorgverlener,\n\nBij de controle van uw declaraties over {c.choice(['Q3', 'Q4', 'het eerste kwartaal'])} is de volgende prestatie afgewezen:\n\n"
           f"Verzekerde: {c.pname(p, 'sort')}\nGeboortedatum: {c.pdob(p, 'dmy')}\nBSN: {c.bsn_text(p)}\n"
           f"Prestatie: {c.choice(['13003 Consult regulier > 20 min', 'POH-GGZ consult', '13034 Visite'])}\n"
           f"Diagnose (ICPC): {c.choice(COND)['icpc']}\nReden: verzekerde had op de behandeldatum geen dekking.\n\nMet vriendelijke groet,\nAfdeling Zorgdeclaraties, {ins[0]}\n")
    return c.mail(("Zorgdeclaraties", f"declaraties@{ins[1]}"), [staff_of(c, "pm")], "Afwijzing declaratie", c.text(txt))


@recipe("employer-sicknote")
def r_employer(c):
    p = c.person(age=(20, 63))
    c.tag("employer-sicknote")
    c.mark(health=1)
    comp = c.choice([("Bouwbedrijf Hendriks", "bouwbedrijf-hendriks.example"), ("Logistiek Centrum Midden", "lcm-logistiek.example"),
                     ("Basisschool De Pijler", "school-depijler.example"), (c.pr["name"], c.pr["dom"])])
    reason = c.choice([("hernia, ligt plat en mag niet tillen", "a slipped disc and can't lift"), ("burn-out; de huisarts heeft rust voorgeschreven", "burn-out; the GP prescribed rest"),
                       ("een gebroken pols na een val van de trap", "a broken wrist after a fall"), ("longontsteking, antibiotica gekregen", "pneumonia and is on antibiotics"),
                       ("een miskraam", "a miscarriage"), ("depressieve klachten, in behandeling bij de POH", "depression, being treated by the practice nurse")])
    mgr = (c.choice(["Richard Kok", "Ilona de Haan", "Ferry Verbruggen", "Aysel Kaya"]), f"hr@{comp[1]}")
    style = c.cycle(3)
    if c.lang == "en":
        txt = (f"Hi team,\n\n{c.pname(p, 'full')} called in sick this morning: {reason[1]}. Expected back in about {c.rng.randint(1, 6)} weeks. "
               f"Please cover {('her' if p.sex == 'f' else 'his')} shifts.\n\n{mgr[0]}")
        if c.chance(0.5):
            c.mark(personal=1)
            txt += f"\n\n(For the flowers: {c.paddr(p)})"
        return c.mail(mgr, [("Team", f"team@{comp[1]}")], f"Sick leave {p.first}", c.text(txt))
    if style == 0:
        txt = (f"Beste collega's,\n\n{c.pname(p, 'full')} heeft zich vanochtend ziek gemeld. {('Ze' if p.sex == 'f' else 'Hij')} heeft {reason[0]}. "
               f"Verwachting is dat {('ze' if p.sex == 'f' else 'hij')} een paar weken uitvalt. Wie kan de diensten overnemen?\n\nGroet,\n{mgr[0]}")
        return c.mail(mgr, [("Alle medewerkers", f"allen@{comp[1]}")], c.choice(["Ziekmelding", f"ziekmelding {p.first}", "Roosterwijziging i.v.m. ziekte"]), c.text(txt))
    if style == 1:
        c.mark(personal=1)
        txt = (f"Geachte bedrijfsarts,\n\nHierbij melden wij de volgende medewerker ziek:\n\nNaam: {c.pname(p, 'full')}\nGeboortedatum: {c.pdob(p, 'dmy')}\n"
               f"Adres: {c.paddr(p)}\nTelefoon: {c.pphone(p)}\nEerste ziektedag: {dfmt(c.today - dt.timedelta(days=c.rng.randint(0, 14)), 'dmy')}\n"
               f"Toelichting leidinggevende: {reason[0]}.\n\nGraag een spreekuurafspraak inplannen.\n\n{mgr[0]}\nHR, {comp[0]}")
        return c.mail(mgr, [("Arbodienst", "verzuim@arbodienst.example")], "Verzuimmelding", pick_root(c, txt))
    txt = (f"Hoi {mgr[0].split()[0]},\n\nIk meld me ziek voor de rest van de week. Ik heb {reason[0].replace('de huisarts heeft', 'de dokter heeft')}. "
           f"Mijn huisarts is dokter {c.choice(STAFF['gp']).split()[-1]}. Ik laat maandag weten hoe het gaat.\n\n{c.pname(p, 'first')}")
    return c.mail((p.full, f"{ascii_fold(p.first).lower()}@{comp[1]}"), [mgr], "ziek", c.text(txt))


def sensitive_snippet(c, p, lang=None):
    """a short sensitive text for quoted histories / forwarded messages; returns (subject, text, sender)."""
    lang = lang or c.lang
    k = c.cycle(4)
    if k == 0:
        snd = gp_of(c)
        c.cur_gp = snd[0]
        subj, txt = doc_referral(c, p, c.rng.randrange(3), lang=lang, bsn=c.chance(0.4))
        return subj, txt, snd
    if k == 1:
        lines, rows, cd = doc_lab(c, p, lang=lang, bsn=c.chance(0.3))
        intro = "Hierbij de uitslagen:" if lang == "nl" else "Results below:"
        return ("Uitslagen" if lang == "nl" else "Results"), intro + "\n\n" + "\n".join(lines), (c.choice(["Huisartsenlab Midden", "Lab Eemland"]), "uitslagen@huisartsenlab-midden.example")
    if k == 2:
        sym, med = c.choice(SYMPTOMS_NL)
        c.mark(health=1, personal=1)
        if lang == "nl":
            t = (f"Beste dokter,\n\nIk ben {c.pname(p, 'full')} ({c.pdob(p)}). Ik heb {sym}. Mijn nummer is {c.pphone(p)}.\n\nGroet,\n{p.first}")
        else:
            t = (f"Dear doctor,\n\nThis is {c.pname(p, 'full')} (born {c.pdob(p)}). I have had chest tightness since Sunday and my inhaler isn't helping. "
                 f"My number is {c.pphone(p, 2)}.\n\nThanks,\n{p.first}")
        return ("vraag" if lang == "nl" else "question"), t, (p.full, p.email)
    prob = c.choice(GGZ_PROBLEMS)
    c.mark(health=1, personal=1)
    ggz_tags(c, prob)
    if lang == "nl":
        t = (f"Hoi,\n\nGesprek gehad met {c.pname(p, 'formal')}, geb. {c.pdob(p)}: {prob['nl']}. Wil jij de medicatie beoordelen?\n\nGroet")
    else:
        t = (f"Hi,\n\nSaw {c.pname(p, 'formal', 'en')}, born {c.pdob(p)}: {prob['en']}. Could you review the medication?\n\nThanks")
    return "POH-GGZ", t, staff_of(c, "poh")


@recipe("quoted-history")
def r_quoted(c):
    p = c.person()
    c.tag("quoted-history")
    subj, inner, snd = sensitive_snippet(c, p)
    me = c.choice([staff_of(c, "assist"), gp_of(c), staff_of(c, "poh")])
    when = c.now - dt.timedelta(days=c.rng.randint(0, 4), hours=c.rng.randint(1, 20))
    nl = c.lang == "nl"
    top = c.choice(["Dank je, is geregeld.", "Prima, ik plan het in.", "Ontvangen, dank!", "Ik pak het op.", "Akkoord.", "Zie mijn antwoord hieronder: ja."]) if nl else \
        c.choice(["Thanks, sorted.", "Noted, will do.", "Got it, thanks!", "OK - booked."])
    style = c.cycle(3)
    if style == 0:
        c.tag("outlook-quote")
        txt = f"{top}\n\n{me[0].split()[0]}\n\n{outlook_block(c, snd, me, when, subj)}\n{inner}\n"
    elif style == 1:
        c.tag("gt-quote")
        txt = f"{top}\n\n{me[0].split()[0]}\n\n{quoted_header(c, snd[0], snd[1], when)}\n{quote_lines(inner)}\n"
    else:
        c.tag("gt-quote", "nested-quote")
        mid = c.choice(["Kun jij hiernaar kijken?", "Zie hieronder."]) if nl else "Can you look at this?"
        when2 = when + dt.timedelta(hours=2)
        other = gp_of(c)
        lvl1 = f"{mid}\n\n{quoted_header(c, snd[0], snd[1], when)}\n{quote_lines(inner)}"
        txt = f"{top}\n\n{quoted_header(c, other[0], other[1], when2)}\n{quote_lines(lvl1)}\n"
    prefix = c.choice(["Re: ", "RE: ", "Antw: ", "Re: Re: "] if nl else ["Re: ", "RE: "])
    if c.chance(0.3):
        htm = text_to_html(txt.split("\n\n", 1)[0]) .replace("</body>", "<blockquote style='border-left:2px solid #ccc;padding-left:6px'>" +
                                                           html.escape(txt.split("\n\n", 1)[1]).replace("\n", "<br>\n") + "</blockquote></body>")
        root = c.alt(txt, htm)
    else:
        root = c.text(txt)
    return c.mail(me, [snd], prefix + subj, root, reply=True)


@recipe("rfc822")
def r_rfc822(c):
    p = c.person()
    c.tag("rfc822", "mixed")
    subj, inner, snd = sensitive_snippet(c, p)
    tgt = gp_of(c)
    ictx = Ctx(c.rng, c.lang)
    ictx.now = c.now - dt.timedelta(days=1, hours=3)
    inner_msg = ictx.mail(snd, [tgt], subj, ictx.text(inner, force=c.choice([("utf-8", "quoted-printable"), ("utf-8", "base64"), ("iso-8859-1", "quoted-printable")])), inner=True)
    for t in ictx.tags:
        c.tag("inner-" + t)
    me = c.choice([staff_of(c, "assist"), staff_of(c, "pm"), gp_of(c)])
    body = c.choice(["Zie bijgevoegd bericht.", "Doorgestuurd als bijlage, graag verwerken.", "Ter info, zie het bericht in de bijlage."]) if c.lang == "nl" else \
        c.choice(["See the attached message.", "Forwarding as attachment."])
    if c.chance(0.35):
        c.tag("rfc822-nested")
        mid = Ctx(c.rng, c.lang)
        mid.now = c.now - dt.timedelta(hours=5)
        mid_msg = mid.mail(tgt, [me], "Fw: " + subj, mid.multi("mixed", [mid.text("Graag oppakken." if c.lang == "nl" else "Please handle."),
                                                                         rfc822_part(inner_msg, "bericht.eml")]), inner=True)
        inner_msg = mid_msg
    root = c.multi("mixed", [c.text(body + "\n\n" + me[0]), rfc822_part(inner_msg, c.choice([None, "doorgestuurd.eml", subj[:30] + ".eml"]))])
    to = c.choice([staff_of(c, "poh"), ("Wijkverpleging", "team@wijkverpleging.test"), hospital_addr(c)[0]])
    return c.mail(me, [to], "Fw: " + subj, root)


@recipe("utf16")
def r_utf16(c):
    p = c.person()
    gp = gp_of(c)
    c.tag("utf16le-nobom", "mixed")
    c.mark(personal=1, health=1)
    cd = c.choice(COND)
    lines = [f"Naam: {c.pname(p, 'full')}", f"Geboortedatum: {c.pdob(p, 'dmy')}", f"Adres: {c.paddr(p)}"]
    if c.chance(0.6):
        lines.append(f"BSN: {c.bsn_text(p)}")
    lines += [f"Probleem: {cd['icpc']} {cd['nl']}", f"Medicatie: {c.choice(cd['meds'])}"]
    data = ("\r\n".join(lines) + "\r\n").encode("utf-16-le")
    v = c.cycle(3)
    if v == 0:
        a = att(data, "text/plain", "export.txt", ctparams='charset="utf-16le"')
    elif v == 1:
        a = att(data, "text/plain", "patient.txt")
        c.tag("no-charset")
    else:
        a = att(data, "application/octet-stream", "overzicht.txt")
    root = c.multi("mixed", [c.text(c.choice(["Export uit het oude systeem (Unicode-tekst).", "Zie bijlage.", "Tekstbestand uit de HIS-migratie."]) + "\n\n" + gp[0]), a])
    return c.mail(gp, [c.choice([staff_of(c, "pm"), ("Migratieteam", "migratie@his-leverancier.example")])], "export patiëntgegevens", root)


@recipe("image")
def r_image(c):
    p = c.person()
    c.tag("image")
    fmt = c.choice(["PNG", "JPEG"])
    c.tag(fmt.lower())
    kind = c.cycle(4)
    nl = c.lang == "nl"
    if kind == 0:
        spec, rnl, ren, icpc = pick_referral(c, p)
        c.mark(health=1, personal=1)
        c.tag("referral")
        lines = [f"Naam: {c.pname(p, 'full')}" if nl else f"Name: {c.pname(p, 'full')}",
                 f"Geboortedatum: {c.pdob(p, 'dmy')}" if nl else f"Date of birth: {c.pdob(p, 'dmy')}",
                 f"Adres: {c.paddr(p)}" if nl else f"Address: {c.paddr(p)}"]
        if c.chance(0.6):
            lines.append(f"BSN: {c.bsn_text(p, 'plain')}")
        lines += ["", (f"Verwijzing naar: {spec}" if nl else f"Referral to: {SPECS[spec][1]}"),
                  (f"Reden: {rnl[:60]}" if nl else f"Reason: {ren[:60]}"), (rnl[60:120] if nl else ren[60:120])]
        header = "VERWIJSBRIEF" if nl else "REFERRAL"
    elif kind == 1:
        lines0, rows, cd = doc_lab(c, p, lang=c.lang)
        lines, header = lines0, "LABORATORIUMUITSLAGEN" if nl else "LABORATORY RESULTS"
    elif kind == 2:
        c.mark(health=1, personal=1)
        c.tag("medication")
        meds = doc_medlist(c, p)
        lines = [f"Medicatieoverzicht {c.pname(p, 'full')}" if nl else f"Medication list {c.pname(p, 'full')}",
                 f"geb. {c.pdob(p, 'dmy')}" if nl else f"DOB {c.pdob(p, 'dmy')}", ""] + [m for m, _ in meds]
        header = "APOTHEEK - ACTUEEL MEDICATIEOVERZICHT" if nl else "PHARMACY - CURRENT MEDICATION"
    else:
        c.mark(personal=1)
        c.tag("id-document")
        lines = [f"Achternaam / Surname: {c.e('person', p.surname.upper())}", f"Voornamen / Given names: {c.e('person', p.first)}",
                 f"Geboortedatum / Date of birth: {c.e('birthdate', dfmt(p.dob, 'dot'))}",
                 f"Persoonsnummer: {c.bsn_text(p, 'dots4')}", "Documentnummer: NX" + "".join(c.choice("ABCDEFGHJKLMNPRSTUVWXYZ0123456789") for _ in range(7))]
        header = "KOPIE IDENTITEITSBEWIJS"
    img = make_image(lines, fmt, c.rng, header=header)
    ext = "png" if fmt == "PNG" else "jpg"
    mt = "image/png" if fmt == "PNG" else "image/jpeg"
    sender = c.choice([staff_of(c, "assist"), gp_of(c)])
    if c.chance(0.35):
        c.tag("inline-image", "multipart-related")
        cid = f"image001.{ext}@01DB{c.rng.getrandbits(32):08X}"
        htm = (f"<html><body><p>{'Zie schermafdruk hieronder:' if nl else 'See screenshot below:'}</p>"
               f"<p><img src=\"cid:{cid}\" width=600></p><p>{html.escape(sender[0])}</p></body></html>")
        ip = att(img, mt, f"image001.{ext}", inline=True)
        ip["h"].append(("Content-ID", f"<{cid}>"))
        root = c.multi("related", [c.text(htm, "html"), ip])
    else:
        body = c.choice(["Zie bijgevoegde scan.", "Scan van de brief, origineel is naar het archief.", "Foto van het papiertje dat patiënt meebracht."]) if nl else \
            c.choice(["See the attached scan.", "Photo of the letter the patient brought in."])
        root = c.multi("mixed", [c.text(body + "\n\n" + sender[0]), att(img, mt, c.choice([f"scan_{c.rng.randint(1, 999):03d}.{ext}", f"IMG_{c.rng.randint(1000, 9999)}.{ext}", f"brief.{ext}"]))])
    to = c.choice([hospital_addr(c)[0], staff_of(c, "poh"), ("Apotheek", "recepten@apotheek-delinde.example")])
    return c.mail(sender, [to], c.choice(["scan", "bijlage", "foto brief"]) if nl else "scan", root)


def pw_note(c):
    return c.choice(["Het wachtwoord ontvangt u apart per sms.", "Wachtwoord volgt telefonisch.", "Het wachtwoord is u eerder toegestuurd.",
                     "Wachtwoord: zoals afgesproken (niet per mail)."]) if c.lang == "nl" else \
        c.choice(["The password will follow by text message.", "Password sent separately."])


@recipe("unscannable")
def r_unscannable(c, variant=None):
    c.mark(unscannable=1)
    c.tag("unscannable")
    gp = gp_of(c)
    pm = staff_of(c, "pm")
    ass = staff_of(c, "assist")
    nl = c.lang == "nl"
    v = variant or c.choice(["zip-aes", "zip-crypto", "pdf-rc4", "pdf-aes-clean", "docx-trunc", "pdf-trunc", "unknown-binary",
                             "b64-corrupt", "zip-aes-clean", "zip-in-zip-crypto"])
    c.tag(v)
    p = c.person()
    to = c.choice([hospital_addr(c)[0], ("Bedrijfsarts", "spreekuur@arbodienst.example"), ("Advocatenkantoor", "secretariaat@advocaat-letselschade.example"),
                   ("Huisartsenpraktijk Nieuw-West", "info@praktijk-nieuwwest.nl")])
    if v in ("zip-aes", "zip-crypto", "zip-in-zip-crypto"):
        pw = "".join(c.choice("abcdefghjkmnpqrstuvwxyz23456789") for _ in range(10))
        if v == "zip-aes":
            subj, txt = doc_referral(c, p, 0, bsn=True)
            files = [("verwijsbrief.docx", make_docx(txt.split("\n"), title="Verwijsbrief"))]
            data = make_zip_aes(files, pw, c.rng)
        else:
            c.mark(personal=1, health=1)
            rows = ["Naam;Geboortedatum;Diagnose"]
            for _ in range(c.rng.randint(3, 8)):
                q = c.person()
                cd = c.choice(COND)
                rows.append(f"{c.pname(q, 'full')};{c.pdob(q, 'dmy')};{cd['icpc']} {cd['nl']}")
            files = [("patienten.csv", ("\r\n".join(rows) + "\r\n").encode("utf-8"))]
            data = make_zip_crypto(files, pw, c.rng)
            if v == "zip-in-zip-crypto":
                data = make_zip([("dossier.zip", data), ("LEESMIJ.txt", b"Bestand is beveiligd met een wachtwoord.\r\n")])
        body = (c.choice(["Bijgaand de gevraagde gegevens in een beveiligde zip.", "In verband met privacy is de bijlage versleuteld.",
                          "Hierbij het dossier (versleuteld)."]) if nl else "Please find the encrypted file attached.") + " " + pw_note(c)
        root = c.multi("mixed", [c.text(body + "\n\n" + signature(c, "gp", gp[0])), att(data, "application/zip", c.choice(["dossier.zip", "gegevens.zip", "bijlage.zip"]))])
        return c.mail(gp, [to], c.choice(["Gegevens (beveiligd)", "dossier", "Gevraagde informatie"]) if nl else "Requested records", root)
    if v == "pdf-rc4":
        from reportlab.lib.pdfencrypt import StandardEncryption
        lines, rows, cd = doc_lab(c, p, bsn=c.chance(0.5))
        enc = StandardEncryption(userPassword=p.dob.strftime("%d%m%Y"), ownerPassword="praktijk-" + str(c.rng.randint(1000, 9999)), canPrint=1, strength=128)
        data = make_pdf(lines, "Uitslagen" if nl else "Results", encrypt=enc)
        body = (("Het wachtwoord is uw geboortedatum (ddmmjjjj)." if c.chance(0.5) else pw_note(c)) if nl else "The password is your date of birth (ddmmyyyy).")
        root = c.multi("mixed", [c.text((f"Beste {c.pname(p, 'title')},\n\nHierbij uw uitslagen als beveiligde pdf. " if nl else
                                         f"Dear {c.pname(p, 'title')},\n\nYour results are attached as a protected PDF. ") + body + "\n\n" + signature(c, "assist", ass[0])),
                                 att(data, "application/pdf", "uitslagen.pdf" if nl else "results.pdf")])
        return c.mail(ass, [(p.full, p.email)], "Uw uitslagen" if nl else "Your results", root)
    if v in ("pdf-aes-clean", "zip-aes-clean"):
        lines = ["Jaarverslag 2024", "", "Aantal ingeschreven patiënten: 6.412", "Aantal consulten: 24.880", "Tevredenheid: 8,3",
                 "Investeringen: nieuwe telefooncentrale, verbouwing wachtkamer."] if nl else \
            ["Annual report 2024", "", "Registered patients: 6,412", "Consultations: 24,880", "Satisfaction score: 8.3"]
        pw = "Jv2024-" + str(c.rng.randint(100, 999))
        if v == "pdf-aes-clean":
            data = make_pdf_aes(lines, "Jaarverslag", pw, c.rng)
            a = att(data, "application/pdf", "jaarverslag_2024.pdf")
        else:
            data = make_zip_aes([("notulen_ALV.docx", make_docx(lines, title="Notulen"))], pw, c.rng)
            a = att(data, "application/zip", "stukken_ALV.zip")
        root = c.multi("mixed", [c.text((c.choice(["Bijgaand de stukken voor de vergadering, beveiligd.", "Ter voorbereiding, zie bijlage."]) if nl else
                                         "Documents for the meeting attached (protected).") + " " + pw_note(c) + "\n\n" + signature(c, "pm", pm[0])), a])
        return c.mail(pm, [("Bestuur coöperatie", "bestuur@huisartsencooperatie.example")], "Stukken vergadering" if nl else "Meeting documents", root)
    if v == "docx-trunc":
        subj, txt = doc_referral(c, p, 0, bsn=c.chance(0.6))
        full = make_docx(txt.split("\n") * 3, title="Verwijsbrief")
        data = full[: int(len(full) * c.rng.uniform(0.35, 0.7))]
        root = c.multi("mixed", [c.text("Zie bijlage.\n\n" + gp[0]), att(data, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "verwijsbrief.docx")])
        return c.mail(gp, [to], subj, root)
    if v == "pdf-trunc":
        lines = doc_discharge(c, p, c.lang)
        full = make_pdf(lines[2:] * 4, lines[0])
        data = full[: len(full) * c.rng.randint(40, 70) // 100]
        root = c.multi("mixed", [c.text(("Hierbij de ontslagbrief." if nl else "Discharge letter attached.") + "\n\n" + gp[0]), att(data, "application/pdf", "ontslagbrief.pdf")])
        return c.mail(gp, [staff_of(c, "poh")], "Ontslagbrief" if nl else "Discharge letter", root)
    if v == "unknown-binary":
        head = c.choice([b"HISX\x00\x02\x01", b"\x89MDB\x00\x00\x01", b"PMSEXP\x1a\x04"])
        data = head + bytes(c.rng.getrandbits(8) for _ in range(c.rng.randint(3000, 9000)))
        if c.chance(0.6):
            c.mark(personal=1)
            body = (f"Bijgaand de export uit het oude HIS van {c.pname(p, 'formal')}, geb. {c.pdob(p)}. Kunnen jullie dit inlezen?" if nl else
                    f"Attached is the export from the old system for {c.pname(p, 'full')}, born {c.pdob(p)}.")
            c.tag("personal-in-body")
        else:
            body = "Bijgaand het exportbestand. Graag inlezen." if nl else "Export file attached."
        root = c.multi("mixed", [c.text(body + "\n\n" + gp[0]), att(data, "application/octet-stream", c.choice(["export.dat", "dossier.his", "backup.bin"]))])
        return c.mail(gp, [("Migratieteam", "migratie@his-leverancier.example")], "HIS export", root)
    # b64-corrupt: damaged transfer encoding of an otherwise clean attachment
    data = make_pdf(["Offerte onderhoud", "", "Onderhoudscontract autoclaaf: EUR 480,- per jaar", "Looptijd: 24 maanden"], "Offerte")
    b = base64.encodebytes(data)
    cut = len(b) * c.rng.randint(30, 60) // 100
    b = b[:cut] + b"!!@@##\n" + b[cut + 40: cut + 400]
    a = leaf([("Content-Type", 'application/pdf; name="offerte.pdf"'), ("Content-Transfer-Encoding", "base64"),
              ("Content-Disposition", 'attachment; filename="offerte.pdf"')], b)
    root = c.multi("mixed", [c.text(("Hierbij de offerte, zoals besproken." if nl else "Quote attached as discussed.") + "\n\n" + signature(c, "pm", pm[0])), a])
    return c.mail(pm, [("Verkoop", "verkoop@medishop-benelux.example")], "Offerte" if nl else "Quote", root)


# ========================================================================================
# CLEAN recipes (many hard negatives)
# ========================================================================================
def track_url(c, base):
    n = elf_number(c.rng)
    c.tag("number-in-url")
    return f"https://{base}/c/{n}?u={c.rng.getrandbits(40):x}"


@recipe("c-newsletter")
def c_newsletter(c):
    c.tag("newsletter")
    pr = c.pr
    nl = c.lang == "nl"
    if nl:
        sections = c.rng.sample([
            ("Nieuwe huisarts", f"Per {c.choice(NL_MONTHS)} versterkt {c.choice(STAFF['gp'])} ons team als huisarts, met spreekuur op maandag, woensdag en vrijdag."),
            ("Griepprik", "De griepprik wordt dit jaar gegeven op zaterdag 11 oktober tussen 9.00 en 12.00 uur. U ontvangt een uitnodiging als u in aanmerking komt."),
            ("Vakantiesluiting", "Tijdens de zomer neemt praktijk Zuidwest waar. Bij spoed buiten kantoortijd belt u de huisartsenpost."),
            ("Patiëntenportaal", "Herhaalrecepten kunt u voortaan aanvragen via het portaal of de app. Uitslagen ziet u daar ook terug."),
            ("Thuisarts.nl", "Wist u dat u op Thuisarts.nl betrouwbare informatie vindt over veelvoorkomende klachten, zoals hoesten, rugpijn en blaasontsteking?"),
            ("Bloedprikken", "Bloedprikken kan op werkdagen van 8.00 tot 10.00 uur zonder afspraak. Nuchter prikken alleen als de dokter dat heeft gevraagd."),
            ("Stoppen met roken", "Wilt u stoppen met roken? Onze praktijkondersteuner begeleidt u. Dit valt onder de basisverzekering."),
            ("Afspraak = afspraak", "Kunt u niet komen? Meld dit minimaal 24 uur van tevoren, dan kunnen wij de tijd aan iemand anders geven."),
        ], 3)
        season = ["winter", "winter", "voorjaar", "voorjaar", "voorjaar", "zomer", "zomer", "zomer", "najaar", "najaar", "najaar", "winter"][c.now.month - 1]
        intro = f"Nieuwsbrief {pr['name']} - {season} {c.now.year}"
        foot = f"{pr['name']} | {pr['street']}, {pr['pc']} {pr['city']} | {pr['tel']}\nAfmelden: {track_url(c, 'nieuwsbrief.praktijkmail.example')}"
    else:
        sections = c.rng.sample([
            ("New arrivals", f"Nitrile examination gloves, box of 100, now at EUR 6.95 (item no. {elf_number(c.rng)})."),
            ("Service update", "Our webshop will be offline on Sunday between 02:00 and 06:00 for maintenance."),
            ("Tip", "Check the expiry dates of your emergency kit every quarter. Download our checklist."),
            ("Events", "Meet us at the Primary Care Expo in Utrecht, stand 12B."),
            ("Free shipping", "Orders over EUR 150 ship for free within the Benelux."),
        ], 3)
        c.tag("elfproef-article")
        intro = "MedSupply Europe - Monthly update"
        foot = f"MedSupply Europe B.V., KvK {c.rng.randint(10000000, 99999999)}\nUnsubscribe: {track_url(c, 'mail.medsupply.example')}"
        c.tag("kvk")
    txt = intro + "\n\n" + "\n\n".join(f"{h}\n{b}\n{'Lees meer' if nl else 'Read more'}: {track_url(c, 'nieuwsbrief.praktijkmail.example' if nl else 'mail.medsupply.example')}" for h, b in sections) + "\n\n" + foot
    htm = ("<html><body style='font-family:Arial'><table width='600' align='center'><tr><td style='background:#2a6;color:#fff;padding:12px'><h1>" +
           html.escape(intro) + "</h1></td></tr>" +
           "".join(f"<tr><td style='padding:8px'><h2>{html.escape(h)}</h2><p>{html.escape(b)}</p><a href='{track_url(c, 'nieuwsbrief.praktijkmail.example')}'>{'Lees meer' if nl else 'Read more'}</a></td></tr>" for h, b in sections) +
           f"<tr><td style='font-size:9pt;color:#777'>{html.escape(foot).replace(chr(10), '<br>')}</td></tr></table>"
           f"<img src='https://nieuwsbrief.praktijkmail.example/open/{elf_number(c.rng)}.gif' width=1 height=1></body></html>")
    frm = (pr["name"], f"nieuwsbrief@{pr['dom']}") if nl else ("MedSupply Europe", "news@medsupply.example")
    to = (c.choice(["Patiënten", "Nieuwsbrief"]) if nl else "", c.choice([f"nieuwsbrief@{pr['dom']}", f"info@{pr['dom']}"]))
    return c.mail(frm, [to], intro, c.alt(txt, htm), extra=[("List-Unsubscribe", f"<{track_url(c, 'nieuwsbrief.praktijkmail.example')}>")])


PATIENT_INFO = {
    "nl": [
        ("Voorlichting: diabetes type 2", "Bij diabetes type 2 maakt uw lichaam minder goed gebruik van insuline. Belangrijk zijn gezond eten, voldoende bewegen en "
         "niet roken. De praktijkondersteuner controleert elke drie maanden uw bloedsuiker. Een HbA1c onder 53 mmol/mol is meestal het doel. "
         "Veel mensen starten met metformine. Meer informatie vindt u op Thuisarts.nl."),
        ("Griepprik 2025", "Bent u 60 jaar of ouder, of heeft u een chronische aandoening zoals astma, COPD, hartfalen of diabetes? Dan krijgt u een uitnodiging "
         "voor de gratis griepprik. Neem de uitnodiging mee. Bent u ziek of heeft u koorts? Kom dan later."),
        ("Hooikoorts", "Last van niezen, jeukende ogen en een loopneus in het voorjaar? Dat kan hooikoorts zijn. Antihistaminica zoals cetirizine of loratadine "
         "zijn zonder recept verkrijgbaar. Helpt dat onvoldoende, dan kan een neusspray met corticosteroïden helpen."),
        ("Hoge bloeddruk", "Een bloeddruk boven 140/90 mmHg noemen we verhoogd. Vaak merkt u er niets van. Minder zout, meer bewegen en afvallen helpen. "
         "Soms zijn medicijnen nodig, zoals een plaspil of amlodipine. Laat uw bloeddruk regelmatig controleren."),
        ("Tekenbeet", "Heeft u een teek? Verwijder deze zo snel mogelijk met een tekentang. Noteer de datum. Krijgt u binnen drie maanden een rode kring die groter "
         "wordt, of griepachtige klachten? Neem dan contact op met de praktijk."),
        ("Antibiotica: niet altijd nodig", "De meeste verkoudheden, keelpijn en bronchitis gaan vanzelf over. Antibiotica helpen niet tegen virussen en kunnen "
         "bijwerkingen geven. Uw huisarts schrijft ze alleen voor als het echt nodig is."),
        ("Zwanger worden?", "Slik vanaf het moment dat u zwanger wilt worden tot tien weken zwangerschap dagelijks 0,4 mg foliumzuur. Gebruikt u medicijnen? "
         "Overleg dan met uw huisarts of apotheek. Bij een positieve test kunt u zelf een verloskundige kiezen."),
        ("Somber of gestrest?", "Iedereen zit weleens niet lekker in zijn vel. Blijven de klachten langer dan twee weken, of denkt u aan de dood? Praat erover. "
         "Onze praktijkondersteuner GGZ kan u helpen. Bij een crisis belt u 113 of 0800-0113."),
        ("Reizigersvaccinatie", "Gaat u naar de tropen? Vraag minimaal zes weken voor vertrek advies aan. Sommige vaccinaties, zoals gele koorts, mogen niet "
         "bij iedereen gegeven worden, bijvoorbeeld bij gebruik van afweeronderdrukkende medicijnen."),
        ("Blaasontsteking", "Pijn bij het plassen en vaak kleine beetjes moeten plassen? Breng dan ochtendurine in een schoon potje naar de praktijk vóór 10.00 uur. "
         "Vermeld uw naam en geboortedatum op het potje."),
    ],
    "en": [
        ("Patient information: asthma", "Asthma makes your airways sensitive. Use your reliever inhaler (usually salbutamol) when you are short of breath. "
         "If you need it more than twice a week, please make an appointment with the practice nurse for a review."),
        ("Flu vaccination 2025", "Everyone aged 60 and over and people with a chronic condition are invited for a free flu jab. Please bring your invitation letter."),
        ("High blood pressure", "A blood pressure above 140/90 mmHg is considered raised. Less salt, more exercise and weight loss help. Some people need tablets."),
        ("Registering with a GP in the Netherlands", "Your GP is your first point of contact for health problems. To register, bring ID and your insurance details. "
         "Out of hours, call the huisartsenpost; for life-threatening emergencies call 112."),
        ("Urinary tract infection", "Pain when passing urine? Bring a morning urine sample in a clean container before 10 am, labelled with your name and date of birth."),
    ],
}


@recipe("c-patient-info")
def c_patient_info(c):
    c.tag("patient-info-generic", "health-words-generic")
    t, b = c.choice(PATIENT_INFO[c.lang])
    pr = c.pr
    nl = c.lang == "nl"
    greet = c.choice(["Beste patiënt,", "Geachte patiënt,", "Beste lezer,", ""]) if nl else c.choice(["Dear patient,", ""])
    txt = (greet + "\n\n" if greet else "") + b + "\n\n" + (c.choice(["Heeft u vragen? Bel dan de assistente tussen 10.00 en 12.00 uur.",
                                                                     f"Met vriendelijke groet,\nHet team van {pr['name']}"]) if nl else
                                                           f"Kind regards,\nThe team at {pr['name']}")
    if c.chance(0.3):
        c.tag("pdf-text", "mixed")
        pdf = make_pdf([b[i:i + 90] for i in range(0, len(b), 90)], t)
        root = c.multi("mixed", [c.text(txt), att(pdf, "application/pdf", "folder.pdf")])
    else:
        root = pick_root(c, txt)
    return c.mail((pr["name"], f"info@{pr['dom']}"), [("", c.choice([f"patienten@{pr['dom']}", "info@wijkcentrum.example"]))], t, root)


@recipe("c-meeting")
def c_meeting(c):
    c.tag("meeting")
    pm = staff_of(c, "pm")
    d = c.days(2, 14)
    nl = c.lang == "nl"
    items = c.rng.sample(["Opening en mededelingen", "Notulen vorige keer", "Nieuwe telefooncentrale: ervaringen", "AVG: veilig mailen en Zivver",
                          "Triage-protocol herzien (NHG-TriageWijzer)", "Vakantieplanning zomer", "Griepcampagne: taakverdeling",
                          "Inwerken nieuwe doktersassistent", "Casuïstiek (zonder namen)", "Budget POH-GGZ uren", "Rondvraag",
                          "Kwaliteitsvisitatie NHG-Praktijkaccreditering", "Schoonmaak en hygiëne: autoclaaf", "Wachtkamerscherm"], 6) if nl else \
        ["Opening", "Minutes", "New phone system", "Summer holidays", "Any other business"]
    txt = ((f"Beste collega's,\n\nHierbij de agenda voor het teamoverleg op {NL_DAYS[d.weekday()]} {dfmt(d, 'nl')} om 12.30 uur in de personeelsruimte.\n\n") if nl else
           f"Hi all,\n\nAgenda for the team meeting on {EN_DAYS[d.weekday()]} {dfmt(d, 'en')} at 12:30.\n\n") + \
        "\n".join(f"{i + 1}. {x}" for i, x in enumerate(items)) + "\n\n" + (("Lunch wordt verzorgd." if c.chance(0.5) else "Graag stukken vooraf lezen.") if nl else "Lunch provided.") + \
        "\n\n" + signature(c, "pm", pm[0])
    parts = [pick_root(c, txt)]
    kind = c.cycle(3)
    if kind == 1:
        c.tag("docx", "mixed")
        notes = ["Aanwezig: alle huisartsen, assistentes, POH's.", "1. Telefooncentrale: wachttijd gedaald naar gemiddeld 3 minuten.",
                 "2. Veilig mailen: medische gegevens alleen via Zorgmail of Zivver, nooit via gewone mail.",
                 "3. Casuïstiek: een man van middelbare leeftijd met pijn op de borst bij inspanning - besproken wanneer ECG en wanneer direct insturen.",
                 "Actiepunten: Ellen plant de Zivver-training; Debby maakt het vakantierooster."] if nl else \
            ["Present: all staff.", "1. Phone system: waiting time down to 3 minutes.", "Actions: Ellen schedules the training."]
        parts.append(att(make_docx(notes, title="Notulen teamoverleg" if nl else "Minutes"), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "notulen.docx"))
    elif kind == 2:
        c.tag("ics", "mixed")
        st = dt.datetime.combine(d, dt.time(12, 30))
        parts.append(att(make_ics([dict(start=st, end=st + dt.timedelta(hours=1), summary="Teamoverleg" if nl else "Team meeting", location="Personeelsruimte",
                                        organizer=pm, attendees=[staff_of(c, "gp"), staff_of(c, "assist"), staff_of(c, "poh")])], c.rng), "text/calendar", "uitnodiging.ics",
                         ctparams="method=REQUEST; charset=utf-8"))
    root = c.multi("mixed", parts) if len(parts) > 1 else parts[0]
    return c.mail(pm, [("Team", f"team@{c.pr['dom']}")], ("Agenda teamoverleg " if nl else "Team meeting ") + dfmt(d, "dmy"), root)


@recipe("c-roster")
def c_roster(c):
    c.tag("roster", "phone-numbers")
    pm = staff_of(c, "pm")
    nl = c.lang == "nl"
    wk = c.rng.randint(1, 52)
    days = NL_DAYS[:5] if nl else EN_DAYS[:5]
    rows = []
    for d in days:
        rows.append((d, c.choice(STAFF["gp"]), c.choice(STAFF["assist"]), c.choice(STAFF["assist"]), c.choice(STAFF["poh"] + ["-"])))
    hdr = ("Dag", "Huisarts", "Balie", "Telefoon", "POH") if nl else ("Day", "GP", "Front desk", "Phone", "Nurse")
    achter = c.choice(STAFF["gp"])
    tel = f"06-{c.rng.randint(10000000, 99999999)}"
    kind = c.cycle(3)
    note = (f"Achterwacht deze week: {achter}, bereikbaar via {tel} (alleen voor collega's)." if nl else f"Back-up GP this week: {achter}, {tel} (staff only).")
    if kind == 0:
        txt = (f"Rooster week {wk}\n\n" if nl else f"Roster week {wk}\n\n") + "\n".join(" | ".join(r) for r in [hdr] + rows) + "\n\n" + note + "\n\n" + pm[0]
        root = c.text(txt)
    elif kind == 1:
        c.tag("html-table")
        htm = (f"<html><body><p>{'Hallo allemaal, hieronder het rooster.' if nl else 'Hi all, roster below.'}</p><table border=1>" +
               "".join("<tr>" + "".join(f"<td>{html.escape(x)}</td>" for x in r) + "</tr>" for r in [hdr] + rows) +
               f"</table><p>{html.escape(note)}</p><p>{html.escape(pm[0])}</p></body></html>")
        root = c.alt(html.unescape(re.sub("<[^>]+>", " ", htm)), htm)
    else:
        c.tag("xlsx", "mixed")
        data = make_xlsx([(f"week {wk}", [list(hdr)] + [list(r) for r in rows], {})], creator=pm[0])
        root = c.multi("mixed", [c.text(("Zie bijlage voor het rooster. " if nl else "Roster attached. ") + note + "\n\n" + pm[0]),
                                 att(data, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", f"rooster_wk{wk}.xlsx")])
    return c.mail(pm, [("Team", f"team@{c.pr['dom']}")], (f"Rooster week {wk}" if nl else f"Roster week {wk}"), root)


@recipe("c-ooo")
def c_ooo(c):
    c.tag("ooo")
    who = c.choice([staff_of(c, "gp"), staff_of(c, "pm"), staff_of(c, "poh")])
    d1 = c.days(0, 5)
    d2 = d1 + dt.timedelta(days=c.rng.randint(4, 21))
    nl = c.lang == "nl"
    if nl:
        txt = c.choice([
            f"Ik ben afwezig van {dfmt(d1, 'nl')} tot en met {dfmt(d2, 'nl')}. Uw bericht wordt niet doorgestuurd. Voor dringende zaken kunt u bellen met {c.pr['tel']}.",
            f"Bedankt voor uw bericht. Ik ben tot {dfmt(d2, 'dmy')} niet op kantoor. Voor medische vragen: neem contact op met de assistentes via {c.pr['tel']}. Bij spoed buiten kantooruren: huisartsenpost 0900-{c.rng.randint(1000000, 9999999)}.",
            f"Afwezigheidsbericht: ik ben met verlof en lees mijn mail na {dfmt(d2, 'dmy1')}. Collega {c.choice(STAFF['gp'])} neemt waar.",
        ])
    else:
        txt = c.choice([f"I am out of the office until {dfmt(d2, 'en')} with limited access to e-mail. For urgent matters please call {c.pr['tel']}.",
                        f"Thank you for your message. I'm on leave from {dfmt(d1, 'en')} to {dfmt(d2, 'en')}. My colleague {c.choice(STAFF['gp'])} is covering."])
    to = c.choice([("", "info@medsupply.example"), ("", "nieuwsbrief@nhg-test.example"), staff_of(c, "assist"), ("", "noreply@webinar-platform.example")])
    subj = (c.choice(["Automatisch antwoord: ", "Afwezig: ", "Out of Office: "]) if nl else c.choice(["Automatic reply: ", "Out of Office: "])) + c.choice(["Nieuwsbrief", "Re: offerte", "Uitnodiging", "Vraag"])
    return c.mail(who, [to], subj, c.text(txt), extra=[("Auto-Submitted", "auto-replied"), ("X-Auto-Response-Suppress", "All")])


@recipe("c-it")
def c_it(c):
    c.tag("it-helpdesk", "elfproef-ticket")
    nl = c.lang == "nl"
    tk = elf_number(c.rng)
    url = f"https://servicedesk.ict-zorg.example/tickets/{tk}"
    c.tag("number-in-url")
    issue = c.choice([("Printer spreekkamer 2 geeft papierstoring", "Printer in room 2 reports a paper jam"),
                      ("Zorgmail-certificaat verloopt over 14 dagen", "Secure mail certificate expires in 14 days"),
                      ("VPN-verbinding thuiswerkplek valt steeds weg", "VPN connection drops repeatedly"),
                      ("UZI-paslezer wordt niet herkend na Windows-update", "Smart card reader not recognised after update"),
                      ("Telefooncentrale: wachtrij-melding aanpassen", "Phone system: change the queue message"),
                      ("Nieuwe medewerker account aanmaken", "Create account for new employee")])
    style = c.cycle(3)
    if nl:
        if style == 0:
            txt = (f"Beste gebruiker,\n\nUw melding is geregistreerd onder ticketnummer {tk}.\n\nOmschrijving: {issue[0]}\nPrioriteit: {c.choice(['laag', 'normaal', 'hoog'])}\n"
                   f"Status: in behandeling\n\nU kunt de voortgang volgen via {url}\n\nMet vriendelijke groet,\nServicedesk ICT-Zorg\nKvK {c.rng.randint(10000000, 99999999)}")
        elif style == 1:
            txt = (f"Hoi,\n\nTicket {tk} ({issue[0].lower()}) is opgelost: {c.choice(['driver opnieuw geïnstalleerd', 'certificaat vernieuwd', 'instellingen aangepast'])}. "
                   f"Werkt het niet? Reageer dan op deze mail zonder het onderwerp te wijzigen.\n\nGroet,\nSupport")
        else:
            txt = (f"Melding {tk}\n\nWerkplek: PC-SPREEK{c.rng.randint(1, 6)}\nGebruiker: {c.choice(STAFF['assist'])}\nProbleem: {issue[0]}\n"
                   f"Toegewezen aan: 2e lijn\nReferentie leverancier: {elf_number(c.rng)}\n")
            c.tag("elfproef-reference")
    else:
        txt = (f"Dear customer,\n\nYour request has been logged as ticket #{tk}.\nSummary: {issue[1]}\nYou can track it at {url}\n\nRegards,\nSupport team")
    subj = (f"[Ticket {tk}] {issue[0]}" if nl else f"[#{tk}] {issue[1]}")
    return c.mail(("Servicedesk", "servicedesk@ict-zorg.example"), [staff_of(c, "pm")], subj, pick_root(c, txt))


SUPPLIERS = [("MediShop Benelux", "medishop-benelux.example"), ("Praktijkinrichting Noord", "praktijkinrichting.example"),
             ("MedSupply Europe", "medsupply.example"), ("Hygiëne & Zo B.V.", "hygiene-en-zo.example")]
ARTICLES = [("Nitril handschoenen maat M, doos 100 st.", 6.95), ("Spatels hout, 100 st.", 3.40), ("Urine-teststrips Combur-10", 38.50),
            ("Wegwerp speculums maat M, 25 st.", 14.20), ("Onderzoekstafelpapier 50 cm", 21.00), ("Alcoholdoekjes 100 st.", 4.75),
            ("Hechtset steriel", 9.80), ("Otoscoop-tips 250 st.", 17.30), ("Desinfectiemiddel oppervlak 1 L", 8.95), ("CRP-cuvetten 20 st.", 96.00)]


@recipe("c-supplier")
def c_supplier(c):
    sup = c.choice(SUPPLIERS)
    nl = c.lang == "nl"
    kind = c.cycle(3)
    kvk = c.rng.randint(10000000, 99999999)
    btw = f"NL{c.rng.randint(100000000, 999999999)}B01"
    ib = iban(c.rng)
    c.tag("kvk", "iban")
    items = c.rng.sample(ARTICLES, c.rng.randint(2, 5))
    art = [(elf_number(c.rng), n, p, c.rng.randint(1, 10)) for n, p in items]
    c.tag("elfproef-article")
    tot = sum(p * q for _, _, p, q in art)
    lines = "\n".join(f"{a}  {n:<45} {q:>3} x EUR " + f"{p:>7.2f}".replace(".", ",") for a, n, p, q in art)
    if kind == 0:
        on = elf_number(c.rng)
        c.tag("supplier-order", "elfproef-order")
        tt = "3SMDS" + "".join(str(c.rng.randrange(10)) for _ in range(10))
        c.tag("tracking-code")
        txt = ((f"Beste klant,\n\nBedankt voor uw bestelling. Ordernummer: {on}\nKlantnummer: {c.rng.randint(10000, 99999)}\n\n{lines}\n\nTotaal excl. btw: EUR {tot:.2f}\n"
                f"Verwachte levering: {dfmt(c.days(1, 4), 'nl')}\nTrack & Trace: {tt}\nhttps://track.pakketdienst.example/{tt}\n\n{sup[0]} | KvK {kvk} | btw {btw}")
               if nl else
               (f"Dear customer,\n\nThank you for your order. Order number: {on}\n\n{lines}\n\nTotal excl. VAT: EUR {tot:.2f}\nTracking: {tt}\n\n{sup[0]} | Chamber of Commerce {kvk}"))
        return c.mail((sup[0], f"orders@{sup[1]}"), [staff_of(c, "pm")], (f"Orderbevestiging {on}" if nl else f"Order confirmation {on}"), pick_root(c, txt.replace("EUR " + f"{tot:.2f}", "EUR " + f"{tot:.2f}".replace(".", ","))))
    if kind == 1:
        fn = elf_number(c.rng)
        c.tag("invoice", "elfproef-invoice")
        due = c.days(14, 30)
        pdf = make_pdf([f"Factuurnummer: {fn}", f"Factuurdatum: {dfmt(c.today, 'dmy')}", f"Debiteur: {c.pr['name']}", f"AGB-code: 01{c.rng.randint(100000, 999999)}", ""] +
                       [f"{a}  {n}  {q} x {p:.2f}" for a, n, p, q in art] + ["", f"Totaal: EUR {tot * 1.21:.2f} incl. 21% btw",
                                                                              f"Graag betalen voor {dfmt(due, 'dmy')} op {ib} o.v.v. {fn}", f"KvK {kvk} - btw {btw}"], "FACTUUR")
        c.tag("pdf-text", "mixed", "agb")
        txt = (f"Geachte heer/mevrouw,\n\nIn de bijlage vindt u factuur {fn}. Wij verzoeken u het bedrag van EUR {tot * 1.21:.2f} voor {dfmt(due, 'dmy')} over te maken op "
               f"{ib} ten name van {sup[0]}, onder vermelding van het factuurnummer.\n\nMet vriendelijke groet,\nDebiteurenadministratie").replace(f"{tot * 1.21:.2f}", f"{tot * 1.21:.2f}".replace(".", ","))
        if not nl:
            txt = f"Dear customer,\n\nPlease find invoice {fn} attached. Kindly pay EUR {tot * 1.21:.2f} by {dfmt(due, 'en')} to {ib}.\n\nAccounts receivable"
        root = c.multi("mixed", [c.text(txt), att(pdf, "application/pdf", f"factuur_{fn}.pdf" if nl else f"invoice_{fn}.pdf")])
        return c.mail((sup[0] + " Administratie", f"facturen@{sup[1]}"), [("Administratie", f"administratie@{c.pr['dom']}")], (f"Factuur {fn}" if nl else f"Invoice {fn}"), root)
    wo = elf_number(c.rng)
    c.tag("elfproef-workorder")
    dev = c.choice(["autoclaaf Melag 23", "ECG-apparaat", "koelkast vaccins (temperatuurlogger)", "spirometer", "behandelstoel spreekkamer 3"])
    d = c.days(2, 20)
    txt = (f"Geachte relatie,\n\nHierbij bevestigen wij werkorder {wo} voor het periodiek onderhoud van de {dev}.\nDatum: {NL_DAYS[d.weekday()]} {dfmt(d, 'nl')}, tussen 8.00 en 12.00 uur\n"
           f"Monteur: {c.choice(['Erik', 'Sander', 'Hüseyin', 'Mark'])}\nContractnummer: {elf_number(c.rng)}\n\nKunt u niet op deze datum? Bel dan 088-{c.rng.randint(1000000, 9999999)} onder vermelding van het werkordernummer.\n\n"
           f"Met vriendelijke groet,\nPlanning Service\n{sup[0]}") if nl else \
        (f"Dear customer,\n\nWe confirm work order {wo} for the scheduled maintenance of your equipment on {dfmt(d, 'en')}.\nContract number: {elf_number(c.rng)}\n\nService planning")
    c.tag("elfproef-contract")
    return c.mail(("Planning Service", f"planning@{sup[1]}"), [staff_of(c, "pm")], (f"Werkorder {wo} - onderhoud" if nl else f"Work order {wo}"), pick_root(c, txt))


@recipe("c-vcard")
def c_vcard(c):
    c.tag("vcf")
    nl = c.lang == "nl"
    if c.k % 2 == 0:
        c.tag("vcard-supplier")
        sup = c.choice(SUPPLIERS)
        name = c.choice(["Ria de Groot", "Mark Hulshof", "Ilse Vermeer", "Tarik Ouali"])
        vcf = make_vcf(name, f"{name.split()[-1]};{name.split()[0]};;;", org=sup[0], title="Accountmanager",
                       tels=[("WORK", f"088-{c.rng.randint(1000000, 9999999)}"), ("CELL", f"06-{c.rng.randint(10000000, 99999999)}")],
                       email=f"{ascii_fold(name.split()[0]).lower()}@{sup[1]}", adr=("WORK", "Industrieweg 14", "Nieuwegein", "", "3433 NL", "Nederland"))
        txt = (f"Beste {c.choice(STAFF['pm']).split()[0]},\n\nLeuk je gesproken te hebben. Hierbij mijn contactgegevens; ik ben je vaste aanspreekpunt voor bestellingen.\n\n"
               f"Met vriendelijke groet,\n{name}\nAccountmanager {sup[0]}") if nl else f"Hi,\n\nGreat talking to you. My contact card is attached.\n\nBest,\n{name}"
        frm = (name, f"{ascii_fold(name.split()[0]).lower()}@{sup[1]}")
        to = [staff_of(c, "pm")]
    else:
        c.tag("vcard-colleague")
        name = c.choice(STAFF["gp"] + STAFF["poh"])
        vcf = make_vcf(name, f"{name.split()[-1]};{name.split()[0]};;;", org=c.pr["name"], title=c.choice(["Huisarts", "POH-GGZ", "Waarnemend huisarts"]),
                       tels=[("WORK", c.pr["tel"])], email=f"{ascii_fold(name.split()[-1]).lower()}@{c.pr['dom']}",
                       adr=("WORK", c.pr["street"], c.pr["city"], "", c.pr["pc"], "Nederland"))
        txt = ("Hierbij mijn visitekaartje voor in jullie adresboek. Groet!" if nl else "My contact card for your address book.") + "\n\n" + name
        frm = (name, f"{ascii_fold(name.split()[-1]).lower()}@{c.pr['dom']}")
        to = [("Huisartsenpost", "info@hap-utrecht.example")]
    root = c.multi("mixed", [c.text(txt), att(vcf, "text/x-vcard", f"{ascii_fold(name).replace(' ', '_')}.vcf")])
    return c.mail(frm, to, "Contactgegevens" if nl else "Contact details", root)


@recipe("c-phishing")
def c_phishing(c):
    c.tag("phishing")
    nl = c.lang == "nl"
    n = elf_number(c.rng)
    c.tag("number-in-url")
    bad = c.choice(["secure-zorgmail-login.example", "m365-verify.test", "ing-beveiliging.example", "docu-sign-files.test"])
    if nl:
        subj, txt = c.choice([
            ("Uw mailbox is bijna vol", f"Beste gebruiker,\n\nUw mailbox heeft 98% van de opslag bereikt. Klik binnen 24 uur op onderstaande link om uw account te verifiëren, anders worden nieuwe berichten geweigerd.\n\nhttps://{bad}/verify/{n}\n\nIT-afdeling"),
            ("Zorgmail: actie vereist", f"Geachte zorgverlener,\n\nUw Zorgmail-certificaat is verlopen. Om de uitwisseling van patiëntgegevens niet te onderbreken moet u uw UZI-gegevens opnieuw invoeren via https://{bad}/uzi?id={n}\n\nMet vriendelijke groet,\nZorgmail Support"),
            ("Openstaande factuur", f"Geachte klant,\n\nOndanks herinneringen staat factuur {n} nog open. Download de factuur via https://{bad}/f/{n} om incassokosten te voorkomen."),
            ("Document gedeeld: Salarisoverzicht 2025", f"Er is een document met u gedeeld.\n\nBekijk document: https://{bad}/d/{n}\n\nDit bericht is automatisch verzonden."),
        ])
    else:
        subj, txt = c.choice([
            ("Your password expires today", f"Dear user,\n\nYour Microsoft 365 password expires today. Keep your current password here: https://{bad}/keep/{n}\n\nIT Support"),
            ("You have received a secure document", f"Hello,\n\nYou have a new secure document waiting. Ref: {n}\nOpen: https://{bad}/doc/{n}\n\nDocuSign"),
        ])
    if c.chance(0.5):
        htm = text_to_html(txt).replace(f"https://{bad}", f"<a href='https://{bad}'>https://login.microsoftonline.example").replace("</p>", "</a></p>", 1)
        root = c.alt(txt, htm)
    else:
        root = c.text(txt)
    return c.mail(("IT Support" if c.chance(0.5) else "Zorgmail", f"no-reply@{bad}"), [staff_of(c, "assist")], subj, root)


@recipe("c-mail-merge")
def c_mail_merge(c):
    c.tag("mail-merge")
    q = c.person()
    nl = c.lang == "nl"
    greet = c.choice([f"Beste {q.first},", f"Geachte {('mevrouw' if q.sex == 'f' else 'heer')} {q.Surname},", f"Beste {q.first} {q.surname},"]) if nl else \
        c.choice([f"Dear {q.first},", f"Dear {'Ms' if q.sex == 'f' else 'Mr'} {q.Surname},"])
    body = c.choice([
        "Vanaf 1 maart werken wij met een nieuw patiëntenportaal. U ontvangt binnenkort een activatiecode per post. Uw oude account werkt tot die tijd gewoon.",
        "Onze praktijk verhuist in de zomer naar een nieuw gezondheidscentrum aan de Slotlaan. Het telefoonnummer blijft hetzelfde.",
        "Wij horen graag wat u van onze praktijk vindt. Wilt u de korte vragenlijst invullen? Het kost ongeveer vijf minuten.",
        "Vanaf volgende maand zijn wij op vrijdagmiddag telefonisch bereikbaar tot 17.00 uur in plaats van 16.00 uur.",
        "In de week van 14 oktober is de praktijk gesloten in verband met een verbouwing. Praktijk De Linde neemt waar.",
    ]) if nl else c.choice([
        "From 1 March we use a new patient portal. You will receive an activation code by post.",
        "We'd love your feedback. Please fill in our short survey; it takes about five minutes.",
        "Our practice is moving to a new health centre this summer. Our phone number stays the same.",
    ])
    txt = f"{greet}\n\n{body}\n\n" + (f"Met vriendelijke groet,\n\nHet team van {c.pr['name']}" if nl else f"Kind regards,\n\nThe team at {c.pr['name']}")
    if "vragenlijst" in body or "survey" in body:
        txt += f"\n\n{track_url(c, 'enquete.praktijkmail.example')}"
    return c.mail((c.pr["name"], f"noreply@{c.pr['dom']}"), [(q.full, q.email)], c.choice(["Bericht van uw huisartsenpraktijk", "Belangrijke informatie", "Nieuws"]) if nl else "News from your GP practice",
                  pick_root(c, txt), extra=[("Precedence", "bulk")])


@recipe("c-anon-case")
def c_anon_case(c):
    c.tag("anon-case", "health-words-generic")
    nl = c.lang == "nl"
    cases_nl = [
        "Casus 1: een vrouw van middelbare leeftijd met moeheid sinds een half jaar. Hb 6,9 mmol/L, ferritine 8 µg/L. Geen bloedverlies bekend. Wat is jullie beleid?",
        "Casus 2: man, rond de 70, DM2 met eGFR 38 ml/min, gebruikt metformine 1000 mg 2dd1. Dosis aanpassen of overstappen?",
        "Casus: jongvolwassene met paniekklachten, wil geen medicatie. Ervaringen met e-health modules?",
        "Een oudere patiënte met polyfarmacie (11 middelen) en valpartijen. Welke middelen zouden jullie als eerste saneren?",
        "Kind van basisschoolleeftijd met recidiverende buikpijn zonder alarmsymptomen: hoe ver gaan jullie met aanvullend onderzoek?",
    ]
    cases_en = [
        "Case for journal club: a woman in her forties with palpitations and a normal ECG. Holter or reassure?",
        "Case: an elderly man with new-onset confusion and a UTI on dipstick. Treat or not?",
    ]
    cases = c.rng.sample(cases_nl, c.rng.randint(1, 3)) if nl else c.rng.sample(cases_en, 1)
    intro = c.choice(["Voor de intervisie van donderdag alvast de casuïstiek (geanonimiseerd):", "FTO-casus voor volgende week:", "Vraag aan de HAGRO:"]) if nl else "For Thursday's peer review:"
    txt = intro + "\n\n" + "\n\n".join(cases) + "\n\n" + (c.choice(["Graag jullie ideeën.", "Tot donderdag!"]) if nl else "See you Thursday.") + "\n\n" + c.choice(STAFF["gp"])
    return c.mail(gp_of(c), [("HAGRO Oost", "hagro-oost@huisartsen-regio.example")], c.choice(["Casuïstiek intervisie", "FTO casus", "HAGRO vraag"]) if nl else "Peer review case", pick_root(c, txt))


@recipe("c-hr")
def c_hr(c):
    c.tag("hr")
    pm = staff_of(c, "pm")
    nl = c.lang == "nl"
    new = c.choice(STAFF["assist"])
    kind = c.cycle(4)
    if kind == 0:
        txt = (f"Beste collega's,\n\nGraag stel ik jullie voor aan {new}, die per {dfmt(c.days(5, 30), 'nl')} ons team komt versterken als doktersassistente. "
               f"Ze werkte hiervoor in een apotheek. Heten jullie haar welkom?\n\nGroet,\n{pm[0]}") if nl else \
            f"Dear all,\n\nPlease welcome {new}, who joins us as practice assistant next month.\n\n{pm[0]}"
        subj = "Nieuwe collega" if nl else "New colleague"
    elif kind == 1:
        txt = ("Beste collega's,\n\nDe vakantieplanning voor de zomer moet uiterlijk 1 maart rond zijn. Vul je wensen in op het formulier in de personeelsruimte. "
               "Per week mogen maximaal twee assistentes tegelijk vrij zijn.\n\n" + pm[0]) if nl else "Please submit your summer leave requests by 1 March.\n\n" + pm[0]
        subj = "Vakantieplanning" if nl else "Summer leave"
    elif kind == 2:
        cn = elf_number(c.rng)
        c.tag("elfproef-contract")
        txt = (f"Beste {new.split()[0]},\n\nHierbij bevestig ik de verlenging van je arbeidsovereenkomst (contractnummer {cn}) voor onbepaalde tijd, conform de cao Huisartsenzorg. "
               f"De salarisverhoging van 3,5% gaat in per 1 {c.choice(NL_MONTHS)}.\n\nGefeliciteerd!\n{pm[0]}") if nl else \
            f"Dear {new.split()[0]},\n\nThis confirms the extension of your contract (contract number {cn}).\n\n{pm[0]}"
        subj = "Verlenging contract" if nl else "Contract extension"
        return c.mail(pm, [(new, f"{ascii_fold(new.split()[0]).lower()}@{c.pr['dom']}")], subj, pick_root(c, txt))
    else:
        txt = ("Hoi allemaal,\n\nHet personeelsuitje is op zaterdag 14 juni: we gaan suppen op de Vecht en daarna eten. Partners zijn welkom. "
               f"Aanmelden bij {new.split()[0]} voor 1 mei. Bijdrage: EUR 25 via Tikkie.\n\n{pm[0]}") if nl else "Team outing on 14 June, partners welcome.\n\n" + pm[0]
        subj = "Personeelsuitje!" if nl else "Team outing"
    return c.mail(pm, [("Team", f"team@{c.pr['dom']}")], subj, pick_root(c, txt))


@recipe("c-cme")
def c_cme(c):
    c.tag("cme")
    nl = c.lang == "nl"
    gaia = c.rng.randint(400000, 499999)
    topic = c.choice(["Astma en COPD: update NHG-Standaard", "Dermatoscopie voor de huisarts", "Palliatieve zorg thuis", "AVG en veilig mailen in de zorg",
                      "Hartfalen in de eerste lijn", "Kinderen met koorts: de NHG-Standaard", "Suïcidepreventie voor huisartsen en POH's"]) if nl else \
        c.choice(["Managing Long COVID in primary care", "Webinar: dermatoscopy basics", "Mental health first aid for GPs"])
    d = c.days(10, 90)
    price = c.choice(["EUR 195,-", "EUR 85,-", "gratis voor leden", "EUR 350,- incl. diner"])
    txt = (f"Nascholing: {topic}\n\nDatum: {NL_DAYS[d.weekday()]} {dfmt(d, 'nl')}, 17.30 - 21.00 uur\nLocatie: {c.choice(['Congrescentrum De Reehorst, Ede', 'online (Zoom)', 'Huize Molenaar, Utrecht'])}\n"
           f"Accreditatie: {c.choice([2, 3, 4])} punten ABC1 (GAIA-nummer {gaia})\nKosten: {price}\n\nInschrijven: https://nascholing.example/aanbod/{gaia}\n\n"
           f"Deze nascholing is bedoeld voor huisartsen, waarnemers en POH's. Na afloop ontvangt u een certificaat.") if nl else \
        (f"{topic}\n\nDate: {dfmt(d, 'en')}, 19:00-20:30 CET\nAccreditation: 2 CME points\nFee: free\nRegister: https://cme.example/event/{gaia}")
    return c.mail(("Nascholing" if nl else "CME events", "info@nascholing.example"), [("", f"info@{c.pr['dom']}")], topic, pick_root(c, txt))


@recipe("c-numbers")
def c_numbers(c):
    nl = c.lang == "nl"
    kind = c.cycle(6)
    if kind == 0:
        rsin = elf_number(c.rng, first_digits="8")
        c.tag("rsin", "kvk")
        txt = (f"Geachte bestuurder,\n\nVoor de aanvraag van de subsidie hebben wij de volgende gegevens van de coöperatie ontvangen:\n\nNaam: Huisartsencoöperatie Stad & Regio U.A.\n"
               f"KvK-nummer: {c.rng.randint(10000000, 99999999)}\nRSIN: {rsin}\nIBAN: {iban(c.rng)}\n\nDe aanvraag is in behandeling genomen onder zaaknummer Z{c.rng.randint(100000, 999999)}.\n\n"
               f"Met vriendelijke groet,\nAfdeling Subsidies, Gemeente {c.choice(['Utrecht', 'Zeist', 'Houten'])}") if nl else \
            (f"Dear board,\n\nWe received your organisation details: Chamber of Commerce {c.rng.randint(10000000, 99999999)}, RSIN {rsin}.\n\nGrants department")
        c.tag("iban")
        return c.mail(("Subsidies", "subsidies@gemeente-utrecht.example"), [("Bestuur", "bestuur@huisartsencooperatie.example")], "Ontvangstbevestiging subsidieaanvraag" if nl else "Grant application", pick_root(c, txt))
    if kind == 1:
        uzi = elf_number(c.rng, first_digits="9")
        pas = elf_number(c.rng)
        c.tag("uzi")
        gp = c.choice(STAFF["gp"])
        txt = (f"Geachte {gp},\n\nUw nieuwe UZI-pas is verzonden. Pasnummer: {pas}\nUZI-nummer: {uzi}\nAGB-code: 01{c.rng.randint(100000, 999999)}\n\n"
               f"De pincode ontvangt u apart per post. Activeer de pas binnen 30 dagen.\n\nCIBG / UZI-register (test)") if nl else \
            f"Dear {gp},\n\nYour new healthcare provider card has been sent. Card number {pas}, UZI number {uzi}.\n\nUZI register"
        c.tag("agb")
        return c.mail(("UZI-register", "noreply@uziregister.example"), [(gp, f"{ascii_fold(gp.split()[-1]).lower()}@{c.pr['dom']}")], "Uw UZI-pas is verzonden" if nl else "Your card has been sent", c.text(txt))
    if kind == 2:
        c.tag("tracking-code", "elfproef-order")
        on = elf_number(c.rng)
        tt = f"JVGL{c.rng.randint(10**13, 10**14 - 1)}"
        txt = (f"Je pakket is onderweg!\n\nBestelnummer: {on}\nZendingnummer: {tt}\nVolg je pakket: https://track.pakketdienst.example/{tt}?postcode=3582KT\n\n"
               f"Bezorgmoment: {dfmt(c.days(1, 2), 'nl')} tussen 13.00 en 15.30 uur.") if nl else \
            f"Your parcel is on its way!\n\nOrder number: {on}\nTracking: {tt}\nhttps://track.pakketdienst.example/{tt}"
        return c.mail(("Pakketdienst", "noreply@pakketdienst.example"), [("", f"administratie@{c.pr['dom']}")], ("Je pakket komt eraan" if nl else "Your parcel"), pick_root(c, txt))
    if kind == 3:
        c.tag("elfproef-contract", "iban")
        cn = elf_number(c.rng)
        txt = (f"Geachte klant,\n\nUw energiecontract met contractnummer {cn} wordt per {dfmt(c.days(20, 60), 'nl')} verlengd.\n"
               f"EAN-code elektriciteit: 8716{c.rng.randint(10**13, 10**14 - 1)}\nKlantnummer: {c.rng.randint(1000000, 9999999)}\n"
               f"Het maandbedrag van EUR {c.rng.randint(180, 420)},- wordt geïncasseerd van {iban(c.rng)}.\n\nMet vriendelijke groet,\nKlantenservice Groene Stroom") if nl else \
            f"Dear customer,\n\nYour contract {cn} renews next month.\n\nCustomer service"
        return c.mail(("Groene Stroom", "klantenservice@groenestroom.example"), [staff_of(c, "pm")], "Verlenging energiecontract" if nl else "Contract renewal", pick_root(c, txt))
    if kind == 4:
        c.tag("agb", "kvk", "phone-numbers")
        agb_p = f"01{c.rng.randint(100000, 999999)}"
        agb_z = f"0{c.rng.randint(1000000, 9999999)}"
        txt = (f"Beste collega,\n\nVoor de nieuwe contractering hebben we de volgende gegevens van jullie praktijk:\n\nPraktijk-AGB: {agb_p}\nZorgverlener-AGB: {agb_z}\n"
               f"KvK: {c.rng.randint(10000000, 99999999)}\nTelefoon: {c.pr['tel']}\nSpoedlijn: {c.pr['tel'][:-2]}{c.rng.randint(10, 99)}\n\nKloppen deze? Graag voor vrijdag reactie.\n\nZorggroep Regio") if nl else \
            f"Dear colleague,\n\nPractice code {agb_p}, provider code {agb_z}. Please confirm.\n\nCare group"
        return c.mail(("Zorggroep Regio", "contractering@zorggroep-regio.example"), [staff_of(c, "pm")], "Controle gegevens contractering" if nl else "Please check details", pick_root(c, txt))
    c.tag("elfproef-order", "number-in-url")
    n1, n2 = elf_number(c.rng), non_elf_number(c.rng)
    txt = (f"Hoi,\n\nKun je deze twee bestellingen in de webshop samenvoegen? https://shop.medsupply.example/account/orders/{n1} en "
           f"https://shop.medsupply.example/account/orders/{n2}\n\nDank!\n{c.choice(STAFF['assist'])}") if nl else \
        f"Hi,\n\nCan you merge these two orders? https://shop.medsupply.example/account/orders/{n1} and .../{n2}\n\nThanks"
    return c.mail(staff_of(c, "assist"), [("Klantenservice", "service@medsupply.example")], "bestellingen samenvoegen" if nl else "merge orders", c.text(txt))


@recipe("c-bsn-generic")
def c_bsn_generic(c):
    c.tag("bsn-word-generic")
    nl = c.lang == "nl"
    kind = c.cycle(4)
    if kind == 0:
        txt = ("Welkom bij onze praktijk!\n\nNeem bij uw eerste bezoek een geldig identiteitsbewijs en uw zorgpas mee. Wij controleren dan uw burgerservicenummer (BSN) "
               "in het landelijke systeem. Zonder BSN kunnen wij u helaas niet inschrijven.\n\nInschrijven kan op werkdagen tussen 8.00 en 17.00 uur.") if nl else \
            ("Welcome to our practice!\n\nPlease bring valid ID and your insurance card to your first visit, so that we can check your citizen service number (BSN).")
        subj = "Inschrijven bij de praktijk" if nl else "Registering with the practice"
        frm, to = (c.pr["name"], f"info@{c.pr['dom']}"), ("", "nieuwe.patient@mail.example")
    elif kind == 1:
        txt = ("Beste collega's,\n\nVanaf maandag is het verplicht om bij elke inschrijving het BSN via de WID-check te controleren. Noteer in het HIS altijd het type "
               "identiteitsbewijs en het documentnummer. Het veld 'BSN' mag niet handmatig worden overschreven; gebruik de SBV-Z-koppeling.\n\n" + c.choice(STAFF["pm"])) if nl else \
            "Dear colleagues,\n\nFrom Monday the BSN must be verified via the ID check at every registration. Never overwrite the BSN field manually.\n\n" + c.choice(STAFF["pm"])
        subj = "Werkinstructie BSN-controle" if nl else "Instruction: BSN check"
        frm, to = staff_of(c, "pm"), ("Team", f"team@{c.pr['dom']}")
    elif kind == 2:
        form = make_docx(["Inschrijfformulier nieuwe patiënt", "Achternaam: ______________", "Voornamen: ______________", "Geboortedatum: __-__-____",
                          "Burgerservicenummer (BSN): _________", "Adres: ______________", "Vorige huisarts: ______________"], title="Inschrijfformulier")
        c.tag("docx", "mixed")
        root = c.multi("mixed", [c.text(("Hierbij het inschrijfformulier. Vul het in en lever het in bij de balie, samen met een kopie van uw zorgpas." if nl else
                                         "Attached is the registration form; please complete it and bring it to the desk.") + "\n\n" + c.pr["name"]),
                                 att(form, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "inschrijfformulier.docx")])
        return c.mail((c.pr["name"], f"info@{c.pr['dom']}"), [("", "aanvraag@mail.example")], "Inschrijfformulier" if nl else "Registration form", root)
    else:
        txt = ("Vraag vanuit de helpdesk: bij het versturen van een verwijzing via ZorgDomein verschijnt de melding 'BSN ontbreekt of is ongeldig'. "
               "Dit komt doordat het burgerservicenummer in het HIS niet is geverifieerd. Oplossing: open het patiëntdossier, klik op 'SBV-Z controleren' en probeer opnieuw.") if nl else \
            "Support note: the error 'BSN missing or invalid' appears when the citizen service number has not been verified. Run the SBV-Z check and retry."
        subj = "Kennisbank: foutmelding BSN" if nl else "Knowledge base: BSN error"
        frm, to = ("Support", "support@his-leverancier.example"), staff_of(c, "assist")
    return c.mail(frm, [to], subj, pick_root(c, txt))


@recipe("c-chain")
def c_chain(c):
    c.tag("quoted-history", "clean-chain")
    nl = c.lang == "nl"
    a, b = gp_of(c), staff_of(c, "pm")
    topic = c.choice([("Waarneming zomer", "Kun jij de week van 21 juli waarnemen voor de Linde? Ik heb dan de kinderen.", "Ja hoor, zet me maar in het rooster."),
                      ("Nieuwe ECG-apparaat", "Zullen we het ECG-apparaat van MediShop nemen? Offerte is EUR 3.450,-.", "Prima, maar vraag of de onderhoudskosten erbij zitten."),
                      ("Parkeren", "Vanaf maandag graag niet meer op de plekken voor de ambulance parkeren.", "Duidelijk, ik stuur het door naar de assistentes."),
                      ("Zivver-training", "De training veilig mailen is op 12 maart om 13.00 uur. Wie komt er?", "Ik kom, Sanne ook.")]) if nl else \
        c.choice([("Summer cover", "Could you cover the week of 21 July?", "Sure, put me on the roster."),
                  ("ECG machine", "Shall we buy the ECG machine from MediShop? Quote is EUR 3,450.", "Fine, but check the maintenance costs.")])
    when = c.now - dt.timedelta(hours=c.rng.randint(2, 40))
    txt = f"{topic[2]}\n\n{a[0].split()[0]}\n\n{quoted_header(c, b[0], b[1], when)}\n{quote_lines(topic[1] + chr(10) + chr(10) + b[0])}\n"
    return c.mail(a, [b], "Re: " + topic[0], pick_root(c, txt), reply=True)


@recipe("c-protocol")
def c_protocol(c):
    c.tag("protocol-update", "health-words-generic")
    nl = c.lang == "nl"
    txt = c.choice([
        "Beste collega's,\n\nDe NHG-Standaard Diabetes mellitus type 2 is herzien. De belangrijkste wijzigingen:\n- streefwaarde HbA1c ≤ 53 mmol/mol bij de meeste patiënten;\n"
        "- start metformine 500 mg 1dd1, langzaam ophogen;\n- bij hart- en vaatziekten eerder een SGLT2-remmer overwegen;\n- eGFR < 30: metformine staken.\n\nWe passen het protocol aan in de vergadering.",
        "Hoi allemaal,\n\nNieuwe afspraak met de apotheek: bij antibiotica voor een urineweginfectie bij vrouwen starten we met nitrofurantoïne 100 mg 2dd1 gedurende 5 dagen. "
        "Fosfomycine alleen bij contra-indicatie. Graag doorvoeren in de triage.",
        "Collega's,\n\nTer herinnering: bij INR > 5 zonder bloeding de trombosedienst bellen; bij een INR boven de 8 vitamine K geven volgens protocol. Het protocol staat op de K-schijf.",
        "Team,\n\nHet griepvaccin wordt gekoeld bewaard tussen 2 en 8 °C. Controleer dagelijks de temperatuurlogger en noteer afwijkingen in het logboek.",
    ]) if nl else c.choice([
        "Dear all,\n\nThe asthma guideline has been updated: reliever-only SABA is no longer recommended; use ICS-formoterol as needed.",
        "Reminder: keep vaccines between 2 and 8 degrees Celsius and log the fridge temperature daily.",
    ])
    return c.mail(gp_of(c), [("Team", f"team@{c.pr['dom']}")], c.choice(["Protocolwijziging", "Update standaard", "werkafspraak"]) if nl else "Guideline update", pick_root(c, txt))


@recipe("c-poster")
def c_poster(c):
    c.tag("image")
    nl = c.lang == "nl"
    fmt = c.choice(["PNG", "JPEG"])
    c.tag(fmt.lower())
    lines = (["Zaterdag 11 oktober", "09:00 - 12:00 uur", "Neem uw uitnodiging mee", f"Vragen? Bel {c.pr['tel']}"] if nl else
             ["Saturday 11 October", "09:00 - 12:00", "Bring your invitation", f"Questions? Call {c.pr['tel']}"])
    img = make_image(lines, fmt, c.rng, width=700, size=24, header=("GRIEPPRIK 2025" if nl else "FLU JAB 2025"))
    ext = "png" if fmt == "PNG" else "jpg"
    root = c.multi("mixed", [c.text(("Hierbij de poster voor de wachtkamer en de website." if nl else "Poster for the waiting room attached.") + "\n\n" + c.choice(STAFF["pm"])),
                             att(img, "image/png" if fmt == "PNG" else "image/jpeg", f"poster_griepprik.{ext}")])
    return c.mail(staff_of(c, "pm"), [("Team", f"team@{c.pr['dom']}")], "Poster griepprik" if nl else "Flu poster", root)


@recipe("c-misc-en")
def c_misc_en(c):
    c.tag("misc")
    reg = elf_number(c.rng)
    kind = c.cycle(3)
    if kind == 0:
        c.tag("elfproef-reference")
        txt = (f"Dear Dr {c.choice(STAFF['gp']).split()[-1]},\n\nThank you for registering for the WONCA Europe conference. Your registration number is {reg}.\n"
               f"Invoice and receipt: https://conference.example/registrations/{reg}\n\nWe look forward to welcoming you in Dublin.\n\nConference secretariat")
        c.tag("number-in-url")
        return c.mail(("WONCA Europe 2025", "registration@conference.example"), [gp_of(c)], "Registration confirmed", pick_root(c, txt))
    if kind == 1:
        txt = ("Release notes HIS 2025.2\n\n- New: e-consult inbox with filters\n- Fixed: BSN field validation when importing from the national switch point\n"
               "- Fixed: lab results with units in µmol/L were rounded incorrectly\n- Changed: medication overview export now includes the prescriber's AGB code\n\n"
               "The update will be installed automatically on Sunday night.")
        c.tag("bsn-word-generic")
        return c.mail(("HIS vendor", "releases@his-leverancier.example"), [staff_of(c, "pm")], "Release notes 2025.2", pick_root(c, txt))
    txt = (f"Hi {c.choice(STAFF['gp']).split()[0]},\n\nI'm a recruiter with Locum Partners. We have several locum GP positions in Utrecht and Amersfoort from September. "
           f"Rates from EUR 110 per hour. Interested? Call me on +31 20 {c.rng.randint(100, 999)} {c.rng.randint(1000, 9999)}.\n\nBest,\nJamie")
    c.tag("phone-numbers")
    return c.mail(("Jamie Collins", "jamie@locum-partners.example"), [gp_of(c)], "Locum opportunities", c.text(txt))


# ========================================================================================
# plan and driver
# ========================================================================================
PLAN = [
    # sensitive
    ("referral", "nl", 9), ("referral", "en", 3), ("lab", "nl", 7), ("lab", "en", 3), ("medication", "nl", 7), ("medication", "en", 2),
    ("icpc", "nl", 5), ("discharge", "nl", 5), ("discharge", "en", 2), ("specialist-appt", "nl", 5), ("specialist-appt", "en", 3),
    ("youth-care", "nl", 9), ("ggz", "nl", 8), ("ggz", "en", 2), ("patient-nl", "nl", 14), ("patient-en", "en", 11),
    ("html-letter", "nl", 4), ("html-letter", "en", 1), ("docx", "nl", 4), ("docx", "en", 2), ("xlsx", "nl", 4), ("xlsx", "en", 2),
    ("odt", "nl", 3), ("pdf", "nl", 4), ("pdf", "en", 2), ("rtf", "nl", 3), ("hl7", "nl", 4), ("fhir-json", "nl", 3), ("fhir-xml", "nl", 3),
    ("csv", "nl", 3), ("csv", "en", 2), ("ics-patient", "nl", 3), ("ics-patient", "en", 1), ("vcf-patient", "nl", 3), ("vcf-patient", "en", 1),
    ("edifact", "nl", 3), ("bsn-subject", "nl", 3), ("bsn-subject", "en", 1), ("bsn-displayname", "nl", 2), ("bsn-filename", "nl", 3),
    ("bsn-nokeyword", "nl", 4), ("bsn-nokeyword", "en", 1), ("wmo", "nl", 4), ("insurer", "nl", 4), ("employer-sicknote", "nl", 3),
    ("employer-sicknote", "en", 2), ("quoted-history", "nl", 5), ("quoted-history", "en", 2), ("rfc822", "nl", 4), ("rfc822", "en", 2),
    ("utf16", "nl", 3), ("image", "nl", 6), ("image", "en", 3),
] + [("unscannable", "nl", 1, {"variant": v}) for v in ["zip-aes", "zip-crypto", "pdf-rc4", "pdf-aes-clean", "docx-trunc", "pdf-trunc",
                                                          "unknown-binary", "b64-corrupt", "zip-aes-clean", "zip-in-zip-crypto"]] + \
    [("unscannable", "en", 1, {"variant": "zip-aes"}), ("unscannable", "en", 1, {"variant": "pdf-rc4"})] + [
    # clean
    ("c-newsletter", "nl", 7), ("c-newsletter", "en", 3), ("c-patient-info", "nl", 11), ("c-patient-info", "en", 4),
    ("c-meeting", "nl", 10), ("c-meeting", "en", 2), ("c-roster", "nl", 8), ("c-roster", "en", 2), ("c-ooo", "nl", 5), ("c-ooo", "en", 2),
    ("c-it", "nl", 7), ("c-it", "en", 3), ("c-supplier", "nl", 12), ("c-supplier", "en", 3), ("c-vcard", "nl", 5), ("c-vcard", "en", 2),
    ("c-phishing", "nl", 4), ("c-phishing", "en", 2), ("c-mail-merge", "nl", 8), ("c-mail-merge", "en", 3), ("c-anon-case", "nl", 6),
    ("c-anon-case", "en", 2), ("c-hr", "nl", 5), ("c-hr", "en", 2), ("c-cme", "nl", 5), ("c-cme", "en", 2), ("c-numbers", "nl", 12),
    ("c-numbers", "en", 3), ("c-bsn-generic", "nl", 5), ("c-bsn-generic", "en", 2), ("c-chain", "nl", 4), ("c-chain", "en", 2),
    ("c-protocol", "nl", 4), ("c-protocol", "en", 1), ("c-poster", "nl", 3), ("c-poster", "en", 1), ("c-misc-en", "en", 4),
]


KIND_TAG = {"it": "it-helpdesk", "patient-info": "patient-info-generic", "bsn-generic": "bsn-word-generic", "bsn-nokeyword": "bsn-no-keyword",
            "bsn-displayname": "bsn-displayname-2047", "utf16": "utf16le-nobom", "chain": "clean-chain", "protocol": "protocol-update",
            "misc-en": "misc", "vcard": "vcard-contact", "numbers": "number-lookalikes", "poster": "poster", "supplier": "supplier"}


def build(out):
    rng = random.Random(SEED)
    jobs = []
    for entry in PLAN:
        name, lang, n = entry[:3]
        kw = entry[3] if len(entry) > 3 else {}
        jobs += [(name, lang, kw)] * n
    rng.shuffle(jobs)
    os.makedirs(out, exist_ok=True)
    for f in os.listdir(out):
        if re.fullmatch(r"msg-\d{3}\.eml", f):
            os.remove(os.path.join(out, f))
    labels = ["file\tbsn\thealth\tpersonal\tunscannable\tnote"]
    seen = collections.Counter()
    ents = ["file\tkind\ttext"]
    for i, (name, lang, kw) in enumerate(jobs, 1):
        mrng = random.Random(f"{SEED}:{i}:{name}")
        c = Ctx(mrng, lang, lf=mrng.random() < 0.12)
        c.k = seen[name]
        seen[name] += 1
        data = RECIPES[name](c, **kw)
        fn = f"msg-{i:03d}.eml"
        with open(os.path.join(out, fn), "wb") as fh:
            fh.write(data)
        kind = name[2:] if name.startswith("c-") else name
        kind = KIND_TAG.get(kind, kind)
        tags = [kind] + [t for t in c.tags if t != kind] + [f"lang-{c.lang}"]
        lab = c.lab
        labels.append(f"{fn}\t{lab['bsn']}\t{lab['health']}\t{lab['personal']}\t{lab['unscannable']}\t{';'.join(tags)}")
        if any(lab.values()):
            for k, t in c.ents:
                ents.append(f"{fn}\t{k}\t{t}")
    with open(os.path.join(out, "labels.tsv"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write("\n".join(labels) + "\n")
    with open(os.path.join(out, "entities.tsv"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write("\n".join(ents) + "\n")
    return len(jobs)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=HERE, help="output folder (default: the folder of this script)")
    a = ap.parse_args()
    n = build(a.out)
    print(f"wrote {n} messages to {a.out}")


if __name__ == "__main__":
    main()
