//! The words that open the detectors' longer patterns ("gates"), found in
//! one pass over a text unit with one Aho-Corasick automaton.
//!
//! A long pattern (a sick note, a vaccination given, a labelled address)
//! runs only on the lines where one of its gate words stands (see
//! `super::gated_matches`). Before, each gate was a regex of its own, run
//! over the whole text: six passes of a lazy DFA at about a nanosecond a
//! byte each, a fifth of the relay's CPU on 100 KB messages. Now the gates
//! cost one pass for all of them.
//!
//! Gate words match anywhere, also inside words ("bloedonderzoek",
//! "woonadres"), ASCII-case-insensitively; a word with a non-ASCII letter
//! is also listed in capitals ("PATIËNTN"). Pure; never fails (an
//! automaton that cannot be built finds every line, so no pattern is
//! skipped).

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use std::sync::OnceLock;

/// What a gate opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(usize)]
pub enum Gate {
    /// Absence from work or school: `health::sick_note`.
    Sick,
    /// `health::vaccination_given`.
    Vaccine,
    /// `health::pregnancy_of_person`.
    Pregnancy,
    /// `health::specialist_appointment`.
    Appointment,
    /// Words of a text meant for many (`health` lowers its weight).
    MassMailing,
    /// A salutation before a name and address: `personal::name_with_address`.
    Salutation,
    /// `personal::patient_number`.
    NumberLabel,
    /// `personal::labelled_address`, `personal::own_address`.
    AddressLabel,
    /// A request for (repeat) medication: `health::medication_request`.
    Request,
    /// A treatment of someone's body part: `health::treatment_of_person`.
    Treatment,
    /// A complaint described in words: `complaints::find`.
    Complaint,
}

const GATES: usize = 11;

