//! Person signals and the personal-data detector.
//!
//! A *named person* is a salutation with a name (`mevr. J. Dekker`,
//! `Geachte heer Nguyen`, `Mr R. Huisman`) or a labelled name (`Naam:`,
//! `Patiënt:`, `Client:`). Personal data is a named person together with a
//! date of birth, a labelled home address with postcode, a patient/client
//! number or a BSN. Staff signatures (unlabelled addresses, phone numbers)
//! do not count. Pure; evidence names only the kind of signal.

use crate::inspect::TextUnit;
use crate::types::{Category, Finding, Location};
use regex::Regex;
use std::sync::OnceLock;

use super::cached_regex as re;

/// A person's name: up to three initials (OCR reads a capital I as `|`),
/// particles, and a capitalised surname.
const NAME: &str = r"(?:[A-Z|]\.\s?){0,3}(?:(?:van|de|der|den|ter|ten|het|la|le|du|da|von|el|al|in 't|van 't)\s+){0,3}[A-Z\u{C0}-\u{DE}][\p{Ll}'\u{2019}-]+";

pub fn salutation_name() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        &format!(
            r"(?-u:\b)(?i:dhr|mevr|mw|mevrouw|meneer|de heer|heer|mr|mrs|ms|miss|mister|jongeheer|juffrouw)\.?\s+{NAME}"
        ),
    )
}

pub fn labelled_name() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        &format!(
            r"(?m)(?:^|\t|\()[>\s]*(?i:naam(?: patiënt| cliënt| kind| werknemer)?|name|patiënte?|patient|cliënte?|client|kind|child|jeugdige|werknemer|medewerker|employee|betreft patiënt|pt)\s*:[\s_|~'‘’.,]*(?i:dhr\.?|mevr\.?|mw\.?|mr\.?|mrs\.?|ms\.?)?\s*{NAME}"
        ),
    )
}

/// A full name directly followed by a birth date or an age:
/// `Zoë van der Veen (geb. 03-05-2019)`, `Sanne Bakker (15 jaar)`.
pub fn name_with_birth() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        &format!(
            r"[A-Z\u{{C0}}-\u{{DE}}][\p{{Ll}}'-]+\s+{NAME}\s*[(,]\s*(?:(?i:geb\.?|geboren|born|dob)\s*:?\s*\d|\d{{1,3}}\s*(?i:jaar|jr|years?|yrs|y/o)(?-u:\b))"
        ),
    )
}

/// A salutation and name followed on the same line by street, number and postcode.
fn name_with_address() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        &format!(
            r"(?-u:\b)(?i:dhr|mevr|mw|mevrouw|meneer|de heer|heer|mr|mrs|ms)\.?\s+{NAME},?[^\n]{{0,20}}?(?-u:\b)[A-Z][\p{{L}}.' -]{{2,40}}\s\d{{1,5}}(?:\s?[-/]\s?\d{{1,4}}|\s?[a-zA-Z](?-u:\b))?(?:\s?bis)?,?\s+\d{{4}}\s?[A-Z]{{2}}(?-u:\b)"
        ),
    )
}

fn dob() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r"(?i)(?-u:\b)(?:geboortedatum|geb\.?|geboren(?: op)?|born(?: on)?|date of birth|birth date|dob|d\.o\.b\.)[^\d\n]{0,20}?(?:\d{1,2}[-/. ]\d{1,2}[-/. ]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}\s+\p{L}{3,10}\.?\s+\d{4})",
    )
}

fn patient_number() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r"(?i)(?-u:\b)(?:patiëntnummer|patientnummer|patiëntnr|patientnr|pat\.?\s?nr|patient (?:number|no|id)|cliëntnummer|clientnummer|client (?:number|no|id)|dossiernummer|ziekenhuisnummer|hospital number|registratienummer|polisnummer|polisnr|verzekerdennummer)\.?\s*:?\s*[A-Z]{0,3}[-\s]?\d{4,}",
    )
}

fn labelled_address() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r"(?i:adres|address|woonadres|home address|nieuw adres|new address|woonachtig|wonende|woont|verhuisd naar|moved to)\s*:?[^\n]{0,80}?(?-u:\b)\d{4}\s?[A-Z]{2}(?-u:\b)",
    )
}

