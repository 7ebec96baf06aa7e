//! Tests of the BSN detector (`bsn.rs`).

use super::*;

fn digits(s: &str) -> [u8; 9] {
    let mut d = [0u8; 9];
    for (i, c) in s.bytes().enumerate().take(9) {
        d[i] = c - b'0';
    }
    d
}

#[test]
fn elfproef_known_values() {
    assert!(elfproef(&digits("123456782")));
    assert!(elfproef(&digits("111222333")));
    assert!(!elfproef(&digits("123456789")));
    assert!(!elfproef(&digits("000000000")));
}

/// Exhaustive over the check digit: for every 8-digit prefix sampled,
/// at most one last digit passes, and it is the one the formula gives.
#[test]
fn elfproef_matches_the_formula_for_many_prefixes() {
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    for _ in 0..20_000 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let mut d = [0u8; 9];
        let mut s = seed;
        for slot in d.iter_mut().take(8) {
            *slot = (s % 10) as u8;
            s /= 10;
        }
        let weighted: u32 = d
            .iter()
            .take(8)
            .enumerate()
            .map(|(i, &x)| (9 - i as u32) * u32::from(x))
            .sum();
        let passing: Vec<u8> = (0..10u8)
            .filter(|&last| {
                d[8] = last;
                elfproef(&d)
            })
            .collect();
        let expect = weighted % 11;
        if d.iter().take(8).all(|&x| x == 0) {
            assert!(passing.is_empty());
        } else if expect <= 9 {
            assert_eq!(passing, vec![expect as u8]);
        } else {
            assert!(passing.is_empty());
        }
    }
}

/// A number ending one line must not swallow a BSN that stands alone
/// on the next ("Geboortedatum 01-02-1980" above "123456782").
#[test]
fn a_bsn_on_the_line_after_a_number_is_read_on_its_own() {
    for t in [
        "Geboortedatum 01-02-1980\n123456782",
        "Geboortedatum 01-02-1980\r\n1234.56.782\r\n",
        "Tel. 0612345678\n> 123 456 782",
    ] {
        let c = candidates(t);
        assert_eq!(c.len(), 1, "{t:?}");
        assert_eq!(c[0].digits, digits("123456782"), "{t:?}");
    }
}

#[test]
fn persoonsnummer_is_a_bsn_label() {
    assert!(keywords("Persoonsnummer: 123456782").next().is_some());
    assert!(keywords("persoonsgebonden nummer").next().is_some());
}

#[test]
fn written_forms_are_found() {
    for t in [
        "BSN 123456782.",
        "1234.56.782",
        "123 456 782",
        "bsn: 123.456.782",
        "nummer 123456\n> 782 x",
        "burgerservicenummer 123.\n456.782)",
        "bsn 1234.\r\n56.782",
        "bsn 123 \n456 782",
        "a\u{a0}123\u{a0}456\u{a0}782",
    ] {
        let c = candidates(t);
        assert_eq!(c.len(), 1, "{t:?}");
        assert_eq!(c[0].digits, digits("123456782"));
    }
}

#[test]
fn longer_or_glued_numbers_are_not_candidates() {
    for t in [
        "1234567820",
        "NL123456782B01",
        "+31 6 1234 5678",
        "12 345 6782",
        "123456782345",
        "12-34-56-782",
        "0612345678",
        "bedrag 123.\n\n456.782",
        "12.\n345.6782",
    ] {
        assert!(candidates(t).iter().all(|c| !c.usual_shape), "{t:?}");
    }
    // Odd groupings are candidates only to be checked for a label.
    let odd = "12 345 6782";
    assert!(!directly_labelled(odd, &candidates(odd)[0]));
}

#[test]
fn dashed_numbers_count_only_right_after_a_bsn_label() {
    for t in [
        "BSN: 123-456-782.",
        "burgerservicenummer 1234-56-782",
        "BSN-nr. 12345-6782 bekend",
        // As a PDF's layout or a typist groups the digits.
        "Burgerservicenummer: 12 34 56 782",
        "BSN 1 2 3 4 5 6 7 8 2",
        "BSN: 123.45.67.82",
    ] {
        let c = dashed_after_label(t);
        assert_eq!(c.len(), 1, "{t:?}");
        assert_eq!(c[0].digits, digits("123456782"));
        assert!(directly_labelled(t, &c[0]), "{t:?}");
    }
    for t in [
        "BSN bekend, tel 123-456-782",
        "123-456-782",
        "BSN: 12-03-2024",
        "BSN: 123-456-7821",
        "BSN: 123-456-782-1",
        "BSN: 12 34 56 782 12",
    ] {
        assert!(dashed_after_label(t).is_empty(), "{t:?}");
    }
}

