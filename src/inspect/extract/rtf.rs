//! RTF to text: groups are followed, destinations that hold no visible text
//! (font/colour tables, bookmarks, pictures, field instructions, `\*`
//! groups) are skipped, so a number split by groups or bookmarks joins up.
//! `\'hh` is windows-1252, `\uN` Unicode with `\ucN` fallback skipping.
//!
//! Pure, linear, iterative (no recursion on nesting); never fails.

use encoding_rs::WINDOWS_1252;

const SKIP_DEST: &[&str] = &[
    "fonttbl",
    "colortbl",
    "stylesheet",
    "info",
    "pict",
    "object",
    "bkmkstart",
    "bkmkend",
    "fldinst",
    "listtable",
    "listoverridetable",
    "rsidtbl",
    "generator",
    "themedata",
    "colorschememapping",
    "datastore",
    "latentstyles",
    "xmlnstbl",
    "pgdsctbl",
    "mmathPr",
    "filetbl",
    "revtbl",
    "objdata",
    "blipuid",
    "panose",
    "falt",
    "passwordhash",
    "wgrffmtfilter",
];

#[derive(Clone, Copy)]
struct State {
    skip: bool,
    uc: usize,
}

pub fn rtf_to_text(data: &[u8]) -> String {
    let mut out = String::new();
    let mut stack: Vec<State> = Vec::new();
    let mut st = State { skip: false, uc: 1 };
    let mut pending_skip = 0usize; // fallback chars to drop after \uN
    let mut i = 0usize;
    let mut bytes_run: Vec<u8> = Vec::new();
    let flush = |run: &mut Vec<u8>, out: &mut String| {
        if !run.is_empty() {
            out.push_str(&WINDOWS_1252.decode(run).0);
            run.clear();
        }
    };
    while let Some(&b) = data.get(i) {
        match b {
            b'{' => {
                flush(&mut bytes_run, &mut out);
                if stack.len() < 10_000 {
                    stack.push(st);
                }
                i += 1;
            }
            b'}' => {
                flush(&mut bytes_run, &mut out);
                st = stack.pop().unwrap_or(State { skip: false, uc: 1 });
                i += 1;
            }
            b'\\' => {
                let next = data.get(i + 1).copied();
                match next {
                    Some(c) if c.is_ascii_alphabetic() => {
                        let start = i + 1;
                        let mut j = start;
                        while data.get(j).is_some_and(|c| c.is_ascii_alphabetic()) && j - start < 32
                        {
                            j += 1;
                        }
                        let word =
                            std::str::from_utf8(data.get(start..j).unwrap_or(b"")).unwrap_or("");
                        let num_start = j;
                        if data.get(j) == Some(&b'-') {
                            j += 1;
                        }
                        while data.get(j).is_some_and(|c| c.is_ascii_digit()) && j - num_start < 10
                        {
                            j += 1;
                        }
                        let param: Option<i64> =
                            std::str::from_utf8(data.get(num_start..j).unwrap_or(b""))
                                .ok()
                                .and_then(|s| s.parse().ok());
                        if data.get(j) == Some(&b' ') {
                            j += 1;
                        }
                        i = j;
                        if SKIP_DEST.contains(&word) {
                            st.skip = true;
                            continue;
                        }
                        if st.skip {
                            continue;
                        }
                        if pending_skip > 0 {
                            pending_skip -= 1;
                            continue;
                        }
                        flush(&mut bytes_run, &mut out);
                        match word {
                            "par" | "line" | "sect" | "page" | "row" => out.push('\n'),
                            "tab" | "cell" => out.push('\t'),
                            "emdash" => out.push('—'),
                            "endash" => out.push('–'),
                            "lquote" | "rquote" => out.push('\''),
                            "ldblquote" | "rdblquote" => out.push('"'),
                            "bullet" => out.push('•'),
                            "uc" => st.uc = param.unwrap_or(1).clamp(0, 8) as usize,
                            "u" => {
                                let v = param.unwrap_or(0);
                                let v = if v < 0 { v + 65536 } else { v };
                                if let Some(c) = char::from_u32(v as u32) {
                                    out.push(c);
                                }
                                pending_skip = st.uc;
                            }
                            _ => {}
                        }
                    }
                    Some(b'\'') => {
                        let hex = data
                            .get(i + 2..i + 4)
                            .and_then(|h| std::str::from_utf8(h).ok());
                        i += 4;
                        if st.skip {
                            continue;
                        }
                        if pending_skip > 0 {
                            pending_skip -= 1;
                            continue;
                        }
                        if let Some(v) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                            bytes_run.push(v);
                        }
                    }
                    Some(b'*') => {
                        st.skip = true;
                        i += 2;
                    }
                    Some(c) => {
                        i += 2;
                        if st.skip {
                            continue;
                        }
                        flush(&mut bytes_run, &mut out);
                        match c {
                            b'\\' | b'{' | b'}' => out.push(c as char),
                            b'~' => out.push('\u{a0}'),
                            b'_' => out.push('-'),
                            b'\n' | b'\r' => out.push('\n'),
                            _ => {}
                        }
                    }
                    None => i += 1,
                }
            }
            b'\r' | b'\n' => i += 1,
            _ => {
                i += 1;
                if st.skip {
                    continue;
                }
                if pending_skip > 0 {
                    pending_skip -= 1;
                    continue;
                }
                bytes_run.push(b);
            }
        }
    }
    flush(&mut bytes_run, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_and_bookmarks_do_not_split_numbers() {
        let rtf = br"{\rtf1\ansi{\fonttbl{\f0 Arial;}}\pard BSN: {123}{\*\bkmkstart bm1}456{\*\bkmkend bm1}{\b 782}\par Pati\'ebnt \u235?x\par}";
        let t = rtf_to_text(rtf);
        assert!(t.contains("BSN: 123456782"), "{t:?}");
        assert!(t.contains("Patiënt ëx"), "{t:?}");
        assert!(!t.contains("Arial"));
    }

    #[test]
    fn deep_or_broken_input_is_fine() {
        let deep = "{".repeat(100_000);
        assert_eq!(rtf_to_text(deep.as_bytes()), "");
        let _ = rtf_to_text(b"\\'z\\u-\\");
    }
}