fn labelled_phone() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r"(?mi)^\s*(?:telefoon(?:nummer)?|mobiel(?: nummer)?|phone(?: number)?|mobile|tel(?:\.|efoon)?)\s*(?:patiënt|patient|ouder|moeder|vader|partner)?\s*:\s*(?:\+31|0)[\d\s-]{8,}",
    )
}

/// Identifying columns of a table about people (CSV, TXT, spreadsheets:
/// the extractors write cells separated by tabs). A phone column alone does
/// not count: staff rosters and phone lists have one.
#[derive(Debug, Default, PartialEq, Eq)]
struct TableColumns {
    dob: bool,
    patient_number: bool,
    address: bool,
}

const NAME_COLUMNS: &[&str] = &[
    "naam",
    "achternaam",
    "voornaam",
    "voorletters",
    "roepnaam",
    "geslachtsnaam",
    "name",
    "surname",
    "last name",
    "lastname",
    "first name",
    "firstname",
    "full name",
    "patiënt",
    "patient",
    "patiëntnaam",
    "patientnaam",
    "cliënt",
    "client",
    "cliëntnaam",
    "clientnaam",
    "verzekerde",
    "werknemer",
    "employee",
];
const DOB_COLUMNS: &[&str] = &[
    "geboortedatum",
    "geb.datum",
    "geb. datum",
    "geb datum",
    "gebdat",
    "geb",
    "dob",
    "date of birth",
    "birth date",
    "birthdate",
    "birthday",
];
const NUMBER_COLUMNS: &[&str] = &[
    "patnr",
    "pat.nr",
    "pat nr",
    "patiëntnummer",
    "patientnummer",
    "patiëntnr",
    "patientnr",
    "cliëntnummer",
    "clientnummer",
    "clientnr",
    "dossiernummer",
    "patient id",
    "patient number",
    "client id",
    "polisnummer",
    "bsn",
    "burgerservicenummer",
];
const ADDRESS_COLUMNS: &[&str] = &[
    "adres",
    "woonadres",
    "straat",
    "address",
    "street",
    "postcode",
    "zip",
    "zip code",
];

/// A header row naming a person column and an identifying column, followed
/// by a data row with the same number of cells.
fn table_of_people(text: &str) -> Option<TableColumns> {
    let mut lines = text.lines().filter(|l| !l.trim().is_empty()).take(2_000);
    let mut previous: Option<&str> = None;
    for line in lines.by_ref() {
        if let Some(header) = previous {
            if let Some(columns) = header_with_data(header, line) {
                return Some(columns);
            }
        }
        previous = Some(line);
    }
    None
}

fn header_with_data(header: &str, data: &str) -> Option<TableColumns> {
    let sep = [';', '\t', '|', ',']
        .into_iter()
        .max_by_key(|&c| header.matches(c).count())?;
    let cells: Vec<String> = header
        .split(sep)
        .map(|c| super::table_cell(c).to_lowercase())
        .filter(|c| !c.is_empty())
        .collect();
    // Spreadsheets leave empty cells out, so a data row may be shorter
    // than its header; it is longer only where a comma-separated export
    // writes Dutch decimal commas unquoted ("3,6" for 3.6).
    let filled = data.split(sep).filter(|c| !c.trim().is_empty()).count();
    let most = if sep == ',' {
        cells.len() * 2
    } else {
        cells.len()
    };
    if cells.len() < 3 || filled < 2 || filled > most {
        return None;
    }
    let is = |names: &[&str]| cells.iter().any(|c| names.contains(&c.as_str()));
    if !is(NAME_COLUMNS) {
        return None;
    }
    let columns = TableColumns {
        dob: is(DOB_COLUMNS),
        patient_number: is(NUMBER_COLUMNS),
        address: is(ADDRESS_COLUMNS),
    };
    (columns != TableColumns::default()).then_some(columns)
}

/// What one message says about a specific person.
#[derive(Debug, Default, Clone)]
pub struct PersonSignals {
    /// A person is named (salutation + name, or a labelled name).
    pub named: bool,
    /// Named somewhere other than in the greeting ("Geachte heer Jansen,"):
    /// in the text, a label, a table or with a birth date.
    pub named_beyond_greeting: bool,
    pub dob: bool,
    pub patient_number: bool,
    pub address: bool,
    pub phone: bool,
    /// Where the strongest identifying signal was seen.
    pub at: Option<Location>,
}

