//! Person signals and the personal-data detector.
//!
//! A *named person* is anyone `names` finds outside a signature or a
//! quoted mail header: "mevr. J. Dekker", "Naam: Jan de Vries", "Kees de
//! Wit", "Wiersma, A.". Personal data is a named person together with a
//! date of birth (labelled, or a date right after the name: "Wiersma, A.
//! (08-11-1955)"), a home address with postcode, a patient or client
//! number, a phone number of theirs or a BSN — or a table, an HL7 PID
//! segment, a FHIR Patient or a vCard with a birthday that lists such
//! data. Staff signatures (the writer's own address and phone) do not
//! count. Pure; evidence names only the kind of signal.

use super::gates::Gate;
use super::lexicon;
use super::names::{window_after, NAME};
use super::reading::{NameStrength, Reading, Role};
use super::structured;
use super::tables::table_of_people;
use crate::types::{Category, Finding, Location};
use regex::Regex;
use std::sync::OnceLock;

use super::cached_regex as re;

pub(crate) fn own_address() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r"(?i:mijn (?:nieuwe )?adres|nieuw adres|ik woon|ik ben verhuisd|wij zijn verhuisd|we zijn verhuisd|verhuisd naar|my (?:new )?address|new address|i live at|i moved to|we moved to)\s*(?:is)?\s*:?[^\n]{0,80}?(?-u:\b)\d{4}\s?[A-Z]{2}(?-u:\b)",
    )
}

/// A salutation and name followed on the same line by street, number and postcode.
pub(crate) fn name_with_address() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        &format!(
            r"(?-u:\b)(?i:dhr|mevr|mw|mevrouw|meneer|de heer|heer|mr|mrs|ms)\.?\s+{NAME},?[^\n]{{0,20}}?(?-u:\b)[A-Z][\p{{L}}.' -]{{2,40}}\s\d{{1,5}}(?:\s?[-/]\s?\d{{1,4}}|\s?[a-zA-Z](?-u:\b))?(?:\s?bis)?,?\s+\d{{4}}\s?[A-Z]{{2}}(?-u:\b)"
        ),
    )
}

pub(crate) fn dob() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        // English writers put an ordinal or the month first ("born 3rd
        // April 1985", "DOB: April 3, 1985").
        r"(?i)(?-u:\b)(?:geboo?rte?\s?da?tu?m|geb\.?|geboren(?: op)?|born(?: on)?|date of birth|birth date|dob|d\.o\.b\.)[^\d\n]{0,20}?(?:\d{1,2}[-/. ]\d{1,2}[-/. ]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?\p{L}{3,10}\.?,?\s+\d{4}|\p{L}{3,10}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})",
    )
}

/// A name right after the role or relation it has for the writer: "onze
/// patiënt Hanneke Verbeek", "cliënte", "mijn man Jeroen Timmermans",
/// "my mother Ann Smith". The text is about that person, as a letter names
/// its subject with "mevrouw".
fn named_by_role(text: &str, name_start: usize) -> bool {
    static R: OnceLock<Regex> = OnceLock::new();
    let role = re(
        &R,
        r"(?i)(?:(?-u:\b)(?:patiënte?|patient|patientin|cliënte?|client|bewoner|bewoonster|pupil)|(?-u:\b)(?:meine|meiner|meinem|meinen|mein)\s+(?:mutter|vater|sohn|tochter|mann|frau)|(?-u:\b)(?:mijn|m'n|onze|ons|uw|my|our|your)\s+(?:man|vrouw|moeder|vader|zoon|dochter|partner|echtgenoot|echtgenote|broer|zus|opa|oma|schoonmoeder|schoonvader|husband|wife|mother|father|son|daughter|brother|sister|grandmother|grandfather|mum|mom|dad))[\s,:]*$",
    );
    let mut from = name_start.saturating_sub(32);
    while from > 0 && !text.is_char_boundary(from) {
        from -= 1;
    }
    text.get(from..name_start).is_some_and(|b| role.is_match(b))
}

