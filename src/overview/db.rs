//! The overview's tables (the `operator` store component): which accounts
//! have the `operator` role, their TOTP secret and the last step used
//! (replay guard), and operator sessions (stored as a hash of the cookie's
//! token, with the session's CSRF token). Portable SQL through sqlx `Any`.

use crate::store::schema::{Component, Step};
use crate::store::{Store, StoreError};
use sqlx::Row;

/// Migrated by the store (listed in `server::STORE_COMPONENTS`).
pub const COMPONENT: Component = Component {
    name: "operator",
    steps: STEPS,
    floor: 0,
};

const STEPS: &[Step] = &[&[
    "CREATE TABLE account_roles (
        username TEXT NOT NULL REFERENCES accounts(username) ON DELETE CASCADE,
        role TEXT NOT NULL,
        PRIMARY KEY (username, role))",
    "CREATE TABLE operator_totp (
        username TEXT PRIMARY KEY REFERENCES accounts(username) ON DELETE CASCADE,
        secret TEXT NOT NULL,
        last_step BIGINT)",
    "CREATE TABLE operator_sessions (
        id_hash TEXT PRIMARY KEY,
        username TEXT NOT NULL,
        tenant TEXT NOT NULL,
        csrf TEXT NOT NULL,
        created_ms BIGINT NOT NULL,
        last_seen_ms BIGINT NOT NULL)",
]];

/// The role that opens the overview.
pub const OPERATOR: &str = "operator";

/// An operator's second factor. `Debug` never shows the secret.
#[derive(Clone)]
pub struct Totp {
    pub secret: Vec<u8>,
    pub last_step: Option<i64>,
}

impl std::fmt::Debug for Totp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Totp")
            .field("last_step", &self.last_step)
            .finish_non_exhaustive()
    }
}

/// Give `username` (an existing account) the operator role with a new TOTP
/// secret (replacing an old one).
pub async fn grant(store: &Store, username: &str, secret: &[u8]) -> Result<(), StoreError> {
    let mut tx = store.pool().begin().await?;
    sqlx::query("DELETE FROM account_roles WHERE username = $1 AND role = $2")
        .bind(username)
        .bind(OPERATOR)
        .execute(&mut *tx)
        .await?;
    sqlx::query("INSERT INTO account_roles (username, role) VALUES ($1, $2)")
        .bind(username)
        .bind(OPERATOR)
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM operator_totp WHERE username = $1")
        .bind(username)
        .execute(&mut *tx)
        .await?;
    sqlx::query("INSERT INTO operator_totp (username, secret, last_step) VALUES ($1, $2, NULL)")
        .bind(username)
        .bind(super::totp::base32_encode(secret))
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM operator_sessions WHERE username = $1")
        .bind(username)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

/// Take the role (and the second factor and sessions) away. `false`: the
/// account had no operator role.
pub async fn revoke(store: &Store, username: &str) -> Result<bool, StoreError> {
    let mut tx = store.pool().begin().await?;
    let n = sqlx::query("DELETE FROM account_roles WHERE username = $1 AND role = $2")
        .bind(username)
        .bind(OPERATOR)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    for sql in [
        "DELETE FROM operator_totp WHERE username = $1",
        "DELETE FROM operator_sessions WHERE username = $1",
    ] {
        sqlx::query(sql).bind(username).execute(&mut *tx).await?;
    }
    tx.commit().await?;
    Ok(n > 0)
}

/// The accounts with the operator role, by name.
pub async fn operators(store: &Store) -> Result<Vec<String>, StoreError> {
    let rows = sqlx::query("SELECT username FROM account_roles WHERE role = $1 ORDER BY username")
        .bind(OPERATOR)
        .fetch_all(store.pool())
        .await?;
    rows.iter()
        .map(|r| r.try_get::<String, _>(0).map_err(StoreError::from))
        .collect()
}

/// The second factor of an operator; `None` when the account has no
/// operator role (or no secret).
pub async fn totp(store: &Store, username: &str) -> Result<Option<Totp>, StoreError> {
    let Some(row) = sqlx::query(
        "SELECT t.secret, t.last_step FROM operator_totp t \
         JOIN account_roles r ON r.username = t.username AND r.role = $2 \
         WHERE t.username = $1",
    )
    .bind(username)
    .bind(OPERATOR)
    .fetch_optional(store.pool())
    .await?
    else {
        return Ok(None);
    };
    let secret: String = row.try_get(0)?;
    let Some(secret) = super::totp::base32_decode(&secret) else {
        return Ok(None);
    };
    Ok(Some(Totp {
        secret,
        last_step: row.try_get(1)?,
    }))
}

/// Record `step` as used, only if it is later than the last used one (one
/// statement, so two logins racing with one code cannot both win).
pub async fn use_step(store: &Store, username: &str, step: i64) -> Result<bool, StoreError> {
    let n = sqlx::query(
        "UPDATE operator_totp SET last_step = $1 \
         WHERE username = $2 AND (last_step IS NULL OR last_step < $1)",
    )
    .bind(step)
    .bind(username)
    .execute(store.pool())
    .await?
    .rows_affected();
    Ok(n == 1)
}

/// A stored operator session.
#[derive(Clone, Debug)]
pub struct SessionRow {
    pub username: String,
    pub tenant: String,
    pub csrf: String,
    pub created_ms: i64,
    pub last_seen_ms: i64,
}

pub async fn insert_session(
    store: &Store,
    id_hash: &str,
    s: &SessionRow,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO operator_sessions (id_hash, username, tenant, csrf, created_ms, last_seen_ms) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(id_hash)
    .bind(&s.username)
    .bind(&s.tenant)
    .bind(&s.csrf)
    .bind(s.created_ms)
    .bind(s.last_seen_ms)
    .execute(store.pool())
    .await?;
    Ok(())
}

pub async fn session(store: &Store, id_hash: &str) -> Result<Option<SessionRow>, StoreError> {
    let Some(row) = sqlx::query(
        "SELECT username, tenant, csrf, created_ms, last_seen_ms FROM operator_sessions \
         WHERE id_hash = $1",
    )
    .bind(id_hash)
    .fetch_optional(store.pool())
    .await?
    else {
        return Ok(None);
    };
    Ok(Some(SessionRow {
        username: row.try_get(0)?,
        tenant: row.try_get(1)?,
        csrf: row.try_get(2)?,
        created_ms: row.try_get(3)?,
        last_seen_ms: row.try_get(4)?,
    }))
}

pub async fn touch_session(store: &Store, id_hash: &str, now_ms: i64) -> Result<(), StoreError> {
    sqlx::query("UPDATE operator_sessions SET last_seen_ms = $1 WHERE id_hash = $2")
        .bind(now_ms)
        .bind(id_hash)
        .execute(store.pool())
        .await?;
    Ok(())
}

pub async fn delete_session(store: &Store, id_hash: &str) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM operator_sessions WHERE id_hash = $1")
        .bind(id_hash)
        .execute(store.pool())
        .await?;
    Ok(())
}

/// Delete sessions idle since before `before`.
pub async fn drop_stale(store: &Store, before: i64) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM operator_sessions WHERE last_seen_ms < $1")
        .bind(before)
        .execute(store.pool())
        .await?;
    Ok(())
}
