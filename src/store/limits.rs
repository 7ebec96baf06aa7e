//! Failed SMTP AUTH attempts per client, counted in the store so every
//! node of a cluster sees the same count (table `auth_failures`, core
//! step 3). Used instead of the in-process counter (`smtp::auth`) when
//! the store is PostgreSQL: spreading password guesses over the nodes
//! behind a load balancer then gains an attacker nothing.
//!
//! Promises: an attempt is *reserved* in one statement (an upsert that
//! only counts while the client is under the limit), so parallel sessions
//! on any number of nodes never get more password checks than the limit;
//! a window starts at a client's first counted attempt and the count
//! restarts after it; rows of passed windows are pruned. Keys are the
//! caller's (an IPv4 address or an IPv6 /64), never a username.

use super::{Store, StoreError};

impl Store {
    /// Take one attempt for `key` before its password is checked: `true`
    /// when taken, `false` when the key used up `max` attempts in the
    /// window that started less than `window_ms` ago.
    pub async fn auth_failure_reserve(
        &self,
        key: &str,
        max: u32,
        window_ms: i64,
        now_ms: i64,
    ) -> Result<bool, StoreError> {
        let passed = now_ms.saturating_sub(window_ms);
        let done = sqlx::query(
            "INSERT INTO auth_failures (ckey, window_start_ms, failures) VALUES ($1, $2, 1) \
             ON CONFLICT (ckey) DO UPDATE SET \
               failures = CASE WHEN auth_failures.window_start_ms <= $3 THEN 1 \
                               ELSE auth_failures.failures + 1 END, \
               window_start_ms = CASE WHEN auth_failures.window_start_ms <= $3 THEN $2 \
                                      ELSE auth_failures.window_start_ms END \
             WHERE auth_failures.window_start_ms <= $3 OR auth_failures.failures < $4",
        )
        .bind(key)
        .bind(now_ms)
        .bind(passed)
        .bind(i64::from(max))
        .execute(self.pool())
        .await?;
        if done.rows_affected() == 1 && now_ms % 64 == 0 {
            // Now and then, not on every attempt: drop windows long passed.
            sqlx::query("DELETE FROM auth_failures WHERE window_start_ms <= $1")
                .bind(passed)
                .execute(self.pool())
                .await?;
        }
        Ok(done.rows_affected() == 1)
    }

    /// Give a reserved attempt back (right password, or never checked).
    pub async fn auth_failure_give_back(&self, key: &str) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE auth_failures SET failures = failures - 1 WHERE ckey = $1 AND failures > 0",
        )
        .bind(key)
        .execute(self.pool())
        .await?;
        Ok(())
    }

    /// Has `key` used up its `max` attempts in its current window?
    pub async fn auth_failure_blocked(
        &self,
        key: &str,
        max: u32,
        window_ms: i64,
        now_ms: i64,
    ) -> Result<bool, StoreError> {
        let row = sqlx::query(
            "SELECT ckey FROM auth_failures \
             WHERE ckey = $1 AND window_start_ms > $2 AND failures >= $3",
        )
        .bind(key)
        .bind(now_ms.saturating_sub(window_ms))
        .bind(i64::from(max))
        .fetch_optional(self.pool())
        .await?;
        Ok(row.is_some())
    }
}
