//! BSN detector: nine digits (plain, `1234.56.782`, `123 456 782`, or split
//! over a line break) that pass the elfproef, weighed by their context: BSN
//! keywords nearby raise confidence; order/invoice/article/contract/
//! reference/IBAN/KvK/AGB/btw/tracking/phone context nearby drops the
//! number; a bare number in a document about orders or invoices is dropped.
//!
//! Pure. Evidence is always masked (`*****6782`).

use regex::Regex;
use std::sync::OnceLock;

#[path = "bsn_around.rs"]
mod around;
pub use around::{column_header, in_url};

#[path = "bsn_digits.rs"]
mod digits;
pub use digits::{candidates, elfproef, mask, Candidate};

pub(crate) fn positive_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    super::cached_regex(
        &RE,
        r"(?i)(?-u:\b)(?:bsn|bns|burgerservice\s*(?:nummer|nr)|burger\s*service\s*nummer|persoonsnummer|persoonsgebonden\s+nummer|burgernummer|sofi\s*-?\s*(?:nummer|nr)|citizen\s+service\s+(?:number|no)|social\s+security\s+number)",
    )
}

/// BSN keywords that can label a number: not the first half of a compound
/// ("BSN-verificatie", "BSN-controle" name a procedure), but "BSN-nummer".
fn keywords(hay: &str) -> impl Iterator<Item = regex::Match<'_>> {
    positive_re().find_iter(hay).filter(move |m| {
        let Some(rest) = hay.get(m.end()..).and_then(|r| r.strip_prefix('-')) else {
            return true;
        };
        let word: String = rest
            .chars()
            .take_while(|c| c.is_alphabetic())
            .collect::<String>()
            .to_lowercase();
        word.is_empty() || matches!(word.as_str(), "nummer" | "nr" | "number" | "no" | "nummers")
    })
}

/// Endings of a label word that names some other kind of number
/// ("Werkordernummer", "Vergunningnummer", "Ticket-id", "Registratiecode").
const OTHER_LABEL_ENDINGS: &[&str] = &[
    // Not "id": a "Patiënt-ID" in Dutch care is often the BSN itself.
    "nummer",
    "nr",
    "number",
    "no",
    "num",
    "code",
    "kenmerk",
    "referentie",
    "reference",
    "ref",
    "order",
    "ticket",
    "melding",
    "zaak",
    "dossier",
    "claim",
    "factuur",
    "invoice",
];

/// What labels a candidate directly: the text of its line before it, up
/// to the punctuation that touches the number ("Werkordernummer:
/// 115860897", "Ticket #240783232", "citizen service number: ...").
/// `None` when a word, not punctuation, touches the number.
fn label_before<'t>(text: &'t str, c: &Candidate) -> Option<&'t str> {
    let before = window_before(text, c.start, 60);
    let line = before.rsplit('\n').next().unwrap_or(before);
    let trimmed = line.trim_end_matches(|ch: char| {
        ch.is_whitespace() || matches!(ch, ':' | '#' | '.' | '-' | '(' | '[' | '=' | '\u{a0}')
    });
    (trimmed.len() < line.len() || line.is_empty()).then_some(trimmed)
}

/// The label is a BSN keyword, or a word that names another number.
fn label_context(label: &str) -> Option<Context> {
    if let Some(m) = keywords(label).last() {
        let rest = label.get(m.end()..).unwrap_or("x").to_lowercase();
        let rest = rest.trim_start_matches(['-', ' ', '.']);
        if matches!(rest, "" | "nummer" | "nr" | "nr." | "number" | "no" | "no.") {
            return Some(Context::Keyword);
        }
    }
    let start = label
        .rfind(|ch: char| !(ch.is_alphanumeric() || ch == '-' || ch == '.' || ch == '_'))
        .map_or(0, |i| {
            i + label[i..].chars().next().map_or(1, char::len_utf8)
        });
    let word = label.get(start..)?.to_lowercase();
    let word = word.trim_end_matches(['.', '-']);
    // Only a compound says what kind of number it is ("werkordernummer",
    // "ticket-id"); a bare "Nummer:", "nr.", "ID:" may label a BSN, and so
    // may a patient's or client's number (the BSN is often used as one).
    let patients = ["patiënt", "patient", "cliënt", "client", "pat."];
    if patients.iter().any(|p| word.starts_with(p)) {
        return None;
    }
    OTHER_LABEL_ENDINGS
        .iter()
        .any(|e| word.len() >= e.len() + 3 && word.ends_with(e))
        .then_some(Context::OtherNumber)
}

