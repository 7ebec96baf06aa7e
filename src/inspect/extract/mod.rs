//! Text extraction per format. `extract_bytes` sniffs a part's bytes (magic
//! first, then content type and file name) and hands it to the matching
//! extractor, which pushes text units into `Ctx`.
//!
//! Promise: every input ends up either as text or as an unscannable reason;
//! unknown binaries, encrypted or corrupt containers and unsupported formats
//! are unscannable, never clean. Third-party parser panics are caught per
//! part and reported as unscannable.

pub mod archive;
pub mod data_uri;
pub mod emf;
pub mod html;
pub mod lzfu;
pub mod mapi;
pub mod member;
pub mod ocr;
pub mod office;
pub mod ole;
pub mod ole_package;
pub mod pdf;
pub mod pdf_bytes;
pub mod pdf_layout;
pub mod pdf_objects;
pub mod rtf;
pub mod rtf_objects;
pub mod text;
pub mod tnef;
pub mod xlsx;
pub mod xml;

use super::{Coverage, Ctx};
use crate::types::Location;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// What a blob of bytes turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Pdf,
    Zip,
    Rtf,
    Html,
    Text,
    Image,
    Tnef,
    /// Old binary Office (OLE2 compound file): `.doc` is read, the rest is
    /// unscannable.
    Ole,
    Gzip,
    Empty,
    Unknown,
}

fn ext_of(name: Option<&str>) -> String {
    name.and_then(|n| n.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()))
        .unwrap_or_default()
}

/// Decide the format from magic bytes, then content type and file extension.
pub fn sniff(data: &[u8], ctype: &str, filename: Option<&str>) -> Kind {
    let head = data.get(..data.len().min(1024)).unwrap_or(data);
    let trimmed = {
        let mut h = head;
        if let Some(rest) = h.strip_prefix(b"\xEF\xBB\xBF") {
            h = rest;
        }
        let skip = h.iter().take_while(|b| b.is_ascii_whitespace()).count();
        h.get(skip..).unwrap_or(h)
    };
    if data.is_empty() {
        return Kind::Empty;
    }
    if head.windows(5).take(1020).any(|w| w == b"%PDF-") {
        return Kind::Pdf;
    }
    if head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06") {
        return Kind::Zip;
    }
    if trimmed.starts_with(b"{\\rtf") {
        return Kind::Rtf;
    }
    if head.starts_with(b"\x89PNG")
        || head.starts_with(b"\xFF\xD8\xFF")
        || head.starts_with(b"II*\0")
        || head.starts_with(b"MM\0*")
        || head.starts_with(b"GIF8")
        || head.starts_with(b"BM")
        || (head.starts_with(b"RIFF") && head.get(8..12) == Some(b"WEBP"))
    {
        return Kind::Image;
    }
    if head.starts_with(&[0x78, 0x9F, 0x3E, 0x22]) {
        return Kind::Tnef;
    }
    if head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Kind::Ole;
    }
    if head.starts_with(&[0x1F, 0x8B]) {
        return Kind::Gzip;
    }
    let ext = ext_of(filename);
    let lower: Vec<u8> = trimmed
        .iter()
        .take(64)
        .map(u8::to_ascii_lowercase)
        .collect();
    let htmlish = lower.starts_with(b"<!doctype html") || lower.starts_with(b"<html");
    if text::looks_like_text(data) {
        if htmlish || ctype == "text/html" || ext == "html" || ext == "htm" {
            return Kind::Html;
        }
        return Kind::Text;
    }
    if ctype.starts_with("image/")
        || matches!(
            ext.as_str(),
            "png" | "jpg" | "jpeg" | "tif" | "tiff" | "gif" | "bmp"
        )
    {
        // Claims to be an image but has no image signature.
        return Kind::Unknown;
    }
    Kind::Unknown
}

/// Most `data:` URIs read from one HTML part.
const MAX_DATA_URIS: usize = 64;