/// The gate words (lower case), per gate.
const WORDS: [(Gate, &[&str]); GATES] = [
    (
        Gate::Sick,
        &[
            "ziek",
            "sick",
            "ill",
            "afwezig",
            "uitgevallen",
            "werken",
            "be in",
            "come in",
            "coming in",
            "blijf",
        ],
    ),
    (Gate::Vaccine, &["vaccin", "inenting", "booster"]),
    (
        Gate::Pregnancy,
        // "AD 12" (amenorroeduur) is written out below with its digit.
        &[
            "zwanger",
            "pregnan",
            "bevallen",
            "miskraam",
            "miscarriage",
            "amenorr",
            "gestational",
        ],
    ),
    (
        Gate::Appointment,
        &[
            "afspra",
            "appointment",
            "consult",
            "spreekuur",
            "opname",
            "admission",
            "onderzoek",
            "scan",
            "operatie",
            "ingreep",
            "surgery",
            "procedure",
        ],
    ),
    (
        Gate::MassMailing,
        &[
            "afmelden",
            "uitschrijven",
            "unsubscribe",
            "nieuwsbrief",
            "newsletter",
            "u ontvangt deze",
            "you are receiving this",
            "you received this",
            "beste patiënten",
            "geachte patiënten",
            "dear patients",
            "aan alle",
        ],
    ),
    (
        Gate::Salutation,
        &[
            "dhr", "mevr", "mw", "mevrouw", "meneer", "heer", "mr", "mrs", "ms",
        ],
    ),
    (
        Gate::NumberLabel,
        &[
            "patiëntn",
            "patientn",
            "pat.",
            "pat nr",
            "patnr",
            "patient n",
            "patient id",
            "cliëntn",
            "clientn",
            "client n",
            "client id",
            "dossiern",
            "ziekenhuisn",
            "hospital n",
            "registratien",
            "polisn",
            "verzekerdenn",
            "mrn",
            "nhs n",
            "zorgdossier",
        ],
    ),
    (
        Gate::AddressLabel,
        &[
            "adres",
            "address",
            "woonachtig",
            "wonende",
            "woont",
            "verhuisd",
            "moved to",
            "i live at",
            "ik woon",
        ],
    ),
    (
        Gate::Request,
        &[
            "herhaal",
            "herhaling",
            "recept",
            "refill",
            "repeat",
            "bijna op",
            "heen",
            "klaar",
            "bestel",
        ],
    ),
    (
        Gate::Treatment,
        &[
            "behandel",
            "therapie",
            "sessie",
            "oefeningen",
            "revalidatie",
            "treat",
            "therapy",
            "session",
            "physio",
        ],
    ),
    (
        Gate::Complaint,
        // Every pattern of `complaints` holds one of these: a lesion, a
        // body part, passing water, a wound or a temperature.
        &[
            "pijn",
            "vlek",
            "plek",
            "bult",
            "knobbel",
            "zwelling",
            "wond",
            "zweer",
            "uitslag",
            "eczeem",
            "jeuk",
            "hoest",
            "blaar",
            "blaasje",
            "wrat",
            "puist",
            "lump",
            "bump",
            "mole",
            "spot",
            "rash",
            "swelling",
            "wound",
            "sore",
            "ulcer",
            "blister",
            "wart",
            "cyst",
            "ache",
            "pain",
            "cough",
            "itch",
            "decubitus",
            "ulcus",
            "laesie",
            "verdacht",
            "suspic",
            "suspect",
            "eind",
            "leven",
            "dood",
            "pillen",
            "zelfmoord",
            "suïcid",
            "suicid",
            "kill",
            "life",
            "vergeetachtig",
            "in de war",
            "kwijt",
            "welke dag",
            "herkent",
            "words",
            "droop",
            "slurred",
            "praat",
            "verwachting",
            "verloren",
            "lost",
            "expecting",
            "suiker",
            "bloeddruk",
            "cholesterol",
            "nierfunctie",
            "schildklier",
            "ijzer",
            "sugar",
            "pressure",
            "kidney",
            "thyroid",
            "iron",
            "hb",
            "terminal",
            "palliat",
            "knie",
            "heup",
            "schouder",
            "rug",
            "nek",
            "enkel",
            "voet",
            "hiel",
            "pols",
            "elleboog",
            "hand",
            "arm",
            "been",
            "benen",
            "kuit",
            "teen",
            "tenen",
            "vinger",
            "duim",
            "borst",
            "tepel",
            "oksel",
            "buik",
            "lies",
            "bil",
            "hoofd",
            "gezicht",
            "wang",
            "oog",
            "ogen",
            "ooglid",
            "oor",
            "oren",
            "neus",
            "keel",
            "mond",
            "tong",
            "lip",
            "kaak",
            "tand",
            "kies",
            "huid",
            "penis",
            "balzak",
            "teelbal",
            "vagina",
            "schaam",
            "anus",
            "knee",
            "hip",
            "shoulder",
            "back",
            "neck",
            "ankle",
            "foot",
            "feet",
            "heel",
            "wrist",
            "elbow",
            "leg",
            "thigh",
            "calf",
            "toe",
            "finger",
            "thumb",
            "breast",
            "nipple",
            "chest",
            "belly",
            "stomach",
            "tummy",
            "groin",
            "buttock",
            "head",
            "scalp",
            "face",
            "cheek",
            "eye",
            "ear",
            "nose",
            "throat",
            "mouth",
            "tongue",
            "jaw",
            "tooth",
            "teeth",
            "gums",
            "skin",
            "testicle",
            "scrotum",
            "pee",
            "wee",
            "urin",
            "plas",
            "pass water",
            "temp",
            "koorts",
            "fever",
            "t:",
            "t.",
            "t=",
            "t 3",
            "t 4",
            "slaap",
            "sleep",
            "huil",
            "cries",
            "crying",
            "ontsteking",
            "infectie",
            "drink",
            "drank",
            "kilo",
            "kg",
            "lost",
            "gained",
        ],
    ),
];

/// Most positions kept per gate (as the regex gates took at most 500).
const MAX_PER_GATE: usize = 500;

struct Automaton {
    matcher: Option<AhoCorasick>,
    /// The gate of each pattern.
    gate_of: Vec<Gate>,
}

fn automaton() -> &'static Automaton {
    static A: OnceLock<Automaton> = OnceLock::new();
    A.get_or_init(|| {
        let mut patterns: Vec<String> = Vec::new();
        let mut gate_of = Vec::new();
        let mut add = |gate: Gate, word: String| {
            patterns.push(word);
            gate_of.push(gate);
        };
        for (gate, words) in WORDS {
            for word in words {
                if !word.is_ascii() {
                    add(gate, word.to_uppercase());
                }
                add(gate, (*word).to_string());
            }
        }
        // "AD 12", "AD: 30", "AD12" (weeks of amenorrhoea).
        for digit in '0'..='9' {
            for sep in ["", " ", ":", ": "] {
                add(Gate::Pregnancy, format!("ad{sep}{digit}"));
            }
        }
        let matcher = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&patterns)
            .ok();
        Automaton { matcher, gate_of }
    })
}

/// Where each gate's words start in one text.
#[derive(Debug, Default, Clone)]
pub struct Gates {
    at: [Vec<usize>; GATES],
    /// The automaton could not be built: every line is open.
    all_open: bool,
}

