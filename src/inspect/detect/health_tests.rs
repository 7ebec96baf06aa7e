//! Tests of the health detector.

use super::*;
use crate::inspect::TextUnit;
use crate::types::Location;

/// Score and evidence kinds of one text.
fn score(text: &str) -> (f32, BTreeSet<&'static str>) {
    let units = [unit(text)];
    let readings: Vec<Reading> = units.iter().map(Reading::new).collect();
    let ev = gather(&readings);
    (ev.total, ev.kinds)
}

fn run(units: &[TextUnit], has_bsn: bool, f: &mut Vec<Finding>) {
    let readings: Vec<Reading> = units.iter().map(Reading::new).collect();
    detect(&readings, &PersonSignals::collect(&readings), has_bsn, f);
}

fn unit(t: &str) -> TextUnit {
    TextUnit {
        loc: Location::default(),
        text: t.into(),
    }
}

#[test]
fn medication_with_dosage_and_lab_values_score_double() {
    let (s, c) = score("metformine 500 mg 2dd1\nHbA1c 64 mmol/mol\nT90 Diabetes mellitus type 2");
    assert!(s >= 7.0, "{s}");
    assert!(c.contains("medication+dosage") && c.contains("lab-value") && c.contains("icpc"));
}

#[test]
fn health_needs_a_person() {
    let text = "Griepvaccinatie: mensen met diabetes, COPD of hartfalen krijgen een griepprik.";
    let units = [unit(text)];
    let mut f = Vec::new();
    run(&units, false, &mut f);
    assert!(f.is_empty());
    let units = [unit(&format!(
        "Geachte mevrouw Jansen,\n{text}\nUw HbA1c was 64 mmol/mol."
    ))];
    run(&units, false, &mut f);
    assert_eq!(f.len(), 1);
}

fn detect_in(text: &str) -> Vec<Finding> {
    let units = [unit(text)];
    let mut f = Vec::new();
    run(&units, false, &mut f);
    f
}

#[test]
fn a_sick_note_in_the_first_person_with_its_reason_is_health_data() {
    let found = detect_in("Hoi Marieke,\n\nIk ben vandaag ziek, ik heb een migraineaanval en blijf thuis.\n\nGroet,\nAnouk");
    assert_eq!(found.len(), 1);
    for clean in [
        "Hoi Marieke,\n\nIk ben vandaag ziek en blijf thuis.\n\nGroet,\nAnouk",
        "Hoi Marieke,\n\nIk ben niet ziek, de migraine-avond gaat door.\n\nGroet,\nAnouk",
    ] {
        assert!(detect_in(clean).is_empty(), "{clean}");
    }
}

#[test]
fn a_vaccination_given_to_a_named_child_is_health_data_an_invitation_is_not() {
    let found = detect_in("Beste ouders,\n\nUw zoon Daan de Boer (geb. 05-06-2019) heeft op 12-03-2024 de BMR-vaccinatie gekregen.");
    assert_eq!(found.len(), 1);
    assert!(found[0].evidence.contains("vaccination-given"));
    assert!(detect_in("Beste ouders,\n\nUw zoon Daan de Boer (geb. 05-06-2019) kan in maart de BMR-vaccinatie krijgen via het consultatiebureau.").is_empty());
}

#[test]
fn a_pregnancy_of_a_named_client_is_health_data() {
    let found = detect_in("Beste,\n\nMijn cliënte, mevrouw S. de Boer, is 20 weken zwanger en heeft zwangerschapsdiabetes.");
    assert_eq!(found.len(), 1);
    assert!(found[0].evidence.contains("pregnancy-of-person"));
    assert!(detect_in("Geachte mevrouw De Boer,\n\nAls u zwanger bent, is foliumzuur belangrijk. Iedereen die zwanger wil worden kan bij ons terecht.").is_empty());
}

#[test]
fn a_condition_said_of_a_named_person_is_health_data() {
    let found = detect_in("Beste collega,\n\nIk maak mij zorgen om Sanne Bakker (15 jaar): zij heeft suïcidale gedachten. Kunnen jullie haar vandaag zien?");
    assert_eq!(found.len(), 1);
    assert!(found[0].evidence.contains("condition-of-person"));
    for clean in [
            "Geachte heer Jansen,\n\nIedere patiënt heeft recht op goede zorg bij diabetes. Kom naar onze avond.",
            "Geachte heer Jansen,\n\nAls u diabetes heeft, krijgt u een uitnodiging.",
        ] {
            assert!(detect_in(clean).is_empty(), "{clean}");
        }
}

#[test]
fn a_mail_merge_for_everybody_is_not_health_data_about_the_addressee() {
    let merge = "Geachte heer Jansen,\n\nIn november organiseren wij een voorlichtingsavond over diabetes en hoge bloeddruk. Iedereen met diabetes mellitus type 2 is welkom. Metformine komt aan bod.";
    assert!(detect_in(merge).is_empty());
    // The same greeting with something about him is.
    let personal = "Geachte heer Jansen,\n\nIedereen met diabetes is welkom op onze avond. Uw HbA1c was 64 mmol/mol; komt u ook?";
    assert_eq!(detect_in(personal).len(), 1);
    let personal = "Geachte heer Jansen,\n\nIn november is er een avond voor iedereen. Hoe gaat het met uw diabetes en hoge bloeddruk? Metformine helpt.";
    assert_eq!(detect_in(personal).len(), 1);
}

#[test]
fn a_specialist_appointment_for_a_named_patient_is_health_data() {
    let found = detect_in("Dear Mr M. Kok,

This confirms your appointment with dr. S. de Graaf, neurologist, at Ziekenhuis Noordoever on 03 March 2024 at 10:00.");
    assert_eq!(found.len(), 1);
    assert!(found[0].evidence.contains("specialist-appointment"));
    for letter in [
            "Geachte heer De Bruijn,\n\nHierbij bevestigen wij uw afspraak bij dr. K. Ramdin, MDL-arts, op 04-04-2024.",
            "Dear Mr L. Vos,\n\nThis confirms your appointment with dr. R. van der Heijden, orthopaedic surgeon, on 21 June.",
            "Geachte mevrouw Smit,\n\nUw afspraak op de polikliniek dermatologie is verzet.",
        ] {
            let found = detect_in(letter);
            assert!(
                found.first().is_some_and(|f| f.evidence.contains("specialist-appointment")),
                "{letter}"
            );
        }
    // Nobody named, a GP, or no appointment: not health data.
    for clean in [
        "Maak een afspraak bij de cardioloog via uw huisarts als u klachten heeft.",
        "Dear Mr M. Kok,

This confirms your appointment with dr. S. de Graaf, GP, at 10:00.",
        "Geachte heer Kok,

Onze ICT-specialist komt dinsdag langs voor de printer.",
        "Geachte heer Kok,

De technoloog van de leverancier. Uw afspraak staat.",
    ] {
        assert!(detect_in(clean).is_empty(), "{clean}");
    }
}
