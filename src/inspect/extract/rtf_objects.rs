//! Pictures (`\pict`) and embedded objects (`\objdata`) inside RTF, which
//! `rtf::rtf_to_text` skips as destinations without visible text. A PNG
//! or JPEG picture goes through OCR; an object's OLE1 data (MS-OLEDS
//! 2.2.4 ObjectHeader + native data) is unwrapped: a Package gives its
//! file, other classes an OLE compound file; either is scanned like an
//! attachment.
//!
//! Alternative renderings are known to add nothing: `\nonshppict` (the
//! old-style copy of a `\shppict` picture) and an object's `\result` (a
//! picture of the object read above). Any other picture (EMF, WMF, DIB)
//! has no reader here and makes the part unscannable.
//!
//! Pure scanning, iterative, bounded by `MAX_ITEMS` and the byte cap.

use super::extract_bytes;
use crate::inspect::{Coverage, Ctx};
use crate::types::Location;

/// Most pictures and objects taken from one RTF document.
const MAX_ITEMS: usize = 256;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dest {
    None,
    Pict,
    ObjData,
}

struct Frame {
    dest: Dest,
    format: &'static str,
    rendering: bool,
    data: Vec<u8>,
    nibble: Option<u8>,
}

impl Frame {
    fn child(&self) -> Frame {
        Frame {
            dest: Dest::None,
            format: "",
            rendering: self.rendering,
            data: Vec::new(),
            nibble: None,
        }
    }
}

/// One picture or object found.
#[derive(Debug, PartialEq, Eq)]
pub struct Found {
    /// `png`, `jpeg`, `emf`, `wmf`, `bmp`, `other`, or `object`.
    pub format: &'static str,
    /// Inside `\nonshppict` or an object's `\result`.
    pub rendering: bool,
    pub data: Vec<u8>,
}

/// Every `\pict` and `\objdata` in `rtf`, with its bytes (at most `cap` in all).
pub fn find(rtf: &[u8], cap: usize) -> Vec<Found> {
    let mut out = Vec::new();
    let mut stack: Vec<Frame> = vec![Frame {
        dest: Dest::None,
        format: "",
        rendering: false,
        data: Vec::new(),
        nibble: None,
    }];
    let mut total = 0usize;
    let mut i = 0usize;
    while let Some(&b) = rtf.get(i) {
        i += 1;
        match b {
            b'{' if stack.len() < 10_000 => {
                let child = stack.last().map(Frame::child);
                if let Some(c) = child {
                    stack.push(c);
                }
            }
            b'}' if stack.len() > 1 => {
                if let Some(f) = stack.pop() {
                    if f.dest != Dest::None && out.len() < MAX_ITEMS && !f.data.is_empty() {
                        let format = if f.dest == Dest::ObjData {
                            "object"
                        } else if f.format.is_empty() {
                            "other"
                        } else {
                            f.format
                        };
                        out.push(Found {
                            format,
                            rendering: f.rendering,
                            data: f.data,
                        });
                    }
                }
            }
            b'\\' => {
                let start = i;
                while rtf.get(i).is_some_and(u8::is_ascii_alphabetic) && i - start < 32 {
                    i += 1;
                }
                if i == start {
                    i += 1; // a control symbol (\', \\, \{ …): nothing here
                    continue;
                }
                let word = rtf.get(start..i).unwrap_or(b"");
                let num_start = i;
                if rtf.get(i) == Some(&b'-') {
                    i += 1;
                }
                while rtf.get(i).is_some_and(u8::is_ascii_digit) && i - num_start < 10 {
                    i += 1;
                }
                let param: usize = std::str::from_utf8(rtf.get(num_start..i).unwrap_or(b""))
                    .ok()
                    .and_then(|s| s.parse().ok())
                    .unwrap_or(0);
                if rtf.get(i) == Some(&b' ') {
                    i += 1;
                }
                let Some(top) = stack.last_mut() else { break };
                match word {
                    b"pict" => top.dest = Dest::Pict,
                    b"objdata" => top.dest = Dest::ObjData,
                    b"nonshppict" | b"result" => top.rendering = true,
                    b"pngblip" => top.format = "png",
                    b"jpegblip" => top.format = "jpeg",
                    b"emfblip" => top.format = "emf",
                    b"wmetafile" => top.format = "wmf",
                    b"dibitmap" | b"wbitmap" => top.format = "bmp",
                    b"bin" => {
                        // Raw binary data of `param` bytes follows.
                        let end = i.saturating_add(param).min(rtf.len());
                        if top.dest != Dest::None && total + (end - i) <= cap {
                            top.data.extend_from_slice(rtf.get(i..end).unwrap_or(b""));
                            total += end - i;
                        }
                        i = end;
                    }
                    _ => {}
                }
            }
            _ => {
                let Some(top) = stack.last_mut() else { break };
                if top.dest == Dest::None {
                    continue;
                }
                let Some(v) = (b as char).to_digit(16) else {
                    continue;
                };
                match top.nibble.take() {
                    None => top.nibble = Some(v as u8),
                    Some(hi) if total < cap => {
                        top.data.push((hi << 4) | v as u8);
                        total += 1;
                    }
                    Some(_) => {}
                }
            }
        }
    }
    out
}