/// Is the labelled birth date at `at` the writer's own or their kin's?
/// "mijn geboortedatum is", "my date of birth", "ik ben geboren op", "mijn
/// dochter Anneke (geboren ...)", "our son (born ...)".
fn dob_of_writer_or_kin(text: &str, at: usize) -> bool {
    static R: OnceLock<Regex> = OnceLock::new();
    let before = re(
        &R,
        r"(?i)(?:(?-u:\b)(?:mijn|m'n|my)\s*|(?-u:\b)(?:ik\s+ben|i\s+was|i\s+am)\s+|(?-u:\b)(?:mijn|m'n|my|onze|ons|our)\s+(?:dochter|dochtertje|zoon|zoontje|kind|kindje|baby|vader|moeder|man|vrouw|partner|opa|oma|daughter|son|child|baby|father|mother|dad|mum|mom|husband|wife)(?:\s+\p{L}+){0,2}\s*[(,:]?\s*)$",
    );
    let mut from = at.saturating_sub(48);
    while from > 0 && !text.is_char_boundary(from) {
        from -= 1;
    }
    text.get(from..at).is_some_and(|b| before.is_match(b))
}

/// A labelled birth date right after a signed name (same or next line).
fn writer_birth_date(text: &str, name_end: usize) -> bool {
    window_after(text, name_end, 60).is_some_and(|after| {
        dob().find(after).is_some_and(|m| {
            after.get(..m.start()).is_some_and(|gap| {
                gap.chars()
                    .all(|c| matches!(c, ',' | '(' | ' ' | '\t' | '\r' | '\n'))
                    && gap.matches('\n').count() <= 1
            })
        })
    })
}

/// Right after a name: a date in brackets or after a comma, maybe with a
/// birth label ("(08-11-1955)", ", 17-03-2000", " geboortedatum 14 mei
/// 1997", " (geb. 3-2-1934)"), or an age ("(15 jaar)", ", 8 years").
fn date_after_name() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r"(?i)^[ \t]*(?:[(,\-–]|\s(?:geboo?rte?\s?da?tu?m|geb\.?|geboren(?: op)?|born(?: on)?|dob)\b)[ \t]*(?:(?:geboo?rte?\s?da?tu?m|geb\.?|geboren(?: op)?|born(?: on)?|dob|d\.o\.b\.)[ \t:]*)?(?:\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)?\d{2}|(?:19|20)\d{2}-\d{2}-\d{2}|\d{1,2}\s+\p{L}{3,10}\.?\s+(?:19|20)\d{2})(?-u:\b)",
    )
}

fn age_after_name() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r"(?i)^[ \t]*[(,][ \t]*\d{1,3}[ \t]*(?:jaar|jr|years?|yrs|y/o|j\.?)?[ \t]*[),]",
    )
}

pub(crate) fn patient_number() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r"(?i)(?-u:\b)(?:patiëntnummer|patientnummer|patiëntnr|patientnr|pat\.?\s?nr|pt\.?\s?(?:nr|no|number|nummer)|patient (?:number|no|id)|cliëntnummer|clientnummer|client (?:number|no|id)|dossiernummer|ziekenhuisnummer|hospital number|registratienummer|polisnummer|polisnr|verzekerdennummer|mrn|nhs number|zorgdossier)\.?\s*:?\s*[A-Z]{0,3}[-\s]?\d{4,}",
    )
}

pub(crate) fn labelled_address() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r"(?i:adres|address|woonadres|home address|nieuw adres|new address|woonachtig|wonende|woont|verhuisd naar|moved to|verhuisd|i live at|ik woon)\s*:?[^\n]{0,80}?(?-u:\b)\d{4}\s?[A-Z]{2}(?-u:\b)",
    )
}

