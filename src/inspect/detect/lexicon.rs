//! The detectors' one dictionary: the health vocabulary (conditions,
//! symptoms, medication, labs, care, mental health and youth care, ICPC
//! titles), the cue words (labels, greetings, pronouns, closings, months),
//! generic-audience phrases and the name lists — all data files in
//! `src/inspect/vocab/` — compiled once into one Aho-Corasick automaton, so a
//! text unit is read once for all of them.
//!
//! Matching is ASCII-case-insensitive and whole-word (a Dutch condition may
//! carry a compound head: "migraineaanval"). A term in several lists carries
//! every list's class. Pure lookups; never fails (a malformed line is
//! ignored, an automaton that cannot be built matches nothing).

use aho_corasick::automaton::Automaton;
use aho_corasick::nfa::contiguous::{Builder as NfaBuilder, NFA};
use aho_corasick::{Anchored, MatchKind};
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// Classes of a lexicon entry, as bit flags (one entry may have several).
pub type Classes = u64;

pub const CONDITION: Classes = 1 << 0;
pub const SYMPTOM: Classes = 1 << 1;
pub const MEDICATION: Classes = 1 << 2;
pub const LAB: Classes = 1 << 3;
pub const CARE: Classes = 1 << 4;
pub const MENTAL: Classes = 1 << 5;
/// A health term that is also common outside health talk ("moe", "pijn").
pub const WEAK: Classes = 1 << 6;
pub const GENERIC: Classes = 1 << 7;
pub const SALUTATION: Classes = 1 << 8;
pub const GREETING: Classes = 1 << 9;
pub const CLOSING: Classes = 1 << 10;
pub const NAME_LABEL: Classes = 1 << 11;
pub const DOB_LABEL: Classes = 1 << 12;
pub const AGE_WORD: Classes = 1 << 13;
pub const FIRST_PERSON: Classes = 1 << 14;
pub const SECOND_PERSON: Classes = 1 << 15;
pub const THIRD_PERSON: Classes = 1 << 16;
pub const CONDITIONAL: Classes = 1 << 17;
pub const NEGATION: Classes = 1 << 18;
pub const MONTH: Classes = 1 << 19;
pub const FIRST_NAME: Classes = 1 << 20;
pub const SURNAME: Classes = 1 << 21;
pub const NOT_NAME: Classes = 1 << 22;
/// A name that is also an ordinary word ("Roos", "Mark"): a name only
/// where the rest of the context says so.
pub const AMBIGUOUS_NAME: Classes = 1 << 23;
/// Counts only when the text writes it with a capital (English "I").
pub const CASED: Classes = 1 << 24;
/// A first-person verb without its "ik" ("Heb sinds gisteren koorts").
pub const FIRST_PERSON_VERB: Classes = 1 << 25;

/// Closed-class cue words.
pub const CUE_WORDS: Classes = SALUTATION
    | GREETING
    | CLOSING
    | FIRST_PERSON
    | FIRST_PERSON_VERB
    | SECOND_PERSON
    | THIRD_PERSON
    | CONDITIONAL
    | NEGATION
    | MONTH;
/// Every health class.
pub const HEALTH: Classes = CONDITION | SYMPTOM | MEDICATION | LAB | CARE | MENTAL;
/// Classes that only count when the matched text starts with a capital.
const NEEDS_CAPITAL: Classes = FIRST_NAME | CASED;

const HEALTH_FILES: &[(Classes, &str)] = &[
    (CONDITION, include_str!("../vocab/conditions.txt")),
    (SYMPTOM, include_str!("../vocab/symptoms.txt")),
    (MEDICATION, include_str!("../vocab/medications.txt")),
    (LAB, include_str!("../vocab/labs.txt")),
    (CARE, include_str!("../vocab/care.txt")),
    (MENTAL, include_str!("../vocab/mental_youth.txt")),
    (GENERIC, include_str!("../vocab/generic_audience.txt")),
];
const ICPC2: &str = include_str!("../vocab/icpc2.txt");
const ICPC1: &str = include_str!("../vocab/icpc.txt");
const CUES: &str = include_str!("../vocab/cues.txt");
const FIRST_NAMES: &str = include_str!("../vocab/first_names.txt");
const SURNAMES: &str = include_str!("../vocab/surnames.txt");
const NOT_NAMES: &str = include_str!("../vocab/not_names.txt");

const CUE_SECTIONS: &[(&str, Classes)] = &[
    ("salutation", SALUTATION),
    ("greeting", GREETING),
    ("closing", CLOSING),
    ("name-label", NAME_LABEL),
    ("dob-label", DOB_LABEL),
    ("age-word", AGE_WORD),
    ("first-person", FIRST_PERSON),
    ("first-person-verb", FIRST_PERSON_VERB),
    ("second-person", SECOND_PERSON),
    ("third-person", THIRD_PERSON),
    ("conditional", CONDITIONAL),
    ("negation", NEGATION),
    ("month", MONTH),
];

