//! The route verdicts of domains ([`DomainVerdict`]) cached in the store,
//! so a restart keeps them and several nodes share them: one row per
//! domain with the time it expires (from the TTLs of the DNS answers,
//! capped by `delivery.route_cache_max_secs`).
//!
//! Promises: an expired row is never returned; rows hold domains and
//! verdicts only (no addresses, no content); a row that does not parse is
//! treated as absent. A store error is returned, and callers then look the
//! domain up again (the cache is an optimisation, never the authority).

use super::verdict::DomainVerdict;
use crate::store::schema::Component;
use crate::store::{Store, StoreError};
use sqlx::Row;

/// The `route` store component (listed in `server::STORE_COMPONENTS`).
pub const COMPONENT: Component = Component {
    name: "route",
    steps: SCHEMA,
};

/// Migration steps (portable SQL; only ever appended).
pub const SCHEMA: &[&[&str]] = &[&["CREATE TABLE route_verdicts (
        domain TEXT PRIMARY KEY,
        verdict TEXT NOT NULL,
        expires_ms BIGINT NOT NULL)"]];

/// The cached verdict of `domain`, when one has not expired at `now_ms`.
pub async fn get(
    store: &Store,
    domain: &str,
    now_ms: i64,
) -> Result<Option<DomainVerdict>, StoreError> {
    let row =
        sqlx::query("SELECT verdict FROM route_verdicts WHERE domain = $1 AND expires_ms > $2")
            .bind(domain.to_ascii_lowercase())
            .bind(now_ms)
            .fetch_optional(store.pool())
            .await?;
    Ok(row
        .and_then(|r| r.try_get::<String, _>(0).ok())
        .and_then(|t| serde_json::from_str(&t).ok()))
}

/// Cache `verdict` for `domain` until `expires_ms`, and drop rows that
/// expired before `now_ms`.
pub async fn put(
    store: &Store,
    domain: &str,
    verdict: &DomainVerdict,
    now_ms: i64,
    expires_ms: i64,
) -> Result<(), StoreError> {
    let text = serde_json::to_string(verdict).unwrap_or_default();
    sqlx::query(
        "INSERT INTO route_verdicts (domain, verdict, expires_ms) VALUES ($1, $2, $3) \
         ON CONFLICT (domain) DO UPDATE SET verdict = excluded.verdict, expires_ms = excluded.expires_ms",
    )
    .bind(domain.to_ascii_lowercase())
    .bind(text)
    .bind(expires_ms)
    .execute(store.pool())
    .await?;
    sqlx::query("DELETE FROM route_verdicts WHERE expires_ms <= $1")
        .bind(now_ms)
        .execute(store.pool())
        .await?;
    Ok(())
}
