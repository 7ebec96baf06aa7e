//! Coverage accounting, one test per container: a fixture with every kind
//! of member, and the outcome each member must get. A BSN placed where the
//! old reader did not look must now be found.

use super::{Coverage, Ctx};
use crate::config::InspectConfig;
use crate::types::Location;

pub(crate) const BSN: &str = "111222333";

/// Walk `data` as one attachment; returns the coverage and the context.
pub(crate) fn walk(data: &[u8], name: &str) -> Ctx {
    let mut ctx = Ctx::new(&InspectConfig::default());
    let loc = Location {
        part: "0".into(),
        filename: Some(name.into()),
        ..Location::default()
    };
    super::extract::extract_bytes(data, "", Some(name), &loc, 0, &mut ctx);
    ctx
}

pub(crate) fn outcome<'a>(ctx: &'a Ctx, member: &str) -> Option<&'a Coverage> {
    ctx.coverage
        .iter()
        .find(|(_, m, _)| m == member)
        .map(|(_, _, how)| how)
}

pub(crate) fn found_bsn(ctx: &Ctx) -> bool {
    ctx.units.iter().any(|u| u.text.contains(BSN))
}

/// A ZIP built from `(name, bytes)` members (deflated).
pub(crate) fn zip_of(members: &[(&str, &[u8])]) -> Vec<u8> {
    use std::io::Write;
    let mut out = std::io::Cursor::new(Vec::new());
    {
        let mut w = zip::ZipWriter::new(&mut out);
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, data) in members {
            w.start_file(*name, opts).unwrap();
            w.write_all(data).unwrap();
        }
        w.finish().unwrap();
    }
    out.into_inner()
}

pub(crate) fn docx_with(extra: &[(&str, &[u8])], body: &str) -> Vec<u8> {
    let doc = format!(
        r#"<?xml version="1.0"?><w:document xmlns:w="w"><w:body><w:p><w:r><w:t>{body}</w:t></w:r></w:p></w:body></w:document>"#
    );
    let mut members: Vec<(&str, &[u8])> = vec![
        ("[Content_Types].xml", b"<Types/>"),
        ("_rels/.rels", b"<Relationships/>"),
        ("word/document.xml", doc.as_bytes()),
    ];
    members.extend_from_slice(extra);
    zip_of(&members)
}

#[test]
fn ooxml_every_member_is_accounted_for() {
    let inner = docx_with(&[], &format!("BSN {BSN}"));
    let emf = super::extract::emf::build::emf(&["Grafiek", "patiënten per week"]);
    let core = format!(
        r#"<cp:coreProperties xmlns:cp="c" xmlns:dc="d"><dc:title>t</dc:title><dc:subject>BSN {BSN}</dc:subject></cp:coreProperties>"#
    );
    let data = docx_with(
        &[
            ("word/styles.xml", b"<w:styles/>"),
            ("word/theme/theme1.xml", b"<a:theme/>"),
            ("word/_rels/document.xml.rels", b"<Relationships/>"),
            ("docProps/thumbnail.jpeg", b"\xFF\xD8\xFF"),
            ("docProps/core.xml", core.as_bytes()),
            ("word/embeddings/Document1.docx", &inner),
            ("word/vbaProject.bin", b"\xD0\xCF"),
            ("word/media/image1.emf", &emf),
            ("word/odd.dat", b"??"),
        ],
        "hallo",
    );
    let ctx = walk(&data, "brief.docx");
    let get = |m| outcome(&ctx, m).cloned();
    assert_eq!(get("word/document.xml"), Some(Coverage::Text));
    assert!(matches!(
        get("word/styles.xml"),
        Some(Coverage::NoContent(_))
    ));
    assert!(matches!(
        get("word/theme/theme1.xml"),
        Some(Coverage::NoContent(_))
    ));
    assert!(matches!(
        get("[Content_Types].xml"),
        Some(Coverage::NoContent(_))
    ));
    assert!(matches!(get("_rels/.rels"), Some(Coverage::NoContent(_))));
    assert!(matches!(
        get("docProps/thumbnail.jpeg"),
        Some(Coverage::NoContent(_))
    ));
    assert_eq!(get("docProps/core.xml"), Some(Coverage::Text));
    assert_eq!(
        get("word/embeddings/Document1.docx"),
        Some(Coverage::Nested)
    );
    assert!(matches!(
        get("word/vbaProject.bin"),
        Some(Coverage::Unscannable(_))
    ));
    assert!(matches!(
        get("word/odd.dat"),
        Some(Coverage::Unscannable(_))
    ));
    assert!(found_bsn(&ctx));
    assert!(!ctx.unscannable.is_empty(), "unknown members are not clean");
    // Every member of the outer package got exactly one outcome.
    let outer: Vec<_> = ctx
        .coverage
        .iter()
        .filter(|(c, _, _)| *c == "ooxml")
        .collect();
    assert_eq!(outer.len(), 12 + 3, "{outer:?}");
}

