//! The key store and `sluis keys`: import (S/MIME, OpenPGP, CRL), list,
//! remove; `Encryptor::encrypt_for` finds stored keys, audits each use,
//! refuses revoked ones (CRL for X.509, a merged revocation for OpenPGP),
//! and the real tools decrypt what it made.

mod crypto_common;

use crypto_common::*;
use sluis::audit::Audit;
use sluis::crypto::cli::{encrypt_bytes, run_keys_to, EncryptArgs, KeysCommand};
use sluis::crypto::{CryptoConfig, EncryptOutcome, Encryptor, KeySource, Method};

fn offline() -> CryptoConfig {
    let mut config = CryptoConfig::default();
    config.wkd.enabled = false;
    config
}

async fn keys(store: &sluis::store::Store, cmd: KeysCommand) -> (i32, String) {
    let mut out = Vec::new();
    let code = run_keys_to(store, cmd, &mut out).await.unwrap();
    (code, String::from_utf8(out).unwrap())
}

#[tokio::test]
async fn stored_keys_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let store = memory_store(dir.path()).await;
    story(&store, dir.path()).await;
}

/// The same story on PostgreSQL (`SLUIS_TEST_POSTGRES`, default
/// `postgres://postgres@127.0.0.1:5432/test`; `skip` skips), in a private
/// schema per run.
#[tokio::test]
async fn stored_keys_on_postgres() {
    let url = std::env::var("SLUIS_TEST_POSTGRES")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".into());
    if url == "skip" {
        eprintln!("PostgreSQL key store skipped by SLUIS_TEST_POSTGRES=skip");
        return;
    }
    let schema = format!("sluis_keys_{:x}", rand::random::<u32>());
    sqlx::any::install_default_drivers();
    let admin = sqlx::AnyPool::connect(&url)
        .await
        .expect("PostgreSQL reachable");
    sqlx::query(&format!("CREATE SCHEMA {schema}"))
        .execute(&admin)
        .await
        .unwrap();
    let sep = if url.contains('?') { '&' } else { '?' };
    let scoped = format!("{url}{sep}options=-c%20search_path%3D{schema}");
    let store = sluis::server::open_store(&scoped, 2).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    story(&store, dir.path()).await;
    sqlx::query(&format!("DROP SCHEMA {schema} CASCADE"))
        .execute(&admin)
        .await
        .unwrap();
}