impl PersonSignals {
    pub fn collect(units: &[TextUnit]) -> Self {
        let mut s = PersonSignals::default();
        for u in units {
            if u.loc.field.as_deref() == Some("display-names")
                || u.loc.field.as_deref() == Some("filename")
            {
                continue;
            }
            let t = super::head(&u.text);
            if !s.named_beyond_greeting {
                let mut salutations = salutation_name().find_iter(t).peekable();
                if salutations.peek().is_some() {
                    s.named = true;
                }
                if labelled_name().is_match(t)
                    || name_with_birth().is_match(t)
                    || salutations.any(|m| !in_greeting(t, m.start()))
                {
                    s.named = true;
                    s.named_beyond_greeting = true;
                }
            }
            if !s.address && name_with_address().is_match(t) {
                s.address = true;
                s.named = true;
                s.named_beyond_greeting = true;
                if s.at.is_none() {
                    s.at = Some(u.loc.clone());
                }
            }
            if let Some(table) = table_of_people(t) {
                s.named = true;
                s.named_beyond_greeting = true;
                s.dob |= table.dob;
                s.patient_number |= table.patient_number;
                s.address |= table.address;
                if s.at.is_none() {
                    s.at = Some(u.loc.clone());
                }
            }
            let hit = |flag: &mut bool, r: &Regex| {
                if !*flag && r.is_match(t) {
                    *flag = true;
                    true
                } else {
                    false
                }
            };
            let a = hit(&mut s.dob, dob());
            let b = hit(&mut s.patient_number, patient_number());
            let c = hit(&mut s.address, labelled_address());
            let d = hit(&mut s.phone, labelled_phone());
            if (a || b || c || d) && s.at.is_none() {
                s.at = Some(u.loc.clone());
            }
        }
        s
    }

    /// A named person with a birth date, patient number or BSN.
    pub fn strongly_identified(&self, has_bsn: bool) -> bool {
        self.named && (self.dob || self.patient_number || self.address || has_bsn)
    }

    /// The only person in the message is the one greeted, with nothing
    /// else to identify them: a mail merge ("Geachte heer Jansen, ...")
    /// looks like this, and so does a letter to a patient about themselves.
    pub fn greeted_only(&self, has_bsn: bool) -> bool {
        self.named
            && !self.named_beyond_greeting
            && !(self.dob || self.patient_number || self.address || self.phone || has_bsn)
    }

    /// The message is about an identifiable person.
    pub fn identifiable(&self, has_bsn: bool) -> bool {
        self.named || self.dob || self.patient_number || has_bsn
    }
}

/// The salutation at `pos` opens a greeting line ("Geachte heer ...",
/// "Dear Mrs ...", or the line starts with it).
fn in_greeting(text: &str, pos: usize) -> bool {
    let line_start = text
        .get(..pos)
        .and_then(|b| b.rfind('\n'))
        .map_or(0, |i| i + 1);
    let prefix = text
        .get(line_start..pos)
        .unwrap_or("")
        .trim()
        .to_lowercase();
    let prefix = prefix.trim_start_matches(['>', ' ']);
    matches!(
        prefix,
        "" | "geachte"
            | "beste"
            | "lieve"
            | "hallo"
            | "hoi"
            | "dag"
            | "goedemorgen"
            | "goedemiddag"
            | "dear"
            | "hello"
            | "hi"
    )
}

