//! The sender's confirmation: how each recipient of a message was served
//! (issue 19, item 5).
//!
//! `submit` registers every accepted message whose routing protects at
//! least one recipient (encrypt, pickup, or a `deliver` with an
//! authenticated transport or a fallback: `delivery.served_confirmation =
//! "protected"`, the default; `"all"` registers every message, `"off"` none). Each stage
//! that finishes a recipient notes how: the queue when it delivered
//! (`Journal::delivered`: host and what verified it) or gave up
//! (`Journal::record` with a permanent failure), the hand-off when it
//! encrypted, parked or blocked. Once every recipient has an outcome, one
//! confirmation goes to the sender, Dutch first, then English, one line
//! per recipient, with the message's subject (one line, capped, long digit
//! runs masked), never the body, a code or a link. Failures still get
//! their DSN (RFC 3464) as before; the confirmation comes on top.
//!
//! The subject is the sender's own text and may be sensitive: the
//! confirmation is scanned, and when the detectors find anything it is
//! written again with the subject left out. It then goes to the sender
//! like pickup's notices (the notification transport, no second policy
//! pass), In-Reply-To the original's Message-ID so mail clients thread it.
//!
//! Kept in memory: a message whose recipients were not all served when
//! Sluis stopped gets no confirmation after the restart (its DSNs and the
//! pickup confirmations still go out).

use super::Pipeline;
use crate::config::Method;
use crate::config::ServedConfirmation;
use crate::route::Work;
use crate::types::{Bilingual, Envelope, MessageId, TlsInfo, TransportRequirement};
use std::collections::HashMap;
use std::sync::Mutex;

/// Longest subject (in characters) quoted in a confirmation.
const SUBJECT_MAX_CHARS: usize = 100;

/// Shown instead of a subject the detectors found something in.
const SUBJECT_LEFT_OUT: &str = "onderwerp weggelaten, gevoelig / subject left out, sensitive";

/// How one recipient was served.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Served {
    /// Delivered to `host`; `transport` is the requirement it was
    /// delivered under, `authentication` what the TLS session proved
    /// (`dane-ee`, `dane-ta`, `mta-sts`, `pkix`, `none`), `insecure_mx`
    /// whether the host's name came from an unsigned MX RRset (DANE then
    /// authenticates the host, not that it is the domain's), `tls` whether
    /// the session was encrypted at all.
    Delivered {
        host: String,
        transport: TransportRequirement,
        authentication: String,
        insecure_mx: bool,
        tls: bool,
    },
    Encrypted(Method),
    /// Parked for pickup; the code goes by SMS (`true`) or by e-mail.
    Parked {
        sms: bool,
    },
    Blocked(Bilingual),
    /// Given up after delivery attempts (the DSN says why).
    Failed,
}

impl Served {
    pub(crate) fn delivered(host: &str, transport: TransportRequirement, tls: &TlsInfo) -> Self {
        Served::Delivered {
            host: host_of(host),
            transport,
            authentication: tls.authentication.clone(),
            insecure_mx: tls.insecure_mx,
            tls: !tls.version.is_empty() && tls.version != "none",
        }
    }

    /// The line for the sender, Dutch then English.
    pub(crate) fn line(&self) -> Bilingual {
        match self {
            Served::Delivered {
                host,
                transport,
                authentication,
                insecure_mx,
                tls,
            } => {
                let dane = authentication.starts_with("dane");
                if dane && *insecure_mx {
                    // Postfix's "Trusted", not "Verified": an attacker who
                    // forges the unsigned MX RRset can name a host with
                    // DANE of their own.
                    Bilingual::new(
                        format!(
                            "direct afgeleverd bij host {host}, die zich met DANE heeft \
                             geïdentificeerd; de MX-gegevens van het domein zijn niet \
                             ondertekend (geen DNSSEC), dus niet geverifieerd dat dit \
                             de host van het domein is"
                        ),
                        format!(
                            "delivered directly to host {host}, which identified itself \
                             with DANE; the domain's MX records are not signed (no \
                             DNSSEC), so it is not verified that this is the domain's host"
                        ),
                    )
                } else if dane && *transport == TransportRequirement::Nta7516 {
                    Bilingual::new(
                        format!(
                            "direct afgeleverd, geverifieerd met NTA 7516/DANE bij host {host}"
                        ),
                        format!("delivered directly, verified by NTA 7516/DANE at host {host}"),
                    )
                } else if dane {
                    Bilingual::new(
                        format!("direct afgeleverd, geverifieerd met DANE bij host {host}"),
                        format!("delivered directly, verified by DANE at host {host}"),
                    )
                } else if authentication == "mta-sts" {
                    Bilingual::new(
                        format!("direct afgeleverd, geverifieerd met MTA-STS bij host {host}"),
                        format!("delivered directly, verified by MTA-STS at host {host}"),
                    )
                } else if *tls {
                    Bilingual::new(
                        format!(
                            "afgeleverd over een versleutelde verbinding (TLS) bij host {host}"
                        ),
                        format!("delivered over an encrypted connection (TLS) at host {host}"),
                    )
                } else {
                    Bilingual::new(
                        format!("afgeleverd zonder versleutelde verbinding bij host {host}"),
                        format!("delivered without an encrypted connection at host {host}"),
                    )
                }
            }
            Served::Encrypted(Method::Smime) => {
                Bilingual::new("versleuteld (S/MIME)", "encrypted (S/MIME)")
            }
            Served::Encrypted(Method::OpenPgp) => {
                Bilingual::new("versleuteld (OpenPGP)", "encrypted (OpenPGP)")
            }
            Served::Parked { sms: true } => {
                Bilingual::new("beveiligde link, code per sms", "secure link, code by SMS")
            }
            Served::Parked { sms: false } => Bilingual::new(
                "beveiligde link, code per e-mail",
                "secure link, code by e-mail",
            ),
            Served::Blocked(reason) => Bilingual::new(
                format!("geblokkeerd: {}", reason.nl),
                format!("blocked: {}", reason.en),
            ),
            Served::Failed => Bilingual::new(
                "niet afgeleverd (zie het foutbericht)",
                "not delivered (see the delivery status notification)",
            ),
        }
    }
}

