//! Whose health a sentence is about: the writer ("ik heb", "my back"), the
//! reader ("je bloeduitslagen", "your urine test"), a person the text names
//! ("Teun heeft ...", "Kees de Wit ..."), someone referred to by a pronoun
//! ("zij heeft", "his inhaler"), nobody in particular, or everybody
//! ("als u koorts heeft", "mensen met diabetes": generic).
//!
//! Pure; looks only at the lexicon hits and names of the one sentence.

use super::cached_regex as re;
use super::lexicon::{self, Hit};
use super::reading::{Reading, Role};
use regex::Regex;
use std::ops::Range;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Attribution {
    /// First person: the writer's own health.
    Writer,
    /// A person named in the sentence.
    Named,
    /// A third-person pronoun or a word like "patiënt", "zoon".
    Pronoun,
    /// Second person: the reader's health.
    Reader,
    /// No one in the sentence.
    Nobody,
    /// A conditional or generic clause before the term.
    Generic,
}

/// How far before a term a conditional or generic cue governs it.
const GENERIC_REACH: usize = 80;

/// Third-person cues that refer to one person (not "ze"/"zijn", which are
/// also "they" and "to be", nor "man"/"vrouw", which anonymised cases use).
const ONE_PERSON_PRONOUNS: &[&str] = &[
    "hij", "zij", "hem", "haar", "he", "she", "him", "her", "his", "pt", "pte",
];

pub fn of(r: &Reading, sentence: Range<usize>, term: &Hit) -> Attribution {
    let mut writer = false;
    let mut writer_verb = false;
    let mut reader = false;
    let mut pronoun = false;
    for hit in r.hits_in(sentence.clone()) {
        if hit.start == term.start {
            continue;
        }
        let before_term = hit.end <= term.start;
        if before_term
            && hit.is(lexicon::CONDITIONAL | lexicon::GENERIC)
            && term.start - hit.end <= GENERIC_REACH
            && !hit.is(lexicon::HEALTH)
            && !asks_when(r, &sentence, hit)
        {
            return Attribution::Generic;
        }
        if hit.is(lexicon::FIRST_PERSON) {
            writer = true;
        } else if hit.is(lexicon::FIRST_PERSON_VERB) {
            writer_verb = true;
        } else if hit.is(lexicon::SECOND_PERSON) {
            reader = true;
        } else if hit.is(lexicon::THIRD_PERSON) {
            let word = r.text.get(hit.start..hit.end).unwrap_or("");
            let one_person = ONE_PERSON_PRONOUNS
                .iter()
                .any(|p| p.eq_ignore_ascii_case(word));
            let relative = !one_person && possessed(r, hit);
            pronoun |= one_person || relative;
        }
    }
    // "zijn prostaatbiopten", "mijn spiraaltje", "your inhaler": a
    // possessive right before the term says whose it is.
    if !(writer || reader || pronoun) {
        match possessive_before(r, term) {
            Some(Attribution::Writer) => writer = true,
            Some(Attribution::Reader) => reader = true,
            Some(_) => pronoun = true,
            None => {}
        }
    }
    // Names are sorted and do not overlap: look only at those that reach
    // into the sentence (a long text names hundreds of people).
    let first = r.names.partition_point(|n| n.span.end <= sentence.start);
    let named = r.names[first..]
        .iter()
        .take_while(|n| n.span.start < sentence.end)
        .any(|n| n.role == Role::Subject)
        || on_a_record_line(r, term);
    if writer || (writer_verb && !reader) {
        Attribution::Writer
    } else if named {
        Attribution::Named
    } else if pronoun {
        Attribution::Pronoun
    } else if reader {
        Attribution::Reader
    } else {
        Attribution::Nobody
    }
}

/// A field of a clinical record ("Klacht: lage rugpijn", "Diagnose:",
/// "Reden van verwijzing:", "Medication:") in a text that names the
/// person the record is about: the field is that person's. A form with no
/// one named in it (a blank template, a leaflet) stays nobody's.
fn on_a_record_line(r: &Reading, term: &Hit) -> bool {
    static R: OnceLock<Regex> = OnceLock::new();
    let label = re(
        &R,
        r"(?i)^[\s>*-]*(?:klacht(?:en)?|klachtomschrijving|hulpvraag|diagnose|werkdiagnose|diagnosis|diagnoses|indicatie|reden (?:van |voor )?(?:verwijzing|verwijzen|consult|opname)|verwijsreden|reason for (?:referral|admission)|conclusie|conclusion|behandeling|behandelplan|treatment|medicatie|medication|voorgeschiedenis|anamnese|history|probleem|problemen|problem|bevindingen|findings|beleid|uitslag|result|results|impression)\s*:",
    );
    let line = r.line_of(term.start);
    let Some(prefix) = r.text.get(line.start..term.start) else {
        return false;
    };
    label.is_match(prefix) && r.names.iter().any(|n| n.role == Role::Subject)
}

