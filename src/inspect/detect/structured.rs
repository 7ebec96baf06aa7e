//! Structured exports that say who someone is and what is wrong with them
//! in field names rather than sentences: HL7 v2 (`PID`, `OBX`, `DG1`
//! segments), FHIR in JSON or XML (`Patient` with `birthDate`,
//! `Observation`, `Condition`, `MedicationStatement`), and EDIFACT
//! medical messages (MEDVRI and kin: `PNA+PAT`, `DTM+329`).
//!
//! Pure; looks at field markers only and never returns their values.

use regex::Regex;
use std::sync::OnceLock;

use super::cached_regex as re;

/// Identifying data of a person in a record.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct PersonRecord {
    pub named: bool,
    pub dob: bool,
    pub address: bool,
    /// A patient or record identifier.
    pub id: bool,
}

/// HL7 v2: a PID segment with a name (field 5) and a birth date (field 7).
pub(crate) fn hl7_pid() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(&R, r"(?:^|[\r\n])PID\|")
}

pub(crate) fn fhir_patient() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r#"(?s)"resourceType"\s*:\s*"(?:Patient|RelatedPerson|Person)"|<(?:fhir:)?Patient[\s>]"#,
    )
}

fn fhir_birth_date() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(&R, r#""birthDate"\s*:\s*"\d{4}|<birthDate\s+value="\d{4}"#)
}

fn fhir_name() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r#""family"\s*:\s*"\p{L}|<family\s+value="\p{L}|"text"\s*:\s*"\p{Lu}\p{L}+ \p{Lu}"#,
    )
}

fn fhir_address() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r#""postalCode"\s*:\s*"\d{4}|<postalCode\s+value="\d{4}|"line"\s*:\s*\["#,
    )
}

fn fhir_identifier() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(&R, r#"(?i)"identifier"\s*:|<identifier>"#)
}

/// EDIFACT: a patient name segment and a birth date (qualifier 329).
pub(crate) fn edifact_patient() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(&R, r"PNA\+PAT|NAD\+PAT|PNA\+PT")
}

fn edifact_dob() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(&R, r"DTM\+329:\d{6,8}")
}

/// A person described by a structured record in `text`, if any.
pub fn person_record(text: &str) -> Option<PersonRecord> {
    let mut rec = PersonRecord::default();
    if hl7_pid().is_match(text) {
        for line in text
            .split(['\r', '\n'])
            .filter(|l| l.starts_with("PID|"))
            .take(100)
        {
            let fields: Vec<&str> = line.split('|').collect();
            let filled = |i: usize| {
                fields
                    .get(i)
                    .is_some_and(|f| f.chars().any(char::is_alphanumeric))
            };
            rec.named |= fields
                .get(5)
                .is_some_and(|f| f.chars().any(char::is_alphabetic));
            rec.dob |= fields
                .get(7)
                .is_some_and(|f| f.len() >= 8 && f.bytes().take(8).all(|b| b.is_ascii_digit()));
            rec.address |= filled(11);
            rec.id |= filled(2) || filled(3);
        }
    }
    if fhir_patient().is_match(text) {
        rec.named |= fhir_name().is_match(text);
        rec.dob |= fhir_birth_date().is_match(text);
        rec.address |= fhir_address().is_match(text);
        rec.id |= fhir_identifier().is_match(text);
    }
    if edifact_patient().is_match(text) {
        rec.named = true;
        rec.dob |= edifact_dob().is_match(text);
    }
    (rec != PersonRecord::default() && rec.named).then_some(rec)
}

/// Clinical content in a record: HL7 results, diagnoses, orders; FHIR
/// observations, conditions, medication; EDIFACT free-text medical letters.
pub(crate) fn clinical() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r#"(?:^|[\r\n])(?:OBX|OBR|DG1|RXE|RXO|PRB|AL1)\||"resourceType"\s*:\s*"(?:Observation|Condition|MedicationStatement|MedicationRequest|DiagnosticReport|Procedure|AllergyIntolerance|Immunization|Encounter)"|<(?:Observation|Condition|MedicationStatement|MedicationRequest|DiagnosticReport|Procedure|AllergyIntolerance|Immunization)[\s>]|(?:^|')\s*(?:MEDVRI|MEDLAB|MEDRPT|MEDEUR)|UNH\+[^']*\+(?:MEDVRI|MEDLAB|MEDRPT|MEDEUR)"#,
    )
}

/// Literal markers without which `clinical` cannot match.
fn clinical_markers() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r"OBX\||OBR\||DG1\||RXE\||RXO\||PRB\||AL1\||resourceType|<Observation|<Condition|<Medication|<DiagnosticReport|<Procedure|<AllergyIntolerance|<Immunization|MEDVRI|MEDLAB|MEDRPT|MEDEUR",
    )
}

/// The text is a record with clinical content.
pub fn clinical_record(text: &str) -> bool {
    clinical_markers().is_match(text) && clinical().is_match(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hl7_fhir_and_edifact_records_name_a_person() {
        let hl7 = "MSH|^~\\&|HIS|PRAKTIJK|LAB|ZKH|20240301||ORU^R01|1|P|2.5\rPID|1||123456^^^ZKH||Jansen^Jan^^^^||19800101|M|||Dorpsstraat 1^^Ede^^6711AB\nOBX|1|NM|HBA1C||64|mmol/mol\n".to_string();
        let rec = person_record(&hl7).unwrap();
        assert!(rec.named && rec.dob && rec.address && rec.id);
        assert!(clinical_record(&hl7));
        let fhir = r#"{"resourceType": "Patient", "identifier": [{"system": "http://fhir.nl/fhir/NamingSystem/bsn", "value": "x"}], "name": [{"family": "Visser", "given": ["Anna"]}], "birthDate": "1992-11-03"}"#;
        let rec = person_record(fhir).unwrap();
        assert!(rec.named && rec.dob && rec.id);
        let xml = r#"<Patient xmlns="http://hl7.org/fhir"><name><family value="Visser"/></name><birthDate value="1992-11-03"/></Patient>"#;
        assert!(person_record(xml).is_some_and(|r| r.dob));
        let edi = "UNH+1+MEDVRI:1'PNA+PAT++123:::BSN+++SU:Jansen+FI:Jan'DTM+329:19800101:102'";
        assert!(person_record(edi).is_some_and(|r| r.named && r.dob));
        assert!(clinical_record(edi));
    }

    #[test]
    fn ordinary_json_and_pipes_are_no_records() {
        assert!(person_record(r#"{"name": "Jan", "order": 12}"#).is_none());
        assert!(person_record("a|b|c\nPIDGIN|x").is_none());
        assert!(!clinical_record("OBX is een afkorting"));
    }
}
