//! Complaints told in everyday words rather than named by a term, a
//! patient's own birth date given with a typo or before any signature, a
//! district nurse's wound report, and a claim number rejected because the
//! insured person is unknown — each with a clean look-alike. (From the miss
//! tags of `tests/blind3`; the wording here is our own.)

use super::*;

/// An HTML-only message (windows-1252, 8bit), as webmail sends it.
fn html_only(from: &str, subject: &str, paragraphs: &[&str]) -> Vec<u8> {
    let body: String = paragraphs
        .iter()
        .map(|p| format!("<p>{p}</p>\r\n"))
        .collect();
    let bytes: Vec<u8> = format!("<html><body>\r\n{body}</body></html>")
        .chars()
        .map(|c| u8::try_from(c).unwrap_or(b'?'))
        .collect();
    let mut raw = format!(
        "From: {from}\r\nTo: praktijk@praktijk-test.nl\r\nSubject: {subject}\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=windows-1252\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
    )
    .into_bytes();
    raw.extend_from_slice(&bytes);
    raw
}

/// `inner` forwarded twice, each time as a message/rfc822 attachment.
fn forwarded_twice(inner: &[u8]) -> Vec<u8> {
    let wrap = |note: &str, msg: &[u8]| -> Vec<u8> {
        let mut raw = format!(
            "From: Balie <balie@praktijk-test.nl>\r\nTo: arts@praktijk-test.nl\r\nSubject: Fwd: vraag\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"fw\"\r\n\r\n--fw\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{note}\r\n--fw\r\nContent-Type: message/rfc822\r\n\r\n"
        )
        .into_bytes();
        raw.extend_from_slice(msg);
        raw.extend_from_slice(b"\r\n--fw--\r\n");
        raw
    };
    wrap("Ter info.", &wrap("Zie bijlage.", inner))
}

#[test]
fn a_complaint_told_in_everyday_words_is_health_data() {
    for (subject, body) in [
        ("vraag", "hoi,\n\nik heb een bult in mijn lies die steeds groter wordt. moet ik langskomen?\n\nDaan"),
        ("plekje", "Goedemorgen, ik heb sinds maart een plekje op mijn wang dat niet geneest. Kan de dokter kijken?\nGroet, Ilse"),
        ("enkel", "Hallo, mijn rechter enkel is sinds het voetballen nog steeds gezwollen en blauw. Wat moet ik doen?\nBram"),
        ("question", "hi there, i've got a spot on my back that keeps bleeding. can i come in this week?\n\ncheers, Mike"),
        ("question", "Hello, it stings when I pee and I need to go all the time. Could I drop off a sample?\nAnna"),
        ("pijn", "ik heb al twee weken oorpijn die niet overgaat, help\n\ngr Kim"),
    ] {
        sensitive(&plain(subject, body), &[Category::Health]);
    }
}

#[test]
fn general_words_about_the_body_stay_clean() {
    clean(&plain(
        "Nieuwsbrief",
        "Beste lezer,\n\nEen moedervlek die verandert, laat u die altijd nakijken. De knie is een kwetsbaar gewricht: warm op voor het sporten. Wondzorg bij de praktijkondersteuner op dinsdag.\n\nHet praktijkteam",
    ));
    clean(&plain(
        "Koelkast",
        "Hoi allemaal,\n\nDe temperatuur van de vaccinkoelkast was vanochtend 5,2 graden; de plek van de koelkast blijft hetzelfde.\n\nGroet, Mirjam",
    ));
}

