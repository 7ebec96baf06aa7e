//! Detectors over extracted text units: BSN, health data about a person,
//! and identifying personal data. Pure functions; findings carry masked
//! evidence only.

pub mod attribution;
pub mod bsn;
pub mod complaints;
pub mod foreign;
pub mod gates;
pub mod health;
pub mod lexicon;
pub mod names;
pub mod personal;
pub mod reading;
pub mod structured;
pub mod tables;

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

/// Where (byte offsets) `full` matches on a line on which a word of
/// `gate` stands: the long patterns run only on the few lines that may
/// hold their words, not over the whole text. (`full` must not need more
/// than its line.)
pub(crate) fn gated_matches<'t>(
    reading: &reading::Reading<'t>,
    gate: gates::Gate,
    full: &'static regex::Regex,
) -> impl Iterator<Item = usize> + 't {
    let text = reading.text;
    let mut done_until = 0usize;
    reading
        .gates
        .positions(gate, text)
        .into_iter()
        .flat_map(move |at| {
            let line = reading::line_range(text, at);
            let fresh = line.start >= done_until;
            done_until = done_until.max(line.end);
            let found: Vec<usize> = match text.get(line.clone()) {
                Some(l) if fresh => full.find_iter(l).map(|m| line.start + m.start()).collect(),
                _ => Vec::new(),
            };
            found
        })
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
    let readings: Vec<reading::Reading> = units.iter().map(reading::Reading::new).collect();
    let mut signals = personal::PersonSignals::collect(&readings);
    // In a text about a named person, a bare number gets the benefit of
    // the doubt even where the text also speaks of orders or contracts.
    let about_a_person = signals.titled || signals.dob || signals.patient_number;
    let mut findings = Vec::new();
    let mut contexts = BsnContexts::default();
    for unit in units {
        bsn_findings(unit, about_a_person, &mut findings, &mut contexts);
    }
    // A number called a ticket, order or reference anywhere in the message
    // is that, also where it stands alone ("[240783232] Melding aangemaakt"),
    // unless a BSN label names it somewhere.
    let mut index = 0;
    findings.retain(|_| {
        let keep = contexts
            .reported
            .get(index)
            .is_none_or(|digits| !contexts.other_only(digits));
        index += 1;
        keep
    });
    let bsn_at = findings.first().map(|f| f.location.clone());
    let has_bsn = bsn_at.is_some();
    // A display name that carries a BSN ("Jansen, J. (BSN 111222333)")
    // names that person.
    if findings
        .iter()
        .any(|f| f.location.field.as_deref() == Some("display-names"))
    {
        signals.named = true;
        signals.titled = true;
    }
    health::detect(&readings, &signals, has_bsn, &mut findings);
    personal::detect(&signals, has_bsn, bsn_at.as_ref(), &mut findings);
    findings
}

/// How each nine-digit number (by its masked form) was labelled in the
/// message.
#[derive(Default)]
struct BsnContexts {
    other: std::collections::HashSet<[u8; 9]>,
    keyword: std::collections::HashSet<[u8; 9]>,
    /// The digits of each finding, in order.
    reported: Vec<[u8; 9]>,
}

impl BsnContexts {
    fn other_only(&self, digits: &[u8; 9]) -> bool {
        self.other.contains(digits) && !self.keyword.contains(digits)
    }
}