pub(crate) fn labelled_phone() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r"(?i)(?:telefoon(?:nummer)?|mobiel(?: nummer)?|phone(?: number)?|mobile|tel(?:\.|efoon)?)\s*(?:patiënt|patient|ouder|moeder|vader|partner)?\s*:\s*(?:\+31|0)[\d\s-]{8,}",
    )
}

/// A postcode with a street and house number before it on the line.
pub(crate) fn street_and_postcode() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r"\p{Lu}[\p{L}.' -]{2,40}\s\d{1,5}(?:\s?[-/]\s?\d{1,4}|\s?[a-zA-Z](?-u:\b))?,?\s+\d{4}\s?[A-Z]{2}(?-u:\b)",
    )
}

/// A street, house number and town without a postcode, as people write
/// an address in a sentence: "Populierenlaan 83, Deventer", "Dorpsstraat
/// 84 in Roermond", "Kerkweg 12a te Zeist". The street must end in a word
/// streets end in, so "Artikel 12, Utrecht" is none.
pub(crate) fn street_and_town() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r"\p{Lu}[\p{L}'-]{1,30}(?:straat|laan|weg|plein|gracht|kade|singel|dijk|dreef|hof|park|pad|steeg|ring|baan|markt|erf|plantsoen|boulevard|allee|wal|haven|burgwal|hoek|hage|veld|akker|kamp|berg|dal|zoom|oord)\s\d{1,5}(?:\s?[-/]\s?\d{1,4}|\s?[a-zA-Z](?-u:\b))?(?:,\s*|\s+(?:in|te)\s+)\p{Lu}\p{Ll}{2,}",
    )
}

/// A home told by its street and number after "woont", without postcode
/// or town: "Youssef Postma, 54 jr, woont aan de Dorpsstraat 33".
pub(crate) fn lives_on_street() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r"(?i:woont|woonachtig|wonende|wonend|lives|living|verhuisd|moved)\s+(?i:(?:aan|op|in|at|on|naar|to)\s+)?(?i:(?:de|het|the)\s+)?\p{Lu}[\p{L}'-]{1,30}(?:straat|laan|weg|plein|gracht|kade|singel|dijk|dreef|hof|park|pad|steeg|ring|baan|markt|erf|plantsoen|boulevard|allee|wal|haven|burgwal|hoek|hage|veld|akker|kamp|berg|dal|zoom|oord|street|road|lane|avenue)\s\d{1,5}(?-u:\b)",
    )
}

/// A phone number (Dutch mobile or landline, or international).
pub(crate) fn phone_number() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r"(?:\+31|0031|\(0\)|(?-u:\b)0)[\s-]?[1-9](?:[\s-]?\d){8}(?-u:\b)",
    )
}

/// What one message says about a specific person.
#[derive(Debug, Default, Clone)]
pub struct PersonSignals {
    /// A person is named (greeted, labelled, or in the text).
    pub named: bool,
    /// Named somewhere other than in the greeting ("Geachte heer Jansen,"):
    /// in the text, a label, a table or with a birth date.
    pub named_beyond_greeting: bool,
    pub dob: bool,
    pub patient_number: bool,
    pub address: bool,
    pub phone: bool,
    /// A phone number on the line of a name in the text: added to other
    /// identifying data, never enough on its own (a colleague to call, a
    /// supplier's contact).
    pub phone_near_name: bool,
    pub age: bool,
    /// Named with a salutation, a label, a birth date, in a table or a
    /// record: named the way a letter names its subject. A plain full name
    /// may be a colleague, a supplier or a speaker.
    pub titled: bool,
    /// A plain full name in the text ("Kees de Wit").
    pub mentioned: bool,
    /// Greeted with a salutation and a name ("Geachte mevrouw Jansen,").
    pub greeted_formally: bool,
    /// Greeted by name in any way ("Beste André,", "Dear Wouter,").
    pub greeted: bool,
    /// A name under a closing: the writer signs, so their own birth date or
    /// new address in the text is theirs ("Ik ben verhuisd naar ...").
    pub signed: bool,
    /// The writer gives their own (new) home address: "mijn nieuwe adres",
    /// "ik ben verhuisd naar", "I moved to". (A delivery address is none.)
    pub own_address: bool,
    /// A birth date the writer gives as their own or their child's ("mijn
    /// geboortedatum is ...", "ik ben geboren op", "mijn dochter Anneke
    /// (geboren ...)"): the sender's address names that person.
    pub own_dob: bool,
    /// Where the strongest identifying signal was seen.
    pub at: Option<Location>,
}