/// One hit in a text: byte range and the classes of the entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub classes: Classes,
    /// Index of the entry (distinct terms count once).
    pub entry: u32,
}

impl Hit {
    pub fn is(&self, class: Classes) -> bool {
        self.classes & class != 0
    }
}

pub struct Lexicon {
    matcher: Option<NFA>,
    classes: Vec<Classes>,
    /// Well-formed ICPC codes (ICPC-1 NL and ICPC-2), upper case.
    pub icpc_codes: HashSet<String>,
}

/// Data lines: trimmed, no comments, no section headers.
fn data_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
}

/// `term` or `term<TAB>flag`: the term and whether the flag is present.
fn term_and_flag<'a>(line: &'a str, flag: &str) -> (&'a str, bool) {
    match line.split_once('\t') {
        Some((term, rest)) => (term.trim(), rest.trim() == flag),
        None => (line.trim(), false),
    }
}

pub fn lexicon() -> &'static Lexicon {
    static L: OnceLock<Lexicon> = OnceLock::new();
    L.get_or_init(build)
}

fn build() -> Lexicon {
    let mut entries: HashMap<String, Classes> = HashMap::new();
    let mut add = |term: &str, class: Classes| {
        let term = term.trim();
        if term.is_empty() {
            return;
        }
        *entries.entry(term.to_lowercase()).or_insert(0) |= class;
    };
    for (class, data) in HEALTH_FILES {
        for line in data_lines(data) {
            let (term, weak) = term_and_flag(line, "weak");
            add(term, *class | if weak { WEAK } else { 0 });
        }
    }
    let mut icpc_codes = HashSet::new();
    for data in [ICPC2, ICPC1] {
        for line in data_lines(data) {
            let mut fields = line.split('\t');
            let Some(code) = fields.next() else { continue };
            icpc_codes.insert(code.trim().to_ascii_uppercase());
            for title in fields {
                add(title, CONDITION);
            }
        }
    }
    let mut section: Classes = 0;
    for line in data_lines(CUES) {
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = CUE_SECTIONS
                .iter()
                .find(|(n, _)| *n == name)
                .map_or(0, |(_, c)| *c);
            continue;
        }
        let (term, cased) = term_and_flag(line, "cased");
        if section != 0 {
            add(term, section | if cased { CASED } else { 0 });
        }
    }
    for (data, class) in [
        (FIRST_NAMES, FIRST_NAME),
        (SURNAMES, SURNAME),
        (NOT_NAMES, NOT_NAME),
    ] {
        for line in data_lines(data) {
            let (term, ambiguous) = term_and_flag(line, "ambiguous");
            add(term, class | if ambiguous { AMBIGUOUS_NAME } else { 0 });
        }
    }
    // The automaton folds ASCII case only: "Ágnes", "Örnek", "Échographie"
    // need their capitalised form too.
    let capitalised: Vec<(String, Classes)> = entries
        .iter()
        .filter_map(|(term, classes)| {
            let first = term.chars().next()?;
            (!first.is_ascii() && first.is_lowercase()).then(|| {
                let mut t: String = first.to_uppercase().collect();
                t.push_str(term.get(first.len_utf8()..).unwrap_or(""));
                (t, *classes)
            })
        })
        .collect();
    for (term, classes) in capitalised {
        *entries.entry(term).or_insert(0) |= classes;
    }
    let mut terms: Vec<(String, Classes)> = entries.into_iter().collect();
    terms.sort();
    let classes = terms.iter().map(|(_, c)| *c).collect();
    // A contiguous NFA builds in milliseconds (a DFA of this size takes
    // most of a second), and it is walked by hand from each word start.
    let matcher = NfaBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::Standard)
        // The first letters of a word are where the walk spends its time:
        // a table lookup per byte there instead of a scan.
        .dense_depth(4)
        .build(terms.iter().map(|(t, _)| t.as_str()))
        .ok();
    Lexicon {
        matcher,
        classes,
        icpc_codes,
    }
}

fn is_word_char(c: Option<char>) -> bool {
    c.is_some_and(char::is_alphanumeric)
}

/// Dutch glues a condition to the word after it: "migraineaanvallen",
/// "astmapatiënt", "angstklachten". Only these heads extend a condition; a
/// general compound ("diabetesvereniging") stays no hit.
const CONDITION_COMPOUND_TAILS: &[&str] = &[
    "aanvallen",
    "aanval",
    "klachten",
    "patiënten",
    "patiënte",
    "patiënt",
];

