//! Pickup codes: put, issue against the link's lifetime cap and check
//! (attempt counted, compared in constant time, used once), each in one
//! transaction under the link's row lock. Part of [`super`].

use crate::store::{Store, StoreError};
use sqlx::Row;

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
    /// A wrong code; `left` tries remain for the current code.
    Wrong {
        left: u32,
    },
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
    let row = sqlx::query("SELECT code_hash, attempts FROM pickup_codes WHERE pickup_id = $1")
        .bind(pickup_id)
        .fetch_optional(&mut *tx)
        .await?;
    let Some(row) = row else {
        tx.commit().await?;
        return Ok(CodeCheck::NoCode);
    };
    let stored: String = row.try_get(0)?;
    let attempts: i64 = row.try_get(1)?;
    if !crate::pickup::crypto::ct_eq(&stored, candidate_hash) {
        tx.commit().await?;
        let left = i64::from(max_attempts).saturating_sub(attempts).max(0);
        return Ok(CodeCheck::Wrong {
            left: u32::try_from(left).unwrap_or(0),
        });
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
