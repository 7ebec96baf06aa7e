//! The pickup service: park, request and check codes, sessions, reading,
//! replies, revoke and expiry. The portal (HTTP) and the CLI are thin
//! layers over this; the store, blob store, SMS and mail out are injected.
//!
//! [`Pickup`] is one type with its methods in a file per job: this file
//! holds the service, the types it hands out and parking; `access.rs`
//! codes and sessions; `reading.rs` reading and replies; `lifecycle.rs`
//! revoke, lock and expiry.

use super::blobs::{BlobKind, Blobs};
use super::crypto::{self, Secret, ServerKey};
use super::db::{self, PickupRow, PickupState};
use super::{mail, sms::SmsSender, view, Outbox, PickupError, ReplySink};
use crate::audit::{Audit, AuditEvent};
use crate::config::{BlobStorage, Config, PickupConfig};
use crate::store::Store;
use crate::types::MessageId;
use std::net::IpAddr;
use std::sync::Arc;

/// First line of every plaintext blob; the JSON line after it binds the
/// blob to its pickup so blobs cannot be swapped between pickups.
pub(crate) const MAGIC: &[u8] = b"SLUIS-PICKUP-1\n";

/// What [`Pickup::park`] made. `Debug` hides the link (it holds the secret).
pub struct Parked {
    pub pickup_id: String,
    pub link_url: String,
    /// The RFC 5322 notification to the recipient, ready to send.
    pub notification: Vec<u8>,
    /// Confirmation with a signed revoke link, to the sender (per config).
    pub sender_confirmation: Option<Vec<u8>>,
    /// Codes go by SMS (a phone number is known), else by e-mail.
    pub by_sms: bool,
}

impl std::fmt::Debug for Parked {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Parked")
            .field("pickup_id", &self.pickup_id)
            .finish_non_exhaustive()
    }
}

/// How a code went out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CodeChannel {
    /// By SMS, to this masked number.
    Sms(String),
    Email,
}

/// An authorised session for one pickup, with the link secret unsealed.
pub struct Opened {
    pub row: PickupRow,
    pub secret: Secret,
    /// CSRF token for this session's forms.
    pub csrf: String,
}

/// Who is asking (for audit and rate limits).
#[derive(Clone, Debug)]
pub struct Client {
    pub ip: IpAddr,
    pub user_agent: String,
}

pub struct Pickup {
    pub(crate) store: Store,
    pub(crate) config: Arc<Config>,
    pub(crate) audit: Audit,
    pub(crate) blobs: Blobs,
    pub(crate) key: ServerKey,
    pub(crate) sms: Arc<dyn SmsSender>,
    pub(crate) outbox: Arc<dyn Outbox>,
    pub(crate) replies: Arc<dyn ReplySink>,
    pub(crate) dkim: super::dkim::Dkim,
}

impl Pickup {
    /// Build the service; the server key is read from (or, when missing,
    /// created at) `pickup.server_key_file` with mode 0600.
    pub fn new(
        config: Arc<Config>,
        store: Store,
        audit: Audit,
        sms: Arc<dyn SmsSender>,
        outbox: Arc<dyn Outbox>,
        replies: Arc<dyn ReplySink>,
    ) -> Result<Pickup, PickupError> {
        let key = crypto::load_or_create_key(&config.pickup.server_key_file)?;
        let postgres = store.backend() == crate::store::Backend::Postgres;
        let blobs = match config.pickup.blob_storage.resolve(postgres) {
            BlobStorage::Database => Blobs::Database {
                store: store.clone(),
                chunk_bytes: config.pickup.blob_chunk_bytes.max(1),
                files: config.pickup.blob_dir.clone(),
            },
            BlobStorage::File | BlobStorage::Auto => Blobs::Files(config.pickup.blob_dir.clone()),
        };
        let dkim = super::dkim::Dkim::load(&config.pickup, &config.tenant.name)?;
        Ok(Pickup {
            dkim,
            store,
            config,
            audit,
            blobs,
            key,
            sms,
            outbox,
            replies,
        })
    }

    /// The service with the SMS sender the configuration names.
    pub fn from_config(
        config: Arc<Config>,
        store: Store,
        audit: Audit,
        outbox: Arc<dyn Outbox>,
        replies: Arc<dyn ReplySink>,
    ) -> Result<Pickup, PickupError> {
        let sms = super::sms::from_config(&config.pickup);
        Pickup::new(config, store, audit, sms, outbox, replies)
    }

