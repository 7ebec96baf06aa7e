//! Tests of the personal-data detector.

use super::*;
use crate::inspect::detect::reading::Reading;
use crate::inspect::TextUnit;

fn collect(units: &[TextUnit]) -> PersonSignals {
    let readings: Vec<Reading> = units.iter().map(Reading::new).collect();
    PersonSignals::collect(&readings)
}

fn unit(t: &str) -> TextUnit {
    TextUnit {
        loc: Location::default(),
        text: t.into(),
    }
}

/// The names the production finder sees, with their roles.
fn names(t: &str) -> Vec<(String, crate::inspect::detect::reading::Role)> {
    let u = unit(t);
    let r = Reading::new(&u);
    r.names
        .iter()
        .map(|n| (t[n.span.clone()].to_string(), n.role))
        .collect()
}

#[test]
fn names_are_recognised() {
    use crate::inspect::detect::reading::Role;
    let s = collect(&[unit(
        "aanmelding voor Zoë van der Veen (geb. 03-05-2019), BSN",
    )]);
    assert!(s.named && s.dob, "{s:?}");
    let s = collect(&[unit(
        "afspraak voor dhr. O. Çelik, Beatrixstraat 3, 2558 WP Leiden, bij",
    )]);
    assert!(s.named && s.address, "{s:?}");
    assert!(names("> Naam: dhr. T. Koster")
        .iter()
        .any(|(n, _)| n.ends_with("Koster")));
    for t in [
        "Geachte heer Nguyen,",
        "mevr. J. Dekker (geboren 03-02-1934)",
        "Re: Mr R. Huisman, born",
        "Naam:            dhr. W. van der Veen",
        "Patiënt: Jan de Vries",
        // OCR leaves specks between the label and the name.
        "Patient: _mevr. L. van den Broek",
    ] {
        assert!(!names(t).is_empty(), "{t}");
    }
    let s = collect(&[unit("zorgen om Sanne Bakker (15 jaar): zij")]);
    assert!(s.named && s.age, "{s:?}");
    let s = collect(&[unit("zorgen om Sanne Bakker (15 dagen): zij")]);
    assert!(!s.age, "{s:?}");
    // OCR reads the initial I as a bar.
    assert!(names("Naam: mevr. |. Wijnands")
        .iter()
        .any(|(n, _)| n.ends_with("Wijnands")));
    for t in ["Geachte heer/mevrouw,", "Beste collega's,", "Naam: "] {
        assert!(names(t).is_empty(), "{t}");
    }
    assert!(names("Geachte heer Nguyen,")
        .iter()
        .all(|(_, r)| *r == Role::Addressee));
}

#[test]
fn a_table_of_patients_is_personal_but_a_roster_is_not() {
    let export =
        "patnr;achternaam;voorletters;geboortedatum;postcode\n10231;Jansen;J.;01-02-1960;1234 AB\n";
    let s = collect(&[unit(export)]);
    assert!(s.named && s.dob && s.patient_number && s.address, "{s:?}");
    let sheet = "Naam\tGeboortedatum\tHuisarts\nA. Visser\t03-11-1992\tdr. Bakker\n";
    assert!(collect(&[unit(sheet)]).dob);
    // As the XLSX extractor writes it: a tab after every cell, empty
    // cells left out.
    let sheet = "Naam\tGeboortedatum\tPatiëntnr\tBepaling\tUitslag\tEenheid\t\nmevr. C. de Vries\t06-08-1958\t897071\tINR\t1.7\t\n";
    let s = collect(&[unit(sheet)]);
    assert!(s.dob && s.patient_number, "{s:?}");
    // A CSV export with a byte-order mark and Dutch decimal commas.
    let csv = "\u{feff}naam,geboortedatum,bepaling,uitslag,eenheid\ndhr. B. de Groot,16-03-2002,Triglyceriden,3,6,mmol/l\n";
    let s = collect(&[unit(csv)]);
    assert!(s.named && s.dob, "{s:?}");
    for clean in [
        "naam;dienst;datum;telefoon\nAnouk;ochtend;12-03-2026;06-12345678\n",
        "Artikel;Omschrijving;Prijs\n100234;Handschoenen;12,50\n",
        "naam;geboortedatum;postcode\n",
    ] {
        let s = collect(&[unit(clean)]);
        assert!(!s.named && !s.dob, "{clean}: {s:?}");
    }
}

#[test]
fn name_plus_birth_date_is_personal_but_a_signature_is_not() {
    let s = collect(&[unit("Naam: A. Visser\nDate of birth: 1992-11-03")]);
    assert!(s.named && s.dob, "{s:?}");
    let s = collect(&[unit("Naam: mevr. A. Visser\nGeboortedatum: 03-11-1992")]);
    let mut f = Vec::new();
    detect(&s, false, None, &mut f);
    assert_eq!(f.len(), 1);
    let s = collect(&[unit("Met vriendelijke groet,\nPriya de Wit\nSint Janssingel 105, 3465 LJ Zeist\nTel. 0570-650349")]);
    let mut f = Vec::new();
    detect(&s, false, None, &mut f);
    assert!(f.is_empty());
}

#[test]
fn a_writer_signing_with_a_labelled_birth_date_gives_their_identity() {
    let t = "Beste dokter,\n\nKunt u mijn herhaalrecept klaarzetten?\n\nGroet,\nAnna de Vries\nGeb. 12-03-1961\n";
    let s = collect(&[unit(t)]);
    assert!(s.signed && s.dob, "{s:?}");
    // A date of writing after the signature is no birth date.
    let t = "Beste collega,\n\nHierbij de stukken.\n\nMet vriendelijke groet,\nPieter Bakker, 07-12-2026\n";
    let s = collect(&[unit(t)]);
    assert!(s.signed && !s.dob, "{s:?}");
}