pub(crate) fn negative_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    super::cached_regex(
        &RE,
        r"(?i)(?-u:\b)(?:order|bestel|factuur|invoice|artikel|article|art\.|item|contract|offerte|quote|quotation|referentie|reference|ref\b|iban|kvk|kamer van koophandel|agb|btw|vat|tracking|track|trace|zending|pakket|parcel|shipment|verzend|telefoon|tel\b|tel\.|phone|mobiel|mobile|fax|whatsapp|bel\b|polis|klantnummer|klantnr|klant-id|user-id|gebruikers-id|customer|debiteur|debtor|ticket|serienummer|serial|batch|lot\b|licentie|license|transactie|transaction|kenmerk|betalingskenmerk|postbus|rekening|account|registratienummer|aanvraagnummer|zaaknummer|dossiernummer|ean|barcode|sku|pakbon|levering|delivery|boeking|booking|reservering|rsin|uzi|uzinummer|vergunning|permit|werkorder|work\s*order|incident|melding|zaaknr|claim|declaratie|pasnummer|lidnummer|member|abonnee|subscriber|inlogcode|login|gebruikersnaam|username|pincode|activatiecode|registratiecode|toegangscode|verificatiecode|aansluitnummer|meternummer|ean-code|vestigingsnummer|loonheffingennummer|fiscaal nummer|rekeningnummer|bankrekening|release|versie\b|version\b|build\b|case\b|job\b|job\s*id|files\b|bestanden\b|revisie\b|revision\b|commit\b|sprint\b)",
    )
}

/// Last match end of `re` in `hay`, if any.
fn last_match(re: &Regex, hay: &str) -> Option<usize> {
    re.find_iter(hay).last().map(|m| m.end())
}

fn window_before(text: &str, pos: usize, max: usize) -> &str {
    let mut s = pos.saturating_sub(max);
    while s > 0 && !text.is_char_boundary(s) {
        s -= 1;
    }
    text.get(s..pos).unwrap_or("")
}

fn window_after(text: &str, pos: usize, max: usize) -> &str {
    let mut e = (pos + max).min(text.len());
    while e < text.len() && !text.is_char_boundary(e) {
        e += 1;
    }
    text.get(pos..e).unwrap_or("")
}

/// How the text around a candidate reads.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Context {
    Keyword,
    OtherNumber,
    Bare,
}

/// Nine digits in groups right after a label: `123-456-782`,
/// `12 34 56 782`, `1234 56782` (as a PDF's layout or a typist splits
/// them): up to 12 characters of punctuation first, then digit groups
/// joined by one space, dot or dash, until nine digits are read. Returns
/// the byte range in `rest` and the digits.
fn grouped_digits(rest: &str) -> Option<(usize, usize, [u8; 9])> {
    let b = rest.as_bytes();
    let start = b
        .iter()
        .take(13)
        .position(u8::is_ascii_digit)
        .filter(|&i| !b[..i].contains(&b'\n'))?;
    let mut digits = [0u8; 9];
    let mut n = 0;
    let mut i = start;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_digit() {
            if n == 9 {
                return None; // a tenth digit: some longer number
            }
            digits[n] = c - b'0';
            n += 1;
            i += 1;
        } else if n < 9
            && matches!(c, b' ' | b'.' | b'-')
            && b.get(i + 1).is_some_and(u8::is_ascii_digit)
        {
            i += 1;
        } else {
            break;
        }
    }
    // "12 34 56 782 12": the number goes on, so it is not these nine.
    let goes_on = matches!(b.get(i), Some(b' ' | b'.' | b'-'))
        && b.get(i + 1).is_some_and(u8::is_ascii_digit);
    (n == 9 && !goes_on).then_some((start, i, digits))
}

