//! The sender's confirmation: how each recipient of a message was served
//! (issue 19, item 5).
//!
//! `submit` registers every accepted message whose routing protects at
//! least one recipient (`delivery.served_confirmation = "protected"`, the
//! default; `"all"` registers every message, `"off"` none). Each stage
//! that finishes a recipient notes how: the queue when it delivered
//! (`Journal::delivered`: host and what verified it) or gave up
//! (`Journal::record` with a permanent failure), the hand-off when it
//! encrypted, parked or blocked. Once every recipient has an outcome, one
//! confirmation goes to the sender, Dutch first, then English, one line
//! per recipient, with the message's subject (one line, capped, long digit
//! runs masked), never the body, a code or a link. Failures still get
//! their DSN (RFC 3464) as before; the confirmation comes on top.
//!
//! The confirmation is written by Sluis but passes inspection and the
//! policy like a DSN (`Journal::inject`): the subject is the sender's own
//! text and may be sensitive.
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

/// How one recipient was served.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Served {
    /// Delivered to `host`; `transport` is the requirement it was
    /// delivered under, `authentication` what the TLS session proved
    /// (`dane-ee`, `dane-ta`, `mta-sts`, `pkix`, `none`), `tls` whether
    /// the session was encrypted at all.
    Delivered {
        host: String,
        transport: TransportRequirement,
        authentication: String,
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
                tls,
            } => {
                let dane = authentication.starts_with("dane");
                if dane && *transport == TransportRequirement::Nta7516 {
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
        ServedConfirmation::Protected => work.iter().any(|w| {
            !matches!(
                w,
                Work::Deliver {
                    transport: TransportRequirement::None | TransportRequirement::Tls,
                    fallback: None,
                }
            )
        }),
    }
}

/// The subject as quoted to the sender: one line (control characters are
/// spaces), runs of 8 or more digits masked (a BSN, a phone number), at
/// most [`SUBJECT_MAX_CHARS`] characters.
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
    MessageBuilder::new()
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
    mail_from: String,
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
    pub mail_from: String,
    pub subject: String,
    pub recipients: Vec<(String, Served)>,
}

impl Tracker {
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<MessageId, Pending>> {
        // A panic elsewhere while holding the lock leaves a usable map.
        self.pending.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub(crate) fn register(&self, envelope: &Envelope, subject: &str, known: Vec<Option<Served>>) {
        let recipients = envelope
            .recipients
            .iter()
            .zip(known.into_iter().chain(std::iter::repeat(None)))
            .map(|(r, s)| (r.address.clone(), s))
            .collect();
        self.lock().insert(
            envelope.id.clone(),
            Pending {
                mail_from: envelope.mail_from.clone(),
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
            mail_from: done.mail_from,
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
        let from = self.config.tenant.postmaster.clone();
        let id = id.clone();
        tokio::spawn(async move {
            use crate::delivery::Journal;
            let mail =
                match confirmation(&from, &ready.mail_from, &ready.subject, &ready.recipients) {
                    Ok(m) => m,
                    Err(e) => {
                        tracing::error!(%id, error = %e, "cannot build the sender's confirmation");
                        return;
                    }
                };
            match me.inject(String::new(), vec![ready.mail_from], mail).await {
                Ok(c) => tracing::info!(%id, confirmation = %c, "sender's confirmation queued"),
                Err(e) => {
                    tracing::error!(%id, error = %e, "cannot spool the sender's confirmation")
                }
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subjects_are_one_line_capped_and_mask_long_digit_runs() {
        assert_eq!(quoted_subject("Uitslag\r\nBcc: x@y"), "Uitslag Bcc: x@y");
        assert_eq!(quoted_subject("BSN 111222333 lab"), "BSN ••••••••• lab");
        assert_eq!(
            quoted_subject("afspraak 12-03 om 0900"),
            "afspraak 12-03 om 0900"
        );
        let long = quoted_subject(&"a".repeat(500));
        assert_eq!(long.chars().count(), SUBJECT_MAX_CHARS);
        assert!(long.ends_with('…'));
    }

    #[test]
    fn lines_say_how_each_recipient_was_served() {
        let tls = |auth: &str| TlsInfo {
            version: "TLSv1.3".into(),
            cipher: String::new(),
            authentication: auth.into(),
        };
        let nta = Served::delivered(
            "ntamx.nta.test[127.0.19.5]:25",
            TransportRequirement::Nta7516,
            &tls("dane-ee"),
        );
        assert_eq!(
            nta.line().nl,
            "direct afgeleverd, geverifieerd met NTA 7516/DANE bij host ntamx.nta.test"
        );
        assert_eq!(
            nta.line().en,
            "delivered directly, verified by NTA 7516/DANE at host ntamx.nta.test"
        );
        let dane = Served::delivered(
            "mx.a.test[::1]:25",
            TransportRequirement::Dane,
            &tls("dane-ta"),
        );
        assert!(dane
            .line()
            .en
            .contains("verified by DANE at host mx.a.test"));
        let relay = Served::delivered("relay.local:587", TransportRequirement::Tls, &tls("pkix"));
        assert!(
            relay.line().en.contains("(TLS) at host relay.local"),
            "{:?}",
            relay.line()
        );
        assert_eq!(
            Served::Encrypted(Method::Smime).line().en,
            "encrypted (S/MIME)"
        );
        assert_eq!(
            Served::Parked { sms: true }.line().nl,
            "beveiligde link, code per sms"
        );
        let blocked = Served::Blocked(Bilingual::new("geen route", "no route"));
        assert_eq!(blocked.line().en, "blocked: no route");
    }

    #[test]
    fn the_confirmation_comes_when_the_last_recipient_is_served() {
        let t = Tracker::default();
        let env = Envelope {
            id: MessageId("m1".into()),
            tenant: "default".into(),
            mail_from: "a@b.test".into(),
            recipients: vec![
                crate::types::Recipient::new("x@c.test"),
                crate::types::Recipient::new("y@d.test"),
            ],
            received_at_ms: 0,
            client_ip: std::net::IpAddr::V4(std::net::Ipv4Addr::LOCALHOST),
            helo: String::new(),
            authenticated_as: None,
            smtputf8: false,
            body_8bit: false,
            size: 0,
        };
        t.register(
            &env,
            "Uitslag",
            vec![None, Some(Served::Parked { sms: false })],
        );
        assert!(t
            .note(&MessageId("other".into()), 0, Served::Failed)
            .is_none());
        let ready = t
            .note(&env.id, 0, Served::Encrypted(Method::OpenPgp))
            .expect("complete");
        assert_eq!(ready.recipients.len(), 2);
        assert!(t.note(&env.id, 1, Served::Failed).is_none(), "sent once");
        let mail =
            confirmation("pm@b.test", "a@b.test", &ready.subject, &ready.recipients).expect("mail");
        let text = String::from_utf8_lossy(&mail);
        let nl = text
            .find("x@c.test: versleuteld (OpenPGP)")
            .expect("nl line");
        let en = text.find("x@c.test: encrypted (OpenPGP)").expect("en line");
        assert!(nl < en, "Dutch first");
        assert!(
            text.contains("Subject: Bezorgd / Delivered: Uitslag"),
            "{text}"
        );
    }
}
