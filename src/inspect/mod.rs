//! Inspect stage: MIME walk -> text extraction -> detectors -> `ScanReport`.
//!
//! `scan` walks every MIME part at every depth (nested messages, archives),
//! turns each readable part into text units (`extract`), and runs the BSN,
//! health and personal detectors over them (`detect`).
//!
//! Promises: never panics on any input; never reports content it could not
//! read as clean (`ScanReport::unscannable` gets a reason instead); findings
//! and reasons never hold message text or a full BSN. Every limit comes from
//! `InspectConfig` and is enforced through `budget::Budget`.

pub mod budget;
pub mod cli;
pub(crate) mod detect;
pub(crate) mod extract;
pub(crate) mod language;
pub(crate) mod mime;
pub(crate) mod script;

#[cfg(test)]
mod coverage_tests;

use crate::config::InspectConfig;
use crate::types::{Category, Finding, Location, PartInfo, ScanReport};
use budget::{Budget, LimitHit};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::Instant;

/// Text taken from one place in a message (a header, a part, a page).
#[derive(Debug, Clone)]
pub(crate) struct TextUnit {
    pub loc: Location,
    pub text: String,
}

/// Everything collected while walking one message.
pub(crate) struct Ctx {
    pub budget: Budget,
    pub units: Vec<TextUnit>,
    pub unscannable: Vec<String>,
    pub parts: Vec<PartInfo>,
    /// What became of each member of a container (coverage accounting):
    /// `(container kind, member path with digits masked, outcome)`.
    pub coverage: Vec<(&'static str, String, Coverage)>,
}

/// What became of one member or object of a container. Every member ends
/// in exactly one of these; there is no "skipped".
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Coverage {
    /// Its text was read (an XML body, a form field value, metadata).
    Text,
    /// A picture, sent through OCR like an image attachment.
    Ocr,
    /// A file inside the file (embedded object, attachment), scanned
    /// recursively under the same budgets.
    Nested,
    /// Known to carry nothing a reader sees (styles, fonts, settings,
    /// relationships, thumbnails of content that is read).
    NoContent(&'static str),
    /// Could not be read: the whole part is unscannable with this reason.
    Unscannable(&'static str),
}

impl Ctx {
    fn new(config: &InspectConfig) -> Self {
        Ctx {
            budget: Budget::new(config),
            units: Vec::new(),
            unscannable: Vec::new(),
            parts: Vec::new(),
            coverage: Vec::new(),
        }
    }

    /// Account for one member of a container. An `Unscannable` outcome
    /// also marks the part unscannable, so the accounting and the verdict
    /// cannot disagree.
    pub fn cover(&mut self, loc: &Location, container: &'static str, member: &str, how: Coverage) {
        if let Coverage::Unscannable(reason) = how {
            let mloc = Location {
                field: Some(mask_digits(member)),
                ..loc.clone()
            };
            self.unscannable(&mloc, reason);
        }
        self.note(container, member, how);
    }

    /// Account for one member whose failure, if any, is already recorded.
    pub fn note(&mut self, container: &'static str, member: &str, how: Coverage) {
        self.coverage.push((container, mask_digits(member), how));
    }

    /// Add extracted text; counts against `max_extracted_bytes`.
    pub fn push_text(&mut self, loc: Location, mut text: String) {
        // A byte-order mark is not text; left in, it glues itself to the
        // first word ("\u{feff}naam" is no column header).
        if text.starts_with('\u{feff}') {
            text.drain(..'\u{feff}'.len_utf8());
        }
        if text.trim().is_empty() {
            return;
        }
        if let Err(hit) = self.budget.add_extracted(text.len() as u64) {
            self.limit(&loc, hit);
            return;
        }
        self.units.push(TextUnit { loc, text });
    }

    /// Record that something at `loc` could not be read.
    pub fn unscannable(&mut self, loc: &Location, reason: &str) {
        let r = format!("{}: {}", describe(loc), reason);
        if !self.unscannable.contains(&r) {
            self.unscannable.push(r);
        }
    }

    /// Record a limit hit (once per distinct limit).
    pub fn limit(&mut self, loc: &Location, hit: LimitHit) {
        let reason = format!("limit: {hit}");
        if !self.unscannable.iter().any(|u| u.ends_with(&reason)) {
            self.unscannable(loc, &reason);
        }
    }
}

/// A log-safe description of a location (file names have long digit runs masked).
fn describe(loc: &Location) -> String {
    let mut s = format!("part {}", if loc.part.is_empty() { "0" } else { &loc.part });
    if let Some(f) = &loc.filename {
        s.push_str(&format!(" ({f})"));
    }
    if let Some(field) = &loc.field {
        s.push_str(&format!(" [{field}]"));
    }
    s
}

/// Mask every run of five or more digits (`report_123456782.pdf` ->
/// `report_*****6782.pdf`) so that names are safe to show and log.
pub fn mask_digits(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut run = String::new();
    let flush = |run: &mut String, out: &mut String| {
        if run.chars().count() >= 5 {
            let tail: String = run
                .chars()
                .rev()
                .take(4)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            out.push_str("*****");
            out.push_str(&tail);
        } else {
            out.push_str(run);
        }
        run.clear();
    };
    for c in s.chars() {
        if c.is_ascii_digit() {
            run.push(c);
        } else {
            flush(&mut run, &mut out);
            out.push(c);
        }
    }
    flush(&mut run, &mut out);
    out
}

/// Scan one raw RFC 5322 message. Never panics; content it cannot read is
/// reported in `ScanReport::unscannable`, never as clean.
pub fn scan(raw: &[u8], config: &InspectConfig) -> ScanReport {
    let started = Instant::now();
    let mut report = ScanReport {
        size: raw.len() as u64,
        ..ScanReport::default()
    };
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        let mut ctx = Ctx::new(config);
        if raw.len() as u64 > config.max_extracted_bytes {
            let hit = LimitHit::Extracted(config.max_extracted_bytes);
            ctx.limit(&Location::default(), hit);
        } else {
            mime::walk_raw(raw, &mut ctx);
        }
        if let Some(hit) = ctx.budget.hit.clone() {
            ctx.limit(&Location::default(), hit);
        }
        // A text in a language the detectors read only through a small
        // vocabulary, or not at all (then it is no clean text).
        let mut foreign_findings = Vec::new();
        let mut unread = Vec::new();
        for unit in ctx
            .units
            .iter()
            .filter(|u| !matches!(u.loc.field.as_deref(), Some("display-names" | "filename")))
        {
            let Some(language) = language::foreign(&unit.text) else {
                continue;
            };
            match detect::foreign::read(language, &unit.text) {
                detect::foreign::Reading::NoVocabulary => unread.push((unit.loc.clone(), language)),
                detect::foreign::Reading::HealthOfAPerson => foreign_findings.push(Finding {
                    category: Category::Health,
                    detector: "health-foreign-language".into(),
                    location: unit.loc.clone(),
                    evidence: format!("health words about a person ({language})"),
                    confidence: 0.8,
                }),
                detect::foreign::Reading::Nothing => {}
            }
        }
        for (loc, language) in unread {
            ctx.unscannable(
                &loc,
                &format!("written in {language}, which the detectors do not read"),
            );
        }
        let mut findings = detect::run(&ctx.units);
        findings.extend(foreign_findings);
        (ctx.parts, findings, ctx.unscannable)
    }));
    match outcome {
        Ok((parts, findings, unscannable)) => {
            report.parts = parts;
            report.findings = findings;
            report.unscannable = unscannable;
        }
        Err(_) => report
            .unscannable
            .push("internal error while scanning (parser panic)".into()),
    }
    report.elapsed_us = started.elapsed().as_micros() as u64;
    report
}

