//! What a PDF holds besides its pages' content streams: document info
//! (Title, Subject, Author, Keywords) and XMP metadata, AcroForm field
//! values and XFA form data, annotation texts, and files carried in the
//! PDF (`/EmbeddedFiles` and FileAttachment annotations), which are
//! scanned like attachments.
//!
//! Why: a form whose BSN is only a field value (`/V (111222333)`), or a
//! PDF carrying a spreadsheet, used to scan clean although the recipient's
//! viewer shows both.
//!
//! Fails closed: an attached file that cannot be decoded, or trees deeper
//! or larger than `MAX_NODES`/`MAX_TREE_DEPTH`, make the PDF unscannable.
//! Every walk is bounded, so reference cycles end.

use super::pdf_bytes::decode_stream;
use super::{extract_bytes, xml};
use crate::inspect::{Coverage, Ctx};
use crate::types::Location;
use lopdf::{Dictionary, Document, Object};

/// Most form fields, annotations or name-tree nodes visited per PDF.
const MAX_NODES: usize = 10_000;
/// Deepest form-field or name tree followed (cycles end here too).
const MAX_TREE_DEPTH: usize = 32;

fn deref<'a>(doc: &'a Document, o: &'a Object) -> Option<&'a Object> {
    doc.dereference(o).ok().map(|(_, o)| o)
}

fn dict_at<'a>(doc: &'a Document, d: &'a Dictionary, key: &[u8]) -> Option<&'a Dictionary> {
    d.get(key)
        .ok()
        .and_then(|o| deref(doc, o))
        .and_then(|o| o.as_dict().ok())
}

/// A text value: a text string, a name, or an array of them (a list box).
fn text_of(doc: &Document, o: &Object, out: &mut String) {
    match deref(doc, o) {
        Some(s @ Object::String(..)) => {
            if let Ok(t) = lopdf::decode_text_string(s) {
                out.push_str(&t);
                out.push('\n');
            }
        }
        Some(Object::Name(n)) => {
            out.push_str(&String::from_utf8_lossy(n));
            out.push('\n');
        }
        Some(Object::Array(items)) => {
            for item in items.iter().take(1000) {
                if !matches!(item, Object::Array(_)) {
                    text_of(doc, item, out);
                }
            }
        }
        // Rich text (`/RC`) may be a stream of XHTML.
        Some(Object::Stream(s)) => {
            if let Ok((bytes, None)) = decode_stream(s, 1 << 20) {
                out.push_str(&xml::recover_text(&bytes));
                out.push('\n');
            }
        }
        _ => {}
    }
}

/// Everything a PDF holds outside its page content.
pub fn extract(doc: &Document, loc: &Location, depth: u32, ctx: &mut Ctx) {
    let floc = |field: &str| Location {
        field: Some(field.into()),
        ..loc.clone()
    };
    // Document info.
    if let Some(info) = dict_at(doc, &doc.trailer, b"Info") {
        let mut t = String::new();
        for key in [&b"Title"[..], b"Subject", b"Author", b"Keywords"] {
            if let Ok(v) = info.get(key) {
                text_of(doc, v, &mut t);
            }
        }
        ctx.push_text(floc("info"), t);
        ctx.note("pdf", "info", Coverage::Text);
    }
    let Ok(catalog) = doc.catalog() else {
        return;
    };
    // XMP metadata: XML, read as text.
    if let Some(Object::Stream(s)) = catalog.get(b"Metadata").ok().and_then(|o| deref(doc, o)) {
        let cap = ctx.budget.ratio_cap(s.content.len() as u64);
        match decode_stream(s, cap) {
            Ok((bytes, None)) => {
                ctx.push_text(floc("xmp"), xml::recover_text(&bytes));
                ctx.note("pdf", "xmp", Coverage::Text);
            }
            _ => ctx.cover(
                loc,
                "pdf",
                "xmp",
                Coverage::Unscannable("undecodable metadata"),
            ),
        }
    }
    let mut nodes = 0usize;
    // Form fields and XFA.
    if let Some(form) = dict_at(doc, catalog, b"AcroForm") {
        let mut t = String::new();
        if let Some(Object::Array(fields)) = form.get(b"Fields").ok().and_then(|o| deref(doc, o)) {
            for f in fields {
                field_values(doc, f, 0, &mut nodes, &mut t);
            }
        }
        ctx.push_text(floc("form fields"), t);
        ctx.note("pdf", "form fields", Coverage::Text);
        if let Ok(xfa) = form.get(b"XFA") {
            xfa_text(doc, xfa, &floc("xfa"), ctx);
        }
    }
    // Annotations: their texts, and files attached to them.
    for (number, page_id) in doc.get_pages() {
        let ploc = Location {
            page: Some(number),
            field: Some("annotations".into()),
            ..loc.clone()
        };
        let Ok(page) = doc.get_dictionary(page_id) else {
            continue;
        };
        let Some(Object::Array(annots)) = page.get(b"Annots").ok().and_then(|o| deref(doc, o))
        else {
            continue;
        };
        let mut t = String::new();
        for a in annots {
            nodes += 1;
            if nodes > MAX_NODES {
                ctx.cover(
                    loc,
                    "pdf",
                    "annotations",
                    Coverage::Unscannable("too many objects"),
                );
                return;
            }
            let Some(annot) = deref(doc, a).and_then(|o| o.as_dict().ok()) else {
                continue;
            };
            for key in [&b"Contents"[..], b"RC"] {
                if let Ok(v) = annot.get(key) {
                    text_of(doc, v, &mut t);
                }
            }
            let subtype = annot.get(b"Subtype").and_then(Object::as_name).ok();
            if subtype == Some(b"FileAttachment".as_slice()) {
                match annot.get(b"FS").ok().and_then(|o| deref(doc, o)) {
                    Some(Object::Dictionary(spec)) => file_spec(doc, spec, &ploc, depth, ctx),
                    _ => ctx.cover(
                        &ploc,
                        "pdf",
                        "attachment",
                        Coverage::Unscannable("file attachment without a readable file"),
                    ),
                }
            }
        }
        ctx.push_text(ploc, t);
    }
    // Files carried by the document (the name tree under /EmbeddedFiles).
    if let Some(tree) =
        dict_at(doc, catalog, b"Names").and_then(|n| dict_at(doc, n, b"EmbeddedFiles"))
    {
        let mut specs = Vec::new();
        name_tree(doc, tree, 0, &mut nodes, &mut specs);
        if nodes > MAX_NODES {
            ctx.cover(
                loc,
                "pdf",
                "embedded files",
                Coverage::Unscannable("too many objects"),
            );
        }
        for spec in specs {
            file_spec(doc, spec, &floc("embedded files"), depth, ctx);
        }
    }
}

