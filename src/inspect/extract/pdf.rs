//! PDF text per page. Text-showing operators are interpreted with their
//! positions (text and graphics matrices, glyph widths), then laid out by
//! line and x position, so text split over several text objects, or drawn
//! in reverse order, reads back in visual order and split digits rejoin.
//! A page with (almost) no text but with images is OCR'd.
//!
//! Fails closed: encrypted (`/Encrypt`), unparseable or truncated PDFs are
//! unscannable; streams are decoded with a size cap (ratio and budget), and
//! a scanned page whose image cannot be decoded is unscannable.
//! What lies outside the pages (forms, annotations, attached files,
//! metadata) is read by `pdf_objects`; what is read from the raw bytes
//! (capped stream decoding, nesting depth) by `pdf_bytes`.

use super::ocr;
use super::pdf_bytes::{decode_stream, find, max_nesting, raw_filters, structure_streams_within};
use super::pdf_layout::{layout, Span, Widths};
use crate::inspect::Ctx;
use crate::types::Location;
use lopdf::{Dictionary, Document, Object, ObjectId};

/// Best effort for a damaged PDF (already recorded as unscannable): find
/// the content streams in the raw bytes, decode what decodes and read the
/// text in them, so a truncated attachment still shows what it holds.
fn salvage(data: &[u8], loc: &Location, ctx: &mut Ctx) {
    if max_nesting(data) > MAX_PDF_NESTING {
        return;
    }
    let no_fonts = std::collections::BTreeMap::new();
    let mut i = 0usize;
    let mut streams = 0usize;
    while let Some(p) = data.get(i..).and_then(|d| find(d, b"stream")) {
        let start = i + p;
        i = start + 6;
        if start >= 3 && data.get(start - 3..start) == Some(b"end".as_slice()) {
            continue;
        }
        let mut body = start + 6;
        if data.get(body) == Some(&b'\r') {
            body += 1;
        }
        if data.get(body) != Some(&b'\n') {
            continue;
        }
        body += 1;
        streams += 1;
        if streams > 10_000 || ctx.budget.check_time().is_err() {
            return;
        }
        let dict =
            String::from_utf8_lossy(data.get(start.saturating_sub(400)..start).unwrap_or(b""));
        let dict = dict.rsplit("obj").next().unwrap_or("").to_string();
        if dict.contains("/Image") || dict.contains("/XRef") {
            continue;
        }
        let end = data
            .get(body..)
            .and_then(|d| find(d, b"endstream"))
            .map(|e| body + e)
            .unwrap_or(data.len());
        let mut d = Dictionary::new();
        let filters: Vec<Object> = raw_filters(&dict)
            .into_iter()
            .map(|n| Object::Name(n.into_bytes()))
            .collect();
        d.set("Filter", Object::Array(filters));
        let stream = lopdf::Stream::new(d, data.get(body..end).unwrap_or(b"").to_vec());
        let cap = ctx
            .budget
            .ratio_cap(stream.content.len() as u64)
            .min(ctx.budget.extract_room());
        if let Ok((content, None)) = decode_stream(&stream, cap) {
            if max_nesting(&content) > MAX_PDF_NESTING || !content.windows(2).any(|w| w == b"BT") {
                continue;
            }
            let (spans, _) = interpret(&content, &no_fonts);
            ctx.push_text(loc.clone(), layout(spans));
        }
    }
}

/// Nesting deeper than this makes a PDF (or content stream) unscannable.
const MAX_PDF_NESTING: usize = 256;

/// One font as the interpreter needs it.
struct Font<'a> {
    encoding: Option<lopdf::Encoding<'a>>,
    two_byte: bool,
    widths: Widths,
}

