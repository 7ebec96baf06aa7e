//! Where a text names a person, in the shapes Dutch and English care mail
//! uses: a salutation or label with a name ("mevr. J. Dekker", "Naam: Jan
//! de Vries"), a known first name with a surname ("Kees de Wit", "Ágnes
//! Fernández"), a first name on its own ("Teun heeft ..."), a surname with
//! initials either way round ("A. Wiersma", "Wiersma, A.",
//! "Vermeulen-Şahin, Ö."). The name lists are data files
//! (`src/inspect/vocab/first_names.txt`, `surnames.txt`, `not_names.txt`).
//!
//! Pure; returns byte spans, never text.

use super::cached_regex as re;
use super::lexicon::{self, Hit};
use super::reading::{NameAt, NameStrength, Reading};
use crate::inspect::TextUnit;
use regex::Regex;
use std::ops::Range;
use std::sync::OnceLock;

/// Particles between first name or initials and surname.
const PARTICLES: &str = r"(?:van|de|der|den|ter|ten|te|het|la|le|du|da|di|dos|von|el|al|op|in 't|van 't|'t|bin|ben|ibn|abu)";

/// A surname: capitalised, maybe double-barrelled ("Sikkema-Kaya").
const SURNAME: &str = r"\p{Lu}[\p{Ll}'\u{2019}]+(?:-(?:\p{Lu}|(?:van|de|den|der) )[\p{Ll}'\u{2019}\p{Lu} ]*?[\p{Ll}'\u{2019}]+)?";

/// A person's name: up to four initials (OCR reads a capital I as `|`),
/// the name used in brackets ("W.F. (Willem) Brands"), particles, and a
/// capitalised surname.
pub const NAME: &str = r"(?:[A-Z|]\.\s?){0,4}(?:\([A-Z][\p{Ll}]+\)\s)?(?:(?:van|de|der|den|ter|ten|het|la|le|du|da|von|el|al|in 't|van 't)\s+){0,3}[A-Z\u{C0}-\u{DE}][\p{Ll}'\u{2019}]+(?:-[A-Z\u{C0}-\u{DE}]?[\p{Ll}'\u{2019}]+)*";

/// The name after a salutation: "mevr. J. Dekker", "de heer Nguyen".
fn after_salutation() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(&R, &format!(r"^\.?[ \t]+(?:{NAME})"))
}

/// The name after a label and its colon, or in the next table cell:
/// "Naam: dhr. T. Koster", "Patiënt<TAB>J. de Vries" (an HTML table as text).
fn after_label() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        &format!(
            r"^[ \t]*(?::|\t|[ \t]\|[ \t])[\s_|~'‘’.,]*(?i:dhr\.?|mevr\.?|mw\.?|mr\.?|mrs\.?|ms\.?|de heer|mevrouw)?[ \t]*(?:{NAME})"
        ),
    )
}

/// What may follow a first name to make it a full name: more first names
/// or initials, particles, a surname.
fn after_first_name() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        &format!(r"^(?:[ \t]+\p{{Lu}}\.)*(?:[ \t]+{PARTICLES}){{0,3}}[ \t]+({SURNAME})"),
    )
}

/// Initials before a surname: "A. ", "J.P. van der ", "dr. S. de ".
fn initials_before() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        &format!(r"(?:^|[\s(:;,>])(?:\p{{Lu}}\.[ \t]?){{1,4}}(?:{PARTICLES}[ \t]+){{0,3}}$"),
    )
}

/// ", A." / ", J.P." after a surname (clinical style "Wiersma, A."), with
/// the particles a sorted list puts last ("Veen, M. van der").
pub(crate) fn comma_initials() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r",[ \t]?(?:\p{Lu}\.[ \t]?){1,4}(?:(?:van|de|der|den|ter|ten|in 't|van 't|von|le|la)(?:[ \t]|$))*",
    )
}

