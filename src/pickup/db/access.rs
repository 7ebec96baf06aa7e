//! Who may use the portal: rate-limit counters (fixed windows) and
//! portal sessions (the token's hash, the link secret sealed under the
//! token), and dropping stale ones. Part of [`super`].

use crate::store::{Store, StoreError};
use sqlx::Row;

/// Count one hit on a rate-limit key (fixed window); returns the hits in
/// the current window including this one.
pub async fn rate_hit(
    store: &Store,
    key: &str,
    window_ms: i64,
    now_ms: i64,
) -> Result<i64, StoreError> {
    let window_start = now_ms - window_ms;
    sqlx::query(
        "INSERT INTO pickup_rate (rkey, window_start_ms, hits) VALUES ($1, $2, 1) \
         ON CONFLICT (rkey) DO UPDATE SET \
           hits = CASE WHEN pickup_rate.window_start_ms <= $3 THEN 1 ELSE pickup_rate.hits + 1 END, \
           window_start_ms = CASE WHEN pickup_rate.window_start_ms <= $3 THEN $2 \
                                  ELSE pickup_rate.window_start_ms END",
    )
    .bind(key)
    .bind(now_ms)
    .bind(window_start)
    .execute(store.pool())
    .await?;
    let row = sqlx::query("SELECT hits FROM pickup_rate WHERE rkey = $1")
        .bind(key)
        .fetch_one(store.pool())
        .await?;
    Ok(row.try_get(0)?)
}

/// A stored session (the token itself is only in the cookie).
#[derive(Clone, Debug)]
pub struct SessionRow {
    pub pickup_id: String,
    pub wrapped: Vec<u8>,
    pub created_ms: i64,
    pub last_seen_ms: i64,
}

pub async fn insert_session(
    store: &Store,
    id_hash: &str,
    pickup_id: &str,
    wrapped: &[u8],
    now_ms: i64,
) -> Result<(), StoreError> {
    use base64::Engine;
    sqlx::query(
        "INSERT INTO pickup_sessions (id_hash, pickup_id, wrapped, created_ms, last_seen_ms) \
         VALUES ($1, $2, $3, $4, $4)",
    )
    .bind(id_hash)
    .bind(pickup_id)
    .bind(base64::engine::general_purpose::STANDARD.encode(wrapped))
    .bind(now_ms)
    .execute(store.pool())
    .await?;
    Ok(())
}

pub async fn session(store: &Store, id_hash: &str) -> Result<Option<SessionRow>, StoreError> {
    use base64::Engine;
    let Some(row) = sqlx::query(
        "SELECT pickup_id, wrapped, created_ms, last_seen_ms FROM pickup_sessions WHERE id_hash = $1",
    )
    .bind(id_hash)
    .fetch_optional(store.pool())
    .await?
    else {
        return Ok(None);
    };
    let wrapped: String = row.try_get(1)?;
    Ok(Some(SessionRow {
        pickup_id: row.try_get(0)?,
        wrapped: base64::engine::general_purpose::STANDARD
            .decode(wrapped)
            .unwrap_or_default(),
        created_ms: row.try_get(2)?,
        last_seen_ms: row.try_get(3)?,
    }))
}

pub async fn touch_session(store: &Store, id_hash: &str, now_ms: i64) -> Result<(), StoreError> {
    sqlx::query("UPDATE pickup_sessions SET last_seen_ms = $1 WHERE id_hash = $2")
        .bind(now_ms)
        .bind(id_hash)
        .execute(store.pool())
        .await?;
    Ok(())
}

pub async fn delete_session(store: &Store, id_hash: &str) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM pickup_sessions WHERE id_hash = $1")
        .bind(id_hash)
        .execute(store.pool())
        .await?;
    Ok(())
}

/// Delete sessions idle since before `session_before` and rate counters
/// whose window started before `rate_before`.
pub async fn drop_stale(
    store: &Store,
    session_before: i64,
    rate_before: i64,
) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM pickup_sessions WHERE last_seen_ms < $1")
        .bind(session_before)
        .execute(store.pool())
        .await?;
    sqlx::query("DELETE FROM pickup_rate WHERE window_start_ms < $1")
        .bind(rate_before)
        .execute(store.pool())
        .await?;
    Ok(())
}

/// Record `fingerprint` as the cluster's server key when none is yet;
/// returns the one recorded (this one, or another node's).
pub async fn claim_key_fingerprint(store: &Store, fingerprint: &str) -> Result<String, StoreError> {
    sqlx::query(
        "INSERT INTO pickup_server_key (name, fingerprint) VALUES ('pickup', $1) \
         ON CONFLICT (name) DO NOTHING",
    )
    .bind(fingerprint)
    .execute(store.pool())
    .await?;
    let row = sqlx::query("SELECT fingerprint FROM pickup_server_key WHERE name = 'pickup'")
        .fetch_one(store.pool())
        .await?;
    Ok(row.try_get(0)?)
}
