//! S/MIME round trips through the real `openssl cms -decrypt`: an 8-bit,
//! non-ASCII message with a binary attachment, EnvelopedData (AES-256-CBC)
//! and AuthEnvelopedData (AES-256-GCM), RSA key transport and P-256 ECDH
//! key agreement; expired, revoked (CRL), wrongly
//! addressed and key-usage-less certificates are refused.

mod crypto_common;

use crypto_common::*;
use sluis::crypto::cli::encrypt_bytes;
use sluis::crypto::{CryptoConfig, SmimeCipher};
use std::path::Path;

fn openssl_decrypt(dir: &Path, encrypted: &[u8], cert: &Path, key: &Path) -> Vec<u8> {
    let input = dir.join("in.eml");
    std::fs::write(&input, encrypted).unwrap();
    run(
        "openssl",
        &[
            "cms",
            "-decrypt",
            "-binary",
            "-in",
            input.to_str().unwrap(),
            "-recip",
            cert.to_str().unwrap(),
            "-inkey",
            key.to_str().unwrap(),
        ],
        b"",
    )
}

struct Bob {
    dir: tempfile::TempDir,
    key: std::path::PathBuf,
    key_pem: String,
    cert: std::path::PathBuf,
    ca: Ca,
}

fn bob() -> Bob {
    let dir = tempfile::tempdir().unwrap();
    let (key, key_pem) = rsa_key(dir.path(), "bob");
    let ca = ca();
    let cert_pem = smime_cert(&key_pem, &CertSpec::valid("bob@zorg.test"), &ca);
    let cert = dir.path().join("bob.crt");
    std::fs::write(&cert, cert_pem).unwrap();
    Bob {
        dir,
        key,
        key_pem,
        cert,
        ca,
    }
}

#[tokio::test]
async fn enveloped_data_cbc_round_trips_through_openssl() {
    let b = bob();
    let message = sample_message("Bob <bob@zorg.test>");
    let out = encrypt_ok(&CryptoConfig::default(), &b.cert, &message).await;
    let headers = headers_of(&out);
    assert!(headers.contains("smime-type=enveloped-data"), "{headers}");
    assert!(headers.contains("Subject: Beveiligd bericht / Secure message"));
    assert!(headers.contains("Message-ID: <uitslag-1@praktijk.test>"));
    assert!(!headers.contains("Uitslag") && !headers.contains("Received"));
    // Nothing of the content leaks into the encrypted message.
    assert!(!out.windows(9).any(|w| w == b"Hemoglobi"));
    let decrypted = openssl_decrypt(b.dir.path(), &out, &b.cert, &b.key);
    assert_eq!(decrypted, expected_inner(&message, true));
    check_inner_parses(&decrypted);
    let text = String::from_utf8_lossy(&decrypted);
    assert!(text.contains("Subject: =?utf-8?q?Uitslag"));
    assert!(text.contains("Content-Type: multipart/mixed"));
    // The ASN.1 says AES-256-CBC and PKCS#1 v1.5.
    let p7 = b.dir.path().join("in.eml");
    let dump = run(
        "openssl",
        &["cms", "-cmsout", "-print", "-in", p7.to_str().unwrap()],
        b"",
    );
    let dump = String::from_utf8_lossy(&dump);
    assert!(dump.contains("aes-256-cbc"), "{dump}");
    assert!(dump.contains("rsaEncryption"), "{dump}");
}

#[tokio::test]
async fn auth_enveloped_data_gcm_round_trips_and_header_protection_can_be_off() {
    let b = bob();
    let message = sample_message("bob@zorg.test");
    let config = CryptoConfig {
        smime_default_cipher: SmimeCipher::Gcm,
        ..CryptoConfig::default()
    };
    let mut args = args_cert(&b.cert, Some("bob@zorg.test"));
    args.no_header_protection = true;
    let (code, out, diag) = encrypt_bytes(None, &config, &args, &message).await.unwrap();
    assert_eq!(code, 0, "{diag}");
    let headers = headers_of(&out);
    assert!(
        headers.contains("smime-type=authEnveloped-data"),
        "{headers}"
    );
    assert!(headers.contains("Subject: =?utf-8?q?Uitslag"));
    let decrypted = openssl_decrypt(b.dir.path(), &out, &b.cert, &b.key);
    assert_eq!(decrypted, expected_inner(&message, false));
    // A flipped ciphertext byte must make GCM decryption fail.
    let mut der = pkcs7_der(&out);
    let n = der.len();
    der[n - 40] ^= 1;
    let bad = b.dir.path().join("bad.p7m");
    std::fs::write(&bad, &der).unwrap();
    let res = run_status(
        "openssl",
        &[
            "cms",
            "-decrypt",
            "-inform",
            "DER",
            "-in",
            bad.to_str().unwrap(),
            "-recip",
            b.cert.to_str().unwrap(),
            "-inkey",
            b.key.to_str().unwrap(),
        ],
        b"",
    );
    assert!(!res.status.success(), "tampered GCM ciphertext decrypted");
}