/// A birth date or an age in brackets or after a comma: where a name not
/// in the lists may stand right before ("Ümit Doğan (5 jaar)", "Zoë van der
/// Veen (geb. 03-05-2019)"). Starts with a literal, so it is found fast.
pub(crate) fn birth_or_age_after() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r"[(,]\s*(?:(?i:geb\.?|geboren|born|dob|geboortedatum)\s*:?\s*\d|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|\d{1,3}\s*(?i:jaar|jr|years?|yrs|y/o)(?-u:\b))",
    )
}

/// Two capitalised words, the second maybe with particles, that end the
/// text before a `birth_or_age_after` match.
fn name_ending_here() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        &format!(r"([A-Z\u{{C0}}-\u{{DE}}][\p{{Ll}}'-]+\s+{NAME})\s*$"),
    )
}

/// The surname (with particles) that ends right before `end`.
fn surname_before() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        &format!(r"(?:^|[\s(:;>])((?:{PARTICLES}[ \t]+){{0,3}}{SURNAME})$"),
    )
}

impl<'t> Reading<'t> {
    /// Read a unit: the shared reading with the people named in it. Built
    /// here, above `reading.rs`, because finding names needs the rest of
    /// the reading (its lexicon hits and signature blocks).
    pub fn new(unit: &'t TextUnit) -> Self {
        let mut reading = Reading::without_names(unit);
        reading.names = find(&reading);
        reading
    }
}

/// All names in a unit, with their roles.
pub fn find(reading: &Reading) -> Vec<NameAt> {
    let text = reading.text;
    let mut spans: Vec<(Range<usize>, NameStrength)> = Vec::new();
    for hit in &reading.hits {
        if hit.is(lexicon::SALUTATION) {
            if let Some(m) =
                window_after(text, hit.end, 80).and_then(|w| after_salutation().find(w))
            {
                let span = hit.start..hit.end + m.end();
                if !is_not_name(reading, hit.end..span.end) {
                    spans.push((span, NameStrength::Full));
                }
            }
        } else if hit.is(lexicon::NAME_LABEL) {
            if let Some(m) = window_after(text, hit.end, 100).and_then(|w| after_label().find(w)) {
                let span = hit.start..hit.end + m.end();
                if !is_not_name(reading, hit.end..span.end) {
                    spans.push((span, NameStrength::Full));
                }
            }
        } else if hit.is(lexicon::FIRST_NAME) && !hit.is(lexicon::NOT_NAME) {
            if let Some(span) = full_name_from_first(reading, hit) {
                spans.push((span, NameStrength::Full));
            } else if !hit.is(lexicon::AMBIGUOUS_NAME | lexicon::HEALTH) && !is_cue(hit) {
                spans.push((hit.start..hit.end, NameStrength::FirstNameOnly));
            }
        } else if hit.is(lexicon::SURNAME) && !hit.is(lexicon::NOT_NAME) {
            let before = window_before(text, hit.start, 40);
            if initials_before().is_match(before) {
                let start = hit.start - initials_len(before);
                spans.push((start..hit.end, NameStrength::Full));
            }
        }
    }
    for m in comma_initials().find_iter(text).take(2_000) {
        let before = window_before(text, m.start(), 60);
        let Some(surname) = surname_before().captures(before).and_then(|c| c.get(1)) else {
            continue;
        };
        let start = m.start() - (before.len() - surname.start());
        if is_not_name(reading, start..m.start()) {
            continue;
        }
        spans.push((start..m.end(), NameStrength::Full));
    }
    for anchor in birth_or_age_after().find_iter(text).take(500) {
        let before = window_before(text, anchor.start(), 80);
        let offset = anchor.start() - before.len();
        let Some(m) = name_ending_here().captures(before).and_then(|c| c.get(1)) else {
            continue;
        };
        let span = offset + m.start()..offset + m.end();
        if !is_not_name(reading, span.clone()) {
            spans.push((span, NameStrength::Full));
        }
    }
    add_later_mentions(reading, &mut spans);
    for (span, _) in spans.iter_mut() {
        let trimmed = text
            .get(span.clone())
            .map_or(0, |s| s.len() - s.trim_end().len());
        span.end -= trimmed;
    }
    spans.sort_by_key(|(s, _)| (s.start, std::cmp::Reverse(s.end)));
    let mut out: Vec<NameAt> = Vec::new();
    for (span, strength) in spans {
        if let Some(last) = out.last_mut() {
            if span.start < last.span.end {
                if strength > last.strength {
                    last.strength = strength;
                }
                last.span.end = last.span.end.max(span.end);
                continue;
            }
        }
        out.push(NameAt {
            role: reading.role_at(span.start),
            span,
            strength,
        });
    }
    out
}

