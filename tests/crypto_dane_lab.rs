//! DANE key discovery against the real dane-lab (Knot serving signed
//! zones, DNSSEC validated by Sluis from the lab's DS trust anchor): the
//! lab publishes SMIMEA and OPENPGPKEY for alice@dane-ee.test; Sluis finds
//! them through `DnsKeyLookup`, and `openssl cms -decrypt` / `gpg
//! --decrypt` with the lab's private keys open what it encrypted.
//!
//! Needs root (binds 127.0.9.x). The lab lives in `$SLUIS_SHARED/dane-lab`
//! (default `<repo>/../shared`). `SLUIS_SKIP_LAB=1` skips explicitly;
//! otherwise a lab that cannot start fails the test.

mod crypto_common;
mod support;

use crypto_common::*;
use sluis::audit::Audit;
use sluis::crypto::dane_lookup::DnsKeyLookup;
use sluis::crypto::{CryptoConfig, EncryptOutcome, Encryptor, KeySource, Method};
use sluis::net::dns::{Dns, DnsOptions, TrustAnchorSource, Validation};
use std::sync::Arc;
use support::lab::{skip, up};

const NET: &str = "127.0.9";
const DNS_PORT: u16 = 10153;

#[tokio::test(flavor = "multi_thread")]
async fn smimea_and_openpgpkey_from_the_lab_are_found_and_open_with_the_real_tools() {
    if skip() {
        return;
    }
    let lab = up(NET, DNS_PORT, 10125, 10543);
    let dns = Dns::new(DnsOptions {
        upstream: Some(lab.var("LAB_AUTH_DNS").parse().expect("LAB_AUTH_DNS")),
        validation: Validation::SelfValidate(TrustAnchorSource::File(
            lab.var("LAB_TRUST_ANCHOR_DS").into(),
        )),
        ..DnsOptions::default()
    })
    .await
    .expect("resolver");
    let lookup = Arc::new(DnsKeyLookup::new(Arc::new(dns)));
    let message = sample_message("alice@dane-ee.test");
    let dir = tempfile::tempdir().unwrap();

    // S/MIME preferred: the SMIMEA certificate.
    let mut config = CryptoConfig::default();
    config.wkd.enabled = false;
    let (audit, mut events) = Audit::channel();
    let enc = Encryptor::new(config.clone(), None, audit)
        .unwrap()
        .with_lookup(lookup.clone());
    let opts = enc.options("praktijk", None);
    let outcome = enc
        .encrypt_for("alice@dane-ee.test", &message, &opts)
        .await
        .unwrap();
    let EncryptOutcome::Encrypted {
        message: out,
        method,
        source,
        ..
    } = outcome
    else {
        panic!("no DANE key found: {outcome:?}");
    };
    assert_eq!((method, source), (Method::Smime, KeySource::Smimea));
    assert_eq!(events.try_recv().unwrap().detail["source"], "smimea");
    let p7 = dir.path().join("out.eml");
    std::fs::write(&p7, &out).unwrap();
    let plain = run(
        "openssl",
        &[
            "cms",
            "-decrypt",
            "-binary",
            "-in",
            p7.to_str().unwrap(),
            "-inkey",
            &lab.var("LAB_SMIME_KEY"),
        ],
        b"",
    );
    assert_eq!(plain, expected_inner(&message, true));

    // OpenPGP preferred: the OPENPGPKEY record.
    config.prefer = Method::OpenPgp;
    let enc = Encryptor::new(config, None, Audit::disabled())
        .unwrap()
        .with_lookup(lookup);
    let outcome = enc
        .encrypt_for("alice@dane-ee.test", &message, &opts)
        .await
        .unwrap();
    let EncryptOutcome::Encrypted {
        message: out,
        method,
        source,
        ..
    } = outcome
    else {
        panic!("no OPENPGPKEY found: {outcome:?}");
    };
    assert_eq!((method, source), (Method::OpenPgp, KeySource::Openpgpkey));
    let text = String::from_utf8_lossy(&out);
    let start = text.find("-----BEGIN PGP MESSAGE-----").unwrap();
    let end = text.find("-----END PGP MESSAGE-----").unwrap() + 25;
    let home = lab.var("LAB_OPENPGP_GNUPGHOME");
    let dec = run_status(
        "gpg",
        &["--homedir", &home, "--batch", "--decrypt"],
        text[start..end].as_bytes(),
    );
    assert!(
        dec.status.success(),
        "{}",
        String::from_utf8_lossy(&dec.stderr)
    );
    assert_eq!(dec.stdout, expected_inner(&message, true));

    // Someone the lab publishes nothing for: no key (proven absence).
    match enc
        .encrypt_for("bob@dane-ee.test", &message, &opts)
        .await
        .unwrap()
    {
        EncryptOutcome::NoKey { .. } => {}
        other => panic!("key invented for bob: {other:?}"),
    }
}
