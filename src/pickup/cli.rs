//! Pickup commands for the CLI (the lead wires them into clap):
//! `sluis contacts import FILE.csv` and `sluis pickup revoke MESSAGE-ID`.
//! Each returns a result for the caller to print; nothing here prints
//! phone numbers or links.

use super::{db, BoxFuture, Outbox, Pickup, PickupError, ReplySink};
use crate::audit::Audit;
use crate::config::Config;
use crate::store::Store;
use std::path::Path;
use std::sync::Arc;

#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}:{line}: {message}")]
    Line {
        path: String,
        line: usize,
        message: String,
    },
    #[error(transparent)]
    Pickup(#[from] PickupError),
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
}

/// One parsed line of a contacts file: `address,phone`.
pub fn parse_contact_line(line: &str) -> Result<Option<(String, String)>, String> {
    let line = line.trim();
    if line.is_empty() || line.starts_with('#') {
        return Ok(None);
    }
    let mut cols = line.split([',', ';']).map(|c| c.trim().trim_matches('"'));
    let address = cols.next().unwrap_or("");
    let phone: String = cols
        .next()
        .unwrap_or("")
        .chars()
        .filter(|c| !matches!(c, ' ' | '-'))
        .collect();
    if address.eq_ignore_ascii_case("address") || address.eq_ignore_ascii_case("adres") {
        return Ok(None);
    }
    if !address.contains('@') {
        return Err(
            "eerste kolom is geen e-mailadres / first column is not an e-mail address".into(),
        );
    }
    let digits = phone.strip_prefix('+').unwrap_or(&phone);
    if digits.len() < 7 || digits.len() > 15 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(
            "tweede kolom is geen telefoonnummer / second column is not a phone number".into(),
        );
    }
    Ok(Some((address.to_ascii_lowercase(), phone)))
}

/// Import `address,phone` lines (a header line is skipped); all or nothing
/// is checked first, then every line is stored. Returns the count.
pub async fn import_contacts(store: &Store, tenant: &str, path: &Path) -> Result<usize, CliError> {
    let text = std::fs::read_to_string(path).map_err(|source| CliError::Read {
        path: path.display().to_string(),
        source,
    })?;
    let mut rows = Vec::new();
    for (i, line) in text.lines().enumerate() {
        match parse_contact_line(line) {
            Ok(Some(row)) => rows.push(row),
            Ok(None) => {}
            Err(message) => {
                return Err(CliError::Line {
                    path: path.display().to_string(),
                    line: i + 1,
                    message,
                })
            }
        }
    }
    for (address, phone) in &rows {
        db::upsert_contact(store, tenant, address, phone).await?;
    }
    Ok(rows.len())
}

/// Sends nothing (for admin commands that never send mail).
struct Nothing;

impl Outbox for Nothing {
    fn send<'a>(&'a self, _: &'a str, _: &'a str, _: Vec<u8>) -> BoxFuture<'a, Result<(), String>> {
        Box::pin(async { Err("no outbox in this command".to_string()) })
    }

    fn send_tagged<'a>(
        &'a self,
        tenant: &'a str,
        recipient: &'a str,
        raw: Vec<u8>,
        _: crate::types::MailTag,
    ) -> BoxFuture<'a, Result<(), String>> {
        self.send(tenant, recipient, raw)
    }

    /// The running server's queue is in another process: it asks the
    /// store before each attempt ([`Pickup::closed_reason`]) instead.
    fn cancel<'a>(&'a self, _: &'a str, _: &'a str) -> BoxFuture<'a, usize> {
        Box::pin(async { 0 })
    }
}

impl ReplySink for Nothing {
    fn reply<'a>(
        &'a self,
        _: &'a str,
        _: &'a str,
        _: &'a str,
        _: Vec<u8>,
    ) -> BoxFuture<'a, Result<String, String>> {
        Box::pin(async { Err("no reply sink in this command".to_string()) })
    }
}

/// A pickup service for admin commands (revoke, expire): no mail out.
pub fn admin(config: Arc<Config>, store: Store, audit: Audit) -> Result<Pickup, PickupError> {
    let sms = super::sms::from_config(&config.pickup);
    Pickup::new(
        config,
        store,
        audit,
        sms,
        Arc::new(Nothing),
        Arc::new(Nothing),
    )
}

/// What `sluis pickup revoke` found for a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Revoked {
    /// Pickup links the message has (any state).
    pub links: usize,
    /// Of those, revoked now (the others were already revoked or expired).
    pub now: usize,
}

/// Revoke every pickup link of a message (operator command).
pub async fn revoke(pickup: &Pickup, message_id: &str, actor: &str) -> Result<Revoked, CliError> {
    let links = crate::pickup::db::pickups_for_message(pickup.store(), message_id)
        .await
        .map_err(crate::pickup::PickupError::from)?
        .len();
    let now = pickup.revoke_message(message_id, actor).await?;
    Ok(Revoked { links, now })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contact_lines_parse_and_reject_bad_columns() {
        assert_eq!(
            parse_contact_line("Jan@Example.nl, +31 6-1234 5678").unwrap(),
            Some(("jan@example.nl".into(), "+31612345678".into()))
        );
        assert_eq!(parse_contact_line("address,phone").unwrap(), None);
        assert_eq!(parse_contact_line("# comment").unwrap(), None);
        assert!(parse_contact_line("jan,0612345678").is_err());
        assert!(parse_contact_line("jan@x.nl,call me").is_err());
    }
}
