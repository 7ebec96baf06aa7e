#!/usr/bin/env python3
"""Real SMTP clients (Python smtplib) for the security-review tests.

Usage: client.py '<json>' with key "mode":
  "send":  port, tls ("starttls" | "implicit" | "none"), source (client IP to
           bind, e.g. "127.0.0.2"), user, password (optional: AUTH PLAIN),
           mail_from, rcpts (list), message_file.
           Prints a JSON list of [stage, code, text]; stops at the first
           step that did not succeed.
  "auth-storm": port, n, user, password: n parallel STARTTLS sessions from
           127.0.0.1 that all send AUTH PLAIN at the same moment (a barrier).
           Prints a JSON list of the n AUTH reply codes.
  "portal": a recipient in the pickup portal (see portal()).
The server's certificate is self-signed: it is not verified here.
"""

import base64
import json
import smtplib
import ssl
import sys
import threading


def unverified():
    ctx = ssl.create_default_context()
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    return ctx


def connect(cfg):
    source = (cfg["source"], 0) if cfg.get("source") else None
    if cfg["tls"] == "implicit":
        s = smtplib.SMTP_SSL(
            "127.0.0.1", cfg["port"], context=unverified(), timeout=60,
            source_address=source,
        )
    else:
        s = smtplib.SMTP("127.0.0.1", cfg["port"], timeout=60, source_address=source)
    s.ehlo("pc1.praktijk.test")
    if cfg["tls"] == "starttls":
        s.starttls(context=unverified())
        s.ehlo("pc1.praktijk.test")
    return s


def plain_token(user, password):
    return base64.b64encode(("\0%s\0%s" % (user, password)).encode()).decode()


def send(cfg):
    steps = []

    def rec(stage, code, text):
        if isinstance(text, bytes):
            text = text.decode("utf-8", "replace")
        steps.append([stage, code, text])

    s = connect(cfg)
    try:
        if cfg.get("user"):
            code, text = s.docmd("AUTH", "PLAIN " + plain_token(cfg["user"], cfg["password"]))
            rec("auth", code, text)
            if code != 235:
                return steps
        code, text = s.mail(cfg["mail_from"])
        rec("mail", code, text)
        if code != 250:
            return steps
        for rcpt in cfg["rcpts"]:
            code, text = s.rcpt(rcpt)
            rec("rcpt", code, text)
            if code != 250:
                return steps
        with open(cfg["message_file"], "rb") as f:
            body = f.read()
        try:
            code, text = s.data(body)
        except smtplib.SMTPDataError as e:
            code, text = e.smtp_code, e.smtp_error
        rec("data", code, text)
    finally:
        try:
            s.quit()
        except Exception:
            pass
    return steps


def auth_storm(cfg):
    n = cfg["n"]
    barrier = threading.Barrier(n)
    codes = [None] * n

    def one(i):
        try:
            s = connect({"port": cfg["port"], "tls": "starttls"})
        except Exception as e:  # a refused session counts as "no check"
            codes[i] = "connect: %s" % e
            barrier.abort()
            return
        try:
            barrier.wait(timeout=60)
            code, _ = s.docmd("AUTH", "PLAIN " + plain_token(cfg["user"], cfg["password"]))
            codes[i] = code
        except Exception as e:
            codes[i] = "error: %s" % e
        finally:
            try:
                s.close()
            except Exception:
                pass

    threads = [threading.Thread(target=one, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return codes


def portal(cfg):
    """The portal as a recipient's browser uses it, over HTTPS.

    cfg: link (the notification's URL), action "code" (request a code) or
    "reply" (enter cfg["code"], open the message, send cfg["text"] as a
    reply). Prints a JSON object with the last HTTP status."""
    import http.client
    import re
    import urllib.parse

    url = urllib.parse.urlsplit(cfg["link"])
    secret_path = url.path

    def request(method, path, body=None, headers=None):
        c = http.client.HTTPSConnection(url.hostname, url.port, context=unverified(), timeout=60)
        c.request(method, path, body=body, headers=headers or {})
        r = c.getresponse()
        data = r.read()
        c.close()
        return r, data

    if cfg["action"] == "code":
        r, _ = request("POST", secret_path + "/code", body=b"",
                       headers={"Content-Type": "application/x-www-form-urlencoded"})
        return {"status": r.status}
    form = urllib.parse.urlencode({"code": cfg["code"]}).encode()
    r, _ = request("POST", secret_path + "/verify", body=form,
                   headers={"Content-Type": "application/x-www-form-urlencoded"})
    if r.status != 303:
        return {"status": r.status, "stage": "verify"}
    location = r.getheader("Location")
    cookies = [h.split(";")[0] for k, h in r.getheaders() if k.lower() == "set-cookie"]
    cookie = "; ".join(cookies)
    r, page = request("GET", location, headers={"Cookie": cookie})
    m = re.search(rb'name="csrf" value="([^"]+)"', page)
    if r.status != 200 or not m:
        return {"status": r.status, "stage": "message"}
    boundary = "----sluis-test-boundary"
    parts = []
    for name, value in (("csrf", m.group(1).decode()), ("text", cfg["text"])):
        parts.append(
            "--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n%s\r\n"
            % (boundary, name, value)
        )
    body = ("".join(parts) + "--%s--\r\n" % boundary).encode()
    r, page = request("POST", location + "/reply", body=body, headers={
        "Cookie": cookie,
        "Content-Type": "multipart/form-data; boundary=" + boundary,
    })
    return {"status": r.status, "stage": "reply"}


def main():
    cfg = json.loads(sys.argv[1])
    if cfg["mode"] == "send":
        print(json.dumps(send(cfg)))
    elif cfg["mode"] == "auth-storm":
        print(json.dumps(auth_storm(cfg)))
    elif cfg["mode"] == "portal":
        print(json.dumps(portal(cfg)))
    else:
        raise SystemExit("unknown mode")


if __name__ == "__main__":
    main()
