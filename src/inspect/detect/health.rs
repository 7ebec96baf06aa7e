//! Health detector: medical vocabulary (data files) scored per text unit —
//! medication with a dosage, a lab value with its unit and an ICPC code
//! with a title weigh double — and reported only when the message is about
//! an identifiable person (see `personal::PersonSignals`) or is a sick
//! note about a colleague. Generic information for everybody has no such
//! person and is not health data.
//!
//! Pure; evidence lists term classes, never the terms or text.

use super::personal::PersonSignals;
use super::vocab::{vocab, Class};
use crate::inspect::TextUnit;
use crate::types::{Category, Finding};
use regex::Regex;
use std::collections::BTreeSet;
use std::sync::OnceLock;

use super::cached_regex as re;

fn dosage() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r"(?i)(?-u:\b)\d+(?:[.,/]\d+)*\s*(?:mg|mcg|µg|ug|microgram|milligram|gram|g|ml|ie|e|eh|mmol|%)(?-u:\b)|(?-u:\b)\d\s*(?:dd|x\s*per\s*dag|times daily)\s*\d*|(?-u:\b)zo nodig\b|(?-u:\b)z\.n\.|(?-u:\b)as needed\b",
    )
}

fn lab_value() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r"(?i)\d+(?:[.,]\d+)?\s*(?:mmol/l|mmol/mol|µmol/l|umol/l|ml/min|mg/l|g/l|µg/l|ug/l|ng/ml|ng/l|pmol/l|mu/l|mmhg|/min|kg/m2|%)",
    )
}

fn icpc_code() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(&R, r"(?-u:\b)([A-Z]\d{2})(?:\.\d{2})?(?-u:\b)[ \t:-]+\p{L}")
}

fn sick_note() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r"(?i)(?-u:\b)(?:is (?:vanaf \w+ )?ziek|ik ben (?:(?:vandaag|vanochtend|vannacht|sinds|gisteren|helaas|al|nog|erg|flink|behoorlijk|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\s+){0,2}ziek|ik meld (?:me|mij) (?:\w+ )?ziek|i'?m (?:off )?sick|i am (?:off )?sick|i'?m ill|i am ill|ziek gemeld|ziekgemeld|meldt zich ziek|ziekmelding|is off sick|called in sick|on sick leave|sick leave|afwezig (?:wegens|vanwege)|uitgevallen (?:wegens|vanwege|door))",
    )
}

/// An appointment with a named medical specialist in one sentence: "your
/// appointment with dr. S. de Graaf, neurologist" (on one line: titles
/// and initials have dots), "afspraak bij de
/// cardioloog". For a named patient that is health data by itself (it says
/// which specialist treats them); a GP appointment is not counted.
fn specialist_appointment() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r"(?i)(?-u:\b)(?:afspraak|afspraken|appointment|consult|spreekuur|opname|admission)(?-u:\b)[^\n]{0,120}?(?-u:\b)(?:\p{L}*(?:loog|logist|chirurg|surgeon|iater|iatrist|therapeut|therapist)|\p{L}+-arts|polikliniek|outpatient clinic|medisch specialist|medical specialist|internist|longarts|oogarts|kno-arts|kinderarts|revalidatiearts|geriater|verloskundige|ent specialist|paediatrician|pediatrician|ophthalmologist|obstetrician)(?-u:\b)",
    )
}

/// A vaccination given to someone: "heeft de BMR-vaccinatie gekregen",
/// "received the hepatitis B vaccine". An invitation ("kan de griepprik
/// krijgen") is not one.
fn vaccination_given() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r"(?i)(?:vaccinatie|vaccin|inenting|vaccine|vaccination|booster)\S*[^\n.]{0,60}?(?-u:\b)(?:gekregen|ontvangen|toegediend|gegeven|gezet|received|given|administered)(?-u:\b)|(?-u:\b)(?:gekregen|ontvangen|toegediend|kreeg|received|was given|has had)(?-u:\b)[^\n.]{0,40}?(?:vaccinatie|vaccin|inenting|vaccine|vaccination|booster)",
    )
}

/// A pregnancy stated of someone: "is 20 weken zwanger", "is pregnant".
/// Generic text says "als u zwanger bent" or "wie zwanger is".
fn pregnancy_of_person() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r"(?i)(?-u:\b)(?:is|was)\s+(?:(?:ruim|bijna|nu|inmiddels|about|now)\s+)?(?:\d+(?:[+,]\d+)?\s*(?:weken|wk|weeks)\s+)?(?:zwanger|pregnant)(?-u:\b)",
    )
}

