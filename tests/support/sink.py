#!/usr/bin/python3
"""An independent SMTP sink for Sluis's end-to-end tests (aiosmtpd, plain SMTP).

usage: sink.py PORT OUTDIR [--reject-rcpt ADDR]... [--tempfail-rcpt ADDR]...

Every accepted transaction is written as OUTDIR/NNNNNN.eml (the exact bytes
received) with a sidecar NNNNNN.json (mail_from, rcpt_tos), the sidecar
written last and atomically. Prints "ready" once it listens.
"""
import asyncio, json, os, sys, itertools
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP

port = int(sys.argv[1]); outdir = sys.argv[2]
def opt(name):
    return {a.lower() for i, a in enumerate(sys.argv) if i > 0 and sys.argv[i - 1] == name}
reject = opt("--reject-rcpt")
tempfail = opt("--tempfail-rcpt")
os.makedirs(outdir, exist_ok=True)
counter = itertools.count(1)

class Handler:
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() in reject:
            return "550 5.1.1 no such user"
        if address.lower() in tempfail:
            return "450 4.2.1 mailbox busy, try later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        n = next(counter)
        base = os.path.join(outdir, f"{n:06d}")
        with open(base + ".eml", "wb") as f:
            f.write(envelope.original_content)
        tmp = base + ".json.tmp"
        with open(tmp, "w") as f:
            json.dump({"mail_from": envelope.mail_from, "rcpt_tos": envelope.rcpt_tos}, f)
        os.rename(tmp, base + ".json")
        return "250 OK stored"

controller = Controller(Handler(), hostname="127.0.0.1", port=port,
                        server_kwargs={"decode_data": False},
                        data_size_limit=60 * 1024 * 1024, enable_SMTPUTF8=True)
controller.start()
print("ready", flush=True)
try:
    asyncio.get_event_loop().run_forever()
except KeyboardInterrupt:
    pass
finally:
    controller.stop()
