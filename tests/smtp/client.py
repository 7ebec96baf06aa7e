#!/usr/bin/env python3
"""A real mail client (Python smtplib) for the Sluis SMTP integration tests.

Usage: client.py '<json>' with keys
  port, tls ("starttls" | "implicit" | "none"), cafile (PEM to verify the
  server as "localhost"), user, password, mech ("PLAIN" | "LOGIN"),
  raw_auth (send AUTH PLAIN even when not offered), mail_from,
  mail_options (list), rcpts (list), message_file.

Prints a JSON list of [stage, code, text] steps; stops after the first
step that did not succeed. Exit code 0 unless the script itself broke.
"""

import base64
import json
import smtplib
import ssl
import sys


def main():
    cfg = json.loads(sys.argv[1])
    steps = []

    def rec(stage, code, text):
        if isinstance(text, bytes):
            text = text.decode("utf-8", "replace")
        steps.append([stage, code, text])

    ctx = ssl.create_default_context(cafile=cfg["cafile"]) if cfg.get("cafile") else None
    if cfg["tls"] == "implicit":
        s = smtplib.SMTP_SSL("localhost", cfg["port"], context=ctx, timeout=30)
    else:
        s = smtplib.SMTP("localhost", cfg["port"], timeout=30)
    try:
        run(s, cfg, ctx, rec)
    finally:
        try:
            s.quit()
        except Exception:
            pass
    print(json.dumps(steps))


def run(s, cfg, ctx, rec):
    code, text = s.ehlo("pc1.praktijk.test")
    rec("ehlo", code, text)
    if cfg["tls"] == "starttls":
        code, text = s.starttls(context=ctx)
        rec("starttls", code, text)
        code, text = s.ehlo("pc1.praktijk.test")
        rec("ehlo", code, text)
    if cfg.get("raw_auth"):
        token = base64.b64encode(
            ("\0%s\0%s" % (cfg["user"], cfg["password"])).encode()
        ).decode()
        code, text = s.docmd("AUTH", "PLAIN " + token)
        rec("auth", code, text)
        if code != 235:
            return
    elif cfg.get("user"):
        s.user, s.password = cfg["user"], cfg["password"]
        mech = cfg.get("mech", "PLAIN")
        handler = s.auth_plain if mech == "PLAIN" else s.auth_login
        try:
            code, text = s.auth(mech, handler, initial_response_ok=(mech == "PLAIN"))
        except smtplib.SMTPAuthenticationError as e:
            rec("auth", e.smtp_code, e.smtp_error)
            return
        rec("auth", code, text)
    code, text = s.mail(cfg["mail_from"], cfg.get("mail_options", []))
    rec("mail", code, text)
    if code != 250:
        return
    accepted = 0
    for rcpt in cfg["rcpts"]:
        code, text = s.rcpt(rcpt)
        rec("rcpt", code, text)
        accepted += code == 250
    if not accepted:
        return
    with open(cfg["message_file"], "rb") as f:
        message = f.read()
    try:
        code, text = s.data(message)
    except smtplib.SMTPDataError as e:
        rec("data", e.smtp_code, e.smtp_error)
        return
    rec("data", code, text)


if __name__ == "__main__":
    main()
