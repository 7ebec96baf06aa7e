#!/usr/bin/env python3
"""Reference run of the Dutch de-identifier `deduce` (PyPI) over the blind corpus.

For every message it collects the *readable text* that this script can decode by itself:
  - the Subject header,
  - text/plain and text/html bodies (HTML tags stripped, entities unescaped), also inside
    message/rfc822 attachments at any depth,
  - text-like attachments: csv, tsv, txt, ics, vcf, hl7/er7, json, xml, edi (charset from the
    part, else UTF-8, else a UTF-16LE heuristic for files without a byte-order mark, else cp1252).
Binary attachments (docx, xlsx, odt, pdf, rtf, zip, images, unknown binaries) are skipped and
counted; entities that sit only there are left out of the recall figures.

It then runs deduce over that text and prints
  - recall per entity kind against entities.tsv (an entity counts as found when a deduce
    annotation of a compatible tag overlaps one of its occurrences; "any tag" is also given),
  - a message-level figure: among messages labelled personal=1 whose personal data sits in
    readable text (at least one person entity and at least one birthdate/address/postcode/phone
    entity occur in it), the share where deduce finds at least one person AND (a date or a
    location or a phone number).
The last line of output is a JSON summary.

usage: python3 deduce_ref.py [--corpus DIR] [--verbose]
"""
import argparse
import collections
import email
import email.policy
import html
import json
import os
import re
import subprocess
import sys
from email.header import decode_header, make_header

HERE = os.path.dirname(os.path.abspath(__file__))

TEXT_TYPES = {"text/plain", "text/html", "text/csv", "text/tab-separated-values", "text/calendar", "text/vcard", "text/x-vcard",
              "application/json", "application/fhir+json", "application/xml", "text/xml", "application/fhir+xml",
              "application/hl7-v2", "x-application/hl7-v2+er7", "application/edifact", "text/rtf-skip"}
TEXT_EXT = (".txt", ".csv", ".tsv", ".ics", ".vcf", ".hl7", ".er7", ".json", ".xml", ".edi")
BINARY_EXT = (".docx", ".xlsx", ".odt", ".pdf", ".rtf", ".zip", ".png", ".jpg", ".jpeg", ".dat", ".his", ".bin")


def ensure_deduce():
    try:
        import deduce  # noqa: F401
        return True
    except ImportError:
        pass
    print("deduce not installed; trying: pip install deduce", file=sys.stderr)
    r = subprocess.run([sys.executable, "-m", "pip", "install", "-q", "deduce"])
    if r.returncode != 0:
        print("pip install deduce FAILED; cannot run the reference de-identifier", file=sys.stderr)
        return False
    return True


def strip_html(s):
    s = re.sub(r"(?is)<(script|style|head)\b.*?</\1>", " ", s)
    s = re.sub(r"(?i)<br\s*/?>", "\n", s)
    s = re.sub(r"(?i)</(p|div|tr|h\d|li|table)>", "\n", s)
    s = re.sub(r"(?i)</t[dh]>", "\t", s)
    s = re.sub(r"<[^>]+>", "", s)
    return html.unescape(s)


def looks_utf16le(b):
    if len(b) < 4:
        return False
    odd = b[1::2]
    return odd.count(0) > 0.3 * len(odd) and b[0::2].count(0) < 0.1 * len(odd)


def decode_bytes(b, charset):
    if b.startswith(b"\xef\xbb\xbf"):
        return b[3:].decode("utf-8", "replace")
    if b.startswith((b"\xff\xfe", b"\xfe\xff")):
        return b.decode("utf-16", "replace")
    if charset:
        cs = charset.lower()
        if cs in ("utf-16le", "utf-16-le"):
            return b.decode("utf-16-le", "replace")
        try:
            return b.decode(cs)
        except (LookupError, UnicodeDecodeError):
            pass
    if looks_utf16le(b):
        return b.decode("utf-16-le", "replace")
    try:
        return b.decode("utf-8")
    except UnicodeDecodeError:
        return b.decode("cp1252", "replace")


