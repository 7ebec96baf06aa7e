//! Office Open XML (DOCX, XLSX, PPTX) and OpenDocument (ODT, ODS, ODP) text.
//!
//! Runs and spans inside a paragraph join without a space (a number split
//! over `w:r` runs comes back whole); paragraphs, rows and breaks become
//! line breaks, cells tabs. XLSX numeric cells are written as integers and
//! padded when their number format is all zeros (`000000000`).
//!
//! Fails closed: a member that is not well-formed XML makes the document
//! unscannable.

use super::member::{read_member, Zip};
use crate::inspect::Ctx;
use crate::types::Location;
use quick_xml::events::Event;
use quick_xml::Reader;

/// How one XML vocabulary maps elements to separators.
struct Rules {
    para: &'static [&'static str],
    cell: &'static [&'static str],
    tab: &'static [&'static str],
    br: &'static [&'static str],
    /// ODF `text:s` (one or `text:c` spaces).
    space: &'static [&'static str],
    /// Elements whose text is skipped (field instructions, phonetic hints).
    skip: &'static [&'static str],
    /// Attributes whose values are text (pivot cache items: `<s v="…"/>`).
    values: &'static [&'static str],
}

const OOXML: Rules = Rules {
    para: &["p", "tr"],
    cell: &["tc"],
    tab: &["tab"],
    br: &["br", "cr"],
    space: &[],
    skip: &["instrText", "rPh"],
    values: &[],
};

const ODF: Rules = Rules {
    para: &["p", "h", "table-row", "list-item"],
    cell: &["table-cell"],
    tab: &["tab"],
    br: &["line-break"],
    space: &["s"],
    skip: &["tracked-changes"],
    values: &[],
};

fn attr_value(e: &quick_xml::events::BytesStart, name: &[u8]) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        (a.key.local_name().as_ref() == name)
            .then(|| String::from_utf8_lossy(&a.value).into_owned())
    })
}

/// Separators for members recovered from a damaged container, whatever
/// the format: every paragraph, row, cell and shared string stays apart.
const RECOVER: Rules = Rules {
    para: &["p", "h", "tr", "si", "row", "table-row", "list-item"],
    cell: &["tc", "c", "table-cell"],
    tab: &["tab"],
    br: &["br", "cr", "line-break"],
    space: &["s"],
    skip: &["instrText", "rPh"],
    values: &[],
};

/// Any other XML member of an Office or OpenDocument file (metadata,
/// charts, SmartArt data, comments, pivot caches, custom XML): every
/// element's text, and the `v` attribute values a pivot cache keeps its
/// items in.
const GENERIC: Rules = Rules {
    values: &["v"],
    ..RECOVER
};

/// Text of any XML member (`GENERIC` rules); `Err` when not well-formed.
pub(crate) fn generic_text(xml: &[u8]) -> Result<String, quick_xml::Error> {
    xml_text(xml, &GENERIC)
}

/// Text of one ODF XML member (an embedded object's `content.xml`).
pub(crate) fn odf_text(xml: &[u8]) -> Result<String, quick_xml::Error> {
    xml_text(xml, &ODF)
}

/// Text of a (possibly truncated) XML member; what was read before an
/// error is kept.
pub fn recover_text(xml: &[u8]) -> String {
    let mut out = String::new();
    let _ = xml_text_into(xml, &RECOVER, &mut out);
    out
}

/// Text of one XML document under `rules`.
fn xml_text(xml: &[u8], rules: &Rules) -> Result<String, quick_xml::Error> {
    let mut out = String::new();
    xml_text_into(xml, rules, &mut out)?;
    Ok(out)
}