impl PersonSignals {
    pub fn collect(readings: &[Reading]) -> Self {
        let mut s = PersonSignals::default();
        for r in readings.iter().filter(|r| !r.is_metadata()) {
            let t = r.text;
            let found = |flag: &mut bool, at: &mut Option<Location>| {
                *flag = true;
                if at.is_none() {
                    *at = Some(r.unit.loc.clone());
                }
            };
            for name in &r.names {
                if name.role == Role::Writer {
                    s.signed = true;
                }
                if name.role == Role::Writer && writer_birth_date(t, name.span.end) {
                    // A patient signing with their birth date ("Anna de Vries
                    // / Geb. 12-03-1961"): the writer's own identity. Only a
                    // labelled date: a bare date after a signature is the
                    // date of writing.
                    found(&mut s.dob, &mut s.at);
                }
                if matches!(name.role, Role::Writer | Role::Correspondent) {
                    continue;
                }
                let titled = r.hits_in(name.span.start..name.span.end).any(|h| {
                    h.start == name.span.start && h.is(lexicon::SALUTATION | lexicon::NAME_LABEL)
                });
                let titled = titled || named_by_role(t, name.span.start);
                let full = name.strength == NameStrength::Full;
                if name.role == Role::Addressee {
                    s.greeted = true;
                }
                match name.role {
                    Role::Addressee if titled => {
                        s.named = true;
                        s.greeted_formally = true;
                    }
                    Role::Subject if full => {
                        s.named = true;
                        s.mentioned = true;
                        if titled {
                            s.titled = true;
                            s.named_beyond_greeting = true;
                        }
                    }
                    _ => {}
                }
                let Some(after) = window_after(t, name.span.end, 60) else {
                    continue;
                };
                if date_after_name().is_match(after) {
                    s.named = true;
                    s.titled = true;
                    s.named_beyond_greeting |= name.role == Role::Subject;
                    found(&mut s.dob, &mut s.at);
                } else if age_after_name().is_match(after) {
                    s.age = true;
                }
                let line = r.line_of(name.span.end);
                let rest_of_line = t.get(name.span.end..line.end).unwrap_or("");
                if name.role == Role::Subject && phone_number().is_match(rest_of_line) {
                    s.phone_near_name = true;
                }
            }
            if !s.address
                && super::gated_matches(r, Gate::Salutation, name_with_address())
                    .next()
                    .is_some()
            {
                s.named = true;
                s.named_beyond_greeting = true;
                s.titled = true;
                found(&mut s.address, &mut s.at);
            }
            if let Some(table) = table_of_people(t) {
                s.named = true;
                s.named_beyond_greeting = true;
                s.titled = true;
                if table.dob {
                    found(&mut s.dob, &mut s.at);
                }
                if table.patient_number {
                    found(&mut s.patient_number, &mut s.at);
                }
                if table.address {
                    found(&mut s.address, &mut s.at);
                }
            }
            if let Some(record) = structured::person_record(t) {
                s.named |= record.named;
                s.named_beyond_greeting |= record.named;
                s.titled |= record.named;
                if record.dob {
                    found(&mut s.dob, &mut s.at);
                }
                if record.address {
                    found(&mut s.address, &mut s.at);
                }
                if record.id {
                    found(&mut s.patient_number, &mut s.at);
                }
            }
            let outside_signature = |at: usize| !r.signatures.iter().any(|sig| sig.contains(&at));
            for m in dob().find_iter(t) {
                // "Groet, Ewa / mijn geboortedatum is ...": the writer's
                // own, also under the closing.
                let own = dob_of_writer_or_kin(t, m.start());
                if !s.dob && (own || outside_signature(m.start())) {
                    found(&mut s.dob, &mut s.at);
                }
                s.own_dob |= own;
            }
            if !s.patient_number
                && super::gated_matches(r, Gate::NumberLabel, patient_number())
                    .next()
                    .is_some()
            {
                found(&mut s.patient_number, &mut s.at);
            }
            if !s.address
                && super::gated_matches(r, Gate::AddressLabel, labelled_address())
                    .any(outside_signature)
            {
                found(&mut s.address, &mut s.at);
            }
            if !s.own_address
                && super::gated_matches(r, Gate::AddressLabel, own_address()).any(outside_signature)
            {
                s.own_address = true;
            }
            if !s.address && subject_address(r) {
                found(&mut s.address, &mut s.at);
            }
            let opens_line = |m: &regex::Match| {
                let line_start = t
                    .get(..m.start())
                    .and_then(|b| b.rfind('\n'))
                    .map_or(0, |i| i + 1);
                t.get(line_start..m.start())
                    .is_some_and(|p| p.trim().is_empty())
            };
            if !s.phone
                && labelled_phone()
                    .find_iter(t)
                    .any(|m| opens_line(&m) && outside_signature(m.start()))
            {
                found(&mut s.phone, &mut s.at);
            }
        }
        s
    }

