//! Coverage of Office Open XML (DOCX, XLSX, PPTX) and OpenDocument
//! packages beyond their body text: after the format's own reader has read
//! the body members, every other member of the ZIP is accounted for here.
//!
//! Why: a BSN hidden in a picture (`word/media/`, `Pictures/`), in an
//! embedded document (`word/embeddings/`, ODF `Object 1/`), in a chart,
//! SmartArt, comment or metadata used to be skipped silently, and the
//! document scanned clean. Now each member is read as text, sent through
//! OCR, scanned recursively as a nested file, known to carry no content
//! (`NO_CONTENT`), or makes the document unscannable. Unknown members are
//! unscannable, never skipped.

use super::member::{read_member, Zip};
use super::{extract_bytes, xml};
use crate::inspect::{Coverage, Ctx};
use crate::types::Location;

/// Which package vocabulary a document uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Package {
    Ooxml,
    Odf,
}

/// What one member of a package is, by its path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Member {
    /// Any XML (or VML) that may hold text a reader sees.
    Xml,
    /// A picture shown in the document: OCR.
    Picture,
    /// An EMF picture: its text records are read (`emf`).
    Emf,
    /// A file inside the document (OLE object, package, nested document).
    Embedded,
    /// Known to hold nothing a reader sees.
    NoContent(&'static str),
    /// Known, but with no reader here.
    Unreadable(&'static str),
    /// Nothing known about it: unscannable.
    Unknown,
}

/// Members that hold no content a reader sees: by exact file name (in any
/// folder: a chart's or embedded object's own styles are styles too), by
/// the `.rels` extension, or by folder (`NO_CONTENT_FOLDER`). Exact names,
/// not suffixes, so `word/notes-styles.xml` is read as text.
const NO_CONTENT_NAME: &[(&str, &str)] = &[
    ("[Content_Types].xml", "content types"),
    ("styles.xml", "styles"),
    ("stylesWithEffects.xml", "styles"),
    ("fontTable.xml", "font table"),
    ("settings.xml", "settings"),
    ("webSettings.xml", "settings"),
    ("numbering.xml", "list numbering formats"),
    ("calcChain.xml", "formula order"),
    ("presProps.xml", "settings"),
    ("viewProps.xml", "settings"),
    ("tableStyles.xml", "styles"),
    ("vbaData.xml", "macro settings"),
    ("mimetype", "media type"),
    ("manifest.xml", "package manifest"),
    ("manifest.rdf", "package manifest"),
    ("layout-cache", "layout cache"),
];
const NO_CONTENT_FOLDER: &[(&str, &str)] = &[
    ("/theme/", "theme"),
    ("/fonts/", "embedded font"),
    ("/printerSettings/", "printer settings"),
    ("docProps/thumbnail", "thumbnail of content that is read"),
    ("Thumbnails/", "thumbnail of content that is read"),
    (
        "ObjectReplacements/",
        "picture of an embedded object that is read",
    ),
    ("Configurations2/", "user interface settings"),
];

fn ext(name: &str) -> String {
    let base = name.rsplit('/').next().unwrap_or(name);
    base.rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default()
}

/// Classify one member path. Pure, so the table is unit-tested.
pub fn classify(name: &str, package: Package) -> Member {
    let lead = format!("/{name}");
    // ODF embedded objects: `Object 1` (an OLE file) or `Object 1/…` (a
    // sub-document whose members are classified like the document's own).
    if package == Package::Odf {
        if let Some(rest) = name.strip_prefix("Object ") {
            return match rest.split_once('/') {
                Some((_, inner)) if !inner.is_empty() => classify(inner, package),
                _ => Member::Embedded,
            };
        }
        // ODF keeps header and footer text in styles.xml.
        if name == "styles.xml" {
            return Member::Xml;
        }
    }
    let base = name.rsplit('/').next().unwrap_or(name);
    if let Some((_, why)) = NO_CONTENT_NAME.iter().find(|(n, _)| base == *n) {
        return Member::NoContent(why);
    }
    if base.ends_with(".rels") {
        return Member::NoContent("relationships");
    }
    if let Some((_, why)) = NO_CONTENT_FOLDER
        .iter()
        .find(|(f, _)| lead.contains(f) || name.starts_with(f))
    {
        return Member::NoContent(why);
    }
    let e = ext(name);
    let in_folder = |f: &str| lead.contains(f);
    if in_folder("/embeddings/") || (in_folder("/activeX/") && e != "xml") {
        return Member::Embedded;
    }
    if package == Package::Odf && name.starts_with("Pictures/") {
        return picture(&e);
    }
    if in_folder("/media/") {
        return picture(&e);
    }
    match e.as_str() {
        "xml" | "vml" => Member::Xml,
        "bin" if name.ends_with("vbaProject.bin") => {
            Member::Unreadable("macro project (VBA) is not read")
        }
        "png" | "jpg" | "jpeg" | "gif" | "bmp" | "tif" | "tiff" | "webp" => Member::Picture,
        _ => Member::Unknown,
    }
}

fn picture(ext: &str) -> Member {
    match ext {
        "emf" => Member::Emf,
        "wmf" | "emz" | "wmz" | "svm" | "pict" => {
            Member::Unreadable("vector picture (WMF/SVM) is not read")
        }
        "wdp" | "hdp" | "jxr" => Member::Unreadable("HD Photo picture is not read"),
        // Sound and video carry no text a reader sees on the page; their
        // content cannot be checked, so they are not called clean.
        "mp3" | "wav" | "mp4" | "m4a" | "avi" | "mov" | "wmv" => {
            Member::Unreadable("audio or video in a document is not read")
        }
        // SVG is XML text; everything else through the sniffer (OCR).
        _ => Member::Picture,
    }
}

/// Account for every member of `zip` not in `read` (which the format's
/// own reader has read already).
pub fn rest(
    zip: &mut Zip,
    read: &[String],
    package: Package,
    loc: &Location,
    depth: u32,
    ctx: &mut Ctx,
) {
    let container = match package {
        Package::Ooxml => "ooxml",
        Package::Odf => "odf",
    };
    let names: Vec<String> = zip.file_names().map(str::to_string).collect();
    let mut names = names;
    names.sort();
    for name in names {
        if name.ends_with('/') {
            continue;
        }
        if read.contains(&name) {
            ctx.cover(loc, container, &name, Coverage::Text);
            continue;
        }
        // Every member counts against max_parts, also those skipped as
        // content-free, so a package of a million `.rels` stops early.
        if let Err(hit) = ctx.budget.add_part() {
            ctx.limit(loc, hit);
            return;
        }
        let how = classify(&name, package);
        let how = match how {
            Member::NoContent(why) => Coverage::NoContent(why),
            Member::Unreadable(why) => Coverage::Unscannable(why),
            Member::Unknown => Coverage::Unscannable("unknown member in an Office document"),
            Member::Xml | Member::Picture | Member::Emf | Member::Embedded => {
                let Some(index) = zip.index_for_name(&name) else {
                    continue;
                };
                let mloc = Location {
                    field: Some(crate::inspect::mask_digits(&name)),
                    ..loc.clone()
                };
                match read_member(zip, index, &mloc, ctx) {
                    Some(bytes) => read_one(&bytes, &name, how, package, &mloc, depth, ctx),
                    // read_member recorded why (encrypted, limit, corrupt).
                    None => {
                        ctx.note(container, &name, Coverage::Unscannable("not readable"));
                        continue;
                    }
                }
            }
        };
        ctx.cover(loc, container, &name, how);
    }
}

/// Read one member that may hold content; returns how it was covered.
fn read_one(
    bytes: &[u8],
    name: &str,
    how: Member,
    package: Package,
    mloc: &Location,
    depth: u32,
    ctx: &mut Ctx,
) -> Coverage {
    let mloc = mloc.clone();
    match how {
        Member::Xml => {
            let text = if name.ends_with(".vml") {
                // VML is HTML-like and often not well-formed: keep what reads.
                Ok(xml::recover_text(bytes))
            } else if package == Package::Odf {
                xml::odf_text(bytes)
            } else {
                xml::generic_text(bytes)
            };
            match text {
                Ok(t) => {
                    ctx.push_text(mloc, t);
                    Coverage::Text
                }
                Err(_) => Coverage::Unscannable("malformed XML in document"),
            }
        }
        Member::Emf => match super::emf::text(bytes) {
            Ok(t) => {
                ctx.push_text(mloc, t);
                Coverage::Text
            }
            Err(why) => Coverage::Unscannable(why),
        },
        Member::Picture => {
            let base = name.rsplit('/').next().unwrap_or(name);
            extract_bytes(bytes, "", Some(base), &mloc, depth + 1, ctx);
            if super::sniff(bytes, "", Some(base)) == super::Kind::Image {
                Coverage::Ocr
            } else {
                Coverage::Nested
            }
        }
        _ => {
            let base = name.rsplit('/').next().unwrap_or(name);
            extract_bytes(bytes, "", Some(base), &mloc, depth + 1, ctx);
            Coverage::Nested
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn members_are_classified_by_path() {
        use Member::*;
        let o = Package::Ooxml;
        assert_eq!(classify("word/media/image1.png", o), Picture);
        assert_eq!(classify("xl/media/image1.jpeg", o), Picture);
        assert_eq!(classify("word/media/image2.emf", o), Emf);
        assert!(matches!(
            classify("word/media/image3.wmf", o),
            Unreadable(_)
        ));
        assert_eq!(classify("word/embeddings/oleObject1.bin", o), Embedded);
        assert_eq!(classify("word/embeddings/Document1.docx", o), Embedded);
        assert_eq!(classify("docProps/core.xml", o), Xml);
        assert_eq!(classify("word/charts/chart1.xml", o), Xml);
        assert!(matches!(
            classify("word/_rels/document.xml.rels", o),
            NoContent(_)
        ));
        assert!(matches!(classify("word/theme/theme1.xml", o), NoContent(_)));
        assert!(matches!(classify("word/styles.xml", o), NoContent(_)));
        assert!(matches!(
            classify("docProps/thumbnail.jpeg", o),
            NoContent(_)
        ));
        assert!(matches!(classify("word/vbaProject.bin", o), Unreadable(_)));
        assert_eq!(classify("word/strange.dat", o), Unknown);
        assert_eq!(
            classify("word/notes-styles.xml", o),
            Xml,
            "exact names only"
        );
        assert!(matches!(
            classify("word/charts/styles.xml", o),
            NoContent(_)
        ));
        let d = Package::Odf;
        assert_eq!(classify("Pictures/100000.png", d), Picture);
        assert_eq!(classify("Object 1/content.xml", d), Xml);
        assert_eq!(classify("Object 1/styles.xml", d), Xml);
        assert!(matches!(classify("Object 1/settings.xml", d), NoContent(_)));
        assert_eq!(classify("Object 2", d), Embedded);
        assert!(matches!(
            classify("ObjectReplacements/Object 1", d),
            NoContent(_)
        ));
        assert!(matches!(
            classify("Thumbnails/thumbnail.png", d),
            NoContent(_)
        ));
        assert_eq!(classify("meta.xml", d), Xml);
        assert!(matches!(classify("META-INF/manifest.xml", d), NoContent(_)));
    }
}
