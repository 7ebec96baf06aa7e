//! Delivery status notifications (RFC 3464): a `multipart/report;
//! report-type=delivery-status` with a human part (Dutch first, then
//! English), a `message/delivery-status` part and the original header only
//! (`text/rfc822-headers`, never the body, so no content travels back).
//!
//! Pure functions, no I/O. Everything written into header fields and the
//! delivery-status part is forced to printable ASCII on one line, so a
//! remote reply cannot inject fields. The MIME is written by hand:
//! mail-builder 0.4 cannot set the `report-type` parameter on a multipart.

use crate::types::{Answer, Bilingual, DeliveryReport, EnhancedCode, Envelope};
use rand::Rng;
use std::fmt::Write as _;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DsnAction {
    /// Given up: the message will not be delivered to this recipient.
    Failed,
    /// Still being retried.
    Delayed,
}

impl DsnAction {
    fn as_str(self) -> &'static str {
        match self {
            DsnAction::Failed => "failed",
            DsnAction::Delayed => "delayed",
        }
    }
}

/// One recipient in a DSN.
#[derive(Clone, Debug, PartialEq)]
pub struct DsnRecipient {
    pub address: String,
    pub action: DsnAction,
    pub status: EnhancedCode,
    /// What the sender reads.
    pub reason: Bilingual,
    /// The next hop that answered, when there was one.
    pub remote_mta: Option<String>,
    /// The remote reply (`550 5.1.1 ...`), when there was one.
    pub diagnostic: Option<String>,
}

impl DsnRecipient {
    /// A recipient given up on after a permanent failure: the status comes
    /// typed with the report (the next hop's reply, or our own decision),
    /// never read back out of its reason text.
    pub fn bounced(rep: &DeliveryReport, reason: &str) -> Self {
        let (status, text) = match &rep.answer {
            Some(Answer::NextHop(s)) => {
                let line = s.one_line();
                (
                    s.enhanced_or_generic(),
                    Bilingual::new(
                        format!("de ontvangende server weigerde het bericht: {line}"),
                        format!("the receiving server rejected the message: {line}"),
                    ),
                )
            }
            Some(Answer::Local(s)) => (s.enhanced_or_generic(), s.text.clone()),
            // A route that gave no typed status: all we know is that it
            // failed for good, and the reason as it wrote it.
            None => (EnhancedCode::generic(500), Bilingual::new(reason, reason)),
        };
        DsnRecipient {
            address: rep.recipient.clone(),
            action: DsnAction::Failed,
            status,
            reason: text,
            remote_mta: remote_host(&rep.remote),
            diagnostic: diagnostic(rep),
        }
    }

    /// A recipient still failing temporarily when its lifetime of `days`
    /// ran out: 5.4.7 (RFC 3463 "delivery time expired"), with the last
    /// error.
    pub fn expired(rep: &DeliveryReport, last_reason: &str, days: f64) -> Self {
        DsnRecipient {
            address: rep.recipient.clone(),
            action: DsnAction::Failed,
            status: EnhancedCode::new(5, 4, 7),
            reason: Bilingual::new(
                format!("niet afgeleverd binnen {days:.1} dagen; laatste fout: {last_reason}"),
                format!("not delivered within {days:.1} days; last error: {last_reason}"),
            ),
            remote_mta: remote_host(&rep.remote),
            diagnostic: diagnostic(rep),
        }
    }
}

/// The next hop's reply for Diagnostic-Code, when it answered.
fn diagnostic(rep: &DeliveryReport) -> Option<String> {
    match &rep.answer {
        Some(Answer::NextHop(s)) => Some(s.one_line()),
        _ => None,
    }
}

/// `relay.example.nl[127.0.0.1]:25` -> `relay.example.nl`.
pub(crate) fn remote_host(remote: &str) -> Option<String> {
    let host = remote.split(['[', ':']).next().unwrap_or("");
    (!host.is_empty()).then(|| host.to_string())
}