/// `mx.example[192.0.2.1]:25` -> `mx.example`; `relay:587` -> `relay`.
fn host_of(remote: &str) -> String {
    let host = match remote.split_once('[') {
        Some((h, _)) => h,
        None => remote
            .rsplit_once(':')
            .map(|(h, _)| h)
            .filter(|h| !h.is_empty())
            .unwrap_or(remote),
    };
    one_line(host, 255)
}

/// Whether a message with this routing gets a confirmation.
pub(crate) fn wanted(mode: ServedConfirmation, work: &[Work]) -> bool {
    match mode {
        ServedConfirmation::Off => false,
        ServedConfirmation::All => true,
        // A block alone is not protection: its DSN says all there is.
        ServedConfirmation::Protected => work.iter().any(|w| {
            !matches!(
                w,
                Work::Deliver {
                    transport: TransportRequirement::None | TransportRequirement::Tls,
                    fallback: None,
                } | Work::Blocked { .. }
            )
        }),
    }
}

/// The subject as quoted to the sender: one line (control characters are
/// spaces), runs of 8 or more digits masked (a BSN, a phone number), at
/// most [`SUBJECT_MAX_CHARS`] characters. Not `inspect::mask_digits` or
/// `policy::cli::mask_digits`: both keep the last four digits of a run of
/// five or more (fine for a log or a file name), a subject quoted in mail
/// keeps none of a long run, and shorter runs (a date, a time) stay.
pub(crate) fn quoted_subject(subject: &str) -> String {
    let flat: String = subject
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let mut out = String::new();
    let mut digits = String::new();
    let flush = |digits: &mut String, out: &mut String| {
        if digits.chars().count() >= 8 {
            out.push_str(&"•".repeat(digits.chars().count()));
        } else {
            out.push_str(digits);
        }
        digits.clear();
    };
    for c in flat
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
    {
        if c.is_ascii_digit() {
            digits.push(c);
        } else {
            flush(&mut digits, &mut out);
            out.push(c);
        }
    }
    flush(&mut digits, &mut out);
    one_line(&out, SUBJECT_MAX_CHARS)
}

