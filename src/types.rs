//! The data that crosses stages. Every stage of the line
//! `smtp -> spool -> inspect -> policy -> route -> delivery | crypto | pickup`
//! talks to the next one only through these types, never through another
//! stage's internals. Nothing here does I/O.
//!
//! Privacy: none of these types holds message text. `Finding::evidence` is
//! always masked (`*****6782`) by the detector that produced it.

use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::fmt;
use std::net::IpAddr;

mod status;
pub use status::{EnhancedCode, SmtpStatus};

/// Spool-wide message identifier: 16 lowercase hex digits, time ordered
/// (milliseconds since the epoch in the upper bits, a counter and random
/// bits below). Safe to log; it reveals nothing about the content.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct MessageId(pub String);

impl fmt::Display for MessageId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The SMTP envelope of one accepted message, as the submission stage saw it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Envelope {
    pub id: MessageId,
    /// The practice this message belongs to (from the account or the listener).
    pub tenant: String,
    /// Reverse path; empty for the null sender `<>`.
    pub mail_from: String,
    pub recipients: Vec<Recipient>,
    /// Unix time in milliseconds when the message was accepted.
    pub received_at_ms: i64,
    pub client_ip: IpAddr,
    pub helo: String,
    /// Account name when the client authenticated; `None` for a trusted network.
    pub authenticated_as: Option<String>,
    /// The client asked for SMTPUTF8 (internationalised addresses or headers).
    pub smtputf8: bool,
    /// The client declared BODY=8BITMIME.
    pub body_8bit: bool,
    /// Size in bytes of the message as spooled (CRLF line ends, dot-unstuffed).
    pub size: u64,
}

/// One envelope recipient.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recipient {
    pub address: String,
}

impl Recipient {
    pub fn new(address: impl Into<String>) -> Self {
        Recipient {
            address: address.into(),
        }
    }

    /// The domain part, lower-cased; empty when the address has none.
    pub fn domain(&self) -> String {
        domain_of(&self.address)
    }
}

/// Lower-cased domain of an address (`user@Example.NL` -> `example.nl`).
pub fn domain_of(address: &str) -> String {
    address
        .rsplit_once('@')
        .map(|(_, d)| d.to_ascii_lowercase())
        .unwrap_or_default()
}

/// What kind of sensitive content a finding is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    /// A burgerservicenummer (passes the elfproef, not something else).
    Bsn,
    /// Health data about an identifiable person.
    Health,
    /// Identifying personal data of a patient or third party.
    Personal,
}

impl Category {
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Bsn => "bsn",
            Category::Health => "health",
            Category::Personal => "personal",
        }
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where in a message a finding was made.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Location {
    /// MIME part path, e.g. `1.2` (`0` is the top-level entity, `header` for headers).
    pub part: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub filename: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// Header field or container member (`Subject`, `word/document.xml`, ...).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

/// One detection. `evidence` is masked by construction; never the full value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    pub category: Category,
    /// Which detector made it (`bsn`, `health.medication`, `personal.dob`, ...).
    pub detector: String,
    pub location: Location,
    /// Masked evidence such as `*****6782` or a vocabulary term class.
    pub evidence: String,
    /// 0.0 ..= 1.0
    pub confidence: f32,
}

/// One MIME part as the inspect stage saw it (structure only, no content).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PartInfo {
    pub path: String,
    pub content_type: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub filename: Option<String>,
    /// Decoded size in bytes.
    pub size: u64,
}

/// The result of the inspect stage for one message.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ScanReport {
    /// Raw message size in bytes.
    pub size: u64,
    pub parts: Vec<PartInfo>,
    pub findings: Vec<Finding>,
    /// Why (some of) the message could not be read. Non-empty means
    /// unscannable, which is never treated as clean.
    pub unscannable: Vec<String>,
    /// Wall time spent scanning, in microseconds.
    pub elapsed_us: u64,
}

impl ScanReport {
    /// Categories present, in a stable order.
    pub fn categories(&self) -> BTreeSet<Category> {
        self.findings.iter().map(|f| f.category).collect()
    }

    pub fn is_unscannable(&self) -> bool {
        !self.unscannable.is_empty()
    }

    /// Clean means: nothing found and everything could be read.
    pub fn is_clean(&self) -> bool {
        self.findings.is_empty() && self.unscannable.is_empty()
    }

    /// Highest confidence found for a category (0.0 when absent).
    pub fn confidence(&self, category: Category) -> f32 {
        self.findings
            .iter()
            .filter(|f| f.category == category)
            .map(|f| f.confidence)
            .fold(0.0, f32::max)
    }
}