impl Gates {
    /// One pass over `text` for every gate.
    pub fn find(text: &str) -> Gates {
        let mut gates = Gates::default();
        let automaton = automaton();
        let Some(matcher) = &automaton.matcher else {
            gates.all_open = true;
            return gates;
        };
        for m in matcher.find_overlapping_iter(text) {
            let Some(gate) = automaton.gate_of.get(m.pattern().as_usize()) else {
                continue;
            };
            if let Some(list) = gates.at.get_mut(*gate as usize) {
                if list.len() < MAX_PER_GATE && list.last() != Some(&m.start()) {
                    list.push(m.start());
                }
            }
        }
        gates
    }

    /// Byte offsets where `gate`'s words start, in order. When the
    /// automaton could not be built, one offset per line.
    pub fn positions(&self, gate: Gate, text: &str) -> Vec<usize> {
        if self.all_open {
            return std::iter::once(0)
                .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1))
                .take(MAX_PER_GATE)
                .collect();
        }
        self.at.get(gate as usize).cloned().unwrap_or_default()
    }

    /// Does any word of `gate` stand in the text?
    pub fn any(&self, gate: Gate) -> bool {
        self.all_open || self.at.get(gate as usize).is_some_and(|l| !l.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    /// The regexes the gates replace, as they were.
    fn old_gates() -> Vec<(Gate, Regex)> {
        [
            (Gate::Sick, r"(?i)ziek|sick|ill|afwezig|uitgevallen|werken|be in|come in|coming in|blijf"),
            (Gate::Vaccine, r"(?i)vaccin|inenting|booster"),
            (Gate::Pregnancy, r"(?i)zwanger|pregnan|bevallen|miskraam|miscarriage|amenorr|gestational|AD ?[0-9]|AD: ?[0-9]"),
            (Gate::Appointment, r"(?i)afspra|appointment|consult|spreekuur|opname|admission|onderzoek|scan|operatie|ingreep|surgery|procedure"),
            (Gate::MassMailing, r"(?i)afmelden|uitschrijven|unsubscribe|nieuwsbrief|newsletter|u ontvangt deze|you are receiving this|you received this|beste patiënten|geachte patiënten|dear patients|aan alle"),
            (Gate::Salutation, r"(?i)dhr|mevr|mw|mevrouw|meneer|heer|mr|mrs|ms"),
            (Gate::NumberLabel, r"(?i)patiëntn|patientn|pat\.|pat nr|patnr|patient n|patient id|cliëntn|clientn|client n|client id|dossiern|ziekenhuisn|hospital n|registratien|polisn|verzekerdenn|mrn|nhs n|zorgdossier"),
            (Gate::AddressLabel, r"(?i)adres|address|woonachtig|wonende|woont|verhuisd|moved to|i live at|ik woon"),
        ]
        .into_iter()
        .map(|(g, p)| (g, Regex::new(p).expect("old gate compiles")))
        .collect()
    }

    /// Every line an old gate regex opened is opened by the new gates.
    #[test]
    fn the_gates_open_every_line_the_old_regexes_opened() {
        let mut text = String::from(
            "Mevr. de Boer woont aan de Kerkstraat.\nPATIËNTNUMMER 123\nZe is 12 weken ZWANGER, AD: 12.\n\
             Bloedonderzoek en CT-scan gepland; vervolgafspraak.\nHe will come in tomorrow; I'm ill.\n\
             Beste patiënten, u ontvangt deze nieuwsbrief.\nGriepvaccin gegeven. Nieuw e-mailadres.\n\
             Pat. nr 12, Zorgdossier, NHS no 3, MRN 4, Client ID 5.\nhad 3 kinderen\n",
        );
        for (_, words) in WORDS {
            for w in words {
                text.push_str(&format!("x{w}y {} {}\n", w.to_uppercase(), w));
            }
        }
        let gates = Gates::find(&text);
        for (gate, re) in old_gates() {
            let open: Vec<_> = gates
                .positions(gate, &text)
                .into_iter()
                .map(|p| super::super::reading::line_range(&text, p))
                .collect();
            let mut found = 0;
            for m in re.find_iter(&text) {
                let line = super::super::reading::line_range(&text, m.start());
                assert!(open.contains(&line), "{gate:?} misses {:?}", &text[line]);
                found += 1;
            }
            assert!(found > 0, "{gate:?} was exercised");
            assert_eq!(gates.any(gate), found > 0);
        }
    }

    #[test]
    fn text_without_gate_words_opens_nothing() {
        let gates = Gates::find(&"XXXXXXXX\r\n".repeat(1000));
        for (gate, _) in WORDS {
            assert!(!gates.any(gate), "{gate:?}");
        }
    }
}
