//! Helpers shared by the inspect integration tests: build MIME messages
//! around real fixture files.
#![allow(dead_code)]

use sluis::config::InspectConfig;
use sluis::types::{Category, ScanReport};
use std::path::PathBuf;

pub fn fixture(name: &str) -> Vec<u8> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/inspect")
        .join(name);
    std::fs::read(&p).unwrap_or_else(|e| panic!("fixture {}: {e}", p.display()))
}

pub fn base64(data: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for (i, chunk) in data.chunks(3).enumerate() {
        if i > 0 && i % 19 == 0 {
            out.push_str("\r\n");
        }
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for k in 0..4 {
            if k <= chunk.len() {
                out.push(A[((n >> (18 - 6 * k)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// A multipart/mixed message with a short body and one base64 attachment.
pub fn with_attachment(data: &[u8], ctype: &str, filename: &str) -> Vec<u8> {
    format!(
        "From: a@praktijk.example\r\nTo: b@example.org\r\nSubject: bijlage\r\nMIME-Version: 1.0\r\n\
Content-Type: multipart/mixed; boundary=\"XX\"\r\n\r\n--XX\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n\
Zie bijlage.\r\n--XX\r\nContent-Type: {ctype}; name=\"{filename}\"\r\nContent-Transfer-Encoding: base64\r\n\
Content-Disposition: attachment; filename=\"{filename}\"\r\n\r\n{}\r\n--XX--\r\n",
        base64(data)
    )
    .into_bytes()
}

pub fn scan(raw: &[u8]) -> ScanReport {
    sluis::inspect::scan(raw, &InspectConfig::default())
}

pub fn has(r: &ScanReport, c: Category) -> bool {
    r.categories().contains(&c)
}

pub fn tesseract_available() -> bool {
    std::process::Command::new("tesseract")
        .arg("--version")
        .output()
        .is_ok()
}
