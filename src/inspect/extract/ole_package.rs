//! OLE objects that wrap a file: the "Package" object Windows makes when a
//! file is dragged into a document (`\x01Ole10Native`: a label, the
//! original path and the file's bytes), an Office document embedded as OLE
//! (its `Package` stream is the OOXML file) and Acrobat's PDF object
//! (`CONTENTS`). The wrapped file is scanned like an attachment.
//!
//! Fails closed: a native-data stream that does not parse is unscannable.

use super::extract_bytes;
use crate::inspect::{Coverage, Ctx};
use crate::types::Location;

fn u32_at(d: &[u8], i: usize) -> Option<usize> {
    Some(u32::from_le_bytes(d.get(i..i + 4)?.try_into().ok()?) as usize)
}

/// A NUL-terminated ANSI string at `*at`; moves `*at` past the NUL.
fn cstr(d: &[u8], at: &mut usize) -> Option<String> {
    let rest = d.get(*at..)?;
    let end = rest.iter().position(|&b| b == 0)?;
    let s = encoding_rs::WINDOWS_1252
        .decode(rest.get(..end)?)
        .0
        .into_owned();
    *at += end + 1;
    Some(s)
}

/// Parse `\x01Ole10Native`: total size (u32), type (u16), label, source
/// path, two u16, temp path (u32 length + bytes), data (u32 length + bytes).
/// Returns the file name and its bytes.
pub fn native_file(d: &[u8]) -> Option<(String, &[u8])> {
    let mut at = 4 + 2;
    let label = cstr(d, &mut at)?;
    let path = cstr(d, &mut at)?;
    at += 4;
    let temp_len = u32_at(d, at)?;
    at = at.checked_add(4)?.checked_add(temp_len)?;
    let len = u32_at(d, at)?;
    let data = d.get(at + 4..at.checked_add(4)?.checked_add(len)?)?;
    let name = path
        .rsplit(['\\', '/'])
        .next()
        .filter(|n| !n.is_empty())
        .map(str::to_string)
        .unwrap_or(label);
    Some((name, data))
}

/// Streams that hold a wrapped file, in the order they are looked for.
pub const STREAMS: [&str; 3] = ["/\u{1}Ole10Native", "/Package", "/CONTENTS"];

/// Scan the file wrapped in stream `path` (one of `STREAMS`) of an OLE object.
pub fn extract(path: &str, stream: &[u8], loc: &Location, depth: u32, ctx: &mut Ctx) {
    let (name, data) = if path == STREAMS[0] {
        match native_file(stream) {
            Some((name, data)) => (name, data),
            None => {
                ctx.cover(
                    loc,
                    "ole",
                    "Ole10Native",
                    Coverage::Unscannable("unreadable OLE package"),
                );
                return;
            }
        }
    } else {
        (String::new(), stream)
    };
    let name = if name.is_empty() { None } else { Some(name) };
    let mloc = match &name {
        Some(n) => super::member::member_location(loc, n, n, ctx),
        None => loc.clone(),
    };
    extract_bytes(data, "", name.as_deref(), &mloc, depth + 1, ctx);
    ctx.note("ole", path.trim_start_matches('/'), Coverage::Nested);
}

#[cfg(test)]
pub(crate) mod build {
    /// An OLE compound file holding a Package object that wraps `data` as
    /// `name`, laid out as Windows' packager writes it.
    pub fn package(name: &str, data: &[u8]) -> Vec<u8> {
        use std::io::Write;
        let mut native = Vec::new();
        native.extend_from_slice(&[2, 0]);
        native.extend_from_slice(name.as_bytes());
        native.push(0);
        native.extend_from_slice(format!("C:\\Users\\a\\{name}").as_bytes());
        native.push(0);
        native.extend_from_slice(&[0, 0, 3, 0]);
        let temp = format!("C:\\Temp\\{name}\0");
        native.extend_from_slice(&(temp.len() as u32).to_le_bytes());
        native.extend_from_slice(temp.as_bytes());
        native.extend_from_slice(&(data.len() as u32).to_le_bytes());
        native.extend_from_slice(data);
        let mut stream = (native.len() as u32).to_le_bytes().to_vec();
        stream.extend_from_slice(&native);
        let mut file = cfb::CompoundFile::create(std::io::Cursor::new(Vec::new())).unwrap();
        file.create_stream("/\u{1}Ole10Native")
            .unwrap()
            .write_all(&stream)
            .unwrap();
        file.flush().unwrap();
        file.into_inner().into_inner()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn native_data_gives_name_and_bytes() {
        let mut d = vec![0u8; 4];
        d.extend_from_slice(&[2, 0]);
        d.extend_from_slice(b"lijst.csv\0C:\\x\\lijst.csv\0\0\0\x03\0");
        d.extend_from_slice(&3u32.to_le_bytes());
        d.extend_from_slice(b"tmp");
        d.extend_from_slice(&5u32.to_le_bytes());
        d.extend_from_slice(b"hallo");
        assert_eq!(
            native_file(&d),
            Some(("lijst.csv".to_string(), &b"hallo"[..]))
        );
        assert_eq!(native_file(&d[..d.len() - 1]), None, "truncated data");
        assert_eq!(native_file(b"\xff\xff\xff\xff"), None);
    }
}