/// Plural and inflection endings a listed health term may carry
/// ("migraine-aanvallen" after "migraine-aanval", "symptoms", "hernia's").
const INFLECTION_TAILS: &[&str] = &["en", "es", "s", "n", "e", "'s"];

/// Does a word end `len` bytes into `rest`? (A non-ASCII byte counts as a
/// letter: "é", "ë" go on a word.)
fn ends_word_at(rest: &[u8], len: usize) -> bool {
    rest.get(len)
        .is_none_or(|&b| b < 0x80 && !b.is_ascii_alphanumeric())
}

/// Length of an inflection ending that starts `rest` (ASCII lower-cased)
/// and ends a word; `last` is the term's last letter, which a Dutch plural
/// may double ("aanval" -> "aanvallen").
fn inflection_tail(rest: &[u8], last: Option<char>) -> Option<usize> {
    if let Some(c) = last.filter(|c| c.is_ascii_alphabetic() && !"aeiou".contains(*c)) {
        let doubled = [c.to_ascii_lowercase() as u8, b'e', b'n'];
        if rest.starts_with(&doubled) && ends_word_at(rest, 3) {
            return Some(3);
        }
    }
    INFLECTION_TAILS.iter().find_map(|tail| {
        (rest.starts_with(tail.as_bytes()) && ends_word_at(rest, tail.len())).then_some(tail.len())
    })
}

/// Length of a compound tail that starts `rest` (ASCII lower-cased) and
/// ends a word, if any.
fn compound_tail(rest: &[u8]) -> Option<usize> {
    let (rest, dash) = rest.strip_prefix(b"-").map_or((rest, 0), |r| (r, 1));
    CONDITION_COMPOUND_TAILS.iter().find_map(|tail| {
        (rest.starts_with(tail.as_bytes()) && ends_word_at(rest, tail.len()))
            .then_some(dash + tail.len())
    })
}

impl Lexicon {
    /// Number of entries (an upper bound of `Hit::entry`).
    pub fn entries(&self) -> usize {
        self.classes.len()
    }

    /// Whole-word hits in `text`, in order, not overlapping. Entries that
    /// must be written with a capital (names, English "I") are checked
    /// against `text`.
    ///
    /// The automaton is asked only at the start of each word (an anchored
    /// search), so the letters inside words cost a byte test each, not a
    /// match of "u" or "ik" to be thrown away.
    pub fn hits(&self, text: &str) -> Vec<Hit> {
        let mut out = Vec::new();
        let Some(matcher) = &self.matcher else {
            return out;
        };
        let bytes = text.as_bytes();
        let mut i = 0;
        let mut in_word = false;
        while i < bytes.len() {
            let b = bytes[i];
            let (word_char, len) = if b < 0x80 {
                (b.is_ascii_alphanumeric(), 1)
            } else {
                match text.get(i..).and_then(|s| s.chars().next()) {
                    Some(c) => (c.is_alphanumeric(), c.len_utf8()),
                    None => (false, 1),
                }
            };
            if word_char && !in_word {
                if let Some(hit) = self.hit_at(matcher, text, i) {
                    out.push(hit);
                    in_word = text
                        .get(..hit.end)
                        .and_then(|s| s.chars().next_back())
                        .is_some_and(char::is_alphanumeric);
                    i = hit.end.max(i + len);
                    continue;
                }
            }
            in_word = word_char;
            i += len;
        }
        out
    }

    /// The longest entry starting at word start `start` that ends a word
    /// (or carries an allowed compound or inflection ending): one walk
    /// down the trie collects every entry that starts here.
    fn hit_at(&self, nfa: &NFA, text: &str, start: usize) -> Option<Hit> {
        let bytes = text.as_bytes().get(start..)?;
        let mut sid = nfa.start_state(Anchored::Yes).ok()?;
        let mut found: [(usize, usize); 8] = [(0, 0); 8];
        let mut n = 0;
        for (k, &b) in bytes.iter().enumerate() {
            sid = nfa.next_state(Anchored::Yes, sid, b);
            if nfa.is_dead(sid) {
                break;
            }
            if nfa.is_match(sid) {
                // A state's matches also list entries that end here but
                // start later (suffixes, for unanchored searches): keep the
                // one that starts at the word.
                for i in 0..nfa.match_len(sid) {
                    let pid = nfa.match_pattern(sid, i);
                    if nfa.pattern_len(pid) == k + 1 {
                        let slot = n.min(found.len() - 1);
                        found[slot] = (start + k + 1, pid.as_usize());
                        n += 1;
                    }
                }
            }
        }
        found[..n.min(found.len())]
            .iter()
            .rev()
            .find_map(|&(end, pattern)| self.accept(text, start, end, pattern))
    }