def readable_text(msg, skipped):
    """return list of text chunks from a parsed message (recursing into message/rfc822)."""
    out = []
    subj = msg.get("Subject")
    if subj:
        try:
            out.append(str(make_header(decode_header(str(subj)))))
        except Exception:
            out.append(str(subj))
    for part in msg.walk():
        if part.is_multipart():
            continue
        ct = part.get_content_type()
        if ct == "message/rfc822":
            continue  # walk() already descends into it
        fn = (part.get_filename() or "").lower()
        is_text = ct in TEXT_TYPES or (fn.endswith(TEXT_EXT) and not fn.endswith(BINARY_EXT))
        if not is_text:
            skipped[ct + (f" ({os.path.splitext(fn)[1]})" if fn else "")] += 1
            continue
        try:
            payload = part.get_payload(decode=True) or b""
        except Exception:
            skipped["undecodable"] += 1
            continue
        t = decode_bytes(payload, part.get_content_charset())
        if ct == "text/html":
            t = strip_html(t)
        if ct in ("text/calendar", "text/vcard", "text/x-vcard") or fn.endswith((".ics", ".vcf")):
            t = re.sub(r"\r?\n[ \t]", "", t).replace("\\n", "\n").replace("\\,", ",").replace("\\;", ";")
        if fn.endswith((".hl7", ".er7")) or "hl7" in ct or t.startswith("MSH|"):
            t = t.replace("\r", "\n")
        out.append(t)
    return out


def norm(t):
    t = t.replace("\r\n", "\n").replace("\r", "\n").replace("\xa0", " ")
    return t


def ent_regex(text):
    toks = text.split()
    return re.compile(r"(?<!\w)" + r"\s+".join(re.escape(x) for x in toks) + r"(?!\w)")


COMPAT = {
    "person": {"persoon", "patient", "voornaam", "achternaam", "initiaal", "naam", "pseudo_name"},
    "birthdate": {"datum"},
    "address": {"locatie", "straat", "adres", "postcode", "woonplaats"},
    "postcode": {"locatie", "postcode", "adres"},
    "phone": {"telefoonnummer"},
    "bsn": {"bsn"},
    "patient-number": {"id", "patientnummer"},
    "age": {"leeftijd"},
}


