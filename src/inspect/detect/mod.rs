//! Detectors over extracted text units: BSN, health data about a person,
//! and identifying personal data. Pure functions; findings carry masked
//! evidence only.

pub mod bsn;
pub mod health;
pub mod personal;
pub mod vocab;

use super::TextUnit;
use crate::types::{Category, Finding};

/// Confidence at or above which a BSN candidate is reported.
pub const BSN_THRESHOLD: f32 = 0.5;

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
    let cands = bsn::candidates(&unit.text);
    if cands.is_empty() {
        return;
    }
    let mut bare_prior: Option<f32> = None;
    let mut seen: Vec<[u8; 9]> = Vec::new();
    for c in cands {
        if !bsn::elfproef(&c.digits) || seen.contains(&c.digits) || bsn::in_url(&unit.text, &c) {
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
        seen.push(c.digits);
        out.push(Finding {
            category: Category::Bsn,
            detector: "bsn".into(),
            location: unit.loc.clone(),
            evidence: bsn::mask(&c.digits),
            confidence,
        });
    }
}
