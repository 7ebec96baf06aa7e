//! Registration forms, BSN notes between staff, and patients writing in
//! lay words (simple or imperfect Dutch and English), each with a clean
//! look-alike. Uses the helpers of `detect_classes.rs`.

use super::*;

/// A text/plain body in ISO-8859-1, quoted-printable (older Outlook).
fn latin1(subject: &str, body: &str) -> Vec<u8> {
    let bytes: Vec<u8> = body
        .chars()
        .map(|c| u8::try_from(c).unwrap_or(b'?'))
        .collect();
    message(
        subject,
        "text/plain; charset=iso-8859-1",
        &qp(&bytes),
        "quoted-printable",
    )
}

/// `inner` forwarded as a `message/rfc822` attachment.
fn forwarded(note: &str, inner: &[u8]) -> Vec<u8> {
    format!(
        "From: Doorsturer <d@example.nl>\r\nTo: praktijk@praktijk-test.nl\r\nSubject: Fwd: bericht\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"f{n}\"\r\n\r\n--f{n}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{note}\r\n--f{n}\r\nContent-Type: message/rfc822\r\n\r\n{inner}\r\n--f{n}--\r\n",
        n = inner.len(),
        inner = String::from_utf8_lossy(inner),
    )
    .into_bytes()
}

#[test]
fn a_registration_form_splits_the_name_over_fields() {
    // Surname and first names in fields of their own still name the person
    // whose birth date the form gives.
    sensitive(
        &latin1(
            "Inschrijving nieuwe patiënt",
            "Achternaam:\tYilmaz\nTussenvoegsel:\nVoornamen:\tEmre Can\nGeboortedatum:\t07-07-2001\nZorgverzekeraar:\tCZ\n",
        ),
        &[Category::Personal],
    );
    sensitive(
        &plain(
            "Aanmeldformulier",
            "Goedemiddag,\n\nHierbij mijn aanmelding.\n\nVoorletters: M.A.\nAchternaam: de Bruijn\nGeb.datum: 14-02-1989\nZorgverzekeraar: Zilveren Kruis\n\nGroet\n",
        ),
        &[Category::Personal],
    );
    sensitive(
        &message(
            "Formulier",
            "text/html; charset=utf-8",
            "<html><body><table><tr><td>Achternaam</td><td>Kowalczyk</td></tr><tr><td>Voornamen</td><td>Marta</td></tr><tr><td>Geboortedatum</td><td>14-02-1989</td></tr><tr><td>Postcode en woonplaats</td><td>3521 KL Utrecht</td></tr></table></body></html>",
            "8bit",
        ),
        &[Category::Personal],
    );
}

#[test]
fn a_blank_registration_form_or_a_suppliers_contact_names_no_patient() {
    clean(&plain(
        "Nieuw inschrijfformulier",
        "Hallo allemaal,\n\nHet nieuwe inschrijfformulier staat op de website. Het vraagt naar:\nAchternaam:\nTussenvoegsel:\nVoornamen:\nGeboortedatum:\nAdres:\nPostcode en woonplaats:\nZorgverzekeraar:\nPolisnummer:\n\nGroet,\nIngrid\n",
    ));
    clean(&plain(
        "Contactpersoon",
        "Beste praktijk,\n\nUw nieuwe contactpersoon:\nAchternaam: de Groot\nVoornaam: Peter\nFunctie: accountmanager\n\nMet vriendelijke groet,\nMedSupply\n",
    ));
}

#[test]
fn a_bsn_as_key_and_value_in_an_internal_note() {
    // Staff write "BSN=..." the way they type in the HIS; the key names it.
    sensitive(
        &latin1(
            "even checken",
            "Hoi Anouk,\n\nBSN=123456782\nkun je deze even nakijken in het LSP?\n\nDank, Mark\n",
        ),
        &[Category::Bsn],
    );
    sensitive(
        &plain(
            "vraagje",
            "bsn=123456782 klopt niet in het HIS, wil je het aanpassen?\n\nKim\n",
        ),
        &[Category::Bsn],
    );
    // A parameter that names another number, or a link, is no BSN.
    clean(&plain(
        "Exact",
        "Hoi Mark,\n\nKun je deze even nakijken in Exact? ordernr=111222333 (handschoenen)\nhttps://portaal.example/zaak?id=123456782\n\nAnouk\n",
    ));
}

#[test]
fn a_patient_writes_about_their_medication_in_lay_words() {
    sensitive(
        &plain(
            "question",
            "Hi,\n\nThe new pills make me feel tired all day and I gained weight. Can I switch?\n\nFemke\n",
        ),
        &[Category::Health],
    );
    sensitive(
        &plain(
            "the pill",
            "Hi,\n\nI forgot the pill twice this week. Do I need to do something? Also my period is late.\n\nSophie\n",
        ),
        &[Category::Health],
    );
    sensitive(
        &latin1(
            "vraag",
            "Hallo, ik heb last van mijn maag en ik slaap slecht, kan ik andere pillen krijgen? Groet Piotr\n",
        ),
        &[Category::Health],
    );
    // Forwarded twice, the complaint is still read.
    let inner = plain(
        "help",
        "Hello,\n\nMy chest feels tight at night and I cannot sleep. Can I get more of my meds?\n\nDaan\n",
    );
    sensitive(
        &forwarded("Zie hieronder.", &forwarded("FYI", &inner)),
        &[Category::Health],
    );
}

#[test]
fn general_advice_in_lay_words_stays_clean() {
    clean(&plain(
        "Nieuwsbrief: slapen",
        "Beste lezer,\n\nVeel mensen slapen slecht in de winter. Op onze website leest u tips. Vergeten om de pil te nemen? Kijk op thuisarts.nl wat u kunt doen.\n\nHuisartsenpraktijk Oost\n",
    ));
}

#[test]
fn a_patient_gives_their_own_birth_date_the_english_way() {
    sensitive(
        &plain(
            "prescription",
            "Hi,\n\nI need a new prescription for my inhaler. I was born 3rd April 1985.\n\nThanks,\nPiotr Zielinski\n",
        ),
        &[Category::Personal],
    );
    sensitive(
        &plain(
            "prescription",
            "Hi,\n\nI need a new prescription for my inhaler. My date of birth is April 3, 1985.\n\nKind regards,\nPiotr Zielinski\n",
        ),
        &[Category::Personal],
    );
    // A date that is no birth date, in the same words.
    clean(&plain(
        "Open day",
        "Hi all,\n\nThe practice was born on an idea in 1985; we celebrate on April 3, 2025 with cake.\n\nThanks,\nPiotr\n",
    ));
}
