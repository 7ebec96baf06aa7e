//! Detectors over extracted text units: BSN, health data about a person,
//! and identifying personal data. Pure functions; findings carry masked
//! evidence only.

pub mod bsn;
pub mod health;
pub mod personal;
pub mod vocab;

use super::TextUnit;
use crate::types::{Category, Finding};

/// A regex compiled once into `cell`. The patterns are constants of this
/// crate; should one ever fail to compile, it matches nothing rather than
/// panicking on mail (the detector tests exercise the patterns).
pub(crate) fn cached_regex(
    cell: &'static std::sync::OnceLock<regex::Regex>,
    pattern: &str,
) -> &'static regex::Regex {
    cell.get_or_init(|| {
        regex::Regex::new(pattern)
            .unwrap_or_else(|_| regex::Regex::new("$^").expect("the empty-match regex compiles"))
    })
}

/// A table cell as written in a CSV export or tab-separated text: without
/// surrounding space, quotes or a byte-order mark.
pub(crate) fn table_cell(cell: &str) -> &str {
    cell.trim_matches(|ch: char| ch.is_whitespace() || ch == '"' || ch == '\u{feff}')
}

/// Confidence at or above which a BSN candidate is reported.
pub const BSN_THRESHOLD: f32 = 0.5;

/// Most BSN findings reported per text unit; more add no information
/// (an export with thousands of BSNs is already a BSN finding).
pub const MAX_BSN_PER_UNIT: usize = 20;

/// Health and personal detectors look at this many bytes of each text unit
/// (a large export shows what it is in its first megabyte); the BSN
/// detector reads everything.
pub const CONTEXT_SCAN_BYTES: usize = 1 << 20;

/// The first `CONTEXT_SCAN_BYTES` of a unit's text, cut at a char boundary.
pub fn head(text: &str) -> &str {
    if text.len() <= CONTEXT_SCAN_BYTES {
        return text;
    }
    let mut end = CONTEXT_SCAN_BYTES;
    while end > 0 && !text.is_char_boundary(end) {
        end -= 1;
    }
    text.get(..end).unwrap_or("")
}

/// Run all detectors over the units of one message.
pub fn run(units: &[TextUnit]) -> Vec<Finding> {
    let mut findings = Vec::new();
    for unit in units {
        bsn_findings(unit, &mut findings);
    }
    let bsn_at = findings.first().map(|f| f.location.clone());
    let has_bsn = bsn_at.is_some();
    let signals = personal::PersonSignals::collect(units);
    health::detect(units, &signals, has_bsn, &mut findings);
    personal::detect(&signals, has_bsn, bsn_at.as_ref(), &mut findings);
    findings
}

fn bsn_findings(unit: &TextUnit, out: &mut Vec<Finding>) {
    let mut cands = bsn::candidates(&unit.text);
    cands.extend(bsn::dashed_after_label(&unit.text));
    if cands.is_empty() {
        return;
    }
    let mut bare_prior: Option<f32> = None;
    let mut seen: std::collections::HashSet<[u8; 9]> = std::collections::HashSet::new();
    let mut reported = 0usize;
    for c in cands {
        if reported >= MAX_BSN_PER_UNIT {
            break;
        }
        if !bsn::elfproef(&c.digits) || seen.contains(&c.digits) || bsn::in_url(&unit.text, &c) {
            continue;
        }
        if !c.usual_shape && !bsn::directly_labelled(&unit.text, &c) {
            continue;
        }
        let confidence = match bsn::context(&unit.text, &c) {
            bsn::Context::Keyword => 0.95,
            bsn::Context::OtherNumber => 0.1,
            bsn::Context::Bare => *bare_prior.get_or_insert_with(|| {
                bsn::bare_confidence(&unit.text, unit.loc.filename.as_deref())
            }),
        };
        if confidence < BSN_THRESHOLD {
            continue;
        }
        seen.insert(c.digits);
        reported += 1;
        out.push(Finding {
            category: Category::Bsn,
            detector: "bsn".into(),
            location: unit.loc.clone(),
            evidence: bsn::mask(&c.digits),
            confidence,
        });
    }
}