async fn story(store: &sluis::store::Store, dir: &std::path::Path) {
    let store = store.clone();
    let (key, key_pem) = rsa_key(dir, "bob");
    let ca = ca();
    let cert = dir.join("bob.crt");
    std::fs::write(
        &cert,
        smime_cert(&key_pem, &CertSpec::valid("Bob@Zorg.test"), &ca),
    )
    .unwrap();

    // --for an address the certificate does not name is refused.
    let mut out = Vec::new();
    let wrong = run_keys_to(
        &store,
        KeysCommand::Import {
            file: cert.clone(),
            for_address: Some("eve@zorg.test".into()),
            json: false,
        },
        &mut out,
    )
    .await;
    assert!(wrong.is_err());

    let (code, text) = keys(
        &store,
        KeysCommand::Import {
            file: cert.clone(),
            for_address: None,
            json: false,
        },
    )
    .await;
    assert_eq!(code, 0);
    assert!(
        text.contains("smime") && text.contains("bob@zorg.test"),
        "{text}"
    );
    let (_, listing) = keys(&store, KeysCommand::List { json: false }).await;
    assert!(listing.contains("bob@zorg.test"), "{listing}");
    // The same import with --json: one object on one line (importing it
    // again replaces the row, so the store still holds one key).
    let (code, text) = keys(
        &store,
        KeysCommand::Import {
            file: cert.clone(),
            for_address: None,
            json: true,
        },
    )
    .await;
    assert_eq!(code, 0);
    assert_eq!(text.lines().count(), 1, "{text}");
    let imported: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(imported["revocations"], 0, "{text}");
    let imported_keys = imported["keys"].as_array().unwrap();
    assert_eq!(imported_keys.len(), 1, "{text}");
    assert_eq!(imported_keys[0]["kind"], "smime", "{text}");
    assert_eq!(imported_keys[0]["address"], "bob@zorg.test", "{text}");
    assert!(imported_keys[0]["not_after_ms"].is_i64(), "{text}");
    assert!(imported_keys[0].get("data").is_none(), "{text}");
    let stored = sluis::crypto::keystore::list(&store).await.unwrap();
    assert_eq!(stored.len(), 1);
    assert_eq!(
        imported_keys[0]["fingerprint"],
        stored[0].fingerprint.as_str()
    );

    // encrypt_for finds it, and the use is audited.
    let (audit, mut events) = Audit::channel();
    let encryptor = Encryptor::new(offline(), Some(store.clone()), audit).unwrap();
    let message = sample_message("bob@zorg.test");
    let mut opts = encryptor.options("praktijk", Some("0123456789abcdef".into()));
    opts.header_protection = true;
    let outcome = encryptor
        .encrypt_for("BOB@zorg.test", &message, &opts)
        .await
        .unwrap();
    let EncryptOutcome::Encrypted {
        message: encrypted,
        method,
        fingerprint,
        source,
    } = outcome
    else {
        panic!("not encrypted: {outcome:?}");
    };
    assert_eq!((method, source), (Method::Smime, KeySource::Store));
    let event = events.try_recv().unwrap();
    assert_eq!(event.kind, "key-used");
    assert_eq!(event.recipient.as_deref(), Some("bob@zorg.test"));
    assert_eq!(event.message_id.as_deref(), Some("0123456789abcdef"));
    assert_eq!(event.detail["fingerprint"], fingerprint.as_str());
    assert_eq!(event.detail["source"], "store");
    let p7 = dir.join("out.eml");
    std::fs::write(&p7, &encrypted).unwrap();
    let plain = run(
        "openssl",
        &[
            "cms",
            "-decrypt",
            "-binary",
            "-in",
            p7.to_str().unwrap(),
            "-inkey",
            key.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(plain, expected_inner(&message, true));

    // A CRL revoking the certificate: no key any more.
    let crl_file = dir.join("ca.crl");
    std::fs::write(&crl_file, crl(&ca, 4242)).unwrap();
    let (code, text) = keys(
        &store,
        KeysCommand::Import {
            file: crl_file,
            for_address: None,
            json: false,
        },
    )
    .await;
    assert_eq!(code, 0);
    assert!(text.starts_with("1 "), "{text}");
    match encryptor
        .encrypt_for("bob@zorg.test", &message, &opts)
        .await
        .unwrap()
    {
        EncryptOutcome::NoKey { reason } => assert!(reason.contains("revoked"), "{reason}"),
        other => panic!("revoked certificate used: {other:?}"),
    }

    // An OpenPGP key for the same address is used instead.
    let gpg = Gpg::new();
    gpg.gen("Bob <bob@zorg.test>", "future-default", "2y", &[]);
    let pgp_file = dir.join("bob.asc");
    std::fs::write(
        &pgp_file,
        gpg.ok(&["--armor", "--export", "bob@zorg.test"], b""),
    )
    .unwrap();
    let (code, text) = keys(
        &store,
        KeysCommand::Import {
            file: pgp_file.clone(),
            for_address: Some("bob@zorg.test".into()),
            json: false,
        },
    )
    .await;
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("openpgp"), "{text}");
    let args = EncryptArgs {
        cert: None,
        pgp_key: None,
        to: Some("bob@zorg.test".into()),
        no_header_protection: false,
    };
    let (code, out, diag) = encrypt_bytes(Some(&store), &offline(), &args, &message)
        .await
        .unwrap();
    assert_eq!(code, 0, "{diag}");
    assert!(diag.contains("openpgp") && diag.contains("store"), "{diag}");
    let dec = gpg.decrypt_pgp_mime(&out);
    assert_eq!(dec.stdout, expected_inner(&message, true));
    let trail = store.audit_for_recipient("bob@zorg.test").await.unwrap();
    assert!(
        trail
            .iter()
            .any(|e| e.kind == "key-used" && e.detail["method"] == "openpgp"),
        "{trail:?}"
    );

    // Re-importing the revoked certificate merges the revocation.
    gpg.revoke("bob@zorg.test");
    std::fs::write(&pgp_file, gpg.export("bob@zorg.test")).unwrap();
    keys(
        &store,
        KeysCommand::Import {
            file: pgp_file,
            for_address: None,
            json: false,
        },
    )
    .await;
    let (code, _, diag) = encrypt_bytes(Some(&store), &offline(), &args, &message)
        .await
        .unwrap();
    assert_eq!(code, 2, "{diag}");
    assert!(diag.contains("revoked"), "{diag}");

    // Remove both keys: the first with --json, the second without.
    let all = sluis::crypto::keystore::list(&store).await.unwrap();
    assert_eq!(all.len(), 2);
    for (i, k) in all.iter().enumerate() {
        let json = i == 0;
        let (code, text) = keys(
            &store,
            KeysCommand::Remove {
                fingerprint: k.fingerprint.to_lowercase(),
                json,
            },
        )
        .await;
        assert_eq!(code, 0, "{text}");
        if json {
            assert_eq!(text.lines().count(), 1, "{text}");
            let removed: serde_json::Value = serde_json::from_str(&text).unwrap();
            assert_eq!(removed["removed"], true, "{text}");
            assert_eq!(removed["addresses"], 1, "{text}");
            assert_eq!(
                removed["fingerprint"],
                k.fingerprint.to_lowercase().as_str()
            );
        } else {
            assert!(text.contains("verwijderd / removed"), "{text}");
        }
    }
    let (code, _) = keys(
        &store,
        KeysCommand::Remove {
            fingerprint: "ABCDEF".into(),
            json: false,
        },
    )
    .await;
    assert_eq!(code, 1);
    let (code, text) = keys(
        &store,
        KeysCommand::Remove {
            fingerprint: "ABCDEF".into(),
            json: true,
        },
    )
    .await;
    assert_eq!(code, 1, "{text}");
    let missing: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(missing["removed"], false, "{text}");
    assert_eq!(missing["addresses"], 0, "{text}");
    assert!(sluis::crypto::keystore::list(&store)
        .await
        .unwrap()
        .is_empty());
    match encryptor
        .encrypt_for("bob@zorg.test", &message, &opts)
        .await
        .unwrap()
    {
        EncryptOutcome::NoKey { .. } => {}
        other => panic!("removed key used: {other:?}"),
    }
}

/// With `smime_trust_anchors`, a stored certificate is used only when it
/// chains to one of the configured CAs; without it, the import is the trust.
#[tokio::test]
async fn stored_certificates_must_chain_to_the_configured_anchors() {
    let dir = tempfile::tempdir().unwrap();
    let store = memory_store(dir.path()).await;
    let (_, key_pem) = rsa_key(dir.path(), "bob");
    let issuer = ca();
    let cert = dir.path().join("bob.crt");
    std::fs::write(
        &cert,
        smime_cert(&key_pem, &CertSpec::valid("bob@zorg.test"), &issuer),
    )
    .unwrap();
    let (code, _) = keys(
        &store,
        KeysCommand::Import {
            file: cert,
            for_address: None,
            json: false,
        },
    )
    .await;
    assert_eq!(code, 0);
    let right = dir.path().join("right.pem");
    std::fs::write(&right, issuer.cert.pem()).unwrap();
    let wrong = dir.path().join("wrong.pem");
    std::fs::write(&wrong, ca().cert.pem()).unwrap();

    let outcome = |anchors: std::path::PathBuf| {
        let store = store.clone();
        async move {
            let mut config = offline();
            config.smime_trust_anchors = Some(anchors);
            let encryptor = Encryptor::new(config, Some(store), Audit::disabled()).unwrap();
            let opts = encryptor.options("praktijk", None);
            encryptor
                .encrypt_for("bob@zorg.test", &sample_message("bob@zorg.test"), &opts)
                .await
                .unwrap()
        }
    };
    assert!(matches!(
        outcome(right).await,
        EncryptOutcome::Encrypted {
            source: KeySource::Store,
            ..
        }
    ));
    match outcome(wrong).await {
        EncryptOutcome::NoKey { reason } => {
            assert!(reason.contains("trusted S/MIME anchor"), "{reason}")
        }
        other => panic!("used a certificate outside the anchors: {other:?}"),
    }

    // An anchors file without certificates stops start-up instead of
    // silently sending everything to the fallback.
    let empty = dir.path().join("empty.pem");
    std::fs::write(&empty, "nothing here\n").unwrap();
    let mut config = offline();
    config.smime_trust_anchors = Some(empty);
    let err = Encryptor::new(config, None, Audit::disabled()).unwrap_err();
    assert!(err.to_string().contains("no certificates"), "{err}");
}