#[tokio::test]
async fn expired_wrong_address_and_no_key_encipherment_are_refused() {
    let b = bob();
    let message = sample_message("bob@zorg.test");
    let config = CryptoConfig::default();
    let mut spec = CertSpec::valid("bob@zorg.test");
    spec.not_before = (2019, 1, 1);
    spec.not_after = (2021, 1, 1);
    let expired = b.dir.path().join("expired.crt");
    std::fs::write(&expired, smime_cert(&b.key_pem, &spec, &b.ca)).unwrap();
    let (code, out, diag) = encrypt_bytes(None, &config, &args_cert(&expired, None), &message)
        .await
        .unwrap();
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(diag.contains("expired"), "{diag}");

    let (code, _, diag) = encrypt_bytes(
        None,
        &config,
        &args_cert(&b.cert, Some("eve@elders.test")),
        &message,
    )
    .await
    .unwrap();
    assert_eq!(code, 2);
    assert!(diag.contains("address"), "{diag}");

    let mut spec = CertSpec::valid("bob@zorg.test");
    spec.key_encipherment = false;
    let sign_only = b.dir.path().join("sign.crt");
    std::fs::write(&sign_only, smime_cert(&b.key_pem, &spec, &b.ca)).unwrap();
    let (code, _, diag) = encrypt_bytes(None, &config, &args_cert(&sign_only, None), &message)
        .await
        .unwrap();
    assert_eq!(code, 2);
    assert!(diag.contains("key encipherment"), "{diag}");
}

#[tokio::test]
async fn ecdh_p256_key_agreement_round_trips_through_openssl() {
    let dir = tempfile::tempdir().unwrap();
    let key = rcgen::KeyPair::generate().unwrap();
    let key_file = dir.path().join("ec.key");
    std::fs::write(&key_file, key.serialize_pem()).unwrap();
    let cert = dir.path().join("ec.crt");
    std::fs::write(
        &cert,
        smime_cert(
            &key.serialize_pem(),
            &CertSpec::valid("ec@zorg.test"),
            &ca(),
        ),
    )
    .unwrap();
    let message = sample_message("ec@zorg.test");
    for cipher in [SmimeCipher::Cbc, SmimeCipher::Gcm] {
        let config = CryptoConfig {
            smime_default_cipher: cipher,
            ..CryptoConfig::default()
        };
        let out = encrypt_ok(&config, &cert, &message).await;
        let decrypted = openssl_decrypt(dir.path(), &out, &cert, &key_file);
        assert_eq!(decrypted, expected_inner(&message, true), "{cipher:?}");
        let p7 = dir.path().join("in.eml");
        let dump = run(
            "openssl",
            &["cms", "-cmsout", "-print", "-in", p7.to_str().unwrap()],
            b"",
        );
        let dump = String::from_utf8_lossy(&dump);
        assert!(
            dump.contains("dhSinglePass-stdDH-sha256kdf-scheme"),
            "{dump}"
        );
    }
}

#[tokio::test]
async fn rsaes_oaep_certificate_gets_oaep_sha256_that_openssl_decrypts() {
    use der::{Decode, Encode};
    let b = bob();
    // The same key, announced as an RSAES-OAEP key (RFC 4055) in the SPKI.
    let pem = std::fs::read_to_string(&b.cert).unwrap();
    let der = rustls_pemfile::certs(&mut pem.as_bytes())
        .next()
        .unwrap()
        .unwrap();
    let mut cert = x509_cert::Certificate::from_der(der.as_ref()).unwrap();
    cert.tbs_certificate.subject_public_key_info.algorithm = spki::AlgorithmIdentifierOwned {
        oid: const_oid::ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.7"),
        parameters: None,
    };
    let oaep_cert = b.dir.path().join("oaep.der");
    std::fs::write(&oaep_cert, cert.to_der().unwrap()).unwrap();
    let message = sample_message("bob@zorg.test");
    let out = encrypt_ok(&CryptoConfig::default(), &oaep_cert, &message).await;
    let input = b.dir.path().join("in.eml");
    std::fs::write(&input, &out).unwrap();
    let plain = run(
        "openssl",
        &[
            "cms",
            "-decrypt",
            "-binary",
            "-in",
            input.to_str().unwrap(),
            "-inkey",
            b.key.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(plain, expected_inner(&message, true));
    let dump = run(
        "openssl",
        &["cms", "-cmsout", "-print", "-in", input.to_str().unwrap()],
        b"",
    );
    let dump = String::from_utf8_lossy(&dump);
    assert!(dump.contains("rsaesOaep"), "{dump}");
    assert!(dump.contains("sha256"), "{dump}");
}

#[tokio::test]
async fn signed_with_the_practice_certificate_then_encrypted_verifies_with_openssl() {
    let b = bob();
    let ca_file = b.dir.path().join("ca.pem");
    std::fs::write(&ca_file, b.ca.cert.pem()).unwrap();
    let config = practice_signing(b.dir.path(), &b.ca);
    let message = sample_message("bob@zorg.test");
    let out = encrypt_ok(&config, &b.cert, &message).await;
    let signed = openssl_decrypt(b.dir.path(), &out, &b.cert, &b.key);
    assert!(signed
        .starts_with(b"Content-Type: multipart/signed; protocol=\"application/pkcs7-signature\""));
    let signed_file = b.dir.path().join("signed.eml");
    std::fs::write(&signed_file, &signed).unwrap();
    // openssl reads a multipart/signed in text mode (with -binary it
    // mis-splits the parts); the entity is CRLF already, so nothing changes.
    let verified = run(
        "openssl",
        &[
            "cms",
            "-verify",
            "-in",
            signed_file.to_str().unwrap(),
            "-CAfile",
            ca_file.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(verified, expected_inner(&message, true));
    // One changed byte in the signed entity: verification fails.
    let text = String::from_utf8_lossy(&signed).replace("Hemoglobine", "Hemoglobina");
    std::fs::write(&signed_file, text.as_bytes()).unwrap();
    let res = run_status(
        "openssl",
        &[
            "cms",
            "-verify",
            "-in",
            signed_file.to_str().unwrap(),
            "-CAfile",
            ca_file.to_str().unwrap(),
        ],
        b"",
    );
    assert!(!res.status.success(), "tampered signed entity verified");
}
