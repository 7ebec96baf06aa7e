//! Tables about people: a header row naming a person column and an
//! identifying column (birth date, patient number, address), in CSV/TSV
//! exports and in the tab-separated text the spreadsheet extractors write,
//! in Dutch or English.
//!
//! Pure.

/// Identifying columns of a table about people (CSV, TXT, spreadsheets:
/// the extractors write cells separated by tabs). A phone column alone does
/// not count: staff rosters and phone lists have one.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct TableColumns {
    pub dob: bool,
    pub patient_number: bool,
    pub address: bool,
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
    "patient name",
    "client name",
    "naam kind",
    "kind",
    "child",
    "given name",
    "family name",
    "voornamen",
    "initialen",
    "tussenvoegsel",
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
    "geboren",
    "geb.dat.",
    "geb.dat",
    "gebdatum",
    "born",
    "d.o.b.",
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
    "patient nr",
    "patient no",
    "patientid",
    "patient_id",
    "mrn",
    "hospital number",
    "ziekenhuisnummer",
    "clientid",
    "client_id",
    "dossiernr",
    "nhs number",
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
    "woonplaats",
    "huisnummer",
    "city",
    "postal code",
    "postalcode",
];

const NAME_STEMS: &[&str] = &["naam", "name", "patiënt", "patient", "cliënt", "client"];
const DOB_STEMS: &[&str] = &["geboort", "birth", "geb.", "geb ", "d.o.b"];
const NUMBER_STEMS: &[&str] = &[
    "bsn",
    "burgerservice",
    "patiëntn",
    "patientn",
    "patnr",
    "pat.nr",
    "dossier",
    "cliëntn",
    "clientn",
    "patient id",
    "patiënt-id",
    "patient-id",
];
const ADDRESS_STEMS: &[&str] = &[
    "adres",
    "address",
    "postcode",
    "woonplaats",
    "straat",
    "zip",
];
/// Headers about the practice, staff or a supplier, not about people cared for.
const NOT_ABOUT_PEOPLE: &[&str] = &[
    "praktijk",
    "huisarts",
    "leverancier",
    "bedrijf",
    "organisatie",
    "firma",
    "company",
    "supplier",
    "medewerker",
    "zorgverlener",
    "apotheek",
];

/// A header row naming a person column and an identifying column, followed
/// by a data row with the same number of cells.
pub fn table_of_people(text: &str) -> Option<TableColumns> {
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
    // Most lines of a letter are no table row: two separators at least.
    let separators = header
        .bytes()
        .filter(|b| matches!(b, b';' | b'\t' | b'|' | b','))
        .count();
    if separators < 2 {
        return None;
    }
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
    // A column is named by a listed header, or a header that holds a
    // listed stem ("Geboortedatum (dd-mm-jjjj)", "Naam patiënt", "BSN-nr"),
    // unless it is about the practice or a supplier ("Naam huisarts",
    // "Adres praktijk").
    let is = |names: &[&str], stems: &[&str]| {
        cells.iter().any(|c| {
            names.contains(&c.as_str())
                || (stems.iter().any(|s| c.contains(s))
                    && !NOT_ABOUT_PEOPLE.iter().any(|w| c.contains(w)))
        })
    };
    if !is(NAME_COLUMNS, NAME_STEMS) {
        return None;
    }
    let columns = TableColumns {
        dob: is(DOB_COLUMNS, DOB_STEMS),
        patient_number: is(NUMBER_COLUMNS, NUMBER_STEMS),
        address: is(ADDRESS_COLUMNS, ADDRESS_STEMS),
    };
    (columns != TableColumns::default()).then_some(columns)
}
