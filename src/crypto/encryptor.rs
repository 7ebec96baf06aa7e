//! The encryptor: finds a usable key for a recipient and encrypts a
//! message to it.
//!
//! Discovery order: the local key store, then DANE SMIMEA, DANE
//! OPENPGPKEY (DNSSEC secure only), then WKD. Within a source the
//! configured preference (S/MIME or OpenPGP) breaks ties. Keys found in
//! DNS or WKD are cached per address (and so is their absence, shorter);
//! validity is checked at every use, never cached. A DNSSEC-bogus answer
//! stops discovery for that recipient (fail closed: the fallback runs).
//! Every use of a key is audited as `key-used`.

use super::discover::{self, KeyLookup, Usable};
use super::{
    keystore, mime, pgp, smime, CryptoConfig, CryptoError, EncryptOptions, EncryptOutcome,
    KeySource, Method,
};
use crate::audit::{Audit, AuditEvent};
use crate::store::Store;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A recipient key of either kind.
#[derive(Clone, Debug)]
pub enum RecipientKey {
    Smime(Box<smime::SmimeCert>),
    OpenPgp(Box<pgp::PgpCert>),
}

impl RecipientKey {
    pub fn fingerprint(&self) -> &str {
        match self {
            RecipientKey::Smime(c) => &c.fingerprint,
            RecipientKey::OpenPgp(c) => &c.fingerprint,
        }
    }

    pub fn method(&self) -> Method {
        match self {
            RecipientKey::Smime(_) => Method::Smime,
            RecipientKey::OpenPgp(_) => Method::OpenPgp,
        }
    }

    /// Why the key may not be used for `address` now (`None`: usable).
    pub fn unusable(&self, address: &str, now_ms: i64) -> Option<String> {
        match self {
            RecipientKey::Smime(c) => c.unusable(address, now_ms),
            RecipientKey::OpenPgp(c) => c.unusable(address, now_ms),
        }
    }
}

/// A key and where it came from.
#[derive(Clone, Debug)]
pub struct FoundKey {
    pub key: RecipientKey,
    pub source: KeySource,
}

struct CacheEntry {
    until: Instant,
    keys: Vec<FoundKey>,
}

pub struct Encryptor {
    config: CryptoConfig,
    store: Option<Store>,
    lookup: Option<Arc<dyn KeyLookup>>,
    wkd: Option<super::wkd::WkdClient>,
    signer: Option<Arc<super::smime_sign::SmimeSigner>>,
    /// PKIX anchors for stored S/MIME certificates (`smime_trust_anchors`).
    trust: Option<super::smime_trust::SmimeTrust>,
    audit: Audit,
    cache: Mutex<HashMap<String, CacheEntry>>,
}

impl std::fmt::Debug for Encryptor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Encryptor")
            .field("config", &self.config)
            .finish_non_exhaustive()
    }
}

impl Encryptor {
    /// `store`: the local key store (None: not consulted). DANE is off
    /// until [`Encryptor::with_lookup`] gives a resolver.
    pub fn new(
        config: CryptoConfig,
        store: Option<Store>,
        audit: Audit,
    ) -> Result<Encryptor, CryptoError> {
        let wkd = if config.wkd.enabled {
            Some(
                super::wkd::WkdClient::new(config.wkd.clone())
                    .map_err(|e| CryptoError::Key(e.to_string()))?,
            )
        } else {
            None
        };
        let signer = match &config.signing {
            Some(c) => Some(Arc::new(super::smime_sign::SmimeSigner::load(c)?)),
            None => None,
        };
        let trust = match &config.smime_trust_anchors {
            Some(path) => Some(super::smime_trust::SmimeTrust::load(path)?),
            None => None,
        };
        Ok(Encryptor {
            config,
            store,
            lookup: None,
            wkd,
            signer,
            trust,
            audit,
            cache: Mutex::new(HashMap::new()),
        })
    }

    /// Use this DNSSEC-validating lookup for SMIMEA and OPENPGPKEY.
    pub fn with_lookup(mut self, lookup: Arc<dyn KeyLookup>) -> Encryptor {
        self.lookup = Some(lookup);
        self
    }

    pub fn config(&self) -> &CryptoConfig {
        &self.config
    }

    /// Options with this configuration's header-protection defaults.
    pub fn options(&self, tenant: &str, message_id: Option<String>) -> EncryptOptions {
        EncryptOptions {
            header_protection: self.config.header_protection,
            protected_subject: self.config.protected_subject.clone(),
            tenant: tenant.to_string(),
            message_id,
        }
    }