/// `BSN: 123-456-782`, `BSN 12 34 56 782`: dashes and odd groupings are no
/// usual BSN shape (they make dates and phone numbers), so such a number
/// counts only right after a label.
pub fn dashed_after_label(text: &str) -> Vec<Candidate> {
    let mut out = Vec::new();
    for label in keywords(text).take(10_000) {
        let Some(rest) = text.get(label.end()..) else {
            continue;
        };
        let Some((start, end, digits)) = grouped_digits(rest) else {
            continue;
        };
        let candidate = Candidate {
            digits,
            start: label.end() + start,
            end: label.end() + end,
            usual_shape: false,
        };
        // What may stand between label and number is decided in one place.
        if directly_labelled(text, &candidate) {
            out.push(candidate);
        }
    }
    out
}

/// A BSN label directly before the candidate on its line (`BSN: `,
/// `Burgerservicenummer.`), with nothing but punctuation between.
pub fn directly_labelled(text: &str, c: &Candidate) -> bool {
    let before = window_before(text, c.start, 40);
    let line = before.rsplit('\n').next().unwrap_or(before);
    let Some(m) = keywords(line).last() else {
        return false;
    };
    let Some(rest) = line.get(m.end()..) else {
        return false;
    };
    let rest = rest.trim_start_matches(['-', ' ']);
    let lower = rest.to_ascii_lowercase();
    let rest = ["nummer", "nr"]
        .iter()
        .find_map(|word| lower.strip_prefix(word))
        .unwrap_or(&lower);
    rest.chars().all(|ch| {
        matches!(
            ch,
            ' ' | '\t' | ':' | '.' | '-' | '\u{a0}' | '(' | ')' | '#'
        )
    })
}

/// `111-222-333`: three dashed groups of three are no phone number or date
/// (those are 2-4-4, 3-3-4, 2-2-4), so they are read like any written BSN.
pub fn three_dashed_groups(text: &str) -> Vec<Candidate> {
    let b = text.as_bytes();
    let digits_at = |from: usize, n: usize| {
        b.get(from..from + n)
            .is_some_and(|s| s.iter().all(u8::is_ascii_digit))
    };
    let mut out = Vec::new();
    for dash in memchr::memchr_iter(b'-', b).take(100_000) {
        let Some(start) = dash.checked_sub(3) else {
            continue;
        };
        let end = start + 11;
        let shape = digits_at(start, 3)
            && digits_at(dash + 1, 3)
            && b.get(dash + 4) == Some(&b'-')
            && digits_at(dash + 5, 3);
        if !shape {
            continue;
        }
        // Not part of a longer number or a longer dashed run.
        let before = start.checked_sub(1).and_then(|i| b.get(i));
        let after = b.get(end);
        if before.is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'-')
            || after.is_some_and(|c| c.is_ascii_alphanumeric())
            || (after == Some(&b'-') && b.get(end + 1).is_some_and(u8::is_ascii_digit))
        {
            continue;
        }
        let mut d = [0u8; 9];
        let groups = [start, dash + 1, dash + 5];
        for (g, &at) in groups.iter().enumerate() {
            for k in 0..3 {
                if let (Some(slot), Some(c)) = (d.get_mut(g * 3 + k), b.get(at + k)) {
                    *slot = c - b'0';
                }
            }
        }
        out.push(Candidate {
            digits: d,
            start,
            end,
            usual_shape: true,
        });
    }
    out
}

fn person_on_line_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    super::cached_regex(
        &RE,
        r"(?i)(?-u:\b)(?:dhr|mevr|mw|mevrouw|meneer|de heer|mr|mrs|ms|patiënte?|patient|cliënte?|client|naam|name|geb|geboren|born|dob)(?-u:\b)|(?-u:\b)\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)\d{2}(?-u:\b)",
    )
}