/// How strongly the hop to the recipient's server must be protected.
/// Ordered from weakest to strongest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TransportRequirement {
    /// Clear text allowed (STARTTLS still used when offered).
    None,
    /// STARTTLS required, peer not authenticated.
    Tls,
    /// STARTTLS with a peer authenticated by DANE or by MTA-STS (enforce).
    DaneOrMtaSts,
    /// STARTTLS with a peer authenticated by DANE only.
    Dane,
    /// A current, DNSSEC-secure NTA 7516 record (the Dutch standard for
    /// secure healthcare mail) whose `ntamx` host is reached over DANE.
    /// Stronger than `dane`: the recipient also declared the standard.
    Nta7516,
}

impl TransportRequirement {
    pub fn as_str(self) -> &'static str {
        match self {
            TransportRequirement::None => "none",
            TransportRequirement::Tls => "tls",
            TransportRequirement::DaneOrMtaSts => "dane-or-mta-sts",
            TransportRequirement::Dane => "dane",
            TransportRequirement::Nta7516 => "nta7516",
        }
    }
}

/// A text shown to a person: Dutch first, English second.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bilingual {
    pub nl: String,
    pub en: String,
}

impl Bilingual {
    pub fn new(nl: impl Into<String>, en: impl Into<String>) -> Self {
        Bilingual {
            nl: nl.into(),
            en: en.into(),
        }
    }

    /// `nl / en` on one line, as used in SMTP replies.
    pub fn one_line(&self) -> String {
        format!("{} / {}", self.nl, self.en)
    }
}

/// What happens to one recipient.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "lowercase")]
pub enum Action {
    /// Deliver the message as it is, under a transport requirement;
    /// `fallback` when the recipient cannot meet it (no NTA 7516 record,
    /// no DANE, or still failing after the grace). Without a fallback the
    /// recipient waits and is retried until the lifetime ends.
    Deliver {
        transport: TransportRequirement,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        fallback: Option<Box<Action>>,
    },
    /// Encrypt end to end (S/MIME or OpenPGP); `fallback` when no usable key.
    Encrypt { fallback: Box<Action> },
    /// Park the message and send a pickup notification.
    Pickup,
    /// Do not send; tell the sender why.
    Block { reason: Bilingual },
}

impl Action {
    pub fn name(&self) -> &'static str {
        match self {
            Action::Deliver { .. } => "deliver",
            Action::Encrypt { .. } => "encrypt",
            Action::Pickup => "pickup",
            Action::Block { .. } => "block",
        }
    }
}

/// The policy stage's verdict for one recipient.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Decision {
    pub recipient: String,
    pub action: Action,
    /// Name of the rule that decided (`file:rule-name`), for audit and `policy test`.
    pub rule: String,
    /// Finding categories the rule looked at (never content).
    pub categories: Vec<Category>,
    /// The message was unscannable when decided.
    pub unscannable: bool,
}

/// Outcome of delivering to one recipient.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "kebab-case")]
pub enum RcptStatus {
    /// Not yet attempted, or waiting for the next attempt.
    Scheduled,
    Delivered,
    /// Temporary failure; retried until the lifetime runs out.
    TemporaryFailure {
        reason: String,
    },
    /// Permanent failure; a DSN goes to the sender.
    PermanentFailure {
        reason: String,
    },
    /// Taken out of the queue on purpose (a mail about a pickup link that
    /// was revoked or expired): final, and no DSN to anyone.
    Cancelled {
        reason: String,
    },
}

impl RcptStatus {
    /// Delivered, bounced or cancelled: nothing more will happen.
    pub fn is_final(&self) -> bool {
        matches!(
            self,
            RcptStatus::Delivered
                | RcptStatus::PermanentFailure { .. }
                | RcptStatus::Cancelled { .. }
        )
    }
}

/// What a mail Sluis made itself is about, carried with it through the
/// spool and the queue, so the queue can find it by meaning (never by
/// reading its text). Holds ids only, never a link secret or a code.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum MailTag {
    /// The notification with the link of this pickup, to its recipient.
    PickupNotification { pickup: String },
    /// A one-time code mail for this pickup, to its recipient.
    PickupCode { pickup: String },
}

impl MailTag {
    /// The pickup (its id, derived from the link secret) the mail is for.
    pub fn pickup_id(&self) -> &str {
        match self {
            MailTag::PickupNotification { pickup } | MailTag::PickupCode { pickup } => pickup,
        }
    }