def tag_class(tag):
    t = tag.lower()
    out = set()
    for k in ("persoon", "patient", "voornaam", "achternaam", "initiaal", "pseudo_name"):
        if k in t:
            out.add("persoon")
    for k in ("locatie", "straat", "postcode", "adres", "woonplaats", "huisnummer"):
        if k in t:
            out.add("locatie")
    for k, v in (("datum", "datum"), ("telefoon", "telefoonnummer"), ("bsn", "bsn"), ("leeftijd", "leeftijd"), ("id", "id")):
        if k in t and (k != "id" or t in ("id", "patientnummer")):
            out.add(v)
    out.add(t)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=HERE)
    ap.add_argument("--verbose", action="store_true")
    a = ap.parse_args()
    if not ensure_deduce():
        print(json.dumps({"error": "deduce could not be installed"}))
        sys.exit(1)
    import logging
    logging.disable(logging.WARNING)
    from deduce import Deduce
    import deduce as dmod
    dd = Deduce()

    labels = {}
    with open(os.path.join(a.corpus, "labels.tsv"), encoding="utf-8") as fh:
        hdr = fh.readline().rstrip("\n").split("\t")
        for line in fh:
            f = line.rstrip("\n").split("\t")
            labels[f[0]] = dict(zip(hdr[1:], f[1:]))
    ents = collections.defaultdict(list)
    with open(os.path.join(a.corpus, "entities.tsv"), encoding="utf-8") as fh:
        fh.readline()
        for line in fh:
            f, k, t = line.rstrip("\n").split("\t", 2)
            ents[f].append((k, t))

    kinds = ["person", "birthdate", "address", "postcode", "phone", "bsn", "patient-number", "age"]
    stat = {k: collections.Counter() for k in kinds}
    skipped = collections.Counter()
    msg_total = msg_hit = 0
    tagcount = collections.Counter()
    misses = []
    for fn in sorted(labels):
        with open(os.path.join(a.corpus, fn), "rb") as fh:
            msg = email.message_from_bytes(fh.read(), policy=email.policy.compat32)
        text = norm("\n\n".join(readable_text(msg, skipped)))
        doc = dd.deidentify(text)
        anns = [(x.start_char, x.end_char, tag_class(x.tag)) for x in doc.annotations]
        for _, _, tc in anns:
            for t in tc:
                tagcount[t] += 1
        present = set()
        for k, t in ents.get(fn, []):
            stat[k]["placed"] += 1
            occ = [m.span() for m in ent_regex(t).finditer(text)]
            if not occ:
                continue
            stat[k]["readable"] += 1
            present.add(k)
            want = {"person": {"persoon"}, "birthdate": {"datum"}, "address": {"locatie"}, "postcode": {"locatie"},
                    "phone": {"telefoonnummer"}, "bsn": {"bsn"}, "patient-number": {"id"}, "age": {"leeftijd"}}[k]
            ov = [tc for s, e in occ for (as_, ae, tc) in anns if as_ < e and s < ae]
            if ov:
                stat[k]["found_any_tag"] += 1
            if any(tc & want for tc in ov):
                stat[k]["found"] += 1
            elif a.verbose:
                misses.append((fn, k))
        if labels[fn].get("personal") == "1" and "person" in present and present & {"birthdate", "address", "postcode", "phone"}:
            msg_total += 1
            classes = set().union(*[tc for _, _, tc in anns]) if anns else set()
            if "persoon" in classes and classes & {"datum", "locatie", "telefoonnummer"}:
                msg_hit += 1
    print(f"deduce {getattr(dmod, '__version__', '?')} over {len(labels)} messages in {a.corpus}")
    print("skipped (not decoded by this script):", dict(sorted(skipped.items(), key=lambda x: -x[1])))
    print(f"{'kind':<16}{'placed':>8}{'readable':>10}{'found':>8}{'recall':>8}{'any-tag':>9}")
    summary = {"deduce_version": getattr(dmod, "__version__", None), "messages": len(labels), "recall": {}, "recall_any_tag": {}, "readable": {}}
    groups = [("person", ["person"]), ("date", ["birthdate"]), ("address/postcode", ["address", "postcode"]), ("phone", ["phone"]),
              ("bsn", ["bsn"]), ("patient-number", ["patient-number"]), ("age", ["age"])]
    for k in kinds:
        s = stat[k]
        r = s["found"] / s["readable"] if s["readable"] else 0.0
        print(f"{k:<16}{s['placed']:>8}{s['readable']:>10}{s['found']:>8}{r:>8.3f}{s['found_any_tag']:>9}")
    for g, ks in groups:
        rd = sum(stat[k]["readable"] for k in ks)
        fd = sum(stat[k]["found"] for k in ks)
        fa = sum(stat[k]["found_any_tag"] for k in ks)
        summary["readable"][g] = rd
        summary["recall"][g] = round(fd / rd, 4) if rd else None
        summary["recall_any_tag"][g] = round(fa / rd, 4) if rd else None
    share = msg_hit / msg_total if msg_total else 0.0
    print(f"message level: {msg_hit}/{msg_total} personal=1 messages with readable personal data where deduce finds a person "
          f"and (a date or a location or a phone): {share:.3f}")
    if a.verbose:
        print("annotation tags seen:", dict(tagcount))
        for f, k in misses:
            print("MISS", f, k)
    summary["message_level"] = {"eligible": msg_total, "hit": msg_hit, "share": round(share, 4)}
    summary["skipped_parts"] = sum(skipped.values())
    print(json.dumps(summary, ensure_ascii=False))


if __name__ == "__main__":
    main()
