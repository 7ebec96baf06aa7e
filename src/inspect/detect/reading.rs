//! One reading of a text unit, shared by every detector: the lexicon hits
//! (one pass), where greetings, signatures and quoted mail headers are, and
//! the people named in it with their role in the letter.
//!
//! A name in a greeting is the addressee, a name under a closing
//! ("Met vriendelijke groet,") is the writer, a name in a quoted header
//! ("Van:", "From:") is a correspondent; any other name is someone the
//! text is about. Pure.

use super::gates::Gates;
use super::lexicon::{self, lexicon, Hit};
use crate::inspect::TextUnit;
use std::ops::Range;

/// The role of a named person in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Greeted: "Beste André,", "Geachte mevrouw Jansen,".
    Addressee,
    /// Under a closing: the writer's signature.
    Writer,
    /// In a quoted mail header ("Van: ...", "From: ...").
    Correspondent,
    /// Anyone else: the person the text is about.
    Subject,
}

/// How surely a span is a person's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum NameStrength {
    /// A known first name on its own ("Teun heeft ...").
    FirstNameOnly,
    /// A full name or a titled/labelled one ("Kees de Wit", "mevr. Jansen",
    /// "Wiersma, A.", "Naam: J. de Vries").
    Full,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameAt {
    pub span: Range<usize>,
    pub role: Role,
    pub strength: NameStrength,
}

/// The shared reading of one unit.
pub struct Reading<'t> {
    pub unit: &'t TextUnit,
    /// The text the context detectors read (the first megabyte).
    pub text: &'t str,
    pub hits: Vec<Hit>,
    pub names: Vec<NameAt>,
    /// Byte ranges of signature blocks (from a closing to the next quoted
    /// header or at most a dozen lines).
    pub signatures: Vec<Range<usize>>,
    /// Where the words that open the longer patterns stand.
    pub gates: Gates,
    /// Positions of the bytes that end a sentence, in order.
    boundaries: Vec<usize>,
}

/// Lines that start a quoted mail header or a forwarded message.
const QUOTE_HEADERS: &[&str] = &[
    "van:",
    "from:",
    "aan:",
    "to:",
    "cc:",
    "verzonden:",
    "sent:",
    "datum:",
    "date:",
    "-----original message",
    "-----oorspronkelijk bericht",
    "-------- doorgestuurd bericht",
    "---------- forwarded message",
    "begin forwarded message",
    "begin doorgestuurd bericht",
];

impl<'t> Reading<'t> {
    /// The reading without its names: `Reading::new` (in `names.rs`,
    /// which needs the rest of the reading to find them) adds them.
    pub(super) fn without_names(unit: &'t TextUnit) -> Self {
        let text = super::head(&unit.text);
        let (hits, gates) = if is_header_field(unit) {
            (Vec::new(), Gates::default())
        } else {
            (lexicon().hits(text), Gates::find(text))
        };
        let signatures = signature_blocks(text, &hits);
        Reading {
            unit,
            text,
            hits,
            names: Vec::new(),
            signatures,
            gates,
            boundaries: sentence_boundaries(text),
        }
    }

    /// Display names and file names are read by the BSN detector only.
    pub fn is_metadata(&self) -> bool {
        is_header_field(self.unit)
    }

    pub fn line_of(&self, pos: usize) -> Range<usize> {
        line_range(self.text, pos)
    }

    /// The role of a name at `span`.
    pub fn role_at(&self, pos: usize) -> Role {
        let line = self.line_of(pos);
        let prefix = self
            .text
            .get(line.start..pos)
            .unwrap_or("")
            .trim_start_matches(['>', ' ', '\t', '|']);
        let lower_line = self
            .text
            .get(line.start..line.end)
            .unwrap_or("")
            .trim_start_matches(['>', ' ', '\t', '|', '*'])
            .to_lowercase();
        if QUOTE_HEADERS.iter().any(|h| lower_line.starts_with(h)) {
            return Role::Correspondent;
        }
        if self.signatures.iter().any(|s| s.contains(&pos)) {
            return Role::Writer;
        }
        if starts_with_greeting(self, line.start, prefix) {
            return Role::Addressee;
        }
        Role::Subject
    }

    /// Hits within `range`.
    pub fn hits_in(&self, range: Range<usize>) -> impl Iterator<Item = &Hit> {
        let first = self.hits.partition_point(|h| h.start < range.start);
        self.hits[first..]
            .iter()
            .take_while(move |h| h.start < range.end)
    }

    /// The sentence around `pos`: bounded by ". ", "!", "?", a blank line,
    /// or a line break before a capital, a bullet or a label.
    pub fn sentence_of(&self, pos: usize) -> Range<usize> {
        let pos = pos.min(self.text.len());
        let lo = pos.saturating_sub(SENTENCE_REACH);
        let hi = (pos + SENTENCE_REACH).min(self.text.len());
        let after = self.boundaries.partition_point(|&b| b < pos);
        let start = after
            .checked_sub(1)
            .and_then(|i| self.boundaries.get(i))
            .map_or(lo, |&b| (b + 1).max(lo));
        let end = self.boundaries.get(after).map_or(hi, |&b| b.min(hi));
        char_bounds(self.text, start.min(end), end)
    }
}

