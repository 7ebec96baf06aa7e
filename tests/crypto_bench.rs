//! Throughput of the crypto stage (run by `scripts/bench-crypto`, ignored
//! in the normal test run): messages per second encrypted for a 100 KB
//! and a 10 MB message, S/MIME and OpenPGP, next to `openssl cms -encrypt`
//! and `gpg --encrypt` on the same input. Sluis is timed in process (as
//! the gateway runs it); the tools as whole processes (start-up
//! included), which is how they would be used from a script. Medians of
//! `BENCH_RUNS` runs (default 7); the first run of each is a warm-up.

mod crypto_common;

use crypto_common::*;
use sluis::audit::Audit;
use sluis::crypto::encryptor::RecipientKey;
use sluis::crypto::{pgp, smime, CryptoConfig, EncryptOptions, Encryptor, KeySource};
use std::time::Instant;

fn message(size: usize) -> Vec<u8> {
    let mut m = b"From: a@praktijk.test\r\nTo: bob@zorg.test\r\nSubject: bench\r\nDate: Fri, 27 Nov 2026 10:00:00 +0100\r\nMessage-ID: <b@p>\r\nMIME-Version: 1.0\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n".to_vec();
    let mut x: u32 = 12345;
    while m.len() < size {
        for _ in 0..57 {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
            m.push(b'A' + (x >> 16) as u8 % 26);
        }
        m.extend_from_slice(b"\r\n");
    }
    m.truncate(size);
    m
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

fn runs() -> usize {
    std::env::var("BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(7)
        .max(1)
}

async fn time_sluis(enc: &Encryptor, key: &RecipientKey, msg: &[u8]) -> f64 {
    let mut times = Vec::new();
    for i in 0..=runs() {
        let start = Instant::now();
        let out = enc
            .encrypt_with(
                key.clone(),
                KeySource::File,
                msg.to_vec(),
                EncryptOptions::default(),
            )
            .await
            .unwrap();
        let t = start.elapsed().as_secs_f64();
        assert!(matches!(
            out,
            sluis::crypto::EncryptOutcome::Encrypted { .. }
        ));
        if i > 0 {
            times.push(t);
        }
    }
    median(times)
}

fn time_tool(program: &str, args: &[&str]) -> f64 {
    let mut times = Vec::new();
    for i in 0..=runs() {
        let start = Instant::now();
        let out = std::process::Command::new(program)
            .args(args)
            .output()
            .unwrap();
        let t = start.elapsed().as_secs_f64();
        assert!(
            out.status.success(),
            "{program}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        if i > 0 {
            times.push(t);
        }
    }
    median(times)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 1)]
#[ignore = "benchmark: run scripts/bench-crypto"]
async fn bench_crypto() {
    let dir = tempfile::tempdir().unwrap();
    let (_, key_pem) = rsa_key(dir.path(), "bob");
    let cert_pem = smime_cert(&key_pem, &CertSpec::valid("bob@zorg.test"), &ca());
    let cert_file = dir.path().join("bob.crt");
    std::fs::write(&cert_file, &cert_pem).unwrap();
    let gpg = Gpg::new();
    gpg.gen("Bob <bob@zorg.test>", "default", "2y", &[]);
    let smime_key = RecipientKey::Smime(Box::new(
        smime::parse_certs(cert_pem.as_bytes()).unwrap().remove(0),
    ));
    let pgp_key = RecipientKey::OpenPgp(Box::new(
        pgp::parse_certs(&gpg.export("bob@zorg.test"))
            .unwrap()
            .remove(0),
    ));
    let enc = Encryptor::new(CryptoConfig::default(), None, Audit::disabled()).unwrap();
    let home = gpg.home.path().to_str().unwrap().to_string();
    println!("\nformat   size    sluis msg/s   tool msg/s   ratio (sluis/tool)   tool");
    for (label, size) in [("100KB", 100 * 1024), ("10MB", 10 * 1024 * 1024)] {
        let msg = message(size);
        let input = dir.path().join(format!("{label}.eml"));
        std::fs::write(&input, &msg).unwrap();
        let out = dir.path().join("out");
        let (i, o, c) = (
            input.to_str().unwrap(),
            out.to_str().unwrap(),
            cert_file.to_str().unwrap(),
        );

        let s = time_sluis(&enc, &smime_key, &msg).await;
        let t = time_tool(
            "openssl",
            &[
                "cms", "-encrypt", "-aes256", "-binary", "-in", i, "-out", o, c,
            ],
        );
        println!("smime    {label:<6} {:>11.1}  {:>11.1}   {:>18.2}   openssl cms -encrypt -aes256 -binary", 1.0 / s, 1.0 / t, t / s);

        let s = time_sluis(&enc, &pgp_key, &msg).await;
        let t = time_tool(
            "gpg",
            &[
                "--homedir",
                &home,
                "--batch",
                "--yes",
                "--trust-model",
                "always",
                "--armor",
                "-r",
                "bob@zorg.test",
                "-o",
                o,
                "--encrypt",
                i,
            ],
        );
        println!(
            "openpgp  {label:<6} {:>11.1}  {:>11.1}   {:>18.2}   gpg --encrypt --armor",
            1.0 / s,
            1.0 / t,
            t / s
        );
    }
}