    /// Check a raw match against word boundaries, endings and case.
    fn accept(&self, text: &str, start: usize, raw_end: usize, pattern: usize) -> Option<Hit> {
        let mut classes = *self.classes.get(pattern)?;
        let rest = text.get(raw_end..).unwrap_or("");
        let mut after = rest.chars();
        let next = after.next();
        // "migraine-avond", "copd-protocol": a term joined by a hyphen to
        // another word names that other thing, except a condition's
        // compound head ("astma-aanval").
        let hyphen_compound = next == Some('-') && after.next().is_some_and(char::is_alphabetic);
        let ends_here = !(is_word_char(next) || (hyphen_compound && classes & HEALTH != 0));
        let end = if ends_here {
            raw_end
        } else {
            let head = lower_head(rest);
            let head = &head[..rest.len().min(head.len())];
            let last = text.get(..raw_end).and_then(|t| t.chars().next_back());
            let tail = (classes & CONDITION != 0)
                .then(|| compound_tail(head))
                .flatten()
                .or_else(|| {
                    (classes & HEALTH != 0)
                        .then(|| inflection_tail(head, last))
                        .flatten()
                });
            match tail {
                Some(tail) => raw_end + tail,
                // A cue or name that is also a health word keeps its other
                // classes ("Roos-Jansen").
                None if !is_word_char(next) && classes & !HEALTH != 0 => raw_end,
                None => return None,
            }
        };
        let matched = text.get(start..raw_end)?;
        // A surname is written with a capital after its particles ("de
        // Vries"), a first name and English "I" with one at the start.
        if classes & SURNAME != 0 && !matched.chars().any(char::is_uppercase) {
            classes &= !SURNAME;
            if classes == 0 || classes == AMBIGUOUS_NAME {
                return None;
            }
        }
        if classes & NEEDS_CAPITAL != 0 && !matched.chars().next().is_some_and(char::is_uppercase) {
            if classes & CASED != 0 {
                return None;
            }
            classes &= !(FIRST_NAME | AMBIGUOUS_NAME);
            if classes == 0 {
                return None;
            }
        }
        if hyphen_compound && end == raw_end {
            classes &= !HEALTH;
            if classes == 0 {
                return None;
            }
        }
        Some(Hit {
            start,
            end,
            classes,
            entry: pattern as u32,
        })
    }
}

/// The first bytes of `rest`, ASCII lower-cased, on the stack (the same
/// length as in the text, so tail lengths are byte offsets into it).
fn lower_head(rest: &str) -> [u8; 16] {
    let mut head = [0u8; 16];
    for (slot, b) in head.iter_mut().zip(rest.bytes()) {
        *slot = b.to_ascii_lowercase();
    }
    head
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classes_of(text: &str) -> Vec<Classes> {
        lexicon().hits(text).iter().map(|h| h.classes).collect()
    }

    #[test]
    fn vocabulary_files_load_and_match_whole_words() {
        let l = lexicon();
        assert!(l.icpc_codes.contains("T90"));
        let hits = l.hits("metformine 500 mg 2dd1 bij diabetes mellitus; hba1c 60");
        assert!(hits.iter().any(|h| h.is(MEDICATION)));
        assert!(hits.iter().any(|h| h.is(CONDITION)));
        assert!(hits.iter().any(|h| h.is(LAB)));
        assert!(classes_of("diabetesvereniging")
            .iter()
            .all(|c| c & HEALTH == 0));
        for compound in ["migraineaanvallen", "astma-aanval", "een diabetespatiënt."] {
            let word_end = compound.trim_end_matches('.').len();
            assert!(
                l.hits(compound)
                    .iter()
                    .any(|h| h.is(CONDITION) && h.end == word_end),
                "{compound}"
            );
        }
        // A hyphenated compound names something else.
        assert!(classes_of("de migraine-avond")
            .iter()
            .all(|c| c & HEALTH == 0));
        // Only conditions take a compound tail.
        assert!(classes_of("metforminepatiënt")
            .iter()
            .all(|c| c & MEDICATION == 0));
    }

    #[test]
    fn names_need_a_capital_and_cues_do_not() {
        let hits = lexicon().hits("Teun heeft oorpijn");
        assert!(hits.first().is_some_and(|h| h.is(FIRST_NAME)));
        let hits = lexicon().hits("ik heb oorpijn");
        assert!(hits.first().is_some_and(|h| h.is(FIRST_PERSON)));
        assert!(lexicon()
            .hits("I have a cough")
            .iter()
            .any(|h| h.is(FIRST_PERSON)));
        // A lower-case "i" is no English first person.
        assert!(!lexicon()
            .hits("punt i van de lijst")
            .iter()
            .any(|h| h.is(FIRST_PERSON)));
    }
}
