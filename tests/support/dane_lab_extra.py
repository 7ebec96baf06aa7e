#!/usr/bin/python3
"""Sluis's own DANE scenarios, built with the shared dane-lab's tooling.

The shared lab (../shared/dane-lab) is read-only and has a fixed scenario
table. This wrapper imports its lib/lab.py, swaps that table for the
scenarios below (plus `dane-ee.test` and `bogus.test`, which lab.py names
in its code), adds the records lab.py has no words for (CNAMEs, an MX to another
zone, TLSA at an alias) to the zone files just before Knot signs and loads
them, and runs lab.py's own `up`. Everything else is the lab's: Knot
signing, unbound, the aiosmtpd receivers that record SNI, lab.env,
scenarios.json, and `down.sh --workdir` to stop it. All state lives in
--workdir; nothing is written next to the shared lab.

usage: dane_lab_extra.py up --workdir DIR [lab.py up options]
       (stop with <shared>/dane-lab/down.sh --workdir DIR)
Needs root (binds 127.x addresses on the ports given). Env DANE_LAB_DIR
points at the shared lab folder.

The scenarios (what a DANE-enforcing sender does, checked against Postfix
3.7: docs/dane-postfix.md):
- cname-mx.test (signed): MX mx.cname-mx.test, a CNAME to
  host.cname-target.test in the UNSIGNED zone cname-target.test; the
  secure TLSA sits at _25._tcp.mx.cname-mx.test (the original name), an
  insecure and wrong one at the target. RFC 7672 2.2.2: the first link is
  secure, so TLSA at the original name applies: DANE, SNI mx.cname-mx.test.
- cname-mx-bad.test: the same shape, the TLSA at the original name does not
  match the key: defer.
- cname-sni.test (signed): MX mx.cname-sni.test, a CNAME to
  host.sni-target.test (signed) whose TLSA matches; none at the original
  name. DANE with SNI host.sni-target.test (the TLSA base domain, 8.1).
- insecure-mx.test (UNSIGNED): MX mx.dane-host.test, a host in the signed
  zone dane-host.test with matching TLSA. Postfix's default
  (smtp_tls_dane_insecure_mx_policy = dane) authenticates it by TLSA.
- insecure-mx-bad.test (UNSIGNED): MX bad.dane-host.test, TLSA wrong: with
  the `dane` policy it is never delivered to.
"""
import hashlib
import os
import sys

LAB_DIR = os.environ.get("DANE_LAB_DIR") or os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared", "dane-lab")
sys.path.insert(0, os.path.join(LAB_DIR, "lib"))
import lab  # noqa: E402  (the shared lab's own module)

