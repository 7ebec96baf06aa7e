#!/usr/bin/env python3
"""Self-check of the blind3 corpus: every file parses, labels file is consistent, and a crude
text extraction finds an 11-test number in every bsn=1 message that is readable.
Prints a list of 11-test-passing numbers found in bsn=0 messages with context, for human review."""
import email, email.policy, html, io, os, re, sys, zipfile, zlib

D = os.path.dirname(os.path.abspath(__file__))


def elf(s):
    d = [int(c) for c in s]
    return (sum(d[i] * (9 - i) for i in range(8)) - d[8]) % 11 == 0


def pdf_text(b):
    out = []
    for m in re.finditer(rb"stream\n(.*?)\nendstream", b, re.S):
        data = m.group(1)
        try:
            data = zlib.decompress(data)
        except Exception:
            pass
        segs = re.findall(rb"([\d.]+) (\d+) Tm \((.*?)\) Tj", data)
        segs.sort(key=lambda t: (-float(t[1]), float(t[0])))
        line, cur = [], None
        for x, y, t in segs:
            if y != cur and line:
                out.append(b"".join(line).decode("cp1252", "replace"))
                line = []
            cur = y
            line.append(t)
        if line:
            out.append(b"".join(line).decode("cp1252", "replace"))
    return "\n".join(out)


def zip_text(b, depth=0):
    out = []
    try:
        z = zipfile.ZipFile(io.BytesIO(b))
        for n in z.namelist():
            data = z.read(n)
            if n.endswith(".zip"):
                out.append(zip_text(data, depth + 1))
            elif n.endswith(".xml"):
                x = data.decode("utf-8", "replace")
                x = re.sub(r"</w:p>|</row>|</c>", "\n", x)
                out.append(html.unescape(re.sub(r"<[^>]+>", "", x)))
            else:
                out.append(data.decode("utf-8", "replace"))
    except Exception as e:
        out.append(f"[[UNREADABLE {e}]]")
    return "\n".join(out)


def extract(msg):
    out = [str(msg.get("Subject", ""))]
    for part in msg.walk():
        ct = part.get_content_type()
        if part.is_multipart() or ct == "message/rfc822":
            if ct == "message/rfc822":
                out.append(str(part.get_payload(0).get("Subject", "")))
            continue
        try:
            payload = part.get_payload(decode=True) or b""
        except Exception:
            payload = b""
        if ct.startswith("text/"):
            t = payload.decode(part.get_content_charset() or "utf-8", "replace")
            if ct == "text/html":
                t = html.unescape(re.sub(r"</?span[^>]*>|</?b>", "", t))
                t = re.sub(r"<[^>]+>", " ", t)
            out.append(t)
        elif ct == "application/pdf":
            out.append(pdf_text(payload))
        elif "zip" in ct or "openxml" in ct:
            out.append(zip_text(payload))
    return "\n".join(out)


def main():
    lines = open(os.path.join(D, "labels.tsv"), encoding="utf-8").read().splitlines()
    assert lines[0].split("\t") == ["file", "bsn", "health", "personal", "unscannable", "note"]
    n = sens = 0
    problems = 0
    for ln in lines[1:]:
        f = ln.split("\t")
        assert len(f) == 6 and all(x in "01" for x in f[1:5]), ln
        raw = open(os.path.join(D, f[0]), "rb").read()
        msg = email.message_from_bytes(raw, policy=email.policy.default)
        assert msg["From"] and msg["Date"], f[0]
        txt = extract(msg)
        norm = re.sub(r"(?<=\d)[ .\u00a0]+(?=\d)", "", txt.replace("=\r\n", "").replace("=\n", ""))
        norm2 = re.sub(r"(?<=\d)\s*\n\s*(?=\d)", "", norm)
        nums = [m.group() for src in (norm, norm2) for m in re.finditer(r"(?<![\dA-Za-z])\d{9}(?![\dA-Za-z])", src) if elf(m.group())]
        n += 1
        labs = dict(zip(["bsn", "health", "personal", "unscannable"], map(int, f[1:5])))
        sens += any(labs.values())
        if labs["bsn"] and not nums and not labs["unscannable"]:
            print("NO-BSN-FOUND", f[0], f[5]); problems += 1
        if not labs["bsn"] and nums:
            for x in nums:
                src = norm if x in norm else norm2
                i = src.find(x)
                print("ELF-IN-BSN0", f[0], x, repr(src[max(0, i - 40):i + 12]), f[5].split(";")[0])
    print(f"{n} messages, {sens} sensitive, {n - sens} clean, problems {problems}")


main()
