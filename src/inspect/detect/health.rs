//! Health detector: is this message about the health of one identifiable
//! person?
//!
//! Evidence about health comes from the vocabulary (conditions, symptoms,
//! medication, labs, care, mental health and youth care — data files),
//! weighed per distinct term: a strong term counts 1, a weak one ("moe",
//! "pijn") a third; medication with a dosage, a lab value with its unit, an
//! ICPC code with a title, a specialist appointment, a vaccination given or
//! a pregnancy count 2; a condition said of someone counts 3.
//!
//! Evidence that the health is *someone's* comes from the sentence a term
//! stands in (`attribution`): a writer about themselves ("ik heb sinds het
//! weekend een droge hoest"), a letter to its greeted reader about theirs
//! ("je bloeduitslagen zijn goed"), or a text about a named person, a
//! patient, a child ("Teun heeft steeds oorontstekingen"). Conditional and
//! generic sentences ("als u koorts heeft", "mensen met diabetes") give no
//! attribution, and a mass mailing's "u" is nobody in particular.
//!
//! Recall comes first: a false alarm costs a pickup link, a miss a leak.
//! Pure; evidence lists classes of evidence, never terms or text.

use super::attribution::{self, Attribution};
use super::complaints;
use super::gates::Gate;
use super::lexicon::{self, lexicon, Hit};
use super::personal::PersonSignals;
use super::reading::Reading;
use super::structured;
use crate::types::{Category, Finding};
use std::collections::{BTreeSet, HashSet};

#[path = "health_patterns.rs"]
mod patterns;
use patterns::{attributed_to_person, diagnosis_made, icpc_at};
pub(crate) use patterns::{
    dosage, icpc_code, lab_value, medication_request, pregnancy_of_person, sick_note,
    specialist_appointment, treatment_of_person, vaccination_given,
};

/// Weight of one vocabulary term, in points (a strong term is 1).
fn term_weight(hit: &Hit) -> f32 {
    if hit.is(lexicon::WEAK) {
        0.34
    } else {
        1.0
    }
}

