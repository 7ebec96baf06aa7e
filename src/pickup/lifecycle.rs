//! The end of a pickup: revoke (CLI or the sender's signed link), lock
//! (the link's lifetime cap of codes) and expiry (the sweeper). Each
//! deletes the ciphertext, codes and sessions — crypto-shredding — is
//! audited once, and cancels the link's notification and code mails still
//! waiting in the delivery queue ([`super::Outbox::cancel`]).

use super::db::{self, PickupState};
use super::{Pickup, PickupError};
use std::sync::Arc;

impl Pickup {
    /// With several nodes on one PostgreSQL, every node must hold the same
    /// server key (`pickup.server_key_file`): a code requested on one node
    /// is hashed with it and checked on another. The first node records
    /// the key's fingerprint; a node with another key refuses to start
    /// rather than fail every code and revoke link made elsewhere. (SQLite:
    /// one node, nothing to compare.)
    pub async fn check_shared_key(&self) -> Result<(), PickupError> {
        if self.store.backend() != crate::store::Backend::Postgres {
            return Ok(());
        }
        let mine = self.key.fingerprint();
        let recorded = db::claim_key_fingerprint(&self.store, &mine).await?;
        if crate::pickup::crypto::ct_eq(&recorded, &mine) {
            return Ok(());
        }
        Err(PickupError::ServerKey {
            path: self.cfg().server_key_file.display().to_string(),
            message: "verschilt van de sleutel die de andere nodes gebruiken; kopieer het \
                      bestand van een draaiende node / differs from the key the other nodes \
                      use; copy the file from a running node"
                .into(),
        })
    }

    /// Revoke one pickup: delete ciphertext, codes and sessions.
    pub async fn revoke(&self, pickup_id: &str, actor: &str) -> Result<bool, PickupError> {
        self.close(pickup_id, PickupState::Revoked, "revoked", actor)
            .await
    }

    pub(super) async fn close(
        &self,
        pickup_id: &str,
        state: PickupState,
        kind: &str,
        actor: &str,
    ) -> Result<bool, PickupError> {
        let Some(row) = db::pickup(&self.store, pickup_id).await? else {
            return Err(PickupError::NotFound);
        };
        let changed = db::close_pickup(&self.store, pickup_id, state).await?;
        self.blobs.delete(pickup_id).await?;
        if changed {
            self.audit.record(
                self.event(&row, kind, actor)
                    .detail(serde_json::json!({ "pickup": pickup_id })),
            );
            // Its notification and code mails still queued never go out
            // (the queue audits each one it takes out).
            let n = self.outbox.cancel(pickup_id, state.as_str()).await;
            if n > 0 {
                tracing::info!(pickup = %pickup_id, cancelled = n, "pickup: queued mails for a closed link cancelled");
            }
        }
        Ok(changed)
    }

    /// Why mail for this pickup must not go out any more (`revoked`,
    /// `expired`, `locked`, `unknown`); `None` while its link is open.
    /// The delivery queue asks this before each attempt of a notification
    /// or code mail, so a revoke by another process (`sluis pickup revoke`)
    /// or before a restart is honoured too. A store error keeps the mail
    /// (logged): a closed link leads nowhere, its message is shredded.
    pub async fn closed_reason(&self, pickup_id: &str) -> Option<String> {
        match db::pickup(&self.store, pickup_id).await {
            Ok(Some(row)) if row.is_open(crate::now_ms()) => None,
            Ok(Some(row)) if row.state == PickupState::Active => Some("expired".into()),
            Ok(Some(row)) => Some(row.state.as_str().into()),
            Ok(None) => Some("unknown".into()),
            Err(e) => {
                tracing::warn!(pickup = %pickup_id, error = %e, "pickup: cannot check link state; mail kept");
                None
            }
        }
    }

    /// Revoke every pickup of a message; returns how many were revoked.
    pub async fn revoke_message(
        &self,
        message_id: &str,
        actor: &str,
    ) -> Result<usize, PickupError> {
        let mut n = 0;
        for row in db::pickups_for_message(&self.store, message_id).await? {
            if self.revoke(&row.id, actor).await? {
                n += 1;
            }
        }
        Ok(n)
    }

    /// Expire what is due (and drop idle sessions and old rate counters);
    /// returns how many pickups were expired.
    pub async fn sweep(&self, now_ms: i64) -> Result<usize, PickupError> {
        let cfg = self.cfg();
        db::drop_stale(
            &self.store,
            now_ms - (cfg.session_idle_secs as i64).saturating_mul(1000),
            now_ms - (cfg.rate_window_secs as i64).saturating_mul(1000),
        )
        .await?;
        let mut n = 0;
        loop {
            let due = db::due_for_expiry(&self.store, now_ms, 100).await?;
            if due.is_empty() {
                return Ok(n);
            }
            for row in due {
                if self
                    .close(&row.id, PickupState::Expired, "expired", "system")
                    .await?
                {
                    n += 1;
                }
            }
        }
    }

    /// Run the expiry sweeper until the process ends.
    pub async fn run_sweeper(self: Arc<Self>) {
        let every = std::time::Duration::from_secs(self.cfg().sweep_interval_secs.max(1));
        loop {
            match self.sweep(crate::now_ms()).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(expired = n, "pickup: expired parked messages"),
                Err(e) => tracing::error!(error = %e, "pickup: expiry sweep failed"),
            }
            tokio::time::sleep(every).await;
        }
    }
}