/// At most `max` characters, on one line; `…` when cut.
fn one_line(text: &str, max: usize) -> String {
    let clean = crate::header::header_value(text);
    if clean.chars().count() <= max {
        return clean;
    }
    let mut cut: String = clean.chars().take(max.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

/// The confirmation mail (text/plain, Dutch then English).
pub(crate) fn confirmation(
    from: &str,
    to: &str,
    subject: &str,
    recipients: &[(String, Served)],
    in_reply_to: Option<&str>,
) -> std::io::Result<Vec<u8>> {
    use mail_builder::MessageBuilder;
    let quoted = if subject.is_empty() {
        "(geen onderwerp / no subject)".to_string()
    } else {
        subject.to_string()
    };
    let mut text = format!("Zo is uw bericht \"{quoted}\" bij elke ontvanger bezorgd:\r\n\r\n");
    for (rcpt, how) in recipients {
        text.push_str(&format!("- {}: {}\r\n", one_line(rcpt, 320), how.line().nl));
    }
    text.push_str("\r\n--- English ---\r\n\r\n");
    text.push_str(&format!(
        "This is how your message \"{quoted}\" was delivered to each recipient:\r\n\r\n"
    ));
    for (rcpt, how) in recipients {
        text.push_str(&format!("- {}: {}\r\n", one_line(rcpt, 320), how.line().en));
    }
    let host = crate::types::domain_of(from);
    let host = if host.is_empty() {
        "sluis.localdomain".to_string()
    } else {
        host
    };
    let mut builder = MessageBuilder::new();
    if let Some(id) = in_reply_to {
        builder = builder
            .in_reply_to(id.to_string())
            .references(id.to_string());
    }
    builder
        .from(crate::header::header_value(from))
        .to(crate::header::header_value(to))
        .subject(one_line(
            &format!("Bezorgd / Delivered: {quoted}"),
            SUBJECT_MAX_CHARS + 24,
        ))
        .date(crate::now_ms() / 1000)
        .message_id(format!(
            "{}@{host}",
            hex::encode(rand::random::<[u8; 12]>())
        ))
        .header(
            "Auto-Submitted",
            mail_builder::headers::raw::Raw::new("auto-generated"),
        )
        .text_body(text)
        .write_to_vec()
}

/// One registered message: who sent it, its subject as quoted, and each
/// recipient's outcome so far.
struct Pending {
    tenant: String,
    mail_from: String,
    /// The original's Message-ID, so the sender's client threads the
    /// confirmation with the sent message.
    in_reply_to: Option<String>,
    subject: String,
    recipients: Vec<(String, Option<Served>)>,
}

/// Messages whose confirmation is not sent yet.
#[derive(Default)]
pub(crate) struct Tracker {
    pending: Mutex<HashMap<MessageId, Pending>>,
}

/// A confirmation ready to send.
pub(crate) struct Ready {
    pub tenant: String,
    pub mail_from: String,
    pub in_reply_to: Option<String>,
    pub subject: String,
    pub recipients: Vec<(String, Served)>,
}

impl Tracker {
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<MessageId, Pending>> {
        // A panic elsewhere while holding the lock leaves a usable map.
        self.pending.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub(crate) fn register(
        &self,
        envelope: &Envelope,
        subject: &str,
        message_id: Option<&str>,
        known: Vec<Option<Served>>,
    ) {
        let recipients = envelope
            .recipients
            .iter()
            .zip(known.into_iter().chain(std::iter::repeat(None)))
            .map(|(r, s)| (r.address.clone(), s))
            .collect();
        self.lock().insert(
            envelope.id.clone(),
            Pending {
                tenant: envelope.tenant.clone(),
                mail_from: envelope.mail_from.clone(),
                in_reply_to: message_id
                    .map(|m| one_line(m, 250))
                    .filter(|m| !m.is_empty() && !m.contains(['<', '>', ' '])),
                subject: quoted_subject(subject),
                recipients,
            },
        );
    }

    pub(crate) fn forget(&self, id: &MessageId) {
        self.lock().remove(id);
    }

    /// Note how recipient `index` was served; the confirmation when this
    /// was the last one. A recipient noted twice keeps its first outcome.
    pub(crate) fn note(&self, id: &MessageId, index: u32, served: Served) -> Option<Ready> {
        let mut map = self.lock();
        let pending = map.get_mut(id)?;
        let slot = pending.recipients.get_mut(index as usize)?;
        if slot.1.is_none() {
            slot.1 = Some(served);
        }
        if pending.recipients.iter().any(|(_, s)| s.is_none()) {
            return None;
        }
        let done = map.remove(id)?;
        Some(Ready {
            tenant: done.tenant,
            mail_from: done.mail_from,
            in_reply_to: done.in_reply_to,
            subject: done.subject,
            recipients: done
                .recipients
                .into_iter()
                .filter_map(|(a, s)| s.map(|s| (a, s)))
                .collect(),
        })
    }
}

impl Pipeline {
    /// Note how recipient `index` of message `id` was served; send the
    /// sender's confirmation when it was the last one.
    pub(super) fn served(&self, id: &MessageId, index: u32, how: Served) {
        let Some(ready) = self.served.note(id, index, how) else {
            return;
        };
        if ready.mail_from.is_empty() {
            return;
        }
        let Some(me) = self.me.upgrade() else {
            return;
        };
        let id = id.clone();
        tokio::spawn(async move { me.send_confirmation(id, ready).await });
    }

    /// Build the confirmation, leave the subject out when the detectors
    /// find anything in it (it is the sender's own text), and queue it for
    /// the sender like pickup's notices to the sender: under the
    /// notification transport, with no second policy pass (what is left
    /// is addresses, host names and the policy's own reasons).
    async fn send_confirmation(&self, id: MessageId, ready: Ready) {
        let from = self.config.tenant.postmaster.clone();
        let build = |subject: &str| {
            confirmation(
                &from,
                &ready.mail_from,
                subject,
                &ready.recipients,
                ready.in_reply_to.as_deref(),
            )
        };
        let mut mail = build(&ready.subject);
        if let Ok(m) = &mail {
            if !ready.subject.is_empty() {
                let report = self.scan(&std::sync::Arc::new(m.clone())).await;
                if !report.is_clean() || report.is_unscannable() {
                    mail = build(SUBJECT_LEFT_OUT);
                }
            }
        }
        let mail = match mail {
            Ok(m) => m,
            Err(e) => {
                tracing::error!(%id, error = %e, "cannot build the sender's confirmation");
                return;
            }
        };
        let transport = match self.pickup.get() {
            Some(p) => p.cfg().notification_transport,
            None => TransportRequirement::Tls,
        };
        match self
            .inject_routed(&ready.tenant, "", &ready.mail_from, mail, transport, None)
            .await
        {
            Ok(c) => tracing::info!(%id, confirmation = %c, "sender's confirmation queued"),
            Err(e) => tracing::error!(%id, error = %e, "cannot spool the sender's confirmation"),
        }
    }
}

#[cfg(test)]
#[path = "served_tests.rs"]
mod tests;