/// Scan one attachment's bytes on their own (no MIME around them): the
/// format is sniffed from magic bytes, then `content_type` and `filename`.
pub fn scan_attachment(
    data: &[u8],
    content_type: &str,
    filename: Option<&str>,
    config: &InspectConfig,
) -> ScanReport {
    let started = Instant::now();
    let mut report = ScanReport {
        size: data.len() as u64,
        ..ScanReport::default()
    };
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        let mut ctx = Ctx::new(config);
        let loc = Location {
            part: "0".into(),
            filename: filename.map(mask_digits),
            ..Location::default()
        };
        if let Some(name) = filename {
            ctx.push_text(
                Location {
                    field: Some("filename".into()),
                    ..loc.clone()
                },
                name.to_string(),
            );
        }
        extract::extract_bytes(data, content_type, filename, &loc, 0, &mut ctx);
        let findings = detect::run(&ctx.units);
        (findings, ctx.unscannable)
    }));
    match outcome {
        Ok((findings, unscannable)) => {
            report.findings = findings;
            report.unscannable = unscannable;
        }
        Err(_) => report
            .unscannable
            .push("internal error while scanning (parser panic)".into()),
    }
    report.elapsed_us = started.elapsed().as_micros() as u64;
    report
}

/// Entry points for the fuzz targets in `fuzz/` (pure extractors on raw bytes).
#[doc(hidden)]
pub mod fuzzing {
    pub fn html(data: &[u8]) -> String {
        super::extract::html::html_to_text(&String::from_utf8_lossy(data))
    }
    pub fn rtf(data: &[u8]) -> String {
        super::extract::rtf::rtf_to_text(data)
    }
    pub fn office_xml(data: &[u8]) -> String {
        super::extract::xml::recover_text(data)
    }
    pub fn text(data: &[u8]) -> String {
        super::extract::text::unfold_calendar(super::extract::text::decode(data))
    }
    pub fn zip_local_entries(data: &[u8]) -> usize {
        super::extract::archive::local_entries(data, 1 << 20, 64).len()
    }
    /// MAPI properties, LZFu, OLE native data, EMF text, RTF pictures and
    /// objects, and package member names.
    pub fn containers(data: &[u8]) -> usize {
        use super::extract::{emf, lzfu, mapi, office, ole_package};
        let props = mapi::parse(data).map_or(0, |p| p.len());
        let rtf = lzfu::decompress(data, 1 << 20).map_or(0, |r| r.len());
        let native = ole_package::native_file(data).map_or(0, |(_, d)| d.len());
        let emf_text = emf::text(data).map_or(0, |t| t.len());
        let rtf_items = super::extract::rtf_objects::find(data, 1 << 20).len();
        let name = String::from_utf8_lossy(data);
        let _ = office::classify(&name, office::Package::Ooxml);
        let _ = office::classify(&name, office::Package::Odf);
        props + rtf + native + emf_text + rtf_items
    }
    pub fn bsn_candidates(text: &str) -> usize {
        super::detect::bsn::candidates(text).len()
    }
}