fn bsn_findings(
    unit: &TextUnit,
    about_a_person: bool,
    out: &mut Vec<Finding>,
    contexts: &mut BsnContexts,
) {
    let mut cands = bsn::candidates(&unit.text);
    cands.extend(bsn::dashed_after_label(&unit.text));
    cands.extend(bsn::three_dashed_groups(&unit.text));
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
        if !bsn::elfproef(&c.digits) {
            continue;
        }
        if bsn::in_url(&unit.text, &c) {
            // A ticket or case link names the number for what it is.
            contexts.other.insert(c.digits);
            continue;
        }
        if !c.usual_shape && !bsn::directly_labelled(&unit.text, &c) {
            continue;
        }
        let context = bsn::context(&unit.text, &c);
        match context {
            bsn::Context::Keyword => contexts.keyword.insert(c.digits),
            bsn::Context::OtherNumber => contexts.other.insert(c.digits),
            bsn::Context::Bare => false,
        };
        if seen.contains(&c.digits) {
            continue;
        }
        let confidence = match context {
            bsn::Context::Keyword => 0.95,
            bsn::Context::OtherNumber => 0.1,
            bsn::Context::Bare if bsn::person_on_line(&unit.text, &c) => 0.8,
            bsn::Context::Bare => *bare_prior.get_or_insert_with(|| {
                bsn::bare_confidence(&unit.text, unit.loc.filename.as_deref(), about_a_person)
            }),
        };
        if confidence < BSN_THRESHOLD {
            continue;
        }
        seen.insert(c.digits);
        reported += 1;
        contexts.reported.push(c.digits);
        out.push(Finding {
            category: Category::Bsn,
            detector: "bsn".into(),
            location: unit.loc.clone(),
            evidence: bsn::mask(&c.digits),
            confidence,
        });
    }
}

/// Development aid: what the detectors saw in `units` (reveals content;
/// never log it).
#[doc(hidden)]
pub fn explain(units: &[TextUnit]) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let readings: Vec<reading::Reading> = units.iter().map(reading::Reading::new).collect();
    for r in &readings {
        let _ = writeln!(out, "== unit {:?} {:?}", r.unit.loc.part, r.unit.loc.field);
        for n in &r.names {
            let _ = writeln!(
                out,
                "  name {:?} {:?} {:?}",
                r.text.get(n.span.clone()).unwrap_or(""),
                n.role,
                n.strength
            );
        }
        for h in r
            .hits
            .iter()
            .filter(|h| h.is(lexicon::HEALTH | lexicon::GENERIC))
        {
            let sentence = r.sentence_of(h.start);
            let how = attribution::of(r, sentence, h);
            let _ = writeln!(
                out,
                "  term {:?} {:#x} {:?}",
                r.text.get(h.start..h.end).unwrap_or(""),
                h.classes,
                how
            );
        }
        for s in &r.signatures {
            let _ = writeln!(
                out,
                "  signature {:?}",
                r.text.get(s.clone()).unwrap_or("").lines().next()
            );
        }
    }
    let signals = personal::PersonSignals::collect(&readings);
    let _ = writeln!(out, "signals {signals:?}");
    let _ = writeln!(out, "health {:?}", health::gather(&readings));
    let _ = writeln!(
        out,
        "findings {:?}",
        run(units)
            .iter()
            .map(|f| (f.category, f.evidence.clone(), f.confidence))
            .collect::<Vec<_>>()
    );
    out
}