    /// What the mail is, as the audit names it.
    pub fn label(&self) -> &'static str {
        match self {
            MailTag::PickupNotification { .. } => "pickup-notification",
            MailTag::PickupCode { .. } => "pickup-code",
        }
    }

    /// The audit event written when such a mail is cancelled.
    pub fn cancelled_event(&self) -> &'static str {
        match self {
            MailTag::PickupNotification { .. } => "notification-cancelled",
            MailTag::PickupCode { .. } => "code-cancelled",
        }
    }
}

/// How the connection to the next hop was protected.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TlsInfo {
    /// `TLSv1.3`, `TLSv1.2`, or `none`.
    pub version: String,
    pub cipher: String,
    /// `dane-ee`, `dane-ta`, `mta-sts`, `pkix`, or `none`.
    pub authentication: String,
    /// DANE authenticated the host, but its name came from an MX RRset
    /// that is not DNSSEC-signed (level `dane-insecure-mx`, what Postfix
    /// logs as "Trusted", not "Verified"): true of the host, not proof
    /// that it is the domain's.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub insecure_mx: bool,
}

/// Who gave a recipient's status in a [`DeliveryReport`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "from", content = "status", rename_all = "kebab-case")]
pub enum Answer {
    /// The next hop's reply (its text untranslated).
    NextHop(SmtpStatus),
    /// Sluis decided with no reply that says it: null MX, no such domain,
    /// a message larger than the next hop takes, SMTPUTF8 not offered.
    Local(SmtpStatus),
}

impl Answer {
    pub fn status(&self) -> &SmtpStatus {
        match self {
            Answer::NextHop(s) | Answer::Local(s) => s,
        }
    }

    /// The journal's view: a next hop's reply as its one line (`550 5.1.1
    /// ...`), our own status as `5.1.2 nl / en`.
    pub fn rcpt_status(&self) -> RcptStatus {
        let (s, reason) = match self {
            Answer::NextHop(s) => (s, s.one_line()),
            Answer::Local(s) => (s, s.reason_line()),
        };
        // As the client classifies a reply: only 2xx delivers, 5xx is
        // final, anything else (a stray 3xx too) is tried again.
        if (200..300).contains(&s.code) {
            RcptStatus::Delivered
        } else if s.is_permanent() {
            RcptStatus::PermanentFailure { reason }
        } else {
            RcptStatus::TemporaryFailure { reason }
        }
    }
}

/// What one delivery attempt did for one recipient.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DeliveryReport {
    pub recipient: String,
    pub status: RcptStatus,
    /// Host (and port) of the next hop that was tried.
    pub remote: String,
    pub tls: TlsInfo,
    /// The typed status behind `status`, when a reply or a decision of our
    /// own gave one; `None` for a connection or DNS problem (its reason is
    /// all there is) and for "not attempted".
    pub answer: Option<Answer>,
    /// For a temporary failure: was it the recipient's transport
    /// requirement that could not be met, and how surely? The queue runs
    /// a `deliver` fallback on this, never on a plain connection problem.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unmet: Option<Unmet>,
}

/// Why a transport requirement was not met, for the fallback decision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Unmet {
    /// A DNSSEC-secure (or insecure, hence unauthenticated) answer says
    /// the domain cannot meet it: no current secure NTA 7516 record, no
    /// DANE at any MX; or no configured next hop can ever give it. The
    /// fallback runs at once.
    Definite,
    /// It failed this time (TLSA mismatch, no STARTTLS, bogus DNS): the
    /// fallback runs once this has lasted longer than the grace. A
    /// SERVFAIL or timeout alone is never `Definite`.
    Failing,
}

impl DeliveryReport {
    /// The next hop's reply as one line, or empty when it did not answer.
    pub fn reply_line(&self) -> String {
        match &self.answer {
            Some(Answer::NextHop(s)) => s.one_line(),
            _ => String::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transport_requirements_are_ordered_weakest_first() {
        assert!(TransportRequirement::None < TransportRequirement::Tls);
        assert!(TransportRequirement::Tls < TransportRequirement::DaneOrMtaSts);
        assert!(TransportRequirement::DaneOrMtaSts < TransportRequirement::Dane);
    }

    #[test]
    fn domain_is_lowercased_and_taken_after_the_last_at() {
        assert_eq!(domain_of("a@b@Example.NL"), "example.nl");
        assert_eq!(domain_of("postmaster"), "");
    }

    #[test]
    fn clean_report_needs_no_findings_and_no_unscannable_reason() {
        let mut r = ScanReport::default();
        assert!(r.is_clean());
        r.unscannable.push("encrypted zip".into());
        assert!(!r.is_clean());
    }
}
