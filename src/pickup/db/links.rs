//! The pickup row: insert, look up, expire or close (dropping its codes,
//! sessions and database blob), first opening; the ciphertext when it is
//! kept in the database (`pickup_blob_chunks`; `pickup_blobs`, base64,
//! from older versions is still read); the sender's contacts
//! (address -> phone). Part of [`super`].

use crate::store::{Store, StoreError};
use sqlx::Row;

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

/// Which pickups `sluis pickup list` shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListFilter {
    All,
    /// Active and not past expiry: the recipient can still open it.
    Open,
    /// Expired, or active but past expiry (the sweeper has not run yet).
    Expired,
}

/// Pickups for the operator's list, oldest first (no content, no secret).
pub async fn list_pickups(
    store: &Store,
    filter: ListFilter,
    now_ms: i64,
) -> Result<Vec<PickupRow>, StoreError> {
    let (cond, bind_now) = match filter {
        ListFilter::All => ("1 = 1", false),
        ListFilter::Open => ("state = 'active' AND expires_ms > $1", true),
        ListFilter::Expired => (
            "state = 'expired' OR (state = 'active' AND expires_ms <= $1)",
            true,
        ),
    };
    let sql = format!("SELECT {PICKUP_COLS} FROM pickups WHERE {cond} ORDER BY created_ms, id");
    let mut query = sqlx::query(&sql);
    if bind_now {
        query = query.bind(now_ms);
    }
    query
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
    for sql in [
        "DELETE FROM pickup_blobs WHERE id = $1 OR id = $2",
        "DELETE FROM pickup_blob_chunks WHERE id = $1 OR id = $2",
    ] {
        sqlx::query(sql)
            .bind(id)
            .bind(format!("{id}.view"))
            .execute(&mut *tx)
            .await?;
    }
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

/// Store a ciphertext in chunks of `chunk_bytes`, in one transaction
/// (replacing any earlier chunks of `id`).
pub async fn put_db_blob(
    store: &Store,
    id: &str,
    data: &[u8],
    chunk_bytes: usize,
) -> Result<(), StoreError> {
    let mut tx = store.pool().begin().await?;
    sqlx::query("DELETE FROM pickup_blob_chunks WHERE id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    // An empty blob is one empty chunk: "stored" and "absent" stay apart.
    let chunks: Vec<&[u8]> = if data.is_empty() {
        vec![data]
    } else {
        data.chunks(chunk_bytes.max(1)).collect()
    };
    for (seq, chunk) in chunks.into_iter().enumerate() {
        sqlx::query("INSERT INTO pickup_blob_chunks (id, seq, data) VALUES ($1, $2, $3)")
            .bind(id)
            .bind(seq as i64)
            .bind(chunk.to_vec())
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// A ciphertext kept in the database: its chunks in order, or (parked by
/// an older version) the base64 row of `pickup_blobs`.
pub async fn get_db_blob(store: &Store, id: &str) -> Result<Option<Vec<u8>>, StoreError> {
    use base64::Engine;
    let rows = sqlx::query("SELECT data FROM pickup_blob_chunks WHERE id = $1 ORDER BY seq")
        .bind(id)
        .fetch_all(store.pool())
        .await?;
    if !rows.is_empty() {
        let mut out = Vec::new();
        for row in &rows {
            let chunk: Vec<u8> = row.try_get(0)?;
            out.extend_from_slice(&chunk);
        }
        return Ok(Some(out));
    }
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