fn xml_text_into(xml: &[u8], rules: &Rules, out: &mut String) -> Result<(), quick_xml::Error> {
    let mut reader = Reader::from_reader(xml);
    reader.config_mut().check_end_names = false;
    let mut buf = Vec::new();
    let mut skip_depth = 0usize;
    let mut cell_depth = 0usize;
    loop {
        match reader.read_event_into(&mut buf)? {
            Event::Start(e) => {
                push_values(&e, rules, out);
                let name = e.local_name();
                let name = std::str::from_utf8(name.as_ref()).unwrap_or("");
                if skip_depth > 0 || rules.skip.contains(&name) {
                    skip_depth += 1;
                }
                if rules.space.contains(&name) {
                    push_spaces(&e, out);
                }
                if rules.cell.contains(&name) {
                    cell_depth += 1;
                }
            }
            Event::Empty(e) => {
                push_values(&e, rules, out);
                let name = e.local_name();
                let name = std::str::from_utf8(name.as_ref()).unwrap_or("");
                if rules.tab.contains(&name) || rules.cell.contains(&name) {
                    out.push('\t');
                } else if rules.br.contains(&name) || rules.para.contains(&name) {
                    out.push('\n');
                } else if rules.space.contains(&name) {
                    push_spaces(&e, out);
                }
            }
            Event::End(e) => {
                let name = e.local_name();
                let name = std::str::from_utf8(name.as_ref()).unwrap_or("");
                if skip_depth > 0 {
                    skip_depth -= 1;
                    continue;
                }
                if rules.cell.contains(&name) {
                    cell_depth = cell_depth.saturating_sub(1);
                    if out.ends_with(' ') {
                        out.pop();
                    }
                    out.push('\t');
                } else if rules.para.contains(&name)
                    && cell_depth > 0
                    && name != "tr"
                    && name != "table-row"
                {
                    out.push(' ');
                } else if rules.para.contains(&name) {
                    out.push('\n');
                }
            }
            Event::Text(t) if skip_depth == 0 => match t.unescape() {
                Ok(s) => out.push_str(&s),
                Err(_) => out.push_str(&String::from_utf8_lossy(&t)),
            },
            Event::CData(t) if skip_depth == 0 => out.push_str(&String::from_utf8_lossy(&t)),
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(())
}

/// Attribute values that `rules` count as text, one per line.
fn push_values(e: &quick_xml::events::BytesStart, rules: &Rules, out: &mut String) {
    for name in rules.values {
        if let Some(v) = attr_value(e, name.as_bytes()) {
            out.push_str(&v);
            out.push('\n');
        }
    }
}

fn push_spaces(e: &quick_xml::events::BytesStart, out: &mut String) {
    let n = attr_value(e, b"c")
        .and_then(|c| c.parse::<usize>().ok())
        .unwrap_or(1)
        .min(64);
    out.extend(std::iter::repeat_n(' ', n));
}

/// Names of members matching `pred`, in a stable order.
fn names_where(zip: &Zip, pred: impl Fn(&str) -> bool) -> Vec<String> {
    let mut v: Vec<String> = zip
        .file_names()
        .filter(|n| pred(n))
        .map(str::to_string)
        .collect();
    v.sort_by_key(|n| (n.len(), n.clone()));
    v
}

fn member_text(zip: &mut Zip, name: &str, rules: &Rules, loc: &Location, ctx: &mut Ctx) {
    let Some(index) = zip.index_for_name(name) else {
        return;
    };
    let mloc = Location {
        field: Some(name.to_string()),
        ..loc.clone()
    };
    if let Some(bytes) = read_member(zip, index, &mloc, ctx) {
        match xml_text(&bytes, rules) {
            Ok(t) => ctx.push_text(mloc, t),
            Err(_) => ctx.unscannable(&mloc, "malformed XML in document"),
        }
    }
}

/// Reads the body members of a DOCX; returns their names, so the rest of
/// the package can be accounted for (`office::rest`).
pub fn docx(zip: &mut Zip, loc: &Location, ctx: &mut Ctx) -> Vec<String> {
    let names = names_where(zip, |n| {
        n == "word/document.xml"
            || (n.starts_with("word/")
                && n.ends_with(".xml")
                && ["header", "footer", "footnotes", "endnotes", "comments"]
                    .iter()
                    .any(|p| n.get(5..).is_some_and(|r| r.starts_with(p))))
    });
    for name in &names {
        member_text(zip, name, &OOXML, loc, ctx);
    }
    names
}

/// Reads the slides and notes of a PPTX; returns their names.
pub fn pptx(zip: &mut Zip, loc: &Location, ctx: &mut Ctx) -> Vec<String> {
    let names = names_where(zip, |n| {
        (n.starts_with("ppt/slides/slide") || n.starts_with("ppt/notesSlides/"))
            && n.ends_with(".xml")
    });
    for name in &names {
        member_text(zip, name, &OOXML, loc, ctx);
    }
    names
}

/// Reads `content.xml` and `styles.xml` of an OpenDocument; returns their names.
pub fn odf(zip: &mut Zip, loc: &Location, ctx: &mut Ctx) -> Vec<String> {
    let names = vec!["content.xml".to_string(), "styles.xml".to_string()];
    for name in &names {
        member_text(zip, name, &ODF, loc, ctx);
    }
    names
}

pub(crate) fn read_xml_member(
    zip: &mut Zip,
    name: &str,
    loc: &Location,
    ctx: &mut Ctx,
) -> Option<Vec<u8>> {
    let index = zip.index_for_name(name)?;
    read_member(zip, index, loc, ctx)
}

pub(crate) fn attr(e: &quick_xml::events::BytesStart, name: &[u8]) -> Option<String> {
    attr_value(e, name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_join_and_paragraphs_break() {
        let x = br#"<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>BSN 1234</w:t></w:r><w:r><w:t>56</w:t></w:r><w:r><w:t>782</w:t></w:r></w:p><w:p><w:r><w:t>volgende</w:t></w:r></w:p></w:body></w:document>"#;
        let t = xml_text(x, &OOXML).unwrap();
        assert_eq!(t, "BSN 123456782\nvolgende\n");
    }

    #[test]
    fn odf_spaces_and_spans() {
        let x = br#"<office:document-content xmlns:text="t"><text:p>a<text:s text:c="2"/>b <text:span>12</text:span>3</text:p></office:document-content>"#;
        assert_eq!(xml_text(x, &ODF).unwrap(), "a  b 123\n");
    }

    #[test]
    fn malformed_xml_is_an_error() {
        assert!(xml_text(b"<a attr='x></a>", &OOXML).is_err());
    }
}
