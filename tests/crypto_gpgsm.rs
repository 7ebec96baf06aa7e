//! S/MIME interop with GnuPG's `gpgsm` (2.2 on Debian 12, the engine behind
//! KMail and Kleopatra): what Sluis encrypts, gpgsm decrypts to the original
//! inner entity; what Sluis signs with the practice certificate, gpgsm
//! verifies against a trusted CA, and a changed byte makes it fail.
//!
//! gpgsm 2.2 understands EnvelopedData with AES-256-CBC and RSA PKCS#1 v1.5
//! key transport (Sluis's default); it predates AuthEnvelopedData (GCM) and
//! RSA-OAEP, which is why Sluis keeps CBC + v1.5 as the default and uses the
//! others only when the recipient's certificate asks for them.

mod crypto_common;

use crypto_common::*;
use mail_parser::MimeHeaders;
use sluis::crypto::cli::encrypt_bytes;
use sluis::crypto::CryptoConfig;
use std::path::{Path, PathBuf};

/// A throw-away gpgsm home with Bob's key and the test CA trusted.
struct Gpgsm {
    home: tempfile::TempDir,
}

impl Gpgsm {
    fn new() -> Gpgsm {
        // The agent's socket lives in the home: keep the path short.
        let home = tempfile::Builder::new()
            .prefix("s")
            .tempdir_in("/tmp")
            .unwrap();
        std::fs::write(
            home.path().join("gpg-agent.conf"),
            "allow-loopback-pinentry\n",
        )
        .unwrap();
        Gpgsm { home }
    }

    fn cmd(&self, args: &[&str], stdin: &[u8]) -> std::process::Output {
        let mut all = vec![
            "--homedir",
            self.home.path().to_str().unwrap(),
            "--batch",
            "--pinentry-mode",
            "loopback",
            // No CRL or OCSP server exists for the test CA.
            "--disable-crl-checks",
            "--passphrase-fd",
            "0",
        ];
        all.extend_from_slice(args);
        run_status("gpgsm", &all, stdin)
    }