fn load_font<'a>(doc: &'a Document, dict: &'a Dictionary) -> Font<'a> {
    let two_byte = dict.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Type0".as_slice());
    let base = dict
        .get(b"BaseFont")
        .and_then(Object::as_name)
        .map(|n| String::from_utf8_lossy(n).into_owned())
        .unwrap_or_default();
    let first = dict.get(b"FirstChar").and_then(Object::as_i64).unwrap_or(0);
    let table: Vec<f32> = dict
        .get(b"Widths")
        .ok()
        .and_then(|o| doc.dereference(o).ok())
        .and_then(|(_, o)| o.as_array().ok())
        .map(|a| a.iter().map(|w| w.as_float().unwrap_or(500.0)).collect())
        .unwrap_or_default();
    let encoding = match dict.get_font_encoding(doc) {
        Ok(e @ lopdf::Encoding::OneByteEncoding(_))
        | Ok(e @ lopdf::Encoding::UnicodeMapEncoding(_)) => Some(e),
        _ => None,
    };
    Font {
        encoding,
        two_byte,
        widths: Widths::new(&base, first, table),
    }
}

fn decode_text(font: Option<&Font<'_>>, bytes: &[u8]) -> String {
    if let Some(enc) = font.and_then(|f| f.encoding.as_ref()) {
        if let Ok(s) = Document::decode_text(enc, bytes) {
            return s;
        }
    }
    if font.is_some_and(|f| f.two_byte) {
        return bytes
            .chunks(2)
            .filter_map(|c| {
                char::from_u32(
                    u32::from(c.first().copied().unwrap_or(0)) << 8
                        | u32::from(c.get(1).copied().unwrap_or(0)),
                )
            })
            .collect();
    }
    encoding_rs::WINDOWS_1252.decode(bytes).0.into_owned()
}

type M = [f32; 6];
const ID: M = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];
fn mul(a: &M, b: &M) -> M {
    [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]
}
fn nums(ops: &[Object]) -> Vec<f32> {
    ops.iter().map(|o| o.as_float().unwrap_or(0.0)).collect()
}
fn num(ops: &[Object], i: usize) -> f32 {
    ops.get(i).and_then(|o| o.as_float().ok()).unwrap_or(0.0)
}

/// Interpret one page's content into positioned spans; also list image XObjects drawn.
fn interpret(
    content: &[u8],
    fonts: &std::collections::BTreeMap<Vec<u8>, Font<'_>>,
) -> (Vec<Span>, Vec<Vec<u8>>) {
    let mut spans = Vec::new();
    let mut images = Vec::new();
    let Ok(ops) = lopdf::content::Content::decode(content) else {
        return (spans, images);
    };
    let mut ctm = ID;
    let mut stack: Vec<M> = Vec::new();
    let (mut tm, mut tlm) = (ID, ID);
    let (mut size, mut tc, mut tw, mut th, mut tl) = (12.0f32, 0.0f32, 0.0f32, 1.0f32, 0.0f32);
    let mut font: Option<&Font<'_>> = None;
    // Unknown font: Helvetica metrics, the most common default.
    let fallback = Widths::new("Helvetica", 0, Vec::new());
    for op in &ops.operations {
        let o = &op.operands;
        match op.operator.as_str() {
            "q" if stack.len() < 256 => stack.push(ctm),
            "Q" => ctm = stack.pop().unwrap_or(ID),
            "cm" => {
                let n = nums(o);
                if n.len() == 6 {
                    ctm = mul(&[n[0], n[1], n[2], n[3], n[4], n[5]], &ctm);
                }
            }
            "BT" => {
                tm = ID;
                tlm = ID;
            }
            "Tf" => {
                font = o
                    .first()
                    .and_then(|n| n.as_name().ok())
                    .and_then(|n| fonts.get(n));
                size = num(o, 1);
            }
            "Tc" => tc = num(o, 0),
            "Tw" => tw = num(o, 0),
            "Tz" => th = num(o, 0) / 100.0,
            "TL" => tl = num(o, 0),
            "Td" | "TD" => {
                let (tx, ty) = (num(o, 0), num(o, 1));
                if op.operator == "TD" {
                    tl = -ty;
                }
                tlm = mul(&[1.0, 0.0, 0.0, 1.0, tx, ty], &tlm);
                tm = tlm;
            }
            "Tm" => {
                let n = nums(o);
                if n.len() == 6 {
                    tlm = [n[0], n[1], n[2], n[3], n[4], n[5]];
                    tm = tlm;
                }
            }
            "T*" => {
                tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -tl], &tlm);
                tm = tlm;
            }
            "Tj" | "'" | "\"" | "TJ" => {
                if op.operator != "Tj" && op.operator != "TJ" {
                    if op.operator == "\"" {
                        tw = num(o, 0);
                        tc = num(o, 1);
                    }
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -tl], &tlm);
                    tm = tlm;
                }
                let items: Vec<&Object> = match o.last() {
                    Some(Object::Array(a)) if op.operator == "TJ" => a.iter().collect(),
                    Some(s) => vec![s],
                    None => vec![],
                };
                for item in items {
                    match item {
                        Object::String(bytes, _) => {
                            let trm = mul(&tm, &ctm);
                            let eff = size * (trm[2] * trm[2] + trm[3] * trm[3]).sqrt();
                            let text = decode_text(font, bytes);
                            let mut adv = 0.0f32;
                            let two = font.is_some_and(|f| f.two_byte);
                            let step = if two { 2 } else { 1 };
                            for code in bytes.chunks(step) {
                                let c = code.iter().fold(0u32, |a, &b| a << 8 | u32::from(b));
                                let w = font.map_or_else(
                                    || fallback.width(c, two),
                                    |f| f.widths.width(c, two),
                                );
                                let space = if !two && c == 32 { tw } else { 0.0 };
                                adv += (w / 1000.0 * size + tc + space) * th;
                            }
                            let x0 = trm[4];
                            let y0 = trm[5];
                            tm = mul(&[1.0, 0.0, 0.0, 1.0, adv, 0.0], &tm);
                            let end = mul(&tm, &ctm);
                            if spans.len() < 200_000 {
                                spans.push(Span {
                                    x: x0,
                                    y: y0,
                                    end_x: end[4],
                                    size: eff.abs().max(1.0),
                                    text,
                                });
                            }
                        }
                        other => {
                            let n = other.as_float().unwrap_or(0.0);
                            let tx = -n / 1000.0 * size * th;
                            tm = mul(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], &tm);
                        }
                    }
                }
            }
            "Do" => {
                if let Some(name) = o.first().and_then(|n| n.as_name().ok()) {
                    if images.len() < 64 {
                        images.push(name.to_vec());
                    }
                }
            }
            _ => {}
        }
    }
    (spans, images)
}

