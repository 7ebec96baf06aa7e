//! Pickup tables and queries (portable SQL through sqlx `Any`).
//!
//! What is kept: a pickup row keyed by the id *derived* from the link
//! secret (never the secret), addresses and phone needed to send codes,
//! times and state; code hashes (HMAC), session hashes with the link secret
//! sealed under the session token; rate-limit counters; the contact list.
//! Ciphertext lives in the blob store (files or `pickup_blobs`, base64).
//! Counters and one-time use are done with single UPDATE statements, and
//! code requests and code checks of one link run in transactions under the
//! link's row lock, so several nodes on one PostgreSQL database stay correct.

use crate::store::schema::{Component, Step};
use crate::store::{Store, StoreError};
use sqlx::Row;

/// The pickup tables, migrated by the store (listed in
/// `server::STORE_COMPONENTS`).
pub const COMPONENT: Component = Component {
    name: "pickup",
    steps: PICKUP_STEPS,
};

/// Migration steps of the `pickup` component.
pub const PICKUP_STEPS: &[Step] = &[
    &[
        "CREATE TABLE pickups (
        id TEXT PRIMARY KEY,
        tenant TEXT NOT NULL,
        message_id TEXT NOT NULL,
        sender TEXT NOT NULL,
        recipient TEXT NOT NULL,
        phone TEXT,
        created_ms BIGINT NOT NULL,
        expires_ms BIGINT NOT NULL,
        state TEXT NOT NULL,
        opened_ms BIGINT,
        blob_in_db BIGINT NOT NULL)",
        "CREATE INDEX pickups_message ON pickups (message_id)",
        "CREATE INDEX pickups_expiry ON pickups (state, expires_ms)",
        "CREATE TABLE pickup_blobs (
        id TEXT PRIMARY KEY,
        data TEXT NOT NULL)",
        "CREATE TABLE pickup_codes (
        pickup_id TEXT PRIMARY KEY,
        code_hash TEXT NOT NULL,
        created_ms BIGINT NOT NULL,
        expires_ms BIGINT NOT NULL,
        attempts BIGINT NOT NULL,
        used BIGINT NOT NULL)",
        "CREATE TABLE pickup_sessions (
        id_hash TEXT PRIMARY KEY,
        pickup_id TEXT NOT NULL,
        wrapped TEXT NOT NULL,
        created_ms BIGINT NOT NULL,
        last_seen_ms BIGINT NOT NULL)",
        "CREATE INDEX pickup_sessions_pickup ON pickup_sessions (pickup_id)",
        "CREATE TABLE pickup_rate (
        rkey TEXT PRIMARY KEY,
        window_start_ms BIGINT NOT NULL,
        hits BIGINT NOT NULL)",
        "CREATE TABLE contacts (
        tenant TEXT NOT NULL,
        address TEXT NOT NULL,
        phone TEXT NOT NULL,
        PRIMARY KEY (tenant, address))",
    ],
    &[
        // Codes made over a link's whole life (the lifetime cap,
        // `pickup.max_codes_per_link_lifetime`).
        "ALTER TABLE pickups ADD COLUMN codes_issued BIGINT NOT NULL DEFAULT 0",
    ],
];

/// State of a pickup.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PickupState {
    Active,
    Revoked,
    Expired,
    /// Closed after its lifetime cap of codes (`max_codes_per_link_lifetime`).
    Locked,
}

impl PickupState {
    pub fn as_str(self) -> &'static str {
        match self {
            PickupState::Active => "active",
            PickupState::Revoked => "revoked",
            PickupState::Expired => "expired",
            PickupState::Locked => "locked",
        }
    }
    fn parse(s: &str) -> PickupState {
        match s {
            "active" => PickupState::Active,
            "revoked" => PickupState::Revoked,
            "locked" => PickupState::Locked,
            _ => PickupState::Expired,
        }
    }
}

/// One pickup row (no content).
#[derive(Clone, Debug)]
pub struct PickupRow {
    pub id: String,
    pub tenant: String,
    pub message_id: String,
    pub sender: String,
    pub recipient: String,
    pub phone: Option<String>,
    pub created_ms: i64,
    pub expires_ms: i64,
    pub state: PickupState,
    pub opened_ms: Option<i64>,
    pub blob_in_db: bool,
}

impl PickupRow {
    /// Active and not past its expiry.
    pub fn is_open(&self, now_ms: i64) -> bool {
        self.state == PickupState::Active && self.expires_ms > now_ms
    }
}

const PICKUP_COLS: &str = "id, tenant, message_id, sender, recipient, phone, created_ms, \
                           expires_ms, state, opened_ms, blob_in_db";

fn pickup_row(row: &sqlx::any::AnyRow) -> Result<PickupRow, StoreError> {
    let state: String = row.try_get(8)?;
    Ok(PickupRow {
        id: row.try_get(0)?,
        tenant: row.try_get(1)?,
        message_id: row.try_get(2)?,
        sender: row.try_get(3)?,
        recipient: row.try_get(4)?,
        phone: row.try_get(5)?,
        created_ms: row.try_get(6)?,
        expires_ms: row.try_get(7)?,
        state: PickupState::parse(&state),
        opened_ms: row.try_get(9)?,
        blob_in_db: row.try_get::<i64, _>(10)? != 0,
    })
}

