//! OpenPGP round trips through the real `gpg --decrypt` (temporary
//! GNUPGHOME): PGP/MIME of an 8-bit, non-ASCII message with an
//! attachment, for Curve25519 and RSA keys; expired and revoked keys (made
//! by gpg itself, with faked time / its revocation certificate) are
//! refused.

mod crypto_common;

use crypto_common::*;
use sluis::crypto::cli::{encrypt_bytes, EncryptArgs};
use sluis::crypto::CryptoConfig;

fn args_key(path: &std::path::Path, to: Option<&str>) -> EncryptArgs {
    EncryptArgs {
        cert: None,
        pgp_key: Some(path.to_path_buf()),
        to: to.map(str::to_string),
        no_header_protection: false,
    }
}

#[tokio::test]
async fn pgp_mime_round_trips_through_gpg_for_rsa_and_curve25519_keys() {
    let gpg = Gpg::new();
    // gpg 2.2: "default" is RSA-3072 with an encryption subkey,
    // "future-default" Ed25519 with a Curve25519 subkey; Rita's RSA primary
    // key encrypts itself.
    gpg.gen("Bob <bob@zorg.test>", "default", "2y", &[]);
    gpg.gen("Carla <carla@zorg.test>", "future-default", "2y", &[]);
    gpg.gen_usage(
        "Rita <rita@zorg.test>",
        "rsa2048",
        "cert,sign,encr",
        "2y",
        &[],
    );
    for who in ["bob@zorg.test", "carla@zorg.test", "rita@zorg.test"] {
        let key = gpg.home.path().join(format!("{who}.pgp"));
        std::fs::write(&key, gpg.export(who)).unwrap();
        let message = sample_message(who);
        let (code, out, diag) = encrypt_bytes(
            None,
            &CryptoConfig::default(),
            &args_key(&key, None),
            &message,
        )
        .await
        .unwrap();
        assert_eq!(code, 0, "{diag}");
        let headers = headers_of(&out);
        assert!(
            headers.contains(
                "Content-Type: multipart/encrypted; protocol=\"application/pgp-encrypted\""
            ),
            "{headers}"
        );
        assert!(headers.contains("Subject: Beveiligd bericht / Secure message"));
        assert!(!headers.contains("Uitslag"));
        let text = String::from_utf8_lossy(&out);
        assert!(text.contains("Content-Type: application/pgp-encrypted\r\n"));
        assert!(text.contains("Version: 1\r\n"));
        assert!(!text.contains("Hemoglobine"));
        let dec = gpg.decrypt_pgp_mime(&out);
        assert!(
            dec.status.success(),
            "{}",
            String::from_utf8_lossy(&dec.stderr)
        );
        assert_eq!(dec.stdout, expected_inner(&message, true), "{who}");
        check_inner_parses(&dec.stdout);
    }
}

#[tokio::test]
async fn expired_and_revoked_gpg_keys_are_refused() {
    let gpg = Gpg::new();
    gpg.gen(
        "Oud <oud@zorg.test>",
        "future-default",
        "1y",
        &["--faked-system-time", "20200101T000000!"],
    );
    let key = gpg.home.path().join("oud.pgp");
    std::fs::write(&key, gpg.export("oud@zorg.test")).unwrap();
    let message = sample_message("oud@zorg.test");
    let (code, out, diag) = encrypt_bytes(
        None,
        &CryptoConfig::default(),
        &args_key(&key, None),
        &message,
    )
    .await
    .unwrap();
    assert_eq!(code, 2, "{diag}");
    assert!(out.is_empty());
    assert!(diag.contains("expired"), "{diag}");

    gpg.gen("Ingetrokken <weg@zorg.test>", "future-default", "2y", &[]);
    let key = gpg.home.path().join("weg.pgp");
    std::fs::write(&key, gpg.export("weg@zorg.test")).unwrap();
    let (code, _, diag) = encrypt_bytes(
        None,
        &CryptoConfig::default(),
        &args_key(&key, None),
        &message,
    )
    .await
    .unwrap();
    assert_eq!(code, 0, "before revocation: {diag}");
    gpg.revoke("weg@zorg.test");
    std::fs::write(&key, gpg.export("weg@zorg.test")).unwrap();
    let (code, _, diag) = encrypt_bytes(
        None,
        &CryptoConfig::default(),
        &args_key(&key, None),
        &message,
    )
    .await
    .unwrap();
    assert_eq!(code, 2, "{diag}");
    assert!(diag.contains("revoked"), "{diag}");

    // A key for another address is not used for this one.
    gpg.gen("Bob <bob@zorg.test>", "future-default", "2y", &[]);
    let key = gpg.home.path().join("bob.pgp");
    std::fs::write(&key, gpg.export("bob@zorg.test")).unwrap();
    let (code, _, diag) = encrypt_bytes(
        None,
        &CryptoConfig::default(),
        &args_key(&key, Some("eve@elders.test")),
        &message,
    )
    .await
    .unwrap();
    assert_eq!(code, 2, "{diag}");
    assert!(diag.contains("address"), "{diag}");
}
