//! Tamper evidence for the audit trail: a hash chain per tenant.
//!
//! Every stored event gets the next sequence number of its tenant and
//! `hash = sha256(previous hash || canonical event)`, the canonical event
//! being the JSON array `[seq, id, time_ms, tenant, kind, actor, ip,
//! message_id, recipient, detail]` (detail as stored text). The head (last
//! sequence number and hash) of each tenant is kept in `audit_heads` and
//! moved in the same transaction as the events, which also serialises
//! writers: the head row is locked first.
//!
//! `sluis audit verify` recomputes every chain: an edited event no longer
//! matches its hash, a removed one leaves a gap in the sequence, a removed
//! tail leaves the head pointing past the last event. Someone who can write
//! the database can rebuild the whole chain, so a practice notes the head
//! now and then (`--expect-head HEX` checks it is still in the chain).

use super::{Store, StoreError};
use sha2::{Digest, Sha256};
use sqlx::AnyConnection;
use sqlx::Row;

/// Hash of "no previous event".
pub const GENESIS: [u8; 32] = [0u8; 32];

/// The fields that are chained, as stored.
pub struct Link<'a> {
    pub seq: i64,
    pub id: &'a str,
    pub time_ms: i64,
    pub tenant: &'a str,
    pub kind: &'a str,
    pub actor: &'a str,
    pub ip: Option<&'a str>,
    pub message_id: Option<&'a str>,
    pub recipient: Option<&'a str>,
    pub detail: &'a str,
}

/// `sha256(prev || canonical(link))`.
pub fn hash(prev: &[u8; 32], l: &Link<'_>) -> [u8; 32] {
    let canonical = serde_json::json!([
        l.seq,
        l.id,
        l.time_ms,
        l.tenant,
        l.kind,
        l.actor,
        l.ip,
        l.message_id,
        l.recipient,
        l.detail
    ]);
    let mut h = Sha256::new();
    h.update(prev);
    h.update(canonical.to_string().as_bytes());
    h.finalize().into()
}

fn parse_hash(hex_text: &str) -> Option<[u8; 32]> {
    if hex_text.is_empty() {
        return Some(GENESIS);
    }
    hex::decode(hex_text).ok()?.try_into().ok()
}

/// Lock the tenant's head for this transaction and read it.
pub(super) async fn lock_head(
    conn: &mut AnyConnection,
    tenant: &str,
) -> Result<(i64, [u8; 32]), StoreError> {
    sqlx::query(
        "INSERT INTO audit_heads (tenant, seq, hash) VALUES ($1, 0, '') ON CONFLICT (tenant) DO NOTHING",
    )
    .bind(tenant)
    .execute(&mut *conn)
    .await?;
    // A no-op update takes the row (and, on SQLite, the write) lock first.
    sqlx::query("UPDATE audit_heads SET seq = seq WHERE tenant = $1")
        .bind(tenant)
        .execute(&mut *conn)
        .await?;
    let row = sqlx::query("SELECT seq, hash FROM audit_heads WHERE tenant = $1")
        .bind(tenant)
        .fetch_one(&mut *conn)
        .await?;
    let seq: i64 = row.try_get(0)?;
    let text: String = row.try_get(1)?;
    let hash = parse_hash(&text).ok_or(StoreError::CorruptChainHead)?;
    Ok((seq, hash))
}

