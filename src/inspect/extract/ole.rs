//! Legacy binary Office files (OLE2 compound files, read with the `cfb`
//! crate). Word 97–2003 `.doc` text comes out of its piece table
//! (MS-DOC: FIB → Clx in the table stream → pieces in the WordDocument
//! stream, 8-bit or UTF-16), which holds the main text, tables, headers,
//! footers, footnotes and comments alike.
//!
//! OLE objects that wrap a file (packages, embedded documents) hand it to
//! `ole_package`.
//!
//! Fails closed: an encrypted or obfuscated document, a damaged piece
//! table, and every other compound file (`.xls`, `.ppt`, `.msg`, encrypted
//! OOXML) are unscannable; text read before damage is still scanned.

use crate::inspect::Ctx;
use crate::types::Location;
use std::io::{Cursor, Read};

/// FIB magic (`wIdent`) of a Word binary document.
const WORD_IDENT: u16 = 0xA5EC;
/// FibBase flags: fEncrypted, fWhichTblStm, fObfuscated.
const F_ENCRYPTED: u16 = 0x0100;
const F_WHICH_TABLE: u16 = 0x0200;
const F_OBFUSCATED: u16 = 0x8000;
/// Offsets of fcClx/lcbClx in the FIB (FibRgFcLcb97, same in later versions).
const FC_CLX: usize = 0x01A2;
const LCB_CLX: usize = 0x01A6;
/// A piece's file offset is 8-bit ("compressed") text when this bit is set.
const FC_COMPRESSED: u32 = 0x4000_0000;

pub fn extract(data: &[u8], loc: &Location, depth: u32, ctx: &mut Ctx) {
    let Ok(mut file) = cfb::CompoundFile::open(Cursor::new(data)) else {
        ctx.unscannable(loc, "corrupt OLE compound file");
        return;
    };
    let has = |file: &cfb::CompoundFile<_>, path: &str| file.is_stream(path);
    // An embedded object that wraps a file (document embeddings).
    if let Some(path) = super::ole_package::STREAMS
        .into_iter()
        .find(|p| has(&file, p))
    {
        match read_stream(&mut file, path, data.len() as u64) {
            Some(stream) => super::ole_package::extract(path, &stream, loc, depth, ctx),
            None => ctx.unscannable(loc, "corrupt OLE object"),
        }
        return;
    }
    if !has(&file, "/WordDocument") {
        let what = if has(&file, "/EncryptionInfo") {
            "password-protected Office document"
        } else if has(&file, "/Workbook") || has(&file, "/Book") {
            "legacy Excel (.xls) file is not supported"
        } else if has(&file, "/PowerPoint Document") {
            "legacy PowerPoint (.ppt) file is not supported"
        } else {
            "unsupported OLE compound file"
        };
        ctx.unscannable(loc, what);
        return;
    }
    // A stream can be no larger than the file that holds it.
    let limit = data.len() as u64;
    let Some(word) = read_stream(&mut file, "/WordDocument", limit) else {
        ctx.unscannable(loc, "corrupt Word document");
        return;
    };
    let flags = u16_at(&word, 0x0A).unwrap_or(0);
    if u16_at(&word, 0) != Some(WORD_IDENT) {
        ctx.unscannable(loc, "corrupt Word document");
        return;
    }
    if flags & (F_ENCRYPTED | F_OBFUSCATED) != 0 {
        ctx.unscannable(loc, "password-protected Word document");
        return;
    }
    let table_name = if flags & F_WHICH_TABLE != 0 {
        "/1Table"
    } else {
        "/0Table"
    };
    let Some(table) = read_stream(&mut file, table_name, limit) else {
        ctx.unscannable(loc, "corrupt Word document");
        return;
    };
    let (text, complete) = document_text(&word, &table, ctx.budget.extract_room());
    if !complete {
        ctx.unscannable(loc, "corrupt Word document");
    }
    ctx.push_text(loc.clone(), text);
}

fn read_stream(
    file: &mut cfb::CompoundFile<Cursor<&[u8]>>,
    path: &str,
    limit: u64,
) -> Option<Vec<u8>> {
    let stream = file.open_stream(path).ok()?;
    let mut out = Vec::new();
    stream.take(limit).read_to_end(&mut out).ok()?;
    Some(out)
}

fn u16_at(d: &[u8], i: usize) -> Option<u16> {
    Some(u16::from_le_bytes(d.get(i..i + 2)?.try_into().ok()?))
}

fn u32_at(d: &[u8], i: usize) -> Option<u32> {
    Some(u32::from_le_bytes(d.get(i..i + 4)?.try_into().ok()?))
}

/// The document's text in character-position order, at most `room` bytes,
/// and whether the whole piece table could be read.
pub fn document_text(word: &[u8], table: &[u8], room: u64) -> (String, bool) {
    let mut raw = String::new();
    let Some(plc) = u32_at(word, FC_CLX)
        .zip(u32_at(word, LCB_CLX))
        .and_then(|(fc, lcb)| piece_table(table, fc as usize, lcb as usize))
    else {
        return (raw, false);
    };
    let pieces = (plc.len().saturating_sub(4)) / 12;
    let mut complete = true;
    for i in 0..pieces {
        let (Some(cp_start), Some(cp_end), Some(fc)) = (
            u32_at(plc, 4 * i),
            u32_at(plc, 4 * (i + 1)),
            u32_at(plc, 4 * (pieces + 1) + 8 * i + 2),
        ) else {
            complete = false;
            break;
        };
        let chars = cp_end.saturating_sub(cp_start) as usize;
        if raw.len() as u64 + chars as u64 > room {
            complete = false;
            break;
        }
        let piece = if fc & FC_COMPRESSED != 0 {
            let start = ((fc & !FC_COMPRESSED) / 2) as usize;
            word.get(start..start.saturating_add(chars))
                .map(|b| encoding_rs::WINDOWS_1252.decode_without_bom_handling(b).0)
        } else {
            let start = fc as usize;
            word.get(start..start.saturating_add(chars.saturating_mul(2)))
                .map(|b| encoding_rs::UTF_16LE.decode_without_bom_handling(b).0)
        };
        match piece {
            Some(p) => raw.push_str(&p),
            None => {
                complete = false;
                break;
            }
        }
    }
    (readable(&raw), complete)
}