/// Personal data: a named person plus an identifying detail.
pub fn detect(
    signals: &PersonSignals,
    has_bsn: bool,
    bsn_at: Option<&Location>,
    out: &mut Vec<Finding>,
) {
    if !signals.named {
        return;
    }
    let mut kinds = Vec::new();
    if signals.dob {
        kinds.push("date-of-birth");
    }
    if signals.address {
        kinds.push("home-address");
    }
    if signals.patient_number {
        kinds.push("patient-number");
    }
    if signals.phone {
        kinds.push("phone");
    }
    if has_bsn {
        kinds.push("bsn");
    }
    if kinds.is_empty() {
        return;
    }
    let location = signals
        .at
        .clone()
        .or_else(|| bsn_at.cloned())
        .unwrap_or_default();
    out.push(Finding {
        category: Category::Personal,
        detector: "personal.identity".into(),
        location,
        evidence: format!("name + {}", kinds.join(" + ")),
        confidence: (0.6 + 0.1 * kinds.len() as f32).min(0.95),
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(t: &str) -> TextUnit {
        TextUnit {
            loc: Location::default(),
            text: t.into(),
        }
    }

    #[test]
    fn names_are_recognised() {
        assert!(
            name_with_birth().is_match("aanmelding voor Zoë van der Veen (geb. 03-05-2019), BSN")
        );
        assert!(name_with_address()
            .is_match("afspraak voor dhr. O. Çelik, Beatrixstraat 3, 2558 WP Leiden, bij"));
        assert!(labelled_name().is_match("> Naam: dhr. T. Koster"));
        for t in [
            "Geachte heer Nguyen,",
            "mevr. J. Dekker (geboren 03-02-1934)",
            "Re: Mr R. Huisman, born",
            "Naam:            dhr. W. van der Veen",
            "Patiënt: Jan de Vries",
            // OCR leaves specks between the label and the name.
            "Patient: _mevr. L. van den Broek",
        ] {
            assert!(
                salutation_name().is_match(t) || labelled_name().is_match(t),
                "{t}"
            );
        }
        assert!(name_with_birth().is_match("zorgen om Sanne Bakker (15 jaar): zij"));
        assert!(!name_with_birth().is_match("Sanne Bakker (15 dagen)"));
        // OCR reads the initial I as a bar.
        assert!(labelled_name().is_match("Naam: mevr. |. Wijnands"));
        for t in ["Geachte heer/mevrouw,", "Beste collega's,", "Naam: "] {
            assert!(
                !salutation_name().is_match(t) && !labelled_name().is_match(t),
                "{t}"
            );
        }
    }

    #[test]
    fn a_table_of_patients_is_personal_but_a_roster_is_not() {
        let export = "patnr;achternaam;voorletters;geboortedatum;postcode\n10231;Jansen;J.;01-02-1960;1234 AB\n";
        let s = PersonSignals::collect(&[unit(export)]);
        assert!(s.named && s.dob && s.patient_number && s.address, "{s:?}");
        let sheet = "Naam\tGeboortedatum\tHuisarts\nA. Visser\t03-11-1992\tdr. Bakker\n";
        assert!(PersonSignals::collect(&[unit(sheet)]).dob);
        // As the XLSX extractor writes it: a tab after every cell, empty
        // cells left out.
        let sheet = "Naam\tGeboortedatum\tPatiëntnr\tBepaling\tUitslag\tEenheid\t\nmevr. C. de Vries\t06-08-1958\t897071\tINR\t1.7\t\n";
        let s = PersonSignals::collect(&[unit(sheet)]);
        assert!(s.dob && s.patient_number, "{s:?}");
        // A CSV export with a byte-order mark and Dutch decimal commas.
        let csv = "\u{feff}naam,geboortedatum,bepaling,uitslag,eenheid\ndhr. B. de Groot,16-03-2002,Triglyceriden,3,6,mmol/l\n";
        let s = PersonSignals::collect(&[unit(csv)]);
        assert!(s.named && s.dob, "{s:?}");
        for clean in [
            "naam;dienst;datum;telefoon\nAnouk;ochtend;12-03-2026;06-12345678\n",
            "Artikel;Omschrijving;Prijs\n100234;Handschoenen;12,50\n",
            "naam;geboortedatum;postcode\n",
        ] {
            let s = PersonSignals::collect(&[unit(clean)]);
            assert!(!s.named && !s.dob, "{clean}: {s:?}");
        }
    }

    #[test]
    fn name_plus_birth_date_is_personal_but_a_signature_is_not() {
        let s = PersonSignals::collect(&[unit("Naam: A. Visser\nDate of birth: 1992-11-03")]);
        assert!(s.named && s.dob, "{s:?}");
        let s = PersonSignals::collect(&[unit("Naam: mevr. A. Visser\nGeboortedatum: 03-11-1992")]);
        let mut f = Vec::new();
        detect(&s, false, None, &mut f);
        assert_eq!(f.len(), 1);
        let s = PersonSignals::collect(&[unit("Met vriendelijke groet,\nPriya de Wit\nSint Janssingel 105, 3465 LJ Zeist\nTel. 0570-650349")]);
        let mut f = Vec::new();
        detect(&s, false, None, &mut f);
        assert!(f.is_empty());
    }
}
