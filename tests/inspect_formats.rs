//! Extraction of real files (fixtures made with python-docx, openpyxl,
//! reportlab, odfpy, pyzipper, zip and Pillow) inside real MIME messages.

mod inspect_support;
use inspect_support::*;
use sluis::types::Category;

#[test]
fn docx_with_bsn_split_over_runs() {
    let r = scan(&with_attachment(
        &fixture("split-runs.docx"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "brief.docx",
    ));
    assert!(has(&r, Category::Bsn), "{r:?}");
    assert!(has(&r, Category::Personal), "{r:?}");
    assert!(!r.is_unscannable(), "{:?}", r.unscannable);
    assert!(r.findings.iter().any(|f| f.evidence == "*****6782"));
}

#[test]
fn xlsx_numeric_cell_keeps_its_leading_zero() {
    let r = scan(&with_attachment(
        &fixture("padded-bsn.xlsx"),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "lijst.xlsx",
    ));
    assert!(
        r.findings
            .iter()
            .any(|f| f.category == Category::Bsn && f.evidence == "*****5672"),
        "{r:?}"
    );
}

#[test]
fn pdf_with_pieces_drawn_in_reverse_order() {
    let r = scan(&with_attachment(
        &fixture("reversed.pdf"),
        "application/pdf",
        "brief.pdf",
    ));
    assert!(has(&r, Category::Bsn), "{r:?}");
    assert_eq!(r.findings[0].location.page, Some(1));
}

#[test]
fn password_protected_pdf_is_unscannable() {
    let r = scan(&with_attachment(
        &fixture("encrypted.pdf"),
        "application/pdf",
        "brief.pdf",
    ));
    assert!(r.is_unscannable());
    assert!(
        r.unscannable.iter().any(|u| u.contains("encrypted")),
        "{:?}",
        r.unscannable
    );
}

#[test]
fn encrypted_zips_are_unscannable() {
    for f in ["aes.zip", "zipcrypto.zip"] {
        let r = scan(&with_attachment(&fixture(f), "application/zip", f));
        assert!(r.is_unscannable(), "{f}");
        assert!(!r.is_clean());
    }
}

#[test]
fn zip_inside_zip_is_scanned() {
    let r = scan(&with_attachment(
        &fixture("nested.zip"),
        "application/zip",
        "export.zip",
    ));
    assert!(has(&r, Category::Bsn), "{r:?}");
    assert!(!r.is_unscannable());
}

#[test]
fn truncated_docx_is_unscannable() {
    let r = scan(&with_attachment(
        &fixture("truncated.docx"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "brief.docx",
    ));
    assert!(r.is_unscannable());
}

#[test]
fn rtf_with_groups_and_bookmarks_inside_the_number() {
    let r = scan(&with_attachment(
        &fixture("split.rtf"),
        "application/rtf",
        "brief.rtf",
    ));
    assert!(has(&r, Category::Bsn), "{r:?}");
}

#[test]
fn odt_with_spans_inside_the_number() {
    let r = scan(&with_attachment(
        &fixture("spans.odt"),
        "application/vnd.oasis.opendocument.text",
        "brief.odt",
    ));
    assert!(has(&r, Category::Bsn), "{r:?}");
}

#[test]
fn image_is_read_by_ocr() {
    assert!(
        tesseract_available(),
        "tesseract must be installed (apt tesseract-ocr tesseract-ocr-nld)"
    );
    let r = scan(&with_attachment(
        &fixture("scan.png"),
        "image/png",
        "scan.png",
    ));
    assert!(has(&r, Category::Bsn), "{r:?}");
}

#[test]
fn unreadable_image_is_unscannable_not_clean() {
    let r = scan(&with_attachment(
        &fixture("not-an-image.png"),
        "image/png",
        "scan.png",
    ));
    assert!(r.is_unscannable(), "{r:?}");
}

#[test]
fn unknown_binary_is_unscannable() {
    let blob: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    let r = scan(&with_attachment(
        &blob,
        "application/octet-stream",
        "data.bin",
    ));
    assert!(r.is_unscannable());
}

#[test]
fn bsn_in_subject_filename_and_qp_soft_break() {
    let subject =
        b"From: a@b.example\r\nSubject: =?utf-8?Q?Pati=C3=ABnt_BSN_123456782?=\r\n\r\nhallo\r\n";
    assert!(has(&scan(subject), Category::Bsn));
    let name = with_attachment(b"hallo", "text/plain", "uitslag_123456782.txt");
    let r = scan(&name);
    assert!(has(&r, Category::Bsn));
    let json = serde_json::to_string(&r).unwrap();
    assert!(
        !json.contains("123456782"),
        "a full BSN leaked into the report: {json}"
    );
    let qp = b"From: a@b.example\r\nSubject: x\r\nContent-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nBSN: 1234.=\r\n56.782 van pati=EBnt\r\n";
    assert!(has(&scan(qp), Category::Bsn));
}

#[test]
fn html_entities_and_spans_rejoin() {
    let html = b"From: a@b.example\r\nSubject: x\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>BSN <span>123</span>&nbsp;<b>456</b>&nbsp;&#55;82</p>\r\n";
    assert!(has(&scan(html), Category::Bsn));
}

#[test]
fn nested_forwarded_message_is_walked() {
    let inner = "From: x@y.example\r\nSubject: binnen\r\nContent-Type: text/plain\r\n\r\nBurgerservicenummer 123456782\r\n";
    let outer = format!(
        "From: a@b.example\r\nSubject: fwd\r\nContent-Type: multipart/mixed; boundary=B\r\n\r\n--B\r\nContent-Type: text/plain\r\n\r\nzie onder\r\n--B\r\nContent-Type: message/rfc822\r\nContent-Transfer-Encoding: base64\r\n\r\n{}\r\n--B--\r\n",
        base64(inner.as_bytes())
    );
    assert!(has(&scan(outer.as_bytes()), Category::Bsn));
}

#[test]
fn csv_export_with_byte_order_mark_and_decimal_commas() {
    // As a lab system writes it: UTF-8 BOM, `;` cells, CRLF, a unit with a
    // slash in the cell after the BSN, and a header whose last cell is a
    // word that elsewhere means "not a BSN".
    let csv = "\u{feff}naam;geboortedatum;bsn;bepaling;uitslag;eenheid;referentie\r\n\
               dhr. T. Mulder;04-09-1986;123456782;Kalium;4,6;mmol/l;3,5 - 5,0\r\n";
    let r = scan(&with_attachment(
        csv.as_bytes(),
        "text/csv",
        "export_lab.csv",
    ));
    assert!(
        r.findings.iter().any(|f| f.evidence == "*****6782"),
        "{r:?}"
    );
    assert!(has(&r, Category::Personal), "{r:?}");
    // Comma-separated, so the decimal commas add cells to each data row.
    let csv = "\u{feff}naam,geboortedatum,bepaling,uitslag,eenheid\r\n\
               dhr. B. de Groot,16-03-2002,Triglyceriden,3,6,mmol/l\r\n";
    let r = scan(&with_attachment(
        csv.as_bytes(),
        "text/csv",
        "export_lab.csv",
    ));
    assert!(has(&r, Category::Personal), "{r:?}");
    assert!(has(&r, Category::Health), "{r:?}");
}

#[test]
fn word_97_document_is_read() {
    // Made by LibreOffice 7.4 (`soffice --convert-to doc:"MS Word 97"`) from
    // HTML with the BSN split over bold and italic runs and a table.
    let doc = fixture("verwijsbrief.doc");
    let r = scan(&with_attachment(
        &doc,
        "application/msword",
        "verwijsbrief.doc",
    ));
    assert!(!r.is_unscannable(), "{:?}", r.unscannable);
    assert!(
        r.findings.iter().any(|f| f.evidence == "*****6782"),
        "{r:?}"
    );
    assert!(has(&r, Category::Health), "{r:?}");
    assert!(has(&r, Category::Personal), "{r:?}");
}

#[test]
fn encrypted_word_and_legacy_excel_are_unscannable() {
    // The same document with FIB's fEncrypted flag set.
    let mut doc = fixture("verwijsbrief.doc");
    let word = word_document_offset(&doc);
    if let Some(flags) = doc.get_mut(word + 0x0B) {
        *flags |= 0x01;
    }
    let r = scan(&with_attachment(
        &doc,
        "application/msword",
        "beveiligd.doc",
    ));
    assert!(r.is_unscannable(), "{r:?}");
    assert!(
        r.unscannable.iter().any(|u| u.contains("password")),
        "{:?}",
        r.unscannable
    );
    let xls = fixture("lijst.xls");
    let r = scan(&with_attachment(
        &xls,
        "application/vnd.ms-excel",
        "lijst.xls",
    ));
    assert!(r.is_unscannable(), "{r:?}");
    assert!(
        r.unscannable.iter().any(|u| u.contains(".xls")),
        "{:?}",
        r.unscannable
    );
}

/// Where the WordDocument stream starts in a compound file: the sector
/// holding the FIB magic (0xA5EC) at a 512-byte boundary.
fn word_document_offset(doc: &[u8]) -> usize {
    (512..doc.len())
        .step_by(512)
        .find(|&i| doc.get(i..i + 2) == Some(&[0xEC, 0xA5]))
        .expect("fixture has a FIB")
}

#[test]
fn vcard_with_birthday_names_a_person() {
    let vcf = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anna Visser\r\nBDAY:1992-11-03\r\nNOTE:BSN 123456782\r\nEND:VCARD\r\n";
    let r = scan(&with_attachment(vcf.as_bytes(), "text/vcard", "anna.vcf"));
    assert!(has(&r, Category::Bsn), "{r:?}");
    assert!(has(&r, Category::Personal), "{r:?}");
}

#[test]
fn order_numbers_that_pass_the_elfproef_are_not_bsns() {
    let msg = b"From: a@b.example\r\nSubject: Bestelling\r\n\r\nOrdernummer: 123456782\r\nFactuurnummer 111222333\r\nTrack & Trace: 3STEST 123456782\r\n";
    assert!(!has(&scan(msg), Category::Bsn));
}

#[test]
fn generic_patient_information_is_clean_but_a_named_patient_is_not() {
    let generic = "From: a@b.example\r\nSubject: Griepprik\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nIedereen met diabetes, COPD of hartfalen krijgt een uitnodiging voor de griepprik. Neem uw medicatieoverzicht mee.\r\n";
    let r = scan(generic.as_bytes());
    assert!(r.is_clean(), "{r:?}");
    let named = "From: a@b.example\r\nSubject: Uitslag\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nGeachte heer Nguyen,\r\nUw HbA1c is 64 mmol/mol; wij verhogen de metformine 500 mg naar 2dd1.\r\n";
    assert!(has(&scan(named.as_bytes()), Category::Health));
}

#[test]
fn truncated_pdf_is_unscannable_but_its_readable_text_still_counts() {
    let pdf = fixture("reversed.pdf");
    // Cut after the content stream, before the xref and %%EOF.
    let cut = pdf.windows(9).position(|w| w == b"endstream").unwrap() + 9;
    let r = scan(&with_attachment(
        &pdf[..cut],
        "application/pdf",
        "brief.pdf",
    ));
    assert!(r.is_unscannable());
    assert!(has(&r, Category::Bsn), "{r:?}");
}

/// A PDF whose base64 is damaged (stray characters, cut off halfway) stays
/// unscannable, and what can still be read is still read.
#[test]
fn damaged_base64_pdf_is_unscannable_but_its_readable_half_is_scanned() {
    let message = with_attachment(&fixture("reversed.pdf"), "application/pdf", "brief.pdf");
    let text = String::from_utf8(message).unwrap();
    let body_start = text.find("Content-Disposition: attachment").unwrap();
    let b64_start = body_start + text[body_start..].find("\r\n\r\n").unwrap() + 4;
    let b64_end = b64_start + text[b64_start..].find("\r\n--XX--").unwrap();
    let mut b64 = text.as_bytes()[b64_start..b64_end].to_vec();
    let len = b64.len();
    // The fixture's text stream ends at 72 % of the file: damage after it.
    for i in (len * 4 / 5..len).step_by(37) {
        if b64[i] != b'\r' && b64[i] != b'\n' {
            b64[i] = b'!';
        }
    }
    b64.truncate(len * 9 / 10);
    let damaged = format!(
        "{}{}{}",
        &text[..b64_start],
        String::from_utf8(b64).unwrap(),
        &text[b64_end..]
    );
    let r = scan(damaged.as_bytes());
    assert!(r.is_unscannable(), "{r:?}");
    assert!(
        r.unscannable
            .iter()
            .any(|u| u.contains("transfer encoding")),
        "{:?}",
        r.unscannable
    );
    assert!(has(&r, Category::Bsn), "{r:?}");
}