/// Once "Ümit Doğan" is named, a later "Ümit" is the same person: add
/// every whole-word, capitalised occurrence of a full name's first word.
fn add_later_mentions(reading: &Reading, spans: &mut Vec<(Range<usize>, NameStrength)>) {
    let text = reading.text;
    let mut first_words: Vec<&str> = spans
        .iter()
        .filter(|(_, strength)| *strength == NameStrength::Full)
        .filter_map(|(span, _)| text.get(span.clone()))
        .filter_map(|name| {
            let word = name.split([' ', '\t', ',']).next()?;
            let starts_upper = word.chars().next().is_some_and(char::is_uppercase);
            let letters = word.chars().filter(|c| c.is_alphabetic()).count();
            (starts_upper && letters >= 3 && !word.contains('.')).then_some(word)
        })
        .collect();
    first_words.sort_unstable();
    first_words.dedup();
    if first_words.is_empty() {
        return;
    }
    let cue_words: std::collections::HashSet<&str> = reading
        .hits
        .iter()
        .filter(|h| h.is(lexicon::CUE_WORDS | lexicon::NAME_LABEL | lexicon::NOT_NAME))
        .filter_map(|h| text.get(h.start..h.end))
        .collect();
    first_words.retain(|word| !cue_words.contains(word));
    first_words.truncate(50);
    if first_words.is_empty() {
        return;
    }
    // One pass for all of them.
    let Ok(finder) = aho_corasick::AhoCorasick::new(&first_words) else {
        return;
    };
    for m in finder.find_iter(text).take(2_000) {
        let (at, end) = (m.start(), m.end());
        let before = text.get(..at).and_then(|b| b.chars().next_back());
        let after = text.get(end..).and_then(|a| a.chars().next());
        if before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_alphanumeric) {
            continue;
        }
        spans.push((at..end, NameStrength::FirstNameOnly));
    }
}

/// Length of the initials and particles that end `before`.
fn initials_len(before: &str) -> usize {
    initials_before()
        .find(before)
        .map(|m| {
            let s = m.as_str();
            s.len()
                - (s.len()
                    - s.trim_start_matches([' ', '\t', '\n', '(', ':', ';', ',', '>'])
                        .len())
        })
        .unwrap_or(0)
}

/// A first name followed by a surname: the span of the whole name.
fn full_name_from_first(reading: &Reading, hit: &Hit) -> Option<Range<usize>> {
    let w = window_after(reading.text, hit.end, 80)?;
    let caps = after_first_name().captures(w)?;
    let surname = caps.get(1)?;
    let span = hit.end + surname.start()..hit.end + surname.end();
    if is_not_name(reading, span.clone()) {
        return None;
    }
    // Two first names in a row ("Jan Willem") are still one person; a
    // greeting or label word after a name is not a surname.
    Some(hit.start..span.end)
}

/// The span is (or starts with) a word that is no name: a month, a
/// weekday, a place, an organisation word, a cue or a health term.
fn is_not_name(reading: &Reading, span: Range<usize>) -> bool {
    let last_word_start = reading
        .text
        .get(span.clone())
        .and_then(|s| s.rfind([' ', '\t', '.']).map(|i| span.start + i + 1))
        .unwrap_or(span.start);
    reading.hits_in(last_word_start..span.end).any(|h| {
        h.start == last_word_start
            && h.is(lexicon::NOT_NAME
                | lexicon::MONTH
                | lexicon::GREETING
                | lexicon::CLOSING
                | lexicon::HEALTH)
            && !h.is(lexicon::SURNAME)
    })
}