/// Health evidence gathered over a message.
#[derive(Debug, Default)]
pub struct Evidence {
    /// Points of all health evidence in sentences that are not generic.
    pub total: f32,
    /// Points of evidence the writer says of themselves.
    pub writer: f32,
    /// Points said of a person named in the same sentence.
    pub named: f32,
    /// Points said of "hij", "zij", "de patiënt", "mijn zoon".
    pub pronoun: f32,
    /// Points said of the reader ("je", "uw", "your").
    pub reader: f32,
    /// Of those, a value or a dose: no mass mailing tells its reader that.
    pub reader_specific: f32,
    /// Attributed terms that are strong on their own (not weak words).
    pub attributed_strong: usize,
    /// Weak complaint words the writer says of themselves ("mijn rug",
    /// "beroerd", "benauwd"): two of them make a complaint.
    pub writer_weak_complaints: usize,
    pub kinds: BTreeSet<&'static str>,
    pub sick_note: bool,
    /// Generic-audience markers (distinct).
    pub generic: usize,
    pub mass_mailing: bool,
    /// Points of medication named for nobody in particular in a mail that
    /// asks for a prescription: the asker's, when the writer speaks or signs.
    pub requested: f32,
    /// The writer speaks in the first person somewhere.
    pub first_person: bool,
    /// The patterns (`complaints`) already counted for a person.
    pub patterns_said: HashSet<(&'static str, Attribution)>,
    /// Index of the unit with the most evidence.
    pub best_unit: Option<usize>,
}

/// Gather the evidence of every unit.
pub fn gather(readings: &[Reading]) -> Evidence {
    let mut ev = Evidence::default();
    let mut seen = Seen::default();
    let mut generic_seen: HashSet<u32> = HashSet::new();
    let mut best = 0.0f32;
    // The subject may carry the request ("herhaalrecept") for the body.
    let request = readings.iter().any(|r| {
        super::gated_matches(r, Gate::Request, medication_request())
            .next()
            .is_some()
    });
    for (index, r) in readings.iter().enumerate() {
        if r.is_metadata() {
            continue;
        }
        let before = ev.total;
        ev.first_person |= r.hits.iter().any(|h| h.is(lexicon::FIRST_PERSON));
        for hit in &r.hits {
            if hit.is(lexicon::GENERIC) && generic_seen.insert(hit.entry) {
                ev.generic += 1;
            }
        }
        if r.gates.any(Gate::MassMailing) {
            ev.mass_mailing = true;
        }
        score_unit(r, request, &mut ev, &mut seen);
        if super::gated_matches(r, Gate::Sick, sick_note())
            .next()
            .is_some()
        {
            ev.sick_note = true;
        }
        if ev.total - before > best || ev.best_unit.is_none() {
            best = ev.total - before;
            ev.best_unit = Some(index);
        }
    }
    ev
}

/// Which (term, person) pairs were counted: one flag byte per lexicon
/// entry, a bit per attribution (no hashing on the hot path).
#[derive(Default)]
struct Seen(Vec<u8>);

impl Seen {
    fn insert(&mut self, entry: u32, how: Attribution) -> bool {
        let index = entry as usize;
        if self.0.len() <= index {
            self.0.resize(lexicon().entries().max(index + 1), 0);
        }
        let bit = 1u8 << (how as u8);
        match self.0.get_mut(index) {
            Some(flags) if *flags & bit == 0 => {
                *flags |= bit;
                true
            }
            _ => false,
        }
    }
}

fn score_unit(r: &Reading, request: bool, ev: &mut Evidence, seen: &mut Seen) {
    let lx = lexicon();
    for hit in r.hits.iter().filter(|h| h.is(lexicon::HEALTH)) {
        // "als" (also ALS), "ik", "me" (also ME/CVS): a closed-class word
        // is read as the cue it nearly always is.
        if hit.is(lexicon::CUE_WORDS) {
            continue;
        }
        let line_end = r.line_of(hit.end).end.max(hit.end);
        let after = r.text.get(hit.end..line_end).unwrap_or("");
        let dosed = hit.is(lexicon::MEDICATION)
            && dosage().is_match(after.get(..after.len().min(60)).unwrap_or(after));
        // "Yasmin", "Ana", "Roos": a capitalised first name is a name,
        // unless a dose follows it.
        if hit.is(lexicon::FIRST_NAME) && !dosed {
            continue;
        }
        let mut weight = term_weight(hit);
        let mut kind = class_name(hit);
        if dosed {
            weight = 2.0;
            kind = "medication+dosage";
        } else if hit.is(lexicon::LAB)
            && lab_value()
                .find(after)
                .is_some_and(|m| m.as_str().chars().any(|c| c.is_ascii_digit()))
        {
            weight = 2.0;
            kind = "lab-value";
        }
        let sentence = r.sentence_of(hit.start);
        let how = attribution::of(r, sentence.clone(), hit);
        if how == Attribution::Generic {
            continue;
        }
        if request
            && how == Attribution::Nobody
            && hit.is(lexicon::MEDICATION)
            && !hit.is(lexicon::WEAK)
            && seen.insert(hit.entry, Attribution::Writer)
        {
            ev.requested += weight;
        }
        // A term counts once for the total and once for each person it is
        // said of (the subject line may name it before the text says whose).
        let first_time = seen.insert(hit.entry, Attribution::Nobody);
        let first_for_person = how != Attribution::Nobody && seen.insert(hit.entry, how);
        if !first_time && !first_for_person {
            continue;
        }
        if hit.is(lexicon::CONDITION | lexicon::MENTAL) && !hit.is(lexicon::WEAK) {
            let prefix = r.text.get(sentence.start..hit.start).unwrap_or("");
            // Only a sentence with a person word can say it of someone.
            let person_word = r.hits_in(sentence.start..hit.start).any(|h| {
                h.is(lexicon::SECOND_PERSON
                    | lexicon::THIRD_PERSON
                    | lexicon::FIRST_PERSON
                    | lexicon::SALUTATION)
            });
            let prefix = prefix.to_lowercase();
            if person_word && attributed_to_person().is_match(&prefix)
                || diagnosis_made().is_match(&prefix)
            {
                weight = 3.0;
                ev.kinds.insert("condition-of-person");
            }
        }
        ev.kinds.insert(kind);
        if first_time {
            ev.total += weight;
        }
        if !first_for_person {
            continue;
        }
        if weight >= 1.0 {
            ev.attributed_strong += 1;
        } else if how == Attribution::Writer
            && hit.is(lexicon::SYMPTOM | lexicon::CONDITION | lexicon::MENTAL)
        {
            ev.writer_weak_complaints += 1;
        }
        match how {
            Attribution::Writer => ev.writer += weight,
            Attribution::Named => ev.named += weight,
            Attribution::Pronoun => ev.pronoun += weight,
            Attribution::Reader => {
                ev.reader += weight;
                if weight >= 2.0 {
                    ev.reader_specific += weight;
                }
            }
            Attribution::Nobody | Attribution::Generic => {}
        }
    }
    let text = r.text;
    for (gate, regex, kind) in [
        (Gate::Vaccine, vaccination_given(), "vaccination-given"),
        (
            Gate::Pregnancy,
            pregnancy_of_person(),
            "pregnancy-of-person",
        ),
        (
            Gate::Appointment,
            specialist_appointment(),
            "specialist-appointment",
        ),
    ] {
        if !ev.kinds.contains(kind) && super::gated_matches(r, gate, regex).next().is_some() {
            ev.kinds.insert(kind);
            ev.total += 2.0;
            if kind == "pregnancy-of-person" {
                ev.pronoun += 2.0;
            }
        }
    }
    if !ev.kinds.contains("treatment-of-person") {
        let found = super::gated_matches(r, Gate::Treatment, treatment_of_person())
            .find_map(|at| {
                let line = super::reading::line_range(text, at);
                let rest = text.get(at..line.end)?;
                treatment_of_person().captures(rest)?.get(1)
            })
            .map(|whose| whose.as_str().to_lowercase());
        if let Some(whose) = found {
            ev.kinds.insert("treatment-of-person");
            ev.total += 2.0;
            ev.attributed_strong += 1;
            match whose.as_str() {
                "mijn" | "m'n" | "my" => ev.writer += 2.0,
                "zijn" | "haar" | "his" | "her" => ev.pronoun += 2.0,
                // The reader's: a mass mailing says "uw knie" too, so this
                // is no value only they would be told.
                _ => ev.reader += 2.0,
            }
        }
    }
    for (kind, weight, how) in complaints::evidence(r) {
        add_once(ev, kind, weight, how);
    }
    if !ev.kinds.contains("clinical-record") && structured::clinical_record(text) {
        ev.kinds.insert("clinical-record");
        ev.total += 2.0;
    }
    let icpc_window = |at: usize| super::names::window_after(text, at, 40);
    for cap in icpc_candidates(text)
        .filter_map(|at| icpc_window(at).and_then(|w| icpc_at().captures(w)))
        .take(20)
    {
        if let Some(code) = cap.get(1) {
            if lx.icpc_codes.contains(code.as_str()) && !ev.kinds.contains("icpc") {
                ev.kinds.insert("icpc");
                ev.total += 2.0;
            }
        }
    }
}

/// Evidence of a pattern (not a vocabulary term): it counts once for the
/// total and once for each person it is said of.
fn add_once(ev: &mut Evidence, kind: &'static str, weight: f32, how: Attribution) {
    if ev.kinds.insert(kind) {
        ev.total += weight;
    }
    if how == Attribution::Nobody || !ev.patterns_said.insert((kind, how)) {
        return;
    }
    ev.attributed_strong += 1;
    match how {
        Attribution::Writer => ev.writer += weight,
        Attribution::Named => ev.named += weight,
        Attribution::Pronoun => ev.pronoun += weight,
        Attribution::Reader => {
            ev.reader += weight;
            if weight >= 2.0 {
                ev.reader_specific += weight;
            }
        }
        Attribution::Nobody | Attribution::Generic => {}
    }
}

/// Where an ICPC code may start: a capital letter and two digits after a
/// non-letter (a byte loop; the anchored code pattern then runs there).
fn icpc_candidates(text: &str) -> impl Iterator<Item = usize> + '_ {
    let b = text.as_bytes();
    (0..b.len().saturating_sub(2)).filter(move |&i| {
        b[i].is_ascii_uppercase()
            && b[i + 1].is_ascii_digit()
            && b[i + 2].is_ascii_digit()
            && (i == 0 || !b[i - 1].is_ascii_alphanumeric())
    })
}