/// Benchmark aid: run only the extractors on one attachment; returns the
/// number of text bytes extracted and whether anything was unscannable.
#[doc(hidden)]
pub fn extract_only(data: &[u8], filename: Option<&str>, config: &InspectConfig) -> (usize, bool) {
    let mut ctx = Ctx::new(config);
    let loc = Location::default();
    extract::extract_bytes(data, "", filename, &loc, 0, &mut ctx);
    (
        ctx.units.iter().map(|u| u.text.len()).sum(),
        !ctx.unscannable.is_empty(),
    )
}

/// Benchmark aid: seconds the detectors take on a message's extracted
/// text (extraction not counted).
#[doc(hidden)]
pub fn detect_only_seconds(raw: &[u8], config: &InspectConfig) -> f64 {
    let mut ctx = Ctx::new(config);
    mime::walk_raw(raw, &mut ctx);
    let started = Instant::now();
    let findings = detect::run(&ctx.units);
    let seconds = started.elapsed().as_secs_f64();
    std::hint::black_box(findings);
    seconds
}

/// Benchmark aid: the cost of each detector pattern over plain text.
#[doc(hidden)]
pub fn detect_pattern_costs(text: &str, rounds: usize) -> Vec<(&'static str, f64)> {
    detect::pattern_costs(text, rounds)
}

/// Development aid: what the detectors made of a message (reveals content;
/// never log it).
#[doc(hidden)]
pub fn explain(raw: &[u8], config: &InspectConfig) -> String {
    let mut ctx = Ctx::new(config);
    mime::walk_raw(raw, &mut ctx);
    detect::explain(&ctx.units)
}

/// Development aid: the text units a scan sees (reveals content; never log it).
#[doc(hidden)]
pub fn debug_units(raw: &[u8], config: &InspectConfig) -> Vec<(Location, String)> {
    let mut ctx = Ctx::new(config);
    mime::walk_raw(raw, &mut ctx);
    ctx.units.into_iter().map(|u| (u.loc, u.text)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_are_masked_in_names() {
        assert_eq!(mask_digits("scan_123456782.jpg"), "scan_*****6782.jpg");
        assert_eq!(mask_digits("brief 2024.pdf"), "brief 2024.pdf");
    }

    #[test]
    fn unparseable_input_is_not_clean() {
        let r = scan(b"", &InspectConfig::default());
        assert!(!r.is_clean());
    }

    #[test]
    fn input_over_the_extraction_limit_is_unscannable_without_parsing() {
        let cfg = InspectConfig {
            max_extracted_bytes: 10,
            ..InspectConfig::default()
        };
        let r = scan(b"Subject: hallo\r\n\r\nmore than ten bytes", &cfg);
        assert!(r.is_unscannable());
    }
}