/// Benchmark aid: seconds per pass of each whole-text pattern over `text`
/// (the median of `rounds`), to see where the detectors spend their time.
#[doc(hidden)]
pub fn pattern_costs(text: &str, rounds: usize) -> Vec<(&'static str, f64)> {
    let patterns: Vec<(&'static str, &regex::Regex)> = vec![
        ("health::sick_note", health::sick_note()),
        ("health::vaccination_given", health::vaccination_given()),
        ("health::pregnancy_of_person", health::pregnancy_of_person()),
        (
            "health::specialist_appointment",
            health::specialist_appointment(),
        ),
        ("health::icpc_code", health::icpc_code()),
        ("structured::clinical", structured::clinical()),
        ("structured::hl7_pid", structured::hl7_pid()),
        ("structured::fhir_patient", structured::fhir_patient()),
        ("structured::edifact_patient", structured::edifact_patient()),
        ("personal::name_with_address", personal::name_with_address()),
        ("personal::dob", personal::dob()),
        ("personal::patient_number", personal::patient_number()),
        ("personal::labelled_address", personal::labelled_address()),
        ("personal::labelled_phone", personal::labelled_phone()),
        ("names::comma_initials", names::comma_initials()),
        ("names::birth_or_age_after", names::birth_or_age_after()),
        ("bsn::positive", bsn::positive_re()),
    ];
    let time = |f: &dyn Fn()| {
        let mut v: Vec<f64> = (0..rounds.max(1))
            .map(|_| {
                let t = std::time::Instant::now();
                f();
                t.elapsed().as_secs_f64()
            })
            .collect();
        v.sort_by(|a, b| a.total_cmp(b));
        v.get(v.len() / 2).copied().unwrap_or(0.0)
    };
    let mut out: Vec<(&'static str, f64)> = patterns
        .into_iter()
        .map(|(name, re)| {
            (
                name,
                time(&|| {
                    std::hint::black_box(re.find_iter(text).count());
                }),
            )
        })
        .collect();
    out.push((
        "gates::find",
        time(&|| drop(std::hint::black_box(gates::Gates::find(text)))),
    ));
    out.push((
        "lexicon::hits",
        time(&|| drop(std::hint::black_box(lexicon::lexicon().hits(text)))),
    ));
    out.push((
        "bsn::candidates",
        time(&|| drop(std::hint::black_box(bsn::candidates(text)))),
    ));
    out.push((
        "bsn::three_dashed_groups",
        time(&|| drop(std::hint::black_box(bsn::three_dashed_groups(text)))),
    ));
    let unit = TextUnit {
        loc: Default::default(),
        text: text.to_string(),
    };
    out.push((
        "reading (hits, names, sentences)",
        time(&|| drop(std::hint::black_box(reading::Reading::new(&unit)))),
    ));
    let readings = vec![reading::Reading::new(&unit)];
    out.push((
        "personal::collect",
        time(&|| {
            drop(std::hint::black_box(personal::PersonSignals::collect(
                &readings,
            )))
        }),
    ));
    out.push((
        "health::gather",
        time(&|| drop(std::hint::black_box(health::gather(&readings)))),
    ));
    out.push((
        "tables::table_of_people",
        time(&|| {
            std::hint::black_box(tables::table_of_people(text));
        }),
    ));
    out.push((
        "run (all)",
        time(&|| drop(std::hint::black_box(run(std::slice::from_ref(&unit))))),
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::Location;

    fn units(texts: &[(&str, &str)]) -> Vec<TextUnit> {
        texts
            .iter()
            .map(|(field, text)| TextUnit {
                loc: Location {
                    field: (!field.is_empty()).then(|| field.to_string()),
                    ..Location::default()
                },
                text: text.to_string(),
            })
            .collect()
    }

    #[test]
    fn release_case_and_backup_job_numbers_are_no_bsn() {
        for text in [
            "Beste gebruiker,\n\nRelease 111222333 van het HIS wordt zondag uitgerold.",
            "Hi,\n\nRegarding case 111222333: the VPN client keeps disconnecting.",
            "Job: HIS-nightly\nStatus: Success\nFiles: 111222333\nJob ID: 123456782\n",
        ] {
            let found = run(&units(&[("", text)]));
            assert!(
                found.iter().all(|f| f.category != Category::Bsn),
                "{text}: {found:?}"
            );
        }
        // The same number named a BSN stays one.
        let found = run(&units(&[(
            "",
            "Casus: dhr. Smit, BSN 111222333, release uit de kliniek.",
        )]));
        assert!(found.iter().any(|f| f.category == Category::Bsn));
    }

    #[test]
    fn a_ticket_number_alone_in_the_subject_is_the_ticket_of_the_body() {
        let found = run(&units(&[
            ("Subject", "[240783232] Melding aangemaakt"),
            (
                "",
                "Beste Khaled,\n\nUw melding is aangemaakt.\nTicketnummer: 240783232\n",
            ),
        ]));
        assert!(
            found.iter().all(|f| f.category != Category::Bsn),
            "{found:?}"
        );
        // A BSN named as such stays one, wherever else the number stands.
        let found = run(&units(&[
            ("Subject", "Verwijzing 111222333"),
            ("", "Naam: J. Jansen\nBSN: 111222333\n"),
        ]));
        assert!(found.iter().any(|f| f.category == Category::Bsn));
    }
}