fn is_header_field(unit: &TextUnit) -> bool {
    matches!(
        unit.loc.field.as_deref(),
        Some("display-names") | Some("filename")
    )
}

/// The greeting words a name on this line follows ("Beste André,",
/// "Dear Mrs Smith,", "Geachte heer Jansen,"): only a greeting cue and a
/// salutation may stand before the name.
fn starts_with_greeting(reading: &Reading, line_start: usize, prefix: &str) -> bool {
    let trimmed = prefix.trim();
    if trimmed.is_empty() {
        // The name opens the line: a greeting only when a comma follows
        // the line's first words ("Jan,").
        return false;
    }
    let offset = line_start + (prefix.len() - prefix.trim_start().len());
    let mut covered = offset;
    let end = offset + trimmed.len();
    for hit in reading.hits_in(offset..end) {
        if !hit.is(lexicon::GREETING | lexicon::SALUTATION) {
            return false;
        }
        let gap = reading.text.get(covered..hit.start).unwrap_or("x");
        if !gap.trim().is_empty() {
            return false;
        }
        covered = hit.end;
    }
    covered > offset
        && reading
            .text
            .get(covered..end)
            .unwrap_or("x")
            .trim_matches(|c: char| c.is_whitespace() || c == '.')
            .is_empty()
}

pub fn line_range(text: &str, pos: usize) -> Range<usize> {
    let pos = pos.min(text.len());
    let start = text
        .get(..pos)
        .and_then(|b| b.rfind('\n'))
        .map_or(0, |i| i + 1);
    let end = text
        .get(pos..)
        .and_then(|a| a.find('\n'))
        .map_or(text.len(), |i| pos + i);
    start..end
}

/// How far a sentence reaches either side of a position, at most.
const SENTENCE_REACH: usize = 400;

/// Every byte that ends a sentence (see `is_boundary_before`), found with
/// memchr: only full stops, marks and line breaks are looked at.
fn sentence_boundaries(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut out: Vec<usize> = memchr::memchr3_iter(b'.', b'!', b'?', bytes)
        .chain(memchr::memchr_iter(b'\n', bytes))
        .filter(|&i| is_boundary_before(bytes, i))
        .collect();
    out.sort_unstable();
    out
}

/// `start..end` widened to char boundaries.
fn char_bounds(text: &str, start: usize, end: usize) -> Range<usize> {
    let mut s = start;
    while s > 0 && !text.is_char_boundary(s) {
        s -= 1;
    }
    let mut e = end;
    while e < text.len() && !text.is_char_boundary(e) {
        e += 1;
    }
    s..e
}

/// Sentence bounds as `Reading::sentence_of` describes, at most 400 bytes
/// either side (the reference the precomputed version is tested against).
#[cfg(test)]
pub fn sentence_range(text: &str, pos: usize) -> Range<usize> {
    let bytes = text.as_bytes();
    let pos = pos.min(bytes.len());
    let lo = pos.saturating_sub(400);
    let hi = (pos + 400).min(bytes.len());
    let mut start = lo;
    let mut i = pos;
    while i > lo {
        i -= 1;
        if is_boundary_before(bytes, i) {
            start = i + 1;
            break;
        }
    }
    let mut end = hi;
    let mut j = pos;
    while j < hi {
        if is_boundary_before(bytes, j) {
            end = j;
            break;
        }
        j += 1;
    }
    let mut s = start.min(end);
    while s > 0 && !text.is_char_boundary(s) {
        s -= 1;
    }
    let mut e = end;
    while e < text.len() && !text.is_char_boundary(e) {
        e += 1;
    }
    s..e
}