    pub fn cfg(&self) -> &PickupConfig {
        &self.config.pickup
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    pub(crate) fn event(&self, row: &PickupRow, kind: &str, actor: &str) -> AuditEvent {
        AuditEvent::new(&row.tenant, kind, actor)
            .message(&row.message_id)
            .recipient(&row.recipient)
    }

    pub(crate) fn client_event(&self, row: &PickupRow, kind: &str, client: &Client) -> AuditEvent {
        let mut ua = client.user_agent.clone();
        ua.truncate(200);
        let mut e = self.event(row, kind, "recipient").ip(client.ip);
        e.detail = serde_json::json!({ "user_agent": ua, "pickup": row.id });
        e
    }

    /// Park one message for one recipient: encrypt, store, and return the
    /// notification (and the sender's confirmation) to send.
    #[allow(clippy::too_many_arguments)]
    pub async fn park(
        &self,
        tenant: &str,
        message_id: &MessageId,
        sender: &str,
        recipient: &str,
        raw: &[u8],
        phone: Option<String>,
    ) -> Result<Parked, PickupError> {
        let cfg = self.cfg();
        if raw.len() as u64 > cfg.max_message_size {
            return Err(PickupError::TooLarge {
                size: raw.len() as u64,
                limit: cfg.max_message_size,
            });
        }
        let secret = Secret::random();
        let id = secret.id();
        let mut plain = Vec::with_capacity(raw.len() + 200);
        plain.extend_from_slice(MAGIC);
        plain.extend_from_slice(
            serde_json::json!({ "pickup": id, "message_id": message_id.0 })
                .to_string()
                .as_bytes(),
        );
        plain.push(b'\n');
        plain.extend_from_slice(raw);
        let shown = view::view(raw).unwrap_or_default();
        // The name the sender gave the recipient (To:/Cc:), for the greeting.
        let recipient_name = shown.name_of(recipient).map(str::to_string);
        let view = serde_json::json!({
            "pickup": id,
            "message_id": message_id.0,
            "view": shown,
        })
        .to_string();
        let sealer = secret.clone();
        let (cipher, view_cipher) = tokio::task::spawn_blocking(move || {
            Ok::<_, crypto::CryptoError>((sealer.seal(&plain)?, sealer.seal(view.as_bytes())?))
        })
        .await
        .map_err(|e| PickupError::Send(e.to_string()))??;
        self.blobs.put(&id, BlobKind::Message, cipher).await?;
        if let Err(e) = self.blobs.put(&id, BlobKind::View, view_cipher).await {
            let _ = self.blobs.delete(&id).await;
            return Err(e.into());
        }
        let phone = match phone {
            Some(p) => Some(p),
            None => db::contact_phone(&self.store, tenant, recipient).await?,
        };
        let now = crate::now_ms();
        let expires_ms = now + (cfg.expiry_days as i64) * 86_400_000;
        let row = PickupRow {
            id: id.clone(),
            tenant: tenant.to_string(),
            message_id: message_id.0.clone(),
            sender: sender.to_string(),
            recipient: recipient.to_string(),
            phone,
            created_ms: now,
            expires_ms,
            state: PickupState::Active,
            opened_ms: None,
            blob_in_db: self.blobs.in_db(),
        };
        if let Err(e) = db::insert_pickup(&self.store, &row).await {
            let _ = self.blobs.delete(&id).await;
            return Err(e.into());
        }
        let link_url = format!("{}/p/{}", cfg.base_url, secret.encode());
        let subject = if cfg.notify_show_subject {
            mail_parser::MessageParser::default()
                .parse_headers(raw)
                .and_then(|m| m.subject().map(str::to_string))
        } else {
            None
        };
        let notification = mail::notification(
            cfg,
            recipient,
            recipient_name.as_deref(),
            &link_url,
            expires_ms,
            row.phone.is_some(),
            subject.as_deref(),
        )
        .map_err(PickupError::Mail)?;
        let notification = self.dkim.sign(tenant, notification);
        let sender_confirmation = if cfg.sender_confirmation && !sender.is_empty() {
            Some(
                self.dkim.sign(
                    tenant,
                    mail::sender_confirmation(
                        cfg,
                        sender,
                        recipient,
                        &message_id.0,
                        &self.revoke_url(&id),
                        expires_ms,
                    )
                    .map_err(PickupError::Mail)?,
                ),
            )
        } else {
            None
        };
        self.audit
            .record(self.event(&row, "pickup-parked", "system").detail(
                serde_json::json!({ "pickup": id, "expires_ms": expires_ms, "size": raw.len() }),
            ));
        self.audit.record(
            self.event(&row, "link-sent", "system")
                .detail(serde_json::json!({ "pickup": id })),
        );
        Ok(Parked {
            pickup_id: id,
            link_url,
            notification,
            sender_confirmation,
            by_sms: row.phone.is_some(),
        })
    }

    /// The signed revoke link for a pickup.
    pub fn revoke_url(&self, pickup_id: &str) -> String {
        format!(
            "{}/r/{pickup_id}/{}",
            self.cfg().base_url,
            self.key.revoke_tag(pickup_id)
        )
    }

    pub fn verify_revoke_tag(&self, pickup_id: &str, tag: &str) -> bool {
        self.key.verify_revoke_tag(pickup_id, tag)
    }

    /// The open pickup a link secret points to.
    pub async fn by_secret(&self, secret: &Secret) -> Result<PickupRow, PickupError> {
        match db::pickup(&self.store, &secret.id()).await? {
            Some(row) if row.is_open(crate::now_ms()) => Ok(row),
            Some(row) if row.state == PickupState::Locked => Err(PickupError::Locked),
            _ => Err(PickupError::Gone),
        }
    }
}

#[cfg(test)]
#[path = "service_tests.rs"]
mod tests;
