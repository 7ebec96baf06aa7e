//! `sluis audit pickups --since DATE [--recipient ADDR] [--json] [--identity FILE]`:
//! the question a practice gets after a breach — who was notified, who asked
//! for a code, who opened which message and downloaded which document,
//! when — answered from the audit trail, in local time (Europe/Amsterdam).
//!
//! Document names are in the trail only encrypted to the practice's audit key
//! (`[audit] names_recipient`); with `--identity` (the practice manager's age
//! identity file, kept off the server) they are shown by name, otherwise as
//! "bijlage N" with a hash of the name.

use crate::store::{AuditRecord, Store};
use std::collections::BTreeMap;

/// The events that tell a pickup's story.
pub const PICKUP_KINDS: &[&str] = &[
    "pickup-parked",
    "link-sent",
    "code-sent",
    "code-failed",
    "opened",
    "downloaded",
    "replied",
    "revoked",
    "expired",
];

pub use crate::local_time::{amsterdam_offset_secs, days_from_civil};

/// "YYYY-MM-DD HH:MM:SS" in Amsterdam time.
pub fn local_time(ms: i64) -> String {
    let offset = amsterdam_offset_secs(ms.div_euclid(1000));
    super::format_time(ms + offset * 1000)
        .trim_end_matches('Z')
        .replace('T', " ")
}

/// Midnight (Amsterdam time) at the start of `YYYY-MM-DD`, in Unix ms.
pub fn parse_since(date: &str) -> Result<i64, String> {
    let bad = || format!("--since {date}: use YYYY-MM-DD");
    let mut parts = date.trim().splitn(3, '-');
    let mut next = |lo: i64, hi: i64| -> Result<i64, String> {
        let n: i64 = parts.next().ok_or_else(bad)?.parse().map_err(|_| bad())?;
        if n < lo || n > hi {
            return Err(bad());
        }
        Ok(n)
    };
    let (y, m, d) = (next(1970, 9999)?, next(1, 12)?, next(1, 31)?);
    let midnight_utc = days_from_civil(y, m, d) * 86_400;
    // The offset an hour before local midnight is the one in force then.
    let offset = amsterdam_offset_secs(midnight_utc - 3_600);
    Ok((midnight_utc - offset) * 1000)
}

/// One line of the report.
#[derive(Debug, serde::Serialize)]
pub struct Line {
    pub time_local: String,
    pub time_ms: i64,
    pub message_id: String,
    pub recipient: String,
    pub event: String,
    pub ip: Option<String>,
    pub user_agent: Option<String>,
    /// Code channel: "email" or the masked phone number.
    pub channel: Option<String>,
    /// For downloads: "1", "2", ... (as the recipient saw them).
    pub attachment: Option<u64>,
    /// The document's name (with the identity), else `None`.
    pub document: Option<String>,
    pub name_sha256: Option<String>,
}

fn open_name(
    detail: &serde_json::Value,
    identity: Option<&age::x25519::Identity>,
) -> Option<String> {
    use base64::Engine;
    let sealed = detail["name_sealed"].as_str()?;
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(sealed)
        .ok()?;
    let plain = age::decrypt(identity?, &bytes).ok()?;
    String::from_utf8(plain).ok()
}

pub fn lines(records: &[AuditRecord], identity: Option<&age::x25519::Identity>) -> Vec<Line> {
    records
        .iter()
        .map(|r| {
            let d = &r.detail;
            let channel = match &d["channel"] {
                serde_json::Value::String(s) => Some(s.clone()),
                serde_json::Value::Object(o) => o
                    .get("sms")
                    .and_then(|v| v.as_str())
                    .map(|s| format!("sms {s}")),
                _ => None,
            };
            Line {
                time_local: local_time(r.time_ms),
                time_ms: r.time_ms,
                message_id: r.message_id.clone().unwrap_or_default(),
                recipient: r.recipient.clone().unwrap_or_default(),
                event: r.kind.clone(),
                ip: r.ip.clone(),
                user_agent: d["user_agent"].as_str().map(str::to_string),
                channel,
                attachment: d["attachment"].as_u64().map(|i| i + 1),
                document: open_name(d, identity),
                name_sha256: d["name_sha256"].as_str().map(str::to_string),
            }
        })
        .collect()
}

