//! DKIM: sign with a generated key, verify with mail-auth's verifier
//! against the published record (served from a cache, no DNS).

use super::*;
use mail_auth::common::parse::TxtRecordParser;
use mail_auth::common::verify::DomainKey;
use mail_auth::{
    AuthenticatedMessage, DkimResult, MessageAuthenticator, Parameters, ResolverCache, Txt,
};
use std::borrow::Borrow;
use std::hash::Hash;
use std::sync::{Arc, Mutex};

struct TxtCache(Mutex<HashMap<String, Txt>>);

impl ResolverCache<String, Txt> for TxtCache {
    fn get<Q>(&self, name: &Q) -> Option<Txt>
    where
        String: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        self.0.lock().unwrap().get(name).cloned()
    }
    fn remove<Q>(&self, name: &Q) -> Option<Txt>
    where
        String: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        self.0.lock().unwrap().remove(name)
    }
    fn insert(&self, key: String, value: Txt, _: std::time::Instant) {
        self.0.lock().unwrap().insert(key, value);
    }
}

async fn verify(raw: &[u8], record_file: &Path) -> Vec<DkimResult> {
    let record = std::fs::read_to_string(record_file).unwrap();
    let (name, rest) = record.split_once(" IN TXT ").unwrap();
    let value = rest.trim().trim_matches('"');
    let key = DomainKey::parse(value.as_bytes()).unwrap();
    let cache = TxtCache(Mutex::new(HashMap::new()));
    cache.insert(
        name.to_string(),
        Txt::DomainKey(Arc::new(key)),
        std::time::Instant::now(),
    );
    let auth = MessageAuthenticator::new_system_conf()
        .or_else(|_| MessageAuthenticator::new_cloudflare())
        .unwrap();
    let msg = AuthenticatedMessage::parse(raw).unwrap();
    auth.verify_dkim(Parameters::new(&msg).with_txt_cache(&cache))
        .await
        .iter()
        .map(|o| o.result().clone())
        .collect()
}

#[tokio::test]
async fn generated_ed25519_key_signs_notifications_that_verify() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = PickupConfig {
        dkim_dir: dir.path().join("dkim"),
        notify_from: "no-reply@praktijk.example".into(),
        ..PickupConfig::default()
    };
    let dkim = Dkim::load(&cfg, "default").unwrap();
    let raw = crate::pickup::mail::notification(
        &cfg,
        "p@example.nl",
        None,
        "https://x/p/S",
        0,
        true,
        None,
    )
    .unwrap();
    let signed = dkim.sign("default", raw.clone());
    assert!(signed.starts_with(b"DKIM-Signature:"));
    let record = dir.path().join("dkim/default.dns.txt");
    assert_eq!(verify(&signed, &record).await, vec![DkimResult::Pass]);
    // A changed body fails.
    let mut tampered = signed.clone();
    let at = tampered.windows(6).position(|w| w == b"Beste ").unwrap();
    tampered[at] = b'b';
    let results = verify(&tampered, &record).await;
    assert_eq!(results.len(), 1);
    assert_ne!(results[0], DkimResult::Pass, "{results:?}");
    // Loading again reuses the key; another tenant stays unsigned.
    let again = Dkim::load(&cfg, "default").unwrap();
    assert_eq!(
        verify(&again.sign("default", raw.clone()), &record).await,
        vec![DkimResult::Pass]
    );
    assert_eq!(again.sign("other", raw.clone()), raw);
}