    /// A patient number, a BSN or a birth date identifies a patient by
    /// itself (in the practice's records), a name with an address or age too.
    pub fn strongly_identified(&self, has_bsn: bool) -> bool {
        self.patient_number || has_bsn || self.dob || (self.named && (self.address || self.age))
    }

    /// The only person in the message is the one greeted, with nothing
    /// else to identify them: a mail merge ("Geachte heer Jansen, ...")
    /// looks like this, and so does a letter to a patient about themselves.
    pub fn greeted_only(&self, has_bsn: bool) -> bool {
        self.named
            && !self.named_beyond_greeting
            && !(self.dob || self.patient_number || self.address || self.phone || has_bsn)
    }

    /// The message is about an identifiable person: named as a letter
    /// names its subject, greeted by name, or identified by a number.
    pub fn identifiable(&self, has_bsn: bool) -> bool {
        self.titled || self.greeted_formally || self.dob || self.patient_number || has_bsn
    }
}

/// A street address with postcode on the line of a person the text is
/// about, or the line after it ("Kees woont bij vader op Oudegracht 91b,
/// 6514 JX Nijmegen"), outside any signature.
fn subject_address(r: &Reading) -> bool {
    r.names
        .iter()
        .filter(|n| n.role == Role::Subject)
        .take(50)
        .any(|n| {
            let line = r.line_of(n.span.end);
            let next = r.line_of((line.end + 1).min(r.text.len()));
            let span = n.span.start..next.end;
            let text = r.text.get(span.clone()).unwrap_or("");
            let found = street_and_postcode()
                .find(text)
                .or_else(|| street_and_town().find(text))
                .or_else(|| lives_on_street().find(text));
            found.is_some_and(|m| {
                !r.signatures
                    .iter()
                    .any(|s| s.contains(&(span.start + m.start())))
            })
        })
}

/// Personal data: a named person plus an identifying detail.
pub fn detect(
    signals: &PersonSignals,
    has_bsn: bool,
    bsn_at: Option<&Location>,
    out: &mut Vec<Finding>,
) {
    // A writer who signs and gives their own birth date, home address or
    // patient number in the text is named by their signature.
    let own = signals.own_dob
        || signals.signed && (signals.dob || signals.own_address || signals.patient_number);
    if !(signals.named || own) {
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
    if signals.phone || (signals.phone_near_name && !kinds.is_empty()) {
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
#[path = "personal_tests.rs"]
mod tests;