SELF = dict(tls="self")
SCENARIOS = [
    # lab.py's readiness check asks unbound for dane-ee.test; also a control.
    dict(domain="dane-ee.test", dnssec="secure", expect="deliver:dane",
         note="control: TLSA 3 1 1 matches",
         mx=[dict(host="mx.dane-ee.test", ip=11, certname="dane-ee-key-only.invalid",
                  tlsa="match-ee", **SELF)]),
    # lab.py corrupts this zone's DS by name, so it must be there.
    dict(domain="bogus.test", dnssec="bogus", expect="defer",
         note="control: wrong DS digest",
         mx=[dict(host="mx.bogus.test", ip=15, tls="ca", tlsa="match-ee")]),
    dict(domain="cname-target.test", dnssec="insecure", expect="none",
         note="unsigned zone holding the CNAME targets of cname-mx(-bad).test; its own TLSA is wrong",
         mx=[dict(host="host.cname-target.test", ip=40, tlsa="wrong", mx_rr=False, **SELF),
             dict(host="host2.cname-target.test", ip=41, tlsa="wrong", mx_rr=False, **SELF)]),
    dict(domain="cname-mx.test", dnssec="secure", expect="deliver:dane:host.cname-target.test",
         note="MX name (signed) is a CNAME into an unsigned zone; secure TLSA at the MX name matches",
         mx=[]),
    dict(domain="cname-mx-bad.test", dnssec="secure", expect="defer",
         note="as cname-mx.test, but the TLSA at the MX name does not match",
         mx=[]),
    dict(domain="sni-target.test", dnssec="secure", expect="none",
         note="signed zone holding the CNAME target of cname-sni.test, with matching TLSA",
         mx=[dict(host="host.sni-target.test", ip=42, certname="sni-key-only.invalid",
                  tlsa="match-ee", mx_rr=False, **SELF)]),
    dict(domain="cname-sni.test", dnssec="secure", expect="deliver:dane:host.sni-target.test",
         note="MX name is a CNAME to a signed host with TLSA: SNI must be the CNAME target",
         mx=[]),
    dict(domain="dane-host.test", dnssec="secure", expect="none",
         note="signed zone of the hosts that insecure-mx(-bad).test name",
         mx=[dict(host="mx.dane-host.test", ip=43, tlsa="match-ee", mx_rr=False, **SELF),
             dict(host="bad.dane-host.test", ip=44, tlsa="wrong", mx_rr=False, **SELF)]),
    dict(domain="insecure-mx.test", dnssec="insecure", expect="deliver:dane-insecure-mx:mx.dane-host.test",
         note="unsigned domain whose MX is a host in a signed zone with matching TLSA",
         mx=[]),
    dict(domain="insecure-mx-bad.test", dnssec="insecure", expect="defer",
         note="unsigned domain whose MX is a host in a signed zone with a wrong TLSA",
         mx=[]),
]


def host_of(name):
    for s in SCENARIOS:
        for m in s["mx"]:
            if m["host"] == name:
                return m
    raise KeyError(name)


def tlsa_match(name):
    """3 1 1 of the key the receiver for `name` serves (lab.py made it)."""
    return "3 1 1 " + hashlib.sha256(lab.TLS.spki_der(host_of(name)["cert"])).hexdigest()


def tlsa_wrong(name):
    return "3 1 1 " + hashlib.sha256(b"sluis dane lab: no such key " + name.encode()).hexdigest()


def extra_records(domain, ports):
    """Zone lines lab.py cannot express, per zone (relative to the origin)."""
    def tlsa(owner, rr):
        return "".join("_%d._tcp.%s TLSA %s\n" % (p, owner, rr) for p in ports)
    if domain == "cname-mx.test":
        return ("@ MX 10 mx.cname-mx.test.\nmx CNAME host.cname-target.test.\n"
                + tlsa("mx", tlsa_match("host.cname-target.test")))
    if domain == "cname-mx-bad.test":
        return ("@ MX 10 mx.cname-mx-bad.test.\nmx CNAME host2.cname-target.test.\n"
                + tlsa("mx", tlsa_wrong("mx.cname-mx-bad.test")))
    if domain == "cname-sni.test":
        return "@ MX 10 mx.cname-sni.test.\nmx CNAME host.sni-target.test.\n"
    if domain == "insecure-mx.test":
        return "@ MX 10 mx.dane-host.test.\n"
    if domain == "insecure-mx-bad.test":
        return "@ MX 10 bad.dane-host.test.\n"
    return ""


def main():
    args = sys.argv[1:]
    if not args or args[0] != "up":
        sys.exit("usage: dane_lab_extra.py up --workdir DIR [options]; stop with dane-lab/down.sh")
    smtp_port = 25
    for i, a in enumerate(args):
        if a == "--smtp-port" and i + 1 < len(args):
            smtp_port = int(args[i + 1])
    ports = [25] + ([smtp_port] if smtp_port != 25 else [])
    lab.SCENARIOS[:] = SCENARIOS
    shared_write = lab.write

    def write(path, text, mode=0o644):
        parts = os.path.normpath(path).split(os.sep)
        if parts[-3:-1] == ["dns", "zones"] and path.endswith(".zone"):
            text += extra_records(parts[-1][: -len(".zone")], ports)
        shared_write(path, text, mode)

    lab.write = write
    sys.argv = [sys.argv[0]] + args
    sys.exit(lab.main())


if __name__ == "__main__":
    main()
