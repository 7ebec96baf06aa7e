//! Inspect stage: MIME walk -> text extraction -> detectors -> `ScanReport`.
//!
//! FOUNDATION STUB: this only records the size and the MIME structure. It
//! detects nothing yet; the inspection issue fills in extraction and the
//! BSN/health/personal detectors. Do not treat its reports as meaningful.

use crate::config::InspectConfig;
use crate::types::{PartInfo, ScanReport};
use mail_parser::{MessageParser, MimeHeaders};
use std::time::Instant;

/// Scan one raw RFC 5322 message. Never panics; content it cannot read is
/// reported in `ScanReport::unscannable`, never as clean.
pub fn scan(raw: &[u8], _config: &InspectConfig) -> ScanReport {
    let started = Instant::now();
    let mut report = ScanReport {
        size: raw.len() as u64,
        ..ScanReport::default()
    };
    match MessageParser::default().parse(raw) {
        Some(message) => {
            for (index, part) in message.parts.iter().enumerate() {
                let content_type = part
                    .content_type()
                    .map(|ct| match ct.subtype() {
                        Some(sub) => format!("{}/{}", ct.ctype(), sub),
                        None => ct.ctype().to_string(),
                    })
                    .unwrap_or_else(|| "text/plain".into());
                report.parts.push(PartInfo {
                    path: index.to_string(),
                    content_type,
                    filename: part.attachment_name().map(str::to_string),
                    size: part.len() as u64,
                });
            }
        }
        None => report
            .unscannable
            .push("message could not be parsed as MIME".into()),
    }
    report.elapsed_us = started.elapsed().as_micros() as u64;
    report
}