/// `/V` of every field in a field tree (`/Kids`), bounded.
fn field_values(doc: &Document, f: &Object, level: usize, nodes: &mut usize, out: &mut String) {
    *nodes += 1;
    if level > MAX_TREE_DEPTH || *nodes > MAX_NODES {
        return;
    }
    let Some(field) = deref(doc, f).and_then(|o| o.as_dict().ok()) else {
        return;
    };
    if let Ok(v) = field.get(b"V") {
        text_of(doc, v, out);
    }
    if let Some(Object::Array(kids)) = field.get(b"Kids").ok().and_then(|o| deref(doc, o)) {
        for k in kids {
            field_values(doc, k, level + 1, nodes, out);
        }
    }
}

/// XFA: one stream, or an array of (name, stream) pairs; XML text.
fn xfa_text(doc: &Document, xfa: &Object, loc: &Location, ctx: &mut Ctx) {
    let streams: Vec<&lopdf::Stream> = match deref(doc, xfa) {
        Some(Object::Stream(s)) => vec![s],
        Some(Object::Array(parts)) => parts
            .iter()
            .filter_map(|p| match deref(doc, p) {
                Some(Object::Stream(s)) => Some(s),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    };
    for s in streams {
        let cap = ctx.budget.ratio_cap(s.content.len() as u64);
        match decode_stream(s, cap) {
            Ok((bytes, None)) => {
                ctx.push_text(loc.clone(), xml::recover_text(&bytes));
                ctx.note("pdf", "xfa", Coverage::Text);
            }
            _ => ctx.cover(
                loc,
                "pdf",
                "xfa",
                Coverage::Unscannable("undecodable XFA form"),
            ),
        }
    }
}

/// Leaves of a name tree (`/Names [key value …]`, `/Kids`), bounded.
fn name_tree<'a>(
    doc: &'a Document,
    node: &'a Dictionary,
    level: usize,
    nodes: &mut usize,
    out: &mut Vec<&'a Dictionary>,
) {
    *nodes += 1;
    if level > MAX_TREE_DEPTH || *nodes > MAX_NODES {
        return;
    }
    if let Some(Object::Array(pairs)) = node.get(b"Names").ok().and_then(|o| deref(doc, o)) {
        for v in pairs.iter().skip(1).step_by(2) {
            if let Some(Object::Dictionary(spec)) = deref(doc, v) {
                out.push(spec);
            }
        }
    }
    if let Some(Object::Array(kids)) = node.get(b"Kids").ok().and_then(|o| deref(doc, o)) {
        for k in kids {
            if let Some(Object::Dictionary(kid)) = deref(doc, k) {
                name_tree(doc, kid, level + 1, nodes, out);
            }
        }
    }
}

/// A file specification with an embedded file stream (`/EF /F`): scanned
/// as an attachment named by `/UF` or `/F`.
fn file_spec(doc: &Document, spec: &Dictionary, loc: &Location, depth: u32, ctx: &mut Ctx) {
    let mut name = String::new();
    for key in [&b"UF"[..], b"F"] {
        if let Ok(v) = spec.get(key) {
            text_of(doc, v, &mut name);
            break;
        }
    }
    let name = name.trim().to_string();
    let name = if name.is_empty() {
        "attachment".to_string()
    } else {
        name
    };
    if let Err(hit) = ctx.budget.add_part() {
        ctx.limit(loc, hit);
        return;
    }
    let member_loc = super::member::member_location(loc, &name, &name, ctx);
    let stream = dict_at(doc, spec, b"EF")
        .and_then(|ef| ef.get(b"F").or_else(|_| ef.get(b"UF")).ok())
        .and_then(|o| deref(doc, o));
    let Some(Object::Stream(s)) = stream else {
        // A reference to a file outside the PDF holds nothing to read here.
        ctx.note(
            "pdf",
            &name,
            Coverage::NoContent("reference to an external file"),
        );
        return;
    };
    let cap = ctx
        .budget
        .ratio_cap(s.content.len() as u64)
        .min(ctx.budget.extract_room());
    match decode_stream(s, cap) {
        Ok((bytes, None)) => {
            extract_bytes(&bytes, "", Some(&name), &member_loc, depth + 1, ctx);
            ctx.note("pdf", &name, Coverage::Nested);
        }
        _ => ctx.cover(
            &member_loc,
            "pdf",
            &name,
            Coverage::Unscannable("undecodable file attached to a PDF"),
        ),
    }
}