fn page_xobjects(doc: &Document, page: ObjectId) -> Vec<(Vec<u8>, &lopdf::Stream)> {
    let mut out = Vec::new();
    let Ok((own, ids)) = doc.get_page_resources(page) else {
        return out;
    };
    let mut dicts: Vec<&Dictionary> = own.into_iter().collect();
    dicts.extend(ids.iter().filter_map(|id| doc.get_dictionary(*id).ok()));
    for res in dicts {
        let Some(xo) = res
            .get(b"XObject")
            .ok()
            .and_then(|o| doc.dereference(o).ok())
            .and_then(|(_, o)| o.as_dict().ok())
        else {
            continue;
        };
        for (name, v) in xo.iter() {
            if let Ok((_, Object::Stream(s))) = doc.dereference(v) {
                out.push((name.clone(), s));
            }
        }
    }
    out
}

pub fn extract(data: &[u8], loc: &Location, depth: u32, ctx: &mut Ctx) {
    let tail = data.get(data.len().saturating_sub(2048)..).unwrap_or(data);
    if !tail.windows(5).any(|w| w == b"%%EOF") {
        ctx.unscannable(loc, "truncated PDF (no end-of-file marker)");
        salvage(data, loc, ctx);
        return;
    }
    if max_nesting(data) > MAX_PDF_NESTING {
        ctx.unscannable(loc, "PDF nested too deeply");
        return;
    }
    // lopdf inflates object and cross-reference streams while it loads,
    // without a cap: measure them first, under the same ratio limit as
    // every other stream.
    if let Err(reason) = structure_streams_within(data, |len| ctx.budget.ratio_cap(len)) {
        ctx.unscannable(loc, reason);
        return;
    }
    let doc = match Document::load_mem(data) {
        Ok(d) => d,
        Err(_) => {
            ctx.unscannable(loc, "corrupt PDF");
            salvage(data, loc, ctx);
            return;
        }
    };
    if doc.trailer.get(b"Encrypt").is_ok() {
        ctx.unscannable(loc, "password-protected (encrypted) PDF");
        return;
    }
    let pages = doc.get_pages();
    if pages.is_empty() {
        ctx.unscannable(loc, "PDF without readable pages");
        return;
    }
    // Info, metadata, form fields, annotations and attached files.
    super::pdf_objects::extract(&doc, loc, depth, ctx);
    let mut scans: Vec<(Location, Vec<u8>)> = Vec::new();
    for (number, page_id) in pages {
        let ploc = Location {
            page: Some(number),
            ..loc.clone()
        };
        if let Err(hit) = ctx.budget.check_time() {
            ctx.limit(&ploc, hit);
            return;
        }
        let mut content = Vec::new();
        for cid in doc.get_page_contents(page_id) {
            if let Ok(Object::Stream(s)) = doc.get_object(cid) {
                let cap = ctx
                    .budget
                    .ratio_cap(s.content.len() as u64)
                    .min(ctx.budget.extract_room());
                match decode_stream(s, cap) {
                    Ok((bytes, None)) => content.extend_from_slice(&bytes),
                    Ok((_, Some(_))) | Err(_) => {
                        ctx.unscannable(&ploc, "undecodable PDF content stream");
                    }
                }
            }
        }
        let fonts: std::collections::BTreeMap<Vec<u8>, Font<'_>> = doc
            .get_page_fonts(page_id)
            .unwrap_or_default()
            .into_iter()
            .map(|(name, dict)| (name, load_font(&doc, dict)))
            .collect();
        if max_nesting(&content) > MAX_PDF_NESTING {
            ctx.unscannable(&ploc, "PDF content nested too deeply");
            continue;
        }
        let (spans, drawn) = interpret(&content, &fonts);
        let text = layout(spans);
        let visible = text.chars().filter(|c| !c.is_whitespace()).count();
        ctx.push_text(ploc.clone(), text);
        if visible < 200 && !drawn.is_empty() {
            page_images(&doc, page_id, &drawn, &ploc, ctx, &mut scans);
        }
    }
    let images: Vec<Vec<u8>> = scans.iter().map(|(_, img)| img.clone()).collect();
    let results = ocr::ocr_batch(&images, ctx);
    for ((loc, _), result) in scans.into_iter().zip(results) {
        match result {
            Ok(t) => ctx.push_text(loc, t),
            Err(reason) => ctx.unscannable(&loc, &reason),
        }
    }
}