/// Closed-class cue words that are also first names ("Dag", "May").
fn is_cue(hit: &Hit) -> bool {
    hit.is(lexicon::GREETING
        | lexicon::CLOSING
        | lexicon::MONTH
        | lexicon::FIRST_PERSON
        | lexicon::SECOND_PERSON
        | lexicon::THIRD_PERSON
        | lexicon::CONDITIONAL
        | lexicon::NEGATION
        | lexicon::NAME_LABEL
        | lexicon::SALUTATION
        | lexicon::GENERIC)
}

pub fn window_after(text: &str, pos: usize, max: usize) -> Option<&str> {
    let mut end = (pos + max).min(text.len());
    while end > pos && !text.is_char_boundary(end) {
        end -= 1;
    }
    text.get(pos..end)
}

pub fn window_before(text: &str, pos: usize, max: usize) -> &str {
    let mut start = pos.saturating_sub(max);
    while start > 0 && !text.is_char_boundary(start) {
        start += 1;
    }
    text.get(start..pos).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::inspect::detect::reading::Role;
    use crate::inspect::TextUnit;
    use crate::types::Location;

    fn names_in(t: &str) -> Vec<(String, NameStrength, Role)> {
        let unit = TextUnit {
            loc: Location::default(),
            text: t.into(),
        };
        let reading = Reading::new(&unit);
        reading
            .names
            .iter()
            .map(|n| (t[n.span.clone()].to_string(), n.strength, n.role))
            .collect()
    }

    #[test]
    fn the_shapes_of_a_name() {
        for (text, name) in [
            (
                "In het onderzoek naar Kees de Wit (geboortedatum 18/04/2014) vragen",
                "Kees de Wit",
            ),
            (
                "Verw. Wiersma, A. (08-11-1955) ivm hypertensie",
                "Wiersma, A.",
            ),
            (
                "Hoi, Vermeulen-Şahin, Ö. geboortedatum 14 mei 1997",
                "Vermeulen-Şahin, Ö.",
            ),
            (
                "Voor uw patiënt mevr. B. Sikkema-Kaya (25-4-1939) stellen",
                "mevr. B. Sikkema-Kaya",
            ),
            ("Naam: dhr. T. Koster", "Naam: dhr. T. Koster"),
            (
                "Voor de zekerheid: Ágnes Fernández, 17-03-2000",
                "Ágnes Fernández",
            ),
        ] {
            let found = names_in(text);
            assert!(
                found
                    .iter()
                    .any(|(n, s, r)| n == name && *s == NameStrength::Full && *r == Role::Subject),
                "{text}: {found:?}"
            );
        }
        let found = names_in("Ik wil graag een verwijzing voor Teun naar de fysiotherapie.");
        assert!(
            found
                .iter()
                .any(|(n, s, _)| n == "Teun" && *s == NameStrength::FirstNameOnly),
            "{found:?}"
        );
    }

    /// `attribution::of` finds the names of a sentence by binary search.
    #[test]
    fn names_come_sorted_and_apart() {
        let t = "Beste mevr. Jansen,\n\nKees de Wit (8) en Ümit Doğan (5 jaar) zagen dhr. P. Bakker. Kees belde Wiersma, A. en Naam: J. de Vries.\n\nGroet,\nLieke Dekker";
        let unit = TextUnit {
            loc: Location::default(),
            text: t.into(),
        };
        let reading = Reading::new(&unit);
        assert!(reading.names.len() >= 5, "{:?}", reading.names);
        for pair in reading.names.windows(2) {
            assert!(pair[0].span.end <= pair[1].span.start, "{pair:?}");
        }
    }

    #[test]
    fn months_places_and_organisations_are_no_surnames() {
        for text in [
            "Op maandag 3 Maart komt Jan Mei langs",
            "Groeten uit Utrecht",
            "Huisartsenpraktijk De Brug",
        ] {
            let found = names_in(text);
            assert!(
                !found.iter().any(|(n, s, _)| *s == NameStrength::Full
                    && (n.ends_with("Maart") || n.ends_with("Utrecht") || n.contains("Brug"))),
                "{text}: {found:?}"
            );
        }
    }
}