/// The PlcPcd inside the Clx at `fc..fc+lcb` of the table stream: skip the
/// property runs (Prc, clxt 1), stop at the piece table (Pcdt, clxt 2).
fn piece_table(table: &[u8], fc: usize, lcb: usize) -> Option<&[u8]> {
    let clx = table.get(fc..fc.checked_add(lcb)?)?;
    let mut pos = 0usize;
    loop {
        match clx.get(pos)? {
            1 => pos = pos.checked_add(3 + u16_at(clx, pos + 1)? as usize)?,
            2 => {
                let len = u32_at(clx, pos + 1)? as usize;
                return clx.get(pos + 5..(pos + 5).checked_add(len)?);
            }
            _ => return None,
        }
    }
}

/// Word's control characters as plain text: paragraph and cell marks
/// become line breaks and tabs; field instructions (`HYPERLINK "…"`) are
/// dropped, their shown result kept; object anchors vanish.
fn readable(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    // Per open field: true while in its instruction part.
    let mut fields: Vec<bool> = Vec::new();
    for c in raw.chars() {
        match c {
            '\u{13}' => fields.push(true),
            '\u{14}' => {
                if let Some(instruction) = fields.last_mut() {
                    *instruction = false;
                }
            }
            '\u{15}' => {
                fields.pop();
            }
            _ if fields.last() == Some(&true) => {}
            '\r' | '\u{0B}' | '\u{0C}' => out.push('\n'),
            '\u{07}' => out.push('\t'),
            '\u{1E}' => out.push('-'),
            '\u{1F}' => {}
            c if c.is_control() && c != '\t' && c != '\n' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A minimal WordDocument stream and table stream with the given pieces
    /// (text, compressed) laid out one after another.
    fn doc(pieces: &[(&str, bool)]) -> (Vec<u8>, Vec<u8>) {
        let mut word = vec![0u8; 0x0200];
        word[0..2].copy_from_slice(&WORD_IDENT.to_le_bytes());
        let mut cps = vec![0u32];
        let mut fcs = Vec::new();
        for (text, compressed) in pieces {
            let at = word.len() as u32;
            if *compressed {
                fcs.push((at * 2) | FC_COMPRESSED);
                word.extend(text.bytes());
            } else {
                fcs.push(at);
                word.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
            }
            cps.push(cps.last().copied().unwrap_or(0) + text.chars().count() as u32);
        }
        let mut plc = Vec::new();
        for cp in &cps {
            plc.extend(cp.to_le_bytes());
        }
        for fc in &fcs {
            plc.extend([0, 0]);
            plc.extend(fc.to_le_bytes());
            plc.extend([0, 0]);
        }
        // One property run before the piece table, as Word writes it.
        let mut table = vec![0xAAu8; 16];
        let fc_clx = table.len() as u32;
        table.extend([1, 2, 0, 0xFF, 0xFF]);
        table.push(2);
        table.extend((plc.len() as u32).to_le_bytes());
        table.extend(&plc);
        let lcb = table.len() as u32 - fc_clx;
        word[FC_CLX..FC_CLX + 4].copy_from_slice(&fc_clx.to_le_bytes());
        word[LCB_CLX..LCB_CLX + 4].copy_from_slice(&lcb.to_le_bytes());
        (word, table)
    }

    #[test]
    fn pieces_join_in_order_in_both_encodings() {
        let (word, table) = doc(&[
            ("BSN 123.4", true),
            ("56.782 Zoë\r", false),
            ("a\u{7}b\u{7}", true),
        ]);
        let (text, complete) = document_text(&word, &table, 1 << 20);
        assert!(complete);
        assert_eq!(text, "BSN 123.456.782 Zoë\na\tb\t");
    }

    #[test]
    fn field_instructions_are_dropped_their_results_kept() {
        let raw = "zie \u{13}HYPERLINK \"https://x.example/123456782\"\u{14}de site\u{15} en \u{13}PAGE\u{15}.";
        assert_eq!(readable(raw), "zie de site en .");
    }

    #[test]
    fn damaged_piece_tables_keep_what_was_read() {
        let (word, table) = doc(&[("eerste stuk ", true), ("tweede", true)]);
        // The second piece points past the end of the stream.
        let mut broken = table.clone();
        let plc_start = broken.len() - 2 * 8 - 3 * 4;
        let fc_second = plc_start + 3 * 4 + 8 + 2;
        broken[fc_second..fc_second + 4]
            .copy_from_slice(&(0x3FFF_FFF0u32 | FC_COMPRESSED).to_le_bytes());
        let (text, complete) = document_text(&word, &broken, 1 << 20);
        assert!(!complete);
        assert_eq!(text, "eerste stuk ");
        // No Clx at all.
        let (text, complete) = document_text(&word[..0x100], &table, 1 << 20);
        assert!(!complete && text.is_empty());
        // Over the extraction room.
        let (_, complete) = document_text(&word, &table, 4);
        assert!(!complete);
    }
}