/// Is the byte at `i` the end of a sentence (inclusive)?
fn is_boundary_before(bytes: &[u8], i: usize) -> bool {
    let Some(&b) = bytes.get(i) else { return true };
    let next = bytes.get(i + 1).copied();
    match b {
        b'!' | b'?' => true,
        b'.' => {
            // "dr. Bakker", "J. de Vries", "2.5", "verw. mevr.": a full stop
            // ends a sentence only before white space and not after an
            // initial or a known abbreviation.
            if !matches!(
                next,
                Some(b' ') | Some(b'\n') | Some(b'\r') | Some(b'\t') | None
            ) {
                return false;
            }
            let word_start = bytes[..i]
                .iter()
                .rposition(|c| !c.is_ascii_alphabetic())
                .map_or(0, |p| p + 1);
            let word = &bytes[word_start..i];
            if word.len() == 1 || is_abbreviation(word) {
                return false;
            }
            // A sentence goes on in lower case ("verw. mevr.", "ca. drie").
            let mut k = i + 1;
            while bytes.get(k).is_some_and(|c| *c == b' ' || *c == b'\t') {
                k += 1;
            }
            !bytes.get(k).is_some_and(u8::is_ascii_lowercase)
        }
        b'\n' => {
            // A blank line, or a new line that starts like a new item.
            let mut k = i + 1;
            while bytes
                .get(k)
                .is_some_and(|c| *c == b' ' || *c == b'\t' || *c == b'>')
            {
                k += 1;
            }
            match bytes.get(k) {
                None => true,
                Some(b'\n') | Some(b'\r') => true,
                Some(c) if c.is_ascii_uppercase() || c.is_ascii_digit() => true,
                Some(b'-') | Some(b'*') | Some(0xE2) => true,
                Some(_) => {
                    // The previous line ended a sentence or a label.
                    let mut p = i;
                    while p > 0 && matches!(bytes.get(p - 1), Some(b'\r') | Some(b' ')) {
                        p -= 1;
                    }
                    matches!(
                        p.checked_sub(1).and_then(|q| bytes.get(q)),
                        Some(b'.') | Some(b':') | Some(b';') | Some(b',') | None
                    ) && p > 0
                }
            }
        }
        _ => false,
    }
}

/// Abbreviations that end with a full stop inside a sentence.
const ABBREVIATIONS: &[&str] = &[
    "dhr", "mevr", "mw", "mr", "mrs", "ms", "dr", "drs", "prof", "ir", "ing", "st", "nr", "tel",
    "geb", "verw", "pt", "pat", "ca", "bijv", "evt", "resp", "vs", "jl", "zgn", "incl", "excl",
    "fam", "ivm", "mbt", "tav", "dd", "wk", "wkn", "mnd", "ref",
];

fn is_abbreviation(word: &[u8]) -> bool {
    ABBREVIATIONS
        .iter()
        .any(|a| a.as_bytes().eq_ignore_ascii_case(word))
}

/// Signature blocks: from a line that is (mostly) a closing phrase to the
/// next quoted header, at most 12 lines.
fn signature_blocks(text: &str, hits: &[Hit]) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    for hit in hits.iter().filter(|h| h.is(lexicon::CLOSING)) {
        if out.last().is_some_and(|r| r.contains(&hit.start)) {
            continue;
        }
        let line = line_range(text, hit.start);
        let before = text.get(line.start..hit.start).unwrap_or("x");
        let after = text.get(hit.end..line.end).unwrap_or("x");
        let before_ok = before.trim_start_matches(['>', ' ', '\t', '-']).is_empty();
        // "Met vriendelijke groet," / "Groet, Anouk" / "Regards" on its own.
        let after_ok = after.trim().len() <= 40 && !after.contains(". ");
        if !(before_ok && after_ok) {
            continue;
        }
        let mut end = line.end;
        for _ in 0..12 {
            if end >= text.len() {
                break;
            }
            let next = line_range(text, end + 1);
            let l = text
                .get(next.clone())
                .unwrap_or("")
                .trim_start_matches(['>', ' ', '\t'])
                .to_lowercase();
            if QUOTE_HEADERS.iter().any(|h| l.starts_with(h))
                || (l.starts_with("op ") && l.contains("schreef"))
                || (l.starts_with("on ") && l.contains("wrote"))
            {
                break;
            }
            end = next.end;
        }
        out.push(line.start..end);
    }
    out
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
    fn roles_follow_the_letter() {
        let u = unit("Beste André,\n\nKees de Wit (8) heeft oorpijn.\n\nMet vriendelijke groet,\nLieke Dekker\nPraktijk De Brug\n");
        let r = Reading::new(&u);
        let role = |name: &str| {
            let at = u.text.find(name).unwrap();
            r.role_at(at)
        };
        assert_eq!(role("André"), Role::Addressee);
        assert_eq!(role("Kees"), Role::Subject);
        assert_eq!(role("Lieke"), Role::Writer);
    }

    #[test]
    fn precomputed_sentences_are_the_scanned_ones() {
        let t = "Verw. mevr. J. de Vries ivm hoest.\nZij gebruikt\nmetformine. Daarna!\n\nNieuw? ja. Ca. 3.5 mg";
        let u = unit(t);
        let r = Reading::new(&u);
        for (pos, _) in t.char_indices() {
            assert_eq!(r.sentence_of(pos), sentence_range(t, pos), "at {pos}");
        }
    }

    #[test]
    fn sentences_end_at_full_stops_not_at_initials_or_wrapped_lines() {
        let t = "Verw. mevr. J. de Vries ivm hoest.\nZij gebruikt\nmetformine. Daarna";
        let s = sentence_range(t, t.find("hoest").unwrap());
        assert_eq!(&t[s], "Verw. mevr. J. de Vries ivm hoest");
        let s = sentence_range(t, t.find("metformine").unwrap());
        assert_eq!(&t[s], "Zij gebruikt\nmetformine");
    }
}