/// A DSN for the given recipients of `envelope`, addressed to its sender.
pub fn build_dsn(
    hostname: &str,
    postmaster: &str,
    envelope: &Envelope,
    original_headers: &[u8],
    rcpts: &[DsnRecipient],
) -> Vec<u8> {
    let now = crate::now_ms();
    let mut rng = rand::thread_rng();
    let boundary = format!("=_sluis_{:016x}", rng.gen::<u64>());
    let delayed_only = rcpts.iter().all(|r| r.action == DsnAction::Delayed);
    let subject = if delayed_only {
        "Vertraagd: bericht nog niet afgeleverd / Delayed Mail (still being retried)"
    } else {
        "Niet afgeleverd / Undelivered Mail Returned to Sender"
    };
    let host = ascii_line(hostname);
    let mut m = String::with_capacity(4096 + original_headers.len());
    let _ = write!(
        m,
        "From: Mail Delivery System <{pm}>\r\nTo: <{to}>\r\nSubject: {subject}\r\nDate: {date}\r\nMessage-ID: <dsn.{id}.{r:08x}@{host}>\r\nAuto-Submitted: auto-replied\r\nMIME-Version: 1.0\r\nContent-Type: multipart/report; report-type=delivery-status;\r\n\tboundary=\"{boundary}\"\r\n\r\nThis is a MIME-encapsulated message.\r\n\r\n",
        pm = ascii_line(postmaster),
        to = ascii_line(&envelope.mail_from),
        date = rfc5322_date(now),
        id = ascii_line(&envelope.id.0),
        r = rng.gen::<u32>(),
    );

    // 1. Human readable, Dutch first.
    let _ = write!(
        m,
        "--{boundary}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Description: Notification\r\n\r\n"
    );
    m.push_str(&quoted_printable(&human_text(
        &host,
        envelope,
        rcpts,
        delayed_only,
    )));
    m.push_str("\r\n");

    // 2. Machine readable.
    let _ = write!(
        m,
        "--{boundary}\r\nContent-Type: message/delivery-status\r\nContent-Description: Delivery report\r\n\r\nReporting-MTA: dns; {host}\r\nX-Sluis-Queue-ID: {id}\r\nArrival-Date: {arrival}\r\n",
        id = ascii_line(&envelope.id.0),
        arrival = rfc5322_date(envelope.received_at_ms),
    );
    for r in rcpts {
        let _ = write!(
            m,
            "\r\nFinal-Recipient: {}\r\nAction: {}\r\nStatus: {}\r\n",
            address_field(&r.address),
            r.action.as_str(),
            r.status
        );
        if let Some(mta) = &r.remote_mta {
            let _ = write!(m, "Remote-MTA: dns; {}\r\n", ascii_line(mta));
        }
        match &r.diagnostic {
            Some(d) if !d.is_empty() => {
                let _ = write!(m, "Diagnostic-Code: smtp; {}\r\n", ascii_line(d));
            }
            _ => {
                let _ = write!(
                    m,
                    "Diagnostic-Code: X-Sluis; {}\r\n",
                    ascii_line(&r.reason.en)
                );
            }
        }
        let _ = write!(m, "Last-Attempt-Date: {}\r\n", rfc5322_date(now));
    }
    m.push_str("\r\n");

    // 3. The original header, never the body.
    let headers = String::from_utf8_lossy(original_headers);
    let kind = if headers.is_ascii() {
        "text/rfc822-headers"
    } else {
        "message/global-headers"
    };
    let _ = write!(
        m,
        "--{boundary}\r\nContent-Type: {kind}\r\nContent-Description: Undelivered Message Headers\r\n\r\n"
    );
    for line in headers.lines() {
        m.push_str(line);
        m.push_str("\r\n");
    }
    let _ = write!(m, "\r\n--{boundary}--\r\n");
    m.into_bytes()
}

/// The DSN the policy stage sends for recipients it blocked (5.7.1, the
/// policy's reason in both languages).
pub fn blocked_dsn(
    hostname: &str,
    postmaster: &str,
    envelope: &Envelope,
    original_headers: &[u8],
    blocked: &[(String, Bilingual)],
) -> Vec<u8> {
    let rcpts: Vec<DsnRecipient> = blocked
        .iter()
        .map(|(address, reason)| DsnRecipient {
            address: address.clone(),
            action: DsnAction::Failed,
            status: EnhancedCode::new(5, 7, 1),
            reason: reason.clone(),
            remote_mta: None,
            diagnostic: None,
        })
        .collect();
    build_dsn(hostname, postmaster, envelope, original_headers, &rcpts)
}