#[test]
fn a_patients_own_birth_date_names_her_even_with_a_typo() {
    sensitive(
        &html_only(
            "Agnieszka Zielinska <agzi@example.pl>",
            "Pytanie",
            &[
                "goedemiddag, mijn buik doet zeer en ik heb koorts sinds zondag. kan ik bellen met dokter?",
                "mijn geboortedatm is 02-05-1987",
                "dank u, Aga",
            ],
        ),
        &[Category::Health, Category::Personal],
    );
    sensitive(
        &plain(
            "vraag",
            "hoi\n\nik ben geboren op 11-11-1999 en mijn hoofdpijn gaat niet weg. kan ik een afspraak maken?\n",
        ),
        &[Category::Personal],
    );
    // A child's birth date, given by a parent.
    sensitive(
        &plain(
            "ziek",
            "Dag dokter,\n\nmijn zoon Ravi (geboren 04-04-2019) heeft een rode vlek op zijn arm die groter wordt.\n\ngroetjes, Priya",
        ),
        &[Category::Health, Category::Personal],
    );
    // A birth date in a staff birthday list is no one's record.
    clean(&plain(
        "Verjaardagen",
        "Hoi team,\n\nDe taart voor de verjaardag van de praktijk staat in de keuken. Het pand is geboren in 1999, zeggen ze.\n\nGroet, Hanna",
    ));
}

#[test]
fn an_english_complaint_forwarded_twice_is_found() {
    let inner = b"From: Lena <lena.k@example.com>\r\nTo: info@praktijk-test.nl\r\nSubject: question\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHi, i've got a lump under my arm that is getting bigger. Could I see a doctor soon?\r\n\r\nThanks, Lena\r\n";
    sensitive(&forwarded_twice(inner), &[Category::Health]);
}

#[test]
fn a_district_nurse_reports_a_wound_and_a_temperature() {
    sensitive(
        &plain(
            "client",
            "Hoi dokter,\n\nBij mevr. Öztürk (Dorpsweg 3) is de wond op de hiel achteruitgegaan, meer wondvocht en een nare geur. Temp 38,4. Kun je langskomen?\n\nGroet,\nMarco, wijkverpleegkundige\n",
        ),
        &[Category::Health],
    );
    clean(&plain(
        "Scholing",
        "Beste collega's,\n\nOp 12 maart is er scholing wondzorg: hoe herken je een wond die verslechtert? Aanmelden bij Marco.\n\nGroet, het wijkteam\n",
    ));
}

#[test]
fn a_claim_rejected_because_the_insured_is_unknown_names_a_bsn() {
    sensitive(
        &plain(
            "declaratie",
            "Hoi,\n\nVan de declaratie is nummer 123456782 teruggekomen (verzekerde niet gevonden). Kun je het nakijken bij de patiënt?\n\nGroet, Noor\n",
        ),
        &[Category::Bsn],
    );
    clean(&plain(
        "declaratie",
        "Hoi,\n\nDe declaratie met nummer 123456782 is teruggekomen: het tarief klopt niet. Kun je het bedrag aanpassen?\n\nGroet, Noor\n",
    ));
}

#[test]
fn a_dentist_asks_about_a_named_patients_anticoagulant() {
    sensitive(
        &plain(
            "Vraag medicatie",
            "Geachte collega,\n\nOnze patiënte Ria van Houten, Beukenlaan 17, Apeldoorn, krijgt volgende week een implantaat. Zij gebruikt naar eigen zeggen een bloedverdunner, mogelijk rivaroxaban. Kunt u dat bevestigen?\n\nMet vriendelijke groet,\nMondzorg De Brug\n",
        ),
        &[Category::Health, Category::Personal],
    );
    // A street with a number in a sentence about a meeting names no one.
    clean(&plain(
        "Overleg",
        "Beste collega's,\n\nHet overleg is verplaatst naar Stationsweg 4, Apeldoorn. Graag op tijd.\n\nGroet, Mondzorg De Brug\n",
    ));
}

#[test]
fn a_wife_writes_about_her_husbands_low_mood() {
    sensitive(
        &plain(
            "mijn man",
            "Beste dokter,\n\nMijn man Erik Brouwer wil het zelf niet vragen, maar hij slaapt nauwelijks, huilt vaak en zegt dat het leven geen zin meer heeft. Kan iemand hem bellen?\n\nGroet,\nSaskia\n",
        ),
        &[Category::Health],
    );
    clean(&plain(
        "weekend",
        "Hoi Saskia,\n\nSlaap lekker vanavond, morgen huilen we samen bij de film. Groet, Erik\n",
    ));
}

