//! The table and the token around a BSN candidate: the header cell above
//! it in a table, and whether it sits inside a URL, address or parameter.
//! And the words around it that say whose a claim's number is.
//! Split from `bsn.rs` to keep that file readable.

use super::Candidate;
use regex::Regex;
use std::sync::OnceLock;

/// The header cell above a candidate in a table (tab-separated text, or a
/// CSV export with `;` or `,`), if any.
pub fn column_header<'t>(text: &'t str, c: &Candidate) -> Option<&'t str> {
    let line_start = text.get(..c.start)?.rfind('\n').map(|i| i + 1).unwrap_or(0);
    let prefix = text.get(line_start..c.start)?;
    let rest_of_line = text.get(c.end..)?.split('\n').next()?;
    let sep = ['\t', ';', ',']
        .into_iter()
        .find(|&s| prefix.contains(s) || rest_of_line.contains(s))?;
    let column = prefix.matches(sep).count();
    // Walk up while lines are table rows; the top one is the header.
    let mut header: Option<&str> = None;
    let mut upper = text.get(..line_start)?;
    for _ in 0..200 {
        let trimmed = upper.strip_suffix('\n').unwrap_or(upper);
        let trimmed = trimmed.strip_suffix('\r').unwrap_or(trimmed);
        if trimmed.is_empty() {
            break;
        }
        let (rest, line) = match trimmed.rfind('\n') {
            Some(i) => (trimmed.get(..i + 1)?, trimmed.get(i + 1..)?),
            None => ("", trimmed),
        };
        if !line.contains(sep) {
            break;
        }
        header = Some(line);
        upper = rest;
    }
    let header = header?;
    // Prose has commas and semicolons too: only a row of short cells is a
    // header there.
    if sep != '\t' {
        let cells: Vec<&str> = header.split(sep).collect();
        if cells.len() < 3 || cells.iter().any(|cell| cell.trim().chars().count() > 40) {
            return None;
        }
    }
    header.split(sep).nth(column).map(super::super::table_cell)
}

/// The token around a candidate is a URL, address or parameter. Tokens end
/// at white space and at the cell separators of CSV rows, so a unit in the
/// next cell (`241951227;mmol/l`) does not make the number part of a path.
pub fn in_url(text: &str, c: &Candidate) -> bool {
    let ends_token = |ch: char| ch.is_whitespace() || matches!(ch, ';' | ',' | '"' | '<' | '>');
    let before = text.get(..c.start).unwrap_or("");
    let tok_start = before.rfind(ends_token).map(|i| i + 1).unwrap_or(0);
    let after = text.get(c.end..).unwrap_or("");
    let tok_end = c.end + after.find(ends_token).unwrap_or(after.len());
    let tok = text.get(tok_start..tok_end).unwrap_or("");
    // Staff write "BSN=123456782" or "bsn=123456782" in a quick note; the
    // key before `=` then names the number, and no ticket or case link
    // does that (even a link that carries a BSN is one leaked).
    let key = text.get(tok_start..c.start).unwrap_or("");
    if key.ends_with('=') && super::positive_re().is_match(key) {
        return false;
    }
    tok.contains("://")
        || tok.starts_with("www.")
        || tok.contains('@')
        || tok.contains('=')
        || tok.contains('/')
}

/// A process word (a claim, a report, a rejection) and then a preposition
/// right before the number: "declaratie afgewezen voor", "melding bij",
/// "claim for". Such a number names whom it is about.
pub fn process_for_a_person(before: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    super::super::cached_regex(
        &RE,
        r"(?i)(?-u:\b)(?:declaratie|declaraties|claim|claims|melding|incident)(?-u:\b)[^\n\d]{0,40}?(?-u:\b)(?:voor|van|bij|op|for|of|on)\s*:?\s*$",
    )
    .is_match(before)
}

/// A claim's number in a sentence about an insured person or a patient:
/// "Bij de declaratie is nummer 588762349 afgekeurd (verzekerde onbekend)",
/// "claim rejected for number 123456782: patient not insured". The claim
/// is about the person the number names. (A compound such as
/// "declaratienummer" labels the claim itself and was read before this.)
pub fn claim_about_a_person(before: &str, after: &str) -> bool {
    static CLAIM: OnceLock<Regex> = OnceLock::new();
    static PERSON: OnceLock<Regex> = OnceLock::new();
    let claim = super::super::cached_regex(
        &CLAIM,
        r"(?i)(?-u:\b)(?:declaratie|declaraties|claim|claims)(?-u:\b)[^\n\d]{0,60}$",
    );
    let person = super::super::cached_regex(
        &PERSON,
        r"(?i)(?-u:\b)(?:verzekerde|verzekerden|patiënte?|patient|cliënte?|client|insured)(?-u:\b)",
    );
    let sentence_end = after.find(['.', '!', '?', '\n']).unwrap_or(after.len());
    claim.is_match(before) && person.is_match(after.get(..sentence_end).unwrap_or(after))
}