/// An HTML body or file: its text, and every `data:` URI in it scanned
/// like an attachment (pictures through OCR).
pub fn html_part(html_src: &str, loc: &Location, depth: u32, ctx: &mut Ctx) {
    ctx.push_text(loc.clone(), html::html_to_text(html_src));
    if !html_src.contains("data:") && !html_src.to_ascii_lowercase().contains("data:") {
        return;
    }
    let (uris, more) = data_uri::find(html_src, MAX_DATA_URIS);
    for (n, (media, bytes)) in uris.into_iter().enumerate() {
        let member = format!("data: URI {}", n + 1);
        let uloc = Location {
            field: Some(member.clone()),
            ..loc.clone()
        };
        if let Err(hit) = ctx.budget.add_part() {
            ctx.limit(&uloc, hit);
            return;
        }
        match bytes {
            Ok(bytes) => {
                let how = if sniff(&bytes, &media, None) == Kind::Image {
                    Coverage::Ocr
                } else {
                    Coverage::Nested
                };
                extract_bytes(&bytes, &media, None, &uloc, depth + 1, ctx);
                ctx.note("html", &member, how);
            }
            Err(reason) => ctx.cover(loc, "html", &member, Coverage::Unscannable(reason)),
        }
    }
    if more {
        ctx.cover(
            loc,
            "html",
            "data: URIs",
            Coverage::Unscannable("too many data: URIs"),
        );
    }
}

/// Extract text from one attachment or archive member.
pub fn extract_bytes(
    data: &[u8],
    ctype: &str,
    filename: Option<&str>,
    loc: &Location,
    depth: u32,
    ctx: &mut Ctx,
) {
    if let Err(hit) = ctx.budget.check_depth(depth) {
        ctx.limit(loc, hit);
        return;
    }
    let kind = sniff(data, ctype, filename);
    let result = catch_unwind(AssertUnwindSafe(|| match kind {
        Kind::Empty => {}
        Kind::Pdf => pdf::extract(data, loc, depth, ctx),
        Kind::Zip => archive::extract(data, loc, depth, ctx),
        Kind::Rtf => {
            let t = rtf::rtf_to_text(data);
            ctx.push_text(loc.clone(), t);
            rtf_objects::extract(data, loc, depth, ctx);
        }
        Kind::Html => html_part(&text::decode(data), loc, depth, ctx),
        Kind::Text => ctx.push_text(loc.clone(), text::unfold_calendar(text::decode(data))),
        Kind::Image => ocr::extract_image(data, loc, ctx),
        Kind::Tnef => tnef::extract(data, loc, depth, ctx),
        Kind::Ole => ole::extract(data, loc, depth, ctx),
        Kind::Gzip => archive::extract_gzip(data, filename, loc, depth, ctx),
        Kind::Unknown => ctx.unscannable(loc, "unknown binary format"),
    }));
    if result.is_err() {
        ctx.unscannable(loc, "parser failure");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffing_uses_magic_before_names() {
        assert_eq!(
            sniff(b"%PDF-1.4\n", "application/octet-stream", None),
            Kind::Pdf
        );
        assert_eq!(
            sniff(b"PK\x03\x04rest", "text/plain", Some("a.txt")),
            Kind::Zip
        );
        assert_eq!(sniff(b"{\\rtf1 hi}", "application/msword", None), Kind::Rtf);
        assert_eq!(sniff(b"\x89PNG\r\n", "", None), Kind::Image);
        assert_eq!(
            sniff(b"hallo wereld\n", "application/octet-stream", None),
            Kind::Text
        );
        assert_eq!(
            sniff(
                &[0u8, 1, 2, 3, 250, 251, 7, 8, 0, 0],
                "application/octet-stream",
                None
            ),
            Kind::Unknown
        );
        assert_eq!(sniff(b"<html><body>x", "", None), Kind::Html);
    }
}