/// A person on the candidate's line: a salutation, a name label or a birth
/// date ("Dhr. P. Bakker, 111222333, geboren 01-02-1960"). A bare number
/// next to a person is their number whatever the rest of the text is about.
pub fn person_on_line(text: &str, c: &Candidate) -> bool {
    let line_start = text
        .get(..c.start)
        .and_then(|b| b.rfind('\n'))
        .map_or(0, |i| i + 1);
    let line_end = text
        .get(c.end..)
        .and_then(|a| a.find('\n'))
        .map_or(text.len(), |i| c.end + i);
    let (Some(before), Some(after)) = (text.get(line_start..c.start), text.get(c.end..line_end))
    else {
        return false;
    };
    let near = |s: &str| s.len() <= 200 && person_on_line_re().is_match(s);
    near(before) || near(after)
}

/// Classify the context of a candidate: nearest keyword before it wins
/// (within the line and the line before), then a short look after it.
pub fn context(text: &str, c: &Candidate) -> Context {
    if let Some(h) = column_header(text, c) {
        if positive_re().is_match(h) {
            return Context::Keyword;
        }
        if negative_re().is_match(h) {
            return Context::OtherNumber;
        }
    }
    if let Some(context) = label_before(text, c).and_then(label_context) {
        return context;
    }
    let before = window_before(text, c.start, 90);
    // Only the current and previous line.
    let cut = before
        .rmatch_indices('\n')
        .nth(1)
        .map(|(i, _)| i + 1)
        .unwrap_or(0);
    let before = before.get(cut..).unwrap_or(before);
    let pos = keywords(before).last().map(|m| m.end());
    // A label on the line before whose value already stands on that line
    // ("Tel: 06-12345678") labels that value, not the number below it.
    let line_break = before.rfind('\n');
    let neg = last_match(negative_re(), before).filter(|&n| match line_break {
        Some(nl) if n <= nl => !before
            .get(n..nl)
            .is_some_and(|rest| rest.bytes().any(|b| b.is_ascii_digit())),
        _ => true,
    });
    // "Declaratie afgewezen voor 123456782": a claim or a report is made
    // *for* someone; the number after the preposition is theirs, not the
    // claim's own number ("declaratienummer 123456782" stays one).
    let neg = neg.filter(|_| {
        !around::process_for_a_person(before)
            && !around::claim_about_a_person(before, window_after(text, c.end, 80))
    });
    match (pos, neg) {
        (Some(p), Some(n)) if n > p => return Context::OtherNumber,
        (Some(_), _) => return Context::Keyword,
        (None, Some(_)) => return Context::OtherNumber,
        (None, None) => {}
    }
    // After the number only what labels it ("123456782 (BSN)", "111222333
    // (ordernr.)"), not the next clause: ", graag de levering van ...".
    let after = window_after(text, c.end, 25);
    let after = after.split(['\n', ',', ';']).next().unwrap_or("");
    if keywords(after).next().is_some() {
        return Context::Keyword;
    }
    if negative_re().is_match(after) {
        return Context::OtherNumber;
    }
    Context::Bare
}

fn doc_negative_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    super::cached_regex(
        &RE,
        r"(?i)(?-u:\b)(?:factu(?:u)?r|invoice|bestel|order|artikel|article|offerte|quotation|pakbon|zending|tracking|track\s*&\s*trace|levering|delivery|contract|abonnement|subscription|nieuwsbrief|newsletter|prijslijst|price\s*list)",
    )
}

/// A bare number's prior from the whole text (and the part's file name):
/// documents about orders, invoices and the like get no benefit of the
/// doubt, unless the message names a person with a birth date, a patient
/// number or a title.
pub fn bare_confidence(text: &str, part_name: Option<&str>, about_a_person: bool) -> f32 {
    let text = super::head(text);
    if keywords(text).next().is_some() {
        return 0.7;
    }
    if about_a_person {
        return 0.55;
    }
    let doc_neg = doc_negative_re().is_match(text)
        || part_name.is_some_and(|n| doc_negative_re().is_match(n));
    if doc_neg {
        0.2
    } else {
        0.55
    }
}

#[cfg(test)]
#[path = "bsn_tests.rs"]
mod tests;