#[test]
fn odf_every_member_is_accounted_for() {
    let content = br#"<office:document-content xmlns:office="o" xmlns:text="t"><office:body><office:text><text:p>hallo</text:p></office:text></office:body></office:document-content>"#;
    let object = format!(
        r#"<office:document-content xmlns:office="o" xmlns:text="t"><office:body><office:text><text:p>BSN {BSN}</text:p></office:text></office:body></office:document-content>"#
    );
    let data = zip_of(&[
        ("mimetype", b"application/vnd.oasis.opendocument.text"),
        ("content.xml", content),
        ("styles.xml", b"<office:document-styles/>"),
        ("meta.xml", b"<office:document-meta/>"),
        ("settings.xml", b"<office:document-settings/>"),
        ("META-INF/manifest.xml", b"<manifest/>"),
        ("Thumbnails/thumbnail.png", b"\x89PNG"),
        ("Object 1/content.xml", object.as_bytes()),
        ("Object 1/settings.xml", b"<x/>"),
        ("ObjectReplacements/Object 1", b"\x01\x02"),
        ("Configurations2/accelerator/current.xml", b"<x/>"),
    ]);
    let ctx = walk(&data, "brief.odt");
    let get = |m| outcome(&ctx, m).cloned();
    assert_eq!(get("content.xml"), Some(Coverage::Text));
    assert_eq!(get("styles.xml"), Some(Coverage::Text));
    assert_eq!(get("meta.xml"), Some(Coverage::Text));
    assert_eq!(get("Object 1/content.xml"), Some(Coverage::Text));
    for m in [
        "mimetype",
        "settings.xml",
        "META-INF/manifest.xml",
        "Thumbnails/thumbnail.png",
        "Object 1/settings.xml",
        "ObjectReplacements/Object 1",
        "Configurations2/accelerator/current.xml",
    ] {
        assert!(
            matches!(get(m), Some(Coverage::NoContent(_))),
            "{m}: {:?}",
            get(m)
        );
    }
    assert!(found_bsn(&ctx), "the embedded object's text is read");
    assert!(ctx.unscannable.is_empty(), "{:?}", ctx.unscannable);
}

#[test]
fn zip_members_are_accounted_for() {
    let data = zip_of(&[
        ("a.txt", format!("BSN {BSN}").as_bytes()),
        ("b.bin", b"\x00\x01\x02\xfa\xfb\x00"),
    ]);
    let ctx = walk(&data, "stukken.zip");
    assert_eq!(outcome(&ctx, "a.txt"), Some(&Coverage::Nested));
    assert_eq!(outcome(&ctx, "b.bin"), Some(&Coverage::Nested));
    assert!(found_bsn(&ctx));
    assert!(
        !ctx.unscannable.is_empty(),
        "the unknown binary is unscannable"
    );
}

