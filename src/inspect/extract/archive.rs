//! ZIP containers: generic archives (members scanned recursively, nested
//! archives included) and the Office/OpenDocument formats, which are ZIPs
//! with known member names. Also single gzip streams.
//!
//! Promise: encrypted members (ZipCrypto, AES), unreadable archives and
//! members past the decompression-ratio or size limits are unscannable.
//! Members are read with a hard cap, so a zip bomb stops at the cap.

use super::member::{is_encrypted_error, member_location, read_member, Zip};
use super::office::{self, Package};
use super::{extract_bytes, xlsx, xml};
use crate::inspect::{mask_digits, Coverage, Ctx};
use crate::types::Location;
use std::io::{Cursor, Read};

/// A ZIP file: Office/OpenDocument when it looks like one, else an archive.
pub fn extract(data: &[u8], loc: &Location, depth: u32, ctx: &mut Ctx) {
    let mut zip = match zip::ZipArchive::new(Cursor::new(data)) {
        Ok(z) => z,
        Err(e) => {
            if is_encrypted_error(&e) {
                ctx.unscannable(loc, "encrypted archive (password protected)");
            } else {
                ctx.unscannable(loc, "corrupt or truncated ZIP container");
                // Still read what can be read: a truncated attachment may
                // hold a BSN in its first members.
                recover(data, loc, depth, ctx);
            }
            return;
        }
    };
    let has = |zip: &Zip, name: &str| zip.index_for_name(name).is_some();
    // The body first, then every other member accounted for (`office`).
    let (read, package) = if has(&zip, "word/document.xml") {
        (xml::docx(&mut zip, loc, ctx), Package::Ooxml)
    } else if has(&zip, "xl/workbook.xml") {
        (xlsx::xlsx(&mut zip, loc, ctx), Package::Ooxml)
    } else if has(&zip, "ppt/presentation.xml") {
        (xml::pptx(&mut zip, loc, ctx), Package::Ooxml)
    } else if has(&zip, "content.xml") && has(&zip, "mimetype") {
        (xml::odf(&mut zip, loc, ctx), Package::Odf)
    } else {
        members(&mut zip, loc, depth, ctx);
        return;
    };
    office::rest(&mut zip, &read, package, loc, depth, ctx);
}

fn members(zip: &mut Zip, loc: &Location, depth: u32, ctx: &mut Ctx) {
    for index in 0..zip.len() {
        if let Err(hit) = ctx.budget.add_part() {
            ctx.limit(loc, hit);
            return;
        }
        let (name, is_dir) = match zip.by_index_raw(index) {
            Ok(f) => (f.name().to_string(), f.is_dir()),
            Err(_) => {
                ctx.unscannable(loc, "corrupt archive member");
                continue;
            }
        };
        if is_dir {
            continue;
        }
        let base = name.rsplit('/').next().unwrap_or(&name).to_string();
        let member_loc = member_location(loc, &name, &base, ctx);
        match read_member(zip, index, &member_loc, ctx) {
            Some(bytes) => {
                extract_bytes(&bytes, "", Some(&base), &member_loc, depth + 1, ctx);
                ctx.note("zip", &name, Coverage::Nested);
            }
            None => ctx.note("zip", &name, Coverage::Unscannable("not readable")),
        }
    }
}

/// A gzip stream (e.g. `export.csv.gz`): decompressed within limits, then sniffed.
pub fn extract_gzip(
    data: &[u8],
    filename: Option<&str>,
    loc: &Location,
    depth: u32,
    ctx: &mut Ctx,
) {
    let cap = ctx
        .budget
        .ratio_cap(data.len() as u64)
        .min(ctx.budget.extract_room());
    let mut out = Vec::new();
    let reader = flate2::read::GzDecoder::new(data);
    match reader.take(cap.saturating_add(1)).read_to_end(&mut out) {
        Ok(_) if out.len() as u64 > cap => {
            let hit = ctx.budget.ratio_hit();
            ctx.limit(loc, hit);
        }
        Ok(_) => {
            let inner = filename.map(|f| f.trim_end_matches(".gz").to_string());
            extract_bytes(&out, "", inner.as_deref(), loc, depth + 1, ctx);
        }
        Err(_) => ctx.unscannable(loc, "corrupt gzip stream"),
    }
}

fn u16_at(d: &[u8], i: usize) -> Option<usize> {
    d.get(i..i + 2)
        .map(|b| usize::from(u16::from_le_bytes([b[0], b[1]])))
}
fn u32_at(d: &[u8], i: usize) -> Option<usize> {
    d.get(i..i + 4)
        .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
}

/// Members found by their local headers in a ZIP without a (readable)
/// central directory, decompressed as far as the data goes.
pub fn local_entries(data: &[u8], cap: u64, max: usize) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut i = 0usize;
    while out.len() < max {
        let Some(pos) = data
            .get(i..)
            .and_then(|d| d.windows(4).position(|w| w == b"PK\x03\x04"))
        else {
            break;
        };
        let h = i + pos;
        i = h + 4;
        let (Some(flags), Some(method), Some(csize), Some(nlen), Some(xlen)) = (
            u16_at(data, h + 6),
            u16_at(data, h + 8),
            u32_at(data, h + 18),
            u16_at(data, h + 26),
            u16_at(data, h + 28),
        ) else {
            break;
        };
        let name =
            String::from_utf8_lossy(data.get(h + 30..h + 30 + nlen).unwrap_or(b"")).into_owned();
        let start = h + 30 + nlen + xlen;
        let Some(rest) = data.get(start..) else { break };
        if flags & 1 != 0 {
            continue; // encrypted: nothing to read
        }
        let body = if csize > 0 {
            rest.get(..csize.min(rest.len())).unwrap_or(rest)
        } else {
            rest
        };
        let bytes = match method {
            0 if csize > 0 => body
                .get(..body.len().min(cap as usize))
                .unwrap_or(body)
                .to_vec(),
            8 => {
                let mut v = Vec::new();
                let _ = flate2::read::DeflateDecoder::new(body)
                    .take(cap)
                    .read_to_end(&mut v);
                v
            }
            _ => continue,
        };
        out.push((name, bytes));
    }
    out
}

/// Best-effort reading of a damaged ZIP (already marked unscannable).
fn recover(data: &[u8], loc: &Location, depth: u32, ctx: &mut Ctx) {
    let cap = ctx
        .budget
        .ratio_cap(data.len() as u64)
        .min(ctx.budget.extract_room());
    let max = ctx.budget.config.max_parts as usize;
    for (name, bytes) in local_entries(data, cap, max) {
        if ctx.budget.add_part().is_err() || ctx.budget.add_extracted(bytes.len() as u64).is_err() {
            return;
        }
        let mloc = Location {
            field: Some(mask_digits(&name)),
            ..loc.clone()
        };
        let office = name.ends_with(".xml")
            && (name.starts_with("word/")
                || name.starts_with("xl/")
                || name.starts_with("ppt/")
                || name == "content.xml");
        if office {
            ctx.push_text(mloc, xml::recover_text(&bytes));
        } else if !name.ends_with('/') && !name.ends_with(".rels") && !name.ends_with(".xml") {
            let base = name.rsplit('/').next().unwrap_or(&name).to_string();
            extract_bytes(&bytes, "", Some(&base), &mloc, depth + 1, ctx);
        }
    }
}