fn u32_at(d: &[u8], i: usize) -> Option<usize> {
    Some(u32::from_le_bytes(d.get(i..i.checked_add(4)?)?.try_into().ok()?) as usize)
}

/// OLE1 ObjectHeader: version, format id (2: embedded), class, topic and
/// item names (length-prefixed), then native data (length-prefixed).
/// Returns the class name and the native data with its length prefix.
pub fn ole1_native(d: &[u8]) -> Option<(String, &[u8])> {
    if u32_at(d, 4)? != 2 {
        return None;
    }
    let mut at = 8usize;
    let mut class = String::new();
    for n in 0..3 {
        let len = u32_at(d, at)?;
        let s = d.get(at + 4..at.checked_add(4)?.checked_add(len)?)?;
        if n == 0 {
            class = String::from_utf8_lossy(s.strip_suffix(&[0]).unwrap_or(s)).into_owned();
        }
        at += 4 + len;
    }
    let size = u32_at(d, at)?;
    let native = d.get(at..at.checked_add(4)?.checked_add(size)?)?;
    Some((class, native))
}

/// Scan the pictures and objects of an RTF document (its text is read by
/// `rtf::rtf_to_text`).
pub fn extract(rtf: &[u8], loc: &Location, depth: u32, ctx: &mut Ctx) {
    if !rtf.windows(5).any(|w| w == b"\\pict" || w == b"\\objd") {
        return;
    }
    let cap = ctx.budget.extract_room().min(usize::MAX as u64) as usize;
    for (n, found) in find(rtf, cap).into_iter().enumerate() {
        let member = format!("{} {}", found.format, n + 1);
        let mloc = Location {
            field: Some(member.clone()),
            ..loc.clone()
        };
        if let Err(hit) = ctx.budget.add_part() {
            ctx.limit(&mloc, hit);
            return;
        }
        let how = match (found.format, found.rendering) {
            (_, true) => Coverage::NoContent("alternative rendering of content that is read"),
            ("png" | "jpeg", false) => {
                extract_bytes(&found.data, "", None, &mloc, depth + 1, ctx);
                Coverage::Ocr
            }
            ("object", false) => match ole1_native(&found.data) {
                Some((class, native)) if class.starts_with("Package") => {
                    match super::ole_package::native_file(native) {
                        Some((name, file)) => {
                            let floc = super::member::member_location(loc, &name, &name, ctx);
                            extract_bytes(file, "", Some(&name), &floc, depth + 1, ctx);
                            Coverage::Nested
                        }
                        None => Coverage::Unscannable("unreadable OLE package in RTF"),
                    }
                }
                Some((_, native)) => {
                    let data = native.get(4..).unwrap_or(b"");
                    extract_bytes(data, "", None, &mloc, depth + 1, ctx);
                    Coverage::Nested
                }
                None => Coverage::Unscannable("unreadable embedded object in RTF"),
            },
            _ => Coverage::Unscannable("picture in RTF in a format that is not read"),
        };
        ctx.cover(loc, "rtf", &member, how);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pictures_and_objects_are_found_with_their_rendering_flag() {
        let rtf = b"{\\rtf1 tekst {\\*\\shppict{\\pict{\\*\\picprop{\\sp{\\sn a}{\\sv 12}}}\\pngblip\\picw10 89504e47}}\
{\\nonshppict{\\pict\\wmetafile8 0102}}{\\object\\objemb{\\*\\objdata 0a0b\\bin2 XY}{\\result{\\pict\\emfblip 0c}}}}";
        let found = find(rtf, 1 << 20);
        assert_eq!(found.len(), 4, "{found:?}");
        assert_eq!(found[0].format, "png");
        assert_eq!(found[0].data, b"\x89PNG", "picprop digits are not data");
        assert!(found[1].rendering && found[1].format == "wmf");
        assert_eq!(found[2].format, "object");
        assert_eq!(found[2].data, b"\x0a\x0bXY");
        assert!(found[3].rendering);
        assert!(find(b"{\\pict\\bin99999999 ab}", 10).len() <= 1);
    }

    #[test]
    fn ole1_header_gives_class_and_native_data() {
        let mut d = Vec::new();
        d.extend_from_slice(&0x0501u32.to_le_bytes());
        d.extend_from_slice(&2u32.to_le_bytes());
        for s in [&b"Package\0"[..], b"\0", b"\0"] {
            d.extend_from_slice(&(s.len() as u32).to_le_bytes());
            d.extend_from_slice(s);
        }
        d.extend_from_slice(&3u32.to_le_bytes());
        d.extend_from_slice(b"abc");
        let (class, native) = ole1_native(&d).unwrap();
        assert_eq!(class, "Package");
        assert_eq!(native, b"\x03\0\0\0abc");
        assert!(ole1_native(&d[..d.len() - 1]).is_none());
    }
}
