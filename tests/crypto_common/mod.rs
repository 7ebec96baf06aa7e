//! Shared helpers for the crypto integration tests: real tools (openssl,
//! gpg), generated keys and certificates, a sample message with an
//! attachment, 8-bit and non-ASCII content.
#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Run a tool; panics with its stderr when it fails.
pub fn run(program: &str, args: &[&str], stdin: &[u8]) -> Vec<u8> {
    let out = run_status(program, args, stdin);
    assert!(
        out.status.success(),
        "{program} {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

pub fn run_status(program: &str, args: &[&str], stdin: &[u8]) -> std::process::Output {
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {program}: {e}"));
    let mut input = child.stdin.take().unwrap();
    let data = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&data);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

/// A fresh 2048-bit RSA key (PKCS#8 PEM) made by openssl.
pub fn rsa_key(dir: &Path, name: &str) -> (PathBuf, String) {
    let path = dir.join(format!("{name}.key.pem"));
    run(
        "openssl",
        &[
            "genpkey",
            "-algorithm",
            "RSA",
            "-pkeyopt",
            "rsa_keygen_bits:2048",
            "-out",
            path.to_str().unwrap(),
        ],
        b"",
    );
    let pem = std::fs::read_to_string(&path).unwrap();
    (path, pem)
}

pub struct CertSpec<'a> {
    pub email: &'a str,
    pub not_before: (i32, u8, u8),
    pub not_after: (i32, u8, u8),
    pub key_encipherment: bool,
    pub serial: u64,
}

impl<'a> CertSpec<'a> {
    pub fn valid(email: &'a str) -> Self {
        CertSpec {
            email,
            not_before: (2020, 1, 1),
            not_after: (2045, 1, 1),
            key_encipherment: true,
            serial: 4242,
        }
    }
}

/// A test CA (ECDSA P-256).
pub struct Ca {
    pub cert: rcgen::Certificate,
    pub key: rcgen::KeyPair,
}

pub fn ca() -> Ca {
    ca_with(rcgen::KeyPair::generate().unwrap())
}

/// A CA with an RSA key (made by openssl): for tools that predate ECDSA
/// certificate chains, such as gpgsm 2.2.
pub fn ca_rsa(dir: &Path) -> Ca {
    let (_, pem) = rsa_key(dir, "ca");
    let key = rcgen::KeyPair::from_pem_and_sign_algo(&pem, &rcgen::PKCS_RSA_SHA256).unwrap();
    ca_with(key)
}

fn ca_with(key: rcgen::KeyPair) -> Ca {
    let mut params = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
    params
        .distinguished_name
        .push(rcgen::DnType::CommonName, "Sluis Test CA");
    params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
    params.key_usages = vec![
        rcgen::KeyUsagePurpose::KeyCertSign,
        rcgen::KeyUsagePurpose::CrlSign,
    ];
    let cert = params.self_signed(&key).unwrap();
    Ca { cert, key }
}

/// An S/MIME certificate for `key_pem` issued by `ca`; returns PEM.
pub fn smime_cert(key_pem: &str, spec: &CertSpec, ca: &Ca) -> String {
    let key = rcgen::KeyPair::from_pem(key_pem).unwrap();
    let mut params = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
    params
        .distinguished_name
        .push(rcgen::DnType::CommonName, "Ontvanger");
    params.subject_alt_names = vec![rcgen::SanType::Rfc822Name(
        spec.email.to_string().try_into().unwrap(),
    )];
    params.not_before =
        rcgen::date_time_ymd(spec.not_before.0, spec.not_before.1, spec.not_before.2);
    params.not_after = rcgen::date_time_ymd(spec.not_after.0, spec.not_after.1, spec.not_after.2);
    params.serial_number = Some(rcgen::SerialNumber::from(spec.serial));
    let ec = key.algorithm() == &rcgen::PKCS_ECDSA_P256_SHA256;
    params.key_usages = if spec.key_encipherment {
        vec![
            rcgen::KeyUsagePurpose::DigitalSignature,
            if ec {
                rcgen::KeyUsagePurpose::KeyAgreement
            } else {
                rcgen::KeyUsagePurpose::KeyEncipherment
            },
        ]
    } else {
        vec![rcgen::KeyUsagePurpose::DigitalSignature]
    };
    params.extended_key_usages = vec![rcgen::ExtendedKeyUsagePurpose::EmailProtection];
    params.signed_by(&key, &ca.cert, &ca.key).unwrap().pem()
}

/// A CRL from `ca` revoking `serial` (PEM).
pub fn crl(ca: &Ca, serial: u64) -> String {
    let params = rcgen::CertificateRevocationListParams {
        this_update: rcgen::date_time_ymd(2024, 1, 1),
        next_update: rcgen::date_time_ymd(2044, 1, 1),
        crl_number: rcgen::SerialNumber::from(1u64),
        issuing_distribution_point: None,
        revoked_certs: vec![rcgen::RevokedCertParams {
            serial_number: rcgen::SerialNumber::from(serial),
            revocation_time: rcgen::date_time_ymd(2024, 1, 1),
            reason_code: Some(rcgen::RevocationReason::KeyCompromise),
            invalidity_date: None,
        }],
        key_identifier_method: rcgen::KeyIdMethod::Sha256,
    };
    params.signed_by(&ca.cert, &ca.key).unwrap().pem().unwrap()
}

/// A multipart message with an 8-bit UTF-8 body, a non-ASCII subject and
/// a binary attachment (every byte value).
pub fn sample_message(to: &str) -> Vec<u8> {
    let mut attachment = Vec::new();
    for i in 0..3000u32 {
        attachment.push((i % 256) as u8);
    }
    use base64::Engine;
    let b64 = base64::engine::general_purpose::STANDARD.encode(&attachment);
    let mut lines = String::new();
    for chunk in b64.as_bytes().chunks(76) {
        lines.push_str(std::str::from_utf8(chunk).unwrap());
        lines.push_str("\r\n");
    }
    format!(
        "Received: from praktijk (127.0.0.1)\r\n\
         From: Huisartspraktijk =?utf-8?q?Z=C3=BCid?= <assistent@praktijk.test>\r\n\
         To: {to}\r\n\
         Subject: =?utf-8?q?Uitslag_bloedonderzoek_=E2=80=93_mevr=2E_Ba=C4=9F?=\r\n\
         Date: Fri, 27 Nov 2026 10:00:00 +0100\r\n\
         Message-ID: <uitslag-1@praktijk.test>\r\n\
         MIME-Version: 1.0\r\n\
         Content-Type: multipart/mixed; boundary=\"grens\"\r\n\
         \r\n\
         --grens\r\n\
         Content-Type: text/plain; charset=utf-8\r\n\
         Content-Transfer-Encoding: 8bit\r\n\
         \r\n\
         Beste collega, hierbij de uitslag van mevr. Ba\u{11f} (geb. 12-03-1961).\r\n\
         Hemoglobine verlaagd; graag controle over drie weken. \u{20ac} \u{e9}\u{e8}\u{fc}\r\n\
         \r\n\
         --grens\r\n\
         Content-Type: application/octet-stream; name=\"lab.bin\"\r\n\
         Content-Disposition: attachment; filename=\"lab.bin\"\r\n\
         Content-Transfer-Encoding: base64\r\n\
         \r\n\
         {lines}\
         --grens--\r\n"
    )
    .into_bytes()
}

/// What must come out of decryption: the inner entity.
pub fn expected_inner(message: &[u8], protect: bool) -> Vec<u8> {
    let (fields, body) = sluis::crypto::mime::split(message).unwrap();
    sluis::crypto::mime::inner_entity(&fields, body, protect)
}

/// Header block of a message, as text.
pub fn headers_of(message: &[u8]) -> String {
    let end = message
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or(message.len());
    String::from_utf8_lossy(&message[..end]).to_string()
}

pub async fn memory_store(dir: &Path) -> sluis::store::Store {
    let url = format!("sqlite://{}", dir.join("sluis.db").display());
    sluis::server::open_store(&url, 2).await.unwrap()
}

/// A throw-away GnuPG home.
pub struct Gpg {
    pub home: tempfile::TempDir,
}

impl Gpg {
    pub fn new() -> Gpg {
        let home = tempfile::Builder::new()
            .prefix("g")
            .tempdir_in("/tmp")
            .unwrap();
        Gpg { home }
    }

    pub fn cmd(&self, args: &[&str], stdin: &[u8]) -> std::process::Output {
        let mut all = vec![
            "--homedir",
            self.home.path().to_str().unwrap(),
            "--batch",
            "--pinentry-mode",
            "loopback",
            "--passphrase",
            "",
        ];
        all.extend_from_slice(args);
        run_status("gpg", &all, stdin)
    }

    pub fn ok(&self, args: &[&str], stdin: &[u8]) -> Vec<u8> {
        let out = self.cmd(args, stdin);
        assert!(
            out.status.success(),
            "gpg {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    }

    /// Generate a key; `extra` e.g. `["--faked-system-time", "20200101T000000!"]`.
    pub fn gen(&self, uid: &str, algo: &str, expire: &str, extra: &[&str]) {
        self.gen_usage(uid, algo, "default", expire, extra)
    }

    pub fn gen_usage(&self, uid: &str, algo: &str, usage: &str, expire: &str, extra: &[&str]) {
        let mut args: Vec<&str> = extra.to_vec();
        args.extend_from_slice(&["--quick-gen-key", uid, algo, usage, expire]);
        self.ok(&args, b"");
    }

    pub fn export(&self, who: &str) -> Vec<u8> {
        let key = self.ok(&["--export", who], b"");
        assert!(!key.is_empty(), "no key exported for {who}");
        key
    }

    /// Revoke a key with the revocation certificate gpg made at generation.
    pub fn revoke(&self, who: &str) {
        let listing =
            String::from_utf8(self.ok(&["--with-colons", "--list-keys", who], b"")).unwrap();
        let fpr = listing
            .lines()
            .find(|l| l.starts_with("fpr:"))
            .and_then(|l| l.split(':').nth(9))
            .unwrap()
            .to_string();
        let rev = self
            .home
            .path()
            .join("openpgp-revocs.d")
            .join(format!("{fpr}.rev"));
        let text = std::fs::read_to_string(rev).unwrap();
        let text = text.replace(
            ":-----BEGIN PGP PUBLIC KEY BLOCK-----",
            "-----BEGIN PGP PUBLIC KEY BLOCK-----",
        );
        self.ok(&["--import"], text.as_bytes());
    }

    /// Decrypt the armored block inside a PGP/MIME message.
    pub fn decrypt_pgp_mime(&self, message: &[u8]) -> std::process::Output {
        let text = String::from_utf8_lossy(message);
        let start = text
            .find("-----BEGIN PGP MESSAGE-----")
            .expect("no PGP message");
        let end = text.find("-----END PGP MESSAGE-----").expect("no end") + 25;
        self.cmd(&["--decrypt"], text[start..end].as_bytes())
    }
}

/// The decrypted inner entity is a real message again: the original
/// Subject (protected), the 8-bit text and the attachment byte for byte.
pub fn check_inner_parses(inner: &[u8]) {
    let parsed = mail_parser::MessageParser::default()
        .parse(inner)
        .expect("inner entity parses");
    assert_eq!(
        parsed.subject(),
        Some("Uitslag bloedonderzoek \u{2013} mevr. Ba\u{11f}")
    );
    let body = parsed.body_text(0).expect("text part");
    assert!(
        body.contains("mevr. Ba\u{11f}") && body.contains("\u{20ac}"),
        "{body}"
    );
    let attachment = parsed.attachment(0).expect("attachment");
    let expected: Vec<u8> = (0..3000u32).map(|i| (i % 256) as u8).collect();
    assert_eq!(attachment.contents(), expected.as_slice());
}

/// `sluis encrypt --cert FILE [--to ADDRESS]`, as the CLI builds it.
pub fn args_cert(cert: &Path, to: Option<&str>) -> sluis::crypto::cli::EncryptArgs {
    sluis::crypto::cli::EncryptArgs {
        cert: Some(cert.to_path_buf()),
        pgp_key: None,
        to: to.map(str::to_string),
        no_header_protection: false,
    }
}

/// The DER of the application/pkcs7-mime body of an encrypted message.
pub fn pkcs7_der(message: &[u8]) -> Vec<u8> {
    use base64::Engine;
    let start = message
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("header end")
        + 4;
    let b64: Vec<u8> = message[start..]
        .iter()
        .copied()
        .filter(|c| !c.is_ascii_whitespace())
        .collect();
    base64::engine::general_purpose::STANDARD
        .decode(b64)
        .expect("base64 body")
}

/// A crypto configuration that signs with a practice certificate from `ca`
/// (its own serial: verifiers find the signer by issuer and serial number).
pub fn practice_signing(dir: &Path, ca: &Ca) -> sluis::crypto::CryptoConfig {
    let (private_key, pem) = rsa_key(dir, "praktijk");
    let certificate = dir.join("praktijk.crt");
    let mut spec = CertSpec::valid("assistent@praktijk.test");
    spec.serial = 4243;
    std::fs::write(&certificate, smime_cert(&pem, &spec, ca)).unwrap();
    sluis::crypto::CryptoConfig {
        signing: Some(sluis::crypto::smime_sign::SigningConfig {
            certificate,
            private_key,
        }),
        ..sluis::crypto::CryptoConfig::default()
    }
}

/// Encrypt for `cert` with the CLI's code path; panics unless it worked.
pub async fn encrypt_ok(
    config: &sluis::crypto::CryptoConfig,
    cert: &Path,
    message: &[u8],
) -> Vec<u8> {
    let (code, out, diag) =
        sluis::crypto::cli::encrypt_bytes(None, config, &args_cert(cert, None), message)
            .await
            .unwrap();
    assert_eq!(code, 0, "{diag}");
    out
}