#[test]
fn pdf_objects_are_accounted_for() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/inspect");
    let read = |n: &str| std::fs::read(root.join(n)).unwrap();
    let ctx = walk(&read("form.pdf"), "form.pdf");
    assert_eq!(outcome(&ctx, "form fields"), Some(&Coverage::Text));
    assert!(found_bsn(&ctx));
    for name in ["attached.pdf", "annot-attached.pdf"] {
        let ctx = walk(&read(name), name);
        assert_eq!(
            outcome(&ctx, "gegevens.txt"),
            Some(&Coverage::Nested),
            "{name}"
        );
        assert!(found_bsn(&ctx), "{name}");
        assert!(ctx.unscannable.is_empty(), "{name}: {:?}", ctx.unscannable);
    }
}

#[test]
fn ole_package_in_a_docx_is_unwrapped_and_scanned() {
    let ole = super::extract::ole_package::build::package(
        "lijst.txt",
        format!("Naam;BSN\nJansen;{BSN}\n").as_bytes(),
    );
    let data = docx_with(&[("word/embeddings/oleObject1.bin", &ole)], "zie object");
    let ctx = walk(&data, "brief.docx");
    assert_eq!(
        outcome(&ctx, "word/embeddings/oleObject1.bin"),
        Some(&Coverage::Nested)
    );
    assert_eq!(outcome(&ctx, "\u{1}Ole10Native"), Some(&Coverage::Nested));
    assert!(found_bsn(&ctx));
    assert!(ctx.unscannable.is_empty(), "{:?}", ctx.unscannable);
    // A package whose native data does not parse is not clean.
    let mut broken = ole.clone();
    let len = broken.len();
    broken.truncate(len);
    let ctx = walk(
        &super::extract::ole_package::build::package("x", b""),
        "x.bin",
    );
    assert!(!found_bsn(&ctx));
}

#[test]
fn mime_every_part_is_accounted_for() {
    let raw = format!(
        "From: a@b.nl\r\nSubject: x\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n\
--b\r\nContent-Type: text/plain\r\n\r\nhallo\r\n\
--b\r\nContent-Type: text/html\r\n\r\n<p>BSN {BSN}</p>\r\n\
--b\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=a.txt\r\n\r\nlijst\r\n\
--b\r\nContent-Type: message/rfc822\r\n\r\nSubject: binnen\r\n\r\ntekst\r\n--b--\r\n"
    );
    let mut ctx = Ctx::new(&InspectConfig::default());
    super::mime::walk_raw(raw.as_bytes(), &mut ctx);
    let mime: Vec<_> = ctx
        .coverage
        .iter()
        .filter(|(c, _, _)| *c == "mime")
        .map(|(_, m, how)| (m.as_str(), how.clone()))
        .collect();
    assert_eq!(
        mime.first(),
        Some(&("0", Coverage::NoContent("multipart structure")))
    );
    assert!(mime.contains(&("1", Coverage::Text)), "{mime:?}");
    assert!(mime.contains(&("2", Coverage::Text)), "{mime:?}");
    assert!(mime.contains(&("3", Coverage::Nested)), "{mime:?}");
    assert!(mime.contains(&("4", Coverage::Nested)), "{mime:?}");
    assert!(found_bsn(&ctx));
}

