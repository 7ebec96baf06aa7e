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

/// The DKIM results of `raw`, each published record of `dir` served.
async fn verify(raw: &[u8], dir: &Path) -> Vec<DkimResult> {
    let cache = TxtCache(Mutex::new(HashMap::new()));
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if !path.to_string_lossy().ends_with(".dns.txt") {
            continue;
        }
        let record = std::fs::read_to_string(&path).unwrap();
        let (name, rest) = record.split_once(" IN TXT ").unwrap();
        let value = rest.trim().trim_matches('"');
        let key = DomainKey::parse(value.as_bytes()).unwrap();
        cache.insert(
            name.to_string(),
            Txt::DomainKey(Arc::new(key)),
            std::time::Instant::now(),
        );
    }
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
async fn generated_rsa_2048_and_ed25519_keys_both_sign_notifications_that_verify() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = PickupConfig {
        dkim_dir: dir.path().join("dkim"),
        notify_from: "no-reply@praktijk.example".into(),
        ..PickupConfig::default()
    };
    let started = std::time::Instant::now();
    let dkim = Dkim::load(&cfg, "default").unwrap();
    eprintln!("generating both keys took {:?}", started.elapsed());
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
    let records = dir.path().join("dkim");
    // RSA-2048 first, then Ed25519, with their own selectors.
    let text = String::from_utf8_lossy(&signed);
    let sigs: Vec<&str> = text
        .split("DKIM-Signature:")
        .skip(1)
        .map(|s| s.split("\r\n").next().unwrap_or(""))
        .collect();
    assert_eq!(sigs.len(), 2, "{text}");
    assert!(text.starts_with("DKIM-Signature:"));
    assert!(sigs[0].contains("a=rsa-sha256"), "{}", sigs[0]);
    assert!(text.contains("s=sluis-rsa"), "{text}");
    let rsa_record = std::fs::read_to_string(records.join("default.rsa.dns.txt")).unwrap();
    assert!(rsa_record
        .starts_with("sluis-rsa._domainkey.praktijk.example. IN TXT \"v=DKIM1; k=rsa; p="));
    // A 2048-bit SubjectPublicKeyInfo is 294 bytes: 392 base64 characters.
    let p = rsa_record
        .split("p=")
        .nth(1)
        .unwrap()
        .trim()
        .trim_end_matches('"');
    assert_eq!(p.len(), 392, "{rsa_record}");
    assert_eq!(
        verify(&signed, &records).await,
        vec![DkimResult::Pass, DkimResult::Pass]
    );
    // A changed body fails both.
    let mut tampered = signed.clone();
    let at = tampered.windows(6).position(|w| w == b"Beste ").unwrap();
    tampered[at] = b'b';
    let results = verify(&tampered, &records).await;
    assert_eq!(results.len(), 2);
    assert!(
        results.iter().all(|r| *r != DkimResult::Pass),
        "{results:?}"
    );
    // Loading again reuses the keys; another tenant stays unsigned.
    let again = Dkim::load(&cfg, "default").unwrap();
    assert_eq!(
        verify(&again.sign("default", raw.clone()), &records).await,
        vec![DkimResult::Pass, DkimResult::Pass]
    );
    assert_eq!(again.sign("other", raw.clone()), raw);
}