/// A condition said of one person in the sentence before it: "zij heeft
/// suïcidale gedachten", "deze patiënt is bekend met COPD", "he was
/// diagnosed with", "u heeft", "uw diabetes", "haar hartfalen". A generic
/// "als u diabetes heeft" or "iedere patiënt heeft recht op" is not.
fn attributed_to_person() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r"(?i)(?-u:\b)(?:(?:hij|zij|ze|he|she|u|you|mevrouw|meneer|(?:de|deze|onze|uw|mijn|the|this|our|your|my)\s+(?:patiënte?|patient|cliënte?|client|dochter|zoon|daughter|son|vader|moeder|father|mother))\s+(?:heeft|had|has|have|bent bekend met|lijdt aan|leed aan|kampt met|is bekend met|is known with|suffers from|was diagnosed with|were diagnosed with|is gediagnosticeerd met|werd gediagnosticeerd met)(?-u:\b)[^.!?\n]{0,60}|(?:uw|your|zijn|haar|his|her)\s+)$",
    )
}

/// Score of one unit and the classes that made it.
pub fn score(text: &str) -> (u32, BTreeSet<&'static str>) {
    let lower = text.to_lowercase();
    let v = vocab();
    let mut seen_terms = BTreeSet::new();
    let mut classes = BTreeSet::new();
    let mut total = 0u32;
    for hit in v.hits(&lower) {
        if !seen_terms.insert(hit.term) {
            continue;
        }
        let line_end = lower
            .get(hit.end..)
            .and_then(|s| s.find('\n'))
            .map(|i| hit.end + i)
            .unwrap_or(lower.len());
        let after = lower.get(hit.end..line_end).unwrap_or("");
        let weight = match hit.class {
            Class::Medication if dosage().is_match(after) => {
                classes.insert("medication+dosage");
                2
            }
            Class::Lab
                if lab_value().is_match(after)
                    || after
                        .trim_start_matches([':', ' ', '\t'])
                        .starts_with(|c: char| c.is_ascii_digit()) =>
            {
                classes.insert("lab-value");
                2
            }
            Class::Condition
                if attributed_to_person().is_match(sentence_before(&lower, hit.start)) =>
            {
                classes.insert("condition");
                classes.insert("condition-of-person");
                3
            }
            c => {
                classes.insert(c.as_str());
                1
            }
        };
        total += weight;
    }
    if vaccination_given().is_match(text) {
        classes.insert("vaccination-given");
        total += 2;
    }
    if pregnancy_of_person().is_match(text) {
        classes.insert("pregnancy-of-person");
        total += 2;
    }
    if specialist_appointment().is_match(text) {
        classes.insert("specialist-appointment");
        total += 2;
    }
    for cap in icpc_code().captures_iter(text).take(20) {
        if let Some(code) = cap.get(1) {
            if v.icpc_codes.contains(code.as_str()) {
                classes.insert("icpc");
                total += 2;
            }
        }
    }
    (total, classes)
}

/// Words of a text meant for many: a newsletter, a campaign, an evening.
fn generic_audience() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r"(?i)(?-u:\b)(?:iedereen|alle patiënten|alle cliënten|everyone|all patients|nieuwsbrief|newsletter|voorlichting\w*|informatieavond|themavond|bijeenkomst|campagne|campaign|information evening|webinar)(?-u:\b)",
    )
}

/// The text of the sentence up to `pos` (at most 100 bytes).
fn sentence_before(lower: &str, pos: usize) -> &str {
    let mut start = pos.saturating_sub(100);
    while start > 0 && !lower.is_char_boundary(start) {
        start -= 1;
    }
    lower.get(start..pos).unwrap_or("")
}

/// Minimum unit score (distinct terms, weighted) for health data.
pub const MIN_SCORE: u32 = 3;