    /// Encrypt `message` for `recipient` with the first usable key found.
    pub async fn encrypt_for(
        &self,
        recipient: &str,
        message: &[u8],
        opts: &EncryptOptions,
    ) -> Result<EncryptOutcome, CryptoError> {
        if message.len() as u64 > self.config.max_message_bytes {
            return Err(CryptoError::TooLarge);
        }
        let found = match self.find_key(recipient).await? {
            Ok(found) => found,
            Err(reason) => return Ok(EncryptOutcome::NoKey { reason }),
        };
        let outcome = self
            .encrypt_with(
                found.key.clone(),
                found.source,
                message.to_vec(),
                opts.clone(),
            )
            .await?;
        if let EncryptOutcome::Encrypted {
            method,
            fingerprint,
            source,
            ..
        } = &outcome
        {
            let mut event = AuditEvent::new(&opts.tenant, "key-used", "system")
                .recipient(recipient.to_ascii_lowercase())
                .detail(serde_json::json!({
                    "fingerprint": fingerprint,
                    "source": source.as_str(),
                    "method": method.as_str(),
                }));
            if let Some(id) = &opts.message_id {
                event = event.message(id);
            }
            self.audit.record(event);
        }
        Ok(outcome)
    }

    /// Encrypt with a given key (used by `sluis encrypt --cert/--pgp-key`
    /// too). Big messages are encrypted on the blocking pool.
    pub async fn encrypt_with(
        &self,
        key: RecipientKey,
        source: KeySource,
        message: Vec<u8>,
        opts: EncryptOptions,
    ) -> Result<EncryptOutcome, CryptoError> {
        let cipher = self.config.smime_default_cipher;
        let inline = message.len() < INLINE_LIMIT;
        let signer = self.signer.clone();
        let work = move || -> Result<EncryptOutcome, CryptoError> {
            let (fields, body) = mime::split(&message)?;
            let inner = mime::inner_entity(&fields, body, opts.header_protection);
            let outer =
                mime::outer_fields(&fields, opts.header_protection, &opts.protected_subject);
            let encrypted = match &key {
                RecipientKey::Smime(c) => {
                    let inner = match &signer {
                        Some(s) => s.sign_entity(&inner)?,
                        None => inner,
                    };
                    smime::encrypt_message(c, &outer, &inner, cipher)?
                }
                RecipientKey::OpenPgp(c) => {
                    pgp::encrypt_message(c, &outer, &inner, crate::now_ms())?
                }
            };
            Ok(EncryptOutcome::Encrypted {
                message: encrypted,
                method: key.method(),
                fingerprint: key.fingerprint().to_string(),
                source,
            })
        };
        if inline {
            work()
        } else {
            tokio::task::spawn_blocking(work)
                .await
                .map_err(|e| CryptoError::Encrypt(e.to_string()))?
        }
    }

    /// The first usable key for `recipient`, or why there is none.
    pub async fn find_key(&self, recipient: &str) -> Result<Result<FoundKey, String>, CryptoError> {
        let address = recipient.trim().to_ascii_lowercase();
        let now = crate::now_ms();
        let mut reasons: Vec<String> = Vec::new();

        if let Some(store) = &self.store {
            let mut candidates = Vec::new();
            for row in keystore::for_address(store, &address).await? {
                let parsed = match row.kind {
                    keystore::KeyKind::Smime => {
                        smime::parse_cert(&row.data).map(|cert| RecipientKey::Smime(Box::new(cert)))
                    }
                    keystore::KeyKind::OpenPgp => pgp::parse_certs(&row.data).and_then(|certs| {
                        certs
                            .into_iter()
                            .next()
                            .map(|c| RecipientKey::OpenPgp(Box::new(c)))
                            .ok_or_else(|| CryptoError::Key("empty certificate".into()))
                    }),
                };
                // A damaged row is skipped, not fatal: other keys may do.
                let key = match parsed {
                    Ok(key) => key,
                    Err(e) => {
                        reasons.push(format!("store {}: {e}", row.fingerprint));
                        continue;
                    }
                };
                if let RecipientKey::Smime(cert) = &key {
                    if keystore::is_revoked(store, cert).await? {
                        reasons.push(format!("store {}: certificate revoked", row.fingerprint));
                        continue;
                    }
                }
                candidates.push(FoundKey {
                    key,
                    source: KeySource::Store,
                });
            }
            if let Some(found) = self.pick(candidates, &address, now, &mut reasons) {
                return Ok(Ok(found));
            }
        }

        let discovered = match self.cached(&address) {
            Some(keys) => keys,
            None => {
                // Lookups get the address as written (WKD's `l=` keeps the
                // case of the local part); matching is case-insensitive.
                let (keys, bogus) = self.discover(recipient.trim(), &mut reasons).await;
                if bogus {
                    return Ok(Err(join(reasons)));
                }
                self.remember(&address, keys.clone());
                keys
            }
        };
        if let Some(found) = self.pick(discovered, &address, now, &mut reasons) {
            return Ok(Ok(found));
        }
        if reasons.is_empty() {
            reasons.push("no key found".into());
        }
        Ok(Err(join(reasons)))
    }