/// "Wanneer kan mijn spiraaltje eruit?", "When can I get my results?":
/// a question that opens with "wanneer"/"when" asks about a time; it is
/// no condition ("wanneer u koorts heeft, ...").
fn asks_when(r: &Reading, sentence: &Range<usize>, cue: &Hit) -> bool {
    let word = r.text.get(cue.start..cue.end).unwrap_or("");
    let opens = r.text.get(sentence.start..cue.start).is_some_and(|b| {
        b.trim_start_matches(|c: char| !c.is_alphanumeric())
            .is_empty()
    });
    let question = r
        .text
        .get(cue.end..sentence.end)
        .is_some_and(|rest| rest.trim_end().ends_with('?'));
    (word.eq_ignore_ascii_case("wanneer") || word.eq_ignore_ascii_case("when")) && opens && question
}

/// The possessive word right before a term, as whose it makes the term.
fn possessive_before(r: &Reading, term: &Hit) -> Option<Attribution> {
    let before = super::names::window_before(r.text, term.start, 8).to_lowercase();
    let word = before
        .strip_suffix(|c: char| c.is_whitespace())?
        .split_whitespace()
        .last()?
        .to_string();
    match word.as_str() {
        "mijn" | "m'n" | "my" | "mein" | "meine" | "meiner" | "meinen" => Some(Attribution::Writer),
        "uw" | "your" => Some(Attribution::Reader),
        "zijn" | "z'n" | "haar" | "his" | "her" => Some(Attribution::Pronoun),
        _ => None,
    }
}

/// "mijn zoon", "uw dochter", "onze patiënt", "my daughter", "de patiënt":
/// a relative or patient who is one particular person (after a possessive
/// or a definite article), not "patiënten" or "een kind" in general.
fn possessed(r: &Reading, hit: &Hit) -> bool {
    let before = super::names::window_before(r.text, hit.start, 12).to_lowercase();
    let word = before.split_whitespace().last().unwrap_or("");
    matches!(
        word,
        "mijn"
            | "m'n"
            | "uw"
            | "je"
            | "jouw"
            | "zijn"
            | "haar"
            | "onze"
            | "ons"
            | "my"
            | "your"
            | "our"
            | "his"
            | "her"
            | "de"
            | "deze"
            | "the"
            | "this"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::inspect::detect::lexicon::lexicon;
    use crate::inspect::TextUnit;
    use crate::types::Location;

    fn attribution(text: &str, term: &str) -> Attribution {
        let unit = TextUnit {
            loc: Location::default(),
            text: text.into(),
        };
        let r = Reading::new(&unit);
        let at = text.find(term).unwrap();
        let hit = lexicon()
            .hits(text)
            .into_iter()
            .find(|h| h.start == at)
            .unwrap_or_else(|| panic!("{term} is no lexicon hit"));
        of(&r, r.sentence_of(at), &hit)
    }

    #[test]
    fn whose_health() {
        assert_eq!(
            attribution("Ik heb sinds het weekend een droge hoest.", "droge hoest"),
            Attribution::Writer
        );
        assert_eq!(
            attribution(
                "Sorry, I won't be in today, the slipped disc is acting up.",
                "slipped disc"
            ),
            Attribution::Writer
        );
        assert_eq!(
            attribution(
                "Je bloeduitslagen zijn goed, ook je ferritine.",
                "ferritine"
            ),
            Attribution::Reader
        );
        assert_eq!(
            attribution("Teun heeft steeds oorontsteking.", "oorontsteking"),
            Attribution::Named
        );
        assert_eq!(
            attribution("Mijn zoon heeft astma.", "astma"),
            Attribution::Writer
        );
        assert_eq!(
            attribution("De patiënt gebruikt metformine.", "metformine"),
            Attribution::Pronoun
        );
        assert_eq!(
            attribution("Als u koorts heeft, blijf thuis.", "koorts"),
            Attribution::Generic
        );
        assert_eq!(
            attribution("Mensen met diabetes krijgen een uitnodiging.", "diabetes"),
            Attribution::Generic
        );
        assert_eq!(
            attribution("Diabetes is een veel voorkomende ziekte.", "Diabetes"),
            Attribution::Nobody
        );
        // Informal mail drops the "ik"; "heb je" asks the reader.
        assert_eq!(
            attribution("Heb sinds gisteren koorts.", "koorts"),
            Attribution::Writer
        );
        assert_eq!(
            attribution("Been feeling dizzy since Monday.", "dizzy"),
            Attribution::Writer
        );
        assert_eq!(
            attribution("Heb je koorts, kom dan later.", "koorts"),
            Attribution::Reader
        );
        // A record's field is about the person the record names.
        assert_eq!(
            attribution(
                "Patiënt: J. de Vries\nKlacht: lage rugpijn met uitstraling",
                "lage rugpijn"
            ),
            Attribution::Named
        );
        assert_eq!(
            attribution("Klacht: lage rugpijn met uitstraling", "lage rugpijn"),
            Attribution::Nobody
        );
    }
}