pub fn detect(units: &[TextUnit], signals: &PersonSignals, has_bsn: bool, out: &mut Vec<Finding>) {
    let identifiable = signals.identifiable(has_bsn);
    let mut best: Option<(u32, usize, BTreeSet<&'static str>)> = None;
    let mut sick = false;
    for (i, u) in units.iter().enumerate() {
        if u.loc.field.as_deref() == Some("display-names")
            || u.loc.field.as_deref() == Some("filename")
        {
            continue;
        }
        let text = super::head(&u.text);
        let (s, classes) = score(text);
        if sick_note().is_match(text) && classes.contains("condition") {
            sick = true;
        }
        if best.as_ref().is_none_or(|(b, _, _)| s > *b) {
            best = Some((s, i, classes));
        }
    }
    let Some((unit_score, index, classes)) = best else {
        return;
    };
    // Evidence that says something about this person, not just a topic.
    let about_this_person = [
        "icpc",
        "medication+dosage",
        "lab-value",
        "specialist-appointment",
        "vaccination-given",
        "pregnancy-of-person",
        "condition-of-person",
    ]
    .iter()
    .any(|c| classes.contains(c));
    // About a person named with a birth date, patient number or BSN, one
    // specific item (a diagnosis, an ICPC code, a dosed medication, a lab
    // value) is already health data about them: "machtigingsaanvraag
    // (diabetes mellitus type 2)" for an insured person with a BSN. Looser
    // evidence (care words alone) still needs more than one term.
    let specific = about_this_person || classes.contains("condition");
    // A greeted name and nothing else, in a text for everybody: a mail
    // merge about diabetes names conditions too. It counts only when the
    // text says something about this person (a value, a dose, "uw
    // diabetes", an appointment). A greeted letter without such audience
    // words still counts: a miss is worse than a false alarm.
    let Some(best_unit) = units.get(index) else {
        return;
    };
    if signals.greeted_only(has_bsn)
        && !sick
        && !about_this_person
        && generic_audience().is_match(super::head(&best_unit.text))
    {
        return;
    }
    let min = match (signals.strongly_identified(has_bsn), specific) {
        (true, true) => 1,
        (true, false) => MIN_SCORE - 1,
        (false, _) => MIN_SCORE,
    };
    if !(identifiable || sick) || (unit_score < min && !(sick && unit_score >= 1)) {
        return;
    }
    out.push(Finding {
        category: Category::Health,
        detector: "health.vocabulary".into(),
        location: best_unit.loc.clone(),
        evidence: classes.into_iter().collect::<Vec<_>>().join("+"),
        confidence: (0.5 + 0.05 * unit_score as f32).min(0.95),
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::Location;

    fn unit(t: &str) -> TextUnit {
        TextUnit {
            loc: Location::default(),
            text: t.into(),
        }
    }

    #[test]
    fn medication_with_dosage_and_lab_values_score_double() {
        let (s, c) =
            score("metformine 500 mg 2dd1\nHbA1c 64 mmol/mol\nT90 Diabetes mellitus type 2");
        assert!(s >= 7, "{s}");
        assert!(c.contains("medication+dosage") && c.contains("lab-value") && c.contains("icpc"));
    }

    #[test]
    fn health_needs_a_person() {
        let text = "Griepvaccinatie: mensen met diabetes, COPD of hartfalen krijgen een griepprik.";
        let units = [unit(text)];
        let mut f = Vec::new();
        detect(&units, &PersonSignals::collect(&units), false, &mut f);
        assert!(f.is_empty());
        let units = [unit(&format!(
            "Geachte mevrouw Jansen,\n{text}\nUw HbA1c was 64 mmol/mol."
        ))];
        detect(&units, &PersonSignals::collect(&units), false, &mut f);
        assert_eq!(f.len(), 1);
    }

    fn detect_in(text: &str) -> Vec<Finding> {
        let units = [unit(text)];
        let mut f = Vec::new();
        detect(&units, &PersonSignals::collect(&units), false, &mut f);
        f
    }

    #[test]
    fn a_sick_note_in_the_first_person_with_its_reason_is_health_data() {
        let found = detect_in("Hoi Marieke,\n\nIk ben vandaag ziek, ik heb een migraineaanval en blijf thuis.\n\nGroet,\nAnouk");
        assert_eq!(found.len(), 1);
        for clean in [
            "Hoi Marieke,\n\nIk ben vandaag ziek en blijf thuis.\n\nGroet,\nAnouk",
            "Hoi Marieke,\n\nIk ben niet ziek, de migraine-avond gaat door.\n\nGroet,\nAnouk",
        ] {
            assert!(detect_in(clean).is_empty(), "{clean}");
        }
    }

    #[test]
    fn a_vaccination_given_to_a_named_child_is_health_data_an_invitation_is_not() {
        let found = detect_in("Beste ouders,\n\nUw zoon Daan de Boer (geb. 05-06-2019) heeft op 12-03-2024 de BMR-vaccinatie gekregen.");
        assert_eq!(found.len(), 1);
        assert!(found[0].evidence.contains("vaccination-given"));
        assert!(detect_in("Beste ouders,\n\nUw zoon Daan de Boer (geb. 05-06-2019) kan in maart de BMR-vaccinatie krijgen via het consultatiebureau.").is_empty());
    }

    #[test]
    fn a_pregnancy_of_a_named_client_is_health_data() {
        let found = detect_in("Beste,\n\nMijn cliënte, mevrouw S. de Boer, is 20 weken zwanger en heeft zwangerschapsdiabetes.");
        assert_eq!(found.len(), 1);
        assert!(found[0].evidence.contains("pregnancy-of-person"));
        assert!(detect_in("Geachte mevrouw De Boer,\n\nAls u zwanger bent, is foliumzuur belangrijk. Iedereen die zwanger wil worden kan bij ons terecht.").is_empty());
    }

    #[test]
    fn a_condition_said_of_a_named_person_is_health_data() {
        let found = detect_in("Beste collega,\n\nIk maak mij zorgen om Sanne Bakker (15 jaar): zij heeft suïcidale gedachten. Kunnen jullie haar vandaag zien?");
        assert_eq!(found.len(), 1);
        assert!(found[0].evidence.contains("condition-of-person"));
        for clean in [
            "Geachte heer Jansen,\n\nIedere patiënt heeft recht op goede zorg bij diabetes. Kom naar onze avond.",
            "Geachte heer Jansen,\n\nAls u diabetes heeft, krijgt u een uitnodiging.",
        ] {
            assert!(detect_in(clean).is_empty(), "{clean}");
        }
    }

    #[test]
    fn a_mail_merge_for_everybody_is_not_health_data_about_the_addressee() {
        let merge = "Geachte heer Jansen,\n\nIn november organiseren wij een voorlichtingsavond over diabetes en hoge bloeddruk. Iedereen met diabetes mellitus type 2 is welkom. Metformine komt aan bod.";
        assert!(detect_in(merge).is_empty());
        // The same greeting with something about him is.
        let personal = "Geachte heer Jansen,\n\nIedereen met diabetes is welkom op onze avond. Uw HbA1c was 64 mmol/mol; komt u ook?";
        assert_eq!(detect_in(personal).len(), 1);
        let personal = "Geachte heer Jansen,\n\nIn november is er een avond voor iedereen. Hoe gaat het met uw diabetes en hoge bloeddruk? Metformine helpt.";
        assert_eq!(detect_in(personal).len(), 1);
    }

    #[test]
    fn a_specialist_appointment_for_a_named_patient_is_health_data() {
        let found = detect_in("Dear Mr M. Kok,

This confirms your appointment with dr. S. de Graaf, neurologist, at Ziekenhuis Noordoever on 03 March 2024 at 10:00.");
        assert_eq!(found.len(), 1);
        assert!(found[0].evidence.contains("specialist-appointment"));
        for letter in [
            "Geachte heer De Bruijn,\n\nHierbij bevestigen wij uw afspraak bij dr. K. Ramdin, MDL-arts, op 04-04-2024.",
            "Dear Mr L. Vos,\n\nThis confirms your appointment with dr. R. van der Heijden, orthopaedic surgeon, on 21 June.",
            "Geachte mevrouw Smit,\n\nUw afspraak op de polikliniek dermatologie is verzet.",
        ] {
            let found = detect_in(letter);
            assert!(
                found.first().is_some_and(|f| f.evidence.contains("specialist-appointment")),
                "{letter}"
            );
        }
        // Nobody named, a GP, or no appointment: not health data.
        for clean in [
            "Maak een afspraak bij de cardioloog via uw huisarts als u klachten heeft.",
            "Dear Mr M. Kok,

This confirms your appointment with dr. S. de Graaf, GP, at 10:00.",
            "Geachte heer Kok,

Onze ICT-specialist komt dinsdag langs voor de printer.",
            "Geachte heer Kok,

De technoloog van de leverancier. Uw afspraak staat.",
        ] {
            assert!(detect_in(clean).is_empty(), "{clean}");
        }
    }
}