#[test]
fn rtf_pictures_and_objects_are_accounted_for() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/inspect");
    let png = hex::encode(std::fs::read(root.join("scan-bsn.png")).unwrap());
    let ole =
        super::extract::ole_package::build::package("lijst.txt", format!("BSN {BSN}").as_bytes());
    // The OLE1 header Word writes around an embedded Package object.
    let native = {
        let mut cfb = cfb::CompoundFile::open(std::io::Cursor::new(&ole[..])).unwrap();
        let mut v = Vec::new();
        std::io::Read::read_to_end(&mut cfb.open_stream("/\u{1}Ole10Native").unwrap(), &mut v)
            .unwrap();
        v
    };
    let mut ole1 = Vec::new();
    ole1.extend_from_slice(&0x0501u32.to_le_bytes());
    ole1.extend_from_slice(&2u32.to_le_bytes());
    for s in [&b"Package\0"[..], b"\0", b"\0"] {
        ole1.extend_from_slice(&(s.len() as u32).to_le_bytes());
        ole1.extend_from_slice(s);
    }
    ole1.extend_from_slice(&native);
    let rtf = format!(
        "{{\\rtf1\\ansi Zie scan:{{\\*\\shppict{{\\pict\\pngblip\\picw300 {png}}}}}\
{{\\nonshppict{{\\pict\\wmetafile8 0102}}}}\\par\
{{\\object\\objemb{{\\*\\objclass Package}}{{\\*\\objdata {}}}{{\\result{{\\pict\\emfblip 0c}}}}}}}}",
        hex::encode(&ole1)
    );
    let ctx = walk(rtf.as_bytes(), "brief.rtf");
    assert_eq!(outcome(&ctx, "png 1"), Some(&Coverage::Ocr));
    assert!(matches!(
        outcome(&ctx, "wmf 2"),
        Some(Coverage::NoContent(_))
    ));
    assert_eq!(outcome(&ctx, "object 3"), Some(&Coverage::Nested));
    assert!(matches!(
        outcome(&ctx, "other 4").or(outcome(&ctx, "emf 4")),
        Some(Coverage::NoContent(_))
    ));
    assert!(found_bsn(&ctx));
    assert!(
        ctx.units.iter().filter(|u| u.text.contains(BSN)).count() >= 2,
        "OCR and the package"
    );
    assert!(ctx.unscannable.is_empty(), "{:?}", ctx.unscannable);
    // A lone EMF picture has no reader: unscannable.
    let ctx = walk(b"{\\rtf1 {\\pict\\emfblip 01000000}}", "x.rtf");
    assert!(!ctx.unscannable.is_empty());
}

/// A stand-in for the `containers` fuzz target that runs with the unit
/// tests: valid inputs for each new parser, mutated byte by byte with a
/// fixed-seed generator; none may panic.
#[test]
fn new_parsers_survive_mutated_input() {
    use super::extract::{emf, lzfu, mapi};
    let seeds: Vec<Vec<u8>> = vec![
        lzfu::build::compress(format!("{{\\rtf1 BSN {BSN}}}").as_bytes()),
        mapi::build::props(&[
            (mapi::PT_STRING8, 0x1000, b"hallo\0"),
            (0x0003, 1, &[1, 0, 0, 0]),
        ]),
        emf::build::emf(&["a", "b"]),
        super::extract::ole_package::build::package("a.txt", b"hallo"),
        b"{\\rtf1 {\\pict\\pngblip 8950}{\\object{\\*\\objdata 0105000002000000}}}".to_vec(),
    ];
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for seed in &seeds {
        for _ in 0..1000 {
            let mut data = seed.clone();
            for _ in 0..(next() % 4 + 1) {
                let n = data.len().max(1);
                let i = (next() as usize) % n;
                match next() % 3 {
                    0 if !data.is_empty() => data[i] = next() as u8,
                    1 => data.truncate(i),
                    _ => data.insert(i.min(data.len()), next() as u8),
                }
            }
            let _ = super::fuzzing::containers(&data);
            let _ = walk(&data, "x.bin");
        }
    }
}

#[test]
fn utf16_text_part_without_byte_order_mark_is_read() {
    use base64::Engine;
    let body: Vec<u8> = format!("Patient BSN {BSN}\r\n")
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let raw = format!(
        "From: a@b.nl\r\nSubject: x\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n\
--b\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\n{}\r\n--b--\r\n",
        base64::engine::general_purpose::STANDARD.encode(&body)
    );
    let mut ctx = Ctx::new(&InspectConfig::default());
    super::mime::walk_raw(raw.as_bytes(), &mut ctx);
    assert!(found_bsn(&ctx), "{:?}", ctx.units);
}
