//! XLSX: shared strings, inline strings and numeric cells of every sheet,
//! one row per line, cells separated by tabs. A numeric cell whose number
//! format is all zeros (`000000000`) is zero-padded as Excel shows it, so a
//! BSN with a leading zero is seen. Headers/footers of sheets are included.
//!
//! Fails closed on malformed XML.

use super::member::Zip;
use super::xml::{attr, read_xml_member};
use crate::inspect::Ctx;
use crate::types::Location;
use quick_xml::events::Event;
use quick_xml::Reader;
use std::collections::HashMap;

fn shared_strings(xml: &[u8]) -> Result<Vec<String>, quick_xml::Error> {
    let mut reader = Reader::from_reader(xml);
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut in_t = false;
    let mut in_rph = false;
    let mut buf = Vec::new();
    loop {
        match reader.read_event_into(&mut buf)? {
            Event::Start(e) => match e.local_name().as_ref() {
                b"si" => cur.clear(),
                b"t" => in_t = true,
                b"rPh" => in_rph = true,
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                b"si" => out.push(std::mem::take(&mut cur)),
                b"t" => in_t = false,
                b"rPh" => in_rph = false,
                _ => {}
            },
            Event::Empty(e) if e.local_name().as_ref() == b"si" => out.push(String::new()),
            Event::Text(t) if in_t && !in_rph => {
                cur.push_str(&t.unescape().unwrap_or_default());
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(out)
}

/// For each cell style index: the zero-padding width of its number format.
fn zero_pad_styles(xml: &[u8]) -> Result<Vec<usize>, quick_xml::Error> {
    let mut reader = Reader::from_reader(xml);
    let mut formats: HashMap<String, String> = HashMap::new();
    let mut xfs = Vec::new();
    let mut in_cellxfs = false;
    let mut buf = Vec::new();
    loop {
        match reader.read_event_into(&mut buf)? {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                b"numFmt" => {
                    if let (Some(id), Some(code)) = (attr(&e, b"numFmtId"), attr(&e, b"formatCode"))
                    {
                        formats.insert(id, code);
                    }
                }
                b"cellXfs" => in_cellxfs = true,
                b"xf" if in_cellxfs => {
                    let id = attr(&e, b"numFmtId").unwrap_or_default();
                    let width = formats
                        .get(&id)
                        .map(|code| {
                            let c = code.trim_matches('"');
                            if !c.is_empty() && c.chars().all(|ch| ch == '0') {
                                c.len()
                            } else {
                                0
                            }
                        })
                        .unwrap_or(0);
                    xfs.push(width);
                }
                _ => {}
            },
            Event::End(e) if e.local_name().as_ref() == b"cellXfs" => in_cellxfs = false,
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(xfs)
}

/// Render a numeric cell value: integers without `.0`/exponent, padded when asked.
pub fn number_text(v: &str, pad: usize) -> String {
    let v = v.trim();
    let int = if v.bytes().all(|b| b.is_ascii_digit() || b == b'-') {
        Some(v.to_string())
    } else {
        v.parse::<f64>()
            .ok()
            .filter(|f| f.is_finite() && f.fract() == 0.0 && f.abs() < 1e15)
            .map(|f| format!("{}", f as i64))
    };
    match int {
        Some(i) if pad > 0 && !i.starts_with('-') && i.len() < pad.min(32) => {
            format!("{}{}", "0".repeat(pad - i.len()), i)
        }
        Some(i) => i,
        None => v.to_string(),
    }
}

fn sheet_text(xml: &[u8], strings: &[String], pads: &[usize]) -> Result<String, quick_xml::Error> {
    let mut reader = Reader::from_reader(xml);
    let mut out = String::new();
    let mut buf = Vec::new();
    let mut cell_type = String::new();
    let mut cell_style = 0usize;
    let mut in_cell = false;
    let mut in_value = false;
    let mut in_formula = false;
    loop {
        match reader.read_event_into(&mut buf)? {
            Event::Start(e) => match e.local_name().as_ref() {
                b"c" => {
                    in_cell = true;
                    cell_type = attr(&e, b"t").unwrap_or_default();
                    cell_style = attr(&e, b"s").and_then(|s| s.parse().ok()).unwrap_or(0);
                }
                b"v" | b"t" => in_value = true,
                b"f" => in_formula = true,
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                b"c" => {
                    in_cell = false;
                    out.push('\t');
                }
                b"v" | b"t" => in_value = false,
                b"f" => in_formula = false,
                b"row" => out.push('\n'),
                _ => {}
            },
            Event::Text(t) if !in_formula => {
                let s = t.unescape().unwrap_or_default();
                if in_cell && in_value {
                    match cell_type.as_str() {
                        "s" => {
                            if let Some(v) =
                                s.trim().parse::<usize>().ok().and_then(|i| strings.get(i))
                            {
                                out.push_str(v);
                            }
                        }
                        "" | "n" => out
                            .push_str(&number_text(&s, pads.get(cell_style).copied().unwrap_or(0))),
                        _ => out.push_str(&s),
                    }
                } else if !in_cell {
                    // Header/footer text and the like.
                    out.push_str(&s);
                    out.push('\n');
                }
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(out)
}

/// Reads shared strings, styles and every sheet; returns the names read.
pub fn xlsx(zip: &mut Zip, loc: &Location, ctx: &mut Ctx) -> Vec<String> {
    let bad = |ctx: &mut Ctx, l: &Location| ctx.unscannable(l, "malformed XML in spreadsheet");
    let mut read = vec![
        "xl/sharedStrings.xml".to_string(),
        "xl/styles.xml".to_string(),
    ];
    let strings = match read_xml_member(zip, "xl/sharedStrings.xml", loc, ctx) {
        Some(b) => match shared_strings(&b) {
            Ok(s) => s,
            Err(_) => {
                bad(ctx, loc);
                return read;
            }
        },
        None => Vec::new(),
    };
    let pads = match read_xml_member(zip, "xl/styles.xml", loc, ctx) {
        Some(b) => zero_pad_styles(&b).unwrap_or_default(),
        None => Vec::new(),
    };
    let mut sheets: Vec<String> = zip
        .file_names()
        .filter(|n| n.starts_with("xl/worksheets/") && n.ends_with(".xml"))
        .map(str::to_string)
        .collect();
    sheets.sort_by_key(|n| (n.len(), n.clone()));
    read.extend(sheets.iter().cloned());
    for name in sheets {
        let sloc = Location {
            field: Some(name.clone()),
            ..loc.clone()
        };
        if let Some(bytes) = read_xml_member(zip, &name, &sloc, ctx) {
            match sheet_text(&bytes, &strings, &pads) {
                Ok(t) => ctx.push_text(sloc, t),
                Err(_) => bad(ctx, &sloc),
            }
        }
    }
    read
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_render_like_excel() {
        assert_eq!(number_text("12345678", 9), "012345678");
        assert_eq!(number_text("1.23456782E8", 0), "123456782");
        assert_eq!(number_text("6.5", 0), "6.5");
        assert_eq!(number_text("123456782", 0), "123456782");
    }

    #[test]
    fn sheet_cells_resolve_shared_strings_and_padding() {
        let sheet = br#"<worksheet><sheetData><row><c t="s"><v>0</v></c><c s="1"><v>12345678</v></c></row></sheetData></worksheet>"#;
        let t = sheet_text(sheet, &["BSN".to_string()], &[0, 9]).unwrap();
        assert_eq!(t, "BSN\t012345678\t\n");
    }
}
