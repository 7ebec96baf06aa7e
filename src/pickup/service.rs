//! The pickup service: park, request and check codes, sessions, reading,
//! replies, revoke and expiry. The portal (HTTP) and the CLI are thin
//! layers over this; the store, blob store, SMS and mail out are injected.

use super::blobs::{BlobKind, Blobs};
use super::crypto::{self, Secret, ServerKey};
use super::db::{self, CodeCheck, PickupRow, PickupState};
use super::{mail, sms::SmsSender, view, Outbox, PickupError, ReplySink};
use crate::audit::{Audit, AuditEvent};
use crate::config::{BlobStorage, Config, PickupConfig};
use crate::store::Store;
use crate::types::{MailTag, MessageId};
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
        let blobs = match config.pickup.blob_storage {
            BlobStorage::File => Blobs::Files(config.pickup.blob_dir.clone()),
            BlobStorage::Database => Blobs::Database(store.clone()),
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
        let view = serde_json::json!({
            "pickup": id,
            "message_id": message_id.0,
            "view": view::view(raw).unwrap_or_default(),
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

    /// The link had its lifetime cap of codes: close it (ciphertext, codes
    /// and sessions deleted, audited as `pickup-locked`) and tell the sender
    /// once, so a guesser gets no further and the sender can send the
    /// message another way.
    async fn lock_link(&self, row: &PickupRow) -> Result<(), PickupError> {
        let cap = self.cfg().max_codes_per_link_lifetime;
        if !self
            .close(&row.id, PickupState::Locked, "pickup-locked", "system")
            .await?
        {
            return Ok(());
        }
        tracing::warn!(pickup = %row.id, cap, "pickup link locked: lifetime cap of codes reached");
        if row.sender.is_empty() {
            return Ok(());
        }
        let raw = mail::link_locked(
            self.cfg(),
            &row.sender,
            &row.recipient,
            &row.message_id,
            cap,
        )
        .map_err(PickupError::Mail)?;
        let raw = self.dkim.sign(&row.tenant, raw);
        if let Err(e) = self.outbox.send(&row.tenant, &row.sender, raw).await {
            tracing::warn!(pickup = %row.id, error = %e, "cannot tell the sender about the locked link");
        }
        Ok(())
    }

    async fn limit(&self, key: &str, max: u32) -> Result<(), PickupError> {
        let window = (self.cfg().rate_window_secs as i64).saturating_mul(1000);
        let hits = db::rate_hit(&self.store, key, window, crate::now_ms()).await?;
        if hits > i64::from(max) {
            Err(PickupError::RateLimited)
        } else {
            Ok(())
        }
    }

    /// Make and send a new code for the pickup behind `secret`.
    pub async fn request_code(
        &self,
        secret: &Secret,
        client: &Client,
    ) -> Result<CodeChannel, PickupError> {
        let row = self.by_secret(secret).await?;
        let cfg = self.cfg();
        self.limit(&ip_key(client.ip), cfg.max_requests_per_ip)
            .await?;
        self.limit(&format!("link:{}", row.id), cfg.max_codes_per_link)
            .await?;
        self.limit(
            &format!("addr:{}:{}", row.tenant, row.recipient.to_ascii_lowercase()),
            cfg.max_codes_per_address,
        )
        .await?;
        let code = crypto::random_code(cfg.code_digits);
        let now = crate::now_ms();
        let ttl_ms = (cfg.code_ttl_secs as i64).saturating_mul(1000);
        let issued = db::issue_code(
            &self.store,
            &row.id,
            &self.key.code_hash(&row.id, &code),
            now,
            now + ttl_ms,
            cfg.max_codes_per_link_lifetime,
        )
        .await?;
        if issued == db::Issued::CapReached {
            self.lock_link(&row).await?;
            return Err(PickupError::Locked);
        }
        let minutes = cfg.code_ttl_secs.div_ceil(60);
        let channel = match &row.phone {
            Some(phone) => {
                self.sms
                    .send(phone, &mail::code_sms(cfg, &code, minutes))
                    .await
                    .inspect_err(|_| crate::metrics::METRICS.sms_failures.inc())
                    .map_err(|e| PickupError::Send(e.to_string()))?;
                CodeChannel::Sms(crypto::mask_phone(phone))
            }
            None => {
                let raw = mail::code_mail(cfg, &row.recipient, &code, minutes)
                    .map_err(PickupError::Mail)?;
                let raw = self.dkim.sign(&row.tenant, raw);
                let tag = MailTag::PickupCode {
                    pickup: row.id.clone(),
                };
                let sent = self
                    .outbox
                    .send_tagged(&row.tenant, &row.recipient, raw, tag);
                sent.await.map_err(PickupError::Send)?;
                CodeChannel::Email
            }
        };
        let mut e = self.client_event(&row, "code-sent", client);
        e.detail["channel"] = match &channel {
            CodeChannel::Sms(masked) => serde_json::json!({ "sms": masked }),
            CodeChannel::Email => serde_json::json!("email"),
        };
        self.audit.record(e);
        Ok(channel)
    }

    /// Check a code; on success start a session and return its token.
    pub async fn verify_code(
        &self,
        secret: &Secret,
        code: &str,
        client: &Client,
    ) -> Result<(Secret, String), PickupError> {
        let row = self.by_secret(secret).await?;
        let cfg = self.cfg();
        self.limit(&ip_key(client.ip), cfg.max_requests_per_ip)
            .await?;
        let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
        let hash = self.key.code_hash(&row.id, &code);
        let now = crate::now_ms();
        match db::check_code(&self.store, &row.id, &hash, cfg.code_max_attempts, now).await? {
            CodeCheck::Ok => {}
            outcome => {
                let mut e = self.client_event(&row, "code-failed", client);
                e.detail["reason"] = serde_json::json!(if outcome == CodeCheck::Wrong {
                    "wrong"
                } else {
                    "no-valid-code"
                });
                self.audit.record(e);
                return Err(if outcome == CodeCheck::Wrong {
                    crate::metrics::METRICS.wrong_codes.inc();
                    PickupError::WrongCode
                } else {
                    PickupError::NoCode
                });
            }
        }
        let token = Secret::random();
        let wrapped = token.seal(secret.as_bytes())?;
        db::insert_session(
            &self.store,
            &crypto::session_hash(&token),
            &row.id,
            &wrapped,
            now,
        )
        .await?;
        self.audit.record(self.client_event(&row, "opened", client));
        crate::metrics::METRICS.portal_logins.inc();
        if db::mark_opened(&self.store, &row.id, now).await? && cfg.notify_sender_on_open {
            self.notify_opened(&row, now).await;
        }
        Ok((token, row.id))
    }

    async fn notify_opened(&self, row: &PickupRow, now: i64) {
        if row.sender.is_empty() {
            return;
        }
        match mail::opened_notice(
            self.cfg(),
            &row.sender,
            &row.recipient,
            &row.message_id,
            now,
        ) {
            Ok(raw) => {
                let raw = self.dkim.sign(&row.tenant, raw);
                if let Err(e) = self.outbox.send(&row.tenant, &row.sender, raw).await {
                    tracing::warn!(pickup = %row.id, error = %e, "cannot send opened notice");
                }
            }
            Err(e) => tracing::warn!(error = %e, "cannot build opened notice"),
        }
    }

    /// Authorise a session token for the pickup named in the URL.
    pub async fn session(&self, token: &Secret, pickup_id: &str) -> Result<Opened, PickupError> {
        let hash = crypto::session_hash(token);
        let Some(s) = db::session(&self.store, &hash).await? else {
            return Err(PickupError::NoSession);
        };
        if !crypto::ct_eq(&s.pickup_id, pickup_id) {
            return Err(PickupError::Forbidden);
        }
        let cfg = self.cfg();
        let now = crate::now_ms();
        let idle_ms = (cfg.session_idle_secs as i64).saturating_mul(1000);
        let max_ms = (cfg.session_max_secs as i64).saturating_mul(1000);
        if now - s.last_seen_ms > idle_ms || now - s.created_ms > max_ms {
            db::delete_session(&self.store, &hash).await?;
            return Err(PickupError::NoSession);
        }
        let row = match db::pickup(&self.store, pickup_id).await? {
            Some(row) if row.is_open(now) => row,
            _ => return Err(PickupError::Gone),
        };
        let bytes: [u8; 32] = token
            .open(&s.wrapped)?
            .try_into()
            .map_err(|_| PickupError::NoSession)?;
        // Write the idle clock at most every 15 s: fewer writes under load.
        if now - s.last_seen_ms > 15_000 {
            db::touch_session(&self.store, &hash, now).await?;
        }
        Ok(Opened {
            row,
            secret: Secret::from_bytes(bytes),
            csrf: token.tag("csrf"),
        })
    }

    pub async fn logout(&self, token: &Secret) -> Result<(), PickupError> {
        Ok(db::delete_session(&self.store, &crypto::session_hash(token)).await?)
    }
}

/// Rate-limit key of a client: the address, or its /64 for IPv6 (one
/// host usually holds a whole /64).
fn ip_key(ip: IpAddr) -> String {
    match ip {
        IpAddr::V4(v4) => format!("ip:{v4}"),
        IpAddr::V6(v6) => {
            let [a, b, c, d, ..] = v6.segments();
            format!("ip6:{a:x}:{b:x}:{c:x}:{d:x}::/64")
        }
    }
}

#[cfg(test)]
#[path = "service_tests.rs"]
mod tests;