pub async fn insert_pickup(store: &Store, p: &PickupRow) -> Result<(), StoreError> {
    sqlx::query(&format!(
        "INSERT INTO pickups ({PICKUP_COLS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)"
    ))
    .bind(&p.id)
    .bind(&p.tenant)
    .bind(&p.message_id)
    .bind(&p.sender)
    .bind(&p.recipient)
    .bind(p.phone.clone())
    .bind(p.created_ms)
    .bind(p.expires_ms)
    .bind(p.state.as_str())
    .bind(p.opened_ms)
    .bind(i64::from(p.blob_in_db))
    .execute(store.pool())
    .await?;
    Ok(())
}

pub async fn pickup(store: &Store, id: &str) -> Result<Option<PickupRow>, StoreError> {
    sqlx::query(&format!("SELECT {PICKUP_COLS} FROM pickups WHERE id = $1"))
        .bind(id)
        .fetch_optional(store.pool())
        .await?
        .as_ref()
        .map(pickup_row)
        .transpose()
}

pub async fn pickups_for_message(
    store: &Store,
    message_id: &str,
) -> Result<Vec<PickupRow>, StoreError> {
    sqlx::query(&format!(
        "SELECT {PICKUP_COLS} FROM pickups WHERE message_id = $1 ORDER BY created_ms, id"
    ))
    .bind(message_id)
    .fetch_all(store.pool())
    .await?
    .iter()
    .map(pickup_row)
    .collect()
}

/// Active pickups whose expiry has passed.
pub async fn due_for_expiry(
    store: &Store,
    now_ms: i64,
    limit: i64,
) -> Result<Vec<PickupRow>, StoreError> {
    sqlx::query(&format!(
        "SELECT {PICKUP_COLS} FROM pickups WHERE state = 'active' AND expires_ms <= $1 \
         ORDER BY expires_ms LIMIT $2"
    ))
    .bind(now_ms)
    .bind(limit)
    .fetch_all(store.pool())
    .await?
    .iter()
    .map(pickup_row)
    .collect()
}

/// Move an active pickup to `state` and drop its codes, sessions and
/// database blob. Returns false when it was not active (already done).
pub async fn close_pickup(store: &Store, id: &str, state: PickupState) -> Result<bool, StoreError> {
    let mut tx = store.pool().begin().await?;
    let done = sqlx::query("UPDATE pickups SET state = $1 WHERE id = $2 AND state = 'active'")
        .bind(state.as_str())
        .bind(id)
        .execute(&mut *tx)
        .await?;
    for sql in [
        "DELETE FROM pickup_codes WHERE pickup_id = $1",
        "DELETE FROM pickup_sessions WHERE pickup_id = $1",
    ] {
        sqlx::query(sql).bind(id).execute(&mut *tx).await?;
    }
    sqlx::query("DELETE FROM pickup_blobs WHERE id = $1 OR id = $2")
        .bind(id)
        .bind(format!("{id}.view"))
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(done.rows_affected() == 1)
}