fn event_label(kind: &str) -> &str {
    match kind {
        "pickup-parked" => "klaargezet / parked",
        "link-sent" => "melding verstuurd / notified",
        "code-sent" => "code verstuurd / code sent",
        "code-failed" => "code fout / wrong code",
        "opened" => "geopend / opened",
        "downloaded" => "gedownload / downloaded",
        "replied" => "beantwoord / replied",
        "revoked" => "ingetrokken / revoked",
        "expired" => "verlopen / expired",
        other => other,
    }
}

/// A table a practice manager can read: one block per message and
/// recipient, oldest first.
pub fn render(lines: &[Line]) -> String {
    let mut groups: BTreeMap<(i64, String, String), Vec<&Line>> = BTreeMap::new();
    let mut first: BTreeMap<(String, String), i64> = BTreeMap::new();
    for l in lines {
        first
            .entry((l.message_id.clone(), l.recipient.clone()))
            .or_insert(l.time_ms);
    }
    for l in lines {
        let t = first
            .get(&(l.message_id.clone(), l.recipient.clone()))
            .copied()
            .unwrap_or(l.time_ms);
        groups
            .entry((t, l.message_id.clone(), l.recipient.clone()))
            .or_default()
            .push(l);
    }
    let mut out = String::new();
    for ((_, message, recipient), ls) in &groups {
        out.push_str(&format!(
            "Ontvanger / recipient: {recipient}   bericht / message: {message}\n"
        ));
        out.push_str("  tijd (Europe/Amsterdam)  gebeurtenis / event            details\n");
        for l in ls {
            let mut details = Vec::new();
            if let Some(n) = l.attachment {
                details.push(match &l.document {
                    Some(name) => format!("\"{name}\" (bijlage / attachment {n})"),
                    None => format!(
                        "bijlage / attachment {n} (naam versleuteld / name sealed, sha256 {})",
                        l.name_sha256.as_deref().unwrap_or("-")
                    ),
                });
            }
            if let Some(c) = &l.channel {
                details.push(c.clone());
            }
            if let Some(ip) = &l.ip {
                details.push(format!("IP {ip}"));
            }
            if let Some(ua) = l.user_agent.as_deref().filter(|u| !u.is_empty()) {
                details.push(ua.chars().take(60).collect());
            }
            out.push_str(&format!(
                "  {:<23}  {:<29}  {}\n",
                l.time_local,
                event_label(&l.event),
                details.join("  ")
            ));
        }
        out.push('\n');
    }
    out
}

/// Read an age identity file (`AGE-SECRET-KEY-1...`, comments allowed).
pub fn load_identity(path: &std::path::Path) -> anyhow::Result<age::x25519::Identity> {
    let text =
        std::fs::read_to_string(path).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    text.lines()
        .map(str::trim)
        .find(|l| l.starts_with("AGE-SECRET-KEY-"))
        .and_then(|l| l.parse().ok())
        .ok_or_else(|| anyhow::anyhow!("{}: no age identity (AGE-SECRET-KEY-1...)", path.display()))
}

/// The events of the report from the store.
pub async fn events(
    store: &Store,
    since_ms: i64,
    recipient: Option<&str>,
) -> Result<Vec<AuditRecord>, crate::store::StoreError> {
    store
        .audit_of_kinds(since_ms, PICKUP_KINDS, recipient)
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amsterdam_time_follows_the_eu_summer_time_rule() {
        // 2026: summer time from 29 March 01:00 UTC to 25 October 01:00 UTC.
        let at = |d: i64, h: i64| (d * 86_400 + h * 3_600) * 1000;
        let mar29 = days_from_civil(2026, 3, 29);
        assert_eq!(
            local_time(at(mar29, 0) + 59 * 60_000),
            "2026-03-29 01:59:00"
        );
        assert_eq!(local_time(at(mar29, 1)), "2026-03-29 03:00:00");
        let oct25 = days_from_civil(2026, 10, 25);
        assert_eq!(
            local_time(at(oct25, 0) + 59 * 60_000),
            "2026-10-25 02:59:00"
        );
        assert_eq!(local_time(at(oct25, 1)), "2026-10-25 02:00:00");
        assert_eq!(
            local_time(at(days_from_civil(2026, 12, 7), 5)),
            "2026-12-07 06:00:00"
        );
        // Midnight of a summer day is 22:00 UTC the day before.
        assert_eq!(
            parse_since("2026-07-01").unwrap(),
            at(days_from_civil(2026, 6, 30), 22)
        );
        assert_eq!(
            parse_since("2026-12-07").unwrap(),
            at(days_from_civil(2026, 12, 6), 23)
        );
        assert!(parse_since("7 december").is_err());
        assert!(parse_since("2026-13-01").is_err());
    }
}
