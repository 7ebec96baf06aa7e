//! Getting into a pickup: a code requested (rate limits per address, link
//! and IP; the link's lifetime cap, after which the link is locked and the
//! sender told), a code checked (a session made, the sender told of the
//! first opening), a session looked up or ended. Part of [`Pickup`]; the
//! types it hands out (`CodeChannel`, `Opened`, `Client`) are declared in
//! `service.rs`.

use super::crypto::{self, Secret};
use super::db::{self, CodeCheck, PickupRow, PickupState};
use super::mail;
use super::service::{Client, CodeChannel, Opened};
use super::{Pickup, PickupError};
use crate::types::MailTag;
use std::net::IpAddr;

impl Pickup {
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
                let wrong = matches!(outcome, CodeCheck::Wrong { .. });
                e.detail["reason"] =
                    serde_json::json!(if wrong { "wrong" } else { "no-valid-code" });
                self.audit.record(e);
                return Err(match outcome {
                    CodeCheck::Wrong { left } => {
                        crate::metrics::METRICS.wrong_codes.inc();
                        PickupError::WrongCode { left }
                    }
                    _ => PickupError::NoCode,
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
pub(super) fn ip_key(ip: IpAddr) -> String {
    match ip {
        IpAddr::V4(v4) => format!("ip:{v4}"),
        IpAddr::V6(v6) => {
            let [a, b, c, d, ..] = v6.segments();
            format!("ip6:{a:x}:{b:x}:{c:x}:{d:x}::/64")
        }
    }
}