/// Mark first opening; true when this call was the first.
pub async fn mark_opened(store: &Store, id: &str, now_ms: i64) -> Result<bool, StoreError> {
    let done = sqlx::query("UPDATE pickups SET opened_ms = $1 WHERE id = $2 AND opened_ms IS NULL")
        .bind(now_ms)
        .bind(id)
        .execute(store.pool())
        .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn put_db_blob(store: &Store, id: &str, data: &[u8]) -> Result<(), StoreError> {
    use base64::Engine;
    sqlx::query("INSERT INTO pickup_blobs (id, data) VALUES ($1, $2)")
        .bind(id)
        .bind(base64::engine::general_purpose::STANDARD.encode(data))
        .execute(store.pool())
        .await?;
    Ok(())
}

pub async fn get_db_blob(store: &Store, id: &str) -> Result<Option<Vec<u8>>, StoreError> {
    use base64::Engine;
    let Some(row) = sqlx::query("SELECT data FROM pickup_blobs WHERE id = $1")
        .bind(id)
        .fetch_optional(store.pool())
        .await?
    else {
        return Ok(None);
    };
    let text: String = row.try_get(0)?;
    Ok(base64::engine::general_purpose::STANDARD.decode(text).ok())
}

/// Take the pickup's row lock inside `tx`: code requests and code checks
/// of one link run one after the other (PostgreSQL locks the row; SQLite
/// takes its write lock with the first write of a transaction).
async fn lock_link(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    pickup_id: &str,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE pickups SET codes_issued = codes_issued WHERE id = $1")
        .bind(pickup_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

async fn replace_code(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    pickup_id: &str,
    code_hash: &str,
    now_ms: i64,
    expires_ms: i64,
) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM pickup_codes WHERE pickup_id = $1")
        .bind(pickup_id)
        .execute(&mut **tx)
        .await?;
    sqlx::query(
        "INSERT INTO pickup_codes (pickup_id, code_hash, created_ms, expires_ms, attempts, used) \
         VALUES ($1, $2, $3, $4, 0, 0)",
    )
    .bind(pickup_id)
    .bind(code_hash)
    .bind(now_ms)
    .bind(expires_ms)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Replace the pickup's code with a new one (attempts reset), under the
/// link's lock.
pub async fn put_code(
    store: &Store,
    pickup_id: &str,
    code_hash: &str,
    now_ms: i64,
    expires_ms: i64,
) -> Result<(), StoreError> {
    let mut tx = store.pool().begin().await?;
    lock_link(&mut tx, pickup_id).await?;
    replace_code(&mut tx, pickup_id, code_hash, now_ms, expires_ms).await?;
    tx.commit().await?;
    Ok(())
}

/// Outcome of a code request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Issued {
    /// The new code is stored; this many codes were made for the link so far.
    Issued(i64),
    /// The link has had its lifetime cap of codes (or is not active).
    CapReached,
}

/// Count a new code against the link's lifetime cap and store it, in one
/// transaction under the link's lock.
pub async fn issue_code(
    store: &Store,
    pickup_id: &str,
    code_hash: &str,
    now_ms: i64,
    expires_ms: i64,
    lifetime_cap: u32,
) -> Result<Issued, StoreError> {
    let mut tx = store.pool().begin().await?;
    lock_link(&mut tx, pickup_id).await?;
    let counted = sqlx::query(
        "UPDATE pickups SET codes_issued = codes_issued + 1 \
         WHERE id = $1 AND state = 'active' AND codes_issued < $2",
    )
    .bind(pickup_id)
    .bind(i64::from(lifetime_cap))
    .execute(&mut *tx)
    .await?;
    if counted.rows_affected() != 1 {
        tx.commit().await?;
        return Ok(Issued::CapReached);
    }
    replace_code(&mut tx, pickup_id, code_hash, now_ms, expires_ms).await?;
    let row = sqlx::query("SELECT codes_issued FROM pickups WHERE id = $1")
        .bind(pickup_id)
        .fetch_one(&mut *tx)
        .await?;
    let issued: i64 = row.try_get(0)?;
    tx.commit().await?;
    Ok(Issued::Issued(issued))
}

/// Outcome of one code entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodeCheck {
    Ok,
    Wrong,
    /// No usable code: none requested, expired, used, or out of attempts.
    NoCode,
}

/// Count an attempt, then compare (constant time) and consume on success —
/// in one transaction under the link's lock, so the attempt is always
/// counted on the very code it is compared with (a new code requested
/// meanwhile waits).
pub async fn check_code(
    store: &Store,
    pickup_id: &str,
    candidate_hash: &str,
    max_attempts: u32,
    now_ms: i64,
) -> Result<CodeCheck, StoreError> {
    let mut tx = store.pool().begin().await?;
    lock_link(&mut tx, pickup_id).await?;
    let counted = sqlx::query(
        "UPDATE pickup_codes SET attempts = attempts + 1 \
         WHERE pickup_id = $1 AND used = 0 AND attempts < $2 AND expires_ms > $3",
    )
    .bind(pickup_id)
    .bind(i64::from(max_attempts))
    .bind(now_ms)
    .execute(&mut *tx)
    .await?;
    if counted.rows_affected() != 1 {
        tx.commit().await?;
        return Ok(CodeCheck::NoCode);
    }
    let row = sqlx::query("SELECT code_hash FROM pickup_codes WHERE pickup_id = $1")
        .bind(pickup_id)
        .fetch_optional(&mut *tx)
        .await?;
    let Some(row) = row else {
        tx.commit().await?;
        return Ok(CodeCheck::NoCode);
    };
    let stored: String = row.try_get(0)?;
    if !super::crypto::ct_eq(&stored, candidate_hash) {
        tx.commit().await?;
        return Ok(CodeCheck::Wrong);
    }
    let used = sqlx::query("UPDATE pickup_codes SET used = 1 WHERE pickup_id = $1 AND used = 0")
        .bind(pickup_id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(if used.rows_affected() == 1 {
        CodeCheck::Ok
    } else {
        CodeCheck::NoCode
    })
}

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

/// Insert or replace one contact; returns nothing.
pub async fn upsert_contact(
    store: &Store,
    tenant: &str,
    address: &str,
    phone: &str,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO contacts (tenant, address, phone) VALUES ($1, $2, $3) \
         ON CONFLICT (tenant, address) DO UPDATE SET phone = $3",
    )
    .bind(tenant)
    .bind(address.to_ascii_lowercase())
    .bind(phone)
    .execute(store.pool())
    .await?;
    Ok(())
}

pub async fn contact_phone(
    store: &Store,
    tenant: &str,
    address: &str,
) -> Result<Option<String>, StoreError> {
    Ok(
        sqlx::query("SELECT phone FROM contacts WHERE tenant = $1 AND address = $2")
            .bind(tenant)
            .bind(address.to_ascii_lowercase())
            .fetch_optional(store.pool())
            .await?
            .map(|r| r.try_get::<String, _>(0))
            .transpose()?,
    )
}
