//! Issue 13: content hidden where the scanner used to look away. Each
//! fixture (made by `scripts/make-coverage-fixtures`) carries BSN
//! 111222333 in one such place and must be reported, never clean.

mod inspect_support;
use inspect_support::*;
use sluis::types::{Category, ScanReport};

fn scan_file(name: &str, ctype: &str) -> ScanReport {
    scan(&with_attachment(&fixture(name), ctype, name))
}

fn assert_bsn(r: &ScanReport) {
    assert!(has(r, Category::Bsn), "{r:?}");
    assert!(!r.is_clean());
    assert!(
        !format!("{r:?}").contains("111222333"),
        "reports never hold a full BSN"
    );
}

const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

#[test]
fn docx_embedding_a_docx_is_read_recursively() {
    let r = scan_file("embedded.docx", DOCX);
    assert_bsn(&r);
    assert!(!r.is_unscannable(), "{:?}", r.unscannable);
}

#[test]
fn picture_inside_a_docx_goes_through_ocr() {
    assert!(tesseract_available(), "tesseract must be installed");
    let r = scan_file("picture.docx", DOCX);
    assert_bsn(&r);
    assert!(!r.is_unscannable(), "{:?}", r.unscannable);
}

#[test]
fn picture_inside_an_odt_goes_through_ocr() {
    assert!(tesseract_available(), "tesseract must be installed");
    let r = scan_file("picture.odt", "application/vnd.oasis.opendocument.text");
    assert_bsn(&r);
    assert!(!r.is_unscannable(), "{:?}", r.unscannable);
}

#[test]
fn pdf_form_field_value_is_read() {
    assert_bsn(&scan_file("form.pdf", "application/pdf"));
}

#[test]
fn file_carried_in_a_pdf_is_scanned_as_an_attachment() {
    for name in ["attached.pdf", "annot-attached.pdf"] {
        let r = scan_file(name, "application/pdf");
        assert_bsn(&r);
        assert!(!r.is_unscannable(), "{name}: {:?}", r.unscannable);
    }
}

#[test]
fn picture_in_an_html_data_uri_goes_through_ocr() {
    assert!(tesseract_available(), "tesseract must be installed");
    let png = base64(&fixture("scan-bsn.png")).replace("\r\n", "");
    let raw = format!(
        "From: a@praktijk.example\r\nTo: b@example.org\r\nSubject: scan\r\nMIME-Version: 1.0\r\n\
Content-Type: text/html; charset=utf-8\r\n\r\n<p>Zie de schermafdruk:</p><img src=\"data:image/png;base64,{png}\">\r\n"
    );
    let r = scan(raw.as_bytes());
    assert_bsn(&r);
    assert!(!r.is_unscannable(), "{:?}", r.unscannable);
}
