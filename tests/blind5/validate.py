#!/usr/bin/env python3
"""Sanity checks for the blind5 corpus (stdlib only): parse every .eml, open every attachment,
check labels.tsv rows, list elfproef-passing 9-digit numbers per message for review."""
import email, email.policy, io, os, re, sys, zipfile, zlib
D = os.path.dirname(os.path.abspath(__file__))
PW = ["Lente2025!", "x7Gq!2pz", "Revalidatie#1"]

def elf(s):
    return len(s) == 9 and (sum(int(s[i]) * (9 - i) for i in range(8)) - int(s[8])) % 11 == 0

def pdf_text(b):
    return " ".join(x.decode("latin-1") for x in re.findall(rb"\(((?:[^()\\]|\\.)*)\)", b))

def file_text(name, data, problems):
    n = name.lower()
    if n.endswith((".zip", ".docx", ".xlsx", ".odt")):
        try:
            z = zipfile.ZipFile(io.BytesIO(data))
            out = []
            for zi in z.infolist():
                if zi.flag_bits & 1:
                    got = None
                    for pw in PW:
                        try:
                            got = z.read(zi, pwd=pw.encode())
                            break
                        except Exception:
                            pass
                    if got is None:
                        problems.append("encrypted member unreadable even with known pw: " + zi.filename)
                        continue
                    out.append("[ENC]" + file_text(zi.filename, got, problems))
                    continue
                out.append(file_text(zi.filename, z.read(zi), problems))
            return " ".join(out)
        except zipfile.BadZipFile:
            return "[BADZIP]"
    if n.endswith(".xml") or n.endswith(".rels"):
        return re.sub(r"<[^>]+>", "", data.decode("utf-8"))
    if n.endswith(".pdf"):
        if not data.startswith(b"%PDF") or b"%%EOF" not in data:
            return "[BADPDF]"
        if b"/Encrypt" in data:
            return "[ENCPDF]"
        return pdf_text(data)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")

def msg_text(m, problems):
    out = [str(m.get("Subject", ""))]
    for part in m.walk():
        ct = part.get_content_type()
        if part.is_multipart():
            continue
        if ct == "message/rfc822":
            continue
        fn = part.get_filename()
        if fn:
            out.append(fn)
        try:
            data = part.get_payload(decode=True) or b""
        except Exception as e:
            problems.append("decode error %s" % e)
            continue
        if fn:
            out.append(file_text(fn, data, problems))
        else:
            cs = part.get_content_charset() or "utf-8"
            t = data.decode(cs, "replace")
            if ct == "text/html":
                import html
                t = html.unescape(re.sub(r"<[^>]+>", "", t))
            out.append(t)
    return "\n".join(out)

rows = [l.split("\t") for l in open(os.path.join(D, "labels.tsv"), encoding="utf-8").read().splitlines()]
assert rows[0] == ["file", "bsn", "health", "personal", "unscannable", "note"], rows[0]
files = sorted(f for f in os.listdir(D) if f.endswith(".eml"))
assert [r[0] for r in rows[1:]] == files, "labels/file mismatch"
bad = 0
for r in rows[1:]:
    raw = open(os.path.join(D, r[0]), "rb").read()
    m = email.message_from_bytes(raw, policy=email.policy.default)
    problems = []
    if m.defects:
        problems.append("defects %r" % m.defects)
    txt = msg_text(m, problems)
    flat = re.sub(r"(?<=\d)[ .\u00a0=\n-]{1,2}(?=\d)", "", txt)
    nums = sorted(set(x for x in re.findall(r"(?<!\d)\d{9}(?!\d)", flat) if elf(x)))
    sens = r[1:5] != ["0", "0", "0", "0"]
    if problems:
        bad += 1
    print(r[0], "".join(r[1:5]), r[5].split(";")[0], "ELF:" + ",".join(nums) if nums else "", "PROBLEMS:" + "; ".join(problems) if problems else "")
print("problems in", bad, "files")