/// Collect the decodable images drawn on a page with little text, for OCR.
fn page_images(
    doc: &Document,
    page: ObjectId,
    drawn: &[Vec<u8>],
    loc: &Location,
    ctx: &mut Ctx,
    scans: &mut Vec<(Location, Vec<u8>)>,
) {
    for (name, stream) in page_xobjects(doc, page) {
        if !drawn.contains(&name) {
            continue;
        }
        if stream.dict.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Image".as_slice()) {
            continue;
        }
        let w = stream
            .dict
            .get(b"Width")
            .and_then(Object::as_i64)
            .unwrap_or(0);
        let h = stream
            .dict
            .get(b"Height")
            .and_then(Object::as_i64)
            .unwrap_or(0);
        if w < 64 || h < 32 {
            continue; // logos and rules: too small to hold readable text
        }
        let cap = ctx
            .budget
            .extract_room()
            .min((w as u64).saturating_mul(h as u64).saturating_mul(4) + 1024);
        let image = match decode_stream(stream, cap) {
            Ok((bytes, Some(f))) if f == "DCTDecode" || f == "DCT" => Some(bytes),
            Ok((pixels, None)) => ocr::pnm_from_pdf_image(&stream.dict, doc, w, h, &pixels),
            _ => None,
        };
        match image {
            Some(img) if scans.len() < 256 => scans.push((loc.clone(), img)),
            Some(_) => ctx.unscannable(loc, "too many scanned images in one PDF"),
            None => ctx.unscannable(loc, "scanned PDF page in an unsupported image encoding"),
        }
    }
}