fn human_text(
    host: &str,
    envelope: &Envelope,
    rcpts: &[DsnRecipient],
    delayed_only: bool,
) -> String {
    let mut t = String::new();
    let _ = writeln!(
        t,
        "Dit is een automatisch bericht van de e-mailgateway {host}.\n"
    );
    if delayed_only {
        t.push_str("Uw bericht is nog niet afgeleverd aan de volgende ontvanger(s); we blijven het proberen:\n\n");
    } else {
        t.push_str("Uw bericht kon niet worden afgeleverd aan de volgende ontvanger(s):\n\n");
    }
    for r in rcpts {
        let _ = writeln!(t, "  {}\n    Reden: {}\n", r.address, r.reason.nl);
    }
    let _ = writeln!(
        t,
        "Vermeld bij vragen aan uw beheerder het kenmerk {}. De kopregels van uw bericht staan als bijlage bij dit bericht; de inhoud is niet bijgevoegd.\n",
        envelope.id
    );
    t.push_str("----- English -----\n\n");
    let _ = writeln!(
        t,
        "This is an automatic message from the mail gateway {host}.\n"
    );
    if delayed_only {
        t.push_str("Your message has not yet been delivered to the following recipient(s); we keep trying:\n\n");
    } else {
        t.push_str("Your message could not be delivered to the following recipient(s):\n\n");
    }
    for r in rcpts {
        let _ = writeln!(t, "  {}\n    Reason: {}\n", r.address, r.reason.en);
    }
    let _ = writeln!(
        t,
        "When asking your administrator, quote reference {}. The headers of your message are attached; its content is not.",
        envelope.id
    );
    t
}

/// One line of printable ASCII (other characters become `?`), at most 900
/// characters, for header fields and the delivery-status part.
fn ascii_line(s: &str) -> String {
    let mut out: String = s
        .chars()
        .map(|c| match c {
            ' '..='~' => c,
            '\t' | '\r' | '\n' => ' ',
            _ => '?',
        })
        .take(900)
        .collect();
    out.truncate(out.trim_end().len());
    out
}

/// `rfc822; a@b.nl`, or RFC 6533 `utf-8; ` with `\x{..}` escapes for an
/// internationalised address.
fn address_field(addr: &str) -> String {
    if addr.is_ascii() {
        return format!("rfc822; {}", ascii_line(addr));
    }
    let mut out = String::from("utf-8; ");
    for c in addr.chars().take(400) {
        match c {
            '!'..='~' if c != '\\' && c != '+' && c != '=' => out.push(c),
            _ => {
                let _ = write!(out, "\\x{{{:X}}}", c as u32);
            }
        }
    }
    out
}

/// Quoted-printable (RFC 2045) with CRLF line ends and soft breaks at 76.
pub fn quoted_printable(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for (n, line) in text.split('\n').enumerate() {
        if n > 0 {
            out.push_str("\r\n");
        }
        let line = line.strip_suffix('\r').unwrap_or(line);
        let bytes = line.as_bytes();
        let mut col = 0;
        for (i, &b) in bytes.iter().enumerate() {
            let last = i + 1 == bytes.len();
            let literal = (b'!'..=b'~').contains(&b) && b != b'=' || (b == b' ' && !last);
            let piece_len = if literal { 1 } else { 3 };
            if col + piece_len > 75 {
                out.push_str("=\r\n");
                col = 0;
            }
            if literal {
                out.push(b as char);
            } else {
                let _ = write!(out, "={b:02X}");
            }
            col += piece_len;
        }
    }
    out
}

/// `Fri, 27 Nov 2026 10:58:43 +0000` for a Unix time in milliseconds
/// (mail-parser's calendar arithmetic).
pub fn rfc5322_date(ms: i64) -> String {
    mail_parser::DateTime::from_timestamp(ms.div_euclid(1000)).to_rfc822()
}

#[cfg(test)]
#[path = "dsn_tests.rs"]
mod tests;