fn class_name(hit: &Hit) -> &'static str {
    let strong = !hit.is(lexicon::WEAK);
    match () {
        _ if hit.is(lexicon::MEDICATION) => "medication",
        _ if hit.is(lexicon::CONDITION) && strong => "condition",
        _ if hit.is(lexicon::MENTAL) && strong => "mental-health",
        _ if hit.is(lexicon::SYMPTOM) && strong => "symptom",
        _ if hit.is(lexicon::LAB) => "lab",
        _ if hit.is(lexicon::CARE) && strong => "care",
        _ => "weak-term",
    }
}

/// Minimum score for health data about a merely identifiable person.
pub const MIN_SCORE: f32 = 3.0;

/// Decide and report.
pub fn detect(
    readings: &[Reading],
    signals: &PersonSignals,
    has_bsn: bool,
    out: &mut Vec<Finding>,
) {
    let ev = gather(readings);
    let Some(index) = ev.best_unit else { return };
    let Some(best) = readings.get(index) else {
        return;
    };
    let identifiable = signals.identifiable(has_bsn);
    let about_this_person = [
        "icpc",
        "medication+dosage",
        "lab-value",
        "specialist-appointment",
        "vaccination-given",
        "pregnancy-of-person",
        "condition-of-person",
        "clinical-record",
        "treatment-of-person",
        "temperature-value",
    ]
    .iter()
    .any(|c| ev.kinds.contains(c));
    let specific = about_this_person
        || ev.kinds.contains("condition")
        || ev.kinds.contains("mental-health")
        || ev.kinds.contains("medication")
        || ev.kinds.contains("described-complaint");
    // A mass mailing's "u" and "uw" are everybody's; "zij" and "de
    // patiënt" are someone only in a text that names someone.
    let mass = ev.mass_mailing || ev.generic >= 3;
    // One care word to a greeted reader ("uw herhaalrecepten") is what a
    // mail merge says too; two or a value is about them.
    let reader = if !(signals.named || signals.greeted) {
        0.0
    } else if mass || signals.greeted_only(has_bsn) && ev.generic > 0 {
        ev.reader_specific
    } else if ev.reader >= 2.0 || ev.reader_specific > 0.0 {
        ev.reader
    } else {
        0.0
    };
    // "Hij" after a full name in a text for one reader ("leerling Milan de
    // Jong verzuimt veel. Hij zegt ... zijn darmziekte") is that person.
    let pronoun = if identifiable || signals.mentioned && !mass && ev.generic == 0 {
        ev.pronoun
    } else {
        0.0
    };
    // A medication asked for ("graag een herhaalrecept: salbutamol") is
    // the asker's when someone asks: the writer speaks or signs by name.
    let requested = if ev.first_person || signals.signed {
        ev.requested
    } else {
        0.0
    };
    // In a mass mailing, the writer's "ik" and "heb" are a voice, not a
    // patient: only a named person or a value counts there.
    let writer = if mass { 0.0 } else { ev.writer + requested };
    let attributed = writer + ev.named + pronoun + reader;
    // A greeted name and nothing else, in a text for everybody: a mail
    // merge about diabetes names conditions too. It counts only when the
    // text says something about this person.
    if signals.greeted_only(has_bsn)
        && !ev.sick_note
        && !about_this_person
        && ev.generic > 0
        && attributed < 1.0
    {
        return;
    }
    let min = match (signals.strongly_identified(has_bsn), specific) {
        (true, true) => 1.0,
        (true, false) => MIN_SCORE - 1.0,
        (false, _) => MIN_SCORE,
    };
    let by_person = identifiable && ev.total >= min;
    let by_attribution = (attributed >= 1.0 && (ev.attributed_strong > 0 || requested >= 1.0)
        || writer > 0.0 && ev.writer_weak_complaints >= 2)
        && !(mass && ev.named + reader < 1.0);
    let by_sick_note = ev.sick_note && ev.total >= 0.34 && (ev.kinds.len() > 1 || ev.total >= 1.0);
    if !(by_person || by_attribution || by_sick_note) {
        return;
    }
    let mut kinds: Vec<&str> = ev.kinds.iter().copied().collect();
    if by_attribution {
        kinds.push("about-a-person");
    }
    if by_sick_note {
        kinds.push("sick-note");
    }
    let strength = ev.total.max(attributed);
    out.push(Finding {
        category: Category::Health,
        detector: "health.vocabulary".into(),
        location: best.unit.loc.clone(),
        evidence: kinds.join("+"),
        confidence: (0.5 + 0.05 * strength).min(0.95),
    });
}

#[cfg(test)]
#[path = "health_tests.rs"]
mod tests;