#[test]
fn odd_groupings_count_only_right_after_a_bsn_label() {
    for t in [
        "BSN: 1234 56782",
        "Burgerservicenummer. 12 345 6782",
        "bsn-nummer: 12345 6782",
        "BSN nr 1234 56782",
    ] {
        let c = candidates(t);
        assert_eq!(c.len(), 1, "{t:?}");
        assert!(!c[0].usual_shape && directly_labelled(t, &c[0]), "{t:?}");
    }
    for t in [
        "BSN bekend, kenmerk 1234 56782",
        "bsn\n1234 56782",
        "ordernummer 1234 56782",
    ] {
        let c = candidates(t);
        assert!(!directly_labelled(t, &c[0]), "{t:?}");
    }
}

#[test]
fn context_decides() {
    let t = "Factuurnummer: 123456782";
    let c = &candidates(t)[0];
    assert_eq!(context(t, c), Context::OtherNumber);
    let t = "Naam: J. Jansen\nBSN: 123456782";
    let c = &candidates(t)[0];
    assert_eq!(context(t, c), Context::Keyword);
    let t = "Zie 123456782 hierboven";
    let c = &candidates(t)[0];
    assert_eq!(context(t, c), Context::Bare);
    // A label on the line before labels the number below it only when
    // its own value is not already on its line.
    let t = "Ordernummer:\n123456782";
    assert_eq!(context(t, &candidates(t)[0]), Context::OtherNumber);
    let t = "Tel: 030-1234567 (ma-vr)\n123456782";
    assert_eq!(context(t, &candidates(t)[0]), Context::Bare);
}

#[test]
fn table_columns_and_urls_give_context() {
    let t = "Artikelnr.\tOmschrijving\n486834070\tSpeculum\n123456782\tDoekjes\n";
    let c = candidates(t);
    assert_eq!(context(t, &c[1]), Context::OtherNumber);
    let t = "Naam\tBSN\nJansen\t123456782\n";
    assert_eq!(context(t, &candidates(t)[0]), Context::Keyword);
    // CSV exports: the header cell decides, even when a later header
    // cell is a negative word ("referentie").
    let t = "naam;geboortedatum;bsn;bepaling;referentie\ndhr. T. Mulder;04-09-1986;123456782;Kalium;3,5 - 5,0\n";
    assert_eq!(context(t, &candidates(t)[0]), Context::Keyword);
    let t = "ordernr,omschrijving,aantal\n123456782,Handschoenen,4\n";
    assert_eq!(context(t, &candidates(t)[0]), Context::OtherNumber);
    // Prose with commas is no table.
    let t = "Beste collega, hierbij de gegevens van de heer Jansen, met excuses voor de vertraging in deze order,\nnummer 123456782, graag verwerken\n";
    assert_eq!(column_header(t, &candidates(t)[0]), None);
    let t = "Lees meer: https://x.example/n/123456782 nu";
    assert!(in_url(t, &candidates(t)[0]));
    assert!(!in_url("BSN 123456782", &candidates("BSN 123456782")[0]));
    let t = "dhr. T. Mulder;04-09-1986;123456782;Kalium;4,6;mmol/l;3,5";
    assert!(!in_url(t, &candidates(t)[0]));
    let t = "<a href=\"https://x.example/n/123456782\">";
    assert!(in_url(t, &candidates(t)[0]));
}

#[test]
fn a_number_labelled_as_something_else_is_no_bsn() {
    for t in [
        "Werkordernummer: 115860897",
        "Vergunningnummer voor de sporthal: 647002899",
        "Uw registratiecode: 252822948.",
        "RSIN: 123456782",
        "UZI-nummer 123456782",
        "Ticket #123456782 is opgelost",
        "Referentie incident: 123456782",
    ] {
        assert_eq!(context(t, &candidates(t)[0]), Context::OtherNumber, "{t}");
    }
    for t in [
        "Dutch citizen service number: 297318330",
        "BSN-nummer: 123456782",
        "Burgerservicenummer 123.456.782",
    ] {
        assert_eq!(context(t, &candidates(t)[0]), Context::Keyword, "{t}");
    }
    // A bare "Nummer:" or "ID:" may label a BSN.
    for t in ["Nummer: 123456782", "ID: 123456782", "nr. 123456782"] {
        assert_ne!(context(t, &candidates(t)[0]), Context::OtherNumber, "{t}");
    }
    // "BSN-verificatie" names a procedure, not the number after it.
    let t = "Opgelost: storing BSN-verificatie (123456782)";
    assert_ne!(context(t, &candidates(t)[0]), Context::Keyword);
}

#[test]
fn masking_keeps_only_the_last_four() {
    assert_eq!(mask(&digits("123456782")), "*****6782");
}

#[test]
fn a_claim_rejected_for_a_number_names_a_person() {
    for t in [
        "Declaratie afgewezen voor 123456782, kun je kijken?",
        "Melding in Vecozo bij 123456782",
        "The claim was rejected for 123456782.",
    ] {
        let c = candidates(t);
        assert_eq!(context(t, &c[0]), Context::Bare, "{t:?}");
    }
    for t in [
        "Declaratienummer 123456782",
        "Declaratie 123456782 is betaald",
        "Claim 123456782",
    ] {
        let c = candidates(t);
        assert_eq!(context(t, &c[0]), Context::OtherNumber, "{t:?}");
    }
}