    fn ok(&self, args: &[&str], stdin: &[u8]) -> Vec<u8> {
        let out = self.cmd(args, stdin);
        assert!(
            out.status.success(),
            "gpgsm {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    }

    /// Import a key and certificate as PKCS#12. gpgsm 2.2 reads the legacy
    /// PBE-SHA1-3DES containers, not OpenSSL 3's PBES2 default.
    /// Err with gpgsm's words when gpgsm 2.2's PKCS#12 reader refuses the
    /// file: it rejects the decrypted key bag of some RSA keys ("decryption
    /// failed ... data error at shrouded_key_bag"), about one key in four.
    fn import_key(&self, dir: &Path, key: &Path, cert: &Path) -> Result<(), String> {
        let p12 = dir.join("bob.p12");
        run(
            "openssl",
            &[
                "pkcs12",
                "-export",
                "-legacy",
                "-inkey",
                key.to_str().unwrap(),
                "-in",
                cert.to_str().unwrap(),
                "-out",
                p12.to_str().unwrap(),
                "-passout",
                "pass:geheim",
            ],
            b"",
        );
        let out = self.cmd(&["--import", p12.to_str().unwrap()], b"geheim\n");
        let said = String::from_utf8_lossy(&out.stderr).to_string();
        if !out.status.success() {
            return Err(said);
        }
        let listed = String::from_utf8_lossy(&self.ok(&["--list-secret-keys"], b"")).to_string();
        assert!(listed.contains("bob@zorg.test"), "{listed}");
        Ok(())
    }

    /// `gpgsm --verify` of a detached signature over `data`: success and
    /// what gpgsm said.
    fn verify_detached(&self, dir: &Path, signature: &[u8], data: &[u8]) -> (bool, String) {
        let sig_file = dir.join("smime.p7s");
        let data_file = dir.join("entity.eml");
        std::fs::write(&sig_file, signature).unwrap();
        std::fs::write(&data_file, data).unwrap();
        let res = self.cmd(
            &[
                "--verify",
                sig_file.to_str().unwrap(),
                data_file.to_str().unwrap(),
            ],
            b"",
        );
        let stderr = String::from_utf8_lossy(&res.stderr).to_string();
        (res.status.success(), stderr)
    }

    /// Trust `ca_pem` as a root for S/MIME (gpgsm's trustlist).
    fn trust_ca(&self, dir: &Path, ca_pem: &str) {
        let ca_file = dir.join("ca.pem");
        std::fs::write(&ca_file, ca_pem).unwrap();
        self.ok(&["--import", ca_file.to_str().unwrap()], b"");
        let fpr = run(
            "openssl",
            &[
                "x509",
                "-noout",
                "-fingerprint",
                "-sha1",
                "-in",
                ca_file.to_str().unwrap(),
            ],
            b"",
        );
        let fpr = String::from_utf8(fpr).unwrap();
        let fpr = fpr.trim().rsplit('=').next().unwrap().to_string();
        std::fs::write(
            self.home.path().join("trustlist.txt"),
            format!("{fpr} S relax\n"),
        )
        .unwrap();
    }
}

impl Drop for Gpgsm {
    fn drop(&mut self) {
        let _ = std::process::Command::new("gpgconf")
            .args(["--kill", "gpg-agent"])
            .env("GNUPGHOME", self.home.path())
            .output();
    }
}

struct Bob {
    dir: tempfile::TempDir,
    key: PathBuf,
    cert: PathBuf,
    ca: Ca,
}

fn bob() -> Bob {
    let dir = tempfile::tempdir().unwrap();
    let (key, key_pem) = rsa_key(dir.path(), "bob");
    // An RSA chain, as UZI and PKIoverheid chains are (and gpgsm 2.2
    // predates ECDSA-signed certificates).
    let ca = ca_rsa(dir.path());
    let cert = dir.path().join("bob.crt");
    std::fs::write(
        &cert,
        smime_cert(&key_pem, &CertSpec::valid("bob@zorg.test"), &ca),
    )
    .unwrap();
    Bob { dir, key, cert, ca }
}

/// Bob with his key in a fresh gpgsm home. A key whose PKCS#12 file
/// gpgsm 2.2 cannot read (see `import_key`) is replaced by a new one: what
/// is tested is the S/MIME Sluis writes, not gpgsm's PKCS#12 reader.
fn bob_in_gpgsm() -> (Bob, Gpgsm) {
    let mut refused = Vec::new();
    for _ in 0..6 {
        let b = bob();
        let gpgsm = Gpgsm::new();
        match gpgsm.import_key(b.dir.path(), &b.key, &b.cert) {
            Ok(()) => return (b, gpgsm),
            Err(said) => refused.push(said),
        }
    }
    panic!("gpgsm refused six keys in a row: {refused:#?}");
}

#[tokio::test]
async fn gpgsm_decrypts_what_sluis_encrypts() {
    let (b, gpgsm) = bob_in_gpgsm();

    let message = sample_message("Bob <bob@zorg.test>");
    let out = encrypt_ok(&CryptoConfig::default(), &b.cert, &message).await;
    let der = b.dir.path().join("msg.p7m");
    std::fs::write(&der, pkcs7_der(&out)).unwrap();

    let decrypted = gpgsm.ok(&["--decrypt", der.to_str().unwrap()], b"geheim\n");
    assert_eq!(decrypted, expected_inner(&message, true));
    check_inner_parses(&decrypted);

    // A message for somebody else: gpgsm has no key for it and says so.
    let (_, other_pem) = rsa_key(b.dir.path(), "carol");
    let carol = b.dir.path().join("carol.crt");
    std::fs::write(
        &carol,
        smime_cert(&other_pem, &CertSpec::valid("bob@zorg.test"), &b.ca),
    )
    .unwrap();
    let (code, out, _) = encrypt_bytes(
        None,
        &CryptoConfig::default(),
        &args_cert(&carol, None),
        &message,
    )
    .await
    .unwrap();
    assert_eq!(code, 0);
    std::fs::write(&der, pkcs7_der(&out)).unwrap();
    let res = gpgsm.cmd(&["--decrypt", der.to_str().unwrap()], b"geheim\n");
    assert!(!res.status.success(), "decrypted without the key");
}

#[tokio::test]
async fn gpgsm_verifies_the_practice_signature_inside() {
    let (b, gpgsm) = bob_in_gpgsm();
    gpgsm.trust_ca(b.dir.path(), &b.ca.cert.pem());

    let config = practice_signing(b.dir.path(), &b.ca);
    let message = sample_message("bob@zorg.test");
    let out = encrypt_ok(&config, &b.cert, &message).await;
    let der = b.dir.path().join("msg.p7m");
    std::fs::write(&der, pkcs7_der(&out)).unwrap();
    let signed = gpgsm.ok(&["--decrypt", der.to_str().unwrap()], b"geheim\n");

    // Split the multipart/signed into the signed entity and the signature.
    let parsed = mail_parser::MessageParser::default()
        .parse(&signed)
        .expect("multipart/signed parses");
    let boundary = parsed
        .content_type()
        .and_then(|ct| ct.attribute("boundary"))
        .expect("boundary")
        .to_string();
    let text = signed.clone();
    let delimiter = format!("--{boundary}\r\n");
    let first = find(&text, delimiter.as_bytes()).expect("first part") + delimiter.len();
    let closing = format!("\r\n--{boundary}");
    let end = first + find(&text[first..], closing.as_bytes()).expect("second delimiter");
    let entity = &text[first..end];
    assert_eq!(entity, expected_inner(&message, true).as_slice());
    let signature = parsed
        .attachments()
        .find(|p| {
            p.content_type()
                .and_then(|ct| ct.subtype())
                .is_some_and(|s| s.contains("pkcs7-signature"))
        })
        .expect("signature part")
        .contents()
        .to_vec();
    let (ok, stderr) = gpgsm.verify_detached(b.dir.path(), &signature, entity);
    assert!(ok, "gpgsm --verify failed: {stderr}");
    assert!(stderr.contains("Good signature"), "{stderr}");

    // One changed byte in the signed entity: the digest no longer matches.
    let mut tampered = entity.to_vec();
    let at = find(&tampered, b"Hemoglobine").expect("body text");
    tampered[at + 10] = b'a';
    let (ok, stderr) = gpgsm.verify_detached(b.dir.path(), &signature, &tampered);
    assert!(!ok, "tampered entity verified: {stderr}");
    assert!(
        stderr.contains("message digest attribute does not match"),
        "{stderr}"
    );
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}