#[test]
fn a_patient_writing_in_arabic_or_ukrainian_is_protected() {
    // Languages with a small vocabulary: health words about the writer's
    // family are health data.
    for body in [
        "مرحبا دكتور، أمي تشعر بألم شديد في صدرها منذ الليلة الماضية ولا تستطيع النوم. هل يمكن أن تأتي اليوم؟",
        "Добрий день. Мій син має висипку на руках і температуру вже три дні. Чи можемо ми прийти завтра?",
        "Dzień dobry, od wczoraj mam gorączkę i bardzo boli mnie gardło. Czy mogę dziś przyjść? Pozdrawiam, Anna",
        "Merhaba, evde gebelik testi yaptım, pozitif çıktı. Biraz kanama var, doktorla konuşabilir miyim? Teşekkürler",
    ] {
        sensitive(&plain("vraag", body), &[Category::Health]);
    }
    // A practical question in the same languages is no health data.
    clean(&plain(
        "vraag",
        "Dzień dobry, przeprowadziłem się w zeszłym tygodniu. Czy przyjmujecie nowych pacjentów? Jakie dokumenty są potrzebne? Pozdrawiam, Tomasz",
    ));
    // A script or language without any vocabulary is not read: fail closed.
    for body in [
        "ሰላም ዶክተር፣ ልጄ ለሦስት ቀናት ትኩሳት አለበት እና ምንም አይበላም። ዛሬ መምጣት እንችላለን? እባክዎን በፍጥነት ይደውሉልኝ። አመሰግናለሁ።",
        "Bon dia dokter, mi ta skirbi pa mi yu muhé. E tin hopi dolor den su barriga for di djaluna i e no ta kome bon. Nos por bin awe? Danki hopi",
    ] {
        let (_, unscannable) = categories(&plain("vraag", body));
        assert!(unscannable, "a text the detectors cannot read must not count as clean: {body}");
    }
    // A Dutch mail signed in another script stays readable and clean.
    clean(&plain(
        "rooster",
        "Hoi allemaal,\n\nHet rooster voor volgende week staat in de gedeelde map.\n\nGroet, Олена",
    ));
}

#[test]
fn the_practice_writing_to_a_patient_in_their_language_is_health_data() {
    for body in [
        "Dzień dobry Pani Wiśniewska,\n\nwyniki badania krwi są już gotowe: cukier jest trochę za wysoki. Proszę przyjść w przyszłym tygodniu na kontrolę i dalej brać leki jak dotąd.\n\nPozdrawiam, asystentka",
        "Sayın Mehmet Demir,\n\nkan tahlilinizin sonuçları geldi, şekeriniz biraz yüksek. Doktorumuz ilacınızı değiştirdi, reçete eczanede hazır. Lütfen iki hafta sonra tekrar gelin.\n\nSaygılarımızla",
        "Bonjour Madame Martin,\n\nvotre prise de sang montre un taux de fer trop bas. Le docteur vous a prescrit des comprimés, l'ordonnance est à la pharmacie.\n\nCordialement, l'assistante",
    ] {
        sensitive(&plain("uitslag", body), &[Category::Health]);
    }
}

#[test]
fn a_named_person_living_on_a_street_is_personal_data() {
    sensitive(
        &plain(
            "casus",
            "Hoi collega's,\n\nVoor de intervisie: Ilse Verhoeven, 61 jaar, woont aan de Kastanjelaan 12. Valt vaak en drinkt meer dan ze zegt. Wie denkt mee?\n\nGroet, Thijs\n",
        ),
        &[Category::Personal],
    );
}

#[test]
fn a_pronoun_after_a_full_name_is_that_person() {
    sensitive(
        &plain(
            "Re: schoolverzuim",
            "Ik stuur het door naar de dokter.\n\nOp di schreef de school:\n> Geachte heer/mevrouw, leerling Sem Willemsen uit groep 7 is vaak afwezig. Zijn moeder zegt dat hij wordt behandeld voor zijn epilepsie. Kunt u dat bevestigen?\n",
        ),
        &[Category::Health],
    );
}