    /// First usable candidate, preferred method first, keeping order.
    fn pick(
        &self,
        candidates: Vec<FoundKey>,
        address: &str,
        now: i64,
        reasons: &mut Vec<String>,
    ) -> Option<FoundKey> {
        let mut usable: Vec<FoundKey> = Vec::new();
        for c in candidates {
            let why_not =
                c.key
                    .unusable(address, now)
                    .or_else(|| match (&self.trust, &c.key, c.source) {
                        (Some(trust), RecipientKey::Smime(cert), KeySource::Store) => {
                            trust.check(&cert.der, now).err()
                        }
                        _ => None,
                    });
            match why_not {
                None => usable.push(c),
                Some(why) => reasons.push(format!(
                    "{} {}: {why}",
                    c.source.as_str(),
                    c.key.fingerprint()
                )),
            }
        }
        let preferred = usable
            .iter()
            .position(|c| c.key.method() == self.config.prefer)
            .unwrap_or(0);
        if usable.is_empty() {
            None
        } else {
            Some(usable.swap_remove(preferred))
        }
    }

    /// DNS then WKD; returns the candidates and whether DNS was bogus.
    async fn discover(&self, address: &str, reasons: &mut Vec<String>) -> (Vec<FoundKey>, bool) {
        let mut out = Vec::new();
        if let (Some(lookup), true) = (&self.lookup, self.config.dane) {
            match lookup.smimea(address).await {
                Ok(answer) => match discover::smimea_certs(&answer) {
                    Usable::Keys(certs) => {
                        for der in certs {
                            match smime::parse_cert(&der) {
                                Ok(c) => out.push(FoundKey {
                                    key: RecipientKey::Smime(Box::new(c)),
                                    source: KeySource::Smimea,
                                }),
                                Err(e) => reasons.push(format!("smimea: {e}")),
                            }
                        }
                    }
                    Usable::None(why) => reasons.push(why),
                    Usable::Bogus => {
                        reasons.push("SMIMEA answer DNSSEC-bogus".into());
                        return (Vec::new(), true);
                    }
                },
                Err(e) => reasons.push(format!("smimea: {e}")),
            }
            match lookup.openpgpkey(address).await {
                Ok(answer) => match discover::openpgp_keys(&answer) {
                    Usable::Keys(keys) => {
                        for data in keys {
                            match pgp::parse_certs(&data) {
                                Ok(certs) => out.extend(certs.into_iter().map(|c| FoundKey {
                                    key: RecipientKey::OpenPgp(Box::new(c)),
                                    source: KeySource::Openpgpkey,
                                })),
                                Err(e) => reasons.push(format!("openpgpkey: {e}")),
                            }
                        }
                    }
                    Usable::None(why) => reasons.push(why),
                    Usable::Bogus => {
                        reasons.push("OPENPGPKEY answer DNSSEC-bogus".into());
                        return (Vec::new(), true);
                    }
                },
                Err(e) => reasons.push(format!("openpgpkey: {e}")),
            }
        }
        if !out.is_empty() {
            return (out, false);
        }
        if let Some(wkd) = &self.wkd {
            match wkd.fetch(address).await {
                Ok(Some(data)) => match pgp::parse_certs(&data) {
                    Ok(certs) => out.extend(
                        certs
                            .into_iter()
                            .filter(|c| c.emails.iter().any(|e| e.eq_ignore_ascii_case(address)))
                            .map(|c| FoundKey {
                                key: RecipientKey::OpenPgp(Box::new(c)),
                                source: KeySource::Wkd,
                            }),
                    ),
                    Err(e) => reasons.push(format!("wkd: {e}")),
                },
                Ok(None) => reasons.push("not in WKD".into()),
                Err(e) => reasons.push(e.to_string()),
            }
        }
        (out, false)
    }

    fn cached(&self, address: &str) -> Option<Vec<FoundKey>> {
        let cache = self.cache.lock().ok()?;
        let entry = cache.get(address)?;
        (entry.until > Instant::now()).then(|| entry.keys.clone())
    }

    fn remember(&self, address: &str, keys: Vec<FoundKey>) {
        let secs = if keys.is_empty() {
            self.config.negative_cache_secs
        } else {
            self.config.cache_secs
        };
        if secs == 0 {
            return;
        }
        if let Ok(mut cache) = self.cache.lock() {
            let now = Instant::now();
            cache.retain(|_, e| e.until > now);
            cache.insert(
                address.to_string(),
                CacheEntry {
                    until: now + Duration::from_secs(secs),
                    keys,
                },
            );
        }
    }
}

/// Messages smaller than this are encrypted inline, larger ones on the
/// blocking pool.
const INLINE_LIMIT: usize = 256 * 1024;

fn join(reasons: Vec<String>) -> String {
    reasons.join("; ")
}