pub(super) async fn set_head(
    conn: &mut AnyConnection,
    tenant: &str,
    seq: i64,
    hash: &[u8; 32],
) -> Result<(), StoreError> {
    sqlx::query("UPDATE audit_heads SET seq = $2, hash = $3 WHERE tenant = $1")
        .bind(tenant)
        .bind(seq)
        .bind(hex::encode(hash))
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// What `verify` found for one tenant.
#[derive(Debug, PartialEq)]
pub struct TenantChain {
    pub tenant: String,
    /// Events checked (with a link).
    pub events: u64,
    /// Events from before the chain existed (no link).
    pub unlinked: u64,
    /// Hash of the last event.
    pub head: String,
    /// The first problem, naming the event; `None`: intact.
    pub problem: Option<String>,
    /// Every hash in the chain contains `expect_head` (when given).
    pub expected_head_found: Option<bool>,
}

/// Recompute every tenant's chain.
pub async fn verify(
    store: &Store,
    expect_head: Option<&str>,
) -> Result<Vec<TenantChain>, StoreError> {
    let rows = sqlx::query(
        "SELECT id, time_ms, tenant, kind, actor, ip, message_id, recipient, detail, chain_seq, chain_hash \
         FROM audit_events ORDER BY tenant, chain_seq, id",
    )
    .fetch_all(store.pool())
    .await?;
    let heads = sqlx::query("SELECT tenant, seq, hash FROM audit_heads ORDER BY tenant")
        .fetch_all(store.pool())
        .await?;
    let mut out: Vec<TenantChain> = Vec::new();
    let mut prev = GENESIS;
    let expect = expect_head.map(|h| h.trim().to_ascii_lowercase());
    for row in &rows {
        let tenant: String = row.try_get(2)?;
        if out.last().is_none_or(|c| c.tenant != tenant) {
            out.push(TenantChain {
                tenant: tenant.clone(),
                events: 0,
                unlinked: 0,
                head: hex::encode(GENESIS),
                problem: None,
                expected_head_found: expect.as_ref().map(|_| false),
            });
            prev = GENESIS;
        }
        let Some(chain) = out.last_mut() else {
            continue;
        };
        let seq: Option<i64> = row.try_get(9)?;
        let stored: Option<String> = row.try_get(10)?;
        let id: String = row.try_get(0)?;
        let (Some(seq), Some(stored)) = (seq, stored) else {
            chain.unlinked += 1;
            continue;
        };
        if chain.problem.is_some() {
            continue;
        }
        let expected_seq = chain.events as i64 + 1;
        if seq != expected_seq {
            chain.problem = Some(format!(
                "event {expected_seq} is missing (removed); the next one is {id} (seq {seq})"
            ));
            continue;
        }
        let (ip, message_id, recipient): (Option<String>, Option<String>, Option<String>) =
            (row.try_get(5)?, row.try_get(6)?, row.try_get(7)?);
        let (kind, actor, detail): (String, String, String) =
            (row.try_get(3)?, row.try_get(4)?, row.try_get(8)?);
        let link = Link {
            seq,
            id: &id,
            time_ms: row.try_get(1)?,
            tenant: &tenant,
            kind: &kind,
            actor: &actor,
            ip: ip.as_deref(),
            message_id: message_id.as_deref(),
            recipient: recipient.as_deref(),
            detail: &detail,
        };
        let computed = hash(&prev, &link);
        if hex::encode(computed) != stored {
            chain.problem = Some(format!("event {id} (seq {seq}, {kind}) was altered"));
            continue;
        }
        prev = computed;
        chain.events += 1;
        chain.head = stored.clone();
        if expect.as_deref() == Some(stored.as_str()) {
            chain.expected_head_found = Some(true);
        }
    }
    // A removed tail: the head says more events were written.
    for head in &heads {
        let tenant: String = head.try_get(0)?;
        let seq: i64 = head.try_get(1)?;
        let hash: String = head.try_get(2)?;
        let chain = match out.iter_mut().find(|c| c.tenant == tenant) {
            Some(c) => c,
            None if seq == 0 => continue,
            None => {
                out.push(TenantChain {
                    tenant: tenant.clone(),
                    events: 0,
                    unlinked: 0,
                    head: hex::encode(GENESIS),
                    problem: None,
                    expected_head_found: expect.as_ref().map(|_| false),
                });
                let Some(c) = out.last_mut() else { continue };
                c
            }
        };
        if chain.problem.is_none() && (seq != chain.events as i64 || hash != chain.head) {
            chain.problem = Some(format!(
                "the chain ends at seq {} but {seq} events were written: the last ones were removed",
                chain.events
            ));
        }
    }
    Ok(out)
}
