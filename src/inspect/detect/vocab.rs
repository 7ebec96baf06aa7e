//! Medical vocabulary, loaded from the data files in `src/inspect/vocab/`
//! (conditions, medications, care/referral phrases, lab names, ICPC codes)
//! into case-insensitive whole-word matchers, built once.
//!
//! Pure lookups; never fails (a malformed line is ignored).

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::collections::HashSet;
use std::sync::OnceLock;

/// Which list a term came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Class {
    Condition,
    Medication,
    Care,
    Lab,
}

impl Class {
    pub fn as_str(self) -> &'static str {
        match self {
            Class::Condition => "condition",
            Class::Medication => "medication",
            Class::Care => "care",
            Class::Lab => "lab",
        }
    }
}

const FILES: &[(Class, &str)] = &[
    (Class::Condition, include_str!("../vocab/conditions.txt")),
    (Class::Medication, include_str!("../vocab/medications.txt")),
    (Class::Care, include_str!("../vocab/care.txt")),
    (Class::Lab, include_str!("../vocab/labs.txt")),
];
const ICPC: &str = include_str!("../vocab/icpc.txt");

pub struct Vocab {
    matcher: Option<AhoCorasick>,
    classes: Vec<Class>,
    pub icpc_codes: HashSet<String>,
}

/// One vocabulary hit.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub class: Class,
    pub term: usize,
    pub start: usize,
    pub end: usize,
}

fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

pub fn vocab() -> &'static Vocab {
    static V: OnceLock<Vocab> = OnceLock::new();
    V.get_or_init(|| {
        let mut terms: Vec<String> = Vec::new();
        let mut classes = Vec::new();
        for (class, data) in FILES {
            for l in lines(data) {
                terms.push(l.to_lowercase());
                classes.push(*class);
            }
        }
        let mut icpc_codes = HashSet::new();
        for l in lines(ICPC) {
            if let Some((code, title)) = l.split_once('\t') {
                icpc_codes.insert(code.trim().to_string());
                terms.push(title.trim().to_lowercase());
                classes.push(Class::Condition);
            }
        }
        let matcher = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&terms)
            .ok();
        Vocab {
            matcher,
            classes,
            icpc_codes,
        }
    })
}

fn is_word_char(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric())
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

/// Length of a compound tail that starts `rest` and ends a word, if any.
fn compound_tail(rest: &str) -> Option<usize> {
    let rest = rest.strip_prefix('-').map_or((rest, 0), |r| (r, 1));
    CONDITION_COMPOUND_TAILS.iter().find_map(|tail| {
        let after = rest.0.get(tail.len()..)?;
        (rest.0.starts_with(tail) && !is_word_char(after.chars().next()))
            .then_some(rest.1 + tail.len())
    })
}

impl Vocab {
    /// Whole-word hits in `text`; `lower` must be `text.to_lowercase()`
    /// when that has the same length, else pass the lower-cased text and
    /// offsets refer to it.
    pub fn hits(&self, lower: &str) -> Vec<Hit> {
        let mut out = Vec::new();
        let Some(matcher) = &self.matcher else {
            return out;
        };
        for m in matcher.find_iter(lower) {
            let before = lower.get(..m.start()).and_then(|s| s.chars().next_back());
            let rest = lower.get(m.end()..).unwrap_or("");
            let Some(&class) = self.classes.get(m.pattern().as_usize()) else {
                continue;
            };
            if is_word_char(before) {
                continue;
            }
            let end = if !is_word_char(rest.chars().next()) {
                m.end()
            } else {
                match compound_tail(rest) {
                    Some(tail) if class == Class::Condition => m.end() + tail,
                    _ => continue,
                }
            };
            out.push(Hit {
                class,
                term: m.pattern().as_usize(),
                start: m.start(),
                end,
            });
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vocabulary_files_load_and_match_whole_words() {
        let v = vocab();
        assert!(v.icpc_codes.contains("T90"));
        let hits = v.hits("metformine 500 mg 2dd1 bij diabetes mellitus; hba1c 60");
        let classes: Vec<Class> = hits.iter().map(|h| h.class).collect();
        assert!(classes.contains(&Class::Medication));
        assert!(classes.contains(&Class::Condition));
        assert!(classes.contains(&Class::Lab));
        assert!(v.hits("diabetesvereniging").is_empty());
        assert!(v.hits("migrainevoorlichting").is_empty());
        for compound in ["migraineaanvallen", "astma-aanval", "een diabetespatiënt."] {
            let hits = v.hits(compound);
            assert_eq!(hits.len(), 1, "{compound}");
            assert_eq!(hits[0].class, Class::Condition);
        }
        // Only conditions take a compound tail.
        assert!(v.hits("metforminepatiënt").is_empty());
    }
}
