//! MAPI property lists as TNEF stores them (`attMsgProps`, MS-OXTNEF
//! 2.1.3.4): a count, then per property its type and id, a name for named
//! properties, and its value(s), each padded to four bytes.
//!
//! Why: Outlook keeps a rich-text body only here (`PR_RTF_COMPRESSED`,
//! `PR_HTML`, `PR_BODY`). Fails closed: a list that does not parse to its
//! end is an error, and the caller treats the body as unreadable.

/// One property: its type (multi-value bit included), id and raw values.
#[derive(Debug, PartialEq, Eq)]
pub struct Prop<'a> {
    pub kind: u16,
    pub id: u16,
    pub values: Vec<&'a [u8]>,
}

pub const PT_STRING8: u16 = 0x001E;
pub const PT_UNICODE: u16 = 0x001F;
pub const PT_BINARY: u16 = 0x0102;
const PT_OBJECT: u16 = 0x000D;
const MV: u16 = 0x1000;

/// Most properties and values read from one list (a bound on work).
const MAX_ITEMS: usize = 100_000;

struct Cursor<'a> {
    d: &'a [u8],
    at: usize,
}

impl<'a> Cursor<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let end = self.at.checked_add(n)?;
        let s = self.d.get(self.at..end)?;
        self.at = end;
        Some(s)
    }
    fn u16(&mut self) -> Option<u16> {
        Some(u16::from_le_bytes(self.take(2)?.try_into().ok()?))
    }
    fn u32(&mut self) -> Option<usize> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?) as usize)
    }
    /// `n` bytes, then padding to a multiple of four.
    fn padded(&mut self, n: usize) -> Option<&'a [u8]> {
        let v = self.take(n)?;
        self.take((4 - n % 4) % 4)?;
        Some(v)
    }
}

/// Size of one fixed-size value, or `None` for variable-size types.
fn fixed_size(kind: u16) -> Option<usize> {
    match kind {
        0x0001..=0x0004 | 0x000A | 0x000B => Some(4),
        0x0005..=0x0007 | 0x0014 | 0x0040 => Some(8),
        0x0048 => Some(16),
        _ => None,
    }
}

/// Parse a whole property list; `None` when it is damaged.
pub fn parse(data: &[u8]) -> Option<Vec<Prop<'_>>> {
    let mut c = Cursor { d: data, at: 0 };
    let count = c.u32()?;
    if count > MAX_ITEMS {
        return None;
    }
    let mut props = Vec::new();
    for _ in 0..count {
        let kind = c.u16()?;
        let id = c.u16()?;
        if id >= 0x8000 {
            // Named property: GUID, then a number or a UTF-16 name.
            c.take(16)?;
            match c.u32()? {
                0 => {
                    c.u32()?;
                }
                1 => {
                    let n = c.u32()?;
                    c.padded(n)?;
                }
                _ => return None,
            }
        }
        let base = kind & !MV;
        let multi = kind & MV != 0;
        let mut values = Vec::new();
        match fixed_size(base) {
            Some(size) => {
                let n = if multi { c.u32()? } else { 1 };
                if n > MAX_ITEMS {
                    return None;
                }
                for _ in 0..n {
                    values.push(c.take(size)?);
                }
            }
            None if matches!(base, PT_STRING8 | PT_UNICODE | PT_BINARY | PT_OBJECT) => {
                let n = c.u32()?;
                if n > MAX_ITEMS {
                    return None;
                }
                for _ in 0..n {
                    let len = c.u32()?;
                    values.push(c.padded(len)?);
                }
            }
            None => return None,
        }
        props.push(Prop { kind, id, values });
    }
    Some(props)
}

/// Text of a string property value (8-bit in the code page, or UTF-16LE).
pub fn text(kind: u16, value: &[u8]) -> String {
    if kind & !MV == PT_UNICODE {
        let units: Vec<u16> = value
            .chunks_exact(2)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .collect();
        String::from_utf16_lossy(&units)
            .trim_end_matches('\0')
            .to_string()
    } else {
        let v = value.strip_suffix(&[0]).unwrap_or(value);
        encoding_rs::WINDOWS_1252.decode(v).0.into_owned()
    }
}

#[cfg(test)]
pub(crate) mod build {
    /// A property list of `(type, id, value)`, single values only.
    pub fn props(list: &[(u16, u16, &[u8])]) -> Vec<u8> {
        let mut out = (list.len() as u32).to_le_bytes().to_vec();
        for (kind, id, value) in list {
            out.extend_from_slice(&kind.to_le_bytes());
            out.extend_from_slice(&id.to_le_bytes());
            if super::fixed_size(*kind).is_none() {
                out.extend_from_slice(&1u32.to_le_bytes());
                out.extend_from_slice(&(value.len() as u32).to_le_bytes());
            }
            out.extend_from_slice(value);
            out.extend(std::iter::repeat_n(0, (4 - value.len() % 4) % 4));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_parse_and_damage_is_an_error() {
        let data = build::props(&[
            (0x0003, 0x0E07, &[1, 0, 0, 0]),
            (PT_STRING8, 0x0037, b"Uitslag\0"),
            (PT_BINARY, 0x1009, &[9, 9, 9]),
        ]);
        let props = parse(&data).unwrap();
        assert_eq!(props.len(), 3);
        assert_eq!(text(props[1].kind, props[1].values[0]), "Uitslag");
        assert_eq!(props[2].values[0], &[9, 9, 9]);
        assert!(parse(&data[..data.len() - 2]).is_none());
        assert!(parse(&[0xff, 0xff, 0xff, 0xff]).is_none());
        assert_eq!(text(PT_UNICODE, &[b'h', 0, b'i', 0, 0, 0]), "hi");
    }
}
